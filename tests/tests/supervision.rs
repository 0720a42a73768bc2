//! A failing chat worker inside a running node: restarted alone, counted in /metrics, announced on NATS.

use ractor::call_t;
use shim_actors::{ChatWorkerMessage, SupervisorMessage};
use shim_protocol::{
    NodeOp,
    messages::{ActorStatus, SessionStartReply, SessionStartRequest, StatusReply, StatusRequest},
};
use shim_tests::{DEADLINE, EventFeed, NatsServer, POLL, TestNode, node::metric_value, wait_until};

#[tokio::test]
async fn a_failed_chat_worker_is_restarted_counted_and_announced() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let mut events = EventFeed::subscribe(client.nats(), "shim.events.supervisor.>").await;

    let mut chats = Vec::new();
    for name in ["steady", "crashy"] {
        let reply: SessionStartReply = client
            .request(
                NodeOp::SessionStart,
                &SessionStartRequest {
                    name: Some(name.to_owned()),
                    ..SessionStartRequest::default()
                },
            )
            .await
            .expect("session starts");
        chats.push(reply.chat_id);
    }
    let (steady, crashy) = (&chats[0], &chats[1]);

    let status = call_t!(
        node.supervisor(),
        SupervisorMessage::GetStatus,
        2_000,
        Some(crashy.clone())
    )
    .expect("supervisor answers")
    .expect("chat known");
    status
        .chat_worker_opt
        .expect("worker running")
        .send_message(ChatWorkerMessage::Fail("injected failure".to_owned()))
        .expect("sent");

    let mut kinds = Vec::new();
    while kinds.len() < 2 {
        let (_, event) = events.next().await;
        assert_eq!(event["chat_id"], crashy.as_str());
        kinds.push(event["type"].as_str().unwrap_or_default().to_owned());
    }
    assert_eq!(
        kinds,
        ["supervisor.actor_failed", "supervisor.actor_restarted"]
    );

    let restarted = wait_until(
        || async {
            let status: StatusReply = client
                .request(NodeOp::Status, &StatusRequest::default())
                .await
                .expect("status");
            status.actors.iter().any(|actor| {
                actor.name.ends_with(crashy.as_str())
                    && actor.restarts == 1
                    && actor.status == ActorStatus::Running
            }) && status
                .actors
                .iter()
                .any(|actor| actor.name.ends_with(steady.as_str()) && actor.restarts == 0)
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(restarted);
    let body = node.metrics().await;
    assert_eq!(
        metric_value(
            &body,
            "shim_supervisor_restarts_total",
            &["kind=\"chat_worker\""]
        ),
        Some(1.0),
        "{body}"
    );
    assert_eq!(
        metric_value(&body, "shim_supervisor_failures_total", &[]),
        Some(1.0)
    );
    assert_eq!(metric_value(&body, "shim_chats_active", &[]), Some(2.0));

    // Both chats answer.
    for chat_id in [steady, crashy] {
        let status: StatusReply = client
            .request(
                NodeOp::Status,
                &StatusRequest {
                    chat_id: Some(chat_id.clone()),
                },
            )
            .await
            .expect("chat answers");
        assert_eq!(status.chat.expect("chat").chat_id, *chat_id);
    }
    node.stop().await;
}
