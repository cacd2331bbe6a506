//! `ganhuo chat`: the bot in a terminal, a front end like the two bots, so a newcomer can try it
//! with no token. It encodes actions as commands (`/more`, `/back`, `/up`, `/first`,
//! `/topics <id>`, and `/good` `/bad` for feedback when a store records answers — `ganhuo
//! chat` itself runs without one) and marks views up as plain text; [`plain`] also serves
//! `ganhuo ask`.
//!
//! At a terminal, lines are read with line editing and history; otherwise (a pipe, a test)
//! plainly, with bytes that are not UTF-8 replaced.

use std::io::{BufRead, Write};

use anyhow::{Context, Result};

use crate::i18n::Locale;
use crate::platform::Command;
use crate::present::{
    Action, Budget, Heading, LinkKind, Measure, Notice, Origin, Presenter, Reply, Request, View,
    answer_of,
};

/// A terminal has no limits worth clipping to, but a very long title still reads better cut.
pub const BUDGET: Budget = Budget {
    measure: Measure::PLAIN,
    items: 50,
    body: 100_000,
    item_markup: 16,
    label: 300,
    caption: 80,
    url: 4096,
    topics: 100,
};

/// The commands that follow navigation links.
const NAVIGATION: [(LinkKind, &str); 7] = [
    (LinkKind::Next, "/more"),
    (LinkKind::Previous, "/back"),
    (LinkKind::Restart, "/first"),
    (LinkKind::Up, "/up"),
    (LinkKind::Roots, "/topics"),
    (LinkKind::Helpful, "/good"),
    (LinkKind::NotHelpful, "/bad"),
];

/// What one line typed at the prompt asks for.
#[derive(Debug, PartialEq, Eq)]
enum Line {
    Quit,
    Help,
    Follow(LinkKind),
    Request(Request),
    Unknown,
    Nothing,
}

fn parse(line: &str) -> Line {
    let line = line.trim();
    let (command, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    let rest = rest.trim();
    match command {
        "" => Line::Nothing,
        "/quit" | "/exit" | "/q" => Line::Quit,
        "/help" | "/start" => Line::Help,
        "/more" | "/next" => Line::Follow(LinkKind::Next),
        "/back" | "/prev" => Line::Follow(LinkKind::Previous),
        "/first" => Line::Follow(LinkKind::Restart),
        "/up" => Line::Follow(LinkKind::Up),
        "/good" => Line::Follow(LinkKind::Helpful),
        "/bad" => Line::Follow(LinkKind::NotHelpful),
        "/topics" => Line::Request(Request::Browse((!rest.is_empty()).then(|| rest.to_owned()))),
        // "/ask", and what other search bots taught people to type ("/search", "/搜").
        _ if Command::parse(line).is_some_and(|c| c.asks()) => {
            Line::Request(Request::Ask(rest.to_owned()))
        }
        c if c.starts_with('/') => Line::Unknown,
        _ => Line::Request(Request::Ask(line.to_owned())),
    }
}

/// This front end's own commands, for help and for unknown commands.
fn commands_help(locale: Locale) -> &'static str {
    match locale {
        Locale::Zh => {
            "命令:\n  /topics [主题]  浏览主题目录\n  /more /back     下一页、上一页\n  /up /first      上一级主题、回到开头\n  /help           帮助\n  /quit           退出\n其他输入都当作问题。"
        }
        Locale::En => {
            "Commands:\n  /topics [topic]  browse the topic tree\n  /more /back      next and previous page\n  /up /first       parent topic, start over\n  /help            this help\n  /quit            leave\nAnything else is a question."
        }
    }
}

/// The command for each action a view offers, in the order shown.
pub fn commands(view: &View) -> Vec<(String, Action)> {
    let topics = view.topics.iter().filter_map(|e| match &e.action {
        Action::Topic { id, .. } => Some((format!("/topics {id}"), e.action.clone())),
        _ => None,
    });
    let links = view.links.iter().map(|l| {
        let command = match (l.kind, &l.action) {
            (LinkKind::Topic, Action::Topic { id, .. }) => format!("/topics {id}"),
            (kind, _) => NAVIGATION
                .iter()
                .find(|(k, _)| *k == kind)
                .map_or_else(String::new, |(_, c)| (*c).to_owned()),
        };
        (command, l.action.clone())
    });
    topics.chain(links).collect()
}

/// A view as plain text; `interactive` adds the commands that follow its links.
pub fn plain(view: &View, interactive: bool) -> String {
    let locale = view.locale;
    let mut out = String::new();
    match &view.heading {
        Heading::Topic { path } => out.push_str(&format!("📂 {path}\n")),
        Heading::Roots => out.push_str(&format!("📚 {}\n", locale.topic_tree())),
        Heading::SmallTalk(_) | Heading::Results { .. } => {}
    }
    for notice in &view.notices {
        out.push_str(notice.text(locale));
        out.push('\n');
    }
    if let Some(hint) = view.hint() {
        out.push_str(&hint);
        out.push('\n');
    }
    let commands = commands(view);
    for (entry, (command, _)) in view.topics.iter().zip(&commands) {
        let count = entry
            .resources
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        let mark = if entry.resources.is_some() {
            "▸"
        } else {
            "•"
        };
        let hint = if interactive {
            format!("   {command}")
        } else {
            String::new()
        };
        out.push_str(&format!("  {mark} {}{count}{hint}\n", entry.label));
    }
    for item in &view.items {
        out.push_str(&format!("{}. {}\n", item.number, item.title));
        if let Some(url) = &item.url {
            out.push_str(&format!("   {url}\n"));
        }
        out.push_str(&format!("   {}\n", item.details));
    }
    if let Some(page) = view.page {
        out.push_str(&format!("({})\n", page.text(locale)));
    }
    if interactive {
        let links = &commands[view.topics.len()..];
        let hints: Vec<String> = view
            .links
            .iter()
            .zip(links)
            .map(|(link, (command, _))| format!("{command}  {}", link.caption))
            .collect();
        if !hints.is_empty() {
            out.push_str(&format!("[{}]\n", hints.join(" · ")));
        }
    }
    if view.is_help() {
        out.push_str(commands_help(locale));
        out.push('\n');
    }
    out
}

/// One terminal conversation: the presenter, and the last view's actions for `/more` & co.
pub struct Session {
    presenter: Presenter,
    locale: Locale,
    last: Option<View>,
}

impl Session {
    /// A conversation in `locale`.
    pub fn new(presenter: Presenter, locale: Locale) -> Session {
        Session {
            presenter,
            locale,
            last: None,
        }
    }

    /// The reply to one line; `None` ends the session.
    pub fn reply(&mut self, line: &str) -> Option<String> {
        let mut origin = Origin::default();
        let request = match parse(line) {
            Line::Quit => return None,
            Line::Nothing => return Some(String::new()),
            Line::Unknown => return Some(commands_help(self.locale).to_owned()),
            Line::Help => Request::Help,
            Line::Request(request) => request,
            Line::Follow(kind) => {
                let link = self.last.as_ref().and_then(|v| v.link(kind));
                match link {
                    Some(link) => {
                        origin.answer = self.last.as_ref().and_then(|v| answer_of(v.actions()));
                        Request::Act(link.action.clone())
                    }
                    None if kind == LinkKind::Next => {
                        return Some(self.notice(Notice::NoMoreResults));
                    }
                    None => return Some(commands_help(self.locale).to_owned()),
                }
            }
        };
        Some(
            match self.presenter.respond_from(request, self.locale, origin) {
                Reply::Show(view) => {
                    let text = plain(&view, true);
                    self.last = Some(view);
                    text
                }
                Reply::Notice(notice) => self.notice(notice),
            },
        )
    }

    fn notice(&self, notice: Notice) -> String {
        format!("{}\n", notice.text(self.locale))
    }
}

/// Runs the conversation until end of input or `/quit`.
pub fn run(presenter: Presenter, locale: Locale) -> Result<()> {
    let mut session = Session::new(presenter, locale);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if let Some(welcome) = session.reply("/start") {
        writeln!(out, "{welcome}")?;
    }
    if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        drop(out);
        return edited(&mut session);
    }
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut line = Vec::new();
    loop {
        write!(out, "> ")?;
        out.flush()?;
        line.clear();
        if input
            .read_until(b'\n', &mut line)
            .context("reading standard input")?
            == 0
        {
            writeln!(out)?;
            return Ok(());
        }
        match session.reply(&String::from_utf8_lossy(&line)) {
            None => return Ok(()),
            Some(text) => writeln!(out, "{text}")?,
        }
    }
}

/// The conversation at a terminal: line editing and in-memory history.
fn edited(session: &mut Session) -> Result<()> {
    use rustyline::error::ReadlineError;
    let mut editor = rustyline::DefaultEditor::new().context("starting the line editor")?;
    loop {
        let line = match editor.readline("> ") {
            Ok(line) => line,
            Err(ReadlineError::Interrupted | ReadlineError::Eof) => return Ok(()),
            Err(err) => return Err(err).context("reading a line"),
        };
        if !line.trim().is_empty() {
            // A refused entry (a duplicate) is not worth reporting.
            let _ = editor.add_history_entry(line.as_str());
        }
        match session.reply(&line) {
            None => return Ok(()),
            Some(text) => println!("{text}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Engine;
    use crate::service::{Platform, Services};

    fn session(locale: Locale) -> Session {
        let services = Services::new(Engine::shipped().unwrap(), 2);
        Session::new(Presenter::new(services, Platform::Terminal, BUDGET), locale)
    }

    #[test]
    fn parses_commands() {
        assert_eq!(parse("/quit"), Line::Quit);
        assert_eq!(parse("  "), Line::Nothing);
        assert_eq!(
            parse("/topics LLM推理"),
            Line::Request(Request::Browse(Some("LLM推理".into())))
        );
        assert_eq!(parse("/topics"), Line::Request(Request::Browse(None)));
        assert_eq!(
            parse("/ask  vllm "),
            Line::Request(Request::Ask("vllm".into()))
        );
        assert_eq!(
            parse("LoRA 教程"),
            Line::Request(Request::Ask("LoRA 教程".into()))
        );
        assert_eq!(parse("/foo bar"), Line::Unknown);
        // Other search bots' commands ask, as in the chat apps.
        for typed in ["/search vllm", "/搜 vllm", "/ask@ganhuo_bot vllm"] {
            assert_eq!(
                parse(typed),
                Line::Request(Request::Ask("vllm".into())),
                "{typed}"
            );
        }
    }

    #[test]
    fn more_pages_to_the_end_then_says_so() {
        let mut s = session(Locale::En);
        let first = s.reply("量化").unwrap();
        assert!(first.contains("(1–2 of"), "{first}");
        assert!(first.contains("/more  More"), "{first}");
        let second = s.reply("/more").unwrap();
        assert!(second.contains("(3–4 of"), "{second}");
        let back = s.reply("/back").unwrap();
        assert!(back.contains("(1–2 of"), "{back}");
        let mut last = String::new();
        for _ in 0..30 {
            last = s.reply("/more").unwrap();
        }
        assert_eq!(last, "No more results.\n");
        assert!(s.reply("/quit").is_none());
    }

    #[test]
    fn topics_page_and_unknown_commands_get_help() {
        let mut s = session(Locale::En);
        let roots = s.reply("/topics").unwrap();
        assert!(roots.contains("▸ LLM inference ("), "{roots}");
        assert!(roots.contains("/topics inference"), "{roots}");
        let branch = s.reply("/topics LLM inference").unwrap();
        assert!(branch.contains("(1–2 of"), "{branch}");
        assert!(
            branch.contains("/more") && branch.contains("/topics  All topics"),
            "{branch}"
        );
        assert!(s.reply("/more").unwrap().contains("(3–4 of"));
        assert!(s.reply("/foo").unwrap().starts_with("Commands:"));
        assert!(
            s.reply("/up").unwrap().starts_with("Commands:"),
            "no parent of a root"
        );
        assert_eq!(
            s.reply("/topics nope").unwrap().lines().next(),
            Some("📚 Topics")
        );
    }

    #[test]
    fn small_talk_and_help_have_examples_and_commands() {
        let mut s = session(Locale::Zh);
        let hi = s.reply("你好").unwrap();
        assert!(hi.contains("LoRA 教程") && !hi.contains("http"), "{hi}");
        let help = s.reply("/help").unwrap();
        assert!(help.contains("/topics") && help.contains("/quit"), "{help}");
    }
}
