//! Where updates come from, as a teloxide update listener: long polling, or the channel the
//! webhook route feeds.
//!
//! Polling is our own rather than teloxide's `Polling` so that it can report health
//! (Connected on every successful `getUpdates`, Reconnecting on failure), count errors in the
//! metrics, back off exponentially with a cap, log a failure run once instead of once per
//! attempt, never print the token, and stop at once on shutdown.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::Duration;

// `futures` is not a direct dependency of ganhuo; serenity re-exports it (see the report).
use futures_util::StreamExt;
use futures_util::stream::{self, BoxStream};
use teloxide::Bot;
use teloxide::payloads::GetUpdatesSetters;
use teloxide::requests::{Request, Requester};
use teloxide::stop::{StopFlag, StopToken, mk_stop_token};
use teloxide::types::{AllowedUpdate, Update};
use teloxide::update_listeners::{AsUpdateStream, UpdateListener};
use tokio::sync::mpsc;
use tracing::debug;

use super::Ctx;
use crate::bots::{Backoff, Fault, LogGate};
use crate::service::AdapterError;

/// Long-poll duration asked of Telegram; below teloxide's 17 s HTTP timeout.
pub const POLL_TIMEOUT: Duration = Duration::from_secs(10);
/// The update kinds the handler tree uses.
pub const ALLOWED_UPDATES: [AllowedUpdate; 3] = [
    AllowedUpdate::Message,
    AllowedUpdate::CallbackQuery,
    AllowedUpdate::InlineQuery,
];

/// A permanent failure found by the listener, for `run` to return.
pub type FatalSlot = Arc<Mutex<Option<AdapterError>>>;

/// Takes the fatal error out of a slot, if one was stored.
pub fn take_fatal(slot: &FatalSlot) -> Option<AdapterError> {
    slot.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .take()
}

/// An update stream plus the token that stops it.
pub struct Listener {
    stream: Option<BoxStream<'static, Result<Update, Infallible>>>,
    stop: StopToken,
}

impl<'a> AsUpdateStream<'a> for Listener {
    type StreamErr = Infallible;
    type Stream = BoxStream<'a, Result<Update, Infallible>>;

    fn as_stream(&'a mut self) -> Self::Stream {
        self.stream
            .take()
            .unwrap_or_else(|| stream::empty().boxed())
    }
}

impl UpdateListener for Listener {
    type Err = Infallible;

    fn stop_token(&mut self) -> StopToken {
        self.stop.clone()
    }
}

/// A long-polling listener. A rejected token ends the stream and lands in `fatal`.
pub fn polling(bot: Bot, ctx: Arc<Ctx>, fatal: FatalSlot) -> Listener {
    let (stop, flag) = mk_stop_token();
    let poller = Poller {
        bot,
        ctx,
        flag,
        fatal,
        backoff: Backoff::default(),
        gate: LogGate::default(),
        offset: 0,
        buffer: VecDeque::new(),
        allowed: Some(ALLOWED_UPDATES.to_vec()),
        done: false,
    };
    let stream = stream::unfold(
        poller,
        |mut p| async move { p.next().await.map(|u| (Ok(u), p)) },
    );
    Listener {
        stream: Some(stream.boxed()),
        stop,
    }
}

struct Poller {
    bot: Bot,
    ctx: Arc<Ctx>,
    flag: StopFlag,
    fatal: FatalSlot,
    backoff: Backoff,
    gate: LogGate,
    offset: i32,
    buffer: VecDeque<Update>,
    /// Sent until one poll succeeds; Telegram remembers it after that.
    allowed: Option<Vec<AllowedUpdate>>,
    done: bool,
}

impl Poller {
    async fn next(&mut self) -> Option<Update> {
        loop {
            if let Some(update) = self.buffer.pop_front() {
                return Some(update);
            }
            if self.done {
                return None;
            }
            if self.flag.is_stopped() {
                self.done = true;
                self.confirm().await;
                return None;
            }
            let mut request = self
                .bot
                .get_updates()
                .offset(self.offset)
                .timeout(POLL_TIMEOUT.as_secs() as u32);
            if let Some(allowed) = &self.allowed {
                request = request.allowed_updates(allowed.clone());
            }
            let result = tokio::select! {
                biased;
                () = self.flag.clone() => continue,
                result = request.send() => result,
            };
            match result {
                Ok(updates) => self.received(updates),
                Err(err) if err.is_unauthorized() => {
                    let fatal = self.ctx.connection.unauthorized(&err);
                    *self
                        .fatal
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(fatal);
                    self.done = true;
                }
                Err(err) => {
                    let delay = err
                        .retry_after()
                        .unwrap_or_else(|| self.backoff.next_delay());
                    self.ctx
                        .connection
                        .lost("getUpdates", &err, delay, &mut self.gate);
                    tokio::select! {
                        () = self.flag.clone() => {}
                        () = tokio::time::sleep(delay) => {}
                    }
                }
            }
        }
    }

    fn received(&mut self, updates: Vec<Update>) {
        self.ctx.connection.regained(self.backoff.failures());
        self.backoff.reset();
        self.gate.reset();
        self.allowed = None;
        if let Some(last) = updates.last() {
            self.offset = last.id.as_offset();
        }
        self.buffer.extend(updates);
    }

    /// Tells Telegram which updates were handled, so a restart does not see them again.
    async fn confirm(&self) {
        if self.offset == 0 {
            return;
        }
        let request = self
            .bot
            .get_updates()
            .offset(self.offset)
            .limit(1)
            .timeout(0)
            .send();
        if tokio::time::timeout(Duration::from_millis(800), request)
            .await
            .is_err()
        {
            debug!("confirming the last update timed out during shutdown");
        }
    }
}

/// A listener over the updates the webhook route receives.
pub fn channel(updates: Arc<tokio::sync::Mutex<mpsc::Receiver<Update>>>) -> Listener {
    let (stop, flag) = mk_stop_token();
    let stream = stream::once(updates.lock_owned())
        .flat_map(move |rx| {
            stream::unfold((rx, flag.clone()), |(mut rx, flag)| async move {
                let next = if flag.is_stopped() {
                    rx.try_recv().ok()
                } else {
                    tokio::select! {
                        biased;
                        update = rx.recv() => update,
                        // After a stop, hand over what already arrived, then end.
                        () = flag.clone() => rx.try_recv().ok(),
                    }
                };
                next.map(|u| (Ok(u), (rx, flag)))
            })
        })
        .boxed();
    Listener {
        stream: Some(stream),
        stop,
    }
}
