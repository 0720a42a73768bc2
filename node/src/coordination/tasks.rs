//! The task queue on JetStream.
//!
//! - **Queue**: the stream `SHIM_TASKS` (file storage, replicas configurable, kept for the retention period) on
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
//!
//! The pieces: `provision` makes the streams, consumers and buckets; `storage` reads and changes records
//! (compare-and-set through the typed bucket); [`transitions`] decides each change of a record, as pure
//! functions; `delivery` puts tasks on the queue and settles deliveries; `claim` takes tasks off it;
//! `handback` returns what a worker never got; `index` is the node's view of every record; `puller`
//! asks the consumers.

mod checks;
mod claim;
mod delivery;
mod handback;
mod index;
mod provision;
mod puller;
mod storage;
pub mod transitions;

use std::{sync::Arc, time::Duration};

use async_nats::{
    Client,
    jetstream::{self, kv::Store},
};
use bytes::Bytes;
use futures::FutureExt;
use shim_protocol::{
    WireError,
    messages::{DispatchTaskReply, DispatchTaskRequest, TaskRecord, TaskStatus},
    subject::validate_id,
};
use tracing::{debug, warn};

use checks::{MAX_DEPENDENTS, MAX_TEXT, check_dependencies, check_room, check_title};
pub(crate) use checks::{MAX_IDEMPOTENCY_KEY, check_text, idempotency_slot};
pub use checks::{capable, check_size, new_task_id};
pub use handback::Claim;
pub use index::TaskIndex;
use puller::Puller;
use storage::Records;
use transitions::{Failed, HandBack, Release};

/// The queue stream.
pub const STREAM: &str = "SHIM_TASKS";
/// The dead-letter stream.
pub const DEAD_STREAM: &str = "SHIM_TASKS_DEAD";
/// The bucket of task records.
pub const BUCKET: &str = "shim_tasks";
/// The bucket of idempotency keys.
pub const KEYS_BUCKET: &str = "shim_task_keys";

/// Longest a claim waits.
pub const MAX_WAIT: Duration = shim_protocol::limits::MAX_WAIT;

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
    /// How long a claim handed over with a completion's `claim_next` waits for the worker's next change of the
    /// task to be written with it (docs/coordination.md).
    pub claim_written_within: Duration,
}

impl Default for TaskQueueConfig {
    fn default() -> Self {
        TaskQueueConfig {
            ack_wait: Duration::from_secs(30),
            max_attempts: 3,
            backoff: Duration::from_secs(1),
            replicas: 1,
            retention: Duration::from_secs(14 * 24 * 3600),
            claim_written_within: storage::CLAIM_WRITTEN_WITHIN,
        }
    }
}

/// Something that happened to a task, for events and metrics.
#[derive(Debug, Clone)]
pub struct TaskChange {
    /// `dispatched`, `claimed`, `progress`, `completed`, `failed`, `retrying`, `dead`, `cancelled`,
    /// `requeued`, `returned` or `released`.
    pub what: &'static str,
    /// The record after the change.
    pub task: TaskRecord,
}

/// Task records [`TaskQueue::get_many`] reads at once.
const CONCURRENT_READS: usize = 16;

/// The task queue.
#[derive(Debug, Clone)]
pub struct TaskQueue {
    client: Client,
    js: jetstream::Context,
    records: Records,
    keys: Store,
    config: TaskQueueConfig,
    /// Asks the priority consumers for deliveries.
    puller: Arc<Puller>,
    /// True once the node stops: waiting claims end at once.
    stopping: Arc<tokio::sync::watch::Sender<bool>>,
}

fn unavailable(error: impl std::fmt::Display) -> WireError {
    WireError::Unavailable {
        message: format!("task queue: {error}"),
    }
}

impl TaskQueue {
    /// The bucket of records (watched by [`TaskIndex`]).
    pub fn records(&self) -> &Store {
        self.records.store()
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
        self.records.get_with_revision(task_id).await
    }

    /// Reads a task.
    pub async fn get(&self, task_id: &str) -> Result<Option<TaskRecord>, WireError> {
        Ok(self.get_with_revision(task_id).await?.map(|(task, _)| task))
    }

    /// Reads many tasks (missing ones are skipped), in the order given, [`CONCURRENT_READS`] at a time: a
    /// request naming many tasks takes its turn rather than the bucket's.
    pub async fn get_many(&self, task_ids: &[String]) -> Result<Vec<TaskRecord>, WireError> {
        use futures::StreamExt;
        let mut reads = futures::stream::iter(task_ids.iter().cloned())
            .map(|task_id| async move { self.get(&task_id).await })
            .buffered(CONCURRENT_READS);
        let mut tasks = Vec::with_capacity(task_ids.len());
        while let Some(read) = reads.next().await {
            if let Some(task) = read? {
                tasks.push(task);
            }
        }
        Ok(tasks)
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
            check_text("idempotency_key", key, MAX_IDEMPOTENCY_KEY)?;
        }
        let max_attempts = request.max_attempts.unwrap_or(self.config.max_attempts);
        if !shim_protocol::limits::ATTEMPTS.contains(&max_attempts) {
            return Err(WireError::bad_request(format!(
                "max_attempts must be {} to {}",
                shim_protocol::limits::ATTEMPTS.start(),
                shim_protocol::limits::ATTEMPTS.end()
            )));
        }
        let mut task_id = new_task_id();
        if let Some(key) = &request.idempotency_key {
            let slot = idempotency_slot(&request.chat_id, key);
            let claimed_slot =
                super::streams::patiently(|| self.keys.create(&slot, Bytes::from(task_id.clone())));
            match claimed_slot.await {
                Ok(_) => {}
                Err(error)
                    if error.kind()
                        == async_nats::jetstream::kv::CreateErrorKind::AlreadyExists
                        || super::bucket::lost_race(&error) =>
                {
                    let existing = super::kv::latest(&self.keys, &slot)
                        .await
                        .map_err(unavailable)?
                        .filter(|entry| {
                            entry.operation == async_nats::jetstream::kv::Operation::Put
                        });
                    task_id = existing
                        .map(|entry| String::from_utf8_lossy(&entry.value).into_owned())
                        .ok_or_else(|| unavailable("an idempotency key vanished; retry"))?;
                    if let Some((task, revision)) = self.get_with_revision(&task_id).await? {
                        // The first dispatch may have died between writing the record and queueing it: queue
                        // it again (the stream drops the copy if the first one arrived). One whose queueing
                        // failed is queued now, not at the next sweep of stuck tasks.
                        if task.status == TaskStatus::Queued && task.enqueued {
                            self.enqueue_again(&task, revision).await?;
                        } else if task.status == TaskStatus::Queued {
                            self.release(&task_id, now_ms).await?;
                        }
                        let task = self.get(&task_id).await?.unwrap_or(task);
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
            match self.get(dependency).await? {
                None => {
                    return Err(WireError::bad_request(format!(
                        "depends_on names task {dependency}, which does not exist"
                    )));
                }
                Some(record)
                    if !record.status.is_finished()
                        && record.dependents.len() >= MAX_DEPENDENTS =>
                {
                    return Err(WireError::bad_request(format!(
                        "depends_on names task {dependency}, which {MAX_DEPENDENTS} tasks wait on already; \
                         let this one wait on one of them"
                    )));
                }
                Some(_) => {}
            }
        }
        let task = transitions::dispatched(request, task_id.clone(), max_attempts, now_ms);
        check_room(&task)?;
        let mut changes = Vec::new();
        if task.depends_on.is_empty() {
            let task = transitions::enqueue(&task, now_ms);
            let revision = self.records.create(&task).await?;
            if let Err(error) = self.enqueue(&task, revision).await {
                // The record says queued, and the queue may not have it: the record goes back to waiting to
                // be queued, so the sweep of stuck tasks queues it (or a dispatch with the same key, at once).
                if let Err(unqueue_error) = self
                    .records
                    .modify(&task_id, |record| Ok(transitions::unqueued(record)))
                    .await
                {
                    warn!(%task_id, error = %unqueue_error, "a task whose queueing failed is recorded as queued; a dispatch with its idempotency key queues it");
                }
                return Err(error);
            }
            changes.push(TaskChange {
                what: "dispatched",
                task,
            });
        } else {
            self.records.create(&task).await?;
            changes.push(TaskChange {
                what: "dispatched",
                task: task.clone(),
            });
            // Register with each dependency that is still open; a finished one is checked below.
            for dependency in &task.depends_on {
                self.records
                    .modify(dependency, |record| {
                        Ok(transitions::add_dependent(record, &task_id))
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

    /// Puts a waiting task on the queue once every dependency is done, or fails it (and its dependents) when one
    /// will never be; a task still waiting for an open dependency is left as it is.
    pub async fn release(&self, task_id: &str, now_ms: u64) -> Result<Vec<TaskChange>, WireError> {
        let Some((task, revision)) = self.get_with_revision(task_id).await? else {
            return Ok(Vec::new());
        };
        if task.status != TaskStatus::Queued || task.enqueued {
            return Ok(Vec::new());
        }
        let mut dependencies = Vec::with_capacity(task.depends_on.len());
        for dependency in &task.depends_on {
            let status_opt = self.get(dependency).await?.map(|record| record.status);
            dependencies.push((dependency.clone(), status_opt));
        }
        let mut decision = Release::Nothing;
        // Queue first, then record it: a crash in between leaves a claimable task, never a lost one.
        let enqueue = |task: &TaskRecord, revision_opt: Option<u64>| {
            let task = task.clone();
            let revision = revision_opt
                .expect("a record is only changed where it exists, so it has a revision");
            async move { self.enqueue_again(&task, revision).await }.boxed()
        };
        let (task, released) = self
            .records
            .modify_with(
                task_id,
                Some((task, revision)),
                |task| {
                    decision = transitions::release(task, &dependencies, now_ms);
                    Ok(match &decision {
                        Release::Queue(queued) => Some(queued.as_ref().clone()),
                        Release::Nothing | Release::Wait | Release::Fail(_) => None,
                    })
                },
                Some(&enqueue),
            )
            .await?;
        if released {
            return Ok(vec![TaskChange {
                what: "released",
                task,
            }]);
        }
        if let Release::Fail(reason) = decision {
            let (_, changes) = self
                .finish_for_good(task_id, TaskStatus::Failed, &reason, now_ms, |_| Ok(()))
                .await?;
            return Ok(changes);
        }
        Ok(Vec::new())
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
            .records
            .modify(task_id, |task| {
                check(task)?;
                Ok(transitions::finish(task, status, reason, now_ms))
            })
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
                    .records
                    .modify(dependent, |record| {
                        Ok(transitions::finish(
                            record,
                            TaskStatus::Failed,
                            &because,
                            now_ms,
                        ))
                    })
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
            .records
            .modify(task_id, |task| {
                let task = transitions::progress(task, chat_id, progress, note.clone(), now_ms)?;
                check_room(&task)?;
                Ok(Some(task))
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
            .records
            .modify(task_id, |task| {
                Ok(transitions::complete(task, chat_id, &result, now_ms)?)
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
            // The completion stands whatever becomes of its dependents: one not queued now is queued by the
            // sweep of stuck tasks, as after a node died here.
            for dependent in &task.dependents {
                match self.release(dependent, now_ms).await {
                    Ok(released) => changes.extend(released),
                    Err(error) => {
                        warn!(%task_id, %dependent, %error, "completed a task but failed to queue a task that waited for it; the sweep of stuck tasks queues it")
                    }
                }
            }
        }
        Ok((task, recorded, changes))
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
            .records
            .modify(task_id, |task| {
                match transitions::fail(task, chat_id, &error, retryable, now_ms)? {
                    Failed::Retry(task) => {
                        // Back on the queue: a record too large to claim would stall its priority.
                        check_room(&task)?;
                        ending = None;
                        Ok(Some(*task))
                    }
                    Failed::End(status, reason) => {
                        ending = Some((status, reason));
                        Ok(None)
                    }
                }
            })
            .await?;
        if let (false, Some((status, reason))) = (requeued, ending) {
            return self
                .finish_for_good(task_id, status, &reason, now_ms, |task| {
                    Ok(transitions::held_by(task, chat_id)?)
                })
                .await;
        }
        let delay = transitions::retry_delay(self.config.backoff, task.attempts);
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
        // The task's messages on the queue now, taken off once it is cancelled (not one queued after: a retry).
        let last_queued_opt = match self.get(task_id).await? {
            Some(task) => self.last_queued(&task).await,
            None => None,
        };
        let (task, changes) = self
            .finish_for_good(
                task_id,
                TaskStatus::Cancelled,
                &format!("cancelled by {chat_id}"),
                now_ms,
                |task| Ok(transitions::cancellable(task)?),
            )
            .await?;
        let cancelled_here = changes
            .iter()
            .any(|change| change.what == "cancelled" && change.task.task_id == task_id);
        if let (true, Some(last_queued)) = (cancelled_here, last_queued_opt) {
            self.take_off_queue(&task, last_queued).await;
        }
        Ok((task, changes))
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
            .records
            .modify(task_id, |task| {
                let task = transitions::retry(task, chat_id, now_ms)?;
                check_room(&task)?;
                Ok(Some(task))
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
        let changes = self
            .hand_back(chat_id, task_ids, &HandBack::WentAway, "requeued", now_ms)
            .await?;
        for change in &changes {
            debug!(task_id = %change.task.task_id, %chat_id, "requeued the task of a chat that went away");
        }
        Ok(changes)
    }

    /// Hands the tasks `chat_id` holds back to the queue (`why`), reporting each as `what`.
    async fn hand_back(
        &self,
        chat_id: &str,
        task_ids: &[String],
        why: &HandBack<'_>,
        what: &'static str,
        now_ms: u64,
    ) -> Result<Vec<TaskChange>, WireError> {
        let mut changes = Vec::new();
        for task_id in task_ids {
            let (task, changed) = self
                .records
                .modify(task_id, |task| {
                    Ok(transitions::hand_back(task, chat_id, why, now_ms))
                })
                .await?;
            if changed {
                self.settle(task.ack_subject.as_deref(), jetstream::AckKind::Nak(None))
                    .await;
                changes.push(TaskChange { what, task });
            }
        }
        Ok(changes)
    }
}
