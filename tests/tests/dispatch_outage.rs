//! Ghost dispatches: a dispatch sent while NATS is down, whose first try times out, must not leave a task the
//! supervisor never heard of. The MCP server gives every dispatch a key of its own and sends it again with
//! that key once NATS is back, so the supervisor gets the one task there is.

use std::time::Duration;

use serde_json::json;
use shim_protocol::{
    NodeOp,
    messages::{TaskList, TaskStatusRequest},
};
use shim_tests::{DEADLINE, NatsServer, POLL, TestNode, wait_until};

#[tokio::test]
async fn a_dispatch_through_a_nats_outage_queues_exactly_one_task_the_supervisor_knows() {
    let mut nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let logs = tempfile::tempdir().expect("temp dir");
    let mut mcp = node
        .mcp(
            env!("CARGO_BIN_EXE_shim-node-e2e"),
            &logs.path().join("mcp.log"),
        )
        .await;
    let opened = mcp
        .call_tool("shim_session_start", json!({"name": "lead"}))
        .await;
    let lead = opened["structuredContent"]["chat_id"]
        .as_str()
        .expect("chat id")
        .to_owned();

    nats.kill();
    let call = mcp
        .send_request(
            "tools/call",
            json!({"name": "shim_dispatch_task", "arguments": {"chat_id": lead, "title": "migrate", "instructions": "run the migration"}}),
        )
        .await;
    // The outage outlasts the MCP server's requests (5 s each: the heartbeat that marks the chat a
    // supervisor, then the dispatch): its first try fails while NATS is away.
    tokio::time::sleep(Duration::from_secs(12)).await;
    nats.restart();
    let result = mcp.response(call).await.expect("tools/call answers");
    assert_ne!(
        result["isError"],
        json!(true),
        "the dispatch went through: {result}"
    );
    let task_id = result["structuredContent"]["task_id"]
        .as_str()
        .expect("task id")
        .to_owned();

    // Exactly one task exists, and it is the one the supervisor was told of; give a lost first try time to
    // land too.
    let client = node.client().await;
    let all = || async {
        client
            .request::<_, TaskList>(
                NodeOp::TaskStatus,
                &TaskStatusRequest {
                    chat_id: None,
                    task_ids: Vec::new(),
                    all: true,
                },
            )
            .await
            .map(|list| {
                list.tasks
                    .into_iter()
                    .map(|task| task.task_id)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    assert!(wait_until(|| async { !all().await.is_empty() }, DEADLINE, POLL).await);
    let settle = tokio::time::Instant::now() + Duration::from_secs(3);
    while tokio::time::Instant::now() < settle {
        assert_eq!(
            all().await,
            [task_id.as_str()],
            "one task, the one returned"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let status = mcp
        .call_tool("shim_task_status", json!({"chat_id": lead}))
        .await;
    let listed: Vec<&str> = status["structuredContent"]["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .filter_map(|task| task["task_id"].as_str())
        .collect();
    assert_eq!(listed, [task_id.as_str()], "{status}");
    let collected = mcp
        .call_tool("shim_collect_results", json!({"chat_id": lead}))
        .await;
    assert_eq!(
        collected["structuredContent"]["unfinished"], 1,
        "collect counts the one open task: {collected}"
    );
    assert!(mcp.close().await);
}
