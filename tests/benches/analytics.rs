//! The analytics query over a large store: `N` events (1,000,000) of a realistic mix are stored in the
//! `SHIM_EVENTS` stream of a fresh nats-server (file storage, as a node makes it); the roller closes the
//! full ranges into rollups (timed once: a node does it in the background), then the period summary (what
//! `shim-node analytics` asks the service for) is timed `RUNS` times (3) as a node answers it, from the
//! rollups and the newest events, and, for comparison, from every event one by one.
//!
//! The mix, per 100 events: 30 `routing.decided`, 12 `telemetry.api_request`, 10 `checkpoint.saved`, 10
//! `checkpoint.triggered`, 10 `signals.tool_failed`, 8 `risk.level_changed`, 12 `tasks.*` (dispatched,
//! claimed, progress, completed), 6 `chats.*` and 2 `resume.*`; 250 to 400 bytes each, as the node writes them.
//!
//! Run: `cargo bench -p shim-tests --bench analytics` (knobs `N`, `RUNS`).

use std::time::{Duration, Instant};

use async_nats::jetstream;
use serde_json::json;
use shim_node::{
    analytics::{
        provision,
        rollup::{RollPolicy, Rollups},
        summary::{summarise, tally_events},
    },
    config::AnalyticsSettings,
};
use shim_tests::NatsServer;

fn knob(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

fn event(index: usize) -> (String, Vec<u8>) {
    let chat = format!(
        "0190c0de-{:04x}-7000-8000-{:012x}",
        index % 997,
        index / 100
    );
    let tier = ["haiku", "sonnet", "opus"][index % 3];
    let category = ["debug", "implement", "review", "docs"][index % 4];
    let task_kind = [
        "tasks.dispatched",
        "tasks.claimed",
        "tasks.progress",
        "tasks.completed",
    ][index % 4];
    let chat_kind = ["chats.started", "chats.ended", "chats.away"][index % 3];
    let resume_kind = ["resume.offered", "resume.restored"][index % 2];
    let (kind, data) = match index % 100 {
        0..=29 => (
            "routing.decided",
            json!({"model": tier, "tier": tier,
                   "model_id": "claude-sonnet-4-5", "confidence": 0.82, "category": category,
                   "input_tokens": 1_947, "output_tokens": 800, "estimated_cost_usd": 0.0183, "opus_cost_usd": 0.0912, "overridden": false}),
        ),
        30..=41 => (
            "telemetry.api_request",
            json!({"model": "claude-sonnet-4-5", "duration_ms": 4_210, "input_tokens": 12_000, "output_tokens": 640,
                   "cache_read_tokens": 48_000, "cache_creation_tokens": 0, "cost_usd": 0.0421}),
        ),
        42..=51 => (
            "checkpoint.saved",
            json!({"checkpoint_id": format!("{chat}:{}", index % 50), "seq": index % 50, "trigger": "tool_calls",
                   "bytes": 18_422, "ms": 3.5 + (index % 17) as f64, "tool_calls": index % 300}),
        ),
        52..=61 => ("checkpoint.triggered", json!({"trigger": "tool_calls"})),
        62..=71 => (
            "signals.tool_failed",
            json!({"tool": "Bash", "error": "error[E0308]: mismatched types, expected `u64`, found `i64` in src/lib.rs:42"}),
        ),
        72..=79 => (
            "risk.level_changed",
            json!({"from": "safe", "to": "warning", "score": 0.61, "reasons": ["context 72% full", "3 tool failures in the last 10 calls"],
                   "tool_calls": index % 300}),
        ),
        80..=91 => (
            task_kind,
            json!({"task_id": format!("t-{index}"), "title": "port the lexer", "priority": "normal", "status": "running",
                   "worker_chat_id": chat, "attempts": 1, "progress": null, "error": null, "wait_ms": 120, "run_ms": 48_000}),
        ),
        92..=97 => (
            chat_kind,
            json!({"name": null, "project_dir": "/home/dev/projects/shim", "client": "claude-code", "reason": "ended", "detail": "logout"}),
        ),
        _ => (
            resume_kind,
            json!({"checkpoint_id": format!("{chat}:3"), "reason": "crashed", "confidence": 0.9}),
        ),
    };
    let body = json!({"type": kind, "ts": "2026-12-02T10:00:00.000Z", "node_id": "dev-laptop", "chat_id": chat, "data": data});
    (
        format!("shim.events.{kind}"),
        serde_json::to_vec(&body).expect("JSON"),
    )
}

#[tokio::main]
async fn main() {
    let count = knob("N", 1_000_000);
    let runs = knob("RUNS", 3);
    let nats = NatsServer::start();
    let client = async_nats::connect(nats.url()).await.expect("connects");
    let js = jetstream::new(client.clone());
    // The node's default size cap (1 GiB) holds a million of these events; a larger N gets room for its own
    // (about 300 bytes each, twice over).
    let settings = AnalyticsSettings {
        max_bytes: AnalyticsSettings::default()
            .max_bytes
            .max(count as u64 * 600),
        ..AnalyticsSettings::default()
    };
    provision(&js, &settings).await.expect("stream");
    let since_ms = shim_actors::now_ms();

    let started = Instant::now();
    let mut bytes = 0usize;
    for index in 0..count {
        let (subject, payload) = event(index);
        bytes += payload.len();
        client
            .publish(subject, payload.into())
            .await
            .expect("publishes");
    }
    client.flush().await.expect("flush");
    let mut stream = js.get_stream("SHIM_EVENTS").await.expect("stream");
    loop {
        let stored = stream.info().await.expect("info").state.messages;
        if stored >= count as u64 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "only {stored} of {count} events stored"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let until_ms = shim_actors::now_ms() + 1;
    println!(
        "stored {count} events ({:.0} MB, {:.0} bytes each) in {:.1} s",
        bytes as f64 / 1e6,
        bytes as f64 / count as f64,
        started.elapsed().as_secs_f64()
    );

    let rollups = Rollups::open(&js, &settings).await.expect("rollups");
    let rolling = Instant::now();
    let written = rollups
        .roll(&js, RollPolicy::default(), i128::from(until_ms) * 1_000_000)
        .await
        .expect("rolls up");
    println!(
        "the roller closed {written} rollups of {} events in {:.2} s (background work, once per range)",
        RollPolicy::default().block,
        rolling.elapsed().as_secs_f64()
    );

    for (label, rollups_opt) in [("with rollups", Some(&rollups)), ("events only", None)] {
        let mut times = Vec::new();
        for run in 1..=runs {
            let started = Instant::now();
            let tally = tally_events(
                &js,
                rollups_opt,
                since_ms,
                until_ms,
                Duration::from_secs(600),
            )
            .await
            .expect("tally");
            let (read, raw) = (tally.read, tally.read_raw);
            let summary = summarise(tally, &[], since_ms, until_ms, 5);
            let elapsed = started.elapsed();
            assert_eq!(read, count as u64, "every event counted");
            let decisions = (0..count).filter(|index| index % 100 < 30).count() as u64;
            assert_eq!(
                summary.routing.decisions, decisions,
                "every decision counted"
            );
            println!(
                "{label}, run {run}: summary over {read} events ({raw} read one by one) in {:.2} s; {} routing decisions, {} checkpoints",
                elapsed.as_secs_f64(),
                summary.routing.decisions,
                summary.checkpoints.count
            );
            times.push(elapsed);
        }
        times.sort();
        println!(
            "{label}: median {:.2} s over {runs} runs (target: under 2 s)",
            times[times.len() / 2].as_secs_f64()
        );
    }
}
