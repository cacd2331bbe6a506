//! Discord adapter (serenity): `/ask` with autocomplete, `/topics` and `/help`, answered with
//! embeds and components.
//!
//! Interactions become requests to the presenter ([`crate::present`]), and views are marked up
//! by [`render`] within Discord's limits. [`Discord::run`] owns the serenity client;
//! reconnects are serenity's, shutdown is the caller's token.
//!
//! Modules: `commands` (definitions and localisations), `handler` (gateway events), [`render`]
//! (views → reply values → serenity builders), [`custom_id`] (actions as component ids).

mod commands;
pub mod custom_id;
mod handler;
pub mod render;

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serenity::all::{ClientBuilder, GatewayError, GatewayIntents, HttpBuilder, HttpError};
use serenity::http::Http;
use tokio_util::sync::CancellationToken;
use tracing::{info, warn};

use crate::bots::work::InFlight;
use crate::bots::{Connection, Fault, Redactor};
use crate::config::{DEFAULT_GRACE, DiscordConfig, ShardRange};
use crate::present::Presenter;
use crate::service::{AdapterError, AdapterState, Platform, Services};

use handler::Handler;

/// How long an answer may take before the interaction is deferred (Discord allows 3 s for
/// the first response, network included).
const DEFAULT_DEFER_AFTER: Duration = Duration::from_millis(1200);
/// How long shutdown waits for the shards to close before returning anyway.
const SHARDS_CLOSE_WITHIN: Duration = Duration::from_secs(1);

/// The Discord bot: build it with [`Discord::new`], then [`Discord::run`] it.
pub struct Discord {
    http: Http,
    presenter: Presenter,
    connection: Arc<Connection>,
    guild_id: u64,
    ephemeral: bool,
    shards: Option<ShardRange>,
    defer_after: Duration,
    grace: Duration,
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

impl Fault for serenity::Error {
    fn is_unauthorized(&self) -> bool {
        match self {
            serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) => {
                r.status_code.as_u16() == 401
            }
            serenity::Error::Gateway(GatewayError::InvalidAuthentication) => true,
            _ => false,
        }
    }

    fn is_transient(&self) -> bool {
        match self {
            serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) => {
                let status = r.status_code.as_u16();
                status >= 500 || status == 429
            }
            serenity::Error::Http(HttpError::Request(_)) => true,
            _ => false,
        }
    }

    /// Never a request URL, which for interactions holds the interaction token.
    fn describe(&self, redactor: &Redactor) -> String {
        let text = match self {
            serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) => format!(
                "HTTP {} (code {}): {}",
                r.status_code.as_u16(),
                r.error.code,
                r.error.message
            ),
            // reqwest's own message holds the URL; its causes do not.
            serenity::Error::Http(HttpError::Request(e)) => {
                let how = if e.is_timeout() {
                    "timed out"
                } else {
                    "failed"
                };
                let cause = std::error::Error::source(e).map(|c| redactor.describe(c));
                format!("request {how}: {}", cause.unwrap_or_default())
            }
            other => other.to_string(),
        };
        redactor.redact(&text)
    }
}

impl Discord {
    /// Builds the REST client from a checked configuration; nothing is sent yet.
    pub fn new(config: DiscordConfig, services: Services) -> Discord {
        let token = config.token.expose();
        let mut builder = HttpBuilder::new(token);
        if let Some(proxy) = &config.proxy_url {
            // serenity's rate-limited request path ignores the proxy, and the proxy limits
            // rates anyway. The client is built from this Http: `ClientBuilder::token` would
            // rebuild it and drop the proxy.
            builder = builder
                .proxy(proxy.as_str().trim_end_matches('/'))
                .ratelimiter_disabled(true);
        }
        let connection =
            Connection::new(Platform::Discord, services.clone(), Redactor::new([token]));
        Discord {
            http: builder.build(),
            presenter: Presenter::new(services, Platform::Discord, render::BUDGET),
            connection: Arc::new(connection),
            guild_id: config.guild_id,
            ephemeral: config.ephemeral,
            shards: config.shards,
            defer_after: DEFAULT_DEFER_AFTER,
            grace: DEFAULT_GRACE,
        }
    }

    /// Sets how long shutdown waits for interactions being answered (default 8 s).
    #[must_use]
    pub fn grace(mut self, grace: Duration) -> Discord {
        self.grace = grace;
        self
    }

    /// Sets how long an answer may take before the interaction is deferred and the answer
    /// edited in afterwards (default 1.2 s). Zero always defers, which tests use to exercise
    /// that path.
    #[must_use]
    pub fn defer_after(mut self, after: Duration) -> Discord {
        self.defer_after = after;
        self
    }

    /// Runs until `shutdown` is cancelled or a permanent failure: a rejected token is
    /// [`AdapterError::Unauthorized`]. On shutdown it stops acknowledging interactions,
    /// finishes those being answered within the grace period, closes the shards and returns
    /// `Ok(())`. Network faults at start-up are retried with backoff;
    /// after that, reconnecting is serenity's.
    pub async fn run(self, shutdown: CancellationToken) -> Result<(), AdapterError> {
        let connection = Arc::clone(&self.connection);
        connection.set(AdapterState::Starting);
        connection.finish(self.serve(&shutdown).await)
    }

    async fn serve(self, shutdown: &CancellationToken) -> Result<(), AdapterError> {
        let connection = Arc::clone(&self.connection);
        // Asking for the recommended shard count also proves the token.
        let gateway = || self.http.get_bot_gateway();
        let Some(gateway) = connection.until_ok(shutdown, "getGateway", gateway).await? else {
            return Ok(());
        };
        let stopping = Arc::new(AtomicBool::new(false));
        let work = InFlight::default();
        let handler = Handler {
            work: work.clone(),
            presenter: self.presenter,
            connection: Arc::clone(&connection),
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
            .map_err(|err| {
                connection.fatal(format!(
                    "cannot build the client: {}",
                    connection.describe(&err)
                ))
            })?;
        let manager = Arc::clone(&client.shard_manager);
        let shards = self.shards;
        let started = async {
            match shards {
                Some(s) => {
                    info!(
                        first = s.first(),
                        count = s.count(),
                        total = s.total(),
                        "discord: starting shards"
                    );
                    // serenity's range end is inclusive.
                    client
                        .start_shard_range(s.first()..s.last(), s.total())
                        .await
                }
                None => {
                    let total = gateway.shards.max(1);
                    info!(total, "discord: starting shards");
                    client.start_shards(total).await
                }
            }
        };
        let result = tokio::select! {
            result = started => result,
            () = shutdown.cancelled() => {
                stopping.store(true, Ordering::SeqCst);
                info!("discord: shutting down");
                // The gateway stays open meanwhile, so that what arrives now is seen and left
                // unacknowledged rather than lost in a closing socket.
                work.finish("discord", self.grace).await;
                if tokio::time::timeout(SHARDS_CLOSE_WITHIN, manager.shutdown_all()).await.is_err() {
                    warn!("discord: shards did not close in time; leaving anyway");
                }
                return Ok(());
            }
        };
        Err(match result {
            Ok(()) => connection.fatal("every shard stopped"),
            Err(err) if err.is_unauthorized() => connection.unauthorized(&err),
            Err(err) => connection.fatal(format!("gateway failed: {}", connection.describe(&err))),
        })
    }
}
