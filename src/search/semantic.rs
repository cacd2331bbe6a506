//! The semantic layer: every text as a weighted mean of static word vectors, so that a
//! question in words the catalogue lacks ("训练时总是显存溢出": overflow is in no title)
//! still lands near what it means (GPU memory optimisation).
//!
//! The word vectors ([`super::vectors`]) were distilled offline from a multilingual sentence
//! encoder; here a text is split into the table's words (Latin words and their compounds,
//! Chinese by forward maximum matching), filler is skipped, and each word counts by its
//! weight (rare words more). Resources get their vectors when the catalogue is indexed, so an
//! operator's own catalogue and a hot reload work the same; a query gets its vector per
//! request, and similarity is a dot product over the catalogue. The semantic layer proposes
//! and re-ranks; it never decides on its own whether a query is answered.

use super::expand::Familiarity;
use super::index::letter_prefix;
use super::lexicon;
use super::normalise::normalise;
use super::tokenise::{Run, Token, TokenKind, runs};
use super::vectors::{Vectors, WordId};
use crate::catalogue::{Catalogue, ResourceIdx, TopicIdx};

/// How much each part of a resource counts in its vector: what it says of itself (titles),
/// the words chosen to find it (keywords), where it sits in the tree, and what its topic is
/// about in plain words (how a learner who does not know the topic's name describes it).
const TITLE: f32 = 1.0;
const KEYWORDS: f32 = 0.8;
const TOPIC: f32 = 0.8;
const ANCESTORS: f32 = 0.5;
const ABOUT: f32 = 0.8;
/// The most a run of words can count in [`Semantic::importance`].
const MAX_IMPORTANCE: f32 = 1.5;
/// Words rated below this share of the rarest word's weight are common ones.
const COMMON: f32 = 0.6;
/// Latin words joined into one table word at most ("flash attention" → flashattention).
const MAX_COMPOUND: usize = 3;

/// Resource vectors for one catalogue, over the shipped word table.
#[derive(Debug)]
pub struct Semantic {
    vectors: &'static Vectors,
    /// One unit vector per resource, row after row; all zero for a resource whose text has
    /// no word in the table.
    resources: Vec<f32>,
    /// How rare each word is in this catalogue.
    rarity: Rarity,
    /// Per topic, the table words of what it is about, sorted.
    about: Vec<Vec<WordId>>,
}

/// In how many resources each table word occurs, turned into a weight: a word in every
/// resource ("模型", "model") tells them apart no better than filler.
#[derive(Debug, Default)]
struct Rarity {
    count: foldhash::HashMap<WordId, u32>,
    resources: f32,
}

impl Rarity {
    fn count(fields: &[Vec<(f32, Vec<WordId>)>]) -> Rarity {
        let mut count = foldhash::HashMap::default();
        let mut seen = Vec::new();
        for parts in fields {
            seen.clear();
            seen.extend(parts.iter().flat_map(|(_, words)| words.iter().copied()));
            seen.sort_unstable();
            seen.dedup();
            for &id in &seen {
                *count.entry(id).or_insert(0) += 1;
            }
        }
        Rarity {
            count,
            resources: fields.len() as f32,
        }
    }

    /// A weight in (0, 1]: 1 for a word in no resource or one, less the more resources have it.
    fn of(&self, id: WordId) -> f32 {
        let n = self.resources.max(1.0);
        let df = self.count.get(&id).copied().unwrap_or(0).max(1) as f32;
        (1.0 + n / df).ln() / (1.0 + n).ln()
    }
}

/// A topic's words, found once per topic rather than once per resource under it: a topic's
/// descriptions are long, and its names are read for every resource below it.
struct TopicWords {
    /// Its Chinese and English names.
    names: Vec<WordId>,
    /// Its aliases.
    aliases: Vec<WordId>,
    /// What it is about (the catalogue's `about`).
    about: Vec<WordId>,
}

impl TopicWords {
    fn of(vectors: &Vectors, topic: &crate::catalogue::Topic) -> TopicWords {
        TopicWords {
            names: words(vectors, [topic.name.as_str(), topic.name_en.as_str()]),
            aliases: words(vectors, topic.aliases.iter().map(String::as_str)),
            about: words(vectors, topic.about.iter().map(String::as_str)),
        }
    }
}

/// The content words of some texts, in order.
fn words<'t>(vectors: &Vectors, texts: impl IntoIterator<Item = &'t str>) -> Vec<WordId> {
    texts
        .into_iter()
        .flat_map(|t| content_words(vectors, &normalise(t)))
        .collect()
}

/// A resource's words by part, each part with its factor: its titles, its keywords, its
/// topic's names and what the topic is about, and its ancestors' names.
fn resource_fields(
    vectors: &Vectors,
    catalogue: &Catalogue,
    topics: &[TopicWords],
    resource: &crate::catalogue::Resource,
) -> Vec<(f32, Vec<WordId>)> {
    let titles = std::iter::once(resource.title.as_str()).chain(resource.title_en.as_deref());
    let mut parts = vec![
        (TITLE, words(vectors, titles)),
        (
            KEYWORDS,
            words(vectors, resource.keywords.iter().map(String::as_str)),
        ),
    ];
    if let Some(&topic) = resource.topics.first() {
        let path = catalogue.path(topic);
        if let Some((&own, above)) = path.split_last() {
            let own = &topics[own];
            parts.push((TOPIC, [&own.names[..], &own.aliases[..]].concat()));
            if !own.about.is_empty() {
                parts.push((ABOUT, own.about.clone()));
            }
            let names = above.iter().flat_map(|&t| topics[t].names.iter().copied());
            parts.push((ANCESTORS, names.collect()));
        }
    }
    parts
}

impl Semantic {
    /// Embeds every resource of a catalogue, or `None` when the shipped table is unusable
    /// (the engine then answers lexically).
    pub fn build(catalogue: &Catalogue) -> Option<Semantic> {
        let vectors = match Vectors::shipped() {
            Ok(v) => v,
            Err(err) => {
                tracing::warn!(%err, "semantic layer off: the word vector table is invalid");
                return None;
            }
        };
        let dims = vectors.dims();
        let topics: Vec<TopicWords> = catalogue
            .topics()
            .iter()
            .map(|t| TopicWords::of(vectors, t))
            .collect();
        let fields: Vec<Vec<(f32, Vec<WordId>)>> = catalogue
            .resources()
            .iter()
            .map(|resource| resource_fields(vectors, catalogue, &topics, resource))
            .collect();
        let rarity = Rarity::count(&fields);
        let mut resources = vec![0.0; catalogue.resources().len() * dims];
        let mut field = vec![0.0; dims];
        for (r, parts) in fields.iter().enumerate() {
            let out = &mut resources[r * dims..(r + 1) * dims];
            for (factor, words) in parts {
                field.fill(0.0);
                for &id in words {
                    vectors.add_scaled(id, vectors.weight(id) * rarity.of(id), &mut field);
                }
                if normalise_in_place(&mut field) {
                    for (o, f) in out.iter_mut().zip(&field) {
                        *o += factor * f;
                    }
                }
            }
            normalise_in_place(out);
        }
        let about = topics
            .into_iter()
            .map(|TopicWords { about: mut ids, .. }| {
                ids.sort_unstable();
                ids.dedup();
                ids
            })
            .collect();
        Some(Semantic {
            vectors,
            resources,
            rarity,
            about,
        })
    }

    /// Whether a word is one of the words one of these topics is described with (the
    /// catalogue's `about`).
    pub fn describes(&self, mut topics: impl Iterator<Item = TopicIdx>, word: &str) -> bool {
        self.vectors.find(word).is_some_and(|id| {
            topics.any(|t| {
                self.about
                    .get(t)
                    .is_some_and(|a| a.binary_search(&id).is_ok())
            })
        })
    }

    /// Dimensions of the vectors.
    pub fn dims(&self) -> usize {
        self.vectors.dims()
    }

    /// The unit vector of a text's content words, or `None` when none of them is known.
    pub fn embed(&self, text: &str) -> Option<Vec<f32>> {
        let mut v = vec![0.0; self.dims()];
        let mut any = false;
        for id in content_words(self.vectors, &normalise(text)) {
            let weight = self.vectors.weight(id) * self.rarity.of(id);
            self.vectors.add_scaled(id, weight, &mut v);
            any = true;
        }
        (any && normalise_in_place(&mut v)).then_some(v)
    }

    /// Cosine similarity of a query vector with each resource, in catalogue order.
    pub fn similarities(&self, query: &[f32]) -> Vec<f32> {
        self.resources
            .chunks_exact(self.dims())
            .map(|row| dot(row, query))
            .collect()
    }

    /// The `k` resources most similar to a query vector, best first.
    pub fn nearest(&self, query: &[f32], k: usize) -> Vec<(ResourceIdx, f32)> {
        let mut all: Vec<(ResourceIdx, f32)> =
            self.similarities(query).into_iter().enumerate().collect();
        let by = |a: &(ResourceIdx, f32), b: &(ResourceIdx, f32)| {
            b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
        };
        if all.len() > k && k > 0 {
            all.select_nth_unstable_by(k - 1, by);
        }
        all.truncate(k);
        all.sort_by(by);
        all
    }

    /// How close a normalised word (or run of words) is to anything in the catalogue: the best
    /// cosine similarity of its vector with a resource's, or `None` when the table lacks it.
    pub fn affinity(&self, word: &str) -> Option<f32> {
        let v = self.embed(word)?;
        self.similarities(&v).into_iter().reduce(f32::max)
    }

    /// Whether the table knows a single word, and if so whether it rates it common. A word
    /// it knows is spelled right, whatever the catalogue makes of it.
    pub fn familiarity(&self, word: &str) -> Familiarity {
        match self.vectors.find(word) {
            None => Familiarity::Unknown,
            Some(id) if self.vectors.weight(id) / self.vectors.max_weight() < COMMON => {
                Familiarity::Common
            }
            Some(_) => Familiarity::Rare,
        }
    }

    /// How much a normalised word says, in [0, 1]: rare words near 1, common ones near 0,
    /// filler 0. Words the table lacks are taken as rare. A run of ideographs counts as the
    /// sum of the table's words in it (filler skipped), capped.
    pub fn importance(&self, word: &str) -> f32 {
        let mut found = false;
        let mut sum = 0.0;
        for (id, filler) in table_words(self.vectors, word) {
            found = true;
            if !filler {
                sum += self.vectors.weight(id);
            }
        }
        if !found {
            return 1.0;
        }
        (sum / self.vectors.max_weight()).min(MAX_IMPORTANCE)
    }

    /// Joins a dictionary word and the one unknown character after it when the two make a
    /// word of the table's general vocabulary: in "四台服务器" the catalogue knows 服务 (as in
    /// 推理服务), but the message says 服务器, a server. Filler after a word stays apart.
    pub fn join_suffixes(&self, tokens: Vec<Token>) -> Vec<Token> {
        let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
        for token in tokens {
            if let Some(last) = out.last_mut()
                && last.kind == TokenKind::CjkWord
                && token.kind == TokenKind::CjkGap
                && token.text.chars().count() == 1
                && !lexicon::is_filler(&token.text)
            {
                let joined = format!("{}{}", last.text, token.text);
                if self.vectors.find(&joined).is_some() {
                    *last = Token {
                        text: joined,
                        kind: TokenKind::CjkGap,
                    };
                    continue;
                }
            }
            out.push(token);
        }
        out
    }

    /// Splits each gap of three or more ideographs (what the catalogue's dictionary does not
    /// know) into the words of the table's general vocabulary, so that a gap like
    /// "里的公式推不动" becomes 里 · 的 · 公式 · 推 · 不动: filler in it is recognised as
    /// filler, and each word is matched and weighed on its own rather than as one opaque
    /// span. Characters the table does not know stay together as one gap, so an unknown
    /// word is still looked up whole. `keep` tells which gaps to leave whole: one that sounds
    /// like a catalogue term (混合经度 for 混合精度) is a pinyin slip, not several words.
    pub fn split_gaps(&self, tokens: Vec<Token>, keep: impl Fn(&str) -> bool) -> Vec<Token> {
        let mut out = Vec::with_capacity(tokens.len());
        for token in tokens {
            if token.kind != TokenKind::CjkGap
                || token.text.chars().count() < 3
                || keep(&token.text)
            {
                out.push(token);
                continue;
            }
            let pieces = pieces(self.vectors, &token.text);
            // A slip often runs into the particle after it, as the dictionary does not know
            // the slip: "李弘毅的课" has the gap 李弘毅的, and only 李弘毅 sounds like a
            // catalogue word. Filler at either end comes off, and what is left is asked again.
            if let Some((head, core, tail)) =
                around_filler(&pieces).filter(|(_, core, _)| keep(core))
            {
                for text in head.into_iter().chain([core.as_str()]).chain(tail) {
                    out.push(Token {
                        text: text.to_string(),
                        kind: TokenKind::CjkGap,
                    });
                }
                continue;
            }
            let mut unknown = String::new();
            for piece in pieces {
                match piece {
                    Piece::Known(word, _) => {
                        flush_unknown(&mut unknown, &mut out);
                        out.push(Token {
                            text: word.to_owned(),
                            kind: TokenKind::CjkGap,
                        });
                    }
                    Piece::Unknown(c) => unknown.push_str(c),
                }
            }
            flush_unknown(&mut unknown, &mut out);
        }
        out
    }
}

fn flush_unknown(unknown: &mut String, out: &mut Vec<Token>) {
    if !unknown.is_empty() {
        out.push(Token {
            text: std::mem::take(unknown),
            kind: TokenKind::CjkGap,
        });
    }
}

/// The filler words at the start and the end of a gap cut into `pieces`, and the text between
/// them when it is at least two characters and something came off.
fn around_filler<'r>(pieces: &[Piece<'r>]) -> Option<(Vec<&'r str>, String, Vec<&'r str>)> {
    let filler = |p: &Piece| matches!(p, Piece::Known(word, _) if lexicon::is_filler(word));
    let start = pieces.iter().take_while(|p| filler(p)).count();
    let end = pieces.len()
        - pieces[start..]
            .iter()
            .rev()
            .take_while(|p| filler(p))
            .count();
    let text = |p: &Piece<'r>| match *p {
        Piece::Known(word, _) | Piece::Unknown(word) => word,
    };
    let core: String = pieces[start..end].iter().map(text).collect();
    (end - start < pieces.len() && core.chars().count() >= 2).then(|| {
        let head = pieces[..start].iter().map(text).collect();
        let tail = pieces[end..].iter().map(text).collect();
        (head, core, tail)
    })
}

/// A piece of a run of ideographs cut by forward maximum matching against the table.
enum Piece<'a> {
    /// A word of the table.
    Known(&'a str, WordId),
    /// One character the table does not know.
    Unknown(&'a str),
}

/// Scales a vector to unit length; false (and unchanged) for a zero vector.
fn normalise_in_place(v: &mut [f32]) -> bool {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm <= f32::EPSILON {
        return false;
    }
    v.iter_mut().for_each(|x| *x /= norm);
    true
}

/// The table's words in normalised text, filler skipped.
pub fn content_words(vectors: &Vectors, normalised: &str) -> Vec<WordId> {
    table_words(vectors, normalised)
        .into_iter()
        .filter(|&(_, filler)| !filler)
        .map(|(id, _)| id)
        .collect()
}

/// The table's words in normalised text, each with whether it is filler: Latin words, joined
/// into the longest compound the table knows; runs of ideographs by forward maximum matching,
/// one character when nothing longer is known.
fn table_words(vectors: &Vectors, normalised: &str) -> Vec<(WordId, bool)> {
    let runs = runs(normalised);
    let mut out = Vec::new();
    let mut i = 0;
    while i < runs.len() {
        match runs[i] {
            Run::Latin(word) => {
                let mut joined = word.to_owned();
                let mut best = (vectors.find(word), 1);
                for (n, next) in runs[i + 1..].iter().take(MAX_COMPOUND - 1).enumerate() {
                    let Run::Latin(next) = next else { break };
                    joined.push_str(next);
                    if let Some(id) = vectors.find(&joined) {
                        best = (Some(id), n + 2);
                    }
                }
                let (found, used) = best;
                let found = found.or_else(|| letter_prefix(word).and_then(|p| vectors.find(p)));
                if let Some(id) = found {
                    out.push((id, used == 1 && lexicon::is_filler_in_meaning(word)));
                }
                i += used;
            }
            Run::Cjk(chars) => {
                segment(vectors, chars, &mut out);
                i += 1;
            }
        }
    }
    out
}

/// Forward maximum matching of a run of ideographs against the table.
fn segment(vectors: &Vectors, run: &str, out: &mut Vec<(WordId, bool)>) {
    for piece in pieces(vectors, run) {
        if let Piece::Known(word, id) = piece {
            out.push((id, lexicon::is_filler_in_meaning(word)));
        }
    }
}

/// Cuts a run of ideographs into the table's words, longest first from the left, and the
/// characters between them.
fn pieces<'r>(vectors: &Vectors, run: &'r str) -> Vec<Piece<'r>> {
    let longest = vectors.longest_cjk_word_chars().max(1);
    let mut out = Vec::new();
    let mut rest = run;
    while let Some(first) = rest.chars().next() {
        let len = match vectors.longest_prefix(rest, longest) {
            Some((len, id)) => {
                out.push(Piece::Known(&rest[..len], id));
                len
            }
            None => {
                out.push(Piece::Unknown(&rest[..first.len_utf8()]));
                first.len_utf8()
            }
        };
        rest = &rest[len..];
    }
    out
}

/// The dot product of two vectors, summed in eight independent lanes. A single running sum
/// is a chain the compiler may not reorder (float addition is not associative), so it runs
/// one multiply-add at a time; eight sums let it use the vector unit, and the similarities
/// of a query with every resource were the costliest loop of an answer.
fn dot(a: &[f32], b: &[f32]) -> f32 {
    const LANES: usize = 8;
    let (a_chunks, a_rest) = a.as_chunks::<LANES>();
    let (b_chunks, b_rest) = b.as_chunks::<LANES>();
    let mut lanes = [0.0f32; LANES];
    for (x, y) in a_chunks.iter().zip(b_chunks) {
        for ((l, x), y) in lanes.iter_mut().zip(x).zip(y) {
            *l += x * y;
        }
    }
    let rest: f32 = a_rest.iter().zip(b_rest).map(|(x, y)| x * y).sum();
    lanes.iter().sum::<f32>() + rest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine_semantic() -> Semantic {
        Semantic::build(&Catalogue::shipped().unwrap()).unwrap()
    }

    #[test]
    fn filler_is_skipped_and_compounds_join() {
        let v = Vectors::shipped().unwrap();
        let words: Vec<&str> = content_words(v, &normalise("请问有没有 flash attention 的资料"))
            .into_iter()
            .map(|id| v.word(id))
            .collect();
        assert!(words.contains(&"flashattention"), "{words:?}");
        assert!(!words.contains(&"请问"), "{words:?}");
    }

    #[test]
    fn paraphrases_land_near_their_topic() {
        let s = engine_semantic();
        let cat = Catalogue::shipped().unwrap();
        let top = |q: &str| -> Vec<String> {
            let v = s.embed(q).unwrap();
            s.nearest(&v, 5)
                .into_iter()
                .map(|(r, _)| cat.resource(r).id.clone())
                .collect()
        };
        let memory = top("训练时老是爆显存");
        let memory_ids = [
            "csdn-137055671",
            "saikr-533227",
            "zhihu-648924115",
            "csdn-131030255",
        ];
        assert!(
            memory.iter().any(|id| memory_ids.contains(&id.as_str())),
            "{memory:?}"
        );
    }

    #[test]
    fn importance_follows_rarity() {
        let s = engine_semantic();
        assert!(s.importance("量化") > s.importance("时候"));
        assert!(s.importance("nccl") > s.importance("people"));
        assert_eq!(s.importance("的"), 0.0);
        assert_eq!(s.importance("的吗"), 0.0);
        assert_eq!(s.importance("qwzxv"), 1.0);
    }
}
