//! Discord markup: views as embeds with buttons and select menus, and autocomplete choices, as
//! plain values that [`check`] holds against Discord's limits before anything is sent (Discord
//! answers an oversized message with a 400, which users see as "This interaction failed").
//! What to show was decided by [`crate::present`]; at the end of this file the values become
//! serenity builders.

use serenity::all::{
    AutocompleteChoice, ButtonStyle, CreateActionRow, CreateAllowedMentions,
    CreateAutocompleteResponse, CreateButton, CreateEmbed, CreateEmbedFooter,
    CreateInteractionResponseMessage, CreateSelectMenu, CreateSelectMenuKind,
    CreateSelectMenuOption, EditInteractionResponse,
};

use crate::answer::{Completion, TopicRef};
use crate::i18n::Locale;
use crate::present::text::sanitise;
use crate::present::{Action, Budget, Heading, Link, LinkKind, Measure, Notice, Unit, View};

use super::custom_id::{self, FOOTER_SEPARATOR, TOPIC_SELECT};

// Discord's limits, in characters (custom ids in `custom_id`).
const EMBED_TITLE: usize = 256;
const EMBED_DESCRIPTION: usize = 4096;
const EMBED_FOOTER: usize = 2048;
/// All text across the embeds of one message.
const EMBED_TOTAL: usize = 6000;
const CONTENT: usize = 2000;
const ROWS: usize = 5;
const BUTTONS_PER_ROW: usize = 5;
/// Button labels, select options, choice names and values.
const SHORT_TEXT: usize = 100;
/// Options in a select menu, and autocomplete choices in one response.
pub const CHOICES: usize = 25;
/// Room for the subtopic line of a topic page.
const SUBTOPICS: usize = 1000;
/// Embed colour (ganhuo's accent).
pub const COLOUR: u32 = 0x0000_B37E;

/// Characters that Discord markdown gives a meaning to, and how each is escaped.
const MARKDOWN_CHARS: &str = "\\*_~`|[]()<>#-@:";
const MARKDOWN_ESCAPES: [&str; 16] = [
    "\\\\", "\\*", "\\_", "\\~", "\\`", "\\|", "\\[", "\\]", "\\(", "\\)", "\\<", "\\>", "\\#",
    "\\-", "\\@", "\\:",
];

fn markdown(c: char) -> Option<&'static str> {
    // All ASCII, so the byte index is the position.
    MARKDOWN_CHARS.find(c).map(|i| MARKDOWN_ESCAPES[i])
}

/// Discord markdown, counted in characters.
pub const MARKDOWN: Measure = Measure::new(Unit::Chars, markdown);

/// What one embed description holds: the rest of it is the subtopic line of a topic page.
pub const BUDGET: Budget = Budget {
    measure: MARKDOWN,
    items: 10,
    body: EMBED_DESCRIPTION - SUBTOPICS - 96,
    // `**.** [](\n)` and the blank line between items.
    item_markup: 13,
    label: 200,
    caption: 80,
    url: 512,
    topics: CHOICES,
};

/// A whole message: what a reply or an edit sends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reply {
    /// Plain content above the embeds.
    pub content: Option<String>,
    /// At most one embed.
    pub embed: Option<Embed>,
    /// Action rows.
    pub rows: Vec<Row>,
}

/// One embed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Embed {
    /// Title.
    pub title: String,
    /// Description (markdown).
    pub description: String,
    /// Footer (no markdown).
    pub footer: Option<String>,
}

/// An action row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// Buttons that send a component interaction.
    Buttons(Vec<Button>),
    /// A string select menu of topics.
    Select {
        /// Shown before a choice is made.
        placeholder: &'static str,
        /// The topics: their names, and their ids as values.
        options: Vec<Choice>,
    },
}

/// A button.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    /// Its label.
    pub label: String,
    /// What it does, encoded.
    pub custom_id: String,
    /// Highlighted ("more").
    pub primary: bool,
}

/// An autocomplete choice, or an option of the topic select menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// What the user sees.
    pub name: String,
    /// What is submitted.
    pub value: String,
}

/// The help this front end gives besides [`crate::present`]'s: its slash commands.
fn commands_help(locale: Locale) -> &'static str {
    match locale {
        Locale::Zh => {
            "斜杠命令:\n/提问 (/ask) <问题> — 搜索资源,输入时会给出补全建议\n/主题 (/topics) [主题] — 浏览主题目录\n/帮助 (/help) — 显示这条帮助"
        }
        Locale::En => {
            "Slash commands:\n/ask <question> — search the catalogue; suggestions appear as you type\n/topics [topic] — browse the topic tree\n/help — this help"
        }
    }
}

fn choose_topic(locale: Locale) -> &'static str {
    match locale {
        Locale::Zh => "选择主题…",
        Locale::En => "Choose a topic…",
    }
}

fn escape(text: &str) -> String {
    MARKDOWN.escape(text).into_owned()
}

/// A notice as a short message.
pub fn notice(notice: Notice, locale: Locale) -> Reply {
    Reply {
        content: Some(notice.text(locale).to_owned()),
        ..Reply::default()
    }
}

/// A view as one embed with its components.
pub fn message(view: &View) -> Reply {
    let locale = view.locale;
    let title = match &view.heading {
        Heading::Results { query } => format!("🔎 {}", escape(query)),
        Heading::Topic { path } => format!("📂 {}", escape(path)),
        Heading::Roots => locale.topic_tree().to_owned(),
        Heading::SmallTalk(_) => "ganhuo 干货".to_owned(),
    };
    let mut paragraphs: Vec<String> = view
        .notices
        .iter()
        .map(|n| n.text(locale).to_owned())
        .collect();
    paragraphs.extend(view.hint().map(|hint| escape(&hint)));
    if view.is_help() {
        paragraphs.push(commands_help(locale).to_owned());
    }
    let lines = view.topics.iter().map(|e| match e.resources {
        Some(n) => format!("▸ **{}** ({n})", escape(&e.label)),
        None => format!("• {}", escape(&e.label)),
    });
    match view.heading {
        Heading::Topic { .. } if !view.topics.is_empty() => {
            let names: Vec<String> = view.topics.iter().map(|e| escape(&e.label)).collect();
            let line = format!("**{}:** {}", locale.subtopics(), names.join(" · "));
            paragraphs.push(MARKDOWN.clip(&line, SUBTOPICS).into_owned());
        }
        _ => paragraphs.push(fill(lines, EMBED_DESCRIPTION / 2)),
    }
    if !view.items.is_empty() {
        let items = view.items.iter().map(|i| {
            let title = escape(&i.title);
            let title = match &i.url {
                Some(url) => format!("[{title}]({url})"),
                None => title,
            };
            format!("**{}.** {title}\n{}", i.number, escape(&i.details))
        });
        let items = items.collect::<Vec<_>>().join("\n\n");
        paragraphs.push(match view.heading {
            Heading::Topic { .. } => format!("**{}:**\n{items}", locale.resources()),
            _ => items,
        });
    }
    paragraphs.retain(|p| !p.is_empty());
    // The query goes into the footer so that a page whose query is too long for a custom id
    // can still be turned: footers render no markdown, so the text reads back as written.
    let query = view.actions().find_map(|a| match a {
        Action::Search { query, .. } => Some(query),
        _ => None,
    });
    let page = view.page.map(|p| p.text(locale));
    let footer = match (page, query) {
        (page, Some(query)) => Some(format!(
            "{}{FOOTER_SEPARATOR}{query}",
            page.as_deref().unwrap_or("…")
        )),
        (page, None) => page,
    };
    let embed = Embed {
        title,
        description: paragraphs.join("\n\n"),
        footer: footer.map(|f| Measure::PLAIN.clip(&f, EMBED_FOOTER).into_owned()),
    };
    Reply {
        content: None,
        embed: Some(embed),
        rows: rows(view),
    }
}

/// Lines, as many as fit `budget`.
fn fill(lines: impl Iterator<Item = String>, budget: usize) -> String {
    let mut text = String::new();
    for line in lines {
        if MARKDOWN.len(&text) + MARKDOWN.len(&line) + 1 > budget {
            break;
        }
        text.push_str(&line);
        text.push('\n');
    }
    text.trim_end().to_owned()
}

fn rows(view: &View) -> Vec<Row> {
    let button = |label: &str, action: &Action, primary: bool| {
        let label = Measure::PLAIN.clip(label.trim(), SHORT_TEXT);
        Some(Button {
            label: if label.is_empty() {
                "…".into()
            } else {
                label.into_owned()
            },
            custom_id: custom_id::encode(action)?,
            primary,
        })
    };
    let mut rows = Vec::new();
    if matches!(view.heading, Heading::Results { .. }) {
        // Suggestions: a button each.
        let buttons: Vec<Button> = view
            .topics
            .iter()
            .filter_map(|e| button(&e.caption, &e.action, false))
            .collect();
        rows.extend(
            buttons
                .chunks(BUTTONS_PER_ROW)
                .map(|c| Row::Buttons(c.to_vec())),
        );
    } else {
        let options: Vec<Choice> = view
            .topics
            .iter()
            .filter_map(|e| match &e.action {
                Action::Topic { id, .. } if id.chars().count() <= SHORT_TEXT => Some(Choice {
                    name: Measure::PLAIN.clip(&e.caption, SHORT_TEXT).into_owned(),
                    value: id.clone(),
                }),
                _ => None,
            })
            .take(CHOICES)
            .collect();
        if !options.is_empty() {
            rows.push(Row::Select {
                placeholder: choose_topic(view.locale),
                options,
            });
        }
    }
    // Navigation on one row, feedback on its own below it.
    let feedback = |l: &&Link| matches!(l.kind, LinkKind::Helpful | LinkKind::NotHelpful);
    for links in [
        view.links
            .iter()
            .filter(|l| !feedback(l))
            .collect::<Vec<_>>(),
        view.links.iter().filter(feedback).collect(),
    ] {
        let buttons: Vec<Button> = links
            .into_iter()
            .filter_map(|l| button(&l.caption, &l.action, l.kind == LinkKind::Next))
            .take(BUTTONS_PER_ROW)
            .collect();
        if !buttons.is_empty() {
            rows.push(Row::Buttons(buttons));
        }
    }
    rows.truncate(ROWS);
    rows
}

/// Autocomplete choices for `/ask`: at most 25, names and values of 1–100 characters. A value
/// is a query, cut (never ellipsised) so that picking it searches for real words.
pub fn ask_choices(completions: &[Completion]) -> Vec<Choice> {
    let mut out: Vec<Choice> = Vec::new();
    for completion in completions {
        let value = Measure::PLAIN
            .cut(&sanitise(&completion.value), SHORT_TEXT)
            .trim_end()
            .to_owned();
        let label = sanitise(&completion.label);
        let name = if label.is_empty() {
            value.as_str()
        } else {
            &label
        };
        let name = Measure::PLAIN.clip(name, SHORT_TEXT).into_owned();
        if value.is_empty() || name.is_empty() || out.iter().any(|c| c.value == value) {
            continue;
        }
        out.push(Choice { name, value });
        if out.len() == CHOICES {
            break;
        }
    }
    out
}

/// Autocomplete choices for `/topics`: each topic shown with its path; the value is its id.
pub fn topic_choices(paths: &[Vec<TopicRef>], locale: Locale) -> Vec<Choice> {
    paths
        .iter()
        .filter_map(|path| {
            let id = &path.last()?.id;
            if id.is_empty() || id.chars().count() > SHORT_TEXT {
                return None;
            }
            let names: Vec<&str> = path.iter().map(|t| t.label(locale)).collect();
            let name = Measure::PLAIN
                .clip(&sanitise(&names.join(" › ")), SHORT_TEXT)
                .into_owned();
            Some(Choice {
                name: if name.is_empty() { id.clone() } else { name },
                value: id.clone(),
            })
        })
        .take(CHOICES)
        .collect()
}

/// Checks a reply against every Discord limit this adapter can hit; the handler sends an
/// apology instead of a reply that fails this.
pub fn check(reply: &Reply) -> Result<(), String> {
    let len = |s: &str| s.chars().count();
    let embed = reply.embed.clone().unwrap_or_default();
    let (title, description) = (len(&embed.title), len(&embed.description));
    let footer = embed.footer.as_deref().map_or(0, len);
    let content = reply.content.as_deref().map_or(0, len);
    for (what, n, max) in [
        ("embed title", title, EMBED_TITLE),
        ("embed description", description, EMBED_DESCRIPTION),
        ("embed footer", footer, EMBED_FOOTER),
        ("embeds in all", title + description + footer, EMBED_TOTAL),
        ("content", content, CONTENT),
        ("action rows", reply.rows.len(), ROWS),
    ] {
        if n > max {
            return Err(format!("{what}: {n}, over {max}"));
        }
    }
    if content == 0 && reply.embed.is_none() {
        return Err("empty message".into());
    }
    let (mut ids, mut short) = (Vec::new(), Vec::new());
    for row in &reply.rows {
        let (count, max) = match row {
            Row::Buttons(buttons) => {
                ids.extend(buttons.iter().map(|b| b.custom_id.as_str()));
                short.extend(buttons.iter().map(|b| b.label.trim()));
                (buttons.len(), BUTTONS_PER_ROW)
            }
            Row::Select { options, .. } => {
                ids.push(TOPIC_SELECT);
                short.extend(options.iter().flat_map(|o| [o.name.as_str(), &o.value]));
                (options.len(), CHOICES)
            }
        };
        if count == 0 || count > max {
            return Err(format!("{count} components in a row"));
        }
    }
    if let Some(text) = short.iter().find(|t| !(1..=SHORT_TEXT).contains(&len(t))) {
        return Err(format!("label or value {text:?}"));
    }
    for (i, id) in ids.iter().enumerate() {
        if id.is_empty() || id.len() > custom_id::MAX_ID || ids[..i].contains(id) {
            return Err(format!("custom id {id:?} empty, too long or repeated"));
        }
    }
    Ok(())
}

// The edge to serenity: reply values become builders. Every message built here mentions
// no one.

/// No `@everyone`, role or user ping, whatever the text says.
fn no_mentions() -> CreateAllowedMentions {
    CreateAllowedMentions::new()
        .empty_users()
        .empty_roles()
        .everyone(false)
        .replied_user(false)
}

fn embed_builder(e: &Embed) -> CreateEmbed {
    let mut out = CreateEmbed::new().colour(COLOUR);
    if !e.title.is_empty() {
        out = out.title(&e.title);
    }
    if !e.description.is_empty() {
        out = out.description(&e.description);
    }
    if let Some(footer) = &e.footer {
        out = out.footer(CreateEmbedFooter::new(footer));
    }
    out
}

fn row_builder(r: &Row) -> CreateActionRow {
    match r {
        Row::Buttons(buttons) => CreateActionRow::Buttons(
            buttons
                .iter()
                .map(|b| {
                    let style = if b.primary {
                        ButtonStyle::Primary
                    } else {
                        ButtonStyle::Secondary
                    };
                    CreateButton::new(&b.custom_id).label(&b.label).style(style)
                })
                .collect(),
        ),
        Row::Select {
            placeholder,
            options,
        } => {
            let options = options
                .iter()
                .map(|o| CreateSelectMenuOption::new(&o.name, &o.value))
                .collect();
            CreateActionRow::SelectMenu(
                CreateSelectMenu::new(TOPIC_SELECT, CreateSelectMenuKind::String { options })
                    .placeholder(*placeholder),
            )
        }
    }
}

/// A reply as an interaction response message (new message or update).
pub fn response(reply: &Reply, ephemeral: bool) -> CreateInteractionResponseMessage {
    let mut out = CreateInteractionResponseMessage::new()
        .allowed_mentions(no_mentions())
        .embeds(reply.embed.iter().map(embed_builder).collect())
        .components(reply.rows.iter().map(row_builder).collect())
        .ephemeral(ephemeral);
    // An update without content must clear the old content, not keep it.
    out = out.content(reply.content.clone().unwrap_or_default());
    out
}

/// A reply as an edit of the original response (after a defer).
pub fn edit(reply: &Reply) -> EditInteractionResponse {
    EditInteractionResponse::new()
        .allowed_mentions(no_mentions())
        .content(reply.content.clone().unwrap_or_default())
        .embeds(reply.embed.iter().map(embed_builder).collect())
        .components(reply.rows.iter().map(row_builder).collect())
}

/// Autocomplete choices as a response.
pub fn choices_response(choices: &[Choice]) -> CreateAutocompleteResponse {
    CreateAutocompleteResponse::new().set_choices(
        choices
            .iter()
            .map(|c| AutocompleteChoice::new(c.name.clone(), c.value.clone()))
            .collect(),
    )
}
