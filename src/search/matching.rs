//! Stage 4: walk the postings of every alternative and record, per resource, how well each
//! query word matched. Candidates come only from postings (an inverted index), never from a
//! scan of the catalogue, so cost follows the query's terms, not the catalogue's size.

use super::expand::{How, QueryWord};
use super::index::{Field, Index, TermId};

/// How one query word matched one resource: through its best alternative, and through its
/// bigram parts; the stronger of the two counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordMatch {
    score: f32,
    coverage: f32,
    best: Option<(TermId, Field, How)>,
    part_score: f32,
    part_coverage: f32,
    part_best: Option<(TermId, Field)>,
}

const NO_MATCH: WordMatch = WordMatch {
    score: 0.0,
    coverage: 0.0,
    best: None,
    part_score: 0.0,
    part_coverage: 0.0,
    part_best: None,
};

impl WordMatch {
    /// Weighted strength, in [0, 1].
    pub fn score(&self) -> f32 {
        self.score.max(self.part_score).min(1.0)
    }

    /// Share of the word accounted for, in [0, 1].
    pub fn coverage(&self) -> f32 {
        self.coverage.max(self.part_coverage).min(1.0)
    }

    /// The term, field and kind of the match that decided the score.
    pub fn best(&self) -> Option<(TermId, Field, How)> {
        if self.part_score > self.score {
            self.part_best
                .map(|(term, field)| (term, field, How::Bigram))
        } else {
            self.best
        }
    }
}

/// Every resource that matched at least one query word, with a row of [`WordMatch`] each.
#[derive(Debug, Default)]
pub struct Candidates {
    /// The candidates' resource indices, in the order they were first matched.
    pub resources: Vec<u32>,
    matches: Vec<WordMatch>,
    width: usize,
}

impl Candidates {
    /// The per-word matches of candidate `i`, in query word order.
    pub fn row(&self, i: usize) -> &[WordMatch] {
        &self.matches[i * self.width..(i + 1) * self.width]
    }

    /// Number of candidates.
    pub fn len(&self) -> usize {
        self.resources.len()
    }

    /// True when nothing matched.
    pub fn is_empty(&self) -> bool {
        self.resources.is_empty()
    }
}

/// Collects candidates for the query words.
pub fn gather(words: &[QueryWord], index: &Index) -> Candidates {
    let width = words.len();
    let mut out = Candidates {
        resources: Vec::new(),
        matches: Vec::new(),
        width,
    };
    if width == 0 {
        return out;
    }
    // Room for every resource the postings can reach, at most all of them: one allocation
    // rather than a row of `width` matches reallocated again and again.
    let reach: usize = words
        .iter()
        .flat_map(|w| {
            w.alternatives
                .iter()
                .map(|a| a.term)
                .chain(w.parts.iter().copied())
        })
        .map(|t| index.postings(t).len())
        .sum();
    let reach = reach.min(index.resource_count());
    out.resources.reserve(reach);
    out.matches.reserve(reach * width);
    // Dense slots keep accumulation O(postings) with no hashing; one u32 per resource is cheap
    // even at 100k resources.
    let mut slot = vec![u32::MAX; index.resource_count()];
    let mut cell = |resource: u32, w: usize, out: &mut Candidates| -> usize {
        let s = &mut slot[resource as usize];
        if *s == u32::MAX {
            *s = out.resources.len() as u32;
            out.resources.push(resource);
            out.matches.extend(std::iter::repeat_n(NO_MATCH, width));
        }
        *s as usize * width + w
    };
    for (w, word) in words.iter().enumerate() {
        // Another inflection is the same word: it is worth no more for being a rarer
        // spelling ("quantizing" in one title does not beat "quantization" in another).
        let exact_idf = word
            .alternatives
            .iter()
            .find(|a| a.how == How::Exact && index.is_held(a.term))
            .map_or(f32::INFINITY, |a| index.idf(a.term));
        for alt in &word.alternatives {
            let idf = match alt.how {
                How::Stem => index.idf(alt.term).min(exact_idf),
                _ => index.idf(alt.term),
            };
            for posting in index.postings(alt.term) {
                let at = cell(posting.resource, w, &mut out);
                let score = alt.weight * posting.weight() * idf;
                let m = &mut out.matches[at];
                m.coverage = m.coverage.max(alt.how.coverage());
                if score > m.score {
                    m.score = score;
                    m.best = Some((alt.term, posting.field, alt.how));
                }
            }
        }
        if word.part_count > 0 {
            let share = 1.0 / word.part_count as f32;
            for &part in &word.parts {
                let idf = index.idf(part);
                for posting in index.postings(part) {
                    let at = cell(posting.resource, w, &mut out);
                    let m = &mut out.matches[at];
                    m.part_score += share * word.part_weight * posting.weight() * idf;
                    m.part_coverage += share;
                    if m.part_best.is_none_or(|(_, field)| posting.field < field) {
                        m.part_best = Some((part, posting.field));
                    }
                }
            }
        }
    }
    out
}
