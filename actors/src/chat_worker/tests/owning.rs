//! A chat's worker owns its chat: its signals keep it alive, it asks for checkpoints itself and says so
//! when the CheckpointManager cannot take them, and a chat no session opened gets a worker of its own.

use super::*;

#[tokio::test]
async fn signals_keep_a_chat_alive() {
    let publisher = RecordingPublisher::default();
    let mut args = crate::supervisor::tests::args(&publisher);
    args.chat_idle_timeout = Duration::from_secs(1);
    args.idle_check_interval = Duration::from_millis(20);
    let supervisor = node_with(args).await;
    let chat_id = open(&supervisor, None).await;
    // A signal every 50 ms for three times the idle timeout, and nothing else: the chat must survive all
    // of it. (The pacing leaves a loaded machine 950 ms of slack before a gap could look like idleness.)
    for _ in 0..60 {
        signal(&supervisor, &chat_id, vec![tool(true)]).await;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        publisher.of_kind("chats.ended").is_empty(),
        "{:?}",
        publisher.of_kind("chats.ended")
    );
    supervisor.stop(None);
}

#[tokio::test]
async fn a_checkpoint_the_manager_cannot_take_is_an_error_or_a_failed_event_never_silent() {
    let publisher = RecordingPublisher::default();
    let mut args = crate::supervisor::tests::args(&publisher);
    // Once down, the manager stays down for the length of the test.
    args.policy.initial_backoff = Duration::from_secs(600);
    args.policy.max_backoff = Duration::from_secs(600);
    let supervisor = node_with(args).await;
    let chat_id = open(&supervisor, None).await;
    let name = names::service(CheckpointManager::NAME, &supervisor.node_id);
    names::find::<CheckpointManagerMessage>(&name)
        .expect("the checkpoint manager runs")
        .stop(Some("test".to_owned()));
    let down = wait_until(
        || async { names::find::<CheckpointManagerMessage>(&name).is_none() },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(down, "the checkpoint manager stopped");

    let explicit = save(
        &chat_id,
        CheckpointInput {
            summary: "nobody will store this".to_owned(),
            ..CheckpointInput::default()
        },
    )
    .await;
    assert!(
        matches!(explicit, Err(CheckpointError::Unavailable)),
        "{explicit:?}"
    );
    // The fifth tool call asks for an automatic checkpoint: its failure is published.
    for _ in 0..5 {
        signal(&supervisor, &chat_id, vec![tool(true)]).await;
    }
    let reported = wait_until(
        || async {
            publisher
                .of_kind("checkpoint.failed")
                .iter()
                .any(|event| event.data["trigger"] == "tool_calls")
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(reported, "{:?}", publisher.of_kind("checkpoint.failed"));
    assert!(publisher.of_kind("checkpoint.saved").is_empty());
    supervisor.stop(None);
}

#[tokio::test]
async fn the_risk_a_checkpoint_reports_is_the_chats_own() {
    let publisher = RecordingPublisher::default();
    let supervisor = node(&publisher).await;
    let chat_id = open(&supervisor, None).await;
    let usage = SignalEvent::Usage {
        tokens_used: None,
        context_window: Some(200_000),
        used_percentage: Some(85.0),
        cost_usd: None,
        model: None,
    };
    assert_eq!(
        signal(&supervisor, &chat_id, vec![usage]).await.level,
        RiskLevel::Danger
    );
    let saved = save(&chat_id, CheckpointInput::default())
        .await
        .expect("saves");
    assert_eq!(saved.risk.level, RiskLevel::Danger);
    assert_eq!(saved.risk.chat_id, chat_id);
    supervisor.stop(None);
}

#[tokio::test]
async fn a_chat_no_session_opened_gets_a_worker_that_keeps_its_signals() {
    let publisher = RecordingPublisher::default();
    let supervisor = node(&publisher).await;
    let adopt = |adopt: bool| {
        let supervisor = supervisor.supervisor.clone();
        async move {
            supervisor
                .call(
                    |reply| SupervisorMessage::ChatWorker {
                        chat_id: "hooks-only".to_owned(),
                        adopt,
                        reply,
                    },
                    Some(TIMEOUT),
                )
                .await
                .expect("the supervisor answers")
        }
    };
    // Asked about without adopting (risk, say), an unknown chat is not found and gets no worker.
    assert!(matches!(
        adopt(false).await,
        CallResult::Success(Err(shim_protocol::WireError::NotFound { .. }))
    ));
    assert!(names::find::<ChatWorkerMessage>(&names::chat_worker("hooks-only")).is_none());
    // Its signals do get one.
    assert!(matches!(adopt(true).await, CallResult::Success(Ok(_))));
    signal(&supervisor, "hooks-only", vec![SignalEvent::UserPrompt]).await;
    let report = signal(&supervisor, "hooks-only", vec![SignalEvent::UserPrompt]).await;
    assert_eq!(report.signals.message_count, 2);
    // It is not a session: no chat started, status does not know it by id, and a session may start it.
    assert!(publisher.of_kind("chats.started").is_empty());
    let started = call_t!(
        supervisor.supervisor,
        SupervisorMessage::StartSession,
        2_000,
        SessionStartRequest {
            chat_id: Some("hooks-only".to_owned()),
            ..SessionStartRequest::default()
        }
    )
    .expect("answers")
    .expect("starts");
    assert!(started.created);
    assert_eq!(publisher.of_kind("chats.started").len(), 1);
    // The same worker, with the signals it had.
    let report = signal(&supervisor, "hooks-only", vec![SignalEvent::UserPrompt]).await;
    assert_eq!(report.signals.message_count, 3);
    supervisor.stop(None);
}
