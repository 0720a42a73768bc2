//! `shim-node checkpoints list|show|export` and `shim-node resume`.

use std::{path::PathBuf, process::ExitCode};

use anyhow::Context;
use shim_protocol::{
    NodeOp,
    messages::{
        Checkpoint, CheckpointList, GetCheckpointRequest, ListCheckpointsRequest,
        ResumeCheckRequest, ResumeOffer, ResumeRequest,
    },
};

use super::table::{self, Align};
use crate::config::Config;

fn when(ms: u64) -> String {
    humantime::format_rfc3339_seconds(std::time::UNIX_EPOCH + std::time::Duration::from_millis(ms))
        .to_string()
}

pub(super) async fn list(
    config: &Config,
    chat_id_opt: Option<String>,
    limit: u32,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let list: CheckpointList = super::node_client(config, "shim-node checkpoints")
        .await?
        .request(
            NodeOp::CheckpointList,
            &ListCheckpointsRequest {
                chat_id: chat_id_opt,
                limit: Some(limit),
            },
        )
        .await?;
    if json {
        outln!("{}", serde_json::to_string_pretty(&list.checkpoints)?);
        return Ok(ExitCode::SUCCESS);
    }
    if list.checkpoints.is_empty() {
        outln!("no checkpoints");
        return Ok(ExitCode::SUCCESS);
    }
    let rows: Vec<Vec<String>> = list
        .checkpoints
        .iter()
        .map(|summary| {
            vec![
                summary.checkpoint_id.clone(),
                when(summary.created_at_ms),
                summary.trigger.as_str().to_owned(),
                format!("{} B", summary.bytes),
                summary.summary.clone(),
            ]
        })
        .collect();
    let header = [
        ("CHECKPOINT", Align::Left),
        ("CREATED", Align::Left),
        ("TRIGGER", Align::Left),
        ("SIZE", Align::Right),
        ("SUMMARY", Align::Left),
    ];
    for line in table::render(&header, &rows) {
        outln!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}

async fn fetch(config: &Config, checkpoint_id: &str) -> anyhow::Result<Checkpoint> {
    Ok(super::node_client(config, "shim-node checkpoints")
        .await?
        .request(
            NodeOp::CheckpointGet,
            &GetCheckpointRequest {
                checkpoint_id: checkpoint_id.to_owned(),
            },
        )
        .await?)
}

pub(super) async fn show(config: &Config, checkpoint_id: &str) -> anyhow::Result<ExitCode> {
    let checkpoint = fetch(config, checkpoint_id).await?;
    outln!(
        "checkpoint {} ({} at {})",
        checkpoint.checkpoint_id,
        checkpoint.trigger.as_str(),
        when(checkpoint.created_at_ms)
    );
    outln!(
        "project    {}",
        checkpoint.project_dir.as_deref().unwrap_or("-")
    );
    outln!("summary    {}", checkpoint.conversation.summary);
    if !checkpoint.task.operation.is_empty() {
        outln!(
            "task       {} — {} ({:.0}%)",
            checkpoint.task.operation,
            checkpoint.task.phase,
            checkpoint.task.progress * 100.0
        );
    }
    for step in &checkpoint.task.next_steps {
        outln!("next       {step}");
    }
    for blocker in &checkpoint.task.blockers {
        outln!("blocker    {blocker}");
    }
    outln!(
        "files      branch {} · {} modified · {} staged · {} untracked · diff {} B",
        checkpoint.files.branch.as_deref().unwrap_or("-"),
        checkpoint.files.modified.len(),
        checkpoint.files.staged.len(),
        checkpoint.files.untracked.len(),
        checkpoint.files.diff.len()
    );
    outln!(
        "signals    {} messages · {} tool calls ({} failed) · context {}",
        checkpoint.signals.message_count,
        checkpoint.signals.tool_calls,
        checkpoint.signals.tool_failures,
        checkpoint
            .signals
            .context_ratio
            .map_or_else(|| "?".to_owned(), |ratio| format!("{:.0}%", ratio * 100.0))
    );
    Ok(ExitCode::SUCCESS)
}

pub(super) async fn export(
    config: &Config,
    checkpoint_id: &str,
    output_opt: Option<PathBuf>,
) -> anyhow::Result<ExitCode> {
    let checkpoint = fetch(config, checkpoint_id).await?;
    let text = serde_json::to_string_pretty(&checkpoint)?;
    match output_opt {
        // A checkpoint holds diffs and conversation: private to its user, like the store it came from.
        Some(path) => crate::data_dir::write_private(&path, format!("{text}\n").as_bytes())
            .with_context(|| format!("failed to write {}", path.display()))?,
        None => outln!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints the resume prompt of the interrupted session in `project_dir` (an existing directory, canonical).
/// Looking leaves it offered; with
/// `take` it is marked restored and not offered again.
pub(super) async fn resume(
    config: &Config,
    project_dir: PathBuf,
    take: bool,
) -> anyhow::Result<ExitCode> {
    let project = project_dir.display().to_string();
    let node = super::node_client(config, "shim-node resume").await?;
    let offer: ResumeOffer = if take {
        node.request(
            NodeOp::ResumeTake,
            &ResumeRequest {
                checkpoint_id: None,
                project_dir: Some(project),
                chat_id: None,
            },
        )
        .await?
    } else {
        node.request(
            NodeOp::ResumeCheck,
            &ResumeCheckRequest {
                project_dir: project,
                chat_id: None,
            },
        )
        .await?
    };
    match offer.resume_prompt.filter(|_| offer.resume_available) {
        Some(prompt) => {
            outln!("{prompt}");
            if take {
                eprintln!(
                    "marked restored: checkpoint {} is not offered again",
                    offer.checkpoint_id.unwrap_or_default()
                );
            } else {
                eprintln!("still offered: `shim-node resume --take` marks it restored");
            }
        }
        None => eprintln!("nothing to resume in {}", project_dir.display()),
    }
    Ok(ExitCode::SUCCESS)
}
