//! Stage 3b: group a query's words into the concepts it asks about.
//!
//! "deepspeed vs megatron", "LoRA 和 QLoRA 有什么区别" and "剪枝、蒸馏、量化哪个好" ask about several
//! things at once; a good answer covers each of them, not only the resources that happen to
//! name all of them. Concepts are split at links ("vs", "和", "还是") and at list punctuation
//! ("、", ","). A comparison ("vs", "还是", "区别", "difference") splits at every link; plain
//! "and", "和" and commas split only a list of short phrases with no question word among
//! them, so that a rambling sentence ("I've got a llama model and my boss wants it behind an
//! API", "what is XLA and how does it work") stays one concept.

use super::expand::QueryWord;
use super::lexicon::{self, Role};
use super::normalise::{is_cjk, is_count};

/// The most content words a phrase of a plain list may have.
const LIST_PHRASE: usize = 2;
/// The most English words of any role a phrase of a plain list may have: "hey so um, I've
/// been trying to figure this out for a while, does anyone have a link on DeepSpeed" has
/// commas and few content words between them, but its phrases are chat, not items. (Chinese
/// is segmented into few words, and a comma there often does part a list from its frame.)
const LIST_LATIN_WORDS: usize = 4;

/// Sets each word's [`QueryWord::concept`] and returns how many concepts have content words.
/// `piece[i]` numbers the punctuation-separated piece word `i` came from; `marked` says the
/// pieces are the items of a list with its marks ([`super::items`]), each a concept however
/// long, beside whatever question frames them.
pub fn assign(words: &mut [QueryWord], piece: &[usize], marked: bool) -> usize {
    // "比较简单", "比较好用", "比较快": before a word that names nothing, or before one
    // ideograph (an adjective: 快, 好, 稳), 比较 is "rather", not "compare".
    let rather = |i: usize| {
        words[i].text == "比较"
            && words.get(i + 1).is_some_and(|next| {
                (!next.is_content() && next.role != Role::Link)
                    || (next.text.chars().count() == 1 && next.text.chars().all(is_cjk))
            })
    };
    // "机器和机器之间", "node to node": the same word on both sides of a link is one thing
    // between its instances, not two things.
    let between_the_same = |i: usize| {
        i > 0
            && words
                .get(i + 1)
                .is_some_and(|next| next.text == words[i - 1].text)
    };
    // "spill it to CPU memory or even NVMe": "or even" goes further along one way, it offers
    // no other to compare.
    let further = |i: usize| {
        words[i].text == "or" && words.get(i + 1).is_some_and(|next| next.text == "even")
    };
    // Segments: maximal runs of words between links and piece boundaries.
    let mut segment = vec![0usize; words.len()];
    let mut current = 0;
    for i in 0..words.len() {
        let boundary = i > 0 && piece[i] != piece[i - 1];
        let link = words[i].role == Role::Link && !rather(i) && !between_the_same(i) && !further(i);
        if link || boundary {
            current += 1;
        }
        segment[i] = current;
    }
    let count_in = |s: usize, counted: fn(&QueryWord) -> bool| {
        (0..words.len())
            .filter(|&i| segment[i] == s && counted(&words[i]))
            .count()
    };
    let content_in = |s: usize| count_in(s, QueryWord::is_content);
    // "zero stage 1 vs 2 vs 3", "q4 还是 5": a side that is only a number is another of the
    // same thing, numbered, and belongs to the concept before it.
    let numbered = |s: usize| content_in(s) == count_in(s, |w| w.is_content() && is_count(&w.text));
    let segments: Vec<usize> = (0..=current)
        .filter(|&s| content_in(s) > 0)
        .enumerate()
        .filter(|&(k, s)| k == 0 || !numbered(s))
        .map(|(_, s)| s)
        .collect();
    // "spread across different cards": before a word that names something, "different" says
    // which, and compares nothing ("how is lora different from qlora" still compares).
    let describes = |i: usize| {
        words[i].text == "different" && words.get(i + 1).is_some_and(QueryWord::is_content)
    };
    let comparison = words.iter().enumerate().any(|(i, w)| {
        lexicon::is_comparison(&w.text) && !rather(i) && !describes(i) && !further(i)
    });
    // "what is XLA and how does it speed things up" joins two questions, not two concepts.
    let clauses = words.iter().any(|w| lexicon::is_question(&w.text));
    let latin_in = |s: usize| count_in(s, |w| w.text.is_ascii());
    let list = marked
        || !clauses
            && segments
                .iter()
                .all(|&s| content_in(s) <= LIST_PHRASE && latin_in(s) <= LIST_LATIN_WORDS);
    if segments.len() < 2 || !(comparison || list) {
        for w in words.iter_mut() {
            w.concept = 0;
        }
        return usize::from(!segments.is_empty());
    }
    for (i, w) in words.iter_mut().enumerate() {
        // Words of a segment with no content (a trailing "哪个好") join the previous concept.
        let s = segment[i];
        w.concept = segments.iter().rposition(|&c| c <= s).unwrap_or(0);
        w.item = marked;
    }
    segments.len()
}

/// Splits a message with no links into the things it names, when it names several: "vllm 怎么
/// 部署 qwen" asks about a serving engine and a model, and the resources that name both, or
/// the one named most, leave the other out. Each word naming a thing (`named`, e.g. a topic)
/// starts or joins that thing's concept; every other word joins the nearest name's concept
/// (the earlier one on a tie). Nothing changes when fewer than two things are named.
pub fn assign_names<T: PartialEq + Copy>(
    words: &mut [QueryWord],
    named: impl Fn(&QueryWord) -> Option<T>,
) {
    let names: Vec<(usize, T)> = words
        .iter()
        .enumerate()
        .filter(|(_, w)| w.is_content())
        .filter_map(|(i, w)| named(w).map(|t| (i, t)))
        .collect();
    let mut things: Vec<T> = Vec::new();
    for &(_, t) in &names {
        if !things.contains(&t) {
            things.push(t);
        }
    }
    if things.len() < 2 {
        return;
    }
    let concept_of = |t: T| things.iter().position(|&u| u == t).unwrap_or(0);
    for (i, w) in words.iter_mut().enumerate() {
        w.concept = names
            .iter()
            .min_by_key(|&&(at, _)| at.abs_diff(i))
            .map_or(0, |&(_, t)| concept_of(t));
    }
}

#[cfg(test)]
mod tests {
    use super::super::Engine;

    fn concepts(query: &str) -> Vec<Vec<String>> {
        let engine = Engine::shipped().unwrap();
        let words = engine.understand(query, false);
        let n = words.iter().map(|w| w.concept + 1).max().unwrap_or(0);
        (0..n)
            .map(|c| {
                words
                    .iter()
                    .filter(|w| w.concept == c && w.is_content())
                    .map(|w| w.text.clone())
                    .collect()
            })
            .filter(|c: &Vec<String>| !c.is_empty())
            .collect()
    }

    #[test]
    fn comparisons_and_lists_split() {
        assert_eq!(
            concepts("deepspeed vs megatron"),
            [["deepspeed"], ["megatron"]]
        );
        assert_eq!(concepts("LoRA 和 QLoRA 有什么区别"), [["lora"], ["qlora"]]);
        assert_eq!(
            concepts("剪枝、蒸馏、量化哪个好"),
            [["剪枝"], ["蒸馏"], ["量化"]]
        );
    }

    #[test]
    fn a_side_that_is_only_a_number_is_the_same_thing_numbered() {
        assert_eq!(
            concepts("zero stage 1 vs 2 vs 3"),
            [["zero", "stage", "1", "2", "3"]]
        );
        // A number beside a name is a side of its own.
        assert_eq!(concepts("qwen 7b vs llama 13b").len(), 2);
    }

    #[test]
    fn the_items_of_a_list_with_its_marks_are_concepts_whatever_frames_them() {
        assert_eq!(
            concepts("1) parallelism 2) KV cache 3) compilers"),
            [vec!["parallelism"], vec!["kv", "cache"], vec!["compilers"]]
        );
        // A question around the items, and items longer than a list's phrases.
        let jd =
            concepts("JD 要求：\n· 熟悉 Megatron 的张量并行\n· 了解 NCCL 通信原语\n这两块怎么补");
        assert!(
            jd.contains(&vec!["megatron".into(), "张量并行".into()]),
            "{jd:?}"
        );
        assert!(
            jd.contains(&vec!["nccl".into(), "通信原语".into()]),
            "{jd:?}"
        );
    }

    #[test]
    fn the_things_a_message_names_are_concepts_of_their_own() {
        assert_eq!(
            concepts("vlllm 怎么部署 qwen 报错了"),
            [vec!["vllm"], vec!["部署", "qwen", "报", "错"]]
        );
        assert_eq!(concepts("用 vllm 部署 chatglm3").len(), 2);
        // One thing, or ideas rather than things, stay one concept.
        assert_eq!(concepts("qwen 部署教程").len(), 1);
        assert_eq!(concepts("serving 的时候 KV cache 吃掉太多 VRAM").len(), 1);
    }

    #[test]
    fn sentences_stay_whole() {
        assert_eq!(concepts("flash attention 原理").len(), 1);
        // 比较 as "rather" compares nothing.
        assert_eq!(concepts("想部署一个网页服务，后端怎么写比较简单").len(), 1);
        assert_eq!(concepts("机器和机器之间用什么网络比较快").len(), 1);
        assert_eq!(concepts("比较 lora 和 qlora").len(), 2);
        // "different" before a thing says which one; before "from" it compares.
        assert_eq!(
            concepts("experts spread across different cards, and the router").len(),
            1
        );
        assert_eq!(concepts("how is lora different from qlora").len(), 2);
        assert_eq!(
            concepts("can training spill optimizer state and params to CPU memory or even NVMe?")
                .len(),
            1
        );
        // Commas in chat part clauses, not items.
        assert_eq!(
            concepts("ok so, I have been trying to work this out all week, any good vllm link")
                .len(),
            1
        );
        assert_eq!(concepts("lora, qlora, adalora").len(), 3);
        assert_eq!(
            concepts(
                "I have a fine-tuned llama model and my boss wants it served behind an API fast"
            )
            .len(),
            1
        );
    }
}
