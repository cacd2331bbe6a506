//! Which front end a question came from: a label for metrics, the store and the report,
//! shared by the core and the front ends, so it sits below both.

use std::fmt;

use serde::Serialize;

/// Where a question came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    /// The Telegram bot.
    Telegram,
    /// The Discord bot.
    Discord,
    /// `ganhuo chat` in a terminal.
    Terminal,
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Platform::Telegram => "telegram",
            Platform::Discord => "discord",
            Platform::Terminal => "terminal",
        })
    }
}
