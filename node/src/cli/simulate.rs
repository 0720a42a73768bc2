//! `shim-node simulate kaizen --scenario better|out-of-bounds|regression|aa --seed N [--json]`: the real loop
//! on generated sessions (see `kaizen::simulate` and docs/kaizen.md).

use std::{process::ExitCode, time::Duration};

use crate::{
    config::Config,
    kaizen::simulate::{self, Change, Scenario, SimOptions, SimReport},
};

/// Runs one simulation and prints what the loop did.
pub async fn kaizen(
    config: &Config,
    scenario: Scenario,
    seed: u64,
    effect: Option<f64>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let mut options = SimOptions::new(scenario, seed);
    if let Some(effect) = effect {
        anyhow::ensure!(
            effect.is_finite() && (0.0..=0.9).contains(&effect),
            "--effect must be between 0 and 0.9, not {effect}"
        );
        options.effect = effect;
    }
    let (report, elapsed, nats) = simulate::run_command(config, &options).await?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print(&report, elapsed);
        println!("(on the {nats} NATS; nothing of the real loop was touched)");
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints a report for a person.
fn print(report: &SimReport, elapsed: Duration) {
    println!(
        "scenario {} seed {}: {} sessions ({:.0} simulated hours) in {:.1} s",
        report.scenario.as_str(),
        report.seed,
        report.sessions,
        report.simulated_hours,
        elapsed.as_secs_f64()
    );
    for experiment in &report.experiments {
        if experiment.units_per_arm > 0 {
            println!(
                "  {} {} {} → {}: {} (last stage {}%, {} looks, plan {} chats per variant)",
                experiment.id,
                experiment.parameter,
                experiment.from,
                experiment.to,
                experiment.status,
                experiment.stage,
                experiment.looks,
                experiment.units_per_arm
            );
        } else {
            println!(
                "  {} {} {} → {}: {}",
                experiment.id,
                experiment.parameter,
                experiment.from,
                experiment.to,
                experiment.status
            );
        }
        for line in &experiment.evidence {
            println!("    found: {line}");
        }
        if let Some(effect) = &experiment.effect {
            println!("    {effect}");
        }
        println!("    {}", experiment.reason);
    }
    let names = |changes: &[Change]| {
        changes
            .iter()
            .map(|change| format!("{} {} → {}", change.parameter, change.from, change.to))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!("shipped: {}", or_none(names(&report.shipped)));
    println!("rolled back: {}", or_none(names(&report.rolled_back)));
    println!(
        "refused: {}",
        or_none(
            report
                .refused
                .iter()
                .map(|refusal| format!("{} {} → {}", refusal.parameter, refusal.from, refusal.to))
                .collect::<Vec<_>>()
                .join(", ")
        )
    );
}

fn or_none(text: String) -> String {
    if text.is_empty() {
        "none".to_owned()
    } else {
        text
    }
}
