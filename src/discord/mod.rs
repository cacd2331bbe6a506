//! Discord adapter (serenity): slash commands, autocomplete, embeds and buttons.
//! Being written; see issue 4.
