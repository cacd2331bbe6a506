//! The `ganhuo` command line: argument parsing and the text/JSON front end of the core.
//!
//! Each subcommand loads what it needs, calls the core, and prints; errors travel up as
//! `anyhow` errors with context and become a message and a non-zero exit in `main`.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use serde_json::json;

use crate::answer::Hit;
use crate::catalogue::{Catalogue, TopicIdx};
use crate::config::config_path;
use crate::config::{Config, ProcessEnv};
use crate::i18n::Locale;
use crate::present::{Presenter, view};
use crate::search::{Engine, Options};
use crate::service::{Platform, Services};

/// ganhuo (干货): find LLM learning resources in a curated bilingual catalogue.
#[derive(Debug, Parser)]
#[command(name = "ganhuo", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Answer a question, e.g. `ganhuo ask "LoRA 教程"`. With no question, answer one question
    /// per line of standard input, printing one JSON object per line.
    Ask(AskArgs),
    /// Print the topic tree, or one branch with its resources.
    Topics(TopicsArgs),
    /// Export the catalogue.
    Catalogue(CatalogueArgs),
    /// Validate the configuration and the catalogue without connecting anywhere.
    Check(ConfigArgs),
    /// Run the configured bots (Telegram, Discord) and the HTTP endpoint.
    Run(ConfigArgs),
    /// Try the bot in the terminal: questions, /topics and /more, no token or config needed.
    Chat(ChatArgs),
    /// Ask a running ganhuo's /healthz (for container health checks).
    Health(HealthArgs),
    /// Check every URL of the catalogue: broken, moved or soft-404 (exit 1 if any is broken).
    Links(crate::links::LinksArgs),
    /// What users asked: top questions, those that found nothing, feedback by resource.
    Report(crate::report::ReportArgs),
}

/// Where the catalogue comes from.
#[derive(Debug, Args)]
pub struct Source {
    /// A catalogue file to use instead of the embedded one.
    #[arg(long, value_name = "FILE")]
    pub catalogue: Option<PathBuf>,
}

/// The reader's language.
#[derive(Debug, Args)]
pub struct Language {
    /// Language of titles and labels (default: from $LANG).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

/// A language on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    /// Chinese.
    Zh,
    /// English.
    En,
}

/// `ganhuo ask`.
#[derive(Debug, Args)]
pub struct AskArgs {
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Number of results.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..=50))]
    pub limit: u16,
    /// Skip this many results (paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Also show why: each word's role and weight, the decision for the query, and each
    /// result's lexical and semantic evidence (with `--json` or questions on standard input,
    /// under the answer's `explain` key).
    #[arg(long)]
    pub explain: bool,
    /// Rank without the semantic layer (word vectors), to compare what it adds.
    #[arg(long)]
    pub lexical: bool,
    /// The catalogue.
    #[command(flatten)]
    pub source: Source,
    /// The language.
    #[command(flatten)]
    pub language: Language,
    /// The question; several words are joined with spaces.
    pub query: Vec<String>,
}

/// `ganhuo topics`.
#[derive(Debug, Args)]
pub struct TopicsArgs {
    /// The catalogue.
    #[command(flatten)]
    pub source: Source,
    /// The language.
    #[command(flatten)]
    pub language: Language,
    /// A topic id, name or path ("LLM推理/推理加速框架", "inference engines").
    pub path: Option<String>,
}

/// `ganhuo catalogue`.
#[derive(Debug, Args)]
pub struct CatalogueArgs {
    /// Print JSON (otherwise one resource per line, tab-separated).
    #[arg(long)]
    pub json: bool,
    /// The catalogue.
    #[command(flatten)]
    pub source: Source,
}

/// `ganhuo chat`.
#[derive(Debug, Args)]
pub struct ChatArgs {
    /// The catalogue.
    #[command(flatten)]
    pub source: Source,
    /// The language.
    #[command(flatten)]
    pub language: Language,
}

/// `ganhuo check` and `ganhuo run`.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Configuration file [default: $GANHUO_CONFIG, else ./config.toml].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// `ganhuo health`.
#[derive(Debug, Args)]
pub struct HealthArgs {
    /// The health endpoint to ask.
    #[arg(long, default_value = "http://127.0.0.1:8080/healthz")]
    pub url: String,
}

/// Runs a parsed command line.
pub fn dispatch(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Ask(args) => ask(&args),
        Command::Topics(args) => topics(&args),
        Command::Catalogue(args) => export(&args),
        Command::Check(args) => check(&args),
        Command::Run(args) => crate::app::run(load_config(&args)?),
        Command::Chat(args) => {
            let engine = load_engine(args.source.catalogue.as_deref())?;
            let page_size = crate::config::SearchConfig::default().page_size;
            let services = Services::new(engine, page_size);
            let presenter = Presenter::new(services, Platform::Terminal, crate::chat::BUDGET);
            crate::chat::run(presenter, locale(args.language.lang))
        }
        Command::Health(args) => crate::app::health(&args.url),
        Command::Links(args) => crate::links::run(&args),
        Command::Report(args) => crate::report::run(&args),
    }
}

/// True when an error only says that standard output was closed (`ganhuo topics | head -1`):
/// the reader has what it wanted, and the command ends quietly.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    let pipe = Some(std::io::ErrorKind::BrokenPipe);
    err.chain().any(|cause| {
        let io = cause.downcast_ref::<std::io::Error>().map(|e| e.kind());
        // serde_json hides the io::Error it wraps from the source chain.
        let json = cause.downcast_ref::<serde_json::Error>();
        io == pipe || json.and_then(serde_json::Error::io_error_kind) == pipe
    })
}

fn load_config(args: &ConfigArgs) -> Result<Config> {
    let path = config_path(args.config.as_deref());
    Ok(Config::load(path.as_deref(), &ProcessEnv)?)
}

/// Loads the catalogue from a file, or the embedded one.
fn load_engine(file: Option<&Path>) -> Result<Engine> {
    Engine::load(file).context("cannot load the catalogue")
}

fn locale(arg: Option<LangArg>) -> Locale {
    match arg {
        Some(LangArg::Zh) => Locale::Zh,
        Some(LangArg::En) => Locale::En,
        None => {
            let lang = std::env::var("LC_ALL")
                .or_else(|_| std::env::var("LANG"))
                .ok();
            Locale::from_tag(lang.as_deref())
        }
    }
}

fn ask(args: &AskArgs) -> Result<()> {
    let options = Options {
        semantic: !args.lexical,
    };
    let engine = Engine::load_with(args.source.catalogue.as_deref(), options)
        .context("cannot load the catalogue")?;
    let answered = answer_all(&engine, args);
    // The process ends here, and the system takes its memory back at once: freeing the
    // engine's many small allocations one by one cost a one-shot `ganhuo ask` about 8% of its
    // time.
    std::mem::forget(engine);
    answered
}

/// Answers the question of `ask`'s arguments, or every line of standard input.
fn answer_all(engine: &Engine, args: &AskArgs) -> Result<()> {
    let locale = locale(args.language.lang);
    let limit = usize::from(args.limit);
    let stdout = std::io::stdout();
    // Buffered whole, not by line: serde writes an answer in hundreds of small pieces, and
    // standard output would search each for a newline. Flushed after every answer, so a
    // script that writes a question and waits for its line gets it.
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.query.is_empty() {
        // One answer per input line, in order, so scripts can zip inputs with outputs. Bytes
        // that are not UTF-8 are replaced rather than failing the whole batch, and a line is
        // read only as far as the engine would (the rest is skipped unread into memory).
        let stdin = std::io::stdin();
        if stdin.is_terminal() {
            // Someone typed `ganhuo ask` by hand: say what it waits for instead of hanging.
            eprintln!(
                "ganhuo ask: no question given, reading one question per line (JSON answers) \
                 until end of input (Ctrl-D).\nTo ask once: ganhuo ask \"LoRA 教程\"; to chat: ganhuo chat"
            );
        }
        let mut input = stdin.lock();
        let mut line = Vec::new();
        while read_capped_line(&mut input, &mut line, LINE_CAP).context("reading standard input")? {
            let query = String::from_utf8_lossy(&line);
            let query = query.trim_end_matches(['\n', '\r']);
            let answer = engine.answer(query, args.offset, limit);
            if args.explain {
                serde_json::to_writer(&mut out, &explained(engine, query, &answer)?)?;
            } else {
                serde_json::to_writer(&mut out, &answer)?;
            }
            out.write_all(b"\n")?;
            out.flush()?;
        }
        return Ok(());
    }
    let query = args.query.join(" ");
    let answer = engine.answer(&query, args.offset, limit);
    if args.json {
        let value = if args.explain {
            explained(engine, &query, &answer)?
        } else {
            serde_json::to_value(&answer)?
        };
        serde_json::to_writer_pretty(&mut out, &value)?;
        writeln!(out)?;
    } else {
        let view = view::answer(&answer, locale, limit, &crate::chat::BUDGET);
        write!(out, "{}", crate::chat::plain(&view, false))?;
        if args.explain {
            write!(out, "{}", explain_text(&engine.explain(&query), &answer))?;
        }
    }
    // Dropping a buffer would lose a failed write's error.
    out.flush()?;
    Ok(())
}

/// An answer as JSON with the engine's reasons beside it, under `explain`.
fn explained(
    engine: &Engine,
    query: &str,
    answer: &crate::answer::Answer,
) -> Result<serde_json::Value> {
    let mut value = serde_json::to_value(answer)?;
    if let serde_json::Value::Object(map) = &mut value {
        map.insert(
            "explain".into(),
            serde_json::to_value(engine.explain(query))?,
        );
    }
    Ok(value)
}

/// The most of a line `ganhuo ask` keeps: the engine reads a query's first
/// [`crate::search::MAX_QUERY_CHARS`] characters, at most four bytes each.
const LINE_CAP: usize = crate::search::MAX_QUERY_CHARS * 4;

/// Reads the next line into `line` (cleared first), keeping at most `cap` bytes of it and
/// skipping the rest, so that one huge line cannot fill memory. False at the end of input.
fn read_capped_line(
    input: &mut impl BufRead,
    line: &mut Vec<u8>,
    cap: usize,
) -> std::io::Result<bool> {
    line.clear();
    let mut read_any = false;
    loop {
        let chunk = match input.fill_buf() {
            Ok(chunk) => chunk,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        if chunk.is_empty() {
            return Ok(read_any);
        }
        read_any = true;
        let (part, ends) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], Some(i + 1)),
            None => (chunk, None),
        };
        let room = cap.saturating_sub(line.len());
        line.extend_from_slice(&part[..part.len().min(room)]);
        let used = ends.unwrap_or(chunk.len());
        input.consume(used);
        if ends.is_some() {
            return Ok(true);
        }
    }
}

/// The `--explain` block under a text answer.
fn explain_text(why: &crate::answer::Explanation, answer: &crate::answer::Answer) -> String {
    let mut out = format!(
        "\nwhy: {:.0}% of the query explained{}, {} catalogue concept(s){}{}{} → {}\n",
        why.explained_share * 100.0,
        if why.described_share > why.explained_share {
            format!(
                " ({:.0}% with the words describing its topics)",
                why.described_share * 100.0
            )
        } else {
            String::new()
        },
        why.concepts,
        match (why.concepts, why.corroborated) {
            (0 | 1, _) => "",
            (_, true) => ", two meeting in one resource",
            (_, false) => ", no two meeting in one resource",
        },
        if why.asks_what {
            ", a \"what is\" question about one of them"
        } else {
            ""
        },
        if let Some(piece) = &answer.task {
            format!(", a piece of writing asked for (\"{piece}\")")
        } else if why.unvouched {
            ", but none of the best results near it in meaning".to_owned()
        } else if why.starting_points {
            ", about the subject as a whole: the catalogue's starting points".to_owned()
        } else {
            String::new()
        },
        if why.answered {
            "answered"
        } else {
            "not answered"
        }
    );
    for w in &why.words {
        out.push_str(&format!(
            "  {:<16} {:<8} explained {:.2}  importance {:.2}  concept {}",
            w.word, w.role, w.explained, w.importance, w.concept
        ));
        if let Some(cue) = &w.other_sense {
            out.push_str(&format!("  another sense (\"{cue}\")"));
        }
        if w.describes_topic {
            out.push_str("  describes a topic the message names");
        }
        if w.pasted {
            out.push_str("  pasted");
        }
        if w.foreign {
            out.push_str("  foreign");
        }
        if !w.paraphrase_of.is_empty() {
            out.push_str(&format!("  describes {}", w.paraphrase_of.join(", ")));
        }
        out.push('\n');
    }
    for (i, hit) in answer.hits.iter().enumerate() {
        let lexical: Vec<String> = hit
            .matched
            .iter()
            .map(|m| {
                let field = serde_json::to_value(m.field).unwrap_or_default();
                let how = serde_json::to_value(m.how).unwrap_or_default();
                format!(
                    "{}→{} ({}, {})",
                    m.word,
                    m.term,
                    field.as_str().unwrap_or("?"),
                    how.as_str().unwrap_or("?")
                )
            })
            .collect();
        let lexical = if lexical.is_empty() {
            "none".to_owned()
        } else {
            lexical.join(", ")
        };
        let semantic = hit
            .similarity
            .map_or("not among the nearest".to_owned(), |s| {
                format!("similarity {s:.2}")
            });
        out.push_str(&format!(
            "  {}. {}: lexical {lexical}; semantic {semantic}\n",
            answer.offset + i + 1,
            hit.id
        ));
    }
    out
}

fn topics(args: &TopicsArgs) -> Result<()> {
    let engine = load_engine(args.source.catalogue.as_deref())?;
    let catalogue = engine.catalogue();
    let locale = locale(args.language.lang);
    let mut out = String::new();
    match &args.path {
        None => {
            for root in catalogue.roots() {
                tree(catalogue, root, 0, locale, &mut out);
            }
        }
        Some(path) => {
            let Some(topic) = engine.find_topic(path) else {
                bail!("no topic matches `{path}`; run `ganhuo topics` to see the tree");
            };
            tree(catalogue, topic, 0, locale, &mut out);
            out.push('\n');
            for r in catalogue.resources_under(topic) {
                let hit = Hit::of(catalogue, catalogue.resource(r));
                out.push_str(&format!(
                    "• {}  [{} · {}]\n  {}\n",
                    hit.title_for(locale),
                    locale.kind(hit.kind),
                    locale.lang(hit.lang),
                    hit.url
                ));
            }
        }
    }
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(())
}

fn tree(catalogue: &Catalogue, topic: TopicIdx, depth: usize, locale: Locale, out: &mut String) {
    let t = catalogue.topic(topic);
    let label = match locale {
        Locale::Zh => &t.name,
        Locale::En => &t.name_en,
    };
    let count = catalogue.resources_under(topic).len();
    out.push_str(&format!(
        "{}{label} ({count})  [{}]\n",
        "  ".repeat(depth),
        t.id
    ));
    for &child in catalogue.children(topic) {
        tree(catalogue, child, depth + 1, locale, out);
    }
}

fn export(args: &CatalogueArgs) -> Result<()> {
    let engine = load_engine(args.source.catalogue.as_deref())?;
    let catalogue = engine.catalogue();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.json {
        let resources: Vec<_> = catalogue
            .resources()
            .iter()
            .map(|r| {
                let hit = Hit::of(catalogue, r);
                json!({
                    "id": r.id,
                    "title": r.title,
                    "title_en": r.title_en,
                    "url": r.url,
                    "kind": r.kind,
                    "lang": r.lang,
                    "path": hit.path.iter().map(|t| &t.name).collect::<Vec<_>>(),
                    "topics": r.topics.iter().map(|&t| &catalogue.topic(t).id).collect::<Vec<_>>(),
                    "keywords": r.keywords,
                })
            })
            .collect();
        let topics: Vec<_> = catalogue
            .topics()
            .iter()
            .map(|t| {
                json!({
                    "id": t.id,
                    "name": t.name,
                    "name_en": t.name_en,
                    "parent": t.parent.map(|p| &catalogue.topic(p).id),
                    "aliases": t.aliases,
                })
            })
            .collect();
        serde_json::to_writer_pretty(
            &mut out,
            &json!({ "resources": resources, "topics": topics }),
        )?;
        writeln!(out)?;
    } else {
        for r in catalogue.resources() {
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}",
                r.id, r.kind, r.lang, r.url, r.title
            )?;
        }
    }
    Ok(())
}

fn check(args: &ConfigArgs) -> Result<()> {
    // Exactly what `run` loads, so that what `check` passes `run` accepts.
    let path = config_path(args.config.as_deref());
    let config = Config::load(path.as_deref(), &ProcessEnv)?;
    let engine = load_engine(config.catalogue.as_deref())?;
    let catalogue = engine.catalogue();
    let mut out = std::io::stdout().lock();
    match &path {
        Some(p) => writeln!(out, "config {}: ok", p.display())?,
        None => writeln!(out, "config: none (defaults and environment): ok")?,
    }
    writeln!(
        out,
        "catalogue {}: ok ({} topics, {} resources, {} synonym groups)",
        config
            .catalogue
            .as_ref()
            .map_or("<embedded>".into(), |p| p.display().to_string()),
        catalogue.topics().len(),
        catalogue.resources().len(),
        catalogue.synonyms().len()
    )?;
    let adapters: Vec<&str> = [
        config.telegram.as_ref().map(|_| "telegram"),
        config.discord.as_ref().map(|_| "discord"),
    ]
    .into_iter()
    .flatten()
    .collect();
    match &config.store.backend {
        Some(backend) => writeln!(
            out,
            "store: {} (kept {} days; not connected by check)",
            backend.describe(),
            config.store.retention_days
        )?,
        None => writeln!(out, "store: off (no query log, no feedback buttons)")?,
    }
    if adapters.is_empty() {
        // `run` would refuse this; say so here, where the user asked whether it is ready.
        bail!(crate::app::NO_ADAPTER);
    }
    writeln!(out, "adapters: {}", adapters.join(", "))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_capped_while_read() {
        // A tiny buffer, so that lines span many reads.
        let text = "short\na much longer line\n\nlast without newline";
        let mut input = std::io::BufReader::with_capacity(4, text.as_bytes());
        let mut line = Vec::new();
        let mut lines = Vec::new();
        while read_capped_line(&mut input, &mut line, 8).unwrap() {
            lines.push(String::from_utf8(line.clone()).unwrap());
        }
        assert_eq!(lines, ["short", "a much l", "", "last wit"]);
    }

    #[test]
    fn only_a_closed_pipe_is_quiet() {
        let pipe = std::io::Error::from(std::io::ErrorKind::BrokenPipe);
        assert!(is_broken_pipe(
            &anyhow::Error::from(pipe).context("writing")
        ));
        let other = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert!(!is_broken_pipe(&anyhow::Error::from(other)));
    }
}
