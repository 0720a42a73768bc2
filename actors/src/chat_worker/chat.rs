//! What a [`ChatWorker`](super::ChatWorker) does with its chat's signals: the window, the risk after every
//! batch, level changes, automatic checkpoints, transcript reads and the chat's activity record.

use std::path::PathBuf;

use ractor::{ActorRef, rpc::CallResult};
use serde_json::json;
use shim_protocol::messages::{
    CheckpointInput, CheckpointSaved, CheckpointTrigger, RiskReport, SignalBatch, SignalEvent,
    SignalSource,
};
use tracing::{debug, warn};

use super::{
    ChatWorkerError, ChatWorkerMessage, ChatWorkerResult, ChatWorkerState, NodeWide,
    triggers::{level_check, trigger_rank},
    window::ChatWindow,
};
use crate::{
    checkpoint_manager::{
        CheckpointError, CheckpointManager, CheckpointManagerMessage, CheckpointResult, SaveOrder,
        SignalState,
    },
    model_router::{ModelRouter, ModelRouterMessage},
    names, now_ms,
    signals::transcript::{self, TranscriptDelta},
};

/// A chat opened (or re-attached) on this node by `session.start`.
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
    /// The process whose life is the chat's (its MCP server, or its Claude Code process).
    pub process: Option<shim_protocol::messages::ChatProcess>,
}

impl ChatWorkerState {
    fn chat_id(&self) -> &str {
        &self.info.chat_id
    }

    /// The chat's window, picked up from its record in the store when there is none (the chat is new to
    /// this worker, or its session ended and it signals again).
    pub(super) fn window(&mut self) -> &mut ChatWindow {
        let chat_id = &self.info.chat_id;
        let node = &self.node;
        self.window_opt.get_or_insert_with(|| {
            let record_opt = node.store.chat(chat_id).ok().flatten();
            ChatWindow::new(chat_id, record_opt, &node.thresholds, now_ms())
        })
    }

    pub(super) fn open(&mut self, opened: ChatOpened) {
        let store = self.node.store.clone();
        let window = self.window();
        window.opened(&opened);
        match store.put_chat(&window.record) {
            Ok(()) => {
                window.written_activity = Some(window.record.last_activity);
                window.dirty = false;
            }
            Err(error) => warn!(chat_id = %opened.chat_id, %error, "failed to write chat record"),
        }
    }

    pub(super) fn risk(&mut self) -> ChatWorkerResult<RiskReport> {
        let chat_id = self.info.chat_id.clone();
        let thresholds = self.node.thresholds.clone();
        match self.window_opt.as_mut() {
            Some(window) => Ok(window.report(&chat_id, now_ms(), &thresholds, true)),
            None => Err(ChatWorkerError::UnknownChat { chat_id }),
        }
    }

    pub(super) fn record(
        &mut self,
        myself: &ActorRef<ChatWorkerMessage>,
        batch: SignalBatch,
    ) -> RiskReport {
        let now = now_ms();
        let node = self.node.clone();
        node.metrics
            .record_signals(source_name(batch.source), batch.events.len() as u64);
        let chat_id = self.info.chat_id.clone();
        let thresholds = &node.thresholds;
        let emitter = &node.emitter;
        let window = self.window();
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
                SignalEvent::PreCompact => emitter.emit(
                    "signals",
                    "compacting",
                    Some(&chat_id),
                    json!({"trigger": batch.trigger}),
                ),
                SignalEvent::PostCompact => emitter.emit(
                    "signals",
                    "compacted",
                    Some(&chat_id),
                    json!({"trigger": batch.trigger}),
                ),
                _ => {}
            }
            if let Some(trigger) =
                window.apply(event, batch.at_ms.max(1).min(now), thresholds, work)
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
        if let Some(trigger) =
            level_check(window, &chat_id, now, thresholds, emitter, &node.metrics)
        {
            want(trigger);
        }
        let report = window.report(&chat_id, now, thresholds, true);
        // A session's cost grew: that is actual spend, for the router's budget.
        if let Some(spent) = window
            .cost_usd()
            .map(|after| after - cost_before.unwrap_or(0.0))
            .filter(|spent| *spent > 0.0)
        {
            let name = names::service(ModelRouter::NAME, node.emitter.node_id());
            match names::find::<ModelRouterMessage>(&name) {
                Some(router) => {
                    let _ = router.cast(ModelRouterMessage::ActualSpend(spent));
                }
                None => {
                    warn!(%chat_id, spent, "the model router is not running; spend not counted")
                }
            }
        }
        // What decides how an interruption is classified and resumed is written at once.
        if (window.activity_changed() || prompted) && !ended {
            match node.store.put_chat(&window.record) {
                Ok(()) => {
                    window.written_activity = Some(window.record.last_activity);
                    window.dirty = false;
                }
                Err(error) => warn!(%chat_id, %error, "failed to write chat record"),
            }
        }
        let read_transcript = window.wants_transcript_read();
        if let Some(trigger) = trigger_opt {
            self.auto_checkpoint(myself, trigger);
        }
        if let Some((path, offset)) = read_transcript {
            self.spawn_transcript_read(myself, path, offset);
        }
        if ended {
            self.ended();
        }
        report
    }

    /// The session ended (`session.end`): recorded like a `SessionEnded` signal from the MCP server.
    pub(super) fn end(&mut self, myself: &ActorRef<ChatWorkerMessage>, reason: Option<String>) {
        let batch = SignalBatch {
            chat_id: self.chat_id().to_owned(),
            source: SignalSource::Mcp,
            at_ms: now_ms(),
            events: vec![SignalEvent::SessionEnded { reason }],
            transcript_path: None,
            prompt: None,
            trigger: None,
        };
        self.record(myself, batch);
    }

    /// Writes the end of the chat durably and drops the window.
    fn ended(&mut self) {
        if let Some(window) = self.window_opt.take() {
            write_end(&self.node, &window);
        }
    }

    pub(super) fn transcript_read(
        &mut self,
        myself: &ActorRef<ChatWorkerMessage>,
        result: Result<TranscriptDelta, String>,
    ) {
        let now = now_ms();
        let node = self.node.clone();
        let chat_id = self.info.chat_id.clone();
        let Some(window) = self.window_opt.as_mut() else {
            return;
        };
        match result {
            Ok(delta) => {
                let more = window.transcript_read(&delta);
                // What the transcript says counts now, not at the chat's next signal.
                let trigger_opt = level_check(
                    window,
                    &chat_id,
                    now,
                    &node.thresholds,
                    &node.emitter,
                    &node.metrics,
                );
                let next_opt = more.then(|| window.wants_transcript_read()).flatten();
                if let Some(trigger) = trigger_opt {
                    self.auto_checkpoint(myself, trigger);
                }
                if let Some((path, offset)) = next_opt {
                    self.spawn_transcript_read(myself, path, offset);
                }
            }
            Err(error) => {
                debug!(%chat_id, %error, "transcript not readable");
                window.transcript_failed();
            }
        }
    }

    /// Reads the transcript off the actor, in the node's bounded pool: at most
    /// [`transcript::MAX_CONCURRENT_READS`] blocking reads at once (one per chat at most, see
    /// [`ChatWindow::wants_transcript_read`]); the rest wait as tasks, not as blocked threads.
    fn spawn_transcript_read(
        &self,
        myself: &ActorRef<ChatWorkerMessage>,
        path: PathBuf,
        offset: u64,
    ) {
        let pool = self.node.transcript_reads.clone();
        let myself = myself.clone();
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
            let _ = myself.cast(ChatWorkerMessage::TranscriptRead(result));
        });
    }

    pub(super) fn tick(&mut self, myself: &ActorRef<ChatWorkerMessage>) {
        let now = now_ms();
        let every_ms = self.node.thresholds.checkpoint_every_minutes * 60_000;
        let due = self
            .window_opt
            .as_mut()
            .is_some_and(|window| window.interval_checkpoint_due(now, every_ms));
        if due {
            self.checkpoint(myself, CheckpointTrigger::Interval, None, None);
        }
        self.write_if_dirty();
    }

    pub(super) fn write_if_dirty(&mut self) {
        let store = self.node.store.clone();
        let Some(window) = self.window_opt.as_mut().filter(|window| window.dirty) else {
            return;
        };
        match store.put_chat(&window.record) {
            Ok(()) => window.written_activity = Some(window.record.last_activity),
            Err(error) => {
                warn!(chat_id = %window.record.chat_id, %error, "failed to write chat record")
            }
        }
        window.dirty = false;
    }

    fn auto_checkpoint(
        &mut self,
        myself: &ActorRef<ChatWorkerMessage>,
        trigger: CheckpointTrigger,
    ) {
        let chat_id = self.chat_id();
        debug!(%chat_id, trigger = trigger.as_str(), "automatic checkpoint");
        self.node.emitter.emit(
            "checkpoint",
            "triggered",
            Some(chat_id),
            json!({"trigger": trigger.as_str()}),
        );
        self.checkpoint(myself, trigger, None, None);
    }

    /// Hands a checkpoint with the chat's signals to the CheckpointManager, found by name. The wait runs
    /// off the mailbox; the answer comes back as [`ChatWorkerMessage::CheckpointTaken`]. A manager that is
    /// not running or does not answer in time is an error to the caller (an explicit checkpoint) or a
    /// `checkpoint.failed` event (an automatic one), never a silent drop.
    pub(super) fn checkpoint(
        &mut self,
        myself: &ActorRef<ChatWorkerMessage>,
        trigger: CheckpointTrigger,
        input_opt: Option<CheckpointInput>,
        reply_opt: Option<ractor::RpcReplyPort<CheckpointResult<CheckpointSaved>>>,
    ) {
        let now = now_ms();
        let chat_id = self.info.chat_id.clone();
        let thresholds = self.node.thresholds.clone();
        let window = self.window();
        let state = SignalState {
            signals: window.snapshot(now, &thresholds),
            tools: window.recent_tools(),
            risk: window.report(&chat_id, now, &thresholds, false),
        };
        let name = names::service(CheckpointManager::NAME, self.node.emitter.node_id());
        let manager_opt = names::find::<CheckpointManagerMessage>(&name);
        let emitter = self.node.emitter.clone();
        let timeout = self.node.call_timeout;
        let myself = myself.clone();
        tokio::spawn(async move {
            let result = match manager_opt {
                None => Err(CheckpointError::Unavailable),
                Some(manager) => {
                    let order = |reply| {
                        CheckpointManagerMessage::Save(Box::new(SaveOrder {
                            chat_id: chat_id.clone(),
                            trigger,
                            input_opt,
                            state,
                            reply,
                        }))
                    };
                    match manager.call(order, Some(timeout)).await {
                        Ok(CallResult::Success(result)) => result,
                        Ok(CallResult::Timeout) => Err(CheckpointError::Timeout {
                            after_ms: timeout.as_millis() as u64,
                        }),
                        Ok(CallResult::SenderError) | Err(_) => Err(CheckpointError::Stopped),
                    }
                }
            };
            match &result {
                Ok(_) => {
                    let _ = myself.cast(ChatWorkerMessage::CheckpointTaken { at_ms: now_ms() });
                }
                // The manager reports its own failures (store errors); these are the ones it could not.
                Err(
                    error @ (CheckpointError::Unavailable
                    | CheckpointError::Stopped
                    | CheckpointError::Timeout { .. }),
                ) => {
                    warn!(%chat_id, %error, trigger = trigger.as_str(), "checkpoint not saved");
                    emitter.emit(
                        "checkpoint",
                        "failed",
                        Some(&chat_id),
                        json!({"error": error.to_string(), "trigger": trigger.as_str()}),
                    );
                }
                Err(_) => {}
            }
            if let Some(reply) = reply_opt {
                let _ = reply.send(result);
            }
        });
    }
}

/// Records the end of a chat whose worker is not running (restarting or given up on), as its worker
/// would have.
pub(crate) fn record_end(node: &NodeWide, chat_id: &str) {
    let now = now_ms();
    let record_opt = node.store.chat(chat_id).ok().flatten();
    let mut window = ChatWindow::new(chat_id, record_opt, &node.thresholds, now);
    window.apply(
        SignalEvent::SessionEnded { reason: None },
        now,
        &node.thresholds,
        false,
    );
    write_end(node, &window);
}

fn write_end(node: &NodeWide, window: &ChatWindow) {
    let chat_id = window.record.chat_id.as_str();
    if let Err(error) = node.store.put_chat_durably(&window.record) {
        warn!(%chat_id, %error, "failed to write the end of a chat");
    }
    node.metrics.forget_risk_level(chat_id);
    node.emitter.emit(
        "signals",
        "session_ended",
        Some(chat_id),
        json!({"clean": true, "tool_calls": window.tool_calls()}),
    );
}

fn source_name(source: SignalSource) -> &'static str {
    match source {
        SignalSource::Mcp => "mcp",
        SignalSource::Hook => "hook",
        SignalSource::StatusLine => "status_line",
        SignalSource::Transcript => "transcript",
        SignalSource::Telemetry => "telemetry",
    }
}
