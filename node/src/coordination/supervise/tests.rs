//! Supervision with real tokio tasks and the real metrics registry; events are kept by an in-memory publisher
//! (the seam the actors' tests use too).

use std::sync::{
    Arc,
    atomic::{AtomicU32, Ordering},
};

use shim_actors::{EventEmitter, publisher::RecordingPublisher, test_utils::wait_until};

use super::*;
use crate::metrics::MetricsRegistry;

/// The `coordination.task_restarted` events published so far.
fn restarts_of(kept: &RecordingPublisher) -> Vec<serde_json::Value> {
    kept.of_kind("coordination.task_restarted")
        .into_iter()
        .map(|event| event.data)
        .collect()
}

const FAST: Backoff = Backoff {
    first: Duration::from_millis(10),
    max: Duration::from_millis(40),
    stable: Duration::from_secs(60),
};

const DEADLINE: Duration = Duration::from_secs(10);

async fn wait_for(what: &str, check: impl Fn() -> bool) {
    let reached = wait_until(
        || std::future::ready(check()),
        DEADLINE,
        Duration::from_millis(5),
    )
    .await;
    assert!(reached, "timed out waiting for {what}");
}

fn supervision(
    kept: &RecordingPublisher,
    metrics: &MetricsRegistry,
) -> (Supervision, watch::Sender<bool>) {
    let (stop, shutdown) = watch::channel(false);
    let emitter = EventEmitter::new("n1", Arc::new(kept.clone()));
    (
        Supervision::new(emitter, &metrics.meter(), FAST, shutdown),
        stop,
    )
}

#[tokio::test]
async fn a_task_that_breaks_or_panics_is_restarted_and_reported() {
    let kept = RecordingPublisher::default();
    let metrics = MetricsRegistry::new().expect("metrics");
    let (supervision, stop) = supervision(&kept, &metrics);
    let runs = Arc::new(AtomicU32::new(0));
    let counted = runs.clone();
    supervision.spawn("follower", move || {
        let run = counted.fetch_add(1, Ordering::SeqCst) + 1;
        async move {
            match run {
                1 => Ended::Broke("the watch ended".to_owned()),
                2 => panic!("a bug in the follower"),
                // The third run keeps going, as a healthy follower does.
                _ => std::future::pending().await,
            }
        }
    });
    wait_for("the third run", || runs.load(Ordering::SeqCst) >= 3).await;
    let restarts = restarts_of(&kept);
    assert_eq!(restarts.len(), 2, "{restarts:?}");
    assert_eq!(restarts[0]["task"], "follower");
    assert_eq!(restarts[0]["reason"], "the watch ended");
    assert_eq!(restarts[0]["restarts"], 1);
    assert_eq!(restarts[0]["next_in_ms"], 10);
    assert_eq!(restarts[1]["reason"], "panicked");
    assert_eq!(restarts[1]["restarts"], 2);
    assert_eq!(restarts[1]["next_in_ms"], 20, "the wait doubles");
    let rendered = metrics.render().expect("renders");
    assert!(
        rendered.lines().any(
            |line| line.starts_with("shim_coordination_task_restarts_total{")
                && line.contains("task=\"follower\"")
                && line.ends_with(" 2")
        ),
        "{rendered}"
    );
    stop.send_replace(true);
    supervision.finish(Duration::from_secs(2)).await;
    assert_eq!(
        runs.load(Ordering::SeqCst),
        3,
        "nothing runs after the stop"
    );
    assert_eq!(restarts_of(&kept).len(), 2, "a stop is not a restart");
}

#[tokio::test]
async fn a_finished_task_is_not_restarted_and_the_stop_ends_the_rest() {
    let kept = RecordingPublisher::default();
    let metrics = MetricsRegistry::new().expect("metrics");
    let (supervision, stop) = supervision(&kept, &metrics);
    let runs = Arc::new(AtomicU32::new(0));
    let counted = runs.clone();
    supervision.spawn("listener", move || {
        counted.fetch_add(1, Ordering::SeqCst);
        async { Ended::Finished }
    });
    let sweeps = Arc::new(AtomicU32::new(0));
    let counted = sweeps.clone();
    supervision.spawn("sweeper", move || {
        counted.fetch_add(1, Ordering::SeqCst);
        std::future::pending()
    });
    wait_for("both tasks to start", || {
        runs.load(Ordering::SeqCst) == 1 && sweeps.load(Ordering::SeqCst) == 1
    })
    .await;
    stop.send_replace(true);
    let finished = Instant::now();
    supervision.finish(Duration::from_secs(5)).await;
    assert!(
        finished.elapsed() < Duration::from_secs(5),
        "a stop ends a task that never returns, without waiting out the grace"
    );
    assert_eq!(runs.load(Ordering::SeqCst), 1);
    assert_eq!(sweeps.load(Ordering::SeqCst), 1);
    assert!(restarts_of(&kept).is_empty());
}

/// Tasks that do not end when asked (each blocks its thread, where neither the stop nor an abort
/// reaches it) cost a stop one grace in all, not one each.
#[tokio::test(flavor = "multi_thread", worker_threads = 6)]
async fn a_stop_waits_one_grace_for_all_its_tasks() {
    let (stop, stopped) = watch::channel(false);
    let supervision = Supervision::quiet_until(stopped);
    let (started_tx, mut started_rx) = tokio::sync::mpsc::unbounded_channel();
    // Each task blocks its thread until the test drops its end of the task's channel.
    let mut releases = Vec::new();
    for _ in 0..3 {
        let started_tx = started_tx.clone();
        let (release, released) = std::sync::mpsc::channel::<()>();
        releases.push(release);
        let released = Arc::new(std::sync::Mutex::new(released));
        supervision.spawn("stuck", move || {
            let started_tx = started_tx.clone();
            let released = released.clone();
            async move {
                let _ = started_tx.send(());
                if let Ok(released) = released.lock() {
                    let _ = released.recv();
                }
                Ended::Finished
            }
        });
    }
    for _ in 0..3 {
        started_rx.recv().await.expect("a task started");
    }
    let _ = stop.send(true);
    let grace = Duration::from_millis(500);
    let started = Instant::now();
    supervision.finish(grace).await;
    assert!(
        started.elapsed() < grace * 2,
        "three graces, one per task: {:?}",
        started.elapsed()
    );
    drop(releases);
}
