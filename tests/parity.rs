//! Parity: the same scenarios through the view layer on every front end (Telegram, Discord,
//! the terminal chat) give the same items and the same navigation. Each front end's markup is
//! read back — callback data and custom ids decoded, commands found in the text — and must
//! offer exactly the actions of the view, and show exactly its items.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at its first broken assumption"
)]

use ganhuo::answer::{Answer, Completion, Hit, TopicRef};
use ganhuo::catalogue::{Kind, Lang};
use ganhuo::discord::render::Row;
use ganhuo::i18n::Locale;
use ganhuo::present::{
    Action, Budget, Heading, LinkKind, Notice, Presenter, Reply, Request, View, view,
};
use ganhuo::service::{Platform, Services};
use ganhuo::telegram::callback::CallbackCodec;
use ganhuo::{Catalogue, Engine, chat, discord, telegram};
use proptest::prelude::*;
use teloxide::types::InlineKeyboardButtonKind;

/// A query with results that is too long for Telegram's 64-byte callback data and Discord's
/// 100-character custom ids.
fn long_query() -> String {
    "量化 ".repeat(20).trim_end().to_owned()
}

/// The three front ends, sharing one set of services (and so one catalogue reload).
struct FrontEnds {
    services: Services,
    presenters: [(&'static str, Presenter); 3],
    codec: CallbackCodec,
}

impl FrontEnds {
    fn new() -> FrontEnds {
        let services = Services::new(Engine::shipped().unwrap(), 5);
        let presenter =
            |platform, budget: Budget| Presenter::new(services.clone(), platform, budget);
        FrontEnds {
            presenters: [
                (
                    "telegram",
                    presenter(Platform::Telegram, telegram::render::BUDGET),
                ),
                (
                    "discord",
                    presenter(Platform::Discord, discord::render::BUDGET),
                ),
                ("chat", presenter(Platform::Terminal, chat::BUDGET)),
            ],
            services,
            codec: CallbackCodec::default(),
        }
    }

    /// Every front end's view of a request: the same, and read back the same from each markup.
    fn view(&self, request: Request, locale: Locale) -> View {
        let views: Vec<View> = self
            .presenters
            .iter()
            .map(|(name, p)| match p.respond(request.clone(), locale) {
                Reply::Show(view) => view,
                Reply::Notice(n) => panic!("{name}: a view expected for {request:?}, got {n:?}"),
            })
            .collect();
        for (view, (name, _)) in views.iter().zip(&self.presenters) {
            assert_same(&views[0], view, name);
        }
        let view = &views[0];
        let want = sorted(view.actions().cloned().collect());
        assert_eq!(
            sorted(self.telegram(&views[0])),
            want,
            "telegram for {request:?}"
        );
        assert_eq!(
            sorted(self.discord(&views[1])),
            want,
            "discord for {request:?}"
        );
        assert_eq!(sorted(self.chat(&views[2])), want, "chat for {request:?}");
        view.clone()
    }

    /// Telegram: every button's callback data decodes to an action; every item is a link.
    fn telegram(&self, view: &View) -> Vec<Action> {
        let message = telegram::render::message(view, &self.codec);
        assert!(message.text.encode_utf16().count() <= telegram::render::MAX_MESSAGE);
        for item in &view.items {
            let url = item.url.as_deref().unwrap().replace('&', "&amp;");
            assert!(
                message
                    .text
                    .contains(&format!("{}. <a href=\"{url}\">", item.number)),
                "{}",
                message.text
            );
        }
        message
            .keyboard
            .inline_keyboard
            .iter()
            .flatten()
            .map(|b| match &b.kind {
                InlineKeyboardButtonKind::CallbackData(data) => {
                    assert!(data.len() <= 64, "{data}");
                    self.codec.decode(data).unwrap()
                }
                other => panic!("not a callback button: {other:?}"),
            })
            .collect()
    }

    /// Discord: every button's custom id decodes (with the footer), every select option opens
    /// its topic; every item is a link; and the whole reply is within Discord's limits.
    fn discord(&self, view: &View) -> Vec<Action> {
        let reply = discord::render::message(view);
        discord::render::check(&reply).unwrap();
        let embed = reply.embed.as_ref().unwrap();
        for item in &view.items {
            let link = format!("**{}.** [", item.number);
            assert!(embed.description.contains(&link), "{}", embed.description);
            let url = item.url.as_deref().unwrap();
            assert!(embed.description.contains(&format!("]({url})")));
        }
        let footer = embed.footer.as_deref();
        let mut actions = Vec::new();
        for row in &reply.rows {
            match row {
                Row::Buttons(buttons) => actions.extend(buttons.iter().map(|b| {
                    let decoded = discord::custom_id::decode(&b.custom_id, footer);
                    decoded.unwrap().unwrap()
                })),
                Row::Select { options, .. } => {
                    actions.extend(options.iter().map(|o| Action::topic(&o.value)));
                }
            }
        }
        actions
    }

    /// The chat: every command it prints follows an action of the view; every item is shown
    /// with its link.
    fn chat(&self, view: &View) -> Vec<Action> {
        let text = chat::plain(view, true);
        for item in &view.items {
            assert!(
                text.contains(&format!("{}. {}\n", item.number, item.title)),
                "{text}"
            );
            assert!(text.contains(item.url.as_deref().unwrap()), "{text}");
        }
        chat::commands(view)
            .into_iter()
            .map(|(command, action)| {
                assert!(text.contains(&command), "{command} in {text}");
                action
            })
            .collect()
    }
}

/// The same view, but for texts that only a budget could change.
fn assert_same(a: &View, b: &View, name: &str) {
    assert_eq!(
        std::mem::discriminant(&a.heading),
        std::mem::discriminant(&b.heading),
        "{name}"
    );
    assert_eq!(a.notices, b.notices, "{name}");
    assert_eq!(a.page, b.page, "{name}");
    let items = |v: &View| {
        v.items
            .iter()
            .map(|i| (i.number, i.id.clone(), i.url.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(items(a), items(b), "{name}");
    assert_eq!(
        a.actions().collect::<Vec<_>>(),
        b.actions().collect::<Vec<_>>(),
        "{name}"
    );
    let kinds = |v: &View| v.links.iter().map(|l| l.kind).collect::<Vec<_>>();
    assert_eq!(kinds(a), kinds(b), "{name}");
    assert_eq!(a.examples, b.examples, "{name}");
}

fn sorted(mut actions: Vec<Action>) -> Vec<Action> {
    actions.sort_by_key(|a| format!("{a:?}"));
    actions
}

fn follow(view: &View, kind: LinkKind) -> Request {
    Request::Act(
        view.link(kind)
            .unwrap_or_else(|| panic!("no {kind:?} in {view:?}"))
            .action
            .clone(),
    )
}

#[test]
fn an_answer_pages_forward_and_back() {
    let f = FrontEnds::new();
    let first = f.view(Request::Ask("量化".into()), Locale::En);
    assert_eq!(first.page.unwrap().first, 1);
    assert!(first.link(LinkKind::Previous).is_none());
    let second = f.view(follow(&first, LinkKind::Next), Locale::Zh);
    assert_eq!(second.page.unwrap().first, 6);
    let back = f.view(follow(&second, LinkKind::Previous), Locale::En);
    assert_eq!(back.items, first.items);
    assert!(first.links.iter().any(|l| l.kind == LinkKind::Topic));
}

#[test]
fn paging_forward_past_the_end_says_no_more_results() {
    let f = FrontEnds::new();
    let mut view = f.view(Request::Ask("量化".into()), Locale::En);
    while view.link(LinkKind::Next).is_some() {
        view = f.view(follow(&view, LinkKind::Next), Locale::En);
    }
    let total = view.page.unwrap().total;
    let past = f.view(
        Request::Act(Action::Search {
            query: "量化".into(),
            offset: total,
        }),
        Locale::En,
    );
    assert_eq!(past.notices, [Notice::NoMoreResults]);
    let restart = f.view(follow(&past, LinkKind::Restart), Locale::En);
    assert_eq!(restart.page.unwrap().first, 1);
}

#[test]
fn a_stale_button_after_a_reload() {
    let f = FrontEnds::new();
    let first = f.view(Request::Ask("量化".into()), Locale::En);
    let next = first.link(LinkKind::Next).unwrap().action.clone();
    // The buttons as the platforms hold them, from before the reload.
    let data = f.codec.encode(&next);
    let custom_id = discord::custom_id::encode(&next).unwrap();
    let small = Catalogue::from_toml(
        "[[topic]]\nid = \"q\"\nname = \"量化\"\nname_en = \"Quantization\"\n\
         [[resource]]\nid = \"r\"\ntitle = \"量化入门\"\nurl = \"https://e.com/q\"\nkind = \"article\"\nlang = \"zh\"\ntopics = [\"q\"]\nkeywords = [\"量化\"]\n",
        "small",
    )
    .unwrap();
    f.services.replace_engine(Engine::new(small));
    let pressed = f.codec.decode(&data).unwrap();
    assert_eq!(
        discord::custom_id::decode(&custom_id, None),
        Some(Ok(pressed.clone()))
    );
    let stale = f.view(Request::Act(pressed), Locale::En);
    assert_eq!(stale.notices, [Notice::NoMoreResults]);
    assert_eq!(stale.links.len(), 1);
    let restart = f.view(follow(&stale, LinkKind::Restart), Locale::En);
    assert_eq!(restart.items.len(), 1);
    let gone = f.view(Request::Act(Action::topic("vllm")), Locale::En);
    assert_eq!(gone.notices, [Notice::UnknownTopic]);
    assert_eq!(gone.heading, Heading::Roots);
}

#[test]
fn browsing_topics_pages_and_goes_up() {
    let f = FrontEnds::new();
    let roots = f.view(Request::Browse(None), Locale::Zh);
    assert!(roots.topics.len() >= 5 && roots.links.is_empty());
    assert!(roots.topics.iter().all(|e| e.resources.is_some()));
    let inference = f.view(Request::Browse(Some("LLM inference".into())), Locale::En);
    assert!(!inference.topics.is_empty(), "subtopics");
    assert_eq!(inference.page.unwrap().last, 5);
    let next = f.view(follow(&inference, LinkKind::Next), Locale::En);
    assert_eq!(next.page.unwrap().first, 6);
    let vllm = f.view(Request::Act(Action::topic("vllm")), Locale::En);
    let up = f.view(follow(&vllm, LinkKind::Up), Locale::En);
    assert!(matches!(&up.heading, Heading::Topic { path } if path.contains("Inference")));
    let all = f.view(follow(&up, LinkKind::Roots), Locale::En);
    assert_eq!(all.topics.len(), roots.topics.len());
}

#[test]
fn off_topic_questions_get_suggestions_and_no_links() {
    let f = FrontEnds::new();
    for (query, intro) in [
        ("best pizza in new york", Notice::TopTopics),
        ("ncl", Notice::DidYouMean),
        ("有没有讲怎么给模型服务做压测的", Notice::Related),
    ] {
        let view = f.view(Request::Ask(query.into()), Locale::En);
        assert_eq!(view.notices, [Notice::NoResults, intro], "{query}");
        assert!(view.items.is_empty() && !view.topics.is_empty(), "{query}");
        assert!(view.actions().all(|a| matches!(a, Action::Topic { .. })));
    }
}

#[test]
fn small_talk_gets_examples_and_no_links() {
    let f = FrontEnds::new();
    for (request, locale) in [
        (Request::Ask("你好".into()), Locale::Zh),
        (Request::Ask("thank you".into()), Locale::En),
        (Request::Start, Locale::En),
        (Request::Help, Locale::Zh),
    ] {
        let view = f.view(request.clone(), locale);
        assert!(matches!(view.heading, Heading::SmallTalk(_)), "{request:?}");
        assert!((3..=4).contains(&view.examples.len()));
        assert!(view.items.is_empty() && view.actions().next().is_none());
        // Help ends with each front end's own commands.
        if view.is_help() {
            let telegram = telegram::render::message(&view, &f.codec).text;
            let discord = discord::render::message(&view).embed.unwrap().description;
            let chat = chat::plain(&view, true);
            assert!(
                telegram.contains("@") && telegram.contains("/ask"),
                "{telegram}"
            );
            assert!(discord.contains("/提问"), "{discord}");
            assert!(chat.contains("/quit"), "{chat}");
        }
    }
}

#[test]
fn a_query_too_long_for_callback_data_still_pages() {
    let f = FrontEnds::new();
    let first = f.view(Request::Ask(long_query()), Locale::Zh);
    let next = first.link(LinkKind::Next).expect("enough results to page");
    let data = f.codec.encode(&next.action);
    assert!(data.starts_with("k:"), "{data}");
    let custom_id = discord::custom_id::encode(&next.action).unwrap();
    assert_eq!(custom_id, "ask:5");
    let second = f.view(follow(&first, LinkKind::Next), Locale::Zh);
    assert_eq!(second.page.unwrap().first, 6);
    // Without the message's footer, Discord cannot know the query: the button has expired.
    assert_eq!(
        discord::custom_id::decode(&custom_id, None),
        Some(Err(Notice::Expired))
    );
}

#[test]
fn echoed_text_is_stripped_of_control_and_bidi_characters() {
    let f = FrontEnds::new();
    let view = f.view(
        Request::Act(Action::Search {
            query: "v\u{0}llm\u{202e} 教程".into(),
            offset: 0,
        }),
        Locale::En,
    );
    let Heading::Results { query } = &view.heading else {
        panic!("{view:?}")
    };
    assert_eq!(query, "vllm 教程");
    let telegram = telegram::render::message(&view, &f.codec).text;
    let discord = discord::render::message(&view).embed.unwrap();
    for text in [telegram.as_str(), &discord.title, &chat::plain(&view, true)] {
        assert!(!text.contains(['\u{0}', '\u{202e}']), "{text:?}");
    }
}

/// Every front end's markup of a view of `answer`: within its platform's limits, every item
/// shown, and nothing of the hostile text left to format, link, mention or reorder.
fn assert_hostile_answer_fits(answer: &Answer, locale: Locale) {
    let codec = CallbackCodec::default();
    let shown = answer.hits.len().min(10);
    let telegram_view = view::answer(answer, locale, 5, &telegram::render::BUDGET);
    let message = telegram::render::message(&telegram_view, &codec);
    assert!(message.text.encode_utf16().count() <= telegram::render::MAX_MESSAGE);
    let tags = message
        .text
        .match_indices('<')
        .map(|(i, _)| &message.text[i..i + 3]);
    for tag in tags {
        assert!(
            ["<b>", "</b", "<i>", "</i", "<a ", "</a"].contains(&tag),
            "{tag}"
        );
    }
    for data in message.keyboard.inline_keyboard.iter().flatten() {
        let InlineKeyboardButtonKind::CallbackData(data) = &data.kind else {
            panic!("{data:?}")
        };
        assert!(data.len() <= 64 && codec.decode(data).is_ok(), "{data}");
    }
    let discord_view = view::answer(answer, locale, 5, &discord::render::BUDGET);
    let reply = discord::render::message(&discord_view);
    discord::render::check(&reply).unwrap_or_else(|e| panic!("{e}"));
    let embed = reply.embed.unwrap();
    // Link targets are not markdown: an `@` there is part of a URL.
    let urls = discord_view.items.iter().filter_map(|i| i.url.as_deref());
    let text = urls.fold(
        format!("{}\n{}", embed.title, embed.description),
        |t, url| t.replace(url, ""),
    );
    assert!(
        text.match_indices('@')
            .all(|(i, _)| text[..i].ends_with('\\')),
        "{text}"
    );
    assert!(!text.contains("](javascript"), "{text}");
    for link in embed.description.split("](").skip(1) {
        let end = link.find(')').unwrap();
        assert!(
            link.starts_with("https://") && !link[..end].contains('('),
            "{link}"
        );
    }
    let chat_view = view::answer(answer, locale, 5, &chat::BUDGET);
    let plain = chat::plain(&chat_view, true);
    for n in 0..shown {
        let number = answer.offset + n + 1;
        assert!(
            message.text.contains(&format!("\n\n{number}. ")),
            "telegram {number}"
        );
        assert!(
            embed.description.contains(&format!("**{number}.** ")),
            "discord {number}"
        );
        assert!(plain.contains(&format!("{number}. ")), "chat {number}");
    }
    for text in [&message.text, &embed.description, &plain] {
        assert!(!text.contains(['\u{0}', '\u{202e}', '\u{7}']), "{text:?}");
    }
}

const HOSTILE: &str = "@everyone <@&123> **[click](javascript:alert(1))** <script>&\"x\" `x` ~~_||\\#- 😀\u{202e}\u{0}\n\n> quote";

fn hostile_hit(i: usize, title_len: usize, url_len: usize) -> Hit {
    let topic = |n: usize| TopicRef {
        id: format!("t{n}"),
        name: HOSTILE.repeat(20),
        name_en: "p&".repeat(300),
    };
    Hit {
        id: format!("r{i}"),
        title: HOSTILE.repeat(title_len / HOSTILE.len() + 1),
        title_en: Some("😀&".repeat(title_len)),
        url: format!(
            "https://example.com/@everyone/{}(x)?a=1&b=2",
            "a".repeat(url_len)
        ),
        kind: Kind::Article,
        lang: Lang::Multi,
        path: (0..30).map(topic).collect(),
        score: 1.0,
        matched: Vec::new(),
        similarity: None,
    }
}

#[test]
fn hostile_answers_fit_every_front_end() {
    let mut linked = false;
    for (hits, title_len, url_len) in [
        (10, 5000, 5000),
        (10, 300, 100),
        (1, 100_000, 400),
        (25, 50, 50),
        (5, 20, 2000),
    ] {
        for locale in [Locale::Zh, Locale::En] {
            let answer = Answer {
                query: HOSTILE.repeat(10),
                total: 50,
                offset: 5,
                hits: (0..hits)
                    .map(|i| hostile_hit(i, title_len, url_len))
                    .collect(),
                suggestions: Vec::new(),
                small_talk: None,
                task: None,
            };
            assert_hostile_answer_fits(&answer, locale);
            let view = view::answer(&answer, locale, 5, &discord::render::BUDGET);
            linked |= view.items.iter().any(|i| i.url.is_some());
        }
    }
    assert!(linked, "no hostile link was kept, so none was checked");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn arbitrary_text_fits_every_front_end(title in "\\PC{0,400}", query in "\\PC{0,200}", path in "\\PC{0,300}", url in "\\PC{0,300}", hits in 0usize..12) {
        let hit = Hit {
            id: "r".into(),
            title: title.clone(),
            title_en: None,
            url: format!("https://example.com/{url}"),
            kind: Kind::Repo,
            lang: Lang::En,
            path: vec![TopicRef { id: "t".into(), name: path.clone(), name_en: path }],
            score: 0.5,
            matched: Vec::new(),
            similarity: None,
        };
        let answer = Answer { query, total: 40, offset: 0, hits: vec![hit; hits], suggestions: Vec::new(), small_talk: None, task: None };
        assert_hostile_answer_fits(&answer, Locale::En);
        let choices = discord::render::ask_choices(&[Completion { label: title, value: url }]);
        prop_assert!(choices.iter().all(|c| (1..=100).contains(&c.name.chars().count()) && (1..=100).contains(&c.value.chars().count())));
    }
}
