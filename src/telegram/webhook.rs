//! The webhook route: Telegram POSTs updates to the shared HTTP server, which checks the
//! secret header and hands them to the dispatcher through a channel.

use std::hash::{BuildHasher, Hasher};
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use teloxide::types::Update;
use tokio::sync::mpsc;
use tracing::debug;

/// The header Telegram echoes the `secret_token` of `setWebhook` in.
pub const SECRET_HEADER: &str = "x-telegram-bot-api-secret-token";
/// Updates buffered between the route and the dispatcher; a full buffer makes Telegram wait.
pub const QUEUE: usize = 256;

struct Hook {
    secret: String,
    updates: mpsc::Sender<Update>,
}

/// A router accepting updates at `path` when they carry `secret`.
pub fn router(path: &str, secret: String, updates: mpsc::Sender<Update>) -> Router {
    Router::new()
        .route(path, post(receive))
        .with_state(Arc::new(Hook { secret, updates }))
}

async fn receive(State(hook): State<Arc<Hook>>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let given = headers
        .get(SECRET_HEADER)
        .map(|v| v.as_bytes())
        .unwrap_or_default();
    if !constant_time_eq(given, hook.secret.as_bytes()) {
        return StatusCode::UNAUTHORIZED;
    }
    let update: Update = match serde_json::from_slice(&body) {
        Ok(update) => update,
        Err(err) => {
            // 200 anyway: Telegram would otherwise redeliver the same bad update forever.
            debug!(%err, "ignoring a webhook body that is not an update");
            return StatusCode::OK;
        }
    };
    match hook.updates.send(update).await {
        Ok(()) => StatusCode::OK,
        // The adapter has stopped; Telegram keeps the update and retries later.
        Err(_) => StatusCode::SERVICE_UNAVAILABLE,
    }
}

/// Compares secrets without leaking, through timing, how much of a guess was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A random secret for `setWebhook` when the operator configured none (Telegram allows
/// `A-Z a-z 0-9 _ -`). `RandomState` is seeded from the OS, which is enough for a secret that
/// only has to be unguessable, without adding a dependency for it.
pub fn generate_secret() -> String {
    (0..4)
        .map(|i| {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u64(i);
            h.write_u128(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap_or_default()
                    .as_nanos(),
            );
            format!("{:016x}", h.finish())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_long_distinct_and_compared_in_full() {
        let a = generate_secret();
        assert_eq!(a.len(), 64);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, generate_secret());
        assert!(constant_time_eq(b"abc", b"abc"));
        for other in [&b"abd"[..], b"ab", b""] {
            assert!(!constant_time_eq(b"abc", other));
        }
    }
}
