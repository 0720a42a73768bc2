//! The node driven over raw NATS: hello, sessions, status, events, metrics, the data dir lock.

use futures::StreamExt;
use shim_node::nats::ClientError;
use shim_protocol::{
    NodeOp, PROTOCOL_VERSION, WireError, codec,
    messages::{
        ActorStatus, HelloReply, HelloRequest, SessionEndReply, SessionEndRequest,
        SessionStartReply, SessionStartRequest, StatusReply, StatusRequest,
    },
};
use shim_tests::{DEADLINE, NatsServer, POLL, TestNode, node::metric_value, wait_until};

#[tokio::test]
async fn sessions_start_report_and_end_over_nats() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;

    let hello: HelloReply = client
        .request(
            NodeOp::Hello,
            &HelloRequest {
                client: "test".to_owned(),
            },
        )
        .await
        .expect("hello");
    assert_eq!(hello.node_id, node.node_id());
    assert_eq!(hello.protocol, PROTOCOL_VERSION);

    let app = tempfile::tempdir().expect("temp dir");
    let started: SessionStartReply = client
        .request(
            NodeOp::SessionStart,
            &SessionStartRequest {
                project_dir: Some(app.path().display().to_string()),
                name: Some("fix login".to_owned()),
                ..SessionStartRequest::default()
            },
        )
        .await
        .expect("session starts");
    assert!(started.created);
    assert_eq!(started.node_id, node.node_id());

    let status: StatusReply = client
        .request(
            NodeOp::Status,
            &StatusRequest {
                chat_id: Some(started.chat_id.clone()),
            },
        )
        .await
        .expect("status");
    assert_eq!(status.nats_url, nats.url());
    assert_eq!(status.actors[0].name, "supervisor");
    let worker = format!("chat_worker.{}", started.chat_id);
    assert!(
        status
            .actors
            .iter()
            .any(|actor| actor.name == worker && actor.status == ActorStatus::Running)
    );
    let chat = status.chat.expect("chat info");
    assert_eq!(
        chat.project_dir.as_deref(),
        Some(app.path().display().to_string().as_str())
    );
    assert_eq!(chat.requests, 1);

    let ended: SessionEndReply = client
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
        .expect("session ends");
    assert_eq!(ended.chat_id, started.chat_id);
    let after: Result<StatusReply, _> = client
        .request(
            NodeOp::Status,
            &StatusRequest {
                chat_id: Some(started.chat_id.clone()),
            },
        )
        .await;
    assert!(matches!(
        after,
        Err(ClientError::Remote(WireError::NotFound { .. }))
    ));
    node.stop().await;
}

#[tokio::test]
async fn events_are_readable_json_on_shim_events() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let mut events = client
        .nats()
        .subscribe("shim.events.>")
        .await
        .expect("subscribes");
    client.nats().flush().await.expect("flush");

    let started: SessionStartReply = client
        .request(NodeOp::SessionStart, &SessionStartRequest::default())
        .await
        .expect("session starts");
    let message = tokio::time::timeout(DEADLINE, events.next())
        .await
        .expect("an event arrives")
        .expect("subscription open");
    assert_eq!(message.subject.as_str(), "shim.events.chats.started");
    let json: serde_json::Value = serde_json::from_slice(&message.payload).expect("event is JSON");
    assert_eq!(json["type"], "chats.started");
    assert_eq!(json["node_id"], node.node_id());
    assert_eq!(json["chat_id"], started.chat_id.as_str());
    assert!(json["ts"].as_str().is_some_and(|ts| ts.ends_with('Z')));
    assert!(codec::decode_event(&message.payload).is_ok());
    node.stop().await;
}

#[tokio::test]
async fn metrics_count_requests_by_operation_and_outcome() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    for _ in 0..3 {
        let _: StatusReply = client
            .request(NodeOp::Status, &StatusRequest::default())
            .await
            .expect("status");
    }
    let _ = client
        .request::<_, StatusReply>(
            NodeOp::Status,
            &StatusRequest {
                chat_id: Some("nobody".to_owned()),
            },
        )
        .await;
    let counted = wait_until(
        || async {
            let body = node.metrics().await;
            metric_value(
                &body,
                "shim_node_requests_total",
                &["op=\"status\"", "outcome=\"ok\""],
            ) == Some(3.0)
                && metric_value(
                    &body,
                    "shim_node_requests_total",
                    &["outcome=\"not_found\""],
                ) == Some(1.0)
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(counted, "metrics:\n{}", node.metrics().await);
    let body = node.metrics().await;
    assert!(body.contains("shim_node_request_duration_seconds_bucket"));
    assert!(!body.contains("otel_scope_name"), "scope labels are off");
    node.stop().await;
}

#[tokio::test]
async fn a_second_node_on_the_same_data_dir_is_refused() {
    let nats = NatsServer::start();
    let (config, data_dir) = TestNode::config(&nats.url());
    let first = TestNode::start_with(config.clone(), data_dir).await;
    let mut second_config = config.clone();
    second_config.node_id = format!("{}-second", config.node_id);
    let error = shim_node::start(second_config)
        .await
        .expect_err("a second node on one data dir must fail");
    let message = format!("{error:#}");
    assert!(message.contains("already running"), "{message}");
    assert!(
        message.contains(&config.data_dir.display().to_string()),
        "{message}"
    );
    first.stop().await;
}

#[tokio::test]
async fn two_nodes_on_one_nats_answer_for_themselves() {
    let nats = NatsServer::start();
    let first = TestNode::start(&nats.url()).await;
    let second = TestNode::start(&nats.url()).await;
    for node in [&first, &second] {
        let hello: HelloReply = node
            .client()
            .await
            .request(
                NodeOp::Hello,
                &HelloRequest {
                    client: "test".to_owned(),
                },
            )
            .await
            .expect("hello");
        assert_eq!(hello.node_id, node.node_id());
    }
    first.stop().await;
    second.stop().await;
}
