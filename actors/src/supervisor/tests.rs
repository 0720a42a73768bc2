use std::{sync::Arc, time::Duration};

use ractor::{Actor, ActorRef, call_t};
use shim_protocol::messages::{ActorStatus, SessionEndRequest, SessionStartRequest};

use super::*;
use crate::chat_worker::ChatWorker;
use crate::{publisher::RecordingPublisher, test_utils::wait_until};

const CALL_MS: u64 = 2_000;
const DEADLINE: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(10);

pub(crate) fn args(publisher: &RecordingPublisher) -> SupervisorArgs {
    let store = CheckpointStore::temporary().expect("temporary store");
    SupervisorArgs {
        // Services are registered per node: a node id of its own keeps tests running side by side apart.
        emitter: EventEmitter::new(
            format!("test-node-{}", uuid::Uuid::now_v7()),
            Arc::new(publisher.clone()),
        ),
        metrics: ActorMetrics::noop(),
        policy: RestartPolicy {
            max_restarts: 2,
            window: Duration::from_secs(60),
            initial_backoff: Duration::from_millis(10),
            max_backoff: Duration::from_millis(50),
        },
        chat_idle_timeout: Duration::from_secs(3600),
        idle_check_interval: Duration::from_secs(60),
        max_chats: 100,
        store: store.clone(),
        params: ParameterStore::open(store.db()).expect("params"),
        retention: Retention::default(),
        signal_tick: Duration::from_millis(50),
        call_timeout: Duration::from_secs(2),
        routing: crate::model_router::RoutingSettings::default(),
        kaizen_opt: None,
    }
}

async fn spawn(args: SupervisorArgs) -> ActorRef<SupervisorMessage> {
    let (supervisor, _handle) = Actor::spawn(None, Supervisor, args).await.expect("spawns");
    supervisor
}

async fn start(supervisor: &ActorRef<SupervisorMessage>, name: &str) -> String {
    let request = SessionStartRequest {
        name: Some(name.to_owned()),
        ..SessionStartRequest::default()
    };
    call_t!(
        supervisor,
        SupervisorMessage::StartSession,
        CALL_MS,
        request
    )
    .expect("supervisor answers")
    .expect("session starts")
    .chat_id
}

async fn status(
    supervisor: &ActorRef<SupervisorMessage>,
    chat_id_opt: Option<&str>,
) -> SupervisorResult<SupervisorStatus> {
    call_t!(
        supervisor,
        SupervisorMessage::GetStatus,
        CALL_MS,
        chat_id_opt.map(str::to_owned)
    )
    .expect("supervisor answers")
}

async fn worker_of(
    supervisor: &ActorRef<SupervisorMessage>,
    chat_id: &str,
) -> ActorRef<ChatWorkerMessage> {
    status(supervisor, Some(chat_id))
        .await
        .expect("chat is known")
        .chat_worker_opt
        .expect("worker is running")
}

fn actor_status(status: &SupervisorStatus, chat_id: &str) -> Option<(ActorStatus, u32)> {
    let name = ChatWorker::actor_name(chat_id);
    status
        .actors
        .iter()
        .find(|actor| actor.name == name)
        .map(|actor| (actor.status, actor.restarts))
}

#[tokio::test]
async fn a_failing_chat_worker_is_restarted_alone() {
    let publisher = RecordingPublisher::default();
    let supervisor = spawn(args(&publisher)).await;
    let healthy = start(&supervisor, "healthy").await;
    let doomed = start(&supervisor, "doomed").await;
    let healthy_worker = worker_of(&supervisor, &healthy).await;

    worker_of(&supervisor, &doomed)
        .await
        .send_message(ChatWorkerMessage::Fail("boom".to_owned()))
        .expect("worker is alive");

    let restarted = wait_until(
        || async {
            status(&supervisor, None).await.is_ok_and(|status| {
                actor_status(&status, &doomed) == Some((ActorStatus::Running, 1))
            })
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(restarted, "the failed worker came back with one restart");

    // The other chat's worker is the very same actor and still answers.
    let info = call_t!(healthy_worker, ChatWorkerMessage::GetInfo, CALL_MS)
        .expect("healthy worker answers");
    assert_eq!(info.chat_id, healthy);
    assert_eq!(
        actor_status(&status(&supervisor, None).await.expect("status"), &healthy),
        Some((ActorStatus::Running, 0))
    );

    // The restarted worker is the same chat.
    let info = call_t!(
        worker_of(&supervisor, &doomed).await,
        ChatWorkerMessage::GetInfo,
        CALL_MS
    )
    .expect("restarted worker answers");
    assert_eq!(info.name.as_deref(), Some("doomed"));

    let failed = publisher.of_kind("supervisor.actor_failed");
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].chat_id.as_deref(), Some(doomed.as_str()));
    assert!(
        failed[0].data["error"]
            .as_str()
            .is_some_and(|error| error.contains("boom"))
    );
    assert_eq!(publisher.of_kind("supervisor.actor_restarted").len(), 1);
    supervisor.stop(None);
}

#[tokio::test]
async fn a_worker_that_keeps_failing_is_given_up_on_and_can_be_started_again() {
    let publisher = RecordingPublisher::default();
    let supervisor = spawn(args(&publisher)).await;
    let chat_id = start(&supervisor, "flaky").await;

    // max_restarts is 2: the third failure inside the window gives up.
    for expected_restarts in 1..=3u32 {
        worker_of(&supervisor, &chat_id)
            .await
            .send_message(ChatWorkerMessage::Fail(format!(
                "failure {expected_restarts}"
            )))
            .expect("worker is alive");
        let settled = wait_until(
            || async {
                let status = status(&supervisor, None).await.expect("status");
                match actor_status(&status, &chat_id) {
                    Some((ActorStatus::Running, restarts)) => restarts == expected_restarts,
                    Some((ActorStatus::Failed, _)) => expected_restarts == 3,
                    _ => false,
                }
            },
            DEADLINE,
            POLL,
        )
        .await;
        assert!(settled, "after failure {expected_restarts}");
    }
    assert!(matches!(
        status(&supervisor, Some(&chat_id)).await,
        Err(SupervisorError::WorkerGivenUp { .. })
    ));
    assert_eq!(publisher.of_kind("supervisor.actor_gave_up").len(), 1);
    assert_eq!(publisher.of_kind("supervisor.actor_restarted").len(), 2);

    // The chat coming back starts a fresh worker under the same id.
    let reply = call_t!(
        supervisor,
        SupervisorMessage::StartSession,
        CALL_MS,
        SessionStartRequest {
            chat_id: Some(chat_id.clone()),
            ..SessionStartRequest::default()
        }
    )
    .expect("answers")
    .expect("starts");
    assert!(reply.created);
    assert!(status(&supervisor, Some(&chat_id)).await.is_ok());
    supervisor.stop(None);
}

#[tokio::test]
async fn an_idle_chat_is_stopped_and_reported() {
    let publisher = RecordingPublisher::default();
    let mut args = args(&publisher);
    args.chat_idle_timeout = Duration::from_millis(100);
    args.idle_check_interval = Duration::from_millis(20);
    let supervisor = spawn(args).await;
    let chat_id = start(&supervisor, "sleepy").await;

    let gone = wait_until(
        || async {
            matches!(
                status(&supervisor, Some(&chat_id)).await,
                Err(SupervisorError::UnknownChat { .. })
            )
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(gone, "the idle chat was removed");
    let ended = publisher.of_kind("chats.ended");
    assert_eq!(ended.len(), 1);
    assert_eq!(ended[0].data["reason"], "idle");
    supervisor.stop(None);
}

#[tokio::test]
async fn activity_keeps_a_chat_alive() {
    let publisher = RecordingPublisher::default();
    let mut args = args(&publisher);
    args.chat_idle_timeout = Duration::from_secs(1);
    args.idle_check_interval = Duration::from_millis(20);
    let supervisor = spawn(args).await;
    let chat_id = start(&supervisor, "busy").await;
    let worker = worker_of(&supervisor, &chat_id).await;
    // Ask every 50 ms for three times the idle timeout: the chat must survive all of it. (The pacing leaves
    // a loaded machine 950 ms of slack before a gap could look like idleness.)
    for _ in 0..60 {
        let info = call_t!(worker, ChatWorkerMessage::GetInfo, CALL_MS).expect("still alive");
        assert_eq!(info.chat_id, chat_id);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(publisher.of_kind("chats.ended").is_empty());
    supervisor.stop(None);
}

#[tokio::test]
async fn sessions_end_once_and_unknown_ids_are_clear_errors() {
    let publisher = RecordingPublisher::default();
    let supervisor = spawn(args(&publisher)).await;
    let chat_id = start(&supervisor, "short").await;
    let end = |chat_id: String| {
        let supervisor = supervisor.clone();
        async move {
            call_t!(
                supervisor,
                SupervisorMessage::EndSession,
                CALL_MS,
                SessionEndRequest {
                    chat_id,
                    reason: Some("done".to_owned()),
                    claude_pid: None,
                }
            )
            .expect("answers")
        }
    };
    assert_eq!(end(chat_id.clone()).await.expect("ends").chat_id, chat_id);
    assert!(matches!(
        end(chat_id.clone()).await,
        Err(SupervisorError::UnknownChat { .. })
    ));
    assert!(matches!(
        status(&supervisor, Some(&chat_id)).await,
        Err(SupervisorError::UnknownChat { .. })
    ));
    assert!(matches!(
        status(&supervisor, Some("bad.id")).await,
        Err(SupervisorError::BadId(_))
    ));
    let ended = publisher.of_kind("chats.ended");
    assert_eq!(ended.len(), 1);
    assert_eq!(ended[0].data["reason"], "ended");
    assert_eq!(publisher.of_kind("chats.started").len(), 1);
    supervisor.stop(None);
}

#[tokio::test]
async fn session_start_validates_and_respects_the_chat_limit() {
    let publisher = RecordingPublisher::default();
    let mut args = args(&publisher);
    args.max_chats = 2;
    let supervisor = spawn(args).await;
    let first = start(&supervisor, "one").await;
    start(&supervisor, "two").await;

    let try_start = |request: SessionStartRequest| {
        let supervisor = supervisor.clone();
        async move {
            call_t!(
                supervisor,
                SupervisorMessage::StartSession,
                CALL_MS,
                request
            )
            .expect("answers")
        }
    };
    assert!(matches!(
        try_start(SessionStartRequest::default()).await,
        Err(SupervisorError::TooManyChats {
            sessions: 2,
            limit: 2
        })
    ));
    // Re-attaching to an open chat is not a new chat, even at the limit.
    let again = try_start(SessionStartRequest {
        chat_id: Some(first.clone()),
        ..SessionStartRequest::default()
    })
    .await
    .expect("re-attaches");
    assert_eq!(
        (again.chat_id.as_str(), again.created),
        (first.as_str(), false)
    );
    assert!(matches!(
        try_start(SessionStartRequest {
            chat_id: Some("has space".to_owned()),
            ..SessionStartRequest::default()
        })
        .await,
        Err(SupervisorError::BadId(_))
    ));
    assert!(matches!(
        try_start(SessionStartRequest {
            chat_id: Some("fresh".to_owned()),
            name: Some("n".repeat(MAX_NAME_LEN + 1)),
            ..SessionStartRequest::default()
        })
        .await,
        Err(SupervisorError::TooLong { field: "name", .. })
    ));
    supervisor.stop(None);
}

#[test]
fn every_kind_the_supervisor_counts_is_in_the_catalogue() {
    let counted: Vec<&str> = std::iter::once(CHAT_WORKER_KIND)
        .chain(Service::ALL.map(Service::name))
        .collect();
    for spec in [
        &crate::catalogue::SUPERVISOR_FAILURES,
        &crate::catalogue::SUPERVISOR_RESTARTS,
    ] {
        let crate::catalogue::LabelValues::Fixed(kinds) = spec.labels[0].values else {
            panic!("{}: the kinds are a fixed set", spec.name);
        };
        assert_eq!(kinds, counted.as_slice(), "{}", spec.name);
    }
}
