use shim_protocol::messages::{RiskLevel, SignalSnapshot};

use super::*;

fn calm() -> SignalSnapshot {
    SignalSnapshot {
        message_count: 3,
        context_window: 200_000,
        baseline_latency_ms: 500,
        session_minutes: 5.0,
        ..SignalSnapshot::default()
    }
}

fn level_of(signals: &SignalSnapshot) -> RiskLevel {
    assess(signals, &RiskThresholds::default()).level
}

/// Each signal on its own: just under warning adds nothing, at warning adds one warning (a lone
/// warning is still safe), at danger adds one danger (a lone danger is a warning).
#[test]
fn each_threshold_counts_at_its_boundary() {
    type Setter = fn(&mut SignalSnapshot, f64);
    let cases: [(&str, Setter, f64, f64, f64); 5] = [
        (
            "messages",
            |s, v| s.message_count = v as u64,
            34.0,
            35.0,
            50.0,
        ),
        (
            "failure rate",
            |s, v| {
                s.tool_calls = 50;
                s.recent_failure_rate = v
            },
            0.14,
            0.15,
            0.20,
        ),
        (
            "session minutes",
            |s, v| s.session_minutes = v,
            59.9,
            60.0,
            90.0,
        ),
        (
            "calls since checkpoint",
            |s, v| s.tool_calls_since_checkpoint = v as u64,
            9.0,
            10.0,
            15.0,
        ),
        (
            "context",
            |s, v| s.context_ratio = Some(v),
            0.59,
            0.60,
            0.74,
        ),
    ];
    for (name, set, below, warning, danger) in cases {
        let mut signals = calm();
        set(&mut signals, below);
        let assessment = assess(&signals, &RiskThresholds::default());
        assert!(
            assessment.reasons.is_empty(),
            "{name} below warning: {:?}",
            assessment.reasons
        );
        assert_eq!(assessment.level, RiskLevel::Safe, "{name} below");

        set(&mut signals, warning);
        let assessment = assess(&signals, &RiskThresholds::default());
        assert_eq!(
            assessment.reasons.len(),
            1,
            "{name} at warning: {:?}",
            assessment.reasons
        );
        assert!(
            assessment.reasons[0].contains("warning at"),
            "{name}: {:?}",
            assessment.reasons
        );
        assert_eq!(
            assessment.level,
            RiskLevel::Safe,
            "{name}: one warning alone is safe"
        );

        if name != "context" {
            set(&mut signals, danger);
            let assessment = assess(&signals, &RiskThresholds::default());
            assert!(
                assessment.reasons[0].contains("danger at"),
                "{name}: {:?}",
                assessment.reasons
            );
            assert_eq!(
                assessment.level,
                RiskLevel::Warning,
                "{name}: one danger signal is a warning"
            );
        }
    }
}

#[test]
fn latency_over_the_chats_own_baseline_is_a_warning() {
    let mut signals = calm();
    signals.last_latency_ms = Some(1_249);
    assert!(
        assess(&signals, &RiskThresholds::default())
            .reasons
            .is_empty()
    );
    signals.last_latency_ms = Some(1_250);
    assert_eq!(
        assess(&signals, &RiskThresholds::default()).reasons.len(),
        1
    );
    // A slow chat's baseline moves the threshold.
    signals.baseline_latency_ms = 2_000;
    signals.last_latency_ms = Some(4_000);
    assert!(
        assess(&signals, &RiskThresholds::default())
            .reasons
            .is_empty()
    );
}

#[test]
fn context_at_the_danger_threshold_is_danger_on_its_own() {
    let mut signals = calm();
    signals.context_ratio = Some(0.75);
    let assessment = assess(&signals, &RiskThresholds::default());
    assert_eq!(assessment.level, RiskLevel::Danger);
    assert!(assessment.score >= 2.0 / 3.0);
    assert!(
        assessment.reasons[0].contains("context 75%"),
        "{:?}",
        assessment.reasons
    );
}

#[test]
fn three_warnings_make_a_warning_and_two_dangers_make_danger() {
    let mut signals = calm();
    signals.message_count = 36;
    signals.session_minutes = 61.0;
    assert_eq!(level_of(&signals), RiskLevel::Safe, "two warnings");
    signals.tool_calls_since_checkpoint = 11;
    assert_eq!(level_of(&signals), RiskLevel::Warning, "three warnings");

    let mut signals = calm();
    signals.message_count = 51;
    assert_eq!(level_of(&signals), RiskLevel::Warning, "one danger");
    signals.session_minutes = 95.0;
    assert_eq!(level_of(&signals), RiskLevel::Danger, "two dangers");
}

#[test]
fn a_handful_of_tool_calls_does_not_make_a_failure_rate() {
    let mut signals = calm();
    signals.tool_calls = 4;
    signals.recent_failure_rate = 0.5;
    assert!(
        assess(&signals, &RiskThresholds::default())
            .reasons
            .is_empty()
    );
    signals.tool_calls = 5;
    assert_eq!(
        assess(&signals, &RiskThresholds::default()).reasons.len(),
        1
    );
}

#[test]
fn scores_stay_in_their_levels_third_and_grow_with_severity() {
    let safe = assess(&calm(), &RiskThresholds::default());
    assert!(safe.score < 1.0 / 3.0);
    let mut signals = calm();
    signals.message_count = 52;
    let warning = assess(&signals, &RiskThresholds::default());
    assert!(
        (1.0 / 3.0..2.0 / 3.0).contains(&warning.score),
        "{}",
        warning.score
    );
    signals.context_ratio = Some(0.80);
    let danger = assess(&signals, &RiskThresholds::default());
    assert!(danger.score >= 2.0 / 3.0 && danger.score <= 1.0);
    signals.context_ratio = Some(0.95);
    assert!(assess(&signals, &RiskThresholds::default()).score > danger.score);
}

#[test]
fn thresholds_are_configurable() {
    let thresholds = RiskThresholds {
        messages_warning: 5,
        messages_danger: 8,
        ..RiskThresholds::default()
    };
    let mut signals = calm();
    signals.message_count = 9;
    assert_eq!(assess(&signals, &thresholds).level, RiskLevel::Warning);
    assert_eq!(
        assess(&signals, &RiskThresholds::default()).level,
        RiskLevel::Safe
    );
}
