//! Typo look-up: which of the catalogue's Latin terms a typed word is one or two slips from.
//!
//! A slip is an inserted, a missing or a wrong letter, or two neighbouring letters swapped
//! (the optimal string alignment distance, as [`strsim::osa_distance`] counts it). A word
//! `k` slips from a term differs from it in length by at most `k` letters, and the terms are
//! few (about 3,600 in the shipped catalogue), so the terms are kept in lists by length and
//! only the lists of nearby lengths are read, each term through a bound that costs one pass
//! before any exact distance. This replaced a Levenshtein automaton walking an fst of the
//! terms: building the automaton for every typed word, then walking it, took about a sixth of
//! all answering time (measured: `docs/history.md`, "The stop after round 61's").

/// The Latin terms by length, for [`Typos::candidates`]; `Id` is how the caller names a term
/// (the index's term id).
#[derive(Debug)]
pub struct Typos<Id> {
    /// Term ids by length in characters; each list in the terms' byte order.
    by_len: Vec<Vec<Id>>,
}

impl<Id: Copy> Typos<Id> {
    /// Files `terms`, given in byte order, under their lengths.
    pub fn new<'a>(terms: impl IntoIterator<Item = (Id, &'a str)>) -> Self {
        let mut by_len: Vec<Vec<Id>> = Vec::new();
        for (id, text) in terms {
            let len = text.chars().count();
            if by_len.len() <= len {
                by_len.resize_with(len + 1, Vec::new);
            }
            by_len[len].push(id);
        }
        Typos { by_len }
    }

    /// The terms one to `slips` slips from `typed` (never the word itself) with their slips,
    /// `text` giving a term's text. With `anchored`, only terms that start with the typed word's
    /// first letter. In byte order of the terms, length by length.
    pub fn candidates<'t>(
        &self,
        typed: &str,
        slips: u8,
        anchored: bool,
        text: impl Fn(Id) -> &'t str,
    ) -> Vec<(Id, u8)> {
        let Some(first) = typed.chars().next() else {
            return Vec::new();
        };
        let typed_chars: Vec<char> = typed.chars().collect();
        let len = typed_chars.len();
        let lens = len.saturating_sub(usize::from(slips))..=len + usize::from(slips);
        let mut buf = [0; 4];
        let first: &str = first.encode_utf8(&mut buf);
        let mut found = Vec::new();
        for list in lens.filter_map(|l| self.by_len.get(l)) {
            // A list is in byte order, so the terms that start with one letter lie together:
            // two binary searches find them instead of a test of every term.
            let list = if anchored {
                let from = list.partition_point(|&id| text(id) < first);
                let to = from + list[from..].partition_point(|&id| text(id).starts_with(first));
                &list[from..to]
            } else {
                list.as_slice()
            };
            for &id in list {
                let term = text(id);
                if let Some(d) = slips_between(&typed_chars, typed, term, slips) {
                    found.push((id, d));
                }
            }
        }
        found
    }
}

/// The slips between `typed` (also given as `typed_chars`) and `term`, if one to `max`.
fn slips_between(typed_chars: &[char], typed: &str, term: &str, max: u8) -> Option<u8> {
    if max == 1 {
        let one = if typed.is_ascii() && term.is_ascii() {
            one_slip(typed.as_bytes(), term.as_bytes())
        } else {
            let term: Vec<char> = term.chars().collect();
            one_slip(typed_chars, &term)
        };
        return one.then_some(1);
    }
    if letters_apart(typed, term) > usize::from(max) {
        return None;
    }
    let d = strsim::osa_distance(typed, term);
    u8::try_from(d).ok().filter(|&d| (1..=max).contains(&d))
}

/// Whether `a` and `b` are exactly one slip apart, in one pass: past their common start,
/// the rest must agree after one letter is skipped in the longer, or (equal lengths) after
/// one letter is replaced or two neighbours are swapped.
fn one_slip<T: Eq>(a: &[T], b: &[T]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // One slip leaves the first letter or the last in place (but for two letters swapped in
    // a word of two): a test of two letters turns most terms away before any slice compare.
    if short.len() >= 3 && short[0] != long[0] && short.last() != long.last() {
        return false;
    }
    let at = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    match long.len() - short.len() {
        0 if at == short.len() => false,
        0 => {
            short[at + 1..] == long[at + 1..]
                || (at + 1 < short.len()
                    && short[at] == long[at + 1]
                    && short[at + 1] == long[at]
                    && short[at + 2..] == long[at + 2..])
        }
        1 => short[at..] == long[at + 1..],
        _ => false,
    }
}

/// A lower bound on the slips between two words: each slip adds at most one letter the other
/// word lacks and removes at most one, so the words' letters that the other lacks (counted
/// with repeats) are never more than the slips. Letters outside ASCII count as lacking in a
/// term, which is ASCII.
fn letters_apart(typed: &str, term: &str) -> usize {
    let mut count = [0i16; 128];
    let mut foreign = 0;
    for c in typed.chars() {
        match usize::try_from(u32::from(c)) {
            Ok(i) if i < 128 => count[i] += 1,
            _ => foreign += 1,
        }
    }
    for b in term.bytes() {
        if let Some(n) = count.get_mut(usize::from(b)) {
            *n -= 1;
        }
    }
    let (mut typed_only, mut term_only) = (foreign, 0);
    for n in count {
        if n > 0 {
            typed_only += n as usize;
        } else {
            term_only += n.unsigned_abs() as usize;
        }
    }
    typed_only.max(term_only)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typos(words: &[&'static str]) -> (Typos<usize>, Vec<&'static str>) {
        let mut words = words.to_vec();
        words.sort_unstable();
        let typos = Typos::new(words.iter().enumerate().map(|(i, w)| (i, *w)));
        (typos, words)
    }

    fn found(words: &[&'static str], typed: &str, slips: u8, anchored: bool) -> Vec<&'static str> {
        let (typos, words) = typos(words);
        typos
            .candidates(typed, slips, anchored, |id| words[id])
            .into_iter()
            .map(|(id, _)| words[id])
            .collect()
    }

    #[test]
    fn one_slip_of_each_kind() {
        let terms = ["megatron", "deepspeed", "lora", "qlora", "vllm"];
        assert_eq!(found(&terms, "megatorn", 1, false), ["megatron"]);
        assert_eq!(found(&terms, "deepseed", 1, false), ["deepspeed"]);
        assert_eq!(found(&terms, "deepspeeed", 1, false), ["deepspeed"]);
        assert_eq!(found(&terms, "megatrom", 1, false), ["megatron"]);
        assert_eq!(found(&terms, "vlm", 1, false), ["vllm"]);
        // The word itself is no slip, and "lora" is one from "qlora" but not from "vllm".
        assert_eq!(found(&terms, "lora", 1, false), ["qlora"]);
    }

    #[test]
    fn two_slips_keep_the_first_letter_when_anchored() {
        let terms = ["sensor", "tensor", "transformer"];
        // x for t and a swap: two slips from "tensor", two from "sensor".
        assert_eq!(found(&terms, "xensro", 2, false), ["sensor", "tensor"]);
        assert!(found(&terms, "xensro", 2, true).is_empty());
        // One slip from "tensor", two from "sensor", which starts with another letter.
        assert_eq!(found(&terms, "tensro", 2, true), ["tensor"]);
        assert_eq!(found(&terms, "tarnsfromer", 2, true), ["transformer"]);
        assert!(found(&terms, "tensor", 2, true).is_empty());
    }

    #[test]
    fn letters_outside_ascii_are_slips_too() {
        let terms = ["cafe", "naive"];
        assert_eq!(found(&terms, "café", 1, false), ["cafe"]);
        assert_eq!(found(&terms, "naïve", 1, false), ["naive"]);
        assert!(found(&terms, "ñaïve", 1, false).is_empty());
    }

    /// The one-pass check and the bound agree with the full distance on every pair of a set
    /// of words near one another.
    #[test]
    fn fast_checks_agree_with_the_full_distance() {
        let words = [
            "", "a", "ab", "ba", "abc", "acb", "bac", "abcd", "abdc", "acbd", "lora", "qlora",
            "lroa", "loar", "olra", "vllm", "vlm", "vllmm", "llvm", "megatron", "megatorn",
            "mgeatron", "megatrno", "megaton", "café", "cafe", "caf", "ça", "xbc", "abx", "bcd",
            "xabc", "abcx", "bca", "cab", "dbca", "xbcd", "abcy",
        ];
        for a in words {
            let a_chars: Vec<char> = a.chars().collect();
            for b in words {
                let full = strsim::osa_distance(a, b);
                let b_chars: Vec<char> = b.chars().collect();
                assert_eq!(one_slip(&a_chars, &b_chars), full == 1, "{a} {b}");
                if b.is_ascii() {
                    assert!(letters_apart(a, b) <= full, "{a} {b}");
                    for max in 1..=2u8 {
                        let want = (1..=usize::from(max)).contains(&full).then_some(full as u8);
                        assert_eq!(slips_between(&a_chars, a, b, max), want, "{a} {b} {max}");
                    }
                }
            }
        }
    }

    /// The anchored look-up, which reads only the terms under the first letter, finds what a
    /// test of every term would: the terms of the unanchored look-up that start with it.
    #[test]
    fn anchored_finds_what_a_test_of_every_term_would() {
        let terms = [
            "abc",
            "abd",
            "bbc",
            "bcd",
            "cab",
            "cbd",
            "tensor",
            "tenser",
            "sensor",
            "tensro",
            "transformer",
            "café",
            "çafe",
            "cafe",
            "zzz",
            "zab",
        ];
        let typed_words = [
            "abc", "bbd", "cbc", "tensor", "xensor", "cafë", "çafé", "zbz", "ab",
        ];
        for typed in typed_words {
            let first = typed.chars().next().unwrap_or_default();
            let mut every: Vec<_> = found(&terms, typed, 2, false);
            every.retain(|t| t.starts_with(first));
            assert_eq!(found(&terms, typed, 2, true), every, "{typed}");
        }
    }
}
