//! Names heard aloud and written down in Chinese characters that sound like them: voice input
//! and people who only ever heard a tool named write 迪普斯皮德 for DeepSpeed, 赛克特 for
//! scikit, 基皮踢 for GPT (its letters said one by one). Both sides are reduced to the
//! consonants a Chinese transliteration keeps, in classes the two writing systems share, and a
//! run of transliteration characters whose consonants are exactly a catalogue name's is read as
//! that name.
//!
//! Vowels are left out on purpose: transliteration keeps the consonant frame of a name (one
//! syllable per consonant of a cluster: "speed" → 斯皮德) but picks its vowels from a small set
//! of characters, so they say little about which name was heard.

use std::sync::LazyLock;

use ::pinyin::ToPinyin;

use super::normalise::{self, Seam};
use super::pinyin::{Pinyin, key};

/// Fewest consonants a name's frame must have to be recognised: two (喇嘛, "lm") would match
/// far too many names and everyday words.
const MIN_FRAME: usize = 3;
/// Fewest characters of a run read as a name.
const MIN_CHARS: usize = 3;

/// The characters Chinese transliterates foreign names with (the common ones of Xinhua's
/// tables) and those that say English letters aloud (踢 for T, 鸡 for G). A run of them is a
/// candidate name; any other character ends it.
const TRANSLITERATION: &str = "阿埃艾爱安昂奥澳巴拜班邦保鲍贝本比彼宾波伯博布查达戴丹道德登迪蒂\
丁东杜顿多厄恩尔法范菲芬丰佛弗福夫盖甘高戈格古瓜圭哈海汉豪赫亨胡华惠霍基吉加贾杰金卡凯坎康考科\
克肯库夸奎拉莱兰朗劳勒雷黎里利莉林琳隆卢鲁路伦罗洛马迈曼毛梅门蒙米密敏莫默姆穆纳奈南内尼宁纽努\
诺欧帕派潘庞佩彭皮珀普奇齐恰乔琼丘萨赛桑瑟森沙尚舍圣施史士舒斯苏索塔泰坦汤陶特提汀通图托瓦万威\
韦维温沃乌伍西希锡夏辛休雅亚扬耶伊因尤约泽扎詹朱兹踢替批鸡滴诶欸优歪贼开衣剋";

/// A consonant class both writing systems can express. Voicing is not kept apart (Chinese
/// writes "d" as 德 and 特 alike), nor are the sibilants and affricates (s, z, j, ch, sh).
type Class = u8;

/// Catalogue names by their consonant frame, packed four bits a class into a `u64` and
/// sorted: every Latin index term is filed, and a map of vectors for them raised a start's
/// peak memory by more than this does (1.9 against 1.4 MiB, measured whole).
#[derive(Debug, Default)]
pub struct SoundAlikes {
    by_frame: Vec<(u64, u32)>,
}

impl SoundAlikes {
    /// Files every name under its frame; `names` yields a name with an identifier the caller
    /// resolves later (an index term). Names with digits or non-ASCII letters are left out.
    pub fn new<'a>(names: impl IntoIterator<Item = (u32, &'a str)>) -> SoundAlikes {
        let mut by_frame: Vec<(u64, u32)> = names
            .into_iter()
            .filter_map(|(id, name)| Some((pack(&latin_frame(name)?)?, id)))
            .collect();
        by_frame.sort_unstable();
        SoundAlikes { by_frame }
    }

    /// The names a run of Chinese characters may be heard as; empty unless it is a
    /// transliteration of at least three characters.
    pub fn heard_as(&self, run: &str) -> impl Iterator<Item = u32> + '_ {
        let frame = (run.chars().count() >= MIN_CHARS && run.chars().all(is_transliteration))
            .then(|| chinese_frame(run).and_then(|f| pack(&f)))
            .flatten();
        let range = frame.map_or(0..0, |frame| {
            let from = self.by_frame.partition_point(|&(f, _)| f < frame);
            let to = self.by_frame.partition_point(|&(f, _)| f <= frame);
            from..to
        });
        self.by_frame[range].iter().map(|&(_, id)| id)
    }
}

/// A frame as four bits a class; `None` past sixteen consonants (no name is that long).
fn pack(frame: &[Class]) -> Option<u64> {
    if frame.len() > 16 {
        return None;
    }
    Some(frame.iter().fold(0, |packed, &class| {
        let code = CLASSES
            .iter()
            .position(|&c| c == class)
            .map_or(0, |i| i + 1);
        packed << 4 | code as u64
    }))
}

/// Every class, in the order their codes are given.
const CLASSES: [Class; 10] = [P, T, K, S, F, W, L, M, N, H];

/// `text` with every run of transliteration characters that `name_of` hears as a name
/// replaced by that name, set apart by a space from Latin letters beside it ("阿达普特tuning"
/// → "adapter tuning"; "赛克特learn" → "scikit learn"); `None` when no run was replaced.
pub fn rewrite(text: &str, name_of: impl Fn(&str) -> Option<String>) -> Option<String> {
    normalise::rewrite_runs(text, is_transliteration, name_of, Seam::SpacedFromLatin)
}

/// Of the names a run may be heard as, the one whose letters its syllables, spelled out in
/// pinyin ("阿达普特" → "adapute"), follow most closely ("adapter", not "dpdata"; the first of
/// equals). None when every name is too far for it to have been heard at all: 肯德基 (kendeji)
/// has the consonants of "quantize", but hardly one letter in place.
pub fn closest<'n>(run: &str, names: impl IntoIterator<Item = &'n str>) -> Option<&'n str> {
    let spelled = key(run, Pinyin::Exact)?.replace('-', "");
    names
        .into_iter()
        .filter_map(|name| Some((distance(&spelled, name)?, name)))
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, name)| name)
}

/// The letters between a run spelled out and a name; `None` when too many differ.
fn distance(spelled: &str, name: &str) -> Option<usize> {
    let distance = strsim::levenshtein(spelled, name);
    // Three in four letters may differ: vowels are chosen freely, and a name said letter by
    // letter ("jipiti" for gpt) is spelled far from its letters.
    (distance * 4 <= spelled.len() * 3).then_some(distance)
}

/// Whether a character is one Chinese transliterates foreign names with (or says a letter with).
pub fn is_transliteration(c: char) -> bool {
    // Asked of every character of every message: a binary search, not a scan of the list.
    static SORTED: LazyLock<Vec<char>> = LazyLock::new(|| {
        let mut chars: Vec<char> = TRANSLITERATION.chars().collect();
        chars.sort_unstable();
        chars.dedup();
        chars
    });
    !c.is_ascii() && SORTED.binary_search(&c).is_ok()
}

const P: Class = b'P';
const T: Class = b'T';
const K: Class = b'K';
const S: Class = b'S';
const F: Class = b'F';
const W: Class = b'W';
const L: Class = b'L';
const M: Class = b'M';
const N: Class = b'N';
const H: Class = b'H';

/// Pushes a class unless it repeats the last one: a doubled letter ("ll", "ss") is one sound,
/// and transliteration writes one syllable for it.
fn push(frame: &mut Vec<Class>, class: Class) {
    if frame.last() != Some(&class) {
        frame.push(class);
    }
}

/// The consonant frame of a run of ideographs, by the initial of each character's commonest
/// reading and a nasal final ("森" sen → S N, as "son" in Python's 派森); `None` when a
/// character has no reading or the frame is too short.
fn chinese_frame(run: &str) -> Option<Vec<Class>> {
    let mut frame = Vec::new();
    for c in run.chars() {
        let syllable = c.to_pinyin()?.plain();
        let (initial, rest) = split_initial(syllable);
        if let Some(class) = initial {
            push(&mut frame, class);
        }
        if rest.ends_with('n') || rest.ends_with("ng") {
            push(&mut frame, N);
        }
    }
    (frame.len() >= MIN_FRAME).then_some(frame)
}

/// A toneless pinyin syllable's initial as a class (none for a vowel, y, or wu), and the rest.
fn split_initial(syllable: &str) -> (Option<Class>, &str) {
    for (initial, class) in [("zh", S), ("ch", S), ("sh", S)] {
        if let Some(rest) = syllable.strip_prefix(initial) {
            return (Some(class), rest);
        }
    }
    let Some(first) = syllable.chars().next() else {
        return (None, syllable);
    };
    let rest = &syllable[first.len_utf8()..];
    let class = match first {
        'b' | 'p' => P,
        'd' | 't' => T,
        'g' | 'k' => K,
        'j' | 'q' | 'x' | 'z' | 'c' | 's' => S,
        'f' => F,
        'w' if rest != "u" => W,
        'l' | 'r' => L,
        'm' => M,
        'n' => N,
        'h' => H,
        _ => return (None, syllable),
    };
    (Some(class), rest)
}

/// How each English letter is said aloud in Chinese, as classes: "G" is 鸡 (ji), "W" 达不溜.
fn letter_name(c: char) -> &'static [Class] {
    match c {
        'b' | 'p' => &[P],
        'c' | 'g' | 'h' | 'j' | 'q' | 's' | 'z' => &[S],
        'd' | 't' => &[T],
        'f' => &[F],
        'k' => &[K],
        'l' => &[L],
        'm' => &[M],
        'n' => &[N],
        'v' => &[W],
        'w' => &[T, P, L],
        'x' => &[K, S],
        _ => &[],
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// The consonant frame of a Latin name as a Chinese ear writes it down; a name without a
/// vowel is said letter by letter ("gpt" → 基皮踢). `None` for names with anything but
/// lowercase ASCII letters, or too short a frame.
fn latin_frame(name: &str) -> Option<Vec<Class>> {
    let b = name.as_bytes();
    if b.is_empty() || !b.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    let mut frame = Vec::new();
    if !b.iter().any(|&c| is_vowel(c)) {
        for c in name.chars() {
            for &class in letter_name(c) {
                push(&mut frame, class);
            }
        }
        return (frame.len() >= MIN_FRAME).then_some(frame);
    }
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        let soft = next.is_some_and(|n| matches!(n, b'e' | b'i' | b'y'));
        let (class, used) = match (c, next) {
            (b'p', Some(b'h')) => (Some(F), 2),
            (b't' | b's' | b'c', Some(b'h')) => (Some(S), 2),
            (b'g', Some(b'h')) => (None, 2),
            (b'c', Some(b'k')) => (Some(K), 2),
            (b'q', Some(b'u')) => (Some(K), 2),
            (b's', Some(b'c'))
                if b.get(i + 2)
                    .is_some_and(|&n| matches!(n, b'e' | b'i' | b'y')) =>
            {
                (Some(S), 2)
            }
            (b'n', Some(b'g')) => (Some(N), 2),
            (b'y', _) => (None, 1),
            _ if is_vowel(c) => (None, 1),
            (b'b' | b'p', _) => (Some(P), 1),
            (b'd' | b't', _) => (Some(T), 1),
            (b'c' | b'g', _) if soft => (Some(S), 1),
            (b'c' | b'g' | b'k' | b'q', _) => (Some(K), 1),
            (b's' | b'z' | b'j', _) => (Some(S), 1),
            (b'x', _) => {
                push(&mut frame, K);
                (Some(S), 1)
            }
            (b'f', _) => (Some(F), 1),
            (b'v' | b'w', _) => (Some(W), 1),
            // An "r" after a vowel is dropped or written 尔 (no consonant): "adapter" 阿达普特.
            (b'r', _) if i > 0 && is_vowel(b[i - 1]) && next.is_none_or(|n| !is_vowel(n)) => {
                (None, 1)
            }
            (b'l' | b'r', _) => (Some(L), 1),
            (b'm', _) => (Some(M), 1),
            (b'n', _) => (Some(N), 1),
            (b'h', _) => (Some(H), 1),
            _ => (None, 1),
        };
        if let Some(class) = class {
            push(&mut frame, class);
        }
        i += used;
    }
    (frame.len() >= MIN_FRAME).then_some(frame)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heard(names: &[&str], run: &str) -> Vec<String> {
        let sounds = SoundAlikes::new(names.iter().enumerate().map(|(i, n)| (i as u32, *n)));
        sounds
            .heard_as(run)
            .map(|i| names[i as usize].to_owned())
            .collect()
    }

    #[test]
    fn names_written_as_they_sound_are_heard() {
        let names = [
            "deepspeed",
            "scikit",
            "adapter",
            "gpt",
            "python",
            "pandas",
            "megatron",
        ];
        assert_eq!(heard(&names, "迪普斯皮德"), ["deepspeed"]);
        assert_eq!(heard(&names, "赛克特"), ["scikit"]);
        assert_eq!(heard(&names, "阿达普特"), ["adapter"]);
        assert_eq!(heard(&names, "基皮踢"), ["gpt"]);
        assert_eq!(
            heard(&names, "派森"),
            Vec::<String>::new(),
            "two characters are too few"
        );
        assert_eq!(heard(&names, "潘达斯"), ["pandas"]);
    }

    #[test]
    fn other_words_and_other_names_are_not() {
        let names = ["deepspeed", "scikit", "gpt", "megatron"];
        // Everyday words, characters outside the transliteration set, a different frame.
        for run in [
            "分布式训练",
            "特别好",
            "迪普斯",
            "普斯皮德迪",
            "斯坦福大学",
            "赛克",
        ] {
            assert!(heard(&names, run).is_empty(), "{run}");
        }
    }

    #[test]
    fn runs_heard_as_names_are_replaced() {
        let name_of = |run: &str| (run == "阿达普特" || run == "基皮踢").then(|| "name".to_owned());
        assert_eq!(
            rewrite("阿达普特tuning是什么", name_of).as_deref(),
            Some("name tuning是什么")
        );
        assert_eq!(
            rewrite("看看基皮踢二的图解", name_of).as_deref(),
            Some("看看name二的图解")
        );
        assert_eq!(rewrite("x阿达普特", name_of).as_deref(), Some("x name"));
        assert_eq!(rewrite("普通的问题", name_of), None);
    }

    #[test]
    fn the_transliteration_set_is_looked_up_whole() {
        assert!(TRANSLITERATION.chars().all(is_transliteration));
        for c in ['的', '是', '训', 'a', ' ', '中'] {
            assert!(!is_transliteration(c), "{c}");
        }
    }

    #[test]
    fn letters_far_from_the_name_are_not_heard() {
        assert_eq!(distance("adapute", "adapter"), Some(2));
        assert_eq!(closest("阿达普特", ["dpdata", "adapter"]), Some("adapter"));
        assert_eq!(closest("基皮踢", ["gpt"]), Some("gpt"));
        assert_eq!(closest("肯德基", ["quantize"]), None);
    }

    #[test]
    fn frames_follow_how_names_are_said() {
        let f = |s: &str| latin_frame(s).map(|f| String::from_utf8(f).unwrap());
        assert_eq!(f("deepspeed").as_deref(), Some("TPSPT"));
        assert_eq!(f("nccl").as_deref(), Some("NSL"));
        assert_eq!(f("llama"), None, "two consonants");
        assert_eq!(f("gpt2"), None, "digits are not said");
        assert_eq!(
            chinese_frame("迪普斯皮德")
                .map(|f| String::from_utf8(f).unwrap())
                .as_deref(),
            Some("TPSPT")
        );
    }
}
