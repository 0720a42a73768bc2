//! `shim-node tasks`: the task queue as a person sees it.

use std::process::ExitCode;

use anyhow::Context;
use shim_protocol::{
    NodeOp, WireError,
    messages::{TaskIdRequest, TaskList, TaskRecord, TaskStatus, TaskStatusRequest},
};

use super::table::{self, Align};
use crate::{config::Config, nats::ClientError};

/// A task status as `tasks list --status` takes it: anything else is a usage error (exit 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[value(rename_all = "snake_case")]
pub(super) enum StatusArg {
    /// Waiting for a worker.
    Queued,
    /// A worker took it.
    Claimed,
    /// The worker reported progress.
    InProgress,
    /// Finished with a result.
    Done,
    /// Failed for good.
    Failed,
    /// Ran out of attempts.
    Dead,
    /// Cancelled.
    Cancelled,
}

impl From<StatusArg> for TaskStatus {
    fn from(status: StatusArg) -> TaskStatus {
        match status {
            StatusArg::Queued => TaskStatus::Queued,
            StatusArg::Claimed => TaskStatus::Claimed,
            StatusArg::InProgress => TaskStatus::InProgress,
            StatusArg::Done => TaskStatus::Done,
            StatusArg::Failed => TaskStatus::Failed,
            StatusArg::Dead => TaskStatus::Dead,
            StatusArg::Cancelled => TaskStatus::Cancelled,
        }
    }
}

/// The name a person's actions are recorded under.
fn person() -> String {
    let user = std::env::var("USER").unwrap_or_default();
    let user: String = user
        .chars()
        .filter(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '-' | '_'))
        .collect();
    if user.is_empty() {
        "cli".to_owned()
    } else {
        format!("cli-{user}")
    }
}

/// Lists tasks: every task the cluster keeps, or one chat's.
pub(super) async fn list(
    config: &Config,
    chat_id: Option<String>,
    status: Option<StatusArg>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let node = super::node_client(config, "shim-node tasks").await?;
    let all = chat_id.is_none();
    let mut list: TaskList = node
        .request(
            NodeOp::TaskStatus,
            &TaskStatusRequest {
                chat_id,
                task_ids: Vec::new(),
                all,
            },
        )
        .await?;
    let filtered = status.is_some();
    if let Some(status) = status {
        let status = TaskStatus::from(status);
        list.tasks.retain(|task| task.status == status);
    }
    if list.left_out > 0 {
        eprintln!(
            "{} older tasks left out{} (a list carries the newest 500 tasks, as many as fit in one reply); `shim-node tasks show <task_id>` shows any task",
            list.left_out,
            if filtered { " and not filtered" } else { "" }
        );
    }
    if json {
        outln!("{}", serde_json::to_string_pretty(&list.tasks)?);
        return Ok(ExitCode::SUCCESS);
    }
    if list.tasks.is_empty() {
        outln!("no tasks");
        return Ok(ExitCode::SUCCESS);
    }
    let rows: Vec<Vec<String>> = list
        .tasks
        .iter()
        .map(|task| {
            vec![
                task.task_id.clone(),
                task.status.as_str().to_owned(),
                task.priority.as_str().to_owned(),
                format!("{}%", task.progress.round()),
                task.worker_chat_id
                    .clone()
                    .unwrap_or_else(|| "-".to_owned()),
                task.title.clone(),
            ]
        })
        .collect();
    let header = [
        ("TASK", Align::Left),
        ("STATUS", Align::Left),
        ("PRIORITY", Align::Left),
        ("PROGRESS", Align::Right),
        ("WORKER", Align::Left),
        ("TITLE", Align::Left),
    ];
    for line in table::render(&header, &rows) {
        outln!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}

/// The record of task `task_id`.
async fn one_task(node: &crate::nats::NodeClient, task_id: &str) -> anyhow::Result<TaskRecord> {
    let list: TaskList = node
        .request(
            NodeOp::TaskStatus,
            &TaskStatusRequest {
                chat_id: None,
                task_ids: vec![task_id.to_owned()],
                all: false,
            },
        )
        .await?;
    list.tasks
        .into_iter()
        .next()
        .with_context(|| format!("task {task_id} does not exist"))
}

/// Shows one task in full.
pub(super) async fn show(config: &Config, task_id: &str, json: bool) -> anyhow::Result<ExitCode> {
    let node = super::node_client(config, "shim-node tasks").await?;
    let task = one_task(&node, task_id).await?;
    if json {
        outln!("{}", serde_json::to_string_pretty(&task)?);
    } else {
        print_task(&task);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_task(task: &TaskRecord) {
    outln!("task        {}", task.task_id);
    outln!("title       {}", task.title);
    outln!(
        "status      {} ({}%, attempt {} of {})",
        task.status.as_str(),
        task.progress.round(),
        task.attempts,
        task.max_attempts
    );
    outln!("priority    {}", task.priority.as_str());
    outln!("supervisor  {}", task.supervisor_chat_id);
    outln!(
        "worker      {}",
        task.worker_chat_id.as_deref().unwrap_or("-")
    );
    if !task.depends_on.is_empty() {
        outln!("depends on  {}", task.depends_on.join(", "));
    }
    if !task.capabilities.is_empty() {
        outln!("needs       {}", task.capabilities.join(", "));
    }
    if let Some(note) = &task.note {
        outln!("note        {note}");
    }
    if let Some(error) = &task.error {
        outln!("error       {error}");
    }
    outln!("\n{}", task.instructions);
    if let Some(result) = &task.result {
        outln!("\nresult:\n{result}");
    }
}

/// Cancels a task, or puts a failed, dead or cancelled one back on the queue: as the person running it, or,
/// for a task whose supervisor chat has a session (only that chat may change it), as that chat, with the
/// secret this machine's node derives for it (as the chat's hooks do).
pub(super) async fn act(config: &Config, task_id: &str, retry: bool) -> anyhow::Result<ExitCode> {
    let node = super::node_client(config, "shim-node tasks").await?;
    let op = if retry {
        NodeOp::TaskRetry
    } else {
        NodeOp::TaskCancel
    };
    let as_chat = |chat_id: String| TaskIdRequest {
        chat_id,
        task_id: task_id.to_owned(),
    };
    let task: TaskRecord = match node.request(op, &as_chat(person())).await {
        Err(ClientError::Remote(WireError::Forbidden { .. })) => {
            let supervisor = one_task(&node, task_id).await?.supervisor_chat_id;
            let secret_opt = crate::coordination::chat_keys::local_secret(
                &crate::data_dir::DataDir::new(&config.data_dir),
                &supervisor,
            );
            match node
                .with_chat_secret(secret_opt.as_deref())
                .request(op, &as_chat(supervisor.clone()))
                .await
            {
                Err(ClientError::Remote(WireError::Forbidden { .. })) => anyhow::bail!(
                    "task {task_id} was dispatched by chat {supervisor}, which is not a chat of this machine's \
                     node; run `shim-node tasks {op_word} {task_id}` on the machine it runs on",
                    op_word = if retry { "retry" } else { "cancel" }
                ),
                other => other?,
            }
        }
        other => other?,
    };
    outln!("{} is {}", task.task_id, task.status.as_str());
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use clap::ValueEnum;

    use super::*;

    #[test]
    fn every_status_argument_is_spelled_as_the_status_it_names() {
        for arg in StatusArg::value_variants() {
            let name = arg
                .to_possible_value()
                .map(|value| value.get_name().to_owned());
            assert_eq!(name.as_deref(), Some(TaskStatus::from(*arg).as_str()));
        }
    }
}
