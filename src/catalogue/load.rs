//! Parsing and validating catalogue TOML.
//!
//! Parsing keeps each entry's byte span so that every problem can name its line; validation
//! collects all problems instead of stopping at the first, because an editor fixing the file
//! wants the whole list at once.

use std::collections::HashMap;

use serde::Deserialize;
use toml::Spanned;

use super::error::{CatalogueError, Problem};
use super::{Catalogue, Kind, Lang, Paraphrase, Resource, Sense, Topic, TopicIdx};

#[derive(Deserialize)]
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

/// Catalogues at least this long are parsed in two halves at once (see [`parse_toml`]).
const SPLIT_ABOVE: usize = 64 * 1024;

/// The entry headers a catalogue may be cut before.
const HEADERS: [&str; 5] = [
    "[[topic]]",
    "[[resource]]",
    "[[synonym]]",
    "[[sense]]",
    "[[paraphrase]]",
];

/// Parses catalogue TOML, a large text in two halves on two threads: the parse is the one
/// part of start-up that runs alone, before the index, the vectors and the paraphrases are
/// built side by side. The text is cut at the entry header nearest its middle; entries are
/// self-contained tables, so the halves' lists, joined, are the whole's. A cut that was not
/// at a real header (one inside a multi-line string leaves the first half unterminated) or
/// a half that fails for any reason sends the whole text through the one-thread parse, so
/// errors and their lines are always the whole file's.
fn parse_toml(text: &str) -> Result<RawCatalogue, toml::de::Error> {
    if let Some(cut) = halfway_header(text) {
        let (first, second) = text.split_at(cut);
        let (first, second) = std::thread::scope(|s| {
            let second = s.spawn(|| toml::from_str::<RawCatalogue>(second));
            (toml::from_str::<RawCatalogue>(first), second.join())
        });
        if let (Ok(first), Ok(Ok(second))) = (first, second) {
            return Ok(first.followed_by(second, cut));
        }
    }
    toml::from_str(text)
}

/// The byte offset of the entry header line nearest the middle of a long text, if any.
fn halfway_header(text: &str) -> Option<usize> {
    if text.len() < SPLIT_ABOVE {
        return None;
    }
    let is_header = |at: usize| {
        let line = text[at..].lines().next().unwrap_or_default().trim_end();
        HEADERS.contains(&line)
    };
    // The middle byte may fall inside a character (a Chinese one is three bytes).
    let middle = text.floor_char_boundary(text.len() / 2);
    let after = text[middle..]
        .match_indices("\n[[")
        .map(|(i, _)| middle + i + 1)
        .find(|&at| is_header(at));
    let before = text[..middle]
        .rmatch_indices("\n[[")
        .map(|(i, _)| i + 1)
        .find(|&at| is_header(at));
    match (before, after) {
        (Some(b), Some(a)) => Some(if middle - b <= a - middle { b } else { a }),
        (b, a) => b.or(a),
    }
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
    fn a_catalogue_parsed_in_halves_is_the_catalogue_parsed_whole() {
        let text = include_str!("../../data/catalogue.toml");
        let cut = halfway_header(text).unwrap();
        assert!(HEADERS.iter().any(|h| text[cut..].starts_with(h)));
        assert!(cut.abs_diff(text.len() / 2) < text.len() / 10, "{cut}");
        let whole: RawCatalogue = toml::from_str(text).unwrap();
        let halves = parse_toml(text).unwrap();
        assert_eq!(halves, whole);
        assert_eq!(spans(&halves), spans(&whole));
    }

    /// A long catalogue of `n` resources, with `middle` written as the about text of a
    /// topic in the middle of them.
    fn long_catalogue(n: usize, middle: &str) -> String {
        let mut text =
            String::from("[[topic]]\nid = \"t\"\nname = \"话题\"\nname_en = \"Topic\"\n\n");
        for i in 0..n {
            if i == n / 2 {
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
        // The line nearest the middle that looks like a header is inside a multi-line string.
        let middle = "\"\"\"\n".to_owned()
            + &"x\n".repeat(2_000)
            + "[[resource]]\n"
            + &"x\n".repeat(2_000)
            + "\"\"\"";
        let text = long_catalogue(1_000, &middle);
        assert!(text.len() > SPLIT_ABOVE);
        let cut = halfway_header(&text).unwrap();
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
    fn a_middle_inside_a_character_is_no_panic() {
        // Whatever the file's length, its middle byte may be inside a Chinese character.
        for pad in 0..3 {
            let text = format!(
                "# {}\n[[resource]]\nid = \"x\"\n{}\n",
                "中".repeat(SPLIT_ABOVE / 3),
                "#".repeat(pad),
            );
            let cut = halfway_header(&text).expect("a header to cut at");
            assert!(text[cut..].starts_with("[[resource]]"), "pad {pad}");
        }
        let shipped = crate::catalogue::SHIPPED;
        for pad in 0..3 {
            let text = format!("{shipped}\n{}", "#".repeat(pad));
            assert!(
                parse_toml(&text).is_ok(),
                "the shipped catalogue with {pad} more bytes"
            );
        }
    }

    #[test]
    fn an_error_in_the_second_half_names_its_line_in_the_whole_file() {
        let mut text = long_catalogue(1_000, "\"about\"");
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
