//! The action vocabulary: everything a button, select menu or chat command can ask for.
//!
//! Views carry actions; each front end encodes them in its own way (Telegram callback data,
//! Discord custom ids, terminal commands) and decodes them back into the same [`Action`], which
//! [`super::Presenter::respond`] turns into the next view. Adding a variant (feedback on an
//! answer, say) is one arm here and one encoding per front end.

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
