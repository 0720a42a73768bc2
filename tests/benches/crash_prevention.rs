//! Crash-prevention benchmarks: durable checkpoint saves of a 5 KB state, resume-prompt builds, signals per
//! second into one node, and the wall time of `shim-node hook` and `shim-node statusline` from process start
//! to exit.
//!
//! Run: `cargo bench -p shim-tests --bench crash_prevention`. Real parts throughout: sled on disk,
//! nats-server, `shim-node run` as its own process, hooks as processes.

use std::{
    io::Write,
    path::Path,
    process::{Command, Stdio},
    time::{Duration, Instant},
};

use bytes::Bytes;
use serde_json::json;
use shim_actors::checkpoint_manager::{
    resume,
    store::{CheckpointStore, checkpoint_id},
};
use shim_node::nats::{NodeClient, connect};
use shim_protocol::{
    NodeOp, PROTOCOL_HEADER, PROTOCOL_VERSION, codec,
    messages::{
        Checkpoint, CheckpointInput, CheckpointSaved, CheckpointTrigger, ConversationState,
        FileState, InterruptionReason, RiskReport, RiskRequest, SaveCheckpointRequest, SignalBatch,
        SignalEvent, SignalSnapshot, SignalSource, TaskState,
    },
    subject,
};
use shim_tests::{NatsServer, NodeProcess, percentiles, wait_for_node};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

fn micros(duration: Duration) -> String {
    format!("{:.0}", duration.as_secs_f64() * 1e6)
}

fn millis(duration: Duration) -> String {
    format!("{:.1}", duration.as_secs_f64() * 1e3)
}

/// A checkpoint whose encoded state is about 5 KB, like a real working session's.
fn five_kb_checkpoint(chat_id: &str, seq: u64) -> Checkpoint {
    Checkpoint {
        checkpoint_id: checkpoint_id(chat_id, seq),
        chat_id: chat_id.to_owned(),
        seq,
        created_at_ms: shim_actors::now_ms(),
        trigger: CheckpointTrigger::ToolCalls,
        project_dir: Some("/home/dev/parser".to_owned()),
        conversation: ConversationState {
            summary: "Porting the recursive-descent parser to nom; lexer done, expressions done, statements \
                      half done; error recovery designed but not written."
                .repeat(4),
            decisions: (0..10).map(|index| format!("decision {index}: keep the AST shape, add spans")).collect(),
            current_context: "error recovery for missing semicolons".to_owned(),
            recent_messages: (0..6).map(|index| format!("message {index}: {}", "text ".repeat(30))).collect(),
        },
        task: TaskState {
            operation: "port parser".to_owned(),
            phase: "statements".to_owned(),
            progress: 0.55,
            completed_steps: (0..12).map(|index| format!("step {index} done")).collect(),
            next_steps: (0..6).map(|index| format!("next step {index}")).collect(),
            blockers: vec!["flaky test t_17".to_owned()],
        },
        files: FileState {
            modified: vec!["src/parse.rs".to_owned(), "src/lex.rs".to_owned()],
            diff: "@@ -10,6 +10,9 @@ fn statement()\n+    recover(input)?;\n".repeat(25),
            branch: Some("nom".to_owned()),
            head: Some("abc1234".to_owned()),
            ..FileState::default()
        },
        tools: Vec::new(),
        signals: SignalSnapshot::default(),
        reason: None,
    }
}

fn bench_store(dir: &Path) {
    let store = CheckpointStore::open(&dir.join("store")).expect("opens");
    let raw = rmp_serde_len(&five_kb_checkpoint("bench", 1));
    let runs = 2_000;
    let mut samples = Vec::with_capacity(runs);
    let started = Instant::now();
    for index in 0..runs {
        let chat_id = format!("chat-{}", index % 10);
        let call = Instant::now();
        let seq = store.next_seq(&chat_id).expect("seq");
        store.put(&five_kb_checkpoint(&chat_id, seq)).expect("put");
        samples.push(call.elapsed());
    }
    let total = started.elapsed();
    let (p50, p99) = percentiles(samples);
    println!(
        "| durable checkpoint save ({raw} B state, numbered, lz4, sled insert + flush) | {runs} | {} µs | {} µs | {:.0}/s |",
        micros(p50),
        micros(p99),
        runs as f64 / total.as_secs_f64()
    );

    // The list of the newest 20 across those 2,000 checkpoints of 10 chats, as `checkpoints list` asks.
    let runs = 200;
    let mut samples = Vec::with_capacity(runs);
    let started = Instant::now();
    for _ in 0..runs {
        let call = Instant::now();
        let listed = store.list(None, 20).expect("list");
        assert_eq!(listed.len(), 20);
        samples.push(call.elapsed());
    }
    let total = started.elapsed();
    let (p50, p99) = percentiles(samples);
    println!(
        "| checkpoint list, newest 20 of 2,000 (10 chats) | {runs} | {} µs | {} µs | {:.0}/s |",
        micros(p50),
        micros(p99),
        runs as f64 / total.as_secs_f64()
    );

    let checkpoint = five_kb_checkpoint("bench", 7);
    let now = FileState {
        modified: vec!["src/parse.rs".to_owned()],
        branch: Some("nom".to_owned()),
        head: Some("def5678".to_owned()),
        ..FileState::default()
    };
    let cause = resume::Cause::guessed(InterruptionReason::Crash, 0.8);
    let runs = 10_000;
    let mut samples = Vec::with_capacity(runs);
    let started = Instant::now();
    for _ in 0..runs {
        let call = Instant::now();
        let prompt = resume::prompt(
            &checkpoint,
            &cause,
            shim_actors::now_ms(),
            &now,
            &resume::Since::default(),
        );
        std::hint::black_box(prompt);
        samples.push(call.elapsed());
    }
    let total = started.elapsed();
    let (p50, p99) = percentiles(samples);
    println!(
        "| resume prompt build (from that checkpoint) | {runs} | {} µs | {} µs | {:.0}/s |",
        micros(p50),
        micros(p99),
        runs as f64 / total.as_secs_f64()
    );
}

fn rmp_serde_len(checkpoint: &Checkpoint) -> usize {
    codec::encode(checkpoint)
        .map(|bytes| bytes.len())
        .unwrap_or(0)
}

async fn bench_node_saves(client: &NodeClient) {
    let runs = 1_000;
    let input = CheckpointInput {
        summary: "x".repeat(900),
        decisions: (0..20)
            .map(|index| format!("decision {index} {}", "y".repeat(60)))
            .collect(),
        next_steps: (0..10)
            .map(|index| format!("step {index} {}", "z".repeat(60)))
            .collect(),
        ..CheckpointInput::default()
    };
    let mut samples = Vec::with_capacity(runs);
    let started = Instant::now();
    for _ in 0..runs {
        let call = Instant::now();
        let _: CheckpointSaved = client
            .request(
                NodeOp::CheckpointSave,
                &SaveCheckpointRequest {
                    chat_id: "bench-node".to_owned(),
                    input: input.clone(),
                },
            )
            .await
            .expect("saved");
        samples.push(call.elapsed());
    }
    let total = started.elapsed();
    let (p50, p99) = percentiles(samples);
    println!(
        "| `checkpoint.save` over NATS to the node (signals gathered, durable before the reply) | {runs} | {} µs | {} µs | {:.0}/s |",
        micros(p50),
        micros(p99),
        runs as f64 / total.as_secs_f64()
    );
}

async fn bench_signals(nats_url: &str, client: &NodeClient) {
    let total: u64 = 200_000;
    let publishers = 4;
    let subject = subject::node_op("bench", NodeOp::Signals).expect("subject");
    let started = Instant::now();
    let mut tasks = Vec::new();
    for publisher in 0..publishers {
        let nats = connect(nats_url, "bench-signals", false, None)
            .await
            .expect("connects");
        let subject = subject.clone();
        tasks.push(tokio::spawn(async move {
            let mut headers = async_nats::HeaderMap::new();
            headers.insert(PROTOCOL_HEADER, PROTOCOL_VERSION.to_string().as_str());
            let chat_id = format!("signals-{publisher}");
            let payload = Bytes::from(
                codec::encode(&SignalBatch {
                    chat_id,
                    source: SignalSource::Hook,
                    at_ms: shim_actors::now_ms(),
                    events: vec![SignalEvent::UserPrompt],
                    transcript_path: None,
                    prompt: None,
                    trigger: None,
                })
                .expect("encodes"),
            );
            for _ in 0..total / publishers {
                nats.publish_with_headers(subject.clone(), headers.clone(), payload.clone())
                    .await
                    .expect("publishes");
            }
            nats.flush().await.expect("flush");
        }));
    }
    for task in tasks {
        task.await.expect("publisher");
    }
    // Done when every chat's message count has reached its share (or nothing moves for 5 s).
    let mut counted = 0;
    let mut last_change = Instant::now();
    loop {
        let mut sum = 0;
        for publisher in 0..publishers {
            let risk: Result<RiskReport, _> = client
                .request(
                    NodeOp::Risk,
                    &RiskRequest {
                        chat_id: format!("signals-{publisher}"),
                    },
                )
                .await;
            sum += risk.map(|report| report.signals.message_count).unwrap_or(0);
        }
        if sum != counted {
            counted = sum;
            last_change = Instant::now();
        }
        if counted >= total || last_change.elapsed() > Duration::from_secs(5) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    // From the first publish to the moment the last signal was counted.
    let elapsed = last_change.duration_since(started);
    println!(
        "\nsignals into one node: {counted} of {total} processed ({} lost) in {:.2} s = {:.0} signals/s \
         ({publishers} publishers, fire and forget)",
        total - counted,
        elapsed.as_secs_f64(),
        counted as f64 / elapsed.as_secs_f64()
    );
}

fn bench_process(
    name: &str,
    subcommand: &str,
    nats_url: &str,
    input: &serde_json::Value,
    runs: usize,
) {
    let text = input.to_string();
    let mut samples = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        let mut child = Command::new(EXE)
            .args([subcommand, "--nats-url", nats_url, "--node-id", "bench"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawns");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes())
            .expect("writes");
        let status = child.wait().expect("exits");
        samples.push(started.elapsed());
        assert!(status.success());
    }
    let (p50, p99) = percentiles(samples);
    println!(
        "| {name} | {runs} | {} ms | {} ms |",
        millis(p50),
        millis(p99)
    );
}

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    println!("\n| operation | runs | p50 | p99 | rate |\n|---|---:|---:|---:|---:|");
    bench_store(dir.path());

    let nats = NatsServer::start();
    let data_dir = tempfile::tempdir().expect("temp dir");
    let node = NodeProcess::start(EXE, &nats.url(), "bench", data_dir.path());
    let client = wait_for_node(&nats.url(), "bench", Duration::from_secs(10)).await;
    bench_node_saves(&client).await;
    bench_signals(&nats.url(), &client).await;

    let tool = json!({
        "session_id": "hook-bench", "transcript_path": "/nonexistent.jsonl", "cwd": "/tmp",
        "hook_event_name": "PostToolUse", "tool_name": "Bash",
        "tool_input": {"command": "cargo test"}, "tool_response": {"stdout": "ok"}
    });
    let status = json!({
        "session_id": "hook-bench", "model": {"id": "claude-sonnet-4-5"},
        "cost": {"total_cost_usd": 0.1}, "context_window": {"context_window_size": 200000, "used_percentage": 30}
    });
    println!("\nprocess start to exit\n\n| command | runs | p50 | p99 |\n|---|---:|---:|---:|");
    bench_process(
        "`shim-node hook` (PostToolUse, node up)",
        "hook",
        &nats.url(),
        &tool,
        200,
    );
    bench_process(
        "`shim-node statusline` (node up, waits for the risk)",
        "statusline",
        &nats.url(),
        &status,
        200,
    );
    drop(node);
    bench_process(
        "`shim-node hook` (node down, NATS up)",
        "hook",
        &nats.url(),
        &tool,
        100,
    );
    drop(nats);
    let dead = format!("nats://127.0.0.1:{}", shim_tests::free_port());
    bench_process(
        "`shim-node hook` (nothing running)",
        "hook",
        &dead,
        &tool,
        100,
    );
    bench_process(
        "`shim-node statusline` (nothing running)",
        "statusline",
        &dead,
        &status,
        100,
    );
}
