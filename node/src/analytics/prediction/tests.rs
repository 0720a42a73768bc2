//! A labelled synthetic history whose answers are worked out by hand below, not by the code under test.

use shim_protocol::messages::{LevelReached, RiskLevel, SessionOutcome, SessionRecord};

use super::{crash_prediction, quantile};
use crate::analytics::outcome::StoredSession;

const MINUTE: u64 = 60_000;

/// A session ended at `end` minutes with `calls` tool calls, levels `(level, minute, calls)`, the last
/// checkpoint at `checkpoint` tool calls.
fn session(
    id: &str,
    outcome_opt: Option<SessionOutcome>,
    end: u64,
    calls: u64,
    levels: &[(RiskLevel, u64, u64)],
    checkpoint_opt: Option<u64>,
) -> SessionRecord {
    let mut record = StoredSession::new(id, 0).record;
    record.outcome = outcome_opt;
    record.ended_at_ms = outcome_opt.map(|_| end * MINUTE);
    record.last_seen_ms = end * MINUTE;
    record.tool_calls = calls;
    record.levels = levels
        .iter()
        .map(|(level, minute, calls)| LevelReached {
            level: *level,
            at_ms: minute * MINUTE,
            tool_calls: *calls,
        })
        .collect();
    record.last_checkpoint_tool_calls = checkpoint_opt;
    record
}

fn history() -> Vec<SessionRecord> {
    use RiskLevel::{Danger, Warning};
    use SessionOutcome::*;
    vec![
        // Clean; its warning came 5 minutes after the end, so it is not flagged.
        session("s1", Some(Clean), 30, 10, &[(Warning, 35, 11)], None),
        // Clean but warned: a false positive of warning.
        session("s2", Some(Clean), 40, 20, &[(Warning, 10, 5)], None),
        // Interrupted after warning (minute 5, 4 calls) and danger (minute 20, 30 calls); checkpoint 3 calls
        // before its end.
        session(
            "s3",
            Some(Interrupted),
            25,
            40,
            &[(Warning, 5, 4), (Danger, 20, 30)],
            Some(37),
        ),
        // Abandoned after a warning at minute 50 (10 calls); its checkpoint is 6 calls before the end.
        session(
            "s4",
            Some(Abandoned),
            60,
            16,
            &[(Warning, 50, 10)],
            Some(10),
        ),
        // Too long with no warning at all: missed by both levels.
        session("s5", Some(TooLong), 15, 8, &[], None),
        // Resumed; went straight to danger at minute 30 (12 calls), checkpoint at its last call.
        session("s6", Some(Resumed), 32, 14, &[(Danger, 30, 12)], Some(14)),
        // Clean after danger at minute 10: a false positive of both levels.
        session("s7", Some(Clean), 70, 50, &[(Danger, 10, 3)], None),
        // Still open: left out.
        session("s8", None, 90, 5, &[(Warning, 5, 1)], None),
    ]
}

fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.expect("a number");
    assert!((actual - expected).abs() < 1e-9, "{actual} != {expected}");
}

#[test]
fn the_synthetic_history_gives_the_answers_worked_out_by_hand() {
    let prediction = crash_prediction(&history(), 5);
    // Ended: s1..s7; bad: s3, s4, s5, s6.
    assert_eq!((prediction.sessions, prediction.bad_outcomes), (7, 4));

    let warning = &prediction.levels["warning"];
    // Flagged: s2, s3, s4, s6 (danger counts as warning or higher), s7; true positives s3, s4, s6.
    assert_eq!((warning.flagged, warning.true_positives), (5, 3));
    close(warning.precision, 0.6);
    close(warning.recall, 0.75);
    // Lead minutes 20 (s3), 10 (s4), 2 (s6): sorted [2, 10, 20].
    close(warning.lead_minutes.p25, 6.0);
    close(warning.lead_minutes.median, 10.0);
    close(warning.lead_minutes.p75, 15.0);
    // Lead calls 36 (s3), 6 (s4), 2 (s6): sorted [2, 6, 36].
    close(warning.lead_tool_calls.p25, 4.0);
    close(warning.lead_tool_calls.median, 6.0);
    close(warning.lead_tool_calls.p75, 21.0);

    let danger = &prediction.levels["danger"];
    // Flagged s3, s6, s7; true positives s3, s6.
    assert_eq!((danger.flagged, danger.true_positives), (3, 2));
    close(danger.precision, 2.0 / 3.0);
    close(danger.recall, 0.5);
    // Lead minutes 5 (s3), 2 (s6); calls 10 (s3), 2 (s6).
    close(danger.lead_minutes.p25, 2.75);
    close(danger.lead_minutes.median, 3.5);
    close(danger.lead_minutes.p75, 4.25);
    close(danger.lead_tool_calls.p25, 4.0);
    close(danger.lead_tool_calls.median, 6.0);
    close(danger.lead_tool_calls.p75, 8.0);

    // Interrupted family: s3 (3 calls from the end), s4 (6), s6 (0): two within 5.
    let coverage = &prediction.checkpoint_within_last_n;
    assert_eq!(
        (coverage.n, coverage.interrupted, coverage.with_checkpoint),
        (5, 3, 2)
    );
    close(coverage.share, 2.0 / 3.0);
    // A window of 6 calls takes s4 in too.
    assert_eq!(
        crash_prediction(&history(), 6)
            .checkpoint_within_last_n
            .with_checkpoint,
        3
    );
}

#[test]
fn no_sessions_give_no_numbers_rather_than_zeros() {
    let prediction = crash_prediction(&[], 5);
    assert_eq!(prediction.sessions, 0);
    let warning = &prediction.levels["warning"];
    assert_eq!(warning.precision, None);
    assert_eq!(warning.recall, None);
    assert_eq!(warning.lead_minutes.median, None);
    assert_eq!(prediction.checkpoint_within_last_n.share, None);
}

#[test]
fn quantiles_interpolate_between_neighbours() {
    assert_eq!(quantile(&[], 0.5), None);
    assert_eq!(quantile(&[7.0], 0.95), Some(7.0));
    assert_eq!(quantile(&[1.0, 2.0, 3.0, 4.0], 0.5), Some(2.5));
    assert_eq!(quantile(&[0.0, 10.0], 0.95), Some(9.5));
}
