//! What the node does with the transcripts hooks name, and bounded work per message: a read that raises
//! token use re-assesses the risk at once; a `transcript_path` that names a FIFO, a device or another
//! user's file is refused without pinning a thread, hundreds of them do not stall the node or its clean
//! stop; one `signals` message makes at most one automatic checkpoint. Every part is a real process.

use std::{path::Path, time::Duration};

use serde_json::json;
use shim_node::nats::NodeClient;
use shim_protocol::{
    NodeOp, codec,
    messages::{
        CheckpointList, ListCheckpointsRequest, RiskReport, RiskRequest, SignalBatch, SignalEvent,
        SignalSource,
    },
    subject,
};
use shim_tests::{DEADLINE, EventFeed, NatsServer, NodeProcess, POLL, wait_for_node, wait_until};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

/// More FIFO transcripts than tokio's blocking pool has threads (512): with one blocked thread per open,
/// the node would have none left.
const FIFO_CHATS: usize = 600;

async fn publish(client: &async_nats::Client, node_id: &str, batch: &SignalBatch) {
    let mut headers = async_nats::HeaderMap::new();
    headers.insert(
        shim_protocol::PROTOCOL_HEADER,
        shim_protocol::PROTOCOL_VERSION.to_string().as_str(),
    );
    let subject = subject::node_op(node_id, NodeOp::Signals).expect("subject");
    client
        .publish_with_headers(
            subject,
            headers,
            codec::encode(batch).expect("encodes").into(),
        )
        .await
        .expect("publishes");
}

fn batch(chat_id: &str, events: Vec<SignalEvent>, transcript: &Path) -> SignalBatch {
    SignalBatch {
        chat_id: chat_id.to_owned(),
        source: SignalSource::Hook,
        at_ms: shim_actors::now_ms(),
        events,
        transcript_path: Some(transcript.display().to_string()),
        prompt: None,
        trigger: None,
    }
}

async fn risk(client: &NodeClient, chat_id: &str) -> Option<RiskReport> {
    client
        .request(
            NodeOp::Risk,
            &RiskRequest {
                chat_id: chat_id.to_owned(),
            },
        )
        .await
        .ok()
}

/// True once the process has exited (gone, or a zombie waiting to be reaped).
fn exited(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|stat| {
            stat.rsplit_once(')')
                .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z'))
        })
        .unwrap_or(true)
}

#[tokio::test]
async fn fifo_device_and_foreign_transcripts_are_refused_and_the_node_keeps_answering() {
    let nats = NatsServer::start();
    let data_dir = tempfile::tempdir().expect("temp dir");
    let work = tempfile::tempdir().expect("temp dir");
    let url = nats.url();
    let node = NodeProcess::start(EXE, &url, "bounds-test", data_dir.path());
    let client = wait_for_node(&url, "bounds-test", Duration::from_secs(5)).await;
    let raw = async_nats::connect(&url).await.expect("connects");

    let fifo = work.path().join("fifo.jsonl");
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::from_bits_truncate(0o600)).expect("fifo");
    let foreign = if nix::unistd::geteuid().is_root() {
        let path = work.path().join("theirs.jsonl");
        std::fs::write(&path, "{\"type\":\"assistant\",\"message\":{\"role\":\"assistant\",\"usage\":{\"input_tokens\":190000}}}\n").expect("write");
        std::os::unix::fs::chown(&path, Some(65_534), Some(65_534)).expect("chown");
        path
    } else {
        "/etc/passwd".into()
    };
    for index in 0..FIFO_CHATS {
        publish(
            &raw,
            "bounds-test",
            &batch(
                &format!("fifo-{index}"),
                vec![SignalEvent::UserPrompt],
                &fifo,
            ),
        )
        .await;
    }
    publish(
        &raw,
        "bounds-test",
        &batch(
            "zero",
            vec![SignalEvent::UserPrompt],
            Path::new("/dev/zero"),
        ),
    )
    .await;
    publish(
        &raw,
        "bounds-test",
        &batch("foreign", vec![SignalEvent::UserPrompt], &foreign),
    )
    .await;
    raw.flush().await.expect("flush");

    // A well-behaved chat's transcript is still read, promptly, behind all of them.
    let good = work.path().join("good.jsonl");
    std::fs::write(
        &good,
        format!(
            "{}\n",
            json!({"type": "assistant", "message": {"role": "assistant", "usage": {"input_tokens": 10, "cache_read_input_tokens": 42_000}}})
        ),
    )
    .expect("write");
    publish(
        &raw,
        "bounds-test",
        &batch("good", vec![SignalEvent::UserPrompt], &good),
    )
    .await;
    raw.flush().await.expect("flush");
    let read = wait_until(
        || async {
            risk(&client, "good")
                .await
                .is_some_and(|risk| risk.signals.tokens_used == Some(42_010))
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(read, "the good transcript was not read");

    // The refused paths taught the node nothing, and it answers about them. (These signals carry no chat
    // secret, so each waits its turn under the node's in-flight bound rather than in its receiving loop: counted
    // soon, not necessarily before the good chat's.)
    for chat_id in [
        "fifo-0",
        &format!("fifo-{}", FIFO_CHATS - 1),
        "zero",
        "foreign",
    ] {
        let counted = wait_until(
            || async {
                risk(&client, chat_id)
                    .await
                    .is_some_and(|report| report.signals.message_count == 1)
            },
            DEADLINE,
            POLL,
        )
        .await;
        assert!(counted, "{chat_id}'s signal was not counted");
        let report = risk(&client, chat_id).await.expect("answers");
        assert_eq!(report.signals.tokens_used, None, "{chat_id}");
    }

    // SIGTERM stops it promptly: no thread is stuck in a read.
    let pid = node.pid();
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(i32::try_from(pid).expect("pid")),
        nix::sys::signal::Signal::SIGTERM,
    )
    .expect("signals");
    let stopped = wait_until(|| async { exited(pid) }, Duration::from_secs(10), POLL).await;
    assert!(stopped, "the node did not stop within 10 s of SIGTERM");
    drop(node);
}

#[tokio::test]
async fn one_signals_message_with_three_thousand_pre_compacts_makes_one_checkpoint() {
    let nats = NatsServer::start();
    let data_dir = tempfile::tempdir().expect("temp dir");
    let url = nats.url();
    let _node = NodeProcess::start(EXE, &url, "storm-test", data_dir.path());
    let client = wait_for_node(&url, "storm-test", Duration::from_secs(5)).await;
    let raw = async_nats::connect(&url).await.expect("connects");
    let storm = SignalBatch {
        chat_id: "storm".to_owned(),
        source: SignalSource::Hook,
        at_ms: shim_actors::now_ms(),
        events: vec![SignalEvent::PreCompact; 3_000],
        transcript_path: None,
        prompt: None,
        trigger: None,
    };
    publish(&raw, "storm-test", &storm).await;
    raw.flush().await.expect("flush");
    let list = || {
        let client = client.clone();
        async move {
            client
                .request::<_, CheckpointList>(
                    NodeOp::CheckpointList,
                    &ListCheckpointsRequest {
                        chat_id: Some("storm".to_owned()),
                        limit: Some(1000),
                    },
                )
                .await
                .map(|list| list.checkpoints)
                .unwrap_or_default()
        }
    };
    assert!(wait_until(|| async { !list().await.is_empty() }, DEADLINE, POLL).await);
    // A Stop in a later message is a checkpoint of its own: once it is in, nothing of the storm is left.
    let stop = SignalBatch {
        events: vec![SignalEvent::TurnEnded { latency_ms: None }],
        ..storm.clone()
    };
    publish(&raw, "storm-test", &stop).await;
    raw.flush().await.expect("flush");
    assert!(wait_until(|| async { list().await.len() >= 2 }, DEADLINE, POLL).await);
    let checkpoints = list().await;
    let triggers: Vec<&str> = checkpoints
        .iter()
        .rev()
        .map(|checkpoint| checkpoint.trigger.as_str())
        .collect();
    assert_eq!(triggers, ["pre_compact", "stop"]);
    assert_eq!(checkpoints[0].seq, 2);
}

#[tokio::test]
async fn a_transcript_read_that_raises_token_use_publishes_risk_level_changed_at_once() {
    let nats = NatsServer::start();
    let data_dir = tempfile::tempdir().expect("temp dir");
    let work = tempfile::tempdir().expect("temp dir");
    let url = nats.url();
    let _node = NodeProcess::start(EXE, &url, "reassess-test", data_dir.path());
    let client = wait_for_node(&url, "reassess-test", Duration::from_secs(5)).await;
    let raw = async_nats::connect(&url).await.expect("connects");
    let mut changes = EventFeed::subscribe(&raw, "shim.events.risk.level_changed").await;
    // 151k tokens of a 200k window: the hook's message itself says nothing about tokens.
    let transcript = work.path().join("s.jsonl");
    std::fs::write(
        &transcript,
        format!(
            "{}\n",
            json!({"type": "assistant", "message": {"role": "assistant", "usage": {"input_tokens": 1_000, "cache_read_input_tokens": 150_000}}})
        ),
    )
    .expect("write");
    publish(
        &raw,
        "reassess-test",
        &batch("reassess", vec![SignalEvent::UserPrompt], &transcript),
    )
    .await;
    raw.flush().await.expect("flush");
    // No other signal follows: the change comes from the read alone.
    let (subject, body) = changes.next().await;
    assert_eq!(subject, "shim.events.risk.level_changed");
    assert_eq!(body["chat_id"], "reassess", "{body}");
    assert_eq!(body["data"]["from"], "safe", "{body}");
    assert_eq!(body["data"]["to"], "danger", "{body}");
    let report = risk(&client, "reassess").await.expect("answers");
    assert_eq!(report.signals.tokens_used, Some(151_000));
}
