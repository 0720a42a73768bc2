//! A three-server NATS cluster loses a server under load (docs/cluster.md, "What the cluster test shows"): two
//! nodes, each given all three servers, run a supervisor chat dispatching tasks, four worker chats claiming and
//! completing them, a chat messaging another and two chats taking turns at a lock, all with three copies of
//! every stream and bucket. The server leading the queue's stream is killed (SIGKILL) and later started again.
//! Nothing acknowledged is lost: every dispatched task is completed, its result recorded once; every message
//! sent is read; every lock grant is held until its holder releases it, never two holders, tokens only grow;
//! and the queue serves while the server is down. A call the cluster did not acknowledge is sent again, as a
//! client would.

use std::{
    collections::{BTreeMap, BTreeSet},
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, Ordering},
    },
    time::{Duration, Instant},
};

use async_nats::jetstream;
use futures::TryStreamExt;
use shim_node::nats::{ClientError, NodeClient};
use shim_protocol::{
    NodeOp, WireError,
    messages::{
        ChatEntry, ChatMessage, ClaimTaskReply, ClaimTaskRequest, CollectResultsRequest,
        CompleteTaskReply, CompleteTaskRequest, DispatchTaskReply, DispatchTaskRequest,
        HeartbeatRequest, LockReply, LockRequest, MessageList, ReadMessagesRequest,
        ReleaseLockReply, ReleaseLockRequest, SendMessageRequest, TaskList, TaskRecord, TaskStatus,
    },
};
use shim_tests::{
    DEADLINE, NatsCluster, POLL, TestNode,
    nats_cluster::{leader_of, stream_info, stream_names},
    wait_until,
};

/// What the load saw acknowledged, and when: the test's own book, checked against the cluster at the end.
#[derive(Debug, Default)]
struct Book {
    /// Dispatches acknowledged: the task id each idempotency key got (a retried key must get the same one).
    dispatched: BTreeMap<String, String>,
    /// Completions acknowledged: task id, worker, result sent, whether this call recorded it, when.
    completions: Vec<Completion>,
    /// Messages acknowledged to their sender, by text.
    sent: BTreeSet<String>,
    /// Messages the recipient read, by text.
    read: BTreeSet<String>,
    /// Lock grants acknowledged, in order: holder, fencing token, when.
    grants: Vec<(String, u64, Instant)>,
    /// The chat that holds the lock in the book: from its grant's acknowledgement until its release is sent.
    holder: Option<String>,
    /// Problems seen while the load ran (a second holder, a lost grant, a refused call).
    problems: Vec<String>,
    /// Calls sent again after an error a client retries, by operation and error.
    retries: BTreeMap<String, usize>,
}

#[derive(Debug, Clone)]
struct Completion {
    task_id: String,
    result: String,
    recorded: bool,
    at: Instant,
}

impl Book {
    fn completions_since(&self, since: Instant) -> usize {
        self.completions
            .iter()
            .filter(|completion| completion.recorded && completion.at >= since)
            .count()
    }

    /// Tasks dispatched and not completed yet.
    fn backlog(&self) -> usize {
        let completed: BTreeSet<&str> = self
            .completions
            .iter()
            .map(|completion| completion.task_id.as_str())
            .collect();
        self.dispatched
            .values()
            .filter(|task_id| !completed.contains(task_id.as_str()))
            .count()
    }

    fn grants_since(&self, since: Instant) -> usize {
        self.grants.iter().filter(|(_, _, at)| *at >= since).count()
    }
}

type Shared = Arc<Mutex<Book>>;

/// Tasks waiting, and messages unread, at most at a time.
const BACKLOG: usize = 8;

fn book(shared: &Shared) -> std::sync::MutexGuard<'_, Book> {
    shared.lock().expect("the book")
}

/// Whether a failed call may be sent again as it was: the cluster did not answer, or answered that it could not
/// now (a client retries those).
fn retryable(error: &ClientError) -> bool {
    match error {
        ClientError::Remote(remote) => matches!(
            remote,
            WireError::Busy { .. } | WireError::Timeout { .. } | WireError::Unavailable { .. }
        ),
        ClientError::Timeout { .. } | ClientError::NoNode { .. } | ClientError::Nats(_) => true,
        ClientError::Codec(_) | ClientError::Subject(_) => false,
    }
}

/// A failed call's kind, for the count of retries.
fn error_kind(error: &ClientError) -> String {
    match error {
        ClientError::Remote(remote) => {
            let text = remote.to_string();
            text.chars().take(60).collect()
        }
        ClientError::Timeout { .. } => "timeout".to_owned(),
        ClientError::NoNode { .. } => "no node".to_owned(),
        other => other.to_string().chars().take(60).collect(),
    }
}

/// Sends `request` as `op` until it is acknowledged (retrying what may be retried, as a client would); `None`
/// when it was refused for good or `deadline` passed, with the reason in the book.
async fn until_acknowledged<Req: serde::Serialize, Resp: serde::de::DeserializeOwned>(
    client: &NodeClient,
    op: NodeOp,
    request: &Req,
    shared: &Shared,
    deadline: Instant,
) -> Option<Resp> {
    loop {
        match client.request::<Req, Resp>(op, request).await {
            Ok(reply) => return Some(reply),
            Err(error) if retryable(&error) && Instant::now() < deadline => {
                let kind = format!("{op}: {}", error_kind(&error));
                *book(shared).retries.entry(kind).or_default() += 1;
            }
            Err(error) => {
                book(shared).problems.push(format!("{op}: {error}"));
                return None;
            }
        }
    }
}

/// The supervisor: dispatches task after task, each with an idempotency key, sending one again until it is
/// acknowledged.
async fn supervise(client: NodeClient, shared: Shared, stop: Arc<AtomicBool>) {
    let mut number = 0;
    while !stop.load(Ordering::Relaxed) {
        // A few tasks waiting at a time: the queue is never empty, and the run stays small.
        wait_until(
            || async { book(&shared).backlog() < BACKLOG || stop.load(Ordering::Relaxed) },
            Duration::from_secs(60),
            POLL,
        )
        .await;
        number += 1;
        let key = format!("job-{number}");
        let request = DispatchTaskRequest {
            chat_id: "lead".to_owned(),
            title: key.clone(),
            instructions: format!("do {key}"),
            idempotency_key: Some(key.clone()),
            ..DispatchTaskRequest::default()
        };
        let deadline = Instant::now() + Duration::from_secs(40);
        let Some(reply) = until_acknowledged::<_, DispatchTaskReply>(
            &client,
            NodeOp::TaskDispatch,
            &request,
            &shared,
            deadline,
        )
        .await
        else {
            return;
        };
        book(&shared).dispatched.insert(key, reply.task_id);
    }
}

/// A worker: claims a task, completes it (sending the completion again until it is acknowledged), and again,
/// until `done`.
async fn work(client: NodeClient, worker: String, shared: Shared, done: Arc<AtomicBool>) {
    while !done.load(Ordering::Relaxed) {
        let claimed = client
            .with_timeout(Duration::from_secs(6))
            .request::<_, ClaimTaskReply>(
                NodeOp::TaskClaim,
                &ClaimTaskRequest {
                    chat_id: worker.clone(),
                    wait_seconds: Some(1),
                    capabilities: None,
                },
            )
            .await;
        let task = match claimed {
            Ok(ClaimTaskReply { task: Some(task) }) => task,
            Ok(ClaimTaskReply { task: None }) => continue,
            Err(error) if retryable(&error) => {
                let kind = format!("task.claim: {}", error_kind(&error));
                *book(&shared).retries.entry(kind).or_default() += 1;
                continue;
            }
            Err(error) => {
                book(&shared)
                    .problems
                    .push(format!("claim by {worker}: {error}"));
                continue;
            }
        };
        let result = format!(
            "{} done by {worker} at attempt {}",
            task.task_id, task.attempt
        );
        let request = CompleteTaskRequest {
            chat_id: worker.clone(),
            task_id: task.task_id.clone(),
            result: result.clone(),
            ..CompleteTaskRequest::default()
        };
        let deadline = Instant::now() + Duration::from_secs(40);
        if let Some(reply) = until_acknowledged::<_, CompleteTaskReply>(
            &client,
            NodeOp::TaskComplete,
            &request,
            &shared,
            deadline,
        )
        .await
        {
            book(&shared).completions.push(Completion {
                task_id: task.task_id,
                result,
                recorded: reply.recorded,
                at: Instant::now(),
            });
        }
    }
}

/// One chat messages another, each message with a text of its own; a send that is not acknowledged is not
/// counted (nor sent again: a message has no key to deduplicate it by).
async fn send_messages(client: NodeClient, shared: Shared, stop: Arc<AtomicBool>) {
    let mut number = 0;
    while !stop.load(Ordering::Relaxed) {
        wait_until(
            || async {
                let book = book(&shared);
                book.sent.difference(&book.read).count() < BACKLOG
            },
            Duration::from_secs(60),
            POLL,
        )
        .await;
        number += 1;
        let text = format!("message {number}");
        let sent = client
            .request::<_, ChatMessage>(
                NodeOp::MessageSend,
                &SendMessageRequest {
                    from: "lead".to_owned(),
                    to: "inbox".to_owned(),
                    text: text.clone(),
                    ..SendMessageRequest::default()
                },
            )
            .await;
        match sent {
            Ok(_) => {
                book(&shared).sent.insert(text);
            }
            Err(error) if retryable(&error) => {}
            Err(error) => book(&shared).problems.push(format!("send: {error}")),
        }
    }
}

/// The recipient reads what it is sent, until `done`.
async fn read_messages(client: NodeClient, shared: Shared, done: Arc<AtomicBool>) {
    while !done.load(Ordering::Relaxed) {
        let read = client
            .with_timeout(Duration::from_secs(6))
            .request::<_, MessageList>(
                NodeOp::MessageRead,
                &ReadMessagesRequest {
                    chat_id: "inbox".to_owned(),
                    wait_seconds: Some(1),
                    max: Some(100),
                },
            )
            .await;
        if let Ok(list) = read {
            book(&shared)
                .read
                .extend(list.messages.into_iter().map(|message| message.text));
        }
    }
}

/// A chat that takes the one lock, checks in the book that nobody else holds it, asks again while it holds it
/// (its grant must still be there, renewed with a higher token), and gives it back, until `stop`. A refused
/// chat waits until the book says the lock is being given back. An acquire that is not acknowledged is sent
/// again (a chat asking again renews its own grant); a release is sent until acknowledged, and must find the
/// grant it releases.
async fn take_turns(client: NodeClient, chat: String, shared: Shared, stop: Arc<AtomicBool>) {
    let acquire = LockRequest {
        chat_id: chat.clone(),
        resource: "shared/resource".to_owned(),
        ttl_seconds: Some(120),
    };
    while !stop.load(Ordering::Relaxed) {
        let deadline = Instant::now() + Duration::from_secs(40);
        let Some(reply) = until_acknowledged::<_, LockReply>(
            &client,
            NodeOp::LockAcquire,
            &acquire,
            &shared,
            deadline,
        )
        .await
        else {
            return;
        };
        if !reply.acquired {
            wait_until(
                || async { book(&shared).holder.is_none() || stop.load(Ordering::Relaxed) },
                Duration::from_secs(40),
                POLL,
            )
            .await;
            continue;
        }
        let token = reply.fencing_token.unwrap_or_default();
        {
            let mut book = book(&shared);
            if let Some(other) = book.holder.clone() {
                book.problems.push(format!(
                    "{chat} was granted the lock (token {token}) while {other} held it"
                ));
            }
            if let Some((_, last, _)) = book.grants.last()
                && token <= *last
            {
                let last = *last;
                book.problems.push(format!(
                    "{chat}'s fencing token {token} is not above the last one granted, {last}"
                ));
            }
            book.grants.push((chat.clone(), token, Instant::now()));
            book.holder = Some(chat.clone());
        }
        // Still held: asking again renews the grant with a higher token.
        let Some(renewed) = until_acknowledged::<_, LockReply>(
            &client,
            NodeOp::LockAcquire,
            &acquire,
            &shared,
            deadline,
        )
        .await
        else {
            return;
        };
        let renewed_token = renewed.fencing_token.unwrap_or_default();
        if !renewed.acquired || renewed_token <= token {
            book(&shared).problems.push(format!(
                "{chat} lost its grant (token {token}) while holding it: {renewed:?}"
            ));
        }
        let release = ReleaseLockRequest {
            chat_id: chat.clone(),
            resource: "shared/resource".to_owned(),
        };
        // Out of the book as the release goes: from here another chat may rightly be granted the lock.
        {
            let mut book = book(&shared);
            book.grants
                .push((chat.clone(), renewed_token, Instant::now()));
            book.holder = None;
        }
        let mut first_try = true;
        loop {
            match client
                .request::<_, ReleaseLockReply>(NodeOp::LockRelease, &release)
                .await
            {
                // A release whose first try was acknowledged finds the grant; one sent again may find that the
                // first try (not acknowledged) released it already.
                Ok(reply) => {
                    if first_try && !reply.released {
                        book(&shared)
                            .problems
                            .push(format!("{chat}'s grant was gone when it released it"));
                    }
                    break;
                }
                Err(error) if retryable(&error) && Instant::now() < deadline => first_try = false,
                // Sent again after a try that released it unacknowledged: the other chat, rightly granted the
                // lock since, holds it now; this chat's grant is gone as it should be.
                Err(ClientError::Remote(WireError::BadRequest { message }))
                    if !first_try && message.contains("is held by") =>
                {
                    break;
                }
                Err(error) => {
                    book(&shared)
                        .problems
                        .push(format!("{chat}'s release: {error}"));
                    return;
                }
            }
        }
    }
}

/// Waits until `ready` holds for the book, failing with `what` after `within`.
async fn wait_for_book(
    shared: &Shared,
    within: Duration,
    what: &str,
    ready: impl Fn(&Book) -> bool,
) {
    let reached = wait_until(|| async { ready(&book(shared)) }, within, POLL).await;
    let state = {
        let book = book(shared);
        format!(
            "{} dispatched, {} completed, {} messages sent, {} read, {} grants; problems: {:?}",
            book.dispatched.len(),
            book.completions.len(),
            book.sent.len(),
            book.read.len(),
            book.grants.len(),
            book.problems
        )
    };
    assert!(reached, "{what} within {within:?}: {state}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_under_load_loses_nothing_and_the_queue_keeps_serving() {
    let mut cluster = NatsCluster::start();
    let urls = cluster.urls();
    let start_node = || async {
        let (mut config, data_dir) = TestNode::config(&urls);
        config.replicas = 3;
        // A delivery lost with its server comes back to the queue within seconds, not the default 30.
        config.tasks.ack_wait_s = 5;
        TestNode::start_with(config, data_dir).await
    };
    let (node_a, node_b) = (start_node().await, start_node().await);
    let js = jetstream::new(
        shim_node::nats::connect(&urls, "test", false, None)
            .await
            .expect("connects"),
    );
    for name in stream_names(&js).await {
        assert_eq!(
            stream_info(&js, &name).await.config.num_replicas,
            3,
            "{name}"
        );
    }
    let (client_a, client_b) = (node_a.client().await, node_b.client().await);
    let shared = Shared::default();
    let stop = Arc::new(AtomicBool::new(false));
    let done = Arc::new(AtomicBool::new(false));
    let supervisor = tokio::spawn(supervise(client_a.clone(), shared.clone(), stop.clone()));
    let mut loads = Vec::new();
    for (client, worker) in [
        (&client_a, "a-worker-1"),
        (&client_a, "a-worker-2"),
        (&client_b, "b-worker-1"),
        (&client_b, "b-worker-2"),
    ] {
        loads.push(tokio::spawn(work(
            client.clone(),
            worker.to_owned(),
            shared.clone(),
            done.clone(),
        )));
    }
    // The recipient says it is there first: a chat is sent messages once the registry knows it.
    let beat = HeartbeatRequest {
        chat_id: "inbox".to_owned(),
        ..HeartbeatRequest::default()
    };
    let known = until_acknowledged::<_, ChatEntry>(
        &client_b,
        NodeOp::ChatHeartbeat,
        &beat,
        &shared,
        Instant::now() + DEADLINE,
    )
    .await;
    assert!(
        known.is_some(),
        "the recipient is known: {:?}",
        book(&shared).problems
    );
    let sender = tokio::spawn(send_messages(
        client_a.clone(),
        shared.clone(),
        stop.clone(),
    ));
    loads.push(tokio::spawn(read_messages(
        client_b.clone(),
        shared.clone(),
        done.clone(),
    )));
    let lockers: Vec<_> = [(&client_a, "a-locker"), (&client_b, "b-locker")]
        .into_iter()
        .map(|(client, chat)| {
            tokio::spawn(take_turns(
                client.clone(),
                chat.to_owned(),
                shared.clone(),
                stop.clone(),
            ))
        })
        .collect();
    let started = Instant::now();
    wait_for_book(&shared, DEADLINE, "the load runs", |book| {
        book.completions_since(started) >= 20 && book.read.len() >= 5 && book.grants.len() >= 5
    })
    .await;

    // Kill the server that leads the queue's stream, under load.
    let victim = cluster
        .index_of(&leader_of(&js, "SHIM_TASKS").await)
        .expect("the leader is one of the three");
    let killed_at = Instant::now();
    cluster.kill(victim);
    wait_for_book(
        &shared,
        Duration::from_secs(30),
        "the queue serves without its leader",
        |book| book.completions_since(killed_at) >= 20 && book.grants_since(killed_at) >= 3,
    )
    .await;
    let restarted_at = Instant::now();
    tokio::task::block_in_place(|| cluster.restart(victim));
    let back_at = Instant::now();
    wait_for_book(
        &shared,
        Duration::from_secs(30),
        "the queue serves after the restart",
        |book| book.completions_since(back_at) >= 20 && book.grants_since(back_at) >= 3,
    )
    .await;

    // Stop the load, then let the workers finish what was dispatched and the recipient read what was sent.
    stop.store(true, Ordering::Relaxed);
    supervisor.await.expect("the supervisor ends");
    sender.await.expect("the sender ends");
    for locker in lockers {
        locker.await.expect("a locker ends");
    }
    wait_for_book(
        &shared,
        Duration::from_secs(30),
        "every dispatched task completed and every message read",
        |book| {
            let completed: BTreeSet<&str> = book
                .completions
                .iter()
                .map(|completion| completion.task_id.as_str())
                .collect();
            book.dispatched
                .values()
                .all(|task_id| completed.contains(task_id.as_str()))
                && book.sent.is_subset(&book.read)
        },
    )
    .await;
    done.store(true, Ordering::Relaxed);
    for load in loads {
        load.await.expect("a load ends");
    }

    // Every load has ended: the book is the test's alone now.
    let book = std::mem::take(&mut *book(&shared));
    assert!(book.problems.is_empty(), "{:#?}", book.problems);
    // Every task recorded once: by at most one acknowledged completion, and the record holds that result.
    let mut recorded: BTreeMap<&str, Vec<&Completion>> = BTreeMap::new();
    for completion in book
        .completions
        .iter()
        .filter(|completion| completion.recorded)
    {
        recorded
            .entry(&completion.task_id)
            .or_default()
            .push(completion);
    }
    for (task_id, completions) in &recorded {
        assert_eq!(
            completions.len(),
            1,
            "task {task_id} recorded twice: {completions:?}"
        );
    }
    let dispatched: BTreeSet<&str> = book.dispatched.values().map(String::as_str).collect();
    let mut collected = Vec::new();
    for chunk in dispatched.iter().copied().collect::<Vec<_>>().chunks(100) {
        let list: TaskList = client_a
            .request(
                NodeOp::TaskCollect,
                &CollectResultsRequest {
                    chat_id: "lead".to_owned(),
                    task_ids: Some(chunk.iter().map(|task_id| (*task_id).to_owned()).collect()),
                },
            )
            .await
            .expect("collects");
        collected.extend(list.tasks);
    }
    let tasks: BTreeMap<&str, &TaskRecord> = collected
        .iter()
        .map(|task| (task.task_id.as_str(), task))
        .collect();
    assert_eq!(
        tasks.keys().copied().collect::<BTreeSet<_>>(),
        dispatched,
        "every task the supervisor was told of exists"
    );
    // A dispatch sent again made no task of its own: the queue's records are exactly the tasks the supervisor
    // was told of.
    let records: BTreeSet<String> = js
        .get_key_value("shim_tasks")
        .await
        .expect("the task records")
        .keys()
        .await
        .expect("keys")
        .try_collect()
        .await
        .expect("keys");
    assert_eq!(
        records.iter().map(String::as_str).collect::<BTreeSet<_>>(),
        dispatched,
        "the records are the tasks the supervisor was told of"
    );
    for task in tasks.values() {
        assert_eq!(task.status, TaskStatus::Done, "{task:?}");
        if let Some(completion) = recorded
            .get(task.task_id.as_str())
            .and_then(|list| list.first())
        {
            assert_eq!(
                task.result.as_deref(),
                Some(completion.result.as_str()),
                "the acknowledged result is the one kept"
            );
        }
    }
    // The queue served while its leader was down: completions acknowledged inside the outage.
    let during = book
        .completions
        .iter()
        .filter(|completion| {
            completion.recorded && (killed_at..restarted_at).contains(&completion.at)
        })
        .count();
    assert!(during >= 20, "{during} completions during the outage");
    let grants_during = book
        .grants
        .iter()
        .filter(|(_, _, at)| (killed_at..restarted_at).contains(at))
        .count();
    assert!(
        grants_during >= 3,
        "{grants_during} lock grants during the outage"
    );
    let first_after_kill = book
        .completions
        .iter()
        .filter(|completion| completion.recorded && completion.at >= killed_at)
        .map(|completion| completion.at - killed_at)
        .min();
    eprintln!(
        "{} tasks dispatched and completed ({} before the kill in {:?}; {during} during the outage of {}, {:?}, the \
         first {:?} after the kill; back and caught up {:?} after its restart; {} after in {:?}), {} messages sent and \
         read, {} lock grants",
        book.dispatched.len(),
        book.completions_since(started) - book.completions_since(killed_at),
        killed_at - started,
        cluster.name(victim),
        restarted_at - killed_at,
        first_after_kill,
        back_at - restarted_at,
        book.completions_since(back_at),
        Instant::now() - back_at,
        book.sent.len(),
        book.grants.len()
    );
    eprintln!("calls sent again: {:#?}", book.retries);
    node_a.stop().await;
    node_b.stop().await;
}
