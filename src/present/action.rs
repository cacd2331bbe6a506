//! The action vocabulary: everything a button, select menu or chat command can ask for.
//!
//! Views carry actions; each front end encodes them in its own way (Telegram callback data,
//! Discord custom ids, terminal commands) and decodes them back into the same [`Action`], which
//! [`super::Presenter::respond`] turns into the next view. Adding a variant (feedback on an
//! answer, say) is one arm here and one encoding per front end.

use crate::store::AnswerId;

/// What a button, select option or command asks for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Action {
    /// A page of the answer to `query`, from result `offset`.
    Search {
        /// The question, as the answer echoed it.
        query: String,
        /// Index of the first result of the page.
        offset: usize,
    },
    /// A page of a topic (by id), from resource `offset`.
    Topic {
        /// The topic's id.
        id: String,
        /// Index of the first resource of the page.
        offset: usize,
    },
    /// The list of root topics.
    Roots,
    /// Feedback on an answer: helpful or not. Its buttons also tell which answer a message
    /// shows (see [`answer_of`]).
    Feedback {
        /// The answer rated.
        answer: AnswerId,
        /// Helpful (true) or not.
        helpful: bool,
    },
}

/// The answer a message shows, read from the actions of its buttons (its feedback buttons
/// carry the answer's id); `None` for a message that is not a recorded answer.
pub fn answer_of<'a>(actions: impl IntoIterator<Item = &'a Action>) -> Option<AnswerId> {
    actions.into_iter().find_map(|a| match a {
        Action::Feedback { answer, .. } => Some(*answer),
        _ => None,
    })
}

impl Action {
    /// The first page of a topic.
    pub fn topic(id: impl Into<String>) -> Action {
        Action::Topic {
            id: id.into(),
            offset: 0,
        }
    }
}
