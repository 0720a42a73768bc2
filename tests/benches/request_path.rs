//! Request-path benchmark: `shim_status` over MCP, the same request over raw NATS to the node, and a bare
//! NATS request/reply echo on the same server; plus the idle node's resident memory.
//!
//! Run: `cargo bench -p shim-tests --bench request_path` (optionally `-- --calls 20000`).
//! Every part is a real process: nats-server, `shim-node run`, `shim-node mcp`.

use std::{
    path::Path,
    time::{Duration, Instant},
};

use bytes::Bytes;
use futures::StreamExt;
use serde_json::json;
use shim_node::nats::connect;
use shim_protocol::{
    NodeOp,
    messages::{StatusReply, StatusRequest},
};
use shim_tests::{McpClient, NatsServer, NodeProcess, wait_for_node};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");
const WARMUP: usize = 500;

struct Stats {
    name: &'static str,
    calls: usize,
    p50: Duration,
    p99: Duration,
    mean: Duration,
    per_second: f64,
}

fn stats(name: &'static str, mut samples: Vec<Duration>, total: Duration) -> Stats {
    samples.sort_unstable();
    let at = |quantile: f64| {
        samples[((samples.len() as f64 * quantile) as usize).min(samples.len() - 1)]
    };
    Stats {
        name,
        calls: samples.len(),
        p50: at(0.50),
        p99: at(0.99),
        mean: samples.iter().sum::<Duration>() / samples.len() as u32,
        per_second: samples.len() as f64 / total.as_secs_f64(),
    }
}

async fn measure<F, Fut>(name: &'static str, calls: usize, mut call: F) -> Stats
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for _ in 0..WARMUP {
        call().await;
    }
    let mut samples = Vec::with_capacity(calls);
    let started = Instant::now();
    for _ in 0..calls {
        let call_started = Instant::now();
        call().await;
        samples.push(call_started.elapsed());
    }
    stats(name, samples, started.elapsed())
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with("VmRSS:"))
                .and_then(|line| line.split_whitespace().nth(1))
                .and_then(|kib| kib.parse().ok())
        })
        .unwrap_or(0)
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let calls = args
        .iter()
        .position(|arg| arg == "--calls")
        .and_then(|index| args.get(index + 1))
        .and_then(|value| value.parse().ok())
        .unwrap_or(10_000usize);

    let nats = NatsServer::start();
    let data_dir = tempfile::tempdir().expect("temp dir");
    let node = NodeProcess::start(EXE, &nats.url(), "bench", data_dir.path());
    let client = wait_for_node(&nats.url(), "bench", Duration::from_secs(5)).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let idle_rss_start = rss_kib(node.pid());

    // A bare echo on its own connection, answering a payload the size of a status request.
    let echo_server = connect(&nats.url(), "bench-echo", false, None)
        .await
        .expect("connects");
    let mut echo_requests = echo_server
        .subscribe("bench.echo")
        .await
        .expect("subscribes");
    echo_server.flush().await.expect("flush");
    let responder = echo_server.clone();
    tokio::spawn(async move {
        while let Some(message) = echo_requests.next().await {
            if let Some(reply) = message.reply {
                let _ = responder.publish(reply, message.payload).await;
            }
        }
    });
    let echo_client = connect(&nats.url(), "bench-echo-client", false, None)
        .await
        .expect("connects");
    let payload =
        Bytes::from(shim_protocol::codec::encode(&StatusRequest::default()).expect("encodes"));

    let echo = measure("bare NATS request/reply echo", calls, || {
        let echo_client = echo_client.clone();
        let payload = payload.clone();
        async move {
            echo_client
                .request("bench.echo", payload)
                .await
                .expect("echo");
        }
    })
    .await;

    let raw = measure("node status over raw NATS", calls, || {
        let client = client.clone();
        async move {
            let _: StatusReply = client
                .request(NodeOp::Status, &StatusRequest::default())
                .await
                .expect("status");
        }
    })
    .await;

    let mcp_log = data_dir.path().join("mcp.log");
    let nats_url = nats.url();
    let data = data_dir.path().display().to_string();
    let mut mcp = McpClient::spawn(
        Path::new(EXE),
        &[
            "--nats-url",
            &nats_url,
            "--node-id",
            "bench",
            "--data-dir",
            &data,
            "--no-autostart",
        ],
        &[],
        &mcp_log,
    );
    mcp.initialize().await;
    let mcp_stats = {
        for _ in 0..WARMUP {
            mcp.call_tool("shim_status", json!({})).await;
        }
        mcp.transcript.clear();
        let mut samples = Vec::with_capacity(calls);
        let started = Instant::now();
        for _ in 0..calls {
            let call_started = Instant::now();
            let result = mcp.call_tool("shim_status", json!({})).await;
            samples.push(call_started.elapsed());
            assert_ne!(result["isError"], json!(true));
            mcp.transcript.clear();
        }
        stats(
            "shim_status over MCP (stdio → NATS → node)",
            samples,
            started.elapsed(),
        )
    };
    mcp.close().await;
    let rss_after_load = rss_kib(node.pid());

    println!("\nrequest path, {calls} sequential calls each after {WARMUP} warm-up calls\n");
    println!("| path | calls | p50 µs | p99 µs | mean µs | calls/s |");
    println!("|---|---:|---:|---:|---:|---:|");
    for stat in [&echo, &raw, &mcp_stats] {
        println!(
            "| {} | {} | {} | {} | {} | {:.0} |",
            stat.name,
            stat.calls,
            stat.p50.as_micros(),
            stat.p99.as_micros(),
            stat.mean.as_micros(),
            stat.per_second
        );
    }
    println!(
        "\nnode over raw NATS vs bare echo: p50 {:.2}x, p99 {:.2}x",
        raw.p50.as_secs_f64() / echo.p50.as_secs_f64(),
        raw.p99.as_secs_f64() / echo.p99.as_secs_f64()
    );
    println!(
        "MCP vs bare echo: p50 {:.2}x, p99 {:.2}x",
        mcp_stats.p50.as_secs_f64() / echo.p50.as_secs_f64(),
        mcp_stats.p99.as_secs_f64() / echo.p99.as_secs_f64()
    );
    println!(
        "node resident memory: idle after start {:.1} MiB, after the run {:.1} MiB",
        idle_rss_start as f64 / 1024.0,
        rss_after_load as f64 / 1024.0
    );
    drop(node);
}
