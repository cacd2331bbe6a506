//! The store on both of its databases: versioned migrations, the query log and feedback behind
//! `ganhuo report` (recorded through the presenter, as the bots record them), retention,
//! privacy, the paging state shared by replicas, and answers that go on while it is down.
//!
//! SQLite always runs. PostgreSQL runs when `GANHUO_TEST_POSTGRES_URL` names a server that the
//! tests may create databases on (`.ci/run` starts one with `.ci/postgres`); each test gets a
//! database of its own. Under CI (`GANHUO_CI` set) a missing URL fails the tests instead of
//! quietly testing SQLite alone.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at its first broken assumption"
)]

#[path = "support/binary.rs"]
mod binary;

use std::path::Path;
use std::time::Duration;

use binary::{ganhuo, write_config};
use ganhuo::Catalogue;
use ganhuo::config::{Secret, StoreBackend, StoreConfig};
use ganhuo::i18n::Locale;
use ganhuo::present::{Action, LinkKind, Notice, Origin, Presenter, Reply, Request, answer_of};
use ganhuo::report::Report;
use ganhuo::search::Engine;
use ganhuo::service::{Platform, Services};
use ganhuo::store::db::Db;
use ganhuo::store::usage::{Period, Usage, usage};
use ganhuo::store::{AnswerId, DAY, Question, Record, Store, now, schema, writer};
use ganhuo::telegram::callback::{CallbackCodec, DecodeError};
use tempfile::TempDir;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

/// A database for one test; the SQLite file's directory lives as long as it.
struct TestDb {
    name: &'static str,
    backend: StoreBackend,
    /// The PostgreSQL URL, for `ganhuo report`.
    url: Option<String>,
    _dir: Option<TempDir>,
}

fn postgres_url() -> Option<String> {
    let url = std::env::var("GANHUO_TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.is_empty());
    if url.is_none() {
        assert!(
            std::env::var_os("GANHUO_CI").is_none(),
            "GANHUO_CI is set but GANHUO_TEST_POSTGRES_URL is not, so the PostgreSQL store would \
             go untested: run .ci/run, or export GANHUO_TEST_POSTGRES_URL=\"$(.ci/postgres)\""
        );
        eprintln!("GANHUO_TEST_POSTGRES_URL is unset: testing the SQLite store only");
    }
    url
}

/// A new, empty database on the server at `base`, and its URL.
async fn fresh_postgres(base: &str) -> String {
    let (client, connection) = tokio_postgres::connect(base, tokio_postgres::NoTls)
        .await
        .expect("connect to GANHUO_TEST_POSTGRES_URL");
    tokio::spawn(connection);
    let name = format!("ganhuo_test_{:x}", AnswerId::random().get());
    // The name is ours (hex digits), not input: DDL takes no parameters.
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .await
        .expect("create a test database");
    let mut url = url::Url::parse(base).expect("GANHUO_TEST_POSTGRES_URL is a URL");
    url.set_path(&name);
    url.to_string()
}

/// A fresh SQLite file, and a fresh PostgreSQL database when a server is configured.
async fn databases() -> Vec<TestDb> {
    let dir = tempfile::tempdir().unwrap();
    let mut dbs = vec![TestDb {
        name: "sqlite",
        backend: StoreBackend::Sqlite(dir.path().join("store").join("ganhuo.sqlite3")),
        url: None,
        _dir: Some(dir),
    }];
    if let Some(base) = postgres_url() {
        let url = fresh_postgres(&base).await;
        dbs.push(TestDb {
            name: "postgres",
            backend: StoreBackend::Postgres(Secret::new(url.clone())),
            url: Some(url),
            _dir: None,
        });
    }
    dbs
}

/// Services recording into a store, with its writer running.
struct Running {
    services: Services,
    store: Store,
    presenter: Presenter,
    cancel: CancellationToken,
    writer: JoinHandle<()>,
}

fn start(backend: &StoreBackend, retention_days: u32) -> Running {
    let config = StoreConfig {
        backend: Some(backend.clone()),
        retention_days: retention_days.try_into().unwrap(),
        ..StoreConfig::default()
    };
    let services = Services::new(Engine::shipped().unwrap(), 5);
    let (store, writer) = Store::new(&config, services.metrics().store().clone()).unwrap();
    let services = services.with_store(store.clone());
    let cancel = CancellationToken::new();
    let writer = tokio::spawn(writer.run(cancel.clone()));
    let presenter = Presenter::new(services.clone(), Platform::Telegram, ganhuo::chat::BUDGET);
    Running {
        services,
        store,
        presenter,
        cancel,
        writer,
    }
}

impl Running {
    /// Waits until the writer has connected.
    async fn up(&self) {
        for _ in 0..200 {
            if self.store.is_up() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!("the store did not connect");
    }

    fn ask(&self, user: u64, query: &str) -> (Reply, Option<AnswerId>) {
        let origin = Origin {
            user: Some(user),
            answer: None,
        };
        let reply = self
            .presenter
            .respond_from(Request::Ask(query.into()), Locale::En, origin);
        let id = answer_in(&reply);
        (reply, id)
    }

    /// Presses the link of `kind` on `reply`, as a front end does: with the answer its message
    /// shows.
    fn press(&self, user: u64, reply: &Reply, kind: LinkKind) -> Reply {
        let Reply::Show(view) = reply else {
            panic!("no buttons on {reply:?}")
        };
        let link = view.link(kind).expect("the button");
        let origin = Origin {
            user: Some(user),
            answer: answer_of(view.actions()),
        };
        self.presenter
            .respond_from(Request::Act(link.action.clone()), Locale::En, origin)
    }

    async fn stop(self) {
        self.store.flush().await;
        self.cancel.cancel();
        self.writer.await.unwrap();
    }
}

async fn open(db: &TestDb) -> Db {
    ganhuo::store::open(&db.backend)
        .await
        .unwrap_or_else(|e| panic!("{}: {e}", db.name))
}

fn last_days(days: i64) -> Period {
    let until = now() + 1;
    Period {
        since: until - days * DAY,
        until,
    }
}

async fn usage_of(db: &TestDb) -> Usage {
    usage(&open(db).await, last_days(30), 20).await.unwrap()
}

fn answer_in(reply: &Reply) -> Option<AnswerId> {
    match reply {
        Reply::Show(view) => answer_of(view.actions()),
        Reply::Notice(_) => None,
    }
}

fn shown(reply: &Reply) -> Vec<String> {
    match reply {
        Reply::Show(view) => view.items.iter().map(|i| i.id.clone()).collect(),
        Reply::Notice(n) => panic!("a notice: {n:?}"),
    }
}

/// Two askers: the same question three times (spelt differently), one that finds nothing twice,
/// small talk, a page turned and both kinds of feedback.
async fn converse(running: &Running) -> (Vec<String>, Vec<String>) {
    let (first, id) = running.ask(1001, "LoRA tutorial");
    let id = id.expect("a recorded answer carries feedback buttons");
    let page_one = shown(&first);
    let more = running.press(1001, &first, LinkKind::Next);
    let page_two = shown(&more);
    assert_eq!(
        answer_in(&more),
        Some(id),
        "the next page keeps the answer's buttons"
    );
    let thanks = running.press(1001, &more, LinkKind::NotHelpful);
    assert_eq!(thanks, Reply::Notice(Notice::FeedbackThanks));

    let (second, other) = running.ask(1002, "  lora   TUTORIAL ");
    assert_ne!(other, Some(id));
    running.press(1002, &second, LinkKind::Helpful);

    for user in [1001, 1002] {
        let (nothing, id) = running.ask(user, "pizza");
        let Reply::Show(view) = &nothing else {
            panic!("{nothing:?}")
        };
        assert!(view.items.is_empty(), "pizza found {:?}", shown(&nothing));
        assert_eq!(id, None, "an answer without results has nothing to rate");
        assert!(view.link(LinkKind::Helpful).is_none());
    }
    // Asked a third time, so that it is the top question whatever the clock says.
    running.ask(1002, "LoRA tutorial");
    let (_, small_talk) = running.ask(1001, "hello");
    assert_eq!(small_talk, None);
    (page_one, page_two)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrations_are_versioned_and_applied_once() {
    for db in databases().await {
        // Two processes starting together (replicas) both come up.
        let (a, b) = tokio::join!(
            ganhuo::store::open(&db.backend),
            ganhuo::store::open(&db.backend)
        );
        let (a, _b) = (a.unwrap(), b.unwrap());
        assert_eq!(schema::applied(&a).await.unwrap(), [schema::latest()]);
        assert_eq!(schema::migrate(&a, now()).await.unwrap(), 0, "{}", db.name);
        let rows = a
            .query("SELECT COUNT(*) FROM schema_migrations", Vec::new())
            .await
            .unwrap();
        assert_eq!(rows[0][0].int(), 1, "{}", db.name);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn questions_pages_and_feedback_make_the_report() {
    for db in databases().await {
        let running = start(&db.backend, 90);
        let (page_one, page_two) = converse(&running).await;
        running.stop().await;

        let usage = usage_of(&db).await;
        let name = db.name;
        assert_eq!(
            usage.totals.questions, 5,
            "{name}: small talk is not a question"
        );
        assert_eq!(usage.totals.answered, 3, "{name}");
        assert_eq!(usage.totals.askers, 2, "{name}");
        assert_eq!(usage.totals.followed_up, 2, "{name}");
        assert_eq!(
            (usage.totals.helpful, usage.totals.not_helpful),
            (1, 1),
            "{name}"
        );
        assert_eq!(usage.platforms.len(), 1, "{name}");
        assert_eq!(
            (usage.platforms[0].key.as_str(), usage.platforms[0].count),
            ("telegram", 5)
        );
        // Grouped by normalised text: both spellings are one question.
        assert_eq!(usage.top.len(), 2, "{name}: {:?}", usage.top);
        assert_eq!(
            (usage.top[0].query.as_str(), usage.top[0].count),
            ("lora tutorial", 3),
            "{name}"
        );
        assert_eq!(usage.top[0].answered, 3);
        assert_eq!(usage.unanswered.len(), 1, "{name}");
        assert_eq!(
            (
                usage.unanswered[0].query.as_str(),
                usage.unanswered[0].count
            ),
            ("pizza", 2)
        );

        // Feedback by resource: the first page was rated both ways, the second only "not".
        let rated = |id: &str| {
            let r = usage.rated.iter().find(|r| r.resource == id).unwrap();
            (r.helpful, r.not_helpful)
        };
        for id in &page_one {
            assert_eq!(rated(id), (1, 1), "{name}: {id}");
        }
        for id in page_two.iter().filter(|id| !page_one.contains(id)) {
            assert_eq!(rated(id), (0, 1), "{name}: {id}");
        }

        let catalogue = Catalogue::shipped().unwrap();
        let report = Report::new(usage, &catalogue);
        assert_eq!(report.answer_rate, Some(0.6));
        let mut seen = page_one.clone();
        seen.extend(page_two.iter().cloned());
        seen.sort();
        seen.dedup();
        assert_eq!(
            report.never_shown.len(),
            catalogue.resources().len() - seen.len(),
            "{name}"
        );
        assert!(report.never_shown.iter().all(|r| !seen.contains(&r.id)));
        let feedback = &report.feedback[0];
        assert_eq!(feedback.not_helpful, 1, "{name}: most disliked first");
        assert!(!feedback.resource.title.is_empty());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn askers_are_counted_by_a_daily_hash_and_never_stored() {
    for db in databases().await {
        let store = open(&db).await;
        // A salt left from yesterday is deleted when today's is chosen.
        let yesterday = now().div_euclid(DAY) - 1;
        store
            .execute(
                "INSERT INTO salts (day, salt) VALUES ($1, $2)",
                vec![yesterday.into(), "old".into()],
            )
            .await
            .unwrap();
        let running = start(&db.backend, 90);
        // Ids of nine digits or more: a random 32-digit hex hash holds a given
        // three-digit run by chance about once in 140 hashes, a nine-digit one
        // practically never, so the check below cannot fail by luck.
        let askers = [
            (987_654_321, "vllm"),
            (987_654_321, "pizza"),
            (555_444_333_222, "vllm"),
        ];
        for (user, query) in askers {
            running.ask(user, query);
        }
        running.stop().await;

        let rows = store
            .query("SELECT asker, query FROM queries", Vec::new())
            .await
            .unwrap();
        assert_eq!(rows.len(), 3, "{}", db.name);
        let mut hashes: Vec<&str> = rows.iter().map(|r| r[0].text()).collect();
        for hash in &hashes {
            assert_eq!(hash.len(), 32, "{}: {hash}", db.name);
            assert!(hash.bytes().all(|b| b.is_ascii_hexdigit()));
            assert!(!hash.contains("987654321") && !hash.contains("555444333222"));
        }
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(hashes.len(), 2, "{}: one hash per asker and day", db.name);
        let salts = store
            .query("SELECT day FROM salts", Vec::new())
            .await
            .unwrap();
        assert_eq!(salts.len(), 1, "{}", db.name);
        assert_eq!(salts[0][0].int(), yesterday + 1);
        assert_eq!(usage_of(&db).await.totals.askers, 2);
    }
}

fn question(at: i64, query: &str) -> Record {
    Record::Question(Question {
        id: AnswerId::random(),
        at,
        platform: Platform::Discord,
        query: query.into(),
        locale: Locale::Zh,
        results: 1,
        shown: vec!["vllm-docs".into()],
        asker: None,
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retention_is_enforced_at_start_and_by_the_purge() {
    for db in databases().await {
        let t = now();
        let running = start(&db.backend, 90);
        running.store.record(question(t - 100 * DAY, "old"));
        running.store.record(question(t - 10 * DAY, "recent"));
        running.store.record(question(t, "today"));
        running.store.remember("k:old", "p:5:old");
        running.stop().await;
        let store = open(&db).await;
        let all = usage(&store, last_days(365), 20).await.unwrap();
        assert_eq!(
            all.totals.questions, 3,
            "{}: written before any purge",
            db.name
        );

        let purged = writer::purge(&store, t, 90).await.unwrap();
        assert_eq!(
            purged, 2,
            "{}: the old question and what it showed",
            db.name
        );
        let left = usage(&store, last_days(365), 20).await.unwrap();
        let queries: Vec<&str> = left.top.iter().map(|a| a.query.as_str()).collect();
        assert_eq!(queries, ["today", "recent"], "{}", db.name);

        // A writer starting with a shorter retention purges before anything else.
        let running = start(&db.backend, 5);
        running.up().await;
        let mut questions = u64::MAX;
        for _ in 0..200 {
            questions = usage(&store, last_days(365), 20)
                .await
                .unwrap()
                .totals
                .questions;
            if questions == 1 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        assert_eq!(questions, 1, "{}", db.name);
        running.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn long_queries_page_on_any_replica() {
    for db in databases().await {
        let a = start(&db.backend, 90);
        let b = start(&db.backend, 90);
        let codec_a = CallbackCodec::new(a.services.store().cloned());
        let codec_b = CallbackCodec::new(b.services.store().cloned());
        let action = Action::Search {
            query: "how do I fine-tune a large language model with LoRA on one GPU".into(),
            offset: 5,
        };
        let data = codec_a.encode(&action);
        assert!(data.starts_with("k:"), "{data}");
        a.store.flush().await;
        b.up().await;
        assert_eq!(
            codec_b.resolve(&data).await,
            Ok(action.clone()),
            "{}",
            db.name
        );
        // Without the store, a button made elsewhere has expired.
        let alone = CallbackCodec::new(None);
        assert_eq!(alone.resolve(&data).await, Err(DecodeError::Expired));
        assert_eq!(
            codec_b.resolve("k:00000000000000ff").await,
            Err(DecodeError::Expired)
        );
        a.stop().await;
        b.stop().await;
    }
}

fn metric(text: &str, name: &str) -> u64 {
    text.lines()
        .find(|l| l.starts_with(name))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{name} in\n{text}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unavailable_store_never_stops_answers() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "").unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let down = [
        // A directory that cannot be created (its parent is a file).
        StoreBackend::Sqlite(file.join("sub").join("ganhuo.sqlite3")),
        // A port nobody listens on any more.
        StoreBackend::Postgres(Secret::new(format!(
            "postgres://ganhuo:pw@127.0.0.1:{port}/ganhuo"
        ))),
    ];
    for backend in down {
        let running = start(&backend, 90);
        let (reply, id) = running.ask(7, "LoRA tutorial");
        assert!(!shown(&reply).is_empty(), "{backend:?}");
        let rated = running.press(7, &reply, LinkKind::Helpful);
        assert_eq!(rated, Reply::Notice(Notice::FeedbackThanks));
        assert!(id.is_some());
        running.store.flush().await;
        let text = running.services.metrics().encode();
        assert!(!running.store.is_up());
        assert_eq!(metric(&text, "ganhuo_store_up"), 0, "{text}");
        assert!(metric(&text, "ganhuo_store_errors_total") >= 1, "{text}");
        assert_eq!(
            metric(&text, "ganhuo_store_records_total{result=\"failed\"}"),
            2,
            "{text}"
        );
        assert_eq!(
            metric(
                &text,
                "ganhuo_queries_total{platform=\"telegram\",outcome=\"answered\"}"
            ),
            1
        );
        running.stop().await;
    }
}

fn report_command(config: &Path, url: Option<&str>) -> std::process::Command {
    let mut command = ganhuo();
    command.args(["report", "--config"]).arg(config);
    if let Some(url) = url {
        command.env("GANHUO_STORE_URL", url);
    }
    command
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ganhuo_report_prints_tables_and_json() {
    for db in databases().await {
        let running = start(&db.backend, 90);
        converse(&running).await;
        running.stop().await;

        let dir = tempfile::tempdir().unwrap();
        let config = match &db.backend {
            StoreBackend::Sqlite(path) => {
                write_config(dir.path(), &format!("[store]\npath = {:?}\n", path))
            }
            StoreBackend::Postgres(_) => write_config(dir.path(), ""),
        };
        let out = report_command(&config, db.url.as_deref())
            .args(["--since", "7d"])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{}: {}",
            db.name,
            String::from_utf8_lossy(&out.stderr)
        );
        for expected in [
            "questions           5   found something: 3 (60.0%)",
            "askers              2",
            "feedback            2   helpful 1, not helpful 1",
            "platforms               telegram 5",
            "       3  100.0%  lora tutorial",
            "Questions that found nothing",
            "  pizza",
            "Never shown in this period (",
        ] {
            assert!(
                text.contains(expected),
                "{}: {expected:?} in\n{text}",
                db.name
            );
        }

        let out = report_command(&config, db.url.as_deref())
            .arg("--json")
            .output()
            .unwrap();
        assert!(out.status.success());
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["questions"], 5, "{}", db.name);
        assert_eq!(json["answer_rate"], 0.6);
        assert_eq!(json["unanswered"][0]["query"], "pizza");
        assert_eq!(json["unanswered"][0]["count"], 2);
        assert_eq!(json["top"][0]["query"], "lora tutorial");
        assert_eq!(json["feedback"][0]["not_helpful"], 1);
        assert!(json["never_shown"].as_array().unwrap().len() > 100);
    }
}

#[test]
fn ganhuo_report_explains_a_missing_store() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path(), "");
    let out = report_command(&config, None).output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("there is no store at"), "{stderr}");
    assert!(
        !dir.path().join("ganhuo.sqlite3").exists(),
        "report creates nothing"
    );

    let config = write_config(dir.path(), "[store]\nenabled = false\n");
    let out = report_command(&config, None).output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("turned off"), "{stderr}");

    let out = report_command(&config, None)
        .args(["--since", "1y"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("30d, 12h or 2w"));
}
