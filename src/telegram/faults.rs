//! Faults talking to the Bot API: which are permanent, how long to back off, how to log them
//! without leaking the token, and without flooding the log while the network is down
//! (teloxide's default handlers log every failed poll; see teloxide #1001 and #1020).

use std::future::Future;
use std::time::{Duration, Instant};

use teloxide::errors::AsResponseParameters;
use teloxide::{ApiError, RequestError};

/// Removes the bot token from text that may contain request URLs. reqwest errors print the
/// URL, and the Bot API puts the token in the path (`/bot<TOKEN>/<Method>`).
#[derive(Clone)]
pub struct Redactor {
    token: String,
}

impl std::fmt::Debug for Redactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Redactor")
    }
}

impl Redactor {
    pub fn new(token: &str) -> Redactor {
        Redactor {
            token: token.trim().to_owned(),
        }
    }

    /// `text` with the token (raw or percent-encoded) and any `/bot…/` path segment hidden.
    pub fn redact(&self, text: &str) -> String {
        let mut out = text.to_owned();
        if !self.token.is_empty() {
            out = out.replace(&self.token, "<token>");
            out = out.replace(&self.token.replace(':', "%3A"), "<token>");
            out = out.replace(&self.token.replace(':', "%3a"), "<token>");
        }
        // Belt and braces: a token we were not told about (e.g. a different bot's).
        let mut cleaned = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(i) = rest.find("/bot") {
            cleaned.push_str(&rest[..i + 4]);
            rest = &rest[i + 4..];
            let end = rest.find(['/', ' ', ')', '"', '\'']).unwrap_or(rest.len());
            if rest[..end].contains(':') {
                cleaned.push_str("<token>");
                rest = &rest[end..];
            }
        }
        cleaned.push_str(rest);
        cleaned
    }

    /// An error and its sources on one line, redacted.
    pub fn describe(&self, err: &(dyn std::error::Error + 'static)) -> String {
        let mut text = err.to_string();
        let mut source = err.source();
        while let Some(s) = source {
            let line = s.to_string();
            if !text.contains(&line) {
                text.push_str(": ");
                text.push_str(&line);
            }
            source = s.source();
        }
        self.redact(&text)
    }
}

/// The token was rejected: retrying cannot help.
pub fn is_unauthorized(err: &RequestError) -> bool {
    matches!(err, RequestError::Api(ApiError::InvalidToken))
}

/// How long Telegram asked us to wait, if it did.
pub fn retry_after(err: &RequestError) -> Option<Duration> {
    err.retry_after().map(|s| s.duration())
}

/// Exponential backoff with a cap.
#[derive(Debug, Clone)]
pub struct Backoff {
    base: Duration,
    cap: Duration,
    failures: u32,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff::new(Duration::from_millis(500), Duration::from_secs(30))
    }
}

impl Backoff {
    pub fn new(base: Duration, cap: Duration) -> Backoff {
        Backoff {
            base,
            cap,
            failures: 0,
        }
    }

    /// The delay before the next attempt, doubling with every consecutive failure.
    pub fn next_delay(&mut self) -> Duration {
        let delay = self
            .base
            .saturating_mul(1 << self.failures.min(16))
            .min(self.cap);
        self.failures = self.failures.saturating_add(1);
        delay
    }

    /// Consecutive failures so far.
    pub fn failures(&self) -> u32 {
        self.failures
    }

    pub fn reset(&mut self) {
        self.failures = 0;
    }
}

/// Lets the first of a run of errors through, then at most one per `interval`, counting the
/// ones held back.
#[derive(Debug, Clone)]
pub struct LogGate {
    interval: Duration,
    last: Option<Instant>,
    suppressed: u64,
}

impl LogGate {
    pub fn new(interval: Duration) -> LogGate {
        LogGate {
            interval,
            last: None,
            suppressed: 0,
        }
    }

    /// `Some(n)` when this error should be logged, `n` being how many were held back since
    /// the last one logged; `None` to log it at debug only.
    pub fn admit(&mut self, now: Instant) -> Option<u64> {
        match self.last {
            Some(last) if now.duration_since(last) < self.interval => {
                self.suppressed += 1;
                None
            }
            _ => {
                self.last = Some(now);
                Some(std::mem::take(&mut self.suppressed))
            }
        }
    }

    /// Forgets the run of errors: the next one is logged at once.
    pub fn reset(&mut self) {
        self.last = None;
        self.suppressed = 0;
    }
}

/// Sends a request, waiting out up to two 429 answers. The Throttle adaptor already retries
/// `send*` methods; this covers edits and query answers, which it passes straight through.
pub async fn with_retry<T, F, Fut>(mut send: F) -> Result<T, RequestError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, RequestError>>,
{
    let mut attempts = 0;
    loop {
        match send().await {
            Err(err) if attempts < 2 => match retry_after(&err) {
                Some(wait) if wait <= Duration::from_secs(30) => {
                    attempts += 1;
                    tokio::time::sleep(wait).await;
                }
                _ => return Err(err),
            },
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_redacted_in_any_form() {
        let r = Redactor::new("123:abc-DEF");
        let text = "error sending request for url (http://127.0.0.1:9/bot123:abc-DEF/GetUpdates)";
        assert_eq!(
            r.redact(text),
            "error sending request for url (http://127.0.0.1:9/bot<token>/GetUpdates)"
        );
        assert!(
            !r.redact("https://x/bot123%3Aabc-DEF/GetMe")
                .contains("abc-DEF")
        );
        assert!(!r.redact("https://x/bot999:zzz/GetMe").contains("zzz"));
        assert_eq!(r.redact("/botany is fine"), "/botany is fine");
    }

    #[tokio::test]
    async fn network_errors_are_described_without_the_token() {
        // Nothing listens on port 9 (discard) on 127.0.0.1 in the test environment.
        let err = reqwest::get("http://127.0.0.1:9/bot123:secret/GetMe")
            .await
            .unwrap_err();
        let err = RequestError::Network(std::sync::Arc::new(err));
        let r = Redactor::new("123:secret");
        let text = r.describe(&err);
        assert!(!text.contains("secret"), "{text}");
        assert!(text.contains("network"), "{text}");
    }

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let mut b = Backoff::new(Duration::from_millis(500), Duration::from_secs(4));
        let delays: Vec<u64> = (0..6).map(|_| b.next_delay().as_millis() as u64).collect();
        assert_eq!(delays, [500, 1000, 2000, 4000, 4000, 4000]);
        assert_eq!(b.failures(), 6);
        b.reset();
        assert_eq!(b.next_delay(), Duration::from_millis(500));
    }

    #[test]
    fn log_gate_admits_one_per_interval() {
        let mut gate = LogGate::new(Duration::from_secs(60));
        let t0 = Instant::now();
        assert_eq!(gate.admit(t0), Some(0));
        assert_eq!(gate.admit(t0 + Duration::from_secs(1)), None);
        assert_eq!(gate.admit(t0 + Duration::from_secs(2)), None);
        assert_eq!(gate.admit(t0 + Duration::from_secs(61)), Some(2));
        gate.reset();
        assert_eq!(gate.admit(t0 + Duration::from_secs(62)), Some(0));
    }

    #[test]
    fn invalid_token_is_permanent() {
        assert!(is_unauthorized(&RequestError::Api(ApiError::InvalidToken)));
        assert!(!is_unauthorized(&RequestError::Api(
            ApiError::MessageNotModified
        )));
        let wait = RequestError::RetryAfter(teloxide::types::Seconds::from_seconds(3));
        assert_eq!(retry_after(&wait), Some(Duration::from_secs(3)));
    }
}
