//! Taking back what a worker never got: a claim whose requester gave up or went away before the reply reached
//! it, and the tasks of a node's chats when the node stops cleanly. Either way the task goes straight back to
//! the queue (its delivery nak'd, so the next claim gets it) and no attempt is spent.

use async_nats::jetstream;
use shim_protocol::messages::{TaskRecord, TaskStatus};
use tracing::debug;

use super::{TaskChange, TaskQueue};

/// A task claimed for a worker, and what its record was before the claim (to undo it if the worker never
/// hears of it). Reads as the claimed record.
#[derive(Debug, Clone)]
pub struct Claim {
    /// The record as claimed.
    pub task: TaskRecord,
    /// The fields the claim changed, as they were.
    before: Before,
}

#[derive(Debug, Clone)]
struct Before {
    attempts: u32,
    workers: Vec<String>,
    error: Option<String>,
    claimed_at_ms: Option<u64>,
}

impl Claim {
    /// A claim of `task` (as claimed), which was `before` the claim.
    pub(super) fn new(task: TaskRecord, before: &TaskRecord) -> Claim {
        Claim {
            task,
            before: Before {
                attempts: before.attempts,
                workers: before.workers.clone(),
                error: before.error.clone(),
                claimed_at_ms: before.claimed_at_ms,
            },
        }
    }

    /// The claimed record.
    pub fn into_task(self) -> TaskRecord {
        self.task
    }
}

impl std::ops::Deref for Claim {
    type Target = TaskRecord;

    fn deref(&self) -> &TaskRecord {
        &self.task
    }
}

impl TaskQueue {
    /// Undoes `claim` (its requester never received it): the record goes back to queued as it was before the
    /// claim, attempts included, and the delivery is handed back for the next claim. A claim that moved on
    /// meanwhile (completed, cancelled, taken over) is left alone. Returns the change made, if any.
    pub async fn unclaim(
        &self,
        claim: &Claim,
        now_ms: u64,
    ) -> Result<Option<TaskChange>, shim_protocol::WireError> {
        let chat_id = claim.task.worker_chat_id.clone().unwrap_or_default();
        let (task, changed) = self
            .modify(&claim.task.task_id, |task| {
                let still_ours = task.status.is_held()
                    && task.worker_chat_id.as_deref() == Some(chat_id.as_str())
                    && task.attempts == claim.task.attempts
                    && task.ack_subject == claim.task.ack_subject;
                if !still_ours {
                    return Ok(false);
                }
                task.status = TaskStatus::Queued;
                task.worker_chat_id = None;
                task.attempts = claim.before.attempts;
                task.workers = claim.before.workers.clone();
                task.error = claim.before.error.clone();
                task.claimed_at_ms = claim.before.claimed_at_ms;
                task.progress = 0.0;
                task.updated_at_ms = now_ms;
                Ok(true)
            })
            .await?;
        if !changed {
            return Ok(None);
        }
        debug!(task_id = %task.task_id, %chat_id, "took back a claim its requester never received");
        self.settle(task.ack_subject.as_deref(), jetstream::AckKind::Nak(None))
            .await;
        Ok(Some(TaskChange {
            what: "returned",
            task,
        }))
    }

    /// Hands the tasks `chat_id` holds back to the queue because this node stops: the worker's attempt is not
    /// counted (the worker did not fail; its node went away under it).
    pub async fn hand_back_on_stop(
        &self,
        chat_id: &str,
        task_ids: &[String],
        node_id: &str,
        now_ms: u64,
    ) -> Result<Vec<TaskChange>, shim_protocol::WireError> {
        let mut changes = Vec::new();
        for task_id in task_ids {
            let (task, changed) = self
                .modify(task_id, |task| {
                    if !task.status.is_held() || task.worker_chat_id.as_deref() != Some(chat_id) {
                        return Ok(false);
                    }
                    task.status = TaskStatus::Queued;
                    task.attempts = task.attempts.saturating_sub(1);
                    task.error = Some(format!(
                        "node {node_id} of worker {chat_id} stopped; handed back without spending an attempt"
                    ));
                    task.worker_chat_id = None;
                    task.progress = 0.0;
                    task.updated_at_ms = now_ms;
                    Ok(true)
                })
                .await?;
            if changed {
                self.settle(task.ack_subject.as_deref(), jetstream::AckKind::Nak(None))
                    .await;
                changes.push(TaskChange {
                    what: "returned",
                    task,
                });
            }
        }
        Ok(changes)
    }

    /// Tasks held by workers that claimed them through this node, by worker.
    pub fn held_here(&self) -> Vec<(String, String)> {
        let Ok(held) = self.held.lock() else {
            return Vec::new();
        };
        held.values()
            .filter(|(task, _)| task.status.is_held())
            .filter_map(|(task, _)| Some((task.worker_chat_id.clone()?, task.task_id.clone())))
            .collect()
    }

    /// Ends every waiting claim of this node now (with no task) and every claim after, for a node that stops.
    pub fn stop_waiting(&self) {
        self.stopping.send_replace(true);
    }

    /// True once [`stop_waiting`](Self::stop_waiting) was called.
    pub(super) fn is_stopping(&self) -> bool {
        *self.stopping.borrow()
    }
}
