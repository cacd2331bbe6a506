//! Stage 3, beside exclusion: which language the message asks for.
//!
//! A message often names two languages, or names one it does not want: "有没有 LoRA 的英文原版
//! 讲解？中文博客看了几篇都不太对味", "vllm 教程，不要英文的", "看不懂英文，有没有中文的", "my
//! English is bad". Each language word asks for resources in its language, so two of them lift
//! every resource alike, and one the asker struggles with lifts exactly the pages they cannot
//! read. So a language ruled out (after "不要", "no", "not"), found hard ("看不懂", "太慢", "is
//! bad") or already read ("看了几篇") asks for the other of the catalogue's two languages, and
//! the cue that says so tells nothing about the topic. "Besides the English blogs" is no such
//! cue: it asks for more, in any language. Words that still disagree ("a Chinese version? I
//! read Chinese faster than English") are left to lift both: which one is asked for is then a
//! guess either way. A language word before a word about naming ("对照中文术语") asks for no
//! pages at all.

use super::expand::QueryWord;
use super::lexicon::Role;
use crate::catalogue::Lang;

/// How far before a language word its cue may stand, in words of the same piece ("don't want
/// english"); a cue of [`BEFORE`] at most two words before it.
const REACH_BEFORE: usize = 3;
/// How far after it ("英文论文太慢了").
const REACH_AFTER: usize = 3;
/// Cues that negate only the word right after them ("no chinese", "not english", "not in
/// english"): further off they negate something else ("no videos. Chinese is fine").
const NEAR: &[&str] = &["no", "not"];

/// What may stand between a cue of [`NEAR`] and the language it negates ("not in english",
/// "not a chinese blog").
const NEAR_BETWEEN: &[&str] = &["in", "a", "an", "any"];

/// Cues before a language that rule it out or say the asker cannot read it.
#[rustfmt::skip]
const BEFORE: &[&str] = &[
    "不要", "不想要", "别", "不用", "看不懂", "读不懂", "不懂", "不会", "without", "struggle", "struggling", "hate",
    "skip",
];

/// Cues after a language that say the asker finds it hard or has read it already; a cue may
/// be typed as two words ("看 了").
#[rustfmt::skip]
const AFTER: &[&str] = &[
    "不好", "不行", "太差", "很差", "差", "一般", "烂", "累", "头疼", "疼", "吃力", "费劲", "慢", "难", "难啃", "啃不动", "干",
    "跟不上", "看不懂", "读不懂", "看了", "看过", "读过", "看完", "bad", "poor", "weak", "rusty", "shaky", "hard",
    "sucks", "slow", "terrible", "limited", "struggle", "struggling",
];

/// Words about what a thing is called: a language word right before one ("对照中文术语", "the
/// English name of 张量并行") asks about words, not for pages in that language. A translation
/// is a page ("有中文翻译吗"), so it is not among them.
#[rustfmt::skip]
const NAMING: &[&str] = &[
    "术语", "名词", "叫法", "名字", "说法", "译名", "术语表", "term", "terms", "terminology", "name", "names",
];

/// The word before "t" of a negation typed with its apostrophe, which the tokeniser splits
/// off ("can't" → "can", "t").
#[rustfmt::skip]
const NEGATED: &[&str] = &[
    "can", "cannot", "don", "doesn", "didn", "couldn", "isn", "won",
];

/// Settles the language the message asks for: every language word ruled out, found hard or
/// already read asks for the other language, and its cue becomes [`Role::Background`] (a
/// word about the asker, not the topic). `piece_of` numbers the piece of the message each
/// word is in.
pub fn settle(words: &mut [QueryWord], piece_of: &[usize]) {
    for i in 0..words.len() {
        let Role::Language(lang) = words[i].role else {
            continue;
        };
        if words
            .get(i + 1)
            .is_some_and(|next| NAMING.contains(&next.text.as_str()))
        {
            words[i].role = Role::Stop;
            continue;
        }
        let Some(other) = other(lang) else {
            continue;
        };
        let same_piece = |j: &usize| piece_of.get(*j) == piece_of.get(i);
        // Past a word naming something, a cue is about that ("不懂 lora 中文的有吗").
        let before = (i.saturating_sub(REACH_BEFORE)..i)
            .rev()
            .take_while(same_piece)
            .take_while(|&j| j + 1 == i || !words[j + 1].is_content())
            .find(|&j| is_cue_before(words, j, i));
        let after = (i + 1..words.len().min(i + 1 + REACH_AFTER))
            .take_while(same_piece)
            .take_while(|&j| j == i + 1 || !words[j - 1].is_content())
            .find(|&j| is_cue_after(words, j));
        let Some(cue) = before.or(after) else {
            continue;
        };
        words[i].role = Role::Language(other);
        if words[cue].is_content() {
            words[cue].role = Role::Background;
        }
    }
}

/// Whether the word at `j` is a cue that rules out the language word at `i` after it: "t"
/// only as the end of a negation ("can't read chinese"), "no" and "not" only close by
/// ([`NEAR_BETWEEN`]).
fn is_cue_before(words: &[QueryWord], j: usize, i: usize) -> bool {
    let text = words[j].text.as_str();
    (BEFORE.contains(&text) && i - j <= 2)
        || (NEAR.contains(&text)
            && (i - j == 1 || (i - j == 2 && NEAR_BETWEEN.contains(&words[j + 1].text.as_str()))))
        || (text == "t" && j > 0 && NEGATED.contains(&words[j - 1].text.as_str()))
}

/// Whether the word at `j`, alone or with the next, is a cue of [`AFTER`].
fn is_cue_after(words: &[QueryWord], j: usize) -> bool {
    let text = words[j].text.as_str();
    AFTER.contains(&text)
        || words.get(j + 1).is_some_and(|next| {
            AFTER
                .iter()
                .any(|cue| cue.strip_prefix(text) == Some(&next.text))
        })
}

/// The other of the catalogue's two languages; none for a page in several.
fn other(lang: Lang) -> Option<Lang> {
    match lang {
        Lang::Zh => Some(Lang::En),
        Lang::En => Some(Lang::Zh),
        Lang::Multi => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Engine;

    /// The languages a message's language words ask for, in order.
    fn asked(engine: &Engine, query: &str) -> Vec<Lang> {
        engine
            .understand(query, false)
            .into_iter()
            .filter_map(|w| match w.role {
                Role::Language(lang) => Some(lang),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_language_ruled_out_or_found_hard_asks_for_the_other() {
        let engine = Engine::shipped().unwrap();
        assert_eq!(asked(&engine, "vllm 教程，不要英文的"), [Lang::Zh]);
        // "not a Chinese blog": an article between the cue and the language.
        assert_eq!(
            asked(&engine, "LoRA in English, not a Chinese blog"),
            [Lang::En, Lang::En]
        );
        assert_eq!(
            asked(&engine, "看不懂英文，有没有 vllm 的中文教程"),
            [Lang::Zh, Lang::Zh]
        );
        // "中文文档" is a catalogue word of its own.
        assert_eq!(
            asked(&engine, "TVM 有中文文档吗？官网英文的太难啃了"),
            [Lang::Zh]
        );
        assert_eq!(
            asked(&engine, "有没有 LoRA 的英文原版讲解？中文博客看了几篇"),
            [Lang::En, Lang::En]
        );
        assert_eq!(
            asked(&engine, "can't read chinese, any lora tutorial"),
            [Lang::En]
        );
        assert_eq!(
            asked(&engine, "no chinese please, megatron tutorials"),
            [Lang::En]
        );
        assert_eq!(
            asked(
                &engine,
                "my mandarin is shaky, any course like hung-yi lee's"
            ),
            [Lang::En]
        );
    }

    #[test]
    fn a_language_naming_words_asks_for_no_pages_in_it() {
        let engine = Engine::shipped().unwrap();
        assert_eq!(
            asked(
                &engine,
                "分布式训练有没有英文写的资料？想拿来对照中文术语一起看"
            ),
            [Lang::En]
        );
        assert_eq!(
            asked(&engine, "what is the chinese name of tensor parallelism"),
            []
        );
        // A translation is a page in that language.
        assert_eq!(asked(&engine, "lora 论文有中文翻译吗"), [Lang::Zh]);
    }

    #[test]
    fn a_cue_about_something_else_leaves_the_language_asked_for() {
        let engine = Engine::shipped().unwrap();
        // The cue is about what it stands next to, or past another sentence.
        assert_eq!(asked(&engine, "我不懂 lora 中文的有吗"), [Lang::Zh]);
        assert_eq!(
            asked(
                &engine,
                "deep learning from zero, no videos. Chinese is fine"
            ),
            [Lang::Zh]
        );
        assert_eq!(
            asked(&engine, "english sources preferred, not too long"),
            [Lang::En]
        );
        // "Besides the English blogs" asks for more, not for another language; two languages
        // wanted alike are left alike.
        assert_eq!(
            asked(&engine, "ZeRO 除了微软那两篇英文博客，有没有中文图解版的"),
            [Lang::En, Lang::Zh]
        );
        assert_eq!(
            asked(&engine, "有中文的 lora 教程吗？英文的也行"),
            [Lang::Zh, Lang::En]
        );
    }

    #[test]
    fn the_cue_says_nothing_about_the_topic() {
        let engine = Engine::shipped().unwrap();
        let words = engine.understand("英文论文太慢了，有没有带读论文的视频", false);
        let slow = words.iter().find(|w| w.text == "慢").unwrap();
        assert_eq!(slow.role, Role::Background);
    }

    #[test]
    fn a_message_that_rules_english_out_gets_chinese_pages_first() {
        let engine = Engine::shipped().unwrap();
        let found = engine.find("vllm 教程，不要英文的");
        let first = found.ranked.first().unwrap();
        assert_eq!(engine.catalogue().resource(first.resource).lang, Lang::Zh);
    }
}
