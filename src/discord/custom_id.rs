//! Component custom ids: [`Action`]s encoded statelessly, so that any process (after a restart,
//! on another shard) can serve a click.
//!
//! - `ask:<offset>:<query>` pages through a query's results; when the whole query does not fit
//!   in Discord's 100-character id, it is `ask:<offset>` and the query is read back from the
//!   footer of the message being paged, after [`FOOTER_SEPARATOR`].
//! - `topic:<offset>:<id>` opens a topic at a page of its resources; `topic:0:` is the list of
//!   root topics.
//! - `fb:<1|0>:<answer>` rates an answer (at most 25 characters).
//! - [`TOPIC_SELECT`] is the select menu of topics; the chosen option's value is the topic id.

use crate::present::{Action, Notice};
use crate::store::AnswerId;

/// Custom id of the topic select menu.
pub const TOPIC_SELECT: &str = "topics";
/// Discord's limit on a custom id (it counts characters; bytes are never fewer).
pub const MAX_ID: usize = 100;
/// Separates the page counter from the query in an answer's footer. Footers render no
/// markdown, so the query reads back as written.
pub const FOOTER_SEPARATOR: &str = " · ";

/// The query a footer carries.
fn query_from_footer(footer: &str) -> Option<&str> {
    footer
        .split_once(FOOTER_SEPARATOR)
        .map(|(_, query)| query)
        .filter(|q| !q.trim().is_empty())
}

/// The custom id for an action, or `None` when it cannot fit (a topic id so long that the
/// button cannot exist). A query that does not fit is left out, never cut: a cut query would
/// page through different results.
pub fn encode(action: &Action) -> Option<String> {
    let id = match action {
        Action::Search { offset, query } => {
            let full = format!("ask:{offset}:{query}");
            if full.len() <= MAX_ID {
                full
            } else {
                format!("ask:{offset}")
            }
        }
        Action::Topic { id, offset } => format!("topic:{offset}:{id}"),
        Action::Roots => "topic:0:".to_owned(),
        Action::Feedback { answer, helpful } => format!("fb:{}:{answer}", u8::from(*helpful)),
    };
    (id.len() <= MAX_ID).then_some(id)
}

/// What a custom id asks for; `footer` is the footer of the message the component is on,
/// where a long query is kept: [`Notice::Expired`] when it should be there and is not.
/// `None` for anything this version did not write.
pub fn decode(custom_id: &str, footer: Option<&str>) -> Option<Result<Action, Notice>> {
    if let Some(rest) = custom_id.strip_prefix("ask:") {
        let (offset, query) = match rest.split_once(':') {
            Some((offset, query)) => (offset, Some(query)),
            None => (rest, None),
        };
        let offset = offset.parse().ok()?;
        let query = query.or_else(|| footer.and_then(query_from_footer));
        let action = query.map(|query| Action::Search {
            query: query.to_owned(),
            offset,
        });
        return Some(action.ok_or(Notice::Expired));
    }
    if let Some(rest) = custom_id.strip_prefix("fb:") {
        let (helpful, answer) = rest.split_once(':')?;
        let helpful = match helpful {
            "1" => true,
            "0" => false,
            _ => return None,
        };
        let answer = answer.parse::<AnswerId>().ok()?;
        return Some(Ok(Action::Feedback { answer, helpful }));
    }
    let (offset, id) = custom_id.strip_prefix("topic:")?.split_once(':')?;
    let offset = offset.parse().ok()?;
    Some(Ok(match id {
        "" => Action::Roots,
        id => Action::Topic {
            id: id.to_owned(),
            offset,
        },
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oversized_and_foreign_ids() {
        assert_eq!(encode(&Action::topic("t".repeat(100))), None);
        for foreign in [
            "ask:x:q",
            "topic:1",
            "something-else",
            "",
            "topics",
            "fb:2:1",
            "fb:1:0",
            "fb:1",
        ] {
            assert_eq!(decode(foreign, None), None, "{foreign}");
        }
        let feedback = Action::Feedback {
            answer: AnswerId::new(i64::MAX).unwrap(),
            helpful: true,
        };
        let id = encode(&feedback).unwrap();
        assert_eq!(id, format!("fb:1:{}", i64::MAX));
        assert_eq!(decode(&id, None), Some(Ok(feedback)));
    }
}
