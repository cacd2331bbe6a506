//! Stage 5: score candidates, apply the relevance floor, and order them.
//!
//! A resource's score is the mean strength of its content-word matches, scaled by how much of
//! the query it covers, plus bonuses: the whole query equal to a title, keyword or topic name
//! (exact), a title that starts with the query (prefix), and a kind the user asked for
//! ("视频", "paper"). Intent and stop words never add coverage, so "教程" alone finds nothing
//! and "best pizza in new york" cannot pass on one stray word.

use super::expand::QueryWord;
use std::collections::HashMap;

use super::index::{Field, FieldSet, Index, field_key};
use super::lexicon;
use super::matching::Candidates;
use crate::catalogue::{Catalogue, Kind, ResourceIdx};

/// One match behind a hit, for explaining it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Matched {
    /// The query word as normalised.
    pub word: String,
    /// The index term it matched.
    pub term: String,
    pub field: Field,
    pub how: super::expand::How,
}

/// A resource that passed the relevance floor.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Ranked {
    #[serde(skip)]
    pub resource: ResourceIdx,
    /// Relevance in [0, 1].
    pub score: f32,
    pub matched: Vec<Matched>,
}

/// Below this absolute score nothing is shown.
const FLOOR: f32 = 0.3;
/// Hits weaker than this share of the best hit are noise next to it.
const RELATIVE_FLOOR: f32 = 0.3;
/// A multi-word query must have this share of its content words matched.
const MIN_COVERAGE: f32 = 0.6;
const EXACT_BONUS: f32 = 0.35;
const TOPIC_EXACT_BONUS: f32 = 0.2;
const PREFIX_BONUS: f32 = 0.1;
/// Lift for resources of the kind the user asked for, scaled by [`lexicon::preference`].
const KIND_BONUS: f32 = 0.3;
/// A query that is exactly a topic's name ("deepspeed", "vllm") most likely wants the
/// project's own home (repository, docs, site, named in its title) before articles about it.
const HOME_BONUS: f32 = 0.15;
const INTENT_TITLE_BONUS: f32 = 0.05;
const MAX_SCORE: f32 =
    1.0 + EXACT_BONUS + HOME_BONUS + PREFIX_BONUS + KIND_BONUS + 2.0 * INTENT_TITLE_BONUS;

/// Ranks candidates best first, keeping at most `limit`.
pub fn rank(
    words: &[QueryWord],
    candidates: &Candidates,
    index: &Index,
    catalogue: &Catalogue,
    limit: usize,
) -> Vec<Ranked> {
    let content: Vec<usize> = (0..words.len())
        .filter(|&w| words[w].is_content())
        .collect();
    if content.is_empty() {
        return Vec::new();
    }
    let n = content.len() as f32;
    let needed = if content.len() == 1 {
        0.5
    } else {
        MIN_COVERAGE
    };
    let key: String = content.iter().map(|&w| words[w].text.as_str()).collect();
    // Whole-field matches of the query, looked up once rather than per candidate.
    let mut exact: HashMap<u32, FieldSet> = index.whole_field(&key).iter().copied().collect();
    for &(r, fields) in index.whole_field(&corrected_key(words, &content, index)) {
        exact.entry(r).or_insert(fields);
    }
    let intents: Vec<usize> = (0..words.len())
        .filter(|&w| matches!(words[w].role, lexicon::Role::Intent(_)))
        .collect();

    // Score everything without allocating; only the kept hits are explained below.
    let mut scored: Vec<(f32, usize)> = Vec::new();
    for (i, &resource) in candidates.resources.iter().enumerate() {
        let row = candidates.row(i);
        let coverage: f32 = content.iter().map(|&w| row[w].coverage()).sum::<f32>() / n;
        if coverage < needed {
            continue;
        }
        let strength: f32 = content.iter().map(|&w| row[w].score()).sum::<f32>() / n;
        let r = resource as usize;
        let kind = catalogue.resource(r).kind;
        let mut score = strength * (0.5 + 0.5 * coverage);
        if let Some(fields) = exact.get(&resource) {
            let in_text = fields.contains(Field::Title) || fields.contains(Field::Keyword);
            score += if in_text {
                EXACT_BONUS
            } else {
                TOPIC_EXACT_BONUS
            };
            let named_in_title = content
                .iter()
                .all(|&w| row[w].best().is_some_and(|b| b.1 == Field::Title));
            if fields.contains(Field::Topic) && is_home(kind) && named_in_title {
                score += HOME_BONUS;
            }
        }
        if key.len() >= 2 && index.title_keys(r).iter().any(|t| t.starts_with(&key)) {
            score += PREFIX_BONUS;
        }
        let mut kind_bonus: f32 = 0.0;
        let mut intent_titles = 0.0;
        for &w in &intents {
            kind_bonus = kind_bonus.max(KIND_BONUS * lexicon::preference(words[w].role, kind));
            if row[w]
                .best()
                .is_some_and(|(_, field, _)| field <= Field::Keyword)
            {
                intent_titles += INTENT_TITLE_BONUS;
            }
        }
        score += kind_bonus;
        score += intent_titles.min(2.0 * INTENT_TITLE_BONUS);
        if score >= FLOOR {
            scored.push((score / MAX_SCORE, i));
        }
    }

    let order = |a: &(f32, usize), b: &(f32, usize)| {
        b.0.total_cmp(&a.0)
            .then(candidates.resources[a.1].cmp(&candidates.resources[b.1]))
    };
    if scored.len() > limit && limit > 0 {
        scored.select_nth_unstable_by(limit - 1, order);
    }
    scored.truncate(limit);
    scored.sort_by(order);
    let top = scored.first().map_or(0.0, |s| s.0);
    scored
        .into_iter()
        .take_while(|&(score, _)| score >= top * RELATIVE_FLOOR)
        .map(|(score, i)| {
            let row = candidates.row(i);
            let matched = content
                .iter()
                .filter_map(|&w| {
                    let (term, field, how) = row[w].best()?;
                    Some(Matched {
                        word: words[w].text.clone(),
                        term: index.term_text(term).to_owned(),
                        field,
                        how,
                    })
                })
                .collect();
            Ranked {
                resource: candidates.resources[i] as usize,
                score: score.min(1.0),
                matched,
            }
        })
        .collect()
}

/// Kinds that are a project's own home rather than writing about it.
fn is_home(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Repo | Kind::Docs | Kind::Website | Kind::ModelCard
    )
}

/// The query key with each unknown word replaced by its best guess ("megatorn" → megatron), so
/// that a typo of a whole title still earns the exact bonus.
fn corrected_key(words: &[QueryWord], content: &[usize], index: &Index) -> String {
    let mut key = String::new();
    for &w in content {
        let word = &words[w];
        let best = word
            .alternatives
            .iter()
            .filter(|a| matches!(a.how, super::expand::How::Exact | super::expand::How::Typo))
            .max_by(|a, b| a.weight.total_cmp(&b.weight));
        match best {
            Some(a) => key.push_str(index.term_text(a.term)),
            None => key.push_str(&field_key(&word.text)),
        }
    }
    key
}
