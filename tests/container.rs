//! The container image, run as a self-hoster would, against the fake Bot API: ignored by
//! `cargo test`; `.ci/container` builds the image and runs this test with the commands that
//! start the image and its health check (read from the image's config), in a private network
//! namespace that the container shares.
//!
//! It checks that the bot answers a message, that the image's `HEALTHCHECK` command exits
//! non-zero before the Telegram adapter is connected and 0 after, that the process runs as
//! 65532:65532, that SIGTERM stops it within the grace period, and that its logs never show
//! the token. `.ci/container` checks afterwards that it wrote nothing in its file system.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at its first broken assumption"
)]

#[path = "support/fake_telegram.rs"]
mod fake_telegram;

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use fake_telegram::{FakeTelegram, Fault, private_text};

/// How long the fake holds off the first `getMe` (a 429 with this `retry_after`): the window in
/// which the health check must report "not connected".
const HOLD_SECS: u64 = 12;
/// The image's user (distroless `nonroot`).
const NONROOT: u32 = 65532;

/// What `.ci/container` passes in.
struct Setup {
    /// Starts the image (`buildah run … -- ENTRYPOINT CMD`), the config and secret mounted.
    run: Vec<String>,
    /// Runs the image's HEALTHCHECK command in a second container of the same image.
    health: Vec<String>,
    health_timeout: Duration,
    /// The host file mounted read-only at /etc/ganhuo/config.toml.
    config: PathBuf,
    /// The image's own /etc/ganhuo/config.toml.
    builtin_config: PathBuf,
    /// The token in the secret file (must never appear in the logs).
    token: String,
    /// The shutdown grace period.
    grace: Duration,
}

impl Setup {
    fn from_env() -> Setup {
        let var = |name: &str| {
            std::env::var(name).unwrap_or_else(|_| {
                panic!("{name} is not set: run this test through .ci/container")
            })
        };
        let argv = |name: &str| -> Vec<String> {
            serde_json::from_str(&var(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
        };
        let secs =
            |name: &str| -> u64 { var(name).parse().unwrap_or_else(|e| panic!("{name}: {e}")) };
        Setup {
            run: argv("GANHUO_CONTAINER_RUN"),
            health: argv("GANHUO_CONTAINER_HEALTH"),
            health_timeout: Duration::from_secs(secs("GANHUO_CONTAINER_HEALTH_TIMEOUT")),
            config: var("GANHUO_CONTAINER_CONFIG").into(),
            builtin_config: var("GANHUO_CONTAINER_BUILTIN_CONFIG").into(),
            token: var("GANHUO_CONTAINER_TOKEN"),
            grace: Duration::from_secs(secs("GANHUO_CONTAINER_GRACE")),
        }
    }

    /// Runs the health check as the runtime would: exit status and output, or `None` when it
    /// outlives the HEALTHCHECK timeout. buildah's own start-up counts against the timeout.
    fn health(&self) -> Option<Output> {
        let mut child = Command::new(&self.health[0])
            .args(&self.health[1..])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the health check");
        let deadline = Instant::now() + self.health_timeout;
        while Instant::now() < deadline {
            if child.try_wait().expect("health check status").is_some() {
                return Some(child.wait_with_output().expect("health check output"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
        None
    }
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// The running container: its `buildah run` process and where its output goes. Dropping it
/// kills whatever still runs.
struct Running {
    child: Child,
    stdout: PathBuf,
    stderr: PathBuf,
    _dir: tempfile::TempDir,
}

impl Running {
    fn start(setup: &Setup) -> Running {
        let dir = tempfile::tempdir().expect("temp dir");
        let stdout = dir.path().join("stdout");
        let stderr = dir.path().join("stderr");
        let child = Command::new(&setup.run[0])
            .args(&setup.run[1..])
            .stdin(Stdio::null())
            .stdout(File::create(&stdout).expect("stdout file"))
            .stderr(File::create(&stderr).expect("stderr file"))
            .spawn()
            .expect("start the container");
        Running {
            child,
            stdout,
            stderr,
            _dir: dir,
        }
    }

    fn logs(&self) -> String {
        let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
        format!("{}{}", read(&self.stdout), read(&self.stderr))
    }

    /// The `ganhuo` process among the container's processes (chroot isolation shares the
    /// host's process table).
    fn ganhuo_pid(&self) -> Option<u32> {
        descendants(self.child.id()).into_iter().find(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|c| c.trim() == "ganhuo")
        })
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        for pid in descendants(self.child.id()) {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Every process below `root`, from /proc.
fn descendants(root: u32) -> Vec<u32> {
    let mut children: HashMap<u32, Vec<u32>> = HashMap::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // The command name may hold spaces and parentheses: fields resume after the last ')'.
        let ppid = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|p| p.parse::<u32>().ok());
        if let Some(ppid) = ppid {
            children.entry(ppid).or_default().push(pid);
        }
    }
    let mut found = Vec::new();
    let mut queue = vec![root];
    while let Some(pid) = queue.pop() {
        for &child in children.get(&pid).into_iter().flatten() {
            found.push(child);
            queue.push(child);
        }
    }
    found
}

/// The real, effective, saved and file-system ids of `key` (`Uid` or `Gid`) in /proc.
fn ids(pid: u32, key: &str) -> Vec<u32> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("process status");
    status
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{key}:")))
        .map(|ids| {
            ids.split_whitespace()
                .filter_map(|i| i.parse().ok())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the image: run by .ci/container"]
async fn the_image_answers_reports_health_runs_as_nonroot_and_stops_on_sigterm() {
    let setup = Setup::from_env();
    let fake = FakeTelegram::start().await;
    fake.inject("getMe", Fault::RetryAfter(HOLD_SECS));
    // The built-in config, told where the fake Bot API is; the token comes from the secret.
    // By name, not address: the binary is static on a base with no libc, and must still
    // resolve names (here through the container's /etc/hosts, as api.telegram.org through DNS).
    let builtin = std::fs::read_to_string(&setup.builtin_config).expect("built-in config");
    let by_name = fake.url.replace("127.0.0.1", "localhost");
    std::fs::write(
        &setup.config,
        format!("{builtin}\n[telegram]\napi_url = \"{by_name}\"\n"),
    )
    .expect("write the mounted config");

    let before = setup.health().expect("health check within its timeout");
    assert!(
        !before.status.success(),
        "healthy with nothing running: {}",
        text(&before)
    );

    let bot = Running::start(&setup);
    fake.wait_calls("getMe", 1, |_| true).await;
    // The first getMe was refused with retry_after: until the retry, the adapter is not
    // connected and /healthz must answer 503.
    let unhealthy = loop {
        let out = setup.health().expect("health check within its timeout");
        assert!(
            !out.status.success(),
            "healthy before connecting: {}",
            text(&out)
        );
        if text(&out).contains("503") {
            break out;
        }
        assert!(
            fake.calls_to("getMe").len() == 1,
            "no 503 from /healthz while the adapter waited to retry; last: {}\n{}",
            text(&out),
            bot.logs()
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    assert_eq!(
        fake.calls_to("getMe").len(),
        1,
        "the health check took longer than the retry window ({HOLD_SECS} s)"
    );
    println!(
        "before connecting, the health check said: {}",
        text(&unhealthy).trim()
    );

    fake.wait_calls("getMe", 1, |c| !c.result.is_null()).await;
    let deadline = Instant::now() + Duration::from_secs(20);
    let healthy = loop {
        let out = setup.health();
        if let Some(out) = out.filter(|o| o.status.success()) {
            break out;
        }
        assert!(
            Instant::now() < deadline,
            "never healthy after connecting:\n{}",
            bot.logs()
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    assert!(text(&healthy).contains("connected"), "{}", text(&healthy));
    println!(
        "once connected, the health check said: {}",
        text(&healthy).trim()
    );

    fake.push(private_text(77, "en", "LoRA tutorial"));
    let answers = fake
        .wait_calls("sendMessage", 1, |c| c.body["chat_id"] == 77)
        .await;
    let answer = answers[0].body["text"].as_str().unwrap_or_default();
    assert!(answer.contains("<a href=\"https://"), "{answer}");
    assert!(answer.to_lowercase().contains("lora"), "{answer}");

    let pid = bot.ganhuo_pid().expect("the ganhuo process");
    assert_eq!(ids(pid, "Uid"), [NONROOT; 4], "uids of the ganhuo process");
    assert_eq!(ids(pid, "Gid"), [NONROOT; 4], "gids of the ganhuo process");

    let sent = Instant::now();
    let kill = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("kill");
    assert!(kill.success());
    while Path::new(&format!("/proc/{pid}")).exists() && sent.elapsed() < setup.grace * 2 {
        std::thread::sleep(Duration::from_millis(20));
    }
    let stopped_in = sent.elapsed();
    assert!(
        stopped_in <= setup.grace,
        "SIGTERM took {stopped_in:?}, grace period {:?}:\n{}",
        setup.grace,
        bot.logs()
    );
    let mut bot = bot;
    let status = bot.child.wait().expect("container status");
    assert!(
        status.success(),
        "exit status {status} after SIGTERM:\n{}",
        bot.logs()
    );
    println!(
        "SIGTERM → exit 0 in {stopped_in:?} (grace {:?})",
        setup.grace
    );

    let logs = bot.logs();
    assert!(
        !logs.contains(&setup.token),
        "the token appears in the logs"
    );
    let first = logs.lines().next().unwrap_or_default();
    assert!(
        serde_json::from_str::<serde_json::Value>(first).is_ok(),
        "logs are not JSON as the built-in config says: {first}"
    );
}
