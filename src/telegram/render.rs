//! Pure rendering: answers, topic pages and inline results → Telegram HTML plus inline
//! keyboards. No I/O here, so every rule Telegram enforces (escaping, 4096-character
//! messages, 64-byte callback data) is checked by unit tests.
//!
//! HTML parse mode is used rather than MarkdownV2: its escaping rules are four characters,
//! where MarkdownV2's are the classic source of "can't parse entities" errors.

use teloxide::types::{
    InlineKeyboardButton, InlineKeyboardMarkup, InlineQueryResult, InlineQueryResultArticle,
    InputMessageContent, InputMessageContentText, LinkPreviewOptions, ParseMode,
};

use super::callback::{Callback, CallbackCodec};
use crate::answer::{Answer, Hit, SuggestionKind, TopicRef};
use crate::catalogue::{Catalogue, TopicIdx};
use crate::i18n::Locale;

/// Telegram's limit on a message's text, in UTF-16 code units. We measure the HTML source,
/// which is never shorter than the text Telegram counts after parsing the tags.
pub const MAX_MESSAGE: usize = 4096;
/// Longest title or topic label shown before it is cut with "…".
const MAX_LABEL: usize = 200;
/// Longest button caption; Telegram truncates long ones badly on phones.
const MAX_BUTTON: usize = 40;
/// Links longer than this are shown as plain titles rather than risk a rejected entity.
const MAX_URL: usize = 2048;
/// Longest single result; a message always has room for one.
const MAX_BLOCK: usize = 2500;
/// Articles per inline-query answer (Telegram's maximum).
pub const INLINE_PAGE: usize = 50;

/// A message ready to send or edit.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    /// HTML text, at most [`MAX_MESSAGE`] UTF-16 units.
    pub text: String,
    pub keyboard: InlineKeyboardMarkup,
}

impl Rendered {
    /// A message without buttons.
    pub fn plain(text: impl Into<String>) -> Rendered {
        Rendered {
            text: text.into(),
            keyboard: InlineKeyboardMarkup::default(),
        }
    }

    /// Plain (non-HTML) text, escaped.
    pub fn escaped(text: &str) -> Rendered {
        Rendered::plain(escape(text))
    }
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

/// Escapes text for Telegram HTML, including `"` so it is safe inside `href="…"`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// Length as Telegram counts it.
pub fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

/// Cuts `text` to at most `max` characters, marking the cut with "…".
fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max.saturating_sub(1)) {
        Some((cut, _)) if text.chars().count() > max => format!("{}…", &text[..cut]),
        _ => text.to_owned(),
    }
}

/// `<a href>` for web links only: a catalogue could hold any scheme, and Telegram rejects
/// the whole message over one bad entity.
fn link(url: &str, title: &str) -> String {
    let title = escape(&clip(title, MAX_LABEL));
    let web = url.starts_with("https://") || url.starts_with("http://");
    if web && url.len() <= MAX_URL {
        format!("<a href=\"{}\">{title}</a>", escape(url))
    } else {
        title
    }
}

fn button(text: &str, codec: &CallbackCodec, action: &Callback) -> InlineKeyboardButton {
    InlineKeyboardButton::callback(clip(text, MAX_BUTTON), codec.encode(action))
}

/// Appends blocks to `head` while they fit under [`MAX_MESSAGE`]; returns how many fitted.
/// Blocks are at most [`MAX_BLOCK`] long and headers are clipped, so at least one always fits
/// and paging always moves forward.
fn fill(head: &mut String, blocks: &[String]) -> usize {
    let budget = MAX_MESSAGE;
    let mut used = utf16_len(head);
    let mut shown = 0;
    for block in blocks {
        let len = utf16_len(block) + 2;
        if used + len > budget {
            break;
        }
        head.push_str("\n\n");
        head.push_str(block);
        used += len;
        shown += 1;
    }
    shown
}

/// A header followed by as many blocks as fit. `header(n)` is told how many are shown, so
/// "1–5 of 30" stays true when a page had to be trimmed.
fn page_text(header: impl Fn(usize) -> String, blocks: &[String]) -> (String, usize) {
    let mut text = header(blocks.len());
    let shown = fill(&mut text, blocks);
    if shown == blocks.len() {
        return (text, shown);
    }
    // The new header is no longer than the first, so the same blocks still fit.
    let mut text = header(shown);
    let shown = fill(&mut text, &blocks[..shown]);
    (text, shown)
}

/// One result: a numbered link, then its topic path, kind and language.
fn hit_block(number: usize, hit: &Hit, locale: Locale, with_path: bool) -> String {
    let mut details = Vec::with_capacity(3);
    if with_path && !hit.path.is_empty() {
        details.push(escape(&clip(&hit.path_label(locale), MAX_LABEL)));
    }
    details.push(escape(locale.kind(hit.kind)));
    details.push(escape(locale.lang(hit.lang)));
    let block = format!(
        "{number}. {}\n    {}",
        link(&hit.url, hit.title_for(locale)),
        details.join(" · ")
    );
    if utf16_len(&block) <= MAX_BLOCK {
        return block;
    }
    // A pathological entry (a huge URL full of `&`): keep the page moving, drop the link.
    format!("{number}. {}", escape(&clip(hit.title_for(locale), 100)))
}

/// Renders one page of an answer: the results with paging buttons, or — when nothing
/// matched — says so and offers topics (never random links).
pub fn answer(
    answer: &Answer,
    locale: Locale,
    page_size: usize,
    codec: &CallbackCodec,
) -> Rendered {
    if answer.hits.is_empty() {
        return no_results(answer, locale, codec);
    }
    let blocks: Vec<String> = answer
        .hits
        .iter()
        .enumerate()
        .map(|(i, hit)| hit_block(answer.offset + i + 1, hit, locale, true))
        .collect();
    let header = |shown: usize| {
        format!(
            "🔎 <b>{}</b> <i>{}</i>\n{}",
            escape(locale.results_for()),
            escape(&clip(&answer.query, MAX_LABEL)),
            escape(&locale.showing(answer.offset + 1, answer.offset + shown, answer.total)),
        )
    };
    let (text, shown) = page_text(header, &blocks);
    // If trimming dropped hits, the next page starts at the first one not shown.
    let next = answer.offset + shown;
    let mut rows = Vec::new();
    let mut paging = Vec::new();
    if let Some(prev) = answer.prev_offset(page_size) {
        let action = Callback::Page {
            offset: prev,
            query: answer.query.clone(),
        };
        paging.push(button(locale.previous(), codec, &action));
    }
    if next < answer.total {
        let action = Callback::Page {
            offset: next,
            query: answer.query.clone(),
        };
        paging.push(button(locale.more(), codec, &action));
    }
    if !paging.is_empty() {
        rows.push(paging);
    }
    let mut topics: Vec<&TopicRef> = Vec::new();
    for hit in &answer.hits[..shown] {
        if let Some(leaf) = hit.path.last()
            && topics.len() < 2
            && !topics.iter().any(|t| t.id == leaf.id)
        {
            topics.push(leaf);
        }
    }
    if !topics.is_empty() {
        rows.push(
            topics
                .into_iter()
                .map(|t| topic_button(t, locale, codec))
                .collect(),
        );
    }
    Rendered {
        text,
        keyboard: InlineKeyboardMarkup::new(rows),
    }
}

fn topic_button(topic: &TopicRef, locale: Locale, codec: &CallbackCodec) -> InlineKeyboardButton {
    let caption = format!("{} · {}", locale.open_topic(), topic.label(locale));
    button(
        &caption,
        codec,
        &Callback::Topic {
            offset: 0,
            id: topic.id.clone(),
        },
    )
}

fn no_results(answer: &Answer, locale: Locale, codec: &CallbackCodec) -> Rendered {
    let mut text = escape(locale.no_results());
    if let Some(first) = answer.suggestions.first() {
        let intro = match first.kind {
            SuggestionKind::DidYouMean => locale.did_you_mean(),
            SuggestionKind::TopTopic => locale.top_topics(),
        };
        text.push_str("\n\n");
        text.push_str(&escape(intro));
        for s in &answer.suggestions {
            text.push_str("\n• ");
            text.push_str(&escape(&clip(s.topic.label(locale), MAX_LABEL)));
        }
    }
    let buttons: Vec<InlineKeyboardButton> = answer
        .suggestions
        .iter()
        .map(|s| {
            let action = Callback::Topic {
                offset: 0,
                id: s.topic.id.clone(),
            };
            button(&format!("📂 {}", s.topic.label(locale)), codec, &action)
        })
        .collect();
    let rows = buttons.chunks(2).map(<[_]>::to_vec).collect::<Vec<_>>();
    Rendered {
        text: clip_html_free(text),
        keyboard: InlineKeyboardMarkup::new(rows),
    }
}

/// Cuts a message that holds no tags to the limit; only ever triggers on a pathological
/// catalogue, but a 4097-character message would be lost entirely.
fn clip_html_free(text: String) -> String {
    if utf16_len(&text) <= MAX_MESSAGE {
        return text;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        if used + c.len_utf16() > MAX_MESSAGE - 1 {
            break;
        }
        used += c.len_utf16();
        out.push(c);
    }
    // Never leave half an entity such as "&am" behind.
    if let Some(amp) = out.rfind('&')
        && !out[amp..].contains(';')
    {
        out.truncate(amp);
    }
    out.push('…');
    out
}

/// What a topic page shows, gathered from the catalogue (see [`TopicPage::build`]).
#[derive(Debug, Clone, PartialEq)]
pub struct TopicPage {
    /// Root first, this topic last.
    pub path: Vec<TopicRef>,
    /// Where "up" goes: the parent topic, or the list of roots.
    pub parent: Option<TopicRef>,
    /// Direct subtopics with the number of resources under each.
    pub children: Vec<(TopicRef, usize)>,
    /// This page of the resources under the topic.
    pub hits: Vec<Hit>,
    pub offset: usize,
    /// Resources under the topic, over all pages.
    pub total: usize,
}

impl TopicPage {
    /// Collects one page of a topic.
    pub fn build(
        catalogue: &Catalogue,
        topic: TopicIdx,
        offset: usize,
        page_size: usize,
    ) -> TopicPage {
        let path = catalogue
            .path(topic)
            .into_iter()
            .map(|t| TopicRef::new(catalogue, t))
            .collect();
        let parent = catalogue
            .topic(topic)
            .parent
            .map(|p| TopicRef::new(catalogue, p));
        let children = catalogue
            .children(topic)
            .iter()
            .map(|&c| {
                (
                    TopicRef::new(catalogue, c),
                    catalogue.resources_under(c).len(),
                )
            })
            .collect();
        let under = catalogue.resources_under(topic);
        let hits = under
            .iter()
            .skip(offset)
            .take(page_size)
            .map(|&r| Hit::of(catalogue, catalogue.resource(r)))
            .collect();
        TopicPage {
            path,
            parent,
            children,
            hits,
            offset,
            total: under.len(),
        }
    }
}

/// The root topics with their sizes, for `/topics`.
pub fn root_topics(catalogue: &Catalogue) -> Vec<(TopicRef, usize)> {
    catalogue
        .roots()
        .map(|t| {
            (
                TopicRef::new(catalogue, t),
                catalogue.resources_under(t).len(),
            )
        })
        .collect()
}

fn topic_buttons(
    topics: &[(TopicRef, usize)],
    locale: Locale,
    codec: &CallbackCodec,
) -> Vec<Vec<InlineKeyboardButton>> {
    let buttons: Vec<InlineKeyboardButton> = topics
        .iter()
        .map(|(t, n)| {
            let action = Callback::Topic {
                offset: 0,
                id: t.id.clone(),
            };
            button(
                &format!("{} ({n})", clip(t.label(locale), MAX_BUTTON - 6)),
                codec,
                &action,
            )
        })
        .collect();
    buttons.chunks(2).map(<[_]>::to_vec).collect()
}

/// The top of the topic tree.
pub fn roots(roots: &[(TopicRef, usize)], locale: Locale, codec: &CallbackCodec) -> Rendered {
    let text = format!("📚 <b>{}</b>", escape(locale.topic_tree()));
    Rendered {
        text,
        keyboard: InlineKeyboardMarkup::new(topic_buttons(roots, locale, codec)),
    }
}

/// One page of a topic: its path, subtopics, and resources, with buttons to go down, page,
/// and go up.
pub fn topic(
    page: &TopicPage,
    locale: Locale,
    page_size: usize,
    codec: &CallbackCodec,
) -> Rendered {
    let label = page
        .path
        .iter()
        .map(|t| t.label(locale))
        .collect::<Vec<_>>()
        .join(" › ");
    let blocks: Vec<String> = page
        .hits
        .iter()
        .enumerate()
        .map(|(i, hit)| hit_block(page.offset + i + 1, hit, locale, false))
        .collect();
    let header = |shown: usize| {
        let mut text = format!("📂 <b>{}</b>", escape(&clip(&label, MAX_LABEL)));
        if !page.children.is_empty() {
            text.push_str(&format!(
                "\n{}: {}",
                escape(locale.subtopics()),
                page.children.len()
            ));
        }
        if shown > 0 {
            let to = page.offset + shown;
            let showing = locale.showing(page.offset + 1, to, page.total);
            text.push_str(&format!(
                "\n{} · {}",
                escape(locale.resources()),
                escape(&showing)
            ));
        }
        text
    };
    let (text, shown) = page_text(header, &blocks);
    let id = page.path.last().map(|t| t.id.clone()).unwrap_or_default();
    let mut rows = topic_buttons(&page.children, locale, codec);
    let mut paging = Vec::new();
    if page.offset > 0 {
        let action = Callback::Topic {
            offset: page.offset.saturating_sub(page_size),
            id: id.clone(),
        };
        paging.push(button(locale.previous(), codec, &action));
    }
    let next = page.offset + shown;
    if next < page.total {
        paging.push(button(
            locale.more(),
            codec,
            &Callback::Topic { offset: next, id },
        ));
    }
    if !paging.is_empty() {
        rows.push(paging);
    }
    let up = match &page.parent {
        Some(parent) => Callback::Topic {
            offset: 0,
            id: parent.id.clone(),
        },
        None => Callback::Roots,
    };
    let up_caption = match &page.parent {
        Some(_) => locale.up(),
        None => locale.all_topics(),
    };
    rows.push(vec![button(up_caption, codec, &up)]);
    Rendered {
        text,
        keyboard: InlineKeyboardMarkup::new(rows),
    }
}

/// Inline-mode results: one article per hit, each posting a single linked result.
pub fn inline_articles(answer: &Answer, locale: Locale) -> Vec<InlineQueryResult> {
    answer
        .hits
        .iter()
        .take(INLINE_PAGE)
        .map(|hit| {
            let details = [
                hit.path_label(locale),
                locale.kind(hit.kind).into(),
                locale.lang(hit.lang).into(),
            ];
            let details = details
                .iter()
                .filter(|s| !s.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(" · ");
            let body = format!(
                "{}\n{}",
                link(&hit.url, hit.title_for(locale)),
                escape(&clip(&details, MAX_LABEL))
            );
            let content = InputMessageContent::Text(
                InputMessageContentText::new(body)
                    .parse_mode(ParseMode::Html)
                    .link_preview_options(no_preview()),
            );
            let article = InlineQueryResultArticle::new(
                inline_id(&hit.id),
                clip(hit.title_for(locale), MAX_LABEL),
                content,
            )
            .description(clip(&details, MAX_LABEL));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Suggestion;
    use crate::catalogue::{Kind, Lang};
    use crate::search::Engine;

    fn all_callback_data(kb: &InlineKeyboardMarkup) -> Vec<String> {
        kb.inline_keyboard
            .iter()
            .flatten()
            .filter_map(|b| match &b.kind {
                teloxide::types::InlineKeyboardButtonKind::CallbackData(d) => Some(d.clone()),
                _ => None,
            })
            .collect()
    }

    fn hit(title: &str, url: &str) -> Hit {
        Hit {
            id: "x".into(),
            title: title.into(),
            title_en: None,
            url: url.into(),
            kind: Kind::Article,
            lang: Lang::En,
            path: vec![TopicRef {
                id: "t<1>".into(),
                name: "话题 & <b>".into(),
                name_en: "Topic & <b>".into(),
            }],
            score: 1.0,
            matched: Vec::new(),
        }
    }

    fn answer_of(hits: Vec<Hit>, total: usize, query: &str) -> Answer {
        Answer {
            query: query.into(),
            total,
            offset: 0,
            hits,
            suggestions: Vec::new(),
            small_talk: None,
        }
    }

    #[test]
    fn escapes_every_catalogue_and_user_string() {
        let a = answer_of(
            vec![hit("<script>&\"x\"", "https://e.com/?a=1&b=\"2\"")],
            1,
            "<i>q & \"r\"</i>",
        );
        let r = answer(&a, Locale::En, 5, &CallbackCodec::default());
        assert!(
            r.text
                .contains("href=\"https://e.com/?a=1&amp;b=&quot;2&quot;\""),
            "{}",
            r.text
        );
        assert!(
            r.text.contains("&lt;script&gt;&amp;&quot;x&quot;"),
            "{}",
            r.text
        );
        assert!(
            r.text.contains("&lt;i&gt;q &amp; &quot;r&quot;&lt;/i&gt;"),
            "{}",
            r.text
        );
        assert!(r.text.contains("Topic &amp; &lt;b&gt;"), "{}", r.text);
        // Only our own tags remain.
        let tags: Vec<&str> = r
            .text
            .match_indices('<')
            .map(|(i, _)| &r.text[i..i + 3])
            .collect();
        assert!(
            tags.iter()
                .all(|t| ["<b>", "</b", "<i>", "</i", "<a ", "</a"].contains(t)),
            "{tags:?}"
        );
    }

    #[test]
    fn non_web_links_are_not_linked() {
        let a = answer_of(vec![hit("t", "javascript:alert(1)")], 1, "q");
        let r = answer(&a, Locale::En, 5, &CallbackCodec::default());
        assert!(!r.text.contains("href"), "{}", r.text);
    }

    #[test]
    fn long_pages_are_trimmed_and_paging_resumes_after_the_last_shown() {
        // Titles are clipped, but links up to MAX_URL are kept whole.
        let long = "长".repeat(500);
        let path = "a".repeat(1500);
        let hits: Vec<Hit> = (0..10)
            .map(|i| hit(&format!("{i}{long}"), &format!("https://e.com/{i}/{path}")))
            .collect();
        let a = answer_of(hits, 30, &"q".repeat(1000));
        let codec = CallbackCodec::default();
        let r = answer(&a, Locale::Zh, 10, &codec);
        assert!(utf16_len(&r.text) <= MAX_MESSAGE, "{}", utf16_len(&r.text));
        let shown = r.text.matches("<a href").count();
        assert!((1..10).contains(&shown), "{shown}");
        assert!(
            r.text.contains(&Locale::Zh.showing(1, shown, 30)),
            "{}",
            r.text
        );
        let more = all_callback_data(&r.keyboard)
            .into_iter()
            .filter_map(|d| codec.decode(&d).ok())
            .find_map(|c| match c {
                Callback::Page { offset, .. } => Some(offset),
                _ => None,
            });
        assert_eq!(more, Some(shown));
    }

    #[test]
    fn a_single_huge_entry_still_fits() {
        let url = format!("https://e.com/?{}", "&".repeat(2000));
        let a = answer_of(vec![hit(&"t".repeat(300), &url)], 2, &"<".repeat(300));
        let r = answer(&a, Locale::En, 1, &CallbackCodec::default());
        assert!(utf16_len(&r.text) <= MAX_MESSAGE, "{}", utf16_len(&r.text));
        assert!(r.text.contains("\n\n1. ttt"), "{}", r.text);
        assert!(r.text.contains("1–1 of 2"), "{}", r.text);
    }

    #[test]
    fn callback_data_fits_in_64_bytes_for_long_queries() {
        let engine = Engine::shipped().unwrap();
        let codec = CallbackCodec::default();
        for query in [
            "量化",
            "LoRA 微调 教程 有没有讲 LoRA 原理和实践的中文文章 最好带代码 以及 QLoRA 对比",
            "vllm",
        ] {
            let a = engine.answer(query, 0, 3);
            let r = answer(&a, Locale::Zh, 3, &codec);
            for data in all_callback_data(&r.keyboard) {
                assert!(data.len() <= 64, "{data}");
                assert!(codec.decode(&data).is_ok(), "{data}");
            }
        }
    }

    #[test]
    fn no_results_offers_topics_not_links() {
        let engine = Engine::shipped().unwrap();
        let a = engine.answer("qwertyuiop", 0, 5);
        let r = answer(&a, Locale::En, 5, &CallbackCodec::default());
        assert!(r.text.starts_with(Locale::En.no_results()), "{}", r.text);
        assert!(!r.text.contains("href"));
        assert!(!all_callback_data(&r.keyboard).is_empty());
        let dym = Answer {
            suggestions: vec![Suggestion::did_you_mean(TopicRef {
                id: "lora".into(),
                name: "LoRA".into(),
                name_en: "LoRA".into(),
            })],
            ..answer_of(Vec::new(), 0, "lroa")
        };
        let r = answer(&dym, Locale::Zh, 5, &CallbackCodec::default());
        assert!(r.text.contains(Locale::Zh.did_you_mean()), "{}", r.text);
    }

    #[test]
    fn english_readers_get_english_labels() {
        let engine = Engine::shipped().unwrap();
        let a = engine.answer("vllm", 0, 3);
        let en = answer(&a, Locale::En, 3, &CallbackCodec::default());
        let zh = answer(&a, Locale::Zh, 3, &CallbackCodec::default());
        assert!(en.text.contains("Results for"), "{}", en.text);
        assert!(zh.text.contains("搜索结果"), "{}", zh.text);
    }

    #[test]
    fn topic_pages_navigate_down_across_and_up() {
        let engine = Engine::shipped().unwrap();
        let cat = engine.catalogue();
        let codec = CallbackCodec::default();
        let root = cat.roots().next().unwrap();
        let page = TopicPage::build(cat, root, 0, 3);
        let r = topic(&page, Locale::Zh, 3, &codec);
        let actions: Vec<Callback> = all_callback_data(&r.keyboard)
            .iter()
            .map(|d| codec.decode(d).unwrap())
            .collect();
        assert!(actions.contains(&Callback::Roots));
        if page.total > 3 {
            assert!(actions.contains(&Callback::Topic {
                offset: 3,
                id: cat.topic(root).id.clone()
            }));
        }
        for &child in cat.children(root) {
            assert!(actions.contains(&Callback::Topic {
                offset: 0,
                id: cat.topic(child).id.clone()
            }));
        }
        let leaf = cat.topic_by_id("vllm").unwrap();
        let r = topic(&TopicPage::build(cat, leaf, 0, 3), Locale::En, 3, &codec);
        assert!(r.text.contains("vLLM"), "{}", r.text);
        let parent = cat.topic(cat.topic(leaf).parent.unwrap()).id.clone();
        let actions: Vec<Callback> = all_callback_data(&r.keyboard)
            .iter()
            .map(|d| codec.decode(d).unwrap())
            .collect();
        assert!(actions.contains(&Callback::Topic {
            offset: 0,
            id: parent
        }));
        let r = roots(&root_topics(cat), Locale::En, &codec);
        assert_eq!(all_callback_data(&r.keyboard).len(), cat.roots().count());
    }

    #[test]
    fn inline_articles_are_capped_and_escaped() {
        let hits: Vec<Hit> = (0..60)
            .map(|i| hit(&format!("<{i}>"), "https://e.com/"))
            .collect();
        let a = answer_of(hits, 60, "q");
        let articles = inline_articles(&a, Locale::En);
        assert_eq!(articles.len(), INLINE_PAGE);
        let json = serde_json::to_string(&articles[0]).unwrap();
        assert!(json.contains("&lt;0&gt;"), "{json}");
        assert!(json.contains("\"parse_mode\":\"HTML\""), "{json}");
    }

    #[test]
    fn clipping_respects_char_boundaries() {
        assert_eq!(clip("干货干货", 3), "干货…");
        assert_eq!(clip("abc", 3), "abc");
        let text = clip_html_free(format!("{}&amp;", "a".repeat(MAX_MESSAGE - 3)));
        assert!(utf16_len(&text) <= MAX_MESSAGE);
        assert!(!text.contains('&'));
    }
}
