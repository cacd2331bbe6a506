//! The handler tree: messages, button presses and inline queries become questions to the
//! core, and its answers become replies. Nothing here ranks or filters results.

use std::sync::Arc;

use teloxide::adaptors::Throttle;
use teloxide::dispatching::{UpdateFilterExt, UpdateHandler};
use teloxide::payloads::{
    AnswerCallbackQuerySetters, AnswerInlineQuerySetters, EditMessageTextInlineSetters,
    EditMessageTextSetters, SendMessageSetters,
};
use teloxide::requests::{Request, Requester};
use teloxide::types::{
    CallbackQuery, InlineQuery, Me, Message, ParseMode, ReplyParameters, Update, User,
};
use teloxide::{ApiError, Bot, RequestError, dptree};
use tracing::debug;

use super::Ctx;
use super::callback::{Callback, DecodeError};
use super::commands::{Addressing, Intent, classify};
use super::faults::with_retry;
use super::flood::Verdict;
use super::render::{self, Rendered, TopicPage, escape, no_preview};
use crate::i18n::Locale;
use crate::service::Platform;

/// The bot as handlers see it: rate-limited by the Throttle adaptor, which also retries
/// `send*` calls that get a 429.
pub type TgBot = Throttle<Bot>;

/// A request to Telegram failed while handling an update.
#[derive(Debug, thiserror::Error)]
#[error("{action} failed")]
pub struct HandlerError {
    action: &'static str,
    #[source]
    source: RequestError,
}

impl HandlerError {
    fn new(action: &'static str) -> impl FnOnce(RequestError) -> HandlerError {
        move |source| HandlerError { action, source }
    }
}

type HandlerResult = Result<(), HandlerError>;

/// Offsets beyond this are not a real page (and would make the core scan for nothing).
const MAX_OFFSET: usize = 10_000;

/// The dispatcher's handler tree.
pub fn schema() -> UpdateHandler<HandlerError> {
    dptree::entry()
        .branch(Update::filter_message().endpoint(on_message))
        .branch(Update::filter_callback_query().endpoint(on_callback))
        .branch(Update::filter_inline_query().endpoint(on_inline))
}

fn locale_of(user: Option<&User>) -> Locale {
    Locale::from_tag(user.and_then(|u| u.language_code.as_deref()))
}

/// Shown when a long-query button outlived the in-memory store (see `callback`).
fn expired(locale: Locale) -> &'static str {
    match locale {
        Locale::Zh => "这个按钮已过期,请重新搜索。",
        Locale::En => "This button has expired; please search again.",
    }
}

async fn on_message(bot: TgBot, msg: Message, me: Me, ctx: Arc<Ctx>) -> HandlerResult {
    let Some(text) = msg.text() else {
        return Ok(());
    };
    let reply_to_bot = msg
        .reply_to_message()
        .and_then(|m| m.from.as_ref())
        .is_some_and(|u| u.id == me.user.id);
    let at = Addressing {
        private: msg.chat.is_private(),
        username: me.user.username.as_deref().unwrap_or_default(),
        reply_to_bot,
    };
    let intent = classify(text, at);
    if intent == Intent::Ignore {
        return Ok(());
    }
    debug!(chat = msg.chat.id.0, text, "message for the bot");
    let user = msg.from.as_ref();
    let locale = locale_of(user);
    // Anonymous group admins have no `from`; the chat stands in for them.
    let who = user.map_or(msg.chat.id.0.unsigned_abs(), |u| u.id.0);
    let reply = match ctx.flood.check(who) {
        Verdict::Allow => respond(&ctx, intent, locale),
        Verdict::Warn => Rendered::escaped(locale.slow_down()),
        Verdict::Drop => return Ok(()),
    };
    let mut send = bot
        .send_message(msg.chat.id, reply.text)
        .parse_mode(ParseMode::Html)
        .link_preview_options(no_preview());
    if !reply.keyboard.inline_keyboard.is_empty() {
        send = send.reply_markup(reply.keyboard);
    }
    if !msg.chat.is_private() {
        // In a busy group, say which message this answers.
        let mut to = ReplyParameters::new(msg.id);
        to.allow_sending_without_reply = Some(true);
        send = send.reply_parameters(to);
    }
    send.send()
        .await
        .map_err(HandlerError::new("sending a reply"))?;
    Ok(())
}

fn respond(ctx: &Ctx, intent: Intent, locale: Locale) -> Rendered {
    match intent {
        Intent::Start => Rendered::escaped(locale.welcome()),
        Intent::Help | Intent::Ignore => Rendered::escaped(locale.help()),
        Intent::Ask(query) if query.is_empty() => Rendered::escaped(locale.ask_usage()),
        Intent::Ask(query) | Intent::Query(query) => {
            let answer = ctx.services.ask(Platform::Telegram, &query, 0);
            render::answer(&answer, locale, ctx.services.page_size(), &ctx.codec)
        }
        Intent::Topics(name) if name.is_empty() => ctx.view(Callback::Roots, locale).0,
        Intent::Topics(name) => {
            let engine = ctx.services.engine();
            match engine.find_topic(&name) {
                Some(topic) => {
                    let id = engine.catalogue().topic(topic).id.clone();
                    ctx.view(Callback::Topic { offset: 0, id }, locale).0
                }
                None => ctx.unknown_topic(locale),
            }
        }
    }
}

impl Ctx {
    /// The message a button leads to, and a note to flash on the button press.
    fn view(&self, action: Callback, locale: Locale) -> (Rendered, Option<&'static str>) {
        let page_size = self.services.page_size();
        match action {
            Callback::Page { offset, query } => {
                let answer = self
                    .services
                    .ask(Platform::Telegram, &query, offset.min(MAX_OFFSET));
                (
                    render::answer(&answer, locale, page_size, &self.codec),
                    None,
                )
            }
            Callback::Topic { offset, id } => {
                let engine = self.services.engine();
                let catalogue = engine.catalogue();
                match catalogue.topic_by_id(&id) {
                    Some(topic) => {
                        let page =
                            TopicPage::build(catalogue, topic, offset.min(MAX_OFFSET), page_size);
                        (render::topic(&page, locale, page_size, &self.codec), None)
                    }
                    // The catalogue was reloaded without this topic since the button was sent.
                    None => (self.unknown_topic(locale), Some(locale.unknown_topic())),
                }
            }
            Callback::Roots => {
                let engine = self.services.engine();
                (
                    render::roots(
                        &render::root_topics(engine.catalogue()),
                        locale,
                        &self.codec,
                    ),
                    None,
                )
            }
        }
    }

    /// "No such topic", followed by the root topics to carry on from.
    fn unknown_topic(&self, locale: Locale) -> Rendered {
        let (roots, _) = self.view(Callback::Roots, locale);
        Rendered {
            text: format!("{}\n\n{}", escape(locale.unknown_topic()), roots.text),
            ..roots
        }
    }
}

async fn on_callback(bot: TgBot, q: CallbackQuery, ctx: Arc<Ctx>) -> HandlerResult {
    let locale = locale_of(Some(&q.from));
    let data = q.data.as_deref().unwrap_or_default();
    debug!(user = q.from.id.0, data, "button pressed");
    let (view, note) = match ctx.flood.check(q.from.id.0) {
        Verdict::Allow => match ctx.codec.decode(data) {
            Ok(action) => {
                let (view, note) = ctx.view(action, locale);
                (Some(view), note)
            }
            Err(DecodeError::Expired) => (None, Some(expired(locale))),
            Err(DecodeError::Malformed) => (None, None),
        },
        // The press must still be answered, or the button keeps spinning.
        Verdict::Warn | Verdict::Drop => (None, Some(locale.slow_down())),
    };
    let mut answer = bot.answer_callback_query(q.id.clone());
    if let Some(note) = note {
        answer = answer.text(note);
    }
    with_retry(|| answer.send_ref())
        .await
        .map_err(HandlerError::new("answering a button press"))?;
    let Some(view) = view else { return Ok(()) };
    let edited = if let Some(message) = &q.message {
        let edit = bot
            .edit_message_text(message.chat().id, message.id(), view.text)
            .parse_mode(ParseMode::Html)
            .link_preview_options(no_preview())
            .reply_markup(view.keyboard);
        with_retry(|| edit.send_ref()).await.map(drop)
    } else if let Some(id) = &q.inline_message_id {
        let edit = bot
            .edit_message_text_inline(id.clone(), view.text)
            .parse_mode(ParseMode::Html)
            .disable_web_page_preview(true)
            .reply_markup(view.keyboard);
        with_retry(|| edit.send_ref()).await.map(drop)
    } else {
        Ok(())
    };
    match edited {
        // Pressing the button of the page already shown.
        Ok(()) | Err(RequestError::Api(ApiError::MessageNotModified)) => Ok(()),
        Err(err) => Err(HandlerError::new("editing a message")(err)),
    }
}

async fn on_inline(bot: TgBot, q: InlineQuery, ctx: Arc<Ctx>) -> HandlerResult {
    let locale = locale_of(Some(&q.from));
    let query = q.query.trim();
    debug!(user = q.from.id.0, query, offset = q.offset, "inline query");
    // Typing in inline mode sends a query per pause, so it has its own, larger allowance.
    let allowed = !query.is_empty() && ctx.inline_flood.check(q.from.id.0) == Verdict::Allow;
    let (results, next) = if allowed {
        let offset = q.offset.parse::<usize>().unwrap_or(0).min(MAX_OFFSET);
        let answer = ctx.inline_answer(query, offset);
        let next = answer
            .next_offset()
            .map(|n| n.to_string())
            .unwrap_or_default();
        (render::inline_articles(&answer, locale), next)
    } else {
        (Vec::new(), String::new())
    };
    // Results depend on the user's language, so they must not be cached across users.
    let answer = bot
        .answer_inline_query(q.id, results)
        .next_offset(next)
        .is_personal(true)
        .cache_time(30);
    with_retry(|| answer.send_ref())
        .await
        .map_err(HandlerError::new("answering an inline query"))?;
    Ok(())
}
