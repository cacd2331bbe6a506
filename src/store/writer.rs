//! The store's background writer: takes records off the queue in batches, writes each batch
//! in one transaction, hashes askers under the day's salt, purges what is past the retention,
//! and keeps (re)connecting while the database is unavailable.
//!
//! A batch that cannot be written is counted as failed and let go: the query log is
//! statistics, and holding records back while the database is down would only grow memory.

use std::sync::Arc;
use std::time::{Duration, Instant};

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use tracing::{debug, info, warn};

use super::db::{Db, Param, Statement};
use super::{DAY, FollowUp, Job, Link, Outcome, Question, Record, StoreError, now};

/// Records written in one transaction at most.
const BATCH: usize = 256;
/// How often the retention purge runs (and once at start).
const PURGE_EVERY: Duration = Duration::from_secs(3600);
/// How often housekeeping runs: reconnecting while down, and purging when due.
const HOUSEKEEPING: Duration = Duration::from_secs(5);
/// How long shutdown waits for the queue to be written.
const DRAIN: Duration = Duration::from_millis(1500);

const INSERT_QUESTION: &str =
    "INSERT INTO queries (id, at, platform, query, locale, results, asker)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING";
const INSERT_SHOWN: &str = "INSERT INTO shown (answer_id, resource, at) VALUES ($1, $2, $3)
     ON CONFLICT (answer_id, resource) DO NOTHING";
/// One row per answer: a second press updates it, and a press that is not feedback keeps the
/// feedback given before.
const UPSERT_PRESS: &str = "INSERT INTO presses (answer_id, at, helpful) VALUES ($1, $2, $3)
     ON CONFLICT (answer_id) DO UPDATE
     SET at = excluded.at, helpful = COALESCE(excluded.helpful, presses.helpful)";
const UPSERT_PAGING: &str = "INSERT INTO paging (key, payload, at) VALUES ($1, $2, $3)
     ON CONFLICT (key) DO UPDATE SET at = excluded.at";
const INSERT_SALT: &str =
    "INSERT INTO salts (day, salt) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING";
const SELECT_SALT: &str = "SELECT salt FROM salts WHERE day = $1";
const PURGE: [&str; 5] = [
    "DELETE FROM queries WHERE at < $1",
    "DELETE FROM shown WHERE at < $1",
    "DELETE FROM presses WHERE at < $1",
    "DELETE FROM paging WHERE at < $1",
    // The salt's own day counts as the retention here: it is gone once its day is over.
    "DELETE FROM salts WHERE day < $1",
];

/// The queue's consumer; run it with [`Writer::run`] beside the bots.
#[derive(Debug)]
pub struct Writer {
    jobs: mpsc::Receiver<Job>,
    link: Arc<Link>,
    retention_days: u32,
    /// Today's salt, once read: (day, salt).
    salt: Option<(i64, String)>,
    purged: Option<Instant>,
}

impl Writer {
    pub(super) fn new(jobs: mpsc::Receiver<Job>, link: Arc<Link>, retention_days: u32) -> Writer {
        Writer {
            jobs,
            link,
            retention_days,
            salt: None,
            purged: None,
        }
    }

    /// Connects, migrates and purges, then writes what is queued until `shutdown`, when it
    /// writes what is left for at most 1.5 s. Never fails: an unavailable database is logged,
    /// counted and retried.
    pub async fn run(mut self, shutdown: CancellationToken) {
        self.housekeeping().await;
        let mut tick = tokio::time::interval(HOUSEKEEPING);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                biased;
                () = shutdown.cancelled() => break,
                job = self.jobs.recv() => match job {
                    Some(job) => self.batch(job).await,
                    None => return,
                },
                _ = tick.tick() => self.housekeeping().await,
            }
        }
        self.jobs.close();
        let drain = async {
            while let Some(job) = self.jobs.recv().await {
                self.batch(job).await;
            }
        };
        if tokio::time::timeout(DRAIN, drain).await.is_err() {
            warn!("store: shutting down with records still queued; they are lost");
        }
    }

    /// Reconnects when down; purges at start and then every hour.
    async fn housekeeping(&mut self) {
        let Some(db) = self.link.connect().await else {
            return;
        };
        if self.purged.is_some_and(|at| at.elapsed() < PURGE_EVERY) {
            return;
        }
        match purge(&db, now(), self.retention_days).await {
            Ok(rows) => {
                self.purged = Some(Instant::now());
                self.link.metrics.purged.inc_by(rows);
                if rows > 0 {
                    info!(
                        rows,
                        days = self.retention_days,
                        "store: purged old records"
                    );
                }
            }
            Err(err) => self.link.failed(&db, "purging old records", &err),
        }
    }

    /// Writes `first` and whatever else is queued, up to [`BATCH`] records, then answers the
    /// flushes among them.
    async fn batch(&mut self, first: Job) {
        let mut records = Vec::new();
        let mut flushes = Vec::new();
        let mut job = Some(first);
        while let Some(next) = job.take() {
            match next {
                Job::Write(record) => records.push(record),
                Job::Flush(done) => flushes.push(done),
            }
            if records.len() < BATCH {
                job = self.jobs.try_recv().ok();
            }
        }
        if !records.is_empty() {
            let outcome = self.write(&records).await;
            self.link.metrics.count(outcome, records.len());
        }
        for done in flushes {
            let _ = done.send(());
        }
    }

    async fn write(&mut self, records: &[Record]) -> Outcome {
        let Some(db) = self.link.connect().await else {
            return Outcome::Failed;
        };
        let written = async {
            let salt = self.salt(&db, now()).await?;
            let statements = records.iter().flat_map(|r| statements(r, &salt)).collect();
            db.transaction(statements).await
        };
        match written.await {
            Ok(_) => {
                debug!(records = records.len(), "store: written");
                Outcome::Written
            }
            Err(err) => {
                self.link.failed(&db, "writing records", &err);
                Outcome::Failed
            }
        }
    }

    /// Today's salt: the one another replica already chose, or a fresh random one. Choosing
    /// it also deletes the salts of earlier days.
    async fn salt(&mut self, db: &Db, now: i64) -> Result<String, StoreError> {
        let today = now.div_euclid(DAY);
        if let Some((day, salt)) = &self.salt
            && *day == today
        {
            return Ok(salt.clone());
        }
        let fresh = random_salt();
        db.transaction(vec![
            Statement::new(INSERT_SALT, vec![Param::Int(today), Param::Text(fresh)]),
            Statement::new(PURGE[4], vec![Param::Int(today)]),
        ])
        .await?;
        let rows = db.query(SELECT_SALT, vec![Param::Int(today)]).await?;
        let salt = rows
            .first()
            .and_then(|r| r.first())
            .map(|v| v.text().to_owned())
            .filter(|s| !s.is_empty())
            .ok_or_else(|| StoreError::Unexpected("today's salt was not stored".into()))?;
        self.salt = Some((today, salt.clone()));
        Ok(salt)
    }
}

/// Deletes what is older than `retention_days` before `now`, and the salts of days before
/// `now`'s; returns the rows deleted.
pub async fn purge(db: &Db, now: i64, retention_days: u32) -> Result<u64, StoreError> {
    let cutoff = now.saturating_sub(i64::from(retention_days).saturating_mul(DAY));
    let today = now.div_euclid(DAY);
    let statements = PURGE
        .iter()
        .enumerate()
        .map(|(i, sql)| {
            let bound = if i == 4 { today } else { cutoff };
            Statement::new(sql, vec![Param::Int(bound)])
        })
        .collect();
    db.transaction(statements).await
}

/// An asker's hash: HMAC-SHA256 of platform and id under the day's salt, 128 bits in hex.
/// Without the salt, which is deleted when its day ends, it cannot be tied back to the id.
pub fn asker_hash(salt: &str, platform: &str, user: u64) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(salt.as_bytes()) else {
        // HMAC takes keys of any length; this branch cannot be reached.
        return String::new();
    };
    mac.update(platform.as_bytes());
    mac.update(b":");
    mac.update(user.to_string().as_bytes());
    let digest = mac.finalize().into_bytes();
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

fn random_salt() -> String {
    let mut bytes = [0u8; 32];
    if getrandom::fill(&mut bytes).is_err() {
        // Not reachable on the platforms ganhuo runs on; a weaker salt still varies by day
        // and process, which is all counting needs.
        bytes[..8].copy_from_slice(&super::AnswerId::random().get().to_le_bytes());
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn shown(answer: i64, ids: &[String], at: i64) -> impl Iterator<Item = Statement> + '_ {
    ids.iter().map(move |id| {
        Statement::new(
            INSERT_SHOWN,
            vec![Param::Int(answer), Param::from(id.as_str()), Param::Int(at)],
        )
    })
}

fn statements<'a>(record: &'a Record, salt: &str) -> Box<dyn Iterator<Item = Statement> + 'a> {
    match record {
        Record::Question(Question {
            id,
            at,
            platform,
            query,
            locale,
            results,
            shown: ids,
            asker,
        }) => {
            let platform = platform.to_string();
            let asker = asker.map_or_else(String::new, |u| asker_hash(salt, &platform, u));
            let question = Statement::new(
                INSERT_QUESTION,
                vec![
                    Param::Int(id.get()),
                    Param::Int(*at),
                    Param::Text(platform),
                    Param::from(query.as_str()),
                    Param::from(locale.tag()),
                    Param::Int(i64::try_from(*results).unwrap_or(i64::MAX)),
                    Param::Text(asker),
                ],
            );
            Box::new(std::iter::once(question).chain(shown(id.get(), ids, *at)))
        }
        Record::FollowUp(FollowUp {
            answer,
            at,
            shown: ids,
            helpful,
        }) => {
            let press = Statement::new(
                UPSERT_PRESS,
                vec![
                    Param::Int(answer.get()),
                    Param::Int(*at),
                    Param::from(helpful.map(i64::from)),
                ],
            );
            Box::new(std::iter::once(press).chain(shown(answer.get(), ids, *at)))
        }
        Record::Paging { key, payload, at } => Box::new(std::iter::once(Statement::new(
            UPSERT_PAGING,
            vec![
                Param::from(key.as_str()),
                Param::from(payload.as_str()),
                Param::Int(*at),
            ],
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asker_hashes_depend_on_salt_platform_and_id_and_hide_the_id() {
        let a = asker_hash("salt-1", "telegram", 123_456_789);
        assert_eq!(a.len(), 32);
        assert_eq!(a, asker_hash("salt-1", "telegram", 123_456_789));
        assert_ne!(a, asker_hash("salt-2", "telegram", 123_456_789));
        assert_ne!(a, asker_hash("salt-1", "discord", 123_456_789));
        assert_ne!(a, asker_hash("salt-1", "telegram", 123_456_780));
        assert!(!a.contains("123456789"));
        assert_ne!(random_salt(), random_salt());
    }
}
