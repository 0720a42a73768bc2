//! Pulling deliveries from the four priority consumers.
//!
//! A claim asks the consumers of every priority that may hold a task at once, each with its own reply subject
//! under one inbox: "nothing waiting" answers come back on it, while a delivery arrives under its own subject
//! and names its consumer in its acknowledgement subject. Asking an empty consumer costs the server as much as asking
//! a full one, so the puller keeps a hint per priority: a count of the signs that a task may wait there, and
//! the count at which a pull last found it empty. Signs are an announcement on `shim.v1.tasks.ready.<priority>`
//! (sent by whichever node queued a task or handed a delivery back, once the queue has it), the node's own
//! enqueues and hand-backs, and a tick every second (a delivery whose ack wait lapsed comes back unannounced). A pull that finds nothing clears only
//! the signs seen before it asked, so a task queued meanwhile is never skipped. Inboxes are reused from claim
//! to claim.

use std::{
    sync::{
        Arc, Mutex,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use async_nats::{Client, Subscriber, jetstream::AckKind};
use bytes::Bytes;
use futures::StreamExt;
use shim_protocol::{WireError, messages::Priority, subject};
use tracing::warn;

use super::{STREAM, provision::consumer_name, unavailable};
use crate::{
    coordination::supervise::{Ended, Supervision},
    embedded::version::{PROMPT_PULLS, Version},
};

/// How long an older server keeps a plain pull it could not answer at once (see [`plain_expires`]).
const KEPT_PULL_EXPIRES: Duration = Duration::from_millis(100);
/// How long a pull of a claim woken by a task being queued waits for the stream to store it. A node sees a
/// task as it is published, a moment before the stream has it: one woken look in ten found nothing yet on
/// this machine at 500 tasks/s, and looking again after fixed pauses left one in forty waiting for the next
/// task to wake a claim (dispatch-to-claim p95 1.8 ms, p99 2.9 ms; performance.md).
const EXPECTING_EXPIRES: Duration = Duration::from_millis(5);

/// The `expires` of a plain pull to a server that reports `version`. None from [`PROMPT_PULLS`] on: the server
/// keeps a `no_wait` pull that carries one until it lapses when nothing at all waits (nats-server's
/// `processNextMsgRequest`), so with 100 ms a claim that took a task of its own priority waited out every empty
/// priority above it, and dispatch-to-claim p99 at 500 tasks/s was 70 ms (docs/performance.md). An older
/// server keeps a pull that lost its task to another claim until the next task comes, so there it carries
/// [`KEPT_PULL_EXPIRES`], and every empty priority above a claim's task costs it that long (docs/cluster.md,
/// "Supported servers").
fn plain_expires(version: &str) -> Option<Duration> {
    match Version::parse(version) {
        Some(version) if version >= PROMPT_PULLS => None,
        _ => Some(KEPT_PULL_EXPIRES),
    }
}

/// The body of a pull: one delivery, an answer at once when nothing waits there (unless `expires_opt` says how
/// long the server may keep it for a task to come).
fn pull_body(expires_opt: Option<Duration>) -> Bytes {
    Bytes::from(match expires_opt {
        None => r#"{"batch":1,"no_wait":true}"#.to_owned(),
        Some(expires) => format!(
            r#"{{"batch":1,"no_wait":true,"expires":{}}}"#,
            expires.as_nanos()
        ),
    })
}

/// How long a claim waits for all the answers to its pulls: a wide margin for a busy machine (under load a
/// server took longer than 20 ms, a former limit, and claims came back empty while tasks waited). Only answers
/// a lost connection took run it out.
const ANSWER_PATIENCE: Duration = Duration::from_secs(2);
/// How long after a delayed hand-back's delay its task is announced.
const ANNOUNCE_AFTER_DELAY: Duration = Duration::from_millis(50);
/// How long the background listens for the answers a claim did not wait for (lower priorities than the task it
/// took); the server answers at once (or within [`KEPT_PULL_EXPIRES`] on an older one), so this only gives up on
/// answers a lost connection took.
const ABANDONED_ANSWERS_AFTER: Duration = Duration::from_secs(10);
/// How often every priority is asked, hint or not.
const FULL_PULL_EVERY: Duration = Duration::from_secs(1);
/// How long after its last sign a priority that answered "nothing waiting" is still asked.
const QUIET_MS: u64 = 50;
/// Most idle inboxes kept.
const MAX_IDLE_INBOXES: usize = 256;

/// How a claim looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Look {
    /// An answer at once from every priority asked.
    Now,
    /// Woken by a task being queued: priorities announced lately wait a moment for it to be stored.
    Expecting,
}

/// One delivery pulled from a priority's consumer.
pub(super) struct Delivery {
    pub priority: Priority,
    pub payload: Bytes,
    pub ack_subject: String,
    pub delivered: u64,
    /// It came on its task's own subject (not on its priority's, as SHIM queued tasks before 2026-12-05).
    pub own_subject: bool,
    /// Published again under an enqueue the task may be queued under already (see `enqueue_again`).
    pub queued_again: bool,
}

/// What an acknowledgement subject of a task delivery says: `$JS.ACK.<stream>.<consumer>.<delivered>.<stream
/// sequence>...`, or with domain and account hash after `$JS.ACK`.
struct AckSubject {
    /// From the consumer's name.
    priority: Priority,
    delivered: u64,
    stream_sequence: u64,
}

fn read_ack_subject(ack_subject: &str) -> Option<AckSubject> {
    let tokens: Vec<&str> = ack_subject.split('.').collect();
    let consumer = subject::js_ack_consumer_index(&tokens)?;
    let number = |offset: usize| tokens.get(consumer + offset)?.parse().ok();
    Some(AckSubject {
        priority: tokens
            .get(consumer)?
            .strip_prefix("tasks-")
            .and_then(|name| Priority::parse(name).ok())?,
        delivered: number(1)?,
        stream_sequence: number(2)?,
    })
}

/// The priority and the delivery count an acknowledgement subject names.
pub(super) fn parse_ack_subject(ack_subject: &str) -> Option<(Priority, u64)> {
    read_ack_subject(ack_subject).map(|read| (read.priority, read.delivered))
}

/// Whether two acknowledgement subjects are for one message of the queue (its priority's consumer and its
/// stream sequence), in whichever form each came; `None` when either cannot be read.
pub(super) fn same_message(one: &str, other: &str) -> Option<bool> {
    let (one, other) = (read_ack_subject(one)?, read_ack_subject(other)?);
    Some(one.priority == other.priority && one.stream_sequence == other.stream_sequence)
}

/// The subscriptions to tasks published to the queue (seen as they are sent, a moment before the stream has
/// them) and to hand-backs announced once sent.
async fn subscribe(client: &Client) -> anyhow::Result<(Subscriber, Subscriber)> {
    let queued = client
        .subscribe(subject::TASKS_QUEUE_ALL)
        .await
        .map_err(|error| anyhow::anyhow!("failed to follow the task queue: {error}"))?;
    let ready = client
        .subscribe(subject::TASKS_READY_ALL)
        .await
        .map_err(|error| anyhow::anyhow!("failed to follow the task queue: {error}"))?;
    Ok((queued, ready))
}

/// Marks each priority a task is queued or handed back on, and wakes a waiting claim, until the puller is gone
/// ([`Ended::Finished`]) or a subscription ends.
async fn listen(
    (queued, ready): (Subscriber, Subscriber),
    listener: std::sync::Weak<Puller>,
) -> Ended {
    let mut queued = futures::stream::select(queued, ready);
    while let Some(message) = queued.next().await {
        // Gone with the last handle of the queue.
        let Some(puller) = listener.upgrade() else {
            return Ended::Finished;
        };
        // A queued task names its priority after `queue.`, an announcement last.
        let priority = subject::tasks_queue_priority(&message.subject)
            .or_else(|| message.subject.rsplit('.').next())
            .and_then(|name| Priority::parse(name).ok());
        match priority {
            Some(priority) => puller.mark(priority),
            None => puller.mark_all(),
        }
        puller.arrivals.notify_one();
    }
    Ended::Broke("the subscription to the task queue ended".to_owned())
}

fn slot(priority: Priority) -> usize {
    Priority::ALL
        .iter()
        .position(|candidate| *candidate == priority)
        .unwrap_or(2)
}

#[derive(Debug)]
pub(super) struct Puller {
    client: Client,
    /// The body of a plain pull, for the server's version.
    plain_request: Bytes,
    /// The body of a woken claim's pull to a priority announced lately: the server keeps it until a task is
    /// there (at once when one is already) or [`EXPECTING_EXPIRES`] lapse.
    expecting_request: Bytes,
    /// Per priority, highest first: signs that a task may wait there...
    signs: [AtomicU64; 4],
    /// ...and how many of them a pull had seen when it found the priority empty.
    empty_at: [AtomicU64; 4],
    /// When the last sign came, in milliseconds since `started`.
    last_sign_ms: [AtomicU64; 4],
    started: Instant,
    last_full: Mutex<Instant>,
    inboxes: Mutex<Vec<(String, Subscriber)>>,
    /// Rung once per task queued anywhere.
    arrivals: tokio::sync::Notify,
}

impl Puller {
    /// Starts following the queue's subjects, in a background task under `supervision` (subscribed again, and
    /// reported, when a subscription ends).
    pub(super) async fn start(
        client: Client,
        supervision: &Supervision,
    ) -> anyhow::Result<Arc<Puller>> {
        let puller = Arc::new(Puller {
            plain_request: pull_body(plain_expires(&client.server_info().version)),
            expecting_request: pull_body(Some(EXPECTING_EXPIRES)),
            client: client.clone(),
            signs: std::array::from_fn(|_| AtomicU64::new(1)),
            empty_at: std::array::from_fn(|_| AtomicU64::new(0)),
            last_sign_ms: std::array::from_fn(|_| AtomicU64::new(0)),
            started: Instant::now(),
            last_full: Mutex::new(Instant::now()),
            inboxes: Mutex::new(Vec::new()),
            arrivals: tokio::sync::Notify::new(),
        });
        // Subscribed before the queue is handed out, so no task queued after it is missed.
        let first = Mutex::new(Some(subscribe(&client).await?));
        let listener = Arc::downgrade(&puller);
        supervision.spawn("task puller", move || {
            let subscriptions_opt = first.lock().ok().and_then(|mut first| first.take());
            let client = client.clone();
            let listener = listener.clone();
            async move {
                let subscriptions = match subscriptions_opt {
                    Some(subscriptions) => subscriptions,
                    None => match subscribe(&client).await {
                        Ok(subscriptions) => subscriptions,
                        Err(error) => return Ended::Broke(format!("{error:#}")),
                    },
                };
                listen(subscriptions, listener).await
            }
        });
        Ok(puller)
    }

    /// Notified once per task queued anywhere.
    pub(super) fn arrivals(&self) -> &tokio::sync::Notify {
        &self.arrivals
    }

    /// A task may be waiting on `priority`.
    pub(super) fn mark(&self, priority: Priority) {
        self.mark_slot(slot(priority));
    }

    fn mark_slot(&self, slot: usize) {
        self.signs[slot].fetch_add(1, Ordering::AcqRel);
        self.last_sign_ms[slot].store(self.elapsed_ms(), Ordering::Release);
    }

    fn mark_all(&self) {
        for slot in 0..4 {
            self.mark_slot(slot);
        }
    }

    fn elapsed_ms(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }

    /// Tells every node that a task handed back waits on `priority` now (or after `delay`).
    async fn announce(&self, priority: Priority, delay: Option<Duration>) {
        match delay {
            None | Some(Duration::ZERO) => {
                self.mark(priority);
                self.arrivals.notify_one();
                if let Err(error) = self
                    .client
                    .publish(subject::tasks_ready(priority.as_str()), Bytes::new())
                    .await
                {
                    warn!(%error, "failed to announce a task");
                }
            }
            Some(delay) => self.announce_later(vec![priority], delay),
        }
    }

    /// Announces a task on each of `priorities` once `delay` has passed, from one background task.
    fn announce_later(&self, priorities: Vec<Priority>, delay: Duration) {
        let client = self.client.clone();
        tokio::spawn(async move {
            // The server puts a task back a moment after the delay counted from when it got the hand-back:
            // announced on the dot, a woken claim could ask before it is there.
            tokio::time::sleep(delay + ANNOUNCE_AFTER_DELAY).await;
            for priority in priorities {
                let _ = client
                    .publish(subject::tasks_ready(priority.as_str()), Bytes::new())
                    .await;
            }
        });
    }

    /// The priorities worth asking now, highest first, each with the signs seen so far.
    fn to_ask(&self) -> Vec<(Priority, u64)> {
        if let Ok(mut last_full) = self.last_full.lock()
            && last_full.elapsed() >= FULL_PULL_EVERY
        {
            *last_full = Instant::now();
            // Not an announcement: no quiet period follows.
            for signs in &self.signs {
                signs.fetch_add(1, Ordering::AcqRel);
            }
        }
        Priority::ALL
            .into_iter()
            .filter_map(|priority| {
                let signs = self.signs[slot(priority)].load(Ordering::Acquire);
                (signs > self.empty_at[slot(priority)].load(Ordering::Acquire))
                    .then_some((priority, signs))
            })
            .collect()
    }

    /// Records that the priority a status answer came for (the last token of its reply subject) was empty when
    /// asked: the signs seen then are spent.
    fn found_empty(&self, asked: &[(Priority, u64)], subject: &str) -> Option<Priority> {
        let answered = subject.rsplit('.').next().unwrap_or_default();
        let (priority, signs) = asked
            .iter()
            .find(|(priority, _)| priority.as_str() == answered)?;
        // A priority announced moments ago stays worth asking: a hand-back is processed by the server after
        // its announcement may have arrived.
        if !self.announced_lately(*priority) {
            self.empty_at[slot(*priority)].fetch_max(*signs, Ordering::AcqRel);
        }
        Some(*priority)
    }

    /// Whether a sign came for `priority` within the last [`QUIET_MS`] (not the second's tick).
    fn announced_lately(&self, priority: Priority) -> bool {
        let last = self.last_sign_ms[slot(priority)].load(Ordering::Acquire);
        self.elapsed_ms().saturating_sub(last) < QUIET_MS
    }

    fn inbox(&self) -> Option<(String, Subscriber)> {
        self.inboxes.lock().ok()?.pop()
    }

    /// Asks the consumers that may hold a task for one delivery each and returns what came, highest priority
    /// first.
    pub(super) async fn pull(self: &Arc<Self>, look: Look) -> Result<Vec<Delivery>, WireError> {
        let asked = self.to_ask();
        if asked.is_empty() {
            return Ok(Vec::new());
        }
        let (inbox, mut answers) = match self.inbox() {
            Some(reused) => reused,
            None => {
                let inbox = self.client.new_inbox();
                let answers = self
                    .client
                    .subscribe(format!("{inbox}.*"))
                    .await
                    .map_err(unavailable)?;
                (inbox, answers)
            }
        };
        for (priority, _) in &asked {
            let body = if look == Look::Expecting && self.announced_lately(*priority) {
                self.expecting_request.clone()
            } else {
                self.plain_request.clone()
            };
            self.client
                .publish_with_reply(
                    subject::js_consumer_next(STREAM, &consumer_name(*priority)),
                    // Status answers come to the reply subject: its last token says which priority was empty.
                    format!("{inbox}.{}", priority.as_str()),
                    // `no_wait` answers at once when nothing waits, or when another claim took the task first.
                    body,
                )
                .await
                .map_err(unavailable)?;
        }
        let mut pending: Vec<Priority> = asked.iter().map(|(priority, _)| *priority).collect();
        let mut deliveries = Vec::new();
        let patience = tokio::time::Instant::now() + ANSWER_PATIENCE;
        while !pending.is_empty() {
            // Done once the best delivery is known: every priority above it has answered.
            let settled = deliveries.iter().any(|delivery: &Delivery| {
                pending.iter().all(|priority| *priority > delivery.priority)
            });
            if settled {
                break;
            }
            // Answers come within a round trip (or `expires`); a busy server can take hundreds of milliseconds.
            // Only a connection that lost them runs out the patience, one bound for all the answers.
            let message = match tokio::time::timeout_at(patience, answers.next()).await {
                Ok(Some(message)) => message,
                Ok(None) | Err(_) => break,
            };
            match self.answer(&asked, message) {
                Answer::Empty(priority) => pending.retain(|asked| *asked != priority),
                Answer::Delivery(delivery) => {
                    pending.retain(|asked| *asked != delivery.priority);
                    deliveries.push(delivery);
                }
                Answer::Other => {}
            }
        }
        if pending.is_empty() {
            self.recycle(inbox, answers);
        } else {
            // The answers of lower priorities than the task taken (or of requests a lost connection took) are
            // left to the background: a delivery among them goes back to the queue (and is announced) as it
            // comes.
            let puller = Arc::clone(self);
            tokio::spawn(async move {
                while !pending.is_empty() {
                    let Ok(Some(message)) =
                        tokio::time::timeout(ABANDONED_ANSWERS_AFTER, answers.next()).await
                    else {
                        // Whatever it would have delivered comes back after the ack wait.
                        puller.mark_all();
                        return;
                    };
                    match puller.answer(&asked, message) {
                        Answer::Empty(priority) => pending.retain(|asked| *asked != priority),
                        Answer::Delivery(delivery) => {
                            pending.retain(|asked| *asked != delivery.priority);
                            puller.hand_back(&delivery.ack_subject, None).await;
                        }
                        Answer::Other => {}
                    }
                }
                puller.recycle(inbox, answers);
            });
        }
        deliveries.sort_by_key(|delivery| delivery.priority);
        Ok(deliveries)
    }

    /// Reads one answer to a pull.
    fn answer(&self, asked: &[(Priority, u64)], message: async_nats::Message) -> Answer {
        if let Some(status) = message.status {
            // 404 (nothing waiting) and 408 (request expired) mean no task; anything else is worth a word.
            if status.as_u16() != 404 && status.as_u16() != 408 {
                warn!(status = status.as_u16(), description = ?message.description, "unexpected answer to a task pull");
            }
            return match self.found_empty(asked, message.subject.as_str()) {
                Some(priority) => Answer::Empty(priority),
                None => Answer::Other,
            };
        }
        let Some(ack_subject) = message.reply.map(|reply| reply.to_string()) else {
            return Answer::Other;
        };
        let Some((priority, delivered)) = parse_ack_subject(&ack_subject) else {
            warn!(%ack_subject, "a task delivery with an unknown acknowledgement subject");
            return Answer::Other;
        };
        Answer::Delivery(Delivery {
            priority,
            own_subject: message.subject.as_str()
                != subject::tasks_queue_filters(priority.as_str())[0],
            queued_again: message
                .headers
                .as_ref()
                .is_some_and(|headers| headers.get(super::delivery::QUEUED_AGAIN).is_some()),
            payload: message.payload,
            delivered,
            ack_subject,
        })
    }

    /// Returns a delivery to its consumer, at once or after `delay`, and announces it once the server has it
    /// back (the announcement follows the hand-back on the same connection).
    pub(super) async fn hand_back(&self, ack_subject: &str, delay: Option<Duration>) {
        self.nak(ack_subject, delay).await;
        if let Some((priority, _)) = parse_ack_subject(ack_subject) {
            self.announce(priority, delay).await;
        }
    }

    /// Returns deliveries to their consumers in order, at once or after `delay`; delayed ones are announced
    /// together, from one background task.
    pub(super) async fn hand_back_all(&self, ack_subjects: &[String], delay: Option<Duration>) {
        let Some(delay) = delay.filter(|delay| !delay.is_zero()) else {
            for ack_subject in ack_subjects {
                self.hand_back(ack_subject, None).await;
            }
            return;
        };
        let mut priorities = Vec::with_capacity(ack_subjects.len());
        for ack_subject in ack_subjects {
            self.nak(ack_subject, Some(delay)).await;
            priorities.extend(parse_ack_subject(ack_subject).map(|(priority, _)| priority));
        }
        if !priorities.is_empty() {
            self.announce_later(priorities, delay);
        }
    }

    async fn nak(&self, ack_subject: &str, delay: Option<Duration>) {
        if let Err(error) = self
            .client
            .publish(ack_subject.to_owned(), Bytes::from(AckKind::Nak(delay)))
            .await
        {
            warn!(%error, "failed to hand a task delivery back");
        }
    }

    fn recycle(&self, inbox: String, answers: Subscriber) {
        if let Ok(mut idle) = self.inboxes.lock()
            && idle.len() < MAX_IDLE_INBOXES
        {
            idle.push((inbox, answers));
        }
    }
}

/// What one answer to a pull says.
enum Answer {
    /// Nothing waits on that priority.
    Empty(Priority),
    /// A task.
    Delivery(Delivery),
    /// Something else (logged).
    Other,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pulls_carry_an_expires_only_on_servers_that_keep_a_pull_that_lost_its_task() {
        assert_eq!(plain_expires("2.14.6"), None);
        assert_eq!(plain_expires("2.15.0-RC.1"), None);
        assert_eq!(plain_expires("2.12.8"), Some(KEPT_PULL_EXPIRES));
        assert_eq!(plain_expires("2.10.26"), Some(KEPT_PULL_EXPIRES));
        assert_eq!(plain_expires("not a version"), Some(KEPT_PULL_EXPIRES));
        assert_eq!(&pull_body(None)[..], br#"{"batch":1,"no_wait":true}"#);
        assert_eq!(
            &pull_body(Some(EXPECTING_EXPIRES))[..],
            br#"{"batch":1,"no_wait":true,"expires":5000000}"#
        );
    }

    #[test]
    fn one_message_is_known_by_its_consumer_and_stream_sequence_in_either_format() {
        let plain = "$JS.ACK.SHIM_TASKS.tasks-normal.1.17.9.1700000000000000000.0";
        let later = "$JS.ACK.SHIM_TASKS.tasks-normal.2.17.12.1700000000500000000.3";
        let hashed =
            "$JS.ACK.hub.ACCHASH.SHIM_TASKS.tasks-normal.3.17.20.1700000001000000000.0.rand";
        assert_eq!(same_message(plain, later), Some(true));
        assert_eq!(same_message(plain, hashed), Some(true));
        let other = "$JS.ACK.SHIM_TASKS.tasks-normal.2.18.12.1700000000500000000.3";
        assert_eq!(same_message(plain, other), Some(false));
        let elsewhere = "$JS.ACK.SHIM_TASKS.tasks-high.1.17.9.1700000000000000000.0";
        assert_eq!(same_message(plain, elsewhere), Some(false));
        assert_eq!(same_message(plain, "garbage"), None);
    }

    #[test]
    fn priority_and_delivery_count_are_read_from_both_ack_subject_formats() {
        assert_eq!(
            parse_ack_subject("$JS.ACK.SHIM_TASKS.tasks-normal.3.17.9.1700000000000000000.0"),
            Some((Priority::Normal, 3))
        );
        assert_eq!(
            parse_ack_subject(
                "$JS.ACK.hub.ACCHASH.SHIM_TASKS.tasks-critical.2.17.9.1700000000000000000.0.rand"
            ),
            Some((Priority::Critical, 2))
        );
        assert_eq!(parse_ack_subject("garbage"), None);
        assert_eq!(
            parse_ack_subject("$JS.ACK.SHIM_TASKS.other.3.17.9.1700000000000000000.0"),
            None
        );
    }
}
