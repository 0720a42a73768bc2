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
    #[serde(default)]
    depends_on: Vec<String>,
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
            depends_on: task.depends_on.clone(),
        };
        self.insert(task.task_id.clone(), indexed);
    }

    fn insert(&self, task_id: String, indexed: Indexed) {
        if let Ok(mut tasks) = self.tasks.write() {
            tasks.insert(task_id, indexed);
        }
    }

    /// The ids of the tasks `keep` keeps (given each task and the whole view), oldest first.
    fn select(&self, keep: impl Fn(&Indexed, &HashMap<String, Indexed>) -> bool) -> Vec<String> {
        let mut ids: Vec<String> = self
            .tasks
            .read()
            .map(|tasks| {
                tasks
                    .iter()
                    .filter(|(_, task)| keep(task, &tasks))
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
        self.select(|task, _| task.status.is_held() && task.worker.as_deref() == Some(chat_id))
    }

    /// Tasks `chat_id` dispatched.
    pub fn dispatched_by(&self, chat_id: &str) -> Vec<String> {
        self.select(|task, _| task.supervisor == chat_id)
    }

    /// Tasks `chat_id` dispatched or works on.
    pub fn of_chat(&self, chat_id: &str) -> Vec<String> {
        self.select(|task, _| task.supervisor == chat_id || task.worker.as_deref() == Some(chat_id))
    }

    /// How many of `task_ids` this view has finished, and how many not (tasks it does not know are neither).
    pub fn finished_and_not(&self, task_ids: &[String]) -> (usize, usize) {
        let Ok(tasks) = self.tasks.read() else {
            return (0, 0);
        };
        task_ids
            .iter()
            .filter_map(|task_id| tasks.get(task_id))
            .fold((0, 0), |(finished, open), task| {
                if task.status.is_finished() {
                    (finished + 1, open)
                } else {
                    (finished, open + 1)
                }
            })
    }

    /// Every task, oldest first.
    pub fn all(&self) -> Vec<String> {
        self.select(|_, _| true)
    }

    /// Tasks waiting to be queued, unchanged since before `before_ms`, whose dependencies this view says
    /// are all finished (or gone): those a release would queue or fail, not those still waiting on an open
    /// dependency, which cost a read of every dependency each time they were looked at. Oldest first.
    pub fn releasable_since(&self, before_ms: u64) -> Vec<String> {
        self.select(|task, tasks| {
            task.status == TaskStatus::Queued
                && !task.enqueued
                && task.updated_at_ms < before_ms
                && task.depends_on.iter().all(|dependency| {
                    tasks
                        .get(dependency)
                        .is_none_or(|dependency| dependency.status.is_finished())
                })
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

#[cfg(test)]
mod tests {
    use shim_protocol::messages::{DispatchTaskRequest, TaskRecord, TaskStatus};

    use super::TaskIndex;
    use crate::coordination::tasks::transitions;

    fn task(task_id: &str, status: TaskStatus, enqueued: bool, depends_on: &[&str]) -> TaskRecord {
        let request = DispatchTaskRequest {
            chat_id: "lead".to_owned(),
            title: task_id.to_owned(),
            depends_on: depends_on.iter().map(|id| (*id).to_owned()).collect(),
            ..DispatchTaskRequest::default()
        };
        let mut task = transitions::dispatched(request, task_id.to_owned(), 3, 10);
        task.status = status;
        task.enqueued = enqueued;
        task
    }

    #[test]
    fn only_waiting_tasks_whose_dependencies_finished_are_looked_at_again() {
        let index = TaskIndex::default();
        index.apply(&task("a-open", TaskStatus::InProgress, false, &[]));
        index.apply(&task("b-done", TaskStatus::Done, false, &[]));
        // Waits on a task still being worked on: nothing to do yet, however many sweeps pass.
        index.apply(&task("c-waits", TaskStatus::Queued, false, &["a-open"]));
        // Its dependency is done (the node that completed it died before queueing this one).
        index.apply(&task("d-stuck", TaskStatus::Queued, false, &["b-done"]));
        // Its dependency is gone from the bucket: the release fails it.
        index.apply(&task("e-orphan", TaskStatus::Queued, false, &["z-gone"]));
        // No dependencies, its queueing failed.
        index.apply(&task("f-unqueued", TaskStatus::Queued, false, &[]));
        // On the queue already.
        index.apply(&task("g-queued", TaskStatus::Queued, true, &[]));
        assert_eq!(
            index.releasable_since(11),
            ["d-stuck", "e-orphan", "f-unqueued"]
        );
        // Changed too lately.
        assert!(index.releasable_since(10).is_empty());
    }
}
