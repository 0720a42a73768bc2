#!/usr/bin/env python3
"""Writer w25: backend and systems engineers (Rust, C++, Go, Java) on databases, storage engines, brokers,
caches, network services and distributed systems. Run `python3 w25.py` to write w25.jsonl deterministically."""
import json, random

ROWS = []

def R(label, category, domain, voice, trap, rationale, prompt, language="en"):
    ROWS.append({"prompt": prompt, "label": label, "rationale": rationale, "category": category,
                 "domain": domain, "voice": voice, "language": language, "trap": trap})

# ---------------- generators for pasted material (seeded) ----------------

def _ts(rng, base_h=3, base_m=12):
    return "2026-11-%02dT%02d:%02d:%02d.%03dZ" % (rng.randint(10, 28), base_h, base_m, rng.randint(0, 59), rng.randint(0, 999))

def raft_log(seed, n, node="kv-2", inject=None):
    rng = random.Random(seed)
    lines = []
    term = rng.randint(40, 90)
    idx = rng.randint(1_200_000, 1_900_000)
    h, m, s, ms = 3, 12, 0, 0
    peers = ["kv-1", "kv-2", "kv-3", "kv-4", "kv-5"]
    for i in range(n):
        ms += rng.randint(3, 180)
        if ms >= 1000:
            s += ms // 1000; ms %= 1000
        if s >= 60:
            m += s // 60; s %= 60
        if m >= 60:
            h += 1; m %= 60
        t = "2026-11-19T%02d:%02d:%02d.%03dZ" % (h, m, s, ms)
        r = rng.random()
        if inject and i in inject:
            lines.append("%s %s" % (t, inject[i]))
            continue
        if r < 0.45:
            idx += rng.randint(1, 12)
            lines.append("%s INFO  raft node=%s term=%d msg=\"appended entries\" from=%d to=%d peer=%s" % (t, node, term, idx - 5, idx, rng.choice(peers)))
        elif r < 0.7:
            lines.append("%s DEBUG raft node=%s term=%d msg=\"commit index advanced\" commit=%d applied=%d" % (t, node, term, idx - rng.randint(0, 9), idx - rng.randint(10, 40)))
        elif r < 0.82:
            lines.append("%s INFO  storage node=%s msg=\"wal fsync\" segment=%08d.wal bytes=%d dur_ms=%.2f" % (t, node, idx // 65536, rng.randint(4096, 262144), rng.uniform(0.3, 9.5)))
        elif r < 0.9:
            lines.append("%s DEBUG grpc node=%s msg=\"heartbeat\" peer=%s rtt_ms=%.2f" % (t, node, rng.choice(peers), rng.uniform(0.2, 4.0)))
        elif r < 0.96:
            lines.append("%s INFO  snapshot node=%s msg=\"compaction tick\" live_keys=%d tombstones=%d" % (t, node, rng.randint(8_000_000, 9_000_000), rng.randint(1000, 90000)))
        else:
            lines.append("%s WARN  raft node=%s term=%d msg=\"slow follower\" peer=%s match=%d next=%d" % (t, node, term, rng.choice(peers), idx - rng.randint(200, 4000), idx - rng.randint(0, 100)))
    return "\n".join(lines)

def perf_report(seed, n, hot=None):
    rng = random.Random(seed)
    syms = [
        ("libc.so.6", "__memmove_avx_unaligned_erms"), ("kvd", "rocksdb::DBImpl::Get"),
        ("kvd", "rocksdb::BlockBasedTable::Get"), ("kvd", "rocksdb::LRUCacheShard::Lookup"),
        ("kvd", "rocksdb::crc32c::ExtendImpl"), ("[kernel.kallsyms]", "copy_user_enhanced_fast_string"),
        ("kvd", "kvd::server::handle_get"), ("kvd", "tokio::runtime::task::raw::poll"),
        ("libc.so.6", "pthread_mutex_lock"), ("[kernel.kallsyms]", "native_queued_spin_lock_slowpath"),
        ("kvd", "kvd::codec::decode_frame"), ("kvd", "prost::encoding::decode_varint"),
        ("kvd", "hashbrown::raw::RawTable::find"), ("libc.so.6", "malloc"), ("libc.so.6", "cfree"),
        ("kvd", "rocksdb::InternalKeyComparator::Compare"), ("[kernel.kallsyms]", "do_syscall_64"),
        ("[kernel.kallsyms]", "futex_wait"), ("kvd", "bytes::bytes_mut::BytesMut::reserve_inner"),
        ("kvd", "rocksdb::DataBlockIter::SeekImpl"), ("kvd", "snap::raw::Decoder::decompress"),
        ("[kernel.kallsyms]", "tcp_sendmsg_locked"), ("kvd", "kvd::metrics::Histogram::record"),
        ("libc.so.6", "__lll_lock_wait"), ("kvd", "std::sync::mutex::Mutex::lock"),
    ]
    rng.shuffle(syms)
    if hot:
        syms = hot + syms
    w = sorted([rng.random() ** 3 for _ in range(n)], reverse=True)
    tot = sum(w)
    out = ["# Samples: %dK of event 'cycles:u'" % rng.randint(180, 900), "# Event count (approx.): %d" % rng.randint(10**11, 10**12),
           "#", "# Overhead  Command  Shared Object      Symbol", "# ........  .......  .................  ......", "#"]
    for i in range(min(n, len(syms))):
        obj, sym = syms[i]
        out.append("  %6.2f%%  kvd      %-18s [.] %s" % (100 * w[i] / tot * 0.92, obj, sym))
    return "\n".join(out)

def bench_table(seed, rows, cols, names):
    rng = random.Random(seed)
    out = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for nm in names[:rows]:
        vals = [nm] + ["%.1f" % rng.uniform(1, 900) for _ in cols[1:]]
        out.append("| " + " | ".join(vals) + " |")
    return "\n".join(out)

def java_trace(seed, depth, exc, msg, top):
    rng = random.Random(seed)
    frames = top + [
        "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator.onJoinComplete(ConsumerCoordinator.java:%d)",
        "org.apache.kafka.clients.consumer.internals.AbstractCoordinator.joinGroupIfNeeded(AbstractCoordinator.java:%d)",
        "org.apache.kafka.clients.consumer.internals.AbstractCoordinator.ensureActiveGroup(AbstractCoordinator.java:%d)",
        "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator.poll(ConsumerCoordinator.java:%d)",
        "org.apache.kafka.clients.consumer.KafkaConsumer.updateAssignmentMetadataIfNeeded(KafkaConsumer.java:%d)",
        "org.apache.kafka.clients.consumer.KafkaConsumer.poll(KafkaConsumer.java:%d)",
        "com.shipfast.ledger.ingest.LedgerConsumer.run(LedgerConsumer.java:%d)",
        "java.base/java.util.concurrent.Executors$RunnableAdapter.call(Executors.java:%d)",
        "java.base/java.util.concurrent.FutureTask.run(FutureTask.java:%d)",
        "java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:%d)",
        "java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:%d)",
        "java.base/java.lang.Thread.run(Thread.java:%d)",
    ]
    out = ["%s: %s" % (exc, msg)]
    for f in frames[:depth]:
        out.append("\tat " + (f % rng.randint(60, 1400) if "%d" in f else f))
    return "\n".join(out)

def go_race(seed):
    rng = random.Random(seed)
    a = lambda: "0x%010x" % rng.randint(0xc000000000, 0xc0ffffffff)
    addr = a()
    return """==================
WARNING: DATA RACE
Write at %s by goroutine %d:
  github.com/relaybus/broker/internal/partition.(*Log).advanceHighWatermark()
      /src/broker/internal/partition/log.go:%d +0x1a4
  github.com/relaybus/broker/internal/partition.(*Replica).onFetchResponse()
      /src/broker/internal/partition/replica.go:%d +0x33c
  github.com/relaybus/broker/internal/replication.(*Fetcher).loop()
      /src/broker/internal/replication/fetcher.go:%d +0x5e8

Previous read at %s by goroutine %d:
  github.com/relaybus/broker/internal/partition.(*Log).ReadFrom()
      /src/broker/internal/partition/log.go:%d +0x9c
  github.com/relaybus/broker/internal/server.(*FetchHandler).Handle()
      /src/broker/internal/server/fetch.go:%d +0x2b0
  github.com/relaybus/broker/internal/server.(*conn).serve.func2()
      /src/broker/internal/server/conn.go:%d +0x118

Goroutine %d (running) created at:
  github.com/relaybus/broker/internal/replication.(*Manager).startFetcher()
      /src/broker/internal/replication/manager.go:%d +0x2f1
==================""" % (addr, rng.randint(20, 300), rng.randint(200, 600), rng.randint(100, 400), rng.randint(80, 300),
                          addr, rng.randint(300, 900), rng.randint(90, 300), rng.randint(40, 200), rng.randint(100, 300),
                          rng.randint(20, 300), rng.randint(50, 150))

def kafka_props(seed, extra=0):
    rng = random.Random(seed)
    base = [
        "broker.id=%d" % rng.randint(1, 9), "listeners=PLAINTEXT://0.0.0.0:9092,CONTROLLER://0.0.0.0:9093",
        "advertised.listeners=PLAINTEXT://kafka-2.prod.internal:9092", "num.network.threads=8", "num.io.threads=16",
        "socket.send.buffer.bytes=1048576", "socket.receive.buffer.bytes=1048576", "socket.request.max.bytes=104857600",
        "log.dirs=/data/kafka/logs-0,/data/kafka/logs-1", "num.partitions=12", "default.replication.factor=3",
        "min.insync.replicas=2", "unclean.leader.election.enable=false", "log.retention.hours=168",
        "log.segment.bytes=1073741824", "log.retention.check.interval.ms=300000", "log.flush.interval.messages=9223372036854775807",
        "offsets.topic.replication.factor=3", "transaction.state.log.replication.factor=3", "transaction.state.log.min.isr=2",
        "group.initial.rebalance.delay.ms=3000", "replica.lag.time.max.ms=30000", "replica.fetch.max.bytes=10485760",
        "compression.type=producer", "auto.create.topics.enable=false", "delete.topic.enable=true",
    ]
    for i in range(extra):
        base.append("# topic override %03d" % i)
        base.append("topic.%s-%d.retention.ms=%d" % (rng.choice(["orders", "payments", "clicks", "audit", "ledger"]), i, rng.choice([3600000, 86400000, 604800000])))
    return "\n".join(base)

def rust_struct(seed, n):
    rng = random.Random(seed)
    words = ["block", "cache", "wal", "memtable", "compaction", "flush", "bloom", "index", "filter", "level", "sst",
             "write", "read", "buffer", "io", "rate", "limit", "stall", "target", "max", "min", "bytes", "threads",
             "ttl", "checksum", "prefetch", "direct", "sync", "batch", "queue"]
    tys = ["u64", "usize", "u32", "bool", "Duration", "f64", "Option<u64>"]
    out = ["#[derive(Debug, Clone, Serialize, Deserialize)]", "#[serde(deny_unknown_fields)]", "pub struct EngineOptions {"]
    seen = set()
    while len(seen) < n:
        nm = "_".join(rng.sample(words, rng.choice([2, 3])))
        if nm in seen:
            continue
        seen.add(nm)
        ty = rng.choice(tys)
        out.append("    /// %s" % nm.replace("_", " ").capitalize() + ".")
        out.append("    #[serde(default = \"defaults::%s\")]" % nm)
        out.append("    pub %s: %s," % (nm, ty))
    out.append("}")
    return "\n".join(out)

def latency_csv(seed, n):
    rng = random.Random(seed)
    out = ["ts,node,op,p50_us,p99_us,p999_us,qps"]
    for i in range(n):
        p50 = rng.uniform(80, 160)
        out.append("2026-11-21T14:%02d:%02d,cache-%d,%s,%.0f,%.0f,%.0f,%d" % (i // 60 % 60, i % 60, rng.randint(1, 6), rng.choice(["GET", "SET", "GET", "GET", "DEL"]), p50, p50 * rng.uniform(4, 9), p50 * rng.uniform(15, 80), rng.randint(41000, 58000)))
    return "\n".join(out)

# ---------------- rows ----------------
# ---- batch 1: mixed quick questions, specs, hard asks ----
R("haiku", "question", "systems", "terse", None, "Single compiler flag lookup, checkable at a glance.",
  "rustc flag to print the full type in errors instead of the truncated one?")
R("haiku", "question", "databases", "plain", None, "Short well-known meaning of an error code.",
  "What does SQLITE_BUSY mean and how is it different from SQLITE_LOCKED?")
R("opus", "debug", "databases", "plain", "easy-words-hard", "TB6: lost acknowledged writes after a primary restart, no trace, needs a theory across replication and fsync.",
  "why do we sometimes lose the last write when the primary restarts? client gets OK back, after restart the key has the old value again. maybe once a week in prod. async replication to one replica, fsync every 100ms.")
R("haiku", "question", "systems", "terse", None, "Syntax detail, one-line answer.",
  "go: how do i write a labeled break out of a select inside a for loop")
R("sonnet", "implement", "systems", "plain", None, "Clear spec, one component, everyday implementation.",
  "Implement a token bucket rate limiter in Go for our gateway. Spec: capacity and refill rate per second configured per API key, `Allow(key string) bool`, keys evicted after 10 minutes idle, safe for concurrent use (a mutex is fine, we are not hot on this path). Include the eviction goroutine with a Stop() method.")
R("opus", "design", "systems", "terse", "short-hard", "TB3: short but asks for a lock-free concurrent structure with memory-ordering correctness.",
  "lock-free MPMC bounded queue in rust, no crossbeam. need it correct on arm too")
R("haiku", "explain", "systems", "plain", None, "Common error message explained in a sentence.",
  "What does `EADDRINUSE` mean when my Go server starts? I killed the old process already.")
R("sonnet", "debug", "systems", "plain", None, "Compiler error with an identifiable cause (borrow across await), TB7 subtle borrow -> sonnet.",
  """getting this and I don't understand why, the guard is dropped before the await I think?

```
error: future cannot be sent between threads safely
   --> src/session.rs:88:18
    |
88  |     tokio::spawn(async move {
    |                  ^^^^^^^^^^ future created by async block is not `Send`
    |
    = help: within `{async block@src/session.rs:88:18}`, the trait `Send` is not implemented for `std::sync::MutexGuard<'_, HashMap<u64, Session>>`
note: future is not `Send` as this value is used across an await
   --> src/session.rs:94:42
    |
91  |         let mut map = sessions.lock().unwrap();
    |             ------- has type `std::sync::MutexGuard<'_, HashMap<u64, Session>>` which is not `Send`
...
94  |         conn.write_all(&frame).await?;
    |                               ^^^^^^ await occurs here, with `mut map` maybe used later
95  |         map.remove(&id);
```

code:

```rust
tokio::spawn(async move {
    let frame = encode_close(id);
    let mut map = sessions.lock().unwrap();
    let conn = map.get_mut(&id).unwrap().conn.clone();
    conn.write_all(&frame).await?;
    map.remove(&id);
    Ok::<_, io::Error>(())
});
```""")
R("haiku", "question", "infrastructure", "terse", None, "One config setting lookup.",
  "kafka setting for how long a follower can lag before it drops out of ISR?")
R("opus", "design", "databases", "verbose", None, "Open design of a crash recovery protocol with correctness trade-offs.",
  "We're building a small embedded KV store in Rust (LSM, single process, one WAL, memtable flushed to SSTs, a MANIFEST file listing live SSTs). Right now recovery is: read the MANIFEST, open the SSTs, replay the WAL. We had a power-loss test in CI where after reboot a flushed SST was listed in the MANIFEST but was zero bytes, and another where the WAL had a torn last record. I'd like you to design the recovery protocol properly: what must be fsynced in what order on flush and on manifest rewrite (including directory fsyncs), how to detect and handle torn records, when it's safe to delete old WAL segments, and what invariants we should assert on startup. Please explain why each ordering is required, not just the list.")
R("sonnet", "test", "databases", "plain", None, "Writing tests for existing code with clear behaviour.",
  """Write table-driven Go tests for this varint decoder. Cover: single byte, max uint64, overlong encoding (should error), truncated input, and the 10th byte having bits above bit 0 set.

```go
var ErrOverflow = errors.New("varint overflows uint64")
var ErrTruncated = errors.New("varint truncated")

func Uvarint(buf []byte) (uint64, int, error) {
	var x uint64
	var s uint
	for i, b := range buf {
		if i == binary.MaxVarintLen64 {
			return 0, 0, ErrOverflow
		}
		if b < 0x80 {
			if i == binary.MaxVarintLen64-1 && b > 1 {
				return 0, 0, ErrOverflow
			}
			return x | uint64(b)<<s, i + 1, nil
		}
		x |= uint64(b&0x7f) << s
		s += 7
	}
	return 0, 0, ErrTruncated
}
```""")
R("haiku", "edit", "systems", "terse", None, "Mechanical rename.",
  "rename `bufSz` to `bufferSize` everywhere in this file pls\n\n```go\nfunc newReader(r io.Reader, bufSz int) *reader {\n\tif bufSz <= 0 {\n\t\tbufSz = 4096\n\t}\n\treturn &reader{r: r, buf: make([]byte, bufSz), cap: bufSz}\n}\n```")
R("opus", "debug", "systems", "non-native", "easy-words-hard", "TB6: intermittent stall in production, no lead, prose only.",
  "we have cache service in C++, sometimes (1-2 times per day) all requests stop for ~4 seconds and then continue like nothing. no errors in log, CPU goes down during this time not up. cannot reproduce in staging. what can be the reason and how we find it?")
R("haiku", "question", "databases", "plain", None, "Short factual answer.",
  "In Postgres, what's the difference between `REPEATABLE READ` and `SERIALIZABLE` in one or two sentences?")
R("sonnet", "implement", "databases", "plain", None, "Clear spec: LRU cache with TTL, single file.",
  "Write a generic LRU cache in Java with a max entry count and per-entry TTL. get() must return empty for expired entries and remove them lazily. Not thread-safe, the caller synchronizes. Use LinkedHashMap if it makes sense, and include a small main() showing usage.")
R("opus", "review", "systems", "plain", None, "TB10: review of concurrent code with atomics; memory ordering judgment.",
  """Can you review this seqlock? We use it for a stats snapshot read by many threads, written by one.

```cpp
struct Stats { uint64_t reqs, bytes, errors; };

class SeqStats {
  std::atomic<uint64_t> seq_{0};
  Stats data_;
 public:
  void write(const Stats& s) {
    seq_.fetch_add(1, std::memory_order_relaxed);
    data_ = s;
    seq_.fetch_add(1, std::memory_order_release);
  }
  Stats read() const {
    Stats out;
    uint64_t s1, s2;
    do {
      s1 = seq_.load(std::memory_order_acquire);
      out = data_;
      s2 = seq_.load(std::memory_order_relaxed);
    } while (s1 != s2 || (s1 & 1));
    return out;
  }
};
```""")
R("haiku", "docs", "systems", "plain", None, "Small text task: commit message.",
  "commit message for: bumped tokio from 1.38 to 1.41 and fixed the one deprecation warning in net/listener.rs")
R("sonnet", "debug", "systems", "plain", None, "TB2: stack trace points to the cause (concurrent modification in one loop).",
  "Our consumer dies on rebalance with this. LedgerConsumer.run iterates `pendingOffsets` (a HashMap) while the rebalance listener removes revoked partitions from it.\n\n```\n" + java_trace(11, 12, "java.util.ConcurrentModificationException", "null",
  ["java.base/java.util.HashMap$HashIterator.nextNode(HashMap.java:1605)", "java.base/java.util.HashMap$EntryIterator.next(HashMap.java:1638)",
   "com.shipfast.ledger.ingest.LedgerConsumer.commitPending(LedgerConsumer.java:212)", "com.shipfast.ledger.ingest.LedgerConsumer$1.onPartitionsRevoked(LedgerConsumer.java:97)"]) + "\n```\n\nFix it please, minimal change.")
R("opus", "design", "systems", "plain", None, "Exactly-once semantics across a broker and a DB: distributed design.",
  "We consume from Kafka and write to Postgres. Product wants exactly-once: each event applied to the balance table exactly one time even with consumer crashes and rebalances. What are our options (transactional outbox, storing offsets in the same PG transaction, idempotency keys), and which one would you pick for ~20k events/s across 48 partitions? Walk through the failure cases for the one you pick.")
R("haiku", "question", "systems", "terse", None, "Syntax detail.",
  "c++ how to make std::atomic<int> with relaxed fetch_add, syntax")
R("sonnet", "refactor", "systems", "plain", None, "Refactor a module with clear goal.",
  """Refactor this Go handler so the parsing, validation, and storage are separate functions, and return typed errors instead of strings so the caller can map them to status codes. Keep behaviour the same.

```go
func (s *Server) handlePut(w http.ResponseWriter, r *http.Request) {
	key := strings.TrimPrefix(r.URL.Path, "/kv/")
	if key == "" || len(key) > 512 {
		http.Error(w, "bad key", 400)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, s.maxValue+1))
	if err != nil {
		http.Error(w, "read error", 500)
		return
	}
	if int64(len(body)) > s.maxValue {
		http.Error(w, "value too large", 413)
		return
	}
	ttl := time.Duration(0)
	if v := r.URL.Query().Get("ttl"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < 0 {
			http.Error(w, "bad ttl", 400)
			return
		}
		ttl = d
	}
	if err := s.store.Put(r.Context(), key, body, ttl); err != nil {
		if errors.Is(err, store.ErrReadOnly) {
			http.Error(w, "read only", 503)
			return
		}
		http.Error(w, "store error", 500)
		return
	}
	w.WriteHeader(204)
}
```""")
R("opus", "question", "systems", "terse", "short-hard", "TB3/TB7: semantics of memory ordering on a specific pattern.",
  "is relaxed ok for the refcount decrement in an Arc clone or does it need acq_rel? why")
R("haiku", "explain", "systems", "plain", None, "TB7: short snippet, one-sentence answer.",
  "what does this do\n\n```rust\nlet n = buf.iter().rposition(|&b| b == b'\\n').map_or(0, |i| i + 1);\n```")
R("sonnet", "implement", "systems", "non-native", None, "Clear spec for an endpoint; language does not change tier (TB9).",
  "I need to add endpoint in our Go service: GET /admin/partitions returns json list of partitions with id, leader, isr (list of int), highWatermark. data comes from `s.meta.Partitions()` which return []*PartitionState. please write handler and also register it in router, we use chi. only admin token can call it, there is middleware `requireAdmin` already.")
R("haiku", "question", "tooling", "terse", None, "Flag lookup.",
  "go test flag to run only one test by name")

LOG1 = raft_log(101, 70, inject={33: "ERROR raft node=kv-2 term=61 msg=\"failed to persist hard state\" err=\"write /var/lib/kv/raft/hardstate.tmp: no space left on device\"",
                                   34: "WARN  raft node=kv-2 term=61 msg=\"stepping down\" reason=\"persist failure\""})
R("haiku", "question", "databases", "plain", "long-trivial", "TB5: scanning a log for one error line and reading its reason.",
  "Which line is the error in this and what's the reason? just the line.\n\n```\n" + LOG1 + "\n```")
R("sonnet", "debug", "databases", "plain", None, "Log points to a clear cause (disk full on hardstate persist); fix and alerting steps are everyday ops.",
  "Node kv-2 stepped down during the night. Log below. What happened, and what should we change so it doesn't step down silently again (we have alerts on leader changes but not on this)?\n\n```\n" + LOG1 + "\n```")

R("opus", "debug", "databases", "plain", None, "Raft safety violation: two leaders in one term; needs theory across persistence and election.",
  "Our raft impl logged two different leaders for term 58 in the same cluster (kv-1 and kv-4 both say `became leader term=58`). We persist term and votedFor in a file we rewrite on each change. How can this happen and what exactly do we need to check in our code? Our persist function writes to hardstate.tmp and renames it, no fsync.")
R("haiku", "edit", "databases", "plain", None, "Mechanical format conversion.",
  "Convert this to YAML:\n\n```json\n{\"cluster\": {\"name\": \"kv-prod\", \"nodes\": [\"kv-1:7000\", \"kv-2:7000\", \"kv-3:7000\"], \"election_timeout_ms\": 1500, \"heartbeat_ms\": 150, \"snapshot\": {\"every_entries\": 100000, \"keep\": 3}}}\n```")
R("sonnet", "explain", "systems", "plain", None, "TB7: explain a non-trivial function of dozens of lines.",
  """Explain what this function does, step by step. It's from our storage layer and the author left.

```rust
fn pick_compaction(levels: &[Level], opts: &Opts) -> Option<Compaction> {
    let mut best: Option<(usize, f64)> = None;
    for (i, lvl) in levels.iter().enumerate().take(levels.len() - 1) {
        let score = if i == 0 {
            lvl.files.len() as f64 / opts.l0_trigger as f64
        } else {
            lvl.bytes() as f64 / (opts.base_bytes as f64 * opts.multiplier.powi(i as i32 - 1))
        };
        if score >= 1.0 && best.map_or(true, |(_, s)| score > s) {
            best = Some((i, score));
        }
    }
    let (lvl, _) = best?;
    let inputs = if lvl == 0 {
        levels[0].files.clone()
    } else {
        let cursor = levels[lvl].compact_cursor.clone();
        let f = levels[lvl].files.iter()
            .find(|f| cursor.as_ref().map_or(true, |c| f.largest > *c))
            .or_else(|| levels[lvl].files.first())?
            .clone();
        vec![f]
    };
    let (lo, hi) = key_range(&inputs);
    let overlap: Vec<_> = levels[lvl + 1].files.iter()
        .filter(|f| f.largest >= lo && f.smallest <= hi)
        .cloned().collect();
    Some(Compaction { level: lvl, inputs, overlap })
}
```""")
R("haiku", "question", "systems", "typos", None, "Short factual answer; typos do not change tier.",
  "whats teh difference beteen SO_REUSEADDR and SO_REUSEPORT on linux")
R("opus", "debug", "systems", "plain", None, "Performance cliff needing analysis of a profile (lock contention / spinlock in kernel).",
  "p99 on GET goes from 0.4ms to 30ms once we pass ~180k qps on 32 cores. perf at 200k qps below. What's going on and what would you change? Block cache is one LRU with 16 shards.\n\n```\n" + perf_report(7, 22, hot=[("[kernel.kallsyms]", "native_queued_spin_lock_slowpath"), ("libc.so.6", "__lll_lock_wait"), ("kvd", "rocksdb::LRUCacheShard::Lookup"), ("[kernel.kallsyms]", "futex_wait")]) + "\n```")
R("haiku", "question", "systems", "plain", "long-trivial", "TB5: reading one number off a pasted profile.",
  "what percent is malloc in this profile?\n\n```\n" + perf_report(7, 22, hot=[("[kernel.kallsyms]", "native_queued_spin_lock_slowpath"), ("libc.so.6", "__lll_lock_wait"), ("kvd", "rocksdb::LRUCacheShard::Lookup"), ("[kernel.kallsyms]", "futex_wait")]) + "\n```")
R("sonnet", "test", "systems", "follow-up", None, "TB8: 'add tests for that' names test-writing work.",
  "add tests for the rate limiter you wrote above: burst up to capacity, refill (use a fake clock, add a clock interface if you need to), eviction after idle, and one with 50 goroutines on the same key checking we never allow more than capacity")
R("haiku", "edit", "systems", "follow-up", None, "TB8: follow-up naming a mechanical edit.",
  "also add doc comments to the exported functions")
R("sonnet", "debug", "systems", "follow-up", None, "TB8: pointer-only follow-up, unknown work -> sonnet.",
  "that didnt work, still same error")
R("opus", "design", "systems", "follow-up", None, "TB8: follow-up that names lock-free work.",
  "ok now make the ring buffer lock-free, single producer multi consumer")
R("haiku", "question", "databases", "terse", None, "Single SQL one-liner.",
  "postgres: query to show table sizes biggest first")
R("sonnet", "ops", "infrastructure", "plain", None, "CI/build config with known steps.",
  "Set up a GitHub Actions workflow for our Rust workspace: fmt check, clippy with -D warnings, tests on stable and 1.75 MSRV, cache cargo registry and target dir, and run the integration tests (tests/it_*.rs) only on the ubuntu job because they need docker for a Postgres service container.")
R("opus", "design", "systems", "plain", None, "Open architecture choice with trade-offs.",
  "We need a distributed cache in front of our pricing service. Options on the table: client-side consistent hashing over Redis nodes, Redis Cluster, or an in-process cache with invalidation over Kafka. Reads 300k/s, writes 2k/s, staleness up to 1s OK but a price must never go backwards after a client has seen the newer one. Which would you choose and why?")
R("haiku", "question", "systems", "other-language", None, "TB9: short factual question in Chinese.",
  "Rust 里 `Box<dyn Error + Send + Sync>` 为什么要加 Send + Sync？一两句话说明就行。", "zh")
R("opus", "debug", "systems", "other-language", "easy-words-hard", "TB6/TB9: intermittent lost messages in a broker, no lead.",
  "我们自己写的消息队列（Go），消费者偶尔会漏消息，大概每天几十条，都是在 broker 重启前后发生的。生产者拿到了 ack。没有报错日志。请帮我们分析可能的原因，以及应该先查哪里。", "zh")
R("sonnet", "implement", "systems", "other-language", None, "TB9: clear spec in Russian.",
  "Напиши на Go функцию, которая читает файл сегмента лога: формат записи [len u32 BE][crc32c u32 BE][payload]. Возвращать итератор по записям, при неверном crc — ошибку с оффсетом записи. Файл может быть до 1 ГБ, читать через bufio, не целиком в память.", "ru")
R("haiku", "question", "systems", "other-language", None, "TB9: short factual, Russian.",
  "Что значит ошибка ENOSPC при fsync? Коротко.", "ru")
# ---- batch 2: long pastes and minimal pairs ----
def thread_dump(seed, n, deadlock=False):
    rng = random.Random(seed)
    out = ["Full thread dump OpenJDK 64-Bit Server VM (21.0.4+7-LTS mixed mode, sharing):", ""]
    states = ["RUNNABLE", "WAITING (parking)", "TIMED_WAITING (sleeping)", "BLOCKED (on object monitor)", "TIMED_WAITING (parking)"]
    pools = ["netty-io-%d", "ledger-apply-%d", "kafka-consumer-%d", "hikari-housekeeper-%d", "grpc-default-executor-%d", "ForkJoinPool.commonPool-worker-%d"]
    for i in range(n):
        name = rng.choice(pools) % rng.randint(1, 64)
        st = rng.choice(states)
        tid = "0x00007f%08x" % rng.randint(0, 0xffffffff)
        out.append("\"%s\" #%d daemon prio=5 os_prio=0 cpu=%.2fms elapsed=%.2fs tid=%s nid=%d %s" % (name, 20 + i, rng.uniform(1, 90000), rng.uniform(100, 90000), tid, rng.randint(1000, 99999), st.split(" ")[0].lower()))
        out.append("   java.lang.Thread.State: %s" % st)
        if st.startswith("BLOCKED"):
            out.append("\tat com.shipfast.ledger.apply.AccountBook.credit(AccountBook.java:%d)" % rng.randint(80, 200))
            out.append("\t- waiting to lock <0x00000006%07x> (a com.shipfast.ledger.apply.AccountBook)" % rng.randint(0, 0xfffffff))
        elif st.startswith("RUNNABLE"):
            out.append("\tat sun.nio.ch.EPoll.wait(java.base@21.0.4/Native Method)")
            out.append("\tat sun.nio.ch.EPollSelectorImpl.doSelect(java.base@21.0.4/EPollSelectorImpl.java:121)")
        else:
            out.append("\tat jdk.internal.misc.Unsafe.park(java.base@21.0.4/Native Method)")
            out.append("\tat java.util.concurrent.locks.LockSupport.park(java.base@21.0.4/LockSupport.java:371)")
        out.append("\tat java.lang.Thread.runWith(java.base@21.0.4/Thread.java:1596)")
        out.append("\tat java.lang.Thread.run(java.base@21.0.4/Thread.java:1583)")
        out.append("")
    if deadlock:
        out += ["Found one Java-level deadlock:", "=============================",
                "\"ledger-apply-3\":", "  waiting to lock monitor 0x00007f3a2c0a1b20 (object 0x0000000612a0c8e8, a com.shipfast.ledger.apply.AccountBook),",
                "  which is held by \"ledger-apply-7\"", "\"ledger-apply-7\":",
                "  waiting to lock monitor 0x00007f3a2c0a1c40 (object 0x0000000612a0d110, a com.shipfast.ledger.apply.AccountBook),",
                "  which is held by \"ledger-apply-3\"", "",
                "Java stack information for the threads listed above:", "===================================================",
                "\"ledger-apply-3\":", "\tat com.shipfast.ledger.apply.AccountBook.credit(AccountBook.java:141)",
                "\t- waiting to lock <0x0000000612a0c8e8> (a com.shipfast.ledger.apply.AccountBook)",
                "\tat com.shipfast.ledger.apply.Transfer.apply(Transfer.java:58)",
                "\t- locked <0x0000000612a0d110> (a com.shipfast.ledger.apply.AccountBook)",
                "\"ledger-apply-7\":", "\tat com.shipfast.ledger.apply.AccountBook.credit(AccountBook.java:141)",
                "\t- waiting to lock <0x0000000612a0d110> (a com.shipfast.ledger.apply.AccountBook)",
                "\tat com.shipfast.ledger.apply.Transfer.apply(Transfer.java:58)",
                "\t- locked <0x0000000612a0c8e8> (a com.shipfast.ledger.apply.AccountBook)", "", "Found 1 deadlock."]
    return "\n".join(out)

LONGLOG = raft_log(202, 420, inject={57: "WARN  raft node=kv-2 term=72 msg=\"slow follower\" peer=kv-4 match=1533120 next=1533121",
                                      190: "WARN  storage node=kv-2 msg=\"wal fsync slow\" segment=00000023.wal dur_ms=812.44",
                                      191: "INFO  raft node=kv-2 term=72 msg=\"election timeout\" elapsed_ms=1620",
                                      192: "INFO  raft node=kv-2 term=73 msg=\"became candidate\"",
                                      200: "INFO  raft node=kv-2 term=73 msg=\"became follower\" leader=kv-1"})
R("haiku", "question", "databases", "terse", "long-trivial", "TB5: counting one kind of line in a long log.",
  "how many WARN lines in this\n\n```\n" + LONGLOG + "\n```")
R("opus", "debug", "databases", "plain", None, "Needs a theory linking slow fsync, heartbeats and elections across nodes; not a single obvious line.",
  "We get a leader election every few hours on a healthy cluster, nobody restarted anything. Here's the log from kv-2 around one of them. Why does a slow fsync on kv-2 cause an election at all, given heartbeats go over a different goroutine? And how would you fix it properly, not just raise the timeout?\n\n```\n" + LONGLOG + "\n```")
R("haiku", "question", "databases", "other-language", "long-trivial", "TB5/TB9: find the lines mentioning a term change in a long log, Chinese.",
  "帮我把这段日志里 term 变化的那几行找出来，直接贴出来就行。\n\n```\n" + LONGLOG + "\n```", "zh")

PROPS = kafka_props(303, extra=420)
R("haiku", "question", "infrastructure", "plain", "long-trivial", "TB5: find one setting in a long config.",
  "What is min.insync.replicas set to in this broker config?\n\n```properties\n" + PROPS + "\n```")
R("opus", "review", "infrastructure", "plain", None, "Durability review of a broker config against a no-loss requirement; needs reasoning about acks, ISR, unclean election and fsync together.",
  "Compliance says the `ledger-*` topics must never lose an acknowledged message, even if two brokers die at once in one AZ. Our producers use acks=all. Review this broker config against that requirement and tell me what can still lose data, with the exact failure sequence for each gap.\n\n```properties\n" + PROPS + "\n```")
R("haiku", "edit", "infrastructure", "terse", "long-trivial", "TB5: add a header line to a long file.",
  "add a comment header at the top: `# managed by ansible, do not edit by hand`\n\n```properties\n" + PROPS + "\n```")

STRUCT = rust_struct(404, 260)
R("haiku", "edit", "databases", "plain", "long-trivial", "TB5: one attribute change on a long struct.",
  "Add `#[serde(rename_all = \"kebab-case\")]` to this struct, nothing else.\n\n```rust\n" + STRUCT + "\n```")
R("sonnet", "refactor", "databases", "plain", None, "TB5: rewriting a whole long file into another language is sonnet.",
  "Port this options struct to Go: a struct with yaml tags, a `Defaults()` constructor (I'll fill in the values, just stub them from the `defaults::` names), and map Duration to time.Duration, Option<u64> to *uint64. Keep the doc comments.\n\n```rust\n" + STRUCT + "\n```")
R("haiku", "question", "databases", "terse", "long-trivial", "TB5: count fields of one type.",
  "how many bool fields in here\n\n```rust\n" + STRUCT + "\n```")

CSV = latency_csv(505, 720)
R("haiku", "question", "systems", "plain", "long-trivial", "TB5: find the max of one column.",
  "Which row has the highest p999_us? Just give me the row.\n\n```csv\n" + CSV + "\n```")
R("opus", "debug", "systems", "verbose", None, "Performance pattern across nodes needs analysis and hypotheses (GC/compaction/eviction), no lead.",
  "This is per-second latency from our six cache nodes over twelve minutes. p50 is flat but p999 jumps on all nodes at roughly the same seconds, and it's not correlated with qps as far as I can tell. The nodes are independent processes (C++, jemalloc, no replication between them), so I don't understand why they'd spike together. Can you look at the data, tell me if there's a period, and give me your best theories in order with how to confirm each one?\n\n```csv\n" + CSV + "\n```")

TD = thread_dump(606, 170, deadlock=True)
R("sonnet", "debug", "systems", "plain", None, "TB2: thread dump names the deadlock cycle; lock-ordering fix is known.",
  "Service hangs after a few hours, thread dump below. What's the fix? Transfer.apply locks the source book then calls credit on the destination.\n\n```\n" + TD + "\n```")
R("haiku", "question", "systems", "terse", "long-trivial", "TB5: count threads in one state.",
  "how many threads BLOCKED in this dump\n\n```\n" + TD + "\n```")
TD2 = thread_dump(607, 150, deadlock=False)
R("opus", "debug", "systems", "non-native", None, "No deadlock reported; service slowly stops, needs a theory across pools and locks.",
  "our ledger service become slower and slower during day and at evening almost stop, no deadlock in the dump like last time. restart fix it. here is dump from when it is slow. what is happening? we use hikari pool size 20, kafka consumer 8 threads, apply pool 16.\n\n```\n" + TD2 + "\n```")

# ---- quick ones and minimal pairs ----
SNIP_CPP = """```cpp
std::vector<Entry> entries = load();
for (auto it = entries.begin(); it != entries.end(); ++it) {
    if (it->expired(now)) entries.erase(it);
}
```"""
R("haiku", "explain", "systems", "plain", None, "TB7: common bug in a short snippet, one sentence.",
  "why does this crash sometimes\n\n" + SNIP_CPP)
R("haiku", "edit", "systems", "terse", None, "Short mechanical fix, well known idiom.",
  "rewrite this with erase-remove / std::erase_if\n\n" + SNIP_CPP)
R("haiku", "question", "systems", "terse", None, "Flag lookup.",
  "cmake flag for address sanitizer")
R("haiku", "question", "systems", "plain", None, "Short fact.",
  "What does `-fno-omit-frame-pointer` do and why do people turn it on for perf?")
R("sonnet", "debug", "systems", "plain", None, "ASan report points at the bug (use after free of a vector element after push_back).",
  """ASan report, what's wrong?

```
==31207==ERROR: AddressSanitizer: heap-use-after-free on address 0x6110000a3f48 at pc 0x55d2c1a4b3e1 bp 0x7ffd6a1e2c90 sp 0x7ffd6a1e2c88
READ of size 8 at 0x6110000a3f48 thread T0
    #0 0x55d2c1a4b3e0 in Memtable::Insert(std::string_view, std::string_view) src/memtable.cc:74
    #1 0x55d2c1a4c912 in DB::Put(WriteOptions const&, std::string_view, std::string_view) src/db.cc:212
    #2 0x55d2c1a3f0b7 in main tools/bench_put.cc:48
0x6110000a3f48 is located 8 bytes inside of 224-byte region [0x6110000a3f40,0x6110000a4020)
freed by thread T0 here:
    #0 0x7f1c2b0d2a37 in operator delete(void*) (/lib/x86_64-linux-gnu/libasan.so.8+0xdca37)
    #1 0x55d2c1a4e1aa in std::vector<Arena::Block>::_M_realloc_insert(...) /usr/include/c++/13/bits/vector.tcc:500
    #2 0x55d2c1a4b2c5 in Arena::Allocate(unsigned long) src/arena.cc:31
    #3 0x55d2c1a4b391 in Memtable::Insert(std::string_view, std::string_view) src/memtable.cc:71
```

```cpp
// memtable.cc
69  Block& cur = arena_.blocks_.back();
70  size_t need = key.size() + val.size() + 16;
71  char* p = arena_.Allocate(need);
72  std::memcpy(p, key.data(), key.size());
73  std::memcpy(p + key.size(), val.data(), val.size());
74  cur.used_entries += 1;
```""")
R("opus", "debug", "systems", "plain", "easy-words-hard", "TB6: heisenbug, corruption only in release on one arch, no lead.",
  "our C++ storage engine passes every test, but in production on the arm64 boxes maybe one in a few million reads returns a value that belongs to a different key. x86 never. we can't reproduce it under asan or tsan. where would you even start?")
R("haiku", "question", "systems", "terse", None, "Short fact.",
  "what is std::hardware_destructive_interference_size")
R("opus", "explain", "systems", "plain", None, "TB7: semantics of memory ordering and false sharing in a concurrent algorithm.",
  """Why is this SPSC queue correct with only acquire/release and no seq_cst? And why do they pad head and tail to separate cache lines, is that correctness or only speed?

```cpp
template <typename T, size_t N>
class Spsc {
  alignas(64) std::atomic<size_t> head_{0};
  alignas(64) std::atomic<size_t> tail_{0};
  T buf_[N];
 public:
  bool push(const T& v) {
    auto t = tail_.load(std::memory_order_relaxed);
    auto n = (t + 1) % N;
    if (n == head_.load(std::memory_order_acquire)) return false;
    buf_[t] = v;
    tail_.store(n, std::memory_order_release);
    return true;
  }
  bool pop(T& out) {
    auto h = head_.load(std::memory_order_relaxed);
    if (h == tail_.load(std::memory_order_acquire)) return false;
    out = buf_[h];
    head_.store((h + 1) % N, std::memory_order_release);
    return true;
  }
};
```""")
R("haiku", "question", "databases", "terse", None, "Short fact.",
  "redis: difference between EXPIRE and PEXPIRE")
R("sonnet", "implement", "databases", "plain", None, "Clear spec, one module.",
  "Implement a bloom filter in Rust for our SST files: built from an iterator of keys with a target false positive rate, serialized to bytes (num_hashes u8, bit count u32 LE, bits), `may_contain(&[u8]) -> bool`. Use double hashing over xxh3 (the `xxhash-rust` crate is already a dependency). Add unit tests checking no false negatives and an FPR within 2x of target on 100k random keys.")
R("opus", "design", "databases", "terse", "short-hard", "TB3: short but asks for an MVCC/isolation design.",
  "snapshot isolation on top of our LSM. how, and how do we GC old versions safely")
R("haiku", "question", "databases", "plain", None, "Short fact.",
  "What's a tombstone in Cassandra in one sentence?")
R("sonnet", "debug", "databases", "plain", None, "Failing test points at the bug (iterator skipping boundary key).",
  """This test fails, the merge iterator skips a key when two SSTs share a boundary. Fix?

```
---- merge_iter::tests::overlapping_boundaries stdout ----
thread 'merge_iter::tests::overlapping_boundaries' panicked at src/merge_iter.rs:211:9:
assertion `left == right` failed
  left: ["a", "b", "d", "e"]
 right: ["a", "b", "c", "d", "e"]
```

```rust
impl Iterator for MergeIter {
    type Item = (Bytes, Bytes);
    fn next(&mut self) -> Option<Self::Item> {
        let top = self.heap.pop()?;
        let (k, v) = (top.key.clone(), top.val.clone());
        // skip older versions of the same key
        while let Some(p) = self.heap.peek() {
            if p.key <= k {
                let mut e = self.heap.pop().unwrap();
                if e.advance() { self.heap.push(e); }
            } else { break; }
        }
        let mut top = top;
        if top.advance() { self.heap.push(top); }
        Some((k, v))
    }
}
```""")
R("haiku", "docs", "databases", "plain", None, "Small text task.",
  "Write a one-line CHANGELOG entry: fixed merge iterator dropping keys at SST boundaries (#1482).")
R("sonnet", "review", "databases", "plain", None, "TB10: correctness/style review of a diff, not concurrent.",
  """Review this diff please, it adds a prefix scan to our KV HTTP API.

```diff
@@ -41,6 +41,28 @@ func (s *Server) routes() {
 	r.Get("/kv/{key}", s.handleGet)
 	r.Put("/kv/{key}", s.handlePut)
+	r.Get("/scan", s.handleScan)
 }
+
+func (s *Server) handleScan(w http.ResponseWriter, r *http.Request) {
+	prefix := r.URL.Query().Get("prefix")
+	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
+	it := s.store.NewIterator()
+	it.Seek([]byte(prefix))
+	var out []kvPair
+	for it.Valid() && bytes.HasPrefix(it.Key(), []byte(prefix)) {
+		out = append(out, kvPair{Key: string(it.Key()), Value: it.Value()})
+		if len(out) == limit {
+			break
+		}
+		it.Next()
+	}
+	json.NewEncoder(w).Encode(out)
+}
```""")
R("opus", "review", "security", "plain", None, "TB10: security review of an auth/token path.",
  """Security review please. Internal cache admin API, tokens are HMAC'd.

```go
func (a *Auth) Verify(tok string) (string, bool) {
	parts := strings.Split(tok, ".")
	if len(parts) != 2 { return "", false }
	payload, _ := base64.RawURLEncoding.DecodeString(parts[0])
	sig, _ := base64.RawURLEncoding.DecodeString(parts[1])
	mac := hmac.New(sha1.New, a.key)
	mac.Write(payload)
	if !bytes.Equal(mac.Sum(nil)[:8], sig) { return "", false }
	var c struct{ User string; Exp int64 }
	json.Unmarshal(payload, &c)
	if c.Exp != 0 && c.Exp < time.Now().Unix() { return "", false }
	return c.User, true
}
```""")
R("haiku", "question", "security", "terse", None, "Short fact.",
  "why use hmac.Equal instead of bytes.Equal")
# ---- batch 3: everyday engineering vs hard reasoning, medium pastes ----
RACE = go_race(707)
R("sonnet", "debug", "systems", "plain", None, "TB2: race detector names both accesses; fix is a known atomic/lock change.",
  "go test -race fails with this. highWatermark is a plain int64 field on Log. Simplest correct fix?\n\n```\n" + RACE + "\n```")
R("opus", "debug", "systems", "plain", None, "Consumers reading past the committed high watermark: replication ordering reasoning, not just the race.",
  "Separately from the data race (we fixed it with atomic.Int64), consumers sometimes read a message that later disappears after a leader change. Could this be the same bug or a different one? Here is the race report from before the fix for context; advanceHighWatermark is called when a follower fetch response arrives.\n\n```\n" + RACE + "\n```")
R("haiku", "explain", "systems", "plain", None, "Common error message explained briefly.",
  "What does 'WARNING: DATA RACE' from go test -race actually guarantee, does no warning mean no races?")
R("sonnet", "implement", "systems", "plain", None, "Clear spec: length-prefixed framing codec.",
  "Write a tokio-util `Decoder`/`Encoder` for our wire format: 4-byte big-endian length (max 16 MiB, error above), then 1 byte opcode, then payload. Decode into `Frame { op: u8, payload: Bytes }` without copying the payload. Include tests for partial reads split at every byte boundary.")
R("opus", "design", "systems", "plain", None, "Backpressure design across a network service with trade-offs.",
  "Our Rust proxy reads from clients faster than the upstream can absorb during spikes and memory grows until OOM. Design backpressure end to end: per-connection buffers, global memory budget, what to do when the budget is hit (pause reads vs shed load vs 503), and how it interacts with HTTP/2 flow control windows. I want the reasoning for each choice.")
R("haiku", "question", "systems", "terse", None, "Syntax detail.",
  "tokio select! biased; what does biased do")
R("sonnet", "explain", "systems", "plain", None, "TB7: why small async code behaves subtly (cancellation safety in select).",
  """Why does this lose bytes sometimes? Only when the shutdown branch wins, and then we restart the loop elsewhere.

```rust
loop {
    tokio::select! {
        n = reader.read_buf(&mut buf) => { handle(&mut buf, n?)?; }
        _ = shutdown.recv() => break,
        _ = tokio::time::sleep(Duration::from_secs(1)) => flush().await?,
    }
}
```""")
R("haiku", "question", "systems", "non-native", None, "Short fact, TB9.",
  "in go, sync.Map is good for what case? i read it is not always faster")
BENCH1 = bench_table(808, 8, ["impl", "1 thread Mops/s", "4 threads", "16 threads", "64 threads"],
                     ["Mutex<VecDeque>", "crossbeam ArrayQueue", "our ring v1", "our ring v2 (padded)", "flume bounded", "tokio mpsc", "std mpsc", "disruptor-rs"])
R("haiku", "question", "systems", "plain", "long-trivial", "Reading a value from a table.",
  "From this table, which implementation is fastest at 16 threads?\n\n" + BENCH1)
R("opus", "debug", "systems", "plain", None, "Performance analysis: scaling collapse needs cache-coherence reasoning.",
  "Benchmarks of our queue against others below. v2 only added padding between head and tail and it got slower at 64 threads than at 16, which makes no sense to me. Machine is 2-socket, 32 cores each. Explain what could cause this and what experiments you'd run to confirm.\n\n" + BENCH1)
R("sonnet", "test", "systems", "plain", None, "Writing a benchmark harness with clear spec.",
  "Write a criterion benchmark for the queue implementations in the table above (just Mutex<VecDeque>, crossbeam ArrayQueue and ours), parameterised over 1/4/16 producer-consumer pairs, measuring throughput in ops/s. Our ring is `ring::Ring<u64>` with `push`/`pop` returning Result/Option.")
R("haiku", "question", "databases", "terse", None, "Short fact.",
  "what's write amplification in LSM trees, one line")
R("opus", "question", "databases", "plain", None, "Quantitative trade-off analysis across compaction strategies.",
  "For a workload with 80% overwrites of a hot set of ~5% of keys and 20% point reads, should we use leveled or tiered/universal compaction? Work out rough write and space amplification for both with our numbers (300 GB data, 10x level multiplier, 64 MB memtable) and tell me which you'd pick.")
R("sonnet", "implement", "databases", "plain", None, "Migration with known steps.",
  "Write a Postgres migration (plain SQL, we use sqlx migrate) that splits `events.payload` jsonb into a new `event_payloads` table keyed by event_id, backfills in batches of 10k without locking `events` for long, then adds the FK. Provide up and down.")
R("opus", "plan", "databases", "plain", "easy-words-hard", "TB6: plan a zero-downtime storage migration across services.",
  "We need to move our 40 TB of user data from the old sharded MySQL to the new KV store without downtime. 30 services read it, 6 write. Can you plan how we do this?")
R("haiku", "question", "databases", "plain", None, "Single SELECT.",
  "SQL to get the 10 most recent rows from `orders` for customer_id 42, newest first.")
R("sonnet", "debug", "databases", "plain", None, "Error points to a clear cause (serialization failure needs retry).",
  """Getting this under load from our Java service, what do we do?

```
org.postgresql.util.PSQLException: ERROR: could not serialize access due to read/write dependencies among transactions
  Detail: Reason code: Canceled on identification as a pivot, during commit attempt.
  Hint: The transaction might succeed if retried.
	at org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2725)
	at org.postgresql.core.v3.QueryExecutorImpl.processResults(QueryExecutorImpl.java:2412)
	at org.postgresql.jdbc.PgConnection.commit(PgConnection.java:896)
	at com.zaxxer.hikari.pool.ProxyConnection.commit(ProxyConnection.java:378)
	at org.springframework.jdbc.datasource.DataSourceTransactionManager.doCommit(DataSourceTransactionManager.java:333)
	at com.shipfast.ledger.service.TransferService.transfer(TransferService.java:77)
```

We're on SERIALIZABLE on purpose. Spring Boot 3.""")
R("opus", "design", "databases", "verbose", None, "Correctness of a money-moving design under concurrency.",
  "Our TransferService moves money between accounts. Today it reads both balances, checks funds, writes both, all in one SERIALIZABLE transaction, and we retry on 40001. It works but throughput caps at ~600 transfers/s because of retries on hot accounts (merchant accounts receive thousands of credits per second). I'd like options that keep the invariant 'no balance goes negative and every transfer is applied exactly once' but scale the hot accounts, e.g. sub-accounts, append-only ledger with async balance, escrow/reservations. Compare them and pick one with the failure analysis.")
R("haiku", "question", "general", "terse", None, "Short fact.",
  "what does http 429 mean")
R("sonnet", "implement", "systems", "plain", None, "Clear spec, retry with backoff.",
  "Add retry with exponential backoff and full jitter to this Go client call: max 5 attempts, base 50ms, cap 2s, retry only on codes.Unavailable and codes.ResourceExhausted, respect ctx cancellation. `resp, err := c.kv.Get(ctx, &pb.GetRequest{Key: key})`")
R("opus", "question", "systems", "terse", "short-hard", "TB3: retries + idempotency semantics under partial failure.",
  "when is it unsafe to retry a grpc Put on DEADLINE_EXCEEDED")
R("haiku", "question", "systems", "terse", None, "Short fact.",
  "grpc status code for 'not leader'? FAILED_PRECONDITION or UNAVAILABLE")
R("sonnet", "debug", "infrastructure", "plain", None, "Logs point at a clear config cause.",
  """broker won't start, log:

```
[2026-11-20 09:14:02,118] INFO Registered kafka:type=kafka.Log4jController MBean (kafka.utils.Log4jControllerRegistration$)
[2026-11-20 09:14:02,604] INFO [ControllerServer id=3] Starting controller (kafka.server.ControllerServer)
[2026-11-20 09:14:02,911] ERROR Exiting Kafka due to fatal exception during startup. (kafka.Kafka$)
java.lang.RuntimeException: Invalid cluster.id in: /data/kafka/logs-0/meta.properties. Expected 4L6g3nShT-eMCtK--X86sw, but read Mk3OEYBSD34fcwNTJENDM2Q
	at org.apache.kafka.metadata.properties.MetaPropertiesEnsemble.verify(MetaPropertiesEnsemble.java:477)
	at kafka.server.KafkaRaftServer$.initializeLogDirs(KafkaRaftServer.scala:189)
	at kafka.server.KafkaRaftServer.<init>(KafkaRaftServer.scala:60)
	at kafka.Kafka$.buildServer(Kafka.scala:83)
	at kafka.Kafka$.main(Kafka.scala:91)
	at kafka.Kafka.main(Kafka.scala)
[2026-11-20 09:14:02,915] INFO [ControllerServer id=3] shutting down (kafka.server.ControllerServer)
```

we rebuilt the node from an image yesterday.""")
R("haiku", "question", "infrastructure", "plain", None, "Command lookup.",
  "Command to list consumer group lag for group `ledger-ingest` with the kafka CLI?")
R("opus", "debug", "infrastructure", "plain", "easy-words-hard", "TB6: duplicates after rebalances with idempotent producer; needs reasoning across producer/consumer/transactions.",
  "After every deploy we see a few duplicate rows downstream even though we turned on the idempotent producer. What are we missing?")
R("sonnet", "implement", "systems", "plain", None, "Clear spec, health check endpoint and graceful shutdown.",
  "Add graceful shutdown to our Go TCP server: on SIGTERM stop accepting, let in-flight connections finish up to 20s, then force close. Server struct has `ln net.Listener` and a `conns map[net.Conn]struct{}` guarded by `mu`. Also make /healthz return 503 once shutdown starts.")
R("haiku", "question", "systems", "typos", None, "Short fact.",
  "whats the diference between SIGTERM and SIGKIL for a proccess, can i catch both?")
R("opus", "design", "systems", "plain", None, "Consensus/membership change design.",
  "We run 3-node raft and need to replace nodes (new hardware) without downtime. Our raft library only supports adding/removing one node at a time. Walk me through a safe sequence to go from {a,b,c} to {d,e,f}, what happens if we lose a node mid-way, and whether joint consensus would be safer.")
R("sonnet", "explain", "systems", "verbose", None, "Explain a non-trivial module region.",
  """I'm new on the team and trying to understand our read path. Can you explain what this function does and why it takes a snapshot first? I understand Rust, just not the storage stuff.

```rust
pub fn get(&self, key: &[u8], opts: &ReadOptions) -> Result<Option<Bytes>> {
    let snap = opts.snapshot.unwrap_or_else(|| self.versions.last_sequence());
    let sv = self.super_version.load_full();
    let lookup = LookupKey::new(key, snap);
    if let Some(r) = sv.mem.get(&lookup) {
        return Ok(r.into_value());
    }
    for imm in sv.imm.iter().rev() {
        if let Some(r) = imm.get(&lookup) {
            return Ok(r.into_value());
        }
    }
    let mut stats = GetStats::default();
    let r = sv.current.get(&lookup, &self.table_cache, &mut stats)?;
    if stats.seek_file.is_some() && sv.current.update_stats(&stats) {
        self.maybe_schedule_compaction();
    }
    Ok(r.and_then(|r| r.into_value()))
}
```""")
R("haiku", "explain", "systems", "terse", None, "TB7: one-liner explanation.",
  "what does `load_full()` on ArcSwap return")
R("opus", "debug", "databases", "plain", None, "Crash recovery correctness across WAL/manifest; no trace.",
  "After kill -9 during compaction our LSM sometimes comes back with a key that had been deleted (the tombstone is gone but the old value is back). Only after crashes during compaction, never on clean shutdown. What could be going on?")
R("sonnet", "debug", "databases", "plain", None, "Test points to the cause: tombstone dropped at non-bottom level.",
  """Test `deleted_key_stays_deleted_after_compaction` fails. The compaction drops tombstones when `level == 1`, I think that's wrong but not sure what the rule should be.

```rust
fn should_drop(entry: &Entry, level: usize, smallest_snapshot: u64) -> bool {
    match entry.kind {
        Kind::Delete => level == 1 && entry.seq <= smallest_snapshot,
        Kind::Put => false,
    }
}
```

```
thread 'compaction::tests::deleted_key_stays_deleted_after_compaction' panicked at src/compaction/tests.rs:88:5:
expected None for key "user:1009", got Some(b"v1")
```""")
R("haiku", "edit", "systems", "plain", None, "Mechanical: sort imports.",
  """Sort these imports the way goimports would (std first, then third-party):

```go
import (
	"github.com/relaybus/broker/internal/partition"
	"context"
	"go.uber.org/zap"
	"time"
	"github.com/relaybus/broker/internal/metrics"
	"errors"
	"sync"
)
```""")
R("sonnet", "refactor", "systems", "plain", None, "Refactor a module to a new error type.",
  "Replace all the `Box<dyn Error>` in our `wal` module with a thiserror enum: Io(io::Error), Corrupt { offset: u64, reason: &'static str }, Truncated { offset: u64 }. Update the 6 call sites in wal/reader.rs and wal/writer.rs that construct string errors today. I'll paste the files if you need them, start with the enum and show the pattern.")
R("sonnet", "debug", "systems", "follow-up", None, "TB8: pointer-only follow-up.",
  "ok continue")
R("haiku", "edit", "systems", "follow-up", None, "TB8: explicit trivial edit.",
  "rename `Corrupt` to `Corruption` in the enum, nothing else")
R("sonnet", "refactor", "systems", "follow-up", None, "TB8: same work applied to another module.",
  "now do the same thing for the `manifest` module")
R("opus", "review", "systems", "follow-up", None, "TB8/TB10: follow-up that asks to judge the concurrency correctness.",
  "before we merge, is the wal writer you changed actually safe if two threads call append and sync at the same time? go through the interleavings")
R("haiku", "question", "systems", "other-language", None, "TB9: short Chinese syntax question.",
  "Go 里怎么声明一个只读的 channel 参数？", "zh")
R("sonnet", "debug", "systems", "other-language", None, "TB9: compiler error with clear cause, Chinese.",
  """这个编译错误怎么改？

```
error[E0502]: cannot borrow `self.index` as mutable because it is also borrowed as immutable
  --> src/segment.rs:57:9
   |
54 |         let last = self.index.last().unwrap();
   |                    ---------- immutable borrow occurs here
...
57 |         self.index.push(IndexEntry { offset: last.offset + len, pos });
   |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ mutable borrow occurs here
   |                                                  ----------- immutable borrow later used here
```""", "zh")
R("opus", "design", "databases", "other-language", None, "TB9: open design of a distributed cache consistency scheme, Chinese.",
  "我们有一个 Redis 缓存 + MySQL 的架构，更新时先写 MySQL 再删缓存，但是高并发下偶尔会出现缓存里是旧数据，而且一直不过期。请分析具体是哪种并发交错导致的，并给出几种方案（延迟双删、binlog 订阅、版本号等）的对比和推荐。", "zh")
R("sonnet", "test", "databases", "other-language", None, "TB9: write tests, Russian.",
  "Напиши тесты на Rust для функции `parse_record(&[u8]) -> Result<Record, ParseError>`: пустой буфер, неверный crc, обрезанная запись, запись максимальной длины. Формат: [len u32 BE][crc32c u32 BE][payload].", "ru")
R("opus", "debug", "databases", "other-language", "easy-words-hard", "TB6/TB9: lost writes after failover, prose only, Russian.",
  "После переключения мастера в нашем Postgres (Patroni, синхронная реплика) иногда пропадают последние несколько секунд записей. Клиенты получили подтверждение. Почему так может быть, если реплика синхронная? Что проверить?", "ru")
R("haiku", "question", "databases", "other-language", None, "TB9: short factual, Russian.",
  "Чем отличается VACUUM от VACUUM FULL в Postgres?", "ru")
R("haiku", "question", "systems", "other-language", None, "TB9: flag, Russian.",
  "Какой флаг у perf record, чтобы собрать стек вызовов через dwarf?", "ru")
# ---- batch 4: hard-words-easy traps, more everyday sonnet work ----
R("haiku", "question", "systems", "plain", "hard-words-easy", "Scary words (linearizability, Byzantine) but asks a one-line definition.",
  "In the context of Byzantine fault tolerant consensus, what does 'linearizable' mean? One sentence is enough.")
R("haiku", "edit", "systems", "terse", "hard-words-easy", "Lock-free code, but the ask is a typo fix in a comment.",
  """fix the typo in the comment

```rust
// Hazard pointer retire list; reclamation happends when the list exceeds 2*H entries.
fn retire(&self, p: *mut Node<T>) {
    self.retired.borrow_mut().push(p);
    if self.retired.borrow().len() > 2 * self.domain.hazard_count() {
        self.scan();
    }
}
```""")
R("haiku", "docs", "systems", "plain", "hard-words-easy", "Concurrency vocabulary, but only a docstring is wanted.",
  """Add a doc comment to this epoch-based reclamation guard saying it pins the current epoch until dropped.

```rust
pub fn pin(&self) -> Guard<'_> {
    let e = self.global_epoch.load(Ordering::Relaxed);
    self.local.epoch.store(e | PINNED, Ordering::SeqCst);
    Guard { collector: self }
}
```""")
R("haiku", "question", "databases", "terse", "hard-words-easy", "Paxos terms, but a definition lookup.",
  "paxos: what is a 'ballot number', short")
R("haiku", "edit", "systems", "plain", "hard-words-easy", "CRDT code, but ask is a mechanical rename.",
  """Rename `GCounter` to `GrowOnlyCounter` in this snippet, including the impl.

```rust
#[derive(Default, Clone)]
pub struct GCounter { counts: HashMap<NodeId, u64> }

impl GCounter {
    pub fn incr(&mut self, n: NodeId) { *self.counts.entry(n).or_default() += 1; }
    pub fn value(&self) -> u64 { self.counts.values().sum() }
    pub fn merge(&mut self, o: &GCounter) {
        for (k, v) in &o.counts { let e = self.counts.entry(*k).or_default(); *e = (*e).max(*v); }
    }
}
```""")
R("haiku", "question", "security", "plain", "hard-words-easy", "Crypto words, but asks a short factual comparison.",
  "Is AES-GCM nonce 96 bits by default? Just yes/no and the size.")
R("haiku", "docs", "databases", "terse", "hard-words-easy", "Scary topic, trivial text task.",
  "commit msg: 'fix split-brain in lease-based leader election when clock skew > lease' - make it proper format, 50 char subject")
R("haiku", "explain", "systems", "plain", "hard-words-easy", "TB7: memory-ordering words, but the snippet's effect is one sentence.",
  "What does `std::atomic_thread_fence(std::memory_order_seq_cst)` compile to on x86-64? Just the instruction.")
R("haiku", "question", "systems", "terse", "hard-words-easy", "Scary acronym, one-line answer.",
  "what does RCU stand for")
R("haiku", "edit", "databases", "plain", "hard-words-easy", "Vector clock code, format-only edit.",
  """Reformat this to rustfmt style, no logic changes:

```rust
impl VClock{pub fn happens_before(&self,o:&VClock)->bool{let mut strict=false;for(k,v)in &self.0{let ov=o.0.get(k).copied().unwrap_or(0);if *v>ov{return false}if *v<ov{strict=true}}for(k,ov)in &o.0{if !self.0.contains_key(k)&&*ov>0{strict=true}}strict}}
```""")
R("sonnet", "implement", "systems", "plain", "hard-words-easy", "Distributed-sounding but a clear, known algorithm to implement: consistent hash ring.",
  "Implement a consistent hashing ring in Go with virtual nodes: Add(node string, weight int), Remove(node), Get(key) string, using xxhash, 128 vnodes per weight unit, binary search over sorted hashes. Include a test that removing one of 10 nodes moves roughly 10% of 100k keys.")
R("sonnet", "implement", "databases", "plain", "hard-words-easy", "CRDT words, but a specified merge function: everyday implementation.",
  "Implement an LWW-element-set CRDT in Java: add/remove with timestamps, merge taking max per element, lookup where add wins ties. Spec is exactly the textbook one, no need for anything clever. JUnit 5 tests for merge commutativity and idempotence on a few hand-written cases.")
R("opus", "design", "systems", "plain", "easy-words-hard", "TB6: plain words, asks for a correctness argument about leases and clocks.",
  "can our leader keep serving reads locally without asking the followers? we have a 10 second lease. what could go wrong?")
R("opus", "question", "databases", "terse", "short-hard", "TB3: few words, needs a careful concurrency argument.",
  "is read-your-writes possible with our async follower reads? how")
R("opus", "implement", "systems", "plain", "short-hard", "TB3: short ask, novel concurrent structure.",
  "write a concurrent skiplist for the memtable, lock-free inserts, readers never block")
R("opus", "debug", "systems", "terse", "short-hard", "TB3/TB6: short, a heisenbug with no lead.",
  "tsan clean, asan clean, still double-free in prod once a week. ideas?")
R("opus", "plan", "systems", "terse", "easy-words-hard", "TB6: plain words, cross-codebase plan.",
  "plan how we get rid of the global lock in the broker")

# sonnet: debug from traces
R("sonnet", "debug", "systems", "plain", None, "Panic message points at the cause (slice bounds on a truncated frame).",
  """panic in prod, how do I fix:

```
panic: runtime error: slice bounds out of range [:1048602] with capacity 1048576

goroutine 8812 [running]:
github.com/relaybus/broker/internal/protocol.(*Decoder).readRecordBatch(0xc0004a2f00, {0xc01a5c0000, 0x100000, 0x100000})
	/src/broker/internal/protocol/decoder.go:143 +0x4d8
github.com/relaybus/broker/internal/protocol.(*Decoder).Decode(0xc0004a2f00)
	/src/broker/internal/protocol/decoder.go:71 +0x1c5
github.com/relaybus/broker/internal/server.(*conn).serve(0xc000b8e1e0, {0x1a2e6c8, 0xc000d04a50})
	/src/broker/internal/server/conn.go:118 +0x2f4
created by github.com/relaybus/broker/internal/server.(*Server).Serve in goroutine 41
	/src/broker/internal/server/server.go:96 +0x36d
```

```go
func (d *Decoder) readRecordBatch(buf []byte) (*RecordBatch, error) {
	size := int(binary.BigEndian.Uint32(buf[8:12]))
	batch := buf[:12+size]
	...
```""")
R("sonnet", "debug", "systems", "non-native", None, "Compiler error with clear cause (lifetime of returned reference).",
  """i dont understand this lifetime error, please explain and fix

```
error[E0515]: cannot return value referencing local variable `guard`
  --> src/cache.rs:42:9
   |
41 |         let guard = self.inner.read().unwrap();
   |                     -------------------------- `guard` is borrowed here
42 |         guard.get(key).map(|e| e.value.as_slice())
   |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ returns a value referencing data owned by the current function
```

```rust
pub fn get(&self, key: &str) -> Option<&[u8]> {
    let guard = self.inner.read().unwrap();
    guard.get(key).map(|e| e.value.as_slice())
}
```""")
R("sonnet", "debug", "systems", "plain", None, "C++ template error; identifiable cause (unique_ptr copy).",
  """```
In file included from /usr/include/c++/13/vector:65,
                 from src/table_cache.h:4,
                 from src/table_cache.cc:1:
/usr/include/c++/13/bits/stl_construct.h:119:7: error: use of deleted function 'std::unique_ptr<_Tp, _Dp>::unique_ptr(const std::unique_ptr<_Tp, _Dp>&) [with _Tp = Table; _Dp = std::default_delete<Table>]'
  119 |       ::new((void*)__p) _Tp(std::forward<_Args>(__args)...);
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
/usr/include/c++/13/bits/unique_ptr.h:522:7: note: declared here
  522 |       unique_ptr(const unique_ptr&) = delete;
      |       ^~~~~~~~~~
src/table_cache.cc:37:22: note: in instantiation of member function 'std::vector<std::unique_ptr<Table>>::push_back' requested here
   37 |     open_tables_.push_back(t);
```

what do i change on line 37? and is there anything else in the pattern that's wrong: `std::unique_ptr<Table> t = Table::Open(path); open_tables_.push_back(t); return t.get();`""")
R("sonnet", "debug", "databases", "plain", None, "Logs with identifiable cause (connection pool exhaustion from leaked connections).",
  """Hikari keeps timing out, logs below. I suspect the new report endpoint.

```
2026-11-22 10:41:07.118  WARN 1 --- [nio-8080-exec-31] com.zaxxer.hikari.pool.ProxyLeakTask     : Connection leak detection triggered for org.postgresql.jdbc.PgConnection@5b7a1e2c on thread http-nio-8080-exec-12, stack trace follows
java.lang.Exception: Apparent connection leak detected
	at com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:127)
	at com.shipfast.ledger.report.MonthlyReport.stream(MonthlyReport.java:64)
	at com.shipfast.ledger.report.ReportController.monthly(ReportController.java:41)
2026-11-22 10:41:37.402 ERROR 1 --- [nio-8080-exec-44] o.h.engine.jdbc.spi.SqlExceptionHelper   : HikariPool-1 - Connection is not available, request timed out after 30000ms (total=20, active=20, idle=0, waiting=57)
```

```java
public Stream<Row> stream(YearMonth m) throws SQLException {
    Connection c = ds.getConnection();
    PreparedStatement ps = c.prepareStatement(SQL);
    ps.setObject(1, m.atDay(1));
    ResultSet rs = ps.executeQuery();
    return StreamSupport.stream(new RowSpliterator(rs), false);
}
```""")
LOG2 = raft_log(909, 45, node="kv-3", inject={20: "ERROR snapshot node=kv-3 msg=\"install snapshot failed\" err=\"checksum mismatch: expected 0x9c1e44a0 got 0x00000000\" file=snap-00000071-1602233.bin",
                                               21: "INFO  snapshot node=kv-3 msg=\"retrying install\" attempt=2",
                                               29: "ERROR snapshot node=kv-3 msg=\"install snapshot failed\" err=\"checksum mismatch: expected 0x9c1e44a0 got 0x00000000\" file=snap-00000071-1602233.bin"})
R("sonnet", "debug", "databases", "plain", None, "Log names the failure (snapshot checksum all zeros); debugging a known step.",
  "kv-3 can't catch up, it keeps failing to install the snapshot. Our sender streams the file in 1 MiB chunks and the receiver writes them with pwrite then computes crc over the file. What's likely wrong and how would you fix it?\n\n```\n" + LOG2 + "\n```")
R("haiku", "question", "databases", "terse", "long-trivial", "Pick out a filename from a pasted log.",
  "what's the snapshot file name in this log\n\n```\n" + LOG2 + "\n```")

# sonnet: implement with clear spec
R("sonnet", "implement", "databases", "plain", None, "Clear spec: sharded concurrent map wrapper.",
  "Write a sharded concurrent map in C++17: N shards (power of two, template param), each with std::shared_mutex and an unordered_map, hash the key with std::hash and mask. API: get (returns std::optional copy), put, erase, size (sum over shards, approximate is fine). Include a small gtest.")
R("sonnet", "implement", "systems", "plain", None, "Clear spec: Prometheus metrics wiring.",
  "Add Prometheus metrics to our Go broker: produce requests total by topic and result, produce latency histogram (buckets 0.5ms..2s), and current partition count gauge. Use promauto with a custom registry passed in `NewServer`. Show the changes to server.go and the /metrics handler.")
R("sonnet", "implement", "databases", "plain", None, "Clear spec: TTL expiry for a KV store.",
  "Our Rust KV stores values as `[expires_at u64 LE][data]`. Add TTL support: `put_with_ttl(key, val, ttl)`, `get` returns None for expired values, and a background task that scans 1000 keys per tick and deletes expired ones (like Redis' active expiry, but simple). We use tokio and the store is `Arc<Store>`.")
R("sonnet", "implement", "systems", "verbose", None, "Clear spec, moderate size: connection pool.",
  "I need a simple connection pool for our custom TCP protocol in Java 21. Requirements: min and max size, borrow with timeout, return, validate on borrow using a ping method that the connection already has, close idle connections above min after 60 s, and close everything on shutdown. It's fine to use a LinkedBlockingDeque and a ScheduledExecutorService. Virtual threads call borrow(), so please avoid synchronized blocks around blocking calls.")
R("sonnet", "implement", "systems", "plain", None, "Clear spec: CLI tool.",
  "Write a small Rust CLI (clap) `walcat` that dumps our WAL segment files: prints offset, length, crc ok/bad and the first 64 bytes of payload as hex for each record. Flags: --from-offset, --only-bad, --json. Record format [len u32 BE][crc32c u32 BE][payload].")
R("sonnet", "implement", "infrastructure", "plain", None, "Clear spec: Dockerfile and compose.",
  "Write a multi-stage Dockerfile for our Go broker (go 1.23, CGO off, distroless final image, non-root) and a docker-compose with 3 broker instances and a shared network, each with its own volume at /data and BROKER_ID env 1..3.")
R("sonnet", "implement", "databases", "typos", None, "Clear spec despite typos.",
  "can u write a go func that takes a []Record sorted by key and writes a simple SST: data blocks of ~4kb, an index block with last key of each block + offset, and a footer with index offset and a magic number. no compresion needed yet")

# sonnet: tests
R("sonnet", "test", "databases", "plain", None, "Property tests for existing code.",
  "Write proptest property tests for our skiplist memtable: after any sequence of inserts and deletes, iteration yields keys sorted and equal to a BTreeMap model; `get` agrees with the model. API: `Memtable::new()`, `insert(k: Bytes, v: Option<Bytes>)`, `get(&[u8]) -> Option<Option<Bytes>>`, `iter()`.")
R("sonnet", "test", "systems", "plain", None, "Integration test with known steps.",
  "Write a Go integration test that starts 3 in-process raft nodes on random ports (helper `startNode(t, id, peers)` exists), waits for a leader, kills it, and asserts a new leader is elected within 3 s and that a value written before the kill is readable from the new leader.")
R("sonnet", "test", "databases", "plain", None, "Crash test harness with a clear recipe.",
  "Write a test helper for our Rust storage engine that simulates power loss: a `FaultyFs` wrapper around our `Fs` trait that buffers writes since the last fsync per file and, on `crash()`, drops those unsynced writes (optionally keeping a random prefix). Then one test using it: write 1000 keys with sync every 100, crash, reopen, assert all keys up to the last sync are there.")
R("sonnet", "test", "systems", "terse", None, "Tests for existing code.",
  "junit tests for the LWW set above pls, edge cases on equal timestamps")

# sonnet: reviews, refactors, explains
R("sonnet", "review", "systems", "plain", None, "TB10: correctness/style review, no concurrency.",
  """Review for correctness:

```go
func parseHostPort(s string) (string, int, error) {
	i := strings.Index(s, ":")
	if i < 0 {
		return s, 9092, nil
	}
	p, err := strconv.Atoi(s[i+1:])
	if err != nil {
		return "", 0, fmt.Errorf("bad port in %q: %w", s, err)
	}
	return s[:i], p, nil
}
```""")
R("sonnet", "refactor", "systems", "plain", None, "Refactor with clear target.",
  """Turn this chain of if/else into a table-driven dispatch with a map from opcode to handler func, keep the unknown-opcode error.

```go
func (s *Server) dispatch(f Frame) ([]byte, error) {
	if f.Op == OpGet {
		return s.get(f.Payload)
	} else if f.Op == OpPut {
		return s.put(f.Payload)
	} else if f.Op == OpDel {
		return s.del(f.Payload)
	} else if f.Op == OpScan {
		return s.scan(f.Payload)
	} else if f.Op == OpPing {
		return []byte("pong"), nil
	} else if f.Op == OpStats {
		return s.stats()
	}
	return nil, fmt.Errorf("unknown opcode %d", f.Op)
}
```""")
R("sonnet", "explain", "systems", "plain", None, "TB7: subtle but sequential behaviour (closure capturing loop variable pre-1.22).",
  """Why do all goroutines print the last partition id? Go 1.21.

```go
for _, p := range parts {
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Println("flushing", p.ID)
		p.Flush()
	}()
}
wg.Wait()
```""")
R("sonnet", "explain", "systems", "plain", None, "TB7: integer promotion subtlety.",
  """Why does this checksum differ from the Go version for some inputs?

```c
uint32_t h = 0;
for (size_t i = 0; i < n; i++) {
    char c = buf[i];
    h = h * 31 + c;
}
```""")
R("sonnet", "refactor", "databases", "plain", None, "Refactor to builder pattern, several steps.",
  "Our Java `StoreConfig` has a constructor with 14 positional args and everyone gets the order wrong. Convert it to a builder with validation in build() (blockSize power of two, cacheBytes > 0, walDir non-null) and update the three call sites I'll paste after. Keep the class immutable.")
R("sonnet", "docs", "databases", "plain", None, "Docs for a module with several parts.",
  "Write a README section for our WAL format: record layout, segment naming, rotation at 64 MiB, recovery behaviour on bad crc (truncate at first bad record in the last segment, error in earlier segments), and the `walcat` tool. Markdown, with a byte layout diagram.")
R("sonnet", "ops", "infrastructure", "plain", None, "Known-steps ops runbook.",
  "Write a runbook for reassigning partitions off a Kafka broker we're decommissioning: generate the plan with kafka-reassign-partitions, throttle replication to 50 MB/s, verify, remove throttle, and what to check before shutting it down.")
R("sonnet", "ops", "infrastructure", "non-native", None, "CI config with known steps.",
  "please write gitlab ci for our c++ project: build with cmake + ninja on gcc13 and clang17, run ctest, and one job with asan+ubsan. cache ccache dir between jobs.")

# opus: more hard asks
R("opus", "design", "databases", "plain", None, "Distributed transactions design.",
  "We shard our KV by key range across raft groups. Now we need multi-key transactions across shards (up to ~10 keys, mostly 2). Compare 2PC with a coordinator log, Percolator-style with a timestamp oracle, and Calvin-style deterministic ordering for us, including what happens when the coordinator dies mid-commit. Recommend one.")
R("opus", "debug", "systems", "verbose", None, "Memory growth under load with no lead.",
  "Our Go broker's RSS grows ~200 MB/hour under steady load and never comes back down, but the heap profile (inuse_space) stays flat at ~1.2 GB. GOGC default, GOMEMLIMIT not set. We use cgo for zstd and mmap for the segment index. It's not a goroutine leak, count is stable. How would you track down where the memory goes, and what are the likely culprits?")
R("opus", "review", "systems", "plain", None, "TB10: review of a lock-free structure.",
  """Review this Treiber stack for correctness, we use it as a free list in the allocator:

```rust
pub struct Stack<T> { head: AtomicPtr<Node<T>> }
struct Node<T> { val: T, next: *mut Node<T> }

impl<T> Stack<T> {
    pub fn push(&self, val: T) {
        let n = Box::into_raw(Box::new(Node { val, next: ptr::null_mut() }));
        loop {
            let h = self.head.load(Ordering::Relaxed);
            unsafe { (*n).next = h; }
            if self.head.compare_exchange(h, n, Ordering::Release, Ordering::Relaxed).is_ok() { break; }
        }
    }
    pub fn pop(&self) -> Option<T> {
        loop {
            let h = self.head.load(Ordering::Acquire);
            if h.is_null() { return None; }
            let next = unsafe { (*h).next };
            if self.head.compare_exchange(h, next, Ordering::Acquire, Ordering::Relaxed).is_ok() {
                let b = unsafe { Box::from_raw(h) };
                return Some(b.val);
            }
        }
    }
}
```""")
R("opus", "design", "systems", "plain", None, "Open design with trade-offs: replication protocol for a cache.",
  "Should our session cache replicate synchronously to one peer, or asynchronously with read-repair? Sessions are written once at login and read ~50 times; losing one forces a re-login. We run in 3 AZs. I want a recommendation with the failure modes of each.")
R("opus", "debug", "systems", "plain", None, "Tail latency cliff needing analysis (GC/allocation vs syscall).",
  "Java broker, G1, 31 GB heap. Every ~40 minutes p99 produce latency goes from 8 ms to 900 ms for about 10 s. GC logs show mixed collections around then but pauses are only ~60 ms. What else could cause a 10 s plateau that lines up with GC, and how do we prove it?")
R("opus", "question", "systems", "plain", None, "TB7: semantics of unsafe code.",
  "Is it UB in Rust to create two `&mut [u8]` to non-overlapping halves of an mmap'd file from raw pointers, when another process may write to the file concurrently? What about `&[u8]`? We're deciding how to expose our segment reader API.")
R("opus", "design", "databases", "non-native", None, "Open design, TB9.",
  "we want add secondary index to our kv store (range sharded, raft per range). index must be consistent with primary data, reads from index must not return keys deleted. how to design? local index per range or global index? please explain trade off and what you recommend")
R("opus", "plan", "systems", "plain", None, "Large multi-step migration across a codebase.",
  "We want to move our broker from one goroutine-per-connection with blocking IO to an event loop with io_uring via cgo, because we have 200k mostly idle connections. Plan the migration across the codebase (protocol, auth, quotas, fetch long-polling all assume blocking reads), the risks, and how we'd roll it out without a flag day. Or tell me if this is a bad idea.")
R("opus", "debug", "databases", "terse", "short-hard", "TB3: short, a consistency anomaly needing theory.",
  "counter in our raft kv sometimes goes backwards when read from different clients. why")

# haiku: quick ones
R("haiku", "question", "systems", "terse", None, "Flag lookup.", "perf record flag for call graphs")
R("haiku", "question", "tooling", "terse", None, "Command lookup.", "cargo cmd to see why a crate is in my dep tree")
R("haiku", "question", "systems", "plain", None, "Short fact.", "What's the default GOMAXPROCS in a container with a CPU limit of 2 on a 64-core host, for Go 1.22?")
R("haiku", "question", "systems", "terse", None, "Syntax.", "java 21 record with compact constructor validation syntax")
R("haiku", "question", "databases", "plain", None, "Short fact.", "What does `fsync` guarantee that `fdatasync` doesn't?")
R("haiku", "question", "systems", "terse", None, "Error meaning.", "ECONNRESET vs EPIPE?")
R("haiku", "question", "tooling", "plain", None, "Flag lookup.", "How do I make `go build` strip debug info to make the binary smaller?")
R("haiku", "question", "databases", "typos", None, "Short fact.", "redis MULTI/EXEC - is it atomic if one comand fails in the middle?")
R("haiku", "question", "systems", "plain", None, "Short fact.", "What does `#[repr(C)]` change about a struct?")
R("haiku", "edit", "systems", "plain", None, "Mechanical edit.",
  "Change this to use `Ordering::SeqCst` everywhere instead of Relaxed, I just want to rule it out while debugging:\n\n```rust\nlet prev = self.count.fetch_add(1, Ordering::Relaxed);\nif prev + 1 == self.limit.load(Ordering::Relaxed) {\n    self.full.store(true, Ordering::Relaxed);\n}\n```")
R("haiku", "question", "systems", "terse", None, "Syntax.", "c++20 how to write a concept that requires T has .size()")
R("haiku", "question", "infrastructure", "terse", None, "Command lookup.", "ss command to count TIME_WAIT sockets")
R("haiku", "question", "systems", "other-language", None, "TB9: quick question in Chinese.", "Java 里 volatile 能保证 i++ 是原子的吗？一句话回答。", "zh")
R("haiku", "question", "databases", "other-language", None, "TB9: quick question in Chinese.", "RocksDB 的 write_buffer_size 是什么意思？", "zh")
R("sonnet", "implement", "systems", "other-language", None, "TB9: clear spec, Chinese.",
  "用 Go 实现一个带过期时间的本地缓存：Get/Set/Delete，Set 可以指定 TTL，后台每秒清理过期 key，要求并发安全，附带单元测试。", "zh")
R("opus", "debug", "systems", "other-language", None, "TB9: performance cliff needing analysis, Chinese.",
  "我们的 C++ 服务在连接数超过 5 万之后，CPU 使用率突然从 30% 涨到 95%，QPS 反而下降。epoll 用的是 LT 模式，每个线程一个 epoll。请帮忙分析可能的原因和排查步骤。", "zh")
R("sonnet", "debug", "systems", "other-language", None, "TB9: error with a clear cause, Russian.",
  """Почему падает? Java 21.

```
Exception in thread "ingest-2" java.lang.IllegalStateException: Queue full
	at java.base/java.util.AbstractQueue.add(AbstractQueue.java:98)
	at java.base/java.util.concurrent.ArrayBlockingQueue.add(ArrayBlockingQueue.java:329)
	at com.shipfast.ingest.Batcher.submit(Batcher.java:45)
```

Нам нужно, чтобы продюсер ждал, а не падал.""", "ru")
R("opus", "design", "systems", "other-language", None, "TB9: consensus design question, Russian.",
  "Мы делаем распределённую блокировку на etcd для планировщика задач. Как гарантировать, что задача не выполнится дважды, если держатель блокировки завис на GC дольше TTL лизы? Нужны fencing tokens? Опиши схему целиком.", "ru")
R("haiku", "question", "systems", "other-language", None, "TB9: short question, Russian.", "Как в Rust посмотреть размер структуры в байтах?", "ru")
R("sonnet", "refactor", "systems", "other-language", None, "TB9: refactor, Russian.",
  "Перепиши этот обработчик на Go так, чтобы ошибки не глотались, а возвращались наверх с контекстом через fmt.Errorf(\"...: %w\"). Там штук десять мест, где сейчас `log.Println(err); return`. Код пришлю следующим сообщением, сначала покажи шаблон.", "ru")
# ---- batch 5: more pastes, minimal pairs, follow-ups ----
LSM_CODE = """```rust
pub struct Db {
    mem: RwLock<Arc<Memtable>>,
    imm: Mutex<Vec<Arc<Memtable>>>,
    wal: Mutex<Wal>,
    versions: Mutex<VersionSet>,
    flush_tx: mpsc::Sender<()>,
}

impl Db {
    pub fn put(&self, k: Bytes, v: Bytes) -> Result<()> {
        let seq = {
            let mut wal = self.wal.lock();
            let seq = wal.next_seq();
            wal.append(seq, &k, Some(&v))?;
            seq
        };
        let mem = self.mem.read().clone();
        mem.insert(k, seq, Some(v));
        if mem.approx_bytes() > MEMTABLE_LIMIT {
            self.rotate()?;
        }
        Ok(())
    }

    fn rotate(&self) -> Result<()> {
        let mut mem = self.mem.write();
        if mem.approx_bytes() <= MEMTABLE_LIMIT {
            return Ok(());
        }
        let old = std::mem::replace(&mut *mem, Arc::new(Memtable::new()));
        self.wal.lock().rotate()?;
        self.imm.lock().push(old);
        let _ = self.flush_tx.try_send(());
        Ok(())
    }

    fn flush_one(&self) -> Result<()> {
        let m = match self.imm.lock().first().cloned() { Some(m) => m, None => return Ok(()) };
        let sst = write_sst(&m)?;
        let mut vs = self.versions.lock();
        vs.add_l0(sst)?;
        vs.set_log_number(self.wal.lock().current_number())?;
        self.imm.lock().remove(0);
        Ok(())
    }
}
```"""
R("haiku", "explain", "databases", "plain", "long-trivial", "TB5: one-sentence answer about pasted code.",
  "In this code, what does `rotate` do with the old memtable? One sentence.\n\n" + LSM_CODE)
R("opus", "review", "databases", "plain", None, "TB10: concurrent write path review; ordering between WAL seq and memtable insert, rotate vs flush.",
  "Review the concurrency in this write path. I'm worried about: two puts racing with rotate, a put landing in the memtable after its WAL record went to the old segment, and flush_one setting the log number. Is any acknowledged write lost after a crash?\n\n" + LSM_CODE)
R("sonnet", "test", "databases", "plain", None, "Writing tests for existing code.",
  "Write unit tests for this Db: put then get, rotation when over MEMTABLE_LIMIT (make it configurable for the test), and flush_one moving the immutable memtable to L0. Use a tempdir.\n\n" + LSM_CODE)
R("haiku", "edit", "databases", "terse", "long-trivial", "TB5: one-attribute edit on pasted code.",
  "add `#[must_use]` to put in this\n\n" + LSM_CODE)

GO_CACHE = """```go
type entry struct {
	key   string
	val   []byte
	exp   int64
	prev  *entry
	next  *entry
}

type Cache struct {
	mu    sync.Mutex
	items map[string]*entry
	head  *entry
	tail  *entry
	bytes int64
	max   int64
}

func (c *Cache) Get(k string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[k]
	if !ok || (e.exp != 0 && e.exp < time.Now().UnixNano()) {
		return nil, false
	}
	c.moveToFront(e)
	return e.val, true
}

func (c *Cache) Set(k string, v []byte, ttl time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[k]; ok {
		c.bytes += int64(len(v) - len(e.val))
		e.val = v
		e.exp = time.Now().Add(ttl).UnixNano()
		c.moveToFront(e)
	} else {
		e := &entry{key: k, val: v, exp: time.Now().Add(ttl).UnixNano()}
		c.items[k] = e
		c.pushFront(e)
		c.bytes += int64(len(v))
	}
	for c.bytes > c.max && c.tail != nil {
		t := c.tail
		c.unlink(t)
		delete(c.items, t.key)
		c.bytes -= int64(len(t.val))
	}
}
```"""
R("sonnet", "review", "systems", "plain", None, "TB10: correctness review of single-mutex code with identifiable bugs (ttl 0, returned slice aliasing).",
  "Review this LRU cache for bugs. It's behind one mutex so I'm not worried about races, more about logic.\n\n" + GO_CACHE)
R("opus", "debug", "systems", "plain", None, "Perf cliff on a global mutex at scale needs analysis and redesign choices.",
  "This cache (one mutex) is fine at 50k ops/s but at 400k ops/s on 48 cores throughput actually drops to 120k. Why would it drop instead of plateau, and what design would you move to (sharding, CLOCK instead of LRU, read-mostly tricks)? Give reasoning, not just 'shard it'.\n\n" + GO_CACHE)
R("sonnet", "refactor", "systems", "follow-up", None, "TB8: named refactor follow-up.",
  "ok shard it like you said, 64 shards, keep the same API")
R("haiku", "question", "systems", "terse", None, "Short fact.", "why does `time.Now()` show up in profiles, is it a syscall in go")

MIGR_LOG = "\n".join("2026-11-23T02:%02d:%02d.%03dZ INFO migrate batch=%d rows=10000 last_id=%d dur_ms=%d" % (i // 60, i % 60, (i * 37) % 1000, i, 10000 * (i + 1) + 381, 900 + (i * 53) % 700) for i in range(60))
MIGR_LOG += "\n2026-11-23T03:00:14.220Z ERROR migrate batch=60 err=\"pq: canceling statement due to lock timeout\" last_id=600381"
R("sonnet", "debug", "databases", "plain", None, "Log points at the cause (lock timeout on batch); fix is known (smaller batches, retry, lock_timeout).",
  "Our backfill died after an hour with this. It runs `UPDATE events SET tenant_id = ... WHERE id > $1 AND id <= $2` in batches. What do we change so it finishes and doesn't block the app?\n\n```\n" + MIGR_LOG + "\n```")
R("haiku", "question", "databases", "plain", "long-trivial", "TB5: read one value from a pasted log.",
  "What was the last_id before it failed?\n\n```\n" + MIGR_LOG + "\n```")

# opus deep asks, plain or terse wording
R("opus", "debug", "systems", "plain", "easy-words-hard", "TB6: rare ordering bug, prose only.",
  "a customer sees their 'order cancelled' event before 'order created' maybe once in 100k orders. both go through our broker on the same topic but not always the same partition key. how do we fix this for real?")
R("opus", "design", "systems", "plain", None, "Open design: idempotent consumer and dedup window at scale.",
  "Design a dedup layer for at-least-once delivery: 500k msg/s, message ids are UUIDv7, duplicates can arrive up to 24h later. Memory budget 32 GB across 8 nodes. Bloom filters, time-bucketed hash sets, or a KV lookup? Include false-positive impact (a false positive drops a real message).")
R("opus", "question", "databases", "plain", None, "Formal reasoning about isolation anomaly.",
  "Is write skew possible under our MVCC if we check for write-write conflicts only on the keys written? Give a concrete interleaving with two transactions or argue why not.")
R("opus", "design", "databases", "verbose", None, "Storage engine design trade-off with quantitative reasoning.",
  "For a time-series store that ingests 2M points/s (16-byte points, series cardinality ~5M) and mostly queries the last hour, should we build on an LSM or write our own append-only column chunks per series with an in-memory head block like Prometheus? I care about write amplification on NVMe, memory for the head, query latency for 1h ranges and how painful out-of-order writes become. Please reason through it with numbers.")
R("opus", "debug", "systems", "plain", None, "Intermittent corruption across processes with mmap; needs theory.",
  "Reader process mmaps our segment files read-only while the writer appends with write(2). Very rarely the reader sees a record whose crc fails, then a retry a millisecond later is fine. We publish the end offset in a shared header page after writing. What's going on?")
R("opus", "explain", "systems", "plain", None, "TB7: semantics of a concurrent algorithm.",
  "Explain why the classic double-checked locking singleton is broken in C++03 / Java before 5 and exactly which memory-model guarantee fixes it in C++11 and Java 5+. I want the happens-before argument, not just 'use volatile'.")
R("opus", "debug", "databases", "non-native", None, "Performance cliff needing analysis.",
  "our rocksdb write throughput is ok first 2 hours then drop 10x and stay low. we see 'Stalling writes because of estimated pending compaction bytes' in LOG. we already increase max_background_jobs to 16, not help. disk is nvme, not saturated by iostat. what is real problem?")
R("opus", "plan", "systems", "plain", None, "Multi-step migration across a codebase with high stakes.",
  "We need to change the on-disk record format of our broker (add headers and a per-record timestamp) while running: old and new brokers in the same cluster during a rolling upgrade, old consumers still reading. Plan the format versioning, the upgrade and downgrade paths, and what we test.")
R("opus", "review", "security", "plain", None, "TB10: security review of a network protocol handler.",
  """Security review of our custom protocol's auth handshake, please:

```go
func (c *conn) handshake() error {
	var hdr [8]byte
	if _, err := io.ReadFull(c.nc, hdr[:]); err != nil { return err }
	n := binary.BigEndian.Uint32(hdr[4:])
	buf := make([]byte, n)
	if _, err := io.ReadFull(c.nc, buf); err != nil { return err }
	var req authReq
	if err := json.Unmarshal(buf, &req); err != nil { return err }
	u, err := c.srv.users.Lookup(req.User)
	if err != nil { return err }
	if req.Password != u.Password { return errAuth }
	c.user = u
	return nil
}
```""")
R("opus", "design", "security", "plain", None, "Threat model for internal broker.",
  "Threat-model our internal message broker: mTLS between clients and brokers, ACLs per topic, admin API on a separate port, brokers replicate over plaintext inside the VPC. What are the main attack paths and what would you fix first?")

# sonnet: everyday with traces and specs
R("sonnet", "debug", "systems", "plain", None, "Valgrind output points at missing delete[] / mismatched free.",
  """valgrind says:

```
==4412== Mismatched free() / delete / delete []
==4412==    at 0x484A18F: operator delete(void*, unsigned long) (vg_replace_malloc.c:1051)
==4412==    by 0x10B3C1: BlockBuilder::~BlockBuilder() (block_builder.cc:22)
==4412==    by 0x10A8E7: TableBuilder::Finish() (table_builder.cc:141)
==4412==  Address 0x4dd4080 is 0 bytes inside a block of size 4,096 alloc'd
==4412==    at 0x48485C3: operator new[](unsigned long) (vg_replace_malloc.c:725)
==4412==    by 0x10B2F0: BlockBuilder::BlockBuilder(unsigned long) (block_builder.cc:9)
```

block_builder.cc lines 9 and 22: `buf_ = new char[cap];` and `delete buf_;`. fix + anything better than raw new?""")
R("sonnet", "debug", "tooling", "plain", None, "Build error with identifiable cause (feature flag).",
  """cargo build fails after I added tokio to the workspace crate:

```
error[E0433]: failed to resolve: could not find `main` in `tokio`
 --> crates/kvd/src/main.rs:12:10
   |
12 | #[tokio::main]
   |          ^^^^ could not find `main` in `tokio`

error[E0425]: cannot find function `sleep` in module `tokio::time`
  --> crates/kvd/src/main.rs:31:22
```

Cargo.toml has `tokio = { workspace = true }` and the workspace root has `tokio = { version = "1", default-features = false, features = ["net", "sync"] }`.""")
R("sonnet", "debug", "systems", "plain", None, "Go deadlock detector output points at the cause.",
  """```
fatal error: all goroutines are asleep - deadlock!

goroutine 1 [chan send]:
main.(*Pipeline).Run(0xc000122000)
	/src/pipe/pipeline.go:58 +0x1f4
main.main()
	/src/pipe/main.go:22 +0x89

goroutine 18 [chan receive]:
main.(*Pipeline).worker(0xc000122000, 0x0)
	/src/pipe/pipeline.go:81 +0xc5
created by main.(*Pipeline).Run in goroutine 1
	/src/pipe/pipeline.go:49 +0x95
```

```go
func (p *Pipeline) Run() {
	out := make(chan Result)
	for i := 0; i < p.workers; i++ {
		go p.worker(i)
	}
	for _, j := range p.jobs {
		p.in <- j
	}
	close(p.in)
	for r := range out {
		p.results = append(p.results, r)
	}
}
```

worker reads p.in and writes to p.out. what's wrong?""")
R("sonnet", "implement", "systems", "plain", None, "Clear spec: circuit breaker.",
  "Implement a circuit breaker in Java for our downstream KV client: closed/open/half-open, open after 50% failures over a 20-call sliding window (min 10 calls), 30 s open timeout, half-open allows 3 trial calls. Thread-safe. No Resilience4j, we can't add deps.")
R("sonnet", "implement", "databases", "plain", None, "Clear spec: range-scan pagination endpoint.",
  "Add cursor-based pagination to our scan endpoint: `GET /scan?prefix=x&limit=100&cursor=...`, cursor is base64 of the last key returned, response includes `next_cursor` or null. limit max 1000, default 100, reject bad cursors with 400.")
R("sonnet", "implement", "systems", "non-native", None, "Clear spec despite rough English.",
  "need c++ class for reading our config file (ini style, sections, key=value, # comments). api: get<T>(section, key) with default value, throw if type wrong. support int, double, bool, string, and durations like '500ms', '2s'. please with unit tests on gtest.")
R("sonnet", "implement", "systems", "plain", None, "Clear spec: gRPC interceptor.",
  "Write a gRPC unary server interceptor in Go that logs method, duration, status code and peer address with zap, and adds a request id from the `x-request-id` metadata (generate one if missing) to the context.")
R("sonnet", "implement", "databases", "plain", None, "Clear spec: Redis-protocol parser.",
  "Write a RESP2 parser in Rust: parse simple strings, errors, integers, bulk strings (incl. null) and arrays (nested) from a `&[u8]`, return `Ok(Some((Value, consumed)))`, `Ok(None)` if incomplete, or an error. No allocations for bulk strings beyond the Vec for arrays if you can borrow from the input.")
R("sonnet", "test", "systems", "plain", None, "Fuzz target for existing parser.",
  "Write a cargo-fuzz target for the RESP parser: it must never panic, and whenever it returns a value, re-encoding it and parsing again gives the same value. Add the encoder if needed.")
R("sonnet", "test", "systems", "follow-up", None, "TB8: 'add tests for that too' names test work.",
  "add tests for the interceptor too")
R("sonnet", "explain", "databases", "plain", None, "Explain a non-trivial query plan.",
  """Why is this query slow and what does the plan say?

```
Nested Loop  (cost=0.86..48211.90 rows=512 width=64) (actual time=0.091..2311.402 rows=498 loops=1)
  ->  Index Scan using orders_customer_idx on orders o  (cost=0.43..1822.11 rows=512 width=40) (actual time=0.044..3.918 rows=498 loops=1)
        Index Cond: (customer_id = 42)
  ->  Index Scan using shipments_order_id_idx on shipments s  (cost=0.43..90.58 rows=1 width=24) (actual time=4.621..4.627 rows=1 loops=498)
        Index Cond: (order_id = o.id)
        Filter: (status <> 'cancelled'::text)
        Rows Removed by Filter: 2210
Planning Time: 0.412 ms
Execution Time: 2311.611 ms
```""")
R("sonnet", "refactor", "systems", "plain", None, "Refactor: callbacks to async.",
  "Convert our Java KV client from callback style (`get(key, Callback<byte[]>)`) to CompletableFuture, keeping the callback methods as deprecated wrappers. There are get, put, delete and scan. Make sure exceptions from the network layer complete the future exceptionally instead of being thrown on the IO thread.")
R("sonnet", "ops", "infrastructure", "plain", None, "Known-steps ops config.",
  "Write a systemd unit for our Rust kvd: runs as user kvd, LimitNOFILE=1048576, restart on failure with 5s delay, ExecStartPre that checks /data/kv is mounted, and hardening options (ProtectSystem=strict with /data/kv writable, PrivateTmp, NoNewPrivileges).")
R("sonnet", "docs", "systems", "plain", None, "Docs with several sections.",
  "Write the doc comment for our `Wal::append` and `Wal::sync` explaining the durability contract: append buffers, sync fsyncs the segment and returns the highest durable seq, concurrent appends during a sync are included only if they finished before sync started. Rust doc style, with a short example.")

# haiku rounds
R("haiku", "question", "systems", "terse", None, "Short fact.", "std::shared_mutex vs std::mutex when to use")
R("haiku", "question", "databases", "plain", None, "Short fact.", "In Kafka, what's the difference between log.retention.hours and log.retention.ms if both are set?")
R("haiku", "question", "systems", "terse", None, "Syntax.", "rust: how to match on a byte string literal")
R("haiku", "question", "tooling", "plain", None, "Flag lookup.", "What's the JVM flag to print GC logs to a file with rotation in Java 21?")
R("haiku", "question", "systems", "terse", None, "Short fact.", "what is TCP_NODELAY")
R("haiku", "question", "databases", "terse", None, "Command.", "redis-cli command to see memory usage of one key")
R("haiku", "edit", "systems", "plain", None, "Mechanical edit.", "Change all `unwrap()` in this to `expect(\"...\")` with a short message each:\n\n```rust\nlet port: u16 = env::var(\"KV_PORT\").unwrap().parse().unwrap();\nlet dir = PathBuf::from(env::var(\"KV_DIR\").unwrap());\nlet ln = TcpListener::bind((\"0.0.0.0\", port)).await.unwrap();\n```")
R("haiku", "question", "systems", "plain", None, "Short fact.", "Does Go's `sync.WaitGroup` need to be passed by pointer?")
R("haiku", "docs", "systems", "terse", None, "Small text task.", "one line PR title for: switch broker from encoding/json to protobuf for the admin api")
R("haiku", "question", "databases", "plain", None, "Short fact.", "What is a covering index?")
R("haiku", "question", "systems", "terse", None, "Error meaning.", "what's EAGAIN on a nonblocking read")
R("haiku", "explain", "systems", "plain", None, "TB7: short snippet explained in a sentence.", "What does `std::exchange(ptr_, nullptr)` return here: `return std::exchange(ptr_, nullptr);`")
R("haiku", "question", "tooling", "terse", None, "Flag.", "gdb: print all threads' backtraces, command?")
R("haiku", "question", "systems", "typos", None, "Short fact.", "is java ConcurentHashMap.size() exact or aproximate")
R("haiku", "question", "databases", "terse", None, "Short fact.", "what is WAL in postgres, short")
R("haiku", "edit", "general", "plain", None, "Mechanical conversion.",
  "Turn this into a markdown table:\n\nnode kv-1 role leader lag 0\nnode kv-2 role follower lag 12\nnode kv-3 role follower lag 4031\nnode kv-4 role learner lag 910220")

# more other-language rows
R("haiku", "question", "systems", "other-language", None, "TB9: short fact, Chinese.", "epoll 的 ET 和 LT 模式有什么区别？简单说一下。", "zh")
R("sonnet", "debug", "databases", "other-language", None, "TB9: log with clear cause, Chinese.",
  """MySQL 报这个错，是什么原因，怎么改？

```
ERROR 1213 (40001): Deadlock found when trying to get lock; try restarting transaction
```

两个事务：A 先 UPDATE account WHERE id=1 再 UPDATE account WHERE id=2；B 先更新 id=2 再更新 id=1。""", "zh")
R("opus", "plan", "databases", "other-language", "easy-words-hard", "TB6/TB9: plain words, cross-system migration plan, Chinese.",
  "我们想把单机 Redis 换成 Redis Cluster，但很多业务代码用了 MULTI、Lua 脚本和跨 key 的操作。帮我们规划一下怎么迁移，不能停服。", "zh")
R("sonnet", "explain", "systems", "other-language", None, "TB9: explain non-trivial code, Russian.",
  "Объясни, что делает функция `pick_compaction` выше, по шагам, и почему для уровня 0 считается по количеству файлов, а не по размеру.", "ru")
R("opus", "debug", "systems", "other-language", None, "TB9: perf cliff, Russian.",
  "Наш сервис на Rust (tokio, 16 воркеров) при росте числа соединений с 10k до 12k вдруг теряет половину пропускной способности, p99 растёт в 20 раз. Аллокатор jemalloc. CPU не упирается. С чего начать анализ и какие гипотезы?", "ru")
R("haiku", "question", "infrastructure", "other-language", None, "TB9: flag, Russian.", "Как в kafka-console-consumer читать с начала топика?", "ru")
# ---- batch 6: more traps both ways, sonnet work, opus analysis ----
R("opus", "design", "systems", "terse", "short-hard", "TB3: few words, consensus protocol design.",
  "design leader election for our scheduler without zookeeper or etcd")
R("opus", "question", "databases", "terse", "short-hard", "TB3: short, linearizability proof-level reasoning.",
  "is our quorum read with R+W>N linearizable? W=2 R=2 N=3, last-write-wins")
R("opus", "debug", "systems", "terse", "short-hard", "TB3/TB6: short heisenbug.",
  "segfault only with -O2, only on one box, core shows garbage vtable")
R("opus", "implement", "systems", "terse", "short-hard", "TB3: novel lock-free algorithm.",
  "hazard pointers in c++17 for our lock-free hash map, no folly")
R("opus", "design", "databases", "terse", "short-hard", "TB3: open storage design.",
  "how should we do online schema change on a 2TB table with no downtime, our own storage not mysql")
R("opus", "question", "systems", "terse", "short-hard", "TB3/TB7: memory model semantics.",
  "can a relaxed load see a value 'from the future' in c++? out of thin air?")
R("opus", "debug", "systems", "plain", "easy-words-hard", "TB6: plain words, intermittent failure, no lead.",
  "Sometimes our service takes 5 minutes to shut down instead of 2 seconds. Not every time. Nothing in the logs. Where do we look?")
R("opus", "design", "systems", "plain", "easy-words-hard", "TB6: plain words, recovery protocol design.",
  "What should happen when a node comes back after being offline for a week? Right now it just rejoins and we've had weird data after.")
R("opus", "plan", "systems", "plain", "easy-words-hard", "TB6: plain words, plan across services.",
  "We want every service to be able to survive losing one whole data center. Where do we start?")
R("opus", "debug", "databases", "plain", "easy-words-hard", "TB6: plain words, data inconsistency with no lead.",
  "Two replicas of the same table have different row counts and we don't know since when. How do we find out what diverged and why?")
R("opus", "question", "systems", "plain", "easy-words-hard", "TB6: plain wording hides a clock/ordering correctness question.",
  "Can we just use the server's timestamp to decide which write wins?")
R("opus", "debug", "systems", "non-native", "easy-words-hard", "TB6/TB9: rough English, stall under load with no lead.",
  "when traffic is high, our go service sometime stop to answer for 1-2 seconds, all goroutines. after it continue. GC pause is small in metrics. why?")
R("opus", "design", "systems", "plain", "easy-words-hard", "TB6: plain words, open design of retries + ordering.",
  "how should our consumer handle a message it can't process, without blocking the partition and without losing order for that customer?")

R("haiku", "question", "systems", "plain", "hard-words-easy", "Consensus words, short definition.",
  "What is a 'quorum' in Raft? Just the number for 5 nodes.")
R("haiku", "question", "systems", "plain", "hard-words-easy", "Scary term, one-line answer.",
  "What does the ABA problem refer to, in one sentence?")
R("haiku", "question", "databases", "terse", "hard-words-easy", "Distributed term, definition.",
  "what's a merkle tree used for in anti-entropy, one line")
R("haiku", "edit", "systems", "plain", "hard-words-easy", "Lock-free code, add license header only.",
  """Add the Apache-2.0 SPDX header to this file:

```rust
use std::sync::atomic::{AtomicUsize, Ordering};

pub struct SeqLock<T: Copy> { seq: AtomicUsize, data: UnsafeCell<T> }
unsafe impl<T: Copy + Send> Sync for SeqLock<T> {}
```""")
R("haiku", "question", "security", "terse", "hard-words-easy", "Crypto words, short fact.",
  "ed25519 signature size in bytes")
R("haiku", "docs", "systems", "plain", "hard-words-easy", "Raft topic, a changelog line.",
  "Changelog line: added PreVote and CheckQuorum to the raft implementation to stop disruptive elections from partitioned nodes.")
R("sonnet", "implement", "systems", "plain", "hard-words-easy", "Sounds like distributed systems, but a clear, known algorithm.",
  "Implement a Lamport clock and a vector clock type in Go with Tick, Merge(other) and Compare (before/after/concurrent/equal). Unit tests with three simulated nodes exchanging messages.")
R("sonnet", "implement", "databases", "plain", "hard-words-easy", "Merkle tree words, but a specified build and diff.",
  "Write a Merkle tree over sorted key ranges for our anti-entropy: leaves hash 1024 consecutive keys (xxh3 of key||value), internal nodes hash children, and a `diff(a, b) -> Vec<Range>` that returns leaf ranges that differ. Both trees are built over the same range boundaries. Rust.")
R("sonnet", "debug", "systems", "plain", "hard-words-easy", "Word 'deadlock' in a trivial single-goroutine channel bug with a clear trace.",
  """'deadlock' panic in a test, only one goroutine:

```
fatal error: all goroutines are asleep - deadlock!

goroutine 1 [chan send]:
github.com/relaybus/broker/internal/quota.TestQuota(0xc000103380)
	/src/broker/internal/quota/quota_test.go:19 +0x6c
```

```go
func TestQuota(t *testing.T) {
	ch := make(chan int)
	ch <- 1
	q := New(<-ch)
	...
```""")

# more sonnet
R("sonnet", "implement", "systems", "plain", None, "Clear spec: slow-query / request log sampling.",
  "Add request sampling to our C++ server's access log: log every request slower than the threshold, plus 1 in N of the rest (N configurable, default 1000), using a thread-local xorshift RNG. Threshold and N reloadable via SIGHUP from the config file.")
R("sonnet", "implement", "databases", "plain", None, "Clear spec: batch writer.",
  "Write a Go batch writer for our KV client: callers call `Put(ctx, k, v) error`, puts are collected and sent as one BatchPut RPC when 256 items or 2 ms elapsed, each caller gets its own result back. Stop() flushes pending.")
R("sonnet", "implement", "systems", "plain", None, "Clear spec: config hot reload.",
  "Implement config hot reload in our Rust service: watch the TOML file with notify, parse on change, validate, and swap it into an `ArcSwap<Config>`; on parse error keep the old config and log. Debounce events by 200 ms.")
R("sonnet", "implement", "systems", "verbose", None, "Clear spec, medium size.",
  "I want a tiny admin CLI for our broker in Go using cobra: `relayctl topics list`, `topics describe <name>` (partitions, leaders, ISR), `topics create <name> --partitions --rf`, and `groups lag <group>`. It talks to the admin HTTP API at --addr (default localhost:9644), JSON in and out, I'll give you the endpoint paths: GET /v1/topics, GET /v1/topics/{name}, POST /v1/topics, GET /v1/groups/{g}/lag. Table output by default, --json flag for raw.")
R("sonnet", "implement", "databases", "plain", None, "Clear spec: block cache metrics and stats dump.",
  "Add a `stats()` method to our C++ LRU block cache returning hits, misses, evictions, bytes used and per-shard usage, using relaxed atomics for counters. Also a `DumpStats(std::ostream&)` that prints them as a table.")
R("sonnet", "test", "databases", "plain", None, "Tests for existing code with a clear target.",
  "Write gtest cases for the sharded concurrent map from before: basic put/get/erase, size after concurrent inserts from 8 threads (exact, since each thread inserts distinct keys), and a test that get returns a copy that isn't affected by a later put.")
R("sonnet", "test", "systems", "plain", None, "Deterministic simulation test harness with a clear spec.",
  "Write a Go test helper that runs our raft nodes over a fake network with a seeded RNG: message delay 1-50 ms, 1% drop, and a `Partition(a, b []NodeID)`/`Heal()` API. No real sockets; nodes already take a `Transport` interface with Send/Recv.")
R("sonnet", "test", "systems", "typos", None, "Tests for existing code.",
  "write tests for the circut breaker java class, need to cover half open -> closed and half open -> open again, use a fake clock pls")
R("sonnet", "review", "databases", "plain", None, "TB10: diff review, not concurrency.",
  """Review this migration diff:

```diff
+ALTER TABLE events ADD COLUMN tenant_id bigint;
+UPDATE events SET tenant_id = (SELECT tenant_id FROM accounts a WHERE a.id = events.account_id);
+ALTER TABLE events ALTER COLUMN tenant_id SET NOT NULL;
+CREATE INDEX events_tenant_idx ON events (tenant_id, created_at);
```

events has 900M rows, prod Postgres 15.""")
R("sonnet", "review", "systems", "plain", None, "TB10: code review for correctness and style.",
  """Review this Rust function:

```rust
pub fn read_exact_at(f: &File, mut buf: &mut [u8], mut off: u64) -> io::Result<()> {
    while !buf.is_empty() {
        match f.read_at(buf, off) {
            Ok(0) => break,
            Ok(n) => { buf = &mut buf[n..]; off += n as u64; }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}
```""")
R("sonnet", "debug", "databases", "plain", None, "Explain plan with identifiable cause (missing index / wrong type).",
  """Why isn't it using the index?

```
Seq Scan on events  (cost=0.00..2841162.40 rows=4520 width=212) (actual time=1.203..9811.337 rows=4417 loops=1)
  Filter: ((account_id)::text = '918273'::text)
  Rows Removed by Filter: 90412553
Execution Time: 9811.902 ms
```

index is `events_account_idx ON events(account_id)`, account_id is bigint. Query from our Java app: `WHERE account_id = ?` with setString.""")
R("sonnet", "debug", "infrastructure", "plain", None, "Logs point at a clear cause (OOMKilled with mismatched heap).",
  """broker pods keep restarting:

```
    State:          Running
    Last State:     Terminated
      Reason:       OOMKilled
      Exit Code:    137
    Limits:
      memory:  8Gi
    Environment:
      KAFKA_HEAP_OPTS:  -Xms6g -Xmx6g
```

page cache should be fine, why OOM? what do we set?""")
R("sonnet", "debug", "systems", "plain", None, "Clippy/compiler output with clear fixes.",
  """CI fails on clippy, fix these:

```
error: this `MutexGuard` is held across an `await` point
  --> crates/kvd/src/repl.rs:112:13
    |
112 |         let mut st = self.state.lock().unwrap();
    |             ^^^^^^
    |
note: these are all the `await` points this lock is held through
  --> crates/kvd/src/repl.rs:118:39
    |
118 |             self.send_append(peer, batch).await?;
    |                                       ^^^^^
    = help: for further information visit https://rust-lang.github.io/rust-clippy/master/index.html#await_holding_lock
error: redundant clone
   --> crates/kvd/src/repl.rs:131:34
    |
131 |         let entries = batch.entries.clone();
    |                                    ^^^^^^^^ help: remove this
```""")
R("sonnet", "refactor", "systems", "plain", None, "Refactor with clear steps.",
  "Split our 1,400-line `server.go` into files by concern: connection handling, request dispatch, admin endpoints, metrics. Same package, no behaviour change. Tell me which functions go where and what needs to move with them (types, consts). I'll paste the function list.")
R("sonnet", "explain", "systems", "plain", None, "TB7: why code behaves subtly (Drop order / temporary lifetime).",
  """Why does this deadlock? It's a single thread.

```rust
match self.state.lock().unwrap().mode {
    Mode::Leader => self.step_down(),  // step_down() also locks self.state
    Mode::Follower => {}
}
```""")
R("sonnet", "explain", "systems", "plain", None, "TB7: async ordering subtlety.",
  "Why does `CompletableFuture.thenApply` sometimes run my callback on the calling thread and sometimes on the netty IO thread? It blocks the IO thread sometimes and I want to understand when.")
R("sonnet", "debug", "systems", "follow-up", None, "TB8: pointer-only follow-up.",
  "try again, it still hangs on shutdown")
R("sonnet", "implement", "systems", "follow-up", None, "TB8: same feature for another component.",
  "now add the same sampling to the grpc side")
R("haiku", "edit", "systems", "follow-up", None, "TB8: trivial follow-up edit.",
  "rename it back to handleGet, the team prefers the old name")
R("opus", "design", "databases", "follow-up", None, "TB8: follow-up asking for a hard correctness property.",
  "ok and how do we make the batch writer keep per-key order if a batch fails and is retried while the next batch is already in flight?")

# more opus, longer and verbose
R("opus", "debug", "systems", "verbose", None, "Needs theory across kernel, allocator and runtime, no clear lead.",
  "Since we moved our Rust proxy from c5 to c7g (Graviton), throughput per core is better but roughly once a day a single worker thread spins at 100% CPU for minutes while the others are fine, and latency for connections on that worker goes through the roof. perf top on that thread shows mostly `tokio::runtime::scheduler::multi_thread::worker::Context::run` and `std::sync::atomic::AtomicUsize::compare_exchange`. It never happened on x86. Could this be a memory-ordering bug in our own code (we have a few hand-rolled atomics in the connection state machine) or something in tokio, and how do we narrow it down?")
R("opus", "design", "systems", "plain", None, "Architecture with trade-offs: storage tiering for broker.",
  "We want tiered storage for the broker: recent segments on local NVMe, older ones in S3. Consumers reading old data must not hurt producers. Design the segment lifecycle, how fetches for remote segments work (caching, prefetch), what metadata must be consistent with the log, and how deletes/retention work across both tiers.")
R("opus", "question", "systems", "plain", None, "Formal reasoning about a consensus edge case.",
  "In Raft, why can't a new leader commit an entry from a previous term just by counting replicas? Give the exact scenario from the paper (figure 8) in terms of our 5 nodes and explain what goes wrong.")
R("opus", "review", "systems", "plain", None, "TB10: concurrent code review, Go.",
  """Review this for races and ordering issues:

```go
type Leader struct {
	mu       sync.Mutex
	term     uint64
	isLeader atomic.Bool
}

func (l *Leader) Serve(req *Req) (*Resp, error) {
	if !l.isLeader.Load() {
		return nil, ErrNotLeader
	}
	return l.apply(req)
}

func (l *Leader) onTermChange(t uint64, leader bool) {
	l.mu.Lock()
	l.term = t
	l.mu.Unlock()
	l.isLeader.Store(leader)
}
```

apply() appends to the local log and waits for commit.""")
R("opus", "debug", "databases", "plain", None, "Performance cliff: latency after compaction, needs analysis.",
  "Read latency on our LSM doubles for ~30 min after every big L5->L6 compaction, then recovers. Block cache hit rate drops from 97% to 60% during that time. Is it just cache invalidation of the rewritten files, or something else, and how would you avoid it?")
R("opus", "design", "systems", "plain", None, "Cache stampede design with correctness trade-offs.",
  "When a hot key expires in our cache, 2000 requests hit the DB at once. Compare request coalescing (singleflight), probabilistic early refresh, and stale-while-revalidate with a lease. We run 40 cache nodes, each key on one node. Which combination and why?")
R("opus", "implement", "systems", "plain", None, "Concurrent algorithm with subtle correctness: RCU-like config swap in C++.",
  "Implement a read-mostly routing table in C++20: readers on the hot path must never block or take a lock, a single writer publishes new versions about once a minute, old versions freed once no reader uses them. No external libs. Explain why it's safe.")

# medium-paste haiku to add long-trivial traps
BENCH2 = bench_table(1212, 12, ["config", "put p50 us", "put p99 us", "get p50 us", "get p99 us", "MB/s"],
                     ["wal=sync", "wal=sync,batch=8", "wal=sync,batch=64", "wal=async 10ms", "wal=async 100ms", "wal=off", "direct_io", "direct_io,batch=64", "mmap reads", "pread reads", "zstd blocks", "lz4 blocks"])
R("haiku", "question", "databases", "terse", "long-trivial", "Reading a value off a table.",
  "which config has lowest get p99\n\n" + BENCH2)
R("sonnet", "docs", "databases", "plain", None, "Summarising benchmark results into a short report: several careful steps.",
  "Turn these benchmark results into a short write-up for the team: what batching does to put latency, the cost of sync WAL, and a recommendation for default settings. Half a page.\n\n" + BENCH2)
R("opus", "question", "databases", "plain", None, "Performance analysis: explain anomalies in results with durability trade-offs.",
  "In these results, why would wal=async 100ms have a worse put p99 than async 10ms? And is direct_io,batch=64 actually safe to make default for a DB that promises acked writes survive power loss? Reason it through.\n\n" + BENCH2)

RLOG = raft_log(1313, 60, node="kv-1")
R("haiku", "question", "databases", "plain", "long-trivial", "TB5: a one-line grep command; the paste only shows the format.",
  "Give me a grep command that pulls only the `wal fsync` lines with dur_ms over 5 from a log like this:\n\n```\n" + RLOG + "\n```")
R("haiku", "question", "databases", "terse", "long-trivial", "TB5: count peers in a log.",
  "which peers show up in heartbeat lines here\n\n```\n" + RLOG + "\n```")
R("sonnet", "implement", "databases", "plain", None, "Parser script with clear spec over a log format.",
  "Write a Python script that parses logs in this format and prints per-peer heartbeat rtt p50/p99 and fsync dur p50/p99 per minute as CSV.\n\n```\n" + RLOG + "\n```")
R("haiku", "question", "systems", "other-language", "long-trivial", "TB5/TB9: count in pasted log, Chinese.",
  "这段日志里一共有几次 snapshot compaction tick？\n\n```\n" + RLOG + "\n```", "zh")
R("sonnet", "debug", "systems", "other-language", None, "TB9: clear compile error, Chinese.",
  """Java 编译报错，怎么改？

```
LedgerConsumer.java:88: error: local variables referenced from a lambda expression must be final or effectively final
            executor.submit(() -> process(batch, offset));
                                                 ^
```

offset 在循环里会 += batch.size()。""", "zh")
R("opus", "review", "systems", "other-language", None, "TB9/TB10: concurrent code review, Chinese.",
  "请帮我审查一下上面那个 Go 的 Leader 代码：isLeader 用 atomic，term 用锁，这样在切换 leader 的时候会不会有旧 leader 还在处理写请求的问题？需要详细分析各种交错。", "zh")
R("sonnet", "implement", "databases", "other-language", None, "TB9: clear spec, Russian.",
  "Сделай на Java простой write-ahead log: append(byte[]) возвращает seq, sync() делает fsync через FileChannel.force(false), ротация файла при 64 МБ, чтение всех записей при старте с проверкой CRC32C. Формат записи: [len int][crc int][data].", "ru")
R("opus", "design", "databases", "other-language", "easy-words-hard", "TB6/TB9: plain words, open design, Russian.",
  "Как сделать, чтобы после перезапуска кэша он не отдавал старые данные, которые успели поменяться в базе, пока он лежал?", "ru")
R("haiku", "question", "systems", "other-language", "hard-words-easy", "TB9: scary words, short definition, Russian.",
  "Что такое split-brain? Одно предложение.", "ru")
# ---- batch 7: final mix ----
PERF2 = perf_report(1414, 24, hot=[("libc.so.6", "__memmove_avx_unaligned_erms"), ("kvd", "bytes::bytes_mut::BytesMut::reserve_inner"), ("libc.so.6", "malloc")])
R("sonnet", "debug", "systems", "plain", None, "Profile points at a clear cause (buffer reallocation/copies); known fix.",
  "After we switched to reading frames into a BytesMut, CPU went up 30%. Profile below. The read loop does `buf.reserve(4096)` then `read_buf` and splits off frames. What's the fix?\n\n```\n" + PERF2 + "\n```")
R("haiku", "question", "systems", "terse", "long-trivial", "Read top symbol off a profile.",
  "top symbol in this profile?\n\n```\n" + PERF2 + "\n```")
R("sonnet", "debug", "systems", "plain", None, "TB2: panic backtrace points at unwrap on None.",
  """```
thread 'tokio-runtime-worker' panicked at crates/kvd/src/router.rs:77:38:
called `Option::unwrap()` on a `None` value
stack backtrace:
   0: rust_begin_unwind
   1: core::panicking::panic_fmt
   2: core::panicking::panic
   3: core::option::unwrap_failed
   4: kvd::router::Router::route
             at ./crates/kvd/src/router.rs:77:38
   5: kvd::server::handle_request::{{closure}}
             at ./crates/kvd/src/server.rs:141:22
   6: tokio::runtime::task::core::Core<T,S>::poll
```

line 77: `let shard = self.ranges.range(..=key).next_back().unwrap().1;` - happens for keys smaller than the first range start. what should it do instead?""")
R("sonnet", "implement", "systems", "plain", None, "Clear spec: range router.",
  "Write the range router properly: `BTreeMap<Vec<u8>, ShardId>` keyed by range start, first range must start at empty key (validate on construction), `route(key)`, `split(at, new_shard)`, `merge(left_start)`. Tests for boundaries.")
R("sonnet", "implement", "infrastructure", "plain", None, "Clear spec: k8s manifests.",
  "Write a Kubernetes StatefulSet for our 3-node kvd cluster: headless service, podAntiAffinity across zones, 200Gi gp3 PVC per pod, readiness probe on /ready, PodDisruptionBudget maxUnavailable 1, and peer list from the pod DNS names via env.")
R("sonnet", "test", "systems", "plain", None, "Tests for existing code.",
  "Write Go tests for parseHostPort from earlier, including IPv6 addresses like `[::1]:9092` which I think it breaks on. Then fix it with net.SplitHostPort.")
R("sonnet", "explain", "systems", "non-native", None, "Explain a module region of dozens of lines.",
  "can you explain me how the merge iterator with binary heap work in LSM read? i have the code from our repo in front of me but i dont get why the heap compares by key and then by sequence number reversed")
R("sonnet", "refactor", "databases", "plain", None, "Refactor for testability with clear steps.",
  "Our Go compaction code calls os.* directly everywhere. Introduce an `FS` interface (Create, Open, Rename, Remove, SyncDir, ReadDir) with an OS implementation and thread it through compaction and manifest so tests can inject faults. Show the interface and the changes to two representative functions.")
R("sonnet", "ops", "infrastructure", "plain", None, "Known-steps ops.",
  "Write alerting rules (Prometheus) for our broker: under-replicated partitions > 0 for 5m, offline partitions > 0 immediately, consumer lag growing for 15m on ledger-* groups, disk usage > 80% on /data.")
R("sonnet", "debug", "infrastructure", "plain", None, "Logs point at the cause (TLS SAN mismatch).",
  """clients can't connect after we rotated certs:

```
2026-11-24T08:02:11.551Z ERROR client: dial kafka-2.prod.internal:9093: tls: failed to verify certificate: x509: certificate is valid for kafka-2.prod.svc.cluster.local, broker-2, not kafka-2.prod.internal
```

what do we regenerate and with what SANs?""")
R("sonnet", "implement", "systems", "typos", None, "Clear spec despite typos.",
  "need a go func to compute crc32c of a file in chunks of 1mb and compare with the value in the .crc sidecar file, return mismatch error with the file name. use hash/crc32 castagnoli tabel")
R("sonnet", "docs", "systems", "plain", None, "Doc writing with several parts.",
  "Write an ADR documenting that we chose Raft per range over a single global Raft group: context, decision, consequences (more heartbeats, need for range merge/split, leader balancing). Our standard ADR template: Title, Status, Context, Decision, Consequences.")
R("sonnet", "debug", "systems", "follow-up", None, "TB8: pointer-only follow-up.",
  "same error after your change. here's the new output:\n\n```\nerror[E0597]: `frame` does not live long enough\n  --> src/session.rs:93:27\n   |\n90 |         let frame = encode_close(id);\n   |             ----- binding `frame` declared here\n93 |         conn.write_all(&frame).await?;\n   |                        ^^^^^^ borrowed value does not live long enough\n97 |     });\n   |     - `frame` dropped here while still borrowed\n```")

R("opus", "design", "systems", "plain", None, "Open design: quota/rate limiting across a distributed fleet.",
  "We need per-tenant produce quotas enforced across 30 brokers: a tenant may produce to any broker, limit is global 100 MB/s, 5% overshoot is OK, a broker must not call a central service per request. Design it.")
R("opus", "debug", "databases", "plain", None, "Stale reads after leader transfer; theory across lease, clock, apply index.",
  "After a manual leader transfer, for about 100 ms the new leader serves reads that don't include writes the old leader acked right before the transfer. We use leader leases. What's the bug in our reasoning and how should the new leader know it's safe to serve reads?")
R("opus", "question", "systems", "plain", None, "TB7: unsafe Rust semantics.",
  "Our arena hands out `&'a mut [u8]` from an `UnsafeCell<Vec<u8>>` via `&self`, and it never reallocates after construction. Is that sound? What happens if two threads call alloc concurrently, and what would make it Sync-safe?")
R("opus", "design", "databases", "plain", None, "Design of change-data-capture with ordering and exactly-once.",
  "We want CDC from our KV store to Kafka so other teams can build read models. Requirements: per-key ordering, no gaps after a node crash, resumable consumers, and a way to bootstrap a new consumer from a snapshot plus the change stream without missing or double-applying changes. Design it.")
R("opus", "debug", "systems", "plain", "easy-words-hard", "TB6: plain words, leak under load with no lead.",
  "memory goes up only on the weekends when traffic is lowest, and goes back down on monday. what could do that?")
R("opus", "plan", "databases", "plain", None, "Large multi-step plan across a codebase.",
  "We need to add multi-tenancy to our storage engine: per-tenant key prefixes, quotas, and the ability to move one tenant to another cluster live. Plan the phases across the engine, the API, replication and the ops tooling.")
R("opus", "review", "databases", "verbose", None, "TB10: review of a distributed protocol design doc.",
  "Here's the core of our proposed read-repair protocol, please poke holes in it: on a quorum read (R=2 of N=3), if the two replicas disagree, the coordinator returns the value with the higher HLC timestamp and asynchronously writes it to the stale replica. Deletes are tombstones with an HLC timestamp, GC'd after 10 days. Nodes can be down for up to 14 days before being replaced. Writes use W=2.")
R("opus", "debug", "systems", "terse", "short-hard", "TB3: a few words, deep debugging.",
  "fsync returns ok but data gone after power cut. nvme, ext4. how")
R("opus", "design", "systems", "non-native", None, "TB9: open design with trade-offs.",
  "we have many small messages (100 byte) and broker throughput is bad because each one is separate write. how we design batching on producer and broker side, but not make latency bad for low traffic topics? and what about ordering when batch retry")
R("opus", "explain", "systems", "plain", None, "TB7: memory ordering semantics.",
  "Why does Dekker's/Peterson's algorithm fail on x86 with plain stores and loads, when x86 is 'strongly ordered'? Which reordering is it, and what's the minimal fence?")

R("haiku", "question", "systems", "terse", None, "Flag lookup.", "go: env var to print gc traces")
R("haiku", "question", "databases", "plain", None, "Short fact.", "What's the default isolation level in MySQL InnoDB?")
R("haiku", "question", "systems", "terse", None, "Syntax.", "rust: impl Trait in arg position vs generic, same thing?")
R("haiku", "explain", "systems", "plain", None, "Common error explained.", "What does `java.lang.OutOfMemoryError: Direct buffer memory` mean?")
R("haiku", "question", "tooling", "terse", None, "Command lookup.", "git: show which commit changed one line")
R("haiku", "docs", "systems", "plain", None, "Small text task.", "Write a two-line summary of what a write-ahead log is, for a slide.")
R("haiku", "question", "systems", "other-language", None, "TB9: short fact, Chinese.", "C++ 里 std::move 之后原对象还能用吗？", "zh")
R("haiku", "question", "databases", "other-language", None, "TB9: short fact, Russian.", "Что возвращает Redis на GET несуществующего ключа?", "ru")
R("sonnet", "implement", "systems", "other-language", None, "TB9: clear spec, Chinese.",
  "用 Rust 写一个简单的 TCP echo 服务器，基于 tokio，每个连接一个任务，支持优雅退出（Ctrl+C 后不再接受新连接，等待现有连接结束）。", "zh")
R("opus", "debug", "databases", "other-language", "short-hard", "TB3/TB9: short, hard, Chinese.",
  "主从切换后自增 ID 重复了，为什么？", "zh")
R("sonnet", "test", "systems", "other-language", None, "TB9: tests, Russian.",
  "Добавь тесты на Go для балансировщика с consistent hashing, который ты написал выше: равномерность распределения и то, что при удалении ноды перемещается примерно 1/N ключей.", "ru")
R("opus", "review", "systems", "other-language", None, "TB9/TB10: review of lock-free code, Russian.",
  "Посмотри, пожалуйста, наш SPSC-буфер выше ещё раз: мы хотим сделать его MPSC, просто заменив store в push на compare_exchange. Это будет корректно? Разбери возможные гонки.", "ru")
# ---- batch 8: medium pastes (20-200 lines) ----
P0 = kafka_props(1500)
R("haiku", "question", "infrastructure", "terse", "long-trivial", "TB5: find one setting.",
  "is unclean leader election on in this?\n\n```properties\n" + P0 + "\n```")
R("sonnet", "review", "infrastructure", "plain", None, "Config review against clear targets.",
  "We're moving this broker to machines with 64 cores and 4 NVMe disks. Review the config and suggest changes for threads, log.dirs and socket buffers, with a line of reasoning each.\n\n```properties\n" + P0 + "\n```")
R("haiku", "edit", "infrastructure", "plain", "long-trivial", "TB5: sort keys alphabetically.",
  "Sort these properties alphabetically, keep values as they are.\n\n```properties\n" + P0 + "\n```")

S0 = rust_struct(1600, 12)
R("haiku", "edit", "databases", "terse", "long-trivial", "TB5: mechanical derive change.",
  "add PartialEq to the derive\n\n```rust\n" + S0 + "\n```")
R("sonnet", "implement", "databases", "plain", None, "Implement validation with a clear spec over a given struct.",
  "Write a `validate(&self) -> Result<(), ConfigError>` for this struct: all `max_*` must be >= the matching `min_*` if both exist, Duration fields non-zero, f64 fields in (0, 1] if the name contains `rate`. Return all errors, not just the first.\n\n```rust\n" + S0 + "\n```")

TD0 = thread_dump(1700, 6)
R("haiku", "question", "systems", "plain", "long-trivial", "TB5: count threads in a short dump.",
  "How many threads are in this dump and how many are RUNNABLE?\n\n```\n" + TD0 + "\n```")

L0 = raft_log(1800, 40, node="kv-5", inject={25: "WARN  raft node=kv-5 term=77 msg=\"rejecting append\" reason=\"log mismatch\" prev_index=1604411 prev_term=76 local_term=75",
                                              26: "WARN  raft node=kv-5 term=77 msg=\"rejecting append\" reason=\"log mismatch\" prev_index=1604410 prev_term=76 local_term=75",
                                              27: "WARN  raft node=kv-5 term=77 msg=\"rejecting append\" reason=\"log mismatch\" prev_index=1604409 prev_term=76 local_term=75"})
R("sonnet", "explain", "databases", "plain", None, "Explain a known raft mechanism shown in logs.",
  "What are these 'rejecting append ... log mismatch' lines on kv-5 and is it normal? The leader seems to decrement prev_index by one each time.\n\n```\n" + L0 + "\n```")
R("opus", "debug", "databases", "plain", None, "Follower stuck backing off one entry at a time for hours plus conflicting terms: needs reasoning about log divergence and safety.",
  "kv-5 has been rejecting appends like this for two hours, decreasing one index at a time, and it has entries from term 75 that no other node has. Is our data safe? How did it get entries nobody else has, and how should the leader find the conflict point faster?\n\n```\n" + L0 + "\n```")

J0 = java_trace(1900, 14, "org.apache.kafka.common.errors.RebalanceInProgressException",
                "Offset commit cannot be completed since the consumer is undergoing a rebalance for auto partition assignment. You can try completing the rebalance by calling poll() and then retry the operation.",
                ["org.apache.kafka.clients.consumer.internals.ConsumerCoordinator$OffsetCommitResponseHandler.handle(ConsumerCoordinator.java:1290)",
                 "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator.commitOffsetsSync(ConsumerCoordinator.java:1076)",
                 "org.apache.kafka.clients.consumer.KafkaConsumer.commitSync(KafkaConsumer.java:1515)",
                 "com.shipfast.ledger.ingest.LedgerConsumer.commit(LedgerConsumer.java:188)"])
R("haiku", "explain", "infrastructure", "plain", None, "Common error message explained.",
  "What does this exception mean in plain words?\n\n```\n" + J0 + "\n```")
R("sonnet", "debug", "infrastructure", "plain", None, "TB2: trace with identifiable cause (processing exceeds max.poll.interval).",
  "We get this every few minutes. Each poll returns up to 500 records and we write each to Postgres one by one (~15 ms each). max.poll.interval.ms is default. What's happening and what do we change?\n\n```\n" + J0 + "\n```")

R0 = go_race(2000)
R("haiku", "question", "systems", "terse", "long-trivial", "Read file:line off a race report.",
  "which file and line is the write in\n\n```\n" + R0 + "\n```")
R("sonnet", "test", "systems", "plain", None, "Write a regression test reproducing a known race.",
  "Write a Go test that reliably triggers this race under -race (concurrent follower fetch responses and consumer reads on the same Log), so we have a regression test for the fix.\n\n```\n" + R0 + "\n```")

C0 = latency_csv(2100, 45)
R("haiku", "question", "systems", "plain", "long-trivial", "TB5: read one column.",
  "What's the max qps in this sample?\n\n```csv\n" + C0 + "\n```")
R("sonnet", "implement", "data", "plain", None, "Small analysis script with clear spec.",
  "Write a pandas script that reads this CSV format and plots p99 and p999 per node over time (one subplot per node), and prints per-node mean and max p999.\n\n```csv\n" + C0 + "\n```")

PF = perf_report(2200, 25, hot=[("kvd", "rocksdb::crc32c::ExtendImpl"), ("kvd", "snap::raw::Decoder::decompress"), ("kvd", "rocksdb::DataBlockIter::SeekImpl")])
R("opus", "question", "databases", "verbose", None, "Performance analysis from a profile with design trade-offs (checksums, compression, block size).",
  "This is a profile of our read-heavy KV at 60% CPU. Checksum verification and decompression dominate. Before anyone flips `verify_checksums=false`, I'd like a proper analysis: what options do we have (bigger block cache holding uncompressed blocks, different compression, hardware crc, smaller blocks, caching checksum results), what each costs in memory and safety, and which you'd try first.\n\n```\n" + PF + "\n```")
R("haiku", "question", "databases", "terse", "long-trivial", "Read one number off a profile.",
  "how much is crc32c here\n\n```\n" + PF + "\n```")

BT = bench_table(2300, 22, ["key size", "val size", "put kops/s", "get kops/s", "scan MB/s"],
                 ["8/32", "8/128", "8/1K", "8/4K", "16/32", "16/128", "16/1K", "16/4K", "32/32", "32/128", "32/1K", "32/4K", "64/32", "64/128", "64/1K", "64/4K", "128/32", "128/128", "128/1K", "128/4K", "256/1K", "256/4K"])
R("haiku", "edit", "databases", "plain", "long-trivial", "TB5: format conversion of a table.",
  "Convert this markdown table to CSV.\n\n" + BT)
R("sonnet", "docs", "databases", "plain", None, "Summarise benchmark data in a short write-up.",
  "Summarise this benchmark for our docs page: how throughput depends on key and value size, in a few bullets, and point out any row that looks like a measurement error.\n\n" + BT)

CPP_POOL = """```cpp
class ThreadPool {
 public:
  explicit ThreadPool(size_t n) {
    for (size_t i = 0; i < n; ++i)
      workers_.emplace_back([this] { Run(); });
  }
  ~ThreadPool() {
    stop_ = true;
    cv_.notify_all();
    for (auto& t : workers_) t.join();
  }
  void Submit(std::function<void()> f) {
    {
      std::lock_guard<std::mutex> g(mu_);
      q_.push(std::move(f));
    }
    cv_.notify_one();
  }
 private:
  void Run() {
    while (true) {
      std::unique_lock<std::mutex> l(mu_);
      cv_.wait(l, [this] { return stop_ || !q_.empty(); });
      if (stop_) return;
      auto f = std::move(q_.front());
      q_.pop();
      l.unlock();
      f();
    }
  }
  std::vector<std::thread> workers_;
  std::queue<std::function<void()>> q_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
};
```"""
R("sonnet", "review", "systems", "plain", None, "Review of a textbook thread pool: the bugs (unsynchronised stop_, dropped tasks on shutdown) are well known.",
  "Review this thread pool. Tasks submitted right before destruction sometimes never run, and tsan complains about stop_.\n\n" + CPP_POOL)
R("haiku", "edit", "systems", "terse", "long-trivial", "Mechanical: add a comment.",
  "add a one-line comment above Run() saying what it does\n\n" + CPP_POOL)
R("opus", "design", "systems", "plain", None, "Work-stealing scheduler design with concurrency trade-offs.",
  "This pool is our bottleneck at 64 cores: one queue, one mutex. Design a work-stealing replacement (per-worker deques, stealing policy, how idle workers sleep and get woken without lost wakeups) and explain the tricky parts. Current code for reference:\n\n" + CPP_POOL)

GO_LEASE = """```go
func (n *Node) ReadIndex(ctx context.Context) (uint64, error) {
	n.mu.Lock()
	if n.role != Leader {
		n.mu.Unlock()
		return 0, ErrNotLeader
	}
	if time.Now().Before(n.leaseExpiry) {
		idx := n.commitIndex
		n.mu.Unlock()
		return idx, nil
	}
	idx := n.commitIndex
	term := n.term
	n.mu.Unlock()
	acks := 1
	for _, p := range n.peers {
		ok, err := p.Heartbeat(ctx, term)
		if err == nil && ok {
			acks++
		}
	}
	if acks*2 <= len(n.peers)+1 {
		return 0, ErrNoQuorum
	}
	n.mu.Lock()
	n.leaseExpiry = time.Now().Add(n.electionTimeout)
	n.mu.Unlock()
	return idx, nil
}
```"""
R("opus", "review", "systems", "plain", None, "TB10: lease-based read path review; clock and ordering correctness.",
  "Review ReadIndex for linearizability. Peers use the same electionTimeout. I suspect the lease extension is wrong but can't say why.\n\n" + GO_LEASE)
R("haiku", "explain", "systems", "plain", "long-trivial", "One-sentence answer about pasted code.",
  "What does ReadIndex return when the node isn't leader?\n\n" + GO_LEASE)
R("sonnet", "refactor", "systems", "plain", None, "Refactor: parallelise heartbeats with clear spec.",
  "Refactor the heartbeat loop in this so peers are contacted in parallel with errgroup and we return as soon as a majority acked, cancelling the rest. Keep everything else the same.\n\n" + GO_LEASE)

MANIFEST_LOG = "\n".join("2026-11-25T06:%02d:%02d.%03dZ INFO manifest edit=%d add=[%s] del=[%s] log_number=%d next_file=%d last_seq=%d" % (
    i // 3, (i * 19) % 60, (i * 131) % 1000, 5000 + i,
    ",".join("%06d.sst" % (9000 + i * 3 + j) for j in range(1 + i % 3)),
    ",".join("%06d.sst" % (8000 + i * 2 + j) for j in range(i % 4)),
    300 + i // 4, 9000 + i * 3 + 3, 77_000_000 + i * 4111) for i in range(40))
MANIFEST_LOG += "\n2026-11-25T06:14:02.009Z ERROR open: manifest references missing file 009112.sst (edit=5037)"
R("sonnet", "debug", "databases", "plain", None, "Log identifies the missing file and edit; tracing the cause is a focused task.",
  "DB won't open after an OOM kill. Manifest dump below. Which edit added the missing file and what probably happened to it? We write the SST, then append the manifest edit, then fsync the manifest.\n\n```\n" + MANIFEST_LOG + "\n```")
R("haiku", "question", "databases", "terse", "long-trivial", "Read one value from a log.",
  "what's the last log_number in here\n\n```\n" + MANIFEST_LOG + "\n```")

R("sonnet", "debug", "systems", "typos", None, "Compiler error with a clear cause.",
  """cant get this to compile, go generics

```
./cache.go:14:17: cannot use k (variable of type K constrained by any) as comparable value in map index
./cache.go:9:19: invalid map key type K (missing comparable constraint)
```

```go
type Cache[K any, V any] struct {
	mu sync.Mutex
	m  map[K]V
}
```""")
R("sonnet", "explain", "systems", "verbose", None, "Explain a moderately long piece of concurrent-looking but standard Java code.",
  """Can someone explain this class from our codebase? I get that it batches, but I'm not sure when flush actually happens and what the semaphore is for.

```java
public final class Batcher<T> implements AutoCloseable {
    private final BlockingQueue<T> q = new LinkedBlockingQueue<>();
    private final Semaphore inflight = new Semaphore(4);
    private final ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor();
    private final Consumer<List<T>> sink;
    private final int max;

    public Batcher(Consumer<List<T>> sink, int max, Duration linger) {
        this.sink = sink;
        this.max = max;
        ses.scheduleAtFixedRate(this::drain, linger.toMillis(), linger.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void submit(T t) {
        q.add(t);
        if (q.size() >= max) ses.execute(this::drain);
    }

    private void drain() {
        List<T> batch = new ArrayList<>(max);
        q.drainTo(batch, max);
        if (batch.isEmpty()) return;
        inflight.acquireUninterruptibly();
        CompletableFuture.runAsync(() -> sink.accept(batch))
            .whenComplete((v, e) -> inflight.release());
    }

    @Override public void close() {
        ses.shutdown();
        drain();
    }
}
```""")
R("opus", "debug", "databases", "plain", None, "Intermittent correctness issue across replicas without a clear lead, with partial data.",
  """Our anti-entropy job reports the same 3 key ranges as different between replica A and B every night, repairs them, and the next night they're different again. Writes to those ranges are rare. Counts from last 5 nights:

```
night       range                          diff_keys  repaired  after_repair_diff
2026-11-20  [user:4a00, user:4aff]         12         12        0
2026-11-20  [user:9c10, user:9c1f]         3          3         0
2026-11-20  [order:71, order:72]           41         41        0
2026-11-21  [user:4a00, user:4aff]         12         12        0
2026-11-21  [user:9c10, user:9c1f]         3          3         0
2026-11-21  [order:71, order:72]           44         44        0
2026-11-22  [user:4a00, user:4aff]         12         12        0
2026-11-22  [user:9c10, user:9c1f]         3          3         0
2026-11-22  [order:71, order:72]           44         44        0
2026-11-23  [user:4a00, user:4aff]         12         12        0
2026-11-23  [user:9c10, user:9c1f]         3          3         0
2026-11-23  [order:71, order:72]           46         46        0
2026-11-24  [user:4a00, user:4aff]         12         12        0
2026-11-24  [user:9c10, user:9c1f]         3          3         0
2026-11-24  [order:71, order:72]           46         46        0
```

Same keys every time for the user ranges. What would make a repair not stick?""")
R("sonnet", "implement", "systems", "non-native", None, "Clear spec with pasted interface.",
  """please implement this interface in go with redis (go-redis v9), lock must have token so only owner can unlock (use lua for unlock). Refresh extend ttl only if still owner.

```go
type Locker interface {
	Acquire(ctx context.Context, key string, ttl time.Duration) (token string, err error)
	Release(ctx context.Context, key, token string) error
	Refresh(ctx context.Context, key, token string, ttl time.Duration) error
}
```""")
R("opus", "review", "systems", "follow-up", None, "TB8/TB10: follow-up asking whether the lock is safe in a distributed setting.",
  "is that redis lock actually safe for making sure only one worker processes a job, with failover to a replica and GC pauses? if not what do we need")

BIG_TD = thread_dump(2400, 120, deadlock=False)
R("sonnet", "implement", "systems", "plain", None, "Tooling script over a long paste: parse and summarise thread dump (clear spec).",
  "Write a Python script that summarises Java thread dumps like this one: count threads per pool name prefix (strip the trailing -N), per state, and list the top 5 frames threads are BLOCKED in. Output a text table.\n\n```\n" + BIG_TD + "\n```")
R("haiku", "question", "systems", "other-language", "long-trivial", "TB5/TB9: count in a long dump, Russian.",
  "Сколько потоков netty-io в этом дампе? Просто число.\n\n```\n" + BIG_TD + "\n```", "ru")
# ---- batch 9: top-up ----
R("opus", "debug", "systems", "typos", "easy-words-hard", "TB6/TB9: typos, intermittent data loss, no lead.",
  "some times after we restart the consumer it skips a few messages, offsets look comitted corectly. auto commit is off, we commit after procesing. where is the gap??")
R("opus", "design", "databases", "non-native", None, "TB9: open design with consistency trade-offs.",
  "we need global unique increasing id for orders across 3 region, must be sortable by time more or less, no single point of failure. snowflake? hlc? database sequence per region? which one and what problem with clock go back?")
R("opus", "question", "systems", "verbose", None, "Formal reasoning about a concurrency primitive.",
  "I keep reading that a condition variable wait must be in a while loop because of spurious wakeups, but a colleague says in our code it can't matter because only one thread ever waits. I think there's also a lost-wakeup issue if notify happens between checking the predicate and calling wait when the mutex isn't held by the notifier. Can you settle this properly with the exact interleavings for both cases?")
R("opus", "debug", "infrastructure", "plain", None, "Cross-component theory: producer timeouts during broker rolling restart.",
  "During rolling restarts of the brokers, producers with acks=all and idempotence on get `OutOfOrderSequenceException` and we've seen one gap in a partition afterwards. min.insync.replicas=2, RF=3, we restart one broker at a time and wait for ISR to recover. How is a gap possible and what exactly should the producer do when it gets that exception?")
R("opus", "design", "systems", "terse", "short-hard", "TB3: short, open protocol design.",
  "gossip membership for 2000 nodes, failure detection under 5s, how")
R("opus", "plan", "systems", "non-native", "easy-words-hard", "TB6/TB9: plain words, cross-codebase plan.",
  "we want to replace our own rpc framework with grpc in all 25 services slowly. how to plan this so nothing break?")
R("sonnet", "implement", "systems", "verbose", None, "Clear spec, everyday implementation.",
  "Could you write a small Go package for reading our segment index files? Each .idx file is a sequence of 12-byte entries: relative offset (uint32 BE) and file position (uint64 BE), sorted by offset. I need `Open(path) (*Index, error)` that mmaps the file read-only, `Lookup(off uint32) (pos uint64, ok bool)` that returns the position of the greatest entry <= off using binary search, and `Close()`. Please handle the file being empty and a size that isn't a multiple of 12 (return an error).")
R("haiku", "question", "systems", "typos", None, "Short fact.", "does mmap'd file get flushed to disk automaticly or do i need msync")

if __name__ == "__main__":
    with open("w25.jsonl", "w", encoding="utf-8") as f:
        for i, row in enumerate(ROWS, 1):
            f.write(json.dumps({"id": f"w25-{i:04d}", **row}, ensure_ascii=False) + "\n")
