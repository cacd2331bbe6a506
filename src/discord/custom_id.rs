//! Component custom ids: what a button or select menu does when clicked, encoded statelessly
//! so that any process (after a restart, on another shard) can serve the click.
//!
//! - `ask:<offset>:<query>` pages through a query's results; when the whole query does not fit
//!   in Discord's 100-character id, it is `ask:<offset>` and the query is read back from the
//!   footer of the message being paged (see [`crate::discord::render::query_from_footer`]).
//! - `topic:<offset>:<id>` opens a topic at a page of its resources; an empty id is the list
//!   of top-level topics.
//! - `topics` is the select menu of topics; the chosen option's value is the topic id.

use super::limits;

/// Custom id of the topic select menu.
pub const TOPIC_SELECT: &str = "topics";

/// What a component asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A page of a query's results; `None` means "the query in the message's footer".
    Ask {
        offset: usize,
        query: Option<String>,
    },
    /// A topic (`None` = the top-level list) at a page of its resources.
    Topic { id: Option<String>, offset: usize },
    /// The topic select menu; the topic is in the selected value.
    TopicSelect,
}

impl Action {
    /// The custom id for this action, or `None` when it cannot fit (a topic id so long that
    /// the button cannot exist). A query that does not fit is left out, never cut: a cut query
    /// would page through different results.
    pub fn encode(&self) -> Option<String> {
        let id = match self {
            Action::Ask { offset, query } => {
                let full = query.as_ref().map(|q| format!("ask:{offset}:{q}"));
                match full {
                    Some(id) if id.len() <= limits::CUSTOM_ID => id,
                    _ => format!("ask:{offset}"),
                }
            }
            Action::Topic { id, offset } => {
                format!("topic:{offset}:{}", id.as_deref().unwrap_or(""))
            }
            Action::TopicSelect => TOPIC_SELECT.to_owned(),
        };
        (id.len() <= limits::CUSTOM_ID).then_some(id)
    }

    /// Reads a custom id back; `None` for anything this version did not write.
    pub fn decode(custom_id: &str) -> Option<Action> {
        if custom_id == TOPIC_SELECT {
            return Some(Action::TopicSelect);
        }
        if let Some(rest) = custom_id.strip_prefix("ask:") {
            let (offset, query) = match rest.split_once(':') {
                Some((offset, query)) => (offset, Some(query.to_owned())),
                None => (rest, None),
            };
            return Some(Action::Ask {
                offset: offset.parse().ok()?,
                query,
            });
        }
        if let Some(rest) = custom_id.strip_prefix("topic:") {
            let (offset, id) = rest.split_once(':')?;
            let id = (!id.is_empty()).then(|| id.to_owned());
            return Some(Action::Topic {
                id,
                offset: offset.parse().ok()?,
            });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(action: Action) {
        let id = action.encode().expect("fits");
        assert!(id.len() <= limits::CUSTOM_ID, "{id}");
        assert_eq!(Action::decode(&id), Some(action));
    }

    #[test]
    fn actions_round_trip() {
        round_trip(Action::Ask {
            offset: 5,
            query: Some("lora: tutorial".into()),
        });
        round_trip(Action::Ask {
            offset: 0,
            query: None,
        });
        round_trip(Action::Topic {
            id: Some("vllm".into()),
            offset: 10,
        });
        round_trip(Action::Topic {
            id: None,
            offset: 0,
        });
        round_trip(Action::TopicSelect);
    }

    #[test]
    fn long_queries_move_to_the_footer() {
        let long = "分布式训练".repeat(10);
        let id = Action::Ask {
            offset: 5,
            query: Some(long),
        }
        .encode()
        .unwrap();
        assert_eq!(id, "ask:5");
        let exact = "x".repeat(limits::CUSTOM_ID - "ask:5:".len());
        let id = Action::Ask {
            offset: 5,
            query: Some(exact.clone()),
        }
        .encode()
        .unwrap();
        assert_eq!(id.len(), limits::CUSTOM_ID);
        assert_eq!(
            Action::decode(&id),
            Some(Action::Ask {
                offset: 5,
                query: Some(exact)
            })
        );
    }

    #[test]
    fn oversized_and_foreign_ids() {
        assert_eq!(
            Action::Topic {
                id: Some("t".repeat(100)),
                offset: 0
            }
            .encode(),
            None
        );
        assert_eq!(Action::decode("ask:x:q"), None);
        assert_eq!(Action::decode("topic:1"), None);
        assert_eq!(Action::decode("something-else"), None);
        assert_eq!(Action::decode(""), None);
    }
}
