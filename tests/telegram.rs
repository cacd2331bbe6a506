//! End to end: the real teloxide client inside the Telegram adapter, against a fake Bot API
//! server on 127.0.0.1. Every test asserts on the calls the fake recorded — an update that
//! fails to parse is skipped silently by teloxide, so "nothing crashed" proves nothing.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at its first broken assumption"
)]

#[path = "support/binary.rs"]
mod binary;
#[path = "support/fake_telegram.rs"]
mod fake_telegram;
#[path = "support/recording.rs"]
mod recording;

use std::io::Write;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fake_telegram::{
    BOT_USERNAME, Call, FakeTelegram, Fault, callback_update, inline_update, private_text,
    reply_to_bot, text_update,
};
use ganhuo::config::{Secret, TelegramConfig, WebhookConfig};
use ganhuo::i18n::Locale;
use ganhuo::search::Engine;
use ganhuo::service::{AdapterError, AdapterState, Platform, Services};
use ganhuo::telegram::Telegram;
use serde_json::Value;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

const TOKEN: &str = "123:abc";

struct Bot {
    fake: FakeTelegram,
    services: Services,
    cancel: CancellationToken,
    task: JoinHandle<Result<(), AdapterError>>,
}

fn config(fake: &FakeTelegram, per_minute: u32) -> TelegramConfig {
    TelegramConfig {
        token: Secret::new(TOKEN),
        api_url: fake.url.parse().expect("the fake's URL"),
        per_user_per_minute: NonZeroU32::new(per_minute).expect("a positive limit"),
        ..TelegramConfig::default()
    }
}

fn services() -> Services {
    let services = Services::new(Engine::shipped().expect("shipped catalogue"), 5);
    // As `ganhuo run` does for a configured adapter.
    services.metrics().expect_platform(Platform::Telegram);
    services
}

/// Starts the adapter against a fresh fake and waits until it is polling.
async fn start(per_minute: u32) -> Bot {
    start_with(per_minute, services()).await
}

async fn start_with(per_minute: u32, services: Services) -> Bot {
    let fake = FakeTelegram::start().await;
    let telegram = Telegram::new(config(&fake, per_minute), services.clone());
    let cancel = CancellationToken::new();
    let task = tokio::spawn(telegram.run(cancel.clone()));
    fake.wait_polls(1).await;
    Bot {
        fake,
        services,
        cancel,
        task,
    }
}

impl Bot {
    /// Cancels the adapter and checks it returns Ok within two seconds.
    async fn stop(self) {
        let started = Instant::now();
        self.cancel.cancel();
        let result = tokio::time::timeout(Duration::from_secs(2), self.task)
            .await
            .expect("adapter must stop within 2 s of cancellation")
            .expect("adapter task must not panic");
        assert!(result.is_ok(), "{result:?}");
        assert!(started.elapsed() < Duration::from_secs(2));
        assert_eq!(
            self.services.health().snapshot().get(&Platform::Telegram),
            Some(&AdapterState::Stopped)
        );
    }

    /// Messages sent to one chat.
    async fn replies_to(&self, chat: i64, count: usize) -> Vec<Call> {
        self.fake
            .wait_calls("sendMessage", count, |c| c.body["chat_id"] == chat)
            .await
    }
}

fn text(call: &Call) -> &str {
    call.body["text"].as_str().unwrap_or_default()
}

/// Every `callback_data` of the message's inline keyboard.
fn buttons(call: &Call) -> Vec<String> {
    call.body["reply_markup"]["inline_keyboard"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row.as_array().cloned().unwrap_or_default())
        .filter_map(|b| b["callback_data"].as_str().map(str::to_owned))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn private_text_is_answered_in_the_users_language() {
    let bot = start(100).await;
    bot.fake.push(private_text(11, "zh-CN", "LoRA 教程"));
    bot.fake.push(private_text(12, "en-US", "LoRA tutorial"));
    let zh = &bot.replies_to(11, 1).await[0];
    let en = &bot.replies_to(12, 1).await[0];
    assert_eq!(zh.body["parse_mode"], "HTML");
    assert!(text(zh).contains("搜索结果"), "{}", text(zh));
    assert!(text(zh).contains("<a href=\"https://"), "{}", text(zh));
    assert!(text(zh).contains(" › "), "{}", text(zh));
    assert!(text(en).contains("Results for"), "{}", text(en));
    assert!(text(zh).encode_utf16().count() <= 4096);
    let data = buttons(zh);
    assert!(data.iter().any(|d| d.starts_with("p:5:")), "{data:?}");
    assert!(data.iter().any(|d| d.starts_with("t:0:")), "{data:?}");
    assert!(data.iter().all(|d| d.len() <= 64), "{data:?}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn commands_are_registered_and_answered() {
    let bot = start(100).await;
    let registered = bot.fake.wait_calls("setMyCommands", 2, |_| true).await;
    assert!(registered.iter().any(|c| c.body["language_code"] == "zh"));
    assert!(
        registered
            .iter()
            .any(|c| c.body.get("language_code").is_none())
    );
    for call in &registered {
        let names: Vec<&str> = call.body["commands"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["command"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["start", "help", "ask", "topics"]);
    }
    // One chat per command: the Throttle adaptor allows one message per chat per second.
    bot.fake.push(private_text(21, "en", "/start"));
    bot.fake.push(private_text(22, "en", "/help"));
    bot.fake.push(private_text(23, "zh", "/ask"));
    bot.fake.push(private_text(24, "en", "/ask vllm"));
    bot.fake.push(private_text(25, "en", "/topics"));
    bot.fake.push(private_text(26, "en", "/topics vllm"));
    let examples: String = Locale::En
        .examples()
        .iter()
        .map(|e| format!("\n• {e}"))
        .collect();
    let welcome = format!("{}{examples}", Locale::En.greeting());
    assert_eq!(text(&bot.replies_to(21, 1).await[0]), welcome);
    let help = text(&bot.replies_to(22, 1).await[0]).to_owned();
    assert!(help.contains("/ask") && help.contains("inline"), "{help}");
    let usage = Locale::Zh
        .ask_usage()
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    assert_eq!(text(&bot.replies_to(23, 1).await[0]), usage);
    let ask = &bot.replies_to(24, 1).await[0];
    assert!(text(ask).to_lowercase().contains("vllm"), "{}", text(ask));
    let topics = &bot.replies_to(25, 1).await[0];
    assert!(
        buttons(topics)
            .iter()
            .filter(|d| d.starts_with("t:0:"))
            .count()
            >= 5,
        "{:?}",
        buttons(topics)
    );
    let vllm = &bot.replies_to(26, 1).await[0];
    assert!(text(vllm).contains("vLLM"), "{}", text(vllm));
    assert!(
        buttons(vllm).iter().any(|d| d.starts_with("t:0:")),
        "{:?}",
        buttons(vllm)
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn groups_answer_only_when_addressed() {
    let bot = start(100).await;
    // Chatter and another bot's command first, then a mention: updates of one chat are
    // handled in order, so once the mention is answered the earlier two were ignored.
    bot.fake
        .push(text_update(-101, 31, "en", "anyone tried vllm?"));
    bot.fake
        .push(text_update(-101, 31, "en", "/ask@other_bot vllm"));
    bot.fake.push(text_update(-101, 31, "en", "/weather"));
    bot.fake.push(text_update(
        -101,
        31,
        "en",
        &format!("@{BOT_USERNAME} vllm"),
    ));
    bot.fake.push(reply_to_bot(-102, 32, "and LoRA?"));
    bot.fake.push(text_update(
        -103,
        33,
        "en",
        &format!("/ask@{BOT_USERNAME} quantization"),
    ));
    bot.fake
        .push(text_update(-104, 34, "en", "/ask speculative decoding"));
    let mention = &bot.replies_to(-101, 1).await[0];
    assert!(
        text(mention).to_lowercase().contains("vllm"),
        "{}",
        text(mention)
    );
    assert!(
        mention.body["reply_parameters"]["message_id"].is_number(),
        "{}",
        mention.body
    );
    bot.replies_to(-102, 1).await;
    bot.replies_to(-103, 1).await;
    bot.replies_to(-104, 1).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let to_first = bot
        .fake
        .calls_to("sendMessage")
        .into_iter()
        .filter(|c| c.body["chat_id"] == -101)
        .count();
    assert_eq!(to_first, 1, "chatter or another bot's command was answered");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inline_queries_return_pages_of_articles() {
    let bot = start(100).await;
    let query = "LLM";
    let total = bot.services.engine().answer(query, 0, 50).total;
    assert!(total > 0);
    bot.fake.push(inline_update("iq1", 41, "en", query, ""));
    let first = bot
        .fake
        .wait_calls("answerInlineQuery", 1, |c| {
            c.body["inline_query_id"] == "iq1"
        })
        .await;
    let results = first[0].body["results"].as_array().unwrap();
    assert_eq!(results.len(), total.min(50));
    assert_eq!(results[0]["type"], "article");
    assert_eq!(results[0]["input_message_content"]["parse_mode"], "HTML");
    let expected_next = if total > 50 {
        "50".to_owned()
    } else {
        String::new()
    };
    assert_eq!(
        first[0].body["next_offset"].as_str().unwrap_or_default(),
        expected_next
    );
    if total > 50 {
        bot.fake.push(inline_update("iq2", 41, "en", query, "50"));
        let second = bot
            .fake
            .wait_calls("answerInlineQuery", 1, |c| {
                c.body["inline_query_id"] == "iq2"
            })
            .await;
        let ids: Vec<&Value> = results.iter().map(|r| &r["id"]).collect();
        for r in second[0].body["results"].as_array().unwrap() {
            assert!(!ids.contains(&&r["id"]), "page two repeats {}", r["id"]);
        }
    }
    bot.fake.push(inline_update("iq3", 41, "en", "  ", ""));
    let empty = bot
        .fake
        .wait_calls("answerInlineQuery", 1, |c| {
            c.body["inline_query_id"] == "iq3"
        })
        .await;
    assert_eq!(empty[0].body["results"].as_array().map(Vec::len), Some(0));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn buttons_page_and_browse_by_editing_one_message() {
    let bot = start(100).await;
    bot.fake.push(private_text(51, "en", "quantization"));
    let answer = bot.replies_to(51, 1).await.remove(0);
    let message_id = answer.result["message_id"].as_i64().unwrap();
    let more = buttons(&answer)
        .into_iter()
        .find(|d| d.starts_with("p:5:"))
        .expect("a More button");
    bot.fake
        .push(callback_update("cb1", 51, "en", 51, message_id, &more));
    let edit = bot
        .fake
        .wait_calls("editMessageText", 1, |c| c.body["message_id"] == message_id)
        .await
        .remove(0);
    assert_eq!(edit.body["chat_id"], 51);
    assert!(text(&edit).contains("6–"), "{}", text(&edit));
    assert!(
        buttons(&edit).iter().any(|d| d.starts_with("p:0:")),
        "a Back button: {:?}",
        buttons(&edit)
    );
    bot.fake
        .wait_calls("answerCallbackQuery", 1, |c| {
            c.body["callback_query_id"] == "cb1"
        })
        .await;

    // Browsing topics edits the same message too.
    bot.fake
        .push(callback_update("cb2", 51, "en", 51, message_id, "t:0:vllm"));
    let edit = bot
        .fake
        .wait_calls("editMessageText", 1, |c| text(c).contains("vLLM"))
        .await
        .remove(0);
    assert_eq!(edit.body["message_id"], message_id);

    // A topic that a catalogue reload removed gets a polite answer, not an error.
    bot.fake.push(callback_update(
        "cb3",
        51,
        "en",
        51,
        message_id,
        "t:0:no-such-topic",
    ));
    let note = bot
        .fake
        .wait_calls("answerCallbackQuery", 1, |c| {
            c.body["callback_query_id"] == "cb3"
        })
        .await;
    assert_eq!(note[0].body["text"], Locale::En.unknown_topic());
    // A long-query button from before a restart has expired.
    bot.fake.push(callback_update(
        "cb4",
        51,
        "zh",
        51,
        message_id,
        "k:00000000000000ff",
    ));
    let note = bot
        .fake
        .wait_calls("answerCallbackQuery", 1, |c| {
            c.body["callback_query_id"] == "cb4"
        })
        .await;
    assert!(
        note[0].body["text"].as_str().unwrap().contains("过期"),
        "{}",
        note[0].body
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_on_send_message_is_retried_after_retry_after() {
    let bot = start(100).await;
    bot.fake.inject("sendMessage", Fault::RetryAfter(1));
    bot.fake.push(private_text(61, "en", "vllm"));
    let attempts = bot.replies_to(61, 2).await;
    assert!(
        attempts[0].result.is_null(),
        "the first attempt was refused"
    );
    assert!(
        attempts[1].result["message_id"].is_number(),
        "the retry was delivered"
    );
    assert!(attempts[1].at.duration_since(attempts[0].at) >= Duration::from_millis(900));
    assert_eq!(text(&attempts[0]), text(&attempts[1]));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropped_connections_and_5xx_keep_the_bot_polling() {
    // Slow by nature: teloxide holds a 5xx answer back for 10 s before reporting it.
    let bot = start(100).await;
    bot.fake.inject("getUpdates", Fault::Drop);
    bot.fake.inject("getUpdates", Fault::Status(502));
    let polls = bot.fake.calls_to("getUpdates").len();
    bot.fake.wait_polls(polls + 3).await;
    bot.fake.push(private_text(71, "en", "vllm"));
    bot.replies_to(71, 1).await;
    let metrics = bot.services.metrics().encode();
    let errors: f64 = metrics
        .lines()
        .find(|l| l.starts_with("ganhuo_adapter_errors_total{platform=\"telegram\"}"))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_default();
    assert!(errors >= 2.0, "{metrics}");
    assert_eq!(
        bot.services.health().snapshot().get(&Platform::Telegram),
        Some(&AdapterState::Connected)
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_flood_guard_answers_politely_once() {
    let bot = start(2).await;
    // One user, four groups: the per-chat Throttle limit does not slow this down.
    for chat in [-201, -202, -203, -204] {
        bot.fake.push(text_update(
            chat,
            81,
            "en",
            &format!("@{BOT_USERNAME} vllm"),
        ));
    }
    let sent = bot.fake.wait_calls("sendMessage", 3, |_| true).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let sent_now = bot.fake.calls_to("sendMessage");
    assert_eq!(sent_now.len(), 3, "{sent:?}");
    assert_eq!(
        sent_now
            .iter()
            .filter(|c| text(c) == Locale::En.slow_down())
            .count(),
        1
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejected_token_is_a_permanent_failure() {
    let fake = FakeTelegram::start().await;
    fake.reject_token();
    let services = services();
    let telegram = Telegram::new(config(&fake, 20), services.clone());
    let result = tokio::time::timeout(
        Duration::from_secs(5),
        telegram.run(CancellationToken::new()),
    )
    .await
    .expect("a rejected token must end run() promptly");
    match result {
        Err(AdapterError::Unauthorized { reason, .. }) => {
            assert!(!reason.contains(TOKEN), "{reason}")
        }
        other => panic!("expected Unauthorized, got {other:?}"),
    }
    assert_eq!(
        services.health().snapshot().get(&Platform::Telegram),
        Some(&AdapterState::Failed)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelling_during_a_network_outage_still_stops_promptly() {
    let fake = FakeTelegram::start().await;
    for _ in 0..50 {
        fake.inject("getMe", Fault::Drop);
    }
    let services = services();
    let telegram = Telegram::new(config(&fake, 20), services.clone());
    let cancel = CancellationToken::new();
    let task = tokio::spawn(telegram.run(cancel.clone()));
    fake.wait_calls("getMe", 2, |_| true).await;
    assert_eq!(
        services.health().snapshot().get(&Platform::Telegram),
        Some(&AdapterState::Reconnecting)
    );
    cancel.cancel();
    let result = tokio::time::timeout(Duration::from_secs(2), task)
        .await
        .expect("stops within 2 s")
        .unwrap();
    assert!(result.is_ok(), "{result:?}");
}

/// Collects log output written on this thread.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "current_thread")]
async fn the_token_never_appears_in_logs() {
    let logs = Captured::default();
    let writer = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    // Current-thread runtime: every task of the adapter logs on this thread.
    let _guard = tracing::subscriber::set_default(subscriber);
    // With a single subscriber registered, tracing caches a call site's interest from
    // whichever thread meets it first: a test running beside this one would leave the
    // adapter's call sites disabled here. A second one makes every call site ask per event.
    let _second = tracing::Dispatch::new(tracing::subscriber::NoSubscriber::default());
    let fake = FakeTelegram::start().await;
    fake.inject("getMe", Fault::Drop);
    fake.inject("getUpdates", Fault::Drop);
    let services = services();
    let telegram = Telegram::new(config(&fake, 20), services);
    let cancel = CancellationToken::new();
    let task = tokio::spawn(telegram.run(cancel.clone()));
    fake.wait_polls(3).await;
    fake.push(private_text(91, "en", "my secret question"));
    fake.wait_calls("sendMessage", 1, |_| true).await;
    cancel.cancel();
    task.await.unwrap().unwrap();
    let logs = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    // Everything down to hyper's TRACE lines is captured; none may hold the token.
    assert!(
        logs.contains("telegram getMe failed"),
        "the network error was logged:\n{logs}"
    );
    assert!(logs.contains("telegram getUpdates failed"), "{logs}");
    assert!(!logs.contains(TOKEN), "{logs}");
    assert!(!logs.contains("abc/"), "{logs}");
    // User text only at debug level.
    for line in logs.lines().filter(|l| l.contains("my secret question")) {
        assert!(line.contains("DEBUG") || line.contains("TRACE"), "{line}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_mode_checks_the_secret_and_answers() {
    let fake = FakeTelegram::start().await;
    let services = services();
    let telegram_config = TelegramConfig {
        webhook: Some(WebhookConfig {
            public_url: "https://bot.example/tg/hook".parse().unwrap(),
            secret: Secret::new("s3cret"),
        }),
        ..config(&fake, 20)
    };
    let mut telegram = Telegram::new(telegram_config, services.clone());
    let router = telegram.webhook_router().expect("a router in webhook mode");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await });
    let cancel = CancellationToken::new();
    let task = tokio::spawn(telegram.run(cancel.clone()));
    let set = fake.wait_calls("setWebhook", 1, |_| true).await;
    assert_eq!(set[0].body["url"], "https://bot.example/tg/hook");
    assert_eq!(set[0].body["secret_token"], "s3cret");
    assert!(fake.calls_to("getUpdates").is_empty());

    let client = reqwest::Client::new();
    let hook = format!("http://{addr}/tg/hook");
    let mut update = private_text(95, "en", "vllm");
    update["update_id"] = 1.into();
    let body = update.to_string();
    let post = |secret: Option<&str>| {
        let mut request = client
            .post(&hook)
            .header("content-type", "application/json")
            .body(body.clone());
        if let Some(s) = secret {
            request = request.header("X-Telegram-Bot-Api-Secret-Token", s);
        }
        request.send()
    };
    assert_eq!(post(None).await.unwrap().status(), 401);
    assert_eq!(post(Some("wrong")).await.unwrap().status(), 401);
    assert_eq!(post(Some("s3cret")).await.unwrap().status(), 200);
    fake.wait_calls("sendMessage", 1, |c| c.body["chat_id"] == 95)
        .await;
    cancel.cancel();
    let result = tokio::time::timeout(Duration::from_secs(2), task)
        .await
        .expect("stops within 2 s")
        .unwrap();
    assert!(result.is_ok(), "{result:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_stops_the_binary_with_exit_0() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let path = binary::write_config(
        dir.path(),
        &format!(
            "[telegram]\ntoken = \"{TOKEN}\"\napi_url = \"{}\"\n",
            fake.url
        ),
    );
    let mut child = binary::spawn_run(&path, "info");
    let polled = tokio::time::timeout(Duration::from_secs(15), fake.wait_polls(1)).await;
    binary::assert_running(&mut child, "polling");
    assert!(polled.is_ok(), "ganhuo never polled");
    binary::signal(&child, "TERM");
    let (exit, stderr) = binary::wait_exit(child, Duration::from_secs(5)).await;
    assert!(exit.success(), "exit status {exit:?}; stderr:\n{stderr}");
    assert!(!stderr.contains(TOKEN), "{stderr}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feedback_and_pages_are_recorded_against_their_answer() {
    let recording = recording::Recording::start();
    let bot = start_with(100, recording.services.clone()).await;
    bot.fake.push(private_text(61, "en", "LoRA tutorial"));
    let answer = bot.replies_to(61, 1).await.remove(0);
    let message_id = answer.result["message_id"].as_i64().unwrap();
    let data = buttons(&answer);
    let not_helpful = data.iter().find(|d| d.starts_with("f:0:"));
    let not_helpful = not_helpful.expect("a Not helpful button");
    let id = &not_helpful["f:0:".len()..];
    assert!(data.contains(&format!("f:1:{id}")), "{data:?}");

    // Turning the page: the message's own keyboard says which answer it shows.
    let more = data.iter().find(|d| d.starts_with("p:5:")).unwrap();
    let mut press = callback_update("fb1", 61, "en", 61, message_id, more);
    press["callback_query"]["message"]["reply_markup"] = answer.body["reply_markup"].clone();
    bot.fake.push(press);
    let edit = bot
        .fake
        .wait_calls("editMessageText", 1, |c| c.body["message_id"] == message_id)
        .await
        .remove(0);
    assert!(buttons(&edit).contains(not_helpful), "{:?}", buttons(&edit));

    bot.fake.push(callback_update(
        "fb2",
        61,
        "en",
        61,
        message_id,
        not_helpful,
    ));
    let thanks = bot
        .fake
        .wait_calls("answerCallbackQuery", 1, |c| {
            c.body["callback_query_id"] == "fb2"
        })
        .await;
    assert_eq!(thanks[0].body["text"], Locale::En.feedback_thanks());

    let usage = recording.usage().await;
    assert_eq!((usage.totals.questions, usage.totals.answered), (1, 1));
    assert_eq!(usage.top[0].query, "lora tutorial");
    assert_eq!((usage.totals.followed_up, usage.totals.not_helpful), (1, 1));
    // Both pages were shown, and every resource on them is rated "not helpful".
    assert!(usage.shown.len() > 5, "{:?}", usage.shown);
    assert_eq!(usage.rated.len(), usage.shown.len());
    assert!(
        usage
            .rated
            .iter()
            .all(|r| r.not_helpful == 1 && r.helpful == 0)
    );
    bot.stop().await;
    recording.stop().await;
}

/// The value of a metric line (`name{labels}`), if present.
fn metric(services: &Services, line_start: &str) -> Option<f64> {
    services
        .metrics()
        .encode()
        .lines()
        .find_map(|l| l.strip_prefix(line_start))
        .and_then(|v| v.trim().parse().ok())
}

/// Successful messages to one chat so far.
fn delivered_to(fake: &FakeTelegram, chat: i64) -> Vec<Call> {
    fake.calls_to("sendMessage")
        .into_iter()
        .filter(|c| c.body["chat_id"] == chat && !c.result.is_null())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_flooding_chat_does_not_hold_up_the_others() {
    let bot = start(20).await;
    let flooder = 300;
    let others: Vec<i64> = (301..311).collect();
    let mut burst: Vec<Value> = (0..100)
        .map(|i| private_text(flooder, "en", &format!("vllm {i}")))
        .collect();
    burst.extend(others.iter().map(|&u| private_text(u, "en", "vllm")));
    let sent = Instant::now();
    bot.fake.push_all(burst);

    let mut latencies = Vec::new();
    for &user in &others {
        let reply = bot.replies_to(user, 1).await.remove(0);
        assert!(text(&reply).contains("vLLM"), "{}", text(&reply));
        latencies.push(reply.at.duration_since(sent));
    }
    // The flooder's backlog drains at Telegram's pace of one message a second in a chat.
    bot.fake
        .wait_for("the flooder's slow-down notice", |calls| {
            calls
                .iter()
                .any(|c| c.body["chat_id"] == flooder && text(c) == Locale::En.slow_down())
        })
        .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let to_flooder = delivered_to(&bot.fake, flooder);
    let notices = to_flooder
        .iter()
        .filter(|c| text(c) == Locale::En.slow_down())
        .count();
    assert_eq!(notices, 1, "one slow-down per burst");
    let answers = to_flooder.len() - notices;
    // The chat's lane holds 5 at a time, so most of the burst is refused at once; a few more
    // may get in as the first answers go out while the batch is still being read. The flood
    // guard's 20 a minute bound them for sure.
    assert!(
        (1..=20).contains(&answers),
        "the flooder got {answers} answers"
    );
    // Isolation: every other user was answered before the flooder's second answer went out,
    // that is before its backlog had even begun to drain.
    let second = to_flooder[1].at.duration_since(sent);
    let slowest = latencies.iter().max().copied().unwrap_or_default();
    eprintln!(
        "flood: ten other users answered after {:?} (slowest {slowest:?}); the flooder got {answers} answers and 1 notice over {:?}",
        latencies,
        to_flooder.last().map(|c| c.at.duration_since(sent))
    );
    assert!(
        slowest < second,
        "the others waited {slowest:?}, the flooder's second answer came at {second:?}"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_poisoned_batch_still_gets_its_good_updates_answered() {
    let bot = start(100).await;
    let first = bot.fake.push(private_text(401, "en", "vllm"));
    // A message whose chat is not a chat, and an update whose id is not a number.
    let mut bad_chat = private_text(402, "en", "vllm");
    bad_chat["update_id"] = bot.fake.reserve_id().into();
    bad_chat["message"]["chat"] = "oops".into();
    bot.fake.push_raw(bad_chat);
    let mut bad_id = private_text(403, "en", "vllm");
    bad_id["update_id"] = bot.fake.reserve_id().to_string().into();
    bot.fake.push_raw(bad_id);
    let last = bot.fake.push(private_text(404, "en", "lora"));
    assert_eq!(last, first + 3);

    bot.replies_to(401, 1).await;
    bot.replies_to(404, 1).await;
    // The offset moved past the whole batch, poison included.
    bot.fake
        .wait_for("a poll past the batch", |calls| {
            calls
                .iter()
                .any(|c| c.method == "getupdates" && c.body["offset"].as_i64() > Some(last))
        })
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    for chat in [402, 403] {
        assert!(delivered_to(&bot.fake, chat).is_empty(), "chat {chat}");
    }
    assert_eq!(delivered_to(&bot.fake, 401).len(), 1);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_update_id_at_the_top_of_i32_does_not_wrap_the_offset() {
    let bot = start(100).await;
    bot.fake.set_next_update_id(i64::from(i32::MAX));
    let id = bot.fake.push(private_text(411, "en", "vllm"));
    assert_eq!(id, 2_147_483_647);
    bot.replies_to(411, 1).await;
    let next = bot.fake.push(private_text(412, "en", "vllm"));
    bot.replies_to(412, 1).await;
    bot.fake
        .wait_for("a poll past 2147483648", |calls| {
            calls
                .iter()
                .any(|c| c.method == "getupdates" && c.body["offset"].as_i64() == Some(next + 1))
        })
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(delivered_to(&bot.fake, 411).len(), 1, "redelivered");
    assert_eq!(delivered_to(&bot.fake, 412).len(), 1, "redelivered");
    let offsets: Vec<i64> = bot
        .fake
        .calls_to("getUpdates")
        .iter()
        .filter_map(|c| c.body["offset"].as_i64())
        .collect();
    assert!(offsets.iter().all(|&o| o >= 0), "{offsets:?}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_sends_and_edits_are_retried_until_delivered() {
    let bot = start(100).await;
    let dropped = "ganhuo_replies_dropped_total{platform=\"telegram\"}";
    assert_eq!(
        metric(&bot.services, dropped),
        Some(0.0),
        "initialised at zero"
    );
    // A 500 costs 10 s inside teloxide before it is reported; cut connections cost nothing.
    bot.fake.inject("sendMessage", Fault::Status(500));
    bot.fake.inject("sendMessage", Fault::Drop);
    bot.fake.inject("sendMessage", Fault::Drop);
    bot.fake.push(private_text(501, "en", "quantization"));
    let attempts = bot.replies_to(501, 4).await;
    assert!(attempts[..3].iter().all(|c| c.result.is_null()));
    let answer = &attempts[3];
    assert!(text(answer).contains("Results for"), "{}", text(answer));

    let message_id = answer.result["message_id"].as_i64().unwrap();
    let more = buttons(answer)
        .into_iter()
        .find(|d| d.starts_with("p:5:"))
        .expect("a More button");
    bot.fake.inject("answerCallbackQuery", Fault::Drop);
    bot.fake.inject("editMessageText", Fault::Drop);
    bot.fake.inject("editMessageText", Fault::Drop);
    bot.fake.push(callback_update(
        "cb-retry", 501, "en", 501, message_id, &more,
    ));
    let edits = bot
        .fake
        .wait_calls("editMessageText", 3, |c| c.body["message_id"] == message_id)
        .await;
    assert!(!edits[2].result.is_null(), "the third edit was delivered");
    let answers = bot
        .fake
        .wait_calls("answerCallbackQuery", 2, |_| true)
        .await;
    assert!(!answers[1].result.is_null());
    assert_eq!(metric(&bot.services, dropped), Some(0.0));
    let errors = "ganhuo_adapter_errors_total{platform=\"telegram\"}";
    assert!(metric(&bot.services, errors) >= Some(6.0));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn groups_take_only_their_own_start_and_mentions_anywhere() {
    let bot = start(100).await;
    // A bare /start in a group is for the bot someone just added; ours is /start@ganhuo_bot.
    bot.fake.push(text_update(-601, 61, "en", "/start"));
    bot.fake.push(text_update(
        -601,
        61,
        "en",
        &format!("/start@{BOT_USERNAME}"),
    ));
    // A mention inside the question is removed wherever it stands.
    bot.fake.push(text_update(
        -602,
        62,
        "en",
        &format!("hey @{BOT_USERNAME} vllm?"),
    ));
    bot.fake.push(text_update(
        -603,
        63,
        "en",
        &format!("@{BOT_USERNAME} vllm"),
    ));
    let welcome = bot.replies_to(-601, 1).await;
    assert!(text(&welcome[0]).starts_with(Locale::En.greeting()));
    let links = |call: &Call| -> Vec<String> {
        text(call)
            .split("href=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .map(str::to_owned)
            .collect()
    };
    let mentioned = links(&bot.replies_to(-602, 1).await[0]);
    let plain = links(&bot.replies_to(-603, 1).await[0]);
    assert!(!plain.is_empty());
    assert_eq!(mentioned, plain);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        delivered_to(&bot.fake, -601).len(),
        1,
        "a bare /start was answered"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_outage_of_5xx_on_sends_loses_no_reply() {
    let bot = start(100).await;
    // Every send fails with a 500 for three seconds; teloxide holds each 500 for 10 s before
    // reporting it, so every first attempt fails and every reply needs a retry.
    bot.fake
        .outage("sendMessage", Fault::Status(500), Duration::from_secs(3));
    let users: Vec<i64> = (700..730).collect();
    bot.fake.push_all(
        users
            .iter()
            .map(|&u| private_text(u, "en", "vllm"))
            .collect(),
    );
    let calls = bot
        .fake
        .wait_for("a reply delivered to every user", |calls| {
            users.iter().all(|&u| {
                calls.iter().any(|c| {
                    c.method == "sendmessage" && c.body["chat_id"] == u && !c.result.is_null()
                })
            })
        })
        .await;
    let failed = calls
        .iter()
        .filter(|c| c.method == "sendmessage" && c.result.is_null())
        .count();
    assert!(failed >= users.len(), "{failed} failed attempts");
    for &u in &users {
        assert_eq!(delivered_to(&bot.fake, u).len(), 1, "user {u}");
    }
    let dropped = "ganhuo_replies_dropped_total{platform=\"telegram\"}";
    assert_eq!(metric(&bot.services, dropped), Some(0.0));
    eprintln!(
        "5xx outage: {} replies delivered after {failed} failed attempts, none dropped",
        users.len()
    );
    bot.stop().await;
}

/// Which question of the burst a reply answers: the `n` of "vllm q<n>" echoed in its heading.
fn question_number(call: &Call) -> Option<usize> {
    let rest = text(call).split("vllm q").nth(1)?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_mid_burst_loses_nothing_across_a_restart() {
    const BURST: usize = 1000;
    const USERS: usize = 200;
    let fake = FakeTelegram::start().await;
    let burst = (0..BURST)
        .map(|i| {
            let user = 10_000 + (i % USERS) as i64;
            private_text(user, "en", &format!("vllm q{i}"))
        })
        .collect();
    fake.push_all(burst);
    let dir = tempfile::tempdir().unwrap();
    let path = binary::write_config(
        dir.path(),
        &format!(
            "[telegram]\ntoken = \"{TOKEN}\"\napi_url = \"{}\"\nper_user_per_minute = 60\n\
             [run]\ngrace = \"8s\"\n",
            fake.url
        ),
    );
    let answered = |fake: &FakeTelegram| -> Vec<usize> {
        fake.calls_to("sendMessage")
            .iter()
            .filter(|c| !c.result.is_null())
            .filter_map(question_number)
            .collect()
    };

    // First run: SIGTERM three seconds into the burst.
    let mut child = binary::spawn_run(&path, "info");
    fake.wait_calls("sendMessage", 1, |_| true).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    binary::assert_running(&mut child, "SIGTERM");
    let signalled = Instant::now();
    binary::signal(&child, "TERM");
    let (status, stderr) = binary::wait_exit(child, Duration::from_secs(12)).await;
    let stopped_after = signalled.elapsed();
    assert!(status.success(), "exit {status:?}:\n{stderr}");
    let first_run = answered(&fake).len();
    assert!(first_run < BURST, "the burst was over before SIGTERM");

    // Second run: the updates the first did not finish are still with Telegram.
    let mut child = binary::spawn_run(&path, "info");
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        let mut seen = answered(&fake);
        seen.sort_unstable();
        seen.dedup();
        if seen.len() == BURST {
            break;
        }
        binary::assert_running(&mut child, "every question was answered");
        assert!(
            Instant::now() < deadline,
            "only {} of {BURST} questions answered ({first_run} before SIGTERM)",
            seen.len()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    binary::signal(&child, "TERM");
    let (status, stderr) = binary::wait_exit(child, Duration::from_secs(12)).await;
    assert!(status.success(), "exit {status:?}:\n{stderr}");

    let all = answered(&fake);
    let duplicates = all.len() - BURST;
    eprintln!(
        "SIGTERM mid-burst: {first_run} answered before SIGTERM, the first process stopped {stopped_after:?} after it; {} after the restart; {duplicates} duplicates",
        all.len() - first_run
    );
    assert_eq!(duplicates, 0, "questions answered twice");
    assert!(!stderr.contains(TOKEN));
}
