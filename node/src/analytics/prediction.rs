//! Crash prediction measured against outcomes: a pure function from session records to
//! [`CrashPrediction`].
//!
//! - A session counts once it has an outcome (open sessions are left out); it is *bad* when the outcome is
//!   anything but `clean`.
//! - A session is *flagged* at a level when it reached that level or a higher one before its end.
//! - precision = flagged and bad / flagged; recall = flagged and bad / bad.
//! - Lead time, over the flagged bad sessions: minutes and tool calls from first reaching the level (or a
//!   higher one) to the end.
//! - Checkpoint coverage: of the interrupted sessions (interrupted, resumed, abandoned), those whose last
//!   checkpoint came within the last `n` tool calls of the end.
//!
//! Quartiles interpolate linearly between the two nearest samples (the `(n - 1) * q` rank, as in NumPy's
//! default and Excel's `PERCENTILE.INC`).

use std::collections::BTreeMap;

use shim_protocol::messages::{
    CheckpointCoverage, CrashPrediction, LevelPrediction, Quartiles, RiskLevel, SessionRecord,
};

/// The default checkpoint window, in tool calls before the end.
pub const DEFAULT_LAST_CALLS: u64 = 5;

/// Measures crash prediction over `records`; `last_calls` is the checkpoint window.
pub fn crash_prediction<'a>(
    records: impl IntoIterator<Item = &'a SessionRecord>,
    last_calls: u64,
) -> CrashPrediction {
    let ended: Vec<&SessionRecord> = records
        .into_iter()
        .filter(|record| record.outcome.is_some())
        .collect();
    let bad = ended
        .iter()
        .filter(|record| record.outcome.is_some_and(|outcome| outcome.is_bad()))
        .count() as u64;
    let mut levels = BTreeMap::new();
    for level in [RiskLevel::Warning, RiskLevel::Danger] {
        levels.insert(level.as_str().to_owned(), measure(&ended, level, bad));
    }
    let interrupted: Vec<&&SessionRecord> = ended
        .iter()
        .filter(|record| {
            record
                .outcome
                .is_some_and(|outcome| outcome.is_interruption())
        })
        .collect();
    let with_checkpoint = interrupted
        .iter()
        .filter(|record| {
            record
                .last_checkpoint_tool_calls
                .is_some_and(|at| record.tool_calls.saturating_sub(at) <= last_calls)
        })
        .count() as u64;
    CrashPrediction {
        sessions: ended.len() as u64,
        bad_outcomes: bad,
        levels,
        checkpoint_within_last_n: CheckpointCoverage {
            n: last_calls,
            interrupted: interrupted.len() as u64,
            with_checkpoint,
            share: ratio(with_checkpoint, interrupted.len() as u64),
        },
        sessions_truncated: false,
    }
}

fn measure(ended: &[&SessionRecord], level: RiskLevel, bad: u64) -> LevelPrediction {
    let mut flagged = 0;
    let mut true_positives = 0;
    let mut lead_minutes = Vec::new();
    let mut lead_calls = Vec::new();
    for record in ended {
        let end = record.ended_at_ms.unwrap_or(record.last_seen_ms);
        let Some(first) = record
            .levels
            .iter()
            .filter(|reached| reached.level >= level && reached.at_ms <= end)
            .min_by_key(|reached| reached.at_ms)
        else {
            continue;
        };
        flagged += 1;
        if record.outcome.is_some_and(|outcome| outcome.is_bad()) {
            true_positives += 1;
            lead_minutes.push(end.saturating_sub(first.at_ms) as f64 / 60_000.0);
            lead_calls.push(record.tool_calls.saturating_sub(first.tool_calls) as f64);
        }
    }
    LevelPrediction {
        flagged,
        true_positives,
        precision: ratio(true_positives, flagged),
        recall: ratio(true_positives, bad),
        lead_minutes: quartiles(lead_minutes),
        lead_tool_calls: quartiles(lead_calls),
    }
}

/// `part / whole`, `None` for a whole of zero.
pub fn ratio(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// The `q` quantile (0 to 1) of sorted samples, interpolated linearly; `None` when there are none.
pub fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let rank = q.clamp(0.0, 1.0) * last as f64;
    let below = rank.floor() as usize;
    let above = rank.ceil() as usize;
    Some(sorted[below] + (sorted[above] - sorted[below]) * (rank - below as f64))
}

/// The quartiles of a sample.
pub fn quartiles(mut samples: Vec<f64>) -> Quartiles {
    samples.sort_by(f64::total_cmp);
    Quartiles {
        p25: quantile(&samples, 0.25),
        median: quantile(&samples, 0.5),
        p75: quantile(&samples, 0.75),
    }
}

#[cfg(test)]
mod tests;
