//! What happens to an update: as it arrives, [`Dispatcher::take`] decides whether it is for
//! the bot and counts it against its sender's flood allowance, then queues the work in its
//! chat's lane; the work turns messages, button presses and inline queries into requests to
//! the presenter, and its replies into messages, edits and toasts.
//!
//! Deciding on arrival is what keeps one user from stalling the others: a flood is counted
//! when it is sent, not when its replies go out (which the Throttle adaptor paces at about one
//! per second per chat), and what exceeds the limit or its chat's queue is dropped before it
//! queues, with one "slow down" per burst. Each chat's lane is bounded and runs beside the
//! others, so a chat's backlog delays only that chat.

use std::sync::Arc;

use teloxide::adaptors::Throttle;
use teloxide::payloads::{
    AnswerCallbackQuerySetters, AnswerInlineQuerySetters, EditMessageTextInlineSetters,
    EditMessageTextSetters, SendMessageSetters,
};
use teloxide::requests::{Request as TgRequest, Requester};
use teloxide::types::{
    CallbackQuery, ChatId, InlineKeyboardButtonKind, InlineQuery, Me, MessageId, ParseMode,
    ReplyParameters, Update, UpdateKind, User,
};
use teloxide::{ApiError, Bot, RequestError};
use tracing::{debug, warn};

use super::Ctx;
use super::callback::DecodeError;
use super::commands::{Addressing, classify};
use super::render::{self, INLINE, INLINE_PAGE, no_preview};
use crate::bots::DELIVER_WITHIN;
use crate::bots::flood::Verdict;
use crate::bots::work::{InFlight, Lanes, Refused};
use crate::i18n::Locale;
use crate::present::{Notice, Origin, Reply, Request, answer_of, view};
use crate::service::Platform;

/// The bot as handlers see it: rate-limited by the Throttle adaptor, which also retries
/// `send*` calls that get a 429; every reply also goes through
/// [`crate::bots::Connection::deliver`], which retries transient faults.
pub type TgBot = Throttle<Bot>;

/// Jobs one chat may have queued or running; past that, its requests are refused at once.
/// At Telegram's pace of one message per second in a chat, a full lane drains in about five
/// seconds, within the shutdown grace period.
pub const LANE_DEPTH: usize = 5;

/// What an update asks for, decided when it arrives.
enum Work {
    /// Answer a message with the reply to `request`, or with "slow down" when `None`.
    Message {
        to: Asker,
        request: Option<Request>,
        locale: Locale,
    },
    /// Answer a button press; `allowed` is false when its user is over the limit.
    Callback {
        q: Box<CallbackQuery>,
        allowed: bool,
    },
    /// Answer an inline query; `allowed` is false when it is empty or over the limit.
    Inline { q: Box<InlineQuery>, allowed: bool },
}

/// The message a reply answers, and who sent it (for the query log, which stores only a
/// daily hash of it).
#[derive(Debug, Clone, Copy)]
struct Asker {
    chat: ChatId,
    message: MessageId,
    private: bool,
    user: u64,
}

/// Where an update's work goes.
enum Decision {
    /// Run `work` in `lane`; if the lane is full and `refused` names a sender, treat it as
    /// refused: that sender may get the notice, once per burst.
    Run {
        lane: i64,
        work: Work,
        refused: Option<(u64, Work)>,
    },
    /// The sender is over the limit and gets this notice, past the lane's depth.
    Warn { lane: i64, notice: Work },
}

/// Takes updates on and runs their work in per-chat lanes.
#[derive(Clone)]
pub struct Dispatcher {
    bot: TgBot,
    me: Arc<Me>,
    ctx: Arc<Ctx>,
    lanes: Lanes<i64>,
}

impl Dispatcher {
    /// A dispatcher answering as `me`.
    pub fn new(bot: TgBot, me: Me, ctx: Arc<Ctx>) -> Dispatcher {
        Dispatcher {
            bot,
            me: Arc::new(me),
            ctx,
            lanes: Lanes::new(LANE_DEPTH),
        }
    }

    /// The work taken on and not finished.
    pub fn work(&self) -> &InFlight {
        self.lanes.work()
    }

    /// Takes `update` on: decides now whether it is for the bot and within its sender's
    /// limit, and queues what it needs. `receipt` is held until that work is done (dropped at
    /// once when there is none).
    pub fn take<R: Clone + Send + 'static>(&self, update: Update, receipt: R) {
        let Some(decision) = self.decide(update) else {
            return;
        };
        let (lane, notice) = match decision {
            Decision::Run {
                lane,
                work,
                refused,
            } => {
                match self.lanes.push(lane, self.job(work, receipt.clone())) {
                    Ok(()) => return,
                    Err(Refused::Closed) => {
                        debug!("shutting down: an update arrived too late to be taken on");
                        return;
                    }
                    Err(Refused::Full) => debug!(chat = lane, "the chat's queue is full"),
                }
                match refused {
                    Some((who, notice)) if self.ctx.flood.refuse(who) == Verdict::Warn => {
                        (lane, notice)
                    }
                    _ => return,
                }
            }
            Decision::Warn { lane, notice } => (lane, notice),
        };
        // Refused only when the lane already holds a notice, or on shutdown.
        let _ = self.lanes.push_over(lane, self.job(notice, receipt));
    }

    fn job<R: Send + 'static>(
        &self,
        work: Work,
        receipt: R,
    ) -> impl Future<Output = ()> + Send + 'static {
        let this = self.clone();
        async move {
            this.run(work).await;
            drop(receipt);
        }
    }

    fn decide(&self, update: Update) -> Option<Decision> {
        let ctx = &self.ctx;
        match update.kind {
            UpdateKind::Message(msg) => {
                let text = msg.text()?;
                let reply_to_bot = msg
                    .reply_to_message()
                    .and_then(|m| m.from.as_ref())
                    .is_some_and(|u| u.id == self.me.user.id);
                let at = Addressing {
                    private: msg.chat.is_private(),
                    username: self.me.user.username.as_deref().unwrap_or_default(),
                    reply_to_bot,
                };
                let request = classify(text, at)?;
                debug!(chat = msg.chat.id.0, text, "message for the bot");
                let user = msg.from.as_ref();
                let locale = locale_of(user);
                // Anonymous group admins have no `from`; the chat stands in for them.
                let who = user.map_or(msg.chat.id.0.unsigned_abs(), |u| u.id.0);
                let lane = msg.chat.id.0;
                let to = Asker {
                    chat: msg.chat.id,
                    message: msg.id,
                    private: msg.chat.is_private(),
                    user: who,
                };
                let notice = Work::Message {
                    to,
                    request: None,
                    locale,
                };
                match ctx.flood.check(who) {
                    Verdict::Allow => Some(Decision::Run {
                        lane,
                        work: Work::Message {
                            to,
                            request: Some(request),
                            locale,
                        },
                        refused: Some((who, notice)),
                    }),
                    Verdict::Warn => Some(Decision::Warn { lane, notice }),
                    Verdict::Drop => None,
                }
            }
            UpdateKind::CallbackQuery(q) => {
                debug!(user = q.from.id.0, data = q.data, "button pressed");
                // Over the limit, the press is still answered, or the button keeps spinning.
                let allowed = ctx.flood.check(q.from.id.0) == Verdict::Allow;
                let lane = q
                    .message
                    .as_ref()
                    .map_or_else(|| user_lane(&q.from), |m| m.chat().id.0);
                Some(Decision::Run {
                    lane,
                    work: Work::Callback {
                        q: q.into(),
                        allowed,
                    },
                    refused: None,
                })
            }
            UpdateKind::InlineQuery(q) => {
                let query = q.query.trim();
                debug!(user = q.from.id.0, query, offset = q.offset, "inline query");
                // Typing in inline mode sends a query per pause, so it has its own, larger
                // allowance.
                let allowed =
                    !query.is_empty() && ctx.inline_flood.check(q.from.id.0) == Verdict::Allow;
                Some(Decision::Run {
                    lane: user_lane(&q.from),
                    work: Work::Inline {
                        q: q.into(),
                        allowed,
                    },
                    refused: None,
                })
            }
            UpdateKind::Error(_) => {
                warn!(
                    update_id = update.id.0,
                    "skipping an update that does not parse as the Bot API documents it"
                );
                None
            }
            // Kinds we did not subscribe to.
            _ => None,
        }
    }

    async fn run(&self, work: Work) {
        let (bot, ctx) = (&self.bot, &*self.ctx);
        match work {
            Work::Message {
                to,
                request,
                locale,
            } => on_message(bot, ctx, to, request, locale).await,
            Work::Callback { q, allowed } => on_callback(bot, ctx, &q, allowed).await,
            Work::Inline { q, allowed } => on_inline(bot, ctx, &q, allowed).await,
        }
    }
}

/// The lane of what has no chat (inline queries, presses in inline messages): the user's,
/// which is also their private chat's (Telegram gives both the same id).
fn user_lane(user: &User) -> i64 {
    i64::try_from(user.id.0).unwrap_or(i64::MAX)
}

fn locale_of(user: Option<&User>) -> Locale {
    Locale::from_tag(user.and_then(|u| u.language_code.as_deref()))
}

async fn on_message(bot: &TgBot, ctx: &Ctx, to: Asker, request: Option<Request>, locale: Locale) {
    let reply = match request {
        Some(request) => {
            let origin = Origin {
                user: Some(to.user),
                answer: None,
            };
            ctx.presenter.respond_from(request, locale, origin)
        }
        None => Reply::Notice(Notice::SlowDown),
    };
    let reply = match reply {
        Reply::Show(view) => render::message(&view, &ctx.codec),
        Reply::Notice(notice) => render::notice(notice, locale),
    };
    let mut send = bot
        .send_message(to.chat, reply.text)
        .parse_mode(ParseMode::Html)
        .link_preview_options(no_preview());
    if !reply.keyboard.inline_keyboard.is_empty() {
        send = send.reply_markup(reply.keyboard);
    }
    if !to.private {
        // In a busy group, say which message this answers.
        let mut parameters = ReplyParameters::new(to.message);
        parameters.allow_sending_without_reply = Some(true);
        send = send.reply_parameters(parameters);
    }
    // A failure is counted and logged by `deliver`; there is no one else to tell.
    let _ = ctx
        .connection
        .deliver("sending a reply", DELIVER_WITHIN, || send.send_ref())
        .await;
}

async fn on_callback(bot: &TgBot, ctx: &Ctx, q: &CallbackQuery, allowed: bool) {
    let locale = locale_of(Some(&q.from));
    let data = q.data.as_deref().unwrap_or_default();
    let reply = if allowed {
        match ctx.codec.resolve(data).await {
            Ok(action) => {
                let origin = Origin {
                    user: Some(q.from.id.0),
                    answer: shown_answer(q, ctx),
                };
                let request = Request::Act(action);
                Some(ctx.presenter.respond_from(request, locale, origin))
            }
            Err(DecodeError::Expired) => Some(Reply::Notice(Notice::Expired)),
            Err(DecodeError::Malformed) => None,
        }
    } else {
        Some(Reply::Notice(Notice::SlowDown))
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
    let answered = ctx
        .connection
        .deliver("answering a button press", DELIVER_WITHIN, || {
            answer.send_ref()
        })
        .await;
    let Some(view) = view.filter(|_| answered.is_ok()) else {
        return;
    };
    let view = render::message(&view, &ctx.codec);
    if let Some(message) = &q.message {
        let edit = bot
            .edit_message_text(message.chat().id, message.id(), view.text)
            .parse_mode(ParseMode::Html)
            .link_preview_options(no_preview())
            .reply_markup(view.keyboard);
        edit_message(ctx, &edit).await;
    } else if let Some(id) = &q.inline_message_id {
        let edit = bot
            .edit_message_text_inline(id.clone(), view.text)
            .parse_mode(ParseMode::Html)
            .disable_web_page_preview(true)
            .reply_markup(view.keyboard);
        edit_message(ctx, &edit).await;
    }
}

/// The answer the pressed button's message shows, read from its feedback buttons.
fn shown_answer(q: &CallbackQuery, ctx: &Ctx) -> Option<crate::store::AnswerId> {
    let keyboard = q.regular_message()?.reply_markup()?;
    let actions: Vec<_> = keyboard
        .inline_keyboard
        .iter()
        .flatten()
        .filter_map(|b| match &b.kind {
            InlineKeyboardButtonKind::CallbackData(data) => ctx.codec.decode(data).ok(),
            _ => None,
        })
        .collect();
    answer_of(&actions)
}

/// Sends an edit; an edit that changes nothing (the button of the page already shown) is not
/// a failure.
async fn edit_message<R: TgRequest<Err = RequestError>>(ctx: &Ctx, edit: &R) {
    let _ = ctx
        .connection
        .deliver("editing a message", DELIVER_WITHIN, || {
            let sent = edit.send_ref();
            async move {
                match sent.await {
                    Ok(_) | Err(RequestError::Api(ApiError::MessageNotModified)) => Ok(()),
                    Err(err) => Err(err),
                }
            }
        })
        .await;
}

async fn on_inline(bot: &TgBot, ctx: &Ctx, q: &InlineQuery, allowed: bool) {
    let locale = locale_of(Some(&q.from));
    let (results, next) = if allowed {
        let offset = q.offset.parse::<usize>().unwrap_or(0);
        let services = ctx.presenter.services();
        let answer = services.ask_page(Platform::Telegram, q.query.trim(), offset, INLINE_PAGE);
        let next = answer.next_offset().map(|n| n.to_string());
        let view = view::answer(&answer, locale, INLINE_PAGE, &INLINE);
        (render::inline_articles(&view), next.unwrap_or_default())
    } else {
        (Vec::new(), String::new())
    };
    // Results depend on the user's language, so they must not be cached across users.
    let answer = bot
        .answer_inline_query(q.id.clone(), results)
        .next_offset(next)
        .is_personal(true)
        .cache_time(30);
    let _ = ctx
        .connection
        .deliver("answering an inline query", DELIVER_WITHIN, || {
            answer.send_ref()
        })
        .await;
}
