//! The crawl: every link checked once, politely, and judged by [`super::verdict`].
//!
//! Limits: at most `concurrency` requests in flight overall and `per_host` per host, a timeout
//! on every request, redirects followed by hand (so the chain can be counted and a loop
//! caught), HEAD first and GET when HEAD is refused, and never more than [`BODY_PREFIX`] bytes
//! of a page read. A task waits for its host's permit before it takes a global one, so a
//! catalogue with many links on one host does not starve the others.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::header::{CONTENT_TYPE, LOCATION};
use reqwest::{Client, Method, Response};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use url::Url;

use super::Report;
use super::verdict::{
    FailureKind, Observation, explain, head_refused, is_redirect, soft_404, verdict, worth_reading,
};

/// Redirects followed before a chain counts as too long (browsers stop near 20; a catalogue
/// link needing more than a few is broken in spirit anyway).
pub const MAX_REDIRECTS: u32 = 10;

/// How much of a page is read to recognise a soft-404: enough for the `<head>` and an error
/// page's text, never a whole article.
pub const BODY_PREFIX: usize = 64 * 1024;

/// How the crawl behaves.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Requests in flight at once, over all hosts.
    pub concurrency: usize,
    /// Requests in flight at once to one host.
    pub per_host: usize,
    /// Limit for each request, from sending it to the last byte read.
    pub timeout: Duration,
    /// The `User-Agent` header.
    pub user_agent: String,
}

/// One link to check.
#[derive(Debug, Clone)]
pub struct Target {
    /// The resource's id in the catalogue.
    pub id: String,
    /// The link to check.
    pub url: String,
}

/// Why the crawl itself (not one link) failed.
#[derive(Debug, thiserror::Error)]
pub enum CrawlError {
    /// The HTTP client could not be built.
    #[error("cannot set up the HTTP client: {0}")]
    Client(#[from] reqwest::Error),
    /// A check's task panicked or was cancelled.
    #[error("a link check stopped unexpectedly: {0}")]
    Task(#[from] tokio::task::JoinError),
}

/// Checks every target and returns one report each, in the targets' order. `done` is called
/// as each check finishes (for a progress bar).
pub async fn check_all(
    targets: Vec<Target>,
    settings: &Settings,
    done: impl Fn(&Report) + Send + Sync + 'static,
) -> Result<Vec<Report>, CrawlError> {
    let client = Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(settings.timeout)
        .connect_timeout(settings.timeout)
        .user_agent(settings.user_agent.clone())
        .build()?;
    let done = Arc::new(done);
    let global = Arc::new(Semaphore::new(settings.concurrency.max(1)));
    let mut hosts: HashMap<String, Arc<Semaphore>> = HashMap::new();
    let mut tasks = JoinSet::new();
    let count = targets.len();
    for (position, target) in targets.into_iter().enumerate() {
        let host = Arc::clone(
            hosts
                .entry(host_key(&target.url))
                .or_insert_with(|| Arc::new(Semaphore::new(settings.per_host.max(1)))),
        );
        let global = Arc::clone(&global);
        let client = client.clone();
        let done = Arc::clone(&done);
        tasks.spawn(async move {
            // The semaphores are never closed, so acquiring cannot fail; holding `None`
            // would only lift a limit, never stop the check.
            let _host = host.acquire_owned().await.ok();
            let _global = global.acquire_owned().await.ok();
            let report = check_one(&client, &target).await;
            done(&report);
            (position, report)
        });
    }
    let mut reports: Vec<Option<Report>> = vec![None; count];
    while let Some(joined) = tasks.join_next().await {
        let (position, report) = joined?;
        reports[position] = Some(report);
    }
    Ok(reports.into_iter().flatten().collect())
}

/// The key of the per-host limit: host and port, so two test servers on 127.0.0.1 and the
/// default ports of one site are told apart the way connections are.
fn host_key(url: &str) -> String {
    Url::parse(url)
        .map(|u| {
            format!(
                "{}:{}",
                u.host_str().unwrap_or_default(),
                u.port_or_known_default().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

/// What the end of a redirect chain answered.
#[derive(Debug)]
struct Answer {
    status: u16,
    final_url: Url,
    redirects: u32,
    content_type: Option<String>,
    body: Option<String>,
}

/// Why a chain ended without an answer, and how far it got.
#[derive(Debug)]
struct Stopped {
    kind: FailureKind,
    redirects: u32,
    at: Url,
}

async fn check_one(client: &Client, target: &Target) -> Report {
    let started = Instant::now();
    let (seen, final_url) = match Url::parse(&target.url) {
        Ok(url) => observe(probe(client, url).await),
        // The catalogue validated every URL; this only guards a target made by hand.
        Err(_) => (
            Observation {
                failure: Some(FailureKind::Other),
                ..Observation::default()
            },
            None,
        ),
    };
    Report {
        id: target.id.clone(),
        url: target.url.clone(),
        status: seen.status,
        final_url,
        redirects: seen.redirects,
        ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        verdict: verdict(&seen),
        error: explain(&seen),
    }
}

/// The facts for judgement, and the URL the chain ended at (if it got anywhere).
fn observe(outcome: Result<Answer, Stopped>) -> (Observation, Option<String>) {
    match outcome {
        Ok(answer) => {
            let gone = if (200..300).contains(&answer.status) {
                soft_404(
                    answer.final_url.as_str(),
                    answer.body.as_deref().unwrap_or(""),
                )
            } else {
                None
            };
            let seen = Observation {
                status: Some(answer.status),
                redirects: answer.redirects,
                failure: None,
                soft_404: gone,
            };
            (seen, Some(answer.final_url.to_string()))
        }
        Err(stopped) => {
            let seen = Observation {
                status: None,
                redirects: stopped.redirects,
                failure: Some(stopped.kind),
                soft_404: None,
            };
            (seen, Some(stopped.at.to_string()))
        }
    }
}

/// HEAD first; GET when HEAD is refused, and GET of the final page when HEAD says it is an
/// HTML page that could be a soft-404.
async fn probe(client: &Client, url: Url) -> Result<Answer, Stopped> {
    let head = follow(client, Method::HEAD, url.clone(), false).await;
    let refused = match &head {
        Ok(answer) => head_refused(Some(answer.status), None),
        Err(stopped) => head_refused(None, Some(stopped.kind)),
    };
    if refused {
        return follow(client, Method::GET, url, true).await;
    }
    match head {
        Ok(answer)
            if (200..300).contains(&answer.status)
                && worth_reading(answer.content_type.as_deref()) =>
        {
            let before = answer.redirects;
            match follow(client, Method::GET, answer.final_url, true).await {
                Ok(mut page) => {
                    page.redirects += before;
                    Ok(page)
                }
                Err(mut stopped) => {
                    stopped.redirects += before;
                    Err(stopped)
                }
            }
        }
        other => other,
    }
}

/// Sends `method` to `url` and follows redirects by hand, counting them and refusing loops.
async fn follow(
    client: &Client,
    method: Method,
    start: Url,
    read_body: bool,
) -> Result<Answer, Stopped> {
    let mut url = start;
    let mut visited = HashSet::from([url.to_string()]);
    let mut redirects = 0;
    loop {
        let stop = |kind, at: &Url| Stopped {
            kind,
            redirects,
            at: at.clone(),
        };
        let response = client
            .request(method.clone(), url.clone())
            .send()
            .await
            .map_err(|err| stop(classify(&err), &url))?;
        let status = response.status().as_u16();
        if is_redirect(status) {
            let next =
                next_hop(&url, &response).ok_or_else(|| stop(FailureKind::BadRedirect, &url))?;
            redirects += 1;
            if !visited.insert(next.to_string()) {
                return Err(Stopped {
                    kind: FailureKind::RedirectLoop,
                    redirects,
                    at: next,
                });
            }
            if redirects > MAX_REDIRECTS {
                return Err(Stopped {
                    kind: FailureKind::TooManyRedirects,
                    redirects,
                    at: next,
                });
            }
            url = next;
            continue;
        }
        let content_type = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = if read_body
            && (200..300).contains(&status)
            && worth_reading(content_type.as_deref())
        {
            Some(
                read_prefix(response)
                    .await
                    .map_err(|err| stop(classify(&err), &url))?,
            )
        } else {
            None
        };
        return Ok(Answer {
            status,
            final_url: url,
            redirects,
            content_type,
            body,
        });
    }
}

/// The `Location` of a redirect, resolved against the current URL; only http(s) targets.
fn next_hop(current: &Url, response: &Response) -> Option<Url> {
    let location = response.headers().get(LOCATION)?.to_str().ok()?;
    let next = current.join(location).ok()?;
    matches!(next.scheme(), "http" | "https").then_some(next)
}

/// Reads at most [`BODY_PREFIX`] bytes of the body, then drops the connection.
async fn read_prefix(mut response: Response) -> Result<String, reqwest::Error> {
    let mut bytes = Vec::new();
    while bytes.len() < BODY_PREFIX {
        match response.chunk().await? {
            Some(chunk) => bytes.extend_from_slice(&chunk),
            None => break,
        }
    }
    bytes.truncate(BODY_PREFIX);
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Names a transport error by walking its causes: reqwest wraps hyper, which wraps the
/// resolver's and the socket's errors.
fn classify(err: &reqwest::Error) -> FailureKind {
    if err.is_timeout() {
        return FailureKind::Timeout;
    }
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(err);
    let mut kind = FailureKind::Other;
    while let Some(current) = cause {
        let text = current.to_string().to_ascii_lowercase();
        if text.contains("dns error") || text.contains("failed to lookup address") {
            return FailureKind::Dns;
        }
        if let Some(io) = current.downcast_ref::<std::io::Error>() {
            match io.kind() {
                std::io::ErrorKind::TimedOut => return FailureKind::Timeout,
                std::io::ErrorKind::ConnectionRefused => return FailureKind::Refused,
                std::io::ErrorKind::ConnectionReset
                | std::io::ErrorKind::ConnectionAborted
                | std::io::ErrorKind::BrokenPipe => return FailureKind::Reset,
                _ => {}
            }
        }
        if text.contains("connection closed before message completed") {
            kind = FailureKind::Reset;
        } else if kind == FailureKind::Other
            && (text.contains("certificate") || text.contains("tls") || text.contains("handshake"))
        {
            kind = FailureKind::Tls;
        }
        cause = current.source();
    }
    kind
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_keyed_with_their_port() {
        assert_eq!(
            host_key("https://zhuanlan.zhihu.com/p/1"),
            "zhuanlan.zhihu.com:443"
        );
        assert_eq!(host_key("http://127.0.0.1:8080/a"), "127.0.0.1:8080");
        assert_ne!(
            host_key("http://127.0.0.1:8080/a"),
            host_key("http://127.0.0.1:8081/a")
        );
    }
}
