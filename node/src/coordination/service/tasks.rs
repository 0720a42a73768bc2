//! The task operations of coordination: act on the queue, report every change as an event and in the
//! metrics, and keep the registry's view of who works on what.

use std::time::Duration;

use bytes::Bytes;
use shim_protocol::{
    NodeOp, WireError, codec,
    messages::{
        ClaimTaskReply, ClaimTaskRequest, ClaimedTask, CollectResultsRequest, CompleteTaskReply,
        CompleteTaskRequest, DispatchTaskRequest, FailTaskRequest, TaskIdRequest, TaskList,
        TaskProgressRequest, TaskRecord, TaskStatusRequest,
    },
    subject::validate_id,
};

use super::{Coordination, CoordinationResult, Taken, encode_ok, needs_jetstream};
use crate::coordination::tasks::{TaskChange, TaskIndex, TaskQueue};

/// Most tasks one status or collect answer carries.
const MAX_LISTED: usize = 500;

/// The queue and this node's view of it.
#[derive(Debug, Clone)]
pub struct Tasks {
    /// The queue.
    pub queue: TaskQueue,
    /// Who holds and dispatched what.
    pub index: TaskIndex,
    /// Its instruments.
    pub metrics: crate::metrics::TaskMetrics,
}

impl Coordination {
    fn tasks(&self) -> CoordinationResult<&Tasks> {
        needs_jetstream(self.pieces.tasks_opt.as_ref(), "the task queue needs")
    }

    /// Publishes `tasks.<what>` for each change and counts it.
    pub(crate) fn report(&self, tasks: &Tasks, changes: &[TaskChange]) {
        for change in changes {
            tasks.metrics.record(change);
            let task = &change.task;
            // The index learns of the change from the bucket too; applying it now spares a reader the lag.
            tasks.index.apply(task);
            self.emitter.emit(
                "tasks",
                change.what,
                Some(&task.supervisor_chat_id),
                serde_json::json!({
                    "task_id": task.task_id,
                    "title": task.title,
                    "priority": task.priority.as_str(),
                    "status": task.status.as_str(),
                    "worker_chat_id": task.worker_chat_id,
                    "attempts": task.attempts,
                    "progress": task.progress,
                    "error": task.error,
                    // From dispatch to the latest claim, and from that claim to the end (null until known).
                    "wait_ms": task.claimed_at_ms.map(|at| at.saturating_sub(task.created_at_ms)),
                    "run_ms": task.claimed_at_ms.zip(task.finished_at_ms).map(|(claimed, finished)| finished.saturating_sub(claimed)),
                }),
            );
        }
    }

    /// Tells the registry, in the background, what `chat_id` works on now.
    pub(super) fn set_work(&self, chat_id: &str, task_id: Option<&str>) {
        let Some(registry) = self.pieces.registry_opt.clone() else {
            return;
        };
        let chat_id = chat_id.to_owned();
        let task_id = task_id.map(str::to_owned);
        tokio::spawn(async move {
            if let Err(error) = registry.set_work(&chat_id, task_id.as_deref()).await {
                tracing::debug!(%error, %chat_id, "failed to record a chat's work in the registry");
            }
        });
    }

    /// Refuses a cancel or retry of a task whose supervisor has a session (opened by `session.start`) unless
    /// it comes from that chat, with its secret (checked before this). A task dispatched by a script known by
    /// heartbeats alone may be changed by anyone, as before. The rule goes by the task, not by who the request
    /// says it is: a chat naming an id without a session would otherwise pass as a person.
    async fn may_change(
        &self,
        queue: &TaskQueue,
        op: NodeOp,
        request: &TaskIdRequest,
    ) -> CoordinationResult<()> {
        let Some(task) = queue.get(&request.task_id).await? else {
            // Left to the operation, which says the task is not there.
            return Ok(());
        };
        let supervisor = &task.supervisor_chat_id;
        if *supervisor == request.chat_id || !self.is_session_chat(supervisor).await? {
            return Ok(());
        }
        let action = if op == NodeOp::TaskCancel {
            "cancel"
        } else {
            "retry"
        };
        Err(WireError::Forbidden {
            message: format!(
                "chat {} cannot {action} task {}: chat {supervisor} dispatched it and only it changes it (its \
                 own tools, or `shim-node tasks {action} {}` on its machine)",
                request.chat_id, task.task_id, task.task_id
            ),
        }
        .into())
    }

    /// The capabilities a claim goes by: those it names (checked), else the chat's.
    async fn claim_capabilities(
        &self,
        chat_id: &str,
        named: Option<Vec<String>>,
    ) -> CoordinationResult<Vec<String>> {
        match named {
            Some(capabilities) => {
                crate::coordination::registry::validate_capabilities(&capabilities)?;
                Ok(capabilities)
            }
            None => self.capabilities_of(chat_id).await,
        }
    }

    async fn capabilities_of(&self, chat_id: &str) -> CoordinationResult<Vec<String>> {
        let cached = self
            .capabilities
            .lock()
            .ok()
            .and_then(|known| known.get(chat_id).cloned());
        if let Some(capabilities) = cached {
            return Ok(capabilities);
        }
        let Some(registry) = self.pieces.registry_opt.as_ref() else {
            return Ok(Vec::new());
        };
        Ok(registry
            .get(chat_id)
            .await?
            .map(|entry| entry.capabilities)
            .unwrap_or_default())
    }
}

fn ids(task_ids: &[String]) -> Result<(), WireError> {
    if task_ids.len() > MAX_LISTED {
        return Err(WireError::bad_request(format!(
            "at most {MAX_LISTED} task ids at once"
        )));
    }
    for task_id in task_ids {
        validate_id("task id", task_id)?;
    }
    Ok(())
}

/// The newest [`MAX_LISTED`] of `task_ids` (oldest first), and the older ones left out.
fn newest(mut task_ids: Vec<String>) -> (Vec<String>, Vec<String>) {
    let older = task_ids
        .drain(..task_ids.len().saturating_sub(MAX_LISTED))
        .collect();
    (task_ids, older)
}

impl Coordination {
    /// Serves one task operation.
    ///
    /// A task claimed for the requester (a claim, or the next task of a completion) goes into `taken_opt`: it is
    /// only kept once the reply reaches the requester. A claim waits no longer than `cap` allows.
    pub(super) async fn serve_task(
        &self,
        op: NodeOp,
        payload: &[u8],
        cap: impl Fn(Duration) -> Duration,
        taken_opt: &mut Option<Taken>,
    ) -> CoordinationResult<Bytes> {
        let tasks = self.tasks()?;
        let queue = &tasks.queue;
        let now = shim_actors::now_ms;
        match op {
            NodeOp::TaskDispatch => {
                let request: DispatchTaskRequest = codec::decode(payload)?;
                let (reply, changes) = queue.dispatch(request, now()).await?;
                self.report(tasks, &changes);
                encode_ok(&reply)
            }
            NodeOp::TaskClaim => {
                let request: ClaimTaskRequest = codec::decode(payload)?;
                validate_id("chat id", &request.chat_id)?;
                let capabilities = self
                    .claim_capabilities(&request.chat_id, request.capabilities)
                    .await?;
                let wait = cap(shim_protocol::limits::wait(request.wait_seconds)?);
                let (claim_opt, changes) = queue
                    .claim(&request.chat_id, &capabilities, wait, now)
                    .await?;
                self.report(tasks, &changes);
                let task = claim_opt.map(|claim| {
                    self.set_work(&request.chat_id, Some(&claim.task_id));
                    let task = claimed(claim.task.clone());
                    *taken_opt = Some(Taken::Claims(vec![claim]));
                    task
                });
                encode_ok(&ClaimTaskReply { task })
            }
            NodeOp::TaskProgress => {
                let request: TaskProgressRequest = codec::decode(payload)?;
                let task = queue
                    .progress(
                        &request.chat_id,
                        &request.task_id,
                        request.progress,
                        request.note,
                        now(),
                    )
                    .await?;
                self.report(
                    tasks,
                    &[TaskChange {
                        what: "progress",
                        task: task.clone(),
                    }],
                );
                encode_ok(&task)
            }
            NodeOp::TaskComplete => {
                let request: CompleteTaskRequest = codec::decode(payload)?;
                validate_id("chat id", &request.chat_id)?;
                let (task, recorded, next, changes) = if request.claim_next {
                    let capabilities = self
                        .claim_capabilities(&request.chat_id, request.capabilities)
                        .await?;
                    queue
                        .complete_and_claim(
                            &request.chat_id,
                            &request.task_id,
                            request.result,
                            &capabilities,
                            now(),
                        )
                        .await?
                } else {
                    let (task, recorded, changes) = queue
                        .complete(&request.chat_id, &request.task_id, request.result, now())
                        .await?;
                    (task, recorded, None, changes)
                };
                self.report(tasks, &changes);
                let next = next.map(|claim| {
                    let task = claimed(claim.task.clone());
                    *taken_opt = Some(Taken::Claims(vec![claim]));
                    task
                });
                self.set_work(
                    &request.chat_id,
                    next.as_ref().map(|task| task.task_id.as_str()),
                );
                encode_ok(&CompleteTaskReply {
                    task_id: task.task_id,
                    status: task.status,
                    recorded,
                    next,
                })
            }
            NodeOp::TaskFail => {
                let request: FailTaskRequest = codec::decode(payload)?;
                let (task, changes) = queue
                    .fail(
                        &request.chat_id,
                        &request.task_id,
                        request.error,
                        request.retryable.unwrap_or(true),
                        now(),
                    )
                    .await?;
                self.report(tasks, &changes);
                self.set_work(&request.chat_id, None);
                encode_ok(&task)
            }
            NodeOp::TaskCancel | NodeOp::TaskRetry => {
                let request: TaskIdRequest = codec::decode(payload)?;
                self.may_change(queue, op, &request).await?;
                let (task, changes) = if op == NodeOp::TaskCancel {
                    queue
                        .cancel(&request.chat_id, &request.task_id, now())
                        .await?
                } else {
                    queue
                        .retry(&request.chat_id, &request.task_id, now())
                        .await?
                };
                self.report(tasks, &changes);
                encode_ok(&task)
            }
            NodeOp::TaskStatus => {
                let request: TaskStatusRequest = codec::decode(payload)?;
                ids(&request.task_ids)?;
                let (task_ids, older) = match (&request.chat_id, request.all) {
                    _ if !request.task_ids.is_empty() => (request.task_ids.clone(), Vec::new()),
                    (Some(chat_id), false) => {
                        validate_id("chat id", chat_id)?;
                        newest(tasks.index.of_chat(chat_id))
                    }
                    _ => newest(tasks.index.all()),
                };
                let found = queue.get_many(&task_ids).await?;
                if found.is_empty() && request.task_ids.len() == 1 {
                    return Err(WireError::NotFound {
                        kind: "task".to_owned(),
                        id: request.task_ids[0].clone(),
                    }
                    .into());
                }
                // The older tasks are not read: counted from the node's view of the queue.
                let mut listed = list(found);
                let (_, older_unfinished) = tasks.index.finished_and_not(&older);
                listed.left_out += older.len() as u32;
                listed.unfinished += older_unfinished as u32;
                encode_ok(&listed)
            }
            NodeOp::TaskCollect => {
                let request: CollectResultsRequest = codec::decode(payload)?;
                validate_id("chat id", &request.chat_id)?;
                // An empty list asks about what no list asks about: a model fills an optional array with `[]`,
                // and "none unfinished" of nothing would tell a supervisor its work is done.
                let (task_ids, older) = match request.task_ids.filter(|ids| !ids.is_empty()) {
                    Some(task_ids) => {
                        ids(&task_ids)?;
                        (task_ids, Vec::new())
                    }
                    None => newest(tasks.index.dispatched_by(&request.chat_id)),
                };
                let (finished, open): (Vec<_>, Vec<_>) = queue
                    .get_many(&task_ids)
                    .await?
                    .into_iter()
                    .partition(|task| task.status.is_finished());
                let mut collected = list(finished);
                // The older tasks are not read: counted from the node's view of the queue.
                let (older_finished, older_unfinished) = tasks.index.finished_and_not(&older);
                collected.unfinished = (open.len() + older_unfinished) as u32;
                collected.left_out += older_finished as u32;
                encode_ok(&collected)
            }
            _ => Err(super::CoordinationError::NotCoordination { op }),
        }
    }
}

fn claimed(task: TaskRecord) -> ClaimedTask {
    ClaimedTask {
        task_id: task.task_id,
        title: task.title,
        instructions: task.instructions,
        priority: task.priority,
        attempt: task.attempts,
        supervisor_chat_id: task.supervisor_chat_id,
    }
}

/// How many bytes of task records one reply carries at most: NATS carries 1 MiB, and the rest of the reply needs
/// a little. Five tasks with 200 KB of instructions each once made every status and collect of their chat fail.
const LIST_BYTES: usize = shim_protocol::limits::MAX_PAYLOAD_BYTES - 64 * 1024;

/// The reply listing `tasks` (oldest first): the newest that fit in [`LIST_BYTES`], and how many were left out.
fn list(mut tasks: Vec<TaskRecord>) -> TaskList {
    for task in &mut tasks {
        // How to reach the delivery is the queue's business, not the reader's.
        task.ack_subject = None;
    }
    let unfinished = tasks
        .iter()
        .filter(|task| !task.status.is_finished())
        .count() as u32;
    let mut bytes = 0;
    let mut fit = 0;
    for task in tasks.iter().rev() {
        // A record that cannot be encoded is refused by the reply's own encoding below.
        bytes += codec::encode(task).map_or(0, |encoded| encoded.len());
        if bytes > LIST_BYTES && fit > 0 {
            break;
        }
        fit += 1;
    }
    let left_out = tasks.len() - fit;
    tasks.drain(..left_out);
    TaskList {
        tasks,
        unfinished,
        left_out: left_out as u32,
    }
}
