"""Does nats-server hand a task to a pull that waits for it, on a consumer with SHIM's two filter subjects?

A probe of the server alone, outside SHIM (docs/performance.md, "Where dispatch-to-claim p99 comes from"): a stream
on `q.normal` and `q.normal.*`, a pull consumer filtering both (variant A, as SHIM's priority consumers do) or
only the second (variant B); sixteen waiting claims, one woken per task published (seen on a plain subscription,
as SHIM's puller sees tasks), each sending a pull `{"batch": 1, "no_wait": true, "expires": 25 ms}` and, if that
comes back empty, one plain pull more. A task the waiting pull missed shows as "taken only by the second pull" and
as a latency above 20 ms.

    nats-server -js -sd /tmp/probe -p 14222 &
    python3 tests/benches/pull_probe.py A 500 20 14222 5 kv   # variant, tasks/s, seconds, port, expires ms, records
"""
import asyncio, json, sys, time
import nats
from nats.js.api import StreamConfig, ConsumerConfig, AckPolicy

RATE = int(sys.argv[2]) if len(sys.argv) > 2 else 500
SECONDS = int(sys.argv[3]) if len(sys.argv) > 3 else 20
VARIANT = sys.argv[1]
EXPIRES_MS = int(sys.argv[5]) if len(sys.argv) > 5 else 25
# "kv": each task also written to a key-value bucket before it is queued and again when claimed, as SHIM's
# task records are, so that the server stores other writes in between.
RECORDS = len(sys.argv) > 6 and sys.argv[6] == "kv"

async def main():
    nc = await nats.connect("nats://127.0.0.1:%s" % sys.argv[4])
    js = nc.jetstream()
    try:
        await js.delete_stream("S")
    except Exception:
        pass
    await js.add_stream(StreamConfig(name="S", subjects=["q.normal", "q.normal.*"]))
    filters = ["q.normal", "q.normal.*"] if VARIANT == "A" else ["q.normal.*"]
    cfg = ConsumerConfig(durable_name="C", ack_policy=AckPolicy.EXPLICIT, ack_wait=30,
                         max_ack_pending=-1, max_waiting=512)
    if len(filters) == 1:
        cfg.filter_subject = filters[0]
    else:
        cfg.filter_subjects = filters
    await js.add_consumer("S", cfg)
    kv = await js.create_key_value(bucket="records") if RECORDS else None
    wake = asyncio.Queue()
    published = {}
    lat = []
    misses = 0
    late_pulls = 0
    async def on_pub(msg):
        wake.put_nowait(1)
    await nc.subscribe("q.normal.*", cb=on_pub)
    done = asyncio.Event()
    async def claim(i):
        nonlocal misses, late_pulls
        inbox = nc.new_inbox()
        sub = await nc.subscribe(inbox + ".*")
        n = 0
        while not done.is_set():
            try:
                await asyncio.wait_for(wake.get(), 1.0)
            except asyncio.TimeoutError:
                continue
            attempt = 0
            while True:
                attempt += 1
                body = {"batch": 1, "no_wait": True}
                if attempt == 1:
                    body["expires"] = EXPIRES_MS * 1_000_000
                n += 1
                await nc.publish("$JS.API.CONSUMER.MSG.NEXT.S.C", json.dumps(body).encode(), reply="%s.%d" % (inbox, n))
                msg = await sub.next_msg(timeout=5)
                if not msg.data:
                    # A status (404 nothing waiting, 408 expired): the first pull missed; a second, plain one
                    # shows whether a task waited all along.
                    if attempt == 1:
                        late_pulls += 1
                        continue
                    break
                t = float(msg.data.decode())
                lat.append(time.perf_counter() - t)
                if attempt >= 2:
                    misses += 1
                if kv is not None:
                    await kv.put(msg.subject.rsplit(".", 1)[-1], b"claimed")
                await nc.publish(msg.reply, b"+ACK")
                break
    workers = [asyncio.create_task(claim(i)) for i in range(16)]
    start = time.perf_counter()
    total = RATE * SECONDS
    for k in range(total):
        target = start + k / RATE
        delay = target - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        sent = time.perf_counter()
        if kv is not None:
            await kv.put("t%d" % k, b"queued")
        await js.publish("q.normal.t%d" % k, str(sent).encode())
    await asyncio.sleep(1.0)
    done.set()
    await asyncio.gather(*workers, return_exceptions=True)
    lat.sort()
    q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] * 1000
    print(f"variant {VARIANT}: delivered {len(lat)}/{total}, first pulls answered empty {late_pulls}, "
          f"taken only by the second pull {misses}, p50 {q(0.5):.2f} p99 {q(0.99):.2f} p99.9 {q(0.999):.2f} max {lat[-1]*1000:.2f} ms, "
          f">20ms: {sum(1 for x in lat if x > 0.020)}")
    await nc.close()

asyncio.run(main())
