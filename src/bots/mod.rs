//! What both chat bots need to talk to their platforms, written once: retrying with backoff,
//! delivering replies through transient faults, keeping a run of errors from flooding the log,
//! describing errors without secrets, treating a rejected token as fatal, and reporting
//! connection state to `/healthz`.
//!
//! An adapter holds one [`Connection`] and implements [`Fault`] for its client's error type;
//! [`flood`] is the per-user flood guard; [`work`] tracks work in flight and runs it in
//! per-chat lanes, so that shutdown can finish it and no chat holds up another.

pub mod flood;
pub mod work;

use std::future::Future;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use tokio_util::sync::CancellationToken;
use tracing::{debug, info, warn};

use crate::pacing::{Backoff, LogGate};
use crate::service::{AdapterError, AdapterState, Platform, Services};

/// How long a reply is retried through transient faults before it is given up.
pub const DELIVER_WITHIN: Duration = Duration::from_secs(30);
/// The first pause between attempts at delivering a reply; it doubles up to [`RETRY_CAP`].
const RETRY_BASE: Duration = Duration::from_millis(250);
/// The longest pause between attempts at delivering a reply.
const RETRY_CAP: Duration = Duration::from_secs(5);

/// An error from a platform's client, as the shared plumbing needs to see it.
pub trait Fault: std::error::Error + Sized + 'static {
    /// The platform rejected the token: retrying cannot help.
    fn is_unauthorized(&self) -> bool;

    /// How long the platform asked us to wait, if it did.
    fn retry_after(&self) -> Option<Duration> {
        None
    }

    /// The same request may succeed on another try: the network or the platform failed (a
    /// connection error, a timeout, a 5xx), not the request itself.
    fn is_transient(&self) -> bool {
        false
    }

    /// The error and its causes on one line, without secrets.
    fn describe(&self, redactor: &Redactor) -> String {
        redactor.describe(self)
    }
}

/// Removes secrets from text that may contain request URLs: client errors print the URL, and
/// the Bot API puts the token in its path (`/bot<TOKEN>/<Method>`).
#[derive(Clone, Default)]
pub struct Redactor {
    secrets: Vec<String>,
}

impl std::fmt::Debug for Redactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Redactor")
    }
}

impl Redactor {
    /// Hides `secrets` (empty ones are ignored).
    pub fn new<'a>(secrets: impl IntoIterator<Item = &'a str>) -> Redactor {
        Redactor {
            secrets: secrets
                .into_iter()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect(),
        }
    }

    /// `text` with every secret (raw or with `:` percent-encoded) hidden, and any
    /// `/bot<id>:<secret>` path segment too, even one of a token we were not told about.
    pub fn redact(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for secret in &self.secrets {
            for form in [
                secret.clone(),
                secret.replace(':', "%3A"),
                secret.replace(':', "%3a"),
            ] {
                out = out.replace(&form, "<token>");
            }
        }
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

/// One adapter's link to its platform: its health, its error metrics and logs, and the way it
/// retries.
#[derive(Debug)]
pub struct Connection {
    platform: Platform,
    services: Services,
    redactor: Redactor,
    errors: Mutex<LogGate>,
}

impl Connection {
    /// The connection of `platform`'s adapter; `redactor` hides its secrets.
    pub fn new(platform: Platform, services: Services, redactor: Redactor) -> Connection {
        Connection {
            platform,
            services,
            redactor,
            errors: Mutex::new(LogGate::default()),
        }
    }

    /// The services the adapter answers from.
    pub fn services(&self) -> &Services {
        &self.services
    }

    /// Describes an error without secrets.
    pub fn describe(&self, err: &impl Fault) -> String {
        err.describe(&self.redactor)
    }

    /// Records the adapter's state for `/healthz`.
    pub fn set(&self, state: AdapterState) {
        self.services.health().set(self.platform, state);
    }

    /// Records how the adapter ended — stopped on request, or failed — and passes it on.
    pub fn finish(&self, result: Result<(), AdapterError>) -> Result<(), AdapterError> {
        match &result {
            Ok(()) => {
                self.set(AdapterState::Stopped);
                info!("{} adapter stopped", self.platform);
            }
            Err(err) => {
                self.set(AdapterState::Failed);
                warn!(%err, "{} adapter failed", self.platform);
            }
        }
        result
    }

    /// The error for a rejected token, with the adapter marked failed.
    pub fn unauthorized(&self, err: &impl Fault) -> AdapterError {
        self.set(AdapterState::Failed);
        AdapterError::Unauthorized {
            platform: self.platform,
            reason: self.describe(err),
        }
    }

    /// A failure that ends the adapter, marked failed.
    pub fn fatal(&self, message: impl Into<String>) -> AdapterError {
        self.set(AdapterState::Failed);
        AdapterError::Fatal {
            platform: self.platform,
            message: message.into(),
        }
    }

    /// Counts and logs a failed request, redacted, at warn at most once a minute.
    pub fn report(&self, what: &str, err: &impl Fault) {
        self.services.metrics().adapter_error(self.platform);
        let error = self.describe(err);
        let admitted = self
            .errors
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .admit(Instant::now());
        let platform = self.platform;
        match admitted {
            Some(suppressed) => warn!(%error, suppressed, "{platform}: {what} failed"),
            None => debug!(%error, "{platform}: {what} failed"),
        }
    }

    /// A failed attempt to reach the platform: counted, logged through `gate`, and the
    /// adapter marked reconnecting.
    pub fn lost(&self, what: &str, err: &impl Fault, retry_in: Duration, gate: &mut LogGate) {
        self.services.metrics().adapter_error(self.platform);
        self.set(AdapterState::Reconnecting);
        let error = self.describe(err);
        let platform = self.platform;
        match gate.admit(Instant::now()) {
            Some(suppressed) => {
                warn!(%error, ?retry_in, suppressed, "{platform} {what} failed; retrying")
            }
            None => debug!(%error, ?retry_in, "{platform} {what} failed again"),
        }
    }

    /// Delivers a reply: `send` is tried until it succeeds, fails for good, or `within` has
    /// passed, waiting between tries as long as the platform asks or with backoff. Only
    /// transient faults and "retry after" answers are tried again. Every failed try is counted
    /// and logged like [`Connection::report`]; a reply not delivered in the end is counted in
    /// `ganhuo_replies_dropped_total`.
    pub async fn deliver<T, E, F, Fut>(
        &self,
        what: &str,
        within: Duration,
        mut send: F,
    ) -> Result<T, E>
    where
        E: Fault,
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        let deadline = Instant::now() + within;
        let mut backoff = Backoff::new(RETRY_BASE, RETRY_CAP);
        loop {
            let err = match send().await {
                Ok(value) => return Ok(value),
                Err(err) => err,
            };
            let retryable = err.is_transient() || err.retry_after().is_some();
            let delay = err.retry_after().unwrap_or_else(|| backoff.next_delay());
            if retryable && Instant::now() + delay < deadline {
                self.report(what, &err);
                tokio::time::sleep(delay).await;
                continue;
            }
            self.report(&format!("{what}; given up"), &err);
            self.services.metrics().reply_dropped(self.platform);
            return Err(err);
        }
    }

    /// The platform answers again after `failures` failed attempts.
    pub fn regained(&self, failures: u32) {
        if failures > 0 {
            info!(failures, "{} reachable again", self.platform);
        }
        self.set(AdapterState::Connected);
    }

    /// Retries `call` with backoff (or as long as the platform asks) until it succeeds
    /// (`Some`), shutdown is requested (`None`), or the token is rejected (`Err`).
    pub async fn until_ok<T, E, F, Fut>(
        &self,
        shutdown: &CancellationToken,
        what: &str,
        mut call: F,
    ) -> Result<Option<T>, AdapterError>
    where
        E: Fault,
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        let mut backoff = Backoff::default();
        let mut gate = LogGate::default();
        loop {
            let result = tokio::select! {
                () = shutdown.cancelled() => return Ok(None),
                result = call() => result,
            };
            let err = match result {
                Ok(value) => return Ok(Some(value)),
                Err(err) if err.is_unauthorized() => return Err(self.unauthorized(&err)),
                Err(err) => err,
            };
            let delay = err.retry_after().unwrap_or_else(|| backoff.next_delay());
            self.lost(what, &err, delay, &mut gate);
            tokio::select! {
                () = shutdown.cancelled() => return Ok(None),
                () = tokio::time::sleep(delay) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_redacted_in_any_form() {
        let r = Redactor::new(["123:abc-DEF", ""]);
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

    #[derive(Debug, thiserror::Error)]
    #[error("refused by http://h/bot1:secret/GetMe")]
    struct Refused(bool);

    impl Fault for Refused {
        fn is_unauthorized(&self) -> bool {
            self.0
        }
        fn retry_after(&self) -> Option<Duration> {
            Some(Duration::from_millis(1))
        }
    }

    #[derive(Debug, thiserror::Error)]
    #[error("send failed (transient: {0})")]
    struct SendFailed(bool);

    impl Fault for SendFailed {
        fn is_unauthorized(&self) -> bool {
            false
        }
        fn is_transient(&self) -> bool {
            self.0
        }
    }

    fn dropped(services: &Services) -> String {
        let metrics = services.metrics().encode();
        metrics
            .lines()
            .find(|l| l.starts_with("ganhuo_replies_dropped_total{platform=\"discord\"}"))
            .unwrap_or_default()
            .to_owned()
    }

    #[tokio::test]
    async fn deliver_retries_transient_faults_until_the_deadline_and_counts_what_it_drops() {
        let services = Services::new(crate::search::Engine::shipped().unwrap(), 5);
        services.metrics().expect_platform(Platform::Discord);
        let connection = Connection::new(Platform::Discord, services.clone(), Redactor::default());
        assert!(dropped(&services).ends_with(" 0"), "{}", dropped(&services));
        // Two transient failures, then success: delivered, nothing dropped.
        let mut tries = 0;
        let got = connection
            .deliver("test", Duration::from_secs(5), || {
                tries += 1;
                let result = if tries < 3 {
                    Err(SendFailed(true))
                } else {
                    Ok(tries)
                };
                async move { result }
            })
            .await;
        assert_eq!(got.unwrap(), 3);
        assert!(dropped(&services).ends_with(" 0"));
        // A permanent failure is not retried.
        let mut tries = 0;
        let got = connection
            .deliver("test", Duration::from_secs(5), || {
                tries += 1;
                async { Err::<(), _>(SendFailed(false)) }
            })
            .await;
        assert!(got.is_err());
        assert_eq!(tries, 1);
        assert!(dropped(&services).ends_with(" 1"));
        // Transient failures are given up once the deadline is near.
        let started = Instant::now();
        let mut tries = 0;
        let got = connection
            .deliver("test", Duration::from_millis(900), || {
                tries += 1;
                async { Err::<(), _>(SendFailed(true)) }
            })
            .await;
        assert!(got.is_err());
        assert!(tries >= 2, "{tries}");
        assert!(started.elapsed() < Duration::from_millis(900));
        assert!(dropped(&services).ends_with(" 2"));
    }

    #[tokio::test]
    async fn until_ok_retries_then_gives_up_on_a_rejected_token() {
        let services = Services::new(crate::search::Engine::shipped().unwrap(), 5);
        let connection = Connection::new(
            Platform::Telegram,
            services.clone(),
            Redactor::new(["1:secret"]),
        );
        let shutdown = CancellationToken::new();
        let mut calls = 0;
        let got = connection
            .until_ok(&shutdown, "test", || {
                calls += 1;
                let result = if calls < 3 {
                    Err(Refused(false))
                } else {
                    Ok(calls)
                };
                async move { result }
            })
            .await;
        assert_eq!(got.unwrap(), Some(3));
        assert!(
            services
                .metrics()
                .encode()
                .contains("ganhuo_adapter_errors_total{platform=\"telegram\"} 2")
        );
        let rejected = connection
            .until_ok(&shutdown, "test", || async { Err::<(), _>(Refused(true)) })
            .await;
        match rejected {
            Err(AdapterError::Unauthorized { reason, .. }) => {
                assert!(!reason.contains("secret"), "{reason}")
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            services.health().snapshot()[&Platform::Telegram],
            AdapterState::Failed
        );
        shutdown.cancel();
        let stopped = connection
            .until_ok(
                &shutdown,
                "test",
                std::future::pending::<Result<(), Refused>>,
            )
            .await;
        assert!(matches!(stopped, Ok(None)));
    }
}
