//! Taking back what a worker never got: a claim whose requester gave up or went away before the reply reached
//! it, and the tasks of a node's chats when the node stops cleanly. Either way the task goes straight back to
//! the queue (its delivery nak'd, so the next claim gets it) and no attempt is spent.

use async_nats::jetstream;
use shim_protocol::messages::TaskRecord;
use tracing::debug;

use super::{
    TaskChange, TaskQueue,
    transitions::{self, HandBack, Unclaim},
};

/// A task claimed for a worker, and what its record was before the claim (to undo it if the worker never
/// hears of it). Reads as the claimed record.
#[derive(Debug, Clone)]
pub struct Claim {
    /// The record as claimed.
    pub task: TaskRecord,
    /// How to undo it.
    undo: Unclaim,
}

impl Claim {
    /// A claim of `task` (as claimed), which was `before` the claim.
    pub(super) fn new(task: TaskRecord, before: &TaskRecord) -> Claim {
        let undo = Unclaim {
            chat_id: task.worker_chat_id.clone().unwrap_or_default(),
            attempts: task.attempts,
            ack_subject_opt: task.ack_subject.clone(),
            attempts_before: before.attempts,
            workers_before: before.workers.clone(),
            worker_may_have_it: false,
            error_before: before.error.clone(),
            claimed_at_ms_before: before.claimed_at_ms,
        };
        Claim { task, undo }
    }

    /// Its worker may have it after all (no receipt came, but nothing said it was gone): undone, it leaves the
    /// worker among the task's workers.
    pub fn unconfirmed(&mut self) {
        self.undo.worker_may_have_it = true;
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
        let (task, changed) = self
            .records
            .modify(&claim.task.task_id, |task| {
                Ok(transitions::unclaim(task, &claim.undo, now_ms))
            })
            .await?;
        if !changed {
            return Ok(None);
        }
        debug!(task_id = %task.task_id, chat_id = %claim.undo.chat_id, "took back a claim its requester never received");
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
        self.hand_back(
            chat_id,
            task_ids,
            &HandBack::NodeStopped { node_id },
            "returned",
            now_ms,
        )
        .await
    }

    /// Tasks held by workers that claimed them through this node, by worker.
    pub fn held_here(&self) -> Vec<(String, String)> {
        self.records.held_here()
    }

    /// Writes every claim this node handed over and has not written yet (see `storage`): a node that stops.
    pub async fn write_claims(&self) {
        self.records.write_claims().await;
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
