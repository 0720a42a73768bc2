//! Long waits and requesters that give up: claims and reads that wait up to 60 s work over NATS and MCP, a
//! claim or read whose requester timed out, was killed or disconnected hands back what it took (no attempt
//! spent, no message lost), and a node stopping cleanly hands its chats' tasks back at once.

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use shim_node::nats::{ClientError, NodeClient};
use shim_protocol::{
    NodeOp,
    messages::{
        ChatEntry, ChatList, ChatMessage, ClaimTaskReply, ClaimTaskRequest, ClaimedTask,
        CompleteTaskReply, CompleteTaskRequest, DispatchTaskReply, DispatchTaskRequest,
        HeartbeatRequest, ListChatsRequest, MessageList, ReadMessagesRequest, SendMessageRequest,
        TaskList, TaskRecord, TaskStatusRequest,
    },
};
use shim_tests::{
    DEADLINE, EventFeed, NatsOptions, NatsServer, NodeProcess, TestNode, wait_for_node,
};

/// How late the task or message arrives: past async-nats' 10 s default request timeout.
const LATE: Duration = Duration::from_secs(12);

async fn beat(client: &NodeClient, chat_id: &str, role: &str) -> ChatEntry {
    client
        .request(
            NodeOp::ChatHeartbeat,
            &HeartbeatRequest {
                chat_id: chat_id.to_owned(),
                role: Some(role.parse().expect("a role")),
                ..HeartbeatRequest::default()
            },
        )
        .await
        .expect("heartbeat")
}

async fn dispatch(client: &NodeClient, supervisor: &str, title: &str) -> String {
    let reply: DispatchTaskReply = client
        .request(
            NodeOp::TaskDispatch,
            &DispatchTaskRequest {
                chat_id: supervisor.to_owned(),
                title: title.to_owned(),
                instructions: format!("do {title}"),
                ..DispatchTaskRequest::default()
            },
        )
        .await
        .expect("dispatches");
    reply.task_id
}

/// Claims with `wait_seconds`, the client giving up after `patience`.
async fn claim(
    client: &NodeClient,
    chat_id: &str,
    wait_seconds: u64,
    patience: Duration,
) -> Result<Option<ClaimedTask>, ClientError> {
    let reply: ClaimTaskReply = client
        .with_timeout(patience)
        .request(
            NodeOp::TaskClaim,
            &ClaimTaskRequest {
                chat_id: chat_id.to_owned(),
                wait_seconds: Some(wait_seconds),
                capabilities: Some(Vec::new()),
            },
        )
        .await?;
    Ok(reply.task)
}

/// A claim served by `client`'s own node (not by any node of the coordination service).
async fn claim_on_node(
    client: &NodeClient,
    chat_id: &str,
    wait_seconds: u64,
    patience: Duration,
) -> Result<Option<ClaimedTask>, ClientError> {
    let reply: ClaimTaskReply = client
        .with_timeout(patience)
        .request_to_node(
            NodeOp::TaskClaim,
            &ClaimTaskRequest {
                chat_id: chat_id.to_owned(),
                wait_seconds: Some(wait_seconds),
                capabilities: Some(Vec::new()),
            },
        )
        .await?;
    Ok(reply.task)
}

async fn send(client: &NodeClient, from: &str, to: &str, text: &str) -> ChatMessage {
    client
        .request(
            NodeOp::MessageSend,
            &SendMessageRequest {
                from: from.to_owned(),
                to: to.to_owned(),
                text: text.to_owned(),
                ..SendMessageRequest::default()
            },
        )
        .await
        .expect("sends")
}

async fn read(
    client: &NodeClient,
    chat_id: &str,
    wait_seconds: u64,
    patience: Duration,
) -> Result<Vec<ChatMessage>, ClientError> {
    let list: MessageList = client
        .with_timeout(patience)
        .request(
            NodeOp::MessageRead,
            &ReadMessagesRequest {
                chat_id: chat_id.to_owned(),
                wait_seconds: Some(wait_seconds),
                max: None,
            },
        )
        .await?;
    Ok(list.messages)
}

async fn task(client: &NodeClient, task_id: &str) -> TaskRecord {
    let list: TaskList = client
        .request(
            NodeOp::TaskStatus,
            &TaskStatusRequest {
                chat_id: None,
                task_ids: vec![task_id.to_owned()],
                all: false,
            },
        )
        .await
        .expect("status");
    list.tasks.into_iter().next().expect("the task")
}

/// Waits for the next event on `events` whose subject ends with `what` and whose task is `task_id`.
async fn event_for(events: &mut EventFeed, what: &str, task_id: &str) -> Value {
    loop {
        let (subject, body) = events.next().await;
        if subject.ends_with(what) && body["data"]["task_id"] == json!(task_id) {
            return body;
        }
    }
}

#[tokio::test]
async fn claims_and_reads_waiting_30_and_60_seconds_get_what_arrives_late() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    for chat in ["lead", "worker-30", "worker-60", "reader-30", "reader-60"] {
        beat(&client, chat, "worker").await;
    }
    let started = Instant::now();
    let waits = async {
        tokio::join!(
            claim(&client, "worker-30", 30, Duration::from_secs(40)),
            claim(&client, "worker-60", 60, Duration::from_secs(70)),
            read(&client, "reader-30", 30, Duration::from_secs(40)),
            read(&client, "reader-60", 60, Duration::from_secs(70)),
        )
    };
    let late = async {
        // The arrival itself is what is late: past the 10 s that used to end every wait.
        tokio::time::sleep(LATE).await;
        let first = dispatch(&client, "lead", "first").await;
        let second = dispatch(&client, "lead", "second").await;
        send(&client, "lead", "reader-30", "for thirty").await;
        send(&client, "lead", "reader-60", "for sixty").await;
        [first, second]
    };
    let ((claimed_30, claimed_60, read_30, read_60), dispatched) = tokio::join!(waits, late);
    let claimed_30 = claimed_30.expect("a 30 s claim answers").expect("a task");
    let claimed_60 = claimed_60.expect("a 60 s claim answers").expect("a task");
    let mut got = [claimed_30.task_id.clone(), claimed_60.task_id.clone()];
    got.sort();
    let mut want = dispatched.clone();
    want.sort();
    assert_eq!(got, want, "each waiting claim got one of the late tasks");
    assert_eq!((claimed_30.attempt, claimed_60.attempt), (1, 1));
    let texts = |messages: Vec<ChatMessage>| -> Vec<String> {
        messages.into_iter().map(|message| message.text).collect()
    };
    assert_eq!(texts(read_30.expect("a 30 s read answers")), ["for thirty"]);
    assert_eq!(texts(read_60.expect("a 60 s read answers")), ["for sixty"]);
    assert!(started.elapsed() < LATE + Duration::from_secs(8));
    // What was delivered stays taken: the claims hold their tasks and the messages are not read again.
    for (task_id, worker) in [
        (&claimed_30.task_id, "worker-30"),
        (&claimed_60.task_id, "worker-60"),
    ] {
        let record = wait_held(&client, task_id).await;
        assert_eq!(record.worker_chat_id.as_deref(), Some(worker));
    }
    let again = read(&client, "reader-30", 0, Duration::from_secs(5))
        .await
        .expect("reads");
    assert!(again.is_empty(), "a delivered message is acknowledged");
}

/// The task's record once the receipt window is over and it is still held.
async fn wait_held(client: &NodeClient, task_id: &str) -> TaskRecord {
    // The record a claim leaves is only undone for want of a receipt; give the window time to pass.
    let window_over = Instant::now() + shim_node::service::RECEIPT_WINDOW + Duration::from_secs(1);
    loop {
        let record = task(client, task_id).await;
        assert!(
            record.status.is_held(),
            "a delivered claim is kept: {record:?}"
        );
        if Instant::now() >= window_over {
            return record;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
async fn a_claim_whose_requester_gave_up_hands_the_task_to_the_next_worker_at_attempt_1() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let mut events = EventFeed::subscribe(client.nats(), "shim.events.tasks.*").await;
    beat(&client, "quitter", "worker").await;
    beat(&client, "steady", "worker").await;
    // The requester drops its claim after 2 s (a caller's own timeout, a cancelled task); the node, told
    // it would listen 40 s, goes on waiting its 30.
    let gave_up = tokio::time::timeout(
        Duration::from_secs(2),
        claim(&client, "quitter", 30, Duration::from_secs(40)),
    )
    .await;
    assert!(gave_up.is_err(), "the requester gave up: {gave_up:?}");
    let task_id = dispatch(&client, "lead", "late task").await;
    // The waiting claims take it for a requester that is no longer there, then hand it back.
    let claimed = event_for(&mut events, "claimed", &task_id).await;
    assert_eq!(claimed["data"]["worker_chat_id"], "quitter");
    let returned = event_for(&mut events, "returned", &task_id).await;
    assert_eq!(returned["data"]["attempts"], 0);
    let started = Instant::now();
    let taken = claim(&client, "steady", 20, Duration::from_secs(30))
        .await
        .expect("claims")
        .expect("the task came back");
    assert_eq!(taken.task_id, task_id);
    assert_eq!(taken.attempt, 1, "the abandoned claim spent no attempt");
    assert!(started.elapsed() < Duration::from_secs(10));
    let record = wait_held(&client, &task_id).await;
    assert_eq!(record.worker_chat_id.as_deref(), Some("steady"));
    // The quitter's call was dropped, so the server said it was gone: it never had the task.
    assert_eq!(record.workers, ["steady"], "the quitter never had it");
    assert_eq!(record.error, None);
}

#[tokio::test]
async fn claims_given_up_while_their_client_stays_connected_pass_a_task_on_at_once() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let mut events = EventFeed::subscribe(client.nats(), "shim.events.tasks.*").await;
    // Three tool calls cancelled mid-wait (the MCP server stays connected): the node's claims go on waiting.
    for quitter in ["quitter-1", "quitter-2", "quitter-3"] {
        let gave_up = tokio::time::timeout(
            Duration::from_millis(300),
            claim(&client, quitter, 30, Duration::from_secs(40)),
        )
        .await;
        assert!(gave_up.is_err(), "{quitter} gave up: {gave_up:?}");
    }
    // A waiting claim takes the task for a requester that is gone, finds so at once and hands it on: the
    // worker still there gets it within 3 s, not after the 5 s receipt window of each claim before it.
    let task_id = dispatch(&client, "lead", "wanted").await;
    let claimed = event_for(&mut events, "claimed", &task_id).await;
    assert!(
        claimed["data"]["worker_chat_id"]
            .as_str()
            .is_some_and(|worker| worker.starts_with("quitter-")),
        "{claimed}"
    );
    let taken = claim(&client, "steady", 3, Duration::from_secs(20))
        .await
        .expect("claims")
        .expect("the task came to the worker still there");
    assert_eq!(
        (taken.task_id.as_str(), taken.attempt),
        (task_id.as_str(), 1)
    );
}

/// Claims as chat `chat_id` asking for a receipt, and never sends it; the claim must hand over `task_id`.
async fn claim_without_receipt(client: &NodeClient, node_id: &str, chat_id: &str, task_id: &str) {
    let request = ClaimTaskRequest {
        chat_id: chat_id.to_owned(),
        wait_seconds: Some(0),
        capabilities: Some(Vec::new()),
    };
    let mut headers = async_nats::HeaderMap::new();
    headers.insert(shim_protocol::PROTOCOL_HEADER, "1");
    headers.insert(shim_protocol::RECEIPT_HEADER, "1");
    let reply = client
        .nats()
        .request_with_headers(
            shim_protocol::subject::node_op(node_id, NodeOp::TaskClaim).expect("subject"),
            headers,
            shim_protocol::codec::encode(&request)
                .expect("encodes")
                .into(),
        )
        .await
        .expect("the claim is answered");
    let claimed: ClaimTaskReply = shim_protocol::codec::decode_reply(&reply.payload)
        .expect("decodes")
        .expect("claims");
    assert_eq!(claimed.task.expect("the task").task_id, task_id);
}

#[tokio::test]
async fn a_worker_that_reports_progress_keeps_its_claim_without_a_receipt() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let task_id = dispatch(&client, "lead", "build").await;
    claim_without_receipt(&client, node.node_id(), "worker", &task_id).await;
    // Its progress shows it has the task: the claim stands past the receipt window.
    let _: TaskRecord = client
        .request(
            NodeOp::TaskProgress,
            &shim_protocol::messages::TaskProgressRequest {
                chat_id: "worker".to_owned(),
                task_id: task_id.clone(),
                progress: 10.0,
                note: Some("compiling".to_owned()),
            },
        )
        .await
        .expect("reports progress");
    let record = wait_held(&client, &task_id).await;
    assert_eq!(record.worker_chat_id.as_deref(), Some("worker"));
}

#[tokio::test]
async fn a_worker_whose_receipt_was_lost_still_completes_the_task_it_got() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let mut events = EventFeed::subscribe(client.nats(), "shim.events.tasks.*").await;
    let task_id = dispatch(&client, "lead", "build").await;
    // The worker asks for a receipt and gets the task, but its receipt never reaches the node (its server
    // went down just after the reply came): the node takes the claim back after the receipt window.
    claim_without_receipt(&client, node.node_id(), "worker", &task_id).await;
    let returned = event_for(&mut events, "returned", &task_id).await;
    assert_eq!(returned["data"]["attempts"], 0);
    // A chat that was never handed it still may not complete it.
    let forged = client
        .request::<_, CompleteTaskReply>(
            NodeOp::TaskComplete,
            &CompleteTaskRequest {
                chat_id: "bystander".to_owned(),
                task_id: task_id.clone(),
                result: "mine".to_owned(),
                ..CompleteTaskRequest::default()
            },
        )
        .await;
    assert!(
        matches!(
            forged,
            Err(ClientError::Remote(
                shim_protocol::WireError::BadRequest { .. }
            ))
        ),
        "{forged:?}"
    );
    // The worker did the work: its completion is recorded, not refused as from a chat that never had it.
    let completed: CompleteTaskReply = client
        .request(
            NodeOp::TaskComplete,
            &CompleteTaskRequest {
                chat_id: "worker".to_owned(),
                task_id: task_id.clone(),
                result: "built".to_owned(),
                ..CompleteTaskRequest::default()
            },
        )
        .await
        .expect("the completion is accepted");
    assert!(completed.recorded);
    let record = task(&client, &task_id).await;
    assert_eq!(
        (record.status.as_str(), record.result.as_deref()),
        ("done", Some("built"))
    );
    // Its delivery does not come back to the queue once the task is done.
    let next = claim(&client, "other", 1, Duration::from_secs(10))
        .await
        .expect("claims");
    assert!(next.is_none(), "{next:?}");
}

#[tokio::test]
async fn a_read_whose_requester_gave_up_leaves_the_message_for_the_next_read() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    beat(&client, "inbox", "worker").await;
    let gave_up = tokio::time::timeout(
        Duration::from_secs(2),
        read(&client, "inbox", 30, Duration::from_secs(40)),
    )
    .await;
    assert!(gave_up.is_err(), "the requester gave up: {gave_up:?}");
    let sent = send(&client, "lead", "inbox", "do not lose me").await;
    // The abandoned read takes it (the chat's consumer delivered it), gets no receipt and hands it back; the
    // next read, started only once it was taken, gets it.
    let js = async_nats::jetstream::new(client.nats().clone());
    let taken = shim_tests::wait_until(
        || {
            let js = js.clone();
            async move {
                let Ok(stream) = js.get_stream("SHIM_MESSAGES").await else {
                    return false;
                };
                stream
                    .consumer_info("msg-inbox-to")
                    .await
                    .is_ok_and(|info| info.delivered.stream_sequence >= sent.message_id)
            }
        },
        DEADLINE,
        shim_tests::POLL,
    )
    .await;
    assert!(taken, "the abandoned read took the message");
    let started = Instant::now();
    let mut got = Vec::new();
    while got.is_empty() && started.elapsed() < DEADLINE {
        got = read(&client, "inbox", 20, Duration::from_secs(30))
            .await
            .expect("reads");
    }
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].message_id, sent.message_id);
    assert_eq!(got[0].text, "do not lose me");
    let again = read(&client, "inbox", 0, Duration::from_secs(5))
        .await
        .expect("reads");
    assert!(again.is_empty(), "read once: {again:?}");
}

#[tokio::test]
async fn a_claim_whose_requester_disconnected_is_handed_back_at_once() {
    let nats = NatsServer::start_with(&NatsOptions {
        monitoring: true,
        ..NatsOptions::default()
    });
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let mut events = EventFeed::subscribe(client.nats(), "shim.events.tasks.*").await;
    // A worker on a connection of its own, which goes away while its claim waits.
    let leaving = node.client().await;
    let connection = leaving.nats().clone();
    beat(&leaving, "leaving", "worker").await;
    let waiting = tokio::spawn(async move {
        let _ = claim(&leaving, "leaving", 30, Duration::from_secs(40)).await;
    });
    // The claim has reached the server (the worker's connection waits on its reply inbox); then the worker's
    // connection closes under it.
    let cid = connection.server_info().client_id;
    assert!(
        nats.request_waiting(|candidate| candidate["cid"] == cid)
            .await,
        "the claim reached the server"
    );
    connection
        .drain()
        .await
        .expect("the worker's connection closes");
    waiting.abort();
    let _ = waiting.await;
    let task_id = dispatch(&client, "lead", "orphan").await;
    let claimed = event_for(&mut events, "claimed", &task_id).await;
    assert_eq!(claimed["data"]["worker_chat_id"], "leaving");
    let returned_at = Instant::now();
    event_for(&mut events, "returned", &task_id).await;
    assert!(
        returned_at.elapsed() < Duration::from_secs(2),
        "handed back at once (no responders), not after the receipt window: {:?}",
        returned_at.elapsed()
    );
    let taken = claim(&client, "next", 20, Duration::from_secs(30))
        .await
        .expect("claims")
        .expect("the task");
    assert_eq!(
        (taken.task_id.as_str(), taken.attempt),
        (task_id.as_str(), 1)
    );
}

#[tokio::test]
async fn a_node_stopped_with_sigterm_hands_its_chats_tasks_back_and_marks_them_away() {
    let nats = NatsServer::start_with(&NatsOptions {
        monitoring: true,
        ..NatsOptions::default()
    });
    let exe = env!("CARGO_BIN_EXE_shim-node-e2e");
    let data_dir = tempfile::tempdir().expect("data dir");
    let stopping_node = format!("stopping-{}", std::process::id());
    let mut process = NodeProcess::start(exe, &nats.url(), &stopping_node, data_dir.path());
    let there = wait_for_node(&nats.url(), &stopping_node, Duration::from_secs(5)).await;
    let staying = TestNode::start(&nats.url()).await;
    let here = staying.client().await;
    beat(&there, "far-worker", "worker").await;
    let task_id = dispatch(&here, "lead", "held at stop").await;
    let held = claim(&there, "far-worker", 5, Duration::from_secs(15))
        .await
        .expect("claims")
        .expect("the task");
    assert_eq!((held.task_id.as_str(), held.attempt), (task_id.as_str(), 1));
    wait_held(&here, &task_id).await;
    // Another worker waits for a task on the stopping node: the stop ends its wait with an answer. (Sent to
    // the node's own subject: through the coordination service any node could serve it.)
    let idle_client = there.clone();
    let idle = tokio::spawn(async move {
        let started = Instant::now();
        let answer = claim_on_node(&idle_client, "idle-worker", 30, Duration::from_secs(40)).await;
        (answer, started.elapsed())
    });
    // The idle claim has reached the server before the node stops.
    let cid = there.nats().server_info().client_id;
    assert!(
        nats.request_waiting(|candidate| candidate["cid"] == cid)
            .await,
        "the claim reached the server"
    );

    let stopped_at = Instant::now();
    let status = std::process::Command::new("kill")
        .args(["-TERM", &process.pid().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    let (idle_answer, idle_after) = idle.await.expect("joins");
    assert!(
        matches!(idle_answer, Ok(None)),
        "a waiting claim is answered, empty-handed, when its node stops: {idle_answer:?}"
    );
    assert!(idle_after < Duration::from_secs(10), "{idle_after:?}");
    let taken = claim(&here, "near-worker", 20, Duration::from_secs(30))
        .await
        .expect("claims")
        .expect("the task came back");
    let after = stopped_at.elapsed();
    assert_eq!(taken.task_id, task_id);
    eprintln!("sigterm to claim on the other node: {after:?}");
    assert!(after < Duration::from_secs(10), "took {after:?}");
    assert_eq!(taken.attempt, 1, "the stop spent no attempt");
    let chats: ChatList = here
        .request(NodeOp::ChatList, &ListChatsRequest { include_gone: true })
        .await
        .expect("lists");
    let far = chats
        .chats
        .iter()
        .find(|chat| chat.chat_id == "far-worker")
        .expect("the far worker is registered");
    assert_eq!(far.status, "away", "{far:?}");
    assert_eq!(far.current_task, None);
    process.kill_9();
}

#[tokio::test]
async fn the_next_task_of_a_completion_nobody_receives_goes_back_and_the_completion_stays() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let mut events = EventFeed::subscribe(client.nats(), "shim.events.tasks.*").await;
    let first = dispatch(&client, "lead", "first").await;
    let held = claim(&client, "worker", 0, Duration::from_secs(5))
        .await
        .expect("claims")
        .expect("the first task");
    assert_eq!(held.task_id, first);
    let second = dispatch(&client, "lead", "second").await;
    // The completion is sent with a reply subject no one listens on: the requester is gone.
    let request = shim_protocol::messages::CompleteTaskRequest {
        chat_id: "worker".to_owned(),
        task_id: first.clone(),
        result: "done".to_owned(),
        claim_next: true,
        capabilities: Some(Vec::new()),
    };
    let mut headers = async_nats::HeaderMap::new();
    headers.insert(shim_protocol::PROTOCOL_HEADER, "1");
    client
        .nats()
        .publish_with_reply_and_headers(
            shim_protocol::subject::node_op(node.node_id(), NodeOp::TaskComplete).expect("subject"),
            "_INBOX.nobody.listens",
            headers,
            shim_protocol::codec::encode(&request)
                .expect("encodes")
                .into(),
        )
        .await
        .expect("publishes");
    event_for(&mut events, "returned", &second).await;
    let completed = task(&client, &first).await;
    assert_eq!(completed.status.as_str(), "done", "the completion stays");
    let next = claim(&client, "other", 10, Duration::from_secs(20))
        .await
        .expect("claims")
        .expect("the second task came back");
    assert_eq!((next.task_id.as_str(), next.attempt), (second.as_str(), 1));
}

#[tokio::test]
async fn a_requester_listening_less_than_its_wait_is_answered_in_time_and_takes_nothing() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    beat(&client, "hasty", "worker").await;
    // Waits of 30 s asked by a client that listens 3 s: the node answers, empty-handed, within those 3 s.
    let started = Instant::now();
    let (claimed, read_back) = tokio::join!(
        claim(&client, "hasty", 30, Duration::from_secs(3)),
        read(&client, "hasty", 30, Duration::from_secs(3)),
    );
    assert!(matches!(claimed, Ok(None)), "{claimed:?}");
    assert!(read_back.as_ref().is_ok_and(Vec::is_empty), "{read_back:?}");
    assert!(started.elapsed() < Duration::from_secs(3));
    // Nothing was left waiting for it: what comes next goes to the next worker and the next read.
    let task_id = dispatch(&client, "lead", "next").await;
    let sent = send(&client, "lead", "hasty", "hello").await;
    let taken = claim(&client, "steady", 0, Duration::from_secs(5))
        .await
        .expect("claims")
        .expect("the task");
    assert_eq!(
        (taken.task_id.as_str(), taken.attempt),
        (task_id.as_str(), 1)
    );
    let messages = read(&client, "hasty", 0, Duration::from_secs(5))
        .await
        .expect("reads");
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].message_id, sent.message_id);
}

#[tokio::test]
async fn a_request_timeout_above_ten_seconds_is_kept_and_quoted() {
    let nats = NatsServer::start();
    let connection = shim_node::nats::connect(&nats.url(), "test", false, None)
        .await
        .expect("connects");
    // Something listens on a node's subjects and never answers.
    let _silent = connection
        .subscribe("shim.v1.node.silent.>")
        .await
        .expect("subscribes");
    connection.flush().await.expect("flushes");
    let client = NodeClient::new(connection, "silent", Duration::from_secs(12));
    let started = Instant::now();
    let error = client
        .request::<_, shim_protocol::messages::HelloReply>(
            NodeOp::Hello,
            &shim_protocol::messages::HelloRequest {
                client: "test".to_owned(),
            },
        )
        .await
        .expect_err("no answer");
    let waited = started.elapsed();
    assert!(
        matches!(
            error,
            ClientError::Timeout {
                after_ms: 12_000,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.to_string().contains("12000 ms"), "{error}");
    assert!(
        waited >= Duration::from_secs(12),
        "the client's own timeout, not async-nats' 10 s default: {waited:?}"
    );
}
