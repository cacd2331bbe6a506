//! Catalogue hot reload: on SIGHUP or when the catalogue file's content changes, load it,
//! validate it, and only then swap it in. An invalid file is reported with its location and
//! the current catalogue keeps answering; queries in flight finish on the engine they started
//! with.
//!
//! Only changes to the content count: writes, renames onto the file, creation. Reading the file
//! (the reloader's own reads included) or touching its metadata does nothing, and a change
//! that leaves the bytes as they were (same hash) is not reloaded. A file with no resources,
//! or one that would remove more than `[reload] max_loss` of them at once, is refused: an
//! editor that truncates before writing must not empty the bot.

use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use anyhow::{Context, Result};
use notify::event::{AccessKind, AccessMode, EventKind, ModifyKind};
use notify::{RecursiveMode, Watcher};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use crate::catalogue::{Catalogue, CatalogueError};
use crate::search::Engine;
use crate::service::Services;

/// Editors save in bursts (truncate, write, rename); a reload waits for this much quiet.
const DEBOUNCE: Duration = Duration::from_millis(300);

/// Why a reload did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ReloadError {
    /// The file could not be read, or is not a valid catalogue (an empty one included).
    #[error(transparent)]
    Invalid(#[from] CatalogueError),
    /// The file is valid but would remove too much at once.
    #[error(
        "the new catalogue has {after} resources where the running one has {before}: losing more than {:.0}% at once is refused ([reload] max_loss)",
        max_loss * 100.0
    )]
    TooMuchLost {
        /// Resources served now.
        before: usize,
        /// Resources in the file.
        after: usize,
        /// The share a reload may remove.
        max_loss: f64,
    },
}

/// Reloads one catalogue file into the services.
#[derive(Debug, Clone)]
pub struct Reloader {
    path: PathBuf,
    services: Services,
    max_loss: f64,
    /// Hash of the content last loaded or refused; the same content is not tried again.
    last: Arc<Mutex<Option<u64>>>,
}

impl Reloader {
    /// Reloads `path` into `services`, refusing to lose more than half the resources at once.
    /// The file's current content is taken as the one being served.
    pub fn new(path: PathBuf, services: Services) -> Reloader {
        let last = std::fs::read(&path).ok().map(|bytes| content_hash(&bytes));
        Reloader {
            path,
            services,
            max_loss: crate::config::ReloadConfig::default().max_loss,
            last: Arc::new(Mutex::new(last)),
        }
    }

    /// Sets the largest share of resources (0–1) one reload may remove.
    #[must_use]
    pub fn max_loss(mut self, max_loss: f64) -> Reloader {
        self.max_loss = max_loss;
        self
    }

    /// Loads, checks and indexes the file, then swaps it in, whatever its content. On error
    /// nothing changes.
    pub fn reload(&self) -> Result<usize, ReloadError> {
        self.load(&self.read()?)
    }

    /// Like [`Reloader::reload`], but only when the content differs from what was last loaded
    /// or refused: `Ok(None)` when it is the same.
    pub fn reload_if_changed(&self) -> Result<Option<usize>, ReloadError> {
        let bytes = self.read()?;
        if *self.lock() == Some(content_hash(&bytes)) {
            return Ok(None);
        }
        self.load(&bytes).map(Some)
    }

    fn read(&self) -> Result<Vec<u8>, CatalogueError> {
        std::fs::read(&self.path)
            .map_err(|err| CatalogueError::io(&self.path.display().to_string(), err))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<u64>> {
        // Holds a plain number; a panic elsewhere cannot leave it half-written.
        self.last.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn load(&self, bytes: &[u8]) -> Result<usize, ReloadError> {
        *self.lock() = Some(content_hash(bytes));
        let result = self.check(bytes);
        self.services.metrics().reload(result.is_ok());
        let engine = result?;
        let resources = engine.catalogue().resources().len();
        self.services.replace_engine(engine);
        Ok(resources)
    }

    fn check(&self, bytes: &[u8]) -> Result<Engine, ReloadError> {
        let source = self.path.display().to_string();
        let text = std::str::from_utf8(bytes).map_err(|err| {
            let err = std::io::Error::new(std::io::ErrorKind::InvalidData, err);
            CatalogueError::io(&source, err)
        })?;
        let catalogue = Catalogue::from_toml(text, &source)?;
        let before = self.services.engine().catalogue().resources().len();
        let after = catalogue.resources().len();
        let lost = before.saturating_sub(after) as f64 / before.max(1) as f64;
        if lost > self.max_loss {
            return Err(ReloadError::TooMuchLost {
                before,
                after,
                max_loss: self.max_loss,
            });
        }
        Ok(Engine::new(catalogue))
    }

    async fn reload_logged(&self, why: &str, force: bool) {
        let this = self.clone();
        let task = tokio::task::spawn_blocking(move || {
            if force {
                this.reload().map(Some)
            } else {
                this.reload_if_changed()
            }
        });
        match task.await {
            Ok(Ok(Some(resources))) => {
                tracing::info!(path = %self.path.display(), resources, trigger = why, "catalogue reloaded");
            }
            Ok(Ok(None)) => {
                tracing::debug!(trigger = why, "catalogue content unchanged; not reloaded");
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

    /// Reloads on SIGHUP (always) and on changes to the file's content until `shutdown`.
    pub async fn run(self, shutdown: CancellationToken) -> Result<()> {
        let (tx, mut changes) = mpsc::channel::<()>(1);
        let _watcher = watch(&self.path, tx).context("watching the catalogue file")?;
        let mut hangup = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup())
            .context("installing the SIGHUP handler")?;
        loop {
            tokio::select! {
                () = shutdown.cancelled() => return Ok(()),
                _ = hangup.recv() => self.reload_logged("SIGHUP", true).await,
                Some(()) = changes.recv() => {
                    // Wait for the burst of events of one save to end.
                    while let Ok(Some(())) = tokio::time::timeout(DEBOUNCE, changes.recv()).await {}
                    self.reload_logged("file change", false).await;
                }
            }
        }
    }
}

/// A hash of the file's bytes, to tell a real change from a rewrite of the same content.
fn content_hash(bytes: &[u8]) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(bytes);
    hasher.finish()
}

/// True for events that can change what the file holds: creation, writes, renames, and a
/// writer closing it. Opening or reading it, and metadata changes, are not.
fn changes_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Remove(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// Watches the file's directory (editors often replace a file by renaming a new one over it,
/// which a watch on the file itself would miss) and signals content changes to that file.
fn watch(path: &Path, tx: mpsc::Sender<()>) -> Result<impl Drop> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_owned());
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        let ours = event.paths.iter().any(|p| p.file_name() == name.as_deref());
        if ours && changes_content(&event.kind) {
            // A full channel already holds a pending reload, which will read the newest file.
            let _ = tx.try_send(());
        }
    })?;
    watcher.watch(&dir, RecursiveMode::NonRecursive)?;
    Ok(watcher)
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

    /// A catalogue file holding `text` in a fresh directory, served and watched by a running
    /// reloader.
    fn watching(
        text: &str,
    ) -> (
        tempfile::TempDir,
        PathBuf,
        Services,
        CancellationToken,
        tokio::task::JoinHandle<Result<()>>,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("catalogue.toml");
        std::fs::write(&path, text).unwrap();
        let services = Services::new(Engine::new(Catalogue::from_path(&path).unwrap()), 5);
        let shutdown = CancellationToken::new();
        let task =
            tokio::spawn(Reloader::new(path.clone(), services.clone()).run(shutdown.clone()));
        (dir, path, services, shutdown, task)
    }

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
        let (dir, path, services, shutdown, task) = watching(SMALL);
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

    /// `n` resources named r0, r1, … in one topic.
    fn resources(n: usize) -> String {
        let mut text =
            String::from("[[topic]]\nid = \"t\"\nname = \"主题\"\nname_en = \"Topic\"\n");
        for i in 0..n {
            text.push_str(&format!(
                "\n[[resource]]\nid = \"r{i}\"\ntitle = \"Guide {i}\"\nurl = \"https://example.com/{i}\"\nkind = \"article\"\nlang = \"en\"\ntopics = [\"t\"]\n"
            ));
        }
        text
    }

    fn count(services: &Services, result: &str) -> u64 {
        let metrics = services.metrics().encode();
        let line = format!("ganhuo_catalogue_reloads_total{{result=\"{result}\"}} ");
        metrics
            .lines()
            .find_map(|l| l.strip_prefix(&line))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    }

    #[test]
    fn empty_or_truncated_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("catalogue.toml");
        std::fs::write(&path, resources(4)).unwrap();
        let services = Services::new(Engine::new(Catalogue::from_path(&path).unwrap()), 5);
        let reloader = Reloader::new(path.clone(), services.clone());
        let size = |s: &Services| s.engine().catalogue().resources().len();

        // `: > catalogue.toml`
        std::fs::write(&path, "").unwrap();
        let err = reloader.reload_if_changed().unwrap_err();
        assert!(err.to_string().contains("no resources"), "{err}");
        // A save cut short: the topics, and no resources yet.
        std::fs::write(&path, resources(0)).unwrap();
        assert!(reloader.reload_if_changed().is_err());
        assert_eq!(size(&services), 4);
        // Losing 3 of 4 at once is more than half.
        std::fs::write(&path, resources(1)).unwrap();
        let err = reloader.reload_if_changed().unwrap_err();
        assert!(
            matches!(
                err,
                ReloadError::TooMuchLost {
                    before: 4,
                    after: 1,
                    ..
                }
            ),
            "{err}"
        );
        assert!(err.to_string().contains("max_loss"), "{err}");
        assert_eq!(size(&services), 4);
        assert_eq!(count(&services, "rejected"), 3);
        // Losing 2 of 4 is allowed at 0.5; a stricter setting refuses it.
        std::fs::write(&path, resources(2)).unwrap();
        let strict = reloader.clone().max_loss(0.25);
        assert!(matches!(
            strict.reload(),
            Err(ReloadError::TooMuchLost { .. })
        ));
        assert_eq!(reloader.reload().unwrap(), 2);
        assert_eq!(size(&services), 2);
        assert!(
            services
                .metrics()
                .encode()
                .contains("ganhuo_catalogue_resources 2")
        );
        // Growing is always fine.
        std::fs::write(&path, resources(9)).unwrap();
        assert_eq!(reloader.reload_if_changed().unwrap(), Some(9));
        assert_eq!(reloader.reload_if_changed().unwrap(), None, "same content");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn reads_reload_nothing_and_one_edit_reloads_once() {
        let (_dir, path, services, shutdown, task) = watching(SMALL);
        tokio::time::sleep(Duration::from_millis(200)).await;
        // `cat catalogue.toml`, several times, and a touch of its metadata.
        for _ in 0..5 {
            std::fs::read(&path).unwrap();
        }
        let file = std::fs::File::open(&path).unwrap();
        file.set_modified(std::time::SystemTime::now()).unwrap();
        drop(file);
        // Rewriting the same bytes is not a change either.
        std::fs::write(&path, SMALL).unwrap();
        tokio::time::sleep(DEBOUNCE * 4).await;
        assert_eq!(count(&services, "ok") + count(&services, "rejected"), 0);

        std::fs::write(&path, SMALL.replace("Alpha guide", "Gamma notes")).unwrap();
        for _ in 0..50 {
            tokio::time::sleep(Duration::from_millis(100)).await;
            if count(&services, "ok") > 0 {
                break;
            }
        }
        assert_eq!(titles(&services, "gamma"), ["Gamma notes"]);
        // The reloader's own read of the file, and the time after, add nothing.
        tokio::time::sleep(DEBOUNCE * 5).await;
        assert_eq!(count(&services, "ok"), 1);
        assert_eq!(count(&services, "rejected"), 0);
        shutdown.cancel();
        task.await.unwrap().unwrap();
    }
}
