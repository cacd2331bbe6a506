//! Telegram adapter (teloxide): translates updates into questions to the core and answers
//! into HTML messages with inline keyboards, in private chats, groups and inline mode.
//!
//! [`Telegram`] is the entry point `app` drives. Inside: `handlers` is the dispatcher's
//! handler tree, `render` turns answers into text and keyboards (pure), `callback` encodes
//! button data, `commands` decides which messages are for the bot, `flood` is the per-user
//! flood guard, `listener` receives updates (long polling or webhook channel), `webhook` is the
//! webhook route, and `faults` holds backoff, redaction and log-flood control.

mod callback;
mod commands;
mod faults;
mod flood;
mod handlers;
mod listener;
mod render;
mod webhook;

use std::fmt;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use teloxide::adaptors::Throttle;
use teloxide::adaptors::throttle::Limits;
use teloxide::dispatching::Dispatcher;
use teloxide::error_handlers::IgnoringErrorHandlerSafe;
use teloxide::payloads::{SetMyCommandsSetters, SetWebhookSetters};
use teloxide::requests::{Request, Requester};
use teloxide::types::Update;
use teloxide::{Bot, RequestError, dptree};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use tracing::{debug, info, warn};
use url::Url;

use crate::answer::Answer;
use crate::config::{TelegramConfig, TelegramMode};
use crate::service::{AdapterError, AdapterState, Outcome, Platform, Services};
use callback::CallbackCodec;
use faults::{Backoff, LogGate, Redactor, is_unauthorized, retry_after};
use flood::FloodGuard;
use handlers::HandlerError;

/// How long shutdown waits for replies in flight before abandoning them.
const GRACE: Duration = Duration::from_millis(1500);
/// How often a continuing run of handler errors is logged at warn.
const LOG_EVERY: Duration = Duration::from_secs(60);

/// The Telegram adapter. Build it with [`Telegram::new`], mount [`Telegram::webhook_router`]
/// in webhook mode, then [`Telegram::run`] it.
pub struct Telegram {
    services: Services,
    bot: Bot,
    redactor: Redactor,
    per_user_per_minute: u32,
    mode: Mode,
}

enum Mode {
    Polling,
    Webhook {
        url: Url,
        secret: String,
        /// Filled by `webhook_router`; shared so a failed start can re-attach to it.
        updates: Option<Arc<tokio::sync::Mutex<mpsc::Receiver<Update>>>>,
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

fn fatal(message: impl Into<String>) -> AdapterError {
    AdapterError::Fatal {
        platform: Platform::Telegram,
        message: message.into(),
    }
}

/// The Bot API base URL, ready for teloxide: http(s) only, and without a trailing slash,
/// which teloxide would turn into `//bot…`.
fn normalise_api_url(raw: &str) -> Result<Url, AdapterError> {
    let mut url = Url::parse(raw.trim())
        .map_err(|e| fatal(format!("telegram.api_url `{raw}` is not a URL: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") || url.cannot_be_a_base() {
        return Err(fatal(format!(
            "telegram.api_url `{raw}` must be an http(s) URL"
        )));
    }
    if let Ok(mut segments) = url.path_segments_mut() {
        segments.pop_if_empty();
    }
    url.set_query(None);
    url.set_fragment(None);
    Ok(url)
}

impl Telegram {
    /// Validates config, builds the bot (api_url normalised: no trailing slash problem).
    pub fn new(config: TelegramConfig, services: Services) -> Result<Telegram, AdapterError> {
        let token = config.token.expose().trim();
        if token.is_empty() {
            return Err(fatal(
                "no bot token (set telegram.token or TELEGRAM_BOT_TOKEN)",
            ));
        }
        if token.contains(|c: char| c.is_whitespace() || c == '/' || c == '?' || c == '#') {
            return Err(fatal("the bot token contains characters a token never has"));
        }
        let api_url = normalise_api_url(&config.api_url)?;
        let mode = match config.mode {
            TelegramMode::Polling => Mode::Polling,
            TelegramMode::Webhook => {
                let hook = config
                    .webhook
                    .as_ref()
                    .ok_or_else(|| fatal("webhook mode needs [telegram.webhook]"))?;
                let url = Url::parse(&hook.public_url)
                    .map_err(|e| fatal(format!("telegram.webhook.public_url is not a URL: {e}")))?;
                let secret = match hook.secret.expose().trim() {
                    "" => webhook::generate_secret(),
                    s => s.to_owned(),
                };
                Mode::Webhook {
                    url,
                    secret,
                    updates: None,
                }
            }
        };
        Ok(Telegram {
            services,
            bot: Bot::new(token).set_api_url(api_url),
            redactor: Redactor::new(token),
            per_user_per_minute: config.per_user_per_minute,
            mode,
        })
    }

    /// In webhook mode: the axum Router to mount on the shared HTTP server (route path taken
    /// from webhook.public_url's path; verifies the secret header). None in polling mode.
    /// Call before run().
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
        Some(webhook::router(
            &webhook::route_path(url),
            secret.clone(),
            tx,
        ))
    }

    /// Runs until `shutdown` is cancelled (then returns Ok(()) within ~2 s) or a permanent
    /// failure (token rejected → Err(AdapterError::Unauthorized)). Network errors and 5xx
    /// are retried with backoff while health says Reconnecting.
    pub async fn run(self, shutdown: CancellationToken) -> Result<(), AdapterError> {
        let services = self.services.clone();
        let result = self.serve(&shutdown).await;
        let state = match &result {
            Ok(()) => AdapterState::Stopped,
            Err(_) => AdapterState::Failed,
        };
        services.health().set(Platform::Telegram, state);
        match &result {
            Ok(()) => info!("Telegram adapter stopped"),
            Err(err) => warn!(%err, "Telegram adapter failed"),
        }
        result
    }

    async fn serve(mut self, shutdown: &CancellationToken) -> Result<(), AdapterError> {
        let ctx = Arc::new(Ctx::new(
            self.services.clone(),
            self.redactor.clone(),
            self.per_user_per_minute,
        ));
        let Some(me) = until_ok(&ctx, shutdown, "getMe", || self.bot.get_me().send()).await? else {
            return Ok(());
        };
        self.services
            .health()
            .set(Platform::Telegram, AdapterState::Connected);
        info!(
            username = me.user.username.as_deref().unwrap_or("?"),
            "connected to Telegram"
        );
        tokio::select! {
            () = shutdown.cancelled() => return Ok(()),
            () = self.prepare(&ctx, shutdown) => {}
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
        self.dispatch(ctx, updates, shutdown).await
    }

    /// Registers the command list and points Telegram at the right way of delivering updates.
    /// Failures here are logged, not fatal: the bot still answers without them.
    async fn prepare(&self, ctx: &Arc<Ctx>, shutdown: &CancellationToken) {
        for zh in [false, true] {
            let mut request = self.bot.set_my_commands(commands::bot_commands(zh));
            if zh {
                request = request.language_code("zh");
            }
            if let Err(err) = request.send().await {
                warn!(error = %ctx.redactor.describe(&err), "could not register the command list");
            }
        }
        match &self.mode {
            Mode::Polling => {
                // A webhook left behind by an earlier deployment makes getUpdates fail (409).
                match self.bot.get_webhook_info().send().await {
                    Ok(info) if info.url.is_some() => {
                        info!("removing the webhook set earlier, to poll instead");
                        if let Err(err) = self.bot.delete_webhook().send().await {
                            warn!(error = %ctx.redactor.describe(&err), "could not remove the webhook");
                        }
                    }
                    Ok(_) => {}
                    Err(err) => {
                        debug!(error = %ctx.redactor.describe(&err), "getWebhookInfo failed")
                    }
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
                let _ = until_ok(ctx, shutdown, "setWebhook", set).await;
            }
        }
    }

    async fn dispatch(
        &self,
        ctx: Arc<Ctx>,
        updates: Option<Arc<tokio::sync::Mutex<mpsc::Receiver<Update>>>>,
        shutdown: &CancellationToken,
    ) -> Result<(), AdapterError> {
        // Only `send*` calls are throttled; long polling goes through the plain bot.
        let bot = Throttle::new_spawn(self.bot.clone(), Limits::default());
        let report = Arc::clone(&ctx);
        let mut dispatcher = Dispatcher::builder(bot, handlers::schema())
            .dependencies(dptree::deps![Arc::clone(&ctx)])
            // Updates we did not subscribe to; teloxide's default would log them in full.
            .default_handler(|_| async {})
            .error_handler(Arc::new(move |err: HandlerError| {
                let ctx = Arc::clone(&report);
                async move { ctx.report(&err) }
            }))
            .build();
        let token = dispatcher.shutdown_token();
        let mut backoff = Backoff::default();
        loop {
            let fatal_slot = listener::FatalSlot::default();
            let listener = match &updates {
                None => listener::polling(
                    self.bot.clone(),
                    Arc::clone(&ctx),
                    Backoff::default(),
                    fatal_slot.clone(),
                ),
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
                Some(Err(err)) if is_unauthorized(&err) => {
                    let reason = ctx.redactor.describe(&err);
                    return Err(AdapterError::Unauthorized {
                        platform: Platform::Telegram,
                        reason,
                    });
                }
                Some(Err(err)) => {
                    ctx.services.metrics().adapter_error(Platform::Telegram);
                    self.services
                        .health()
                        .set(Platform::Telegram, AdapterState::Reconnecting);
                    warn!(error = %ctx.redactor.describe(&err), "could not start dispatching; retrying");
                }
            }
            tokio::select! {
                () = shutdown.cancelled() => return Ok(()),
                () = tokio::time::sleep(backoff.next_delay()) => {}
            }
        }
    }
}

/// Retries `call` with backoff until it succeeds (`Some`), shutdown is requested (`None`), or
/// the token is rejected (`Err`).
async fn until_ok<T, F, Fut>(
    ctx: &Ctx,
    shutdown: &CancellationToken,
    what: &'static str,
    mut call: F,
) -> Result<Option<T>, AdapterError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, RequestError>>,
{
    let mut backoff = Backoff::default();
    let mut gate = LogGate::new(LOG_EVERY);
    loop {
        let result = tokio::select! {
            () = shutdown.cancelled() => return Ok(None),
            result = call() => result,
        };
        let err = match result {
            Ok(value) => return Ok(Some(value)),
            Err(err) if is_unauthorized(&err) => {
                let reason = ctx.redactor.describe(&err);
                return Err(AdapterError::Unauthorized {
                    platform: Platform::Telegram,
                    reason,
                });
            }
            Err(err) => err,
        };
        let delay = retry_after(&err).unwrap_or_else(|| backoff.next_delay());
        ctx.services.metrics().adapter_error(Platform::Telegram);
        ctx.services
            .health()
            .set(Platform::Telegram, AdapterState::Reconnecting);
        let error = ctx.redactor.describe(&err);
        match gate.admit(Instant::now()) {
            Some(suppressed) => {
                warn!(call = what, %error, retry_in = ?delay, suppressed, "Telegram call failed; retrying")
            }
            None => debug!(call = what, %error, retry_in = ?delay, "Telegram call failed again"),
        }
        tokio::select! {
            () = shutdown.cancelled() => return Ok(None),
            () = tokio::time::sleep(delay) => {}
        }
    }
}

/// What every handler shares.
pub(crate) struct Ctx {
    services: Services,
    codec: CallbackCodec,
    flood: FloodGuard,
    inline_flood: FloodGuard,
    redactor: Redactor,
    errors: Mutex<LogGate>,
}

impl Ctx {
    fn new(services: Services, redactor: Redactor, per_minute: u32) -> Ctx {
        Ctx {
            services,
            codec: CallbackCodec::default(),
            flood: FloodGuard::new(per_minute),
            inline_flood: FloodGuard::new(per_minute.saturating_mul(3)),
            redactor,
            errors: Mutex::new(LogGate::new(LOG_EVERY)),
        }
    }

    /// An inline-mode page: Telegram takes up to 50 results at once, more than a message
    /// page, so this asks the engine directly and records the question itself.
    fn inline_answer(&self, query: &str, offset: usize) -> Answer {
        let started = Instant::now();
        let answer = self
            .services
            .engine()
            .answer(query, offset, render::INLINE_PAGE);
        let outcome = if answer.total == 0 {
            Outcome::NoResult
        } else {
            Outcome::Answered
        };
        self.services.metrics().observe_query(
            Platform::Telegram,
            outcome,
            started.elapsed().as_secs_f64(),
        );
        answer
    }

    /// Counts and logs a failed handler request, redacted and rate-limited.
    fn report(&self, err: &HandlerError) {
        self.services.metrics().adapter_error(Platform::Telegram);
        let error = self.redactor.describe(err);
        let admitted = self
            .errors
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .admit(Instant::now());
        match admitted {
            Some(suppressed) => warn!(%error, suppressed, "Telegram request failed"),
            None => debug!(%error, "Telegram request failed"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Secret, WebhookConfig};
    use crate::search::Engine;

    fn services() -> Services {
        Services::new(Engine::shipped().unwrap(), 5)
    }

    fn config(api_url: &str) -> TelegramConfig {
        TelegramConfig {
            token: Secret::new("123:abc"),
            api_url: api_url.into(),
            ..Default::default()
        }
    }

    /// What teloxide does with the base URL (`method_url` in teloxide-core).
    fn method_url(mut base: Url) -> String {
        base.path_segments_mut()
            .unwrap()
            .push("bot123:abc")
            .push("GetMe");
        base.to_string()
    }

    #[test]
    fn api_urls_are_normalised() {
        for (raw, expected) in [
            (
                "http://127.0.0.1:81",
                "http://127.0.0.1:81/bot123:abc/GetMe",
            ),
            (
                "http://127.0.0.1:81/",
                "http://127.0.0.1:81/bot123:abc/GetMe",
            ),
            (
                "https://h.example/tg/",
                "https://h.example/tg/bot123:abc/GetMe",
            ),
            (
                " https://h.example/tg ",
                "https://h.example/tg/bot123:abc/GetMe",
            ),
        ] {
            assert_eq!(
                method_url(normalise_api_url(raw).unwrap()),
                expected,
                "{raw}"
            );
        }
        for bad in ["", "not a url", "mailto:x@y", "ftp://h/"] {
            assert!(normalise_api_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn construction_validates() {
        assert!(Telegram::new(config("http://127.0.0.1:1/"), services()).is_ok());
        let no_token = TelegramConfig {
            token: Secret::default(),
            ..config("http://h")
        };
        assert!(matches!(
            Telegram::new(no_token, services()),
            Err(AdapterError::Fatal { .. })
        ));
        let hookless = TelegramConfig {
            mode: TelegramMode::Webhook,
            ..config("http://h")
        };
        assert!(Telegram::new(hookless, services()).is_err());
    }

    #[test]
    fn webhook_router_only_in_webhook_mode() {
        let mut polling = Telegram::new(config("http://h"), services()).unwrap();
        assert!(polling.webhook_router().is_none());
        let hook = TelegramConfig {
            mode: TelegramMode::Webhook,
            webhook: Some(WebhookConfig {
                public_url: "https://bot.example/tg".into(),
                secret: Secret::default(),
            }),
            ..config("http://h")
        };
        let mut webhook = Telegram::new(hook, services()).unwrap();
        assert!(webhook.webhook_router().is_some());
        assert!(!format!("{webhook:?}").contains("123:abc"));
    }
}
