//! The task queue: a supervisor chat dispatches tasks, worker chats claim, report on and finish them.

use serde::{Deserialize, Serialize};

use crate::WireError;

/// How urgent a task is. A waiting task of a higher priority is always claimed before a lower one.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    /// Before everything else.
    Critical,
    /// Before normal work.
    High,
    /// The default.
    #[default]
    Normal,
    /// When nothing else waits.
    Low,
}

impl Priority {
    /// Every priority, highest first: the order in which the queue is searched.
    pub const ALL: [Priority; 4] = [
        Priority::Critical,
        Priority::High,
        Priority::Normal,
        Priority::Low,
    ];

    /// Returns the priority's name, as used in subjects and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Critical => "critical",
            Priority::High => "high",
            Priority::Normal => "normal",
            Priority::Low => "low",
        }
    }

    /// Parses a priority name.
    pub fn parse(name: &str) -> Result<Priority, WireError> {
        Priority::ALL
            .into_iter()
            .find(|priority| priority.as_str() == name)
            .ok_or_else(|| {
                WireError::bad_request(format!(
                    "priority {name:?} is not critical, high, normal or low"
                ))
            })
    }
}

/// Where a task is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    /// Waiting for a worker (or for the tasks it depends on).
    Queued,
    /// A worker took it.
    Claimed,
    /// The worker reported progress.
    InProgress,
    /// Finished with a result.
    Done,
    /// Failed for good (by its worker, or because a task it depends on did not finish).
    Failed,
    /// Ran out of attempts; a copy is in the dead-letter stream.
    Dead,
    /// Cancelled by a person or its supervisor.
    Cancelled,
}

impl TaskStatus {
    /// Returns the status's name.
    pub fn as_str(self) -> &'static str {
        match self {
            TaskStatus::Queued => "queued",
            TaskStatus::Claimed => "claimed",
            TaskStatus::InProgress => "in_progress",
            TaskStatus::Done => "done",
            TaskStatus::Failed => "failed",
            TaskStatus::Dead => "dead",
            TaskStatus::Cancelled => "cancelled",
        }
    }

    /// True once nothing more will happen to the task (short of a retry by a person).
    pub fn is_finished(self) -> bool {
        matches!(
            self,
            TaskStatus::Done | TaskStatus::Failed | TaskStatus::Dead | TaskStatus::Cancelled
        )
    }

    /// True while a worker holds the task.
    pub fn is_held(self) -> bool {
        matches!(self, TaskStatus::Claimed | TaskStatus::InProgress)
    }
}

/// A task as the queue keeps it (JSON in the `shim_tasks` bucket, one key per task).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TaskRecord {
    /// The task.
    pub task_id: String,
    /// A short title.
    pub title: String,
    /// What the worker should do.
    pub instructions: String,
    /// Its priority.
    pub priority: Priority,
    /// Tasks that must be done before this one can be claimed.
    #[serde(default)]
    pub depends_on: Vec<String>,
    /// Capabilities a worker must have to claim it.
    #[serde(default)]
    pub capabilities: Vec<String>,
    /// The caller's key for deduplication.
    #[serde(default)]
    pub idempotency_key: Option<String>,
    /// The chat that dispatched it.
    pub supervisor_chat_id: String,
    /// Where it is.
    pub status: TaskStatus,
    /// Progress reported by the worker, 0 to 100.
    #[serde(default)]
    pub progress: f32,
    /// The worker's last note.
    #[serde(default)]
    pub note: Option<String>,
    /// The chat that holds (or last held) it.
    #[serde(default)]
    pub worker_chat_id: Option<String>,
    /// Every chat that was handed it by a claim, in order (one whose claim was taken back for want of a
    /// receipt included: it may still complete the task).
    #[serde(default)]
    pub workers: Vec<String>,
    /// Claims so far.
    #[serde(default)]
    pub attempts: u32,
    /// Claims allowed before the task is dead.
    pub max_attempts: u32,
    /// True while it is on the queue (a task waiting for others is not yet).
    #[serde(default)]
    pub enqueued: bool,
    /// How many times it was put on the queue (a retry by a person puts it on again).
    #[serde(default)]
    pub enqueues: u32,
    /// Tasks waiting for this one.
    #[serde(default)]
    pub dependents: Vec<String>,
    /// The worker's result.
    #[serde(default)]
    pub result: Option<String>,
    /// Why it failed, died or was requeued.
    #[serde(default)]
    pub error: Option<String>,
    /// Creation, milliseconds since the Unix epoch.
    pub created_at_ms: u64,
    /// The last claim.
    #[serde(default)]
    pub claimed_at_ms: Option<u64>,
    /// The last change.
    pub updated_at_ms: u64,
    /// When it finished.
    #[serde(default)]
    pub finished_at_ms: Option<u64>,
    /// The JetStream acknowledgement subject of the delivery the worker holds: any node can extend, return or
    /// settle the delivery through it.
    #[serde(default)]
    pub ack_subject: Option<String>,
}

/// Puts a task on the queue.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DispatchTaskRequest {
    /// The supervisor chat.
    pub chat_id: String,
    /// A short title (at most 200 characters).
    pub title: String,
    /// What the worker should do (at most 256 KiB).
    pub instructions: String,
    /// Default normal.
    #[serde(default)]
    pub priority: Option<Priority>,
    /// Tasks that must be done first.
    #[serde(default)]
    pub depends_on: Vec<String>,
    /// Capabilities a worker needs.
    #[serde(default)]
    pub capabilities: Vec<String>,
    /// A second dispatch from the same chat with the same key returns the first task instead of a new one;
    /// another chat's key of the same text is another key.
    #[serde(default)]
    pub idempotency_key: Option<String>,
    /// Claims allowed (default: the node's `task_max_attempts`).
    #[serde(default)]
    pub max_attempts: Option<u32>,
}

/// The answer to a dispatch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DispatchTaskReply {
    /// The task (the earlier one when deduplicated).
    pub task_id: String,
    /// Its status.
    pub status: TaskStatus,
    /// True when the idempotency key named an existing task.
    #[serde(default)]
    pub deduplicated: bool,
}

/// Claims the next task.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ClaimTaskRequest {
    /// The worker chat.
    pub chat_id: String,
    /// How long to wait for a task when none is waiting (at most 60).
    #[serde(default)]
    pub wait_seconds: Option<u64>,
    /// The worker's capabilities (default: those in its registry entry).
    #[serde(default)]
    pub capabilities: Option<Vec<String>>,
}

/// A task handed to a worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ClaimedTask {
    /// The task.
    pub task_id: String,
    /// Its title.
    pub title: String,
    /// What to do.
    pub instructions: String,
    /// Its priority.
    pub priority: Priority,
    /// Which claim this is (1 for the first).
    pub attempt: u32,
    /// The chat that dispatched it.
    pub supervisor_chat_id: String,
}

/// The answer to a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ClaimTaskReply {
    /// The task, or none when nothing claimable arrived in time.
    pub task: Option<ClaimedTask>,
}

/// Reports progress.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TaskProgressRequest {
    /// The worker chat.
    pub chat_id: String,
    /// The task.
    pub task_id: String,
    /// 0 to 100.
    pub progress: f32,
    /// What is happening.
    #[serde(default)]
    pub note: Option<String>,
}

/// Completes a task.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CompleteTaskRequest {
    /// The worker chat.
    pub chat_id: String,
    /// The task.
    pub task_id: String,
    /// The result (at most 256 KiB).
    pub result: String,
    /// Also claim the next task for this worker (without waiting), in the same call.
    #[serde(default)]
    pub claim_next: bool,
    /// Capabilities for that claim (default: those in the worker's registry entry).
    #[serde(default)]
    pub capabilities: Option<Vec<String>>,
}

/// The answer to a completion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CompleteTaskReply {
    /// The task.
    pub task_id: String,
    /// Its status now.
    pub status: TaskStatus,
    /// True when this call's result is the one recorded; false when the task had already finished.
    pub recorded: bool,
    /// The next task, when `claim_next` was asked for and one was waiting.
    #[serde(default)]
    pub next: Option<ClaimedTask>,
}

/// Fails a task.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FailTaskRequest {
    /// The worker chat.
    pub chat_id: String,
    /// The task.
    pub task_id: String,
    /// What went wrong.
    pub error: String,
    /// Try again (after a back-off) while attempts remain; default true.
    #[serde(default)]
    pub retryable: Option<bool>,
}

/// Names one task (cancel, retry).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TaskIdRequest {
    /// The chat (or person) asking.
    pub chat_id: String,
    /// The task.
    pub task_id: String,
}

/// Shows tasks.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TaskStatusRequest {
    /// The chat asking; with no task ids, its own tasks (dispatched or held) are shown.
    #[serde(default)]
    pub chat_id: Option<String>,
    /// These tasks only.
    #[serde(default)]
    pub task_ids: Vec<String>,
    /// Every task the cluster knows, not only the chat's.
    #[serde(default)]
    pub all: bool,
}

/// Collects finished tasks' results.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CollectResultsRequest {
    /// The supervisor chat.
    pub chat_id: String,
    /// These tasks only (default: every task the chat dispatched).
    #[serde(default)]
    pub task_ids: Option<Vec<String>>,
}

/// Tasks, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TaskList {
    /// The tasks.
    pub tasks: Vec<TaskRecord>,
    /// Of the tasks asked about, how many are not finished yet.
    #[serde(default)]
    pub unfinished: u32,
    /// How many of the tasks asked about were left out: beyond the newest 500, or so that the reply fits in
    /// a NATS message (the oldest go first); ask for them by their ids.
    #[serde(default)]
    pub left_out: u32,
}
