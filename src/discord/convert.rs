//! The edge between pure rendering and serenity: [`Reply`] and [`Choice`] values become
//! serenity builders. Every message built here mentions no one.

use serenity::all::{
    AutocompleteChoice, ButtonStyle, CreateActionRow, CreateAllowedMentions,
    CreateAutocompleteResponse, CreateButton, CreateEmbed, CreateEmbedFooter,
    CreateInteractionResponseMessage, CreateSelectMenu, CreateSelectMenuKind,
    CreateSelectMenuOption, EditInteractionResponse,
};

use super::render::{COLOUR, Choice, Embed, Reply, Row};

/// No `@everyone`, role or user ping, whatever the text says.
fn no_mentions() -> CreateAllowedMentions {
    CreateAllowedMentions::new()
        .empty_users()
        .empty_roles()
        .everyone(false)
        .replied_user(false)
}

fn embed(e: &Embed) -> CreateEmbed {
    let mut out = CreateEmbed::new().colour(COLOUR);
    if !e.title.is_empty() {
        out = out.title(&e.title);
    }
    if !e.description.is_empty() {
        out = out.description(&e.description);
    }
    for f in &e.fields {
        out = out.field(&f.name, &f.value, f.inline);
    }
    if let Some(footer) = &e.footer {
        out = out.footer(CreateEmbedFooter::new(footer));
    }
    out
}

fn row(r: &Row) -> CreateActionRow {
    match r {
        Row::Buttons(buttons) => CreateActionRow::Buttons(
            buttons
                .iter()
                .map(|b| {
                    let style = if b.primary {
                        ButtonStyle::Primary
                    } else {
                        ButtonStyle::Secondary
                    };
                    CreateButton::new(&b.custom_id).label(&b.label).style(style)
                })
                .collect(),
        ),
        Row::Select(s) => {
            let options = s
                .options
                .iter()
                .map(|o| {
                    let option = CreateSelectMenuOption::new(&o.label, &o.value);
                    match &o.description {
                        Some(d) => option.description(d),
                        None => option,
                    }
                })
                .collect();
            CreateActionRow::SelectMenu(
                CreateSelectMenu::new(&s.custom_id, CreateSelectMenuKind::String { options })
                    .placeholder(&s.placeholder),
            )
        }
    }
}

/// A reply as an interaction response message (new message or update).
pub fn message(reply: &Reply, ephemeral: bool) -> CreateInteractionResponseMessage {
    let mut out = CreateInteractionResponseMessage::new()
        .allowed_mentions(no_mentions())
        .embeds(reply.embeds.iter().map(embed).collect())
        .components(reply.rows.iter().map(row).collect())
        .ephemeral(ephemeral);
    // An update without content must clear the old content, not keep it.
    out = out.content(reply.content.clone().unwrap_or_default());
    out
}

/// A reply as an edit of the original response (after a defer).
pub fn edit(reply: &Reply) -> EditInteractionResponse {
    EditInteractionResponse::new()
        .allowed_mentions(no_mentions())
        .content(reply.content.clone().unwrap_or_default())
        .embeds(reply.embeds.iter().map(embed).collect())
        .components(reply.rows.iter().map(row).collect())
}

/// Autocomplete choices as a response.
pub fn choices(choices: &[Choice]) -> CreateAutocompleteResponse {
    CreateAutocompleteResponse::new().set_choices(
        choices
            .iter()
            .map(|c| AutocompleteChoice::new(c.name.clone(), c.value.clone()))
            .collect(),
    )
}
