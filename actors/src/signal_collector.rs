//! The [`SignalCollector`]: one per node, with a window of signals per chat. After every batch it scores
//! the chat's crash risk, publishes level changes, fires automatic checkpoints (every N tool calls, every
//! 10 minutes of activity, on rising risk, before compaction, at the end of a turn) and keeps each chat's
//! activity record in the store for resume detection.

pub mod params;
pub mod risk;
pub mod transcript;
mod triggers;
mod window;

use std::{collections::HashMap, path::PathBuf, sync::Arc, time::Duration};

use ractor::{Actor, ActorProcessingErr, ActorRef, RpcReplyPort};
use serde_json::json;
use shim_protocol::{
    WireError, WireResult,
    messages::{
        CheckpointTrigger, RiskReport, SignalBatch, SignalEvent, SignalSnapshot, SignalSource,
        ToolCallRecord,
    },
};
use tokio::sync::Semaphore;
use tracing::{debug, info, warn};

use crate::{
    checkpoint_manager::{CheckpointManagerMessage, store::CheckpointStore},
    metrics::ActorMetrics,
    now_ms,
    publisher::EventEmitter,
    supervisor::SupervisorMessage,
};
use params::ParameterStore;
use risk::RiskThresholds;
use transcript::TranscriptDelta;
use triggers::{auto_checkpoint, level_check, trigger_rank};
use window::ChatWindow;

/// Advice added to tool results once per rise into danger.
pub const DANGER_ADVICE: &str = "SHIM: crash risk is DANGER. Save a checkpoint now (shim_checkpoint with a summary, \
     next steps and blockers), then wrap up or start a fresh session.";

/// Most chats with a signal window; beyond it the least recently active window is dropped.
const MAX_WINDOWS: usize = 10_000;

/// Arguments of [`SignalCollector`].
#[derive(Debug, Clone)]
pub struct SignalCollectorArgs {
    /// Stamps and publishes events.
    pub emitter: EventEmitter,
    /// Instruments.
    pub metrics: ActorMetrics,
    /// Where chat records go.
    pub store: CheckpointStore,
    /// Where the thresholds come from.
    pub params: ParameterStore,
    /// Reaches the CheckpointManager for automatic checkpoints.
    pub supervisor: ActorRef<SupervisorMessage>,
    /// How often records are written and interval checkpoints considered. Default 1 s.
    pub tick_interval: Duration,
}

/// What the CheckpointManager needs from the signals for a checkpoint.
#[derive(Debug, Clone, Default)]
pub struct SignalState {
    /// The signals now.
    pub signals: SignalSnapshot,
    /// The last 20 tool calls.
    pub tools: Vec<ToolCallRecord>,
    /// The risk now.
    pub risk_opt: Option<RiskReport>,
}

/// A chat opened on this node.
#[derive(Debug, Clone, PartialEq)]
pub struct ChatOpened {
    /// The chat.
    pub chat_id: String,
    /// Its project directory.
    pub project_dir: Option<String>,
    /// Its client.
    pub client: Option<String>,
    /// The Claude Code process it runs in.
    pub claude_pid: Option<u32>,
}

/// Messages of [`SignalCollector`].
#[derive(Debug)]
pub enum SignalCollectorMessage {
    /// A chat was opened (or re-attached).
    ChatOpened(ChatOpened),
    /// Signals; the risk afterwards goes to the port when there is one.
    Record(SignalBatch, Option<RpcReplyPort<RiskReport>>),
    /// The risk of a chat.
    GetRisk(String, RpcReplyPort<WireResult<RiskReport>>),
    /// The signal state of a chat, for a checkpoint.
    GetState(String, RpcReplyPort<SignalState>),
    /// A checkpoint of the chat was saved.
    CheckpointTaken {
        /// The chat.
        chat_id: String,
        /// When.
        at_ms: u64,
    },
    /// A transcript read finished.
    TranscriptRead {
        /// The chat.
        chat_id: String,
        /// What it found, or why it failed.
        result: Result<TranscriptDelta, String>,
    },
    /// Periodic work.
    Tick,
}

/// Mutable state of [`SignalCollector`].
#[derive(Debug)]
pub struct SignalCollectorState {
    args: SignalCollectorArgs,
    thresholds: RiskThresholds,
    windows: HashMap<String, ChatWindow>,
    /// Bounds the blocking transcript reads running at once.
    reads: Arc<Semaphore>,
}

/// The per-node signal collector.
#[derive(Debug, Default)]
pub struct SignalCollector;

impl Actor for SignalCollector {
    type Msg = SignalCollectorMessage;
    type State = SignalCollectorState;
    type Arguments = SignalCollectorArgs;

    async fn pre_start(
        &self,
        myself: ActorRef<Self::Msg>,
        args: SignalCollectorArgs,
    ) -> Result<Self::State, ActorProcessingErr> {
        let parameters = args.params.current()?;
        info!(version = parameters.version, "risk thresholds loaded");
        myself.send_interval(args.tick_interval, || SignalCollectorMessage::Tick);
        Ok(SignalCollectorState {
            thresholds: parameters.thresholds,
            args,
            windows: HashMap::new(),
            reads: Arc::new(Semaphore::new(transcript::MAX_CONCURRENT_READS)),
        })
    }

    async fn handle(
        &self,
        myself: ActorRef<Self::Msg>,
        message: Self::Msg,
        state: &mut Self::State,
    ) -> Result<(), ActorProcessingErr> {
        match message {
            SignalCollectorMessage::ChatOpened(opened) => state.open(opened),
            SignalCollectorMessage::Record(batch, reply_opt) => {
                let report = state.record(&myself, batch);
                if let Some(reply) = reply_opt {
                    let _ = reply.send(report);
                }
            }
            SignalCollectorMessage::GetRisk(chat_id, reply) => {
                let result = match state.windows.get_mut(&chat_id) {
                    Some(window) => Ok(window.report(&chat_id, now_ms(), &state.thresholds, true)),
                    None => Err(WireError::chat_not_found(&chat_id)),
                };
                let _ = reply.send(result);
            }
            SignalCollectorMessage::GetState(chat_id, reply) => {
                let now = now_ms();
                let thresholds = &state.thresholds;
                let signal_state = state
                    .windows
                    .get_mut(&chat_id)
                    .map(|window| SignalState {
                        signals: window.snapshot(now, thresholds),
                        tools: window.recent_tools(),
                        risk_opt: Some(window.report(&chat_id, now, thresholds, false)),
                    })
                    .unwrap_or_default();
                let _ = reply.send(signal_state);
            }
            SignalCollectorMessage::CheckpointTaken { chat_id, at_ms } => {
                if let Some(window) = state.windows.get_mut(&chat_id) {
                    window.checkpoint_taken(at_ms);
                }
            }
            SignalCollectorMessage::TranscriptRead { chat_id, result } => {
                state.transcript_read(&myself, &chat_id, result)
            }
            SignalCollectorMessage::Tick => state.tick(),
        }
        Ok(())
    }
}

impl SignalCollectorState {
    fn window(&mut self, chat_id: &str) -> &mut ChatWindow {
        if !self.windows.contains_key(chat_id) {
            let oldest_opt = (self.windows.len() >= MAX_WINDOWS)
                .then(|| {
                    self.windows
                        .iter()
                        .min_by_key(|(_, window)| window.last_active_ms)
                        .map(|(chat_id, _)| chat_id.clone())
                })
                .flatten();
            if let Some(oldest) = oldest_opt {
                self.windows.remove(&oldest);
            }
            // A chat the node has not seen since it started: pick up its record, if any.
            let record_opt = self.args.store.chat(chat_id).ok().flatten();
            let window = ChatWindow::new(chat_id, record_opt, &self.thresholds, now_ms());
            self.windows.insert(chat_id.to_owned(), window);
        }
        self.windows
            .get_mut(chat_id)
            .unwrap_or_else(|| unreachable!("inserted above"))
    }

    fn open(&mut self, opened: ChatOpened) {
        let store = self.args.store.clone();
        let window = self.window(&opened.chat_id);
        window.opened(&opened);
        match store.put_chat(&window.record) {
            Ok(()) => {
                window.written_activity = Some(window.record.last_activity);
                window.dirty = false;
            }
            Err(error) => warn!(chat_id = %opened.chat_id, %error, "failed to write chat record"),
        }
    }

    fn record(
        &mut self,
        myself: &ActorRef<SignalCollectorMessage>,
        batch: SignalBatch,
    ) -> RiskReport {
        let now = now_ms();
        self.args
            .metrics
            .record_signals(source_name(batch.source), batch.events.len() as u64);
        let chat_id = batch.chat_id.clone();
        let thresholds = self.thresholds.clone();
        let emitter = self.args.emitter.clone();
        let metrics = self.args.metrics.clone();
        let store = self.args.store.clone();
        let supervisor = self.args.supervisor.clone();
        let window = self.window(&chat_id);
        let cost_before = window.cost_usd();
        // However many events ask for one, a batch makes at most one automatic checkpoint.
        let mut trigger_opt: Option<CheckpointTrigger> = None;
        let mut want = |trigger: CheckpointTrigger| {
            if trigger_opt.is_none_or(|current| trigger_rank(trigger) > trigger_rank(current)) {
                trigger_opt = Some(trigger);
            }
        };
        let mut ended = false;
        let work = batch.source != SignalSource::Mcp;
        for event in batch.events {
            match &event {
                SignalEvent::ToolCall {
                    tool,
                    ok: false,
                    result,
                    ..
                } => emitter.emit(
                    "signals",
                    "tool_failed",
                    Some(&chat_id),
                    json!({"tool": tool, "error": result}),
                ),
                SignalEvent::TurnFailed { error } => emitter.emit(
                    "signals",
                    "turn_failed",
                    Some(&chat_id),
                    json!({"error": error}),
                ),
                SignalEvent::PostCompact => {
                    emitter.emit("signals", "compacted", Some(&chat_id), json!({}))
                }
                _ => {}
            }
            if let Some(trigger) =
                window.apply(event, batch.at_ms.max(1).min(now), &thresholds, work)
            {
                want(trigger);
            }
            if window.ended {
                ended = true;
            }
        }
        if let Some(path) = batch.transcript_path {
            window.named_transcript(path);
        }
        // Only hooks report the user's prompts; the MCP server has none to report.
        let prompt_opt = batch.prompt.filter(|_| batch.source == SignalSource::Hook);
        let prompted = prompt_opt.is_some();
        if let Some(prompt) = prompt_opt {
            window.prompted(&prompt, batch.at_ms.max(1).min(now));
        }
        if let Some(trigger) = level_check(window, &chat_id, now, &thresholds, &emitter, &metrics) {
            want(trigger);
        }
        let report = window.report(&chat_id, now, &thresholds, true);
        // A session's cost grew: that is actual spend, for the router's budget.
        if let Some(spent) = window
            .cost_usd()
            .map(|after| after - cost_before.unwrap_or(0.0))
            .filter(|spent| *spent > 0.0)
        {
            let _ = supervisor.cast(SupervisorMessage::Routing(
                crate::model_router::ModelRouterMessage::ActualSpend(spent),
            ));
        }
        // What decides how an interruption is classified and resumed is written at once.
        if (window.activity_changed() || prompted) && !ended {
            match store.put_chat(&window.record) {
                Ok(()) => {
                    window.written_activity = Some(window.record.last_activity);
                    window.dirty = false;
                }
                Err(error) => warn!(%chat_id, %error, "failed to write chat record"),
            }
        }
        let read_transcript = window.wants_transcript_read();
        if let Some(trigger) = trigger_opt {
            auto_checkpoint(&emitter, &supervisor, &chat_id, trigger);
        }
        if let Some((path, offset)) = read_transcript {
            self.spawn_transcript_read(myself, &chat_id, path, offset);
        }
        if ended {
            self.end(&chat_id);
        }
        report
    }

    fn end(&mut self, chat_id: &str) {
        let Some(window) = self.windows.remove(chat_id) else {
            return;
        };
        if let Err(error) = self.args.store.put_chat_durably(&window.record) {
            warn!(%chat_id, %error, "failed to write the end of a chat");
        }
        self.args.metrics.forget_risk_level(chat_id);
        self.args.emitter.emit(
            "signals",
            "session_ended",
            Some(chat_id),
            json!({"clean": true}),
        );
    }

    fn transcript_read(
        &mut self,
        myself: &ActorRef<SignalCollectorMessage>,
        chat_id: &str,
        result: Result<TranscriptDelta, String>,
    ) {
        let now = now_ms();
        let emitter = self.args.emitter.clone();
        let metrics = self.args.metrics.clone();
        let thresholds = self.thresholds.clone();
        let Some(window) = self.windows.get_mut(chat_id) else {
            return;
        };
        match result {
            Ok(delta) => {
                let more = window.transcript_read(&delta);
                // What the transcript says counts now, not at the chat's next signal.
                let trigger_opt =
                    level_check(window, chat_id, now, &thresholds, &emitter, &metrics);
                let next_opt = more.then(|| window.wants_transcript_read()).flatten();
                if let Some(trigger) = trigger_opt {
                    auto_checkpoint(&emitter, &self.args.supervisor, chat_id, trigger);
                }
                if let Some((path, offset)) = next_opt {
                    self.spawn_transcript_read(myself, chat_id, path, offset);
                }
            }
            Err(error) => {
                debug!(%chat_id, %error, "transcript not readable");
                window.transcript_failed();
            }
        }
    }

    /// Reads a transcript off the actor, in the bounded pool: at most [`transcript::MAX_CONCURRENT_READS`]
    /// blocking reads at once (one per chat at most, see [`ChatWindow::wants_transcript_read`]); the rest
    /// wait as tasks, not as blocked threads.
    fn spawn_transcript_read(
        &self,
        collector: &ActorRef<SignalCollectorMessage>,
        chat_id: &str,
        path: PathBuf,
        offset: u64,
    ) {
        let pool = self.reads.clone();
        let collector = collector.clone();
        let chat_id = chat_id.to_owned();
        tokio::spawn(async move {
            let result = match pool.acquire_owned().await {
                Ok(permit) => tokio::task::spawn_blocking(move || {
                    let _permit = permit;
                    transcript::read_from(&path, offset).map_err(|error| error.to_string())
                })
                .await
                .unwrap_or_else(|error| Err(format!("transcript read failed: {error}"))),
                Err(_) => Err("transcript pool closed".to_owned()),
            };
            let _ = collector.cast(SignalCollectorMessage::TranscriptRead { chat_id, result });
        });
    }

    fn tick(&mut self) {
        let now = now_ms();
        let every =
            Duration::from_secs(self.thresholds.checkpoint_every_minutes * 60).as_millis() as u64;
        for (chat_id, window) in &mut self.windows {
            if window.interval_checkpoint_due(now, every) {
                let _ = self.args.supervisor.cast(SupervisorMessage::Checkpoints(
                    CheckpointManagerMessage::Auto {
                        chat_id: chat_id.clone(),
                        trigger: CheckpointTrigger::Interval,
                    },
                ));
            }
            if window.dirty {
                match self.args.store.put_chat(&window.record) {
                    Ok(()) => window.written_activity = Some(window.record.last_activity),
                    Err(error) => warn!(%chat_id, %error, "failed to write chat record"),
                }
                window.dirty = false;
            }
        }
    }
}

fn source_name(source: SignalSource) -> &'static str {
    match source {
        SignalSource::Mcp => "mcp",
        SignalSource::Hook => "hook",
        SignalSource::StatusLine => "status_line",
        SignalSource::Transcript => "transcript",
    }
}

#[cfg(test)]
mod tests;
