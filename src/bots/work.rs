//! Work in flight, and per-chat lanes to run it in: what lets one chat's backlog never hold up
//! another, and shutdown finish what was taken on without taking on more.
//!
//! [`InFlight`] counts work that has been taken on; once closed it refuses more, and
//! [`InFlight::finish`] waits for what remains, at most a grace period. [`Lanes`] runs work in
//! per-key queues (a key is a chat): one key's jobs run one after the other, in the order they
//! arrived, while different keys run side by side; a key's queue has a bounded depth, so a
//! flooding chat is refused at once instead of queueing without end.

use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::hash::Hash;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use futures_util::FutureExt;
use tokio::sync::Notify;
use tracing::warn;

/// Counts work taken on and not finished yet.
#[derive(Debug, Clone, Default)]
pub struct InFlight {
    shared: Arc<Counter>,
}

#[derive(Debug, Default)]
struct Counter {
    state: Mutex<CounterState>,
    changed: Notify,
}

#[derive(Debug, Default)]
struct CounterState {
    count: usize,
    closed: bool,
}

/// One piece of work in flight; dropping it marks the work finished.
#[derive(Debug)]
#[must_use = "the work counts as finished once the ticket is dropped"]
pub struct Ticket {
    shared: Arc<Counter>,
}

impl Drop for Ticket {
    fn drop(&mut self) {
        self.shared.lock().count -= 1;
        self.shared.changed.notify_waiters();
    }
}

impl Counter {
    fn lock(&self) -> MutexGuard<'_, CounterState> {
        // Every critical section is a single update of plain numbers: never half-done.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl InFlight {
    /// A ticket for new work; `None` once closed (shutting down: do not start it).
    pub fn enter(&self) -> Option<Ticket> {
        let mut state = self.shared.lock();
        if state.closed {
            return None;
        }
        state.count += 1;
        Some(Ticket {
            shared: Arc::clone(&self.shared),
        })
    }

    /// Work taken on and not finished.
    pub fn count(&self) -> usize {
        self.shared.lock().count
    }

    /// True once closed.
    pub fn is_closed(&self) -> bool {
        self.shared.lock().closed
    }

    /// Refuses new work from now on.
    pub fn close(&self) {
        self.shared.lock().closed = true;
        self.shared.changed.notify_waiters();
    }

    /// Waits until fewer than `n` pieces of work are in flight.
    pub async fn wait_below(&self, n: usize) {
        loop {
            let changed = self.shared.changed.notified();
            if self.count() < n {
                return;
            }
            changed.await;
        }
    }

    /// Closes, then waits for the work in flight to finish, at most `grace`. True when all of
    /// it finished; otherwise what is left is logged and abandoned.
    pub async fn finish(&self, what: &str, grace: Duration) -> bool {
        self.close();
        if tokio::time::timeout(grace, self.wait_below(1))
            .await
            .is_ok()
        {
            return true;
        }
        let left = self.count();
        warn!(
            left,
            ?grace,
            "{what}: shutdown grace period over; abandoning work in flight"
        );
        false
    }
}

type Job = Pin<Box<dyn Future<Output = ()> + Send>>;

/// Why [`Lanes::push`] did not take a job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// The key's queue is at its depth.
    Full,
    /// Shutting down.
    Closed,
}

/// Per-key queues of jobs, each run in order by its own task while it has work.
pub struct Lanes<K> {
    shared: Arc<LanesShared<K>>,
}

impl<K> Clone for Lanes<K> {
    fn clone(&self) -> Self {
        Lanes {
            shared: Arc::clone(&self.shared),
        }
    }
}

impl<K> std::fmt::Debug for Lanes<K> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lanes")
            .field("depth", &self.shared.depth)
            .field("in_flight", &self.shared.work.count())
            .finish_non_exhaustive()
    }
}

struct LanesShared<K> {
    /// Queued jobs of every key that has a running task; a key without one is absent.
    queues: Mutex<HashMap<K, VecDeque<(Job, Ticket)>>>,
    work: InFlight,
    depth: usize,
}

impl<K> LanesShared<K> {
    fn lock(&self) -> MutexGuard<'_, HashMap<K, VecDeque<(Job, Ticket)>>> {
        // Insertions and removals only: a poisoned map is still a consistent map.
        self.queues.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<K: Hash + Eq + Clone + Send + 'static> Lanes<K> {
    /// Lanes holding at most `depth` jobs per key (the one running included; at least one).
    pub fn new(depth: usize) -> Lanes<K> {
        Lanes {
            shared: Arc::new(LanesShared {
                queues: Mutex::new(HashMap::new()),
                work: InFlight::default(),
                depth: depth.max(1),
            }),
        }
    }

    /// Queues `job` behind the jobs of `key`, unless that queue is at its depth.
    pub fn push(
        &self,
        key: K,
        job: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), Refused> {
        self.queue(key, Box::pin(job), self.shared.depth)
    }

    /// Queues `job` even one past the depth: for the one notice that tells a user their
    /// requests were refused, which must come after the answers already queued.
    pub fn push_over(
        &self,
        key: K,
        job: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), Refused> {
        self.queue(key, Box::pin(job), self.shared.depth + 1)
    }

    fn queue(&self, key: K, job: Job, depth: usize) -> Result<(), Refused> {
        let mut queues = self.shared.lock();
        let running = queues.get(&key).map(|q| q.len() + 1);
        if running.is_some_and(|n| n >= depth) {
            return Err(Refused::Full);
        }
        let ticket = self.shared.work.enter().ok_or(Refused::Closed)?;
        match queues.get_mut(&key) {
            Some(queue) => queue.push_back((job, ticket)),
            None => {
                queues.insert(key.clone(), VecDeque::new());
                tokio::spawn(run_lane(Arc::clone(&self.shared), key, job, ticket));
            }
        }
        Ok(())
    }

    /// The work in flight: every job queued or running.
    pub fn work(&self) -> &InFlight {
        &self.shared.work
    }
}

async fn run_lane<K: Hash + Eq>(shared: Arc<LanesShared<K>>, key: K, job: Job, ticket: Ticket) {
    let mut next = Some((job, ticket));
    while let Some((job, ticket)) = next {
        // A panicking job must not wedge its chat's lane for good.
        if AssertUnwindSafe(job).catch_unwind().await.is_err() {
            warn!("a job panicked; its lane carries on");
        }
        drop(ticket);
        let mut queues = shared.lock();
        next = queues.get_mut(&key).and_then(VecDeque::pop_front);
        if next.is_none() {
            queues.remove(&key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn one_key_runs_in_order_and_is_bounded_others_are_not_held_up() {
        let lanes = Lanes::new(3);
        let gate = Arc::new(Notify::new());
        let order = Arc::new(Mutex::new(Vec::new()));
        for i in 0..3 {
            let (gate, order) = (Arc::clone(&gate), Arc::clone(&order));
            lanes
                .push("slow", async move {
                    if i == 0 {
                        gate.notified().await;
                    }
                    order.lock().unwrap().push(i);
                })
                .unwrap();
        }
        assert_eq!(lanes.push("slow", async {}), Err(Refused::Full));
        let order_over = Arc::clone(&order);
        lanes
            .push_over("slow", async move { order_over.lock().unwrap().push(9) })
            .unwrap();
        assert_eq!(lanes.push_over("slow", async {}), Err(Refused::Full));
        // Another key runs while "slow" waits.
        let ran = Arc::new(AtomicUsize::new(0));
        let ran2 = Arc::clone(&ran);
        lanes
            .push("fast", async move {
                ran2.fetch_add(1, Ordering::SeqCst);
            })
            .unwrap();
        tokio::time::timeout(Duration::from_secs(1), async {
            while ran.load(Ordering::SeqCst) == 0 {
                tokio::task::yield_now().await;
            }
        })
        .await
        .unwrap();
        assert_eq!(lanes.work().count(), 4);
        gate.notify_one();
        assert!(lanes.work().finish("test", Duration::from_secs(1)).await);
        assert_eq!(*order.lock().unwrap(), [0, 1, 2, 9]);
        assert_eq!(lanes.push("late", async {}), Err(Refused::Closed));
    }

    #[tokio::test]
    async fn a_panicking_job_does_not_wedge_its_lane() {
        let lanes = Lanes::new(2);
        lanes.push(1, async { panic!("boom") }).unwrap();
        let done = Arc::new(AtomicUsize::new(0));
        let done2 = Arc::clone(&done);
        lanes
            .push(1, async move {
                done2.fetch_add(1, Ordering::SeqCst);
            })
            .unwrap();
        assert!(lanes.work().finish("test", Duration::from_secs(1)).await);
        assert_eq!(done.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn finish_gives_up_after_the_grace_period() {
        let work = InFlight::default();
        let ticket = work.enter().unwrap();
        assert!(!work.finish("test", Duration::from_millis(50)).await);
        assert!(work.enter().is_none());
        drop(ticket);
        assert_eq!(work.count(), 0);
    }
}
