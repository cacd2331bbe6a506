//! Which front end a question came from (a label for metrics, the store and the report), and
//! how chat apps type a command; shared by the core and the front ends, so it sits below both.

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

/// A chat command as typed: "/ask@ganhuo_bot LoRA 教程" is the command `ask`, addressed to
/// `ganhuo_bot`, with "LoRA 教程" after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Command<'t> {
    /// The command's name, as typed.
    pub name: &'t str,
    /// The bot it names after `@`, if any.
    pub target: Option<&'t str>,
    /// What follows it, trimmed.
    pub rest: &'t str,
}

impl<'t> Command<'t> {
    /// The command a text opens with (after any spaces), if it opens with `/`.
    pub fn parse(text: &'t str) -> Option<Command<'t>> {
        let command = text.trim().strip_prefix('/')?;
        let (head, rest) = command
            .split_once(char::is_whitespace)
            .unwrap_or((command, ""));
        let (name, target) = match head.split_once('@') {
            Some((name, target)) => (name, Some(target)),
            None => (head, None),
        };
        Some(Command {
            name,
            target,
            rest: rest.trim(),
        })
    }

    /// Whether the command asks a question: ours is `/ask`, and people type what other search
    /// bots taught them ("/search vllm", "/find LoRA", "/搜 剪枝") and mean the same.
    pub fn asks(&self) -> bool {
        ASKING.contains(&self.name.to_lowercase().as_str())
    }

    /// Whether the command is one of the bots' own (`/ask` and its kin, `/start`, `/help`,
    /// `/topics`, and the pages and feedback a chat follows): any other is another bot's
    /// (`/remind`, `/play`, `/天气`).
    pub fn is_ours(&self) -> bool {
        let name = self.name.to_lowercase();
        ASKING.contains(&name.as_str()) || OURS.contains(&name.as_str())
    }

    /// Whether the name is one a command can have: letters, digits and `_`, as the chat apps
    /// allow, and not a path ("/usr/local/cuda/bin/nvcc: not found" opens with a slash too).
    pub fn is_named(&self) -> bool {
        !self.name.is_empty() && self.name.chars().all(|c| c.is_alphanumeric() || c == '_')
    }
}

/// Command names that ask a question, lower-cased.
const ASKING: &[&str] = &[
    "ask", "search", "find", "query", "lookup", "问", "搜", "搜索", "找", "查", "查找",
];

/// The bots' other command names, lower-cased: the chat apps' and the terminal's.
const OURS: &[&str] = &[
    "start", "help", "topics", "more", "next", "back", "prev", "first", "up", "good", "bad",
    "quit", "exit", "q",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_split_into_name_target_and_rest() {
        let parsed = Command::parse("  /ask@ganhuo_bot  LoRA 教程 ").unwrap();
        assert_eq!(
            parsed,
            Command {
                name: "ask",
                target: Some("ganhuo_bot"),
                rest: "LoRA 教程"
            }
        );
        let bare = Command::parse("/help").unwrap();
        assert_eq!((bare.name, bare.target, bare.rest), ("help", None, ""));
        assert_eq!(Command::parse("help /ask"), None);
    }

    #[test]
    fn search_commands_ask_and_other_bots_commands_are_not_ours() {
        let asks = |text| Command::parse(text).is_some_and(|c| c.asks());
        assert!(asks("/search@ganhuo_bot vllm"));
        assert!(asks("/搜 剪枝"));
        assert!(asks("/ASK LoRA"));
        assert!(!asks("/help"));
        let ours = |text| Command::parse(text).is_some_and(|c| c.is_ours());
        assert!(ours("/topics 量化"));
        assert!(ours("/find kv cache"));
        assert!(!ours("/remind me in 30 minutes"));
        assert!(!ours("/天气 杭州"));
        let named = |text| Command::parse(text).is_some_and(|c| c.is_named());
        assert!(named("/play 晴天"));
        assert!(!named("/usr/local/cuda/bin/nvcc: not found"));
        assert!(!named("/ hello"));
    }
}
