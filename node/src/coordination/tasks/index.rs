//! Each node's view of the task records: who dispatched and who holds which task, and in what state. It follows
//! the `shim_tasks` bucket (every record first, then every change), so it answers "which tasks does this chat
//! hold" and "which tasks did this supervisor dispatch" without a scan of the bucket. It may trail the bucket by
//! a moment; whatever acts on a task reads the record itself.

use std::{
    collections::HashMap,
    sync::{Arc, RwLock},
};

use async_nats::jetstream::kv::{Operation, Store};
use futures::StreamExt;
use serde::Deserialize;
use shim_protocol::messages::{Priority, TaskRecord, TaskStatus};
use tracing::debug;

use crate::coordination::supervise::{Ended, Supervision};

/// What the index keeps of a task, read straight from its record (the instructions and result, which may be
/// large, are skipped rather than copied).
#[derive(Debug, Clone, PartialEq, Deserialize)]
struct Indexed {
    status: TaskStatus,
    priority: Priority,
    #[serde(rename = "supervisor_chat_id")]
    supervisor: String,
    #[serde(rename = "worker_chat_id", default)]
    worker: Option<String>,
    #[serde(default)]
    enqueued: bool,
    updated_at_ms: u64,
}

/// The view. Cloning shares it.
#[derive(Debug, Clone, Default)]
pub struct TaskIndex {
    tasks: Arc<RwLock<HashMap<String, Indexed>>>,
}

impl TaskIndex {
    /// Follows `store` in a background task under `supervision` (started again, and reported, when the watch
    /// breaks).
    pub fn follow(store: Store, supervision: &Supervision) -> TaskIndex {
        let index = TaskIndex::default();
        let follower = index.clone();
        supervision.spawn("task index", move || {
            let follower = follower.clone();
            let store = store.clone();
            async move { Ended::Broke(follower.follow_once(&store).await) }
        });
        index
    }

    /// Takes in every record, then every change, until the watch breaks; returns why it broke.
    async fn follow_once(&self, store: &Store) -> String {
        let mut watch = match store.watch_with_history(">").await {
            Ok(watch) => watch,
            Err(error) => return format!("failed to watch the task bucket: {error}"),
        };
        while let Some(entry) = watch.next().await {
            match entry {
                Ok(entry) => {
                    if entry.operation == Operation::Put {
                        match serde_json::from_slice::<Indexed>(&entry.value) {
                            Ok(indexed) => self.insert(entry.key, indexed),
                            Err(error) => {
                                debug!(%error, key = %entry.key, "skipped an unreadable task record")
                            }
                        }
                    } else if let Ok(mut tasks) = self.tasks.write() {
                        tasks.remove(&entry.key);
                    }
                }
                Err(error) => return format!("the watch of the task bucket broke: {error}"),
            }
        }
        "the watch of the task bucket ended".to_owned()
    }

    /// Takes in a record.
    pub fn apply(&self, task: &TaskRecord) {
        let indexed = Indexed {
            status: task.status,
            priority: task.priority,
            supervisor: task.supervisor_chat_id.clone(),
            worker: task.worker_chat_id.clone(),
            enqueued: task.enqueued,
            updated_at_ms: task.updated_at_ms,
        };
        self.insert(task.task_id.clone(), indexed);
    }

    fn insert(&self, task_id: String, indexed: Indexed) {
        if let Ok(mut tasks) = self.tasks.write() {
            tasks.insert(task_id, indexed);
        }
    }

    fn select(&self, keep: impl Fn(&Indexed) -> bool) -> Vec<String> {
        let mut ids: Vec<String> = self
            .tasks
            .read()
            .map(|tasks| {
                tasks
                    .iter()
                    .filter(|(_, task)| keep(task))
                    .map(|(task_id, _)| task_id.clone())
                    .collect()
            })
            .unwrap_or_default();
        // Task ids begin with their creation time.
        ids.sort();
        ids
    }

    /// Tasks `chat_id` holds.
    pub fn held_by(&self, chat_id: &str) -> Vec<String> {
        self.select(|task| task.status.is_held() && task.worker.as_deref() == Some(chat_id))
    }

    /// Tasks `chat_id` dispatched.
    pub fn dispatched_by(&self, chat_id: &str) -> Vec<String> {
        self.select(|task| task.supervisor == chat_id)
    }

    /// Tasks `chat_id` dispatched or works on.
    pub fn of_chat(&self, chat_id: &str) -> Vec<String> {
        self.select(|task| task.supervisor == chat_id || task.worker.as_deref() == Some(chat_id))
    }

    /// Every task, oldest first.
    pub fn all(&self) -> Vec<String> {
        self.select(|_| true)
    }

    /// Tasks waiting for dependencies, unchanged since before `before_ms`.
    pub fn blocked_since(&self, before_ms: u64) -> Vec<String> {
        self.select(|task| {
            task.status == TaskStatus::Queued && !task.enqueued && task.updated_at_ms < before_ms
        })
    }

    /// Tasks waiting on the queue, per priority (highest first), and tasks waiting for dependencies.
    pub fn waiting(&self) -> ([u64; 4], u64) {
        let mut by_priority = [0; 4];
        let mut blocked = 0;
        if let Ok(tasks) = self.tasks.read() {
            for task in tasks
                .values()
                .filter(|task| task.status == TaskStatus::Queued)
            {
                if task.enqueued {
                    let slot = Priority::ALL
                        .iter()
                        .position(|priority| *priority == task.priority)
                        .unwrap_or(2);
                    by_priority[slot] += 1;
                } else {
                    blocked += 1;
                }
            }
        }
        (by_priority, blocked)
    }

    /// Forgets finished tasks last changed before `before_ms` (their records age out of the bucket too).
    pub fn prune(&self, before_ms: u64) {
        if let Ok(mut tasks) = self.tasks.write() {
            tasks.retain(|_, task| !task.status.is_finished() || task.updated_at_ms >= before_ms);
        }
    }
}
