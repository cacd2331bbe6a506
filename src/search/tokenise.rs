//! Stage 2: split normalised text into words by script.
//!
//! Latin letters and digits form words at spaces. Chinese has no spaces, so a run of ideographs
//! is segmented against a domain dictionary built from the catalogue's own words (aliases,
//! keywords, topic names) plus the lexicon's intent and stop words: leftmost-longest matching
//! picks "分布式训练" over "分布式" + "训练", except that a word starting on a character that
//! says nothing gives way to a longer reach right after it ("有图解" is 有 + 图解). What the
//! dictionary does not know stays a *gap*, which later stages match by character bigrams (the
//! engine first cuts long gaps into the word table's general vocabulary when it has one). A
//! general-purpose segmenter (jieba) lacks words like 大模型 or 知识蒸馏 and costs ~180 ms and
//! ~35 MB to start; this costs neither.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::normalise::is_cjk;

/// How a token was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A run of letters and digits.
    Latin,
    /// A dictionary word inside a run of ideographs.
    CjkWord,
    /// Ideographs the dictionary does not know (two or more characters).
    CjkGap,
}

/// One word of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The word, normalised.
    pub text: String,
    /// How it was found.
    pub kind: TokenKind,
}

/// A piece of normalised text in one script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Run<'a> {
    /// Letters and digits.
    Latin(&'a str),
    /// Ideographs.
    Cjk(&'a str),
}

/// The writing system of a letter, as far as telling words apart needs: a word never spans
/// two. Korean glues its particles to a name ("TGI랑", "vLLM을") and Japanese its endings
/// ("LLaMA2の"), with no space between; Japanese writes a borrowed word in katakana and its
/// grammar in hiragana ("トランスフォーマーの"). Digits belong to no script: they stay with the
/// letters around them ("gpt2", "7b").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Ideographs.
    Han,
    /// Latin letters, with their accented and Vietnamese forms.
    Latin,
    /// Japanese hiragana.
    Hiragana,
    /// Japanese katakana, with the mark that lengthens a sound (ー).
    Katakana,
    /// Korean.
    Hangul,
    /// Russian, Ukrainian, Bulgarian and their neighbours.
    Cyrillic,
    /// Any other alphabet (Greek, Arabic, Hebrew, Thai, Devanagari, …).
    Other,
}

/// The script of a letter; `None` for a digit, which belongs to none.
pub fn script(c: char) -> Option<Script> {
    if c.is_ascii_digit() {
        return None;
    }
    Some(match c {
        _ if is_cjk(c) => Script::Han,
        'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' => Script::Latin,
        '\u{3040}'..='\u{309F}' => Script::Hiragana,
        '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' => Script::Katakana,
        '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7AF}' => {
            Script::Hangul
        }
        '\u{0400}'..='\u{052F}' => Script::Cyrillic,
        _ => Script::Other,
    })
}

/// Splits normalised text into same-script runs; spaces separate runs and are dropped. A run
/// of any script but Han is a [`Run::Latin`] run: a word between spaces.
pub fn runs(text: &str) -> Vec<Run<'_>> {
    let mut runs = Vec::new();
    // Where the current run starts, and its script once a letter has said it.
    let mut start = None::<(usize, Option<Script>)>;
    for (i, c) in text.char_indices() {
        if c == ' ' {
            if let Some((s, script)) = start.take() {
                runs.push(run(&text[s..i], script));
            }
            continue;
        }
        let now = script(c);
        start = match start {
            None => Some((i, now)),
            // Digits go with the letters after them, but never into a run of ideographs.
            Some((s, None)) if now != Some(Script::Han) => Some((s, now)),
            Some((s, was)) if now != was && (now.is_some() || was == Some(Script::Han)) => {
                runs.push(run(&text[s..i], was));
                Some((i, now))
            }
            kept => kept,
        };
    }
    if let Some((s, script)) = start {
        runs.push(run(&text[s..], script));
    }
    runs
}

fn run(text: &str, script: Option<Script>) -> Run<'_> {
    if script == Some(Script::Han) {
        Run::Cjk(text)
    } else {
        Run::Latin(text)
    }
}

/// The Chinese word dictionary, compiled for both segmenting queries and finding every
/// dictionary word inside catalogue text. One automaton serves both: the segmentation
/// (leftmost-longest words) is read off every overlapping match, so start-up compiles one
/// automaton of the dictionary's thousands of words rather than two.
#[derive(Debug, Clone)]
pub struct Dictionary {
    words: Vec<String>,
    overlapping: AhoCorasick,
    /// Single ideographs kept as words when they stand alone between others ("和" in
    /// "LoRA和QLoRA"): they join the concepts of a comparison.
    singles: Vec<char>,
    /// Single ideographs that name nothing ([`Dictionary::with_light`]).
    light: Vec<char>,
}

impl Dictionary {
    /// Builds a dictionary from words of two or more ideographs; others are ignored.
    pub fn new<I, S>(words: I) -> Dictionary
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let mut words: Vec<String> = words
            .into_iter()
            .map(Into::into)
            .filter(|w| w.chars().count() >= 2 && w.chars().all(is_cjk))
            .collect();
        words.sort();
        words.dedup();
        #[expect(
            clippy::expect_used,
            reason = "literal patterns of a few characters each stay far below the automaton's limits"
        )]
        let overlapping = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&words)
            .expect("a few thousand short literal words always compile");
        Dictionary {
            words,
            overlapping,
            singles: Vec::new(),
            light: Vec::new(),
        }
    }

    /// Treats these single ideographs as dictionary words when one stands alone between
    /// dictionary words or at the edge of a run.
    pub fn with_singles(mut self, singles: impl IntoIterator<Item = char>) -> Dictionary {
        self.singles = singles.into_iter().collect();
        self
    }

    /// Single ideographs that name nothing to look for ("有", "的"): a word that starts with
    /// one of them gives way to a word starting right after it that ends later, so that less
    /// of the text is left to gaps (see [`Dictionary::segment`]).
    pub fn with_light(mut self, light: impl IntoIterator<Item = char>) -> Dictionary {
        self.light = light.into_iter().collect();
        self.light.sort_unstable();
        self.light.dedup();
        self
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when `word` is one of the dictionary's words.
    pub fn has(&self, word: &str) -> bool {
        self.words
            .binary_search_by(|w| w.as_str().cmp(word))
            .is_ok()
    }

    /// True when the dictionary has no words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Segments a run of ideographs into dictionary words and gaps. A single unknown character
    /// is a gap of its own: too ambiguous to match anything, but it still says something
    /// ("萌" in "MOE 萌是什么意思"); the configured singles (see [`Dictionary::with_singles`])
    /// are words.
    pub fn segment(&self, run: &str, out: &mut Vec<Token>) {
        // Leftmost-longest, as a search with that match kind finds: the word starting first,
        // the longest of those, then the same again after its end.
        let mut words: Vec<(usize, usize)> = self
            .overlapping
            .find_overlapping_iter(run)
            .map(|m| (m.start(), m.end()))
            .collect();
        words.sort_unstable_by_key(|&(start, end)| (start, std::cmp::Reverse(end)));
        let mut at = 0;
        for (i, &(start, end)) in words.iter().enumerate() {
            if start < at {
                continue;
            }
            self.push_gap(&run[at..start], out);
            // "有图解的吗": leftmost-longest reads 有图 and leaves 解 alone, but 有 says
            // nothing and 图解 reads on to where 有图 ends and past it.
            if let Some(light) = run[start..end]
                .chars()
                .next()
                .filter(|c| self.light.binary_search(c).is_ok())
                && let second = start + light.len_utf8()
                // Sorted by start, longest first: the first word from `second` reaches furthest,
                // and the search stops there rather than scanning the rest of the run.
                && let Some(&(_, later)) = words[i + 1..]
                    .iter()
                    .find(|&&(s, _)| s >= second)
                    .filter(|&&(s, e)| s == second && e > end)
            {
                self.push_gap(&run[start..second], out);
                out.push(Token {
                    text: run[second..later].to_owned(),
                    kind: TokenKind::CjkWord,
                });
                at = later;
                continue;
            }
            out.push(Token {
                text: run[start..end].to_owned(),
                kind: TokenKind::CjkWord,
            });
            at = end;
        }
        self.push_gap(&run[at..], out);
    }

    fn push_gap(&self, gap: &str, out: &mut Vec<Token>) {
        let mut chars = gap.chars();
        let kind = match (chars.next(), chars.next()) {
            (None, _) => return,
            (Some(c), None) if self.singles.contains(&c) => TokenKind::CjkWord,
            _ => TokenKind::CjkGap,
        };
        out.push(Token {
            text: gap.to_owned(),
            kind,
        });
    }

    /// Every dictionary word occurring anywhere in `run`, overlaps included.
    pub fn words_in<'a>(&'a self, run: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.overlapping
            .find_overlapping_iter(run)
            .map(move |m| &run[m.start()..m.end()])
    }
}

/// Character bigrams of a run of ideographs ("知识蒸馏" → 知识, 识蒸, 蒸馏).
pub fn bigrams(run: &str) -> impl Iterator<Item = &str> {
    let bounds: Vec<usize> = run
        .char_indices()
        .map(|(i, _)| i)
        .chain([run.len()])
        .collect();
    (0..bounds.len().saturating_sub(2)).map(move |i| &run[bounds[i]..bounds[i + 2]])
}

/// Tokenises normalised query text.
pub fn tokenise(text: &str, dictionary: &Dictionary) -> Vec<Token> {
    let mut tokens = Vec::new();
    for run in runs(text) {
        match run {
            Run::Latin(word) => tokens.push(Token {
                text: word.to_owned(),
                kind: TokenKind::Latin,
            }),
            Run::Cjk(chars) => dictionary.segment(chars, &mut tokens),
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Catalogue;
    use crate::search::normalise::normalise;

    fn dict() -> Dictionary {
        Dictionary::new([
            "分布式",
            "训练",
            "分布式训练",
            "有没有",
            "文章",
            "量化",
            "x",
        ])
    }

    fn texts(tokens: &[Token]) -> Vec<(&str, TokenKind)> {
        tokens.iter().map(|t| (t.text.as_str(), t.kind)).collect()
    }

    #[test]
    fn splits_by_script() {
        assert_eq!(
            runs("有没有讲nccl的文章 gpt2"),
            [
                Run::Cjk("有没有讲"),
                Run::Latin("nccl"),
                Run::Cjk("的文章"),
                Run::Latin("gpt2")
            ]
        );
        // Letters of two scripts never share a word; digits go with the letters after them.
        assert_eq!(
            runs("tgi랑 vllm을 llama2の トランスフォーマーの仕组み 2个 7b训练 квантизацию gptq"),
            [
                Run::Latin("tgi"),
                Run::Latin("랑"),
                Run::Latin("vllm"),
                Run::Latin("을"),
                Run::Latin("llama2"),
                Run::Latin("の"),
                Run::Latin("トランスフォーマー"),
                Run::Latin("の"),
                Run::Cjk("仕组"),
                Run::Latin("み"),
                Run::Latin("2"),
                Run::Cjk("个"),
                Run::Latin("7b"),
                Run::Cjk("训练"),
                Run::Latin("квантизацию"),
                Run::Latin("gptq"),
            ]
        );
    }

    #[test]
    fn segments_longest_first_and_keeps_single_characters_as_gaps() {
        let d = dict();
        assert_eq!(
            texts(&tokenise("分布式训练", &d)),
            [("分布式训练", TokenKind::CjkWord)]
        );
        assert_eq!(
            texts(&tokenise("有没有讲nccl的文章", &d)),
            [
                ("有没有", TokenKind::CjkWord),
                ("讲", TokenKind::CjkGap),
                ("nccl", TokenKind::Latin),
                ("的", TokenKind::CjkGap),
                ("文章", TokenKind::CjkWord)
            ]
        );
    }

    #[test]
    fn a_word_starting_on_a_character_that_says_nothing_gives_way_to_the_word_after_it() {
        let d = Dictionary::new(["有图", "图解", "在线", "线性代数"]);
        // Leftmost-longest alone leaves 解 and 性代数 unread.
        assert_eq!(
            texts(&tokenise("有图解吗", &d)),
            [("有图", TokenKind::CjkWord), ("解吗", TokenKind::CjkGap)]
        );
        let d = d.with_light(['有', '在']);
        assert_eq!(
            texts(&tokenise("有图解吗", &d)),
            [
                ("有", TokenKind::CjkGap),
                ("图解", TokenKind::CjkWord),
                ("吗", TokenKind::CjkGap)
            ]
        );
        assert_eq!(
            texts(&tokenise("在线性代数", &d)),
            [("在", TokenKind::CjkGap), ("线性代数", TokenKind::CjkWord)]
        );
        // A word after the light character that ends no later reads nothing more.
        assert_eq!(
            texts(&tokenise(
                "在线",
                &Dictionary::new(["在线", "线"]).with_light(['在'])
            )),
            [("在线", TokenKind::CjkWord)]
        );
    }

    #[test]
    fn segments_as_a_leftmost_longest_search_does() {
        let catalogue = Catalogue::shipped().unwrap();
        let index = crate::search::index::Index::build(&catalogue);
        // Without light characters, which make a word give way to the next (tested above).
        let dictionary = &index.dictionary().clone().with_light([]);
        let longest = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&dictionary.words)
            .unwrap();
        let text = include_str!("../../data/catalogue.toml");
        let mut checked = 0;
        for run in runs(&normalise(text)) {
            let Run::Cjk(run) = run else { continue };
            let mut got = Vec::new();
            dictionary.segment(run, &mut got);
            let words: Vec<&str> = got
                .iter()
                .filter(|t| t.kind == TokenKind::CjkWord && t.text.chars().nth(1).is_some())
                .map(|t| t.text.as_str())
                .collect();
            let expected: Vec<&str> = longest.find_iter(run).map(|m| &run[m.range()]).collect();
            assert_eq!(words, expected, "{run}");
            checked += 1;
        }
        assert!(checked > 1_000, "{checked}");
    }

    #[test]
    fn unknown_runs_become_gaps() {
        let d = dict();
        assert_eq!(
            texts(&tokenise("今天股票量化", &d)),
            [
                ("今天股票", TokenKind::CjkGap),
                ("量化", TokenKind::CjkWord)
            ]
        );
    }

    #[test]
    fn bigrams_slide_by_one_character() {
        assert_eq!(
            bigrams("知识蒸馏").collect::<Vec<_>>(),
            ["知识", "识蒸", "蒸馏"]
        );
        assert_eq!(bigrams("知").count(), 0);
        assert_eq!(bigrams("").count(), 0);
    }

    #[test]
    fn words_in_finds_overlaps() {
        let d = dict();
        let mut found: Vec<&str> = d.words_in("分布式训练").collect();
        found.sort();
        assert_eq!(found, ["分布式", "分布式训练", "训练"]);
        assert_eq!(d.len(), 6);
    }
}
