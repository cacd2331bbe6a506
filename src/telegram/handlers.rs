//! The handler tree: messages, button presses and inline queries become requests to the
//! presenter, and its replies become messages, edits and toasts.

use std::sync::Arc;

use teloxide::adaptors::Throttle;
use teloxide::dispatching::{UpdateFilterExt, UpdateHandler};
use teloxide::payloads::{
    AnswerCallbackQuerySetters, AnswerInlineQuerySetters, EditMessageTextInlineSetters,
    EditMessageTextSetters, SendMessageSetters,
};
use teloxide::requests::{Request as _, Requester};
use teloxide::types::{
    CallbackQuery, InlineQuery, Me, Message, ParseMode, ReplyParameters, Update, User,
};
use teloxide::{ApiError, Bot, RequestError, dptree};
use tracing::debug;

use super::Ctx;
use super::callback::DecodeError;
use super::commands::{Addressing, classify};
use super::render::{self, INLINE, INLINE_PAGE, no_preview};
use crate::bots::flood::Verdict;
use crate::bots::{Fault, with_retry};
use crate::i18n::Locale;
use crate::present::{Notice, Reply, Request, view};
use crate::service::Platform;

/// The bot as handlers see it: rate-limited by the Throttle adaptor, which also retries
/// `send*` calls that get a 429 (edits and query answers go through [`with_retry`]).
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

impl Fault for HandlerError {
    fn is_unauthorized(&self) -> bool {
        self.source.is_unauthorized()
    }
}

type HandlerResult = Result<(), HandlerError>;

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
    let Some(request) = classify(text, at) else {
        return Ok(());
    };
    debug!(chat = msg.chat.id.0, text, "message for the bot");
    let user = msg.from.as_ref();
    let locale = locale_of(user);
    // Anonymous group admins have no `from`; the chat stands in for them.
    let who = user.map_or(msg.chat.id.0.unsigned_abs(), |u| u.id.0);
    let reply = match ctx.flood.check(who) {
        Verdict::Allow => ctx.presenter.respond(request, locale),
        Verdict::Warn => Reply::Notice(Notice::SlowDown),
        Verdict::Drop => return Ok(()),
    };
    let reply = match reply {
        Reply::Show(view) => render::message(&view, &ctx.codec),
        Reply::Notice(notice) => render::notice(notice, locale),
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

async fn on_callback(bot: TgBot, q: CallbackQuery, ctx: Arc<Ctx>) -> HandlerResult {
    let locale = locale_of(Some(&q.from));
    let data = q.data.as_deref().unwrap_or_default();
    debug!(user = q.from.id.0, data, "button pressed");
    let reply = match ctx.flood.check(q.from.id.0) {
        Verdict::Allow => match ctx.codec.decode(data) {
            Ok(action) => Some(ctx.presenter.respond(Request::Act(action), locale)),
            Err(DecodeError::Expired) => Some(Reply::Notice(Notice::Expired)),
            Err(DecodeError::Malformed) => None,
        },
        // The press must still be answered, or the button keeps spinning.
        Verdict::Warn | Verdict::Drop => Some(Reply::Notice(Notice::SlowDown)),
    };
    // The toast: a lone notice, or the first notice of the new view.
    let (view, toast) = match reply {
        Some(Reply::Show(view)) => {
            let toast = view.notices.first().copied();
            (Some(view), toast)
        }
        Some(Reply::Notice(notice)) => (None, Some(notice)),
        None => (None, None),
    };
    let mut answer = bot.answer_callback_query(q.id.clone());
    if let Some(toast) = toast {
        answer = answer.text(toast.text(locale));
    }
    with_retry(|| answer.send_ref())
        .await
        .map_err(HandlerError::new("answering a button press"))?;
    let Some(view) = view else { return Ok(()) };
    let view = render::message(&view, &ctx.codec);
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
        let offset = q.offset.parse::<usize>().unwrap_or(0);
        let services = ctx.presenter.services();
        let answer = services.ask_page(Platform::Telegram, query, offset, INLINE_PAGE);
        let next = answer.next_offset().map(|n| n.to_string());
        let view = view::answer(&answer, locale, INLINE_PAGE, &INLINE);
        (render::inline_articles(&view), next.unwrap_or_default())
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
