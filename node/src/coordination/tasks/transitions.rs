//! The changes of a task's record, as pure functions: each takes the record as stored (and the time) and returns
//! the record to write, a decision to leave it, or a typed refusal. No I/O: the queue reads the record, asks
//! one of these, and writes the answer with a compare-and-set (rereading and asking again on a conflict).

use std::time::Duration;

use shim_protocol::{
    WireError,
    messages::{DispatchTaskRequest, TaskRecord, TaskStatus},
};

/// Why a change of a task was refused (the caller's mistake, told as a bad request).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TaskRefusal {
    /// The task finished already.
    #[error("task {task_id} is already {}", status.as_str())]
    Finished {
        /// The task.
        task_id: String,
        /// How it finished.
        status: TaskStatus,
    },
    /// The chat does not hold the task now.
    #[error("chat {chat_id} does not hold task {task_id}: it {}", match holder_opt {
        Some(holder) => format!("is held by {holder}"),
        None => "is back on the queue".to_owned(),
    })]
    NotHeld {
        /// The chat that asked.
        chat_id: String,
        /// The task.
        task_id: String,
        /// Who holds it, if anyone.
        holder_opt: Option<String>,
    },
    /// The chat never claimed the task (so it cannot complete it).
    #[error("chat {chat_id} never claimed task {task_id}")]
    NeverClaimed {
        /// The chat that asked.
        chat_id: String,
        /// The task.
        task_id: String,
    },
    /// Only a failed, dead or cancelled task can be retried.
    #[error("task {task_id} is {}; only failed, dead or cancelled tasks can be retried", status.as_str())]
    NotRetryable {
        /// The task.
        task_id: String,
        /// Its status.
        status: TaskStatus,
    },
}

impl From<TaskRefusal> for WireError {
    fn from(refusal: TaskRefusal) -> WireError {
        WireError::bad_request(refusal.to_string())
    }
}

/// Checks that `chat_id` holds `task` now.
pub fn held_by(task: &TaskRecord, chat_id: &str) -> Result<(), TaskRefusal> {
    if task.status.is_finished() {
        return Err(TaskRefusal::Finished {
            task_id: task.task_id.clone(),
            status: task.status,
        });
    }
    if !task.status.is_held() || task.worker_chat_id.as_deref() != Some(chat_id) {
        let holder_opt = task
            .worker_chat_id
            .clone()
            .filter(|_| task.status.is_held());
        return Err(TaskRefusal::NotHeld {
            chat_id: chat_id.to_owned(),
            task_id: task.task_id.clone(),
            holder_opt,
        });
    }
    Ok(())
}

/// The record of a new task, waiting to be queued (`enqueued` false; [`enqueue`] puts it on the queue).
pub fn dispatched(
    request: DispatchTaskRequest,
    task_id: String,
    max_attempts: u32,
    now_ms: u64,
) -> TaskRecord {
    TaskRecord {
        task_id,
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
    }
}

/// The task as it was before an enqueue whose publication failed: waiting to be queued again (the sweep of
/// stuck tasks, or a dispatch with the same idempotency key, queues it), under the same enqueue number, so a
/// publication that did reach the stream after all is not queued twice (the stream drops the second copy
/// within two minutes). `None` when the task has moved on meanwhile.
pub fn unqueued(task: &TaskRecord) -> Option<TaskRecord> {
    if task.status != TaskStatus::Queued || !task.enqueued {
        return None;
    }
    let mut task = task.clone();
    task.enqueued = false;
    task.enqueues = task.enqueues.saturating_sub(1);
    Some(task)
}

/// The task put on the queue once more (a new enqueue: the stream keeps one copy per enqueue).
pub fn enqueue(task: &TaskRecord, now_ms: u64) -> TaskRecord {
    let mut task = task.clone();
    task.enqueued = true;
    task.enqueues += 1;
    task.updated_at_ms = now_ms;
    task
}

/// `dependent` waits for `task`: `None` when `task` finished already or knows it.
pub fn add_dependent(task: &TaskRecord, dependent: &str) -> Option<TaskRecord> {
    if task.status.is_finished() || task.dependents.iter().any(|known| known == dependent) {
        return None;
    }
    let mut task = task.clone();
    task.dependents.push(dependent.to_owned());
    Some(task)
}

/// What a waiting task's dependencies say.
#[derive(Debug, Clone, PartialEq)]
pub enum Release {
    /// Not waiting (queued already, or no longer queued): nothing to do.
    Nothing,
    /// A dependency is still open.
    Wait,
    /// Every dependency is done: the record, queued.
    Queue(Box<TaskRecord>),
    /// A dependency will never be done: fail the task for this reason.
    Fail(String),
}

/// Decides a waiting task's fate from its dependencies' statuses (`None`: the dependency no longer exists), in
/// the order of `task.depends_on`.
pub fn release(
    task: &TaskRecord,
    dependencies: &[(String, Option<TaskStatus>)],
    now_ms: u64,
) -> Release {
    if task.status != TaskStatus::Queued || task.enqueued {
        return Release::Nothing;
    }
    let mut waiting = false;
    for (dependency, status_opt) in dependencies {
        match status_opt {
            Some(TaskStatus::Done) => {}
            Some(status) if status.is_finished() => {
                return Release::Fail(format!(
                    "task {dependency} it depends on is {}",
                    status.as_str()
                ));
            }
            Some(_) => waiting = true,
            None => {
                return Release::Fail(format!("task {dependency} it depends on no longer exists"));
            }
        }
    }
    if waiting {
        Release::Wait
    } else {
        Release::Queue(Box::new(enqueue(task, now_ms)))
    }
}

/// What a delivery of a task means for a worker that claims it.
#[derive(Debug, Clone, PartialEq)]
pub enum Claimed {
    /// The worker has it: the record, claimed.
    Take(Box<TaskRecord>),
    /// Not to be taken (finished, or a copy of a delivery someone holds): drop the delivery.
    Drop,
    /// Out of attempts: the task dies for this reason.
    Dead(String),
    /// A redelivery of a held task before its holder's ack wait ran out (the server gives a message again on a
    /// hand-back of an earlier delivery of it, which an away sweep can send as the ack wait lapses): the
    /// delivery goes back for this long, and the holder keeps the task.
    Early(std::time::Duration),
}

/// Claims `task` for `chat_id` from a delivery (`ack_subject`, delivered `delivered` times), under an ack wait
/// of `ack_wait_ms`.
pub fn claim(
    task: &TaskRecord,
    chat_id: &str,
    ack_subject: &str,
    delivered: u64,
    ack_wait_ms: u64,
    now_ms: u64,
) -> Claimed {
    if task.status.is_finished() {
        return Claimed::Drop;
    }
    let redelivered = task.status.is_held();
    if redelivered && delivered <= 1 {
        // A copy of a delivery someone holds: not ours to take.
        return Claimed::Drop;
    }
    // Only the holder's own delivery, come back after its ack wait, passes a held task on. Another message
    // of the task (a copy of it queued twice, as a task cancelled while queued and retried leaves) may have
    // been delivered before, to a worker that handed it back: it is a copy all the same.
    if redelivered
        && let Some(holding) = &task.ack_subject
        && super::puller::same_message(holding, ack_subject) == Some(false)
    {
        return Claimed::Drop;
    }
    // Its holder claimed it or gave word less than an ack wait ago (less a margin for clocks that differ a
    // little between nodes): the server did not give it again because that wait ran out.
    if redelivered {
        let quiet_ms = now_ms.saturating_sub(task.updated_at_ms);
        let margin_ms = (ack_wait_ms / 4).min(1_000);
        if quiet_ms + margin_ms < ack_wait_ms {
            return Claimed::Early(std::time::Duration::from_millis(ack_wait_ms - quiet_ms));
        }
    }
    if task.attempts >= task.max_attempts {
        return Claimed::Dead(match (&task.error, &task.worker_chat_id) {
            (Some(error), _) => format!("out of attempts ({}); last error: {error}", task.attempts),
            (None, Some(worker)) => format!(
                "out of attempts ({}); worker {worker} stopped answering",
                task.attempts
            ),
            (None, None) => format!("out of attempts ({})", task.attempts),
        });
    }
    let mut task = task.clone();
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
    task.ack_subject = Some(ack_subject.to_owned());
    Claimed::Take(Box::new(task))
}

/// A claim handed over before it was written (a first delivery, `ack_subject`, of the task to `chat_id`),
/// written now on `task` as stored: the claimed record to write, or, when `task` holds this very claim already
/// (a write that timed out but was stored), `Take` of it as it is and `true` (nothing to write for the claim).
/// `queued_enqueues` is the enqueue the delivery's message was queued under (see [`claim_of_enqueue`]).
pub fn claim_handed_over(
    task: &TaskRecord,
    queued_enqueues: u32,
    chat_id: &str,
    ack_subject: &str,
    ack_wait_ms: u64,
    claimed_at_ms: u64,
) -> (Claimed, bool) {
    let written = task.status.is_held()
        && task.worker_chat_id.as_deref() == Some(chat_id)
        && task.ack_subject.as_deref() == Some(ack_subject);
    if written {
        return (Claimed::Take(Box::new(task.clone())), true);
    }
    (
        claim_of_enqueue(
            task,
            queued_enqueues,
            chat_id,
            ack_subject,
            1,
            ack_wait_ms,
            claimed_at_ms,
        ),
        false,
    )
}

/// [`claim`] of a delivery whose message was queued under enqueue `queued_enqueues`: a message of an earlier
/// enqueue than the record's (cancelled and retried: the retry queued a message of its own) is a copy, dropped,
/// whatever the record says now. (The record's number may be lower than the message's for a moment: a
/// publication that failed lowers it until the task is queued again.)
pub fn claim_of_enqueue(
    task: &TaskRecord,
    queued_enqueues: u32,
    chat_id: &str,
    ack_subject: &str,
    delivered: u64,
    ack_wait_ms: u64,
    now_ms: u64,
) -> Claimed {
    if task.enqueues > queued_enqueues {
        return Claimed::Drop;
    }
    claim(task, chat_id, ack_subject, delivered, ack_wait_ms, now_ms)
}

/// Progress (0 to 100, checked by the caller) reported by the holder.
pub fn progress(
    task: &TaskRecord,
    chat_id: &str,
    progress: f32,
    note_opt: Option<String>,
    now_ms: u64,
) -> Result<TaskRecord, TaskRefusal> {
    held_by(task, chat_id)?;
    let mut task = task.clone();
    task.status = TaskStatus::InProgress;
    task.progress = progress;
    task.note = note_opt;
    task.updated_at_ms = now_ms;
    Ok(task)
}

/// Completes `task` with `result` by one of its workers (the holder, or one that held it before and finished
/// anyway); `None` when it finished already (the first completion stands).
pub fn complete(
    task: &TaskRecord,
    chat_id: &str,
    result: &str,
    now_ms: u64,
) -> Result<Option<TaskRecord>, TaskRefusal> {
    if task.status.is_finished() {
        return Ok(None);
    }
    if !task.workers.iter().any(|worker| worker == chat_id) {
        return Err(TaskRefusal::NeverClaimed {
            chat_id: chat_id.to_owned(),
            task_id: task.task_id.clone(),
        });
    }
    let mut task = task.clone();
    task.status = TaskStatus::Done;
    task.result = Some(result.to_owned());
    task.progress = 100.0;
    task.worker_chat_id = Some(chat_id.to_owned());
    task.enqueued = false;
    task.updated_at_ms = now_ms;
    task.finished_at_ms = Some(now_ms);
    // Done by a worker whose claim was taken back (its receipt lost): it was attempted all the same.
    task.attempts = task.attempts.max(1);
    Ok(Some(task))
}

/// What a failure reported by the holder does.
#[derive(Debug, Clone, PartialEq)]
pub enum Failed {
    /// Back on the queue (after a back-off): the record.
    Retry(Box<TaskRecord>),
    /// Finished for good: failed (not retryable) or dead (out of attempts), for this reason.
    End(TaskStatus, String),
}

/// A failure reported by the holder: retried while attempts remain and it is `retryable`.
pub fn fail(
    task: &TaskRecord,
    chat_id: &str,
    error: &str,
    retryable: bool,
    now_ms: u64,
) -> Result<Failed, TaskRefusal> {
    held_by(task, chat_id)?;
    if !retryable {
        return Ok(Failed::End(TaskStatus::Failed, error.to_owned()));
    }
    if task.attempts >= task.max_attempts {
        return Ok(Failed::End(
            TaskStatus::Dead,
            format!("out of attempts ({}); last error: {error}", task.attempts),
        ));
    }
    let mut task = task.clone();
    task.status = TaskStatus::Queued;
    task.error = Some(error.to_owned());
    task.worker_chat_id = None;
    task.progress = 0.0;
    task.updated_at_ms = now_ms;
    Ok(Failed::Retry(Box::new(task)))
}

/// The wait before a failed task is offered again: `backoff × 2^(attempts-1)` (the exponent capped at 16).
pub fn retry_delay(backoff: Duration, attempts: u32) -> Duration {
    backoff.saturating_mul(1 << attempts.saturating_sub(1).min(16))
}

/// Ends `task` for good (`status` failed, dead or cancelled) for `reason`; `None` when it finished already.
pub fn finish(
    task: &TaskRecord,
    status: TaskStatus,
    reason: &str,
    now_ms: u64,
) -> Option<TaskRecord> {
    if task.status.is_finished() {
        return None;
    }
    let mut task = task.clone();
    task.status = status;
    task.error = Some(reason.to_owned());
    task.enqueued = false;
    task.updated_at_ms = now_ms;
    task.finished_at_ms = Some(now_ms);
    Some(task)
}

/// Checks that `task` can be cancelled: it has not finished.
pub fn cancellable(task: &TaskRecord) -> Result<(), TaskRefusal> {
    if task.status.is_finished() {
        return Err(TaskRefusal::Finished {
            task_id: task.task_id.clone(),
            status: task.status,
        });
    }
    Ok(())
}

/// Puts a failed, dead or cancelled task back, waiting to be queued, with fresh attempts.
pub fn retry(task: &TaskRecord, chat_id: &str, now_ms: u64) -> Result<TaskRecord, TaskRefusal> {
    if !matches!(
        task.status,
        TaskStatus::Failed | TaskStatus::Dead | TaskStatus::Cancelled
    ) {
        return Err(TaskRefusal::NotRetryable {
            task_id: task.task_id.clone(),
            status: task.status,
        });
    }
    let mut task = task.clone();
    task.status = TaskStatus::Queued;
    task.attempts = 0;
    task.enqueued = false;
    task.worker_chat_id = None;
    // A fresh run: a worker of the one that ended completes this one only by claiming it.
    task.workers.clear();
    task.progress = 0.0;
    task.finished_at_ms = None;
    task.error = Some(format!("retried by {chat_id}"));
    task.updated_at_ms = now_ms;
    Ok(task)
}

/// Why a held task goes back to the queue before its worker finished it.
#[derive(Debug, Clone, PartialEq)]
pub enum HandBack<'a> {
    /// The worker's chat went away (the attempt counts).
    WentAway,
    /// The worker's node stopped (the attempt does not count).
    NodeStopped {
        /// The node.
        node_id: &'a str,
    },
}

/// Hands `task` back to the queue from `chat_id`; `None` when `chat_id` does not hold it.
pub fn hand_back(
    task: &TaskRecord,
    chat_id: &str,
    why: &HandBack<'_>,
    now_ms: u64,
) -> Option<TaskRecord> {
    if !task.status.is_held() || task.worker_chat_id.as_deref() != Some(chat_id) {
        return None;
    }
    let mut task = task.clone();
    task.status = TaskStatus::Queued;
    task.error = Some(match why {
        HandBack::WentAway => format!("worker {chat_id} went away"),
        HandBack::NodeStopped { node_id } => {
            task.attempts = task.attempts.saturating_sub(1);
            format!(
                "node {node_id} of worker {chat_id} stopped; handed back without spending an attempt"
            )
        }
    });
    task.worker_chat_id = None;
    task.progress = 0.0;
    task.updated_at_ms = now_ms;
    Some(task)
}

/// What a claim changed, to undo it when its requester never received it.
#[derive(Debug, Clone, PartialEq)]
pub struct Unclaim {
    /// The worker the claim was for.
    pub chat_id: String,
    /// The claim's attempt.
    pub attempts: u32,
    /// The claim's delivery.
    pub ack_subject_opt: Option<String>,
    /// The fields the claim changed, as they were before it.
    pub attempts_before: u32,
    /// The workers before the claim.
    pub workers_before: Vec<String>,
    /// The worker may have had the claim (its receipt did not come, but nothing said it was gone): it stays
    /// among the workers, so its completion still counts.
    pub worker_may_have_it: bool,
    /// The error before the claim.
    pub error_before: Option<String>,
    /// When it was claimed before.
    pub claimed_at_ms_before: Option<u64>,
}

/// Undoes a claim its requester never received: back to queued as before the claim, attempts included; `None`
/// when the task moved on meanwhile (progress reported, completed, cancelled, taken over). A worker that may
/// have had it stays among the task's `workers`: the node cannot tell a requester that gave up from one whose
/// receipt was lost (its server went down just after the reply reached it), and the latter's completion must
/// still count. One known not to have it (gone, or told its call failed) does not.
pub fn unclaim(task: &TaskRecord, undo: &Unclaim, now_ms: u64) -> Option<TaskRecord> {
    // Progress reported by the worker (it acts only with its own secret) shows it has the task, receipt or
    // not.
    let still_ours = task.status == TaskStatus::Claimed
        && task.worker_chat_id.as_deref() == Some(undo.chat_id.as_str())
        && task.attempts == undo.attempts
        && task.ack_subject == undo.ack_subject_opt;
    if !still_ours {
        return None;
    }
    let mut task = task.clone();
    task.status = TaskStatus::Queued;
    task.worker_chat_id = None;
    task.attempts = undo.attempts_before;
    task.error = undo.error_before.clone();
    task.claimed_at_ms = undo.claimed_at_ms_before;
    if !undo.worker_may_have_it {
        task.workers = undo.workers_before.clone();
    }
    task.progress = 0.0;
    task.updated_at_ms = now_ms;
    Some(task)
}

#[cfg(test)]
mod tests;
