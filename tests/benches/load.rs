//! Load: `CHATS` chats (200) on three nodes for `DURATION` seconds (60), every kind of request at once, and a
//! count that shows nothing was lost (issue 14; docs/performance.md, "Load: 200 chats on three nodes").
//!
//! Three nats-servers clustered from `nats-cluster.conf` as written (every acknowledged write fsynced), three
//! `shim-node run` processes started one after the other (each once the one before answers), each given all
//! three servers, three copies of every stream and bucket (`SHIM_REPLICAS=3`) and a data dir of its own, the
//! rest of their settings at their defaults. The chats are opened with `session.start`, spread evenly
//! over the nodes, each on a NATS connection of its own (as each chat's MCP server has one) and acting with the
//! secret its start gave. One chat in `SUPERVISOR_EVERY` (10) is a supervisor, the rest are workers.
//!
//! Every chat runs a loop: one step, then a think time (uniform in 0.5 to 1.5 times `THINK_MS`, 100 ms). A step
//! is, by the chat's own dice (seeded by its number, so a run's mix is repeatable):
//!
//! | step | worker | supervisor |
//! |---|---|---|
//! | signals, fire and forget (a batch of a prompt, 1 or 2 tool calls, a turn's end), as a hook sends them | 30% | 20% |
//! | signals with a reply (one tool call), as the MCP server sends them | 10% | 5% |
//! | checkpoint save | 5% | 5% |
//! | checkpoint list (the chat's newest 20) | 3% | 3% |
//! | a message to another chat, picked at random | 12% | 8% |
//! | a read of the chat's messages (no wait) | 12% | 8% |
//! | a lock on one of `LOCKS` (4) shared names: acquire; if granted, hold for half a think time, release | 8% | 5% |
//! | claim a task (no wait); if one is claimed, work a think time and complete it | 20% | |
//! | dispatch a task (a collect instead while a task per worker is waiting) | | 36% |
//! | collect its finished tasks' results | | 10% |
//!
//! and every 10 s a heartbeat, as the MCP server sends (each chat's first at a random point of the interval). Node-local requests (signals, checkpoints, heartbeats)
//! go to the chat's node; tasks, messages and locks to whichever node the cluster picks.
//!
//! Measured: per operation, calls, errors by kind (with the first error's text), calls per second, p50 and p99
//! latency; the resident memory (`VmRSS`) of each node, each nats-server and the benchmark, read every second
//! from before the chats open (idle) to the end, and the CPU time each used; the nodes' warnings, and the
//! servers' warnings and leader elections (a stream's or consumer's after its first: a leader lost), from their
//! logs. When the time is up every chat finishes its step; then, for `DRAIN` seconds
//! (45) at most, workers claim and complete what is left and every chat reads what it was sent. Then the counts,
//! each checked against the cluster:
//!
//! - every task a supervisor was told was dispatched is `done`; none recorded as completed twice;
//! - every message acknowledged to its sender was read exactly once, by its recipient;
//! - every checkpoint saved is in the chat's list, unless retention (the chat's newest 50) dropped it;
//! - every tool call signalled was counted by the chat's worker (fire and forget included);
//! - never two holders of a lock at once (a guarded counter per name, raised after the grant's answer and
//!   lowered before the release is sent), and every grant released by its holder.
//!
//! Exits non-zero when anything was lost, so the benchmark is also a check. `SHIM_BENCH_JSON=<file>` writes the
//! figures as JSON.
//!
//! Run: `cargo bench -p shim-tests --bench load` (a short one: `DURATION=10 CHATS=50 cargo bench -p shim-tests
//! --bench load`).

use std::{
    collections::{BTreeMap, BTreeSet},
    path::PathBuf,
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use futures::{StreamExt, TryStreamExt};
use serde_json::json;
use shim_node::nats::NodeClient;
use shim_protocol::{
    NodeOp,
    messages::{
        ChatEntry, ChatMessage, ChatRole, CheckpointInput, CheckpointList, CheckpointSaved,
        ClaimTaskReply, ClaimTaskRequest, CollectResultsRequest, CompleteTaskReply,
        CompleteTaskRequest, DispatchTaskReply, DispatchTaskRequest, HeartbeatRequest,
        ListCheckpointsRequest, LockReply, LockRequest, MessageList, ReadMessagesRequest,
        ReleaseLockReply, ReleaseLockRequest, RiskReport, RiskRequest, SendMessageRequest,
        SessionStartReply, SessionStartRequest, SignalBatch, SignalEvent, SignalSource, TaskList,
        TaskStatus, TaskStatusRequest,
    },
    subject,
};
use shim_tests::{
    NatsCluster, NodeProcess,
    load::{OpRecorder, OpSummary, ProcessSampler, ProcessSeries},
    wait_for_node, wait_until,
};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");
const NODES: usize = 3;
/// As the MCP server heartbeats.
const HEARTBEAT_EVERY: Duration = Duration::from_secs(10);
/// Longer than any hold, so a grant never lapses under its holder.
const LOCK_TTL_S: u64 = 30;
/// How long a client waits for an answer.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// Chats opened at once.
const OPENING: usize = 16;
/// Project directories the chats work in.
const PROJECTS: usize = 7;

fn knob(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

#[derive(Debug, Clone)]
struct Knobs {
    chats: usize,
    duration: Duration,
    think: Duration,
    supervisor_every: usize,
    locks: usize,
    drain: Duration,
}

impl Knobs {
    fn from_env() -> Knobs {
        Knobs {
            chats: knob("CHATS", 200).max(2) as usize,
            duration: Duration::from_secs(knob("DURATION", 60)),
            think: Duration::from_millis(knob("THINK_MS", 100)),
            supervisor_every: knob("SUPERVISOR_EVERY", 10).max(2) as usize,
            locks: knob("LOCKS", 4).max(1) as usize,
            drain: Duration::from_secs(knob("DRAIN", 45)),
        }
    }

    fn role(&self, number: usize) -> Role {
        if number.is_multiple_of(self.supervisor_every) {
            Role::Supervisor
        } else {
            Role::Worker
        }
    }

    fn workers(&self) -> usize {
        (0..self.chats)
            .filter(|number| self.role(*number) == Role::Worker)
            .count()
    }
}

/// SplitMix64: each chat's choices follow from its number, so a run's mix of steps is repeatable.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut mixed = self.0;
        mixed = (mixed ^ (mixed >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        mixed = (mixed ^ (mixed >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        mixed ^ (mixed >> 31)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }

    /// A think time: uniform in 0.5 to 1.5 times `mean`.
    fn think(&mut self, mean: Duration) -> Duration {
        mean.mul_f64(0.5 + (self.next() % 1_000) as f64 / 1_000.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Supervisor,
    Worker,
}

/// One chat: its id, its node, and a client on its own connection that acts for it (its secret).
struct Chat {
    number: usize,
    chat_id: String,
    role: Role,
    node: usize,
    client: NodeClient,
    /// Its secret, for what is sent without the client (a hook's batch).
    secret: String,
}

/// What the chats were told was done, checked against the cluster at the end.
#[derive(Debug, Default)]
struct Ledger {
    /// Tasks whose dispatch was acknowledged: task id → supervisor.
    dispatched: BTreeMap<String, String>,
    /// Dispatched tasks with an acknowledged completion.
    completed: BTreeSet<String>,
    /// Acknowledged completions by task: whether each one recorded the result.
    completions: BTreeMap<String, Vec<bool>>,
    /// Claims by task.
    claims: BTreeMap<String, usize>,
    /// When each dispatch was acknowledged, by task.
    dispatched_at: BTreeMap<String, Instant>,
    /// When the claim that got each task was sent, by task.
    claim_sent_at: BTreeMap<String, Instant>,
    /// Claims of the load that came back without a task: when each was sent and answered.
    empty_claims: Vec<(Instant, Instant)>,
    /// Messages acknowledged to their sender: text → recipient.
    sent: BTreeMap<String, String>,
    /// Messages read: text → the chats that read it.
    read: BTreeMap<String, Vec<String>>,
    /// Checkpoints saved, by chat: id and number in the chat.
    checkpoints: BTreeMap<String, Vec<(String, u64)>>,
    /// Tool calls signalled by chat: acknowledged (or sent without a reply), and sent with a reply that failed
    /// (the node may have counted them or not).
    tool_calls: BTreeMap<String, (u64, u64)>,
}

impl Ledger {
    /// Every dispatched task completed and every message sent read.
    fn settled(&self) -> bool {
        self.completed.len() == self.dispatched.len()
            && self.sent.keys().all(|text| self.read.contains_key(text))
    }

    fn waiting_tasks(&self) -> usize {
        self.dispatched.len().saturating_sub(self.completed.len())
    }
}

/// One shared lock name: a guarded count of its holders, as the chats see their grants.
#[derive(Debug, Default)]
struct LockBook {
    holders: AtomicUsize,
    overlaps: AtomicUsize,
    grants: AtomicUsize,
    refused: AtomicUsize,
    released: AtomicUsize,
    /// Releases that found no grant of the chat's (it lapsed, or someone took it).
    gone: AtomicUsize,
    /// Releases that failed: the grant stays until its time is up.
    unreleased: AtomicUsize,
}

/// Everything the chats share.
struct Load {
    knobs: Knobs,
    recorder: OpRecorder,
    /// The drain's calls, apart from the load's figures.
    drain_recorder: OpRecorder,
    ledger: Mutex<Ledger>,
    locks: Vec<LockBook>,
    chat_ids: Vec<String>,
    node_ids: Vec<String>,
    stop: AtomicBool,
    /// When the last chat finished its last step of the load.
    load_ended: Mutex<Option<Instant>>,
    drain_until: Mutex<Option<Instant>>,
}

impl Load {
    fn ledger(&self) -> std::sync::MutexGuard<'_, Ledger> {
        self.ledger.lock().expect("the ledger")
    }

    fn recorder(&self) -> &OpRecorder {
        if self.stop.load(Ordering::Relaxed) {
            &self.drain_recorder
        } else {
            &self.recorder
        }
    }

    /// Sends `request` as `op` for `chat`, recording the call as `name`.
    async fn call<Req: serde::Serialize, Resp: serde::de::DeserializeOwned>(
        &self,
        chat: &Chat,
        name: &str,
        op: NodeOp,
        request: &Req,
    ) -> Option<Resp> {
        // A call is the load's when it starts before the load ends.
        let recorder = self.recorder();
        let started = Instant::now();
        let result = chat.client.request::<Req, Resp>(op, request).await;
        recorder.outcome(name, started, result).ok()
    }
}

fn node_id(index: usize) -> String {
    format!("load-{}", index + 1)
}

async fn open_chat(
    urls: &str,
    projects: &std::path::Path,
    knobs: &Knobs,
    number: usize,
    recorder: &OpRecorder,
) -> Result<Chat, String> {
    let node = number % NODES;
    let connection = shim_node::nats::connect(urls, &format!("load-chat-{number}"), false, None)
        .await
        .map_err(|error| format!("chat {number} cannot connect: {error}"))?;
    let client = NodeClient::new(connection, node_id(node), REQUEST_TIMEOUT);
    let role = knobs.role(number);
    let started = Instant::now();
    let reply = client
        .request::<_, SessionStartReply>(
            NodeOp::SessionStart,
            &SessionStartRequest {
                name: Some(format!("load-{number}")),
                client: Some("load-bench".to_owned()),
                project_dir: Some(
                    projects
                        .join(format!("project-{}", number % PROJECTS))
                        .display()
                        .to_string(),
                ),
                ..SessionStartRequest::default()
            },
        )
        .await;
    let reply = recorder
        .outcome("session.start", started, reply)
        .map_err(|error| format!("chat {number}: session.start: {error}"))?;
    let secret = reply
        .chat_secret
        .clone()
        .ok_or_else(|| format!("chat {number}: session.start gave no secret"))?;
    Ok(Chat {
        number,
        chat_id: reply.chat_id,
        role,
        node,
        client: client.with_chat_secret(Some(&secret)),
        secret,
    })
}

fn tool_call(dice: &mut Dice) -> SignalEvent {
    let tools = ["Read", "Edit", "Bash", "Grep", "Write"];
    SignalEvent::ToolCall {
        tool: tools[dice.below(tools.len())].to_owned(),
        ok: true,
        duration_ms: Some(20 + dice.below(400) as u64),
        arguments: Some("src/lib.rs".to_owned()),
        result: None,
    }
}

fn batch(chat: &Chat, source: SignalSource, events: Vec<SignalEvent>) -> SignalBatch {
    SignalBatch {
        chat_id: chat.chat_id.clone(),
        source,
        at_ms: shim_actors::now_ms(),
        events,
        transcript_path: None,
        prompt: None,
        trigger: None,
    }
}

/// A hook's batch, published without a reply subject.
async fn signals_no_reply(load: &Load, chat: &Chat, dice: &mut Dice) {
    let calls = 1 + dice.below(2) as u64;
    let mut events = vec![SignalEvent::UserPrompt];
    events.extend((0..calls).map(|_| tool_call(dice)));
    events.push(SignalEvent::TurnEnded {
        latency_ms: Some(800 + dice.below(4_000) as u64),
    });
    let payload = shim_protocol::codec::encode(&batch(chat, SignalSource::Hook, events))
        .expect("a batch encodes");
    let mut headers = async_nats::HeaderMap::new();
    headers.insert(
        shim_protocol::PROTOCOL_HEADER,
        shim_protocol::PROTOCOL_VERSION.to_string().as_str(),
    );
    // As a hook presents it: the session's secret, derived beside the node.
    headers.insert(shim_protocol::CHAT_SECRET_HEADER, chat.secret.as_str());
    let target = subject::node_op(&load.node_ids[chat.node], NodeOp::Signals).expect("subject");
    let recorder = load.recorder();
    let started = Instant::now();
    let published = chat
        .client
        .nats()
        .publish_with_headers(target, headers, payload.into())
        .await;
    let name = "signals, no reply (publish)";
    match published {
        Ok(()) => {
            recorder.ok(name, started.elapsed());
            load.ledger()
                .tool_calls
                .entry(chat.chat_id.clone())
                .or_default()
                .0 += calls;
        }
        Err(error) => recorder.error(name, "publish", error.to_string()),
    }
}

/// The MCP server's report of a tool call, answered with the chat's risk.
async fn signals_with_reply(load: &Load, chat: &Chat, dice: &mut Dice) {
    let request = batch(chat, SignalSource::Mcp, vec![tool_call(dice)]);
    let answered: Option<RiskReport> = load
        .call(chat, "signals, with reply", NodeOp::Signals, &request)
        .await;
    let mut ledger = load.ledger();
    let counts = ledger.tool_calls.entry(chat.chat_id.clone()).or_default();
    if answered.is_some() {
        counts.0 += 1;
    } else {
        counts.1 += 1;
    }
}

async fn heartbeat(load: &Load, chat: &Chat) {
    let request = HeartbeatRequest {
        chat_id: chat.chat_id.clone(),
        role: Some(match chat.role {
            Role::Supervisor => ChatRole::Supervisor,
            Role::Worker => ChatRole::Worker,
        }),
        ..HeartbeatRequest::default()
    };
    let _: Option<ChatEntry> = load
        .call(chat, "chat.heartbeat", NodeOp::ChatHeartbeat, &request)
        .await;
}

async fn save_checkpoint(load: &Load, chat: &Chat, step: u64) {
    let request = shim_protocol::messages::SaveCheckpointRequest {
        chat_id: chat.chat_id.clone(),
        input: CheckpointInput {
            summary: format!(
                "load chat {} at step {step}: refactoring the parser, tests green",
                chat.number
            ),
            current_task: Some("refactor the parser".to_owned()),
            phase: Some("implement".to_owned()),
            progress: Some((step % 100) as f64 / 100.0),
            decisions: vec!["keep the old API behind a feature".to_owned()],
            next_steps: vec!["run the tests".to_owned(), "update the docs".to_owned()],
            active_files: vec!["src/parser.rs".to_owned()],
            ..CheckpointInput::default()
        },
    };
    let saved: Option<CheckpointSaved> = load
        .call(chat, "checkpoint.save", NodeOp::CheckpointSave, &request)
        .await;
    if let Some(saved) = saved {
        load.ledger()
            .checkpoints
            .entry(chat.chat_id.clone())
            .or_default()
            .push((saved.checkpoint_id, saved.seq));
    }
}

async fn list_checkpoints(load: &Load, chat: &Chat) {
    let request = ListCheckpointsRequest {
        chat_id: Some(chat.chat_id.clone()),
        limit: Some(20),
    };
    let _: Option<CheckpointList> = load
        .call(chat, "checkpoint.list", NodeOp::CheckpointList, &request)
        .await;
}

async fn send_message(load: &Load, chat: &Chat, dice: &mut Dice, step: u64) {
    let others = load.chat_ids.len() - 1;
    let mut to = dice.below(others);
    if to >= chat.number {
        to += 1;
    }
    let text = format!(
        "from {} #{step}: the parser's tests pass on my side; take src/parser.rs when you are ready",
        chat.number
    );
    let request = SendMessageRequest {
        from: chat.chat_id.clone(),
        to: load.chat_ids[to].clone(),
        text: text.clone(),
        ..SendMessageRequest::default()
    };
    let sent: Option<ChatMessage> = load
        .call(chat, "message.send", NodeOp::MessageSend, &request)
        .await;
    if sent.is_some() {
        load.ledger().sent.insert(text, load.chat_ids[to].clone());
    }
}

/// Reads the chat's messages; returns how many it got.
async fn read_messages(load: &Load, chat: &Chat, wait_seconds: u64) -> usize {
    let request = ReadMessagesRequest {
        chat_id: chat.chat_id.clone(),
        wait_seconds: Some(wait_seconds),
        max: Some(100),
    };
    let Some(list) = load
        .call::<_, MessageList>(chat, "message.read", NodeOp::MessageRead, &request)
        .await
    else {
        return 0;
    };
    let count = list.messages.len();
    let mut ledger = load.ledger();
    for message in list.messages {
        // A reader is recorded as itself, or as what the message said it was for when that is another chat.
        let reader = if message.to == chat.chat_id {
            chat.chat_id.clone()
        } else {
            format!("{} (addressed to {})", chat.chat_id, message.to)
        };
        ledger.read.entry(message.text).or_default().push(reader);
    }
    count
}

async fn take_lock(load: &Load, chat: &Chat, dice: &mut Dice) {
    let index = dice.below(load.locks.len());
    let resource = format!("load/shared-{index}");
    let book = &load.locks[index];
    let request = LockRequest {
        chat_id: chat.chat_id.clone(),
        resource: resource.clone(),
        ttl_seconds: Some(LOCK_TTL_S),
    };
    let Some(reply) = load
        .call::<_, LockReply>(chat, "lock.acquire", NodeOp::LockAcquire, &request)
        .await
    else {
        return;
    };
    if !reply.acquired {
        book.refused.fetch_add(1, Ordering::Relaxed);
        return;
    }
    book.grants.fetch_add(1, Ordering::Relaxed);
    if book.holders.fetch_add(1, Ordering::SeqCst) > 0 {
        book.overlaps.fetch_add(1, Ordering::Relaxed);
    }
    tokio::time::sleep(dice.think(load.knobs.think) / 2).await;
    book.holders.fetch_sub(1, Ordering::SeqCst);
    let release = ReleaseLockRequest {
        chat_id: chat.chat_id.clone(),
        resource,
    };
    match load
        .call::<_, ReleaseLockReply>(chat, "lock.release", NodeOp::LockRelease, &release)
        .await
    {
        Some(ReleaseLockReply { released: true }) => {
            book.released.fetch_add(1, Ordering::Relaxed);
        }
        Some(ReleaseLockReply { released: false }) => {
            book.gone.fetch_add(1, Ordering::Relaxed);
        }
        None => {
            book.unreleased.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// Claims a task; with one, works `work` and completes it. Returns whether it had one.
async fn claim_and_complete(load: &Load, chat: &Chat, wait_seconds: u64, work: Duration) -> bool {
    let request = ClaimTaskRequest {
        chat_id: chat.chat_id.clone(),
        wait_seconds: Some(wait_seconds),
        capabilities: None,
    };
    let recorder = load.recorder();
    let started = Instant::now();
    let claimed = chat
        .client
        .request::<_, ClaimTaskReply>(NodeOp::TaskClaim, &request)
        .await;
    let task = match claimed {
        Ok(ClaimTaskReply { task: Some(task) }) => {
            recorder.ok("task.claim (got one)", started.elapsed());
            task
        }
        Ok(ClaimTaskReply { task: None }) => {
            recorder.ok("task.claim (none)", started.elapsed());
            if !load.stop.load(Ordering::Relaxed) {
                load.ledger().empty_claims.push((started, Instant::now()));
            }
            return false;
        }
        Err(error) => {
            recorder
                .outcome::<()>("task.claim", started, Err(error))
                .ok();
            return false;
        }
    };
    {
        let mut ledger = load.ledger();
        *ledger.claims.entry(task.task_id.clone()).or_default() += 1;
        ledger.claim_sent_at.insert(task.task_id.clone(), started);
    }
    tokio::time::sleep(work).await;
    let complete = CompleteTaskRequest {
        chat_id: chat.chat_id.clone(),
        task_id: task.task_id.clone(),
        result: format!("{} done by chat {}", task.title, chat.number),
        ..CompleteTaskRequest::default()
    };
    if let Some(reply) = load
        .call::<_, CompleteTaskReply>(chat, "task.complete", NodeOp::TaskComplete, &complete)
        .await
    {
        let mut ledger = load.ledger();
        ledger
            .completions
            .entry(task.task_id.clone())
            .or_default()
            .push(reply.recorded);
        if ledger.dispatched.contains_key(&task.task_id) {
            ledger.completed.insert(task.task_id);
        }
    }
    true
}

async fn dispatch(load: &Load, chat: &Chat, step: u64) {
    let key = format!("load-{}-{step}", chat.number);
    let request = DispatchTaskRequest {
        chat_id: chat.chat_id.clone(),
        title: format!("task {key}"),
        instructions: format!(
            "rename the helper in src/module_{}.rs and update its callers; run the tests",
            step % 50
        ),
        idempotency_key: Some(key),
        ..DispatchTaskRequest::default()
    };
    if let Some(reply) = load
        .call::<_, DispatchTaskReply>(chat, "task.dispatch", NodeOp::TaskDispatch, &request)
        .await
    {
        let mut ledger = load.ledger();
        // A worker may have claimed or completed it before this answer was in.
        if ledger.completions.contains_key(&reply.task_id) {
            ledger.completed.insert(reply.task_id.clone());
        }
        ledger
            .dispatched_at
            .insert(reply.task_id.clone(), Instant::now());
        ledger
            .dispatched
            .insert(reply.task_id, chat.chat_id.clone());
    }
}

async fn collect(load: &Load, chat: &Chat) {
    let request = CollectResultsRequest {
        chat_id: chat.chat_id.clone(),
        task_ids: None,
    };
    let _: Option<TaskList> = load
        .call(chat, "task.collect", NodeOp::TaskCollect, &request)
        .await;
}

/// One step of the load, by the chat's dice.
async fn step(load: &Load, chat: &Chat, dice: &mut Dice, step: u64) {
    let roll = dice.below(100);
    match chat.role {
        Role::Worker => match roll {
            0..30 => signals_no_reply(load, chat, dice).await,
            30..40 => signals_with_reply(load, chat, dice).await,
            40..45 => save_checkpoint(load, chat, step).await,
            45..48 => list_checkpoints(load, chat).await,
            48..60 => send_message(load, chat, dice, step).await,
            60..72 => {
                read_messages(load, chat, 0).await;
            }
            72..80 => take_lock(load, chat, dice).await,
            _ => {
                let work = dice.think(load.knobs.think);
                claim_and_complete(load, chat, 0, work).await;
            }
        },
        Role::Supervisor => match roll {
            0..20 => signals_no_reply(load, chat, dice).await,
            20..25 => signals_with_reply(load, chat, dice).await,
            25..30 => save_checkpoint(load, chat, step).await,
            30..33 => list_checkpoints(load, chat).await,
            33..41 => send_message(load, chat, dice, step).await,
            41..49 => {
                read_messages(load, chat, 0).await;
            }
            49..54 => take_lock(load, chat, dice).await,
            54..90 if load.ledger().waiting_tasks() < load.knobs.workers() => {
                dispatch(load, chat, step).await
            }
            _ => collect(load, chat).await,
        },
    }
}

async fn run_chat(load: Arc<Load>, chat: &Chat) {
    let mut dice = Dice(0x5EED_0000 + chat.number as u64);
    // The chats' MCP servers started at different times: their heartbeats are spread over the interval.
    let mut next_heartbeat =
        Instant::now() + HEARTBEAT_EVERY.mul_f64(dice.below(1_000) as f64 / 1_000.0);
    let mut number = 0;
    // Spread the chats' first steps over a think time.
    tokio::time::sleep(dice.think(load.knobs.think)).await;
    while !load.stop.load(Ordering::Relaxed) {
        if Instant::now() >= next_heartbeat {
            heartbeat(&load, chat).await;
            next_heartbeat += HEARTBEAT_EVERY;
        }
        number += 1;
        step(&load, chat, &mut dice, number).await;
        tokio::time::sleep(dice.think(load.knobs.think)).await;
    }
    {
        let mut ended = load.load_ended.lock().expect("the end of the load");
        let now = Instant::now();
        *ended = Some(ended.map_or(now, |ended| ended.max(now)));
    }
    // The drain: what is left is claimed and completed, and what was sent is read.
    let until = load
        .drain_until
        .lock()
        .expect("the drain's deadline")
        .unwrap_or_else(Instant::now);
    while Instant::now() < until && !load.ledger().settled() {
        if Instant::now() >= next_heartbeat {
            heartbeat(&load, chat).await;
            next_heartbeat += HEARTBEAT_EVERY;
        }
        let worked =
            chat.role == Role::Worker && claim_and_complete(&load, chat, 1, Duration::ZERO).await;
        let read = read_messages(&load, chat, 0).await;
        if !worked && read == 0 && chat.role == Role::Supervisor {
            tokio::time::sleep(load.knobs.think).await;
        }
    }
}

/// What the end of the run found.
#[derive(Debug, Default)]
struct Counts {
    checks: Vec<Check>,
    notes: Vec<String>,
}

/// One count that shows something was, or was not, lost.
#[derive(Debug)]
struct Check {
    what: String,
    count: usize,
    lost: usize,
    detail: String,
}

impl Counts {
    fn check(&mut self, what: &str, count: usize, lost: usize, detail: impl Into<String>) {
        self.checks.push(Check {
            what: what.to_owned(),
            count,
            lost,
            detail: detail.into(),
        });
    }

    fn lost(&self) -> usize {
        self.checks.iter().map(|check| check.lost).sum()
    }
}

/// Checks the ledger against the cluster.
async fn count(load: &Load, chats: &[Chat], verifier: &NodeClient) -> Counts {
    let mut counts = Counts::default();
    let ledger = std::mem::take(&mut *load.ledger());

    // Tasks: every acknowledged dispatch is done; no task recorded twice.
    let dispatched: Vec<String> = ledger.dispatched.keys().cloned().collect();
    let mut statuses: BTreeMap<&str, usize> = BTreeMap::new();
    let mut not_done = Vec::new();
    let mut redelivered = 0;
    let mut unreadable = 0;
    for chunk in dispatched.chunks(100) {
        let list = verifier
            .request::<_, TaskList>(
                NodeOp::TaskStatus,
                &TaskStatusRequest {
                    chat_id: None,
                    task_ids: chunk.to_vec(),
                    all: false,
                },
            )
            .await;
        let Ok(list) = list else {
            unreadable += chunk.len();
            continue;
        };
        let found: BTreeSet<&str> = list
            .tasks
            .iter()
            .map(|task| task.task_id.as_str())
            .collect();
        not_done.extend(
            chunk
                .iter()
                .filter(|task_id| !found.contains(task_id.as_str()))
                .map(|task_id| format!("{task_id}: no record")),
        );
        for task in &list.tasks {
            *statuses.entry(task.status.as_str()).or_default() += 1;
            if task.status != TaskStatus::Done {
                not_done.push(format!("{}: {}", task.task_id, task.status.as_str()));
            }
            if task.workers.len() > 1 {
                redelivered += 1;
            }
        }
    }
    counts.check(
        "tasks dispatched (acknowledged) and done",
        dispatched.len(),
        not_done.len() + unreadable,
        format!(
            "by status {statuses:?}; {unreadable} not readable; {redelivered} claimed by more than one worker; {}",
            not_done.iter().take(5).cloned().collect::<Vec<_>>().join(", ")
        ),
    );
    let twice: Vec<&String> = ledger
        .completions
        .iter()
        .filter(|(_, recorded)| recorded.iter().filter(|recorded| **recorded).count() > 1)
        .map(|(task_id, _)| task_id)
        .collect();
    let claimed_twice = ledger.claims.values().filter(|claims| **claims > 1).count();
    counts.check(
        "tasks recorded as completed more than once",
        ledger.completions.len(),
        twice.len(),
        format!("{claimed_twice} tasks claimed more than once; {twice:?}"),
    );
    // Claims that came back empty while a task waited all along: dispatched (acknowledged) before the claim was
    // sent, and claimed only by a claim sent after this one had its answer.
    let waited = ledger
        .empty_claims
        .iter()
        .filter(|(sent, answered)| {
            ledger.dispatched_at.iter().any(|(task_id, dispatched)| {
                dispatched < sent
                    && ledger
                        .claim_sent_at
                        .get(task_id)
                        .is_none_or(|claimed| claimed > answered)
            })
        })
        .count();
    counts.notes.push(format!(
        "{} claims of the load came back without a task; {waited} of them while a task waited all along \
         (dispatched before the claim was sent, claimed only by a claim sent after its answer)",
        ledger.empty_claims.len()
    ));
    let unknown = ledger
        .completions
        .keys()
        .filter(|task_id| !ledger.dispatched.contains_key(*task_id))
        .count();
    let records = task_records(verifier).await;
    let phantom = records
        .iter()
        .filter(|task_id| !ledger.dispatched.contains_key(*task_id))
        .count();
    counts.notes.push(format!(
        "{} task records in the queue's bucket; {phantom} of them from dispatches whose answer never came \
         ({unknown} such tasks completed)",
        records.len()
    ));

    // Messages: each acknowledged one read exactly once, by its recipient.
    let mut unread = Vec::new();
    let mut read_twice = Vec::new();
    let mut misread = Vec::new();
    for (text, to) in &ledger.sent {
        match ledger.read.get(text).map(Vec::as_slice) {
            None | Some([]) => unread.push(text.clone()),
            Some([reader]) if reader == to => {}
            Some([reader]) => misread.push(format!("{text:?} for {to} read by {reader}")),
            Some(readers) => read_twice.push(format!("{text:?} read by {readers:?}")),
        }
    }
    let unacknowledged = ledger
        .read
        .keys()
        .filter(|text| !ledger.sent.contains_key(*text))
        .count();
    counts.check(
        "messages sent (acknowledged) and read",
        ledger.sent.len(),
        unread.len(),
        format!(
            "{} read; {unacknowledged} more read whose send had no answer; unread: {:?}",
            ledger.read.len(),
            unread.iter().take(3).collect::<Vec<_>>()
        ),
    );
    counts.check(
        "messages read more than once",
        ledger.sent.len(),
        read_twice.len(),
        read_twice
            .iter()
            .take(3)
            .cloned()
            .collect::<Vec<_>>()
            .join("; "),
    );
    counts.check(
        "messages read by another chat",
        ledger.sent.len(),
        misread.len(),
        misread
            .iter()
            .take(3)
            .cloned()
            .collect::<Vec<_>>()
            .join("; "),
    );

    // Checkpoints: every one saved is listed, unless retention (the newest 50 a chat) dropped it since: each
    // saved one at least as new as the oldest listed must be listed.
    let mut saved = 0;
    let mut unlisted = Vec::new();
    let mut retired = 0;
    let mut listed_total = 0;
    for chat in chats {
        let Some(ids) = ledger.checkpoints.get(&chat.chat_id) else {
            continue;
        };
        saved += ids.len();
        let listed: BTreeMap<String, u64> = chat
            .client
            .request::<_, CheckpointList>(
                NodeOp::CheckpointList,
                &ListCheckpointsRequest {
                    chat_id: Some(chat.chat_id.clone()),
                    limit: Some(1_000),
                },
            )
            .await
            .map(|list| {
                list.checkpoints
                    .into_iter()
                    .map(|checkpoint| (checkpoint.checkpoint_id, checkpoint.seq))
                    .collect()
            })
            .unwrap_or_default();
        listed_total += listed.len();
        let oldest = listed.values().min().copied().unwrap_or(0);
        for (id, seq) in ids {
            if listed.contains_key(id) {
                continue;
            }
            if *seq < oldest {
                retired += 1;
            } else {
                unlisted.push(id.clone());
            }
        }
    }
    counts.check(
        "checkpoints saved and listed",
        saved,
        unlisted.len(),
        format!(
            "{listed_total} listed (the nodes' own checkpoints included); {retired} older than the newest 50 \
             of their chat, dropped by retention; missing: {:?}",
            unlisted.iter().take(3).collect::<Vec<_>>()
        ),
    );

    // Signals: every tool call counted by the chat's worker. Fire-and-forget batches may still be on their
    // way: wait until the counts are in, bounded for all chats together (not per chat: 200 chats short of
    // their count would wait 200 times).
    let counted_by = Instant::now() + Duration::from_secs(10);
    let mut signalled = 0;
    let mut uncounted = 0;
    let mut overcounted = 0;
    for chat in chats {
        let (sure, unsure) = ledger
            .tool_calls
            .get(&chat.chat_id)
            .copied()
            .unwrap_or_default();
        signalled += sure;
        let counted = || async {
            chat.client
                .request::<_, RiskReport>(
                    NodeOp::Risk,
                    &RiskRequest {
                        chat_id: chat.chat_id.clone(),
                    },
                )
                .await
                .map(|report| report.signals.tool_calls)
                .unwrap_or(0)
        };
        wait_until(
            || async { counted().await >= sure },
            counted_by.saturating_duration_since(Instant::now()),
            Duration::from_millis(50),
        )
        .await;
        let counted = counted().await;
        uncounted += sure.saturating_sub(counted);
        overcounted += counted.saturating_sub(sure + unsure);
    }
    counts.check(
        "tool calls signalled and counted",
        signalled as usize,
        uncounted as usize,
        format!("{overcounted} counted more than were sent"),
    );

    // Locks: never two holders; every grant released.
    let sum = |field: fn(&LockBook) -> &AtomicUsize| -> usize {
        load.locks
            .iter()
            .map(|book| field(book).load(Ordering::Relaxed))
            .sum()
    };
    let grants = sum(|book| &book.grants);
    counts.check(
        "lock grants with another holder at the same time",
        grants,
        sum(|book| &book.overlaps),
        format!(
            "{} acquires refused (held by another chat) on {} names",
            sum(|book| &book.refused),
            load.locks.len()
        ),
    );
    counts.check(
        "lock grants released by their holder",
        grants,
        sum(|book| &book.gone) + sum(|book| &book.unreleased),
        format!(
            "{} released, {} found gone at release, {} releases failed",
            sum(|book| &book.released),
            sum(|book| &book.gone),
            sum(|book| &book.unreleased)
        ),
    );
    counts
}

/// The task ids in the queue's bucket.
async fn task_records(verifier: &NodeClient) -> BTreeSet<String> {
    let js = async_nats::jetstream::new(verifier.nats().clone());
    let Ok(bucket) = js
        .get_key_value(shim_node::coordination::tasks::BUCKET)
        .await
    else {
        return BTreeSet::new();
    };
    match bucket.keys().await {
        Ok(keys) => keys.try_collect().await.unwrap_or_default(),
        Err(_) => BTreeSet::new(),
    }
}

/// The nodes' log lines at warning level or above, by text (times cut, so that alike lines add up): those written
/// before their logs were `from` bytes long (the nodes' start), and those after (the load and the drain).
fn node_warnings(dirs: &[tempfile::TempDir], from: &[usize]) -> [BTreeMap<String, usize>; 2] {
    let mut lines = [BTreeMap::new(), BTreeMap::new()];
    for (dir, from) in dirs.iter().zip(from) {
        let log = node_log(dir);
        let (before, after) = log.split_at((*from).min(log.len()));
        for (part, text) in [before, after].into_iter().enumerate() {
            for line in text.lines() {
                let Some(at) = line.find(" WARN ").or_else(|| line.find(" ERROR ")) else {
                    continue;
                };
                let text: String = line[at + 1..].chars().take(240).collect();
                *lines[part].entry(text).or_default() += 1;
            }
        }
    }
    lines
}

fn node_log(dir: &tempfile::TempDir) -> String {
    std::fs::read_to_string(dir.path().join("node-process.log")).unwrap_or_default()
}

/// What the nats-servers' logs say: the lines at warning level or above written since the logs were `from`
/// bytes long, by text (times and quoted names cut, so that alike lines add up); and, over the whole run, the
/// leader elections of each stream and consumer (a first one when it is made; each one after is a leader lost).
#[derive(Debug, Default)]
struct ServerLog {
    warnings: BTreeMap<String, usize>,
    elections: BTreeMap<String, usize>,
}

impl ServerLog {
    /// Streams and consumers that elected a leader more than once, and how many times they did after their first.
    fn re_elections(&self) -> (usize, usize) {
        let again: Vec<usize> = self
            .elections
            .values()
            .filter(|count| **count > 1)
            .map(|count| count - 1)
            .collect();
        (again.len(), again.iter().sum())
    }
}

fn server_log(cluster: &NatsCluster, from: &[usize]) -> ServerLog {
    let mut read = ServerLog::default();
    for (index, from) in from.iter().enumerate() {
        let log = cluster.log(index);
        for line in log.lines() {
            if let Some((_, name)) = line
                .split_once("new consumer leader for '")
                .or_else(|| line.split_once("new stream leader for '"))
            {
                let name = name.trim_end_matches('\'').to_owned();
                *read.elections.entry(name).or_default() += 1;
            }
        }
        for line in log.get(*from..).unwrap_or_default().lines() {
            let Some(at) = line.find("[WRN]").or_else(|| line.find("[ERR]")) else {
                continue;
            };
            let mut cut = String::new();
            for (part, piece) in line[at..].split('\'').enumerate() {
                if part > 0 {
                    cut.push('\'');
                }
                cut.push_str(if part % 2 == 1 { "…" } else { piece });
            }
            *read
                .warnings
                .entry(cut.chars().take(200).collect::<String>())
                .or_default() += 1;
        }
    }
    read
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1_000.0
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

fn print_ops(title: &str, ops: &[OpSummary], elapsed: Duration) {
    println!("\n{title}\n");
    println!("| operation | calls | errors | calls/s | p50 ms | p99 ms | max ms |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let (mut calls, mut errors) = (0, 0);
    for op in ops {
        calls += op.ok + op.errors;
        errors += op.errors;
        println!(
            "| {} | {} | {} | {:.0} | {:.2} | {:.2} | {:.1} |",
            op.name,
            op.ok + op.errors,
            op.errors,
            op.per_second,
            ms(op.p50),
            ms(op.p99),
            ms(op.max)
        );
    }
    println!(
        "| **all** | **{calls}** | **{errors}** | **{:.0}** | | | |",
        calls as f64 / elapsed.as_secs_f64().max(f64::EPSILON)
    );
    for op in ops {
        for (kind, (count, text)) in &op.error_kinds {
            println!("- {}: {count} × {kind}, first: {text}", op.name);
        }
    }
}

fn ops_json(ops: &[OpSummary]) -> serde_json::Value {
    ops.iter()
        .map(|op| {
            json!({
                "operation": op.name,
                "calls": op.ok + op.errors,
                "errors": op.errors,
                "per_second": op.per_second,
                "p50_ms": ms(op.p50),
                "p99_ms": ms(op.p99),
                "max_ms": ms(op.max),
                "error_kinds": op.error_kinds.iter().map(|(kind, (count, text))| {
                    json!({"kind": kind, "count": count, "first": text})
                }).collect::<Vec<_>>(),
            })
        })
        .collect()
}

fn processes_json(series: &[ProcessSeries]) -> serde_json::Value {
    series
        .iter()
        .map(|series| {
            json!({
                "process": series.label,
                "start_mib": mib(series.start_kib),
                "peak_mib": mib(series.peak_kib),
                "end_mib": mib(series.end_kib),
                "samples_mib": series.samples_kib.iter().map(|kib| mib(*kib)).collect::<Vec<_>>(),
                "cpu_seconds": series.cpu_seconds,
                "cores": series.cores,
            })
        })
        .collect()
}

/// Runs the whole benchmark; returns whether nothing was lost. Every process it starts is stopped before it
/// returns.
async fn run(knobs: Knobs) -> bool {
    let cluster = NatsCluster::start();
    let urls = cluster.urls();
    let dirs: Vec<tempfile::TempDir> = (0..NODES)
        .map(|_| tempfile::tempdir().expect("a data dir"))
        .collect();
    // One node after the other, each once the one before answers, as nodes are added to a cluster.
    let mut nodes = Vec::new();
    let mut verifier_opt = None;
    for (index, dir) in dirs.iter().enumerate() {
        nodes.push(NodeProcess::start_with_env(
            EXE,
            &urls,
            &node_id(index),
            dir.path(),
            &[("SHIM_REPLICAS", "3")],
        ));
        verifier_opt = Some(wait_for_node(&urls, &node_id(index), REQUEST_TIMEOUT).await);
    }
    let verifier = verifier_opt.expect("three nodes");
    let mut processes: Vec<(String, u32)> = nodes
        .iter()
        .enumerate()
        .map(|(index, node)| (format!("shim-node {}", node_id(index)), node.pid()))
        .collect();
    processes.extend((0..NODES).filter_map(|index| {
        cluster
            .pid(index)
            .map(|pid| (format!("nats-server {}", cluster.name(index)), pid))
    }));
    processes.push((
        "this benchmark (the chats' clients)".to_owned(),
        std::process::id(),
    ));
    let sampler = ProcessSampler::start(processes, Duration::from_secs(1));

    // Open the chats, a few at a time.
    let projects = tempfile::tempdir().expect("a directory for the projects");
    for number in 0..PROJECTS {
        std::fs::create_dir(projects.path().join(format!("project-{number}")))
            .expect("a project directory");
    }
    let setup = OpRecorder::default();
    let opening = Instant::now();
    let opened: Vec<Result<Chat, String>> = futures::stream::iter(0..knobs.chats)
        .map(|number| open_chat(&urls, projects.path(), &knobs, number, &setup))
        .buffer_unordered(OPENING)
        .collect()
        .await;
    let opening = opening.elapsed();
    let mut chats: Vec<Chat> = Vec::new();
    let mut refused = Vec::new();
    for chat in opened {
        match chat {
            Ok(chat) => chats.push(chat),
            Err(error) => refused.push(error),
        }
    }
    assert!(refused.is_empty(), "chats not opened: {refused:#?}");
    chats.sort_by_key(|chat| chat.number);
    let load = Arc::new(Load {
        recorder: OpRecorder::default(),
        drain_recorder: OpRecorder::default(),
        ledger: Mutex::new(Ledger::default()),
        locks: (0..knobs.locks).map(|_| LockBook::default()).collect(),
        chat_ids: chats.iter().map(|chat| chat.chat_id.clone()).collect(),
        node_ids: (0..NODES).map(node_id).collect(),
        stop: AtomicBool::new(false),
        load_ended: Mutex::new(None),
        drain_until: Mutex::new(None),
        knobs: knobs.clone(),
    });

    // The load.
    let logged: Vec<usize> = (0..NODES).map(|index| cluster.log(index).len()).collect();
    let node_logged: Vec<usize> = dirs.iter().map(|dir| node_log(dir).len()).collect();
    let started = Instant::now();
    let tasks: Vec<_> = chats
        .into_iter()
        .map(|chat| {
            let load = load.clone();
            tokio::spawn(async move {
                run_chat(load, &chat).await;
                chat
            })
        })
        .collect();
    tokio::time::sleep(knobs.duration).await;
    *load.drain_until.lock().expect("the drain's deadline") = Some(Instant::now() + knobs.drain);
    load.stop.store(true, Ordering::Relaxed);
    let mut chats = Vec::new();
    for task in tasks {
        chats.push(task.await.expect("a chat's loop ends"));
    }
    let load_ended = load
        .load_ended
        .lock()
        .expect("the end of the load")
        .unwrap_or_else(Instant::now);
    let elapsed = load_ended - started;
    let drain = load_ended.elapsed();

    let counts = count(&load, &chats, &verifier).await;
    let memory = sampler.finish();
    for node in &mut nodes {
        assert!(!node.has_exited(), "a node exited during the run");
    }
    drop(nodes);
    let [start_warnings, load_warnings] = node_warnings(&dirs, &node_logged);
    let servers = server_log(&cluster, &logged);
    drop(cluster);

    // The figures.
    let ops = load.recorder.summary(elapsed);
    let drained = load.drain_recorder.summary(drain);
    let setup_ops = setup.summary(opening);
    let workers = knobs.workers();
    println!(
        "\nload: {} chats ({} supervisors, {workers} workers) on {NODES} nodes and {NODES} nats-servers, \
         three copies of everything; {:.1} s of load, think {} ms; {} locks",
        knobs.chats,
        knobs.chats - workers,
        elapsed.as_secs_f64(),
        knobs.think.as_millis(),
        knobs.locks
    );
    if let Some(start) = setup_ops.first() {
        println!(
            "opened {} chats in {:.1} s ({OPENING} at a time): session.start p50 {:.1} ms, p99 {:.1} ms",
            start.ok,
            opening.as_secs_f64(),
            ms(start.p50),
            ms(start.p99)
        );
    }
    let steps = knobs.chats as f64 * 1_000.0 / knobs.think.as_millis().max(1) as f64;
    println!(
        "offered: at most {steps:.0} steps a second (one a think time per chat, were every call instant)"
    );
    print_ops("the load", &ops, elapsed);
    print_ops(
        &format!(
            "the drain ({:.1} s: stragglers claimed and completed, messages read)",
            drain.as_secs_f64()
        ),
        &drained,
        drain,
    );
    println!(
        "\nprocesses: resident memory (VmRSS, MiB) read every second, and CPU time, from before the chats opened \
         to the end ({:.0} s)\n",
        memory.first().map_or(0.0, |series| series.cpu_seconds
            / series.cores.max(f64::EPSILON))
    );
    println!("| process | RSS start | RSS peak | RSS end | CPU s | cores |");
    println!("|---|---:|---:|---:|---:|---:|");
    for series in &memory {
        println!(
            "| {} | {:.1} | {:.1} | {:.1} | {:.1} | {:.2} |",
            series.label,
            mib(series.start_kib),
            mib(series.peak_kib),
            mib(series.end_kib),
            series.cpu_seconds,
            series.cores
        );
    }
    println!("\nnothing lost?\n");
    println!("| check | count | lost | detail |");
    println!("|---|---:|---:|---|");
    for check in &counts.checks {
        println!(
            "| {} | {} | {} | {} |",
            check.what, check.count, check.lost, check.detail
        );
    }
    for note in &counts.notes {
        println!("- {note}");
    }
    for (when, warnings) in [
        ("as they started", &start_warnings),
        ("during the load and the drain", &load_warnings),
    ] {
        println!(
            "\nthe nodes' warnings and errors {when}: {}",
            warnings.values().sum::<usize>()
        );
        for (line, count) in warnings {
            println!("- {count} × {line}");
        }
    }
    let (re_elected, re_elections) = servers.re_elections();
    println!(
        "\nthe nats-servers: {} streams and consumers elected a leader; {re_elected} of them again, \
         {re_elections} times in all (a leader lost); warnings and errors during the load and the drain: {}",
        servers.elections.len(),
        servers.warnings.values().sum::<usize>()
    );
    for (line, count) in &servers.warnings {
        println!("- {count} × {line}");
    }
    let lost = counts.lost();
    println!(
        "\n{}",
        if lost == 0 {
            "nothing lost".to_owned()
        } else {
            format!("LOST: {lost} (see the table above)")
        }
    );
    if let Ok(path) = std::env::var("SHIM_BENCH_JSON") {
        let figures = json!({
            "chats": knobs.chats,
            "supervisors": knobs.chats - workers,
            "nodes": NODES,
            "duration_s": elapsed.as_secs_f64(),
            "think_ms": knobs.think.as_millis() as u64,
            "locks": knobs.locks,
            "opening_s": opening.as_secs_f64(),
            "operations": ops_json(&ops),
            "drain_s": drain.as_secs_f64(),
            "drain_operations": ops_json(&drained),
            "processes": processes_json(&memory),
            "server_warnings": servers.warnings.iter().map(|(line, count)| json!({"line": line, "count": count})).collect::<Vec<_>>(),
            "leaders_elected": servers.elections.len(),
            "leaders_re_elected": re_elected,
            "re_elections": re_elections,
            "checks": counts.checks.iter().map(|check| json!({
                "check": check.what, "count": check.count, "lost": check.lost, "detail": check.detail,
            })).collect::<Vec<_>>(),
            "notes": counts.notes,
            "node_warnings_at_start": start_warnings.iter().map(|(line, count)| json!({"line": line, "count": count})).collect::<Vec<_>>(),
            "node_warnings_under_load": load_warnings.iter().map(|(line, count)| json!({"line": line, "count": count})).collect::<Vec<_>>(),
            "lost": lost,
        });
        std::fs::write(PathBuf::from(path), figures.to_string()).expect("writes the figures");
    }
    lost == 0
}

#[tokio::main]
async fn main() {
    let passed = run(Knobs::from_env()).await;
    if !passed {
        std::process::exit(1);
    }
}
