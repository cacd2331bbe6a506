//! The query pipeline, read top to bottom:
//!
//! 0. [`markup`] — a chat app's marks that are no words (`<@123…>`, `<:pepe:1…>`, `:pray:`,
//!    `@name`, "+1") become spaces, or the emoji a shortcode stands for;
//!    [`address`] — web addresses, repository ids and arXiv numbers become the words they
//!    carry (a catalogue page its topic's name, another site its name and its path's words);
//!    [`items`] turns the marks of a list ("1.", "2)", `- [ ]`, "①", "→") into list
//!    punctuation, so that each item of a list of two marks or more is asked on its own;
//! 1. [`normalise`] — NFKC, case folding, traditional → simplified, punctuation folded,
//!    numbers and chat shorthand spelled one way (七十亿 → 7b, 训 → 训练);
//! 2. [`tokenise`] — words by script, Chinese segmented against the catalogue's dictionary;
//!    with the semantic layer on, a catalogue word and the character after it that make an
//!    everyday word are joined (服务器, [`Semantic::join_suffixes`]) and spans the dictionary
//!    does not know are cut into the word table's general vocabulary
//!    ([`Semantic::split_gaps`]);
//! 3. [`expand`] — roles (content, intent, filler, link), synonyms, compounds, completions and
//!    typo corrections per word; [`foreign`] tells words of a language the bot does not read
//!    ("나아요", "vous auriez"), which weigh less; [`background`] sets aside a self-introduction ("我是做后端的"),
//!    [`illustration`] the asker's own picture ("大白话讲讲，是不是像…"), [`setting`] the
//!    machine it runs on ("on ubuntu 22") and [`budget`] the time the asker has ("an hour a
//!    day"); [`exclusion`] what the message rules out ("不要知乎的"), [`language`] the
//!    language it asks for ("看不懂英文");
//!    [`senses`] takes the catalogue's meaning from words the message uses in another sense
//!    ("llm" beside "law school"); [`paraphrase`] lets words describing a topic without naming
//!    it stand for it; [`concepts`] groups the words of a comparison or a list;
//! 4. [`relevance`] — one decision per query: does it name enough of the catalogue to answer?
//!    then [`matching`] gathers candidates from the inverted [`index`];
//! 5. [`rank`] — scores weighted by what each word says, bonuses, floors, interleaving; a
//!    question about the subject as a whole gets the catalogue's starting points ([`start`]).
//!
//! [`Engine`] owns a catalogue and its index and runs the pipeline; it is immutable, so a
//! reload builds a new engine and swaps it in whole. Messages that are not questions at all
//! (greetings, thanks, "help") are recognised by [`smalltalk`] before the pipeline runs.
//! The answer model ([`crate::answer`]) is built on top of this module, never the reverse.

pub mod address;
pub mod background;
pub mod budget;
pub mod concepts;
pub mod exclusion;
pub mod expand;
mod filed;
pub mod foreign;
pub mod fuse;
pub mod illustration;
pub mod index;
pub mod items;
pub mod language;
pub mod lexicon;
pub mod markup;
pub mod matching;
pub mod normalise;
pub mod paraphrase;
pub mod pasted;
pub mod pinyin;
pub mod rank;
pub mod relevance;
pub mod section;
pub mod semantic;
pub mod senses;
pub mod setting;
pub mod smalltalk;
pub mod soundalike;
pub mod start;
pub mod tokenise;
mod topics;
pub mod typos;
pub mod vectors;
pub mod writing;

use std::path::Path;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;

use crate::catalogue::{self, Catalogue, CatalogueError, TopicIdx};
use expand::QueryWord;
use index::Index;
use rank::Ranked;
use relevance::Relevance;
use semantic::Semantic;
pub use smalltalk::SmallTalk;

/// How rare in the language a topic's name inside a pasted fragment must be (its importance)
/// for the fragment to be the catalogue's (vllm, langchain 1.0; python 0.5): see
/// [`pasted::mark`].
const PASTED_NAME_IMPORTANCE: f32 = 0.9;
/// What a word pasted from a screen weighs against one the asker typed, in deciding whether to
/// answer: "ImportError: cannot import name 'LLMChain' from 'langchain' … where's the current
/// langchain repo" asks about LangChain, whatever LLMChain is. Nothing, as a self-introduction's
/// words: weighed at 0.3 they still kept that question unanswered, and cost an off-topic one.
const PASTED_WEIGHT: f32 = 0.0;
/// How much a word of a language the bot does not read says ([`foreign`]): as much as an
/// ordinary word, about what the word table gives one of Zipf frequency 3.5. The table takes a
/// word it lacks for a rare name, which in English it is; a Korean or French word it lacks is
/// as likely "the" as a name. At half as much (0.15), German's "Webscraping" no longer outweighed the Scrapy
/// beside it.
const FOREIGN_IMPORTANCE: f32 = 0.3;
/// What a catalogue word typed in capitals that is also an everyday word says at least ("RAG"
/// in "新手求问 RAG 到底是个啥", where the word table weighs rag, a cloth, at 0.3): as much as a
/// rare word, since the everyday word is not what was typed. Other words in capitals are
/// emphasis ("SHORT. NO EQUATIONS"), and weigh as typed.
const CAPITALS_IMPORTANCE: f32 = 0.8;
/// Longest query the pipeline reads, in characters; the rest is ignored, as the cap bounds
/// the cost of hostile input. Typed questions are far shorter, but a pasted error line with the
/// question after it is not: at 200 "RuntimeError: The size of tensor a (512) must match … is
/// there a step-by-step code walkthrough?" lost its last word.
pub const MAX_QUERY_CHARS: usize = 400;
/// Punctuation that separates the items of a list ("剪枝、蒸馏、量化", "TP/PP").
const LIST_MARKS: &[char] = &['、', ',', '，', ';', '；', '/', '|', '｜'];
/// The importance below which no word of a message asking the bot to shape its answers
/// names a topic of its own: everyday words ("以后", "多") stay under it, a name the catalogue
/// lacks ("rust", 0.37) does not.
const SHAPING_IMPORTANCE: f32 = 0.3;
/// How many of the semantically nearest resources are fused with the lexical ranking.
const SEMANTIC_DEPTH: usize = 10;
/// Most topics offered as related in meaning to a query that found nothing.
const RELATED_TOPICS: usize = 3;
/// The shortest word read as a name typed with a slip (see [`Engine::names_misspelled`]): in
/// fewer letters one slip makes another word too often.
const MIN_SLIPPED_NAME: usize = 4;
/// Most hits an answer can page through.
pub const MAX_HITS: usize = 50;

/// A catalogue with its index: everything needed to answer queries.
#[derive(Debug)]
pub struct Engine {
    catalogue: Catalogue,
    index: Index,
    topic_labels: Vec<Vec<String>>,
    /// Every topic label, sorted, to tell a name said outright (see [`relevance`]), which is
    /// asked for every run of Latin words that could be one.
    labels: Vec<String>,
    /// Every word of every topic label with its length in characters and its topic, shortest
    /// first, for "did you mean" (which compares typed words with label words of about the same
    /// length).
    label_words: Vec<(usize, String, TopicIdx)>,
    /// The labels of the topics that are things of their own (tools, models: topics without
    /// subtopics with a repository, docs, a model card or a website), sorted, each with its
    /// topic (see [`concepts::assign_names`]).
    named_labels: Vec<(String, TopicIdx)>,
    /// The labels a word typed with a slip may have been meant as (see
    /// [`Engine::names_misspelled`]): one Latin word each, not an everyday word, sorted.
    slip_names: Vec<String>,
    /// Resource vectors, unless the semantic layer is off.
    semantic: Option<Semantic>,
    /// Where a newcomer to the whole subject starts (see [`start`]).
    starting_points: Vec<catalogue::ResourceIdx>,
    /// The starting step a newcomer may ask to skip ("别太硬核，看不懂公式"): the topic the
    /// catalogue calls "math", if it has one.
    math_step: Option<catalogue::TopicIdx>,
    /// The catalogue's words that are ordinary words elsewhere (see [`senses`]).
    senses: senses::Senses,
    /// How the catalogue's topics are described without their names (see [`paraphrase`]).
    paraphrases: paraphrase::Paraphrases,
    /// The catalogue's addresses and papers, for what a message pastes (see [`address`]).
    addresses: address::Addresses,
    /// The matcher for topic names, made once so that its per-thread scratch buffers serve
    /// every query.
    matcher: Matcher,
}

/// [`SkimMatcherV2`], which has no `Debug` of its own.
struct Matcher(SkimMatcherV2);

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SkimMatcherV2")
    }
}

/// How an engine answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Whether the semantic layer re-ranks and proposes resources (on by default).
    pub semantic: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options { semantic: true }
    }
}

impl Engine {
    /// Indexes a catalogue, with the default [`Options`].
    pub fn new(catalogue: Catalogue) -> Engine {
        Engine::with_options(catalogue, Options::default())
    }

    /// Indexes a catalogue.
    pub fn with_options(catalogue: Catalogue, options: Options) -> Engine {
        // The builds share nothing but the catalogue; the index and the vectors are each about
        // two fifths of start-up, filing the paraphrases and senses the rest: on a machine with
        // a second core, `ganhuo ask` waits for about half of their sum.
        let (index, semantic, (paraphrases, senses)) = std::thread::scope(|scope| {
            let semantic = options
                .semantic
                .then(|| scope.spawn(|| Semantic::build(&catalogue)));
            let tables = scope.spawn(|| {
                (
                    paraphrase::Paraphrases::new(catalogue.paraphrases()),
                    senses::Senses::new(catalogue.senses()),
                )
            });
            let index = Index::build(&catalogue);
            let semantic = semantic.and_then(|build| joined(build.join()));
            (index, semantic, joined(tables.join()))
        });
        let topic_labels = topic_labels(&catalogue);
        let mut label_words: Vec<(usize, String, TopicIdx)> = Vec::new();
        for (t, labels) in topic_labels.iter().enumerate() {
            for word in labels.iter().flat_map(|l| l.split(' ')) {
                label_words.push((word.chars().count(), word.to_owned(), t));
            }
        }
        label_words.sort();
        label_words.dedup();
        let mut labels: Vec<String> = topic_labels.iter().flatten().cloned().collect();
        labels.sort_unstable();
        labels.dedup();
        let named_labels = named_labels(&catalogue, &topic_labels);
        let slip_names = labels
            .iter()
            .filter(|l| {
                l.len() >= MIN_SLIPPED_NAME
                    && l.bytes().all(|b| b.is_ascii_alphanumeric())
                    && semantic
                        .as_ref()
                        .is_some_and(|s| s.familiarity(l) != expand::Familiarity::Common)
            })
            .cloned()
            .collect();
        Engine {
            starting_points: start::starting_points(&catalogue),
            math_step: catalogue.topic_by_id("math"),
            addresses: address::Addresses::new(&catalogue),
            senses,
            paraphrases,
            catalogue,
            index,
            topic_labels,
            labels,
            named_labels,
            label_words,
            slip_names,
            semantic,
            matcher: Matcher(SkimMatcherV2::default()),
        }
    }

    /// An engine over the catalogue embedded in the binary.
    pub fn shipped() -> Result<Engine, CatalogueError> {
        Ok(Engine::new(Catalogue::shipped()?))
    }

    /// An engine over a catalogue file, or over the embedded catalogue when there is none.
    pub fn load(file: Option<&Path>) -> Result<Engine, CatalogueError> {
        Engine::load_with(file, Options::default())
    }

    /// [`Engine::load`] with the given [`Options`].
    pub fn load_with(file: Option<&Path>, options: Options) -> Result<Engine, CatalogueError> {
        let catalogue = match file {
            Some(path) => Catalogue::from_path(path)?,
            None => Catalogue::shipped()?,
        };
        Ok(Engine::with_options(catalogue, options))
    }

    /// The catalogue this engine answers from.
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// The inverted index built from the catalogue.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The words of `query` that the engine read as `term` in the way `how`, for tests that
    /// check which words a rule made stand for a catalogue word.
    #[cfg(test)]
    pub(crate) fn words_reading(
        &self,
        query: &str,
        term: index::TermId,
        how: expand::How,
    ) -> Vec<String> {
        self.understand(query, false)
            .into_iter()
            .filter(|w| {
                w.alternatives
                    .iter()
                    .any(|a| a.term == term && a.how == how)
            })
            .map(|w| w.text)
            .collect()
    }

    /// Runs stages 0–3: what the engine understood of a query. List punctuation ("、", ",")
    /// separates pieces, which [`concepts`] may treat as separate concepts; a
    /// self-introduction inside a piece is read on its own and set aside ([`background`]).
    pub fn understand(&self, query: &str, complete_last: bool) -> Vec<QueryWord> {
        let unmarked = markup::strip(query);
        let rewritten = self.addresses.read(&unmarked);
        self.read(&rewritten.text, &rewritten.pointed, complete_last)
            .0
    }

    /// [`Engine::understand`], with the piece of writing the message asks for, if it asks for
    /// one ([`writing`]).
    fn read(
        &self,
        query: &str,
        pointed: &[&str],
        complete_last: bool,
    ) -> (Vec<QueryWord>, Option<&'static str>) {
        // Fragments are read from the message as pasted, words from it spelled out; both
        // within the cap, which bounds what hostile input costs.
        let bounded = bounded(query);
        let fragments = pasted::Fragments::of(&bounded);
        let capitals = normalise::capitalised(&bounded);
        let bounded = pasted::spell_out(&bounded).into_owned();
        // "I/O" and "Q、K、V" are one word each, not lists of letters.
        let bounded = normalise::spelled(&bounded).into_owned();
        let (marked, list) = items::mark(&bounded);
        let bounded = marked.into_owned();
        let pieces: Vec<&str> = bounded.split(LIST_MARKS).collect();
        // The whole message normalised once, for the stages that read it whole.
        let whole = normalise::normalise(&bounded);
        let whole = self.names_misspelled(&whole).unwrap_or(whole);
        // The pieces of a story told before the piece that says where the question begins
        // ("Context: PhD student, lab has 4 A100s, … Anyway, actual question: …").
        let story = background::begins_question(&whole)
            .then(|| {
                pieces
                    .iter()
                    .rposition(|piece| background::begins_question(&normalise::normalise(piece)))
            })
            .flatten()
            .unwrap_or(0);
        let mut words = Vec::new();
        let mut piece_of = Vec::new();
        let mut aside = Vec::new();
        let mut asked = String::new();
        let mut introduced = false;
        let pictured = illustration::wished(&whole);
        let mut picture_open = false;
        for (p, piece) in pieces.iter().enumerate() {
            let normalised = if pieces.len() == 1 {
                whole.clone()
            } else {
                let normalised = normalise::normalise(piece);
                self.names_misspelled(&normalised).unwrap_or(normalised)
            };
            let normalised = self.names_heard(&normalised).unwrap_or(normalised);
            let alone = p == 0
                && bounded[piece.len()..].starts_with([',', '，'])
                && background::introduces_alone(&normalised);
            // "Data engineer, mostly SQL and dbt, …": what the one introduced works with.
            let works_with = introduced && p == 1 && background::names_a_stack(&normalised);
            introduced = alone;
            let segments = if p < story || alone || works_with {
                vec![(normalised.as_str(), true)]
            } else {
                background::segments(&normalised)
            };
            let segments = if pictured {
                illustration::split(segments, &mut picture_open)
            } else {
                segments
            };
            for (s, &(segment, introduces)) in segments.iter().enumerate() {
                if !introduces {
                    asked.push_str(segment);
                    asked.push(' ');
                }
                let mut tokens = tokenise::tokenise(segment, self.index.dictionary());
                if let Some(semantic) = &self.semantic {
                    tokens = semantic.join_suffixes(tokens);
                    tokens = semantic.split_gaps(tokens, |gap| {
                        !expand::pinyin_slip(gap, &self.index, &|w| self.familiarity(w)).is_empty()
                    });
                }
                let last = p + 1 == pieces.len() && s + 1 == segments.len();
                let expanded = expand::expand(&tokens, &self.index, complete_last && last, &|w| {
                    self.familiarity(w)
                });
                piece_of.extend(std::iter::repeat_n(p, expanded.len()));
                aside.extend(std::iter::repeat_n(introduces, expanded.len()));
                words.extend(expanded);
            }
        }
        // Without the word table every unknown word weighs alike, which is what the stage corrects
        // for: a word the table lacks is not taken for a rare name there, and function words of
        // other languages set apart there cost an off-topic hold-out message its rejection.
        if self.semantic.is_some() {
            foreign::mark(&mut words, &self.index, &capitals, |w| self.familiarity(w));
        }
        // A paraphrase is looked for in what the message asks, not in who asks; a sense's cue
        // anywhere ("我是做金融的" beside 量化) still rules the catalogue's sense out.
        let asked = if background::set_aside(&mut words, &aside) {
            asked.trim_end()
        } else {
            whole.as_str()
        };
        setting::set_aside(&mut words, &self.index, |w| self.names_tool(w));
        budget::set_aside(&mut words, |w| self.names_tool(w));
        exclusion::exclude(
            &mut words,
            &piece_of,
            &self.index,
            &self.catalogue,
            |w| self.names_tool(w),
            |w| self.named_topic(w),
        );
        language::settle(&mut words, &piece_of);
        self.senses.rule_out(&mut words, &whole);
        let task = writing::asked(&bounded);
        if let Some(piece) = task {
            writing::rule_out(&mut words, piece);
        }
        pasted::mark(&mut words, &fragments, &self.index, |w| {
            // Without word frequencies no word is known to be a name; one meant in another
            // sense ("java.lang…pipeline.transformer") names nothing of the catalogue's.
            w.other_sense.is_none()
                && self.is_label(&w.text)
                && self
                    .semantic
                    .as_ref()
                    .is_some_and(|s| s.importance(&w.text) >= PASTED_NAME_IMPORTANCE)
        });
        let pointed: Vec<String> = pointed.iter().map(|p| normalise::normalise(p)).collect();
        for w in &mut words {
            w.capitals = capitals.contains(&w.text);
            w.pointed = pointed
                .iter()
                .any(|p| p.split([' ', '-']).any(|piece| piece == w.text) || *p == w.text);
        }
        self.paraphrases.apply(&mut words, asked, &self.index);
        if concepts::assign(&mut words, &piece_of, list) <= 1 {
            concepts::assign_names(&mut words, |w| self.named_topic(w));
        }
        (words, task)
    }

    /// The tool or model a word names: a topic without subtopics that has a home of its own
    /// (a repository, docs, a model card), one of whose labels is one of the word's
    /// alternatives as typed, with a typo or by a synonym ("vllm", "vlllm", "qwen"). Only
    /// Latin words the word table does not rate common name one: "serving" or "cache" is an
    /// idea, not a thing.
    fn named_topic(&self, word: &QueryWord) -> Option<TopicIdx> {
        if !word.text.is_ascii() || self.is_common(&word.text) {
            return None;
        }
        word.alternatives
            .iter()
            .filter(|a| {
                matches!(
                    a.how,
                    expand::How::Exact | expand::How::Typo | expand::How::Synonym
                )
            })
            .find_map(|a| self.named_label(self.index.term_text(a.term)))
    }

    /// The topic a tool's or model's label names, if `text` is one ([`named_labels`]).
    fn named_label(&self, text: &str) -> Option<TopicIdx> {
        self.named_labels
            .binary_search_by(|(label, _)| label.as_str().cmp(text))
            .ok()
            .map(|i| self.named_labels[i].1)
    }

    /// Whether a word names a tool or model: a named topic ([`Engine::named_topic`]), or the
    /// whole title of a resource that is a project's home ("unsloth", "openrl"), written as a
    /// name the word table does not rate common.
    fn names_tool(&self, word: &QueryWord) -> bool {
        if self.named_topic(word).is_some() || self.names_in_two_words(word) {
            return true;
        }
        word.text.is_ascii()
            && !self.is_common(&word.text)
            && self
                .index
                .whole_field(&word.text)
                .iter()
                .any(|&(r, fields)| {
                    fields.contains(index::Field::Title)
                        && rank::is_home(self.catalogue.resource(r as usize).kind)
                })
    }

    /// Whether a word is half of a tool's name typed as two words ("deep speed" for
    /// DeepSpeed): the name is among its compounds.
    fn names_in_two_words(&self, word: &QueryWord) -> bool {
        word.text.is_ascii()
            && word
                .alternatives
                .iter()
                .filter(|a| a.how == expand::How::Compound)
                .any(|a| self.named_label(self.index.term_text(a.term)).is_some())
    }

    /// Runs the pipeline: resources above the relevance floor, best first, at most
    /// [`MAX_HITS`].
    pub fn search(&self, query: &str) -> Vec<Ranked> {
        self.find(&bounded(query)).ranked
    }

    /// Normalised text with the names written as they sound ("迪普斯皮德怎么配") spelled as
    /// names ("deepspeed怎么配"), normalised again so a Chinese digit beside one becomes part
    /// of it ("基皮踢二" → gpt2); `None` when no name was heard. Of several names with the
    /// run's consonants, the one its syllables spell most closely is heard. A run holding a
    /// word of the language is Chinese, whatever it sounds like: an everyday word (比普通,
    /// "than ordinary"), or any word of three characters or more the word table knows, as it
    /// knows the names everyone writes this way (佛罗里达, 托尔斯泰); a rarer two-character
    /// word may be a piece of a name (比特 of 比特菲特, BitFit). Without the semantic layer
    /// nothing tells Chinese words from names, so none are heard.
    fn names_heard(&self, normalised: &str) -> Option<String> {
        self.semantic.as_ref()?;
        let rewritten = soundalike::rewrite(normalised, |run| {
            let chars: Vec<(usize, char)> = run.char_indices().collect();
            let chinese = (0..chars.len()).any(|i| {
                (i + 2..=chars.len()).any(|j| {
                    let end = chars.get(j).map_or(run.len(), |&(at, _)| at);
                    match self.familiarity(&run[chars[i].0..end]) {
                        expand::Familiarity::Common => true,
                        expand::Familiarity::Rare => j - i >= 3,
                        expand::Familiarity::Unknown => false,
                    }
                })
            });
            if chinese {
                return None;
            }
            let heard = self.index.heard_as(run);
            soundalike::closest(run, heard.into_iter().map(|t| self.index.term_text(t)))
                .map(str::to_owned)
        })?;
        Some(normalise::normalise(&rewritten))
    }

    /// Normalised text with the names typed with a slip ("ncll", "deepseed", "langchian")
    /// spelled as the names they were meant to be, so every later stage, the paraphrases
    /// and senses that read the text among them, sees the name; `None` when none was. Only a
    /// word the word table does not know is a slip, and only one reading of it: the one
    /// topic label, not an everyday word, one slip away (two letters swapped count as one)
    /// and starting with the same letter. Two slips make another name too often ("deepseek"
    /// is no "deepspeed"), and two labels as near are no one reading: both leave the word as
    /// typed, for the expansion to weigh as a guess. Without the word table no word is known
    /// to be a slip.
    fn names_misspelled(&self, normalised: &str) -> Option<String> {
        self.semantic.as_ref()?;
        normalise::rewrite_latin_words(normalised, |word| {
            let slip = word.len() >= MIN_SLIPPED_NAME
                && word.bytes().any(|b| b.is_ascii_alphabetic())
                && self.index.term(word).is_none()
                && self.familiarity(word) == expand::Familiarity::Unknown;
            if !slip {
                return None;
            }
            fn digits(w: &str) -> impl Iterator<Item = u8> + '_ {
                w.bytes().filter(u8::is_ascii_digit)
            }
            // The names that start with the word's letter lie side by side.
            let first = &word[..1];
            let from = self.slip_names.partition_point(|n| n.as_str() < first);
            let mut names = self.slip_names[from..]
                .iter()
                .take_while(|n| n.starts_with(first))
                .filter(|n| {
                    n.len().abs_diff(word.len()) <= 1
                        && strsim::osa_distance(n, word) == 1
                        && digits(n).eq(digits(word))
                });
            match (names.next(), names.next()) {
                (Some(name), None) => Some(name.as_str()),
                _ => None,
            }
        })
    }

    /// True for an ordinary word of the language: one the word table knows and rates as
    /// common (see [`Semantic::importance`]).
    fn is_common(&self, word: &str) -> bool {
        self.familiarity(word) == expand::Familiarity::Common
    }

    /// How well the semantic layer's word table knows a word; every word is unknown when
    /// the layer is off.
    fn familiarity(&self, word: &str) -> expand::Familiarity {
        self.semantic
            .as_ref()
            .map_or(expand::Familiarity::Unknown, |s| s.familiarity(word))
    }

    /// The share of a message's importance carried by words the semantic layer's word table
    /// knows: how far its vector can be trusted to say what the message means.
    fn known_share(&self, words: &[QueryWord], relevance: &Relevance) -> f32 {
        let all = relevance.evidence + relevance.unexplained;
        let known: f32 = words
            .iter()
            .zip(&relevance.words)
            .filter(|(w, _)| self.familiarity(&w.text) != expand::Familiarity::Unknown)
            .map(|(_, e)| e.importance)
            .sum();
        if all > 0.0 { known / all } else { 1.0 }
    }

    /// How close a word is to the catalogue in the semantic layer (see
    /// [`Semantic::affinity`]); `None` when the layer is off or lacks the word.
    pub fn affinity(&self, word: &str) -> Option<f32> {
        self.semantic.as_ref()?.affinity(word)
    }

    /// The `k` resources nearest a query in the semantic layer, with their cosine similarity,
    /// best first; empty when the layer is off or knows none of the query's words.
    pub fn nearest(&self, query: &str, k: usize) -> Vec<(catalogue::ResourceIdx, f32)> {
        match &self.semantic {
            Some(s) => s.embed(query).map(|v| s.nearest(&v, k)).unwrap_or_default(),
            None => Vec::new(),
        }
    }

    /// Whether `text` (normalised) is a topic's name or alias.
    fn is_label(&self, text: &str) -> bool {
        self.labels
            .binary_search_by(|label| label.as_str().cmp(text))
            .is_ok()
    }

    /// Stage 4's decision for understood words.
    pub fn relevance(&self, words: &[QueryWord]) -> Relevance {
        relevance::judge(
            words,
            &self.index,
            |w| {
                let mut importance = match &self.semantic {
                    Some(_) if w.foreign => FOREIGN_IMPORTANCE,
                    Some(s) => s.importance(&w.text),
                    None => 1.0,
                };
                if w.capitals
                    && self.is_common(&w.text)
                    && w.alternatives.iter().any(|a| a.how == expand::How::Exact)
                {
                    importance = importance.max(CAPITALS_IMPORTANCE);
                }
                if w.pasted {
                    importance * PASTED_WEIGHT
                } else {
                    importance
                }
            },
            |text| self.is_label(text),
            |resources| {
                if self.semantic.is_none() {
                    return Vec::new();
                }
                let mut topics: Vec<catalogue::TopicIdx> = resources
                    .iter()
                    .flat_map(|&r| self.catalogue.resource(r as usize).topics.iter().copied())
                    .collect();
                topics.sort_unstable();
                topics.dedup();
                topics
            },
            |w, topics| {
                self.semantic.as_ref().is_some_and(|s| match topics {
                    Some(topics) => s.describes(topics.iter().copied(), &w.text),
                    None => s.describes(0..self.catalogue.topics().len(), &w.text),
                })
            },
        )
    }

    /// Whether a message read as `words` is answered from the starting points in so many words:
    /// answered and about the subject as a whole, or unanswered and asking where to begin with
    /// nothing named.
    fn answered_from_the_start(
        &self,
        query: &str,
        words: &[QueryWord],
        relevance: &Relevance,
    ) -> bool {
        if relevance.answer {
            start::about_the_subject(words, relevance, &self.index, &self.catalogue)
        } else {
            start::where_to_begin(query, words)
        }
    }

    /// Whether a clause read on its own is answered from the starting points
    /// ([`Engine::answered_from_the_start`]).
    fn asks_where_to_begin(&self, clause: &str) -> bool {
        let (words, _) = self.read(clause, &[], false);
        let relevance = self.relevance(&words);
        self.answered_from_the_start(clause, &words, &relevance)
    }

    /// [`Engine::relevance`] with every content word weighed alike and no descriptions: the
    /// decision as the lexical engine takes it.
    fn plain_relevance(&self, words: &[QueryWord]) -> Relevance {
        relevance::judge(
            words,
            &self.index,
            |_| 1.0,
            |_| false,
            |_| Vec::new(),
            |_, _| false,
        )
    }

    fn search_words(&self, words: &[QueryWord]) -> (Relevance, Vec<Ranked>) {
        let relevance = self.relevance(words);
        if !relevance.answer {
            return (relevance, Vec::new());
        }
        let candidates = matching::gather(words, &self.index);
        let ranked = rank::rank(
            words,
            &relevance,
            &candidates,
            &self.index,
            &self.catalogue,
            MAX_HITS,
        );
        (relevance, ranked)
    }

    /// Runs the pipeline on a query already cut to [`MAX_QUERY_CHARS`]: what was understood,
    /// and what was found. Small talk finds nothing.
    pub fn find(&self, query: &str) -> Found {
        let typed = query;
        if markup::for_another_bot(typed, |name| self.index.term(name).is_some()) {
            return Found::unsearched(Vec::new(), self.relevance(&[]), None, None);
        }
        // Help is asked of the bot; a message to someone else asks them ("<@…> 你的 PR 我 review
        // 了，CI 挂了记得看下", a letter to a professor), unless it names the bot ("<@…> 这个 bot
        // 怎么用").
        let unmarked = markup::strip(query);
        let rewritten = self.addresses.read(&unmarked);
        let query = rewritten.text.as_ref();
        let said = smalltalk::Message::new(query);
        let to_someone_else = (markup::to_someone_else(typed) || smalltalk::to_a_teacher(&said))
            && {
                let lower = typed.to_lowercase();
                !["bot", "机器人", "ganhuo"]
                    .iter()
                    .any(|b| lower.contains(b))
            };
        let whole = small_talk_through(&said);
        let (words, task) = self.read(query, &rewritten.pointed, false);
        // A message that is small talk through and through is not judged as a question; one
        // that only opens or closes with it is, and is small talk only if it finds nothing.
        let relevance = self.relevance(if whole.is_some() { &[] } else { &words });
        // A task ("write me a poem", "translate this") is declined as a question, not greeted.
        let small_talk = whole.or_else(|| {
            if task.is_some() {
                return None;
            }
            let frame = smalltalk::Frame::of(&said);
            let framed = frame.small_talk(lexicon::asks);
            if !relevance.answer {
                // A standing wish about the answers ("能不能以后只给我中文的资料") is help when
                // nothing it names is a topic to look for: an unknown name weighs more.
                let names_nothing = || {
                    relevance
                        .words
                        .iter()
                        .all(|w| w.importance < SHAPING_IMPORTANCE)
                };
                framed
                    .or_else(|| smalltalk::about_the_bot(&said).then_some(SmallTalk::Help))
                    .or_else(|| smalltalk::asks_what_it_can_do(&said).then_some(SmallTalk::Help))
                    .or_else(|| {
                        (smalltalk::shapes_answers(&said) && names_nothing())
                            .then_some(SmallTalk::Help)
                    })
                    .or_else(|| small_talk_beside_introduction(query))
            } else {
                // Asking for more material ("I need another resource on …", "能再来一篇图解版的
                // 嘛") is no chatter, whatever thanks surround it; thanks for an article ("那篇
                // 图解 LoRA 看完终于懂了 感谢") are.
                let asks_for_material = || {
                    words
                        .iter()
                        .any(|w| matches!(w.role, lexicon::Role::Intent(_)))
                        && exclusion::asks_for_others(&words)
                };
                // Chatter around a greeting or thanks ("hey there! just found this bot, looks
                // like a nice place for transformer stuff") weighs little when common words are
                // discounted and descriptions count, so a catalogue word in it can carry the
                // message; weighed word for word, as without the semantic layer, it cannot, and
                // the message is what it opens or closes with.
                // "what can you do? can you give me only free stuff?": what the bot does, asked
                // with everyday words the catalogue happens to hold; a name it knows ("what can
                // you do? I need LoRA tutorials") is a question.
                let everyday = || {
                    words
                        .iter()
                        .filter(|w| w.is_content() && !w.alternatives.is_empty())
                        .all(|w| self.is_common(&w.text))
                };
                framed
                    .filter(|_| !asks_for_material() && !self.plain_relevance(&words).answer)
                    .or_else(|| framed.and_then(|_| small_talk_beside_introduction(query)))
                    .or_else(|| frame.announced(lexicon::asks))
                    .or_else(|| {
                        (everyday() && smalltalk::asks_what_it_can_do(&said))
                            .then_some(SmallTalk::Help)
                    })
            }
        });
        let small_talk = small_talk.filter(|&k| !(to_someone_else && k == SmallTalk::Help));
        if small_talk.is_some() {
            return Found::unsearched(words, relevance, small_talk, task);
        }
        let concepts = words.iter().map(|w| w.concept + 1).max().unwrap_or(1);
        // The semantic layer only re-ranks what is partly unexplained; a fully explained query
        // (most keyword queries) and an unanswered one skip its cost, which grows with the
        // catalogue.
        let mut semantic = if relevance.answer && relevance.share() < 1.0 && concepts == 1 {
            self.nearest(query, fuse::VOUCH_DEPTH.max(SEMANTIC_DEPTH))
        } else {
            Vec::new()
        };
        let mut unvouched = false;
        let starting_points = !self.starting_points.is_empty()
            && (self.answered_from_the_start(query, &words, &relevance)
                || !relevance.answer
                    && start::begins_apart(
                        query,
                        &words,
                        &relevance,
                        &self.index,
                        &self.catalogue,
                        |clause| self.asks_where_to_begin(clause),
                    ));
        let ranked = if starting_points {
            // Decided before ranking, which it replaces; the veto never questions a message
            // explained this well (see the assertion in `start`).
            match self.math_step.filter(|_| start::skips_math(query)) {
                Some(math) => start::answer(&start::without_step(
                    &self.starting_points,
                    &self.catalogue,
                    math,
                )),
                None => start::answer(&self.starting_points),
            }
        } else if relevance.answer {
            let candidates = matching::gather(&words, &self.index);
            let lexical = rank::rank(
                &words,
                &relevance,
                &candidates,
                &self.index,
                &self.catalogue,
                MAX_HITS,
            );
            // A topic described in full by one of the catalogue's paraphrases ("query, key,
            // value" for attention) is the catalogue's own reading of the message; the word
            // vectors, which average every word, are no judge of it.
            // So is a message pointing at a page or a paper the catalogue knows.
            let described = words
                .iter()
                .any(|w| w.describes_a_topic() || w.pointed && w.is_content());
            unvouched = !described
                && !fuse::vouched(&lexical, &semantic, &relevance, || {
                    self.known_share(&words, &relevance)
                });
            if unvouched {
                Vec::new()
            } else {
                let mut fused = fuse::fuse(
                    lexical,
                    &semantic[..semantic.len().min(SEMANTIC_DEPTH)],
                    &relevance,
                    MAX_HITS,
                );
                if let Some(section) =
                    section::pointed_at(query, &words, &fused, &self.catalogue, &self.topic_labels)
                {
                    section::list(&mut fused, section, &self.catalogue);
                }
                exclusion::demote(&mut fused, &words, &self.catalogue, &self.index);
                fused
            }
        } else {
            Vec::new()
        };
        semantic.truncate(SEMANTIC_DEPTH);
        Found {
            words,
            relevance,
            semantic,
            ranked,
            unvouched,
            starting_points,
            small_talk,
            task,
        }
    }

    /// Topics to offer when a query found nothing: those whose names are close to the query's
    /// words ("did you mean"), else those of the resources nearest it in meaning, else the
    /// largest top-level topics.
    pub fn suggest(&self, query: &str) -> (SuggestionKind, Vec<TopicIdx>) {
        let query = bounded(query);
        self.suggest_for(&query, &self.understand(&query, false))
    }

    /// [`Engine::suggest`] for a query (cut to [`MAX_QUERY_CHARS`]) already understood.
    pub fn suggest_for(&self, query: &str, words: &[QueryWord]) -> (SuggestionKind, Vec<TopicIdx>) {
        let mut scored: Vec<(i64, TopicIdx)> = Vec::new();
        for word in words.iter().filter(|w| w.is_content()) {
            let len = word.text.chars().count();
            // Only near misses: a label word about as long as what was typed ("vlm" → vllm),
            // not any long name the letters happen to be scattered through. Never a shorter
            // one: what was typed must be found in it letter by letter. That test, on bytes,
            // is cheap enough to spare the matcher most label words.
            if len >= 3 {
                let from = self.label_words.partition_point(|(n, ..)| *n < len);
                let to = self.label_words.partition_point(|(n, ..)| *n <= len + 2);
                let near = self.label_words[from..to]
                    .iter()
                    .filter(|(_, w, _)| in_order(word.text.as_bytes(), w.as_bytes()))
                    .map(|(_, w, t)| (w.as_str(), *t));
                scored.extend(self.fuzzy_topics(&word.text, near));
            }
        }
        let topics = best_topics(scored, 3);
        if !topics.is_empty() {
            return (SuggestionKind::DidYouMean, topics);
        }
        let related = self.related_topics(query);
        if !related.is_empty() {
            return (SuggestionKind::Related, related);
        }
        (SuggestionKind::TopTopic, self.catalogue.top_topics(8))
    }

    /// The topics of the resources nearest a query in meaning, nearest first, when the nearest
    /// is close enough to say something: a question the catalogue's words do not support
    /// ("训练时模型太大一张卡放不下") still lands near the topic it is about, and a topic is a
    /// safe thing to offer where links would not be.
    fn related_topics(&self, query: &str) -> Vec<TopicIdx> {
        let mut topics = Vec::new();
        for (resource, similarity) in self.nearest(query, SEMANTIC_DEPTH) {
            if similarity < fuse::SIMILARITY_FLOOR {
                break;
            }
            let Some(&topic) = self.catalogue.resource(resource).topics.first() else {
                continue;
            };
            if !topics.contains(&topic) {
                topics.push(topic);
            }
            if topics.len() == RELATED_TOPICS {
                break;
            }
        }
        topics
    }

    /// Completions for a partially typed query, for autocomplete: the closest topic names
    /// (subsequence scoring, so "lor" finds LoRA) followed by the titles of the best hits.
    /// Empty input offers the top-level topics.
    pub fn complete(&self, partial: &str, limit: usize) -> Vec<Completion> {
        let bounded = bounded(partial);
        let needle = normalise::normalise(&bounded);
        let topic = |t: TopicIdx| {
            let topic = self.catalogue.topic(t);
            Completion::topic(&topic.name, &topic.name_en)
        };
        if needle.is_empty() {
            return self.catalogue.roots().take(limit).map(topic).collect();
        }
        let labels = self.topic_labels.iter().enumerate();
        let all = labels.flat_map(|(t, ls)| ls.iter().map(move |l| (l.as_str(), t)));
        let scored = self.fuzzy_topics(&needle, all);
        let mut out: Vec<Completion> = best_topics(scored, limit.div_ceil(3))
            .into_iter()
            .map(topic)
            .collect();
        for r in self.search_words(&self.understand(&bounded, true)).1 {
            if out.len() >= limit {
                break;
            }
            let completion = Completion::resource(&self.catalogue.resource(r.resource).title);
            if !out.iter().any(|c| c.value == completion.value) {
                out.push(completion);
            }
        }
        out.truncate(limit);
        out
    }

    /// Topics with a label that contains `needle` as a dense subsequence (skim scoring), with
    /// their scores, from `(label, topic)` candidates.
    fn fuzzy_topics<'a>(
        &self,
        needle: &str,
        candidates: impl Iterator<Item = (&'a str, TopicIdx)>,
    ) -> Vec<(i64, TopicIdx)> {
        let matcher = &self.matcher.0;
        // Skim gives ~16 per matched character plus bonuses for runs; demanding 20 per
        // character keeps scattered matches ("vll" in "serving built into …") out.
        let floor = 20 * needle.chars().count() as i64;
        candidates
            .filter_map(|(label, t)| {
                let score = matcher.fuzzy_match(label, needle)?;
                (score >= floor).then_some((score, t))
            })
            .collect()
    }
}

/// What the pipeline made of one query.
#[derive(Debug, Clone)]
pub struct Found {
    /// The query's words after expansion.
    pub words: Vec<QueryWord>,
    /// Whether, and on what evidence, the query is answered.
    pub relevance: Relevance,
    /// The resources nearest the query in the semantic layer, best first, with their cosine
    /// similarity; empty when the layer is off, knows none of the query's words, or was not
    /// needed (a fully explained or unanswered query, or one of several concepts).
    pub semantic: Vec<(catalogue::ResourceIdx, f32)>,
    /// Resources above the relevance floor, best first, at most [`MAX_HITS`].
    pub ranked: Vec<Ranked>,
    /// Whether a query the relevance stage answered on weak evidence was left unanswered
    /// because the semantic layer found none of its best results near it in meaning (see
    /// [`fuse::vouched`]).
    pub unvouched: bool,
    /// Whether the query was about the subject as a whole and so answered with the
    /// catalogue's starting points (see [`start`]).
    pub starting_points: bool,
    /// Set when the message was small talk rather than a question.
    pub small_talk: Option<SmallTalk>,
    /// The piece of writing the message asked the bot for ("poem", "招聘启事", "translate"),
    /// which no link answers (see [`writing`]).
    pub task: Option<&'static str>,
}

impl Found {
    /// What the pipeline made of a message it looks nothing up for (small talk, another bot's
    /// command): no resource ranked, the semantic layer not asked.
    fn unsearched(
        words: Vec<QueryWord>,
        relevance: Relevance,
        small_talk: Option<SmallTalk>,
        task: Option<&'static str>,
    ) -> Found {
        Found {
            words,
            relevance,
            semantic: Vec::new(),
            ranked: Vec::new(),
            unvouched: false,
            starting_points: false,
            small_talk,
            task,
        }
    }
}

/// Why topics are suggested for a query that found nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SuggestionKind {
    /// Their names are close to what was typed.
    DidYouMean,
    /// Nothing was close in name; these hold the resources nearest the query in meaning.
    Related,
    /// Nothing was close; these are the largest top-level topics.
    TopTopic,
}

/// An autocomplete entry: what to show and what to search for when picked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Completion {
    /// What the user sees.
    pub label: String,
    /// What is searched when the entry is picked.
    pub value: String,
}

impl Completion {
    fn topic(name: &str, name_en: &str) -> Completion {
        let label = if name == name_en {
            name.to_owned()
        } else {
            format!("{name_en} · {name}")
        };
        Completion {
            label,
            value: name_en.to_owned(),
        }
    }

    fn resource(title: &str) -> Completion {
        Completion {
            label: title.to_owned(),
            value: title.to_owned(),
        }
    }
}

/// The part of a query the pipeline reads: its first [`MAX_QUERY_CHARS`] characters.
pub(crate) fn bounded(query: &str) -> String {
    query.chars().take(MAX_QUERY_CHARS).collect()
}

/// The `n` best-scored distinct topics.
fn best_topics(mut scored: Vec<(i64, TopicIdx)>, n: usize) -> Vec<TopicIdx> {
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut topics: Vec<TopicIdx> = Vec::new();
    for (_, t) in scored {
        if topics.len() == n {
            break;
        }
        if !topics.contains(&t) {
            topics.push(t);
        }
    }
    topics
}

/// Every label of every topic, normalised, for fuzzy look-ups.
/// Whether `needle` occurs in `hay` in order, not necessarily together. On the UTF-8 bytes of
/// the two, which is true whenever it is true of their characters.
fn in_order(needle: &[u8], hay: &[u8]) -> bool {
    let mut hay = hay.iter();
    needle.iter().all(|b| hay.any(|h| h == b))
}

/// A start-up build's result; its panic goes on in the caller, as it would have without the
/// thread.
fn joined<T>(result: std::thread::Result<T>) -> T {
    result.unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// The labels of topics without subtopics that some resource is the home of (a repository,
/// docs, a model card, a website), sorted, each with its topic; one topic for a label two
/// share.
fn named_labels(catalogue: &Catalogue, topic_labels: &[Vec<String>]) -> Vec<(String, TopicIdx)> {
    let thing = |t: TopicIdx| {
        catalogue.children(t).is_empty()
            && catalogue
                .resources_of(t)
                .iter()
                .any(|&r| rank::is_home(catalogue.resource(r).kind))
    };
    let mut named: Vec<(String, TopicIdx)> = topic_labels
        .iter()
        .enumerate()
        .filter(|&(t, _)| thing(t))
        .flat_map(|(t, labels)| labels.iter().map(move |l| (l.clone(), t)))
        .collect();
    named.sort_unstable();
    named.dedup_by(|a, b| a.0 == b.0);
    named
}

fn topic_labels(catalogue: &Catalogue) -> Vec<Vec<String>> {
    catalogue
        .topics()
        .iter()
        .map(|t| t.labels().map(normalise::normalise).collect())
        .collect()
}

/// The small talk a whole message amounts to, if it is nothing else: small talk through and
/// through; or asking how to use the bot or about the bot itself, or thanks around a remark on
/// what was read, whose catalogue words are examples or what was read.
fn small_talk_through(said: &smalltalk::Message) -> Option<SmallTalk> {
    smalltalk::recognise(said)
        .or_else(|| {
            (smalltalk::opens_asking_how_to_use(said) || smalltalk::asks_about_itself(said))
                .then_some(SmallTalk::Help)
        })
        .or_else(|| {
            smalltalk::thanks_with_a_remark(said, lexicon::asks).then_some(SmallTalk::Thanks)
        })
        .or_else(|| smalltalk::chat_only(said, lexicon::is_filler, lexicon::asks))
}

/// The small talk a message amounts to once who is asking is set aside ([`background`]): "hi!
/// grad student here" greets, "hi, job seeker here — what can you help me with?" asks for
/// help; the asker's job makes neither a question about the catalogue. `None` when the message
/// introduces nobody or is nothing but the introduction.
fn small_talk_beside_introduction(query: &str) -> Option<SmallTalk> {
    let normalised = normalise::normalise(&normalise::spelled(&bounded(query)));
    let segments = background::segments(&normalised);
    if !segments.iter().any(|&(_, introduces)| introduces) {
        return None;
    }
    let rest: Vec<&str> = segments
        .iter()
        .filter(|&&(_, introduces)| !introduces)
        .map(|&(segment, _)| segment)
        .collect();
    if rest.is_empty() {
        return None;
    }
    small_talk_through(&smalltalk::Message::new(&rest.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::expand::How;
    use super::*;

    #[test]
    fn letters_in_order() {
        assert!(in_order(b"vlm", b"vllm"));
        assert!(in_order("量化".as_bytes(), "模型量化".as_bytes()));
        assert!(!in_order(b"mlv", b"vllm"));
        assert!(!in_order(b"vllm", b"vlm"));
    }

    #[test]
    fn small_talk_beside_a_self_introduction_is_small_talk() {
        let engine = Engine::shipped().unwrap();
        for (message, kind) in [
            ("hi! grad student here", SmallTalk::Greeting),
            ("hello, I'm a backend developer", SmallTalk::Greeting),
            (
                "hi, job seeker here — what can you help me with?",
                SmallTalk::Help,
            ),
        ] {
            assert_eq!(engine.find(message).small_talk, Some(kind), "{message}");
        }
        // The introduction alone, or beside a question, is no small talk; beside a question,
        // the question is answered. ("grad" of a grad student is no gradient.)
        assert!(engine.find("grad student here").small_talk.is_none());
        for message in [
            "hi, I'm a backend dev, how do I deploy vllm",
            "hey, phd student here, any good papers on lora?",
        ] {
            let found = engine.find(message);
            assert!(found.small_talk.is_none(), "{message}");
            assert!(!found.ranked.is_empty(), "{message}");
        }
    }

    /// Each concept of a question is answered: when no resource covers enough of one
    /// concept's many words while another concept's few words find pages, the first concept's
    /// least telling words are dropped until it finds its own.
    #[test]
    fn a_concept_of_many_words_is_answered_beside_one_of_few() {
        let engine = Engine::shipped().unwrap();
        let found = engine.find(
            "does vllm tensor parallel split the weights across the 4 cards or just run 4 copies",
        );
        let top: Vec<&catalogue::Resource> = found
            .ranked
            .iter()
            .take(3)
            .map(|r| engine.catalogue().resource(r.resource))
            .collect();
        let tensor_parallel = engine.catalogue().topic_by_id("tensor-parallel").unwrap();
        assert!(
            top.iter().any(|r| r.topics.contains(&tensor_parallel)),
            "{:?}",
            top.iter().map(|r| &r.id).collect::<Vec<_>>()
        );
    }

    /// A version's numbers narrow the name beside them; beside a name the catalogue lacks,
    /// the titles their digits match explain nothing.
    #[test]
    fn a_version_beside_no_catalogue_name_explains_nothing() {
        let engine = Engine::shipped().unwrap();
        let answered = |q: &str| engine.relevance(&engine.understand(q, false)).answer;
        assert!(!answered(
            "Gradle sync failed: Could not resolve com.android.tools.build:gradle:8.2.0"
        ));
        for message in [
            "llama 3.1 怎么微调",
            "vllm 0.5.0 报错",
            "zero 3 和 zero 2 的区别",
        ] {
            assert!(answered(message), "{message}");
        }
    }

    /// Whether `typed`, a word of `message` as understood, has the term `meant` among its
    /// alternatives as a typo.
    fn read_as_typo(engine: &Engine, message: &str, typed: &str, meant: &str) -> bool {
        engine.understand(message, false).iter().any(|w| {
            w.text == typed
                && w.alternatives
                    .iter()
                    .any(|a| engine.index.term_text(a.term) == meant && a.how == How::Typo)
        })
    }

    #[test]
    fn everyday_words_typed_for_a_catalogue_word_are_read_as_it_only_in_its_phrases() {
        let engine = Engine::shipped().unwrap();
        let read_as =
            |message: &str, typed: &str, meant: &str| read_as_typo(&engine, message, typed, meant);
        for (message, typed, meant) in [
            ("Unslot 微调加速 据说省现存", "现存", "显存"),
            ("推力框架哪个好", "推力", "推理"),
            ("推力加速怎么做", "推力", "推理"),
        ] {
            assert!(read_as(message, typed, meant), "{message}");
        }
        // Alone, beside words the catalogue never puts next to it, or after its subject.
        for (message, typed, meant) in [
            ("现存的文物有多少", "现存", "显存"),
            ("火箭推力怎么计算", "推力", "推理"),
            ("这个模型简直太强了", "简直", "剪枝"),
            ("训练的时候现存老是不够", "现存", "显存"),
        ] {
            assert!(!read_as(message, typed, meant), "{message}");
        }
    }

    #[test]
    fn slips_in_another_reading_or_cut_into_characters_are_read_as_the_word() {
        let engine = Engine::shipped().unwrap();
        let meant =
            |message: &str, typed: &str, word: &str| read_as_typo(&engine, message, typed, word);
        // 微调 is wei-tiao here, its rarer reading; the segmenter cut 微条 into two characters.
        assert!(meant("bitfit微条的效果", "微", "微调"));
        assert!(meant("bitfit微条的效果", "条", "微调"));
        assert!(!engine.search("全量参数微跳要多少张卡").is_empty());
        // Three characters cut apart, together the sound of a three-character name.
        for typed in ["报", "脸"] {
            assert!(meant("报报脸出的那个推理服务", typed, "抱抱脸"), "{typed}");
        }
        // A reading no one uses: 大 read as 太 does not make 台大 sound like 以太.
        assert!(!meant("以太坊上的 token", "以太", "台大"));
    }

    #[test]
    fn names_written_as_they_sound_are_read_as_the_names() {
        let engine = Engine::shipped().unwrap();
        let words = |q: &str| -> Vec<String> {
            engine
                .understand(q, false)
                .into_iter()
                .map(|w| w.text)
                .collect()
        };
        for (message, name) in [
            ("迪普斯皮德怎么配zero三", "deepspeed"),
            ("库伯内提斯上部署模型", "kubernetes"),
            ("阿达普特tuning是什么", "adapter"),
            ("基皮踢二的图解", "gpt2"),
        ] {
            assert!(
                words(message).contains(&name.to_owned()),
                "{message}: {:?}",
                words(message)
            );
            assert!(!engine.search(message).is_empty(), "{message}");
        }
        // Everyday Chinese, names everyone writes this way, and a name whose consonants match
        // a catalogue word's while its letters do not (肯德基, kendeji, and "quantize").
        for message in [
            "FlashAttention 为什么比普通 attention 快",
            "佛罗里达的天气",
            "托尔斯泰的战争与和平",
            "肯德基疯狂星期四",
        ] {
            let found = words(message);
            assert!(
                found
                    .iter()
                    .all(|w| !w.is_ascii() || message.to_lowercase().contains(w.as_str())),
                "{message}: {found:?}"
            );
        }
    }

    #[test]
    fn an_introduction_says_who_asks_not_what_about() {
        let engine = Engine::shipped().unwrap();
        let role =
            |found: &Found, text: &str| found.words.iter().find(|w| w.text == text).map(|w| w.role);
        // 后端 would otherwise find the web frameworks that serve models, and the message
        // would not be a question about the subject as a whole.
        let found = engine.find("我是做后端的,想学大模型");
        assert!(
            found
                .words
                .iter()
                .any(|w| w.role == lexicon::Role::Background)
        );
        assert!(found.starting_points);
        // An introduction that is all the message names is what it is about.
        let found = engine.find("i'm an rlhf researcher");
        assert_eq!(role(&found, "rlhf"), Some(lexicon::Role::Content));
        assert!(!found.ranked.is_empty());
        // What the one introduced works with is where they come from, after a role alone.
        let found = engine.find("data engineer, mostly sql and dbt, how does chatgpt work");
        assert_eq!(role(&found, "sql"), Some(lexicon::Role::Background));
        assert_eq!(role(&found, "chatgpt"), Some(lexicon::Role::Content));
        let found = engine.find("vllm, mostly sql and dbt, how does chatgpt work");
        assert_eq!(role(&found, "sql"), Some(lexicon::Role::Content));
    }

    #[test]
    fn setting_a_tool_up_asks_about_the_tool() {
        let engine = Engine::shipped().unwrap();
        // The word table lacks "config"; weighed as a rare word it outweighed vLLM.
        for m in [
            "vllm config options",
            "lora config explained",
            "deepspeed 怎么配置",
        ] {
            assert!(!engine.find(m).ranked.is_empty(), "{m}");
        }
    }

    #[test]
    fn the_machine_a_tool_runs_on_is_not_what_is_asked() {
        let engine = Engine::shipped().unwrap();
        let first = |m: &str| {
            let found = engine.find(m);
            found
                .ranked
                .first()
                .map(|r| engine.catalogue().resources()[r.resource].id.clone())
        };
        // Ubuntu is a rare word the catalogue does not explain; it outweighed vLLM.
        assert_eq!(
            first("how to install vllm on ubuntu 22").as_deref(),
            Some("github-vllm")
        );
        assert_eq!(
            first("ubuntu 22.04 装 deepspeed 报错").as_deref(),
            Some("github-deepspeed")
        );
        // "上装" is "install on" here, not a garment.
        assert_eq!(
            first("linux上装 deepspeed").as_deref(),
            Some("github-deepspeed")
        );
        // A card or a chip is a machine too, and a project's home names a tool as a topic
        // does.
        assert_eq!(
            first("does openrl run on an m2 macbook").as_deref(),
            Some("github-openrl")
        );
        // A tool's name typed as two words names it, and a card's memory is part of the card.
        assert_eq!(
            first("how to install deep speed on ubuntu 22.04 with a 3090").as_deref(),
            Some("github-deepspeed")
        );
        assert!(
            engine
                .understand("24G 的 3090 跑 qlora", false)
                .iter()
                .any(|w| w.text == "24g" && w.role == lexicon::Role::Background)
        );
        // Setting up something the catalogue lacks on the same machine is no question for it,
        // nor is the machine alone.
        for m in [
            "how to install postgres on ubuntu 22",
            "ubuntu 22.04 怎么装",
        ] {
            assert_eq!(first(m), None, "{m}");
        }
    }

    #[test]
    fn voice_input_spells_names_as_the_catalogue_does() {
        let engine = Engine::shipped().unwrap();
        let top = |m: &str| engine.find(m).ranked.first().map(|r| r.resource);
        let id = |i: Option<usize>| i.map(|i| engine.catalogue().resources()[i].id.clone());
        assert!(top("rdma 是啥").is_some());
        assert_eq!(id(top("R D M A 是啥")), id(top("rdma 是啥")));
        assert_eq!(
            id(top("K八S部署大模型推理服务")),
            id(top("k8s部署大模型推理服务"))
        );
        assert!(!engine.find("I/O优化").ranked.is_empty());
    }

    #[test]
    fn a_chat_apps_marks_and_interjections_weigh_nothing() {
        let engine = Engine::shipped().unwrap();
        let top = |q: &str| engine.find(q).ranked.first().map(|r| r.resource);
        for (marked, plain) in [
            (
                "<:pepe_cry:112233445566778899> zero3 跑不起来 #求助",
                "zero3 跑不起来",
            ),
            ("**LoRA** 有啥好教程 :pray:", "LoRA 有啥好教程"),
            ("<@123456789012345678> 有人知道 nccl 吗", "有人知道 nccl 吗"),
            ("[提问] lora 怎么调参", "lora 怎么调参"),
            ("orz 量化 教程", "量化 教程"),
            (
                "bump - anyone know a good nccl tutorial?",
                "anyone know a good nccl tutorial?",
            ),
        ] {
            assert!(top(plain).is_some(), "{plain}");
            assert_eq!(top(marked), top(plain), "{marked}");
        }
        assert!(
            engine
                .find("<@123456789012345678> 禁言一下")
                .ranked
                .is_empty()
        );
        assert_eq!(engine.find(":wave:").small_talk, Some(SmallTalk::Greeting));
        // A message opening on someone else's mention asks them, not the bot, unless it
        // names the bot.
        let to_them = "<@998877665544332211> 你的 PR 我 review 了，CI 挂了记得看下";
        assert_eq!(engine.find(to_them).small_talk, None);
        assert_eq!(
            engine
                .find("<@998877665544332211> 这个 bot 怎么用")
                .small_talk,
            Some(SmallTalk::Help)
        );
        assert_eq!(
            engine.find("谢谢 :pray:").small_talk,
            Some(SmallTalk::Thanks)
        );
    }

    #[test]
    fn a_search_command_asks_and_another_bots_command_finds_nothing() {
        let engine = Engine::shipped().unwrap();
        let top = |message: &str| engine.find(message).ranked.first().map(|r| r.resource);
        assert!(top("/search@ganhuo_bot vllm").is_some());
        assert_eq!(top("/搜 vllm"), top("vllm"));
        // "ask" beside "bot" had asked how the bot is used.
        for other in [
            "/ask 怎么给自己的 discord 服务器加一个 music bot",
            "/ask@ganhuo_bot 小区配电房的 transformer 变压器 嗡嗡响 正常吗",
        ] {
            let found = engine.find(other);
            assert!(
                found.small_talk.is_none() && found.ranked.is_empty(),
                "{other}"
            );
        }
        let reminder = engine.find("/remind me in 30 minutes to check on the training run");
        assert!(reminder.ranked.is_empty() && reminder.small_talk.is_none());
        // A command named after a topic names it.
        assert!(top("/vllm 部署").is_some());
    }

    #[test]
    fn a_topic_named_outright_carries_the_chat_around_it() {
        let engine = Engine::shipped().unwrap();
        let found = engine.find("高效参数微调那几篇我室友说写得乱七八糟");
        assert!(found.relevance.share() < 0.5);
        assert!(!found.ranked.is_empty());
        // A name of two Latin words or more, in chat of either language.
        for chat in [
            "worked till ten tonight, my brain is fried and my boss is grumpy, someone throw me a link on kv cache",
            "今天加班到十点，脑子已经不转了，谁甩我一个讲 mixed precision 的链接",
        ] {
            let found = engine.find(chat);
            assert!(found.relevance.share() < 0.5, "{chat}");
            assert!(!found.ranked.is_empty(), "{chat}");
        }
        // One Latin word may be a name in another sense.
        assert!(
            engine
                .find("my roommate's band is called megatron and they play every friday at the bar downtown")
                .ranked
                .is_empty()
        );
        // A resource's own name of five ideographs or more carries the chat around it too.
        let found = engine.find("白板推导系列我室友说节奏太慢，你们谁看完了");
        assert!(found.relevance.share() < 0.5);
        assert!(!found.ranked.is_empty());
        // A keyword of four ideographs may be an everyday word: an SSD for photos.
        assert!(
            engine
                .find("机械硬盘和固态硬盘哪个适合存照片")
                .ranked
                .is_empty()
        );
    }

    /// Asserts that each message of `answered` has a resource under its topic among its top
    /// three, and that each of `unanswered` gets no links.
    fn assert_answers(answered: &[(&str, &str)], unanswered: &[&str]) {
        let engine = Engine::shipped().unwrap();
        let catalogue = engine.catalogue();
        for &(message, topic) in answered {
            let right = catalogue.resources_under(catalogue.topic_by_id(topic).unwrap());
            let found = engine.find(message).ranked;
            let top: Vec<_> = found.iter().take(3).map(|r| r.resource).collect();
            assert!(top.iter().any(|r| right.contains(r)), "{message}: {top:?}");
        }
        for &message in unanswered {
            assert!(engine.find(message).ranked.is_empty(), "{message}");
        }
    }

    /// Cantonese, Taiwan's and Singlish particles and function words frame a question; they
    /// weighed as the rarest words of the message, and it found nothing. The same registers
    /// about something else stay empty: a phone's storage, a gaming PC's graphics card, films.
    #[test]
    fn questions_in_cantonese_taiwanese_and_singlish_are_answered() {
        assert_answers(
            &[
                ("有冇講 QLoRA 嘅文章？", "qlora"),
                ("想搵啲 vLLM 嘅教學睇下", "vllm"),
                ("can share DeepSpeed tutorial or not lah", "deepspeed"),
                // Taiwan's words for a tutorial, a video and code.
                ("有沒有 LoRA 的教學影片", "lora"),
                ("想看 Megatron 的程式碼", "megatron-lm"),
                (
                    "kindly share some material on knowledge distillation sir",
                    "distillation",
                ),
            ],
            &[
                "my phone storage full liao, how to free up space ah",
                "想砌部打機電腦，顯示卡揀邊張好？",
                "最近有什麼好看的影片推薦",
            ],
        );
    }

    /// The internet's slang, forms of address and shortenings frame a question; the same
    /// voice about anything else finds nothing.
    #[test]
    fn the_internets_voice_frames_a_question() {
        assert_answers(
            &[
                ("家人们 有没有 LoRA 的保姆级教程 蹲一个", "lora"),
                (
                    "ngl im lost w quantization, who's got the sauce",
                    "quantization",
                ),
                (
                    "bruh my vram is cooked every time i train, tl;dr how to fix",
                    "memory-optimization",
                ),
            ],
            &[
                "宝子们 这个口红色号 yyds",
                "保姆级 Java 八股文教程 求带",
                "ngl this pizza place slaps fr",
                "跑步训练一小时消耗多少千卡",
            ],
        );
    }

    /// A formula's symbols weigh nothing, and a lone letter no more than a count: the words
    /// around them say what the question is about.
    #[test]
    fn formulas_and_symbols_weigh_little() {
        let engine = Engine::shipped().unwrap();
        let found =
            engine.find("ｈｉ～在读 ＬｏＲＡ 论文，h = W0x + BAx 里为什么 B 要初始化成 0？");
        for symbol in ["h", "w0x", "bax"] {
            assert!(
                found.words.iter().any(|w| w.text == symbol && w.pasted),
                "{symbol}"
            );
        }
        assert!(!found.words.iter().any(|w| w.text == "lora" && w.pasted));
        let found = engine.find("how does ZeRO-3 divide the optimizer states by N");
        let n = found.words.iter().position(|w| w.text == "n").unwrap();
        assert!(found.relevance.words[n].importance <= 0.2);
        assert!(!found.ranked.is_empty());
    }

    /// A topic's label of four ideographs typed with a homophone is named outright, as the
    /// label itself is; the same for the English stems of one word, which are one concept.
    #[test]
    fn a_label_heard_is_named_and_a_word_s_inflections_are_one_concept() {
        let engine = Engine::shipped().unwrap();
        assert!(!engine.find("知识蒸溜一个周末能搞明白吗").ranked.is_empty());
        let found = engine.find("prove Dijkstra's algorithm is correct, algorithms class");
        assert!(found.ranked.is_empty());
        assert_eq!(found.relevance.concepts, 1);
    }

    /// Text pasted from a screen that names a topic weighs nothing in deciding whether to
    /// answer; one from another program's world still says what the message is about.
    #[test]
    fn pasted_fragments_that_name_a_topic_are_read_for_the_topic() {
        let engine = Engine::shipped().unwrap();
        let found = engine.find(
            "ImportError: cannot import name 'ConversationChain' from 'langchain'\n\
             where's the langchain repo now, they moved everything around",
        );
        assert!(
            found
                .words
                .iter()
                .any(|w| w.text == "conversationchain" && w.pasted)
        );
        assert!(
            !found
                .words
                .iter()
                .any(|w| w.text == "langchain" && w.pasted)
        );
        assert!(!found.ranked.is_empty());
        for elsewhere in [
            "org.apache.kafka.common.errors.TimeoutException: Topic orders not present in metadata after 60000 ms. kafka producer 怎么配",
            "UserWarning: Matplotlib is currently using agg, which is a non-GUI backend, so plt.show() does nothing in WSL",
        ] {
            let found = engine.find(elsewhere);
            assert!(found.words.iter().all(|w| !w.pasted), "{elsewhere}");
            assert!(found.ranked.is_empty(), "{elsewhere}");
        }
    }

    /// Asking whether a method is worth trying, or for a list, says how, not what about.
    #[test]
    fn asking_whether_it_is_worth_it_or_for_a_list_frames_a_question() {
        assert_answers(
            &[
                ("AdaLoRA 效果如何，值不值得试试", "adalora"),
                ("集合通信的资料列一下", "communication"),
            ],
            // 列 alone is still a column.
            &["数据库按列存储和按行存储有什么区别"],
        );
    }

    /// A name autocorrect made into a word is read as the name, unless the message is about
    /// the word's own meaning.
    #[test]
    fn names_autocorrect_made_into_words_are_read_as_the_names() {
        assert_answers(
            &[
                ("laura explained with diagrams", "lora"),
                ("envy link 是什么", "nvlink"),
                ("awk 量化原理", "awq"),
            ],
            &[
                "Laura's birthday party ideas",
                "awk print the second column of a csv",
                "how many megatons was the tsar bomba",
            ],
        );
    }

    /// A catalogue word as a dictionary or a translation tool renders it is read as the
    /// word; the rendering's own everyday meaning stays unanswered.
    #[test]
    fn catalogue_words_as_translators_render_them_are_read_as_the_words() {
        assert_answers(
            &[
                ("my video memory is not enough when i train", "training"),
                ("big model fine adjustment how to do", "finetuning"),
                ("intelligent body development tutorial", "app-development"),
                ("assembly line parallel what is", "pipeline-parallel"),
                ("大模型推断加速有什么框架", "inference"),
                ("精细调整大模型的教程", "finetuning"),
            ],
            &[
                "how to do fine adjustment on a microscope focus knob",
                "警察是怎么推断出凶手的",
            ],
        );
    }

    /// A first part that only says who is asking ("本科生，…", "大一新生，…"), and the time a
    /// study plan counts ("每天 2h"), are the asker's situation: the question after them is
    /// answered, where their words, unexplained, held it back.
    #[test]
    fn who_asks_and_for_how_long_hold_no_question_back() {
        let engine = Engine::shipped().unwrap();
        let catalogue = engine.catalogue();
        for (message, topic) in [
            (
                "本科生，计划这学期把机器学习过一遍，想找能动手跑代码的中文教程",
                "machine-learning",
            ),
            (
                "大一新生，暑假想入门深度学习，计划每天 2h 看课，有适合零基础的中文视频课吗",
                "deep-learning",
            ),
        ] {
            let under = catalogue.resources_under(catalogue.topic_by_id(topic).unwrap());
            let found = engine.find(message).ranked;
            assert!(
                found.first().is_some_and(|r| under.contains(&r.resource)),
                "{message}: {:?}",
                found.iter().take(3).map(|r| r.resource).collect::<Vec<_>>()
            );
        }
    }

    /// Having no grounding ("完全没基础") is the asker's state: the topic named is the whole
    /// question, not it and the basics beside it (which brought a Transformer memory article
    /// and an NVMe one to a question about reinforcement learning).
    #[test]
    fn no_grounding_is_the_askers_state() {
        let engine = Engine::shipped().unwrap();
        let catalogue = engine.catalogue();
        let rl =
            catalogue.resources_under(catalogue.topic_by_id("reinforcement-learning").unwrap());
        for message in [
            "研一，完全没基础，想学强化学习从哪开始",
            "强化学习 基础差 从哪学",
        ] {
            let found = engine.find(message).ranked;
            let top: Vec<_> = found.iter().take(3).map(|r| r.resource).collect();
            assert!(
                top.len() == 3 && top.iter().all(|r| rl.contains(r)),
                "{message}: {top:?}"
            );
        }
    }

    /// A name typed with a slip is read as the name by every stage, the paraphrases among
    /// them ("hangs" beside NCCL). A word that starts with another letter is another word or
    /// name, and an everyday word is spelled as meant.
    #[test]
    fn names_typed_with_a_slip_are_read_as_the_names() {
        assert_answers(
            &[
                (
                    "ncll hangs on two machiens, no error just stuck",
                    "communication-software",
                ),
                ("is langchian dead?? genuinely asking", "langchain"),
                ("deepseed 训 13B 要几张卡", "deepspeed"),
            ],
            &[
                "Owen Wilson movies ranked, is Midnight in Paris his best",
                "my iPhone battery drains way faster since the update, any fix?",
                // DeepSeek, two slips from DeepSpeed, is a model the catalogue lacks.
                "how good is deepseek",
            ],
        );
        let engine = Engine::shipped().unwrap();
        let texts = |q: &str| -> Vec<String> {
            let words = engine.understand(q, false);
            words.into_iter().map(|w| w.text).collect()
        };
        assert!(texts("ncll hangs").contains(&"nccl".to_owned()));
        assert!(texts("owen wilson").contains(&"owen".to_owned()));
        // Two slips from a name make another name.
        assert!(texts("deepseek r1 本地部署").contains(&"deepseek".to_owned()));
    }

    /// How a thing should be explained (直观, 形象: intuitively, vividly) is not what is asked
    /// about, as 通俗 is not.
    #[test]
    fn how_it_should_be_explained_is_no_topic() {
        assert_answers(
            &[(
                "完全不懂，卷积到底是怎么回事？有没有能直观看到过程的",
                "deep-learning",
            )],
            &[],
        );
    }

    /// A model's size the catalogue does not have says how big, as a count says how many: it
    /// is not a rare word left unexplained.
    /// "Attn:" heading a letter is for someone's attention, not attention in a Transformer.
    #[test]
    fn attn_heading_a_letter_is_no_attention() {
        assert_answers(
            &[("flash attn 原理", "flash-attention")],
            &[
                "attn line in a business letter?",
                "Attn: 写在信封上什么意思",
            ],
        );
    }

    #[test]
    fn a_models_size_is_no_unexplained_word() {
        assert_answers(&[("qlora 单卡就能调 65B 真的假的", "qlora")], &[]);
    }

    #[test]
    fn weak_answers_need_a_result_near_the_message_in_meaning() {
        let engine = Engine::shipped().unwrap();
        let found = engine.find(
            "excel formula to sum GPU hours per team from a usage sheet, team names in column A",
        );
        assert!(found.relevance.answer && found.relevance.share() < 0.5);
        assert!(found.unvouched);
        assert!(found.ranked.is_empty());
        // As weak evidence about the catalogue's own subject stands. (Not "… and I have zero
        // background": how much the asker knows is now theirs, and that message no weak one.)
        let found = engine.find(
            "my mentor wants me to start on reinforcement learning next term because our lab pivoted, any textbook?",
        );
        assert!(found.relevance.share() < 0.5);
        assert!(!found.unvouched && !found.ranked.is_empty());
        // Without the semantic layer, nothing vouches and nothing is vetoed. (The model train
        // now names a model in another sense even lexically; a weekly report written by a
        // chatbot is still answered by its words alone, "writing" matching a title.)
        let weak =
            "can you give me a prompt so chatgpt is writing my weekly report in bullet points";
        assert!(engine.find(weak).unvouched);
        let lexical =
            Engine::with_options(Catalogue::shipped().unwrap(), Options { semantic: false });
        let found = lexical.find(weak);
        assert!(!found.unvouched && !found.ranked.is_empty());
        // A topic one of the catalogue's paraphrases describes in full needs no vouching:
        // "query, key, value" is how attention in a Transformer is described. ("Which earlier
        // words matter" once kept it under half; "matter" now says nothing.)
        let found = engine.find(
            "how does a model decide which earlier words are relevant to the current one? the query, key, value business is lost on me",
        );
        assert!(found.relevance.share() < 0.5);
        assert!(!found.unvouched && !found.ranked.is_empty());
        // Nor does a message that, with the words describing what its concepts are about,
        // is half explained: these describe an app calling tools around 大模型.
        let found = engine.find("让大模型在需要的时候去用搜索和计算器这些外部工具");
        assert!(found.relevance.share() < 0.5 && found.relevance.share_described() >= 0.5);
        assert!(!found.unvouched && !found.ranked.is_empty());
    }

    #[test]
    fn a_known_word_is_read_by_sound_only_with_its_very_syllables() {
        let engine = Engine::shipped().unwrap();
        // zhong-shu is near zong-shu (综述), but heatstroke is a word of its own.
        assert!(engine.find("中暑了怎么办").ranked.is_empty());
        // liang-hua is exactly 量化's syllables: a pinyin keyboard's slip.
        assert!(!engine.find("亮化教程").ranked.is_empty());
    }

    /// Asking the bot for a rule over every answer is help when it names nothing to find; with
    /// a topic, known or not, it is a question.
    #[test]
    fn a_standing_wish_about_the_answers_asks_for_help() {
        let engine = Engine::shipped().unwrap();
        for m in [
            "能不能以后只给我中文的资料？英文看着头疼",
            "能不能每次只给我一个链接？太多了看不过来",
            "能不能以后都只发英文的",
            "can you only send me videos from now on?",
        ] {
            assert_eq!(engine.find(m).small_talk, Some(SmallTalk::Help), "{m}");
        }
        let about_vllm = engine.find("能不能只给我 vllm 的中文教程");
        assert_eq!(about_vllm.small_talk, None);
        assert!(!about_vllm.ranked.is_empty());
        let about_rust = engine.find("能不能只给我 Rust 的中文教程");
        assert_eq!(about_rust.small_talk, None);
        assert!(about_rust.ranked.is_empty());
    }

    /// Asking what the bot can do is help however long the message, while its other words are
    /// everyday ones; a topic the catalogue names makes it a question.
    #[test]
    fn asking_what_the_bot_can_do_at_length_asks_for_help() {
        let engine = Engine::shipped().unwrap();
        for m in [
            "what can you actually help with? like if I tell you my hardware, will you suggest stuff?",
            "这个 bot 能干嘛？我是新手，是不是直接打字问问题就行？",
        ] {
            assert_eq!(engine.find(m).small_talk, Some(SmallTalk::Help), "{m}");
        }
        let vllm = engine.find(
            "what can you do about the latency of vllm on an a100? it's really slow for long prompts",
        );
        assert_eq!(vllm.small_talk, None);
        assert!(!vllm.ranked.is_empty());
    }

    /// Asking whether the bot is there greets it, question mark and all; asking what it does
    /// after that is help, and so is the help command with whatever follows it.
    #[test]
    fn presence_checks_greet_and_the_help_command_asks_for_help() {
        let engine = Engine::shipped().unwrap();
        for (m, kind) in [
            ("yo, you alive in here?", SmallTalk::Greeting),
            ("hello 大佬们，bot 在吗", SmallTalk::Greeting),
            ("hi 机器人，晚上好，还在线吗", SmallTalk::Greeting),
            ("早啊机器人，又是被AI新闻轰炸的一天", SmallTalk::Greeting),
            ("bot 在吗？能帮我找什么", SmallTalk::Help),
            ("you there? what can you do", SmallTalk::Help),
            ("/help 有哪些 command 可以用", SmallTalk::Help),
            ("/help@ganhuo_bot", SmallTalk::Help),
            // Wishing oneself luck before an interview is a greeting too.
            ("明天终面，祝我好运吧🙏", SmallTalk::Greeting),
            // Asking how the bot is greets; it asks nothing of what the bot does.
            (
                "Hello bot, nice to meet you! How are you today?",
                SmallTalk::Greeting,
            ),
            ("早上好！今天你好吗？", SmallTalk::Greeting),
            ("how are you today? what can you do", SmallTalk::Help),
            // A learner's wording and greetings of other languages.
            ("Salam alaikum, good evening to you", SmallTalk::Greeting),
            (
                "Thank you so much, you help me a lot, very kind of you!",
                SmallTalk::Thanks,
            ),
            (
                "What you can do? Explain me your functions please",
                SmallTalk::Help,
            ),
        ] {
            let found = engine.find(m);
            assert_eq!(found.small_talk, Some(kind), "{m}");
            assert!(found.ranked.is_empty(), "{m}");
        }
    }

    #[test]
    fn chatter_around_small_talk_is_small_talk() {
        let engine = Engine::shipped().unwrap();
        for (m, kind) in [
            (
                "hey there! just found this bot, looks like a nice place for transformer stuff",
                SmallTalk::Greeting,
            ),
            ("谢谢你，今天学了很多分布式训练的东西", SmallTalk::Thanks),
            ("那篇图解LoRA看完终于懂了 感谢", SmallTalk::Thanks),
            // Leaving to read, and asking whether typing is all it takes.
            ("好的 我先看看这几个", SmallTalk::Thanks),
            ("这个怎么用啊 直接打字问就行？", SmallTalk::Help),
            ("你能帮我干点啥？我是不是来错地方了", SmallTalk::Help),
            // Chat's spellings ("wat", "u", "how2").
            ("wat can u do lol", SmallTalk::Help),
            // Help asked of the bot by name, not only as "you".
            (
                "is this a bot or a person? how do i use it",
                SmallTalk::Help,
            ),
            // What the links saved, done (了), is a remark; "帮我省点时间" still asks.
            ("omg 谢谢 你帮我省了一整个周末", SmallTalk::Thanks),
        ] {
            let found = engine.find(m);
            assert_eq!(found.small_talk, Some(kind), "{m}");
            assert!(found.ranked.is_empty(), "{m}");
        }
        // A greeting before a request is still the request.
        for m in [
            "hello! quick question about lora",
            "hi, lora tutorial",
            "哈喽 大佬 想入门NLP 推荐点课程呗",
            // Asking to find or learn something, and "now" moving on to the next subject.
            "你好，想找大模型量化的资料",
            "thanks, now vllm",
            // Thanks around a request for more material.
            "谢谢哈，上次那篇GPT原理解析挺好，能再来一篇图解版的嘛",
            "谢谢，再来几篇 NCCL 的",
            // Thanks around still not following.
            "还是没懂 NCCL，谢谢",
            // Thanks closing a request to recommend ("谢谢推荐" would thank for one).
            "MoE 一直没找到靠谱资料，麻烦推荐下，感谢～",
            // Thanks, then the next question announced.
            "thanks. different question: what's a good intro to knowledge distillation",
            // Which link of the last answer failed, then the topic.
            "第二个链接打不开。。NCCL 还有别的资料吗",
            // A closing phrase negated ("不懂了") is no thanks.
            "多张卡之间那种不走 PCIe 的专用高速直连 到底有多快 被同事笑不懂了",
            // Wishing the bot a good day, then asking.
            "hi hi, hope your day is going better than mine. quick one: is there a ZeroQuant write-up anywhere? chinese is fine",
        ] {
            let found = engine.find(m);
            assert!(
                found.small_talk.is_none() && !found.ranked.is_empty(),
                "{m}"
            );
        }
    }

    #[test]
    fn small_talk_phrases_among_words_that_name_nothing_are_small_talk() {
        let engine = Engine::shipped().unwrap();
        for (m, kind) in [
            ("你会啥", SmallTalk::Help),
            ("嗯那个你好 就是说你都能帮我查些什么", SmallTalk::Help),
            ("can you help me", SmallTalk::Help),
            ("bot 咋用啊 求教程", SmallTalk::Help),
            ("为啥每次只给三个链接", SmallTalk::Help),
            ("嘿 机器人在线吗", SmallTalk::Greeting),
            ("这 bot 有点东西啊 牛", SmallTalk::Thanks),
            ("喂喂喂 (´･ω･`)", SmallTalk::Greeting),
            // A favour done, and what the links saved a team, are thanks.
            ("终于跑通了，谢谢你发的教程，帮了大忙", SmallTalk::Thanks),
            (
                "谢谢！你推荐的剪枝文章帮我们每季度省了不少显卡钱",
                SmallTalk::Thanks,
            ),
            (
                "can I send you my course syllabus so you tell me what to read next? or what exactly can you do?",
                SmallTalk::Help,
            ),
        ] {
            let found = engine.find(m);
            assert_eq!(found.small_talk, Some(kind), "{m}");
        }
        // Speaking to the bot about something else is no small talk.
        for m in [
            "你喜欢吃什么",
            "what's your favourite movie",
            "你能帮我写作业吗",
            // Praise words in a question about someone else ("who is stronger") praise
            // nobody.
            "擎天柱和威震天到底谁更厉害",
        ] {
            assert_eq!(engine.find(m).small_talk, None, "{m}");
        }
        // An apology that opens a question frames it: the question is answered.
        let found = engine.find("打扰了,想问下量化这块有没有比较全的综述,我自己看得有点乱");
        assert_eq!(found.small_talk, None);
        assert!(!found.ranked.is_empty());
    }

    #[test]
    fn asking_whether_the_bot_has_a_topic_asks_for_it() {
        let engine = Engine::shipped().unwrap();
        // 收录 asks whether the bot has it, as 有 does: the topic after it is what is wanted.
        let found = engine.find("你们收录量化的资料吗");
        assert_eq!(found.small_talk, None);
        assert!(!found.ranked.is_empty());
        // What it has as a whole, or where that came from, is about the bot.
        for m in [
            "你们收录了哪些资料",
            "你这个 bot 收录的资料都是从哪来的？是某篇 CSDN 文章吗",
        ] {
            let found = engine.find(m);
            assert_eq!(found.small_talk, Some(SmallTalk::Help), "{m}");
            assert!(found.ranked.is_empty(), "{m}");
        }
    }

    /// The ids of the first five resources an answer shows.
    fn answer_ids(engine: &Engine, message: &str) -> Vec<String> {
        engine
            .answer(message, 0, 5)
            .hits
            .into_iter()
            .map(|h| h.id)
            .collect()
    }

    #[test]
    fn loud_typing_and_holiday_wishes_leave_the_question() {
        let engine = Engine::shipped().unwrap();
        for (m, wanted) in [
            // A stretched greeting is the greeting, not an unknown name outweighing the tool.
            (
                "heyyyy sooo my boss says we use LMDeploy now… any docs pleaaase",
                "lmdeploy",
            ),
            // 说声 says a courtesy; it does not ask whether the bot speaks Chinese.
            (
                "先说声谢谢啦！想用 Flask 把模型包成接口，有中文文档吗，爱你",
                "flask",
            ),
            // A section named in brackets, pointed at as a whole block.
            ("「推理加速框架」那一整块都有啥？一个都不许漏", "tgi"),
        ] {
            let ids = answer_ids(&engine, m);
            assert!(ids.iter().any(|id| id.contains(wanted)), "{m}: {ids:?}");
        }
        let found = engine.find(
            "Merry Christmas! is there something that walks through GPT step by step, with code?",
        );
        assert_eq!(found.small_talk, None);
        assert!(!found.ranked.is_empty());
    }

    #[test]
    fn messages_in_other_languages_are_read_by_the_names_they_hold() {
        let engine = Engine::shipped().unwrap();
        let ids = |m: &str| answer_ids(&engine, m);
        // French function words are filler, the rest weighs as ordinary words, not rare names.
        let french = ids("Salut ! Vous avez des articles sur vLLM pour débutants ?");
        assert!(french.iter().any(|id| id.contains("vllm")), "{french:?}");
        // Korean glues its particle to the name; both names are asked about.
        let korean = ids("vLLM이랑 TGI 비교한 글 있어요?");
        assert!(korean.iter().any(|id| id.contains("tgi")), "{korean:?}");
        assert!(korean.iter().any(|id| id.contains("vllm")), "{korean:?}");
        assert!(!ids("Привет! Где почитать про DeepSpeed ZeRO?").is_empty());
        // The words still count: a message about something else stays unanswered.
        for m in [
            "Quelle carte graphique me conseillez-vous pour jouer à Cyberpunk en 4K, une RTX 4070 ou une 4080 ?",
            "Как обновить драйвер видеокарты NVIDIA на Windows 11?",
            "Wo kann ich in Berlin am Wochenende gut Pizza essen gehen?",
        ] {
            assert!(engine.find(m).ranked.is_empty(), "{m}");
        }
    }

    #[test]
    fn a_chapter_pointed_at_and_an_account_asked_about() {
        let engine = Engine::shipped().unwrap();
        // 那一章 points at a section as 那一节 does, and names nothing itself.
        for m in [
            "推理框架那一章都有哪些？我想挑两篇发给同事",
            "模型压缩那一章都有哪些？我想挑两篇发给同事",
        ] {
            assert!(!engine.find(m).ranked.is_empty(), "{m}");
        }
        // On a chat app the bot is an account (号).
        let found = engine.find("这个号能干嘛？简单说说呗");
        assert_eq!(found.small_talk, Some(SmallTalk::Help));
    }

    #[test]
    fn a_correction_rules_out_what_it_was_not() {
        let engine = Engine::shipped().unwrap();
        // What the last answer was not is ruled out; with nothing else of the catalogue's
        // asked, nothing is found.
        for m in [
            "我要的不是 MLIR 那种 AI 编译，是普通 C 项目 gcc 报 undefined reference 怎么办",
            "actually I meant data parallelism in Spark: repartition vs coalesce on a big DataFrame?",
        ] {
            assert!(engine.find(m).ranked.is_empty(), "{m}");
        }
    }

    #[test]
    fn near_misses_suggest_topics() {
        let engine = Engine::shipped().unwrap();
        let answer = engine.answer("ncl", 0, 5);
        assert_eq!(answer.total, 0);
        assert_eq!(answer.suggestions[0].kind, SuggestionKind::DidYouMean);
        assert_eq!(answer.suggestions[0].topic.id, "communication-software");
    }

    #[test]
    fn questions_that_find_nothing_offer_topics_near_in_meaning() {
        let engine = Engine::shipped().unwrap();
        // No word of it is a catalogue concept strong enough to answer, but it means serving.
        let answer = engine.answer("有没有讲怎么给模型服务做压测的", 0, 5);
        assert_eq!(answer.total, 0);
        assert!((1..=RELATED_TOPICS).contains(&answer.suggestions.len()));
        assert!(
            answer
                .suggestions
                .iter()
                .all(|s| s.kind == SuggestionKind::Related)
        );
        assert_eq!(answer.suggestions[0].topic.id, "framework-serving");
        // Without the semantic layer nothing is near in meaning.
        let lexical =
            Engine::with_options(Catalogue::shipped().unwrap(), Options { semantic: false });
        let (kind, _) = lexical.suggest("有没有讲怎么给模型服务做压测的");
        assert_eq!(kind, SuggestionKind::TopTopic);
    }

    #[test]
    fn far_misses_offer_top_topics() {
        let engine = Engine::shipped().unwrap();
        for query in ["best pizza in new york", "qwertyuiop", "今天股票行情"] {
            let answer = engine.answer(query, 0, 5);
            assert_eq!(answer.total, 0, "{query}");
            assert!(
                answer
                    .suggestions
                    .iter()
                    .all(|s| s.kind == SuggestionKind::TopTopic),
                "{query}"
            );
        }
    }

    fn texts(engine: &Engine, query: &str) -> Vec<String> {
        engine
            .understand(query, false)
            .into_iter()
            .map(|w| w.text)
            .collect()
    }

    #[test]
    fn unknown_spans_split_into_words_but_pinyin_slips_stay_whole() {
        let engine = Engine::shipped().unwrap();
        let words = engine.understand("西瓜书里的公式推不动怎么办", false);
        let filler = words
            .iter()
            .find(|w| w.text == "的")
            .map(|w| w.is_content());
        assert_eq!(filler, Some(false), "{words:?}");
        assert!(words.iter().any(|w| w.text == "公式"), "{words:?}");
        // 混合经度 sounds like 混合精度: one slip, corrected as a whole.
        assert!(texts(&engine, "混合经度训练怎么开").contains(&"混合经度".to_owned()));
        // Also when the particle after it falls into the same span.
        for (query, slip) in [
            ("李弘毅的机器学习课程", "李弘毅"),
            ("亮化的方法有哪些", "亮化"),
        ] {
            let words = texts(&engine, query);
            assert!(words.contains(&slip.to_owned()), "{words:?}");
            assert!(words.contains(&"的".to_owned()), "{words:?}");
        }
        // The lexical engine has no general vocabulary and keeps the span.
        let lexical =
            Engine::with_options(Catalogue::shipped().unwrap(), Options { semantic: false });
        assert!(
            texts(&lexical, "西瓜书里的公式推不动怎么办").contains(&"里的公式推不动".to_owned())
        );
    }

    /// The words of `query` read as the catalogue word spelled `term` in the way `how`.
    fn words_reading(engine: &Engine, query: &str, term: &str, how: How) -> Vec<String> {
        let term = engine.index.term(term).expect("a catalogue word");
        engine.words_reading(query, term, how)
    }

    #[test]
    fn a_genitive_between_the_words_of_a_catalogue_word_joins_them() {
        let engine = Engine::shipped().unwrap();
        let joined = |query: &str, term: &str| words_reading(&engine, query, term, How::Compound);
        // "knowledge distillation", "deep learning" rendered word by word.
        assert_eq!(
            joined("请提供关于知识的蒸馏之学习资料", "知识蒸馏"),
            ["知识", "蒸馏"]
        );
        assert_eq!(joined("想学习深度的学习", "深度学习"), ["深度", "学习"]);
        // Two words that make no catalogue word stay apart.
        assert_eq!(joined("孩子的学习成绩", "深度学习"), Vec::<String>::new());
        let found =
            engine.find("我是初学者，完全零基础，想学习深度的学习，应该从哪一本书或者视频开始？");
        assert!(found.small_talk.is_none() && !found.ranked.is_empty());
    }

    #[test]
    fn a_slip_the_segmenter_cut_apart_is_read_across_its_words() {
        let engine = Engine::shipped().unwrap();
        let heard = |query: &str, term: &str| words_reading(&engine, query, term, How::Homophone);
        for (query, meant) in [
            ("专家并形的全对全通信怎么优化", "专家并行"),
            ("张亮并行里面行切分列切分怎么理解", "张量并行"),
            ("图解AdaLoRA 奇异值分节那里看不懂", "奇异值分解"),
            // A label's second word typed whole as another of its sound: two slips of four.
            ("知识争流里温度系数为啥有用", "知识蒸馏"),
            // The slipped character is a word of its own that names nothing (有).
            ("零冗余有化器的第三阶段是怎么切分参数的", "零冗余优化器"),
        ] {
            let words = heard(query, meant);
            // Worth something only while the segmenter cuts the slip apart.
            assert!(words.len() >= 2, "{query}: {words:?}");
            assert_eq!(
                words.concat().chars().count(),
                meant.chars().count(),
                "{query}"
            );
        }
        // In a word of three, the same sound with more than one character changed is a
        // coincidence (分不是 for 分布式), and a character of another sound is no slip of a
        // pinyin keyboard.
        for (query, not_meant) in [
            ("这次考试的分不是很高", "分布式"),
            ("模型剪技有啥好文章", "模型剪枝"),
        ] {
            assert_eq!(heard(query, not_meant), Vec::<String>::new(), "{query}");
        }
    }

    #[test]
    fn a_catalogue_word_inside_an_everyday_word_is_not_split_off() {
        let engine = Engine::shipped().unwrap();
        // 服务 is a catalogue word (推理服务); 服务器 is a server.
        let words = texts(&engine, "我们实验室有四台服务器");
        assert!(words.contains(&"服务器".to_owned()), "{words:?}");
        // Filler after a catalogue word stays apart.
        let words = texts(&engine, "量化的方法");
        assert!(words.contains(&"量化".to_owned()), "{words:?}");
        assert!(words.contains(&"的".to_owned()), "{words:?}");
    }

    #[test]
    fn everyday_words_are_not_corrected_by_sound() {
        let engine = Engine::shipped().unwrap();
        let typo = |q: &str, text: &str| {
            engine
                .understand(q, false)
                .iter()
                .find(|w| w.text == text)
                .is_some_and(|w| {
                    w.alternatives
                        .iter()
                        .any(|a| matches!(a.how, How::Typo | How::Homophone))
                })
        };
        // 亮化 is a slip for 量化; 几分 ("how many points") is meant as typed, not 积分.
        assert!(typo("亮化是什么", "亮化"));
        assert!(!typo("雅思一般要几分", "几分"));
        // Likewise in English: "nodes" is a word (not a slip for "notes"), "megatorn" is not,
        // and is read as the name it was meant to be.
        assert!(!typo("ddp across two nodes", "nodes"));
        let read = engine.understand("megatorn tutorial", false);
        assert!(read.iter().any(|w| w.text == "megatron"), "{read:?}");
    }

    #[test]
    fn the_words_of_one_compound_corroborate_what_either_reaches() {
        // "in pytorch" is one compound concept; PyTorch's overview names DDP, so the two
        // concepts meet although "in" alone never does.
        let engine = Engine::shipped().unwrap();
        let found =
            engine.find("how do I set up DistributedDataParallel in PyTorch across two nodes?");
        assert!(found.relevance.corroborated, "{:?}", found.relevance);
        assert!(found.relevance.answer);
    }

    #[test]
    fn one_side_of_a_comparison_is_answered_when_the_other_is_unknown() {
        let engine = Engine::shipped().unwrap();
        let ids = |q: &str| -> Vec<String> {
            engine
                .search(q)
                .iter()
                .map(|r| engine.catalogue().resources()[r.resource].id.clone())
                .collect()
        };
        assert!(
            ids("infiniband 是什么，和以太网比有啥优势").contains(&"zhihu-673903240".to_owned())
        );
        // Neither side known: still nothing.
        assert!(ids("以太网是什么，和光纤比有啥优势").is_empty());
        // The side answered on its own must be named, not guessed (iphone is no slip for phone).
        assert!(ids("iPhone 和安卓哪个好").is_empty());
        // Nor by a word that says next to nothing: "test" of a stats exam's t-test.
        assert!(ids("stats final: when do I use a t-test vs a chi-square test?").is_empty());
    }

    #[test]
    fn a_number_or_a_split_name_is_one_concept_at_most() {
        let engine = Engine::shipped().unwrap();
        let concepts = |q: &str| engine.relevance(&engine.understand(q, false)).concepts;
        // "7" matches Qwen-7B's title, but names nothing on its own.
        assert_eq!(concepts("my 7 year old can't focus on attention tasks"), 1);
        // "hugging face" is one name, whose two words do not corroborate each other. (Beside
        // "emoji" it names nothing: both words are the emoji's, see the catalogue's senses.)
        assert_eq!(concepts("hugging face"), 1);
        assert_eq!(concepts("hugging face emoji"), 0);
        assert_eq!(concepts("llama 2 hugging face"), 2);
        for q in [
            "My 7 year old can't pay attention at school, any tips for parents?",
            "what does it mean when someone sends the hugging face emoji after an argument?",
        ] {
            assert!(engine.search(q).is_empty(), "{q}");
        }
    }

    #[test]
    fn a_catalogue_word_in_capitals_is_not_its_everyday_namesake() {
        let engine = Engine::shipped().unwrap();
        let rag = |q: &str| {
            let words = engine.understand(q, false);
            let i = words.iter().position(|w| w.text == "rag").unwrap();
            engine.relevance(&words).words[i].importance
        };
        assert!(rag("新手求问 rag 到底是个啥") < CAPITALS_IMPORTANCE);
        assert!(rag("新手求问 RAG 到底是个啥") >= CAPITALS_IMPORTANCE);
        // Shouting is emphasis, and says nothing of any one word.
        assert!(rag("WHY IS MY RAG SO SLOW") < CAPITALS_IMPORTANCE);
    }

    #[test]
    fn a_what_is_question_is_about_the_concept_it_names() {
        let engine = Engine::shipped().unwrap();
        let relevance = |q: &str| engine.relevance(&engine.understand(q, false));
        for asked in [
            "total beginner: what is rlhf and how does it make chatbots behave nicely",
            "新手求问 RAG 到底是个啥 我们产品经理天天挂在嘴上",
            // A name of two words is asked about whole.
            "what is knowledge distillation and could it shrink our legacy billing dashboard",
        ] {
            let r = relevance(asked);
            assert!(r.defined && r.answer, "{asked}");
        }
        // The same context around the concept, without the question, is not enough.
        for told in [
            "total beginner: how does rlhf make chatbots behave nicely",
            "我们产品经理天天把 RAG 挂在嘴上",
        ] {
            assert!(!relevance(told).answer, "{told}");
        }
        // What is asked about is more than the catalogue word it starts with.
        for wider in [
            "what is the attention economy and why do social apps exploit it?",
            "how do I design a low-pass FIR filter with the window method, what's the math for the cutoff",
        ] {
            let r = relevance(wider);
            assert!(!r.defined && !r.answer, "{wider}");
        }
    }

    #[test]
    fn a_what_is_question_leans_to_writing_that_explains() {
        let engine = Engine::shipped().unwrap();
        let kind_of_first = |q: &str| {
            let found = engine.find(q);
            engine.catalogue().resource(found.ranked[0].resource).kind
        };
        // RLHF's frameworks and its courses match alike; the question asks what it is.
        let asked = "what's RLHF and why does every chatbot seem to need it?";
        assert_ne!(
            kind_of_first(asked),
            crate::catalogue::Kind::Repo,
            "{asked}"
        );
        // Asked for code, the frameworks come first again.
        assert_eq!(
            kind_of_first("RLHF code on github"),
            crate::catalogue::Kind::Repo
        );
    }

    #[test]
    fn concepts_corroborate_only_where_they_meet() {
        let engine = Engine::shipped().unwrap();
        let relevance = |q: &str| engine.relevance(&engine.understand(q, false));
        // llama.cpp's resources are about llama, running locally and CPUs at once.
        assert!(relevance("run llama locally on my macbook cpu").corroborated);
        // Two of the field's own names side by side, filed under one topic, though no page
        // covers both: a comparison of neighbours.
        let interconnects = relevance("NVLink 和 InfiniBand 老板让我写采购说明，各自负责哪一段");
        assert!(interconnects.corroborated && interconnects.answer);
        // Both are catalogue words, but no resource is about both.
        // ("bit depth" itself is a cue of quantisation's sense in audio.)
        let adc = relevance("How does quantization noise depend on the depth of the signal?");
        assert_eq!(adc.concepts, 2);
        assert!(!adc.corroborated && !adc.answer);
        // "a" matches a catalogue term but says nothing: it corroborates nothing. ("tornado
        // warning" would rule the web framework out as a sense before this is asked.)
        let storm = relevance("tornado tonight, what should I do if I live in a mobile home");
        assert_eq!(storm.concepts, 1);
        assert!(!storm.answer);
        // "hand" and "stats" (read as "states") meet in a page on model states, but neither
        // says anything of its own.
        let homework = relevance("how do i compute a p-value by hand for my stats homework");
        assert!(!homework.corroborated && !homework.answer);
    }

    #[test]
    fn a_word_is_as_specific_as_everything_its_spellings_reach() {
        let engine = Engine::shipped().unwrap();
        let specificity =
            |q: &str| engine.relevance(&engine.understand(q, false)).words[0].specificity;
        // 大模型 reaches most of the catalogue through its synonyms, one of which is rare.
        assert!(specificity("大模型") < specificity("数学"));
        assert!(specificity("大模型") < 0.6, "{}", specificity("大模型"));
    }

    #[test]
    fn unanswered_messages_framed_by_small_talk_are_small_talk() {
        let engine = Engine::shipped().unwrap();
        let talk = |q: &str| engine.find(q).small_talk;
        assert_eq!(
            talk("thanks a lot, that's exactly what I needed"),
            Some(SmallTalk::Thanks)
        );
        assert_eq!(
            talk("你好呀，第一次用这个机器人"),
            Some(SmallTalk::Greeting)
        );
        // A question framed the same way is answered as a question.
        let found = engine.find("thanks a lot, any LoRA tutorials?");
        assert_eq!(found.small_talk, None);
        assert!(!found.ranked.is_empty());
        // And one the catalogue cannot answer is told so, with or without a question mark.
        assert_eq!(talk("您好，请问地铁几点停运"), None);
        assert_eq!(talk("thanks! btw how do I reset my router"), None);
        // Inside a question, thanks and forms of address say nothing: "thx" and "mate" used to
        // count as unexplained words, and this was taken for thanks.
        let found = engine.find("thx mate, where is the vllm repo");
        assert_eq!(found.small_talk, None);
        assert!(!found.ranked.is_empty());
        // A greeting that is itself a question is still a greeting.
        assert_eq!(
            talk("hey there, how's it going, first time here"),
            Some(SmallTalk::Greeting)
        );
    }

    /// Who says or mentions a word is hearsay about it, not what it is about, and "-facing"
    /// is no Hugging Face; "lamma" is llama with its double letter moved. Hearsay about
    /// something else stays empty.
    #[test]
    fn hearsay_and_who_a_product_faces_weigh_nothing() {
        assert_answers(
            &[
                (
                    "my manager keeps saying we should try QLoRA, what is that",
                    "qlora",
                ),
                (
                    "every blog mentions vLLM and I just nod, what is it",
                    "vllm",
                ),
                ("lamma.cpp 怎么编译", "llama-cpp"),
            ],
            &[
                "my landlord says the rent goes up in march, is that allowed",
                "customer-facing dashboard in react, which chart library",
            ],
        );
    }

    /// Where the asker saw a word ("just curious, saw … trending") and a plea (拜托啦) are
    /// chat, not content; what was seen about something else stays empty.
    #[test]
    fn what_caught_the_eye_and_pleas_weigh_nothing() {
        assert_answers(
            &[
                (
                    "hi, just curious, saw langchain trending again, any good intro, 最好中文的 please",
                    "langchain",
                ),
                (
                    "你好呀 想系统学一下注意力机制的原理 最好是中文的 图多一点 拜托啦",
                    "transformer",
                ),
            ],
            &["just curious, saw a fox in the garden, are they dangerous to cats"],
        );
    }

    /// Pasted addresses and arXiv numbers the catalogue knows point at their topic, whatever
    /// the chat around them, and the word vectors do not veto them; an owner's handle on a
    /// code host names nothing.
    #[test]
    fn a_pasted_address_or_paper_the_catalogue_knows_is_named_outright() {
        assert_answers(
            &[
                (
                    "研一 导师让我先看 https://arxiv.org/abs/1706.03762 完全看不懂 有没有先导一点的材料",
                    "transformer",
                ),
                (
                    "1910.02054 那篇论文的核心思想一句话怎么概括 有中文图解吗",
                    "zero",
                ),
            ],
            &["github.com/microsoft/vscode 自己编译源码 yarn 报错 electron 下载失败"],
        );
    }

    /// "AI" and a product word ("AI 写作工具", "our ai app") name some AI product together,
    /// not two concepts vouching for each other: promoting it or pricing it is no question for
    /// the catalogue. Beside a concept the catalogue teaches they still count.
    #[test]
    fn an_ai_product_alone_is_no_concept_pair() {
        assert_answers(
            &[
                (
                    "我们的 AI 应用想用 LangChain 接知识库，有教程吗",
                    "langchain",
                ),
                (
                    "our ai assistant needs to run on ascend, which inference engine",
                    "inference",
                ),
            ],
            &[
                "怎么在朋友圈推荐我们的人工智能工具",
                "which color scheme suits our ai app icon",
            ],
        );
    }

    /// A name coined in the field, with no other sense, carries a message of chat around it:
    /// a dare, a client story. Beside another technology's names the catalogue lacks, or as
    /// a word with other senses (flask), it does not.
    #[test]
    fn a_coined_name_carries_the_chat_around_it() {
        assert_answers(
            &[
                ("赌五毛你没有 NCCL 的资料", "communication-software"),
                (
                    "Is there a decent writeup on how Megatron partitions the model? I'm \
                     reviewing a PR that touches the mpu code and I'm lost",
                    "megatron-lm",
                ),
                // A course's own code carries the chat around it too.
                ("有没有人一起刷CS224n 作业和slides在哪下啊", "nlp"),
            ],
            &[
                "ibv_post_send returns ENOMEM when the send queue fills up in our custom rdma \
                 key-value store",
                "flang's FIR dialect in MLIR: how do I lower a custom Fortran intrinsic through it?",
                "better flask than Hydro Flask for keeping tea hot all day?",
            ],
        );
    }

    /// "What even is that" after a name asks what the name is.
    #[test]
    fn what_that_is_asks_about_the_name_before_it() {
        assert_answers(
            &[(
                "ok so my roommate is a cs phd and every time i ask how to host a model he just \
                 says 'use TGI' and walks off... what even is that, got a link?",
                "tgi",
            )],
            &[],
        );
    }

    /// A walkthrough is something to read, not a word of the titles that say "code
    /// walkthrough"; a model too big for one card is trained across many; a prefix not
    /// recomputed at every token is cached.
    #[test]
    fn walkthroughs_and_models_too_big_for_one_card() {
        let engine = Engine::shipped().unwrap();
        let catalogue = engine.catalogue();
        let lora = catalogue.resources_under(catalogue.topic_by_id("lora").unwrap());
        let found = engine.find(
            "is there like a decent walkthrough of LoRA somewhere? the prof mentioned it for \
             literally two seconds lol",
        );
        assert!(
            found
                .ranked
                .iter()
                .take(3)
                .all(|r| lora.contains(&r.resource))
        );
        assert_answers(
            &[
                (
                    "how do labs train models that don't fit on one gpu at all? like gpt-3 size",
                    "parallelism",
                ),
                // Recomputing the prefix at every token is what the KV cache saves.
                ("stop recomputing the prefix every token", "kv-cache"),
            ],
            &[],
        );
    }

    /// Compiling C++, versioning a library's API and installing lab PCs over the network
    /// use the catalogue's words in their everyday sense.
    #[test]
    fn builds_versions_and_lab_installs_are_not_the_catalogue() {
        assert_answers(
            &[],
            &[
                "C++ 项目全量编译要四十分钟，ccache 和 sccache 哪个好配",
                "0.x 版本的库改了 public API，按 semver 应该 bump minor 还是 patch",
                "我们学校要给三百台机房电脑统一部署操作系统和教学软件，以前都是一台一台手动装。\
                 听说可以用网络启动批量装机，想找一篇从零搭建批量装机服务器的教程。",
            ],
        );
    }

    /// A kind asked for lifts what the message names; it never brings a resource the message
    /// does not name ("the ZeRO paper … something gentler?" brought three quantization papers),
    /// and a paper reported as saying something asks for no paper.
    #[test]
    fn a_kind_asked_for_brings_nothing_unnamed() {
        let engine = Engine::shipped().unwrap();
        let catalogue = engine.catalogue();
        let found = engine.find(
            "my advisor keeps saying just read the ZeRO paper and honestly I got lost around \
             the three partitioning stages. is there something gentler out there?",
        );
        assert!(!found.ranked.is_empty());
        for r in &found.ranked {
            assert!(!r.matched.is_empty() || r.similarity.is_some(), "{r:?}");
        }
        let found =
            engine.find("论文里说把每个权重从十六位浮点压成四位整数，这一类方法有没有入门的综述");
        let first = catalogue.resource(found.ranked[0].resource);
        assert_ne!(first.kind, crate::catalogue::Kind::Paper, "{}", first.id);
    }

    /// A television's GPU, a sound card's bits, numerical analysis's mixed precision and token
    /// ring networks are not the catalogue's; an apology around a request for a link is only
    /// politeness.
    #[test]
    fn televisions_sound_cards_and_apologies() {
        assert_answers(
            &[(
                "哈哈不好意思问个可能很蠢的问题哈，就是那篇文章里LoRA那几个链接，有一个是图解的，\
                 我找不到了，能再发我一下吗",
                "lora",
            )],
            &[
                "电视机里说的GPU和手机的GPU是一回事吗？买电视需要看这个参数吗",
                "声卡录音的量化位数24bit和16bit，人耳真听得出区别吗",
                "mixed-precision iterative refinement for solving Ax = b, Higham's papers: which \
                 one should I read and cite first?",
                "Looking for the seminal papers on token ring networks for a \
                 history-of-networking seminar, the IEEE 802.5 era",
            ],
        );
    }

    #[test]
    fn completions_start_with_matching_topics() {
        let engine = Engine::shipped().unwrap();
        let lor = engine.complete("lor", 5);
        assert_eq!(lor.len(), 5);
        assert_eq!(lor[0].value, "LoRA (low-rank adaptation)");
        assert!(lor.iter().any(|c| c.label == "图解LoRA"));
        let empty = engine.complete("  ", 3);
        assert_eq!(empty.len(), 3);
        assert_eq!(empty[0].value, "Fundamentals");
        assert!(
            engine
                .complete("量", 5)
                .iter()
                .any(|c| c.value == "Quantization")
        );
    }
}
