//! Crash-prevention tools: signals and risk, checkpoints, resuming an interrupted session.

use std::time::Instant;

use rmcp::{Json, handler::server::wrapper::Parameters, tool, tool_router};
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::{Map, Value, json};
use shim_protocol::{
    NodeOp, WireError,
    messages::{
        Checkpoint, CheckpointInput, CheckpointList, CheckpointSaved, GetCheckpointRequest,
        ListCheckpointsRequest, ResumeCheckRequest, ResumeOffer, ResumeRequest, RiskReport,
        RiskRequest, SaveCheckpointRequest, SignalBatch, SignalEvent, SignalSource,
    },
};

use super::{Args, ChatArg, Scope, ToolArgs, constrain, describe};
use crate::{mcp::ShimMcp, nats::ClientError};

/// Checkpoints listed when the model does not say how many.
const DEFAULT_LIST_LIMIT: u32 = 10;

/// Arguments of `shim_report_signals`: on the wire these are a `SignalEvent::Reported` inside a
/// [`SignalBatch`] (an enum variant, which has no type of its own to derive a schema from), so the tool
/// keeps this flat shape, each field optional.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct ReportSignalsArgs {
    /// Default: this server's chat.
    #[serde(default)]
    pub chat_id: Option<String>,
    /// Messages in the conversation.
    #[serde(default)]
    pub message_count: Option<u64>,
    /// Tokens in the context.
    #[serde(default)]
    pub tokens_used: Option<u64>,
    /// Context window size.
    #[serde(default)]
    pub context_window: Option<u64>,
    /// Tool calls so far.
    #[serde(default)]
    pub tool_calls: Option<u64>,
    /// Failed tool calls so far.
    #[serde(default)]
    pub tool_failures: Option<u64>,
    /// Latency of the last response, ms.
    #[serde(default)]
    pub last_latency_ms: Option<u64>,
}

/// Arguments of `shim_check_resume`: the wire's `project_dir` is required, the tool's defaults to this
/// server's project, and the chat asking is always this server's.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct CheckResumeArgs {
    /// Project directory; defaults to the assistant's project.
    #[serde(default)]
    pub project_dir: Option<String>,
}

impl ToolArgs for RiskRequest {
    const CHAT: ChatArg = ChatArg::Optional;
    const CHAT_FIELD: Option<&'static str> = Some("chat_id");

    fn with_chat(self, chat_id: String) -> Self {
        RiskRequest { chat_id }
    }
}

impl ToolArgs for CheckpointInput {
    const CHAT: ChatArg = ChatArg::Optional;
    // Steps done and the current context come from the node's own records.
    const HIDDEN: &'static [&'static str] = &["completed_steps", "current_context"];

    fn adjust(properties: &mut Map<String, Value>) {
        describe(properties, "summary", "Where things stand (≤1000 chars).");
        // Checkpoints keep progress as a fraction; the tool takes a percent, as `shim_task_progress` does.
        describe(properties, "progress", "Percent done.");
        constrain(
            properties,
            "progress",
            json!({"minimum": 0, "maximum": 100}),
        );
        describe(
            properties,
            "next_steps",
            "Next steps, most important first.",
        );
    }
}

impl ToolArgs for ListCheckpointsRequest {
    const CHAT: ChatArg = ChatArg::Optional;

    fn with_chat(self, chat_id: String) -> Self {
        ListCheckpointsRequest {
            chat_id: Some(chat_id),
            limit: Some(self.limit.unwrap_or(DEFAULT_LIST_LIMIT)),
        }
    }

    fn adjust(properties: &mut Map<String, Value>) {
        describe(properties, "limit", "At most this many (default 10).");
    }
}

impl ToolArgs for ResumeRequest {
    // The chat resuming is this server's, in its project.
    const CHAT: ChatArg = ChatArg::None;
    const HIDDEN: &'static [&'static str] = &["project_dir", "chat_id"];

    fn adjust(properties: &mut Map<String, Value>) {
        describe(
            properties,
            "checkpoint_id",
            "The checkpoint; defaults to the one shim_check_resume offers.",
        );
    }
}

/// Checkpoints keep progress as a fraction; the tools take a percent, as `shim_task_progress` does.
fn progress_fraction(percent_opt: Option<f64>) -> Result<Option<f64>, String> {
    match percent_opt {
        Some(percent) if !(0.0..=100.0).contains(&percent) => {
            Err(format!("progress is a percent, 0 to 100 (got {percent})"))
        }
        other => Ok(other.map(|percent| percent / 100.0)),
    }
}

#[tool_router(router = crash_router, vis = "pub(in crate::mcp)")]
impl ShimMcp {
    #[tool(
        name = "shim_report_signals",
        description = "When asked, or as the context grows: tell SHIM what you know of this session (messages, tokens, window, tool calls, failures). Returns the crash risk."
    )]
    async fn report_signals(
        &self,
        Parameters(args): Parameters<ReportSignalsArgs>,
    ) -> Result<Json<RiskReport>, String> {
        let event = SignalEvent::Reported {
            message_count: args.message_count,
            tokens_used: args.tokens_used,
            context_window: args.context_window,
            tool_calls: args.tool_calls,
            tool_failures: args.tool_failures,
            last_latency_ms: args.last_latency_ms,
        };
        let mut report: RiskReport = self
            .request(Scope::Chat(args.chat_id), |call| {
                let event = event.clone();
                async move {
                    let batch = SignalBatch {
                        chat_id: call.chat_id,
                        source: SignalSource::Mcp,
                        at_ms: shim_actors::now_ms(),
                        events: vec![
                            event,
                            SignalEvent::ToolCall {
                                tool: "shim_report_signals".to_owned(),
                                ok: true,
                                duration_ms: None,
                                arguments: None,
                                result: None,
                            },
                        ],
                        transcript_path: None,
                        prompt: None,
                        trigger: None,
                    };
                    call.node.request(NodeOp::Signals, &batch).await
                }
            })
            .await?;
        report.advice = report.advice.or_else(|| self.take_advice(&report.chat_id));
        Ok(Json(report))
    }

    #[tool(
        name = "shim_crash_risk",
        description = "Before a long or risky step: this session's crash risk (level, score, reasons)."
    )]
    async fn crash_risk(
        &self,
        Parameters(args): Parameters<Args<RiskRequest>>,
    ) -> Result<Json<RiskReport>, String> {
        let started = Instant::now();
        let (node, mut report) = self
            .request(Scope::Chat(args.chat_id_opt), |call| async move {
                let request = RiskRequest {
                    chat_id: call.chat_id.clone(),
                };
                let report: RiskReport = self
                    .first_contact(&call.node, &call.chat_id, || {
                        call.node.request(NodeOp::Risk, &request)
                    })
                    .await?;
                Ok((call.node, report))
            })
            .await?;
        self.track(&node, &report.chat_id, "shim_crash_risk", true, started);
        report.advice = report.advice.or_else(|| self.take_advice(&report.chat_id));
        Ok(Json(report))
    }

    #[tool(
        name = "shim_checkpoint",
        description = "At each milestone, before risky steps and when risk is danger: save where the work stands, so a crash or compaction loses nothing."
    )]
    async fn checkpoint(
        &self,
        Parameters(args): Parameters<Args<CheckpointInput>>,
    ) -> Result<Json<CheckpointSaved>, String> {
        let started = Instant::now();
        let mut input = args.request;
        input.progress = progress_fraction(input.progress)?;
        input.completed_steps = Vec::new();
        input.current_context = None;
        let (node, chat_id, mut saved) = self
            .request(Scope::Chat(args.chat_id_opt), |call| {
                let input = input.clone();
                async move {
                    let request = SaveCheckpointRequest {
                        chat_id: call.chat_id.clone(),
                        input,
                    };
                    let saved: CheckpointSaved =
                        call.node.request(NodeOp::CheckpointSave, &request).await?;
                    Ok((call.node, call.chat_id, saved))
                }
            })
            .await?;
        self.track(&node, &chat_id, "shim_checkpoint", true, started);
        saved.risk.advice = saved.risk.advice.or_else(|| self.take_advice(&chat_id));
        Ok(Json(saved))
    }

    #[tool(
        name = "shim_list_checkpoints",
        description = "List this session's checkpoints, newest first (e.g. to pick one for shim_resume)."
    )]
    async fn list_checkpoints(
        &self,
        Parameters(args): Parameters<Args<ListCheckpointsRequest>>,
    ) -> Result<Json<CheckpointList>, String> {
        Ok(Json(self.send(NodeOp::CheckpointList, args).await?))
    }

    #[tool(
        name = "shim_check_resume",
        description = "At the start of a session: whether an interrupted session in this project (or project_dir) can be resumed, with its prompt; shim_resume takes it."
    )]
    async fn check_resume(
        &self,
        Parameters(args): Parameters<CheckResumeArgs>,
    ) -> Result<Json<ResumeOffer>, String> {
        let project_dir_opt = args.project_dir.or_else(|| self.project_dir());
        let offer: ResumeOffer = self
            .request(Scope::Chat(None), |call| {
                let project_dir_opt = project_dir_opt.clone();
                async move {
                    let project_dir = project_dir_opt.ok_or_else(|| {
                        ClientError::Remote(WireError::bad_request(
                            "give project_dir: this server has no project",
                        ))
                    })?;
                    let request = ResumeCheckRequest {
                        project_dir,
                        chat_id: Some(call.chat_id),
                    };
                    call.node.request(NodeOp::ResumeCheck, &request).await
                }
            })
            .await?;
        Ok(Json(offer))
    }

    #[tool(
        name = "shim_resume",
        description = "To continue an interrupted session (default: the one shim_check_resume offers): returns its resume prompt and marks it resumed."
    )]
    async fn resume(
        &self,
        Parameters(args): Parameters<Args<ResumeRequest>>,
    ) -> Result<Json<ResumeOffer>, String> {
        let checkpoint_id_opt = args.request.checkpoint_id;
        let project_dir_opt = self.project_dir();
        let offer: ResumeOffer = self
            .request(Scope::Chat(None), |call| {
                let (checkpoint_id_opt, project_dir_opt) =
                    (checkpoint_id_opt.clone(), project_dir_opt.clone());
                async move {
                    if let Some(checkpoint_id) = &checkpoint_id_opt {
                        // Fail early, with the id in the message, when it names nothing.
                        let _: Checkpoint = call
                            .node
                            .request(
                                NodeOp::CheckpointGet,
                                &GetCheckpointRequest {
                                    checkpoint_id: checkpoint_id.clone(),
                                },
                            )
                            .await?;
                    }
                    let request = ResumeRequest {
                        checkpoint_id: checkpoint_id_opt,
                        project_dir: project_dir_opt,
                        chat_id: Some(call.chat_id),
                    };
                    call.node.request(NodeOp::ResumeTake, &request).await
                }
            })
            .await?;
        Ok(Json(offer))
    }
}
