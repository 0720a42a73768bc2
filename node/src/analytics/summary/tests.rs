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

/// Three tiers and a name no tier has.
const TIERS: [&str; 4] = ["haiku", "sonnet", "opus", "gpt-9"];

/// The events of a busy period, in order: routing, overrides, checkpoints, the queue, telemetry and garbage.
fn period_events(count: usize) -> Vec<Vec<u8>> {
    (0..count)
        .map(|index| {
            let (kind, data) = match index % 9 {
                0 => (
                    "routing.decided",
                    json!({"model": TIERS[index % 4],
                           "category": format!("c{}", index % 5), "estimated_cost_usd": 0.01, "opus_cost_usd": 0.05}),
                ),
                1 => ("routing.override", json!({"category": format!("c{}", index % 5)})),
                2 => ("checkpoint.saved", json!({"ms": index as f64})),
                3 => ("tasks.claimed", json!({"wait_ms": (index % 100) as f64})),
                4 => ("tasks.completed", json!({"run_ms": (index % 50) as f64})),
                5 => ("telemetry.api_request", json!({"cost_usd": 0.25})),
                6 => ("resume.restored", json!({})),
                7 => ("tasks.dispatched", json!({})),
                _ => return b"{garbage".to_vec(),
            };
            json!({"type": kind, "ts": "2026-12-02T10:00:00.000Z", "node_id": "n", "data": data})
                .to_string()
                .into_bytes()
        })
        .collect()
}

#[test]
fn tallies_of_parts_merged_are_the_tally_of_the_whole() {
    let events = period_events(9_000);
    let mut whole = EventTally::default();
    for event in &events {
        whole.add(event);
    }
    let mut merged = EventTally::default();
    for part in events.chunks(2_345) {
        let mut tally = EventTally::default();
        for event in part {
            tally.add(event);
        }
        merged.merge(tally);
    }
    let whole = summarise(whole, &[], 0, 1, 5);
    let merged = summarise(merged, &[], 0, 1, 5);
    assert_eq!(merged.events_read, 9_000);
    assert_eq!(merged.routing, whole.routing);
    assert_eq!(
        merged.routing.by_tier.get("other"),
        Some(&250),
        "{:?}",
        merged.routing
    );
    assert_eq!(merged.queue, whole.queue);
    assert_eq!(merged.checkpoints, whole.checkpoints);
    assert_eq!(merged.resumes, whole.resumes);
    assert!((merged.spend.estimated_usd - whole.spend.estimated_usd).abs() < 1e-9);
    assert_eq!(merged.spend.actual_usd, whole.spend.actual_usd);
}

#[test]
fn absurd_amounts_are_left_out_of_the_sums() {
    let mut tally = EventTally::default();
    for cost in [
        json!(0.5),
        json!(-3.0),
        json!(1e308),
        json!(1e308),
        json!("lots"),
    ] {
        add(
            &mut tally,
            "routing.decided",
            json!({"model": "opus", "estimated_cost_usd": cost, "opus_cost_usd": cost}),
        );
        add(
            &mut tally,
            "telemetry.api_request",
            json!({"cost_usd": cost}),
        );
    }
    let summary = summarise(tally, &[], 0, 1, 5);
    assert_eq!(summary.spend.estimated_usd, 0.5);
    assert_eq!(summary.spend.always_opus_usd, 0.5);
    assert_eq!(summary.spend.actual_usd, Some(0.5));
    assert!(serde_json::to_string(&summary).is_ok());
}
