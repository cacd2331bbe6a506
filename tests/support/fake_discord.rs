//! A fake Discord on 127.0.0.1 for end-to-end tests: the REST routes the adapter uses (as
//! reached through serenity's proxy setting, so paths keep their `/api/v10` prefix) and a
//! websocket gateway that says HELLO, takes IDENTIFY, sends READY, acknowledges heartbeats
//! and pushes whatever dispatches a test asks for.
//!
//! The gateway listens on its own port and speaks through `tokio-tungstenite`, the websocket
//! crate serenity already uses, with serenity's features: serving it with axum's `ws` feature
//! instead would give axum (and teloxide, and ganhuo) a second feature set in test builds, so
//! `cargo build` after `cargo test` would rebuild them.
//!
//! Every REST request is recorded so that tests can wait for and inspect what the bot sent.

#![allow(dead_code)]

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::Message;

/// The bot's user id in READY.
pub const BOT_ID: &str = "1000";
/// The application id in READY.
pub const APP_ID: &str = "2000";

/// One REST request the bot made.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub authorization: Option<String>,
    pub body: Value,
}

struct Shared {
    token: String,
    /// Where the gateway listens (REST has its own port).
    gateway: SocketAddr,
    requests: Mutex<Vec<Request>>,
    identifies: Mutex<Vec<Value>>,
    sessions: Mutex<Vec<mpsc::UnboundedSender<String>>>,
    seq: AtomicU64,
    /// Interaction ids whose callback fails with a 500, and how many more times.
    failing: Mutex<HashMap<String, usize>>,
    /// Interaction ids whose callback is answered only after a delay.
    slow: Mutex<HashMap<String, Duration>>,
    /// Requests answered so far (as `METHOD path`), in order.
    answered: Mutex<Vec<String>>,
}

/// A running fake; dropped with the test's runtime.
#[derive(Clone)]
pub struct FakeDiscord {
    shared: Arc<Shared>,
    /// Where REST listens.
    addr: SocketAddr,
}

impl FakeDiscord {
    /// Starts a fake that accepts `token` (without the "Bot " prefix).
    pub async fn start(token: &str) -> FakeDiscord {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let gateway = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind gateway");
        let shared = Arc::new(Shared {
            token: format!("Bot {token}"),
            gateway: gateway.local_addr().expect("gateway addr"),
            requests: Mutex::default(),
            identifies: Mutex::default(),
            sessions: Mutex::default(),
            seq: AtomicU64::new(1),
            failing: Mutex::default(),
            slow: Mutex::default(),
            answered: Mutex::default(),
        });
        let app = Router::new().fallback(rest).with_state(Arc::clone(&shared));
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        tokio::spawn(accept_sessions(gateway, Arc::clone(&shared)));
        FakeDiscord { shared, addr }
    }

    /// The base URL, for `proxy_url`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Makes the callback for interaction `id` fail with a 500, every time.
    pub fn fail_callback(&self, id: &str) {
        self.fail_callback_times(id, usize::MAX);
    }

    /// Makes the callback for interaction `id` fail with a 500 `times` times, then succeed.
    pub fn fail_callback_times(&self, id: &str, times: usize) {
        self.shared
            .failing
            .lock()
            .unwrap()
            .insert(id.to_owned(), times);
    }

    /// Answers the callback for interaction `id` only after `delay`.
    pub fn slow_callback(&self, id: &str, delay: Duration) {
        self.shared
            .slow
            .lock()
            .unwrap()
            .insert(id.to_owned(), delay);
    }

    /// Requests answered so far, as `METHOD path`.
    pub fn answered(&self) -> Vec<String> {
        self.shared.answered.lock().unwrap().clone()
    }

    /// Every REST request so far.
    pub fn requests(&self) -> Vec<Request> {
        self.shared.requests.lock().unwrap().clone()
    }

    /// IDENTIFY payloads received so far.
    pub fn identifies(&self) -> Vec<Value> {
        self.shared.identifies.lock().unwrap().clone()
    }

    /// Waits for a gateway session to have identified and been sent READY.
    pub async fn wait_identified(&self, within: Duration) -> Value {
        let deadline = Instant::now() + within;
        loop {
            if let Some(identify) = self.identifies().first()
                && !self.shared.sessions.lock().unwrap().is_empty()
            {
                return identify.clone();
            }
            assert!(
                Instant::now() < deadline,
                "no IDENTIFY within {within:?}; requests: {:?}",
                self.requests()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Waits for a REST request matching `pred`.
    pub async fn wait_request(&self, within: Duration, pred: impl Fn(&Request) -> bool) -> Request {
        let deadline = Instant::now() + within;
        loop {
            if let Some(found) = self.requests().into_iter().find(|r| pred(r)) {
                return found;
            }
            assert!(
                Instant::now() < deadline,
                "no matching request within {within:?}; got {:#?}",
                self.requests()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Waits for the callback of interaction `id`.
    pub async fn callback(&self, id: &str) -> Value {
        let path = format!("/api/v10/interactions/{id}/");
        self.wait_request(Duration::from_secs(5), |r| {
            r.path.starts_with(&path) && r.path.ends_with("/callback")
        })
        .await
        .body
    }

    /// Sends a dispatch event to every connected session.
    pub fn dispatch(&self, event: &str, data: Value) {
        let seq = self.shared.seq.fetch_add(1, Ordering::SeqCst) + 1;
        let frame = json!({ "op": 0, "s": seq, "t": event, "d": data }).to_string();
        let sessions = self.shared.sessions.lock().unwrap();
        assert!(!sessions.is_empty(), "no gateway session to dispatch to");
        for session in sessions.iter() {
            let _ = session.send(frame.clone());
        }
    }
}

/// Accepts gateway connections until the test's runtime ends.
async fn accept_sessions(listener: TcpListener, shared: Arc<Shared>) {
    while let Ok((stream, _)) = listener.accept().await {
        tokio::spawn(session(Arc::clone(&shared), stream));
    }
}

async fn session(shared: Arc<Shared>, stream: TcpStream) {
    let Ok(mut socket) = tokio_tungstenite::accept_async(stream).await else {
        return;
    };
    let hello = json!({ "op": 10, "d": { "heartbeat_interval": 41250 } }).to_string();
    if socket.send(Message::Text(hello)).await.is_err() {
        return;
    }
    let (tx, mut rx) = mpsc::unbounded_channel::<String>();
    loop {
        tokio::select! {
            incoming = socket.next() => {
                let Some(Ok(message)) = incoming else { return };
                let text = match message {
                    Message::Text(text) => text,
                    Message::Close(_) => return,
                    _ => continue,
                };
                let Ok(payload) = serde_json::from_str::<Value>(&text) else { continue };
                let reply = match payload["op"].as_u64() {
                    Some(1) => Some(json!({ "op": 11 })),
                    Some(2) => {
                        shared.identifies.lock().unwrap().push(payload["d"].clone());
                        shared.sessions.lock().unwrap().push(tx.clone());
                        let seq = shared.seq.fetch_add(1, Ordering::SeqCst) + 1;
                        Some(json!({ "op": 0, "s": seq, "t": "READY", "d": {
                            "v": 10,
                            "user": { "id": BOT_ID, "username": "bot", "discriminator": "0000", "bot": true },
                            "guilds": [],
                            "session_id": "s1",
                            "resume_gateway_url": gateway_url(&shared),
                            "shard": [0, 1],
                            "application": { "id": APP_ID, "flags": 0 },
                        }}))
                    }
                    _ => None,
                };
                if let Some(reply) = reply
                    && socket.send(Message::Text(reply.to_string())).await.is_err()
                {
                    return;
                }
            }
            outgoing = rx.recv() => {
                let Some(frame) = outgoing else { return };
                if socket.send(Message::Text(frame)).await.is_err() {
                    return;
                }
            }
        }
    }
}

fn gateway_url(shared: &Shared) -> String {
    format!("ws://{}/gateway", shared.gateway)
}

fn discord_error(status: StatusCode, message: &str) -> Response {
    (status, axum::Json(json!({ "message": message, "code": 0 }))).into_response()
}

async fn rest(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path().to_owned();
    let answered = format!("{method} {path}");
    let response = route(&shared, method, path, headers, body).await;
    shared.answered.lock().unwrap().push(answered);
    response
}

async fn route(
    shared: &Shared,
    method: Method,
    path: String,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let authorization = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    shared.requests.lock().unwrap().push(Request {
        method: method.to_string(),
        path: path.clone(),
        authorization: authorization.clone(),
        body: body.clone(),
    });
    let segments: Vec<&str> = path.trim_start_matches("/api/v10/").split('/').collect();
    // Interaction callbacks and webhooks authenticate with the interaction token in the path.
    let bot_auth = authorization.as_deref() == Some(shared.token.as_str());
    match (method.as_str(), segments.as_slice()) {
        ("GET", ["gateway"]) => axum::Json(json!({ "url": gateway_url(shared) })).into_response(),
        ("GET", ["gateway", "bot"]) if bot_auth => axum::Json(json!({
            "url": gateway_url(shared),
            "shards": 1,
            "session_start_limit": { "total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1 },
        }))
        .into_response(),
        ("GET", ["users", "@me"]) if bot_auth => {
            axum::Json(json!({ "id": BOT_ID, "username": "bot", "discriminator": "0000", "bot": true })).into_response()
        }
        ("PUT", ["applications", _, "commands"] | ["applications", _, "guilds", _, "commands"]) if bot_auth => {
            axum::Json(json!([])).into_response()
        }
        ("POST", ["interactions", id, _, "callback"]) => {
            let delay = shared.slow.lock().unwrap().get(*id).copied();
            if let Some(delay) = delay {
                tokio::time::sleep(delay).await;
            }
            let fail = match shared.failing.lock().unwrap().get_mut(*id) {
                Some(left) if *left > 0 => {
                    *left -= 1;
                    true
                }
                _ => false,
            };
            if fail {
                discord_error(StatusCode::INTERNAL_SERVER_ERROR, "boom")
            } else {
                StatusCode::NO_CONTENT.into_response()
            }
        }
        ("PATCH", ["webhooks", _, _, "messages", "@original"]) => {
            let mut message = message_json("3000", body["embeds"].clone(), body["components"].clone());
            message["content"] = body["content"].clone();
            axum::Json(message).into_response()
        }
        _ if !bot_auth => discord_error(StatusCode::UNAUTHORIZED, "401: Unauthorized"),
        _ => discord_error(StatusCode::NOT_FOUND, "404: Not Found"),
    }
}

/// A message as Discord sends it, with every field serenity requires.
pub fn message_json(id: &str, embeds: Value, components: Value) -> Value {
    json!({
        "id": id,
        "channel_id": "500",
        "author": { "id": BOT_ID, "username": "bot", "discriminator": "0000", "bot": true },
        "content": "",
        "timestamp": "2025-01-01T00:00:00.000000+00:00",
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": if embeds.is_null() { json!([]) } else { embeds },
        "components": if components.is_null() { json!([]) } else { components },
        "pinned": false,
        "type": 0,
        "flags": 0,
    })
}
