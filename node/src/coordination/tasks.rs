//! The task queue on JetStream.
//!
//! - **Queue**: the work-queue stream `SHIM_TASKS` (file storage, replicas configurable) on
//!   `shim.v1.tasks.queue.<priority>`, with one durable pull consumer per priority. A claim asks all four at
//!   once and keeps the highest priority it gets, handing the rest straight back, so a waiting higher-priority
//!   task is always taken first.
//! - **State**: each task's record (JSON) in the bucket `shim_tasks`; every change is a compare-and-set on the
//!   record's revision, so two nodes never both win a transition (two claims, two completions).
//! - **Deliveries**: a claim stores the delivery's acknowledgement subject in the record, so any node can extend
//!   it (progress), settle it (complete, fail) or hand it straight back (the worker went away). A worker that
//!   stops answering loses the delivery when its ack wait lapses; the next claim takes over as a new attempt.
//! - **Attempts**: counted in the record (the server's delivery count also counts the hand-backs of priority
//!   probing); a retryable failure waits `backoff × 2^(attempt-1)`; a task out of attempts goes to the
//!   dead-letter stream `SHIM_TASKS_DEAD` with the reason.
//! - **Dependencies**: a task waits outside the queue until every task it depends on is done; the completion of
//!   the last one puts it on the queue, and a dependency that fails, dies or is cancelled fails it.
//! - **Deduplication**: an idempotency key maps to its task in the bucket `shim_task_keys`.

mod handback;
mod index;
mod puller;

use std::{collections::HashMap, sync::Arc, time::Duration};

use async_nats::{
    Client, HeaderMap,
    jetstream::{
        self,
        consumer::{AckPolicy, pull},
        kv::{CreateErrorKind, Operation, Store, UpdateErrorKind},
        stream::{self, RetentionPolicy, StorageType},
    },
};
use bytes::Bytes;
use serde::{Deserialize, Serialize};
use shim_protocol::{
    WireError,
    messages::{DispatchTaskReply, DispatchTaskRequest, Priority, TaskRecord, TaskStatus},
    subject::{self, validate_id},
};
use tracing::{debug, warn};

pub use handback::Claim;
pub use index::TaskIndex;
use puller::{Delivery, Puller};

use super::kv::{BucketSpec, open_bucket};

/// The queue stream.
pub const STREAM: &str = "SHIM_TASKS";
/// The dead-letter stream.
pub const DEAD_STREAM: &str = "SHIM_TASKS_DEAD";
/// The bucket of task records.
pub const BUCKET: &str = "shim_tasks";
/// The bucket of idempotency keys.
pub const KEYS_BUCKET: &str = "shim_task_keys";

/// Longest title, in characters.
const MAX_TITLE: usize = 200;
/// Longest instructions, result or error.
const MAX_TEXT: usize = 256 * 1024;
/// Most dependencies of one task.
const MAX_DEPENDENCIES: usize = 64;
/// Longest a claim waits.
pub const MAX_WAIT: Duration = Duration::from_secs(60);
/// Most held records a node keeps in memory.
const MAX_REMEMBERED: usize = 10_000;
/// Extra looks a woken claim takes when it found nothing, and the pause before each.
const SECOND_LOOKS: u32 = 2;
const SECOND_LOOK_AFTER: Duration = Duration::from_micros(300);
/// Compare-and-set retries before a contended record is reported busy.
const CAS_TRIES: usize = 8;

/// How the queue behaves.
#[derive(Debug, Clone)]
pub struct TaskQueueConfig {
    /// How long a delivery is a worker's without a word from it (progress extends it).
    pub ack_wait: Duration,
    /// Claims a task gets by default.
    pub max_attempts: u32,
    /// The wait before the first retry; it doubles with each attempt.
    pub backoff: Duration,
    /// Copies of each stream and bucket in a cluster.
    pub replicas: usize,
    /// How long records, results and dead letters are kept.
    pub retention: Duration,
}

impl Default for TaskQueueConfig {
    fn default() -> Self {
        TaskQueueConfig {
            ack_wait: Duration::from_secs(30),
            max_attempts: 3,
            backoff: Duration::from_secs(1),
            replicas: 1,
            retention: Duration::from_secs(14 * 24 * 3600),
        }
    }
}

/// Something that happened to a task, for events and metrics.
#[derive(Debug, Clone)]
pub struct TaskChange {
    /// `dispatched`, `claimed`, `progress`, `completed`, `failed`, `retrying`, `dead`, `cancelled`,
    /// `requeued` or `released`.
    pub what: &'static str,
    /// The record after the change.
    pub task: TaskRecord,
}

/// The message on the queue: the record as it was put there, and its revision (a claim that finds the record
/// unchanged writes its claim without reading it first).
#[derive(Debug, Serialize, Deserialize)]
struct Queued {
    revision: u64,
    task: TaskRecord,
}

/// The task queue.
#[derive(Debug, Clone)]
pub struct TaskQueue {
    client: Client,
    js: jetstream::Context,
    records: Store,
    keys: Store,
    config: TaskQueueConfig,
    /// Asks the priority consumers for deliveries.
    puller: Arc<Puller>,
    /// Records of tasks held by this node's workers, as this node last wrote them.
    held: Arc<std::sync::Mutex<HashMap<String, (TaskRecord, u64)>>>,
    /// True once the node stops: waiting claims end at once.
    stopping: Arc<tokio::sync::watch::Sender<bool>>,
}

fn unavailable(error: impl std::fmt::Display) -> WireError {
    WireError::Unavailable {
        message: format!("task queue: {error}"),
    }
}

fn not_found(task_id: &str) -> WireError {
    WireError::NotFound {
        kind: "task".to_owned(),
        id: task_id.to_owned(),
    }
}

fn contended(task_id: &str) -> WireError {
    WireError::Busy {
        message: format!("task {task_id} is being changed by others; retry"),
    }
}

fn encode(task: &TaskRecord) -> Bytes {
    // Strings, numbers and lists of strings: encoding cannot fail.
    Bytes::from(serde_json::to_vec(task).unwrap_or_default())
}

fn consumer_name(priority: Priority) -> String {
    format!("tasks-{}", priority.as_str())
}

/// Refuses a field over its limit in bytes (a bad request, like every other invalid field), or empty.
fn check_text(what: &str, text: &str, limit: usize) -> Result<(), WireError> {
    check_size(what, text, limit)?;
    if text.trim().is_empty() {
        return Err(WireError::bad_request(format!("{what} must not be empty")));
    }
    Ok(())
}

/// Refuses a field longer than `limit` bytes.
pub fn check_size(what: &str, text: &str, limit: usize) -> Result<(), WireError> {
    if text.len() > limit {
        return Err(WireError::bad_request(format!(
            "{what} is {} bytes, at most {limit}",
            text.len()
        )));
    }
    Ok(())
}

/// Refuses a title of more than [`MAX_TITLE`] characters (not bytes: a title in any script gets as many), or
/// an empty one.
fn check_title(title: &str) -> Result<(), WireError> {
    let chars = title.chars().count();
    if chars > MAX_TITLE {
        return Err(WireError::bad_request(format!(
            "title is {chars} characters, at most {MAX_TITLE}"
        )));
    }
    if title.trim().is_empty() {
        return Err(WireError::bad_request("title must not be empty"));
    }
    Ok(())
}

fn check_dependencies(depends_on: &[String]) -> Result<(), WireError> {
    if depends_on.len() > MAX_DEPENDENCIES {
        return Err(WireError::bad_request(format!(
            "depends_on: at most {MAX_DEPENDENCIES} tasks"
        )));
    }
    for task_id in depends_on {
        validate_id("task id", task_id)?;
    }
    Ok(())
}

/// True when a worker with `have` may take a task needing `need`.
pub fn capable(need: &[String], have: &[String]) -> bool {
    need.iter().all(|capability| have.contains(capability))
}

/// Returns a new task id: a UUIDv7 (time first), so ids sort by age.
pub fn new_task_id() -> String {
    uuid::Uuid::now_v7().simple().to_string()
}

/// The key of an idempotency key: its SHA-256, so any text can be a key.
fn idempotency_slot(key: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(key.as_bytes());
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

impl TaskQueue {
    /// Opens the queue, creating its streams, consumers and buckets when they do not exist.
    pub async fn open(client: Client, config: TaskQueueConfig) -> anyhow::Result<TaskQueue> {
        let js = jetstream::new(client.clone());
        let queue = js
            .get_or_create_stream(stream::Config {
                name: STREAM.to_owned(),
                subjects: vec![subject::TASKS_QUEUE_ALL.to_owned()],
                retention: RetentionPolicy::WorkQueue,
                storage: StorageType::File,
                num_replicas: config.replicas.max(1),
                duplicate_window: Duration::from_secs(120),
                ..stream::Config::default()
            })
            .await
            .map_err(|error| anyhow::anyhow!("failed to create stream {STREAM}: {error}"))?;
        for priority in Priority::ALL {
            queue
                .get_or_create_consumer(
                    &consumer_name(priority),
                    pull::Config {
                        durable_name: Some(consumer_name(priority)),
                        filter_subject: subject::tasks_queue(priority.as_str()),
                        ack_policy: AckPolicy::Explicit,
                        ack_wait: config.ack_wait,
                        max_deliver: -1,
                        max_ack_pending: 100_000,
                        ..pull::Config::default()
                    },
                )
                .await
                .map_err(|error| {
                    anyhow::anyhow!(
                        "failed to create consumer {}: {error}",
                        consumer_name(priority)
                    )
                })?;
        }
        js.get_or_create_stream(stream::Config {
            name: DEAD_STREAM.to_owned(),
            subjects: vec![subject::TASKS_DEAD.to_owned()],
            storage: StorageType::File,
            num_replicas: config.replicas.max(1),
            max_age: config.retention,
            ..stream::Config::default()
        })
        .await
        .map_err(|error| anyhow::anyhow!("failed to create stream {DEAD_STREAM}: {error}"))?;
        let bucket = |name: &str| BucketSpec {
            name: name.to_owned(),
            history: 1,
            max_age: config.retention,
            replicas: config.replicas,
        };
        let records = open_bucket(&js, &bucket(BUCKET)).await?;
        let keys = open_bucket(&js, &bucket(KEYS_BUCKET)).await?;
        let puller = Puller::start(client.clone()).await?;
        Ok(TaskQueue {
            client,
            js,
            records,
            keys,
            config,
            puller,
            held: Arc::default(),
            stopping: Arc::new(tokio::sync::watch::Sender::new(false)),
        })
    }

    /// The bucket of records (watched by [`TaskIndex`]).
    pub fn records(&self) -> &Store {
        &self.records
    }

    /// The queue's settings.
    pub fn config(&self) -> &TaskQueueConfig {
        &self.config
    }

    /// Reads a task with its revision.
    pub async fn get_with_revision(
        &self,
        task_id: &str,
    ) -> Result<Option<(TaskRecord, u64)>, WireError> {
        validate_id("task id", task_id)?;
        let Some(entry) = self.records.entry(task_id).await.map_err(unavailable)? else {
            return Ok(None);
        };
        if entry.operation != Operation::Put {
            return Ok(None);
        }
        let task = serde_json::from_slice(&entry.value).map_err(|error| WireError::Internal {
            message: format!("task {task_id} has an unreadable record: {error}"),
        })?;
        Ok(Some((task, entry.revision)))
    }

    /// Reads a task.
    pub async fn get(&self, task_id: &str) -> Result<Option<TaskRecord>, WireError> {
        Ok(self.get_with_revision(task_id).await?.map(|(task, _)| task))
    }

    /// Writes `task` if its record is still at `revision`; false when someone changed it first.
    async fn cas(&self, task: &TaskRecord, revision: u64) -> Result<Option<u64>, WireError> {
        match self
            .records
            .update(&task.task_id, encode(task), revision)
            .await
        {
            Ok(revision) => Ok(Some(revision)),
            Err(error) if error.kind() == UpdateErrorKind::WrongLastRevision => Ok(None),
            Err(error) => Err(unavailable(error)),
        }
    }

    /// Applies `change` to a task with compare-and-set, rereading on conflict. `change` returns `Ok(false)` to
    /// leave the record as it is.
    async fn modify(
        &self,
        task_id: &str,
        mut change: impl FnMut(&mut TaskRecord) -> Result<bool, WireError>,
    ) -> Result<(TaskRecord, bool), WireError> {
        // A record this node wrote last is tried without reading it first; a conflict rereads it.
        let mut known = self.remembered(task_id);
        for _ in 0..CAS_TRIES {
            let from_memory = known.is_some();
            let (mut task, revision) = match known.take() {
                Some(known) => known,
                None => self
                    .get_with_revision(task_id)
                    .await?
                    .ok_or_else(|| not_found(task_id))?,
            };
            match change(&mut task) {
                // A refusal is only final on the stored record.
                Ok(false) | Err(_) if from_memory => continue,
                Ok(false) => return Ok((task, false)),
                Err(error) => return Err(error),
                Ok(true) => {}
            }
            if let Some(revision) = self.cas(&task, revision).await? {
                self.remember(&task, revision);
                return Ok((task, true));
            }
        }
        Err(contended(task_id))
    }

    /// Keeps the record of a task a worker of this node holds, and its revision; forgets finished ones.
    fn remember(&self, task: &TaskRecord, revision: u64) {
        let Ok(mut held) = self.held.lock() else {
            return;
        };
        if task.status.is_held() {
            if held.len() >= MAX_REMEMBERED {
                // Tasks whose workers went quiet; their records are read again when needed.
                held.clear();
            }
            held.insert(task.task_id.clone(), (task.clone(), revision));
        } else {
            held.remove(&task.task_id);
        }
    }

    fn remembered(&self, task_id: &str) -> Option<(TaskRecord, u64)> {
        self.held.lock().ok()?.get(task_id).cloned()
    }

    /// Publishes `task` (at `revision`) to its priority's queue; a second publish of the same enqueue within two
    /// minutes is dropped by the stream.
    async fn enqueue(&self, task: &TaskRecord, revision: u64) -> Result<(), WireError> {
        let payload = serde_json::to_vec(&Queued {
            revision,
            task: task.clone(),
        })
        .map_err(|error| WireError::Internal {
            message: format!("failed to encode task {}: {error}", task.task_id),
        })?;
        let mut headers = HeaderMap::new();
        headers.insert(
            "Nats-Msg-Id",
            format!("{}:{}", task.task_id, task.enqueues).as_str(),
        );
        self.js
            .publish_with_headers(
                subject::tasks_queue(task.priority.as_str()),
                headers,
                payload.into(),
            )
            .await
            .map_err(unavailable)?
            .await
            .map_err(unavailable)?;
        // Other nodes see the publication itself.
        self.puller.mark(task.priority);
        Ok(())
    }

    /// Sends an acknowledgement (`+ACK`, `-NAK`, `+WPI`, `+TERM`) for a delivery, from any node.
    async fn settle(&self, ack_subject: Option<&str>, kind: jetstream::AckKind) {
        let Some(ack_subject) = ack_subject else {
            return;
        };
        if let jetstream::AckKind::Nak(delay) = kind {
            self.puller.hand_back(ack_subject, delay).await;
            return;
        }
        if let Err(error) = self
            .client
            .publish(ack_subject.to_owned(), Bytes::from(kind))
            .await
        {
            warn!(%error, "failed to acknowledge a task delivery");
        }
    }

    /// Dispatches a task for supervisor `request.chat_id`. Returns the reply and the changes made.
    pub async fn dispatch(
        &self,
        request: DispatchTaskRequest,
        now_ms: u64,
    ) -> Result<(DispatchTaskReply, Vec<TaskChange>), WireError> {
        validate_id("chat id", &request.chat_id)?;
        check_title(&request.title)?;
        check_text("instructions", &request.instructions, MAX_TEXT)?;
        check_dependencies(&request.depends_on)?;
        super::registry::validate_capabilities(&request.capabilities)?;
        if let Some(key) = &request.idempotency_key {
            check_text("idempotency_key", key, 1024)?;
        }
        let max_attempts = request.max_attempts.unwrap_or(self.config.max_attempts);
        if !(1..=100).contains(&max_attempts) {
            return Err(WireError::bad_request("max_attempts must be 1 to 100"));
        }
        let mut task_id = new_task_id();
        if let Some(key) = &request.idempotency_key {
            let slot = idempotency_slot(key);
            match self.keys.create(&slot, Bytes::from(task_id.clone())).await {
                Ok(_) => {}
                Err(error) if error.kind() == CreateErrorKind::AlreadyExists => {
                    let existing = self.keys.get(&slot).await.map_err(unavailable)?;
                    task_id = existing
                        .map(|value| String::from_utf8_lossy(&value).into_owned())
                        .ok_or_else(|| unavailable("an idempotency key vanished; retry"))?;
                    if let Some((task, revision)) = self.get_with_revision(&task_id).await? {
                        // The first dispatch may have died between writing the record and queueing it: queue
                        // it again (the stream drops the copy if the first one arrived).
                        if task.status == TaskStatus::Queued && task.enqueued {
                            self.enqueue(&task, revision).await?;
                        }
                        return Ok((
                            DispatchTaskReply {
                                task_id,
                                status: task.status,
                                deduplicated: true,
                            },
                            Vec::new(),
                        ));
                    }
                    // The key was taken but the record never written: write it now under that id.
                }
                Err(error) => return Err(unavailable(error)),
            }
        }
        for dependency in &request.depends_on {
            if self.get(dependency).await?.is_none() {
                return Err(WireError::bad_request(format!(
                    "depends_on names task {dependency}, which does not exist"
                )));
            }
        }
        let mut task = TaskRecord {
            task_id: task_id.clone(),
            title: request.title,
            instructions: request.instructions,
            priority: request.priority.unwrap_or_default(),
            depends_on: request.depends_on,
            capabilities: request.capabilities,
            idempotency_key: request.idempotency_key,
            supervisor_chat_id: request.chat_id,
            status: TaskStatus::Queued,
            progress: 0.0,
            note: None,
            worker_chat_id: None,
            workers: Vec::new(),
            attempts: 0,
            max_attempts,
            enqueued: false,
            enqueues: 0,
            dependents: Vec::new(),
            result: None,
            error: None,
            created_at_ms: now_ms,
            claimed_at_ms: None,
            updated_at_ms: now_ms,
            finished_at_ms: None,
            ack_subject: None,
        };
        let mut changes = Vec::new();
        if task.depends_on.is_empty() {
            task.enqueued = true;
            task.enqueues = 1;
            let revision = self.create(&task).await?;
            self.enqueue(&task, revision).await?;
            changes.push(TaskChange {
                what: "dispatched",
                task: task.clone(),
            });
        } else {
            self.create(&task).await?;
            changes.push(TaskChange {
                what: "dispatched",
                task: task.clone(),
            });
            // Register with each dependency that is still open; a finished one is checked below.
            for dependency in task.depends_on.clone() {
                self.modify(&dependency, |record| {
                    if record.status.is_finished() || record.dependents.contains(&task_id) {
                        return Ok(false);
                    }
                    record.dependents.push(task_id.clone());
                    Ok(true)
                })
                .await?;
            }
            changes.extend(self.release(&task_id, now_ms).await?);
        }
        let status = changes
            .iter()
            .rev()
            .find(|change| change.task.task_id == task_id)
            .map_or(TaskStatus::Queued, |change| change.task.status);
        Ok((
            DispatchTaskReply {
                task_id,
                status,
                deduplicated: false,
            },
            changes,
        ))
    }

    async fn create(&self, task: &TaskRecord) -> Result<u64, WireError> {
        match self.records.create(&task.task_id, encode(task)).await {
            Ok(revision) => Ok(revision),
            Err(error) if error.kind() == CreateErrorKind::AlreadyExists => Err(WireError::Busy {
                message: format!("task id {} is taken; retry", task.task_id),
            }),
            Err(error) => Err(unavailable(error)),
        }
    }

    /// Puts a waiting task on the queue once every dependency is done, or fails it (and its dependents) when one
    /// will never be; a task still waiting for an open dependency is left as it is.
    pub async fn release(&self, task_id: &str, now_ms: u64) -> Result<Vec<TaskChange>, WireError> {
        for _ in 0..CAS_TRIES {
            let Some((mut task, revision)) = self.get_with_revision(task_id).await? else {
                return Ok(Vec::new());
            };
            if task.status != TaskStatus::Queued || task.enqueued {
                return Ok(Vec::new());
            }
            let mut blocked = None;
            let mut waiting = false;
            for dependency in &task.depends_on {
                match self.get(dependency).await?.map(|record| record.status) {
                    Some(TaskStatus::Done) => {}
                    Some(status) if status.is_finished() => {
                        blocked = Some(format!(
                            "task {dependency} it depends on is {}",
                            status.as_str()
                        ));
                        break;
                    }
                    Some(_) => waiting = true,
                    None => {
                        blocked = Some(format!("task {dependency} it depends on no longer exists"));
                        break;
                    }
                }
            }
            if let Some(reason) = blocked {
                let (_, changes) = self
                    .finish_for_good(task_id, TaskStatus::Failed, &reason, now_ms, |_| Ok(()))
                    .await?;
                return Ok(changes);
            }
            if waiting {
                return Ok(Vec::new());
            }
            task.enqueued = true;
            task.enqueues += 1;
            task.updated_at_ms = now_ms;
            // Queue first, then record it: a crash in between leaves a claimable task, never a lost one.
            self.enqueue(&task, revision).await?;
            if self.cas(&task, revision).await?.is_some() {
                return Ok(vec![TaskChange {
                    what: "released",
                    task,
                }]);
            }
        }
        Err(contended(task_id))
    }

    /// Marks a task failed, dead or cancelled, settles its delivery and fails its dependents. `check` vets the
    /// task's stored record first (an `Err` refuses the change); a task that already finished is left as it is.
    /// Returns the task as it stands after the call, and the changes made.
    async fn finish_for_good(
        &self,
        task_id: &str,
        status: TaskStatus,
        reason: &str,
        now_ms: u64,
        check: impl Fn(&TaskRecord) -> Result<(), WireError>,
    ) -> Result<(TaskRecord, Vec<TaskChange>), WireError> {
        let mut changes = Vec::new();
        let (root, changed) = self
            .finish_one(task_id, status, reason, now_ms, &check)
            .await?;
        let mut pending = Vec::new();
        if changed {
            pending.push((root.clone(), status, reason.to_owned()));
        }
        while let Some((task, status, reason)) = pending.pop() {
            if status == TaskStatus::Dead {
                self.dead_letter(&task, &reason).await;
            }
            self.settle(task.ack_subject.as_deref(), jetstream::AckKind::Term)
                .await;
            let because = format!("task {} it depends on is {}", task.task_id, status.as_str());
            for dependent in &task.dependents {
                let (failed, changed) = self
                    .finish_one(dependent, TaskStatus::Failed, &because, now_ms, &|_| Ok(()))
                    .await?;
                if changed {
                    pending.push((failed, TaskStatus::Failed, because.clone()));
                }
            }
            changes.push(TaskChange {
                what: match status {
                    TaskStatus::Dead => "dead",
                    TaskStatus::Cancelled => "cancelled",
                    _ => "failed",
                },
                task,
            });
        }
        Ok((root, changes))
    }

    /// Records one task's end (see [`finish_for_good`](Self::finish_for_good)); true when this call made it.
    async fn finish_one(
        &self,
        task_id: &str,
        status: TaskStatus,
        reason: &str,
        now_ms: u64,
        check: &impl Fn(&TaskRecord) -> Result<(), WireError>,
    ) -> Result<(TaskRecord, bool), WireError> {
        self.modify(task_id, |task| {
            check(task)?;
            if task.status.is_finished() {
                return Ok(false);
            }
            task.status = status;
            task.error = Some(reason.to_owned());
            task.enqueued = false;
            task.updated_at_ms = now_ms;
            task.finished_at_ms = Some(now_ms);
            Ok(true)
        })
        .await
    }

    async fn dead_letter(&self, task: &TaskRecord, reason: &str) {
        let letter = serde_json::json!({"reason": reason, "task": task});
        let mut headers = HeaderMap::new();
        headers.insert(
            "Nats-Msg-Id",
            format!("{}:dead:{}", task.task_id, task.enqueues).as_str(),
        );
        let published = async {
            self.js
                .publish_with_headers(
                    subject::TASKS_DEAD,
                    headers,
                    Bytes::from(letter.to_string()),
                )
                .await?
                .await
        };
        if let Err(error) = published.await {
            warn!(%error, task_id = %task.task_id, "failed to write a dead letter");
        }
    }

    /// Claims the next task chat `chat_id` (with `capabilities`) can do, waiting up to `wait` for one.
    ///
    /// A waiting claim sleeps until a task is queued; each queued task wakes one waiting claim of this node
    /// (not all of them), so many idle workers cost nothing while the queue is empty.
    pub async fn claim(
        &self,
        chat_id: &str,
        capabilities: &[String],
        wait: Duration,
        now_ms: impl Fn() -> u64,
    ) -> Result<(Option<Claim>, Vec<TaskChange>), WireError> {
        validate_id("chat id", chat_id)?;
        let wait = wait.min(MAX_WAIT);
        let mut stopping = self.stopping.subscribe();
        let deadline = tokio::time::Instant::now() + wait;
        let mut changes = Vec::new();
        let mut second_looks = 0;
        loop {
            // Registered before looking, so a task queued in between still wakes this claim.
            let arrival = self.puller.arrivals().notified();
            tokio::pin!(arrival);
            arrival.as_mut().enable();
            let (claim, mut more) = self.claim_once(chat_id, capabilities, now_ms()).await?;
            changes.append(&mut more);
            if claim.is_some() {
                return Ok((claim, changes));
            }
            let now = tokio::time::Instant::now();
            if now >= deadline || self.is_stopping() {
                return Ok((None, changes));
            }
            if second_looks > 0 {
                // Woken by a publication the stream may not have stored yet: look again in a moment.
                second_looks -= 1;
                tokio::time::sleep(SECOND_LOOK_AFTER).await;
                continue;
            }
            // Retries after a back-off and lapsed deliveries publish nothing: look again at least every second.
            let nap = (deadline - now).min(Duration::from_secs(1));
            tokio::select! {
                woken = tokio::time::timeout(nap, arrival) => {
                    if woken.is_ok() {
                        second_looks = SECOND_LOOKS;
                    }
                }
                // The node stops: the claim ends empty-handed now, not after its wait.
                _ = stopping.wait_for(|stop| *stop) => return Ok((None, changes)),
            }
        }
    }

    async fn claim_once(
        &self,
        chat_id: &str,
        capabilities: &[String],
        now_ms: u64,
    ) -> Result<(Option<Claim>, Vec<TaskChange>), WireError> {
        if self.is_stopping() {
            return Ok((None, Vec::new()));
        }
        let deliveries = self.puller.pull().await?;
        let mut first_error = None;
        let mut claimed = None;
        let mut changes = Vec::new();
        for delivery in deliveries {
            if claimed.is_some() {
                self.puller.hand_back(&delivery.ack_subject, None).await;
                continue;
            }
            match self
                .take(delivery, chat_id, capabilities, now_ms, &mut changes)
                .await
            {
                Ok(claim) => claimed = claim,
                Err(error) => first_error = first_error.or(Some(error)),
            }
        }
        match (claimed, first_error) {
            (Some(claim), _) => Ok((Some(claim), changes)),
            (None, Some(error)) => Err(error),
            (None, None) => Ok((None, changes)),
        }
    }

    /// Tries to claim the task of one delivery; hands the delivery back or drops it when it is not for us.
    async fn take(
        &self,
        delivery: Delivery,
        chat_id: &str,
        capabilities: &[String],
        now_ms: u64,
        changes: &mut Vec<TaskChange>,
    ) -> Result<Option<Claim>, WireError> {
        let ack = Some(delivery.ack_subject.as_str());
        let Ok(queued) = serde_json::from_slice::<Queued>(&delivery.payload) else {
            warn!(
                priority = delivery.priority.as_str(),
                "dropped an unreadable message from the task queue"
            );
            self.settle(ack, jetstream::AckKind::Term).await;
            return Ok(None);
        };
        if !capable(&queued.task.capabilities, capabilities) {
            self.settle(ack, jetstream::AckKind::Nak(None)).await;
            return Ok(None);
        }
        let task_id = queued.task.task_id.clone();
        let mut known = Some((queued.task, queued.revision));
        for _ in 0..CAS_TRIES {
            let (mut task, revision) = match known.take() {
                Some(known) => known,
                None => match self.get_with_revision(&task_id).await {
                    Ok(Some(found)) => found,
                    Ok(None) => {
                        self.settle(ack, jetstream::AckKind::Term).await;
                        return Ok(None);
                    }
                    Err(error) => {
                        self.settle(ack, jetstream::AckKind::Nak(None)).await;
                        return Err(error);
                    }
                },
            };
            if task.status.is_finished() {
                self.settle(ack, jetstream::AckKind::Term).await;
                return Ok(None);
            }
            let redelivered = task.status.is_held();
            if redelivered && delivery.delivered <= 1 {
                // A copy of a delivery someone holds: not ours to take.
                self.settle(ack, jetstream::AckKind::Term).await;
                return Ok(None);
            }
            if task.attempts >= task.max_attempts {
                let reason = match (&task.error, &task.worker_chat_id) {
                    (Some(error), _) => {
                        format!("out of attempts ({}); last error: {error}", task.attempts)
                    }
                    (None, Some(worker)) => format!(
                        "out of attempts ({}); worker {worker} stopped answering",
                        task.attempts
                    ),
                    (None, None) => format!("out of attempts ({})", task.attempts),
                };
                let (_, dead) = self
                    .finish_for_good(&task_id, TaskStatus::Dead, &reason, now_ms, |_| Ok(()))
                    .await?;
                changes.extend(dead);
                self.settle(ack, jetstream::AckKind::Term).await;
                return Ok(None);
            }
            let before = task.clone();
            if redelivered {
                let previous = task.worker_chat_id.clone().unwrap_or_default();
                task.error = Some(format!(
                    "worker {previous} gave no word within the ack wait; attempt {} went to {chat_id}",
                    task.attempts + 1
                ));
            }
            task.status = TaskStatus::Claimed;
            task.attempts += 1;
            task.worker_chat_id = Some(chat_id.to_owned());
            if !task.workers.iter().any(|worker| worker == chat_id) {
                task.workers.push(chat_id.to_owned());
            }
            task.progress = 0.0;
            task.claimed_at_ms = Some(now_ms);
            task.updated_at_ms = now_ms;
            task.ack_subject = Some(delivery.ack_subject.clone());
            if let Some(revision) = self.cas(&task, revision).await? {
                self.remember(&task, revision);
                changes.push(TaskChange {
                    what: "claimed",
                    task: task.clone(),
                });
                return Ok(Some(Claim::new(task, &before)));
            }
        }
        self.settle(ack, jetstream::AckKind::Nak(None)).await;
        Err(contended(&task_id))
    }

    /// Records progress (0 to 100) by the holder and extends its delivery.
    pub async fn progress(
        &self,
        chat_id: &str,
        task_id: &str,
        progress: f32,
        note: Option<String>,
        now_ms: u64,
    ) -> Result<TaskRecord, WireError> {
        validate_id("chat id", chat_id)?;
        if !(0.0..=100.0).contains(&progress) {
            return Err(WireError::bad_request("progress must be 0 to 100"));
        }
        if let Some(note) = &note {
            check_text("note", note, MAX_TEXT)?;
        }
        let (task, _) = self
            .modify(task_id, |task| {
                held_by(task, chat_id)?;
                task.status = TaskStatus::InProgress;
                task.progress = progress;
                task.note = note.clone();
                task.updated_at_ms = now_ms;
                Ok(true)
            })
            .await?;
        self.settle(task.ack_subject.as_deref(), jetstream::AckKind::Progress)
            .await;
        Ok(task)
    }

    /// Completes a task with `result`. Exactly one completion is recorded: a second one (a retry racing a slow
    /// worker) is answered with `recorded: false`.
    pub async fn complete(
        &self,
        chat_id: &str,
        task_id: &str,
        result: String,
        now_ms: u64,
    ) -> Result<(TaskRecord, bool, Vec<TaskChange>), WireError> {
        validate_id("chat id", chat_id)?;
        check_size("result", &result, MAX_TEXT)?;
        let (task, recorded) = self
            .modify(task_id, |task| {
                if task.status.is_finished() {
                    return Ok(false);
                }
                if !task.workers.iter().any(|worker| worker == chat_id) {
                    return Err(WireError::bad_request(format!(
                        "chat {chat_id} never claimed task {task_id}"
                    )));
                }
                task.status = TaskStatus::Done;
                task.result = Some(result.clone());
                task.progress = 100.0;
                task.worker_chat_id = Some(chat_id.to_owned());
                task.enqueued = false;
                task.updated_at_ms = now_ms;
                task.finished_at_ms = Some(now_ms);
                Ok(true)
            })
            .await?;
        let mut changes = Vec::new();
        if recorded {
            self.settle(task.ack_subject.as_deref(), jetstream::AckKind::Ack)
                .await;
            changes.push(TaskChange {
                what: "completed",
                task: task.clone(),
            });
            for dependent in &task.dependents {
                changes.extend(self.release(dependent, now_ms).await?);
            }
        }
        Ok((task, recorded, changes))
    }

    /// Completes a task and claims the next one for the same worker (as a worker loop would do next anyway),
    /// in one call. The two overlap; when the claim found nothing and the completion released tasks (those
    /// that depended on it), it claims once more, so a worker is handed the task its own completion freed.
    pub async fn complete_and_claim(
        &self,
        chat_id: &str,
        task_id: &str,
        result: String,
        capabilities: &[String],
        now_ms: u64,
    ) -> Result<(TaskRecord, bool, Option<Claim>, Vec<TaskChange>), WireError> {
        // The completion and the claim overlap: one round trip per task for a worker loop, not two.
        let (completed, claimed) = tokio::join!(
            self.complete(chat_id, task_id, result, now_ms),
            self.claim_once(chat_id, capabilities, now_ms)
        );
        let (task, recorded, mut changes) = match completed {
            Ok(completed) => completed,
            Err(error) => {
                // Do not leave a task claimed for a worker that is told its call failed.
                if let Ok((Some(claim), _)) = &claimed {
                    let _ = self.unclaim(claim, now_ms).await;
                }
                return Err(error);
            }
        };
        // The completion stands whatever the claim does: a claim that fails is reported as no next task (the
        // worker claims again, as its loop does when none is handed over).
        let mut next = match claimed {
            Ok((next, mut more)) => {
                changes.append(&mut more);
                next
            }
            Err(error) => {
                warn!(%error, %chat_id, %task_id, "completed a task but failed to claim the next");
                None
            }
        };
        // The overlapping claim could not see the tasks this very completion released (its dependents): when
        // it found nothing and the completion released some, claim once more.
        if next.is_none() && changes.iter().any(|change| change.what == "released") {
            match self.claim_once(chat_id, capabilities, now_ms).await {
                Ok((claim_opt, mut more)) => {
                    changes.append(&mut more);
                    next = claim_opt;
                }
                Err(error) => {
                    warn!(%error, %chat_id, %task_id, "completed a task but failed to claim the next")
                }
            }
        }
        Ok((task, recorded, next, changes))
    }

    /// Fails a task held by `chat_id`: back on the queue after a back-off while attempts remain and the error is
    /// retryable, otherwise failed (or dead, when retries ran out) for good.
    pub async fn fail(
        &self,
        chat_id: &str,
        task_id: &str,
        error: String,
        retryable: bool,
        now_ms: u64,
    ) -> Result<(TaskRecord, Vec<TaskChange>), WireError> {
        validate_id("chat id", chat_id)?;
        check_text("error", &error, MAX_TEXT)?;
        // Decided on the stored record: back on the queue, or failed (or dead) for good.
        let mut ending = None;
        let (task, requeued) = self
            .modify(task_id, |task| {
                held_by(task, chat_id)?;
                if !retryable {
                    ending = Some((TaskStatus::Failed, error.clone()));
                    return Ok(false);
                }
                if task.attempts >= task.max_attempts {
                    ending = Some((
                        TaskStatus::Dead,
                        format!("out of attempts ({}); last error: {error}", task.attempts),
                    ));
                    return Ok(false);
                }
                ending = None;
                task.status = TaskStatus::Queued;
                task.error = Some(error.clone());
                task.worker_chat_id = None;
                task.progress = 0.0;
                task.updated_at_ms = now_ms;
                Ok(true)
            })
            .await?;
        if let (false, Some((status, reason))) = (requeued, ending) {
            return self
                .finish_for_good(task_id, status, &reason, now_ms, |task| {
                    held_by(task, chat_id)
                })
                .await;
        }
        let delay = self
            .config
            .backoff
            .saturating_mul(1 << (task.attempts.saturating_sub(1)).min(16));
        self.settle(
            task.ack_subject.as_deref(),
            jetstream::AckKind::Nak(Some(delay)),
        )
        .await;
        Ok((
            task.clone(),
            vec![TaskChange {
                what: "retrying",
                task,
            }],
        ))
    }

    /// Cancels a task that has not finished; its worker is told at its next call, its dependents fail.
    pub async fn cancel(
        &self,
        chat_id: &str,
        task_id: &str,
        now_ms: u64,
    ) -> Result<(TaskRecord, Vec<TaskChange>), WireError> {
        validate_id("chat id", chat_id)?;
        self.finish_for_good(
            task_id,
            TaskStatus::Cancelled,
            &format!("cancelled by {chat_id}"),
            now_ms,
            |task| {
                if task.status.is_finished() {
                    return Err(WireError::bad_request(format!(
                        "task {task_id} is already {}",
                        task.status.as_str()
                    )));
                }
                Ok(())
            },
        )
        .await
    }

    /// Puts a failed, dead or cancelled task back on the queue with fresh attempts.
    pub async fn retry(
        &self,
        chat_id: &str,
        task_id: &str,
        now_ms: u64,
    ) -> Result<(TaskRecord, Vec<TaskChange>), WireError> {
        validate_id("chat id", chat_id)?;
        let (task, _) = self
            .modify(task_id, |task| {
                if !matches!(
                    task.status,
                    TaskStatus::Failed | TaskStatus::Dead | TaskStatus::Cancelled
                ) {
                    return Err(WireError::bad_request(format!(
                        "task {task_id} is {}; only failed, dead or cancelled tasks can be retried",
                        task.status.as_str()
                    )));
                }
                task.status = TaskStatus::Queued;
                task.attempts = 0;
                task.enqueued = false;
                task.worker_chat_id = None;
                task.progress = 0.0;
                task.finished_at_ms = None;
                task.error = Some(format!("retried by {chat_id}"));
                task.updated_at_ms = now_ms;
                Ok(true)
            })
            .await?;
        let mut changes = vec![TaskChange {
            what: "requeued",
            task: task.clone(),
        }];
        changes.extend(self.release(task_id, now_ms).await?);
        Ok((self.get(task_id).await?.unwrap_or(task), changes))
    }

    /// Hands the tasks `chat_id` holds straight back to the queue (the chat went away), without waiting for the
    /// ack wait to lapse.
    pub async fn requeue_held(
        &self,
        chat_id: &str,
        task_ids: &[String],
        now_ms: u64,
    ) -> Result<Vec<TaskChange>, WireError> {
        let mut changes = Vec::new();
        for task_id in task_ids {
            let (task, changed) = self
                .modify(task_id, |task| {
                    if !task.status.is_held() || task.worker_chat_id.as_deref() != Some(chat_id) {
                        return Ok(false);
                    }
                    task.status = TaskStatus::Queued;
                    task.error = Some(format!("worker {chat_id} went away"));
                    task.worker_chat_id = None;
                    task.progress = 0.0;
                    task.updated_at_ms = now_ms;
                    Ok(true)
                })
                .await?;
            if changed {
                debug!(%task_id, %chat_id, "requeued the task of a chat that went away");
                self.settle(task.ack_subject.as_deref(), jetstream::AckKind::Nak(None))
                    .await;
                changes.push(TaskChange {
                    what: "requeued",
                    task,
                });
            }
        }
        Ok(changes)
    }

    /// Reads many tasks (missing ones are skipped), in the order given.
    pub async fn get_many(&self, task_ids: &[String]) -> Result<Vec<TaskRecord>, WireError> {
        let reads =
            futures::future::join_all(task_ids.iter().map(|task_id| self.get(task_id))).await;
        let mut tasks = Vec::with_capacity(reads.len());
        for read in reads {
            if let Some(task) = read? {
                tasks.push(task);
            }
        }
        Ok(tasks)
    }
}

/// Checks that `chat_id` holds `task` now.
fn held_by(task: &TaskRecord, chat_id: &str) -> Result<(), WireError> {
    if task.status.is_finished() {
        return Err(WireError::bad_request(format!(
            "task {} is already {}",
            task.task_id,
            task.status.as_str()
        )));
    }
    if !task.status.is_held() || task.worker_chat_id.as_deref() != Some(chat_id) {
        let holder = match (&task.worker_chat_id, task.status) {
            (Some(worker), status) if status.is_held() => format!("is held by {worker}"),
            _ => "is back on the queue".to_owned(),
        };
        return Err(WireError::bad_request(format!(
            "chat {chat_id} does not hold task {}: it {holder}",
            task.task_id
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capabilities_must_all_be_present() {
        let have = vec!["rust".to_owned(), "sql".to_owned()];
        assert!(capable(&[], &have));
        assert!(capable(&["rust".to_owned()], &have));
        assert!(!capable(&["rust".to_owned(), "gpu".to_owned()], &have));
        assert!(!capable(&["rust".to_owned()], &[]));
    }

    #[test]
    fn task_ids_are_unique_subject_tokens() {
        let id = new_task_id();
        assert_eq!(id.len(), 32);
        assert_ne!(id, new_task_id());
        assert!(validate_id("task id", &id).is_ok());
    }
}
