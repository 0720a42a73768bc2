//! Coordination's upkeep: the registry sweep (silent chats away, then gone, and their tasks back to the
//! queue), tasks left waiting by a node that died, and the hand-back of a stopping node's tasks.

use std::time::Duration;

use serde_json::json;
use tokio::sync::watch;
use tracing::{debug, info, warn};

use super::{Coordination, Tasks};

/// Marks silent chats away, then gone, and publishes each change this node made; every third of `away_after`
/// (5 s at most) until `shutdown` turns true. Each sweep also queues tasks stuck behind dependencies that are
/// done, and forgets finished tasks past their retention.
pub async fn sweep(
    coordination: std::sync::Arc<Coordination>,
    away_after: Duration,
    gone_after: Duration,
    mut shutdown: watch::Receiver<bool>,
) {
    let Some(registry) = coordination.pieces.registry_opt.clone() else {
        return;
    };
    let every = (away_after / 3).clamp(Duration::from_millis(200), Duration::from_secs(5));
    let mut ticks = tokio::time::interval(every);
    // Failed sweeps in a row: while NATS is away each one fails, and a long outage should not fill the log.
    let mut failures: u64 = 0;
    // The last stuck task looked at: the next sweep goes on from there.
    let mut stuck_cursor = None;
    loop {
        tokio::select! {
            _ = ticks.tick() => {}
            _ = shutdown.wait_for(|stop| *stop) => return,
        }
        match registry
            .sweep(shim_actors::now_ms(), away_after, gone_after)
            .await
        {
            Ok(transitions) => {
                if failures > 0 {
                    info!(failures, "registry sweep works again");
                    failures = 0;
                }
                for transition in transitions {
                    coordination.emitter.emit(
                        "chats",
                        transition.entry.status.as_str(),
                        Some(&transition.entry.chat_id),
                        json!({"from": transition.from, "node_id": transition.entry.node_id, "last_heartbeat_ms": transition.entry.last_heartbeat_ms}),
                    );
                    let handed_back = coordination
                        .requeue_tasks_of(&transition.entry.chat_id)
                        .await;
                    // A chat fell silent: this node's recovery decides whether it was interrupted (and then
                    // tells the supervisors of the tasks just handed back), or, for another node's chat,
                    // tells that node, which holds the chat's checkpoints.
                    if transition.from.is_present() {
                        let _ = coordination.tell_recovery(Silent {
                            chat_id: transition.entry.chat_id.clone(),
                            node_id: transition.entry.node_id.clone(),
                            handed_back,
                            silent_for: away_after,
                            found_by: coordination.node_id.clone(),
                        });
                    }
                }
            }
            Err(error) => {
                failures += 1;
                if crate::nats::worth_telling(failures) {
                    warn!(%error, failures, "registry sweep failed");
                } else {
                    debug!(%error, failures, "registry sweep failed");
                }
            }
        }
        // After the chats: finding a silent one does not wait for the tasks.
        if let Some(tasks) = coordination.pieces.tasks_opt.as_ref() {
            let now = shim_actors::now_ms();
            let retention = tasks.queue.config().retention.as_millis() as u64;
            tasks.index.prune(now.saturating_sub(retention));
            let stuck_after = away_after.as_millis() as u64;
            coordination
                .release_stuck_tasks(tasks, now.saturating_sub(stuck_after), &mut stuck_cursor)
                .await;
        }
    }
}

/// Most stuck tasks one sweep queues; the rest wait for the next sweep.
const STUCK_PER_SWEEP: usize = 256;

/// The next [`STUCK_PER_SWEEP`] of `ids` (sorted) after `cursor`, wrapping round to the first; moves `cursor`
/// to the last one taken.
fn take_turns(ids: Vec<String>, cursor: &mut Option<String>) -> Vec<String> {
    let start = cursor
        .as_ref()
        .map_or(0, |last| ids.partition_point(|id| id <= last));
    let turn: Vec<String> = ids[start..]
        .iter()
        .chain(&ids[..start])
        .take(STUCK_PER_SWEEP)
        .cloned()
        .collect();
    *cursor = turn.last().cloned();
    turn
}

/// A chat the sweep found silent (or another node found silent and told this one of), and the tasks handed
/// back for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Silent {
    /// The chat.
    pub chat_id: String,
    /// The node it talks to, which holds its checkpoints.
    pub node_id: String,
    /// The tasks it held, handed back to the queue by the sweep.
    pub handed_back: Vec<shim_protocol::messages::TaskRecord>,
    /// How long it had been silent when found (the finder's away time).
    pub silent_for: Duration,
    /// The node whose sweep found it.
    pub found_by: String,
}

impl Coordination {
    /// Queues tasks waiting since before `before_ms` whose dependencies are all done: the node that completed
    /// the last dependency died before it could queue them. Each release is a compare-and-set, so several nodes
    /// doing this queue a task once. Only tasks whose dependencies the index says are finished are read, at
    /// most [`STUCK_PER_SWEEP`] of them, each sweep going on after the last one it looked at (a task that
    /// cannot be released does not keep the others waiting).
    async fn release_stuck_tasks(
        &self,
        tasks: &Tasks,
        before_ms: u64,
        cursor: &mut Option<String>,
    ) {
        for task_id in take_turns(tasks.index.releasable_since(before_ms), cursor) {
            match tasks.queue.release(&task_id, shim_actors::now_ms()).await {
                Ok(changes) => self.report(tasks, &changes),
                Err(error) => {
                    warn!(%error, %task_id, "failed to check a waiting task's dependencies")
                }
            }
        }
    }

    /// Hands the tasks of a chat that went away back to the queue at once; returns them as handed back.
    pub(crate) async fn requeue_tasks_of(
        &self,
        chat_id: &str,
    ) -> Vec<shim_protocol::messages::TaskRecord> {
        let Some(tasks) = self.pieces.tasks_opt.as_ref() else {
            return Vec::new();
        };
        let held = tasks.index.held_by(chat_id);
        if held.is_empty() {
            return Vec::new();
        }
        match tasks
            .queue
            .requeue_held(chat_id, &held, shim_actors::now_ms())
            .await
        {
            Ok(changes) => {
                self.report(tasks, &changes);
                changes.into_iter().map(|change| change.task).collect()
            }
            Err(error) => {
                warn!(%error, %chat_id, "failed to requeue the tasks of a chat that went away");
                Vec::new()
            }
        }
    }

    /// Sends the chats that the sweep finds silent (this node's and others'), with the tasks it handed back
    /// for them, to `sender` (the node's recovery), from now on.
    pub fn report_silent_to(&self, sender: tokio::sync::mpsc::UnboundedSender<Silent>) {
        if let Ok(mut slot) = self.silent_tx.lock() {
            *slot = Some(sender);
        }
    }

    /// Hands a chat found silent to the node's recovery.
    /// Returns whether the node's recovery got it (false when it is not running).
    pub(crate) fn tell_recovery(&self, silent: Silent) -> bool {
        self.silent_tx
            .lock()
            .ok()
            .and_then(|slot| slot.as_ref().map(|sender| sender.send(silent).is_ok()))
            .unwrap_or(false)
    }

    /// Ends every waiting claim and read of this node now (they answer empty-handed), and every later one: the
    /// node stops.
    pub fn stop_waiting(&self) {
        if let Some(messages) = self.pieces.messages_opt.as_ref() {
            messages.stop_waiting();
        }
        if let Some(tasks) = self.pieces.tasks_opt.as_ref() {
            tasks.queue.stop_waiting();
        }
    }

    /// Hands back, at once and without spending an attempt, the tasks of this node's chats (registered here, or
    /// holding a task claimed here and registered on no other node: claims are served by any node, and a chat
    /// of another node keeps working when this one stops), and marks those chats away: the node stops. Waiting
    /// claims and reads end first.
    pub async fn hand_back_on_stop(&self) {
        self.stop_waiting();
        let Some(tasks) = self.pieces.tasks_opt.as_ref() else {
            return;
        };
        // Claims handed over and not written yet are written now: those of chats of other nodes stay with them.
        tasks.queue.write_claims().await;
        let mut chats = std::collections::BTreeSet::new();
        for (chat_id, _) in tasks.queue.held_here() {
            if chats.contains(&chat_id) || self.lives_elsewhere(&chat_id).await {
                continue;
            }
            chats.insert(chat_id);
        }
        if let Some(registry) = self.pieces.registry_opt.as_ref() {
            match registry.mark_node_away().await {
                Ok(transitions) => {
                    for transition in transitions {
                        self.emitter.emit(
                        "chats",
                        transition.entry.status.as_str(),
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
            // Only tasks of chats this node hands back (above), claimed here or anywhere.
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
                .hand_back_on_stop(&chat_id, &task_ids, &self.node_id, shim_actors::now_ms())
                .await
            {
                Ok(changes) => self.report(tasks, &changes),
                Err(error) => {
                    tracing::warn!(%error, %chat_id, "failed to hand back a chat's tasks at stop")
                }
            }
        }
    }

    /// True when the registry places `chat_id` on another node (its heartbeats go there).
    async fn lives_elsewhere(&self, chat_id: &str) -> bool {
        let Some(registry) = self.pieces.registry_opt.as_ref() else {
            return false;
        };
        matches!(registry.get(chat_id).await, Ok(Some(entry)) if entry.node_id != self.node_id)
    }
}

#[cfg(test)]
mod tests {
    use super::{STUCK_PER_SWEEP, take_turns};

    #[test]
    fn each_sweep_goes_on_where_the_last_one_stopped() {
        let ids: Vec<String> = (0..STUCK_PER_SWEEP + 10)
            .map(|index| format!("task-{index:04}"))
            .collect();
        let mut cursor = None;
        let first = take_turns(ids.clone(), &mut cursor);
        assert_eq!(first.len(), STUCK_PER_SWEEP);
        assert_eq!(first[0], "task-0000");
        // The next sweep takes the ten left, then starts over.
        let second = take_turns(ids.clone(), &mut cursor);
        assert_eq!(second[0], format!("task-{STUCK_PER_SWEEP:04}"));
        assert_eq!(second[10], "task-0000");
        // Fewer than a turn: all of them, every time.
        let mut cursor = None;
        let few = vec!["a".to_owned(), "b".to_owned()];
        assert_eq!(take_turns(few.clone(), &mut cursor), few);
        assert_eq!(take_turns(few.clone(), &mut cursor), few);
        assert!(take_turns(Vec::new(), &mut cursor).is_empty());
    }
}
