//! A scripted workload that makes a node record every metric of the catalogue at least once: an experiment of
//! the Kaizen loop that its chats are assigned to and whose outcomes it counts, chats that start, end and fail,
//! signals from several sources, a chat left at warning and one left in danger, checkpoints, a resume, routing
//! to each tier and an override, a refused message, tasks dispatched, claimed and completed, locks, messages
//! between chats, and a coordination background task that is restarted.

use ractor::call_t;
use serde::de::IgnoredAny;
use shim_actors::{ChatWorkerMessage, SupervisorMessage, catalogue};
use shim_node::nats::NodeClient;
use shim_protocol::{
    NodeOp,
    messages::{
        AssignReply, AssignRequest, CheckpointInput, CheckpointSaved, ClaimTaskReply,
        ClaimTaskRequest, CompleteTaskRequest, DispatchTaskReply, DispatchTaskRequest, Experiment,
        ExperimentList, ExperimentStatus, LockRequest, Observation, ObserveReply, ObserveRequest,
        OverrideRequest, ProposeRequest, ReadMessagesRequest, ReleaseLockRequest, ResumeOffer,
        ResumeRequest, RouteReply, RouteRequest, SaveCheckpointRequest, SendMessageRequest,
        SessionEndRequest, SessionStartReply, SessionStartRequest, SignalBatch, SignalEvent,
        SignalSource,
    },
    subject::{KaizenNames, KaizenOp, ROUTER_OVERRIDE, ROUTER_ROUTE},
};

use crate::{DEADLINE, POLL, TestNode, node::metric_value, wait_until};

/// The chats the workload leaves running, and at which risk level.
#[derive(Debug, Clone)]
pub struct Workload {
    /// A chat at `safe`.
    pub calm: String,
    /// A chat left at `warning`.
    pub uneasy: String,
    /// A chat left in `danger`.
    pub critical: String,
}

async fn start_chat(client: &NodeClient, name: &str) -> String {
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
    crate::remember(&reply);
    reply.chat_id
}

async fn signal(
    client: &NodeClient,
    chat_id: &str,
    source: SignalSource,
    events: Vec<SignalEvent>,
) {
    // As the chat's MCP server sends them: with its secret.
    let _: IgnoredAny = crate::acting(client, chat_id)
        .request(
            NodeOp::Signals,
            &SignalBatch {
                chat_id: chat_id.to_owned(),
                source,
                at_ms: shim_actors::now_ms(),
                events,
                transcript_path: None,
                prompt: None,
                trigger: None,
            },
        )
        .await
        .expect("signals recorded");
}

fn context_use(percentage: f64) -> SignalEvent {
    SignalEvent::Usage {
        tokens_used: None,
        context_window: Some(200_000),
        used_percentage: Some(percentage),
        cost_usd: None,
        model: None,
    }
}

/// Opens `count` chats and returns their ids; each one adds a `shim_risk_level` series.
pub async fn open_chats(client: &NodeClient, prefix: &str, count: usize) -> Vec<String> {
    let mut chats = Vec::with_capacity(count);
    for index in 0..count {
        chats.push(start_chat(client, &format!("{prefix}-{index}")).await);
    }
    chats
}

/// Ends `chat_id` cleanly.
pub async fn end_chat(client: &NodeClient, chat_id: &str) {
    let _: IgnoredAny = crate::acting(client, chat_id)
        .request(
            NodeOp::SessionEnd,
            &SessionEndRequest {
                chat_id: chat_id.to_owned(),
                reason: Some("done".to_owned()),
                claude_pid: None,
            },
        )
        .await
        .expect("session ends");
}

/// Starts an experiment of the Kaizen loop as its opportunity detector would: checkpoints every 3 tool calls
/// instead of 5, within the safety bounds, so it starts at 10% by itself. Waits until the node serves the
/// experiment manager (it subscribes to its subjects once started, and only with JetStream).
pub async fn start_experiment(client: &NodeClient) -> Experiment {
    let names = KaizenNames::live();
    let serving = wait_until(
        || async {
            client
                .request_service::<_, ExperimentList>(&names.subject(KaizenOp::List), &())
                .await
                .is_ok()
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(serving, "the node serves the experiment manager");
    let experiment: Experiment = client
        .request_service(
            &names.subject(KaizenOp::Propose),
            &ProposeRequest {
                parameter: "checkpoint.every_calls".to_owned(),
                treatment: 3.0,
                changes: Vec::new(),
                hypothesis: "checkpoints every 3 tool calls lose fewer calls".to_owned(),
                evidence: vec!["the metrics workload".to_owned()],
                source: "detector:workload".to_owned(),
                primary: None,
                baseline: Some(1.8),
                baseline_sd: Some(3.0),
            },
        )
        .await
        .expect("the experiment is proposed");
    assert_eq!(
        (experiment.status, experiment.stage),
        (ExperimentStatus::Running, 10),
        "{experiment:#?}"
    );
    experiment
}

/// Assigns `chat_ids` to the running experiments (a chat already assigned keeps its unit) and counts an
/// outcome of each into them; returns how many outcomes were counted.
pub async fn observe_outcomes(client: &NodeClient, chat_ids: &[String]) -> u64 {
    let names = KaizenNames::live();
    let assigned: AssignReply = client
        .request_service(
            &names.subject(KaizenOp::Assign),
            &AssignRequest {
                chat_ids: chat_ids.to_vec(),
            },
        )
        .await
        .expect("chats assigned");
    assert!(
        assigned
            .chats
            .iter()
            .all(|chat| !chat.assignments.is_empty()),
        "every chat is in the experiment: {assigned:?}"
    );
    let observations = chat_ids
        .iter()
        .map(|chat_id| Observation {
            chat_id: chat_id.clone(),
            metrics: [
                ("calls_lost".to_owned(), 1.0),
                ("interrupted".to_owned(), 0.0),
            ]
            .into(),
        })
        .collect();
    let observed: ObserveReply = client
        .request_service(
            &names.subject(KaizenOp::Observe),
            &ObserveRequest { observations },
        )
        .await
        .expect("outcomes observed");
    observed.counted
}

/// Runs the workload on `node` and waits until its `/metrics` shows every metric of the catalogue.
pub async fn run(node: &TestNode) -> Workload {
    let client = node.client().await;

    // An experiment first, so the chats opened next are assigned to it as they start.
    start_experiment(&client).await;

    // Chats: three left running at each risk level, one that ends, one whose worker fails once.
    let calm = start_chat(&client, "calm").await;
    let uneasy = start_chat(&client, "uneasy").await;
    let critical = start_chat(&client, "critical").await;
    let done = start_chat(&client, "done").await;
    let flaky = start_chat(&client, "flaky").await;

    signal(
        &client,
        &calm,
        SignalSource::Hook,
        vec![
            SignalEvent::UserPrompt,
            SignalEvent::ToolCall {
                tool: "Read".to_owned(),
                ok: true,
                duration_ms: Some(12),
                arguments: None,
                result: None,
            },
            SignalEvent::TurnEnded {
                latency_ms: Some(900),
            },
        ],
    )
    .await;
    signal(
        &client,
        &uneasy,
        SignalSource::StatusLine,
        vec![context_use(65.0)],
    )
    .await;
    // One signal past its danger threshold (the message count) makes a warning.
    signal(
        &client,
        &uneasy,
        SignalSource::Mcp,
        vec![SignalEvent::Reported {
            message_count: Some(60),
            tokens_used: None,
            context_window: None,
            tool_calls: None,
            tool_failures: None,
            last_latency_ms: None,
        }],
    )
    .await;
    // Danger saves a checkpoint on its own (trigger `risk_danger`).
    signal(
        &client,
        &critical,
        SignalSource::Mcp,
        vec![context_use(80.0)],
    )
    .await;

    // An explicit checkpoint, and a resume of it taken by another chat.
    let saved: CheckpointSaved = crate::acting(&client, &done)
        .request(
            NodeOp::CheckpointSave,
            &SaveCheckpointRequest {
                chat_id: done.clone(),
                input: CheckpointInput {
                    summary: "metrics workload".to_owned(),
                    ..CheckpointInput::default()
                },
            },
        )
        .await
        .expect("checkpoint saved");
    let offer: ResumeOffer = client
        .request(
            NodeOp::ResumeTake,
            &ResumeRequest {
                checkpoint_id: Some(saved.checkpoint_id),
                chat_id: Some(calm.clone()),
                project_dir: None,
            },
        )
        .await
        .expect("resume taken");
    assert!(offer.resume_available, "{offer:?}");
    end_chat(&client, &done).await;

    // The outcomes of the chats so far, counted into the experiment.
    let chats = [&calm, &uneasy, &critical, &done, &flaky].map(|chat_id| chat_id.clone());
    let counted = observe_outcomes(&client, &chats).await;
    assert_eq!(counted, chats.len() as u64, "every outcome is counted");

    // A worker that fails once and is restarted.
    let status = call_t!(
        node.supervisor(),
        SupervisorMessage::GetStatus,
        2_000,
        Some(flaky.clone())
    )
    .expect("supervisor answers")
    .expect("chat known");
    status
        .chat_worker_opt
        .expect("worker running")
        .send_message(ChatWorkerMessage::Fail("workload failure".to_owned()))
        .expect("sent");

    // Routing to each tier, an override, and a request the router refuses.
    for tier in ["haiku", "sonnet", "opus"] {
        let _: RouteReply = client
            .request_service(
                ROUTER_ROUTE,
                &RouteRequest {
                    prompt: format!("@{tier} rename the variable x to count in src/main.rs"),
                    strategy: None,
                    chat_id: Some(calm.clone()),
                },
            )
            .await
            .expect("routes");
    }
    let _: IgnoredAny = client
        .request_service(
            ROUTER_OVERRIDE,
            &OverrideRequest {
                prompt: "refactor the parser".to_owned(),
                recommended: "sonnet".to_owned(),
                chosen: "opus".to_owned(),
                reason: Some("workload".to_owned()),
                chat_id: None,
            },
        )
        .await
        .expect("override recorded");
    let refused = client
        .request_service::<_, RouteReply>(
            ROUTER_ROUTE,
            &RouteRequest {
                prompt: "  ".to_owned(),
                strategy: None,
                chat_id: None,
            },
        )
        .await;
    assert!(refused.is_err(), "an empty prompt is refused");

    // A message the node cannot read.
    client
        .nats()
        .publish(
            shim_protocol::subject::node_op(node.node_id(), NodeOp::Status).expect("subject"),
            "not msgpack".into(),
        )
        .await
        .expect("published");

    // Coordination: a task dispatched, claimed and completed; a lock; a message between chats.
    let dispatched: DispatchTaskReply = crate::acting(&client, &calm)
        .request(
            NodeOp::TaskDispatch,
            &DispatchTaskRequest {
                chat_id: calm.clone(),
                title: "count things".to_owned(),
                instructions: "count them".to_owned(),
                ..DispatchTaskRequest::default()
            },
        )
        .await
        .expect("dispatched");
    let claimed: ClaimTaskReply = crate::acting(&client, &uneasy)
        .request(
            NodeOp::TaskClaim,
            &ClaimTaskRequest {
                chat_id: uneasy.clone(),
                wait_seconds: Some(2),
                capabilities: None,
            },
        )
        .await
        .expect("claimed");
    let task = claimed.task.expect("the task is claimed");
    assert_eq!(task.task_id, dispatched.task_id);
    let _: IgnoredAny = crate::acting(&client, &uneasy)
        .request(
            NodeOp::TaskComplete,
            &CompleteTaskRequest {
                chat_id: uneasy.clone(),
                task_id: task.task_id,
                result: "42".to_owned(),
                ..CompleteTaskRequest::default()
            },
        )
        .await
        .expect("completed");
    let _: IgnoredAny = crate::acting(&client, &calm)
        .request(
            NodeOp::LockAcquire,
            &LockRequest {
                chat_id: calm.clone(),
                resource: "file:src/main.rs".to_owned(),
                ttl_seconds: Some(30),
            },
        )
        .await
        .expect("lock acquired");
    let _: IgnoredAny = crate::acting(&client, &calm)
        .request(
            NodeOp::LockRelease,
            &ReleaseLockRequest {
                chat_id: calm.clone(),
                resource: "file:src/main.rs".to_owned(),
            },
        )
        .await
        .expect("lock released");
    let _: IgnoredAny = crate::acting(&client, &calm)
        .request(
            NodeOp::MessageSend,
            &SendMessageRequest {
                from: calm.clone(),
                to: uneasy.clone(),
                text: "the parser is yours".to_owned(),
                ..SendMessageRequest::default()
            },
        )
        .await
        .expect("message sent");
    let _: IgnoredAny = crate::acting(&client, &uneasy)
        .request(
            NodeOp::MessageRead,
            &ReadMessagesRequest {
                chat_id: uneasy.clone(),
                wait_seconds: Some(1),
                max: None,
            },
        )
        .await
        .expect("messages read");

    // Claude Code's telemetry: one export of one API request for a running chat, sent twice as an exporter
    // whose answer came late does (the second is counted as a duplicate).
    let export = crate::otlp::logs(vec![crate::otlp::api_request(&calm, 850, 1_200)]);
    for _ in 0..2 {
        let response = node
            .otlp()
            .post(
                "/v1/logs",
                &[("content-type", "application/x-protobuf")],
                &prost::Message::encode_to_vec(&export),
            )
            .await;
        assert_eq!(response.status, 200, "the OTLP export is taken in");
    }

    // Last, a coordination background task loses what it follows and is started again.
    async_nats::jetstream::new(client.nats().clone())
        .delete_stream(shim_protocol::subject::kv_stream(
            shim_node::coordination::tasks::BUCKET,
        ))
        .await
        .expect("the task bucket's stream is deleted");

    let every_metric = wait_until(
        || async { missing_metrics(&node.metrics().await).is_empty() },
        DEADLINE,
        POLL,
    )
    .await;
    let body = node.metrics().await;
    assert!(
        every_metric,
        "metrics the workload did not record: {:?}\n{body}",
        missing_metrics(&body)
    );
    for (chat_id, level) in [(&uneasy, 1.0), (&critical, 2.0)] {
        assert_eq!(
            metric_value(
                &body,
                "shim_risk_level",
                &[&format!("chat_id=\"{chat_id}\"")]
            ),
            Some(level),
            "{body}"
        );
    }
    Workload {
        calm,
        uneasy,
        critical,
    }
}

/// The catalogue's metrics that have no series in `body` (a Prometheus text exposition).
pub fn missing_metrics(body: &str) -> Vec<String> {
    catalogue::CATALOGUE
        .iter()
        .map(|spec| spec.prometheus_name())
        .filter(|name| {
            let series = if body.contains(&format!("# TYPE {name} histogram")) {
                format!("{name}_count")
            } else {
                name.clone()
            };
            metric_value(body, &series, &[]).is_none()
        })
        .collect()
}
