#!/usr/bin/env bash
# SHIM's task queue and BullMQ side by side, in one run on this machine.
#
# Runs the BullMQ baseline (../shared/bench/bullmq/run.sh: Redis without persistence, then with AOF everysec)
# and then `cargo bench -p shim-tests --bench task_queue` (JetStream file storage) twice, with JetStream's
# sync_interval at 1s (the class of AOF everysec, compared) and at always (reported), with the same N, RUNS,
# LAT_RATE and LAT_SECS, and prints SHIM's figures over BullMQ's (AOF everysec).
# Needs Node.js and npm; the BullMQ script installs redis-server and its npm packages when missing.
#
#   tests/benches/queue_vs_bullmq.sh            # N=20000 RUNS=3 LAT_RATE=500 LAT_SECS=10
#   N=5000 RUNS=1 tests/benches/queue_vs_bullmq.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BULLMQ_SRC=${BULLMQ_SRC:-$ROOT/../shared/bench/bullmq}
export BULLMQ_BENCH_DIR=${BULLMQ_BENCH_DIR:-${TMPDIR:-/tmp}/shim-bench-bullmq}
export N=${N:-20000} RUNS=${RUNS:-3} LAT_RATE=${LAT_RATE:-500} LAT_SECS=${LAT_SECS:-10}
# Warm-up before each measurement on both sides: SHIM's WARMUP tasks, BullMQ's CHILD_WARMUP jobs.
export WARMUP=${WARMUP:-3000}
export CHILD_WARMUP=${CHILD_WARMUP:-$WARMUP}
# Only what is compared: end to end and dispatch latency.
export SKIP=${SKIP:-enqueue,retry,stalled,redisbench}
RESULTS=$BULLMQ_BENCH_DIR/results

[ -x "$BULLMQ_SRC/run.sh" ] || { echo "no BullMQ baseline at $BULLMQ_SRC (set BULLMQ_SRC)" >&2; exit 1; }
echo "== BullMQ"
bash "$BULLMQ_SRC/run.sh"
# The compared class: JetStream flushing once a second, as Redis' AOF everysec. Then nats.conf's own class,
# `always` (every acknowledged write on disk first), reported beside it.
echo "== SHIM, sync_interval 1s"
(cd "$ROOT" && SYNC=1s SHIM_BENCH_JSON="$RESULTS/shim-1s.json" cargo bench -p shim-tests --bench task_queue)
echo "== SHIM, sync_interval always"
(cd "$ROOT" && SYNC=always SHIM_BENCH_JSON="$RESULTS/shim-always.json" cargo bench -p shim-tests --bench task_queue)

echo "== side by side (medians; BullMQ on Redis with AOF everysec, SHIM on JetStream file storage)"
python3 - "$RESULTS/aof.json" "$RESULTS/shim-1s.json" "$RESULTS/shim-always.json" <<'PY'
import json, sys
bull = json.load(open(sys.argv[1]))["m"]
shim = json.load(open(sys.argv[2]))
always = json.load(open(sys.argv[3]))
med = lambda key, field: bull[key]["summary"][field]["median"] if key in bull else float("nan")
# BullMQ is measured with its worker in its own process and in the producer's; SHIM is compared with the
# better of the two.
rows = [
    ("end to end, 1 worker, tasks/s", "e2e_c1", max(med("e2eC1", "jobsPerSec"), med("e2eC1In", "jobsPerSec")), True),
    ("end to end, 16 workers, tasks/s", "e2e_c16", max(med("e2eC16", "jobsPerSec"), med("e2eC16In", "jobsPerSec")), True),
    ("dispatch to claim p50 at 500/s, ms", "latency_p50_ms", med("latency", "p50"), False),
    ("dispatch to claim p99 at 500/s, ms", "latency_p99_ms", med("latency", "p99"), False),
]
print(f"| {'measure':<36} | {'SHIM 1s':>9} | {'BullMQ':>9} | {'SHIM 1s / BullMQ':>18} | {'SHIM always':>11} | {'always / BullMQ':>15} |")
print(f"|{'-'*38}|{'-'*11}|{'-'*11}|{'-'*20}|{'-'*13}|{'-'*17}|")
for name, key, theirs, higher_better in rows:
    ours, strict = shim.get(key, float("nan")), always.get(key, float("nan"))
    ratio = ours / theirs if theirs else float("nan")
    verdict = "better" if (ratio >= 1) == higher_better else "worse"
    print(f"| {name:<36} | {ours:>9.2f} | {theirs:>9.2f} | {ratio:>9.2f}x {verdict:<7} | {strict:>11.2f} | {strict / theirs if theirs else float('nan'):>14.2f}x |")
for concurrency in (1, 16):
    print(f"SHIM's CPU per task with {concurrency:>2} worker(s), 1s: server {shim.get(f'server_us_c{concurrency}', 0):.0f} µs, "
          f"client {shim.get(f'client_us_c{concurrency}', 0):.0f} µs; always: server {always.get(f'server_us_c{concurrency}', 0):.0f} µs, "
          f"client {always.get(f'client_us_c{concurrency}', 0):.0f} µs")
PY
