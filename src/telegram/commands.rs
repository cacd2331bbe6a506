//! Commands and addressing: which messages are meant for the bot, and what they ask for.
//!
//! In private chats every text is a question. In groups the bot speaks only when spoken to —
//! a command (bare or `@thisbot`), a mention, or a reply to one of its messages — and a
//! command addressed to another bot (`/ask@other_bot`) is ignored rather than treated as text.
//! A bare `/start` in a group is every bot's command (users send it to the bot they have just
//! added), so only `/start@thisbot` is answered there.

use teloxide::types::BotCommand;

use crate::platform::Command;
use crate::present::Request;

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

/// What a text message asks for; `None` when it is not for us.
pub fn classify(text: &str, at: Addressing<'_>) -> Option<Request> {
    let text = text.trim();
    if let Some(command) = Command::parse(text) {
        return classify_command(command, at);
    }
    let addressed = at.private || at.reply_to_bot || mentions(text, at.username);
    if !addressed {
        return None;
    }
    let query = strip_mentions(text, at.username);
    if query.is_empty() {
        // "@thisbot" alone in a group: explain rather than stay silent.
        return (!at.private).then_some(Request::Help);
    }
    Some(Request::Ask(query))
}

fn classify_command(command: Command<'_>, at: Addressing<'_>) -> Option<Request> {
    let Command { name, target, rest } = command;
    let rest = rest.to_owned();
    let for_us = match target {
        Some(target) => !at.username.is_empty() && target.eq_ignore_ascii_case(at.username),
        None => true,
    };
    if !for_us {
        return None;
    }
    match name.to_ascii_lowercase().as_str() {
        "start" if !at.private && target.is_none() => None,
        "start" => Some(Request::Start),
        "help" => Some(Request::Help),
        "ask" => Some(Request::Ask(rest)),
        "topics" => Some(Request::Browse((!rest.is_empty()).then_some(rest))),
        // Another search bot's command ("/search vllm", "/搜 剪枝") asks us when it is typed to
        // us: in private, or addressed by name. In a group, untargeted, it may be that bot's.
        _ if command.asks() && (at.private || target.is_some()) => Some(Request::Ask(rest)),
        // An unknown command in a group is probably another bot's; in private, or when
        // addressed to us by name, the user is lost and gets help.
        _ if at.private || target.is_some() => Some(Request::Help),
        _ => None,
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
        ..PRIVATE
    };
    const REPLY: Addressing<'static> = Addressing {
        reply_to_bot: true,
        ..GROUP
    };

    fn ask(query: &str) -> Option<Request> {
        Some(Request::Ask(query.into()))
    }

    #[test]
    fn messages_for_the_bot_and_what_they_ask() {
        let help = Some(Request::Help);
        for (text, at, expected) in [
            // In private every text is a question.
            ("  LoRA 教程 ", PRIVATE, ask("LoRA 教程")),
            ("   ", PRIVATE, None),
            // Commands, with and without a target.
            ("/start", PRIVATE, Some(Request::Start)),
            ("/start", GROUP, None),
            ("/start@ganhuo_bot", GROUP, Some(Request::Start)),
            ("/help@ganhuo_bot", GROUP, help.clone()),
            ("/ask", PRIVATE, ask("")),
            ("/ask@Ganhuo_Bot  vllm  ", GROUP, ask("vllm")),
            ("/ask\nmulti line", GROUP, ask("multi line")),
            (
                "/topics vllm",
                PRIVATE,
                Some(Request::Browse(Some("vllm".into()))),
            ),
            ("/topics", GROUP, Some(Request::Browse(None))),
            ("/nope", PRIVATE, help.clone()),
            // Other bots' commands never fall through.
            ("/ask@other_bot vllm", GROUP, None),
            ("/ask@other_bot vllm", PRIVATE, None),
            ("/ask@ganhuo_bot_fan vllm", GROUP, None),
            ("/weather", GROUP, None),
            // Other search bots' commands ask us when typed to us.
            ("/search@ganhuo_bot vllm", GROUP, ask("vllm")),
            ("/搜 剪枝", PRIVATE, ask("剪枝")),
            ("/search vllm", GROUP, None),
            // Groups need a mention or a reply.
            ("anyone tried vllm?", GROUP, None),
            ("@ganhuo_bot vllm", GROUP, ask("vllm")),
            ("hey @GANHUO_BOT, vllm?", GROUP, ask("hey , vllm?")),
            ("@ganhuo_botx vllm", GROUP, None),
            ("@ganhuo_bot", GROUP, help),
            ("and LoRA?", REPLY, ask("and LoRA?")),
            // Unicode around mentions.
            ("干货@ganhuo_bot量化", GROUP, ask("干货 量化")),
            ("@干货", GROUP, None),
        ] {
            assert_eq!(classify(text, at), expected, "{text:?}");
        }
    }

    #[test]
    fn both_languages_describe_every_command() {
        let (zh, en) = (bot_commands(true), bot_commands(false));
        assert_eq!(zh.len(), en.len());
        assert!(
            zh.iter()
                .zip(&en)
                .all(|(z, e)| z.command == e.command && z.description != e.description)
        );
    }
}
