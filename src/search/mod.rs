//! The query pipeline, read top to bottom:
//!
//! 1. [`normalise`] — NFKC, case folding, traditional → simplified, punctuation folded;
//! 2. [`tokenise`] — words by script, Chinese segmented against the catalogue's dictionary;
//! 3. [`expand`] — synonyms, compounds, completions and typo corrections per word;
//! 4. [`matching`] — candidates from the inverted [`index`], per-word match strength;
//! 5. [`rank`] — scores, bonuses and the relevance floor.
//!
//! [`Engine`] owns a catalogue and its index and runs the pipeline; it is immutable, so a
//! reload builds a new engine and swaps it in whole.

pub mod expand;
pub mod index;
pub mod lexicon;
pub mod matching;
pub mod normalise;
pub mod rank;
pub mod tokenise;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::answer::{Answer, Completion, Hit, Suggestion, TopicRef};
use crate::catalogue::{Catalogue, CatalogueError, TopicIdx};
use expand::QueryWord;
use index::Index;
use rank::Ranked;

/// Longest query the pipeline reads, in characters; the rest is ignored. Real questions are
/// far shorter, and the cap bounds the cost of hostile input.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most hits an answer can page through.
pub const MAX_HITS: usize = 50;

/// A catalogue with its index: everything needed to answer queries.
#[derive(Debug)]
pub struct Engine {
    catalogue: Catalogue,
    index: Index,
}

impl Engine {
    /// Indexes a catalogue.
    pub fn new(catalogue: Catalogue) -> Engine {
        let index = Index::build(&catalogue);
        Engine { catalogue, index }
    }

    /// An engine over the catalogue embedded in the binary.
    pub fn shipped() -> Result<Engine, CatalogueError> {
        Ok(Engine::new(Catalogue::shipped()?))
    }

    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Runs stages 1–3: what the engine understood of a query.
    pub fn understand(&self, query: &str, complete_last: bool) -> Vec<QueryWord> {
        let bounded: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let normalised = normalise::normalise(&bounded);
        let tokens = tokenise::tokenise(&normalised, self.index.dictionary());
        expand::expand(&tokens, &self.index, complete_last)
    }

    /// Runs the whole pipeline: resources above the relevance floor, best first, at most
    /// [`MAX_HITS`].
    pub fn search(&self, query: &str) -> Vec<Ranked> {
        self.search_words(&self.understand(query, false))
    }

    fn search_words(&self, words: &[QueryWord]) -> Vec<Ranked> {
        let candidates = matching::gather(words, &self.index);
        let mut ranked = rank::rank(words, &candidates, &self.index, &self.catalogue);
        ranked.truncate(MAX_HITS);
        ranked
    }

    /// Answers a query with one page of hits. With no hits, the answer carries suggestions
    /// (topics close to what was typed, or the top topics) instead.
    pub fn answer(&self, query: &str, offset: usize, limit: usize) -> Answer {
        let ranked = self.search(query);
        let total = ranked.len();
        let offset = offset.min(total);
        let hits: Vec<Hit> = ranked
            .iter()
            .skip(offset)
            .take(limit)
            .map(|r| Hit::new(&self.catalogue, r))
            .collect();
        let suggestions = if total == 0 {
            self.suggest(query)
        } else {
            Vec::new()
        };
        Answer {
            query: query.chars().take(MAX_QUERY_CHARS).collect(),
            total,
            offset,
            hits,
            suggestions,
        }
    }

    /// Topics to offer when a query found nothing: those whose names are close to the query's
    /// words ("did you mean"), else the largest top-level topics.
    pub fn suggest(&self, query: &str) -> Vec<Suggestion> {
        let words = self.understand(query, false);
        let matcher = SkimMatcherV2::default();
        let mut scored: Vec<(i64, TopicIdx)> = Vec::new();
        for word in words
            .iter()
            .filter(|w| w.is_content() && w.text.chars().count() >= 3)
        {
            for (t, topic) in self.catalogue.topics().iter().enumerate() {
                let best = topic_labels(topic)
                    .filter_map(|label| matcher.fuzzy_match(&label.to_lowercase(), &word.text))
                    .max();
                // Skim scores grow ~16 per matched character; demand a dense match so that a
                // scattered subsequence ("qwertyuiop" in a long name) does not count.
                if let Some(score) = best.filter(|&s| s >= 20 * word.text.chars().count() as i64) {
                    scored.push((score, t));
                }
            }
        }
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut topics: Vec<TopicIdx> = Vec::new();
        for (_, t) in scored {
            if !topics.contains(&t) {
                topics.push(t);
            }
        }
        topics.truncate(3);
        if topics.is_empty() {
            return self
                .catalogue
                .top_topics(8)
                .into_iter()
                .map(|t| Suggestion::top_topic(TopicRef::new(&self.catalogue, t)))
                .collect();
        }
        topics
            .into_iter()
            .map(|t| Suggestion::did_you_mean(TopicRef::new(&self.catalogue, t)))
            .collect()
    }

    /// Completions for a partially typed query, for autocomplete: the closest topic names
    /// (subsequence scoring, so "lor" finds LoRA) followed by the titles of the best hits.
    pub fn complete(&self, partial: &str, limit: usize) -> Vec<Completion> {
        let words = self.understand(partial, true);
        let mut out: Vec<Completion> = Vec::new();
        let needle: String = words
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if !needle.is_empty() {
            let matcher = SkimMatcherV2::default();
            let mut topics: Vec<(i64, TopicIdx, String)> = Vec::new();
            for (t, topic) in self.catalogue.topics().iter().enumerate() {
                let best = topic_labels(topic)
                    .filter_map(|l| {
                        matcher
                            .fuzzy_match(&l.to_lowercase(), &needle)
                            .map(|s| (s, l))
                    })
                    .max_by_key(|(s, _)| *s);
                if let Some((score, _)) = best {
                    topics.push((score, t, topic.name_en.clone()));
                }
            }
            topics.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            out.extend(topics.into_iter().take(limit.div_ceil(3)).map(|(_, t, _)| {
                let topic = self.catalogue.topic(t);
                Completion::topic(&topic.name, &topic.name_en)
            }));
        }
        for r in self.search_words(&words) {
            if out.len() >= limit {
                break;
            }
            let resource = self.catalogue.resource(r.resource);
            let completion = Completion::resource(&resource.title);
            if !out.iter().any(|c| c.value == completion.value) {
                out.push(completion);
            }
        }
        out.truncate(limit);
        out
    }
}

fn topic_labels(topic: &crate::catalogue::Topic) -> impl Iterator<Item = &str> {
    [topic.name.as_str(), topic.name_en.as_str()]
        .into_iter()
        .chain(topic.aliases.iter().map(String::as_str))
}
