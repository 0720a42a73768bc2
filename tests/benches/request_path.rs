//! Request-path benchmark: `shim_status` over MCP, the same request over raw NATS to the node, and a bare
//! NATS request/reply echo on the same server; plus the idle node's resident memory. Each path is measured
//! with the analytics store off and on (`SHIM_ANALYTICS_ENABLED`), twice each, interleaved, in one run.
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
    messages::{RouteReply, RouteRequest, StatusReply, StatusRequest},
    subject::ROUTER_ROUTE,
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
    shim_tests::load::rss_kib(pid).unwrap_or(0)
}

/// One round of every path against a fresh server and node, with the analytics store on or off.
struct Round {
    label: &'static str,
    paths: Vec<Stats>,
    idle_rss_kib: u64,
    loaded_rss_kib: u64,
    stored_events: u64,
}

async fn round(calls: usize, store_on: bool) -> Round {
    let nats = NatsServer::start();
    let data_dir = tempfile::tempdir().expect("temp dir");
    let node = NodeProcess::start_with_env(
        EXE,
        &nats.url(),
        "bench",
        data_dir.path(),
        &[(
            "SHIM_ANALYTICS_ENABLED",
            if store_on { "true" } else { "false" },
        )],
    );
    let client = wait_for_node(&nats.url(), "bench", Duration::from_secs(5)).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let idle_rss_kib = rss_kib(node.pid());

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

    // A request that publishes an event each time (`routing.decided`): with the store on, every one is kept.
    let route = RouteRequest {
        prompt: "why does this deadlock when two workers take the same lock?".to_owned(),
        strategy: None,
        chat_id: Some("0190c0de-0000-7000-8000-000000000001".to_owned()),
    };
    let routed = measure("route over raw NATS (one event stored each)", calls, || {
        let client = client.clone();
        let route = route.clone();
        async move {
            let _: RouteReply = client
                .request_service(ROUTER_ROUTE, &route)
                .await
                .expect("route");
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
    let loaded_rss_kib = rss_kib(node.pid());
    let stored_events = match async_nats::jetstream::new(client.nats().clone())
        .get_stream("SHIM_EVENTS")
        .await
    {
        Ok(mut stream) => stream.info().await.map_or(0, |info| info.state.messages),
        Err(_) => 0,
    };
    if store_on {
        // The stream may still be taking the last of them in; every routed prompt but a handful is stored.
        assert!(
            stored_events >= calls as u64,
            "only {stored_events} events stored for {calls} routed prompts"
        );
    } else {
        assert_eq!(stored_events, 0, "the store is off");
    }
    drop(node);
    Round {
        label: if store_on { "store on" } else { "store off" },
        paths: vec![echo, raw, routed, mcp_stats],
        idle_rss_kib,
        loaded_rss_kib,
        stored_events,
    }
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

    // Off, on, off, on: each setting twice, interleaved, so drift on a shared machine shows as spread
    // rather than as a difference between the settings.
    let mut rounds = Vec::new();
    for store_on in [false, true, false, true] {
        rounds.push(round(calls, store_on).await);
    }

    println!("\nrequest path, {calls} sequential calls each after {WARMUP} warm-up calls\n");
    println!("| store | path | calls | p50 µs | p99 µs | mean µs | calls/s |");
    println!("|---|---|---:|---:|---:|---:|---:|");
    for round in &rounds {
        for stat in &round.paths {
            println!(
                "| {} | {} | {} | {} | {} | {} | {:.0} |",
                round.label,
                stat.name,
                stat.calls,
                stat.p50.as_micros(),
                stat.p99.as_micros(),
                stat.mean.as_micros(),
                stat.per_second
            );
        }
    }
    println!();
    for round in &rounds {
        let [echo, raw, routed, mcp] = &round.paths[..] else {
            continue;
        };
        println!(
            "{}: node over raw NATS vs bare echo p50 {:.2}x, p99 {:.2}x; route {:.2}x, {:.2}x; MCP vs bare echo p50 {:.2}x, p99 {:.2}x; \
             {} events stored; node memory idle {:.1} MiB, after the run {:.1} MiB",
            round.label,
            raw.p50.as_secs_f64() / echo.p50.as_secs_f64(),
            raw.p99.as_secs_f64() / echo.p99.as_secs_f64(),
            routed.p50.as_secs_f64() / echo.p50.as_secs_f64(),
            routed.p99.as_secs_f64() / echo.p99.as_secs_f64(),
            mcp.p50.as_secs_f64() / echo.p50.as_secs_f64(),
            mcp.p99.as_secs_f64() / echo.p99.as_secs_f64(),
            round.stored_events,
            round.idle_rss_kib as f64 / 1024.0,
            round.loaded_rss_kib as f64 / 1024.0
        );
    }
}
