//! The store's tables, as numbered migrations applied at start.
//!
//! Each migration runs once, in a transaction, and is recorded in `schema_migrations`; a
//! database already at the latest version is left alone, so applying them twice changes
//! nothing. Processes starting together (replicas, or `ganhuo report` beside `ganhuo run`) take
//! turns: on PostgreSQL under an advisory lock, on SQLite inside one `BEGIN IMMEDIATE`
//! transaction (the database's write lock, held from the start), so the second one finds the
//! migrations applied.
//!
//! Every integer is `BIGINT` and every time is Unix seconds, so the same statements read the
//! same values on both databases.

use super::StoreError;
use super::db::{Db, Kind, Param, Statement};

/// One step of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// Its number; applied in increasing order.
    pub version: i64,
    /// What it does, for the record.
    pub name: &'static str,
    /// Its statements, the same on both databases.
    pub statements: &'static [&'static str],
}

/// Every migration, oldest first. Append, never edit: a released migration has already run.
pub const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    name: "query log, follow-ups, paging state, daily salts",
    statements: &[
        // One row per question answered. `query` is normalised text; `asker` a hash that only
        // means something within its day (see `salts`); no user or chat id is ever stored.
        "CREATE TABLE IF NOT EXISTS queries (
            id BIGINT PRIMARY KEY,
            at BIGINT NOT NULL,
            platform TEXT NOT NULL,
            query TEXT NOT NULL,
            locale TEXT NOT NULL,
            results BIGINT NOT NULL,
            asker TEXT NOT NULL
        )",
        "CREATE INDEX IF NOT EXISTS queries_at ON queries (at)",
        // The resources an answer showed: its first page, then every page paged to.
        "CREATE TABLE IF NOT EXISTS shown (
            answer_id BIGINT NOT NULL,
            resource TEXT NOT NULL,
            at BIGINT NOT NULL,
            PRIMARY KEY (answer_id, resource)
        )",
        "CREATE INDEX IF NOT EXISTS shown_at ON shown (at)",
        // A button pressed on an answer: one row per answer, so pressing twice counts once;
        // `helpful` is 1 or 0 once a feedback button was pressed (the last press wins).
        "CREATE TABLE IF NOT EXISTS presses (
            answer_id BIGINT PRIMARY KEY,
            at BIGINT NOT NULL,
            helpful BIGINT
        )",
        "CREATE INDEX IF NOT EXISTS presses_at ON presses (at)",
        // Telegram callback data too long for 64 bytes, by key, so every replica can page.
        "CREATE TABLE IF NOT EXISTS paging (
            key TEXT PRIMARY KEY,
            payload TEXT NOT NULL,
            at BIGINT NOT NULL
        )",
        "CREATE INDEX IF NOT EXISTS paging_at ON paging (at)",
        // The salt of the day's asker hashes, shared by replicas; deleted once its day is over.
        "CREATE TABLE IF NOT EXISTS salts (
            day BIGINT PRIMARY KEY,
            salt TEXT NOT NULL
        )",
    ],
}];

/// The newest schema version this build knows.
pub fn latest() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

const CREATE_LOG: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at BIGINT NOT NULL
)";
const APPLIED: &str = "SELECT version FROM schema_migrations ORDER BY version";
const RECORD: &str =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)";
/// An arbitrary constant naming ganhuo's migration lock.
const PG_LOCK: &str = "SELECT pg_advisory_lock(7411180901)";
const PG_UNLOCK: &str = "SELECT pg_advisory_unlock(7411180901)";

/// Applies the migrations the database lacks; returns how many were applied. A database newer
/// than this build (a later version ran against it) is used as it is, with a warning.
pub async fn migrate(db: &Db, now: i64) -> Result<usize, StoreError> {
    match db.kind() {
        Kind::Postgres => {
            db.batch(PG_LOCK).await?;
            let result = apply(db, now).await;
            // The lock is the session's; a failed unlock ends with the session anyway.
            let _ = db.batch(PG_UNLOCK).await;
            result
        }
        Kind::Sqlite => {
            // Each migration's own transaction nests inside this one as a savepoint.
            db.batch("BEGIN IMMEDIATE").await?;
            match apply(db, now).await {
                Ok(count) => db.batch("COMMIT").await.map(|()| count),
                Err(err) => {
                    let _ = db.batch("ROLLBACK").await;
                    Err(err)
                }
            }
        }
    }
}

async fn apply(db: &Db, now: i64) -> Result<usize, StoreError> {
    db.batch(CREATE_LOG).await?;
    let applied = applied(db).await?;
    if let Some(&newest) = applied.last()
        && newest > latest()
    {
        tracing::warn!(
            database = newest,
            known = latest(),
            "store: the database schema is newer than this build; using it as it is"
        );
    }
    let mut count = 0;
    for migration in MIGRATIONS.iter().filter(|m| !applied.contains(&m.version)) {
        let mut statements: Vec<Statement> = migration
            .statements
            .iter()
            .map(|sql| Statement::new(sql, Vec::new()))
            .collect();
        statements.push(Statement::new(
            RECORD,
            vec![
                Param::Int(migration.version),
                Param::from(migration.name),
                Param::Int(now),
            ],
        ));
        db.transaction(statements).await?;
        tracing::info!(
            version = migration.version,
            name = migration.name,
            "store: schema migrated"
        );
        count += 1;
    }
    Ok(count)
}

/// The versions recorded as applied, oldest first.
pub async fn applied(db: &Db) -> Result<Vec<i64>, StoreError> {
    Ok(db
        .query(APPLIED, Vec::new())
        .await?
        .iter()
        .filter_map(|row| row.first().map(|v| v.int()))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_increase_and_statements_bind_nothing() {
        let versions: Vec<i64> = MIGRATIONS.iter().map(|m| m.version).collect();
        assert!(versions.windows(2).all(|w| w[0] < w[1]), "{versions:?}");
        assert_eq!(latest(), *versions.last().unwrap());
        for m in MIGRATIONS {
            assert!(m.statements.iter().all(|s| !s.contains('$')), "{}", m.name);
        }
    }
}
