//! Putting tasks on the queue and settling their deliveries: an enqueue publishes the record to its priority's
//! subject (deduplicated per enqueue), a settlement acknowledges, extends, hands back or ends a delivery from
//! any node, and a task that died leaves a copy in the dead-letter stream.

use async_nats::{HeaderMap, jetstream};
use bytes::Bytes;
use serde::{Deserialize, Serialize};
use shim_protocol::{WireError, messages::TaskRecord, subject};
use tracing::warn;

use super::{TaskQueue, unavailable};

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
        // Not tried again here on "no responders": every node follows the queue's subjects, so the publish always
        // finds someone; a queue without a leader times out, and the caller sends again (docs/cluster.md).
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
        let published = crate::coordination::streams::patiently(|| async {
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
