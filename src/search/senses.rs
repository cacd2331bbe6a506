//! Stage 3, after expansion: catalogue words used in another sense.
//!
//! Many of the catalogue's names are ordinary words elsewhere: an LLM is also a law degree,
//! a transformer hums on a pole, pruning is done to fruit trees, distilling makes whiskey,
//! and a GPU is bought for gaming. Such a message names a catalogue word, yet is about
//! something else, and the rest of it usually says so: "law school", "hydrangeas", "1440p".
//! The catalogue's `[[sense]]` entries pair the spellings of such a word with cues that,
//! anywhere in the message, rule the catalogue's sense out (they belong to the catalogue, as
//! its own words are what is ambiguous, and an operator's catalogue brings its own). A word so
//! ruled out keeps its importance but explains nothing, so the relevance stage weighs the
//! message as the question about something else that it is.

use foldhash::HashMap;
use std::sync::OnceLock;

use super::expand::QueryWord;
use super::filed::{ByStart, Filed, Strings, latin_key, start_of, starting_in};
use super::normalise::{is_cjk, normalise};
use crate::catalogue;

/// A catalogue's senses, normalised and filed once per engine.
#[derive(Debug, Default)]
pub struct Senses {
    /// Each sense's cues: Chinese ones matched inside the message, Latin ones as whole words
    /// in a row.
    cues: Vec<Cues>,
    /// Latin spellings, by the word.
    latin: HashMap<String, Vec<usize>>,
    /// Chinese spellings, looked for inside a word, each with its sense.
    cjk: Vec<(String, usize)>,
    /// [`Senses::cjk`] by how each spelling starts: a word is checked at each of its
    /// characters against the few spellings that start there, not against all of them (the
    /// shipped catalogue has about a hundred).
    cjk_starts: ByStart,
    /// Per sense, whether it is the catalogue's own thing in another role
    /// ([`catalogue::Sense::role`]).
    roles: Vec<bool>,
}

/// One sense's cues, normalised and filed when a message first names its word: the shipped
/// catalogue has some 9,000, and normalising them all at every start cost about a twentieth of
/// it, for the few senses a day's messages ever name.
#[derive(Debug, Default)]
struct Cues {
    /// As the catalogue writes them.
    written: Strings,
    filed: OnceLock<FiledCues>,
}

/// A sense's cues, normalised (empty ones left out) and filed by how they start, so a message
/// is read once for them rather than once a cue: the field-as-a-workplace sense has hundreds,
/// and its words (模型, model) are in most messages.
#[derive(Debug, Default)]
struct FiledCues {
    normalised: Strings,
    /// The Chinese cues, by their first characters.
    chinese: ByStart,
    /// The Latin cues, by a hash of their first word.
    latin: Filed<u64>,
}

impl Cues {
    fn get(&self) -> &FiledCues {
        self.filed.get_or_init(|| {
            let mut normalised = Strings::default();
            for c in 0..self.written.len() {
                let cue = normalise(self.written.get(c));
                if !cue.is_empty() {
                    normalised.push(&cue);
                }
            }
            normalised.shrink_to_fit();
            let (mut chinese, mut latin) = (Vec::new(), Vec::new());
            for i in 0..normalised.len() {
                let cue = normalised.get(i);
                if cue.chars().any(is_cjk) {
                    chinese.extend(start_of(cue).map(|start| (start, i)));
                } else {
                    let first = cue.split(' ').next().unwrap_or_default();
                    latin.push((latin_key(first, None), i));
                }
            }
            FiledCues {
                normalised,
                chinese: ByStart::new(chinese),
                latin: Filed::new(latin),
            }
        })
    }
}

impl FiledCues {
    /// The first of the cues (in the catalogue's order) that occurs in `message` (normalised,
    /// with its Latin words `latin`): Chinese inside any run, Latin as whole words in a row.
    fn first_in(&self, message: &str, latin: &[&str]) -> Option<&str> {
        let chinese = starting_in(message, &self.chinese)
            .filter(|&(rest, c)| rest.starts_with(self.normalised.get(c)))
            .map(|(_, c)| c);
        let latin = latin.iter().enumerate().flat_map(|(at, word)| {
            self.latin
                .get(latin_key(word, None))
                .iter()
                .copied()
                .filter(move |&c| {
                    let cue = self.normalised.get(c);
                    let words = cue.split(' ').count();
                    latin
                        .get(at..at + words)
                        .is_some_and(|w| w.iter().copied().eq(cue.split(' ')))
                })
        });
        chinese.chain(latin).min().map(|c| self.normalised.get(c))
    }
}

impl Senses {
    /// Files a catalogue's senses.
    pub fn new(senses: &[catalogue::Sense]) -> Senses {
        let mut filed = Senses::default();
        let mut starts = Vec::new();
        for (i, sense) in senses.iter().enumerate() {
            filed.cues.push(Cues {
                written: Strings::of(sense.cues.iter().map(String::as_str)),
                filed: OnceLock::new(),
            });
            filed.roles.push(sense.role);
            for word in &sense.words {
                let word = normalise(word);
                if word.is_empty() {
                    continue;
                }
                if let Some(start) = start_of(&word).filter(|_| word.chars().any(is_cjk)) {
                    starts.push((start, filed.cjk.len()));
                    filed.cjk.push((word, i));
                } else {
                    filed.latin.entry(word).or_default().push(i);
                }
            }
        }
        filed.cjk_starts = ByStart::new(starts);
        filed
    }

    /// The senses (indices) a query word is spelled as.
    fn of(&self, word: &str) -> Vec<usize> {
        let mut out = self.latin.get(word).cloned().unwrap_or_default();
        if word.chars().any(is_cjk) {
            out.extend(
                starting_in(word, &self.cjk_starts)
                    .map(|(rest, s)| (rest, &self.cjk[s]))
                    .filter(|(rest, (spelling, _))| rest.starts_with(spelling.as_str()))
                    .map(|(_, &(_, sense))| sense),
            );
            out.sort_unstable();
            out.dedup();
        }
        out
    }

    /// Takes the catalogue's meaning away from every word the rest of the message (`message`,
    /// the whole of it, normalised) shows to be meant in another sense: it stays a content
    /// word, with nothing in the catalogue behind it.
    pub fn rule_out(&self, words: &mut [QueryWord], message: &str) {
        let of: Vec<Vec<usize>> = words
            .iter()
            .map(|w| {
                if w.is_content() {
                    self.of(&w.text)
                } else {
                    Vec::new()
                }
            })
            .collect();
        // Most messages have none of these words: the cues are looked for only when one is
        // there.
        for (word, senses) in words.iter_mut().zip(&of) {
            word.has_other_senses = senses.iter().any(|&s| !self.roles[s]);
        }
        if of.iter().all(Vec::is_empty) {
            return;
        }
        let latin = latin_words(message);
        // A sense's cues are looked for once per message, however many of its words it has
        // ("模型" and "训练" beside each other share the field-as-a-workplace sense).
        let mut found: Vec<(usize, Option<&str>)> = Vec::new();
        let skills: Vec<bool> = (0..words.len()).map(|i| asked_as_skill(words, i)).collect();
        for ((word, senses), skill) in words.iter_mut().zip(&of).zip(skills) {
            if skill {
                continue;
            }
            let cue = senses.iter().find_map(|&s| {
                if let Some(&(_, cue)) = found.iter().find(|&&(seen, _)| seen == s) {
                    return cue;
                }
                let cue = self.cues[s].get().first_in(message, &latin);
                found.push((s, cue));
                cue
            });
            if let Some(cue) = cue {
                word.meant_otherwise(cue);
            }
        }
    }
}

/// Words that ask for what follows as a skill: "熟悉 DeepSpeed" in a job ad.
const SKILL_MARKS: &[&str] = &["熟悉", "精通", "掌握", "会用", "熟练"];
/// Two English words that do the same ("familiar with vLLM").
const SKILL_PHRASES: &[(&str, &str)] = &[
    ("familiar", "with"),
    ("familiarity", "with"),
    ("experience", "with"),
    ("experience", "in"),
    ("proficient", "in"),
    ("proficiency", "in"),
    ("knowledge", "of"),
    ("expertise", "in"),
    ("skilled", "in"),
];
/// How many names a skill word can head ("熟悉 DeepSpeed / Megatron / vLLM").
const MAX_SKILLS: usize = 4;

/// Whether the word at `i` is named as a skill: one of a few Latin names right after a word
/// that asks for them as such. A skill a job asks for is the thing itself, whoever is hiring
/// ("招聘要求熟悉 DeepSpeed" wants DeepSpeed learnt, not the DeepSpeed team's jobs).
fn asked_as_skill(words: &[QueryWord], i: usize) -> bool {
    let named = |w: &QueryWord| w.is_content() && w.text.is_ascii();
    let mut at = i;
    for _ in 0..MAX_SKILLS {
        if !named(&words[at]) || at == 0 {
            return false;
        }
        at -= 1;
        let before = words[at].text.as_str();
        let pair = at.checked_sub(1).map(|b| (words[b].text.as_str(), before));
        if SKILL_MARKS.contains(&before) || pair.is_some_and(|p| SKILL_PHRASES.contains(&p)) {
            return true;
        }
    }
    false
}

/// The Latin words of normalised text, in order ("llm法学" gives "llm").
pub(super) fn latin_words(text: &str) -> Vec<&str> {
    text.split(|c: char| c == ' ' || is_cjk(c))
        .filter(|w| !w.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;

    fn answered(engine: &Engine, query: &str) -> bool {
        engine.relevance(&engine.understand(query, false)).answer
    }

    /// The first of `cues` that occurs in `text` (normalised).
    fn first<'c>(cues: &'c Cues, text: &str) -> Option<&'c str> {
        cues.get().first_in(text, &latin_words(text))
    }

    /// A skill a job ad asks for is the thing itself; the same word as the one hiring is the
    /// employer.
    #[test]
    fn a_skill_a_job_asks_for_keeps_its_sense() {
        let engine = Engine::shipped().unwrap();
        for message in [
            "招聘要求里写了「熟悉 DeepSpeed / Megatron」，两个分别先看哪篇",
            "招聘要求精通 DeepSpeed，有入门教程吗",
        ] {
            assert!(answered(&engine, message), "{message}");
        }
        assert!(!answered(&engine, "DeepSpeed 团队在招聘吗，待遇怎么样"));
    }

    /// A name whose only other sense is its own thing in another role (DeepSpeed's team as an
    /// employer) is as sure a name without the cue as a name with no other sense; one with a
    /// different thing of its name (TGI Fridays) is less sure.
    #[test]
    fn only_another_meaning_makes_a_name_less_sure() {
        let engine = Engine::shipped().unwrap();
        let has_other = |query: &str, word: &str| {
            engine
                .understand(query, false)
                .iter()
                .find(|w| w.text == word)
                .unwrap()
                .has_other_senses
        };
        assert!(!has_other(
            "DeepSpeed, it is for what exactly?",
            "deepspeed"
        ));
        assert!(has_other("how do I raise the TGI limit", "tgi"));
        assert!(answered(
            &engine,
            "hello hello, sorry for my bad english, i use the translator of google... so, the \
             question: DeepSpeed, it is for what exactly? thanks"
        ));
    }

    #[test]
    fn cues_are_whole_words_or_chinese_runs() {
        let cues = Cues {
            written: Strings::of(["Law School", "law", "法学", "", "bar exam", "llm法学"]),
            filed: OnceLock::new(),
        };
        assert_eq!(
            first(&cues, "is an llm from a us law school worth it"),
            Some("law school")
        );
        assert_eq!(first(&cues, "scaling laws for llm"), None);
        assert_eq!(first(&cues, "llm法学硕士"), Some("法学"));
        assert_eq!(first(&cues, "passed the bar exam"), Some("bar exam"));
        assert_eq!(first(&cues, "the bar"), None);
        assert_eq!(first(&cues, "bar exam law"), Some("law"));
        assert_eq!(latin_words("llm法学 硕士 ok"), ["llm", "ok"]);
    }

    #[test]
    fn words_meant_in_another_sense_explain_nothing() {
        let engine = Engine::shipped().unwrap();
        for query in [
            "how many ml in a cup",
            "do compression socks actually help on long flights?",
            "is an LLM from a US law school worth it for a foreign-trained lawyer?",
            "what's the difference between a globular cluster and an open cluster?",
            "玩游戏老提示显存不足，是不是得换显卡了",
            "weight loss gym weights plan",
            "linux kernel compile guide",
            "windows activation key",
            "the matrix movie explained",
            "paddle kayak technique",
            "tennis serve technique",
            "caching api responses with redis",
            "nginx cache for api responses",
            "apache spark vs hadoop mapreduce for nightly batch jobs",
            "k8s 上 跑 postgres 主从，用 helm 还是 operator",
            "暑假想强化学习一下英语语法,有没有比较系统的计划",
        ] {
            assert!(!answered(&engine, query), "{query}");
        }
        let words = engine.understand("how many ml in a cup", false);
        let ml = words.iter().find(|w| w.text == "ml").unwrap();
        assert_eq!(ml.other_sense.as_deref(), Some("cup"));
        assert!(ml.alternatives.is_empty());
        // The same words in the catalogue's sense are still answered.
        for query in [
            "ml 入门",
            "模型压缩有哪些方法",
            "LLM scaling laws",
            "多机多卡集群怎么搭",
            "显存不够怎么微调大模型",
            "how to serve a llama model with vllm",
            "activation checkpointing 省显存",
            "kv cache 为什么能加速推理",
            "apache tvm 教程",
            "kubernetes 上跑 vllm",
            "continuous batching in vllm",
            "tvm operator fusion",
            "强化学习入门推荐",
        ] {
            assert!(answered(&engine, query), "{query}");
        }
    }
}
