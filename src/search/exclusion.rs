//! Stage 3, beside expansion: what a message rules out.
//!
//! People say what they do not want as often as what they do: "不要知乎的，有没有英文的 LoRA
//! 教程", "公司不让用英伟达，只能用国产卡", "文章压缩那块除了量化还讲了啥", "besides vLLM,
//! what else". The word after such a cue names something the catalogue has, and weighed as
//! part of the question it pulls the answer toward exactly what was ruled out. So the first
//! content word after a cue (or before 以外 / 之外) is excluded: it weighs nothing, and
//! resources whose titles or keywords name it go after the others ([`demote`]). When it is
//! all the message names ("除了 vLLM 还有啥", "vllm alternatives"), it stays what the message
//! is about, read as the topic the tool is filed under, with the tool's own pages last; beside
//! other words a tool ruled out reads as that topic too, weakly ("vllm alternative made by
//! hugging face" is TGI). A kind
//! of resource ruled out ("不要视频", "no papers", "别再给我文章了") is unwanted: resources of
//! that kind go last.

use super::expand::{self, Alternative, How, QueryWord};
use super::index::{Field, Index};
use super::lexicon::{self, Role};
use super::rank::Ranked;
use crate::catalogue::{Catalogue, Kind, TopicIdx};

/// Pairs of English words before what is ruled out: "other than", "apart from".
const BEFORE_PAIRS: &[(&str, &str)] = &[
    ("other", "than"),
    ("apart", "from"),
    ("alternative", "to"),
    ("alternatives", "to"),
];

/// Pairs before a tool or model ruled out ("LlamaIndex instead of langchain"), and before
/// nothing else: "a bridge instead of PCIe" or "every weight instead of small add-on modules"
/// describes what is asked for by what it is not.
const BEFORE_TOOL_PAIRS: &[(&str, &str)] = &[("instead", "of"), ("rather", "than")];

/// What a match through the topic a tool is filed under is worth, for a message asking for
/// the tool's alternatives: below the tool's own name, which [`demote`] puts last anyway.
const BESIDE: f32 = 0.8;
/// The same, for a tool ruled out beside other words: they say what is asked, the tool only
/// which shelf it is on ("华为昇腾上跑推理，除了 MindIE 还有啥选择" wants Ascend's other tools, not
/// every serving engine).
const BESIDE_AMONG: f32 = 0.25;
/// What the tool's own name is still worth in such a message.
const OWN: f32 = 0.1;

/// How far after a cue (in words, filler such as 用 included) the word ruled out may stand.
const REACH: usize = 2;
/// How far after a cue that rules out kinds only the kind may stand.
const KIND_REACH: usize = 4;

/// Marks the words the message rules out as [`Role::Excluded`], unless nothing else in the
/// message is content: then what was ruled out is still what the message is about. A kind
/// of resource ruled out ("不要视频", "no papers") becomes [`Role::Unwanted`].
/// `piece_of` numbers the piece of the message (as list punctuation cuts it) each word is in.
///
/// `names_tool` says whether a word names a tool or model, `topic_named` which topic it names.
///
/// Only what the catalogue names is ruled out: "除了 Notion 还有啥笔记 app" asks for what
/// stands beside Notion, so a word the catalogue does not know still says the message is
/// about something else, and the relevance decision must weigh it.
///
/// A tool ruled out ("除了 vllm 还有啥", "vllm alternatives") asks for its alternatives: the
/// word also reads as the topic the tool is filed under ([`How::Beside`]; weakly beside other
/// words, `BESIDE_AMONG` in the source), and [`demote`] puts the tool's own pages last.
pub fn exclude(
    words: &mut [QueryWord],
    piece_of: &[usize],
    index: &Index,
    catalogue: &Catalogue,
    names_tool: impl Fn(&QueryWord) -> bool,
    topic_named: impl Fn(&QueryWord) -> Option<TopicIdx>,
) {
    let mut ruled_out = ruled_out(words, piece_of, names_tool);
    // A name written in parts ("TensorRT-LLM 之外的") is ruled out whole, not only the part
    // next to the cue: the catalogue knows the parts joined ("tensorrtllm").
    for j in 1..words.len() {
        if ruled_out[j] != ruled_out[j - 1]
            && piece_of.get(j) == piece_of.get(j - 1)
            && words[j - 1].is_content()
            && words[j].is_content()
            && index
                .term(&[words[j - 1].text.as_str(), &words[j].text].concat())
                .is_some()
        {
            ruled_out[j - 1] = true;
            ruled_out[j] = true;
        }
    }
    // "besides the math, what else": there a manner is a subject to go beyond, ruled out as
    // any other.
    let after_besides: Vec<bool> = (0..words.len())
        .map(|i| {
            words[i.saturating_sub(REACH)..i]
                .iter()
                .any(|w| lexicon::BESIDES.contains(&w.text.as_str()))
        })
        .collect();
    // "no code" and "no-code" name a way of working (a tool used without writing code), not
    // a kind of resource ruled out: "a web page to LoRA-finetune qwen, no code?" wants a
    // repository with a web UI.
    for i in 1..words.len() {
        if ruled_out[i]
            && words[i - 1].text == "no"
            && NO_CODE.contains(&words[i].text.as_str())
            && matches!(words[i].role, Role::Intent(_))
        {
            words[i].role = Role::Stop;
            ruled_out[i] = false;
        }
    }
    for ((out, word), besides) in ruled_out
        .iter_mut()
        .zip(words.iter_mut())
        .zip(after_besides)
    {
        match word.role {
            Role::Intent(kinds) if *out && kinds.len() <= 2 => {
                word.role = Role::Unwanted(kinds);
                *out = false;
            }
            Role::Content if *out && !besides && MANNERS.contains(&word.text.as_str()) => {
                word.role = Role::Stop;
                *out = false;
            }
            _ => *out = *out && word.is_content() && named_by(word, index).next().is_some(),
        }
    }
    // What is asked about again ("other than the DeepSpeed training repo, a write-up on
    // DeepSpeed's inference side") is not ruled out: the message narrows it instead.
    let asked: Vec<&str> = words
        .iter()
        .zip(&ruled_out)
        .filter(|&(w, &out)| !out && w.is_content())
        .map(|(w, _)| w.text.as_str())
        .collect();
    for (out, word) in ruled_out.iter_mut().zip(words.iter()) {
        *out &= !asked.contains(&word.text.as_str());
    }
    // Beside other words ("vllm alternative made by hugging face", "已收藏 vLLM …推理框架这块还
    // 缺啥"), a tool ruled out still says which shelf the answer is on: it reads as the topic it
    // is filed under, weakly, and the other words say which of the shelf.
    let among = expand::recast_unless_alone(words, &ruled_out, Role::Excluded);
    for (word, _) in words.iter_mut().zip(&ruled_out).filter(|(_, m)| **m) {
        if let Some(parent) = topic_named(word).and_then(|t| catalogue.topic(t).parent) {
            if among {
                word.role = Role::Content;
            }
            // The tool's own pages, which go last, must not outweigh the others so far that
            // the relevance floors drop them.
            for a in &mut word.alternatives {
                a.weight *= OWN;
            }
            word.alternatives.push(Alternative {
                term: index.topic_term(parent),
                weight: if among { BESIDE_AMONG } else { BESIDE },
                how: How::Beside,
            });
        }
    }
}

/// The resources that name a word in a title or keyword: as written, or as its synonyms,
/// inflections and spellings.
fn named_by<'a>(word: &'a QueryWord, index: &'a Index) -> impl Iterator<Item = u32> + 'a {
    word.alternatives
        .iter()
        .filter(|a| {
            matches!(
                a.how,
                How::Exact | How::Synonym | How::Stem | How::Compound | How::Pinyin
            )
        })
        .flat_map(|a| index.postings(a.term))
        .filter(|p| p.field <= Field::Keyword)
        .map(|p| p.resource)
}

/// Words that say which of a kind is ruled out, right before it ("not another library repo",
/// "no github code", "not a dry textbook"). Any content word would read "no gpu tutorial" as
/// ruling out tutorials.
const KIND_QUALIFIERS: &[&str] = &[
    "library",
    "libraries",
    "github",
    "code",
    "source",
    "academic",
    "dry",
    "boring",
    "dense",
    "heavy",
];

/// How an explanation is written, ruled out after a cue that rules out kinds ("SHORT. NO
/// EQUATIONS.", "不想看公式", "without the math", "别太 technical"): a wish about the answer's
/// manner, which explains nothing of the topic and must not stand unexplained in the question.
const MANNERS: &[&str] = &[
    "equations",
    "equation",
    "formulas",
    "formula",
    "formulae",
    "math",
    "maths",
    "jargon",
    "technical",
    "公式",
    "数学",
    "术语",
];

/// Words that, right after "no", say how a tool is used rather than what to leave out.
const NO_CODE: &[&str] = &["code", "coding"];

/// Words after a manner that make it the asker's grounding instead ("no math background"):
/// someone without it may want exactly the basics.
const GROUNDING: &[&str] = &["background", "knowledge", "experience", "基础"];

/// Which words a cue rules out: the first content or intent word within two words after a
/// cue in the same piece of the message, or the content word right before 以外 / 之外. After
/// [`lexicon::RULING_OUT_KINDS`] only an intent word, after [`BEFORE_TOOL_PAIRS`] only a tool.
fn ruled_out(
    words: &[QueryWord],
    piece_of: &[usize],
    names_tool: impl Fn(&QueryWord) -> bool,
) -> Vec<bool> {
    let after_pair = |i: usize, pairs: &[(&str, &str)]| {
        i > 0
            && pairs
                .iter()
                .any(|&(a, b)| words[i - 1].text == a && words[i].text == b)
    };
    let mut out = vec![false; words.len()];
    for (i, w) in words.iter().enumerate() {
        if let Some(end) = not_again(words, piece_of, i) {
            for (k, word) in words.iter().enumerate().take(end).skip(i + 1) {
                out[k] = word.is_content();
            }
            continue;
        }
        let tools_only = after_pair(i, BEFORE_TOOL_PAIRS);
        let pair = after_pair(i, BEFORE_PAIRS) || tools_only;
        let besides = lexicon::BESIDES.contains(&w.text.as_str());
        let kinds_only = lexicon::RULING_OUT_KINDS.contains(&w.text.as_str());
        if (lexicon::RULING_OUT.contains(&w.text.as_str()) || pair || kinds_only)
            && (!besides || asks_for_others(&words[i + 1..]))
            && !(i > 0 && either_way(&words[i - 1].text, &w.text))
            && !(i > 0 && HEARD.contains(&words[i - 1].text.as_str()))
            && !frozen_but(words, i)
        {
            // A kind ruled out may stand further off, past the chat of a clause ("不想一上来
            // 就啃论文").
            let reach = if kinds_only { KIND_REACH } else { REACH };
            if let Some(j) = (i + 1..words.len().min(i + 1 + reach))
                .take_while(|&j| piece_of.get(j) == piece_of.get(i))
                .find(|&j| words[j].is_content() || matches!(words[j].role, Role::Intent(_)))
                // A kind ruled out may come with a word that says which ("not another
                // library repo").
                .map(|j| match words.get(j + 1) {
                    Some(next)
                        if kinds_only
                            && KIND_QUALIFIERS.contains(&words[j].text.as_str())
                            && matches!(next.role, Role::Intent(_))
                            && piece_of.get(j + 1) == piece_of.get(i) =>
                    {
                        j + 1
                    }
                    _ => j,
                })
                .filter(|&j| {
                    !kinds_only
                        || matches!(words[j].role, Role::Intent(_))
                        || (MANNERS.contains(&words[j].text.as_str())
                            && !words
                                .get(j + 1)
                                .is_some_and(|w| GROUNDING.contains(&w.text.as_str())))
                })
                .filter(|&j| !tools_only || names_tool(&words[j]))
                // "not a Chinese blog" rules out the language (see `language`), and a blog in
                // the other one is welcome.
                .filter(|&j| {
                    !kinds_only
                        || !words[i + 1..j]
                            .iter()
                            .any(|w| matches!(w.role, Role::Language(_)))
                })
            {
                out[j] = true;
                // A list ruled out is ruled out whole: "除了剪枝和量化".
                let mut k = j;
                while k + 2 < words.len()
                    && words[k + 1].role == Role::Link
                    && words[k + 2].is_content()
                    && piece_of.get(k + 2) == piece_of.get(i)
                {
                    k += 2;
                    out[k] = true;
                }
            }
        } else if (lexicon::RULED_OUT_BEFORE.contains(&w.text.as_str())
            || lexicon::ALTERNATIVES.contains(&w.text.as_str()))
            && let Some(j) = (i.saturating_sub(REACH)..i)
                .rev()
                .take_while(|&j| piece_of.get(j) == piece_of.get(i))
                .find(|&j| words[j].is_content())
        {
            out[j] = true;
        }
    }
    out
}

/// Words before what the asker has had and does not want again ("Not Stanford CS224n again,
/// I've done it"). Alone they rule out only kinds ("not enough memory" is the asker's
/// situation); with "again" after the name, whatever it names is ruled out.
const NOT_AGAIN: &[&str] = &["not", "no"];

/// How many words may stand between [`NOT_AGAIN`] and "again": a name of up to three.
const AGAIN_REACH: usize = 3;

/// Where "again" stands when the word at `i` opens "not … again" in one piece of the message.
fn not_again(words: &[QueryWord], piece_of: &[usize], i: usize) -> Option<usize> {
    if !NOT_AGAIN.contains(&words[i].text.as_str()) {
        return None;
    }
    (i + 2..words.len().min(i + 2 + AGAIN_REACH))
        .take_while(|&j| piece_of.get(j) == piece_of.get(i))
        .find(|&j| words[j].text == "again")
}

/// Words right before a cue that make it advice heard, not the asker's wish: "为啥大家都说别用
/// DataParallel 了" asks about DataParallel.
const HEARD: &[&str] = &["说", "都说", "听说", "人说", "有人说", "据说", "大家说"];

/// The verb that holds weights still, before "everything except": "freeze everything except
/// the bias terms" names what is trained, which is what the message asks about (BitFit). Not
/// "fix", which as often means repair.
const FROZEN: &[&str] = &["freeze", "freezes", "freezing", "froze", "frozen"];

/// Whether the cue at `i` follows "freeze everything" or "freeze all".
fn frozen_but(words: &[QueryWord], i: usize) -> bool {
    i >= 2
        && matches!(words[i - 1].text.as_str(), "everything" | "all")
        && FROZEN.contains(&words[i - 2].text.as_str())
}

/// Whether a cue and the word before it ask a yes-or-no question ("要不要量化": should I
/// quantise?) rather than rule out what follows ("不要知乎的"): the word before ends with the
/// character the cue negates.
fn either_way(before: &str, cue: &str) -> bool {
    cue.strip_prefix('不')
        .and_then(|negated| negated.chars().next())
        .is_some_and(|c| before.ends_with(c))
}

/// Whether the rest of a message asks for others: a word of [`lexicon::ASKING_FOR_OTHERS`] or
/// [`lexicon::ALTERNATIVES`] among its Latin words, or inside its Chinese run together ("还讲了
/// 啥" is 还 · 讲 · 了 · 啥).
pub fn asks_for_others(rest: &[QueryWord]) -> bool {
    let han: String = rest
        .iter()
        .filter(|w| !w.text.is_ascii())
        .map(|w| w.text.as_str())
        .collect();
    let mut cues = lexicon::ASKING_FOR_OTHERS
        .iter()
        .chain(lexicon::ALTERNATIVES);
    cues.any(|cue| {
        if cue.is_ascii() {
            rest.iter().any(|w| w.text == *cue)
        } else {
            han.contains(cue)
        }
    })
}

/// Puts the resources that name an excluded word in a title or keyword (as written, or as
/// its synonyms, inflections and spellings), and those of an unwanted kind, after the
/// others, keeping each group's order.
pub fn demote(ranked: &mut Vec<Ranked>, words: &[QueryWord], catalogue: &Catalogue, index: &Index) {
    let mut named: Vec<u32> = words
        .iter()
        .filter(|w| w.role == Role::Excluded || w.alternatives.iter().any(|a| a.how == How::Beside))
        .flat_map(|w| named_by(w, index))
        .collect();
    // A kind ruled out is its first kind: "不要视频" leaves courses, which may be read.
    let unwanted: Vec<Kind> = words
        .iter()
        .filter_map(|w| match w.role {
            Role::Unwanted(kinds) => kinds.first().copied(),
            _ => None,
        })
        .collect();
    if named.is_empty() && unwanted.is_empty() {
        return;
    }
    named.sort_unstable();
    named.dedup();
    let (kept, ruled): (Vec<Ranked>, Vec<Ranked>) = ranked.drain(..).partition(|r| {
        named.binary_search(&(r.resource as u32)).is_err()
            && !unwanted.contains(&catalogue.resource(r.resource).kind)
    });
    ranked.extend(kept);
    ranked.extend(ruled);
}

#[cfg(test)]
mod tests {
    use crate::search::Engine;
    use crate::search::expand::How;
    use crate::search::lexicon::Role;

    /// The words of a message read in a role.
    fn in_role(engine: &Engine, query: &str, role: impl Fn(Role) -> bool) -> Vec<String> {
        engine
            .understand(query, false)
            .into_iter()
            .filter(|w| role(w.role))
            .map(|w| w.text)
            .collect()
    }

    /// The role the message gives to its word `word`.
    fn role_of(engine: &Engine, message: &str, word: &str) -> Option<Role> {
        engine
            .understand(message, false)
            .into_iter()
            .find(|w| w.text == word)
            .map(|w| w.role)
    }

    /// The words a message rules out: excluded, or a tool read only as the shelf it is on
    /// beside other words (alone, it is still the subject).
    fn excluded(engine: &Engine, query: &str) -> Vec<String> {
        let words = engine.understand(query, false);
        let shelf = |w: &crate::search::expand::QueryWord| {
            w.alternatives.iter().any(|a| a.how == How::Beside)
        };
        let others = words.iter().filter(|w| w.is_content() && !shelf(w)).count();
        words
            .into_iter()
            .filter(|w| w.role == Role::Excluded || others > 0 && shelf(w))
            .map(|w| w.text)
            .collect()
    }

    #[test]
    fn what_is_not_wanted_again_is_ruled_out() {
        let engine = Engine::shipped().unwrap();
        assert_eq!(
            excluded(
                &engine,
                "Not Stanford CS224n again, I've done it. Any other university's deep NLP lectures?"
            ),
            ["stanford", "cs224n"]
        );
        // Without "again", "not" rules out only a kind of resource.
        assert!(excluded(&engine, "not enough memory for cs224n's assignments").is_empty());
    }

    #[test]
    fn the_word_after_a_cue_is_ruled_out() {
        let engine = Engine::shipped().unwrap();
        assert_eq!(
            excluded(&engine, "不要知乎的，有没有英文的 LoRA 教程"),
            ["知乎"]
        );
        assert_eq!(
            excluded(&engine, "公司不让用英伟达，大模型推理部署有哪些方案"),
            ["英伟达"]
        );
        assert_eq!(
            excluded(
                &engine,
                "besides vllm, what other serving engines are there"
            ),
            ["vllm"]
        );
        assert_eq!(
            excluded(&engine, "any serving engine other than vllm"),
            ["vllm"]
        );
        assert_eq!(excluded(&engine, "lora 以外的高效微调方法"), ["lora"]);
        // What was read already, a word or two before.
        assert_eq!(
            excluded(&engine, "ZeRO 的知乎图解看过了，想看微软官方 blog 原文"),
            ["知乎"]
        );
    }

    #[test]
    fn a_name_written_in_parts_is_ruled_out_whole() {
        let engine = Engine::shipped().unwrap();
        // "TensorRT-LLM" is two words; ruling out only "llm" left "tensorrt" the subject.
        assert_eq!(
            excluded(&engine, "推理加速框架那一节列了哪些？TensorRT-LLM 之外的"),
            ["tensorrt", "llm"]
        );
        assert_eq!(
            excluded(&engine, "megatron-lm 以外的训练框架"),
            ["megatron", "lm"]
        );
    }

    #[test]
    fn a_kind_in_a_language_ruled_out_rules_out_the_language() {
        let engine = Engine::shipped().unwrap();
        let role = |message: &str, word: &str| role_of(&engine, message, word);
        // An English blog is welcome: only the Chinese ones are not.
        let message = "a LoRA tutorial in English please, not a Chinese blog";
        assert!(matches!(role(message, "blog"), Some(Role::Intent(_))));
        assert!(matches!(
            role("a LoRA tutorial, not a blog", "blog"),
            Some(Role::Unwanted(_))
        ));
    }

    #[test]
    fn a_manner_ruled_out_is_no_topic() {
        let engine = Engine::shipped().unwrap();
        let of = |message: &str, word: &str| role_of(&engine, message, word);
        assert_eq!(
            of("explain LoRA simply. NO EQUATIONS please", "equations"),
            Some(Role::Stop)
        );
        assert_eq!(of("想看 lora 原理 不想看公式", "公式"), Some(Role::Stop));
        // Beside "besides" it is a subject gone beyond, ruled out as any other.
        assert_ne!(
            of("besides math, what else do I need for ML", "math"),
            Some(Role::Stop)
        );
        // Grounding the asker lacks, and equations asked about, stay content.
        assert_eq!(
            of("no math background, where do I start", "math"),
            Some(Role::Content)
        );
        assert_eq!(
            of("attention equations explained", "equations"),
            Some(Role::Content)
        );
    }

    #[test]
    fn what_is_left_unfrozen_is_asked_about() {
        let engine = Engine::shipped().unwrap();
        assert!(
            excluded(
                &engine,
                "fine-tuning that freezes everything except the bias terms?"
            )
            .is_empty()
        );
        assert!(excluded(&engine, "freeze all except the lora matrices").is_empty());
        assert_eq!(
            excluded(&engine, "every inference engine except vllm"),
            ["vllm"]
        );
    }

    #[test]
    fn what_alone_is_named_stays_the_subject() {
        let engine = Engine::shipped().unwrap();
        assert!(excluded(&engine, "除了 vllm 还有啥").is_empty());
        // Besides … also: what follows is asked about too.
        assert!(excluded(&engine, "DeepSpeed 除了训练还能做推理加速吗").is_empty());
        assert_eq!(excluded(&engine, "文章压缩那块 除了量化还讲了啥"), ["量化"]);
        assert_eq!(
            excluded(&engine, "深度学习那一节 除了李沐的视频还推荐了啥"),
            ["李沐"]
        );
        // What one has already, when the message asks what is missing.
        assert_eq!(
            excluded(
                &engine,
                "收藏夹里已经有 vLLM 和 TensorRT-LLM 的文档了，推理引擎这块还缺啥"
            ),
            // TensorRT-LLM whole, as a name written in parts.
            ["vllm", "tensorrt", "llm"]
        );
        assert!(excluded(&engine, "已经有 lora 的基础了 qlora 怎么学").is_empty());
        // "除了 X，还有 …" asks for others whatever follows 还有.
        assert_eq!(
            excluded(&engine, "除了吴恩达的课，还有中文的机器学习入门吗"),
            ["吴恩达"]
        );
    }

    #[test]
    fn what_the_catalogue_does_not_name_is_not_ruled_out() {
        let engine = Engine::shipped().unwrap();
        // Notion is what the message is about: it asks for its like, which the catalogue has
        // not, so the word stays to be weighed (and leaves the message unanswered).
        let query = "除了Notion还有啥好用的笔记app，要能和iPad同步";
        assert!(excluded(&engine, query).is_empty());
        assert!(engine.find(query).ranked.is_empty());
    }

    #[test]
    fn a_tool_alone_ruled_out_asks_for_its_alternatives() {
        let engine = Engine::shipped().unwrap();
        let catalogue = crate::Catalogue::shipped().unwrap();
        for query in [
            "vllm alternatives",
            "除了 vllm 还有啥",
            "alternatives to langchain",
            // As "alternative" is often typed.
            "vllm alternitives",
            "vllm alterative",
        ] {
            let found = engine.find(query);
            assert!(found.ranked.len() >= 3, "{query}");
            let first = catalogue.resource(found.ranked[0].resource);
            let tool = if query.contains("vllm") {
                "vllm"
            } else {
                "langchain"
            };
            assert!(
                !first.title.to_lowercase().contains(tool)
                    && !first.keywords.iter().any(|k| k == tool),
                "{query}: {}",
                first.id
            );
        }
    }

    #[test]
    fn a_tool_ruled_out_beside_other_words_still_names_its_shelf() {
        let engine = Engine::shipped().unwrap();
        let catalogue = crate::Catalogue::shipped().unwrap();
        // Hugging Face's own pages name the maker; the tool ruled out says it is a serving
        // engine that is wanted, and TGI is Hugging Face's.
        let found = engine.find("an alternative to vllm from hugging face");
        let first = catalogue.resource(found.ranked[0].resource);
        assert_eq!(first.id, "github-tgi");
    }

    #[test]
    fn a_list_ruled_out_is_ruled_out_whole_and_what_is_asked_again_is_not() {
        let engine = Engine::shipped().unwrap();
        assert_eq!(
            excluded(&engine, "除了剪枝和量化，模型压缩还有啥方向有资料？"),
            ["剪枝", "量化"]
        );
        assert!(
            excluded(
                &engine,
                "other than the DeepSpeed training repo, is there a write-up on DeepSpeed's inference side?"
            )
            .is_empty()
        );
    }

    #[test]
    fn instead_of_rules_out_only_a_tool() {
        let engine = Engine::shipped().unwrap();
        assert_eq!(
            excluded(&engine, "anything with LlamaIndex instead of langchain?"),
            ["langchain"]
        );
        assert!(
            excluded(
                &engine,
                "inside one box the cards talk over a high-speed bridge instead of PCIe"
            )
            .is_empty()
        );
    }

    #[test]
    fn a_kind_ruled_out_is_unwanted_and_goes_last() {
        let engine = Engine::shipped().unwrap();
        let catalogue = crate::Catalogue::shipped().unwrap();
        let unwanted = |query| in_role(&engine, query, |r| matches!(r, Role::Unwanted(_)));
        let query = "QLoRA 有没有能直接跑的 repo？别再给我文章了";
        assert_eq!(unwanted(query), ["文章"]);
        let found = engine.find(query);
        let first = catalogue.resource(found.ranked[0].resource);
        assert_ne!(first.kind, crate::catalogue::Kind::Article, "{}", first.id);
        assert_eq!(unwanted("lora fine-tuning, no papers please"), ["papers"]);
        assert_eq!(
            unwanted("完全零基础想学大模型，但不想一上来就啃论文，该从哪儿开始"),
            ["论文"]
        );
        // A word that says which of the kind, right before it.
        assert_eq!(
            unwanted("lora low-rank math, not another library repo"),
            ["repo"]
        );
        assert_eq!(
            unwanted("linear algebra, something visual, not a dry textbook"),
            ["textbook"]
        );
        // Only kinds: a machine without something, or advice heard, rules no topic out.
        assert!(unwanted("no GPU, can I still run llama").is_empty());
        assert!(unwanted("no gpu tutorial for lora").is_empty());
        assert!(unwanted("a web page to LoRA-finetune qwen, no code?").is_empty());
        assert!(excluded(&engine, "no GPU, can I still run llama").is_empty());
        assert!(excluded(&engine, "为什么大家都说别再用 DataParallel").is_empty());
        assert!(excluded(&engine, "为啥大家都说别用 DataParallel 了").is_empty());
        assert!(excluded(&engine, "听说不要用 vLLM 是真的吗").is_empty());
    }

    #[test]
    fn a_yes_or_no_question_rules_nothing_out() {
        let engine = Engine::shipped().unwrap();
        assert!(excluded(&engine, "16G显存能不能跑13B，要不要量化").is_empty());
        assert!(excluded(&engine, "多机训练要不要上IB").is_empty());
        assert_eq!(excluded(&engine, "想跑13B，不要量化的方案"), ["量化"]);
    }

    #[test]
    fn resources_named_by_what_is_ruled_out_go_last() {
        let engine = Engine::shipped().unwrap();
        let catalogue = crate::Catalogue::shipped().unwrap();
        let found = engine.find("不要知乎的，有没有英文的 LoRA 教程");
        let first = &catalogue.resource(found.ranked[0].resource).id;
        assert!(!first.starts_with("zhihu"), "{first}");
    }
}
