//! The task queue measured the way `../shared/bench/bullmq/` measures BullMQ, so the two can be compared:
//!
//! - **end to end**: a producer dispatches N tasks (100 in flight, as BullMQ's `addBulk(100)`) while a worker
//!   with concurrency 1 or 16 claims and completes them; tasks per second from the first dispatch to the last
//!   completion;
//! - **dispatch latency**: a producer dispatches at a steady 500 tasks/s for 10 s while 16 waiting workers
//!   claim; time from the dispatch call to the claim's return, p50 and p99.
//!
//! Both with durable storage: JetStream file storage (the queue stream, the task bucket). The producer and the
//! worker each have their own NATS connection, as BullMQ's Queue and Worker have their own Redis connections,
//! and share one thread, as Node.js runs them; each run starts a fresh nats-server, after the machine has been
//! quiet for two seconds (as BullMQ's benchmark waits). Knobs: `N` (20,000), `RUNS` (3), `LAT_RATE` (500), `LAT_SECS` (10),
//! `WARMUP` (3,000 tasks through the queue before each run's measurement, as BullMQ's `CHILD_WARMUP`);
//! `SYNC` (JetStream's `sync_interval`: nats.conf's `always` unless set, e.g. `1s` beside Redis' AOF `everysec`);
//! `PARTS` (comma-separated `c1`, `c16`, `latency`: only those measurements); `GATE_MAX_S` (the longest wait
//! for a quiet machine before each run, 240);
//! `CLUSTER=1` runs each measurement on three servers from `nats-cluster.conf` (as written: `always`) with three
//! copies of the queue's streams and buckets, the clients connected to all three (docs/cluster.md, "What
//! replicas buy"); `SHIM_BENCH_JSON=<file>` writes the medians as JSON (used by
//! `tests/benches/queue_vs_bullmq.sh`).
//!
//! Run: `cargo bench -p shim-tests --bench task_queue`.

use std::{
    sync::{
        Arc, Mutex,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use shim_node::coordination::{
    supervise::Supervision,
    tasks::{TaskQueue, TaskQueueConfig},
};
use shim_protocol::messages::{DispatchTaskRequest, TaskRecord};
use shim_tests::{NatsCluster, NatsOptions, NatsServer};

fn knob(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

/// About 200 bytes, like BullMQ's benchmark payload.
fn instructions(index: usize, sent_ns: u128) -> String {
    serde_json::json!({
        "id": index,
        "tenant": "tenant-0042",
        "type": "invoice.render",
        "requestedBy": "user-12345@example.com",
        "createdAt": "2024-05-01T12:34:56.789Z",
        "attrs": {"locale": "en-US", "priority": "normal", "format": "pdf"},
        "t": sent_ns,
    })
    .to_string()
}

/// The servers of one run: one from nats.conf, or (`CLUSTER=1`) three from nats-cluster.conf.
enum Servers {
    One(NatsServer),
    Three(NatsCluster),
}

impl Servers {
    fn start(options: &NatsOptions) -> Servers {
        if knob("CLUSTER", 0) == 1 {
            Servers::Three(NatsCluster::start())
        } else {
            Servers::One(NatsServer::start_with(options))
        }
    }

    /// CPU seconds the servers have used so far.
    fn cpu_seconds(&self) -> f64 {
        let pids: Vec<u32> = match self {
            Servers::One(nats) => nats.pid().into_iter().collect(),
            Servers::Three(cluster) => (0..3).filter_map(|index| cluster.pid(index)).collect(),
        };
        pids.into_iter()
            .filter_map(shim_tests::load::cpu_seconds)
            .sum()
    }
}

/// CPU seconds this process (producer and worker) has used so far.
fn own_cpu_seconds() -> f64 {
    shim_tests::load::cpu_seconds(std::process::id()).unwrap_or(0.0)
}

/// What one end-to-end run measured.
struct EndToEnd {
    /// Tasks per second from the first dispatch to the last completion.
    rate: f64,
    /// CPU time per task of the servers and of this process (producer and worker), in microseconds.
    server_us: f64,
    client_us: f64,
    /// How long the producer took to dispatch all N, and how many were completed by then.
    dispatched_in: Duration,
    done_by_then: usize,
}

async fn open(servers: &Servers) -> TaskQueue {
    open_supervised(servers, &Supervision::quiet()).await
}

/// A queue whose background task (its listener) ends with `supervision`.
async fn open_supervised(servers: &Servers, supervision: &Supervision) -> TaskQueue {
    let (url, replicas) = match servers {
        Servers::One(nats) => (nats.url(), 1),
        Servers::Three(cluster) => (cluster.urls(), 3),
    };
    let client = shim_node::nats::connect(&url, "bench", false, None)
        .await
        .expect("connects");
    TaskQueue::open_supervised(
        client,
        TaskQueueConfig {
            replicas,
            ..TaskQueueConfig::default()
        },
        supervision,
    )
    .await
    .expect("queue")
}

async fn dispatch(queue: &TaskQueue, index: usize, sent_ns: u128) {
    queue
        .dispatch(
            DispatchTaskRequest {
                chat_id: "bench-producer".to_owned(),
                title: "job".to_owned(),
                instructions: instructions(index, sent_ns),
                ..DispatchTaskRequest::default()
            },
            shim_actors::now_ms(),
        )
        .await
        .expect("dispatches");
}

/// One worker slot: claims and completes until `done` reaches `n`; records claim latency when `origin` is given.
async fn work(
    queue: TaskQueue,
    slot: usize,
    done: Arc<AtomicUsize>,
    n: usize,
    origin: Option<(Instant, Arc<Mutex<Vec<Duration>>>)>,
) -> Option<Instant> {
    let chat_id = format!("bench-worker-{slot}");
    let mut last = None;
    let mut next = None;
    let record = |claim: &TaskRecord| {
        if let Some((origin, samples)) = &origin {
            let sent_ns = serde_json::from_str::<serde_json::Value>(&claim.instructions)
                .ok()
                .and_then(|value| value["t"].as_u64())
                .unwrap_or_default();
            let latency = origin
                .elapsed()
                .saturating_sub(Duration::from_nanos(sent_ns));
            if let Ok(mut samples) = samples.lock() {
                samples.push(latency);
            }
        }
    };
    while done.load(Ordering::Acquire) < n {
        let claim = match next.take() {
            Some(claim) => claim,
            None => match queue
                .claim(
                    &chat_id,
                    &[],
                    Duration::from_millis(500),
                    shim_actors::now_ms,
                )
                .await
            {
                Ok((Some(claim), _)) => {
                    record(&claim);
                    claim
                }
                Ok((None, _)) => continue,
                Err(error) => {
                    eprintln!("claim failed: {error}");
                    continue;
                }
            },
        };
        // Complete, and take the next waiting task in the same call, as a worker loop does (BullMQ's worker
        // fetches its next job when it reports one finished, too).
        let (_, _, claimed, _) = queue
            .complete_and_claim(
                &chat_id,
                &claim.task_id,
                String::new(),
                &[],
                shim_actors::now_ms(),
            )
            .await
            .expect("completes");
        if let Some(claimed) = &claimed {
            record(claimed);
        }
        next = claimed;
        if done.fetch_add(1, Ordering::AcqRel) + 1 == n {
            last = Some(Instant::now());
        }
    }
    last
}

/// Runs `WARMUP` tasks (3,000 unless set) through a run's fresh server with `concurrency` workers before the
/// measurement, not counted in it, through a producer and workers of their own, closed before the
/// measurement opens new ones: as BullMQ's benchmark measures a new `Worker` on a Redis server that has been
/// serving (its fresh worker processes first run `CHILD_WARMUP` jobs on a side queue), SHIM's measurement
/// meets a server that has been serving, not one just started, with connections of its own.
async fn warm_up(servers: &Servers, concurrency: usize) {
    let n = knob("WARMUP", 3_000);
    if n == 0 {
        return;
    }
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let supervision = Supervision::quiet_until(stopped);
    let producer = open_supervised(servers, &supervision).await;
    let worker = open_supervised(servers, &supervision).await;
    let done = Arc::new(AtomicUsize::new(0));
    let slots: Vec<_> = (0..concurrency)
        .map(|slot| tokio::spawn(work(worker.clone(), slot, done.clone(), n, None)))
        .collect();
    for batch in (0..n).collect::<Vec<_>>().chunks(100) {
        futures::future::join_all(batch.iter().map(|index| dispatch(&producer, *index, 0))).await;
    }
    for slot in slots {
        slot.await.expect("warm-up worker");
    }
    // Their listeners end, and with the last handles their connections close.
    drop((producer, worker));
    let _ = stop.send(true);
    supervision.finish(Duration::from_secs(5)).await;
}

/// Tasks per second from the first dispatch to the last completion, and the CPU each side spent per task.
async fn end_to_end(concurrency: usize, n: usize, options: &NatsOptions) -> EndToEnd {
    let nats = Servers::start(options);
    warm_up(&nats, concurrency).await;
    let producer = open(&nats).await;
    let worker = open(&nats).await;
    let done = Arc::new(AtomicUsize::new(0));
    let (server_before, client_before) = (nats.cpu_seconds(), own_cpu_seconds());
    let slots: Vec<_> = (0..concurrency)
        .map(|slot| tokio::spawn(work(worker.clone(), slot, done.clone(), n, None)))
        .collect();
    let started = Instant::now();
    for batch in (0..n).collect::<Vec<_>>().chunks(100) {
        futures::future::join_all(batch.iter().map(|index| dispatch(&producer, *index, 0))).await;
    }
    let (dispatched_in, done_by_then) = (started.elapsed(), done.load(Ordering::Acquire));
    let mut finished = started;
    for slot in slots {
        if let Some(at) = slot.await.expect("worker") {
            finished = at;
        }
    }
    let per_task = |seconds: f64| seconds * 1e6 / n as f64;
    EndToEnd {
        rate: n as f64 / finished.duration_since(started).as_secs_f64(),
        server_us: per_task(nats.cpu_seconds() - server_before),
        client_us: per_task(own_cpu_seconds() - client_before),
        dispatched_in,
        done_by_then,
    }
}

/// Dispatch-to-claim latency at a steady rate, 16 waiting workers.
async fn latency(rate: usize, seconds: usize, options: &NatsOptions) -> (Duration, Duration, f64) {
    let nats = Servers::start(options);
    warm_up(&nats, 16).await;
    let producer = open(&nats).await;
    let worker = open(&nats).await;
    let total = rate * seconds;
    let done = Arc::new(AtomicUsize::new(0));
    let samples = Arc::new(Mutex::new(Vec::with_capacity(total)));
    let origin = Instant::now();
    let slots: Vec<_> = (0..16)
        .map(|slot| {
            tokio::spawn(work(
                worker.clone(),
                slot,
                done.clone(),
                total,
                Some((origin, samples.clone())),
            ))
        })
        .collect();
    let started = Instant::now();
    let mut sends = Vec::with_capacity(total);
    let mut ticks = tokio::time::interval(Duration::from_millis(1));
    let mut sent = 0;
    while sent < total {
        ticks.tick().await;
        let due = ((started.elapsed().as_secs_f64() * rate as f64) as usize + 1).min(total);
        while sent < due {
            let producer = producer.clone();
            let index = sent;
            sends.push(tokio::spawn(async move {
                let called = Instant::now();
                dispatch(&producer, index, origin.elapsed().as_nanos()).await;
                called.elapsed()
            }));
            sent += 1;
        }
    }
    let achieved = total as f64 / started.elapsed().as_secs_f64();
    let mut calls = Vec::with_capacity(total);
    for send in sends {
        calls.push(send.await.expect("dispatch"));
    }
    let (call_p50, call_p99) = shim_tests::percentiles(calls);
    eprintln!(
        "  dispatch call p50 {:.2} ms, p99 {:.2} ms",
        call_p50.as_secs_f64() * 1e3,
        call_p99.as_secs_f64() * 1e3
    );
    for slot in slots {
        slot.await.expect("worker");
    }
    let samples = std::mem::take(&mut *samples.lock().expect("samples"));
    // The tail in more detail: a stall that hits a few percent of claims shows here before it moves p99.
    let [p50, p90, p95, p99, p999, max] =
        shim_tests::quantiles(samples, [0.50, 0.90, 0.95, 0.99, 0.999, 1.0]);
    let ms = |quantile: Duration| quantile.as_secs_f64() * 1e3;
    eprintln!(
        "  dispatch to claim p90 {:.2} ms, p95 {:.2} ms, p99.9 {:.2} ms, max {:.2} ms",
        ms(p90),
        ms(p95),
        ms(p999),
        ms(max)
    );
    (p50, p99, achieved)
}

/// Busy and total jiffies of the machine (first line of /proc/stat).
fn machine_jiffies() -> (u64, u64) {
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let fields: Vec<u64> = stat
        .lines()
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .skip(1)
        .filter_map(|field| field.parse().ok())
        .collect();
    let busy = [0, 1, 2, 5, 6]
        .iter()
        .filter_map(|index| fields.get(*index))
        .sum();
    (busy, fields.iter().take(8).sum())
}

/// Waits (up to `GATE_MAX_S` seconds, four minutes unless set, as BullMQ's benchmark's knob of that name) until
/// the machine has been under 10% busy for two seconds running, as BullMQ's benchmark does before each run: this
/// machine is shared, and figures taken under others' load are noise.
async fn quiet_gate() {
    let started = Instant::now();
    let longest = Duration::from_secs(knob("GATE_MAX_S", 240) as u64);
    let mut quiet = 0;
    while quiet < 2 && started.elapsed() < longest {
        let (busy_before, total_before) = machine_jiffies();
        tokio::time::sleep(Duration::from_secs(1)).await;
        let (busy_after, total_after) = machine_jiffies();
        let share = (busy_after - busy_before) as f64 / (total_after - total_before).max(1) as f64;
        quiet = if share < 0.10 { quiet + 1 } else { 0 };
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    if values.len() % 2 == 1 {
        values[middle]
    } else {
        (values[middle - 1] + values[middle]) / 2.0
    }
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let n = knob("N", 20_000);
    let runs = knob("RUNS", 3);
    let rate = knob("LAT_RATE", 500);
    let seconds = knob("LAT_SECS", 10);
    // JetStream's flush to disk: nats.conf's own (`always`) unless SYNC names another interval (`1s`).
    let options = NatsOptions {
        sync_interval: std::env::var("SYNC").ok().filter(|sync| !sync.is_empty()),
        ..NatsOptions::default()
    };
    let sync = options
        .sync_interval
        .as_deref()
        .unwrap_or("always (nats.conf)");
    println!("JetStream sync_interval: {sync}");
    if knob("CLUSTER", 0) == 1 {
        println!("three servers (nats-cluster.conf, sync_interval always), three copies");
    }
    runtime.block_on(async {
        // Warm-up: connections, page cache, the allocator.
        end_to_end(16, 2_000, &options).await;
        let mut results = serde_json::Map::new();
        for concurrency in [1, 16] {
            if !wanted(&format!("c{concurrency}")) {
                continue;
            }
            let (mut rates, mut server, mut client) = (Vec::new(), Vec::new(), Vec::new());
            for run in 1..=runs {
                quiet_gate().await;
                let measured = end_to_end(concurrency, n, &options).await;
                eprintln!(
                    "e2e c={concurrency} run {run}/{runs}: {:.0} tasks/s; CPU per task: server {:.0} µs, client {:.0} µs; \
                     all dispatched after {:.2} s, {} completed by then",
                    measured.rate,
                    measured.server_us,
                    measured.client_us,
                    measured.dispatched_in.as_secs_f64(),
                    measured.done_by_then
                );
                rates.push(measured.rate);
                server.push(measured.server_us);
                client.push(measured.client_us);
            }
            let (rate, server, client) = (median(rates), median(server), median(client));
            println!(
                "end to end, concurrency {concurrency:>2}: {rate:>7.0} tasks/s (median of {runs}, N={n}); \
                 CPU per task: server {server:.0} µs, client {client:.0} µs"
            );
            results.insert(format!("e2e_c{concurrency}"), serde_json::json!(rate));
            results.insert(format!("server_us_c{concurrency}"), serde_json::json!(server));
            results.insert(format!("client_us_c{concurrency}"), serde_json::json!(client));
        }
        let (mut p50s, mut p99s, mut achieved) = (Vec::new(), Vec::new(), Vec::new());
        for run in 1..=runs * usize::from(wanted("latency")) {
            quiet_gate().await;
            let (p50, p99, rate) = latency(rate, seconds, &options).await;
            eprintln!(
                "latency run {run}/{runs}: p50 {:.2} ms, p99 {:.2} ms at {rate:.0}/s",
                p50.as_secs_f64() * 1e3,
                p99.as_secs_f64() * 1e3
            );
            p50s.push(p50.as_secs_f64() * 1e3);
            p99s.push(p99.as_secs_f64() * 1e3);
            achieved.push(rate);
        }
        if p50s.is_empty() {
            write_results(results);
            return;
        }
        let (p50, p99) = (median(p50s), median(p99s));
        println!(
            "dispatch to claim at {rate}/s: p50 {p50:.2} ms, p99 {p99:.2} ms (median of {runs}, achieved {:.0}/s)",
            median(achieved)
        );
        results.insert("latency_p50_ms".to_owned(), serde_json::json!(p50));
        results.insert("latency_p99_ms".to_owned(), serde_json::json!(p99));
        write_results(results);
    });
}

/// Whether `PARTS` (comma-separated `c1`, `c16`, `latency`; all when unset) asks for `part`.
fn wanted(part: &str) -> bool {
    std::env::var("PARTS").map_or(true, |parts| {
        parts.split(',').any(|asked| asked.trim() == part)
    })
}

/// Writes the medians as JSON to `SHIM_BENCH_JSON`, when set.
fn write_results(results: serde_json::Map<String, serde_json::Value>) {
    if let Ok(path) = std::env::var("SHIM_BENCH_JSON") {
        std::fs::write(&path, serde_json::Value::Object(results).to_string())
            .expect("writes the results");
    }
}
