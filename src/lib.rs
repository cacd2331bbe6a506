//! ganhuo (干货, "the solid stuff"): answers questions about LLM learning resources from a
//! curated bilingual catalogue, on Telegram, Discord and the command line.
//!
//! The core — [`catalogue`], [`search`] and the [`answer`] model — knows nothing of any
//! platform; the adapters only translate between a platform and [`answer::Answer`].

pub mod answer;
pub mod browse;
pub mod catalogue;
pub mod i18n;
pub mod search;

pub use answer::Answer;
pub use catalogue::Catalogue;
pub use search::Engine;
pub mod present;

pub mod bots;

pub mod app;
pub mod chat;
pub mod cli;
pub mod config;
pub mod discord;
pub mod http;
pub mod reload;
pub mod service;
pub mod telegram;
