//! Stage 3, beside expansion: words that say where the asker runs things, not what about.
//!
//! "how to install vllm on ubuntu 22", "ubuntu 22.04 装 deepspeed 报错", "does unsloth work on
//! a free colab T4": the operating system, the card and the notebook are the asker's machine,
//! as a self-introduction is the asker. Weighed as part of the question, a rare name the
//! catalogue does not explain (ubuntu, t4) outweighs the tool that is asked about, and the
//! message goes unanswered. So when a message names one of the catalogue's tools, a machine's
//! name and the version or model after it become background: shown, but neither evidence nor
//! unexplained. A name the catalogue has itself (a resource about running models on a Mac)
//! stays content; so does a machine in a message that names no tool (a matplotlib warning
//! "inside WSL" is about matplotlib), or one that is all the message asks about.

use super::expand::{self, How, QueryWord};
use super::index::Index;
use super::lexicon::{Role, is_number};

/// The machines people run things on, as normalised words, sorted for a binary search:
/// operating systems, graphics cards and chips, notebooks in the cloud.
#[rustfmt::skip]
const MACHINES: &[&str] = &[
    "1060", "1080", "1660", "2060", "2070", "2080", "3050", "3060", "3070", "3080", "3090",
    "4050", "4060", "4070", "4080", "4090", "5080", "5090", "a10", "a100", "a10g", "a6000",
    "a800", "ampere", "centos", "colab", "debian", "fedora", "gtx", "h100", "h20", "h800",
    "hopper", "imac", "kaggle", "l4", "l40", "l40s", "linux", "m1", "m2", "m3", "m4",
    "mac", "macbook", "macos", "mbp", "osx", "p100", "redhat", "rhel", "rtx", "t4", "ubuntu",
    "v100", "volta", "win", "win10", "win11", "windows", "wsl", "wsl2", "乌班图",
];

/// What may follow a machine's name as part of it: "ubuntu 22 04", "2080 ti", "m2 pro", "mac
/// mini", "macbook air".
const MODELS: &[&str] = &["ti", "super", "pro", "max", "ultra", "mini", "air"];

/// True for a machine's name, also with its model run into it ("2080ti", "m2max") or as a
/// plural ("a100s", "macs").
fn is_machine(word: &str) -> bool {
    let known = |w: &str| MACHINES.binary_search(&w).is_ok();
    known(word)
        || word.strip_suffix('s').is_some_and(|w| {
            // Not "wins": only cards and Macs are counted.
            known(w) && (w.bytes().any(|b| b.is_ascii_digit()) || w == "mac")
        })
        || MODELS.iter().any(|m| {
            word.strip_suffix(m)
                .is_some_and(|w| !w.is_empty() && known(w))
        })
}

/// True for a word that names a version or model after a machine's name.
fn is_version(word: &str) -> bool {
    is_number(word) || MODELS.contains(&word) || is_memory(word)
}

/// True for an amount of memory ("24g", "80gb"): beside a card's name it says which card,
/// as its model does ("24G 的 3090", "a100 80gb").
fn is_memory(word: &str) -> bool {
    ["g", "gb", "gib"]
        .iter()
        .any(|unit| word.strip_suffix(unit).is_some_and(is_number))
}

/// True when the catalogue has the word itself, or a synonym or inflection of it: a resource
/// about running models on a Mac. A typo's reading ("mac" as "macs") does not count.
fn explained(word: &QueryWord, index: &Index) -> bool {
    word.alternatives
        .iter()
        .any(|a| matches!(a.how, How::Exact | How::Stem | How::Synonym) && index.is_held(a.term))
}

/// Makes the machines a message names, with their versions or models, background when the
/// catalogue does not have them and the message names a tool (`names_tool`).
pub fn set_aside(words: &mut [QueryWord], index: &Index, names_tool: impl Fn(&QueryWord) -> bool) {
    let mut marked = vec![false; words.len()];
    let mut after_machine = false;
    for (w, m) in words.iter().zip(marked.iter_mut()) {
        let machine = is_machine(&w.text) && !explained(w, index);
        *m = machine || (after_machine && is_version(&w.text));
        after_machine = *m;
    }
    // An amount of memory before the card, with at most filler between ("24g 的 3090").
    let mut before_machine = false;
    for (w, m) in words.iter().zip(marked.iter_mut()).rev() {
        if *m {
            before_machine = true;
        } else if before_machine && is_memory(&w.text) {
            *m = true;
        } else if w.role != Role::Stop {
            before_machine = false;
        }
    }
    expand::set_aside_beside_a_tool(words, &marked, names_tool);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machines_are_sorted_for_the_binary_search() {
        assert!(MACHINES.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn an_amount_of_memory_is_part_of_a_card() {
        assert!(is_memory("24g") && is_memory("80gb") && is_version("48g"));
        assert!(!is_memory("g") && !is_memory("gb") && !is_memory("4bit"));
    }

    #[test]
    fn a_model_run_into_a_machine_name_is_that_machine() {
        assert!(is_machine("2080ti") && is_machine("m2max") && is_machine("4090"));
        assert!(!is_machine("ti") && !is_machine("max") && !is_machine("pro"));
        assert!(is_machine("macmini") && !is_machine("mini") && !is_machine("gemini"));
        assert!(is_machine("a100s") && is_machine("macs") && !is_machine("wins"));
    }
}
