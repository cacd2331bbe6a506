//! Stage 3, beside expansion: how much time the asker has, not what about.
//!
//! "周末两天想自己跑一遍 QLoRA", "I can do about an hour a day, which machine learning course
//! should I start with", "two weeks before I start, what do I read on vLLM": the weekend, the
//! hour and the two weeks are the asker's budget, as the machine is their setting. Weighed as
//! part of the question they are words the catalogue does not explain, and a message that
//! names its tool plainly goes unanswered. So when a message names one of the catalogue's
//! tools, a span of time — a unit with a count before it ("an hour", "两天", "每天"), or a word
//! that is one by itself (weekend, 周末, 通勤) — becomes background: shown, but neither evidence
//! nor unexplained. In a message that names no tool, time stays content: "a 12 week plan to
//! learn drawing" and "study group moves to next week" are about the plan and the group, and
//! what the catalogue cannot explain in them is what keeps them unanswered. Numbers glued to a
//! unit ("2h", "30 min") are filler already ([`super::lexicon::is_duration`]).

use super::expand::{self, QueryWord};
use super::lexicon;

/// English units of time that are a budget when counted ("an hour", "two weeks", "per day").
#[rustfmt::skip]
const UNITS: &[&str] = &[
    "min", "mins", "minute", "minutes", "hour", "hours", "hr", "hrs", "day", "days", "night",
    "nights", "evening", "evenings", "morning", "mornings", "week", "weeks", "month", "months",
];

/// English words that count a unit of time, or say which one.
#[rustfmt::skip]
const COUNTS: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "few", "couple", "half", "per", "every", "each", "this", "next", "whole", "spare",
];

/// Words that are a span of time by themselves, in either language.
#[rustfmt::skip]
const SPANS: &[&str] = &[
    "weekend", "weekends", "tonight", "commute", "commutes", "friday", "周末", "通勤", "午休", "下班后",
    "每天", "每晚", "每周", "这周", "下周", "月底", "周五", "这周末", "一整天", "一整晚", "整晚", "一晚上",
    "通宵", "overnight",
];

/// The Chinese words that are a span of time by themselves, for the segmenter: "跑了一整晚"
/// would otherwise be cut into single ideographs that each weigh as content.
pub fn cjk_spans() -> impl Iterator<Item = &'static str> {
    SPANS.iter().copied().filter(|w| lexicon::is_cjk_word(w))
}

/// Chinese counts that may open a span ("两天", "每晚", "半小时", "几周").
#[rustfmt::skip]
const CJK_COUNTS: &[&str] = &[
    "一", "两", "二", "三", "四", "五", "六", "七", "八", "九", "十", "几", "半", "每", "这", "下",
];

/// Chinese units of time, after a count and an optional measure word (个).
#[rustfmt::skip]
const CJK_UNITS: &[&str] = &[
    "小时", "分钟", "天", "晚", "晚上", "周", "星期", "礼拜", "月",
];

/// True for a Chinese word that is a count and a unit of time ("两天", "一个月", "半小时").
fn is_cjk_span(word: &str) -> bool {
    CJK_COUNTS.iter().any(|count| {
        word.strip_prefix(count).is_some_and(|rest| {
            let rest = rest.strip_prefix('个').unwrap_or(rest);
            CJK_UNITS.contains(&rest)
        })
    })
}

/// True for a count before an English unit: a count word or a number ("2 hours").
fn is_count(word: &str) -> bool {
    COUNTS.contains(&word) || lexicon::is_number(word)
}

/// Makes the spans of time a message names background when it names a tool (`names_tool`).
pub fn set_aside(words: &mut [QueryWord], names_tool: impl Fn(&QueryWord) -> bool) {
    let marked: Vec<bool> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let text = w.text.as_str();
            SPANS.contains(&text)
                || is_cjk_span(text)
                || (UNITS.contains(&text) && i > 0 && is_count(&words[i - 1].text))
        })
        .collect();
    expand::set_aside_beside_a_tool(words, &marked, names_tool);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::lexicon::Role;

    #[test]
    fn a_count_and_a_unit_are_a_span() {
        assert!(is_cjk_span("两天") && is_cjk_span("一个月") && is_cjk_span("半小时"));
        assert!(is_cjk_span("每晚") && is_cjk_span("几周"));
        assert!(!is_cjk_span("天") && !is_cjk_span("一周年") && !is_cjk_span("两个"));
    }

    #[test]
    fn a_night_spent_beside_a_tool_is_background() {
        let engine = crate::Engine::shipped().unwrap();
        let words = engine.understand("TVM自动调优跑了一整晚，结果还没原来快", false);
        let night = words.iter().find(|w| w.text == "一整晚");
        assert_eq!(night.map(|w| w.role), Some(Role::Background), "{words:?}");
    }

    #[test]
    fn an_english_unit_needs_its_count() {
        assert!(is_count("an") && is_count("2") && is_count("per"));
        assert!(!is_count("") && !is_count("the"));
    }
}
