//! End to end: the real serenity client, driven through a fake Discord on 127.0.0.1
//! (`support/fake_discord.rs`), answering `/ask`, autocomplete, paging buttons, `/topics`, DMs
//! and hostile queries; plus token rejection, deferral, and SIGTERM on the real binary.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at its first broken assumption"
)]

#[path = "support/binary.rs"]
mod binary;
#[path = "support/fake_discord.rs"]
mod fake_discord;
#[path = "support/recording.rs"]
mod recording;

use std::io::Write;
use std::sync::{Mutex, Once};
use std::time::{Duration, Instant};

use fake_discord::{APP_ID, FakeDiscord, message_json};
use ganhuo::Engine;
use ganhuo::config::{Config, ConfigError, DiscordConfig, Secret};
use ganhuo::discord::Discord;
use ganhuo::i18n::Locale;
use ganhuo::service::{AdapterError, AdapterState, Platform, Services};
use serde_json::{Value, json};
use serenity::all::Interaction;
use tokio_util::sync::CancellationToken;

const TOKEN: &str = "MTAwMA.fake-token.never-logged-1f2e3d";

// ---------------------------------------------------------------------------------------------
// Logs: every test's logs (serenity's included, at debug) go to one buffer that must never
// contain the token.

static LOGS: Mutex<Vec<u8>> = Mutex::new(Vec::new());

struct LogWriter;

impl Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        LOGS.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn capture_logs() {
    static INIT: Once = Once::new();
    INIT.call_once(|| {
        let subscriber = tracing_subscriber::fmt()
            .with_env_filter("debug")
            .with_ansi(false)
            .with_writer(|| LogWriter)
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("one subscriber");
    });
}

fn assert_token_not_logged() {
    let logs = LOGS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let text = String::from_utf8_lossy(&logs);
    assert!(
        !text.contains(TOKEN) && !text.contains("fake-token"),
        "token in logs"
    );
}

// ---------------------------------------------------------------------------------------------
// Running the adapter against the fake.

struct Bot {
    fake: FakeDiscord,
    services: Services,
    shutdown: CancellationToken,
    task: tokio::task::JoinHandle<Result<(), AdapterError>>,
}

async fn start(guild_id: u64, ephemeral: bool, defer_after: Option<Duration>) -> Bot {
    let services = Services::new(Engine::shipped().expect("catalogue"), 5);
    start_with(services, guild_id, ephemeral, defer_after).await
}

async fn start_with(
    services: Services,
    guild_id: u64,
    ephemeral: bool,
    defer_after: Option<Duration>,
) -> Bot {
    capture_logs();
    let fake = FakeDiscord::start(TOKEN).await;
    // As `ganhuo run` does for a configured adapter.
    services.metrics().expect_platform(Platform::Discord);
    let config = DiscordConfig {
        token: Secret::new(TOKEN),
        guild_id,
        proxy_url: Some(fake.url().parse().expect("the fake's URL")),
        ephemeral,
        ..DiscordConfig::default()
    };
    let mut discord = Discord::new(config, services.clone());
    if let Some(after) = defer_after {
        discord = discord.defer_after(after);
    }
    let shutdown = CancellationToken::new();
    let task = tokio::spawn(discord.run(shutdown.clone()));
    let identify = fake.wait_identified(Duration::from_secs(10)).await;
    assert_eq!(
        identify["token"],
        format!("Bot {TOKEN}"),
        "IDENTIFY carries the token"
    );
    // Commands are registered once READY is handled.
    fake.wait_request(Duration::from_secs(5), |r| r.method == "PUT")
        .await;
    Bot {
        fake,
        services,
        shutdown,
        task,
    }
}

impl Bot {
    /// Dispatches an interaction after checking that serenity can parse it (one that does not
    /// parse becomes `Event::Unknown` and never reaches the handler).
    fn send(&self, interaction: Value) {
        serde_json::from_value::<Interaction>(interaction.clone())
            .unwrap_or_else(|e| panic!("fake interaction does not parse: {e}\n{interaction:#}"));
        self.fake.dispatch("INTERACTION_CREATE", interaction);
    }

    async fn stop(self) {
        let started = Instant::now();
        self.shutdown.cancel();
        let result = tokio::time::timeout(Duration::from_secs(3), self.task).await;
        let result = result
            .expect("run returns within 3 s")
            .expect("run does not panic");
        assert!(result.is_ok(), "{result:?}");
        assert!(
            started.elapsed() < Duration::from_millis(2500),
            "shutdown took {:?}",
            started.elapsed()
        );
        assert_eq!(
            self.services.health().snapshot()[&Platform::Discord],
            AdapterState::Stopped
        );
        assert_token_not_logged();
    }
}

// ---------------------------------------------------------------------------------------------
// Interaction payloads, as Discord sends them.

fn user() -> Value {
    json!({ "id": "42", "username": "alice", "discriminator": "0", "global_name": "Alice", "avatar": null })
}

fn base(id: &str, kind: u8, locale: &str, dm: bool) -> Value {
    let mut v = json!({
        "id": id,
        "application_id": APP_ID,
        "type": kind,
        "token": format!("interaction-token-{id}"),
        "version": 1,
        "channel_id": "500",
        "locale": locale,
        "entitlements": [],
        "attachment_size_limit": 8_388_608,
        "app_permissions": "0",
        "authorizing_integration_owners": {},
    });
    if dm {
        v["user"] = user();
        v["context"] = json!(1);
    } else {
        v["guild_id"] = json!("600");
        v["guild_locale"] = json!("en-US");
        v["context"] = json!(0);
        v["member"] = json!({
            "user": user(), "roles": [], "deaf": false, "mute": false, "flags": 0,
            "joined_at": "2024-01-01T00:00:00.000000+00:00", "permissions": "0",
        });
    }
    v
}

fn command(id: &str, name: &str, options: Value, locale: &str, dm: bool) -> Value {
    let mut v = base(id, 2, locale, dm);
    v["data"] = json!({ "id": "700", "name": name, "type": 1, "options": options });
    v
}

fn string_option(name: &str, value: &str) -> Value {
    json!({ "name": name, "type": 3, "value": value })
}

fn autocomplete(id: &str, name: &str, option: &str, partial: &str) -> Value {
    let mut v = base(id, 4, "en-US", false);
    v["data"] = json!({
        "id": "700", "name": name, "type": 1,
        "options": [{ "name": option, "type": 3, "value": partial, "focused": true }],
    });
    v
}

fn button(id: &str, custom_id: &str, message: Value, locale: &str) -> Value {
    let mut v = base(id, 3, locale, false);
    v["data"] = json!({ "custom_id": custom_id, "component_type": 2 });
    v["message"] = message;
    v
}

fn select(id: &str, custom_id: &str, value: &str, message: Value) -> Value {
    let mut v = base(id, 3, "en-US", false);
    v["data"] = json!({ "custom_id": custom_id, "component_type": 3, "values": [value] });
    v["message"] = message;
    v
}

/// The message a callback created, as Discord would later send it back in a component
/// interaction.
fn message_from(callback: &Value) -> Value {
    message_json(
        "900",
        callback["data"]["embeds"].clone(),
        callback["data"]["components"].clone(),
    )
}

// ---------------------------------------------------------------------------------------------
// Assertions on what the bot sent.

fn units(v: &Value) -> usize {
    v.as_str().map_or(0, |s| s.encode_utf16().count())
}

fn custom_ids(data: &Value) -> Vec<String> {
    let mut ids = Vec::new();
    for row in data["components"].as_array().into_iter().flatten() {
        for c in row["components"].as_array().into_iter().flatten() {
            ids.push(c["custom_id"].as_str().unwrap_or_default().to_owned());
        }
    }
    ids
}

/// Every limit Discord enforces on a message, checked on the JSON the bot sent; and no pings.
fn assert_message_ok(data: &Value) {
    assert!(units(&data["content"]) <= 2000);
    let mentions = &data["allowed_mentions"];
    assert_eq!(mentions["parse"], json!([]), "{data}");
    assert_eq!(mentions["users"], json!([]), "{data}");
    assert_eq!(mentions["roles"], json!([]), "{data}");
    let mut total = 0;
    for e in data["embeds"].as_array().into_iter().flatten() {
        assert!(units(&e["title"]) <= 256, "{e}");
        assert!(units(&e["description"]) <= 4096, "{e}");
        assert!(units(&e["footer"]["text"]) <= 2048, "{e}");
        total += units(&e["title"]) + units(&e["description"]) + units(&e["footer"]["text"]);
    }
    assert!(total <= 6000);
    let rows = data["components"].as_array().map_or(0, Vec::len);
    assert!(rows <= 5);
    for id in custom_ids(data) {
        assert!(!id.is_empty() && id.len() <= 100, "{id}");
    }
}

fn description(data: &Value) -> &str {
    data["embeds"][0]["description"]
        .as_str()
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ask_autocomplete_and_paging() {
    let bot = start(600, false, None).await;
    assert_eq!(
        bot.services.health().snapshot()[&Platform::Discord],
        AdapterState::Connected
    );

    // One bulk overwrite, in the configured guild, with both languages.
    let put = bot
        .fake
        .requests()
        .into_iter()
        .find(|r| r.method == "PUT")
        .unwrap();
    assert_eq!(
        put.path,
        format!("/api/v10/applications/{APP_ID}/guilds/600/commands")
    );
    let names: Vec<&str> = put
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["ask", "topics", "help"]);
    assert_eq!(put.body[0]["name_localizations"]["zh-CN"], "提问");
    assert!(put.body[0]["description_localizations"]["zh-CN"].is_string());
    assert_eq!(
        bot.fake
            .requests()
            .iter()
            .filter(|r| r.method == "PUT")
            .count(),
        1
    );

    // Autocomplete as the user types.
    bot.send(autocomplete("11", "ask", "query", "lor"));
    let reply = bot.fake.callback("11").await;
    assert_eq!(reply["type"], 8);
    let choices = reply["data"]["choices"].as_array().unwrap();
    assert!(!choices.is_empty() && choices.len() <= 25);
    assert!(
        choices
            .iter()
            .any(|c| c["name"].as_str().unwrap().contains("LoRA")),
        "{choices:?}"
    );
    for c in choices {
        assert!((1..=100).contains(&units(&c["name"])) && (1..=100).contains(&units(&c["value"])));
    }

    // /ask answers with an embed of linked titles and a button to the next page.
    bot.send(command(
        "12",
        "ask",
        json!([string_option("query", "量化")]),
        "en-US",
        false,
    ));
    let reply = bot.fake.callback("12").await;
    assert_eq!(reply["type"], 4, "{reply}");
    let data = &reply["data"];
    assert_message_ok(data);
    assert!(
        data["flags"].as_u64().unwrap_or(0) & 64 == 0,
        "not ephemeral"
    );
    assert!(description(data).contains("](https://"), "{data}");
    assert!(
        data["embeds"][0]["footer"]["text"]
            .as_str()
            .unwrap()
            .starts_with("1–5 of")
    );
    // The next page, then the topics of the results.
    let ids = custom_ids(data);
    assert_eq!(ids[0], "ask:5:量化", "{ids:?}");
    assert!(
        ids[1..].iter().all(|id| id.starts_with("topic:0:")),
        "{ids:?}"
    );

    // The button pages by updating the same message.
    bot.send(button("13", "ask:5:量化", message_from(&reply), "en-US"));
    let page = bot.fake.callback("13").await;
    assert_eq!(page["type"], 7, "{page}");
    assert_message_ok(&page["data"]);
    assert!(
        page["data"]["embeds"][0]["footer"]["text"]
            .as_str()
            .unwrap()
            .starts_with("6–10 of")
    );
    assert!(custom_ids(&page["data"]).contains(&"ask:0:量化".to_owned()));

    // /help, answered in the asker's language.
    bot.send(command("14", "help", json!([]), "zh-CN", false));
    let help = bot.fake.callback("14").await;
    assert!(description(&help["data"]).contains("/提问"), "{help}");

    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dms_hostile_queries_and_mentions() {
    let bot = start(0, true, None).await;
    // guild_id = 0 registers globally.
    bot.fake
        .wait_request(Duration::from_secs(1), |r| {
            r.path == format!("/api/v10/applications/{APP_ID}/commands")
        })
        .await;

    // A DM (user, no member), answered in Chinese, ephemeral as configured.
    bot.send(command(
        "21",
        "ask",
        json!([string_option("query", "vllm")]),
        "zh-CN",
        true,
    ));
    let reply = bot.fake.callback("21").await;
    assert_eq!(reply["type"], 4);
    assert_message_ok(&reply["data"]);
    assert_eq!(
        reply["data"]["flags"].as_u64().unwrap() & 64,
        64,
        "ephemeral"
    );
    assert!(
        reply["data"]["embeds"][0]["footer"]["text"]
            .as_str()
            .unwrap()
            .starts_with("第 1–")
    );

    // @everyone and a role mention never ping, and nothing is left unescaped.
    bot.send(command(
        "22",
        "ask",
        json!([string_option("query", "@everyone <@&123> LoRA")]),
        "en-US",
        false,
    ));
    let reply = bot.fake.callback("22").await;
    assert_message_ok(&reply["data"]);
    let title = reply["data"]["embeds"][0]["title"].as_str().unwrap();
    assert!(title.contains("\\@everyone"), "{title}");

    // A hostile long query: within every limit; its paging id carries no query, which is read
    // back from the footer when the button is used. (It names two concepts that meet, so that
    // it is answered with more than a page: the link target's stray "x" is no concept.)
    let hostile = format!(
        "**量化** ~~量化~~ [量化](javascript:x) @everyone @here 😀{}",
        " 量化 int4".repeat(20)
    );
    bot.send(command(
        "23",
        "ask",
        json!([string_option("query", &hostile)]),
        "en-US",
        false,
    ));
    let reply = bot.fake.callback("23").await;
    assert_eq!(reply["type"], 4);
    assert_message_ok(&reply["data"]);
    assert_eq!(custom_ids(&reply["data"])[0], "ask:5", "{reply}");
    bot.send(button("24", "ask:5", message_from(&reply), "en-US"));
    let page = bot.fake.callback("24").await;
    assert_eq!(page["type"], 7, "{page}");
    assert_message_ok(&page["data"]);
    assert_eq!(
        page["data"]["embeds"][0]["title"],
        reply["data"]["embeds"][0]["title"]
    );
    assert!(
        page["data"]["embeds"][0]["footer"]["text"]
            .as_str()
            .unwrap()
            .starts_with("6–"),
        "{page}"
    );

    // No results: said plainly, with suggestions as topic buttons and no random links.
    bot.send(command(
        "25",
        "ask",
        json!([string_option("query", "qwertyuiop")]),
        "en-US",
        false,
    ));
    let reply = bot.fake.callback("25").await;
    assert_message_ok(&reply["data"]);
    assert!(
        description(&reply["data"]).starts_with("Nothing in the catalogue"),
        "{reply}"
    );
    assert!(!description(&reply["data"]).contains("http"));
    assert!(
        custom_ids(&reply["data"])
            .iter()
            .all(|id| id.starts_with("topic:"))
    );

    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn topics_browse_stale_ids_and_rest_failures() {
    let bot = start(600, false, None).await;

    bot.send(command("31", "topics", json!([]), "en-US", false));
    let roots = bot.fake.callback("31").await;
    assert_message_ok(&roots["data"]);
    assert_eq!(custom_ids(&roots["data"]), ["topics"]);

    bot.send(select("32", "topics", "vllm", message_from(&roots)));
    let page = bot.fake.callback("32").await;
    assert_eq!(page["type"], 7);
    assert_message_ok(&page["data"]);
    assert!(description(&page["data"]).contains("github.com/vllm-project/vllm"));
    assert!(custom_ids(&page["data"]).contains(&"topic:0:".to_owned()));

    // /topics with a typed name rather than an id.
    bot.send(command(
        "33",
        "topics",
        json!([string_option("topic", "LoRA")]),
        "en-US",
        false,
    ));
    let lora = bot.fake.callback("33").await;
    assert!(
        lora["data"]["embeds"][0]["title"]
            .as_str()
            .unwrap()
            .contains("LoRA"),
        "{lora}"
    );

    // Topic autocomplete offers ids as values.
    bot.send(autocomplete("34", "topics", "topic", "infer"));
    let reply = bot.fake.callback("34").await;
    assert!(
        reply["data"]["choices"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["value"] == "inference"),
        "{reply}"
    );

    // A stale topic button (the catalogue was reloaded) says so and offers the root topics,
    // as on Telegram.
    bot.send(button(
        "35",
        "topic:0:no-longer-here",
        message_from(&page),
        "en-US",
    ));
    let stale = bot.fake.callback("35").await;
    assert_eq!(stale["type"], 7, "{stale}");
    assert!(
        description(&stale["data"]).starts_with("No such topic."),
        "{stale}"
    );
    assert_eq!(custom_ids(&stale["data"]), ["topics"]);

    // A paging button whose query lived in a footer that is gone has expired: said privately.
    bot.send(button(
        "38",
        "ask:5",
        message_json("901", json!([]), json!([])),
        "en-US",
    ));
    let expired = bot.fake.callback("38").await;
    assert_eq!(expired["type"], 4, "{expired}");
    assert_eq!(expired["data"]["flags"].as_u64().unwrap() & 64, 64);
    assert!(
        expired["data"]["content"]
            .as_str()
            .unwrap()
            .contains("expired"),
        "{expired}"
    );

    // A REST call that keeps failing is retried until Discord's 3-second deadline would
    // pass, then counted as dropped; the bot carries on.
    bot.fake.fail_callback("36");
    bot.send(command("36", "help", json!([]), "en-US", false));
    bot.fake.callback("36").await;
    let dropped = "ganhuo_replies_dropped_total{platform=\"discord\"} 1";
    let deadline = Instant::now() + Duration::from_secs(5);
    while !bot.services.metrics().encode().contains(dropped) {
        assert!(
            Instant::now() < deadline,
            "{}",
            bot.services.metrics().encode()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let tries = callbacks(&bot.fake, "36");
    assert!(tries >= 3, "{tries} tries");
    bot.send(command("37", "help", json!([]), "en-US", false));
    assert_eq!(bot.fake.callback("37").await["type"], 4);

    bot.stop().await;
}

/// How many times the callback of interaction `id` was tried.
fn callbacks(fake: &FakeDiscord, id: &str) -> usize {
    let path = format!("/api/v10/interactions/{id}/");
    fake.requests()
        .iter()
        .filter(|r| r.path.starts_with(&path) && r.path.ends_with("/callback"))
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_interaction_responses_are_retried() {
    let bot = start(600, false, None).await;
    bot.fake.fail_callback_times("51", 2);
    bot.send(command(
        "51",
        "ask",
        json!([string_option("query", "vllm")]),
        "en-US",
        false,
    ));
    let deadline = Instant::now() + Duration::from_secs(5);
    while callbacks(&bot.fake, "51") < 3 {
        assert!(Instant::now() < deadline, "{:?}", bot.fake.requests());
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let last = bot
        .fake
        .requests()
        .into_iter()
        .rfind(|r| r.path.contains("/interactions/51/"))
        .unwrap();
    assert_message_ok(&last.body["data"]);
    let metrics = bot.services.metrics().encode();
    assert!(
        metrics.contains("ganhuo_replies_dropped_total{platform=\"discord\"} 0"),
        "{metrics}"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_finishes_what_it_acknowledged_and_acknowledges_nothing_more() {
    // Always defer, so that an interaction is acknowledged before it is answered.
    let bot = start(600, false, Some(Duration::ZERO)).await;
    bot.fake.slow_callback("61", Duration::from_millis(1500));
    bot.send(command(
        "61",
        "ask",
        json!([string_option("query", "vllm")]),
        "en-US",
        false,
    ));
    bot.fake.callback("61").await;
    // Shutdown begins while the acknowledgement is on its way.
    bot.shutdown.cancel();
    tokio::time::sleep(Duration::from_millis(200)).await;
    bot.send(command("62", "help", json!([]), "en-US", false));
    let result = tokio::time::timeout(Duration::from_secs(10), bot.task)
        .await
        .expect("run returns within the grace period")
        .expect("run does not panic");
    assert!(result.is_ok(), "{result:?}");
    // By the time run() returned, the acknowledged interaction had its answer.
    let edit = format!("PATCH /api/v10/webhooks/{APP_ID}/interaction-token-61/messages/@original");
    assert!(
        bot.fake.answered().contains(&edit),
        "acknowledged, then dropped: {:?}",
        bot.fake.answered()
    );
    assert_eq!(
        callbacks(&bot.fake, "62"),
        0,
        "acknowledged during shutdown"
    );
    let logs = String::from_utf8_lossy(&LOGS.lock().unwrap()).into_owned();
    assert!(
        logs.contains("leaving an interaction unacknowledged"),
        "interaction 62 never reached the handler"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_answers_are_deferred_then_edited() {
    let bot = start(600, false, Some(Duration::ZERO)).await;
    bot.send(command(
        "41",
        "ask",
        json!([string_option("query", "vllm")]),
        "en-US",
        false,
    ));
    assert_eq!(bot.fake.callback("41").await["type"], 5);
    let edit = bot
        .fake
        .wait_request(Duration::from_secs(5), |r| {
            r.method == "PATCH"
                && r.path
                    == format!("/api/v10/webhooks/{APP_ID}/interaction-token-41/messages/@original")
        })
        .await;
    assert_message_ok(&edit.body);
    assert!(description(&edit.body).contains("vllm"), "{}", edit.body);

    // A deferred button click is acknowledged (type 6), then the message edited.
    let message = message_json(
        "900",
        edit.body["embeds"].clone(),
        edit.body["components"].clone(),
    );
    bot.send(button("42", "ask:5:vllm", message, "en-US"));
    assert_eq!(bot.fake.callback("42").await["type"], 6);
    bot.fake
        .wait_request(Duration::from_secs(5), |r| {
            r.method == "PATCH" && r.path.contains("interaction-token-42")
        })
        .await;
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejected_token_is_unauthorized() {
    capture_logs();
    let fake = FakeDiscord::start("the-real-token").await;
    let services = Services::new(Engine::shipped().expect("catalogue"), 5);
    let config = DiscordConfig {
        token: Secret::new(TOKEN),
        proxy_url: Some(fake.url().parse().unwrap()),
        ..DiscordConfig::default()
    };
    let discord = Discord::new(config, services.clone());
    let result = tokio::time::timeout(
        Duration::from_secs(5),
        discord.run(CancellationToken::new()),
    )
    .await
    .expect("gives up at once");
    assert!(
        matches!(
            result,
            Err(AdapterError::Unauthorized {
                platform: Platform::Discord,
                ..
            })
        ),
        "{result:?}"
    );
    assert!(!result.unwrap_err().to_string().contains(TOKEN));
    assert!(fake.identifies().is_empty());
    assert_eq!(
        services.health().snapshot()[&Platform::Discord],
        AdapterState::Failed
    );
    assert_token_not_logged();
}

#[test]
fn bad_configuration_is_refused_before_connecting() {
    let problems = |text: &str| match Config::parse(text, "c.toml") {
        Err(ConfigError::Invalid { problems, .. }) => {
            problems.into_iter().map(|p| p.key).collect::<Vec<_>>()
        }
        other => panic!("{other:?}"),
    };
    assert_eq!(problems("[discord]\n"), ["discord.token"]);
    assert_eq!(
        problems("[discord]\ntoken = \"t\"\nproxy_url = \"not a url\"\n"),
        ["discord.proxy_url"]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_stops_the_binary_cleanly() {
    let fake = FakeDiscord::start(TOKEN).await;
    let dir = tempfile::tempdir().unwrap();
    let config = binary::write_config(
        dir.path(),
        &format!(
            "[discord]\ntoken = \"{TOKEN}\"\nproxy_url = \"{}\"\n",
            fake.url()
        ),
    );
    let mut child = binary::spawn_run(&config, "debug");
    let deadline = Instant::now() + Duration::from_secs(15);
    while fake.identifies().is_empty() {
        binary::assert_running(&mut child, "IDENTIFY");
        assert!(Instant::now() < deadline, "no IDENTIFY from the binary");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    binary::signal(&child, "TERM");
    let (status, logs) = binary::wait_exit(child, Duration::from_secs(5)).await;
    assert!(status.success(), "exit {status}: {logs}");
    assert!(!logs.contains(TOKEN), "token in the binary's logs");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feedback_and_pages_are_recorded_against_their_answer() {
    let recording = recording::Recording::start();
    let bot = start_with(recording.services.clone(), 0, false, None).await;
    bot.send(command(
        "81",
        "ask",
        json!([string_option("query", "LoRA tutorial")]),
        "en-US",
        false,
    ));
    let reply = bot.fake.callback("81").await;
    assert_message_ok(&reply["data"]);
    let ids = custom_ids(&reply["data"]);
    let not_helpful = ids.iter().find(|d| d.starts_with("fb:0:"));
    let not_helpful = not_helpful.expect("a Not helpful button").clone();
    let answer = &not_helpful["fb:0:".len()..];
    assert!(ids.contains(&format!("fb:1:{answer}")), "{ids:?}");

    // Turning the page: the message's own buttons say which answer it shows.
    let next = ids.iter().find(|d| d.starts_with("ask:5")).unwrap();
    bot.send(button("82", next, message_from(&reply), "en-US"));
    let page = bot.fake.callback("82").await;
    assert_eq!(page["type"], 7, "{page}");
    assert!(custom_ids(&page["data"]).contains(&not_helpful));

    bot.send(button("83", &not_helpful, message_from(&page), "en-US"));
    let thanks = bot.fake.callback("83").await;
    let text = thanks["data"]["content"].as_str().unwrap_or_default();
    assert!(text.contains(Locale::En.feedback_thanks()), "{thanks}");

    let usage = recording.usage().await;
    assert_eq!((usage.totals.questions, usage.totals.answered), (1, 1));
    assert_eq!(usage.platforms[0].key, "discord");
    assert_eq!((usage.totals.followed_up, usage.totals.not_helpful), (1, 1));
    assert!(usage.shown.len() > 5, "{:?}", usage.shown);
    assert_eq!(usage.rated.len(), usage.shown.len());
    bot.stop().await;
    recording.stop().await;
}
