//! The text of `shim-node experiments` and `shim-node improvements`: tables of experiments, improvements and
//! parameters, and one experiment in full.

use std::fmt::Write as _;

use shim_actors::experiment_manager::evaluate::effect_line;
use shim_protocol::messages::{
    AuditList, Better, Effect, Experiment, ExperimentStatus, GuardrailSpec, MetricKind, MetricSpec,
    ParameterList,
};

use crate::{
    analytics::outcome::stamp,
    cli::{
        chats::cell,
        table::{self, Align},
    },
    kaizen::report::{progress, shipped_at_ms},
};

/// Widest reason in a table.
const REASON_WIDTH: usize = 60;

/// `5 → 3`; `5 → 3, 10 → 7` for an experiment of several parameters (in the order of its parameters).
fn change(experiment: &Experiment) -> String {
    experiment
        .changes()
        .iter()
        .map(|change| format!("{} → {}", change.control, change.treatment))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Chats observed in every stage, control and treatment.
fn observed(experiment: &Experiment) -> [u64; 2] {
    experiment
        .stages
        .iter()
        .fold([0, 0], |[control, treatment], stage| {
            [
                control + stage.control.observed,
                treatment + stage.treatment.observed,
            ]
        })
}

/// `exp-1 is running at 10%: approved by alice; started at 10%`.
pub(super) fn status_line(experiment: &Experiment) -> String {
    let at = match experiment.status {
        ExperimentStatus::Running | ExperimentStatus::Shipped => {
            format!(" at {}%", experiment.stage)
        }
        _ => String::new(),
    };
    format!(
        "{} is {}{at}: {}",
        experiment.id,
        experiment.status.as_str(),
        experiment.reason
    )
}

/// The table of `experiments list`.
pub(super) fn experiments(experiments: &[Experiment]) -> Vec<String> {
    let rows: Vec<Vec<String>> = experiments
        .iter()
        .map(|experiment| {
            let [control, treatment] = observed(experiment);
            vec![
                experiment.id.clone(),
                experiment.parameters_label(),
                change(experiment),
                experiment.status.as_str().to_owned(),
                format!("{}%", experiment.stage),
                experiment.primary.name.clone(),
                format!("{control}/{treatment}"),
                cell(&experiment.reason, REASON_WIDTH),
            ]
        })
        .collect();
    let header = [
        ("ID", Align::Left),
        ("PARAMETER", Align::Left),
        ("CHANGE", Align::Left),
        ("STATUS", Align::Left),
        ("STAGE", Align::Right),
        ("PRIMARY", Align::Left),
        ("OBSERVED C/T", Align::Right),
        ("REASON", Align::Left),
    ];
    table::render(&header, &rows)
}

/// A p-value: four decimals, or two significant digits below 0.0001 (`1.2e-9`), so a small one is not
/// printed as 0.
pub(super) fn p_value(p: f64) -> String {
    if p < 1e-4 {
        format!("{p:.1e}")
    } else {
        format!("{p:.4}")
    }
}

/// `calls_lost -21.7% (95% CI -30.2% to -13.1%), p = 0.0003`; the difference when there is no lift.
fn effect_cell(effect: &Effect) -> String {
    match (effect.relative_lift, effect.lift_ci95) {
        (Some(lift), Some([low, high])) => format!(
            "{} {:+.1}% (95% CI {:+.1}% to {:+.1}%), p = {}",
            effect.metric,
            lift * 100.0,
            low * 100.0,
            high * 100.0,
            p_value(effect.p_value)
        ),
        _ => format!(
            "{} {:+.4} (95% CI {:+.4} to {:+.4}), p = {}",
            effect.metric,
            effect.difference,
            effect.ci95[0],
            effect.ci95[1],
            p_value(effect.p_value)
        ),
    }
}

/// The table of `improvements list`.
pub(super) fn improvements(experiments: &[Experiment]) -> Vec<String> {
    let rows: Vec<Vec<String>> = experiments
        .iter()
        .map(|experiment| {
            vec![
                experiment.id.clone(),
                experiment.parameters_label(),
                change(experiment),
                shipped_at_ms(experiment).map_or_else(|| "-".to_owned(), stamp),
                experiment
                    .effect
                    .as_ref()
                    .map_or_else(|| "-".to_owned(), effect_cell),
                experiment.status.as_str().to_owned(),
            ]
        })
        .collect();
    let header = [
        ("ID", Align::Left),
        ("PARAMETER", Align::Left),
        ("CHANGE", Align::Left),
        ("SHIPPED", Align::Left),
        ("EFFECT", Align::Left),
        ("STATUS", Align::Left),
    ];
    table::render(&header, &rows)
}

/// The table of `experiments parameters`.
pub(super) fn parameters(list: &ParameterList) -> Vec<String> {
    let rows: Vec<Vec<String>> = list
        .parameters
        .iter()
        .map(|parameter| {
            vec![
                parameter.name.clone(),
                parameter.value.to_string(),
                parameter.default.to_string(),
                parameter.version.to_string(),
                format!("[{}, {}]", parameter.bounds[0], parameter.bounds[1]),
                parameter.approval.clone(),
                parameter
                    .improvement_id
                    .clone()
                    .unwrap_or_else(|| "-".to_owned()),
            ]
        })
        .collect();
    let header = [
        ("PARAMETER", Align::Left),
        ("VALUE", Align::Right),
        ("DEFAULT", Align::Right),
        ("VERSION", Align::Right),
        ("BOUNDS", Align::Left),
        ("APPROVAL", Align::Left),
        ("IMPROVEMENT", Align::Left),
    ];
    let mut lines = table::render(&header, &rows);
    lines.push(format!("parameter store version {}", list.version));
    lines
}

fn metric(spec: &MetricSpec) -> String {
    let kind = match spec.kind {
        MetricKind::Mean => "mean",
        MetricKind::Proportion => "rate",
    };
    let better = match spec.better {
        Better::Lower => "lower",
        Better::Higher => "higher",
    };
    format!("{} ({kind}, {better} is better)", spec.name)
}

fn guardrail(spec: &GuardrailSpec) -> String {
    if spec.margin == 0.0 {
        format!("{} no worse", spec.metric.name)
    } else {
        format!(
            "{} at most {:.0}% worse",
            spec.metric.name,
            spec.margin * 100.0
        )
    }
}

/// One field: its name in a column of 12, the value after; further lines of the value indented alike.
fn field(text: &mut String, name: &str, value: &str) {
    let mut lines = value.lines();
    let _ = writeln!(text, "{name:<12}{}", lines.next().unwrap_or_default());
    for line in lines {
        let _ = writeln!(text, "{:<12}{line}", "");
    }
}

fn optional(value_opt: Option<f64>, precision: usize) -> String {
    value_opt.map_or_else(|| "-".to_owned(), |value| format!("{value:.precision$}"))
}

/// One experiment in full, with its audit.
pub(super) fn experiment(experiment: &Experiment, audit: &AuditList) -> String {
    let mut text = String::new();
    field(&mut text, "experiment", &experiment.id);
    let changes = experiment.changes();
    let lines: Vec<String> = changes
        .iter()
        .map(|change| {
            format!(
                "{}: {} → {}",
                change.parameter, change.control, change.treatment
            )
        })
        .collect();
    let name = if changes.len() > 1 {
        "parameters"
    } else {
        "parameter"
    };
    field(&mut text, name, &lines.join("\n"));
    let stage = match experiment.status {
        ExperimentStatus::Running | ExperimentStatus::Shipped => {
            format!(" at {}%", experiment.stage)
        }
        _ => String::new(),
    };
    field(
        &mut text,
        "status",
        &format!("{}{stage}", experiment.status.as_str()),
    );
    field(&mut text, "reason", &experiment.reason);
    let approved = experiment
        .approved_by
        .as_ref()
        .map_or_else(String::new, |by| format!(" (approved by {by})"));
    field(
        &mut text,
        "source",
        &format!("{}{approved}", experiment.source),
    );
    field(&mut text, "hypothesis", &experiment.hypothesis);
    if !experiment.evidence.is_empty() {
        let lines: Vec<String> = experiment
            .evidence
            .iter()
            .map(|line| format!("- {line}"))
            .collect();
        field(&mut text, "evidence", &lines.join("\n"));
    }
    field(&mut text, "primary", &metric(&experiment.primary));
    if !experiment.guardrails.is_empty() {
        let guardrails: Vec<String> = experiment.guardrails.iter().map(guardrail).collect();
        field(&mut text, "guardrails", &guardrails.join("; "));
    }
    let plan = &experiment.plan;
    field(
        &mut text,
        "plan",
        &format!(
            "{} chats per variant at 50%, after {} treated chats at 10%\n\
             minimum effect {:.0}%, alpha {}, power {}, baseline {} (sd {})",
            plan.units_per_arm,
            plan.canary_units,
            plan.mde * 100.0,
            plan.alpha,
            plan.power,
            plan.baseline,
            plan.baseline_sd
                .map_or_else(|| "-".to_owned(), |sd| sd.to_string())
        ),
    );
    if experiment.status == ExperimentStatus::Running
        && let Some((share, toward)) = progress(experiment)
    {
        field(
            &mut text,
            "progress",
            &format!("{:.0}% of {toward}", share * 100.0),
        );
    }
    let decided = experiment
        .decided_at_ms
        .map_or_else(String::new, |at| format!(", decided {}", stamp(at)));
    field(
        &mut text,
        "proposed",
        &format!("{}{decided}", stamp(experiment.created_at_ms)),
    );
    if !experiment.stages.is_empty() {
        let rows: Vec<Vec<String>> = experiment
            .stages
            .iter()
            .map(|stage| {
                vec![
                    format!("{}%", stage.percent),
                    stamp(stage.started_at_ms),
                    format!("{}/{}", stage.control.exposed, stage.treatment.exposed),
                    format!("{}/{}", stage.control.observed, stage.treatment.observed),
                ]
            })
            .collect();
        let header = [
            ("STAGE", Align::Right),
            ("STARTED", Align::Left),
            ("EXPOSED C/T", Align::Right),
            ("OBSERVED C/T", Align::Right),
        ];
        text.push_str("\nstages\n");
        for line in table::render(&header, &rows) {
            let _ = writeln!(text, "  {line}");
        }
    }
    if !experiment.looks.is_empty() {
        let rows: Vec<Vec<String>> = experiment
            .looks
            .iter()
            .map(|look| {
                vec![
                    stamp(look.at_ms),
                    format!("{}%", look.stage),
                    look.units.to_string(),
                    format!("{:.0}%", look.fraction * 100.0),
                    optional(look.z, 2),
                    optional(look.boundary, 2),
                    look.decision.clone(),
                ]
            })
            .collect();
        let header = [
            ("AT", Align::Left),
            ("STAGE", Align::Right),
            ("UNITS", Align::Right),
            ("OF PLAN", Align::Right),
            ("Z", Align::Right),
            ("BOUNDARY", Align::Right),
            ("DECISION", Align::Left),
        ];
        text.push_str("\nlooks\n");
        for line in table::render(&header, &rows) {
            let _ = writeln!(text, "  {line}");
        }
    }
    if let Some(effect) = &experiment.effect {
        text.push('\n');
        let lift = match (effect.relative_lift, effect.lift_ci95) {
            (Some(lift), Some([low, high])) => format!(
                "{:+.1}% (95% CI {:+.1}% to {:+.1}%)",
                lift * 100.0,
                low * 100.0,
                high * 100.0
            ),
            _ => "- (the control's mean is 0)".to_owned(),
        };
        field(
            &mut text,
            "effect",
            &format!(
                "{}\ndifference {:+.4} (95% CI {:+.4} to {:+.4})\nlift {lift}\np-value {}",
                effect_line(effect),
                effect.difference,
                effect.ci95[0],
                effect.ci95[1],
                p_value(effect.p_value)
            ),
        );
    }
    text.push_str("\naudit\n");
    if audit.entries.is_empty() {
        text.push_str("  (nothing recorded)\n");
    } else {
        let rows: Vec<Vec<String>> = audit
            .entries
            .iter()
            .map(|entry| {
                let evidence = if entry.evidence.is_empty() {
                    String::new()
                } else {
                    format!(" [{}]", entry.evidence.join("; "))
                };
                vec![
                    stamp(entry.at_ms),
                    entry.action.clone(),
                    entry.by.clone(),
                    format!("{}{evidence}", entry.reason),
                ]
            })
            .collect();
        let header = [
            ("AT", Align::Left),
            ("ACTION", Align::Left),
            ("BY", Align::Left),
            ("REASON", Align::Left),
        ];
        for line in table::render(&header, &rows) {
            let _ = writeln!(text, "  {line}");
        }
        if audit.truncated {
            text.push_str("  (older entries left out)\n");
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use shim_protocol::messages::{ArmRecord, ExperimentPlan, LookRecord, StageRecord};

    use super::*;

    fn shipped() -> Experiment {
        Experiment {
            id: "exp-2".to_owned(),
            parameter: "checkpoint.every_minutes".to_owned(),
            control: 10.0,
            treatment: 5.0,
            changes: Vec::new(),
            hypothesis: "fewer calls lost".to_owned(),
            evidence: vec!["one".to_owned(), "two".to_owned()],
            source: "person:test".to_owned(),
            primary: MetricSpec {
                name: "calls_lost".to_owned(),
                kind: MetricKind::Mean,
                better: Better::Lower,
            },
            guardrails: Vec::new(),
            plan: ExperimentPlan {
                baseline: 1.8,
                baseline_sd: Some(1.0),
                mde: 0.5,
                alpha: 0.05,
                power: 0.9,
                units_per_arm: 27,
                canary_units: 30,
            },
            status: ExperimentStatus::Shipped,
            stage: 100,
            stages: vec![StageRecord {
                percent: 50,
                started_at_ms: 0,
                control: ArmRecord {
                    exposed: 40,
                    observed: 40,
                    ..ArmRecord::default()
                },
                treatment: ArmRecord {
                    exposed: 41,
                    observed: 39,
                    ..ArmRecord::default()
                },
            }],
            looks: vec![LookRecord {
                at_ms: 60_000,
                stage: 50,
                units: 39,
                fraction: 1.0,
                z: Some(9.5),
                boundary: Some(1.96),
                decision: "ship: calls_lost better".to_owned(),
            }],
            effect: Some(Effect {
                metric: "calls_lost".to_owned(),
                control_mean: 1.8,
                treatment_mean: 0.6,
                n: [40, 39],
                difference: -1.2,
                ci95: [-1.5, -0.9],
                relative_lift: Some(-2.0 / 3.0),
                lift_ci95: Some([-0.75, -0.58]),
                p_value: 0.00001,
            }),
            reason: "ship: calls_lost better".to_owned(),
            approved_by: Some("alice".to_owned()),
            created_at_ms: 0,
            updated_at_ms: 60_000,
            decided_at_ms: Some(60_000),
        }
    }

    #[test]
    fn an_improvement_shows_its_effect_with_intervals() {
        let lines = improvements(&[shipped()]);
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with("ID     PARAMETER"), "{lines:?}");
        assert!(
            lines[1].contains("1970-01-01T00:01:00Z")
                && lines[1].contains("calls_lost -66.7% (95% CI -75.0% to -58.0%), p = 1.0e-5")
                && lines[1].ends_with("shipped"),
            "{lines:?}"
        );
        let text = experiment(&shipped(), &AuditList::default());
        for expected in [
            "status      shipped at 100%\n",
            "source      person:test (approved by alice)\n",
            "evidence    - one\n            - two\n",
            "plan        27 chats per variant at 50%, after 30 treated chats at 10%\n",
            "difference -1.2000 (95% CI -1.5000 to -0.9000)",
            "lift -66.7% (95% CI -75.0% to -58.0%)",
            "ship: calls_lost better",
            "  (nothing recorded)",
            "p-value 1.0e-5\n",
        ] {
            assert!(text.contains(expected), "{expected:?} in:\n{text}");
        }
        assert_eq!(
            status_line(&shipped()),
            "exp-2 is shipped at 100%: ship: calls_lost better"
        );
    }
}
