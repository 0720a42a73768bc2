//! Every NATS subject SHIM uses, and the validation of the ids that go into them.
//!
//! Requests to a node go to `shim.v1.node.<node_id>.<operation>`; the node subscribes to
//! [`node_all`] and routes on the operation tail ([`NodeOp`]). Events go to
//! `shim.events.<component>.<name>`, which `nats sub 'shim.events.>'` shows to a person.

use std::fmt;

/// Versioned prefix of every request subject.
pub const PREFIX: &str = "shim.v1";

/// Prefix of every event subject. Events are JSON and unversioned: their envelope only grows.
pub const EVENTS_PREFIX: &str = "shim.events";

/// Wildcard that matches every event.
pub const EVENTS_ALL: &str = "shim.events.>";

/// The model router service: any node answers (queue group [`ROUTER_QUEUE_GROUP`]).
pub const ROUTER_ROUTE: &str = "shim.v1.router.route";

/// Records a routing override; any node answers.
pub const ROUTER_OVERRIDE: &str = "shim.v1.router.override";

/// Drops what routing learned for a category; any node answers.
pub const ROUTER_FORGET: &str = "shim.v1.router.forget";

/// Lists what routing learned from the user's overrides; any node answers.
pub const ROUTER_LEARNED: &str = "shim.v1.router.learned";

/// Prefix of the router service's subjects, including the trailing dot.
pub const ROUTER_PREFIX: &str = "shim.v1.router.";

/// An operation of the router service, answered on `shim.v1.router.<operation>` by any node (queue group
/// [`ROUTER_QUEUE_GROUP`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RouterOp {
    /// Routes a prompt ([`ROUTER_ROUTE`]).
    Route,
    /// Records an override ([`ROUTER_OVERRIDE`]).
    Override,
    /// Forgets a category's learned tier ([`ROUTER_FORGET`]).
    Forget,
    /// Lists what was learned per category ([`ROUTER_LEARNED`]).
    Learned,
}

impl RouterOp {
    /// Every router operation.
    pub const ALL: [RouterOp; 4] = [
        RouterOp::Route,
        RouterOp::Override,
        RouterOp::Forget,
        RouterOp::Learned,
    ];

    /// Returns the subject tail of the operation.
    pub fn as_str(self) -> &'static str {
        match self {
            RouterOp::Route => "route",
            RouterOp::Override => "override",
            RouterOp::Forget => "forget",
            RouterOp::Learned => "learned",
        }
    }

    /// Returns the full subject of the operation.
    pub fn subject(self) -> &'static str {
        match self {
            RouterOp::Route => ROUTER_ROUTE,
            RouterOp::Override => ROUTER_OVERRIDE,
            RouterOp::Forget => ROUTER_FORGET,
            RouterOp::Learned => ROUTER_LEARNED,
        }
    }

    /// Parses a subject tail back into an operation.
    pub fn from_tail(tail: &str) -> Option<RouterOp> {
        RouterOp::ALL.into_iter().find(|op| op.as_str() == tail)
    }
}

impl fmt::Display for RouterOp {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// Sessions of a period ([`AnalyticsOp::Sessions`]).
pub const ANALYTICS_SESSIONS: &str = "shim.v1.analytics.sessions";

/// The summary of a period ([`AnalyticsOp::Summary`]).
pub const ANALYTICS_SUMMARY: &str = "shim.v1.analytics.summary";

/// Crash prediction measured against outcomes ([`AnalyticsOp::CrashPrediction`]).
pub const ANALYTICS_CRASH_PREDICTION: &str = "shim.v1.analytics.crash_prediction";

/// Prefix of the analytics service's subjects.
pub const ANALYTICS_PREFIX: &str = "shim.v1.analytics.";

/// Every operation of the analytics service: what its queue group subscribes to.
pub const ANALYTICS_ALL: &str = "shim.v1.analytics.>";

/// The queue group of the analytics service: its state is in JetStream, so any node answers.
pub const ANALYTICS_QUEUE_GROUP: &str = "shim-analytics";

/// The JetStream stream that keeps every event (`shim.events.>`): the analytics store.
pub const EVENTS_STREAM: &str = "SHIM_EVENTS";

/// The JetStream KV bucket of session records, one per chat.
pub const SESSIONS_BUCKET: &str = "shim_sessions";

/// The JetStream KV bucket of rollups: the tallies of closed ranges of stored events, so a summary reads a
/// few rollups instead of every event.
pub const ROLLUPS_BUCKET: &str = "shim_rollups";

/// The JetStream KV bucket of leases: which node runs a cluster-wide background job (one key per job).
pub const LEASES_BUCKET: &str = "shim_leases";

/// An operation of the analytics service, served on `shim.v1.analytics.<op>` in queue group
/// [`ANALYTICS_QUEUE_GROUP`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AnalyticsOp {
    /// Lists sessions ([`ANALYTICS_SESSIONS`]).
    Sessions,
    /// Summarises a period ([`ANALYTICS_SUMMARY`]).
    Summary,
    /// Measures crash prediction ([`ANALYTICS_CRASH_PREDICTION`]).
    CrashPrediction,
}

impl AnalyticsOp {
    /// Every analytics operation.
    pub const ALL: [AnalyticsOp; 3] = [
        AnalyticsOp::Sessions,
        AnalyticsOp::Summary,
        AnalyticsOp::CrashPrediction,
    ];

    /// Returns the subject tail of the operation.
    pub fn as_str(self) -> &'static str {
        match self {
            AnalyticsOp::Sessions => "sessions",
            AnalyticsOp::Summary => "summary",
            AnalyticsOp::CrashPrediction => "crash_prediction",
        }
    }

    /// Returns the full subject of the operation.
    pub fn subject(self) -> &'static str {
        match self {
            AnalyticsOp::Sessions => ANALYTICS_SESSIONS,
            AnalyticsOp::Summary => ANALYTICS_SUMMARY,
            AnalyticsOp::CrashPrediction => ANALYTICS_CRASH_PREDICTION,
        }
    }

    /// Parses a subject tail back into an operation.
    pub fn from_tail(tail: &str) -> Option<AnalyticsOp> {
        AnalyticsOp::ALL.into_iter().find(|op| op.as_str() == tail)
    }
}

impl fmt::Display for AnalyticsOp {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// Prefix of the experiment manager's subjects: `shim.v1.kaizen.<op>` ([`KaizenOp`]).
pub const KAIZEN_PREFIX: &str = "shim.v1.kaizen.";

/// The queue group of the experiment manager: its state is in JetStream, so any node answers.
pub const KAIZEN_QUEUE_GROUP: &str = "shim-kaizen";

/// The JetStream KV bucket of experiments (`exp.<id>`) and of the parameter store (`params`, and each
/// version as `params.v.<n>`).
pub const KAIZEN_BUCKET: &str = "shim_kaizen";

/// The JetStream KV bucket of units: which variant each chat got in each experiment (`<exp>.<chat>`), and
/// the values it was counted with.
pub const KAIZEN_UNITS_BUCKET: &str = "shim_kaizen_units";

/// The JetStream stream that keeps the Kaizen loop's audit: every decision with its evidence.
pub const KAIZEN_AUDIT_STREAM: &str = "SHIM_KAIZEN_AUDIT";

/// The subject of the audit stream (outside `shim.v1.kaizen.>`, which the service answers).
pub const KAIZEN_AUDIT: &str = "shim.audit.kaizen";

/// Where one experiment manager lives: its subjects, buckets and audit stream. The live loop has one set;
/// `shim-node simulate kaizen` runs the same manager under names of its own, so a simulation never touches
/// the real experiments or parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KaizenNames {
    /// Prefix of the operations' subjects, ending in a dot.
    pub prefix: String,
    /// The experiments and parameters bucket.
    pub bucket: String,
    /// The units bucket.
    pub units_bucket: String,
    /// The audit stream.
    pub audit_stream: String,
    /// The audit subject.
    pub audit_subject: String,
}

impl KaizenNames {
    /// The live loop's names.
    pub fn live() -> KaizenNames {
        KaizenNames {
            prefix: KAIZEN_PREFIX.to_owned(),
            bucket: KAIZEN_BUCKET.to_owned(),
            units_bucket: KAIZEN_UNITS_BUCKET.to_owned(),
            audit_stream: KAIZEN_AUDIT_STREAM.to_owned(),
            audit_subject: KAIZEN_AUDIT.to_owned(),
        }
    }

    /// The names of simulation `run` (letters, digits, `-` and `_`): `shim.v1.sim.<run>.kaizen.<op>`,
    /// buckets `shim_sim_<run>_kaizen` and `shim_sim_<run>_kaizen_units`, stream `SHIM_SIM_<run>_AUDIT`.
    pub fn simulation(run: &str) -> Result<KaizenNames, SubjectError> {
        validate_id("simulation run", run)?;
        Ok(KaizenNames {
            prefix: format!("{PREFIX}.sim.{run}.kaizen."),
            bucket: format!("shim_sim_{run}_kaizen"),
            units_bucket: format!("shim_sim_{run}_kaizen_units"),
            audit_stream: format!("SHIM_SIM_{run}_AUDIT"),
            audit_subject: format!("shim.audit.sim.{run}.kaizen"),
        })
    }

    /// True for a stream a simulation made (its buckets' streams and its audit stream).
    pub fn is_simulation_stream(stream: &str) -> bool {
        stream.starts_with("KV_shim_sim_") || stream.starts_with("SHIM_SIM_")
    }

    /// The subject of `op`.
    pub fn subject(&self, op: KaizenOp) -> String {
        format!("{}{}", self.prefix, op.as_str())
    }

    /// Every operation's subject, for the queue-group subscription.
    pub fn all(&self) -> String {
        format!("{}>", self.prefix)
    }
}

/// An operation of the experiment manager, served on `shim.v1.kaizen.<op>` in queue group
/// [`KAIZEN_QUEUE_GROUP`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KaizenOp {
    /// Proposes an experiment.
    Propose,
    /// Lists experiments.
    List,
    /// Shows one experiment.
    Show,
    /// Approves one awaiting approval.
    Approve,
    /// Stops one.
    Stop,
    /// The parameters chats run with, assigning them to running experiments.
    Assign,
    /// Counts chats' outcomes.
    Observe,
    /// Lists the parameter store.
    Parameters,
    /// Undoes a shipped improvement.
    Revert,
    /// Reads the audit stream.
    Audit,
}

impl KaizenOp {
    /// Every operation.
    pub const ALL: [KaizenOp; 10] = [
        KaizenOp::Propose,
        KaizenOp::List,
        KaizenOp::Show,
        KaizenOp::Approve,
        KaizenOp::Stop,
        KaizenOp::Assign,
        KaizenOp::Observe,
        KaizenOp::Parameters,
        KaizenOp::Revert,
        KaizenOp::Audit,
    ];

    /// Returns the subject tail of the operation.
    pub fn as_str(self) -> &'static str {
        match self {
            KaizenOp::Propose => "propose",
            KaizenOp::List => "list",
            KaizenOp::Show => "show",
            KaizenOp::Approve => "approve",
            KaizenOp::Stop => "stop",
            KaizenOp::Assign => "assign",
            KaizenOp::Observe => "observe",
            KaizenOp::Parameters => "parameters",
            KaizenOp::Revert => "revert",
            KaizenOp::Audit => "audit",
        }
    }

    /// Parses a subject tail back into an operation.
    pub fn from_tail(tail: &str) -> Option<KaizenOp> {
        KaizenOp::ALL.into_iter().find(|op| op.as_str() == tail)
    }
}

impl fmt::Display for KaizenOp {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// Subjects of the message stream: `shim.v1.msg.to.<chat_id>` and `shim.v1.msg.all`.
pub const MESSAGES_ALL: &str = "shim.v1.msg.>";

/// Broadcast messages.
pub const MESSAGES_BROADCAST: &str = "shim.v1.msg.all";

/// Returns the subject of messages to one chat.
pub fn messages_to(chat_id: &str) -> Result<String, SubjectError> {
    validate_id("chat id", chat_id)?;
    Ok(format!("{PREFIX}.msg.to.{chat_id}"))
}

/// Subjects of the task queue stream: `shim.v1.tasks.queue.<priority>.<task id>` (and
/// `shim.v1.tasks.queue.<priority>`, where SHIM before 2026-12-05 queued every task of a priority).
pub const TASKS_QUEUE_ALL: &str = "shim.v1.tasks.queue.>";

/// Returns the queue subject of a task of a priority (`critical`, `high`, `normal`, `low`): one subject per
/// task, so a task cancelled while queued can be taken off the queue.
pub fn tasks_queue(priority: &str, task_id: &str) -> String {
    format!("{PREFIX}.tasks.queue.{priority}.{task_id}")
}

/// The subjects one priority's consumer reads: its tasks, and those queued by SHIM before 2026-12-05 on the
/// priority's own subject.
pub fn tasks_queue_filters(priority: &str) -> Vec<String> {
    vec![
        format!("{PREFIX}.tasks.queue.{priority}"),
        format!("{PREFIX}.tasks.queue.{priority}.*"),
    ]
}

/// The priority a queue subject names (`shim.v1.tasks.queue.<priority>[.<task id>]`), unchecked.
pub fn tasks_queue_priority(subject: &str) -> Option<&str> {
    subject
        .strip_prefix(PREFIX)?
        .strip_prefix(".tasks.queue.")?
        .split('.')
        .next()
}

/// Announcements that a task is ready to claim on a priority (`shim.v1.tasks.ready.<priority>`), sent after the
/// queue has stored it or taken it back; they carry nothing and are not stored.
pub const TASKS_READY_ALL: &str = "shim.v1.tasks.ready.*";

/// Returns the announcement subject of a priority.
pub fn tasks_ready(priority: &str) -> String {
    format!("{PREFIX}.tasks.ready.{priority}")
}

/// The subject of the dead-letter stream: tasks that ran out of attempts, with the reason.
pub const TASKS_DEAD: &str = "shim.v1.tasks.dead";

/// Queue group of the router service.
pub const ROUTER_QUEUE_GROUP: &str = "shim-router";

/// Coordination (tasks, the chat list, messages, locks) as a service any node answers: the cluster-wide
/// operations ([`NodeOp::is_cluster_wide`]) on `shim.v1.coord.<operation>`, in queue group
/// [`COORD_QUEUE_GROUP`]. (A node also answers them on its own subjects, as it always did.)
pub const COORD_PREFIX: &str = "shim.v1.coord.";

/// Every coordination subject, for the queue-group subscription.
pub const COORD_ALL: &str = "shim.v1.coord.>";

/// Queue group of the coordination service.
pub const COORD_QUEUE_GROUP: &str = "shim-coord";

/// The JetStream API subject that asks a pull consumer for messages:
/// `$JS.API.CONSUMER.MSG.NEXT.<stream>.<consumer>`.
pub fn js_consumer_next(stream: &str, consumer: &str) -> String {
    format!("$JS.API.CONSUMER.MSG.NEXT.{stream}.{consumer}")
}

/// The subjects of a key-value bucket's stream: `$KV.<bucket>.>`.
pub fn kv_bucket_all(bucket: &str) -> String {
    format!("$KV.{bucket}.>")
}

/// The subject of key `key` in key-value bucket `bucket` without the key: `$KV.<bucket>.`.
pub fn kv_key_prefix(bucket: &str) -> String {
    format!("$KV.{bucket}.")
}

/// The stream that holds key-value bucket `bucket`: `KV_<bucket>`.
pub fn kv_stream(bucket: &str) -> String {
    format!("KV_{bucket}")
}

/// The tokens of a JetStream acknowledgement subject (`$JS.ACK.<stream>.<consumer>.<delivered>...`, or with
/// domain and account hash after `$JS.ACK`): where the consumer's name is, or `None` when it is not one.
pub fn js_ack_consumer_index(tokens: &[&str]) -> Option<usize> {
    if tokens.first() != Some(&"$JS") || tokens.get(1) != Some(&"ACK") {
        return None;
    }
    Some(if tokens.len() == 9 { 3 } else { 5 })
}

/// Longest id accepted in a subject token.
pub const MAX_ID_LEN: usize = 128;

/// Why an id cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SubjectError {
    /// The id is empty.
    #[error("{kind} must not be empty")]
    Empty {
        /// What the id names ("node id", "chat id", ...).
        kind: &'static str,
    },
    /// The id is longer than [`MAX_ID_LEN`].
    #[error("{kind} is {len} characters long, the limit is {MAX_ID_LEN}")]
    TooLong {
        /// What the id names.
        kind: &'static str,
        /// Its length in characters.
        len: usize,
    },
    /// The id contains a character ids may not hold.
    #[error(
        "{kind} {id:?} contains {found:?}; ids are 1 to 128 ASCII letters, digits, '-' and '_'"
    )]
    InvalidChar {
        /// What the id names.
        kind: &'static str,
        /// The offending id.
        id: String,
        /// The first offending character.
        found: char,
    },
    /// A checkpoint id is not `<chat_id>:<number>`.
    #[error("checkpoint id {id:?} is not <chat id>:<number>")]
    BadCheckpointId {
        /// The offending id.
        id: String,
    },
}

/// Checks an id (chat, node, task, session): 1 to [`MAX_ID_LEN`] ASCII letters, digits, `-` and `_`.
///
/// One rule for every id, because an id ends up in several places that each forbid something: a subject
/// token (no `.`, `*`, `>`, white space), a key-value key (ASCII `[-/_=.A-Za-z0-9]`), a JetStream consumer
/// name (no `/`), a checkpoint id (`<chat_id>:<n>`). The characters all of them allow are the rule, so an id
/// accepted by one operation works in every other.
pub fn validate_id<'a>(kind: &'static str, id: &'a str) -> Result<&'a str, SubjectError> {
    if id.is_empty() {
        return Err(SubjectError::Empty { kind });
    }
    let len = id.chars().count();
    if len > MAX_ID_LEN {
        return Err(SubjectError::TooLong { kind, len });
    }
    if let Some(found) = id
        .chars()
        .find(|ch| !(ch.is_ascii_alphanumeric() || matches!(ch, '-' | '_')))
    {
        return Err(SubjectError::InvalidChar {
            kind,
            id: id.to_owned(),
            found,
        });
    }
    Ok(id)
}

/// Checks a checkpoint id: `<chat_id>:<number>`, the chat id by [`validate_id`].
pub fn validate_checkpoint_id(checkpoint_id: &str) -> Result<&str, SubjectError> {
    let bad = || SubjectError::BadCheckpointId {
        id: checkpoint_id.chars().take(MAX_ID_LEN + 24).collect(),
    };
    let (chat_id, seq) = checkpoint_id.rsplit_once(':').ok_or_else(bad)?;
    validate_id("chat id", chat_id)?;
    if seq.is_empty() || seq.len() > 20 || !seq.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(bad());
    }
    Ok(checkpoint_id)
}

/// An operation a node answers on `shim.v1.node.<node_id>.<operation>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NodeOp {
    /// Version handshake and discovery.
    Hello,
    /// Opens a chat and starts its worker.
    SessionStart,
    /// Ends a chat and stops its worker.
    SessionEnd,
    /// Node and chat status.
    Status,
    /// Signals about a chat (a reply subject is optional).
    Signals,
    /// A chat's crash risk.
    Risk,
    /// Saves a checkpoint.
    CheckpointSave,
    /// Lists checkpoints.
    CheckpointList,
    /// Fetches one checkpoint.
    CheckpointGet,
    /// Looks for an interrupted session in a project.
    ResumeCheck,
    /// Restores a checkpoint and marks it restored.
    ResumeTake,
    /// Acquires a lock.
    LockAcquire,
    /// Extends a lock.
    LockExtend,
    /// Releases a lock.
    LockRelease,
    /// A chat's heartbeat for the registry.
    ChatHeartbeat,
    /// Another node found one of this node's chats silent and handed its tasks back.
    ChatSilent,
    /// Lists the chat registry.
    ChatList,
    /// Sends a message to a chat or to all.
    MessageSend,
    /// Reads a chat's messages.
    MessageRead,
    /// Puts a task on the queue.
    TaskDispatch,
    /// Claims the next task a chat can do.
    TaskClaim,
    /// Reports progress on a claimed task (and extends its claim).
    TaskProgress,
    /// Completes a claimed task with its result.
    TaskComplete,
    /// Fails a claimed task, for a retry or for good.
    TaskFail,
    /// Cancels a task.
    TaskCancel,
    /// Puts a failed, dead or cancelled task back on the queue.
    TaskRetry,
    /// Shows tasks.
    TaskStatus,
    /// Collects the results of a supervisor's tasks.
    TaskCollect,
}

impl NodeOp {
    /// True for an operation any node answers alike (tasks, the chat list, messages, locks: their state is in
    /// JetStream), served by the coordination service on `shim.v1.coord.<operation>`. Node-local ones stay on
    /// the node's subjects (sessions, signals, checkpoints, and `chat.heartbeat`, which says which node a chat
    /// is on).
    pub fn is_cluster_wide(self) -> bool {
        matches!(
            self,
            NodeOp::LockAcquire
                | NodeOp::LockExtend
                | NodeOp::LockRelease
                | NodeOp::ChatList
                | NodeOp::MessageSend
                | NodeOp::MessageRead
                | NodeOp::TaskDispatch
                | NodeOp::TaskClaim
                | NodeOp::TaskProgress
                | NodeOp::TaskComplete
                | NodeOp::TaskFail
                | NodeOp::TaskCancel
                | NodeOp::TaskRetry
                | NodeOp::TaskStatus
                | NodeOp::TaskCollect
        )
    }

    /// Parses the tail of a coordination subject (after [`COORD_PREFIX`]): only cluster-wide operations.
    pub fn from_coord_tail(tail: &str) -> Option<NodeOp> {
        NodeOp::from_tail(tail).filter(|op| op.is_cluster_wide())
    }

    /// Every operation, for tests and documentation.
    pub const ALL: [NodeOp; 28] = [
        NodeOp::Hello,
        NodeOp::SessionStart,
        NodeOp::SessionEnd,
        NodeOp::Status,
        NodeOp::Signals,
        NodeOp::Risk,
        NodeOp::CheckpointSave,
        NodeOp::CheckpointList,
        NodeOp::CheckpointGet,
        NodeOp::ResumeCheck,
        NodeOp::ResumeTake,
        NodeOp::LockAcquire,
        NodeOp::LockExtend,
        NodeOp::LockRelease,
        NodeOp::ChatHeartbeat,
        NodeOp::ChatSilent,
        NodeOp::ChatList,
        NodeOp::MessageSend,
        NodeOp::MessageRead,
        NodeOp::TaskDispatch,
        NodeOp::TaskClaim,
        NodeOp::TaskProgress,
        NodeOp::TaskComplete,
        NodeOp::TaskFail,
        NodeOp::TaskCancel,
        NodeOp::TaskRetry,
        NodeOp::TaskStatus,
        NodeOp::TaskCollect,
    ];

    /// Returns the subject tail of the operation.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeOp::Hello => "hello",
            NodeOp::SessionStart => "session.start",
            NodeOp::SessionEnd => "session.end",
            NodeOp::Status => "status",
            NodeOp::Signals => "signals",
            NodeOp::Risk => "risk",
            NodeOp::CheckpointSave => "checkpoint.save",
            NodeOp::CheckpointList => "checkpoint.list",
            NodeOp::CheckpointGet => "checkpoint.get",
            NodeOp::ResumeCheck => "resume.check",
            NodeOp::ResumeTake => "resume.take",
            NodeOp::LockAcquire => "lock.acquire",
            NodeOp::LockExtend => "lock.extend",
            NodeOp::LockRelease => "lock.release",
            NodeOp::ChatHeartbeat => "chat.heartbeat",
            NodeOp::ChatSilent => "chat.silent",
            NodeOp::ChatList => "chat.list",
            NodeOp::MessageSend => "msg.send",
            NodeOp::MessageRead => "msg.read",
            NodeOp::TaskDispatch => "task.dispatch",
            NodeOp::TaskClaim => "task.claim",
            NodeOp::TaskProgress => "task.progress",
            NodeOp::TaskComplete => "task.complete",
            NodeOp::TaskFail => "task.fail",
            NodeOp::TaskCancel => "task.cancel",
            NodeOp::TaskRetry => "task.retry",
            NodeOp::TaskStatus => "task.status",
            NodeOp::TaskCollect => "task.collect",
        }
    }

    /// Parses a subject tail back into an operation.
    pub fn from_tail(tail: &str) -> Option<NodeOp> {
        NodeOp::ALL.into_iter().find(|op| op.as_str() == tail)
    }
}

impl fmt::Display for NodeOp {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// Returns the prefix of the reply subjects of a node's connections (and of its clients'): `_INBOX_<node_id>`,
/// so that a shared server's permissions can give each node its own replies alone (docs/security.md).
pub fn inbox_prefix(node_id: &str) -> String {
    format!("_INBOX_{node_id}")
}

/// Returns the prefix of every subject a node answers, including the trailing dot.
pub fn node_prefix(node_id: &str) -> Result<String, SubjectError> {
    validate_id("node id", node_id)?;
    Ok(format!("{PREFIX}.node.{node_id}."))
}

/// Returns the wildcard a node subscribes to: `shim.v1.node.<node_id>.>`.
pub fn node_all(node_id: &str) -> Result<String, SubjectError> {
    Ok(format!("{}>", node_prefix(node_id)?))
}

/// Returns the subject of `op` on node `node_id`.
pub fn node_op(node_id: &str, op: NodeOp) -> Result<String, SubjectError> {
    Ok(format!("{}{}", node_prefix(node_id)?, op.as_str()))
}

/// Returns the coordination service's subject of a cluster-wide `op` (`shim.v1.coord.task.claim`), or `None`
/// for a node-local one.
pub fn coord_op(op: NodeOp) -> Option<String> {
    op.is_cluster_wide()
        .then(|| format!("{COORD_PREFIX}{}", op.as_str()))
}

/// Returns the subject a request for `op` goes to: the coordination service's for a cluster-wide operation,
/// node `node_id`'s otherwise.
pub fn op_subject(node_id: &str, op: NodeOp) -> Result<String, SubjectError> {
    match coord_op(op) {
        Some(subject) => Ok(subject),
        None => node_op(node_id, op),
    }
}

/// Returns the subject of an event: `shim.events.<component>.<name>`.
///
/// Components and names are compile-time constants of SHIM (`"chats"`, `"started"`), so they are
/// checked with a debug assertion rather than at run time.
pub fn event(component: &str, name: &str) -> String {
    debug_assert!(validate_id("event component", component).is_ok());
    debug_assert!(validate_id("event name", name).is_ok());
    format!("{EVENTS_PREFIX}.{component}.{name}")
}

/// Returns the wildcard for events matching `filter`, a subject pattern below `shim.events`
/// (`"chats.*"`, `"supervisor.>"`); an empty filter matches every event.
pub fn events_matching(filter: &str) -> String {
    let filter = filter.trim().trim_start_matches("shim.events.");
    if filter.is_empty() || filter == ">" {
        EVENTS_ALL.to_owned()
    } else {
        format!("{EVENTS_PREFIX}.{filter}")
    }
}

/// Returns true when `subject` is a well-formed NATS subject or wildcard: dot-separated non-empty
/// tokens without white space, `*` only as a whole token and `>` only as the last token.
pub fn is_valid_subject(subject: &str) -> bool {
    let tokens: Vec<&str> = subject.split('.').collect();
    let last = tokens.len() - 1;
    tokens.iter().enumerate().all(|(index, token)| {
        !token.is_empty()
            && !token
                .chars()
                .any(|ch| ch.is_whitespace() || ch.is_control())
            && (!token.contains('*') || *token == "*")
            && (!token.contains('>') || (*token == ">" && index == last))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cluster_wide_operations_go_to_the_coordination_service() {
        let cluster_wide: Vec<&str> = NodeOp::ALL
            .into_iter()
            .filter(|op| op.is_cluster_wide())
            .map(NodeOp::as_str)
            .collect();
        for op in NodeOp::ALL {
            let tail = op.as_str();
            let expected = tail.starts_with("task.")
                || tail.starts_with("msg.")
                || tail.starts_with("lock.")
                || tail == "chat.list";
            assert_eq!(op.is_cluster_wide(), expected, "{tail}");
            let subject = op_subject("n1", op).expect("valid");
            if expected {
                assert_eq!(subject, format!("shim.v1.coord.{tail}"));
                assert_eq!(NodeOp::from_coord_tail(tail), Some(op));
            } else {
                assert_eq!(subject, format!("shim.v1.node.n1.{tail}"));
                assert_eq!(NodeOp::from_coord_tail(tail), None);
            }
        }
        assert_eq!(cluster_wide.len(), 15);
        assert!(!NodeOp::ChatHeartbeat.is_cluster_wide());
        assert_eq!(kv_bucket_all("shim_chats"), "$KV.shim_chats.>");
        assert_eq!(kv_stream("shim_chats"), "KV_shim_chats");
        assert_eq!(
            js_consumer_next("SHIM_TASKS", "tasks-high"),
            "$JS.API.CONSUMER.MSG.NEXT.SHIM_TASKS.tasks-high"
        );
        assert_eq!(
            js_ack_consumer_index(&"$JS.ACK.S.c.1.2.3.4.5".split('.').collect::<Vec<_>>()),
            Some(3)
        );
        assert_eq!(js_ack_consumer_index(&["shim", "v1"]), None);
    }

    #[test]
    fn static_subjects_are_valid() {
        assert!(is_valid_subject(EVENTS_ALL));
        assert!(is_valid_subject(ROUTER_ROUTE) && is_valid_subject(ROUTER_OVERRIDE));
        assert!(is_valid_subject(PREFIX));
        for op in RouterOp::ALL {
            assert!(is_valid_subject(op.subject()), "{op}");
            let tail = op.subject().strip_prefix(ROUTER_PREFIX).expect("prefix");
            assert_eq!(RouterOp::from_tail(tail), Some(op));
        }
        for op in NodeOp::ALL {
            let subject = node_op("laptop-1", op).expect("valid node id");
            assert!(is_valid_subject(&subject), "{subject}");
            assert_eq!(
                NodeOp::from_tail(
                    subject
                        .strip_prefix("shim.v1.node.laptop-1.")
                        .expect("prefix")
                ),
                Some(op)
            );
        }
        assert!(is_valid_subject(&node_all("laptop-1").expect("valid")));
        assert!(is_valid_subject(&event("chats", "started")));
        assert!(is_valid_subject(&events_matching("chats.*")));
        assert_eq!(events_matching(""), EVENTS_ALL);
        assert_eq!(events_matching("shim.events.node.>"), "shim.events.node.>");
    }

    #[test]
    fn subject_checker_rejects_malformed_subjects() {
        for bad in ["", "a..b", "a.>.b", "a.b*", "a b", ".a", "a."] {
            assert!(!is_valid_subject(bad), "{bad:?} should be invalid");
        }
    }

    #[test]
    fn ids_with_subject_syntax_are_rejected() {
        for (bad, found) in [
            ("a.b", '.'),
            ("a*", '*'),
            (">", '>'),
            ("a b", ' '),
            ("a\tb", '\t'),
            ("a\nb", '\n'),
            ("ünïcode", 'ü'),
            ("a/b", '/'),
            ("a:b", ':'),
            ("a=b", '='),
        ] {
            assert!(
                matches!(validate_id("chat id", bad), Err(SubjectError::InvalidChar { found: f, .. }) if f == found),
                "{bad:?}"
            );
        }
        assert!(matches!(
            validate_id("chat id", ""),
            Err(SubjectError::Empty { .. })
        ));
        let long = "x".repeat(MAX_ID_LEN + 1);
        assert!(matches!(
            validate_id("chat id", &long),
            Err(SubjectError::TooLong { .. })
        ));
        assert!(validate_id("chat id", &"x".repeat(MAX_ID_LEN)).is_ok());
        assert!(validate_id("chat id", "0193f6c2-7d1e-7c3a-9f00-123456789abc").is_ok());
        assert!(node_op("bad.node", NodeOp::Status).is_err());
        assert!(validate_id("chat id", "Chat_1-a").is_ok());
    }

    #[test]
    fn checkpoint_ids_are_a_chat_id_and_a_number() {
        assert!(validate_checkpoint_id("chat-1:7").is_ok());
        for bad in [
            "chat-1",
            "chat-1:",
            ":7",
            "a..b:1",
            "chat:x",
            "ünï:1",
            "c:99999999999999999999999",
        ] {
            assert!(validate_checkpoint_id(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn unknown_tails_do_not_parse() {
        assert_eq!(NodeOp::from_tail("status.extra"), None);
        assert_eq!(NodeOp::from_tail(""), None);
        assert_eq!(NodeOp::from_tail("STATUS"), None);
    }
}
