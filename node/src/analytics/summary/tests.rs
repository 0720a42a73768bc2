use serde_json::json;
use shim_protocol::messages::SessionOutcome;

use super::{EventTally, summarise};
use crate::analytics::outcome::StoredSession;

fn add(tally: &mut EventTally, kind: &str, data: serde_json::Value) {
    let event =
        json!({"type": kind, "ts": "2026-12-02T10:00:00.000Z", "node_id": "n", "data": data});
    tally.add(event.to_string().as_bytes());
}

#[test]
fn one_pass_counts_routing_spend_checkpoints_queue_and_skips_garbage() {
    let mut tally = EventTally::default();
    for (model, category, cost, opus) in [
        ("haiku", "docs", 0.01, 0.10),
        ("sonnet", "debug", 0.05, 0.20),
        ("sonnet", "debug", 0.05, 0.20),
    ] {
        add(
            &mut tally,
            "routing.decided",
            json!({"model": model, "category": category, "estimated_cost_usd": cost, "opus_cost_usd": opus}),
        );
    }
    add(&mut tally, "routing.override", json!({"category": "debug"}));
    add(&mut tally, "checkpoint.saved", json!({"ms": 10.0}));
    add(&mut tally, "checkpoint.saved", json!({"ms": 30.0}));
    add(&mut tally, "checkpoint.saved", json!({}));
    add(&mut tally, "resume.offered", json!({}));
    add(&mut tally, "tasks.dispatched", json!({}));
    add(&mut tally, "tasks.claimed", json!({"wait_ms": 100.0}));
    add(&mut tally, "tasks.completed", json!({"run_ms": 2000.0}));
    add(&mut tally, "tasks.dead", json!({"run_ms": null}));
    add(
        &mut tally,
        "telemetry.api_request",
        json!({"cost_usd": 0.5}),
    );
    tally.add(b"{not json");
    tally.add(b"[1,2]");
    assert_eq!((tally.read, tally.malformed), (15, 2));

    let mut open = StoredSession::new("open", 1_000).record;
    open.time_at_level_ms.insert("safe".to_owned(), 4_000);
    let mut clean = StoredSession::new("clean", 1_000).record;
    clean.outcome = Some(SessionOutcome::Clean);
    clean.ended_at_ms = Some(5_000);
    let mut gone = StoredSession::new("gone", 1_000).record;
    gone.outcome = Some(SessionOutcome::Abandoned);
    gone.ended_at_ms = Some(6_000);
    gone.time_at_level_ms.insert("danger".to_owned(), 2_500);
    let mut before = StoredSession::new("before", 10).record;
    before.outcome = Some(SessionOutcome::Clean);
    before.ended_at_ms = Some(20);

    let summary = summarise(tally, &[open, clean, gone, before], 500, 10_000, 5);
    assert_eq!(
        summary.sessions, 3,
        "the one that ended before the period is left out"
    );
    assert_eq!(summary.outcomes["open"], 1);
    assert_eq!(summary.outcomes["clean"], 1);
    assert_eq!(summary.outcomes["abandoned"], 1);
    assert_eq!(summary.outcomes["too_long"], 0, "every outcome is named");
    assert_eq!(summary.interruption_rate, Some(0.5));
    assert_eq!(summary.risk_time_s["safe"], 4.0);
    assert_eq!(summary.risk_time_s["danger"], 2.5);
    assert_eq!(summary.routing.decisions, 3);
    assert_eq!(summary.routing.by_tier["sonnet"], 2);
    assert_eq!(summary.routing.by_tier["opus"], 0);
    assert_eq!(summary.routing.by_category[0].category, "debug");
    assert_eq!(summary.routing.by_category[0].override_rate, Some(0.5));
    assert!((summary.spend.estimated_usd - 0.11).abs() < 1e-9);
    assert!((summary.spend.always_opus_usd - 0.50).abs() < 1e-9);
    assert!((summary.spend.savings_usd - 0.39).abs() < 1e-9);
    assert_eq!(summary.spend.actual_usd, Some(0.5));
    assert_eq!(summary.checkpoints.count, 3);
    assert_eq!(summary.checkpoints.latency_ms.p50, Some(20.0));
    assert_eq!(summary.checkpoints.latency_ms.max, Some(30.0));
    assert_eq!(summary.resumes.offered, 1);
    assert_eq!(
        (
            summary.queue.submitted,
            summary.queue.completed,
            summary.queue.dead
        ),
        (1, 1, 1)
    );
    assert_eq!(summary.queue.wait_ms.p50, Some(100.0));
    assert_eq!(summary.queue.run_ms.p95, Some(2000.0));
    assert_eq!(summary.crash_prediction.sessions, 2);
    assert_eq!(summary.events_read, 15);
}
