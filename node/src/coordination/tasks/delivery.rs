//! Putting tasks on the queue and settling their deliveries: an enqueue publishes the record to its priority's
//! subject (deduplicated per enqueue), a settlement acknowledges, extends, hands back or ends a delivery from
//! any node, and a task that died leaves a copy in the dead-letter stream.

use async_nats::{HeaderMap, jetstream};
use bytes::Bytes;
use serde::{Deserialize, Serialize};
use shim_protocol::{WireError, messages::TaskRecord, subject};
use tracing::warn;

use super::{TaskQueue, unavailable};

/// The header of a task published again under an enqueue it may be queued under already (on the subject a
/// queue made before 2026-12-05 kept every task of a priority on): its claim is written before the hand-over.
pub(super) const QUEUED_AGAIN: &str = "Shim-Queued-Again";

/// The message on the queue: the record as it was put there, and its revision (a claim that finds the record
/// unchanged writes its claim without reading it first).
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Queued {
    pub(super) revision: u64,
    pub(super) task: TaskRecord,
}

impl TaskQueue {
    /// Publishes `task` (at `revision`) to its priority's queue; a second publish of the same enqueue within two
    /// minutes is dropped by the stream.
    pub(super) async fn enqueue(&self, task: &TaskRecord, revision: u64) -> Result<(), WireError> {
        self.publish(task, revision, false).await
    }

    /// [`enqueue`](Self::enqueue), the message marked [`QUEUED_AGAIN`] when `again`.
    async fn publish(
        &self,
        task: &TaskRecord,
        revision: u64,
        again: bool,
    ) -> Result<(), WireError> {
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
        if again {
            headers.insert(QUEUED_AGAIN, "1");
        }
        // Not tried again here on "no responders": every node follows the queue's subjects, so the publish always
        // finds someone; a queue without a leader times out, and the caller sends again (docs/cluster.md).
        self.js
            .publish_with_headers(
                subject::tasks_queue(task.priority.as_str(), &task.task_id),
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

    /// The stream sequence of the last message of `task` on the queue (its own subject), if any.
    pub(super) async fn last_queued(&self, task: &TaskRecord) -> Option<u64> {
        let stream = self.js.get_stream_no_info(super::STREAM).await.ok()?;
        let subject = subject::tasks_queue(task.priority.as_str(), &task.task_id);
        match stream.get_last_raw_message_by_subject(&subject).await {
            Ok(message) => Some(message.sequence),
            Err(error)
                if error.kind()
                    == async_nats::jetstream::stream::LastRawMessageErrorKind::NoMessageFound =>
            {
                None
            }
            Err(error) => {
                warn!(%error, task_id = %task.task_id, "failed to look a task up on the queue; if it is cancelled, a claim that meets it drops it");
                None
            }
        }
    }

    /// Takes a cancelled task's messages up to stream sequence `last` off the queue (whatever their state), so
    /// that no claim is handed it: claims hand a task's first delivery over before writing the claim
    /// (storage.rs). A message queued after `last` (the task retried meanwhile) stays. A failure leaves them,
    /// and a claim that meets one drops it when it writes its claim (its worker's next call is refused).
    pub(super) async fn take_off_queue(&self, task: &TaskRecord, last: u64) {
        let stream = match self.js.get_stream_no_info(super::STREAM).await {
            Ok(stream) => stream,
            Err(error) => {
                warn!(%error, "the queue stream's name was refused");
                return;
            }
        };
        let subject = subject::tasks_queue(task.priority.as_str(), &task.task_id);
        let purged = crate::coordination::streams::patiently(|| {
            stream
                .purge()
                .filter(subject.clone())
                .sequence(last + 1)
                .into_future()
        });
        if let Err(error) = purged.await {
            warn!(%error, task_id = %task.task_id, "failed to take a cancelled task off the queue; a claim that meets it drops it");
        }
    }

    /// [`enqueue`](Self::enqueue) for a task that may be on the queue already under this enqueue (its first
    /// publication landed, but its record was not told): published only when the task's own subject does not
    /// hold it, so the queue never holds two first deliveries of one enqueue, even after the stream's two
    /// minutes of deduplication (claims hand a first delivery over before writing the claim: storage.rs).
    pub(super) async fn enqueue_again(
        &self,
        task: &TaskRecord,
        revision: u64,
    ) -> Result<(), WireError> {
        let stream = self
            .js
            .get_stream_no_info(super::STREAM)
            .await
            .map_err(unavailable)?;
        let subject = subject::tasks_queue(task.priority.as_str(), &task.task_id);
        match stream.get_last_raw_message_by_subject(&subject).await {
            Ok(message) => {
                let id = format!("{}:{}", task.task_id, task.enqueues);
                let queued = message
                    .headers
                    .get("Nats-Msg-Id")
                    .is_some_and(|value| value.as_str() == id);
                if queued {
                    return Ok(());
                }
            }
            Err(error)
                if error.kind()
                    == async_nats::jetstream::stream::LastRawMessageErrorKind::NoMessageFound => {}
            Err(error) => return Err(unavailable(error)),
        }
        // A queue made before each task had its own subject may hold it on its priority's: a claim of this
        // message reads the record before it hands the task over.
        self.publish(task, revision, true).await
    }

    /// Sends an acknowledgement (`+ACK`, `-NAK`, `+WPI`, `+TERM`) for a delivery, from any node.
    pub(super) async fn settle(&self, ack_subject: Option<&str>, kind: jetstream::AckKind) {
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

    /// Keeps a copy of a task that died, with the reason, in the dead-letter stream.
    pub(super) async fn dead_letter(&self, task: &TaskRecord, reason: &str) {
        let letter = serde_json::json!({"reason": reason, "task": task});
        let mut headers = HeaderMap::new();
        headers.insert(
            "Nats-Msg-Id",
            format!("{}:dead:{}", task.task_id, task.enqueues).as_str(),
        );
        let letter = Bytes::from(letter.to_string());
        let published = crate::coordination::streams::patiently_publishing(|| async {
            self.js
                .publish_with_headers(subject::TASKS_DEAD, headers.clone(), letter.clone())
                .await?
                .await
        });
        if let Err(error) = published.await {
            warn!(%error, task_id = %task.task_id, "failed to write a dead letter");
        }
    }
}
