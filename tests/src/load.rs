//! What a load benchmark records: for each kind of operation its calls, their latencies and their errors (by
//! kind, with the first error's text), and the resident memory and CPU time of the processes under load, read
//! once a second from `/proc/<pid>/status` and `/proc/<pid>/stat`.

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

/// The CPU time (user and system) process `pid` has used, in seconds; none once it is gone.
pub fn cpu_seconds(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The fields after the command name (which may hold spaces), from the state: utime and stime are the 12th
    // and 13th, in clock ticks (USER_HZ, 100 a second on Linux).
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
}

/// One reading of a process: resident memory in KiB, CPU seconds used so far (NaN once it is gone).
type Reading = (u64, f64);

/// Reads the resident memory and CPU time of some processes at a steady interval, on a thread of its own, until
/// stopped.
#[derive(Debug)]
pub struct ProcessSampler {
    stop: mpsc::Sender<()>,
    thread: std::thread::JoinHandle<()>,
    samples: Arc<Mutex<Vec<Vec<Reading>>>>,
    labels: Vec<String>,
    started: Instant,
}

/// One process over a run: its resident memory in KiB, and the CPU time it used.
#[derive(Debug, Clone)]
pub struct ProcessSeries {
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
    /// CPU seconds used between the first reading and the last.
    pub cpu_seconds: f64,
    /// Those over the time between the readings: 1.0 is one core busy all along.
    pub cores: f64,
}

impl ProcessSampler {
    /// Starts reading the processes `pids` (labelled) now and then every `every`.
    pub fn start(processes: Vec<(String, u32)>, every: Duration) -> ProcessSampler {
        let (labels, pids): (Vec<String>, Vec<u32>) = processes.into_iter().unzip();
        let samples = Arc::new(Mutex::new(vec![Vec::new(); pids.len()]));
        let (stop, stopped) = mpsc::channel();
        let shared = samples.clone();
        let thread = std::thread::spawn(move || {
            let read = || {
                if let Ok(mut samples) = shared.lock() {
                    for (series, pid) in samples.iter_mut().zip(&pids) {
                        series.push((
                            rss_kib(*pid).unwrap_or(0),
                            cpu_seconds(*pid).unwrap_or(f64::NAN),
                        ));
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
        ProcessSampler {
            stop,
            thread,
            samples,
            labels,
            started: Instant::now(),
        }
    }

    /// Takes a last reading, stops, and returns each process's readings.
    pub fn finish(self) -> Vec<ProcessSeries> {
        let _ = self.stop.send(());
        let _ = self.thread.join();
        let elapsed = self.started.elapsed().as_secs_f64().max(f64::EPSILON);
        let samples = self
            .samples
            .lock()
            .map(|samples| samples.clone())
            .unwrap_or_default();
        self.labels
            .into_iter()
            .zip(samples)
            .map(|(label, readings)| {
                let samples_kib: Vec<u64> = readings.iter().map(|(kib, _)| *kib).collect();
                let cpu: Vec<f64> = readings
                    .iter()
                    .map(|(_, cpu)| *cpu)
                    .filter(|cpu| cpu.is_finite())
                    .collect();
                let cpu_seconds = match (cpu.first(), cpu.last()) {
                    (Some(first), Some(last)) => last - first,
                    _ => 0.0,
                };
                ProcessSeries {
                    label,
                    start_kib: samples_kib.first().copied().unwrap_or(0),
                    peak_kib: samples_kib.iter().max().copied().unwrap_or(0),
                    end_kib: samples_kib.last().copied().unwrap_or(0),
                    samples_kib,
                    cpu_seconds,
                    cores: cpu_seconds / elapsed,
                }
            })
            .collect()
    }
}
