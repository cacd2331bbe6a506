//! Answer quality and latency over every query set, with the semantic layer on and off, side by
//! side: hit@3 for on-topic questions, the share of off-topic messages that get no links, small
//! talk recognised, for comparisons whether every concept asked about is in the top 5, and for
//! on-topic questions that got no links whether a topic offered instead leads to a right
//! resource (holds one, or is its topic's ancestor below the top level).
//!
//! `cargo bench --bench quality` prints the table. `-- --failures tune` also lists the failing
//! cases of the tune half (the half the ranking may be tuned on); `--failures golden`,
//! `--failures holdout` or `--failures conversation-holdout` list others. `-- --probe SET...`
//! prints, per case, the relevance decision and the semantic layer's nearest similarity even
//! for unanswered queries (for judging whether similarity could separate on- from off-topic).
//! `-- --latency` prints only the latency lines, for timing two builds' binaries in turn.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark stops at its first broken assumption"
)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use ganhuo::search::Options;
use ganhuo::{Catalogue, Engine};

#[path = "../tests/support/golden.rs"]
mod golden;

use golden::{Case, Said};

struct Set {
    name: &'static str,
    cases: Vec<Case>,
}

fn sets() -> Vec<Set> {
    let first = [
        ("golden", golden::cases()),
        (
            "holdout",
            golden::load(golden::HOLDOUT, "tests/holdout.toml"),
        ),
        ("tune", golden::load(golden::CONVERSATION_TUNE, "tune.toml")),
        (
            "conversation-holdout",
            golden::load(golden::CONVERSATION_HOLDOUT, "holdout.toml"),
        ),
    ];
    let rounds = golden::ROUNDS.iter().map(|&(file, text)| {
        (
            file.strip_suffix(".toml").unwrap_or(file),
            golden::load(text, file),
        )
    });
    first
        .into_iter()
        .chain(rounds)
        .map(|(name, cases)| Set { name, cases })
        .collect()
}

#[derive(Default)]
struct Score {
    on_topic: (usize, usize),
    /// hit@3 of the semantic layer's nearest resources alone, on on-topic cases.
    semantic_only: (usize, usize),
    off_topic: (usize, usize),
    /// On-topic cases that got no links: whether a topic offered instead holds a right resource.
    led_to_topic: (usize, usize),
    small_talk: (usize, usize),
    covers: (usize, usize),
    failures: Vec<String>,
}

fn add(pair: &mut (usize, usize), ok: bool) {
    pair.0 += usize::from(ok);
    pair.1 += 1;
}

fn judge(engine: &Engine, cases: &[Case]) -> Score {
    let mut score = Score::default();
    for case in cases {
        let answer = engine.answer(&case.query, 0, 5);
        let ranked: Vec<String> = answer.hits.iter().map(|h| h.id.clone()).collect();
        let talk = answer.small_talk.map(|t| {
            serde_json::to_value(t)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        });
        let verdict = case.judge_said(&Said {
            ranked: &ranked,
            small_talk: talk.as_deref(),
        });
        let ok = verdict.is_none();
        if case.on_topic() {
            let near = engine
                .nearest(&case.query, 3)
                .iter()
                .take(3)
                .any(|&(r, _)| case.any3.contains(&engine.catalogue().resource(r).id));
            add(&mut score.semantic_only, near);
        }
        if case.on_topic() && answer.total == 0 {
            let catalogue = engine.catalogue();
            // A topic leads to a right resource when it holds one or is one of its topic's
            // ancestors below the top level (a top-level topic is a fifth of the catalogue).
            let holds = answer.suggestions.iter().any(|s| {
                catalogue.topic_by_id(&s.topic.id).is_some_and(|t| {
                    catalogue.path(t).len() > 1
                        && catalogue
                            .resources_under(t)
                            .iter()
                            .any(|&r| case.any3.contains(&catalogue.resource(r).id))
                })
            });
            add(&mut score.led_to_topic, holds);
        }
        if case.small_talk.is_some() {
            add(&mut score.small_talk, ok);
        } else if case.none {
            add(&mut score.off_topic, ok);
        } else {
            add(&mut score.on_topic, ok);
        }
        if !case.covers.is_empty() {
            add(&mut score.covers, case.covered(&ranked));
        }
        if let Some(why) = verdict {
            score
                .failures
                .push(format!("  [{}] {:?}: {why}", case.tag, case.query));
        }
    }
    score
}

fn pct((ok, all): (usize, usize)) -> String {
    if all == 0 {
        "—".to_owned()
    } else {
        format!("{ok}/{all} ({:.1}%)", 100.0 * ok as f64 / all as f64)
    }
}

/// Per-query latency percentiles over `queries`, answering each many times.
fn latency(engine: &Engine, queries: &[&str]) -> (Duration, Duration) {
    let mut samples: Vec<Duration> = Vec::new();
    for _ in 0..20 {
        for q in queries {
            let start = Instant::now();
            black_box(engine.answer(black_box(q), 0, 5));
            samples.push(start.elapsed());
        }
    }
    samples.sort();
    let at = |p: f64| samples[((samples.len() - 1) as f64 * p) as usize];
    (at(0.5), at(0.9))
}

/// What a case expects, in one word: "on" (results), "off" (none) or "talk" (small talk).
fn kind_of(case: &Case) -> &'static str {
    if case.small_talk.is_some() {
        "talk"
    } else if case.none {
        "off"
    } else {
        "on"
    }
}

/// One line per case of a set: what the relevance stage and the semantic layer saw, for
/// choosing thresholds (tab-separated: tag, kind, explained, unexplained, share, best
/// similarity, rank of the first right resource lexically and semantically, query).
fn dump(engine: &Engine, cases: &[Case]) {
    for case in cases {
        let found = engine.find(&case.query);
        let ids = |list: &mut dyn Iterator<Item = usize>| -> Vec<String> {
            list.map(|r| engine.catalogue().resource(r).id.clone())
                .collect()
        };
        let semantic = ids(&mut found.semantic.iter().map(|&(r, _)| r));
        let ranked = ids(&mut found.ranked.iter().map(|r| r.resource));
        let first = |list: &[String]| {
            list.iter()
                .position(|id| case.any3.contains(id))
                .map_or("-".to_owned(), |p| (p + 1).to_string())
        };
        let kind = kind_of(case);
        let r = &found.relevance;
        let sure = r.words.iter().filter(|e| e.explained >= 0.6).count();
        println!(
            "{}\t{kind}\t{:.2}\t{:.2}\t{:.2}\t{:.3}\t{}\t{}\t{sure}\t{}",
            case.tag,
            r.evidence,
            r.unexplained,
            r.share(),
            found.semantic.first().map_or(0.0, |s| s.1),
            first(&ranked),
            first(&semantic),
            case.query
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let show = args
        .iter()
        .position(|a| a == "--failures")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let catalogue = Catalogue::shipped().expect("shipped catalogue");
    if let Some(i) = args.iter().position(|a| a == "--explain") {
        let engine = Engine::new(catalogue);
        for q in &args[i + 1..] {
            let found = engine.find(q);
            println!("== {q}");
            for (w, e) in found.words.iter().zip(&found.relevance.words) {
                let alts: Vec<String> = w
                    .alternatives
                    .iter()
                    .take(4)
                    .map(|a| {
                        format!(
                            "{}:{:?}:{:.2}",
                            engine.index().term_text(a.term),
                            a.how,
                            a.weight
                        )
                    })
                    .collect();
                println!(
                    "  {:<12} {:?} c{} expl={:.2} imp={:.2} aff={:.2} parts={}/{} {:?}",
                    w.text,
                    w.role,
                    w.concept,
                    e.explained,
                    e.importance,
                    engine.affinity(&w.text).unwrap_or(-1.0),
                    w.parts.len(),
                    w.part_count,
                    alts
                );
            }
            println!(
                "  E={:.2} U={:.2} share={:.2} answer={} sem={:?}",
                found.relevance.evidence,
                found.relevance.unexplained,
                found.relevance.share(),
                found.relevance.answer,
                found
                    .semantic
                    .iter()
                    .take(3)
                    .map(|&(r, s)| (engine.catalogue().resource(r).id.as_str(), s))
                    .collect::<Vec<_>>()
            );
            for r in found.ranked.iter().take(5) {
                println!(
                    "  -> {} {:.3} lex={:?} sem={:?}",
                    engine.catalogue().resource(r.resource).id,
                    r.score,
                    r.lexical_rank,
                    r.semantic_rank
                );
            }
        }
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--probe") {
        let engine = Engine::new(catalogue);
        for name in &args[i + 1..] {
            for set in sets().iter().filter(|s| s.name == name) {
                for case in &set.cases {
                    let words = engine.understand(&case.query, false);
                    let r = engine.relevance(&words);
                    let near = engine.nearest(&case.query, 10);
                    let kind = kind_of(case);
                    let first = near
                        .iter()
                        .position(|&(res, _)| {
                            case.any3.contains(&engine.catalogue().resource(res).id)
                        })
                        .map_or(0, |p| p + 1);
                    println!(
                        "{}\t{kind}\t{}\t{:.2}\t{}\t{:.3}\t{:.3}\t{}\t{}",
                        name,
                        r.answer,
                        r.share(),
                        r.concepts,
                        near.first().map_or(0.0, |x| x.1),
                        near.get(2).map_or(0.0, |x| x.1),
                        first,
                        case.query
                    );
                }
            }
        }
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--dump") {
        let name = args.get(i + 1).map_or("tune", String::as_str);
        let engine = Engine::new(catalogue);
        for set in sets().iter().filter(|s| s.name == name) {
            dump(&engine, &set.cases);
        }
        return;
    }
    let latency_only = args.iter().any(|a| a == "--latency");
    let engines = [
        (
            "lexical only",
            Engine::with_options(catalogue.clone(), Options { semantic: false }),
        ),
        ("semantic on", Engine::new(catalogue)),
    ];
    let sets = sets();
    println!(
        "{:<22} {:<13} {:>20} {:>20} {:>14} {:>14} {:>20} {:>16}",
        "set",
        "engine",
        "hit@3 on-topic",
        "off-topic empty",
        "small talk",
        "covers@5",
        "semantic alone@3",
        "empty → topic"
    );
    // `--latency` skips the quality table: for timing builds against each other, run after
    // run, where the table would only take minutes.
    for set in sets.iter().filter(|_| !latency_only) {
        for (label, engine) in &engines {
            let score = judge(engine, &set.cases);
            println!(
                "{:<22} {:<13} {:>20} {:>20} {:>14} {:>14} {:>20} {:>16}",
                set.name,
                label,
                pct(score.on_topic),
                pct(score.off_topic),
                pct(score.small_talk),
                pct(score.covers),
                pct(score.semantic_only),
                pct(score.led_to_topic)
            );
            if show.as_deref() == Some(set.name) && *label == "semantic on" {
                for f in &score.failures {
                    println!("{f}");
                }
            }
        }
    }
    let all: Vec<&str> = sets
        .iter()
        .flat_map(|s| s.cases.iter().map(|c| c.query.as_str()))
        .collect();
    println!(
        "\nper-query latency over {} queries (p50 / p90):",
        all.len()
    );
    for (label, engine) in &engines {
        let (p50, p90) = latency(engine, &all);
        println!("  {label:<13} {p50:>10.1?} {p90:>10.1?}");
    }
}
