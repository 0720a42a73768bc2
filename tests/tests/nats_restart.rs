//! The node survives a NATS restart: it reconnects, re-subscribes and serves again.

use std::time::Duration;

use shim_protocol::{
    NodeOp,
    messages::{
        HelloReply, HelloRequest, SessionStartReply, SessionStartRequest, StatusReply,
        StatusRequest,
    },
};
use shim_tests::{DEADLINE, NatsServer, POLL, TestNode, node::metric_value, wait_until};

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

/// A node whose NATS went away still stops on SIGTERM, promptly: nothing in its orderly stop waits for a
/// server that is not there (its held tasks then come back through their ack wait).
#[tokio::test]
async fn a_node_whose_nats_is_gone_stops_promptly_on_sigterm() {
    let mut nats = NatsServer::start();
    let data_dir = tempfile::tempdir().expect("temp dir");
    let mut node = shim_tests::NodeProcess::start(
        env!("CARGO_BIN_EXE_shim-node-e2e"),
        &nats.url(),
        "gone-nats",
        data_dir.path(),
    );
    let client = shim_tests::wait_for_node(&nats.url(), "gone-nats", DEADLINE).await;
    // A chat, so the stop has chats to mark away and the sweeper has entries to look at.
    let _: SessionStartReply = client
        .request(
            NodeOp::SessionStart,
            &SessionStartRequest {
                name: Some("worker".to_owned()),
                ..SessionStartRequest::default()
            },
        )
        .await
        .expect("session starts");
    drop(client);
    nats.kill();

    let pid = nix::unistd::Pid::from_raw(i32::try_from(node.pid()).expect("pid"));
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM).expect("signals");
    let stopped = wait_until(
        || std::future::ready(node.has_exited()),
        DEADLINE,
        shim_tests::POLL,
    )
    .await;
    let log = std::fs::read_to_string(data_dir.path().join("node-process.log")).unwrap_or_default();
    assert!(
        stopped,
        "the node did not stop within {DEADLINE:?} of SIGTERM:\n{log}"
    );
    assert!(log.contains("shim-node stopped"), "{log}");
}

/// A server that goes silent without closing the connection (its machine powered off, a network cut; here it
/// is stopped with SIGSTOP) is taken for dead after a few unanswered pings, about 15 s, so that a node moves to
/// another server of its list: with the client library's default ping every 60 s it stayed attached for about
/// three minutes, every request failing.
#[tokio::test]
async fn a_server_gone_silent_is_taken_for_dead_within_a_few_pings() {
    let nats = NatsServer::start();
    let client = shim_node::nats::connect(&nats.url(), "test", false, None)
        .await
        .expect("connects");
    client.flush().await.expect("the server answers");
    let paused = nats.pause();
    let noticed = wait_until(
        || async { client.connection_state() != async_nats::connection::State::Connected },
        Duration::from_secs(30),
        POLL,
    )
    .await;
    drop(paused);
    assert!(
        noticed,
        "the client still took the silent server for connected after 30 s (pings every {:?})",
        shim_node::nats::PING_INTERVAL
    );
}
