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
}

#[derive(Deserialize)]
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
#[serde(deny_unknown_fields)]
struct RawSynonym {
    terms: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSense {
    words: Vec<String>,
    cues: Vec<String>,
}

#[derive(Deserialize)]
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
    let raw: RawCatalogue = toml::from_str(text).map_err(|err| CatalogueError::Syntax {
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
        &raw.paraphrase,
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
    for t in raw {
        let line = lines.line(t.span().start);
        let t = t.get_ref();
        check_id("topic", &t.id, line, &mut seen, problems);
        let entry = format!("topic `{}`", t.id);
        require_text(&t.name, "name", line, &entry, problems);
        require_text(&t.name_en, "name_en", line, &entry, problems);
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
    raw: &[Spanned<RawParaphrase>],
    topic_index: &HashMap<&str, TopicIdx>,
    with_resources: &[bool],
    lines: &Lines,
    problems: &mut Vec<Problem>,
) -> Vec<Paraphrase> {
    raw.iter()
        .filter_map(|p| {
            let line = Some(lines.line(p.span().start));
            let entry = Some(format!("paraphrase of `{}`", p.get_ref().topic));
            let Some(&topic) = topic_index.get(p.get_ref().topic.as_str()) else {
                problems.push(Problem {
                    line,
                    entry,
                    message: "no topic has this id".into(),
                });
                return None;
            };
            if !with_resources.get(topic).copied().unwrap_or(false) {
                problems.push(Problem {
                    line,
                    entry,
                    message: "no resource is filed under this topic, so describing it finds \
                              nothing (describe its parent instead)"
                        .into(),
                });
                return None;
            }
            let all: Vec<Vec<String>> = p
                .get_ref()
                .all
                .iter()
                .map(|group| non_empty(group.split('|')))
                .collect();
            // One group alone would be a topic alias, and its phrases would not corroborate
            // each other as the groups do.
            if all.len() < 2 || all.iter().any(Vec::is_empty) {
                problems.push(Problem {
                    line,
                    entry,
                    message: "a paraphrase needs at least two groups, each with a phrase (a \
                              single group is an alias of the topic)"
                        .into(),
                });
                return None;
            }
            Some(Paraphrase { topic, all })
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
