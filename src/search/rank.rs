//! Stage 5: score candidates and order them.
//!
//! Whether a query is answered at all was decided in [`super::relevance`]; here each
//! resource is scored by the query's explained words, each weighted by what it says: the
//! weighted strength of its matches, scaled by how much of the query it covers (a bonus, not
//! a gate), plus bonuses: the whole query equal to a title, keyword or topic name (exact), a
//! title that starts with the query (prefix), and a kind the user asked for ("视频", "paper").
//! A query about several concepts ("deepspeed vs megatron") gets an answer that covers each:
//! resources about all of them first, then the best for each concept in turn. When nothing
//! passes the floor, a well-explained message drops its least telling words (see [`rank`]).

use super::expand::{self, Alternative, How, QueryWord};
use foldhash::HashMap;

use super::index::{Field, FieldSet, Index, field_key};
use super::lexicon;
use super::matching::Candidates;
use super::relevance::Relevance;
use crate::catalogue::{Catalogue, Kind, ResourceIdx};
/// One match behind a hit, for explaining it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Matched {
    /// The query word as normalised.
    pub word: String,
    /// The index term it matched.
    pub term: String,
    /// Where in the resource the term is.
    pub field: Field,
    /// How the query word reached the term.
    pub how: How,
}

/// A resource that passed the relevance floor.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Ranked {
    /// The resource's index in the catalogue.
    #[serde(skip)]
    pub resource: ResourceIdx,
    /// Relevance in [0, 1].
    pub score: f32,
    /// The lexical evidence: which query words matched what.
    pub matched: Vec<Matched>,
    /// Cosine similarity with the query in the semantic layer, when the resource was among
    /// the nearest.
    pub similarity: Option<f32>,
    /// Position in the lexical ranking (1-based), if it had one.
    pub lexical_rank: Option<usize>,
    /// Position among the semantically nearest (1-based), if it was one.
    pub semantic_rank: Option<usize>,
}

/// Below this absolute score nothing is shown. At 0.2 the resources a message reaches only
/// through a guess (a paraphrase of the topic, worth 0.7: "on a Mac with no CUDA … run
/// open-weight chat models locally" for llama.cpp) fell just under it, while a stray exact
/// word elsewhere in the message passed (the tune halves: +6 on-topic, −1 off-topic).
const FLOOR: f32 = 0.18;
/// Hits weaker than this share of the best hit are noise next to it.
const RELATIVE_FLOOR: f32 = 0.3;
const EXACT_BONUS: f32 = 0.35;
const TOPIC_EXACT_BONUS: f32 = 0.2;
const PREFIX_BONUS: f32 = 0.1;
/// Lift for resources of the kind and the language the user asked for, scaled by
/// [`lexicon::preference`] and [`lexicon::language_preference`].
const KIND_BONUS: f32 = 0.3;
/// A query that is exactly a topic's name ("deepspeed", "vllm") most likely wants the
/// project's own home (repository, docs, site, named in its title) before articles about it.
const HOME_BONUS: f32 = 0.15;
const INTENT_TITLE_BONUS: f32 = 0.05;
const MAX_SCORE: f32 =
    1.0 + EXACT_BONUS + HOME_BONUS + PREFIX_BONUS + KIND_BONUS + 2.0 * INTENT_TITLE_BONUS;

/// One candidate's scores: overall, and per concept for multi-concept queries.
struct Scored {
    candidate: usize,
    score: f32,
    /// Per concept, each with the lift below added.
    concepts: Vec<f32>,
    /// What the kind, language and intent asked for add to every score: the part of a
    /// concept's score that says nothing of whether the resource matches that concept.
    lift: f32,
}

impl Scored {
    /// Whether the resource is about concept `c`. For the items of a list, by that item's
    /// words: the lift is every concept's. For a comparison, by any score (see [`alone`]).
    fn about(&self, c: usize, items: bool) -> bool {
        if items {
            self.concepts[c] > self.lift
        } else {
            self.concepts[c] > 0.0
        }
    }
}

/// Ranks candidates best first, keeping at most `limit`.
///
/// A long, well-explained message ("how many GPUs to serve a 70B chat model … memory of the
/// weights plus the per-request cache") can name more of the catalogue than any one resource
/// covers, so every resource falls under the floor. Then, as Meilisearch's `frequency`
/// matching strategy does, the least telling word is dropped and the rest ranked again, until
/// something is found or what is left would weigh less than half the whole. Only for messages
/// the catalogue explains at least half of: in a message mostly about something else, the
/// catalogue words left would be the stray ones.
pub fn rank(
    words: &[QueryWord],
    relevance: &Relevance,
    candidates: &Candidates,
    index: &Index,
    catalogue: &Catalogue,
    limit: usize,
) -> Vec<Ranked> {
    let mut weight: Vec<f32> = relevance.words.iter().map(|e| e.weight()).collect();
    // The items of a list are asked on their own, and one that would not be answered alone
    // ("1. Java 基础 2. LoRA 微调 3. MySQL") gets no resources, however a word of it matches.
    let alone = &relevance.answered_alone;
    if relevance.items && alone.contains(&true) {
        for (w, word) in words.iter().enumerate() {
            if alone.get(word.concept) == Some(&false) {
                weight[w] = 0.0;
            }
        }
    }
    let content: Vec<usize> = (0..words.len()).filter(|&w| weight[w] > 0.0).collect();
    let total: f32 = content.iter().map(|&w| weight[w]).sum();
    if content.is_empty() || total <= 0.0 {
        return Vec::new();
    }
    let key: String = content.iter().map(|&w| words[w].text.as_str()).collect();
    // Whole-field matches of the whole query, looked up once rather than per candidate or
    // per word dropped.
    let mut exact: HashMap<u32, FieldSet> = index.whole_field(&key).iter().copied().collect();
    let corrected = corrected_key(words, &content, index);
    // Typed alone, a plural may be a name ("transformers", the library); in a sentence it is
    // the thing ("how do transformers work"). Most messages have no such plural, and their
    // singular key is the corrected one, looked up once.
    let singular = (words.len() > content.len())
        .then(|| singular_key(words, &content, index))
        .filter(|singular| *singular != corrected);
    for key in std::iter::once(&corrected).chain(&singular) {
        for &(r, fields) in index.whole_field(key) {
            exact.entry(r).or_insert(fields);
        }
    }
    let whole = Whole {
        key,
        exact,
        defined: relevance.defined,
    };
    // What each concept weighs in all, for dropping words from one concept alone.
    let concepts = words.iter().map(|w| w.concept + 1).max().unwrap_or(1);
    let mut concept_total = vec![0.0f32; concepts];
    for &w in &content {
        concept_total[words[w].concept] += weight[w];
    }
    loop {
        let (ranked, unmatched) =
            rank_by(words, &weight, &whole, candidates, index, catalogue, limit);
        let complete = !ranked.is_empty() && unmatched.is_none();
        if complete || relevance.share_described() < DROP_FROM_SHARE {
            return ranked;
        }
        // With nothing found, any word may go; with one concept unmatched ("does vllm tensor
        // parallel split the weights across the 4 cards or just run 4 copies": no resource
        // covers enough of the first concept's six words, while "run" finds deployment pages),
        // only that concept's words, so that each concept of the question is answered.
        let only = unmatched.filter(|_| !ranked.is_empty());
        let pool: Vec<usize> = (0..weight.len())
            .filter(|&w| weight[w] > 0.0 && only.is_none_or(|c| words[w].concept == c))
            .collect();
        let left: f32 = pool.iter().map(|&w| weight[w]).sum();
        let all = only.map_or(total, |c| concept_total[c]);
        match pool
            .into_iter()
            .min_by(|&a, &b| weight[a].total_cmp(&weight[b]))
        {
            Some(least) if left - weight[least] >= KEEP_WEIGHT * all => weight[least] = 0.0,
            _ => return ranked,
        }
    }
}

/// The share of a message the catalogue must explain for its least telling words to be
/// dropped when nothing is found with all of them (see [`rank`]).
const DROP_FROM_SHARE: f32 = 0.5;
/// The share of the message's weight dropping leaves at least.
const KEEP_WEIGHT: f32 = 0.5;

/// The whole query as one key, and the resources with a field equal to it.
struct Whole {
    key: String,
    exact: HashMap<u32, FieldSet>,
    /// Whether the message asks what a concept it names is.
    defined: bool,
}

/// Ranks candidates by the query words of positive `weight`; also names the first concept of
/// a query of several that no resource matches above the floor, if one has words left.
fn rank_by(
    words: &[QueryWord],
    weight: &[f32],
    whole: &Whole,
    candidates: &Candidates,
    index: &Index,
    catalogue: &Catalogue,
    limit: usize,
) -> (Vec<Ranked>, Option<usize>) {
    let content: Vec<usize> = (0..words.len()).filter(|&w| weight[w] > 0.0).collect();
    let concepts = content
        .iter()
        .map(|&w| words[w].concept + 1)
        .max()
        .unwrap_or(1);
    let (key, exact) = (&whole.key, &whole.exact);
    let intents: Vec<usize> = (0..words.len())
        .filter(|&w| words[w].wish().is_some())
        .collect();
    let languages: Vec<usize> = (0..words.len())
        .filter(|&w| matches!(words[w].role, lexicon::Role::Language(_)))
        .collect();
    // Whether some intent prefers a kind at all ("学习" prefers tutorials; a language alone
    // prefers none).
    // A "what is" question that asks for no kind of resource leans to writing that explains
    // ("what's RLHF and why does every chatbot need it": a course before a framework's
    // repository), as far as asking for a tutorial would. Half that lift left the
    // repositories first; the full lift costs one `--lexical` tune case, where an article
    // on another model passes TGI's repository for "what even is that … 'use TGI'".
    let leans_to = (intents.is_empty() && whole.defined).then_some(EXPLAINS);
    let asks_kind = !intents.is_empty() || leans_to.is_some();

    // Score everything without allocating per word; only the kept hits are explained below.
    let mut scored: Vec<Scored> = Vec::new();
    for (i, &resource) in candidates.resources.iter().enumerate() {
        let row = candidates.row(i);
        let weighted = |words: &mut dyn Iterator<Item = &usize>| {
            let (mut strength, mut coverage, mut sum) = (0.0, 0.0, 0.0);
            for &w in words {
                strength += weight[w] * row[w].score();
                coverage += weight[w] * row[w].coverage();
                sum += weight[w];
            }
            if sum > 0.0 {
                (strength / sum) * (0.5 + 0.5 * coverage / sum)
            } else {
                0.0
            }
        };
        let mut score = weighted(&mut content.iter());
        let per_concept: Vec<f32> = if concepts > 1 {
            (0..concepts)
                .map(|c| weighted(&mut content.iter().filter(|&&w| words[w].concept == c)))
                .collect()
        } else {
            Vec::new()
        };
        // Only what the message names makes a hit: the kind or language it asks for lifts a
        // hit, but alone it would bring any paper to "the ZeRO paper … something gentler?".
        let named = score > 0.0 || per_concept.iter().any(|&s| s > 0.0);
        let r = resource as usize;
        let kind = catalogue.resource(r).kind;
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
        if key.len() >= 2
            && index
                .title_keys(r)
                .iter()
                .any(|t| t.starts_with(key.as_str()))
        {
            score += PREFIX_BONUS;
        }
        let mut kind_wish: f32 = leans_to.map_or(0.0, |kinds| {
            lexicon::preference(lexicon::Role::Intent(kinds), kind)
        });
        let mut intent_titles = 0.0;
        for &w in &intents {
            let wish = words[w]
                .wish()
                .map_or(lexicon::Role::Stop, lexicon::Role::Intent);
            kind_wish = kind_wish.max(lexicon::preference(wish, kind));
            if row[w]
                .best()
                .is_some_and(|(_, field, _)| field <= Field::Keyword)
            {
                intent_titles += INTENT_TITLE_BONUS;
            }
        }
        let lang = catalogue.resource(r).lang;
        let language_wish = languages
            .iter()
            .map(|&w| lexicon::language_preference(words[w].role, lang))
            .reduce(f32::max);
        // A kind and a language asked for together share the lift: an English article meets
        // "英文的 LoRA 教程" fully, a Chinese one half.
        let kind_bonus = KIND_BONUS
            * match (asks_kind, language_wish) {
                (true, Some(l)) => (kind_wish + l) / 2.0,
                (false, Some(l)) => l,
                (_, None) => kind_wish,
            };
        let lift = kind_bonus + intent_titles.min(2.0 * INTENT_TITLE_BONUS);
        score += lift;
        let concepts: Vec<f32> = per_concept.into_iter().map(|s| s + lift).collect();
        if named && (score >= FLOOR || concepts.iter().any(|&s| s >= FLOOR)) {
            scored.push(Scored {
                candidate: i,
                score: score / MAX_SCORE,
                concepts: concepts.into_iter().map(|s| s / MAX_SCORE).collect(),
                lift: lift / MAX_SCORE,
            });
        }
    }

    let unmatched = (0..concepts).find(|&c| {
        concepts > 1
            && content.iter().any(|&w| words[w].concept == c)
            && !scored.iter().any(|s| s.concepts[c] * MAX_SCORE >= FLOOR)
    });
    let order = if concepts > 1 {
        let items = words.iter().any(|w| w.item);
        interleave(&scored, concepts, items, candidates, limit)
    } else {
        best_of(&scored, |s| s.score, candidates, limit)
    };
    let ranked = order
        .into_iter()
        .map(|k| {
            let s = &scored[k];
            let row = candidates.row(s.candidate);
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
                resource: candidates.resources[s.candidate] as usize,
                score: s.score.clamp(0.0, 1.0),
                matched,
                similarity: None,
                lexical_rank: None,
                semantic_rank: None,
            }
        })
        .collect();
    (ranked, unmatched)
}

/// Indices into `scored` of the best `limit` by `key`, above the absolute and relative floors.
fn best_of(
    scored: &[Scored],
    key: impl Fn(&Scored) -> f32,
    candidates: &Candidates,
    limit: usize,
) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scored.len())
        .filter(|&k| key(&scored[k]) * MAX_SCORE >= FLOOR)
        .collect();
    let by = |a: &usize, b: &usize| {
        key(&scored[*b]).total_cmp(&key(&scored[*a])).then(
            candidates.resources[scored[*a].candidate]
                .cmp(&candidates.resources[scored[*b].candidate]),
        )
    };
    if order.len() > limit && limit > 0 {
        order.select_nth_unstable_by(limit - 1, by);
    }
    order.truncate(limit);
    order.sort_by(by);
    let top = order.first().map_or(0.0, |&k| key(&scored[k]));
    order.retain(|&k| key(&scored[k]) >= top * RELATIVE_FLOOR);
    order
}

/// The order for a query of several concepts: a round of resources about all of them, then the
/// best for each concept in turn, and so on, without repeats. `items` says the concepts are
/// the items of a list (see [`alone`]).
fn interleave(
    scored: &[Scored],
    concepts: usize,
    items: bool,
    candidates: &Candidates,
    limit: usize,
) -> Vec<usize> {
    let all = best_of(
        scored,
        |s| {
            if (0..s.concepts.len()).all(|c| s.about(c, items)) {
                s.score
            } else {
                0.0
            }
        },
        candidates,
        limit,
    );
    let mut lists = vec![all];
    for c in 0..concepts {
        lists.push(best_of(scored, |s| alone(s, c, items), candidates, limit));
    }
    let mut out: Vec<usize> = Vec::new();
    let mut at = vec![0usize; lists.len()];
    while out.len() < limit {
        let mut moved = false;
        for (l, list) in lists.iter().enumerate() {
            while let Some(&k) = list.get(at[l]) {
                at[l] += 1;
                if !out.contains(&k) {
                    out.push(k);
                    moved = true;
                    break;
                }
            }
            if out.len() == limit {
                break;
            }
        }
        if !moved {
            break;
        }
    }
    out
}

/// How much a resource is about concept `c` on its own. The round's first list already holds
/// the resources about all the concepts; each concept's own list should show that concept by
/// itself ("deepspeed vs megatron": DeepSpeed's page and Megatron-LM's, not two more pages on
/// Megatron-DeepSpeed), so a resource that also matches another concept counts for less. In a
/// comparison, so does one lifted for the kind asked for (measured: telling the lift apart
/// cost five tune cases); the items of a list are each asked on their own, and a tutorial
/// asked for by "1. Transformer 原理 2. LoRA 微调" is about no item but its own.
fn alone(s: &Scored, c: usize, items: bool) -> f32 {
    let shared = (0..s.concepts.len()).any(|o| o != c && s.about(o, items));
    if shared {
        s.concepts[c] * SHARED
    } else {
        s.concepts[c]
    }
}

/// The kinds of resource that explain a concept, for a "what is" question.
const EXPLAINS: &[Kind] = &[Kind::Article, Kind::Course, Kind::Video, Kind::Book];

/// What a resource that matches other concepts too is worth in one concept's own list.
const SHARED: f32 = 0.5;

/// Kinds that are a project's own home rather than writing about it.
pub(super) fn is_home(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Repo | Kind::Docs | Kind::Website | Kind::ModelCard
    )
}

/// The query key with each unknown word replaced by its best guess ("megatorn" → megatron), so
/// that a typo of a whole title still earns the exact bonus.
fn corrected_key(words: &[QueryWord], content: &[usize], index: &Index) -> String {
    key_with(words, content, index, |word| {
        word.alternatives
            .iter()
            .filter(|a| matches!(a.how, How::Exact | How::Typo | How::Homophone))
            .max_by(|a, b| a.weight.total_cmp(&b.weight))
    })
}

/// The query key with each plural whose singular the index holds made singular, so that in
/// "how do transformers work" the transformer's whole name is as much said as the
/// "Transformers" of a library's.
fn singular_key(words: &[QueryWord], content: &[usize], index: &Index) -> String {
    key_with(words, content, index, |word| {
        word.alternatives.iter().find(|a| {
            a.how == How::Stem
                && expand::singulars(&word.text).any(|s| s == index.term_text(a.term))
        })
    })
}

/// The content words' key, each word spelled as the term `pick` chooses for it, or as typed.
fn key_with<'w>(
    words: &'w [QueryWord],
    content: &[usize],
    index: &Index,
    pick: impl Fn(&'w QueryWord) -> Option<&'w Alternative>,
) -> String {
    let mut key = String::new();
    for &w in content {
        match pick(&words[w]) {
            Some(a) => key.push_str(index.term_text(a.term)),
            None => key.push_str(&field_key(&words[w].text)),
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;

    #[test]
    fn a_concept_alone_outranks_it_shared() {
        let both = Scored {
            candidate: 0,
            score: 1.0,
            concepts: vec![0.9, 0.8],
            lift: 0.0,
        };
        let one = Scored {
            candidate: 1,
            score: 0.7,
            concepts: vec![0.7, 0.0],
            lift: 0.0,
        };
        assert!(alone(&one, 0, false) > alone(&both, 0, false));
        assert_eq!(alone(&both, 1, false), 0.8 * SHARED);
        // A lift for the kind asked for shares no item of a list; in a comparison it does.
        let lifted = Scored {
            candidate: 2,
            score: 0.8,
            concepts: vec![0.8, 0.1],
            lift: 0.1,
        };
        assert_eq!(alone(&lifted, 0, true), 0.8);
        assert_eq!(alone(&lifted, 0, false), 0.8 * SHARED);
    }

    #[test]
    fn each_item_of_a_plan_gets_its_own_resource() {
        let engine = Engine::shipped().unwrap();
        let plan =
            "我的学习计划：\n1. Transformer 原理\n2. LoRA 微调\n3. vLLM 部署\n每一步给个资料";
        let found = engine.search(plan);
        let topics: Vec<Vec<String>> = found[..3]
            .iter()
            .map(|r| {
                engine
                    .catalogue
                    .resource(r.resource)
                    .topics
                    .iter()
                    .map(|&t| engine.catalogue.topic(t).id.clone())
                    .collect()
            })
            .collect();
        for item in ["transformer", "lora", "vllm"] {
            assert!(
                topics.iter().any(|t| t.iter().any(|id| id == item)),
                "{item}: {topics:?}"
            );
        }
    }

    #[test]
    fn an_item_not_answered_alone_gets_no_resources() {
        let engine = Engine::shipped().unwrap();
        let ids = |query: &str| -> Vec<usize> {
            engine.search(query).iter().map(|r| r.resource).collect()
        };
        let lora = ids("LoRA 微调");
        let list = ids("1. Java 基础\n2. LoRA 微调\n3. MySQL");
        assert!(!list.is_empty());
        assert!(
            list.iter().all(|r| lora.contains(r)),
            "{list:?} vs {lora:?}"
        );
    }

    #[test]
    fn a_plural_in_a_sentence_is_the_thing_alone_it_may_be_a_name() {
        let engine = Engine::shipped().unwrap();
        let top3 = |q: &str| -> Vec<String> {
            engine
                .search(q)
                .iter()
                .take(3)
                .map(|h| engine.catalogue().resource(h.resource).id.clone())
                .collect()
        };
        let sentence = top3("how do transformers work");
        assert!(
            sentence.contains(&"jalammar-illustrated-transformer".to_owned()),
            "{sentence:?}"
        );
        let alone = top3("transformers");
        assert!(
            alone.contains(&"github-huggingface".to_owned()),
            "{alone:?}"
        );
    }

    #[test]
    fn a_list_with_no_item_answered_alone_is_not_answered() {
        let engine = Engine::shipped().unwrap();
        let list = "computer networks 期末大纲：\n1. 物理层\n2. 数据链路层\n3. 网络层 IP\n4. 传输层 \
                    TCP\n有推荐的复习笔记吗";
        assert!(engine.search(list).is_empty());
        // One item answered alone is enough.
        assert!(
            !engine
                .search("1. 物理层\n2. LoRA 微调\n3. 网络层 IP")
                .is_empty()
        );
    }

    #[test]
    fn a_long_well_explained_message_drops_its_least_telling_words() {
        let engine = Engine::shipped().unwrap();
        let words = engine.understand(
            "our chatbot's time-to-first-token is fine but generating long answers token by \
             token is painfully slow. what are the standard tricks to speed up generation?",
            false,
        );
        let mut relevance = engine.relevance(&words);
        assert!(relevance.answer && relevance.share_described() >= DROP_FROM_SHARE);
        let candidates = crate::search::matching::gather(&words, &engine.index);
        let ranked = |relevance: &Relevance| {
            rank(
                &words,
                relevance,
                &candidates,
                &engine.index,
                &engine.catalogue,
                3,
            )
        };
        let found = ranked(&relevance);
        assert!(!found.is_empty());
        // With all its words, nothing reaches the floor; a message the catalogue explains
        // less of keeps them all.
        relevance.described = 0.0;
        relevance.evidence = relevance.unexplained * 0.9;
        assert!(relevance.share_described() < DROP_FROM_SHARE);
        assert!(ranked(&relevance).is_empty());
    }

    #[test]
    fn a_comparison_shows_each_side_on_its_own() {
        let engine = Engine::shipped().unwrap();
        for query in ["deepspeed vs megatron", "deepspeed 和 megatron 有什么区别"] {
            let found = engine.find(query);
            let top3: Vec<&str> = found
                .ranked
                .iter()
                .take(3)
                .map(|r| engine.catalogue().resource(r.resource).id.as_str())
                .collect();
            assert!(top3.contains(&"github-deepspeed"), "{query}: {top3:?}");
            assert!(top3.contains(&"github-megatron-lm"), "{query}: {top3:?}");
        }
    }
}
