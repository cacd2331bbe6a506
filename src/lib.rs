//! ganhuo (干货, "the solid stuff"): answers questions about LLM learning resources from a
//! curated bilingual catalogue, on Telegram, Discord and the command line.
//!
//! The layers, bottom up, each importing only those below it:
//!
//! - at the bottom, [`platform`] (which front end asked) and [`pacing`] (backoff, log gate);
//! - the core — [`catalogue`], [`search`], the [`answer`] model, [`browse`], [`i18n`] and
//!   [`service`] — knows nothing of any platform;
//! - [`present`] decides what every front end shows: views, notices, paging, actions;
//! - [`bots`] is what the chat bots share to talk to their platforms;
//! - [`store`] keeps the query log, feedback and the paging state of long queries (SQLite or
//!   PostgreSQL); [`service`] records into it;
//! - the front ends — [`telegram`], [`discord`], [`chat`] and [`cli`] — encode actions and
//!   mark views up; [`app`] runs the bots with [`http`] and [`reload`] beside them.

pub mod pacing;
pub mod platform;

pub mod answer;
pub mod browse;
pub mod catalogue;
pub mod i18n;
pub mod search;
pub mod service;

pub mod present;

pub mod bots;
pub mod store;

pub mod app;
pub mod chat;
pub mod cli;
pub mod config;
pub mod discord;
pub mod http;
pub mod links;
pub mod reload;
pub mod report;
pub mod telegram;

pub use answer::Answer;
pub use catalogue::Catalogue;
pub use search::Engine;
