//! Telegram adapter (teloxide): translates updates into questions and answers into messages.
//! Being written; see issue 3.
