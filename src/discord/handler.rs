//! The serenity event handler: registers the commands on READY, tracks connection health, and
//! turns each interaction into a request to the presenter and its reply back.
//!
//! Every interaction is work in flight: shutdown waits for it to be answered, and one that
//! arrives once shutdown has begun is left unacknowledged — Discord tells its user it failed —
//! rather than acknowledged and then dropped.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use serenity::all::{
    ActionRowComponent, Button, ButtonKind, Command, CommandInteraction, ComponentInteraction,
    ComponentInteractionDataKind, ConnectionStage, Context, CreateInteractionResponse,
    CreateInteractionResponseMessage, EventHandler, GuildId, Interaction, InteractionId, Ready,
    ResumedEvent, ShardStageUpdateEvent,
};
use tracing::{debug, info, warn};

use crate::bots::work::InFlight;
use crate::bots::{Connection, DELIVER_WITHIN};
use crate::i18n::Locale;
use crate::present::{Action, Notice, Origin, Presenter, Reply, Request, answer_of};
use crate::service::AdapterState;

use super::render::{self, CHOICES};
use super::{commands, custom_id};

/// Handles gateway events for every shard of this process.
pub(crate) struct Handler {
    pub(crate) presenter: Presenter,
    pub(crate) connection: Arc<Connection>,
    pub(crate) guild_id: u64,
    pub(crate) ephemeral: bool,
    /// How long an answer may take before the interaction is deferred.
    pub(crate) defer_after: Duration,
    /// Set once shutdown begins, so that shards closing are not reported as reconnecting.
    pub(crate) stopping: Arc<AtomicBool>,
    /// Commands are registered on the first READY only; a later READY (a new session after a
    /// reconnect, another shard) would overwrite them with the same list.
    pub(crate) registered: AtomicBool,
    /// Interactions being answered; closed at shutdown.
    pub(crate) work: InFlight,
}

/// Discord wants the first response to an interaction within 3 s of its creation; retries of
/// it stop in time to leave room for the network.
const FIRST_RESPONSE_WITHIN: Duration = Duration::from_millis(2500);

/// How an interaction is answered.
#[derive(Debug, Clone, Copy)]
enum Mode {
    /// A new message.
    New { ephemeral: bool },
    /// An update of the message whose component was used.
    Update,
}

#[serenity::async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        self.connection.set(AdapterState::Connected);
        info!(bot = %ready.user.name, shard = ?ready.shard.map(|s| s.id.0), "discord: connected");
        if self.registered.swap(true, Ordering::SeqCst) {
            return;
        }
        let list = commands::all();
        let (scope, result) = if self.guild_id != 0 {
            let guild = GuildId::new(self.guild_id);
            ("guild", guild.set_commands(&ctx.http, list).await)
        } else {
            (
                "global",
                Command::set_global_commands(&ctx.http, list).await,
            )
        };
        match result {
            Ok(registered) => info!(
                scope,
                count = registered.len(),
                "discord: commands registered"
            ),
            Err(err) => {
                self.registered.store(false, Ordering::SeqCst);
                self.connection.report("registering commands", &err);
            }
        }
    }

    async fn resume(&self, _ctx: Context, _event: ResumedEvent) {
        self.connection.set(AdapterState::Connected);
    }

    async fn shard_stage_update(&self, _ctx: Context, event: ShardStageUpdateEvent) {
        if self.stopping.load(Ordering::SeqCst) {
            return;
        }
        if event.new == ConnectionStage::Connected {
            self.connection.set(AdapterState::Connected);
        } else if event.old == ConnectionStage::Connected {
            info!(shard = event.shard_id.0, stage = ?event.new, "discord: disconnected; reconnecting");
            self.connection.set(AdapterState::Reconnecting);
        }
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let Some(_ticket) = self.work.enter() else {
            debug!("discord: shutting down; leaving an interaction unacknowledged");
            return;
        };
        match interaction {
            Interaction::Command(cmd) => self.command(&ctx, &cmd).await,
            Interaction::Component(component) => self.component(&ctx, &component).await,
            Interaction::Autocomplete(ac) => self.autocomplete(&ctx, &ac).await,
            other => debug!(kind = ?other.kind(), "discord: ignoring interaction"),
        }
    }
}

impl Handler {
    async fn command(&self, ctx: &Context, cmd: &CommandInteraction) {
        let locale = Locale::from_tag(Some(&cmd.locale));
        let option = |name: &str| {
            let value = cmd.data.options.iter().find(|o| o.name == name);
            value
                .and_then(|o| o.value.as_str())
                .unwrap_or_default()
                .trim()
                .to_owned()
        };
        let request = match cmd.data.name.as_str() {
            commands::ASK => Ok(Request::Ask(option(commands::QUERY))),
            commands::TOPICS => {
                let topic = option(commands::TOPIC);
                Ok(Request::Browse((!topic.is_empty()).then_some(topic)))
            }
            commands::HELP => Ok(Request::Help),
            // A command registered by an older version and not yet overwritten.
            _ => Err(Notice::SomethingWentWrong),
        };
        debug!(command = %cmd.data.name, ?request, "discord: command");
        let mode = Mode::New {
            ephemeral: self.ephemeral,
        };
        let origin = Origin {
            user: Some(cmd.user.id.get()),
            answer: None,
        };
        self.respond(ctx, cmd.id, &cmd.token, mode, locale, (request, origin))
            .await;
    }

    async fn component(&self, ctx: &Context, component: &ComponentInteraction) {
        let locale = Locale::from_tag(Some(&component.locale));
        let id = component.data.custom_id.as_str();
        let footer = component
            .message
            .embeds
            .first()
            .and_then(|e| e.footer.as_ref());
        let action = match &component.data.kind {
            ComponentInteractionDataKind::StringSelect { values }
                if id == custom_id::TOPIC_SELECT =>
            {
                values.first().map(|id| Ok(Action::topic(id)))
            }
            ComponentInteractionDataKind::Button => {
                custom_id::decode(id, footer.map(|f| f.text.as_str()))
            }
            _ => None,
        };
        debug!(custom_id = id, "discord: component");
        let request = action
            .unwrap_or(Err(Notice::SomethingWentWrong))
            .map(Request::Act);
        let origin = Origin {
            user: Some(component.user.id.get()),
            answer: shown_answer(component),
        };
        self.respond(
            ctx,
            component.id,
            &component.token,
            Mode::Update,
            locale,
            (request, origin),
        )
        .await;
    }

    async fn autocomplete(&self, ctx: &Context, ac: &CommandInteraction) {
        let locale = Locale::from_tag(Some(&ac.locale));
        let Some(focused) = ac.data.autocomplete() else {
            return;
        };
        debug!(option = focused.name, partial = %focused.value, "discord: autocomplete");
        // Autocomplete cannot be deferred; the core answers in microseconds.
        let services = self.presenter.services();
        let choices = match (ac.data.name.as_str(), focused.name) {
            (commands::ASK, commands::QUERY) => {
                render::ask_choices(&services.complete(focused.value, CHOICES))
            }
            (commands::TOPICS, commands::TOPIC) => {
                render::topic_choices(&services.complete_topics(focused.value, CHOICES), locale)
            }
            _ => Vec::new(),
        };
        let response = CreateInteractionResponse::Autocomplete(render::choices_response(&choices));
        if let Err(err) = ctx
            .http
            .create_interaction_response(ac.id, &ac.token, &response, Vec::new())
            .await
        {
            self.connection.report("answering autocomplete", &err);
        }
    }

    /// Answers an interaction with the presenter's reply to `request` (or with the notice it
    /// failed with), sent from `origin` (for the query log). The core is fast, but a starved runtime or a huge catalogue must not miss
    /// Discord's 3-second deadline: when the answer takes longer than `defer_after`, the
    /// interaction is deferred and the answer edited in. Notices go to the asker alone.
    async fn respond(
        &self,
        ctx: &Context,
        id: InteractionId,
        token: &str,
        mode: Mode,
        locale: Locale,
        (request, origin): (Result<Request, Notice>, Origin),
    ) {
        let received = Instant::now();
        let first_within = || FIRST_RESPONSE_WITHIN.saturating_sub(received.elapsed());
        let connection = &self.connection;
        let presenter = self.presenter.clone();
        let mut task = tokio::task::spawn_blocking(move || match request {
            Ok(request) => presenter.respond_from(request, locale, origin),
            Err(notice) => Reply::Notice(notice),
        });
        // Zero means "always defer", which a zero timeout would not guarantee.
        let early = if self.defer_after.is_zero() {
            None
        } else {
            tokio::time::timeout(self.defer_after, &mut task).await.ok()
        };
        // Failures are counted and logged by `deliver`.
        let _ = match early {
            Some(joined) => {
                let (reply, mode) = checked(joined, mode, locale);
                let response = match mode {
                    Mode::New { ephemeral } => {
                        CreateInteractionResponse::Message(render::response(&reply, ephemeral))
                    }
                    Mode::Update => {
                        CreateInteractionResponse::UpdateMessage(render::response(&reply, false))
                    }
                };
                let send = || {
                    ctx.http
                        .create_interaction_response(id, token, &response, Vec::new())
                };
                connection
                    .deliver("answering an interaction", first_within(), send)
                    .await
            }
            None => {
                debug!("discord: answer is slow; deferring");
                let defer = match mode {
                    Mode::New { ephemeral } => CreateInteractionResponse::Defer(
                        CreateInteractionResponseMessage::new().ephemeral(ephemeral),
                    ),
                    Mode::Update => CreateInteractionResponse::Acknowledge,
                };
                let send = || {
                    ctx.http
                        .create_interaction_response(id, token, &defer, Vec::new())
                };
                match connection
                    .deliver("deferring an interaction", first_within(), send)
                    .await
                {
                    Ok(()) => {
                        let (reply, _) = checked(task.await, mode, locale);
                        let edit = render::edit(&reply);
                        let send = || {
                            ctx.http
                                .edit_original_interaction_response(token, &edit, Vec::new())
                        };
                        connection
                            .deliver("answering a deferred interaction", DELIVER_WITHIN, send)
                            .await
                            .map(drop)
                    }
                    Err(err) => Err(err),
                }
            }
        };
    }
}

/// The answer the message of a pressed component shows, read from its feedback buttons.
fn shown_answer(component: &ComponentInteraction) -> Option<crate::store::AnswerId> {
    let actions: Vec<Action> = component
        .message
        .components
        .iter()
        .flat_map(|row| &row.components)
        .filter_map(|c| match c {
            ActionRowComponent::Button(Button {
                data: ButtonKind::NonLink { custom_id, .. },
                ..
            }) => custom_id::decode(custom_id, None)?.ok(),
            _ => None,
        })
        .collect();
    answer_of(&actions)
}

/// The marked-up reply and how to send it: a notice, or a reply that panicked or broke a
/// Discord limit (Discord would answer it with a 400), becomes a private message.
fn checked(
    joined: Result<Reply, tokio::task::JoinError>,
    mode: Mode,
    locale: Locale,
) -> (render::Reply, Mode) {
    let private = Mode::New { ephemeral: true };
    let sorry = || render::notice(Notice::SomethingWentWrong, locale);
    match joined {
        Ok(Reply::Show(view)) => {
            let reply = render::message(&view);
            match render::check(&reply) {
                Ok(()) => (reply, mode),
                Err(why) => {
                    warn!(
                        why,
                        "discord: reply breaks a Discord limit; sending an apology"
                    );
                    (sorry(), private)
                }
            }
        }
        Ok(Reply::Notice(notice)) => (render::notice(notice, locale), private),
        Err(err) => {
            warn!(error = %err, "discord: answering failed");
            (sorry(), private)
        }
    }
}
