//! Chat identity: a chat's secret, issued at `session.start`, is what lets a request act for the chat. The
//! forgeries that worked before (naming another chat's id to complete or fail its task, cancel a supervisor's
//! task, read its messages, send in its name, release its lock, heartbeat for it, or re-attach to it) are
//! refused, over NATS and through a second MCP server; the chat itself, with its secret, goes on working.

use std::time::Duration;

use serde_json::json;
use shim_node::nats::{ClientError, NodeClient};
use shim_protocol::messages::{
    CheckpointInput, CheckpointSaved, RiskReport, RiskRequest, SaveCheckpointRequest, SignalBatch,
    SignalEvent, SignalSource,
};
use shim_protocol::{
    NodeOp, WireError,
    messages::{
        ChatEntry, ChatMessage, ClaimTaskReply, ClaimTaskRequest, CompleteTaskReply,
        CompleteTaskRequest, DispatchTaskReply, DispatchTaskRequest, FailTaskRequest,
        HeartbeatRequest, LockReply, LockRequest, MessageList, ReadMessagesRequest,
        ReleaseLockReply, ReleaseLockRequest, SendMessageRequest, SessionEndReply,
        SessionEndRequest, SessionStartReply, SessionStartRequest, TaskIdRequest, TaskList,
        TaskRecord, TaskStatus, TaskStatusRequest,
    },
};
use shim_tests::{NatsServer, TestNode};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

async fn start(
    client: &NodeClient,
    chat_id: Option<&str>,
    claude_pid: Option<u32>,
) -> Result<SessionStartReply, ClientError> {
    client
        .request(
            NodeOp::SessionStart,
            &SessionStartRequest {
                chat_id: chat_id.map(str::to_owned),
                claude_pid,
                ..SessionStartRequest::default()
            },
        )
        .await
}

/// A chat opened by `session.start`, and a client acting for it with its secret.
async fn open(client: &NodeClient, name: &str) -> (String, NodeClient) {
    let reply = start(client, Some(name), None).await.expect("opens");
    let secret = reply.chat_secret.expect("a chat is given its secret");
    assert_eq!(secret.len(), 64);
    let acting = client.with_chat_secret(Some(&secret));
    let _: ChatEntry = acting
        .request(
            NodeOp::ChatHeartbeat,
            &HeartbeatRequest {
                chat_id: name.to_owned(),
                ..HeartbeatRequest::default()
            },
        )
        .await
        .expect("joins");
    (reply.chat_id, acting)
}

/// The messages waiting for `chat_id`, read as the chat (with its secret) through `acting`.
async fn unread(acting: &NodeClient, chat_id: &str) -> Vec<ChatMessage> {
    let inbox: MessageList = acting
        .request(
            NodeOp::MessageRead,
            &ReadMessagesRequest {
                chat_id: chat_id.to_owned(),
                wait_seconds: Some(0),
                max: None,
            },
        )
        .await
        .expect("the chat reads");
    inbox.messages
}

/// A batch of one `Bash` tool call of chat `chat_id`, from `source`, that went `ok` or not.
fn tool_call_of(chat_id: &str, source: SignalSource, ok: bool) -> SignalBatch {
    SignalBatch {
        chat_id: chat_id.to_owned(),
        source,
        at_ms: shim_actors::now_ms(),
        events: vec![SignalEvent::ToolCall {
            tool: "Bash".to_owned(),
            ok,
            duration_ms: Some(5),
            arguments: None,
            result: None,
        }],
        transcript_path: None,
        prompt: None,
        trigger: None,
    }
}

fn forbidden<T: std::fmt::Debug>(result: Result<T, ClientError>, what: &str) {
    match result {
        Err(ClientError::Remote(WireError::Forbidden { message })) => {
            assert!(message.contains("chat"), "{what}: {message}")
        }
        other => panic!("{what} must be refused as forbidden: {other:?}"),
    }
}

/// Asserts that `said` reads, word for word, as the example in `doc` that starts with `start` and runs to the
/// end of its code block.
fn said_as_the_doc_shows(said: &str, doc: &str, start: &str) {
    let text = std::fs::read_to_string(shim_tests::repo_root().join(doc)).expect("the doc");
    let from = text.find(start).expect("the doc's example");
    let example = &text[from..from + text[from..].find("```").expect("its end")];
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(
        words(said),
        words(example),
        "{doc} shows the refusal as the node says it"
    );
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

/// Dispatches "port the `what`" as chat `supervisor`, through `client` (which holds its secret).
async fn port(client: &NodeClient, supervisor: &str, what: &str) -> DispatchTaskReply {
    client
        .request(
            NodeOp::TaskDispatch,
            &DispatchTaskRequest {
                chat_id: supervisor.to_owned(),
                title: what.to_owned(),
                instructions: format!("port the {what}"),
                ..DispatchTaskRequest::default()
            },
        )
        .await
        .expect("the supervisor dispatches")
}

#[tokio::test]
async fn naming_another_chats_id_is_not_enough_to_act_for_it() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let anyone = node.client().await;
    let (supervisor, as_supervisor) = open(&anyone, "supervisor").await;
    let (worker, as_worker) = open(&anyone, "worker").await;

    let dispatched = port(&as_supervisor, &supervisor, "parser").await;
    let claimed: ClaimTaskReply = as_worker
        .with_timeout(Duration::from_secs(10))
        .request(
            NodeOp::TaskClaim,
            &ClaimTaskRequest {
                chat_id: worker.clone(),
                wait_seconds: Some(3),
                capabilities: None,
            },
        )
        .await
        .expect("the worker claims");
    let task_id = claimed.task.expect("a task").task_id;
    assert_eq!(task_id, dispatched.task_id);

    // Completing, failing or cancelling someone else's task.
    let complete = |chat: &str| CompleteTaskRequest {
        chat_id: chat.to_owned(),
        task_id: task_id.clone(),
        result: "forged".to_owned(),
        ..CompleteTaskRequest::default()
    };
    forbidden(
        anyone
            .request::<_, CompleteTaskReply>(NodeOp::TaskComplete, &complete(&worker))
            .await,
        "a completion without the worker's secret",
    );
    forbidden(
        as_supervisor
            .request::<_, CompleteTaskReply>(NodeOp::TaskComplete, &complete(&worker))
            .await,
        "a completion with another chat's secret",
    );
    forbidden(
        anyone
            .request::<_, TaskRecord>(
                NodeOp::TaskFail,
                &FailTaskRequest {
                    chat_id: worker.clone(),
                    task_id: task_id.clone(),
                    error: "forged".to_owned(),
                    retryable: Some(false),
                },
            )
            .await,
        "a failure in the worker's name",
    );
    forbidden(
        anyone
            .request::<_, TaskRecord>(
                NodeOp::TaskCancel,
                &TaskIdRequest {
                    chat_id: supervisor.clone(),
                    task_id: task_id.clone(),
                },
            )
            .await,
        "a cancel in the supervisor's name",
    );
    // Acting as itself, a chat still cannot cancel or retry a task another chat dispatched.
    for op in [NodeOp::TaskCancel, NodeOp::TaskRetry] {
        forbidden(
            as_worker
                .request::<_, TaskRecord>(
                    op,
                    &TaskIdRequest {
                        chat_id: worker.clone(),
                        task_id: task_id.clone(),
                    },
                )
                .await,
            "a chat changing a task it did not dispatch",
        );
    }
    // Refused as docs/coordination.md shows it (its example names the worker worker-1, the supervisor lead).
    let refused = as_worker
        .request::<_, TaskRecord>(
            NodeOp::TaskCancel,
            &TaskIdRequest {
                chat_id: worker.clone(),
                task_id: task_id.clone(),
            },
        )
        .await
        .expect_err("refused");
    let said = refused
        .to_string()
        .replace(&task_id, "<task_id>")
        .replace(&worker, "worker-1")
        .replace(&supervisor, "lead");
    said_as_the_doc_shows(
        &said,
        "docs/coordination.md",
        "forbidden: chat worker-1 cannot cancel",
    );
    assert_eq!(task(&anyone, &task_id).await.status, TaskStatus::Claimed);

    // Reading someone's messages, or sending in their name.
    let _: ChatMessage = as_supervisor
        .request(
            NodeOp::MessageSend,
            &SendMessageRequest {
                from: supervisor.clone(),
                to: worker.clone(),
                text: "use the new lexer".to_owned(),
                ..SendMessageRequest::default()
            },
        )
        .await
        .expect("the supervisor sends");
    let read = |chat: &str| ReadMessagesRequest {
        chat_id: chat.to_owned(),
        wait_seconds: Some(0),
        max: None,
    };
    forbidden(
        anyone
            .request::<_, MessageList>(NodeOp::MessageRead, &read(&worker))
            .await,
        "reading the worker's messages",
    );
    forbidden(
        anyone
            .request::<_, ChatMessage>(
                NodeOp::MessageSend,
                &SendMessageRequest {
                    from: supervisor.clone(),
                    to: worker.clone(),
                    text: "drop the tests".to_owned(),
                    ..SendMessageRequest::default()
                },
            )
            .await,
        "a message in the supervisor's name",
    );
    let inbox = unread(&as_worker, &worker).await;
    let texts: Vec<&str> = inbox.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(
        texts,
        ["use the new lexer"],
        "nothing taken, nothing forged"
    );

    // Releasing someone's lock.
    let lock = |chat: &str| LockRequest {
        chat_id: chat.to_owned(),
        resource: "repo".to_owned(),
        ttl_seconds: Some(60),
    };
    let held: LockReply = as_worker
        .request(NodeOp::LockAcquire, &lock(&worker))
        .await
        .expect("the worker locks");
    assert!(held.acquired);
    forbidden(
        anyone
            .request::<_, ReleaseLockReply>(
                NodeOp::LockRelease,
                &ReleaseLockRequest {
                    chat_id: worker.clone(),
                    resource: "repo".to_owned(),
                },
            )
            .await,
        "releasing the worker's lock",
    );
    let other: LockReply = as_supervisor
        .request(NodeOp::LockAcquire, &lock(&supervisor))
        .await
        .expect("asks");
    assert!(!other.acquired, "the worker still holds it");
    assert_eq!(other.holder.as_deref(), Some(worker.as_str()));

    // Speaking for it in the registry, or re-attaching to it.
    forbidden(
        anyone
            .request::<_, ChatEntry>(
                NodeOp::ChatHeartbeat,
                &HeartbeatRequest {
                    chat_id: worker.clone(),
                    ..HeartbeatRequest::default()
                },
            )
            .await,
        "a heartbeat for the worker",
    );
    // Refused as docs/security.md shows it (its example names the chat worker-1).
    match start(&anyone, Some(&worker), None).await {
        Err(ClientError::Remote(refused @ WireError::Forbidden { .. })) => {
            said_as_the_doc_shows(
                &refused.to_string().replace(&worker, "worker-1"),
                "docs/security.md",
                "  forbidden: chat worker-1",
            );
        }
        other => panic!("a session start naming the worker must be refused: {other:?}"),
    }
    forbidden(
        anyone
            .request::<_, SessionEndReply>(
                NodeOp::SessionEnd,
                &SessionEndRequest {
                    chat_id: worker.clone(),
                    reason: None,
                    claude_pid: None,
                },
            )
            .await,
        "ending the worker's session (which would hand its task back)",
    );

    // The chat itself goes on: it completes its task, and its supervisor collects the result.
    let done: CompleteTaskReply = as_worker
        .request(NodeOp::TaskComplete, &complete(&worker))
        .await
        .expect("the worker completes");
    assert!(done.recorded);
    let finished = task(&anyone, &task_id).await;
    assert_eq!(finished.status, TaskStatus::Done);
    assert_eq!(finished.result.as_deref(), Some("forged"));
    let released: ReleaseLockReply = as_worker
        .request(
            NodeOp::LockRelease,
            &ReleaseLockRequest {
                chat_id: worker.clone(),
                resource: "repo".to_owned(),
            },
        )
        .await
        .expect("releases");
    assert!(released.released);
    // The supervisor changes the tasks it dispatched; nobody else does, under any name, but a person at
    // `shim-node tasks` on the supervisor's machine, which acts for it.
    let second = port(&as_supervisor, &supervisor, "printer").await;
    let on_second = |chat: &str| TaskIdRequest {
        chat_id: chat.to_owned(),
        task_id: second.task_id.clone(),
    };
    let cancelled: TaskRecord = as_supervisor
        .request(NodeOp::TaskCancel, &on_second(&supervisor))
        .await
        .expect("the supervisor cancels its task");
    assert_eq!(cancelled.status, TaskStatus::Cancelled);
    forbidden(
        as_worker
            .request::<_, TaskRecord>(NodeOp::TaskRetry, &on_second("nobody"))
            .await,
        "a chat retrying the task under a name without a session",
    );
    let retried = tokio::process::Command::new(EXE)
        .args(["tasks", "retry", second.task_id.as_str()])
        .args(node.cli_flags())
        .stdin(std::process::Stdio::null())
        .env_remove("SHIM_LOG")
        .output()
        .await
        .expect("shim-node runs");
    assert!(
        retried.status.success(),
        "{}",
        String::from_utf8_lossy(&retried.stderr)
    );
    assert_eq!(
        task(&anyone, &second.task_id).await.status,
        TaskStatus::Queued
    );
    node.stop().await;
}

/// Each forgery here names another chat and adds a field of the wrong type beside it (`from: 1`, or `chat_id: 1`
/// beside a message's `from`): the operation's own request ignores a field it does not know, so a check that
/// gave up on such a payload let the forgery through. Each is refused, and nothing is taken.
#[tokio::test]
async fn a_field_of_the_wrong_type_does_not_skip_the_check_of_the_chats_secret() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let anyone = node.client().await;
    let (supervisor, as_supervisor) = open(&anyone, "supervisor").await;
    let (worker, as_worker) = open(&anyone, "worker").await;
    let refused = |result: Result<serde_json::Value, ClientError>, what: &str| match result {
        Err(ClientError::Remote(WireError::Forbidden { .. } | WireError::BadRequest { .. })) => {}
        other => panic!("{what} must be refused: {other:?}"),
    };

    let held: LockReply = as_worker
        .request(
            NodeOp::LockAcquire,
            &LockRequest {
                chat_id: worker.clone(),
                resource: "repo".to_owned(),
                ttl_seconds: Some(60),
            },
        )
        .await
        .expect("the worker locks");
    assert!(held.acquired);
    refused(
        anyone
            .request(
                NodeOp::LockRelease,
                &json!({"chat_id": worker, "resource": "repo", "from": 1}),
            )
            .await,
        "releasing the worker's lock",
    );
    let dispatched = port(&as_supervisor, &supervisor, "lexer").await;
    let claimed: ClaimTaskReply = as_worker
        .with_timeout(Duration::from_secs(10))
        .request(
            NodeOp::TaskClaim,
            &ClaimTaskRequest {
                chat_id: worker.clone(),
                wait_seconds: Some(5),
                capabilities: None,
            },
        )
        .await
        .expect("the worker claims");
    assert_eq!(
        claimed.task.map(|task| task.task_id),
        Some(dispatched.task_id.clone())
    );
    refused(
        anyone
            .request(
                NodeOp::TaskComplete,
                &json!({"chat_id": worker, "task_id": dispatched.task_id, "result": "forged", "from": 1}),
            )
            .await,
        "completing the worker's task",
    );
    refused(
        anyone
            .request(
                NodeOp::TaskCancel,
                &json!({"chat_id": supervisor, "task_id": dispatched.task_id, "from": 1}),
            )
            .await,
        "cancelling the supervisor's task",
    );
    let _: ChatMessage = as_supervisor
        .request(
            NodeOp::MessageSend,
            &SendMessageRequest {
                from: supervisor.clone(),
                to: worker.clone(),
                text: "use the new lexer".to_owned(),
                ..SendMessageRequest::default()
            },
        )
        .await
        .expect("the supervisor sends");
    refused(
        anyone
            .request(
                NodeOp::MessageRead,
                &json!({"chat_id": worker, "wait_seconds": 0, "from": 1}),
            )
            .await,
        "reading the worker's messages",
    );
    refused(
        anyone
            .request(
                NodeOp::MessageSend,
                &json!({"from": supervisor, "to": worker, "text": "drop the tests", "chat_id": 1}),
            )
            .await,
        "a message in the supervisor's name",
    );

    // Nothing was taken or forged: the lock is the worker's, the task is still claimed, the one message waits.
    let other: LockReply = as_supervisor
        .request(
            NodeOp::LockAcquire,
            &LockRequest {
                chat_id: supervisor.clone(),
                resource: "repo".to_owned(),
                ttl_seconds: Some(60),
            },
        )
        .await
        .expect("asks");
    assert_eq!(other.holder.as_deref(), Some(worker.as_str()));
    assert_eq!(
        task(&anyone, &dispatched.task_id).await.status,
        TaskStatus::Claimed
    );
    let inbox = unread(&as_worker, &worker).await;
    let texts: Vec<&str> = inbox.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["use the new lexer"]);
    node.stop().await;
}

/// A request without field names (an array, or a map keyed by each field's position) is refused: the check
/// of the chat's secret reads `chat_id` and `from` by name, and a struct decodes such a payload by position,
/// where a message's `from` is first and a check's `chat_id` is: `{0: <a chat>, 1: "broadcast", 2: ...}` was
/// checked as the sender "broadcast", which has no secret, and stored as the chat's broadcast.
#[tokio::test]
async fn a_payload_without_field_names_cannot_send_in_another_chats_name() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let anyone = node.client().await;
    let (supervisor, _) = open(&anyone, "supervisor").await;
    let (worker, as_worker) = open(&anyone, "worker").await;
    // Text that reads as an id too, so that the check of ids by their names, fooled the same way, lets it by.
    let forged_text = "drop-the-tests";
    let by_position = std::collections::BTreeMap::from([
        (0_u8, supervisor.as_str()),
        (1, "broadcast"),
        (2, forged_text),
    ]);
    let as_array = (supervisor.as_str(), "broadcast", forged_text);
    for (what, sent) in [
        (
            "a map keyed by position",
            anyone
                .request::<_, serde_json::Value>(NodeOp::MessageSend, &by_position)
                .await,
        ),
        (
            "an array",
            anyone
                .request::<_, serde_json::Value>(NodeOp::MessageSend, &as_array)
                .await,
        ),
    ] {
        assert!(
            matches!(sent, Err(ClientError::Remote(WireError::BadRequest { .. }))),
            "{what}: {sent:?}"
        );
    }
    let inbox = unread(&as_worker, &worker).await;
    assert!(inbox.is_empty(), "{inbox:?}");
    node.stop().await;
}

#[tokio::test]
async fn a_session_gets_its_secret_again_and_a_chat_without_a_session_is_unchanged() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let anyone = node.client().await;

    // A Claude Code session: the hook opens the chat, the MCP server of the same process gets its secret.
    let mut claude = std::process::Command::new("sleep")
        .arg("120")
        .spawn()
        .expect("a stand-in for Claude Code");
    let claude_pid = claude.id();
    let by_hook = start(&anyone, Some("claude-session"), Some(claude_pid))
        .await
        .expect("the hook opens");
    let by_mcp = start(&anyone, None, Some(claude_pid))
        .await
        .expect("the MCP server finds it");
    assert_eq!(by_mcp.chat_id, "claude-session");
    assert_eq!(by_mcp.chat_secret, by_hook.chat_secret);
    forbidden(
        start(&anyone, Some("claude-session"), Some(std::process::id())).await,
        "another live process naming the chat",
    );
    // `claude --resume` in a new process once the old one has exited: the new process takes the chat over.
    let mut gone = std::process::Command::new("true")
        .spawn()
        .expect("a process");
    let gone_pid = gone.id();
    gone.wait().expect("it exits");
    let exited = start(&anyone, Some("resumed-session"), Some(gone_pid))
        .await
        .expect("opens");
    let live_pid = std::process::id();
    let resumed = start(&anyone, Some("resumed-session"), Some(live_pid))
        .await
        .expect("a resumed session takes over a chat whose process exited");
    assert_eq!(resumed.chat_secret, exited.chat_secret);
    forbidden(
        start(&anyone, Some("resumed-session"), Some(gone_pid)).await,
        "the chat's old process id, now that another holds it",
    );

    // A session that holds the secret re-attaches.
    let again = start(
        &anyone.with_chat_secret(by_hook.chat_secret.as_deref()),
        Some("claude-session"),
        None,
    )
    .await
    .expect("re-attaches");
    assert_eq!(again.chat_secret, by_hook.chat_secret);

    // A chat known from heartbeats alone (no session) is taken as before.
    let _: ChatEntry = anyone
        .request(
            NodeOp::ChatHeartbeat,
            &HeartbeatRequest {
                chat_id: "script".to_owned(),
                ..HeartbeatRequest::default()
            },
        )
        .await
        .expect("joins");
    let _: DispatchTaskReply = anyone
        .request(
            NodeOp::TaskDispatch,
            &DispatchTaskRequest {
                chat_id: "script".to_owned(),
                title: "lint".to_owned(),
                instructions: "run the linter".to_owned(),
                ..DispatchTaskRequest::default()
            },
        )
        .await
        .expect("a chat without a session dispatches");
    let _ = claude.kill();
    let _ = claude.wait();
    node.stop().await;
}

#[tokio::test]
async fn a_second_mcp_server_cannot_act_for_a_chat_the_first_one_opened() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut first = node.mcp(EXE, &dir.path().join("first.log")).await;
    let mut second = node.mcp(EXE, &dir.path().join("second.log")).await;
    let opened = first.call_tool("shim_session_start", json!({})).await;
    assert_ne!(opened["isError"], json!(true), "{opened}");
    let chat_id = opened["structuredContent"]["chat_id"]
        .as_str()
        .expect("a chat id")
        .to_owned();
    assert!(
        opened["structuredContent"].get("chat_secret").is_none(),
        "the model never sees the secret: {opened}"
    );
    let mine = first
        .call_tool(
            "shim_acquire_lock",
            json!({"chat_id": chat_id, "resource": "repo"}),
        )
        .await;
    assert_eq!(mine["structuredContent"]["acquired"], json!(true), "{mine}");
    for (tool, arguments) in [
        (
            "shim_release_lock",
            json!({"chat_id": chat_id, "resource": "repo"}),
        ),
        ("shim_read_messages", json!({"chat_id": chat_id})),
        (
            "shim_send_message",
            json!({"chat_id": chat_id, "to": "broadcast", "text": "forged"}),
        ),
    ] {
        let forged = second.call_tool(tool, arguments).await;
        assert_eq!(forged["isError"], json!(true), "{tool}: {forged}");
        let text = forged["content"][0]["text"].as_str().unwrap_or_default();
        assert!(text.contains("forbidden"), "{tool}: {text}");
    }
    let released = first
        .call_tool(
            "shim_release_lock",
            json!({"chat_id": chat_id, "resource": "repo"}),
        )
        .await;
    assert_eq!(
        released["structuredContent"]["released"],
        json!(true),
        "{released}"
    );
    // The second server named the chat in a call it was refused. Once the node has forgotten its chats (a
    // restart), only the server that opened the chat opens it again: the second one is told the chat is
    // unknown, and does not ask to open it as its own (which, under a Claude Code whose chat had exited,
    // would have been granted as a resume of that chat).
    let claimed = second
        .call_tool(
            "shim_claim_task",
            json!({"chat_id": chat_id, "wait_seconds": 0}),
        )
        .await;
    assert_eq!(claimed["isError"], json!(true), "{claimed}");
    let node = node.restart().await;
    let by_second = second
        .call_tool("shim_status", json!({"chat_id": chat_id}))
        .await;
    assert_eq!(by_second["isError"], json!(true), "{by_second}");
    let said = by_second["content"][0]["text"].as_str().unwrap_or_default();
    assert!(
        said.contains("is not known to this node") && !said.contains("forbidden"),
        "the second server must not try to open the chat: {said}"
    );
    let by_first = first
        .call_tool("shim_status", json!({"chat_id": chat_id}))
        .await;
    assert_ne!(by_first["isError"], json!(true), "{by_first}");
    assert!(first.close().await && second.close().await);
    node.stop().await;
}

#[tokio::test]
async fn a_tampered_key_lets_nothing_through_until_its_session_starts_again() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let anyone = node.client().await;
    let (chat, as_chat) = open(&anyone, "tampered").await;
    let release = ReleaseLockRequest {
        chat_id: chat.clone(),
        resource: "repo".to_owned(),
    };
    let store = async_nats::jetstream::new(anyone.nats().clone())
        .get_key_value("shim_chat_keys")
        .await
        .expect("the bucket");
    // Overwritten with garbage, then deleted: neither opens the chat to anyone.
    store
        .put(chat.as_str(), "not a key".into())
        .await
        .expect("overwritten");
    forbidden(
        anyone
            .request::<_, ReleaseLockReply>(NodeOp::LockRelease, &release)
            .await,
        "a request for a chat whose key is unreadable",
    );
    store.delete(chat.as_str()).await.expect("deleted");
    forbidden(
        anyone
            .request::<_, ReleaseLockReply>(NodeOp::LockRelease, &release)
            .await,
        "a request for a chat whose key was deleted",
    );
    // The chat's session starting again on its node writes the key back, and the chat acts again.
    let again = start(&as_chat, Some(&chat), None).await.expect("restarts");
    assert!(again.chat_secret.is_some());
    let released: ReleaseLockReply = as_chat
        .request(NodeOp::LockRelease, &release)
        .await
        .expect("the chat acts again");
    assert!(!released.released, "it held no lock");
    node.stop().await;
}

#[tokio::test]
async fn a_chats_signals_risk_and_checkpoints_are_its_own_sessions_alone() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let anyone = node.client().await;
    let (victim, victim_acting) = open(&anyone, "victim").await;
    let (_, forger_acting) = open(&anyone, "forger").await;
    let tool_call = |ok: bool| tool_call_of(&victim, SignalSource::Mcp, ok);
    let save = SaveCheckpointRequest {
        chat_id: victim.clone(),
        input: CheckpointInput {
            summary: "forged: the work is done, nothing left".to_owned(),
            ..CheckpointInput::default()
        },
    };
    let risk = RiskRequest {
        chat_id: victim.clone(),
    };

    // Without a secret, and with another chat's, the victim's id is not enough.
    for (forger, who) in [
        (&anyone, "no secret"),
        (&forger_acting, "another chat's secret"),
    ] {
        forbidden(
            forger
                .request::<_, RiskReport>(NodeOp::Signals, &tool_call(false))
                .await,
            &format!("signals with {who}"),
        );
        forbidden(
            forger.request::<_, RiskReport>(NodeOp::Risk, &risk).await,
            &format!("risk with {who}"),
        );
        forbidden(
            forger
                .request::<_, CheckpointSaved>(NodeOp::CheckpointSave, &save)
                .await,
            &format!("a checkpoint save with {who}"),
        );
    }
    // A fire-and-forget batch without the secret (a hook's way of sending) is dropped too: the victim's count
    // below holds only its own.
    let raw = async_nats::connect(nats.url()).await.expect("connects");
    let mut headers = async_nats::HeaderMap::new();
    headers.insert(
        shim_protocol::PROTOCOL_HEADER,
        shim_protocol::PROTOCOL_VERSION.to_string().as_str(),
    );
    raw.publish_with_headers(
        shim_protocol::subject::node_op(node.node_id(), NodeOp::Signals).expect("a subject"),
        headers,
        shim_protocol::codec::encode(&tool_call(false))
            .expect("encodes")
            .into(),
    )
    .await
    .expect("sent");
    raw.flush().await.expect("flushed");

    // The chat itself, with its secret, goes on working.
    let report: RiskReport = victim_acting
        .request(NodeOp::Signals, &tool_call(true))
        .await
        .expect("the chat's own signals");
    assert_eq!(report.signals.tool_calls, 1, "{report:?}");
    assert_eq!(
        report.signals.tool_failures, 0,
        "no forged failure counted: {report:?}"
    );
    let saved: CheckpointSaved = victim_acting
        .request(NodeOp::CheckpointSave, &save)
        .await
        .expect("the chat's own checkpoint");
    assert_eq!(saved.seq, 1, "the forged saves saved nothing");
    let report: RiskReport = victim_acting
        .request(NodeOp::Risk, &risk)
        .await
        .expect("the chat's own risk");
    assert_eq!(
        (report.signals.tool_calls, report.signals.tool_failures),
        (1, 0),
        "{report:?}"
    );
    node.stop().await;
}

/// Fire-and-forget signals are handed on in the node's receiving loop only when the secret they carry is the
/// one the node derives itself. Forged ones, each needing a read of the chat's key, wait their turn under the
/// in-flight bound (past it they are dropped as busy) rather than hold up every request behind them.
#[tokio::test]
async fn a_flood_of_forged_signals_takes_its_turn_and_holds_up_nothing() {
    let nats = NatsServer::start();
    let (mut config, data_dir) = TestNode::config(&nats.url());
    config.max_in_flight = 2;
    let node = TestNode::start_with(config, data_dir).await;
    let anyone = node.client().await;
    let reply = start(&anyone, Some("victim"), None).await.expect("opens");
    let (victim, secret) = (reply.chat_id, reply.chat_secret.expect("a secret"));
    let victim_acting = anyone.with_chat_secret(Some(&secret));
    let batch = |ok: bool| tool_call_of(&victim, SignalSource::Hook, ok);
    let raw = async_nats::connect(nats.url()).await.expect("connects");
    let headers = |secret: &str| {
        let mut headers = async_nats::HeaderMap::new();
        headers.insert(
            shim_protocol::PROTOCOL_HEADER,
            shim_protocol::PROTOCOL_VERSION.to_string().as_str(),
        );
        headers.insert(shim_protocol::CHAT_SECRET_HEADER, secret);
        headers
    };
    let encoded = |ok: bool| -> bytes::Bytes {
        shim_protocol::codec::encode(&batch(ok))
            .expect("encodes")
            .into()
    };
    let subject =
        shim_protocol::subject::node_op(node.node_id(), NodeOp::Signals).expect("a subject");
    let forged = encoded(false);
    for _ in 0..1_000 {
        raw.publish_with_headers(subject.clone(), headers(&"0".repeat(64)), forged.clone())
            .await
            .expect("sent");
    }
    // The chat's own hook, right behind them, the same way (fire and forget), with its own secret.
    raw.publish_with_headers(subject.clone(), headers(&secret), encoded(true))
        .await
        .expect("sent");
    raw.flush().await.expect("flushed");

    // Its signal counted; none of the forged ones.
    let risk = RiskRequest {
        chat_id: victim.clone(),
    };
    let counted = shim_tests::wait_until(
        || async {
            victim_acting
                .request::<_, RiskReport>(NodeOp::Risk, &risk)
                .await
                .is_ok_and(|report| {
                    (report.signals.tool_calls, report.signals.tool_failures) == (1, 0)
                })
        },
        Duration::from_secs(10),
        Duration::from_millis(20),
    )
    .await;
    assert!(counted, "the chat's own signal was not counted alone");
    // The forged ones went through the in-flight bound, and past it were dropped.
    let busy = shim_tests::node::metric_value(
        &node.metrics().await,
        "shim_node_bad_messages_total",
        &["reason=\"busy\""],
    );
    assert!(
        busy.is_some_and(|busy| busy > 0.0),
        "forged signals were served in the receiving loop: busy {busy:?}"
    );
    node.stop().await;
}
