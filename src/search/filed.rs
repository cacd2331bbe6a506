//! Strings filed by how they start, to find which of many occur in a text without trying
//! each one: the Chinese spellings of the catalogue's senses, each sense's cues, and the
//! phrases of its paraphrases; and such strings kept in one buffer ([`Strings`]).

use foldhash::fast::FixedState;
use foldhash::{HashMap, HashMapExt};
use std::hash::{BuildHasher, Hash};
use std::ops::Range;

/// Items (indices into the caller's strings) filed by a key, those of one key side by side:
/// one allocation for all, not one a key.
#[derive(Debug)]
pub(super) struct Filed<K> {
    runs: HashMap<K, Range<usize>>,
    items: Vec<usize>,
}

impl<K: Copy + Ord + Hash> Filed<K> {
    /// Files items by their keys; items of one key keep the order they are given in.
    pub(super) fn new(mut keyed: Vec<(K, usize)>) -> Filed<K> {
        keyed.sort_by_key(|&(key, _)| key);
        let mut runs = HashMap::new();
        let mut at = 0;
        for run in keyed.chunk_by(|a, b| a.0 == b.0) {
            runs.insert(run[0].0, at..at + run.len());
            at += run.len();
        }
        runs.shrink_to_fit();
        Filed {
            runs,
            items: keyed.into_iter().map(|(_, item)| item).collect(),
        }
    }

    /// The items filed under `key`.
    pub(super) fn get(&self, key: K) -> &[usize] {
        self.runs
            .get(&key)
            .map_or(&[][..], |run| &self.items[run.clone()])
    }
}

impl<K> Default for Filed<K> {
    fn default() -> Filed<K> {
        Filed {
            runs: HashMap::new(),
            items: Vec::new(),
        }
    }
}

/// The key a Latin phrase is filed under: a hash of its first word, or of its first two. Two
/// keys may collide; the caller compares the phrase in full anyway.
pub(super) fn latin_key(first: &str, second: Option<&str>) -> u64 {
    FixedState::default().hash_one((first, second))
}

/// How a string matched anywhere in a text is filed: its first two characters, or its one.
/// Filed by the first alone, a message's 不, 一 or 多 each tried over a hundred paraphrase
/// phrases.
pub(super) type Start = (char, Option<char>);

/// How `text` starts ([`Start`]); `None` for empty text.
pub(super) fn start_of(text: &str) -> Option<Start> {
    let mut chars = text.chars();
    Some((chars.next()?, chars.next()))
}

/// Items filed by their [`Start`], with a bitmap of the characters they start with: most
/// characters of a message start none of them, and the bitmap says so without two hash
/// look-ups.
#[derive(Debug)]
pub(super) struct ByStart {
    filed: Filed<Start>,
    /// One bit for each class of characters (a character's code modulo [`CLASSES`]): set when
    /// an item starts with a character of the class.
    firsts: Box<[u64]>,
}

/// How many classes of characters [`ByStart`] tells apart: enough that the few hundred
/// characters the catalogue's phrases start with leave most others clear.
const CLASSES: usize = 4096;

impl ByStart {
    /// Files items by their starts.
    pub(super) fn new(keyed: Vec<(Start, usize)>) -> ByStart {
        let mut firsts = vec![0u64; CLASSES / 64].into_boxed_slice();
        for &((first, _), _) in &keyed {
            let class = class(first);
            firsts[class / 64] |= 1 << (class % 64);
        }
        ByStart {
            filed: Filed::new(keyed),
            firsts,
        }
    }

    /// Whether an item may start with `c`; `false` is certain.
    fn may_start(&self, c: char) -> bool {
        let class = class(c);
        self.firsts[class / 64] >> (class % 64) & 1 == 1
    }

    /// The items filed under `key`.
    pub(super) fn get(&self, key: Start) -> &[usize] {
        self.filed.get(key)
    }
}

impl Default for ByStart {
    fn default() -> ByStart {
        ByStart::new(Vec::new())
    }
}

fn class(c: char) -> usize {
    c as usize % CLASSES
}

/// The items filed by their [`Start`] that may start at each character of `text`, each with
/// the text from that character on, for the caller to test `starts_with` against its own
/// string: a bit test a character, and two hash look-ups where it passes, instead of a scan
/// of every string.
pub(super) fn starting_in<'a>(
    text: &'a str,
    filed: &'a ByStart,
) -> impl Iterator<Item = (&'a str, usize)> {
    let starts = text.char_indices().filter(|&(_, c)| filed.may_start(c));
    starts.flat_map(move |(at, c)| {
        let rest = &text[at..];
        let next = rest.chars().nth(1);
        [Some((c, None)), next.map(|n| (c, Some(n)))]
            .into_iter()
            .flatten()
            .flat_map(move |key| filed.get(key).iter().map(move |&item| (rest, item)))
    })
}

/// Strings kept one after another in one buffer, each found by where it ends: one allocation
/// for all of them rather than one each.
#[derive(Debug, Default)]
pub(super) struct Strings {
    text: String,
    ends: Vec<usize>,
}

impl Strings {
    /// The strings given, in one buffer of exactly their size.
    pub(super) fn of<'s>(strings: impl IntoIterator<Item = &'s str>) -> Strings {
        let mut all = Strings::default();
        for s in strings {
            all.push(s);
        }
        all.shrink_to_fit();
        all
    }

    pub(super) fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends.push(self.text.len());
    }

    /// The `i`th string.
    pub(super) fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub(super) fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_found_wherever_they_may_start() {
        let strings = ["剪", "剪枝", "权重", "枝"];
        let filed = ByStart::new(
            strings
                .iter()
                .enumerate()
                .map(|(i, s)| (start_of(s).unwrap(), i))
                .collect(),
        );
        let mut found: Vec<&str> = starting_in("把权重剪枝", &filed)
            .filter(|&(rest, i)| rest.starts_with(strings[i]))
            .map(|(_, i)| strings[i])
            .collect();
        found.sort_unstable();
        assert_eq!(found, ["剪", "剪枝", "权重", "枝"]);
        assert_eq!(starting_in("权", &filed).count(), 0);
        assert!(filed.get(('x', None)).is_empty());
        assert!(filed.may_start('剪') && !filed.may_start('x'));
    }

    #[test]
    fn strings_in_one_buffer_come_back_as_given() {
        let strings = Strings::of(["量化", "", "kv cache"]);
        assert_eq!(strings.len(), 3);
        assert_eq!(
            (0..3).map(|i| strings.get(i)).collect::<Vec<_>>(),
            ["量化", "", "kv cache"]
        );
        assert!(Strings::of([]).is_empty());
    }
}
