//! Stage 4: walk the postings of every alternative and record, per resource, how well each
//! query word matched. Candidates come only from postings (an inverted index), never from a
//! scan of the catalogue, so cost follows the query's terms, not the catalogue's size.

use super::expand::{How, QueryWord};
use super::index::{Field, Index, TermId};

/// How one query word matched one resource.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordMatch {
    /// Weighted strength in [0, 1].
    pub score: f32,
    /// Share of the word accounted for, in [0, 1].
    pub coverage: f32,
    /// The term, field and kind of the best match, if any.
    pub best: Option<(TermId, Field, How)>,
}

const NO_MATCH: WordMatch = WordMatch { score: 0.0, coverage: 0.0, best: None };

/// Every resource that matched at least one query word, with a row of [`WordMatch`] each.
#[derive(Debug, Default)]
pub struct Candidates {
    pub resources: Vec<u32>,
    matches: Vec<WordMatch>,
    width: usize,
}

impl Candidates {
    /// The per-word matches of candidate `i`, in query word order.
    pub fn row(&self, i: usize) -> &[WordMatch] {
        &self.matches[i * self.width..(i + 1) * self.width]
    }

    pub fn len(&self) -> usize {
        self.resources.len()
    }

    pub fn is_empty(&self) -> bool {
        self.resources.is_empty()
    }
}

/// Collects candidates for the query words.
pub fn gather(words: &[QueryWord], index: &Index) -> Candidates {
    let width = words.len();
    let mut out = Candidates { resources: Vec::new(), matches: Vec::new(), width };
    if width == 0 {
        return out;
    }
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
        for alt in &word.alternatives {
            let idf = index.idf(alt.term);
            for posting in index.postings(alt.term) {
                let at = cell(posting.resource, w, &mut out);
                let score = alt.weight * posting.field.weight() * idf;
                let m = &mut out.matches[at];
                if score > m.score {
                    *m = WordMatch {
                        score,
                        coverage: m.coverage.max(alt.how.coverage()),
                        best: Some((alt.term, posting.field, alt.how)),
                    };
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
                    m.score += share * posting.field.weight() * idf;
                    m.coverage += share;
                    if m.best.is_none_or(|(_, field, _)| posting.field < field) {
                        m.best = Some((part, posting.field, How::Bigram));
                    }
                }
            }
        }
    }
    out
}
