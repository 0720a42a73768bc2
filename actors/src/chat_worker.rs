//! One [`ChatWorker`] per chat on this node: it owns the chat. Its signals come to it by name
//! (`chat_worker.<chat_id>`, see [`crate::names`]), and it keeps the signal window, assesses the crash risk,
//! publishes level changes, asks the CheckpointManager for automatic checkpoints (every N tool calls, every
//! 10 minutes of activity, on rising risk, before compaction, at the end of a turn), reads the chat's
//! transcript and keeps its activity record in the store for resume detection. It stops itself when the chat
//! idles out.
//!
//! What is node-wide (the risk thresholds, the pool of transcript reads, the store, where events go) is
//! built once by the Supervisor and handed to every worker as [`NodeWide`].

mod chat;
mod error;
mod triggers;
mod window;

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use ractor::{Actor, ActorProcessingErr, ActorRef, RpcReplyPort};
use shim_protocol::messages::{
    ChatInfo, CheckpointInput, CheckpointSaved, RiskReport, SignalBatch, ToolCallRecord,
};
use tokio::sync::Semaphore;
use tracing::{debug, info};

use crate::{
    checkpoint_manager::{CheckpointResult, store::CheckpointStore},
    metrics::ActorMetrics,
    now_ms,
    publisher::EventEmitter,
    signals::risk::RiskThresholds,
    signals::transcript::TranscriptDelta,
};
pub use chat::ChatOpened;
pub(crate) use chat::record_end;
pub use error::{ChatWorkerError, ChatWorkerResult};
use window::ChatWindow;

/// Exit reason a worker gives when it stops because the chat went idle.
pub const IDLE_EXIT_REASON: &str = "idle";
/// Exit reason a worker gives when its session ended.
pub const ENDED_EXIT_REASON: &str = "session ended";

/// What a chat is, kept by the supervisor so a restarted worker comes back as the same chat.
#[derive(Debug, Clone, PartialEq)]
pub struct ChatSpec {
    /// The chat's id (valid as a subject token).
    pub chat_id: String,
    /// Human name, if given.
    pub name: Option<String>,
    /// Project directory, if given.
    pub project_dir: Option<String>,
    /// The client that opened it.
    pub client: Option<String>,
    /// The Claude Code process it runs in, when known.
    pub claude_pid: Option<u32>,
    /// The process whose life is the chat's, as its session start described it.
    pub process: Option<shim_protocol::messages::ChatProcess>,
    /// When the chat started, milliseconds since the Unix epoch.
    pub started_at_ms: u64,
}

/// What every chat worker of a node shares; built once by the Supervisor.
#[derive(Debug, Clone)]
pub struct NodeWide {
    /// Stamps and publishes events.
    pub emitter: EventEmitter,
    /// Instruments.
    pub metrics: ActorMetrics,
    /// Where chat records go.
    pub store: CheckpointStore,
    /// The risk thresholds in force (read from the ParameterStore when the node starts).
    pub thresholds: Arc<RiskThresholds>,
    /// Bounds the blocking transcript reads of all chats running at once.
    pub transcript_reads: Arc<Semaphore>,
    /// How often a worker writes its record and considers an interval checkpoint. Default 1 s.
    pub tick_interval: Duration,
    /// How long a worker waits for a service (the CheckpointManager).
    pub call_timeout: Duration,
}

/// Arguments of [`ChatWorker`].
#[derive(Debug, Clone)]
pub struct ChatWorkerArgs {
    /// The chat.
    pub spec: ChatSpec,
    /// True when a session opened the chat (`session.start`); false for a chat this node only hears
    /// from through signals (hooks of a session opened before the node restarted, say).
    pub opened: bool,
    /// Silence after which the worker stops itself.
    pub idle_timeout: Duration,
    /// How often it checks for idleness.
    pub idle_check_interval: Duration,
    /// What the node's workers share.
    pub node: NodeWide,
}

/// Messages a [`ChatWorker`] handles.
#[derive(Debug)]
pub enum ChatWorkerMessage {
    /// Returns the chat's info; counts as activity.
    GetInfo(RpcReplyPort<ChatInfo>),
    /// The chat's session was started again (re-attached).
    Opened(ChatOpened),
    /// Signals; the risk afterwards goes to the port when there is one.
    Record(SignalBatch, Option<RpcReplyPort<RiskReport>>),
    /// The chat's risk now; `not_found` once its session ended.
    GetRisk(RpcReplyPort<ChatWorkerResult<RiskReport>>),
    /// The chat's last 20 tool calls, for a resume.
    RecentTools(RpcReplyPort<Vec<ToolCallRecord>>),
    /// Saves an explicit checkpoint with the chat's signals, through the CheckpointManager.
    Checkpoint(
        Box<CheckpointInput>,
        RpcReplyPort<CheckpointResult<CheckpointSaved>>,
    ),
    /// A checkpoint of the chat was saved (sent by the worker to itself).
    CheckpointTaken {
        /// When.
        at_ms: u64,
    },
    /// A transcript read finished (sent by the worker to itself).
    TranscriptRead(Result<TranscriptDelta, String>),
    /// The session ended: the end is recorded durably, then the worker stops.
    End {
        /// Why, as the caller said.
        reason: Option<String>,
    },
    /// Periodic work: the record, interval checkpoints.
    Tick,
    /// Stops the worker if the chat has been idle for longer than its timeout.
    CheckIdle,
    /// Makes the handler fail, to exercise supervision in tests.
    #[cfg(any(test, feature = "testsuite"))]
    Fail(String),
}

/// Mutable state of a [`ChatWorker`].
#[derive(Debug)]
pub struct ChatWorkerState {
    info: ChatInfo,
    last_active: Instant,
    idle_timeout: Duration,
    node: NodeWide,
    /// The signal window; none after the session ended, until the chat's next signal.
    window_opt: Option<ChatWindow>,
}

/// The per-chat actor.
#[derive(Debug, Default)]
pub struct ChatWorker;

impl ChatWorker {
    /// Returns the name a chat's worker is registered under: `chat_worker.<chat_id>`.
    pub fn actor_name(chat_id: &str) -> String {
        crate::names::chat_worker(chat_id)
    }
}

impl Actor for ChatWorker {
    type Msg = ChatWorkerMessage;
    type State = ChatWorkerState;
    type Arguments = ChatWorkerArgs;

    async fn pre_start(
        &self,
        myself: ActorRef<Self::Msg>,
        args: ChatWorkerArgs,
    ) -> Result<Self::State, ActorProcessingErr> {
        myself.send_interval(args.idle_check_interval, || ChatWorkerMessage::CheckIdle);
        myself.send_interval(args.node.tick_interval, || ChatWorkerMessage::Tick);
        debug!(chat_id = %args.spec.chat_id, opened = args.opened, "chat worker started");
        let now = now_ms();
        let mut node = args.node;
        // Only a chat a session opens takes part in experiments: one heard of through signals alone is
        // already under way (its session started before this node ran), and would join mid-session.
        if args.opened
            && let Some(thresholds) = chat_parameters(&node, &args.spec.chat_id).await
        {
            node.thresholds = Arc::new(thresholds);
        }
        let mut state = ChatWorkerState {
            info: ChatInfo {
                chat_id: args.spec.chat_id.clone(),
                name: args.spec.name.clone(),
                project_dir: args.spec.project_dir.clone(),
                client: args.spec.client.clone(),
                started_at_ms: args.spec.started_at_ms,
                last_active_ms: now,
                requests: 0,
            },
            last_active: Instant::now(),
            idle_timeout: args.idle_timeout,
            node,
            window_opt: None,
        };
        if args.opened {
            state.open(ChatOpened {
                chat_id: args.spec.chat_id,
                project_dir: args.spec.project_dir,
                client: args.spec.client,
                claude_pid: args.spec.claude_pid,
                process: args.spec.process,
            });
        } else {
            state.window();
        }
        let level = state.window().level;
        state
            .node
            .metrics
            .show_risk_level(&state.info.chat_id, level);
        Ok(state)
    }

    async fn post_stop(
        &self,
        _myself: ActorRef<Self::Msg>,
        state: &mut Self::State,
    ) -> Result<(), ActorProcessingErr> {
        // What the last tick did not write yet.
        state.write_if_dirty();
        state.node.metrics.forget_risk_level(&state.info.chat_id);
        // Its prompts are routed with the values in force from now on.
        if let Some(router) = crate::model_router::ModelRouter::find(state.node.emitter.node_id()) {
            let _ = router.cast(crate::model_router::ModelRouterMessage::ChatStopped(
                state.info.chat_id.clone(),
            ));
        }
        Ok(())
    }

    async fn handle(
        &self,
        myself: ActorRef<Self::Msg>,
        message: Self::Msg,
        state: &mut Self::State,
    ) -> Result<(), ActorProcessingErr> {
        match message {
            ChatWorkerMessage::GetInfo(reply) => {
                state.touch();
                state.info.requests += 1;
                // The caller may have timed out and dropped the port; nothing to do then.
                let _ = reply.send(state.info.clone());
            }
            ChatWorkerMessage::Opened(opened) => {
                state.touch();
                state.open(opened);
            }
            ChatWorkerMessage::Record(batch, reply_opt) => {
                state.touch();
                let report = state.record(&myself, batch);
                if let Some(reply) = reply_opt {
                    let _ = reply.send(report);
                }
            }
            ChatWorkerMessage::GetRisk(reply) => {
                state.touch();
                let _ = reply.send(state.risk());
            }
            ChatWorkerMessage::RecentTools(reply) => {
                let tools = state
                    .window_opt
                    .as_ref()
                    .map(ChatWindow::recent_tools)
                    .unwrap_or_default();
                let _ = reply.send(tools);
            }
            ChatWorkerMessage::Checkpoint(input, reply) => {
                state.touch();
                state.checkpoint(
                    &myself,
                    shim_protocol::messages::CheckpointTrigger::Explicit,
                    Some(*input),
                    Some(reply),
                );
            }
            ChatWorkerMessage::CheckpointTaken { at_ms } => {
                if let Some(window) = state.window_opt.as_mut() {
                    window.checkpoint_taken(at_ms);
                }
            }
            ChatWorkerMessage::TranscriptRead(result) => state.transcript_read(&myself, result),
            ChatWorkerMessage::End { reason } => {
                state.end(&myself, reason);
                myself.stop(Some(ENDED_EXIT_REASON.to_owned()));
            }
            ChatWorkerMessage::Tick => state.tick(&myself),
            ChatWorkerMessage::CheckIdle => {
                if state.last_active.elapsed() >= state.idle_timeout {
                    info!(chat_id = %state.info.chat_id, idle_s = state.idle_timeout.as_secs(), "chat idled out");
                    myself.stop(Some(IDLE_EXIT_REASON.to_owned()));
                }
            }
            #[cfg(any(test, feature = "testsuite"))]
            ChatWorkerMessage::Fail(reason) => return Err(reason.into()),
        }
        Ok(())
    }
}

impl ChatWorkerState {
    /// Marks the chat active now: signals and requests keep a worker from idling out.
    fn touch(&mut self) {
        self.last_active = Instant::now();
        self.info.last_active_ms = now_ms();
    }
}

#[cfg(test)]
mod tests;

/// The thresholds chat `chat_id` runs with: the node's, with the parameter store's shipped values and the
/// chat's variant of each running experiment from this node's experiment manager. The routing parameters
/// among them are handed to this node's model router for the chat's prompts. `None` (the node's
/// thresholds unchanged) when no manager runs or it does not answer in time: a chat never waits on the loop.
async fn chat_parameters(node: &NodeWide, chat_id: &str) -> Option<RiskThresholds> {
    use crate::experiment_manager::{ExperimentManager, ExperimentManagerMessage, catalogue};
    use shim_protocol::messages::AssignRequest;

    let manager = ExperimentManager::find(node.emitter.node_id())?;
    let request = AssignRequest {
        chat_ids: vec![chat_id.to_owned()],
    };
    let reply = match manager
        .call(
            |port| ExperimentManagerMessage::Assign(request, port),
            Some(node.call_timeout),
        )
        .await
    {
        Ok(ractor::rpc::CallResult::Success(Ok(reply))) => reply,
        Ok(ractor::rpc::CallResult::Success(Err(error))) => {
            tracing::warn!(%chat_id, %error, "no experiment parameters for the chat; it runs with the node's");
            return None;
        }
        _ => {
            tracing::warn!(%chat_id, "the experiment manager did not answer; the chat runs with the node's parameters");
            return None;
        }
    };
    let chat = reply.chats.into_iter().next()?;
    let mut thresholds = (*node.thresholds).clone();
    for (name, value) in &chat.values {
        catalogue::write(&mut thresholds, name, *value);
    }
    // The routing ones go to the router, which routes this chat's prompts with them.
    match crate::model_router::ModelRouter::find(node.emitter.node_id()) {
        Some(router) => {
            let _ = router.cast(crate::model_router::ModelRouterMessage::Parameters {
                chat_id_opt: Some(chat_id.to_owned()),
                values: chat.values.clone(),
            });
        }
        None => {
            tracing::debug!(%chat_id, "no model router runs; the chat's routing parameters are not used")
        }
    }
    for assignment in &chat.assignments {
        node.emitter.emit(
            "kaizen",
            "exposure",
            Some(chat_id),
            serde_json::json!({
                "experiment_id": assignment.experiment_id,
                "parameter": assignment.parameter,
                "variant": assignment.variant.as_str(),
                "value": assignment.value,
                "values": assignment.values,
                "capped": assignment.capped,
                "stage": assignment.stage,
            }),
        );
    }
    Some(thresholds)
}
