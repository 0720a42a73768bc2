//! What the loop may change and what it measures: every parameter of the parameter store with its built-in
//! default, its allowed range and its kind of change (which decides its approval class), and every outcome
//! metric with its kind and good direction. One list each; docs/kaizen.md prints them.
//!
//! Checkpoint and risk parameters are fields of the node's [`RiskThresholds`]; the routing leans are not
//! set on a node (0: no lean) and reach the model router as a chat's values ([`routing_lean`]).

use std::collections::BTreeMap;

use shim_protocol::messages::{Better, MetricKind, MetricSpec};

use crate::signals::risk::RiskThresholds;

/// A kind of change: the unit of the approval classes (`[kaizen.approval]` in the config).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// When automatic checkpoints are taken.
    Checkpoint,
    /// The crash-risk thresholds.
    Risk,
    /// How the model router leans between tiers: it changes what is spent.
    Routing,
}

impl ChangeKind {
    /// Its name in the config and in output.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Checkpoint => "checkpoint",
            ChangeKind::Risk => "risk",
            ChangeKind::Routing => "routing",
        }
    }

    /// Every kind of change.
    pub const ALL: [ChangeKind; 3] = [
        ChangeKind::Checkpoint,
        ChangeKind::Risk,
        ChangeKind::Routing,
    ];
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
pub const PARAMETERS: [ParameterSpec; 16] = [
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
    lean(
        ROUTING_LEAN,
        "leans every routing decision up (positive) or down (negative), in calibrated logits per tier step",
    ),
    lean("routing.lean.design", "the same, for design prompts only"),
    lean("routing.lean.review", "the same, for review prompts only"),
    lean("routing.lean.debug", "the same, for debugging prompts only"),
    lean(
        "routing.lean.test",
        "the same, for test-writing prompts only",
    ),
    lean(
        "routing.lean.refactor",
        "the same, for refactoring prompts only",
    ),
    lean(
        "routing.lean.implement",
        "the same, for implementation prompts only",
    ),
    lean(
        "routing.lean.explain",
        "the same, for explanation prompts only",
    ),
    lean(
        "routing.lean.docs",
        "the same, for documentation prompts only",
    ),
    lean(
        "routing.lean.other",
        "the same, for prompts of no other category",
    ),
];

/// The lean on every routing decision; `routing.lean.<category>` adds to it for one category.
pub const ROUTING_LEAN: &str = "routing.lean";

/// The largest lean either way: the `quality` strategy's push (`ln 3` per tier step), so a lean decides
/// close calls and leaves clear ones alone, as a strategy does.
pub const MAX_LEAN: f64 = 1.1;

const fn lean(name: &'static str, help: &'static str) -> ParameterSpec {
    ParameterSpec {
        name,
        kind: ChangeKind::Routing,
        bounds: [-MAX_LEAN, MAX_LEAN],
        integer: false,
        primary: "override_rate",
        help,
    }
}

/// The lean a chat's values give a prompt of `category`: `routing.lean` plus `routing.lean.<category>`,
/// within twice [`MAX_LEAN`]. Values that are not numbers count as 0.
pub fn routing_lean(values: &BTreeMap<String, f64>, category: &str) -> f64 {
    let of = |name: &str| {
        values
            .get(name)
            .copied()
            .filter(|value| value.is_finite())
            .unwrap_or(0.0)
    };
    (of(ROUTING_LEAN) + of(&format!("{ROUTING_LEAN}.{category}")))
        .clamp(-2.0 * MAX_LEAN, 2.0 * MAX_LEAN)
}

/// True for the parameters the model router reads.
pub fn is_routing(name: &str) -> bool {
    parameter(name).is_some_and(|spec| spec.kind == ChangeKind::Routing)
}

/// The parameter named `name`.
pub fn parameter(name: &str) -> Option<&'static ParameterSpec> {
    PARAMETERS.iter().find(|spec| spec.name == name)
}

/// The value of parameter `name` in `thresholds`; a routing lean is not a threshold and reads 0 (a node sets
/// no lean of its own).
pub fn read(thresholds: &RiskThresholds, name: &str) -> Option<f64> {
    if is_routing(name) {
        return Some(0.0);
    }
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

/// Sets parameter `name` in `thresholds`; false when it is not a threshold (no such parameter, or a routing
/// lean) or the value is not finite and positive. Whole-number parameters are rounded.
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
    match out_of_order(thresholds).into_iter().next() {
        Some(pair) => Err(pair.to_string()),
        None => Ok(()),
    }
}

/// A warning threshold that is not below its danger threshold.
#[derive(Debug, Clone, PartialEq)]
pub struct OutOfOrder {
    /// The warning's parameter.
    pub warning: &'static str,
    /// The warning's value.
    pub warning_value: f64,
    /// The danger threshold's name: a parameter, or a node setting the loop does not change
    /// (`messages_danger`, `calls_since_checkpoint_danger`).
    pub danger: &'static str,
    /// The danger threshold's value.
    pub danger_value: f64,
}

impl OutOfOrder {
    /// Whether parameter `name` is one of the pair.
    pub fn involves(&self, name: &str) -> bool {
        self.warning == name || self.danger == name
    }
}

impl std::fmt::Display for OutOfOrder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} = {} would not be below {} = {}",
            self.warning, self.warning_value, self.danger, self.danger_value
        )
    }
}

/// Every pair of `thresholds` whose warning is not below its danger.
pub fn out_of_order(thresholds: &RiskThresholds) -> Vec<OutOfOrder> {
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
    pairs
        .into_iter()
        .filter(|(_, warning_value, _, danger_value)| warning_value >= danger_value)
        .map(
            |(warning, warning_value, danger, danger_value)| OutOfOrder {
                warning,
                warning_value,
                danger,
                danger_value,
            },
        )
        .collect()
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

/// The largest value (in magnitude) an observation of a mean may carry.
pub const MAX_METRIC_VALUE: f64 = 1e12;

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
            if spec.kind == ChangeKind::Routing {
                assert_eq!(default, 0.0, "{} leans nothing by default", spec.name);
                assert!(!write(&mut RiskThresholds::default(), spec.name, 0.5));
                assert!(metric(spec.primary).is_some(), "{} primary", spec.name);
                continue;
            }
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
                .filter(|each| each.kind != ChangeKind::Routing)
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

    #[test]
    fn there_is_a_lean_for_every_category_the_router_knows_and_leans_add_up() {
        let categories = crate::model_router::categories();
        for category in &categories {
            let name = format!("{ROUTING_LEAN}.{category}");
            assert!(is_routing(&name), "no parameter {name}");
        }
        let per_category = PARAMETERS
            .iter()
            .filter(|spec| spec.name.starts_with("routing.lean."))
            .count();
        assert_eq!(
            per_category,
            categories.len(),
            "a lean for a category the router does not know"
        );
        let values = BTreeMap::from([
            (ROUTING_LEAN.to_owned(), 0.5),
            ("routing.lean.design".to_owned(), 1.1),
            ("routing.lean.debug".to_owned(), f64::NAN),
        ]);
        assert!((routing_lean(&values, "design") - 1.6).abs() < 1e-12);
        assert_eq!(
            routing_lean(&values, "debug"),
            0.5,
            "not a number counts as 0"
        );
        assert_eq!(routing_lean(&values, "docs"), 0.5);
        assert_eq!(routing_lean(&BTreeMap::new(), "design"), 0.0);
    }
}
