//! Long waits through `shim-node mcp`: claims and reads waiting 30 and 60 s, an MCP server killed while its
//! claim waits, and the worked example of docs/coordination.md run as written.

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use shim_node::nats::NodeClient;
use shim_protocol::{
    NodeOp,
    messages::{DispatchTaskReply, DispatchTaskRequest},
};
use shim_tests::{
    DEADLINE, EventFeed, McpClient, NatsOptions, NatsServer, POLL, TestNode, wait_for_chat,
    wait_until,
};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

/// How late the task or message arrives: past async-nats' 10 s default request timeout.
const LATE: Duration = Duration::from_secs(12);

fn structured(result: &Value) -> &Value {
    assert_ne!(result["isError"], json!(true), "the tool failed: {result}");
    &result["structuredContent"]
}

async fn open(mcp: &mut McpClient, name: &str) -> String {
    let started = mcp
        .call_tool("shim_session_start", json!({"name": name}))
        .await;
    structured(&started)["chat_id"]
        .as_str()
        .expect("a chat id")
        .to_owned()
}

async fn dispatch(client: &NodeClient, title: &str) -> String {
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
async fn mcp_claims_and_reads_waiting_30_and_60_seconds_get_what_arrives_late() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let logs = tempfile::tempdir().expect("temp dir");
    let mut servers = Vec::new();
    for name in ["claim-30", "claim-60", "read-30", "read-60"] {
        let mut mcp = node
            .mcp(EXE, &logs.path().join(format!("{name}.log")))
            .await;
        let chat_id = open(&mut mcp, name).await;
        servers.push((mcp, chat_id));
    }
    let [
        (claim_30, worker_30),
        (claim_60, worker_60),
        (read_30, reader_30),
        (read_60, reader_60),
    ] = &mut servers[..]
    else {
        unreachable!("four servers");
    };
    let (worker_30, worker_60) = (worker_30.clone(), worker_60.clone());
    let (reader_30, reader_60) = (reader_30.clone(), reader_60.clone());
    let late = async {
        tokio::time::sleep(LATE).await;
        let tasks = [
            dispatch(&client, "first").await,
            dispatch(&client, "second").await,
        ];
        for (to, text) in [(&reader_30, "for thirty"), (&reader_60, "for sixty")] {
            let _: shim_protocol::messages::ChatMessage = client
                .request(
                    NodeOp::MessageSend,
                    &shim_protocol::messages::SendMessageRequest {
                        from: "lead".to_owned(),
                        to: to.clone(),
                        text: text.to_owned(),
                        ..shim_protocol::messages::SendMessageRequest::default()
                    },
                )
                .await
                .expect("sends");
        }
        tasks
    };
    let (claimed_30, claimed_60, got_30, got_60, dispatched) = tokio::join!(
        claim_30.call_tool(
            "shim_claim_task",
            json!({"chat_id": worker_30, "wait_seconds": 30})
        ),
        claim_60.call_tool(
            "shim_claim_task",
            json!({"chat_id": worker_60, "wait_seconds": 60})
        ),
        read_30.call_tool(
            "shim_read_messages",
            json!({"chat_id": reader_30, "wait_seconds": 30})
        ),
        read_60.call_tool(
            "shim_read_messages",
            json!({"chat_id": reader_60, "wait_seconds": 60})
        ),
        late,
    );
    let mut claimed = [
        structured(&claimed_30)["task"]["task_id"].clone(),
        structured(&claimed_60)["task"]["task_id"].clone(),
    ];
    claimed.sort_by_key(|id| id.to_string());
    let mut dispatched = dispatched.map(Value::from);
    dispatched.sort_by_key(|id| id.to_string());
    assert_eq!(claimed, dispatched, "{claimed_30} {claimed_60}");
    assert_eq!(structured(&claimed_30)["task"]["attempt"], 1);
    assert_eq!(structured(&got_30)["messages"][0]["text"], "for thirty");
    assert_eq!(structured(&got_60)["messages"][0]["text"], "for sixty");
    for (mcp, _) in servers {
        assert!(mcp.close().await);
    }
}

#[tokio::test]
async fn a_killed_mcp_server_takes_no_task_with_it() {
    let nats = NatsServer::start_with(&NatsOptions {
        monitoring: true,
        ..NatsOptions::default()
    });
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let mut events = EventFeed::subscribe(client.nats(), "shim.events.tasks.*").await;
    let logs = tempfile::tempdir().expect("temp dir");
    let mut doomed = node.mcp(EXE, &logs.path().join("doomed.log")).await;
    let doomed_chat = open(&mut doomed, "doomed").await;
    // The claim is sent, not waited for: the server is killed while it waits.
    doomed
        .send_raw(
            &json!({"jsonrpc": "2.0", "id": 99, "method": "tools/call",
                "params": {"name": "shim_claim_task", "arguments": {"chat_id": doomed_chat, "wait_seconds": 60}}})
            .to_string(),
        )
        .await;
    // The claim follows the heartbeat that makes the chat a worker.
    let worker = wait_for_chat(&client, &doomed_chat, |chat| chat.role == "worker").await;
    assert!(worker);
    // The claim has reached the server when the MCP server's connection waits on its reply inbox.
    assert!(
        nats.request_waiting(|connection| connection["name"] == "shim-node mcp")
            .await,
        "the claim reached the server"
    );
    drop(doomed); // SIGKILL
    let task_id = dispatch(&client, "after the kill").await;
    let returned_at = loop {
        let (subject, body) = events.next().await;
        if body["data"]["task_id"] != json!(task_id) {
            continue;
        }
        if subject.ends_with("claimed") {
            assert_eq!(body["data"]["worker_chat_id"], doomed_chat.as_str());
        }
        if subject.ends_with("returned") {
            break Instant::now();
        }
    };
    let mut next = node.mcp(EXE, &logs.path().join("next.log")).await;
    let taken = next
        .call_tool("shim_claim_task", json!({"wait_seconds": 20}))
        .await;
    let task = &structured(&taken)["task"];
    assert_eq!(task["task_id"], task_id.as_str(), "{taken}");
    assert_eq!(task["attempt"], 1, "the killed server spent no attempt");
    assert!(returned_at.elapsed() < Duration::from_secs(10));
    assert!(next.close().await);
}

/// docs/coordination.md, "A worked example": the supervisor's calls as written, and worker loops claiming with
/// `wait_seconds` 60 and completing with `claim_next`, started before anything is queued.
#[tokio::test]
async fn the_worked_example_of_the_coordination_guide_runs_as_written() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let logs = tempfile::tempdir().expect("temp dir");
    let mut supervisor = node.mcp(EXE, &logs.path().join("supervisor.log")).await;
    let mut rust_worker = node.mcp(EXE, &logs.path().join("rust.log")).await;
    let mut ffi_worker = node.mcp(EXE, &logs.path().join("ffi.log")).await;

    // A worker's loop as the guide tells it: claim (wait 60), do the task, complete with claim_next; what it
    // finished goes to `done` (with the worker's name).
    let done = std::sync::Mutex::new(Vec::<(&str, Value)>::new());
    let work = async |mcp: &mut McpClient, name: &'static str, capabilities: Value| {
        let mut next = Value::Null;
        loop {
            let task = if next.is_null() {
                let claimed = mcp
                    .call_tool(
                        "shim_claim_task",
                        json!({"wait_seconds": 60, "capabilities": capabilities}),
                    )
                    .await;
                structured(&claimed)["task"].clone()
            } else {
                next
            };
            if task.is_null() {
                next = Value::Null;
                continue;
            }
            let mut keys: Vec<&str> = task
                .as_object()
                .expect("a task")
                .keys()
                .map(String::as_str)
                .collect();
            keys.sort_unstable();
            assert_eq!(
                keys,
                [
                    "attempt",
                    "instructions",
                    "priority",
                    "supervisor_chat_id",
                    "task_id",
                    "title"
                ],
                "the claim's shape in the guide"
            );
            let completed = mcp
                .call_tool(
                    "shim_complete_task",
                    json!({"task_id": task["task_id"], "result": format!("{} ported, tests pass", task["title"]), "claim_next": true}),
                )
                .await;
            assert_eq!(structured(&completed)["recorded"], true, "{completed}");
            next = structured(&completed)["next"].clone();
            done.lock().expect("lock").push((name, task));
        }
    };

    let supervise = async {
        // The workers are waiting on an empty queue, past the 10 s that used to end their claims.
        tokio::time::sleep(LATE).await;
        let lexer = supervisor
            .call_tool(
                "shim_dispatch_task",
                json!({"title": "lexer", "instructions": "Port lexer.c to src/lexer.rs with tests...", "priority": "high", "idempotency_key": "libtok/lexer"}),
            )
            .await;
        let lexer = structured(&lexer).clone();
        assert_eq!(lexer["status"], "queued");
        assert_eq!(lexer["deduplicated"], false);
        let lexer_id = lexer["task_id"].as_str().expect("task id").to_owned();
        let parser = supervisor
            .call_tool(
                "shim_dispatch_task",
                json!({"title": "parser", "instructions": "...", "depends_on": [lexer_id]}),
            )
            .await;
        let parser_id = structured(&parser)["task_id"]
            .as_str()
            .expect("task id")
            .to_owned();
        let c_api = supervisor
            .call_tool(
                "shim_dispatch_task",
                json!({"title": "C API", "instructions": "...", "depends_on": [parser_id], "capabilities": ["ffi"]}),
            )
            .await;
        structured(&c_api)["task_id"]
            .as_str()
            .expect("task id")
            .to_owned()
    };
    let all_done = async {
        let finished = wait_until(
            || async { done.lock().map(|done| done.len() >= 3).unwrap_or(false) },
            Duration::from_secs(90),
            POLL,
        )
        .await;
        assert!(finished, "the three tasks were done");
    };
    let (c_api_id, ()) = tokio::select! {
        finished = async { tokio::join!(supervise, all_done) } => finished,
        () = work(&mut rust_worker, "rust", json!(["rust"])) => unreachable!("a worker loops for ever"),
        () = work(&mut ffi_worker, "ffi", json!(["rust", "ffi"])) => unreachable!("a worker loops for ever"),
    };
    let done = done.into_inner().expect("lock");
    // The C API task only goes to the chat with `ffi`, after the parser; every task is claimed once.
    let mut titles: Vec<&str> = done
        .iter()
        .map(|(_, task)| task["title"].as_str().unwrap_or_default())
        .collect();
    titles.sort_unstable();
    assert_eq!(titles, ["C API", "lexer", "parser"]);
    for (worker, task) in &done {
        assert_eq!(task["attempt"], 1, "{task}");
        if task["task_id"] == c_api_id.as_str() {
            assert_eq!(*worker, "ffi");
        }
        if task["title"] == "lexer" {
            assert_eq!(task["priority"], "high");
        }
    }
    let collected = supervisor
        .call_tool("shim_collect_results", json!({}))
        .await;
    let collected = structured(&collected);
    assert_eq!(collected["tasks"].as_array().map(Vec::len), Some(3));
    assert_eq!(collected["unfinished"], 0);
    assert!(supervisor.close().await);
    // The workers are killed in the middle of their next wait.
    drop((rust_worker, ffi_worker));
}

#[tokio::test]
async fn a_cancelled_claim_takes_no_task_with_it() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let mut events = EventFeed::subscribe(client.nats(), "shim.events.tasks.*").await;
    let logs = tempfile::tempdir().expect("temp dir");
    let mut mcp = node.mcp(EXE, &logs.path().join("mcp.log")).await;
    let quitter = open(&mut mcp, "quitter").await;
    let call = mcp
        .send_request(
            "tools/call",
            json!({"name": "shim_claim_task", "arguments": {"chat_id": quitter, "wait_seconds": 60}}),
        )
        .await;
    let worker = wait_for_chat(&client, &quitter, |chat| chat.role == "worker").await;
    assert!(worker);
    // The user stops the call (Escape in Claude Code); the MCP server and its connection stay up.
    mcp.notify(
        "notifications/cancelled",
        json!({"requestId": call, "reason": "the user stopped it"}),
    )
    .await;
    // Notifications are handled in order: once a later call is answered, the cancellation was seen.
    let steady = open(&mut mcp, "steady").await;
    let task_id = dispatch(&client, "after the cancel").await;
    loop {
        let (subject, body) = events.next().await;
        if body["data"]["task_id"] == json!(task_id) && subject.ends_with("claimed") {
            assert_eq!(body["data"]["worker_chat_id"], quitter.as_str(), "{body}");
        }
        if body["data"]["task_id"] == json!(task_id) && subject.ends_with("returned") {
            break;
        }
    }
    let taken = mcp
        .call_tool(
            "shim_claim_task",
            json!({"chat_id": steady, "wait_seconds": 20}),
        )
        .await;
    let task = &structured(&taken)["task"];
    assert_eq!(task["task_id"], task_id.as_str(), "{taken}");
    assert_eq!(task["attempt"], 1);
    assert!(mcp.close().await);
}

#[tokio::test]
async fn a_cancelled_read_leaves_the_message_for_the_next_read() {
    let nats = NatsServer::start_with(&NatsOptions {
        monitoring: true,
        ..NatsOptions::default()
    });
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let logs = tempfile::tempdir().expect("temp dir");
    let mut mcp = node.mcp(EXE, &logs.path().join("mcp.log")).await;
    let reader = open(&mut mcp, "reader").await;
    let call = mcp
        .send_request(
            "tools/call",
            json!({"name": "shim_read_messages", "arguments": {"chat_id": reader, "wait_seconds": 60}}),
        )
        .await;
    // The read has reached the server (its reply inbox waits), then it is stopped.
    assert!(
        nats.request_waiting(|connection| connection["name"] == "shim-node mcp")
            .await,
        "the read reached the server"
    );
    mcp.notify(
        "notifications/cancelled",
        json!({"requestId": call, "reason": "the user stopped it"}),
    )
    .await;
    // Notifications are handled in order: once a later call is answered, the cancellation was seen.
    open(&mut mcp, "other").await;
    let sent: shim_protocol::messages::ChatMessage = client
        .request(
            NodeOp::MessageSend,
            &shim_protocol::messages::SendMessageRequest {
                from: "lead".to_owned(),
                to: reader.clone(),
                text: "still here".to_owned(),
                ..shim_protocol::messages::SendMessageRequest::default()
            },
        )
        .await
        .expect("sends");
    // The cancelled read, still waiting at the node, takes it (the chat's consumer delivered it), gets no
    // receipt and hands it back; the next read, started only then, gets it.
    let js = async_nats::jetstream::new(client.nats().clone());
    let consumer = format!("msg-{reader}-to");
    let taken = wait_until(
        || {
            let (js, consumer) = (js.clone(), consumer.clone());
            async move {
                let Ok(stream) = js.get_stream("SHIM_MESSAGES").await else {
                    return false;
                };
                stream
                    .get_consumer::<async_nats::jetstream::consumer::pull::Config>(&consumer)
                    .await
                    .is_ok_and(|found| {
                        found.cached_info().delivered.stream_sequence >= sent.message_id
                    })
            }
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(taken, "the cancelled read took the message");
    let read = mcp
        .call_tool(
            "shim_read_messages",
            json!({"chat_id": reader, "wait_seconds": 20}),
        )
        .await;
    let messages = &structured(&read)["messages"];
    assert_eq!(messages[0]["message_id"], sent.message_id, "{read}");
    assert_eq!(messages[0]["text"], "still here");
    assert!(mcp.close().await);
}

#[tokio::test]
async fn a_wait_above_60_seconds_is_refused_over_mcp_and_takes_nothing() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let logs = tempfile::tempdir().expect("temp dir");
    let mut mcp = node.mcp(EXE, &logs.path().join("mcp.log")).await;
    let worker = open(&mut mcp, "worker").await;
    let waiting = dispatch(&client, "waiting").await;
    let _: shim_protocol::messages::ChatMessage = client
        .request(
            NodeOp::MessageSend,
            &shim_protocol::messages::SendMessageRequest {
                from: "lead".to_owned(),
                to: worker.clone(),
                text: "unread".to_owned(),
                ..shim_protocol::messages::SendMessageRequest::default()
            },
        )
        .await
        .expect("sends");
    // Refused as the node refuses it, not shortened to 60 s: the task and the message stay where they are.
    for tool in ["shim_claim_task", "shim_read_messages"] {
        let refused = mcp
            .call_tool(tool, json!({"chat_id": worker, "wait_seconds": 61}))
            .await;
        assert_eq!(refused["isError"], json!(true), "{tool}: {refused}");
        assert!(
            refused
                .to_string()
                .contains("bad request: wait_seconds must be at most 60 (got 61)"),
            "{tool}: {refused}"
        );
    }
    // The node itself says the same to a client of its own.
    let refused = [
        client
            .request::<_, shim_protocol::messages::ClaimTaskReply>(
                NodeOp::TaskClaim,
                &shim_protocol::messages::ClaimTaskRequest {
                    chat_id: "other".to_owned(),
                    wait_seconds: Some(61),
                    capabilities: None,
                },
            )
            .await
            .map(|_| ()),
        client
            .request::<_, shim_protocol::messages::MessageList>(
                NodeOp::MessageRead,
                &shim_protocol::messages::ReadMessagesRequest {
                    chat_id: "other".to_owned(),
                    wait_seconds: Some(61),
                    max: None,
                },
            )
            .await
            .map(|_| ()),
    ];
    for refusal in refused {
        let text = refusal.expect_err("refused").to_string();
        assert!(
            text.contains("bad request: wait_seconds must be at most 60 (got 61)"),
            "{text}"
        );
    }
    let claimed = mcp
        .call_tool(
            "shim_claim_task",
            json!({"chat_id": worker, "wait_seconds": 60}),
        )
        .await;
    assert_eq!(structured(&claimed)["task"]["task_id"], waiting.as_str());
    let read = mcp
        .call_tool(
            "shim_read_messages",
            json!({"chat_id": worker, "wait_seconds": 60}),
        )
        .await;
    assert_eq!(structured(&read)["messages"][0]["text"], "unread");
    assert!(mcp.close().await);
    node.stop().await;
}
