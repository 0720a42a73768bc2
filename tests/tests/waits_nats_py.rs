//! The raw NATS path from another language: a nats-py worker (no receipt header) waits 30 s for a claim that
//! is answered late, and one that disconnects while its claim waits takes nothing with it. Needs python3 with
//! nats-py (`pip install nats-py`).

use std::{
    process::Stdio,
    time::{Duration, Instant},
};

use serde_json::{Value, json};
use shim_protocol::{
    NodeOp,
    messages::{
        ClaimTaskReply, ClaimTaskRequest, DispatchTaskReply, DispatchTaskRequest, TaskList,
        TaskStatusRequest,
    },
    subject,
};
use shim_tests::{EventFeed, NatsServer, TestNode};
use tokio::io::{AsyncBufReadExt, BufReader};

/// Starts the nats-py worker script, which sends its claim to `subject`.
fn python_worker(
    nats_url: &str,
    subject: &str,
    chat_id: &str,
    wait: u64,
    mode: &str,
) -> tokio::process::Child {
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/nats_py_claim.py");
    tokio::process::Command::new("python3")
        .arg(script)
        .args([nats_url, subject, chat_id, &wait.to_string(), mode])
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("python3 runs")
}

async fn first_line(child: &mut tokio::process::Child, within: Duration) -> String {
    let stdout = child.stdout.take().expect("piped stdout");
    tokio::time::timeout(within, BufReader::new(stdout).lines().next_line())
        .await
        .expect("the worker answers in time")
        .expect("stdout readable")
        .expect("a line (is nats-py installed? pip install nats-py)")
}

async fn dispatch(client: &shim_node::nats::NodeClient, title: &str) -> String {
    let reply: DispatchTaskReply = client
        .request(
            NodeOp::TaskDispatch,
            &DispatchTaskRequest {
                chat_id: "lead".to_owned(),
                title: title.to_owned(),
                instructions: format!("do {title}"),
                ..DispatchTaskRequest::default()
            },
        )
        .await
        .expect("dispatches");
    reply.task_id
}

#[tokio::test]
async fn a_nats_py_worker_waits_30_seconds_and_keeps_what_it_claimed() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    // The claim goes to the coordination service, which any node answers.
    let claim_subject = subject::coord_op(NodeOp::TaskClaim).expect("a claim is cluster-wide");
    assert_eq!(claim_subject, "shim.v1.coord.task.claim");
    let mut worker = python_worker(&nats.url(), &claim_subject, "py-worker", 30, "wait");
    let stdout = worker.stdout.take().expect("piped stdout");
    let answer = tokio::spawn(async move { BufReader::new(stdout).lines().next_line().await });
    // The task comes after async-nats' 10 s default, well within the worker's 30 s wait.
    tokio::time::sleep(Duration::from_secs(12)).await;
    let task_id = dispatch(&client, "for python").await;
    let line = tokio::time::timeout(Duration::from_secs(30), answer)
        .await
        .expect("the worker answers")
        .expect("joins")
        .expect("stdout")
        .expect("a line (is nats-py installed? pip install nats-py)");
    let task: Value = serde_json::from_str(&line).expect("JSON");
    assert_eq!(task["task_id"], json!(task_id), "{line}");
    assert_eq!(task["attempt"], 1);
    assert!(worker.wait().await.expect("exits").success());
    // A client without receipts keeps what it was answered with.
    let kept_until = Instant::now() + shim_node::service::RECEIPT_WINDOW + Duration::from_secs(1);
    while Instant::now() < kept_until {
        let list: TaskList = client
            .request(
                NodeOp::TaskStatus,
                &TaskStatusRequest {
                    chat_id: None,
                    task_ids: vec![task_id.clone()],
                    all: false,
                },
            )
            .await
            .expect("status");
        assert_eq!(list.tasks[0].worker_chat_id.as_deref(), Some("py-worker"));
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

#[tokio::test]
async fn a_nats_py_worker_that_disconnects_while_waiting_takes_nothing_with_it() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let mut events = EventFeed::subscribe(client.nats(), "shim.events.tasks.*").await;
    // The node's own subject answers a claim too, as it always did.
    let claim_subject = subject::node_op(node.node_id(), NodeOp::TaskClaim).expect("valid id");
    let mut worker = python_worker(&nats.url(), &claim_subject, "py-leaver", 30, "leave");
    assert_eq!(
        first_line(&mut worker, Duration::from_secs(20)).await,
        "sent"
    );
    assert!(worker.wait().await.expect("exits").success());
    let task_id = dispatch(&client, "orphan").await;
    loop {
        let (subject, body) = events.next().await;
        if body["data"]["task_id"] == json!(task_id) && subject.ends_with("claimed") {
            assert_eq!(body["data"]["worker_chat_id"], "py-leaver");
        }
        if body["data"]["task_id"] == json!(task_id) && subject.ends_with("returned") {
            break;
        }
    }
    let reply: ClaimTaskReply = client
        .with_timeout(Duration::from_secs(30))
        .request(
            NodeOp::TaskClaim,
            &ClaimTaskRequest {
                chat_id: "rust-worker".to_owned(),
                wait_seconds: Some(20),
                capabilities: Some(Vec::new()),
            },
        )
        .await
        .expect("claims");
    let task = reply.task.expect("the task came back");
    assert_eq!((task.task_id.as_str(), task.attempt), (task_id.as_str(), 1));
}
