//! Property tests: no input, however hostile, panics the pipeline or breaks its limits.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at its first broken assumption"
)]

use std::sync::OnceLock;

use ganhuo::Engine;
use ganhuo::search::MAX_HITS;
use proptest::prelude::*;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::shipped().expect("shipped catalogue"))
}

/// Strings mixing what real users and attackers send: Latin, CJK (simplified and traditional),
/// formulas, full-width forms, control characters, bidi marks, zero-width joiners and emoji.
fn hostile() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        "[a-zA-Z0-9 ]{0,12}",
        "[\u{4e00}-\u{9fff}]{0,6}",
        "[\u{ff01}-\u{ff5e}]{0,6}",
        "[\u{0}-\u{1f}\u{7f}]{0,4}",
        Just("\u{202e}\u{200f}\u{200b}\u{2066}".to_owned()),
        Just("👩‍💻🚀🔥".to_owned()),
        Just("分佈式訓練 megatorn ｖＬＬＭ".to_owned()),
        // Formulas, with whitespace of every width between their symbols and operators.
        "[a-zβ0-9 \u{3000}\u{a0}=+^·≈√|()/*-]{0,12}",
        Just("h = W0x + BAx\u{3000}1-β^t ≈ 6·N·D https://x.io/?q=a=b".to_owned()),
        any::<String>(),
    ];
    prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_input_answers_within_limits(query in hostile(), limit in 1usize..20, offset in 0usize..60) {
        let answer = engine().answer(&query, offset, limit);
        prop_assert!(answer.hits.len() <= limit);
        prop_assert!(answer.total <= MAX_HITS);
        for hit in &answer.hits {
            prop_assert!((0.0..=1.0).contains(&hit.score));
        }
        // Nothing found offers topics instead, except to small talk ("ty", "你好"), which is
        // answered in kind with neither links nor topics.
        if answer.small_talk.is_some() {
            prop_assert!(answer.total == 0 && answer.suggestions.is_empty());
        } else if answer.total == 0 {
            prop_assert!(!answer.suggestions.is_empty());
        }
    }

    #[test]
    fn completions_stay_within_limits(partial in hostile(), limit in 0usize..30) {
        prop_assert!(engine().complete(&partial, limit).len() <= limit);
    }
}

#[test]
fn huge_and_degenerate_inputs() {
    let engine = engine();
    let cases = [
        String::new(),
        " ".repeat(10_000),
        "a".repeat(10_240),
        "量".repeat(10_240),
        "lora ".repeat(2_048),
        "\u{0}\u{1}\u{2}".repeat(3_000),
        "\u{202e}".repeat(5_000),
        "🚀".repeat(4_000),
    ];
    for query in &cases {
        let answer = engine.answer(query, 0, 5);
        assert!(answer.hits.len() <= 5);
        assert!(answer.query.chars().count() <= ganhuo::search::MAX_QUERY_CHARS);
    }
}
