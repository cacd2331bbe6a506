//! `ganhuo links`: checks every URL of the catalogue and says which are broken, moved, or
//! "soft-404" (a 200 page saying the article is gone), for a maintainer or a cron job.
//!
//! [`verdict`] holds the decisions (pure, unit-tested), [`crawl`] the polite async crawl,
//! [`render`] the table and JSON output. Exit status: 0 when no link is broken or gone, 1 when
//! one is, 2 for a usage error (including a catalogue file that does not validate).

pub mod crawl;
pub mod render;
pub mod verdict;

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use crate::catalogue::Catalogue;
use crawl::{Settings, Target};
use verdict::Verdict;

/// The `User-Agent` sent with every request: who is asking, and why.
pub const USER_AGENT: &str = concat!(
    "ganhuo-links/",
    env!("CARGO_PKG_VERSION"),
    " (+link checker for the ganhuo catalogue)"
);

/// The result for one link, as printed and as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The resource's id.
    pub id: String,
    /// The URL in the catalogue.
    pub url: String,
    /// The last HTTP status received; `None` when nothing came back.
    pub status: Option<u16>,
    /// Where the redirect chain ended (the URL itself when there were none).
    pub final_url: Option<String>,
    /// Redirects followed.
    pub redirects: u32,
    /// Time for the whole check, in milliseconds.
    pub ms: u64,
    /// What the check concluded.
    pub verdict: Verdict,
    /// What went wrong, in words.
    pub error: Option<String>,
}

/// Arguments of `ganhuo links`.
#[derive(Debug, Args)]
pub struct LinksArgs {
    /// Check this catalogue file instead of the embedded one (it must validate).
    #[arg(long, value_name = "FILE", value_parser = catalogue_file)]
    pub catalogue: Option<Catalogue>,
    /// Requests in flight at once.
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,
    /// Requests in flight at once to one host.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u16).range(1..=16))]
    pub per_host: u16,
    /// Seconds allowed for each request (fractions allowed).
    #[arg(long, value_name = "SECONDS", default_value = "15", value_parser = seconds)]
    pub timeout: Duration,
    /// One JSON object per link (id, url, status, final_url, redirects, ms, verdict, error).
    #[arg(long)]
    pub json: bool,
}

fn catalogue_file(path: &str) -> Result<Catalogue, String> {
    Catalogue::from_path(Path::new(path)).map_err(|err| err.to_string())
}

fn seconds(text: &str) -> Result<Duration, String> {
    let value: f64 = text
        .parse()
        .map_err(|_| format!("`{text}` is not a number of seconds"))?;
    if value.is_finite() && value > 0.0 && value <= 3600.0 {
        Ok(Duration::from_secs_f64(value))
    } else {
        Err("the timeout must be more than 0 and at most 3600 seconds".into())
    }
}

/// Runs `ganhuo links`: checks, prints, and fails (exit 1) when a link is broken or gone.
pub fn run(args: &LinksArgs) -> Result<()> {
    let catalogue = match &args.catalogue {
        Some(catalogue) => catalogue.clone(),
        None => Catalogue::shipped().context("the embedded catalogue is invalid")?,
    };
    let targets: Vec<Target> = catalogue
        .resources()
        .iter()
        .map(|r| Target {
            id: r.id.clone(),
            url: r.url.clone(),
        })
        .collect();
    let settings = Settings {
        concurrency: usize::from(args.concurrency),
        per_host: usize::from(args.per_host),
        timeout: args.timeout,
        user_agent: USER_AGENT.to_owned(),
    };
    let bar = progress_bar(targets.len());
    let ticker = bar.clone();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    let reports = runtime.block_on(crawl::check_all(targets, &settings, move |report| {
        ticker.set_message(report.id.clone());
        ticker.inc(1);
    }))?;
    bar.finish_and_clear();
    let text = if args.json {
        render::json_lines(&reports)
    } else {
        render::table(&reports)
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    let failed = reports.iter().filter(|r| r.verdict.is_failure()).count();
    if failed > 0 {
        bail!(
            "{failed} of {} links are broken or gone ({})",
            reports.len(),
            render::summary(&reports)
        );
    }
    Ok(())
}

/// A bar on stderr when stderr is a terminal; hidden otherwise, so logs and pipes stay clean.
fn progress_bar(len: usize) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(u64::try_from(len).unwrap_or(u64::MAX));
    if let Ok(style) = ProgressStyle::with_template("{pos}/{len} [{bar:30}] {msg}") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts_are_positive_seconds() {
        assert_eq!(seconds("15"), Ok(Duration::from_secs(15)));
        assert_eq!(seconds("0.5"), Ok(Duration::from_millis(500)));
        assert!(seconds("0").is_err());
        assert!(seconds("-1").is_err());
        assert!(seconds("soon").is_err());
        assert!(seconds("inf").is_err());
    }

    #[test]
    fn the_user_agent_says_who_is_asking() {
        assert!(USER_AGENT.starts_with("ganhuo-links/"));
        assert!(USER_AGENT.ends_with("(+link checker for the ganhuo catalogue)"));
    }
}
