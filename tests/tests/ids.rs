//! One rule per kind of id, on every operation: a chat id, task id or checkpoint id that cannot be valid is
//! answered `bad_request` by every operation, over NATS and over MCP; lock resources are whatever a person
//! types, up to 512 bytes.

use serde::Serialize;
use serde_json::{Value, json};
use shim_node::nats::{ClientError, NodeClient};
use shim_protocol::{
    NodeOp, WireError,
    messages::{
        CheckpointInput, ClaimTaskRequest, CollectResultsRequest, CompleteTaskRequest,
        DispatchTaskRequest, FailTaskRequest, GetCheckpointRequest, HeartbeatRequest,
        ListCheckpointsRequest, LockReply, LockRequest, ReadMessagesRequest, ReleaseLockReply,
        ReleaseLockRequest, ResumeCheckRequest, ResumeRequest, RiskRequest, SaveCheckpointRequest,
        SendMessageRequest, SessionEndRequest, SessionStartRequest, SignalBatch, SignalSource,
        StatusRequest, TaskIdRequest, TaskProgressRequest, TaskStatusRequest,
    },
};
use shim_tests::{McpClient, NatsServer, TestNode};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

/// Ids no operation may accept: unicode, subject syntax, white space, key-value separators, too long.
fn bad_ids() -> Vec<String> {
    vec![
        "ünïcode".to_owned(),
        "路径".to_owned(),
        "a..b".to_owned(),
        "a.b".to_owned(),
        "a*".to_owned(),
        ">".to_owned(),
        "has space".to_owned(),
        "a/b".to_owned(),
        "a:b".to_owned(),
        String::new(),
        "x".repeat(129),
    ]
}

async fn expect_bad_request<Req: Serialize>(
    node: &NodeClient,
    op: NodeOp,
    request: &Req,
    id: &str,
) {
    match node.request::<_, serde::de::IgnoredAny>(op, request).await {
        Err(ClientError::Remote(WireError::BadRequest { .. })) => {}
        other => panic!("{op} with id {id:?}: expected bad_request, got {other:?}"),
    }
}

/// Sends every operation that takes an id with `id` in it.
async fn every_operation(node: &NodeClient, id: &str) {
    let chat = || id.to_owned();
    expect_bad_request(
        node,
        NodeOp::SessionStart,
        &SessionStartRequest {
            chat_id: Some(chat()),
            ..Default::default()
        },
        id,
    )
    .await;
    expect_bad_request(
        node,
        NodeOp::SessionEnd,
        &SessionEndRequest {
            chat_id: chat(),
            reason: None,
            claude_pid: None,
        },
        id,
    )
    .await;
    expect_bad_request(
        node,
        NodeOp::Status,
        &StatusRequest {
            chat_id: Some(chat()),
        },
        id,
    )
    .await;
    expect_bad_request(
        node,
        NodeOp::Signals,
        &SignalBatch {
            chat_id: chat(),
            source: SignalSource::Mcp,
            at_ms: 1,
            events: Vec::new(),
            transcript_path: None,
            prompt: None,
            trigger: None,
        },
        id,
    )
    .await;
    expect_bad_request(node, NodeOp::Risk, &RiskRequest { chat_id: chat() }, id).await;
    expect_bad_request(
        node,
        NodeOp::CheckpointSave,
        &SaveCheckpointRequest {
            chat_id: chat(),
            input: CheckpointInput::default(),
        },
        id,
    )
    .await;
    expect_bad_request(
        node,
        NodeOp::CheckpointList,
        &ListCheckpointsRequest {
            chat_id: Some(chat()),
            limit: None,
        },
        id,
    )
    .await;
    expect_bad_request(
        node,
        NodeOp::CheckpointGet,
        &GetCheckpointRequest {
            checkpoint_id: format!("{id}:1"),
        },
        id,
    )
    .await;
    expect_bad_request(
        node,
        NodeOp::ResumeCheck,
        &ResumeCheckRequest {
            project_dir: "/tmp".to_owned(),
            chat_id: Some(chat()),
        },
        id,
    )
    .await;
    expect_bad_request(
        node,
        NodeOp::ResumeTake,
        &ResumeRequest {
            chat_id: Some(chat()),
            ..Default::default()
        },
        id,
    )
    .await;
    for op in [NodeOp::LockAcquire, NodeOp::LockExtend] {
        let request = LockRequest {
            chat_id: chat(),
            resource: "file:src/lib.rs".to_owned(),
            ttl_seconds: None,
        };
        expect_bad_request(node, op, &request, id).await;
    }
    let release = ReleaseLockRequest {
        chat_id: chat(),
        resource: "file:src/lib.rs".to_owned(),
    };
    expect_bad_request(node, NodeOp::LockRelease, &release, id).await;
    let heartbeat = HeartbeatRequest {
        chat_id: chat(),
        ..Default::default()
    };
    expect_bad_request(node, NodeOp::ChatHeartbeat, &heartbeat, id).await;
    for (from, to) in [
        (chat(), "chat-ok".to_owned()),
        ("chat-ok".to_owned(), chat()),
    ] {
        let send = SendMessageRequest {
            from,
            to,
            text: "hello".to_owned(),
            ..SendMessageRequest::default()
        };
        expect_bad_request(node, NodeOp::MessageSend, &send, id).await;
    }
    let read = ReadMessagesRequest {
        chat_id: chat(),
        wait_seconds: None,
        max: None,
    };
    expect_bad_request(node, NodeOp::MessageRead, &read, id).await;
    let dispatch = DispatchTaskRequest {
        chat_id: chat(),
        title: "t".to_owned(),
        instructions: "i".to_owned(),
        ..Default::default()
    };
    expect_bad_request(node, NodeOp::TaskDispatch, &dispatch, id).await;
    let depends = DispatchTaskRequest {
        chat_id: "chat-ok".to_owned(),
        title: "t".to_owned(),
        instructions: "i".to_owned(),
        depends_on: vec![chat()],
        ..Default::default()
    };
    expect_bad_request(node, NodeOp::TaskDispatch, &depends, id).await;
    let claim = ClaimTaskRequest {
        chat_id: chat(),
        ..Default::default()
    };
    expect_bad_request(node, NodeOp::TaskClaim, &claim, id).await;
    // Each task operation with a bad chat id, then with a bad task id.
    for (chat_id, task_id) in [
        (chat(), "task-ok".to_owned()),
        ("chat-ok".to_owned(), chat()),
    ] {
        let progress = TaskProgressRequest {
            chat_id: chat_id.clone(),
            task_id: task_id.clone(),
            progress: 10.0,
            note: None,
        };
        expect_bad_request(node, NodeOp::TaskProgress, &progress, id).await;
        let complete = CompleteTaskRequest {
            chat_id: chat_id.clone(),
            task_id: task_id.clone(),
            result: "done".to_owned(),
            ..Default::default()
        };
        expect_bad_request(node, NodeOp::TaskComplete, &complete, id).await;
        let fail = FailTaskRequest {
            chat_id: chat_id.clone(),
            task_id: task_id.clone(),
            error: "no".to_owned(),
            retryable: None,
        };
        expect_bad_request(node, NodeOp::TaskFail, &fail, id).await;
        for op in [NodeOp::TaskCancel, NodeOp::TaskRetry] {
            let request = TaskIdRequest {
                chat_id: chat_id.clone(),
                task_id: task_id.clone(),
            };
            expect_bad_request(node, op, &request, id).await;
        }
    }
    let status = TaskStatusRequest {
        chat_id: Some(chat()),
        ..Default::default()
    };
    expect_bad_request(node, NodeOp::TaskStatus, &status, id).await;
    let status_of = TaskStatusRequest {
        task_ids: vec![chat()],
        ..Default::default()
    };
    expect_bad_request(node, NodeOp::TaskStatus, &status_of, id).await;
    let collect = CollectResultsRequest {
        chat_id: chat(),
        task_ids: None,
    };
    expect_bad_request(node, NodeOp::TaskCollect, &collect, id).await;
}

#[tokio::test]
async fn every_operation_answers_bad_ids_with_bad_request_over_nats() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    for id in bad_ids() {
        every_operation(&client, &id).await;
    }
    // The model router, answered by any node, goes by the same rule.
    for id in bad_ids() {
        let routed = client
            .request_service::<_, serde::de::IgnoredAny>(
                shim_protocol::subject::ROUTER_ROUTE,
                &shim_protocol::messages::RouteRequest {
                    prompt: "fix the failing test".to_owned(),
                    chat_id: Some(id.clone()),
                    ..Default::default()
                },
            )
            .await;
        assert!(
            matches!(
                routed,
                Err(ClientError::Remote(WireError::BadRequest { .. }))
            ),
            "router.route with id {id:?}: {routed:?}"
        );
    }
    // Nothing was opened under a bad id on the way.
    let status: shim_protocol::messages::StatusReply = client
        .request(NodeOp::Status, &StatusRequest { chat_id: None })
        .await
        .expect("status");
    assert!(
        status
            .actors
            .iter()
            .all(|actor| actor.kind != "chat_worker"),
        "{:?}",
        status.actors
    );
    // The same operations accept a valid id.
    let started: shim_protocol::messages::SessionStartReply = client
        .request(
            NodeOp::SessionStart,
            &SessionStartRequest {
                chat_id: Some("Chat_1-a".to_owned()),
                ..Default::default()
            },
        )
        .await
        .expect("a valid id starts a session");
    assert_eq!(started.chat_id, "Chat_1-a");
    node.stop().await;
}

/// A placeholder for a required argument of a tool, from its JSON schema.
fn placeholder(schema: &Value) -> Value {
    if let Some(first) = schema["enum"].as_array().and_then(|values| values.first()) {
        return first.clone();
    }
    let kind = match &schema["type"] {
        Value::Array(kinds) => kinds.first().cloned().unwrap_or(Value::Null),
        other => other.clone(),
    };
    match kind.as_str() {
        Some("integer" | "number") => json!(1),
        Some("boolean") => json!(false),
        Some("array") => json!([]),
        Some("object") => json!({}),
        _ => json!("x"),
    }
}

#[tokio::test]
async fn every_tool_answers_bad_chat_ids_with_bad_request_over_mcp() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let logs = tempfile::tempdir().expect("temp dir");
    let mut mcp: McpClient = node.mcp(EXE, &logs.path().join("stderr.log")).await;
    let tools = mcp
        .request("tools/list", json!({}))
        .await
        .expect("tools/list");
    let mut checked = Vec::new();
    for tool in tools["tools"].as_array().expect("tool list") {
        let name = tool["name"].as_str().expect("named");
        let schema = &tool["inputSchema"];
        if schema["properties"].get("chat_id").is_none() {
            continue;
        }
        let mut arguments = serde_json::Map::new();
        for required in schema["required"].as_array().into_iter().flatten() {
            let key = required.as_str().expect("property name");
            arguments.insert(key.to_owned(), placeholder(&schema["properties"][key]));
        }
        for id in ["ünïcode", "a..b", "has space", "a/b"] {
            arguments.insert("chat_id".to_owned(), json!(id));
            let result = mcp.call_tool(name, Value::Object(arguments.clone())).await;
            let text = result["content"][0]["text"].as_str().unwrap_or_default();
            assert!(
                result["isError"] == json!(true) && text.contains("bad request"),
                "{name} with chat id {id:?}: {result}"
            );
        }
        checked.push(name.to_owned());
    }
    for expected in [
        "shim_status",
        "shim_crash_risk",
        "shim_checkpoint",
        "shim_acquire_lock",
        "shim_read_messages",
        "shim_claim_task",
    ] {
        assert!(checked.iter().any(|name| name == expected), "{checked:?}");
    }
    // A bad recipient too.
    let sent = mcp
        .call_tool("shim_send_message", json!({"to": "ünïcode", "text": "hi"}))
        .await;
    assert_eq!(sent["isError"], json!(true), "{sent}");
    assert!(mcp.close().await);
    node.stop().await;
}

/// Resources as people type them, and the longest allowed.
fn resources() -> Vec<String> {
    vec![
        "file:src/lib.rs".to_owned(),
        "db migration #42".to_owned(),
        "ünïcode/路径".to_owned(),
        "a..b".to_owned(),
        "*".to_owned(),
        "路".repeat(170),
        "x".repeat(512),
    ]
}

#[tokio::test]
async fn locks_on_names_people_type_work_end_to_end_over_nats() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    for resource in resources() {
        let acquire = |chat_id: &str| LockRequest {
            chat_id: chat_id.to_owned(),
            resource: resource.clone(),
            ttl_seconds: Some(60),
        };
        let granted: LockReply = client
            .request(NodeOp::LockAcquire, &acquire("chat-a"))
            .await
            .unwrap_or_else(|error| panic!("acquire {resource:?}: {error}"));
        assert!(granted.acquired, "{resource:?}");
        let held: LockReply = client
            .request(NodeOp::LockAcquire, &acquire("chat-b"))
            .await
            .expect("answers");
        assert!(!held.acquired, "{resource:?}");
        assert_eq!(held.holder.as_deref(), Some("chat-a"));
        let released: ReleaseLockReply = client
            .request(
                NodeOp::LockRelease,
                &ReleaseLockRequest {
                    chat_id: "chat-a".to_owned(),
                    resource: resource.clone(),
                },
            )
            .await
            .expect("releases");
        assert!(released.released, "{resource:?}");
        let taken: LockReply = client
            .request(NodeOp::LockAcquire, &acquire("chat-b"))
            .await
            .expect("answers");
        assert!(taken.acquired, "free again: {resource:?}");
    }
    // Distinct resources are distinct locks, even when one looks like the other's encoding.
    let first: LockReply = client
        .request(
            NodeOp::LockAcquire,
            &LockRequest {
                chat_id: "chat-a".to_owned(),
                resource: "a b".to_owned(),
                ttl_seconds: Some(60),
            },
        )
        .await
        .expect("answers");
    let second: LockReply = client
        .request(
            NodeOp::LockAcquire,
            &LockRequest {
                chat_id: "chat-b".to_owned(),
                resource: "a=20b".to_owned(),
                ttl_seconds: Some(60),
            },
        )
        .await
        .expect("answers");
    assert!(first.acquired && second.acquired);
    for bad in [String::new(), "x".repeat(513), "line\nbreak".to_owned()] {
        expect_bad_request(
            &client,
            NodeOp::LockAcquire,
            &LockRequest {
                chat_id: "chat-a".to_owned(),
                resource: bad.clone(),
                ttl_seconds: None,
            },
            &bad,
        )
        .await;
    }
    node.stop().await;
}

#[tokio::test]
async fn locks_on_names_people_type_work_end_to_end_over_mcp() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let logs = tempfile::tempdir().expect("temp dir");
    let mut mcp = node.mcp(EXE, &logs.path().join("stderr.log")).await;
    for resource in ["file:src/lib.rs", "db migration #42", "ünïcode/路径"] {
        let granted = mcp
            .call_tool(
                "shim_acquire_lock",
                json!({"resource": resource, "chat_id": "chat-a"}),
            )
            .await;
        assert_eq!(granted["isError"], json!(false), "{granted}");
        assert_eq!(
            granted["structuredContent"]["acquired"],
            json!(true),
            "{granted}"
        );
        let held = mcp
            .call_tool(
                "shim_acquire_lock",
                json!({"resource": resource, "chat_id": "chat-b"}),
            )
            .await;
        assert_eq!(
            held["structuredContent"]["acquired"],
            json!(false),
            "{held}"
        );
        assert_eq!(
            held["structuredContent"]["holder"],
            json!("chat-a"),
            "{held}"
        );
        let released = mcp
            .call_tool(
                "shim_release_lock",
                json!({"resource": resource, "chat_id": "chat-a"}),
            )
            .await;
        assert_eq!(
            released["structuredContent"]["released"],
            json!(true),
            "{released}"
        );
    }
    assert!(mcp.close().await);
    node.stop().await;
}

/// A lock written under today's key by the previous release (resource as the key, JSON record) is still found
/// after the upgrade: a resource of the old alphabet keeps its key.
#[tokio::test]
async fn locks_held_under_the_old_keys_are_still_found() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let js = async_nats::jetstream::new(async_nats::connect(nats.url()).await.expect("connects"));
    let bucket = js
        .get_key_value("shim_locks")
        .await
        .expect("the node made the bucket");
    let expires_at_ms = shim_actors::now_ms() + 60_000;
    for resource in ["repo/main", "src/lib.rs", "deploy-prod_1"] {
        bucket
            .put(
                resource,
                serde_json::to_vec(&json!({"holder": "old-chat", "expires_at_ms": expires_at_ms}))
                    .expect("json")
                    .into(),
            )
            .await
            .expect("an old lock");
    }
    let client = node.client().await;
    for resource in ["repo/main", "src/lib.rs", "deploy-prod_1"] {
        let held: LockReply = client
            .request(
                NodeOp::LockAcquire,
                &LockRequest {
                    chat_id: "new-chat".to_owned(),
                    resource: resource.to_owned(),
                    ttl_seconds: Some(60),
                },
            )
            .await
            .expect("answers");
        assert!(!held.acquired, "{resource}");
        assert_eq!(held.holder.as_deref(), Some("old-chat"), "{resource}");
    }
    node.stop().await;
}
