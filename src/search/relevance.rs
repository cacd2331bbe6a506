//! Stage 4: decide once per query whether it names enough of the catalogue to answer.
//!
//! A chat message mixes words the catalogue knows ("量化", "deepspeed") with filler it does
//! not ("系统学一下", "my boss wants", "still"). Requiring every resource to match most of the
//! words empties the answer for nearly every sentence; matching any one word answers "best
//! pizza in new york". So the decision is taken for the whole query: each content word is
//! *explained* (it reaches catalogue terms) or not, and counts by its *importance* (rare words
//! say more than common ones). The query is answered when what is explained outweighs what
//! is not. Ranking then weighs each resource by the explained words only.

use super::expand::{How, QueryWord};
use super::index::Index;

/// The least explained importance an answer needs.
const MIN_EVIDENCE: f32 = 0.6;
/// The share of the query's importance that must be explained.
const MIN_SHARE: f32 = 0.5;

/// What one word contributes to the decision.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct WordEvidence {
    /// How much of the word the catalogue accounts for, in [0, 1].
    pub explained: f32,
    /// How much the word says, whatever the catalogue knows of it.
    pub importance: f32,
}

impl WordEvidence {
    /// The word's weight in ranking: what is explained of it, by its importance.
    pub fn weight(&self) -> f32 {
        self.explained * self.importance
    }
}

/// The decision for one query.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Relevance {
    /// Per query word; zero for words that are not content.
    pub words: Vec<WordEvidence>,
    /// Sum of explained importance.
    pub evidence: f32,
    /// Sum of unexplained importance.
    pub unexplained: f32,
    /// Whether the query is answered at all.
    pub answer: bool,
}

/// How much of a word the index accounts for: its best alternative that has resources behind
/// it, or the share of its bigrams that do.
fn explained(word: &QueryWord, index: &Index) -> f32 {
    let mut best: f32 = 0.0;
    for alt in &word.alternatives {
        if !index.postings(alt.term).is_empty() {
            let sure = match alt.how {
                How::Exact | How::Synonym | How::Compound => 1.0,
                How::Part => 0.8,
                How::Typo | How::Prefix => 0.7,
                How::Bigram => 0.6,
            };
            best = best.max(sure);
        }
    }
    if word.part_count > 0 {
        let found = word
            .parts
            .iter()
            .filter(|&&p| !index.postings(p).is_empty())
            .count();
        best = best.max(0.8 * found as f32 / word.part_count as f32);
    }
    best
}

/// Judges a query. `importance` rates a content word by how much it says.
pub fn judge(
    words: &[QueryWord],
    index: &Index,
    importance: impl Fn(&QueryWord) -> f32,
) -> Relevance {
    let mut evidence = 0.0;
    let mut unexplained = 0.0;
    let words: Vec<WordEvidence> = words
        .iter()
        .map(|w| {
            if !w.is_content() {
                return WordEvidence {
                    explained: 0.0,
                    importance: 0.0,
                };
            }
            let e = WordEvidence {
                explained: explained(w, index),
                importance: importance(w),
            };
            evidence += e.weight();
            unexplained += (1.0 - e.explained) * e.importance;
            e
        })
        .collect();
    let answer = evidence >= MIN_EVIDENCE && evidence >= MIN_SHARE * (evidence + unexplained);
    Relevance {
        words,
        evidence,
        unexplained,
        answer,
    }
}
