//! One small SQL interface over both databases: SQLite through rusqlite (run on tokio's
//! blocking pool, since it is synchronous) and PostgreSQL through tokio-postgres (TLS by
//! rustls). Everything above this file is written once.
//!
//! Statements are `'static` text with `$1, $2, …` placeholders, the PostgreSQL spelling;
//! [`sqlite_placeholders`] turns them into SQLite's `?1, ?2, …`. Values only ever travel as
//! bound parameters ([`Param`]), never inside the text. Integers are `BIGINT` in every table,
//! so an `i64` always fits what PostgreSQL expects.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::BytesMut;
use tokio_postgres::types::{IsNull, ToSql, Type};

use super::StoreError;
use crate::config::StoreBackend;

/// How long one PostgreSQL operation (or a connection attempt) may take.
const PG_TIMEOUT: Duration = Duration::from_secs(5);
/// How long SQLite waits for another process (`ganhuo report`) holding the write lock.
const SQLITE_BUSY: Duration = Duration::from_secs(5);

/// A value bound to a placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Param {
    /// SQL `NULL`.
    Null,
    /// A `BIGINT`.
    Int(i64),
    /// A `TEXT`.
    Text(String),
}

impl From<i64> for Param {
    fn from(v: i64) -> Param {
        Param::Int(v)
    }
}

impl From<&str> for Param {
    fn from(v: &str) -> Param {
        Param::Text(v.to_owned())
    }
}

impl From<String> for Param {
    fn from(v: String) -> Param {
        Param::Text(v)
    }
}

impl From<Option<i64>> for Param {
    fn from(v: Option<i64>) -> Param {
        v.map_or(Param::Null, Param::Int)
    }
}

/// A value read from a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// SQL `NULL`.
    Null,
    /// An integer of any width.
    Int(i64),
    /// Text.
    Text(String),
}

impl Value {
    /// The integer, with `NULL` (an empty `SUM`) as zero.
    pub fn int(&self) -> i64 {
        match self {
            Value::Int(v) => *v,
            Value::Null | Value::Text(_) => 0,
        }
    }

    /// The text; empty for anything else.
    pub fn text(&self) -> &str {
        match self {
            Value::Text(t) => t,
            Value::Null | Value::Int(_) => "",
        }
    }
}

/// One row, its columns in the statement's order.
pub type Row = Vec<Value>;

/// A statement and its parameters, for [`Db::transaction`].
#[derive(Debug, Clone)]
pub struct Statement {
    /// The text, with `$n` placeholders.
    pub sql: &'static str,
    /// The values, in placeholder order.
    pub params: Vec<Param>,
}

impl Statement {
    /// `sql` with `params`.
    pub fn new(sql: &'static str, params: Vec<Param>) -> Statement {
        Statement { sql, params }
    }
}

/// Which database a [`Db`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// SQLite.
    Sqlite,
    /// PostgreSQL.
    Postgres,
}

/// A connection to the store's database.
pub enum Db {
    /// An SQLite file; the mutex serialises this process's use of it.
    Sqlite(Arc<Mutex<rusqlite::Connection>>),
    /// A PostgreSQL session; the mutex keeps a transaction's statements together.
    Postgres(tokio::sync::Mutex<tokio_postgres::Client>),
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Db({:?})", self.kind())
    }
}

impl Db {
    /// Connects (PostgreSQL) or opens the file, creating it and its directory (SQLite).
    pub async fn open(backend: &StoreBackend) -> Result<Db, StoreError> {
        match backend {
            StoreBackend::Sqlite(path) => {
                let path = path.clone();
                blocking(move || open_sqlite(&path)).await
            }
            StoreBackend::Postgres(url) => {
                let mut config: tokio_postgres::Config = url
                    .expose()
                    .parse()
                    .map_err(|e| StoreError::Postgres(Box::new(e)))?;
                if config.get_connect_timeout().is_none() {
                    config.connect_timeout(PG_TIMEOUT);
                }
                config.application_name("ganhuo");
                let tls = tokio_postgres_rustls::MakeRustlsConnect::new(tls_config()?);
                let connecting = config.connect(tls);
                let (client, connection) = tokio::time::timeout(PG_TIMEOUT, connecting)
                    .await
                    .map_err(|_| StoreError::Timeout)?
                    .map_err(|e| StoreError::Postgres(Box::new(e)))?;
                tokio::spawn(async move {
                    // Errors surface on the client as a closed connection.
                    if let Err(err) = connection.await {
                        tracing::debug!(error = %err, "store: PostgreSQL connection ended");
                    }
                });
                Ok(Db::Postgres(tokio::sync::Mutex::new(client)))
            }
        }
    }

    /// Which database this is.
    pub fn kind(&self) -> Kind {
        match self {
            Db::Sqlite(_) => Kind::Sqlite,
            Db::Postgres(_) => Kind::Postgres,
        }
    }

    /// True when the connection is gone for good and a new one is needed.
    pub fn is_broken(&self) -> bool {
        match self {
            Db::Sqlite(_) => false,
            Db::Postgres(client) => client.try_lock().is_ok_and(|c| c.is_closed()),
        }
    }

    /// The rows a query returns.
    pub async fn query(
        &self,
        sql: &'static str,
        params: Vec<Param>,
    ) -> Result<Vec<Row>, StoreError> {
        match self {
            Db::Sqlite(conn) => {
                let conn = Arc::clone(conn);
                blocking(move || {
                    let conn = lock(&conn);
                    sqlite_query(&conn, sql, &params)
                })
                .await
            }
            Db::Postgres(client) => {
                let client = client.lock().await;
                let refs = pg_params(&params);
                let rows = pg(client.query(sql, &refs)).await?;
                rows.iter().map(pg_row).collect()
            }
        }
    }

    /// Runs one statement; returns the rows it changed.
    pub async fn execute(&self, sql: &'static str, params: Vec<Param>) -> Result<u64, StoreError> {
        self.transaction(vec![Statement::new(sql, params)]).await
    }

    /// Runs statements in one transaction: all or nothing. Returns the rows they changed. On
    /// SQLite it is a savepoint, which is a transaction of its own outside one and nests
    /// inside one (the migrations' `BEGIN IMMEDIATE`).
    pub async fn transaction(&self, statements: Vec<Statement>) -> Result<u64, StoreError> {
        match self {
            Db::Sqlite(conn) => {
                let conn = Arc::clone(conn);
                blocking(move || {
                    let mut conn = lock(&conn);
                    let tx = conn.savepoint()?;
                    let mut changed = 0;
                    for s in &statements {
                        let sql = sqlite_placeholders(s.sql);
                        let mut stmt = tx.prepare_cached(&sql)?;
                        changed += stmt.execute(rusqlite::params_from_iter(&s.params))? as u64;
                    }
                    tx.commit()?;
                    Ok(changed)
                })
                .await
            }
            Db::Postgres(client) => {
                let mut client = client.lock().await;
                let tx = pg(client.transaction()).await?;
                let mut changed = 0;
                for s in &statements {
                    let refs = pg_params(&s.params);
                    changed += pg(tx.execute(s.sql, &refs)).await?;
                }
                pg(tx.commit()).await?;
                Ok(changed)
            }
        }
    }

    /// Runs statements that take no parameters and return nothing (DDL, locks).
    pub async fn batch(&self, sql: &'static str) -> Result<(), StoreError> {
        match self {
            Db::Sqlite(conn) => {
                let conn = Arc::clone(conn);
                blocking(move || Ok(lock(&conn).execute_batch(sql)?)).await
            }
            Db::Postgres(client) => {
                let client = client.lock().await;
                pg(client.batch_execute(sql)).await
            }
        }
    }
}

/// rustls with the Mozilla roots, as the rest of ganhuo's HTTPS; no OpenSSL.
fn tls_config() -> Result<rustls::ClientConfig, StoreError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| StoreError::Unexpected(format!("TLS setup: {e}")))?
        .with_root_certificates(roots)
        .with_no_client_auth())
}

fn open_sqlite(path: &Path) -> Result<Db, StoreError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Directory {
            path: dir.to_owned(),
            source,
        })?;
    }
    let opened = rusqlite::Connection::open(path).and_then(|conn| {
        conn.busy_timeout(SQLITE_BUSY)?;
        // WAL lets `ganhuo report` read while `ganhuo run` writes.
        retry_while_busy(|| conn.execute_batch("PRAGMA journal_mode = WAL;"))?;
        conn.execute_batch("PRAGMA synchronous = NORMAL;")?;
        Ok(conn)
    });
    let conn = opened.map_err(|source| StoreError::Open {
        path: PathBuf::from(path),
        source,
    })?;
    Ok(Db::Sqlite(Arc::new(Mutex::new(conn))))
}

/// Runs `step` again while SQLite reports the database busy, for up to [`SQLITE_BUSY`].
///
/// Switching a file to WAL upgrades a shared lock to an exclusive one. When two connections
/// do that together, SQLite answers one of them "database is locked" at once rather than
/// call its busy handler, which could deadlock; so two replicas opening the same fresh file
/// failed about one start in five until this waited for the other to finish.
fn retry_while_busy<T>(mut step: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let deadline = std::time::Instant::now() + SQLITE_BUSY;
    let mut pause = Duration::from_millis(2);
    loop {
        match step() {
            Err(err)
                if err.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                    && std::time::Instant::now() + pause < deadline =>
            {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(100));
            }
            result => return result,
        }
    }
}

fn lock(conn: &Mutex<rusqlite::Connection>) -> std::sync::MutexGuard<'_, rusqlite::Connection> {
    // A panic inside rusqlite cannot leave the connection half-changed: SQLite rolls back an
    // unfinished transaction when it is dropped.
    conn.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> Result<T, StoreError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| StoreError::Unexpected(format!("the SQLite task failed: {e}")))?
}

async fn pg<T>(
    op: impl Future<Output = Result<T, tokio_postgres::Error>>,
) -> Result<T, StoreError> {
    tokio::time::timeout(PG_TIMEOUT, op)
        .await
        .map_err(|_| StoreError::Timeout)?
        .map_err(|e| StoreError::Postgres(Box::new(e)))
}

/// `$1` → `?1`. The statements are ganhuo's own constants, without string literals holding
/// `$`, so a plain scan is exact.
pub fn sqlite_placeholders(sql: &str) -> Cow<'_, str> {
    if !sql.contains('$') {
        return Cow::Borrowed(sql);
    }
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('?');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn sqlite_query(
    conn: &rusqlite::Connection,
    sql: &str,
    params: &[Param],
) -> Result<Vec<Row>, StoreError> {
    let sql = sqlite_placeholders(sql);
    let mut stmt = conn.prepare_cached(&sql)?;
    let columns = stmt.column_count();
    let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let mut values = Vec::with_capacity(columns);
        for i in 0..columns {
            use rusqlite::types::ValueRef;
            values.push(match row.get_ref(i)? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(v) => Value::Int(v),
                // An average, say; the store's own columns are never REAL.
                ValueRef::Real(v) => Value::Int(v.round() as i64),
                ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Blob(_) => {
                    return Err(StoreError::Unexpected("a BLOB column".into()));
                }
            });
        }
        out.push(values);
    }
    Ok(out)
}

impl rusqlite::ToSql for Param {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, Value as V, ValueRef};
        Ok(match self {
            Param::Null => ToSqlOutput::Owned(V::Null),
            Param::Int(v) => ToSqlOutput::Owned(V::Integer(*v)),
            Param::Text(t) => ToSqlOutput::Borrowed(ValueRef::Text(t.as_bytes())),
        })
    }
}

impl ToSql for Param {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut BytesMut,
    ) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match self {
            Param::Null => Ok(IsNull::Yes),
            Param::Int(v) => v.to_sql(ty, out),
            Param::Text(t) => t.to_sql(ty, out),
        }
    }

    fn accepts(ty: &Type) -> bool {
        <i64 as ToSql>::accepts(ty) || <String as ToSql>::accepts(ty)
    }

    /// Checked against the variant's own type, so a number never goes out as text.
    fn to_sql_checked(
        &self,
        ty: &Type,
        out: &mut BytesMut,
    ) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match self {
            Param::Null => Ok(IsNull::Yes),
            Param::Int(v) => v.to_sql_checked(ty, out),
            Param::Text(t) => t.to_sql_checked(ty, out),
        }
    }
}

fn pg_params(params: &[Param]) -> Vec<&(dyn ToSql + Sync)> {
    params.iter().map(|p| p as &(dyn ToSql + Sync)).collect()
}

fn pg_row(row: &tokio_postgres::Row) -> Result<Row, StoreError> {
    let pg_err = |e| StoreError::Postgres(Box::new(e));
    row.columns()
        .iter()
        .enumerate()
        .map(|(i, column)| {
            let ty = column.type_();
            let value = if *ty == Type::INT8 {
                row.try_get::<_, Option<i64>>(i)
                    .map_err(pg_err)?
                    .map(Value::Int)
            } else if *ty == Type::INT4 {
                let v = row.try_get::<_, Option<i32>>(i).map_err(pg_err)?;
                v.map(|v| Value::Int(v.into()))
            } else if *ty == Type::INT2 {
                let v = row.try_get::<_, Option<i16>>(i).map_err(pg_err)?;
                v.map(|v| Value::Int(v.into()))
            } else if <String as tokio_postgres::types::FromSql>::accepts(ty) {
                let v = row.try_get::<_, Option<String>>(i).map_err(pg_err)?;
                v.map(Value::Text)
            } else {
                return Err(StoreError::Unexpected(format!(
                    "column {} has type {ty}",
                    column.name()
                )));
            };
            Ok(value.unwrap_or(Value::Null))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failure(code: i32) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None)
    }

    #[test]
    fn a_busy_database_is_tried_again_and_other_errors_are_not() {
        let mut tries = 0;
        let opened = retry_while_busy(|| {
            tries += 1;
            if tries < 4 {
                Err(failure(rusqlite::ffi::SQLITE_BUSY))
            } else {
                Ok(tries)
            }
        });
        assert_eq!(opened.unwrap(), 4);

        let mut tries = 0;
        let failed = retry_while_busy(|| -> rusqlite::Result<()> {
            tries += 1;
            Err(failure(rusqlite::ffi::SQLITE_READONLY))
        });
        assert_eq!(tries, 1);
        assert_eq!(
            failed.unwrap_err().sqlite_error_code(),
            Some(rusqlite::ErrorCode::ReadOnly)
        );
    }

    #[test]
    fn placeholders_become_sqlite_numbers() {
        assert_eq!(
            sqlite_placeholders("SELECT a FROM t WHERE b = $1 AND c > $12"),
            "SELECT a FROM t WHERE b = ?1 AND c > ?12"
        );
        assert!(matches!(
            sqlite_placeholders("SELECT 1"),
            Cow::Borrowed("SELECT 1")
        ));
    }
}
