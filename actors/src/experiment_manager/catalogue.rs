//! What the loop may change and what it measures: every parameter of the parameter store with its built-in
//! default, its allowed range and its kind of change (which decides its approval class), and every outcome
//! metric with its kind and good direction. One list each; docs/kaizen.md prints them.

use shim_protocol::messages::{Better, MetricKind, MetricSpec};

use crate::signals::risk::RiskThresholds;

/// A kind of change: the unit of the approval classes (`[kaizen.approval]` in the config).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// When automatic checkpoints are taken.
    Checkpoint,
    /// The crash-risk thresholds.
    Risk,
}

impl ChangeKind {
    /// Its name in the config and in output.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Checkpoint => "checkpoint",
            ChangeKind::Risk => "risk",
        }
    }
}

/// One parameter the loop may change.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParameterSpec {
    /// Its name, `<kind>.<field>`.
    pub name: &'static str,
    /// Its kind of change.
    pub kind: ChangeKind,
    /// The range it may take unless the config narrows it.
    pub bounds: [f64; 2],
    /// True when only whole numbers make sense.
    pub integer: bool,
    /// The metric an experiment on it is judged by.
    pub primary: &'static str,
    /// What it does.
    pub help: &'static str,
}

/// Every parameter the loop may change.
pub const PARAMETERS: [ParameterSpec; 6] = [
    ParameterSpec {
        name: "checkpoint.every_calls",
        kind: ChangeKind::Checkpoint,
        bounds: [2.0, 20.0],
        integer: true,
        primary: "calls_lost",
        help: "an automatic checkpoint every this many tool calls",
    },
    ParameterSpec {
        name: "checkpoint.every_minutes",
        kind: ChangeKind::Checkpoint,
        bounds: [2.0, 60.0],
        integer: true,
        primary: "calls_lost",
        help: "an automatic checkpoint after this many minutes of activity",
    },
    ParameterSpec {
        name: "risk.calls_since_checkpoint_warning",
        kind: ChangeKind::Risk,
        bounds: [3.0, 30.0],
        integer: true,
        primary: "calls_lost",
        help: "tool calls since the last checkpoint that make a warning",
    },
    ParameterSpec {
        name: "risk.messages_warning",
        kind: ChangeKind::Risk,
        bounds: [10.0, 100.0],
        integer: true,
        primary: "calls_lost",
        help: "messages that make a warning",
    },
    ParameterSpec {
        name: "risk.context_warning",
        kind: ChangeKind::Risk,
        bounds: [0.4, 0.8],
        integer: false,
        primary: "calls_lost",
        help: "share of the context window in use that makes a warning",
    },
    ParameterSpec {
        name: "risk.context_danger",
        kind: ChangeKind::Risk,
        bounds: [0.5, 0.9],
        integer: false,
        primary: "calls_lost",
        help: "share of the context window in use that makes danger",
    },
];

/// The parameter named `name`.
pub fn parameter(name: &str) -> Option<&'static ParameterSpec> {
    PARAMETERS.iter().find(|spec| spec.name == name)
}

/// The value of parameter `name` in `thresholds`.
pub fn read(thresholds: &RiskThresholds, name: &str) -> Option<f64> {
    Some(match name {
        "checkpoint.every_calls" => thresholds.checkpoint_every_calls as f64,
        "checkpoint.every_minutes" => thresholds.checkpoint_every_minutes as f64,
        "risk.calls_since_checkpoint_warning" => thresholds.calls_since_checkpoint_warning as f64,
        "risk.messages_warning" => thresholds.messages_warning as f64,
        "risk.context_warning" => thresholds.context_warning,
        "risk.context_danger" => thresholds.context_danger,
        _ => return None,
    })
}

/// Sets parameter `name` in `thresholds`; false when no such parameter exists or the value is not finite
/// and positive. Whole-number parameters are rounded.
pub fn write(thresholds: &mut RiskThresholds, name: &str, value: f64) -> bool {
    if !value.is_finite() || value <= 0.0 {
        return false;
    }
    let whole = value.round() as u64;
    match name {
        "checkpoint.every_calls" => thresholds.checkpoint_every_calls = whole,
        "checkpoint.every_minutes" => thresholds.checkpoint_every_minutes = whole,
        "risk.calls_since_checkpoint_warning" => thresholds.calls_since_checkpoint_warning = whole,
        "risk.messages_warning" => thresholds.messages_warning = whole,
        "risk.context_warning" => thresholds.context_warning = value,
        "risk.context_danger" => thresholds.context_danger = value,
        _ => return false,
    }
    true
}

/// Checks that each warning threshold stays below its danger threshold: the error names the pair.
pub fn check_order(thresholds: &RiskThresholds) -> Result<(), String> {
    let pairs = [
        (
            "risk.context_warning",
            thresholds.context_warning,
            "risk.context_danger",
            thresholds.context_danger,
        ),
        (
            "risk.messages_warning",
            thresholds.messages_warning as f64,
            "messages_danger",
            thresholds.messages_danger as f64,
        ),
        (
            "risk.calls_since_checkpoint_warning",
            thresholds.calls_since_checkpoint_warning as f64,
            "calls_since_checkpoint_danger",
            thresholds.calls_since_checkpoint_danger as f64,
        ),
    ];
    for (warning, warning_value, danger, danger_value) in pairs {
        if warning_value >= danger_value {
            return Err(format!(
                "{warning} = {warning_value} would not be below {danger} = {danger_value}"
            ));
        }
    }
    Ok(())
}

/// The built-in default of parameter `name`.
pub fn default_value(name: &str) -> Option<f64> {
    read(&RiskThresholds::default(), name)
}

/// One outcome metric.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MetricDef {
    /// Its name.
    pub name: &'static str,
    /// Mean or rate.
    pub kind: MetricKind,
    /// The good direction.
    pub better: Better,
    /// What it is, per session.
    pub help: &'static str,
}

impl MetricDef {
    /// As carried in an experiment.
    pub fn spec(&self) -> MetricSpec {
        MetricSpec {
            name: self.name.to_owned(),
            kind: self.kind,
            better: self.better,
        }
    }
}

/// Every outcome metric an experiment can be judged by.
pub const METRICS: [MetricDef; 7] = [
    MetricDef {
        name: "calls_lost",
        kind: MetricKind::Mean,
        better: Better::Lower,
        help: "tool calls made since the last checkpoint when the session was interrupted; 0 for one that was not",
    },
    MetricDef {
        name: "interrupted",
        kind: MetricKind::Proportion,
        better: Better::Lower,
        help: "1 when the session was interrupted (its process gone without an end), else 0",
    },
    MetricDef {
        name: "resumed",
        kind: MetricKind::Proportion,
        better: Better::Higher,
        help: "for an interrupted session, 1 when a later session took its resume",
    },
    MetricDef {
        name: "checkpoints",
        kind: MetricKind::Mean,
        better: Better::Lower,
        help: "checkpoints saved in the session",
    },
    MetricDef {
        name: "cost_usd",
        kind: MetricKind::Mean,
        better: Better::Lower,
        help: "what the session's API requests cost, US dollars (from Claude Code's telemetry)",
    },
    MetricDef {
        name: "latency_ms",
        kind: MetricKind::Mean,
        better: Better::Lower,
        help: "mean API request duration in the session, milliseconds (from Claude Code's telemetry)",
    },
    MetricDef {
        name: "override_rate",
        kind: MetricKind::Mean,
        better: Better::Lower,
        help: "of the session's prompts the model router decided, the share whose decision the user overrode",
    },
];

/// The metric named `name`.
pub fn metric(name: &str) -> Option<&'static MetricDef> {
    METRICS.iter().find(|def| def.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_parameter_reads_and_writes_its_own_field_and_its_default_is_in_bounds() {
        for spec in PARAMETERS {
            let default = default_value(spec.name).expect("has a default");
            assert!(
                (spec.bounds[0]..=spec.bounds[1]).contains(&default),
                "{} default {default} outside {:?}",
                spec.name,
                spec.bounds
            );
            let mut thresholds = RiskThresholds::default();
            let other = if spec.integer {
                default + 1.0
            } else {
                default + 0.05
            };
            assert!(write(&mut thresholds, spec.name, other));
            assert_eq!(read(&thresholds, spec.name), Some(other), "{}", spec.name);
            let changed = PARAMETERS
                .iter()
                .filter(|each| read(&thresholds, each.name) != default_value(each.name))
                .count();
            assert_eq!(changed, 1, "{} wrote another field", spec.name);
            assert!(metric(spec.primary).is_some(), "{} primary", spec.name);
        }
        assert!(!write(&mut RiskThresholds::default(), "nope", 1.0));
        assert!(!write(
            &mut RiskThresholds::default(),
            "checkpoint.every_calls",
            f64::NAN
        ));
    }
}
