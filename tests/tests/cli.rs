//! `shim-node status` and `shim-node tail` as a person runs them.

use std::process::Stdio;

use serde_json::Value;
use shim_protocol::{
    NodeOp,
    messages::{SessionStartReply, SessionStartRequest},
};
use shim_tests::{DEADLINE, NatsServer, TestNode};
use tokio::io::{AsyncBufReadExt, BufReader};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

fn args(node: &TestNode) -> Vec<String> {
    vec![
        "--nats-url".to_owned(),
        node.config_ref().nats_url.clone(),
        "--node-id".to_owned(),
        node.node_id().to_owned(),
    ]
}

#[tokio::test]
async fn status_prints_text_and_json() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let started: SessionStartReply = node
        .client()
        .await
        .request(
            NodeOp::SessionStart,
            &SessionStartRequest {
                name: Some("cli chat".to_owned()),
                ..Default::default()
            },
        )
        .await
        .expect("session");

    let text = tokio::process::Command::new(EXE)
        .arg("status")
        .args(args(&node))
        .output()
        .await
        .expect("runs");
    assert!(
        text.status.success(),
        "{}",
        String::from_utf8_lossy(&text.stderr)
    );
    let text = String::from_utf8(text.stdout).expect("utf-8");
    assert!(text.contains(node.node_id()), "{text}");
    assert!(
        text.contains(&format!("chat_worker.{}", started.chat_id)),
        "{text}"
    );

    let json = tokio::process::Command::new(EXE)
        .args(["status", "--json", "--chat-id", &started.chat_id])
        .args(args(&node))
        .output()
        .await
        .expect("runs");
    assert!(json.status.success());
    let json: Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(json["node_id"], node.node_id());
    assert_eq!(json["chat"]["name"], "cli chat");

    let missing = tokio::process::Command::new(EXE)
        .args(["status", "--node-id", "nobody", "--nats-url", &nats.url()])
        .output()
        .await
        .expect("runs");
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("shim-node run"));
    node.stop().await;
}

#[tokio::test]
async fn tail_prints_plain_lines_when_piped_and_honours_its_filter() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let mut tail = tokio::process::Command::new(EXE)
        .args(["tail", "chats.*", "--nats-url", &nats.url()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("tail runs");
    // tail says on stderr when it listens; only then are events guaranteed to reach it.
    let mut stderr = BufReader::new(tail.stderr.take().expect("stderr")).lines();
    let ready = tokio::time::timeout(DEADLINE, stderr.next_line())
        .await
        .expect("tail is ready")
        .expect("stderr");
    assert!(ready.is_some_and(|line| line.contains("shim.events.chats.*")));

    let client = node.client().await;
    let started: SessionStartReply = client
        .request(NodeOp::SessionStart, &SessionStartRequest::default())
        .await
        .expect("session");
    let mut lines = BufReader::new(tail.stdout.take().expect("stdout")).lines();
    let line = tokio::time::timeout(DEADLINE, lines.next_line())
        .await
        .expect("an event line arrives")
        .expect("stdout")
        .expect("a line");
    assert!(line.contains("chats.started"), "{line}");
    assert!(line.contains(&started.chat_id), "{line}");
    assert!(
        !line.contains('\u{1b}'),
        "no colour codes when piped: {line:?}"
    );
    tail.kill().await.expect("stops");
    node.stop().await;
}
