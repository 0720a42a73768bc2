//! What the Kaizen loop came to over a period, for a reader who was not watching: the improvements shipped
//! with their measured effect, the experiments still running and how far along their plan, the ones rolled
//! back, refused or stopped with the reason, and the parameter values in force. The MCP tool
//! `shim_improvement_report` returns it; [`build`] is a pure function of the experiment list and the
//! parameter store, so it is tested without a node.

use schemars::JsonSchema;
use serde::Serialize;
use shim_actors::experiment_manager::evaluate::effect_line;
use shim_protocol::messages::{
    Effect, Experiment, ExperimentList, ExperimentStatus, ParameterList, StageRecord,
};

use crate::analytics::outcome::stamp;

const DAY_MS: f64 = 24.0 * 60.0 * 60.0 * 1000.0;

/// The Kaizen loop over a period.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ImprovementReport {
    /// Start of the period, RFC 3339.
    pub since: String,
    /// Its length, days.
    pub since_days: f64,
    /// The period in one line.
    pub summary: String,
    /// Improvements shipped in the period (status `shipped`, or `reverted` when a person undid one since).
    pub shipped: Vec<ShippedImprovement>,
    /// Experiments assigning chats now.
    pub running: Vec<RunningExperiment>,
    /// Experiments waiting for a person (`shim-node experiments approve ID`).
    pub awaiting_approval: Vec<DecidedExperiment>,
    /// Rolled back in the period: the treatment harmed a metric.
    pub rolled_back: Vec<DecidedExperiment>,
    /// Refused in the period: outside the safety settings, they never ran.
    pub refused: Vec<DecidedExperiment>,
    /// Stopped in the period: no difference found, or a person stopped them.
    pub stopped: Vec<DecidedExperiment>,
    /// Every parameter's value in force for everyone.
    pub parameters: Vec<ParameterInForce>,
    /// True when the manager holds more experiments than it lists (the oldest are left out).
    pub truncated: bool,
}

/// A shipped experiment: an improvement.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ShippedImprovement {
    /// The experiment's id.
    pub id: String,
    /// The parameter it changed.
    pub parameter: String,
    /// The value before.
    pub from: f64,
    /// The value it shipped.
    pub to: f64,
    /// Every parameter it changed (`parameter` first; several for a change across components).
    pub changes: Vec<ReportedChange>,
    /// When it shipped, RFC 3339.
    pub shipped_at: Option<String>,
    /// `shipped`, or `reverted`.
    pub status: String,
    /// The primary metric's effect, one line: means, relative lift with its 95% interval, units, p.
    pub effect_line: Option<String>,
    /// The same in numbers.
    pub effect: Option<Effect>,
    /// Why it shipped (or who reverted it and why).
    pub reason: String,
}

/// An experiment assigning chats.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RunningExperiment {
    /// The experiment's id.
    pub id: String,
    /// The parameter it tests.
    pub parameter: String,
    /// The value in force.
    pub from: f64,
    /// The value it tries.
    pub to: f64,
    /// Every parameter it tests (`parameter` first; several for a change across components).
    pub changes: Vec<ReportedChange>,
    /// The treatment's share now, percent (10 or 50).
    pub stage: u8,
    /// Chats observed in this stage, control and treatment.
    pub observed: [u64; 2],
    /// Share of what the stage waits for, 0 to 1.
    pub progress: f64,
    /// What the stage waits for.
    pub toward: String,
    /// The last look's decision, when there was one.
    pub last_look: Option<String>,
}

/// An experiment that is waiting, or is over without shipping.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct DecidedExperiment {
    /// The experiment's id.
    pub id: String,
    /// The parameter.
    pub parameter: String,
    /// The value in force when it was proposed.
    pub from: f64,
    /// The value it proposed.
    pub to: f64,
    /// Every parameter it changes (`parameter` first; several for a change across components).
    pub changes: Vec<ReportedChange>,
    /// When it was decided (or proposed, when it waits), RFC 3339.
    pub at: String,
    /// Why.
    pub reason: String,
}

/// One parameter an experiment changes.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ReportedChange {
    /// The parameter.
    pub parameter: String,
    /// Its value in force when the experiment was proposed.
    pub from: f64,
    /// The value the experiment tries (or shipped).
    pub to: f64,
}

/// Every parameter `experiment` changes, from and to.
pub fn reported_changes(experiment: &Experiment) -> Vec<ReportedChange> {
    experiment
        .changes()
        .into_iter()
        .map(|change| ReportedChange {
            parameter: change.parameter,
            from: change.control,
            to: change.treatment,
        })
        .collect()
}

/// A parameter's value for everyone.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ParameterInForce {
    /// The parameter.
    pub name: String,
    /// Its value.
    pub value: f64,
    /// The built-in default.
    pub default: f64,
    /// The improvement that set it, when one did.
    pub improvement_id: Option<String>,
}

/// When `experiment` shipped: the look that decided it, else its decision time while it is shipped.
pub fn shipped_at_ms(experiment: &Experiment) -> Option<u64> {
    experiment
        .looks
        .iter()
        .rev()
        .find(|look| look.decision.starts_with("ship"))
        .map(|look| look.at_ms)
        .or(match experiment.status {
            ExperimentStatus::Shipped => experiment.decided_at_ms,
            _ => None,
        })
}

/// True for an experiment that shipped, whether or not a person reverted it since.
pub fn is_improvement(experiment: &Experiment) -> bool {
    matches!(
        experiment.status,
        ExperimentStatus::Shipped | ExperimentStatus::Reverted
    )
}

/// The stage an experiment is in now, when it runs.
fn current_stage(experiment: &Experiment) -> Option<&StageRecord> {
    experiment
        .stages
        .iter()
        .find(|stage| stage.percent == experiment.stage)
}

/// How far a running experiment's stage is toward its next look: the share, and what it waits for.
pub fn progress(experiment: &Experiment) -> Option<(f64, String)> {
    let stage = current_stage(experiment)?;
    let plan = &experiment.plan;
    let observed = |arm: &shim_protocol::messages::ArmRecord| {
        arm.metrics
            .get(&experiment.primary.name)
            .map_or(0, |tally| tally.n)
    };
    let share = |done: u64, goal: u64| {
        if goal == 0 {
            0.0
        } else {
            (done as f64 / goal as f64).min(1.0)
        }
    };
    match stage.percent {
        10 => Some((
            share(observed(&stage.treatment), plan.canary_units),
            format!(
                "the look at 10%: {} treated chats observed of {}",
                observed(&stage.treatment),
                plan.canary_units
            ),
        )),
        50 => {
            let units = observed(&stage.control).min(observed(&stage.treatment));
            Some((
                share(units, plan.units_per_arm),
                format!(
                    "the plan: {units} chats per variant observed of {}",
                    plan.units_per_arm
                ),
            ))
        }
        _ => None,
    }
}

fn decided(experiment: &Experiment, at_ms: u64) -> DecidedExperiment {
    DecidedExperiment {
        id: experiment.id.clone(),
        parameter: experiment.parameter.clone(),
        from: experiment.control,
        to: experiment.treatment,
        changes: reported_changes(experiment),
        at: stamp(at_ms),
        reason: experiment.reason.clone(),
    }
}

/// The report of the `since_days` days before `now_ms`.
pub fn build(
    list: &ExperimentList,
    parameters: &ParameterList,
    since_days: f64,
    now_ms: u64,
) -> ImprovementReport {
    let since_ms = now_ms.saturating_sub((since_days * DAY_MS) as u64);
    let in_period = |at_ms_opt: Option<u64>| at_ms_opt.is_some_and(|at_ms| at_ms >= since_ms);
    let mut report = ImprovementReport {
        since: stamp(since_ms),
        since_days,
        summary: String::new(),
        shipped: Vec::new(),
        running: Vec::new(),
        awaiting_approval: Vec::new(),
        rolled_back: Vec::new(),
        refused: Vec::new(),
        stopped: Vec::new(),
        parameters: parameters
            .parameters
            .iter()
            .map(|parameter| ParameterInForce {
                name: parameter.name.clone(),
                value: parameter.value,
                default: parameter.default,
                improvement_id: parameter.improvement_id.clone(),
            })
            .collect(),
        truncated: list.truncated,
    };
    for experiment in &list.experiments {
        let decided_at = experiment.decided_at_ms;
        match experiment.status {
            ExperimentStatus::Shipped | ExperimentStatus::Reverted => {
                let shipped_at = shipped_at_ms(experiment);
                if in_period(shipped_at) {
                    report.shipped.push(ShippedImprovement {
                        id: experiment.id.clone(),
                        parameter: experiment.parameter.clone(),
                        from: experiment.control,
                        to: experiment.treatment,
                        changes: reported_changes(experiment),
                        shipped_at: shipped_at.map(stamp),
                        status: experiment.status.as_str().to_owned(),
                        effect_line: experiment.effect.as_ref().map(effect_line),
                        effect: experiment.effect.clone(),
                        reason: experiment.reason.clone(),
                    });
                }
            }
            ExperimentStatus::Running => {
                let (progress, toward) = progress(experiment).unwrap_or_default();
                let observed = current_stage(experiment).map_or([0, 0], |stage| {
                    [stage.control.observed, stage.treatment.observed]
                });
                report.running.push(RunningExperiment {
                    id: experiment.id.clone(),
                    parameter: experiment.parameter.clone(),
                    from: experiment.control,
                    to: experiment.treatment,
                    changes: reported_changes(experiment),
                    stage: experiment.stage,
                    observed,
                    progress,
                    toward,
                    last_look: experiment.looks.last().map(|look| look.decision.clone()),
                });
            }
            ExperimentStatus::AwaitingApproval => report
                .awaiting_approval
                .push(decided(experiment, experiment.created_at_ms)),
            ExperimentStatus::RolledBack if in_period(decided_at) => report
                .rolled_back
                .push(decided(experiment, decided_at.unwrap_or_default())),
            ExperimentStatus::Refused if in_period(decided_at) => report
                .refused
                .push(decided(experiment, decided_at.unwrap_or_default())),
            ExperimentStatus::Stopped if in_period(decided_at) => report
                .stopped
                .push(decided(experiment, decided_at.unwrap_or_default())),
            ExperimentStatus::RolledBack
            | ExperimentStatus::Refused
            | ExperimentStatus::Stopped => {}
        }
    }
    let reverted = report
        .shipped
        .iter()
        .filter(|shipped| shipped.status == ExperimentStatus::Reverted.as_str())
        .count();
    report.summary = format!(
        "in the last {since_days} days: {} improvement(s) shipped ({reverted} reverted since), {} rolled back, \
         {} refused, {} stopped; {} running, {} awaiting approval",
        report.shipped.len(),
        report.rolled_back.len(),
        report.refused.len(),
        report.stopped.len(),
        report.running.len(),
        report.awaiting_approval.len()
    );
    report
}

#[cfg(test)]
mod tests {
    use shim_protocol::messages::{
        ArmRecord, Better, ExperimentPlan, LookRecord, MetricKind, MetricSpec, ParameterValue,
        Tally,
    };

    use super::*;

    const NOW: u64 = 100 * 86_400_000;

    fn experiment(id: &str, status: ExperimentStatus, decided_at_ms: Option<u64>) -> Experiment {
        Experiment {
            id: id.to_owned(),
            parameter: "checkpoint.every_calls".to_owned(),
            control: 5.0,
            treatment: 3.0,
            changes: Vec::new(),
            hypothesis: String::new(),
            evidence: Vec::new(),
            source: "person:test".to_owned(),
            primary: MetricSpec {
                name: "calls_lost".to_owned(),
                kind: MetricKind::Mean,
                better: Better::Lower,
            },
            guardrails: Vec::new(),
            plan: ExperimentPlan {
                baseline: 1.8,
                baseline_sd: Some(3.0),
                mde: 0.2,
                alpha: 0.05,
                power: 0.9,
                units_per_arm: 200,
                canary_units: 30,
            },
            status,
            stage: 0,
            stages: Vec::new(),
            looks: Vec::new(),
            effect: None,
            reason: format!("{id} reason"),
            approved_by: None,
            created_at_ms: 0,
            updated_at_ms: 0,
            decided_at_ms,
        }
    }

    fn arm(observed: u64) -> ArmRecord {
        let mut arm = ArmRecord {
            exposed: observed,
            observed,
            ..ArmRecord::default()
        };
        arm.metrics.insert(
            "calls_lost".to_owned(),
            Tally {
                n: observed,
                sum: 0.0,
                sum_sq: 0.0,
            },
        );
        arm
    }

    #[test]
    fn every_parameter_of_a_change_across_components_is_reported() {
        let mut across = experiment("exp-7", ExperimentStatus::AwaitingApproval, None);
        across.changes = vec![
            shim_protocol::messages::ParameterChange {
                parameter: "checkpoint.every_calls".to_owned(),
                control: 5.0,
                treatment: 3.0,
            },
            shim_protocol::messages::ParameterChange {
                parameter: "routing.lean.design".to_owned(),
                control: 0.0,
                treatment: 0.55,
            },
        ];
        across.created_at_ms = NOW - 1000;
        let list = ExperimentList {
            experiments: vec![
                across,
                experiment("exp-1", ExperimentStatus::AwaitingApproval, None),
            ],
            truncated: false,
        };
        let report = build(&list, &ParameterList::default(), 30.0, NOW);
        let changes: Vec<(&str, f64, f64)> = report.awaiting_approval[0]
            .changes
            .iter()
            .map(|change| (change.parameter.as_str(), change.from, change.to))
            .collect();
        assert_eq!(
            changes,
            [
                ("checkpoint.every_calls", 5.0, 3.0),
                ("routing.lean.design", 0.0, 0.55)
            ]
        );
        // One stored before `changes` is reported as its one parameter.
        assert_eq!(report.awaiting_approval[1].changes.len(), 1);
        assert_eq!(
            report.awaiting_approval[1].changes[0].parameter,
            "checkpoint.every_calls"
        );
    }

    #[test]
    fn the_period_sorts_experiments_by_where_they_are() {
        let recent = NOW - 86_400_000;
        let old = NOW - 60 * 86_400_000;
        let mut shipped = experiment("exp-1", ExperimentStatus::Reverted, Some(recent));
        shipped.looks.push(LookRecord {
            at_ms: recent - 1000,
            stage: 50,
            units: 200,
            fraction: 1.0,
            z: Some(3.0),
            boundary: Some(1.96),
            decision: "ship: calls_lost better".to_owned(),
        });
        let mut running = experiment("exp-2", ExperimentStatus::Running, None);
        running.stage = 50;
        running.stages.push(StageRecord {
            percent: 50,
            started_at_ms: recent,
            control: arm(60),
            treatment: arm(50),
        });
        let list = ExperimentList {
            experiments: vec![
                shipped,
                running,
                experiment("exp-3", ExperimentStatus::RolledBack, Some(recent)),
                experiment("exp-4", ExperimentStatus::Refused, Some(old)),
                experiment("exp-5", ExperimentStatus::Stopped, Some(recent)),
                experiment("exp-6", ExperimentStatus::AwaitingApproval, None),
            ],
            truncated: false,
        };
        let parameters = ParameterList {
            version: 1,
            parameters: vec![ParameterValue {
                name: "checkpoint.every_calls".to_owned(),
                value: 5.0,
                default: 5.0,
                version: 0,
                set_at_ms: 0,
                improvement_id: None,
                bounds: [2.0, 20.0],
                approval: "autoApprove".to_owned(),
            }],
        };
        let report = build(&list, &parameters, 30.0, NOW);
        assert_eq!(report.shipped.len(), 1);
        assert_eq!(report.shipped[0].status, "reverted");
        assert_eq!(report.shipped[0].shipped_at, Some(stamp(recent - 1000)));
        assert_eq!(report.running.len(), 1);
        assert_eq!(report.running[0].observed, [60, 50]);
        assert_eq!(report.running[0].progress, 0.25, "50 of 200 per variant");
        assert_eq!(report.rolled_back[0].id, "exp-3");
        assert!(report.refused.is_empty(), "refused before the period");
        assert_eq!(report.stopped[0].reason, "exp-5 reason");
        assert_eq!(report.awaiting_approval[0].id, "exp-6");
        assert_eq!(report.parameters[0].value, 5.0);
        assert!(
            report.summary.starts_with(
                "in the last 30 days: 1 improvement(s) shipped (1 reverted since), 1 rolled back, 0 refused"
            ),
            "{}",
            report.summary
        );
        // A longer period takes the older decisions in.
        assert_eq!(build(&list, &parameters, 90.0, NOW).refused.len(), 1);
    }
}
