//! `ganhuo run` as an operator runs it: both bots in one process against fake Telegram and
//! Discord servers, `/healthz` and `/metrics` over loopback, catalogue hot reload (file edit
//! and SIGHUP), a rejected token, and SIGTERM.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at its first broken assumption"
)]

#[path = "support/binary.rs"]
mod binary;
#[path = "support/fake_discord.rs"]
mod fake_discord;
#[path = "support/fake_telegram.rs"]
mod fake_telegram;

use std::time::{Duration, Instant};

use binary::{ganhuo, signal, spawn_run, wait_exit, write_config};
use fake_discord::FakeDiscord;
use fake_telegram::{FakeTelegram, private_text};

const TG_TOKEN: &str = "777:app-test-token-never-logged";
const DC_TOKEN: &str = "MTAwMA.app-test.never-logged";

const CATALOGUE: &str = r#"
[[topic]]
id = "guides"
name = "指南"
name_en = "Guides"

[[resource]]
id = "guide-one"
title = "Alpha guide"
url = "https://example.com/alpha"
kind = "article"
lang = "en"
topics = ["guides"]
keywords = ["alpha", "阿尔法"]
"#;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn get(url: &str) -> (u16, String) {
    match reqwest::get(url).await {
        Ok(res) => (res.status().as_u16(), res.text().await.unwrap_or_default()),
        Err(_) => (0, String::new()),
    }
}

/// Polls `url` until `done` accepts the response, or panics after 15 s.
async fn until(url: &str, what: &str, done: impl Fn(u16, &str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let (status, body) = get(url).await;
        if done(status, &body) {
            return body;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting for {what}; last {status}: {body}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Sends a private message and returns the text of the reply to it.
async fn ask(fake: &FakeTelegram, user: i64, text: &str) -> String {
    let before = fake.calls_to("SendMessage").len();
    fake.push(private_text(user, "en", text));
    let calls = fake.wait_calls("SendMessage", before + 1, |_| true).await;
    calls[before].body["text"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// Counter value of a metric line in Prometheus text, 0 when absent.
fn counter(metrics: &str, line_start: &str) -> u64 {
    metrics
        .lines()
        .find(|l| l.starts_with(line_start))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_bots_health_metrics_reload_and_sigterm() {
    let telegram = FakeTelegram::start().await;
    let discord = FakeDiscord::start(DC_TOKEN).await;
    let dir = tempfile::tempdir().unwrap();
    let catalogue = dir.path().join("catalogue.toml");
    std::fs::write(&catalogue, CATALOGUE).unwrap();
    let port = free_port();
    let config = write_config(
        dir.path(),
        &format!(
            "catalogue = \"catalogue.toml\"\n\
             [telegram]\ntoken = \"{TG_TOKEN}\"\napi_url = \"{}\"\n\
             [discord]\ntoken = \"{DC_TOKEN}\"\nproxy_url = \"{}\"\n\
             [http]\nlisten = \"127.0.0.1:{port}\"\n",
            telegram.url,
            discord.url()
        ),
    );
    let child = spawn_run(&config, "info");
    let base = format!("http://127.0.0.1:{port}");

    // Health: 200 once both adapters are connected, with each one's state.
    let health = until(&format!("{base}/healthz"), "healthy", |s, _| s == 200).await;
    let health: serde_json::Value = serde_json::from_str(&health).unwrap();
    assert_eq!(health["adapters"]["telegram"], "connected");
    assert_eq!(health["adapters"]["discord"], "connected");
    assert_eq!(health["catalogue"]["resources"], 1);

    // A question through Telegram moves the counters.
    let reply = ask(&telegram, 11, "alpha").await;
    assert!(reply.contains("Alpha guide"), "{reply}");
    let metrics = get(&format!("{base}/metrics")).await.1;
    assert_eq!(
        counter(
            &metrics,
            "ganhuo_queries_total{platform=\"telegram\",outcome=\"answered\"}"
        ),
        1,
        "{metrics}"
    );
    assert_eq!(
        counter(&metrics, "ganhuo_catalogue_resources"),
        1,
        "{metrics}"
    );

    // The question reaches the store (SQLite next to the config, by default) in the background.
    until(
        &format!("{base}/metrics"),
        "the question in the store",
        |_, m| counter(m, "ganhuo_store_records_total{result=\"written\"}") == 1,
    )
    .await;
    assert!(dir.path().join("ganhuo.sqlite3").exists());

    // An invalid edit is rejected; the old catalogue keeps answering.
    std::fs::write(
        &catalogue,
        CATALOGUE.replace("https://example.com/alpha", "not a url"),
    )
    .unwrap();
    until(&format!("{base}/metrics"), "a rejected reload", |_, m| {
        counter(m, "ganhuo_catalogue_reloads_total{result=\"rejected\"}") >= 1
    })
    .await;
    let reply = ask(&telegram, 12, "alpha").await;
    assert!(reply.contains("Alpha guide"), "{reply}");

    // So is an emptied file (`: > catalogue.toml`, or an editor that truncates first):
    // /healthz still reports the catalogue being served.
    std::fs::write(&catalogue, "").unwrap();
    until(
        &format!("{base}/metrics"),
        "a second rejected reload",
        |_, m| counter(m, "ganhuo_catalogue_reloads_total{result=\"rejected\"}") >= 2,
    )
    .await;
    let health: serde_json::Value =
        serde_json::from_str(&get(&format!("{base}/healthz")).await.1).unwrap();
    assert_eq!(health["catalogue"]["resources"], 1, "{health}");
    let reply = ask(&telegram, 14, "alpha").await;
    assert!(reply.contains("Alpha guide"), "{reply}");

    // A valid edit (replaced by rename, as editors do) changes the answers.
    let tmp = dir.path().join("catalogue.toml.new");
    std::fs::write(
        &tmp,
        CATALOGUE
            .replace("Alpha guide", "Beta handbook")
            .replace("\"alpha\", ", "\"beta\", "),
    )
    .unwrap();
    std::fs::rename(&tmp, &catalogue).unwrap();
    until(&format!("{base}/metrics"), "an accepted reload", |_, m| {
        counter(m, "ganhuo_catalogue_reloads_total{result=\"ok\"}") >= 1
    })
    .await;
    let reply = ask(&telegram, 13, "beta").await;
    assert!(reply.contains("Beta handbook"), "{reply}");

    // SIGHUP reloads too.
    let before = counter(
        &get(&format!("{base}/metrics")).await.1,
        "ganhuo_catalogue_reloads_total{result=\"ok\"}",
    );
    signal(&child, "HUP");
    until(&format!("{base}/metrics"), "a SIGHUP reload", |_, m| {
        counter(m, "ganhuo_catalogue_reloads_total{result=\"ok\"}") > before
    })
    .await;

    // SIGTERM: everything stops, exit 0, well within 5 s; no token in the logs.
    signal(&child, "TERM");
    let (status, stderr) = wait_exit(child, Duration::from_secs(5)).await;
    assert!(status.success(), "exit {status:?}:\n{stderr}");
    assert!(
        !stderr.contains(TG_TOKEN) && !stderr.contains(DC_TOKEN),
        "{stderr}"
    );
    // Users' questions ("alpha", "beta") are logged at debug only; this ran at info.
    assert!(
        !stderr.contains("alpha") && !stderr.contains("beta"),
        "message text at info:\n{stderr}"
    );
    assert_eq!(
        get(&format!("{base}/healthz")).await.0,
        0,
        "the HTTP server must be down"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejected_token_stops_the_process_with_a_clear_message() {
    let telegram = FakeTelegram::start().await;
    telegram.reject_token();
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(
        dir.path(),
        &format!(
            "[telegram]\ntoken = \"{TG_TOKEN}\"\napi_url = \"{}\"\n",
            telegram.url
        ),
    );
    let (status, stderr) = wait_exit(spawn_run(&config, "info"), Duration::from_secs(15)).await;
    assert!(!status.success(), "{stderr}");
    assert!(stderr.contains("rejected the bot token"), "{stderr}");
    assert!(!stderr.contains(TG_TOKEN), "{stderr}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_is_503_while_an_adapter_is_down() {
    // Nothing listens on this port: Telegram stays unreachable and the bot keeps retrying.
    let dead = free_port();
    let port = free_port();
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(
        dir.path(),
        &format!(
            "[telegram]\ntoken = \"{TG_TOKEN}\"\napi_url = \"http://127.0.0.1:{dead}\"\n[http]\nlisten = \"127.0.0.1:{port}\"\n"
        ),
    );
    let child = spawn_run(&config, "info");
    let body = until(
        &format!("http://127.0.0.1:{port}/healthz"),
        "a 503",
        |s, _| s == 503,
    )
    .await;
    let body: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_ne!(body["adapters"]["telegram"], "connected");
    until(
        &format!("http://127.0.0.1:{port}/metrics"),
        "adapter errors",
        |_, m| counter(m, "ganhuo_adapter_errors_total{platform=\"telegram\"}") >= 1,
    )
    .await;
    // `ganhuo health` reports the same.
    let out = ganhuo()
        .args([
            "health",
            "--url",
            &format!("http://127.0.0.1:{port}/healthz"),
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    signal(&child, "TERM");
    let (status, stderr) = wait_exit(child, Duration::from_secs(5)).await;
    assert!(status.success(), "exit {status:?}:\n{stderr}");
}
