//! Golden queries: every case of tests/golden.toml must pass against the shipped catalogue.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at its first broken assumption"
)]

#[path = "support/golden.rs"]
mod golden;

use ganhuo::Engine;

#[test]
fn golden_queries_pass() {
    let engine = Engine::shipped().expect("shipped catalogue");
    let cases = golden::cases();
    assert!(
        cases.len() >= 80,
        "the golden set needs at least 80 queries"
    );
    let mut failures = Vec::new();
    for case in &cases {
        let ranked: Vec<String> = engine
            .search(&case.query)
            .iter()
            .map(|r| engine.catalogue().resource(r.resource).id.clone())
            .collect();
        if let Some(why) = case.judge(&ranked) {
            failures.push(format!("[{}] {:?}: {why}", case.tag, case.query));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} golden queries failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn golden_ids_exist() {
    let engine = Engine::shipped().expect("shipped catalogue");
    let known = |id: &str| engine.catalogue().resources().iter().any(|r| r.id == id);
    for case in golden::cases() {
        for id in case.top1.iter().chain(&case.top3).chain(&case.any3) {
            assert!(
                known(id),
                "golden case {:?} names unknown resource {id}",
                case.query
            );
        }
    }
}
