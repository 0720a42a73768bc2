//! The Kaizen loop's experiment manager against real nats-servers, reached the way every client reaches it:
//! MessagePack requests on `shim.v1.kaizen.<op>`. Proposals judged by the safety settings, the hashed
//! assignment of chats, observations counted into their stage and variant, the state outliving a node killed
//! with SIGKILL, chats that really run with their variant's checkpoint interval, a session's outcome counted by
//! the node's `kaizen-outcomes` consumer (with its cost and latency from Claude Code's telemetry), and the
//! manager's decisions, assignments and counted outcomes on the node's `/metrics`.

use std::{collections::BTreeMap, time::Duration};

use async_nats::jetstream;
use serde::{Serialize, de::DeserializeOwned};
use serde_json::Value;
use shim_actors::{
    experiment_manager::{
        ExperimentManager, ExperimentManagerMessage,
        assignment::{position, variant},
    },
    model_router::router::{RouteOptions, Tier, TierModels, route},
};
use shim_node::nats::{ClientError, NodeClient};
use shim_protocol::{
    NodeOp, WireError,
    messages::{
        ArmRecord, AssignReply, AssignRequest, AuditEntry, AuditList, AuditRequest, CheckpointList,
        CheckpointTrigger, Experiment, ExperimentIdRequest, ExperimentList, ExperimentStatus,
        ListCheckpointsRequest, Observation, ObserveReply, ObserveRequest, OverrideReply,
        OverrideRequest, ParameterList, ProposeRequest, ProposedValue, RiskReport, RouteReply,
        RouteRequest, SessionEndReply, SessionEndRequest, SessionList, SessionOutcome,
        SessionStartReply, SessionStartRequest, SessionsRequest, SignalBatch, SignalEvent,
        SignalSource, Tally, Variant,
    },
    subject::{ANALYTICS_SESSIONS, KaizenNames, KaizenOp, ROUTER_OVERRIDE, ROUTER_ROUTE},
};
use shim_tests::{
    DEADLINE, EventFeed, NatsServer, NodeProcess, POLL, TestNode, node::metric_value,
    wait_for_node, wait_for_node_gone, wait_until,
};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

/// The parameter every experiment here changes, and its built-in value.
const EVERY_CALLS: &str = "checkpoint.every_calls";

/// Sends `request` to the experiment manager's `op`, any node answering.
async fn kaizen<Req: Serialize, Resp: DeserializeOwned>(
    nodes: &NodeClient,
    op: KaizenOp,
    request: &Req,
) -> Result<Resp, ClientError> {
    nodes
        .request_service(&KaizenNames::live().subject(op), request)
        .await
}

fn proposal(parameter: &str, treatment: f64, source: &str) -> ProposeRequest {
    ProposeRequest {
        parameter: parameter.to_owned(),
        treatment,
        changes: Vec::new(),
        hypothesis: format!("{parameter} = {treatment} loses fewer tool calls"),
        evidence: vec!["30 interrupted sessions lost 9 calls on average".to_owned()],
        source: source.to_owned(),
        primary: None,
        baseline: Some(2.0),
        baseline_sd: Some(2.0),
    }
}

async fn propose(nodes: &NodeClient, request: &ProposeRequest) -> Experiment {
    kaizen(nodes, KaizenOp::Propose, request)
        .await
        .unwrap_or_else(|error| panic!("{request:?} is answered: {error}"))
}

/// The opportunity detector's proposal of checkpoints every 3 tool calls instead of 5: started at 10%.
async fn start_experiment(nodes: &NodeClient) -> Experiment {
    let experiment = propose(
        nodes,
        &proposal(EVERY_CALLS, 3.0, "detector:checkpoint-gap"),
    )
    .await;
    assert_eq!(
        (experiment.status, experiment.stage),
        (ExperimentStatus::Running, 10),
        "{experiment:#?}"
    );
    assert_eq!((experiment.control, experiment.treatment), (5.0, 3.0));
    experiment
}

async fn show(nodes: &NodeClient, id: &str) -> Experiment {
    kaizen(
        nodes,
        KaizenOp::Show,
        &ExperimentIdRequest {
            id: id.to_owned(),
            ..Default::default()
        },
    )
    .await
    .expect("shown")
}

async fn assign(nodes: &NodeClient, chat_ids: &[String]) -> Result<AssignReply, ClientError> {
    kaizen(
        nodes,
        KaizenOp::Assign,
        &AssignRequest {
            chat_ids: chat_ids.to_vec(),
        },
    )
    .await
}

async fn observe(
    nodes: &NodeClient,
    observations: Vec<Observation>,
) -> Result<ObserveReply, ClientError> {
    kaizen(nodes, KaizenOp::Observe, &ObserveRequest { observations }).await
}

fn observation(chat_id: &str, metrics: &[(&str, f64)]) -> Observation {
    Observation {
        chat_id: chat_id.to_owned(),
        metrics: metrics
            .iter()
            .map(|(name, value)| ((*name).to_owned(), *value))
            .collect(),
    }
}

fn is_bad_request<T: std::fmt::Debug>(result: &Result<T, ClientError>, needle: &str) -> bool {
    matches!(result, Err(ClientError::Remote(WireError::BadRequest { message })) if message.contains(needle))
}

/// The variant chat `chat_id` must get in `experiment` at 10%, from the hash alone.
fn hashed(experiment: &Experiment, chat_id: &str) -> Variant {
    variant(position(&experiment.id, chat_id), 10)
}

fn arm(experiment: &Experiment, stage: u8, variant: Variant) -> ArmRecord {
    let record = experiment
        .stages
        .iter()
        .find(|record| record.percent == stage)
        .unwrap_or_else(|| panic!("no stage {stage} in {experiment:#?}"));
    match variant {
        Variant::Control => record.control.clone(),
        Variant::Treatment => record.treatment.clone(),
    }
}

fn tally(arm: &ArmRecord, metric: &str) -> Tally {
    arm.metrics.get(metric).copied().unwrap_or_default()
}

/// The tally of `values`.
fn expected_tally(values: impl IntoIterator<Item = f64>) -> Tally {
    values
        .into_iter()
        .fold(Tally::default(), |sum, value| Tally {
            n: sum.n + 1,
            sum: sum.sum + value,
            sum_sq: sum.sum_sq + value * value,
        })
}

/// Waits until the experiment manager's service answers (a node answers its own subjects a little before it
/// subscribes to the services).
async fn wait_for_kaizen(nodes: &NodeClient) {
    let answered = wait_until(
        || async {
            kaizen::<_, ExperimentList>(nodes, KaizenOp::List, &())
                .await
                .is_ok()
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(answered, "the experiment manager answers");
}

#[tokio::test]
async fn proposals_are_judged_by_the_safety_settings_and_outlive_a_killed_node() {
    let nats = NatsServer::start();
    let dirs = [
        tempfile::tempdir().expect("temp dir"),
        tempfile::tempdir().expect("temp dir"),
    ];
    let mut first = NodeProcess::start(EXE, &nats.url(), "kaizen-a", dirs[0].path());
    let nodes = wait_for_node(&nats.url(), "kaizen-a", DEADLINE).await;
    wait_for_kaizen(&nodes).await;
    let chats: Vec<String> = (0..50).map(|index| format!("judged-{index}")).collect();

    // Outside the bounds [2, 20]: refused with the reason, and it never assigns a chat.
    let outside = propose(
        &nodes,
        &proposal(EVERY_CALLS, 1.0, "detector:checkpoint-gap"),
    )
    .await;
    assert_eq!(outside.status, ExperimentStatus::Refused, "{outside:#?}");
    assert!(
        outside
            .reason
            .contains("checkpoint.every_calls = 1 is outside its safety bounds [2, 20]"),
        "{}",
        outside.reason
    );
    assert_eq!((outside.stage, outside.plan.units_per_arm), (0, 0));
    assert!(outside.stages.is_empty() && outside.decided_at_ms.is_some());
    let before = assign(&nodes, &chats).await.expect("assigned");
    assert!(
        before
            .chats
            .iter()
            .all(|chat| chat.assignments.is_empty() && chat.values.get(EVERY_CALLS) == Some(&5.0)),
        "a refused experiment assigns nothing: {before:?}"
    );

    // A person's proposal waits for a person's approval; stopped before it ran, it is no change the loop made.
    let waiting = propose(
        &nodes,
        &proposal("risk.messages_warning", 30.0, "person:ana"),
    )
    .await;
    assert_eq!(
        waiting.status,
        ExperimentStatus::AwaitingApproval,
        "{waiting:#?}"
    );
    let stopped: Experiment = kaizen(
        &nodes,
        KaizenOp::Stop,
        &ExperimentIdRequest {
            id: waiting.id.clone(),
            by: Some("ana".to_owned()),
            reason: Some("not now; ask again with password=hunter2hunter2".to_owned()),
        },
    )
    .await
    .expect("stopped");
    assert_eq!(stopped.status, ExperimentStatus::Stopped);
    // What a person types is kept, audited and reported with its secrets redacted.
    assert_eq!(
        stopped.reason,
        "stopped by ana: not now; ask again with password=[redacted: password]"
    );

    // Within the bounds, from the opportunity detector: approved by itself, at 10%, with its plan.
    let running = start_experiment(&nodes).await;
    assert_ne!(running.id, outside.id);
    assert!(
        running.plan.units_per_arm > 0 && running.plan.canary_units >= 30,
        "{:?}",
        running.plan
    );
    assert_eq!(running.stages.len(), 1);
    assert_eq!(running.stages[0].percent, 10);
    assert_eq!(running.primary.name, "calls_lost");
    let guardrails: Vec<&str> = running
        .guardrails
        .iter()
        .map(|guardrail| guardrail.metric.name.as_str())
        .collect();
    assert_eq!(guardrails, ["interrupted", "cost_usd", "latency_ms"]);
    assert!(running.approved_by.is_none());
    assert!(
        running.reason.contains("started at 10%"),
        "{}",
        running.reason
    );

    // The same parameter again: refused while the first is being tested.
    let again = propose(
        &nodes,
        &proposal(EVERY_CALLS, 4.0, "detector:checkpoint-gap"),
    )
    .await;
    assert_eq!(again.status, ExperimentStatus::Refused);
    assert!(
        again.reason.contains(&format!(
            "checkpoint.every_calls is already being tested by {} (running)",
            running.id
        )),
        "{}",
        again.reason
    );

    // Another parameter from the detector: the loop already made its one automatic change today.
    let capped = propose(
        &nodes,
        &proposal(
            "risk.calls_since_checkpoint_warning",
            7.0,
            "detector:missed-warning",
        ),
    )
    .await;
    assert_eq!(capped.status, ExperimentStatus::Refused, "{capped:#?}");
    assert!(
        capped
            .reason
            .contains("kaizen.max_auto_changes_per_day = 1"),
        "{}",
        capped.reason
    );

    // Only the running experiment assigns the chats.
    let assigned = assign(&nodes, &chats).await.expect("assigned");
    for chat in &assigned.chats {
        let ids: Vec<&str> = chat
            .assignments
            .iter()
            .map(|assignment| assignment.experiment_id.as_str())
            .collect();
        assert_eq!(ids, [running.id.as_str()], "{chat:?}");
    }
    let audit: AuditList = kaizen(
        &nodes,
        KaizenOp::Audit,
        &AuditRequest {
            since_ms: 0,
            experiment_id: Some(running.id.clone()),
        },
    )
    .await
    .expect("audit");
    let actions: Vec<&str> = audit
        .entries
        .iter()
        .map(|entry| entry.action.as_str())
        .collect();
    assert_eq!(actions, ["proposed", "started"], "{audit:#?}");

    // The node dies without a word; another on the same NATS answers for every experiment, unchanged.
    let listed: ExperimentList = kaizen(&nodes, KaizenOp::List, &()).await.expect("listed");
    assert_eq!(listed.experiments.len(), 5, "{listed:#?}");
    let shown_before = show(&nodes, &running.id).await;
    first.kill_9();
    wait_for_node_gone(&nodes).await;
    let _second = NodeProcess::start(EXE, &nats.url(), "kaizen-b", dirs[1].path());
    let others = wait_for_node(&nats.url(), "kaizen-b", DEADLINE).await;
    wait_for_kaizen(&others).await;
    let listed_after: ExperimentList = kaizen(&others, KaizenOp::List, &()).await.expect("listed");
    assert_eq!(listed_after, listed);
    for experiment in &listed.experiments {
        assert_eq!(&show(&others, &experiment.id).await, experiment);
    }
    assert_eq!(show(&others, &running.id).await, shown_before);
    // The chats keep their variants: the units are in JetStream, not in the node that assigned them.
    let after = assign(&others, &chats).await.expect("assigned");
    assert_eq!(after, assigned);
    assert_eq!(show(&others, &running.id).await, shown_before);
}

#[tokio::test]
async fn chats_are_assigned_by_hash_once_each_and_counted_once() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let nodes = node.client().await.with_timeout(Duration::from_secs(30));
    let experiment = start_experiment(&nodes).await;

    let chat_ids: Vec<String> = (0..2_000).map(|index| format!("chat-{index:04}")).collect();
    let mut variants: BTreeMap<String, Variant> = BTreeMap::new();
    for batch in chat_ids.chunks(1_000) {
        let reply = assign(&nodes, batch).await.expect("assigned");
        assert_eq!(reply.chats.len(), batch.len());
        for (chat, asked) in reply.chats.iter().zip(batch) {
            assert_eq!(&chat.chat_id, asked, "in the order asked");
            let [assignment] = chat.assignments.as_slice() else {
                panic!("one experiment runs: {chat:?}");
            };
            assert_eq!(
                (
                    assignment.experiment_id.as_str(),
                    assignment.parameter.as_str(),
                    assignment.stage
                ),
                (experiment.id.as_str(), EVERY_CALLS, 10)
            );
            assert_eq!(assignment.variant, hashed(&experiment, asked), "{asked}");
            let value = match assignment.variant {
                Variant::Control => 5.0,
                Variant::Treatment => 3.0,
            };
            assert_eq!(assignment.value, value);
            assert_eq!(chat.values.get(EVERY_CALLS), Some(&value));
            variants.insert(asked.clone(), assignment.variant);
        }
    }
    let treated = variants
        .values()
        .filter(|each| **each == Variant::Treatment)
        .count() as f64;
    // Binomial(2,000, 0.1): mean 200, standard deviation 13.4.
    let sd = (2_000.0_f64 * 0.1 * 0.9).sqrt();
    assert!(
        (treated - 200.0).abs() <= 4.0 * sd,
        "{treated} of 2,000 treated"
    );
    let exposed = |experiment: &Experiment| {
        (
            arm(experiment, 10, Variant::Control).exposed,
            arm(experiment, 10, Variant::Treatment).exposed,
        )
    };
    let counted = exposed(&show(&nodes, &experiment.id).await);
    assert_eq!(counted, (2_000 - treated as u64, treated as u64));

    // Asked again, in other batches and with chats repeated: the same variants, no exposure counted twice.
    let mut again: Vec<String> = chat_ids.iter().rev().take(700).cloned().collect();
    again.extend(chat_ids.iter().take(299).cloned());
    again.push(chat_ids[0].clone());
    let reply = assign(&nodes, &again).await.expect("assigned");
    for chat in &reply.chats {
        assert_eq!(
            chat.assignments[0].variant, variants[&chat.chat_id],
            "{}",
            chat.chat_id
        );
    }
    for batch in chat_ids.chunks(600) {
        let reply = assign(&nodes, batch).await.expect("assigned");
        for chat in &reply.chats {
            assert_eq!(chat.assignments[0].variant, variants[&chat.chat_id]);
        }
    }
    assert_eq!(exposed(&show(&nodes, &experiment.id).await), counted);

    // Over 1,000 chats at once, or a chat id that cannot be one: refused, nothing assigned.
    let too_many: Vec<String> = (0..1_001).map(|index| format!("more-{index}")).collect();
    let refused = assign(&nodes, &too_many).await;
    assert!(
        is_bad_request(&refused, "1001 chats in one request; the limit is 1000"),
        "{refused:?}"
    );
    for bad in ["a.b", "has space", "*", ""] {
        let refused = assign(&nodes, &["fine-1".to_owned(), bad.to_owned()]).await;
        assert!(is_bad_request(&refused, ""), "{bad:?}: {refused:?}");
    }
    assert_eq!(exposed(&show(&nodes, &experiment.id).await), counted);
    let fine = assign(&nodes, &["fine-1".to_owned()])
        .await
        .expect("assigned");
    assert_eq!(
        fine.chats[0].assignments[0].variant,
        hashed(&experiment, "fine-1")
    );
    node.stop().await;
}

#[tokio::test]
async fn observations_are_counted_into_their_stage_and_variant_and_replaced_when_repeated() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let nodes = node.client().await.with_timeout(Duration::from_secs(30));
    let experiment = start_experiment(&nodes).await;
    let chat_ids: Vec<String> = (0..300).map(|index| format!("seen-{index}")).collect();
    let reply = assign(&nodes, &chat_ids).await.expect("assigned");
    let variant_of: BTreeMap<&str, Variant> = reply
        .chats
        .iter()
        .map(|chat| (chat.chat_id.as_str(), chat.assignments[0].variant))
        .collect();

    // Calls lost i mod 7, interrupted every third chat; and two chats in no experiment.
    let values = |index: usize, shift: f64| {
        [
            ("calls_lost", (index % 7) as f64 + shift),
            ("interrupted", f64::from(u8::from(index.is_multiple_of(3)))),
        ]
    };
    let mut observations: Vec<Observation> = chat_ids
        .iter()
        .enumerate()
        .map(|(index, chat_id)| observation(chat_id, &values(index, 0.0)))
        .collect();
    observations.push(observation("stranger-1", &[("calls_lost", 1.0)]));
    observations.push(observation("stranger-2", &[("calls_lost", 2.0)]));
    let counted = observe(&nodes, observations).await.expect("observed");
    assert_eq!((counted.counted, counted.ignored), (300, 2));

    // What each variant's tallies must be, from the values sent.
    let expect = |shifted: usize, shift: f64, wanted: Variant, metric: &str| {
        expected_tally(
            chat_ids
                .iter()
                .enumerate()
                .filter(|(_, chat_id)| variant_of[chat_id.as_str()] == wanted)
                .map(|(index, _)| {
                    let shift = if index < shifted { shift } else { 0.0 };
                    values(index, shift)
                        .iter()
                        .find(|(name, _)| *name == metric)
                        .map(|(_, value)| *value)
                        .expect("a metric sent")
                }),
        )
    };
    let check = |shown: &Experiment, shifted: usize, shift: f64| {
        for wanted in [Variant::Control, Variant::Treatment] {
            let record = arm(shown, 10, wanted);
            let members = variant_of.values().filter(|each| **each == wanted).count() as u64;
            assert_eq!(record.observed, members, "{wanted:?}");
            for metric in ["calls_lost", "interrupted"] {
                assert_eq!(
                    tally(&record, metric),
                    expect(shifted, shift, wanted, metric),
                    "{wanted:?} {metric}"
                );
            }
        }
    };
    let shown = show(&nodes, &experiment.id).await;
    check(&shown, 0, 0.0);
    assert!(
        arm(&shown, 10, Variant::Treatment).observed > 0,
        "some chats are treated"
    );

    // Observed again: the new values replace the old, so n stays and the sums move. A chat named twice in
    // one request counts once, with its last values.
    let mut repeated: Vec<Observation> = chat_ids
        .iter()
        .take(40)
        .enumerate()
        .map(|(index, chat_id)| observation(chat_id, &values(index, 10.0)))
        .collect();
    repeated.insert(0, observation(&chat_ids[1], &values(1, 50.0)));
    let counted = observe(&nodes, repeated).await.expect("observed");
    assert_eq!((counted.counted, counted.ignored), (41, 0));
    let shown = show(&nodes, &experiment.id).await;
    check(&shown, 40, 10.0);

    // Unknown metrics, a rate other than 0 or 1, an observation of nothing: refused, nothing counted.
    for (refused, needle) in [
        (
            observe(
                &nodes,
                vec![observation(&chat_ids[0], &[("happiness", 1.0)])],
            )
            .await,
            "\"happiness\" is not a metric",
        ),
        (
            observe(
                &nodes,
                vec![
                    observation(&chat_ids[0], &[("calls_lost", 100.0)]),
                    observation(&chat_ids[1], &[("interrupted", 0.5)]),
                ],
            )
            .await,
            "a rate is 0 or 1",
        ),
        (
            observe(
                &nodes,
                vec![observation(&chat_ids[0], &[("calls_lost", f64::NAN)])],
            )
            .await,
            "a finite number",
        ),
        (
            observe(&nodes, vec![observation(&chat_ids[0], &[])]).await,
            "names no metric",
        ),
    ] {
        assert!(is_bad_request(&refused, needle), "{needle}: {refused:?}");
    }
    assert_eq!(show(&nodes, &experiment.id).await, shown);

    // Only chats in no experiment: all ignored.
    let ignored = observe(
        &nodes,
        vec![
            observation("stranger-3", &[("calls_lost", 1.0)]),
            observation("stranger-4", &[("interrupted", 1.0)]),
        ],
    )
    .await
    .expect("observed");
    assert_eq!((ignored.counted, ignored.ignored), (0, 2));
    node.stop().await;
}

/// Reports one tool call of chat `chat_id` as Claude Code's PostToolUse hook does.
async fn tool_call(nodes: &NodeClient, chat_id: &str) -> RiskReport {
    // As the session's hook sends it: with the chat's secret.
    shim_tests::acting(nodes, chat_id)
        .request(
            NodeOp::Signals,
            &SignalBatch {
                chat_id: chat_id.to_owned(),
                source: SignalSource::Hook,
                at_ms: shim_actors::now_ms(),
                events: vec![SignalEvent::ToolCall {
                    tool: "Edit".to_owned(),
                    ok: true,
                    duration_ms: Some(5),
                    arguments: Some("parser.rs".to_owned()),
                    result: None,
                }],
                transcript_path: None,
                prompt: None,
                trigger: None,
            },
        )
        .await
        .expect("signals taken")
}

async fn start_session(nodes: &NodeClient, chat_id: &str) {
    let started: SessionStartReply = nodes
        .request(
            NodeOp::SessionStart,
            &SessionStartRequest {
                chat_id: Some(chat_id.to_owned()),
                client: Some("cli".to_owned()),
                ..Default::default()
            },
        )
        .await
        .expect("session started");
    assert!(started.created, "{started:?}");
    shim_tests::remember(&started);
}

/// The first chat id `prefix-<n>` the hash puts in `wanted`.
fn chat_in(experiment: &Experiment, prefix: &str, wanted: Variant) -> String {
    (0..)
        .map(|index| format!("{prefix}-{index}"))
        .find(|chat_id| hashed(experiment, chat_id) == wanted)
        .expect("some chat")
}

#[tokio::test]
async fn a_chat_runs_with_its_variants_checkpoint_interval() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let nodes = node.client().await;
    let experiment = start_experiment(&nodes).await;
    let treated = chat_in(&experiment, "run", Variant::Treatment);
    let control = chat_in(&experiment, "run", Variant::Control);
    let events = async_nats::connect(nats.url()).await.expect("connects");
    let mut exposures = EventFeed::subscribe(&events, "shim.events.kaizen.exposure").await;
    let mut triggered = EventFeed::subscribe(&events, "shim.events.checkpoint.triggered").await;

    // Each chat asks the experiment manager for its parameters as it opens, and says which it got.
    start_session(&nodes, &treated).await;
    start_session(&nodes, &control).await;
    let mut exposed: BTreeMap<String, Value> = BTreeMap::new();
    for _ in 0..2 {
        let (_, event) = exposures.next().await;
        let chat_id = event["chat_id"].as_str().expect("a chat").to_owned();
        exposed.insert(chat_id, event["data"].clone());
    }
    for (chat_id, name, value) in [(&treated, "treatment", 3.0), (&control, "control", 5.0)] {
        let data = &exposed[chat_id.as_str()];
        assert_eq!(data["experiment_id"], experiment.id.as_str(), "{data}");
        assert_eq!(data["parameter"], EVERY_CALLS, "{data}");
        assert_eq!(data["variant"], name, "{data}");
        assert_eq!(data["value"], value, "{data}");
        assert_eq!(data["stage"], 10, "{data}");
    }

    // Four tool calls in the control chat, then three in the treated one. A node's events go out in the
    // order they happen, so had the control chat's calls set off a checkpoint, its event would come first.
    for _ in 0..4 {
        tool_call(&nodes, &control).await;
    }
    for _ in 0..3 {
        tool_call(&nodes, &treated).await;
    }
    let (_, first) = triggered.next().await;
    assert_eq!(first["chat_id"], treated.as_str(), "{first}");
    assert_eq!(first["data"]["trigger"], "tool_calls", "{first}");
    // The control chat's fifth call is its first checkpoint.
    let report = tool_call(&nodes, &control).await;
    assert_eq!(report.signals.tool_calls, 5);
    let (_, second) = triggered.next().await;
    assert_eq!(second["chat_id"], control.as_str(), "{second}");
    assert_eq!(second["data"]["trigger"], "tool_calls", "{second}");

    // Both checkpoints are saved, named after the tool calls.
    for chat_id in [&treated, &control] {
        let saved = wait_until(
            || async {
                nodes
                    .request::<_, CheckpointList>(
                        NodeOp::CheckpointList,
                        &ListCheckpointsRequest {
                            chat_id: Some(chat_id.clone()),
                            limit: None,
                        },
                    )
                    .await
                    .is_ok_and(|list| {
                        list.checkpoints.len() == 1
                            && list.checkpoints[0].trigger == CheckpointTrigger::ToolCalls
                    })
            },
            DEADLINE,
            POLL,
        )
        .await;
        assert!(saved, "{chat_id}'s automatic checkpoint is saved");
    }
    node.stop().await;
}

/// A prompt of the development set that a lean of +1.1 sends one tier up, with its category.
fn leaned_prompt() -> (String, String, Tier, Tier) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/routing_dev.jsonl");
    let set = std::fs::read_to_string(path).expect("development set");
    let models = TierModels::default();
    set.lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter_map(|item| item["prompt"].as_str().map(str::to_owned))
        .find_map(|prompt| {
            let plain = route(&prompt, &models, &RouteOptions::default());
            let leaned = route(
                &prompt,
                &models,
                &RouteOptions {
                    lean: 1.1,
                    ..RouteOptions::default()
                },
            );
            (leaned.model > plain.model).then_some((
                prompt,
                plain.task_type,
                plain.model,
                leaned.model,
            ))
        })
        .expect("a prompt the lean moves")
}

async fn route_for(nodes: &NodeClient, chat_id: Option<&str>, prompt: &str) -> RouteReply {
    nodes
        .request_service(
            ROUTER_ROUTE,
            &RouteRequest {
                prompt: prompt.to_owned(),
                strategy: None,
                chat_id: chat_id.map(str::to_owned),
            },
        )
        .await
        .expect("routed")
}

/// A routing experiment waits for a person; once approved, a treated chat's prompt goes a tier up and
/// the control chat's does not; a value the parameter store holds reaches every chat's routing.
#[tokio::test]
async fn a_chat_routes_with_its_variants_lean_and_the_stores_value_reaches_every_chat() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let nodes = node.client().await;
    let (prompt, category, plain, leaned) = leaned_prompt();
    let parameter = format!("routing.lean.{category}");
    let mut request = proposal(&parameter, 1.1, "detector:routing-overrides");
    request.primary = None;
    request.baseline = Some(0.3);
    request.baseline_sd = Some(0.46);
    let waiting = propose(&nodes, &request).await;
    assert_eq!(
        waiting.status,
        ExperimentStatus::AwaitingApproval,
        "{waiting:#?}"
    );
    assert_eq!(waiting.primary.name, "override_rate");
    let guarded: Vec<&str> = waiting
        .guardrails
        .iter()
        .map(|guardrail| guardrail.metric.name.as_str())
        .collect();
    assert_eq!(
        guarded,
        ["interrupted", "cost_usd", "latency_ms"],
        "the primary is not a guardrail too"
    );
    let experiment: Experiment = kaizen(
        &nodes,
        KaizenOp::Approve,
        &ExperimentIdRequest {
            id: waiting.id.clone(),
            by: Some("ana".to_owned()),
            reason: None,
        },
    )
    .await
    .expect("approved");
    assert_eq!(
        (experiment.status, experiment.stage),
        (ExperimentStatus::Running, 10)
    );

    let treated = chat_in(&experiment, "lean", Variant::Treatment);
    let control = chat_in(&experiment, "lean", Variant::Control);
    let events = async_nats::connect(nats.url()).await.expect("connects");
    let mut exposures = EventFeed::subscribe(&events, "shim.events.kaizen.exposure").await;
    start_session(&nodes, &treated).await;
    start_session(&nodes, &control).await;
    // A chat hands its routing values to the router before it says which it got.
    for _ in 0..2 {
        exposures.next().await;
    }
    let routed = route_for(&nodes, Some(&treated), &prompt).await;
    assert_eq!(routed.model, leaned.as_str(), "{routed:?}");
    assert!(
        routed
            .reasoning
            .contains("a lean of +1.10 from the routing parameters"),
        "{}",
        routed.reasoning
    );
    let routed = route_for(&nodes, Some(&control), &prompt).await;
    assert_eq!(routed.model, plain.as_str(), "{routed:?}");
    let routed = route_for(&nodes, None, &prompt).await;
    assert_eq!(routed.model, plain.as_str(), "no chat: the values in force");

    // The parameter store's value (what a shipped experiment writes) reaches the routing of chats the
    // router has not heard of, within its refresh.
    let js = jetstream::new(events.clone());
    let bucket = js
        .get_key_value(KaizenNames::live().bucket)
        .await
        .expect("the kaizen bucket");
    let set = serde_json::json!({
        "version": 1,
        "values": {parameter: {"value": 1.1, "version": 1, "set_at_ms": 1, "improvement_id": "exp-9"}},
    });
    put_json(&bucket, "params", &set).await;
    let reached = wait_until(
        || async {
            route_for(&nodes, Some("lean-unknown"), &prompt).await.model == leaned.as_str()
        },
        Duration::from_secs(30),
        POLL,
    )
    .await;
    assert!(reached, "the value in force reached the router");
    let routed = route_for(&nodes, Some(&control), &prompt).await;
    assert_eq!(
        routed.model,
        plain.as_str(),
        "a chat keeps the values it opened with"
    );
    node.stop().await;
}

/// Sets working hours twelve hours away from now in the profile of the node with `data_dir`: the sessions a test
/// makes start now, so the hours observed from them would keep the loop from proposing; hours set replace them.
fn set_hours_away(data_dir: &std::path::Path) {
    let away = (shim_node::profile::local_hour_now() + 12) % 24;
    let mut profile = shim_node::profile::Profile::default();
    profile
        .set("hours", &format!("{away}-{}", away + 1))
        .expect("hours");
    shim_node::profile::save(data_dir, &profile).expect("saved");
}

/// The live loop's detector reads the routing decisions and overrides of the analytics store: a task type
/// whose prompts users keep sending a tier up gets a proposal to lean it up, which waits for a person.
#[tokio::test]
async fn the_loop_proposes_a_lean_for_a_task_type_users_keep_overriding_upwards() {
    let nats = NatsServer::start();
    let (mut config, data_dir) = TestNode::config(&nats.url());
    config.kaizen.look_every_s = 1;
    config.kaizen.detect_every_s = 1;
    // The twenty sessions below all start this hour: observed working hours would hold the loop back now.
    // Working hours set in the profile, twelve hours away, replace the observed ones.
    set_hours_away(&config.data_dir);
    let node = TestNode::start_with(config, data_dir).await;
    let nodes = node.client().await;
    let prompt = "what is a mutex?";
    let routed = route_for(&nodes, None, prompt).await;
    assert_eq!(
        (routed.model.as_str(), routed.task_type.as_str()),
        ("haiku", "explain")
    );
    // Twenty sessions that each route three such prompts and send one a tier up, then end: the task type's
    // evidence, and the sessions' override rates the plan is made from.
    for index in 0..20 {
        let chat_id = format!("asker-{index}");
        start_session(&nodes, &chat_id).await;
        for _ in 0..3 {
            route_for(&nodes, Some(&chat_id), prompt).await;
        }
        let _: OverrideReply = nodes
            .request_service(
                ROUTER_OVERRIDE,
                &OverrideRequest {
                    prompt: prompt.to_owned(),
                    recommended: "haiku".to_owned(),
                    chosen: "sonnet".to_owned(),
                    reason: None,
                    chat_id: Some(chat_id.clone()),
                },
            )
            .await
            .expect("recorded");
        let _: SessionEndReply = shim_tests::acting(&nodes, &chat_id)
            .request(
                NodeOp::SessionEnd,
                &SessionEndRequest {
                    chat_id: chat_id.clone(),
                    reason: Some("done".to_owned()),
                    claude_pid: None,
                },
            )
            .await
            .expect("ended");
    }
    let lean_proposed = || async {
        let list: ExperimentList = kaizen(&nodes, KaizenOp::List, &()).await.expect("listed");
        list.experiments
            .into_iter()
            .find(|experiment| experiment.parameter == "routing.lean.explain")
    };
    let proposed = wait_until(|| async { lean_proposed().await.is_some() }, DEADLINE, POLL).await;
    assert!(proposed, "the detector proposed a lean for explain prompts");
    let experiment = lean_proposed().await.expect("found");
    let baseline = experiment.plan.baseline;
    assert!(
        (baseline - 1.0 / 3.0).abs() < 1e-9,
        "the sessions' override rate, one of three each: {baseline}"
    );
    assert_eq!(
        experiment.status,
        ExperimentStatus::AwaitingApproval,
        "{experiment:#?}"
    );
    assert_eq!((experiment.control, experiment.treatment), (0.0, 0.55));
    assert_eq!(experiment.source, "detector:routing-overrides");
    assert!(
        experiment.evidence[0]
            .starts_with("33% of explain prompts (20 of 61) were overridden to a higher tier"),
        "{:?}",
        experiment.evidence
    );
    node.stop().await;
}

/// Sessions interrupted far from their last checkpoint and never warned: both session rules of the live
/// loop's detector fire, one for the checkpoint interval and one for the risk warning, aimed at the same
/// outcome. The loop tries them as one variant of both parameters, which starts by itself at 10%.
#[tokio::test]
async fn the_loop_tries_a_checkpoint_and_a_risk_change_for_one_outcome_as_one_variant() {
    let nats = NatsServer::start();
    let now = shim_actors::now_ms();
    let records: Vec<Value> = (0..60)
        .map(|index| {
            let interrupted = index < 25;
            serde_json::json!({
                "chat_id": format!("past-{index}"),
                "started_at_ms": now - 3_600_000,
                "ended_at_ms": now - 600_000,
                "last_seen_ms": now - 600_000,
                "tool_calls": 49,
                "checkpoints": 8,
                "last_checkpoint_tool_calls": if interrupted { 40 } else { 49 },
                "outcome": if interrupted { "interrupted" } else { "clean" },
            })
        })
        .collect();
    shim_tests::plant_sessions(&nats.url(), &records).await;
    let (mut config, data_dir) = TestNode::config(&nats.url());
    config.kaizen.detect_every_s = 1;
    // The sessions started an hour ago: working hours set twelve hours away let the loop propose now.
    set_hours_away(&config.data_dir);
    let node = TestNode::start_with(config, data_dir).await;
    let nodes = node.client().await;
    let proposed = || async {
        let list: ExperimentList = kaizen(&nodes, KaizenOp::List, &()).await.expect("listed");
        list.experiments
    };
    assert!(
        wait_until(|| async { !proposed().await.is_empty() }, DEADLINE, POLL).await,
        "the detector proposed nothing"
    );
    let experiments = proposed().await;
    assert_eq!(
        experiments.len(),
        1,
        "one variant, not two experiments: {experiments:#?}"
    );
    let experiment = &experiments[0];
    assert_eq!(experiment.source, "detector:checkpoint-gap+missed-warning");
    assert_eq!(
        experiment.status,
        ExperimentStatus::Running,
        "{experiment:#?}"
    );
    let changes: Vec<(String, f64, f64)> = experiment
        .changes()
        .iter()
        .map(|change| (change.parameter.clone(), change.control, change.treatment))
        .collect();
    assert_eq!(
        changes,
        vec![
            (EVERY_CALLS.to_owned(), 5.0, 3.0),
            ("risk.calls_since_checkpoint_warning".to_owned(), 10.0, 7.0),
        ]
    );
    node.stop().await;
}

/// The session record of `chat_id` in the analytics store, once it has an outcome.
async fn session_outcome(nodes: &NodeClient, chat_id: &str) -> Option<SessionOutcome> {
    let list: SessionList = nodes
        .request_service(
            ANALYTICS_SESSIONS,
            &SessionsRequest {
                since_ms: 0,
                ..Default::default()
            },
        )
        .await
        .ok()?;
    list.sessions
        .into_iter()
        .find(|session| session.chat_id == chat_id)?
        .outcome
}

#[tokio::test]
async fn a_sessions_outcome_is_counted_into_its_experiment() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    assert!(
        node.config_ref().analytics.enabled,
        "the analytics store is on"
    );
    let nodes = node.client().await;
    let js = jetstream::new(async_nats::connect(nats.url()).await.expect("connects"));
    let consumer_ready = wait_until(
        || async {
            match js.get_stream("SHIM_EVENTS").await {
                Ok(stream) => stream
                    .consumer_info("kaizen-outcomes")
                    .await
                    .is_ok_and(|info| info.config.filter_subject == "shim.events.sessions.outcome"),
                Err(_) => false,
            }
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(
        consumer_ready,
        "the node follows outcomes with its consumer"
    );
    let experiment = start_experiment(&nodes).await;
    let chat_id = chat_in(&experiment, "outcome", Variant::Treatment);
    let other = chat_in(&experiment, "outcome", Variant::Control);

    // A treated session works (three tool calls: one automatic checkpoint) and ends cleanly; another
    // chat is assigned but its session is still open.
    start_session(&nodes, &chat_id).await;
    start_session(&nodes, &other).await;
    for _ in 0..3 {
        tool_call(&nodes, &chat_id).await;
    }
    let checkpointed = wait_until(
        || async {
            nodes
                .request::<_, CheckpointList>(
                    NodeOp::CheckpointList,
                    &ListCheckpointsRequest {
                        chat_id: Some(chat_id.clone()),
                        limit: None,
                    },
                )
                .await
                .is_ok_and(|list| list.checkpoints.len() == 1)
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(checkpointed, "the treated chat checkpoints after 3 calls");
    // Claude Code's telemetry reports two of its API requests, 1 s and 3 s, $0.0125 each; the record has
    // them before the session ends.
    let export = shim_tests::otlp::logs(vec![
        shim_tests::otlp::api_request(&chat_id, 1_000, 10),
        shim_tests::otlp::api_request(&chat_id, 3_000, 20),
    ]);
    let response = node
        .otlp()
        .post(
            "/v1/logs",
            &[("Content-Type", "application/x-protobuf")],
            &prost::Message::encode_to_vec(&export),
        )
        .await;
    assert_eq!(response.status, 200);
    let reported = wait_until(
        || async {
            nodes
                .request_service::<_, SessionList>(
                    ANALYTICS_SESSIONS,
                    &SessionsRequest {
                        since_ms: 0,
                        ..Default::default()
                    },
                )
                .await
                .is_ok_and(|list| {
                    list.sessions
                        .iter()
                        .any(|session| session.chat_id == chat_id && session.api_requests == 2)
                })
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(reported, "the session record sums the telemetry");
    let ended: SessionEndReply = shim_tests::acting(&nodes, &chat_id)
        .request(
            NodeOp::SessionEnd,
            &SessionEndRequest {
                chat_id: chat_id.clone(),
                reason: Some("done".to_owned()),
                claude_pid: None,
            },
        )
        .await
        .expect("ended");
    assert_eq!(ended.chat_id, chat_id);

    // The outcome is decided by the analytics store, and the consumer counts it into the treatment at 10%.
    let counted = wait_until(
        || async { arm(&show(&nodes, &experiment.id).await, 10, Variant::Treatment).observed == 1 },
        DEADLINE,
        Duration::from_millis(100),
    )
    .await;
    let shown = show(&nodes, &experiment.id).await;
    assert!(
        counted,
        "the outcome is counted: {shown:#?}\noutcome {:?}",
        session_outcome(&nodes, &chat_id).await
    );
    assert_eq!(
        session_outcome(&nodes, &chat_id).await,
        Some(SessionOutcome::Clean)
    );
    let treated = arm(&shown, 10, Variant::Treatment);
    let one = |value: f64| Tally {
        n: 1,
        sum: value,
        sum_sq: value * value,
    };
    assert_eq!(tally(&treated, "interrupted"), one(0.0), "{treated:?}");
    assert_eq!(tally(&treated, "calls_lost"), one(0.0), "{treated:?}");
    assert_eq!(tally(&treated, "checkpoints"), one(1.0), "{treated:?}");
    // Cost and latency observed live, from the session's telemetry.
    assert_eq!(tally(&treated, "cost_usd"), one(0.025), "{treated:?}");
    assert_eq!(tally(&treated, "latency_ms"), one(2_000.0), "{treated:?}");
    let control = arm(&shown, 10, Variant::Control);
    assert_eq!(control.observed, 0, "{control:?}");
    assert!(control.metrics.is_empty(), "{control:?}");
    assert_eq!((treated.exposed, control.exposed), (1, 1));
    node.stop().await;
}

/// The actions of the audit, as `shim_kaizen_decisions_total` labels them.
const ACTIONS: [&str; 9] = [
    "proposed",
    "refused",
    "approved",
    "started",
    "advanced",
    "shipped",
    "rolled_back",
    "stopped",
    "reverted",
];

/// The value of `name` on the node's `/metrics`, the series with `labels` added up.
async fn exposed(node: &TestNode, name: &str, labels: &[&str]) -> f64 {
    metric_value(&node.metrics().await, name, labels)
        .unwrap_or_else(|| panic!("{name} {labels:?} is on /metrics"))
}

/// `shim_kaizen_decisions_total` by action.
async fn decisions(node: &TestNode) -> BTreeMap<&'static str, f64> {
    let mut counts = BTreeMap::new();
    for action in ACTIONS {
        let label = format!("action=\"{action}\"");
        counts.insert(
            action,
            exposed(node, "shim_kaizen_decisions_total", &[&label]).await,
        );
    }
    counts
}

/// `shim_kaizen_exposures_total` of the control and the treatment.
async fn exposures(node: &TestNode) -> (f64, f64) {
    let name = "shim_kaizen_exposures_total";
    (
        exposed(node, name, &["variant=\"control\""]).await,
        exposed(node, name, &["variant=\"treatment\""]).await,
    )
}

async fn observations(node: &TestNode) -> f64 {
    exposed(node, "shim_kaizen_observations_total", &[]).await
}

#[tokio::test]
async fn the_managers_decisions_assignments_and_counted_outcomes_are_on_the_nodes_metrics() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let nodes = node.client().await.with_timeout(Duration::from_secs(30));
    wait_for_kaizen(&nodes).await;

    // Every series is there before the first decision, at 0.
    let mut expected: BTreeMap<&str, f64> = ACTIONS.iter().map(|action| (*action, 0.0)).collect();
    assert_eq!(decisions(&node).await, expected);
    assert_eq!(exposures(&node).await, (0.0, 0.0));
    assert_eq!(observations(&node).await, 0.0);

    // One refused; one waiting for a person, approved, then stopped; one started by itself.
    let refused = propose(
        &nodes,
        &proposal(EVERY_CALLS, 1.0, "detector:checkpoint-gap"),
    )
    .await;
    assert_eq!(refused.status, ExperimentStatus::Refused);
    let waiting = propose(
        &nodes,
        &proposal("risk.messages_warning", 30.0, "person:ana"),
    )
    .await;
    let by_ana = ExperimentIdRequest {
        id: waiting.id.clone(),
        by: Some("ana".to_owned()),
        reason: Some("enough".to_owned()),
    };
    let approved: Experiment = kaizen(&nodes, KaizenOp::Approve, &by_ana)
        .await
        .expect("approved");
    assert_eq!(approved.status, ExperimentStatus::Running);
    let stopped: Experiment = kaizen(&nodes, KaizenOp::Stop, &by_ana)
        .await
        .expect("stopped");
    assert_eq!(stopped.status, ExperimentStatus::Stopped);
    let running = start_experiment(&nodes).await;
    for (action, count) in [
        ("proposed", 3.0),
        ("refused", 1.0),
        ("approved", 1.0),
        ("started", 2.0),
        ("stopped", 1.0),
    ] {
        expected.insert(action, count);
    }
    assert_eq!(decisions(&node).await, expected);

    // Enough chats for the look at 10%: each counted once, in its variant, however often it is assigned.
    let canary = running.plan.canary_units as usize;
    let mut chat_ids: Vec<String> = Vec::new();
    let mut treated = 0;
    while treated < canary || chat_ids.len() - treated < canary {
        let chat_id = format!("metered-{}", chat_ids.len());
        if hashed(&running, &chat_id) == Variant::Treatment {
            treated += 1;
        }
        chat_ids.push(chat_id);
    }
    for _ in 0..2 {
        for batch in chat_ids.chunks(1_000) {
            assign(&nodes, batch).await.expect("assigned");
        }
    }
    let control = chat_ids.len() - treated;
    assert_eq!(
        exposures(&node).await,
        (control as f64, treated as f64),
        "{} chats",
        chat_ids.len()
    );

    // Every outcome the manager counts into an experiment, a repeated one too; chats in none are not.
    let mut counted = 0;
    for batch in chat_ids.chunks(1_000) {
        let mut outcomes: Vec<Observation> = batch
            .iter()
            .enumerate()
            .map(|(index, chat_id)| {
                observation(
                    chat_id,
                    &[("calls_lost", (index % 7) as f64), ("interrupted", 0.0)],
                )
            })
            .collect();
        outcomes.push(observation("stranger-1", &[("calls_lost", 1.0)]));
        counted += observe(&nodes, outcomes).await.expect("observed").counted;
    }
    assert_eq!(counted, chat_ids.len() as u64);
    let again = observe(
        &nodes,
        vec![observation(&chat_ids[0], &[("calls_lost", 2.0)])],
    )
    .await
    .expect("observed");
    counted += again.counted;
    assert_eq!(observations(&node).await, (chat_ids.len() + 1) as f64);
    assert_eq!(observations(&node).await, counted as f64);

    // The look at 10% is due: the loop's decision is counted under its action, as the audit has it.
    let manager = ExperimentManager::find(node.node_id()).expect("the node runs its manager");
    let decided = ractor::call_t!(manager, ExperimentManagerMessage::Tick, 30_000, None)
        .expect("the manager answers")
        .expect("it looked");
    let [entry] = decided.as_slice() else {
        panic!("one decision: {decided:#?}");
    };
    assert_eq!(entry.experiment_id, running.id);
    assert!(
        ["advanced", "rolled_back", "stopped"].contains(&entry.action.as_str()),
        "{entry:#?}"
    );
    let action = ACTIONS
        .into_iter()
        .find(|action| *action == entry.action)
        .expect("a known action");
    *expected.entry(action).or_default() += 1.0;
    assert_eq!(decisions(&node).await, expected);
    let audit: AuditList = kaizen(
        &nodes,
        KaizenOp::Audit,
        &AuditRequest {
            since_ms: 0,
            experiment_id: None,
        },
    )
    .await
    .expect("audit");
    let mut audited: BTreeMap<&str, f64> = ACTIONS.iter().map(|action| (*action, 0.0)).collect();
    for entry in &audit.entries {
        *audited
            .get_mut(entry.action.as_str())
            .unwrap_or_else(|| panic!("{} is an action", entry.action)) += 1.0;
    }
    assert_eq!(audited, expected, "the audit and /metrics agree");
    node.stop().await;
}

/// A detector's proposal that sets several parameters at once.
fn proposal_of(values: &[(&str, f64)], source: &str) -> ProposeRequest {
    let label = values
        .iter()
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .join(" + ");
    ProposeRequest {
        parameter: label.clone(),
        treatment: values[0].1,
        changes: values
            .iter()
            .map(|(parameter, value)| ProposedValue {
                parameter: (*parameter).to_owned(),
                value: *value,
            })
            .collect(),
        hypothesis: format!("{label} together lose fewer tool calls"),
        evidence: vec!["test".to_owned()],
        source: source.to_owned(),
        primary: Some("calls_lost".to_owned()),
        baseline: Some(2.0),
        baseline_sd: Some(2.0),
    }
}

fn changes_of(entry: &AuditEntry) -> Vec<(&str, f64, f64)> {
    entry
        .changes
        .iter()
        .map(|change| (change.parameter.as_str(), change.control, change.treatment))
        .collect()
}

async fn audit_of(nodes: &NodeClient, id: &str) -> AuditList {
    kaizen(
        nodes,
        KaizenOp::Audit,
        &AuditRequest {
            since_ms: 0,
            experiment_id: Some(id.to_owned()),
        },
    )
    .await
    .expect("audit")
}

/// A change across components: checkpoints (approved by itself) with a routing lean (a person approves):
/// it waits for a person, naming routing only; approved, a treated chat runs with both values and a control
/// chat with neither; made worse at its first look, both are rolled back together and audited by name.
#[tokio::test]
async fn a_change_across_components_waits_for_approval_runs_whole_and_rolls_back_whole() {
    const LEAN: &str = "routing.lean.design";
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let nodes = node.client().await.with_timeout(Duration::from_secs(30));
    wait_for_kaizen(&nodes).await;

    let waiting = propose(
        &nodes,
        &proposal_of(&[(EVERY_CALLS, 3.0), (LEAN, 0.55)], "detector:test"),
    )
    .await;
    assert_eq!(
        waiting.status,
        ExperimentStatus::AwaitingApproval,
        "{waiting:#?}"
    );
    assert_eq!(
        waiting.reason,
        "routing changes need a person's approval (shim-node experiments approve ID)"
    );
    assert_eq!(
        waiting
            .changes()
            .iter()
            .map(|change| (change.parameter.as_str(), change.control, change.treatment))
            .collect::<Vec<_>>(),
        [(EVERY_CALLS, 5.0, 3.0), (LEAN, 0.0, 0.55)]
    );
    // A routing value brings the users' own judgement in as a guardrail.
    assert!(
        waiting
            .guardrails
            .iter()
            .any(|guardrail| guardrail.metric.name == "override_rate")
    );
    // Waiting, it assigns nothing.
    let idle = assign(&nodes, &["idle-1".to_owned()])
        .await
        .expect("assigned");
    assert!(idle.chats[0].assignments.is_empty());

    let approved: Experiment = kaizen(
        &nodes,
        KaizenOp::Approve,
        &ExperimentIdRequest {
            id: waiting.id.clone(),
            by: Some("ana".to_owned()),
            reason: None,
        },
    )
    .await
    .expect("approved");
    assert_eq!(
        (approved.status, approved.stage),
        (ExperimentStatus::Running, 10)
    );

    // Enough chats for the look at 10%.
    let canary = approved.plan.canary_units as usize;
    let mut chat_ids: Vec<String> = Vec::new();
    let mut treated = 0;
    while treated < canary || chat_ids.len() - treated < canary {
        let chat_id = format!("across-{}", chat_ids.len());
        if hashed(&approved, &chat_id) == Variant::Treatment {
            treated += 1;
        }
        chat_ids.push(chat_id);
    }
    let mut observations = Vec::new();
    for batch in chat_ids.chunks(1_000) {
        let reply = assign(&nodes, batch).await.expect("assigned");
        for chat in &reply.chats {
            let [assignment] = chat.assignments.as_slice() else {
                panic!("one experiment: {chat:?}");
            };
            assert_eq!(assignment.variant, hashed(&approved, &chat.chat_id));
            assert!(!assignment.capped, "an approved experiment is not capped");
            let (every_calls, lean, lost) = match assignment.variant {
                Variant::Treatment => (3.0, 0.55, 6.0),
                Variant::Control => (5.0, 0.0, 1.0),
            };
            assert_eq!(chat.values.get(EVERY_CALLS), Some(&every_calls), "{chat:?}");
            assert_eq!(chat.values.get(LEAN), Some(&lean), "{chat:?}");
            assert_eq!(
                assignment.values,
                BTreeMap::from([
                    (EVERY_CALLS.to_owned(), every_calls),
                    (LEAN.to_owned(), lean)
                ])
            );
            let noise = (observations.len() % 5) as f64 * 0.5;
            observations.push(observation(
                &chat.chat_id,
                &[("calls_lost", lost + noise), ("interrupted", 0.0)],
            ));
        }
    }
    for batch in observations.chunks(1_000) {
        observe(&nodes, batch.to_vec()).await.expect("observed");
    }

    // The look: clearly worse, so the whole variant is rolled back.
    let manager = ExperimentManager::find(node.node_id()).expect("the node runs its manager");
    let decided = ractor::call_t!(manager, ExperimentManagerMessage::Tick, 30_000, None)
        .expect("the manager answers")
        .expect("it looked");
    let [entry] = decided.as_slice() else {
        panic!("one decision: {decided:#?}");
    };
    assert_eq!(entry.action, "rolled_back", "{entry:#?}");
    assert_eq!(
        changes_of(entry),
        [(EVERY_CALLS, 5.0, 3.0), (LEAN, 0.0, 0.55)]
    );
    let rolled_back = show(&nodes, &waiting.id).await;
    assert_eq!(rolled_back.status, ExperimentStatus::RolledBack);
    // New chats get neither value; the parameter store never changed.
    let after = assign(&nodes, &["after-1".to_owned()])
        .await
        .expect("assigned");
    assert!(after.chats[0].assignments.is_empty());
    assert_eq!(after.chats[0].values.get(EVERY_CALLS), Some(&5.0));
    assert_eq!(after.chats[0].values.get(LEAN), Some(&0.0));
    let parameters: ParameterList = kaizen(&nodes, KaizenOp::Parameters, &())
        .await
        .expect("parameters");
    assert_eq!(parameters.version, 0);
    // Every entry of its audit names both parameters.
    let audit = audit_of(&nodes, &waiting.id).await;
    let actions: Vec<&str> = audit
        .entries
        .iter()
        .map(|entry| entry.action.as_str())
        .collect();
    assert_eq!(actions, ["proposed", "approved", "started", "rolled_back"]);
    for entry in &audit.entries {
        assert_eq!(
            changes_of(entry),
            [(EVERY_CALLS, 5.0, 3.0), (LEAN, 0.0, 0.55)],
            "{entry:#?}"
        );
    }
    node.stop().await;
}

/// The per-chat cap: two automatic experiments, of two parameters and then one, under the default cap of 2.
/// A chat in the first's treatment is kept in the control of the second and left out of its statistics; the
/// others are placed by the hash alone. A variant of more parameters than the cap is refused unless a person
/// proposes it.
#[tokio::test]
async fn a_chat_runs_with_at_most_the_caps_automatic_changes() {
    const WARNING: &str = "risk.calls_since_checkpoint_warning";
    const MINUTES: &str = "checkpoint.every_minutes";
    let nats = NatsServer::start();
    let (mut config, data_dir) = TestNode::config(&nats.url());
    config.kaizen.max_auto_changes_per_day = 5;
    assert_eq!(config.kaizen.max_auto_changes_per_chat, 2, "the default");
    let node = TestNode::start_with(config, data_dir).await;
    let nodes = node.client().await.with_timeout(Duration::from_secs(30));
    wait_for_kaizen(&nodes).await;

    let first = propose(
        &nodes,
        &proposal_of(&[(EVERY_CALLS, 3.0), (WARNING, 7.0)], "detector:test"),
    )
    .await;
    assert_eq!(first.status, ExperimentStatus::Running, "{first:#?}");
    let second = propose(&nodes, &proposal(MINUTES, 5.0, "detector:test")).await;
    assert_eq!(second.status, ExperimentStatus::Running, "{second:#?}");
    let three = [
        ("risk.messages_warning", 30.0),
        ("risk.context_warning", 0.55),
        ("risk.context_danger", 0.7),
    ];
    let too_many = propose(&nodes, &proposal_of(&three, "detector:test")).await;
    assert_eq!(too_many.status, ExperimentStatus::Refused);
    assert!(
        too_many
            .reason
            .contains("kaizen.max_auto_changes_per_chat = 2"),
        "{}",
        too_many.reason
    );
    let by_person = propose(&nodes, &proposal_of(&three, "person:ana")).await;
    assert_eq!(by_person.status, ExperimentStatus::AwaitingApproval);

    let in_force = BTreeMap::from([(EVERY_CALLS, 5.0), (WARNING, 10.0), (MINUTES, 10.0)]);
    let chat_ids: Vec<String> = (0..1_000).map(|index| format!("capped-{index}")).collect();
    let reply = assign(&nodes, &chat_ids).await.expect("assigned");
    let mut counted_in_second = 0;
    let mut capped = 0;
    for chat in &reply.chats {
        let changed = in_force
            .iter()
            .filter(|(name, value)| chat.values.get(**name) != Some(value))
            .count();
        assert!(changed <= 2, "{chat:?} runs with {changed} changed");
        let [in_first, in_second] = chat.assignments.as_slice() else {
            panic!("two experiments, in the order they started: {chat:?}");
        };
        assert_eq!(in_first.experiment_id, first.id);
        assert_eq!(in_first.variant, hashed(&first, &chat.chat_id));
        assert!(!in_first.capped);
        assert_eq!(in_second.experiment_id, second.id);
        if in_first.variant == Variant::Treatment {
            assert!(in_second.capped, "{chat:?}");
            assert_eq!(in_second.variant, Variant::Control);
            assert_eq!(chat.values.get(MINUTES), Some(&10.0));
            capped += 1;
        } else {
            assert!(!in_second.capped, "{chat:?}");
            assert_eq!(in_second.variant, hashed(&second, &chat.chat_id));
            counted_in_second += 1;
        }
    }
    assert!(capped > 50, "about one in ten: {capped}");
    // The same chats again: the same places.
    assert_eq!(assign(&nodes, &chat_ids).await.expect("assigned"), reply);

    // The second experiment counts only the chats the cap left to the hash, exposed and observed.
    let shown = show(&nodes, &second.id).await;
    let stage = &shown.stages[0];
    assert_eq!(
        stage.control.exposed + stage.treatment.exposed,
        counted_in_second
    );
    let outcomes: Vec<Observation> = chat_ids
        .iter()
        .map(|chat_id| observation(chat_id, &[("calls_lost", 1.0)]))
        .collect();
    let observed = observe(&nodes, outcomes).await.expect("observed");
    assert_eq!(observed.counted, 1_000 + counted_in_second);
    let shown = show(&nodes, &second.id).await;
    let stage = &shown.stages[0];
    assert_eq!(
        stage.control.observed + stage.treatment.observed,
        counted_in_second
    );
    node.stop().await;
}

/// Warning below danger is checked on the values a chat can run with together: the variant's own values at
/// once, and with the treatments of the experiments already open.
#[tokio::test]
async fn bounds_are_checked_on_the_combination_a_chat_would_run_with() {
    let nats = NatsServer::start();
    let (mut config, data_dir) = TestNode::config(&nats.url());
    config.kaizen.max_auto_changes_per_day = 5;
    let node = TestNode::start_with(config, data_dir).await;
    let nodes = node.client().await.with_timeout(Duration::from_secs(30));
    wait_for_kaizen(&nodes).await;

    // Each alone is fine against the values in force (0.75 and 0.6); together the warning is not below.
    let together = propose(
        &nodes,
        &proposal_of(
            &[("risk.context_warning", 0.7), ("risk.context_danger", 0.65)],
            "detector:test",
        ),
    )
    .await;
    assert_eq!(together.status, ExperimentStatus::Refused);
    assert!(
        together
            .reason
            .contains("risk.context_warning = 0.7 would not be below risk.context_danger = 0.65"),
        "{}",
        together.reason
    );
    // One value out of its bounds refuses the whole variant.
    let outside = propose(
        &nodes,
        &proposal_of(
            &[(EVERY_CALLS, 3.0), ("risk.context_danger", 0.95)],
            "detector:test",
        ),
    )
    .await;
    assert_eq!(outside.status, ExperimentStatus::Refused);
    assert!(
        outside
            .reason
            .contains("risk.context_danger = 0.95 is outside its safety bounds [0.5, 0.9]"),
        "{}",
        outside.reason
    );
    // Split over two experiments: a chat in both treatments would have the pair the wrong way round.
    let warning = propose(
        &nodes,
        &proposal("risk.context_warning", 0.7, "detector:test"),
    )
    .await;
    assert_eq!(warning.status, ExperimentStatus::Running, "{warning:#?}");
    let danger = propose(
        &nodes,
        &proposal("risk.context_danger", 0.65, "detector:test"),
    )
    .await;
    assert_eq!(danger.status, ExperimentStatus::Refused);
    assert!(
        danger.reason.contains(&format!(
            "for a chat also in the treatment of {}",
            warning.id
        )),
        "{}",
        danger.reason
    );
    // A parameter named twice, or one already being tested inside a variant, is refused.
    assert!(is_bad_request(
        &kaizen::<_, Experiment>(
            &nodes,
            KaizenOp::Propose,
            &proposal_of(&[(EVERY_CALLS, 3.0), (EVERY_CALLS, 4.0)], "detector:test"),
        )
        .await,
        "set twice"
    ));
    let busy = propose(
        &nodes,
        &proposal_of(
            &[(EVERY_CALLS, 3.0), ("risk.context_warning", 0.5)],
            "detector:test",
        ),
    )
    .await;
    assert_eq!(busy.status, ExperimentStatus::Refused);
    assert!(
        busy.reason.contains(&format!(
            "risk.context_warning is already being tested by {}",
            warning.id
        )),
        "{}",
        busy.reason
    );
    node.stop().await;
}

/// Runs the loop's look on `node` and returns the experiments stopped, by this look or by the node's own look
/// that may have run since the test's last write (the node looks once as it starts): the audit has each stop
/// once, by the loop.
async fn stopped_by_a_look(node: &TestNode, nodes: &NodeClient, ids: &[&str]) -> Vec<String> {
    let manager = ExperimentManager::find(node.node_id()).expect("the node runs its manager");
    let decided = ractor::call_t!(manager, ExperimentManagerMessage::Tick, 30_000, None)
        .expect("the manager answers")
        .expect("it looked");
    assert!(
        decided.iter().all(|entry| entry.action == "stopped"),
        "{decided:#?}"
    );
    let mut stopped = Vec::new();
    for id in ids {
        let audit = audit_of(nodes, id).await;
        let stops: Vec<&AuditEntry> = audit
            .entries
            .iter()
            .filter(|entry| entry.action == "stopped")
            .collect();
        assert!(stops.len() <= 1, "{audit:#?}");
        if let Some(stop) = stops.first() {
            assert_eq!(stop.by, "loop");
            stopped.push((*id).to_owned());
        }
    }
    stopped
}

/// A node with the Kaizen loop, a client of it, and the loop's bucket read directly.
async fn node_with_its_bucket() -> (NatsServer, TestNode, NodeClient, jetstream::kv::Store) {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let nodes = node.client().await.with_timeout(Duration::from_secs(30));
    wait_for_kaizen(&nodes).await;
    let js = jetstream::new(async_nats::connect(nats.url()).await.expect("connects"));
    let bucket = js
        .get_key_value(KaizenNames::live().bucket)
        .await
        .expect("the kaizen bucket");
    (nats, node, nodes, bucket)
}

/// An experiment stored before an experiment could change several parameters (no `changes` in its JSON)
/// still loads, is listed, and its revert restores its parameter, audited by name.
#[tokio::test]
async fn a_single_parameter_experiment_stored_before_variants_of_several_still_loads_and_reverts() {
    let (_nats, node, nodes, bucket) = node_with_its_bucket().await;
    let mut stored = shipped_record("exp-41", EVERY_CALLS, 5.0, 3.0, 6_000);
    stored.as_object_mut().expect("an object").remove("changes");
    put_json(&bucket, "exp.exp-41", &stored).await;
    let set = serde_json::json!({
        "version": 1,
        "values": {EVERY_CALLS: {"value": 3.0, "version": 1, "set_at_ms": 6000, "improvement_id": "exp-41"}},
    });
    put_json(&bucket, "params", &set).await;

    let loaded = show(&nodes, "exp-41").await;
    assert!(loaded.changes.is_empty(), "stored without changes");
    assert_eq!(loaded.parameters_label(), EVERY_CALLS);
    let listed: ExperimentList = kaizen(&nodes, KaizenOp::List, &()).await.expect("listed");
    assert_eq!(listed.experiments, [loaded]);
    let reverted: Experiment = kaizen(
        &nodes,
        KaizenOp::Revert,
        &ExperimentIdRequest {
            id: "exp-41".to_owned(),
            by: Some("ana".to_owned()),
            reason: Some("too many checkpoints".to_owned()),
        },
    )
    .await
    .expect("reverted");
    assert_eq!(reverted.status, ExperimentStatus::Reverted);
    let parameters: ParameterList = kaizen(&nodes, KaizenOp::Parameters, &())
        .await
        .expect("parameters");
    let every_calls = parameters
        .parameters
        .iter()
        .find(|parameter| parameter.name == EVERY_CALLS)
        .expect("listed");
    assert_eq!((every_calls.value, every_calls.version), (5.0, 2));
    let audit = audit_of(&nodes, "exp-41").await;
    let [entry] = audit.entries.as_slice() else {
        panic!("one entry: {audit:#?}");
    };
    assert_eq!(entry.action, "reverted");
    assert_eq!(changes_of(entry), [(EVERY_CALLS, 5.0, 3.0)]);
    node.stop().await;
}

/// A shipped experiment as the store keeps it: `parameter` from `control` to `treatment`, decided at
/// `decided_at_ms`.
fn shipped_record(
    id: &str,
    parameter: &str,
    control: f64,
    treatment: f64,
    decided_at_ms: u64,
) -> Value {
    serde_json::json!({
        "id": id, "parameter": parameter, "control": control, "treatment": treatment,
        "changes": [{"parameter": parameter, "control": control, "treatment": treatment}],
        "hypothesis": "fewer calls lost", "evidence": [], "source": "detector:checkpoint-gap",
        "primary": {"name": "calls_lost", "kind": "mean", "better": "lower"},
        "guardrails": [],
        "plan": {"baseline": 1.8, "baseline_sd": 2.5, "mde": 0.2, "alpha": 0.05, "power": 0.9,
                 "units_per_arm": 1219, "canary_units": 121},
        "status": "shipped", "stage": 100, "stages": [], "looks": [], "effect": null,
        "reason": "ship: calls_lost better", "approved_by": null,
        "created_at_ms": decided_at_ms - 1000, "updated_at_ms": decided_at_ms,
        "decided_at_ms": decided_at_ms
    })
}

async fn put_json(bucket: &jetstream::kv::Store, key: &str, value: &Value) {
    bucket
        .put(key, serde_json::to_vec(value).expect("json").into())
        .await
        .expect("stored");
}

/// The value of `name` in force and the improvement that set it.
async fn parameter(nodes: &NodeClient, name: &str) -> (f64, Option<String>) {
    let parameters: ParameterList = kaizen(nodes, KaizenOp::Parameters, &())
        .await
        .expect("parameters");
    let listed = parameters
        .parameters
        .into_iter()
        .find(|parameter| parameter.name == name)
        .expect("listed");
    (listed.value, listed.improvement_id)
}

fn revert_request(id: &str) -> ExperimentIdRequest {
    ExperimentIdRequest {
        id: id.to_owned(),
        by: Some("ana".to_owned()),
        reason: Some("too many checkpoints".to_owned()),
    }
}

/// Two improvements shipped on one parameter, one after the other: reverting the second gives the value back
/// to the first, which can then be reverted too, to the node's own value. While an experiment is testing a
/// new value of that parameter, measured against the value in force, a revert is refused with what to do.
#[tokio::test]
async fn a_revert_hands_the_value_back_to_the_improvement_before_and_waits_for_a_running_test() {
    let (_nats, node, nodes, bucket) = node_with_its_bucket().await;
    put_json(
        &bucket,
        "exp.exp-41",
        &shipped_record("exp-41", EVERY_CALLS, 5.0, 3.0, 6_000),
    )
    .await;
    put_json(
        &bucket,
        "exp.exp-42",
        &shipped_record("exp-42", EVERY_CALLS, 3.0, 4.0, 7_000),
    )
    .await;
    let set = serde_json::json!({
        "version": 2,
        "values": {EVERY_CALLS: {"value": 4.0, "version": 2, "set_at_ms": 7000, "improvement_id": "exp-42"}},
    });
    put_json(&bucket, "params", &set).await;
    assert_eq!(
        parameter(&nodes, EVERY_CALLS).await,
        (4.0, Some("exp-42".to_owned()))
    );

    put_json(
        &bucket,
        "exp.exp-39",
        &shipped_record("exp-39", EVERY_CALLS, 2.0, 5.0, 5_000),
    )
    .await;
    // 200 refused proposals since, on another parameter: exp-41 is no longer among the newest 200 a list shows.
    for index in 0..200_u64 {
        let id = format!("noise-{index}");
        let mut refused =
            shipped_record(&id, "checkpoint.every_minutes", 10.0, 5.0, 20_000 + index);
        refused["status"] = "refused".into();
        refused["stage"] = 0.into();
        put_json(&bucket, &format!("exp.{id}"), &refused).await;
    }

    // A test of 6 against the 4 in force is running: the revert waits for it.
    let testing = propose(
        &nodes,
        &proposal(EVERY_CALLS, 6.0, "detector:checkpoint-gap"),
    )
    .await;
    assert_eq!(testing.status, ExperimentStatus::Running, "{testing:#?}");
    assert_eq!(testing.control, 4.0);
    let exp43 = testing.id.as_str();
    let refused =
        kaizen::<_, Experiment>(&nodes, KaizenOp::Revert, &revert_request("exp-42")).await;
    match refused {
        Err(ClientError::Remote(WireError::BadRequest { message })) => assert_eq!(
            message,
            format!(
                "checkpoint.every_calls is being tested by {exp43}, which started from the value exp-42 \
                 shipped; stop {exp43} first (shim-node experiments stop {exp43}), then revert exp-42"
            )
        ),
        other => panic!("the revert is refused: {other:?}"),
    }
    assert_eq!(
        show(&nodes, "exp-42").await.status,
        ExperimentStatus::Shipped
    );
    assert_eq!(parameter(&nodes, EVERY_CALLS).await.0, 4.0);
    // One whose value no longer holds moves nothing: reverted while the test runs, the value stays.
    let unheld: Experiment = kaizen(&nodes, KaizenOp::Revert, &revert_request("exp-39"))
        .await
        .expect("reverted");
    assert_eq!(unheld.status, ExperimentStatus::Reverted);
    assert_eq!(
        parameter(&nodes, EVERY_CALLS).await,
        (4.0, Some("exp-42".to_owned()))
    );
    let stopped: Experiment = kaizen(&nodes, KaizenOp::Stop, &revert_request(exp43))
        .await
        .expect("stopped");
    assert_eq!(stopped.status, ExperimentStatus::Stopped);

    // The second one reverted: 3 again, the first one's.
    let reverted: Experiment = kaizen(&nodes, KaizenOp::Revert, &revert_request("exp-42"))
        .await
        .expect("reverted");
    assert_eq!(reverted.status, ExperimentStatus::Reverted);
    assert_eq!(
        parameter(&nodes, EVERY_CALLS).await,
        (3.0, Some("exp-41".to_owned()))
    );
    // The first one reverted: the node's own 5, set by nobody.
    kaizen::<_, Experiment>(&nodes, KaizenOp::Revert, &revert_request("exp-41"))
        .await
        .expect("reverted");
    assert_eq!(parameter(&nodes, EVERY_CALLS).await, (5.0, None));
    let audit = audit_of(&nodes, "exp-41").await;
    let [entry] = audit.entries.as_slice() else {
        panic!("one entry: {audit:#?}");
    };
    assert_eq!(entry.action, "reverted");
    assert!(
        entry
            .evidence
            .iter()
            .any(|line| line.starts_with("checkpoint.every_calls back to 5")),
        "{entry:#?}"
    );
    node.stop().await;
}

/// A running experiment whose treatment the safety bounds no longer allow (the settings narrowed since it
/// started), and one whose parameter is no longer at the control it is measured against, are stopped at the
/// loop's next look, not shipped; the values for everyone stay as they were.
#[tokio::test]
async fn a_running_experiment_the_bounds_or_the_store_no_longer_allow_is_stopped_at_the_next_look()
{
    let (_nats, node, nodes, bucket) = node_with_its_bucket().await;

    let wide = start_experiment(&nodes).await;
    let key = format!("exp.{}", wide.id);
    let mut stored: Value =
        serde_json::from_slice(&bucket.get(&key).await.expect("read").expect("stored"))
            .expect("json");
    // As if it had been started under bounds wider than the node's [2, 20].
    stored["treatment"] = 30.0.into();
    stored["changes"][0]["treatment"] = 30.0.into();
    put_json(&bucket, &key, &stored).await;

    // The loop starts one a day by itself; a person starts the second.
    let waiting = propose(
        &nodes,
        &proposal("checkpoint.every_minutes", 5.0, "person:ana"),
    )
    .await;
    let moved: Experiment = kaizen(&nodes, KaizenOp::Approve, &revert_request(&waiting.id))
        .await
        .expect("approved");
    assert_eq!(
        (moved.status, moved.control),
        (ExperimentStatus::Running, 10.0),
        "{moved:#?}"
    );
    let set = serde_json::json!({
        "version": 1,
        "values": {"checkpoint.every_minutes": {"value": 7.0, "version": 1, "set_at_ms": 7000, "improvement_id": null}},
    });
    put_json(&bucket, "params", &set).await;

    assert_eq!(
        stopped_by_a_look(&node, &nodes, &[&wide.id, &moved.id]).await,
        [wide.id.clone(), moved.id.clone()]
    );

    let wide = show(&nodes, &wide.id).await;
    assert_eq!((wide.status, wide.stage), (ExperimentStatus::Stopped, 0));
    assert_eq!(
        wide.reason,
        "stopped by the loop: checkpoint.every_calls = 30 is outside its safety bounds [2, 20] now"
    );
    let moved = show(&nodes, &moved.id).await;
    assert_eq!(moved.status, ExperimentStatus::Stopped);
    assert_eq!(
        moved.reason,
        "stopped by the loop: checkpoint.every_minutes is 7 for everyone now, not the 10 it was measured against"
    );
    assert_eq!(parameter(&nodes, EVERY_CALLS).await, (5.0, None));
    assert_eq!(
        parameter(&nodes, "checkpoint.every_minutes").await,
        (7.0, None)
    );
    node.stop().await;
}

/// A revert that would put a warning threshold back above the danger threshold a running experiment's
/// treatment lowered is refused, saying which experiment to stop; a store changed that way all the same (by a
/// node of an older version) stops that experiment at the loop's next look.
#[tokio::test]
async fn a_revert_that_would_make_a_running_treatment_unsafe_is_refused() {
    let (_nats, node, nodes, bucket) = node_with_its_bucket().await;
    const WARNING: &str = "risk.context_warning";
    const DANGER: &str = "risk.context_danger";
    put_json(
        &bucket,
        "exp.exp-61",
        &shipped_record("exp-61", WARNING, 0.6, 0.5, 6_000),
    )
    .await;
    let set = serde_json::json!({
        "version": 1,
        "values": {WARNING: {"value": 0.5, "version": 1, "set_at_ms": 6000, "improvement_id": "exp-61"}},
    });
    put_json(&bucket, "params", &set).await;
    // Danger at 0.55 in the treatment: above the 0.5 warning in force, below the 0.6 a revert would bring.
    let waiting = propose(&nodes, &proposal(DANGER, 0.55, "person:ana")).await;
    let running: Experiment = kaizen(&nodes, KaizenOp::Approve, &revert_request(&waiting.id))
        .await
        .expect("approved");
    assert_eq!(running.status, ExperimentStatus::Running, "{running:#?}");

    let refused =
        kaizen::<_, Experiment>(&nodes, KaizenOp::Revert, &revert_request("exp-61")).await;
    match refused {
        Err(ClientError::Remote(WireError::BadRequest { message })) => {
            assert!(
                message.starts_with(&format!(
                    "reverting exp-61 would leave the chats in {}'s treatment with unsafe thresholds",
                    running.id
                )),
                "{message}"
            );
            assert!(message.ends_with("then revert exp-61"), "{message}");
        }
        other => panic!("the revert is refused: {other:?}"),
    }
    assert_eq!(
        parameter(&nodes, WARNING).await,
        (0.5, Some("exp-61".to_owned()))
    );

    // Reverted anyway, as an older node would: the next look stops the experiment.
    let mut reverted = shipped_record("exp-61", WARNING, 0.6, 0.5, 6_000);
    reverted["status"] = "reverted".into();
    reverted["stage"] = 0.into();
    reverted["decided_at_ms"] = 7_000.into();
    put_json(&bucket, "exp.exp-61", &reverted).await;
    let set = serde_json::json!({
        "version": 2,
        "values": {WARNING: {"value": 0.6, "version": 2, "set_at_ms": 7000, "improvement_id": null}},
    });
    put_json(&bucket, "params", &set).await;
    assert_eq!(
        stopped_by_a_look(&node, &nodes, &[&running.id]).await,
        std::slice::from_ref(&running.id)
    );
    let stopped = show(&nodes, &running.id).await;
    assert_eq!(stopped.status, ExperimentStatus::Stopped);
    assert!(
        stopped.reason.starts_with("stopped by the loop: ") && stopped.reason.ends_with(" now"),
        "{}",
        stopped.reason
    );
    node.stop().await;
}

/// Thresholds in force already at odds (a warning set for everyone at or above the danger of the node's own
/// settings) stop no running experiment that is not to blame; a revert that would itself leave the thresholds
/// at odds for everyone (a later improvement moved the danger below the warning it would put back) is refused,
/// saying to revert that one first.
#[tokio::test]
async fn thresholds_already_at_odds_stop_nothing_and_a_revert_that_would_put_them_at_odds_is_refused()
 {
    let (_nats, node, nodes, bucket) = node_with_its_bucket().await;
    const WARNING: &str = "risk.context_warning";
    const DANGER: &str = "risk.context_danger";

    // A checkpoint experiment runs; then the warning in force becomes 0.8, above the node's own danger of 0.75
    // (written by hand, or by an older node): the experiment is not to blame and runs on.
    let running = start_experiment(&nodes).await;
    let set = serde_json::json!({
        "version": 1,
        "values": {WARNING: {"value": 0.8, "version": 1, "set_at_ms": 6000, "improvement_id": null}},
    });
    put_json(&bucket, "params", &set).await;
    assert!(
        stopped_by_a_look(&node, &nodes, &[&running.id])
            .await
            .is_empty()
    );
    assert_eq!(
        show(&nodes, &running.id).await.status,
        ExperimentStatus::Running
    );

    // exp-71 lowered both (0.6 → 0.5, 0.75 → 0.6); exp-72 then lowered the danger to 0.55. Reverting exp-71
    // would put only the warning back (exp-72 holds the danger): 0.6 against 0.55.
    let mut both = shipped_record("exp-71", WARNING, 0.6, 0.5, 6_000);
    both["changes"] = serde_json::json!([
        {"parameter": WARNING, "control": 0.6, "treatment": 0.5},
        {"parameter": DANGER, "control": 0.75, "treatment": 0.6},
    ]);
    put_json(&bucket, "exp.exp-71", &both).await;
    put_json(
        &bucket,
        "exp.exp-72",
        &shipped_record("exp-72", DANGER, 0.6, 0.55, 7_000),
    )
    .await;
    let set = serde_json::json!({
        "version": 2,
        "values": {
            WARNING: {"value": 0.5, "version": 2, "set_at_ms": 7000, "improvement_id": "exp-71"},
            DANGER: {"value": 0.55, "version": 2, "set_at_ms": 7000, "improvement_id": "exp-72"},
        },
    });
    put_json(&bucket, "params", &set).await;
    let refused =
        kaizen::<_, Experiment>(&nodes, KaizenOp::Revert, &revert_request("exp-71")).await;
    match refused {
        Err(ClientError::Remote(WireError::BadRequest { message })) => assert!(
            message.starts_with(
                "reverting exp-71 would leave the thresholds in force for everyone unsafe"
            ) && message.ends_with("move the other threshold first (exp-72 set it)"),
            "{message}"
        ),
        other => panic!("the revert is refused: {other:?}"),
    }
    assert_eq!(
        parameter(&nodes, WARNING).await,
        (0.5, Some("exp-71".to_owned()))
    );
    // In order, it goes through.
    kaizen::<_, Experiment>(&nodes, KaizenOp::Revert, &revert_request("exp-72"))
        .await
        .expect("reverted");
    kaizen::<_, Experiment>(&nodes, KaizenOp::Revert, &revert_request("exp-71"))
        .await
        .expect("reverted");
    assert_eq!(parameter(&nodes, WARNING).await, (0.6, None));
    assert_eq!(parameter(&nodes, DANGER).await, (0.75, None));
    node.stop().await;
}
