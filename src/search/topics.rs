//! Finding topics by what people type: a topic named by id, name, alias or path
//! ("LLM推理/推理加速框架"), and topic completions for autocomplete.
//!
//! Both compare normalised text, so "VLLM", "ｖｌｌｍ" and "vLLM" name the same topic; that is
//! why they live with the search engine rather than in the catalogue, which knows no
//! normalisation.

use super::Engine;
use super::index::field_key;
use crate::catalogue::TopicIdx;

impl Engine {
    /// The topic a user named: by id, by name in either language or alias, or by a path of
    /// names separated by `/`, `›` or `>` (the last segment decides; earlier ones must be its
    /// ancestors).
    pub fn find_topic(&self, query: &str) -> Option<TopicIdx> {
        let catalogue = self.catalogue();
        if let Some(t) = catalogue.topic_by_id(query.trim()) {
            return Some(t);
        }
        let segments: Vec<String> = query
            .split(['/', '›', '>'])
            .map(field_key)
            .filter(|s| !s.is_empty())
            .collect();
        let (last, above) = segments.split_last()?;
        let named = |t: TopicIdx, key: &str| {
            let topic = catalogue.topic(t);
            field_key(&topic.id) == key || topic.labels().any(|n| field_key(n) == key)
        };
        (0..catalogue.topics().len()).find(|&t| {
            named(t, last) && {
                let path = catalogue.path(t);
                above.iter().all(|seg| path.iter().any(|&a| named(a, seg)))
            }
        })
    }

    /// Topics whose id, names or aliases contain what was typed, in catalogue order, at most
    /// `limit`; empty input gives the top-level topics.
    pub fn complete_topics(&self, partial: &str, limit: usize) -> Vec<TopicIdx> {
        let catalogue = self.catalogue();
        let needle = field_key(partial);
        if needle.is_empty() {
            return catalogue.roots().take(limit).collect();
        }
        catalogue
            .topics()
            .iter()
            .enumerate()
            .filter(|(_, topic)| {
                std::iter::once(topic.id.as_str())
                    .chain(topic.labels())
                    .any(|n| field_key(n).contains(&needle))
            })
            .map(|(t, _)| t)
            .take(limit)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_topics_by_id_name_and_path() {
        let engine = Engine::shipped().unwrap();
        let cat = engine.catalogue();
        let vllm = cat.topic_by_id("vllm").unwrap();
        assert_eq!(engine.find_topic("vllm"), Some(vllm));
        assert_eq!(engine.find_topic("VLLM"), Some(vllm));
        assert_eq!(engine.find_topic("ｖＬＬＭ"), Some(vllm));
        assert_eq!(engine.find_topic("LLM推理/推理加速框架/vLLM"), Some(vllm));
        assert_eq!(
            engine.find_topic("LLM推理 › 推理加速框架"),
            cat.topic_by_id("inference-engines")
        );
        assert_eq!(engine.find_topic("LLM训练/vLLM"), None);
        assert_eq!(engine.find_topic("no such topic"), None);
        assert_eq!(engine.find_topic("//"), None);
    }

    #[test]
    fn completes_topics() {
        let engine = Engine::shipped().unwrap();
        let cat = engine.catalogue();
        let roots: Vec<TopicIdx> = cat.roots().take(3).collect();
        assert_eq!(engine.complete_topics("  ", 3), roots);
        let lora = engine.complete_topics("lora", 25);
        assert!(lora.contains(&cat.topic_by_id("lora").unwrap()));
        assert!(lora.contains(&cat.topic_by_id("qlora").unwrap()));
        assert!(engine.complete_topics("lora", 1).len() == 1);
        assert!(engine.complete_topics("qwertyuiop", 5).is_empty());
    }
}
