//! Routing speed: tokenizer start-up, one routing decision for a 2,000-token prompt (token counting
//! included), and 10,000 routing requests over NATS to a node's router service.
//!
//! Run: `cargo bench -p shim-tests --bench routing`.

use std::time::{Duration, Instant};

use shim_actors::model_router::{
    analyzer::tokenizer,
    router::{RouteOptions, TierModels, route},
};
use shim_protocol::{
    messages::{RouteReply, RouteRequest},
    subject::ROUTER_ROUTE,
};
use shim_tests::{NatsServer, NodeProcess, percentiles, wait_for_node};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

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

#[tokio::main]
async fn main() {
    let started = Instant::now();
    let _ = tokenizer().encode_ordinary("warm up");
    let startup = started.elapsed();

    let prompt = long_prompt();
    let tokens = tokenizer().encode_ordinary(&prompt).len();
    let models = TierModels::default();
    let options = RouteOptions::default();
    for _ in 0..200 {
        std::hint::black_box(route(&prompt, &models, &options));
    }
    let runs = 5_000;
    let mut samples = Vec::with_capacity(runs);
    for _ in 0..runs {
        let call = Instant::now();
        std::hint::black_box(route(&prompt, &models, &options));
        samples.push(call.elapsed());
    }
    let (p50, p99) = percentiles(samples);
    let mut counts = Vec::with_capacity(runs);
    for _ in 0..runs {
        let call = Instant::now();
        std::hint::black_box(tokenizer().encode_ordinary(&prompt).len());
        counts.push(call.elapsed());
    }
    let (count_p50, _) = percentiles(counts);
    println!(
        "\ntokenizer start-up (cl100k, once per process): {:.1} ms",
        startup.as_secs_f64() * 1e3
    );
    println!(
        "routing decision, {tokens}-token prompt, token counting included: p50 {:.0} µs, p99 {:.0} µs ({runs} runs); token counting alone p50 {:.0} µs",
        p50.as_secs_f64() * 1e6,
        p99.as_secs_f64() * 1e6,
        count_p50.as_secs_f64() * 1e6
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
