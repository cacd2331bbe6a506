//! `ganhuo report`: what users asked, for the maintainer — the top questions, the questions
//! that found nothing (the list to work from), the answer rate, feedback by resource, and the
//! resources no answer showed.
//!
//! The store computes the numbers ([`crate::store::usage`]); [`Report::new`] joins them with
//! the catalogue (titles, what was never shown); [`table`] and [`json`] render the result and
//! are pure. Only [`run`] reads the configuration and opens the store.

use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::Args;
use serde::Serialize;

use crate::catalogue::Catalogue;
use crate::config::{Config, ProcessEnv, StoreBackend};
use crate::store::usage::{Asked, Count, Period, Totals, Usage};
use crate::store::{DAY, now};

/// Arguments of `ganhuo report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The period, back from now: a number of days, hours or weeks (30d, 12h, 2w).
    #[arg(long, value_name = "AGE", default_value = "30d", value_parser = age)]
    pub since: i64,
    /// Questions in each list.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub limit: u16,
    /// Print JSON instead of tables.
    #[arg(long)]
    pub json: bool,
    /// Configuration file [default: $GANHUO_CONFIG, else ./config.toml].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// `30d` → seconds.
fn age(text: &str) -> Result<i64, String> {
    let bad = || format!("`{text}` is not an age such as 30d, 12h or 2w");
    let text = text.trim();
    let unit = text.chars().last().ok_or_else(bad)?;
    let seconds = match unit {
        'h' => 3600,
        'd' => DAY,
        'w' => 7 * DAY,
        _ => return Err(bad()),
    };
    let n: i64 = text[..text.len() - 1].parse().map_err(|_| bad())?;
    if !(1..=100_000).contains(&n) {
        return Err(bad());
    }
    Ok(n * seconds)
}

/// A resource of the catalogue, as the report names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resource {
    /// Its id.
    pub id: String,
    /// Its title; empty for an id that is no longer in the catalogue.
    pub title: String,
}

/// The feedback on the answers that showed a resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Feedback {
    /// The resource.
    #[serde(flatten)]
    pub resource: Resource,
    /// Answers showing it rated helpful.
    pub helpful: u64,
    /// Answers showing it rated not helpful.
    pub not_helpful: u64,
    /// Answers that showed it.
    pub shown: u64,
}

/// Everything `ganhuo report` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The period covered.
    pub period: Period,
    /// Its totals (flattened into the JSON object).
    #[serde(flatten)]
    pub totals: Totals,
    /// `answered / questions`; `None` without questions.
    pub answer_rate: Option<f64>,
    /// Questions by platform.
    pub platforms: Vec<Count>,
    /// The most asked questions.
    pub top: Vec<Asked>,
    /// The most asked questions that found nothing.
    pub unanswered: Vec<Asked>,
    /// Feedback by resource, the most "not helpful" first.
    pub feedback: Vec<Feedback>,
    /// Resources of the catalogue that no answer showed.
    pub never_shown: Vec<Resource>,
    /// Resources in the catalogue.
    pub resources: usize,
}

impl Report {
    /// The report of `usage`, with titles and the never-shown resources from `catalogue`.
    pub fn new(usage: Usage, catalogue: &Catalogue) -> Report {
        let resource = |id: &str| Resource {
            id: id.to_owned(),
            title: catalogue
                .resources()
                .iter()
                .find(|r| r.id == id)
                .map(|r| r.title.clone())
                .unwrap_or_default(),
        };
        let shown: HashSet<&str> = usage.shown.iter().map(|c| c.key.as_str()).collect();
        let never_shown = catalogue
            .resources()
            .iter()
            .filter(|r| !shown.contains(r.id.as_str()))
            .map(|r| resource(&r.id))
            .collect();
        let feedback = usage
            .rated
            .iter()
            .map(|r| Feedback {
                resource: resource(&r.resource),
                helpful: r.helpful,
                not_helpful: r.not_helpful,
                shown: usage
                    .shown
                    .iter()
                    .find(|c| c.key == r.resource)
                    .map_or(0, |c| c.count),
            })
            .collect();
        let totals = usage.totals;
        Report {
            period: usage.period,
            totals,
            answer_rate: (totals.questions > 0)
                .then(|| totals.answered as f64 / totals.questions as f64),
            platforms: usage.platforms,
            top: usage.top,
            unanswered: usage.unanswered,
            feedback,
            never_shown,
            resources: catalogue.resources().len(),
        }
    }
}

/// A day as `YYYY-MM-DD` (UTC), from Unix seconds.
pub fn date(seconds: i64) -> String {
    // Howard Hinnant's days-to-civil algorithm.
    let z = seconds.div_euclid(DAY) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        "–".to_owned()
    } else {
        format!("{:.1}%", part as f64 * 100.0 / whole as f64)
    }
}

/// The report as tables. Variable-width text (questions, titles) ends each line, so the
/// columns stay aligned whatever the script.
pub fn table(report: &Report) -> String {
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(text.trim_end());
        out.push('\n');
    };
    let period = report.period;
    let totals = &report.totals;
    let days = (period.until - period.since) as f64 / DAY as f64;
    line(format!(
        "ganhuo report: {} to {} UTC ({days:.0} days)",
        date(period.since),
        date(period.until)
    ));
    line(String::new());
    line(format!(
        "questions     {:>7}   found something: {} ({})",
        totals.questions,
        totals.answered,
        percent(totals.answered, totals.questions)
    ));
    line(format!(
        "askers        {:>7}   distinct askers, counted per day",
        totals.askers
    ));
    line(format!(
        "followed up   {:>7}   answers with a button pressed afterwards ({})",
        totals.followed_up,
        percent(totals.followed_up, totals.questions)
    ));
    line(format!(
        "feedback      {:>7}   helpful {}, not helpful {}",
        totals.helpful + totals.not_helpful,
        totals.helpful,
        totals.not_helpful
    ));
    let platforms: Vec<String> = report
        .platforms
        .iter()
        .map(|c| format!("{} {}", c.key, c.count))
        .collect();
    line(format!(
        "platforms               {}",
        or_none(&platforms.join(", "))
    ));

    line(String::new());
    line("Top questions".to_owned());
    if report.top.is_empty() {
        line("  (none)".to_owned());
    } else {
        line(format!("  {:>6}  {:>6}  question", "asked", "found"));
        for q in &report.top {
            line(format!(
                "  {:>6}  {:>6}  {}",
                q.count,
                percent(q.answered, q.count),
                shown_query(&q.query)
            ));
        }
    }

    line(String::new());
    line("Questions that found nothing (add resources, keywords or synonyms for these)".to_owned());
    if report.unanswered.is_empty() {
        line("  (none)".to_owned());
    } else {
        line(format!("  {:>6}  {:<10}  question", "asked", "last"));
        for q in &report.unanswered {
            line(format!(
                "  {:>6}  {:<10}  {}",
                q.count,
                date(q.last),
                shown_query(&q.query)
            ));
        }
    }

    line(String::new());
    line("Feedback by resource (answers that showed it; most \"not helpful\" first)".to_owned());
    if report.feedback.is_empty() {
        line("  (none)".to_owned());
    } else {
        line(format!(
            "  {:>7}  {:>11}  {:>6}  resource",
            "helpful", "not helpful", "shown"
        ));
        for f in &report.feedback {
            line(format!(
                "  {:>7}  {:>11}  {:>6}  {}",
                f.helpful,
                f.not_helpful,
                f.shown,
                named(&f.resource)
            ));
        }
    }

    line(String::new());
    line(format!(
        "Never shown in this period ({} of {} resources)",
        report.never_shown.len(),
        report.resources
    ));
    if report.never_shown.is_empty() {
        line("  (none)".to_owned());
    }
    for r in &report.never_shown {
        line(format!("  {}", named(r)));
    }
    out
}

fn or_none(text: &str) -> &str {
    if text.is_empty() { "(none)" } else { text }
}

/// A normalised question as printed: quoted only when it would otherwise be invisible.
fn shown_query(query: &str) -> &str {
    if query.is_empty() { "\"\"" } else { query }
}

fn named(r: &Resource) -> String {
    if r.title.is_empty() {
        format!("{}  (no longer in the catalogue)", r.id)
    } else {
        format!("{}  {}", r.id, r.title)
    }
}

/// The report as one JSON document.
pub fn json(report: &Report) -> String {
    // Plain data: serialising it cannot fail.
    serde_json::to_string_pretty(report).unwrap_or_default()
}

/// Runs `ganhuo report`.
pub fn run(args: &ReportArgs) -> Result<()> {
    let path = crate::config::config_path(args.config.as_deref());
    let config = Config::load_store(path.as_deref(), &ProcessEnv)?;
    let Some(backend) = config.store.backend.clone() else {
        bail!("the store is turned off ([store] enabled = false), so there is nothing to report");
    };
    if let StoreBackend::Sqlite(file) = &backend
        && !file.exists()
    {
        bail!(
            "there is no store at {} yet (`ganhuo run` creates it on first start); \
             check [store] path, or pass the bot's config with --config",
            file.display()
        );
    }
    let catalogue = match &config.catalogue {
        Some(file) => Catalogue::from_path(file),
        None => Catalogue::shipped(),
    }
    .context("cannot load the catalogue")?;
    let until = now() + 1;
    let period = Period {
        since: until - args.since,
        until,
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the tokio runtime")?;
    let usage = runtime.block_on(async {
        let db = crate::store::open(&backend)
            .await
            .with_context(|| format!("cannot open the store ({})", backend.describe()))?;
        crate::store::usage::usage(&db, period, usize::from(args.limit))
            .await
            .context("cannot read the store")
    })?;
    let report = Report::new(usage, &catalogue);
    let text = if args.json {
        json(&report)
    } else {
        table(&report)
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    if args.json {
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::usage::Rated;

    fn catalogue() -> Catalogue {
        Catalogue::from_toml(
            "[[topic]]\nid = \"t\"\nname = \"话题\"\nname_en = \"Topic\"\n\
             [[resource]]\nid = \"a\"\ntitle = \"LoRA 图解\"\nurl = \"https://e.com/a\"\nkind = \"article\"\nlang = \"zh\"\ntopics = [\"t\"]\nkeywords = [\"lora\"]\n\
             [[resource]]\nid = \"b\"\ntitle = \"vLLM docs\"\nurl = \"https://e.com/b\"\nkind = \"docs\"\nlang = \"en\"\ntopics = [\"t\"]\nkeywords = [\"vllm\"]\n\
             [[resource]]\nid = \"c\"\ntitle = \"Never found\"\nurl = \"https://e.com/c\"\nkind = \"docs\"\nlang = \"en\"\ntopics = [\"t\"]\nkeywords = [\"zzz\"]\n",
            "test",
        )
        .unwrap()
    }

    fn usage() -> Usage {
        let since = 1_700_000_000;
        let asked = |query: &str, count, answered, last| Asked {
            query: query.into(),
            count,
            answered,
            last,
        };
        Usage {
            period: Period {
                since,
                until: since + 30 * DAY,
            },
            totals: Totals {
                questions: 8,
                answered: 6,
                askers: 3,
                followed_up: 2,
                helpful: 1,
                not_helpful: 1,
            },
            platforms: vec![
                Count {
                    key: "telegram".into(),
                    count: 6,
                },
                Count {
                    key: "discord".into(),
                    count: 2,
                },
            ],
            top: vec![asked("lora 教程", 4, 4, since), asked("pizza", 2, 0, since)],
            unanswered: vec![asked("pizza", 2, 0, since + DAY), asked("", 1, 0, since)],
            shown: vec![
                Count {
                    key: "a".into(),
                    count: 4,
                },
                Count {
                    key: "b".into(),
                    count: 2,
                },
                Count {
                    key: "gone".into(),
                    count: 1,
                },
            ],
            rated: vec![
                Rated {
                    resource: "b".into(),
                    helpful: 0,
                    not_helpful: 1,
                },
                Rated {
                    resource: "gone".into(),
                    helpful: 1,
                    not_helpful: 0,
                },
            ],
        }
    }

    #[test]
    fn ages_parse() {
        assert_eq!(age("30d"), Ok(30 * DAY));
        assert_eq!(age("12h"), Ok(12 * 3600));
        assert_eq!(age("2w"), Ok(14 * DAY));
        for bad in ["", "d", "30", "-1d", "0d", "1y", "1.5d", "天d"] {
            assert!(age(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn dates_are_utc_days() {
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(1_700_000_000), "2023-11-14");
        assert_eq!(date(951_782_400), "2000-02-29");
        assert_eq!(date(-1), "1969-12-31");
    }

    #[test]
    fn the_catalogue_adds_titles_and_what_was_never_shown() {
        let report = Report::new(usage(), &catalogue());
        assert_eq!(report.answer_rate, Some(0.75));
        assert_eq!(
            report.never_shown,
            [Resource {
                id: "c".into(),
                title: "Never found".into()
            }]
        );
        assert_eq!(report.feedback[0].resource.title, "vLLM docs");
        assert_eq!(report.feedback[0].shown, 2);
        assert_eq!(report.feedback[1].resource.title, "");
        let empty = Report::new(
            Usage {
                totals: Totals::default(),
                shown: Vec::new(),
                ..usage()
            },
            &catalogue(),
        );
        assert_eq!(empty.answer_rate, None);
        assert_eq!(empty.never_shown.len(), 3);
    }

    #[test]
    fn the_table_has_every_section_aligned() {
        let text = table(&Report::new(usage(), &catalogue()));
        for expected in [
            "ganhuo report: 2023-11-14 to 2023-12-14 UTC (30 days)",
            "questions           8   found something: 6 (75.0%)",
            "askers              3   distinct askers, counted per day",
            "followed up         2   answers with a button pressed afterwards (25.0%)",
            "feedback            2   helpful 1, not helpful 1",
            "platforms               telegram 6, discord 2",
            "       4  100.0%  lora 教程",
            "       2    0.0%  pizza",
            "       2  2023-11-15  pizza",
            "       1  2023-11-14  \"\"",
            "        0            1       2  b  vLLM docs",
            "        1            0       1  gone  (no longer in the catalogue)",
            "Never shown in this period (1 of 3 resources)\n  c  Never found\n",
        ] {
            assert!(text.contains(expected), "{expected:?} in\n{text}");
        }
        assert!(!text.lines().any(|l| l.ends_with(' ')));
        let empty = table(&Report::new(
            Usage {
                top: Vec::new(),
                unanswered: Vec::new(),
                rated: Vec::new(),
                platforms: Vec::new(),
                ..usage()
            },
            &catalogue(),
        ));
        assert_eq!(empty.matches("  (none)").count(), 4, "{empty}");
    }

    #[test]
    fn json_has_the_same_numbers() {
        let report = Report::new(usage(), &catalogue());
        let value: serde_json::Value = serde_json::from_str(&json(&report)).unwrap();
        assert_eq!(value["questions"], 8);
        assert_eq!(value["answer_rate"], 0.75);
        assert_eq!(value["unanswered"][0]["query"], "pizza");
        assert_eq!(value["feedback"][0]["id"], "b");
        assert_eq!(value["feedback"][0]["not_helpful"], 1);
        assert_eq!(value["never_shown"][0]["id"], "c");
        assert_eq!(value["period"]["since"], 1_700_000_000);
    }
}
