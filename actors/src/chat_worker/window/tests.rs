use super::*;

fn window() -> (ChatWindow, RiskThresholds) {
    let thresholds = RiskThresholds::default();
    (ChatWindow::new("c", None, &thresholds, 0), thresholds)
}

#[test]
fn turn_ends_and_compactions_trigger_checkpoints() {
    let (mut window, thresholds) = window();
    assert_eq!(
        window.apply(SignalEvent::UserPrompt, 1_000, &thresholds, true),
        None
    );
    assert_eq!(
        window.apply(
            SignalEvent::TurnEnded { latency_ms: None },
            3_500,
            &thresholds,
            true,
        ),
        Some(CheckpointTrigger::Stop)
    );
    assert_eq!(
        window.snapshot(4_000, &thresholds).last_latency_ms,
        Some(2_500),
        "prompt to stop"
    );
    assert_eq!(
        window.apply(SignalEvent::PreCompact, 5_000, &thresholds, true),
        Some(CheckpointTrigger::PreCompact)
    );
    assert_eq!(
        window.apply(SignalEvent::PostCompact, 6_000, &thresholds, true),
        None
    );
    assert_eq!(window.snapshot(6_000, &thresholds).compactions, 1);
    assert_eq!(window.record.last_activity, LastActivity::Compaction);
}

#[test]
fn the_interval_checkpoint_needs_activity_and_ten_minutes() {
    let (mut window, thresholds) = window();
    let every = 10 * 60_000;
    assert!(
        !window.interval_checkpoint_due(every + 1, every),
        "no activity yet"
    );
    window.apply(SignalEvent::UserPrompt, 60_000, &thresholds, true);
    assert!(
        !window.interval_checkpoint_due(every - 1, every),
        "not ten minutes yet"
    );
    assert!(window.interval_checkpoint_due(every, every));
    assert!(
        !window.interval_checkpoint_due(every + 1_000, every),
        "once per interval"
    );
    window.checkpoint_taken(every + 2_000);
    assert!(
        !window.interval_checkpoint_due(3 * every, every),
        "no activity since the checkpoint"
    );
    window.apply(SignalEvent::UserPrompt, 3 * every, &thresholds, true);
    assert!(window.interval_checkpoint_due(3 * every + 2_000, every));
}

#[test]
fn a_checkpoint_resets_the_calls_since_checkpoint() {
    let (mut window, thresholds) = window();
    for at in 0..7 {
        window.apply(
            SignalEvent::ToolCall {
                tool: "Edit".to_owned(),
                ok: at != 3,
                duration_ms: None,
                arguments: None,
                result: None,
            },
            at,
            &thresholds,
            true,
        );
    }
    let snapshot = window.snapshot(10, &thresholds);
    assert_eq!(
        (
            snapshot.tool_calls,
            snapshot.tool_failures,
            snapshot.tool_calls_since_checkpoint
        ),
        (7, 1, 7)
    );
    assert!((snapshot.recent_failure_rate - 1.0 / 7.0).abs() < 1e-9);
    window.checkpoint_taken(11);
    assert_eq!(
        window.snapshot(12, &thresholds).tool_calls_since_checkpoint,
        0
    );
    assert_eq!(window.recent_tools().len(), 7);
}

#[test]
fn shims_own_tool_calls_count_for_failures_not_for_checkpoints() {
    let (mut window, thresholds) = window();
    let call = |ok| SignalEvent::ToolCall {
        tool: "shim_status".to_owned(),
        ok,
        duration_ms: None,
        arguments: None,
        result: None,
    };
    for at in 0..10 {
        assert_eq!(
            window.apply(call(at != 0), at, &thresholds, false),
            None,
            "no trigger from SHIM's own calls"
        );
    }
    let snapshot = window.snapshot(20, &thresholds);
    assert_eq!(
        (
            snapshot.tool_calls,
            snapshot.tool_failures,
            snapshot.tool_calls_since_checkpoint
        ),
        (10, 1, 0)
    );
}

#[test]
fn reported_counts_stand_in_where_nothing_was_observed() {
    let (mut window, thresholds) = window();
    window.apply(
        SignalEvent::Reported {
            message_count: Some(40),
            tokens_used: Some(130_000),
            context_window: None,
            tool_calls: Some(20),
            tool_failures: Some(5),
            last_latency_ms: Some(900),
        },
        5,
        &thresholds,
        true,
    );
    let snapshot = window.snapshot(10, &thresholds);
    assert_eq!(snapshot.message_count, 40);
    assert_eq!(snapshot.context_ratio, Some(0.65));
    assert!((snapshot.recent_failure_rate - 0.25).abs() < 1e-9);
    assert_eq!(snapshot.last_latency_ms, Some(900));
}

#[test]
fn telemetry_requests_set_latency_context_and_cost_and_errors_are_counted() {
    let (mut window, thresholds) = window();
    let request = |duration_ms, input_tokens, cost_usd| SignalEvent::ApiRequest {
        model: Some("claude-sonnet-4-5".to_owned()),
        duration_ms: Some(duration_ms),
        input_tokens: Some(input_tokens),
        output_tokens: Some(1_000),
        cache_read_tokens: Some(80_000),
        cache_creation_tokens: None,
        cost_usd: Some(cost_usd),
    };
    for (at, event) in [
        (1, request(700, 2_000, 0.25)),
        (2, request(900, 19_000, 0.5)),
    ] {
        assert_eq!(
            window.apply(event, at, &thresholds, true),
            None,
            "no checkpoint"
        );
    }
    window.apply(
        SignalEvent::ApiError {
            model: None,
            error: Some("overloaded".to_owned()),
            status_code: Some(529),
            attempt: Some(1),
        },
        3,
        &thresholds,
        true,
    );
    let snapshot = window.snapshot(4, &thresholds);
    assert_eq!(snapshot.last_latency_ms, Some(900));
    assert_eq!(snapshot.tokens_used, Some(19_000 + 80_000 + 1_000));
    assert_eq!(
        snapshot.context_ratio,
        Some(0.5),
        "of the default 200,000-token window"
    );
    assert_eq!(snapshot.output_tokens, Some(2_000));
    assert_eq!(snapshot.cost_usd, Some(0.75));
    assert_eq!(snapshot.model.as_deref(), Some("claude-sonnet-4-5"));
    assert_eq!((snapshot.api_requests, snapshot.api_errors), (2, 1));
    assert_eq!(
        snapshot.api_failures, 0,
        "a failed attempt is not a failed turn"
    );
}
