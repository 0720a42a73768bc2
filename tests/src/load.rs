//! What a load benchmark records: for each kind of operation its calls, their latencies and their errors (by
//! kind, with the first error's text), and the resident memory of the processes under load, read once a second
//! from `/proc/<pid>/status`.

use std::{
    collections::BTreeMap,
    sync::{Arc, Mutex, mpsc},
    time::{Duration, Instant},
};

use shim_node::nats::ClientError;

/// The calls of every kind of operation.
#[derive(Debug, Default)]
pub struct OpRecorder {
    ops: Mutex<BTreeMap<String, OpRecord>>,
}

/// The calls of one kind of operation.
#[derive(Debug, Default, Clone)]
pub struct OpRecord {
    /// Latency of each call that succeeded.
    pub samples: Vec<Duration>,
    /// Failed calls by kind of error: how many, and the text of the first.
    pub errors: BTreeMap<String, (usize, String)>,
}

/// One line of the figures: an operation's calls over the time they were made in.
#[derive(Debug, Clone)]
pub struct OpSummary {
    /// The operation.
    pub name: String,
    /// Calls that succeeded.
    pub ok: usize,
    /// Calls that failed.
    pub errors: usize,
    /// Calls (both) per second.
    pub per_second: f64,
    /// Latency of the calls that succeeded.
    pub p50: Duration,
    /// Latency of the calls that succeeded.
    pub p99: Duration,
    /// Latency of the slowest call that succeeded.
    pub max: Duration,
    /// Failed calls by kind of error: how many, and the text of the first.
    pub error_kinds: BTreeMap<String, (usize, String)>,
}

impl OpRecorder {
    /// Records a call of `op` that succeeded in `latency`.
    pub fn ok(&self, op: &str, latency: Duration) {
        self.with(op, |record| record.samples.push(latency));
    }

    /// Records a call of `op` that failed with an error of `kind`, saying `text`.
    pub fn error(&self, op: &str, kind: &str, text: impl Into<String>) {
        let text = text.into();
        self.with(op, |record| {
            record
                .errors
                .entry(kind.to_owned())
                .or_insert_with(|| (0, text))
                .0 += 1;
        });
    }

    /// Records `result`, of a call of `op` started at `started`, and passes it on.
    pub fn outcome<T>(
        &self,
        op: &str,
        started: Instant,
        result: Result<T, ClientError>,
    ) -> Result<T, ClientError> {
        match &result {
            Ok(_) => self.ok(op, started.elapsed()),
            Err(error) => self.error(op, &error_kind(error), error.to_string()),
        }
        result
    }

    /// Returns every operation's figures, the rate taken over `elapsed`, by name.
    pub fn summary(&self, elapsed: Duration) -> Vec<OpSummary> {
        let ops = self.ops.lock().map(|ops| ops.clone()).unwrap_or_default();
        ops.into_iter()
            .map(|(name, record)| {
                let errors = record.errors.values().map(|(count, _)| count).sum();
                let ok = record.samples.len();
                let (p50, p99) = if ok == 0 {
                    (Duration::ZERO, Duration::ZERO)
                } else {
                    crate::percentiles(record.samples.clone())
                };
                OpSummary {
                    name,
                    ok,
                    errors,
                    per_second: (ok + errors) as f64 / elapsed.as_secs_f64().max(f64::EPSILON),
                    p50,
                    p99,
                    max: record.samples.iter().max().copied().unwrap_or_default(),
                    error_kinds: record.errors,
                }
            })
            .collect()
    }

    fn with(&self, op: &str, update: impl FnOnce(&mut OpRecord)) {
        if let Ok(mut ops) = self.ops.lock() {
            update(ops.entry(op.to_owned()).or_default());
        }
    }
}

/// A failed call's kind: the node's error code (`busy`, `timeout`, `forbidden`, ...) or what failed on the way.
pub fn error_kind(error: &ClientError) -> String {
    match error {
        ClientError::Remote(remote) => remote.code().to_owned(),
        ClientError::Timeout { .. } => "no answer in time".to_owned(),
        ClientError::NoNode { .. } => "no responders".to_owned(),
        ClientError::Nats(_) => "nats".to_owned(),
        ClientError::Codec(_) => "codec".to_owned(),
        ClientError::Subject(_) => "subject".to_owned(),
    }
}

/// The resident memory (`VmRSS`) of process `pid` in KiB; none once it is gone.
pub fn rss_kib(pid: u32) -> Option<u64> {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()?
        .lines()
        .find(|line| line.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// Reads the resident memory of some processes at a steady interval, on a thread of its own, until stopped.
#[derive(Debug)]
pub struct RssSampler {
    stop: mpsc::Sender<()>,
    thread: std::thread::JoinHandle<()>,
    samples: Arc<Mutex<Vec<Vec<u64>>>>,
    labels: Vec<String>,
}

/// One process's resident memory over a run, in KiB.
#[derive(Debug, Clone)]
pub struct RssSeries {
    /// What the process is.
    pub label: String,
    /// The first reading.
    pub start_kib: u64,
    /// The highest reading.
    pub peak_kib: u64,
    /// The last reading.
    pub end_kib: u64,
    /// Every reading, in order (a process gone reads 0).
    pub samples_kib: Vec<u64>,
}

impl RssSampler {
    /// Starts reading the processes `pids` (labelled) now and then every `every`.
    pub fn start(processes: Vec<(String, u32)>, every: Duration) -> RssSampler {
        let (labels, pids): (Vec<String>, Vec<u32>) = processes.into_iter().unzip();
        let samples = Arc::new(Mutex::new(vec![Vec::new(); pids.len()]));
        let (stop, stopped) = mpsc::channel();
        let shared = samples.clone();
        let thread = std::thread::spawn(move || {
            let read = || {
                if let Ok(mut samples) = shared.lock() {
                    for (series, pid) in samples.iter_mut().zip(&pids) {
                        series.push(rss_kib(*pid).unwrap_or(0));
                    }
                }
            };
            loop {
                read();
                match stopped.recv_timeout(every) {
                    Err(mpsc::RecvTimeoutError::Timeout) => {}
                    Ok(()) | Err(mpsc::RecvTimeoutError::Disconnected) => {
                        read();
                        return;
                    }
                }
            }
        });
        RssSampler {
            stop,
            thread,
            samples,
            labels,
        }
    }

    /// Takes a last reading, stops, and returns each process's readings.
    pub fn finish(self) -> Vec<RssSeries> {
        let _ = self.stop.send(());
        let _ = self.thread.join();
        let samples = self
            .samples
            .lock()
            .map(|samples| samples.clone())
            .unwrap_or_default();
        self.labels
            .into_iter()
            .zip(samples)
            .map(|(label, samples_kib)| RssSeries {
                label,
                start_kib: samples_kib.first().copied().unwrap_or(0),
                peak_kib: samples_kib.iter().max().copied().unwrap_or(0),
                end_kib: samples_kib.last().copied().unwrap_or(0),
                samples_kib,
            })
            .collect()
    }
}
