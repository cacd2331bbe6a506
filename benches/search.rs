//! Criterion benchmarks: per-query latency over the shipped catalogue and over synthetic
//! catalogues of 1k, 10k and 100k resources, the conversational sentences with the semantic
//! layer on and off, and start-up cost (parse + index).
//!
//! Run with `cargo bench`. Compare figures from one run only; the machines are noisy.

#![allow(
    missing_docs,
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "criterion_group! writes an undocumented function, and a benchmark stops at its first failure"
)]

use std::fmt::Write;
use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ganhuo::search::Options;
use ganhuo::{Catalogue, Engine};

#[path = "../tests/support/golden.rs"]
mod golden;

/// A TOML basic string (Rust's `{:?}` would write `\u{…}` escapes TOML rejects).
fn toml_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn queries() -> Vec<String> {
    golden::cases().into_iter().map(|c| c.query).collect()
}

/// A catalogue of `n` resources: the shipped ones repeated with fresh ids and URLs, each copy
/// given two made-up title words and one keyword so the vocabulary grows with the size, as a
/// real catalogue's would. Deterministic, so runs compare.
fn synthetic(n: usize) -> Catalogue {
    let shipped = ganhuo::catalogue::SHIPPED;
    let base = Catalogue::shipped().expect("shipped catalogue");
    // Keep topics and synonyms exactly; regenerate resources.
    let header_end = shipped
        .find("\n[[resource]]\n")
        .expect("resources follow topics");
    let synonyms_start = shipped
        .find("\n[[synonym]]\n")
        .expect("synonyms follow resources");
    let mut text = String::with_capacity(n * 400);
    text.push_str(&shipped[..header_end]);
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut word = || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        format!("w{:x}", (seed >> 40) % 50_000)
    };
    let resources = base.resources();
    for i in 0..n {
        let r = &resources[i % resources.len()];
        let topics: Vec<String> = r
            .topics
            .iter()
            .map(|&t| format!("{:?}", base.topic(t).id))
            .collect();
        let keywords: Vec<String> = r
            .keywords
            .iter()
            .map(|k| format!("{k:?}"))
            .chain([format!("{:?}", word())])
            .collect();
        let _ = write!(
            text,
            "[[resource]]\nid = \"r{i}\"\ntitle = {}\nurl = \"https://example.com/{i}\"\nkind = \"{}\"\nlang = \"{}\"\ntopics = [{}]\nkeywords = [{}]\n\n",
            toml_str(&format!("{} {} {}", r.title, word(), word())),
            r.kind,
            r.lang,
            topics.join(", "),
            keywords.join(", "),
        );
    }
    text.push_str(&shipped[synonyms_start..]);
    Catalogue::from_toml(&text, "synthetic").expect("synthetic catalogue is valid")
}

fn per_query(c: &mut Criterion) {
    let queries = queries();
    let mut group = c.benchmark_group("query");
    group.throughput(Throughput::Elements(queries.len() as u64));
    let shipped = Engine::shipped().expect("shipped catalogue");
    group.bench_function(BenchmarkId::new("golden-set", "shipped-165"), |b| {
        b.iter(|| {
            for q in &queries {
                black_box(shipped.answer(black_box(q), 0, 5));
            }
        })
    });
    for n in [1_000, 10_000, 100_000] {
        let engine = Engine::new(synthetic(n));
        group.sample_size(if n >= 100_000 { 10 } else { 30 });
        group.bench_function(
            BenchmarkId::new("golden-set", format!("synthetic-{n}")),
            |b| {
                b.iter(|| {
                    for q in &queries {
                        black_box(engine.answer(black_box(q), 0, 5));
                    }
                })
            },
        );
    }
    group.finish();
}

/// The conversational set's sentences (both halves), answered with the semantic layer on and
/// off: what the layer costs per question.
fn sentences(c: &mut Criterion) {
    let queries: Vec<String> = [golden::CONVERSATION_TUNE, golden::CONVERSATION_HOLDOUT]
        .into_iter()
        .flat_map(|text| golden::load(text, "conversation"))
        .map(|case| case.query)
        .collect();
    let mut group = c.benchmark_group("sentences");
    group.throughput(Throughput::Elements(queries.len() as u64));
    let catalogue = Catalogue::shipped().expect("shipped catalogue");
    for (name, semantic) in [("semantic-on", true), ("semantic-off", false)] {
        let engine = Engine::with_options(catalogue.clone(), Options { semantic });
        group.bench_function(BenchmarkId::new("conversation", name), |b| {
            b.iter(|| {
                for q in &queries {
                    black_box(engine.answer(black_box(q), 0, 5));
                }
            })
        });
    }
    group.finish();
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    group.bench_function("parse-shipped", |b| {
        b.iter(|| black_box(Catalogue::shipped().unwrap()))
    });
    group.bench_function("parse-and-index-shipped", |b| {
        b.iter(|| black_box(Engine::new(Catalogue::shipped().unwrap())))
    });
    // The same with the semantic layer off: what resource vectors add to start-up.
    group.bench_function("parse-and-index-shipped-lexical", |b| {
        b.iter(|| {
            let catalogue = Catalogue::shipped().unwrap();
            black_box(Engine::with_options(catalogue, Options { semantic: false }))
        })
    });
    group.finish();
}

/// The named `fuzzy-matcher` used as the whole search (skim subsequence scoring over every
/// resource string), to show why ganhuo uses it only for autocomplete: it cannot match typos
/// that are not subsequences ("megatorn") and it scans the whole catalogue per query.
fn fuzzy_matcher_scan(c: &mut Criterion) {
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;

    let cases = golden::cases();
    let engine = Engine::shipped().expect("shipped catalogue");
    let catalogue = engine.catalogue();
    let choices: Vec<String> = catalogue
        .resources()
        .iter()
        .map(|r| {
            let path: Vec<&str> = r
                .topics
                .iter()
                .map(|&t| catalogue.topic(t).name.as_str())
                .collect();
            format!(
                "{} {} {} {}",
                r.title,
                r.title_en.as_deref().unwrap_or(""),
                path.join(" "),
                r.keywords.join(" ")
            )
            .to_lowercase()
        })
        .collect();
    let matcher = SkimMatcherV2::default();
    let rank = |q: &str| -> Vec<String> {
        let q = q.to_lowercase();
        let mut scored: Vec<(i64, usize)> = choices
            .iter()
            .enumerate()
            .filter_map(|(i, c)| matcher.fuzzy_match(c, &q).map(|s| (s, i)))
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored
            .iter()
            .take(5)
            .map(|&(_, i)| catalogue.resource(i).id.clone())
            .collect()
    };
    let passed = cases
        .iter()
        .filter(|case| case.judge(&rank(&case.query)).is_none())
        .count();
    let ours = cases
        .iter()
        .filter(|case| {
            let ids: Vec<String> = engine
                .search(&case.query)
                .iter()
                .map(|r| catalogue.resource(r.resource).id.clone())
                .collect();
            case.judge(&ids).is_none()
        })
        .count();
    println!(
        "hit@3 on {} golden queries: fuzzy-matcher scan {passed}, ganhuo {ours}",
        cases.len()
    );
    let mut group = c.benchmark_group("query");
    group.throughput(Throughput::Elements(cases.len() as u64));
    group.bench_function(
        BenchmarkId::new("golden-set", "fuzzy-matcher-scan-165"),
        |b| {
            b.iter(|| {
                for case in &cases {
                    black_box(rank(black_box(&case.query)));
                }
            })
        },
    );
    group.finish();
}

fn autocomplete(c: &mut Criterion) {
    let engine = Engine::shipped().expect("shipped catalogue");
    c.bench_function("complete/lor", |b| {
        b.iter(|| black_box(engine.complete(black_box("lor"), 25)))
    });
}

criterion_group!(
    benches,
    per_query,
    sentences,
    fuzzy_matcher_scan,
    startup,
    autocomplete
);
criterion_main!(benches);
