//! Per-user flood guard: one user cannot make a bot spam a chat or monopolise the
//! catalogue. Requests are counted when they arrive, before anything is queued. Over the limit,
//! the user is told once to slow down; further requests in the same burst are dropped silently
//! so the warning itself cannot become a flood.

use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// How often stale per-user state is swept.
const SWEEP_EVERY: u64 = 1024;

/// What to do with a user's request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Within the limit.
    Allow,
    /// Over the limit: answer with a polite "slow down".
    Warn,
    /// Over the limit and already warned: ignore.
    Drop,
}

/// Keyed rate limiters by user id.
#[derive(Debug)]
pub struct FloodGuard {
    requests: DefaultKeyedRateLimiter<u64>,
    warnings: DefaultKeyedRateLimiter<u64>,
    checks: AtomicU64,
}

impl FloodGuard {
    /// Allows `per_minute` requests per user per minute, in bursts of up to that many.
    pub fn new(per_minute: NonZeroU32) -> FloodGuard {
        FloodGuard {
            requests: RateLimiter::keyed(Quota::per_minute(per_minute)),
            warnings: RateLimiter::keyed(Quota::per_minute(NonZeroU32::MIN)),
            checks: AtomicU64::new(0),
        }
    }

    /// Counts one request by `user`.
    pub fn check(&self, user: u64) -> Verdict {
        if self.checks.fetch_add(1, Ordering::Relaxed) % SWEEP_EVERY == SWEEP_EVERY - 1 {
            // Without this, every user who ever wrote keeps an entry forever.
            self.requests.retain_recent();
            self.warnings.retain_recent();
            self.requests.shrink_to_fit();
            self.warnings.shrink_to_fit();
        }
        if self.requests.check_key(&user).is_ok() {
            Verdict::Allow
        } else {
            self.refuse(user)
        }
    }

    /// A request of `user`'s that cannot be taken for another reason (their chat's queue is
    /// full): warned once per burst like one over the limit, then dropped.
    pub fn refuse(&self, user: u64) -> Verdict {
        if self.warnings.check_key(&user).is_ok() {
            Verdict::Warn
        } else {
            Verdict::Drop
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warns_once_then_drops() {
        let guard = FloodGuard::new(NonZeroU32::new(2).unwrap());
        assert_eq!(guard.check(1), Verdict::Allow);
        assert_eq!(guard.check(1), Verdict::Allow);
        assert_eq!(guard.check(1), Verdict::Warn);
        assert_eq!(guard.check(1), Verdict::Drop);
        assert_eq!(guard.check(1), Verdict::Drop);
        // Users are independent.
        assert_eq!(guard.check(2), Verdict::Allow);
        // A refusal for another reason shares the one warning per burst.
        assert_eq!(guard.refuse(2), Verdict::Warn);
        assert_eq!(guard.check(2), Verdict::Allow);
        assert_eq!(guard.check(2), Verdict::Drop);
    }

    #[test]
    fn sweeping_keeps_limits() {
        let guard = FloodGuard::new(NonZeroU32::MIN);
        for user in 0..SWEEP_EVERY * 2 {
            guard.check(user);
        }
        assert_eq!(guard.check(SWEEP_EVERY * 2 - 1), Verdict::Warn);
    }
}
