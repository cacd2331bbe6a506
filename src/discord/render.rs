//! Pure rendering: answers, topic pages, help and autocomplete choices as plain values that
//! respect every Discord limit (see [`super::limits`]).
//!
//! Nothing here does I/O or touches serenity, so each limit is unit-tested directly; the
//! handler converts a [`Reply`] into serenity builders at the edge (`convert`).

use crate::answer::{Answer, Completion, Hit, SuggestionKind, TopicRef};
use crate::catalogue::{Catalogue, TopicIdx};
use crate::i18n::Locale;

use super::custom_id::Action;
use super::limits::{self, escape_fit, fit, len};

/// Most hits shown on one page, whatever the configured page size: ten hits is what fits the
/// embed's description with room for each link.
pub const MAX_SHOWN: usize = 10;
/// Longest link shown; a longer one is left out rather than cut into a broken link.
const MAX_URL: usize = 512;
/// Shortest title worth linking; below it the link is dropped to make room for the title.
const MIN_TITLE: usize = 16;
/// Separates the page counter from the query in an answer's footer.
const FOOTER_SEPARATOR: &str = " · ";
/// Embed colour (ganhuo's accent).
pub const COLOUR: u32 = 0x0000_B37E;

/// A whole message: what a reply or an edit sends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reply {
    pub content: Option<String>,
    pub embeds: Vec<Embed>,
    pub rows: Vec<Row>,
}

/// One embed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Embed {
    pub title: String,
    pub description: String,
    pub fields: Vec<Field>,
    pub footer: Option<String>,
}

/// One embed field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub value: String,
    pub inline: bool,
}

/// An action row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    Buttons(Vec<Button>),
    Select(Select),
}

/// A button that sends a component interaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub label: String,
    pub custom_id: String,
    pub primary: bool,
}

/// A string select menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Select {
    pub custom_id: String,
    pub placeholder: String,
    pub options: Vec<SelectOption>,
}

/// One option of a select menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectOption {
    pub label: String,
    pub value: String,
    pub description: Option<String>,
}

/// An autocomplete choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub name: String,
    pub value: String,
}

/// Phrases only the Discord adapter needs.
fn help_text(locale: Locale) -> &'static str {
    match locale {
        Locale::Zh => {
            "用斜杠命令找大模型学习资源:\n\
             /提问 (/ask) <问题> — 搜索资源,输入时会给出补全建议\n\
             /主题 (/topics) [主题] — 浏览主题目录\n\
             /帮助 (/help) — 显示这条帮助"
        }
        Locale::En => {
            "Find LLM learning resources with slash commands:\n\
             /ask <question> — search the catalogue; suggestions appear as you type\n\
             /topics [topic] — browse the topic tree\n\
             /help — this help"
        }
    }
}

fn no_more_results(locale: Locale) -> &'static str {
    match locale {
        Locale::Zh => "没有更多结果了。",
        Locale::En => "No more results.",
    }
}

fn choose_topic(locale: Locale) -> &'static str {
    match locale {
        Locale::Zh => "选择主题…",
        Locale::En => "Choose a topic…",
    }
}

/// The answer to `/ask` (or one of its pages).
pub fn answer(answer: &Answer, locale: Locale, page_size: usize) -> Reply {
    let title = titled("🔎 ", &answer.query);
    let shown = &answer.hits[..answer.hits.len().min(MAX_SHOWN)];
    let mut rows = Vec::new();
    let mut embed = Embed {
        title,
        ..Embed::default()
    };
    if shown.is_empty() {
        if answer.total == 0 {
            embed.description = no_results(answer, locale);
            rows.extend(suggestion_rows(answer));
        } else {
            embed.description = no_more_results(locale).to_owned();
            embed.footer = Some(fit(
                &format!("…{FOOTER_SEPARATOR}{}", answer.query),
                limits::EMBED_FOOTER,
            ));
            let first = Action::Ask {
                offset: 0,
                query: Some(answer.query.clone()),
            };
            rows.extend(button_row([(locale.previous(), first, false)]));
        }
        return Reply {
            content: None,
            embeds: vec![embed],
            rows,
        };
    }
    embed.description = hit_list(shown, answer.offset, locale, limits::EMBED_DESCRIPTION);
    let (from, to) = (answer.offset + 1, answer.offset + shown.len());
    let showing = locale.showing(from, to, answer.total);
    // The query goes into the footer so that a page whose query is too long for a custom id
    // can still be turned: footers render no markdown, so the text reads back as written.
    embed.footer = Some(fit(
        &format!("{showing}{FOOTER_SEPARATOR}{}", answer.query),
        limits::EMBED_FOOTER,
    ));
    let query = Some(answer.query.clone());
    let mut buttons = Vec::new();
    if let Some(prev) = answer.prev_offset(page_size) {
        buttons.push((
            locale.previous(),
            Action::Ask {
                offset: prev,
                query: query.clone(),
            },
            false,
        ));
    }
    let next = answer.offset + shown.len();
    if next < answer.total {
        buttons.push((
            locale.more(),
            Action::Ask {
                offset: next,
                query,
            },
            true,
        ));
    }
    rows.extend(button_row(buttons));
    Reply {
        content: None,
        embeds: vec![embed],
        rows,
    }
}

/// An embed title: `prefix` then `text`, escaped and shortened to fit.
fn titled(prefix: &str, text: &str) -> String {
    format!(
        "{prefix}{}",
        escape_fit(text, limits::EMBED_TITLE - len(prefix))
    )
}

/// The query of an answer, read back from its footer (see [`answer`]).
pub fn query_from_footer(footer: &str) -> Option<&str> {
    footer
        .split_once(FOOTER_SEPARATOR)
        .map(|(_, query)| query)
        .filter(|q| !q.trim().is_empty())
}

fn no_results(answer: &Answer, locale: Locale) -> String {
    let mut text = locale.no_results().to_owned();
    let Some(first) = answer.suggestions.first() else {
        return text;
    };
    text.push_str("\n\n");
    text.push_str(match first.kind {
        SuggestionKind::DidYouMean => locale.did_you_mean(),
        SuggestionKind::TopTopic => locale.top_topics(),
    });
    for suggestion in answer.suggestions.iter().take(MAX_SHOWN) {
        text.push_str("\n• ");
        text.push_str(&escape_fit(suggestion.topic.label(locale), 100));
    }
    fit(&text, limits::EMBED_DESCRIPTION)
}

/// Suggested topics as buttons that open them.
fn suggestion_rows(answer: &Answer) -> Vec<Row> {
    let buttons: Vec<Button> = answer
        .suggestions
        .iter()
        .take(MAX_SHOWN)
        .filter_map(|s| topic_button(&s.topic))
        .collect();
    buttons
        .chunks(limits::BUTTONS_PER_ROW)
        .map(|chunk| Row::Buttons(chunk.to_vec()))
        .collect()
}

fn topic_button(topic: &TopicRef) -> Option<Button> {
    let custom_id = Action::Topic {
        id: Some(topic.id.clone()),
        offset: 0,
    }
    .encode()?;
    // Both names, since the button is shared by everyone who sees the message.
    let label = if topic.name == topic.name_en {
        topic.name.clone()
    } else {
        format!("{} · {}", topic.name_en, topic.name)
    };
    Some(Button {
        label: button_label(&label),
        custom_id,
        primary: false,
    })
}

fn button_label(text: &str) -> String {
    let label = fit(text.trim(), limits::BUTTON_LABEL);
    if label.is_empty() {
        "…".to_owned()
    } else {
        label
    }
}

/// A row of buttons, or nothing when there are none (Discord rejects an empty row).
fn button_row<'a>(buttons: impl IntoIterator<Item = (&'a str, Action, bool)>) -> Option<Row> {
    let buttons: Vec<Button> = buttons
        .into_iter()
        .filter_map(|(label, action, primary)| {
            Some(Button {
                label: button_label(label),
                custom_id: action.encode()?,
                primary,
            })
        })
        .take(limits::BUTTONS_PER_ROW)
        .collect();
    (!buttons.is_empty()).then_some(Row::Buttons(buttons))
}

/// Hits as numbered blocks (linked title, then topic path, kind and language), sharing
/// `budget` evenly so that no hit is dropped and the whole stays within it.
fn hit_list(hits: &[Hit], offset: usize, locale: Locale, budget: usize) -> String {
    if hits.is_empty() {
        return String::new();
    }
    let separator = "\n\n";
    let each = budget.saturating_sub(len(separator) * hits.len()) / hits.len();
    let blocks: Vec<String> = hits
        .iter()
        .enumerate()
        .map(|(i, hit)| hit_block(hit, offset + i + 1, locale, each))
        .collect();
    blocks.join(separator)
}

fn hit_block(hit: &Hit, number: usize, locale: Locale, budget: usize) -> String {
    let meta: Vec<String> = [
        hit.path_label(locale),
        locale.kind(hit.kind).into(),
        locale.lang(hit.lang).into(),
    ]
    .into_iter()
    .filter(|s| !s.trim().is_empty())
    .collect();
    let meta = escape_fit(&meta.join(" · "), (budget / 3).min(300));
    let number = format!("**{number}.** ");
    let fixed = len(&number) + 1 + len(&meta);
    let room = budget.saturating_sub(fixed);
    let link = safe_url(&hit.url).filter(|url| len(url) + 4 + MIN_TITLE <= room);
    let title_room = room.saturating_sub(link.as_ref().map_or(0, |url| len(url) + 4));
    let mut title = escape_fit(hit.title_for(locale), title_room.min(limits::EMBED_TITLE));
    if title.is_empty() && title_room > 0 {
        title = "🔗".into();
    }
    let block = match link {
        Some(url) => format!("{number}[{title}]({url})\n{meta}"),
        None => format!("{number}{title}\n{meta}"),
    };
    // Unreachable with the budgets above; a guard so that a miscount cannot become a 400.
    if len(&block) > budget {
        fit(&block, budget)
    } else {
        block
    }
}

/// A link Discord markdown shows as written: http(s) only, and no parenthesis that could end
/// the link early.
fn safe_url(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return None;
    }
    let text = parsed.as_str().replace('(', "%28").replace(')', "%29");
    (len(&text) <= MAX_URL).then_some(text)
}

/// `/topics` without a topic: the top-level topics.
pub fn topic_roots(catalogue: &Catalogue, locale: Locale) -> Reply {
    let roots: Vec<TopicIdx> = catalogue.roots().collect();
    let description = topic_lines(catalogue, &roots, locale, limits::EMBED_DESCRIPTION);
    let embed = Embed {
        title: locale.topic_tree().to_owned(),
        description,
        ..Embed::default()
    };
    Reply {
        content: None,
        embeds: vec![embed],
        rows: topic_select(catalogue, &roots, locale)
            .into_iter()
            .collect(),
    }
}

/// One topic: its subtopics, a page of the resources under it, and the way up.
pub fn topic_page(
    catalogue: &Catalogue,
    topic: TopicIdx,
    offset: usize,
    page_size: usize,
    locale: Locale,
) -> Reply {
    let page_size = page_size.clamp(1, MAX_SHOWN);
    let path: Vec<String> = catalogue
        .path(topic)
        .into_iter()
        .map(|t| TopicRef::new(catalogue, t).label(locale).to_owned())
        .collect();
    let title = titled("📂 ", &path.join(" › "));
    let children = catalogue.children(topic);
    let resources = catalogue.resources_under(topic);
    let offset = offset.min(resources.len().saturating_sub(1));
    let page: Vec<Hit> = resources
        .iter()
        .skip(offset)
        .take(page_size)
        .map(|&r| Hit::of(catalogue, catalogue.resource(r)))
        .collect();

    let mut description = String::new();
    if !children.is_empty() {
        let names: Vec<String> = children
            .iter()
            .map(|&c| escape_fit(TopicRef::new(catalogue, c).label(locale), 60))
            .collect();
        let line = format!("**{}:** {}", locale.subtopics(), names.join(" · "));
        description.push_str(&fit(&line, 1000));
        description.push_str("\n\n");
    }
    if !page.is_empty() {
        description.push_str(&format!("**{}:**\n", locale.resources()));
        let budget = limits::EMBED_DESCRIPTION - len(&description);
        description.push_str(&hit_list(&page, offset, locale, budget));
    }
    let footer = (!page.is_empty())
        .then(|| locale.showing(offset + 1, offset + page.len(), resources.len()));
    let embed = Embed {
        title,
        description,
        fields: Vec::new(),
        footer,
    };

    let id = catalogue.topic(topic).id.clone();
    let mut buttons = Vec::new();
    if offset > 0 {
        let prev = offset.saturating_sub(page_size);
        buttons.push((
            locale.previous(),
            Action::Topic {
                id: Some(id.clone()),
                offset: prev,
            },
            false,
        ));
    }
    if offset + page.len() < resources.len() {
        let next = offset + page.len();
        buttons.push((
            locale.more(),
            Action::Topic {
                id: Some(id.clone()),
                offset: next,
            },
            true,
        ));
    }
    if let Some(parent) = catalogue.topic(topic).parent {
        let up = Action::Topic {
            id: Some(catalogue.topic(parent).id.clone()),
            offset: 0,
        };
        buttons.push((locale.up(), up, false));
    }
    buttons.push((
        locale.all_topics(),
        Action::Topic {
            id: None,
            offset: 0,
        },
        false,
    ));
    let mut rows: Vec<Row> = topic_select(catalogue, children, locale)
        .into_iter()
        .collect();
    rows.extend(button_row(buttons));
    Reply {
        content: None,
        embeds: vec![embed],
        rows,
    }
}

/// "▸ name (count)" lines, as many as fit `budget`.
fn topic_lines(
    catalogue: &Catalogue,
    topics: &[TopicIdx],
    locale: Locale,
    budget: usize,
) -> String {
    let mut text = String::new();
    for &t in topics {
        let name = escape_fit(TopicRef::new(catalogue, t).label(locale), 100);
        let line = format!("▸ **{name}** ({})\n", catalogue.resources_under(t).len());
        if len(&text) + len(&line) > budget {
            break;
        }
        text.push_str(&line);
    }
    text.trim_end().to_owned()
}

/// A select menu of topics (the first 25), or nothing when there are none.
fn topic_select(catalogue: &Catalogue, topics: &[TopicIdx], locale: Locale) -> Option<Row> {
    let options: Vec<SelectOption> = topics
        .iter()
        .filter_map(|&t| {
            let topic = catalogue.topic(t);
            (len(&topic.id) <= limits::SELECT_OPTION_TEXT && !topic.id.is_empty()).then(|| {
                let name = TopicRef::new(catalogue, t);
                let label = fit(name.label(locale).trim(), limits::SELECT_OPTION_TEXT);
                let other = match locale {
                    Locale::Zh => &topic.name_en,
                    Locale::En => &topic.name,
                };
                let description = format!("{other} · {}", catalogue.resources_under(t).len());
                SelectOption {
                    label: if label.is_empty() {
                        topic.id.clone()
                    } else {
                        label
                    },
                    value: topic.id.clone(),
                    description: Some(fit(&description, limits::SELECT_OPTION_TEXT)),
                }
            })
        })
        .take(limits::SELECT_OPTIONS)
        .collect();
    (!options.is_empty()).then(|| {
        Row::Select(Select {
            custom_id: super::custom_id::TOPIC_SELECT.to_owned(),
            placeholder: choose_topic(locale).to_owned(),
            options,
        })
    })
}

/// A polite reply to a topic that does not exist (a stale button after a catalogue reload,
/// or a typo), with the way back to the tree.
pub fn unknown_topic(locale: Locale) -> Reply {
    Reply {
        content: Some(locale.unknown_topic().to_owned()),
        embeds: Vec::new(),
        rows: button_row([(
            locale.all_topics(),
            Action::Topic {
                id: None,
                offset: 0,
            },
            false,
        )])
        .into_iter()
        .collect(),
    }
}

/// `/help`.
pub fn help(locale: Locale) -> Reply {
    let embed = Embed {
        title: "ganhuo 干货".into(),
        description: help_text(locale).into(),
        ..Embed::default()
    };
    Reply {
        content: None,
        embeds: vec![embed],
        rows: Vec::new(),
    }
}

/// A short notice (usage, errors).
pub fn notice(text: &str) -> Reply {
    Reply {
        content: Some(fit(text, limits::CONTENT)),
        ..Reply::default()
    }
}

/// Autocomplete choices for `/ask`: at most 25, names and values of 1–100 characters. A value
/// is a query, cut (never ellipsised) so that picking it searches for real words.
pub fn ask_choices(completions: &[Completion]) -> Vec<Choice> {
    let mut out: Vec<Choice> = Vec::new();
    for completion in completions {
        let value = limits::cut(completion.value.trim(), limits::CHOICE_TEXT)
            .trim_end()
            .to_owned();
        let label = single_line(&completion.label);
        let name = fit(
            if label.is_empty() { &value } else { &label },
            limits::CHOICE_TEXT,
        );
        if value.is_empty() || name.is_empty() || out.iter().any(|c| c.value == value) {
            continue;
        }
        out.push(Choice { name, value });
        if out.len() == limits::CHOICES {
            break;
        }
    }
    out
}

/// Autocomplete choices for `/topics`: topics whose id, names or aliases contain what was
/// typed, shown with their path; the value is the topic id.
pub fn topic_choices(catalogue: &Catalogue, partial: &str, locale: Locale) -> Vec<Choice> {
    let needle = limits::cut(partial.trim(), limits::CHOICE_TEXT).to_lowercase();
    let mut out = Vec::new();
    for (t, topic) in catalogue.topics().iter().enumerate() {
        let named = std::iter::once(topic.id.as_str())
            .chain(topic.labels())
            .any(|n| n.to_lowercase().contains(&needle));
        if !named || topic.id.is_empty() || len(&topic.id) > limits::CHOICE_TEXT {
            continue;
        }
        let path: Vec<String> = catalogue
            .path(t)
            .into_iter()
            .map(|p| TopicRef::new(catalogue, p).label(locale).to_owned())
            .collect();
        let name = fit(&single_line(&path.join(" › ")), limits::CHOICE_TEXT);
        out.push(Choice {
            name: if name.is_empty() {
                topic.id.clone()
            } else {
                name
            },
            value: topic.id.clone(),
        });
        if out.len() == limits::CHOICES {
            break;
        }
    }
    out
}

fn single_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Checks a reply against every Discord limit this adapter can hit; the handler sends a plain
/// apology instead of a reply that fails this (Discord would reject it with a 400).
pub fn check(reply: &Reply) -> Result<(), String> {
    let fail = |what: String| Err(what);
    if let Some(content) = &reply.content
        && len(content) > limits::CONTENT
    {
        return fail(format!("content is {} long", len(content)));
    }
    if reply.content.as_deref().is_none_or(str::is_empty) && reply.embeds.is_empty() {
        return fail("empty message".into());
    }
    if reply.embeds.len() > limits::EMBEDS {
        return fail(format!("{} embeds", reply.embeds.len()));
    }
    let mut total = 0;
    for embed in &reply.embeds {
        let checks = [
            ("title", len(&embed.title), limits::EMBED_TITLE),
            (
                "description",
                len(&embed.description),
                limits::EMBED_DESCRIPTION,
            ),
            (
                "footer",
                embed.footer.as_deref().map_or(0, len),
                limits::EMBED_FOOTER,
            ),
            ("fields", embed.fields.len(), limits::EMBED_FIELDS),
        ];
        for (what, n, max) in checks {
            if n > max {
                return fail(format!("embed {what} is {n}, over {max}"));
            }
        }
        total +=
            len(&embed.title) + len(&embed.description) + embed.footer.as_deref().map_or(0, len);
        for field in &embed.fields {
            if len(&field.name) > limits::FIELD_NAME || len(&field.value) > limits::FIELD_VALUE {
                return fail("field too long".into());
            }
            if field.name.trim().is_empty() || field.value.trim().is_empty() {
                return fail("empty field".into());
            }
            total += len(&field.name) + len(&field.value);
        }
    }
    if total > limits::EMBED_TOTAL {
        return fail(format!(
            "embeds total {total}, over {}",
            limits::EMBED_TOTAL
        ));
    }
    if reply.rows.len() > limits::ROWS {
        return fail(format!("{} action rows", reply.rows.len()));
    }
    let mut ids: Vec<&str> = Vec::new();
    for row in &reply.rows {
        match row {
            Row::Buttons(buttons) => {
                if buttons.is_empty() || buttons.len() > limits::BUTTONS_PER_ROW {
                    return fail(format!("{} buttons in a row", buttons.len()));
                }
                for b in buttons {
                    if b.label.trim().is_empty() || len(&b.label) > limits::BUTTON_LABEL {
                        return fail(format!("button label {:?}", b.label));
                    }
                    ids.push(&b.custom_id);
                }
            }
            Row::Select(select) => {
                if select.options.is_empty() || select.options.len() > limits::SELECT_OPTIONS {
                    return fail(format!("{} select options", select.options.len()));
                }
                if len(&select.placeholder) > limits::SELECT_PLACEHOLDER {
                    return fail("placeholder too long".into());
                }
                for o in &select.options {
                    let too_long = [Some(&o.label), Some(&o.value), o.description.as_ref()]
                        .into_iter()
                        .flatten()
                        .any(|t| len(t) > limits::SELECT_OPTION_TEXT);
                    if too_long || o.label.is_empty() || o.value.is_empty() {
                        return fail(format!("select option {o:?}"));
                    }
                }
                ids.push(&select.custom_id);
            }
        }
    }
    for (i, id) in ids.iter().enumerate() {
        if id.is_empty() || id.len() > limits::CUSTOM_ID {
            return fail(format!("custom id {id:?}"));
        }
        if ids[..i].contains(id) {
            return fail(format!("duplicate custom id {id:?}"));
        }
    }
    Ok(())
}

/// Checks autocomplete choices against Discord's limits.
pub fn check_choices(choices: &[Choice]) -> Result<(), String> {
    if choices.len() > limits::CHOICES {
        return Err(format!("{} choices", choices.len()));
    }
    for c in choices {
        let (n, v) = (len(&c.name), len(&c.value));
        if !(1..=limits::CHOICE_TEXT).contains(&n) || !(1..=limits::CHOICE_TEXT).contains(&v) {
            return Err(format!("choice {c:?}"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{Kind, Lang};
    use crate::search::Engine;
    use proptest::prelude::*;

    const HOSTILE: &str =
        "@everyone <@&123> **[click](javascript:alert(1))** `x` ~~_||\\#- 😀\n\n> quote";

    fn hostile_hit(i: usize, title_len: usize, url_len: usize) -> Hit {
        let topic = |n: usize| TopicRef {
            id: format!("t{n}"),
            name: HOSTILE.repeat(20),
            name_en: "p".repeat(300),
        };
        Hit {
            id: format!("r{i}"),
            title: HOSTILE.repeat(title_len / HOSTILE.len() + 1),
            title_en: Some("😀".repeat(title_len)),
            url: format!("https://example.com/{}(x)", "a".repeat(url_len)),
            kind: Kind::Article,
            lang: Lang::Multi,
            path: (0..30).map(topic).collect(),
            score: 1.0,
            matched: Vec::new(),
        }
    }

    fn hostile_answer(hits: usize, title_len: usize, url_len: usize) -> Answer {
        Answer {
            query: HOSTILE
                .repeat(10)
                .chars()
                .take(crate::search::MAX_QUERY_CHARS)
                .collect(),
            total: 50,
            offset: 5,
            hits: (0..hits)
                .map(|i| hostile_hit(i, title_len, url_len))
                .collect(),
            suggestions: Vec::new(),
        }
    }

    fn description(reply: &Reply) -> &str {
        &reply.embeds[0].description
    }

    fn custom_ids(reply: &Reply) -> Vec<String> {
        reply
            .rows
            .iter()
            .flat_map(|r| match r {
                Row::Buttons(b) => b.iter().map(|b| b.custom_id.clone()).collect::<Vec<_>>(),
                Row::Select(s) => vec![s.custom_id.clone()],
            })
            .collect()
    }

    #[test]
    fn real_answers_fit_and_page() {
        let engine = Engine::shipped().unwrap();
        for query in [
            "vllm",
            "量化",
            "LoRA 教程",
            "分布式训练",
            "qwertyuiop",
            "transformer",
        ] {
            for page_size in [1, 5, 10] {
                for locale in [Locale::Zh, Locale::En] {
                    let answer = engine.answer(query, 0, page_size);
                    let reply = super::answer(&answer, locale, page_size);
                    check(&reply).unwrap_or_else(|e| panic!("{query}/{page_size}: {e}"));
                    if answer.total > 0 {
                        let text = description(&reply);
                        assert!(
                            text.contains(&format!("]({}", answer.hits[0].url.replace('(', "%28"))),
                            "{text}"
                        );
                        assert!(text.contains(locale.kind(answer.hits[0].kind)), "{text}");
                    }
                    if answer.next_offset().is_some() {
                        let next = format!("ask:{}:{query}", answer.offset + answer.hits.len());
                        assert!(
                            custom_ids(&reply).contains(&next),
                            "{:?}",
                            custom_ids(&reply)
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn hostile_hits_stay_within_limits_and_none_is_dropped() {
        for (hits, title_len, url_len) in [
            (10, 5000, 5000),
            (10, 300, 100),
            (1, 100_000, 400),
            (25, 50, 50),
        ] {
            for locale in [Locale::Zh, Locale::En] {
                let answer = hostile_answer(hits, title_len, url_len);
                let reply = super::answer(&answer, locale, 5);
                check(&reply).unwrap_or_else(|e| panic!("{hits}/{title_len}/{url_len}: {e}"));
                let text = description(&reply);
                for n in 0..hits.min(MAX_SHOWN) {
                    assert!(
                        text.contains(&format!("**{}.**", answer.offset + n + 1)),
                        "hit {n} dropped"
                    );
                }
                assert!(
                    text.match_indices("@everyone")
                        .all(|(i, _)| text[..i].ends_with('\\')),
                    "unescaped mention"
                );
                assert!(!text.contains("](javascript"), "{text}");
                // Every link that is shown is whole.
                for link in text.split("](").skip(1) {
                    assert!(link.starts_with("https://example.com/"));
                    let end = link.find(')').unwrap();
                    assert!(!link[..end].contains('('));
                }
            }
        }
    }

    #[test]
    fn shown_hits_beyond_ten_page_on() {
        let answer = hostile_answer(25, 20, 20);
        let reply = super::answer(&answer, Locale::En, 25);
        let footer = reply.embeds[0].footer.as_deref().unwrap();
        assert!(footer.starts_with("6–15 of 50"), "{footer}");
        assert!(
            custom_ids(&reply).contains(&"ask:15".to_owned()),
            "{:?}",
            custom_ids(&reply)
        );
    }

    #[test]
    fn long_queries_read_back_from_the_footer() {
        let answer = hostile_answer(3, 20, 20);
        let reply = super::answer(&answer, Locale::Zh, 5);
        let ids = custom_ids(&reply);
        assert_eq!(ids, ["ask:0", "ask:8"]);
        let footer = reply.embeds[0].footer.as_deref().unwrap();
        assert_eq!(query_from_footer(footer), Some(answer.query.as_str()));
        assert!(len(&reply.embeds[0].title) <= limits::EMBED_TITLE);
    }

    #[test]
    fn no_results_suggest_topics_without_links() {
        let engine = Engine::shipped().unwrap();
        for query in ["qwertyuiop", "zzzqqq xylophone", &"@everyone ".repeat(40)] {
            let answer = engine.answer(query, 0, 5);
            assert_eq!(answer.total, 0, "{query}");
            let reply = super::answer(&answer, Locale::En, 5);
            check(&reply).unwrap();
            let text = description(&reply);
            assert!(text.starts_with(Locale::En.no_results()), "{text}");
            assert!(
                text.contains(Locale::En.did_you_mean()) || text.contains(Locale::En.top_topics())
            );
            assert!(!text.contains("http"), "{text}");
            assert!(
                custom_ids(&reply)
                    .iter()
                    .all(|id| id.starts_with("topic:0:"))
            );
            assert!(!custom_ids(&reply).is_empty());
        }
    }

    #[test]
    fn a_page_past_the_end_offers_the_first() {
        let mut answer = hostile_answer(0, 1, 1);
        answer.query = "lora".into();
        let reply = super::answer(&answer, Locale::En, 5);
        check(&reply).unwrap();
        assert_eq!(custom_ids(&reply), ["ask:0:lora"]);
    }

    #[test]
    fn every_topic_page_fits() {
        let engine = Engine::shipped().unwrap();
        let catalogue = engine.catalogue();
        for locale in [Locale::Zh, Locale::En] {
            check(&topic_roots(catalogue, locale)).unwrap();
            for t in 0..catalogue.topics().len() {
                for (offset, page_size) in [(0, 5), (5, 5), (0, 10), (10_000, 3)] {
                    let reply = topic_page(catalogue, t, offset, page_size, locale);
                    check(&reply).unwrap_or_else(|e| panic!("{}: {e}", catalogue.topic(t).id));
                }
            }
        }
        let vllm = catalogue.topic_by_id("vllm").unwrap();
        let reply = topic_page(catalogue, vllm, 0, 5, Locale::En);
        assert!(description(&reply).contains("github.com/vllm-project/vllm"));
        let parent = &catalogue.topic(catalogue.topic(vllm).parent.unwrap()).id;
        let ids = custom_ids(&reply);
        assert!(ids.contains(&format!("topic:0:{parent}")), "{ids:?}");
        assert!(ids.contains(&"topic:0:".to_owned()), "{ids:?}");
    }

    #[test]
    fn hostile_catalogue_topic_pages_fit() {
        let long = "长".repeat(300);
        let mut toml = format!(
            "[[topic]]\nid = \"root\"\nname = \"{long}\"\nname_en = \"{}\"\n",
            "@everyone ".repeat(40)
        );
        for c in 0..40 {
            toml.push_str(&format!(
                "[[topic]]\nid = \"c{c}-{}\"\nparent = \"root\"\nname = \"{long}{c}\"\nname_en = \"x{c}\"\n",
                "a".repeat(120)
            ));
        }
        for r in 0..30 {
            toml.push_str(&format!(
                "[[resource]]\nid = \"r{r}\"\ntitle = \"{}{r}\"\nurl = \"https://example.com/{r}/{}\"\nkind = \"article\"\nlang = \"zh\"\ntopics = [\"root\"]\nkeywords = []\n",
                "**[x](y)** ".repeat(200),
                "b".repeat(600)
            ));
        }
        let catalogue = Catalogue::from_toml(&toml, "hostile").unwrap_or_else(|e| panic!("{e}"));
        for locale in [Locale::Zh, Locale::En] {
            check(&topic_roots(catalogue_ref(&catalogue), locale)).unwrap();
            for offset in [0, 5, 25] {
                check(&topic_page(&catalogue, 0, offset, 10, locale)).unwrap();
            }
            let choices = topic_choices(&catalogue, "", locale);
            // Ids over 100 characters cannot be choice values: only the root is offered.
            assert!(choices.iter().all(|c| c.value == "root"), "{choices:?}");
            check_choices(&topic_choices(&catalogue, "ROOT", locale)).unwrap();
        }
    }

    fn catalogue_ref(c: &Catalogue) -> &Catalogue {
        c
    }

    #[test]
    fn ask_choices_respect_limits() {
        let mut completions = vec![
            Completion {
                label: String::new(),
                value: "  ".into(),
            },
            Completion {
                label: "  \n ".into(),
                value: "lora".into(),
            },
            Completion {
                label: "dup".into(),
                value: "lora".into(),
            },
        ];
        for i in 0..100 {
            completions.push(Completion {
                label: format!("{i}{}", "😀".repeat(200)),
                value: format!("{i}{}", "值".repeat(300)),
            });
        }
        let choices = ask_choices(&completions);
        check_choices(&choices).unwrap();
        assert_eq!(choices.len(), limits::CHOICES);
        assert_eq!(
            choices[0],
            Choice {
                name: "lora".into(),
                value: "lora".into()
            }
        );
        let engine = Engine::shipped().unwrap();
        for partial in ["", "l", "lor", "推理", "@everyone", &"x".repeat(5000)] {
            check_choices(&ask_choices(&engine.complete(partial, limits::CHOICES))).unwrap();
            check_choices(&topic_choices(engine.catalogue(), partial, Locale::Zh)).unwrap();
        }
        let lora = topic_choices(engine.catalogue(), "lora", Locale::En);
        assert!(lora.iter().any(|c| c.value == "lora"), "{lora:?}");
    }

    #[test]
    fn help_and_notices_fit() {
        for locale in [Locale::Zh, Locale::En] {
            check(&help(locale)).unwrap();
            check(&unknown_topic(locale)).unwrap();
        }
        check(&notice(&"x".repeat(10_000))).unwrap();
    }

    #[test]
    fn check_catches_what_discord_rejects() {
        let mut reply = help(Locale::En);
        reply.embeds[0].title = "t".repeat(257);
        assert!(check(&reply).is_err());
        let mut reply = help(Locale::En);
        let button = Button {
            label: "a".into(),
            custom_id: "x".into(),
            primary: false,
        };
        reply.rows = vec![Row::Buttons(vec![button.clone(), button])];
        assert!(check(&reply).unwrap_err().contains("duplicate"));
        let mut reply = help(Locale::En);
        reply.embeds = vec![
            Embed {
                description: "d".repeat(4000),
                title: "t".into(),
                ..Embed::default()
            };
            2
        ];
        assert!(check(&reply).unwrap_err().contains("total"));
        assert!(check(&Reply::default()).is_err());
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]
        #[test]
        fn arbitrary_text_always_fits(title in "\\PC{0,400}", query in "\\PC{0,200}", path in "\\PC{0,300}", hits in 0usize..12) {
            let hit = Hit {
                id: "r".into(),
                title: title.clone(),
                title_en: None,
                url: format!("https://example.com/{title}"),
                kind: Kind::Repo,
                lang: Lang::En,
                path: vec![TopicRef { id: "t".into(), name: path.clone(), name_en: path }],
                score: 0.5,
                matched: Vec::new(),
            };
            let answer = Answer { query: query.clone(), total: 40, offset: 0, hits: vec![hit; hits], suggestions: Vec::new() };
            let reply = super::answer(&answer, Locale::En, 5);
            prop_assert!(check(&reply).is_ok(), "{:?}", check(&reply));
            let choices = ask_choices(&[Completion { label: title, value: query }]);
            prop_assert!(check_choices(&choices).is_ok());
        }
    }
}
