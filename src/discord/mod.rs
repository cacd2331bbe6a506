//! Discord adapter (serenity): `/ask` with autocomplete, `/topics`, `/help`, answered with
//! embeds and buttons.
//!
//! The adapter only translates: interactions become questions for [`Services`], and answers
//! are rendered by the pure [`render`] module within Discord's limits. [`Discord::run`] owns
//! the serenity client; reconnects are serenity's, shutdown is the caller's token.
//!
//! Modules: `commands` (definitions and localisations), `handler` (gateway events),
//! `render` (answer → reply values), `convert` (reply values → serenity builders),
//! `custom_id` (stateless component ids), `limits` (Discord's size limits).

pub mod commands;
mod convert;
pub mod custom_id;
mod handler;
pub mod limits;
pub mod render;

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serenity::all::{ClientBuilder, GatewayError, GatewayIntents, HttpBuilder, HttpError};
use serenity::http::Http;
use tokio_util::sync::CancellationToken;
use tracing::{info, warn};

use crate::config::{DiscordConfig, ShardConfig};
use crate::service::{AdapterError, AdapterState, Platform, Services};

use handler::Handler;

/// How long an answer may take before the interaction is deferred (Discord allows 3 s for
/// the first response, network included).
const DEFAULT_DEFER_AFTER: Duration = Duration::from_millis(1200);
/// How long shutdown waits for the shards to close before returning anyway.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);
/// Longest wait between attempts to reach Discord at start-up.
const MAX_BACKOFF: Duration = Duration::from_secs(60);

/// The Discord bot: build it with [`Discord::new`], then [`Discord::run`] it.
pub struct Discord {
    http: Http,
    services: Services,
    guild_id: u64,
    ephemeral: bool,
    shards: Option<ShardConfig>,
    defer_after: Duration,
}

impl fmt::Debug for Discord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // No token here, not even redacted: there is nothing useful to see.
        f.debug_struct("Discord")
            .field("guild_id", &self.guild_id)
            .field("ephemeral", &self.ephemeral)
            .field("shards", &self.shards)
            .finish_non_exhaustive()
    }
}

fn fatal(message: impl Into<String>) -> AdapterError {
    AdapterError::Fatal {
        platform: Platform::Discord,
        message: message.into(),
    }
}

impl Discord {
    /// Checks the configuration and builds the REST client; nothing is sent yet.
    pub fn new(config: DiscordConfig, services: Services) -> Result<Discord, AdapterError> {
        if config.token.is_empty() {
            return Err(fatal("no bot token (set [discord] token or DISCORD_TOKEN)"));
        }
        if let Some(s) = config.shards
            && (s.total == 0
                || s.count == 0
                || s.first.checked_add(s.count).is_none_or(|end| end > s.total))
        {
            return Err(fatal(format!(
                "shards: first ({}) + count ({}) must be within total ({})",
                s.first, s.count, s.total
            )));
        }
        let mut builder = HttpBuilder::new(config.token.expose());
        let proxy = config.proxy_url.trim();
        if !proxy.is_empty() {
            if url::Url::parse(proxy).is_err() {
                return Err(fatal(format!("proxy_url is not a URL: {proxy}")));
            }
            // serenity's rate-limited request path ignores the proxy, and the proxy limits
            // rates anyway. The client is built from this Http: `ClientBuilder::token` would
            // rebuild it and drop the proxy.
            builder = builder
                .proxy(proxy.trim_end_matches('/'))
                .ratelimiter_disabled(true);
        }
        Ok(Discord {
            http: builder.build(),
            services,
            guild_id: config.guild_id,
            ephemeral: config.ephemeral,
            shards: config.shards,
            defer_after: DEFAULT_DEFER_AFTER,
        })
    }

    /// Sets how long an answer may take before the interaction is deferred and the answer
    /// edited in afterwards (default 1.2 s). Zero always defers, which tests use to exercise
    /// that path.
    #[must_use]
    pub fn defer_after(mut self, after: Duration) -> Discord {
        self.defer_after = after;
        self
    }

    /// Runs until `shutdown` is cancelled (then shuts the shards down and returns `Ok(())`
    /// within about two seconds) or a permanent failure: a rejected token is
    /// [`AdapterError::Unauthorized`]. Network faults at start-up are retried with backoff;
    /// after that, reconnecting is serenity's.
    pub async fn run(self, shutdown: CancellationToken) -> Result<(), AdapterError> {
        let health = self.services.health();
        health.set(Platform::Discord, AdapterState::Starting);
        let Some(recommended) = self.gateway_shards(&shutdown).await? else {
            health.set(Platform::Discord, AdapterState::Stopped);
            return Ok(());
        };
        let stopping = Arc::new(AtomicBool::new(false));
        let handler = Handler {
            services: self.services.clone(),
            guild_id: self.guild_id,
            ephemeral: self.ephemeral,
            defer_after: self.defer_after,
            stopping: Arc::clone(&stopping),
            registered: AtomicBool::new(false),
        };
        // Interactions arrive whatever the intents; asking for none keeps the gateway quiet.
        let mut client = ClientBuilder::new_with_http(self.http, GatewayIntents::empty())
            .event_handler(handler)
            .await
            .map_err(|err| fatal(format!("cannot build the client: {}", describe(&err))))?;
        let manager = Arc::clone(&client.shard_manager);
        let shards = self.shards;
        let started = async {
            match shards {
                // serenity's range end is inclusive (it starts `end - start + 1` shards), so
                // `first..first + count` would start one shard too many.
                Some(s) => {
                    info!(
                        first = s.first,
                        count = s.count,
                        total = s.total,
                        "discord: starting shards"
                    );
                    client
                        .start_shard_range(s.first..s.first + s.count - 1, s.total)
                        .await
                }
                None => {
                    info!(total = recommended, "discord: starting shards");
                    client.start_shards(recommended).await
                }
            }
        };
        let result = tokio::select! {
            result = started => result,
            () = shutdown.cancelled() => {
                stopping.store(true, Ordering::SeqCst);
                info!("discord: shutting down");
                if tokio::time::timeout(SHUTDOWN_GRACE, manager.shutdown_all()).await.is_err() {
                    warn!("discord: shards did not close in time; leaving anyway");
                }
                health.set(Platform::Discord, AdapterState::Stopped);
                return Ok(());
            }
        };
        let error = match result {
            Ok(()) => fatal("every shard stopped"),
            Err(serenity::Error::Gateway(GatewayError::InvalidAuthentication)) => {
                AdapterError::Unauthorized {
                    platform: Platform::Discord,
                    reason: "the gateway refused the token".into(),
                }
            }
            Err(err) => fatal(format!("gateway failed: {}", describe(&err))),
        };
        health.set(Platform::Discord, AdapterState::Failed);
        Err(error)
    }

    /// Asks Discord how many shards it recommends, which also proves the token: `Ok(None)`
    /// when shutdown came first. Anything but a rejected token is retried with backoff.
    async fn gateway_shards(
        &self,
        shutdown: &CancellationToken,
    ) -> Result<Option<u32>, AdapterError> {
        let mut delay = Duration::from_secs(1);
        loop {
            let attempt = tokio::select! {
                () = shutdown.cancelled() => return Ok(None),
                attempt = self.http.get_bot_gateway() => attempt,
            };
            match attempt {
                Ok(gateway) => return Ok(Some(gateway.shards.max(1))),
                Err(err) if is_unauthorized(&err) => {
                    self.services
                        .health()
                        .set(Platform::Discord, AdapterState::Failed);
                    return Err(AdapterError::Unauthorized {
                        platform: Platform::Discord,
                        reason: describe(&err),
                    });
                }
                Err(err) => {
                    self.services.metrics().adapter_error(Platform::Discord);
                    warn!(error = %describe(&err), retry_in = ?delay, "discord: cannot reach Discord");
                    tokio::select! {
                        () = shutdown.cancelled() => return Ok(None),
                        () = tokio::time::sleep(delay) => {}
                    }
                    delay = (delay * 2).min(MAX_BACKOFF);
                }
            }
        }
    }
}

fn is_unauthorized(err: &serenity::Error) -> bool {
    matches!(err, serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) if r.status_code.as_u16() == 401)
}

/// An error as logs may show it: never a request URL, which for interactions holds the
/// interaction token.
pub(crate) fn describe(err: &serenity::Error) -> String {
    match err {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) => {
            format!(
                "HTTP {} (code {}): {}",
                r.status_code.as_u16(),
                r.error.code,
                r.error.message
            )
        }
        serenity::Error::Http(HttpError::Request(e)) => {
            let mut text = String::from(if e.is_timeout() {
                "request timed out"
            } else {
                "request failed"
            });
            let mut source = std::error::Error::source(e);
            while let Some(cause) = source {
                text.push_str(": ");
                text.push_str(&cause.to_string());
                source = cause.source();
            }
            text
        }
        other => other.to_string(),
    }
}
