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

/// A name or description in each language: (default/English, Chinese).
struct Text {
    en: &'static str,
    zh: &'static str,
}

const ENGLISH: [&str; 2] = ["en-US", "en-GB"];
const CHINESE: &str = "zh-CN";

fn command(name: Text, description: Text) -> CreateCommand {
    let mut cmd = CreateCommand::new(name.en).description(description.en);
    for locale in ENGLISH {
        cmd = cmd
            .name_localized(locale, name.en)
            .description_localized(locale, description.en);
    }
    cmd.name_localized(CHINESE, name.zh)
        .description_localized(CHINESE, description.zh)
        // Usable in servers and in a DM with the bot.
        .contexts(vec![InteractionContext::Guild, InteractionContext::BotDm])
}

fn option(kind: CommandOptionType, name: Text, description: Text) -> CreateCommandOption {
    let mut opt = CreateCommandOption::new(kind, name.en, description.en);
    for locale in ENGLISH {
        opt = opt
            .name_localized(locale, name.en)
            .description_localized(locale, description.en);
    }
    opt.name_localized(CHINESE, name.zh)
        .description_localized(CHINESE, description.zh)
}

/// Every command, for one bulk overwrite.
pub fn all() -> Vec<CreateCommand> {
    let max_query = u16::try_from(MAX_QUERY_CHARS).unwrap_or(u16::MAX);
    vec![
        command(
            Text {
                en: ASK,
                zh: "提问",
            },
            Text {
                en: "Search the catalogue of LLM learning resources",
                zh: "搜索大模型学习资源",
            },
        )
        .add_option(
            option(
                CommandOptionType::String,
                Text {
                    en: QUERY,
                    zh: "问题",
                },
                Text {
                    en: "What to look for, e.g. LoRA tutorial",
                    zh: "要找什么,例如 LoRA 教程",
                },
            )
            .required(true)
            .set_autocomplete(true)
            .min_length(1)
            .max_length(max_query),
        ),
        command(
            Text {
                en: TOPICS,
                zh: "主题",
            },
            Text {
                en: "Browse the topic tree",
                zh: "浏览主题目录",
            },
        )
        .add_option(
            option(
                CommandOptionType::String,
                Text {
                    en: TOPIC,
                    zh: "主题",
                },
                Text {
                    en: "A topic to open (leave empty for all topics)",
                    zh: "要打开的主题(留空显示全部)",
                },
            )
            .required(false)
            .set_autocomplete(true),
        ),
        command(
            Text {
                en: HELP,
                zh: "帮助",
            },
            Text {
                en: "How to use ganhuo",
                zh: "ganhuo 使用帮助",
            },
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_are_localised_and_valid() {
        let json = serde_json::to_value(all()).unwrap();
        let commands = json.as_array().unwrap();
        assert_eq!(commands.len(), 3);
        for cmd in commands {
            let name = cmd["name"].as_str().unwrap();
            assert!(
                name.len() <= 32 && name.chars().all(|c| c.is_ascii_lowercase()),
                "{name}"
            );
            assert!(cmd["name_localizations"]["zh-CN"].is_string(), "{cmd}");
            assert!(cmd["name_localizations"]["en-US"].is_string(), "{cmd}");
            for d in [
                &cmd["description"],
                &cmd["description_localizations"]["zh-CN"],
            ] {
                let d = d.as_str().unwrap();
                assert!((1..=100).contains(&d.chars().count()), "{d}");
            }
            for opt in cmd["options"].as_array().into_iter().flatten() {
                assert!(opt["name_localizations"]["zh-CN"].is_string(), "{opt}");
                assert!(opt["description"].as_str().unwrap().chars().count() <= 100);
            }
        }
    }
}
