//! The operator's configuration: a TOML file, with secrets overridable from the environment.
//!
//! Loading has two stages. The file is parsed into its own shape (every table denies unknown
//! keys, so a typo such as "tokne" is an error naming the key), then checked as a whole: every
//! problem is collected, each with a hint, and only a configuration without problems becomes a
//! [`Config`]. Its values are already checked (URLs parsed and normalised, shard ranges within
//! their total, numbers non-zero), so the adapters use them without validating again, and
//! `ganhuo check` and `ganhuo run` refuse exactly the same files. Tokens are held in
//! [`Secret`], whose `Debug` never prints them.

use std::fmt;
use std::net::SocketAddr;
use std::num::{NonZeroU32, NonZeroUsize};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;
use url::Url;

/// A token or other secret. Printing it shows `***`.
#[derive(Clone, Deserialize, PartialEq, Eq, Default)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The secret itself; call only where it is handed to a client.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// True when the secret is empty or only whitespace.
    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_empty() { "\"\"" } else { "\"***\"" })
    }
}

/// One thing wrong with a configuration, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The key at fault, as written in the file (`telegram.token`).
    pub key: &'static str,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: &'static str,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}\n    hint: {}", self.key, self.message, self.hint)
    }
}

/// Why a configuration could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read the config file {path}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid TOML, or has keys or values of the wrong shape.
    #[error("{path}: {message}")]
    Parse {
        /// The file.
        path: String,
        /// What the parser said, with the line.
        message: String,
    },
    /// The file parsed, but its values cannot work; every problem is listed.
    #[error("{source_name} has {}:\n{}", count(.problems), list(.problems))]
    Invalid {
        /// The file, or "the environment".
        source_name: String,
        /// Every problem found.
        problems: Vec<Problem>,
    },
}

fn count(problems: &[Problem]) -> String {
    match problems.len() {
        1 => "1 problem".to_owned(),
        n => format!("{n} problems"),
    }
}

fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  • {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The whole configuration, checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// A catalogue file to use instead of the embedded one; reloaded when it changes.
    pub catalogue: Option<PathBuf>,
    /// How answers are paged.
    pub search: SearchConfig,
    /// The Telegram adapter, when configured.
    pub telegram: Option<TelegramConfig>,
    /// The Discord adapter, when configured.
    pub discord: Option<DiscordConfig>,
    /// The HTTP endpoint.
    pub http: HttpConfig,
    /// Logging.
    pub log: LogConfig,
    /// The query log, feedback and shared paging state.
    pub store: StoreConfig,
    /// How the process stops.
    pub run: RunConfig,
    /// What a catalogue reload may change.
    pub reload: ReloadConfig,
}

/// How `ganhuo run` stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunConfig {
    /// After SIGTERM, how long replies already taken on may take to finish.
    pub grace: Duration,
}

/// The default grace period: below the 10 s container runtimes wait before SIGKILL.
pub const DEFAULT_GRACE: Duration = Duration::from_secs(8);

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig {
            grace: DEFAULT_GRACE,
        }
    }
}

/// What a catalogue reload may change.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ReloadConfig {
    /// The largest share of resources (0–1) one reload may remove; a file that loses more at
    /// once (a truncated save) is refused and the running catalogue stays.
    pub max_loss: f64,
}

impl Default for ReloadConfig {
    fn default() -> Self {
        ReloadConfig { max_loss: 0.5 }
    }
}

/// How answers are paged.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct SearchConfig {
    /// Results per page, 1–10.
    pub page_size: usize,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig { page_size: 5 }
    }
}

/// The Telegram adapter's settings.
#[derive(Debug, Clone, PartialEq)]
pub struct TelegramConfig {
    /// Bot token from BotFather: trimmed, and made only of characters a token can hold.
    pub token: Secret,
    /// Bot API server (a self-hosted one, or a test fake): http(s), without a trailing slash.
    pub api_url: Url,
    /// Webhook settings; `None` means long polling.
    pub webhook: Option<WebhookConfig>,
    /// Questions one user may ask per minute before being asked to slow down.
    pub per_user_per_minute: NonZeroU32,
}

/// Where Telegram posts updates in webhook mode.
#[derive(Debug, Clone, PartialEq)]
pub struct WebhookConfig {
    /// The public URL Telegram posts updates to (served by the `[http]` endpoint).
    pub public_url: Url,
    /// Secret Telegram echoes in `X-Telegram-Bot-Api-Secret-Token`; empty = generate one.
    pub secret: Secret,
}

/// The Discord adapter's settings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DiscordConfig {
    /// Bot token: trimmed, without whitespace.
    pub token: Secret,
    /// Register commands in this guild only (instant, for development); 0 = globally.
    pub guild_id: u64,
    /// A REST proxy (e.g. a shared rate-limit proxy), without a trailing slash.
    pub proxy_url: Option<Url>,
    /// Answer only to the asker.
    pub ephemeral: bool,
    /// Which shards this process runs, for bots in very many guilds.
    pub shards: Option<ShardRange>,
}

/// Which shards a process runs: `first ..= last` of `total`, never empty and never beyond
/// `total`. Build one with [`ShardRange::new`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShardRange {
    total: u32,
    first: u32,
    count: NonZeroU32,
}

impl ShardRange {
    /// Shards `first .. first + count` of `total`; `None` when that range is empty or does not
    /// fit in `total`.
    pub fn new(total: u32, first: u32, count: u32) -> Option<ShardRange> {
        let count = NonZeroU32::new(count)?;
        let end = first.checked_add(count.get())?;
        (end <= total).then_some(ShardRange {
            total,
            first,
            count,
        })
    }

    /// Shards in the whole bot.
    pub fn total(&self) -> u32 {
        self.total
    }

    /// The first shard this process runs.
    pub fn first(&self) -> u32 {
        self.first
    }

    /// How many shards this process runs.
    pub fn count(&self) -> u32 {
        self.count.get()
    }

    /// The last shard this process runs (inclusive).
    pub fn last(&self) -> u32 {
        self.first + self.count.get() - 1
    }
}

/// The HTTP endpoint.
#[derive(Debug, Clone, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct HttpConfig {
    /// Address for /healthz, /metrics and the Telegram webhook; off when unset.
    pub listen: Option<SocketAddr>,
}

/// The store: where the query log, feedback and the paging state of long queries are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreConfig {
    /// Where; `None` when the store is turned off (`enabled = false`).
    pub backend: Option<StoreBackend>,
    /// Days a record is kept; older ones are purged at start and every hour.
    pub retention_days: NonZeroU32,
    /// Records waiting for the background writer; when it is full, new ones are dropped (and
    /// counted) rather than slowing an answer.
    pub queue: NonZeroUsize,
}

/// The database behind the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreBackend {
    /// One SQLite file, created on first start.
    Sqlite(PathBuf),
    /// A PostgreSQL server (`postgres://…`), shared by replicas. The URL may hold a password.
    Postgres(Secret),
}

/// The SQLite file used when none is configured (next to the config file, else in the working
/// directory).
pub const DEFAULT_STORE_PATH: &str = "ganhuo.sqlite3";
const DEFAULT_RETENTION_DAYS: u32 = 90;
const DEFAULT_STORE_QUEUE: usize = 1024;

impl Default for StoreConfig {
    /// SQLite in [`DEFAULT_STORE_PATH`], 90 days, a queue of 1024.
    fn default() -> Self {
        StoreConfig {
            backend: Some(StoreBackend::Sqlite(PathBuf::from(DEFAULT_STORE_PATH))),
            retention_days: NonZeroU32::new(DEFAULT_RETENTION_DAYS).unwrap_or(NonZeroU32::MIN),
            queue: NonZeroUsize::new(DEFAULT_STORE_QUEUE).unwrap_or(NonZeroUsize::MIN),
        }
    }
}

impl StoreBackend {
    /// Where the store is, for messages: the file, or the server without user or password.
    pub fn describe(&self) -> String {
        match self {
            StoreBackend::Sqlite(path) => format!("sqlite {}", path.display()),
            StoreBackend::Postgres(url) => match Url::parse(url.expose()) {
                Ok(u) => format!(
                    "postgres {}:{}{}",
                    u.host_str().unwrap_or("?"),
                    u.port().unwrap_or(5432),
                    u.path()
                ),
                Err(_) => "postgres".to_owned(),
            },
        }
    }
}

/// How logs are written.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Pretty,
    /// One JSON object per line.
    Json,
}

/// Logging.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct LogConfig {
    /// Text or JSON.
    pub format: LogFormat,
    /// A `RUST_LOG`-style filter; the `RUST_LOG` variable wins when set.
    pub level: String,
}

impl Default for LogConfig {
    fn default() -> Self {
        LogConfig {
            format: LogFormat::Pretty,
            level: "info".into(),
        }
    }
}

/// The public Bot API.
pub const TELEGRAM_API: &str = "https://api.telegram.org";

impl Default for TelegramConfig {
    /// Polling the public Bot API, 20 questions per user per minute, and no token yet.
    fn default() -> Self {
        TelegramConfig {
            token: Secret::default(),
            api_url: default_api_url(),
            webhook: None,
            per_user_per_minute: NonZeroU32::new(DEFAULT_PER_MINUTE).unwrap_or(NonZeroU32::MIN),
        }
    }
}

const DEFAULT_PER_MINUTE: u32 = 20;

#[allow(
    clippy::expect_used,
    reason = "a constant that parses; `defaults_are_valid` covers it"
)]
fn default_api_url() -> Url {
    web_url(TELEGRAM_API).expect("the Bot API URL is valid")
}

/// No environment at all.
struct NoEnv;

impl Env for NoEnv {
    fn var(&self, _: &str) -> Option<String> {
        None
    }
}

/// Reads environment variables; a trait so tests need not touch the process environment.
pub trait Env {
    /// The variable's value, `None` when unset or empty.
    fn var(&self, name: &str) -> Option<String>;
}

/// The real process environment.
#[derive(Debug)]
pub struct ProcessEnv;

impl Env for ProcessEnv {
    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.is_empty())
    }
}

impl<const N: usize> Env for [(&str, &str); N] {
    fn var(&self, name: &str) -> Option<String> {
        self.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| (*v).to_owned())
    }
}

/// The file's own shape, before checking.
mod file {
    use serde::Deserialize;

    use super::{HttpConfig, LogConfig, ReloadConfig, SearchConfig, Secret};

    #[derive(Debug, Default, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct File {
        pub catalogue: Option<std::path::PathBuf>,
        #[serde(default)]
        pub search: SearchConfig,
        pub telegram: Option<Telegram>,
        pub discord: Option<Discord>,
        #[serde(default)]
        pub http: HttpConfig,
        #[serde(default)]
        pub log: LogConfig,
        #[serde(default)]
        pub store: Store,
        #[serde(default)]
        pub run: Run,
        #[serde(default)]
        pub reload: ReloadConfig,
    }

    #[derive(Debug, Default, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Store {
        pub enabled: Option<bool>,
        pub path: Option<std::path::PathBuf>,
        #[serde(default)]
        pub url: Secret,
        pub retention_days: Option<u32>,
        pub queue: Option<usize>,
    }

    #[derive(Debug, Default, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Run {
        pub grace: Option<String>,
    }

    #[derive(Debug, Default, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Telegram {
        #[serde(default)]
        pub token: Secret,
        pub api_url: Option<String>,
        #[serde(default)]
        pub mode: Mode,
        pub webhook: Option<Webhook>,
        pub per_user_per_minute: Option<u32>,
    }

    #[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Mode {
        #[default]
        Polling,
        Webhook,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Webhook {
        pub public_url: String,
        #[serde(default)]
        pub secret: Secret,
    }

    #[derive(Debug, Default, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Discord {
        #[serde(default)]
        pub token: Secret,
        #[serde(default)]
        pub guild_id: u64,
        #[serde(default)]
        pub proxy_url: String,
        #[serde(default)]
        pub ephemeral: bool,
        pub shards: Option<Shards>,
    }

    #[derive(Debug, Clone, Copy, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Shards {
        pub total: u32,
        #[serde(default)]
        pub first: u32,
        pub count: u32,
    }
}

impl Config {
    /// Parses and checks configuration text, with no environment; `name` names it in errors.
    pub fn parse(text: &str, name: &str) -> Result<Config, ConfigError> {
        let file = parse_file(text, name)?;
        Checker::new(name).check(file, &NoEnv)
    }

    /// Loads a config file (or defaults when `path` is `None`), applies the environment's
    /// secrets and checks the result, reporting every problem at once.
    pub fn load(path: Option<&Path>, env: &impl Env) -> Result<Config, ConfigError> {
        load_file(path, env, true)
    }

    /// Loads what `ganhuo report` needs — the store and the catalogue — leaving the bots out,
    /// so that a maintainer can read a config whose tokens live in the bots' environment.
    pub fn load_store(path: Option<&Path>, env: &impl Env) -> Result<Config, ConfigError> {
        load_file(path, env, false)
    }

    /// True when at least one chat adapter is configured.
    pub fn has_adapter(&self) -> bool {
        self.telegram.is_some() || self.discord.is_some()
    }
}

fn load_file(path: Option<&Path>, env: &dyn Env, bots: bool) -> Result<Config, ConfigError> {
    let (mut file, name) = match path {
        Some(p) => {
            let name = p.display().to_string();
            let text = std::fs::read_to_string(p).map_err(|source| ConfigError::Read {
                path: name.clone(),
                source,
            })?;
            (parse_file(&text, &name)?, name)
        }
        None => (file::File::default(), "the configuration".to_owned()),
    };
    // A relative catalogue or store path means "next to the config file".
    if let Some(dir) = path.and_then(Path::parent) {
        if let Some(cat) = &file.catalogue
            && cat.is_relative()
        {
            file.catalogue = Some(dir.join(cat));
        }
        let store = file
            .store
            .path
            .get_or_insert_with(|| PathBuf::from(DEFAULT_STORE_PATH));
        if store.is_relative() {
            *store = dir.join(&*store);
        }
    }
    let checker = Checker::new(&name);
    if bots {
        return checker.check(file, env);
    }
    file.telegram = None;
    file.discord = None;
    checker.check(file, &WithoutBots(env))
}

/// The environment without the bots' variables, so that their tokens do not enable them.
struct WithoutBots<'a>(&'a dyn Env);

impl Env for WithoutBots<'_> {
    fn var(&self, name: &str) -> Option<String> {
        let bot = name.starts_with("TELEGRAM_") || name.starts_with("DISCORD_");
        if bot { None } else { self.0.var(name) }
    }
}

/// Where the configuration comes from: the flag, `$GANHUO_CONFIG`, or `./config.toml`.
pub fn config_path(flag: Option<&Path>) -> Option<PathBuf> {
    if let Some(path) = flag {
        return Some(path.to_owned());
    }
    if let Ok(path) = std::env::var("GANHUO_CONFIG")
        && !path.is_empty()
    {
        return Some(PathBuf::from(path));
    }
    let default = PathBuf::from("config.toml");
    default.exists().then_some(default)
}

fn parse_file(text: &str, name: &str) -> Result<file::File, ConfigError> {
    toml::from_str(text).map_err(|err| {
        let line = err
            .span()
            .map(|s| format!("line {}: ", text[..s.start].matches('\n').count() + 1))
            .unwrap_or_default();
        ConfigError::Parse {
            path: name.to_owned(),
            message: format!("{line}{}", err.message().trim()),
        }
    })
}

const TELEGRAM_TOKEN_HINT: &str = "set TELEGRAM_BOT_TOKEN (or TELEGRAM_BOT_TOKEN_FILE, or [telegram] token); a token looks like 123456789:AA… and comes from @BotFather. Remove [telegram] if you do not use Telegram";
const DISCORD_TOKEN_HINT: &str = "set DISCORD_TOKEN (or DISCORD_TOKEN_FILE, or [discord] token), from the Bot page of your application at discord.com/developers. Remove [discord] if you do not use Discord";

/// Collects every problem of a parsed file while building the checked configuration.
struct Checker {
    name: String,
    problems: Vec<Problem>,
}

impl Checker {
    fn new(name: &str) -> Checker {
        Checker {
            name: name.to_owned(),
            problems: Vec::new(),
        }
    }

    fn problem(&mut self, key: &'static str, message: impl Into<String>, hint: &'static str) {
        self.problems.push(Problem {
            key,
            message: message.into(),
            hint,
        });
    }

    fn check(mut self, file: file::File, env: &dyn Env) -> Result<Config, ConfigError> {
        let file::File {
            catalogue,
            search,
            mut telegram,
            mut discord,
            http,
            log,
            store,
            run,
            reload,
        } = file;
        // Secrets from the environment override the file; a token set only in the
        // environment enables its adapter.
        if let Some(token) = self.secret_from_env(env, "TELEGRAM_BOT_TOKEN") {
            telegram.get_or_insert_with(Default::default).token = token;
        }
        if let Some(token) = self.secret_from_env(env, "DISCORD_TOKEN") {
            discord.get_or_insert_with(Default::default).token = token;
        }
        if !(1..=10).contains(&search.page_size) {
            self.problem(
                "search.page_size",
                format!("must be 1–10, got {}", search.page_size),
                "5 is the default",
            );
        }
        let telegram = telegram.and_then(|t| self.telegram(t, &http));
        let discord = discord.and_then(|d| self.discord(d));
        let store = self.store(store, env);
        if let Err(err) = tracing_subscriber::EnvFilter::try_new(&log.level) {
            self.problem(
                "log.level",
                format!("`{}` is not a valid filter: {err}", log.level),
                "use a RUST_LOG-style filter such as \"info\" or \"ganhuo=debug,info\"",
            );
        }
        let grace = match run.grace.as_deref().map(duration) {
            None => DEFAULT_GRACE,
            Some(Ok(grace)) if grace <= MAX_GRACE => grace,
            Some(Ok(_)) | Some(Err(())) => {
                self.problem(
                    "run.grace",
                    format!(
                        "`{}` is not a duration of at most 10 minutes",
                        run.grace.unwrap_or_default()
                    ),
                    "a number with ms, s or m, such as \"8s\"; keep it below the time your container runtime waits before SIGKILL (10 s for Docker)",
                );
                DEFAULT_GRACE
            }
        };
        if !(0.0..=1.0).contains(&reload.max_loss) {
            self.problem(
                "reload.max_loss",
                format!("must be between 0 and 1, got {}", reload.max_loss),
                "0.5 (the default) refuses a reload that removes more than half of the resources; 1 allows any loss but an empty catalogue",
            );
        }
        if !self.problems.is_empty() {
            return Err(ConfigError::Invalid {
                source_name: self.name,
                problems: self.problems,
            });
        }
        Ok(Config {
            catalogue,
            search,
            telegram,
            discord,
            http,
            log,
            // Only `None` when a problem was recorded above.
            store: store.unwrap_or_default(),
            run: RunConfig { grace },
            reload,
        })
    }

    /// `NAME`, else the contents of the file named by `NAME_FILE` (as Docker and Kubernetes
    /// secrets provide).
    fn secret_from_env(&mut self, env: &dyn Env, var: &'static str) -> Option<Secret> {
        if let Some(value) = env.var(var) {
            return Some(Secret::new(value));
        }
        let path = env.var(&format!("{var}_FILE"))?;
        match std::fs::read_to_string(&path) {
            Ok(text) => Some(Secret::new(text)),
            Err(err) => {
                let key = match var {
                    "TELEGRAM_BOT_TOKEN" => "TELEGRAM_BOT_TOKEN_FILE",
                    "GANHUO_STORE_URL" => "GANHUO_STORE_URL_FILE",
                    _ => "DISCORD_TOKEN_FILE",
                };
                self.problem(
                    key,
                    format!("cannot read {path}: {err}"),
                    "point it at a readable file that holds only the token",
                );
                None
            }
        }
    }

    /// A token, trimmed; `None` (with a problem) when it is empty or holds characters no
    /// token has — a space or line break pasted with it, most often.
    fn token(
        &mut self,
        key: &'static str,
        token: &Secret,
        forbidden: &[char],
        hint: &'static str,
    ) -> Option<Secret> {
        let trimmed = token.expose().trim();
        if trimmed.is_empty() {
            self.problem(key, "is empty", hint);
            return None;
        }
        if trimmed.contains(|c: char| c.is_whitespace() || c.is_control() || forbidden.contains(&c))
        {
            self.problem(
                key,
                "contains characters a token never has (a space, a line break, a quote, `/`, `?` or `#`)",
                hint,
            );
            return None;
        }
        Some(Secret::new(trimmed))
    }

    fn url(&mut self, key: &'static str, raw: &str, hint: &'static str) -> Option<Url> {
        match web_url(raw) {
            Ok(url) => Some(url),
            Err(why) => {
                self.problem(key, format!("`{raw}` {why}"), hint);
                None
            }
        }
    }

    fn telegram(&mut self, t: file::Telegram, http: &HttpConfig) -> Option<TelegramConfig> {
        let token = self.token(
            "telegram.token",
            &t.token,
            &['/', '?', '#', '"', '\''],
            TELEGRAM_TOKEN_HINT,
        );
        let api_url = self.url(
            "telegram.api_url",
            t.api_url.as_deref().unwrap_or(TELEGRAM_API),
            "leave it out for the public Bot API, or give the http(s) URL of your own Bot API server",
        );
        let per_user_per_minute =
            NonZeroU32::new(t.per_user_per_minute.unwrap_or(DEFAULT_PER_MINUTE));
        if per_user_per_minute.is_none() {
            self.problem(
                "telegram.per_user_per_minute",
                "must be at least 1",
                "20 is the default",
            );
        }
        let webhook = match (t.mode, t.webhook) {
            (file::Mode::Polling, _) => None,
            (file::Mode::Webhook, None) => {
                self.problem(
                    "telegram.mode",
                    "is \"webhook\", but there is no [telegram.webhook] table",
                    "add [telegram.webhook] with public_url, or use mode = \"polling\"",
                );
                None
            }
            (file::Mode::Webhook, Some(hook)) => {
                if http.listen.is_none() {
                    self.problem(
                        "http.listen",
                        "is not set, but Telegram's webhook mode needs it",
                        "add [http] listen = \"0.0.0.0:8080\" so the webhook route is served",
                    );
                }
                let secret = hook.secret.expose().trim();
                if secret.len() > 256
                    || !secret
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                {
                    self.problem(
                        "telegram.webhook.secret",
                        "must be at most 256 of A–Z, a–z, 0–9, `_` and `-`",
                        "Telegram accepts only those; leave it empty to have one generated",
                    );
                }
                let public_url = self.url(
                    "telegram.webhook.public_url",
                    &hook.public_url,
                    "the public https URL Telegram posts updates to, e.g. https://bot.example.com/telegram",
                );
                public_url.map(|public_url| WebhookConfig {
                    public_url,
                    secret: Secret::new(secret),
                })
            }
        };
        Some(TelegramConfig {
            token: token?,
            api_url: api_url?,
            webhook,
            per_user_per_minute: per_user_per_minute?,
        })
    }

    fn store(&mut self, s: file::Store, env: &dyn Env) -> Option<StoreConfig> {
        let url = self
            .secret_from_env(env, "GANHUO_STORE_URL")
            .unwrap_or(s.url);
        let retention_days = NonZeroU32::new(s.retention_days.unwrap_or(DEFAULT_RETENTION_DAYS))
            .filter(|d| d.get() <= 36_500);
        if retention_days.is_none() {
            self.problem(
                "store.retention_days",
                "must be 1–36500",
                "90 is the default; records older than this are deleted",
            );
        }
        let queue = NonZeroUsize::new(s.queue.unwrap_or(DEFAULT_STORE_QUEUE))
            .filter(|q| q.get() <= 1_000_000);
        if queue.is_none() {
            self.problem(
                "store.queue",
                "must be 1–1000000",
                "1024 is the default; it only has to absorb bursts",
            );
        }
        let url = url.expose().trim();
        let backend = if !s.enabled.unwrap_or(true) {
            Some(None)
        } else if url.is_empty() {
            let path = s.path.unwrap_or_else(|| PathBuf::from(DEFAULT_STORE_PATH));
            Some(Some(StoreBackend::Sqlite(path)))
        } else if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
            self.problem(
                "store.url",
                "must start with postgres:// or postgresql://",
                "leave it empty to use the SQLite file in `path`, or give a URL such as postgres://ganhuo:secret@db:5432/ganhuo",
            );
            None
        } else if let Err(err) = url.parse::<tokio_postgres::Config>() {
            self.problem(
                "store.url",
                format!("is not a PostgreSQL URL ({err})"),
                "e.g. postgres://ganhuo:secret@db:5432/ganhuo?sslmode=require",
            );
            None
        } else {
            Some(Some(StoreBackend::Postgres(Secret::new(url))))
        };
        Some(StoreConfig {
            backend: backend?,
            retention_days: retention_days?,
            queue: queue?,
        })
    }

    fn discord(&mut self, d: file::Discord) -> Option<DiscordConfig> {
        let token = self.token("discord.token", &d.token, &['"', '\''], DISCORD_TOKEN_HINT);
        let proxy = d.proxy_url.trim();
        let proxy_url = if proxy.is_empty() {
            Some(None)
        } else {
            self.url(
                "discord.proxy_url",
                proxy,
                "an http(s) URL such as http://rate-limit-proxy:3000, or leave it empty",
            )
            .map(Some)
        };
        let shards = match d.shards {
            None => Some(None),
            Some(s) => match ShardRange::new(s.total, s.first, s.count) {
                Some(range) => Some(Some(range)),
                None => {
                    self.problem(
                        "discord.shards",
                        format!(
                            "first ({}) + count ({}) must be within total ({}), and count at least 1",
                            s.first, s.count, s.total
                        ),
                        "e.g. shards = { total = 4, first = 0, count = 2 } runs shards 0 and 1 of 4",
                    );
                    None
                }
            },
        };
        Some(DiscordConfig {
            token: token?,
            guild_id: d.guild_id,
            proxy_url: proxy_url?,
            ephemeral: d.ephemeral,
            shards: shards?,
        })
    }
}

/// The longest grace period accepted.
const MAX_GRACE: Duration = Duration::from_secs(600);

/// A duration written as a whole number and a unit: `1500ms`, `8s`, `2m`.
fn duration(text: &str) -> Result<Duration, ()> {
    let text = text.trim();
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let value: u64 = text[..digits].parse().map_err(|_| ())?;
    match text[digits..].trim() {
        "ms" => Ok(Duration::from_millis(value)),
        "s" => Ok(Duration::from_secs(value)),
        "m" => value.checked_mul(60).map(Duration::from_secs).ok_or(()),
        _ => Err(()),
    }
}

/// An http(s) URL that can take a path, without a trailing slash, query or fragment (clients
/// append their own paths; teloxide would turn a trailing slash into `//bot…`).
fn web_url(raw: &str) -> Result<Url, String> {
    let mut url = Url::parse(raw.trim()).map_err(|e| format!("is not a URL ({e})"))?;
    if !matches!(url.scheme(), "http" | "https") || url.cannot_be_a_base() {
        return Err("is not an http(s) URL".into());
    }
    if let Ok(mut segments) = url.path_segments_mut() {
        segments.pop_if_empty();
    }
    url.set_query(None);
    url.set_fragment(None);
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NO_ENV: [(&str, &str); 0] = [];

    fn problems(text: &str) -> Vec<Problem> {
        match Config::parse(text, "c.toml") {
            Err(ConfigError::Invalid { problems, .. }) => problems,
            other => panic!("expected problems, got {other:?}"),
        }
    }

    fn keys(text: &str) -> Vec<&'static str> {
        problems(text).into_iter().map(|p| p.key).collect()
    }

    #[test]
    fn defaults_are_valid() {
        let config = Config::load(None, &NO_ENV).unwrap();
        assert!(!config.has_adapter());
        assert_eq!(
            TelegramConfig::default().api_url.as_str(),
            "https://api.telegram.org/"
        );
    }

    #[test]
    fn the_example_parses_with_every_adapter_commented_out() {
        // A copied example must work for `chat` and `ask` before the user has any token.
        let text = include_str!("../config.example.toml");
        let config = Config::parse(text, "config.example.toml").unwrap();
        assert!(!config.has_adapter());
        // Uncommenting an adapter without filling in its token names every empty token at once.
        let uncommented: String = text
            .lines()
            .map(|line| match line.strip_prefix("# ") {
                Some(rest)
                    if ["[telegram]", "[discord]", "token ="]
                        .iter()
                        .any(|k| rest.starts_with(k)) =>
                {
                    rest
                }
                _ => line,
            })
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(keys(&uncommented), ["telegram.token", "discord.token"]);
        let with_tokens = uncommented.replace("token = \"\"", "token = \"123:abc\"");
        let config = Config::parse(&with_tokens, "config.example.toml").unwrap();
        assert!(config.telegram.is_some() && config.discord.is_some());
    }

    #[test]
    fn durations_and_shares() {
        for (text, ms) in [("8s", 8000), (" 1500ms ", 1500), ("2m", 120_000), ("0s", 0)] {
            assert_eq!(duration(text), Ok(Duration::from_millis(ms)), "{text}");
        }
        for text in ["8", "s", "-1s", "1.5s", "8 sec", "99999999999999999999m"] {
            assert_eq!(duration(text), Err(()), "{text}");
        }
        let config =
            Config::parse("[run]\ngrace = \"3s\"\n[reload]\nmax_loss = 0.2\n", "c").unwrap();
        assert_eq!(config.run.grace, Duration::from_secs(3));
        assert_eq!(config.reload.max_loss, 0.2);
        let defaults = Config::parse("", "c").unwrap();
        assert_eq!(defaults.run.grace, DEFAULT_GRACE);
        assert_eq!(defaults.reload.max_loss, 0.5);
        assert_eq!(keys("[run]\ngrace = \"11m\"\n"), ["run.grace"]);
    }

    #[test]
    fn unknown_keys_are_named() {
        let err = Config::parse("[telegram]\ntokne = \"x\"\n", "c.toml").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("tokne"), "{msg}");
        assert!(msg.contains("line 2"), "{msg}");
    }

    #[test]
    fn what_run_refuses_is_reported_with_hints() {
        let text = "[search]\npage_size = 0\n\
                    [telegram]\ntoken = \"123:a b\"\napi_url = \"ftp://h/\"\nper_user_per_minute = 0\nmode = \"webhook\"\n\
                    [telegram.webhook]\npublic_url = \"nope\"\nsecret = \"a b\"\n\
                    [discord]\ntoken = \"x\\ny\"\nproxy_url = \"not a url\"\nshards = { total = 2, first = 1, count = 2 }\n\
                    [log]\nlevel = \"[\"\n\
                    [run]\ngrace = \"8 seconds\"\n\
                    [reload]\nmax_loss = 1.5\n";
        let found = problems(text);
        let keys: Vec<&str> = found.iter().map(|p| p.key).collect();
        assert_eq!(
            keys,
            [
                "search.page_size",
                "telegram.token",
                "telegram.api_url",
                "telegram.per_user_per_minute",
                "http.listen",
                "telegram.webhook.secret",
                "telegram.webhook.public_url",
                "discord.token",
                "discord.proxy_url",
                "discord.shards",
                "log.level",
                "run.grace",
                "reload.max_loss",
            ]
        );
        assert!(found.iter().all(|p| !p.hint.is_empty()));
        let text = ConfigError::Invalid {
            source_name: "c.toml".into(),
            problems: found,
        }
        .to_string();
        assert!(
            text.starts_with("c.toml has 13 problems:\n  • search.page_size"),
            "{text}"
        );
        assert!(text.contains("hint: "), "{text}");
        assert!(!text.contains("123:a b"), "{text}");
    }

    #[test]
    fn checked_values_are_normalised() {
        let text = "[telegram]\ntoken = \" 123:abc\\n\"\napi_url = \" https://h.example/tg/ \"\n\
                    [discord]\ntoken = \"t\"\nproxy_url = \"http://proxy:3000/\"\nshards = { total = 4, first = 2, count = 2 }\n";
        let config = Config::parse(text, "c").unwrap();
        let telegram = config.telegram.unwrap();
        assert_eq!(telegram.token.expose(), "123:abc");
        assert_eq!(telegram.api_url.as_str(), "https://h.example/tg");
        let discord = config.discord.unwrap();
        assert_eq!(discord.proxy_url.unwrap().as_str(), "http://proxy:3000/");
        let shards = discord.shards.unwrap();
        assert_eq!((shards.first(), shards.last(), shards.total()), (2, 3, 4));
        assert_eq!(ShardRange::new(2, 1, 2), None);
        assert_eq!(ShardRange::new(2, 0, 0), None);
        assert_eq!(ShardRange::new(u32::MAX, u32::MAX, 1), None);
    }

    #[test]
    fn env_overrides_file_and_file_var() {
        let dir = tempfile::tempdir().unwrap();
        let secret = dir.path().join("tg");
        std::fs::write(&secret, "from-file\n").unwrap();
        let config_path = dir.path().join("c.toml");
        std::fs::write(&config_path, "[telegram]\ntoken = \"in-config\"\n").unwrap();
        let path = secret.to_str().unwrap();
        let token = |env: &dyn Fn() -> Result<Config, ConfigError>| {
            env().unwrap().telegram.unwrap().token.expose().to_owned()
        };
        let file_only = || Config::load(Some(&config_path), &[("TELEGRAM_BOT_TOKEN_FILE", path)]);
        assert_eq!(token(&file_only), "from-file");
        let both = || {
            Config::load(
                Some(&config_path),
                &[
                    ("TELEGRAM_BOT_TOKEN", "from-env"),
                    ("TELEGRAM_BOT_TOKEN_FILE", path),
                ],
            )
        };
        assert_eq!(token(&both), "from-env");
        let missing = Config::load(None, &[("DISCORD_TOKEN_FILE", "/nonexistent/x")]);
        assert!(
            missing
                .unwrap_err()
                .to_string()
                .contains("DISCORD_TOKEN_FILE")
        );
    }

    #[test]
    fn env_alone_enables_an_adapter() {
        let config = Config::load(None, &[("DISCORD_TOKEN", "abc")]).unwrap();
        assert!(config.has_adapter());
    }

    #[test]
    fn the_store_is_sqlite_next_to_the_config_unless_told_otherwise() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(&path, "[store]\nretention_days = 7\n").unwrap();
        let config = Config::load(Some(&path), &NO_ENV).unwrap();
        let file = dir.path().join(DEFAULT_STORE_PATH);
        assert_eq!(config.store.backend, Some(StoreBackend::Sqlite(file)));
        assert_eq!(config.store.retention_days.get(), 7);
        assert_eq!(
            Config::load(None, &NO_ENV).unwrap().store,
            StoreConfig::default()
        );

        let off = Config::parse("[store]\nenabled = false\n", "c").unwrap();
        assert_eq!(off.store.backend, None);

        let url = "postgres://ganhuo:hunter2@db.example:6543/ganhuo?sslmode=require";
        let pg = Config::load(None, &[("GANHUO_STORE_URL", url)]).unwrap();
        let backend = pg.store.backend.unwrap();
        assert!(matches!(&backend, StoreBackend::Postgres(u) if u.expose() == url));
        assert_eq!(backend.describe(), "postgres db.example:6543/ganhuo");
        assert!(!format!("{backend:?}").contains("hunter2"));

        let text = "[store]\nurl = \"mysql://x\"\nretention_days = 0\nqueue = 0\n";
        assert_eq!(
            keys(text),
            ["store.retention_days", "store.queue", "store.url"]
        );
        assert_eq!(
            keys("[store]\nurl = \"postgres://h:notaport/db\"\n"),
            ["store.url"]
        );
    }

    #[test]
    fn secrets_never_print() {
        let config = Config::load(None, &[("TELEGRAM_BOT_TOKEN", "123:abc")]).unwrap();
        assert!(!format!("{config:?}").contains("123:abc"));
    }
}
