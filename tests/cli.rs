//! The `ganhuo` binary end to end: output formats, stdin batches, exit codes and messages.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at its first broken assumption"
)]

#[path = "support/binary.rs"]
mod binary;

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn command(args: &[&str]) -> Command {
    let mut command = binary::ganhuo();
    command.args(args);
    command
}

fn ganhuo(args: &[&str]) -> Output {
    command(args).output().expect("run ganhuo")
}

/// Runs ganhuo with `input` on its standard input.
fn ganhuo_with_input(args: &[&str], input: &[u8]) -> Output {
    let mut child = command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input).unwrap();
    drop(stdin);
    child.wait_with_output().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("utf-8 output")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn ask_json_has_the_documented_shape() {
    let out = ganhuo(&["ask", "--json", "--limit", "3", "LoRA 教程"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["query"], "LoRA 教程");
    let results = v["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    for r in results {
        assert!(r["title"].is_string() && r["url"].as_str().unwrap().starts_with("http"));
        assert!(r["path"].as_array().unwrap().len() >= 2);
        let score = r["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score));
    }
    let scores: Vec<f64> = results
        .iter()
        .map(|r| r["score"].as_f64().unwrap())
        .collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "not best first: {scores:?}"
    );
}

#[test]
fn ask_text_is_readable() {
    let out = ganhuo(&["ask", "--lang", "en", "vLLM"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with("1. "), "{text}");
    assert!(
        text.contains("https://github.com/vllm-project/vllm"),
        "{text}"
    );
    assert!(
        text.contains("LLM inference › Inference acceleration frameworks › vLLM"),
        "{text}"
    );
}

#[test]
fn ask_can_leave_the_semantic_layer_out() {
    // Partly explained ("变差" is in no title), so the semantic layer weighs in.
    let query = "lora 微调之后效果总是变差";
    let similarity = |extra: &[&str]| {
        let mut args = vec!["ask", "--json", "--explain"];
        args.extend_from_slice(extra);
        args.push(query);
        let out = ganhuo(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        let results = v["results"].as_array().unwrap().clone();
        assert!(!results.is_empty(), "{v}");
        results.iter().any(|r| r["similarity"].is_number())
    };
    assert!(similarity(&[]), "the semantic layer scores by default");
    assert!(
        !similarity(&["--lexical"]),
        "--lexical ranks by words alone"
    );
}

#[test]
fn ask_explains_its_evidence() {
    let out = ganhuo(&[
        "ask",
        "--json",
        "--explain",
        "--limit",
        "3",
        "lora 微调之后效果总是变差",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let why = &v["explain"];
    assert_eq!(why["answered"], true);
    let words = why["words"].as_array().unwrap();
    let role = |w: &str| {
        words
            .iter()
            .find(|x| x["word"] == w)
            .map(|x| x["role"].as_str().unwrap().to_owned())
    };
    assert_eq!(role("总是").as_deref(), Some("filler"));
    assert_eq!(role("lora").as_deref(), Some("content"));
    let first = &v["results"][0];
    assert!(!first["matched"].as_array().unwrap().is_empty());
    assert!(first["similarity"].as_f64().is_some(), "{first}");

    let text = stdout(&ganhuo(&[
        "ask",
        "--explain",
        "--lang",
        "en",
        "best pizza in new york",
    ]));
    assert!(text.contains("not answered"), "{text}");
    assert!(text.contains("pizza"), "{text}");

    // A task is shown as one, and the reply says what the bot does instead.
    let text = stdout(&ganhuo(&[
        "ask",
        "--explain",
        "--lang",
        "en",
        "write me a poem about LLMs",
    ]));
    assert!(
        text.contains("a piece of writing asked for (\"poem\")"),
        "{text}"
    );
    assert!(text.contains("I don't write"), "{text}");

    // Words that describe the topic the message names are shown, with the share they make.
    let explain = |query: &str| -> serde_json::Value {
        let out = ganhuo(&["ask", "--json", "--explain", query]);
        let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        v["explain"].clone()
    };
    let word = |why: &serde_json::Value, w: &str| -> serde_json::Value {
        let found = why["words"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["word"] == w);
        found.cloned().unwrap_or_default()
    };
    let why = explain("vllm 部署后吞吐上不去");
    assert_eq!(word(&why, "吞吐")["describes_topic"], true, "{why}");
    assert!(why["described_share"].as_f64() > why["explained_share"].as_f64());
    let text = stdout(&ganhuo(&["ask", "--explain", "vllm 部署后吞吐上不去"]));
    assert!(
        text.contains("describes a topic the message names"),
        "{text}"
    );

    // Words describing a topic without naming it stand for the topic, which is named.
    let why = explain("每张卡都存一份完整的优化器状态");
    assert_eq!(
        word(&why, "卡")["paraphrase_of"],
        serde_json::json!(["ZeRO (Zero Redundancy Optimizer)"]),
        "{why}"
    );
    let text = stdout(&ganhuo(&[
        "ask",
        "--explain",
        "每张卡都存一份完整的优化器状态",
    ]));
    assert!(
        text.contains("describes ZeRO (Zero Redundancy Optimizer)"),
        "{text}"
    );
}

#[test]
fn ask_off_topic_suggests_topics() {
    let out = ganhuo(&["ask", "--json", "best pizza in new york"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["results"].as_array().unwrap().len(), 0);
    assert!(!v["suggestions"].as_array().unwrap().is_empty());
}

#[test]
fn ask_reads_stdin_as_json_lines() {
    // Line 2 is not valid UTF-8: it must still get its own answer line.
    let out = ganhuo_with_input(
        &["ask", "--limit", "2"],
        b"vllm\n\xff\xfe broken\nmegatorn\n\n",
    );
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["query"], "vllm");
    assert_eq!(lines[0]["results"].as_array().unwrap().len(), 2);
    assert_eq!(lines[2]["query"], "megatorn");
    assert!(!lines[2]["results"].as_array().unwrap().is_empty());
    assert_eq!(lines[3]["results"].as_array().unwrap().len(), 0);
}

#[test]
fn ask_explains_each_stdin_line_beside_its_answer() {
    let out = ganhuo_with_input(
        &["ask", "--explain", "--limit", "2"],
        "vllm\n今天天气怎么样\n".as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["explain"]["answered"], true);
    assert_eq!(lines[0]["explain"]["words"][0]["word"], "vllm");
    assert_eq!(lines[0]["results"].as_array().unwrap().len(), 2);
    assert_eq!(lines[1]["explain"]["answered"], false);
    assert!(lines[1]["results"].as_array().unwrap().is_empty());
}

#[test]
fn catalogue_json_exports_every_resource() {
    let out = ganhuo(&["catalogue", "--json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let resources = v["resources"].as_array().unwrap();
    assert_eq!(resources.len(), 165);
    for r in resources {
        for key in ["title", "url", "path", "keywords", "kind", "lang"] {
            assert!(!r[key].is_null(), "{key} missing in {r}");
        }
    }
}

#[test]
fn topics_prints_tree_and_branches() {
    let out = ganhuo(&["topics", "--lang", "zh"]);
    assert!(stdout(&out).contains("LLM推理"));
    let out = ganhuo(&["topics", "LLM推理/推理加速框架/vLLM"]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("https://github.com/vllm-project/vllm"));
    let out = ganhuo(&["topics", "no such topic"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("no topic matches"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn check_accepts_good_and_rejects_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.toml");
    std::fs::write(&good, "[discord]\ntoken = \"abc\"\n").unwrap();
    let out = ganhuo(&["check", "--config", good.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("165 resources"));

    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[discord]\ntokne = \"abc\"\n").unwrap();
    let out = ganhuo(&["check", "--config", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("tokne"), "{}", stderr(&out));

    let catalogue = dir.path().join("catalogue.toml");
    std::fs::write(&catalogue, "[[resource]]\nid = \"x\"\ntitle = \"\"\nurl = \"nope\"\nkind = \"article\"\nlang = \"en\"\ntopics = [\"t\"]\n").unwrap();
    let with_catalogue = dir.path().join("with-catalogue.toml");
    std::fs::write(&with_catalogue, "catalogue = \"catalogue.toml\"\n").unwrap();
    let out = ganhuo(&["check", "--config", with_catalogue.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("catalogue.toml: line 1: resource `x`: `title` must not be empty"),
        "{err}"
    );
    assert!(err.contains("malformed url"), "{err}");
    assert!(err.contains("unknown topic `t`"), "{err}");

    let missing = ganhuo(&["check", "--config", "/nonexistent/config.toml"]);
    assert!(!missing.status.success());
}

/// The README's first steps: copy the example config next to you; `chat` and `ask` work with it
/// before there is any token, and `check` says what is missing for `run`, then accepts a token.
#[test]
fn a_copied_example_config_works_before_any_token() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/config.example.toml"),
        dir.path().join("config.toml"),
    )
    .unwrap();
    let in_dir = |args: &[&str]| {
        let mut command = command(args);
        command.current_dir(dir.path());
        command
    };
    let out = in_dir(&["ask", "vllm"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("github.com/vllm-project/vllm"));
    let out = in_dir(&["chat"]).stdin(Stdio::null()).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));

    let out = in_dir(&["check"]).output().unwrap();
    assert!(!out.status.success(), "check passes what run refuses");
    let err = stderr(&out);
    assert!(err.contains("no chat adapter is configured"), "{err}");
    assert!(err.contains("ganhuo chat"), "{err}");
    assert!(!err.contains("backtrace"), "{err}");

    let out = in_dir(&["check"])
        .env("TELEGRAM_BOT_TOKEN", "123456:abc")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("adapters: telegram"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_user_error_is_one_clean_message_even_with_backtraces_on() {
    let out = command(&["check", "--config", "/nonexistent/config.toml"])
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        [
            "error: cannot read the config file /nonexistent/config.toml",
            "  caused by: No such file or directory (os error 2)"
        ],
        "{err}"
    );
}

#[test]
fn run_without_adapters_explains_how_to_configure() {
    let out = ganhuo(&["run"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("TELEGRAM_BOT_TOKEN") && err.contains("DISCORD_TOKEN"),
        "{err}"
    );
}

#[test]
fn bad_arguments_fail_clearly() {
    let out = ganhuo(&["ask", "--limit", "0", "x"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--limit"));
}

#[test]
fn chat_answers_and_pages() {
    let out = ganhuo_with_input(&["chat"], "量化\n/more\n/topics\n/quit\n".as_bytes());
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("1–5 of"), "{text}");
    assert!(text.contains("6–10 of"), "{text}");
    assert!(text.contains("LLM inference"), "{text}");
}

#[test]
fn chat_pages_topics_helps_with_unknown_commands_and_ends_paging_politely() {
    let input = "/topics LLM inference\n/more\n/foo\nvllm\n/more\n/more\n/more\n";
    let out = ganhuo_with_input(&["chat", "--lang", "en"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("📂 LLM inference\n"), "{text}");
    assert!(text.contains("(1–5 of"), "{text}");
    assert!(text.contains("(6–10 of"), "{text}");
    assert!(
        text.contains("Commands:\n  /topics"),
        "unknown commands get help: {text}"
    );
    assert!(!text.contains("footprint"), "/foo was searched: {text}");
    assert!(text.contains("No more results."), "{text}");
}

#[test]
fn chat_replaces_invalid_utf8_and_speaks_chinese() {
    // The bad line is answered (with replacement characters), and the chat carries on.
    let out = ganhuo_with_input(&["chat", "--lang", "zh"], b"\xff\xfe\nvllm\n\xc3\n");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("github.com/vllm-project/vllm"), "{text}");
    assert!(text.contains("例如"), "{text}");
}

#[test]
fn catalogue_takes_no_language() {
    let out = ganhuo(&["catalogue", "--lang", "zh"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--lang"), "{}", stderr(&out));
}

/// Runs ganhuo with its stdout closed before it writes anything, as `| head -0` would (a
/// `head -1` closes it after a line, which a short output may not notice).
fn closed_early(args: &[&str]) -> Output {
    let mut child = command(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let config = binary::write_config(dir.path(), "[discord]\ntoken = \"abc\"\n");
    let config = config.to_str().unwrap();
    for args in [
        &["topics"][..],
        &["check", "--config", config],
        &["catalogue", "--json"],
        &["ask", "vllm"],
    ] {
        let out = closed_early(args);
        assert!(
            out.status.success(),
            "{args:?}: {:?} {}",
            out.status,
            stderr(&out)
        );
        assert_eq!(stderr(&out), "", "{args:?}");
    }
}

#[test]
fn check_refuses_what_run_refuses_and_lists_every_problem() {
    let dir = tempfile::tempdir().unwrap();
    let config = binary::write_config(
        dir.path(),
        "[telegram]\ntoken = \"123:abc def\"\napi_url = \"ftp://h/\"\n[discord]\ntoken = \"\"\n",
    );
    for subcommand in ["check", "run"] {
        let out = ganhuo(&[subcommand, "--config", config.to_str().unwrap()]);
        assert!(!out.status.success(), "{subcommand}");
        let err = stderr(&out);
        assert!(err.contains("has 3 problems"), "{subcommand}: {err}");
        for key in ["telegram.token", "telegram.api_url", "discord.token"] {
            assert!(err.contains(key), "{subcommand}: {key} in {err}");
        }
        assert_eq!(err.matches("hint: ").count(), 3, "{err}");
        assert!(!err.contains("abc def"), "the token is never echoed: {err}");
        assert!(!err.contains("backtrace"), "{err}");
    }
}

#[test]
fn check_and_run_refuse_an_empty_or_truncated_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "catalogue = \"catalogue.toml\"\n[discord]\ntoken = \"abc\"\n",
    )
    .unwrap();
    let catalogue = dir.path().join("catalogue.toml");
    for text in [
        "",
        "[[topic]]\nid = \"t\"\nname = \"主题\"\nname_en = \"Topic\"\n",
    ] {
        std::fs::write(&catalogue, text).unwrap();
        for command in ["check", "run"] {
            let out = ganhuo(&[command, "--config", config.to_str().unwrap()]);
            assert!(!out.status.success(), "{command} accepted {text:?}");
            let err = stderr(&out);
            assert!(err.contains("no resources"), "{command}: {err}");
        }
    }
}

#[test]
fn a_huge_stdin_line_is_read_only_as_far_as_the_engine_reads() {
    // 256 MiB on one line, then a normal question, with the process's data (heap) limited to
    // 128 MiB: holding the line would abort; reading it capped answers both, in order.
    let mut child = Command::new("sh")
        .args(["-c", "ulimit -d 131072 && exec \"$0\" ask --limit 1"])
        .arg(env!("CARGO_BIN_EXE_ganhuo"))
        .env("LANG", "C")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let block = vec![b'x'; 1 << 20];
        // The reader may die before taking it all (as it did before lines were capped).
        let _ = (|| {
            stdin.write_all(b"vllm ")?;
            for _ in 0..256 {
                stdin.write_all(&block)?;
            }
            stdin.write_all(b"\nLoRA\n")
        })();
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(out.status.success(), "{:?}: {}", out.status, stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    let huge = lines[0]["query"].as_str().unwrap();
    assert!(huge.starts_with("vllm xxx"), "{huge:.40}");
    assert_eq!(lines[1]["query"], "LoRA");
    assert!(lines[1]["total"].as_u64().unwrap() > 0);
}
