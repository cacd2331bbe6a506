//! Stage 3, beside expansion: words of a language the bot does not read.
//!
//! The catalogue and the bot speak Chinese and English, but people write to it in their own
//! language around the names they know: "TGI랑 vLLM 중에 serving 용도로는 뭐가 더 나아요?",
//! "Je débute en NLP, vous auriez un guide visuel pour utiliser BERT ?", "LLaMA2の学習から推論
//! までの流れをまとめた記事". The word table knows neither 나아요 nor auriez, and takes a word it
//! lacks for a rare name, as heavy as the vLLM beside it: the few words the bot can read are
//! drowned by the many it cannot, and every such question goes unanswered. So here:
//!
//! - a language's function words (the stop words of the languages below, from the
//!   stopwords-iso lists, and Japanese hiragana, which writes grammar) say nothing;
//! - its other words are *foreign*: what they mean is unknown, not rare, and they weigh less
//!   in deciding whether to answer (see `FOREIGN_IMPORTANCE` in the engine). They still count, so a
//!   message about something else ("¿Me recomiendas una tarjeta gráfica para jugar Cyberpunk?")
//!   is not answered for the one catalogue word it has.
//!
//! Words in another alphabet (Hangul, kana, Cyrillic, …) are foreign by their letters. Words in
//! Latin letters are foreign only in a message that holds at least [`MIN_FUNCTION_WORDS`]
//! function words of one such language that English does not share ("je", "vous", "pour"):
//! one or two ("min", "die") come up in English too. The catalogue's own terms, words the word
//! table knows, and names typed as names (in capitals, or with a digit) are never foreign.

use std::sync::LazyLock;

use super::expand::{Familiarity, QueryWord};
use super::index::Index;
use super::lexicon::Role;
use super::tokenise::{Script, script};

/// Languages written in Latin letters whose function words are told apart, the most spoken
/// first: a message is read as written in one of them by its function words.
const LATIN: &[&str] = &[
    "es", "fr", "pt", "de", "id", "vi", "tr", "it", "pl", "nl", "ms", "ro", "cs", "sv", "hu", "da",
    "no", "fi", "ca",
];
/// Languages in other alphabets: their words are foreign by their letters, and only their
/// function words need a list.
const OTHER: &[&str] = &[
    "ru", "uk", "bg", "ko", "ja", "el", "th", "ar", "fa", "he", "hi",
];
/// Fewest function words of one language in Latin letters, none of them English, for a
/// message to be read as written in it.
pub const MIN_FUNCTION_WORDS: usize = 3;

/// The function words of [`LATIN`]'s and [`OTHER`]'s languages and English's, from the
/// stopwords-iso lists (`tools/function-words/make.py` writes the file): a line per word,
/// sorted, the word and its languages' codes. Read as one string, the lists cost the binary no
/// relocations and the process nothing until a message needs them; as the `stop-words`
/// crate's static strings, hashed into a map, they took the peak memory of a batch of 32,953
/// messages from 37.6 MiB to 39.0.
const FUNCTION_WORDS_FILE: &str = include_str!("../../data/function-words.tsv");
/// The bit of English among a word's languages (after those of [`LATIN`] and [`OTHER`]).
const ENGLISH: u32 = 1 << (LATIN.len() + OTHER.len());
/// The bits of [`OTHER`]'s languages.
const OTHER_BITS: u32 = ((1 << OTHER.len()) - 1) << LATIN.len();

/// Each function word, sorted, with a bit per language it belongs to: [`LATIN`]'s first, then
/// [`OTHER`]'s, then [`ENGLISH`].
struct FunctionWords(Vec<(&'static str, u32)>);

impl FunctionWords {
    /// The languages a word is a function word of, as bits; 0 for none.
    fn of(&self, word: &str) -> u32 {
        self.0
            .binary_search_by(|(w, _)| (*w).cmp(word))
            .map_or(0, |i| self.0[i].1)
    }
}

static FUNCTION_WORDS: LazyLock<FunctionWords> = LazyLock::new(|| {
    let bit = |code: &str| {
        LATIN
            .iter()
            .chain(OTHER)
            .position(|&c| c == code)
            .map_or(if code == "en" { ENGLISH } else { 0 }, |i| 1 << i)
    };
    let mut words: Vec<(&'static str, u32)> = FUNCTION_WORDS_FILE
        .lines()
        .filter_map(|line| line.split_once('\t'))
        .map(|(word, codes)| (word, codes.split(',').map(bit).fold(0, |a, b| a | b)))
        .collect();
    // The file is sorted; sorting again keeps the look-ups right if a hand edit is not.
    words.sort_unstable_by(|a, b| a.0.cmp(b.0));
    FunctionWords(words)
});

/// Marks the words of a language the bot does not read: its function words become stop
/// words, its other words [`QueryWord::foreign`]. `capitals` are the message's words typed in
/// capitals (see [`super::normalise::capitalised`]); `familiar` is the word table.
pub fn mark(
    words: &mut [QueryWord],
    index: &Index,
    capitals: &[String],
    familiar: impl Fn(&str) -> Familiarity,
) {
    // Each word's script, and whether the catalogue holds it as written, read once.
    let read: Vec<(Option<Script>, bool)> = words
        .iter()
        .map(|w| (written_in(&w.text), index.term(&w.text).is_some()))
        .collect();
    // Most messages are Chinese or English: they have no word in another alphabet, and too few
    // Latin words outside the catalogue to be another language's, so the lists are not read
    // (nor built, the first time, which a one-question `ask` would pay for).
    let other_alphabet = read
        .iter()
        .any(|(s, _)| s.is_some_and(|s| !matches!(s, Script::Han | Script::Latin)));
    let latin_outside = read
        .iter()
        .filter(|&&(s, held)| s == Some(Script::Latin) && !held)
        .count();
    if !other_alphabet && latin_outside < MIN_FUNCTION_WORDS {
        return;
    }
    let lists = &*FUNCTION_WORDS;
    // A function word the lexicon already knows ("que", "sobre") still says the language; one
    // the catalogue holds ("mac", Malay's) does not.
    let language = latin_language(
        words
            .iter()
            .zip(&read)
            .filter(|(_, (s, _))| *s == Some(Script::Latin))
            .map(|(w, &(_, held))| (w.text.as_str(), !held)),
        lists,
    );
    for (w, &(script, held)) in words.iter_mut().zip(&read) {
        if w.role != Role::Content || held {
            continue;
        }
        match script {
            Some(Script::Han) | None => {}
            Some(Script::Latin) => {
                let Some(bit) = language else { continue };
                // English may share the word ("de", "a"): in this message it is the other's.
                if lists.of(&w.text) & bit != 0 {
                    w.role = Role::Stop;
                } else if familiar(&w.text) == Familiarity::Unknown
                    && !w.text.chars().any(|c| c.is_ascii_digit())
                    && !capitals.contains(&w.text)
                {
                    w.foreign = true;
                }
            }
            Some(Script::Hiragana) => w.role = Role::Stop,
            Some(_) if lists.of(&w.text) & OTHER_BITS != 0 => w.role = Role::Stop,
            Some(_) => w.foreign = true,
        }
    }
}

/// The script a word is written in: that of its letters, when they share one.
fn written_in(word: &str) -> Option<Script> {
    let mut letters = word.chars().filter_map(script);
    let first = letters.next()?;
    letters.all(|s| s == first).then_some(first)
}

/// The bit of the language in Latin letters a message's words (each with whether it may say
/// another language: the catalogue's own words do not) are written in, if its
/// function words say so: the language with the most of them, none English, at least
/// [`MIN_FUNCTION_WORDS`] and more than half as many as English's. An English message is
/// mostly English function words, among which a few of another language's are names ("mac",
/// Romanian's) or code; a message that mixes in English ("GPTQ ou AWQ pour quantifier un
/// Llama en 4 bits? links to the papers also please") still has as many of its own.
fn latin_language<'a>(
    words: impl Iterator<Item = (&'a str, bool)>,
    lists: &FunctionWords,
) -> Option<u32> {
    let mut votes = [0usize; LATIN.len()];
    let mut english = 0;
    for (w, votes_for_another) in words {
        let bits = lists.of(w);
        if bits & ENGLISH != 0 {
            english += 1;
            continue;
        }
        if !votes_for_another {
            continue;
        }
        for (i, vote) in votes.iter_mut().enumerate() {
            if bits & (1 << i) != 0 {
                *vote += 1;
            }
        }
    }
    // The first of equals wins: the list is ordered by how many speak each language.
    let (best, &most) = votes.iter().enumerate().rev().max_by_key(|&(_, v)| *v)?;
    (most >= MIN_FUNCTION_WORDS && 2 * most > english).then_some(1 << best)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn language(message: &str) -> Option<&'static str> {
        let bit = latin_language(message.split(' ').map(|w| (w, true)), &FUNCTION_WORDS)?;
        Some(LATIN[bit.trailing_zeros() as usize])
    }

    #[test]
    fn reads_a_message_by_its_function_words() {
        assert_eq!(
            language("je débute en nlp vous auriez un guide visuel pour utiliser bert"),
            Some("fr")
        );
        assert_eq!(
            language(
                "ich schwanke zwischen torchserve und tensorflow serving habt ihr doku zu beiden"
            ),
            Some("de")
        );
    }

    #[test]
    fn english_is_no_other_language() {
        // "min" is Swedish and "die" German, but one or two such words make no message.
        assert_eq!(
            language("guitar practice 10 min scales 20 min chords"),
            None
        );
        assert_eq!(
            language(
                "school district wants a teacher chatbot but policy says it must run on our own servers"
            ),
            None
        );
        assert_eq!(
            language(
                "that program that runs 4 bit model files on a mac with no real gpu is it a model itself"
            ),
            None
        );
    }

    #[test]
    fn knows_words_by_their_letters() {
        assert_eq!(written_in("나아요"), Some(Script::Hangul));
        assert_eq!(written_in("квантизацию"), Some(Script::Cyrillic));
        assert_eq!(written_in("gpt2"), Some(Script::Latin));
        assert_eq!(written_in("42"), None);
    }
}
