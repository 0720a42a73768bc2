//! Routing speed: start-up of the router's models (the classifier's weights and the tokenizer, in fresh
//! processes) with the memory they take, one routing decision for a 2,000-token prompt (tokenisation, analysis
//! and the classifier included), and 10,000 routing requests over NATS to a node's router service.
//!
//! Run: `cargo bench -p shim-tests --bench routing`.

use std::{
    process::Command,
    time::{Duration, Instant},
};

use shim_actors::model_router::{
    analyzer::{analyze, tokenizer},
    classifier,
    router::{RouteOptions, TierModels, route},
};
use shim_protocol::{
    messages::{RouteReply, RouteRequest},
    subject::ROUTER_ROUTE,
};
use shim_tests::{NatsServer, NodeProcess, percentiles, wait_for_node};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

/// Set in the child processes that measure start-up.
const STARTUP_CHILD: &str = "SHIM_ROUTING_BENCH_STARTUP";

/// A realistic long prompt: a request, a pasted module and a stack trace, about 2,000 tokens.
fn long_prompt() -> String {
    let mut prompt = String::from(
        "Our order service returns 500 on about 1% of checkout requests since the last deploy. Find the \
         cause in the handler below and fix it; keep the API unchanged and add a regression test.\n```rust\n",
    );
    for index in 0..34 {
        prompt.push_str(&format!(
            "fn step_{index}(order: &Order, ctx: &Context) -> Result<Order, Error> {{\n    let total = order.items.iter().map(|item| item.price * item.qty).sum::<u64>();\n    ctx.audit.record(order.id, total)?;\n}}\n"
        ));
    }
    prompt.push_str("```\nthread 'tokio-runtime-worker' panicked at src/orders/checkout.rs:212:31:\ncalled `Option::unwrap()` on a `None` value\n");
    prompt
}

/// Resident memory of this process in KiB (Linux; 0 elsewhere).
fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix("VmRSS:"))
                .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// In a fresh process: loads the weights, then the tokenizer, each timed, and the memory they take; prints
/// `weights_us tokenizer_us rss_before_kib rss_with_weights_kib rss_after_kib`.
fn startup_child() {
    let before = rss_kib();
    let started = Instant::now();
    std::hint::black_box(classifier::builtin());
    let weights = started.elapsed();
    let with_weights = rss_kib();
    let started = Instant::now();
    std::hint::black_box(tokenizer().encode_ordinary("warm up"));
    let tokenizer_load = started.elapsed();
    let after = rss_kib();
    println!(
        "{} {} {before} {with_weights} {after}",
        weights.as_micros(),
        tokenizer_load.as_micros()
    );
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Runs [`startup_child`] in `runs` fresh processes of this bench.
fn startup(runs: usize) {
    let exe = std::env::current_exe().expect("the bench's own path");
    let mut rows: Vec<[f64; 5]> = Vec::with_capacity(runs);
    for _ in 0..runs {
        let output = Command::new(&exe)
            .env(STARTUP_CHILD, "1")
            .output()
            .expect("the start-up child runs");
        let text = String::from_utf8_lossy(&output.stdout);
        let values: Vec<f64> = text
            .split_whitespace()
            .filter_map(|value| value.parse().ok())
            .collect();
        assert_eq!(values.len(), 5, "start-up child printed {text:?}");
        rows.push([values[0], values[1], values[2], values[3], values[4]]);
    }
    let column = |index: usize| median(rows.iter().map(|row| row[index]).collect());
    let total = median(rows.iter().map(|row| row[0] + row[1]).collect());
    let worst = rows.iter().map(|row| row[0] + row[1]).fold(0.0, f64::max);
    println!(
        "\nstart-up in a fresh process ({runs} processes, medians): weights {:.1} ms + tokenizer {:.1} ms = {:.1} ms (slowest {:.1} ms)",
        column(0) / 1e3,
        column(1) / 1e3,
        total / 1e3,
        worst / 1e3
    );
    println!(
        "memory (resident, medians): {:.1} MiB before loading; +{:.1} MiB for the weights ({:.2} MiB of them); +{:.1} MiB for the tokenizer; {:.1} MiB after",
        column(2) / 1024.0,
        (column(3) - column(2)) / 1024.0,
        classifier_bytes() as f64 / (1024.0 * 1024.0),
        (column(4) - column(3)) / 1024.0,
        column(4) / 1024.0,
    );
}

fn classifier_bytes() -> usize {
    classifier::builtin().weights.len() * std::mem::size_of::<f32>()
}

#[tokio::main]
async fn main() {
    if std::env::var_os(STARTUP_CHILD).is_some() {
        startup_child();
        return;
    }
    startup(9);

    let prompt = long_prompt();
    let tokens = tokenizer().encode_ordinary(&prompt).len();
    let models = TierModels::default();
    let options = RouteOptions::default();
    for _ in 0..200 {
        std::hint::black_box(route(&prompt, &models, &options));
    }
    let runs = 5_000;
    let time = |work: &dyn Fn()| {
        let mut samples = Vec::with_capacity(runs);
        for _ in 0..runs {
            let call = Instant::now();
            work();
            samples.push(call.elapsed());
        }
        percentiles(samples)
    };
    let (p50, p99) = time(&|| {
        std::hint::black_box(route(&prompt, &models, &options));
    });
    let (count_p50, _) = time(&|| {
        std::hint::black_box(tokenizer().encode_ordinary(&prompt).len());
    });
    let (analyze_p50, _) = time(&|| {
        std::hint::black_box(analyze(&prompt));
    });
    let features = analyze(&prompt);
    let (score_p50, _) = time(&|| {
        let scored = classifier::builtin().score(&prompt, &features);
        std::hint::black_box(classifier::builtin().decide(scored.logits));
    });
    println!(
        "routing decision, {tokens}-token prompt, tokenisation and classifier included: p50 {:.0} µs, p99 {:.0} µs ({runs} runs)",
        p50.as_secs_f64() * 1e6,
        p99.as_secs_f64() * 1e6,
    );
    println!(
        "  of which, p50: token counting {:.0} µs, analysis (with the counting) {:.0} µs, classifier score + decide {:.0} µs",
        count_p50.as_secs_f64() * 1e6,
        analyze_p50.as_secs_f64() * 1e6,
        score_p50.as_secs_f64() * 1e6
    );

    let nats = NatsServer::start();
    let data_dir = tempfile::tempdir().expect("temp dir");
    let node = NodeProcess::start(EXE, &nats.url(), "bench", data_dir.path());
    let client = wait_for_node(&nats.url(), "bench", Duration::from_secs(10)).await;
    let short = RouteRequest {
        prompt: "Add pagination to the /users endpoint with page and per_page query params."
            .to_owned(),
        strategy: None,
        chat_id: None,
    };
    // The router's service subscribes after the node answers hello: wait (bounded) for its first answer.
    let deadline = Instant::now() + Duration::from_secs(10);
    while let Err(error) = client
        .request_service::<_, RouteReply>(ROUTER_ROUTE, &short)
        .await
    {
        assert!(
            Instant::now() < deadline,
            "the router never answered: {error}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    for _ in 0..200 {
        let _: RouteReply = client
            .request_service(ROUTER_ROUTE, &short)
            .await
            .expect("routes");
    }
    let total = 10_000;
    let concurrency = 32;
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let client = client.clone();
        let request = short.clone();
        tasks.push(tokio::spawn(async move {
            let mut samples = Vec::with_capacity(total / concurrency);
            for _ in 0..total / concurrency {
                let call = Instant::now();
                let _: RouteReply = client
                    .request_service(ROUTER_ROUTE, &request)
                    .await
                    .expect("routes");
                samples.push(call.elapsed());
            }
            samples
        }));
    }
    let mut samples = Vec::new();
    for task in tasks {
        samples.extend(task.await.expect("task"));
    }
    let elapsed = started.elapsed();
    let (p50, p99) = percentiles(samples);
    println!(
        "routing over NATS: {total} requests, {concurrency} in flight, in {:.2} s = {:.0} requests/s; p50 {:.0} µs, p99 {:.0} µs",
        elapsed.as_secs_f64(),
        total as f64 / elapsed.as_secs_f64(),
        p50.as_secs_f64() * 1e6,
        p99.as_secs_f64() * 1e6
    );
    drop(node);
}
