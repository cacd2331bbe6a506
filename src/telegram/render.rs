//! Telegram markup: views as HTML messages with inline keyboards, and inline-mode articles.
//! Pure, so every rule Telegram enforces (escaping, 4096-unit messages, 64-byte callback data)
//! is checked by tests; what to show was decided by [`crate::present`].
//!
//! HTML parse mode is used rather than MarkdownV2: its escaping rules are four characters,
//! where MarkdownV2's are the classic source of "can't parse entities" errors.

use teloxide::types::{
    InlineKeyboardButton, InlineKeyboardMarkup, InlineQueryResult, InlineQueryResultArticle,
    InputMessageContent, InputMessageContentText, LinkPreviewOptions, ParseMode,
};

use super::callback::CallbackCodec;
use crate::i18n::Locale;
use crate::present::{Budget, Heading, Item, LinkKind, Measure, Notice, Unit, View};

/// Telegram's limit on a message's text, in UTF-16 code units. The HTML source is measured,
/// which is never shorter than the text Telegram counts after parsing the tags.
pub const MAX_MESSAGE: usize = 4096;
/// Articles per inline-query answer (Telegram's maximum).
pub const INLINE_PAGE: usize = 50;

fn html(c: char) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        _ => None,
    }
}

/// Telegram HTML, counted in UTF-16 units.
pub const HTML: Measure = Measure::new(Unit::Utf16, html);

/// Room for a message's items: the rest of [`MAX_MESSAGE`] holds the heading (a label is at
/// most 200 units), the notices and the page line.
pub const BUDGET: Budget = Budget {
    measure: HTML,
    items: 10,
    body: MAX_MESSAGE - 600,
    // `. <a href=""></a>\n    ` and the blank line between items.
    item_markup: 24,
    label: 200,
    // Longer captions are cut badly on phones.
    caption: 40,
    url: 2048,
    topics: 50,
};

/// Inline-mode articles: fifty results, each sent as a message of its own.
pub const INLINE: Budget = Budget {
    items: INLINE_PAGE,
    body: INLINE_PAGE * 1000,
    ..BUDGET
};

/// A message ready to send or edit.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// HTML text, at most [`MAX_MESSAGE`] units.
    pub text: String,
    /// Its buttons.
    pub keyboard: InlineKeyboardMarkup,
}

/// Link previews of the first result would bury the list under a big card.
pub fn no_preview() -> LinkPreviewOptions {
    LinkPreviewOptions {
        is_disabled: true,
        url: None,
        prefer_small_media: false,
        prefer_large_media: false,
        show_above_text: false,
    }
}

fn escape(text: &str) -> String {
    HTML.escape(text).into_owned()
}

/// A notice as a message without buttons.
pub fn notice(notice: Notice, locale: Locale) -> Message {
    Message {
        text: escape(notice.text(locale)),
        keyboard: InlineKeyboardMarkup::default(),
    }
}

/// The help this front end gives besides [`crate::present`]'s: its commands and inline mode.
fn commands_help(locale: Locale) -> &'static str {
    match locale {
        Locale::Zh => {
            "命令:\n/ask <问题> — 搜索资源\n/topics — 浏览主题目录\n/help — 帮助\n在任意聊天中输入 @机器人 加问题即可使用内联模式。"
        }
        Locale::En => {
            "Commands:\n/ask <question> — search the catalogue\n/topics — browse the topic tree\n/help — this help\nIn any chat, type @bot followed by a question to use inline mode."
        }
    }
}

fn item(item: &Item) -> String {
    let title = escape(&item.title);
    let title = match &item.url {
        Some(url) => format!("<a href=\"{}\">{title}</a>", escape(url)),
        None => title,
    };
    format!("{}. {title}\n    {}", item.number, escape(&item.details))
}

/// A view as an HTML message with its keyboard.
pub fn message(view: &View, codec: &CallbackCodec) -> Message {
    let locale = view.locale;
    let page = view.page.map(|p| escape(&p.text(locale)));
    let head = match &view.heading {
        Heading::Results { query } => {
            let mut head = format!(
                "🔎 <b>{}</b> <i>{}</i>",
                escape(locale.results_for()),
                escape(query)
            );
            if let Some(page) = &page {
                head.push_str(&format!("\n{page}"));
            }
            head
        }
        Heading::Topic { path } => {
            let mut head = format!("📂 <b>{}</b>", escape(path));
            if !view.topics.is_empty() {
                let subtopics = escape(locale.subtopics());
                head.push_str(&format!("\n{subtopics}: {}", view.topics.len()));
            }
            if let Some(page) = &page {
                head.push_str(&format!("\n{} · {page}", escape(locale.resources())));
            }
            head
        }
        Heading::Roots => format!("📚 <b>{}</b>", escape(locale.topic_tree())),
        Heading::SmallTalk(_) => String::new(),
    };
    let mut paragraphs: Vec<String> = vec![head];
    paragraphs.extend(view.notices.iter().map(|n| escape(n.text(locale))));
    if matches!(view.heading, Heading::Results { .. }) && !view.topics.is_empty() {
        let list = view
            .topics
            .iter()
            .map(|e| format!("• {}", escape(&e.label)));
        paragraphs.push(list.collect::<Vec<_>>().join("\n"));
    }
    paragraphs.extend(view.items.iter().map(item));
    paragraphs.extend(view.hint().map(|hint| escape(&hint)));
    if view.is_help() {
        paragraphs.push(escape(commands_help(locale)));
    }
    paragraphs.retain(|p| !p.is_empty());
    Message {
        text: paragraphs.join("\n\n"),
        keyboard: keyboard(view, codec),
    }
}

fn keyboard(view: &View, codec: &CallbackCodec) -> InlineKeyboardMarkup {
    let button = |caption: &str, action| {
        InlineKeyboardButton::callback(caption.to_owned(), codec.encode(action))
    };
    let mut rows: Vec<Vec<InlineKeyboardButton>> = view
        .topics
        .chunks(2)
        .map(|pair| pair.iter().map(|e| button(&e.caption, &e.action)).collect())
        .collect();
    for kinds in [
        &[LinkKind::Previous, LinkKind::Restart, LinkKind::Next][..],
        &[LinkKind::Topic],
        &[LinkKind::Up, LinkKind::Roots],
        &[LinkKind::Helpful, LinkKind::NotHelpful],
    ] {
        let row: Vec<InlineKeyboardButton> = view
            .links
            .iter()
            .filter(|l| kinds.contains(&l.kind))
            .map(|l| button(&l.caption, &l.action))
            .collect();
        if !row.is_empty() {
            rows.push(row);
        }
    }
    InlineKeyboardMarkup::new(rows)
}

/// Inline-mode results: one article per item, each posting a single linked result.
pub fn inline_articles(view: &View) -> Vec<InlineQueryResult> {
    view.items
        .iter()
        .map(|i| {
            let content = InputMessageContent::Text(
                InputMessageContentText::new(item(i))
                    .parse_mode(ParseMode::Html)
                    .link_preview_options(no_preview()),
            );
            let article = InlineQueryResultArticle::new(inline_id(&i.id), &i.title, content)
                .description(&i.details);
            InlineQueryResult::Article(article)
        })
        .collect()
}

/// Inline result ids must be 1–64 bytes; catalogue ids normally are, a hash otherwise.
fn inline_id(id: &str) -> String {
    if !id.is_empty() && id.len() <= 64 {
        id.to_owned()
    } else {
        format!("h{:016x}", super::callback::stable_hash(id))
    }
}
