//! The MCP tools of the task queue: a supervisor chat dispatches and collects, worker chats claim, report and
//! finish. Using them also tells the registry the chat's role (a dispatcher is a supervisor, a claimer a worker
//! with the capabilities it claims with).

use rmcp::{Json, handler::server::wrapper::Parameters, tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use shim_protocol::{
    NodeOp,
    messages::{
        ClaimTaskReply, ClaimTaskRequest, ClaimedTask, CollectResultsRequest, CompleteTaskReply,
        CompleteTaskRequest, DispatchTaskReply, DispatchTaskRequest, FailTaskRequest, Priority,
        TaskIdRequest, TaskList, TaskProgressRequest, TaskRecord, TaskStatusRequest,
    },
};

use super::ShimMcp;

/// Arguments of `shim_dispatch_task`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct DispatchArgs {
    /// A short title.
    pub title: String,
    /// Everything the worker needs to do the task.
    pub instructions: String,
    /// Default: normal.
    #[serde(default)]
    #[schemars(extend("enum" = ["critical", "high", "normal", "low"]))]
    pub priority: Option<String>,
    /// Task ids that must be done first.
    #[serde(default)]
    pub depends_on: Option<Vec<String>>,
    /// Capabilities a worker needs (e.g. rust, frontend).
    #[serde(default)]
    pub capabilities: Option<Vec<String>>,
    /// Dispatching again with the same key returns the first task.
    #[serde(default)]
    pub idempotency_key: Option<String>,
    /// Default: this server's chat.
    #[serde(default)]
    pub chat_id: Option<String>,
}

/// Result of `shim_dispatch_task`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct DispatchOutput {
    /// The task.
    pub task_id: String,
    /// queued, or failed when a dependency already failed.
    pub status: String,
    /// True when the idempotency key named an earlier task.
    pub deduplicated: bool,
}

/// Arguments of `shim_claim_task`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct ClaimArgs {
    /// Seconds to wait when no task is waiting.
    #[serde(default)]
    #[schemars(range(max = 60))]
    pub wait_seconds: Option<u64>,
    /// This worker's capabilities (remembered for later claims).
    #[serde(default)]
    pub capabilities: Option<Vec<String>>,
    /// Default: this server's chat.
    #[serde(default)]
    pub chat_id: Option<String>,
}

/// A claimed task.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ClaimedOutput {
    /// The task.
    pub task_id: String,
    /// Its title.
    pub title: String,
    /// What to do.
    pub instructions: String,
    /// Its priority.
    pub priority: String,
    /// 1 for the first claim; more when an earlier worker did not finish.
    pub attempt: u32,
    /// Who dispatched it.
    pub supervisor_chat_id: String,
}

impl From<ClaimedTask> for ClaimedOutput {
    fn from(task: ClaimedTask) -> Self {
        ClaimedOutput {
            task_id: task.task_id,
            title: task.title,
            instructions: task.instructions,
            priority: task.priority.as_str().to_owned(),
            attempt: task.attempt,
            supervisor_chat_id: task.supervisor_chat_id,
        }
    }
}

/// Result of `shim_claim_task`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ClaimOutput {
    /// The task, or null when none came in time.
    pub task: Option<ClaimedOutput>,
}

/// Arguments of `shim_task_progress`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct ProgressArgs {
    /// The task.
    pub task_id: String,
    /// Percent done.
    #[schemars(range(min = 0, max = 100))]
    pub progress: f32,
    /// What is happening.
    #[serde(default)]
    pub note: Option<String>,
    /// Default: this server's chat.
    #[serde(default)]
    pub chat_id: Option<String>,
}

/// Arguments of `shim_complete_task`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct CompleteArgs {
    /// The task.
    pub task_id: String,
    /// The result for the supervisor.
    pub result: String,
    /// Also take the next waiting task, in the same call.
    #[serde(default)]
    pub claim_next: bool,
    /// Default: this server's chat.
    #[serde(default)]
    pub chat_id: Option<String>,
}

/// Result of `shim_complete_task`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CompleteOutput {
    /// The task.
    pub task_id: String,
    /// Its status.
    pub status: String,
    /// False when the task had already finished (another worker's result stands).
    pub recorded: bool,
    /// With `claim_next`: the next task; null when none was waiting (and always without `claim_next`).
    pub next: Option<ClaimedOutput>,
}

/// Arguments of `shim_fail_task`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct FailArgs {
    /// The task.
    pub task_id: String,
    /// What went wrong.
    pub error: String,
    /// Retry later (default true) while attempts remain.
    #[serde(default)]
    pub retryable: Option<bool>,
    /// Default: this server's chat.
    #[serde(default)]
    pub chat_id: Option<String>,
}

/// Arguments of `shim_cancel_task`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct CancelArgs {
    /// The task.
    pub task_id: String,
    /// Default: this server's chat.
    #[serde(default)]
    pub chat_id: Option<String>,
}

/// Arguments of `shim_task_status`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct StatusArgs {
    /// One task; default: every task this chat dispatched or holds.
    #[serde(default)]
    pub task_id: Option<String>,
    /// Default: this server's chat.
    #[serde(default)]
    pub chat_id: Option<String>,
}

/// Arguments of `shim_collect_results`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct CollectArgs {
    /// These tasks; default: every task this chat dispatched.
    #[serde(default)]
    pub task_ids: Option<Vec<String>>,
    /// Default: this server's chat.
    #[serde(default)]
    pub chat_id: Option<String>,
}

/// A task as a chat sees it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct TaskView {
    /// The task.
    pub task_id: String,
    /// Its title.
    pub title: String,
    /// queued, claimed, in_progress, done, failed, dead or cancelled.
    pub status: String,
    /// Its priority.
    pub priority: String,
    /// 0 to 100.
    pub progress: f32,
    /// The worker's last note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The worker holding (or that finished) it.
    pub worker_chat_id: Option<String>,
    /// Claims so far.
    pub attempts: u32,
    /// The result, once done.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    /// Why it failed or was retried.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl From<TaskRecord> for TaskView {
    fn from(task: TaskRecord) -> Self {
        TaskView {
            task_id: task.task_id,
            title: task.title,
            status: task.status.as_str().to_owned(),
            priority: task.priority.as_str().to_owned(),
            progress: task.progress,
            note: task.note,
            worker_chat_id: task.worker_chat_id,
            attempts: task.attempts,
            result: task.result,
            error: task.error,
        }
    }
}

/// Tasks.
#[derive(Debug, Serialize, JsonSchema)]
pub struct TasksOutput {
    /// Oldest first.
    pub tasks: Vec<TaskView>,
    /// How many of the tasks asked about are not finished yet.
    pub unfinished: u32,
}

impl From<TaskList> for TasksOutput {
    fn from(list: TaskList) -> Self {
        TasksOutput {
            tasks: list.tasks.into_iter().map(TaskView::from).collect(),
            unfinished: list.unfinished,
        }
    }
}

#[tool_router(router = task_router, vis = "pub(super)")]
impl ShimMcp {
    #[tool(
        name = "shim_dispatch_task",
        description = "Supervisor: hand work to worker chats as a task with everything needed to do it (priority, depends_on, capabilities, idempotency_key)."
    )]
    async fn dispatch_task(
        &self,
        Parameters(args): Parameters<DispatchArgs>,
    ) -> Result<Json<DispatchOutput>, String> {
        let priority = args
            .priority
            .as_deref()
            .map(Priority::parse)
            .transpose()
            .map_err(|error| error.to_string())?;
        // One key per call, kept across every retry below: a dispatch whose answer was lost (NATS went away
        // after the node queued it) is found again, not queued twice.
        let idempotency_key = args
            .idempotency_key
            .clone()
            .unwrap_or_else(|| format!("mcp:{}", uuid::Uuid::now_v7().simple()));
        let started = tokio::time::Instant::now();
        let reply: DispatchTaskReply = self
            .with_node(|node| {
                let chat_id_opt = args.chat_id.clone();
                let request = DispatchTaskRequest {
                    chat_id: String::new(),
                    title: args.title.clone(),
                    instructions: args.instructions.clone(),
                    priority,
                    depends_on: args.depends_on.clone().unwrap_or_default(),
                    capabilities: args.capabilities.clone().unwrap_or_default(),
                    idempotency_key: Some(idempotency_key.clone()),
                    max_attempts: None,
                };
                async move {
                    let chat_id = self.chat_id(&node, chat_id_opt).await?;
                    self.set_profile(&node, &chat_id, "supervisor", None).await;
                    let request = DispatchTaskRequest { chat_id, ..request };
                    dispatch_until_answered(&node, &request, started).await
                }
            })
            .await?;
        Ok(Json(DispatchOutput {
            task_id: reply.task_id,
            status: reply.status.as_str().to_owned(),
            deduplicated: reply.deduplicated,
        }))
    }

    #[tool(
        name = "shim_claim_task",
        description = "Worker: take the next task you can do, waiting up to wait_seconds (≤ 60). Returns the task, or null when none came."
    )]
    async fn claim_task(
        &self,
        Parameters(args): Parameters<ClaimArgs>,
        call: rmcp::service::RequestContext<rmcp::RoleServer>,
    ) -> Result<Json<ClaimOutput>, String> {
        let wait_seconds = super::tools::check_wait(args.wait_seconds)?;
        let claim = self.with_node(|node| {
            let (chat_id_opt, capabilities) = (args.chat_id.clone(), args.capabilities.clone());
            async move {
                let chat_id = self.chat_id(&node, chat_id_opt).await?;
                self.set_profile(&node, &chat_id, "worker", capabilities.clone())
                    .await;
                node.with_timeout(std::time::Duration::from_secs(
                    wait_seconds.unwrap_or(0) + 10,
                ))
                .request(
                    NodeOp::TaskClaim,
                    &ClaimTaskRequest {
                        chat_id,
                        wait_seconds,
                        capabilities,
                    },
                )
                .await
            }
        });
        // A cancelled call drops its request: no receipt goes out, so the node hands back what it took.
        let reply: ClaimTaskReply = tokio::select! {
            reply = claim => reply?,
            () = call.ct.cancelled() => return Err("the claim was cancelled".to_owned()),
        };
        Ok(Json(ClaimOutput {
            task: reply.task.map(ClaimedOutput::from),
        }))
    }

    #[tool(
        name = "shim_task_progress",
        description = "Worker: at milestones of a long task, report percent done; this keeps the task yours."
    )]
    async fn task_progress(
        &self,
        Parameters(args): Parameters<ProgressArgs>,
    ) -> Result<Json<TaskView>, String> {
        let task: TaskRecord = self
            .chat_request(
                args.chat_id.clone(),
                NodeOp::TaskProgress,
                None,
                |chat_id| TaskProgressRequest {
                    chat_id,
                    task_id: args.task_id.clone(),
                    progress: args.progress,
                    note: args.note.clone(),
                },
            )
            .await?;
        Ok(Json(task.into()))
    }

    #[tool(
        name = "shim_complete_task",
        description = "Worker: finish your task with its result for the supervisor; claim_next also takes the next task in the same call."
    )]
    async fn complete_task(
        &self,
        Parameters(args): Parameters<CompleteArgs>,
    ) -> Result<Json<CompleteOutput>, String> {
        let reply: CompleteTaskReply = self
            .chat_request(
                args.chat_id.clone(),
                NodeOp::TaskComplete,
                None,
                |chat_id| CompleteTaskRequest {
                    chat_id,
                    task_id: args.task_id.clone(),
                    result: args.result.clone(),
                    claim_next: args.claim_next,
                    capabilities: None,
                },
            )
            .await?;
        Ok(Json(CompleteOutput {
            task_id: reply.task_id,
            status: reply.status.as_str().to_owned(),
            recorded: reply.recorded,
            next: reply.next.map(ClaimedOutput::from),
        }))
    }

    #[tool(
        name = "shim_fail_task",
        description = "Worker: give up on a task you cannot finish; retryable (default) queues it again after a back-off."
    )]
    async fn fail_task(
        &self,
        Parameters(args): Parameters<FailArgs>,
    ) -> Result<Json<TaskView>, String> {
        let task: TaskRecord = self
            .chat_request(args.chat_id.clone(), NodeOp::TaskFail, None, |chat_id| {
                FailTaskRequest {
                    chat_id,
                    task_id: args.task_id.clone(),
                    error: args.error.clone(),
                    retryable: args.retryable,
                }
            })
            .await?;
        Ok(Json(task.into()))
    }

    #[tool(
        name = "shim_cancel_task",
        description = "When a task is no longer needed: cancel it (if not finished); tasks depending on it fail."
    )]
    async fn cancel_task(
        &self,
        Parameters(args): Parameters<CancelArgs>,
    ) -> Result<Json<TaskView>, String> {
        let task: TaskRecord = self
            .chat_request(args.chat_id.clone(), NodeOp::TaskCancel, None, |chat_id| {
                TaskIdRequest {
                    chat_id,
                    task_id: args.task_id.clone(),
                }
            })
            .await?;
        Ok(Json(task.into()))
    }

    #[tool(
        name = "shim_task_status",
        description = "Check one task, or every task this chat dispatched or holds: status, progress, worker, result."
    )]
    async fn task_status(
        &self,
        Parameters(args): Parameters<StatusArgs>,
    ) -> Result<Json<TasksOutput>, String> {
        let list: TaskList = self
            .chat_request(args.chat_id.clone(), NodeOp::TaskStatus, None, |chat_id| {
                TaskStatusRequest {
                    chat_id: Some(chat_id),
                    task_ids: args.task_id.clone().into_iter().collect(),
                    all: false,
                }
            })
            .await?;
        Ok(Json(list.into()))
    }

    #[tool(
        name = "shim_collect_results",
        description = "Supervisor: the results of your finished tasks and how many are still open; call until unfinished is 0."
    )]
    async fn collect_results(
        &self,
        Parameters(args): Parameters<CollectArgs>,
    ) -> Result<Json<TasksOutput>, String> {
        let list: TaskList = self
            .chat_request(args.chat_id.clone(), NodeOp::TaskCollect, None, |chat_id| {
                CollectResultsRequest {
                    chat_id,
                    task_ids: args.task_ids.clone(),
                }
            })
            .await?;
        Ok(Json(list.into()))
    }
}

/// How long a dispatch keeps trying while its outcome is unknown (NATS away, the node not answering).
const DISPATCH_PATIENCE: std::time::Duration = std::time::Duration::from_secs(30);

/// Sends a dispatch (with its idempotency key) until an answer comes: while the outcome is unknown (a timeout,
/// NATS down, a contended key), waits for the connection and sends it again, up to [`DISPATCH_PATIENCE`]
/// after `started`. The key makes every send after the first find the first one's task.
async fn dispatch_until_answered(
    node: &crate::nats::NodeClient,
    request: &DispatchTaskRequest,
    started: tokio::time::Instant,
) -> Result<DispatchTaskReply, crate::nats::ClientError> {
    use crate::nats::ClientError;
    let mut outage = false;
    loop {
        let result = node.request(NodeOp::TaskDispatch, request).await;
        let unknown = match &result {
            Err(ClientError::Timeout { .. } | ClientError::Nats(_)) => {
                outage = true;
                true
            }
            // No node was there to queue it; during an outage, the node may not be back yet.
            Err(ClientError::NoNode { .. }) => outage,
            Err(ClientError::Remote(shim_protocol::WireError::Busy { .. })) => true,
            _ => false,
        };
        if !unknown {
            return result;
        }
        if started.elapsed() >= DISPATCH_PATIENCE {
            let key = request.idempotency_key.as_deref().unwrap_or_default();
            let error = result
                .err()
                .map(|error| error.to_string())
                .unwrap_or_default();
            return Err(ClientError::Nats(format!(
                "{error}; the task may have been queued: dispatch again with idempotency_key {key:?} to find it instead of queueing it twice"
            )));
        }
        tracing::warn!(error = ?result.as_ref().err(), "dispatch unanswered; sending it again with its key");
        while node.nats().connection_state() != async_nats::connection::State::Connected
            && started.elapsed() < DISPATCH_PATIENCE
        {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}
