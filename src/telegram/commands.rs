//! Commands and addressing: which messages are meant for the bot, and what they ask for.
//!
//! In private chats every text is a question. In groups the bot speaks only when spoken to —
//! a command (bare or `@thisbot`), a mention, or a reply to one of its messages — and a
//! command addressed to another bot (`/ask@other_bot`) is ignored rather than treated as text.

use teloxide::types::BotCommand;

/// The commands registered with `setMyCommands`: name, Chinese and English descriptions.
pub const COMMANDS: [(&str, &str, &str); 4] = [
    ("start", "开始使用与示例", "Welcome and examples"),
    (
        "help",
        "帮助:命令与内联模式",
        "Help: commands and inline mode",
    ),
    ("ask", "搜索资源:/ask <问题>", "Search: /ask <question>"),
    ("topics", "浏览主题目录", "Browse the topic tree"),
];

/// The command list in Chinese (`zh == true`) or English.
pub fn bot_commands(zh: bool) -> Vec<BotCommand> {
    COMMANDS
        .iter()
        .map(|(name, d_zh, d_en)| BotCommand::new(*name, if zh { *d_zh } else { *d_en }))
        .collect()
}

/// Where a message was written and how it relates to the bot.
#[derive(Debug, Clone, Copy)]
pub struct Addressing<'a> {
    /// A one-to-one chat with the bot.
    pub private: bool,
    /// The bot's username, without `@`.
    pub username: &'a str,
    /// The message replies to one of the bot's messages.
    pub reply_to_bot: bool,
}

/// What a message asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    Start,
    Help,
    /// `/ask`, with the query (empty when missing).
    Ask(String),
    /// `/topics`, optionally naming a topic.
    Topics(String),
    /// Plain text that is a question.
    Query(String),
    /// Not for us.
    Ignore,
}

/// Decides what a text message asks for.
pub fn classify(text: &str, at: Addressing<'_>) -> Intent {
    let text = text.trim();
    if let Some(command) = text.strip_prefix('/') {
        return classify_command(command, at);
    }
    let addressed = at.private || at.reply_to_bot || mentions(text, at.username);
    if !addressed {
        return Intent::Ignore;
    }
    let query = strip_mentions(text, at.username);
    if query.is_empty() {
        // "@thisbot" alone in a group: explain rather than stay silent.
        return if at.private {
            Intent::Ignore
        } else {
            Intent::Help
        };
    }
    Intent::Query(query)
}

fn classify_command(command: &str, at: Addressing<'_>) -> Intent {
    let (head, rest) = command
        .split_once(char::is_whitespace)
        .unwrap_or((command, ""));
    let rest = rest.trim().to_owned();
    let (name, target) = match head.split_once('@') {
        Some((name, target)) => (name, Some(target)),
        None => (head, None),
    };
    let for_us = match target {
        Some(target) => !at.username.is_empty() && target.eq_ignore_ascii_case(at.username),
        None => true,
    };
    if !for_us {
        return Intent::Ignore;
    }
    match name.to_ascii_lowercase().as_str() {
        "start" => Intent::Start,
        "help" => Intent::Help,
        "ask" => Intent::Ask(rest),
        "topics" => Intent::Topics(rest),
        // An unknown command in a group is probably another bot's; in private, or when
        // addressed to us by name, the user is lost and gets help.
        _ if at.private || target.is_some() => Intent::Help,
        _ => Intent::Ignore,
    }
}

/// Byte offsets of `@username` mentions (case-insensitive, whole usernames only).
fn mention_spans(text: &str, username: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    if username.is_empty() {
        return spans;
    }
    let needle_len = username.len() + 1;
    for (at, _) in text.match_indices('@') {
        let end = at + needle_len;
        let Some(candidate) = text.get(at + 1..end) else {
            continue;
        };
        let whole = text[end..]
            .chars()
            .next()
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_'));
        if candidate.eq_ignore_ascii_case(username) && whole {
            spans.push((at, end));
        }
    }
    spans
}

fn mentions(text: &str, username: &str) -> bool {
    !mention_spans(text, username).is_empty()
}

/// The text without the bot's mentions, whitespace collapsed.
fn strip_mentions(text: &str, username: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (start, end) in mention_spans(text, username) {
        out.push_str(&text[last..start]);
        out.push(' ');
        last = end;
    }
    out.push_str(&text[last..]);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PRIVATE: Addressing<'static> = Addressing {
        private: true,
        username: "ganhuo_bot",
        reply_to_bot: false,
    };
    const GROUP: Addressing<'static> = Addressing {
        private: false,
        username: "ganhuo_bot",
        reply_to_bot: false,
    };

    #[test]
    fn private_text_is_a_query() {
        assert_eq!(
            classify("  LoRA 教程 ", PRIVATE),
            Intent::Query("LoRA 教程".into())
        );
        assert_eq!(classify("   ", PRIVATE), Intent::Ignore);
    }

    #[test]
    fn commands_parse_with_and_without_target() {
        assert_eq!(classify("/start", PRIVATE), Intent::Start);
        assert_eq!(classify("/help@ganhuo_bot", GROUP), Intent::Help);
        assert_eq!(classify("/ask", PRIVATE), Intent::Ask(String::new()));
        assert_eq!(
            classify("/ask@Ganhuo_Bot  vllm  ", GROUP),
            Intent::Ask("vllm".into())
        );
        assert_eq!(
            classify("/ask\nmulti line", GROUP),
            Intent::Ask("multi line".into())
        );
        assert_eq!(
            classify("/topics vllm", PRIVATE),
            Intent::Topics("vllm".into())
        );
        assert_eq!(classify("/nope", PRIVATE), Intent::Help);
    }

    #[test]
    fn other_bots_commands_never_fall_through() {
        assert_eq!(classify("/ask@other_bot vllm", GROUP), Intent::Ignore);
        assert_eq!(classify("/ask@other_bot vllm", PRIVATE), Intent::Ignore);
        assert_eq!(classify("/ask@ganhuo_bot_fan vllm", GROUP), Intent::Ignore);
        assert_eq!(classify("/weather", GROUP), Intent::Ignore);
    }

    #[test]
    fn groups_need_a_mention_or_reply() {
        assert_eq!(classify("anyone tried vllm?", GROUP), Intent::Ignore);
        assert_eq!(
            classify("@ganhuo_bot vllm", GROUP),
            Intent::Query("vllm".into())
        );
        assert_eq!(
            classify("hey @GANHUO_BOT, vllm?", GROUP),
            Intent::Query("hey , vllm?".into())
        );
        assert_eq!(classify("@ganhuo_botx vllm", GROUP), Intent::Ignore);
        assert_eq!(classify("@ganhuo_bot", GROUP), Intent::Help);
        let reply = Addressing {
            reply_to_bot: true,
            ..GROUP
        };
        assert_eq!(
            classify("and LoRA?", reply),
            Intent::Query("and LoRA?".into())
        );
    }

    #[test]
    fn unicode_around_mentions_is_safe() {
        assert_eq!(
            classify("干货@ganhuo_bot量化", GROUP),
            Intent::Query("干货 量化".into())
        );
        assert_eq!(classify("@干货", GROUP), Intent::Ignore);
    }

    #[test]
    fn both_languages_describe_every_command() {
        let zh = bot_commands(true);
        let en = bot_commands(false);
        assert_eq!(zh.len(), en.len());
        assert!(
            zh.iter()
                .zip(&en)
                .all(|(z, e)| z.command == e.command && z.description != e.description)
        );
    }
}
