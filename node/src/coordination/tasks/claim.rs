//! Claiming: asking the priority consumers for deliveries, taking the best one the worker can do (the rest go
//! straight back), and waiting for a task when none is there.

use std::time::Duration;

use async_nats::jetstream;
use shim_protocol::{
    WireError,
    messages::{TaskRecord, TaskStatus},
    subject::validate_id,
};
use tracing::warn;

use super::{
    Claim, MAX_WAIT, TaskChange, TaskQueue,
    checks::capable,
    delivery::Queued,
    puller::{Delivery, Look},
    transitions::{self, Claimed},
};

/// How long a claim that handed back a task it cannot do (capabilities) waits before looking again. Handing
/// it back announces it, which wakes this very claim, and the task comes first again: without a pause one
/// claim took and handed back the same task 7,210 times in two seconds.
const PASSED_OVER_PAUSE: Duration = Duration::from_millis(50);

/// What one look at the queue found.
struct Looked {
    claim_opt: Option<Claim>,
    changes: Vec<TaskChange>,
    /// It handed back a task the worker cannot do (capabilities).
    passed_over: bool,
}

/// What became of one delivery.
enum Taken {
    Claimed(Box<Claim>),
    /// A task the worker cannot do, handed back.
    PassedOver,
    /// Handed back or dropped for another reason (not for anyone now, unreadable, gone).
    Left,
}

impl TaskQueue {
    /// Claims the next task chat `chat_id` (with `capabilities`) can do, waiting up to `wait` for one.
    ///
    /// A waiting claim sleeps until a task is queued; each queued task wakes one waiting claim of this node
    /// (not all of them), so many idle workers cost nothing while the queue is empty.
    pub async fn claim(
        &self,
        chat_id: &str,
        capabilities: &[String],
        wait: Duration,
        now_ms: impl Fn() -> u64,
    ) -> Result<(Option<Claim>, Vec<TaskChange>), WireError> {
        validate_id("chat id", chat_id)?;
        let wait = wait.min(MAX_WAIT);
        let mut stopping = self.stopping.subscribe();
        let deadline = tokio::time::Instant::now() + wait;
        let mut changes = Vec::new();
        // Woken by a task being queued: the next look waits a moment for the stream to store it.
        let mut woken = false;
        loop {
            // Registered before looking, so a task queued in between still wakes this claim.
            let arrival = self.puller.arrivals().notified();
            tokio::pin!(arrival);
            arrival.as_mut().enable();
            let look = if woken { Look::Expecting } else { Look::Now };
            let mut looked = self
                .claim_once(chat_id, capabilities, now_ms(), look)
                .await?;
            changes.append(&mut looked.changes);
            if looked.claim_opt.is_some() {
                return Ok((looked.claim_opt, changes));
            }
            let now = tokio::time::Instant::now();
            if now >= deadline || self.is_stopping() {
                return Ok((None, changes));
            }
            if looked.passed_over {
                tokio::select! {
                    _ = tokio::time::sleep((deadline - now).min(PASSED_OVER_PAUSE)) => {}
                    _ = stopping.wait_for(|stop| *stop) => return Ok((None, changes)),
                }
                woken = false;
                continue;
            }
            // Retries after a back-off and lapsed deliveries publish nothing: look again at least every second.
            let nap = (deadline - now).min(Duration::from_secs(1));
            tokio::select! {
                arrived = tokio::time::timeout(nap, arrival) => woken = arrived.is_ok(),
                // The node stops: the claim ends empty-handed now, not after its wait.
                _ = stopping.wait_for(|stop| *stop) => return Ok((None, changes)),
            }
        }
    }

    /// Looks once: pulls, and takes the best delivery this worker can do.
    async fn claim_once(
        &self,
        chat_id: &str,
        capabilities: &[String],
        now_ms: u64,
        look: Look,
    ) -> Result<Looked, WireError> {
        let mut looked = Looked {
            claim_opt: None,
            changes: Vec::new(),
            passed_over: false,
        };
        if self.is_stopping() {
            return Ok(looked);
        }
        let deliveries = self.puller.pull(look).await?;
        let mut first_error = None;
        for delivery in deliveries {
            if looked.claim_opt.is_some() {
                self.puller.hand_back(&delivery.ack_subject, None).await;
                continue;
            }
            match self
                .take(delivery, chat_id, capabilities, now_ms, &mut looked.changes)
                .await
            {
                Ok(Taken::Claimed(claim)) => looked.claim_opt = Some(*claim),
                Ok(Taken::PassedOver) => looked.passed_over = true,
                Ok(Taken::Left) => {}
                Err(error) => first_error = first_error.or(Some(error)),
            }
        }
        match first_error {
            Some(error) if looked.claim_opt.is_none() => Err(error),
            _ => Ok(looked),
        }
    }

    /// Tries to claim the task of one delivery; hands the delivery back or drops it when it is not for us.
    async fn take(
        &self,
        delivery: Delivery,
        chat_id: &str,
        capabilities: &[String],
        now_ms: u64,
        changes: &mut Vec<TaskChange>,
    ) -> Result<Taken, WireError> {
        let ack = Some(delivery.ack_subject.as_str());
        let Ok(queued) = serde_json::from_slice::<Queued>(&delivery.payload) else {
            warn!(
                priority = delivery.priority.as_str(),
                "dropped an unreadable message from the task queue"
            );
            self.settle(ack, jetstream::AckKind::Term).await;
            return Ok(Taken::Left);
        };
        if !capable(&queued.task.capabilities, capabilities) {
            self.settle(ack, jetstream::AckKind::Nak(None)).await;
            return Ok(Taken::PassedOver);
        }
        let task_id = queued.task.task_id.clone();
        // The record as queued is tried first; a conflict, or a refusal on it, reads the record.
        let mut decision = Claimed::Drop;
        let mut before_opt = None;
        let modified = self
            .records
            .modify_with(
                &task_id,
                Some((queued.task, queued.revision)),
                |task| {
                    decision = transitions::claim(
                        task,
                        chat_id,
                        &delivery.ack_subject,
                        delivery.delivered,
                        now_ms,
                    );
                    Ok(match &decision {
                        Claimed::Take(claimed) => {
                            before_opt = Some(task.clone());
                            Some(claimed.as_ref().clone())
                        }
                        Claimed::Drop | Claimed::Dead(_) => None,
                    })
                },
                None,
            )
            .await;
        match modified {
            Ok((task, true)) => {
                let before = before_opt.unwrap_or_else(|| task.clone());
                changes.push(TaskChange {
                    what: "claimed",
                    task: task.clone(),
                });
                Ok(Taken::Claimed(Box::new(Claim::new(task, &before))))
            }
            Ok((_, false)) => {
                if let Claimed::Dead(reason) = decision {
                    let (_, dead) = self
                        .finish_for_good(&task_id, TaskStatus::Dead, &reason, now_ms, |_| Ok(()))
                        .await?;
                    changes.extend(dead);
                }
                self.settle(ack, jetstream::AckKind::Term).await;
                Ok(Taken::Left)
            }
            Err(WireError::NotFound { .. }) => {
                self.settle(ack, jetstream::AckKind::Term).await;
                Ok(Taken::Left)
            }
            Err(error) => {
                self.settle(ack, jetstream::AckKind::Nak(None)).await;
                Err(error)
            }
        }
    }

    /// Completes a task and claims the next one for the same worker (as a worker loop would do next anyway),
    /// in one call. The two overlap; when the claim found nothing and the completion released tasks (those
    /// that depended on it), it claims once more, so a worker is handed the task its own completion freed.
    pub async fn complete_and_claim(
        &self,
        chat_id: &str,
        task_id: &str,
        result: String,
        capabilities: &[String],
        now_ms: u64,
    ) -> Result<(TaskRecord, bool, Option<Claim>, Vec<TaskChange>), WireError> {
        // The completion and the claim overlap: one round trip per task for a worker loop, not two.
        let (completed, claimed) = tokio::join!(
            self.complete(chat_id, task_id, result, now_ms),
            self.claim_once(chat_id, capabilities, now_ms, Look::Now)
        );
        let (task, recorded, mut changes) = match completed {
            Ok(completed) => completed,
            Err(error) => {
                // Do not leave a task claimed for a worker that is told its call failed.
                if let Ok(Looked {
                    claim_opt: Some(claim),
                    ..
                }) = &claimed
                {
                    let _ = self.unclaim(claim, now_ms).await;
                }
                return Err(error);
            }
        };
        // The completion stands whatever the claim does: a claim that fails is reported as no next task (the
        // worker claims again, as its loop does when none is handed over).
        let mut next = match claimed {
            Ok(mut looked) => {
                changes.append(&mut looked.changes);
                looked.claim_opt
            }
            Err(error) => {
                warn!(%error, %chat_id, %task_id, "completed a task but failed to claim the next");
                None
            }
        };
        // The overlapping claim could not see the tasks this very completion released (its dependents): when
        // it found nothing and the completion released some, claim once more.
        if next.is_none() && changes.iter().any(|change| change.what == "released") {
            match self
                .claim_once(chat_id, capabilities, now_ms, Look::Now)
                .await
            {
                Ok(mut looked) => {
                    changes.append(&mut looked.changes);
                    next = looked.claim_opt;
                }
                Err(error) => {
                    warn!(%error, %chat_id, %task_id, "completed a task but failed to claim the next")
                }
            }
        }
        Ok((task, recorded, next, changes))
    }
}
