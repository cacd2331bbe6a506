//! Stage 6: blend the lexical ranking with the semantic one.
//!
//! A resource's final score is its lexical score plus its cosine similarity to the query
//! (above a floor), weighted by how little of the query the catalogue's words explain: a
//! keyword query ("图解LoRA") keeps its lexical order; a paraphrase ("训练时总是显存溢出")
//! leans on meaning, and the semantically nearest resources may join the answer even without
//! a lexical match. Only queries the relevance stage answered get
//! here, so the semantic layer proposes but never opens the door to an off-topic question;
//! it may close it, though, on an answer the catalogue's words support only weakly
//! ([`vouched`]).
//! Queries about several concepts keep their interleaved lexical order (they get no semantic
//! list).

use super::rank::Ranked;
use super::relevance::Relevance;
use crate::catalogue::ResourceIdx;

/// Similarity below which the semantic layer has nothing to say about a resource.
pub const SIMILARITY_FLOOR: f32 = 0.3;
/// A resource found only semantically must be this close to the best similarity.
const RELATIVE_FLOOR: f32 = 0.75;
/// The semantic weight at a query the catalogue does not explain at all; it falls
/// quadratically with the explained share, to nothing for a fully explained query, whose
/// lexical order (exact names, fields, kinds asked for) is the better judge.
const WEIGHT: f32 = 1.5;

/// How many of the semantically nearest resources may vouch for a weakly explained answer.
pub const VOUCH_DEPTH: usize = 20;
/// Below this explained share, a query's best lexical results need the semantic layer's
/// support to be answered.
pub(super) const VOUCHED_SHARE: f32 = 0.5;
/// How many of the best lexical results are looked for among the semantically nearest.
const VOUCHING_FOR: usize = 3;
/// The share of a message's importance the word table must know for the semantic layer to
/// veto an answer: a vector built without the message's key words ("chatbot" is not in the
/// table) is no judge of what it means.
const KNOWN_TO_VETO: f32 = 0.8;

/// Whether the lexical answer to a query stands. A query answered on weak evidence — less
/// than half of it explained, even counting the words that describe what its concepts are
/// about ("调搜索、计算器这些外部工具" around 大模型 describes an app's agent, and the word
/// vectors, which average every word, are no better judge of that than the catalogue's own
/// descriptions), two concepts corroborating each other — is answered only if
/// one of its best lexical results is also among the resources nearest it in meaning
/// (`semantic`, nearest first, at least [`VOUCH_DEPTH`] deep when the layer is on), so the
/// catalogue's words are taken to mean what they mean in the catalogue: "HO scale model
/// train layout ideas for a small apartment" names three catalogue words, but the message
/// as a whole lies far from the resources those words find. With the
/// layer off or not consulted (`semantic` empty), or when its word table knows less than
/// 80% of the message (`known`, by importance; asked only when the veto would otherwise
/// fall, as it looks up every word), the lexical decision stands alone.
pub fn vouched(
    lexical: &[Ranked],
    semantic: &[(ResourceIdx, f32)],
    relevance: &Relevance,
    known: impl FnOnce() -> f32,
) -> bool {
    semantic.is_empty()
        || relevance.share_described() >= VOUCHED_SHARE
        || lexical
            .iter()
            .take(VOUCHING_FOR)
            .any(|r| semantic.iter().any(|&(s, _)| s == r.resource))
        || known() < KNOWN_TO_VETO
}

/// Blends `lexical` (best first) with `semantic` (nearest first, with similarities).
pub fn fuse(
    lexical: Vec<Ranked>,
    semantic: &[(ResourceIdx, f32)],
    relevance: &Relevance,
    limit: usize,
) -> Vec<Ranked> {
    let Some(&(_, best)) = semantic.first() else {
        return lexical;
    };
    let unexplained = 1.0 - relevance.share();
    let weight = WEIGHT * unexplained * unexplained;
    let lift = |similarity: f32| weight * (similarity - SIMILARITY_FLOOR).max(0.0);
    let mut out: Vec<(f32, Ranked)> = lexical
        .into_iter()
        .enumerate()
        .map(|(i, mut r)| {
            r.lexical_rank = Some(i + 1);
            let mut blended = r.score;
            if let Some(at) = semantic.iter().position(|&(s, _)| s == r.resource) {
                r.semantic_rank = Some(at + 1);
                r.similarity = Some(semantic[at].1);
                blended += lift(semantic[at].1);
            }
            (blended, r)
        })
        .collect();
    for (at, &(resource, similarity)) in semantic.iter().enumerate() {
        if similarity < SIMILARITY_FLOOR.max(best * RELATIVE_FLOOR)
            || out.iter().any(|(_, r)| r.resource == resource)
        {
            continue;
        }
        out.push((
            lift(similarity),
            Ranked {
                resource,
                score: 0.0,
                matched: Vec::new(),
                similarity: Some(similarity),
                lexical_rank: None,
                semantic_rank: Some(at + 1),
            },
        ));
    }
    out.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.resource.cmp(&b.1.resource)));
    out.into_iter()
        .map(|(blended, mut r)| {
            // The score shown is the one the order follows.
            r.score = blended.clamp(0.0, 1.0);
            r
        })
        .take(limit)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;

    fn ranked(resource: ResourceIdx) -> Ranked {
        Ranked {
            resource,
            score: 1.0,
            matched: Vec::new(),
            similarity: None,
            lexical_rank: None,
            semantic_rank: None,
        }
    }

    #[test]
    fn only_a_layer_that_knows_the_message_vetoes_it() {
        let engine = Engine::shipped().unwrap();
        // (An HO-scale model train layout was this example until the catalogue learned that
        // sense of "model train" outright.)
        let words = engine.understand(
            "excel formula to sum GPU hours per team from a usage sheet, team names in column A",
            false,
        );
        let relevance = engine.relevance(&words);
        assert!(relevance.answer && relevance.share_described() < VOUCHED_SHARE);
        let lexical = [ranked(0), ranked(1), ranked(2)];
        let far = [(7, 0.4), (8, 0.35)];
        assert!(!vouched(&lexical, &far, &relevance, || 1.0));
        assert!(vouched(&lexical, &[(1, 0.4)], &relevance, || 1.0));
        // Most of the message is words the table lacks: its vector is no judge.
        assert!(vouched(&lexical, &far, &relevance, || 0.5));
        assert!(vouched(&lexical, &[], &relevance, || 1.0));
    }
}
