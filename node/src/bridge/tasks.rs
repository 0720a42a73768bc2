//! The task operations of the bridge: decode, act on the queue, report every change as an event and in the
//! metrics, and keep the registry's view of who works on what.

use std::time::Duration;

use bytes::Bytes;
use shim_protocol::{
    NodeOp, WireError, WireResult, codec,
    messages::{
        ClaimTaskReply, ClaimTaskRequest, ClaimedTask, CollectResultsRequest, CompleteTaskReply,
        CompleteTaskRequest, DispatchTaskRequest, FailTaskRequest, TaskIdRequest, TaskList,
        TaskProgressRequest, TaskRecord, TaskStatusRequest,
    },
    subject::validate_id,
};

use super::{
    BridgeContext,
    delivery::{Exchange, Taken},
    encode_ok,
};
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

fn tasks(context: &BridgeContext) -> WireResult<&Tasks> {
    super::needs_jetstream(context.tasks_opt.as_ref(), "the task queue needs")
}

/// Publishes `tasks.<what>` for each change and counts it.
pub fn report(context: &BridgeContext, tasks: &Tasks, changes: &[TaskChange]) {
    for change in changes {
        tasks.metrics.record(change);
        let task = &change.task;
        // The index learns of the change from the bucket too; applying it now spares a reader the lag.
        tasks.index.apply(task);
        context.emitter.emit(
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
            }),
        );
    }
}

/// Tells the registry, in the background, what `chat_id` works on now.
pub(super) fn set_work(context: &BridgeContext, chat_id: &str, task_id: Option<&str>) {
    let Some(registry) = context.registry_opt.clone() else {
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

/// The capabilities a claim goes by: those it names (checked), else the chat's.
async fn claim_capabilities(
    context: &BridgeContext,
    chat_id: &str,
    named: Option<Vec<String>>,
) -> WireResult<Vec<String>> {
    match named {
        Some(capabilities) => {
            crate::coordination::registry::validate_capabilities(&capabilities)?;
            Ok(capabilities)
        }
        None => capabilities_of(context, chat_id).await,
    }
}

async fn capabilities_of(context: &BridgeContext, chat_id: &str) -> WireResult<Vec<String>> {
    let cached = context
        .capabilities
        .lock()
        .ok()
        .and_then(|known| known.get(chat_id).cloned());
    if let Some(capabilities) = cached {
        return Ok(capabilities);
    }
    let Some(registry) = context.registry_opt.as_ref() else {
        return Ok(Vec::new());
    };
    Ok(registry
        .get(chat_id)
        .await?
        .map(|entry| entry.capabilities)
        .unwrap_or_default())
}

fn ids(task_ids: &[String]) -> WireResult<()> {
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

fn newest(mut task_ids: Vec<String>) -> Vec<String> {
    if task_ids.len() > MAX_LISTED {
        task_ids.drain(..task_ids.len() - MAX_LISTED);
    }
    task_ids
}

/// Serves one task operation.
///
/// A task claimed for the requester (a claim, or the next task of a completion) goes into `exchange`: it is
/// only kept once the reply reaches the requester. A claim waits no longer than the requester listens.
pub async fn serve(
    context: &BridgeContext,
    op: NodeOp,
    payload: &[u8],
    exchange: &mut Exchange,
) -> WireResult<Bytes> {
    let tasks = tasks(context)?;
    let queue = &tasks.queue;
    let now = shim_actors::now_ms;
    match op {
        NodeOp::TaskDispatch => {
            let request: DispatchTaskRequest = codec::decode(payload)?;
            let (reply, changes) = queue.dispatch(request, now()).await?;
            report(context, tasks, &changes);
            encode_ok(&reply)
        }
        NodeOp::TaskClaim => {
            let request: ClaimTaskRequest = codec::decode(payload)?;
            validate_id("chat id", &request.chat_id)?;
            let capabilities =
                claim_capabilities(context, &request.chat_id, request.capabilities).await?;
            let wait = Duration::from_secs(request.wait_seconds.unwrap_or(0));
            if wait > crate::coordination::tasks::MAX_WAIT {
                return Err(WireError::bad_request("wait_seconds must be at most 60"));
            }
            let wait = exchange.cap(wait);
            let (claim_opt, changes) = queue
                .claim(&request.chat_id, &capabilities, wait, now)
                .await?;
            report(context, tasks, &changes);
            let task = claim_opt.map(|claim| {
                set_work(context, &request.chat_id, Some(&claim.task_id));
                let task = claimed(claim.task.clone());
                exchange.taken_opt = Some(Taken::Claims(vec![claim]));
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
            report(
                context,
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
                let capabilities =
                    claim_capabilities(context, &request.chat_id, request.capabilities).await?;
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
            report(context, tasks, &changes);
            let next = next.map(|claim| {
                let task = claimed(claim.task.clone());
                exchange.taken_opt = Some(Taken::Claims(vec![claim]));
                task
            });
            set_work(
                context,
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
            report(context, tasks, &changes);
            set_work(context, &request.chat_id, None);
            encode_ok(&task)
        }
        NodeOp::TaskCancel | NodeOp::TaskRetry => {
            let request: TaskIdRequest = codec::decode(payload)?;
            let (task, changes) = if op == NodeOp::TaskCancel {
                queue
                    .cancel(&request.chat_id, &request.task_id, now())
                    .await?
            } else {
                queue
                    .retry(&request.chat_id, &request.task_id, now())
                    .await?
            };
            report(context, tasks, &changes);
            encode_ok(&task)
        }
        NodeOp::TaskStatus => {
            let request: TaskStatusRequest = codec::decode(payload)?;
            ids(&request.task_ids)?;
            let task_ids = match (&request.chat_id, request.all) {
                _ if !request.task_ids.is_empty() => request.task_ids.clone(),
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
                });
            }
            encode_ok(&list(found))
        }
        NodeOp::TaskCollect => {
            let request: CollectResultsRequest = codec::decode(payload)?;
            validate_id("chat id", &request.chat_id)?;
            let task_ids = match request.task_ids {
                Some(task_ids) => {
                    ids(&task_ids)?;
                    task_ids
                }
                None => newest(tasks.index.dispatched_by(&request.chat_id)),
            };
            let found = queue.get_many(&task_ids).await?;
            let mut collected = list(found);
            collected.tasks.retain(|task| task.status.is_finished());
            encode_ok(&collected)
        }
        _ => Err(WireError::Internal {
            message: format!("{op} is not a task operation"),
        }),
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

fn list(mut tasks: Vec<TaskRecord>) -> TaskList {
    for task in &mut tasks {
        // How to reach the delivery is the queue's business, not the reader's.
        task.ack_subject = None;
    }
    let unfinished = tasks
        .iter()
        .filter(|task| !task.status.is_finished())
        .count() as u32;
    TaskList { tasks, unfinished }
}

/// Ends every waiting claim and read of this node now (they answer empty-handed), and every later one: the
/// node stops.
pub fn stop_waiting(context: &BridgeContext) {
    if let Some(messages) = context.messages_opt.as_ref() {
        messages.stop_waiting();
    }
    if let Some(tasks) = context.tasks_opt.as_ref() {
        tasks.queue.stop_waiting();
    }
}

/// Hands back, at once and without spending an attempt, the tasks of this node's chats (registered here, or
/// holding a task claimed here), and marks those chats away: the node stops. Waiting claims and reads end
/// first.
pub async fn hand_back_on_stop(context: &BridgeContext) {
    stop_waiting(context);
    let Some(tasks) = context.tasks_opt.as_ref() else {
        return;
    };
    let mut chats: std::collections::BTreeSet<String> = tasks
        .queue
        .held_here()
        .into_iter()
        .map(|(chat_id, _)| chat_id)
        .collect();
    if let Some(registry) = context.registry_opt.as_ref() {
        match registry.mark_node_away().await {
            Ok(transitions) => {
                for transition in transitions {
                    context.emitter.emit(
                        "chats",
                        &transition.entry.status,
                        Some(&transition.entry.chat_id),
                        serde_json::json!({"from": transition.from, "node_id": transition.entry.node_id, "last_heartbeat_ms": transition.entry.last_heartbeat_ms, "reason": "node stopping"}),
                    );
                    chats.insert(transition.entry.chat_id);
                }
            }
            Err(error) => tracing::warn!(%error, "failed to mark this node's chats away"),
        }
    }
    let held_here = tasks.queue.held_here();
    for chat_id in chats {
        let mut task_ids = tasks.index.held_by(&chat_id);
        for (holder, task_id) in &held_here {
            if *holder == chat_id && !task_ids.contains(task_id) {
                task_ids.push(task_id.clone());
            }
        }
        if task_ids.is_empty() {
            continue;
        }
        match tasks
            .queue
            .hand_back_on_stop(&chat_id, &task_ids, &context.node_id, shim_actors::now_ms())
            .await
        {
            Ok(changes) => report(context, tasks, &changes),
            Err(error) => {
                tracing::warn!(%error, %chat_id, "failed to hand back a chat's tasks at stop")
            }
        }
    }
}
