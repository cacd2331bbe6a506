//! The conversational quality set (tests/conversation/): sentences as people type them to a
//! chat bot. The engine was tuned on `tune.toml` (and later `round2-tune.toml` …
//! `round94-tune.toml`; rounds 43, 45, 56, 57, 60 and 62 were added untouched, round 47 was tuned
//! on a stop after it was added, and round 49's tune half was read and tuned on in a later
//! stop); the hold-out halves of each round were written blind and never looked at while
//! tuning, so they are the honest measure. All halves are asserted here at the levels the
//! README reports, so a change that makes answers worse fails; `cargo bench --bench quality`
//! prints the full table.

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
const HOLDOUT: Level = level(0.96, 1.0, 1.0, 200);
/// The floors of every half of [`golden::ROUNDS`], by file name.
const ROUND_LEVELS: &[(&str, Level)] = &[
    ("round2-tune.toml", level(1.0, 1.0, 1.0, 150)),
    ("round2-holdout.toml", level(0.94, 0.98, 0.87, 150)),
    ("round3-tune.toml", level(1.0, 1.0, 1.0, 110)),
    // Hit@3 lowered (1.0 → 0.98) by round 48's stop: 53 → 52 of 53 when more of how people
    // talk around a question became filler (4aba411, tune +3 with nothing lost; over all
    // hold-outs +1 on-topic).
    ("round3-holdout.toml", level(0.98, 0.95, 1.0, 110)),
    ("round4-tune.toml", level(1.0, 1.0, 1.0, 50)),
    // Lowered from 0.75 when 值得 became filler (tune +3, none lost): "早上好，iPhone 16 值得买吗"
    // is now answered, iphone read as a slip for "phone". Disclosed in docs/history.md.
    ("round4-holdout.toml", level(1.0, 0.62, 0.97, 50)),
    ("round5-tune.toml", level(1.0, 1.0, 1.0, 80)),
    ("round5-holdout.toml", level(0.9, 1.0, 1.0, 80)),
    ("round6-tune.toml", level(0.98, 1.0, 1.0, 100)),
    ("round6-holdout.toml", level(0.89, 1.0, 1.0, 100)),
    ("round7-tune.toml", level(1.0, 1.0, 1.0, 100)),
    ("round7-holdout.toml", level(1.0, 0.93, 0.7, 100)),
    ("round8-tune.toml", level(1.0, 1.0, 1.0, 100)),
    ("round8-holdout.toml", level(0.94, 0.96, 0.93, 100)),
    ("round9-tune.toml", level(1.0, 1.0, 1.0, 100)),
    ("round9-holdout.toml", level(0.92, 0.9, 0.68, 100)),
    ("round10-tune.toml", level(0.97, 1.0, 1.0, 150)),
    // Lowered (0.94 → 0.93) by round 36's stop: the rank floor went from 0.2 to 0.18 (tune +6
    // on-topic, hold-outs +4 over all rounds, one of the rest lost here; docs/history.md).
    ("round10-holdout.toml", level(0.93, 1.0, 0.94, 150)),
    ("round11-tune.toml", level(1.0, 0.96, 0.98, 100)),
    ("round11-holdout.toml", level(0.96, 1.0, 0.85, 100)),
    ("round12-tune.toml", level(1.0, 1.0, 1.0, 150)),
    ("round12-holdout.toml", level(0.96, 0.96, 0.87, 150)),
    ("round13-tune.toml", level(0.97, 0.96, 1.0, 150)),
    // Lowered (0.91 → 0.90) by round 30's stop: a task ("write me a poem…") is declined, which
    // left two hold-out messages unanswered here and in round 15, for +5 off-topic (its note).
    ("round13-holdout.toml", level(0.90, 1.0, 1.0, 150)),
    // Off-topic lowered (1.0 → 0.96) by round 36's stop: with the rank floor at 0.18 a Gradle
    // error whose "sync" and "com" read as slips finds a page (docs/history.md).
    ("round14-tune.toml", level(0.96, 0.96, 1.0, 150)),
    ("round14-holdout.toml", level(0.88, 0.93, 0.83, 150)),
    ("round15-tune.toml", level(0.99, 1.0, 1.0, 150)),
    // Lowered (0.96 → 0.95) by round 30's stop, with round 13's above; and (0.95 → 0.94) by
    // round 32's, when 材料, 看过, "first" and other chat words were added to the lexicon
    // (tune +2, none lost): one message lost here, one gained in round 18's hold-out, the
    // hold-outs' sum unchanged. Disclosed in docs/history.md.
    ("round15-holdout.toml", level(0.94, 1.0, 0.85, 150)),
    ("round16-tune.toml", level(0.98, 1.0, 1.0, 150)),
    ("round16-holdout.toml", level(0.86, 0.92, 1.0, 150)),
    ("round17-tune.toml", level(0.96, 1.0, 1.0, 150)),
    // Lowered from 0.91 by round 34's stop, when a blind paraphrase pass of a learning path's
    // next step was added (tune unchanged; hold-out halves +7 −3 on-topic by round, this one
    // of the −3). Disclosed in docs/history.md.
    ("round17-holdout.toml", level(0.90, 0.96, 0.75, 150)),
    ("round18-tune.toml", level(0.96, 1.0, 1.0, 150)),
    ("round18-holdout.toml", level(0.83, 0.92, 1.0, 150)),
    ("round19-tune.toml", level(0.98, 1.0, 1.0, 150)),
    ("round19-holdout.toml", level(0.94, 1.0, 1.0, 150)),
    ("round20-tune.toml", level(0.98, 1.0, 1.0, 150)),
    ("round20-holdout.toml", level(0.89, 1.0, 1.0, 150)),
    ("round21-tune.toml", level(0.99, 1.0, 1.0, 150)),
    ("round21-holdout.toml", level(0.89, 0.93, 1.0, 150)),
    ("round22-tune.toml", level(0.97, 1.0, 1.0, 150)),
    ("round22-holdout.toml", level(0.92, 1.0, 1.0, 150)),
    ("round23-tune.toml", level(0.97, 1.0, 1.0, 150)),
    // 排 as the filler of list-making ("我们在排下季度的书单") answered one off-topic message
    // here (counts only, the message unread); it was kept for the tune case it gained.
    ("round23-holdout.toml", level(0.93, 0.96, 0.5, 150)),
    ("round24-tune.toml", level(0.97, 1.0, 0.66, 150)),
    ("round24-holdout.toml", level(0.96, 0.96, 0.66, 150)),
    ("round25-tune.toml", level(1.0, 1.0, 0.75, 150)),
    ("round25-holdout.toml", level(1.0, 0.94, 0.77, 150)),
    ("round26-tune.toml", level(0.99, 0.99, 1.0, 250)),
    ("round26-holdout.toml", level(0.92, 0.9, 0.75, 250)),
    ("round27-tune.toml", level(0.95, 0.96, 0.72, 200)),
    ("round27-holdout.toml", level(0.96, 0.89, 0.62, 200)),
    ("round28-tune.toml", level(0.98, 1.0, 1.0, 200)),
    ("round28-holdout.toml", level(0.91, 0.95, 1.0, 200)),
    ("round29-tune.toml", level(0.96, 0.98, 1.0, 250)),
    ("round29-holdout.toml", level(0.91, 0.85, 1.0, 250)),
    ("round30-tune.toml", level(0.96, 0.95, 1.0, 230)),
    // Lowered from 0.96 when "where do I begin" naming nothing came to be answered from the
    // starting points and 从哪 became chat (hold-outs +2 −1 on-topic over all rounds, this one
    // of the −1), and from 0.95 (119 → 118 of 125) by round 39's stop, in the run that gave
    // the basics resources keywords for what they teach and made the why-words filler
    // (hold-outs +12 −1 on-topic over the stop). Disclosed in docs/history.md.
    ("round30-holdout.toml", level(0.94, 0.9, 1.0, 230)),
    ("round31-tune.toml", level(0.89, 0.92, 1.0, 220)),
    ("round31-holdout.toml", level(0.91, 0.81, 0.77, 220)),
    ("round32-tune.toml", level(0.92, 0.83, 0.74, 220)),
    ("round32-holdout.toml", level(0.92, 0.75, 0.68, 220)),
    ("round33-tune.toml", level(0.97, 0.97, 0.96, 220)),
    ("round33-holdout.toml", level(0.96, 0.88, 0.70, 220)),
    ("round34-tune.toml", level(0.87, 0.97, 0.92, 230)),
    ("round34-holdout.toml", level(0.85, 0.93, 0.62, 230)),
    ("round35-tune.toml", level(0.91, 0.96, 1.0, 225)),
    // Off-topic went 82 → 81 of 87 when a machine's name beside a tool became background
    // (the floor was 0.93 for a while) and back to 82 with a blind senses pass. Hit@3 lowered
    // (0.90 → 0.89) by round 36's stop, with the rank floor at 0.18 (docs/history.md).
    ("round35-holdout.toml", level(0.89, 0.94, 0.80, 225)),
    ("round36-tune.toml", level(0.93, 0.95, 1.0, 240)),
    // Off-topic lowered (0.93 → 0.92) by round 37's stop: 83 → 82 of 89 when opinion words
    // ("dead", "worth", 真的假的) became filler and a model's size a count.
    ("round36-holdout.toml", level(0.86, 0.92, 0.91, 240)),
    ("round37-tune.toml", level(0.90, 0.94, 0.92, 240)),
    ("round37-holdout.toml", level(0.84, 0.85, 0.92, 240)),
    ("round38-tune.toml", level(0.97, 0.98, 0.85, 240)),
    ("round38-holdout.toml", level(0.96, 0.90, 0.84, 240)),
    ("round39-tune.toml", level(0.92, 0.98, 0.92, 240)),
    ("round39-holdout.toml", level(0.84, 0.95, 0.66, 239)),
    ("round40-tune.toml", level(0.90, 0.99, 0.63, 276)),
    ("round40-holdout.toml", level(0.87, 0.89, 0.91, 276)),
    ("round41-tune.toml", level(0.98, 0.95, 0.90, 313)),
    // Off-topic lowered (0.89 → 0.87) by round 41's stop: 99 → 97 of 111 after tuning on the
    // round's tune half (the address stage alone, written before the round was read, had 99).
    ("round41-holdout.toml", level(0.92, 0.87, 0.90, 313)),
    // Lowered (0.99 → 0.98) by stop 66: "zero foundation" says how much the asker knows, and
    // no longer reaches the fundamentals through the word "foundations".
    ("round42-tune.toml", level(0.98, 0.94, 1.0, 259)),
    ("round42-holdout.toml", level(0.93, 0.95, 0.91, 259)),
    // Round 43 was not tuned on in the stop that added it: floors at its rates then.
    ("round43-tune.toml", level(0.98, 1.0, 1.0, 90)),
    ("round43-holdout.toml", level(0.98, 0.93, 1.0, 90)),
    ("round44-tune.toml", level(0.94, 0.98, 1.0, 337)),
    ("round44-holdout.toml", level(0.87, 0.96, 0.83, 336)),
    // Round 45 was written midway through round 44's stop and not tuned on: floors at its
    // rates at that stop's end.
    ("round45-tune.toml", level(0.91, 0.92, 0.80, 396)),
    ("round45-holdout.toml", level(0.91, 0.95, 0.85, 396)),
    ("round46-tune.toml", level(0.96, 0.98, 1.0, 370)),
    ("round46-holdout.toml", level(0.95, 0.93, 1.0, 370)),
    // Round 47 was written midway through round 46's stop and not tuned on there; its tune
    // half was tuned on in the stop after.
    ("round47-tune.toml", level(0.99, 0.99, 1.0, 342)),
    ("round47-holdout.toml", level(0.95, 0.96, 0.76, 342)),
    ("round48-tune.toml", level(0.97, 1.0, 1.0, 265)),
    // 0.98 off-topic since round 52's stop: time words (学期, 课, 2h) as filler answered one of its
    // near misses (counts only), while a tune case gained.
    ("round48-holdout.toml", level(0.96, 0.98, 0.87, 264)),
    // Round 49, round 48's fourth writer, finished after tuning on round 48 had begun and was
    // not tuned on in that stop: floors at the lower of its rates at that stop's start and
    // end. Its tune half was read and tuned on in a later stop (rounds 52 and 53's).
    ("round49-tune.toml", level(0.90, 1.0, 0.80, 85)),
    ("round49-holdout.toml", level(0.92, 0.96, 0.66, 85)),
    ("round50-tune.toml", level(0.96, 0.96, 0.85, 239)),
    // Hit@3 lowered (0.92 → 0.91) by round 54's stop: a word asking for a kind of resource
    // that a paraphrase of "ways of asking" takes in still asks for it (tune +4), and one of
    // its messages now ranks a right answer fourth (counts only).
    ("round50-holdout.toml", level(0.91, 1.0, 0.78, 239)),
    // Round 51, round 50's later writers, finished after tuning on round 50 had begun; its
    // tune half was tuned on at that stop's end (one change), its hold-out not.
    ("round51-tune.toml", level(0.93, 0.94, 1.0, 238)),
    ("round51-holdout.toml", level(0.90, 0.97, 0.8, 238)),
    ("round52-tune.toml", level(0.98, 1.0, 1.0, 177)),
    ("round52-holdout.toml", level(0.94, 0.95, 1.0, 176)),
    // Round 53, round 52's later writers, finished after tuning on round 52 had begun.
    ("round53-tune.toml", level(0.98, 1.0, 1.0, 152)),
    ("round53-holdout.toml", level(0.97, 0.95, 1.0, 152)),
    // Round 54, as it arrives from a chat app: the first of its stop's writers to finish.
    ("round54-tune.toml", level(1.0, 0.95, 1.0, 70)),
    ("round54-holdout.toml", level(1.0, 0.95, 0.8, 69)),
    // Round 55, round 54's second writer, finished after tuning on round 54 had begun.
    ("round55-tune.toml", level(1.0, 0.95, 1.0, 76)),
    ("round55-holdout.toml", level(0.97, 0.95, 0.8, 76)),
    // Round 56, round 54's third writer, finished after the stop's tuning: added untouched.
    ("round56-tune.toml", level(0.95, 1.0, 0.85, 75)),
    ("round56-holdout.toml", level(0.97, 0.85, 1.0, 75)),
    // Round 57, round 54's fourth writer, finished after its stop's closing checks: untouched.
    ("round57-tune.toml", level(0.97, 0.95, 1.0, 72)),
    // Its hold-out's off-topic floor went from 0.86 to 0.81 at round 111's stop: one message
    // lost to that stop's small-talk rules (its text unread).
    ("round57-holdout.toml", level(1.0, 0.81, 0.66, 72)),
    // Rounds 58 and 59, what they want it in: four writers, two to a round; their tune halves
    // tuned on.
    ("round58-tune.toml", level(1.0, 0.93, 1.0, 152)),
    ("round58-holdout.toml", level(0.94, 0.93, 1.0, 151)),
    ("round59-tune.toml", level(0.97, 0.97, 0.75, 142)),
    // Off-topic lowered (1.0 → 0.97) by round 107's stop: 42 → 41 of 42 with its changes
    // ("youtube" asking for videos, "40 min" saying how long, four-letter swaps of filler words,
    // …; over every round tune +3 on-topic and +2 off-topic with none lost, hold-out
    // off-topic 2 lost and 2 won). Which change it was is not looked for: it is a hold-out case.
    ("round59-holdout.toml", level(0.97, 0.97, 0.77, 141)),
    // Round 60, trying the bot out: added untouched.
    ("round60-tune.toml", level(0.95, 0.97, 0.87, 149)),
    // Off-topic lowered (0.95 → 0.92) by stop 66: 39 → 38 of 41 once the superlatives of
    // words that say nothing say nothing too (a change the tune halves did not move).
    ("round60-holdout.toml", level(1.0, 0.92, 1.0, 148)),
    // Round 61, an ordinary week: the first of six writers to finish; its tune half read
    // after it was measured untouched (47/47; then 46/47: "the gentlest intro to how GPT
    // works" was answered by a chance match of "coding" and is now answered with GPT pages
    // that are not the introductions).
    ("round61-tune.toml", level(0.97, 1.0, 1.0, 71)),
    ("round61-holdout.toml", level(0.95, 0.95, 0.75, 70)),
    // Round 62, an ordinary week: its second writer to finish, added untouched.
    ("round62-tune.toml", level(0.95, 0.95, 1.0, 69)),
    ("round62-holdout.toml", level(0.97, 0.9, 0.8, 68)),
    // Round 63, in the middle of real work: measured untouched with the stop's start (tune
    // 41/44, 33/34, 3/4; hold-out 43/46, 31/32, 3/4), then its tune half read and tuned on
    // (43/44, 33/34, 4/4).
    ("round63-tune.toml", level(0.97, 0.97, 1.0, 82)),
    ("round63-holdout.toml", level(0.93, 0.96, 0.75, 82)),
    // Round 64, in the middle of real work in English: measured untouched with the stop's
    // start (tune 21/24, 15/16, 2/2; hold-out 22/23, 16/16, 1/2), then its tune half read and
    // tuned on (22/24, 16/16, 2/2).
    ("round64-tune.toml", level(0.91, 1.0, 1.0, 42)),
    ("round64-holdout.toml", level(0.95, 1.0, 0.5, 41)),
    // Round 65, switching jobs or roles: measured untouched with the stop's start (tune 20/24,
    // 14/15, 2/3; hold-out 21/23, 15/17, 0/1), then its tune half read and tuned on (23/24,
    // 15/15, 3/3).
    ("round65-tune.toml", level(0.95, 1.0, 1.0, 42)),
    ("round65-holdout.toml", level(0.95, 0.88, 0.0, 41)),
    // Round 66, switching jobs or roles (mostly Chinese): measured untouched with the stop's start
    // (tune 20/23, 16/16, 1/2; hold-out 20/23, 16/16, 2/2), then its tune half read and tuned on
    // (22/23, 16/16, 2/2).
    ("round66-tune.toml", level(0.95, 1.0, 1.0, 41)),
    ("round66-holdout.toml", level(0.86, 1.0, 1.0, 41)),
    // Round 67, an ordinary week in a Chinese group: measured untouched with the stop's start (tune
    // 26/27, 16/16, 1/1; hold-out 23/23, 16/17, 3/3), then its tune half read and tuned on (26/27,
    // 16/16, 1/1).
    ("round67-tune.toml", level(0.96, 1.0, 1.0, 44)),
    ("round67-holdout.toml", level(1.0, 0.94, 1.0, 43)),
    // Round 68, an ordinary week on an English server: measured untouched with the stop's start
    // (tune 23/24, 14/16, 1/2; hold-out 23/24, 12/16, 1/2), then its tune half read and tuned on
    // (24/24, 16/16, 2/2).
    ("round68-tune.toml", level(1.0, 1.0, 1.0, 42)),
    ("round68-holdout.toml", level(0.95, 0.75, 0.5, 42)),
    // Round 69, students and researchers: measured untouched with the stop's start (tune 23/24,
    // 16/16, 2/2; hold-out 20/23, 16/16, 0/2), then its tune half read and tuned on (24/24, 16/16,
    // 2/2).
    ("round69-tune.toml", level(1.0, 1.0, 1.0, 42)),
    ("round69-holdout.toml", level(0.86, 1.0, 0.0, 41)),
    // Round 70, what I have to run it on: measured untouched with the stop's start (tune 23/26,
    // 15/16, 1/2; hold-out 20/24, 17/17, 2/2), then its tune half read and tuned on (25/26, 16/16,
    // 1/2).
    ("round70-tune.toml", level(0.96, 1.0, 0.5, 44)),
    ("round70-holdout.toml", level(0.83, 1.0, 1.0, 43)),
    // Round 71, people who are not engineers: measured untouched with the stop's start (tune 21/22,
    // 15/16, 2/3; hold-out 17/23, 16/16, 1/1), then its tune half read and tuned on (22/22, 15/16,
    // 3/3).
    ("round71-tune.toml", level(1.0, 0.93, 1.0, 41)),
    ("round71-holdout.toml", level(0.73, 1.0, 1.0, 40)),
    // Round 72, overseas Chinese engineers, code-switching: measured untouched with the stop's
    // start (tune 21/23, 15/16, 2/2; hold-out 23/23, 15/16, 2/2), then its tune half read and tuned
    // on (22/23, 16/16, 2/2).
    ("round72-tune.toml", level(0.95, 1.0, 1.0, 41)),
    ("round72-holdout.toml", level(1.0, 0.93, 1.0, 41)),
    // Round 73, questions asked in public (Chinese): measured untouched with the stop's start (tune
    // 20/23, 15/16, 2/2; hold-out 21/22, 16/16, 2/2), then its tune half read and tuned on (23/23,
    // 16/16, 2/2).
    ("round73-tune.toml", level(1.0, 1.0, 1.0, 41)),
    ("round73-holdout.toml", level(0.95, 1.0, 1.0, 40)),
    // Round 74, questions asked in public (English): measured untouched with the stop's start (tune
    // 20/23, 15/16, 1/2; hold-out 20/22, 15/16, 1/2), then its tune half read and tuned on (23/23,
    // 16/16, 2/2).
    ("round74-tune.toml", level(1.0, 1.0, 1.0, 41)),
    ("round74-holdout.toml", level(0.9, 0.93, 0.5, 40)),
    // Round 75, the next message in a chat: measured untouched with the stop's start (tune 22/22,
    // 16/16, 3/3; hold-out 24/24, 15/16, 1/1), then its tune half read and tuned on (22/22, 16/16,
    // 3/3).
    ("round75-tune.toml", level(1.0, 1.0, 1.0, 41)),
    ("round75-holdout.toml", level(0.95, 0.93, 1.0, 41)),
    // Round 76, pasted from the screen: measured untouched with the stop's start (tune 23/25,
    // 13/15, 1/2; hold-out 20/22, 15/17, 1/2), then its tune half read and tuned on (24/25, 15/15,
    // 2/2).
    ("round76-tune.toml", level(0.96, 1.0, 1.0, 42)),
    ("round76-holdout.toml", level(0.9, 0.88, 0.5, 41)),
    // Round 77, choosing between things: measured untouched with the stop's start (tune 22/24,
    // 16/16, 2/2; hold-out 23/24, 16/16, 1/2), then its tune half read and tuned on (22/24, 16/16,
    // 2/2).
    ("round77-tune.toml", level(0.91, 1.0, 1.0, 42)),
    ("round77-holdout.toml", level(0.95, 1.0, 0.5, 42)),
    // Round 78, very short messages: measured untouched with the stop's start (tune 21/24, 16/16,
    // 2/2; hold-out 22/24, 15/16, 2/2), then its tune half read and tuned on (21/24, 16/16, 2/2).
    ("round78-tune.toml", level(0.87, 1.0, 1.0, 42)),
    ("round78-holdout.toml", level(0.91, 0.93, 1.0, 42)),
    // Round 79, an ordinary week in a Chinese study group: measured untouched with the stop's start
    // (tune 23/25, 15/15, 0/1; hold-out 19/20, 17/17, 2/3), then its tune half read and tuned on
    // (24/25, 15/15, 1/1).
    ("round79-tune.toml", level(0.96, 1.0, 1.0, 41)),
    ("round79-holdout.toml", level(0.95, 1.0, 0.66, 40)),
    // Round 80, an ordinary week in an English Telegram group: measured untouched with the stop's
    // start (tune 22/24, 16/16, 2/2; hold-out 21/23, 15/16, 2/2), then its tune half read and tuned
    // on (23/24, 16/16, 2/2).
    ("round80-tune.toml", level(0.95, 1.0, 1.0, 42)),
    ("round80-holdout.toml", level(0.91, 0.93, 1.0, 41)),
    // Round 81, numbers and sizes: measured untouched with the stop's start (tune 22/23, 15/16,
    // 2/2; hold-out 19/22, 16/16, 1/2), then its tune half read and tuned on (23/23, 16/16, 2/2).
    ("round81-tune.toml", level(1.0, 1.0, 1.0, 41)),
    ("round81-holdout.toml", level(0.86, 1.0, 0.5, 40)),
    // Round 82, traditional Chinese and full-width text: measured untouched with the stop's start
    // (tune 21/24, 16/16, 2/2; hold-out 21/22, 17/17, 1/2), then its tune half read and tuned on
    // (23/24, 16/16, 2/2).
    ("round82-tune.toml", level(0.95, 1.0, 1.0, 42)),
    ("round82-holdout.toml", level(0.9, 1.0, 0.5, 41)),
    // Round 83, an ordinary week among Chinese students: measured untouched with the stop's start
    // (tune 20/24, 14/16, 2/2; hold-out 19/23, 16/16, 2/2), then its tune half read and tuned on
    // (23/24, 14/16, 2/2).
    ("round83-tune.toml", level(0.95, 0.87, 1.0, 42)),
    ("round83-holdout.toml", level(0.82, 1.0, 1.0, 41)),
    // Round 84, dictated by voice: measured untouched with the stop's start (tune 22/23, 15/16,
    // 2/2; hold-out 19/22, 14/16, 2/2), then its tune half read and tuned on (23/23, 15/16, 2/2).
    ("round84-tune.toml", level(1.0, 0.93, 1.0, 41)),
    ("round84-holdout.toml", level(0.86, 0.87, 1.0, 40)),
    // Round 85, people who run the machines: measured untouched with the stop's start (tune 20/22,
    // 15/16, 2/3; hold-out 23/24, 16/16, 0/1), then its tune half read and tuned on (21/22, 16/16,
    // 3/3).
    ("round85-tune.toml", level(0.95, 1.0, 1.0, 41)),
    ("round85-holdout.toml", level(0.95, 1.0, 0.0, 41)),
    // Round 86, asking for a kind or a language of resource: measured untouched with the stop's
    // start (tune 19/23, 17/17, 2/3; hold-out 25/26, 14/16, 1/1), then its tune half read and tuned
    // on (20/23, 17/17, 3/3).
    ("round86-tune.toml", level(0.86, 1.0, 1.0, 43)),
    ("round86-holdout.toml", level(0.96, 0.87, 1.0, 43)),
    // Round 87, newcomers to one topic: measured untouched with the stop's start (tune 19/21,
    // 16/17, 1/3; hold-out 22/25, 15/15, 1/1), then its tune half read and tuned on (21/21, 17/17,
    // 3/3).
    ("round87-tune.toml", level(1.0, 1.0, 1.0, 41)),
    ("round87-holdout.toml", level(0.88, 1.0, 1.0, 41)),
    // Round 88, describing without the name: measured untouched with the stop's start (tune 20/22,
    // 16/16, 2/3; hold-out 22/23, 15/16, 1/1), then its tune half read and tuned on (21/22, 16/16,
    // 3/3).
    ("round88-tune.toml", level(0.95, 1.0, 1.0, 41)),
    ("round88-holdout.toml", level(0.95, 0.93, 1.0, 40)),
    // Round 89, talking to the bot itself: measured untouched with the stop's start (tune 22/22,
    // 10/11, 5/11; hold-out 19/19, 11/13, 10/12), then its tune half read and tuned on (22/22,
    // 10/11, 9/11).
    ("round89-tune.toml", level(1.0, 0.9, 0.81, 44)),
    ("round89-holdout.toml", level(1.0, 0.84, 0.83, 44)),
    // Round 90, an ordinary week among Chinese students abroad: measured untouched with the stop's
    // start (tune 23/24, 13/16, 1/1; hold-out 18/21, 14/16, 2/3), then its tune half read and tuned
    // on (23/24, 14/16, 1/1).
    ("round90-tune.toml", level(0.95, 0.87, 1.0, 41)),
    ("round90-holdout.toml", level(0.85, 0.87, 0.66, 40)),
    // Round 91, an ordinary week in a Chinese Discord server of open-source contributors: measured
    // untouched with the stop's start (tune 22/24, 14/16, 1/1; hold-out 19/21, 16/16, 3/3), then
    // its tune half read and tuned on (23/24, 16/16, 1/1).
    ("round91-tune.toml", level(0.95, 1.0, 1.0, 41)),
    ("round91-holdout.toml", level(0.9, 1.0, 1.0, 40)),
    // Round 92, an ordinary week in an English Discord server of deep-learning course students:
    // measured untouched with the stop's start (tune 18/22, 16/16, 3/3; hold-out 22/24, 14/16,
    // 0/1), then its tune half read and tuned on (21/22, 16/16, 3/3).
    ("round92-tune.toml", level(0.95, 1.0, 1.0, 41)),
    ("round92-holdout.toml", level(0.95, 0.87, 0.0, 41)),
    // Round 93, asking on someone else's behalf: measured untouched with the stop's start (tune
    // 21/22, 16/17, 2/2; hold-out 22/23, 15/15, 2/2), then its tune half read and tuned on (21/22,
    // 16/17, 2/2).
    ("round93-tune.toml", level(0.95, 0.94, 1.0, 41)),
    ("round93-holdout.toml", level(0.95, 1.0, 1.0, 40)),
    // Round 94, one long message with context around the question: measured untouched with the
    // stop's start (tune 20/22, 15/16, 2/3; hold-out 21/23, 16/16, 1/1), then its tune half read
    // and tuned on (20/22, 16/16, 3/3).
    ("round94-tune.toml", level(0.9, 1.0, 1.0, 41)),
    ("round94-holdout.toml", level(0.91, 1.0, 1.0, 40)),
    // Round 95, an ordinary week in a company group of infrastructure and MLOps engineers: measured
    // untouched with the stop's start (tune 24/25, 15/15, 1/1; hold-out 18/20, 16/17, 3/3) and with
    // its head when it arrived (tune 24/25, 15/15, 1/1; hold-out 18/20, 16/17, 3/3), then its tune
    // half read and tuned on (24/25, 15/15, 1/1).
    ("round95-tune.toml", level(0.96, 1.0, 1.0, 41)),
    ("round95-holdout.toml", level(0.9, 0.94, 1.0, 40)),
    // Round 96, people who have just read the article: measured untouched with the stop's start
    // (tune 18/22, 14/16, 3/3; hold-out 23/24, 16/16, 1/1) and with its head when it arrived (tune
    // 18/22, 14/16, 3/3; hold-out 23/24, 16/16, 1/1), then its tune half read and tuned on (19/22,
    // 16/16, 3/3).
    ("round96-tune.toml", level(0.86, 1.0, 1.0, 41)),
    ("round96-holdout.toml", level(0.95, 1.0, 1.0, 41)),
    // Round 97, typed on a phone in a hurry: measured untouched with the stop's start (tune 22/23,
    // 17/17, 2/2; hold-out 23/25, 14/15, 2/2) and with its head when it arrived (tune 22/23, 17/17,
    // 2/2; hold-out 23/25, 14/15, 2/2), then its tune half read and tuned on (22/23, 17/17, 2/2).
    ("round97-tune.toml", level(0.95, 1.0, 1.0, 42)),
    ("round97-holdout.toml", level(0.92, 0.93, 1.0, 42)),
    // Round 98, researchers and graduate students reading papers: measured untouched with the
    // stop's start (tune 19/24, 14/16, 1/1; hold-out 20/22, 14/16, 3/3) and with its head when it
    // arrived (tune 19/24, 14/16, 1/1; hold-out 21/22, 14/16, 3/3), then its tune half read and
    // tuned on (22/24, 16/16, 1/1).
    ("round98-tune.toml", level(0.91, 1.0, 1.0, 41)),
    // The hold-out's hit@3 floor went from 0.95 to 0.90 at round 111's stop: one message lost
    // to that stop's two senses passes (its text unread).
    ("round98-holdout.toml", level(0.90, 0.87, 1.0, 41)),
    // Round 99, algorithm engineers at large Chinese companies: measured untouched with the stop's
    // start (tune 22/24, 16/16, 1/2; hold-out 23/23, 16/16, 2/2), then its tune half read and
    // tuned on (24/24, 16/16, 1/2).
    ("round99-tune.toml", level(1.0, 1.0, 0.5, 42)),
    ("round99-holdout.toml", level(1.0, 1.0, 1.0, 41)),
    // Round 100, English Telegram hobbyists running models at home: measured untouched with the
    // stop's start (tune 18/22, 16/16, 3/3; hold-out 20/24, 14/16, 1/1), then its tune half read
    // and tuned on (21/22, 16/16, 3/3).
    ("round100-tune.toml", level(0.95, 1.0, 1.0, 41)),
    ("round100-holdout.toml", level(0.83, 0.93, 1.0, 41)),
    // Round 101, people from neighbouring fields: measured untouched with the stop's start (tune
    // 22/23, 14/16, 2/2; hold-out 21/22, 15/16, 2/2), then its tune half read and tuned on (23/23,
    // 16/16, 2/2).
    ("round101-tune.toml", level(1.0, 1.0, 1.0, 41)),
    ("round101-holdout.toml", level(0.95, 0.93, 1.0, 40)),
    // Round 102, Chinese hardware, chip and compiler engineers: measured untouched with the stop's
    // start (tune 24/24, 16/16, 1/2; hold-out 24/24, 14/16, 2/2), then its tune half read and
    // tuned on (24/24, 16/16, 2/2).
    ("round102-tune.toml", level(1.0, 1.0, 1.0, 42)),
    ("round102-holdout.toml", level(1.0, 0.87, 1.0, 42)),
    // Round 103, Chinese application developers at startups: measured untouched with the stop's
    // start (tune 23/24, 15/16, 2/2; hold-out 24/24, 16/16, 2/2), then its tune half read and
    // tuned on (24/24, 16/16, 2/2).
    ("round103-tune.toml", level(1.0, 1.0, 1.0, 42)),
    ("round103-holdout.toml", level(1.0, 1.0, 1.0, 42)),
    // Round 104, an English Discord of people fine-tuning on their own GPUs: measured untouched
    // with the stop's start (tune 24/24, 15/16, 2/2; hold-out 21/24, 16/16, 2/2), then its tune
    // half read and tuned on (24/24, 16/16, 2/2).
    ("round104-tune.toml", level(1.0, 1.0, 1.0, 42)),
    ("round104-holdout.toml", level(0.87, 1.0, 1.0, 42)),
    // Round 105, people starting from zero on one broad question: measured untouched with the
    // stop's start (tune 20/24, 16/16, 2/2; hold-out 16/24, 15/16, 2/2), then its tune half read
    // and tuned on (24/24, 16/16, 2/2).
    ("round105-tune.toml", level(1.0, 1.0, 1.0, 42)),
    ("round105-holdout.toml", level(0.66, 0.93, 1.0, 42)),
    // Round 106, a Southeast Asian and Hong Kong community group: measured untouched with the
    // stop's start (tune 18/22, 15/16, 3/3; hold-out 23/24, 16/16, 1/1), then its tune half read
    // and tuned on (21/22, 16/16, 3/3).
    ("round106-tune.toml", level(0.95, 1.0, 1.0, 41)),
    ("round106-holdout.toml", level(0.95, 1.0, 1.0, 41)),
    // Round 107, a Chinese group of data people on LLM teams: measured untouched with the stop's
    // start (tune 23/25, 12/14, 1/1; hold-out 22/23, 14/14, 3/3), then its tune half read and
    // tuned on (24/25, 13/14, 1/1).
    ("round107-tune.toml", level(0.96, 0.92, 1.0, 40)),
    ("round107-holdout.toml", level(0.95, 1.0, 1.0, 40)),
    // Round 108, models on small and local devices: measured untouched with the stop's start
    // (tune 22/24, 14/14, 2/2; hold-out 22/24, 13/14, 1/2), then its tune half read and tuned on
    // (23/24, 14/14, 2/2).
    ("round108-tune.toml", level(0.95, 1.0, 1.0, 40)),
    ("round108-holdout.toml", level(0.91, 0.92, 0.5, 40)),
    // Round 109, an English group of developers from South Asia, Africa and the Philippines:
    // measured untouched with the stop's start (tune 24/24, 13/14, 2/2; hold-out 22/24, 14/14,
    // 2/2), then its tune half read and tuned on (unchanged).
    ("round109-tune.toml", level(1.0, 0.92, 1.0, 40)),
    ("round109-holdout.toml", level(0.91, 1.0, 1.0, 40)),
    // Round 110, game developers, writers and other creative people: measured untouched with the
    // stop's start (tune 22/24, 15/15, 1/1; hold-out 19/24, 13/13, 3/3), then its tune half read
    // and tuned on (unchanged).
    ("round110-tune.toml", level(0.91, 1.0, 1.0, 40)),
    ("round110-holdout.toml", level(0.79, 1.0, 1.0, 40)),
    // Round 111, IT staff of state-owned enterprises, banks and government units doing 信创:
    // measured untouched with the stop's start (tune 22/23, 14/14, 2/3; hold-out 24/25, 13/14,
    // 1/1), then its tune half read and tuned on (22/23, 14/14, 3/3).
    ("round111-tune.toml", level(0.95, 1.0, 1.0, 40)),
    ("round111-holdout.toml", level(0.96, 0.92, 1.0, 40)),
    // Round 112, the English Slack of a small startup's ML team: measured untouched with the
    // stop's start (tune 20/24, 13/14, 2/2; hold-out 22/24, 14/14, 1/2), then its tune half read
    // and tuned on (unchanged).
    ("round112-tune.toml", level(0.83, 0.92, 1.0, 40)),
    ("round112-holdout.toml", level(0.91, 1.0, 0.5, 40)),
    // Round 113, robotics, embodied-AI and autonomous-driving engineers: measured untouched with
    // the stop's start (tune 25/25, 14/14, 1/1; hold-out 22/23, 12/14, 3/3).
    ("round113-tune.toml", level(1.0, 1.0, 1.0, 40)),
    ("round113-holdout.toml", level(0.95, 0.85, 1.0, 40)),
    // Round 114, scientists and clinicians from other fields: measured untouched with the stop's
    // start (tune 23/24, 14/14, 2/2; hold-out 24/25, 11/13, 2/2), then its tune half read and
    // tuned on (unchanged).
    ("round114-tune.toml", level(0.95, 1.0, 1.0, 40)),
    ("round114-holdout.toml", level(0.96, 0.84, 1.0, 40)),
    // Round 115, job seekers preparing for LLM interviews: measured untouched with the stop's
    // start (tune 23/23, 14/14, 3/3; hold-out 24/25, 13/14, 1/1), then its tune half read and
    // tuned on (unchanged).
    ("round115-tune.toml", level(1.0, 1.0, 1.0, 40)),
    ("round115-holdout.toml", level(0.96, 0.92, 1.0, 40)),
    // Round 116, security, safety and compliance engineers: measured untouched with the stop's
    // start (tune 21/24, 13/14, 2/2; hold-out 24/24, 10/14, 2/2), then its tune half read and
    // tuned on (+1 on-topic, +1 off-topic).
    ("round116-tune.toml", level(0.91, 1.0, 1.0, 40)),
    ("round116-holdout.toml", level(1.0, 0.71, 1.0, 40)),
    // Round 117, quant and trading engineers: measured untouched with the stop's start (tune
    // 22/23, 13/14, 3/3; hold-out 24/25, 13/14, 0/1), then its tune half read and tuned on (+1
    // off-topic).
    ("round117-tune.toml", level(0.95, 1.0, 1.0, 40)),
    ("round117-holdout.toml", level(1.0, 0.92, 0.0, 40)),
    // Round 118, non-native speakers' English: measured untouched with the stop's start (tune
    // 24/24, 10/14, 1/2; hold-out 23/24, 13/14, 2/2), then its tune half read and tuned on (+3
    // off-topic, +1 small talk).
    ("round118-tune.toml", level(1.0, 0.92, 1.0, 40)),
    ("round118-holdout.toml", level(0.95, 0.92, 1.0, 40)),
    // Round 119, anxious self-learners at night: measured untouched with the stop's start (tune
    // 22/24, 13/14, 2/2; hold-out 24/24, 14/14, 2/2), then its tune half read and tuned on (+1
    // off-topic).
    ("round119-tune.toml", level(0.91, 1.0, 1.0, 40)),
    ("round119-holdout.toml", level(1.0, 1.0, 1.0, 40)),
    // Round 120, content creators scripting explainers: measured untouched with the stop's start
    // (tune 23/24, 13/14, 2/2; hold-out 23/24, 14/14, 2/2), then its tune half read and tuned on
    // (+1 on-topic, +1 off-topic).
    ("round120-tune.toml", level(1.0, 1.0, 1.0, 40)),
    ("round120-holdout.toml", level(0.95, 1.0, 1.0, 40)),
    // Round 121, formal letters from academics: measured untouched with the stop's start (tune
    // 21/23, 13/15, 2/2; hold-out 24/25, 9/13, 2/2), then its tune half read and tuned on (+2
    // on-topic, +2 off-topic).
    ("round121-tune.toml", level(1.0, 1.0, 1.0, 40)),
    ("round121-holdout.toml", level(0.96, 0.69, 1.0, 40)),
    // Round 122, local-model hobbyists' slang: measured untouched with the stop's start (tune
    // 22/24, 12/14, 2/2; hold-out 22/24, 14/14, 2/2), then its tune half read and tuned on (+1
    // on-topic, +1 off-topic).
    ("round122-tune.toml", level(0.95, 0.92, 1.0, 40)),
    ("round122-holdout.toml", level(0.91, 1.0, 1.0, 40)),
    // Round 123, Chinese internet slang and meme-speak: measured untouched with the stop's start
    // (tune 20/23, 13/15, 2/2; hold-out 24/25, 13/13, 2/2), then its tune half read and tuned on
    // (+3 on-topic).
    ("round123-tune.toml", level(1.0, 0.86, 1.0, 40)),
    ("round123-holdout.toml", level(0.96, 1.0, 1.0, 40)),
    // Round 124, competitors in LLM competitions: measured untouched with the stop's start (tune
    // 24/25, 11/14, 1/1; hold-out 22/23, 13/14, 2/3), then its tune half read and tuned on (+1
    // on-topic, +3 off-topic).
    ("round124-tune.toml", level(1.0, 1.0, 1.0, 40)),
    ("round124-holdout.toml", level(0.95, 0.92, 0.66, 40)),
    // Round 125, veteran engineers coming back: measured untouched with the stop's start (tune
    // 21/23, 14/14, 3/3; hold-out 23/25, 13/14, 1/1), then its tune half read and tuned on (+1
    // on-topic).
    ("round125-tune.toml", level(0.95, 1.0, 1.0, 40)),
    ("round125-holdout.toml", level(0.92, 0.92, 1.0, 40)),
    // Round 126, lecturers and TAs building a course: measured untouched with the stop's start
    // (tune 23/24, 12/14, 1/2; hold-out 24/24, 13/14, 2/2), then its tune half read and tuned on
    // (+1 on-topic, +2 off-topic).
    ("round126-tune.toml", level(1.0, 1.0, 0.5, 40)),
    ("round126-holdout.toml", level(1.0, 0.92, 1.0, 40)),
    // Round 127, engineers in traditional industries: measured untouched with the stop's start
    // (tune 20/22, 15/15, 3/3; hold-out 25/26, 11/13, 1/1), then its tune half read and tuned on
    // (unchanged).
    ("round127-tune.toml", level(0.9, 1.0, 1.0, 40)),
    ("round127-holdout.toml", level(0.96, 0.84, 1.0, 40)),
    // Round 128, high-school students and their parents: measured untouched with the stop's start
    // (tune 17/23, 15/15, 2/2; hold-out 22/25, 12/13, 2/2), then its tune half read and tuned on
    // (+4 on-topic).
    ("round128-tune.toml", level(0.91, 1.0, 1.0, 40)),
    ("round128-holdout.toml", level(0.88, 0.92, 1.0, 40)),
    // Round 129, developer relations and technical writers: measured untouched with the stop's
    // start (tune 22/23, 9/14, 3/3; hold-out 24/25, 12/14, 1/1), then its tune half read and tuned
    // on (+5 off-topic).
    ("round129-tune.toml", level(0.95, 1.0, 1.0, 40)),
    ("round129-holdout.toml", level(0.96, 0.85, 1.0, 40)),
    // Round 130, machine-translated messages: measured untouched with the stop's start (tune 20/23,
    // 15/15, 2/2; hold-out 24/25, 11/13, 1/2), then its tune half read and tuned on (unchanged).
    ("round130-tune.toml", level(0.86, 1.0, 1.0, 40)),
    ("round130-holdout.toml", level(0.96, 0.84, 0.5, 40)),
    // Round 131, famous models as the way in: measured untouched with the stop's start (tune
    // 24/24, 13/14, 2/2; hold-out 21/24, 9/14, 2/2), then its tune half read and tuned on (+1
    // off-topic).
    ("round131-tune.toml", level(1.0, 1.0, 1.0, 40)),
    ("round131-holdout.toml", level(0.87, 0.71, 1.0, 40)),
    // Round 132, heavy Chinese–English code-switching: measured untouched with the stop's start
    // (tune 25/25, 13/13, 2/2; hold-out 22/24, 14/14, 1/2), then its tune half read and tuned on
    // (unchanged).
    ("round132-tune.toml", level(1.0, 1.0, 1.0, 40)),
    ("round132-holdout.toml", level(0.91, 1.0, 0.5, 40)),
    // Round 133, network and storage engineers: measured untouched with the stop's start (tune
    // 21/23, 14/15, 2/2; hold-out 23/25, 13/13, 2/2), then its tune half read and tuned on (+1
    // off-topic).
    ("round133-tune.toml", level(0.91, 1.0, 1.0, 40)),
    ("round133-holdout.toml", level(0.92, 1.0, 1.0, 40)),
    // Round 134, Gen-Z English on Discord: measured untouched with the stop's start (tune 23/24,
    // 10/14, 1/2; hold-out 24/24, 9/14, 2/2), then its tune half read and tuned on (+1 on-topic,
    // +4 off-topic, +1 small talk).
    ("round134-tune.toml", level(1.0, 1.0, 1.0, 40)),
    ("round134-holdout.toml", level(1.0, 0.64, 1.0, 40)),
    // Round 135, constraints and exclusions: measured untouched with the stop's start (tune 20/24,
    // 11/14, 2/2; hold-out 22/24, 12/14, 1/2), then its tune half read and tuned on (+2 on-topic,
    // +2 off-topic).
    ("round135-tune.toml", level(0.91, 0.92, 1.0, 40)),
    ("round135-holdout.toml", level(0.91, 0.85, 0.5, 40)),
    // Round 136, formal and bureaucratic Chinese: measured untouched with the stop's start (tune
    // 22/23, 13/14, 1/3; hold-out 23/25, 13/14, 1/1), then its tune half read and tuned on (+1
    // off-topic, +2 small talk).
    ("round136-tune.toml", level(0.95, 1.0, 1.0, 40)),
    ("round136-holdout.toml", level(0.92, 0.92, 1.0, 40)),
    // Round 137, training runs going wrong, in words: measured untouched with the stop's start
    // (tune 22/25, 14/14, 1/1; hold-out 22/23, 14/14, 3/3), then its tune half read and tuned on
    // (+1 on-topic).
    ("round137-tune.toml", level(0.92, 1.0, 1.0, 40)),
    ("round137-holdout.toml", level(0.95, 1.0, 1.0, 40)),
    // Round 138, career changers from outside tech: measured untouched with the stop's start (tune
    // 22/24, 9/14, 2/2; hold-out 23/24, 12/14, 2/2), then its tune half read and tuned on (+1
    // on-topic, +5 off-topic).
    ("round138-tune.toml", level(0.95, 1.0, 1.0, 40)),
    ("round138-holdout.toml", level(0.95, 0.85, 1.0, 40)),
    // Round 139, Japanese and Korean engineers writing Chinese: measured untouched with the stop's
    // start and with its build when it arrived, the same (tune 23/23, 12/14, 3/3; hold-out 23/25,
    // 13/14, 1/1), then its tune half read and tuned on (+2 off-topic).
    ("round139-tune.toml", level(1.0, 1.0, 1.0, 40)),
    ("round139-holdout.toml", level(0.92, 0.92, 1.0, 40)),
    // Round 140, rented and free cloud machines: measured untouched with the stop's start and with
    // its build when it arrived, the same (tune 23/23, 11/14, 3/3; hold-out 25/25, 14/14, 1/1),
    // then its tune half read and tuned on (+3 off-topic).
    ("round140-tune.toml", level(1.0, 1.0, 1.0, 40)),
    ("round140-holdout.toml", level(1.0, 1.0, 1.0, 40)),
    // Round 141, judging whether a model got better: measured untouched with the stop's start and
    // with its build when it arrived, the same (tune 20/23, 11/15, 2/2; hold-out 22/25, 10/13,
    // 2/2), then its tune half read and tuned on (+4 off-topic).
    ("round141-tune.toml", level(0.86, 1.0, 1.0, 40)),
    ("round141-holdout.toml", level(0.88, 0.84, 1.0, 40)),
    // Round 142, systems programmers writing inference: measured untouched with the stop's start
    // and with its build when it arrived, the same (tune 23/23, 14/14, 3/3; hold-out 25/25, 12/14,
    // 0/1), then its tune half read and tuned on (unchanged).
    ("round142-tune.toml", level(1.0, 1.0, 1.0, 40)),
    ("round142-holdout.toml", level(1.0, 0.85, 0.0, 40)),
    // Round 143, frustrated, sarcastic or rude users: measured untouched with the stop's start and
    // with its build when it arrived, the same (tune 21/24, 12/14, 1/2; hold-out 24/24, 12/14,
    // 1/2), then its tune half read and tuned on (+3 on-topic, +2 off-topic, +1 small talk).
    ("round143-tune.toml", level(1.0, 1.0, 1.0, 40)),
    ("round143-holdout.toml", level(1.0, 0.85, 0.5, 40)),
    // Round 144, Chinese undergraduates' course projects and theses: measured untouched with the
    // stop's start and with its build when it arrived, the same (tune 22/23, 13/14, 3/3; hold-out
    // 26/26, 13/13, 1/1), then its tune half read and tuned on (+1 off-topic).
    ("round144-tune.toml", level(0.95, 1.0, 1.0, 40)),
    ("round144-holdout.toml", level(1.0, 1.0, 1.0, 40)),
    // Round 145, the mathematics behind models: measured untouched with the stop's start and with
    // its build when it arrived, the same (tune 20/23, 14/15, 2/2; hold-out 23/25, 13/13, 2/2),
    // then its tune half read and tuned on (+1 on-topic, +1 off-topic).
    ("round145-tune.toml", level(0.91, 1.0, 1.0, 40)),
    ("round145-holdout.toml", level(0.92, 1.0, 1.0, 40)),
    // Round 146, planning and buying a small GPU lab: measured untouched with the stop's start and
    // with its build when it arrived, the same (tune 21/25, 11/14, 1/1; hold-out 23/23, 11/14,
    // 2/3), then its tune half read and tuned on (+3 off-topic).
    ("round146-tune.toml", level(0.84, 1.0, 1.0, 40)),
    ("round146-holdout.toml", level(1.0, 0.78, 0.66, 40)),
    // Round 147, asking by author, site or source: measured untouched with the stop's start (tune
    // 24/24, 10/14, 1/2; hold-out 22/24, 11/14, 2/2), then its tune half read and tuned on (+2
    // off-topic, +1 small talk).
    ("round147-tune.toml", level(1.0, 0.85, 1.0, 40)),
    ("round147-holdout.toml", level(0.91, 0.78, 1.0, 40)),
    // Round 148, terms across languages: measured untouched with the stop's start (tune 24/25,
    // 10/13, 2/2; hold-out 22/23, 11/15, 2/2), then its tune half read and tuned on (+1 on-topic).
    ("round148-tune.toml", level(1.0, 0.76, 1.0, 40)),
    ("round148-holdout.toml", level(0.95, 0.73, 1.0, 40)),
    // Round 149, a link or a title in hand: measured untouched with the stop's start (tune 23/24,
    // 13/14, 2/2; hold-out 22/24, 10/14, 1/2), then its tune half read and tuned on (no case of it
    // gained).
    ("round149-tune.toml", level(0.95, 0.92, 1.0, 40)),
    ("round149-holdout.toml", level(0.91, 0.71, 0.5, 40)),
    // Round 150, reading source code: measured untouched with the stop's start (tune 24/24, 5/13,
    // 3/3; hold-out 23/24, 12/15, 1/1), then its tune half read and tuned on (+1 off-topic).
    ("round150-tune.toml", level(1.0, 0.46, 1.0, 40)),
    ("round150-holdout.toml", level(0.95, 0.8, 1.0, 40)),
    // Round 151, checking a claim they heard: measured untouched with the stop's start (tune
    // 22/23, 12/14, 3/3; hold-out 24/25, 13/14, 0/1), then its tune half read and tuned on (+2
    // off-topic).
    ("round151-tune.toml", level(0.95, 1.0, 1.0, 40)),
    ("round151-holdout.toml", level(0.96, 0.92, 0.0, 40)),
    // Round 152, is it still current: measured untouched with the stop's start (tune 25/25, 14/14,
    // 1/1; hold-out 22/23, 12/14, 3/3), then its tune half read and tuned on (no case of it
    // gained).
    ("round152-tune.toml", level(1.0, 1.0, 1.0, 40)),
    ("round152-holdout.toml", level(0.95, 0.85, 1.0, 40)),
    // Round 153, long context and memory: measured untouched with the stop's start (tune 19/24,
    // 12/14, 1/2; hold-out 21/24, 12/14, 2/2), then its tune half read and tuned on (+4 on-topic,
    // +1 off-topic, +1 small talk).
    ("round153-tune.toml", level(0.95, 0.92, 1.0, 40)),
    ("round153-holdout.toml", level(0.87, 0.85, 1.0, 40)),
    // Round 154, reading groups and study plans: measured untouched with the stop's start (tune
    // 24/25, 12/13, 2/2; hold-out 21/23, 13/15, 2/2), then its tune half read and tuned on (+1
    // off-topic); its hold-out half, never read, moved by +1 on-topic.
    ("round154-tune.toml", level(0.96, 1.0, 1.0, 40)),
    ("round154-holdout.toml", level(0.95, 0.86, 1.0, 40)),
    // Round 155, how much time I have: measured untouched with the stop's start (tune 21/24,
    // 12/14, 2/2; hold-out 24/24, 13/14, 2/2), then its tune half read and tuned on (+1 on-topic,
    // +1 off-topic).
    ("round155-tune.toml", level(0.91, 0.92, 1.0, 40)),
    ("round155-holdout.toml", level(1.0, 0.92, 1.0, 40)),
    // Round 156, two or three questions in one message: measured untouched with the stop's start
    // (tune 25/25, 7/13, 2/2; hold-out 21/23, 14/15, 2/2), then its tune half read and tuned on
    // (+4 off-topic).
    ("round156-tune.toml", level(1.0, 0.84, 1.0, 40)),
    ("round156-holdout.toml", level(0.91, 0.93, 1.0, 40)),
    // Round 157, explain it like I'm five: measured untouched with the stop's start (tune 20/24,
    // 13/14, 2/2; hold-out 21/24, 12/14, 1/2), then its tune half read and tuned on (+3 on-topic,
    // +1 off-topic); its hold-out half, never read, moved by +1 on-topic, -1 off-topic.
    ("round157-tune.toml", level(0.95, 1.0, 1.0, 40)),
    ("round157-holdout.toml", level(0.91, 0.78, 0.5, 40)),
    // Round 158, the history of the field: measured untouched with the stop's start (tune 23/23,
    // 8/15, 2/2; hold-out 23/25, 11/13, 2/2), then its tune half read and tuned on (+2 off-topic).
    ("round158-tune.toml", level(1.0, 0.66, 1.0, 40)),
    ("round158-holdout.toml", level(0.92, 0.84, 1.0, 40)),
    // Round 159, running a model for many users: measured untouched with the stop's start (tune
    // 20/25, 10/13, 2/2; hold-out 21/23, 12/15, 2/2), then its tune half read and tuned on (+2
    // on-topic, +1 off-topic).
    ("round159-tune.toml", level(0.88, 0.84, 1.0, 40)),
    ("round159-holdout.toml", level(0.91, 0.8, 1.0, 40)),
    // Round 160, tokens, vocabularies and Chinese text: measured untouched with the stop's start
    // (tune 21/23, 10/14, 3/3; hold-out 21/25, 10/14, 1/1), then its tune half read and tuned on
    // (+2 on-topic).
    ("round160-tune.toml", level(1.0, 0.71, 1.0, 40)),
    ("round160-holdout.toml", level(0.84, 0.71, 1.0, 40)),
    // Round 161, indirect, hedged and very polite requests: measured untouched with the stop's
    // start (tune 23/24, 14/14, 2/2; hold-out 23/24, 12/14, 1/2), then its tune half read and
    // tuned on (no case of it gained).
    ("round161-tune.toml", level(0.95, 1.0, 1.0, 40)),
    ("round161-holdout.toml", level(0.95, 0.85, 0.5, 40)),
    // Round 162, Chinese written as it is spoken in regions: measured untouched with the stop's
    // start (tune 25/25, 13/14, 1/1; hold-out 23/23, 14/14, 3/3), then its tune half read and
    // tuned on (+1 off-topic).
    ("round162-tune.toml", level(1.0, 1.0, 1.0, 40)),
    ("round162-holdout.toml", level(1.0, 1.0, 1.0, 40)),
    // Round 163, common mistakes and what not to do: measured untouched with the stop's start
    // (tune 20/24, 13/14, 2/2; hold-out 22/24, 14/14, 2/2), then its tune half read and tuned on
    // (+3 on-topic).
    ("round163-tune.toml", level(0.95, 0.92, 1.0, 40)),
    ("round163-holdout.toml", level(0.91, 1.0, 1.0, 40)),
    // Round 164, hands-on practice: measured untouched with the stop's start (tune 22/24, 13/14,
    // 2/2; hold-out 23/24, 13/14, 2/2), then its tune half read and tuned on (+1 off-topic).
    ("round164-tune.toml", level(0.91, 1.0, 1.0, 40)),
    ("round164-holdout.toml", level(0.95, 0.92, 1.0, 40)),
    // Round 165, pinyin, initials and Chinese internet abbreviations: measured untouched with the
    // stop's start (tune 25/25, 14/14, 1/1; hold-out 22/24, 12/13, 3/3), then its tune half read
    // and tuned on (no case of it gained).
    ("round165-tune.toml", level(1.0, 1.0, 1.0, 40)),
    ("round165-holdout.toml", level(0.91, 0.92, 1.0, 40)),
    // Round 166, settling an argument or a bet: measured untouched with the stop's start (tune
    // 23/25, 12/13, 1/2; hold-out 23/23, 15/15, 2/2), then its tune half read and tuned on (+1
    // on-topic, +1 off-topic).
    ("round166-tune.toml", level(0.96, 1.0, 0.5, 40)),
    ("round166-holdout.toml", level(1.0, 1.0, 1.0, 40)),
    // Round 167, newsletter, blog and community curators: measured untouched with the stop's start
    // (tune 22/24, 13/14, 1/2; hold-out 23/24, 14/14, 2/2), then its tune half read and tuned on
    // (+1 on-topic, +1 off-topic).
    ("round167-tune.toml", level(0.95, 1.0, 0.5, 40)),
    ("round167-holdout.toml", level(0.95, 1.0, 1.0, 40)),
    // Round 168, on-call engineers whose service or job misbehaves: measured untouched with the
    // stop's start (tune 24/24, 14/14, 1/2; hold-out 23/24, 14/14, 1/2), then its tune half read
    // and tuned on (+1 small talk).
    ("round168-tune.toml", level(1.0, 1.0, 1.0, 40)),
    ("round168-holdout.toml", level(0.95, 1.0, 0.5, 40)),
    // Round 169, people from vision, speech, recommendation and multimodal work: measured
    // untouched with the stop's start (tune 23/25, 11/13, 2/2; hold-out 23/24, 14/14, 2/2), then
    // its tune half read and tuned on (+1 on-topic, +2 off-topic).
    ("round169-tune.toml", level(0.96, 1.0, 1.0, 40)),
    ("round169-holdout.toml", level(0.95, 1.0, 1.0, 40)),
    // Round 170, engineers relating the field to what they know: measured untouched with the
    // stop's start (tune 20/24, 13/14, 2/2; hold-out 21/24, 13/14, 2/2), then its tune half read
    // and tuned on (+1 on-topic, +1 off-topic).
    ("round170-tune.toml", level(0.87, 1.0, 1.0, 40)),
    ("round170-holdout.toml", level(0.87, 0.92, 1.0, 40)),
    // Round 171, literary, classical-flavoured and flowery writing: measured untouched with the
    // stop's start (tune 13/24, 14/14, 0/2; hold-out 14/24, 12/14, 0/2), then its tune half read
    // and tuned on (+7 on-topic, +2 small talk); its hold-out half, never read, moved by +3
    // on-topic.
    ("round171-tune.toml", level(0.83, 1.0, 1.0, 40)),
    ("round171-holdout.toml", level(0.7, 0.85, 0.0, 40)),
    // Round 172, reviewing a colleague's design doc, pull request or plan: measured untouched with
    // the stop's start (tune 23/24, 14/14, 2/2; hold-out 23/24, 13/14, 2/2), then its tune half
    // read and tuned on (no case of it gained).
    ("round172-tune.toml", level(0.95, 1.0, 1.0, 40)),
    ("round172-holdout.toml", level(0.95, 0.92, 1.0, 40)),
    // Round 173, people on hardware other than NVIDIA: measured untouched with the stop's start
    // (tune 23/23, 13/15, 2/2; hold-out 23/25, 13/13, 2/2), then its tune half read and tuned on
    // (+2 off-topic).
    ("round173-tune.toml", level(1.0, 1.0, 1.0, 40)),
    ("round173-holdout.toml", level(0.92, 1.0, 1.0, 40)),
    // Round 174, number formats and precision: measured untouched with the stop's start (tune
    // 23/24, 14/14, 2/2; hold-out 21/24, 14/14, 1/2), then its tune half read and tuned on (no
    // case of it gained).
    ("round174-tune.toml", level(0.95, 1.0, 1.0, 40)),
    ("round174-holdout.toml", level(0.87, 1.0, 0.5, 40)),
    // Round 175, metaphors and analogies from everyday life: measured untouched with the stop's
    // start (tune 22/23, 13/14, 3/3; hold-out 21/26, 13/13, 1/1), then its tune half read and
    // tuned on (+1 on-topic, +1 off-topic).
    ("round175-tune.toml", level(1.0, 1.0, 1.0, 40)),
    ("round175-holdout.toml", level(0.8, 1.0, 1.0, 40)),
    // Round 176, onboarding a new teammate: measured untouched with the stop's start (tune 23/24,
    // 14/14, 2/2; hold-out 23/24, 12/14, 2/2), then its tune half read and tuned on (no case of it
    // gained).
    ("round176-tune.toml", level(0.95, 1.0, 1.0, 40)),
    ("round176-holdout.toml", level(0.95, 0.85, 1.0, 40)),
    // Round 177, heavy typos inside whole sentences: measured untouched with the stop's start
    // (tune 24/24, 14/14, 2/2; hold-out 24/24, 14/14, 2/2), then its tune half read and tuned on
    // (no case of it gained).
    ("round177-tune.toml", level(1.0, 1.0, 1.0, 40)),
    ("round177-holdout.toml", level(1.0, 1.0, 1.0, 40)),
    // Round 178, journalists, analysts and investors doing homework on AI infrastructure: measured
    // untouched with the stop's start (tune 21/23, 11/15, 2/2; hold-out 24/25, 12/13, 2/2), then
    // its tune half read and tuned on (+3 off-topic).
    ("round178-tune.toml", level(0.91, 0.93, 1.0, 40)),
    ("round178-holdout.toml", level(0.96, 0.92, 1.0, 40)),
    // Round 179, messages typed the way people type into a search engine: measured untouched with
    // the stop's start (tune 23/25, 12/13, 2/2; hold-out 23/23, 15/15, 2/2), then its tune half
    // read and tuned on (no case of it gained).
    ("round179-tune.toml", level(0.92, 0.92, 1.0, 40)),
    ("round179-holdout.toml", level(1.0, 1.0, 1.0, 40)),
    // Round 180, browsing the catalogue rather than asking one question: measured untouched with
    // the stop's start (tune 23/24, 12/14, 1/2; hold-out 23/24, 13/14, 2/2), then its tune half
    // read and tuned on (+2 off-topic, +1 small talk).
    ("round180-tune.toml", level(0.95, 1.0, 1.0, 40)),
    ("round180-holdout.toml", level(0.95, 0.92, 1.0, 40)),
    // Round 181, developers from other programming-language ecosystems: measured untouched with
    // the stop's start (tune 23/25, 11/13, 2/2; hold-out 23/24, 12/14, 2/2), then its tune half
    // read and tuned on (+1 on-topic).
    ("round181-tune.toml", level(0.96, 0.84, 1.0, 40)),
    ("round181-holdout.toml", level(0.95, 0.85, 1.0, 40)),
    // Round 182, owners and managers of small businesses: measured untouched with the stop's start
    // (tune 19/23, 13/15, 1/2; hold-out 22/25, 11/13, 2/2), then its tune half read and tuned on
    // (+2 off-topic, +1 small talk).
    ("round182-tune.toml", level(0.82, 1.0, 1.0, 40)),
    ("round182-holdout.toml", level(0.88, 0.84, 1.0, 40)),
    // Round 183, learners of Chinese as a foreign language: measured untouched with the stop's
    // start (tune 20/23, 14/14, 2/3; hold-out 23/25, 13/14, 1/1), then its tune half read and
    // tuned on (+2 on-topic, +1 small talk); its hold-out half, never read, moved by +1 on-topic.
    ("round183-tune.toml", level(0.95, 1.0, 1.0, 40)),
    ("round183-holdout.toml", level(0.96, 0.92, 1.0, 40)),
    // Round 184, data-centre facility people: measured untouched with the stop's start (tune
    // 21/24, 14/15, 0/1; hold-out 24/24, 11/13, 3/3), then its tune half read and tuned on (+1
    // off-topic, +1 small talk).
    ("round184-tune.toml", level(0.87, 1.0, 1.0, 40)),
    ("round184-holdout.toml", level(1.0, 0.84, 1.0, 40)),
    // Round 185, messages that quote something and ask about it: measured untouched with the
    // stop's start (tune 23/24, 14/14, 1/2; hold-out 23/24, 13/14, 2/2), then its tune half read
    // and tuned on (+1 on-topic, +1 small talk).
    ("round185-tune.toml", level(1.0, 1.0, 1.0, 40)),
    ("round185-holdout.toml", level(0.95, 0.92, 1.0, 40)),
    // Round 186, questions that name versions, releases and years: measured untouched with the
    // stop's start (tune 23/23, 15/15, 2/2; hold-out 25/25, 12/13, 2/2), then its tune half read
    // and tuned on (no case of it gained).
    ("round186-tune.toml", level(1.0, 1.0, 1.0, 40)),
    ("round186-holdout.toml", level(1.0, 0.92, 1.0, 40)),
    ("round187-tune.toml", level(1.0, 1.0, 0.5, 42)),
    ("round187-holdout.toml", level(0.92, 0.78, 0.5, 41)),
    ("round188-tune.toml", level(1.0, 1.0, 0.0, 42)),
    ("round188-holdout.toml", level(0.84, 0.78, 0.66, 42)),
    ("round189-tune.toml", level(1.0, 1.0, 1.0, 45)),
    ("round189-holdout.toml", level(0.96, 0.92, 1.0, 44)),
    ("round190-tune.toml", level(1.0, 1.0, 1.0, 42)),
    ("round190-holdout.toml", level(1.0, 1.0, 0.66, 42)),
    ("round191-tune.toml", level(0.92, 1.0, 1.0, 44)),
    ("round191-holdout.toml", level(0.92, 1.0, 0.0, 43)),
    ("round192-tune.toml", level(0.96, 1.0, 1.0, 44)),
    ("round192-holdout.toml", level(0.85, 1.0, 1.0, 44)),
    ("round193-tune.toml", level(1.0, 1.0, 1.0, 44)),
    ("round193-holdout.toml", level(0.88, 0.92, 0.66, 43)),
    ("round194-tune.toml", level(0.96, 1.0, 1.0, 44)),
    ("round194-holdout.toml", level(1.0, 0.92, 0.5, 44)),
    // Rounds 195 to 202, by blind writers: measured untouched with the stop's start (a235189),
    // then their tune halves read and tuned on; the floors are where the end left each half.
    ("round195-tune.toml", level(1.0, 0.84, 1.0, 42)),
    ("round195-holdout.toml", level(0.91, 1.0, 1.0, 41)),
    ("round196-tune.toml", level(1.0, 0.92, 1.0, 41)),
    ("round196-holdout.toml", level(1.0, 0.92, 1.0, 40)),
    ("round197-tune.toml", level(0.96, 0.92, 1.0, 44)),
    ("round197-holdout.toml", level(1.0, 0.85, 1.0, 43)),
    ("round198-tune.toml", level(0.96, 1.0, 1.0, 44)),
    ("round198-holdout.toml", level(1.0, 1.0, 0.0, 44)),
    ("round199-tune.toml", level(0.96, 1.0, 0.5, 43)),
    ("round199-holdout.toml", level(0.96, 1.0, 0.5, 43)),
    ("round200-tune.toml", level(0.92, 1.0, 1.0, 42)),
    ("round200-holdout.toml", level(0.83, 0.93, 1.0, 41)),
    ("round201-tune.toml", level(1.0, 0.92, 1.0, 43)),
    ("round201-holdout.toml", level(0.84, 1.0, 0.66, 43)),
    ("round202-tune.toml", level(0.96, 1.0, 1.0, 44)),
    ("round202-holdout.toml", level(0.92, 1.0, 1.0, 44)),
    ("round203-tune.toml", level(1.0, 1.0, 1.0, 43)),
    ("round203-holdout.toml", level(1.0, 1.0, 1.0, 42)),
    ("round204-tune.toml", level(0.89, 1.0, 1.0, 43)),
    ("round204-holdout.toml", level(0.96, 0.86, 1.0, 42)),
    ("round205-tune.toml", level(1.0, 1.0, 0.5, 43)),
    ("round205-holdout.toml", level(0.88, 1.0, 1.0, 42)),
    ("round206-tune.toml", level(1.0, 1.0, 1.0, 43)),
    ("round206-holdout.toml", level(0.96, 0.92, 1.0, 42)),
    ("round207-tune.toml", level(1.0, 1.0, 0.5, 43)),
    ("round207-holdout.toml", level(1.0, 0.92, 0.0, 43)),
    ("round208-tune.toml", level(1.0, 1.0, 0.66, 43)),
    ("round208-holdout.toml", level(0.96, 0.92, 1.0, 42)),
    ("round209-tune.toml", level(1.0, 1.0, 0.66, 43)),
    ("round209-holdout.toml", level(0.96, 1.0, 1.0, 43)),
    ("round210-tune.toml", level(1.0, 1.0, 1.0, 43)),
    ("round210-holdout.toml", level(0.92, 1.0, 0.5, 42)),
    ("round211-tune.toml", level(0.92, 0.92, 1.0, 42)),
    ("round211-holdout.toml", level(0.92, 1.0, 1.0, 42)),
    ("round212-tune.toml", level(0.96, 0.8, 1.0, 42)),
    ("round212-holdout.toml", level(0.96, 0.92, 0.5, 42)),
    ("round213-tune.toml", level(0.88, 0.92, 0.5, 43)),
    ("round213-holdout.toml", level(0.91, 1.0, 1.0, 43)),
    ("round214-tune.toml", level(0.92, 0.84, 1.0, 43)),
    ("round214-holdout.toml", level(1.0, 1.0, 1.0, 42)),
    ("round215-tune.toml", level(1.0, 0.92, 1.0, 42)),
    ("round215-holdout.toml", level(0.92, 0.92, 0.5, 41)),
    ("round216-tune.toml", level(1.0, 1.0, 1.0, 42)),
    ("round216-holdout.toml", level(0.96, 1.0, 1.0, 42)),
    ("round217-tune.toml", level(1.0, 1.0, 1.0, 40)),
    ("round217-holdout.toml", level(0.96, 1.0, 1.0, 40)),
    ("round218-tune.toml", level(0.96, 0.92, 1.0, 42)),
    ("round218-holdout.toml", level(0.96, 1.0, 0.66, 42)),
    ("round219-tune.toml", level(0.93, 1.0, 0.0, 43)),
    ("round219-holdout.toml", level(0.96, 1.0, 0.66, 43)),
    ("round220-tune.toml", level(1.0, 1.0, 1.0, 43)),
    ("round220-holdout.toml", level(1.0, 1.0, 1.0, 43)),
    ("round221-tune.toml", level(0.92, 0.92, 0.5, 41)),
    ("round221-holdout.toml", level(0.91, 0.8, 1.0, 41)),
    ("round222-tune.toml", level(0.96, 1.0, 1.0, 43)),
    ("round222-holdout.toml", level(0.96, 0.92, 0.5, 42)),
    ("round223-tune.toml", level(0.96, 1.0, 1.0, 43)),
    ("round223-holdout.toml", level(0.8, 1.0, 0.66, 43)),
    ("round224-tune.toml", level(0.77, 1.0, 0.0, 43)),
    ("round224-holdout.toml", level(0.72, 1.0, 0.5, 42)),
    ("round225-tune.toml", level(0.93, 0.92, 1.0, 45)),
    ("round225-holdout.toml", level(0.92, 0.92, 1.0, 44)),
    ("round226-tune.toml", level(0.95, 0.86, 1.0, 42)),
    ("round226-holdout.toml", level(0.85, 0.92, 1.0, 42)),
    ("round227-tune.toml", level(1.0, 1.0, 1.0, 45)),
    ("round227-holdout.toml", level(1.0, 1.0, 0.5, 45)),
    ("round228-tune.toml", level(0.96, 1.0, 1.0, 42)),
    ("round228-holdout.toml", level(0.96, 0.93, 1.0, 42)),
    ("round229-tune.toml", level(0.92, 0.86, 1.0, 43)),
    ("round229-holdout.toml", level(0.92, 0.92, 0.0, 43)),
    ("round230-tune.toml", level(0.96, 0.92, 1.0, 42)),
    ("round230-holdout.toml", level(1.0, 1.0, 1.0, 42)),
    ("round231-tune.toml", level(0.92, 0.92, 1.0, 43)),
    ("round231-holdout.toml", level(0.88, 1.0, 0.66, 43)),
    ("round232-tune.toml", level(0.88, 1.0, 1.0, 42)),
    ("round232-holdout.toml", level(0.96, 0.93, 1.0, 42)),
    ("round233-tune.toml", level(0.96, 0.92, 1.0, 41)),
    ("round233-holdout.toml", level(1.0, 0.86, 0.5, 41)),
    ("round234-tune.toml", level(1.0, 1.0, 1.0, 44)),
    ("round234-holdout.toml", level(1.0, 1.0, 1.0, 43)),
];

/// What is wrong with a half against its floors, if anything.
fn shortfall(engine: &Engine, text: &str, name: &str, level: &Level) -> Option<String> {
    let cases = golden::load(text, name);
    if cases.len() < level.cases {
        return Some(format!("{name} has only {} cases", cases.len()));
    }
    let (got, failures) = rates(engine, &cases);
    let short: Vec<String> = [
        ("hit@3", got.on_topic, level.hit3),
        ("off-topic with no links", got.off_topic, level.off_topic),
        ("small talk recognised", got.small_talk, level.small_talk),
    ]
    .iter()
    .filter(|(_, got, floor)| got < floor)
    .map(|(what, got, floor)| format!("{name}: {what} {got:.3} < {floor}"))
    .collect();
    if short.is_empty() {
        return None;
    }
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
    Some(format!("{}\n{report}", short.join("\n")))
}

fn check(text: &str, name: &str, level: &Level) {
    let engine = Engine::shipped().unwrap();
    if let Some(shortfall) = shortfall(&engine, text, name, level) {
        panic!("{shortfall}");
    }
}

#[test]
fn tune_half_holds_its_level() {
    check(golden::CONVERSATION_TUNE, "tune.toml", &TUNE);
}

#[test]
fn held_out_half_holds_its_level() {
    check(golden::CONVERSATION_HOLDOUT, "holdout.toml", &HOLDOUT);
}

/// Every later round's halves, each against its floors; all shortfalls are reported together.
#[test]
fn every_later_round_holds_its_level() {
    let files: Vec<&str> = golden::ROUNDS.iter().map(|&(file, _)| file).collect();
    let floored: Vec<&str> = ROUND_LEVELS.iter().map(|&(file, _)| file).collect();
    assert_eq!(
        files, floored,
        "every half listed in ROUNDS needs its floors, in order"
    );
    let engine = Engine::shipped().unwrap();
    let shortfalls: Vec<String> = golden::ROUNDS
        .iter()
        .zip(ROUND_LEVELS)
        .filter_map(|(&(file, text), (_, level))| shortfall(&engine, text, file, level))
        .collect();
    assert!(shortfalls.is_empty(), "{}", shortfalls.join("\n\n"));
}
