//! Stage 5, after ranking: a question about one section of the catalogue's tree.
//!
//! "文章里「推理加速框架」那一节都列了哪些", "what's in the compilation section?": the message
//! points at a section and names it. Ranked like any query, the resources that carry the
//! section's own name score best, and under 推理加速框架 every resource carries it, so the three
//! that happen to score highest (MindIE, a post on LoRA in TensorRT-LLM) stand for a section of
//! eleven tools. Such a question is answered as the section reads: the best resource of each
//! of its subsections in the catalogue's order, then the next of each.
//!
//! The section is the topic named right before the word that points at it ("推理加速框架那一节",
//! "the compilation section"). A message that names something else the section's resources hold
//! ("预训练那一节 transformer 相关的三篇", "推理加速框架那一节里，国产的有哪些") asks for part of
//! the section, and keeps the order ranking gave it.

use super::expand::QueryWord;
use super::lexicon::{Role, SECTION_POINTERS as POINTERS, SECTION_POINTERS_ZH as POINTERS_ZH};
use super::normalise::{self, is_cjk};
use super::rank::Ranked;
use crate::catalogue::{Catalogue, ResourceIdx, TopicIdx};

/// What may stand between a section's name and the word pointing at it ("推理加速框架那一节",
/// "分布式训练并行的那部分", "【LLM推理】那一整块": the name set off in brackets or quotes).
const BETWEEN_ZH: &[char] = &[
    '那', '这', '的', ' ', '」', '』', '】', '》', ']', '"', '”', '\'', '’',
];

/// What one of [`POINTERS_ZH`] or [`POINTERS`] holds, looked for in the message as typed before
/// any of it is normalised: most messages have none.
const POINTER_MARKS: &[&str] = &[
    "节", "節", "部分", "栏", "欄", "章", "板块", "板塊", "块", "塊", "section", "Section",
    "SECTION", "chapter", "Chapter", "CHAPTER",
];

/// The section a message points at and asks to see as a whole: the topic named right before a
/// word pointing at it, when the topic has subsections to list, and the message (its `words`,
/// and the resources `ranked` for them) asks for no kind of resource or language and names
/// nothing else that some of the section's resources hold. "推理加速框架那一节里，国产的有哪些"
/// and "分布式训练并行那一节里，自动并行推荐的是哪篇" ask for part of the section, which ranking
/// finds.
pub fn pointed_at(
    query: &str,
    words: &[QueryWord],
    ranked: &[Ranked],
    catalogue: &Catalogue,
    labels: &[Vec<String>],
) -> Option<TopicIdx> {
    if !POINTER_MARKS.iter().any(|m| query.contains(m)) {
        return None;
    }
    let text = normalise::normalise(query);
    let (topic, label) = pointer_starts(&text)
        .filter_map(|at| named_last(text[..at].trim_end_matches(BETWEEN_ZH), labels))
        .find(|&(t, _)| !catalogue.children(t).is_empty())?;
    let of_the_label = |w: &QueryWord| {
        if w.text.chars().any(is_cjk) {
            label.contains(w.text.as_str())
        } else {
            label.split(' ').any(|l| l == w.text)
        }
    };
    let wishes = words
        .iter()
        .any(|w| matches!(w.role, Role::Intent(_) | Role::Language(_)));
    let under: Vec<ResourceIdx> = catalogue.resources_under(topic);
    let narrowed = ranked
        .iter()
        .filter(|r| under.binary_search(&r.resource).is_ok())
        .flat_map(|r| &r.matched)
        .any(|m| {
            words
                .iter()
                .find(|w| w.text == m.word)
                .is_some_and(|w| !of_the_label(w))
        });
    (!wishes && !narrowed).then_some(topic)
}

/// Where each word pointing at a section starts in `text` (normalised).
fn pointer_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let chinese = POINTERS_ZH
        .iter()
        .flat_map(move |p| text.match_indices(p).map(|(at, _)| at));
    let latin = text
        .split(' ')
        .scan(0, |at, word| {
            let start = *at;
            *at += word.len() + 1;
            Some((start, word))
        })
        .filter(|(_, word)| POINTERS.contains(word))
        .map(|(at, _)| at);
    chinese.chain(latin)
}

/// The topic whose label `before` ends with, the longest label where several do ("推理加速框架"
/// over "框架"): a Chinese label whatever precedes it, a Latin one as whole words.
fn named_last<'l>(before: &str, labels: &'l [Vec<String>]) -> Option<(TopicIdx, &'l str)> {
    labels
        .iter()
        .enumerate()
        .flat_map(|(t, ls)| ls.iter().map(move |l| (t, l.as_str())))
        .filter(|(_, l)| !l.is_empty() && before.ends_with(l))
        .filter(|(_, l)| {
            let rest = &before[..before.len() - l.len()];
            l.chars().next().is_some_and(is_cjk)
                || rest.is_empty()
                || rest.ends_with(' ')
                || rest.chars().next_back().is_some_and(is_cjk)
        })
        .max_by_key(|(_, l)| l.len())
}

/// Orders `ranked` as `section` reads: round after round, the best remaining resource of each
/// subsection in the catalogue's order (those on the section alone first). The scores stay
/// where they were, best first; only which resource holds each changes. Nothing changes
/// unless two subsections or more are among the results.
pub fn list(ranked: &mut [Ranked], section: TopicIdx, catalogue: &Catalogue) {
    let outside = catalogue.children(section).len() + 1;
    // The subsection of each result: the position of the child whose subtree holds one of its
    // topics, counting from 1; 0 for a resource on the section alone, and after every
    // subsection one from outside the section.
    let under = catalogue.resources_under(section);
    let group_of = |r: &Ranked| match subsection(r.resource, section, catalogue) {
        Some(i) => i + 1,
        None if under.binary_search(&r.resource).is_ok() => 0,
        None => outside,
    };
    let groups: Vec<usize> = ranked.iter().map(group_of).collect();
    let mut distinct: Vec<usize> = groups
        .iter()
        .copied()
        .filter(|&g| g > 0 && g < outside)
        .collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < 2 {
        return;
    }
    // Each result's round: how many of its subsection's results rank above it. Those from
    // outside come after the whole section, as they ranked.
    let mut seen = vec![0usize; outside + 1];
    let mut order: Vec<(usize, usize, usize)> = groups
        .iter()
        .enumerate()
        .map(|(i, &g)| {
            let round = if g == outside { usize::MAX } else { seen[g] };
            seen[g] += 1;
            (round, g, i)
        })
        .collect();
    order.sort_unstable();
    let scores: Vec<f32> = ranked.iter().map(|r| r.score).collect();
    let mut listed: Vec<Ranked> = order.iter().map(|&(_, _, i)| ranked[i].clone()).collect();
    for (r, score) in listed.iter_mut().zip(scores) {
        r.score = score;
    }
    ranked.clone_from_slice(&listed);
}

/// The position among `section`'s children of the one whose subtree holds one of `resource`'s
/// topics, the first in the catalogue's order; `None` when no child's does.
fn subsection(resource: ResourceIdx, section: TopicIdx, catalogue: &Catalogue) -> Option<usize> {
    let topics = &catalogue.resource(resource).topics;
    catalogue
        .children(section)
        .iter()
        .position(|c| topics.iter().any(|&t| catalogue.path(t).contains(c)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;

    fn section(engine: &Engine, query: &str) -> Option<String> {
        let catalogue = engine.catalogue();
        let labels = super::super::topic_labels(catalogue);
        let found = engine.find(query);
        pointed_at(query, &found.words, &found.ranked, catalogue, &labels)
            .map(|t| catalogue.topic(t).id.clone())
    }

    #[test]
    fn the_section_is_named_right_before_the_word_pointing_at_it() {
        let engine = Engine::shipped().unwrap();
        let at = |q| section(&engine, q);
        assert_eq!(
            at("文章里「推理加速框架」那一部分，哪个最适合新手").as_deref(),
            Some("inference-engines")
        );
        assert_eq!(
            at("分布式训练并行那部分推荐了啥").as_deref(),
            Some("parallelism")
        );
        assert_eq!(
            at("what's in the compilation section?").as_deref(),
            Some("compilation")
        );
        // A section with nothing under it lists nothing, nor does a message pointing at none.
        assert_eq!(at("vLLM 那一节"), None);
        assert_eq!(at("推理加速框架都有哪些"), None);
        assert_eq!(at("只更新一部分参数的微调"), None);
        // Part of a section is asked for by what else the message names.
        assert_eq!(at("分布式训练并行那一节里，自动并行推荐的是哪篇"), None);
        assert_eq!(at("推理加速框架那一节，只挑有中文文档的给我"), None);
    }

    #[test]
    fn a_section_reads_one_subsection_after_another() {
        let engine = Engine::shipped().unwrap();
        let catalogue = engine.catalogue();
        let found = engine.find("文章里「推理加速框架」那一部分都列了哪些？");
        let section = catalogue.topic_by_id("inference-engines").unwrap();
        let first: Vec<Option<usize>> = found
            .ranked
            .iter()
            .take(3)
            .map(|r| subsection(r.resource, section, catalogue))
            .collect();
        // Three subsections, in the catalogue's order.
        assert!(first.iter().all(Option::is_some), "{first:?}");
        assert!(first.windows(2).all(|w| w[0] < w[1]), "{first:?}");
        assert!(
            found.ranked.windows(2).all(|w| w[0].score >= w[1].score),
            "scores stay best first"
        );
    }
}
