//! `ganhuo run`: one process, one tokio runtime, every configured adapter side by side with
//! the HTTP endpoint and the catalogue reloader, all stopped together by SIGTERM or SIGINT.
//!
//! A permanent adapter failure (a rejected token) stops everything with a non-zero exit;
//! transient faults are the adapters' to retry. On a signal the adapters stop taking work and
//! finish what they took within `[run] grace`.

use std::io::Write;
use std::time::Duration;

use anyhow::{Context, Result, anyhow, bail};
use tokio::net::TcpListener;
use tokio::signal::unix::{SignalKind, signal};
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use crate::config::{Config, LogConfig, LogFormat};
use crate::reload::Reloader;
use crate::service::{Platform, Services};
use crate::store::Store;

/// Time tasks get beyond the grace period to stop once it is over (confirming the last
/// Telegram updates, closing Discord's shards).
const AFTER_GRACE: Duration = Duration::from_millis(1500);

/// Why `run` (and so `check`) refuses a configuration with no adapter, and what to do.
pub(crate) const NO_ADAPTER: &str = "no chat adapter is configured, so there is nothing to run.
Configure at least one of them:
  • Telegram: set TELEGRAM_BOT_TOKEN (or [telegram] token in the config file)
  • Discord:  set DISCORD_TOKEN (or [discord] token in the config file)
See config.example.toml. To try ganhuo without a token, run `ganhuo chat`.";

/// Runs the bots until SIGTERM or SIGINT.
pub fn run(config: Config) -> Result<()> {
    init_logging(&config.log)?;
    if !config.has_adapter() {
        bail!(NO_ADAPTER);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the tokio runtime")?;
    let result = runtime.block_on(serve(config));
    // Blocking tasks (a reload in progress) must not hold the exit hostage.
    runtime.shutdown_timeout(Duration::from_secs(1));
    result
}

fn init_logging(log: &LogConfig) -> Result<()> {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .or_else(|_| tracing_subscriber::EnvFilter::try_new(&log.level))
        .context("invalid log filter")?;
    // Colour codes only for a terminal: container logs and files get plain text.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(ansi)
        .with_writer(std::io::stderr);
    let installed = match log.format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Pretty => builder.try_init(),
    };
    installed.map_err(|err| anyhow!("cannot install the logger: {err}"))
}

type Task = Result<()>;

async fn serve(config: Config) -> Result<()> {
    let engine = crate::search::Engine::load(config.catalogue.as_deref())
        .context("cannot load the catalogue")?;
    tracing::info!(
        resources = engine.catalogue().resources().len(),
        "catalogue loaded"
    );
    let mut services = Services::new(engine, config.search.page_size);
    let shutdown = CancellationToken::new();
    spawn_signal_handler(shutdown.clone())?;

    let mut tasks: JoinSet<Task> = JoinSet::new();
    // The store first, so that every adapter records into it. Its writer connects in the
    // background: a store that is down never delays the start or an answer.
    let store_metrics = services.metrics().store().clone();
    if let Some((store, writer)) = Store::new(&config.store, store_metrics) {
        if let Some(backend) = &config.store.backend {
            tracing::info!(
                store = %backend.describe(),
                retention_days = config.store.retention_days,
                "query log on"
            );
        }
        services = services.with_store(store);
        let token = shutdown.child_token();
        tasks.spawn(async move {
            writer.run(token).await;
            Ok(())
        });
    }
    let mut routes = crate::http::router(services.clone());

    let grace = config.run.grace;
    if let Some(telegram) = config.telegram.clone() {
        services.metrics().expect_platform(Platform::Telegram);
        let mut adapter = crate::telegram::Telegram::new(telegram, services.clone()).grace(grace);
        if let Some(webhook) = adapter.webhook_router() {
            routes = routes.merge(webhook);
        }
        let token = shutdown.child_token();
        tasks.spawn(async move { adapter.run(token).await.map_err(anyhow::Error::from) });
    }
    if let Some(discord) = config.discord.clone() {
        services.metrics().expect_platform(Platform::Discord);
        let adapter = crate::discord::Discord::new(discord, services.clone()).grace(grace);
        let token = shutdown.child_token();
        tasks.spawn(async move { adapter.run(token).await.map_err(anyhow::Error::from) });
    }
    if let Some(addr) = config.http.listen {
        let listener = TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr} ([http] listen)"))?;
        tasks.spawn(crate::http::serve(listener, routes, shutdown.child_token()));
    }
    if let Some(path) = config.catalogue.clone() {
        let reloader = Reloader::new(path, services.clone()).max_loss(config.reload.max_loss);
        tasks.spawn(reloader.run(shutdown.child_token()));
    }

    let failure = supervise(&mut tasks, &shutdown).await;
    shutdown.cancel();
    let drain_for = grace + AFTER_GRACE;
    if tokio::time::timeout(drain_for, drain(&mut tasks))
        .await
        .is_err()
    {
        tracing::warn!("some tasks did not stop within {drain_for:?}; exiting anyway");
        tasks.abort_all();
    }
    match failure {
        Some(err) => Err(err),
        None => {
            tracing::info!("stopped");
            Ok(())
        }
    }
}

/// Waits for a shutdown request or the first task failure.
async fn supervise(
    tasks: &mut JoinSet<Task>,
    shutdown: &CancellationToken,
) -> Option<anyhow::Error> {
    loop {
        tokio::select! {
            () = shutdown.cancelled() => return None,
            joined = tasks.join_next() => match joined {
                None => return None,
                Some(Ok(Ok(()))) => {}
                Some(Ok(Err(err))) => return Some(err),
                Some(Err(err)) => return Some(anyhow!("a task panicked: {err}")),
            },
        }
    }
}

async fn drain(tasks: &mut JoinSet<Task>) {
    while let Some(joined) = tasks.join_next().await {
        match joined {
            Ok(Ok(())) => {}
            Ok(Err(err)) => tracing::warn!("while stopping: {err:#}"),
            Err(err) => tracing::warn!("a task panicked while stopping: {err}"),
        }
    }
}

/// SIGTERM (`docker stop`) and SIGINT (Ctrl-C) both request a graceful stop.
fn spawn_signal_handler(shutdown: CancellationToken) -> Result<()> {
    let mut term = signal(SignalKind::terminate()).context("installing the SIGTERM handler")?;
    let mut int = signal(SignalKind::interrupt()).context("installing the SIGINT handler")?;
    tokio::spawn(async move {
        let name = tokio::select! {
            _ = term.recv() => "SIGTERM",
            _ = int.recv() => "SIGINT",
            () = shutdown.cancelled() => return,
        };
        tracing::info!("{name} received, shutting down");
        shutdown.cancel();
    });
    Ok(())
}

/// `ganhuo health`: asks a running instance's `/healthz`; succeeds only on 200.
pub fn health(url: &str) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the tokio runtime")?;
    runtime.block_on(async {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(3))
            .build()
            .context("building the HTTP client")?;
        let response = client
            .get(url)
            .send()
            .await
            .with_context(|| format!("cannot reach {url}"))?;
        let status = response.status();
        let body = response.text().await.unwrap_or_default();
        if status.is_success() {
            writeln!(std::io::stdout().lock(), "{body}")?;
            Ok(())
        } else {
            bail!("unhealthy ({status}): {body}")
        }
    })
}
