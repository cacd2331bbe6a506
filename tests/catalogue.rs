//! The shipped catalogue against its source article, and catalogue validation: every broken
//! entry is reported with the file, the entry and the line.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at its first broken assumption"
)]

use std::collections::BTreeSet;
use std::path::Path;

use ganhuo::Catalogue;
use ganhuo::catalogue::CatalogueError;

/// The seed article: the shared copy when the checkout sits beside it (CI), else the copy
/// committed with the tests, which must then be identical.
fn seed() -> String {
    let committed = include_str!("fixtures/seed.txt");
    let shared =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/000_315396d0727f8567.txt");
    match std::fs::read_to_string(shared) {
        Ok(text) => {
            assert_eq!(
                text, committed,
                "tests/fixtures/seed.txt differs from the shared seed"
            );
            text
        }
        Err(_) => committed.to_owned(),
    }
}

fn seed_urls() -> BTreeSet<String> {
    let text = seed();
    text.split_whitespace()
        .filter_map(|token| token.find("http").map(|at| &token[at..]))
        .filter(|url| url.starts_with("http://") || url.starts_with("https://"))
        .map(without_tracking)
        .collect()
}

/// The seed's URL with CSDN's `?spm=` click-tracking query removed: the catalogue keeps the
/// link, not the referrer bookkeeping.
fn without_tracking(url: &str) -> String {
    match url.split_once("?spm=") {
        Some((page, _)) => page.to_owned(),
        None => url.to_owned(),
    }
}

#[test]
fn tracking_parameters_are_dropped() {
    let catalogue = Catalogue::shipped().unwrap();
    for r in catalogue.resources() {
        assert!(!r.url.contains("?spm="), "{} keeps a tracking query", r.id);
    }
    assert_eq!(
        without_tracking(
            "https://blog.csdn.net/kunhe0512/article/details/138286905?spm=1001.2014.3001.5502"
        ),
        "https://blog.csdn.net/kunhe0512/article/details/138286905"
    );
}

#[test]
fn every_seed_url_is_exactly_one_resource() {
    let urls = seed_urls();
    assert_eq!(urls.len(), 165, "the seed has 165 distinct URLs");
    let catalogue = Catalogue::shipped().unwrap();
    let ours: Vec<&str> = catalogue
        .resources()
        .iter()
        .map(|r| r.url.as_str())
        .collect();
    for url in &urls {
        let count = ours.iter().filter(|u| **u == url).count();
        assert_eq!(
            count, 1,
            "{url} must be exactly one resource (found {count})"
        );
    }
    assert_eq!(
        ours.len(),
        urls.len(),
        "the catalogue has resources the seed does not list"
    );
}

#[test]
fn repeated_seed_urls_carry_every_topic() {
    let catalogue = Catalogue::shipped().unwrap();
    let find = |url: &str| catalogue.resources().iter().find(|r| r.url == url).unwrap();
    // Listed under both 优化器相关的并行 and 异构系统并行.
    let both = find("https://blog.csdn.net/GarryWang1248/article/details/135340120");
    let ids: Vec<&str> = both
        .topics
        .iter()
        .map(|&t| catalogue.topic(t).id.as_str())
        .collect();
    assert!(
        ids.contains(&"optimizer-parallel") && ids.contains(&"heterogeneous-parallel"),
        "{ids:?}"
    );
}

#[test]
fn every_resource_is_bilingual_and_titled() {
    let catalogue = Catalogue::shipped().unwrap();
    let has_cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for r in catalogue.resources() {
        assert!(!r.title.trim().is_empty(), "{}", r.id);
        if has_cjk(&r.title) {
            assert!(
                r.title_en.is_some(),
                "{} has a Chinese title but no title_en",
                r.id
            );
        }
        assert!(
            r.keywords.iter().any(|k| has_cjk(k)),
            "{} has no Chinese keyword",
            r.id
        );
        assert!(
            r.keywords.iter().any(|k| k.is_ascii()),
            "{} has no English keyword",
            r.id
        );
    }
}

#[test]
fn topic_tree_keeps_the_article_structure() {
    let catalogue = Catalogue::shipped().unwrap();
    let roots: Vec<&str> = catalogue
        .roots()
        .map(|t| catalogue.topic(t).name.as_str())
        .collect();
    assert_eq!(
        roots,
        [
            "基础知识",
            "LLM训练",
            "LLM压缩",
            "LLM编译",
            "LLM推理",
            "LLM部署环境",
            "LLM应用开发"
        ]
    );
    // Topics the seed names without a link of their own still exist.
    for id in [
        "p-tuning-v2",
        "prefix-tuning",
        "awq",
        "smoothquant",
        "sanic",
        "tensor-parallel",
        "qlora",
    ] {
        assert!(catalogue.topic_by_id(id).is_some(), "missing topic {id}");
    }
}

/// The id of a topic's parent, for asserting the tree's shape.
fn parent_of<'a>(catalogue: &'a Catalogue, id: &str) -> Option<&'a str> {
    let topic = catalogue
        .topic_by_id(id)
        .unwrap_or_else(|| panic!("no topic {id}"));
    catalogue
        .topic(topic)
        .parent
        .map(|p| catalogue.topic(p).id.as_str())
}

fn topic_ids<'a>(catalogue: &'a Catalogue, resource: &str) -> Vec<&'a str> {
    let r = catalogue
        .resources()
        .iter()
        .find(|r| r.id == resource)
        .unwrap_or_else(|| panic!("no resource {resource}"));
    r.topics
        .iter()
        .map(|&t| catalogue.topic(t).id.as_str())
        .collect()
}

#[test]
fn ptq_methods_sit_under_weight_or_full_quantization() {
    let catalogue = Catalogue::shipped().unwrap();
    assert_eq!(parent_of(&catalogue, "weight-quantization"), Some("ptq"));
    assert_eq!(parent_of(&catalogue, "full-quantization"), Some("ptq"));
    // 全量化(权重和激活量化) in the seed: SmoothQuant, RPTQ, ZeroQuant-FP.
    for id in ["smoothquant", "rptq", "zeroquant-fp"] {
        assert_eq!(parent_of(&catalogue, id), Some("full-quantization"), "{id}");
    }
    // 权重量化: LUT-GEMM, LLM.int8(), ZeroQuant, GPTQ, AWQ, INT4/INT8.
    for id in [
        "lut-gemm",
        "llm-int8",
        "zeroquant",
        "gptq",
        "awq",
        "int4-int8",
    ] {
        assert_eq!(
            parent_of(&catalogue, id),
            Some("weight-quantization"),
            "{id}"
        );
    }
}

#[test]
fn io_optimization_is_a_training_optimization_technique() {
    let catalogue = Catalogue::shipped().unwrap();
    assert_eq!(
        parent_of(&catalogue, "io-optimization"),
        Some("training-optimization")
    );
    let t = catalogue.topic(catalogue.topic_by_id("io-optimization").unwrap());
    assert!(t.name.contains("FlashAttention V1、V2"), "{}", t.name);
    assert!(topic_ids(&catalogue, "zhihu-649967866").contains(&"io-optimization"));
}

#[test]
fn sub_heading_labels_pair_with_links_in_reverse_order() {
    let catalogue = Catalogue::shipped().unwrap();
    let has = |resource: &str, topic: &str| {
        let ids = topic_ids(&catalogue, resource);
        assert!(ids.contains(&topic), "{resource} lacks {topic}: {ids:?}");
    };
    // PEFT: the last links pair with the first labels, the first links with QLoRA.
    has("zhihu-693737958", "prefix-tuning");
    has("zhihu-693737958", "prompt-tuning");
    has("csdn-135324609", "adapter-tuning");
    has("cnblogs-18217395", "qlora");
    has("zhihu-676998456", "qlora");
    has("zhihu-690673432", "weight-quantization");
    has("zhihu-683813769", "full-quantization");
    has("insujang-parallelism-distributed-dl", "dp");
    has("zhihu-678208105", "megatron-deepspeed");
    // The MoE block's trailing MindSpore label belongs to its first link, not its last.
    let keywords = |id: &str| {
        catalogue
            .resources()
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.keywords.clone())
            .unwrap_or_default()
    };
    assert!(keywords("csdn-129665922").contains(&"mindspore".to_owned()));
    assert!(!keywords("csdn-138734349").contains(&"mindspore".to_owned()));
    // LMDeploy's two labels belong to the Tutorial and csdn-137782082, not to csdn-135386145.
    assert!(
        keywords("csdn-135386145")
            .iter()
            .all(|k| !k.contains("量化部署") && !k.contains("量化和部署")),
        "{:?}",
        keywords("csdn-135386145")
    );
}

#[test]
fn ambiguous_aliases_point_where_users_mean() {
    let catalogue = Catalogue::shipped().unwrap();
    let aliases = |id: &str| {
        catalogue
            .topic(catalogue.topic_by_id(id).unwrap())
            .aliases
            .clone()
    };
    let has = |id: &str, alias: &str| aliases(id).iter().any(|a| a == alias);
    assert!(!has("fastertransformer", "ft") && has("finetuning", "ft"));
    assert!(!has("transformer", "transformers") && has("huggingface", "transformers"));
    assert!(!has("lmdeploy", "internlm"));
    // OpenAI's Triton is a kernel language; only the server's full names point here.
    assert!(!has("triton", "triton") && has("triton", "triton inference server"));
    // Bare "zero" collides with zero-shot; the numbered stages and "zero redundancy" stay.
    assert!(
        catalogue
            .topics()
            .iter()
            .all(|t| !t.aliases.iter().any(|a| a == "zero"))
    );
    for alias in ["zero-1", "zero-2", "zero-3", "zero3", "zero redundancy"] {
        assert!(has("zero", alias), "{alias}");
    }
    assert!(
        catalogue
            .synonyms()
            .iter()
            .all(|group| !group.iter().any(|t| t == "zero"))
    );
}

#[test]
fn empty_leaves_are_the_known_ones() {
    // Topics the seed names without any link of its own. A query landing only on one of these
    // needs its parent's resources (the search engine's job); a new empty leaf belongs here
    // only if the seed really has no link for it.
    let catalogue = Catalogue::shipped().unwrap();
    let empty: BTreeSet<&str> = (0..catalogue.topics().len())
        .filter(|&t| catalogue.resources_under(t).is_empty())
        .map(|t| catalogue.topic(t).id.as_str())
        .collect();
    assert_eq!(
        empty,
        BTreeSet::from([
            "ai-chips",
            "peqa",
            "quantization-forms",
            "quantization-objects",
            "rptq"
        ])
    );
}

const VALID: &str = r#"
[[topic]]
id = "root"
name = "根"
name_en = "Root"

[[topic]]
id = "leaf"
parent = "root"
name = "叶"
name_en = "Leaf"

[[resource]]
id = "one"
title = "One"
url = "https://example.com/one"
kind = "article"
lang = "en"
topics = ["leaf"]

[[resource]]
id = "two"
title = "Two"
url = "https://example.com/two"
kind = "repo"
lang = "zh"
topics = ["root"]
"#;

fn invalid(text: &str) -> (String, CatalogueError) {
    let err = Catalogue::from_toml(text, "my-catalogue.toml").unwrap_err();
    (err.to_string(), err)
}

/// Asserts the error names the file, the entry and the line.
fn assert_points_at(message: &str, entry: &str, line: usize) {
    assert!(
        message.contains("my-catalogue.toml"),
        "no file name in: {message}"
    );
    assert!(message.contains(entry), "no entry {entry} in: {message}");
    assert!(
        message.contains(&format!("line {line}:")),
        "no line {line} in: {message}"
    );
}

#[test]
fn the_valid_fixture_loads() {
    let catalogue = Catalogue::from_toml(VALID, "my-catalogue.toml").unwrap();
    assert_eq!(catalogue.resources().len(), 2);
}

#[test]
fn a_sense_needs_words_and_cues() {
    let text = format!("{VALID}\n[[sense]]\nwords = [\"one\"]\ncues = [\" \"]\n");
    let (msg, _) = invalid(&text);
    assert_points_at(&msg, "sense", VALID.matches('\n').count() + 2);
    assert!(
        msg.contains("a sense needs at least one word and one cue"),
        "{msg}"
    );
}

#[test]
fn a_paraphrase_names_a_topic_and_two_groups_at_least() {
    let line = VALID.matches('\n').count() + 2;
    let unknown = format!("{VALID}\n[[paraphrase]]\ntopic = \"nope\"\nall = [\"a\", \"b\"]\n");
    let (msg, _) = invalid(&unknown);
    assert_points_at(&msg, "paraphrase of `nope`", line);
    assert!(msg.contains("no topic has this id"), "{msg}");
    for all in [r#"["a | b"]"#, r#"["a", " | "]"#] {
        let text = format!("{VALID}\n[[paraphrase]]\ntopic = \"leaf\"\nall = {all}\n");
        let (msg, _) = invalid(&text);
        assert_points_at(&msg, "paraphrase of `leaf`", line);
        assert!(msg.contains("at least two groups"), "{msg}");
    }
    let empty = VALID.replace("topics = [\"leaf\"]", "topics = [\"root\"]");
    let text = format!("{empty}\n[[paraphrase]]\ntopic = \"leaf\"\nall = [\"a\", \"b\"]\n");
    let (msg, _) = invalid(&text);
    assert!(
        msg.contains("no resource is filed under this topic"),
        "{msg}"
    );
    let text = format!("{VALID}\n[[paraphrase]]\ntopic = \"leaf\"\nall = [\" a |b| \", \"c\"]\n");
    let catalogue = Catalogue::from_toml(&text, "my-catalogue.toml").unwrap();
    let groups: Vec<Vec<&str>> = catalogue.paraphrases()[0]
        .groups()
        .map(Iterator::collect)
        .collect();
    assert_eq!(groups, [vec!["a", "b"], vec!["c"]]);
    assert_eq!(catalogue.paraphrases()[0].group_count(), 2);
}

#[test]
fn an_operators_catalogue_brings_its_own_senses() {
    let without = VALID.replace("title = \"One\"", "title = \"Pipeline guide\"");
    let plain = ganhuo::Engine::new(Catalogue::from_toml(&without, "my-catalogue.toml").unwrap());
    assert!(!plain.search("oil pipeline guide").is_empty());
    let text =
        format!("{without}\n[[sense]]\nwords = [\"pipeline\"]\ncues = [\"oil\", \"输油\"]\n");
    let catalogue = Catalogue::from_toml(&text, "my-catalogue.toml").unwrap();
    assert_eq!(catalogue.senses().len(), 1);
    let engine = ganhuo::Engine::new(catalogue);
    assert!(!engine.search("pipeline guide").is_empty());
    assert!(engine.search("oil pipeline guide").is_empty());
    assert!(engine.search("输油 pipeline guide").is_empty());
}

#[test]
fn duplicate_resource_id() {
    let (msg, _) = invalid(&VALID.replace("id = \"two\"", "id = \"one\""));
    assert_points_at(&msg, "resource `one`", 21);
    assert!(
        msg.contains("duplicate id (first used on line 13)"),
        "{msg}"
    );
}

#[test]
fn duplicate_topic_id() {
    let (msg, _) = invalid(
        &VALID
            .replace("id = \"leaf\"", "id = \"root\"")
            .replace("\"leaf\"]", "\"root\"]"),
    );
    assert_points_at(&msg, "topic `root`", 7);
    assert!(msg.contains("duplicate id (first used on line 2)"), "{msg}");
    assert!(
        !msg.contains("loops"),
        "a duplicate must not look like a cycle: {msg}"
    );
}

#[test]
fn duplicate_url() {
    let (msg, _) = invalid(&VALID.replace("https://example.com/two", "https://example.com/one"));
    assert_points_at(&msg, "resource `two`", 21);
    assert!(
        msg.contains("duplicate url `https://example.com/one` (first used on line 13)"),
        "{msg}"
    );
}

#[test]
fn malformed_url() {
    let (msg, _) = invalid(&VALID.replace("https://example.com/two", "example.com/two"));
    assert_points_at(&msg, "resource `two`", 21);
    assert!(msg.contains("malformed url `example.com/two`"), "{msg}");
    let (msg, _) = invalid(&VALID.replace("https://example.com/two", "javascript:alert(1)"));
    assert!(msg.contains("scheme must be http or https"), "{msg}");
}

#[test]
fn unknown_parent_topic() {
    let (msg, _) = invalid(&VALID.replace("parent = \"root\"", "parent = \"nowhere\""));
    assert_points_at(&msg, "topic `leaf`", 7);
    assert!(msg.contains("unknown parent topic `nowhere`"), "{msg}");
}

#[test]
fn papers_are_arxiv_numbers_each_of_one_topic() {
    let with = |papers: &str| {
        VALID.replace(
            "parent = \"root\"",
            &format!("parent = \"root\"\npapers = [{papers}]"),
        )
    };
    let (msg, _) = invalid(&with("\"2106.09685\", \"lora paper\""));
    assert_points_at(&msg, "topic `leaf`", 7);
    assert!(
        msg.contains("`papers` holds arXiv numbers (e.g. \"2106.09685\"), not `lora paper`"),
        "{msg}"
    );
    let (msg, _) = invalid(&with("\"2106.09685\", \"2106.09685\""));
    assert!(
        msg.contains("paper 2106.09685 is already topic `leaf`'s"),
        "{msg}"
    );
    assert!(Catalogue::from_toml(&with("\"2106.09685\""), "ok.toml").is_ok());
}

#[test]
fn unknown_resource_topic() {
    let (msg, _) = invalid(&VALID.replace("topics = [\"root\"]", "topics = [\"missing\"]"));
    assert_points_at(&msg, "resource `two`", 21);
    assert!(msg.contains("unknown topic `missing`"), "{msg}");
}

#[test]
fn empty_title() {
    let (msg, _) = invalid(&VALID.replace("title = \"Two\"", "title = \"  \""));
    assert_points_at(&msg, "resource `two`", 21);
    assert!(msg.contains("`title` must not be empty"), "{msg}");
}

#[test]
fn parent_cycle() {
    let text = VALID.replace(
        "id = \"root\"\nname",
        "id = \"root\"\nparent = \"leaf\"\nname",
    );
    let (msg, _) = invalid(&text);
    assert!(msg.contains("parent chain loops back"), "{msg}");
}

#[test]
fn wrong_kind_names_the_line() {
    let (msg, err) = invalid(&VALID.replace("kind = \"repo\"", "kind = \"podcast\""));
    assert!(matches!(err, CatalogueError::Syntax { .. }), "{err:?}");
    assert!(msg.contains("my-catalogue.toml"), "{msg}");
    assert!(msg.contains("podcast"), "{msg}");
    assert!(msg.contains("line 25"), "{msg}");
}

#[test]
fn unknown_field_names_the_key() {
    let (msg, _) = invalid(&VALID.replace("kind = \"repo\"", "kind = \"repo\"\ntitel = \"x\""));
    assert!(msg.contains("titel"), "{msg}");
    assert!(msg.contains("line 26"), "{msg}");
}

#[test]
fn broken_toml_names_the_line() {
    let (msg, err) = invalid(&VALID.replace("title = \"One\"", "title = \"One"));
    assert!(matches!(err, CatalogueError::Syntax { .. }), "{err:?}");
    assert!(msg.contains("line 15"), "{msg}");
}

#[test]
fn all_problems_are_reported_at_once() {
    let text = VALID
        .replace("https://example.com/two", "nope")
        .replace("title = \"One\"", "title = \"\"");
    let (_, err) = invalid(&text);
    let problems = err.problems();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].line < problems[1].line);
}

#[test]
fn a_missing_file_is_an_error_not_a_panic() {
    let err = Catalogue::from_path(Path::new("/nonexistent/catalogue.toml")).unwrap_err();
    assert!(
        err.to_string().contains("/nonexistent/catalogue.toml"),
        "{err}"
    );
}

/// The shipped catalogue without its paraphrases.
fn shipped_without_paraphrases() -> &'static str {
    let text = include_str!("../data/catalogue.toml");
    text.split("\n[[paraphrase]]").next().unwrap_or(text)
}

/// The shipped catalogue with every topic's `about` and the paraphrases removed.
fn shipped_without_about() -> String {
    shipped_without_paraphrases()
        .lines()
        .filter(|l| !l.starts_with("about = ") && !l.starts_with("about_en = "))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_topic_described_without_its_name_is_found() {
    let engine = ganhuo::Engine::shipped().unwrap();
    let plain = ganhuo::Engine::new(
        Catalogue::from_toml(shipped_without_paraphrases(), "my-catalogue.toml").unwrap(),
    );
    for (query, topic) in [
        // ("冻住大部分参数，只训练一小部分新加的参数" is answered without the paraphrases
        // now: its words are how PEFT's `about` describes it; and so is "冻住大部分权重，只更新
        // 一小部分新加的参数", since 冻住 is a synonym of PEFT's 冻结.)
        ("原来的权重一动不动，只更新一小部分新加的参数", "peft"),
        (
            "throw away the connections that barely matter to make the network smaller",
            "pruning",
        ),
        (
            "一张卡放不下整个模型，想把模型拆到几张卡上",
            "model-parallel",
        ),
    ] {
        let t = engine.catalogue().topic_by_id(topic).unwrap();
        let under = engine.catalogue().resources_under(t);
        let found = engine.search(query);
        assert!(
            found.iter().take(3).all(|r| under.contains(&r.resource)) && !found.is_empty(),
            "{query}: {:?}",
            found.iter().take(3).map(|r| r.resource).collect::<Vec<_>>()
        );
        let before = plain.search(query);
        assert!(
            before.iter().take(3).all(|r| !under.contains(&r.resource)),
            "{query} was already answered"
        );
    }
    // The same phrases about something else stay unanswered.
    for query in [
        "how to remove weights from a barbell safely",
        "银行卡冻结了怎么解冻",
        "月季要不要剪掉枯枝",
        "我的电脑只有一张显卡，打游戏卡顿",
    ] {
        assert!(engine.search(query).is_empty(), "{query}");
    }
}

#[test]
fn what_a_topic_is_about_answers_a_message_describing_it() {
    // One catalogue concept (优化器状态) in a message otherwise made of the words ZeRO is
    // described with: 卡, 存, 完整, 分摊.
    let query = "每张卡都存一份完整的优化器状态太浪费了，有没有把这些状态分摊到各张卡上去的做法";
    let plain = ganhuo::Engine::new(
        Catalogue::from_toml(&shipped_without_about(), "my-catalogue.toml").unwrap(),
    );
    assert!(plain.search(query).is_empty());
    let engine = ganhuo::Engine::shipped().unwrap();
    let zero = engine.catalogue().topic_by_id("zero").unwrap();
    let under_zero = engine.catalogue().resources_under(zero);
    let found = engine.search(query);
    assert!(
        found
            .iter()
            .take(3)
            .any(|r| under_zero.contains(&r.resource)),
        "{:?}",
        found.iter().take(3).map(|r| r.resource).collect::<Vec<_>>()
    );
    // Without the paraphrases, which take 卡 for a card of a GPU.
    let unparaphrased = ganhuo::Engine::new(
        Catalogue::from_toml(shipped_without_paraphrases(), "my-catalogue.toml").unwrap(),
    );
    let described = |query: &str| -> Vec<String> {
        let words = unparaphrased.understand(query, false);
        let relevance = unparaphrased.relevance(&words);
        words
            .iter()
            .zip(&relevance.words)
            .filter(|(_, e)| e.described)
            .map(|(w, _)| w.text.clone())
            .collect()
    };
    assert!(described(query).contains(&"卡".to_owned()));
    // A word reaching much of the catalogue points to no topic in particular, so nothing
    // describes it: 大模型 is in a third of the catalogue and more.
    assert_eq!(
        described("大模型每张卡都存一份完整的"),
        Vec::<String>::new()
    );
}

#[test]
fn about_is_trimmed_and_may_be_left_out() {
    let text = VALID.replacen(
        "[[topic]]\nid = \"root\"",
        "[[topic]]\nid = \"root\"\nabout = \"  splitting work across cards \"\nabout_en = \"\"",
        1,
    );
    assert_ne!(text, VALID, "the fixture's first topic moved");
    let catalogue = Catalogue::from_toml(&text, "my-catalogue.toml").unwrap();
    let root = catalogue.topic_by_id("root").unwrap();
    assert_eq!(catalogue.topic(root).about, ["splitting work across cards"]);
    let plain = Catalogue::from_toml(VALID, "my-catalogue.toml").unwrap();
    assert!(plain.topics().iter().all(|t| t.about.is_empty()));
}
