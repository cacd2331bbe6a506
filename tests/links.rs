//! `ganhuo links` end to end: the real binary checks a small catalogue whose URLs all point at
//! servers on 127.0.0.1 serving each case — fine, moved, missing, gone, slow, reset, HEAD
//! refused, and the soft-404 pages of zhihu, CSDN, cnblogs and GitHub. Nothing leaves the
//! machine.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at its first broken assumption"
)]

use std::collections::HashMap;
use std::io::Write as _;
use std::net::SocketAddr;
use std::process::Output;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::{Path, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const HTML: &str = "text/html; charset=utf-8";

/// Every request the HTTP server saw: method, path and User-Agent.
type Log = Arc<Mutex<Vec<(String, String, String)>>>;

fn page(body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, HTML)], body).into_response()
}

async fn record(State(log): State<Log>, request: Request, next: Next) -> Response {
    let agent = request
        .headers()
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    log.lock().unwrap().push((
        request.method().to_string(),
        request.uri().path().to_owned(),
        agent,
    ));
    next.run(request).await
}

/// A page of 100 KiB of ordinary text with zhihu's "gone" sentence after it: only a checker
/// that reads the whole body would call it a soft-404.
fn long_page() -> String {
    let filler = "<p>正文</p>".repeat(100 * 1024 / 13 + 1);
    format!(
        "<html><head><title>一篇长文</title></head><body>{filler}你似乎来到了没有知识存在的荒原</body></html>"
    )
}

/// The HTTP server: one route per case.
async fn http_server(log: Log) -> SocketAddr {
    let long = long_page();
    let app = Router::new()
        .route("/ok", get(|| async { page("<title>fine</title>") }))
        .route("/pdf", get(|| async { ([(header::CONTENT_TYPE, "application/pdf")], "%PDF-1.4") }))
        .route("/old", get(|| async { Redirect::permanent("/older") }))
        .route("/older", get(|| async { Redirect::permanent("/final") }))
        .route("/final", get(|| async { page("<title>moved here</title>") }))
        .route("/missing", get(|| async { StatusCode::NOT_FOUND }))
        .route("/gone", get(|| async { StatusCode::GONE }))
        .route(
            "/head-refused",
            get(|| async { page("<title>GET only</title>") })
                .head(|| async { StatusCode::METHOD_NOT_ALLOWED }),
        )
        .route("/loop-a", get(|| async { Redirect::temporary("/loop-b") }))
        .route("/loop-b", get(|| async { Redirect::temporary("/loop-a") }))
        .route(
            "/chain/{n}",
            get(|Path(n): Path<u32>| async move { Redirect::temporary(&format!("/chain/{}", n + 1)) }),
        )
        .route(
            "/zhihu/p/1",
            get(|| async {
                page("<html><body><div class=\"ErrorPage\"><h1>404</h1><p>你似乎来到了没有知识存在的荒原…</p></div>")
            }),
        )
        .route(
            "/csdn/article/details/1",
            get(|| async {
                Redirect::temporary("/error/404.html?from=https%3a%2f%2fblog.csdn.net%2fx")
            }),
        )
        .route("/error/404.html", get(|| async { page("<title>CSDN - 专业开发者社区</title>") }))
        .route(
            "/cnblogs/p/1.html",
            get(|| async { page("<html><head><title>404 - 页面不存在 - 博客园</title>") }),
        )
        .route(
            "/github/repo",
            get(|| async { page("<head><title>Page not found · GitHub · GitHub</title></head>") }),
        )
        .route(
            "/github-pages/",
            get(|| async { page("<h1>There isn't a GitHub Pages site here.</h1>") }),
        )
        .route("/long", get(move || async move { ([(header::CONTENT_TYPE, HTML)], long.clone()) }))
        .layer(middleware::from_fn_with_state(Arc::clone(&log), record));
    serve(app).await
}

async fn serve(app: Router) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

/// Accepts connections and never answers.
async fn silent_server() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((stream, _)) = listener.accept().await {
            held.push(stream);
        }
    });
    addr
}

/// Reads the request, then resets the connection (RST) — for HEAD only when `head_only`,
/// answering GET with a small page.
async fn resetting_server(head_only: bool) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 2048];
                let n = stream.read(&mut buf).await.unwrap_or(0);
                let is_head = buf[..n].starts_with(b"HEAD ");
                if is_head || !head_only {
                    stream.set_zero_linger().unwrap();
                    drop(stream);
                    return;
                }
                let body = "<title>GET works</title>";
                let reply = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = stream.write_all(reply.as_bytes()).await;
                let _ = stream.shutdown().await;
            });
        }
    });
    addr
}

/// A port nobody listens on.
async fn closed_port() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    listener.local_addr().unwrap()
}

/// A catalogue file with one resource per (id, url).
fn catalogue(links: &[(&str, String)]) -> tempfile::NamedTempFile {
    let mut text = String::from("[[topic]]\nid = \"test\"\nname = \"测试\"\nname_en = \"Test\"\n");
    for (id, url) in links {
        text.push_str(&format!(
            "\n[[resource]]\nid = \"{id}\"\ntitle = \"{id}\"\nurl = \"{url}\"\nkind = \"article\"\nlang = \"en\"\ntopics = [\"test\"]\n"
        ));
    }
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(text.as_bytes()).unwrap();
    file
}

/// Runs the real binary (blocking, so off the runtime's threads).
async fn ganhuo(args: Vec<String>) -> Output {
    tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_ganhuo"))
            .args(&args)
            .env("RUST_BACKTRACE", "0")
            .output()
            .unwrap()
    })
    .await
    .unwrap()
}

async fn check(links: &[(&str, String)], extra: &[&str]) -> (Output, HashMap<String, Value>) {
    let file = catalogue(links);
    let mut args = vec![
        "links".to_owned(),
        "--json".to_owned(),
        "--catalogue".to_owned(),
        file.path().display().to_string(),
    ];
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    let output = ganhuo(args).await;
    let by_id = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| {
            let v: Value = serde_json::from_str(line).unwrap();
            (v["id"].as_str().unwrap().to_owned(), v)
        })
        .collect();
    (output, by_id)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_case_gets_its_verdict() {
    let log: Log = Arc::default();
    let web = http_server(Arc::clone(&log)).await;
    let silent = silent_server().await;
    let reset = resetting_server(false).await;
    let head_reset = resetting_server(true).await;
    let closed = closed_port().await;
    let at = |path: &str| format!("http://{web}{path}");
    let links = [
        ("fine", at("/ok")),
        ("pdf", at("/pdf")),
        ("moved", at("/old")),
        ("missing", at("/missing")),
        ("gone", at("/gone")),
        ("head-refused", at("/head-refused")),
        ("head-reset", format!("http://{head_reset}/page")),
        ("slow", format!("http://{silent}/page")),
        ("reset", format!("http://{reset}/page")),
        ("refused", format!("http://{closed}/page")),
        ("loop", at("/loop-a")),
        ("endless", at("/chain/0")),
        ("zhihu", at("/zhihu/p/1")),
        ("csdn", at("/csdn/article/details/1")),
        ("cnblogs", at("/cnblogs/p/1.html")),
        ("github", at("/github/repo")),
        ("github-pages", at("/github-pages/")),
        ("long", at("/long")),
    ];
    let (output, got) = check(&links, &["--timeout", "1", "--per-host", "8"]).await;
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(got.len(), links.len(), "stderr: {stderr}");

    let verdict = |id: &str| got[id]["verdict"].as_str().unwrap().to_owned();
    let error = |id: &str| got[id]["error"].as_str().unwrap_or("").to_owned();
    for id in ["fine", "pdf", "head-refused", "head-reset", "long"] {
        assert_eq!(verdict(id), "ok", "{id}: {:?}", got[id]);
        assert_eq!(got[id]["status"], 200, "{id}");
        assert_eq!(got[id]["redirects"], 0, "{id}");
    }
    assert_eq!(verdict("moved"), "redirected");
    assert_eq!(got["moved"]["redirects"], 2);
    assert_eq!(got["moved"]["final_url"], at("/final"));
    assert_eq!(got["moved"]["status"], 200);

    assert_eq!(verdict("missing"), "broken");
    assert_eq!(got["missing"]["status"], 404);
    assert_eq!(verdict("gone"), "broken");
    assert_eq!(got["gone"]["status"], 410);
    assert_eq!(error("gone"), "HTTP 410");

    assert_eq!(verdict("slow"), "broken");
    assert_eq!(error("slow"), "timed out");
    assert_eq!(got["slow"]["status"], Value::Null);
    assert_eq!(verdict("reset"), "broken");
    assert_eq!(error("reset"), "connection reset");
    assert_eq!(verdict("refused"), "broken");
    assert_eq!(error("refused"), "connection refused");
    assert_eq!(verdict("loop"), "broken");
    assert_eq!(error("loop"), "redirect loop");
    assert_eq!(verdict("endless"), "broken");
    assert_eq!(error("endless"), "too many redirects");

    for (id, site) in [
        ("zhihu", "zhihu"),
        ("csdn", "csdn"),
        ("cnblogs", "cnblogs"),
        ("github", "github"),
        ("github-pages", "github"),
    ] {
        assert_eq!(verdict(id), "soft-404", "{id}: {:?}", got[id]);
        assert!(error(id).contains(site), "{id}: {}", error(id));
    }
    assert_eq!(got["csdn"]["redirects"], 1);
    assert!(
        got["csdn"]["final_url"]
            .as_str()
            .unwrap()
            .contains("/error/404.html")
    );
    for report in got.values() {
        assert!(report["ms"].is_u64(), "{report}");
    }

    // Something is broken: exit 1, and the summary on stderr.
    assert_eq!(output.status.code(), Some(1), "stderr: {stderr}");
    assert!(stderr.contains("broken or gone"), "{stderr}");

    let requests = log.lock().unwrap().clone();
    let methods = |path: &str| -> Vec<String> {
        requests
            .iter()
            .filter(|(_, p, _)| p == path)
            .map(|(m, _, _)| m.clone())
            .collect()
    };
    // HEAD first; GET because HEAD was refused.
    assert_eq!(methods("/head-refused"), ["HEAD", "GET"]);
    // A PDF is never downloaded; a 404 is not asked twice.
    assert_eq!(methods("/pdf"), ["HEAD"]);
    assert_eq!(methods("/missing"), ["HEAD"]);
    let agent = format!(
        "ganhuo-links/{} (+link checker for the ganhuo catalogue)",
        env!("CARGO_PKG_VERSION")
    );
    assert!(
        requests.iter().all(|(_, _, ua)| *ua == agent),
        "{requests:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn all_good_exits_zero_and_prints_a_table() {
    let web = http_server(Log::default()).await;
    let file = catalogue(&[
        ("fine", format!("http://{web}/ok")),
        ("moved", format!("http://{web}/old")),
    ]);
    let output = ganhuo(vec![
        "links".into(),
        "--catalogue".into(),
        file.path().display().to_string(),
    ])
    .await;
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.starts_with("VERDICT"), "{stdout}");
    assert!(
        stdout.contains(&format!("→ http://{web}/final")),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("2 links: 1 ok, 1 redirected, 0 broken, 0 soft-404\n"),
        "{stdout}"
    );
    // stderr is not a terminal here: no progress bar.
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Counts requests in flight, per server and over all servers.
#[derive(Clone, Default)]
struct Gauge {
    here: Arc<AtomicUsize>,
    here_max: Arc<AtomicUsize>,
    all: Arc<AtomicUsize>,
    all_max: Arc<AtomicUsize>,
}

async fn slow(State(gauge): State<Gauge>) -> Response {
    let here = gauge.here.fetch_add(1, Ordering::SeqCst) + 1;
    let all = gauge.all.fetch_add(1, Ordering::SeqCst) + 1;
    gauge.here_max.fetch_max(here, Ordering::SeqCst);
    gauge.all_max.fetch_max(all, Ordering::SeqCst);
    tokio::time::sleep(Duration::from_millis(150)).await;
    gauge.here.fetch_sub(1, Ordering::SeqCst);
    gauge.all.fetch_sub(1, Ordering::SeqCst);
    ([(header::CONTENT_TYPE, "application/octet-stream")], "x").into_response()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrency_is_bounded_overall_and_per_host() {
    // Six links on one host, then three on each of two others, with 3 overall and 2 per host:
    // without the per-host limit the first host would take all three slots; without the
    // global one the three hosts would have six requests in flight.
    let overall = Gauge::default();
    let mut hosts = Vec::new();
    let mut servers = Vec::new();
    for _ in 0..3 {
        let gauge = Gauge {
            here: Arc::default(),
            here_max: Arc::default(),
            ..overall.clone()
        };
        servers.push(
            serve(
                Router::new()
                    .route("/{n}", get(slow))
                    .with_state(gauge.clone()),
            )
            .await,
        );
        hosts.push(gauge);
    }
    let ids: Vec<String> = (0..12).map(|i| format!("link-{i}")).collect();
    let links: Vec<(&str, String)> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let server = servers[match i {
                0..6 => 0,
                6..9 => 1,
                _ => 2,
            }];
            (id.as_str(), format!("http://{server}/{i}"))
        })
        .collect();
    let (output, got) = check(&links, &["--concurrency", "3", "--per-host", "2"]).await;
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(got.values().all(|r| r["verdict"] == "ok"));
    let max = |g: &Arc<AtomicUsize>| g.load(Ordering::SeqCst);
    for (i, host) in hosts.iter().enumerate() {
        assert!(
            max(&host.here_max) <= 2,
            "host {i}: {}",
            max(&host.here_max)
        );
        assert!(max(&host.here_max) >= 1, "host {i} saw no request");
    }
    assert!(
        max(&overall.all_max) <= 3,
        "overall: {}",
        max(&overall.all_max)
    );
}

#[tokio::test]
async fn an_invalid_catalogue_is_a_usage_error() {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(b"[[resource]]\nid = \"x\"\ntitle = \"x\"\nurl = \"not a url\"\nkind = \"article\"\nlang = \"en\"\ntopics = [\"nowhere\"]\n")
        .unwrap();
    let output = ganhuo(vec![
        "links".into(),
        "--catalogue".into(),
        file.path().display().to_string(),
    ])
    .await;
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("malformed url"), "{stderr}");
    assert!(output.stdout.is_empty());
}
