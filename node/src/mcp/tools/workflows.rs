//! Workflow A's tools: `shim_verify` runs the project's verify commands and returns structured failures;
//! `shim_commit` commits the working tree only when a verify of exactly that tree passed (docs/workflows.md).
//!
//! The engine ([`crate::workflows`]) runs in this server's process, in its project directory
//! (`CLAUDE_PROJECT_DIR`, else the working directory), as the user: a verify that takes minutes holds no
//! request to the node open. The node is asked only about the chat's claimed task, for the escalation: after
//! the config's number of failed verifies of one task in a row, the task is failed (not retryable) with the
//! failures, and its supervisor gets a message.

use std::path::PathBuf;

use rmcp::{Json, handler::server::wrapper::Parameters, tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use shim_protocol::{
    NodeOp, WireError,
    messages::{
        ChatMessage, FailTaskRequest, SendMessageRequest, TaskList, TaskRecord, TaskStatus,
        TaskStatusRequest,
    },
};

use super::Scope;
use crate::{
    data_dir::DataDir,
    mcp::ShimMcp,
    nats::ClientError,
    workflows::{self, CommitReport, VerifyReport, Workflows},
};

/// Most bytes of failures an escalation puts in the task's error and the supervisor's message: half of what a
/// message may hold, the rest for the words around them.
const ESCALATION_BUDGET: usize = shim_protocol::limits::MAX_MESSAGE_TEXT_BYTES / 2;

/// Arguments of `shim_verify`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct VerifyArgs {
    /// List only failures under these project paths.
    #[serde(default)]
    pub paths: Option<Vec<String>>,
    /// Default: this server's chat.
    #[serde(default)]
    pub chat_id: Option<String>,
}

/// Arguments of `shim_commit`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct CommitArgs {
    /// Commit message.
    pub message: String,
}

/// What `shim_verify` returns: the report (`ok`, `failures` as `{kind, file, line, column, message}`, the
/// steps, the tree, the task counts), and what the escalation did.
#[derive(Debug, Serialize, JsonSchema)]
pub struct VerifyResult {
    /// The verify's report, its fields at the top level.
    #[serde(flatten)]
    #[schemars(with = "serde_json::Value")]
    pub report: VerifyReport,
    /// Set when this verify failed the task and told its supervisor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub escalated: Option<String>,
}

/// What `shim_commit` returns.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CommitResult {
    /// The new commit.
    pub commit: String,
    /// Its tree, the one verified.
    pub tree: String,
}

impl ShimMcp {
    fn workflows(&self) -> Workflows {
        Workflows::new(&DataDir::new(&self.state.config.data_dir))
    }

    fn workflow_project(&self) -> Result<PathBuf, String> {
        let dir = self.project_dir().ok_or_else(|| {
            "this server has no project directory (start it in the project, or set CLAUDE_PROJECT_DIR)"
                .to_owned()
        })?;
        workflows::project_dir(std::path::Path::new(&dir)).map_err(|error| error.to_string())
    }

    /// The task `chat_id_opt` (else this server's open chat) holds, if it holds one. A chat id the node
    /// refuses (malformed, or not this server's to act for) is an error, as in every other tool. No chat open
    /// yet, or no node to ask, is no task: a verify needs neither, and opens no chat.
    async fn claimed_task(
        &self,
        chat_id_opt: Option<String>,
    ) -> Result<Option<TaskRecord>, String> {
        let Some(chat_id) = self.open_chat_or(chat_id_opt).await else {
            return Ok(None);
        };
        let asked = self
            .with_node(|node| {
                let node = self.acting_for(&node, &chat_id);
                let chat_id = chat_id.clone();
                async move {
                    let request = TaskStatusRequest {
                        chat_id: Some(chat_id.clone()),
                        task_ids: Vec::new(),
                        all: false,
                    };
                    let list = match node
                        .request::<_, TaskList>(NodeOp::TaskStatus, &request)
                        .await
                    {
                        Ok(list) => list,
                        Err(ClientError::Remote(
                            refusal @ (WireError::BadRequest { .. } | WireError::Forbidden { .. }),
                        )) => return Ok(Err(refusal.to_string())),
                        Err(ClientError::Subject(error)) => {
                            return Ok(Err(WireError::bad_request(error.to_string()).to_string()));
                        }
                        Err(other) => return Err(other),
                    };
                    Ok(Ok(list.tasks.into_iter().find(|task| {
                        task.worker_chat_id.as_deref() == Some(chat_id.as_str())
                            && matches!(task.status, TaskStatus::Claimed | TaskStatus::InProgress)
                    })))
                }
            })
            .await;
        // The node could not be asked: the verify goes on without the escalation.
        asked.unwrap_or(Ok(None))
    }

    /// Fails `task` with the failures and tells its supervisor; returns what was done, a step that could not
    /// be done included (the verify's report is the tool's answer whatever happens here).
    async fn escalate(
        &self,
        chat_id_opt: Option<String>,
        task: &TaskRecord,
        report: &VerifyReport,
    ) -> String {
        let count = report.task_failures.unwrap_or_default();
        // Structured, and bounded to fit a chat message (16 KiB) with the words around it, whatever the
        // verify found.
        let (failures, left) = workflows::failures_json(&report.failures, ESCALATION_BUDGET);
        let more = match left {
            0 => String::new(),
            left => format!(" (and {} more, not listed)", workflows::failure_count(left)),
        };
        let error =
            format!("{count} verifies in a row failed; the last one's failures: {failures}{more}");
        let task_id = task.task_id.clone();
        let supervisor = task.supervisor_chat_id.clone();
        let failed = self
            .request(Scope::Chat(chat_id_opt.clone()), |call| {
                let fail = FailTaskRequest {
                    chat_id: call.chat_id.clone(),
                    task_id: task_id.clone(),
                    error: error.clone(),
                    retryable: Some(false),
                };
                async move {
                    let _failed: TaskRecord = call.node.request(NodeOp::TaskFail, &fail).await?;
                    Ok(())
                }
            })
            .await;
        if let Err(why) = failed {
            return format!(
                "task {task_id} reached {count} failed verifies, but failing it failed: {why}"
            );
        }
        // One key for the call, kept if it is sent again to a node found afresh.
        let key = format!("mcp:{}", uuid::Uuid::now_v7().simple());
        let told = self
            .request(Scope::Chat(chat_id_opt), |call| {
                let message = SendMessageRequest {
                    from: call.chat_id.clone(),
                    to: supervisor.clone(),
                    text: format!("task {task_id} failed: {error}"),
                    idempotency_key: Some(key.clone()),
                };
                async move {
                    let _sent: ChatMessage =
                        call.node.request(NodeOp::MessageSend, &message).await?;
                    Ok(())
                }
            })
            .await;
        let done = format!("task {task_id} failed after {count} failed verifies");
        match told {
            Ok(()) => format!("{done}; its supervisor {supervisor} was told"),
            Err(why) => format!("{done}; telling its supervisor {supervisor} failed: {why}"),
        }
    }
}

#[tool_router(router = workflows_router, vis = "pub(in crate::mcp)")]
impl ShimMcp {
    #[tool(
        name = "shim_verify",
        description = "Run the project's check, test, format commands: ok, failures [{kind,file,line,column,message}]."
    )]
    async fn verify(
        &self,
        Parameters(args): Parameters<VerifyArgs>,
    ) -> Result<Json<VerifyResult>, String> {
        // The chat is checked first: a chat id the node refuses is refused here as in every tool.
        let task_opt = self.claimed_task(args.chat_id.clone()).await?;
        let project = self.workflow_project()?;
        let engine = self.workflows();
        engine
            .ensure_enabled(&project)
            .map_err(|error| error.to_string())?;
        let report = engine
            .verify(
                &project,
                &args.paths.unwrap_or_default(),
                task_opt.as_ref().map(|task| task.task_id.as_str()),
            )
            .await
            .map_err(|error| error.to_string())?;
        let escalated = match (&task_opt, report.escalate) {
            (Some(task), true) => Some(self.escalate(args.chat_id, task, &report).await),
            _ => None,
        };
        Ok(Json(VerifyResult { report, escalated }))
    }

    #[tool(
        name = "shim_commit",
        description = "Commit the working tree if the last shim_verify passed on exactly this tree; never pushes."
    )]
    async fn commit(
        &self,
        Parameters(args): Parameters<CommitArgs>,
    ) -> Result<Json<CommitResult>, String> {
        let project = self.workflow_project()?;
        let CommitReport { commit, tree } = self
            .workflows()
            .commit(&project, &args.message)
            .await
            .map_err(|error| error.to_string())?;
        Ok(Json(CommitResult { commit, tree }))
    }
}
