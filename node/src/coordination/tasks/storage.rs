//! The task records in the bucket `shim_tasks`: reads, and changes through the typed bucket's compare-and-set.
//! Records of tasks this node's workers hold are remembered as this node last wrote them, so a change to one
//! (progress, completion) is tried without reading it first; a conflict reads it again.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use async_nats::jetstream::kv::Store;
use shim_protocol::{WireError, messages::TaskRecord, subject::validate_id};

use crate::coordination::bucket::{BeforeWrite, Bucket, Current, Updated};

/// Most held records a node keeps in memory.
const MAX_REMEMBERED: usize = 10_000;

pub(super) fn not_found(task_id: &str) -> WireError {
    WireError::NotFound {
        kind: "task".to_owned(),
        id: task_id.to_owned(),
    }
}

/// The record a key holds, or why there is none to change.
fn present<'a>(
    task_id: &str,
    current: &'a Current<TaskRecord>,
) -> Result<&'a TaskRecord, WireError> {
    match current {
        Current::Present { value, .. } => Ok(value),
        Current::Unreadable { error, .. } => Err(WireError::Internal {
            message: format!("task {task_id} has an unreadable record: {error}"),
        }),
        Current::Absent | Current::Cleared { .. } => Err(not_found(task_id)),
    }
}

/// The records, and the memory of those held here.
#[derive(Debug, Clone)]
pub(super) struct Records {
    bucket: Bucket<TaskRecord>,
    /// Records of tasks held by this node's workers, as this node last wrote them.
    held: Arc<Mutex<HashMap<String, (TaskRecord, u64)>>>,
}

impl Records {
    pub(super) fn new(bucket: Bucket<TaskRecord>) -> Records {
        Records {
            bucket,
            held: Arc::default(),
        }
    }

    pub(super) fn store(&self) -> &Store {
        self.bucket.store()
    }

    /// Reads a task with its revision.
    pub(super) async fn get_with_revision(
        &self,
        task_id: &str,
    ) -> Result<Option<(TaskRecord, u64)>, WireError> {
        validate_id("task id", task_id)?;
        match self.bucket.read(task_id).await? {
            Current::Present { value, revision } => Ok(Some((value, revision))),
            Current::Absent | Current::Cleared { .. } => Ok(None),
            unreadable @ Current::Unreadable { .. } => present(task_id, &unreadable).map(|_| None),
        }
    }

    /// Creates a new task's record; returns its revision.
    pub(super) async fn create(&self, task: &TaskRecord) -> Result<u64, WireError> {
        self.bucket
            .create(&task.task_id, task)
            .await?
            .ok_or_else(|| WireError::Busy {
                message: format!("task id {} is taken; retry", task.task_id),
            })
    }

    /// Changes a task by compare-and-set: `change` gets the stored record and returns the new one, or `None`
    /// to leave it. Returns the record as it stands and whether this call changed it.
    pub(super) async fn modify(
        &self,
        task_id: &str,
        change: impl FnMut(&TaskRecord) -> Result<Option<TaskRecord>, WireError>,
    ) -> Result<(TaskRecord, bool), WireError> {
        // A record this node wrote last is tried without reading it first; a conflict rereads it.
        let guess_opt = self.remembered(task_id);
        self.modify_with(task_id, guess_opt, change, None).await
    }

    /// [`modify`](Self::modify), trying `guess_opt` (a record and revision seen last) before reading the
    /// record, and running `before_write_opt` before each write.
    pub(super) async fn modify_with(
        &self,
        task_id: &str,
        guess_opt: Option<(TaskRecord, u64)>,
        mut change: impl FnMut(&TaskRecord) -> Result<Option<TaskRecord>, WireError>,
        before_write_opt: Option<&BeforeWrite<'_, TaskRecord, WireError>>,
    ) -> Result<(TaskRecord, bool), WireError> {
        validate_id("task id", task_id)?;
        let updated = self
            .bucket
            .update_from(
                task_id,
                guess_opt,
                |current| change(present(task_id, current)?),
                before_write_opt,
            )
            .await?;
        match updated {
            Updated::Written { value, revision } => {
                self.remember(&value, revision);
                Ok((value, true))
            }
            Updated::Left(current) => Ok((present(task_id, &current)?.clone(), false)),
        }
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

    /// Tasks held by workers that claimed them through this node, by worker.
    pub(super) fn held_here(&self) -> Vec<(String, String)> {
        let Ok(held) = self.held.lock() else {
            return Vec::new();
        };
        held.values()
            .filter(|(task, _)| task.status.is_held())
            .filter_map(|(task, _)| Some((task.worker_chat_id.clone()?, task.task_id.clone())))
            .collect()
    }
}
