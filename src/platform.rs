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
}

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
}
