//! Task-record transitions without NATS: each function on a record and a time.

use shim_protocol::{
    WireError,
    messages::{DispatchTaskRequest, Priority, TaskRecord, TaskStatus},
};

use super::*;

const T0: u64 = 1_000;
const ACK: &str = "$JS.ACK.SHIM_TASKS.tasks-normal.1.5.5.1700000000000000000.0";

fn queued() -> TaskRecord {
    let request = DispatchTaskRequest {
        chat_id: "sup".to_owned(),
        title: "lexer".to_owned(),
        instructions: "port lexer.c".to_owned(),
        priority: Some(Priority::High),
        depends_on: Vec::new(),
        capabilities: vec!["rust".to_owned()],
        idempotency_key: None,
        max_attempts: None,
    };
    enqueue(&dispatched(request, "t1".to_owned(), 3, T0), T0)
}

/// The ack wait of these tests: none, so that any redelivery passes a held task on.
const NO_WAIT: u64 = 0;

fn taken(task: &TaskRecord, chat_id: &str, delivered: u64, now_ms: u64) -> TaskRecord {
    match claim(task, chat_id, ACK, delivered, NO_WAIT, now_ms) {
        Claimed::Take(task) => *task,
        other => panic!("expected a claim, got {other:?}"),
    }
}

#[test]
fn a_dispatched_task_waits_until_enqueued() {
    let request = DispatchTaskRequest {
        chat_id: "sup".to_owned(),
        title: "t".to_owned(),
        instructions: "i".to_owned(),
        priority: None,
        depends_on: vec!["dep".to_owned()],
        capabilities: Vec::new(),
        idempotency_key: Some("k".to_owned()),
        max_attempts: None,
    };
    let task = dispatched(request, "t9".to_owned(), 5, T0);
    assert_eq!(task.status, TaskStatus::Queued);
    assert!(!task.enqueued);
    assert_eq!((task.enqueues, task.attempts, task.max_attempts), (0, 0, 5));
    assert_eq!(task.priority, Priority::Normal);
    assert_eq!(task.supervisor_chat_id, "sup");
    let queued = enqueue(&task, T0 + 5);
    assert!(queued.enqueued);
    assert_eq!((queued.enqueues, queued.updated_at_ms), (1, T0 + 5));
}

#[test]
fn a_task_whose_queueing_failed_waits_to_be_queued_under_the_same_enqueue() {
    let task = queued();
    let back = unqueued(&task).expect("a queued task");
    assert!(!back.enqueued);
    // Queued again, it publishes under the enqueue number the failed publication used.
    assert_eq!(back.enqueues + 1, task.enqueues);
    assert_eq!(enqueue(&back, T0 + 50).enqueues, task.enqueues);
    assert_eq!(
        back.updated_at_ms, task.updated_at_ms,
        "the sweep's clock runs on"
    );
    assert!(unqueued(&back).is_none(), "not twice");
    assert!(
        unqueued(&taken(&task, "w1", 1, T0 + 10)).is_none(),
        "not once claimed"
    );
}

#[test]
fn a_claim_takes_the_task_and_counts_the_attempt() {
    let task = taken(&queued(), "w1", 1, T0 + 10);
    assert_eq!(task.status, TaskStatus::Claimed);
    assert_eq!(task.attempts, 1);
    assert_eq!(task.worker_chat_id.as_deref(), Some("w1"));
    assert_eq!(task.workers, vec!["w1".to_owned()]);
    assert_eq!(task.claimed_at_ms, Some(T0 + 10));
    assert_eq!(task.ack_subject.as_deref(), Some(ACK));
    assert_eq!(task.error, None);
}

#[test]
fn a_copy_of_a_held_delivery_is_dropped_but_a_lapsed_one_is_taken_over() {
    let held = taken(&queued(), "w1", 1, T0);
    assert_eq!(claim(&held, "w2", ACK, 1, NO_WAIT, T0 + 1), Claimed::Drop);
    let over = taken(&held, "w2", 2, T0 + 2);
    assert_eq!(over.attempts, 2);
    assert_eq!(over.worker_chat_id.as_deref(), Some("w2"));
    assert_eq!(over.workers, vec!["w1".to_owned(), "w2".to_owned()]);
    assert_eq!(
        over.error.as_deref(),
        Some("worker w1 gave no word within the ack wait; attempt 2 went to w2")
    );
}

#[test]
fn a_held_task_given_again_before_its_ack_wait_ran_out_goes_back_for_the_rest_of_it() {
    let ack_wait = 30_000;
    let held = taken(&queued(), "w1", 1, T0);
    // A stale hand-back of an earlier delivery made the server give it again 2 s after the claim.
    assert_eq!(
        claim(&held, "w2", ACK, 2, ack_wait, T0 + 2_000),
        Claimed::Early(std::time::Duration::from_millis(28_000))
    );
    // Even on its last attempt: it does not die while its holder works.
    let mut last = held.clone();
    last.attempts = last.max_attempts;
    assert!(matches!(
        claim(&last, "w2", ACK, 2, ack_wait, T0 + 2_000),
        Claimed::Early(_)
    ));
    // Progress counts as word from the holder.
    let moved = progress(&held, "w1", 50.0, None, T0 + 29_000).expect("holder");
    assert!(matches!(
        claim(&moved, "w2", ACK, 2, ack_wait, T0 + 31_000),
        Claimed::Early(_)
    ));
    // Once the wait has run out (within a second's margin for clocks), the next worker takes it over.
    let over = match claim(&held, "w2", ACK, 2, ack_wait, T0 + 29_500) {
        Claimed::Take(task) => *task,
        other => panic!("expected a takeover, got {other:?}"),
    };
    assert_eq!(over.worker_chat_id.as_deref(), Some("w2"));
}

#[test]
fn a_finished_task_is_never_claimed_and_one_out_of_attempts_dies() {
    let done = complete(&taken(&queued(), "w1", 1, T0), "w1", "ok", T0 + 1)
        .expect("the holder completes")
        .expect("recorded");
    assert_eq!(claim(&done, "w2", ACK, 2, NO_WAIT, T0 + 2), Claimed::Drop);
    let mut spent = taken(&queued(), "w1", 1, T0);
    spent.attempts = spent.max_attempts;
    assert_eq!(
        claim(&spent, "w2", ACK, 4, NO_WAIT, T0 + 3),
        Claimed::Dead("out of attempts (3); worker w1 stopped answering".to_owned())
    );
    spent.error = Some("boom".to_owned());
    assert_eq!(
        claim(&spent, "w2", ACK, 4, NO_WAIT, T0 + 3),
        Claimed::Dead("out of attempts (3); last error: boom".to_owned())
    );
}

#[test]
fn only_the_holder_reports_progress() {
    let held = taken(&queued(), "w1", 1, T0);
    let moved = progress(&held, "w1", 40.0, Some("half".to_owned()), T0 + 5).expect("holder");
    assert_eq!(moved.status, TaskStatus::InProgress);
    assert_eq!(
        (moved.progress, moved.note.as_deref()),
        (40.0, Some("half"))
    );
    let refusal = progress(&held, "w2", 40.0, None, T0 + 5).expect_err("not the holder");
    assert_eq!(
        refusal,
        TaskRefusal::NotHeld {
            chat_id: "w2".to_owned(),
            task_id: "t1".to_owned(),
            holder_opt: Some("w1".to_owned())
        }
    );
    assert_eq!(
        WireError::from(refusal),
        WireError::bad_request("chat w2 does not hold task t1: it is held by w1")
    );
    let refusal = progress(&queued(), "w1", 1.0, None, T0).expect_err("nobody holds it");
    assert_eq!(
        refusal.to_string(),
        "chat w1 does not hold task t1: it is back on the queue"
    );
}

#[test]
fn exactly_one_completion_is_recorded() {
    let held = taken(&queued(), "w1", 1, T0);
    let done = complete(&held, "w1", "result", T0 + 7)
        .expect("holder")
        .expect("recorded");
    assert_eq!(done.status, TaskStatus::Done);
    assert_eq!(done.result.as_deref(), Some("result"));
    assert_eq!((done.progress, done.enqueued), (100.0, false));
    assert_eq!(done.finished_at_ms, Some(T0 + 7));
    assert_eq!(complete(&done, "w1", "again", T0 + 8), Ok(None));
    assert_eq!(
        complete(&held, "stranger", "x", T0 + 8),
        Err(TaskRefusal::NeverClaimed {
            chat_id: "stranger".to_owned(),
            task_id: "t1".to_owned()
        })
    );
    // A worker that lost the task to a lapsed ack wait may still finish it.
    let over = taken(&held, "w2", 2, T0 + 9);
    let late = complete(&over, "w1", "late", T0 + 10)
        .expect("a former holder")
        .expect("recorded");
    assert_eq!(late.worker_chat_id.as_deref(), Some("w1"));
}

#[test]
fn a_failure_retries_while_attempts_remain_then_the_task_dies() {
    let held = taken(&queued(), "w1", 1, T0);
    let Failed::Retry(again) = fail(&held, "w1", "flaky", true, T0 + 1).expect("holder") else {
        panic!("a retryable failure with attempts left is retried");
    };
    assert_eq!(again.status, TaskStatus::Queued);
    assert_eq!(again.error.as_deref(), Some("flaky"));
    assert_eq!((again.worker_chat_id, again.attempts), (None, 1));
    assert_eq!(
        fail(&held, "w1", "broken", false, T0 + 1),
        Ok(Failed::End(TaskStatus::Failed, "broken".to_owned()))
    );
    let mut last = held.clone();
    last.attempts = 3;
    assert_eq!(
        fail(&last, "w1", "flaky", true, T0 + 1),
        Ok(Failed::End(
            TaskStatus::Dead,
            "out of attempts (3); last error: flaky".to_owned()
        ))
    );
    assert!(fail(&held, "w2", "x", true, T0).is_err());
}

#[test]
fn the_retry_delay_doubles_per_attempt_and_stops_growing() {
    let backoff = Duration::from_millis(100);
    assert_eq!(retry_delay(backoff, 0), backoff);
    assert_eq!(retry_delay(backoff, 1), backoff);
    assert_eq!(retry_delay(backoff, 3), backoff * 4);
    assert_eq!(retry_delay(backoff, 40), backoff * 65_536);
}

#[test]
fn finishing_and_cancelling_leave_finished_tasks_alone() {
    let held = taken(&queued(), "w1", 1, T0);
    let cancelled =
        finish(&held, TaskStatus::Cancelled, "cancelled by sup", T0 + 3).expect("open tasks end");
    assert_eq!(cancelled.status, TaskStatus::Cancelled);
    assert_eq!(cancelled.error.as_deref(), Some("cancelled by sup"));
    assert_eq!(cancelled.finished_at_ms, Some(T0 + 3));
    assert_eq!(finish(&cancelled, TaskStatus::Failed, "x", T0 + 4), None);
    assert!(cancellable(&held).is_ok());
    assert_eq!(
        cancellable(&cancelled).map_err(|refusal| refusal.to_string()),
        Err("task t1 is already cancelled".to_owned())
    );
    assert_eq!(
        progress(&cancelled, "w1", 1.0, None, T0)
            .expect_err("finished")
            .to_string(),
        "task t1 is already cancelled"
    );
}

#[test]
fn only_failed_dead_or_cancelled_tasks_are_retried_with_fresh_attempts() {
    let held = taken(&queued(), "w1", 1, T0);
    let failed = finish(&held, TaskStatus::Failed, "broken", T0 + 1).expect("ends");
    let again = retry(&failed, "sup", T0 + 2).expect("failed tasks retry");
    assert_eq!(again.status, TaskStatus::Queued);
    assert_eq!((again.attempts, again.enqueued), (0, false));
    assert_eq!(again.finished_at_ms, None);
    assert_eq!(again.error.as_deref(), Some("retried by sup"));
    // A worker of the run that failed completes the new run only by claiming it.
    assert!(again.workers.is_empty());
    assert!(matches!(
        complete(&again, "w1", "late", T0 + 3),
        Err(TaskRefusal::NeverClaimed { .. })
    ));
    assert_eq!(
        retry(&held, "sup", T0).map_err(|refusal| refusal.to_string()),
        Err("task t1 is claimed; only failed, dead or cancelled tasks can be retried".to_owned())
    );
}

#[test]
fn hand_backs_return_held_tasks_and_a_stopping_node_spends_no_attempt() {
    let held = taken(&queued(), "w1", 1, T0);
    let away = hand_back(&held, "w1", &HandBack::WentAway, T0 + 1).expect("held by w1");
    assert_eq!(away.status, TaskStatus::Queued);
    assert_eq!((away.attempts, away.worker_chat_id.clone()), (1, None));
    assert_eq!(away.error.as_deref(), Some("worker w1 went away"));
    let stopped = hand_back(
        &held,
        "w1",
        &HandBack::NodeStopped { node_id: "n1" },
        T0 + 1,
    )
    .expect("held by w1");
    assert_eq!(stopped.attempts, 0);
    assert_eq!(
        stopped.error.as_deref(),
        Some("node n1 of worker w1 stopped; handed back without spending an attempt")
    );
    assert_eq!(hand_back(&held, "w2", &HandBack::WentAway, T0), None);
    assert_eq!(hand_back(&away, "w1", &HandBack::WentAway, T0), None);
}

#[test]
fn an_unclaim_restores_the_record_unless_it_moved_on() {
    let before = queued();
    let held = taken(&before, "w1", 1, T0 + 1);
    let undo = Unclaim {
        chat_id: "w1".to_owned(),
        attempts: held.attempts,
        ack_subject_opt: held.ack_subject.clone(),
        attempts_before: before.attempts,
        workers_before: before.workers.clone(),
        worker_may_have_it: true,
        error_before: before.error.clone(),
        claimed_at_ms_before: before.claimed_at_ms,
    };
    let back = unclaim(&held, &undo, T0 + 2).expect("still ours");
    assert_eq!(back.status, TaskStatus::Queued);
    assert_eq!(back.attempts, 0);
    // Its requester may have had the reply after all (only its receipt lost): its completion still counts.
    assert_eq!(back.workers, ["w1"]);
    let late = complete(&back, "w1", "r", T0 + 3)
        .expect("a chat handed the task may complete it")
        .expect("recorded");
    assert_eq!((late.status, late.attempts), (TaskStatus::Done, 1));
    assert!(matches!(
        complete(&back, "w2", "r", T0 + 3),
        Err(TaskRefusal::NeverClaimed { .. })
    ));
    assert_eq!(
        (back.claimed_at_ms, back.worker_chat_id.clone()),
        (None, None)
    );
    // A requester known not to have it (gone, or told its call failed) leaves no trace.
    let gone = Unclaim {
        worker_may_have_it: false,
        ..undo.clone()
    };
    let back = unclaim(&held, &gone, T0 + 2).expect("still ours");
    assert!(back.workers.is_empty());
    assert!(matches!(
        complete(&back, "w1", "r", T0 + 3),
        Err(TaskRefusal::NeverClaimed { .. })
    ));
    let moved = progress(&held, "w1", 10.0, None, T0 + 2).expect("holder");
    assert_eq!(
        unclaim(&moved, &undo, T0 + 3),
        None,
        "progress shows the worker has it"
    );
    let done = complete(&held, "w1", "r", T0 + 2)
        .expect("holder")
        .expect("recorded");
    assert_eq!(unclaim(&done, &undo, T0 + 3), None);
    let over = taken(&held, "w2", 2, T0 + 2);
    assert_eq!(unclaim(&over, &undo, T0 + 3), None);
}

#[test]
fn a_waiting_task_is_released_failed_or_left_by_its_dependencies() {
    let mut waiting = queued();
    waiting.enqueued = false;
    waiting.enqueues = 0;
    let deps = |statuses: &[Option<TaskStatus>]| -> Vec<(String, Option<TaskStatus>)> {
        statuses
            .iter()
            .enumerate()
            .map(|(index, status)| (format!("d{index}"), *status))
            .collect()
    };
    let Release::Queue(released) = release(
        &waiting,
        &deps(&[Some(TaskStatus::Done), Some(TaskStatus::Done)]),
        T0 + 1,
    ) else {
        panic!("every dependency done releases the task");
    };
    assert!(released.enqueued);
    assert_eq!(released.enqueues, 1);
    assert_eq!(
        release(
            &waiting,
            &deps(&[Some(TaskStatus::Done), Some(TaskStatus::InProgress)]),
            T0
        ),
        Release::Wait
    );
    assert_eq!(
        release(
            &waiting,
            &deps(&[Some(TaskStatus::Claimed), Some(TaskStatus::Cancelled)]),
            T0
        ),
        Release::Fail("task d1 it depends on is cancelled".to_owned())
    );
    assert_eq!(
        release(&waiting, &deps(&[None]), T0),
        Release::Fail("task d0 it depends on no longer exists".to_owned())
    );
    assert_eq!(release(&released, &deps(&[]), T0), Release::Nothing);
}

#[test]
fn dependents_are_added_once_and_never_to_finished_tasks() {
    let task = queued();
    let with = add_dependent(&task, "t2").expect("open task");
    assert_eq!(with.dependents, vec!["t2".to_owned()]);
    assert_eq!(add_dependent(&with, "t2"), None);
    let done = finish(&task, TaskStatus::Failed, "x", T0).expect("ends");
    assert_eq!(add_dependent(&done, "t3"), None);
}

#[test]
fn only_the_holders_own_delivery_come_back_passes_a_held_task_on() {
    let held = match claim(
        &queued(),
        "w1",
        "$JS.ACK.SHIM_TASKS.tasks-high.1.17.9.1700000000000000000.0",
        1,
        NO_WAIT,
        T0,
    ) {
        Claimed::Take(task) => *task,
        other => panic!("expected a claim, got {other:?}"),
    };
    // Another message of the task, handed back once by a worker that could not do it.
    let copy = "$JS.ACK.SHIM_TASKS.tasks-high.2.18.12.1700000000500000000.0";
    assert_eq!(claim(&held, "w2", copy, 2, NO_WAIT, T0 + 1), Claimed::Drop);
    // The holder's own message after its ack wait: the task goes on to the next worker.
    let lapsed = "$JS.ACK.SHIM_TASKS.tasks-high.2.17.14.1700000030000000000.0";
    assert!(matches!(
        claim(&held, "w2", lapsed, 2, NO_WAIT, T0 + 1),
        Claimed::Take(_)
    ));
}

#[test]
fn a_claim_handed_over_is_written_on_the_record_as_it_stands() {
    let task = queued();
    // On the record as queued: claimed, with the attempt counted.
    let (decision, written) = claim_handed_over(&task, task.enqueues, "w1", ACK, 30_000, T0 + 5);
    assert!(!written);
    let Claimed::Take(claimed) = decision else {
        panic!("expected a claim, got {decision:?}");
    };
    assert_eq!(claimed.worker_chat_id.as_deref(), Some("w1"));
    assert_eq!(claimed.attempts, 1);
    // A write of it that timed out but was stored: the claim is there, nothing to write, nothing to settle.
    let (decision, written) =
        claim_handed_over(&claimed, claimed.enqueues, "w1", ACK, 30_000, T0 + 5);
    assert!(written);
    assert_eq!(decision, Claimed::Take(claimed.clone()));
    // Held by another worker (a copy went to it): not this worker's.
    let (decision, written) =
        claim_handed_over(&claimed, claimed.enqueues, "w2", ACK, 30_000, T0 + 6);
    assert!(!written);
    assert_eq!(decision, Claimed::Drop);
    // Cancelled meanwhile: dropped.
    let cancelled =
        finish(&task, TaskStatus::Cancelled, "cancelled by sup", T0 + 2).expect("cancels");
    assert_eq!(
        claim_handed_over(&cancelled, task.enqueues, "w1", ACK, 30_000, T0 + 5).0,
        Claimed::Drop
    );
    // Cancelled and retried meanwhile: the record is queued again under a new enqueue, with a message of its
    // own; this delivery's message (of the first enqueue) is a copy.
    let retried = enqueue(&retry(&cancelled, "sup", T0 + 3).expect("retries"), T0 + 3);
    assert_eq!(
        claim_handed_over(&retried, task.enqueues, "w1", ACK, 30_000, T0 + 5).0,
        Claimed::Drop
    );
    assert!(matches!(
        claim_handed_over(&retried, retried.enqueues, "w1", ACK, 30_000, T0 + 5).0,
        Claimed::Take(_)
    ));
}
