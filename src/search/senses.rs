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
use super::filed::{Filed, Start, start_of, starting_in};
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
    cjk_starts: Filed<Start>,
}

/// One sense's cues, normalised when a message first names its word: the shipped catalogue
/// has some 9,000, and normalising them all at every start cost about a twentieth of it, for
/// the few senses a day's messages ever name.
#[derive(Debug, Default)]
struct Cues {
    /// As the catalogue writes them.
    written: Vec<String>,
    /// Normalised, empty ones left out.
    normalised: OnceLock<Vec<String>>,
}

impl Cues {
    fn get(&self) -> &[String] {
        self.normalised.get_or_init(|| {
            self.written
                .iter()
                .map(|c| normalise(c))
                .filter(|c| !c.is_empty())
                .collect()
        })
    }
}

impl Senses {
    /// Files a catalogue's senses.
    pub fn new(senses: &[catalogue::Sense]) -> Senses {
        let mut filed = Senses::default();
        let mut starts = Vec::new();
        for (i, sense) in senses.iter().enumerate() {
            filed.cues.push(Cues {
                written: sense.cues.clone(),
                normalised: OnceLock::new(),
            });
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
        filed.cjk_starts = Filed::new(starts);
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
        if of.iter().all(Vec::is_empty) {
            return;
        }
        let latin = latin_words(message);
        // A sense's cues are looked for once per message, however many of its words it has
        // ("模型" and "训练" beside each other share the field-as-a-workplace sense).
        let mut found: Vec<(usize, Option<&String>)> = Vec::new();
        for (word, senses) in words.iter_mut().zip(&of) {
            let cue = senses.iter().find_map(|&s| {
                if let Some(&(_, cue)) = found.iter().find(|&&(seen, _)| seen == s) {
                    return cue;
                }
                let cue = self.cues[s]
                    .get()
                    .iter()
                    .find(|c| occurs(c, message, &latin));
                found.push((s, cue));
                cue
            });
            if let Some(cue) = cue {
                word.meant_otherwise(cue);
            }
        }
    }
}

/// The Latin words of normalised text, in order ("llm法学" gives "llm").
pub(super) fn latin_words(text: &str) -> Vec<&str> {
    text.split(|c: char| c == ' ' || is_cjk(c))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `needle` (normalised) occurs in the message: Chinese inside any run, Latin as
/// whole words in a row.
fn occurs(needle: &str, text: &str, latin: &[&str]) -> bool {
    if needle.chars().any(is_cjk) {
        return text.contains(needle);
    }
    // Compared word by word as split, not collected (a message checks dozens of cues), and
    // split only where the first word is there.
    let words = needle.bytes().filter(|&b| b == b' ').count() + 1;
    let first = needle.split_once(' ').map_or(needle, |(first, _)| first);
    latin
        .windows(words)
        .any(|w| w.first() == Some(&first) && w.iter().copied().eq(needle.split(' ')))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;

    fn answered(engine: &Engine, query: &str) -> bool {
        engine.relevance(&engine.understand(query, false)).answer
    }

    #[test]
    fn cues_are_whole_words_or_chinese_runs() {
        let text = "is an llm from a us law school worth it";
        let latin = latin_words(text);
        assert!(occurs("law school", text, &latin));
        assert!(!occurs(
            "law",
            "scaling laws for llm",
            &latin_words("scaling laws for llm")
        ));
        assert!(occurs("法学", "llm法学硕士", &latin_words("llm法学硕士")));
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
        ] {
            assert!(answered(&engine, query), "{query}");
        }
    }
}
