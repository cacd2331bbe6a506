//! The link report as a table for people or as JSON lines for scripts; pure functions.

use std::fmt::Write as _;

use super::Report;
use super::verdict::Verdict;

/// Order of the table: what needs a maintainer first.
fn severity(verdict: Verdict) -> u8 {
    match verdict {
        Verdict::Broken => 0,
        Verdict::Soft404 => 1,
        Verdict::Redirected => 2,
        Verdict::Ok => 3,
    }
}

/// A fixed-width table, problems first (catalogue order within a verdict), a redirect's
/// final URL on the line below it, and a summary line.
pub fn table(reports: &[Report]) -> String {
    let mut rows: Vec<&Report> = reports.iter().collect();
    rows.sort_by_key(|r| severity(r.verdict));
    let id_width = reports
        .iter()
        .map(|r| r.id.chars().count())
        .max()
        .unwrap_or(0)
        .max("ID".len());
    let mut out = String::new();
    // Writing to a String cannot fail; the results are ignored for that reason.
    let _ = writeln!(
        out,
        "{:<10} {:>6} {:>7} {:>4}  {:<id_width$}  URL",
        "VERDICT", "STATUS", "MS", "HOPS", "ID"
    );
    for r in rows {
        let status = r.status.map_or_else(|| "-".to_owned(), |s| s.to_string());
        let _ = write!(
            out,
            "{:<10} {:>6} {:>7} {:>4}  {:<id_width$}  {}",
            r.verdict.as_str(),
            status,
            r.ms,
            r.redirects,
            r.id,
            r.url
        );
        if let Some(error) = &r.error {
            let _ = write!(out, "  ({error})");
        }
        out.push('\n');
        if r.redirects > 0
            && let Some(final_url) = &r.final_url
        {
            let _ = writeln!(out, "{:>w$}→ {final_url}", "", w = 32 + id_width);
        }
    }
    out.push_str(&summary(reports));
    out.push('\n');
    out
}

/// "165 links: 150 ok, 10 redirected, 3 broken, 2 soft-404".
pub fn summary(reports: &[Report]) -> String {
    let count = |v: Verdict| reports.iter().filter(|r| r.verdict == v).count();
    format!(
        "{} links: {} ok, {} redirected, {} broken, {} soft-404",
        reports.len(),
        count(Verdict::Ok),
        count(Verdict::Redirected),
        count(Verdict::Broken),
        count(Verdict::Soft404)
    )
}

/// One JSON object per line, in catalogue order.
pub fn json_lines(reports: &[Report]) -> String {
    let mut out = String::new();
    for r in reports {
        // A Report is plain strings and numbers; serialising it cannot fail.
        if let Ok(line) = serde_json::to_string(r) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(id: &str, verdict: Verdict, status: Option<u16>, redirects: u32) -> Report {
        Report {
            id: id.to_owned(),
            url: format!("https://example.com/{id}"),
            status,
            final_url: Some(if redirects > 0 {
                format!("https://example.com/new/{id}")
            } else {
                format!("https://example.com/{id}")
            }),
            redirects,
            ms: 12,
            verdict,
            error: verdict.is_failure().then(|| "HTTP 404".to_owned()),
        }
    }

    fn sample() -> Vec<Report> {
        vec![
            report("fine", Verdict::Ok, Some(200), 0),
            report("moved", Verdict::Redirected, Some(200), 2),
            report("dead", Verdict::Broken, Some(404), 0),
            report("timeout", Verdict::Broken, None, 0),
        ]
    }

    #[test]
    fn table_puts_problems_first_and_shows_where_links_moved() {
        let text = table(&sample());
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("VERDICT"), "{text}");
        assert!(
            lines[1].starts_with("broken") && lines[1].contains("dead"),
            "{text}"
        );
        assert!(lines[1].contains("(HTTP 404)"), "{text}");
        assert!(
            lines[2].starts_with("broken") && lines[2].contains("  -  "),
            "{text}"
        );
        assert!(lines[3].starts_with("redirected"), "{text}");
        assert!(
            lines[4]
                .trim_start()
                .starts_with("→ https://example.com/new/moved")
        );
        assert!(lines[5].starts_with("ok"), "{text}");
        assert_eq!(
            lines.last().copied(),
            Some("4 links: 1 ok, 1 redirected, 2 broken, 0 soft-404")
        );
    }

    #[test]
    fn json_has_one_object_per_link_in_catalogue_order() {
        let text = json_lines(&sample());
        let objects: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(objects.len(), 4);
        assert_eq!(objects[0]["id"], "fine");
        assert_eq!(objects[1]["verdict"], "redirected");
        assert_eq!(objects[1]["redirects"], 2);
        assert_eq!(objects[1]["final_url"], "https://example.com/new/moved");
        assert_eq!(objects[2]["status"], 404);
        assert_eq!(objects[3]["status"], serde_json::Value::Null);
        for key in [
            "id",
            "url",
            "status",
            "final_url",
            "redirects",
            "ms",
            "verdict",
            "error",
        ] {
            assert!(objects[0].get(key).is_some(), "missing {key}");
        }
    }
}
