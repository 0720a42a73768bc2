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
    add(
        &mut tally,
        "routing.override",
        json!({"category": "debug", "recommended": "sonnet", "chosen": "opus"}),
    );
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
    assert_eq!(
        (
            summary.routing.by_category[0].overrides_up,
            summary.routing.by_category[0].overrides_down
        ),
        (1, 0),
        "sonnet to opus is an override upwards"
    );
    assert!((summary.spend.estimated_usd - 0.11).abs() < 1e-9);
    assert!((summary.spend.always_opus_usd - 0.50).abs() < 1e-9);
    assert!((summary.spend.savings_usd - 0.39).abs() < 1e-9);
    assert_eq!(summary.spend.actual_usd, Some(0.5));
    assert_eq!(summary.checkpoints.count, 3);
    // Nearest rank, from below: of 10 and 30 the median is 10.
    assert_close(summary.checkpoints.latency_ms.p50, 10.0);
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
    assert_close(summary.queue.wait_ms.p50, 100.0);
    assert_close(summary.queue.run_ms.p95, 2000.0);
    assert_eq!(summary.crash_prediction.sessions, 2);
    assert_eq!(summary.events_read, 15);
}

/// Percentiles come from a sketch: within 1% of the true value.
fn assert_close(found: Option<f64>, wanted: f64) {
    let found = found.expect("a percentile");
    assert!(
        (found - wanted).abs() <= wanted * 0.01,
        "{found} is not within 1% of {wanted}"
    );
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
                1 => (
                    "routing.override",
                    json!({"category": format!("c{}", index % 5),
                           "recommended": TIERS[index % 4], "chosen": TIERS[(index / 9) % 3]}),
                ),
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
    let upwards: u64 = merged
        .routing
        .by_category
        .iter()
        .map(|category| category.overrides_up)
        .sum();
    assert!(
        upwards > 0 && upwards < merged.routing.overrides,
        "{:?}",
        merged.routing
    );
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

#[test]
fn a_session_counts_its_outcome_in_the_period_it_ended_and_as_open_before() {
    let mut spanning = StoredSession::new("spanning", 1_000).record;
    spanning.outcome = Some(SessionOutcome::Abandoned);
    spanning.ended_at_ms = Some(15_000);
    let records = [spanning];
    let first = summarise(EventTally::default(), &records, 0, 10_000, 5);
    let second = summarise(EventTally::default(), &records, 10_000, 20_000, 5);
    assert_eq!((first.sessions, second.sessions), (1, 1), "active in both");
    assert_eq!(first.outcomes["open"], 1);
    assert_eq!(first.outcomes["abandoned"], 0);
    assert_eq!(first.interruption_rate, None, "nothing ended in the first");
    assert_eq!(first.crash_prediction.sessions, 0);
    assert_eq!(second.outcomes["abandoned"], 1);
    assert_eq!(second.outcomes["open"], 0);
    assert_eq!(second.interruption_rate, Some(1.0));
}

#[test]
fn a_tally_stored_as_json_and_read_back_merges_like_the_original() {
    let events = period_events(4_000);
    let mut whole = EventTally::default();
    let mut stored = EventTally::default();
    for (index, event) in events.iter().enumerate() {
        whole.add(event);
        if index < 1_000 {
            stored.add(event);
        }
    }
    // An empty tally (no latencies at all) must survive the trip too.
    let empty: EventTally =
        serde_json::from_slice(&serde_json::to_vec(&EventTally::default()).expect("encodes"))
            .expect("an empty tally reads back");
    let mut rebuilt: EventTally =
        serde_json::from_slice(&serde_json::to_vec(&stored).expect("encodes")).expect("reads back");
    assert_eq!(
        rebuilt.read_raw, 0,
        "a stored tally was not read one by one"
    );
    rebuilt.merge(empty);
    let mut rest = EventTally::default();
    for event in &events[1_000..] {
        rest.add(event);
    }
    rebuilt.merge(rest);
    let whole = summarise(whole, &[], 0, 1, 5);
    let rebuilt = summarise(rebuilt, &[], 0, 1, 5);
    assert_eq!(rebuilt.events_read, 4_000);
    assert_eq!(rebuilt.routing, whole.routing);
    assert_eq!(rebuilt.queue, whole.queue);
    assert_eq!(rebuilt.checkpoints, whole.checkpoints);
    assert_eq!(rebuilt.resumes, whole.resumes);
    assert_eq!(rebuilt.spend.actual_usd, whole.spend.actual_usd);
}
