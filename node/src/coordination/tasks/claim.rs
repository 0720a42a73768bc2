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
    storage::Unwritten,
    transitions::{self, Claimed},
};

/// How long a claim that handed back tasks it cannot do (capabilities) waits before looking again. Handing
/// them back announces them, which wakes this very claim, and they come first again: without a pause one
/// claim took and handed back the same task 7,210 times in two seconds.
const PASSED_OVER_PAUSE: Duration = Duration::from_millis(50);
/// How many pulls one look makes while it finds only tasks the worker cannot do (or tasks gone meanwhile). It
/// holds those it cannot do (a task handed back at once comes first again on the next pull, so the tasks
/// queued behind it in its priority were never reached: a worker without `gpu` waited out its whole claim
/// behind one `gpu` task) and hands them all back when it is done, first in the queue again. This bounds what
/// one look costs, whatever the queue holds.
const PULLS_PER_LOOK: usize = 8;
/// How long one look goes on pulling while it holds deliveries (a quarter of the ack wait if that is less): a
/// look of 8 pulls takes a few milliseconds; this only bounds a server slow to answer.
const HOLD_AT_MOST: Duration = Duration::from_secs(1);
/// How long the tasks a look held go aside when all its pulls found tasks and none for this worker, so that
/// its next look reaches the tasks behind them. A worker that can do them gets them after this long at the
/// latest (it is woken when they are back). How far an idle worker reaches is bounded too: after the second
/// they are first in the queue again, and set aside anew.
const SET_ASIDE_WHEN_DEEP: Duration = Duration::from_secs(1);

/// When a claim of a task's first delivery is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Writing {
    /// Before it is handed over: a claim by itself (a worker starting, or back after a pause).
    Now,
    /// With the worker's next change of the task, or 20 ms after the hand-over (storage.rs): the claim of a
    /// completion's `claim_next`, a worker loop running back to back.
    WithNextStep,
}

/// What one look at the queue found.
struct Looked {
    claim_opt: Option<Claim>,
    changes: Vec<TaskChange>,
    /// It handed back tasks the worker cannot do (capabilities), and took none.
    passed_over: bool,
}

/// What became of one delivery.
enum Taken {
    Claimed(Box<Claim>),
    /// A task the worker cannot do: its delivery (acknowledgement subject), to hand back once the look is done.
    PassedOver(String),
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
            // A claim by itself is written before it is handed over: a worker starting, or coming back.
            let mut looked = self
                .claim_once(chat_id, capabilities, now_ms(), look, Writing::Now)
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

    /// Looks once: pulls, and takes the best delivery this worker can do. Tasks it cannot do are held while
    /// it pulls again (up to [`PULLS_PER_LOOK`] pulls), so it reaches the tasks queued behind them, and handed
    /// back together at the end, first in the queue again for the next claim. A task of a lower priority than
    /// one it held may be taken before a task of the higher priority queued behind that one (as when it could
    /// not look past).
    async fn claim_once(
        &self,
        chat_id: &str,
        capabilities: &[String],
        now_ms: u64,
        look: Look,
        writing: Writing,
    ) -> Result<Looked, WireError> {
        let mut looked = Looked {
            claim_opt: None,
            changes: Vec::new(),
            passed_over: false,
        };
        if self.is_stopping() {
            return Ok(looked);
        }
        // Deliveries not taken, handed back when the look is done.
        let mut held = Vec::new();
        let mut first_error = None;
        let mut look = look;
        // Handed back at once, unless every pull found tasks and none of them for this worker.
        let mut hand_back_after = None;
        let started = tokio::time::Instant::now();
        for pulls in 1..=PULLS_PER_LOOK {
            let deliveries = match self.puller.pull(look).await {
                Ok(deliveries) => deliveries,
                Err(error) => {
                    first_error = first_error.or(Some(error));
                    break;
                }
            };
            if deliveries.is_empty() {
                break;
            }
            for delivery in deliveries {
                if looked.claim_opt.is_some() {
                    // Goes back with the rest, at once.
                    held.push(delivery.ack_subject);
                    continue;
                }
                match self
                    .take(
                        delivery,
                        chat_id,
                        capabilities,
                        now_ms,
                        writing,
                        &mut looked.changes,
                    )
                    .await
                {
                    Ok(Taken::Claimed(claim)) => looked.claim_opt = Some(*claim),
                    Ok(Taken::PassedOver(ack_subject)) => held.push(ack_subject),
                    Ok(Taken::Left) => {}
                    Err(error) => first_error = first_error.or(Some(error)),
                }
            }
            if looked.claim_opt.is_some() || first_error.is_some() || self.is_stopping() {
                break;
            }
            if pulls == PULLS_PER_LOOK {
                hand_back_after = Some(SET_ASIDE_WHEN_DEEP);
            }
            // What it holds goes back soon (well within the ack wait), however slow the pulls.
            if started.elapsed() >= (self.config.ack_wait / 4).min(HOLD_AT_MOST) {
                break;
            }
            look = Look::Now;
        }
        // In the order they came, so they keep their places in the queue.
        self.puller.hand_back_all(&held, hand_back_after).await;
        looked.passed_over = looked.claim_opt.is_none() && !held.is_empty();
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
        writing: Writing,
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
            return Ok(Taken::PassedOver(delivery.ack_subject));
        }
        let task_id = queued.task.task_id.clone();
        // A first delivery of a task queued as it was: handed over now, its claim written with the worker's
        // next change (storage.rs). Only on its task's own subject, where a cancel takes it off the queue;
        // not on a replicated queue: a consumer's new leader after a server of the
        // cluster failed may give a delivery again as a first one, and only a claim written before the
        // hand-over keeps that copy from a second worker.
        if writing == Writing::WithNextStep
            && delivery.delivered == 1
            && delivery.own_subject
            && !delivery.queued_again
            && self.config.replicas <= 1
            && let Claimed::Take(claimed) = transitions::claim(
                &queued.task,
                chat_id,
                &delivery.ack_subject,
                1,
                self.config.ack_wait.as_millis() as u64,
                now_ms,
            )
            && self.records.hand_over(Unwritten {
                queued: (queued.task.clone(), queued.revision),
                chat_id: chat_id.to_owned(),
                ack_subject: delivery.ack_subject.clone(),
                ack_wait: self.config.ack_wait,
                written_within: self.config.claim_written_within,
                claimed_at_ms: now_ms,
                since: tokio::time::Instant::now(),
                tries: 0,
            })
        {
            changes.push(TaskChange {
                what: "claimed",
                task: claimed.as_ref().clone(),
            });
            return Ok(Taken::Claimed(Box::new(Claim::new(*claimed, &queued.task))));
        }
        // The record as queued is tried first; a conflict, or a refusal on it, reads the record.
        let mut decision = Claimed::Drop;
        let mut before_opt = None;
        let queued_enqueues = queued.task.enqueues;
        let modified = self
            .records
            .modify_with(
                &task_id,
                Some((queued.task, queued.revision)),
                |task| {
                    decision = transitions::claim_of_enqueue(
                        task,
                        queued_enqueues,
                        chat_id,
                        &delivery.ack_subject,
                        delivery.delivered,
                        self.config.ack_wait.as_millis() as u64,
                        now_ms,
                    );
                    Ok(match &decision {
                        Claimed::Take(claimed) => {
                            before_opt = Some(task.clone());
                            Some(claimed.as_ref().clone())
                        }
                        Claimed::Drop | Claimed::Dead(_) | Claimed::Early(_) => None,
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
                // Back until its holder's ack wait is over (not ended: the holder's own delivery is this one).
                if let Claimed::Early(wait) = decision {
                    self.settle(ack, jetstream::AckKind::Nak(Some(wait))).await;
                    return Ok(Taken::Left);
                }
                if let Claimed::Dead(reason) = decision {
                    let finished = self
                        .finish_for_good(&task_id, TaskStatus::Dead, &reason, now_ms, |_| Ok(()))
                        .await;
                    match finished {
                        Ok((_, dead)) => changes.extend(dead),
                        Err(error) => {
                            // Not recorded dead: the next claim meets it again (not after the ack wait).
                            self.settle(ack, jetstream::AckKind::Nak(None)).await;
                            return Err(error);
                        }
                    }
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
            self.claim_once(
                chat_id,
                capabilities,
                now_ms,
                Look::Now,
                Writing::WithNextStep
            )
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
                .claim_once(
                    chat_id,
                    capabilities,
                    now_ms,
                    Look::Now,
                    Writing::WithNextStep,
                )
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
