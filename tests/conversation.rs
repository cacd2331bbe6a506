//! The conversational quality set (tests/conversation/): sentences as people type them to a
//! chat bot. The engine was tuned on `tune.toml` (and later `round2-tune.toml` …
//! `round19-tune.toml`); the hold-out halves of each round were written blind and never
//! looked at while tuning, so they are the honest measure. All halves are
//! asserted here at the levels the README reports, so a change that makes answers worse
//! fails; `cargo bench --bench quality` prints the full table.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at its first broken assumption"
)]

#[path = "support/golden.rs"]
mod golden;

use ganhuo::Engine;
use golden::{Case, Said};

/// Share of cases passed, by kind.
struct Rates {
    on_topic: f64,
    off_topic: f64,
    small_talk: f64,
}

fn rates(engine: &Engine, cases: &[Case]) -> (Rates, Vec<String>) {
    let (mut on, mut off, mut talk) = ((0, 0), (0, 0), (0, 0));
    let mut failures = Vec::new();
    for case in cases {
        let answer = engine.answer(&case.query, 0, 5);
        let ranked: Vec<String> = answer.hits.iter().map(|h| h.id.clone()).collect();
        let talk_kind = answer.small_talk.map(|t| {
            serde_json::to_value(t)
                .unwrap()
                .as_str()
                .unwrap()
                .to_owned()
        });
        let verdict = case.judge_said(&Said {
            ranked: &ranked,
            small_talk: talk_kind.as_deref(),
        });
        let bucket = if case.small_talk.is_some() {
            &mut talk
        } else if case.none {
            &mut off
        } else {
            &mut on
        };
        bucket.1 += 1;
        match verdict {
            None => bucket.0 += 1,
            Some(why) => failures.push(format!("[{}] {:?}: {why}", case.tag, case.query)),
        }
    }
    let rate = |(ok, all): (usize, usize)| ok as f64 / all.max(1) as f64;
    (
        Rates {
            on_topic: rate(on),
            off_topic: rate(off),
            small_talk: rate(talk),
        },
        failures,
    )
}

/// The levels measured when the engine was last tuned (see the README); a regression below
/// them fails. Round 2 was written later, by a second writer blind to the engine, and split
/// the same way; its tune half has been tuned on since, its hold-out half never.
struct Level {
    hit3: f64,
    off_topic: f64,
    small_talk: f64,
    /// The fewest cases the half may have: a half that lost cases would pass too easily.
    cases: usize,
}

/// hit@3, off-topic with no links, small talk recognised, fewest cases.
const fn level(hit3: f64, off_topic: f64, small_talk: f64, cases: usize) -> Level {
    Level {
        hit3,
        off_topic,
        small_talk,
        cases,
    }
}

const TUNE: Level = level(1.0, 1.0, 1.0, 200);
const HOLDOUT: Level = level(0.97, 1.0, 1.0, 200);
const ROUND2_TUNE: Level = level(1.0, 1.0, 1.0, 150);
const ROUND2_HOLDOUT: Level = level(0.92, 0.96, 0.87, 150);
const ROUND3_TUNE: Level = level(1.0, 1.0, 1.0, 110);
const ROUND3_HOLDOUT: Level = level(1.0, 0.95, 1.0, 110);
const ROUND4_TUNE: Level = level(1.0, 1.0, 1.0, 50);
const ROUND4_HOLDOUT: Level = level(1.0, 0.75, 0.94, 50);
const ROUND5_TUNE: Level = level(1.0, 1.0, 1.0, 80);
const ROUND5_HOLDOUT: Level = level(0.9, 1.0, 1.0, 80);
const ROUND6_TUNE: Level = level(0.98, 1.0, 1.0, 100);
const ROUND6_HOLDOUT: Level = level(0.85, 1.0, 1.0, 100);
const ROUND7_TUNE: Level = level(1.0, 1.0, 1.0, 100);
const ROUND7_HOLDOUT: Level = level(1.0, 0.98, 0.7, 100);
const ROUND8_TUNE: Level = level(1.0, 1.0, 1.0, 100);
const ROUND8_HOLDOUT: Level = level(0.89, 0.92, 0.87, 100);
const ROUND9_TUNE: Level = level(1.0, 1.0, 1.0, 100);
const ROUND9_HOLDOUT: Level = level(0.89, 0.9, 0.63, 100);
const ROUND10_TUNE: Level = level(0.97, 1.0, 1.0, 150);
const ROUND10_HOLDOUT: Level = level(0.93, 0.96, 0.94, 150);
const ROUND11_TUNE: Level = level(0.96, 0.96, 0.98, 100);
const ROUND11_HOLDOUT: Level = level(0.96, 0.95, 0.81, 100);
const ROUND12_TUNE: Level = level(0.99, 1.0, 1.0, 150);
const ROUND12_HOLDOUT: Level = level(0.92, 0.96, 0.87, 150);
const ROUND13_TUNE: Level = level(0.97, 0.96, 1.0, 150);
const ROUND13_HOLDOUT: Level = level(0.9, 1.0, 1.0, 150);
const ROUND14_TUNE: Level = level(0.96, 1.0, 1.0, 150);
const ROUND14_HOLDOUT: Level = level(0.87, 0.89, 0.83, 150);
const ROUND15_TUNE: Level = level(0.99, 1.0, 1.0, 150);
const ROUND15_HOLDOUT: Level = level(0.94, 1.0, 0.85, 150);
const ROUND16_TUNE: Level = level(0.97, 1.0, 1.0, 150);
const ROUND16_HOLDOUT: Level = level(0.81, 0.89, 1.0, 150);
const ROUND17_TUNE: Level = level(0.95, 0.96, 1.0, 150);
const ROUND17_HOLDOUT: Level = level(0.89, 0.92, 0.75, 150);
const ROUND18_TUNE: Level = level(0.96, 1.0, 1.0, 150);
const ROUND18_HOLDOUT: Level = level(0.82, 0.89, 1.0, 150);
const ROUND19_TUNE: Level = level(0.97, 1.0, 1.0, 150);
const ROUND19_HOLDOUT: Level = level(0.93, 0.96, 1.0, 150);

fn check(text: &str, name: &str, level: &Level) {
    let engine = Engine::shipped().unwrap();
    let cases = golden::load(text, name);
    assert!(
        cases.len() >= level.cases,
        "{name} has only {} cases",
        cases.len()
    );
    let (got, failures) = rates(&engine, &cases);
    // A hold-out half is never read while tuning: a failing floor reports how many of its
    // cases fail, not which, so the failure cannot turn into a tuning signal.
    let report = if name.contains("holdout") {
        format!(
            "{} cases fail (a hold-out half's messages are not printed)",
            failures.len()
        )
    } else {
        failures.join("\n")
    };
    assert!(
        got.on_topic >= level.hit3,
        "{name}: hit@3 {:.3} < {}\n{report}",
        got.on_topic,
        level.hit3
    );
    assert!(
        got.off_topic >= level.off_topic,
        "{name}: off-topic with no links {:.3} < {}\n{report}",
        got.off_topic,
        level.off_topic
    );
    assert!(
        got.small_talk >= level.small_talk,
        "{name}: small talk recognised {:.3} < {}\n{report}",
        got.small_talk,
        level.small_talk
    );
}

#[test]
fn tune_half_holds_its_level() {
    check(golden::CONVERSATION_TUNE, "tune.toml", &TUNE);
}

#[test]
fn held_out_half_holds_its_level() {
    check(golden::CONVERSATION_HOLDOUT, "holdout.toml", &HOLDOUT);
}

#[test]
fn round2_tune_half_holds_its_level() {
    check(golden::ROUND2_TUNE, "round2-tune.toml", &ROUND2_TUNE);
}

#[test]
fn round2_held_out_half_holds_its_level() {
    check(
        golden::ROUND2_HOLDOUT,
        "round2-holdout.toml",
        &ROUND2_HOLDOUT,
    );
}

#[test]
fn round3_tune_half_holds_its_level() {
    check(golden::ROUND3_TUNE, "round3-tune.toml", &ROUND3_TUNE);
}

#[test]
fn round3_held_out_half_holds_its_level() {
    check(
        golden::ROUND3_HOLDOUT,
        "round3-holdout.toml",
        &ROUND3_HOLDOUT,
    );
}

#[test]
fn round4_tune_half_holds_its_level() {
    check(golden::ROUND4_TUNE, "round4-tune.toml", &ROUND4_TUNE);
}

#[test]
fn round4_held_out_half_holds_its_level() {
    check(
        golden::ROUND4_HOLDOUT,
        "round4-holdout.toml",
        &ROUND4_HOLDOUT,
    );
}

#[test]
fn round5_tune_half_holds_its_level() {
    check(golden::ROUND5_TUNE, "round5-tune.toml", &ROUND5_TUNE);
}

#[test]
fn round5_held_out_half_holds_its_level() {
    check(
        golden::ROUND5_HOLDOUT,
        "round5-holdout.toml",
        &ROUND5_HOLDOUT,
    );
}

#[test]
fn round6_tune_half_holds_its_level() {
    check(golden::ROUND6_TUNE, "round6-tune.toml", &ROUND6_TUNE);
}

#[test]
fn round6_held_out_half_holds_its_level() {
    check(
        golden::ROUND6_HOLDOUT,
        "round6-holdout.toml",
        &ROUND6_HOLDOUT,
    );
}

#[test]
fn round7_tune_half_holds_its_level() {
    check(golden::ROUND7_TUNE, "round7-tune.toml", &ROUND7_TUNE);
}

#[test]
fn round7_held_out_half_holds_its_level() {
    check(
        golden::ROUND7_HOLDOUT,
        "round7-holdout.toml",
        &ROUND7_HOLDOUT,
    );
}

#[test]
fn round8_tune_half_holds_its_level() {
    check(golden::ROUND8_TUNE, "round8-tune.toml", &ROUND8_TUNE);
}

#[test]
fn round8_held_out_half_holds_its_level() {
    check(
        golden::ROUND8_HOLDOUT,
        "round8-holdout.toml",
        &ROUND8_HOLDOUT,
    );
}

#[test]
fn round9_tune_half_holds_its_level() {
    check(golden::ROUND9_TUNE, "round9-tune.toml", &ROUND9_TUNE);
}

#[test]
fn round9_held_out_half_holds_its_level() {
    check(
        golden::ROUND9_HOLDOUT,
        "round9-holdout.toml",
        &ROUND9_HOLDOUT,
    );
}

#[test]
fn round10_tune_half_holds_its_level() {
    check(golden::ROUND10_TUNE, "round10-tune.toml", &ROUND10_TUNE);
}

#[test]
fn round10_held_out_half_holds_its_level() {
    check(
        golden::ROUND10_HOLDOUT,
        "round10-holdout.toml",
        &ROUND10_HOLDOUT,
    );
}

#[test]
fn round11_tune_half_holds_its_level() {
    check(golden::ROUND11_TUNE, "round11-tune.toml", &ROUND11_TUNE);
}

#[test]
fn round11_held_out_half_holds_its_level() {
    check(
        golden::ROUND11_HOLDOUT,
        "round11-holdout.toml",
        &ROUND11_HOLDOUT,
    );
}

#[test]
fn round12_tune_half_holds_its_level() {
    check(golden::ROUND12_TUNE, "round12-tune.toml", &ROUND12_TUNE);
}

#[test]
fn round12_held_out_half_holds_its_level() {
    check(
        golden::ROUND12_HOLDOUT,
        "round12-holdout.toml",
        &ROUND12_HOLDOUT,
    );
}

#[test]
fn round13_tune_half_holds_its_level() {
    check(golden::ROUND13_TUNE, "round13-tune.toml", &ROUND13_TUNE);
}

#[test]
fn round13_held_out_half_holds_its_level() {
    check(
        golden::ROUND13_HOLDOUT,
        "round13-holdout.toml",
        &ROUND13_HOLDOUT,
    );
}

#[test]
fn round14_tune_half_holds_its_level() {
    check(golden::ROUND14_TUNE, "round14-tune.toml", &ROUND14_TUNE);
}

#[test]
fn round14_held_out_half_holds_its_level() {
    check(
        golden::ROUND14_HOLDOUT,
        "round14-holdout.toml",
        &ROUND14_HOLDOUT,
    );
}

#[test]
fn round15_tune_half_holds_its_level() {
    check(golden::ROUND15_TUNE, "round15-tune.toml", &ROUND15_TUNE);
}

#[test]
fn round15_held_out_half_holds_its_level() {
    check(
        golden::ROUND15_HOLDOUT,
        "round15-holdout.toml",
        &ROUND15_HOLDOUT,
    );
}

#[test]
fn round16_tune_half_holds_its_level() {
    check(golden::ROUND16_TUNE, "round16-tune.toml", &ROUND16_TUNE);
}

#[test]
fn round16_held_out_half_holds_its_level() {
    check(
        golden::ROUND16_HOLDOUT,
        "round16-holdout.toml",
        &ROUND16_HOLDOUT,
    );
}

#[test]
fn round17_tune_half_holds_its_level() {
    check(golden::ROUND17_TUNE, "round17-tune.toml", &ROUND17_TUNE);
}

#[test]
fn round17_held_out_half_holds_its_level() {
    check(
        golden::ROUND17_HOLDOUT,
        "round17-holdout.toml",
        &ROUND17_HOLDOUT,
    );
}

#[test]
fn round18_tune_half_holds_its_level() {
    check(golden::ROUND18_TUNE, "round18-tune.toml", &ROUND18_TUNE);
}

#[test]
fn round18_held_out_half_holds_its_level() {
    check(
        golden::ROUND18_HOLDOUT,
        "round18-holdout.toml",
        &ROUND18_HOLDOUT,
    );
}

#[test]
fn round19_tune_half_holds_its_level() {
    check(golden::ROUND19_TUNE, "round19-tune.toml", &ROUND19_TUNE);
}

#[test]
fn round19_held_out_half_holds_its_level() {
    check(
        golden::ROUND19_HOLDOUT,
        "round19-holdout.toml",
        &ROUND19_HOLDOUT,
    );
}
