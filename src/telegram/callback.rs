//! Callback data for inline-keyboard buttons: a [`crate::present::Action`] in at most 64
//! bytes.
//!
//! Encodings are stateless whenever they fit — `p:<offset>:<query>` pages an answer,
//! `t:<offset>:<topic-id>` opens a topic page, `r` lists the root topics — so buttons keep
//! working across restarts. A payload too long for 64 bytes (a long query) is kept in a small
//! bounded in-memory map and the button carries `k:<hash>` instead. The trade-off: such
//! buttons stop working after a restart or once [`STORE_CAPACITY`] newer long payloads have
//! pushed them out; the user is then asked to search again.
//!
//! Topic ids are carried by name, not by index, because the catalogue can be reloaded while a
//! message is on screen: an id that no longer exists gets a polite "no such topic".

use std::collections::{HashMap, VecDeque};
use std::hash::{Hash, Hasher};
use std::sync::Mutex;

use crate::present::Action;

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
    store: Mutex<Store>,
}

#[derive(Debug, Default)]
struct Store {
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
    /// The callback data for `action`, at most [`MAX_CALLBACK`] bytes.
    pub fn encode(&self, action: &Action) -> String {
        let payload = match action {
            Action::Search { offset, query } => format!("p:{offset}:{query}"),
            Action::Topic { offset, id } => format!("t:{offset}:{id}"),
            Action::Roots => "r".to_owned(),
        };
        if payload.len() <= MAX_CALLBACK {
            return payload;
        }
        let key = stable_hash(&payload);
        let mut store = self.lock();
        if store.map.insert(key, payload).is_none() {
            store.order.push_back(key);
            while store.order.len() > STORE_CAPACITY {
                if let Some(old) = store.order.pop_front() {
                    store.map.remove(&old);
                }
            }
        }
        format!("k:{key:016x}")
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

    fn lock(&self) -> std::sync::MutexGuard<'_, Store> {
        // Every mutation leaves the map and queue consistent between statements that can
        // panic, so a poisoned lock is safe to keep using.
        self.store
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
        assert_eq!(codec.decode(&first), Err(DecodeError::Expired));
        for data in ["", "p", "p:x:q", "t:1:", "z:1:q", "k:zz", "t:-1:a"] {
            assert_eq!(codec.decode(data), Err(DecodeError::Malformed), "{data}");
        }
    }
}
