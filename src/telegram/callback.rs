//! Callback data for inline-keyboard buttons: a [`crate::present::Action`] in at most 64
//! bytes.
//!
//! Encodings are stateless whenever they fit — `p:<offset>:<query>` pages an answer,
//! `t:<offset>:<topic-id>` opens a topic page, `r` lists the root topics, `f:<1|0>:<answer>`
//! rates an answer (at most 23 bytes) — so buttons keep working across restarts. A payload too
//! long for 64 bytes (a long query) is kept under its hash and the button carries `k:<hash>`
//! instead: in the store ([`crate::store`]) when there is one, so that every replica and a
//! restarted process can page it, and in a small bounded per-process map, which answers on its
//! own when there is no store or the store is down. Without the store such buttons stop working
//! after a restart or once [`STORE_CAPACITY`] newer long payloads have pushed them out; the
//! user is then asked to search again.
//!
//! Topic ids are carried by name, not by index, because the catalogue can be reloaded while a
//! message is on screen: an id that no longer exists gets a polite "no such topic".

use std::collections::{HashMap, VecDeque};
use std::hash::{Hash, Hasher};
use std::sync::Mutex;

use crate::present::Action;
use crate::store::{AnswerId, Store};

/// Telegram's limit on `callback_data`.
pub const MAX_CALLBACK: usize = 64;
/// Long payloads remembered at once.
pub const STORE_CAPACITY: usize = 4096;

/// Why callback data could not be understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// A long payload that is no longer remembered.
    #[error("the button has expired")]
    Expired,
    /// Not something we produced (an old bot version, or a forged callback).
    #[error("unrecognised callback data")]
    Malformed,
}

/// Encodes and decodes actions, remembering payloads that are too long to inline.
#[derive(Debug, Default)]
pub struct CallbackCodec {
    kept: Mutex<Kept>,
    store: Option<Store>,
}

/// The per-process map of long payloads.
#[derive(Debug, Default)]
struct Kept {
    map: HashMap<u64, String>,
    order: VecDeque<u64>,
}

/// A hash that is the same in every process (`DefaultHasher::new` uses fixed keys), so a key
/// means the same payload for as long as it is stored.
pub fn stable_hash(text: &str) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

impl CallbackCodec {
    /// A codec that also keeps long payloads in `store`, shared with other replicas.
    pub fn new(store: Option<Store>) -> CallbackCodec {
        CallbackCodec {
            kept: Mutex::default(),
            store,
        }
    }

    /// The callback data for `action`, at most [`MAX_CALLBACK`] bytes.
    pub fn encode(&self, action: &Action) -> String {
        let payload = match action {
            Action::Search { offset, query } => format!("p:{offset}:{query}"),
            Action::Topic { offset, id } => format!("t:{offset}:{id}"),
            Action::Roots => "r".to_owned(),
            Action::Feedback { answer, helpful } => format!("f:{}:{answer}", u8::from(*helpful)),
        };
        if payload.len() <= MAX_CALLBACK {
            return payload;
        }
        let key = stable_hash(&payload);
        let data = format!("k:{key:016x}");
        if let Some(store) = &self.store {
            store.remember(&data, &payload);
        }
        let mut kept = self.lock();
        if kept.map.insert(key, payload).is_none() {
            kept.order.push_back(key);
            while kept.order.len() > STORE_CAPACITY {
                if let Some(old) = kept.order.pop_front() {
                    kept.map.remove(&old);
                }
            }
        }
        data
    }

    /// The action behind callback data, asking the store for a long payload this process does
    /// not remember (another replica made the button, or this process restarted since).
    pub async fn resolve(&self, data: &str) -> Result<Action, DecodeError> {
        match (self.decode(data), &self.store) {
            (Err(DecodeError::Expired), Some(store)) => {
                let payload = store.recall(data).await.ok_or(DecodeError::Expired)?;
                parse(&payload)
            }
            (decoded, _) => decoded,
        }
    }

    /// The action behind callback data.
    pub fn decode(&self, data: &str) -> Result<Action, DecodeError> {
        if let Some(key) = data.strip_prefix("k:") {
            let key = u64::from_str_radix(key, 16).map_err(|_| DecodeError::Malformed)?;
            let payload = self
                .lock()
                .map
                .get(&key)
                .cloned()
                .ok_or(DecodeError::Expired)?;
            return parse(&payload);
        }
        parse(data)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Kept> {
        // Every mutation leaves the map and queue consistent between statements that can
        // panic, so a poisoned lock is safe to keep using.
        self.kept
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

fn parse(payload: &str) -> Result<Action, DecodeError> {
    if payload == "r" {
        return Ok(Action::Roots);
    }
    let (tag, rest) = payload.split_once(':').ok_or(DecodeError::Malformed)?;
    let (offset, value) = rest.split_once(':').ok_or(DecodeError::Malformed)?;
    let offset = offset
        .parse::<usize>()
        .map_err(|_| DecodeError::Malformed)?;
    match tag {
        "p" => Ok(Action::Search {
            offset,
            query: value.to_owned(),
        }),
        "t" if !value.is_empty() => Ok(Action::Topic {
            offset,
            id: value.to_owned(),
        }),
        "f" if offset <= 1 => Ok(Action::Feedback {
            answer: value
                .parse::<AnswerId>()
                .map_err(|_| DecodeError::Malformed)?,
            helpful: offset == 1,
        }),
        _ => Err(DecodeError::Malformed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn search(query: &str, offset: usize) -> Action {
        Action::Search {
            query: query.into(),
            offset,
        }
    }

    #[test]
    fn short_payloads_survive_a_restart_and_long_ones_expire() {
        let codec = CallbackCodec::default();
        let short = codec.encode(&search("LoRA: 教程", 5));
        assert_eq!(short, "p:5:LoRA: 教程");
        let long = codec.encode(&search(&"大模型".repeat(20), 10));
        assert!(
            long.starts_with("k:") && long.len() <= MAX_CALLBACK,
            "{long}"
        );
        let restarted = CallbackCodec::default();
        assert_eq!(restarted.decode(&short), Ok(search("LoRA: 教程", 5)));
        assert_eq!(restarted.decode(&long), Err(DecodeError::Expired));
    }

    #[test]
    fn the_store_is_bounded_and_garbage_is_malformed() {
        let codec = CallbackCodec::default();
        let first = codec.encode(&search(&"x".repeat(100), 0));
        for i in 0..STORE_CAPACITY {
            codec.encode(&search(&"y".repeat(100), i));
        }
        assert_eq!(codec.lock().map.len(), STORE_CAPACITY);
        let feedback = Action::Feedback {
            answer: AnswerId::new(i64::MAX).unwrap(),
            helpful: false,
        };
        let data = codec.encode(&feedback);
        assert_eq!(data, format!("f:0:{}", i64::MAX));
        assert!(data.len() <= MAX_CALLBACK);
        assert_eq!(codec.decode(&data), Ok(feedback));
        assert_eq!(codec.decode(&first), Err(DecodeError::Expired));
        for data in [
            "", "p", "p:x:q", "t:1:", "z:1:q", "k:zz", "t:-1:a", "f:2:5", "f:1:0", "f:1:x",
        ] {
            assert_eq!(codec.decode(data), Err(DecodeError::Malformed), "{data}");
        }
    }
}
