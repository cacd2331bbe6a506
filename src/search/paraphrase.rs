//! Stage 3, after senses: topics described without their names.
//!
//! People ask about what a thing does when they do not know what it is called: "throw away
//! the weights that barely matter" is pruning, "一张卡放不下，把模型切到多张卡上" is model
//! parallelism, "store the numbers in 4 bits" is quantization. No word of such a message is a
//! catalogue name, so the relevance stage would find nothing to answer. The catalogue's
//! `[[paraphrase]]` entries say how each topic is described: groups of phrases, one of every
//! group in a message naming the topic. The words of the phrases found then stand for the
//! topic itself (the index's [`Index::topic_term`]): explained, one concept between them, and
//! matching the topic's resources. They still face the relevance decision with the rest of
//! the message, so "remove the weights from the barbell" is not a question about pruning.
//! Like the senses, the entries belong to the catalogue: an operator's brings its own.

use foldhash::{HashMap, HashMapExt};
use std::borrow::Cow;

use super::expand::{Alternative, How, QueryWord};
use super::filed::{ByStart, Filed, Start, Strings, latin_key, start_of, starting_in};
use super::index::Index;
use super::lexicon::{self, Role};
use super::normalise::{is_cjk, normalise};
use super::senses::latin_words;
use crate::catalogue::{self, TopicIdx};

/// What a match through a paraphrase is worth in ranking: below a synonym (0.9) or a
/// one-letter typo (0.8), as a description is a reading of what the message means, so a
/// message that also names its subject ("mindspore 自带的 serving 怎么部署") keeps ranking by
/// the name. For the decision to answer it counts in full (see [`super::relevance`]).
const WEIGHT: f32 = 0.7;

/// A catalogue's paraphrases, normalised and filed once per engine. The shipped catalogue has
/// some 17,000 distinct phrases: kept as a `String` and a `Vec` of owners each, with the room
/// vectors grow into, they were 4.7 MB, a third of the engine's heap; in a few buffers of
/// exactly their size, a fraction of that (see `filed::Strings` and `owner_ends`).
#[derive(Debug, Default)]
pub struct Paraphrases {
    /// Every distinct phrase, normalised.
    phrases: Strings,
    /// The (entry, group) pairs every phrase belongs to, phrase after phrase: phrase `p`'s
    /// are `owners[owner_ends[p - 1]..owner_ends[p]]`.
    owners: Vec<(u32, u32)>,
    /// Per phrase, where its owners end in `owners`.
    owner_ends: Vec<usize>,
    /// Per entry, its topic, how many groups it has, and where its groups start among all
    /// entries' groups (see [`Paraphrases::fired`]).
    entries: Vec<Entry>,
    /// How many groups all entries have together.
    groups: usize,
    /// Per group (numbered as in [`Entry::first_group`]), whether it is made of ways of asking
    /// ("how | what is | tutorial | 教程 | 入门": two such phrases or more, and at least half of
    /// the group) rather than of describing: a word asking for a
    /// kind of resource that is a phrase of such a group still asks for it ("rlhf 入门"), while
    /// one of a describing group is the description ("keeps the cache in pages").
    asking: Vec<bool>,
    /// Phrases with Chinese in them, matched anywhere, by how they start.
    anywhere: ByStart,
    /// Latin phrases, matched as whole words by their stems, by a hash of their first two
    /// stems (or their one): "how" starts 81 phrases.
    whole: Filed<u64>,
    /// Per phrase, the stems of its words joined by spaces when it is Latin ("eigenvectors" →
    /// eigenvector), so that a phrase listed in the plural finds the singular, and the other way
    /// round; empty for Chinese.
    stems: Strings,
    /// Per phrase, how many words it has when it is Latin; 0 for Chinese.
    lengths: Vec<u16>,
}

/// Phrase keys gathered while filing, to be filed all at once.
#[derive(Default)]
struct Starts {
    chinese: Vec<(Start, usize)>,
    latin: Vec<(u64, usize)>,
}

/// One paraphrase entry as filed.
#[derive(Debug, Clone, Copy)]
struct Entry {
    topic: TopicIdx,
    groups: usize,
    /// The index of its first group among all entries' groups.
    first_group: usize,
}

impl Paraphrases {
    /// Files a catalogue's paraphrases. Filing by first unit costs a hash insertion a phrase:
    /// an Aho-Corasick automaton over 4,515 of the shipped phrases (the first author's) took
    /// 5–10 ms to build, a tenth to a fifth of the 50 ms a one-shot `ganhuo ask` may take to
    /// start.
    pub fn new(paraphrases: &[catalogue::Paraphrase]) -> Paraphrases {
        let mut filed = Paraphrases::default();
        // Entries share many phrases (every way of writing "LLM"): each is filed once. Two
        // spellings that normalise alike are filed as two phrases, always found together.
        let written = paraphrases.iter().map(|p| p.group_count()).sum::<usize>() * 8;
        let mut as_written: HashMap<&str, Option<usize>> = HashMap::with_capacity(written);
        // Phrases share their words too: each is stemmed once (8,880 Latin phrase words, 2,658
        // different ones in the shipped catalogue).
        let mut stems: HashMap<String, String> = HashMap::new();
        let mut starts = Starts::default();
        // (phrase, entry, group), gathered and then laid out phrase after phrase. Entry and
        // group numbers count a catalogue's entries, far below u32's range.
        let mut owned: Vec<(usize, u32, u32)> = Vec::new();
        for (e, paraphrase) in paraphrases.iter().enumerate() {
            filed.entries.push(Entry {
                topic: paraphrase.topic,
                groups: paraphrase.group_count(),
                first_group: filed.groups,
            });
            filed.groups += paraphrase.group_count();
            for (g, group) in paraphrase.groups().enumerate() {
                let (mut asks, mut all) = (0, 0);
                for phrase in group {
                    let p = *as_written
                        .entry(phrase)
                        .or_insert_with(|| filed.file(normalise(phrase), &mut stems, &mut starts));
                    if let Some(p) = p {
                        owned.push((p, e as u32, g as u32));
                        all += 1;
                        asks += usize::from(
                            filed
                                .phrases
                                .get(p)
                                .split(' ')
                                .all(|w| !matches!(lexicon::role(w), Role::Content)),
                        );
                    }
                }
                filed.asking.push(asks >= 2 && asks * 2 >= all);
            }
        }
        owned.sort_unstable();
        owned.dedup();
        filed.owners = owned.iter().map(|&(_, e, g)| (e, g)).collect();
        let mut owned = owned.iter().map(|&(p, _, _)| p).peekable();
        let mut end = 0;
        filed.owner_ends = (0..filed.phrases.len())
            .map(|p| {
                while owned.next_if_eq(&p).is_some() {
                    end += 1;
                }
                end
            })
            .collect();
        filed.phrases.shrink_to_fit();
        filed.stems.shrink_to_fit();
        filed.lengths.shrink_to_fit();
        filed.entries.shrink_to_fit();
        filed.asking.shrink_to_fit();
        filed.anywhere = ByStart::new(starts.chinese);
        filed.whole = Filed::new(starts.latin);
        filed
    }

    /// The (entry, group) pairs phrase `p` belongs to.
    fn owners(&self, p: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let start = if p == 0 { 0 } else { self.owner_ends[p - 1] };
        self.owners[start..self.owner_ends[p]]
            .iter()
            .map(|&(e, g)| (e as usize, g as usize))
    }

    /// Files a normalised phrase by how it starts; `None` for one that normalises to nothing.
    /// `stems` remembers the stems of the words filed before; the phrase's key goes to
    /// `starts`, to be filed with the others'.
    fn file(
        &mut self,
        phrase: String,
        stems: &mut HashMap<String, String>,
        starts: &mut Starts,
    ) -> Option<usize> {
        let phrase = if phrase.chars().any(is_cjk) {
            without_particle(&phrase).into_owned()
        } else {
            phrase
        };
        let start = start_of(&phrase)?;
        let p = self.phrases.len();
        // Asked again on purpose: a phrase whose only ideograph was 的 is Latin now.
        if phrase.chars().any(is_cjk) {
            starts.chinese.push((start, p));
            self.stems.push("");
            self.lengths.push(0);
        } else {
            let mut joined = String::with_capacity(phrase.len());
            let mut words = 0;
            for (i, w) in phrase.split(' ').enumerate() {
                words = i + 1;
                if i > 0 {
                    joined.push(' ');
                }
                match stems.get(w) {
                    Some(known) => joined.push_str(known),
                    None => {
                        let stemmed = stem(w).into_owned();
                        joined.push_str(&stemmed);
                        stems.insert(w.to_owned(), stemmed);
                    }
                }
            }
            let mut first = joined.split(' ');
            let key = latin_key(first.next().unwrap_or_default(), first.next());
            starts.latin.push((key, p));
            self.lengths.push(u16::try_from(words).unwrap_or(u16::MAX));
            self.stems.push(&joined);
        }
        self.phrases.push(&phrase);
        Some(p)
    }

    /// The phrases that occur in a message (`normalised`) as they must: Chinese anywhere, both
    /// without 的; Latin as whole words in a row, compared by their stems.
    fn found(&self, normalised: &str) -> Vec<usize> {
        let text = without_particle(normalised);
        let mut found: Vec<usize> = starting_in(&text, &self.anywhere)
            .filter(|&(rest, p)| rest.starts_with(self.phrases.get(p)))
            .map(|(_, p)| p)
            .collect();
        let latin: Vec<Cow<str>> = latin_words(normalised)
            .into_iter()
            .map(stem_remembered)
            .collect();
        for (i, word) in latin.iter().enumerate() {
            let next = latin.get(i + 1).map(AsRef::as_ref);
            let keys = [Some(None), next.map(Some)].into_iter().flatten();
            for key in keys.map(|next| latin_key(word, next)) {
                found.extend(self.whole.get(key).iter().filter(|&&p| {
                    latin
                        .get(i..i + usize::from(self.lengths[p]))
                        .is_some_and(|w| {
                            w.iter().map(AsRef::as_ref).eq(self.stems.get(p).split(' '))
                        })
                }));
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The entries a message's phrases satisfy, in order, each with the phrases that
    /// satisfied it. Common phrases belong to hundreds of entries ("大模型", "llm" to over 200
    /// each), so groups are ticked off in one pass rather than sorted, and only the entries
    /// ticked are looked at again, not all of them.
    fn fired(&self, found: &[usize]) -> Vec<(usize, Vec<usize>)> {
        let mut satisfied = TALLY.with_borrow_mut(|tally| {
            tally.fit(self.groups, self.entries.len());
            let mut touched = Vec::new();
            for &p in found {
                for (e, g) in self.owners(p) {
                    let slot = &mut tally.ticked[self.entries[e].first_group + g];
                    if !*slot {
                        *slot = true;
                        if tally.met[e] == 0 {
                            touched.push(e);
                        }
                        tally.met[e] += 1;
                    }
                }
            }
            let fired: Vec<usize> = touched
                .iter()
                .copied()
                .filter(|&e| tally.met[e] as usize == self.entries[e].groups)
                .collect();
            // Left as found, all clear, for the next message: only the entries touched are.
            for e in touched {
                let entry = self.entries[e];
                tally.ticked[entry.first_group..entry.first_group + entry.groups].fill(false);
                tally.met[e] = 0;
            }
            fired
        });
        satisfied.sort_unstable();
        let mut fired: Vec<(usize, Vec<usize>)> =
            satisfied.into_iter().map(|e| (e, Vec::new())).collect();
        for &p in found {
            for (e, _) in self.owners(p) {
                if let Ok(i) = fired.binary_search_by_key(&e, |&(f, _)| f) {
                    fired[i].1.push(p);
                }
            }
        }
        fired
    }

    /// Lets the content words of every paraphrase the message (`message`, what it asks,
    /// normalised) holds stand for the topic it describes. Words another sense has claimed
    /// ("weights" beside "gym") are left alone.
    pub fn apply(&self, words: &mut [QueryWord], message: &str, index: &Index) {
        if self.phrases.is_empty() {
            return;
        }
        let found = self.found(message);
        if found.is_empty() {
            return;
        }
        let fired = self.fired(&found);
        if fired.is_empty() {
            return;
        }
        // Each word as phrases are compared with it, once: the entries that fire may be many.
        let compared: Vec<Compared> = words.iter().map(|w| Compared::new(&w.text)).collect();
        for (entry, phrases) in fired {
            let term = index.topic_term(self.entries[entry].topic);
            for (word, compared) in words.iter_mut().zip(&compared) {
                // A word that asks for a kind of resource elsewhere ("pages", "代码") is the
                // description here when the catalogue lists it as a phrase of its own: "keeps the
                // cache in fixed-size pages" wants no web page. Inside a longer phrase ("学习路线")
                // it keeps asking.
                let description = match word.role {
                    Role::Content => true,
                    Role::Intent(_) | Role::Language(_) => {
                        phrases.iter().any(|&p| self.phrases.get(p) == word.text)
                    }
                    Role::Stop
                    | Role::Link
                    | Role::Background
                    | Role::Excluded
                    | Role::Unwanted(_) => false,
                };
                if !description
                    || word.other_sense.is_some()
                    || word.alternatives.iter().any(|a| a.term == term)
                {
                    continue;
                }
                let covering = phrases
                    .iter()
                    .find(|&&p| compared.covers(self.phrases.get(p), self.stems.get(p)));
                let Some(&covering) = covering else {
                    continue;
                };
                let first_group = self.entries[entry].first_group;
                let asking = self
                    .owners(covering)
                    .any(|(e, g)| e == entry && self.asking[first_group + g]);
                if let (Role::Intent(kinds), true) = (word.role, asking) {
                    word.wished = Some(kinds);
                }
                word.role = Role::Content;
                word.alternatives.push(Alternative {
                    term,
                    weight: WEIGHT,
                    how: How::Paraphrase,
                });
            }
        }
    }
}

thread_local! {
    /// What [`Paraphrases::fired`] ticks off for one message, kept between messages (all clear)
    /// on each thread: allocating and zeroing a flag for every group of every entry at each
    /// message cost more than the ticking.
    static TALLY: std::cell::RefCell<Tally> = const { std::cell::RefCell::new(Tally { ticked: Vec::new(), met: Vec::new() }) };
}

/// Groups ticked off and, per entry, how many of its groups are.
struct Tally {
    ticked: Vec<bool>,
    met: Vec<u32>,
}

impl Tally {
    /// Room for a catalogue's groups and entries (another engine's may be larger or smaller).
    fn fit(&mut self, groups: usize, entries: usize) {
        if self.ticked.len() < groups {
            self.ticked.resize(groups, false);
        }
        if self.met.len() < entries {
            self.met.resize(entries, 0);
        }
    }
}

/// A query word as phrases are compared with it: Chinese without 的, a Latin word by its stem.
/// Owned, as the words it is made from are then changed.
enum Compared {
    Chinese(String),
    Latin(String),
}

impl Compared {
    fn new(word: &str) -> Compared {
        if word.chars().any(is_cjk) {
            Compared::Chinese(without_particle(word).into_owned())
        } else {
            Compared::Latin(stem_remembered(word).into_owned())
        }
    }

    /// Whether the word is part of a phrase found in the message: one of a Latin phrase's
    /// words (by its stem, `stems`), or Chinese that the phrase holds or that holds the phrase
    /// (the segmenter may cut "放不下" as "放" "不下", or keep "剪掉了" whole).
    fn covers(&self, phrase: &str, stems: &str) -> bool {
        match self {
            // Never empty: a word holds an ideograph, and 的 alone stays as it is.
            Compared::Chinese(word) => phrase.contains(word.as_str()) || word.contains(phrase),
            Compared::Latin(word) => !word.is_empty() && stems.split(' ').any(|s| s == word),
        }
    }
}

/// Chinese text without the particle 的, which may stand between a word and what it
/// qualifies or not ("最好的成绩" is "最好成绩"): Chinese phrases and messages are compared
/// without it. Text that is nothing else stays as it is.
fn without_particle(text: &str) -> Cow<'_, str> {
    if !text.contains('的') {
        return Cow::Borrowed(text);
    }
    let stripped: String = text.chars().filter(|&c| c != '的').collect();
    if stripped.is_empty() {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(stripped)
    }
}

/// The Snowball stem of an English word of four letters or more ("eigenvectors",
/// "eigenvector" → eigenvector; "quantizing" → quantiz); other words as they are.
fn stem(word: &str) -> Cow<'_, str> {
    if !super::expand::stemmable(word) {
        return Cow::Borrowed(word);
    }
    super::expand::english().stem(word)
}

/// [`stem`] for a message's words, which other stages stem too (see [`super::expand::stem`]).
fn stem_remembered(word: &str) -> Cow<'_, str> {
    if !super::expand::stemmable(word) {
        return Cow::Borrowed(word);
    }
    Cow::Owned(super::expand::stem(word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;
    use crate::catalogue::Catalogue;

    /// Two topics and their resources.
    const CATALOGUE: &str = r#"
[[topic]]
id = "compression"
name = "压缩"
name_en = "Compression"

[[topic]]
id = "pruning"
name = "剪枝"
name_en = "Pruning"
parent = "compression"

[[resource]]
id = "a"
title = "剪枝入门"
url = "https://example.com/a"
kind = "article"
lang = "zh"
topics = ["pruning"]

[[resource]]
id = "b"
title = "量化入门"
url = "https://example.com/b"
kind = "article"
lang = "zh"
topics = ["compression"]
"#;

    /// One way of describing pruning.
    const PARAPHRASE: &str = r#"
[[paraphrase]]
topic = "pruning"
all = ["throw away | throwing away | 去掉", "weights | 权重"]
"#;

    fn engine() -> Engine {
        let text = format!("{CATALOGUE}{PARAPHRASE}");
        Engine::new(Catalogue::from_toml(&text, "test").unwrap())
    }

    fn topic_words(engine: &Engine, query: &str) -> Vec<String> {
        let pruning = engine.catalogue().topic_by_id("pruning").unwrap();
        let term = engine.index().topic_term(pruning);
        engine.words_reading(query, term, How::Paraphrase)
    }

    #[test]
    fn every_group_must_be_there() {
        let engine = engine();
        assert_eq!(
            topic_words(&engine, "throwing away the weights that barely matter"),
            ["throwing", "away", "weights"]
        );
        assert_eq!(topic_words(&engine, "把不重要的权重去掉"), ["权重", "去掉"]);
        assert!(topic_words(&engine, "throwing away old shoes").is_empty());
        assert!(topic_words(&engine, "weights that barely matter").is_empty());
    }

    /// How `word` of `query` is read with one paraphrase of compression whose groups are `all`.
    fn word_with(all: &str, query: &str, word: &str) -> QueryWord {
        let text = format!("{CATALOGUE}[[paraphrase]]\ntopic = \"compression\"\nall = {all}\n");
        let engine = Engine::new(Catalogue::from_toml(&text, "test").unwrap());
        let words = engine.understand(query, false);
        words.into_iter().find(|w| w.text == word).unwrap()
    }

    #[test]
    fn a_kind_word_listed_as_a_phrase_is_description() {
        let role_of = |all: &str, query: &str, word: &str| word_with(all, query, word).role;
        let query = "keeps the cache in fixed pages";
        assert_eq!(
            role_of(r#"["cache", "pages"]"#, query, "pages"),
            Role::Content
        );
        // Inside a longer phrase the word still asks for web pages.
        assert!(matches!(
            role_of(r#"["cache", "fixed pages"]"#, query, "pages"),
            Role::Intent(_)
        ));
    }

    #[test]
    fn a_kind_word_of_a_group_of_ways_of_asking_still_asks_for_its_kind() {
        let asked = word_with(r#"["cache", "how | 入门 | 教程"]"#, "cache 入门", "入门");
        assert_eq!(asked.role, Role::Content);
        assert!(asked.wish().is_some());
        let described = word_with(
            r#"["cache", "pages"]"#,
            "keeps the cache in fixed pages",
            "pages",
        );
        assert_eq!(described.role, Role::Content);
        assert_eq!(described.wish(), None);
    }

    #[test]
    fn phrases_of_one_character_or_of_many_words_are_found() {
        // Filed by two characters or two words, a phrase with fewer or more must still be
        // found, and one that only starts like it must not.
        let text = format!(
            "{CATALOGUE}[[paraphrase]]\ntopic = \"pruning\"\nall = [\"剪 | throw it all away\", \"权重 | weights\"]\n"
        );
        let engine = Engine::new(Catalogue::from_toml(&text, "test").unwrap());
        assert_eq!(topic_words(&engine, "剪一下权重"), ["剪", "权重"]);
        // "it" and "all" are stop words, which stand for nothing.
        assert_eq!(
            topic_words(&engine, "throw it all away, the weights"),
            ["throw", "away", "weights"]
        );
        assert!(topic_words(&engine, "throw it all in, the weights").is_empty());
    }

    #[test]
    fn latin_phrases_are_whole_words() {
        let engine = engine();
        // "throw awayweights" is not the phrase "throw away" followed by a word.
        assert!(topic_words(&engine, "throw awayweights").is_empty());
        assert!(topic_words(&engine, "rethrow away the weights").is_empty());
        assert_eq!(topic_words(&engine, "throw away weights").len(), 3);
    }

    #[test]
    fn latin_phrases_match_other_inflections_of_their_words() {
        let engine = engine();
        // Listed as "weights" and "throwing away": "weight" and "throws away" are the same.
        assert_eq!(
            topic_words(&engine, "throws away a weight"),
            ["throws", "away", "weight"]
        );
        assert!(topic_words(&engine, "throws away a wait").is_empty());
    }

    #[test]
    fn chinese_phrases_match_with_or_without_the_particle_de() {
        let text = format!(
            "{CATALOGUE}[[paraphrase]]\ntopic = \"pruning\"\nall = [\"最好成绩\", \"人类的语言\"]\n"
        );
        let engine = Engine::new(Catalogue::from_toml(&text, "test").unwrap());
        assert_eq!(
            topic_words(&engine, "人类语言任务上最好的成绩"),
            ["人类", "语言", "成绩"]
        );
        assert!(topic_words(&engine, "最好的成绩").is_empty());
    }

    #[test]
    fn the_topic_term_finds_the_topic_and_what_is_under_it() {
        let engine = engine();
        let index = engine.index();
        let cat = engine.catalogue();
        let reach = |id: &str| {
            index.reach(std::iter::once(
                index.topic_term(cat.topic_by_id(id).unwrap()),
            ))
        };
        assert_eq!(reach("pruning"), [0]);
        assert_eq!(reach("compression"), [0, 1]);
    }

    #[test]
    fn a_paraphrase_answers_a_message_naming_nothing() {
        let engine = engine();
        let found = engine.find("how do I throw away the weights that barely matter");
        assert!(found.relevance.answer);
        assert_eq!(found.ranked.first().map(|r| r.resource), Some(0));
        let without = Engine::new(Catalogue::from_toml(CATALOGUE, "test").unwrap());
        let found = without.find("how do I throw away the weights that barely matter");
        assert!(!found.relevance.answer);
    }
}
