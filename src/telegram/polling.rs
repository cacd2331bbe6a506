//! Long polling, our own: `getUpdates` read leniently, offsets confirmed only for updates
//! taken on, and nothing fetched that shutdown could not finish.
//!
//! - **Lenient batches.** The answer is read as a raw JSON array and each update parsed on its
//!   own: one malformed update is logged and skipped, the rest are handled, and the offset
//!   moves past it (teloxide's own `getUpdates` fails the whole batch, which is then fetched
//!   again forever).
//! - **Offsets in `i64`.** `update_id` 2147483647 is followed by 2147483648, not by a
//!   negative offset that makes Telegram send the same update again and again.
//! - **A bounded window.** An update is confirmed (by the next `getUpdates`) once it has been
//!   taken on: answered at once, dropped on purpose, or queued in its chat's bounded lane. No
//!   more than [`WINDOW`] updates are ever taken on and unfinished, so the grace period at
//!   shutdown can finish them; the rest stays with Telegram, unconfirmed, for the next
//!   process. At shutdown the last confirmation stops at the first update not finished.
//! - **Health.** Connected on every successful poll, reconnecting with capped exponential
//!   backoff on failure, errors counted and logged once per run, the token never printed.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use serde::Deserialize;
use serde_json::{Value, json};
use teloxide::Bot;
use teloxide::types::{AllowedUpdate, Update};
use tokio_util::sync::CancellationToken;
use tracing::{debug, warn};
use url::Url;

use super::handlers::Dispatcher;
use crate::bots::{Connection, Fault};
use crate::pacing::{Backoff, LogGate};
use crate::service::AdapterError;

/// Long-poll duration asked of Telegram; below the client's 17 s request timeout.
pub const POLL_TIMEOUT: Duration = Duration::from_secs(10);
/// The update kinds the bot handles.
pub const ALLOWED_UPDATES: [AllowedUpdate; 3] = [
    AllowedUpdate::Message,
    AllowedUpdate::CallbackQuery,
    AllowedUpdate::InlineQuery,
];
/// Most updates taken on and not finished at once (Telegram's largest batch, too). At the
/// global pace of 30 messages a second they are answered in under four seconds.
pub const WINDOW: usize = 100;
/// How long shutdown waits for Telegram to take the last confirmation.
const CONFIRM_WITHIN: Duration = Duration::from_millis(800);

/// Why a poll failed.
#[derive(Debug, thiserror::Error)]
pub enum PollError {
    /// No answer: the connection failed or timed out.
    #[error("getUpdates failed")]
    Network(#[source] reqwest::Error),
    /// Telegram answered with an error, or with something that is not a Bot API answer.
    #[error("getUpdates answered HTTP {status}: {description}")]
    Refused {
        /// The HTTP status.
        status: u16,
        /// Telegram's description of the error.
        description: String,
        /// How long Telegram asked us to wait.
        retry_after: Option<u64>,
    },
}

impl PollError {
    /// Without the request URL, which holds the token (the redactor would catch it too).
    fn network(err: reqwest::Error) -> PollError {
        PollError::Network(err.without_url())
    }
}

impl Fault for PollError {
    fn is_unauthorized(&self) -> bool {
        matches!(self, PollError::Refused { status: 401, .. })
    }

    fn retry_after(&self) -> Option<Duration> {
        match self {
            PollError::Refused {
                retry_after: Some(secs),
                ..
            } => Some(Duration::from_secs(*secs)),
            _ => None,
        }
    }

    fn is_transient(&self) -> bool {
        match self {
            PollError::Network(_) => true,
            PollError::Refused { status, .. } => *status >= 500 || *status == 429,
        }
    }
}

/// A Bot API answer, its result left raw so that each update is parsed on its own.
#[derive(Deserialize)]
struct Answer {
    ok: bool,
    #[serde(default)]
    result: Value,
    #[serde(default)]
    description: String,
    #[serde(default)]
    parameters: Option<Parameters>,
}

#[derive(Deserialize)]
struct Parameters {
    retry_after: Option<u64>,
}

/// Updates taken on and not finished, by id.
type Unfinished = Arc<Mutex<BTreeSet<i64>>>;

/// Held by an update's work; when the last clone is dropped, the update is finished.
#[derive(Debug)]
pub struct Receipt {
    id: i64,
    unfinished: Unfinished,
}

impl Drop for Receipt {
    fn drop(&mut self) {
        lock(&self.unfinished).remove(&self.id);
    }
}

fn lock(unfinished: &Unfinished) -> std::sync::MutexGuard<'_, BTreeSet<i64>> {
    // Single insertions and removals: a poisoned set is still consistent.
    unfinished.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The polling loop's state.
pub struct Poller {
    client: reqwest::Client,
    url: Url,
    /// The offset of the next poll: one past every update seen.
    next: i64,
    /// The offset Telegram last accepted: every update below it is confirmed.
    confirmed: i64,
    unfinished: Unfinished,
    /// Sent until one poll succeeds; Telegram remembers it after that.
    send_allowed: bool,
}

impl Poller {
    /// A poller using `bot`'s HTTP client, server and token.
    pub fn new(bot: &Bot) -> Poller {
        let mut url = bot.api_url();
        if let Ok(mut segments) = url.path_segments_mut() {
            segments
                .pop_if_empty()
                .push(&format!("bot{}", bot.token()))
                .push("getUpdates");
        }
        Poller {
            client: bot.client().clone(),
            url,
            next: 0,
            confirmed: 0,
            unfinished: Unfinished::default(),
            send_allowed: true,
        }
    }

    /// Polls and hands updates to `dispatcher` until `shutdown` (`Ok`) or a rejected token.
    /// Call [`Poller::confirm`] once the work taken on is finished.
    pub async fn run(
        &mut self,
        dispatcher: &Dispatcher,
        connection: &Connection,
        shutdown: &CancellationToken,
    ) -> Result<(), AdapterError> {
        let mut backoff = Backoff::default();
        let mut gate = LogGate::default();
        let work = dispatcher.work();
        loop {
            // Take no more than shutdown can finish.
            tokio::select! {
                biased;
                () = shutdown.cancelled() => return Ok(()),
                () = work.wait_below(WINDOW) => {}
            }
            let limit = WINDOW.saturating_sub(work.count()).max(1);
            let result = tokio::select! {
                biased;
                () = shutdown.cancelled() => return Ok(()),
                result = self.get_updates(self.next, limit, POLL_TIMEOUT) => result,
            };
            match result {
                Ok(batch) => {
                    connection.regained(backoff.failures());
                    backoff.reset();
                    gate.reset();
                    self.send_allowed = false;
                    for raw in batch {
                        self.take(raw, dispatcher);
                    }
                }
                Err(err) if err.is_unauthorized() => return Err(connection.unauthorized(&err)),
                Err(err) => {
                    let delay = err.retry_after().unwrap_or_else(|| backoff.next_delay());
                    connection.lost("getUpdates", &err, delay, &mut gate);
                    tokio::select! {
                        () = shutdown.cancelled() => return Ok(()),
                        () = tokio::time::sleep(delay) => {}
                    }
                }
            }
        }
    }

    /// Parses one update of a batch and hands it on; one that does not parse is skipped.
    fn take(&mut self, raw: Value, dispatcher: &Dispatcher) {
        let id = raw.get("update_id").and_then(Value::as_i64);
        match id {
            // Telegram sends only what is at or past the offset; anything else is a replay.
            Some(id) if id < self.next => {
                debug!(id, "an update seen before; skipped");
                return;
            }
            Some(id) => self.next = id.saturating_add(1),
            None => warn!("skipping an update without a readable update_id"),
        }
        // From text, not from the `Value`: teloxide reads the kind's key as a borrowed `&str`,
        // which a `Value` cannot lend, and then takes every update for an unknown kind.
        match serde_json::from_str::<Update>(&raw.to_string()) {
            Ok(update) => {
                let receipt = id.map(|id| {
                    lock(&self.unfinished).insert(id);
                    Arc::new(Receipt {
                        id,
                        unfinished: Arc::clone(&self.unfinished),
                    })
                });
                dispatcher.take(update, receipt);
            }
            Err(err) => {
                warn!(update_id = id, "skipping an update that does not parse");
                // The error may quote the update's text: debug only.
                debug!(%err, "the update that does not parse");
            }
        }
    }

    /// Confirms what shutdown finished, up to the first update taken on and not finished:
    /// that one and those after it stay with Telegram for the next process.
    pub async fn confirm(&mut self) {
        let first_unfinished = lock(&self.unfinished).first().copied();
        let offset = first_unfinished.unwrap_or(self.next);
        if offset <= self.confirmed {
            return;
        }
        match tokio::time::timeout(CONFIRM_WITHIN, self.get_updates(offset, 1, Duration::ZERO))
            .await
        {
            Ok(Ok(_)) => debug!(offset, "confirmed the updates handled"),
            Ok(Err(err)) => debug!(error = %err, "confirming the updates handled failed"),
            Err(_) => debug!("confirming the updates handled timed out"),
        }
    }

    /// One `getUpdates`; on success Telegram has confirmed every update below `offset`.
    async fn get_updates(
        &mut self,
        offset: i64,
        limit: usize,
        timeout: Duration,
    ) -> Result<Vec<Value>, PollError> {
        let mut body = json!({ "offset": offset, "limit": limit, "timeout": timeout.as_secs() });
        if self.send_allowed {
            body["allowed_updates"] = json!(ALLOWED_UPDATES);
        }
        let response = self
            .client
            .post(self.url.clone())
            .json(&body)
            .send()
            .await
            .map_err(PollError::network)?;
        let status = response.status().as_u16();
        let bytes = response.bytes().await.map_err(PollError::network)?;
        let refused = |description: String, retry_after| PollError::Refused {
            status,
            description,
            retry_after,
        };
        let answer: Answer = serde_json::from_slice(&bytes)
            .map_err(|_| refused("not a Bot API answer".into(), None))?;
        match answer.result {
            Value::Array(updates) if answer.ok => {
                self.confirmed = self.confirmed.max(offset);
                Ok(updates)
            }
            _ => Err(refused(
                answer.description,
                answer.parameters.and_then(|p| p.retry_after),
            )),
        }
    }
}
