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

/// The items filed by their [`Start`] that may start at each character of `text`, each with
/// the text from that character on, for the caller to test `starts_with` against its own
/// string: two hash look-ups a character instead of a scan of every string.
pub(super) fn starting_in<'a>(
    text: &'a str,
    filed: &'a Filed<Start>,
) -> impl Iterator<Item = (&'a str, usize)> {
    text.char_indices().flat_map(move |(at, c)| {
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
        let filed = Filed::new(
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
