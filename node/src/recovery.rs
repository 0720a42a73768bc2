//! Workflow C, recovery by itself: a chat of this node found interrupted is recovered once, at once.
//!
//! **Found** two ways. Its process (the `shim-node mcp` server that speaks for it, described at its session
//! start: pid, start time, boot id) is checked on this machine every `recovery_check_ms` ([`Timing`]); once it
//! has exited, and no session end came within the grace (`recovery_grace_ms`), the chat was interrupted
//! (`process_exited`). A chat whose
//! process this machine cannot see (another machine's, or off Linux) is found by the registry's heartbeat
//! timeout instead:
//! the sweep reports it silent, and it is recovered unless a process of it still runs here
//! (`heartbeat_timeout`). A chat with no process recorded (a Claude Code session known only from its hooks) is
//! never taken for interrupted by silence: it may just be idle.
//!
//! **Found by another node.** On a cluster any node's sweep may find a chat silent first. It hands the chat's
//! tasks back and tells the chat's own node (`chat.silent`, [`Recovery::silent_notice`]), which checks the
//! registry and the chat's processes itself and recovers it as its own, naming the tasks the finder handed
//! back. When no node answers on its subjects (it is down), the finder tells the supervisors of those tasks
//! itself ([`Recovery::report_without_owner`]) and nothing more: the chat may still be working with its node
//! down, and its checkpoints are on that node, which recovers the chat itself when it runs again and finds its
//! process gone.
//!
//! **Recovered** by [`Recovery::recover`], on the node that holds its checkpoints (the one it started on):
//! 1. the registry marks it interrupted, a compare-and-set: of several nodes or attempts one wins, and a chat
//!    that comes back is never recovered again;
//! 2. the CheckpointManager seals its last checkpoint (`resume.prepared`): the next session in its project is
//!    offered it, and the chat takes no more checkpoints;
//! 3. the tasks it held go back to the queue at once;
//! 4. the supervisor of each task handed back gets a message saying what happened and what was handed back;
//! 5. `recovery.completed` is published on `shim.events.recovery.completed`.

use std::{
    collections::{BTreeMap, HashMap},
    fmt::Write,
    sync::{Arc, Mutex},
    time::{Duration, Instant, SystemTime},
};

use serde_json::json;
use shim_actors::{
    CheckpointManager, CheckpointManagerMessage, CheckpointStore, EventEmitter,
    checkpoint_manager::{SealOrder, Sealed, process_alive},
    names,
    process::{self, Liveness},
};
use shim_protocol::{
    NodeOp, WireError, WireResult,
    messages::{
        ChatEntry, ChatProcess, ChatSilentNotice, ChatSilentReply, Interruption,
        SendMessageRequest, TaskRecord, TaskStatus,
    },
};
use tokio::sync::{mpsc, watch};
use tracing::{debug, info, warn};

use crate::{
    coordination::{Coordination, Silent, registry::Interrupted},
    nats::{ClientError, NodeClient},
};

/// How often the processes of this node's chats are checked, unless the config says otherwise
/// (`recovery_check_ms`).
pub const CHECK_EVERY: Duration = Duration::from_secs(1);
/// How long a chat's processes must stay exited before it counts as interrupted, unless the config says otherwise
/// (`recovery_grace_ms`): time for the session's end (Claude Code's SessionEnd hook) to arrive when the assistant
/// exited cleanly.
pub const GRACE: Duration = Duration::from_secs(2);

/// How often the chats' processes are checked, and how long they must stay exited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    /// Between checks.
    pub check_every: Duration,
    /// Exited for this long, a chat counts as interrupted.
    pub grace: Duration,
}

impl Default for Timing {
    fn default() -> Timing {
        Timing {
            check_every: CHECK_EVERY,
            grace: GRACE,
        }
    }
}
/// Most tasks a supervisor's message names one by one, each title cut to [`TITLE_CHARS`]: a message holds at
/// most 16 KiB.
const MAX_TASKS_LISTED: usize = 30;
/// Longest title quoted in a supervisor's message.
const TITLE_CHARS: usize = 80;
/// A chat whose process exited while the node was down is recovered at the node's start if it was active
/// within this long; older ones are left to the resume offer alone.
const RECOVER_AT_START_WITHIN: Duration = Duration::from_secs(24 * 3600);

/// True when `task` is back on the queue from chat `chat_id`: queued, held by no one, the chat the last that
/// claimed it.
fn was_handed_back_by(task: &TaskRecord, chat_id: &str) -> bool {
    task.status == TaskStatus::Queued
        && task.worker_chat_id.is_none()
        && task.workers.last().is_some_and(|last| last == chat_id)
}

/// The tasks handed back, as recovery's events name them.
fn tasks_json(tasks: &[TaskRecord]) -> serde_json::Value {
    tasks
        .iter()
        .map(|task| json!({"task_id": task.task_id, "title": task.title, "supervisor_chat_id": task.supervisor_chat_id}))
        .collect()
}

/// `text` cut to `chars` characters, with `…` when cut.
fn cut(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let mut kept: String = text.chars().take(chars.saturating_sub(1)).collect();
    kept.push('…');
    kept
}

/// How an interruption was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detected {
    /// Its process was seen gone on this machine.
    ProcessExited,
    /// It sent no heartbeat for the registry's away time.
    HeartbeatTimeout,
}

impl Detected {
    /// The name in events, seals and the registry.
    pub fn as_str(self) -> &'static str {
        match self {
            Detected::ProcessExited => Interruption::PROCESS_EXITED,
            Detected::HeartbeatTimeout => Interruption::HEARTBEAT_TIMEOUT,
        }
    }
}

/// What one recovery did.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovered {
    /// The chat.
    pub chat_id: String,
    /// How it was found.
    pub detected: Detected,
    /// The sealed checkpoint, if it had one.
    pub checkpoint_id_opt: Option<String>,
    /// Where its resume waits.
    pub project_dir_opt: Option<String>,
    /// The tasks handed back to the queue.
    pub tasks: Vec<TaskRecord>,
    /// The supervisors told.
    pub notified: Vec<String>,
    /// How long it had been silent when found (quoted for a heartbeat timeout).
    pub silent_for: Duration,
    /// The node that found it silent or its process gone.
    pub found_by: String,
    /// The chat's own node, when it did not answer the node that found the chat silent: nothing was sealed.
    pub owner_unreachable_opt: Option<String>,
}

/// The recovery of one node's chats.
#[derive(Debug)]
pub struct Recovery {
    node_id: String,
    coordination: Arc<Coordination>,
    store: CheckpointStore,
    emitter: EventEmitter,
    call_timeout: Duration,
    timing: Timing,
    /// Tells other nodes of their chats this node's sweep found silent (none in unit tests).
    client_opt: Option<async_nats::Client>,
    /// This node's live chats and their processes, as their session starts described them.
    watched: Mutex<BTreeMap<String, Vec<ChatProcess>>>,
    /// Chats another node told of (`chat.silent`) whose recovery is under way: told again, they are not taken
    /// on twice.
    noticed: Mutex<std::collections::HashSet<String>>,
    /// When each watched chat's processes were first seen all exited.
    exited_since: Mutex<HashMap<String, Instant>>,
}

impl Recovery {
    /// The recovery of node `node_id`'s chats; `store` is the node's checkpoint store (read for chats'
    /// records), `client_opt` the connection other nodes are told through.
    pub fn new(
        node_id: impl Into<String>,
        coordination: Arc<Coordination>,
        store: CheckpointStore,
        emitter: EventEmitter,
        call_timeout: Duration,
        client_opt: Option<async_nats::Client>,
    ) -> Recovery {
        Recovery {
            node_id: node_id.into(),
            coordination,
            store,
            emitter,
            call_timeout,
            timing: Timing::default(),
            client_opt,
            watched: Mutex::new(BTreeMap::new()),
            noticed: Mutex::new(std::collections::HashSet::new()),
            exited_since: Mutex::new(HashMap::new()),
        }
    }

    /// This recovery, checking the processes as `timing` says (the config's `recovery_check_ms` and
    /// `recovery_grace_ms`).
    pub fn with_timing(mut self, timing: Timing) -> Recovery {
        self.timing = timing;
        self
    }

    /// Watches the live sessions the store knows from before the node started (not ended, not sealed, with a
    /// process this machine can see, active within a day): their processes are checked from now on.
    pub fn watch_known(&self) {
        let records = match self.store.chats() {
            Ok(records) => records,
            Err(error) => {
                warn!(%error, "failed to read the chats' records: sessions from before this start are not watched");
                return;
            }
        };
        let since =
            shim_actors::now_ms().saturating_sub(RECOVER_AT_START_WITHIN.as_millis() as u64);
        for record in records {
            if record.ended_at_ms.is_some() || record.last_active_ms < since {
                continue;
            }
            if !matches!(self.store.sealed(&record.chat_id), Ok(None)) {
                continue;
            }
            for described in record.processes {
                self.watch(&record.chat_id, Some(described));
            }
        }
    }

    /// A session of chat `chat_id` started here, its process `process_opt`: watched from now on when this
    /// machine can see it.
    pub fn watch(&self, chat_id: &str, process_opt: Option<ChatProcess>) {
        let Some(described) = process_opt else {
            return;
        };
        if process::liveness(&described) == Liveness::Unknown {
            return;
        }
        if let Ok(mut watched) = self.watched.lock() {
            process::remember(watched.entry(chat_id.to_owned()).or_default(), described);
        }
    }

    /// The session of chat `chat_id` ended cleanly: no longer watched.
    pub fn ended(&self, chat_id: &str) {
        if let Ok(mut watched) = self.watched.lock() {
            watched.remove(chat_id);
        }
        if let Ok(mut exited) = self.exited_since.lock() {
            exited.remove(chat_id);
        }
    }

    /// Returns the watched chats whose processes have all stayed exited for the grace ([`Timing::grace`]).
    fn due(&self, now: Instant) -> Vec<String> {
        let snapshot: Vec<(String, Vec<ChatProcess>)> = match self.watched.lock() {
            Ok(watched) => watched
                .iter()
                .map(|(chat_id, processes)| (chat_id.clone(), processes.clone()))
                .collect(),
            Err(_) => return Vec::new(),
        };
        let Ok(mut exited) = self.exited_since.lock() else {
            return Vec::new();
        };
        let mut due = Vec::new();
        for (chat_id, processes) in snapshot {
            if !process::all_exited(&processes) {
                exited.remove(&chat_id);
                continue;
            }
            let since = *exited.entry(chat_id.clone()).or_insert(now);
            if now.duration_since(since) >= self.timing.grace {
                due.push(chat_id);
            }
        }
        due
    }

    /// Checks this node's chats every [`Timing::check_every`] and recovers those found interrupted (and those the
    /// sweep reports silent, through `silent`) until `shutdown` turns true.
    pub async fn run(
        self: Arc<Self>,
        silent: Arc<tokio::sync::Mutex<mpsc::UnboundedReceiver<Silent>>>,
        mut shutdown: watch::Receiver<bool>,
    ) {
        let mut silent = silent.lock().await;
        let mut ticks = tokio::time::interval(self.timing.check_every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            // What woke the loop; acted on outside the select, which holds the shutdown watch's guard.
            let silent_opt = tokio::select! {
                _ = ticks.tick() => None,
                Some(found) = silent.recv() => Some(found),
                _ = shutdown.wait_for(|stop| *stop) => return,
            };
            match silent_opt {
                None => {
                    for chat_id in self.due(Instant::now()) {
                        self.recover_or_retry(
                            &chat_id,
                            Detected::ProcessExited,
                            Vec::new(),
                            Duration::ZERO,
                            self.node_id.clone(),
                        )
                        .await;
                    }
                }
                Some(found) if found.node_id == self.node_id => {
                    if self.silence_is_interruption(&found.chat_id) {
                        self.recover_or_retry(
                            &found.chat_id,
                            Detected::HeartbeatTimeout,
                            found.handed_back,
                            found.silent_for,
                            found.found_by,
                        )
                        .await;
                    }
                    if let Ok(mut noticed) = self.noticed.lock() {
                        noticed.remove(&found.chat_id);
                    }
                }
                // Told from a task of its own: a node that does not answer holds up no check here.
                Some(found) => {
                    let recovery = self.clone();
                    tokio::spawn(async move { recovery.tell_owner(found).await });
                }
            }
        }
    }

    /// Another node's chat this node's sweep found silent: its own node is told (it holds the checkpoints and
    /// can see the chat's processes); when that node does not answer, the supervisors are told from here.
    async fn tell_owner(&self, found: Silent) {
        let Some(client) = self.client_opt.clone() else {
            return;
        };
        let notice = ChatSilentNotice {
            chat_id: found.chat_id.clone(),
            task_ids: found
                .handed_back
                .iter()
                .take(ChatSilentNotice::MAX_TASKS)
                .map(|task| task.task_id.clone())
                .collect(),
            silent_for_s: found.silent_for.as_secs(),
            found_by: self.node_id.clone(),
        };
        let owner = NodeClient::new(client, &found.node_id, self.call_timeout);
        match owner
            .request::<_, ChatSilentReply>(NodeOp::ChatSilent, &notice)
            .await
        {
            Ok(reply) => {
                debug!(chat_id = %found.chat_id, node = %found.node_id, recovering = reply.recovering, "told a chat's node it fell silent");
            }
            // No node answers on its subjects: it is down. (A node that is only slow may still take the notice
            // on; it is not second-guessed.)
            Err(ClientError::NoNode { .. }) => {
                info!(chat_id = %found.chat_id, node = %found.node_id, "a silent chat's node does not answer: its supervisors are told from here");
                self.report_without_owner(found).await;
            }
            Err(error) => {
                warn!(chat_id = %found.chat_id, node = %found.node_id, %error, "failed to tell a silent chat's node");
            }
        }
    }

    /// Tells the supervisors of the tasks handed back for a chat whose own node does not answer (it is down),
    /// and publishes `recovery.reported`. Nothing else: the chat is not marked interrupted (it may still be
    /// working, with its node down) and nothing is sealed (its checkpoints are on that node, which recovers the
    /// chat itself when it runs again and finds its process gone). Once per silence, as the sweep's move to
    /// away is. Returns the supervisors told.
    pub async fn report_without_owner(&self, found: Silent) -> Vec<String> {
        // With nothing handed back there is no one to tell.
        if found.handed_back.is_empty() {
            return Vec::new();
        }
        let at_ms = shim_actors::now_ms();
        let entry_opt = match self.coordination.pieces().registry_opt.as_ref() {
            Some(registry) => registry.get(&found.chat_id).await.ok().flatten(),
            None => None,
        };
        let mut recovered = Recovered {
            chat_id: found.chat_id.clone(),
            detected: Detected::HeartbeatTimeout,
            checkpoint_id_opt: None,
            project_dir_opt: None,
            tasks: found.handed_back,
            notified: Vec::new(),
            silent_for: found.silent_for,
            found_by: self.node_id.clone(),
            owner_unreachable_opt: Some(found.node_id),
        };
        recovered.notified = self
            .tell_supervisors(&recovered, entry_opt.as_ref(), at_ms)
            .await;
        self.emitter.emit(
            "recovery",
            "reported",
            Some(&recovered.chat_id),
            json!({
                "node_unreachable": recovered.owner_unreachable_opt,
                "silent_for_s": recovered.silent_for.as_secs(),
                "tasks": tasks_json(&recovered.tasks),
                "notified": recovered.notified,
            }),
        );
        recovered.notified
    }

    /// A notice from another node: it found chat `notice.chat_id` silent and handed back `notice.task_ids`.
    /// Taken on (`recovering`) only when the chat is this node's, away in the registry and not recovered before,
    /// and none of its processes runs here; the supervisors are told of the tasks named only where the chat
    /// really worked on them. Nothing the notice says is taken on trust.
    pub async fn silent_notice(&self, notice: ChatSilentNotice) -> WireResult<ChatSilentReply> {
        if notice.task_ids.len() > ChatSilentNotice::MAX_TASKS {
            return Err(WireError::bad_request(format!(
                "task_ids: at most {} per notice",
                ChatSilentNotice::MAX_TASKS
            )));
        }
        let ChatSilentNotice {
            chat_id,
            mut task_ids,
            silent_for_s,
            found_by,
        } = notice;
        let refused = ChatSilentReply { recovering: false };
        let pieces = self.coordination.pieces();
        let Some(registry) = pieces.registry_opt.as_ref() else {
            return Ok(refused);
        };
        let Some(entry) = registry.get(&chat_id).await? else {
            return Ok(refused);
        };
        if entry.node_id != self.node_id
            || entry.status.is_present()
            || entry.interrupted.is_some()
            || !self.silence_is_interruption(&chat_id)
        {
            return Ok(refused);
        }
        // Told again (or by a second node) while taken on: answered before reading its tasks.
        match self.noticed.lock() {
            Ok(noticed) if noticed.contains(&chat_id) => {
                return Ok(ChatSilentReply { recovering: true });
            }
            Ok(_) => {}
            Err(_) => return Ok(refused),
        }
        task_ids.sort();
        task_ids.dedup();
        let mut handed_back = match pieces.tasks_opt.as_ref() {
            Some(tasks) => tasks.queue.get_many(&task_ids).await?,
            None => Vec::new(),
        };
        handed_back.retain(|task| was_handed_back_by(task, &chat_id));
        // Told twice at once, or by two nodes: taken on once.
        match self.noticed.lock() {
            Ok(mut noticed) => {
                if !noticed.insert(chat_id.clone()) {
                    return Ok(ChatSilentReply { recovering: true });
                }
            }
            Err(_) => return Ok(refused),
        }
        // The silence quoted is the registry's, never more than the finder said.
        let silent_s = shim_actors::now_ms().saturating_sub(entry.last_heartbeat_ms) / 1000;
        let taken_on = self.coordination.tell_recovery(Silent {
            chat_id: chat_id.clone(),
            node_id: self.node_id.clone(),
            handed_back,
            silent_for: Duration::from_secs(silent_for_s.min(silent_s)),
            found_by: cut(&found_by, TITLE_CHARS),
        });
        if !taken_on {
            // Recovery is not running (the node stops): a later notice may be taken on.
            if let Ok(mut noticed) = self.noticed.lock() {
                noticed.remove(&chat_id);
            }
            return Ok(refused);
        }
        Ok(ChatSilentReply { recovering: true })
    }

    /// A chat of this node the registry found silent was interrupted unless a process of it runs here, or it
    /// ended, or it has no process recorded (a session known from its hooks only may just be idle).
    fn silence_is_interruption(&self, chat_id: &str) -> bool {
        let Ok(Some(record)) = self.store.chat(chat_id) else {
            return false;
        };
        record.ended_at_ms.is_none()
            && !record.processes.is_empty()
            && !process::any_alive(&record.processes)
            && !record.claude_pid.is_some_and(process_alive)
    }

    /// Recovers `chat_id`; a recovery that could not reach the registry stays due and is tried again.
    async fn recover_or_retry(
        &self,
        chat_id: &str,
        detected: Detected,
        handed_back: Vec<TaskRecord>,
        silent_for: Duration,
        found_by: String,
    ) {
        match self
            .recover(chat_id, detected, handed_back, silent_for, found_by)
            .await
        {
            Ok(_) => self.ended(chat_id),
            Err(error) => {
                warn!(%chat_id, %error, "failed to recover an interrupted chat; trying again");
            }
        }
    }

    /// Recovers chat `chat_id`, found interrupted (`detected`), once: see the module docs. `handed_back` are its
    /// tasks the registry's sweep already handed back as it found the chat silent: its supervisors are told of
    /// them too; `silent_for` is how long it had been silent (quoted for a heartbeat timeout), `found_by` the node
    /// that found it (this one, or the one whose sweep did). Returns what it did, or `None` when the chat was
    /// recovered before (here or on another node). Fails only when the registry cannot be asked (the caller
    /// tries again).
    pub async fn recover(
        &self,
        chat_id: &str,
        detected: Detected,
        handed_back: Vec<TaskRecord>,
        silent_for: Duration,
        found_by: String,
    ) -> Result<Option<Recovered>, WireError> {
        let at_ms = shim_actors::now_ms();
        let entry_opt = match self.coordination.pieces().registry_opt.as_ref() {
            Some(registry) => {
                let interruption = Interruption {
                    at_ms,
                    detected: detected.as_str().to_owned(),
                    node_id: self.node_id.clone(),
                };
                match registry.interrupt(chat_id, interruption).await? {
                    Interrupted::Won(transition) => {
                        if transition.from.is_present() {
                            self.emitter.emit(
                                "chats",
                                transition.entry.status.as_str(),
                                Some(chat_id),
                                json!({"from": transition.from, "node_id": transition.entry.node_id, "last_heartbeat_ms": transition.entry.last_heartbeat_ms, "reason": detected.as_str()}),
                            );
                        }
                        Some(transition.entry)
                    }
                    Interrupted::Already => {
                        debug!(%chat_id, "chat recovered before; nothing to do again");
                        return Ok(None);
                    }
                    Interrupted::Unknown => None,
                }
            }
            None => None,
        };
        let sealed_opt = self.seal(chat_id, detected, at_ms).await;
        // Without a registry entry to claim, the local seal is the claim.
        if entry_opt.is_none() && sealed_opt.as_ref().is_some_and(|sealed| !sealed.newly) {
            return Ok(None);
        }
        let mut tasks = handed_back;
        for task in self.coordination.requeue_tasks_of(chat_id).await {
            if !tasks.iter().any(|known| known.task_id == task.task_id) {
                tasks.push(task);
            }
        }
        let checkpoint_id_opt = sealed_opt
            .as_ref()
            .and_then(|sealed| sealed.checkpoint_id_opt.clone());
        let project_dir_opt = match sealed_opt.as_ref() {
            Some(sealed) => sealed.project_dir_opt.clone(),
            None => self
                .store
                .chat(chat_id)
                .ok()
                .flatten()
                .and_then(|record| record.project_dir),
        };
        let mut recovered = Recovered {
            chat_id: chat_id.to_owned(),
            detected,
            checkpoint_id_opt,
            project_dir_opt,
            tasks,
            notified: Vec::new(),
            silent_for,
            found_by,
            owner_unreachable_opt: None,
        };
        recovered.notified = self
            .tell_supervisors(&recovered, entry_opt.as_ref(), at_ms)
            .await;
        info!(
            %chat_id,
            detected = detected.as_str(),
            checkpoint = ?recovered.checkpoint_id_opt,
            tasks = recovered.tasks.len(),
            notified = recovered.notified.len(),
            "recovered an interrupted chat"
        );
        self.completed(&recovered, at_ms, sealed_opt.is_some());
        Ok(Some(recovered))
    }

    /// Publishes `recovery.completed` for `recovered`.
    fn completed(&self, recovered: &Recovered, at_ms: u64, sealed: bool) {
        self.emitter.emit(
            "recovery",
            "completed",
            Some(&recovered.chat_id),
            json!({
                "detected": recovered.detected.as_str(),
                "interrupted_at_ms": at_ms,
                "checkpoint_id": recovered.checkpoint_id_opt,
                "project_dir": recovered.project_dir_opt,
                "sealed": sealed,
                "found_by": recovered.found_by,
                "tasks": tasks_json(&recovered.tasks),
                "notified": recovered.notified,
            }),
        );
    }

    /// Seals the chat's checkpoints through this node's CheckpointManager; `None` (logged) when it cannot: the
    /// rest of the recovery goes on, and the resume offer still finds the chat's last checkpoint.
    async fn seal(&self, chat_id: &str, detected: Detected, at_ms: u64) -> Option<Sealed> {
        let name = names::service(CheckpointManager::NAME, &self.node_id);
        let Some(manager) = names::find::<CheckpointManagerMessage>(&name) else {
            warn!(%chat_id, "the checkpoint manager is not running: the interrupted chat's checkpoint is not sealed");
            return None;
        };
        let order = SealOrder {
            chat_id: chat_id.to_owned(),
            detected: detected.as_str().to_owned(),
            at_ms,
        };
        match crate::service::ask(&manager, "chat.seal", self.call_timeout, |port| {
            CheckpointManagerMessage::Seal(order, port)
        })
        .await
        {
            Ok(Ok(sealed)) => Some(sealed),
            Ok(Err(error)) => {
                warn!(%chat_id, %error, "failed to seal the interrupted chat's checkpoint");
                None
            }
            Err(error) => {
                warn!(%chat_id, %error, "failed to seal the interrupted chat's checkpoint");
                None
            }
        }
    }

    /// Tells the supervisor of each task handed back (each its own message, naming its tasks); returns those
    /// told.
    async fn tell_supervisors(
        &self,
        recovered: &Recovered,
        entry_opt: Option<&ChatEntry>,
        at_ms: u64,
    ) -> Vec<String> {
        let mut by_supervisor: BTreeMap<&str, Vec<&TaskRecord>> = BTreeMap::new();
        for task in &recovered.tasks {
            by_supervisor
                .entry(task.supervisor_chat_id.as_str())
                .or_default()
                .push(task);
        }
        let mut notified = Vec::new();
        for (supervisor, tasks) in by_supervisor {
            let text = self.message(recovered, entry_opt, at_ms, &tasks);
            let request = SendMessageRequest {
                from: recovered.chat_id.clone(),
                to: supervisor.to_owned(),
                text,
                ..SendMessageRequest::default()
            };
            match self.coordination.send_message(request).await {
                Ok(_) => notified.push(supervisor.to_owned()),
                Err(error) => {
                    warn!(chat_id = %recovered.chat_id, %supervisor, %error, "failed to tell a supervisor its tasks were handed back")
                }
            }
        }
        notified
    }

    /// The message to a supervisor, in plain words.
    fn message(
        &self,
        recovered: &Recovered,
        entry_opt: Option<&ChatEntry>,
        at_ms: u64,
        tasks: &[&TaskRecord],
    ) -> String {
        let who = match entry_opt.and_then(|entry| entry.name.as_deref()) {
            Some(name) => format!(
                "chat \"{}\" ({})",
                cut(name, TITLE_CHARS),
                recovered.chat_id
            ),
            None => format!("chat {}", recovered.chat_id),
        };
        let how = match (recovered.detected, &recovered.owner_unreachable_opt) {
            (_, Some(owner)) => format!(
                "fell silent: it sent no heartbeat for {} s, and its node {owner} does not answer",
                recovered.silent_for.as_secs()
            ),
            (Detected::ProcessExited, None) => {
                "was interrupted: its process exited (killed or crashed) without ending its session"
                    .to_owned()
            }
            (Detected::HeartbeatTimeout, None) => format!(
                "was interrupted: it sent no heartbeat for {} s",
                recovered.silent_for.as_secs()
            ),
        };
        let when = humantime::format_rfc3339_seconds(
            SystemTime::UNIX_EPOCH + Duration::from_millis(at_ms),
        );
        let mut text = format!(
            "SHIM recovery: {who} {how}. Found by node {} at {when}.\n",
            recovered.found_by
        );
        let _ = writeln!(
            text,
            "Handed back to the queue (another worker can claim {} now):",
            if tasks.len() == 1 { "it" } else { "them" }
        );
        for task in tasks.iter().take(MAX_TASKS_LISTED) {
            let _ = writeln!(
                text,
                "- task {} \"{}\" ({} of {} attempts used)",
                task.task_id,
                cut(&task.title, TITLE_CHARS),
                task.attempts,
                task.max_attempts
            );
        }
        if tasks.len() > MAX_TASKS_LISTED {
            let _ = writeln!(
                text,
                "- and {} more (shim_task_status lists them all)",
                tasks.len() - MAX_TASKS_LISTED
            );
        }
        if let Some(owner) = &recovered.owner_unreachable_opt {
            let _ = write!(
                text,
                "Its checkpoints are kept by node {owner}, so none is sealed yet; when that \
                 node runs again, the next session in the chat's project is offered its last checkpoint."
            );
            return text;
        }
        match (&recovered.checkpoint_id_opt, &recovered.project_dir_opt) {
            (Some(checkpoint_id), Some(project_dir)) => {
                let _ = write!(
                    text,
                    "Its last checkpoint {checkpoint_id} is sealed; the resume waits for the next session in \
                     {project_dir} (Claude Code's SessionStart hook, shim_resume, or `shim-node resume` there)."
                );
            }
            (Some(checkpoint_id), None) => {
                let _ = write!(
                    text,
                    "Its last checkpoint {checkpoint_id} is sealed (`shim-node checkpoints show {checkpoint_id}`)."
                );
            }
            (None, _) => {
                let _ = write!(text, "It had saved no checkpoint.");
            }
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use shim_actors::publisher::RecordingPublisher;

    use super::*;

    fn recovery() -> Recovery {
        let emitter = EventEmitter::new("laptop", Arc::new(RecordingPublisher::default()));
        let coordination = Arc::new(Coordination::new(
            "laptop",
            emitter.clone(),
            crate::coordination::Pieces::default(),
            Duration::from_secs(10),
        ));
        Recovery::new(
            "laptop",
            coordination,
            CheckpointStore::temporary().expect("store"),
            emitter,
            Duration::from_secs(1),
            None,
        )
    }

    fn task(index: usize, title: &str) -> TaskRecord {
        serde_json::from_value(json!({
            "task_id": format!("task-{index}"),
            "title": title,
            "instructions": "do it",
            "priority": "normal",
            "supervisor_chat_id": "boss",
            "status": "queued",
            "attempts": 1,
            "max_attempts": 3,
            "created_at_ms": 1,
            "updated_at_ms": 2,
        }))
        .expect("a task record")
    }

    fn sample(tasks: Vec<TaskRecord>, detected: Detected) -> Recovered {
        Recovered {
            chat_id: "worker-1".to_owned(),
            detected,
            checkpoint_id_opt: Some("worker-1:2".to_owned()),
            project_dir_opt: Some("/home/alice/libtok".to_owned()),
            tasks,
            notified: Vec::new(),
            silent_for: Duration::from_secs(30),
            found_by: "laptop".to_owned(),
            owner_unreachable_opt: None,
        }
    }

    #[test]
    fn only_a_task_back_on_the_queue_from_the_chat_counts_as_handed_back_by_it() {
        let mut back = task(1, "port the lexer");
        back.workers = vec!["worker-1".to_owned()];
        assert!(was_handed_back_by(&back, "worker-1"));
        assert!(!was_handed_back_by(&back, "worker-2"));
        // Claimed by another worker since, or done long ago: not this chat's to hand back.
        let mut claimed = back.clone();
        claimed.status = TaskStatus::Claimed;
        claimed.worker_chat_id = Some("worker-1".to_owned());
        assert!(!was_handed_back_by(&claimed, "worker-1"));
        let mut taken = back.clone();
        taken.workers.push("worker-2".to_owned());
        assert!(!was_handed_back_by(&taken, "worker-1"));
        let mut done = back;
        done.status = TaskStatus::Done;
        assert!(!was_handed_back_by(&done, "worker-1"));
    }

    #[test]
    fn the_supervisors_message_says_what_happened_and_what_was_handed_back() {
        let recovery = recovery();
        let recovered = sample(vec![task(1, "port the lexer")], Detected::ProcessExited);
        let tasks: Vec<&TaskRecord> = recovered.tasks.iter().collect();
        let text = recovery.message(&recovered, None, 0, &tasks);
        assert_eq!(
            text,
            "SHIM recovery: chat worker-1 was interrupted: its process exited (killed or crashed) without \
             ending its session. Found by node laptop at 1970-01-01T00:00:00Z.\n\
             Handed back to the queue (another worker can claim it now):\n\
             - task task-1 \"port the lexer\" (1 of 3 attempts used)\n\
             Its last checkpoint worker-1:2 is sealed; the resume waits for the next session in \
             /home/alice/libtok (Claude Code's SessionStart hook, shim_resume, or `shim-node resume` there)."
        );
        let silent = sample(Vec::new(), Detected::HeartbeatTimeout);
        assert!(
            recovery
                .message(&silent, None, 0, &[])
                .contains("it sent no heartbeat for 30 s")
        );
    }

    #[test]
    fn a_message_naming_many_long_tasks_stays_within_a_messages_limit() {
        let recovery = recovery();
        let title = "é".repeat(200);
        let tasks: Vec<TaskRecord> = (0..500).map(|index| task(index, &title)).collect();
        let recovered = sample(tasks, Detected::ProcessExited);
        let listed: Vec<&TaskRecord> = recovered.tasks.iter().collect();
        let text = recovery.message(&recovered, None, 0, &listed);
        assert!(text.len() <= 16 * 1024, "{} bytes", text.len());
        assert!(text.contains("- and 470 more"), "{text}");
    }

    #[test]
    fn a_watched_chat_is_due_once_its_processes_stayed_exited_for_the_grace() {
        let recovery = recovery();
        let mut child = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .expect("sleep runs");
        let described = process::describe(child.id());
        if process::liveness(&described) == Liveness::Unknown {
            // Off Linux nothing is watched: the heartbeat timeout decides.
            let _ = child.kill();
            let _ = child.wait();
            return;
        }
        recovery.watch("worker-1", Some(described));
        // Another machine's process is never watched.
        recovery.watch(
            "remote",
            Some(ChatProcess {
                pid: std::process::id(),
                started: None,
                boot_id: Some("another-machine".to_owned()),
            }),
        );
        let start = Instant::now();
        assert!(recovery.due(start).is_empty(), "alive");
        child.kill().expect("kill -9");
        child.wait().expect("reaped");
        assert!(recovery.due(start).is_empty(), "exited, within the grace");
        assert_eq!(recovery.due(start + GRACE), vec!["worker-1".to_owned()]);
        recovery.ended("worker-1");
        assert!(
            recovery.due(start + GRACE * 2).is_empty(),
            "ended: not watched"
        );
    }
}
