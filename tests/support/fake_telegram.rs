//! A fake Telegram Bot API server on 127.0.0.1 for end-to-end tests: it feeds updates through
//! `getUpdates`, records every call with its JSON body, and injects faults on request (429
//! with `retry_after`, 5xx, dropped connections, a rejected token).
//!
//! teloxide POSTs `{api_url}/bot{TOKEN}/{Method}` with the method in PascalCase; methods are
//! matched case-insensitively and recorded in lowercase.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::{Value, json};

/// The bot's identity as `getMe` reports it.
pub const BOT_ID: i64 = 4242;
pub const BOT_USERNAME: &str = "ganhuo_bot";

/// One recorded API call.
#[derive(Debug, Clone)]
pub struct Call {
    /// Method name, lowercase (`sendmessage`).
    pub method: String,
    pub body: Value,
    /// What the fake answered with (`result`), or `Null` for an injected fault.
    pub result: Value,
    pub at: Instant,
}

/// A fault injected into the next call of a method.
#[derive(Debug, Clone)]
pub enum Fault {
    /// 429 with `parameters.retry_after` seconds.
    RetryAfter(u64),
    /// An HTTP error status with a Bot API error body.
    Status(u16),
    /// Close the connection without answering.
    Drop,
}

#[derive(Default)]
struct Inner {
    pending: Vec<Value>,
    next_update_id: i64,
    next_message_id: i64,
    calls: Vec<Call>,
    faults: Vec<(String, Fault)>,
    /// Faults answering every call of a method until a moment.
    outages: Vec<(String, Fault, Instant)>,
    reject_token: bool,
}

/// A running fake server.
#[derive(Clone)]
pub struct FakeTelegram {
    /// Base URL to configure as `api_url`.
    pub url: String,
    inner: Arc<Mutex<Inner>>,
    updates: Arc<tokio::sync::Notify>,
}

impl FakeTelegram {
    /// Starts a fake on an ephemeral port.
    pub async fn start() -> FakeTelegram {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind fake");
        let addr: SocketAddr = listener.local_addr().expect("fake address");
        let fake = FakeTelegram {
            url: format!("http://{addr}/"),
            inner: Arc::new(Mutex::new(Inner {
                next_update_id: 1,
                next_message_id: 1000,
                ..Inner::default()
            })),
            updates: Arc::new(tokio::sync::Notify::new()),
        };
        let app = Router::new()
            .route("/{token}/{method}", post(handle))
            .with_state(fake.clone());
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        fake
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Queues an update (without `update_id`; one is assigned and returned).
    pub fn push(&self, update: Value) -> i64 {
        self.push_all(vec![update])[0]
    }

    /// Queues updates all at once, so that one poll can take them together; returns their ids.
    pub fn push_all(&self, updates: Vec<Value>) -> Vec<i64> {
        let ids = {
            let mut inner = self.lock();
            updates
                .into_iter()
                .map(|mut update| {
                    let id = inner.next_update_id;
                    inner.next_update_id += 1;
                    update["update_id"] = json!(id);
                    inner.pending.push(update);
                    id
                })
                .collect()
        };
        self.updates.notify_waiters();
        ids
    }

    /// Queues an update exactly as given, `update_id` included (or not).
    pub fn push_raw(&self, update: Value) {
        self.lock().pending.push(update);
        self.updates.notify_waiters();
    }

    /// Reserves the next update id, for an update built by hand.
    pub fn reserve_id(&self) -> i64 {
        let mut inner = self.lock();
        inner.next_update_id += 1;
        inner.next_update_id - 1
    }

    /// Makes the next update id `id`.
    pub fn set_next_update_id(&self, id: i64) {
        self.lock().next_update_id = id;
    }

    /// Makes the next call of `method` (any case) fail with `fault`.
    pub fn inject(&self, method: &str, fault: Fault) {
        self.lock()
            .faults
            .push((method.to_ascii_lowercase(), fault));
    }

    /// Makes every call of `method` (any case) fail with `fault` for the next `how_long`.
    pub fn outage(&self, method: &str, fault: Fault, how_long: Duration) {
        self.lock().outages.push((
            method.to_ascii_lowercase(),
            fault,
            Instant::now() + how_long,
        ));
    }

    /// Answers every call with 401 Unauthorized, as Telegram does for a revoked token.
    pub fn reject_token(&self) {
        self.lock().reject_token = true;
    }

    /// Every call so far.
    pub fn calls(&self) -> Vec<Call> {
        self.lock().calls.clone()
    }

    /// Calls of one method (any case).
    pub fn calls_to(&self, method: &str) -> Vec<Call> {
        let method = method.to_ascii_lowercase();
        self.calls()
            .into_iter()
            .filter(|c| c.method == method)
            .collect()
    }

    /// Waits until `done` holds for the calls so far; panics with the calls after 20 s (a
    /// 5xx answer alone costs 10 s: teloxide waits that long before reporting it).
    pub async fn wait_for(&self, what: &str, done: impl Fn(&[Call]) -> bool) -> Vec<Call> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let calls = self.calls();
            if done(&calls) {
                return calls;
            }
            if Instant::now() > deadline {
                let seen: Vec<String> = calls
                    .iter()
                    .map(|c| format!("{} {}", c.method, c.body))
                    .collect();
                panic!("timed out waiting for {what}; calls:\n{}", seen.join("\n"));
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Waits for `count` calls of `method` matching `filter`, and returns them.
    pub async fn wait_calls(
        &self,
        method: &str,
        count: usize,
        filter: impl Fn(&Call) -> bool,
    ) -> Vec<Call> {
        let method = method.to_ascii_lowercase();
        let calls = self
            .wait_for(&format!("{count} × {method}"), |calls| {
                calls
                    .iter()
                    .filter(|c| c.method == method && filter(c))
                    .count()
                    >= count
            })
            .await;
        calls
            .into_iter()
            .filter(|c| c.method == method && filter(c))
            .collect()
    }

    /// Waits until the client has polled at least `n` times.
    pub async fn wait_polls(&self, n: usize) {
        self.wait_calls("getupdates", n, |_| true).await;
    }

    fn next_message_id(&self) -> i64 {
        let mut inner = self.lock();
        inner.next_message_id += 1;
        inner.next_message_id
    }
}

fn ok(result: Value) -> Response {
    (
        StatusCode::OK,
        axum::Json(json!({ "ok": true, "result": result })),
    )
        .into_response()
}

fn error(status: u16, description: &str, parameters: Option<Value>) -> Response {
    let mut body = json!({ "ok": false, "error_code": status, "description": description });
    if let Some(p) = parameters {
        body["parameters"] = p;
    }
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, axum::Json(body)).into_response()
}

async fn handle(
    State(fake): State<FakeTelegram>,
    Path((_token, method)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let method = method.to_ascii_lowercase();
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let body: Value = match content_type.split_once("boundary=") {
        Some((_, boundary)) => {
            multipart(&String::from_utf8_lossy(&body), boundary.trim_matches('"'))
        }
        None => serde_json::from_slice(&body).unwrap_or(Value::Null),
    };
    let (fault, reject) = {
        let mut inner = fake.lock();
        let fault = inner
            .faults
            .iter()
            .position(|(m, _)| *m == method)
            .map(|i| inner.faults.remove(i).1)
            .or_else(|| {
                let now = Instant::now();
                inner
                    .outages
                    .iter()
                    .find(|(m, _, until)| *m == method && now < *until)
                    .map(|(_, fault, _)| fault.clone())
            });
        (fault, inner.reject_token)
    };
    let record = |result: &Value| {
        fake.lock().calls.push(Call {
            method: method.clone(),
            body: body.clone(),
            result: result.clone(),
            at: Instant::now(),
        });
    };
    if reject {
        record(&Value::Null);
        return error(401, "Unauthorized", None);
    }
    match fault {
        Some(Fault::Drop) => {
            record(&Value::Null);
            // Unwinding the connection task closes the socket without an answer;
            // `resume_unwind` skips the panic hook, so the test output stays clean.
            std::panic::resume_unwind(Box::new("fake: dropping the connection"));
        }
        Some(Fault::RetryAfter(secs)) => {
            record(&Value::Null);
            let description = format!("Too Many Requests: retry after {secs}");
            return error(429, &description, Some(json!({ "retry_after": secs })));
        }
        Some(Fault::Status(code)) => {
            record(&Value::Null);
            let description = match code {
                500 => "Internal Server Error",
                502 => "Bad Gateway",
                _ => "Error",
            };
            return error(code, description, None);
        }
        None => {}
    }
    let result = match method.as_str() {
        "getupdates" => get_updates(&fake, &body).await,
        "getme" => me(),
        "getwebhookinfo" => {
            json!({ "url": "", "has_custom_certificate": false, "pending_update_count": 0 })
        }
        "sendmessage" => sent_message(&body, fake.next_message_id()),
        "editmessagetext" if body.get("chat_id").is_some() => {
            let id = body["message_id"].as_i64().unwrap_or(0);
            sent_message(&body, id)
        }
        _ => json!(true),
    };
    record(&result);
    ok(result)
}

/// The text fields of a multipart body (teloxide sends `setWebhook` this way) as a JSON
/// object; fields holding JSON (arrays, objects) are parsed.
fn multipart(body: &str, boundary: &str) -> Value {
    let mut fields = serde_json::Map::new();
    for part in body.split(&format!("--{boundary}")) {
        let Some((head, value)) = part.split_once("\r\n\r\n") else {
            continue;
        };
        let Some(name) = head
            .split("name=\"")
            .nth(1)
            .and_then(|n| n.split('"').next())
        else {
            continue;
        };
        let value = value.strip_suffix("\r\n").unwrap_or(value);
        let parsed = match serde_json::from_str::<Value>(value) {
            Ok(v @ (Value::Array(_) | Value::Object(_))) => v,
            _ => Value::String(value.to_owned()),
        };
        fields.insert(name.to_owned(), parsed);
    }
    Value::Object(fields)
}

/// Answers a poll with the pending updates at or after `offset`, holding an empty poll for
/// up to 100 ms so the client does not spin.
async fn get_updates(fake: &FakeTelegram, body: &Value) -> Value {
    let offset = body["offset"].as_i64().unwrap_or(0);
    let limit = body["limit"].as_u64().unwrap_or(100) as usize;
    let deadline = Instant::now() + Duration::from_millis(100);
    loop {
        let notified = fake.updates.notified();
        let ready: Vec<Value> = {
            let mut inner = fake.lock();
            if offset > 0 {
                inner
                    .pending
                    .retain(|u| u["update_id"].as_i64().unwrap_or(0) >= offset);
            }
            inner.pending.iter().take(limit).cloned().collect()
        };
        let left = deadline.saturating_duration_since(Instant::now());
        if !ready.is_empty() || left.is_zero() {
            return Value::Array(ready);
        }
        let _ = tokio::time::timeout(left, notified).await;
    }
}

/// The bot user, as `from` of its own messages.
pub fn bot_user() -> Value {
    json!({ "id": BOT_ID, "is_bot": true, "first_name": "Ganhuo", "username": BOT_USERNAME })
}

fn me() -> Value {
    let mut me = bot_user();
    for (k, v) in [
        ("can_join_groups", true),
        ("can_read_all_group_messages", false),
        ("supports_inline_queries", true),
        ("can_connect_to_business", false),
        ("has_main_web_app", false),
    ] {
        me[k] = json!(v);
    }
    me
}

/// A chat object: private for positive ids, a supergroup for negative ones.
pub fn chat(id: i64) -> Value {
    if id > 0 {
        json!({ "id": id, "type": "private", "first_name": "User" })
    } else {
        json!({ "id": id, "type": "supergroup", "title": "Group" })
    }
}

/// A human user; `lang` is the client's `language_code`.
pub fn user(id: i64, lang: &str) -> Value {
    json!({ "id": id, "is_bot": false, "first_name": "User", "language_code": lang })
}

fn sent_message(body: &Value, message_id: i64) -> Value {
    let chat_id = body["chat_id"].as_i64().unwrap_or(0);
    json!({
        "message_id": message_id,
        "date": 1_700_000_000,
        "chat": chat(chat_id),
        "from": bot_user(),
        "text": body["text"].as_str().unwrap_or_default(),
    })
}

/// A text message from `user_id` (with `lang`) in `chat_id`.
pub fn text_update(chat_id: i64, user_id: i64, lang: &str, text: &str) -> Value {
    json!({ "message": {
        "message_id": 1,
        "date": 1_700_000_000,
        "chat": chat(chat_id),
        "from": user(user_id, lang),
        "text": text,
    }})
}

/// A private text message: the chat id is the user id.
pub fn private_text(user_id: i64, lang: &str, text: &str) -> Value {
    text_update(user_id, user_id, lang, text)
}

/// A group message replying to one of the bot's messages.
pub fn reply_to_bot(chat_id: i64, user_id: i64, text: &str) -> Value {
    let mut update = text_update(chat_id, user_id, "en", text);
    update["message"]["reply_to_message"] = json!({
        "message_id": 7,
        "date": 1_700_000_000,
        "chat": chat(chat_id),
        "from": bot_user(),
        "text": "an earlier answer",
    });
    update
}

/// A button press on message `message_id` in `chat_id`.
pub fn callback_update(
    id: &str,
    user_id: i64,
    lang: &str,
    chat_id: i64,
    message_id: i64,
    data: &str,
) -> Value {
    json!({ "callback_query": {
        "id": id,
        "from": user(user_id, lang),
        "chat_instance": "instance",
        "data": data,
        "message": {
            "message_id": message_id,
            "date": 1_700_000_000,
            "chat": chat(chat_id),
            "from": bot_user(),
            "text": "an earlier answer",
        },
    }})
}

/// An inline query (`@bot query`).
pub fn inline_update(id: &str, user_id: i64, lang: &str, query: &str, offset: &str) -> Value {
    json!({ "inline_query": { "id": id, "from": user(user_id, lang), "query": query, "offset": offset } })
}
