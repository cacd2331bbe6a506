//! Services that record into a throwaway SQLite store, for the bots' end-to-end tests of the
//! feedback buttons.

#![allow(dead_code)]

use ganhuo::config::{StoreBackend, StoreConfig};
use ganhuo::search::Engine;
use ganhuo::service::Services;
use ganhuo::store::usage::{Period, Usage, usage};
use ganhuo::store::{DAY, Store, now};
use tempfile::TempDir;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

/// Services with a store and its running writer.
pub struct Recording {
    /// The services to hand to an adapter.
    pub services: Services,
    store: Store,
    backend: StoreBackend,
    cancel: CancellationToken,
    writer: JoinHandle<()>,
    _dir: TempDir,
}

impl Recording {
    /// Shipped catalogue, pages of 5, a fresh SQLite store.
    pub fn start() -> Recording {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let backend = StoreBackend::Sqlite(dir.path().join("ganhuo.sqlite3"));
        let config = StoreConfig {
            backend: Some(backend.clone()),
            ..StoreConfig::default()
        };
        let services = Services::new(Engine::shipped().expect("shipped catalogue"), 5);
        let (store, writer) =
            Store::new(&config, services.metrics().store().clone()).expect("a store");
        let cancel = CancellationToken::new();
        let writer = tokio::spawn(writer.run(cancel.clone()));
        Recording {
            services: services.with_store(store.clone()),
            store,
            backend,
            cancel,
            writer,
            _dir: dir,
        }
    }

    /// What the store holds about the last day, once everything recorded is written.
    pub async fn usage(&self) -> Usage {
        self.store.flush().await;
        let db = ganhuo::store::open(&self.backend)
            .await
            .expect("open the store");
        let until = now() + 1;
        let period = Period {
            since: until - DAY,
            until,
        };
        usage(&db, period, 20).await.expect("read the store")
    }

    /// Stops the writer.
    pub async fn stop(self) {
        self.store.flush().await;
        self.cancel.cancel();
        self.writer.await.expect("the writer does not panic");
    }
}
