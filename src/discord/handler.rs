//! The serenity event handler: registers the commands on READY, tracks connection health, and
//! turns each interaction into a question for the core and the rendered answer back.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serenity::all::{
    Command, CommandInteraction, ComponentInteraction, ComponentInteractionDataKind,
    ConnectionStage, Context, CreateInteractionResponse, CreateInteractionResponseMessage,
    EventHandler, GuildId, Interaction, InteractionId, Ready, ResumedEvent, ShardStageUpdateEvent,
};
use tracing::{debug, info, warn};

use crate::answer::Completion;
use crate::catalogue::Catalogue;
use crate::i18n::Locale;
use crate::service::{AdapterState, Platform, Services};

use super::custom_id::Action;
use super::render::{self, Reply};
use super::{commands, convert, describe};

/// Work that produces a reply, run off the async threads (see `respond`).
type Compute = Box<dyn FnOnce() -> Reply + Send>;

/// Handles gateway events for every shard of this process.
pub(crate) struct Handler {
    pub(crate) services: Services,
    pub(crate) guild_id: u64,
    pub(crate) ephemeral: bool,
    /// How long an answer may take before the interaction is deferred.
    pub(crate) defer_after: Duration,
    /// Set once shutdown begins, so that shards closing are not reported as reconnecting.
    pub(crate) stopping: Arc<AtomicBool>,
    /// Commands are registered on the first READY only; a later READY (a new session after a
    /// reconnect, another shard) would overwrite them with the same list.
    pub(crate) registered: AtomicBool,
}

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
        self.services
            .health()
            .set(Platform::Discord, AdapterState::Connected);
        info!(bot = %ready.user.name, shard = ?ready.shard.map(|s| s.id.0), "discord: connected");
        if self.registered.swap(true, Ordering::SeqCst) {
            return;
        }
        let list = commands::all();
        let (scope, result) = if self.guild_id != 0 {
            (
                "guild",
                GuildId::new(self.guild_id)
                    .set_commands(&ctx.http, list)
                    .await,
            )
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
                self.rest_error("registering commands", &err);
            }
        }
    }

    async fn resume(&self, _ctx: Context, _event: ResumedEvent) {
        self.services
            .health()
            .set(Platform::Discord, AdapterState::Connected);
    }

    async fn shard_stage_update(&self, _ctx: Context, event: ShardStageUpdateEvent) {
        if self.stopping.load(Ordering::SeqCst) {
            return;
        }
        if event.new == ConnectionStage::Connected {
            self.services
                .health()
                .set(Platform::Discord, AdapterState::Connected);
        } else if event.old == ConnectionStage::Connected {
            info!(shard = event.shard_id.0, stage = ?event.new, "discord: disconnected; reconnecting");
            self.services
                .health()
                .set(Platform::Discord, AdapterState::Reconnecting);
        }
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
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
            cmd.data
                .options
                .iter()
                .find(|o| o.name == name)
                .and_then(|o| o.value.as_str())
                .map(str::trim)
        };
        let new = Mode::New {
            ephemeral: self.ephemeral,
        };
        let services = self.services.clone();
        match cmd.data.name.as_str() {
            commands::ASK => {
                let query = option(commands::QUERY).unwrap_or_default().to_owned();
                debug!(query = %query, "discord: /ask");
                if query.is_empty() {
                    let usage = render::notice(locale.ask_usage());
                    return self
                        .respond(
                            ctx,
                            cmd.id,
                            &cmd.token,
                            Mode::New { ephemeral: true },
                            locale,
                            || usage,
                        )
                        .await;
                }
                let page_size = services.page_size();
                let compute = move || {
                    render::answer(
                        &services.ask(Platform::Discord, &query, 0),
                        locale,
                        page_size,
                    )
                };
                self.respond(ctx, cmd.id, &cmd.token, new, locale, compute)
                    .await;
            }
            commands::TOPICS => {
                let topic = option(commands::TOPIC)
                    .filter(|t| !t.is_empty())
                    .map(str::to_owned);
                debug!(topic = ?topic, "discord: /topics");
                let compute = move || {
                    let engine = services.engine();
                    let catalogue = engine.catalogue();
                    match topic {
                        None => render::topic_roots(catalogue, locale),
                        Some(t) => match engine.find_topic(&t) {
                            Some(idx) => {
                                render::topic_page(catalogue, idx, 0, services.page_size(), locale)
                            }
                            None => render::unknown_topic(locale),
                        },
                    }
                };
                self.respond(ctx, cmd.id, &cmd.token, new, locale, compute)
                    .await;
            }
            commands::HELP => {
                self.respond(ctx, cmd.id, &cmd.token, new, locale, move || {
                    render::help(locale)
                })
                .await
            }
            other => {
                // A command registered by an older version and not yet overwritten.
                debug!(command = other, "discord: unknown command");
                let sorry = render::notice(locale.something_went_wrong());
                self.respond(
                    ctx,
                    cmd.id,
                    &cmd.token,
                    Mode::New { ephemeral: true },
                    locale,
                    || sorry,
                )
                .await;
            }
        }
    }

    async fn component(&self, ctx: &Context, component: &ComponentInteraction) {
        let locale = Locale::from_tag(Some(&component.locale));
        let sorry = Mode::New { ephemeral: true };
        let action = match &component.data.kind {
            ComponentInteractionDataKind::StringSelect { values } => {
                match Action::decode(&component.data.custom_id) {
                    Some(Action::TopicSelect) => values.first().map(|id| Action::Topic {
                        id: Some(id.clone()),
                        offset: 0,
                    }),
                    _ => None,
                }
            }
            ComponentInteractionDataKind::Button => Action::decode(&component.data.custom_id),
            _ => None,
        };
        debug!(custom_id = %component.data.custom_id, "discord: component");
        let services = self.services.clone();
        let page_size = services.page_size();
        let sorry_with = |reply: Reply| -> (Mode, Compute) { (sorry, Box::new(move || reply)) };
        let (mode, compute): (Mode, Compute) = match action {
            Some(Action::Ask { offset, query }) => {
                let footer = component
                    .message
                    .embeds
                    .first()
                    .and_then(|e| e.footer.as_ref())
                    .map(|f| f.text.as_str());
                let query = query.or_else(|| {
                    footer
                        .and_then(render::query_from_footer)
                        .map(str::to_owned)
                });
                match query {
                    Some(query) => (
                        Mode::Update,
                        Box::new(move || {
                            let answer = services.ask(Platform::Discord, &query, offset);
                            render::answer(&answer, locale, page_size)
                        }),
                    ),
                    None => sorry_with(render::notice(locale.something_went_wrong())),
                }
            }
            Some(Action::Topic { id: None, .. }) => (
                Mode::Update,
                Box::new(move || render::topic_roots(services.engine().catalogue(), locale)),
            ),
            // A button from before a catalogue reload may name a topic that is gone: say so to
            // the one who clicked, and leave the message alone.
            Some(Action::Topic { id: Some(id), .. })
                if self
                    .services
                    .engine()
                    .catalogue()
                    .topic_by_id(&id)
                    .is_none() =>
            {
                sorry_with(render::unknown_topic(locale))
            }
            Some(Action::Topic {
                id: Some(id),
                offset,
            }) => (
                Mode::Update,
                Box::new(move || {
                    let engine = services.engine();
                    let catalogue = engine.catalogue();
                    match catalogue.topic_by_id(&id) {
                        Some(t) => render::topic_page(catalogue, t, offset, page_size, locale),
                        None => render::unknown_topic(locale),
                    }
                }),
            ),
            Some(Action::TopicSelect) | None => {
                sorry_with(render::notice(locale.something_went_wrong()))
            }
        };
        self.respond(ctx, component.id, &component.token, mode, locale, compute)
            .await;
    }

    async fn autocomplete(&self, ctx: &Context, ac: &CommandInteraction) {
        let locale = Locale::from_tag(Some(&ac.locale));
        let Some(focused) = ac.data.autocomplete() else {
            return;
        };
        debug!(option = focused.name, partial = %focused.value, "discord: autocomplete");
        // Autocomplete cannot be deferred; the core answers in microseconds.
        let choices = match (ac.data.name.as_str(), focused.name) {
            (commands::ASK, commands::QUERY) => {
                let completions = if focused.value.trim().is_empty() {
                    root_completions(self.services.engine().catalogue())
                } else {
                    self.services
                        .complete(focused.value, crate::discord::limits::CHOICES)
                };
                render::ask_choices(&completions)
            }
            (commands::TOPICS, commands::TOPIC) => {
                render::topic_choices(self.services.engine().catalogue(), focused.value, locale)
            }
            _ => Vec::new(),
        };
        let response = CreateInteractionResponse::Autocomplete(convert::choices(&choices));
        if let Err(err) = ctx
            .http
            .create_interaction_response(ac.id, &ac.token, &response, Vec::new())
            .await
        {
            self.rest_error("answering autocomplete", &err);
        }
    }

    /// Answers an interaction with what `compute` renders. The core is fast, but a starved
    /// runtime or a huge catalogue must not miss Discord's 3-second deadline: when the answer
    /// takes longer than `defer_after`, the interaction is deferred and the answer edited in.
    async fn respond<F>(
        &self,
        ctx: &Context,
        id: InteractionId,
        token: &str,
        mode: Mode,
        locale: Locale,
        compute: F,
    ) where
        F: FnOnce() -> Reply + Send + 'static,
    {
        let mut task = tokio::task::spawn_blocking(compute);
        // Zero means "always defer", which a zero timeout would not guarantee.
        let early = if self.defer_after.is_zero() {
            None
        } else {
            tokio::time::timeout(self.defer_after, &mut task).await.ok()
        };
        let result = match early {
            Some(joined) => {
                let reply = checked(joined, locale);
                let response = match mode {
                    Mode::New { ephemeral } => {
                        CreateInteractionResponse::Message(convert::message(&reply, ephemeral))
                    }
                    Mode::Update => {
                        CreateInteractionResponse::UpdateMessage(convert::message(&reply, false))
                    }
                };
                ctx.http
                    .create_interaction_response(id, token, &response, Vec::new())
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
                match ctx
                    .http
                    .create_interaction_response(id, token, &defer, Vec::new())
                    .await
                {
                    Ok(()) => {
                        let reply = checked(task.await, locale);
                        let edit = convert::edit(&reply);
                        ctx.http
                            .edit_original_interaction_response(token, &edit, Vec::new())
                            .await
                            .map(|_| ())
                    }
                    Err(err) => Err(err),
                }
            }
        };
        if let Err(err) = result {
            self.rest_error("answering an interaction", &err);
        }
    }

    fn rest_error(&self, what: &str, err: &serenity::Error) {
        self.services.metrics().adapter_error(Platform::Discord);
        warn!(error = %describe(err), "discord: {what} failed");
    }
}

/// The rendered reply, or an apology when rendering panicked or broke a Discord limit (which
/// Discord would answer with a 400 and the user would see "This interaction failed").
fn checked(joined: Result<Reply, tokio::task::JoinError>, locale: Locale) -> Reply {
    match joined {
        Ok(reply) => match render::check(&reply) {
            Ok(()) => reply,
            Err(why) => {
                warn!(
                    why,
                    "discord: rendered reply breaks a Discord limit; sending an apology"
                );
                render::notice(locale.something_went_wrong())
            }
        },
        Err(err) => {
            warn!(error = %err, "discord: rendering failed");
            render::notice(locale.something_went_wrong())
        }
    }
}

/// What `/ask` offers before anything is typed: the top-level topics.
fn root_completions(catalogue: &Catalogue) -> Vec<Completion> {
    catalogue
        .roots()
        .map(|t| {
            let topic = catalogue.topic(t);
            let label = if topic.name == topic.name_en {
                topic.name.clone()
            } else {
                format!("{} · {}", topic.name_en, topic.name)
            };
            Completion {
                label,
                value: topic.name_en.clone(),
            }
        })
        .collect()
}
