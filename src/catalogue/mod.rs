//! The curated catalogue: a tree of topics and the resources attached to them.
//!
//! The shipped catalogue (`data/catalogue.toml`) is embedded in the binary; an operator may point
//! to another file. [`Catalogue::from_toml`] parses and validates it, and every accessor here is
//! infallible afterwards because validation already proved ids, parents and topics consistent.

mod error;
mod load;

use std::collections::HashMap;
use std::fmt;

use serde::Serialize;

pub use error::{CatalogueError, Problem};

/// The catalogue that ships inside the binary.
pub const SHIPPED: &str = include_str!("../../data/catalogue.toml");

/// The name used for the shipped catalogue in error messages.
pub const SHIPPED_NAME: &str = "<embedded data/catalogue.toml>";

/// Index of a topic inside [`Catalogue::topics`].
pub type TopicIdx = usize;
/// Index of a resource inside [`Catalogue::resources`].
pub type ResourceIdx = usize;

/// What sort of thing a link points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A blog post or article.
    Article,
    /// A code repository.
    Repo,
    /// A course, with lectures or exercises.
    Course,
    /// A video or video series.
    Video,
    /// Documentation.
    Docs,
    /// A paper.
    Paper,
    /// A model's card on a model hub.
    ModelCard,
    /// A website or project home page.
    Website,
    /// A dataset or dataset collection.
    Dataset,
    /// A book.
    Book,
    /// A tool or service.
    Tool,
}

impl Kind {
    /// Every kind, in display order.
    pub const ALL: [Kind; 11] = [
        Kind::Article,
        Kind::Repo,
        Kind::Course,
        Kind::Video,
        Kind::Docs,
        Kind::Paper,
        Kind::ModelCard,
        Kind::Website,
        Kind::Dataset,
        Kind::Book,
        Kind::Tool,
    ];

    /// The kebab-case name used in the catalogue file and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Article => "article",
            Kind::Repo => "repo",
            Kind::Course => "course",
            Kind::Video => "video",
            Kind::Docs => "docs",
            Kind::Paper => "paper",
            Kind::ModelCard => "model-card",
            Kind::Website => "website",
            Kind::Dataset => "dataset",
            Kind::Book => "book",
            Kind::Tool => "tool",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The language of the page a resource links to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Chinese.
    Zh,
    /// English.
    En,
    /// Several languages.
    Multi,
}

impl Lang {
    /// The short code used in the catalogue file and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Multi => "multi",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether `text` is an arXiv number of the form arXiv has used since 2007: four digits for
/// the year and month, a dot, four or five digits ("0704.0001", "2106.09685").
pub fn is_arxiv_number(text: &str) -> bool {
    let Some((month, serial)) = text.split_once('.') else {
        return false;
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let calendar = month.len() == 4
        && digits(month)
        && matches!(month[2..].parse::<u8>(), Ok(1..=12))
        && month[..2] >= *"07";
    calendar && (4..=5).contains(&serial.len()) && digits(serial)
}

/// A node of the category tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    /// Stable, unique id (kebab-case).
    pub id: String,
    /// The seed article's own label (Chinese).
    pub name: String,
    /// The English label.
    pub name_en: String,
    /// Extra words, in both languages, that name this topic.
    pub aliases: Vec<String>,
    /// The parent topic, `None` for a root.
    pub parent: Option<TopicIdx>,
    /// Whether the topic is where a newcomer to the whole subject starts (the seed's
    /// 基础知识): a question about the subject as a whole ("大模型学习路线", "how do I get
    /// started with LLMs") is answered from the resources under such topics.
    pub start: bool,
    /// What the topic is about in plain words, in each language the catalogue gives
    /// ("splitting optimizer states across GPUs instead of every GPU keeping a copy"): how a
    /// learner who does not know its name describes it. The semantic layer embeds it with the
    /// topic's resources, and its words count toward answering a message naming the topic.
    pub about: Vec<String>,
    /// The arXiv numbers of the papers that define the topic ("2106.09685" for LoRA): a
    /// message that pastes one, or its address, asks about the topic.
    pub papers: Vec<String>,
}

impl Topic {
    /// Every name the topic goes by: its label, its English label and its aliases.
    pub fn labels(&self) -> impl Iterator<Item = &str> {
        [self.name.as_str(), self.name_en.as_str()]
            .into_iter()
            .chain(self.aliases.iter().map(String::as_str))
    }
}

/// One link of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    /// Stable, unique id (kebab-case).
    pub id: String,
    /// The seed's label, or a short descriptive title for a bare link.
    pub title: String,
    /// An English rendering of a Chinese title.
    pub title_en: Option<String>,
    /// The link itself; unique across the catalogue.
    pub url: String,
    /// What sort of thing the link points at.
    pub kind: Kind,
    /// The page's language.
    pub lang: Lang,
    /// Topics this resource covers, most specific first; never empty.
    pub topics: Vec<TopicIdx>,
    /// Words in both languages that should find this resource.
    pub keywords: Vec<String>,
}

/// A catalogue word that is an ordinary word elsewhere, with the words that show a message
/// means it in that other sense ("llm" beside "law school"; see [`crate::search::senses`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sense {
    /// The catalogue word's spellings, as written in the file.
    pub words: Vec<String>,
    /// Words or phrases that, anywhere in a message, rule the catalogue's meaning out.
    pub cues: Vec<String>,
    /// Whether the other sense is the catalogue's own thing in another role (DeepSpeed's team
    /// as an employer, a model as news, a company being bought): only a cue ever means it, so
    /// without one the word is as surely the catalogue's as a word with no other sense. A
    /// different thing of the same name (a tornado, TGI Fridays) may be meant with no cue at
    /// all, which leaves the word's name less sure.
    pub role: bool,
}

/// A way of describing a topic without naming it ("throw away the weights that barely
/// matter" is pruning; see [`crate::search::paraphrase`]): a message with a phrase of every
/// group names the topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paraphrase {
    /// The topic described.
    pub topic: TopicIdx,
    /// One string per group, its phrases separated by `|`, as the file writes them, each
    /// with a phrase that is not blank (checked when loading). Split where they are used:
    /// validating the paraphrases, when it made a string of each of some 12,000 phrases, was
    /// 3% of a start's CPU, in the one part of start-up that runs alone.
    groups: Vec<String>,
}

impl Paraphrase {
    /// A paraphrase of `topic` by its groups as the file writes them.
    pub(crate) fn new(topic: TopicIdx, groups: Vec<String>) -> Paraphrase {
        Paraphrase { topic, groups }
    }

    /// How many groups it has; a message must have a phrase of each.
    pub fn group_count(&self) -> usize {
        self.groups.len()
    }

    /// Its groups, each as its phrases, trimmed, blank ones left out.
    pub fn groups(&self) -> impl Iterator<Item = impl Iterator<Item = &str>> {
        self.groups.iter().map(|group| {
            group
                .split('|')
                .map(str::trim)
                .filter(|phrase| !phrase.is_empty())
        })
    }
}

/// A validated catalogue. Build one with [`Catalogue::from_toml`] or [`Catalogue::shipped`].
#[derive(Debug, Clone)]
pub struct Catalogue {
    topics: Vec<Topic>,
    resources: Vec<Resource>,
    synonyms: Vec<Vec<String>>,
    senses: Vec<Sense>,
    paraphrases: Vec<Paraphrase>,
    topic_by_id: HashMap<String, TopicIdx>,
    children: Vec<Vec<TopicIdx>>,
    by_topic: Vec<Vec<ResourceIdx>>,
}

impl Catalogue {
    /// Parses and validates catalogue text. `source` names the file in error messages.
    pub fn from_toml(text: &str, source: &str) -> Result<Catalogue, CatalogueError> {
        load::parse(text, source)
    }

    /// Reads and validates a catalogue file.
    pub fn from_path(path: &std::path::Path) -> Result<Catalogue, CatalogueError> {
        let source = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|err| CatalogueError::io(&source, err))?;
        Catalogue::from_toml(&text, &source)
    }

    /// The catalogue embedded in the binary.
    pub fn shipped() -> Result<Catalogue, CatalogueError> {
        Catalogue::from_toml(SHIPPED, SHIPPED_NAME)
    }

    pub(crate) fn assemble(
        topics: Vec<Topic>,
        resources: Vec<Resource>,
        synonyms: Vec<Vec<String>>,
        senses: Vec<Sense>,
        paraphrases: Vec<Paraphrase>,
    ) -> Catalogue {
        let topic_by_id = topics
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.clone(), i))
            .collect();
        let mut children = vec![Vec::new(); topics.len()];
        for (i, topic) in topics.iter().enumerate() {
            if let Some(parent) = topic.parent {
                children[parent].push(i);
            }
        }
        let mut by_topic = vec![Vec::new(); topics.len()];
        for (r, resource) in resources.iter().enumerate() {
            for &t in &resource.topics {
                by_topic[t].push(r);
            }
        }
        Catalogue {
            topics,
            resources,
            synonyms,
            senses,
            paraphrases,
            topic_by_id,
            children,
            by_topic,
        }
    }

    /// All topics, parents before children in file order.
    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    /// All resources, in file order.
    pub fn resources(&self) -> &[Resource] {
        &self.resources
    }

    /// Groups of interchangeable words used to expand queries (e.g. 推理 ↔ inference).
    pub fn synonyms(&self) -> &[Vec<String>] {
        &self.synonyms
    }

    /// Catalogue words that are ordinary words elsewhere, with the cues of their other sense.
    pub fn senses(&self) -> &[Sense] {
        &self.senses
    }

    /// Ways of describing topics without naming them.
    pub fn paraphrases(&self) -> &[Paraphrase] {
        &self.paraphrases
    }

    /// The topic at an index (from [`Catalogue::topics`] or a resource's topics).
    pub fn topic(&self, idx: TopicIdx) -> &Topic {
        &self.topics[idx]
    }

    /// The resource at an index (from [`Catalogue::resources`] or a search).
    pub fn resource(&self, idx: ResourceIdx) -> &Resource {
        &self.resources[idx]
    }

    /// Looks a topic up by its id.
    pub fn topic_by_id(&self, id: &str) -> Option<TopicIdx> {
        self.topic_by_id.get(id).copied()
    }

    /// Root topics, in file order.
    pub fn roots(&self) -> impl Iterator<Item = TopicIdx> + '_ {
        self.topics
            .iter()
            .enumerate()
            .filter(|(_, t)| t.parent.is_none())
            .map(|(i, _)| i)
    }

    /// Direct children of a topic, in file order.
    pub fn children(&self, topic: TopicIdx) -> &[TopicIdx] {
        &self.children[topic]
    }

    /// Resources attached directly to a topic, in file order.
    pub fn resources_of(&self, topic: TopicIdx) -> &[ResourceIdx] {
        &self.by_topic[topic]
    }

    /// Resources attached to a topic or any topic below it, in file order, without repeats.
    pub fn resources_under(&self, topic: TopicIdx) -> Vec<ResourceIdx> {
        let mut seen = vec![false; self.resources.len()];
        let mut stack = vec![topic];
        while let Some(t) = stack.pop() {
            for &r in &self.by_topic[t] {
                seen[r] = true;
            }
            stack.extend_from_slice(&self.children[t]);
        }
        seen.iter()
            .enumerate()
            .filter(|(_, s)| **s)
            .map(|(r, _)| r)
            .collect()
    }

    /// The path from the root down to `topic`, inclusive.
    pub fn path(&self, topic: TopicIdx) -> Vec<TopicIdx> {
        let mut path = vec![topic];
        let mut cur = topic;
        while let Some(parent) = self.topics[cur].parent {
            path.push(parent);
            cur = parent;
        }
        path.reverse();
        path
    }

    /// Number of resources under each root topic's subtree, largest first: the "top topics" an
    /// empty answer offers.
    pub fn top_topics(&self, n: usize) -> Vec<TopicIdx> {
        let mut roots: Vec<(TopicIdx, usize)> = self
            .roots()
            .map(|t| (t, self.resources_under(t).len()))
            .collect();
        roots.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        roots.into_iter().take(n).map(|(t, _)| t).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arxiv_numbers_have_a_month_and_four_or_five_digits() {
        for number in ["0704.0001", "1706.03762", "2106.09685", "2412.15115"] {
            assert!(is_arxiv_number(number), "{number}");
        }
        for other in [
            "0612.1234",
            "2113.12345",
            "2106.096",
            "2106.096851",
            "21060.9685",
            "v1.2",
        ] {
            assert!(!is_arxiv_number(other), "{other}");
        }
    }

    #[test]
    fn shipped_catalogue_loads() {
        let cat = Catalogue::shipped().expect("shipped catalogue must be valid");
        assert!(cat.resources().len() >= 165);
        assert!(cat.roots().count() >= 5);
    }

    #[test]
    fn path_runs_root_to_leaf() {
        let cat = Catalogue::shipped().unwrap();
        let vllm = cat.topic_by_id("vllm").unwrap();
        let names: Vec<&str> = cat
            .path(vllm)
            .iter()
            .map(|&t| cat.topic(t).name.as_str())
            .collect();
        assert_eq!(names, ["LLM推理", "推理加速框架", "vLLM"]);
    }

    #[test]
    fn resources_under_includes_descendants_once() {
        let cat = Catalogue::shipped().unwrap();
        let peft = cat.topic_by_id("peft").unwrap();
        let lora = cat.topic_by_id("lora").unwrap();
        let under = cat.resources_under(peft);
        for r in cat.resources_of(lora) {
            assert!(under.contains(r));
        }
        let mut dedup = under.clone();
        dedup.dedup();
        assert_eq!(dedup, under);
    }
}
