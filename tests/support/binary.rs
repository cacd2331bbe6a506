//! The `ganhuo` binary in tests: a command that takes no token, config or language from the
//! test's environment; `ganhuo run` started on a config file; signals; and waiting for exit.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// Variables that would change what the binary does.
const CLEARED: [&str; 8] = [
    "GANHUO_CONFIG",
    "GANHUO_STORE_URL",
    "GANHUO_STORE_URL_FILE",
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_BOT_TOKEN_FILE",
    "DISCORD_TOKEN",
    "DISCORD_TOKEN_FILE",
    "RUST_BACKTRACE",
];

/// `ganhuo` with a clean environment and English output.
pub fn ganhuo() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ganhuo"));
    for var in CLEARED {
        command.env_remove(var);
    }
    command.env("LANG", "C").env_remove("LC_ALL");
    command
}

/// Writes `text` as `config.toml` in `dir`.
pub fn write_config(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("config.toml");
    std::fs::write(&path, text).expect("write the config");
    path
}

/// `ganhuo run --config <config>` with logs filtered by `log` on a piped stderr.
pub fn spawn_run(config: &Path, log: &str) -> Child {
    ganhuo()
        .args(["run", "--config"])
        .arg(config)
        .env("RUST_LOG", log)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn ganhuo")
}

/// Sends a signal (`TERM`, `HUP`) to the child.
pub fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status();
    assert!(status.expect("run kill").success());
}

/// Fails the test with the child's stderr if it has already exited.
pub fn assert_running(child: &mut Child, what: &str) {
    if let Some(status) = child.try_wait().expect("poll the child") {
        let out = std::mem::replace(child, spawn_nothing()).wait_with_output();
        let stderr = out.map(|o| String::from_utf8_lossy(&o.stderr).into_owned());
        panic!(
            "ganhuo exited ({status}) before {what}: {}",
            stderr.unwrap_or_default()
        );
    }
}

fn spawn_nothing() -> Child {
    Command::new("true").spawn().expect("spawn true")
}

/// Waits for the child to exit, at most `within`; returns its status and stderr.
pub async fn wait_exit(mut child: Child, within: Duration) -> (ExitStatus, String) {
    let deadline = Instant::now() + within;
    let status = loop {
        if let Some(status) = child.try_wait().expect("poll the child") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let out = child.wait_with_output().expect("collect output");
            panic!(
                "ganhuo did not exit within {within:?}:\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let out = child.wait_with_output().expect("collect output");
    (status, String::from_utf8_lossy(&out.stderr).into_owned())
}
