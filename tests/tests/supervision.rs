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

/// The CheckpointManager given up on: a checkpoint is refused with an error that names it, while the chat's
/// own worker (signals, risk) keeps answering: services are found by name, not through a relay.
#[tokio::test]
async fn a_checkpoint_manager_given_up_on_is_an_explicit_error_and_chats_go_on() {
    use shim_actors::{CheckpointManager, CheckpointManagerMessage, names};
    use shim_node::nats::ClientError;
    use shim_protocol::{
        WireError,
        messages::{
            CheckpointInput, CheckpointSaved, RiskReport, RiskRequest, SaveCheckpointRequest,
            SignalBatch, SignalEvent, SignalSource,
        },
    };

    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let started: SessionStartReply = client
        .request(NodeOp::SessionStart, &SessionStartRequest::default())
        .await
        .expect("session starts");
    let chat_id = started.chat_id;
    // Acting for the chat, with the secret its start gave.
    let session = client.with_chat_secret(started.chat_secret.as_deref());
    let manager_name = names::service(CheckpointManager::NAME, node.node_id());
    // Stop the manager each time it comes back until the supervisor gives up on it (more than 5 failures
    // within 60 s, back-off 0.1 s doubling).
    let given_up = wait_until(
        || async {
            if let Some(manager) = names::find::<CheckpointManagerMessage>(&manager_name) {
                manager.stop(Some("test".to_owned()));
            }
            let status: StatusReply = client
                .request(NodeOp::Status, &StatusRequest::default())
                .await
                .expect("status");
            status.actors.iter().any(|actor| {
                actor.name == CheckpointManager::NAME && actor.status == ActorStatus::Failed
            })
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(given_up, "the checkpoint manager was given up on");

    let saved: Result<CheckpointSaved, _> = session
        .request(
            NodeOp::CheckpointSave,
            &SaveCheckpointRequest {
                chat_id: chat_id.clone(),
                input: CheckpointInput::default(),
            },
        )
        .await;
    match saved {
        Err(ClientError::Remote(WireError::Unavailable { message })) => {
            assert!(message.contains("checkpoint manager"), "{message}")
        }
        other => panic!("expected unavailable, got {other:?}"),
    }
    // The chat itself goes on.
    let report: RiskReport = session
        .request(
            NodeOp::Signals,
            &SignalBatch {
                chat_id: chat_id.clone(),
                source: SignalSource::Hook,
                at_ms: shim_actors::now_ms(),
                events: vec![SignalEvent::UserPrompt],
                transcript_path: None,
                prompt: None,
                trigger: None,
            },
        )
        .await
        .expect("signals answer");
    assert_eq!(report.signals.message_count, 1);
    let risk: RiskReport = session
        .request(NodeOp::Risk, &RiskRequest { chat_id })
        .await
        .expect("risk answers");
    assert_eq!(risk.signals.message_count, 1);
    node.stop().await;
}
