//! Views: what a front end shows, decided once for all of them.
//!
//! The builders here turn the core's answers, topic pages and small talk into a [`View`]: the
//! heading, the notices, the numbered items with their texts already localised, cleaned and
//! clipped to the platform's [`Budget`], the topics to offer and the navigation that exists.
//! The paging rule (`paging`) and the notices are written here and nowhere else; a front end
//! only marks a view up.

use std::borrow::Cow;

use super::Budget;
use super::action::Action;
use super::text::sanitise;
use crate::answer::{Answer, Hit, SmallTalk, SuggestionKind, TopicRef};
use crate::browse::{Browse, TopicCount, TopicPage};
use crate::i18n::Locale;
use crate::store::AnswerId;

/// Shortest title worth keeping a link for; below it the link is left out so the title shows.
const MIN_TITLE: usize = 16;
/// Leaf topics of the results offered as "open topic" links.
const TOPIC_LINKS: usize = 2;

/// Everything one message shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// The reader's language; every text below is in it.
    pub locale: Locale,
    /// What the view is about.
    pub heading: Heading,
    /// Notices, in order: "no results" before "did you mean", and so on.
    pub notices: Vec<Notice>,
    /// The numbered resources shown.
    pub items: Vec<Item>,
    /// Which of all the results the items are.
    pub page: Option<Page>,
    /// Topics offered: suggestions, subtopics or the root topics.
    pub topics: Vec<Entry>,
    /// Navigation: paging, the topics of the results, the way up.
    pub links: Vec<Link>,
    /// Example questions (small talk and help).
    pub examples: &'static [&'static str],
}

/// What a view is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Heading {
    /// An answer to `query` (cleaned and clipped).
    Results {
        /// The question as echoed back.
        query: String,
    },
    /// A topic page; `path` is the topic's path, root first, joined with " › ".
    Topic {
        /// The path as shown.
        path: String,
    },
    /// The list of root topics.
    Roots,
    /// A reply to a greeting, thanks or a request for help.
    SmallTalk(SmallTalk),
}

impl Heading {
    /// The heading's fixed words: "Results for", "Topics", or the small-talk reply; `None` for
    /// a topic page, whose heading is its path.
    pub fn label(&self, locale: Locale) -> Option<&'static str> {
        match self {
            Heading::Results { .. } => Some(locale.results_for()),
            Heading::Topic { .. } => None,
            Heading::Roots => Some(locale.topic_tree()),
            Heading::SmallTalk(SmallTalk::Greeting) => Some(locale.greeting()),
            Heading::SmallTalk(SmallTalk::Thanks) => Some(locale.thanks()),
            Heading::SmallTalk(SmallTalk::Help) => Some(locale.about()),
        }
    }
}

/// A short message to the user; the same set on every front end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Notice {
    /// Nothing matched the question.
    NoResults,
    /// Introduces topics close to what was typed.
    DidYouMean,
    /// Introduces the topics nearest the question in meaning.
    Related,
    /// Introduces the largest topics.
    TopTopics,
    /// A page past the last result (a button from before a catalogue reload).
    NoMoreResults,
    /// No topic has that name or id.
    UnknownTopic,
    /// A button whose state is no longer remembered; search again.
    Expired,
    /// The user is asking too fast.
    SlowDown,
    /// Something failed on our side.
    SomethingWentWrong,
    /// `/ask` without a question.
    AskUsage,
    /// A feedback press was recorded.
    FeedbackThanks,
    /// The message asked the bot to write something: it finds resources, it does not write.
    NotAWriter,
}

impl Notice {
    /// The notice in a language.
    pub fn text(self, locale: Locale) -> &'static str {
        match self {
            Notice::NoResults => locale.no_results(),
            Notice::DidYouMean => locale.did_you_mean(),
            Notice::Related => locale.related_topics(),
            Notice::TopTopics => locale.top_topics(),
            Notice::NoMoreResults => locale.no_more_results(),
            Notice::UnknownTopic => locale.unknown_topic(),
            Notice::Expired => locale.expired(),
            Notice::SlowDown => locale.slow_down(),
            Notice::SomethingWentWrong => locale.something_went_wrong(),
            Notice::AskUsage => locale.ask_usage(),
            Notice::FeedbackThanks => locale.feedback_thanks(),
            Notice::NotAWriter => locale.not_a_writer(),
        }
    }
}

/// One resource shown, its texts ready to escape and mark up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Its number in the whole list (1-based).
    pub number: usize,
    /// The resource's id.
    pub id: String,
    /// The title in the reader's language.
    pub title: String,
    /// The link: http(s) only, parentheses percent-encoded; `None` when unsafe or too long.
    pub url: Option<String>,
    /// Topic path, kind and language, joined with " · ".
    pub details: String,
}

/// Which of all the results a view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// The first shown (1-based).
    pub first: usize,
    /// The last shown.
    pub last: usize,
    /// All results.
    pub total: usize,
}

impl Page {
    /// "1–5 of 23".
    pub fn text(&self, locale: Locale) -> String {
        locale.showing(self.first, self.last, self.total)
    }
}

/// A topic offered in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The topic's name in the reader's language.
    pub label: String,
    /// Resources under it, when known.
    pub resources: Option<usize>,
    /// A button caption: "name (12)", or "📂 name".
    pub caption: String,
    /// What choosing it does.
    pub action: Action,
}

/// A navigation link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Its role.
    pub kind: LinkKind,
    /// The caption.
    pub caption: String,
    /// What following it does.
    pub action: Action,
}

/// The roles of navigation links.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkKind {
    /// The previous page.
    Previous,
    /// The next page.
    Next,
    /// The first page, from past the end.
    Restart,
    /// A topic of the results.
    Topic,
    /// The parent topic.
    Up,
    /// The root topics.
    Roots,
    /// Feedback: the answer helped.
    Helpful,
    /// Feedback: the answer did not help.
    NotHelpful,
}

impl View {
    fn new(locale: Locale, heading: Heading) -> View {
        View {
            locale,
            heading,
            notices: Vec::new(),
            items: Vec::new(),
            page: None,
            topics: Vec::new(),
            links: Vec::new(),
            examples: &[],
        }
    }

    /// Every action the view offers: its topics, then its links.
    pub fn actions(&self) -> impl Iterator<Item = &Action> {
        self.topics
            .iter()
            .map(|e| &e.action)
            .chain(self.links.iter().map(|l| &l.action))
    }

    /// The link of a kind, if the view has one.
    pub fn link(&self, kind: LinkKind) -> Option<&Link> {
        self.links.iter().find(|l| l.kind == kind)
    }

    /// The reply to small talk as plain lines: its words, then the example questions.
    pub fn hint(&self) -> Option<String> {
        let label = self
            .heading
            .label(self.locale)
            .filter(|_| !self.examples.is_empty())?;
        let examples = self.examples.iter().map(|e| format!("\n• {e}"));
        Some(format!("{label}{}", examples.collect::<String>()))
    }

    /// True for help, after which a front end lists its own commands.
    pub fn is_help(&self) -> bool {
        self.heading == Heading::SmallTalk(SmallTalk::Help)
    }

    /// Adds the feedback buttons of answer `id` to a view that shows results (an answer with
    /// nothing to show has nothing to rate: its question is in the report's "found nothing").
    pub fn offer_feedback(&mut self, id: AnswerId, budget: &Budget) {
        if self.items.is_empty() || !matches!(self.heading, Heading::Results { .. }) {
            return;
        }
        let locale = self.locale;
        for (kind, caption, helpful) in [
            (LinkKind::Helpful, locale.helpful(), true),
            (LinkKind::NotHelpful, locale.not_helpful(), false),
        ] {
            let action = Action::Feedback {
                answer: id,
                helpful,
            };
            self.push_link(kind, caption, action, budget);
        }
    }

    fn push_link(&mut self, kind: LinkKind, caption: &str, action: Action, budget: &Budget) {
        let caption = budget.measure.clip(caption, budget.caption).into_owned();
        self.links.push(Link {
            kind,
            caption,
            action,
        });
    }
}

/// The view of an answer: one page of results with paging and the results' topics; or, when
/// nothing matched, the notices and the suggested topics (never random links); or the reply to
/// small talk.
pub fn answer(answer: &Answer, locale: Locale, page_size: usize, budget: &Budget) -> View {
    if let Some(kind) = answer.small_talk {
        return small_talk(kind, locale);
    }
    let query = sanitise(&answer.query);
    let heading = Heading::Results {
        query: budget.measure.clip(&query, budget.label).into_owned(),
    };
    let mut view = View::new(locale, heading);
    if answer.total == 0 {
        view.notices.push(if answer.task.is_some() {
            Notice::NotAWriter
        } else {
            Notice::NoResults
        });
        if let Some(first) = answer.suggestions.first() {
            view.notices.push(match first.kind {
                SuggestionKind::DidYouMean => Notice::DidYouMean,
                SuggestionKind::Related => Notice::Related,
                SuggestionKind::TopTopic => Notice::TopTopics,
            });
        }
        view.topics = answer
            .suggestions
            .iter()
            .take(budget.topics)
            .map(|s| entry(&s.topic, None, locale, budget))
            .collect();
        return view;
    }
    view.items = items(&answer.hits, answer.offset, locale, budget);
    let search = |offset| Action::Search {
        query: query.clone().into_owned(),
        offset,
    };
    paging(
        &mut view,
        answer.offset,
        answer.total,
        page_size,
        budget,
        search,
    );
    let mut leaves: Vec<&TopicRef> = Vec::new();
    for hit in &answer.hits[..view.items.len()] {
        if let Some(leaf) = hit.path.last()
            && leaves.len() < TOPIC_LINKS
            && !leaves.iter().any(|t| t.id == leaf.id)
        {
            leaves.push(leaf);
        }
    }
    for leaf in leaves {
        let caption = format!("{} · {}", locale.open_topic(), label(leaf, locale));
        view.push_link(LinkKind::Topic, &caption, Action::topic(&leaf.id), budget);
    }
    view
}

/// The view of a topic page, the root topics, or an unknown topic (said, then the roots).
pub fn browse(browse: &Browse, locale: Locale, page_size: usize, budget: &Budget) -> View {
    match browse {
        Browse::Roots(roots) => roots_view(roots, locale, budget),
        Browse::Unknown(roots) => {
            let mut view = roots_view(roots, locale, budget);
            view.notices.insert(0, Notice::UnknownTopic);
            view
        }
        Browse::Topic(page) => topic_view(page, locale, page_size, budget),
    }
}

/// The reply to small talk: a hint and example questions, no links. For help, the front end
/// adds its own commands (see [`View::is_help`]).
pub fn small_talk(kind: SmallTalk, locale: Locale) -> View {
    let mut view = View::new(locale, Heading::SmallTalk(kind));
    view.examples = locale.examples();
    view
}

fn roots_view(roots: &[TopicCount], locale: Locale, budget: &Budget) -> View {
    let mut view = View::new(locale, Heading::Roots);
    view.topics = counted(roots, locale, budget);
    view
}

fn topic_view(page: &TopicPage, locale: Locale, page_size: usize, budget: &Budget) -> View {
    let path = page
        .path
        .iter()
        .map(|t| label(t, locale))
        .collect::<Vec<_>>()
        .join(" › ");
    let heading = Heading::Topic {
        path: budget.measure.clip(&path, budget.label).into_owned(),
    };
    let mut view = View::new(locale, heading);
    view.topics = counted(&page.children, locale, budget);
    view.items = items(&page.hits, page.offset, locale, budget);
    let id = page.topic().map(|t| t.id.clone()).unwrap_or_default();
    let at = |offset| Action::Topic {
        id: id.clone(),
        offset,
    };
    paging(&mut view, page.offset, page.total, page_size, budget, at);
    if let Some(parent) = &page.parent {
        view.push_link(LinkKind::Up, locale.up(), Action::topic(&parent.id), budget);
    }
    view.push_link(LinkKind::Roots, locale.all_topics(), Action::Roots, budget);
    view
}

/// The paging rule, for answers and topic pages alike: "previous" goes back one page size
/// from the first item shown, "next" starts right after the last one shown, and a page past
/// the end (a stale button) says so and offers the first page.
fn paging(
    view: &mut View,
    offset: usize,
    total: usize,
    page_size: usize,
    budget: &Budget,
    at: impl Fn(usize) -> Action,
) {
    let locale = view.locale;
    let shown = view.items.len();
    if shown == 0 {
        if total > 0 {
            view.notices.push(Notice::NoMoreResults);
            view.push_link(LinkKind::Restart, locale.start_over(), at(0), budget);
        }
        return;
    }
    view.page = Some(Page {
        first: offset + 1,
        last: offset + shown,
        total,
    });
    if offset > 0 {
        let previous = at(offset.saturating_sub(page_size.max(1)));
        view.push_link(LinkKind::Previous, locale.previous(), previous, budget);
    }
    if offset + shown < total {
        view.push_link(LinkKind::Next, locale.more(), at(offset + shown), budget);
    }
}

fn label(topic: &TopicRef, locale: Locale) -> Cow<'_, str> {
    sanitise(topic.label(locale))
}

fn counted(topics: &[TopicCount], locale: Locale, budget: &Budget) -> Vec<Entry> {
    topics
        .iter()
        .take(budget.topics)
        .map(|t| entry(&t.topic, Some(t.resources), locale, budget))
        .collect()
}

fn entry(topic: &TopicRef, resources: Option<usize>, locale: Locale, budget: &Budget) -> Entry {
    let m = &budget.measure;
    let name = label(topic, locale);
    let caption = match resources {
        Some(n) => {
            let count = format!(" ({n})");
            let room = budget.caption.saturating_sub(m.len(&count));
            format!("{}{count}", m.clip(&name, room))
        }
        None => m.clip(&format!("📂 {name}"), budget.caption).into_owned(),
    };
    Entry {
        label: m.clip(&name, budget.label).into_owned(),
        resources,
        caption,
        action: Action::topic(&topic.id),
    }
}

/// The hits shown (at most the budget's), sharing the budget's room evenly so that none is
/// dropped and all fit together.
fn items(hits: &[Hit], offset: usize, locale: Locale, budget: &Budget) -> Vec<Item> {
    let shown = &hits[..hits.len().min(budget.items)];
    let Some(room) = budget.body.checked_div(shown.len()) else {
        return Vec::new();
    };
    shown
        .iter()
        .enumerate()
        .map(|(i, hit)| item(hit, offset + i + 1, locale, budget, room))
        .collect()
}

fn item(hit: &Hit, number: usize, locale: Locale, budget: &Budget, room: usize) -> Item {
    let m = &budget.measure;
    let details: Vec<String> = [
        hit.path_label(locale),
        locale.kind(hit.kind).to_owned(),
        locale.lang(hit.lang).to_owned(),
    ]
    .into_iter()
    .map(|d| sanitise(&d).into_owned())
    .filter(|d| !d.is_empty())
    .collect();
    let details = m
        .clip(&details.join(" · "), budget.label.min(room / 3))
        .into_owned();
    let fixed = budget.item_markup + number.to_string().len() + m.len(&details);
    let rest = room.saturating_sub(fixed);
    let url = web_link(&hit.url).filter(|url| {
        let n = m.len(url);
        n <= budget.url && n + MIN_TITLE <= rest
    });
    let title_room = rest
        .saturating_sub(url.as_deref().map_or(0, |u| m.len(u)))
        .min(budget.label);
    let mut title = m
        .clip(&sanitise(hit.title_for(locale)), title_room)
        .into_owned();
    if title.is_empty() && url.is_some() {
        // A link needs something to click.
        title = "🔗".to_owned();
    }
    Item {
        number,
        id: hit.id.clone(),
        title,
        url,
        details,
    }
}

/// A link that is safe to put behind a title on any platform: http(s) only (a catalogue could
/// hold any scheme, and one bad entity loses a whole Telegram message), no whitespace, quotes
/// or angle brackets, and parentheses percent-encoded so Markdown cannot end the link early.
fn web_link(url: &str) -> Option<String> {
    let url = url.trim();
    let scheme = url.get(..8)?.to_ascii_lowercase();
    let web = scheme.starts_with("https://") || scheme.starts_with("http://");
    let unsafe_char = |c: char| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>');
    (web && !url.contains(unsafe_char)).then(|| url.replace('(', "%28").replace(')', "%29"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Suggestion;
    use crate::catalogue::{Kind, Lang};
    use crate::present::text::{Measure, Unit};
    use crate::search::Engine;

    fn budget() -> Budget {
        Budget {
            // Markup that writes `&` as five units, as HTML does.
            measure: Measure::new(Unit::Utf16, |c| (c == '&').then_some("&amp;")),
            items: 10,
            body: 3000,
            item_markup: 30,
            label: 200,
            caption: 40,
            url: 512,
            topics: 25,
        }
    }

    fn hit(i: usize, title: &str, url: &str) -> Hit {
        Hit {
            id: format!("r{i}"),
            title: title.into(),
            title_en: None,
            url: url.into(),
            kind: Kind::Article,
            lang: Lang::En,
            path: vec![TopicRef {
                id: format!("t{}", i % 3),
                name: "话题".into(),
                name_en: "Topic\u{202e} <b>".into(),
            }],
            score: 1.0,
            matched: Vec::new(),
            similarity: None,
        }
    }

    fn answer_of(hits: Vec<Hit>, total: usize, offset: usize, query: &str) -> Answer {
        Answer {
            query: query.into(),
            total,
            offset,
            hits,
            suggestions: Vec::new(),
            small_talk: None,
            task: None,
        }
    }

    fn kinds(view: &View) -> Vec<LinkKind> {
        view.links.iter().map(|l| l.kind).collect()
    }

    #[test]
    fn answers_page_forward_and_back() {
        let hits = (0..5).map(|i| hit(i, "t", "https://e.com/")).collect();
        let view = answer(&answer_of(hits, 12, 5, "q"), Locale::En, 5, &budget());
        assert_eq!(
            view.page,
            Some(Page {
                first: 6,
                last: 10,
                total: 12
            })
        );
        assert_eq!(view.items[0].number, 6);
        let search = |offset| Action::Search {
            query: "q".into(),
            offset,
        };
        assert_eq!(view.link(LinkKind::Previous).unwrap().action, search(0));
        assert_eq!(view.link(LinkKind::Next).unwrap().action, search(10));
        // Three hits on topics t0, t1, t2: two topic links.
        assert_eq!(
            kinds(&view),
            [
                LinkKind::Previous,
                LinkKind::Next,
                LinkKind::Topic,
                LinkKind::Topic
            ]
        );
    }

    #[test]
    fn past_the_end_says_so_and_offers_the_start() {
        let view = answer(
            &answer_of(Vec::new(), 12, 12, "q"),
            Locale::Zh,
            5,
            &budget(),
        );
        assert_eq!(view.notices, [Notice::NoMoreResults]);
        assert_eq!(kinds(&view), [LinkKind::Restart]);
        assert_eq!(
            view.links[0].action,
            Action::Search {
                query: "q".into(),
                offset: 0
            }
        );
    }

    #[test]
    fn echoed_text_is_cleaned_and_clipped() {
        let view = answer(
            &answer_of(
                vec![hit(0, "a\u{0}b", "https://e.com/")],
                1,
                0,
                "\u{202e}vllm\u{0}\n x",
            ),
            Locale::En,
            5,
            &budget(),
        );
        assert_eq!(
            view.heading,
            Heading::Results {
                query: "vllm x".into()
            }
        );
        assert_eq!(view.items[0].title, "ab");
        assert!(!view.items[0].details.contains('\u{202e}'));
        let long = answer(
            &answer_of(Vec::new(), 0, 0, &"&".repeat(300)),
            Locale::En,
            5,
            &budget(),
        );
        let Heading::Results { query } = &long.heading else {
            panic!()
        };
        assert!(budget().measure.len(query) <= 200);
    }

    #[test]
    fn items_share_the_room_and_keep_every_hit() {
        let b = budget();
        let hits: Vec<Hit> = (0..10)
            .map(|i| {
                hit(
                    i,
                    &"长&".repeat(500),
                    &format!("https://e.com/{}", "a".repeat(400)),
                )
            })
            .collect();
        let view = answer(&answer_of(hits, 30, 0, "q"), Locale::Zh, 10, &b);
        assert_eq!(view.items.len(), 10);
        let total: usize = view
            .items
            .iter()
            .map(|i| {
                b.item_markup
                    + i.number.to_string().len()
                    + [Some(&i.title), i.url.as_ref(), Some(&i.details)]
                        .into_iter()
                        .flatten()
                        .map(|t| b.measure.len(t))
                        .sum::<usize>()
            })
            .sum();
        assert!(total <= b.body, "{total}");
        // 300 units each: too little for a 400-character link; the titles stay.
        assert!(
            view.items
                .iter()
                .all(|i| i.url.is_none() && !i.title.is_empty())
        );
        assert_eq!(
            view.link(LinkKind::Next).unwrap().action,
            Action::Search {
                query: "q".into(),
                offset: 10
            }
        );
    }

    #[test]
    fn only_web_links_are_links() {
        assert_eq!(web_link("javascript:alert(1)"), None);
        assert_eq!(web_link("https://e.com/a b"), None);
        assert_eq!(web_link("http://"), None);
        assert_eq!(
            web_link(" HTTPS://e.com/x_(y) ").as_deref(),
            Some("HTTPS://e.com/x_%28y%29")
        );
    }

    #[test]
    fn a_writing_task_is_told_what_the_bot_does() {
        let mut a = answer_of(Vec::new(), 0, 0, "write me a poem about LLMs");
        a.task = Some("poem".into());
        a.suggestions = vec![Suggestion::top_topic(TopicRef {
            id: "llm-training".into(),
            name: "大模型训练".into(),
            name_en: "LLM training".into(),
        })];
        let view = answer(&a, Locale::En, 5, &budget());
        assert_eq!(view.notices, [Notice::NotAWriter, Notice::TopTopics]);
        assert!(view.items.is_empty() && view.links.is_empty());
        assert!(Notice::NotAWriter.text(Locale::Zh).contains("不会代写"));
    }

    #[test]
    fn no_results_offer_topics_without_links() {
        let mut a = answer_of(Vec::new(), 0, 0, "lroa");
        a.suggestions = vec![Suggestion::did_you_mean(TopicRef {
            id: "lora".into(),
            name: "LoRA".into(),
            name_en: "LoRA".into(),
        })];
        let view = answer(&a, Locale::En, 5, &budget());
        assert_eq!(view.notices, [Notice::NoResults, Notice::DidYouMean]);
        assert!(view.items.is_empty() && view.links.is_empty());
        assert_eq!(view.topics[0].caption, "📂 LoRA");
        assert_eq!(view.topics[0].action, Action::topic("lora"));
    }

    #[test]
    fn small_talk_has_examples_and_no_links() {
        let engine = Engine::shipped().unwrap();
        for (query, kind) in [
            ("你好", SmallTalk::Greeting),
            ("thanks!", SmallTalk::Thanks),
        ] {
            let view = answer(&engine.answer(query, 0, 5), Locale::Zh, 5, &budget());
            assert_eq!(view.heading, Heading::SmallTalk(kind), "{query}");
            assert!((3..=4).contains(&view.examples.len()));
            assert!(view.items.is_empty() && view.actions().next().is_none());
        }
        assert!(small_talk(SmallTalk::Help, Locale::En).is_help());
    }

    #[test]
    fn topic_pages_go_down_across_and_up() {
        let engine = Engine::shipped().unwrap();
        let b = budget();
        let Browse::Topic(page) = engine.browse(Some("inference-engines"), 0, 3) else {
            panic!()
        };
        let view = browse(&Browse::Topic(page.clone()), Locale::En, 3, &b);
        assert!(
            matches!(&view.heading, Heading::Topic { path } if path.ends_with("Inference acceleration frameworks"))
        );
        assert!(
            view.topics
                .iter()
                .any(|e| e.action == Action::topic("vllm") && e.resources.is_some())
        );
        assert_eq!(view.items.len(), 3);
        assert_eq!(
            kinds(&view),
            [LinkKind::Next, LinkKind::Up, LinkKind::Roots]
        );
        assert_eq!(
            view.link(LinkKind::Up).unwrap().action,
            Action::topic(&page.path[0].id)
        );
        let roots = browse(&engine.browse(None, 0, 3), Locale::Zh, 3, &b);
        assert_eq!(roots.topics.len(), engine.catalogue().roots().count());
        assert!(roots.links.is_empty());
        let unknown = browse(&engine.browse(Some("nope"), 0, 3), Locale::Zh, 3, &b);
        assert_eq!(unknown.notices, [Notice::UnknownTopic]);
        assert_eq!(unknown.topics, roots.topics);
    }

    #[test]
    fn captions_keep_counts_and_fit() {
        let b = budget();
        let long = TopicCount {
            topic: TopicRef {
                id: "x".into(),
                name: "长".repeat(100),
                name_en: "long".repeat(30),
            },
            resources: 123,
        };
        let entries = counted(&[long], Locale::Zh, &b);
        assert!(
            entries[0].caption.ends_with("… (123)"),
            "{}",
            entries[0].caption
        );
        assert!(b.measure.len(&entries[0].caption) <= b.caption);
    }
}
