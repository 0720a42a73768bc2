//! The [`CheckpointManager`]: saves checkpoints of a chat's state (explicit or automatic), keeps them within
//! retention, and finds interrupted sessions to resume.
//!
//! A chat's worker asks for every save ([`CheckpointManagerMessage::Save`]) and hands over the chat's
//! signals with it; the manager gathers the chat's files (git, in a blocking task) off its mailbox, then
//! comes back as [`CheckpointManagerMessage::Persist`], where the number is taken and the checkpoint is
//! written and flushed before the reply. The manager imports no other actor: what it needs from a live
//! chat for a resume (its latest tool calls) it asks through [`RecentTools`], which the Supervisor wires.
//!
//! No secret reaches the store or a resume prompt: a checkpoint's texts are redacted before it is written,
//! and a resume prompt (which also quotes the transcript and live tool calls) before it is handed out
//! (see [`crate::redact`]).

mod error;
pub mod git;
pub mod limits;
pub mod resume;
mod secrets;
pub mod store;

use std::{
    fmt,
    future::Future,
    path::Path,
    pin::Pin,
    sync::Arc,
    time::{Duration, Instant},
};

use ractor::{Actor, ActorProcessingErr, ActorRef, RpcReplyPort};
use serde_json::json;
use shim_protocol::{
    messages::{
        Checkpoint, CheckpointInput, CheckpointList, CheckpointSaved, CheckpointTrigger, FileState,
        ListCheckpointsRequest, ResumeCheckRequest, ResumeOffer, ResumeRequest, RiskReport,
        SignalSnapshot, ToolCallRecord,
    },
    subject::validate_id,
};
use tokio::sync::Semaphore;
use tracing::{info, warn};

use crate::{metrics::ActorMetrics, now_ms, publisher::EventEmitter, redact::redact_in_place};
pub use error::{CheckpointError, CheckpointResult};
use store::{ChatRecord, CheckpointStore, Seal, StoreError, checkpoint_id, parse_checkpoint_id};

/// Most transcript reads for resume prompts running at once.
const RESUME_READS: usize = 2;

/// How many checkpoints are kept, and for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    /// Newest checkpoints kept per chat. Default 50.
    pub keep_last: usize,
    /// Older checkpoints are deleted (the newest of a chat never is while it can be resumed; a chat that
    /// cannot be resumed any more is forgotten this long after its last sign of life). Default 30 days.
    pub max_age: Duration,
    /// How often the next [`SWEPT_PER_TICK`] chats are swept (chats that stopped saving are pruned too).
    /// Default a minute.
    pub sweep_every: Duration,
}

/// How many chats one retention sweep looks at: it runs inside the manager, between saves.
pub const SWEPT_PER_TICK: usize = 100;

impl Default for Retention {
    fn default() -> Self {
        Retention {
            keep_last: 50,
            max_age: Duration::from_secs(30 * 24 * 3600),
            sweep_every: Duration::from_secs(60),
        }
    }
}

/// Arguments of [`CheckpointManager`].
#[derive(Debug, Clone)]
pub struct CheckpointManagerArgs {
    /// Stamps and publishes events.
    pub emitter: EventEmitter,
    /// Instruments.
    pub metrics: ActorMetrics,
    /// The store.
    pub store: CheckpointStore,
    /// Asks a live chat for its latest tool calls, for a resume.
    pub recent_tools: RecentTools,
    /// Retention.
    pub retention: Retention,
    /// Silence after which an unended session counts as timed out rather than exited.
    pub idle_timeout: Duration,
}

/// The answer of [`RecentTools`]: a live chat's latest tool calls (empty when no worker holds the chat),
/// or why they could not be had.
pub type RecentToolsFuture =
    Pin<Box<dyn Future<Output = Result<Vec<ToolCallRecord>, String>> + Send>>;

/// Asks the worker of a chat, if one runs, for its latest tool calls.
#[derive(Clone)]
pub struct RecentTools(Arc<dyn Fn(String) -> RecentToolsFuture + Send + Sync>);

impl RecentTools {
    /// Wraps `ask`, called with the chat id.
    pub fn new(ask: impl Fn(String) -> RecentToolsFuture + Send + Sync + 'static) -> Self {
        RecentTools(Arc::new(ask))
    }

    /// Asks for chat `chat_id`'s latest tool calls.
    pub fn of(&self, chat_id: String) -> RecentToolsFuture {
        (self.0)(chat_id)
    }
}

impl fmt::Debug for RecentTools {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("RecentTools")
    }
}

/// What a checkpoint takes from the chat's signals; its worker hands it over with the save.
#[derive(Debug, Clone)]
pub struct SignalState {
    /// The signals now.
    pub signals: SignalSnapshot,
    /// The last 20 tool calls.
    pub tools: Vec<ToolCallRecord>,
    /// The risk now, as the chat's worker assessed it.
    pub risk: RiskReport,
}

/// A save a chat's worker asks for.
#[derive(Debug)]
pub struct SaveOrder {
    /// The chat.
    pub chat_id: String,
    /// Why.
    pub trigger: CheckpointTrigger,
    /// What the assistant said (explicit checkpoints); an automatic one carries the last explicit state
    /// forward.
    pub input_opt: Option<CheckpointInput>,
    /// The chat's signals.
    pub state: SignalState,
    /// Where the outcome goes.
    pub reply: RpcReplyPort<CheckpointResult<CheckpointSaved>>,
}

/// A checkpoint whose parts have been gathered.
#[derive(Debug)]
pub struct PendingCheckpoint {
    chat_id: String,
    trigger: CheckpointTrigger,
    input_opt: Option<CheckpointInput>,
    project_dir_opt: Option<String>,
    state: SignalState,
    files: FileState,
    started: Instant,
    reply: RpcReplyPort<CheckpointResult<CheckpointSaved>>,
}

/// A chat found interrupted, to seal: its last checkpoint becomes final and waits for the next session in
/// its project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealOrder {
    /// The chat.
    pub chat_id: String,
    /// How the interruption was found (`process_exited`, `heartbeat_timeout`).
    pub detected: String,
    /// When, milliseconds since the Unix epoch.
    pub at_ms: u64,
}

/// What a [`SealOrder`] found or did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    /// True when this order sealed the chat; false when it was sealed already (nothing was done again).
    pub newly: bool,
    /// The seal in force.
    pub seal: Seal,
    /// The sealed checkpoint, `<chat_id>:<seq>`; none when the chat had none.
    pub checkpoint_id_opt: Option<String>,
    /// The chat's project directory, where the resume waits.
    pub project_dir_opt: Option<String>,
}

/// Messages of [`CheckpointManager`].
#[derive(Debug)]
pub enum CheckpointManagerMessage {
    /// Seals the checkpoints of a chat found interrupted (once; again is a no-op) and prepares its resume.
    Seal(SealOrder, RpcReplyPort<CheckpointResult<Sealed>>),
    /// Saves a checkpoint (explicit or automatic) of a chat, with the signals its worker handed over.
    Save(Box<SaveOrder>),
    /// Writes a gathered checkpoint (sent by the manager to itself).
    Persist(Box<PendingCheckpoint>),
    /// Lists checkpoints.
    List(
        ListCheckpointsRequest,
        RpcReplyPort<CheckpointResult<CheckpointList>>,
    ),
    /// Fetches one checkpoint.
    Get(String, RpcReplyPort<CheckpointResult<Checkpoint>>),
    /// Looks for an interrupted session to resume.
    ResumeCheck(
        ResumeCheckRequest,
        RpcReplyPort<CheckpointResult<ResumeOffer>>,
    ),
    /// Restores a checkpoint, once.
    Resume(ResumeRequest, RpcReplyPort<CheckpointResult<ResumeOffer>>),
    /// Applies retention to the next few chats (sent to itself every [`Retention::sweep_every`]).
    Sweep,
}

/// Mutable state of [`CheckpointManager`].
#[derive(Debug)]
pub struct CheckpointManagerState {
    args: CheckpointManagerArgs,
    /// Bounds the transcript reads of resumes running at once.
    reads: Arc<Semaphore>,
    /// The chat the next retention sweep goes on after (empty: the first).
    sweep_after: Vec<u8>,
}

/// The per-node checkpoint manager.
#[derive(Debug, Default)]
pub struct CheckpointManager;

impl CheckpointManager {
    /// The service's name; registered as `checkpoint_manager.<node_id>` (see [`crate::names::service`]).
    pub const NAME: &'static str = "checkpoint_manager";
}

impl Actor for CheckpointManager {
    type Msg = CheckpointManagerMessage;
    type State = CheckpointManagerState;
    type Arguments = CheckpointManagerArgs;

    async fn pre_start(
        &self,
        myself: ActorRef<Self::Msg>,
        args: CheckpointManagerArgs,
    ) -> Result<Self::State, ActorProcessingErr> {
        myself.send_interval(args.retention.sweep_every, || {
            CheckpointManagerMessage::Sweep
        });
        Ok(CheckpointManagerState {
            args,
            reads: Arc::new(Semaphore::new(RESUME_READS)),
            sweep_after: Vec::new(),
        })
    }

    async fn handle(
        &self,
        myself: ActorRef<Self::Msg>,
        message: Self::Msg,
        state: &mut Self::State,
    ) -> Result<(), ActorProcessingErr> {
        match message {
            CheckpointManagerMessage::Save(order) => {
                if let Err(error) = validate_id("chat id", &order.chat_id) {
                    let _ = order.reply.send(Err(error.into()));
                    return Ok(());
                }
                if let Err(error) = state.refuse_sealed(&order.chat_id) {
                    let _ = order.reply.send(Err(error));
                    return Ok(());
                }
                state.gather(&myself, *order);
            }
            CheckpointManagerMessage::Seal(order, reply) => {
                let _ = reply.send(state.seal(order));
            }
            CheckpointManagerMessage::Persist(pending) => state.persist(*pending),
            CheckpointManagerMessage::Sweep => state.sweep(),
            CheckpointManagerMessage::List(request, reply) => {
                let limit = request.limit.unwrap_or(20).clamp(1, 1000) as usize;
                let result = state
                    .args
                    .store
                    .list(request.chat_id.as_deref(), limit)
                    .map(|checkpoints| CheckpointList { checkpoints })
                    .map_err(CheckpointError::from);
                let _ = reply.send(result);
            }
            CheckpointManagerMessage::Get(id, reply) => {
                let _ = reply.send(state.get(&id));
            }
            CheckpointManagerMessage::ResumeCheck(request, reply) => {
                match state.find_interrupted(&request.project_dir, request.chat_id.as_deref()) {
                    Ok(Some((record, checkpoint))) => state.offer(record, checkpoint, reply, false),
                    Ok(None) => {
                        let _ = reply.send(Ok(ResumeOffer::default()));
                    }
                    Err(error) => {
                        let _ = reply.send(Err(error));
                    }
                }
            }
            CheckpointManagerMessage::Resume(request, reply) => state.resume(request, reply),
        }
        Ok(())
    }
}

impl CheckpointManagerState {
    /// A sealed chat takes no more checkpoints: its last one waits, unchanged, for the next session.
    fn refuse_sealed(&self, chat_id: &str) -> CheckpointResult<()> {
        match self.args.store.sealed(chat_id)? {
            None => Ok(()),
            Some(seal) => Err(CheckpointError::Sealed {
                chat_id: chat_id.to_owned(),
                checkpoint_id_opt: seal.seq_opt.map(|seq| checkpoint_id(chat_id, seq)),
            }),
        }
    }

    /// Seals a chat found interrupted, once: its last checkpoint is final (kept, as no later save prunes it)
    /// and is what the next session in its project is offered (`resume.prepared`).
    fn seal(&self, order: SealOrder) -> CheckpointResult<Sealed> {
        validate_id("chat id", &order.chat_id)?;
        let store = &self.args.store;
        let latest_opt = store.latest(&order.chat_id)?;
        let project_dir_opt = store
            .chat(&order.chat_id)?
            .and_then(|record| record.project_dir)
            .or_else(|| {
                latest_opt
                    .as_ref()
                    .and_then(|latest| latest.project_dir.clone())
            });
        let (seal, newly) = store.seal(
            &order.chat_id,
            &Seal {
                at_ms: order.at_ms,
                detected: order.detected,
                seq_opt: latest_opt.as_ref().map(|latest| latest.seq),
            },
        )?;
        let checkpoint_id_opt = seal.seq_opt.map(|seq| checkpoint_id(&order.chat_id, seq));
        if newly {
            info!(chat_id = %order.chat_id, checkpoint = ?checkpoint_id_opt, detected = %seal.detected, "chat interrupted: its last checkpoint is sealed");
            if let Some(checkpoint_id) = &checkpoint_id_opt {
                self.args.emitter.emit(
                    "resume",
                    "prepared",
                    Some(&order.chat_id),
                    json!({"checkpoint_id": checkpoint_id, "project_dir": project_dir_opt, "detected": seal.detected, "sealed_at_ms": seal.at_ms}),
                );
            }
        }
        Ok(Sealed {
            newly,
            seal,
            checkpoint_id_opt,
            project_dir_opt,
        })
    }

    fn gather(&self, myself: &ActorRef<CheckpointManagerMessage>, order: SaveOrder) {
        let started = Instant::now();
        let SaveOrder {
            chat_id,
            trigger,
            input_opt,
            state,
            reply,
        } = order;
        let project_dir_opt = self
            .args
            .store
            .chat(&chat_id)
            .ok()
            .flatten()
            .and_then(|record| record.project_dir);
        let myself = myself.clone();
        tokio::spawn(async move {
            let active = input_opt
                .as_ref()
                .map(|input| input.active_files.clone())
                .unwrap_or_default();
            let files = match project_dir_opt
                .clone()
                // Checked again here: the directory may have changed hands since the chat started.
                .filter(|dir| crate::project_dir::check(dir).is_ok())
            {
                Some(dir) => {
                    tokio::task::spawn_blocking(move || git::file_state(Path::new(&dir), &active))
                        .await
                        .unwrap_or_default()
                }
                None => FileState {
                    active: limits::keep_first(&active, limits::ACTIVE_FILES, limits::ITEM_CHARS),
                    ..FileState::default()
                },
            };
            let _ = myself.cast(CheckpointManagerMessage::Persist(Box::new(
                PendingCheckpoint {
                    chat_id,
                    trigger,
                    input_opt,
                    project_dir_opt,
                    state,
                    files,
                    started,
                    reply,
                },
            )));
        });
    }

    fn persist(&mut self, pending: PendingCheckpoint) {
        let PendingCheckpoint {
            chat_id,
            trigger,
            mut input_opt,
            project_dir_opt,
            state,
            mut files,
            started,
            reply,
        } = pending;
        // Sealed while its files were gathered: the seal wins.
        if let Err(error) = self.refuse_sealed(&chat_id) {
            let _ = reply.send(Err(error));
            return;
        }
        // Before the limits cut the texts: a secret cut in two is no longer recognized.
        if let Some(input) = input_opt.as_mut() {
            secrets::redact_input(input);
        }
        let result = (|| -> Result<(Checkpoint, u64), StoreError> {
            let store = &self.args.store;
            let previous_opt = store.latest(&chat_id)?;
            let seq = store.next_seq(&chat_id)?;
            let (conversation, task, reason) = match &input_opt {
                Some(input) => {
                    let (conversation, task) = limits::conversation_and_task(input);
                    (conversation, task, input.reason.clone())
                }
                // An automatic checkpoint carries the last explicit state forward.
                None => match &previous_opt {
                    Some(previous) => (previous.conversation.clone(), previous.task.clone(), None),
                    None => Default::default(),
                },
            };
            if let Some(previous) = previous_opt.as_ref().filter(|_| files.active.is_empty()) {
                files.active.clone_from(&previous.files.active);
            }
            let mut checkpoint = Checkpoint {
                checkpoint_id: checkpoint_id(&chat_id, seq),
                chat_id: chat_id.clone(),
                seq,
                created_at_ms: now_ms(),
                trigger,
                project_dir: project_dir_opt,
                conversation,
                task,
                files,
                tools: state.tools,
                signals: state.signals,
                reason: reason.or_else(|| Some(trigger.as_str().replace('_', " "))),
            };
            secrets::redact_checkpoint(&mut checkpoint);
            let bytes = store.put(&checkpoint)?;
            let retention = self.args.retention;
            store.prune(
                &chat_id,
                retention.keep_last,
                retention.max_age.as_millis() as u64,
                checkpoint.created_at_ms,
            )?;
            Ok((checkpoint, bytes))
        })();
        match result {
            Ok((checkpoint, bytes)) => {
                let elapsed = started.elapsed();
                self.args
                    .metrics
                    .record_checkpoint(trigger.as_str(), elapsed, bytes);
                info!(%chat_id, seq = checkpoint.seq, trigger = trigger.as_str(), bytes, "checkpoint saved");
                self.args.emitter.emit(
                    "checkpoint",
                    "saved",
                    Some(&chat_id),
                    json!({"checkpoint_id": checkpoint.checkpoint_id, "seq": checkpoint.seq, "trigger": trigger.as_str(), "bytes": bytes, "ms": elapsed.as_secs_f64() * 1000.0, "tool_calls": checkpoint.signals.tool_calls}),
                );
                let _ = reply.send(Ok(CheckpointSaved {
                    checkpoint_id: checkpoint.checkpoint_id,
                    seq: checkpoint.seq,
                    bytes,
                    risk: state.risk,
                }));
            }
            Err(error) => {
                warn!(%chat_id, %error, trigger = trigger.as_str(), "checkpoint save failed");
                self.args.emitter.emit(
                    "checkpoint",
                    "failed",
                    Some(&chat_id),
                    json!({"error": error.to_string(), "trigger": trigger.as_str()}),
                );
                let _ = reply.send(Err(error.into()));
            }
        }
    }

    fn get(&self, id: &str) -> CheckpointResult<Checkpoint> {
        let (chat_id, seq) = parse_checkpoint_id(id)
            .ok_or_else(|| CheckpointError::NotACheckpointId { id: id.to_owned() })?;
        self.args
            .store
            .get(chat_id, seq)?
            .ok_or_else(|| CheckpointError::NotFound { id: id.to_owned() })
    }

    /// Applies retention to the next [`SWEPT_PER_TICK`] chats, going on where the last sweep stopped.
    fn sweep(&mut self) {
        let retention = self.args.retention;
        match self.args.store.sweep(
            &self.sweep_after,
            SWEPT_PER_TICK,
            retention.keep_last,
            retention.max_age.as_millis() as u64,
            now_ms(),
        ) {
            Ok(swept) => {
                if swept.checkpoints > 0 || swept.forgotten > 0 {
                    info!(
                        checkpoints = swept.checkpoints,
                        chats_forgotten = swept.forgotten,
                        "retention removed old checkpoints"
                    );
                }
                self.sweep_after = swept.next.unwrap_or_default();
            }
            Err(error) => warn!(%error, "retention sweep failed; tried again at the next"),
        }
    }

    /// Returns the most recent interrupted session of a project that still has an unrestored checkpoint.
    fn find_interrupted(
        &self,
        project_dir: &str,
        asking_chat_opt: Option<&str>,
    ) -> CheckpointResult<Option<(ChatRecord, Checkpoint)>> {
        let store = &self.args.store;
        let mut best: Option<(ChatRecord, Checkpoint)> = None;
        let mut best_sealed = false;
        for record in store.chats_in_project(project_dir)? {
            if Some(record.chat_id.as_str()) == asking_chat_opt || record.ended_at_ms.is_some() {
                continue;
            }
            // A sealed chat was found interrupted (its process exited, or it fell silent): its resume waits
            // whatever its pids say now.
            let sealed = store.sealed(&record.chat_id)?.is_some();
            if !sealed
                && (record.claude_pid.is_some_and(process_alive)
                    || crate::process::any_alive(&record.processes))
            {
                // Its Claude Code process or its MCP server still runs: a live session, not an interrupted one.
                continue;
            }
            let latest = match store.latest(&record.chat_id) {
                Ok(Some(latest)) => latest,
                Ok(None) => continue,
                // A damaged checkpoint costs its own chat's resume, not every chat's of the project.
                Err(StoreError::Corrupt(error)) => {
                    tracing::warn!(
                        chat_id = %record.chat_id,
                        %error,
                        "a chat's latest checkpoint is unreadable; it is not offered for resume"
                    );
                    continue;
                }
                Err(error) => return Err(error.into()),
            };
            let restored = store.restored_seq(&record.chat_id)?.unwrap_or(0);
            if latest.seq <= restored {
                continue;
            }
            // A sealed chat first (its interruption is certain), then the most recent checkpoint.
            if best.as_ref().is_none_or(|(_, current)| {
                (sealed, latest.created_at_ms) > (best_sealed, current.created_at_ms)
            }) {
                best = Some((record, latest));
                best_sealed = sealed;
            }
        }
        Ok(best)
    }

    fn resume(
        &mut self,
        request: ResumeRequest,
        reply: RpcReplyPort<CheckpointResult<ResumeOffer>>,
    ) {
        let found = match (&request.checkpoint_id, &request.project_dir) {
            (Some(id), _) => self.get(id).and_then(|checkpoint| {
                let record = self
                    .args
                    .store
                    .chat(&checkpoint.chat_id)?
                    .unwrap_or_else(|| orphan_record(&checkpoint));
                Ok(Some((record, checkpoint)))
            }),
            (None, Some(project_dir)) => {
                self.find_interrupted(project_dir, request.chat_id.as_deref())
            }
            (None, None) => Err(CheckpointError::NothingToResume),
        };
        match found {
            // Marked restored once its prompt is ready and its requester still waits (see `offer`).
            Ok(Some((record, checkpoint))) => self.offer(record, checkpoint, reply, true),
            Ok(None) => {
                let _ = reply.send(Ok(ResumeOffer::default()));
            }
            Err(error) => {
                let _ = reply.send(Err(error));
            }
        }
    }

    /// Builds the offer (git runs in a blocking task) and replies from there. A resume (`restored`) is marked
    /// restored only once its prompt is ready and its requester still waits for it: marked before, a resume
    /// whose prompt took longer than the hook waits (git on a cold repository after a reboot) was used up
    /// without ever being shown, and neither the hook nor `shim-node resume` offered it again.
    fn offer(
        &self,
        record: ChatRecord,
        checkpoint: Checkpoint,
        reply: RpcReplyPort<CheckpointResult<ResumeOffer>>,
        restored: bool,
    ) {
        let now = now_ms();
        // Recovery's record of the interruption, when it found the chat interrupted, wins over any guess. Unread,
        // the resume is still given (it may be marked restored already), with the guess.
        let seal_opt = self
            .args
            .store
            .sealed(&checkpoint.chat_id)
            .unwrap_or_else(|error| {
                warn!(chat_id = %checkpoint.chat_id, %error, "the chat's seal could not be read: its interruption is guessed");
                None
            });
        let cause = resume::Cause::of(
            &record,
            seal_opt,
            now,
            self.args.idle_timeout.as_millis() as u64,
        );
        let (reason, confidence) = (cause.reason, cause.confidence);
        let detected_opt = cause
            .recorded_opt
            .as_ref()
            .map(|seal| seal.detected.clone());
        let data = json!({"checkpoint_id": checkpoint.checkpoint_id, "reason": reason.as_str(), "confidence": confidence, "detected": detected_opt});
        if !restored {
            self.args
                .emitter
                .emit("resume", "offered", Some(&checkpoint.chat_id), data.clone());
        }
        let reads = self.reads.clone();
        let recent_tools = self.args.recent_tools.clone();
        let store = self.args.store.clone();
        let (emitter, metrics) = (self.args.emitter.clone(), self.args.metrics.clone());
        tokio::spawn(async move {
            let mut since = resume::gather::since(&record, &recent_tools, reads).await;
            let mut files_now = match checkpoint
                .project_dir
                .clone()
                // Checked again here: the directory may have changed hands since the chat started.
                .filter(|dir| crate::project_dir::check(dir).is_ok())
            {
                Some(dir) => {
                    tokio::task::spawn_blocking(move || git::file_state(Path::new(&dir), &[]))
                        .await
                        .unwrap_or_default()
                }
                None => FileState::default(),
            };
            // Before the prompt cuts them to its budget: a secret cut in two is no longer recognized.
            redact_in_place(&mut files_now.diff);
            for tool in &mut since.recent_tools {
                redact_in_place(&mut tool.arguments);
                redact_in_place(&mut tool.result);
            }
            let prompt = resume::prompt(&checkpoint, &cause, now_ms(), &files_now, &since);
            if restored {
                if reply.is_closed() {
                    warn!(chat_id = %checkpoint.chat_id, "the resume's requester stopped waiting before its prompt was ready: it stays on offer");
                    return;
                }
                let (chat_id, seq) = (checkpoint.chat_id.clone(), checkpoint.seq);
                let marked =
                    tokio::task::spawn_blocking(move || store.mark_restored(&chat_id, seq)).await;
                match marked {
                    Ok(Ok(())) => {
                        metrics.record_resume(reason.as_str());
                        emitter.emit("resume", "restored", Some(&checkpoint.chat_id), data);
                    }
                    Ok(Err(error)) => {
                        let _ = reply.send(Err(error.into()));
                        return;
                    }
                    Err(error) => {
                        warn!(%error, "marking a resume taken stopped before it was done");
                        let _ = reply.send(Err(CheckpointError::Stopped));
                        return;
                    }
                }
            }
            let _ = reply.send(Ok(ResumeOffer {
                resume_available: true,
                checkpoint_id: Some(checkpoint.checkpoint_id.clone()),
                chat_id: Some(checkpoint.chat_id.clone()),
                reason: Some(reason),
                confidence: Some(confidence),
                age_seconds: Some(now.saturating_sub(checkpoint.created_at_ms) / 1000),
                resume_prompt: Some(prompt),
            }));
        });
    }
}

fn orphan_record(checkpoint: &Checkpoint) -> ChatRecord {
    ChatRecord {
        chat_id: checkpoint.chat_id.clone(),
        project_dir: checkpoint.project_dir.clone(),
        client: None,
        started_at_ms: checkpoint.created_at_ms,
        last_active_ms: checkpoint.created_at_ms,
        last_activity: store::LastActivity::Started,
        ended_at_ms: None,
        claude_pid: None,
        peak_risk: None,
        api_failures: 0,
        transcript_path: None,
        prompts: Vec::new(),
        processes: Vec::new(),
    }
}

/// Returns true when a process with this id runs on this machine.
pub fn process_alive(pid: u32) -> bool {
    i32::try_from(pid)
        .ok()
        .filter(|pid| *pid > 0)
        .is_some_and(|pid| {
            matches!(
                nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None),
                Ok(()) | Err(nix::errno::Errno::EPERM)
            )
        })
}
