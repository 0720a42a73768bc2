//! The crash-risk model: thresholds, and the rule that turns signals into a level, a score and reasons.

use serde::{Deserialize, Serialize};
use shim_protocol::messages::{RiskLevel, SignalSnapshot};

/// Every threshold of the risk model and of automatic checkpoints. Persisted and versioned in the
/// parameter store; a later issue tunes them automatically.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RiskThresholds {
    /// A chat's latency baseline before it has its own. Default 500 ms.
    pub baseline_latency_ms: u64,
    /// Latency above this multiple of the chat's baseline is a warning. Default 2.5.
    pub latency_factor: f64,
    /// Messages for a warning. Default 35.
    pub messages_warning: u64,
    /// Messages for danger. Default 50.
    pub messages_danger: u64,
    /// Context use (0..1) for a warning. Default 0.60.
    pub context_warning: f64,
    /// Context use (0..1) for danger; at or above it the level is danger. Default 0.75.
    pub context_danger: f64,
    /// Context window when no source gives one. Default 200,000 tokens.
    pub context_window: u64,
    /// Tool calls the failure rate is taken over. Default 50.
    pub failure_window: usize,
    /// Fewest calls in the window before the rate counts. Default 5.
    pub failure_min_calls: usize,
    /// Failure rate (0..1) for a warning. Default 0.15.
    pub failure_rate_warning: f64,
    /// Failure rate (0..1) for danger. Default 0.20.
    pub failure_rate_danger: f64,
    /// Session minutes for a warning. Default 60.
    pub session_minutes_warning: f64,
    /// Session minutes for danger. Default 90.
    pub session_minutes_danger: f64,
    /// Tool calls since the last checkpoint for a warning. Default 10.
    pub calls_since_checkpoint_warning: u64,
    /// Tool calls since the last checkpoint for danger. Default 15.
    pub calls_since_checkpoint_danger: u64,
    /// Automatic checkpoint every this many tool calls. Default 5.
    pub checkpoint_every_calls: u64,
    /// Automatic checkpoint after this many minutes of activity. Default 10.
    pub checkpoint_every_minutes: u64,
}

impl Default for RiskThresholds {
    fn default() -> Self {
        RiskThresholds {
            baseline_latency_ms: 500,
            latency_factor: 2.5,
            messages_warning: 35,
            messages_danger: 50,
            context_warning: 0.60,
            context_danger: 0.75,
            context_window: 200_000,
            failure_window: 50,
            failure_min_calls: 5,
            failure_rate_warning: 0.15,
            failure_rate_danger: 0.20,
            session_minutes_warning: 60.0,
            session_minutes_danger: 90.0,
            calls_since_checkpoint_warning: 10,
            calls_since_checkpoint_danger: 15,
            checkpoint_every_calls: 5,
            checkpoint_every_minutes: 10,
        }
    }
}

/// The assessment of one snapshot.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// The level.
    pub level: RiskLevel,
    /// Score in 0..1: safe below 1/3, warning below 2/3, danger above.
    pub score: f64,
    /// One line per signal at or over its warning threshold.
    pub reasons: Vec<String>,
}

/// How far one signal is along: 0 at zero, 1 at its warning threshold, 2 at its danger threshold, more
/// beyond (capped at 3).
fn severity(value: f64, warning: f64, danger: f64) -> f64 {
    let severity = if value < warning {
        value / warning.max(f64::EPSILON)
    } else if value < danger {
        1.0 + (value - warning) / (danger - warning).max(f64::EPSILON)
    } else {
        2.0 + (value - danger) / danger.max(f64::EPSILON)
    };
    severity.clamp(0.0, 3.0)
}

/// Applies the level rule: any danger signal, or three warnings, is at least `warning`; two danger
/// signals, or context use at or over its danger threshold, is `danger`.
pub fn assess(signals: &SignalSnapshot, thresholds: &RiskThresholds) -> Assessment {
    let mut warnings = 0usize;
    let mut dangers = 0usize;
    let mut reasons = Vec::new();
    let mut worst: f64 = 0.0;
    let mut judge = |name: String, value: f64, warning: f64, danger_opt: Option<f64>| {
        let danger = danger_opt.unwrap_or(f64::INFINITY);
        let level_severity = severity(value, warning, danger_opt.unwrap_or(warning * 2.0));
        worst = worst.max(level_severity);
        if value >= danger {
            dangers += 1;
            reasons.push(format!("{name} (danger at {})", fmt_threshold(danger)));
        } else if value >= warning {
            warnings += 1;
            let at = match danger_opt {
                Some(danger) => format!(
                    "warning at {}, danger at {}",
                    fmt_threshold(warning),
                    fmt_threshold(danger)
                ),
                None => format!("warning at {}", fmt_threshold(warning)),
            };
            reasons.push(format!("{name} ({at})"));
        }
    };

    if let Some(latency) = signals.last_latency_ms {
        let limit = signals.baseline_latency_ms as f64 * thresholds.latency_factor;
        judge(
            format!(
                "response latency {latency} ms, {:.1}x the chat's baseline",
                latency as f64 / signals.baseline_latency_ms.max(1) as f64
            ),
            latency as f64,
            limit,
            None,
        );
    }
    judge(
        format!("{} messages", signals.message_count),
        signals.message_count as f64,
        thresholds.messages_warning as f64,
        Some(thresholds.messages_danger as f64),
    );
    let context_in_danger = signals
        .context_ratio
        .is_some_and(|ratio| ratio >= thresholds.context_danger);
    if let Some(ratio) = signals.context_ratio {
        judge(
            format!(
                "context {:.0}% of a {}k window",
                ratio * 100.0,
                signals.context_window / 1000
            ),
            ratio,
            thresholds.context_warning,
            Some(thresholds.context_danger),
        );
    }
    if signals.tool_calls.min(thresholds.failure_window as u64)
        >= thresholds.failure_min_calls as u64
    {
        judge(
            format!(
                "tool failure rate {:.0}% over the last calls",
                signals.recent_failure_rate * 100.0
            ),
            signals.recent_failure_rate,
            thresholds.failure_rate_warning,
            Some(thresholds.failure_rate_danger),
        );
    }
    judge(
        format!("session running {:.0} min", signals.session_minutes),
        signals.session_minutes,
        thresholds.session_minutes_warning,
        Some(thresholds.session_minutes_danger),
    );
    judge(
        format!(
            "{} tool calls since the last checkpoint",
            signals.tool_calls_since_checkpoint
        ),
        signals.tool_calls_since_checkpoint as f64,
        thresholds.calls_since_checkpoint_warning as f64,
        Some(thresholds.calls_since_checkpoint_danger as f64),
    );

    let level = if dangers >= 2 || context_in_danger {
        RiskLevel::Danger
    } else if dangers >= 1 || warnings >= 3 {
        RiskLevel::Warning
    } else {
        RiskLevel::Safe
    };
    // Within its level's third of 0..1, the score grows with the worst signal's severity.
    let (base, within) = match level {
        RiskLevel::Safe => (0.0, (worst / 2.0).min(1.0)),
        RiskLevel::Warning => (1.0 / 3.0, ((worst - 1.0) / 2.0).clamp(0.0, 1.0)),
        RiskLevel::Danger => (2.0 / 3.0, ((worst - 2.0) / 1.0).clamp(0.0, 1.0)),
    };
    let score = (base + within / 3.0).clamp(0.0, 1.0);
    Assessment {
        level,
        score,
        reasons,
    }
}

fn fmt_threshold(value: f64) -> String {
    if value < 1.0 && value > 0.0 {
        format!("{:.0}%", value * 100.0)
    } else {
        format!("{value:.0}")
    }
}

#[cfg(test)]
mod tests;
