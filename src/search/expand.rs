//! Stage 3: turn each token into the index terms that may stand for it.
//!
//! A word keeps its exact term and gains, each with a weight below one: synonyms from the
//! catalogue's glossary (推理 ↔ inference, TP ↔ 张量并行), other inflections of English words
//! (Snowball stems: "distilling" → distillation), compounds with its neighbour ("flash
//! attention" → flashattention; "llama.cp" one slip from llamacpp), sub-words of long Chinese
//! words, completions of partial words ("lor" → lora), typo corrections for Latin words neither
//! the catalogue nor the word table knows (distance 1 from four characters, 2 from eight),
//! Chinese words typed as their pinyin ("lianghua" → 量化), Chinese homophones of whole unknown
//! spans, and catalogue words typed with one character slipped for one of the same sound, read
//! across the words the segmenter cut them into (专家 · 并 · 形 → 专家并行). Unknown Chinese
//! spans become bigram *parts* that match in proportion. A word said again at once ("matrices
//! matrices") counts once, and "in plain English" asks for plain words, not for English.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::index::{Homophone, Index, TermId, letter_prefix};
use super::lexicon::{self, Role};
use super::normalise;
use super::tokenise::{Token, TokenKind, bigrams};
use crate::catalogue::Kind;
use rust_stemmers::{Algorithm, Stemmer};

/// How a query word reached a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum How {
    /// The word itself.
    Exact,
    /// Another inflection of an English word ("cards" → card, "distilling" → distillation).
    Stem,
    /// A word of the same synonym group (推理 ↔ inference).
    Synonym,
    /// The word joined with its neighbour ("flash attention" → flashattention).
    Compound,
    /// A shorter term inside the word (qwen2 → qwen, 模型量化 → 量化).
    Part,
    /// A completion of a partly typed word ("lor" → lora).
    Prefix,
    /// A correction: a near spelling, or a Chinese word that sounds the same.
    Typo,
    /// A Chinese word typed as its pinyin in Latin letters ("lianghua" → 量化).
    Pinyin,
    /// A span of three or more ideographs with exactly the syllables of a catalogue word, a
    /// pinyin keyboard's slip (剪支算法 → 剪枝算法, 知识真流 → 知识蒸馏).
    Homophone,
    /// Character bigrams of Chinese the dictionary does not know.
    Bigram,
    /// One of the words of a phrase that describes a topic without naming it ("throw away"
    /// … "weights" → pruning; see [`super::paraphrase`]).
    Paraphrase,
    /// The topic a named tool is filed under, for a message that asks for the tool's
    /// alternatives ("vllm alternatives" → the serving engines; see [`super::exclusion`]).
    Beside,
}

impl How {
    /// How much of a query word a match of this sort accounts for: guesses (typos,
    /// completions) cover less, so several weak guesses cannot carry an off-topic query.
    pub fn coverage(self) -> f32 {
        match self {
            How::Exact
            | How::Stem
            | How::Synonym
            | How::Compound
            | How::Paraphrase
            | How::Beside
            | How::Pinyin
            | How::Homophone => 1.0,
            How::Part => 0.8,
            How::Prefix | How::Typo => 0.7,
            How::Bigram => 1.0,
        }
    }
}

/// One term a query word may match, and how much such a match is worth.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Alternative {
    /// The index term.
    pub term: TermId,
    /// What a match is worth, in (0, 1].
    pub weight: f32,
    /// How the word reached the term.
    pub how: How,
}

/// A query word after expansion.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryWord {
    /// The normalised word as typed.
    pub text: String,
    /// What the word does in the query (content, intent, filler, link).
    pub role: Role,
    /// Terms any one of which matches the word; the best one counts.
    pub alternatives: Vec<Alternative>,
    /// For unknown Chinese spans: bigrams that each match a share of the word.
    pub parts: Vec<TermId>,
    /// Number of distinct bigrams the span has (the denominator of its share).
    pub part_count: usize,
    /// What a full bigram match is worth: 1 for unknown spans, less for dictionary words,
    /// whose bigrams only back up the exact word (零冗余优化器 vs a title's 零冗余优化).
    pub part_weight: f32,
    /// Which concept of the query the word belongs to (see [`super::concepts`]).
    pub concept: usize,
    /// Whether the word's concept is an item of a list written with its marks ("1. …
    /// 2. …"), asked on its own rather than compared (see [`super::items`]).
    pub item: bool,
    /// The cue that shows the word meant in a sense the catalogue is not about ("law school"
    /// beside "llm"), if any (see [`super::senses`]).
    pub other_sense: Option<String>,
    /// Whether the catalogue knows another meaning of the word at all, shown here or not:
    /// its own thing in another role (an employer, news) does not count, as only a cue ever
    /// means that (see [`super::senses`]).
    pub has_other_senses: bool,
    /// Whether the word occurs only inside text pasted from a screen that names the
    /// catalogue, and so says less than words the asker typed (see [`super::pasted`]).
    pub pasted: bool,
    /// Whether the word is one of a language the bot does not read ("나아요", "auriez"), and
    /// so says less than a word it cannot place in Chinese or English (see [`super::foreign`]).
    pub foreign: bool,
    /// Whether the word was typed in capitals, as acronyms and names are ("RAG", "ZeRO",
    /// "RoPE"): then an everyday word of the same letters (rag, zero, rope) is not what is
    /// meant.
    pub capitals: bool,
    /// Whether the word names what a pasted address or arXiv number the catalogue knows
    /// points to (see [`super::address`]): the message is about it, as about a name said
    /// outright.
    pub pointed: bool,
    /// The kinds of resource the word asked for before a paraphrase made it part of a
    /// description ("公开数据集去哪下" still asks for datasets, "rlhf 入门" for tutorials; see
    /// [`super::paraphrase`]).
    pub wished: Option<&'static [Kind]>,
}

impl QueryWord {
    /// The kinds of resource the word asks for: as an intent, or as one before a paraphrase
    /// took it in.
    pub fn wish(&self) -> Option<&'static [Kind]> {
        match self.role {
            Role::Intent(kinds) => Some(kinds),
            _ => self.wished,
        }
    }

    /// True for words that name something to find.
    pub fn is_content(&self) -> bool {
        self.role == Role::Content
    }

    /// True for words a paraphrase found in the message lets stand for the topic it
    /// describes (see [`super::paraphrase`]).
    pub fn describes_a_topic(&self) -> bool {
        self.alternatives.iter().any(|a| a.how == How::Paraphrase)
    }

    /// Marks the word as meant in a sense the catalogue is not about, which `cue` shows ("law
    /// school" beside "llm", a poem asked for): it matches nothing. The first cue found is
    /// the one kept.
    pub fn meant_otherwise(&mut self, cue: &str) {
        self.alternatives.clear();
        self.parts.clear();
        self.other_sense.get_or_insert_with(|| cue.to_owned());
    }
}

/// Gives the marked content words `role` (a self-introduction's background, what a message
/// rules out), unless nothing else in the message is content: then the marked words are what
/// the message is about. True when some word changed.
pub fn recast_unless_alone(words: &mut [QueryWord], marked: &[bool], role: Role) -> bool {
    let asks_more = words.iter().zip(marked).any(|(w, &m)| !m && w.is_content());
    let mut recast = false;
    if asks_more {
        for (w, _) in words.iter_mut().zip(marked).filter(|(_, m)| **m) {
            if w.is_content() {
                w.role = role;
                recast = true;
            }
        }
    }
    recast
}

/// Makes the marked content words background — the asker's circumstances, such as the machine
/// or the time they have — when the rest of the message names a tool (`names_tool`) they are
/// the circumstances of, and is not all they are ([`recast_unless_alone`]).
pub fn set_aside_beside_a_tool(
    words: &mut [QueryWord],
    marked: &[bool],
    names_tool: impl Fn(&QueryWord) -> bool,
) {
    // Most messages mark nothing; the tools are looked for only in those that do.
    if !marked.contains(&true) {
        return;
    }
    let names_a_tool = words
        .iter()
        .zip(marked)
        .any(|(w, &m)| !m && w.is_content() && names_tool(w));
    if names_a_tool {
        recast_unless_alone(words, marked, Role::Background);
    }
}

const SYNONYM: f32 = 0.9;
const PART: f32 = 0.6;
const BIGRAM_BACKUP: f32 = 0.75;
const TYPO_1: f32 = 0.8;
const TYPO_2: f32 = 0.65;
const MAX_TYPOS: usize = 4;
/// Fewest letters of two words joined that may be read as a compound with one slip.
const COMPOUND_SLIP_CHARS: usize = 6;
/// Fewest ideographs of a slip heard as a [`How::Homophone`].
const HOMOPHONE_CHARS: usize = 3;
const MAX_COMPLETIONS: usize = 6;
/// What another inflection of an English word is worth ("cards" → card).
const STEM: f32 = 0.95;
/// What a Chinese word typed as its pinyin is worth ("lianghua" → 量化): the word itself,
/// but a run of syllables may spell another word too.
const PINYIN: f32 = 0.9;
/// How many terms sharing a stem's letters are looked at for other inflections.
const MAX_INFLECTIONS: usize = 16;

/// Whether a correction keeps the word's first letter. A slip seldom falls on it, and a word
/// that starts otherwise is mostly another word or a name: "iphone" is no "phone" with a slip,
/// nor "owen" a "qwen".
fn same_start(term: &str, typed: &str) -> bool {
    term.as_bytes().first() == typed.as_bytes().first()
}

/// Typo tolerance for a Latin word of `len` characters.
fn max_typos(len: usize) -> u8 {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Expands tokens into query words. `complete_last` enables completions of the final word even
/// when it is a known term, as autocomplete wants.
///
/// `common` tells whether a word is an ordinary word of the language ("link", "teach",
/// "stages", 几分): such a word is spelled right, so it is never "corrected" into a catalogue
/// term it happens to be one letter away from ("line", "tech", "states") or to sound like
/// (积分), nor completed.
pub fn expand(
    tokens: &[Token],
    index: &Index,
    complete_last: bool,
    familiar: &dyn Fn(&str) -> Familiarity,
) -> Vec<QueryWord> {
    let common = &|w: &str| familiar(w) == Familiarity::Common;
    let loud = unstretched(tokens, index, familiar);
    let tokens = loud.as_deref().unwrap_or(tokens);
    let joined = syllables(tokens, index, familiar);
    let tokens = joined.as_deref().unwrap_or(tokens);
    let mut words: Vec<QueryWord> = tokens
        .iter()
        .enumerate()
        .map(|(i, token)| {
            let last = i + 1 == tokens.len();
            match token.kind {
                TokenKind::Latin => latin(&token.text, index, last && complete_last, familiar),
                TokenKind::CjkWord => cjk_word(&token.text, index),
                TokenKind::CjkGap => cjk_gap(&token.text, index, familiar),
            }
        })
        .collect();
    add_compounds(tokens, &mut words, index, familiar);
    add_slips_in_phrases(&mut words, index, common);
    add_slips_cut_apart(&mut words, index);
    add_slips_across_words(&mut words, index);
    add_genitive_joins(&mut words, index);
    quiet_repeats(&mut words);
    plain_words(&mut words);
    durations(&mut words);
    manner_pairs(&mut words);
    papers_said(&mut words);
    pointers_to_the_article(&mut words);
    words
}

/// Words for a piece of writing that, after "that" or "this" ("that LLM roadmap article"), or
/// after "the" behind "in", "of" or "from" ("in the part of 监督微调 of the article"), point at
/// the article the catalogue was made from rather than ask for articles.
const WRITINGS: &[&str] = &["article", "post", "roadmap", "guide", "writeup"];

/// The subject every word of the seed article is about, said in its name ("that LLM roadmap
/// article"): part of the pointer, not a topic asked about.
const ITS_SUBJECT: &[&str] = &["llm", "llms", "ai"];

/// "that LLM roadmap article, what's in there for math": the pointer names where to look, not
/// a kind of resource wanted nor a topic; its words say nothing. "any article on LoRA" and "the
/// vLLM article you sent" still ask for articles (and about vLLM).
fn pointers_to_the_article(words: &mut [QueryWord]) {
    for i in 0..words.len() {
        if !(matches!(words[i].role, Role::Intent(_)) && WRITINGS.contains(&words[i].text.as_str()))
        {
            continue;
        }
        // The subject's name and other writing words may stand between the pointer and it.
        let mut start = i;
        while start > 0
            && (ITS_SUBJECT.contains(&words[start - 1].text.as_str())
                || WRITINGS.contains(&words[start - 1].text.as_str()))
        {
            start -= 1;
        }
        let before = |k: usize| start.checked_sub(k).map(|at| words[at].text.as_str());
        let points = matches!(before(1), Some("that" | "this"))
            || before(1) == Some("the") && matches!(before(2), Some("in" | "of" | "from"));
        if points {
            for word in &mut words[start..=i] {
                word.role = Role::Stop;
            }
        }
    }
}

/// "a 40 min video", "2 hours a day": how long, as "40min" glued is
/// ([`lexicon::is_duration`]), never what about; alone, "min" is one slip from names.
fn durations(words: &mut [QueryWord]) {
    for i in 1..words.len() {
        if lexicon::is_duration(&words[i - 1].text, &words[i].text) {
            words[i - 1].role = Role::Stop;
            words[i].role = Role::Stop;
        }
    }
}

/// Words before a language that make it a register, not a language asked for.
const PLAIN: &[&str] = &[
    "plain", "simple", "easy", "basic", "normal", "human", "layman",
];

/// "in plain English", "in simple English": a way of explaining, not resources in English;
/// neither word names anything to find.
fn plain_words(words: &mut [QueryWord]) {
    for i in 1..words.len() {
        if matches!(words[i].role, Role::Language(_)) && PLAIN.contains(&words[i - 1].text.as_str())
        {
            words[i - 1].role = Role::Stop;
            words[i].role = Role::Stop;
        }
    }
}

/// Pairs of words that say how deep or technical the answer should be ("a high level
/// overview", "nothing technical", "an in depth read"), or that something works ("works
/// fine"), not what it is about: alone, "high", "fine", "technical" and "deep" are words of
/// the catalogue's titles and keywords ("high-speed interconnect", "fine-tuning", "technical
/// report", "deep learning").
const MANNER_PAIRS: &[(&str, &str)] = &[
    ("high", "level"),
    ("non", "technical"),
    ("nothing", "technical"),
    ("less", "technical"),
    ("too", "technical"),
    ("not", "technical"),
    ("in", "depth"),
    ("deep", "dive"),
    ("quick", "read"),
    ("short", "read"),
    // That something works as it is ("been running mixtral on two 3090s, works fine"): the
    // "fine" of fine-tuning only by its spelling.
    ("works", "fine"),
    ("work", "fine"),
    ("worked", "fine"),
    ("working", "fine"),
    ("runs", "fine"),
    ("ran", "fine"),
];

/// "a high level overview for my boss, nothing technical": both words of a pair of
/// [`MANNER_PAIRS`] name nothing to find.
fn manner_pairs(words: &mut [QueryWord]) {
    for i in 1..words.len() {
        if MANNER_PAIRS
            .iter()
            .any(|&(a, b)| words[i - 1].text == a && words[i].text == b)
        {
            words[i - 1].role = Role::Stop;
            words[i].role = Role::Stop;
        }
    }
}

/// Words after "论文" or "paper" that report what a paper says ("论文里说把每个权重压成四位整数",
/// "the paper says it's lossless"): the paper is where the asker read something, not what
/// they ask for.
const SAYS: &[&str] = &[
    "说",
    "里说",
    "中说",
    "里讲",
    "中讲",
    "里提到",
    "中提到",
    "提到",
    "写道",
    "里写",
    "says",
    "said",
    "claims",
    "claimed",
    "shows",
    "showed",
];

/// A paper reported as saying something asks for no paper (see [`SAYS`]).
fn papers_said(words: &mut [QueryWord]) {
    for i in 1..words.len() {
        let paper = ["论文", "paper", "papers"].contains(&words[i - 1].text.as_str());
        if !paper || !matches!(words[i - 1].role, Role::Intent(_)) {
            continue;
        }
        // "论文里说": 里 or 中 may stand between.
        let verb = if ["里", "中"].contains(&words[i].text.as_str()) {
            i + 1
        } else {
            i
        };
        if words
            .get(verb)
            .is_some_and(|w| SAYS.contains(&w.text.as_str()))
        {
            for word in &mut words[i - 1..=verb] {
                word.role = Role::Stop;
            }
        }
    }
}

/// A word said again at once ("every LLM paper is matrices matrices matrices") is emphasis,
/// not more to find: the repeats say nothing, or the resources that name the word would count
/// it three times over the rest of the question.
fn quiet_repeats(words: &mut [QueryWord]) {
    for i in 1..words.len() {
        if words[i].is_content() && words[i].text == words[i - 1].text {
            words[i].role = Role::Stop;
        }
    }
}

/// A catalogue word typed with its syllables in other characters that the segmenter then cut
/// into single characters, none of which means anything here ("bitfit微条效果", "全量参数微
/// 跳": 微 · 条 for 微调; "报报脸出的那个推理服务": 报 · 报 · 脸 for 抱抱脸). Only two to
/// [`MAX_CUT_APART`] such characters side by side, together exactly the sound of a catalogue
/// word of as many characters, are read as it, each standing for it as the words of a
/// compound do; the longest such run wins, and a longer run is not searched for sounds inside
/// it (see [`pinyin_slip`]).
fn add_slips_cut_apart(words: &mut [QueryWord], index: &Index) {
    let lone = |w: &QueryWord| {
        w.role == Role::Content
            && w.text.chars().count() == 1
            && w.text.chars().all(normalise::is_cjk)
            && !w.alternatives.iter().any(|a| index.is_held(a.term))
    };
    read_runs(words, How::Typo, |rest| {
        let run = rest
            .iter()
            .take(MAX_CUT_APART)
            .take_while(|w| lone(w))
            .count();
        (2..=run).rev().find_map(|n| {
            let typed: String = rest[..n].iter().map(|w| w.text.as_str()).collect();
            let terms: Vec<TermId> = same_sound(&typed, index).collect();
            (!terms.is_empty()).then_some((n, terms))
        })
    });
}

/// Walks `words`, asking `find` at each word for a run starting there to read as catalogue
/// words (how many words, and which terms). Each word of a run found stands for those terms,
/// as the words of a compound do, and the walk goes on after the run. A word of the run read
/// as what is wanted (学习 of 及其学习 for 机器学习) is part of the subject inside it.
fn read_runs(
    words: &mut [QueryWord],
    how: How,
    find: impl Fn(&[QueryWord]) -> Option<(usize, Vec<TermId>)>,
) {
    let mut i = 0;
    while i < words.len() {
        let Some((n, terms)) = find(&words[i..]) else {
            i += 1;
            continue;
        };
        for w in &mut words[i..i + n] {
            if matches!(w.role, Role::Intent(_)) {
                w.role = Role::Content;
            }
            for &term in &terms {
                push(&mut w.alternatives, term, TYPO_1, how);
            }
        }
        i += n;
    }
}

/// The most single characters [`add_slips_cut_apart`] reads together as one catalogue word.
const MAX_CUT_APART: usize = 4;

/// A catalogue word typed with one character slipped for another of the same sound, which the
/// segmenter then cut at the words it knows on either side ("专家并形" as 专家 · 并 · 形 for
/// 专家并行, "张亮并行" as 张 · 亮 · 并行 for 张量并行, "奇异值分节" as 奇异 · 值 · 分 · 节 for
/// 奇异值分解). [`cjk_gap`] looks up only whole unknown spans by sound, as some piece of almost
/// any sentence sounds like some word; neighbouring words are read together here only when
/// they spell a catalogue word of [`HOMOPHONE_CHARS`] or more with exactly its syllables and
/// at most [`max_slips`] of its characters written otherwise: a slip, not a coincidence of
/// sound. Each word of the run stands for the catalogue word, as in [`add_slips_cut_apart`];
/// the longest run wins.
fn add_slips_across_words(words: &mut [QueryWord], index: &Index) {
    // A slipped character may itself be a word that names nothing (有 of 零冗余有化器 for
    // 零冗余优化器): one ideograph of any role but a link may stand inside the run. So may a
    // word read as what is wanted (学习 of 及其学习 for 机器学习), which `read_runs` then reads
    // as part of the subject.
    let chinese = |w: &QueryWord| {
        (matches!(w.role, Role::Content | Role::Intent(_))
            || (w.role != Role::Link && w.text.chars().count() == 1))
            && !w.text.is_empty()
            && w.text.chars().all(normalise::is_cjk)
    };
    let slipped = |typed: &str, term: &str| {
        let chars = typed.chars().count();
        let slips = typed
            .chars()
            .zip(term.chars())
            .filter(|(a, b)| a != b)
            .count();
        term.chars().count() == chars && slips >= 1 && slips <= max_slips(chars)
    };
    read_runs(words, How::Homophone, |rest| {
        let mut typed = String::new();
        let mut found = None;
        for (n, w) in rest.iter().enumerate().take_while(|(_, w)| chinese(w)) {
            typed.push_str(&w.text);
            let chars = typed.chars().count();
            if chars > MAX_SLIPPED_CHARS {
                break;
            }
            if n == 0 || chars < HOMOPHONE_CHARS {
                continue;
            }
            let terms: Vec<TermId> = same_sound(&typed, index)
                .filter(|&t| slipped(&typed, index.term_text(t)))
                .collect();
            if !terms.is_empty() {
                found = Some((n + 1, terms));
            }
        }
        found
    });
}

/// Particles a translation tool or a learner puts between the two words of a compound: "知识的
/// 蒸馏" for 知识蒸馏 and "深度的学习" for 深度学习 are "knowledge distillation" and "deep
/// learning" rendered word by word, with 的 or the bookish 之 for the English noun before a
/// noun.
const GENITIVES: &[&str] = &["的", "之"];

/// Fewest ideographs of a compound read across a genitive: two words of two. Shorter ones
/// ("我的" … ) are everyday phrases, not a term split.
const GENITIVE_JOIN_CHARS: usize = 4;

/// Two Chinese words joined by a genitive ([`GENITIVES`]) that together spell a catalogue
/// word or one of its synonyms: each stands for it, as the words of a compound do. Only a
/// term of the catalogue is read so; any other "X 的 Y" stays two words.
fn add_genitive_joins(words: &mut [QueryWord], index: &Index) {
    let han = |w: &QueryWord| !w.text.is_empty() && w.text.chars().all(normalise::is_cjk);
    for i in 1..words.len().saturating_sub(1) {
        let (before, after) = (&words[i - 1], &words[i + 1]);
        let joins = GENITIVES.contains(&words[i].text.as_str())
            && before.role == Role::Content
            && han(before)
            && matches!(after.role, Role::Content | Role::Intent(_))
            && han(after);
        if !joins {
            continue;
        }
        let joined = format!("{}{}", words[i - 1].text, words[i + 1].text);
        if joined.chars().count() < GENITIVE_JOIN_CHARS {
            continue;
        }
        let mut alts = Vec::new();
        if let Some(term) = index.held_term(&joined) {
            push(&mut alts, term, 1.0, How::Compound);
        }
        add_synonyms(&joined, &mut alts, index, SYNONYM);
        if alts.is_empty() {
            continue;
        }
        // The second word may have been read as what is wanted (学习 of 深度的学习, "to learn"):
        // inside the compound it is part of the subject.
        words[i + 1].role = Role::Content;
        for alt in &alts {
            for w in [i - 1, i + 1] {
                push(
                    &mut words[w].alternatives,
                    alt.term,
                    alt.weight,
                    How::Compound,
                );
            }
        }
    }
}

/// The longest catalogue word [`add_slips_across_words`] looks for across words, in
/// characters (零冗余优化器 has six).
const MAX_SLIPPED_CHARS: usize = 8;

/// How many characters of a catalogue word of `chars` characters may be slipped when it is
/// read across words: one in a word of three, half of a longer one. A two-character word of
/// a four-character label typed whole as another word of its sound (知识争流 for 知识蒸馏)
/// slips two; four syllables in a row that sound exactly like a label are no coincidence.
fn max_slips(chars: usize) -> usize {
    (chars / 2).max(1)
}

/// The catalogue words with exactly the syllables of `text`, not merely ones a fuzzy pinyin
/// keyboard confuses with them.
fn same_sound(text: &str, index: &Index) -> impl Iterator<Item = TermId> {
    index
        .homophones(text)
        .into_iter()
        .filter(|h| h.exact)
        .map(|h| h.term)
}

/// An everyday word typed for a catalogue word with exactly its syllables (现存 for 显存, 推力
/// for 推理, 提督 for 梯度): a pinyin keyboard offers the commoner word first. [`pinyin_slip`]
/// leaves everyday words alone, as they are mostly meant as typed; one is read as the
/// catalogue's word only where that word and a neighbour make a phrase the catalogue itself
/// uses ("省现存" → 省显存, "推力框架" → 推理框架). Alone, or beside words the catalogue never
/// puts next to it, the everyday word stays what it says (现存的文物, 火箭推力). A word before
/// it counts only when it is one character, a verb bound to it (省, 爆): a longer one is
/// mostly its subject, and an adverb after a subject would read as a phrase ("这个模型简直太
/// 强了", "simply too strong", is no 模型剪枝).
fn add_slips_in_phrases(words: &mut [QueryWord], index: &Index, common: &dyn Fn(&str) -> bool) {
    let listed = |text: &str| index.held_term(text).is_some();
    let chinese = |text: &str| !text.is_empty() && text.chars().all(normalise::is_cjk);
    for i in 0..words.len() {
        let word = &words[i];
        if word.role != Role::Content
            || word.text.chars().count() < 2
            || !chinese(&word.text)
            || !common(&word.text)
            || word.alternatives.iter().any(|a| index.is_held(a.term))
        {
            continue;
        }
        let before = i.checked_sub(1).map(|j| words[j].text.as_str());
        let after = words.get(i + 1).map(|w| w.text.as_str());
        let meant: Vec<TermId> = same_sound(&word.text, index)
            .filter(|&term| {
                let term = index.term_text(term);
                before.is_some_and(|b| {
                    b.chars().count() == 1 && chinese(b) && listed(&format!("{b}{term}"))
                }) || after.is_some_and(|a| chinese(a) && listed(&format!("{term}{a}")))
            })
            .collect();
        for term in meant {
            push(&mut words[i].alternatives, term, TYPO_1, How::Typo);
        }
    }
}

/// Chat stretches a word to say it louder ("hiiii", "pleaaase", "LMDeployyyy"): a Latin word
/// nobody knows with a letter typed three times or more in a row is read as the word it
/// stretches, when one is known with the run cut to two letters ("goooood") or to one
/// ("hiiii"). Read as typed, "hiiii" was an unknown name weighing as much as the LMDeploy it
/// greeted. `None` when no word was stretched.
fn unstretched(
    tokens: &[Token],
    index: &Index,
    familiar: &dyn Fn(&str) -> Familiarity,
) -> Option<Vec<Token>> {
    let known = |w: &str| {
        index.term(w).is_some()
            || lexicon::role(w) != Role::Content
            || familiar(w) != Familiarity::Unknown
    };
    let plain = |token: &Token| {
        if token.kind != TokenKind::Latin
            || !normalise::stretched(&token.text)
            || known(&token.text)
        {
            return None;
        }
        [2, 1]
            .into_iter()
            .map(|keep| normalise::cut_stretches(&token.text, keep))
            .find(|w| known(w))
    };
    let found: Vec<Option<String>> = tokens.iter().map(plain).collect();
    found.iter().any(Option::is_some).then(|| {
        tokens
            .iter()
            .zip(found)
            .map(|(token, plain)| match plain {
                Some(text) => Token {
                    text,
                    kind: token.kind,
                },
                None => token.clone(),
            })
            .collect()
    })
}

/// The most syllables one Chinese word typed in letters is looked for in (分布式训练 has five).
const MAX_SYLLABLES: usize = 6;

/// Chinese typed as pinyin one syllable at a time ("liang hua ru men", "fen bu shi xun lian
/// zi liao"): neighbouring Latin words whose letters run together spell a catalogue word or
/// a lexicon word are joined into one, longest first, as if typed without the spaces. At
/// least one of them must be unknown to the word table, so English ("can you") stays apart.
/// `None` when nothing was joined.
fn syllables(
    tokens: &[Token],
    index: &Index,
    familiar: &dyn Fn(&str) -> Familiarity,
) -> Option<Vec<Token>> {
    let latin =
        |t: &Token| t.kind == TokenKind::Latin && t.text.bytes().all(|b| b.is_ascii_lowercase());
    if tokens.windows(2).all(|w| !(latin(&w[0]) && latin(&w[1]))) {
        return None;
    }
    let mut out = Vec::with_capacity(tokens.len());
    let mut joined_any = false;
    let mut i = 0;
    while i < tokens.len() {
        let run = tokens[i..]
            .iter()
            .take(MAX_SYLLABLES)
            .take_while(|t| latin(t))
            .count();
        // The run's letters joined once; each shorter span's are a start of them.
        let mut joined = String::new();
        let mut ends = Vec::new();
        if run >= 2 {
            for t in &tokens[i..i + run] {
                joined.push_str(&t.text);
                ends.push(joined.len());
            }
        }
        let found = (2..=run).rev().find_map(|n| {
            let span = &tokens[i..i + n];
            let letters = &joined[..ends[n - 1]];
            // The word table is asked last: it is the costly look-up, and most runs of English
            // words spell nothing.
            let spells =
                !index.typed_pinyin(letters).is_empty() || lexicon::typed_role(letters).is_some();
            let foreign = || {
                span.iter()
                    .any(|t| familiar(&t.text) == Familiarity::Unknown)
            };
            (spells && foreign()).then(|| (n, letters.to_owned()))
        });
        match found {
            Some((n, letters)) => {
                out.push(Token {
                    text: letters,
                    kind: TokenKind::Latin,
                });
                joined_any = true;
                i += n;
            }
            None => {
                out.push(tokens[i].clone());
                i += 1;
            }
        }
    }
    joined_any.then_some(out)
}

/// How well the language's word table knows a word: a word it knows is spelled as meant,
/// so only an unknown one is looked up as a typo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Familiarity {
    /// Not in the table (or no table): may be a slip.
    Unknown,
    /// In the table, and rare enough to say something.
    Rare,
    /// In the table, and ordinary.
    Common,
}

fn push(alts: &mut Vec<Alternative>, term: TermId, weight: f32, how: How) {
    match alts.iter_mut().find(|a| a.term == term) {
        Some(a) if a.weight < weight => *a = Alternative { term, weight, how },
        Some(_) => {}
        None => alts.push(Alternative { term, weight, how }),
    }
}

fn add_synonyms(key: &str, alts: &mut Vec<Alternative>, index: &Index, weight: f32) {
    for &term in index.synonyms(key) {
        push(alts, term, weight, How::Synonym);
    }
}

/// A term the query word may stand for (a stem, a typo's correction), and the synonyms of
/// that term at the same discount.
fn push_with_synonyms(
    alts: &mut Vec<Alternative>,
    index: &Index,
    term: TermId,
    weight: f32,
    how: How,
) {
    push(alts, term, weight, how);
    add_synonyms(index.term_text(term), alts, index, weight * SYNONYM);
}

fn word(text: &str, role: Role) -> QueryWord {
    QueryWord {
        text: text.to_owned(),
        role,
        alternatives: Vec::new(),
        parts: Vec::new(),
        part_count: 0,
        part_weight: 1.0,
        concept: 0,
        item: false,
        other_sense: None,
        has_other_senses: false,
        pasted: false,
        foreign: false,
        capitals: false,
        pointed: false,
        wished: None,
    }
}

fn latin(
    text: &str,
    index: &Index,
    complete: bool,
    familiar: &dyn Fn(&str) -> Familiarity,
) -> QueryWord {
    let mut exact = index.term(text);
    let mut role = lexicon::role(text);
    // A content word neither the catalogue nor the word table knows: asked once, as the word
    // table is a look-up per word.
    let unknown_word = role == Role::Content
        && exact.is_none()
        && familiar(text) == Familiarity::Unknown
        && !prefixed(text, familiar);
    if unknown_word {
        role = lexicon::typed_role(text).unwrap_or(role);
    }
    let mut w = word(text, role);
    let alts = &mut w.alternatives;
    if let Some(term) = exact {
        push(alts, term, 1.0, How::Exact);
    }
    add_synonyms(text, alts, index, SYNONYM);
    // A word the catalogue lists as a synonym ("comms") is known, though no title uses it.
    let listed = !alts.is_empty();
    if role != Role::Content {
        return w;
    }
    for term in inflections(text, index) {
        push_with_synonyms(alts, index, term, STEM, How::Stem);
        exact = exact.or(Some(term));
    }
    // The same word in American spelling is the word, not a slip one letter off it.
    if let Some(us) = american(text) {
        for term in index.term(&us).into_iter().chain(inflections(&us, index)) {
            push_with_synonyms(alts, index, term, 1.0, How::Synonym);
            exact = exact.or(Some(term));
        }
    }
    if let Some(term) = letter_prefix(text).and_then(|p| index.term(p)) {
        push(alts, term, 0.75, How::Part);
    }
    let len = text.chars().count();
    // A word the table knows is spelled as meant and typed in full: it is neither corrected
    // nor completed ("partition" is not a start of partitioning), unless autocomplete asks.
    let unknown = exact.is_none() && unknown_word;
    let mut one_slip_from_the_catalogue = false;
    if unknown && max_typos(len) > 0 {
        let digits = |w: &str| w.chars().filter(char::is_ascii_digit).collect::<String>();
        let number = digits(text);
        // A number is typed as meant: "16bit" is not a slip for "1bit", nor "int6" for "int8".
        for (term, d) in index
            .typo_candidates(text, max_typos(len))
            .into_iter()
            .filter(|&(term, _)| digits(index.term_text(term)) == number)
            .filter(|&(term, _)| same_start(index.term_text(term), text))
            .take(MAX_TYPOS)
        {
            let weight = if d == 1 { TYPO_1 } else { TYPO_2 };
            one_slip_from_the_catalogue |= d == 1;
            push_with_synonyms(alts, index, term, weight, How::Typo);
        }
    }
    // A slip in a word that says nothing ("explian", "recommnd") is that word, unless one
    // slip from the catalogue's own words reads it as a term. Only a word the word table
    // lacks is a slip: without the table (`--lexical`) every word is unknown, and "apple"
    // would be read as "apply".
    if unknown
        && !listed
        && !one_slip_from_the_catalogue
        && let Some(role) = lexicon::slipped_role(text)
        && has_a_word_table(familiar)
    {
        return word(text, role);
    }
    // A word no dictionary knows, spelled in letters, may be Chinese typed as its pinyin
    // without switching the keyboard ("lianghua 4bit jiaocheng"). Looked up whole, like a
    // pinyin slip: the syllables of a word run together, and one syllable alone says nothing.
    if unknown && text.bytes().all(|b| b.is_ascii_lowercase()) {
        for &term in index.typed_pinyin(text) {
            push_with_synonyms(alts, index, term, PINYIN, How::Pinyin);
        }
    }
    // A number is typed in full too: "17" is no start of the arXiv number 17323. Nor are two
    // letters in a sentence a start of anything: the "fi" of "sci-fi" is no start of "fine";
    // only autocomplete, with the word still being typed, completes them.
    let in_full = len < 3 || normalise::is_count(text);
    if (complete || (unknown && !in_full)) && len >= 2 {
        for term in index.completions(text, MAX_COMPLETIONS) {
            let ratio = len as f32 / index.term_text(term).chars().count() as f32;
            push(alts, term, 0.45 + 0.3 * ratio, How::Prefix);
        }
    }
    w
}

fn cjk_word(text: &str, index: &Index) -> QueryWord {
    let mut w = word(text, lexicon::role(text));
    let alts = &mut w.alternatives;
    if let Some(term) = index.term(text) {
        push(alts, term, 1.0, How::Exact);
    }
    add_synonyms(text, alts, index, SYNONYM);
    if w.role == Role::Content && text.chars().count() >= 3 {
        let whole = text.chars().count() as f32;
        for part in index.dictionary().words_in(text).filter(|p| *p != text) {
            if let Some(term) = index.term(part) {
                let share = part.chars().count() as f32 / whole;
                push(alts, term, PART * share.max(0.5), How::Part);
            }
        }
        add_bigrams(&mut w, text, index);
        w.part_weight = BIGRAM_BACKUP;
    }
    w
}

fn cjk_gap(text: &str, index: &Index, familiar: &dyn Fn(&str) -> Familiarity) -> QueryWord {
    let mut w = word(text, lexicon::role(text));
    if w.role != Role::Content {
        return w;
    }
    add_bigrams(&mut w, text, index);
    for sound in pinyin_slip(text, index, familiar) {
        let weight = if sound.exact { TYPO_1 } else { TYPO_2 };
        // Three or more characters with exactly the syllables of a catalogue word are that
        // word, as surely as its pinyin typed in letters; a shorter or near sound may be
        // another word.
        let how = if sound.exact && text.chars().count() >= HOMOPHONE_CHARS {
            How::Homophone
        } else {
            How::Typo
        };
        push(&mut w.alternatives, sound.term, weight, how);
    }
    w
}

/// The catalogue terms an unknown Chinese span was most likely meant to be, if it is a pinyin
/// slip: pinyin keyboards turn a slip into a word that sounds the same or nearly (亮化 for
/// 量化, 经度 for 精度, 真流 for 蒸馏). Empty for filler, for a span the catalogue's text
/// contains as it is (精度 is spelled right, whatever it sounds like), and for an everyday
/// word (几分, "how many points", was most likely meant as typed, as in English); a rarer word
/// the word table knows is read only as a word with exactly its syllables. Only a
/// whole span is looked up by sound, never pieces of one: those would find a homophone
/// somewhere in almost any sentence. The tokeniser asks the same question to keep such a span
/// whole rather than cut it into words.
pub fn pinyin_slip(
    text: &str,
    index: &Index,
    familiar: &dyn Fn(&str) -> Familiarity,
) -> Vec<Homophone> {
    let spelled_right = index.held_term(text).is_some();
    let known = familiar(text);
    if lexicon::is_filler(text) || spelled_right || known == Familiarity::Common {
        return Vec::new();
    }
    let mut sounds = index.homophones(text);
    if known == Familiarity::Rare {
        // A word of the language typed whole is a slip only for a word with its very
        // syllables; a near sound (z for zh, q for j) is what was meant: 中暑 is heatstroke,
        // not 综述, whatever a keyboard might confuse.
        sounds.retain(|s| s.exact);
    }
    sounds
}

/// English prefixes that make another word of a word: "retraining", "unquantized",
/// "preprocess".
const PREFIXES: &[&str] = &[
    "re", "un", "pre", "non", "de", "dis", "mis", "over", "under", "multi", "sub", "post", "semi",
];

/// Whether the word table behind `familiar` is there: it knows the commonest English word.
fn has_a_word_table(familiar: &dyn Fn(&str) -> Familiarity) -> bool {
    familiar("the") != Familiarity::Unknown
}

/// Whether a word the word table lacks is one of [`PREFIXES`] before a word it knows, and so
/// spelled as meant: "retraining" is neither a slip nor a start of a longer word.
fn prefixed(text: &str, familiar: &dyn Fn(&str) -> Familiarity) -> bool {
    PREFIXES.iter().any(|prefix| {
        text.strip_prefix(prefix)
            .is_some_and(|rest| rest.len() >= 4 && familiar(rest) != Familiarity::Unknown)
    })
}

/// The American spelling of a British word made with -ise ("quantising" → "quantizing",
/// "tokeniser" → "tokenizer", "parallelisation" → "parallelization"): the catalogue writes
/// English the American way, and one letter off, the British spelling was read as a slip.
/// Only after four letters or more, and only what the index knows of it is looked up, so
/// "promise" or "precise" find nothing new.
fn american(text: &str) -> Option<String> {
    const ENDINGS: &[&str] = &[
        "isations", "isation", "isers", "iser", "ising", "ised", "ises", "ise",
    ];
    ENDINGS.iter().find_map(|ending| {
        let stem = text.strip_suffix(ending)?;
        (stem.len() >= 4 && stem.bytes().all(|b| b.is_ascii_lowercase()))
            .then(|| format!("{stem}iz{}", &ending[2..]))
    })
}

/// Other inflections of an English word that the index knows: the terms with the same
/// Snowball stem ("cards" → card, "quantizing" → quantization, quantize; "distilling" →
/// distillation; "transformers" → transformer). Found among the completions of the stem, so
/// no stem table is built at start-up.
fn inflections(text: &str, index: &Index) -> Vec<TermId> {
    if !stemmable(text) {
        return Vec::new();
    }
    // A plural is its singular, whatever the stemmer makes of both: Snowball cuts
    // "experiments" to "experi", which no ending of an inflection leads back to.
    let singular: Vec<TermId> = singulars(text)
        .filter_map(|s| index.held_term(&s))
        .collect();
    let stem = stem(text);
    if stem.len() < 3 || !inflects(text, &stem) {
        return singular;
    }
    let same = |t: &TermId| {
        let term = index.term_text(*t);
        // The string test first: stemming every candidate is the costly part.
        term != text && inflects(term, &stem) && self::stem(term) == stem
    };
    // "tuning" and "tuned" drop the e of their stem "tune", so they follow "tun" rather
    // than "tune" in the term list.
    let base = silent_e(&stem).unwrap_or(&stem);
    let mut found: Vec<TermId> = index
        .term(&stem)
        .into_iter()
        .chain(index.completions(base, MAX_INFLECTIONS))
        .filter(|t| index.is_held(*t) && same(t))
        .collect();
    for term in singular {
        if !found.contains(&term) {
            found.push(term);
        }
    }
    found
}

/// The English Snowball stemmer, built once per process.
pub(super) fn english() -> &'static Stemmer {
    static ENGLISH: OnceLock<Stemmer> = OnceLock::new();
    ENGLISH.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Whether a word is one the stemmer is asked about: four lowercase ASCII letters or more
/// (anything else, a short word or a name with digits, is its own stem).
pub(super) fn stemmable(word: &str) -> bool {
    word.len() >= 4 && word.bytes().all(|b| b.is_ascii_lowercase())
}

/// Stems a query-time word remembers per thread, at most this many before they are forgotten.
const REMEMBERED_STEMS: usize = 4096;

thread_local! {
    static STEMS: std::cell::RefCell<foldhash::HashMap<String, String>> =
        std::cell::RefCell::new(foldhash::HashMap::default());
}

/// [`english`]'s stem of a word, remembered on this thread: a message's Latin words are stemmed
/// by two stages (inflections, paraphrases), and the catalogue terms an inflection is looked
/// for among at every message that has the word. Snowball costs some thousands of
/// instructions a word; a look-up, a hundred or so.
pub(super) fn stem(word: &str) -> String {
    STEMS.with_borrow_mut(|stems| {
        if let Some(known) = stems.get(word) {
            return known.clone();
        }
        if stems.len() >= REMEMBERED_STEMS {
            stems.clear();
        }
        let stemmed = english().stem(word).into_owned();
        stems.insert(word.to_owned(), stemmed.clone());
        stemmed
    })
}

/// What a word would be if it is an English plural: "experiments" → experiment, "boxes" →
/// box, "libraries" → library. Never for "-ss" ("loss").
pub(super) fn singulars(word: &str) -> impl Iterator<Item = Cow<'_, str>> {
    let ies = word
        .strip_suffix("ies")
        .map(|w| Cow::Owned(format!("{w}y")));
    // Latin plurals: matrices → matrix, vertices → vertex.
    let ices = word
        .strip_suffix("ices")
        .into_iter()
        .flat_map(|w| [Cow::Owned(format!("{w}ix")), Cow::Owned(format!("{w}ex"))]);
    // "-es" makes a plural only after a hissing sound or an o (boxes, patches, heroes):
    // "times" is time's plural, not tim's (a name among the keywords).
    let es = word
        .strip_suffix("es")
        .filter(|w| {
            ["s", "x", "z", "ch", "sh", "o"]
                .iter()
                .any(|e| w.ends_with(e))
        })
        .map(Cow::Borrowed);
    // Words that only look plural: "news" is not more than one "new" (an "AI news" digest
    // found a title's "new system optimizations").
    let s = word
        .strip_suffix('s')
        .filter(|w| !w.ends_with('s') && !NOT_PLURALS.contains(&word))
        .map(Cow::Borrowed);
    ies.into_iter()
        .chain(ices)
        .chain(es)
        .chain(s)
        .filter(|w| w.len() >= 3)
}

/// Words ending in s that are no plural of the word without it.
const NOT_PLURALS: &[&str] = &["news"];

/// Endings that make another form of the same word: plurals, tenses, the agent ("tuner") and
/// the action noun ("quantization"). Snowball stems also strip endings that make another
/// word ("positive" and "positional" share "posit", "engineer" and "engine" share "engin"),
/// and those must not count as the same word.
const INFLECTIONS: &[&str] = &[
    "", "e", "s", "es", "ed", "ing", "er", "ers", "ion", "ions", "ation", "ations",
];

/// Words that are their stem and an inflecting ending only to Snowball: "humane" is not
/// "human" (the Humane AI pin is no human feedback).
const OTHER_WORDS: &[&str] = &["humane"];

/// A stem's silent final e, which endings replace ("tune" → "tuned", "tuning"), taken off;
/// `None` when the stem has none or would be left too short to say anything.
fn silent_e(stem: &str) -> Option<&str> {
    stem.strip_suffix('e').filter(|base| base.len() >= 3)
}

/// Whether `word` is its Snowball `stem` with only an inflecting ending; a doubled final
/// consonant ("distilling"), a dropped silent e ("tuning" for "tune") and y for the stem's i
/// ("study", "studi") count as the stem.
fn inflects(word: &str, stem: &str) -> bool {
    if OTHER_WORDS.contains(&word) {
        return false;
    }
    let dropped_e = silent_e(stem)
        .and_then(|base| word.strip_prefix(base))
        .is_some_and(|rest| INFLECTIONS.contains(&rest));
    if dropped_e {
        return true;
    }
    let Some(rest) = word.strip_prefix(stem) else {
        return stem
            .strip_suffix('i')
            .is_some_and(|s| word.strip_prefix(s) == Some("y"));
    };
    let undoubled = stem
        .chars()
        .last()
        .and_then(|last| rest.strip_prefix(last))
        .filter(|r| INFLECTIONS.contains(r));
    INFLECTIONS.contains(&rest) || undoubled.is_some()
}

fn add_bigrams(w: &mut QueryWord, text: &str, index: &Index) {
    let mut seen: Vec<&str> = bigrams(text).collect();
    seen.sort_unstable();
    seen.dedup();
    w.part_count = seen.len();
    w.parts = seen.into_iter().filter_map(|b| index.term(b)).collect();
}

/// Neighbouring Latin words that the index knows as one compound ("flash attention" →
/// flashattention, "llama cpp" → llamacpp, "all reduce" → allreduce, "large language models"
/// → large language model, a synonym of 大模型) match as that compound, synonyms included. A
/// compound names something even when one part alone is a stop word ("all" in "all reduce",
/// "of" in "mixture of experts"), so every part becomes content; but stop words alone never
/// make one ("on a"), a triple neither starts nor ends with one (titles join "with tensorrt
/// llm" too), and joining never crosses a link ("a vs b"). Triples are joined first, so that
/// they name the concept their words make together ("large language models" is one concept,
/// not "large language" corroborated by "language models").
fn add_compounds(
    tokens: &[Token],
    words: &mut [QueryWord],
    index: &Index,
    familiar: &dyn Fn(&str) -> Familiarity,
) {
    for n in [3, 2] {
        for i in 0..tokens.len().saturating_sub(n - 1) {
            let span = i..i + n;
            let ends_content = words[i].is_content() && words[i + n - 1].is_content();
            if !joinable(&tokens[span.clone()], &words[span.clone()]) || (n == 3 && !ends_content) {
                continue;
            }
            let mut alts = compound(&tokens[span.clone()], index);
            // "llama.cp": a name cut at its dot, its second half mistyped, is one slip from the
            // name joined, when that half means nothing on its own ("tiny hat" is no tinychat).
            if alts.is_empty()
                && n == 2
                && words[i].is_content()
                && words[i + 1].is_content()
                && !words[i].alternatives.is_empty()
                && words[i + 1].alternatives.is_empty()
                && familiar(&tokens[i + 1].text) == Familiarity::Unknown
            {
                alts = compound_slip(&tokens[span.clone()], index);
            }
            for alt in &alts {
                let how = match alt.how {
                    How::Synonym | How::Typo => alt.how,
                    _ => How::Compound,
                };
                for w in &mut words[span.clone()] {
                    push(&mut w.alternatives, alt.term, alt.weight, how);
                }
            }
            if !alts.is_empty() {
                for w in &mut words[span] {
                    w.role = Role::Content;
                }
            }
        }
    }
}

/// Whether neighbouring words may be joined: all Latin, no link among them, one at least
/// content.
fn joinable(tokens: &[Token], words: &[QueryWord]) -> bool {
    tokens.iter().all(|t| t.kind == TokenKind::Latin)
        && words.iter().all(|w| w.role != Role::Link)
        && words.iter().any(QueryWord::is_content)
}

/// What the words joined are in the index: the compound itself, or its synonyms. For the
/// synonyms a final plural is also tried singular, as the catalogue lists them in the
/// singular ("large language models" → large language model, 大模型); the index's own
/// compounds come from titles and keywords as written, plurals included.
fn compound(tokens: &[Token], index: &Index) -> Vec<Alternative> {
    let joined: String = tokens.iter().map(|t| t.text.as_str()).collect();
    let singular = tokens
        .last()
        .filter(|t| t.text.len() > 3 && t.text.ends_with('s') && !t.text.ends_with("ss"))
        .map(|_| &joined[..joined.len() - 1]);
    let mut alts = Vec::new();
    if let Some(term) = index.term(&joined) {
        push(&mut alts, term, 1.0, How::Compound);
    }
    for key in std::iter::once(joined.as_str()).chain(singular) {
        add_synonyms(key, &mut alts, index, SYNONYM);
    }
    alts
}

/// The catalogue's compounds one slip from the words joined that start with the first word as
/// typed ("llama" "cp" → llamacpp), each a [`How::Typo`]; none for names too short to tell a
/// slip from another name.
fn compound_slip(tokens: &[Token], index: &Index) -> Vec<Alternative> {
    let joined: String = tokens.iter().map(|t| t.text.as_str()).collect();
    if joined.chars().count() < COMPOUND_SLIP_CHARS {
        return Vec::new();
    }
    let mut alts = Vec::new();
    for (term, _) in index
        .typo_candidates(&joined, 1)
        .into_iter()
        .filter(|&(term, _)| index.term_text(term).starts_with(tokens[0].text.as_str()))
        .take(MAX_TYPOS)
    {
        push(&mut alts, term, TYPO_1, How::Typo);
    }
    alts
}

#[cfg(test)]
mod tests {
    use super::super::normalise::normalise;
    use super::super::tokenise::tokenise;
    use super::*;
    use crate::catalogue::Catalogue;

    fn expand_str(query: &str) -> (Index, Vec<QueryWord>) {
        let index = Index::build(&Catalogue::shipped().unwrap());
        let tokens = tokenise(&normalise(query), index.dictionary());
        let words = expand(&tokens, &index, false, &|w| {
            if w == "link" {
                Familiarity::Common
            } else {
                Familiarity::Unknown
            }
        });
        (index, words)
    }

    /// The words of `query` left as content after expansion, in order.
    fn content_words(query: &str) -> Vec<String> {
        let (_, words) = expand_str(query);
        words
            .into_iter()
            .filter(|w| w.role == Role::Content)
            .map(|w| w.text)
            .collect()
    }

    fn has(index: &Index, w: &QueryWord, term: &str, how: How) -> bool {
        w.alternatives
            .iter()
            .any(|a| index.term_text(a.term) == term && a.how == how)
    }

    #[test]
    fn only_unknown_words_are_completed() {
        let index = Index::build(&Catalogue::shipped().unwrap());
        let expanded = |query: &str, familiarity: Familiarity| {
            let tokens = tokenise(&normalise(query), index.dictionary());
            expand(&tokens, &index, false, &|_| familiarity)
        };
        let prefixes = |w: &QueryWord| {
            w.alternatives
                .iter()
                .filter(|a| a.how == How::Prefix)
                .count()
        };
        // "lor" is no word: a start of lora. A word the table knows is typed in full.
        assert!(prefixes(&expanded("lor", Familiarity::Unknown)[0]) > 0);
        assert_eq!(prefixes(&expanded("lor", Familiarity::Rare)[0]), 0);
        // Nor is a number a start of a longer one (an arXiv number in a title).
        assert_eq!(prefixes(&expanded("17", Familiarity::Unknown)[0]), 0);
        assert_eq!(prefixes(&expanded("fi", Familiarity::Unknown)[0]), 0);
        // Autocomplete still completes the last word, known or not.
        let tokens = tokenise(&normalise("lor"), index.dictionary());
        let completed = expand(&tokens, &index, true, &|_| Familiarity::Rare);
        assert!(prefixes(&completed[0]) > 0);
    }

    #[test]
    fn a_prefix_before_a_known_word_is_spelled_as_meant() {
        let training_known = |w: &str| {
            if w == "training" {
                Familiarity::Rare
            } else {
                Familiarity::Unknown
            }
        };
        assert!(prefixed("retraining", &training_known));
        assert!(!prefixed("retraining", &|_| Familiarity::Unknown));
        // Too little is left after the prefix to be a word of its own.
        assert!(!prefixed("reset", &|_| Familiarity::Rare));
    }

    #[test]
    fn a_listed_synonym_is_no_slip_of_a_filler() {
        // "comms" is one letter from the filler "comes", and a synonym of communication.
        let index = Index::build(&Catalogue::shipped().unwrap());
        let tokens = tokenise(&normalise("the comms section"), index.dictionary());
        let words = expand(&tokens, &index, false, &|w| {
            if w == "comms" {
                Familiarity::Unknown
            } else {
                Familiarity::Common
            }
        });
        let comms = words.iter().find(|w| w.text == "comms").unwrap();
        assert!(comms.is_content());
        assert!(has(&index, comms, "communication", How::Synonym));
    }

    #[test]
    fn a_slip_keeps_the_first_letter() {
        let index = Index::build(&Catalogue::shipped().unwrap());
        let read = |w: &str| {
            let tokens = tokenise(&normalise(w), index.dictionary());
            expand(&tokens, &index, false, &|_| Familiarity::Unknown)
        };
        assert!(has(&index, &read("megatorn")[0], "megatron", How::Typo));
        // One slip from each, but not where they start.
        assert!(!has(&index, &read("iphone")[0], "phone", How::Typo));
        assert!(!has(
            &index,
            &read("retraining")[0],
            "pretraining",
            How::Typo
        ));
    }

    #[test]
    fn three_words_join_into_one_name() {
        // The catalogue lists "large language model" (singular) among the synonyms of 大模型.
        let (index, words) = expand_str("large language models");
        for w in &words {
            assert!(has(&index, w, "大模型", How::Synonym), "{w:?}");
        }
        // Titles have "State of the Art" too, but a triple does not start or end with a stop
        // word.
        let (index, words) = expand_str("state of the art");
        for w in &words {
            assert!(
                w.alternatives
                    .iter()
                    .all(|a| !["stateofthe", "oftheart"].contains(&index.term_text(a.term))),
                "{w:?}"
            );
        }
    }

    #[test]
    fn a_plural_reaches_its_singular() {
        // Snowball cuts "experiments" to "experi", which no inflecting ending leads back from.
        let (index, words) = expand_str("experiments");
        assert!(has(&index, &words[0], "experiment", How::Stem));
        let singular = |w: &str| singulars(w).map(Cow::into_owned).collect::<Vec<_>>();
        assert_eq!(singular("libraries"), ["library", "librarie"]);
        // "-es" only after a hissing sound or an o: "times" is not the plural of "tim".
        assert_eq!(singular("times"), ["time"]);
        assert_eq!(singular("boxes"), ["box", "boxe"]);
        assert!(singular("matrices").contains(&"matrix".to_owned()));
        assert!(singular("vertices").contains(&"vertex".to_owned()));
        assert!(singular("loss").is_empty());
        // "old news" is no plural of "new".
        assert!(singular("news").is_empty());
    }

    #[test]
    fn inflections_reach_each_other() {
        let (index, words) = expand_str("distilling transformers quantizing");
        assert!(has(&index, &words[0], "distillation", How::Stem));
        assert!(has(&index, &words[1], "transformer", How::Stem));
        assert!(has(&index, &words[2], "quantization", How::Stem));
        // The synonyms of what an inflection reaches come along.
        assert!(has(&index, &words[0], "蒸馏", How::Synonym));
        // A word is not its own inflection.
        assert!(!has(&index, &words[1], "transformers", How::Stem));
        // A word Snowball joins to another is not its inflection.
        let (index, humane) = expand_str("humane humans");
        assert!(!has(&index, &humane[0], "human", How::Stem));
        assert!(has(&index, &humane[1], "human", How::Stem));
        // A silent e is dropped before an ending.
        let (index, tuned) = expand_str("tuned");
        assert!(
            has(&index, &tuned[0], "tuning", How::Stem),
            "{:?}",
            tuned[0]
        );
    }

    #[test]
    fn british_spellings_are_the_american_words() {
        let (index, words) = expand_str("quantising optimisation");
        assert!(
            has(&index, &words[0], "quantizing", How::Synonym),
            "{:?}",
            words[0]
        );
        assert!(
            has(&index, &words[1], "optimization", How::Synonym),
            "{:?}",
            words[1]
        );
        assert_eq!(american("promise").as_deref(), Some("promize"));
        assert_eq!(american("rise"), None);
        assert_eq!(
            american("parallelisation").as_deref(),
            Some("parallelization")
        );
    }

    #[test]
    fn numbers_are_not_slips() {
        // "1bit" (of 1-bit Adam) is one edit away.
        let (index, words) = expand_str("12bit");
        assert!(
            words[0]
                .alternatives
                .iter()
                .all(|a| index.term_text(a.term).contains("12")),
            "{:?}",
            words[0]
        );
        let (index, words) = expand_str("megatorn");
        assert!(has(&index, &words[0], "megatron", How::Typo));
    }

    #[test]
    fn typos_need_length() {
        assert_eq!(max_typos(3), 0);
        assert_eq!(max_typos(4), 1);
        assert_eq!(max_typos(7), 1);
        assert_eq!(max_typos(8), 2);
    }

    #[test]
    fn ordinary_words_are_not_corrected_and_plurals_find_their_singular() {
        let (index, words) = expand_str("link");
        assert!(
            words[0]
                .alternatives
                .iter()
                .all(|a| index.term_text(a.term) != "line")
        );
        let (index, words) = expand_str("cards");
        assert_eq!(index.term("cards"), None);
        assert!(has(&index, &words[0], "card", How::Stem));
    }

    #[test]
    fn typo_and_synonym_expansion() {
        let (index, words) = expand_str("megatorn");
        assert!(has(&index, &words[0], "megatron", How::Typo));
        let (index, words) = expand_str("推理");
        assert!(has(&index, &words[0], "inference", How::Synonym));
    }

    #[test]
    fn compounds_join_neighbours() {
        let (index, words) = expand_str("flash attention");
        assert!(has(&index, &words[0], "flashattention", How::Compound));
        assert!(has(&index, &words[1], "flashattention", How::Compound));
    }

    #[test]
    fn a_name_cut_at_its_dot_and_mistyped_is_read_whole() {
        let index = Index::build(&Catalogue::shipped().unwrap());
        let read = |query: &str| {
            let tokens = tokenise(&normalise(query), index.dictionary());
            expand(&tokens, &index, false, &|w| {
                if w == "hat" {
                    Familiarity::Common
                } else {
                    Familiarity::Unknown
                }
            })
        };
        let words = read("llama.cp on a mac");
        assert!(has(&index, &words[1], "llamacpp", How::Typo));
        // A word of the language after the name is no half of it.
        let words = read("tiny hat");
        assert!(!has(&index, &words[1], "tinychat", How::Typo));
    }

    #[test]
    fn a_word_said_again_at_once_counts_once() {
        let (_, words) = expand_str("matrices matrices matrices and more matrices");
        let content: Vec<&str> = words
            .iter()
            .filter(|w| w.is_content())
            .map(|w| w.text.as_str())
            .collect();
        assert_eq!(content, ["matrices", "matrices"]);
    }

    #[test]
    fn plain_english_is_how_to_explain_not_a_language() {
        let (_, words) = expand_str("kv cache in plain english");
        assert!(words.iter().skip(2).all(|w| w.role == Role::Stop));
        let (_, words) = expand_str("kv cache in english");
        assert!(matches!(words[3].role, Role::Language(_)));
    }

    #[test]
    fn a_number_of_minutes_or_hours_is_how_long() {
        let content = content_words;
        assert_eq!(content("a 40 min video on lora"), ["lora"]);
        assert_eq!(content("lora 2 hours a day"), ["lora"]);
        // Without a number before it, "min" is a word like any other; so is a bare number.
        assert!(content("min lora").contains(&"min".to_owned()));
        assert!(content("lora 40").contains(&"40".to_owned()));
    }

    #[test]
    fn how_deep_or_technical_names_nothing_to_find() {
        let content = content_words;
        assert_eq!(
            content("high level overview of infiniband, nothing technical"),
            ["infiniband"]
        );
        assert_eq!(content("an in depth read on zero"), ["zero"]);
        assert_eq!(content("mixtral works fine"), ["mixtral"]);
        // Apart, the words are the catalogue's: "high-speed", "deep learning", "fine tune".
        assert_eq!(
            content("deep learning high speed"),
            ["deep", "learning", "high", "speed"]
        );
        assert_eq!(content("fine tune mixtral"), ["fine", "tune", "mixtral"]);
    }

    #[test]
    fn that_article_points_at_the_seed() {
        let roles = |query: &str| -> Vec<(String, Role)> {
            let (_, words) = expand_str(query);
            words.into_iter().map(|w| (w.text, w.role)).collect()
        };
        let role_of = |query: &str, word: &str| {
            roles(query)
                .into_iter()
                .find(|(t, _)| t == word)
                .map(|(_, r)| r)
        };
        let query = "the fundamentals section of that LLM roadmap article, what's in there";
        assert_eq!(role_of(query, "llm"), Some(Role::Stop));
        assert_eq!(role_of(query, "article"), Some(Role::Stop));
        assert_eq!(
            role_of("in the part of 监督微调 of the article", "article"),
            Some(Role::Stop)
        );
        // Asking for articles, or about the tool an article was on.
        assert!(matches!(
            role_of("any article on LoRA", "article"),
            Some(Role::Intent(_))
        ));
        let query = "the vllm article you sent was great";
        assert!(matches!(role_of(query, "article"), Some(Role::Intent(_))));
        assert_eq!(role_of(query, "vllm"), Some(Role::Content));
    }

    #[test]
    fn intent_words_are_not_content() {
        let (_, words) = expand_str("LoRA 教程");
        assert!(words[0].is_content());
        assert!(!words[1].is_content());
    }

    #[test]
    fn inflections_are_forms_of_the_same_word() {
        let english = Stemmer::create(Algorithm::English);
        for word in [
            "cards",
            "quantization",
            "quantizing",
            "distilling",
            "distillation",
            "transformers",
            "training",
            "study",
            "studies",
            "engines",
        ] {
            assert!(inflects(word, &english.stem(word)), "{word}");
        }
        for word in ["positive", "positional", "engineer"] {
            assert!(!inflects(word, &english.stem(word)), "{word}");
        }
    }

    #[test]
    fn pinyin_slips_find_the_word_they_sound_like() {
        for (typed, meant) in [
            ("亮化", "量化"),
            ("框价", "框架"),
            ("蒸溜", "蒸馏"),
            ("知识真流", "知识蒸馏"),
            ("混合经度", "混合精度"),
        ] {
            let (index, words) = expand_str(typed);
            assert!(
                has(&index, &words[0], meant, How::Typo)
                    || has(&index, &words[0], meant, How::Homophone),
                "{typed} → {meant}"
            );
        }
        // The dictionary may cut a known word off the slip; the rest is still heard.
        let (index, words) = expand_str("模型亮化");
        assert!(
            words
                .iter()
                .any(|w| has(&index, w, "模型量化", How::Homophone)
                    || has(&index, w, "量化", How::Typo)),
            "模型亮化"
        );
    }

    #[test]
    fn a_slip_may_run_into_a_word_of_intent() {
        // 及其 is a word of its own ("and its"), 学习 a wish to learn: together they sound
        // exactly like 机器学习, and inside it 学习 is part of the subject.
        let (index, words) = expand_str("及其学习入门");
        let learn = words.iter().position(|w| w.text == "学习").expect("学习");
        assert!(has(&index, &words[0], "机器学习", How::Homophone));
        assert!(has(&index, &words[learn], "机器学习", How::Homophone));
        assert_eq!(words[learn].role, Role::Content);
        // Alone, 学习 still asks to learn.
        let (_, words) = expand_str("量化 学习");
        assert_eq!(words[1].role, lexicon::role("学习"));
    }

    #[test]
    fn chinese_typed_as_pinyin_finds_the_word() {
        let (index, words) = expand_str("lianghua weitiao jiaocheng link");
        assert!(has(&index, &words[0], "量化", How::Pinyin));
        // 调 is read diao before tiao; every reading is tried.
        assert!(has(&index, &words[1], "微调", How::Pinyin));
        // 教程 asks for a tutorial, typed either way.
        assert_eq!(words[2].role, lexicon::role("教程"));
        // Letters the word table knows are an English word, not pinyin.
        assert!(words[3].alternatives.iter().all(|a| a.how != How::Pinyin));
    }

    #[test]
    fn pinyin_typed_a_syllable_at_a_time_is_joined() {
        let (index, words) = expand_str("fen bu shi xun lian zi liao");
        assert_eq!(words[0].text, "fenbushixunlian");
        assert!(has(&index, &words[0], "分布式训练", How::Pinyin));
        assert_eq!(words[1].role, lexicon::role("资料"));
        // Words the table knows stay apart, whatever they spell together.
        let index = Index::build(&Catalogue::shipped().unwrap());
        let tokens = tokenise(&normalise("liang hua"), index.dictionary());
        let english = expand(&tokens, &index, false, &|_| Familiarity::Common);
        assert_eq!(english.len(), 2);
    }

    #[test]
    fn gaps_split_into_bigrams() {
        let (_, words) = expand_str("今天股票行情");
        let gap = words.iter().find(|w| w.part_count > 0).unwrap();
        assert!(gap.part_count >= 3);
    }
}
