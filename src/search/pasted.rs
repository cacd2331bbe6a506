//! Stage 3, beside expansion: words that were pasted from a screen, not said.
//!
//! Engineers paste what they see and ask around it: "RuntimeError: CUDA error: out of memory
//! … 是不是该量化", "ImportError: cannot import name 'LLMChain' from 'langchain' … where's the
//! langchain repo now". The fragment's identifiers, paths and numbers (LLMChain, env_num,
//! np.sqrt, 4,194,304) are not words of the question: weighed as unexplained content they
//! drown the question around them. So when a fragment names one of the catalogue's topics
//! (vllm, langchain), a word that occurs in the message only inside pasted text, and that the
//! catalogue does not hold as written, is marked as pasted and weighs nothing in deciding
//! whether to answer. A fragment from another program's world (a Cassandra exception, a
//! Django traceback) says what the message is about, and its words count as typed.
//!
//! Pasted text is recognised by its shape, a whitespace-separated chunk at a time: an
//! identifier joined by `_` or `.` (env_num, np.sqrt), brackets, operators and pipes, a
//! `--flag`, digits grouped by commas, a CamelCase name (ImportError, LLMChain). A line that
//! is mostly such chunks, or that opens like a log line (`Traceback`, `ValueError:`), is
//! pasted whole, Chinese aside.
//!
//! A formula is read the same way ("h = W0x + BAx 里为什么 B 要初始化成 0", "where does 6·N·D
//! come from"): its symbols (w0x, bax) are notation, not words of the question, and weigh
//! nothing unless the catalogue holds them as written (softmax, max). A stretch of Latin text
//! is a formula when it holds a mark only formulas use (`=`, `^`, `·`, `√` …) or stands beside
//! an operator standing alone ("h = …", "… + BAx").
//!
//! Before any of that, the CamelCase names of code are spelled as the words they are made of
//! ([`spell_out`]): "torch.cuda.OutOfMemoryError" is out of memory, "PrefixTuningConfig(…)"
//! prefix tuning, words the catalogue knows.

use std::borrow::Cow;
use std::collections::HashSet;

use super::expand::{How, QueryWord};
use super::index::Index;
use super::normalise;

/// The share of a line's chunks that must look like code for the whole line to be pasted
/// ("trainable params: 4,194,304 || all params: 6,742,609,920 || trainable%: 0.0622").
const PASTED_LINE: f32 = 0.5;

/// Characters that make a stretch of Latin text a formula wherever they stand in it.
const FORMULA_MARKS: &[char] = &[
    '=', '^', '·', '×', '≈', '√', '∑', '∏', '∫', '≤', '≥', '≠', '∝', '²', '³', '⊤', '∂', '∇',
];
/// Operators that make the stretches on either side of them formulas when they stand alone
/// between spaces ("h = W0x + BAx"). A lone "-" or "/" is a dash or an "or" in a sentence.
const OPERATORS: &[&str] = &["=", "+", "≈", "×", "·", "^", "≤", "≥", "≠", "∝"];
/// What ends a stretch of Latin text besides whitespace and ideographs: the punctuation
/// around a formula in a sentence, not inside it.
const STRETCH_ENDS: &[char] = &[
    ',', '?', '!', ';', '"', '，', '。', '？', '！', '：', '；', '、', '“', '”', '「', '」', '【',
    '】', '（', '）',
];

/// What a log line opens with: a traceback, an interpreter or shell prompt, a rank's prefix.
const LOG_OPENINGS: &[&str] = &["Traceback", "File \"", ">>>", "$ ", "[rank"];
/// Words a line of code or a command opens with; such a line is pasted when some other chunk
/// of it looks like code ("from openrl.envs.common import make", "pip install flash-attn
/// --no-build-isolation"), but "deepspeed 和 megatron 哪个好" is a question.
const CODE_OPENINGS: &[&str] = &[
    "import",
    "from",
    "def",
    "class",
    "return",
    "pip",
    "pip3",
    "python",
    "python3",
    "torchrun",
    "deepspeed",
    "accelerate",
    "sudo",
    "export",
    "conda",
    "git",
    "docker",
    "nvidia-smi",
];

/// The message with the CamelCase names inside code spelled as words ("torch.cuda.OutOfMemoryError:"
/// → "torch.cuda.Out Of Memory Error:"); borrowed when there are none. Only chunks marked as
/// code by something besides their case are spelled out: "DeepSpeed" or "ChatGLM" typed in a
/// sentence is a name, and stays one.
pub fn spell_out(message: &str) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    // How much of the message is in `out` already, once there is one.
    let mut copied = 0;
    let mut at = 0;
    while let Some(start) = message[at..].find(|c: char| !c.is_whitespace()) {
        let start = at + start;
        let end = message[start..]
            .find(char::is_whitespace)
            .map_or(message.len(), |e| start + e);
        if let Some(spelled) = spells_out(&message[start..end]) {
            let out = out.get_or_insert_with(|| String::with_capacity(message.len() + 16));
            out.push_str(&message[copied..start]);
            out.push_str(&spelled);
            copied = end;
        }
        at = end;
    }
    match out {
        Some(mut out) => {
            out.push_str(&message[copied..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(message),
    }
}

/// A code chunk with its CamelCase names spelled as words, if it is code and has one.
fn spells_out(chunk: &str) -> Option<String> {
    if !(marked_as_code(chunk) || names_an_exception(chunk)) {
        return None;
    }
    let chars: Vec<char> = chunk.chars().collect();
    let mut out = String::with_capacity(chunk.len() + 8);
    let mut word_len = 0;
    let mut changed = false;
    for (i, &c) in chars.iter().enumerate() {
        let next_lower = chars.get(i + 1).is_some_and(char::is_ascii_lowercase);
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        // A capital that starts a word of lower case after two letters or more of another:
        // "OutOf", "LLMChain" (after the run of capitals), not "LoRA" or "iPhone".
        let starts_word = c.is_ascii_uppercase()
            && next_lower
            && word_len >= 2
            && prev.is_some_and(|p| p.is_ascii_alphabetic());
        if starts_word {
            out.push(' ');
            word_len = 0;
            changed = true;
        }
        out.push(c);
        word_len = if c.is_ascii_alphabetic() {
            word_len + 1
        } else {
            0
        };
    }
    changed.then_some(out)
}

/// The words of a message inside pasted text and outside it, normalised, and the words
/// that occur in it only inside formulas.
#[derive(Debug, Default)]
pub struct Fragments {
    inside: HashSet<String>,
    said: HashSet<String>,
    notation: HashSet<String>,
}

impl Fragments {
    /// Reads a message; nothing is inside when nothing in it looks pasted.
    pub fn of(message: &str) -> Fragments {
        let notation = notation(message);
        Fragments {
            notation,
            ..Fragments::pasted(message)
        }
    }

    /// The words inside pasted text and outside it.
    fn pasted(message: &str) -> Fragments {
        // Each line's chunks with whether each is pasted, read once.
        let lines: Vec<Vec<(&str, bool)>> = message
            .lines()
            .map(|line| {
                let chunks: Vec<&str> = line.split_whitespace().collect();
                let code: Vec<bool> = chunks.iter().map(|c| looks_like_code(c)).collect();
                let whole = pasted_whole(line, &chunks, &code);
                chunks
                    .into_iter()
                    .zip(code)
                    .map(|(chunk, code)| {
                        (
                            chunk,
                            code || whole && !chunk.chars().any(normalise::is_cjk),
                        )
                    })
                    .collect()
            })
            .collect();
        let mut fragments = Fragments::default();
        if !lines.iter().flatten().any(|&(_, pasted)| pasted) {
            return fragments;
        }
        for &(chunk, pasted) in lines.iter().flatten() {
            let words = if pasted {
                &mut fragments.inside
            } else {
                &mut fragments.said
            };
            let spelled = spells_out(chunk);
            words.extend(
                normalise::normalise(spelled.as_deref().unwrap_or(chunk))
                    .split(' ')
                    .filter(|w| !w.is_empty())
                    .map(str::to_owned),
            );
        }
        fragments
    }

    /// Whether the word occurs in the message only inside pasted text.
    fn only_pasted(&self, word: &str) -> bool {
        self.inside.contains(word) && !self.said.contains(word)
    }
}

/// Marks the content words found only in pasted text that the catalogue does not hold as
/// written, when the fragments name something of the catalogue's own: one of its words that
/// `is_name` says is a topic's name, rare in the language (vllm, langchain; not python or
/// backend, which a Matplotlib warning names). A formula's symbols the catalogue does not
/// hold as written are marked whatever the formula names: notation says what the question is
/// about only through the words around it. True when some word was marked.
pub fn mark(
    words: &mut [QueryWord],
    fragments: &Fragments,
    index: &Index,
    is_name: impl Fn(&QueryWord) -> bool,
) -> bool {
    let names_the_catalogue = !fragments.inside.is_empty()
        && words.iter().any(|w| {
            fragments.inside.contains(&w.text) && is_catalogue_name(w, index) && is_name(w)
        });
    if !names_the_catalogue && fragments.notation.is_empty() {
        return false;
    }
    let mut marked = false;
    for w in words.iter_mut() {
        let not_said = names_the_catalogue && fragments.only_pasted(&w.text)
            || fragments.notation.contains(&w.text);
        if w.is_content() && not_said && !held_as_written(w, index) {
            w.pasted = true;
            marked = true;
        }
    }
    marked
}

/// The words of a message that occur in it only inside formulas, normalised.
fn notation(message: &str) -> HashSet<String> {
    // Most messages hold no formula: one pass over the characters says so, before any
    // stretch is cut or normalised.
    if !message
        .chars()
        .map(ascii_form)
        .any(|c| FORMULA_MARKS.contains(&c) || matches!(c, '+' | '*'))
    {
        return HashSet::new();
    }
    // Each stretch of each line, with whether it is in a formula.
    let mut read: Vec<(&str, bool)> = Vec::new();
    for line in message.lines() {
        let stretches = stretches(line);
        let marked: Vec<bool> = stretches.iter().map(|s| marks_a_formula(s.text)).collect();
        // A stretch is in a formula when it holds a formula's mark, or, on a line with such
        // a mark, stands beside an operator that stands alone with only spaces between them:
        // "react + redux" is a list.
        let formulaic = marked.contains(&true);
        let alone = |i: usize| {
            formulaic
                && OPERATORS
                    .iter()
                    .any(|o| stretches[i].text.chars().map(ascii_form).eq(o.chars()))
        };
        let spaced = |a: &Stretch, b: &Stretch| line[a.end..b.start].trim().is_empty();
        for (i, stretch) in stretches.iter().enumerate() {
            // A link's query ("?q=lora&page=2") is no formula, nor is any word of the link.
            let chunk = chunk_at(line, stretch.start);
            if chunk.starts_with("www.") || chunk.contains("://") {
                continue;
            }
            let beside_operator = (i > 0 && alone(i - 1) && spaced(&stretches[i - 1], stretch))
                || (i + 1 < stretches.len() && alone(i + 1) && spaced(stretch, &stretches[i + 1]));
            read.push((stretch.text, beside_operator || marked[i]));
        }
    }
    if !read.iter().any(|&(_, in_formula)| in_formula) {
        return HashSet::new();
    }
    let mut formula = HashSet::new();
    let mut said = HashSet::new();
    for (text, in_formula) in read {
        let words = if in_formula { &mut formula } else { &mut said };
        words.extend(
            normalise::normalise(text)
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(str::to_owned),
        );
    }
    formula.retain(|w| !said.contains(w));
    formula
}

/// The whitespace-separated chunk of `line` that byte `at`, a character's start, lies in.
fn chunk_at(line: &str, at: usize) -> &str {
    let start = line[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = line[at..]
        .find(char::is_whitespace)
        .map_or(line.len(), |e| at + e);
    &line[start..end]
}

/// A stretch of a line between whitespace, ideographs and a sentence's punctuation.
struct Stretch<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

/// The stretches of one line, in order.
fn stretches(line: &str) -> Vec<Stretch<'_>> {
    let ends = |c: char| c.is_whitespace() || normalise::is_cjk(c) || STRETCH_ENDS.contains(&c);
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (start, ends(c)) {
            (None, false) => start = Some(i),
            (Some(s), true) => {
                out.push(Stretch {
                    text: &line[s..i],
                    start: s,
                    end: i,
                });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Stretch {
            text: &line[s..],
            start: s,
            end: line.len(),
        });
    }
    out
}

/// Whether a stretch holds a mark only formulas use, or a "+" or "*" between two letters or
/// digits ("W0x+BAx", "k*v"; not "c++").
fn marks_a_formula(stretch: &str) -> bool {
    let chars: Vec<char> = stretch.chars().map(ascii_form).collect();
    chars.iter().any(|c| FORMULA_MARKS.contains(c))
        || chars
            .windows(3)
            .any(|w| matches!(w[1], '+' | '*') && w[0].is_alphanumeric() && w[2].is_alphanumeric())
}

/// The ASCII character a full-width form stands for ("＝" is "="); any other as it is.
fn ascii_form(c: char) -> char {
    normalise::full_width(c).unwrap_or(c)
}

/// Whether the word is one of the catalogue's names exactly, in letters: not a number
/// ("2 replicas") nor an inflection ("shards" of sharded).
fn is_catalogue_name(word: &QueryWord, index: &Index) -> bool {
    word.text.chars().any(char::is_alphabetic)
        && word.alternatives.iter().any(|a| {
            matches!(a.how, How::Exact | How::Synonym | How::Compound) && index.is_held(a.term)
        })
}

/// Whether the catalogue holds the word as written, or a spelling or inflection of it: not
/// merely a word it might be a slip for, a prefix of, or letters it happens to spell in
/// pinyin (env, num, make are code, not typos).
fn held_as_written(word: &QueryWord, index: &Index) -> bool {
    word.alternatives.iter().any(|a| {
        matches!(a.how, How::Exact | How::Stem | How::Synonym | How::Compound)
            && index.is_held(a.term)
    })
}

/// Whether a whole line was pasted, given its `chunks` and which of them look like code
/// (`code`): most of them do, or it opens like a log line or an exception.
fn pasted_whole(line: &str, chunks: &[&str], code: &[bool]) -> bool {
    if LOG_OPENINGS
        .iter()
        .any(|o| line.trim_start().starts_with(o))
        || chunks.first().is_some_and(|c| names_an_exception(c))
    {
        return true;
    }
    let code = code.iter().filter(|&&c| c).count();
    let opens_code = chunks.first().is_some_and(|c| CODE_OPENINGS.contains(c));
    chunks.len() >= 2
        && (code as f32 >= PASTED_LINE * chunks.len() as f32 || opens_code && code > 0)
}

/// "ValueError:", "torch.cuda.OutOfMemoryError:", "RuntimeWarning": an exception's name.
fn names_an_exception(chunk: &str) -> bool {
    let name = chunk.trim_end_matches([':', ',']);
    let name = name.rsplit('.').next().unwrap_or(name);
    ["Error", "Exception", "Warning"]
        .iter()
        .any(|end| name.len() > end.len() && name.ends_with(end))
        && name.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Whether a chunk of text between spaces looks like code, a path, a flag or a number from
/// a log rather than a word.
fn looks_like_code(chunk: &str) -> bool {
    marked_as_code(chunk) || camel_case(chunk)
}

/// Whether a chunk is marked as code by its punctuation: joined identifiers, brackets,
/// operators, a flag, digits grouped by commas.
fn marked_as_code(chunk: &str) -> bool {
    if chunk.chars().any(normalise::is_cjk) {
        return false;
    }
    let b = chunk.as_bytes();
    let between = |i: usize, side: fn(&u8) -> bool| {
        i > 0 && i + 1 < b.len() && side(&b[i - 1]) && side(&b[i + 1])
    };
    let marked = b.iter().enumerate().any(|(i, &c)| match c {
        b'_' => between(i, u8::is_ascii_alphanumeric),
        // np.sqrt, openrl.envs; not a version (1.58) or a sentence's end.
        b'.' => between(i, u8::is_ascii_alphabetic),
        // 4,194,304; not a list ("lora,qlora").
        b',' => between(i, u8::is_ascii_digit),
        b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'=' | b'<' | b'>' | b'|' | b'@' | b'\\'
        | b';' | b'`' | b'%' => true,
        _ => false,
    });
    marked || chunk.starts_with("--")
}

/// ImportError, CartPole, LLMChain: a name whose capitals run into lower case inside it.
/// Names of two capitals at most before a lower-case run (iPhone, QLoRA's "QLo") are words.
fn camel_case(chunk: &str) -> bool {
    chunk
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(camel_case_word)
}

fn camel_case_word(word: &str) -> bool {
    let b = word.as_bytes();
    if b.len() < 6 {
        return false;
    }
    let capitals = b.iter().filter(|c| c.is_ascii_uppercase()).count();
    let lower_then_upper = b
        .windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    let acronym_then_word = b.windows(3).enumerate().any(|(i, w)| {
        i >= 1
            && w[0].is_ascii_uppercase()
            && w[1].is_ascii_uppercase()
            && w[2].is_ascii_lowercase()
    });
    capitals >= 2 && (lower_then_upper || acronym_then_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_paths_flags_and_log_numbers_look_pasted() {
        for chunk in [
            "env_num=9)",
            "openrl.envs.common",
            "np.sqrt(q.shape[-1])",
            "--tensor-parallel-size",
            "4,194,304",
            "||",
            "ImportError:",
            "LLMChain",
            "CartPole-v1",
        ] {
            assert!(looks_like_code(chunk), "{chunk}");
        }
        for chunk in [
            "LoRA",
            "QLoRA",
            "iPhone",
            "1.58",
            "vLLM",
            "lora,qlora",
            "deepspeed",
            "量化(QAT)",
            "why?",
        ] {
            assert!(!looks_like_code(chunk), "{chunk}");
        }
    }

    #[test]
    fn camel_case_names_in_code_are_spelled_as_words() {
        for (message, spelled) in [
            (
                "torch.cuda.OutOfMemoryError: CUDA out of memory",
                "torch.cuda.Out Of Memory Error: CUDA out of memory",
            ),
            (
                "PrefixTuningConfig(num_virtual_tokens=20) vs PromptTuningConfig(...)",
                "Prefix Tuning Config(num_virtual_tokens=20) vs Prompt Tuning Config(...)",
            ),
            (
                "from langchain import LLMChain",
                "from langchain import LLMChain",
            ),
            ("chain = LLMChain(llm)", "chain = LLM Chain(llm)"),
            // Whitespace around and between the chunks stays as it was.
            ("  x = FooBar(1)\n\ty = 2 ", "  x = Foo Bar(1)\n\ty = 2 "),
        ] {
            assert_eq!(spell_out(message), spelled);
        }
        // Names typed in a sentence, and capitals that are no word of their own, stay whole.
        for message in [
            "DeepSpeed 和 ChatGLM 哪个好",
            "QLoRA(4bit) vs LoRA",
            "iPhone()",
            "ProcessGroupNCCL.cpp",
        ] {
            assert!(
                matches!(spell_out(message), Cow::Borrowed(_)) || message.contains("Process"),
                "{message}"
            );
        }
        assert_eq!(spell_out("ProcessGroupNCCL.cpp"), "Process GroupNCCL.cpp");
    }

    fn pasted_whole(line: &str) -> bool {
        let chunks: Vec<&str> = line.split_whitespace().collect();
        let code: Vec<bool> = chunks.iter().map(|c| looks_like_code(c)).collect();
        super::pasted_whole(line, &chunks, &code)
    }

    #[test]
    fn a_line_of_code_or_a_log_line_is_pasted_whole() {
        assert!(pasted_whole(
            "trainable params: 4,194,304 || all params: 6,742,609,920 || trainable%: 0.0622"
        ));
        assert!(!pasted_whole(
            "trainable params 4,194,304 of 6,742,609,920, why so few?"
        ));
        assert!(pasted_whole("RuntimeError: CUDA error: out of memory"));
        assert!(pasted_whole(
            "torch.cuda.OutOfMemoryError: CUDA out of memory."
        ));
        assert!(pasted_whole("Traceback (most recent call last):"));
        assert!(!pasted_whole("why does my loss become nan with fp16?"));
        assert!(pasted_whole("pip install flash-attn --no-build-isolation"));
        assert!(!pasted_whole("Error handling in Rust is nice"));
        assert!(!pasted_whole("deepspeed 和 megatron 哪个好"));
    }

    #[test]
    fn a_formula_s_symbols_are_notation() {
        let notation = |m: &str| {
            let mut words: Vec<String> = notation(m).into_iter().collect();
            words.sort();
            words
        };
        // Beside an operator standing alone, or holding a mark only formulas use; full-width
        // letters and the ideographs around a formula end it.
        assert_eq!(
            notation("ｈｉ～在读 ＬｏＲＡ 论文，h = W0x + BAx 里为什么 B 要初始化成 0？"),
            ["bax", "h", "w0x"]
        );
        assert_eq!(
            notation("where does training compute ≈ 6·N·D come from?"),
            ["6", "compute", "d", "n"]
        );
        assert_eq!(
            notation("Adam 的偏差修正为什么要除以 1-β^t？"),
            ["1", "t", "β"]
        );
        // A symbol also said as a word is a word.
        assert_eq!(notation("k*v: why cache the v at all"), ["k"]);
        // A "+" without a formula on its line joins a list; "c++" and a URL are no formulas.
        assert!(notation("react + redux toolkit 状态管理 最佳实践").is_empty());
        assert!(notation("c++ 和 python 哪个好").is_empty());
        assert!(notation("see https://example.com/?q=lora&page=2").is_empty());
        // Whitespace of any width ends a chunk, a link's or not.
        assert!(notation("ＫＶ\u{3000}Ｃａｃｈｅ为什么能加速推理").is_empty());
        assert_eq!(
            notation("链接\u{3000}https://example.com/?a=b\u{3000}x = y"),
            ["x", "y"]
        );
    }

    #[test]
    fn words_said_outside_the_fragment_are_not_pasted() {
        let fragments =
            Fragments::of("from openrl.envs.common import make\nopenrl 的仓库和例子在哪");
        for word in ["envs", "import", "common"] {
            assert!(fragments.only_pasted(word), "{word}: {fragments:?}");
        }
        assert!(!fragments.only_pasted("openrl"), "{fragments:?}");
        assert!(Fragments::of("LoRA 和 QLoRA 有什么区别").inside.is_empty());
    }
}
