//! Coordination tools: locks, messages and the chat list; the task queue, where a supervisor chat dispatches
//! and collects and worker chats claim, report and finish. Using the task tools also tells the registry the
//! chat's role (a dispatcher is a supervisor, a claimer a worker with the capabilities it claims with).

use rmcp::{Json, handler::server::wrapper::Parameters, tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use shim_protocol::{
    NodeOp, limits,
    messages::{
        ChatList, ChatMessage, ClaimTaskReply, ClaimTaskRequest, CollectResultsRequest,
        CompleteTaskReply, CompleteTaskRequest, DispatchTaskReply, DispatchTaskRequest,
        FailTaskRequest, ListChatsRequest, LockReply, LockRequest, MessageList,
        ReadMessagesRequest, ReleaseLockReply, ReleaseLockRequest, SendMessageRequest,
        TaskIdRequest, TaskList, TaskProgressRequest, TaskRecord, TaskStatusRequest,
    },
};

use super::{Args, ChatArg, Scope, ToolArgs, check_wait, choice, constrain, describe};
use crate::mcp::ShimMcp;

/// Implements [`ToolArgs`] for a request whose chat goes into `chat_id`.
macro_rules! chat_request {
    ($type:ty) => {
        chat_request!($type, []);
    };
    ($type:ty, [$($hidden:literal),*]) => {
        chat_request!($type, [$($hidden),*], |_properties| {});
    };
    ($type:ty, [$($hidden:literal),*], $adjust:expr) => {
        impl ToolArgs for $type {
            const CHAT: ChatArg = ChatArg::Optional;
            const CHAT_FIELD: Option<&'static str> = Some("chat_id");
            const HIDDEN: &'static [&'static str] = &[$($hidden),*];

            fn with_chat(self, chat_id: String) -> Self {
                Self { chat_id, ..self }
            }

            fn adjust(properties: &mut Map<String, Value>) {
                let adjust: fn(&mut Map<String, Value>) = $adjust;
                adjust(properties);
            }
        }
    };
}

chat_request!(LockRequest, [], |properties| describe(
    properties,
    "resource",
    "What to lock, in your words (`repo/main`, `file:src/lib.rs`, `db migration #42`; up to 512 bytes)."
));
chat_request!(ReleaseLockRequest);
// At most the node's limit of messages per read.
chat_request!(ReadMessagesRequest, ["max"], |properties| constrain(
    properties,
    "wait_seconds",
    json!({ "maximum": limits::MAX_WAIT_SECONDS })
));
// The node's configured attempts apply.
chat_request!(DispatchTaskRequest, ["max_attempts"], |properties| choice(
    properties,
    "priority",
    &["critical", "high", "normal", "low"]
));
chat_request!(ClaimTaskRequest, [], |properties| constrain(
    properties,
    "wait_seconds",
    json!({ "maximum": limits::MAX_WAIT_SECONDS })
));
chat_request!(TaskProgressRequest, [], |properties| constrain(
    properties,
    "progress",
    json!({"minimum": 0, "maximum": 100})
));
// The capabilities of the next claim are the chat's own, as the registry has them.
chat_request!(CompleteTaskRequest, ["capabilities"]);
chat_request!(FailTaskRequest);
chat_request!(TaskIdRequest);
chat_request!(CollectResultsRequest);

impl ToolArgs for SendMessageRequest {
    const CHAT: ChatArg = ChatArg::Optional;
    const CHAT_FIELD: Option<&'static str> = Some("from");
    // The tool makes one per call (`send_message`).
    const HIDDEN: &'static [&'static str] = &["idempotency_key"];

    fn with_chat(self, from: String) -> Self {
        SendMessageRequest { from, ..self }
    }
}

impl ToolArgs for ListChatsRequest {
    const CHAT: ChatArg = ChatArg::None;
}

/// Arguments of `shim_task_status`: the wire takes a list of tasks and an `all` flag (for the CLI); the
/// tool shows one task, or the chat's own.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct TaskStatusArgs {
    /// One task; default: every task this chat dispatched or holds.
    #[serde(default)]
    pub task_id: Option<String>,
    /// Default: this server's chat.
    #[serde(default)]
    pub chat_id: Option<String>,
}

/// A task as a chat sees it: the stored [`TaskRecord`] less its instructions (up to 256 KiB, which the
/// worker already has) and its delivery bookkeeping (ack subject, workers, dependents), which are not for
/// the model.
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

/// Tasks, as a chat sees them.
#[derive(Debug, Serialize, JsonSchema)]
pub struct TasksView {
    /// Oldest first.
    pub tasks: Vec<TaskView>,
    /// How many of the tasks asked about are not finished yet.
    pub unfinished: u32,
    /// Older tasks left out so the reply fits; ask for them by `task_ids`.
    #[serde(skip_serializing_if = "is_zero")]
    pub left_out: u32,
}

fn is_zero(count: &u32) -> bool {
    *count == 0
}

impl From<TaskList> for TasksView {
    fn from(list: TaskList) -> Self {
        TasksView {
            tasks: list.tasks.into_iter().map(TaskView::from).collect(),
            unfinished: list.unfinished,
            left_out: list.left_out,
        }
    }
}

#[tool_router(router = coordination_router, vis = "pub(in crate::mcp)")]
impl ShimMcp {
    #[tool(
        name = "shim_acquire_lock",
        description = "Before changing what other chats may change too (a branch, a deploy, a file): lock it for a TTL. Returns a fencing token, or the holder."
    )]
    async fn acquire_lock(
        &self,
        Parameters(args): Parameters<Args<LockRequest>>,
    ) -> Result<Json<LockReply>, String> {
        Ok(Json(self.send(NodeOp::LockAcquire, args).await?))
    }

    #[tool(
        name = "shim_send_message",
        description = "Tell another chat something (to: its chat_id), or every chat (to: broadcast)."
    )]
    async fn send_message(
        &self,
        Parameters(args): Parameters<Args<SendMessageRequest>>,
    ) -> Result<Json<MessageList>, String> {
        // One key per call, kept when the call is sent again to a node found afresh: a message whose answer
        // was lost is not stored twice.
        let mut args = args;
        args.request.idempotency_key = Some(format!("mcp:{}", uuid::Uuid::now_v7().simple()));
        let sent: ChatMessage = self.send(NodeOp::MessageSend, args).await?;
        Ok(Json(MessageList {
            messages: vec![sent],
        }))
    }

    #[tool(
        name = "shim_read_messages",
        description = "When coordinating with other chats: read this chat's unread messages, waiting up to wait_seconds for one."
    )]
    async fn read_messages(
        &self,
        Parameters(args): Parameters<Args<ReadMessagesRequest>>,
        call: rmcp::service::RequestContext<rmcp::RoleServer>,
    ) -> Result<Json<MessageList>, String> {
        let wait_seconds = check_wait(args.request.wait_seconds)?;
        let read = self.request(Scope::Chat(args.chat_id_opt.clone()), |chat| {
            let request = args.request.clone().with_chat(chat.chat_id);
            async move {
                chat.node
                    .with_timeout(limits::patience(wait_seconds))
                    .request(NodeOp::MessageRead, &request)
                    .await
            }
        });
        // A cancelled call drops its request: no receipt goes out, so the node hands the messages back.
        let list: MessageList = tokio::select! {
            list = read => list?,
            () = call.ct.cancelled() => return Err("the read was cancelled".to_owned()),
        };
        Ok(Json(list))
    }

    #[tool(
        name = "shim_list_chats",
        description = "See which chats coordinate through SHIM (role, status, node, task), e.g. to find a chat_id to message."
    )]
    async fn list_chats(
        &self,
        Parameters(args): Parameters<Args<ListChatsRequest>>,
    ) -> Result<Json<ChatList>, String> {
        Ok(Json(self.send(NodeOp::ChatList, args).await?))
    }

    #[tool(
        name = "shim_release_lock",
        description = "As soon as the work a lock protects is done: release it."
    )]
    async fn release_lock(
        &self,
        Parameters(args): Parameters<Args<ReleaseLockRequest>>,
    ) -> Result<Json<ReleaseLockReply>, String> {
        Ok(Json(self.send(NodeOp::LockRelease, args).await?))
    }
}

#[tool_router(router = task_router, vis = "pub(in crate::mcp)")]
impl ShimMcp {
    #[tool(
        name = "shim_dispatch_task",
        description = "Supervisor: hand work to worker chats as a task with everything needed to do it (priority, depends_on, capabilities, idempotency_key)."
    )]
    async fn dispatch_task(
        &self,
        Parameters(args): Parameters<Args<DispatchTaskRequest>>,
    ) -> Result<Json<DispatchTaskReply>, String> {
        // One key per call, kept across every retry below: a dispatch whose answer was lost (NATS went away
        // after the node queued it) is found again, not queued twice.
        let mut request = args.request;
        request.idempotency_key = Some(
            request
                .idempotency_key
                .take()
                .unwrap_or_else(|| format!("mcp:{}", uuid::Uuid::now_v7().simple())),
        );
        let started = tokio::time::Instant::now();
        let reply = self
            .request(Scope::Chat(args.chat_id_opt), |call| {
                let request = request.clone().with_chat(call.chat_id.clone());
                async move {
                    self.set_profile(
                        &call.node,
                        &call.chat_id,
                        shim_protocol::messages::ChatRole::Supervisor,
                        None,
                    )
                    .await;
                    dispatch_until_answered(&call.node, &request, started).await
                }
            })
            .await?;
        Ok(Json(reply))
    }

    #[tool(
        name = "shim_claim_task",
        description = "Worker: take the next task you can do, waiting up to wait_seconds (≤ 60). Returns the task, or null when none came."
    )]
    async fn claim_task(
        &self,
        Parameters(args): Parameters<Args<ClaimTaskRequest>>,
        call: rmcp::service::RequestContext<rmcp::RoleServer>,
    ) -> Result<Json<ClaimTaskReply>, String> {
        let wait_seconds = check_wait(args.request.wait_seconds)?;
        let claim = self.request(Scope::Chat(args.chat_id_opt.clone()), |chat| {
            let request = args.request.clone().with_chat(chat.chat_id.clone());
            async move {
                self.set_profile(
                    &chat.node,
                    &chat.chat_id,
                    shim_protocol::messages::ChatRole::Worker,
                    request.capabilities.clone(),
                )
                .await;
                chat.node
                    .with_timeout(limits::patience(wait_seconds))
                    .request(NodeOp::TaskClaim, &request)
                    .await
            }
        });
        // A cancelled call drops its request: no receipt goes out, so the node hands back what it took.
        let reply: ClaimTaskReply = tokio::select! {
            reply = claim => reply?,
            () = call.ct.cancelled() => return Err("the claim was cancelled".to_owned()),
        };
        Ok(Json(reply))
    }

    #[tool(
        name = "shim_task_progress",
        description = "Worker: at milestones of a long task, report percent done; this keeps the task yours."
    )]
    async fn task_progress(
        &self,
        Parameters(args): Parameters<Args<TaskProgressRequest>>,
    ) -> Result<Json<TaskView>, String> {
        let task: TaskRecord = self.send(NodeOp::TaskProgress, args).await?;
        Ok(Json(task.into()))
    }

    #[tool(
        name = "shim_complete_task",
        description = "Worker: finish your task with its result for the supervisor; claim_next also takes the next task in the same call."
    )]
    async fn complete_task(
        &self,
        Parameters(args): Parameters<Args<CompleteTaskRequest>>,
    ) -> Result<Json<CompleteTaskReply>, String> {
        Ok(Json(self.send(NodeOp::TaskComplete, args).await?))
    }

    #[tool(
        name = "shim_fail_task",
        description = "Worker: give up on a task you cannot finish; retryable (default) queues it again after a back-off."
    )]
    async fn fail_task(
        &self,
        Parameters(args): Parameters<Args<FailTaskRequest>>,
    ) -> Result<Json<TaskView>, String> {
        let task: TaskRecord = self.send(NodeOp::TaskFail, args).await?;
        Ok(Json(task.into()))
    }

    #[tool(
        name = "shim_cancel_task",
        description = "Supervisor: cancel a task you dispatched that is no longer needed (if not finished); tasks depending on it fail."
    )]
    async fn cancel_task(
        &self,
        Parameters(args): Parameters<Args<TaskIdRequest>>,
    ) -> Result<Json<TaskView>, String> {
        let task: TaskRecord = self.send(NodeOp::TaskCancel, args).await?;
        Ok(Json(task.into()))
    }

    #[tool(
        name = "shim_task_status",
        description = "Check one task, or every task this chat dispatched or holds: status, progress, worker, result."
    )]
    async fn task_status(
        &self,
        Parameters(args): Parameters<TaskStatusArgs>,
    ) -> Result<Json<TasksView>, String> {
        let task_ids: Vec<String> = args.task_id.into_iter().collect();
        let list: TaskList = self
            .request(Scope::Chat(args.chat_id), |call| {
                let request = TaskStatusRequest {
                    chat_id: Some(call.chat_id),
                    task_ids: task_ids.clone(),
                    all: false,
                };
                async move { call.node.request(NodeOp::TaskStatus, &request).await }
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
        Parameters(args): Parameters<Args<CollectResultsRequest>>,
    ) -> Result<Json<TasksView>, String> {
        let list: TaskList = self.send(NodeOp::TaskCollect, args).await?;
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
