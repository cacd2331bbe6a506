//! What every adapter is handed: the current engine (swappable on reload), metrics, and a
//! place to report its connection state for `/healthz`.
//!
//! Front ends ask questions through [`Services::ask`] (the one place questions are measured;
//! [`Services::question`] also records a new question in the query log, and
//! [`Services::follow_up`] a button pressed on its answer) and browse through
//! [`Services::browse`], and never hold an engine across a reload: each call loads the current
//! one.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use arc_swap::ArcSwap;
use prometheus_client::encoding::{EncodeLabelSet, EncodeLabelValue, LabelValueEncoder};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use serde::Serialize;

use crate::answer::{Answer, Completion, TopicRef};
use crate::browse::Browse;
use crate::i18n::Locale;
use crate::search::Engine;
use crate::store::{AnswerId, FollowUp, MAX_QUERY, Question, Record, Store, StoreMetrics};

pub use crate::platform::Platform;

/// Whether a question found anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// At least one hit.
    Answered,
    /// No hit (small talk included).
    NoResult,
}

/// Label values in Prometheus's lowercase convention.
macro_rules! label_values {
    ($($ty:ty { $($variant:ident => $text:literal),+ $(,)? })+) => {$(
        impl EncodeLabelValue for $ty {
            fn encode(&self, encoder: &mut LabelValueEncoder<'_>) -> Result<(), fmt::Error> {
                fmt::Write::write_str(encoder, match self { $(Self::$variant => $text),+ })
            }
        }
    )+};
}

label_values! {
    Platform { Telegram => "telegram", Discord => "discord", Terminal => "terminal" }
    Outcome { Answered => "answered", NoResult => "no_result" }
    ReloadResult { Ok => "ok", Rejected => "rejected" }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct QueryLabels {
    platform: Platform,
    outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct PlatformLabels {
    platform: Platform,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum ReloadResult {
    Ok,
    Rejected,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct ReloadLabels {
    result: ReloadResult,
}

/// The Prometheus metrics ganhuo exports.
pub struct Metrics {
    registry: Registry,
    queries: Family<QueryLabels, Counter>,
    latency: Family<PlatformLabels, Histogram>,
    adapter_errors: Family<PlatformLabels, Counter>,
    catalogue_resources: Gauge,
    reloads: Family<ReloadLabels, Counter>,
    store: StoreMetrics,
    replies_dropped: Family<PlatformLabels, Counter>,
}

impl fmt::Debug for Metrics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Metrics").finish_non_exhaustive()
    }
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("ganhuo");
        let queries = Family::<QueryLabels, Counter>::default();
        registry.register(
            "queries",
            "Questions answered, by platform and outcome",
            queries.clone(),
        );
        // Answers take microseconds in the core; the buckets reach up to a second so that a
        // slow path (a huge catalogue, a starved runtime) still shows.
        let latency = Family::<PlatformLabels, Histogram>::new_with_constructor(|| {
            Histogram::new(exponential_buckets(0.000_01, 4.0, 10))
        });
        registry.register(
            "answer_latency_seconds",
            "Time to compute an answer",
            latency.clone(),
        );
        let adapter_errors = Family::<PlatformLabels, Counter>::default();
        registry.register(
            "adapter_errors",
            "Errors talking to a chat platform (network, API)",
            adapter_errors.clone(),
        );
        let catalogue_resources = Gauge::default();
        registry.register(
            "catalogue_resources",
            "Resources in the catalogue being served",
            catalogue_resources.clone(),
        );
        let reloads = Family::<ReloadLabels, Counter>::default();
        registry.register(
            "catalogue_reloads",
            "Catalogue reload attempts, by result",
            reloads.clone(),
        );
        // Every reload result is exported from the start, at zero, so that a dashboard or an
        // alert on `rate(...)` sees the series before the first event.
        for result in [ReloadResult::Ok, ReloadResult::Rejected] {
            let _ = reloads.get_or_create(&ReloadLabels { result });
        }
        let store = StoreMetrics::register(&mut registry);
        let replies_dropped = Family::<PlatformLabels, Counter>::default();
        registry.register(
            "replies_dropped",
            "Replies not delivered: given up after retries, or refused by the platform",
            replies_dropped.clone(),
        );
        Metrics {
            registry,
            queries,
            latency,
            adapter_errors,
            catalogue_resources,
            reloads,
            store,
            replies_dropped,
        }
    }
}

impl Metrics {
    /// Exports every per-platform series of `platform` at zero, before its first event.
    pub fn expect_platform(&self, platform: Platform) {
        for outcome in [Outcome::Answered, Outcome::NoResult] {
            let _ = self
                .queries
                .get_or_create(&QueryLabels { platform, outcome });
        }
        // Creating the series is the point; the returned guard is dropped at once.
        let _ = self.latency.get_or_create(&PlatformLabels { platform });
        let _ = self
            .adapter_errors
            .get_or_create(&PlatformLabels { platform });
        let _ = self
            .replies_dropped
            .get_or_create(&PlatformLabels { platform });
    }

    /// Records one answered question.
    pub fn observe_query(&self, platform: Platform, outcome: Outcome, seconds: f64) {
        self.queries
            .get_or_create(&QueryLabels { platform, outcome })
            .inc();
        self.latency
            .get_or_create(&PlatformLabels { platform })
            .observe(seconds);
    }

    /// Records an error talking to a platform.
    pub fn adapter_error(&self, platform: Platform) {
        self.adapter_errors
            .get_or_create(&PlatformLabels { platform })
            .inc();
    }

    /// Records a reply that was not delivered.
    pub fn reply_dropped(&self, platform: Platform) {
        self.replies_dropped
            .get_or_create(&PlatformLabels { platform })
            .inc();
    }

    /// Records a reload attempt.
    pub fn reload(&self, accepted: bool) {
        let result = if accepted {
            ReloadResult::Ok
        } else {
            ReloadResult::Rejected
        };
        self.reloads.get_or_create(&ReloadLabels { result }).inc();
    }

    /// The store's metrics, for the store to update.
    pub fn store(&self) -> &StoreMetrics {
        &self.store
    }

    fn set_catalogue_size(&self, resources: usize) {
        self.catalogue_resources
            .set(i64::try_from(resources).unwrap_or(i64::MAX));
    }

    /// The metrics in Prometheus text format.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut out, &self.registry);
        out
    }
}

/// An adapter's connection state, as `/healthz` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AdapterState {
    /// Not connected yet.
    Starting,
    /// Receiving updates.
    Connected,
    /// Lost the connection; retrying.
    Reconnecting,
    /// Stopped on request.
    Stopped,
    /// Stopped for good (a rejected token).
    Failed,
}

/// Connection states of the configured adapters.
#[derive(Debug, Default)]
pub struct Health {
    states: Mutex<BTreeMap<Platform, AdapterState>>,
}

impl Health {
    /// Records an adapter's state.
    pub fn set(&self, platform: Platform, state: AdapterState) {
        self.lock().insert(platform, state);
    }

    /// Every adapter's state.
    pub fn snapshot(&self) -> BTreeMap<Platform, AdapterState> {
        self.lock().clone()
    }

    /// True when at least one adapter is registered and all are connected.
    pub fn healthy(&self) -> bool {
        let states = self.lock();
        !states.is_empty() && states.values().all(|s| *s == AdapterState::Connected)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<Platform, AdapterState>> {
        // A panic while holding this lock cannot leave the map half-written (single insert),
        // so a poisoned lock is still safe to read.
        self.states
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Why an adapter stopped for good. Transient faults (network, 5xx, rate limits) never end up
/// here: adapters retry those with backoff.
#[derive(Debug, thiserror::Error)]
pub enum AdapterError {
    /// The platform rejected the token; retrying cannot help.
    #[error("{platform} rejected the bot token ({reason}); check the token and restart")]
    Unauthorized {
        /// Which platform.
        platform: Platform,
        /// What it said, without secrets.
        reason: String,
    },
    /// Anything else that cannot be retried (the gateway closed for good, …).
    #[error("{platform}: {message}")]
    Fatal {
        /// Which platform.
        platform: Platform,
        /// What happened, without secrets.
        message: String,
    },
}

/// The shared core, cheap to clone into every handler.
#[derive(Debug, Clone)]
pub struct Services {
    engine: Arc<ArcSwap<Engine>>,
    metrics: Arc<Metrics>,
    health: Arc<Health>,
    page_size: usize,
    store: Option<Store>,
}

/// Who asked a question, as far as the query log needs to know: the language answered in,
/// and the platform's user id, which the store hashes before anything is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Asker {
    /// The language of the answer.
    pub locale: Locale,
    /// The platform's user id, when there is one.
    pub user: Option<u64>,
}

impl Services {
    /// Services over an engine, answering `page_size` results per page (at least one).
    pub fn new(engine: Engine, page_size: usize) -> Services {
        let metrics = Metrics::default();
        metrics.set_catalogue_size(engine.catalogue().resources().len());
        Services {
            engine: Arc::new(ArcSwap::from_pointee(engine)),
            metrics: Arc::new(metrics),
            health: Arc::new(Health::default()),
            page_size: page_size.max(1),
            store: None,
        }
    }

    /// Records questions and button presses in `store` from now on. Its metrics should be
    /// these services' own ([`Metrics::store`]).
    #[must_use]
    pub fn with_store(mut self, store: Store) -> Services {
        self.store = Some(store);
        self
    }

    /// The store, when one is configured.
    pub fn store(&self) -> Option<&Store> {
        self.store.as_ref()
    }

    /// The engine serving now. Hold it for one request, not longer.
    pub fn engine(&self) -> Arc<Engine> {
        self.engine.load_full()
    }

    /// Replaces the engine; requests in flight finish on the old one.
    pub fn replace_engine(&self, engine: Engine) {
        self.metrics
            .set_catalogue_size(engine.catalogue().resources().len());
        self.engine.store(Arc::new(engine));
    }

    /// Answers a question with one page of [`Services::page_size`] hits.
    pub fn ask(&self, platform: Platform, query: &str, offset: usize) -> Answer {
        self.ask_page(platform, query, offset, self.page_size)
    }

    /// Answers a question with up to `limit` hits (Telegram's inline mode takes 50 at once),
    /// and records it in the metrics: every question of every front end passes here.
    pub fn ask_page(&self, platform: Platform, query: &str, offset: usize, limit: usize) -> Answer {
        let started = Instant::now();
        let answer = self.engine().answer(query, offset, limit);
        let outcome = if answer.total == 0 {
            Outcome::NoResult
        } else {
            Outcome::Answered
        };
        self.metrics
            .observe_query(platform, outcome, started.elapsed().as_secs_f64());
        answer
    }

    /// Answers a new question (its first page) and records it in the query log: the id its
    /// answer's buttons carry, or `None` when there is no store, or for small talk, which is
    /// not a question. Recording never waits (see [`Store::record`]).
    pub fn question(
        &self,
        platform: Platform,
        query: &str,
        asker: Asker,
    ) -> (Answer, Option<AnswerId>) {
        let answer = self.ask(platform, query, 0);
        let store = self.store.as_ref().filter(|_| answer.small_talk.is_none());
        let id = store.map(|store| {
            let id = AnswerId::random();
            let normalised = crate::search::normalise::normalise(query);
            store.record(Record::Question(Question {
                id,
                at: crate::store::now(),
                platform,
                query: normalised.chars().take(MAX_QUERY).collect(),
                locale: asker.locale,
                results: answer.total,
                shown: answer.hits.iter().map(|h| h.id.clone()).collect(),
                asker: asker.user,
            }));
            id
        });
        (answer, id)
    }

    /// Records a button pressed on answer `id`: the resources it showed (another page), and
    /// whether it said the answer was helpful (a feedback button). Pressing again updates the
    /// same record, so nothing counts twice.
    pub fn follow_up(&self, id: AnswerId, shown: Vec<String>, helpful: Option<bool>) {
        if let Some(store) = &self.store {
            store.record(Record::FollowUp(FollowUp {
                answer: id,
                at: crate::store::now(),
                shown,
                helpful,
            }));
        }
    }

    /// Browses the topic tree (see [`Engine::browse`]): a page of [`Services::page_size`]
    /// resources of the topic named by id, name or path, or the root topics.
    pub fn browse(&self, topic: Option<&str>, offset: usize) -> Browse {
        self.engine().browse(topic, offset, self.page_size)
    }

    /// Completions for autocomplete (not counted as questions); empty input offers the root
    /// topics.
    pub fn complete(&self, partial: &str, limit: usize) -> Vec<Completion> {
        self.engine().complete(partial, limit)
    }

    /// Topic completions (see [`Engine::complete_topics`]), each as its path from the root:
    /// the last entry is the topic itself.
    pub fn complete_topics(&self, partial: &str, limit: usize) -> Vec<Vec<TopicRef>> {
        let engine = self.engine();
        let catalogue = engine.catalogue();
        engine
            .complete_topics(partial, limit)
            .into_iter()
            .map(|t| {
                catalogue
                    .path(t)
                    .into_iter()
                    .map(|p| TopicRef::new(catalogue, p))
                    .collect()
            })
            .collect()
    }

    /// The metrics to export.
    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }

    /// The adapters' connection states.
    pub fn health(&self) -> &Health {
        &self.health
    }

    /// Results per page.
    pub fn page_size(&self) -> usize {
        self.page_size
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asking_moves_counters() {
        let services = Services::new(Engine::shipped().unwrap(), 5);
        services.ask(Platform::Telegram, "vllm", 0);
        services.ask(Platform::Telegram, "qwertyuiop", 0);
        let text = services.metrics().encode();
        assert!(
            text.contains("ganhuo_queries_total{platform=\"telegram\",outcome=\"answered\"} 1"),
            "{text}"
        );
        assert!(text.contains("outcome=\"no_result\"} 1"), "{text}");
        assert!(text.contains("ganhuo_catalogue_resources 165"), "{text}");
        assert!(
            text.contains("ganhuo_answer_latency_seconds_count{platform=\"telegram\"} 2"),
            "{text}"
        );
    }

    #[test]
    fn every_metric_is_exported_at_zero_before_its_first_event() {
        let services = Services::new(Engine::shipped().unwrap(), 5);
        services.metrics().expect_platform(Platform::Discord);
        let text = services.metrics().encode();
        for series in [
            "ganhuo_queries_total{platform=\"discord\",outcome=\"answered\"} 0",
            "ganhuo_queries_total{platform=\"discord\",outcome=\"no_result\"} 0",
            "ganhuo_answer_latency_seconds_count{platform=\"discord\"} 0",
            "ganhuo_adapter_errors_total{platform=\"discord\"} 0",
            "ganhuo_catalogue_resources 165",
            "ganhuo_catalogue_reloads_total{result=\"ok\"} 0",
            "ganhuo_catalogue_reloads_total{result=\"rejected\"} 0",
        ] {
            assert!(text.contains(series), "{series} in {text}");
        }
        assert!(
            !text.contains("telegram"),
            "only configured platforms: {text}"
        );
    }

    #[test]
    fn health_needs_every_adapter_connected() {
        let health = Health::default();
        assert!(!health.healthy());
        health.set(Platform::Telegram, AdapterState::Connected);
        assert!(health.healthy());
        health.set(Platform::Discord, AdapterState::Reconnecting);
        assert!(!health.healthy());
    }
}
