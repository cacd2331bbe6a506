//! The platform-neutral answer model: what the core says, before any front end presents it.
//!
//! [`Engine::answer`] runs the search pipeline and turns its ranked resources into an
//! [`Answer`]: one page of hits with their topic paths, the suggestions offered when nothing
//! matched, or the recognised small talk. An answer owns its data (no borrows into the engine),
//! so a front end can present it after a catalogue reload has swapped the engine out.
//!
//! The answer model sits on top of [`crate::search`]; the search pipeline never imports it.

use serde::Serialize;

use crate::catalogue::{Catalogue, Kind, Lang, Resource, TopicIdx};
use crate::i18n::Locale;
use crate::search::expand::How;
use crate::search::lexicon::Role;
pub use crate::search::rank::Matched;
use crate::search::rank::Ranked;
pub use crate::search::{Completion, SmallTalk, SuggestionKind};
use crate::search::{Engine, bounded};

/// A topic as answers show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicRef {
    /// The topic's id.
    pub id: String,
    /// Its Chinese label (the seed article's).
    pub name: String,
    /// Its English label.
    pub name_en: String,
}

impl TopicRef {
    /// The topic's id and both labels.
    pub fn new(catalogue: &Catalogue, topic: TopicIdx) -> TopicRef {
        let t = catalogue.topic(topic);
        TopicRef {
            id: t.id.clone(),
            name: t.name.clone(),
            name_en: t.name_en.clone(),
        }
    }

    /// The topic's label in a locale.
    pub fn label(&self, locale: Locale) -> &str {
        match locale {
            Locale::Zh => &self.name,
            Locale::En => &self.name_en,
        }
    }
}

/// One result of an answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The resource's id.
    pub id: String,
    /// Its title (the source's own label).
    pub title: String,
    /// An English rendering of a Chinese title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// The link.
    pub url: String,
    /// What sort of thing the link points at.
    pub kind: Kind,
    /// The page's language.
    pub lang: Lang,
    /// Topic path of the resource's most specific topic, root first.
    #[serde(serialize_with = "serialize_path")]
    pub path: Vec<TopicRef>,
    /// Relevance in [0, 1].
    #[serde(serialize_with = "three_decimals")]
    pub score: f32,
    /// The lexical evidence: which query words matched what, where.
    pub matched: Vec<Matched>,
    /// The semantic evidence: cosine similarity of the resource with the query, when it was
    /// among the semantically nearest.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "three_decimals_some"
    )]
    pub similarity: Option<f32>,
}

/// A score as people read it: three decimals, without the noise of widening an `f32`.
fn three_decimals<S: serde::Serializer>(x: &f32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((f64::from(*x) * 1000.0).round() / 1000.0)
}

fn three_decimals_some<S: serde::Serializer>(x: &Option<f32>, s: S) -> Result<S::Ok, S::Error> {
    match x {
        Some(x) => three_decimals(x, s),
        None => s.serialize_none(),
    }
}

fn serialize_path<S: serde::Serializer>(path: &[TopicRef], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(path.iter().map(|t| t.name.as_str()))
}

impl Hit {
    fn new(catalogue: &Catalogue, ranked: &Ranked) -> Hit {
        let mut hit = Hit::of(catalogue, catalogue.resource(ranked.resource));
        hit.score = ranked.score;
        hit.matched = ranked.matched.clone();
        hit.similarity = ranked.similarity;
        hit
    }

    /// A hit for a resource shown without a query (e.g. when browsing a topic).
    pub fn of(catalogue: &Catalogue, resource: &Resource) -> Hit {
        let path = resource
            .topics
            .first()
            .map(|&t| {
                catalogue
                    .path(t)
                    .into_iter()
                    .map(|t| TopicRef::new(catalogue, t))
                    .collect()
            })
            .unwrap_or_default();
        Hit {
            id: resource.id.clone(),
            title: resource.title.clone(),
            title_en: resource.title_en.clone(),
            url: resource.url.clone(),
            kind: resource.kind,
            lang: resource.lang,
            path,
            score: 0.0,
            matched: Vec::new(),
            similarity: None,
        }
    }

    /// The title to show a reader of `locale`: English readers get the English title when
    /// there is one.
    pub fn title_for(&self, locale: Locale) -> &str {
        match (locale, &self.title_en) {
            (Locale::En, Some(en)) => en,
            _ => &self.title,
        }
    }

    /// The topic path joined with " › " in a locale.
    pub fn path_label(&self, locale: Locale) -> String {
        self.path
            .iter()
            .map(|t| t.label(locale))
            .collect::<Vec<_>>()
            .join(" › ")
    }
}

/// A topic offered when a query found nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// Why it is offered.
    pub kind: SuggestionKind,
    /// The topic.
    pub topic: TopicRef,
}

impl Suggestion {
    /// A topic whose name is close to what was typed.
    pub fn did_you_mean(topic: TopicRef) -> Suggestion {
        Suggestion {
            kind: SuggestionKind::DidYouMean,
            topic,
        }
    }

    /// One of the largest top-level topics, offered when nothing was close.
    pub fn top_topic(topic: TopicRef) -> Suggestion {
        Suggestion {
            kind: SuggestionKind::TopTopic,
            topic,
        }
    }
}

/// One page of the answer to a query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    /// The query as received (capped in length).
    pub query: String,
    /// Hits above the relevance floor, over all pages.
    pub total: usize,
    /// Index of the first hit of this page.
    pub offset: usize,
    /// This page's hits, best first.
    #[serde(rename = "results")]
    pub hits: Vec<Hit>,
    /// Topics to try when there are no hits.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<Suggestion>,
    /// Set when the message was a greeting, thanks or a request for help rather than a
    /// question: front ends reply with a short hint and example questions, and no links.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub small_talk: Option<SmallTalk>,
    /// Set when the message asked the bot to write something ("write me a poem", "帮我写个招聘
    /// 启事", "translate this"): the piece asked for. Front ends say that the bot finds
    /// learning resources and does not write, before any suggested topics.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
}

impl Engine {
    /// Answers a query with one page of hits. With no hits, the answer carries suggestions
    /// (topics close to what was typed, or the top topics) instead; small talk ("你好",
    /// "thanks") gets neither.
    pub fn answer(&self, query: &str, offset: usize, limit: usize) -> Answer {
        let query = bounded(query);
        let found = self.find(&query);
        let catalogue = self.catalogue();
        let total = found.ranked.len();
        let offset = offset.min(total);
        let hits = found
            .ranked
            .iter()
            .skip(offset)
            .take(limit)
            .map(|r| Hit::new(catalogue, r))
            .collect();
        let suggestions = if total == 0 && found.small_talk.is_none() {
            let (kind, topics) = self.suggest_for(&query, &found.words);
            topics
                .into_iter()
                .map(|t| Suggestion {
                    kind,
                    topic: TopicRef::new(catalogue, t),
                })
                .collect()
        } else {
            Vec::new()
        };
        Answer {
            query,
            total,
            offset,
            hits,
            suggestions,
            small_talk: found.small_talk,
            task: found.task.map(str::to_owned),
        }
    }
}

impl Engine {
    /// Why a query is answered as it is, for maintainers (`ganhuo ask --explain`): what each
    /// word is to the engine, and the decision taken for the whole query.
    pub fn explain(&self, query: &str) -> Explanation {
        let found = self.find(&bounded(query));
        let words = found
            .words
            .iter()
            .zip(&found.relevance.words)
            .map(|(w, e)| WordExplained {
                word: w.text.clone(),
                role: match w.role {
                    Role::Content => "content",
                    Role::Intent(_) => "intent",
                    Role::Language(_) => "language",
                    Role::Stop => "filler",
                    Role::Link => "link",
                    Role::Background => "background",
                    Role::Excluded => "excluded",
                    Role::Unwanted(_) => "unwanted",
                },
                concept: w.concept,
                explained: round(e.explained),
                importance: round(e.importance),
                other_sense: w.other_sense.clone(),
                describes_topic: e.described,
                pasted: w.pasted,
                foreign: w.foreign,
                paraphrase_of: w
                    .alternatives
                    .iter()
                    .filter(|a| a.how == How::Paraphrase)
                    .filter_map(|a| self.index().topic_of_term(a.term))
                    .map(|t| self.catalogue().topic(t).name_en.clone())
                    .collect(),
            })
            .collect();
        Explanation {
            words,
            explained_share: round(found.relevance.share()),
            described_share: round(found.relevance.share_described()),
            concepts: found.relevance.concepts,
            corroborated: found.relevance.corroborated,
            asks_what: found.relevance.defined,
            unvouched: found.unvouched,
            starting_points: found.starting_points,
            answered: (found.relevance.answer || found.starting_points) && !found.unvouched,
            small_talk: found.small_talk,
        }
    }
}

fn round(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

/// Why a query was answered as it was.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// Every word of the query as the engine read it.
    pub words: Vec<WordExplained>,
    /// The share of the query's importance the catalogue explains, in [0, 1].
    pub explained_share: f32,
    /// The same, counting the words that describe the topics the query's concepts point to:
    /// the share the decision to answer weighs.
    pub described_share: f32,
    /// How many different words are catalogue concepts.
    pub concepts: usize,
    /// Whether two of those concepts meet in one resource and so corroborate each other.
    pub corroborated: bool,
    /// Whether the query asks what a concept it names outright is ("what is rlhf …"), which
    /// is answered with less of it explained.
    pub asks_what: bool,
    /// Whether a weakly explained query was left unanswered because none of its best results
    /// is near it in meaning.
    pub unvouched: bool,
    /// Whether the query was about the subject as a whole, and so answered with the
    /// catalogue's starting points in their order rather than ranked.
    pub starting_points: bool,
    /// Whether the query is answered with links.
    pub answered: bool,
    /// The small talk recognised, if the message was not a question.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub small_talk: Option<SmallTalk>,
}

/// One word of a query, as [`Explanation`] shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WordExplained {
    /// The word, normalised.
    pub word: String,
    /// "content", "intent" (教程, video), "filler" (请问, "how do i") or "link" (vs, 和).
    pub role: &'static str,
    /// Which concept of a comparison or list it belongs to.
    pub concept: usize,
    /// How much of it the catalogue explains, in [0, 1].
    pub explained: f32,
    /// How much it says in the language: rare words near 1, common ones near 0.
    pub importance: f32,
    /// The words of the message that show this one meant in a sense the catalogue is not
    /// about ("law school" beside "llm"), which is why it explains nothing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_sense: Option<String>,
    /// Whether it is one of the words a topic the query's concepts point to is described with
    /// (the catalogue's `about`), which counts it as explained when deciding whether to answer.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub describes_topic: bool,
    /// Whether it occurs only inside text pasted from a screen (a traceback, a command) that
    /// names the catalogue, and so weighs nothing in deciding whether to answer.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub pasted: bool,
    /// Whether it is a word of a language the bot does not read, and so weighs less in deciding
    /// whether to answer.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub foreign: bool,
    /// The topics (English names) it describes with other words of the message without
    /// naming them (the catalogue's `[[paraphrase]]` entries), which it then stands for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub paraphrase_of: Vec<String>,
}

impl Answer {
    /// Offset of the next page, if there is one.
    pub fn next_offset(&self) -> Option<usize> {
        let end = self.offset + self.hits.len();
        (end < self.total).then_some(end)
    }

    /// Offset of the previous page, if there is one.
    pub fn prev_offset(&self, page_size: usize) -> Option<usize> {
        (self.offset > 0).then(|| self.offset.saturating_sub(page_size))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Engine;

    #[test]
    fn paging_offsets() {
        let engine = Engine::shipped().unwrap();
        let first = engine.answer("量化", 0, 3);
        assert!(first.total > 3);
        assert_eq!(first.hits.len(), 3);
        assert_eq!(first.next_offset(), Some(3));
        assert_eq!(first.prev_offset(3), None);
        let second = engine.answer("量化", 3, 3);
        assert_eq!(second.prev_offset(3), Some(0));
        assert_ne!(first.hits[0].url, second.hits[0].url);
        let past = engine.answer("量化", 10_000, 3);
        assert!(past.hits.is_empty());
        assert_eq!(past.next_offset(), None);
    }

    #[test]
    fn titles_follow_locale() {
        let engine = Engine::shipped().unwrap();
        let answer = engine.answer("图解LoRA", 0, 1);
        let hit = &answer.hits[0];
        assert_eq!(hit.title_for(Locale::Zh), hit.title);
        assert_eq!(Some(hit.title_for(Locale::En)), hit.title_en.as_deref());
        assert!(hit.path_label(Locale::Zh).contains(" › "));
    }

    #[test]
    fn no_hits_carry_suggestions() {
        let engine = Engine::shipped().unwrap();
        let answer = engine.answer("qwertyuiop", 0, 5);
        assert_eq!(answer.total, 0);
        assert!(!answer.suggestions.is_empty());
    }
}
