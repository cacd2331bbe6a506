//! What users asked in a period, as the store knows it: the numbers behind `ganhuo report`,
//! each computed by one query, the same on SQLite and PostgreSQL. The catalogue is not the
//! store's to know: [`crate::report`] adds titles and the resources never shown.

use serde::Serialize;

use super::StoreError;
use super::db::{Db, Param, Row, Value};

/// A period: `since` ≤ time < `until`, in Unix seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    /// The first second in it.
    pub since: i64,
    /// The first second after it.
    pub until: i64,
}

/// A question, grouped by its normalised text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Asked {
    /// The normalised question.
    pub query: String,
    /// Times asked.
    pub count: u64,
    /// Times it found something.
    pub answered: u64,
    /// When it was last asked (Unix seconds).
    pub last: i64,
}

/// How often a key (a platform, a resource) occurs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    /// The key.
    pub key: String,
    /// How often.
    pub count: u64,
}

/// The feedback on the answers that showed a resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rated {
    /// The resource's id.
    pub resource: String,
    /// Answers showing it rated helpful.
    pub helpful: u64,
    /// Answers showing it rated not helpful.
    pub not_helpful: u64,
}

/// The period's totals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Questions answered.
    pub questions: u64,
    /// Questions that found at least one resource.
    pub answered: u64,
    /// Distinct askers, counted per day (one person asking on three days counts three times:
    /// the daily salt makes their hashes differ).
    pub askers: u64,
    /// Answers on which a button was pressed afterwards (a page, a topic, feedback).
    pub followed_up: u64,
    /// Answers rated helpful.
    pub helpful: u64,
    /// Answers rated not helpful.
    pub not_helpful: u64,
}

/// Everything the store knows about a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Usage {
    /// The period.
    pub period: Period,
    /// Its totals.
    pub totals: Totals,
    /// Questions by platform, most first.
    pub platforms: Vec<Count>,
    /// The most asked questions.
    pub top: Vec<Asked>,
    /// The most asked questions that found nothing.
    pub unanswered: Vec<Asked>,
    /// How many answers showed each resource (every resource shown at least once).
    pub shown: Vec<Count>,
    /// Feedback by resource shown (resources with feedback only).
    pub rated: Vec<Rated>,
}

const TOTALS: &str = "SELECT CAST(COUNT(*) AS BIGINT),
        CAST(COALESCE(SUM(CASE WHEN results > 0 THEN 1 ELSE 0 END), 0) AS BIGINT),
        CAST(COUNT(DISTINCT CASE WHEN asker <> '' THEN asker END) AS BIGINT)
    FROM queries WHERE at >= $1 AND at < $2";
const FOLLOWED: &str = "SELECT CAST(COUNT(*) AS BIGINT),
        CAST(COALESCE(SUM(CASE WHEN p.helpful = 1 THEN 1 ELSE 0 END), 0) AS BIGINT),
        CAST(COALESCE(SUM(CASE WHEN p.helpful = 0 THEN 1 ELSE 0 END), 0) AS BIGINT)
    FROM queries q JOIN presses p ON p.answer_id = q.id
    WHERE q.at >= $1 AND q.at < $2";
const PLATFORMS: &str = "SELECT platform, CAST(COUNT(*) AS BIGINT) AS n
    FROM queries WHERE at >= $1 AND at < $2
    GROUP BY platform ORDER BY n DESC, platform";
/// Ties go to the most recently asked: text order differs between the databases' collations.
const TOP: &str = "SELECT query, CAST(COUNT(*) AS BIGINT) AS n,
        CAST(SUM(CASE WHEN results > 0 THEN 1 ELSE 0 END) AS BIGINT),
        CAST(MAX(at) AS BIGINT) AS last_at
    FROM queries WHERE at >= $1 AND at < $2
    GROUP BY query ORDER BY n DESC, last_at DESC LIMIT $3";
const UNANSWERED: &str = "SELECT query, CAST(COUNT(*) AS BIGINT) AS n,
        CAST(0 AS BIGINT), CAST(MAX(at) AS BIGINT) AS last_at
    FROM queries WHERE at >= $1 AND at < $2 AND results = 0
    GROUP BY query ORDER BY n DESC, last_at DESC LIMIT $3";
const SHOWN: &str = "SELECT s.resource, CAST(COUNT(*) AS BIGINT) AS n
    FROM shown s JOIN queries q ON q.id = s.answer_id
    WHERE q.at >= $1 AND q.at < $2
    GROUP BY s.resource ORDER BY n DESC, s.resource";
const RATED: &str = "SELECT s.resource,
        CAST(SUM(CASE WHEN p.helpful = 1 THEN 1 ELSE 0 END) AS BIGINT),
        CAST(SUM(CASE WHEN p.helpful = 0 THEN 1 ELSE 0 END) AS BIGINT)
    FROM shown s
        JOIN queries q ON q.id = s.answer_id
        JOIN presses p ON p.answer_id = s.answer_id
    WHERE q.at >= $1 AND q.at < $2 AND p.helpful IS NOT NULL
    GROUP BY s.resource";

fn count(v: &Value) -> u64 {
    u64::try_from(v.int()).unwrap_or(0)
}

fn cell(row: &Row, i: usize) -> &Value {
    static NULL: Value = Value::Null;
    row.get(i).unwrap_or(&NULL)
}

fn asked(rows: Vec<Row>) -> Vec<Asked> {
    rows.iter()
        .map(|r| Asked {
            query: cell(r, 0).text().to_owned(),
            count: count(cell(r, 1)),
            answered: count(cell(r, 2)),
            last: cell(r, 3).int(),
        })
        .collect()
}

fn counts(rows: Vec<Row>) -> Vec<Count> {
    rows.iter()
        .map(|r| Count {
            key: cell(r, 0).text().to_owned(),
            count: count(cell(r, 1)),
        })
        .collect()
}

/// What the store knows about `period`, with at most `limit` questions in each list.
pub async fn usage(db: &Db, period: Period, limit: usize) -> Result<Usage, StoreError> {
    let range = || vec![Param::Int(period.since), Param::Int(period.until)];
    let limited = || {
        let mut p = range();
        p.push(Param::Int(i64::try_from(limit).unwrap_or(i64::MAX)));
        p
    };
    let totals = db.query(TOTALS, range()).await?;
    let totals = totals.first().cloned().unwrap_or_default();
    let followed = db.query(FOLLOWED, range()).await?;
    let followed = followed.first().cloned().unwrap_or_default();
    let mut rated: Vec<Rated> = db
        .query(RATED, range())
        .await?
        .iter()
        .map(|r| Rated {
            resource: cell(r, 0).text().to_owned(),
            helpful: count(cell(r, 1)),
            not_helpful: count(cell(r, 2)),
        })
        .collect();
    // The most disliked first: those are the entries to look at.
    rated.sort_by(|a, b| {
        (b.not_helpful, a.helpful, &a.resource).cmp(&(a.not_helpful, b.helpful, &b.resource))
    });
    Ok(Usage {
        period,
        totals: Totals {
            questions: count(cell(&totals, 0)),
            answered: count(cell(&totals, 1)),
            askers: count(cell(&totals, 2)),
            followed_up: count(cell(&followed, 0)),
            helpful: count(cell(&followed, 1)),
            not_helpful: count(cell(&followed, 2)),
        },
        platforms: counts(db.query(PLATFORMS, range()).await?),
        top: asked(db.query(TOP, limited()).await?),
        unanswered: asked(db.query(UNANSWERED, limited()).await?),
        shown: counts(db.query(SHOWN, range()).await?),
        rated,
    })
}
