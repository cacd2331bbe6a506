//! Parsing and validating catalogue TOML.
//!
//! Parsing keeps each entry's byte span so that every problem can name its line; validation
//! collects all problems instead of stopping at the first, because an editor fixing the file
//! wants the whole list at once.

use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::error::{CatalogueError, Problem};
use super::{Catalogue, Kind, Lang, Paraphrase, Resource, Sense, Topic, TopicIdx};

#[derive(Deserialize, Default)]
#[cfg_attr(test, derive(Debug, PartialEq))]
#[serde(deny_unknown_fields)]
struct RawCatalogue {
    #[serde(default)]
    topic: Vec<Spanned<RawTopic>>,
    #[serde(default)]
    resource: Vec<Spanned<RawResource>>,
    #[serde(default)]
    synonym: Vec<Spanned<RawSynonym>>,
    #[serde(default)]
    sense: Vec<Spanned<RawSense>>,
    #[serde(default)]
    paraphrase: Vec<Spanned<RawParaphrase>>,
}

#[derive(Deserialize)]
#[cfg_attr(test, derive(Debug, PartialEq))]
#[serde(deny_unknown_fields)]
struct RawTopic {
    id: String,
    name: String,
    name_en: String,
    parent: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    start: bool,
    #[serde(default)]
    about: Option<String>,
    #[serde(default)]
    about_en: Option<String>,
    #[serde(default)]
    papers: Vec<String>,
}

#[derive(Deserialize)]
#[cfg_attr(test, derive(Debug, PartialEq))]
#[serde(deny_unknown_fields)]
struct RawResource {
    id: String,
    title: String,
    title_en: Option<String>,
    url: String,
    kind: Kind,
    lang: Lang,
    topics: Vec<String>,
    #[serde(default)]
    keywords: Vec<String>,
}

#[derive(Deserialize)]
#[cfg_attr(test, derive(Debug, PartialEq))]
#[serde(deny_unknown_fields)]
struct RawSynonym {
    terms: Vec<String>,
}

#[derive(Deserialize)]
#[cfg_attr(test, derive(Debug, PartialEq))]
#[serde(deny_unknown_fields)]
struct RawSense {
    words: Vec<String>,
    cues: Vec<String>,
    #[serde(default)]
    role: bool,
}

#[derive(Deserialize)]
#[cfg_attr(test, derive(Debug, PartialEq))]
#[serde(deny_unknown_fields)]
struct RawParaphrase {
    topic: String,
    /// One string per group, its phrases separated by `|`: a list of lists of strings was
    /// half again as slow to parse, and every start parses the whole catalogue.
    all: Vec<String>,
}

/// Maps byte offsets to 1-based line numbers.
struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn new(text: &str) -> Lines {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { starts }
    }

    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }
}

pub(super) fn parse(text: &str, source: &str) -> Result<Catalogue, CatalogueError> {
    let lines = Lines::new(text);
    let raw = parse_toml(text).map_err(|err| CatalogueError::Syntax {
        file: source.to_owned(),
        problem: Problem {
            line: err.span().map(|s| lines.line(s.start)),
            entry: None,
            message: err.message().trim().to_owned(),
        },
    })?;
    let mut problems = Vec::new();
    let topics = validate_topics(&raw.topic, &lines, &mut problems);
    let topic_index = first_index(topics.iter().map(|t| t.id.as_str()));
    let resources = validate_resources(&raw.resource, &topic_index, &lines, &mut problems);
    let synonyms = validate_synonyms(&raw.synonym, &lines, &mut problems);
    let senses = validate_senses(&raw.sense, &lines, &mut problems);
    let paraphrases = validate_paraphrases(
        raw.paraphrase,
        &topic_index,
        &with_resources(&topics, &resources),
        &lines,
        &mut problems,
    );
    if raw.resource.is_empty() {
        // An empty file, or one an editor truncated before writing: serving it would answer
        // every question with "nothing matches".
        problems.push(Problem {
            line: None,
            entry: None,
            message: "the catalogue has no resources (is the file empty or cut short?)".into(),
        });
    }
    if problems.is_empty() {
        Ok(Catalogue::assemble(
            topics,
            resources,
            synonyms,
            senses,
            paraphrases,
        ))
    } else {
        problems.sort_by_key(|p| p.line);
        Err(CatalogueError::Invalid {
            file: source.to_owned(),
            problems,
        })
    }
}

/// A long catalogue is parsed in pieces of about this many bytes (see [`parse_toml`]).
const PIECE: usize = 64 * 1024;

/// The entry headers a catalogue may be cut before.
const HEADERS: [&str; 5] = [
    "[[topic]]",
    "[[resource]]",
    "[[synonym]]",
    "[[sense]]",
    "[[paraphrase]]",
];

/// Parses catalogue TOML; a long text in pieces, the first half of them on one thread and
/// the second on another. Start-up waits for the parse alone, before the index, the vectors
/// and the paraphrases are built side by side, so two threads halve that wait; and the
/// parser's working memory (some four times its input) is a piece's, not a half's: 1.3 MiB
/// less at the peak of answering one question with the shipped catalogue. Each piece is cut
/// at an entry header; entries are self-contained tables, so the pieces' lists, joined, are
/// the whole's. A cut that was not at a real header (one inside a multi-line string leaves
/// its piece unterminated) or a piece that fails for any reason sends the whole text through
/// the one-piece parse, so errors and their lines are always the whole file's.
fn parse_toml(text: &str) -> Result<RawCatalogue, toml::de::Error> {
    let pieces = pieces(text);
    if pieces.len() > 1 {
        let (first, second) = pieces.split_at(pieces.len() / 2);
        let (first, second) = std::thread::scope(|s| {
            let second = s.spawn(|| parse_pieces(text, second));
            (parse_pieces(text, first), second.join())
        });
        if let (Some(first), Ok(Some(second))) = (first, second) {
            return Ok(first.followed_by(second, 0));
        }
    }
    toml::from_str(text)
}

/// The byte ranges of a text's pieces: each starts at 0 or at the first entry header at
/// least [`PIECE`] bytes after the previous start, and ends where the next starts.
fn pieces(text: &str) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = 0;
    while let Some(next) = header_after(text, start + PIECE) {
        pieces.push(start..next);
        start = next;
    }
    pieces.push(start..text.len());
    pieces
}

/// The byte offset of the first entry header line at or after `from`, if any.
fn header_after(text: &str, from: usize) -> Option<usize> {
    if from >= text.len() {
        return None;
    }
    // `from` may fall inside a character (a Chinese one is three bytes).
    let from = text.floor_char_boundary(from);
    text[from..]
        .match_indices("\n[[")
        .map(|(i, _)| from + i + 1)
        .find(|&at| {
            let line = text[at..].lines().next().unwrap_or_default().trim_end();
            HEADERS.contains(&line)
        })
}

/// Pieces of `text` parsed one after another into one catalogue whose spans count from the
/// start of `text`; `None` if any piece fails.
fn parse_pieces(text: &str, pieces: &[Range<usize>]) -> Option<RawCatalogue> {
    let mut all = RawCatalogue::default();
    for piece in pieces {
        let parsed: RawCatalogue = toml::from_str(&text[piece.clone()]).ok()?;
        all = all.followed_by(parsed, piece.start);
    }
    Some(all)
}

impl RawCatalogue {
    /// This catalogue's entries followed by `rest`'s, whose spans count from `offset`.
    fn followed_by(mut self, rest: RawCatalogue, offset: usize) -> RawCatalogue {
        fn shifted<T>(entries: Vec<Spanned<T>>, offset: usize) -> impl Iterator<Item = Spanned<T>> {
            entries.into_iter().map(move |e| {
                let span = e.span();
                Spanned::new(span.start + offset..span.end + offset, e.into_inner())
            })
        }
        self.topic.extend(shifted(rest.topic, offset));
        self.resource.extend(shifted(rest.resource, offset));
        self.synonym.extend(shifted(rest.synonym, offset));
        self.sense.extend(shifted(rest.sense, offset));
        self.paraphrase.extend(shifted(rest.paraphrase, offset));
        self
    }
}

/// Maps ids to positions; a duplicated id (already reported) resolves to its first definition.
fn first_index<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, TopicIdx> {
    let mut index = HashMap::new();
    for (i, id) in ids.enumerate() {
        index.entry(id).or_insert(i);
    }
    index
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn check_id(
    kind: &str,
    id: &str,
    line: usize,
    seen: &mut HashMap<String, usize>,
    problems: &mut Vec<Problem>,
) {
    let entry = Some(format!("{kind} `{id}`"));
    if !is_valid_id(id) {
        problems.push(Problem {
            line: Some(line),
            entry: entry.clone(),
            message: "id must be lowercase ascii words joined by '-' (e.g. \"github-vllm\")".into(),
        });
    }
    if let Some(first) = seen.insert(id.to_owned(), line) {
        problems.push(Problem {
            line: Some(line),
            entry,
            message: format!("duplicate id (first used on line {first})"),
        });
    }
}

fn require_text(value: &str, field: &str, line: usize, entry: &str, problems: &mut Vec<Problem>) {
    if value.trim().is_empty() {
        problems.push(Problem {
            line: Some(line),
            entry: Some(entry.to_owned()),
            message: format!("`{field}` must not be empty"),
        });
    }
}

fn validate_topics(
    raw: &[Spanned<RawTopic>],
    lines: &Lines,
    problems: &mut Vec<Problem>,
) -> Vec<Topic> {
    let mut seen = HashMap::new();
    let mut papers: HashMap<String, String> = HashMap::new();
    for t in raw {
        let line = lines.line(t.span().start);
        let t = t.get_ref();
        check_id("topic", &t.id, line, &mut seen, problems);
        let entry = format!("topic `{}`", t.id);
        require_text(&t.name, "name", line, &entry, problems);
        require_text(&t.name_en, "name_en", line, &entry, problems);
        for paper in &t.papers {
            let paper = paper.trim();
            let message = if !super::is_arxiv_number(paper) {
                format!("`papers` holds arXiv numbers (e.g. \"2106.09685\"), not `{paper}`")
            } else if let Some(first) = papers.get(paper) {
                format!("paper {paper} is already topic `{first}`'s")
            } else {
                papers.insert(paper.to_owned(), t.id.clone());
                continue;
            };
            problems.push(Problem {
                line: Some(line),
                entry: Some(entry.clone()),
                message,
            });
        }
    }
    let index = first_index(raw.iter().map(|t| t.get_ref().id.as_str()));
    let mut topics: Vec<Topic> = raw
        .iter()
        .map(|t| {
            let line = lines.line(t.span().start);
            let t = t.get_ref();
            let parent = t.parent.as_deref().and_then(|p| {
                let found = index.get(p).copied();
                if found.is_none() {
                    problems.push(Problem {
                        line: Some(line),
                        entry: Some(format!("topic `{}`", t.id)),
                        message: format!("unknown parent topic `{p}`"),
                    });
                }
                found
            });
            Topic {
                id: t.id.clone(),
                name: t.name.trim().to_owned(),
                name_en: t.name_en.trim().to_owned(),
                aliases: t.aliases.clone(),
                parent,
                start: t.start,
                about: non_empty(t.about.iter().chain(&t.about_en)),
                papers: t.papers.iter().map(|p| p.trim().to_owned()).collect(),
            }
        })
        .collect();
    // A cycle would make every walk to the root loop forever; cut it and report it.
    for i in 0..topics.len() {
        let mut cur = topics[i].parent;
        let mut steps = 0;
        while let Some(p) = cur {
            steps += 1;
            if p == i || steps > topics.len() {
                problems.push(Problem {
                    line: Some(lines.line(raw[i].span().start)),
                    entry: Some(format!("topic `{}`", topics[i].id)),
                    message: "parent chain loops back to this topic".into(),
                });
                topics[i].parent = None;
                break;
            }
            cur = topics[p].parent;
        }
    }
    topics
}

fn check_url(url: &str) -> Result<(), String> {
    match url::Url::parse(url) {
        Ok(parsed) if !matches!(parsed.scheme(), "http" | "https") => Err(format!(
            "malformed url `{url}`: scheme must be http or https"
        )),
        Ok(parsed) if parsed.host_str().is_none_or(str::is_empty) => {
            Err(format!("malformed url `{url}`: no host"))
        }
        Ok(_) if url.chars().any(char::is_whitespace) => {
            Err(format!("malformed url `{url}`: contains whitespace"))
        }
        Ok(_) => Ok(()),
        Err(err) => Err(format!("malformed url `{url}`: {err}")),
    }
}

fn validate_resources(
    raw: &[Spanned<RawResource>],
    topic_index: &HashMap<&str, TopicIdx>,
    lines: &Lines,
    problems: &mut Vec<Problem>,
) -> Vec<Resource> {
    let mut seen_ids = HashMap::new();
    let mut seen_urls: HashMap<&str, usize> = HashMap::new();
    let mut resources = Vec::with_capacity(raw.len());
    for r in raw {
        let line = lines.line(r.span().start);
        let r = r.get_ref();
        check_id("resource", &r.id, line, &mut seen_ids, problems);
        let entry = format!("resource `{}`", r.id);
        let mut push = |message: String| {
            problems.push(Problem {
                line: Some(line),
                entry: Some(entry.clone()),
                message,
            });
        };
        if r.title.trim().is_empty() {
            push("`title` must not be empty".into());
        }
        if r.title_en.as_deref().is_some_and(|t| t.trim().is_empty()) {
            push("`title_en` must not be empty when present".into());
        }
        if let Err(message) = check_url(&r.url) {
            push(message);
        }
        if let Some(first) = seen_urls.insert(r.url.as_str(), line) {
            push(format!(
                "duplicate url `{}` (first used on line {first})",
                r.url
            ));
        }
        if r.topics.is_empty() {
            push("`topics` must name at least one topic".into());
        }
        let mut topics = Vec::with_capacity(r.topics.len());
        for t in &r.topics {
            match topic_index.get(t.as_str()) {
                Some(&idx) if !topics.contains(&idx) => topics.push(idx),
                Some(_) => {}
                None => push(format!("unknown topic `{t}`")),
            }
        }
        resources.push(Resource {
            id: r.id.clone(),
            title: r.title.trim().to_owned(),
            title_en: r.title_en.as_ref().map(|t| t.trim().to_owned()),
            url: r.url.clone(),
            kind: r.kind,
            lang: r.lang,
            topics,
            keywords: r.keywords.clone(),
        });
    }
    resources
}

fn validate_synonyms(
    raw: &[Spanned<RawSynonym>],
    lines: &Lines,
    problems: &mut Vec<Problem>,
) -> Vec<Vec<String>> {
    raw.iter()
        .filter_map(|s| {
            let terms = non_empty(&s.get_ref().terms);
            if terms.len() < 2 {
                problems.push(Problem {
                    line: Some(lines.line(s.span().start)),
                    entry: Some("synonym".into()),
                    message: "a synonym group needs at least two non-empty terms".into(),
                });
                return None;
            }
            Some(terms)
        })
        .collect()
}

/// The trimmed, non-empty entries of a list.
fn non_empty(list: impl IntoIterator<Item = impl AsRef<str>>) -> Vec<String> {
    list.into_iter()
        .map(|t| t.as_ref().trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect()
}

fn validate_senses(
    raw: &[Spanned<RawSense>],
    lines: &Lines,
    problems: &mut Vec<Problem>,
) -> Vec<Sense> {
    raw.iter()
        .filter_map(|s| {
            let sense = Sense {
                words: non_empty(&s.get_ref().words),
                cues: non_empty(&s.get_ref().cues),
                role: s.get_ref().role,
            };
            if sense.words.is_empty() || sense.cues.is_empty() {
                problems.push(Problem {
                    line: Some(lines.line(s.span().start)),
                    entry: Some("sense".into()),
                    message: "a sense needs at least one word and one cue".into(),
                });
                return None;
            }
            Some(sense)
        })
        .collect()
}

/// Per topic, whether some resource is filed under it or under one of its descendants.
fn with_resources(topics: &[Topic], resources: &[Resource]) -> Vec<bool> {
    let mut has = vec![false; topics.len()];
    for &t in resources.iter().flat_map(|r| &r.topics) {
        let mut at = Some(t);
        // Parents are validated to exist, not to be acyclic here: stop at a marked topic.
        while let Some(t) = at.filter(|&t| t < has.len() && !has[t]) {
            has[t] = true;
            at = topics[t].parent;
        }
    }
    has
}

fn validate_paraphrases(
    raw: Vec<Spanned<RawParaphrase>>,
    topic_index: &HashMap<&str, TopicIdx>,
    with_resources: &[bool],
    lines: &Lines,
    problems: &mut Vec<Problem>,
) -> Vec<Paraphrase> {
    raw.into_iter()
        .filter_map(|p| {
            let line = Some(lines.line(p.span().start));
            let p = p.into_inner();
            let mut problem = |message: &str| {
                problems.push(Problem {
                    line,
                    entry: Some(format!("paraphrase of `{}`", p.topic)),
                    message: message.into(),
                });
            };
            let Some(&topic) = topic_index.get(p.topic.as_str()) else {
                problem("no topic has this id");
                return None;
            };
            if !with_resources.get(topic).copied().unwrap_or(false) {
                problem(
                    "no resource is filed under this topic, so describing it finds nothing \
                     (describe its parent instead)",
                );
                return None;
            }
            // One group alone would be a topic alias, and its phrases would not corroborate
            // each other as the groups do. What a phrase is (trimmed, not blank) is decided
            // where the phrases are read, `Paraphrase::groups`.
            let paraphrase = Paraphrase::new(topic, p.all);
            if paraphrase.group_count() < 2 || paraphrase.groups().any(|mut g| g.next().is_none()) {
                problem(
                    "a paraphrase needs at least two groups, each with a phrase (a single \
                     group is an alias of the topic)",
                );
                return None;
            }
            Some(paraphrase)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_one_based() {
        let lines = Lines::new("a\nb\n\nc");
        assert_eq!(lines.line(0), 1);
        assert_eq!(lines.line(2), 2);
        assert_eq!(lines.line(4), 3);
        assert_eq!(lines.line(5), 4);
    }

    /// Every entry's span, in order: `Spanned` compares values only, so two parses are
    /// compared whole by value and by these.
    fn spans(raw: &RawCatalogue) -> Vec<std::ops::Range<usize>> {
        let mut out: Vec<_> = raw.topic.iter().map(Spanned::span).collect();
        out.extend(raw.resource.iter().map(Spanned::span));
        out.extend(raw.synonym.iter().map(Spanned::span));
        out.extend(raw.sense.iter().map(Spanned::span));
        out.extend(raw.paraphrase.iter().map(Spanned::span));
        out
    }

    #[test]
    fn a_catalogue_parsed_in_pieces_is_the_catalogue_parsed_whole() {
        let text = include_str!("../../data/catalogue.toml");
        let pieces = pieces(text);
        assert!(pieces.len() > 4, "{}", pieces.len());
        for piece in &pieces[1..] {
            assert!(HEADERS.iter().any(|h| text[piece.start..].starts_with(h)));
        }
        let whole: RawCatalogue = toml::from_str(text).unwrap();
        let parsed = parse_toml(text).unwrap();
        assert_eq!(parsed, whole);
        assert_eq!(spans(&parsed), spans(&whole));
    }

    /// A long catalogue of `n` resources, with `middle` written as the about text of a
    /// topic after the first `at` of them.
    fn long_catalogue(n: usize, at: usize, middle: &str) -> String {
        let mut text =
            String::from("[[topic]]\nid = \"t\"\nname = \"话题\"\nname_en = \"Topic\"\n\n");
        for i in 0..n {
            if i == at {
                text.push_str(&format!(
                    "[[topic]]\nid = \"mid\"\nname = \"中\"\nname_en = \"Middle\"\nabout = {middle}\n\n"
                ));
            }
            text.push_str(&format!(
                "[[resource]]\nid = \"r-{i}\"\ntitle = \"资源 {i}\"\nurl = \"https://example.com/{i}\"\n\
                 kind = \"article\"\nlang = \"zh\"\ntopics = [\"t\"]\n\n"
            ));
        }
        text
    }

    #[test]
    fn a_header_inside_a_string_is_no_place_to_cut() {
        // A multi-line string that starts before the first cut and holds a line that looks
        // like a header after it.
        let middle = "\"\"\"\n".to_owned()
            + &"x\n".repeat(PIECE / 2)
            + "[[resource]]\n"
            + &"x\n".repeat(2_000)
            + "\"\"\"";
        let text = long_catalogue(1_000, 100, &middle);
        let cut = pieces(&text)[1].start;
        assert!(
            text[..cut].ends_with("x\n"),
            "the test should cut inside the string"
        );
        let whole: RawCatalogue = toml::from_str(&text).unwrap();
        let parsed = parse_toml(&text).unwrap();
        assert_eq!(parsed, whole);
        assert_eq!(
            parsed.topic[1]
                .get_ref()
                .about
                .as_deref()
                .map(|a| a.contains("[[resource]]")),
            Some(true)
        );
        assert_eq!(spans(&parsed), spans(&whole));
    }

    #[test]
    fn a_cut_inside_a_character_is_no_panic() {
        // Whatever the file holds, a piece's length may end inside a Chinese character.
        for pad in 0..3 {
            let text = format!(
                "{}# {}\n[[resource]]\nid = \"x\"\n",
                "#".repeat(pad),
                "中".repeat(PIECE / 3),
            );
            let cuts = pieces(&text);
            assert_eq!(cuts.len(), 2, "pad {pad}");
            assert!(
                text[cuts[1].start..].starts_with("[[resource]]"),
                "pad {pad}"
            );
        }
        let shipped = crate::catalogue::SHIPPED;
        for pad in 0..3 {
            let text = format!("{}\n{shipped}", "#".repeat(pad));
            assert!(
                parse_toml(&text).is_ok(),
                "the shipped catalogue with {pad} more bytes"
            );
        }
    }

    #[test]
    fn an_error_in_a_later_piece_names_its_line_in_the_whole_file() {
        let mut text = long_catalogue(1_000, 500, "\"about\"");
        let bad = text.rfind("kind = \"article\"").unwrap();
        text.replace_range(bad..bad + "kind = \"article\"".len(), "kind = article");
        let line = text[..bad].lines().count() + 1;
        let Err(CatalogueError::Syntax { problem, .. }) = parse(&text, "test.toml") else {
            panic!("a syntax error");
        };
        assert_eq!(problem.line, Some(line));
    }

    #[test]
    fn ids_are_kebab_case() {
        assert!(is_valid_id("github-vllm"));
        assert!(is_valid_id("zhihu-627436535"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("GitHub"));
        assert!(!is_valid_id("a--b"));
        assert!(!is_valid_id("-a"));
        assert!(!is_valid_id("a b"));
    }

    #[test]
    fn urls_must_be_http() {
        assert!(check_url("https://example.com/x").is_ok());
        assert!(check_url("ftp://example.com").is_err());
        assert!(check_url("not a url").is_err());
        assert!(check_url("https://").is_err());
    }
}
