//! The operator's configuration: a TOML file, with secrets overridable from the environment.
//!
//! Every table denies unknown keys, so a typo ("tokne") is an error naming the key rather than
//! a silently ignored setting. Tokens are held in [`Secret`], whose `Debug` never prints them.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// A token or other secret. Printing it shows `***`.
#[derive(Clone, Deserialize, PartialEq, Eq, Default)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The secret itself; call only where it is handed to a client.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_empty() { "\"\"" } else { "\"***\"" })
    }
}

/// Why a configuration could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Parse { path: String, message: String },
    #[error("cannot read secret file {path} (from {var}): {source}")]
    SecretFile {
        var: String,
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Invalid(String),
}

/// The whole configuration.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// A catalogue file to use instead of the embedded one; reloaded when it changes.
    pub catalogue: Option<PathBuf>,
    #[serde(default)]
    pub search: SearchConfig,
    pub telegram: Option<TelegramConfig>,
    pub discord: Option<DiscordConfig>,
    #[serde(default)]
    pub http: HttpConfig,
    #[serde(default)]
    pub log: LogConfig,
}

/// How answers are paged.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct SearchConfig {
    /// Results per page.
    pub page_size: usize,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig { page_size: 5 }
    }
}

/// How the Telegram adapter receives updates.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum TelegramMode {
    #[default]
    Polling,
    Webhook,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TelegramConfig {
    /// Bot token from BotFather; `TELEGRAM_BOT_TOKEN` or `TELEGRAM_BOT_TOKEN_FILE` override it.
    #[serde(default)]
    pub token: Secret,
    /// Bot API server; a self-hosted one, or a test fake.
    #[serde(default = "default_telegram_api")]
    pub api_url: String,
    #[serde(default)]
    pub mode: TelegramMode,
    /// Webhook settings, required when `mode = "webhook"`.
    pub webhook: Option<WebhookConfig>,
    /// Questions one user may ask per minute before being asked to slow down.
    #[serde(default = "default_per_minute")]
    pub per_user_per_minute: u32,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct WebhookConfig {
    /// Public HTTPS URL Telegram posts updates to (the route on the `[http]` server).
    pub public_url: String,
    /// Secret Telegram echoes in `X-Telegram-Bot-Api-Secret-Token`.
    #[serde(default)]
    pub secret: Secret,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct DiscordConfig {
    /// Bot token; `DISCORD_TOKEN` or `DISCORD_TOKEN_FILE` override it.
    #[serde(default)]
    pub token: Secret,
    /// Register commands in this guild only (instant, for development); 0 = globally.
    #[serde(default)]
    pub guild_id: u64,
    /// A REST proxy (e.g. a shared rate-limit proxy); empty = talk to Discord directly.
    #[serde(default)]
    pub proxy_url: String,
    /// Answer only to the asker.
    #[serde(default)]
    pub ephemeral: bool,
    /// Sharding, for bots in very many guilds.
    pub shards: Option<ShardConfig>,
}

/// Which shards this process runs: `[first, first + count)` of `total`.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ShardConfig {
    pub total: u32,
    #[serde(default)]
    pub first: u32,
    pub count: u32,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct HttpConfig {
    /// Address for /healthz, /metrics and the Telegram webhook; off when unset.
    pub listen: Option<SocketAddr>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    #[default]
    Pretty,
    Json,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct LogConfig {
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

fn default_telegram_api() -> String {
    "https://api.telegram.org".into()
}

fn default_per_minute() -> u32 {
    20
}

/// Reads environment variables; a trait so tests need not touch the process environment.
pub trait Env {
    fn var(&self, name: &str) -> Option<String>;
}

/// The real process environment.
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

impl Config {
    /// Parses configuration text; `path` names it in errors.
    pub fn parse(text: &str, path: &str) -> Result<Config, ConfigError> {
        toml::from_str(text).map_err(|err| {
            let line = err
                .span()
                .map(|s| format!("line {}: ", text[..s.start].matches('\n').count() + 1))
                .unwrap_or_default();
            ConfigError::Parse {
                path: path.to_owned(),
                message: format!("{line}{}", err.message().trim()),
            }
        })
    }

    /// Loads a config file (or defaults when `path` is `None`), applies environment overrides
    /// and validates the result.
    pub fn load(path: Option<&Path>, env: &impl Env) -> Result<Config, ConfigError> {
        let mut config = match path {
            Some(p) => {
                let text = std::fs::read_to_string(p).map_err(|source| ConfigError::Read {
                    path: p.display().to_string(),
                    source,
                })?;
                let mut config = Config::parse(&text, &p.display().to_string())?;
                // A relative catalogue path means "next to the config file".
                if let (Some(cat), Some(dir)) = (&config.catalogue, p.parent())
                    && cat.is_relative()
                {
                    config.catalogue = Some(dir.join(cat));
                }
                config
            }
            None => Config::default(),
        };
        config.apply_env(env)?;
        config.validate()?;
        Ok(config)
    }

    /// Secrets from the environment override the file: `NAME` first, then `NAME_FILE` (a path
    /// to a file holding the secret, as Docker and Kubernetes secrets provide). A token set
    /// only in the environment enables its adapter.
    pub fn apply_env(&mut self, env: &impl Env) -> Result<(), ConfigError> {
        if let Some(token) = secret_from_env(env, "TELEGRAM_BOT_TOKEN")? {
            self.telegram
                .get_or_insert_with(TelegramConfig::default)
                .token = token;
        }
        if let Some(token) = secret_from_env(env, "DISCORD_TOKEN")? {
            self.discord
                .get_or_insert_with(DiscordConfig::default)
                .token = token;
        }
        Ok(())
    }

    /// Checks values that parse but cannot work.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let bad = |m: String| Err(ConfigError::Invalid(m));
        if self.search.page_size == 0 || self.search.page_size > 10 {
            return bad(format!(
                "search.page_size must be 1–10, got {}",
                self.search.page_size
            ));
        }
        if let Some(t) = &self.telegram {
            if t.token.is_empty() {
                return bad("telegram.token is empty (set it or TELEGRAM_BOT_TOKEN)".into());
            }
            if url::Url::parse(&t.api_url).is_err() {
                return bad(format!("telegram.api_url is not a URL: {}", t.api_url));
            }
            if t.mode == TelegramMode::Webhook {
                let Some(hook) = &t.webhook else {
                    return bad(
                        "telegram.mode = \"webhook\" needs a [telegram.webhook] table".into(),
                    );
                };
                if url::Url::parse(&hook.public_url).is_err() {
                    return bad(format!(
                        "telegram.webhook.public_url is not a URL: {}",
                        hook.public_url
                    ));
                }
                if self.http.listen.is_none() {
                    return bad("telegram webhook mode needs [http] listen".into());
                }
            }
            if t.per_user_per_minute == 0 {
                return bad("telegram.per_user_per_minute must be at least 1".into());
            }
        }
        if let Some(d) = &self.discord {
            if d.token.is_empty() {
                return bad("discord.token is empty (set it or DISCORD_TOKEN)".into());
            }
            if !d.proxy_url.is_empty() && url::Url::parse(&d.proxy_url).is_err() {
                return bad(format!("discord.proxy_url is not a URL: {}", d.proxy_url));
            }
            if let Some(s) = d.shards
                && (s.total == 0 || s.count == 0 || s.first.saturating_add(s.count) > s.total)
            {
                return bad(format!(
                    "discord.shards: first ({}) + count ({}) must be within total ({})",
                    s.first, s.count, s.total
                ));
            }
        }
        if let Err(err) = tracing_subscriber::EnvFilter::try_new(&self.log.level) {
            return bad(format!(
                "log.level `{}` is not a valid filter: {err}",
                self.log.level
            ));
        }
        Ok(())
    }

    /// True when at least one chat adapter is configured.
    pub fn has_adapter(&self) -> bool {
        self.telegram.is_some() || self.discord.is_some()
    }
}

impl Default for TelegramConfig {
    fn default() -> Self {
        TelegramConfig {
            token: Secret::default(),
            api_url: default_telegram_api(),
            mode: TelegramMode::Polling,
            webhook: None,
            per_user_per_minute: default_per_minute(),
        }
    }
}

fn secret_from_env(env: &impl Env, var: &str) -> Result<Option<Secret>, ConfigError> {
    if let Some(value) = env.var(var) {
        return Ok(Some(Secret::new(value.trim())));
    }
    let file_var = format!("{var}_FILE");
    match env.var(&file_var) {
        Some(path) => std::fs::read_to_string(&path)
            .map(|s| Some(Secret::new(s.trim())))
            .map_err(|source| ConfigError::SecretFile {
                var: file_var,
                path,
                source,
            }),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NO_ENV: [(&str, &str); 0] = [];

    #[test]
    fn example_config_parses() {
        let text = include_str!("../config.example.toml");
        let config = Config::parse(text, "config.example.toml").expect("example must parse");
        assert!(config.telegram.is_some());
        assert!(config.discord.is_some());
    }

    #[test]
    fn unknown_keys_are_named() {
        let err = Config::parse("[telegram]\ntokne = \"x\"\n", "c.toml").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("tokne"), "{msg}");
        assert!(msg.contains("line 2"), "{msg}");
    }

    #[test]
    fn env_overrides_file_and_file_var() {
        let dir = tempfile::tempdir().unwrap();
        let secret = dir.path().join("tg");
        std::fs::write(&secret, "from-file\n").unwrap();
        let mut config = Config::parse("[telegram]\ntoken = \"in-config\"\n", "c").unwrap();
        let path = secret.to_str().unwrap();
        config
            .apply_env(&[("TELEGRAM_BOT_TOKEN_FILE", path)])
            .unwrap();
        assert_eq!(
            config.telegram.as_ref().unwrap().token.expose(),
            "from-file"
        );
        config
            .apply_env(&[
                ("TELEGRAM_BOT_TOKEN", "from-env"),
                ("TELEGRAM_BOT_TOKEN_FILE", path),
            ])
            .unwrap();
        assert_eq!(config.telegram.as_ref().unwrap().token.expose(), "from-env");
    }

    #[test]
    fn missing_secret_file_is_an_error() {
        let mut config = Config::default();
        let err = config
            .apply_env(&[("DISCORD_TOKEN_FILE", "/nonexistent/x")])
            .unwrap_err();
        assert!(err.to_string().contains("DISCORD_TOKEN_FILE"));
    }

    #[test]
    fn env_alone_enables_an_adapter() {
        let mut config = Config::default();
        config.apply_env(&[("DISCORD_TOKEN", "abc")]).unwrap();
        assert!(config.has_adapter());
        assert!(config.validate().is_ok());
        assert!(Config::load(None, &NO_ENV).is_ok_and(|c| !c.has_adapter()));
    }

    #[test]
    fn secrets_never_print() {
        let config = Config {
            telegram: Some(TelegramConfig {
                token: Secret::new("123:abc"),
                ..Default::default()
            }),
            ..Default::default()
        };
        assert!(!format!("{config:?}").contains("123:abc"));
    }

    #[test]
    fn invalid_values_are_rejected() {
        let webhook_without_http = "[telegram]\ntoken = \"t\"\nmode = \"webhook\"\n[telegram.webhook]\npublic_url = \"https://x/y\"\n";
        let config = Config::parse(webhook_without_http, "c").unwrap();
        assert!(
            config
                .validate()
                .unwrap_err()
                .to_string()
                .contains("[http] listen")
        );
        let shards = "[discord]\ntoken = \"t\"\nshards = { total = 2, first = 1, count = 2 }\n";
        assert!(Config::parse(shards, "c").unwrap().validate().is_err());
        let page = "[search]\npage_size = 0\n";
        assert!(Config::parse(page, "c").unwrap().validate().is_err());
    }
}
