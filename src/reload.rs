//! Catalogue hot reload: on SIGHUP or when the catalogue file changes, load it, validate it,
//! and only then swap it in. An invalid file is reported with its location and the current
//! catalogue keeps answering; queries in flight finish on the engine they started with.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};
use notify::RecursiveMode;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use crate::catalogue::{Catalogue, CatalogueError};
use crate::search::Engine;
use crate::service::Services;

/// Editors save in bursts (write, rename, chmod); one reload per burst is enough.
const DEBOUNCE: Duration = Duration::from_millis(300);

/// Reloads one catalogue file into the services.
#[derive(Debug, Clone)]
pub struct Reloader {
    path: PathBuf,
    services: Services,
}

impl Reloader {
    /// Reloads `path` into `services`.
    pub fn new(path: PathBuf, services: Services) -> Reloader {
        Reloader { path, services }
    }

    /// Loads and indexes the file, then swaps it in. On error nothing changes.
    pub fn reload(&self) -> Result<usize, CatalogueError> {
        let result = Catalogue::from_path(&self.path).map(Engine::new);
        self.services.metrics().reload(result.is_ok());
        let engine = result?;
        let resources = engine.catalogue().resources().len();
        self.services.replace_engine(engine);
        Ok(resources)
    }

    async fn reload_logged(&self, why: &str) {
        let this = self.clone();
        match tokio::task::spawn_blocking(move || this.reload()).await {
            Ok(Ok(resources)) => {
                tracing::info!(path = %self.path.display(), resources, trigger = why, "catalogue reloaded");
            }
            Ok(Err(err)) => {
                tracing::error!(
                    trigger = why,
                    "catalogue not reloaded, still serving the previous one: {err}"
                );
            }
            Err(err) => tracing::error!("catalogue reload task failed: {err}"),
        }
    }

    /// Reloads on SIGHUP and on changes to the file until `shutdown`.
    pub async fn run(self, shutdown: CancellationToken) -> Result<()> {
        let (tx, mut changes) = mpsc::channel::<()>(1);
        let _watcher = watch(&self.path, tx).context("watching the catalogue file")?;
        let mut hangup = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup())
            .context("installing the SIGHUP handler")?;
        loop {
            tokio::select! {
                () = shutdown.cancelled() => return Ok(()),
                _ = hangup.recv() => self.reload_logged("SIGHUP").await,
                Some(()) = changes.recv() => self.reload_logged("file change").await,
            }
        }
    }
}

/// Watches the file's directory (editors often replace a file by renaming a new one over it,
/// which a watch on the file itself would miss) and signals changes to that file.
fn watch(path: &Path, tx: mpsc::Sender<()>) -> Result<impl Drop> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_owned());
    let mut debouncer = notify_debouncer_mini::new_debouncer(
        DEBOUNCE,
        move |events: notify_debouncer_mini::DebounceEventResult| {
            let ours = match &events {
                Ok(events) => events.iter().any(|e| e.path.file_name() == name.as_deref()),
                Err(_) => false,
            };
            if ours {
                // A full channel already holds a pending reload, which will read the newest file.
                let _ = tx.try_send(());
            }
        },
    )?;
    debouncer
        .watcher()
        .watch(&dir, RecursiveMode::NonRecursive)?;
    Ok(debouncer)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"
[[topic]]
id = "t"
name = "主题"
name_en = "Topic"

[[resource]]
id = "first"
title = "Alpha guide"
url = "https://example.com/alpha"
kind = "article"
lang = "en"
topics = ["t"]
"#;

    fn titles(services: &Services, query: &str) -> Vec<String> {
        let engine = services.engine();
        engine
            .search(query)
            .iter()
            .map(|r| engine.catalogue().resource(r.resource).title.clone())
            .collect()
    }

    #[test]
    fn invalid_file_keeps_the_old_catalogue() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("catalogue.toml");
        std::fs::write(&path, SMALL).unwrap();
        let services = Services::new(Engine::new(Catalogue::from_path(&path).unwrap()), 5);
        let reloader = Reloader::new(path.clone(), services.clone());
        assert_eq!(titles(&services, "alpha"), ["Alpha guide"]);

        std::fs::write(
            &path,
            SMALL.replace("https://example.com/alpha", "not a url"),
        )
        .unwrap();
        let err = reloader.reload().unwrap_err();
        assert!(err.to_string().contains("malformed url"), "{err}");
        assert_eq!(titles(&services, "alpha"), ["Alpha guide"]);

        std::fs::write(&path, SMALL.replace("Alpha guide", "Beta handbook")).unwrap();
        assert_eq!(reloader.reload().unwrap(), 1);
        assert!(titles(&services, "alpha").is_empty());
        assert_eq!(titles(&services, "beta"), ["Beta handbook"]);
        let metrics = services.metrics().encode();
        assert!(
            metrics.contains("ganhuo_catalogue_reloads_total{result=\"ok\"} 1"),
            "{metrics}"
        );
        assert!(
            metrics.contains("ganhuo_catalogue_reloads_total{result=\"rejected\"} 1"),
            "{metrics}"
        );
    }

    #[tokio::test]
    async fn file_changes_trigger_a_reload() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("catalogue.toml");
        std::fs::write(&path, SMALL).unwrap();
        let services = Services::new(Engine::new(Catalogue::from_path(&path).unwrap()), 5);
        let shutdown = CancellationToken::new();
        let task =
            tokio::spawn(Reloader::new(path.clone(), services.clone()).run(shutdown.clone()));
        // Give the watcher a moment to register before the edit.
        tokio::time::sleep(Duration::from_millis(200)).await;
        // Replace by rename, as editors do.
        let tmp = dir.path().join(".catalogue.toml.tmp");
        std::fs::write(&tmp, SMALL.replace("Alpha guide", "Gamma notes")).unwrap();
        std::fs::rename(&tmp, &path).unwrap();
        let mut seen = false;
        for _ in 0..50 {
            tokio::time::sleep(Duration::from_millis(100)).await;
            if titles(&services, "gamma") == ["Gamma notes"] {
                seen = true;
                break;
            }
        }
        shutdown.cancel();
        task.await.unwrap().unwrap();
        assert!(seen, "the edit was not picked up within 5 s");
    }
}
