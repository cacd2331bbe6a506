//! The slash commands ganhuo registers, with names and descriptions in English (the default
//! and `en-US`/`en-GB`) and Simplified Chinese (`zh-CN`).

use serenity::all::{CommandOptionType, CreateCommand, CreateCommandOption, InteractionContext};

use crate::search::MAX_QUERY_CHARS;

/// `/ask query:<text>`.
pub const ASK: &str = "ask";
/// `/topics [topic]`.
pub const TOPICS: &str = "topics";
/// `/help`.
pub const HELP: &str = "help";
/// The `/ask` option.
pub const QUERY: &str = "query";
/// The `/topics` option.
pub const TOPIC: &str = "topic";

/// A name or description: (default and English, Simplified Chinese).
type Text = (&'static str, &'static str);

const ENGLISH: [&str; 2] = ["en-US", "en-GB"];
const CHINESE: &str = "zh-CN";

fn command((name, zh_name): Text, (about, zh_about): Text) -> CreateCommand {
    let mut cmd = CreateCommand::new(name).description(about);
    for locale in ENGLISH {
        cmd = cmd
            .name_localized(locale, name)
            .description_localized(locale, about);
    }
    cmd.name_localized(CHINESE, zh_name)
        .description_localized(CHINESE, zh_about)
        // Usable in servers and in a DM with the bot.
        .contexts(vec![InteractionContext::Guild, InteractionContext::BotDm])
}

fn option((name, zh_name): Text, (about, zh_about): Text) -> CreateCommandOption {
    let mut opt = CreateCommandOption::new(CommandOptionType::String, name, about);
    for locale in ENGLISH {
        opt = opt
            .name_localized(locale, name)
            .description_localized(locale, about);
    }
    opt.name_localized(CHINESE, zh_name)
        .description_localized(CHINESE, zh_about)
        .set_autocomplete(true)
}

/// Every command, for one bulk overwrite.
pub fn all() -> Vec<CreateCommand> {
    let max_query = u16::try_from(MAX_QUERY_CHARS).unwrap_or(u16::MAX);
    let query = option(
        (QUERY, "问题"),
        (
            "What to look for, e.g. LoRA tutorial",
            "要找什么,例如 LoRA 教程",
        ),
    );
    let topic = option(
        (TOPIC, "主题"),
        (
            "A topic to open (leave empty for all topics)",
            "要打开的主题(留空显示全部)",
        ),
    );
    vec![
        command(
            (ASK, "提问"),
            (
                "Search the catalogue of LLM learning resources",
                "搜索大模型学习资源",
            ),
        )
        .add_option(query.required(true).min_length(1).max_length(max_query)),
        command((TOPICS, "主题"), ("Browse the topic tree", "浏览主题目录"))
            .add_option(topic.required(false)),
        command((HELP, "帮助"), ("How to use ganhuo", "ganhuo 使用帮助")),
    ]
}
