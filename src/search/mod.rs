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
pub mod vectors;

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
    topic_labels: Vec<Vec<String>>,
    /// Every word of every topic label with its topic and length in characters, for "did you
    /// mean" (which compares typed words with label words of about the same length).
    label_words: Vec<(String, TopicIdx, usize)>,
}

impl Engine {
    /// Indexes a catalogue.
    pub fn new(catalogue: Catalogue) -> Engine {
        let index = Index::build(&catalogue);
        let topic_labels = topic_labels(&catalogue);
        let mut label_words: Vec<(String, TopicIdx, usize)> = Vec::new();
        for (t, labels) in topic_labels.iter().enumerate() {
            for word in labels.iter().flat_map(|l| l.split(' ')) {
                label_words.push((word.to_owned(), t, word.chars().count()));
            }
        }
        label_words.sort();
        label_words.dedup();
        Engine {
            catalogue,
            index,
            topic_labels,
            label_words,
        }
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
        let bounded = bounded(query);
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
        rank::rank(words, &candidates, &self.index, &self.catalogue, MAX_HITS)
    }

    /// Answers a query with one page of hits. With no hits, the answer carries suggestions
    /// (topics close to what was typed, or the top topics) instead.
    pub fn answer(&self, query: &str, offset: usize, limit: usize) -> Answer {
        let words = self.understand(query, false);
        let ranked = self.search_words(&words);
        let total = ranked.len();
        let offset = offset.min(total);
        let hits: Vec<Hit> = ranked
            .iter()
            .skip(offset)
            .take(limit)
            .map(|r| Hit::new(&self.catalogue, r))
            .collect();
        let suggestions = if total == 0 {
            self.suggest_for(&words)
        } else {
            Vec::new()
        };
        Answer {
            query: bounded(query),
            total,
            offset,
            hits,
            suggestions,
        }
    }

    /// Topics to offer when a query found nothing: those whose names are close to the query's
    /// words ("did you mean"), else the largest top-level topics.
    pub fn suggest(&self, query: &str) -> Vec<Suggestion> {
        self.suggest_for(&self.understand(query, false))
    }

    fn suggest_for(&self, words: &[QueryWord]) -> Vec<Suggestion> {
        let mut scored: Vec<(i64, TopicIdx)> = Vec::new();
        for word in words.iter().filter(|w| w.is_content()) {
            let len = word.text.chars().count();
            // Only near misses: a label word about as long as what was typed ("vlm" → vllm),
            // not any long name the letters happen to be scattered through.
            if len >= 3 {
                let near = self
                    .label_words
                    .iter()
                    .filter(|(_, _, n)| n.abs_diff(len) <= 2)
                    .map(|(w, t, _)| (w.as_str(), *t));
                scored.extend(self.fuzzy_topics(&word.text, near));
            }
        }
        let topics = best_topics(scored, 3);
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
    /// Empty input offers the top-level topics.
    pub fn complete(&self, partial: &str, limit: usize) -> Vec<Completion> {
        let bounded = bounded(partial);
        let needle = normalise::normalise(&bounded);
        let topic = |t: TopicIdx| {
            let topic = self.catalogue.topic(t);
            Completion::topic(&topic.name, &topic.name_en)
        };
        if needle.is_empty() {
            return self.catalogue.roots().take(limit).map(topic).collect();
        }
        let labels = self.topic_labels.iter().enumerate();
        let all = labels.flat_map(|(t, ls)| ls.iter().map(move |l| (l.as_str(), t)));
        let scored = self.fuzzy_topics(&needle, all);
        let mut out: Vec<Completion> = best_topics(scored, limit.div_ceil(3))
            .into_iter()
            .map(topic)
            .collect();
        for r in self.search_words(&self.understand(&bounded, true)) {
            if out.len() >= limit {
                break;
            }
            let completion = Completion::resource(&self.catalogue.resource(r.resource).title);
            if !out.iter().any(|c| c.value == completion.value) {
                out.push(completion);
            }
        }
        out.truncate(limit);
        out
    }

    /// Topics with a label that contains `needle` as a dense subsequence (skim scoring), with
    /// their scores, from `(label, topic)` candidates.
    fn fuzzy_topics<'a>(
        &self,
        needle: &str,
        candidates: impl Iterator<Item = (&'a str, TopicIdx)>,
    ) -> Vec<(i64, TopicIdx)> {
        let matcher = SkimMatcherV2::default();
        // Skim gives ~16 per matched character plus bonuses for runs; demanding 20 per
        // character keeps scattered matches ("vll" in "serving built into …") out.
        let floor = 20 * needle.chars().count() as i64;
        candidates
            .filter_map(|(label, t)| {
                let score = matcher.fuzzy_match(label, needle)?;
                (score >= floor).then_some((score, t))
            })
            .collect()
    }
}

/// The part of a query the pipeline reads: its first [`MAX_QUERY_CHARS`] characters.
fn bounded(query: &str) -> String {
    query.chars().take(MAX_QUERY_CHARS).collect()
}

/// The `n` best-scored distinct topics.
fn best_topics(mut scored: Vec<(i64, TopicIdx)>, n: usize) -> Vec<TopicIdx> {
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut topics: Vec<TopicIdx> = Vec::new();
    for (_, t) in scored {
        if topics.len() == n {
            break;
        }
        if !topics.contains(&t) {
            topics.push(t);
        }
    }
    topics
}

/// Every label of every topic, normalised, for fuzzy look-ups.
fn topic_labels(catalogue: &Catalogue) -> Vec<Vec<String>> {
    catalogue
        .topics()
        .iter()
        .map(|t| t.labels().map(normalise::normalise).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::SuggestionKind;

    #[test]
    fn near_misses_suggest_topics() {
        let engine = Engine::shipped().unwrap();
        let answer = engine.answer("ncl", 0, 5);
        assert_eq!(answer.total, 0);
        assert_eq!(answer.suggestions[0].kind, SuggestionKind::DidYouMean);
        assert_eq!(answer.suggestions[0].topic.id, "communication-software");
    }

    #[test]
    fn far_misses_offer_top_topics() {
        let engine = Engine::shipped().unwrap();
        for query in ["best pizza in new york", "qwertyuiop", "今天股票行情"] {
            let answer = engine.answer(query, 0, 5);
            assert_eq!(answer.total, 0, "{query}");
            assert!(
                answer
                    .suggestions
                    .iter()
                    .all(|s| s.kind == SuggestionKind::TopTopic),
                "{query}"
            );
        }
    }

    #[test]
    fn completions_start_with_matching_topics() {
        let engine = Engine::shipped().unwrap();
        let lor = engine.complete("lor", 5);
        assert_eq!(lor.len(), 5);
        assert_eq!(lor[0].value, "LoRA (low-rank adaptation)");
        assert!(lor.iter().any(|c| c.label == "图解LoRA"));
        let empty = engine.complete("  ", 3);
        assert_eq!(empty.len(), 3);
        assert_eq!(empty[0].value, "Fundamentals");
        assert!(
            engine
                .complete("量", 5)
                .iter()
                .any(|c| c.value == "Quantization")
        );
    }
}
