//! Who is who: names given at session start are kept and shown, Claude Code sessions opened by hooks are in
//! the registry and stay present while they send signals, a chat that went away shows no stale task,
//! `shim_status` with an unknown chat id is an error, and the CLI tables have headers.

use std::{process::Stdio, time::Duration};

use serde_json::{Value, json};
use shim_node::nats::NodeClient;
use shim_protocol::{
    NodeOp,
    messages::{
        ChatEntry, ChatList, ClaimTaskReply, ClaimTaskRequest, DispatchTaskReply,
        DispatchTaskRequest, HeartbeatRequest, ListChatsRequest, SessionEndReply,
        SessionEndRequest, SessionStartReply, SessionStartRequest, StatusReply, StatusRequest,
    },
};
use shim_tests::{DEADLINE, NatsServer, POLL, TestNode, wait_until};
use tokio::io::AsyncWriteExt;

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

fn flags(node: &TestNode) -> Vec<String> {
    vec![
        "--nats-url".to_owned(),
        node.config_ref().nats_url.clone(),
        "--node-id".to_owned(),
        node.node_id().to_owned(),
    ]
}

/// Runs `shim-node <args>` against `node` and returns its standard output.
async fn cli(node: &TestNode, args: &[&str]) -> String {
    let output = tokio::process::Command::new(EXE)
        .args(args)
        .args(flags(node))
        .output()
        .await
        .expect("runs");
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8")
}

/// Feeds one hook event to `shim-node hook`, as Claude Code does.
async fn hook(node: &TestNode, event: Value) {
    let mut child = tokio::process::Command::new(EXE)
        .arg("hook")
        .args(flags(node))
        // Beside the node, as a session's hooks run: with its data dir, so they present the chat's secret.
        .arg("--data-dir")
        .arg(&node.config_ref().data_dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("hook starts");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all(event.to_string().as_bytes())
        .await
        .expect("writes");
    drop(stdin);
    assert!(child.wait().await.expect("hook exits").success());
}

async fn chats(client: &NodeClient, include_gone: bool) -> Vec<ChatEntry> {
    client
        .request::<_, ChatList>(NodeOp::ChatList, &ListChatsRequest { include_gone })
        .await
        .expect("chat list")
        .chats
}

async fn entry(client: &NodeClient, chat_id: &str) -> Option<ChatEntry> {
    chats(client, true)
        .await
        .into_iter()
        .find(|chat| chat.chat_id == chat_id)
}

/// A node whose chats are away after `away_s` silent seconds (gone after a minute).
async fn quick_node(nats: &NatsServer, away_s: u64) -> TestNode {
    let (mut config, data_dir) = TestNode::config(&nats.url());
    config.chat_away_after_s = away_s;
    config.chat_gone_after_s = 60;
    TestNode::start_with(config, data_dir).await
}

#[tokio::test]
async fn names_given_at_session_start_are_kept_and_shown() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let logs = tempfile::tempdir().expect("temp dir");
    let mut mcp = node.mcp(EXE, &logs.path().join("stderr.log")).await;
    let started = mcp
        .call_tool("shim_session_start", json!({"name": "parser work"}))
        .await;
    assert_ne!(started["isError"], json!(true), "{started}");
    let chat_id = started["structuredContent"]["chat_id"]
        .as_str()
        .expect("chat id")
        .to_owned();

    let listed = mcp.call_tool("shim_list_chats", json!({})).await;
    let chats = listed["structuredContent"]["chats"]
        .as_array()
        .expect("chats")
        .clone();
    let mine = chats
        .iter()
        .find(|chat| chat["chat_id"] == json!(chat_id))
        .unwrap_or_else(|| panic!("{chat_id} listed: {listed}"));
    assert_eq!(mine["name"], json!("parser work"), "{listed}");
    assert!(mcp.close().await);

    let table = cli(&node, &["chats"]).await;
    let mut lines = table.lines();
    let header = lines.next().expect("a header line");
    for column in ["CHAT", "NAME", "ROLE", "STATUS", "NODE", "SEEN", "TASK"] {
        assert!(header.contains(column), "{table}");
    }
    assert!(
        lines.any(|line| line.starts_with(&chat_id) && line.contains("parser work")),
        "{table}"
    );
    let json: Value = serde_json::from_str(&cli(&node, &["chats", "--json"]).await).expect("json");
    assert!(
        json.as_array()
            .expect("array")
            .iter()
            .any(|chat| chat["chat_id"] == json!(chat_id) && chat["name"] == json!("parser work")),
        "{json}"
    );
    node.stop().await;
}

#[tokio::test]
async fn claude_code_sessions_opened_by_hooks_are_in_the_registry_while_they_work() {
    let nats = NatsServer::start();
    // Two seconds: the working session's hooks (a process each) refresh it with a wide margin even on a slow
    // machine.
    let node = quick_node(&nats, 2).await;
    let client = node.client().await;
    let project = tempfile::tempdir().expect("temp dir");
    for session in ["cc-busy", "cc-quiet"] {
        hook(
            &node,
            json!({"session_id": session, "hook_event_name": "SessionStart", "source": "startup", "cwd": project.path()}),
        )
        .await;
    }
    let status: StatusReply = client
        .request(NodeOp::Status, &StatusRequest { chat_id: None })
        .await
        .expect("status");
    let workers = status
        .actors
        .iter()
        .filter(|actor| actor.kind == "chat_worker")
        .count();
    assert_eq!(workers, 2, "{:?}", status.actors);
    let listed: Vec<String> = chats(&client, false)
        .await
        .into_iter()
        .map(|chat| chat.chat_id)
        .collect();
    assert!(
        listed.contains(&"cc-busy".to_owned()) && listed.contains(&"cc-quiet".to_owned()),
        "{listed:?}"
    );
    let table = cli(&node, &["chats"]).await;
    assert!(
        table.contains("cc-busy") && !table.contains("no chats"),
        "{table}"
    );

    // One session keeps working (its hooks send signals), the other falls silent: only the silent one goes
    // away.
    let deadline = tokio::time::Instant::now() + DEADLINE;
    loop {
        hook(
            &node,
            json!({"session_id": "cc-busy", "hook_event_name": "PostToolUse", "tool_name": "Bash", "tool_input": {"command": "ls"}, "tool_response": {"stdout": ""}}),
        )
        .await;
        let quiet = entry(&client, "cc-quiet").await.expect("registered");
        if quiet.status == "away" {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the silent session never went away"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let busy = entry(&client, "cc-busy").await.expect("registered");
    assert_ne!(busy.status, "away", "{busy:?}");
    assert_ne!(busy.status, "gone", "{busy:?}");
    node.stop().await;
}

#[tokio::test]
async fn a_chat_that_went_away_or_ended_shows_no_current_task() {
    let nats = NatsServer::start();
    let node = quick_node(&nats, 2).await;
    let client = node.client().await;
    let heartbeat = |chat_id: &str, role: &str| HeartbeatRequest {
        chat_id: chat_id.to_owned(),
        role: Some(role.parse().expect("a role")),
        ..HeartbeatRequest::default()
    };
    let _: ChatEntry = client
        .request(NodeOp::ChatHeartbeat, &heartbeat("boss", "supervisor"))
        .await
        .expect("beats");
    let _: ChatEntry = client
        .request(NodeOp::ChatHeartbeat, &heartbeat("worker-1", "worker"))
        .await
        .expect("beats");
    let dispatched: DispatchTaskReply = client
        .request(
            NodeOp::TaskDispatch,
            &DispatchTaskRequest {
                chat_id: "boss".to_owned(),
                title: "port the lexer".to_owned(),
                instructions: "all of it".to_owned(),
                ..DispatchTaskRequest::default()
            },
        )
        .await
        .expect("dispatches");
    let claimed: ClaimTaskReply = client
        .request(
            NodeOp::TaskClaim,
            &ClaimTaskRequest {
                chat_id: "worker-1".to_owned(),
                ..ClaimTaskRequest::default()
            },
        )
        .await
        .expect("claims");
    assert_eq!(
        claimed.task.map(|task| task.task_id),
        Some(dispatched.task_id.clone())
    );
    let task_id = dispatched.task_id.clone();
    assert!(
        wait_until(
            || async {
                entry(&client, "worker-1")
                    .await
                    .and_then(|chat| chat.current_task)
                    == Some(task_id.clone())
            },
            DEADLINE,
            POLL
        )
        .await,
        "the registry shows the claimed task"
    );
    // worker-1 falls silent: away, and working on nothing.
    assert!(
        wait_until(
            || async {
                entry(&client, "worker-1")
                    .await
                    .is_some_and(|chat| chat.status == "away")
            },
            DEADLINE,
            POLL
        )
        .await,
        "worker-1 went away"
    );
    let away = entry(&client, "worker-1").await.expect("registered");
    assert_eq!(away.current_task, None, "{away:?}");

    // A chat whose session ends is gone at once, with no task.
    let started: SessionStartReply = client
        .request(
            NodeOp::SessionStart,
            &SessionStartRequest {
                name: Some("short lived".to_owned()),
                ..SessionStartRequest::default()
            },
        )
        .await
        .expect("starts");
    let _: ChatEntry = client
        .with_chat_secret(started.chat_secret.as_deref())
        .request(
            NodeOp::ChatHeartbeat,
            &HeartbeatRequest {
                chat_id: started.chat_id.clone(),
                busy: Some(true),
                current_task: Some(dispatched.task_id.clone()),
                ..HeartbeatRequest::default()
            },
        )
        .await
        .expect("beats");
    let _: SessionEndReply = client
        .with_chat_secret(started.chat_secret.as_deref())
        .request(
            NodeOp::SessionEnd,
            &SessionEndRequest {
                chat_id: started.chat_id.clone(),
                reason: None,
                claude_pid: None,
            },
        )
        .await
        .expect("ends");
    let ended = entry(&client, &started.chat_id).await.expect("registered");
    assert_eq!(
        (ended.status.as_str(), ended.current_task.as_deref()),
        ("gone", None),
        "{ended:?}"
    );
    assert_eq!(ended.name.as_deref(), Some("short lived"));
    assert!(ended.ended, "{ended:?}");
    assert!(
        !chats(&client, false)
            .await
            .iter()
            .any(|chat| chat.chat_id == started.chat_id),
        "gone chats are left out of the default list"
    );
    // It stays ended: a heartbeat (an MCP server that did not end it, hook signals) does not bring it back.
    let beat = client
        .with_chat_secret(started.chat_secret.as_deref())
        .request::<_, ChatEntry>(
            NodeOp::ChatHeartbeat,
            &HeartbeatRequest {
                chat_id: started.chat_id.clone(),
                ..HeartbeatRequest::default()
            },
        )
        .await;
    assert!(
        matches!(
            beat,
            Err(shim_node::nats::ClientError::Remote(
                shim_protocol::WireError::NotFound { .. }
            ))
        ),
        "{beat:?}"
    );
    assert_eq!(
        entry(&client, &started.chat_id)
            .await
            .expect("registered")
            .status
            .as_str(),
        "gone"
    );
    // Nor does its ending growing old: a chat silent since then goes away (`chat_away_after_s` 2), the ended
    // one stays gone.
    let _: ChatEntry = client
        .request(NodeOp::ChatHeartbeat, &heartbeat("witness", "worker"))
        .await
        .expect("beats");
    assert!(
        wait_until(
            || async {
                entry(&client, "witness")
                    .await
                    .is_some_and(|chat| chat.status.as_str() == "away")
            },
            DEADLINE,
            POLL,
        )
        .await
    );
    let aged = entry(&client, &started.chat_id).await.expect("registered");
    assert_eq!(
        (aged.status.as_str(), aged.ended),
        ("gone", true),
        "{aged:?}"
    );
    // Its session started again (resumed under its id) is what brings it back.
    let _: SessionStartReply = client
        .with_chat_secret(started.chat_secret.as_deref())
        .request(
            NodeOp::SessionStart,
            &SessionStartRequest {
                chat_id: Some(started.chat_id.clone()),
                ..SessionStartRequest::default()
            },
        )
        .await
        .expect("starts again");
    let back = entry(&client, &started.chat_id).await.expect("registered");
    assert_eq!(
        (back.status.as_str(), back.ended),
        ("idle", false),
        "{back:?}"
    );
    node.stop().await;
}

#[tokio::test]
async fn shim_status_with_an_unknown_chat_id_is_an_error_not_a_new_chat() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let logs = tempfile::tempdir().expect("temp dir");
    let mut mcp = node.mcp(EXE, &logs.path().join("stderr.log")).await;
    let status = mcp
        .call_tool("shim_status", json!({"chat_id": "never-opened"}))
        .await;
    assert_eq!(status["isError"], json!(true), "{status}");
    let text = status["content"][0]["text"].as_str().unwrap_or_default();
    assert!(text.contains("never-opened"), "{text}");
    let risk = mcp
        .call_tool("shim_crash_risk", json!({"chat_id": "never-opened"}))
        .await;
    assert_eq!(risk["isError"], json!(true), "{risk}");
    let node_status: StatusReply = node
        .client()
        .await
        .request(NodeOp::Status, &StatusRequest { chat_id: None })
        .await
        .expect("status");
    assert!(
        !node_status
            .actors
            .iter()
            .any(|actor| actor.name == "chat_worker.never-opened"),
        "{:?}",
        node_status.actors
    );
    // A chat this server opened still answers.
    let started = mcp.call_tool("shim_session_start", json!({})).await;
    let chat_id = started["structuredContent"]["chat_id"].clone();
    let known = mcp
        .call_tool("shim_status", json!({"chat_id": chat_id}))
        .await;
    assert_ne!(known["isError"], json!(true), "{known}");
    assert!(mcp.close().await);
    node.stop().await;
}

#[tokio::test]
async fn task_and_checkpoint_tables_have_headers() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let _: DispatchTaskReply = client
        .request(
            NodeOp::TaskDispatch,
            &DispatchTaskRequest {
                chat_id: "boss".to_owned(),
                title: "write the docs".to_owned(),
                instructions: "all of them".to_owned(),
                ..DispatchTaskRequest::default()
            },
        )
        .await
        .expect("dispatches");
    let tasks = cli(&node, &["tasks", "list"]).await;
    let header = tasks.lines().next().expect("header");
    for column in ["TASK", "STATUS", "PRIORITY", "PROGRESS", "WORKER", "TITLE"] {
        assert!(header.contains(column), "{tasks}");
    }
    assert!(
        tasks
            .lines()
            .nth(1)
            .is_some_and(|line| line.contains("write the docs")),
        "{tasks}"
    );

    let started: SessionStartReply = client
        .request(NodeOp::SessionStart, &SessionStartRequest::default())
        .await
        .expect("starts");
    let _: shim_protocol::messages::CheckpointSaved = client
        .with_chat_secret(started.chat_secret.as_deref())
        .request(
            NodeOp::CheckpointSave,
            &shim_protocol::messages::SaveCheckpointRequest {
                chat_id: started.chat_id.clone(),
                input: shim_protocol::messages::CheckpointInput {
                    summary: "halfway".to_owned(),
                    ..Default::default()
                },
            },
        )
        .await
        .expect("saves");
    let checkpoints = cli(&node, &["checkpoints", "list"]).await;
    let header = checkpoints.lines().next().expect("header");
    for column in ["CHECKPOINT", "CREATED", "TRIGGER", "SIZE", "SUMMARY"] {
        assert!(header.contains(column), "{checkpoints}");
    }
    assert!(
        checkpoints
            .lines()
            .nth(1)
            .is_some_and(|line| line.starts_with(&started.chat_id) && line.contains("halfway")),
        "{checkpoints}"
    );
    node.stop().await;
}
