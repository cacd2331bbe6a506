//! Pacing for anything that retries or logs repeated errors: exponential backoff with a cap,
//! and a gate that lets one error of a run through per interval. Used by the bots and by the
//! store's writer, so it sits below both.

use std::time::{Duration, Instant};

/// How often a continuing run of errors is logged at warn.
const LOG_EVERY: Duration = Duration::from_secs(60);

/// Exponential backoff with a cap.
#[derive(Debug, Clone)]
pub struct Backoff {
    base: Duration,
    cap: Duration,
    failures: u32,
}

impl Default for Backoff {
    /// Half a second, doubling up to thirty.
    fn default() -> Self {
        Backoff::new(Duration::from_millis(500), Duration::from_secs(30))
    }
}

impl Backoff {
    /// Starts at `base`, doubling up to `cap`.
    pub fn new(base: Duration, cap: Duration) -> Backoff {
        Backoff {
            base,
            cap,
            failures: 0,
        }
    }

    /// The delay before the next attempt, doubling with every consecutive failure.
    pub fn next_delay(&mut self) -> Duration {
        let delay = self
            .base
            .saturating_mul(1 << self.failures.min(16))
            .min(self.cap);
        self.failures = self.failures.saturating_add(1);
        delay
    }

    /// Consecutive failures so far.
    pub fn failures(&self) -> u32 {
        self.failures
    }

    /// Forgets the failures: the next delay is the base again.
    pub fn reset(&mut self) {
        self.failures = 0;
    }
}

/// Lets the first of a run of errors through, then at most one per interval, counting the
/// ones held back.
#[derive(Debug, Clone)]
pub struct LogGate {
    interval: Duration,
    last: Option<Instant>,
    suppressed: u64,
}

impl Default for LogGate {
    /// One per minute.
    fn default() -> Self {
        LogGate::new(LOG_EVERY)
    }
}

impl LogGate {
    /// At most one error per `interval`.
    pub fn new(interval: Duration) -> LogGate {
        LogGate {
            interval,
            last: None,
            suppressed: 0,
        }
    }

    /// `Some(n)` when this error should be logged, `n` being how many were held back since
    /// the last one logged; `None` to log it at debug only.
    pub fn admit(&mut self, now: Instant) -> Option<u64> {
        match self.last {
            Some(last) if now.duration_since(last) < self.interval => {
                self.suppressed += 1;
                None
            }
            _ => {
                self.last = Some(now);
                Some(std::mem::take(&mut self.suppressed))
            }
        }
    }

    /// Forgets the run of errors: the next one is logged at once.
    pub fn reset(&mut self) {
        self.last = None;
        self.suppressed = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let mut b = Backoff::new(Duration::from_millis(500), Duration::from_secs(4));
        let delays: Vec<u128> = (0..6).map(|_| b.next_delay().as_millis()).collect();
        assert_eq!(delays, [500, 1000, 2000, 4000, 4000, 4000]);
        assert_eq!(b.failures(), 6);
        b.reset();
        assert_eq!(b.next_delay(), Duration::from_millis(500));
    }

    #[test]
    fn log_gate_admits_one_per_interval() {
        let mut gate = LogGate::new(Duration::from_secs(60));
        let t0 = Instant::now();
        assert_eq!(gate.admit(t0), Some(0));
        assert_eq!(gate.admit(t0 + Duration::from_secs(1)), None);
        assert_eq!(gate.admit(t0 + Duration::from_secs(2)), None);
        assert_eq!(gate.admit(t0 + Duration::from_secs(61)), Some(2));
        gate.reset();
        assert_eq!(gate.admit(t0 + Duration::from_secs(62)), Some(0));
    }
}
