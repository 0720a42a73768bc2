//! The node survives a NATS restart: it reconnects, re-subscribes and serves again.

use std::time::Duration;

use shim_protocol::{
    NodeOp,
    messages::{
        HelloReply, HelloRequest, SessionStartReply, SessionStartRequest, StatusReply,
        StatusRequest,
    },
};
use shim_tests::{DEADLINE, NatsServer, TestNode, node::metric_value, wait_until};

#[tokio::test]
async fn the_node_serves_again_after_nats_is_killed_and_restarted() {
    let mut nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let started: SessionStartReply = client
        .request(NodeOp::SessionStart, &SessionStartRequest::default())
        .await
        .expect("session starts");

    nats.restart();

    let back = wait_until(
        || async {
            client
                .request::<_, HelloReply>(
                    NodeOp::Hello,
                    &HelloRequest {
                        client: "t".to_owned(),
                    },
                )
                .await
                .is_ok()
        },
        DEADLINE,
        Duration::from_millis(100),
    )
    .await;
    assert!(back, "the node did not serve again after the NATS restart");

    // The actors kept their state across the outage.
    let status: StatusReply = client
        .request(
            NodeOp::Status,
            &StatusRequest {
                chat_id: Some(started.chat_id.clone()),
            },
        )
        .await
        .expect("status after restart");
    assert_eq!(status.chat.expect("chat survived").chat_id, started.chat_id);
    let body = node.metrics().await;
    assert!(
        metric_value(
            &body,
            "shim_nats_connection_events_total",
            &["event=\"disconnected\""]
        )
        .is_some_and(|count| count >= 1.0),
        "{body}"
    );
    node.stop().await;
}
