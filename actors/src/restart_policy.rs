//! When and how soon the supervisor restarts a failed child.

use std::{
    collections::VecDeque,
    time::{Duration, Instant},
};

/// Restart policy: restart after an exponential back-off, give up after too many failures in a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RestartPolicy {
    /// Most restarts allowed inside [`window`](Self::window) before the child is given up on. Default 5.
    pub max_restarts: u32,
    /// Sliding window the restarts are counted in. Default 60 s.
    pub window: Duration,
    /// Back-off before the first restart; doubled for each further restart in the window. Default 100 ms.
    pub initial_backoff: Duration,
    /// Longest back-off. Default 5 s.
    pub max_backoff: Duration,
}

impl Default for RestartPolicy {
    fn default() -> Self {
        RestartPolicy {
            max_restarts: 5,
            window: Duration::from_secs(60),
            initial_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_secs(5),
        }
    }
}

/// What to do with a child that just failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestartDecision {
    /// Restart it once `after` has passed; this is restart number `attempt` in the window.
    Restart {
        /// Back-off before the restart.
        after: Duration,
        /// 1 for the first restart in the window, 2 for the second, ...
        attempt: u32,
    },
    /// It failed too often; leave it down.
    GiveUp {
        /// Failures inside the window, this one included.
        failures: u32,
    },
}

impl RestartPolicy {
    /// Records a failure at `now` in `history` (the child's recent failure times) and decides.
    pub fn on_failure(&self, history: &mut VecDeque<Instant>, now: Instant) -> RestartDecision {
        while history
            .front()
            .is_some_and(|failed_at| now.duration_since(*failed_at) > self.window)
        {
            history.pop_front();
        }
        history.push_back(now);
        let failures = u32::try_from(history.len()).unwrap_or(u32::MAX);
        if failures > self.max_restarts {
            return RestartDecision::GiveUp { failures };
        }
        let doublings = failures.saturating_sub(1).min(16);
        let after = self
            .initial_backoff
            .saturating_mul(1 << doublings)
            .min(self.max_backoff);
        RestartDecision::Restart {
            after,
            attempt: failures,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap_then_gives_up() {
        let policy = RestartPolicy {
            max_restarts: 4,
            window: Duration::from_secs(60),
            initial_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_millis(350),
        };
        let mut history = VecDeque::new();
        let start = Instant::now();
        let decisions: Vec<RestartDecision> = (0..5)
            .map(|second| policy.on_failure(&mut history, start + Duration::from_secs(second)))
            .collect();
        let restart = |ms, attempt| RestartDecision::Restart {
            after: Duration::from_millis(ms),
            attempt,
        };
        assert_eq!(
            decisions,
            vec![
                restart(100, 1),
                restart(200, 2),
                restart(350, 3),
                restart(350, 4),
                RestartDecision::GiveUp { failures: 5 },
            ]
        );
    }

    #[test]
    fn failures_outside_the_window_are_forgotten() {
        let policy = RestartPolicy {
            max_restarts: 1,
            window: Duration::from_secs(10),
            ..RestartPolicy::default()
        };
        let mut history = VecDeque::new();
        let start = Instant::now();
        assert!(matches!(
            policy.on_failure(&mut history, start),
            RestartDecision::Restart { attempt: 1, .. }
        ));
        assert!(matches!(
            policy.on_failure(&mut history, start + Duration::from_secs(5)),
            RestartDecision::GiveUp { failures: 2 }
        ));
        assert!(matches!(
            policy.on_failure(&mut history, start + Duration::from_secs(30)),
            RestartDecision::Restart { attempt: 1, .. }
        ));
    }
}
