//! Stage 4: decide once per query whether it names enough of the catalogue to answer.
//!
//! A chat message mixes words the catalogue knows ("量化", "deepspeed") with filler it does
//! not ("系统学一下", "my boss wants", "still"). Requiring every resource to match most of the
//! words empties the answer for nearly every sentence; matching any one word answers "best
//! pizza in new york". So the decision is taken for the whole query: each content word is
//! *explained* (it reaches catalogue terms) or not, and counts by its *importance* (rare words
//! say more than common ones). The query is answered when what is explained outweighs what
//! is not; for that decision, words describing a topic the query's concepts point to (the
//! catalogue's plain-words `about`) count as largely explained. Ranking then weighs each
//! resource by the explained words only.

use std::borrow::Cow;

use super::expand::{self, Alternative, How, QueryWord};
use super::index::{Index, TermId};
use super::lexicon::Role;
use super::normalise;
use crate::catalogue::TopicIdx;

/// The share of the query's importance the catalogue must explain when it knows only one of
/// its words: that word must dominate the message. "果树什么时候剪枝最好" names pruning, but
/// is about fruit trees; "剪枝有哪些方法" is about pruning.
const MIN_SHARE_ALONE: f32 = 0.62;
/// The share needed when two or more different words are catalogue concepts: they
/// corroborate each other ("run llama locally on my macbook cpu").
const MIN_SHARE_CORROBORATED: f32 = 0.35;
/// The share of the whole query's importance the catalogue must still explain when one concept
/// of several is answered on its own ("infiniband 是什么，和以太网比有啥优势" compares a
/// catalogue topic with something outside it): the known side is worth answering, a stray
/// catalogue word in a message about something else is not.
const MIN_SHARE_ONE_OF_SEVERAL: f32 = 0.3;
/// The share needed when the catalogue's one concept is named outright: a topic's name or
/// alias that reaches few resources, of four or more ideographs ("高效参数微调", "流水线并行")
/// or of two or more Latin words ("kv cache", "knowledge distillation"). Such a name is not
/// used in another sense, so the chat around it ("高效参数微调那几篇我室友说写得乱七八糟",
/// "今天加班到十点脑子不转了，谁甩我一个讲 KV Cache 的链接") need not outweigh it, only not
/// drown it. Shorter keywords do not count: many are everyday words (固态硬盘, 台湾大学); a
/// catalogue word of more ideographs that reaches at most [`OWN_NAME_REACH`] resources is a
/// resource's own name ("白板推导系列", "宝可梦举例子"), not a field's (a thanks for
/// "分布式训练那几篇" names what was read). Nor does one Latin word, which may be a name in
/// another sense (megatron, llama, triton). A page or a paper the catalogue knows, pasted as
/// an address or an arXiv number, is named outright too: the asker points at it (see
/// [`super::address`]).
const MIN_SHARE_NAMED: f32 = 0.35;
/// The share needed when the catalogue's one concept is a name coined in the field, of one
/// Latin word that is a topic's label and has no other sense the catalogue knows of ("nccl",
/// "vllm"; not "lora", "flask" or "megatron"): "赌五毛你没有 NCCL 的资料" dares the bot with
/// it. Such a name in a message about another technology ("ibv_post_send returns ENOMEM … our
/// custom rdma key-value store") comes with that technology's own names, which the catalogue
/// lacks, and then it does not count. A resource's own name in letters and digits ("cs224n")
/// counts the same.
const MIN_SHARE_COINED: f32 = 0.45;
/// The share needed when the message asks what a concept it names outright is ("what is rlhf
/// and how does it make chatbots behave nicely", "新手求问 RAG 到底是个啥 我们产品经理天天挂在嘴上"):
/// the question is the concept, and the rest of the message says why it is asked (see
/// [`Relevance::defined`]).
const MIN_SHARE_DEFINED: f32 = 0.25;
/// Fewest ideographs of a name said outright (see [`MIN_SHARE_NAMED`]).
const NAMED_CHARS: usize = 4;
/// Most resources a word of more than [`NAMED_CHARS`] ideographs that is no topic's label may
/// reach to be named outright: a resource's own name, not a field's.
const OWN_NAME_REACH: usize = 3;
/// Most Latin words of a name said outright: the longest topic labels ("parameter efficient
/// fine tuning") have four.
const NAMED_WORDS: usize = 4;
/// Least specificity of a name said outright: "大模型推理" is a topic's name, but it reaches
/// about a quarter of the catalogue (specificity 0.59).
const NAMED_SPECIFICITY: f32 = 0.6;
/// How much of a word its character bigrams explain at most: a bigram found somewhere in the
/// catalogue ("内存" inside some title) is evidence, but not enough to make the word one of the
/// catalogue's concepts on its own.
const BIGRAM_SURE: f32 = 0.5;
/// How much of a word must be explained for the one concept of a comparison answered on its
/// own ([`MIN_SHARE_ONE_OF_SEVERAL`]): the name as written or one of its spellings, not a
/// guess. "iPhone 和安卓哪个好" read iphone as a slip for "phone", and answered it. The word
/// must also say something ([`TELLING`]): "test" named the side "t-test" of a stats exam's
/// "t-test vs a chi-square test".
const NAMED_OUTRIGHT: f32 = 0.9;
/// How much of a word must be explained for it to count as a catalogue concept.
const MIN_SURE: f32 = 0.6;
/// How much a Latin word must say, named as written, for its concept to vouch for another
/// ([`Relevance::corroborated`]): "hand" and "stats" (read as "states") meet in a page about
/// model states, but in "how do i compute a p-value by hand for my stats homework" they are
/// everyday words. Chinese words always vouch: the catalogue's are compounds of the field
/// (训练, 集群), and weighing them the same way lost on-topic questions.
const TELLING: f32 = 0.3;
/// Words that name the field as a whole or a product made with it ("AI 写作工具", "our ai
/// app", "人工智能产品"). The catalogue's application part is made of them, so any two meet in
/// one resource, but together they say only that the message is about some AI product: its
/// pricing, its app-store review, its promotion. Two of them do not corroborate each other;
/// one of them and any other concept still do ("AI 应用的 RAG 怎么做").
const PRODUCT_WORDS: &[&str] = &[
    "ai",
    "人工智能",
    "app",
    "apps",
    "application",
    "applications",
    "tool",
    "tools",
    "product",
    "products",
    "assistant",
    "assistants",
    "platform",
    "应用",
    "工具",
    "产品",
    "助手",
    "平台",
];
/// How much a word must say for it to count as a catalogue concept: "non" of a git error's
/// "non-fast-forward" matches some title, and as a third concept it would corroborate the
/// other two.
pub(crate) const MIN_CONCEPT_IMPORTANCE: f32 = 0.1;
/// How much of a word counts as explained, for the decision only, when it is one of the
/// words a topic is described with (the catalogue's `about`) and a concept of the query points
/// to that topic. "每张卡都存一份完整的优化器状态太浪费了，有没有把这些状态分摊到各张卡上去的做法"
/// names one concept, 优化器状态; 卡, 存, 完整 are not catalogue words, but they are how ZeRO
/// is described, so the message is about ZeRO, not a stray catalogue word in a message about
/// something else. Such words never make a concept, and do not weigh in ranking.
const DESCRIBED: f32 = 0.8;
/// A concept points to topics only when it reaches less than one resource in this many:
/// "大模型" reaches most of the catalogue, and every topic's description would then explain
/// nearly any word.
const POINTS_BELOW: usize = 3;

/// What one word contributes to the decision.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct WordEvidence {
    /// How much of the word the catalogue accounts for, in [0, 1].
    pub explained: f32,
    /// How much the word says, whatever the catalogue knows of it.
    pub importance: f32,
    /// How well the word tells resources apart: the inverse document frequency of its best
    /// term in the catalogue, in (0.4, 1].
    pub specificity: f32,
    /// Whether the word is one a topic the query's concepts point to is described with, and
    /// so counts as largely explained when deciding whether to answer (never in ranking).
    pub described: bool,
}

impl WordEvidence {
    /// What the word adds to the evidence for answering: what is explained of it, by its
    /// importance.
    pub fn evidence(&self) -> f32 {
        self.explained * self.importance
    }

    /// The word's weight in ranking: what is explained of it, by the square root of its
    /// importance times its specificity.
    pub fn weight(&self) -> f32 {
        self.explained * weigh(self.importance, self.specificity)
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
    /// What the words describing the topics the query's concepts point to add to the
    /// evidence for answering; not part of [`Relevance::share`].
    pub described: f32,
    /// How many different words the catalogue knows for sure (explained at least 60%).
    pub concepts: usize,
    /// Whether two of those concepts meet in one resource, and so corroborate each other:
    /// "quantization" and "depth" are both catalogue words, but no resource is about both, so
    /// "quantization noise vs bit depth" has one concept's support, not two. Two everyday
    /// Latin words do not vouch for each other (see `TELLING` in the source).
    pub corroborated: bool,
    /// Whether the query is answered at all.
    pub answer: bool,
    /// Whether a concept is named outright (see [`MIN_SHARE_NAMED`]).
    named: bool,
    /// Whether a name coined in the field, with no other sense the catalogue knows of, is
    /// said and no other such name the catalogue lacks stands beside it (see
    /// [`MIN_SHARE_COINED`]).
    coined_name: bool,
    /// Whether the message asks what a concept it names outright is ("what is rlhf …", "RAG
    /// 到底是个啥 …"): then a quarter of it explained is enough to answer, the rest says why it
    /// is asked.
    pub defined: bool,
    /// Whether one concept of several would be answered on its own (see
    /// [`MIN_SHARE_ONE_OF_SEVERAL`]).
    one_concept_answered: bool,
    /// Per concept of a query of several, whether it would be answered on its own; empty
    /// for a query of one.
    #[serde(skip)]
    pub answered_alone: Vec<bool>,
    /// Whether the query is a marked list, each item a concept of its own (see
    /// [`super::items`]).
    #[serde(skip)]
    pub items: bool,
}

/// A number on its own ("7", "2", "five") names no topic: it only narrows one ("llama 2",
/// "qwen 7b"). So it is never a concept by itself, and says at most this much; so does a
/// formula's one-letter symbol ("N", "β").
const MAX_NUMBER_IMPORTANCE: f32 = 0.2;

/// What a word names, for counting the different concepts of a query: words joined into one
/// catalogue name ("hugging face" → huggingface), or describing one topic together ("throw
/// away" … "weights"), are one concept, not two that corroborate each other.
#[derive(PartialEq)]
enum Name<'a> {
    /// A word by its English stem, so that "algorithm" and "algorithms" are one concept, not
    /// two that corroborate each other ("prove Dijkstra's algorithm is correct, algorithms
    /// class").
    Word(Cow<'a, str>),
    Compound(TermId),
}

fn name_of(word: &QueryWord) -> Name<'_> {
    compound_of(word).map_or_else(
        || {
            Name::Word(if expand::stemmable(&word.text) {
                Cow::Owned(expand::stem(&word.text))
            } else {
                Cow::Borrowed(word.text.as_str())
            })
        },
        Name::Compound,
    )
}

/// The catalogue name a word is part of with the words around it, if any.
fn compound_of(word: &QueryWord) -> Option<TermId> {
    word.alternatives
        .iter()
        .find(|a| matches!(a.how, How::Compound | How::Paraphrase))
        .map(|a| a.term)
}

/// A catalogue concept a query names for sure.
struct Concept<'a> {
    name: Name<'a>,
    /// The resources it reaches, sorted.
    reach: Vec<u32>,
    /// Whether it says enough to vouch for another (see [`TELLING`]).
    telling: bool,
    /// Whether it names only the field or a product made with it (see [`PRODUCT_WORDS`]).
    product: bool,
}

impl Concept<'_> {
    /// Whether this concept and another corroborate each other: they meet in one resource,
    /// one of them says something, and they name more than some AI product.
    fn corroborates(&self, other: &Concept) -> bool {
        (self.telling || other.telling)
            && !(self.product && other.product)
            && meet(&self.reach, &other.reach)
    }
}

/// Least importance of a Latin word for it to count as a name coined in the field: rarer
/// than any everyday word ("nvlink", "infiniband", "deepspeed"; not "flash", "zero", "rag").
const COINED_IMPORTANCE: f32 = 0.9;

/// Whether a word is written as a Latin name: letters and digits, at least one letter.
fn latin_name(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_alphabetic()) && text.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Whether the message puts two names coined in the field side by side ("A 跟 B", "A and B",
/// "A vs B"), each a topic's label the catalogue knows as written, and the catalogue files
/// them under one topic though no one resource covers both: "NVLink 跟 InfiniBand 一个管机内一个
/// 管机间对吧" asks about two interconnects kept side by side. `coined` holds each such word's
/// place with the resources it reaches. With `anywhere`, the two may stand
/// apart ("half of twitter screams 'just use vLLM', the other half swears TGI is better"):
/// the caller allows that only when no name of another technology stands beside them, since
/// names merely in one message ("NVMe-oF over RDMA" for a database's storage, with SPDK's
/// queues) do not count. Everyday words never do.
fn coined_side_by_side(
    words: &[QueryWord],
    coined: &[(usize, Vec<u32>)],
    anywhere: bool,
    topics_of: impl Fn(&[u32]) -> Vec<TopicIdx>,
) -> bool {
    if coined.len() < 2 {
        return false;
    }
    // Each name's topics once, not once for every other name it is paired with.
    let topics: Vec<Vec<TopicIdx>> = coined.iter().map(|(_, reach)| topics_of(reach)).collect();
    coined.iter().enumerate().any(|(n, &(i, _))| {
        coined.iter().enumerate().skip(n + 1).any(|(m, &(j, _))| {
            let adjacent = j == i + 2 && words[i + 1].role == Role::Link;
            (adjacent || anywhere && words[i].text != words[j].text)
                && topics[n].iter().any(|t| topics[m].binary_search(t).is_ok())
        })
    })
}

/// How sure a match of this sort is to mean what the word means.
fn certainty(how: How) -> f32 {
    match how {
        How::Exact | How::Stem | How::Synonym | How::Compound | How::Paraphrase | How::Beside => {
            1.0
        }
        // Letters that spell a Chinese word's syllables may spell another word, or be a name.
        How::Pinyin | How::Homophone => 0.9,
        How::Part => 0.8,
        How::Typo | How::Prefix => 0.7,
        How::Bigram => 0.6,
    }
}

/// The alternatives of a word that have resources behind them.
fn found<'a>(word: &'a QueryWord, index: &'a Index) -> impl Iterator<Item = &'a Alternative> {
    word.alternatives.iter().filter(|a| index.is_held(a.term))
}

/// The certainty of a word's surest alternative that has resources behind it, if any.
fn surest(word: &QueryWord, index: &Index) -> Option<f32> {
    found(word, index)
        .map(|a| certainty(a.how))
        .reduce(f32::max)
}

/// How much of a word the index accounts for: its surest alternative, or the share of its
/// bigrams that have resources behind them.
fn explained(word: &QueryWord, index: &Index, surest: Option<f32>) -> f32 {
    let mut best = surest.unwrap_or(0.0);
    if word.part_count > 0 {
        let found = word.parts.iter().filter(|&&p| index.is_held(p)).count();
        best = best.max(BIGRAM_SURE * found as f32 / word.part_count as f32);
    }
    best
}

impl Relevance {
    /// Whether to answer: one catalogue word must dominate, two or more corroborate.
    fn decide(&self) -> bool {
        let needed = if self.defined {
            MIN_SHARE_DEFINED
        } else if self.corroborated {
            MIN_SHARE_CORROBORATED
        } else if self.named {
            MIN_SHARE_NAMED
        } else if self.coined_name {
            MIN_SHARE_COINED
        } else {
            MIN_SHARE_ALONE
        };
        let share = self.share_described();
        // A list is asked item by item: when no item would be answered alone, the words the
        // catalogue knows are scattered over items about something else ("W1 processes &
        // threads W2 scheduling W3 paging" of an OS course).
        let alone = &self.answered_alone;
        let some_item_answered = !self.items || alone.is_empty() || alone.contains(&true);
        self.concepts >= 1
            && (share >= needed || (self.one_concept_answered && share >= MIN_SHARE_ONE_OF_SEVERAL))
            && some_item_answered
    }

    /// The share of the query's importance the catalogue explains, with the words that describe
    /// what its concepts are about: what the decision weighs.
    pub fn share_described(&self) -> f32 {
        let all = self.evidence + self.unexplained;
        if all > 0.0 {
            (self.evidence + self.described) / all
        } else {
            0.0
        }
    }

    /// The share of the query's importance the catalogue explains, in [0, 1].
    pub fn share(&self) -> f32 {
        let all = self.evidence + self.unexplained;
        if all > 0.0 { self.evidence / all } else { 0.0 }
    }
}

/// Whether the words were grouped into two or more concepts (see [`super::concepts`]).
fn several_concepts(words: &[QueryWord]) -> bool {
    words.iter().any(|w| w.concept > 0)
}

/// What the word reaches in the catalogue: the resources of its surest alternatives taken
/// together (or of its bigram parts when it has no alternative). Taken together, because a
/// word is one concept however many spellings it has: "大模型" reaches most of the catalogue
/// through 大语言模型, llm and largelanguagemodel, even though the last alone is rare.
fn reach(word: &QueryWord, index: &Index, surest: Option<f32>) -> Vec<u32> {
    match surest {
        Some(best) => index.reach(
            found(word, index)
                .filter(|a| certainty(a.how) >= best)
                .map(|a| a.term),
        ),
        None => index.reach(word.parts.iter().copied()),
    }
}

/// Whether two different content words describe one topic together (see
/// [`super::paraphrase`]): an entry fires only when a phrase of each of its groups is in the
/// message, so its words corroborate each other as two concepts meeting in one resource do.
fn described_together(words: &[QueryWord]) -> bool {
    let paraphrased = |w: &&QueryWord| w.is_content() && w.describes_a_topic();
    words.iter().filter(paraphrased).any(|a| {
        words.iter().filter(paraphrased).any(|b| {
            a.text != b.text
                && a.alternatives.iter().any(|x| {
                    x.how == How::Paraphrase && b.alternatives.iter().any(|y| y.term == x.term)
                })
        })
    })
}

/// Whether two sorted lists of resources share one.
fn meet(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// A word's weight in ranking: how rare it is in the catalogue, tempered by how much it says
/// in the language (so "in", "one", "models" count little even where the catalogue knows
/// them, and "大模型", everywhere in the catalogue, does not drown "数学").
fn weigh(importance: f32, specificity: f32) -> f32 {
    importance.sqrt() * specificity
}

/// What the words describing the topics the query's concepts point to add to the evidence.
/// `describes(word, topics)` says whether the word describes one of `topics`, or any topic at
/// all for `None`; `topics_of(resources)` gives the topics of those resources. The topics
/// pointed to are gathered only when some word could describe one: a concept may reach
/// thousands of resources in a large catalogue.
fn described_evidence(
    words: &[QueryWord],
    evidence: &mut [WordEvidence],
    concepts: &[Concept],
    index: &Index,
    topics_of: impl Fn(&[u32]) -> Vec<TopicIdx>,
    describes: impl Fn(&QueryWord, Option<&[TopicIdx]>) -> bool,
) -> f32 {
    // A word meant in another sense ("weights" beside "gym") describes nothing here.
    let candidates: Vec<usize> = (0..words.len())
        .filter(|&i| {
            let (w, e) = (&words[i], &evidence[i]);
            w.other_sense.is_none()
                && e.explained < DESCRIBED
                && e.importance > 0.0
                && describes(w, None)
        })
        .collect();
    if candidates.is_empty() {
        return 0.0;
    }
    let specific = index.resource_count() / POINTS_BELOW;
    let mut pointed: Vec<u32> = concepts
        .iter()
        .filter(|c| c.reach.len() < specific)
        .flat_map(|c| c.reach.iter().copied())
        .collect();
    if pointed.is_empty() {
        return 0.0;
    }
    pointed.sort_unstable();
    pointed.dedup();
    let topics = topics_of(&pointed);
    let mut sum = 0.0;
    for i in candidates {
        if describes(&words[i], Some(&topics)) {
            let e = &mut evidence[i];
            e.described = true;
            sum += (DESCRIBED - e.explained) * e.importance;
        }
    }
    sum
}

/// Whether word `i`, which reaches `reach` resources, is a name said outright (see
/// [`MIN_SHARE_NAMED`]): a topic's label of [`NAMED_CHARS`] ideographs or more, a resource's
/// own name of more, or one of two to [`NAMED_WORDS`] Latin words in a row that word `i` is
/// part of.
fn named_outright(
    words: &[QueryWord],
    i: usize,
    reach: usize,
    is_label: impl Fn(&str) -> bool,
) -> bool {
    let text = &words[i].text;
    if text.chars().any(normalise::is_cjk) {
        let ideographs = text.chars().filter(|&c| normalise::is_cjk(c)).count();
        return ideographs >= NAMED_CHARS && is_label(text)
            || ideographs > NAMED_CHARS && reach <= OWN_NAME_REACH;
    }
    let latin =
        |w: &QueryWord| !w.text.is_empty() && w.text.chars().all(|c| c.is_ascii_alphanumeric());
    let first = i.saturating_sub(NAMED_WORDS - 1);
    (first..=i).any(|start| {
        (i.max(start + 1)..(start + NAMED_WORDS).min(words.len())).any(|end| {
            let run = &words[start..=end];
            run.iter().all(latin)
                && is_label(
                    &run.iter()
                        .map(|w| w.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                )
        })
    })
}

/// The first and last word of the compound name the word at `i` is part of ("flash" and
/// "attention" are one catalogue name, flashattention); `(i, i)` for a word that makes no
/// compound with its neighbours.
fn compound_span(words: &[QueryWord], i: usize) -> (usize, usize) {
    let Some(term) = compound_of(&words[i]) else {
        return (i, i);
    };
    let same = |j: usize| compound_of(&words[j]) == Some(term);
    let first = (0..i).rev().take_while(|&j| same(j)).last().unwrap_or(i);
    let last = (i + 1..words.len())
        .take_while(|&j| same(j))
        .last()
        .unwrap_or(i);
    (first, last)
}

/// Whether the word at `i` is what a "what is" question asks about: "what is X", "what's a
/// X", "什么是X", "X 是什么", "X 到底是个啥". X may be a name of several words ("what is
/// flash attention", "what's a kv cache"): the words around `i` that make one compound with it
/// are asked about together.
fn asked_what(words: &[QueryWord], i: usize) -> bool {
    let text = |j: usize| words.get(j).map_or("", |w| w.text.as_str());
    let (first, i) = compound_span(words, i);
    let mut before = first;
    while before > 0 && ["a", "an", "the"].contains(&text(before - 1)) {
        before -= 1;
    }
    // The concept must be the whole of what is asked about: not "the attention economy",
    // "the math for the cutoff".
    let whole = words.get(i + 1).is_none_or(|next| {
        !next.is_content()
            && ![
                "for", "of", "in", "on", "with", "to", "about", "at", "from", "by",
            ]
            .contains(&next.text.as_str())
    });
    let asked_before = whole
        && match before.checked_sub(1).map(text) {
            Some("什么是" | "啥是" | "何为") => true,
            Some("is" | "are" | "s") => before >= 2 && text(before - 2) == "what",
            _ => false,
        };
    let mut after = i + 1;
    while ["到底", "究竟"].contains(&text(after)) {
        after += 1;
    }
    let asked_after = match text(after) {
        "是什么" | "是啥" | "是个啥" => true,
        "是" => {
            let next = if ["个", "一个"].contains(&text(after + 1)) {
                after + 2
            } else {
                after + 1
            };
            ["啥", "什么"].contains(&text(next))
        }
        _ => false,
    };
    asked_before || asked_after
}

/// Whether a question after the word at `i` asks what "it" or "that" is ("says 'use TGI' and
/// walks off... what even is that", "infinband hype?? what even is it") or does ("LoRA like
/// its magic. what does it actualy do??"): the pronoun stands for the name said just before.
fn asked_what_it_is(words: &[QueryWord], i: usize) -> bool {
    let text = |j: usize| words.get(j).map_or("", |w| w.text.as_str());
    const ADVERBS: &[&str] = &["even", "exactly", "really", "actually", "actualy"];
    (i + 1..words.len()).any(|j| {
        if text(j) != "what" {
            return false;
        }
        let mut k = j + 1;
        // "what does it (actually) do": what the thing is for.
        if text(k) == "does" && ["that", "it", "this"].contains(&text(k + 1)) {
            k += 2;
            while ADVERBS.contains(&text(k)) {
                k += 1;
            }
            return text(k) == "do" && words.get(k + 1).is_none_or(|next| !next.is_content());
        }
        if ["s", "is"].contains(&text(k)) {
            k += 1;
        } else {
            while ADVERBS.contains(&text(k)) {
                k += 1;
            }
            if text(k) != "is" {
                return false;
            }
            k += 1;
        }
        ["that", "it", "this"].contains(&text(k))
            && words.get(k + 1).is_none_or(|next| !next.is_content())
    })
}

/// Whether a word of [`NAMED_CHARS`] ideographs or more sounds as a topic's label does:
/// "知识蒸溜" is 知识蒸馏 typed with a homophone, and no everyday word sounds like a label that
/// long.
fn heard_as_label(word: &QueryWord, index: &Index, is_label: impl Fn(&str) -> bool) -> bool {
    let ideographs = word.text.chars().filter(|&c| normalise::is_cjk(c)).count();
    ideographs >= NAMED_CHARS
        && found(word, index).any(|a| a.how == How::Homophone && is_label(index.term_text(a.term)))
}

/// Judges a query. `importance` rates a content word by how much it says; `is_label` tells a
/// topic's name or alias, normalised (one named outright lowers the share needed);
/// `topics_of` and `describes` find the words describing the topics its concepts point to (see
/// `described_evidence`).
pub fn judge(
    words: &[QueryWord],
    index: &Index,
    importance: impl Fn(&QueryWord) -> f32,
    is_label: impl Fn(&str) -> bool,
    topics_of: impl Fn(&[u32]) -> Vec<TopicIdx>,
    describes: impl Fn(&QueryWord, Option<&[TopicIdx]>) -> bool,
) -> Relevance {
    let mut evidence = 0.0;
    let mut unexplained = 0.0;
    let mut sure: Vec<Concept> = Vec::new();
    let mut named = false;
    let mut coined_name = false;
    let mut defined = false;
    // Each name coined in the field with the resources it reaches, for
    // [`coined_side_by_side`].
    let mut coined: Vec<(usize, Vec<u32>)> = Vec::new();
    // A model's size after a name the catalogue does not have as written ("Mistral 7B",
    // "Gemma 7B", read as a slip for "gemm") is that model's size, not Qwen-7B's.
    let size_of_another = |i: usize| {
        normalise::is_model_size(&words[i].text)
            && i.checked_sub(1).is_some_and(|j| {
                let before = &words[j];
                before.is_content()
                    && latin_name(&before.text)
                    && surest(before, index).is_none_or(|sure| sure < NAMED_OUTRIGHT)
            })
    };
    let mut evidence_of: Vec<WordEvidence> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if !w.is_content() {
                return WordEvidence {
                    explained: 0.0,
                    importance: 0.0,
                    specificity: 0.0,
                    described: false,
                };
            }
            let surest = if size_of_another(i) {
                None
            } else {
                surest(w, index)
            };
            // A model's size the catalogue has ("7b" of Qwen-7B) names it; any other says how
            // big, as a count says how many.
            let number = normalise::is_count(&w.text)
                || normalise::is_symbol(&w.text)
                || normalise::is_model_size(&w.text) && surest.is_none();
            let reached = reach(w, index, surest);
            let e = WordEvidence {
                explained: explained(w, index, surest),
                importance: if number {
                    importance(w).min(MAX_NUMBER_IMPORTANCE)
                } else {
                    importance(w)
                },
                specificity: index.idf_of_reach(reached.len()),
                described: false,
            };
            evidence += e.evidence();
            unexplained += (1.0 - e.explained) * e.importance;
            defined = defined
                || e.explained >= NAMED_OUTRIGHT
                    && e.importance >= TELLING
                    && e.specificity >= NAMED_SPECIFICITY
                    && !number
                    && w.other_sense.is_none()
                    && (asked_what(words, i) || latin_name(&w.text) && asked_what_it_is(words, i));
            // Once one word is named outright, the others need not be asked.
            named = named
                || w.pointed && e.explained >= 1.0
                || e.specificity >= NAMED_SPECIFICITY
                    && w.other_sense.is_none()
                    && (e.explained >= 1.0 && named_outright(words, i, reached.len(), &is_label)
                        || heard_as_label(w, index, &is_label));
            let rare_name = e.explained >= 1.0
                && e.importance >= COINED_IMPORTANCE
                && e.specificity >= NAMED_SPECIFICITY
                && latin_name(&w.text);
            if rare_name && w.other_sense.is_none() && is_label(&w.text) {
                coined.push((i, reached.clone()));
                coined_name = coined_name || !w.has_other_senses;
            }
            // A resource's own name written in letters and digits, as course codes and model
            // names are ("cs224n"), names it as surely as a topic's label does. Without a digit
            // a rare word reaching a few resources may be an everyday one ("anime").
            coined_name = coined_name
                || rare_name
                    && !w.has_other_senses
                    && w.text.bytes().any(|b| b.is_ascii_digit())
                    && reached.len() <= OWN_NAME_REACH;
            let name = name_of(w);
            // A word that says (nearly) nothing ("a", "non", matching some term) is no
            // concept to corroborate another.
            if e.explained >= MIN_SURE && !number && e.importance >= MIN_CONCEPT_IMPORTANCE {
                // The words of one compound name one concept, which reaches what each of them
                // reaches: "in pytorch" is about PyTorch, not only about "in".
                let telling = w.text.chars().any(normalise::is_cjk)
                    || e.explained >= NAMED_OUTRIGHT && e.importance >= TELLING;
                let product = PRODUCT_WORDS.contains(&w.text.as_str());
                match sure.iter_mut().find(|c| c.name == name) {
                    Some(known) => {
                        known.reach.extend(reached);
                        known.reach.sort_unstable();
                        known.reach.dedup();
                        known.telling = known.telling || telling;
                        known.product = known.product && product;
                    }
                    None => sure.push(Concept {
                        name,
                        reach: reached,
                        telling,
                        product,
                    }),
                }
            }
            e
        })
        .collect();
    // A version's numbers ("8.2.0", "3.12", read as runs of numbers) narrow the name beside
    // them ("llama 3.1", "python 3.12"); beside no name the catalogue has ("gradle 8.2.0"),
    // the titles their digits match say nothing of the message, and they are as unexplained
    // as any other word. (A number alone, as in "4 张卡" or "50 people", counts something the
    // message names, explained or not.)
    let count = |i: usize| words.get(i).is_some_and(|w| normalise::is_count(&w.text));
    for i in 0..words.len() {
        let e = &evidence_of[i];
        let in_a_run = i.checked_sub(1).is_some_and(count) || count(i + 1);
        if e.explained == 0.0 || !count(i) || !in_a_run {
            continue;
        }
        // The nearest word on each side past the run's other numbers.
        let before = (0..i).rev().find(|&j| !count(j));
        let after = (i + 1..words.len()).find(|&j| !count(j));
        let named = [before, after]
            .into_iter()
            .flatten()
            .any(|j| evidence_of[j].explained >= MIN_SURE);
        if !named {
            evidence -= e.evidence();
            unexplained += e.evidence();
            evidence_of[i].explained = 0.0;
        }
    }
    let described =
        described_evidence(words, &mut evidence_of, &sure, index, &topics_of, describes);
    let concepts = words.iter().map(|w| w.concept + 1).max().unwrap_or(0);
    let answered_alone: Vec<bool> = if several_concepts(words) {
        (0..concepts)
            .map(|c| {
                let of = |w: &(&QueryWord, &WordEvidence)| w.0.concept == c;
                let mine = words.iter().zip(&evidence_of).filter(of);
                let (known, all, sure) = mine.fold((0.0, 0.0, false), |(k, a, s), (_, e)| {
                    (
                        k + e.evidence(),
                        a + e.importance,
                        s || e.explained >= NAMED_OUTRIGHT && e.importance >= TELLING,
                    )
                });
                sure && all > 0.0 && known / all >= MIN_SHARE_ALONE
            })
            .collect()
    } else {
        Vec::new()
    };
    // The items of a list are not several questions each asked in full: "home distilling
    // steps: 1. mash 2. ferment 3. distillation" is answered as a whole or not at all.
    let items = words.iter().any(|w| w.item);
    let one_concept_answered = !items && answered_alone.iter().any(|&a| a);
    // A name of another technology beside the catalogue's ("ENOMEM", "SPDK", "Fortran") says
    // the message is about that one, where the catalogue's name is only a part.
    let another_technology = words.iter().zip(&evidence_of).any(|(w, e)| {
        e.explained == 0.0 && e.importance >= COINED_IMPORTANCE && latin_name(&w.text)
    });
    // Two concepts corroborate where they meet, if one of them says something.
    let corroborated = sure
        .iter()
        .enumerate()
        .any(|(i, a)| sure[i + 1..].iter().any(|b| a.corroborates(b)))
        || described_together(words)
        || coined_side_by_side(words, &coined, !another_technology, &topics_of);
    coined_name = coined_name && !another_technology;
    let mut relevance = Relevance {
        words: evidence_of,
        evidence,
        unexplained,
        described,
        concepts: sure.len(),
        corroborated,
        answer: false,
        named,
        coined_name,
        defined,
        one_concept_answered,
        answered_alone,
        items,
    };
    relevance.answer = relevance.decide();
    relevance
}
