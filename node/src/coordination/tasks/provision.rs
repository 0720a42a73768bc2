//! Making what the queue runs on: the queue stream and its consumer per priority, the dead-letter stream, and
//! the buckets of records and idempotency keys.
//!
//! The queue stream keeps what it is given for the retention period (limits retention) rather than deleting a
//! message when its delivery is acknowledged (work-queue retention): each consumer's acknowledgement floor is
//! what says a task was taken, and a deletion made the server load the message's block again on every
//! acknowledgement, about half of its work per task with `sync_interval` set (docs/performance.md). Each is created when it does not exist, and found as it is
//! when it does, but brought to the configured number of copies.

use std::sync::Arc;

use async_nats::{
    Client,
    jetstream::{
        self,
        consumer::{AckPolicy, pull},
        stream::{self, RetentionPolicy, StorageType},
    },
};
use shim_protocol::{messages::Priority, subject};
use tracing::info;

use super::{
    BUCKET, DEAD_STREAM, KEYS_BUCKET, STREAM, TaskQueue, TaskQueueConfig, puller::Puller,
    storage::Records,
};
use crate::coordination::{
    bucket::Bucket,
    kv::{BucketSpec, open_bucket},
    streams::ensure_stream,
    supervise::Supervision,
};

/// The durable consumer of `priority`'s queue.
pub(super) fn consumer_name(priority: Priority) -> String {
    format!("tasks-{}", priority.as_str())
}

impl TaskQueue {
    /// Opens the queue, creating its streams, consumers and buckets when they do not exist; its listener runs
    /// under [`Supervision::quiet`] (for a queue used outside a node).
    pub async fn open(client: Client, config: TaskQueueConfig) -> anyhow::Result<TaskQueue> {
        TaskQueue::open_supervised(client, config, &Supervision::quiet()).await
    }

    /// Opens the queue (see [`open`](Self::open)), its listener supervised by `supervision`.
    pub async fn open_supervised(
        client: Client,
        config: TaskQueueConfig,
        supervision: &Supervision,
    ) -> anyhow::Result<TaskQueue> {
        let js = crate::nats::jetstream(client.clone());
        let queue = ensure_stream(
            &js,
            stream::Config {
                name: STREAM.to_owned(),
                subjects: vec![subject::TASKS_QUEUE_ALL.to_owned()],
                retention: RetentionPolicy::Limits,
                max_age: config.retention,
                storage: StorageType::File,
                num_replicas: config.replicas.max(1),
                duplicate_window: shim_protocol::limits::DUPLICATE_WINDOW,
                ..stream::Config::default()
            },
        )
        .await?;
        let mut queue = queue;
        if queue.cached_info().config.subjects != [subject::TASKS_QUEUE_ALL] {
            // Made by SHIM before each task had its own subject: it takes those subjects as well now.
            js.update_stream(stream::Config {
                subjects: vec![subject::TASKS_QUEUE_ALL.to_owned()],
                ..queue.cached_info().config.clone()
            })
            .await
            .map_err(|error| anyhow::anyhow!("failed to update stream {STREAM}: {error}"))?;
            info!(
                stream = STREAM,
                "the task queue takes one subject per task now (a task cancelled while queued leaves it)"
            );
            queue = js
                .get_stream(STREAM)
                .await
                .map_err(|error| anyhow::anyhow!("failed to open stream {STREAM}: {error}"))?;
        }
        if queue.cached_info().config.retention == RetentionPolicy::WorkQueue {
            // JetStream cannot change a stream's retention from a work queue; the stream works as it is.
            info!(
                stream = STREAM,
                "the task queue is a work-queue stream made by an earlier SHIM: it works, but each \
                 acknowledgement costs the server more; with the queue empty and every node stopped, \
                 `nats stream rm {STREAM}` lets the next start make the faster one"
            );
        }
        for priority in Priority::ALL {
            let wanted = pull::Config {
                durable_name: Some(consumer_name(priority)),
                filter_subjects: subject::tasks_queue_filters(priority.as_str()),
                ack_policy: AckPolicy::Explicit,
                ack_wait: config.ack_wait,
                max_deliver: -1,
                max_ack_pending: 100_000,
                ..pull::Config::default()
            };
            let failed = |error: &dyn std::fmt::Display| {
                anyhow::anyhow!(
                    "failed to create consumer {}: {error}",
                    consumer_name(priority)
                )
            };
            let consumer: jetstream::consumer::Consumer<pull::Config> = queue
                .get_or_create_consumer(&consumer_name(priority), wanted.clone())
                .await
                .map_err(|error| failed(&error))?;
            if consumer.cached_info().config.filter_subjects != wanted.filter_subjects {
                // Made by SHIM before each task had its own subject (one filter subject): it reads both now.
                queue
                    .update_consumer(wanted)
                    .await
                    .map_err(|error| failed(&error))?;
            }
        }
        ensure_stream(
            &js,
            stream::Config {
                name: DEAD_STREAM.to_owned(),
                subjects: vec![subject::TASKS_DEAD.to_owned()],
                storage: StorageType::File,
                num_replicas: config.replicas.max(1),
                max_age: config.retention,
                ..stream::Config::default()
            },
        )
        .await?;
        let bucket = |name: &str| BucketSpec {
            name: name.to_owned(),
            history: 1,
            max_age: config.retention,
            replicas: config.replicas,
        };
        let records = open_bucket(&js, &bucket(BUCKET)).await?;
        let keys = open_bucket(&js, &bucket(KEYS_BUCKET)).await?;
        let puller = Puller::start(client.clone(), supervision).await?;
        Ok(TaskQueue {
            records: Records::new(Bucket::new(records, "task queue"), client.clone()),
            client,
            js,
            keys,
            config,
            puller,
            stopping: Arc::new(tokio::sync::watch::Sender::new(false)),
        })
    }
}
