//! Stage 1 of the query pipeline: one canonical spelling for every way users type a word.
//!
//! NFKC folds full-width forms ("ｖＬＬＭ" → "vLLM") and compatibility characters; lowercasing
//! folds case; OpenCC's tw2sp converts traditional Chinese ("分佈式訓練" → "分布式训练", and
//! Taiwan's "記憶體" → "内存"); and every character that is neither a letter nor a digit
//! (punctuation, symbols, control characters, bidi marks, emoji) becomes a single space. Names
//! typed the way voice input writes them are the names: "R D M A" is rdma, "七B" is 7b. The
//! same function normalises catalogue text, so both sides of a match always agree.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::{LazyLock, OnceLock};

use aho_corasick::AhoCorasick;
use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;
use unicode_normalization::UnicodeNormalization;

/// The converter is built once per process: its dictionaries are embedded, but parsing the
/// configuration is not free, and a plain-ASCII query never needs it. It is OpenCC's `tw2sp`:
/// t2s with Taiwan's words read as the mainland's (記憶體 is 内存, 分散式 分布式, 程式 程序,
/// 叢集 集群), as people in Taiwan write them.
fn tw2sp() -> Option<&'static OpenCC> {
    static TW2SP: OnceLock<Option<OpenCC>> = OnceLock::new();
    TW2SP
        .get_or_init(|| OpenCC::from_config(BuiltinConfig::Tw2sp).ok())
        .as_ref()
}

/// Words Taiwan's phrases and variants read in a sense this catalogue does not mean, with
/// their plain simplified spelling: 資料 asks for material ("有沒有 LoRA 的資料") before it is
/// 数据, 向量 is no physicist's 矢量, 核心 (a core) no 内核, and the 么 of a simplified 怎么 typed
/// beside traditional text no variant of 幺; 抬 is simplified already (tw2sp gives 擡); and
/// Cantonese's 嗰 ("that": 嗰陣, 嗰個) is written so in Hong Kong and on the mainland alike,
/// where tw2sp's 𠮶 is a character nobody types, nor the lexicon knows.
const KEEP_SENSE: &[(&str, &str)] = &[
    ("資料", "资料"),
    ("向量", "向量"),
    ("核心", "核心"),
    ("么", "么"),
    ("抬", "抬"),
    ("嗰", "嗰"),
];

/// What makes a 資料 before it data, left to the converter (資料集 数据集, 資料平行 数据并行).
const DATA_AFTER: &[&str] = &["集", "庫", "平行", "並行", "處理", "結構", "分析", "量"];

/// Traditional text in simplified characters ([`tw2sp`]), the words of [`KEEP_SENSE`] kept in
/// their sense: what lies between them is converted, found in one pass.
fn simplified(conv: &OpenCC, text: &str) -> String {
    static KEPT: LazyLock<Option<AhoCorasick>> =
        LazyLock::new(|| AhoCorasick::new(KEEP_SENSE.iter().map(|&(word, _)| word)).ok());
    let Some(kept) = KEPT.as_ref() else {
        return conv.convert(text);
    };
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for found in kept.find_iter(text) {
        let (word, plain) = KEEP_SENSE[found.pattern().as_usize()];
        let data = word == "資料"
            && DATA_AFTER
                .iter()
                .any(|d| text[found.end()..].starts_with(d));
        if data {
            continue;
        }
        if found.start() > from {
            out.push_str(&conv.convert(&text[from..found.start()]));
        }
        out.push_str(plain);
        from = found.end();
    }
    if from < text.len() {
        out.push_str(&conv.convert(&text[from..]));
    }
    out
}

/// Whether OpenCC's t2s conversion may change a character, which marks text in traditional
/// script (converted by [`tw2sp`], Taiwan's words as well): the characters listed in
/// `data/t2s-changes.txt` (generated from the converter's dictionaries by
/// `tools/t2s/changes.py`). A text with none of them is simplified already, and the
/// conversion, which walks two dictionaries at every position, would give it back unchanged:
/// most messages and nearly all of the catalogue's thousands of phrases skip it.
fn t2s_may_change(c: char) -> bool {
    static CHANGED: OnceLock<Vec<char>> = OnceLock::new();
    let changed = CHANGED.get_or_init(|| {
        let mut chars: Vec<char> = include_str!("../../data/t2s-changes.txt")
            .lines()
            .filter(|line| !line.starts_with('#'))
            .flat_map(str::chars)
            .collect();
        chars.sort_unstable();
        chars
    });
    !c.is_ascii() && changed.binary_search(&c).is_ok()
}

/// The fewest times a Latin letter is typed in a row for the text to be stretched, as chat
/// stretches a word to say it louder ("hiii", "thxxx", "pleaaase").
const STRETCH: usize = 3;

/// Whether a run of one byte repeated is a Latin letter stretched ([`STRETCH`] or more).
fn is_stretch(run: &[u8]) -> bool {
    run.len() >= STRETCH && run[0].is_ascii_alphabetic()
}

/// Whether the text has a Latin letter typed three times or more in a row.
pub fn stretched(text: &str) -> bool {
    text.as_bytes().chunk_by(|a, b| a == b).any(is_stretch)
}

/// The text with every Latin letter typed three times or more in a row cut to `keep`
/// of it. Doubled letters are spelling ("good", "hii"), and repeated ideographs are words
/// said again ("谢谢谢谢"): both stay as typed.
pub fn cut_stretches(text: &str, keep: usize) -> String {
    let bytes: Vec<u8> = text
        .as_bytes()
        .chunk_by(|a, b| a == b)
        .flat_map(|run| &run[..if is_stretch(run) { keep } else { run.len() }])
        .copied()
        .collect();
    // Only runs of ASCII letters are cut, so every character's bytes are kept whole.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_owned())
}

/// True for the CJK ideographs the segmenter handles.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// Normalises text for matching. The result holds only lowercase letters, digits, CJK
/// ideographs and single spaces, with no leading or trailing space.
pub fn normalise(text: &str) -> String {
    if text.chars().all(is_plain_ideograph) {
        // NFKC, simplifying, folding and spelling all leave such text as it is; only the
        // rewriting of numerals and shorthand below can change it. Some 5,000 of the
        // catalogue's 12,000 paraphrase phrases, normalised at every start, are such text.
        return in_mandarin(plain_ideographs(text));
    }
    if already_normal(text) {
        // Most of the catalogue's Latin phrases, normalised at every start.
        return text.to_owned();
    }
    if let Some(known) = LAST.with_borrow(|(input, output)| (input == text).then(|| output.clone()))
    {
        return known;
    }
    let out = if text.is_ascii() {
        let mut out = String::with_capacity(text.len());
        push_folded(&mut out, spelled(text).chars());
        sizes(out)
    } else {
        composed_and_folded(text)
    };
    let out = in_mandarin(chat_spelled_out(out));
    LAST.with_borrow_mut(|(input, output)| {
        input.clear();
        input.push_str(text);
        output.clone_from(&out);
    });
    out
}

/// Characters only written Cantonese uses ("嘅", "啲", "咗", "嗰" …): text with none of them is
/// read as it is.
fn is_cantonese_mark(c: char) -> bool {
    matches!(
        c,
        '嘅' | '啲'
            | '咗'
            | '喺'
            | '嚟'
            | '嘢'
            | '咩'
            | '佢'
            | '睇'
            | '揾'
            | '搵'
            | '嗰'
            | '唔'
            | '冇'
            | '哋'
            | '咁'
            | '噉'
            | '嘞'
            | '乜'
    )
}

/// Written Cantonese words with the Mandarin words the catalogue, its paraphrases and the word
/// vectors know, after simplification: "之前啲字計過嘅嘢存低唔使再計" describes the KV cache
/// in the words "算过的东西存下不用再算" do. Only words whose Cantonese sense is the one meant:
/// 計 is "compute" in 計過 and 再計, but 設計 and 統計 are Mandarin's too, so no 计 alone. The
/// function words the lexicon already knows as chat (有冇, 睇下, 唔该) stay as they are.
const CANTONESE: &[(&str, &str)] = &[
    ("计完", "算完"),
    ("计过", "算过"),
    ("再计", "再算"),
    ("重新计", "重新算"),
    ("计多", "算多"),
    ("点计", "怎么算"),
    ("计返", "算回"),
    ("嘅嘢", "的东西"),
    ("啲嘢", "些东西"),
    ("嘢", "东西"),
    ("存低", "存下"),
    ("记低", "记下"),
    ("唔使", "不用"),
    ("唔洗", "不用"),
    ("夹埋", "合起来"),
    ("派返", "发回"),
    ("换返", "换回"),
    ("攞返", "拿回"),
    ("咁慢", "这么慢"),
    ("咁大", "这么大"),
    ("咁多", "这么多"),
    ("细啲", "小一点"),
    ("快啲", "快一点"),
    ("平啲", "便宜一点"),
];

/// Text written in Cantonese read in Mandarin words ([`CANTONESE`]); other text as it is.
fn in_mandarin(text: String) -> String {
    static WORDS: LazyLock<Option<(AhoCorasick, Vec<&str>)>> = LazyLock::new(|| {
        let found = AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(CANTONESE.iter().map(|&(word, _)| word))
            .ok()?;
        Some((found, CANTONESE.iter().map(|&(_, m)| m).collect()))
    });
    if !text.chars().any(is_cantonese_mark) {
        return text;
    }
    match WORDS.as_ref() {
        Some((words, mandarin)) => words.replace_all(&text, mandarin),
        None => text,
    }
}

/// [`normalise`] for text of plain ideographs only: each rewrite that can change it runs only
/// when the character it starts from is there, found in one pass. No rewrite brings in a
/// character a later one starts from (numerals become digits, 亿 a size, 位 "bit").
fn plain_ideographs(text: &str) -> String {
    let (mut numerals, mut yi, mut wei, mut xun) = (false, false, false, false);
    for c in text.chars() {
        numerals |= chinese_digit(c).is_some();
        yi |= c == '亿';
        wei |= c == '位';
        xun |= c == '训';
    }
    let mut out = text.to_owned();
    if numerals {
        out = beside_letters(out);
    }
    if yi {
        out = sizes(out);
    }
    if wei {
        out = widths(out);
    }
    if xun {
        out = shorthand(out);
    }
    out
}

/// Whether ASCII text is already what [`normalise`] makes of it: lower-case letters and
/// digits in words one space apart, no "billion" to rewrite, and no letters said one by one
/// for [`spelled`] to join. Folding then keeps every character and every space.
fn already_normal(text: &str) -> bool {
    let bytes = text.as_bytes();
    let plain = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    bytes.first().is_some_and(plain)
        && bytes.last().is_some_and(plain)
        && bytes.iter().all(|b| plain(b) || *b == b' ')
        && !text.contains("  ")
        && !text.contains("billion")
        && !text.split(' ').any(|w| spelled_out(w).is_some())
        && matches!(spelled(text), Cow::Borrowed(_))
}

/// Words as chat shortens them, spelled out: contractions typed without their apostrophe
/// ("model wont fit", "doesnt work") as normalised text spells them with it ("won t") — the
/// catalogue's phrases are written with the apostrophe, and chat mostly drops it; only the
/// "n't" forms, which are no other word — and "u", "wat", "how2" ("wat can u do", "help? how2
/// use this"), which the small talk's phrases and the lexicon know spelled out.
const CHAT_SPELLINGS: &[(&str, &str)] = &[
    ("dont", "don t"),
    ("doesnt", "doesn t"),
    ("didnt", "didn t"),
    ("wont", "won t"),
    ("cant", "can t"),
    ("couldnt", "couldn t"),
    ("shouldnt", "shouldn t"),
    ("wouldnt", "wouldn t"),
    ("isnt", "isn t"),
    ("arent", "aren t"),
    ("wasnt", "wasn t"),
    ("werent", "weren t"),
    ("havent", "haven t"),
    ("hasnt", "hasn t"),
    ("u", "you"),
    ("wat", "what"),
    ("wut", "what"),
    ("how2", "how to"),
];

/// The spelling out of a word chat shortens ([`CHAT_SPELLINGS`]).
fn spelled_out(word: &str) -> Option<&'static str> {
    CHAT_SPELLINGS
        .iter()
        .find(|(short, _)| *short == word)
        .map(|(_, spelled)| *spelled)
}

/// Normalised text with every word chat shortens spelled out.
fn chat_spelled_out(text: String) -> String {
    if !text.split(' ').any(|w| spelled_out(w).is_some()) {
        return text;
    }
    text.split(' ')
        .map(|w| spelled_out(w).unwrap_or(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A CJK Unified Ideograph of the basic block (no compatibility ideograph, which NFKC maps
/// to another) that simplified Chinese writes as it is.
fn is_plain_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) && !t2s_may_change(c)
}

/// [`normalise`] for text that is not ASCII, every step taken.
fn composed_and_folded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let composed = composed(text);
    let simplified = match tw2sp() {
        Some(conv) if composed.chars().any(t2s_may_change) => {
            Cow::Owned(simplified(conv, &composed))
        }
        _ => composed,
    };
    push_folded(&mut out, spelled(&simplified).chars());
    nicknames(shorthand(widths(sizes(beside_letters(out)))))
}

/// Sites called by a letter glued to Chinese, and their names: "B站" is bilibili.
const NICKNAMES: &[(&str, &str)] = &[("b站", "bilibili")];

/// Each site's nickname spelt as its name ([`NICKNAMES`]). Split by script, "b" and "站" name
/// nothing (the letter is every "plan B" too), and the word that asks for videos is lost.
/// Not after another letter or digit ("abb站" is no nickname).
fn nicknames(mut text: String) -> String {
    for (nick, name) in NICKNAMES {
        if !text.contains(nick) {
            continue;
        }
        let mut out = String::with_capacity(text.len() + name.len());
        let mut last = 0;
        for (at, _) in text.match_indices(nick) {
            out.push_str(&text[last..at]);
            let glued = out
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphanumeric());
            out.push_str(if glued { nick } else { name });
            last = at + nick.len();
        }
        out.push_str(&text[last..]);
        text = out;
    }
    text
}

/// NFKC, without decomposing and recomposing what most messages are made of: ASCII,
/// ideographs and the punctuation typed with them, which NFKC leaves as it is, and the
/// full-width forms of ASCII (，？ＬｏＲＡ), which it maps to ASCII. Anything else takes the whole
/// algorithm. (The full pass cost about a tenth of a Chinese message's search.)
fn composed(text: &str) -> Cow<'_, str> {
    let mut as_is = true;
    for c in text.chars() {
        if !nfkc_leaves(c) {
            if full_width(c).is_none() {
                return Cow::Owned(text.nfkc().collect());
            }
            as_is = false;
        }
    }
    if as_is {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().map(|c| full_width(c).unwrap_or(c)).collect())
    }
}

/// Characters NFKC leaves as they are, whatever surrounds them (none composes with a
/// neighbour): ASCII, unified ideographs, and the punctuation Chinese text is typed with.
fn nfkc_leaves(c: char) -> bool {
    c.is_ascii()
        || matches!(c,
            '\u{4E00}'..='\u{9FFF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{3001}'..='\u{3003}'
            | '\u{3008}'..='\u{3011}'
            | '\u{2014}'
            | '\u{2018}'..='\u{2019}'
            | '\u{201C}'..='\u{201D}'
            | '\u{00B7}')
}

/// What NFKC makes of a full-width form of ASCII, or of the ideographic space.
pub(crate) fn full_width(c: char) -> Option<char> {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0),
        '\u{3000}' => Some(' '),
        _ => None,
    }
}

thread_local! {
    /// The last text normalised on this thread (unless all plain ideographs), and the result.
    /// One message is normalised by several stages in turn (small talk, the index, the word
    /// vectors, related topics), and the conversion to simplified Chinese is the costly part.
    static LAST: RefCell<(String, String)> = const { RefCell::new((String::new(), String::new())) };
}

fn push_folded(out: &mut String, chars: impl Iterator<Item = char>) {
    let mut chars = chars.peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        // A bit width is written "16位", "16 比特", "16-bit" or "16bit"; the Chinese units
        // become the Latin one, so every spelling meets the same compound.
        let width = out.ends_with(|d: char| d.is_ascii_digit())
            && (c == '位' || (c == '比' && chars.next_if_eq(&'特').is_some()));
        // "C++" would lose its pluses and be the letter c, and "ZeRO++" would be ZeRO: a
        // name with "++" is a name of its own, spelled as the catalogue's names spell C++
        // ("llama.cpp"): cpp, zeropp.
        let plus_plus =
            c == '+' && !pending_space && out.ends_with(|l: char| l.is_ascii_alphanumeric());
        if width {
            out.push_str("bit");
            pending_space = false;
        } else if c == '√' {
            // The radical is the word the catalogue and code write for it: "QK^T/√d" divides
            // by sqrt d, and sqrt is how a message about attention's scaling is known.
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str("sqrt");
            pending_space = true;
        } else if plus_plus && chars.next_if_eq(&'+').is_some() {
            out.push_str("pp");
        } else if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
}

/// A name said letter by letter, as voice input writes it ("R D M A", "V L L M 部署"), or
/// written with its letters apart ("Q、K、V", "K/V", "I/O"), is the word ("RDMA", "QKV"): the
/// space, slash, hyphen or enumeration comma between single letters goes. A lowercase "a" or
/// "i" before or after a space is an English word ("plan a b test"), and a letter before "+"
/// starts a name of its own ("C/C++"). Capitals listed with a comma ("Q, K, V still feel like
/// magic") are one name as well; small letters so listed are not ("a, b, c").
pub fn spelled(text: &str) -> Cow<'_, str> {
    // Every text normalised passes here, the catalogue's at start-up included, and most have
    // no letter, separator, letter in a row at all: look for one before collecting anything.
    let (mut before, mut between) = (None::<char>, None::<char>);
    let candidate = text.chars().any(|c| {
        let found = before.is_some_and(|b| b.is_ascii_alphabetic())
            && between.is_some_and(separates)
            && c.is_ascii_alphabetic();
        (before, between) = (between, Some(c));
        found
    });
    let capitals_listed = || {
        text.as_bytes().windows(4).any(|w| {
            w[0].is_ascii_uppercase() && w[1] == b',' && w[2] == b' ' && w[3].is_ascii_uppercase()
        })
    };
    if !candidate && !capitals_listed() {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let single = |i: usize| {
        chars[i].is_ascii_alphabetic()
            && (i == 0 || !chars[i - 1].is_ascii_alphanumeric())
            && chars
                .get(i + 1)
                .is_none_or(|&c| !c.is_ascii_alphanumeric() && c != '+')
    };
    let word = |i: usize| matches!(chars[i], 'a' | 'i');
    let capital = |i: usize| single(i) && chars[i].is_ascii_uppercase();
    // The comma of "Q, K, V", which the space after it follows out.
    let listed = |i: usize| {
        i > 0
            && i + 2 < chars.len()
            && chars[i] == ','
            && chars[i + 1] == ' '
            && capital(i - 1)
            && capital(i + 2)
    };
    let joins = |i: usize| {
        let apart = i > 0
            && i + 1 < chars.len()
            && single(i - 1)
            && single(i + 1)
            && separates(chars[i])
            && (chars[i] != ' ' || (!word(i - 1) && !word(i + 1)));
        apart || listed(i) || (i > 0 && listed(i - 1))
    };
    if !(0..chars.len()).any(joins) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        (0..chars.len())
            .filter(|&i| !joins(i))
            .map(|i| chars[i])
            .collect(),
    )
}

/// What [`spelled`] takes out between single letters.
fn separates(c: char) -> bool {
    matches!(c, ' ' | '/' | '-' | '、')
}

/// Words that count what a number before them counts ("三个参数", "学一下"): a numeral
/// before one is a count, not part of a name.
const MEASURE_WORDS: &[char] = &[
    '个', '下', '种', '篇', '次', '些', '点', '起', '样', '般', '直', '步', '份', '张', '台', '块',
    '位', '本', '门', '节', '章', '套', '条', '层', '代', '版', '遍', '周', '天', '年', '月', '倍',
    '句', '段', '部', '行', '批', '组', '名', '项', '类', '号', '期', '轮', '回', '场', '家', '件',
    '只', '道', '卡', '机',
];

/// Digits said in Chinese beside a name's letters, as voice input writes them, become the
/// digits the names spell: "七B的模型" → 7b, "K八S" → k8s, "GLM三" → glm3, "zero三" → zero3.
/// Not before a measure word ("vllm三个参数"), and not 一 after a name and before Chinese
/// ("LoRA一下") or before a name and after Chinese ("看一B站").
fn beside_letters(text: String) -> String {
    // A digit said as a name's, not 两 (a count: "两张卡"), nor 百 or 千 (no version number).
    let numeral_char = |c: char| c != '两' && chinese_digit(c).is_some_and(|d| d <= 10);
    if !text.chars().any(numeral_char) {
        return text;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !numeral_char(chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && numeral_char(chars[i]) {
            i += 1;
        }
        let run: String = chars[start..i].iter().collect();
        let before = start.checked_sub(1).map(|b| chars[b]);
        let after = chars.get(i).copied();
        let letter = |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase());
        let chinese = |c: Option<char>| c.is_some_and(is_cjk);
        let one = run == "一";
        let digits = if letter(after) {
            !(one && chinese(before))
        } else if letter(before) {
            match after {
                Some(c) if is_cjk(c) => !one && !MEASURE_WORDS.contains(&c),
                _ => true,
            }
        } else {
            false
        };
        match numeral(&run).filter(|_| digits) {
            Some(n) => out.push_str(&n.to_string()),
            None => out.push_str(&run),
        }
    }
    out
}

/// Model sizes said in words become the size the catalogue's names spell ("Qwen-7B"): 七十亿,
/// 70亿, "7 billion" and "seven billion" parameters are all 7b. Only whole billions: 15亿
/// (1.5b) stays as typed, as do rough counts (几十亿, 上百亿) and 万亿.
fn sizes(text: String) -> String {
    // Most text has neither: a byte search and an ASCII check rule it out before either
    // substring is searched for.
    let billion = text.as_bytes().contains(&b'b') && text.contains("billion");
    let yi = !text.is_ascii() && text.contains('亿');
    if !billion && !yi {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c == '亿' {
            let run_start = trailing(&out, |d| chinese_digit(d).is_some() || d.is_ascii_digit());
            let rough = |at: usize| out[..at].ends_with(['几', '多', '数', '上', '近', '约']);
            if let Some(at) = run_start.filter(|&at| !rough(at))
                && let Some(hundred_millions) = numeral(&out[at..])
                && hundred_millions % 10 == 0
                && hundred_millions > 0
            {
                out.truncate(at);
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
                out.push_str(&format!("{}b ", hundred_millions / 10));
                continue;
            }
        }
        if c == ' ' && out.ends_with(' ') {
            continue;
        }
        out.push(c);
    }
    let words: Vec<&str> = out.split_whitespace().collect();
    let mut joined = String::with_capacity(out.len());
    let mut i = 0;
    while i < words.len() {
        let count = (words.get(i + 1) == Some(&"billion"))
            .then(|| english_count(words[i]))
            .flatten();
        if !joined.is_empty() {
            joined.push(' ');
        }
        match count {
            Some(n) => {
                joined.push_str(&format!("{n}b"));
                i += 2;
            }
            None => {
                joined.push_str(words[i]);
                i += 1;
            }
        }
    }
    joined
}

/// What follows a bit width said in Chinese numerals: "十六位浮点", "八位量化", "三十二位的
/// 主权重". Elsewhere 位 counts people ("三位老师") or places ("第八位").
const WIDTH_CUES: &[&str] = &[
    "浮点",
    "整数",
    "整型",
    "精度",
    "量化",
    "定点",
    "权重",
    "主权重",
    "小数",
    "表示",
    "存储",
];

/// Bit widths said in Chinese numerals become the Latin unit, as "16位" already does in
/// [`push_folded`]: 十六位浮点 → 16bit浮点, 四位量化 → 4bit量化. Only the widths a number
/// format has (4, 8, 16, 32, 64), and only before a word of number formats.
fn widths(text: String) -> String {
    if !text.contains('位') {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (at, c) in text.char_indices() {
        if c == '位' {
            let rest = &text[at + c.len_utf8()..];
            let rest = rest.strip_prefix('的').unwrap_or(rest);
            let run_start = trailing(&out, |d| chinese_digit(d).is_some());
            if let Some(i) = run_start.filter(|&i| !out[..i].ends_with('第'))
                && WIDTH_CUES.iter().any(|cue| rest.starts_with(cue))
                && let Some(bits @ (4 | 8 | 16 | 32 | 64)) = numeral(&out[i..])
            {
                out.truncate(i);
                out.push_str(&format!("{bits}bit"));
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Characters that make 训 part of another word when they stand before it: 培训, 教训, 军训,
/// 集训, 特训, 家训, 校训, 受训, 轮训, 庭训, 古训, 遗训 (schooling, drills, a lesson).
const BEFORE_XUN: &[char] = &[
    '培', '教', '军', '集', '特', '家', '校', '受', '轮', '庭', '古', '遗',
];
/// Characters that make 训 part of another word when they follow it: 训练 itself, and 训话,
/// 训斥, 训诫, 训导, 训示, 训令, 训词, 训诂 (scolding, instructions, glosses).
const AFTER_XUN: &[char] = &['练', '话', '斥', '诫', '导', '示', '令', '词', '诂'];

/// Chat shorthand for training a model: "一起训一个模型", "训得很慢", "训崩了" say 训 for
/// 训练, and on its own 训 is no word the catalogue or the dictionary can match. Where 训 is
/// part of another word (培训, 教训, 训话) it stays.
fn shorthand(text: String) -> String {
    if !text.contains('训') {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 6);
    let mut before = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '训'
            && !before.is_some_and(|b| BEFORE_XUN.contains(&b))
            && !chars.peek().is_some_and(|a| AFTER_XUN.contains(a))
        {
            out.push('练');
        }
        before = Some(c);
    }
    out
}

/// Where the run of characters `part` accepts that ends `text` begins, if `text` ends with one:
/// the numeral before a 亿 or a 位.
fn trailing(text: &str, part: impl Fn(char) -> bool) -> Option<usize> {
    text.char_indices()
        .rev()
        .take_while(|&(_, c)| part(c))
        .last()
        .map(|(at, _)| at)
}

/// The value of a Chinese digit (两 included).
fn chinese_digit(c: char) -> Option<u64> {
    // Asked of every character of every ideograph text normalised: a match, not a search.
    Some(match c {
        '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        '百' => 11,
        '千' => 12,
        _ => return None,
    })
}

/// The number a run of ASCII digits or Chinese numerals writes ("七十" → 70, "一百三十" →
/// 130, "130" → 130); `None` for anything else.
fn numeral(run: &str) -> Option<u64> {
    if run.bytes().all(|b| b.is_ascii_digit()) {
        return run.parse().ok();
    }
    let (mut total, mut digit) = (0, None);
    for c in run.chars() {
        match chinese_digit(c)? {
            d @ 0..=9 => digit = Some(d),
            unit => {
                let scale = 10u64.pow(unit as u32 - 9);
                total += digit.unwrap_or(1) * scale;
                digit = None;
            }
        }
    }
    Some(total + digit.unwrap_or(0))
}

/// Whether a word is a count: digits, an English number word up to ninety ("five"), or a
/// Chinese number with or without its measure word ("六十", "四条", "几次", "十点"): "一次只能喂
/// 两条样本" says how many, not what about.
pub fn is_count(word: &str) -> bool {
    (!word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()))
        || english_count(word).is_some()
        || chinese_count(word)
}

/// Whether a word is one letter, Latin or Greek: a symbol of a formula ("h = W0x + BAx",
/// "1-β^t", "divide by N") or of a list, which says no more than a count does.
pub fn is_symbol(word: &str) -> bool {
    let mut chars = word.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || ('\u{3b1}'..='\u{3c9}').contains(&c))
        && chars.next().is_none()
}

/// How a replaced run meets the text on either side of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seam {
    /// As the run did: a Latin word replaced by a Latin word needs nothing more.
    AsIs,
    /// Apart from Latin letters or digits beside it by a space, so that a Chinese run heard as
    /// a name does not glue onto the Latin word it was written against ("阿达普特tuning").
    SpacedFromLatin,
}

/// `text` with each longest run of characters `in_run` accepts that `replace` has another
/// spelling for replaced by it, meeting its neighbours as `seam` says; `None` when no run was
/// replaced.
pub fn rewrite_runs<S: AsRef<str>>(
    text: &str,
    in_run: impl Fn(char) -> bool,
    replace: impl Fn(&str) -> Option<S>,
    seam: Seam,
) -> Option<String> {
    let mut out = String::new();
    let mut copied = 0;
    let mut rest = text.char_indices().peekable();
    while let Some((start, c)) = rest.next() {
        if !in_run(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(at, next)) = rest.peek()
            && in_run(next)
        {
            end = at + next.len_utf8();
            rest.next();
        }
        let Some(spelled) = replace(&text[start..end]) else {
            continue;
        };
        out.push_str(&text[copied..start]);
        let spaced = seam == Seam::SpacedFromLatin;
        if spaced && out.ends_with(|c: char| c.is_ascii_alphanumeric()) {
            out.push(' ');
        }
        out.push_str(spelled.as_ref());
        if spaced && text[end..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            out.push(' ');
        }
        copied = end;
    }
    (copied > 0).then(|| {
        out.push_str(&text[copied..]);
        out
    })
}

/// `text` with each run of ASCII letters and digits that `replace` has another spelling for
/// replaced by it; `None` when none was.
pub fn rewrite_latin_words<'r>(
    text: &str,
    replace: impl Fn(&str) -> Option<&'r str>,
) -> Option<String> {
    rewrite_runs(text, |c| c.is_ascii_alphanumeric(), replace, Seam::AsIs)
}

/// Whether a word is a model's size ("7b", "65b", "1.5b", "350m"): how big, not what about.
pub fn is_model_size(word: &str) -> bool {
    let Some(digits) = word.strip_suffix(['b', 'm']) else {
        return false;
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
}

/// Chinese numerals (几 and 半 included), optionally followed by one measure word.
fn chinese_count(word: &str) -> bool {
    const NUMERALS: &str = "零一二两三四五六七八九十百千万亿几半";
    const MEASURES: &str = "个条次张步块台层遍轮份倍种篇本组批句段天年月周秒点";
    let numerals = word.chars().take_while(|&c| NUMERALS.contains(c)).count();
    let mut rest = word.chars().skip(numerals);
    numerals > 0
        && match (rest.next(), rest.next()) {
            (None, _) => true,
            (Some(measure), None) => MEASURES.contains(measure),
            _ => false,
        }
}

/// A count written before "billion": digits, or a number word up to ninety.
fn english_count(word: &str) -> Option<u64> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) {
        return word.parse().ok().filter(|&n| n > 0);
    }
    UNITS
        .iter()
        .position(|&u| u == word)
        .map(|n| n as u64)
        .or_else(|| {
            TENS.iter()
                .position(|&t| t == word)
                .map(|n| 20 + 10 * n as u64)
        })
        .filter(|&n| n > 0)
}

/// The Latin words of a message typed in capitals, as acronyms and names are ("RAG", "ZeRO",
/// "MoE"), normalised: three letters or more, either all capitals or a capital after a small
/// letter. A message that shouts ("SHORT. NO EQUATIONS") marks nothing: when most of its words
/// are capitals, capitals say nothing of any one of them.
pub fn capitalised(text: &str) -> Vec<String> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.bytes().filter(u8::is_ascii_alphabetic).count() >= 3)
        .collect();
    let all_caps = |w: &str| !w.bytes().any(|b| b.is_ascii_lowercase());
    let shouted = words.iter().filter(|w| all_caps(w)).count();
    if shouted >= 2 && shouted * 2 > words.len() {
        return Vec::new();
    }
    words
        .into_iter()
        .filter(|w| {
            all_caps(w)
                || w.as_bytes()
                    .windows(2)
                    .any(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase())
        })
        .map(str::to_ascii_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stretched_runs_are_cut() {
        assert!(stretched("hiiii") && stretched("pleaaase"));
        assert!(!stretched("hii") && !stretched("1000") && !stretched("vllm"));
        assert_eq!(cut_stretches("goooood", 2), "good");
        assert_eq!(cut_stretches("hiiii", 1), "hi");
        assert_eq!(cut_stretches("loraaaa111", 1), "lora111");
        assert_eq!(
            cut_stretches("求求了～～～ pleaaase", 1),
            "求求了～～～ please"
        );
    }

    #[test]
    fn words_in_capitals_are_acronyms_and_names_unless_the_message_shouts() {
        assert_eq!(capitalised("新手求问 RAG 到底是个啥"), ["rag"]);
        assert_eq!(capitalised("ZeRO vs MoE, and rope? Ok"), ["zero", "moe"]);
        assert!(capitalised("WHY IS MY RAG SO SLOW").is_empty());
    }

    #[test]
    fn the_radical_sign_is_sqrt() {
        assert_eq!(normalise("QK^T/√d"), "qk t sqrt d");
        assert_eq!(normalise("除以√d"), "除以 sqrt d");
    }

    #[test]
    fn one_letter_is_a_symbol() {
        for word in ["n", "x", "β", "α", "ω"] {
            assert!(is_symbol(word), "{word}");
        }
        for word in ["", "nn", "7", "量", "w0x", "β2"] {
            assert!(!is_symbol(word), "{word}");
        }
    }

    #[test]
    fn latin_words_are_rewritten_whole() {
        let fix = |w: &str| (w == "ncll").then_some("nccl");
        assert_eq!(
            rewrite_latin_words("ncll 卡住了, ncll2 ncll", fix).as_deref(),
            Some("nccl 卡住了, ncll2 nccl")
        );
        assert_eq!(rewrite_latin_words("没有 slip", fix), None);
    }

    #[test]
    fn model_sizes_are_digits_and_a_unit() {
        for size in ["7b", "65b", "1.5b", "350m"] {
            assert!(is_model_size(size), "{size}");
        }
        for word in ["b", "7", "bb", "7.b", ".5b", "v7b", "7gb"] {
            assert!(!is_model_size(word), "{word}");
        }
    }

    /// What [`normalise`] made of ASCII text before [`already_normal`] let some of it through.
    fn folded_in_full(text: &str) -> String {
        let mut out = String::new();
        push_folded(&mut out, spelled(text).chars());
        sizes(out)
    }

    #[test]
    fn text_already_normal_is_what_folding_makes_of_it() {
        let catalogue = crate::Catalogue::shipped().unwrap();
        let phrases = catalogue.paraphrases().iter().flat_map(|p| {
            p.groups()
                .flat_map(|g| g.map(str::to_owned).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        });
        let cues = catalogue.senses().iter().flat_map(|s| s.cues.clone());
        let mut seen = 0;
        for text in phrases.chain(cues).chain(
            [
                "q k v",
                "plan a b test",
                "r d m a",
                "k v cache",
                "7 billion",
                "fp16",
                "a",
                "x",
                "lora tutorial",
                "c",
                "1 2 3",
            ]
            .map(str::to_owned),
        ) {
            if already_normal(&text) {
                seen += 1;
                assert_eq!(folded_in_full(&text), text, "{text}");
            }
        }
        assert!(seen > 5_000, "{seen}");
        for text in [
            "q k v",
            "r d m a",
            "7 billion",
            "LoRA",
            "lora  tutorial",
            " lora",
            "c++",
        ] {
            assert!(!already_normal(text), "{text}");
        }
    }

    #[test]
    fn counts_in_any_script() {
        for count in [
            "7",
            "five",
            "六十",
            "四条",
            "几次",
            "两条",
            "十点",
            "七十亿",
        ] {
            assert!(is_count(count), "{count}");
        }
        for word in [
            "",
            "seventh",
            "百川",
            "十分",
            "千问",
            "二次元",
            "条",
            "一致",
        ] {
            assert!(!is_count(word), "{word}");
        }
    }

    #[test]
    fn plain_ideographs_take_a_short_way_to_the_same_place() {
        let catalogue = include_str!("../../data/catalogue.toml");
        let mut plain = 0;
        let written = catalogue
            .split(['"', '|', '\n', ' ', ',', '，', '、', '。'])
            .chain([
                "七位",
                "训",
                "培训",
                "八位整数",
                "七十亿参数",
                "千亿",
                "二十亿",
                "一训",
            ])
            .filter(|t| !t.is_empty() && t.chars().all(is_plain_ideograph));
        for text in written {
            plain += 1;
            assert_eq!(normalise(text), composed_and_folded(text), "{text}");
        }
        assert!(plain > 5_000, "{plain}");
        assert!(!is_plain_ideograph('訓'), "t2s changes it");
        assert!(!is_plain_ideograph('\u{F900}'), "NFKC changes it");
        assert!(!is_plain_ideograph('a'));
    }

    #[test]
    fn bit_widths_in_chinese_numerals() {
        assert_eq!(normalise("十六位浮点"), "16bit浮点");
        assert_eq!(normalise("三十二位的主权重"), "32bit的主权重");
        assert_eq!(normalise("四位量化"), "4bit量化");
        assert_eq!(normalise("三位老师"), "三位老师");
        assert_eq!(normalise("第八位量化"), "第八位量化");
        assert_eq!(normalise("十位小数"), "十位小数");
    }

    #[test]
    fn full_width_folds_to_ascii() {
        assert_eq!(normalise("ｍｅｇａｔｒｏｎ"), "megatron");
        assert_eq!(normalise("ｖＬＬＭ　教程"), "vllm 教程");
    }

    #[test]
    fn a_text_normalised_again_gives_its_own_result() {
        // The last result is kept for the next call with the same text; another text must not
        // get it.
        for _ in 0..2 {
            assert_eq!(normalise("分佈式訓練"), "分布式训练");
            assert_eq!(normalise("分佈式訓練"), "分布式训练");
            assert_eq!(normalise("ｖＬＬＭ　教程"), "vllm 教程");
        }
    }

    #[test]
    fn model_sizes_in_words_become_the_size_in_names() {
        assert_eq!(normalise("七十亿参数的模型"), "7b 参数的模型");
        assert_eq!(normalise("一个一百三十亿参数"), "一个 13b 参数");
        assert_eq!(normalise("70亿"), "7b");
        assert_eq!(normalise("千亿参数"), "100b 参数");
        assert_eq!(
            normalise("update all 7 billion weights"),
            "update all 7b weights"
        );
        assert_eq!(normalise("Seven billion parameters"), "7b parameters");
        // Rough counts and fractions of a billion stay as typed.
        assert_eq!(normalise("几十亿参数"), "几十亿参数");
        assert_eq!(normalise("15亿"), "15亿");
        assert_eq!(normalise("一万亿"), "一万亿");
        assert_eq!(
            normalise("billion dollar question"),
            "billion dollar question"
        );
    }

    #[test]
    fn traditional_becomes_simplified() {
        assert_eq!(normalise("分佈式訓練"), "分布式训练");
        assert_eq!(normalise("量化與剪枝"), "量化与剪枝");
        // Characters that only change inside a phrase: 瞭 alone stays 瞭.
        assert_eq!(normalise("明瞭"), "明了");
        assert_eq!(normalise("反覆訓練"), "反复训练");
    }

    #[test]
    fn taiwan_words_are_the_mainland_words() {
        assert_eq!(normalise("記憶體不夠"), "内存不够");
        assert_eq!(normalise("分散式訓練"), "分布式训练");
        assert_eq!(normalise("叢集的頻寬"), "集群的带宽");
        // 資料 asks for material, unless what follows makes it data.
        assert_eq!(normalise("有沒有 LoRA 的資料"), "有没有 lora 的资料");
        assert_eq!(normalise("資料並行"), "数据并行");
        assert_eq!(normalise("資料集"), "数据集");
        assert_eq!(
            normalise("訓練資料集的向量和資料"),
            "训练数据集的向量和资料"
        );
        // 向量 and 核心 keep their sense.
        assert_eq!(normalise("詞向量的核心"), "词向量的核心");
        // Cantonese's 嗰 stays as Hong Kong and the mainland both write it.
        assert_eq!(normalise("backward 嗰陣"), "backward 嗰阵");
        assert_eq!(normalise("嗰個"), "嗰个");
    }

    #[test]
    fn written_cantonese_is_read_in_mandarin_words() {
        assert_eq!(
            normalise("之前啲字計過嘅嘢存低唔使再計"),
            "之前啲字算过的东西存下不用再算"
        );
        // Without a character only Cantonese writes, 计 and the rest are Mandarin's.
        assert_eq!(normalise("统计过程再计一次"), "统计过程再计一次");
        assert_eq!(normalise("設計"), "设计");
    }

    #[test]
    fn the_list_of_characters_t2s_changes_is_complete() {
        // Against the converter itself, character by character: one it changes but the list
        // lacks would be left traditional in a text with no other listed character. (The
        // list comes from the dictionaries; regenerate it with tools/t2s/changes.py.)
        // The list is of what t2s changes, which marks traditional script; such text is then
        // converted as Taiwan's ([`tw2sp`]), and the variants tw2sp alone changes (著, 么) are
        // left to it.
        let conv = OpenCC::from_config(BuiltinConfig::T2s).expect("the converter loads");
        let ranges = [
            '\u{3400}'..='\u{4DBF}',
            '\u{4E00}'..='\u{9FFF}',
            '\u{F900}'..='\u{FAFF}',
            '\u{20000}'..='\u{2FA1F}',
        ];
        let missing: Vec<char> = ranges
            .into_iter()
            .flatten()
            .filter(|&c| {
                !t2s_may_change(c) && conv.convert(c.encode_utf8(&mut [0; 4])) != c.to_string()
            })
            .collect();
        assert!(
            missing.is_empty(),
            "t2s changes {missing:?}, which data/t2s-changes.txt lacks"
        );
        assert!(t2s_may_change('訓') && !t2s_may_change('训') && !t2s_may_change('a'));
    }

    #[test]
    fn the_characters_composed_without_nfkc_are_as_nfkc_makes_them() {
        let ranges = [
            '\u{0}'..='\u{7F}',
            '\u{4E00}'..='\u{9FFF}',
            '\u{3400}'..='\u{4DBF}',
            '\u{3000}'..='\u{3011}',
            '\u{2014}'..='\u{201D}',
            '\u{B7}'..='\u{B7}',
            '\u{FF01}'..='\u{FF5E}',
        ];
        for c in ranges.into_iter().flatten() {
            let nfkc: String = c.to_string().nfkc().collect();
            if nfkc_leaves(c) {
                assert_eq!(nfkc, c.to_string(), "{c:?}");
            }
            if let Some(folded) = full_width(c) {
                assert_eq!(nfkc, folded.to_string(), "{c:?}");
            }
        }
        for text in [
            "ｖＬＬＭ　教程",
            "分布式训练，怎么入门？",
            "a\u{301} ｌｏｒａ",
            "①号",
        ] {
            assert_eq!(composed(text), text.nfkc().collect::<String>(), "{text}");
        }
    }

    #[test]
    fn a_character_only_a_phrase_changes_is_converted_with_the_phrase() {
        // 么 changes only in 么麼 (→ 幺麽), whose 麼 changes on its own; so 么 is not listed,
        // and the questions that hold 怎么 or 什么 skip the conversion.
        let conv = tw2sp().expect("the converter loads");
        assert!(!t2s_may_change('么') && t2s_may_change('麼'));
        for text in ["么麼", "怎么量化", "什么是量化", "俱乐部", "彷彿"] {
            assert_eq!(normalise(text), simplified(conv, text), "{text}");
        }
    }

    #[test]
    fn punctuation_and_spaces_fold() {
        assert_eq!(normalise("  LoRA，教程!!  "), "lora 教程");
        assert_eq!(normalise("llama.cpp"), "llama cpp");
        assert_eq!(normalise("Megatron-LM"), "megatron lm");
        assert_eq!(normalise("\u{202E}lora\u{200B}\u{0007}"), "lora");
        assert_eq!(normalise("🚀🚀"), "");
    }

    #[test]
    fn chinese_bit_widths_take_the_latin_unit() {
        assert_eq!(normalise("16位浮点"), "16bit浮点");
        assert_eq!(normalise("用 4 位量化"), "用 4bit量化");
        assert_eq!(normalise("8比特"), "8bit");
        // Only after a number: elsewhere the characters keep their own meaning.
        assert_eq!(normalise("各位 比特币"), "各位 比特币");
    }

    #[test]
    fn xun_alone_is_shorthand_for_training() {
        assert_eq!(
            normalise("几台机器一起训一个模型"),
            "几台机器一起训练一个模型"
        );
        assert_eq!(normalise("隔壁组训得比我快"), "隔壁组训练得比我快");
        assert_eq!(normalise("训练好的模型"), "训练好的模型");
        // Inside another word 训 keeps its own meaning.
        for text in ["公司培训", "吸取教训", "被领导训话", "军训"] {
            assert_eq!(normalise(text), text);
        }
    }

    #[test]
    fn a_name_with_plus_plus_is_its_own() {
        assert_eq!(normalise("a single C++ binary"), "a single cpp binary");
        assert_eq!(normalise("用C++写的"), "用cpp写的");
        assert_eq!(normalise("ＺｅＲＯ＋＋是什么"), "zeropp是什么");
        // Pluses that follow no name, or stand alone, are punctuation.
        assert_eq!(normalise("c + + c+ ++ 加++"), "c c 加");
    }

    #[test]
    fn a_site_called_by_its_nickname_is_its_name() {
        assert_eq!(normalise("B站有没有李沐的课"), "bilibili有没有李沐的课");
        assert_eq!(normalise("看看b站 上的视频"), "看看bilibili 上的视频");
        assert_eq!(normalise("abb站"), "abb站");
    }

    #[test]
    fn names_spelled_letter_by_letter_are_words() {
        assert_eq!(normalise("R D M A 是啥"), "rdma 是啥");
        assert_eq!(normalise("V L L M部署"), "vllm部署");
        assert_eq!(normalise("what is A I"), "what is ai");
        assert_eq!(normalise("Ｋ Ｖ cache"), "kv cache");
        assert_eq!(normalise("Q、K、V 的机制"), "qkv 的机制");
        assert_eq!(normalise("honestly Q, K, V still"), "honestly qkv still");
        assert_eq!(spelled("steps a, b, c"), "steps a, b, c");
        assert_eq!(spelled("plan A, then B"), "plan A, then B");
        assert_eq!(normalise("I/O优化"), "io优化");
        assert_eq!(normalise("k-d tree"), "kd tree");
        // English words stay apart, and so do letters that punctuation separates.
        assert_eq!(normalise("plan a b test"), "plan a b test");
        assert_eq!(normalise("can i c it"), "can i c it");
        assert_eq!(normalise("c + + c+ ++ 加++"), "c c 加");
        assert_eq!(normalise("Megatron-LM"), "megatron lm");
        assert_eq!(normalise("C/C++写的"), "c cpp写的");
    }

    #[test]
    fn digits_said_beside_letters_are_digits() {
        assert_eq!(normalise("七B的模型"), "7b的模型");
        assert_eq!(normalise("K八S部署"), "k8s部署");
        assert_eq!(normalise("ChatGLM三在华为卡上"), "chatglm3在华为卡上");
        assert_eq!(normalise("zero三"), "zero3");
        assert_eq!(normalise("七十B"), "70b");
        // Counts stay counts.
        assert_eq!(normalise("vllm三个参数"), "vllm三个参数");
        assert_eq!(normalise("LoRA一下"), "lora一下");
        assert_eq!(normalise("看一B站视频"), "看一bilibili视频");
        assert_eq!(normalise("三张卡"), "三张卡");
    }

    #[test]
    fn contractions_typed_without_the_apostrophe_have_it() {
        assert_eq!(
            normalise("model wont fit on one card"),
            "model won t fit on one card"
        );
        assert_eq!(normalise("it DOESNT work"), normalise("it doesn't work"));
        assert_eq!(normalise("cant fit 显存"), normalise("can't fit 显存"));
        assert_eq!(normalise("wonton soup"), "wonton soup");
        assert_eq!(normalise("wat can u do"), "what can you do");
        assert_eq!(normalise("how2 use this"), "how to use this");
    }

    #[test]
    fn case_folds() {
        assert_eq!(normalise("FlashAttention V2"), "flashattention v2");
    }
}
