//! Telegram adapter (teloxide): updates become requests to the presenter, views become HTML
//! messages with inline keyboards, in private chats, groups and inline mode.
//!
//! [`Telegram`] is the entry point `app` drives. Inside: `handlers` is the dispatcher's
//! handler tree, [`render`] marks views up, [`callback`] encodes actions as button data,
//! `commands` decides which messages are for the bot, `listener` receives updates (long
//! polling or the webhook channel) and `webhook` is the webhook route. What to show is
//! [`crate::present`]'s; backoff, health and error logs are [`crate::bots`]'.

pub mod callback;
mod commands;
mod handlers;
mod listener;
pub mod render;
mod webhook;

use std::fmt;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use teloxide::adaptors::Throttle;
use teloxide::adaptors::throttle::Limits;
use teloxide::dispatching::Dispatcher;
use teloxide::error_handlers::IgnoringErrorHandlerSafe;
use teloxide::errors::AsResponseParameters;
use teloxide::payloads::{SetMyCommandsSetters, SetWebhookSetters};
use teloxide::requests::{Request, Requester};
use teloxide::types::Update;
use teloxide::{ApiError, Bot, RequestError, dptree};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use tracing::{debug, info, warn};
use url::Url;

use crate::bots::flood::FloodGuard;
use crate::bots::{Backoff, Connection, Fault, Redactor};
use crate::config::TelegramConfig;
use crate::present::Presenter;
use crate::service::{AdapterError, AdapterState, Platform, Services};
use callback::CallbackCodec;
use handlers::HandlerError;

/// How long shutdown waits for replies in flight before abandoning them.
const GRACE: Duration = Duration::from_millis(1500);

/// The Telegram adapter. Build it with [`Telegram::new`], mount [`Telegram::webhook_router`]
/// in webhook mode, then [`Telegram::run`] it.
pub struct Telegram {
    bot: Bot,
    ctx: Arc<Ctx>,
    mode: Mode,
}

enum Mode {
    Polling,
    Webhook {
        url: Url,
        secret: String,
        /// Filled by `webhook_router`; shared so a failed start can re-attach to it.
        updates: Option<Updates>,
    },
}

type Updates = Arc<tokio::sync::Mutex<mpsc::Receiver<Update>>>;

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
            codec: CallbackCodec::default(),
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
        }
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
        *updates = Some(Arc::new(tokio::sync::Mutex::new(rx)));
        // A URL of an http(s) scheme always has a path, `/` at least.
        Some(webhook::router(url.path(), secret.clone(), tx))
    }

    /// Runs until `shutdown` is cancelled (then returns `Ok(())` within about two seconds) or
    /// a permanent failure (a rejected token is [`AdapterError::Unauthorized`]). Network
    /// errors and 5xx are retried with backoff while health says reconnecting.
    pub async fn run(self, shutdown: CancellationToken) -> Result<(), AdapterError> {
        let ctx = Arc::clone(&self.ctx);
        ctx.connection.finish(self.serve(&shutdown).await)
    }

    async fn serve(mut self, shutdown: &CancellationToken) -> Result<(), AdapterError> {
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
        let updates = match &mut self.mode {
            Mode::Polling => None,
            Mode::Webhook { updates, .. } => Some(updates.take().unwrap_or_else(|| {
                warn!("webhook mode, but webhook_router() was not mounted: no updates will arrive");
                let (_tx, rx) = mpsc::channel(1);
                Arc::new(tokio::sync::Mutex::new(rx))
            })),
        };
        self.dispatch(updates, shutdown).await
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
                        .allowed_updates(listener::ALLOWED_UPDATES.to_vec())
                        .send()
                };
                // A rejected token surfaces again in the dispatcher's getMe; nothing to add.
                let _ = connection.until_ok(shutdown, "setWebhook", set).await;
            }
        }
    }

    async fn dispatch(
        &self,
        updates: Option<Updates>,
        shutdown: &CancellationToken,
    ) -> Result<(), AdapterError> {
        // Only `send*` calls are throttled; long polling goes through the plain bot.
        let bot = Throttle::new_spawn(self.bot.clone(), Limits::default());
        let report = Arc::clone(&self.ctx);
        let mut dispatcher = Dispatcher::builder(bot, handlers::schema())
            .dependencies(dptree::deps![Arc::clone(&self.ctx)])
            // Updates we did not subscribe to; teloxide's default would log them in full.
            .default_handler(|_| async {})
            .error_handler(Arc::new(move |err: HandlerError| {
                let ctx = Arc::clone(&report);
                async move { ctx.connection.report("a Telegram request", &err) }
            }))
            .build();
        let token = dispatcher.shutdown_token();
        let connection = &self.ctx.connection;
        let mut backoff = Backoff::default();
        loop {
            let fatal_slot = listener::FatalSlot::default();
            let listener = match &updates {
                None => {
                    listener::polling(self.bot.clone(), Arc::clone(&self.ctx), fatal_slot.clone())
                }
                Some(rx) => listener::channel(Arc::clone(rx)),
            };
            let dispatching =
                dispatcher.try_dispatch_with_listener(listener, IgnoringErrorHandlerSafe::new());
            tokio::pin!(dispatching);
            let finished = tokio::select! {
                result = &mut dispatching => Some(result),
                () = shutdown.cancelled() => None,
            };
            match finished {
                None => {
                    // Idle means the dispatcher is still in its own getMe: nothing to drain.
                    if token.shutdown().is_ok()
                        && tokio::time::timeout(GRACE, &mut dispatching).await.is_err()
                    {
                        warn!("shutdown grace period over; abandoning replies in flight");
                    }
                    return Ok(());
                }
                Some(Ok(())) => {
                    if let Some(err) = listener::take_fatal(&fatal_slot) {
                        return Err(err);
                    }
                    if shutdown.is_cancelled() {
                        return Ok(());
                    }
                    warn!("the update source ended unexpectedly; restarting it");
                }
                Some(Err(err)) if err.is_unauthorized() => {
                    return Err(connection.unauthorized(&err));
                }
                Some(Err(err)) => {
                    connection.report("starting to dispatch", &err);
                    connection.set(AdapterState::Reconnecting);
                }
            }
            tokio::select! {
                () = shutdown.cancelled() => return Ok(()),
                () = tokio::time::sleep(backoff.next_delay()) => {}
            }
        }
    }
}
