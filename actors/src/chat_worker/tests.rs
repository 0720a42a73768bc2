//! Chat workers and the CheckpointManager inside a real supervisor tree, on a temporary sled store; every
//! actor reached by its registered name, as the node reaches them.

use std::time::Duration;

use ractor::{ActorRef, call_t, rpc::CallResult};
use shim_protocol::messages::{
    CheckpointInput, CheckpointList, CheckpointSaved, CheckpointTrigger, InterruptionReason,
    ListCheckpointsRequest, ResumeCheckRequest, ResumeRequest, RiskLevel, RiskReport,
    SessionEndRequest, SessionStartRequest, SignalBatch, SignalEvent, SignalSource,
};

use crate::{
    chat_worker::ChatWorkerMessage,
    checkpoint_manager::{
        CheckpointError, CheckpointManager, CheckpointManagerMessage, CheckpointResult, SealOrder,
    },
    names, now_ms,
    publisher::RecordingPublisher,
    signals::DANGER_ADVICE,
    supervisor::{Supervisor, SupervisorMessage},
    test_utils::wait_until,
};

const DEADLINE: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(10);
const TIMEOUT: Duration = Duration::from_secs(5);

/// A supervisor tree and the node id its services are registered under.
#[derive(Clone)]
pub(crate) struct Node {
    pub(crate) supervisor: ActorRef<SupervisorMessage>,
    pub(crate) node_id: String,
}

impl Node {
    pub(crate) fn stop(&self, reason: Option<String>) {
        self.supervisor.stop(reason);
    }
}

pub(crate) async fn node_with(args: crate::SupervisorArgs) -> Node {
    let node_id = args.emitter.node_id().to_owned();
    let (supervisor, _) = ractor::Actor::spawn(None, Supervisor, args)
        .await
        .expect("spawns");
    Node {
        supervisor,
        node_id,
    }
}

async fn node(publisher: &RecordingPublisher) -> Node {
    node_with(crate::supervisor::tests::args(publisher)).await
}

/// The worker of a chat, by its registered name.
pub(crate) fn worker(chat_id: &str) -> ActorRef<ChatWorkerMessage> {
    names::find(&names::chat_worker(chat_id)).expect("the chat's worker is registered")
}

async fn open(node: &Node, project_dir: Option<&str>) -> String {
    call_t!(
        node.supervisor,
        SupervisorMessage::StartSession,
        2_000,
        SessionStartRequest {
            project_dir: project_dir.map(str::to_owned),
            ..SessionStartRequest::default()
        }
    )
    .expect("answers")
    .expect("starts")
    .chat_id
}

async fn signal(_node: &Node, chat_id: &str, events: Vec<SignalEvent>) -> RiskReport {
    let batch = SignalBatch {
        chat_id: chat_id.to_owned(),
        source: SignalSource::Hook,
        at_ms: now_ms(),
        events,
        transcript_path: None,
        prompt: None,
        trigger: None,
    };
    match worker(chat_id)
        .call(
            |port| ChatWorkerMessage::Record(batch, Some(port)),
            Some(TIMEOUT),
        )
        .await
    {
        Ok(CallResult::Success(report)) => report,
        other => panic!("no risk report: {other:?}"),
    }
}

async fn checkpoints<T: Send + 'static>(
    node: &Node,
    build: impl FnOnce(ractor::RpcReplyPort<CheckpointResult<T>>) -> CheckpointManagerMessage,
) -> CheckpointResult<T> {
    let manager = names::find::<CheckpointManagerMessage>(&names::service(
        CheckpointManager::NAME,
        &node.node_id,
    ))
    .expect("the checkpoint manager is registered");
    match manager.call(build, Some(TIMEOUT)).await {
        Ok(CallResult::Success(result)) => result,
        _ => panic!("the checkpoint manager did not answer"),
    }
}

/// Saves an explicit checkpoint through the chat's worker, as `checkpoint.save` does.
async fn save(chat_id: &str, input: CheckpointInput) -> CheckpointResult<CheckpointSaved> {
    match worker(chat_id)
        .call(
            |port| ChatWorkerMessage::Checkpoint(Box::new(input), port),
            Some(TIMEOUT),
        )
        .await
    {
        Ok(CallResult::Success(result)) => result,
        _ => panic!("the chat's worker did not answer"),
    }
}

fn tool(ok: bool) -> SignalEvent {
    SignalEvent::ToolCall {
        tool: "Bash".to_owned(),
        ok,
        duration_ms: Some(20),
        arguments: Some("cargo test".to_owned()),
        result: Some(if ok { "ok" } else { "1 failed" }.to_owned()),
    }
}

fn triggers(publisher: &RecordingPublisher, chat_id: &str) -> Vec<String> {
    publisher
        .of_kind("checkpoint.triggered")
        .into_iter()
        .filter(|event| event.chat_id.as_deref() == Some(chat_id))
        .map(|event| {
            event.data["trigger"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}

async fn list(supervisor: &Node, chat_id: &str) -> CheckpointList {
    checkpoints(supervisor, |port| {
        CheckpointManagerMessage::List(
            ListCheckpointsRequest {
                chat_id: Some(chat_id.to_owned()),
                limit: Some(100),
            },
            port,
        )
    })
    .await
    .expect("lists")
}

#[tokio::test]
async fn the_tool_call_trigger_fires_on_the_fifth_call_not_the_fourth() {
    let publisher = RecordingPublisher::default();
    let supervisor = node(&publisher).await;
    let chat_id = open(&supervisor, None).await;
    for _ in 0..4 {
        signal(&supervisor, &chat_id, vec![tool(true)]).await;
    }
    assert!(
        triggers(&publisher, &chat_id).is_empty(),
        "no trigger after 4 calls"
    );
    signal(&supervisor, &chat_id, vec![tool(true)]).await;
    assert_eq!(triggers(&publisher, &chat_id), ["tool_calls"]);

    let saved = wait_until(
        || async { list(&supervisor, &chat_id).await.checkpoints.len() == 1 },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(saved, "the automatic checkpoint was written");
    let summary = &list(&supervisor, &chat_id).await.checkpoints[0];
    assert_eq!(summary.trigger, CheckpointTrigger::ToolCalls);
    let checkpoint = checkpoints(&supervisor, |port| {
        CheckpointManagerMessage::Get(summary.checkpoint_id.clone(), port)
    })
    .await
    .expect("gets");
    assert_eq!(
        checkpoint.tools.len(),
        5,
        "the tool calls are in the checkpoint"
    );
    assert_eq!(checkpoint.signals.tool_calls, 5);

    // The counter starts over: calls 6 to 9 do not trigger, call 10 does.
    for _ in 0..4 {
        signal(&supervisor, &chat_id, vec![tool(true)]).await;
    }
    assert_eq!(triggers(&publisher, &chat_id).len(), 1);
    signal(&supervisor, &chat_id, vec![tool(true)]).await;
    assert_eq!(triggers(&publisher, &chat_id).len(), 2);
    supervisor.stop(None);
}

#[tokio::test]
async fn rising_risk_is_published_triggers_a_checkpoint_and_advises_once() {
    let publisher = RecordingPublisher::default();
    let supervisor = node(&publisher).await;
    let chat_id = open(&supervisor, None).await;
    let calm = signal(&supervisor, &chat_id, vec![SignalEvent::UserPrompt]).await;
    assert_eq!(calm.level, RiskLevel::Safe);

    let usage = |percentage: f64| SignalEvent::Usage {
        tokens_used: None,
        context_window: Some(200_000),
        used_percentage: Some(percentage),
        cost_usd: Some(0.5),
        model: Some("claude-sonnet".to_owned()),
    };
    let danger = signal(&supervisor, &chat_id, vec![usage(80.0)]).await;
    assert_eq!(danger.level, RiskLevel::Danger);
    assert_eq!(danger.advice.as_deref(), Some(DANGER_ADVICE));
    let again = signal(&supervisor, &chat_id, vec![usage(81.0)]).await;
    assert_eq!(again.level, RiskLevel::Danger);
    assert_eq!(again.advice, None, "advice once per level change");

    let changes = publisher.of_kind("risk.level_changed");
    assert_eq!(changes.len(), 1);
    assert_eq!(
        (
            changes[0].data["from"].as_str(),
            changes[0].data["to"].as_str()
        ),
        (Some("safe"), Some("danger"))
    );
    assert_eq!(triggers(&publisher, &chat_id), ["risk_danger"]);

    // Down and up again: the advice comes back.
    signal(&supervisor, &chat_id, vec![usage(10.0)]).await;
    let back = signal(&supervisor, &chat_id, vec![usage(90.0)]).await;
    assert_eq!(back.advice.as_deref(), Some(DANGER_ADVICE));
    supervisor.stop(None);
}

#[tokio::test]
async fn explicit_checkpoints_are_numbered_bounded_and_listed_newest_first() {
    let publisher = RecordingPublisher::default();
    let supervisor = node(&publisher).await;
    let chat_id = open(&supervisor, None).await;
    let save = |summary: String| {
        let chat_id = chat_id.clone();
        async move {
            save(
                &chat_id,
                CheckpointInput {
                    summary,
                    next_steps: (0..30).map(|index| format!("step {index}")).collect(),
                    ..CheckpointInput::default()
                },
            )
            .await
        }
    };
    let first: CheckpointSaved = save("x".repeat(3_000)).await.expect("saves");
    let second = save("second".to_owned()).await.expect("saves");
    assert_eq!((first.seq, second.seq), (1, 2));
    assert!(first.bytes > 0);
    let stored = checkpoints(&supervisor, |port| {
        CheckpointManagerMessage::Get(first.checkpoint_id.clone(), port)
    })
    .await
    .expect("gets");
    assert_eq!(stored.conversation.summary.chars().count(), 1_000);
    assert_eq!(stored.task.next_steps.len(), 20);
    let listed: Vec<u64> = list(&supervisor, &chat_id)
        .await
        .checkpoints
        .iter()
        .map(|summary| summary.seq)
        .collect();
    assert_eq!(listed, [2, 1]);
    let missing = checkpoints(&supervisor, |port| {
        CheckpointManagerMessage::Get(format!("{chat_id}:99"), port)
    })
    .await;
    assert!(matches!(missing, Err(CheckpointError::NotFound { .. })));
    let bad = checkpoints(&supervisor, |port| {
        CheckpointManagerMessage::Get("garbage".to_owned(), port)
    })
    .await;
    assert!(matches!(bad, Err(CheckpointError::NotACheckpointId { .. })));
    supervisor.stop(None);
}

#[tokio::test]
async fn an_interrupted_session_is_offered_once_and_a_cleanly_ended_one_never() {
    let publisher = RecordingPublisher::default();
    let supervisor = node(&publisher).await;
    let project = tempfile::tempdir().expect("temp dir");
    let project_dir = project.path().display().to_string();

    // A session that ends cleanly is never offered.
    let tidy = open(&supervisor, Some(&project_dir)).await;
    signal(
        &supervisor,
        &tidy,
        vec![SignalEvent::UserPrompt, tool(true)],
    )
    .await;
    save(
        &tidy,
        CheckpointInput {
            summary: "tidy".to_owned(),
            ..CheckpointInput::default()
        },
    )
    .await
    .expect("saves");
    call_t!(
        supervisor.supervisor,
        SupervisorMessage::EndSession,
        2_000,
        SessionEndRequest {
            chat_id: tidy.clone(),
            reason: None,
            claude_pid: None,
        }
    )
    .expect("answers")
    .expect("ends");

    // One that stops mid-turn is.
    let crashed = open(&supervisor, Some(&project_dir)).await;
    signal(
        &supervisor,
        &crashed,
        vec![SignalEvent::UserPrompt, tool(false)],
    )
    .await;
    save(
        &crashed,
        CheckpointInput {
            summary: "porting the parser".to_owned(),
            next_steps: vec!["fix error recovery".to_owned()],
            ..CheckpointInput::default()
        },
    )
    .await
    .expect("saves");

    let newcomer = open(&supervisor, Some(&project_dir)).await;
    let check = |chat_id: String| {
        let supervisor = supervisor.clone();
        let project_dir = project_dir.clone();
        async move {
            checkpoints(&supervisor, |port| {
                CheckpointManagerMessage::ResumeCheck(
                    ResumeCheckRequest {
                        project_dir,
                        chat_id: Some(chat_id),
                    },
                    port,
                )
            })
            .await
            .expect("checks")
        }
    };
    // The activity record reaches the store on the worker's next tick: poll until it has.
    let deadline = tokio::time::Instant::now() + DEADLINE;
    let offer = loop {
        let offer = check(newcomer.clone()).await;
        if offer.reason == Some(InterruptionReason::Crash)
            || tokio::time::Instant::now() >= deadline
        {
            break offer;
        }
        tokio::time::sleep(POLL).await;
    };
    let classified = offer.reason == Some(InterruptionReason::Crash);
    assert!(classified, "offer: {offer:?}");
    assert!(offer.resume_available);
    assert_eq!(offer.chat_id.as_deref(), Some(crashed.as_str()));
    let prompt = offer.resume_prompt.clone().expect("prompt");
    assert!(
        prompt.contains("porting the parser") && prompt.contains("1. fix error recovery"),
        "{prompt}"
    );

    // The interrupted chat itself is not offered its own checkpoint.
    let own = check(crashed.clone()).await;
    assert_ne!(own.chat_id.as_deref(), Some(crashed.as_str()));

    // A requester that gives up before the prompt is ready (the hook's deadline passed) takes nothing: the
    // resume stays on offer for the next one.
    let resume = || ResumeRequest {
        checkpoint_id: None,
        project_dir: Some(project_dir.clone()),
        chat_id: Some(newcomer.clone()),
    };
    let (gave_up, gone) = ractor::concurrency::oneshot();
    drop(gone);
    names::find::<CheckpointManagerMessage>(&names::service(
        CheckpointManager::NAME,
        &supervisor.node_id,
    ))
    .expect("the checkpoint manager is registered")
    .cast(CheckpointManagerMessage::Resume(resume(), gave_up.into()))
    .expect("sent");
    let restored = checkpoints(&supervisor, |port| {
        CheckpointManagerMessage::Resume(resume(), port)
    })
    .await
    .expect("resumes");
    assert_eq!(restored.checkpoint_id, offer.checkpoint_id);
    assert!(
        !check(newcomer.clone()).await.resume_available,
        "not offered again once restored"
    );
    assert_eq!(publisher.of_kind("resume.restored").len(), 1);
    supervisor.stop(None);
}

#[tokio::test]
async fn a_sealed_chat_takes_no_more_checkpoints_and_its_resume_waits_first() {
    let publisher = RecordingPublisher::default();
    let supervisor = node(&publisher).await;
    let project = tempfile::tempdir().expect("temp dir");
    let project_dir = project.path().display().to_string();

    // Another interrupted session of the project, with a newer checkpoint, but not sealed.
    let sealed_chat = open(&supervisor, Some(&project_dir)).await;
    let saved = save(
        &sealed_chat,
        CheckpointInput {
            summary: "lexer half ported".to_owned(),
            ..CheckpointInput::default()
        },
    )
    .await
    .expect("saves");
    let other = open(&supervisor, Some(&project_dir)).await;
    save(
        &other,
        CheckpointInput {
            summary: "something else".to_owned(),
            ..CheckpointInput::default()
        },
    )
    .await
    .expect("saves");

    let seal = |detected: &str| {
        let order = SealOrder {
            chat_id: sealed_chat.clone(),
            detected: detected.to_owned(),
            at_ms: now_ms(),
        };
        let supervisor = supervisor.clone();
        async move {
            checkpoints(&supervisor, |port| {
                CheckpointManagerMessage::Seal(order, port)
            })
            .await
            .expect("seals")
        }
    };
    let first = seal("process_exited").await;
    assert!(first.newly);
    assert_eq!(
        first.checkpoint_id_opt.as_deref(),
        Some(saved.checkpoint_id.as_str())
    );
    assert_eq!(first.project_dir_opt.as_deref(), Some(project_dir.as_str()));
    let again = seal("heartbeat_timeout").await;
    assert!(!again.newly, "sealed once");
    assert_eq!(again.seal, first.seal);
    assert_eq!(publisher.of_kind("resume.prepared").len(), 1);

    // A later save under the chat is refused, saying why.
    let refused = save(
        &sealed_chat,
        CheckpointInput {
            summary: "after the crash".to_owned(),
            ..CheckpointInput::default()
        },
    )
    .await;
    assert!(
        matches!(&refused, Err(CheckpointError::Sealed { checkpoint_id_opt: Some(id), .. }) if *id == saved.checkpoint_id),
        "{refused:?}"
    );

    // The next session in the project is offered the sealed chat's checkpoint, before the newer unsealed one.
    let newcomer = open(&supervisor, Some(&project_dir)).await;
    let offer = checkpoints(&supervisor, |port| {
        CheckpointManagerMessage::ResumeCheck(
            ResumeCheckRequest {
                project_dir: project_dir.clone(),
                chat_id: Some(newcomer),
            },
            port,
        )
    })
    .await
    .expect("checks");
    assert_eq!(offer.checkpoint_id, Some(saved.checkpoint_id));
    // Why it stopped is what recovery recorded (the first seal), not a guess from its activity.
    assert_eq!(
        (offer.reason, offer.confidence),
        (Some(InterruptionReason::Crash), Some(1.0))
    );
    let prompt = offer.resume_prompt.expect("prompt");
    assert!(
        prompt.contains("the session's process exited, killed or crashed (found by recovery at"),
        "{prompt}"
    );
    assert!(!prompt.contains("likely"), "{prompt}");
    let offered = publisher.of_kind("resume.offered");
    assert_eq!(
        offered.last().map(|event| event.data["detected"].clone()),
        Some(serde_json::json!("process_exited")),
        "{offered:?}"
    );
    supervisor.stop(None);
}

mod owning;
mod reactions;
