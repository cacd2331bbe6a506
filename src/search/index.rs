//! The inverted index the pipeline matches against, built once per catalogue.
//!
//! Every resource contributes terms from four fields (its titles, its keywords, its topics'
//! names and aliases, and its ancestor topics'), each term keeping only the best field it
//! appears in. Terms are interned: a hash map answers exact look-ups, a sorted list prefix
//! completions, and [`Typos`] slips; postings are plain vectors indexed by term id.

use foldhash::{HashMap, HashMapExt};

use super::normalise::normalise;
use super::pinyin::{self, Pinyin};
use super::soundalike::SoundAlikes;
use super::tokenise::{Dictionary, Run, bigrams, runs};
use super::typos::Typos;
use super::{budget, lexicon};
use crate::catalogue::{Catalogue, ResourceIdx, TopicIdx};

/// Identifier of a term in the vocabulary.
pub type TermId = u32;

/// Where in a resource a term was found. Lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    /// The title, in either language.
    Title,
    /// One of the resource's keywords.
    Keyword,
    /// A name or alias of the resource's own topic.
    Topic,
    /// A name of a topic above it.
    AncestorTopic,
}

impl Field {
    /// How much a match in this field counts: titles over aliases over topic paths.
    pub fn weight(self) -> f32 {
        match self {
            Field::Title => 1.0,
            Field::Keyword => 0.85,
            Field::Topic => 0.7,
            Field::AncestorTopic => 0.45,
        }
    }
}

/// A set of fields, as a bit mask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FieldSet(u8);

impl FieldSet {
    const ALL: [Field; 4] = [
        Field::Title,
        Field::Keyword,
        Field::Topic,
        Field::AncestorTopic,
    ];

    /// Adds a field.
    pub fn insert(&mut self, field: Field) {
        self.0 |= 1 << field as u8;
    }

    /// True when the field is in the set.
    pub fn contains(self, field: Field) -> bool {
        self.0 & (1 << field as u8) != 0
    }

    /// The best field in the set.
    pub fn best(self) -> Option<Field> {
        FieldSet::ALL.into_iter().find(|&f| self.contains(f))
    }

    /// Number of fields in the set.
    pub fn len(self) -> u32 {
        self.0.count_ones()
    }

    /// True for the empty set.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// One resource containing a term, with the best field it appears in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// The resource's index in the catalogue.
    pub resource: u32,
    /// The best field the term appears in.
    pub field: Field,
    /// In how many other fields the term also appears: a resource that has a word in its
    /// title *and* its topic is more about it than one with the word in its title alone.
    pub also: u8,
}

/// What one extra field of evidence adds to a match.
const EVIDENCE: f32 = 0.1;

impl Posting {
    /// The posting's strength before query-side weights: its field, plus corroboration.
    pub fn weight(self) -> f32 {
        self.field.weight() + EVIDENCE * f32::from(self.also)
    }
}

/// The searchable form of a catalogue.
#[derive(Debug)]
pub struct Index {
    /// Exact look-ups: the interning table the build fills anyway.
    ids: HashMap<String, TermId>,
    /// Every term in byte order, for prefix completion (a range of this list).
    sorted: Vec<TermId>,
    /// The ASCII terms alone, for typo searches: slips in a Latin word are looked for among
    /// Latin terms (two "inserted" ideographs would reach thousands of bigrams).
    latin: Typos<TermId>,
    terms: Vec<String>,
    postings: Vec<Vec<Posting>>,
    idf: Vec<f32>,
    synonyms: HashMap<String, Vec<TermId>>,
    whole_fields: HashMap<String, Vec<(u32, FieldSet)>>,
    /// Chinese dictionary terms by their toneless pinyin with the sounds a fuzzy pinyin
    /// keyboard confuses merged ("liang-hua" → "lian-hua" → 量化), for typos made with a pinyin
    /// keyboard (亮化, 经度 for 精度, 真流 for 蒸馏).
    homophones: HashMap<String, Vec<TermId>>,
    /// The same words by the pinyin a user types in Latin letters, syllables run together
    /// ("lianghua" → 量化), for messages typed without switching the keyboard to Chinese.
    /// Words of two syllables or more: one syllable ("hua") stands for dozens of characters.
    typed_pinyin: HashMap<String, Vec<TermId>>,
    /// The Latin terms that have resources, by how they sound written in Chinese characters
    /// (see [`soundalike`]).
    sound_alikes: SoundAlikes,
    title_keys: Vec<Vec<String>>,
    /// Per topic, a term no query can spell that every resource under the topic has (see
    /// [`Index::topic_term`]).
    topic_terms: Vec<TermId>,
    dictionary: Dictionary,
    resources: usize,
}

/// Calls `emit` with every index term of one piece of normalised catalogue text.
///
/// Latin words are emitted as they are, with their letter prefix ("qwen2" → "qwen") and the
/// concatenations of up to three neighbours ("flash attention" → "flashattention", "llama.cpp"
/// → "llamacpp"), so that users who write compounds either way still match. Runs of ideographs
/// give every dictionary word inside them and every character bigram.
fn terms_of(normalised: &str, dictionary: &Dictionary, emit: &mut impl FnMut(&str)) {
    let runs = runs(normalised);
    for (i, run) in runs.iter().enumerate() {
        match *run {
            Run::Latin(word) => {
                emit(word);
                if let Some(prefix) = letter_prefix(word) {
                    emit(prefix);
                }
                let mut joined = word.to_owned();
                for next in runs[i + 1..].iter().take(2) {
                    let Run::Latin(next) = next else { break };
                    joined.push_str(next);
                    emit(&joined);
                }
            }
            Run::Cjk(chars) => {
                for word in dictionary.words_in(chars) {
                    emit(word);
                }
                for bigram in bigrams(chars) {
                    emit(bigram);
                }
            }
        }
    }
}

/// For each topic, the terms of the empty topics it stands in for: a topic with no resources
/// anywhere below it (PEQA, "AI芯片") lends its names to its nearest ancestor that has some, so
/// a query that names only the empty topic gets that ancestor's resources, not nothing.
/// `build` lends only the names no resource has in a field of its own: those already find
/// something better.
fn orphan_terms(catalogue: &Catalogue, topic_terms: &[Vec<TermId>]) -> Vec<Vec<TermId>> {
    let topics = catalogue.topics();
    let empty: Vec<bool> = (0..topics.len())
        .map(|t| catalogue.resources_under(t).is_empty())
        .collect();
    let mut lent = vec![Vec::new(); topics.len()];
    for t in (0..topics.len()).filter(|&t| empty[t]) {
        let mut at = topics[t].parent;
        while let Some(a) = at {
            if !empty[a] {
                lent[a].extend_from_slice(&topic_terms[t]);
                break;
            }
            at = topics[a].parent;
        }
    }
    for terms in &mut lent {
        terms.sort_unstable();
        terms.dedup();
    }
    lent
}

/// The leading letters of a word that ends in digits ("qwen2" → "qwen", "int8" → "int").
pub(crate) fn letter_prefix(word: &str) -> Option<&str> {
    let end = word.find(|c: char| c.is_ascii_digit())?;
    (end >= 2 && word[end..].bytes().all(|b| b.is_ascii_digit())).then(|| &word[..end])
}

/// A whole field reduced to one comparable key: normalised, spaces removed.
pub(crate) fn field_key(text: &str) -> String {
    normalise(text).replace(' ', "")
}

/// Every text of a catalogue the index reads (titles, keywords, topic labels, synonyms),
/// normalised once: the dictionary, the terms and the whole-field keys all start from the
/// same normalised text, and normalising (OpenCC above all) is most of the index's cost.
struct Normalised<'c>(HashMap<&'c str, String>);

impl<'c> Normalised<'c> {
    fn of(catalogue: &'c Catalogue) -> Normalised<'c> {
        let topics = catalogue.topics().iter().flat_map(|t| t.labels());
        let resources = catalogue.resources().iter().flat_map(|r| {
            let titles = std::iter::once(r.title.as_str()).chain(r.title_en.as_deref());
            titles.chain(r.keywords.iter().map(String::as_str))
        });
        let synonyms = catalogue.synonyms().iter().flatten().map(String::as_str);
        let mut map = HashMap::new();
        for text in topics.chain(resources).chain(synonyms) {
            map.entry(text).or_insert_with(|| normalise(text));
        }
        Normalised(map)
    }

    /// The normalised form of one of the catalogue's texts.
    fn get(&self, text: &str) -> std::borrow::Cow<'_, str> {
        match self.0.get(text) {
            Some(normalised) => std::borrow::Cow::Borrowed(normalised),
            None => std::borrow::Cow::Owned(normalise(text)),
        }
    }

    fn key(&self, text: &str) -> String {
        self.get(text).replace(' ', "")
    }
}

impl Index {
    /// Builds the index of a catalogue.
    pub fn build(catalogue: &Catalogue) -> Index {
        let normalised = Normalised::of(catalogue);
        let dictionary = build_dictionary(catalogue, &normalised);
        let mut ids: HashMap<String, TermId> = HashMap::new();
        let mut terms: Vec<String> = Vec::new();
        let mut postings: Vec<Vec<Posting>> = Vec::new();
        let mut whole_fields: HashMap<String, Vec<(u32, FieldSet)>> = HashMap::new();
        let mut title_keys = Vec::with_capacity(catalogue.resources().len());
        // Every field each term of the current resource appears in.
        let mut seen: HashMap<TermId, FieldSet> = HashMap::new();
        // Names lent by empty topics (see `orphan_terms`) to the current resource, to all
        // resources, and the terms some resource has in a field of its own.
        let mut lent_here: Vec<TermId> = Vec::new();
        let mut lent: Vec<(TermId, u32)> = Vec::new();
        let mut owned: Vec<bool> = Vec::new();

        let mut intern = |term: &str| -> TermId {
            if let Some(&id) = ids.get(term) {
                return id;
            }
            let id = terms.len() as TermId;
            ids.insert(term.to_owned(), id);
            terms.push(term.to_owned());
            id
        };
        // Topic names are shared by many resources: tokenise each topic once.
        let topic_terms: Vec<Vec<TermId>> = catalogue
            .topics()
            .iter()
            .map(|topic| {
                let mut out = Vec::new();
                for label in topic.labels() {
                    terms_of(&normalised.get(label), &dictionary, &mut |term: &str| {
                        out.push(intern(term))
                    });
                }
                out.sort_unstable();
                out.dedup();
                out
            })
            .collect();
        // Brackets never survive normalisation, so no query word can be one of these terms,
        // and being non-ASCII they stay out of the typo search.
        let topic_own: Vec<TermId> = catalogue
            .topics()
            .iter()
            .map(|t| intern(&format!("⟨{}⟩", t.id)))
            .collect();
        let orphans = orphan_terms(catalogue, &topic_terms);
        let topic_keys: Vec<Vec<String>> = catalogue
            .topics()
            .iter()
            .map(|t| t.labels().map(|l| normalised.key(l)).collect())
            .collect();

        for (r, resource) in catalogue.resources().iter().enumerate() {
            seen.clear();
            let titles = std::iter::once(&resource.title).chain(resource.title_en.as_ref());
            let texts = titles.clone().map(|t| (t, Field::Title));
            for (text, field) in texts.chain(resource.keywords.iter().map(|k| (k, Field::Keyword)))
            {
                terms_of(&normalised.get(text), &dictionary, &mut |term: &str| {
                    seen.entry(intern(term)).or_default().insert(field);
                });
            }
            for &topic in &resource.topics {
                let path = catalogue.path(topic);
                let Some((own, above)) = path.split_last() else {
                    continue;
                };
                let fields = std::iter::once((*own, Field::Topic))
                    .chain(above.iter().map(|&t| (t, Field::AncestorTopic)));
                for (t, field) in fields {
                    seen.entry(topic_own[t]).or_default().insert(field);
                    for &id in &topic_terms[t] {
                        seen.entry(id).or_default().insert(field);
                    }
                    lent_here.extend_from_slice(&orphans[t]);
                }
            }
            for &id in &lent_here {
                if !seen.contains_key(&id) {
                    lent.push((id, r as u32));
                }
            }
            lent_here.clear();
            for (&id, &fields) in &seen {
                let Some(field) = fields.best() else {
                    continue;
                };
                if postings.len() <= id as usize {
                    postings.resize_with(id as usize + 1, Vec::new);
                }
                if field != Field::AncestorTopic {
                    if owned.len() <= id as usize {
                        owned.resize(id as usize + 1, false);
                    }
                    owned[id as usize] = true;
                }
                postings[id as usize].push(Posting {
                    resource: r as u32,
                    field,
                    also: (fields.len() - 1) as u8,
                });
            }

            let mut whole = |key: String, field: Field| {
                let list = whole_fields.entry(key).or_default();
                // Entries of one resource arrive together, so only the last can be ours.
                match list.last_mut() {
                    Some((res, fields)) if *res == r as u32 => fields.insert(field),
                    _ => {
                        let mut fields = FieldSet::default();
                        fields.insert(field);
                        list.push((r as u32, fields));
                    }
                }
            };
            let keys: Vec<String> = titles.map(|t| normalised.key(t)).collect();
            for key in &keys {
                whole(key.clone(), Field::Title);
            }
            for keyword in &resource.keywords {
                whole(normalised.key(keyword), Field::Keyword);
            }
            for &t in &resource.topics {
                for key in &topic_keys[t] {
                    whole(key.clone(), Field::Topic);
                }
            }
            title_keys.push(keys);
        }

        // Terms seen only in topics nobody is filed under have no postings yet.
        postings.resize_with(terms.len(), Vec::new);
        // A lent name describes a branch these resources are not in, so it finds them as
        // weakly as an ancestor's name, and only when no resource has the name as its own:
        // "昇腾", an alias of the empty AI-chip topic, should find MindIE, which is about
        // Ascend, not every cluster article above the chips.
        let mut touched = Vec::new();
        owned.resize(terms.len(), false);
        for (id, resource) in lent.into_iter().filter(|&(id, _)| !owned[id as usize]) {
            postings[id as usize].push(Posting {
                resource,
                field: Field::AncestorTopic,
                also: 0,
            });
            touched.push(id);
        }
        touched.sort_unstable();
        touched.dedup();
        for id in touched {
            postings[id as usize].sort_unstable_by_key(|p| p.resource);
        }
        let n = catalogue.resources().len();
        let idf = postings.iter().map(|p| idf(n, p.len())).collect();

        let mut sorted: Vec<TermId> = (0..terms.len() as TermId).collect();
        sorted.sort_unstable_by(|&a, &b| terms[a as usize].cmp(&terms[b as usize]));
        let latin = Typos::new(
            sorted
                .iter()
                .map(|&id| (id, terms[id as usize].as_str()))
                .filter(|(_, t)| t.is_ascii()),
        );

        let mut index = Index {
            ids,
            sorted,
            latin,
            terms,
            postings,
            idf,
            synonyms: HashMap::new(),
            homophones: HashMap::new(),
            typed_pinyin: HashMap::new(),
            sound_alikes: SoundAlikes::default(),
            whole_fields,
            title_keys,
            topic_terms: topic_own,
            dictionary,
            resources: catalogue.resources().len(),
        };
        index.synonyms = index.build_synonyms(catalogue);
        (index.homophones, index.typed_pinyin) = index.build_homophones();
        index.sound_alikes = SoundAlikes::new(
            index
                .terms
                .iter()
                .enumerate()
                .filter(|&(id, _)| !index.postings[id].is_empty())
                .map(|(id, term)| (id as TermId, term.as_str())),
        );
        index.shrink_to_fit();
        index
    }

    /// Gives back the room the lists built by pushing kept to grow into: nothing is added
    /// after building, and the room was a megabyte of the engine's heap.
    fn shrink_to_fit(&mut self) {
        self.postings.iter_mut().for_each(Vec::shrink_to_fit);
        self.postings.shrink_to_fit();
        self.terms.shrink_to_fit();
        self.whole_fields.values_mut().for_each(Vec::shrink_to_fit);
        for map in [
            &mut self.synonyms,
            &mut self.homophones,
            &mut self.typed_pinyin,
        ] {
            map.values_mut().for_each(Vec::shrink_to_fit);
        }
        self.title_keys.iter_mut().for_each(Vec::shrink_to_fit);
    }

    /// The Latin terms a run of Chinese characters may be a name heard aloud as ("迪普斯皮德"
    /// → deepspeed), most resources first.
    pub fn heard_as(&self, run: &str) -> Vec<TermId> {
        let mut terms: Vec<TermId> = self.sound_alikes.heard_as(run).collect();
        terms.sort_by_key(|&t| std::cmp::Reverse(self.postings(t).len()));
        terms
    }

    /// Maps the fuzzy pinyin of every Chinese dictionary word that has resources to those
    /// words. Words only: a slip sounds like the word the keyboard would have offered, not
    /// like two characters that happen to stand together in a title (大模 of 大模型, which
    /// 打磨 "polish" sounds like).
    ///
    /// Also maps the same words by their pinyin as typed in Latin letters (see
    /// [`Index::typed_pinyin`]).
    fn build_homophones(&self) -> (HashMap<String, Vec<TermId>>, HashMap<String, Vec<TermId>>) {
        let mut map: HashMap<String, Vec<TermId>> = HashMap::new();
        let mut typed: HashMap<String, Vec<TermId>> = HashMap::new();
        for (id, term) in self.terms.iter().enumerate() {
            if self.dictionary.has(term) && !self.postings[id].is_empty() {
                let keys = pinyin::keys(term, Pinyin::Fuzzy);
                for key in &keys {
                    let ids = map.entry(key.clone()).or_default();
                    if ids.last() != Some(&(id as TermId)) {
                        ids.push(id as TermId);
                    }
                }
                if !keys.is_empty() && term.chars().nth(1).is_some() {
                    for key in pinyin::typed(term) {
                        typed.entry(key).or_default().push(id as TermId);
                    }
                }
            }
        }
        (map, typed)
    }

    /// Maps every synonym's key to the terms of the other members of its group.
    fn build_synonyms(&self, catalogue: &Catalogue) -> HashMap<String, Vec<TermId>> {
        let mut map: HashMap<String, Vec<TermId>> = HashMap::new();
        for group in catalogue.synonyms() {
            let keys: Vec<String> = group.iter().filter_map(|t| synonym_key(t)).collect();
            for key in &keys {
                let targets = map.entry(key.clone()).or_default();
                for other in keys.iter().filter(|k| *k != key) {
                    if let Some(id) = self.term(other)
                        && !targets.contains(&id)
                    {
                        targets.push(id);
                    }
                }
            }
        }
        map.retain(|_, targets| !targets.is_empty());
        map
    }

    /// The term id of an exact term.
    pub fn term(&self, text: &str) -> Option<TermId> {
        self.ids.get(text).copied()
    }

    /// The text of a term.
    pub fn term_text(&self, id: TermId) -> &str {
        &self.terms[id as usize]
    }

    /// Resources containing a term.
    pub fn postings(&self, id: TermId) -> &[Posting] {
        &self.postings[id as usize]
    }

    /// Whether some resource holds a term: synonyms and topic names are terms that may find
    /// nothing by themselves.
    pub fn is_held(&self, id: TermId) -> bool {
        !self.postings(id).is_empty()
    }

    /// The term spelled `text`, when some resource holds it.
    pub fn held_term(&self, text: &str) -> Option<TermId> {
        self.term(text).filter(|&t| self.is_held(t))
    }

    /// The resources a set of terms reaches together, sorted and without repeats.
    pub fn reach(&self, terms: impl Iterator<Item = TermId>) -> Vec<u32> {
        // A bit per resource: a common term has a posting per field of hundreds of resources,
        // and marking them beats sorting them (this ran for every content word of a message).
        let mut marked = vec![0u64; self.resources.div_ceil(64)];
        for t in terms {
            for p in self.postings(t) {
                let r = p.resource as usize;
                marked[r / 64] |= 1 << (r % 64);
            }
        }
        let mut reached = Vec::new();
        for (block, &bits) in (0u32..).zip(&marked) {
            let mut bits = bits;
            while bits != 0 {
                reached.push(block * 64 + bits.trailing_zeros());
                bits &= bits - 1;
            }
        }
        reached
    }

    /// How much reaching `count` resources tells them apart, in (0.4, 1]: the inverse document
    /// frequency of a set of terms taken together (see [`Index::reach`]).
    pub fn idf_of_reach(&self, count: usize) -> f32 {
        idf(self.resources, count)
    }

    /// How much a term tells resources apart, in (0.4, 1]: rare terms count more.
    pub fn idf(&self, id: TermId) -> f32 {
        self.idf[id as usize]
    }

    /// Terms a synonym group gives for this query key.
    pub fn synonyms(&self, key: &str) -> &[TermId] {
        self.synonyms.get(key).map_or(&[], Vec::as_slice)
    }

    /// Chinese terms that sound like `text` (the same toneless pinyin, or the same once the
    /// sounds a fuzzy pinyin keyboard confuses are merged), other than `text` itself; only
    /// terms some resource holds are filed by sound.
    pub fn homophones(&self, text: &str) -> Vec<Homophone> {
        let Some(key) = pinyin::key(text, Pinyin::Fuzzy) else {
            return Vec::new();
        };
        let Some(ids) = self.homophones.get(&key) else {
            return Vec::new();
        };
        let typed = pinyin::key(text, Pinyin::Exact);
        let same = self.term(text);
        ids.iter()
            .filter(|&&t| Some(t) != same)
            .map(|&term| Homophone {
                term,
                exact: typed
                    .as_ref()
                    .is_some_and(|t| pinyin::keys(self.term_text(term), Pinyin::Exact).contains(t)),
            })
            .collect()
    }

    /// Chinese words of two syllables or more whose toneless pinyin, run together, is `text`
    /// ("lianghua" → 量化, "xiancun" → 显存).
    pub fn typed_pinyin(&self, text: &str) -> &[TermId] {
        self.typed_pinyin.get(text).map_or(&[], Vec::as_slice)
    }

    /// Resources one of whose titles, keywords or topic names is exactly `key` (normalised,
    /// spaces removed), with the fields where it is.
    pub fn whole_field(&self, key: &str) -> &[(u32, FieldSet)] {
        self.whole_fields.get(key).map_or(&[], Vec::as_slice)
    }

    /// A resource's titles as field keys.
    pub fn title_keys(&self, resource: ResourceIdx) -> &[String] {
        &self.title_keys[resource]
    }

    /// The term that stands for a topic itself: in the postings of every resource filed
    /// under the topic (as [`Field::Topic`]) or under one of its descendants (as
    /// [`Field::AncestorTopic`]), and never typed.
    pub fn topic_term(&self, topic: TopicIdx) -> TermId {
        self.topic_terms[topic]
    }

    /// The topic a term stands for, if it is one of the [`Index::topic_term`]s.
    pub fn topic_of_term(&self, term: TermId) -> Option<TopicIdx> {
        self.topic_terms.iter().position(|&t| t == term)
    }

    /// The Chinese segmentation dictionary.
    pub fn dictionary(&self) -> &Dictionary {
        &self.dictionary
    }

    /// Number of resources indexed.
    pub fn resource_count(&self) -> usize {
        self.resources
    }

    /// Number of distinct terms.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// Latin terms nearest to `word` within `max` slips (see [`Typos`]), with their slips,
    /// most frequent first. Two slips are looked for only when nothing lies one slip away
    /// (the nearest correction is the likeliest), and only among terms that start with the
    /// word's first letter: two slips, one of them the first letter, are seldom what was
    /// meant.
    pub fn typo_candidates(&self, word: &str, max: u8) -> Vec<(TermId, u8)> {
        for slips in 1..=max.min(2) {
            let anchored = slips == 2;
            let mut found = self
                .latin
                .candidates(word, slips, anchored, |id| self.term_text(id));
            if !found.is_empty() {
                // Ties go by the terms' byte order, so the same word always gets the same list.
                found.sort_by_key(|&(id, dist)| {
                    (
                        dist,
                        std::cmp::Reverse(self.postings(id).len()),
                        self.term_text(id),
                    )
                });
                return found;
            }
        }
        Vec::new()
    }

    /// Terms that start with `prefix` (excluding `prefix` itself), shortest first, at most
    /// `limit` of them.
    pub fn completions(&self, prefix: &str, limit: usize) -> Vec<TermId> {
        let start = self
            .sorted
            .partition_point(|&id| self.term_text(id) < prefix);
        // The terms that start with `prefix` follow one another in byte order, so cap the
        // scan, then keep the closest completions.
        let found = self.sorted[start..]
            .iter()
            .copied()
            .take_while(|&id| self.term_text(id).starts_with(prefix))
            .filter(|&id| self.term_text(id).len() > prefix.len())
            .take(limit * 8);
        let mut found: Vec<TermId> = found.collect();
        found.sort_by_key(|&id| (self.term_text(id).len(), id));
        found.truncate(limit);
        found
    }
}

/// A catalogue term that sounds like a typed span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Homophone {
    /// The term.
    pub term: TermId,
    /// Whether it has exactly the typed syllables, rather than ones a fuzzy pinyin keyboard
    /// confuses with them (zhen for zheng).
    pub exact: bool,
}

/// A synonym's look-up key: one Latin word, a concatenation of up to three Latin words, or
/// one run of ideographs. Mixed-script or longer phrases cannot be looked up and are skipped.
fn synonym_key(term: &str) -> Option<String> {
    let normalised = normalise(term);
    let runs = runs(&normalised);
    match runs.as_slice() {
        [Run::Cjk(chars)] => Some((*chars).to_owned()),
        latin if (1..=3).contains(&latin.len()) => latin
            .iter()
            .map(|r| match r {
                Run::Latin(w) => Some(*w),
                Run::Cjk(_) => None,
            })
            .collect::<Option<String>>(),
        _ => None,
    }
}

fn build_dictionary(catalogue: &Catalogue, normalised: &Normalised<'_>) -> Dictionary {
    let mut words: Vec<String> = lexicon::cjk_words()
        .chain(budget::cjk_spans())
        .map(str::to_owned)
        .collect();
    let mut add = |text: &str| {
        let normalised = normalised.get(text);
        for run in runs(&normalised) {
            if let Run::Cjk(chars) = run
                && chars.chars().count() >= 2
            {
                words.push(chars.to_owned());
            }
        }
    };
    catalogue
        .topics()
        .iter()
        .flat_map(|t| t.labels())
        .for_each(&mut add);
    let keywords = catalogue.resources().iter().flat_map(|r| &r.keywords);
    keywords
        .chain(catalogue.synonyms().iter().flatten())
        .for_each(|k| add(k));
    Dictionary::new(words)
        .with_singles(lexicon::cjk_link_chars())
        .with_light(lexicon::cjk_light_chars())
}

/// Inverse document frequency scaled into (0.4, 1] for a term found in `df` of `n` resources.
fn idf(n: usize, df: usize) -> f32 {
    let n = n.max(1) as f32;
    0.4 + 0.6 * (1.0 + n / df.max(1) as f32).ln() / (1.0 + n).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(text: &str, dict: &Dictionary) -> Vec<String> {
        let mut out = Vec::new();
        terms_of(&normalise(text), dict, &mut |t: &str| {
            out.push(t.to_owned())
        });
        out
    }

    #[test]
    fn latin_terms_include_compounds_and_prefixes() {
        let dict = Dictionary::new(Vec::<String>::new());
        let terms = collect("Flash Attention V2 (Qwen2)", &dict);
        for want in [
            "flash",
            "attention",
            "flashattention",
            "flashattentionv2",
            "qwen2",
            "qwen",
        ] {
            assert!(
                terms.iter().any(|t| t == want),
                "missing {want} in {terms:?}"
            );
        }
        assert!(collect("llama.cpp", &dict).contains(&"llamacpp".to_owned()));
    }

    #[test]
    fn cjk_terms_include_dictionary_words_and_bigrams() {
        let dict = Dictionary::new(["知识蒸馏", "蒸馏"]);
        let terms = collect("知识蒸馏学习", &dict);
        for want in ["知识蒸馏", "蒸馏", "知识", "识蒸", "馏学", "学习"] {
            assert!(
                terms.iter().any(|t| t == want),
                "missing {want} in {terms:?}"
            );
        }
    }

    #[test]
    fn letter_prefix_needs_trailing_digits() {
        assert_eq!(letter_prefix("qwen2"), Some("qwen"));
        assert_eq!(letter_prefix("int8"), Some("int"));
        assert_eq!(letter_prefix("t5"), None);
        assert_eq!(letter_prefix("v2x"), None);
        assert_eq!(letter_prefix("lora"), None);
    }

    #[test]
    fn synonym_keys() {
        assert_eq!(
            synonym_key("Tensor Parallelism").as_deref(),
            Some("tensorparallelism")
        );
        assert_eq!(synonym_key("张量并行").as_deref(), Some("张量并行"));
        assert_eq!(synonym_key("kv cache量化"), None);
    }

    #[test]
    fn empty_topics_lend_their_names_to_the_nearest_ancestor_with_resources() {
        let cat = Catalogue::shipped().unwrap();
        let index = Index::build(&cat);
        let peqa = index.term("peqa").unwrap();
        let qat = cat.topic_by_id("qat").unwrap();
        let under_qat = cat.resources_under(qat);
        let found: Vec<usize> = index
            .postings(peqa)
            .iter()
            .map(|p| p.resource as usize)
            .collect();
        assert!(!found.is_empty());
        assert!(found.iter().all(|r| under_qat.contains(r)), "{found:?}");
        // ... but only as strongly as an ancestor's name: they are not these resources' own.
        assert!(
            index
                .postings(peqa)
                .iter()
                .all(|p| p.field == Field::AncestorTopic),
            "{:?}",
            index.postings(peqa)
        );
    }

    #[test]
    fn names_that_resources_have_of_their_own_are_not_lent() {
        // 昇腾 (Ascend) is an alias of the empty AI-chip topic, but MindIE and MindFormers
        // name it themselves: it finds them, not every resource above the chips.
        let cat = Catalogue::shipped().unwrap();
        let index = Index::build(&cat);
        let ascend = index.term(&normalise("昇腾")).unwrap();
        let ids: Vec<&str> = index
            .postings(ascend)
            .iter()
            .map(|p| cat.resources()[p.resource as usize].id.as_str())
            .collect();
        assert!(ids.contains(&"hiascend-mindie"), "{ids:?}");
        assert!(!ids.contains(&"zhihu-672098336"), "{ids:?}");
    }

    #[test]
    fn shipped_index_finds_typos_and_completions() {
        let cat = Catalogue::shipped().unwrap();
        let index = Index::build(&cat);
        let megatron = index.term("megatron").unwrap();
        assert!(
            index
                .typo_candidates("megatorn", 2)
                .iter()
                .any(|&(t, d)| t == megatron && d == 1)
        );
        let lora = index.term("lora").unwrap();
        assert!(index.completions("lor", 8).contains(&lora));
    }

    #[test]
    fn two_slips_are_looked_for_only_after_the_first_letter_as_typed() {
        let cat = Catalogue::shipped().unwrap();
        let index = Index::build(&cat);
        let found = |typed: &str, meant: &str| {
            let meant = index.term(meant).unwrap();
            index
                .typo_candidates(typed, 2)
                .iter()
                .any(|&(t, d)| t == meant && d == 2)
        };
        assert!(found("quantisaton", "quantization"));
        assert!(found("distrbutd", "distributed"));
        // The same two slips with the first letter one of them: not looked for.
        assert!(!found("wuantisation", "quantization"));
    }

    /// The length lists and the bound before each distance drop no term: the candidates are
    /// those a full distance to every Latin term gives, for words one and two slips from
    /// terms of the shipped catalogue (every 60th term, each with a letter dropped, with two
    /// letters swapped and with both).
    #[test]
    fn typo_candidates_are_every_term_the_full_distance_finds() {
        let cat = Catalogue::shipped().unwrap();
        let index = Index::build(&cat);
        let latin: Vec<TermId> = (0..index.term_count() as TermId)
            .filter(|&t| index.term_text(t).is_ascii())
            .collect();
        let by_full_distance = |typed: &str| -> Vec<(TermId, u8)> {
            let first = typed.chars().next();
            let within = |t: TermId, max: usize, anchored: bool| {
                let text = index.term_text(t);
                let d = strsim::osa_distance(typed, text);
                ((1..=max).contains(&d) && (!anchored || text.chars().next() == first))
                    .then_some((t, d as u8))
            };
            let mut found: Vec<_> = latin.iter().filter_map(|&t| within(t, 1, false)).collect();
            if found.is_empty() {
                found = latin.iter().filter_map(|&t| within(t, 2, true)).collect();
            }
            found.sort_by_key(|&(t, d)| {
                (
                    d,
                    std::cmp::Reverse(index.postings(t).len()),
                    index.term_text(t),
                )
            });
            found
        };
        let mut tried = 0;
        for &t in latin.iter().step_by(60) {
            let text = index.term_text(t);
            if text.len() < 4 {
                continue;
            }
            let dropped = format!("{}{}", &text[..2], &text[3..]);
            let swapped = format!("{}{}{}{}", &text[..1], &text[2..3], &text[1..2], &text[3..]);
            let both = format!("{}{}", &swapped[..2], &swapped[3..]);
            for typed in [dropped, swapped, both] {
                assert_eq!(
                    index.typo_candidates(&typed, 2),
                    by_full_distance(&typed),
                    "{typed}"
                );
                tried += 1;
            }
        }
        assert!(tried > 100, "{tried}");
    }
}
