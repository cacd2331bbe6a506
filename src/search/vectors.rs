//! Static word vectors for the semantic layer, read in place from the embedded table.
//!
//! `data/semantic/vectors.bin` holds one int8 vector per word (Chinese words and characters,
//! English words, every catalogue term), distilled offline from a multilingual sentence
//! encoder by `tools/distill/` (see `data/semantic/manifest.toml` for what went in). A text's
//! vector is the weighted sum of its words' vectors, so the words of "训练时总是显存溢出" and
//! "GPU memory optimisation" land near each other without running a model at query time.
//!
//! The file is little-endian and laid out so that nothing is parsed or copied:
//!
//! ```text
//! 0   [u8; 8]   magic b"GHVEC\0\0\x01" (format version in the last byte)
//! 8   u32       N words
//! 12  u32       D dimensions
//! 16  u32       B bytes of the word blob
//! 20  u32       0 (reserved)
//! 24  f32[N]    scale per row (value = int8 * scale)
//!     f32[N]    weight per word
//!     u32[N+1]  offset of each word in the blob (offsets[N] == B)
//!     u8[B]     the words, UTF-8, unique, sorted bytewise
//!     i8[N*D]   the rows
//! ```
//!
//! The embedded bytes have alignment 1, so numbers are read with `from_le_bytes`, never by
//! casting pointers. Everything is validated once; afterwards lookups index without checks
//! that could fail.

use std::sync::OnceLock;

use thiserror::Error;

/// The table shipped in the binary.
static SHIPPED: &[u8] = include_bytes!("../../data/semantic/vectors.bin");

const MAGIC: &[u8; 8] = b"GHVEC\x00\x00\x01";
const HEADER: usize = 24;
/// Two-byte prefixes a word can start with (see `Vectors::starts`).
const BUCKETS: usize = 1 << 16;

/// What is wrong with a vectors file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum VectorsError {
    /// The file is shorter than its header.
    #[error("vectors file is {len} bytes, shorter than its 24-byte header")]
    TooShort {
        /// The file's length.
        len: usize,
    },
    /// Not a vectors file, or a format version this build does not read.
    #[error("vectors file has a bad magic number or an unsupported format version")]
    BadMagic,
    /// The header's reserved field is not zero.
    #[error("vectors file header has a non-zero reserved field")]
    Reserved,
    /// The file's length does not match what its header announces.
    #[error(
        "vectors file is {actual} bytes, but its header ({words} words, {dims} dims, {blob} blob bytes) needs {expected}"
    )]
    Size {
        /// Words in the header.
        words: u32,
        /// Dimensions in the header.
        dims: u32,
        /// Word blob bytes in the header.
        blob: u32,
        /// The length the header implies.
        expected: u64,
        /// The actual length.
        actual: usize,
    },
    /// The header announces vectors of no dimensions.
    #[error("vectors file has zero dimensions")]
    NoDims,
    /// A word's offset is out of order or out of bounds.
    #[error(
        "vectors file word offsets must rise strictly from 0 to the blob length; word {index} breaks that"
    )]
    Offsets {
        /// The first word in error.
        index: usize,
    },
    /// A word is not UTF-8.
    #[error("vectors file word {index} is not valid UTF-8")]
    Utf8 {
        /// The first word in error.
        index: usize,
    },
    /// The words are not unique and sorted, so look-ups would miss.
    #[error("vectors file words must be unique and sorted bytewise; word {index} is not")]
    Order {
        /// The first word in error.
        index: usize,
    },
    /// A scale or weight is NaN or infinite.
    #[error("vectors file has a non-finite scale or weight for word {index}")]
    NotFinite {
        /// The first word in error.
        index: usize,
    },
}

/// Index of a word in the table. Only [`Vectors::find`] and [`Vectors::words`] make one, so
/// it is always in bounds for the table it came from (and only for that table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WordId(u32);

impl WordId {
    /// The position of the word in the table (words are sorted bytewise).
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A validated word-vector table over borrowed bytes.
#[derive(Debug, Clone)]
pub struct Vectors {
    len: usize,
    dims: usize,
    scales: &'static [u8],
    weights: &'static [u8],
    offsets: &'static [u8],
    blob: &'static [u8],
    rows: &'static [u8],
    longest_cjk: usize,
    max_weight: f32,
    /// Where the words starting with each two bytes begin: the words with first bytes
    /// `(a, b)` (`b` 0 for a one-byte word) are `starts[a·256 + b]..starts[a·256 + b + 1]`.
    /// A look-up searches that range, a few dozen words, instead of the whole table: the
    /// binary search's first steps were cache misses all over its 65,000 words.
    starts: Vec<u32>,
}

/// The bucket of `starts` a word (or any text) with these bytes falls in.
fn bucket(bytes: &[u8]) -> usize {
    match bytes {
        [] => 0,
        [a] => usize::from(*a) << 8,
        [a, b, ..] => usize::from(*a) << 8 | usize::from(*b),
    }
}

fn u32_at(bytes: &[u8], i: usize) -> u32 {
    let mut le = [0u8; 4];
    le.copy_from_slice(&bytes[4 * i..4 * i + 4]);
    u32::from_le_bytes(le)
}

fn f32_at(bytes: &[u8], i: usize) -> f32 {
    f32::from_bits(u32_at(bytes, i))
}

impl Vectors {
    /// Validates a table: magic, sizes, offsets, UTF-8, order, finite numbers.
    pub fn new(data: &'static [u8]) -> Result<Vectors, VectorsError> {
        if data.len() < HEADER {
            return Err(VectorsError::TooShort { len: data.len() });
        }
        if &data[..8] != MAGIC {
            return Err(VectorsError::BadMagic);
        }
        let words = u32_at(&data[8..], 0);
        let dims = u32_at(&data[8..], 1);
        let blob_len = u32_at(&data[8..], 2);
        if u32_at(&data[8..], 3) != 0 {
            return Err(VectorsError::Reserved);
        }
        if dims == 0 {
            return Err(VectorsError::NoDims);
        }
        let (n, d, b) = (u64::from(words), u64::from(dims), u64::from(blob_len));
        // u64 arithmetic: three u32 factors cannot overflow it.
        let expected = HEADER as u64 + 8 * n + 4 * (n + 1) + b + n * d;
        if expected != data.len() as u64 {
            return Err(VectorsError::Size {
                words,
                dims,
                blob: blob_len,
                expected,
                actual: data.len(),
            });
        }
        // The sizes are now known to fit in `data`, hence in usize.
        let (n, d, b) = (words as usize, dims as usize, blob_len as usize);
        let (scales, rest) = data[HEADER..].split_at(4 * n);
        let (weights, rest) = rest.split_at(4 * n);
        let (offsets, rest) = rest.split_at(4 * (n + 1));
        let (blob, rows) = rest.split_at(b);

        let mut longest_cjk = 0;
        let mut max_weight = f32::MIN_POSITIVE;
        let mut starts = Vec::with_capacity(BUCKETS + 1);
        let mut previous: Option<&[u8]> = None;
        let mut start = u32_at(offsets, 0) as usize;
        if start != 0 {
            return Err(VectorsError::Offsets { index: 0 });
        }
        for index in 0..n {
            let end = u32_at(offsets, index + 1) as usize;
            if end <= start || end > b {
                return Err(VectorsError::Offsets { index });
            }
            let bytes = &blob[start..end];
            let word = std::str::from_utf8(bytes).map_err(|_| VectorsError::Utf8 { index })?;
            if previous.is_some_and(|p| p >= bytes) {
                return Err(VectorsError::Order { index });
            }
            if !(f32_at(scales, index).is_finite() && f32_at(weights, index).is_finite()) {
                return Err(VectorsError::NotFinite { index });
            }
            max_weight = max_weight.max(f32_at(weights, index));
            if word.chars().all(super::normalise::is_cjk) {
                longest_cjk = longest_cjk.max(word.chars().count());
            }
            // Sorted bytewise, so buckets come in order; `index < n <= u32::MAX`.
            starts.resize(starts.len().max(bucket(bytes) + 1), index as u32);
            previous = Some(bytes);
            start = end;
        }
        if start != b {
            return Err(VectorsError::Offsets { index: n });
        }
        starts.resize(BUCKETS + 1, words);
        Ok(Vectors {
            len: n,
            dims: d,
            scales,
            weights,
            offsets,
            blob,
            rows,
            longest_cjk,
            max_weight,
            starts,
        })
    }

    /// The table embedded in the binary, validated once per process.
    pub fn shipped() -> Result<&'static Vectors, VectorsError> {
        static TABLE: OnceLock<Result<Vectors, VectorsError>> = OnceLock::new();
        TABLE
            .get_or_init(|| Vectors::new(SHIPPED))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The largest word weight in the table (at least `f32::MIN_POSITIVE`), found while
    /// validating, so that weights can be scaled to (0, 1] without another pass.
    pub fn max_weight(&self) -> f32 {
        self.max_weight
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the table has no words.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Dimensions of every vector.
    pub fn dims(&self) -> usize {
        self.dims
    }

    /// Looks a normalised word up (see [`super::normalise`]): binary search over the sorted
    /// blob.
    pub fn find(&self, word: &str) -> Option<WordId> {
        let target = word.as_bytes();
        let (lo, hi) = self.bucket_range(bucket(target), bucket(target) + 1);
        let at = lo + self.partition(lo, hi, |w| w < target);
        // `at < len <= u32::MAX`, as the header stores len in a u32.
        (at < self.len && self.bytes_of(at) == target).then_some(WordId(at as u32))
    }

    /// The longest word of the table that `text` starts with, at most `max_chars` characters
    /// long, with its length in bytes. The table is sorted, so the words starting with each
    /// longer prefix of `text` are a narrower range of it: the search stops as soon as no word
    /// starts with the prefix, usually after two or three characters, instead of looking up
    /// every length from the longest down.
    pub fn longest_prefix(&self, text: &str, max_chars: usize) -> Option<(usize, WordId)> {
        // Every word starting with the text's first character is in the bucket of its first
        // two bytes, or of its one byte: the buckets of all its possible second bytes.
        let (mut lo, mut hi) = match text.chars().next().map(char::len_utf8) {
            None => return None,
            Some(1) => {
                let first = bucket(&text.as_bytes()[..1]);
                self.bucket_range(first, first + 256)
            }
            Some(_) => self.bucket_range(bucket(text.as_bytes()), bucket(text.as_bytes()) + 1),
        };
        let mut best = None;
        let ends = text
            .char_indices()
            .skip(1)
            .map(|(b, _)| b)
            .chain([text.len()])
            .take(max_chars);
        for end in ends {
            let prefix = &text.as_bytes()[..end];
            lo += self.partition(lo, hi, |w| w < prefix);
            hi = lo + self.partition(lo, hi, |w| w.starts_with(prefix));
            if lo == hi {
                break;
            }
            if self.bytes_of(lo) == prefix {
                // `lo < len <= u32::MAX`, as the header stores len in a u32.
                best = Some((end, WordId(lo as u32)));
            }
        }
        best
    }

    /// The words of buckets `from..to` (`to <= BUCKETS`), as a range of word indices.
    fn bucket_range(&self, from: usize, to: usize) -> (usize, usize) {
        (self.starts[from] as usize, self.starts[to] as usize)
    }

    /// How many words of `lo..hi`, from the start, satisfy `pred` (which must hold for a
    /// leading run of the range and not after it).
    fn partition(&self, lo: usize, hi: usize, pred: impl Fn(&[u8]) -> bool) -> usize {
        let (mut a, mut b) = (lo, hi);
        while a < b {
            let mid = a + (b - a) / 2;
            if pred(self.bytes_of(mid)) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        a - lo
    }

    /// The word itself.
    pub fn word(&self, id: WordId) -> &'static str {
        // Validated as UTF-8 in `new`; an id from another table fails the bounds check of
        // `bytes_of` rather than reading garbage.
        std::str::from_utf8(self.bytes_of(id.index())).unwrap_or("")
    }

    /// The word's weight in a text's vector: large for rare words, small for common ones
    /// (w = max(0.05, 8 − zipf)²).
    pub fn weight(&self, id: WordId) -> f32 {
        f32_at(self.weights, id.index())
    }

    /// Adds `factor` times the word's dequantised vector to `acc`, which must have
    /// [`dims`](Self::dims) elements (extra elements are left alone, missing ones skipped).
    pub fn add_scaled(&self, id: WordId, factor: f32, acc: &mut [f32]) {
        let i = id.index();
        let k = factor * f32_at(self.scales, i);
        let row = &self.rows[i * self.dims..(i + 1) * self.dims];
        for (a, &q) in acc.iter_mut().zip(row) {
            *a += k * f32::from(q as i8);
        }
    }

    /// The word's dequantised vector.
    pub fn vector(&self, id: WordId) -> Vec<f32> {
        let mut v = vec![0.0; self.dims];
        self.add_scaled(id, 1.0, &mut v);
        v
    }

    /// Length in characters of the longest all-ideograph word, the longest match the
    /// segmenter needs to try.
    pub fn longest_cjk_word_chars(&self) -> usize {
        self.longest_cjk
    }

    /// Every word in table order.
    pub fn words(&self) -> impl Iterator<Item = (WordId, &'static str)> + '_ {
        // `len <= u32::MAX`, as the header stores it in a u32.
        (0..self.len).map(|i| (WordId(i as u32), self.word(WordId(i as u32))))
    }

    fn bytes_of(&self, i: usize) -> &'static [u8] {
        let start = u32_at(self.offsets, i) as usize;
        let end = u32_at(self.offsets, i + 1) as usize;
        &self.blob[start..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vector(table: &Vectors, word: &str) -> Vec<f32> {
        let id = table
            .find(word)
            .unwrap_or_else(|| panic!("{word} is in the table"));
        table.vector(id)
    }

    fn cosine(a: &[f32], b: &[f32]) -> f32 {
        let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
        let na: f32 = a.iter().map(|x| x * x).sum::<f32>().sqrt();
        let nb: f32 = b.iter().map(|x| x * x).sum::<f32>().sqrt();
        dot / (na * nb)
    }

    fn sim(table: &Vectors, a: &str, b: &str) -> f32 {
        cosine(&vector(table, a), &vector(table, b))
    }

    /// A small valid table: words in the given (sorted) order, rows of `dims` values.
    fn build(words: &[&str], dims: usize) -> Vec<u8> {
        let blob: Vec<u8> = words.iter().flat_map(|w| w.bytes()).collect();
        let mut out = MAGIC.to_vec();
        for v in [words.len(), dims, blob.len(), 0] {
            out.extend((v as u32).to_le_bytes());
        }
        for i in 0..words.len() {
            out.extend((0.5f32 + i as f32).to_le_bytes());
        }
        for i in 0..words.len() {
            out.extend((1.0f32 + i as f32).to_le_bytes());
        }
        let mut offset = 0u32;
        out.extend(offset.to_le_bytes());
        for w in words {
            offset += w.len() as u32;
            out.extend(offset.to_le_bytes());
        }
        out.extend(&blob);
        for i in 0..words.len() * dims {
            out.push((i % 7) as u8);
        }
        out
    }

    fn leak(bytes: Vec<u8>) -> &'static [u8] {
        Box::leak(bytes.into_boxed_slice())
    }

    #[test]
    fn every_word_is_found_in_its_bucket_and_nothing_else_is() {
        let table = Vectors::shipped().unwrap();
        for i in 0..table.len() {
            let id = WordId(i as u32);
            assert_eq!(table.find(table.word(id)), Some(id), "{}", table.word(id));
        }
        // Near misses of every kind of first character: one byte, two, three, four.
        for miss in [
            "",
            "aaaaaaaaaaz",
            "zzzzzzzzzzzz",
            "é",
            "ÿÿ",
            "龘龘龘",
            "𠀀𠀀",
            "\u{7f}",
        ] {
            assert_eq!(table.find(miss), None, "{miss}");
        }
        assert_eq!(table.longest_prefix("", 4), None);
    }

    #[test]
    fn longest_prefix_is_the_longest_word_found_by_trying_every_length() {
        let table = Vectors::shipped().unwrap();
        let brute = |text: &str, max: usize| {
            let ends: Vec<usize> = text.char_indices().skip(1).map(|(b, _)| b).collect();
            let ends = ends.into_iter().chain([text.len()]).take(max);
            // Every word compared, so that neither `find` nor the buckets are trusted here.
            let linear =
                |word: &str| (0..table.len()).find(|&i| table.bytes_of(i) == word.as_bytes());
            ends.filter_map(|e| linear(&text[..e]).map(|i| (e, WordId(i as u32))))
                .last()
        };
        for text in [
            "训练时模型太大一张卡放不下",
            "分布式训练框架",
            "量化",
            "龘龘",
            "",
            "的",
            "人工智能芯片",
            "llamafactory",
            "a",
            "bq",
            "8卡",
            "vllm部署",
            "ÿ",
        ] {
            for max in [1, 2, 4, table.longest_cjk_word_chars()] {
                assert_eq!(
                    table.longest_prefix(text, max),
                    brute(text, max),
                    "{text} {max}"
                );
            }
        }
        assert!(table.longest_prefix("分布式训练", 8).is_some());
    }

    #[test]
    fn shipped_table_validates() {
        let table = Vectors::shipped().unwrap();
        assert!(table.len() > 50_000, "{}", table.len());
        assert_eq!(table.dims(), 128);
        assert!(table.longest_cjk_word_chars() >= 4);
        let mut previous = "";
        for (id, word) in table.words().take(1000) {
            assert!(previous < word);
            assert_eq!(table.find(word), Some(id));
            previous = word;
        }
        let largest = table
            .words()
            .map(|(id, _)| table.weight(id))
            .fold(f32::MIN_POSITIVE, f32::max);
        assert_eq!(table.max_weight(), largest);
    }

    #[test]
    fn known_words_are_found() {
        let table = Vectors::shipped().unwrap();
        for word in [
            "显存",
            "量化",
            "训练",
            "memory",
            "gradient",
            "nccl",
            "flashattention",
        ] {
            let id = table.find(word).unwrap_or_else(|| panic!("{word}"));
            assert_eq!(table.word(id), word);
            assert!(table.weight(id) > 0.0);
        }
        assert_eq!(table.find("zzzznotaword"), None);
        assert_eq!(table.find(""), None);
        assert_eq!(table.find("Memory"), None, "keys are normalised");
        // Rare domain words weigh more than everyday ones.
        let w = |word| table.weight(table.find(word).unwrap());
        assert!(w("显存") > w("的"));
        assert!(w("gradient") > w("the"));
    }

    #[test]
    fn cross_lingual_neighbours() {
        let table = Vectors::shipped().unwrap();
        assert!(sim(table, "显存", "memory") > sim(table, "显存", "pizza"));
        assert!(sim(table, "量化", "quantization") > sim(table, "量化", "weather"));
        assert!(sim(table, "推理", "inference") > sim(table, "推理", "banana"));
        assert!(sim(table, "梯度", "gradient") > sim(table, "梯度", "holiday"));
    }

    #[test]
    fn add_scaled_dequantises() {
        let table = Vectors::new(leak(build(&["a", "b"], 3))).unwrap();
        let b = table.find("b").unwrap();
        let mut acc = vec![1.0; 3];
        table.add_scaled(b, 2.0, &mut acc);
        // Row 1 holds 3, 4, 5; scale 1.5.
        assert_eq!(acc, vec![1.0 + 2.0 * 1.5 * 3.0, 1.0 + 12.0, 1.0 + 15.0]);
        assert_eq!(table.weight(b), 2.0);
    }

    #[test]
    fn corrupt_tables_are_errors() {
        let good = build(&["ab", "b", "量化"], 4);
        assert!(Vectors::new(leak(good.clone())).is_ok());
        assert_eq!(
            Vectors::new(leak(good.clone()))
                .unwrap()
                .longest_cjk_word_chars(),
            2
        );

        let mut bad = good.clone();
        bad[0] = b'X';
        assert_eq!(Vectors::new(leak(bad)).unwrap_err(), VectorsError::BadMagic);

        let mut version = good.clone();
        version[7] = 2;
        assert_eq!(
            Vectors::new(leak(version)).unwrap_err(),
            VectorsError::BadMagic
        );

        for cut in [0, 10, 23, 24, good.len() - 1] {
            let err = Vectors::new(leak(good[..cut].to_vec())).unwrap_err();
            assert!(
                matches!(
                    err,
                    VectorsError::TooShort { .. } | VectorsError::Size { .. }
                ),
                "{cut}: {err}"
            );
        }
        let mut longer = good.clone();
        longer.push(0);
        assert!(matches!(
            Vectors::new(leak(longer)),
            Err(VectorsError::Size { .. })
        ));

        // Offsets: 24 + 3 * 8 = 48 is the first; the second word's start sits at 52.
        let offsets = 48;
        let mut backwards = good.clone();
        backwards[offsets + 4..offsets + 8].copy_from_slice(&3u32.to_le_bytes());
        backwards[offsets + 8..offsets + 12].copy_from_slice(&2u32.to_le_bytes());
        assert!(matches!(
            Vectors::new(leak(backwards)),
            Err(VectorsError::Offsets { .. })
        ));
        let mut beyond = good.clone();
        beyond[offsets + 8..offsets + 12].copy_from_slice(&999u32.to_le_bytes());
        assert!(matches!(
            Vectors::new(leak(beyond)),
            Err(VectorsError::Offsets { .. })
        ));

        let unsorted = build(&["b", "ab", "量化"], 4);
        assert_eq!(
            Vectors::new(leak(unsorted)).unwrap_err(),
            VectorsError::Order { index: 1 }
        );
        let duplicate = build(&["ab", "ab"], 4);
        assert_eq!(
            Vectors::new(leak(duplicate)).unwrap_err(),
            VectorsError::Order { index: 1 }
        );

        let mut split_char = good.clone();
        // "量化" starts at blob offset 3; ending "b" at 4 cuts its first character in two.
        split_char[offsets + 8..offsets + 12].copy_from_slice(&4u32.to_le_bytes());
        assert!(Vectors::new(leak(split_char)).is_err());

        let mut nan = good.clone();
        nan[HEADER + 4..HEADER + 8].copy_from_slice(&f32::NAN.to_le_bytes());
        assert_eq!(
            Vectors::new(leak(nan)).unwrap_err(),
            VectorsError::NotFinite { index: 1 }
        );

        let mut reserved = good.clone();
        reserved[20] = 1;
        assert_eq!(
            Vectors::new(leak(reserved)).unwrap_err(),
            VectorsError::Reserved
        );
    }

    #[test]
    fn corrupt_header_sizes_never_panic() {
        let good = build(&["ab", "b"], 4);
        for field in [8, 12, 16] {
            for value in [0u32, 1, 3, u32::MAX / 2, u32::MAX] {
                let mut bytes = good.clone();
                bytes[field..field + 4].copy_from_slice(&value.to_le_bytes());
                let _ = Vectors::new(leak(bytes));
            }
        }
    }

    #[test]
    fn manifest_describes_the_embedded_file() {
        let manifest: toml::Table =
            toml::from_str(include_str!("../../data/semantic/manifest.toml")).unwrap();
        let table = Vectors::shipped().unwrap();
        assert_eq!(manifest["format_version"].as_integer(), Some(1));
        assert_eq!(manifest["bytes"].as_integer(), Some(SHIPPED.len() as i64));
        assert_eq!(manifest["words"].as_integer(), Some(table.len() as i64));
        assert_eq!(manifest["dims"].as_integer(), Some(table.dims() as i64));
        assert!(SHIPPED.len() <= 10_000_000);
    }
}
