//! Property tests: no input, however hostile, panics the pipeline or breaks its limits.
//!
//! Inputs come from a seeded generator built on `rand` 0.8, the version and features the
//! normal build already has through teloxide. proptest would add features to normal
//! dependencies (regex-syntax, num-traits, getrandom) in test builds, and then `cargo build`
//! after `cargo test` would rebuild teloxide and ganhuo. Each run draws a fresh seed; a failure
//! prints it, and `PROPERTY_SEED=<seed> cargo test --test properties` replays it.

use std::sync::OnceLock;

use ganhuo::Engine;
use ganhuo::search::MAX_HITS;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// Generated inputs per property.
const CASES: usize = 300;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::shipped().expect("shipped catalogue"))
}

/// The run's seed: `$PROPERTY_SEED` to replay a failure, else a fresh one.
fn seed() -> u64 {
    match std::env::var("PROPERTY_SEED") {
        Ok(text) => text.parse().expect("PROPERTY_SEED is a u64"),
        Err(_) => rand::random(),
    }
}

/// Up to `max` characters drawn from `pick`.
fn run_of(rng: &mut StdRng, max: usize, pick: impl Fn(&mut StdRng) -> char) -> String {
    let len = rng.gen_range(0..=max);
    (0..len).map(|_| pick(rng)).collect()
}

/// A character in `lo..=hi` (every code point in the ranges used is a scalar value).
fn in_range(rng: &mut StdRng, lo: u32, hi: u32) -> char {
    char::from_u32(rng.gen_range(lo..=hi)).unwrap_or('?')
}

/// Strings mixing what real users and attackers send: Latin, CJK (simplified and traditional),
/// full-width forms, control characters, bidi marks, zero-width joiners and emoji.
fn hostile(rng: &mut StdRng) -> String {
    const ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ";
    let pieces = rng.gen_range(0..12);
    let mut out = String::new();
    for _ in 0..pieces {
        let piece = match rng.gen_range(0..8) {
            0 => run_of(rng, 12, |r| char::from(ALNUM[r.gen_range(0..ALNUM.len())])),
            1 => run_of(rng, 6, |r| in_range(r, 0x4e00, 0x9fff)),
            2 => run_of(rng, 6, |r| in_range(r, 0xff01, 0xff5e)),
            3 => run_of(rng, 4, |r| {
                if r.gen_bool(1.0 / 33.0) {
                    '\u{7f}'
                } else {
                    in_range(r, 0, 0x1f)
                }
            }),
            4 => "\u{202e}\u{200f}\u{200b}\u{2066}".to_owned(),
            5 => "👩‍💻🚀🔥".to_owned(),
            6 => "分佈式訓練 megatorn ｖＬＬＭ".to_owned(),
            // Any Unicode scalar values.
            _ => run_of(rng, 16, |r| r.r#gen::<char>()),
        };
        out.push_str(&piece);
    }
    out
}

#[test]
fn any_input_answers_within_limits() {
    let seed = seed();
    let mut rng = StdRng::seed_from_u64(seed);
    for _ in 0..CASES {
        let query = hostile(&mut rng);
        let limit = rng.gen_range(1usize..20);
        let offset = rng.gen_range(0usize..60);
        let answer = engine().answer(&query, offset, limit);
        let case = format!("PROPERTY_SEED={seed}, query {query:?}, offset {offset}, limit {limit}");
        assert!(answer.hits.len() <= limit, "{case}");
        assert!(answer.total <= MAX_HITS, "{case}");
        for hit in &answer.hits {
            assert!(
                (0.0..=1.0).contains(&hit.score),
                "{case}: score {}",
                hit.score
            );
        }
        if answer.total == 0 {
            assert!(
                !answer.suggestions.is_empty(),
                "{case}: no hits and no suggestions"
            );
        }
    }
}

#[test]
fn completions_stay_within_limits() {
    let seed = seed();
    let mut rng = StdRng::seed_from_u64(seed);
    for _ in 0..CASES {
        let partial = hostile(&mut rng);
        let limit = rng.gen_range(0usize..30);
        let got = engine().complete(&partial, limit).len();
        assert!(
            got <= limit,
            "PROPERTY_SEED={seed}, partial {partial:?}: {got} > {limit}"
        );
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
