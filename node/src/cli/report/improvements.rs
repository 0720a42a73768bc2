//! The report's section on the Kaizen loop: what changed in the period, its measured effect with intervals,
//! and the net benefit in time and money (docs/kaizen.md, "The monthly report").

use shim_protocol::messages::{AnalyticsSummary, Experiment, ExperimentStatus};

use super::render::{Block, usd};

/// Minutes of work a lost tool call costs: the call redone, with the reading and prompting around it. An
/// assumption, stated in the report.
pub(crate) const MINUTES_PER_CALL: f64 = 1.0;

/// The loop's section, from the experiments (`None`: the manager did not answer, with why) over the period
/// `[since_ms, until_ms]` of `current`.
pub(crate) fn blocks(
    experiments: Result<&[Experiment], &str>,
    current: &AnalyticsSummary,
    since_ms: u64,
    until_ms: u64,
) -> Vec<Block> {
    let mut blocks = vec![Block::Heading("What the Kaizen loop changed".to_owned())];
    let experiments = match experiments {
        Ok(experiments) => experiments,
        Err(why) => {
            blocks.push(Block::Text(format!(
                "The experiment manager could not be asked: {why}."
            )));
            return blocks;
        }
    };
    let in_period = |at_ms: Option<u64>| at_ms.is_some_and(|at| at >= since_ms && at <= until_ms);
    let shipped: Vec<&Experiment> = experiments
        .iter()
        .filter(|experiment| {
            matches!(
                experiment.status,
                ExperimentStatus::Shipped | ExperimentStatus::Reverted
            ) && in_period(experiment.decided_at_ms)
        })
        .collect();
    let live: Vec<&Experiment> = experiments
        .iter()
        .filter(|experiment| experiment.status == ExperimentStatus::Shipped)
        .collect();
    if shipped.is_empty() {
        blocks.push(Block::Text("Nothing shipped in the period.".to_owned()));
    } else {
        blocks.push(Block::Table(
            [
                "change",
                "shipped",
                "measured effect",
                "95% interval",
                "status",
            ]
            .map(str::to_owned)
            .to_vec(),
            shipped
                .iter()
                .map(|experiment| shipped_row(experiment))
                .collect(),
        ));
    }
    let period_hours = (until_ms.saturating_sub(since_ms)) as f64 / 3_600_000.0;
    let mut benefit = Vec::new();
    for experiment in &live {
        let Some(effect) = &experiment.effect else {
            continue;
        };
        let shipped_at = experiment.decided_at_ms.unwrap_or(until_ms).max(since_ms);
        let share = if period_hours > 0.0 {
            (until_ms.saturating_sub(shipped_at)) as f64 / 3_600_000.0 / period_hours
        } else {
            0.0
        };
        let sessions = (current.sessions as f64 * share).round();
        // Only the report's sessions are counted: an improvement shipped before the period gets the period's.
        let over = if shipped_at > since_ms {
            format!("over {sessions:.0} sessions since it shipped")
        } else {
            format!("over this period's {sessions:.0} sessions")
        };
        if effect.metric == "calls_lost" {
            let saved = -effect.difference * sessions;
            let [low, high] = [-effect.ci95[1] * sessions, -effect.ci95[0] * sessions];
            benefit.push(format!(
                "{}: about {:.0} tool calls not lost {over} \
                 (95% interval {:.0} to {:.0}), about {:.1} hours of work at {MINUTES_PER_CALL} minute per call",
                experiment.change_text(),
                saved,
                low,
                high,
                saved * MINUTES_PER_CALL / 60.0
            ));
        }
        if let Some(cost) = cost_effect(experiment) {
            benefit.push(format!(
                "{}: {} per session ({} over {sessions:.0} sessions)",
                experiment.change_text(),
                signed_usd(cost),
                signed_usd(cost * sessions)
            ));
        }
    }
    blocks.push(Block::Heading("Net benefit".to_owned()));
    if benefit.is_empty() {
        blocks.push(Block::Text(
            "No improvement in force has a measured effect to count yet.".to_owned(),
        ));
    } else {
        blocks.push(Block::Bullets(benefit));
    }
    let decided: Vec<String> = experiments
        .iter()
        .filter(|experiment| {
            matches!(
                experiment.status,
                ExperimentStatus::RolledBack
                    | ExperimentStatus::Stopped
                    | ExperimentStatus::Refused
            ) && in_period(experiment.decided_at_ms)
        })
        .map(|experiment| {
            format!(
                "{} {}: {} ({})",
                experiment.id,
                experiment.change_text(),
                experiment.status.as_str().replace('_', " "),
                experiment.reason
            )
        })
        .collect();
    let running: Vec<String> = experiments
        .iter()
        .filter(|experiment| experiment.status.is_open())
        .map(|experiment| {
            format!(
                "{} {}: {} at {}%",
                experiment.id,
                experiment.change_text(),
                experiment.status.as_str().replace('_', " "),
                experiment.stage
            )
        })
        .collect();
    if !decided.is_empty() {
        blocks.push(Block::Heading("Rolled back, stopped or refused".to_owned()));
        blocks.push(Block::Bullets(decided));
    }
    if !running.is_empty() {
        blocks.push(Block::Heading("Experiments under way".to_owned()));
        blocks.push(Block::Bullets(running));
    }
    blocks
}

fn shipped_row(experiment: &Experiment) -> Vec<String> {
    let date = experiment
        .decided_at_ms
        .map(crate::analytics::outcome::stamp)
        .map(|stamp| stamp.get(..10).unwrap_or_default().to_owned())
        .unwrap_or_default();
    let (measured, interval) = match &experiment.effect {
        Some(effect) => (
            match effect.relative_lift {
                Some(lift) => format!(
                    "{} {:.3} → {:.3} ({:+.1}%), p = {:.4}",
                    effect.metric,
                    effect.control_mean,
                    effect.treatment_mean,
                    lift * 100.0,
                    effect.p_value
                ),
                None => format!(
                    "{} {:.3} → {:.3}, p = {:.4}",
                    effect.metric, effect.control_mean, effect.treatment_mean, effect.p_value
                ),
            },
            match effect.lift_ci95 {
                Some([low, high]) => format!("{:+.1}% to {:+.1}%", low * 100.0, high * 100.0),
                None => format!("{:+.3} to {:+.3}", effect.ci95[0], effect.ci95[1]),
            },
        ),
        None => ("not measured".to_owned(), String::new()),
    };
    vec![
        format!("{} ({})", experiment.change_text(), experiment.id),
        date,
        measured,
        interval,
        experiment.status.as_str().to_owned(),
    ]
}

/// Treatment minus control cost per session in the test stage, when cost was measured: the arms' `cost_usd`
/// tallies, which the outcome consumer fills from each session record's telemetry sums (at least 30 sessions
/// with a cost in each arm).
fn cost_effect(experiment: &Experiment) -> Option<f64> {
    let stage = experiment.stages.iter().find(|stage| stage.percent == 50)?;
    let control = stage.control.metrics.get("cost_usd")?;
    let treatment = stage.treatment.metrics.get("cost_usd")?;
    if control.n < 30 || treatment.n < 30 {
        return None;
    }
    Some(treatment.sum / treatment.n as f64 - control.sum / control.n as f64)
}

fn signed_usd(value: f64) -> String {
    if value < 0.0 {
        format!("{} saved", usd(-value))
    } else {
        format!("{} more", usd(value))
    }
}
