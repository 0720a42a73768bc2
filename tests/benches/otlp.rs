//! OTLP intake benchmark: Claude Code `api_request` log records per second through a real node's OTLP/HTTP
//! receiver into `telemetry.api_request` events on NATS (and signals for an open chat), counted as they arrive
//! on a subscriber.
//!
//! Run: `cargo bench -p shim-tests --bench otlp` (optionally `-- --records 200000 --batch 512 --senders 4`).
//! A real nats-server; the node in this process; each export on its own HTTP/1.1 connection, as a plain
//! client sends it. Batches of 512 are what Claude Code's log exporter sends at most. Every record has its own
//! time, so none is taken for a batch sent again (the receiver drops those); the bodies are built before the
//! clock starts.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use futures::StreamExt;
use prost::Message;
use shim_protocol::{
    NodeOp,
    messages::{SessionStartReply, SessionStartRequest},
};
use shim_tests::{
    NatsServer, TestNode,
    otlp::{api_request, gzip, logs},
};

struct Options {
    records: usize,
    batch: usize,
    senders: usize,
}

fn options() -> Options {
    let mut options = Options {
        records: 200_000,
        batch: 512,
        senders: 4,
    };
    let args: Vec<String> = std::env::args().collect();
    for pair in args.windows(2) {
        let value = pair[1].parse::<usize>().ok();
        match (pair[0].as_str(), value) {
            ("--records", Some(value)) => options.records = value,
            ("--batch", Some(value)) => options.batch = value.max(1),
            ("--senders", Some(value)) => options.senders = value.max(1),
            _ => {}
        }
    }
    options
}

#[derive(Clone, Copy)]
enum Encoding {
    Protobuf,
    ProtobufGzip,
    Json,
}

impl Encoding {
    fn name(self) -> &'static str {
        match self {
            Encoding::Protobuf => "protobuf",
            Encoding::ProtobufGzip => "protobuf+gzip",
            Encoding::Json => "json",
        }
    }
}

/// Returns the body of batch `batch` of run `run`: records whose times are all different from every other
/// batch's and run's.
fn body(encoding: Encoding, run: u64, batch: usize, size: usize) -> Vec<u8> {
    let chat_id = "bench-chat";
    let export = logs(
        (0..size)
            .map(|index| {
                let mut record =
                    api_request(chat_id, 800 + (index as u64 % 400), 1_000 + index as u64);
                record.time_unix_nano +=
                    run * 1_000_000_000_000 + ((batch * size + index) as u64) * 1_000;
                record
            })
            .collect(),
    );
    match encoding {
        Encoding::Protobuf => export.encode_to_vec(),
        Encoding::ProtobufGzip => gzip(&export.encode_to_vec()),
        Encoding::Json => serde_json::to_vec(&export).expect("the crate's JSON mapping"),
    }
}

async fn run(
    node: &TestNode,
    nats: &async_nats::Client,
    encoding: Encoding,
    run_index: u64,
    options: &Options,
) {
    let batches = options.records.div_ceil(options.batch);
    let bodies: Arc<Vec<Vec<u8>>> = Arc::new(
        (0..batches)
            .map(|batch| body(encoding, run_index, batch, options.batch))
            .collect(),
    );
    let headers: Vec<(&str, &str)> = match encoding {
        Encoding::Protobuf => vec![("Content-Type", "application/x-protobuf")],
        Encoding::ProtobufGzip => vec![
            ("Content-Type", "application/x-protobuf"),
            ("Content-Encoding", "gzip"),
        ],
        Encoding::Json => vec![("Content-Type", "application/json")],
    };
    let expected = batches * options.batch;
    let mut events = nats
        .subscribe("shim.events.telemetry.api_request")
        .await
        .expect("subscribes");
    nats.flush().await.expect("flush");
    let counter = tokio::spawn(async move {
        let mut seen = 0usize;
        while seen < expected {
            match tokio::time::timeout(Duration::from_secs(30), events.next()).await {
                Ok(Some(_)) => seen += 1,
                _ => break,
            }
        }
        (seen, Instant::now())
    });
    let otlp = node.otlp();
    let started = Instant::now();
    let mut senders = Vec::new();
    for sender in 0..options.senders {
        let bodies = bodies.clone();
        let otlp = otlp.clone();
        let senders_count = options.senders;
        let headers: Vec<(String, String)> = headers
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect();
        senders.push(tokio::spawn(async move {
            let headers: Vec<(&str, &str)> = headers
                .iter()
                .map(|(name, value)| (name.as_str(), value.as_str()))
                .collect();
            let mut latencies = Vec::new();
            for body in bodies.iter().skip(sender).step_by(senders_count) {
                let sent = Instant::now();
                let response = otlp.post("/v1/logs", &headers, body).await;
                assert_eq!(
                    response.status,
                    200,
                    "{}",
                    String::from_utf8_lossy(&response.body)
                );
                latencies.push(sent.elapsed());
            }
            latencies
        }));
    }
    let mut latencies = Vec::new();
    for sender in senders {
        latencies.extend(sender.await.expect("sender"));
    }
    let accepted = started.elapsed();
    let (seen, last_event_at) = counter.await.expect("counter");
    let delivered = last_event_at.duration_since(started);
    latencies.sort_unstable();
    let at = |quantile: f64| {
        latencies[((latencies.len() as f64 * quantile) as usize).min(latencies.len() - 1)]
    };
    println!(
        "{:<14} {:>8} records in {:>5} exports of {:>4} ({:>7.1} KiB each): accepted {:>9.0} records/s, \
         events on NATS {:>9.0} records/s ({seen} of {expected} seen); export p50 {:>6.1} ms, p99 {:>6.1} ms",
        encoding.name(),
        expected,
        batches,
        options.batch,
        bodies[0].len() as f64 / 1024.0,
        expected as f64 / accepted.as_secs_f64(),
        seen as f64 / delivered.as_secs_f64(),
        at(0.5).as_secs_f64() * 1000.0,
        at(0.99).as_secs_f64() * 1000.0,
    );
}

#[tokio::main]
async fn main() {
    let options = options();
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let _: SessionStartReply = client
        .request(
            NodeOp::SessionStart,
            &SessionStartRequest {
                chat_id: Some("bench-chat".to_owned()),
                ..SessionStartRequest::default()
            },
        )
        .await
        .expect("session starts");
    println!(
        "OTLP intake: {} records, batches of {}, {} senders, {} cores",
        options.records,
        options.batch,
        options.senders,
        std::thread::available_parallelism().map_or(0, usize::from)
    );
    for (run_index, encoding) in [Encoding::Protobuf, Encoding::ProtobufGzip, Encoding::Json]
        .into_iter()
        .enumerate()
    {
        run(&node, client.nats(), encoding, run_index as u64, &options).await;
    }
    node.stop().await;
}
