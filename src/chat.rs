//! `ganhuo chat`: the bot in a terminal, over the same core and answer model as the chat
//! adapters, so a newcomer can try it with no token.

use std::io::{BufRead, Write};

use anyhow::Result;

use crate::cli::render_answer;
use crate::i18n::Locale;
use crate::search::Engine;

/// What one line typed at the prompt asks for.
#[derive(Debug, PartialEq, Eq)]
enum Line<'a> {
    Quit,
    Help,
    More,
    Topics(Option<&'a str>),
    Ask(&'a str),
    Nothing,
}

fn parse(line: &str) -> Line<'_> {
    let line = line.trim();
    let (command, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    let rest = rest.trim();
    match command {
        "" => Line::Nothing,
        "/quit" | "/exit" | "/q" => Line::Quit,
        "/help" | "/start" => Line::Help,
        "/more" | "/next" => Line::More,
        "/topics" => Line::Topics((!rest.is_empty()).then_some(rest)),
        "/ask" => Line::Ask(rest),
        _ => Line::Ask(line),
    }
}

/// Runs the console until end of input or `/quit`.
pub fn run(engine: &Engine, page_size: usize, locale: Locale) -> Result<()> {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    writeln!(out, "{}\n", locale.welcome())?;
    writeln!(out, "(/topics, /more, /help, /quit)")?;
    let mut last: Option<(String, usize)> = None;
    let mut input = String::new();
    loop {
        write!(out, "> ")?;
        out.flush()?;
        input.clear();
        if stdin.lock().read_line(&mut input)? == 0 {
            writeln!(out)?;
            return Ok(());
        }
        let reply = respond(engine, parse(&input), &mut last, page_size, locale);
        match reply {
            None => return Ok(()),
            Some(text) => writeln!(out, "{text}")?,
        }
    }
}

/// The reply to one line; `None` ends the session. `last` remembers the query and next offset
/// for `/more`.
fn respond(
    engine: &Engine,
    line: Line<'_>,
    last: &mut Option<(String, usize)>,
    page_size: usize,
    locale: Locale,
) -> Option<String> {
    let page = |query: &str, offset: usize, last: &mut Option<(String, usize)>| {
        let answer = engine.answer(query, offset, page_size);
        *last = answer.next_offset().map(|next| (query.to_owned(), next));
        render_answer(&answer, locale)
    };
    Some(match line {
        Line::Quit => return None,
        Line::Nothing => String::new(),
        Line::Help => locale.help().to_owned(),
        Line::Ask("") => locale.ask_usage().to_owned(),
        Line::Ask(query) => page(query, 0, last),
        Line::More => match last.take() {
            Some((query, offset)) => page(&query, offset, last),
            None => locale.no_results().to_owned(),
        },
        Line::Topics(path) => topics(engine, path, locale),
    })
}

fn topics(engine: &Engine, path: Option<&str>, locale: Locale) -> String {
    let catalogue = engine.catalogue();
    let children: Vec<usize> = match path {
        None => catalogue.roots().collect(),
        Some(p) => match engine.find_topic(p) {
            Some(t) => {
                let mut text = String::new();
                for &c in catalogue.children(t) {
                    let topic = crate::answer::TopicRef::new(catalogue, c);
                    text.push_str(&format!("  ▸ {}\n", topic.label(locale)));
                }
                for r in catalogue.resources_under(t) {
                    let hit = crate::answer::Hit::of(catalogue, catalogue.resource(r));
                    text.push_str(&format!("  • {}\n    {}\n", hit.title_for(locale), hit.url));
                }
                return text;
            }
            None => return locale.unknown_topic().to_owned(),
        },
    };
    children
        .into_iter()
        .map(|t| {
            let topic = crate::answer::TopicRef::new(catalogue, t);
            format!(
                "  ▸ {} ({})\n",
                topic.label(locale),
                catalogue.resources_under(t).len()
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_commands() {
        assert_eq!(parse("/quit"), Line::Quit);
        assert_eq!(parse("  "), Line::Nothing);
        assert_eq!(parse("/topics LLM推理"), Line::Topics(Some("LLM推理")));
        assert_eq!(parse("/topics"), Line::Topics(None));
        assert_eq!(parse("/ask  vllm "), Line::Ask("vllm"));
        assert_eq!(parse("LoRA 教程"), Line::Ask("LoRA 教程"));
    }

    #[test]
    fn more_pages_through_the_last_query() {
        let engine = Engine::shipped().unwrap();
        let mut last = None;
        let first = respond(&engine, Line::Ask("量化"), &mut last, 2, Locale::En).unwrap();
        assert!(first.contains("1–2 of"));
        let second = respond(&engine, Line::More, &mut last, 2, Locale::En).unwrap();
        assert!(second.contains("3–4 of"), "{second}");
        assert!(respond(&engine, Line::Quit, &mut last, 2, Locale::En).is_none());
    }

    #[test]
    fn topics_browse_the_tree() {
        let engine = Engine::shipped().unwrap();
        let roots = topics(&engine, None, Locale::Zh);
        assert!(roots.contains("LLM推理"));
        let branch = topics(&engine, Some("vllm"), Locale::En);
        assert!(branch.contains("github.com/vllm-project/vllm"));
        assert_eq!(
            topics(&engine, Some("nope"), Locale::En),
            Locale::En.unknown_topic()
        );
    }
}
