//! The task records in the bucket `shim_tasks`: reads, and changes through the typed bucket's compare-and-set.
//! Records of tasks this node's workers hold are remembered as this node last wrote them, so a change to one
//! (progress, completion) is tried without reading it first; a conflict reads it again.
//!
//! A claim that comes with a completion (`claim_next`, a worker loop) of a task's first delivery is handed to
//! its worker before it is written: it is written together with the next change of the task made through this
//! node (a worker that completes at once writes claim and completion in one compare-and-set, one round trip
//! where there were two), and by itself after [`CLAIM_WRITTEN_WITHIN`] otherwise. Every read and change of the task through this node writes it first, so
//! this node never shows the task as not claimed.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::Duration,
};

use async_nats::{Client, jetstream::kv::Store};
use bytes::Bytes;
use shim_protocol::{
    WireError,
    messages::{TaskRecord, TaskStatus},
    subject::validate_id,
};
use tokio::time::Instant;
use tracing::warn;

use super::transitions::{self, Claimed};
use crate::coordination::bucket::{BeforeWrite, Bucket, Current, Updated};

/// Most held records a node keeps in memory.
const MAX_REMEMBERED: usize = 10_000;
/// How long a claim handed to its worker waits for the worker's next change of the task to be written with it.
/// A worker that takes longer (any worker a person or a model runs) has its claim written by itself after this
/// long; until then other nodes see the task queued.
pub(super) const CLAIM_WRITTEN_WITHIN: Duration = Duration::from_millis(20);
/// Longest pause between tries to write a claim whose write failed (the pause doubles from
/// [`CLAIM_WRITTEN_WITHIN`]).
const UNWRITTEN_RETRY_AT_MOST: Duration = Duration::from_secs(1);
/// How long a change refused on a task the record says is queued is asked again (on the record read anew, the
/// pause doubling from 10 ms to half a second) before the refusal stands: a claim another node handed over
/// just before is written within [`CLAIM_WRITTEN_WITHIN`] and its write, or, while NATS is failing over, as
/// soon as writes go through again. A change refused for good (a chat that never held the task) is answered
/// after this long, well within the 5 s a node's client waits by default.
const UNWRITTEN_ELSEWHERE: Duration = Duration::from_secs(2);
/// Most claims waiting to be written at once; a claim beyond them is written before it is handed over.
const MAX_UNWRITTEN: usize = 10_000;

/// Where a claim not written yet waits; locked while it is being written, empty once written.
type Slot = Arc<tokio::sync::Mutex<Option<Unwritten>>>;

/// A claim handed to a worker and not written yet.
#[derive(Debug, Clone)]
pub(super) struct Unwritten {
    /// The record as it was queued and its revision: the claim is tried on it first.
    pub(super) queued: (TaskRecord, u64),
    /// The worker.
    pub(super) chat_id: String,
    /// The delivery it holds (a first delivery).
    pub(super) ack_subject: String,
    /// The queue's ack wait: past it the delivery has lapsed, and the claim is not written any more.
    pub(super) ack_wait: Duration,
    /// When it was claimed.
    pub(super) claimed_at_ms: u64,
    /// How long it waits for the worker's next change before it is written by itself.
    pub(super) written_within: Duration,
    /// When it was handed over.
    pub(super) since: Instant,
    /// Failed writes so far.
    pub(super) tries: u32,
}

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
    /// Claims handed to this node's workers and not written yet, by task.
    unwritten: Arc<Mutex<HashMap<String, Slot>>>,
    /// Settles the delivery of a claim that could not be written.
    client: Client,
}

impl Records {
    pub(super) fn new(bucket: Bucket<TaskRecord>, client: Client) -> Records {
        Records {
            bucket,
            held: Arc::default(),
            unwritten: Arc::default(),
            client,
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
        self.write_claim(task_id).await;
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
        mut change: impl FnMut(&TaskRecord) -> Result<Option<TaskRecord>, WireError>,
    ) -> Result<(TaskRecord, bool), WireError> {
        validate_id("task id", task_id)?;
        if let Some(folded) = self.folding(task_id, &mut change).await {
            return folded;
        }
        // A record this node wrote last is tried without reading it first; a conflict rereads it. Refused on a
        // task the record says is on the queue, another node may have handed it to this very worker a moment
        // ago, its claim not written yet: the change is asked again on the record read anew, until the record
        // no longer says queued or [`UNWRITTEN_ELSEWHERE`] has passed.
        let mut guess_opt = self.remembered(task_id);
        let deadline = Instant::now() + UNWRITTEN_ELSEWHERE;
        let mut pause = CLAIM_WRITTEN_WITHIN / 2;
        loop {
            let mut on_the_queue = false;
            let modified = self
                .modify_plain(
                    task_id,
                    guess_opt.take(),
                    |stored| {
                        on_the_queue = stored.status == TaskStatus::Queued && stored.enqueued;
                        change(stored)
                    },
                    None,
                )
                .await;
            let refused = matches!(modified, Err(WireError::BadRequest { .. }));
            if !(refused && on_the_queue && Instant::now() + pause < deadline) {
                return modified;
            }
            tokio::time::sleep(pause).await;
            pause = (pause * 2).min(UNWRITTEN_RETRY_AT_MOST / 2);
        }
    }

    /// [`modify`](Self::modify), trying `guess_opt` (a record and revision seen last) before reading the
    /// record, and running `before_write_opt` before each write. A claim of the task not written yet is
    /// written first.
    pub(super) async fn modify_with(
        &self,
        task_id: &str,
        guess_opt: Option<(TaskRecord, u64)>,
        change: impl FnMut(&TaskRecord) -> Result<Option<TaskRecord>, WireError>,
        before_write_opt: Option<&BeforeWrite<'_, TaskRecord, WireError>>,
    ) -> Result<(TaskRecord, bool), WireError> {
        validate_id("task id", task_id)?;
        self.write_claim(task_id).await;
        self.modify_plain(task_id, guess_opt, change, before_write_opt)
            .await
    }

    async fn modify_plain(
        &self,
        task_id: &str,
        guess_opt: Option<(TaskRecord, u64)>,
        mut change: impl FnMut(&TaskRecord) -> Result<Option<TaskRecord>, WireError>,
        before_write_opt: Option<&BeforeWrite<'_, TaskRecord, WireError>>,
    ) -> Result<(TaskRecord, bool), WireError> {
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

    /// Tasks held by workers that claimed them through this node, by worker (claims not written yet too).
    pub(super) fn held_here(&self) -> Vec<(String, String)> {
        let mut here: Vec<(String, String)> = match self.held.lock() {
            Ok(held) => held
                .values()
                .filter(|(task, _)| task.status.is_held())
                .filter_map(|(task, _)| Some((task.worker_chat_id.clone()?, task.task_id.clone())))
                .collect(),
            Err(_) => Vec::new(),
        };
        if let Ok(unwritten) = self.unwritten.lock() {
            here.extend(unwritten.iter().filter_map(|(task_id, slot)| {
                // One being written is known by its record once written; the stop writes them all first.
                let claim = slot.try_lock().ok()?;
                Some((claim.as_ref()?.chat_id.clone(), task_id.clone()))
            }));
        }
        here
    }

    /// Hands a claim over before writing it (see the module's notes): false when it must be written first (a
    /// claim of the task waits already, or too many do).
    pub(super) fn hand_over(&self, unwritten: Unwritten) -> bool {
        let task_id = unwritten.queued.0.task_id.clone();
        let written_within = unwritten.written_within;
        {
            let Ok(mut waiting) = self.unwritten.lock() else {
                return false;
            };
            if waiting.len() >= MAX_UNWRITTEN || waiting.contains_key(&task_id) {
                return false;
            }
            waiting.insert(
                task_id.clone(),
                Arc::new(tokio::sync::Mutex::new(Some(unwritten))),
            );
        }
        self.write_claim_after(task_id, written_within);
        true
    }

    /// Writes the claim of `task_id` after `delay`, unless a change of the task wrote it first.
    fn write_claim_after(&self, task_id: String, delay: Duration) {
        let records = self.clone();
        tokio::spawn(async move {
            tokio::time::sleep(delay).await;
            records.write_claim(&task_id).await;
        });
    }

    fn slot(&self, task_id: &str) -> Option<Slot> {
        self.unwritten.lock().ok()?.get(task_id).cloned()
    }

    /// Forgets the slot of `task_id` once its claim is written or given up (not another slot made since).
    fn forget_slot(&self, task_id: &str, slot: &Slot) {
        if let Ok(mut waiting) = self.unwritten.lock()
            && waiting
                .get(task_id)
                .is_some_and(|current| Arc::ptr_eq(current, slot))
        {
            waiting.remove(task_id);
        }
    }

    /// Writes the claim of `task_id` that waits to be written, if any (waiting for one being written); a failed
    /// write is tried again later.
    async fn write_claim(&self, task_id: &str) {
        let _ = self.folding(task_id, |_| Ok(None)).await;
    }

    /// Writes every claim that waits to be written (a node that stops).
    pub(super) async fn write_claims(&self) {
        let task_ids: Vec<String> = match self.unwritten.lock() {
            Ok(waiting) => waiting.keys().cloned().collect(),
            Err(_) => return,
        };
        for task_id in task_ids {
            self.write_claim(&task_id).await;
        }
    }

    /// Runs `change` with the claim of `task_id` that waits to be written, if there is one: `None` when there
    /// is none (written meanwhile, or none was handed over). While one call writes a claim, every other call
    /// for the task waits for it, so none of them meets the record without the claim.
    async fn folding(
        &self,
        task_id: &str,
        change: impl FnMut(&TaskRecord) -> Result<Option<TaskRecord>, WireError>,
    ) -> Option<Result<(TaskRecord, bool), WireError>> {
        let slot = self.slot(task_id)?;
        let mut waiting = slot.lock().await;
        // Left in the slot until the write is settled: a call given up meanwhile (its future dropped) leaves it
        // there for the next one (a write that landed counts as written then).
        let unwritten = waiting.as_ref()?.clone();
        let (folded, again_opt) = self.fold(task_id, unwritten, change).await;
        match again_opt {
            Some(mut unwritten) if unwritten.since.elapsed() < unwritten.ack_wait => {
                unwritten.tries += 1;
                let delay = unwritten
                    .written_within
                    .max(Duration::from_millis(1))
                    .saturating_mul(1 << unwritten.tries.min(8))
                    .min(UNWRITTEN_RETRY_AT_MOST);
                *waiting = Some(unwritten);
                self.write_claim_after(task_id.to_owned(), delay);
            }
            Some(unwritten) => {
                warn!(%task_id, chat_id = %unwritten.chat_id, "a claim could not be written within the ack wait; the task goes to the next claim");
                *waiting = None;
                self.forget_slot(task_id, &slot);
            }
            None => {
                *waiting = None;
                self.forget_slot(task_id, &slot);
            }
        }
        Some(folded)
    }

    /// Writes claim `unwritten` together with `change`, in one compare-and-set; returns what `change` made of
    /// the record (false: the claim alone was written, or nothing), and the claim again when it still waits to
    /// be written (a refusal of `change`, a failed write). A claim the stored record no longer allows (the task
    /// was cancelled meanwhile) is not written and its delivery is settled: `change` then meets the record as
    /// stored, and a worker's change is refused as for a task it does not hold. A record that holds this very
    /// claim already (a write that timed out but was stored) counts as written.
    async fn fold(
        &self,
        task_id: &str,
        unwritten: Unwritten,
        mut change: impl FnMut(&TaskRecord) -> Result<Option<TaskRecord>, WireError>,
    ) -> (Result<(TaskRecord, bool), WireError>, Option<Unwritten>) {
        let mut decision_opt = None;
        let mut changed = false;
        // How the delivery is settled when the claim is not taken.
        let mut settlement: Option<&'static [u8]> = None;
        let folded = self
            .modify_plain(
                task_id,
                Some(unwritten.queued.clone()),
                |stored| {
                    let (decision, written) = transitions::claim_handed_over(
                        stored,
                        unwritten.queued.0.enqueues,
                        &unwritten.chat_id,
                        &unwritten.ack_subject,
                        unwritten.ack_wait.as_millis() as u64,
                        unwritten.claimed_at_ms,
                    );
                    let claimed_opt = match &decision {
                        Claimed::Take(claimed) if !written => Some(claimed.as_ref().clone()),
                        Claimed::Take(_) | Claimed::Drop | Claimed::Dead(_) | Claimed::Early(_) => {
                            None
                        }
                    };
                    settlement = match &decision {
                        Claimed::Take(_) => None,
                        // Its holder's own delivery (come back to it): not this claim's to end.
                        Claimed::Drop
                            if stored.status.is_held()
                                && stored.ack_subject.as_deref().and_then(|holding| {
                                    super::puller::same_message(holding, &unwritten.ack_subject)
                                }) == Some(true) =>
                        {
                            None
                        }
                        // Finished, or a copy (another message of the task, an earlier enqueue's).
                        Claimed::Drop => Some(b"+TERM"),
                        Claimed::Dead(_) | Claimed::Early(_) => Some(b"-NAK"),
                    };
                    decision_opt = Some(decision);
                    let next_opt = change(claimed_opt.as_ref().unwrap_or(stored))?;
                    changed = next_opt.is_some();
                    Ok(next_opt.or(claimed_opt))
                },
                None,
            )
            .await;
        let taken = matches!(decision_opt, None | Some(Claimed::Take(_)));
        if let (false, Some(settlement)) = (taken, settlement) {
            // Finished or held by another meanwhile (or out of attempts): the delivery is not this worker's.
            if let Err(error) = self
                .client
                .publish(
                    unwritten.ack_subject.clone(),
                    Bytes::from_static(settlement),
                )
                .await
            {
                warn!(%error, %task_id, "failed to settle the delivery of a claim that lost its task");
            }
        }
        match folded {
            Ok((task, _)) => (Ok((task, changed)), None),
            Err(error) => (Err(error), taken.then_some(unwritten)),
        }
    }
}
