//! Telegram adapter (teloxide): updates become requests to the presenter, views become HTML
//! messages with inline keyboards, in private chats, groups and inline mode.
//!
//! [`Telegram`] is the entry point `app` drives. Inside: `polling` fetches updates (or the
//! `webhook` route receives them), `handlers` takes each on as it arrives — flood guard first,
//! then its chat's lane — and answers it, [`render`] marks views up, [`callback`] encodes
//! actions as button data, and `commands` decides which messages are for the bot. What to
//! show is [`crate::present`]'s; backoff, retries, lanes, health and error logs are
//! [`crate::bots`]'.

pub mod callback;
mod commands;
mod handlers;
mod polling;
pub mod render;
mod webhook;

use std::fmt;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use teloxide::adaptors::Throttle;
use teloxide::adaptors::throttle::Limits;
use teloxide::errors::AsResponseParameters;
use teloxide::payloads::{SetMyCommandsSetters, SetWebhookSetters};
use teloxide::requests::{Request, Requester};
use teloxide::types::{Me, Update};
use teloxide::{ApiError, Bot, RequestError};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use tracing::{debug, info, warn};
use url::Url;

use crate::bots::flood::FloodGuard;
use crate::bots::{Connection, Fault, Redactor};
use crate::config::{DEFAULT_GRACE, TelegramConfig};
use crate::present::Presenter;
use crate::service::{AdapterError, AdapterState, Platform, Services};
use callback::CallbackCodec;
use handlers::Dispatcher;
use polling::{Poller, WINDOW};

/// The Telegram adapter. Build it with [`Telegram::new`], mount [`Telegram::webhook_router`]
/// in webhook mode, then [`Telegram::run`] it.
pub struct Telegram {
    bot: Bot,
    ctx: Arc<Ctx>,
    mode: Mode,
    grace: Duration,
}

enum Mode {
    Polling,
    Webhook {
        url: Url,
        secret: String,
        /// Filled by `webhook_router`.
        updates: Option<mpsc::Receiver<Update>>,
    },
}

impl fmt::Debug for Telegram {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mode = match &self.mode {
            Mode::Polling => "polling",
            Mode::Webhook { .. } => "webhook",
        };
        f.debug_struct("Telegram")
            .field("mode", &mode)
            .finish_non_exhaustive()
    }
}

impl Fault for RequestError {
    fn is_unauthorized(&self) -> bool {
        matches!(self, RequestError::Api(ApiError::InvalidToken))
    }

    fn retry_after(&self) -> Option<Duration> {
        AsResponseParameters::retry_after(self).map(|s| s.duration())
    }

    /// teloxide keeps no status code: a 5xx is an API error whose description it does not
    /// know, or an answer that is not JSON at all (a proxy's error page).
    fn is_transient(&self) -> bool {
        match self {
            RequestError::Network(_) | RequestError::Io(_) | RequestError::InvalidJson { .. } => {
                true
            }
            RequestError::Api(ApiError::Unknown(description)) => {
                let description = description.to_ascii_lowercase();
                [
                    "internal server error",
                    "bad gateway",
                    "service unavailable",
                    "gateway timeout",
                ]
                .iter()
                .any(|s| description.contains(s))
            }
            _ => false,
        }
    }
}

/// What every handler shares.
pub(crate) struct Ctx {
    presenter: Presenter,
    codec: CallbackCodec,
    flood: FloodGuard,
    inline_flood: FloodGuard,
    connection: Connection,
}

impl Telegram {
    /// Builds the bot from a checked configuration; nothing is sent yet.
    pub fn new(config: TelegramConfig, services: Services) -> Telegram {
        let token = config.token.expose();
        let mode = match config.webhook {
            None => Mode::Polling,
            Some(hook) => Mode::Webhook {
                url: hook.public_url,
                secret: match hook.secret.expose() {
                    "" => webhook::generate_secret(),
                    s => s.to_owned(),
                },
                updates: None,
            },
        };
        let per_minute = config.per_user_per_minute;
        let ctx = Ctx {
            presenter: Presenter::new(services.clone(), Platform::Telegram, render::BUDGET),
            codec: CallbackCodec::new(services.store().cloned()),
            flood: FloodGuard::new(per_minute),
            // Typing in inline mode sends a query per pause.
            inline_flood: FloodGuard::new(
                per_minute.saturating_mul(NonZeroU32::MIN.saturating_add(2)),
            ),
            connection: Connection::new(Platform::Telegram, services, Redactor::new([token])),
        };
        Telegram {
            bot: Bot::new(token).set_api_url(config.api_url),
            ctx: Arc::new(ctx),
            mode,
            grace: DEFAULT_GRACE,
        }
    }

    /// Sets how long shutdown waits for the work taken on to finish (default 8 s).
    #[must_use]
    pub fn grace(mut self, grace: Duration) -> Telegram {
        self.grace = grace;
        self
    }

    /// In webhook mode: the router to mount on the shared HTTP server (its route is the path
    /// of the webhook's public URL, and it verifies the secret header). `None` in polling
    /// mode. Call before [`Telegram::run`].
    pub fn webhook_router(&mut self) -> Option<axum::Router> {
        let Mode::Webhook {
            url,
            secret,
            updates,
        } = &mut self.mode
        else {
            return None;
        };
        let (tx, rx) = mpsc::channel(webhook::QUEUE);
        *updates = Some(rx);
        // A URL of an http(s) scheme always has a path, `/` at least.
        Some(webhook::router(url.path(), secret.clone(), tx))
    }

    /// Runs until `shutdown` is cancelled or a permanent failure (a rejected token is
    /// [`AdapterError::Unauthorized`]). Network errors and 5xx are retried with backoff while
    /// health says reconnecting. On shutdown it stops taking updates, finishes the work taken
    /// on within the grace period, confirms what was handled, and returns `Ok(())`.
    pub async fn run(self, shutdown: CancellationToken) -> Result<(), AdapterError> {
        let ctx = Arc::clone(&self.ctx);
        ctx.connection.finish(self.serve(&shutdown).await)
    }

    async fn serve(self, shutdown: &CancellationToken) -> Result<(), AdapterError> {
        let connection = &self.ctx.connection;
        let get_me = || self.bot.get_me().send();
        let Some(me) = connection.until_ok(shutdown, "getMe", get_me).await? else {
            return Ok(());
        };
        connection.set(AdapterState::Connected);
        info!(
            username = me.user.username.as_deref().unwrap_or("?"),
            "connected to Telegram"
        );
        tokio::select! {
            () = shutdown.cancelled() => return Ok(()),
            () = self.prepare(shutdown) => {}
        }
        if shutdown.is_cancelled() {
            return Ok(());
        }
        self.dispatch(me, shutdown).await
    }

    /// Registers the command list and points Telegram at the right way of delivering updates.
    /// Failures here are logged, not fatal: the bot still answers without them.
    async fn prepare(&self, shutdown: &CancellationToken) {
        let connection = &self.ctx.connection;
        for zh in [false, true] {
            let mut request = self.bot.set_my_commands(commands::bot_commands(zh));
            if zh {
                request = request.language_code("zh");
            }
            if let Err(err) = request.send().await {
                connection.report("registering the command list", &err);
            }
        }
        match &self.mode {
            Mode::Polling => {
                // A webhook left behind by an earlier deployment makes getUpdates fail (409).
                match self.bot.get_webhook_info().send().await {
                    Ok(info) if info.url.is_some() => {
                        info!("removing the webhook set earlier, to poll instead");
                        if let Err(err) = self.bot.delete_webhook().send().await {
                            connection.report("removing the webhook", &err);
                        }
                    }
                    Ok(_) => {}
                    Err(err) => debug!(error = %connection.describe(&err), "getWebhookInfo failed"),
                }
            }
            Mode::Webhook { url, secret, .. } => {
                let set = || {
                    self.bot
                        .set_webhook(url.clone())
                        .secret_token(secret.clone())
                        .allowed_updates(polling::ALLOWED_UPDATES.to_vec())
                        .send()
                };
                // A rejected token surfaces again in the dispatcher's getMe; nothing to add.
                let _ = connection.until_ok(shutdown, "setWebhook", set).await;
            }
        }
    }

    /// Takes updates on until shutdown, then finishes the work taken on within the grace
    /// period and confirms what was handled.
    async fn dispatch(mut self, me: Me, shutdown: &CancellationToken) -> Result<(), AdapterError> {
        // Only `send*` calls are throttled; polling goes through the plain client.
        let bot = Throttle::new_spawn(self.bot.clone(), Limits::default());
        let dispatcher = Dispatcher::new(bot, me, Arc::clone(&self.ctx));
        let connection = &self.ctx.connection;
        let mut poller = None;
        match &mut self.mode {
            Mode::Polling => {
                let polling = poller.insert(Poller::new(&self.bot));
                polling.run(&dispatcher, connection, shutdown).await?;
            }
            Mode::Webhook { updates, .. } => match updates.take() {
                Some(updates) => receive(updates, &dispatcher, shutdown).await,
                None => {
                    warn!(
                        "webhook mode, but webhook_router() was not mounted: no updates will arrive"
                    );
                    shutdown.cancelled().await;
                }
            },
        }
        dispatcher.work().finish("telegram", self.grace).await;
        if let Some(mut poller) = poller {
            poller.confirm().await;
        }
        Ok(())
    }
}

/// Takes on the updates the webhook route receives until shutdown, then those it already
/// acknowledged; later ones get a 503, so Telegram sends them again.
async fn receive(
    mut updates: mpsc::Receiver<Update>,
    dispatcher: &Dispatcher,
    shutdown: &CancellationToken,
) {
    let work = dispatcher.work();
    loop {
        let next = tokio::select! {
            biased;
            () = shutdown.cancelled() => break,
            () = work.wait_below(WINDOW) => tokio::select! {
                biased;
                () = shutdown.cancelled() => break,
                next = updates.recv() => next,
            },
        };
        match next {
            Some(update) => dispatcher.take(update, ()),
            None => break,
        }
    }
    updates.close();
    while let Ok(update) = updates.try_recv() {
        dispatcher.take(update, ());
    }
}
