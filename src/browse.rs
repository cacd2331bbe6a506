//! Browsing the topic tree: the root topics, or one topic with its subtopics, the way up and a
//! page of the resources under it, each topic with the number of resources below it.
//!
//! Like [`crate::answer`], this is what the core says, owned and platform-neutral: the front
//! ends present it (see [`crate::present`]).

use crate::answer::{Hit, TopicRef};
use crate::catalogue::TopicIdx;
use crate::search::Engine;

/// A topic and the number of resources under it (its subtopics' included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicCount {
    /// The topic.
    pub topic: TopicRef,
    /// Resources under it.
    pub resources: usize,
}

/// One page of a topic.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicPage {
    /// Root first, this topic last.
    pub path: Vec<TopicRef>,
    /// The parent topic; `None` for a root, whose way up is the list of roots.
    pub parent: Option<TopicRef>,
    /// Direct subtopics.
    pub children: Vec<TopicCount>,
    /// This page of the resources under the topic.
    pub hits: Vec<Hit>,
    /// Index of the first hit of this page (at most `total`).
    pub offset: usize,
    /// Resources under the topic, over all pages.
    pub total: usize,
}

impl TopicPage {
    /// The topic itself.
    pub fn topic(&self) -> Option<&TopicRef> {
        self.path.last()
    }
}

/// What browsing found.
#[derive(Debug, Clone, PartialEq)]
pub enum Browse {
    /// The root topics.
    Roots(Vec<TopicCount>),
    /// A page of one topic.
    Topic(TopicPage),
    /// No topic has that name or id (a typo, or a button from before a catalogue reload);
    /// the root topics to carry on from.
    Unknown(Vec<TopicCount>),
}

impl Engine {
    /// The root topics with their sizes.
    pub fn root_topics(&self) -> Vec<TopicCount> {
        self.catalogue()
            .roots()
            .map(|t| self.topic_count(t))
            .collect()
    }

    /// A topic with its size.
    pub fn topic_count(&self, topic: TopicIdx) -> TopicCount {
        let catalogue = self.catalogue();
        TopicCount {
            topic: TopicRef::new(catalogue, topic),
            resources: catalogue.resources_under(topic).len(),
        }
    }

    /// One page of a topic: `limit` resources from `offset` (clamped to the total).
    pub fn topic_page(&self, topic: TopicIdx, offset: usize, limit: usize) -> TopicPage {
        let catalogue = self.catalogue();
        let under = catalogue.resources_under(topic);
        let offset = offset.min(under.len());
        TopicPage {
            path: catalogue
                .path(topic)
                .into_iter()
                .map(|t| TopicRef::new(catalogue, t))
                .collect(),
            parent: catalogue
                .topic(topic)
                .parent
                .map(|p| TopicRef::new(catalogue, p)),
            children: catalogue
                .children(topic)
                .iter()
                .map(|&c| self.topic_count(c))
                .collect(),
            hits: under
                .iter()
                .skip(offset)
                .take(limit)
                .map(|&r| Hit::of(catalogue, catalogue.resource(r)))
                .collect(),
            offset,
            total: under.len(),
        }
    }

    /// Browses to a topic named by id, name or path (see [`Engine::find_topic`]), or to the
    /// root topics when `topic` is `None` or blank.
    pub fn browse(&self, topic: Option<&str>, offset: usize, limit: usize) -> Browse {
        match topic.map(str::trim).filter(|t| !t.is_empty()) {
            None => Browse::Roots(self.root_topics()),
            Some(name) => match self.find_topic(name) {
                Some(t) => Browse::Topic(self.topic_page(t, offset, limit)),
                None => Browse::Unknown(self.root_topics()),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browsing_finds_pages_roots_and_unknowns() {
        let engine = Engine::shipped().unwrap();
        let Browse::Roots(roots) = engine.browse(Some("  "), 0, 5) else {
            panic!("roots expected");
        };
        assert_eq!(roots.len(), engine.catalogue().roots().count());
        assert!(roots.iter().all(|r| r.resources > 0));
        let Browse::Topic(page) = engine.browse(Some("LLM推理/推理加速框架"), 0, 3) else {
            panic!("a topic page expected");
        };
        assert_eq!(page.topic().unwrap().id, "inference-engines");
        assert_eq!(page.hits.len(), 3);
        assert!(page.total > 3);
        assert!(page.children.iter().any(|c| c.topic.id == "vllm"));
        assert_eq!(page.parent.as_ref().unwrap().id, page.path[0].id);
        let past = engine.topic_page(0, 10_000, 3);
        assert_eq!((past.offset, past.hits.len()), (past.total, 0));
        assert!(matches!(engine.browse(Some("no-such"), 0, 3), Browse::Unknown(r) if r == roots));
    }
}
