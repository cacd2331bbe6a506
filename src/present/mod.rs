//! The presentation layer: one place that decides what every front end shows.
//!
//! A front end turns what its user did into a [`Request`], and [`Presenter::respond`] answers
//! with a [`Reply`]: a [`View`] (heading, notices, numbered items, topics to offer, navigation)
//! or a lone [`Notice`]. Views are platform-neutral but already fitted to the platform's
//! [`Budget`]: texts localised, cleaned of control and bidi characters, and clipped in the
//! platform's own unit. Front ends then only encode [`Action`]s (callback data, custom ids,
//! commands) and mark views up (HTML, embeds, plain text).
//!
//! - [`action`]: the action vocabulary;
//! - [`view`]: views, notices, and the builders with the one paging rule;
//! - [`text`]: the one clipping function and the cleaning of echoed text.
//!
//! Everything but [`Presenter`] is pure; the presenter only asks [`Services`], which does no
//! I/O either (its query log is written in the background).
//!
//! Answers to new questions carry feedback buttons when a store records them. Their action
//! holds the answer's id, so a front end passes the answer a pressed button's message shows
//! ([`answer_of`] its buttons) in the [`Origin`], and the presenter records the press.

pub mod action;
pub mod text;
pub mod view;

pub use action::{Action, answer_of};
pub use text::{Measure, Unit};
pub use view::{Entry, Heading, Item, Link, LinkKind, Notice, Page, View};

use crate::i18n::Locale;
use crate::search::SmallTalk;
use crate::service::{Asker, Platform, Services};
use crate::store::AnswerId;

/// The room a platform gives a view, in its own unit.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    /// The platform's unit and escaping.
    pub measure: Measure,
    /// Most items on one page.
    pub items: usize,
    /// Room for all the items of a page together, their markup included.
    pub body: usize,
    /// The markup a platform writes around one item besides its number, title, link and
    /// details (punctuation, tags, line breaks, the separator between items).
    pub item_markup: usize,
    /// Longest title, topic name, path or echoed query.
    pub label: usize,
    /// Longest button caption.
    pub caption: usize,
    /// Longest link kept; a resource with a longer one is shown without its link.
    pub url: usize,
    /// Most topics offered in one view.
    pub topics: usize,
}

/// What a user asked of a front end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// A question.
    Ask(String),
    /// The topic tree: a topic named by id, name or path, or the roots.
    Browse(Option<String>),
    /// A button, select option or command carrying an action.
    Act(Action),
    /// The first contact (`/start`).
    Start,
    /// A request for help (`/help`).
    Help,
}

/// Where a request came from, for the query log.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Origin {
    /// The platform's id of the user (hashed by the store before anything is written).
    pub user: Option<u64>,
    /// For a button: the answer shown by the message it is on.
    pub answer: Option<AnswerId>,
}

/// What a front end shows in return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// A whole view: a new message, or the message whose button was pressed, updated.
    Show(View),
    /// A short notice that replaces nothing (a toast, a private note, a line).
    Notice(Notice),
}

/// Turns requests into views for one front end.
#[derive(Debug, Clone)]
pub struct Presenter {
    services: Services,
    platform: Platform,
    budget: Budget,
}

impl Presenter {
    /// A presenter for `platform`, fitting views to `budget`.
    pub fn new(services: Services, platform: Platform, budget: Budget) -> Presenter {
        Presenter {
            services,
            platform,
            budget,
        }
    }

    /// The services behind it.
    pub fn services(&self) -> &Services {
        &self.services
    }

    /// The budget views are fitted to.
    pub fn budget(&self) -> &Budget {
        &self.budget
    }

    /// The reply to a request, in `locale`, from no one in particular.
    pub fn respond(&self, request: Request, locale: Locale) -> Reply {
        self.respond_from(request, locale, Origin::default())
    }

    /// The reply to a request, in `locale`; `origin` says who sent it and which answer a
    /// pressed button was on, for the query log.
    pub fn respond_from(&self, request: Request, locale: Locale, origin: Origin) -> Reply {
        let page_size = self.services.page_size();
        let browse = |topic: Option<&str>, offset| {
            if let Some(id) = origin.answer {
                self.services.follow_up(id, Vec::new(), None);
            }
            let browsed = self.services.browse(topic, offset);
            Reply::Show(view::browse(&browsed, locale, page_size, &self.budget))
        };
        match request {
            Request::Ask(query) if query.trim().is_empty() => Reply::Notice(Notice::AskUsage),
            Request::Ask(query) => {
                let asker = Asker {
                    locale,
                    user: origin.user,
                };
                let (answer, id) = self.services.question(self.platform, &query, asker);
                self.answer(&answer, locale, id, false)
            }
            Request::Act(Action::Search { query, offset }) => {
                let answer = self.services.ask(self.platform, &query, offset);
                self.answer(&answer, locale, origin.answer, true)
            }
            Request::Browse(topic) => browse(topic.as_deref(), 0),
            Request::Act(Action::Topic { id, offset }) => browse(Some(&id), offset),
            Request::Act(Action::Roots) => browse(None, 0),
            Request::Act(Action::Feedback { answer, helpful }) => {
                self.services.follow_up(answer, Vec::new(), Some(helpful));
                Reply::Notice(Notice::FeedbackThanks)
            }
            Request::Start => Reply::Show(view::small_talk(SmallTalk::Greeting, locale)),
            Request::Help => Reply::Show(view::small_talk(SmallTalk::Help, locale)),
        }
    }

    /// A page of an answer, with the feedback buttons of answer `id`; a page turned on a
    /// recorded answer (`pressed`) is recorded as a press showing that page's resources.
    fn answer(
        &self,
        answer: &crate::Answer,
        locale: Locale,
        id: Option<AnswerId>,
        pressed: bool,
    ) -> Reply {
        let page_size = self.services.page_size();
        let mut view = view::answer(answer, locale, page_size, &self.budget);
        if let Some(id) = id {
            if pressed {
                let shown = view.items.iter().map(|i| i.id.clone()).collect();
                self.services.follow_up(id, shown, None);
            }
            view.offer_feedback(id, &self.budget);
        }
        Reply::Show(view)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Engine;

    fn presenter() -> Presenter {
        let budget = Budget {
            measure: Measure::PLAIN,
            items: 10,
            body: 4000,
            item_markup: 10,
            label: 200,
            caption: 40,
            url: 512,
            topics: 25,
        };
        let services = Services::new(Engine::shipped().unwrap(), 5);
        Presenter::new(services, Platform::Terminal, budget)
    }

    fn view(reply: Reply) -> View {
        match reply {
            Reply::Show(view) => view,
            Reply::Notice(notice) => panic!("a view expected, got {notice:?}"),
        }
    }

    #[test]
    fn requests_become_views() {
        let p = presenter();
        assert_eq!(
            p.respond(Request::Ask("  ".into()), Locale::En),
            Reply::Notice(Notice::AskUsage)
        );
        let first = view(p.respond(Request::Ask("量化".into()), Locale::En));
        let next = first.link(LinkKind::Next).unwrap().action.clone();
        let second = view(p.respond(Request::Act(next), Locale::En));
        assert_eq!(second.page.unwrap().first, 6);
        let roots = view(p.respond(Request::Browse(None), Locale::Zh));
        let topic = roots.topics[0].action.clone();
        let page = view(p.respond(Request::Act(topic), Locale::Zh));
        assert!(matches!(page.heading, Heading::Topic { .. }));
        assert!(view(p.respond(Request::Help, Locale::En)).is_help());
        let start = view(p.respond(Request::Start, Locale::En));
        assert_eq!(start.heading, Heading::SmallTalk(SmallTalk::Greeting));
    }

    #[test]
    fn a_reload_turns_a_stale_next_into_no_more_results() {
        let p = presenter();
        let first = view(p.respond(Request::Ask("量化".into()), Locale::En));
        let next = first.link(LinkKind::Next).unwrap().action.clone();
        let small = crate::catalogue::Catalogue::from_toml(
            "[[topic]]\nid = \"q\"\nname = \"量化\"\nname_en = \"Quantization\"\n\
             [[resource]]\nid = \"r\"\ntitle = \"量化入门\"\nurl = \"https://e.com/\"\nkind = \"article\"\nlang = \"zh\"\ntopics = [\"q\"]\nkeywords = [\"量化\"]\n",
            "small",
        )
        .unwrap();
        p.services().replace_engine(Engine::new(small));
        let stale = view(p.respond(Request::Act(next), Locale::En));
        assert_eq!(stale.notices, [Notice::NoMoreResults]);
        assert_eq!(stale.links.len(), 1);
        assert_eq!(stale.links[0].kind, LinkKind::Restart);
        let gone = view(p.respond(Request::Act(Action::topic("vllm")), Locale::En));
        assert_eq!(gone.notices, [Notice::UnknownTopic]);
    }
}
