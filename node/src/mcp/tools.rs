//! The MCP tools. Each is one request (two for chat-scoped tools on first use) to the node over NATS, plus
//! a tool-call signal whose reply may carry the danger advice. Descriptions are short: they cost the user
//! context in every session.

use std::time::Instant;

use rmcp::{Json, handler::server::wrapper::Parameters, tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use shim_protocol::{
    NodeOp, WireError,
    messages::{
        ActorStatus, CheckpointInput, CheckpointList, CheckpointSaved, GetCheckpointRequest,
        ListCheckpointsRequest, ResumeCheckRequest, ResumeOffer, ResumeRequest, RiskReport,
        RiskRequest, SaveCheckpointRequest, SessionEndReply, SessionEndRequest, SignalBatch,
        SignalEvent, SignalSource, StatusReply, StatusRequest,
    },
};

use super::ShimMcp;
use crate::nats::{ClientError, NodeClient};

/// Arguments of `shim_session_start`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct SessionStartArgs {
    /// Project directory of the chat; defaults to the assistant's project.
    #[serde(default)]
    pub project_dir: Option<String>,
    /// Short name for the chat.
    #[serde(default)]
    pub name: Option<String>,
}

/// Result of `shim_session_start`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SessionStartOutput {
    /// Pass this as `chat_id` to the other shim tools.
    pub chat_id: String,
    /// The node that owns the chat.
    pub node_id: String,
}

/// Arguments of tools that only name a chat.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct ChatArgs {
    /// Default: this server's chat.
    #[serde(default)]
    pub chat_id: Option<String>,
}

/// Result of `shim_status`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct StatusOutput {
    /// The node's id.
    pub node_id: String,
    /// The chat reported on.
    pub chat_id: String,
    /// The NATS server the node uses.
    pub nats_url: String,
    /// Seconds since the node started.
    pub uptime_s: u64,
    /// Actors in the node's supervision tree.
    pub actors: Vec<ActorOutput>,
    /// Set when SHIM asks the model to checkpoint and wrap up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advice: Option<String>,
}

/// One actor in `shim_status`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ActorOutput {
    /// Registered name.
    pub name: String,
    /// Kind of actor.
    pub kind: String,
    /// running, restarting or failed.
    pub status: String,
    /// Restarts so far.
    pub restarts: u32,
}

/// Arguments of `shim_report_signals`: what the model knows, each optional.
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

/// Crash risk of a chat.
#[derive(Debug, Serialize, JsonSchema)]
pub struct RiskOutput {
    /// safe, warning or danger.
    pub level: String,
    /// 0..1.
    pub score: f64,
    /// Signals over their thresholds.
    pub reasons: Vec<String>,
    /// The signals.
    pub signals: serde_json::Value,
    /// Set when SHIM asks the model to checkpoint and wrap up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advice: Option<String>,
}

impl RiskOutput {
    fn from_report(report: RiskReport, advice_opt: Option<String>) -> RiskOutput {
        RiskOutput {
            level: report.level.as_str().to_owned(),
            score: report.score,
            reasons: report.reasons,
            signals: serde_json::to_value(&report.signals).unwrap_or_default(),
            advice: report.advice.or(advice_opt),
        }
    }
}

/// Arguments of `shim_checkpoint`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct CheckpointArgs {
    /// Default: this server's chat.
    #[serde(default)]
    pub chat_id: Option<String>,
    /// Where things stand (≤1000 chars).
    pub summary: String,
    /// The task.
    #[serde(default)]
    pub current_task: Option<String>,
    /// Its phase.
    #[serde(default)]
    pub phase: Option<String>,
    /// Percent done.
    #[serde(default)]
    #[schemars(range(min = 0, max = 100))]
    pub progress: Option<f64>,
    /// Key decisions.
    #[serde(default)]
    pub decisions: Vec<String>,
    /// Next steps, most important first.
    #[serde(default)]
    pub next_steps: Vec<String>,
    /// Blockers.
    #[serde(default)]
    pub blockers: Vec<String>,
    /// Files being worked on.
    #[serde(default)]
    pub active_files: Vec<String>,
    /// Last few messages, briefly.
    #[serde(default)]
    pub recent_messages: Vec<String>,
    /// Why now.
    #[serde(default)]
    pub reason: Option<String>,
}

/// Result of `shim_checkpoint`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CheckpointOutput {
    /// Its id.
    pub checkpoint_id: String,
    /// Its number in the chat.
    pub seq: u64,
    /// Stored size.
    pub bytes: u64,
    /// The chat's risk.
    pub risk: RiskOutput,
}

/// Arguments of `shim_list_checkpoints`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct ListArgs {
    /// Default: this server's chat.
    #[serde(default)]
    pub chat_id: Option<String>,
    /// At most this many (default 10).
    #[serde(default)]
    pub limit: Option<u32>,
}

/// Result of `shim_list_checkpoints`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ListOutput {
    /// Newest first.
    pub checkpoints: Vec<serde_json::Value>,
}

/// Arguments of `shim_check_resume`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct CheckResumeArgs {
    /// Project directory; defaults to the assistant's project.
    #[serde(default)]
    pub project_dir: Option<String>,
}

/// Arguments of `shim_resume`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct ResumeArgs {
    /// The checkpoint; defaults to the one shim_check_resume offers.
    #[serde(default)]
    pub checkpoint_id: Option<String>,
}

/// An interrupted session, or none.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ResumeOutput {
    /// Whether there is a session to resume.
    pub resume_available: bool,
    /// Its checkpoint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checkpoint_id: Option<String>,
    /// crash, timeout, manual_exit or unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Confidence in the reason, 0..1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    /// Age of the checkpoint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age_seconds: Option<u64>,
    /// Markdown to continue from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resume_prompt: Option<String>,
}

impl From<ResumeOffer> for ResumeOutput {
    fn from(offer: ResumeOffer) -> Self {
        ResumeOutput {
            resume_available: offer.resume_available,
            checkpoint_id: offer.checkpoint_id,
            reason: offer.reason.map(|reason| reason.as_str().to_owned()),
            confidence: offer.confidence,
            age_seconds: offer.age_seconds,
            resume_prompt: offer.resume_prompt,
        }
    }
}

/// Arguments of `shim_route_model`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct RouteArgs {
    /// The prompt to route.
    pub prompt: String,
    /// balanced (default): the tier it needs; quality: one up when unsure; cost: one down when sure.
    #[serde(default)]
    #[schemars(extend("enum" = ["balanced", "quality", "cost"]))]
    pub strategy: Option<String>,
}

/// A tier and its cost.
#[derive(Debug, Serialize, JsonSchema)]
pub struct AlternativeOutput {
    /// haiku, sonnet or opus.
    pub model: String,
    /// Its model id.
    pub model_id: String,
    /// Estimated cost, US dollars.
    pub estimated_cost_usd: f64,
}

/// Result of `shim_route_model`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct RouteOutput {
    /// haiku, sonnet or opus.
    pub model: String,
    /// The model id.
    pub model_id: String,
    /// 0..1.
    pub confidence: f64,
    /// Why.
    pub reasoning: String,
    /// Tokens in the prompt.
    pub estimated_input_tokens: u64,
    /// Estimated cost, US dollars.
    pub estimated_cost_usd: f64,
    /// The other tiers.
    pub alternatives: Vec<AlternativeOutput>,
}

impl From<shim_protocol::messages::RouteReply> for RouteOutput {
    fn from(reply: shim_protocol::messages::RouteReply) -> Self {
        RouteOutput {
            model: reply.model,
            model_id: reply.model_id,
            confidence: reply.confidence,
            reasoning: reply.reasoning,
            estimated_input_tokens: reply.estimated_input_tokens,
            estimated_cost_usd: reply.estimated_cost_usd,
            alternatives: reply
                .alternatives
                .into_iter()
                .map(|alternative| AlternativeOutput {
                    model: alternative.model,
                    model_id: alternative.model_id,
                    estimated_cost_usd: alternative.estimated_cost_usd,
                })
                .collect(),
        }
    }
}

/// Arguments of `shim_record_override`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct OverrideArgs {
    /// The prompt.
    pub prompt: String,
    /// The tier SHIM recommended.
    #[schemars(extend("enum" = ["haiku", "sonnet", "opus"]))]
    pub recommended: String,
    /// The tier the user chose.
    #[schemars(extend("enum" = ["haiku", "sonnet", "opus"]))]
    pub chosen: String,
    /// Why, if said.
    #[serde(default)]
    pub reason: Option<String>,
}

/// Result of `shim_record_override`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct OverrideOutput {
    /// The prompt's category.
    pub category: String,
    /// Overrides recorded in it.
    pub overrides: u64,
    /// Prompts routed in it.
    pub prompts: u64,
    /// The tier now used for it, when learned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adopted: Option<String>,
}

/// Arguments of `shim_acquire_lock`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct AcquireLockArgs {
    /// What to lock, in your words (`repo/main`, `file:src/lib.rs`, `db migration #42`; up to 512 bytes).
    pub resource: String,
    /// Grant length, seconds (default 300).
    #[serde(default)]
    pub ttl_seconds: Option<u64>,
    /// Default: this server's chat.
    #[serde(default)]
    pub chat_id: Option<String>,
}

/// Result of `shim_acquire_lock`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct AcquireLockOutput {
    /// True when this chat holds the lock.
    pub acquired: bool,
    /// The holder, when another chat holds it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holder: Option<String>,
    /// Pass it with every write the lock protects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fencing_token: Option<u64>,
}

/// Arguments of `shim_release_lock`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct ReleaseLockArgs {
    /// The resource.
    pub resource: String,
    /// Default: this server's chat.
    #[serde(default)]
    pub chat_id: Option<String>,
}

/// Result of `shim_release_lock`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ReleaseLockOutput {
    /// False when it was already free.
    pub released: bool,
}

/// Arguments of `shim_list_chats`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct ListChatsArgs {
    /// Include chats that are gone.
    #[serde(default)]
    pub include_gone: bool,
}

/// Result of `shim_list_chats`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ListChatsOutput {
    /// Chats with role, status, node and last heartbeat.
    pub chats: Vec<serde_json::Value>,
}

/// Arguments of `shim_send_message`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct SendMessageArgs {
    /// A chat id, or `broadcast`.
    pub to: String,
    /// The text.
    pub text: String,
    /// Default: this server's chat.
    #[serde(default)]
    pub chat_id: Option<String>,
}

/// Arguments of `shim_read_messages`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct ReadMessagesArgs {
    /// Seconds to wait when none is unread.
    #[serde(default)]
    #[schemars(range(max = 60))]
    pub wait_seconds: Option<u64>,
    /// Default: this server's chat.
    #[serde(default)]
    pub chat_id: Option<String>,
}

/// Messages, oldest first.
#[derive(Debug, Serialize, JsonSchema)]
pub struct MessagesOutput {
    /// Each with message_id, from, to, text, sent_at_ms.
    pub messages: Vec<serde_json::Value>,
}

/// Result of `shim_end_session`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct EndOutput {
    /// The chat that ended.
    pub chat_id: String,
    /// Always true.
    pub ended: bool,
}

/// Longest `wait_seconds` a claim or read may ask for, as the node enforces it.
const MAX_WAIT_SECONDS: u64 = 60;

/// Refuses a wait above [`MAX_WAIT_SECONDS`] as the node would (`bad request: ...`), instead of shortening
/// it behind the caller's back.
pub(super) fn check_wait(wait_seconds: Option<u64>) -> Result<Option<u64>, String> {
    match wait_seconds {
        Some(wait) if wait > MAX_WAIT_SECONDS => Err(WireError::bad_request(format!(
            "wait_seconds must be at most {MAX_WAIT_SECONDS} (got {wait})"
        ))
        .to_string()),
        other => Ok(other),
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

fn status_output(reply: StatusReply, advice: Option<String>) -> StatusOutput {
    StatusOutput {
        node_id: reply.node_id,
        chat_id: reply.chat_id.unwrap_or_default(),
        nats_url: reply.nats_url,
        uptime_s: reply.uptime_s,
        actors: reply
            .actors
            .into_iter()
            .map(|actor| ActorOutput {
                name: actor.name,
                kind: actor.kind,
                status: match actor.status {
                    ActorStatus::Running => "running",
                    ActorStatus::Restarting => "restarting",
                    ActorStatus::Failed => "failed",
                }
                .to_owned(),
                restarts: actor.restarts,
            })
            .collect(),
        advice,
    }
}

#[tool_router(router = tool_router, vis = "pub(super)")]
impl ShimMcp {
    #[tool(
        name = "shim_session_start",
        description = "In an app that shares one SHIM server across chats (Claude Desktop), call once per chat; pass the chat_id it returns to the other shim tools."
    )]
    async fn session_start(
        &self,
        Parameters(args): Parameters<SessionStartArgs>,
    ) -> Result<Json<SessionStartOutput>, String> {
        let reply = self
            .with_node(|node| {
                let (project_dir_opt, name_opt) = (args.project_dir.clone(), args.name.clone());
                async move { self.open_chat(&node, None, project_dir_opt, name_opt).await }
            })
            .await?;
        Ok(Json(SessionStartOutput {
            chat_id: reply.chat_id,
            node_id: reply.node_id,
        }))
    }

    #[tool(
        name = "shim_status",
        description = "Check that SHIM is up (node, chat, NATS, uptime, actors), e.g. when a shim tool fails or to learn your chat_id."
    )]
    async fn status(
        &self,
        Parameters(args): Parameters<ChatArgs>,
    ) -> Result<Json<StatusOutput>, String> {
        let started = Instant::now();
        let (node, chat_id, reply) = self
            .with_node(|node| {
                let chat_id_opt = args.chat_id.clone();
                async move {
                    let chat_id = self.chat_id(&node, chat_id_opt).await?;
                    let request = StatusRequest {
                        chat_id: Some(chat_id.clone()),
                    };
                    let reply: StatusReply = self
                        .first_contact(&node, &chat_id, || node.request(NodeOp::Status, &request))
                        .await?;
                    Ok((node, chat_id, reply))
                }
            })
            .await?;
        let advice = self
            .track(&node, &chat_id, "shim_status", true, started)
            .await;
        Ok(Json(status_output(reply, advice)))
    }

    #[tool(
        name = "shim_report_signals",
        description = "When asked, or as the context grows: tell SHIM what you know of this session (messages, tokens, window, tool calls, failures). Returns the crash risk."
    )]
    async fn report_signals(
        &self,
        Parameters(args): Parameters<ReportSignalsArgs>,
    ) -> Result<Json<RiskOutput>, String> {
        let report = self
            .with_node(|node| {
                let chat_id_opt = args.chat_id.clone();
                let event = SignalEvent::Reported {
                    message_count: args.message_count,
                    tokens_used: args.tokens_used,
                    context_window: args.context_window,
                    tool_calls: args.tool_calls,
                    tool_failures: args.tool_failures,
                    last_latency_ms: args.last_latency_ms,
                };
                async move {
                    let chat_id = self.chat_id(&node, chat_id_opt).await?;
                    let batch = SignalBatch {
                        chat_id,
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
                    };
                    node.request::<_, RiskReport>(NodeOp::Signals, &batch).await
                }
            })
            .await?;
        Ok(Json(RiskOutput::from_report(report, None)))
    }

    #[tool(
        name = "shim_crash_risk",
        description = "Before a long or risky step: this session's crash risk (level, score, reasons)."
    )]
    async fn crash_risk(
        &self,
        Parameters(args): Parameters<ChatArgs>,
    ) -> Result<Json<RiskOutput>, String> {
        let started = Instant::now();
        let (node, chat_id, report) = self
            .with_node(|node| {
                let chat_id_opt = args.chat_id.clone();
                async move {
                    let chat_id = self.chat_id(&node, chat_id_opt).await?;
                    let request = RiskRequest {
                        chat_id: chat_id.clone(),
                    };
                    let report: RiskReport = self
                        .first_contact(&node, &chat_id, || node.request(NodeOp::Risk, &request))
                        .await?;
                    Ok((node, chat_id, report))
                }
            })
            .await?;
        let advice = self
            .track(&node, &chat_id, "shim_crash_risk", true, started)
            .await;
        Ok(Json(RiskOutput::from_report(report, advice)))
    }

    #[tool(
        name = "shim_checkpoint",
        description = "At each milestone, before risky steps and when risk is danger: save where the work stands, so a crash or compaction loses nothing."
    )]
    async fn checkpoint(
        &self,
        Parameters(args): Parameters<CheckpointArgs>,
    ) -> Result<Json<CheckpointOutput>, String> {
        let started = Instant::now();
        let input = CheckpointInput {
            summary: args.summary,
            current_task: args.current_task,
            phase: args.phase,
            progress: progress_fraction(args.progress)?,
            decisions: args.decisions,
            completed_steps: Vec::new(),
            next_steps: args.next_steps,
            blockers: args.blockers,
            active_files: args.active_files,
            recent_messages: args.recent_messages,
            current_context: None,
            reason: args.reason,
        };
        let (node, chat_id, saved) = self
            .with_node(|node| {
                let chat_id_opt = args.chat_id.clone();
                let input = input.clone();
                async move {
                    let chat_id = self.chat_id(&node, chat_id_opt).await?;
                    let request = SaveCheckpointRequest {
                        chat_id: chat_id.clone(),
                        input,
                    };
                    let saved: CheckpointSaved =
                        node.request(NodeOp::CheckpointSave, &request).await?;
                    Ok((node, chat_id, saved))
                }
            })
            .await?;
        let advice = self
            .track(&node, &chat_id, "shim_checkpoint", true, started)
            .await;
        Ok(Json(CheckpointOutput {
            checkpoint_id: saved.checkpoint_id,
            seq: saved.seq,
            bytes: saved.bytes,
            risk: RiskOutput::from_report(saved.risk, advice),
        }))
    }

    #[tool(
        name = "shim_list_checkpoints",
        description = "List this session's checkpoints, newest first (e.g. to pick one for shim_resume)."
    )]
    async fn list_checkpoints(
        &self,
        Parameters(args): Parameters<ListArgs>,
    ) -> Result<Json<ListOutput>, String> {
        let list: CheckpointList = self
            .with_node(|node| {
                let chat_id_opt = args.chat_id.clone();
                async move {
                    let chat_id = self.chat_id(&node, chat_id_opt).await?;
                    let request = ListCheckpointsRequest {
                        chat_id: Some(chat_id),
                        limit: Some(args.limit.unwrap_or(10)),
                    };
                    node.request(NodeOp::CheckpointList, &request).await
                }
            })
            .await?;
        Ok(Json(ListOutput {
            checkpoints: list
                .checkpoints
                .iter()
                .map(|summary| serde_json::to_value(summary).unwrap_or_default())
                .collect(),
        }))
    }

    #[tool(
        name = "shim_check_resume",
        description = "At the start of a session: whether an interrupted session in this project (or project_dir) can be resumed, with its prompt; shim_resume takes it."
    )]
    async fn check_resume(
        &self,
        Parameters(args): Parameters<CheckResumeArgs>,
    ) -> Result<Json<ResumeOutput>, String> {
        let offer: ResumeOffer = self
            .with_node(|node| {
                let project_dir_opt = args.project_dir.clone().or_else(|| self.project_dir());
                async move {
                    let chat_id = self.chat_id(&node, None).await?;
                    let project_dir = project_dir_opt.ok_or_else(|| {
                        ClientError::Remote(WireError::bad_request(
                            "give project_dir: this server has no project",
                        ))
                    })?;
                    node.request(
                        NodeOp::ResumeCheck,
                        &ResumeCheckRequest {
                            project_dir,
                            chat_id: Some(chat_id),
                        },
                    )
                    .await
                }
            })
            .await?;
        Ok(Json(offer.into()))
    }

    #[tool(
        name = "shim_resume",
        description = "To continue an interrupted session (default: the one shim_check_resume offers): returns its resume prompt and marks it resumed."
    )]
    async fn resume(
        &self,
        Parameters(args): Parameters<ResumeArgs>,
    ) -> Result<Json<ResumeOutput>, String> {
        let offer: ResumeOffer = self
            .with_node(|node| {
                let checkpoint_id_opt = args.checkpoint_id.clone();
                let project_dir_opt = self.project_dir();
                async move {
                    let chat_id = self.chat_id(&node, None).await?;
                    if let Some(checkpoint_id) = &checkpoint_id_opt {
                        // Fail early, with the id in the message, when it names nothing.
                        let _: shim_protocol::messages::Checkpoint = node
                            .request(
                                NodeOp::CheckpointGet,
                                &GetCheckpointRequest {
                                    checkpoint_id: checkpoint_id.clone(),
                                },
                            )
                            .await?;
                    }
                    node.request(
                        NodeOp::ResumeTake,
                        &ResumeRequest {
                            checkpoint_id: checkpoint_id_opt,
                            project_dir: project_dir_opt,
                            chat_id: Some(chat_id),
                        },
                    )
                    .await
                }
            })
            .await?;
        Ok(Json(offer.into()))
    }

    #[tool(
        name = "shim_end_session",
        description = "When the work in this chat is done: end it cleanly, so it is not offered for resuming."
    )]
    async fn end_session(
        &self,
        Parameters(args): Parameters<ChatArgs>,
    ) -> Result<Json<EndOutput>, String> {
        let reply: SessionEndReply = self
            .with_node(|node| {
                let chat_id_opt = args.chat_id.clone();
                async move {
                    // Ending an ended chat again is answered as the first end was.
                    let chat_id = self.chat_id_even_ended(&node, chat_id_opt).await?;
                    let request = SessionEndRequest {
                        chat_id: chat_id.clone(),
                        reason: Some("shim_end_session".to_owned()),
                    };
                    let was_ended = self.is_ended(&chat_id);
                    let was_known = self.knows_chat(&chat_id);
                    // Stop heartbeating first, so no heartbeat brings the chat back after the node ended it.
                    self.end_chat(&chat_id);
                    let mut reply: Result<SessionEndReply, ClientError> =
                        node.request(NodeOp::SessionEnd, &request).await;
                    let forgotten = matches!(&reply, Err(ClientError::Remote(WireError::NotFound { kind, .. })) if kind == "chat");
                    if forgotten && (was_known || was_ended) {
                        // The node restarted and forgot the chat: open it under its id, then end it.
                        reply = match self.open_chat(&node, Some(chat_id.clone()), None, None).await {
                            Ok(_) => node.request(NodeOp::SessionEnd, &request).await,
                            Err(error) => Err(error),
                        };
                        self.end_chat(&chat_id);
                    }
                    if reply.is_err() && !was_ended {
                        self.unend_chat(&chat_id, was_known);
                    }
                    reply
                }
            })
            .await?;
        Ok(Json(EndOutput {
            chat_id: reply.chat_id,
            ended: true,
        }))
    }
}

#[tool_router(router = routing_router, vis = "pub(super)")]
impl ShimMcp {
    #[tool(
        name = "shim_route_model",
        description = "When choosing a model for a prompt or a subtask: the cheapest capable tier (haiku/sonnet/opus), with cost. @opus etc. in the prompt force a tier."
    )]
    async fn route_model(
        &self,
        Parameters(args): Parameters<RouteArgs>,
    ) -> Result<Json<RouteOutput>, String> {
        let reply: shim_protocol::messages::RouteReply = self
            .with_node(|node| {
                let request = shim_protocol::messages::RouteRequest {
                    prompt: args.prompt.clone(),
                    strategy: args.strategy.clone(),
                    chat_id: None,
                };
                async move {
                    node.request_service(shim_protocol::subject::ROUTER_ROUTE, &request)
                        .await
                }
            })
            .await?;
        Ok(Json(reply.into()))
    }

    #[tool(
        name = "shim_record_override",
        description = "When the user picks another tier than shim_route_model recommended: record it; SHIM learns from consistent choices."
    )]
    async fn record_override(
        &self,
        Parameters(args): Parameters<OverrideArgs>,
    ) -> Result<Json<OverrideOutput>, String> {
        let reply: shim_protocol::messages::OverrideReply = self
            .with_node(|node| {
                let request = shim_protocol::messages::OverrideRequest {
                    prompt: args.prompt.clone(),
                    recommended: args.recommended.clone(),
                    chosen: args.chosen.clone(),
                    reason: args.reason.clone(),
                };
                async move {
                    node.request_service(shim_protocol::subject::ROUTER_OVERRIDE, &request)
                        .await
                }
            })
            .await?;
        Ok(Json(OverrideOutput {
            category: reply.category,
            overrides: reply.overrides,
            prompts: reply.prompts,
            adopted: reply.adopted,
        }))
    }
}

#[tool_router(router = lock_router, vis = "pub(super)")]
impl ShimMcp {
    #[tool(
        name = "shim_acquire_lock",
        description = "Before changing what other chats may change too (a branch, a deploy, a file): lock it for a TTL. Returns a fencing token, or the holder."
    )]
    async fn acquire_lock(
        &self,
        Parameters(args): Parameters<AcquireLockArgs>,
    ) -> Result<Json<AcquireLockOutput>, String> {
        let reply: shim_protocol::messages::LockReply = self
            .chat_request(args.chat_id.clone(), NodeOp::LockAcquire, None, |chat_id| {
                shim_protocol::messages::LockRequest {
                    chat_id,
                    resource: args.resource.clone(),
                    ttl_seconds: args.ttl_seconds,
                }
            })
            .await?;
        Ok(Json(AcquireLockOutput {
            acquired: reply.acquired,
            holder: reply.holder,
            fencing_token: reply.fencing_token,
        }))
    }

    #[tool(
        name = "shim_send_message",
        description = "Tell another chat something (to: its chat_id), or every chat (to: broadcast)."
    )]
    async fn send_message(
        &self,
        Parameters(args): Parameters<SendMessageArgs>,
    ) -> Result<Json<MessagesOutput>, String> {
        let sent: shim_protocol::messages::ChatMessage = self
            .chat_request(args.chat_id.clone(), NodeOp::MessageSend, None, |from| {
                shim_protocol::messages::SendMessageRequest {
                    from,
                    to: args.to.clone(),
                    text: args.text.clone(),
                }
            })
            .await?;
        Ok(Json(MessagesOutput {
            messages: vec![serde_json::to_value(&sent).unwrap_or_default()],
        }))
    }

    #[tool(
        name = "shim_read_messages",
        description = "When coordinating with other chats: read this chat's unread messages, waiting up to wait_seconds for one."
    )]
    async fn read_messages(
        &self,
        Parameters(args): Parameters<ReadMessagesArgs>,
        call: rmcp::service::RequestContext<rmcp::RoleServer>,
    ) -> Result<Json<MessagesOutput>, String> {
        let wait_seconds = check_wait(args.wait_seconds)?;
        let patience = std::time::Duration::from_secs(wait_seconds.unwrap_or(0) + 10);
        let read = self.chat_request(
            args.chat_id.clone(),
            NodeOp::MessageRead,
            Some(patience),
            |chat_id| shim_protocol::messages::ReadMessagesRequest {
                chat_id,
                wait_seconds,
                max: None,
            },
        );
        // A cancelled call drops its request: no receipt goes out, so the node hands the messages back.
        let list: shim_protocol::messages::MessageList = tokio::select! {
            list = read => list?,
            () = call.ct.cancelled() => return Err("the read was cancelled".to_owned()),
        };
        Ok(Json(MessagesOutput {
            messages: list
                .messages
                .iter()
                .map(|message| serde_json::to_value(message).unwrap_or_default())
                .collect(),
        }))
    }

    #[tool(
        name = "shim_list_chats",
        description = "See which chats coordinate through SHIM (role, status, node, task), e.g. to find a chat_id to message."
    )]
    async fn list_chats(
        &self,
        Parameters(args): Parameters<ListChatsArgs>,
    ) -> Result<Json<ListChatsOutput>, String> {
        let list: shim_protocol::messages::ChatList = self
            .with_node(|node| async move {
                node.request(
                    NodeOp::ChatList,
                    &shim_protocol::messages::ListChatsRequest {
                        include_gone: args.include_gone,
                    },
                )
                .await
            })
            .await?;
        Ok(Json(ListChatsOutput {
            chats: list
                .chats
                .iter()
                .map(|entry| serde_json::to_value(entry).unwrap_or_default())
                .collect(),
        }))
    }

    #[tool(
        name = "shim_release_lock",
        description = "As soon as the work a lock protects is done: release it."
    )]
    async fn release_lock(
        &self,
        Parameters(args): Parameters<ReleaseLockArgs>,
    ) -> Result<Json<ReleaseLockOutput>, String> {
        let reply: shim_protocol::messages::ReleaseLockReply = self
            .chat_request(args.chat_id.clone(), NodeOp::LockRelease, None, |chat_id| {
                shim_protocol::messages::ReleaseLockRequest {
                    chat_id,
                    resource: args.resource.clone(),
                }
            })
            .await?;
        Ok(Json(ReleaseLockOutput {
            released: reply.released,
        }))
    }
}

impl ShimMcp {
    /// Runs `request`; when the node does not know the chat (it restarted), opens the chat under its id,
    /// which is its first contact, and runs `request` again.
    async fn first_contact<T, F, Fut>(
        &self,
        node: &NodeClient,
        chat_id: &str,
        request: F,
    ) -> Result<T, ClientError>
    where
        F: Fn() -> Fut,
        Fut: std::future::Future<Output = Result<T, ClientError>>,
    {
        match request().await {
            // Only a chat this server opened or spoke for comes back on its own (the node restarted); an id
            // it never saw is an error, not a new chat.
            Err(ClientError::Remote(WireError::NotFound { kind, .. }))
                if kind == "chat" && self.knows_chat(chat_id) =>
            {
                self.open_chat(node, Some(chat_id.to_owned()), None, None)
                    .await?;
                request().await
            }
            other => other,
        }
    }
}
