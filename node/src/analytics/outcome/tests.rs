use serde_json::{Value, json};
use shim_protocol::{
    Event,
    messages::{RiskLevel, SessionOutcome},
};

use super::{StoredSession, apply};
use crate::analytics::ledger::to_abandon;

fn event(kind: &str, data: Value) -> Event {
    Event {
        kind: kind.to_owned(),
        ts: String::new(),
        node_id: "n1".to_owned(),
        chat_id: Some("c1".to_owned()),
        data,
    }
}

/// Plays `(kind, data, at_ms)` events onto a fresh session.
fn play(events: &[(&str, Value, u64)]) -> StoredSession {
    let mut session = StoredSession::new("c1", events.first().map_or(0, |first| first.2));
    for (kind, data, at_ms) in events {
        apply(&mut session, &event(kind, data.clone()), *at_ms);
    }
    session
}

fn started() -> (&'static str, Value, u64) {
    (
        "chats.started",
        json!({"client": "claude-code", "project_dir": "/p"}),
        1_000,
    )
}

#[test]
fn a_session_end_is_clean_and_says_why() {
    let session = play(&[
        started(),
        (
            "chats.ended",
            json!({"reason": "ended", "detail": "logout"}),
            5_000,
        ),
    ]);
    assert_eq!(session.record.outcome, Some(SessionOutcome::Clean));
    assert_eq!(session.record.ended_at_ms, Some(5_000));
    assert_eq!(session.record.client.as_deref(), Some("claude-code"));
    assert_eq!(session.record.evidence, ["ended: logout"]);
    // An idle worker stopping is not an end.
    let idle = play(&[started(), ("chats.ended", json!({"reason": "idle"}), 5_000)]);
    assert_eq!(idle.record.outcome, None);
}

#[test]
fn gone_is_interrupted_then_resumed_or_back() {
    let gone = play(&[started(), ("chats.gone", json!({"from": "away"}), 9_000)]);
    assert_eq!(gone.record.outcome, Some(SessionOutcome::Interrupted));
    assert_eq!(gone.record.ended_at_ms, Some(9_000));
    let resumed = play(&[
        started(),
        ("chats.gone", json!({"from": "away"}), 9_000),
        ("resume.offered", json!({"reason": "crashed"}), 10_000),
        ("resume.restored", json!({"reason": "crashed"}), 11_000),
    ]);
    assert_eq!(resumed.record.outcome, Some(SessionOutcome::Resumed));
    assert!(resumed.record.resume_offered && resumed.record.resume_taken);
    assert_eq!(
        resumed.record.evidence.len(),
        3,
        "{:?}",
        resumed.record.evidence
    );
    // A chat marked gone after its session ended is not interrupted.
    let ended = play(&[
        started(),
        ("chats.ended", json!({"reason": "ended"}), 5_000),
        ("chats.gone", json!({"reason": "ended"}), 5_001),
    ]);
    assert_eq!(ended.record.outcome, Some(SessionOutcome::Clean));
    // Back after its node stopped: open again, and clean at its end.
    let back = play(&[
        started(),
        ("chats.away", json!({"reason": "node stopping"}), 2_000),
        ("chats.back", json!({}), 3_000),
    ]);
    assert_eq!(back.record.outcome, None);
}

#[test]
fn compaction_counts_only_when_automatic() {
    let manual = play(&[
        started(),
        ("signals.compacting", json!({"trigger": "manual"}), 2_000),
        ("chats.ended", json!({"reason": "ended"}), 5_000),
    ]);
    assert_eq!(manual.record.outcome, Some(SessionOutcome::Clean));
    let auto = play(&[
        started(),
        ("signals.compacting", json!({"trigger": "auto"}), 2_000),
        ("chats.ended", json!({"reason": "ended"}), 5_000),
    ]);
    assert_eq!(auto.record.outcome, Some(SessionOutcome::Compacted));
}

#[test]
fn errors_decide_over_interruptions_and_the_wall_over_errors() {
    let api_error = play(&[
        started(),
        (
            "signals.turn_failed",
            json!({"error": "overloaded_error"}),
            2_000,
        ),
        ("chats.gone", json!({}), 9_000),
    ]);
    assert_eq!(api_error.record.outcome, Some(SessionOutcome::ApiError));
    let recovered = play(&[
        started(),
        (
            "telemetry.api_error",
            json!({"error": "overloaded_error"}),
            2_000,
        ),
        ("telemetry.api_request", json!({"model": "m"}), 3_000),
        ("chats.ended", json!({"reason": "ended"}), 5_000),
    ]);
    assert_eq!(recovered.record.outcome, Some(SessionOutcome::Clean));
    let too_long = play(&[
        started(),
        ("signals.compacting", json!({"trigger": "auto"}), 1_500),
        (
            "signals.turn_failed",
            json!({"error": "Prompt is too long"}),
            2_000,
        ),
        ("chats.ended", json!({"reason": "ended"}), 5_000),
    ]);
    assert_eq!(too_long.record.outcome, Some(SessionOutcome::TooLong));
    assert_eq!(too_long.record.evidence.len(), 3, "every piece kept");
    let desktop = play(&[
        started(),
        (
            "chats.ended",
            json!({"reason": "ended", "detail": "conversation is too long"}),
            5_000,
        ),
    ]);
    assert_eq!(desktop.record.outcome, Some(SessionOutcome::TooLong));
}

#[test]
fn levels_record_when_and_at_how_many_calls_and_the_time_spent() {
    let session = play(&[
        started(),
        (
            "risk.level_changed",
            json!({"from": "safe", "to": "warning", "tool_calls": 7}),
            4_000,
        ),
        (
            "risk.level_changed",
            json!({"from": "warning", "to": "danger", "tool_calls": 12}),
            10_000,
        ),
        (
            "checkpoint.saved",
            json!({"tool_calls": 13, "ms": 4.0}),
            10_500,
        ),
        ("chats.gone", json!({}), 16_000),
    ]);
    let levels: Vec<(RiskLevel, u64, u64)> = session
        .record
        .levels
        .iter()
        .map(|reached| (reached.level, reached.at_ms, reached.tool_calls))
        .collect();
    assert_eq!(
        levels,
        [
            (RiskLevel::Warning, 4_000, 7),
            (RiskLevel::Danger, 10_000, 12)
        ]
    );
    assert_eq!(session.record.tool_calls, 13);
    assert_eq!(session.record.last_checkpoint_tool_calls, Some(13));
    assert_eq!(session.record.time_at_level_ms["safe"], 3_000);
    assert_eq!(session.record.time_at_level_ms["warning"], 6_000);
    assert_eq!(session.record.time_at_level_ms["danger"], 6_000);
}

#[test]
fn interrupted_sessions_are_abandoned_after_the_wait_or_a_later_clean_session() {
    let mut waiting = play(&[started(), ("chats.gone", json!({}), 2_000)]);
    assert!(to_abandon(std::slice::from_ref(&waiting), 3_000, 10_000).is_empty());
    let due = to_abandon(std::slice::from_ref(&waiting), 12_000, 10_000);
    assert_eq!(due.len(), 1);
    assert!(waiting.abandon(12_000, due[0].1.clone()));
    assert_eq!(waiting.record.outcome, Some(SessionOutcome::Abandoned));

    let interrupted = play(&[started(), ("chats.gone", json!({}), 2_000)]);
    let mut later = StoredSession::new("c2", 3_000);
    apply(
        &mut later,
        &event("chats.started", json!({"project_dir": "/p"})),
        3_000,
    );
    apply(
        &mut later,
        &event("chats.ended", json!({"reason": "ended"})),
        4_000,
    );
    let due = to_abandon(&[interrupted, later], 5_000, 10_000);
    assert_eq!(due.len(), 1);
    assert!(due[0].1.contains("c2"), "{}", due[0].1);
}

#[test]
fn a_compaction_of_unknown_cause_is_not_counted_as_forced() {
    let unknown = play(&[
        started(),
        ("signals.compacted", json!({"trigger": null}), 2_000),
        ("telemetry.compaction", json!({}), 2_500),
        ("chats.ended", json!({"reason": "ended"}), 5_000),
    ]);
    assert_eq!(unknown.record.outcome, Some(SessionOutcome::Clean));
}

#[test]
fn tool_calls_after_a_failed_turn_show_the_session_went_on() {
    let went_on = play(&[
        started(),
        ("checkpoint.saved", json!({"tool_calls": 4}), 1_500),
        (
            "signals.turn_failed",
            json!({"error": "overloaded_error"}),
            2_000,
        ),
        (
            "risk.level_changed",
            json!({"to": "warning", "tool_calls": 9}),
            3_000,
        ),
        ("chats.ended", json!({"reason": "ended"}), 5_000),
    ]);
    assert_eq!(went_on.record.outcome, Some(SessionOutcome::Clean));
    assert!(
        went_on
            .record
            .evidence
            .iter()
            .any(|line| line.contains("tool calls went on after the failed turn")),
        "{:?}",
        went_on.record.evidence
    );
    // No progress after it: the failure is how the session ended.
    let stuck = play(&[
        started(),
        ("checkpoint.saved", json!({"tool_calls": 4}), 1_500),
        (
            "signals.turn_failed",
            json!({"error": "overloaded_error"}),
            2_000,
        ),
        ("signals.session_ended", json!({"tool_calls": 4}), 4_000),
        ("chats.ended", json!({"reason": "ended"}), 5_000),
    ]);
    assert_eq!(stuck.record.outcome, Some(SessionOutcome::ApiError));
}

#[test]
fn only_the_context_walls_own_words_count_as_too_long() {
    for wall in [
        "Prompt is too long",
        "This conversation is too long to continue",
        "context_length_exceeded",
        "input exceeds the context window of this model",
    ] {
        assert!(super::is_too_long(wall), "{wall}");
    }
    for other in [
        "the request took too long",
        "overloaded_error",
        "tool output too long to show",
    ] {
        assert!(!super::is_too_long(other), "{other}");
    }
}

/// A realistic Claude Code session: started, risk rising, a checkpoint, a failed turn it recovered from, an
/// automatic compaction, requests, then its process gone and a later session taking its resume.
fn eventful() -> Vec<(&'static str, Value, u64)> {
    vec![
        started(),
        (
            "risk.level_changed",
            json!({"from": "safe", "to": "warning", "tool_calls": 7}),
            4_000,
        ),
        ("checkpoint.saved", json!({"tool_calls": 8}), 4_500),
        (
            "telemetry.api_error",
            json!({"error": "overloaded_error", "tool_calls": 8}),
            5_000,
        ),
        ("telemetry.api_request", json!({"model": "m"}), 5_500),
        ("telemetry.api_request", json!({"model": "m"}), 5_600),
        ("telemetry.api_request", json!({"model": "m"}), 5_700),
        ("signals.compacting", json!({"trigger": "auto"}), 6_000),
        (
            "risk.level_changed",
            json!({"from": "warning", "to": "danger", "tool_calls": 12}),
            8_000,
        ),
        ("chats.gone", json!({"from": "away"}), 9_000),
        ("resume.offered", json!({"reason": "crashed"}), 10_000),
        ("resume.restored", json!({"reason": "crashed"}), 11_000),
    ]
}

/// Applies `events` in the order `order` gives, to a session created by whichever event comes first.
fn play_in(events: &[(&str, Value, u64)], order: &[usize]) -> StoredSession {
    let first = &events[order[0]];
    let mut session = StoredSession::new("c1", first.2);
    for index in order {
        let (kind, data, at_ms) = &events[*index];
        apply(&mut session, &event(kind, data.clone()), *at_ms);
    }
    session
}

/// A small seeded generator (xorshift), so a failing order can be replayed.
fn shuffled(len: usize, seed: u64) -> Vec<usize> {
    let mut state = seed.max(1);
    let mut order: Vec<usize> = (0..len).collect();
    for index in (1..len).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        order.swap(index, (state % (index as u64 + 1)) as usize);
    }
    order
}

#[test]
fn any_order_of_the_same_events_gives_the_same_record() {
    let events = eventful();
    let in_order = play(&events);
    assert_eq!(in_order.record.outcome, Some(SessionOutcome::Resumed));
    assert_eq!(in_order.record.checkpoints, 1);
    assert_eq!(in_order.record.tool_calls, 12);
    for seed in 1..=2_000u64 {
        let order = shuffled(events.len(), seed);
        let session = play_in(&events, &order);
        assert_eq!(session.record, in_order.record, "seed {seed}: {order:?}");
        assert_eq!(session.state, in_order.state, "seed {seed}: {order:?}");
    }
    // Delivered twice (a NAK, a redelivery after a lost ack): kept once.
    let mut twice: Vec<usize> = (0..events.len()).collect();
    twice.extend(shuffled(events.len(), 7));
    assert_eq!(play_in(&events, &twice).record, in_order.record);
}

#[test]
fn a_late_event_is_placed_at_its_own_time() {
    // The end arrives first; the failed turn that came before it arrives last, from another node.
    let events = [
        started(),
        ("chats.ended", json!({"reason": "ended"}), 5_000),
        (
            "signals.turn_failed",
            json!({"error": "Prompt is too long"}),
            4_000,
        ),
    ];
    let session = play_in(&events, &[1, 0, 2]);
    assert_eq!(session.record.outcome, Some(SessionOutcome::TooLong));
    assert_eq!(session.record.started_at_ms, 1_000);
    assert_eq!(session.record.ended_at_ms, Some(5_000));
}

#[test]
fn a_restart_begins_a_new_session_without_the_old_evidence() {
    let events = [
        started(),
        ("signals.compacting", json!({"trigger": "auto"}), 2_000),
        (
            "telemetry.api_error",
            json!({"error": "Prompt is too long"}),
            2_500,
        ),
        ("checkpoint.saved", json!({"tool_calls": 3}), 2_600),
        ("chats.ended", json!({"reason": "ended"}), 3_000),
        (
            "chats.started",
            json!({"client": "claude-code", "project_dir": "/p"}),
            10_000,
        ),
        ("chats.ended", json!({"reason": "ended"}), 12_000),
    ];
    let session = play(&events);
    assert_eq!(session.record.outcome, Some(SessionOutcome::Clean));
    assert_eq!(session.record.started_at_ms, 10_000);
    assert_eq!(session.record.ended_at_ms, Some(12_000));
    assert_eq!(session.record.checkpoints, 0);
    assert_eq!(session.record.client.as_deref(), Some("claude-code"));
    assert!(!session.state.compacted && !session.state.too_long);
    assert!(
        session.record.evidence[0].contains("the session before ended too_long"),
        "{:?}",
        session.record.evidence
    );
    assert!(
        !session
            .record
            .evidence
            .iter()
            .any(|line| line.contains("compaction") || line.contains("too long")),
        "{:?}",
        session.record.evidence
    );
    // Started again after an interruption (its node came back): the same session going on, flags kept.
    let went_on = play(&[
        started(),
        ("signals.compacting", json!({"trigger": "auto"}), 2_000),
        ("chats.away", json!({"reason": "node stopping"}), 3_000),
        (
            "chats.started",
            json!({"client": "claude-code", "project_dir": "/p"}),
            4_000,
        ),
        ("chats.ended", json!({"reason": "ended"}), 5_000),
    ]);
    assert_eq!(went_on.record.outcome, Some(SessionOutcome::Compacted));
    assert_eq!(went_on.record.started_at_ms, 1_000);
    // Still open after the restart: no outcome yet, whatever order the events came in.
    for seed in 1..=200u64 {
        let order = shuffled(events.len() - 1, seed);
        let open = play_in(&events[..events.len() - 1], &order);
        assert_eq!(open.record.outcome, None, "seed {seed}: {order:?}");
        assert!(!open.state.too_long, "seed {seed}: {order:?}");
    }
}

#[test]
fn facts_are_bounded_and_runs_of_requests_kept_as_their_ends() {
    let mut session = play(&[started()]);
    for index in 0..100u64 {
        apply(
            &mut session,
            &event("telemetry.api_request", json!({"model": "m"})),
            2_000 + index,
        );
    }
    assert_eq!(session.facts.len(), 3, "start, first and last request");
    for index in 0..(2 * super::MAX_FACTS as u64) {
        apply(
            &mut session,
            &event("checkpoint.saved", json!({"tool_calls": index})),
            5_000 + index,
        );
    }
    assert_eq!(session.facts.len(), super::MAX_FACTS);
    assert_eq!(session.facts[0].kind, "chats.started", "kept past the cap");
}
/// Claude Code exports telemetry in batches: a request that succeeded before the turn failed can arrive after
/// the failure, and its `record_time` shows it did not recover the session; one made after it does.
#[test]
fn a_request_is_a_recovery_only_when_it_was_made_after_the_failure() {
    let at = |ms: u64| super::stamp_millis(ms);
    let late_but_earlier = play(&[
        started(),
        (
            "signals.turn_failed",
            json!({"error": "overloaded_error"}),
            2_000,
        ),
        (
            "telemetry.api_request",
            json!({"model": "m", "record_time": at(1_500)}),
            6_000,
        ),
        ("chats.ended", json!({"reason": "ended"}), 7_000),
    ]);
    assert_eq!(
        late_but_earlier.record.outcome,
        Some(SessionOutcome::ApiError)
    );
    let later = play(&[
        started(),
        (
            "telemetry.api_error",
            json!({"error": "overloaded_error", "record_time": at(1_800)}),
            6_000,
        ),
        (
            "telemetry.api_request",
            json!({"model": "m", "record_time": at(2_500)}),
            6_000,
        ),
        ("chats.ended", json!({"reason": "ended"}), 7_000),
    ]);
    assert_eq!(later.record.outcome, Some(SessionOutcome::Clean));
}

/// An API request at `at_ms` as Claude Code's telemetry reports it, costing `cost_opt` and taking `ms`.
fn request(at_ms: u64, cost_opt: Option<f64>, ms: u64) -> (&'static str, Value, u64) {
    (
        "telemetry.api_request",
        json!({"model": "m", "duration_ms": ms, "cost_usd": cost_opt, "input_tokens": at_ms}),
        at_ms,
    )
}

/// `events` in the order `seed` shuffles them, with `redelivered` of them (picked by the seed) delivered a
/// second time somewhere in the run.
fn shuffled_with_redeliveries(len: usize, redelivered: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.extend(
        shuffled(len, seed.wrapping_mul(31))
            .into_iter()
            .take(redelivered),
    );
    let mixed = shuffled(order.len(), seed);
    mixed.into_iter().map(|index| order[index]).collect()
}

#[test]
fn usage_sums_are_the_same_for_any_order_with_redeliveries_and_a_collapsed_run() {
    let mut events = vec![started()];
    let mut nanos = 0u64;
    let mut duration = 0u64;
    // A run of 120 requests (collapsed to its first and last fact), one of them without a cost.
    for index in 0..120u64 {
        let cost_opt = (index != 57).then(|| 0.0011 * (index % 7 + 1) as f64);
        if index != 57 {
            nanos += 1_100_000 * (index % 7 + 1);
        }
        duration += 900 + index;
        events.push(request(2_000 + index * 10, cost_opt, 900 + index));
    }
    for index in 0..30u64 {
        events.push((
            "routing.counted",
            json!({"routed": 1, "node": "n"}),
            1_500 + index * 40,
        ));
    }
    for index in 0..4u64 {
        events.push((
            "routing.override",
            json!({"category": "debug", "recommended": "sonnet", "chosen": "opus"}),
            1_600 + index * 300,
        ));
    }
    events.push((
        "telemetry.api_error",
        json!({"error": "overloaded_error"}),
        2_555,
    ));
    events.push(("chats.ended", json!({"reason": "ended"}), 9_000));

    let in_order = play(&events);
    let record = &in_order.record;
    assert_eq!(record.outcome, Some(SessionOutcome::Clean));
    assert_eq!(record.api_requests, 120);
    assert_eq!(record.cost_usd, Some(nanos as f64 / 1e9));
    assert!((record.cost_usd.expect("a cost") - 0.0011 * 475.0).abs() < 1e-9);
    assert_eq!(record.api_duration_ms, duration);
    assert_eq!((record.routed, record.overrides), (30, 4));
    assert!(
        in_order.facts.len() < 12,
        "the requests' facts are collapsed, so the sums cannot come from them: {}",
        in_order.facts.len()
    );
    for seed in 1..=300u64 {
        let order = shuffled_with_redeliveries(events.len(), 40, seed);
        let session = play_in(&events, &order);
        assert_eq!(session.record, in_order.record, "seed {seed}: {order:?}");
        assert_eq!(session.state, in_order.state, "seed {seed}");
    }
}

#[test]
fn a_long_session_counts_each_request_once_while_it_is_remembered() {
    let mut session = play(&[started()]);
    let total = 4 * super::usage::MAX_COUNTED as u64;
    for index in 0..total {
        let (kind, data, at_ms) = request(2_000 + index, Some(0.01), 1_000);
        apply(&mut session, &event(kind, data), at_ms);
        // Each one delivered again 100 requests later (a lost acknowledgement), while still remembered.
        if index >= 100 {
            let (kind, data, at_ms) = request(2_000 + index - 100, Some(0.01), 1_000);
            assert!(!apply(&mut session, &event(kind, data), at_ms), "{index}");
        }
    }
    assert_eq!(session.record.api_requests, total);
    assert_eq!(session.record.api_duration_ms, total * 1_000);
    assert_eq!(session.record.cost_usd, Some(total as f64 * 0.01));
    assert_eq!(session.facts.len(), 3, "start, first and last request");
    assert_eq!(session.usage.recent.len(), super::usage::MAX_COUNTED);
    // The documented limit: delivered again after more than MAX_COUNTED later events, it counts twice.
    let (kind, data, at_ms) = request(2_000, Some(0.01), 1_000);
    assert!(apply(&mut session, &event(kind, data), at_ms));
    assert_eq!(session.record.api_requests, total + 1);
}

#[test]
fn a_restart_after_a_clean_end_starts_usage_from_zero_in_any_order() {
    let events = [
        started(),
        ("routing.counted", json!({"routed": 1, "node": "n"}), 1_500),
        ("routing.override", json!({"category": "a"}), 1_600),
        request(2_000, Some(0.25), 3_000),
        request(2_500, Some(0.25), 5_000),
        ("chats.ended", json!({"reason": "ended"}), 3_000),
        (
            "chats.started",
            json!({"client": "claude-code", "project_dir": "/p"}),
            10_000,
        ),
        ("routing.counted", json!({"routed": 1, "node": "n"}), 10_500),
        request(11_000, Some(0.5), 700),
        request(11_500, None, 300),
        ("chats.ended", json!({"reason": "ended"}), 12_000),
    ];
    let session = play(&events);
    let record = &session.record;
    assert_eq!(record.started_at_ms, 10_000);
    assert_eq!(
        (
            record.api_requests,
            record.cost_usd,
            record.api_duration_ms,
            record.routed,
            record.overrides
        ),
        (2, Some(0.5), 1_000, 1, 0)
    );
    for seed in 1..=500u64 {
        let order = shuffled_with_redeliveries(events.len(), 4, seed);
        let shuffled_session = play_in(&events, &order);
        assert_eq!(shuffled_session.record, *record, "seed {seed}: {order:?}");
    }
    // Before the second session starts, the first one's usage is the record's.
    let first = play(&events[..6]);
    assert_eq!(
        (
            first.record.api_requests,
            first.record.cost_usd,
            first.record.routed,
            first.record.overrides
        ),
        (2, Some(0.5), 1, 1)
    );
    // A first session longer than what is remembered: its settled sum is left to it too.
    let mut long = play(&[started()]);
    for index in 0..2 * super::usage::MAX_COUNTED as u64 {
        let (kind, data, at_ms) = request(2_000 + index, Some(0.01), 10);
        apply(&mut long, &event(kind, data), at_ms);
    }
    for (kind, data, at_ms) in [
        ("chats.ended", json!({"reason": "ended"}), 5_000),
        ("chats.started", json!({}), 10_000),
        ("routing.counted", json!({"routed": 1, "node": "n"}), 10_500),
    ]
    .into_iter()
    .chain([request(11_000, None, 700)])
    {
        apply(&mut long, &event(kind, data), at_ms);
    }
    assert_eq!(
        (
            long.record.api_requests,
            long.record.cost_usd,
            long.record.api_duration_ms,
            long.record.routed
        ),
        (1, None, 700, 1)
    );
    // Started again after an interruption: the same session going on, its usage kept.
    let went_on = play(&[
        started(),
        request(2_000, Some(0.1), 100),
        ("chats.away", json!({"reason": "node stopping"}), 3_000),
        ("chats.started", json!({}), 4_000),
        request(4_500, Some(0.1), 100),
        ("chats.ended", json!({"reason": "ended"}), 5_000),
    ]);
    assert_eq!(went_on.record.api_requests, 2);
    assert_eq!(went_on.record.cost_usd, Some(0.2));
}

#[test]
fn requests_without_a_cost_leave_the_cost_unknown() {
    let session = play(&[
        started(),
        request(2_000, None, 1_200),
        request(3_000, None, 800),
        ("chats.ended", json!({"reason": "ended"}), 5_000),
    ]);
    assert_eq!(session.record.api_requests, 2);
    assert_eq!(session.record.cost_usd, None);
    assert_eq!(session.record.api_duration_ms, 2_000);
    // Nothing counted at all: no requests, no cost, nothing routed.
    let quiet = play(&[
        started(),
        ("chats.ended", json!({"reason": "ended"}), 5_000),
    ]);
    assert_eq!(
        (
            quiet.record.api_requests,
            quiet.record.cost_usd,
            quiet.record.routed
        ),
        (0, None, 0)
    );
}

/// The same telemetry record taken in by two nodes (the exporter sent its batch again elsewhere): its own
/// time and data are the same, so it counts once, whichever order its fields were written in.
#[test]
fn the_same_record_published_twice_counts_once() {
    let at = super::stamp_millis(1_500);
    let mut session = play(&[started()]);
    apply(
        &mut session,
        &event(
            "telemetry.api_request",
            json!({"model": "m", "cost_usd": 0.02, "duration_ms": 900, "record_time": at}),
        ),
        2_000,
    );
    apply(
        &mut session,
        &event(
            "telemetry.api_request",
            json!({"record_time": at, "duration_ms": 900, "cost_usd": 0.02, "model": "m"}),
        ),
        2_600,
    );
    assert_eq!(session.record.api_requests, 1);
    // Another request at the same moment with other numbers is another request.
    apply(
        &mut session,
        &event(
            "telemetry.api_request",
            json!({"model": "m", "cost_usd": 0.03, "duration_ms": 900, "record_time": at}),
        ),
        2_600,
    );
    assert_eq!(session.record.api_requests, 2);
    assert_eq!(session.record.cost_usd, Some(0.05));
}

/// Amounts no request or router reports (huge, negative, not numbers, a count of zero) are left out, and
/// nothing overflows: the ledger never panics on what a sender put in an event.
#[test]
fn absurd_amounts_are_left_out_of_the_usage_sums() {
    let session = play(&[
        started(),
        request(2_000, Some(0.5), 1_000),
        (
            "telemetry.api_request",
            json!({"cost_usd": 1e300, "duration_ms": 1e300, "input_tokens": 1}),
            2_100,
        ),
        (
            "telemetry.api_request",
            json!({"cost_usd": 9e18, "duration_ms": u64::MAX, "input_tokens": 2}),
            2_200,
        ),
        (
            "telemetry.api_request",
            json!({"cost_usd": -3.0, "duration_ms": "long", "input_tokens": 3}),
            2_300,
        ),
        (
            "routing.counted",
            json!({"routed": u64::MAX, "node": "n"}),
            2_400,
        ),
        ("routing.counted", json!({"routed": 0, "node": "n"}), 2_500),
        (
            "routing.counted",
            json!({"routed": "7", "node": "n"}),
            2_600,
        ),
        ("routing.counted", json!({"routed": 3, "node": "n"}), 2_700),
        ("chats.ended", json!({"reason": "ended"}), 5_000),
    ]);
    let record = &session.record;
    assert_eq!(record.api_requests, 4, "every request counts as one");
    assert_eq!(record.cost_usd, Some(0.5), "only the one real cost");
    assert_eq!(record.api_duration_ms, 1_000);
    assert_eq!(record.routed, 3, "only the router-sized count");
}
