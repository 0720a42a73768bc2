//! `shim-node verify`, `shim-node commit` and `shim-node workflows enable|disable|list` (docs/workflows.md).
//!
//! These run the engine ([`crate::workflows`]) in this process, in the project directory, as the user: no
//! node is needed, and a verify is never cut short by a request timeout. What they record (the enabled
//! projects, each project's last verify) is in the data dir, shared with `shim-node mcp`'s `shim_verify` and
//! `shim_commit`.

use std::{path::Path, process::ExitCode};

use serde_json::json;

use super::exit;
use crate::{
    config::Config,
    data_dir::DataDir,
    workflows::{self, Workflows},
};

fn engine(config: &Config) -> Workflows {
    Workflows::new(&DataDir::new(&config.data_dir))
}

/// `shim-node verify [--json] [--project DIR] [PATH...]`: exit 0 when every step passed, 1 otherwise.
pub(super) async fn verify(
    config: &Config,
    project: &Path,
    paths: &[String],
    json: bool,
) -> anyhow::Result<ExitCode> {
    let project = workflows::project_dir(project)?;
    let report = engine(config).verify(&project, paths, None).await?;
    if json {
        outln!("{}", json!({"ok": report.ok, "failures": report.failures}));
    } else {
        for step in &report.steps {
            outln!(
                "{:<7} {:<9} {:>6.1}s  {}",
                step.name,
                step.outcome,
                step.duration_ms as f64 / 1000.0,
                step.command.join(" ")
            );
        }
        for failure in &report.failures {
            outln!("{failure}");
        }
        if report.failures_elsewhere > 0 {
            outln!(
                "{} more outside the paths given",
                workflows::failure_count(report.failures_elsewhere)
            );
        }
        match (report.ok, &report.tree) {
            (true, Some(_)) => {
                outln!("verified: ok; `shim-node commit -m MESSAGE` commits this tree")
            }
            (true, None) => {
                outln!("verified: ok (not a git repository, or the files changed during the run)")
            }
            (false, _) => outln!(
                "verify failed: {}",
                workflows::failure_count(report.failures.len() + report.failures_elsewhere)
            ),
        }
    }
    Ok(match report.ok {
        true => ExitCode::SUCCESS,
        false => ExitCode::from(exit::ERROR),
    })
}

/// `shim-node commit -m MESSAGE [--project DIR]`.
pub(super) async fn commit(
    config: &Config,
    project: &Path,
    message: &str,
) -> anyhow::Result<ExitCode> {
    let project = workflows::project_dir(project)?;
    let report = engine(config).commit(&project, message).await?;
    outln!(
        "committed {} (the verified tree {})",
        report.commit,
        report.tree
    );
    Ok(ExitCode::SUCCESS)
}

/// `shim-node workflows enable|disable [PATH]`.
pub(super) fn enable(config: &Config, project: &Path, enabled: bool) -> anyhow::Result<ExitCode> {
    let project = workflows::project_dir(project)?;
    let changed = engine(config).state().set_enabled(&project, enabled)?;
    let state = if enabled { "enabled" } else { "disabled" };
    match changed {
        true => outln!("workflows {state} for {}", project.display()),
        false => outln!("workflows were already {state} for {}", project.display()),
    }
    if enabled && let Err(reason) = workflows::watch::WatchConfig::load(&project) {
        // Verify and commit work; background builds wait for the table to be fixed.
        eprintln!("warning: {}", workflows::watch::not_watched(&reason));
    }
    Ok(ExitCode::SUCCESS)
}

/// `shim-node workflows list [--json]`.
pub(super) fn list(config: &Config, json: bool) -> anyhow::Result<ExitCode> {
    let enabled = engine(config).state().enabled()?;
    if json {
        outln!("{}", json!({ "enabled": enabled }));
    } else if enabled.is_empty() {
        outln!(
            "no project has workflows enabled; `shim-node workflows enable` enables the current directory"
        );
    } else {
        for project in enabled {
            outln!("{}", project.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}
