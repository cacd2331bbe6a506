//! Benchmarks (divan): per-query latency over the shipped catalogue and over synthetic
//! catalogues of 1k, 10k and 100k resources, and start-up cost (parse + index).
//!
//! Run with `cargo bench`. Compare figures from one run only; the machines are noisy.
//! Each `query` benchmark answers every golden query once per iteration; the items/s column
//! counts queries. divan rather than criterion: criterion's dependencies add features to
//! normal dependencies of ganhuo (either, num-traits, regex-syntax, zerocopy) in every test
//! build, so `cargo build` after `cargo test` would rebuild teloxide and ganhuo.

use std::fmt::Write;
use std::hint::black_box;

use divan::Bencher;
use divan::counter::ItemsCount;
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

fn main() {
    FuzzyScan::new().report_hit_rate();
    divan::main();
}

mod query {
    use super::*;

    /// The golden set against the shipped catalogue (165 resources).
    #[divan::bench]
    fn shipped_165(bencher: Bencher) {
        let queries = queries();
        let engine = Engine::shipped().expect("shipped catalogue");
        bencher
            .counter(ItemsCount::new(queries.len()))
            .bench_local(|| {
                for q in &queries {
                    black_box(engine.answer(black_box(q), 0, 5));
                }
            });
    }

    /// The golden set against synthetic catalogues of `n` resources.
    #[divan::bench(args = [1_000, 10_000, 100_000], max_time = 10)]
    fn synthetic(bencher: Bencher, n: usize) {
        let queries = queries();
        let engine = Engine::new(super::synthetic(n));
        bencher
            .counter(ItemsCount::new(queries.len()))
            .bench_local(|| {
                for q in &queries {
                    black_box(engine.answer(black_box(q), 0, 5));
                }
            });
    }

    /// `fuzzy-matcher` as the whole search over the shipped catalogue.
    #[divan::bench]
    fn fuzzy_matcher_scan_165(bencher: Bencher) {
        let scan = FuzzyScan::new();
        bencher
            .counter(ItemsCount::new(scan.cases.len()))
            .bench_local(|| {
                for case in &scan.cases {
                    black_box(scan.rank(black_box(&case.query)));
                }
            });
    }
}

mod startup {
    use super::*;

    #[divan::bench]
    fn parse_shipped() -> Catalogue {
        Catalogue::shipped().expect("shipped catalogue")
    }

    #[divan::bench]
    fn parse_and_index_shipped() -> Engine {
        Engine::new(Catalogue::shipped().expect("shipped catalogue"))
    }
}

/// Autocomplete for a partial word.
#[divan::bench]
fn complete_lor(bencher: Bencher) {
    let engine = Engine::shipped().expect("shipped catalogue");
    bencher.bench_local(|| black_box(engine.complete(black_box("lor"), 25)));
}

/// The named `fuzzy-matcher` used as the whole search (skim subsequence scoring over every
/// resource string), to show why ganhuo uses it only for autocomplete: it cannot match typos
/// that are not subsequences ("megatorn") and it scans the whole catalogue per query.
struct FuzzyScan {
    cases: Vec<golden::Case>,
    engine: Engine,
    choices: Vec<String>,
    matcher: fuzzy_matcher::skim::SkimMatcherV2,
}

impl FuzzyScan {
    fn new() -> FuzzyScan {
        let engine = Engine::shipped().expect("shipped catalogue");
        let catalogue = engine.catalogue();
        let choices = catalogue
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
        FuzzyScan {
            cases: golden::cases(),
            engine,
            choices,
            matcher: fuzzy_matcher::skim::SkimMatcherV2::default(),
        }
    }

    /// The ids of the five best-scoring resources.
    fn rank(&self, q: &str) -> Vec<String> {
        use fuzzy_matcher::FuzzyMatcher;

        let q = q.to_lowercase();
        let mut scored: Vec<(i64, usize)> = self
            .choices
            .iter()
            .enumerate()
            .filter_map(|(i, c)| self.matcher.fuzzy_match(c, &q).map(|s| (s, i)))
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored
            .iter()
            .take(5)
            .map(|&(_, i)| self.engine.catalogue().resource(i).id.clone())
            .collect()
    }

    /// Prints hit@3 on the golden set for the scan and for ganhuo.
    fn report_hit_rate(&self) {
        let catalogue = self.engine.catalogue();
        let passed = self
            .cases
            .iter()
            .filter(|case| case.judge(&self.rank(&case.query)).is_none())
            .count();
        let ours = self
            .cases
            .iter()
            .filter(|case| {
                let ids: Vec<String> = self
                    .engine
                    .search(&case.query)
                    .iter()
                    .map(|r| catalogue.resource(r.resource).id.clone())
                    .collect();
                case.judge(&ids).is_none()
            })
            .count();
        println!(
            "hit@3 on {} golden queries: fuzzy-matcher scan {passed}, ganhuo {ours}",
            self.cases.len()
        );
    }
}
