//! Coordination's background tasks, supervised: the task index's follower of the `shim_tasks` bucket, the
//! puller's listener for queued tasks, and the registry sweeper. Each runs in its own tokio task; one that ends
//! or panics before the node stops is started again after a back-off (1 s, doubling to 30 s, back to 1 s after a
//! run of a minute), and each restart is reported: a `coordination.task_restarted` event (`task`, `reason`,
//! `restarts`, `next_in_ms`), a warning in the log and the counter `shim_coordination_task_restarts_total`
//! (label `task`). When the node stops, every task is ended.

use std::{
    future::Future,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use opentelemetry::metrics::Counter;
use shim_actors::EventEmitter;
use tokio::{sync::watch, task::JoinHandle};
use tracing::{debug, warn};

/// How a supervised run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ended {
    /// Its work is over (what it served is gone): not started again.
    Finished,
    /// It broke (a watch or subscription ended, an error): started again.
    Broke(String),
}

/// Waits before restarts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// Before the first restart, and again after a run of [`Backoff::stable`].
    pub first: Duration,
    /// At most.
    pub max: Duration,
    /// A run this long resets the wait to `first`.
    pub stable: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff {
            first: Duration::from_secs(1),
            max: Duration::from_secs(30),
            stable: Duration::from_secs(60),
        }
    }
}

/// Starts, restarts and ends coordination's background tasks. Cloning shares it.
#[derive(Debug, Clone)]
pub struct Supervision {
    emitter_opt: Option<EventEmitter>,
    restarts_opt: Option<Counter<u64>>,
    backoff: Backoff,
    shutdown: watch::Receiver<bool>,
    handles: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl Supervision {
    /// Supervision that reports restarts through `emitter` and a counter on `meter`, and ends its tasks when
    /// `shutdown` turns true.
    pub fn new(
        emitter: EventEmitter,
        meter: &opentelemetry::metrics::Meter,
        backoff: Backoff,
        shutdown: watch::Receiver<bool>,
    ) -> Supervision {
        let restarts = shim_actors::catalogue::COORDINATION_TASK_RESTARTS.u64_counter(meter);
        Supervision {
            emitter_opt: Some(emitter),
            restarts_opt: Some(restarts),
            backoff,
            shutdown,
            handles: Arc::default(),
        }
    }

    /// Supervision that reports restarts in the log only (a queue opened outside a node: tools, benches); its
    /// tasks end when the process does.
    pub fn quiet() -> Supervision {
        // The sender is dropped at once: `wait_for` then never sees a stop, and tasks run for good.
        let (_, shutdown) = watch::channel(false);
        Supervision::quiet_until(shutdown)
    }

    /// [`Supervision::quiet`] whose tasks end when `shutdown` turns true (a queue a bench opens for a while).
    pub fn quiet_until(shutdown: watch::Receiver<bool>) -> Supervision {
        Supervision {
            emitter_opt: None,
            restarts_opt: None,
            backoff: Backoff::default(),
            shutdown,
            handles: Arc::default(),
        }
    }

    /// Runs `run()` as the background task `name`, again after a back-off each time it ends or panics before
    /// the shutdown, until it returns [`Ended::Finished`].
    pub fn spawn<F, Fut>(&self, name: &'static str, mut run: F)
    where
        F: FnMut() -> Fut + Send + 'static,
        Fut: Future<Output = Ended> + Send + 'static,
    {
        let supervision = self.clone();
        let handle = tokio::spawn(async move {
            let mut shutdown = supervision.shutdown.clone();
            let mut delay = supervision.backoff.first;
            let mut restarts: u64 = 0;
            loop {
                let started = Instant::now();
                let mut task = tokio::spawn(run());
                let reason = tokio::select! {
                    joined = &mut task => match joined {
                        Ok(Ended::Finished) => return,
                        Ok(Ended::Broke(reason)) => reason,
                        Err(error) if error.is_panic() => "panicked".to_owned(),
                        Err(_) => "cancelled".to_owned(),
                    },
                    _ = stopped(&mut shutdown) => {
                        task.abort();
                        // Gone, with what it held (a subscription, a connection), before `finish` returns.
                        let _ = task.await;
                        return;
                    }
                };
                if *shutdown.borrow() {
                    return;
                }
                if started.elapsed() >= supervision.backoff.stable {
                    delay = supervision.backoff.first;
                }
                restarts += 1;
                supervision.report(name, &reason, restarts, delay);
                tokio::select! {
                    () = tokio::time::sleep(delay) => {}
                    _ = stopped(&mut shutdown) => return,
                }
                delay = (delay * 2).min(supervision.backoff.max);
            }
        });
        if let Ok(mut handles) = self.handles.lock() {
            handles.retain(|handle| !handle.is_finished());
            handles.push(handle);
        }
    }

    fn report(&self, name: &'static str, reason: &str, restarts: u64, delay: Duration) {
        warn!(
            task = name,
            reason,
            restarts,
            next_in_ms = delay.as_millis() as u64,
            "a coordination background task stopped; restarting it"
        );
        if let Some(counter) = &self.restarts_opt {
            counter.add(
                1,
                &shim_actors::catalogue::COORDINATION_TASK_RESTARTS.attributes([name.into()]),
            );
        }
        if let Some(emitter) = &self.emitter_opt {
            emitter.emit(
                "coordination",
                "task_restarted",
                None,
                serde_json::json!({"task": name, "reason": reason, "restarts": restarts, "next_in_ms": delay.as_millis() as u64}),
            );
        }
    }

    /// Waits up to `grace` for every task to end after the shutdown, then ends those still running.
    pub async fn finish(&self, grace: Duration) {
        let handles = match self.handles.lock() {
            Ok(mut handles) => std::mem::take(&mut *handles),
            Err(_) => return,
        };
        // One grace for them all: a stop takes `grace` at most, however many tasks there are.
        let deadline = tokio::time::Instant::now() + grace;
        for mut handle in handles {
            if tokio::time::timeout_at(deadline, &mut handle)
                .await
                .is_err()
            {
                debug!("ending a coordination background task that did not end by itself");
                handle.abort();
            }
        }
    }
}

/// Resolves once `shutdown` turns true; never when its sender is gone without a stop.
async fn stopped(shutdown: &mut watch::Receiver<bool>) {
    if shutdown.wait_for(|stop| *stop).await.is_err() {
        std::future::pending::<()>().await;
    }
}

#[cfg(test)]
mod tests;
