//! Questions about the whole subject, answered from the catalogue's starting points.
//!
//! "大模型学习路线", "我是小白，想从零开始学大模型" or "how do I get started with LLMs" name
//! only a word that most of the catalogue is about. Ranked like any other query they bring
//! whichever titles happen to contain "大模型" (parameter-efficient fine-tuning, INT4
//! quantisation), which is no place to start. The catalogue marks where a newcomer begins
//! (`start = true` on a topic: the seed's 基础知识), and such a question is answered from
//! the resources there, as a path: the best of each step in the order the catalogue gives
//! the steps (math, machine learning, deep learning, NLP, reinforcement learning), courses
//! and books first, then the next of each step.

use super::expand::{Alternative, How, QueryWord};
use super::index::Index;
use super::lexicon::Role;
use super::normalise;
use super::rank::Ranked;
use super::relevance::{MIN_CONCEPT_IMPORTANCE, Relevance};
use crate::catalogue::{Catalogue, Kind, ResourceIdx};

/// A word reaching at least this share of the catalogue names the subject as a whole.
const SUBJECT_REACH: usize = 3;
/// Words for the field the subject belongs to ("I'm new to AI, where do I start"): broader
/// than the catalogue, they name it as a whole although few titles use them ("AI 芯片").
const FIELD: &[&str] = &["ai", "人工智能", "artificial", "intelligence"];
/// How much of the message the subject's words must explain: the rest is a frame ("该按什么
/// 顺序学"), not another question ("大模型 面试题").
const MIN_SHARE: f32 = 0.8;
// The engine answers with the starting points before the veto on weak answers is consulted:
// that is right only while such a message is always explained well enough to pass it.
const _: () = assert!(MIN_SHARE >= super::fuse::VOUCHED_SHARE);

/// The resources under the catalogue's starting topics, in the order they are offered: round
/// after round, the next resource of each step (a starting topic's child, in catalogue order),
/// learning material before the rest.
pub fn starting_points(catalogue: &Catalogue) -> Vec<ResourceIdx> {
    let starts: Vec<usize> = (0..catalogue.topics().len())
        .filter(|&t| catalogue.topic(t).start)
        .collect();
    // Each resource under a start, with the step it belongs to: the topic just below the start
    // on the path to its first topic (or the start itself).
    let mut steps: Vec<(usize, Vec<ResourceIdx>)> = Vec::new();
    for &start in &starts {
        for r in catalogue.resources_under(start) {
            let Some(&first) = catalogue.resource(r).topics.first() else {
                continue;
            };
            let path = catalogue.path(first);
            let step = path
                .iter()
                .position(|&t| t == start)
                .and_then(|at| path.get(at + 1))
                .copied()
                .unwrap_or(start);
            match steps.iter_mut().find(|(s, _)| *s == step) {
                Some((_, list)) => list.push(r),
                None => steps.push((step, vec![r])),
            }
        }
    }
    steps.sort_by_key(|&(step, _)| step);
    for (_, list) in &mut steps {
        list.sort_by_key(|&r| (!is_material(catalogue.resource(r).kind), r));
        list.dedup();
    }
    let mut points = Vec::new();
    for round in 0.. {
        let before = points.len();
        for (_, list) in &steps {
            if let Some(&r) = list.get(round)
                && !points.contains(&r)
            {
                points.push(r);
            }
        }
        if points.len() == before && steps.iter().all(|(_, l)| l.len() <= round) {
            break;
        }
    }
    points
}

/// Kinds made for learning a subject from the start.
fn is_material(kind: Kind) -> bool {
    matches!(kind, Kind::Course | Kind::Video | Kind::Book)
}

/// Whether an answered query is about the subject as a whole: every word the catalogue
/// explains that says something reaches a third of it or more, names the field or stands for a
/// starting topic; they explain most of the message, and no word asks for a kind of resource
/// that a starting point is not (papers, code, model cards).
pub fn about_the_subject(
    words: &[QueryWord],
    relevance: &Relevance,
    index: &Index,
    catalogue: &Catalogue,
) -> bool {
    subject_words(words, relevance, index, catalogue)
        .is_some_and(|said| said.contains(&Said::Subject) && !said.contains(&Said::Narrower))
        && relevance.answer
        && relevance.share() >= MIN_SHARE
}

/// What a word of a message says of the subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Said {
    /// Nothing the catalogue explains, or next to nothing.
    Nothing,
    /// The subject as a whole.
    Subject,
    /// A narrower topic.
    Narrower,
}

/// What each word says of the subject, or `None` when a word asks for a kind of resource that a
/// starting point is not (papers, code, model cards).
fn subject_words(
    words: &[QueryWord],
    relevance: &Relevance,
    index: &Index,
    catalogue: &Catalogue,
) -> Option<Vec<Said>> {
    let broad = index.idf_of_reach(index.resource_count().div_ceil(SUBJECT_REACH));
    // Whether an alternative is a paraphrase's topic, and if so whether a starting one.
    let paraphrased = |a: &Alternative| {
        (a.how == How::Paraphrase).then(|| {
            index
                .topic_of_term(a.term)
                .is_some_and(|t| catalogue.topic(t).start)
        })
    };
    // A word the catalogue's paraphrases let stand for a starting topic ("转行" … "大模型",
    // "从哪开始" … "llm") asks where to start, as the subject's own words do.
    let asks_for_the_start = |word: &QueryWord| {
        word.describes_a_topic()
            && word
                .alternatives
                .iter()
                .all(|a| paraphrased(a) == Some(true))
    };
    // A word the paraphrases let stand only for topics that are not starting ones ("小模型学大模型"
    // … distillation) names that topic, however broad the word is on its own.
    let describes_a_narrower_topic = |word: &QueryWord| {
        word.describes_a_topic()
            && word
                .alternatives
                .iter()
                .all(|a| paraphrased(a) != Some(true))
    };
    let spanned = whole_path(words);
    let mut said = Vec::with_capacity(words.len());
    for ((word, evidence), &spanned) in words.iter().zip(&relevance.words).zip(&spanned) {
        if let Role::Intent(kinds) = word.role
            && !kinds
                .iter()
                .any(|k| matches!(k, Kind::Course | Kind::Book | Kind::Video | Kind::Article))
        {
            return None;
        }
        // A word that says nearly nothing ("学习" beside 大模型) names no narrower topic.
        said.push(
            if evidence.explained <= 0.0 || evidence.importance < MIN_CONCEPT_IMPORTANCE {
                Said::Nothing
            } else if describes_a_narrower_topic(word)
                || evidence.specificity > broad
                    && !spanned
                    && !FIELD.contains(&word.text.as_str())
                    && !asks_for_the_start(word)
            {
                Said::Narrower
            } else {
                Said::Subject
            },
        );
    }
    Some(said)
}

/// The sentences and clauses of a message that ask where to begin in so many words
/// ([`WHERE_TO_BEGIN`]), normalised.
fn clauses_asking_where_to_begin(query: &str) -> Vec<String> {
    query
        .split(CLAUSE_ENDS)
        .map(normalise::normalise)
        .filter(|clause| says_where_to_begin(clause))
        .collect()
}

/// What ends a sentence or a clause.
const CLAUSE_ENDS: &[char] = &[
    '，', ',', '。', '.', '？', '?', '！', '!', '；', ';', '\n', '…',
];

/// Whether a message that could not be answered as a whole asks where to begin in a clause of
/// its own and names the subject elsewhere: "PM at a fintech startup here. everyone keeps
/// throwing around 'LLM' in meetings … where do I even begin?", "纯后端转过来的，Java 写了五年，
/// 想搞懂大模型原理应该从哪开始学". What the rest tells of the asker (their job, their stack, the
/// meetings) is why they ask, not another question; a clause asking where to begin with
/// something the catalogue does not know ("AI 绘画从哪开始学") is not asked apart, and a
/// message naming only what the catalogue does not know ("I love woodworking. where do I
/// start?") names no subject. `clause_begins` tells whether a clause, read on its own, asks
/// where to begin with the subject.
pub fn begins_apart(
    query: &str,
    words: &[QueryWord],
    relevance: &Relevance,
    index: &Index,
    catalogue: &Catalogue,
    clause_begins: impl Fn(&str) -> bool,
) -> bool {
    // The words are read already; the clauses are normalised only for a message that names
    // the subject, as most messages left unanswered do not.
    subject_words(words, relevance, index, catalogue)
        .is_some_and(|said| said.contains(&Said::Subject))
        && clauses_asking_where_to_begin(query)
            .iter()
            .any(|clause| clause_begins(clause))
}

/// Where a path from the very start begins: "从入门到部署", "从 0 到上线", "from zero to
/// deploying a model", "from scratch to production".
const PATH_STARTS: &[&str] = &["入门", "0", "零", "零基础", "小白", "头", "zero", "scratch"];

/// Words that open such a path, as the message's words end ("想从" is one word).
const PATH_FROM: &[&str] = &["从", "from"];

/// Words that lead to where the path ends.
const PATH_TO: &[&str] = &["到", "一直到", "直到", "to"];

/// Words inside where a path ends that do not end it ("到部署一个 chat model", "to deploying
/// a chat model").
const PATH_INSIDE: &[&str] = &["一个", "自己的", "a", "an", "the", "my", "our", "own"];

/// Marks the words of a path from the very start to somewhere ("从入门到部署"): its start and
/// the words naming where it ends, up to the next word that is neither content nor an article
/// ([`PATH_INSIDE`]). Such a path spans the subject, so where it ends names no narrower
/// question: "大模型从入门到部署，学习顺序是怎样的" asks where to begin, as "大模型学习路线" does.
fn whole_path(words: &[QueryWord]) -> Vec<bool> {
    let mut spanned = vec![false; words.len()];
    let opens = |w: &QueryWord| PATH_FROM.iter().any(|f| w.text.ends_with(f));
    for i in 1..words.len() {
        if !PATH_STARTS.contains(&words[i].text.as_str()) || !opens(&words[i - 1]) {
            continue;
        }
        let Some(to) =
            (i + 1..words.len().min(i + 3)).find(|&k| PATH_TO.contains(&words[k].text.as_str()))
        else {
            continue;
        };
        spanned[i] = true;
        for (k, word) in words.iter().enumerate().skip(to + 1) {
            if word.is_content() {
                spanned[k] = true;
            } else if !PATH_INSIDE.contains(&word.text.as_str()) {
                break;
            }
        }
    }
    spanned
}

/// Asking where to begin, in so many words.
#[rustfmt::skip]
const WHERE_TO_BEGIN: &[&str] = &[
    "从哪开始", "从哪里开始", "从哪入门", "从哪里入门", "怎么入门", "如何入门", "怎么开始学", "先学什么",
    "先学啥", "学习路线", "入门路线", "where do i start", "where to start", "where should i start",
    "where do i begin", "where to begin", "how do i get started", "how to get started",
    "what should i learn first", "what to learn first", "what do i learn first", "第一步",
    "first step", "where do i even begin", "where do i even start", "where to even begin",
    "where to even start", "where would i start", "where would i begin", "where should i begin",
    "where can i start",
];

/// Whether a message that names nothing asks where to begin ("高中生能学吗 从哪开始", "零基础，
/// 从哪入门？"): said to a bot about one subject, that subject is what it asks about. Every
/// word must be chat, the asker's introduction or a wish for learning material; one thing
/// named that the catalogue does not know ("学吉他从哪开始") makes it a question about that
/// thing instead.
pub fn where_to_begin(query: &str, words: &[QueryWord]) -> bool {
    let chat_only = words.iter().all(|w| match &w.role {
        Role::Content | Role::Excluded | Role::Link => false,
        Role::Intent(kinds) => kinds.iter().any(|&k| is_material(k) || k == Kind::Article),
        Role::Language(_) | Role::Stop | Role::Background | Role::Unwanted(_) => true,
    });
    chat_only && says_where_to_begin(&normalise::normalise(query))
}

/// Whether normalised text asks where to begin in so many words ([`WHERE_TO_BEGIN`]).
fn says_where_to_begin(text: &str) -> bool {
    WHERE_TO_BEGIN.iter().any(|frame| text.contains(frame))
}

/// What a newcomer says to keep the math out of the way ("别太硬核的那种，看不懂公式", "不用数学也
/// 能看懂的", "no math please"): normalised, matched inside the message.
const NO_MATH: &[&str] = &[
    "看不懂公式",
    "不懂公式",
    "不用数学",
    "不要数学",
    "不需要数学",
    "别太硬核",
    "不要太硬核",
    "数学不好",
    "怕数学",
    "no math",
    "without math",
    "without the math",
    "bad at math",
    "not good at math",
    "math scares",
    "hate math",
];

/// Whether a newcomer's message asks for a way in without the math.
pub fn skips_math(query: &str) -> bool {
    let text = normalise::normalise(query);
    NO_MATH.iter().any(|phrase| text.contains(phrase))
}

/// The starting points without those of the step a newcomer asked to skip: `skipped` is that
/// step's topic (the catalogue's topic called "math", when it has one), and a resource whose
/// first topic lies under it goes.
pub fn without_step(
    points: &[ResourceIdx],
    catalogue: &Catalogue,
    skipped: usize,
) -> Vec<ResourceIdx> {
    points
        .iter()
        .copied()
        .filter(|&r| {
            catalogue
                .resource(r)
                .topics
                .first()
                .is_none_or(|&t| !catalogue.path(t).contains(&skipped))
        })
        .collect()
}

/// The starting points as an answer, in their order. Their score falls with the position,
/// as the order is the point.
pub fn answer(points: &[ResourceIdx]) -> Vec<Ranked> {
    points
        .iter()
        .enumerate()
        .map(|(i, &resource)| Ranked {
            resource,
            score: 1.0 / (1.0 + i as f32),
            matched: Vec::new(),
            similarity: None,
            lexical_rank: None,
            semantic_rank: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;

    fn top3(engine: &Engine, query: &str) -> Vec<ResourceIdx> {
        engine
            .search(query)
            .iter()
            .take(3)
            .map(|r| r.resource)
            .collect()
    }

    #[test]
    fn where_to_begin_needs_the_words_and_nothing_else() {
        let engine = Engine::shipped().unwrap();
        // Something else named, or nothing asked about beginning.
        for query in [
            "学吉他从哪开始",
            "where do I start with woodworking",
            "高中生能学吗",
            // Asked apart, but the subject named nowhere, or where to begin with something else.
            "I love woodworking. where do I start?",
            "AI 绘画从哪开始学",
            "sold my bakery last year. where do I even begin with bookkeeping?",
        ] {
            let found = engine.find(query);
            assert!(!found.starting_points, "{query}");
            assert!(found.ranked.is_empty(), "{query}");
        }
    }

    #[test]
    fn a_way_in_without_the_math_skips_the_math_step() {
        let engine = Engine::shipped().unwrap();
        let math = engine.catalogue().topic_by_id("math").unwrap();
        let under_math = |r: ResourceIdx| {
            let first = engine.catalogue().resource(r).topics[0];
            engine.catalogue().path(first).contains(&math)
        };
        let with_math = top3(&engine, "how do I get started with LLMs");
        assert!(with_math.iter().any(|&r| under_math(r)));
        for query in [
            "how do I get started with LLMs, no math please",
            "大模型从哪开始学？别太硬核，看不懂公式",
        ] {
            let top = top3(&engine, query);
            assert_eq!(top.len(), 3, "{query}");
            assert!(!top.iter().any(|&r| under_math(r)), "{query}");
        }
        assert!(skips_math("不用数学也能看懂的"));
        assert!(!skips_math("线性代数的数学直觉"));
    }

    #[test]
    fn the_subject_as_a_whole_starts_at_the_starting_points() {
        let engine = Engine::shipped().unwrap();
        let points = starting_points(engine.catalogue());
        assert!(!points.is_empty());
        for query in [
            "大模型学习路线",
            "我是小白，想从零开始学大模型，该按什么顺序学",
            "how do I get started with LLMs",
            // Three words naming one thing, a synonym of 大模型.
            "where should a beginner start with large language models",
            // The field, which few titles name.
            "人工智能入门",
            "I'm new to AI, where do I start with LLMs?",
            // Words a paraphrase lets stand for the starting topic, and one saying nothing.
            "想转行做大模型，完全不知道该从哪开始学，求一个学习顺序",
            // Naming nothing: where to begin, asked of a bot about one subject.
            "高中生能学吗 从哪开始",
            "零基础，从哪入门？",
            // A path from the very start to somewhere spans the subject.
            "大模型从入门到部署，学习顺序是怎样的？",
            "roadmap for LLMs from zero to deployment?",
            "想从 0 到部署一个 chat model，学习顺序是啥",
        ] {
            let top = top3(&engine, query);
            assert_eq!(top.len(), 3, "{query}");
            for r in top {
                let id = &engine.catalogue().resource(r).id;
                assert!(points.contains(&r), "{query}: {id}");
            }
        }
    }

    #[test]
    fn where_to_begin_asked_apart_from_who_asks() {
        let engine = Engine::shipped().unwrap();
        let points = starting_points(engine.catalogue());
        for query in [
            "hey, PM at a fintech startup here. everyone keeps throwing around 'LLM' in meetings \
             and I have zero ML background. where do I even begin?",
            "纯后端转过来的，Java 写了五年，想搞懂大模型原理应该从哪开始学",
        ] {
            let found = engine.find(query);
            assert!(found.starting_points, "{query}");
            assert!(points.contains(&found.ranked[0].resource), "{query}");
        }
        assert_eq!(
            clauses_asking_where_to_begin("我是 PM。每天开会都在聊 LLM，我该从哪开始？"),
            ["我该从哪开始"]
        );
    }

    #[test]
    fn a_named_topic_is_not_the_subject_as_a_whole() {
        let engine = Engine::shipped().unwrap();
        let points = starting_points(engine.catalogue());
        for query in [
            "大模型量化入门",
            "LLM 推理加速",
            "大模型 论文",
            "AI 芯片入门",
            // A path from somewhere else to somewhere is a narrower question.
            "从 lora 到 qlora 怎么学",
            // The subject's own words, read together as a narrower topic (distillation).
            "怎么让小模型学大模型",
        ] {
            let words = engine.understand(query, false);
            let relevance = engine.relevance(&words);
            assert!(
                !about_the_subject(&words, &relevance, &engine.index, engine.catalogue()),
                "{query}"
            );
        }
        // A starting point is still found by its own name.
        let d2l = top3(&engine, "动手学深度学习");
        assert!(points.contains(&d2l[0]), "{d2l:?}");
    }
}
