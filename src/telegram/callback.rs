//! Callback data for inline-keyboard buttons: what a button does, in at most 64 bytes.
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

/// Telegram's limit on `callback_data`.
pub const MAX_CALLBACK: usize = 64;
/// Long payloads remembered at once.
pub const STORE_CAPACITY: usize = 4096;

/// What a button asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Callback {
    /// A page of the answer to `query`.
    Page { offset: usize, query: String },
    /// A page of a topic.
    Topic { offset: usize, id: String },
    /// The list of root topics.
    Roots,
}

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

/// Encodes and decodes [`Callback`]s, remembering payloads that are too long to inline.
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
    pub fn encode(&self, action: &Callback) -> String {
        let payload = match action {
            Callback::Page { offset, query } => format!("p:{offset}:{query}"),
            Callback::Topic { offset, id } => format!("t:{offset}:{id}"),
            Callback::Roots => "r".to_owned(),
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
    pub fn decode(&self, data: &str) -> Result<Callback, DecodeError> {
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

fn parse(payload: &str) -> Result<Callback, DecodeError> {
    if payload == "r" {
        return Ok(Callback::Roots);
    }
    let (tag, rest) = payload.split_once(':').ok_or(DecodeError::Malformed)?;
    let (offset, value) = rest.split_once(':').ok_or(DecodeError::Malformed)?;
    let offset = offset
        .parse::<usize>()
        .map_err(|_| DecodeError::Malformed)?;
    match tag {
        "p" if !value.is_empty() => Ok(Callback::Page {
            offset,
            query: value.to_owned(),
        }),
        "t" if !value.is_empty() => Ok(Callback::Topic {
            offset,
            id: value.to_owned(),
        }),
        _ => Err(DecodeError::Malformed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_payloads_are_stateless() {
        let codec = CallbackCodec::default();
        let page = Callback::Page {
            offset: 5,
            query: "LoRA: 教程".into(),
        };
        let data = codec.encode(&page);
        assert_eq!(data, "p:5:LoRA: 教程");
        // A fresh codec (a restarted bot) still understands it.
        assert_eq!(CallbackCodec::default().decode(&data), Ok(page));
        let topic = Callback::Topic {
            offset: 0,
            id: "vllm".into(),
        };
        assert_eq!(codec.decode(&codec.encode(&topic)), Ok(topic));
        assert_eq!(codec.decode("r"), Ok(Callback::Roots));
    }

    #[test]
    fn long_payloads_go_through_the_store() {
        let codec = CallbackCodec::default();
        let page = Callback::Page {
            offset: 10,
            query: "大模型".repeat(20),
        };
        let data = codec.encode(&page);
        assert!(data.len() <= MAX_CALLBACK, "{data}");
        assert!(data.starts_with("k:"));
        assert_eq!(codec.decode(&data), Ok(page));
        assert_eq!(
            CallbackCodec::default().decode(&data),
            Err(DecodeError::Expired)
        );
    }

    #[test]
    fn the_store_is_bounded() {
        let codec = CallbackCodec::default();
        let first = codec.encode(&Callback::Page {
            offset: 0,
            query: "x".repeat(100),
        });
        for i in 0..STORE_CAPACITY {
            codec.encode(&Callback::Page {
                offset: i,
                query: "y".repeat(100),
            });
        }
        assert_eq!(codec.lock().map.len(), STORE_CAPACITY);
        assert_eq!(codec.decode(&first), Err(DecodeError::Expired));
    }

    #[test]
    fn garbage_is_malformed() {
        let codec = CallbackCodec::default();
        for data in ["", "p", "p:x:q", "p:1:", "z:1:q", "k:zz", "t:-1:a"] {
            assert_eq!(codec.decode(data), Err(DecodeError::Malformed), "{data}");
        }
    }
}
