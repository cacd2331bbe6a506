//! The store: what users asked, which answers they pressed a button on and rated, and the
//! paging state of queries too long for Telegram's callback data — in one SQLite file by
//! default, or in PostgreSQL so that replicas share it.
//!
//! Answers never wait for it. [`Store::record`] hands a [`Record`] to a bounded queue and
//! returns at once (a full queue drops the record and counts it); the background [`Writer`]
//! writes batches in transactions, purges what is older than the retention at start and every
//! hour, and reconnects with backoff when the database is unavailable, which it logs through
//! the bots' log gate and counts in `/metrics` while answers carry on.
//!
//! Privacy: no user or chat id is stored. The writer replaces the asker's id with an HMAC keyed
//! by the day's random salt (`salts` table, shared by replicas, deleted once the day is over),
//! so askers can be counted per day but not followed from one day to the next, and once a
//! day's salt is gone its hashes cannot be tied to anyone.
//!
//! - [`db`]: one SQL interface over rusqlite and tokio-postgres; parameters only;
//! - [`schema`]: the tables, as versioned migrations;
//! - [`writer`]: the queue's consumer;
//! - [`usage`]: the report's model, computed by queries.

pub mod db;
pub mod schema;
pub mod usage;
pub mod writer;

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::registry::Registry;
use tokio::sync::{mpsc, oneshot};
use tracing::{debug, info, warn};

use crate::config::{StoreBackend, StoreConfig};
use crate::i18n::Locale;
use crate::pacing::{Backoff, LogGate};
use crate::platform::Platform;
use db::{Db, Param};
pub use writer::Writer;

/// How long a button press waits for the store to recall a long query before giving up.
const RECALL_TIMEOUT: Duration = Duration::from_secs(1);
/// Longest normalised query kept, in characters.
pub const MAX_QUERY: usize = 200;
/// Seconds in a day: days are UTC days since the Unix epoch.
pub const DAY: i64 = 86_400;

/// Why the store could not do something.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The SQLite file could not be opened or created.
    #[error("cannot open the SQLite store {}: {source}", path.display())]
    Open {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: rusqlite::Error,
    },
    /// The SQLite file's directory could not be created.
    #[error("cannot create the store's directory {}: {source}", path.display())]
    Directory {
        /// The directory.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// SQLite failed.
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL failed, or could not be reached.
    #[error("PostgreSQL: {0}")]
    Postgres(#[source] Box<tokio_postgres::Error>),
    /// PostgreSQL did not answer in time.
    #[error("the database did not answer in time")]
    Timeout,
    /// Not connected (the writer is retrying).
    #[error("the store is not connected")]
    Down,
    /// Something that should not happen (an unexpected column type, a failed task).
    #[error("{0}")]
    Unexpected(String),
}

/// The identity of one answer, carried by its feedback buttons: random, positive, and
/// written in decimal on buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AnswerId(i64);

impl AnswerId {
    /// A fresh random id. Random rather than a database sequence, so that an answer never
    /// waits for the database, and replicas never collide in practice (63 bits).
    pub fn random() -> AnswerId {
        let mut bytes = [0u8; 8];
        if getrandom::fill(&mut bytes).is_err() {
            // No OS randomness (practically impossible): a keyed hash of the time still gives
            // ids that differ between processes.
            use std::hash::{BuildHasher, Hasher};
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u128(now_nanos());
            bytes = h.finish().to_le_bytes();
        }
        AnswerId((u64::from_le_bytes(bytes) >> 1).max(1) as i64)
    }

    /// The id as stored.
    pub fn get(self) -> i64 {
        self.0
    }

    /// An id read back from a button; `None` unless positive.
    pub fn new(id: i64) -> Option<AnswerId> {
        (id > 0).then_some(AnswerId(id))
    }
}

impl fmt::Display for AnswerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Text that is not an [`AnswerId`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not an answer id")]
pub struct NotAnAnswerId;

impl FromStr for AnswerId {
    type Err = NotAnAnswerId;

    fn from_str(s: &str) -> Result<AnswerId, NotAnAnswerId> {
        let id: i64 = s.parse().map_err(|_| NotAnAnswerId)?;
        AnswerId::new(id).ok_or(NotAnAnswerId)
    }
}

fn now_nanos() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos()
}

/// Now, in Unix seconds.
pub fn now() -> i64 {
    i64::try_from(now_nanos() / 1_000_000_000).unwrap_or(i64::MAX)
}

/// A question answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The answer's id (its buttons carry it).
    pub id: AnswerId,
    /// When, in Unix seconds.
    pub at: i64,
    /// Where it was asked.
    pub platform: Platform,
    /// The question, normalised ([`crate::search::normalise::normalise`]) and clipped to
    /// [`MAX_QUERY`] characters.
    pub query: String,
    /// The language the answer was given in.
    pub locale: Locale,
    /// How many resources matched.
    pub results: usize,
    /// The resources shown on the first page.
    pub shown: Vec<String>,
    /// The asker's platform user id. It never reaches the database: the writer stores only
    /// its hash under the day's salt.
    pub asker: Option<u64>,
}

/// A button pressed on an answer: a page, a topic, or feedback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    /// The answer the button was on.
    pub answer: AnswerId,
    /// When, in Unix seconds.
    pub at: i64,
    /// Resources the press showed (a further page of the answer).
    pub shown: Vec<String>,
    /// `Some` for a feedback button: helpful or not.
    pub helpful: Option<bool>,
}

/// What the store is asked to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    /// A question answered.
    Question(Question),
    /// A button pressed on an answer.
    FollowUp(FollowUp),
    /// Callback data kept for a long query, under its key.
    Paging {
        /// The key the button carries.
        key: String,
        /// The callback data it stands for.
        payload: String,
        /// When, in Unix seconds.
        at: i64,
    },
}

/// Work for the writer.
#[derive(Debug)]
enum Job {
    Write(Record),
    /// Answered once everything queued before it has been written (or has failed).
    Flush(oneshot::Sender<()>),
}

/// How the records handed to the store ended, as `/metrics` counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Written to the database.
    Written,
    /// Dropped because the queue was full.
    Dropped,
    /// Lost because the database failed or was unavailable.
    Failed,
}

impl Outcome {
    fn label(self) -> &'static str {
        match self {
            Outcome::Written => "written",
            Outcome::Dropped => "dropped",
            Outcome::Failed => "failed",
        }
    }
}

type Labels = [(&'static str, &'static str); 1];

/// The store's metrics, registered with the others; every series starts at zero.
#[derive(Debug, Clone)]
pub struct StoreMetrics {
    records: Family<Labels, Counter>,
    errors: Counter,
    up: Gauge,
    purged: Counter,
}

impl StoreMetrics {
    /// Registers the store's metrics in `registry`.
    pub fn register(registry: &mut Registry) -> StoreMetrics {
        let metrics = StoreMetrics {
            records: Family::default(),
            errors: Counter::default(),
            up: Gauge::default(),
            purged: Counter::default(),
        };
        for outcome in [Outcome::Written, Outcome::Dropped, Outcome::Failed] {
            let _ = metrics
                .records
                .get_or_create(&[("result", outcome.label())]);
        }
        registry.register(
            "store_records",
            "Records handed to the store: written, dropped (queue full) or failed (store unavailable)",
            metrics.records.clone(),
        );
        registry.register(
            "store_errors",
            "Failed store operations (connecting, writing, reading, purging)",
            metrics.errors.clone(),
        );
        registry.register(
            "store_up",
            "1 while the store's database is reachable",
            metrics.up.clone(),
        );
        registry.register(
            "store_purged",
            "Rows deleted by the retention purge",
            metrics.purged.clone(),
        );
        metrics
    }

    fn count(&self, outcome: Outcome, n: usize) {
        let n = u64::try_from(n).unwrap_or(u64::MAX);
        self.records
            .get_or_create(&[("result", outcome.label())])
            .inc_by(n);
    }
}

/// The store's connection, shared by the writer (which connects) and readers (which only use
/// a connection that is already there, so a button press never waits for a reconnect).
#[derive(Debug)]
pub(crate) struct Link {
    backend: StoreBackend,
    metrics: StoreMetrics,
    state: Mutex<LinkState>,
    /// One log line per minute at most for a run of failures.
    gate: Mutex<LogGate>,
}

#[derive(Debug)]
struct LinkState {
    db: Option<Arc<Db>>,
    backoff: Backoff,
    retry_at: Option<Instant>,
}

impl Link {
    fn new(backend: StoreBackend, metrics: StoreMetrics) -> Link {
        Link {
            backend,
            metrics,
            state: Mutex::new(LinkState {
                db: None,
                backoff: Backoff::new(Duration::from_secs(1), Duration::from_secs(60)),
                retry_at: None,
            }),
            gate: Mutex::new(LogGate::default()),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, LinkState> {
        // Every update is a single assignment; a poisoned lock is still consistent.
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The connection, if there is one.
    pub(crate) fn current(&self) -> Option<Arc<Db>> {
        self.state().db.clone()
    }

    /// The connection, connecting (and migrating) first when there is none and the backoff
    /// allows another attempt.
    pub(crate) async fn connect(&self) -> Option<Arc<Db>> {
        {
            let state = self.state();
            if let Some(db) = &state.db {
                return Some(Arc::clone(db));
            }
            if state.retry_at.is_some_and(|at| Instant::now() < at) {
                return None;
            }
        }
        match open(&self.backend).await {
            Ok(db) => {
                let db = Arc::new(db);
                let failures = {
                    let mut state = self.state();
                    state.db = Some(Arc::clone(&db));
                    state.retry_at = None;
                    let failures = state.backoff.failures();
                    state.backoff.reset();
                    failures
                };
                self.metrics.up.set(1);
                self.gate().reset();
                if failures > 0 {
                    info!(
                        failures,
                        "store: {} reachable again",
                        self.backend.describe()
                    );
                } else {
                    debug!("store: connected to {}", self.backend.describe());
                }
                Some(db)
            }
            Err(err) => {
                let retry_in = {
                    let mut state = self.state();
                    let delay = state.backoff.next_delay();
                    state.retry_at = Some(Instant::now() + delay);
                    delay
                };
                self.report("connecting", &err, Some(retry_in));
                None
            }
        }
    }

    /// Counts and logs a failed operation on `db`; a broken connection is dropped, so that the
    /// writer reconnects.
    pub(crate) fn failed(&self, db: &Arc<Db>, what: &str, err: &StoreError) {
        if db.is_broken() || matches!(err, StoreError::Timeout) {
            let mut state = self.state();
            if state.db.as_ref().is_some_and(|d| Arc::ptr_eq(d, db)) {
                state.db = None;
            }
        }
        self.report(what, err, None);
    }

    fn report(&self, what: &str, err: &StoreError, retry_in: Option<Duration>) {
        self.metrics.errors.inc();
        if self.current().is_none() {
            self.metrics.up.set(0);
        }
        let store = self.backend.describe();
        match self.gate().admit(Instant::now()) {
            Some(suppressed) => warn!(
                error = %err, ?retry_in, suppressed,
                "store ({store}): {what} failed; answers go on without it"
            ),
            None => debug!(error = %err, "store ({store}): {what} failed again"),
        }
    }

    fn gate(&self) -> std::sync::MutexGuard<'_, LogGate> {
        self.gate
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Opens the database and brings its schema up to date: what `ganhuo run` does at start and
/// `ganhuo report` does before reading.
pub async fn open(backend: &StoreBackend) -> Result<Db, StoreError> {
    let db = Db::open(backend).await?;
    schema::migrate(&db, now()).await?;
    Ok(db)
}

/// The store's handle: cheap to clone into every front end.
#[derive(Debug, Clone)]
pub struct Store {
    queue: mpsc::Sender<Job>,
    link: Arc<Link>,
    metrics: StoreMetrics,
}

impl Store {
    /// The store `config` describes (`None` when it is turned off), and the writer to run
    /// beside the bots. Nothing is opened until the writer runs.
    pub fn new(config: &StoreConfig, metrics: StoreMetrics) -> Option<(Store, Writer)> {
        let backend = config.backend.clone()?;
        let (queue, jobs) = mpsc::channel(config.queue.get());
        let link = Arc::new(Link::new(backend, metrics.clone()));
        let writer = Writer::new(jobs, Arc::clone(&link), config.retention_days.get());
        Some((
            Store {
                queue,
                link,
                metrics,
            },
            writer,
        ))
    }

    /// Queues a record for the writer. Never waits: when the queue is full the record is
    /// dropped and counted.
    pub fn record(&self, record: Record) {
        if self.queue.try_send(Job::Write(record)).is_err() {
            self.metrics.count(Outcome::Dropped, 1);
        }
    }

    /// Waits until everything recorded before this call has been written or has failed (at
    /// shutdown, and in tests).
    pub async fn flush(&self) {
        let (done, wait) = oneshot::channel();
        if self.queue.send(Job::Flush(done)).await.is_ok() {
            let _ = wait.await;
        }
    }

    /// True while the database is reachable.
    pub fn is_up(&self) -> bool {
        self.link.current().is_some()
    }

    /// Keeps long callback data under `key`, for any replica to [`Store::recall`].
    pub fn remember(&self, key: &str, payload: &str) {
        self.record(Record::Paging {
            key: key.to_owned(),
            payload: payload.to_owned(),
            at: now(),
        });
    }

    /// The callback data kept under `key`; `None` when unknown, or when the store is down or
    /// slow (the button then says "search again").
    pub async fn recall(&self, key: &str) -> Option<String> {
        let db = self.link.current()?;
        let read = db.query(
            "SELECT payload FROM paging WHERE key = $1",
            vec![Param::from(key)],
        );
        let result = tokio::time::timeout(RECALL_TIMEOUT, read)
            .await
            .unwrap_or(Err(StoreError::Timeout));
        match result {
            Ok(rows) => rows
                .first()
                .and_then(|r| r.first())
                .map(|v| v.text().to_owned()),
            Err(err) => {
                self.link.failed(&db, "recalling a long query", &err);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answer_ids_are_positive_distinct_and_read_back() {
        let ids: Vec<AnswerId> = (0..100).map(|_| AnswerId::random()).collect();
        assert!(ids.iter().all(|id| id.get() > 0));
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len());
        let id = ids[0];
        assert_eq!(id.to_string().parse::<AnswerId>(), Ok(id));
        for bad in ["0", "-5", "", "x", "9999999999999999999999"] {
            assert!(bad.parse::<AnswerId>().is_err(), "{bad}");
        }
    }

    #[test]
    fn a_full_queue_drops_and_counts() {
        let mut registry = Registry::default();
        let metrics = StoreMetrics::register(&mut registry);
        let config = StoreConfig {
            queue: std::num::NonZeroUsize::MIN,
            ..StoreConfig::default()
        };
        // No writer runs: the first record fills the queue, the next two are dropped.
        let (store, _writer) = Store::new(&config, metrics).unwrap();
        for _ in 0..3 {
            store.remember("k", "p");
        }
        let mut text = String::new();
        prometheus_client::encoding::text::encode(&mut text, &registry).unwrap();
        assert!(
            text.contains("store_records_total{result=\"dropped\"} 2"),
            "{text}"
        );
        assert!(
            text.contains("store_records_total{result=\"failed\"} 0"),
            "{text}"
        );
        assert!(text.contains("store_up 0"), "{text}");
    }
}
