#!/usr/bin/env python3
"""Writer w17: on-call SREs and backend developers during and after incidents (Go, Java, Python, Node
services; Postgres, Redis, Kafka, Kubernetes). Prose-only production mysteries, trace-led debugging, and
trivial asks on long logs. Run `python3 w17.py` to write w17.jsonl deterministically."""
import json, random
from datetime import datetime, timedelta

ROWS = []

def R(label, category, domain, voice, trap, rationale, prompt, language="en"):
    ROWS.append({"prompt": prompt, "label": label, "rationale": rationale, "category": category,
                 "domain": domain, "voice": voice, "language": language, "trap": trap})

# ---------------------------------------------------------------------------
# Generators for pasted MATERIAL only (logs, kubectl output, traces, metrics).
# Every generator takes an explicit seed and uses its own random.Random.
# ---------------------------------------------------------------------------

BASE = datetime(2026, 11, 18, 2, 47, 13)

def _hex(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))

def _podsuffix(rng):
    a = "".join(rng.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(10))
    b = "".join(rng.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(5))
    return f"{a[:10]}-{b}"

PATHS = ["/api/v2/orders/{id}", "/api/v2/orders", "/api/v2/cart/{id}/items", "/api/v1/users/{id}/profile",
         "/api/v2/checkout/confirm", "/api/v1/search?q=shoes&page={p}", "/healthz", "/api/v2/payments/{id}/capture",
         "/api/v1/inventory/sku/{sku}", "/static/js/app.{h}.js", "/api/v2/shipping/quote", "/api/v1/auth/refresh"]
UAS = ["okhttp/4.12.0", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/119.0.0.0 Safari/537.36",
       "Go-http-client/2.0", "python-requests/2.31.0", "kube-probe/1.28", "axios/1.6.2"]

def access_log(seed, n, bad_status=502, bad_rate=0.03, upstream_ips=None, svc="prod-orders-api-8080",
               start=None, step_ms=(5, 900), bad_upstream=None):
    """nginx-ingress style access log."""
    rng = random.Random(seed)
    t = start or BASE
    ups = upstream_ips or ["10.42.3.17", "10.42.7.22", "10.42.1.9", "10.42.5.41"]
    lines = []
    for _ in range(n):
        t += timedelta(milliseconds=rng.randint(*step_ms))
        p = rng.choice(PATHS).format(id=rng.randint(10000, 99999), p=rng.randint(1, 9),
                                     sku=f"SKU-{rng.randint(100000, 999999)}", h=_hex(rng, 8))
        meth = "POST" if any(k in p for k in ("checkout", "capture", "refresh", "items")) else "GET"
        up = rng.choice(ups)
        st = 200
        r = rng.random()
        if bad_upstream is not None:
            if up == bad_upstream and r < bad_rate * 4:
                st = bad_status
        elif r < bad_rate:
            st = bad_status
        elif r < bad_rate + 0.02:
            st = rng.choice([404, 401, 499])
        elif meth == "POST" and r < 0.4:
            st = 201
        rt = rng.uniform(0.002, 0.35) if st != 504 else rng.uniform(59.9, 60.01)
        if st == 502:
            rt = rng.uniform(0.0005, 0.004)
        size = rng.randint(120, 18000) if st < 300 else rng.randint(90, 160)
        cip = f"{rng.choice([34, 52, 81, 176, 203])}.{rng.randint(1, 254)}.{rng.randint(1, 254)}.{rng.randint(1, 254)}"
        lines.append(f'{cip} - - [{t.strftime("%d/%b/%Y:%H:%M:%S")} +0000] "{meth} {p} HTTP/1.1" {st} {size} "-" '
                     f'"{rng.choice(UAS)}" {rng.randint(180, 2400)} {rt:.3f} [{svc}] [] {up}:8080 {size} {rt:.3f} {st} {_hex(rng, 32)}')
    return "\n".join(lines)

def kubectl_pods(seed, ns_deploys, crash=None, age_h=(2, 400)):
    """kubectl get pods -o wide style table. crash = {deploy: (status, restarts)}"""
    rng = random.Random(seed)
    crash = crash or {}
    rows = [("NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE")]
    for dep, replicas, ctrs in ns_deploys:
        rs_hash = _podsuffix(rng).split("-")[0]
        for i in range(replicas):
            name = f"{dep}-{rs_hash}-{_podsuffix(rng).split('-')[1]}"
            st, rs = "Running", "0"
            ready = f"{ctrs}/{ctrs}"
            if dep in crash and i == 0:
                st, rc = crash[dep]
                rs = f"{rc} ({rng.randint(2, 50)}m ago)"
                if st != "Running":
                    ready = f"{ctrs - 1}/{ctrs}"
            elif rng.random() < 0.15:
                rs = f"{rng.randint(1, 3)} ({rng.randint(1, 9)}d ago)"
            age = rng.randint(*age_h)
            age_s = f"{age // 24}d" if age >= 48 else f"{age}h"
            node = f"ip-10-20-{rng.randint(1, 60)}-{rng.randint(2, 250)}.eu-west-1.compute.internal"
            rows.append((name, ready, st, rs, age_s, f"10.42.{rng.randint(0, 9)}.{rng.randint(2, 250)}", node))
    w = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("   ".join(c.ljust(w[i]) for i, c in enumerate(r)).rstrip() for r in rows)

def java_trace(seed, exc, msg, pkg="com.acme.orders", depth=40, cause=None):
    rng = random.Random(seed)
    fw = ["org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)",
          "jakarta.servlet.http.HttpServlet.service(HttpServlet.java:658)",
          "org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:205)",
          "org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:149)",
          "org.springframework.web.filter.RequestContextFilter.doFilterInternal(RequestContextFilter.java:100)",
          "org.springframework.web.filter.OncePerRequestFilter.doFilter(OncePerRequestFilter.java:116)",
          "org.springframework.security.web.FilterChainProxy.doFilterInternal(FilterChainProxy.java:233)",
          "io.micrometer.observation.Observation.observe(Observation.java:565)",
          "org.apache.catalina.core.StandardWrapperValve.invoke(StandardWrapperValve.java:167)",
          "org.apache.catalina.core.StandardContextValve.invoke(StandardContextValve.java:90)",
          "org.apache.catalina.connector.CoyoteAdapter.service(CoyoteAdapter.java:341)",
          "org.apache.coyote.http11.Http11Processor.service(Http11Processor.java:391)",
          "org.apache.tomcat.util.net.NioEndpoint$SocketProcessor.doRun(NioEndpoint.java:1744)",
          "org.apache.tomcat.util.threads.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1191)",
          "java.base/java.lang.Thread.run(Thread.java:1583)"]
    own = ["service.OrderService.placeOrder", "service.OrderService.reserveStock", "repo.OrderRepository.save",
           "web.OrderController.create", "service.PricingService.quote", "client.InventoryClient.reserve",
           "service.PaymentFacade.authorize", "mapper.OrderMapper.toEntity"]
    out = [f"{exc}: {msg}"]
    for i in range(min(6, depth)):
        o = rng.choice(own)
        cls = o.rsplit(".", 1)[0].split(".")[-1]
        out.append(f"\tat {pkg}.{o}({cls}.java:{rng.randint(30, 420)})")
    for f in fw[: max(0, depth - 6)]:
        out.append(f"\tat {f}")
    if cause:
        out.append(f"Caused by: {cause[0]}: {cause[1]}")
        for f in cause[2]:
            out.append(f"\tat {f}")
        out.append(f"\t... {rng.randint(20, 60)} common frames omitted")
    return "\n".join(out)

def json_log(seed, n, service, events, start=None, step_ms=(20, 3000)):
    """structured JSON app logs; events: list of (weight, level, msg_fn(rng)->str)."""
    rng = random.Random(seed)
    t = start or BASE
    tot = sum(e[0] for e in events)
    lines = []
    for _ in range(n):
        t += timedelta(milliseconds=rng.randint(*step_ms))
        x = rng.uniform(0, tot)
        for w, lvl, fn in events:
            x -= w
            if x <= 0:
                break
        rec = {"ts": t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z", "level": lvl,
               "service": service, "pod": f"{service}-{_podsuffix(random.Random(seed * 7 + rng.randint(0, 3)))}",
               "trace_id": _hex(rng, 32), "msg": fn(rng)}
        lines.append(json.dumps(rec, separators=(",", ":")))
    return "\n".join(lines)

def pg_log(seed, n, extra=None, start=None):
    rng = random.Random(seed)
    t = start or BASE
    users = ["orders_app", "billing_app", "reporting_ro", "airflow"]
    stmts = ["duration: {d} ms  statement: SELECT o.id, o.status, o.total_cents FROM orders o WHERE o.customer_id = $1 ORDER BY o.created_at DESC LIMIT 50",
             "duration: {d} ms  execute <unnamed>: UPDATE inventory SET reserved = reserved + $1 WHERE sku = $2",
             "duration: {d} ms  statement: INSERT INTO order_events (order_id, kind, payload) VALUES ($1, $2, $3)",
             "automatic vacuum of table \"shop.public.order_events\": index scans: 1",
             "checkpoint starting: time",
             "checkpoint complete: wrote {b} buffers ({p}%); 0 WAL file(s) added, 0 removed, 3 recycled; write={w} s, sync=0.004 s, total={w} s",
             "connection authorized: user={u} database=shop application_name=PostgreSQL JDBC Driver",
             "disconnection: session time: 0:{m}:{s}.{ms} user={u} database=shop host=10.42.{a}.{b2} port={port}"]
    extra = extra or []
    lines = []
    for i in range(n):
        t += timedelta(milliseconds=rng.randint(50, 4000))
        pid = rng.randint(20000, 65000)
        for at, lvl, msg in extra:
            if at == i:
                lines.append(f"{t.strftime('%Y-%m-%d %H:%M:%S.')}{t.microsecond // 1000:03d} UTC [{pid}] {rng.choice(users)}@shop {lvl}:  {msg}")
        s = rng.choice(stmts).format(d=f"{rng.uniform(0.2, 1900):.3f}", b=rng.randint(200, 9000), p=rng.randint(1, 12),
                                     w=f"{rng.uniform(20, 270):.3f}", u=rng.choice(users), m=f"{rng.randint(0, 59):02d}",
                                     s=f"{rng.randint(0, 59):02d}", ms=f"{rng.randint(0, 999):03d}", a=rng.randint(0, 9),
                                     b2=rng.randint(2, 250), port=rng.randint(30000, 60000))
        lines.append(f"{t.strftime('%Y-%m-%d %H:%M:%S.')}{t.microsecond // 1000:03d} UTC [{pid}] {rng.choice(users)}@shop LOG:  {s}")
    return "\n".join(lines)

def k8s_events(seed, n, pods, start_min=90):
    rng = random.Random(seed)
    kinds = [("Normal", "Scheduled", "Successfully assigned {ns}/{pod} to {node}"),
             ("Normal", "Pulled", "Container image \"123456789012.dkr.ecr.eu-west-1.amazonaws.com/{app}:{tag}\" already present on machine"),
             ("Normal", "Created", "Created container {app}"),
             ("Normal", "Started", "Started container {app}"),
             ("Warning", "Unhealthy", "Readiness probe failed: Get \"http://10.42.{a}.{b}:8080/ready\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"),
             ("Warning", "Unhealthy", "Liveness probe failed: HTTP probe failed with statuscode: 503"),
             ("Normal", "Killing", "Container {app} failed liveness probe, will be restarted"),
             ("Warning", "BackOff", "Back-off restarting failed container {app} in pod {pod}"),
             ("Normal", "SuccessfulCreate", "Created pod: {pod}"),
             ("Normal", "ScalingReplicaSet", "Scaled up replica set {app}-{rs} to {r}")]
    rows = [("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE")]
    ago = start_min * 60
    for _ in range(n):
        ago = max(3, ago - rng.randint(5, 400))
        typ, rsn, msg = rng.choice(kinds)
        pod = rng.choice(pods)
        app = pod.rsplit("-", 2)[0]
        m = msg.format(ns="prod", pod=pod, node=f"ip-10-20-{rng.randint(1, 60)}-{rng.randint(2, 250)}.eu-west-1.compute.internal",
                       app=app, tag=f"v{rng.randint(1, 3)}.{rng.randint(0, 40)}.{rng.randint(0, 9)}", a=rng.randint(0, 9),
                       b=rng.randint(2, 250), rs=_hex(rng, 9)[:9], r=rng.randint(3, 12))
        seen = f"{ago // 60}m{ago % 60}s" if ago >= 60 else f"{ago}s"
        obj = f"deployment/{app}" if rsn == "ScalingReplicaSet" else f"pod/{pod}"
        rows.append((seen, typ, rsn, obj, m))
    w = [max(len(r[i]) for r in rows) for i in range(4)]
    return "\n".join("   ".join([c.ljust(w[i]) for i, c in enumerate(r[:4])] + [r[4]]) for r in rows)

def prom_dump(seed, series):
    """series: list of (metric, help, type, labelsets[list of dict], value_fn(rng))"""
    rng = random.Random(seed)
    out = []
    for name, hlp, typ, labelsets, vf in series:
        out.append(f"# HELP {name} {hlp}")
        out.append(f"# TYPE {name} {typ}")
        for ls in labelsets:
            lab = ",".join(f'{k}="{v}"' for k, v in ls.items())
            out.append(f"{name}{{{lab}}} {vf(rng)}")
    return "\n".join(out)

def kafka_lag(seed, group, topic, parts, hot=None, consumers=4):
    rng = random.Random(seed)
    hot = hot or {}
    rows = [("GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "CONSUMER-ID", "HOST", "CLIENT-ID")]
    cids = [f"consumer-{group}-{i + 1}-{_hex(rng, 8)}-{_hex(rng, 4)}-{_hex(rng, 4)}-{_hex(rng, 4)}-{_hex(rng, 12)}" for i in range(consumers)]
    hosts = [f"/10.42.{rng.randint(0, 9)}.{rng.randint(2, 250)}" for _ in range(consumers)]
    for p in range(parts):
        end = rng.randint(18_000_000, 42_000_000)
        lag = hot.get(p, rng.randint(0, 140))
        c = p % consumers
        rows.append((group, topic, str(p), str(end - lag), str(end), str(lag), cids[c], hosts[c], f"consumer-{group}-{c + 1}"))
    w = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join(" ".join(c.ljust(w[i]) for i, c in enumerate(r)).rstrip() for r in rows)

def go_goroutines(seed, n, blocked_fn="(*Pool).Get", blocked_share=0.6):
    rng = random.Random(seed)
    out = []
    gid = 1
    for i in range(n):
        gid += rng.randint(1, 40)
        if rng.random() < blocked_share:
            mins = rng.randint(1, 38)
            out.append(f"goroutine {gid} [select, {mins} minutes]:\n"
                       f"github.com/acme/ledger/internal/db.{blocked_fn}(0xc000{_hex(rng, 6)}, {{0x1a2f3c8, 0xc00{_hex(rng, 7)}}})\n"
                       f"\t/src/internal/db/pool.go:{rng.choice([141, 141, 158])} +0x{_hex(rng, 3)}\n"
                       f"github.com/acme/ledger/internal/store.(*Store).PostEntry(0xc0001{_hex(rng, 5)}, {{0x1a2f3c8, 0xc00{_hex(rng, 7)}}}, 0xc00{_hex(rng, 7)})\n"
                       f"\t/src/internal/store/entries.go:{rng.randint(60, 90)} +0x{_hex(rng, 3)}\n"
                       f"github.com/acme/ledger/internal/api.(*Server).handlePost(0xc000{_hex(rng, 6)}, {{0x1a30e40, 0xc00{_hex(rng, 7)}}}, 0xc00{_hex(rng, 7)})\n"
                       f"\t/src/internal/api/entries.go:{rng.randint(40, 55)} +0x{_hex(rng, 3)}\n"
                       f"net/http.HandlerFunc.ServeHTTP(0xc000{_hex(rng, 6)}?, {{0x1a30e40?, 0xc00{_hex(rng, 7)}?}}, 0x0?)\n"
                       f"\t/usr/local/go/src/net/http/server.go:2166 +0x29\n"
                       f"created by net/http.(*Server).Serve in goroutine 1\n\t/usr/local/go/src/net/http/server.go:3285 +0x4b4\n")
        else:
            kind = rng.choice(["IO wait", "chan receive", "select", "semacquire"])
            where = {"IO wait": "internal/poll.runtime_pollWait(0x7f3a{h}, 0x72)\n\t/usr/local/go/src/runtime/netpoll.go:345 +0x85",
                     "chan receive": "github.com/acme/ledger/internal/outbox.(*Relay).run(0xc000{h})\n\t/src/internal/outbox/relay.go:77 +0x1d0",
                     "select": "github.com/jackc/pgx/v5/pgxpool.(*Pool).backgroundHealthCheck(0xc000{h})\n\t/go/pkg/mod/github.com/jackc/pgx/v5@v5.5.0/pgxpool/pool.go:404 +0xc5",
                     "semacquire": "sync.runtime_SemacquireMutex(0xc000{h}?, 0x0?, 0x1?)\n\t/usr/local/go/src/runtime/sema.go:77 +0x25\nsync.(*Mutex).lockSlow(0xc000{h})\n\t/usr/local/go/src/sync/mutex.go:171 +0x15d"}[kind]
            out.append(f"goroutine {gid} [{kind}]:\n" + where.format(h=_hex(rng, 6)) + "\n")
    return "\n".join(out)

def redis_info(seed, used_mb=3900, maxmem_mb=4096, evicted=0, frag=1.08):
    rng = random.Random(seed)
    return "\n".join([
        "# Server", "redis_version:7.2.3", "redis_mode:standalone", "os:Linux 5.10.205-195.807.amzn2.x86_64 x86_64",
        f"uptime_in_seconds:{rng.randint(100000, 4000000)}", "hz:10", "",
        "# Clients", f"connected_clients:{rng.randint(300, 2200)}", f"blocked_clients:{rng.randint(0, 12)}",
        "maxclients:10000", "",
        "# Memory", f"used_memory:{used_mb * 1048576 + rng.randint(0, 999999)}", f"used_memory_human:{used_mb / 1024:.2f}G",
        f"used_memory_rss:{int(used_mb * frag * 1048576)}", f"used_memory_peak_human:{(used_mb + 80) / 1024:.2f}G",
        f"maxmemory:{maxmem_mb * 1048576}", f"maxmemory_human:{maxmem_mb / 1024:.2f}G", "maxmemory_policy:allkeys-lru",
        f"mem_fragmentation_ratio:{frag:.2f}", "lazyfree_pending_objects:0", "",
        "# Stats", f"total_connections_received:{rng.randint(10**6, 10**8)}", f"total_commands_processed:{rng.randint(10**9, 10**10)}",
        f"instantaneous_ops_per_sec:{rng.randint(20000, 90000)}", f"rejected_connections:0",
        f"expired_keys:{rng.randint(10**6, 10**8)}", f"evicted_keys:{evicted}", f"keyspace_hits:{rng.randint(10**9, 5 * 10**9)}",
        f"keyspace_misses:{rng.randint(10**8, 10**9)}", f"latest_fork_usec:{rng.randint(30000, 190000)}", "",
        "# Replication", "role:master", "connected_slaves:1",
        f"slave0:ip=10.20.{rng.randint(1, 60)}.{rng.randint(2, 250)},port=6379,state=online,offset={rng.randint(10**10, 10**11)},lag=0", "",
        "# Keyspace", f"db0:keys={rng.randint(10**6, 9 * 10**6)},expires={rng.randint(10**5, 10**6)},avg_ttl={rng.randint(10**5, 10**7)}"])

def gc_log(seed, n, start_heap=1200, grow=6, max_heap=4096):
    rng = random.Random(seed)
    t = rng.uniform(1000, 2000)
    heap = start_heap
    out = []
    for i in range(n):
        t += rng.uniform(1.5, 9.0)
        before = heap + rng.randint(800, 1400)
        heap = min(max_heap - 100, heap + rng.randint(0, grow * 2))
        if before >= max_heap:
            before = max_heap
        out.append(f"[{t:.3f}s][info][gc] GC({i + 4120}) Pause Young (Normal) (G1 Evacuation Pause) {before}M->{heap}M({max_heap}M) {rng.uniform(4, 38):.3f}ms")
        if rng.random() < 0.05:
            out.append(f"[{t + 0.2:.3f}s][info][gc] GC({i + 4120}) Pause Remark {heap + 40}M->{heap}M({max_heap}M) {rng.uniform(2, 9):.3f}ms")
    return "\n".join(out)

def py_trace(frames, exc):
    out = ["Traceback (most recent call last):"]
    for f, ln, fn, code in frames:
        out.append(f'  File "{f}", line {ln}, in {fn}')
        out.append(f"    {code}")
    out.append(exc)
    return "\n".join(out)

# ---------------------------------------------------------------------------
# Rows
# ---------------------------------------------------------------------------
# ---- batch 1: ingress 502s, pods, Postgres, prose mysteries ----

ING_502 = access_log(1701, 300, bad_status=502, bad_rate=0.025)
R("haiku", "ops", "infrastructure", "terse", "long-trivial",
  "TB5: counting lines with one status code in a long paste is checkable at a glance.",
  "how many 502s in this ingress log\n\n" + ING_502)

R("opus", "debug", "infrastructure", "verbose", None,
  "TB6: intermittent 502s with no pattern across upstreams; needs a theory spanning ingress keepalive, pod lifecycle and app timeouts.",
  "We are getting intermittent 502s from ingress-nginx in front of orders-api, roughly 2-3% of requests, spread across all four "
  "upstream pods (I checked, no single pod stands out). Upstream response time on the 502s is ~1-4ms, so it's not a timeout, "
  "the connection is failing almost immediately. No pod restarts, no deploys during the window, HPA was flat. The app is Spring Boot 3 "
  "on Tomcat, behind ingress-nginx 1.9 with default upstream keepalive settings. It started after we bumped the base image last week "
  "but nothing in the diff looks network related. Log is below. What is going on and how do I prove it?\n\n" + ING_502)

R("haiku", "ops", "infrastructure", "terse", "long-trivial",
  "TB5: finding the first timestamp of a status code in a pasted log is a single lookup.",
  "first 502 timestamp?\n\n" + "\n".join(ING_502.splitlines()[:30]))

ING_504 = access_log(1702, 180, bad_status=504, bad_rate=0.04, svc="prod-search-api-8080")
R("haiku", "ops", "infrastructure", "typos", "long-trivial",
  "TB5: listing the distinct request paths that returned 504 is mechanical extraction.",
  "which paths got the 504s, just the uniqe paths pls\n\n" + ING_504)

PODS_1 = kubectl_pods(1703, [("orders-api", 6, 2), ("payments-worker", 3, 1), ("cart-svc", 4, 2),
                            ("search-api", 3, 1), ("notification-consumer", 2, 1), ("pgbouncer", 2, 1)],
                      crash={"payments-worker": ("CrashLoopBackOff", 37)})
R("haiku", "ops", "infrastructure", "terse", None,
  "Reading one row out of a kubectl table: which pod is restarting.",
  "which pod is crashlooping\n\n" + PODS_1)

R("haiku", "ops", "infrastructure", "plain", None,
  "Single kubectl one-liner for previous container logs; well known.",
  "What's the kubectl command to get the logs of the previous container instance of a pod that keeps restarting? Namespace is prod.")

R("sonnet", "debug", "infrastructure", "plain", None,
  "Trace points at the cause (OOMKilled, exit 137 with a limit below JVM heap); standard fix of sizing.",
  "payments-worker keeps restarting. describe says:\n\n"
  "    State:          Running\n      Started:      Wed, 18 Nov 2026 03:02:41 +0000\n"
  "    Last State:     Terminated\n      Reason:       OOMKilled\n      Exit Code:    137\n"
  "      Started:      Wed, 18 Nov 2026 02:55:10 +0000\n      Finished:     Wed, 18 Nov 2026 03:02:39 +0000\n"
  "    Ready:          True\n    Restart Count:  37\n    Limits:\n      cpu:     1\n      memory:  1Gi\n"
  "    Requests:\n      cpu:        500m\n      memory:     1Gi\n    Environment:\n"
  "      JAVA_TOOL_OPTIONS:  -Xms1g -Xmx1g -XX:+UseG1GC\n      SPRING_PROFILES_ACTIVE:  prod\n\n"
  "it started after someone bumped Xmx. what's the right fix, and what should the limit be")

R("opus", "debug", "systems", "verbose", "easy-words-hard",
  "TB6: memory that grows only under load with no trace or obvious lead; needs a theory across runtime, allocator and traffic.",
  "Our Go service (checkout-gateway) slowly grows RSS only when traffic is above ~800 rps. At normal load it sits flat at 300MB for "
  "days. During the Black Friday test it climbed to 2.4GB in 40 minutes and got OOMKilled. The weird part: go_memstats_heap_inuse_bytes "
  "stays around 250MB the whole time, it's RSS and container_memory_working_set that grow. Goroutine count goes from 400 to about "
  "3,000 and stays there even after load drops. We use net/http with a custom transport to three upstreams, grpc-go to inventory, "
  "and cgo for one image-resize call. Where would you even start, and what would you look at to tell the hypotheses apart?")

R("opus", "debug", "databases", "plain", "easy-words-hard",
  "TB6: writes lost after a failover is a distributed-consistency investigation without a clear lead.",
  "After last night's Postgres failover (Patroni promoted the replica in eu-west-1b) about 40 orders that customers got confirmation "
  "emails for are not in the database. The app got a successful COMMIT for them. synchronous_commit is on, we have one sync standby. "
  "How can that happen and how do we make sure it doesn't again?")

R("opus", "debug", "infrastructure", "terse", "short-hard",
  "TB6: an unreproducible stall with no lead; open-ended production investigation.",
  "api stalls ~30s once or twice a day, all pods at once, nothing in logs. cant repro. ideas?")

R("sonnet", "debug", "web", "typos", None,
  "Stack trace names the cause (a pooled connection closed by the server); known fix with pool validation/idle settings.",
  "getting this every morning after the quiet night, first requests fail then its fine. whats wrong\n\n"
  + java_trace(1704, "org.springframework.dao.DataAccessResourceFailureException",
               "Unable to acquire JDBC Connection [HikariPool-1 - Connection is not available, request timed out after 30000ms.]",
               depth=14,
               cause=("org.postgresql.util.PSQLException", "This connection has been closed.",
                      ["org.postgresql.jdbc.PgConnection.checkClosed(PgConnection.java:917)",
                       "org.postgresql.jdbc.PgConnection.setAutoCommit(PgConnection.java:1056)",
                       "com.zaxxer.hikari.pool.ProxyConnection.setAutoCommit(ProxyConnection.java:401)"]))
  + "\n\nhikari config: maximumPoolSize=20, idleTimeout=600000, maxLifetime=1800000. pgbouncer in front with server_idle_timeout=300")

PG_DEADLOCK = pg_log(1705, 46, extra=[(31, "ERROR", "deadlock detected"),
    (31, "DETAIL", "Process 41822 waits for ShareLock on transaction 98817263; blocked by process 41907.\n\tProcess 41907 waits for ShareLock on transaction 98817259; blocked by process 41822.\n\tProcess 41822: UPDATE inventory SET reserved = reserved + $1 WHERE sku = $2\n\tProcess 41907: UPDATE inventory SET reserved = reserved + $1 WHERE sku = $2"),
    (31, "HINT", "See server log for query details."),
    (31, "CONTEXT", "while updating tuple (18211,4) in relation \"inventory\"")])
R("sonnet", "debug", "databases", "plain", None,
  "Postgres log shows the deadlock and both statements; fix is consistent lock ordering, a known pattern.",
  "We see occasional deadlocks when two carts check out at the same time. Here's the Postgres log around one. Our code loops over "
  "cart items and runs the UPDATE for each sku inside one transaction. How do we fix it?\n\n" + PG_DEADLOCK)

R("haiku", "ops", "databases", "terse", "long-trivial",
  "TB5: locating one ERROR line in a long log is a glance check.",
  "at what time did the deadlock happen\n\n" + PG_DEADLOCK)

R("haiku", "question", "databases", "plain", None,
  "Short conceptual question with a well-known answer.",
  "What's the difference between synchronous_commit = on and remote_apply in Postgres?")

R("haiku", "ops", "databases", "terse", None,
  "One SQL query over pg_stat_activity; a one-liner.",
  "query to show long running queries in postgres, older than 5 min")

R("sonnet", "ops", "databases", "plain", None,
  "Writing a safe runbook step with several commands (find blockers, decide, terminate); everyday ops care.",
  "A migration is stuck waiting for a lock on the orders table and everything behind it is queued. Give me the queries to find "
  "what's blocking it and the safe way to kill just the blocker, with what to check before I do it.")

KLAG_1 = kafka_lag(1706, "fulfillment-svc", "orders.v1", 24, hot={7: 1_884_213}, consumers=6)
R("haiku", "ops", "data", "terse", None,
  "Reading one value from a table: which partition has the lag.",
  "which partition is lagging\n\n" + KLAG_1)

R("sonnet", "debug", "data", "plain", None,
  "One partition lagging with the others at zero points at a poison message or hot key; identifiable cause, routine checks.",
  "Only partition 7 is lagging on fulfillment-svc, the other 23 are at ~0. The consumer for it is alive (heartbeats fine, no rebalance). "
  "Consumer is Java, kafka-clients 3.6, max.poll.records=500, we process synchronously and commit after the batch. What's the likely "
  "cause and how do I confirm it?\n\n" + KLAG_1)

R("opus", "debug", "data", "verbose", "easy-words-hard",
  "TB6: duplicate side effects after rebalances needs reasoning about commit ordering and exactly-once semantics across components.",
  "Since we scaled fulfillment-svc from 6 to 12 replicas, some customers get two shipping labels. Not many, maybe 1 in 20k orders, "
  "and only on days with deploys. We commit offsets after processing each batch, the label call goes to an external carrier API, "
  "and we write a row into Postgres after the label comes back. No errors anywhere in the logs around the duplicates. I need to "
  "understand the mechanism and design a fix that doesn't just move the problem somewhere else.")

R("haiku", "question", "data", "terse", None,
  "Well-known factual answer about a Kafka setting.",
  "what does max.poll.interval.ms actually do")

R("sonnet", "implement", "data", "plain", None,
  "Implementing a consumer change with a clear spec (dead-letter topic after N retries); several steps, no deep design.",
  "In our Node consumer (kafkajs) I want to stop a single bad message from blocking the partition: retry 3 times with backoff, then "
  "publish it to orders.v1.dlq with the original headers plus the error, and commit. Here's the current handler:\n\n"
  "```js\nawait consumer.run({\n  eachMessage: async ({ topic, partition, message }) => {\n    const evt = JSON.parse(message.value.toString());\n"
  "    await fulfil(evt);\n  },\n});\n```")

REDIS_1 = redis_info(1707, used_mb=4010, maxmem_mb=4096, evicted=18_402_771, frag=1.61)
R("haiku", "ops", "databases", "terse", None,
  "Reading one field from pasted INFO output.",
  "whats the eviction policy on this one\n\n" + REDIS_1)

R("sonnet", "debug", "databases", "plain", None,
  "INFO output shows the cause (at maxmemory with LRU eviction, many evictions, high fragmentation); known remediation.",
  "Our session cache hit rate dropped from 97% to 71% overnight and users are getting logged out. Redis INFO below. What's happening "
  "and what do we change?\n\n" + REDIS_1)

R("opus", "debug", "databases", "verbose", None,
  "TB6: rare lost updates through a cache layer during a failover; consistency reasoning across Redis replication and app logic.",
  "We use Redis (Sentinel, 1 primary + 2 replicas) for rate-limit counters and also as a short-lived lock for 'only one worker "
  "charges this invoice'. Twice this month an invoice got charged twice, both times within a minute of a Sentinel failover. The "
  "lock is SET key val NX PX 30000 and release is a Lua compare-and-delete. Is the lock itself the problem, and what should we use "
  "instead given we can't afford double charges?")

R("haiku", "question", "databases", "plain", None,
  "Short known answer about a Redis command.",
  "Does SCAN guarantee it returns every key exactly once if keys are being added while it iterates?")

R("sonnet", "debug", "web", "terse", None,
  "Node error message with an identifiable cause (unhandled rejection from a missing await); straightforward fix.",
  "node svc dies with this on prod, works locally\n\n"
  "node:internal/process/promises:289\n            triggerUncaughtException(err, true /* fromPromise */);\n            ^\n\n"
  "Error: connect ECONNREFUSED 10.100.44.12:6379\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16) {\n"
  "  errno: -111,\n  code: 'ECONNREFUSED',\n  syscall: 'connect',\n  address: '10.100.44.12',\n  port: 6379\n}\n\n"
  "Node.js v20.10.0\n\nredis client is created at module load with `const client = createClient({url}); client.connect();`")

R("haiku", "explain", "web", "plain", None,
  "Explaining a common error code in a sentence.",
  "what does ECONNRESET mean vs ECONNREFUSED")

EV_1 = k8s_events(1708, 48, ["orders-api-7c9f8d6b5d-x2kqp", "orders-api-7c9f8d6b5d-m8wzt", "cart-svc-5f7b9c4d8-qq7hn",
                            "payments-worker-6d4b8f9c7-t9rlv"])
R("haiku", "ops", "infrastructure", "terse", None,
  "Counting one event reason in a pasted table.",
  "how many liveness probe failures in here\n\n" + EV_1)

R("sonnet", "debug", "infrastructure", "plain", None,
  "Events show readiness timeouts then liveness kills; known fix (separate probes, timeouts, startup probe).",
  "After we added a DB check to /ready and /live our pods started restarting during traffic peaks. Events below. What's wrong with "
  "our probe setup and what should it look like?\n\n" + EV_1)

R("opus", "design", "infrastructure", "plain", "easy-words-hard",
  "TB6: a plan for health checks across many services is open design with trade-offs (cascading failure, dependencies).",
  "We have about 40 services and every team wrote health checks differently. Half of them check the database in liveness. Write "
  "us a policy for what liveness, readiness and startup probes should and shouldn't check, and a plan to roll it out without "
  "causing an outage while we change them.")

R("haiku", "edit", "infrastructure", "terse", None,
  "Mechanical YAML edit (change a value).",
  "bump the liveness timeoutSeconds to 5 and failureThreshold to 6\n\n```yaml\nlivenessProbe:\n  httpGet:\n    path: /live\n    port: 8080\n"
  "  initialDelaySeconds: 10\n  periodSeconds: 10\n  timeoutSeconds: 1\n  failureThreshold: 3\n```")

R("sonnet", "debug", "infrastructure", "follow-up", None,
  "TB8: a follow-up that only points back; work unknown, so everyday tier.",
  "ok that didnt work, pods still restart. try again")

GO_DUMP = go_goroutines(1709, 16)
R("sonnet", "debug", "systems", "plain", None,
  "Goroutine dump shows most goroutines blocked on pool Get at one line; identifiable cause (pool exhaustion / leaked conns).",
  "ledger-api stopped responding, health check still passing. I grabbed /debug/pprof/goroutine?debug=2 before restarting it. "
  "What's going on?\n\n" + GO_DUMP)

R("haiku", "ops", "systems", "terse", "long-trivial",
  "TB5: counting goroutines in a given state in a paste is a count.",
  "count the goroutines in [select, N minutes] state\n\n" + GO_DUMP)

R("opus", "review", "systems", "plain", None,
  "TB10: review of concurrent Go code for a race/leak; concurrency review is opus.",
  "Can you review this for races and leaks? It's the fan-out we use in checkout to call three upstreams and take the first "
  "good answer.\n\n```go\nfunc firstOK(ctx context.Context, calls []func(context.Context) (*Quote, error)) (*Quote, error) {\n"
  "\tres := make(chan *Quote)\n\terrs := make(chan error)\n\tfor _, c := range calls {\n\t\tgo func() {\n\t\t\tq, err := c(ctx)\n"
  "\t\t\tif err != nil {\n\t\t\t\terrs <- err\n\t\t\t\treturn\n\t\t\t}\n\t\t\tres <- q\n\t\t}()\n\t}\n\tvar last error\n"
  "\tfor i := 0; i < len(calls); i++ {\n\t\tselect {\n\t\tcase q := <-res:\n\t\t\treturn q, nil\n\t\tcase err := <-errs:\n"
  "\t\t\tlast = err\n\t\tcase <-ctx.Done():\n\t\t\treturn nil, ctx.Err()\n\t\t}\n\t}\n\treturn nil, last\n}\n```")

R("sonnet", "explain", "systems", "plain", None,
  "TB7: why a closure over a loop variable behaves a certain way is subtle but standard; sonnet.",
  "Before Go 1.22 this printed the same id three times and now it doesn't, why?\n\n```go\nfor _, id := range ids {\n\tgo func() { fmt.Println(id) }()\n}\n```")

R("haiku", "explain", "systems", "terse", None,
  "Explaining a short, common Go runtime message.",
  "what does 'fatal error: all goroutines are asleep - deadlock!' mean")

GC_1 = gc_log(1710, 380, start_heap=900, grow=7, max_heap=4096)
R("haiku", "ops", "systems", "terse", "long-trivial",
  "TB5: reading the max heap size from a GC log is a lookup.",
  "whats the max heap in this gc log\n\n" + GC_1)

R("sonnet", "debug", "systems", "plain", None,
  "GC log shows post-GC live set climbing steadily: a leak; the next steps (heap dump, dominator tree) are routine.",
  "orders-api old gen keeps creeping up until we get long pauses and eventually an OOM every ~2 days. GC log excerpt below. Is this a "
  "leak or just an undersized heap, and what do I do next to find it?\n\n" + GC_1[:7000].rsplit("\n", 1)[0])

R("opus", "debug", "systems", "verbose", "easy-words-hard",
  "TB6: p99 cliff only on some nodes and only after hours of uptime; needs a cross-layer theory without a lead.",
  "Here's a weird one. Our Java service has p99 latency of ~40ms for the first several hours after a deploy, then on some pods (not "
  "all) p99 jumps to 400ms and stays there until the pod is restarted. CPU is not higher on the slow pods. GC pauses look the same. "
  "Same image, same config. The slow pods are not always on the same nodes. We tried to catch it with async-profiler but by the time "
  "we attach the flame graph looks normal-ish. How would you approach this?")

R("haiku", "docs", "general", "plain", None,
  "Small text task: a short incident status update from given facts.",
  "write a 2-line status page update: checkout degraded since 02:40 UTC due to payment provider timeouts, mitigation in progress, next update in 30 min")

R("haiku", "docs", "general", "terse", None,
  "Commit message from a described change; a small text task.",
  "commit msg for: raise hikari maxLifetime below pgbouncer server_lifetime, fixes morning connection errors")

R("sonnet", "docs", "general", "plain", None,
  "Writing a postmortem draft from a timeline with several sections; careful but routine writing.",
  "Draft a blameless postmortem from these notes. Sections: summary, impact, timeline, root cause, what went well, action items.\n\n"
  "- 02:41 alert: checkout error rate 12%\n- 02:44 on-call ack, sees payment-gw timeouts to provider\n- 02:52 provider status page "
  "says degraded in EU\n- 02:58 we flip payment routing flag to secondary provider\n- 03:05 error rate back to 0.3%\n- 03:40 "
  "provider recovers, we keep secondary until morning\n- root cause on our side: timeout was 30s and retries 3x so threads piled up, "
  "tomcat pool exhausted, which also took down /cart endpoints that don't touch payments\n- ~4,100 failed checkouts, est. 180k EUR delayed")

R("opus", "design", "web", "plain", None,
  "Open design with trade-offs: bulkheads, timeouts and retry budgets across services after a cascading failure.",
  "From the postmortem above: the payment timeout exhausted Tomcat threads and took down unrelated endpoints. Design how we "
  "should isolate dependencies in this service (and as a pattern for the others): timeouts, retry budgets, bulkheads, circuit "
  "breakers, and how to pick the numbers. I want reasoning, not a list of library names.")

R("haiku", "ops", "infrastructure", "terse", None,
  "A single kubectl command.",
  "kubectl rollout undo to previous revision for deploy orders-api in prod ns?")

R("haiku", "ops", "infrastructure", "typos", None,
  "One-liner shell/kubectl command.",
  "how do i see wich node a pod is on quicky")

R("sonnet", "ops", "infrastructure", "plain", None,
  "Writing a PodDisruptionBudget plus topology spread for a deployment: clear spec, several resources.",
  "During node upgrades all 3 replicas of search-api got evicted at once and we had 4 minutes of 503s. Write me a PDB and "
  "topologySpreadConstraints for it so that can't happen again. It runs on 3 AZs, we want at most one replica down at a time.")

R("opus", "plan", "infrastructure", "verbose", None,
  "Large multi-step migration plan with risk (cluster upgrade across many stateful workloads).",
  "We're on EKS 1.25 and need to get to 1.29 before extended support pricing kicks in. We have Kafka (Strimzi), two Postgres "
  "operators (Zalando for legacy, CloudNativePG for new), Redis via Bitnami charts, ~60 stateless deployments and some PSPs still "
  "around. Plan the upgrade path: ordering, what breaks at each hop (PSP removal, API deprecations, CSI), how to do it with "
  "minimal downtime for stateful stuff, and how to roll back if a hop goes bad.")

R("haiku", "question", "infrastructure", "plain", None,
  "Short factual question with a well-known answer.",
  "Which Kubernetes version removed PodSecurityPolicy?")

PY_TB_1 = py_trace([("/app/.venv/lib/python3.11/site-packages/celery/app/trace.py", 477, "trace_task", "R = retval = fun(*args, **kwargs)"),
                    ("/app/.venv/lib/python3.11/site-packages/celery/app/trace.py", 760, "__protected_call__", "return self.run(*args, **kwargs)"),
                    ("/app/billing/tasks.py", 88, "generate_invoice", "customer = Customer.objects.get(pk=invoice.customer_id)"),
                    ("/app/.venv/lib/python3.11/site-packages/django/db/models/manager.py", 87, "manager_method", "return getattr(self.get_queryset(), name)(*args, **kwargs)"),
                    ("/app/.venv/lib/python3.11/site-packages/django/db/models/query.py", 637, "get", "raise self.model.DoesNotExist(")],
                   "billing.models.Customer.DoesNotExist: Customer matching query does not exist.")
R("sonnet", "debug", "web", "plain", None,
  "Traceback plus description points at a read-replica lag / transaction visibility issue with a known fix (on_commit / read primary).",
  "Celery task generate_invoice fails maybe 1% of the time with DoesNotExist right after a customer signs up. If I retry it by hand "
  "it works. We enqueue it from the signup view right after Customer.objects.create(). Django + Postgres, reads go to a replica "
  "via a db router.\n\n" + PY_TB_1)

R("haiku", "explain", "web", "terse", None,
  "Explaining a common error in a sentence.",
  "what does DoesNotExist mean in django, is it like a 404")

R("sonnet", "test", "web", "plain", None,
  "Writing a test that reproduces a known race with transaction.on_commit; test writing for existing code.",
  "Now write a pytest test that would have caught this: the task must not be enqueued before the signup transaction commits.")

R("haiku", "ops", "infrastructure", "terse", None,
  "One kubectl command.",
  "kubectl top pods sorted by memory")

R("sonnet", "debug", "infrastructure", "typos", None,
  "Error message names the cause (ImagePullBackOff due to auth on ECR); routine fix.",
  "new deploy stuck, pods in ImagePullBackOff\n\n  Warning  Failed     12s (x4 over 1m)  kubelet  Failed to pull image "
  "\"123456789012.dkr.ecr.eu-west-1.amazonaws.com/cart-svc:v2.14.0\": rpc error: code = Unknown desc = failed to pull and unpack image: "
  "failed to resolve reference: pull access denied, repository does not exist or may require authorization: server message: "
  "insufficient_scope: authorization failed\n\nother images from same registry pull fine. we moved cart-svc to a new ecr repo yesterday")

R("opus", "review", "security", "plain", None,
  "Security incident response with a leaked credential; high stakes threat reasoning and ordering of actions.",
  "We just noticed an AWS access key for our CI user was printed in a public GitHub Actions log for about 6 hours (a fork PR ran "
  "the workflow). The user has ECR push, S3 read on the artifacts bucket and, it turns out, iam:PassRole. What exactly should we do "
  "now, in what order, and how do we find out whether it was used?")
# ---- batch 2: more incidents, Spanish/Russian, traps both ways ----

R("opus", "debug", "infrastructure", "terse", "short-hard",
  "TB3/TB6: a few words, but intermittent DNS failures in-cluster need a cross-component theory.",
  "random 'no such host' for internal svc names, like 1 in 5k reqs. coredns looks fine. why")

R("haiku", "question", "infrastructure", "plain", "hard-words-easy",
  "Scary vocabulary (conntrack, SNAT, race), but the ask is a short definition.",
  "Quick one: in the context of the Linux conntrack SNAT race people mention with Kubernetes DNS, what does 'ndots:5' in resolv.conf mean?")

R("sonnet", "ops", "infrastructure", "plain", None,
  "Configuring NodeLocal DNSCache / dnsConfig for a deployment: known steps, several files.",
  "We've decided to cut DNS lookups from our Node services. Show me the dnsConfig to set ndots to 2 on the deployment and what else "
  "we need to change in the app (we call other services as `cart-svc.prod.svc.cluster.local`, and external APIs by hostname).")

R("haiku", "ops", "infrastructure", "terse", None,
  "One-liner: run a throwaway pod with DNS tools.",
  "one liner to run a busybox pod in prod ns and nslookup cart-svc")

R("opus", "debug", "systems", "verbose", "easy-words-hard",
  "TB6: a stall that nobody can reproduce, only at month end; needs theory across batch jobs, locks and pools without a lead.",
  "On the last business day of every month, between about 18:00 and 18:20, our billing API gets slow and then completely stops "
  "answering for a few minutes. It recovers on its own. Nothing crashes, no errors in our logs, the DB CPU is only at 40%. It's "
  "happened four months in a row and we've never caught it live because it's over before anyone can look. The rest of the month "
  "it's fine. We have a Python (FastAPI + SQLAlchemy) API, a Postgres 15 primary with two replicas, and some cron jobs that "
  "finance runs. How do I figure this out before next month, and what should we set up to catch it?")

R("sonnet", "ops", "databases", "follow-up", None,
  "TB8: follow-up asking for concrete monitoring setup (lock waits, pg_stat_activity sampling): clear, everyday work.",
  "ok good. write me the cron script that samples pg_stat_activity and pg_locks every 10s during that window and dumps to a file, we'll run it on the bastion")

R("haiku", "ops", "databases", "terse", None,
  "One SQL one-liner over a catalog view.",
  "sql to list tables by size in postgres, biggest first")

R("haiku", "edit", "general", "plain", None,
  "Mechanical edit: convert a small JSON config to YAML.",
  "Convert to YAML please:\n\n{\"replicas\": 3, \"image\": \"ghcr.io/acme/notifier:1.8.2\", \"env\": {\"LOG_LEVEL\": \"info\", \"KAFKA_BROKERS\": \"kafka-0:9092,kafka-1:9092\"}, \"resources\": {\"limits\": {\"memory\": \"512Mi\", \"cpu\": \"500m\"}}}")

R("sonnet", "debug", "web", "plain", None,
  "A stack trace with the cause in view (connection pool timeout due to requests not releasing); known fix.",
  "FastAPI service throws this under load and then everything times out:\n\n"
  + py_trace([("/app/.venv/lib/python3.11/site-packages/starlette/routing.py", 74, "app", "response = await func(request)"),
              ("/app/api/routes/orders.py", 41, "list_orders", "rows = await session.execute(stmt)"),
              ("/app/.venv/lib/python3.11/site-packages/sqlalchemy/ext/asyncio/session.py", 461, "execute", "result = await greenlet_spawn("),
              ("/app/.venv/lib/python3.11/site-packages/sqlalchemy/pool/impl.py", 157, "_do_get", "raise exc.TimeoutError(")],
             "sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00 (Background on this error at: https://sqlalche.me/e/20/3o7r)")
  + "\n\nsession dependency:\n\n```python\nasync def get_session():\n    session = async_session()\n    return session\n```")

R("haiku", "explain", "web", "terse", None,
  "Explaining a short snippet in a sentence.",
  "what does `yield` do in a fastapi dependency")

R("sonnet", "refactor", "web", "follow-up", None,
  "TB8: 'now do the same' for other modules is sonnet: repeat a careful refactor across files.",
  "cool that fixed orders. now do the same for the other 6 routers, they all use the same get_session pattern, I'll paste them one by one")

R("opus", "design", "databases", "plain", None,
  "Open design choice with trade-offs (read replicas vs consistency for reads after writes).",
  "We keep hitting read-your-writes bugs because reads go to replicas. Options on the table: route all reads after a write to the "
  "primary for N seconds per user, wait for the replica LSN before reading, or just send everything to the primary and scale it "
  "up. Which would you pick for a marketplace with ~3k writes/s and a 20:1 read ratio, and why?")

R("haiku", "question", "databases", "plain", None,
  "Short factual question.",
  "How do I see replication lag in seconds on a Postgres replica?")

# ---- Spanish ----
R("haiku", "ops", "infrastructure", "other-language", None,
  "TB9: language does not change the tier; a single kubectl command.",
  "¿cómo veo los eventos de un pod concreto con kubectl? solo los de ese pod", language="es")

R("opus", "debug", "databases", "other-language", "easy-words-hard",
  "TB6/TB9: writes lost after a leader change, described in prose, no clear lead.",
  "Después del failover de anoche en nuestro clúster de Kafka (se cayó el broker 2, que era líder de la mitad de las particiones) "
  "hemos perdido mensajes: el productor recibió ack y el consumidor nunca los vio. Tenemos acks=1, replication.factor=3 y "
  "min.insync.replicas=2. ¿Cómo es posible y qué tenemos que cambiar sin destrozar la latencia?", language="es")

R("sonnet", "debug", "web", "other-language", None,
  "TB9: the trace names the cause (heap out of memory in Node from loading a whole file); standard fix with streams.",
  "el servicio de exportación en Node se muere con esto cuando el cliente pide un CSV grande:\n\n"
  "<--- Last few GCs --->\n[1:0x5c3b0a0]   182344 ms: Mark-Compact 2043.1 (2082.4) -> 2041.9 (2083.6) MB, 1503.22 / 0.00 ms  (average mu = 0.091, current mu = 0.011) allocation failure; scavenge might not succeed\n\n"
  "<--- JS stacktrace --->\n\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n 1: 0xb7a940 node::Abort() [node]\n 2: 0xa8e823  [node]\n\n"
  "el código hace `const rows = await db.query('SELECT * FROM order_lines WHERE ...'); res.send(toCsv(rows));`. ¿cómo lo arreglo?", language="es")

R("haiku", "docs", "general", "other-language", None,
  "TB9: a short text task (status message) in Spanish.",
  "escríbeme un mensaje corto para el canal de incidentes: la API de pagos vuelve a funcionar desde las 03:12, seguimos monitorizando", language="es")

R("sonnet", "ops", "infrastructure", "other-language", None,
  "TB9: writing an HPA with custom metric from a clear spec.",
  "Necesito un HPA para el consumidor de pedidos que escale por el lag de Kafka (tenemos KEDA instalado). Mínimo 2, máximo 24 "
  "réplicas, que escale cuando el lag pase de 5000 por partición. El topic tiene 24 particiones.", language="es")

R("opus", "plan", "infrastructure", "other-language", None,
  "TB9: a multi-step migration plan with stateful data and downtime risk.",
  "Tenemos que mover Redis (unos 60 GB, usado como caché y también como cola con listas) de una VM a ElastiCache sin cortar el "
  "servicio. ¿Cuál sería el plan paso a paso, cómo evitamos perder trabajos de la cola y cómo hacemos rollback si algo falla?", language="es")

# ---- Russian ----
R("haiku", "ops", "infrastructure", "other-language", None,
  "TB9: a one-line command, whatever the language.",
  "как посмотреть, какой под перезапускался последним в неймспейсе prod? одной командой", language="ru")

R("opus", "debug", "systems", "other-language", "easy-words-hard",
  "TB6/TB9: memory growing only under load with no lead; needs a cross-layer theory.",
  "У нас Java-сервис на Netty, память процесса растёт только под нагрузкой, хип при этом стабильный (~1.2 ГБ из 2). За пару часов "
  "RSS доходит до лимита контейнера 4 ГБ и под убивают по OOM. Без нагрузки ничего не растёт. Heap dump ничего интересного не "
  "показывает. С чего начать и как отличить утечку direct-буферов от фрагментации malloc?", language="ru")

R("sonnet", "debug", "databases", "other-language", None,
  "TB9: an error message with an identifiable cause (too many connections); routine fix with a pooler.",
  "после деплоя новой версии сыплется `FATAL: sorry, too many clients already` от постгреса. Раньше было 6 подов, сейчас HPA "
  "раздул до 20, у каждого пул на 25 соединений, max_connections=300. Что делать?", language="ru")

R("haiku", "explain", "databases", "other-language", None,
  "TB9: explaining a common error message briefly.",
  "что значит ошибка `could not serialize access due to concurrent update` в postgres? коротко", language="ru")

R("opus", "review", "databases", "other-language", None,
  "TB9/TB10: reviewing a distributed-locking scheme for correctness is opus.",
  "Посмотрите, пожалуйста, на нашу схему: несколько воркеров берут задачи из таблицы jobs через "
  "`SELECT ... FOR UPDATE SKIP LOCKED LIMIT 10`, потом делают HTTP-вызов во внешний сервис, потом `UPDATE jobs SET status='done'`. "
  "Всё в одной транзакции. Иногда задачи выполняются дважды, иногда висят в статусе 'processing' навсегда. Где ошибка в схеме и как правильно?", language="ru")

R("haiku", "docs", "general", "other-language", None,
  "TB9: a commit message, a small text task.",
  "сообщение коммита: увеличил таймаут readiness-пробы до 3с и добавил startupProbe для orders-api", language="ru")

# ---- hard-words-easy traps ----
R("haiku", "explain", "systems", "plain", "hard-words-easy",
  "Frightening words (SIGSEGV, core dump) but the ask is what a signal number means.",
  "Our cgo image resizer died with 'SIGSEGV: segmentation violation PC=0x7f... sigcode=1' and a core dump. Before I dig in, what is signal 11 and what does sigcode=1 mean?")

R("haiku", "edit", "systems", "terse", "hard-words-easy",
  "Lock-free/memory-order vocabulary but the work is a rename.",
  "rename `seqLockEpoch` to `epoch` everywhere in this file, nothing else\n\n```go\ntype ring struct {\n\tseqLockEpoch uint64\n\tbuf [1024]entry\n}\n\n"
  "func (r *ring) next() uint64 {\n\treturn atomic.AddUint64(&r.seqLockEpoch, 1)\n}\n\nfunc (r *ring) load() uint64 {\n\treturn atomic.LoadUint64(&r.seqLockEpoch)\n}\n```")

R("haiku", "question", "data", "plain", "hard-words-easy",
  "Exactly-once / transactional vocabulary, but a short factual question.",
  "In Kafka, what is the default value of isolation.level for a consumer?")

R("haiku", "docs", "security", "plain", "hard-words-easy",
  "Security terms (CVE, RCE) but the work is a one-line changelog entry.",
  "Changelog line for: bumped log4j-core from 2.14.1 to 2.17.1 to fix CVE-2021-44228 (remote code execution via JNDI lookup).")

R("haiku", "explain", "databases", "terse", "hard-words-easy",
  "Consensus vocabulary (Raft, quorum) but a one-sentence arithmetic answer.",
  "raft cluster of 5 etcd members, how many can die before we lose quorum")

R("haiku", "ops", "security", "plain", "hard-words-easy",
  "TLS/certificate words, but the ask is a single openssl command.",
  "What's the openssl command to print the expiry date of the cert served by payments.internal.acme.io:443?")

R("haiku", "edit", "infrastructure", "terse", "hard-words-easy",
  "Split-brain/failover words, but the work is changing one YAML value.",
  "patroni config, change maximum_lag_on_failover to 1048576, just the edited block pls\n\n```yaml\nbootstrap:\n  dcs:\n    ttl: 30\n"
  "    loop_wait: 10\n    retry_timeout: 10\n    maximum_lag_on_failover: 33554432\n    synchronous_mode: true\n    postgresql:\n      use_pg_rewind: true\n```")

# ---- more everyday ----
R("sonnet", "implement", "web", "plain", None,
  "Implementing a clear feature (graceful shutdown with drain) in a Go server.",
  "Our Go API drops in-flight requests on every deploy. Add graceful shutdown: on SIGTERM stop accepting new connections, "
  "fail readiness immediately, wait up to 25s for in-flight requests, then exit. Our main currently is just "
  "`log.Fatal(http.ListenAndServe(\":8080\", router))`. terminationGracePeriodSeconds is 30.")

R("sonnet", "ops", "infrastructure", "follow-up", None,
  "TB8: follow-up naming concrete work (a preStop hook and values) — everyday tier.",
  "also add the preStop sleep to the deployment yaml so the endpoints get removed before shutdown starts")

R("haiku", "question", "infrastructure", "plain", None,
  "Short factual answer about Kubernetes defaults.",
  "What is the default terminationGracePeriodSeconds in Kubernetes?")

R("opus", "debug", "web", "plain", "easy-words-hard",
  "TB6: 502s only during deploys despite graceful shutdown; needs a theory across LB, kube-proxy, endpoints propagation timing.",
  "We added graceful shutdown and a preStop sleep of 10s like everyone says, but we still get a burst of 502s at the ALB on every "
  "deploy, about 30-60 requests. It doesn't happen on scale-down, only on rolling updates. We're on EKS with the AWS Load Balancer "
  "Controller in IP target mode. I'm out of ideas.")

R("sonnet", "debug", "web", "terse", None,
  "The error names the cause (CORS preflight missing header); routine config fix.",
  "browser says: Access to fetch at 'https://api.acme.io/v2/cart' from origin 'https://shop.acme.io' has been blocked by CORS policy: Request header field x-request-id is not allowed by Access-Control-Allow-Headers in preflight response. express + cors pkg. fix?")

R("haiku", "ops", "tooling", "terse", None,
  "One-liner grep over logs.",
  "grep for lines with level=error in all *.log files recursively and count per file")

R("haiku", "ops", "tooling", "typos", None,
  "One-liner jq.",
  "jq to pull .msg out of every line where .level == \"error\" in a jsonl file, i keep getting it wrong")

R("sonnet", "implement", "tooling", "plain", None,
  "A small script with several steps (parse, group, percentile) from a clear spec.",
  "Write a Python script that reads an nginx-ingress access log from stdin and prints, per upstream address, request count, "
  "5xx count and p50/p95/p99 of upstream_response_time. The format is the default ingress-nginx log-format-upstream.")

NODE_LOG = json_log(1801, 30, "notification-consumer", [
    (60, "info", lambda r: f"sent push notification user_id={r.randint(100000, 999999)} provider=fcm latency_ms={r.randint(40, 900)}"),
    (20, "info", lambda r: f"batch committed partition={r.randint(0, 11)} offset={r.randint(4_000_000, 5_000_000)}"),
    (8, "warn", lambda r: f"fcm responded 429, retry in {r.choice([1, 2, 4, 8])}s"),
    (4, "error", lambda r: "failed to send notification: Error: socket hang up"),
    (2, "error", lambda r: f"unhandled error in eachMessage: TypeError: Cannot read properties of undefined (reading 'token') at buildPayload (/app/dist/push.js:{r.choice([88, 88, 91])}:27)")])
R("haiku", "ops", "tooling", "terse", None,
  "Counting error lines in a pasted log.",
  "how many error lines in this\n\n" + NODE_LOG)
R("sonnet", "debug", "web", "plain", None,
  "The log pinpoints a TypeError at a given line; fix the undefined token case and the retry behaviour.",
  "The notification consumer is dropping some pushes. Logs below. What's the bug and what's the fix? buildPayload reads "
  "`user.devices[0].token`.\n\n" + NODE_LOG)

R("opus", "design", "data", "plain", None,
  "Open design: exactly-once-ish notification delivery with external provider, idempotency and ordering trade-offs.",
  "Product wants a guarantee that a user never gets the same push twice and never misses one, even across consumer restarts and "
  "FCM 429s. Is that achievable? Design what we'd actually build (idempotency keys, outbox, dedupe store, retries) and be honest "
  "about what we can't guarantee.")

R("haiku", "explain", "web", "plain", None,
  "Explaining a common HTTP status briefly.",
  "What's the difference between a 502 and a 504 from a load balancer?")

R("haiku", "question", "web", "terse", None,
  "Short factual answer.",
  "what http status for rate limited")

R("sonnet", "implement", "web", "plain", None,
  "A well-specified middleware (token bucket per API key in Redis); a few careful steps.",
  "Implement a rate limiter middleware for our Express API: 100 requests per minute per API key, sliding window, stored in Redis "
  "so it works across 8 pods. Return 429 with Retry-After. We use ioredis.")

R("opus", "review", "security", "plain", None,
  "TB10: security review of auth code; subtle mistakes are vulnerabilities.",
  "Please do a security review of our JWT middleware before we expose this service to partners:\n\n```js\n"
  "function auth(req, res, next) {\n  const h = req.headers.authorization || '';\n  const token = h.replace('Bearer ', '');\n"
  "  const decoded = jwt.decode(token, { complete: true });\n  if (!decoded) return res.status(401).end();\n"
  "  const key = keys[decoded.header.kid] || process.env.JWT_FALLBACK_SECRET;\n"
  "  try {\n    req.user = jwt.verify(token, key, { algorithms: [decoded.header.alg] });\n  } catch (e) {\n"
  "    if (e.name === 'TokenExpiredError' && req.path.startsWith('/internal')) { req.user = decoded.payload; return next(); }\n"
  "    return res.status(401).end();\n  }\n  next();\n}\n```")

R("sonnet", "review", "web", "plain", None,
  "TB10: ordinary diff review for correctness.",
  "Review this diff, it adds pagination to the orders list endpoint:\n\n```diff\n@@ -21,9 +21,16 @@ def list_orders(customer_id: int, db: Session = Depends(get_db)):\n"
  "-    rows = db.query(Order).filter(Order.customer_id == customer_id).all()\n-    return [OrderOut.from_orm(r) for r in rows]\n"
  "+def list_orders(customer_id: int, page: int = 1, size: int = 50, db: Session = Depends(get_db)):\n"
  "+    q = db.query(Order).filter(Order.customer_id == customer_id)\n+    total = q.count()\n"
  "+    rows = q.offset(page * size).limit(size).all()\n+    return {\n+        \"items\": [OrderOut.from_orm(r) for r in rows],\n"
  "+        \"total\": total,\n+        \"next\": page + 1 if page * size < total else None,\n+    }\n```")

R("haiku", "edit", "web", "follow-up", None,
  "TB8: the follow-up names a trivial edit.",
  "ok fix just the off-by-one you mentioned, nothing else")

R("sonnet", "test", "web", "follow-up", None,
  "TB8: 'add tests for that too' is test-writing for existing code.",
  "add tests for the pagination too, edge cases: empty, exact multiple of size, last partial page")

R("opus", "debug", "data", "plain", "easy-words-hard",
  "TB6: a sometimes-wrong aggregate across services with no lead; needs reasoning about ordering and late data.",
  "Our daily revenue number in the dashboard is sometimes off by a few hundred euros compared to finance's export, different "
  "days, sometimes higher, sometimes lower. It's computed from Kafka order events by a Flink job into ClickHouse. Finance "
  "exports straight from Postgres. Both teams swear their numbers are right. How do we find out which is wrong and why?")

R("haiku", "ops", "data", "terse", None,
  "A single CLI command.",
  "kafka cli cmd to reset consumer group offsets to latest for one topic")

R("sonnet", "ops", "data", "plain", None,
  "A careful but known procedure: reset offsets to a timestamp, with dry-run and verification.",
  "We shipped a bug at 14:05 that acked messages without processing them. Fix is deployed. I need to re-consume orders.v1 from "
  "14:00 for group fulfillment-svc. Give me the exact steps (the group has to be stopped first, right?), with dry run, and what "
  "to check after.")

R("opus", "plan", "data", "verbose", None,
  "A multi-step migration across producers and consumers with ordering and compatibility risk.",
  "We need to change the key of orders.v1 from customer_id to order_id (hot partitions from a few huge B2B customers), and go "
  "from 24 to 96 partitions. About 15 consumers read this topic, some rely on per-customer ordering (we think, nobody is sure). "
  "Plan this so nothing breaks: how to find who relies on ordering, dual-write vs new topic, cutover and rollback.")

R("haiku", "question", "data", "plain", None,
  "Short conceptual answer.",
  "If I increase the partition count on an existing Kafka topic, do existing keys move to different partitions?")
# ---- batch 3: traces that point at causes, short-hard, more opus prose ----

R("opus", "design", "systems", "terse", "short-hard",
  "TB3: a few words asking for a lock-free concurrent structure.",
  "design a lock-free MPMC ring buffer for our Go log shipper")

R("opus", "design", "databases", "terse", "short-hard",
  "TB3: short, but an idempotent exactly-once consumer design across DB and Kafka.",
  "exactly-once from kafka into postgres. how, concretely")

R("opus", "debug", "databases", "terse", "short-hard",
  "TB3/TB6: few words, distributed consistency problem with no lead.",
  "replica returns rows the primary says don't exist. how")

R("opus", "design", "infrastructure", "terse", "short-hard",
  "TB3: short ask for a multi-region failover design with data consistency trade-offs.",
  "active-active across 2 regions for the orders db, worth it? how")

R("opus", "debug", "web", "typos", "short-hard",
  "TB3/TB6: terse, but a heisenbug (only in prod, only some users) with no lead.",
  "some users see other users carts. only prod. cant repro. HELP")

R("opus", "plan", "general", "terse", "short-hard",
  "TB6: plain words, but a codebase-wide rollout plan.",
  "plan to add request deadlines/timeouts across all 40 services")

R("sonnet", "debug", "web", "plain", None,
  "The Java trace points at the cause (Jackson lazy-loading a Hibernate proxy outside the session).",
  "New endpoint returns 500 with this. It worked in tests.\n\n"
  + java_trace(1901, "org.springframework.http.converter.HttpMessageNotWritableException",
               "Could not write JSON: failed to lazily initialize a collection of role: com.acme.orders.domain.Order.lines: could not initialize proxy - no Session",
               depth=16,
               cause=("com.fasterxml.jackson.databind.JsonMappingException",
                      "failed to lazily initialize a collection of role: com.acme.orders.domain.Order.lines: could not initialize proxy - no Session (through reference chain: com.acme.orders.web.OrderView[\"lines\"])",
                      ["com.fasterxml.jackson.databind.JsonMappingException.wrapWithPath(JsonMappingException.java:402)",
                       "com.fasterxml.jackson.databind.ser.std.StdSerializer.wrapAndThrow(StdSerializer.java:325)",
                       "org.hibernate.collection.spi.AbstractPersistentCollection.throwLazyInitializationException(AbstractPersistentCollection.java:635)"])))

R("sonnet", "debug", "web", "terse", None,
  "The trace names the cause (thread pool rejection); known fix by sizing or backpressure.",
  "wat do\n\n" + java_trace(1902, "java.util.concurrent.RejectedExecutionException",
      "Task java.util.concurrent.FutureTask@5b2a1e7c[Not completed, task = com.acme.orders.client.InventoryClient$$Lambda/0x00007f8c1c4a6a18@1f3e0f2] rejected from java.util.concurrent.ThreadPoolExecutor@7d4c1a3b[Running, pool size = 16, active threads = 16, queued tasks = 100, completed tasks = 88122031]",
      depth=12) + "\n\nexecutor is new ThreadPoolExecutor(16,16,0,ms,new ArrayBlockingQueue<>(100))")

R("opus", "debug", "systems", "plain", None,
  "TB6: same rejection but only one AZ, only when a dependency is slow; needs cross-service theory about latency amplification.",
  "Follow-up on the RejectedExecutionException: we raised the pool to 64 and queue to 1000 and now instead of rejections we get "
  "multi-second latency for everything, and only pods in eu-west-1c are affected. The inventory service it calls looks healthy "
  "from its own dashboards. Why would one AZ behave like this and what's the right design for this client?")

R("sonnet", "debug", "systems", "plain", None,
  "Go panic points at a nil map write at a specific line; straightforward fix.",
  "pricing-svc panics on startup in prod only:\n\n```\npanic: assignment to entry in nil map\n\ngoroutine 1 [running]:\n"
  "github.com/acme/pricing/internal/rules.(*Registry).Register(...)\n\t/src/internal/rules/registry.go:34\n"
  "github.com/acme/pricing/internal/rules.LoadFromConfig(0xc0001a6000)\n\t/src/internal/rules/load.go:58 +0x2b1\n"
  "main.main()\n\t/src/cmd/pricing/main.go:41 +0x1e5\n```\n\n```go\ntype Registry struct {\n\tbyName map[string]Rule\n\tmu sync.RWMutex\n}\n\n"
  "var Default Registry\n\nfunc (r *Registry) Register(name string, rule Rule) {\n\tr.mu.Lock()\n\tdefer r.mu.Unlock()\n\tr.byName[name] = rule\n}\n```\n\n"
  "in staging the config has no rules so it never calls Register")

R("sonnet", "debug", "systems", "plain", None,
  "Race detector output names both accesses; fix with proper synchronisation is routine.",
  "`go test -race ./...` fails with this. what's the fix?\n\n```\nWARNING: DATA RACE\nWrite at 0x00c0001b4a08 by goroutine 23:\n"
  "  github.com/acme/ledger/internal/cache.(*TTLCache).Set()\n      /src/internal/cache/ttl.go:48 +0x1a4\n"
  "  github.com/acme/ledger/internal/api.(*Server).handleGet()\n      /src/internal/api/get.go:31 +0x2c8\n\n"
  "Previous read at 0x00c0001b4a08 by goroutine 19:\n  github.com/acme/ledger/internal/cache.(*TTLCache).sweep()\n"
  "      /src/internal/cache/ttl.go:71 +0x8e\n\nGoroutine 23 (running) created at:\n  net/http.(*Server).Serve()\n\n"
  "Goroutine 19 (running) created at:\n  github.com/acme/ledger/internal/cache.New()\n      /src/internal/cache/ttl.go:22 +0x1f0\n"
  "==================\n```\n\n```go\nfunc (c *TTLCache) Set(k string, v []byte) {\n\tc.items[k] = item{v: v, exp: time.Now().Add(c.ttl)}\n}\n\n"
  "func (c *TTLCache) sweep() {\n\tfor range time.Tick(time.Minute) {\n\t\tfor k, it := range c.items {\n\t\t\tif time.Now().After(it.exp) {\n\t\t\t\tdelete(c.items, k)\n\t\t\t}\n\t\t}\n\t}\n}\n```")

R("haiku", "edit", "systems", "follow-up", None,
  "TB8: trivial follow-up edit.",
  "also add a doc comment on TTLCache saying its safe for concurrent use")

R("opus", "explain", "systems", "plain", None,
  "TB7: semantics of memory ordering in a concurrent algorithm is opus.",
  "Why is this double-checked init broken without the atomic, even on x86? And is sync.Once just doing this with the right "
  "barriers, or something else?\n\n```go\nvar cfg *Config\nvar mu sync.Mutex\n\nfunc get() *Config {\n\tif cfg == nil {\n\t\tmu.Lock()\n"
  "\t\tif cfg == nil {\n\t\t\tcfg = load()\n\t\t}\n\t\tmu.Unlock()\n\t}\n\treturn cfg\n}\n```")

R("haiku", "explain", "systems", "terse", None,
  "TB7: what a short snippet does, a sentence.",
  "what does `defer wg.Done()` do")

R("sonnet", "debug", "web", "plain", None,
  "Python trace points at a timezone-naive vs aware comparison; routine fix.",
  "Cron that expires carts started failing after we upgraded a lib:\n\n"
  + py_trace([("/app/jobs/expire_carts.py", 22, "main", "expire(now=datetime.utcnow())"),
              ("/app/jobs/expire_carts.py", 14, "expire", "if cart.updated_at < now - TTL:")],
             "TypeError: can't compare offset-naive and offset-aware datetimes")
  + "\n\nupdated_at comes from SQLAlchemy, column is `TIMESTAMP WITH TIME ZONE`")

R("haiku", "question", "web", "plain", None,
  "Short known answer.",
  "Is datetime.utcnow() deprecated in Python 3.12? What should I use instead?")

R("sonnet", "debug", "databases", "plain", None,
  "EXPLAIN output shows the cause (seq scan due to type mismatch / missing index); known fix.",
  "This query went from 20ms to 9s after yesterday's deploy. Plan:\n\n```\nGather  (cost=1000.00..412883.21 rows=1 width=88) (actual time=8712.331..9120.004 rows=1 loops=1)\n"
  "  Workers Planned: 2\n  Workers Launched: 2\n  ->  Parallel Seq Scan on orders o  (cost=0.00..411883.11 rows=1 width=88) (actual time=8890.112..8890.113 rows=0 loops=3)\n"
  "        Filter: ((external_ref)::text = '4410-99812-AB'::text)\n        Rows Removed by Filter: 14021877\n"
  "Planning Time: 0.211 ms\nExecution Time: 9120.061 ms\n```\n\nthere is an index `orders_external_ref_idx ON orders (lower(external_ref))`. "
  "the deploy changed the repository method from a native query to JPA derived query findByExternalRef")

R("haiku", "ops", "databases", "terse", None,
  "A one-line SQL index creation.",
  "create index concurrently on orders(external_ref) syntax")

R("opus", "debug", "databases", "plain", "easy-words-hard",
  "TB6: a performance cliff that appears at some times only, without a clear lead (plan flips, stats, generic plans).",
  "One query is fast 99% of the time and then for an hour or so it takes 30 seconds, then it's fast again. Same parameters as far "
  "as we can tell. It's a prepared statement from the JDBC driver. Nothing else on the DB looks busy when it happens. How do we "
  "catch what's going on and fix it for good?")

R("sonnet", "ops", "databases", "follow-up", None,
  "TB8: follow-up with concrete work: set up auto_explain parameters.",
  "ok lets do the auto_explain thing. give me the exact postgresql.conf settings for RDS parameter group, and how to not flood the logs")

R("haiku", "ops", "infrastructure", "terse", None,
  "One kubectl command.",
  "kubectl get pods that are not Running across all namespaces")

R("haiku", "ops", "infrastructure", "typos", None,
  "Single command.",
  "how to exec into a pod with a specific container, forgot the flag")

R("sonnet", "ops", "infrastructure", "plain", None,
  "Writing a NetworkPolicy from a clear spec.",
  "Write NetworkPolicies for the payments namespace: default deny ingress and egress, allow ingress to payments-api from the "
  "ingress-nginx namespace on 8080, allow egress to postgres in the data namespace on 5432, to kube-dns, and to the internet on 443 "
  "for the card provider.")

R("opus", "review", "security", "plain", None,
  "TB10: security review of network segmentation and threat model; subtle mistakes are vulnerabilities.",
  "Here's how our cluster is segmented today: one EKS cluster, namespaces per team, no NetworkPolicies, IRSA for AWS access, "
  "Postgres passwords in Kubernetes Secrets mounted as env vars, and the payments service shares nodes with everything else. "
  "We're going for PCI DSS. Give me a threat model and tell me what actually has to change, in priority order.")

R("sonnet", "debug", "infrastructure", "plain", None,
  "Error shows an RBAC denial for a named verb/resource; fix is a Role/RoleBinding.",
  "Our operator's logs are full of this after moving it to its own namespace:\n\n"
  "E1118 03:11:42.918331       1 reflector.go:147] pkg/mod/k8s.io/client-go@v0.28.3/tools/cache/reflector.go:229: Failed to watch "
  "*v1.ConfigMap: failed to list *v1.ConfigMap: configmaps is forbidden: User \"system:serviceaccount:platform-ops:config-syncer\" "
  "cannot list resource \"configmaps\" in API group \"\" in the namespace \"prod\"\n\nwhat do I add?")

R("haiku", "ops", "infrastructure", "terse", None,
  "One command.",
  "kubectl auth can-i check for a serviceaccount")

TF_PLAN = "\n".join([
  "Terraform will perform the following actions:", "",
  "  # aws_db_instance.orders must be replaced",
  "-/+ resource \"aws_db_instance\" \"orders\" {",
  "      ~ address                               = \"orders-prod.c9xk2hq1zv0a.eu-west-1.rds.amazonaws.com\" -> (known after apply)",
  "      ~ arn                                   = \"arn:aws:rds:eu-west-1:123456789012:db:orders-prod\" -> (known after apply)",
  "      ~ engine_version                        = \"15.4\" -> \"15.5\"",
  "      ~ id                                    = \"orders-prod\" -> (known after apply)",
  "      ~ storage_encrypted                     = false -> true # forces replacement",
  "      + kms_key_id                            = \"arn:aws:kms:eu-west-1:123456789012:key/5f0c1e0b-0d1e-4f55-9a4e-2c9a1d7d0b11\" # forces replacement",
  "        # (41 unchanged attributes hidden)",
  "    }", "",
  "  # aws_security_group_rule.orders_ingress_app will be updated in-place",
  "  ~ resource \"aws_security_group_rule\" \"orders_ingress_app\" {",
  "      ~ cidr_blocks = [", "          - \"10.20.0.0/16\",", "          + \"10.20.0.0/16\",", "          + \"10.30.0.0/16\",", "        ]",
  "    }", "", "Plan: 1 to add, 1 to change, 1 to destroy."])
R("haiku", "ops", "infrastructure", "terse", None,
  "Reading one thing from a plan: what forces replacement.",
  "what forces the replacement here\n\n" + TF_PLAN)
R("opus", "plan", "databases", "plain", None,
  "High stakes: encrypting a production RDS instance in place is impossible; needs a migration plan with minimal downtime and rollback.",
  "Compliance wants the orders RDS instance encrypted at rest (plan above would destroy it, obviously not applying that). It's 1.8 TB, "
  "~3k writes/s, and we have a 15 minute maintenance window a month at most. Plan the migration to an encrypted instance: options, "
  "cutover steps, how we verify no writes are lost, and rollback.\n\n" + TF_PLAN)

R("sonnet", "ops", "infrastructure", "plain", None,
  "CI config with known steps.",
  "Add a GitHub Actions job that runs `terraform plan` on PRs touching infra/, posts the plan as a PR comment, and fails if the "
  "plan contains any 'must be replaced' for aws_db_instance or aws_elasticache_cluster resources.")

R("haiku", "question", "infrastructure", "plain", None,
  "Short factual question.",
  "What does `prevent_destroy` in a Terraform lifecycle block do exactly?")

R("sonnet", "debug", "web", "typos", None,
  "The Node error shows the cause (event listener leak warning from adding a listener per request).",
  "getting this warning in prod logs and memory goes up slowly, related?\n\n(node:1) MaxListenersExceededWarning: Possible EventEmitter "
  "memory leak detected. 11 close listeners added to [Socket]. Use emitter.setMaxListeners() to increase limit\n    at _addListener (node:events:591:17)\n"
  "    at Socket.addListener (node:events:609:10)\n    at Object.acquire (/app/dist/lib/upstream.js:44:12)\n\n"
  "upstream.js:44 is `sock.on('close', () => metrics.dec('open_conns'))` inside acquire() which we call per request on a keepalive socket")

R("opus", "debug", "web", "verbose", "easy-words-hard",
  "TB6: Node memory growing only under load with no warning or trace; needs heap analysis theory.",
  "Our Node 20 BFF (Fastify, undici to 5 backends, a LRU cache) grows from 180MB to 1.5GB over about 6 hours but only on weekdays. "
  "On weekends it stays flat. We took two heap snapshots 1h apart and the comparison shows mostly (string) and (closure) growth with "
  "nothing obviously ours on top. GC isn't struggling. Where is this coming from and how do I narrow it down?")

R("haiku", "explain", "web", "terse", None,
  "Short conceptual explanation.",
  "what is the difference between heapUsed and rss in process.memoryUsage")

R("sonnet", "implement", "web", "plain", None,
  "Implementing a clear feature: exposing a heap snapshot endpoint guarded by auth.",
  "Add an admin-only endpoint to our Fastify app that writes a heap snapshot to /tmp and uploads it to S3 "
  "(bucket debug-dumps-prod, key includes pod name and timestamp). Guard it with our existing `requireAdmin` hook. Node 20.")

METRICS_1 = prom_dump(1903, [
  ("http_server_requests_seconds_count", "Duration of HTTP server request handling", "counter",
   [{"method": m, "uri": u, "status": s, "outcome": o} for m, u, s, o in
    [("GET", "/api/v2/orders/{id}", "200", "SUCCESS"), ("GET", "/api/v2/orders/{id}", "404", "CLIENT_ERROR"),
     ("POST", "/api/v2/orders", "201", "SUCCESS"), ("POST", "/api/v2/orders", "500", "SERVER_ERROR"),
     ("POST", "/api/v2/orders", "503", "SERVER_ERROR"), ("GET", "/api/v2/cart/{id}", "200", "SUCCESS"),
     ("GET", "/actuator/health", "200", "SUCCESS")]], lambda r: f"{r.randint(1000, 9000000)}.0"),
  ("hikaricp_connections_active", "Active connections", "gauge", [{"pool": "HikariPool-1"}], lambda r: "20.0"),
  ("hikaricp_connections_pending", "Pending threads", "gauge", [{"pool": "HikariPool-1"}], lambda r: "187.0"),
  ("hikaricp_connections_max", "Max connections", "gauge", [{"pool": "HikariPool-1"}], lambda r: "20.0"),
  ("hikaricp_connections_timeout_total", "Connection timeout total count", "counter", [{"pool": "HikariPool-1"}], lambda r: "4412.0"),
  ("tomcat_threads_busy_threads", "", "gauge", [{"name": "http-nio-8080"}], lambda r: "200.0"),
  ("tomcat_threads_config_max_threads", "", "gauge", [{"name": "http-nio-8080"}], lambda r: "200.0"),
  ("jvm_memory_used_bytes", "The amount of used memory", "gauge",
   [{"area": "heap", "id": x} for x in ["G1 Eden Space", "G1 Old Gen", "G1 Survivor Space"]], lambda r: f"{r.uniform(1e7, 1.2e9):.6e}"),
  ("process_cpu_usage", "The recent cpu usage for the JVM process", "gauge", [{}], lambda r: "0.0713")])
R("haiku", "ops", "systems", "terse", None,
  "Reading a couple of values from a metrics dump.",
  "whats the hikari pending count and max pool size in this\n\n" + METRICS_1)
R("sonnet", "debug", "systems", "plain", None,
  "The metrics show the cause: pool saturated with threads waiting, low CPU; points to slow queries or held connections; routine next steps.",
  "orders-api is timing out but CPU is at 7%. Scrape of /actuator/prometheus from one pod below. What's the bottleneck and what do "
  "I check next?\n\n" + METRICS_1)

R("opus", "design", "systems", "plain", None,
  "Capacity/queueing analysis to size pools across many pods against a DB limit; needs analysis, not a known fix.",
  "We have 30 pods of orders-api, each Tomcat with 200 threads and Hikari with 20 connections, going through pgbouncer "
  "(transaction mode, default_pool_size 80) to a Postgres with max_connections 400. p99 query time is 15ms, p99.9 is 800ms. How "
  "should we actually size these numbers? Walk me through the reasoning (Little's law etc.), not just 'use the formula'.")

R("haiku", "question", "databases", "plain", None,
  "Short factual answer about pgbouncer modes.",
  "Do prepared statements work with pgbouncer in transaction pooling mode?")

R("sonnet", "debug", "databases", "plain", None,
  "Error names the cause (prepared statement does not exist through pgbouncer transaction mode); known driver setting.",
  "After putting pgbouncer (transaction mode) in front of Postgres our Go service randomly fails with `ERROR: prepared statement "
  "\"stmtcache_8a1f2c\" does not exist (SQLSTATE 26000)`. pgx v5, pgbouncer 1.19. How do I fix it properly?")

R("haiku", "ops", "tooling", "terse", None,
  "One-liner.",
  "awk to sum the 10th column of a file")

R("haiku", "ops", "tooling", "plain", None,
  "One-liner.",
  "How do I tail logs from all pods of a deployment at once with kubectl?")

R("sonnet", "implement", "tooling", "plain", None,
  "A small tool with clear requirements.",
  "Write a bash script for on-call: given a deployment name and namespace, it prints the rollout history, current image, pods "
  "with restarts > 0 with their last termination reason, and the last 20 warning events for those pods. Use kubectl and jq only.")

R("opus", "debug", "infrastructure", "plain", "easy-words-hard",
  "TB6: nodes going NotReady intermittently with no lead; theory across kubelet, kernel, network, disk.",
  "Every few days one of our nodes goes NotReady for 2-3 minutes and comes back by itself. It's a different node each time, all in "
  "the same node group. Pods on it get evicted and rescheduled, which hurts our Kafka brokers. AWS says the instances are healthy. "
  "Where do we look?")

R("sonnet", "debug", "infrastructure", "plain", None,
  "The kubelet log line shows disk pressure eviction with the threshold; known remediation.",
  "Pods getting evicted on one node, kubelet says:\n\n"
  "I1118 04:12:09.118211    2411 eviction_manager.go:366] \"Eviction manager: attempting to reclaim\" resourceName=\"ephemeral-storage\"\n"
  "I1118 04:12:09.118299    2411 container_gc.go:88] \"Attempting to delete unused containers\"\n"
  "I1118 04:12:09.203118    2411 image_gc_manager.go:391] \"Attempting to delete unused images\"\n"
  "I1118 04:12:11.845002    2411 eviction_manager.go:377] \"Eviction manager: must evict pod(s) to reclaim\" resourceName=\"ephemeral-storage\"\n"
  "I1118 04:12:11.845107    2411 eviction_manager.go:395] \"Eviction manager: pods ranked for eviction\" pods=[\"prod/report-gen-7d9c6f5b8-kz2mn\",\"prod/orders-api-7c9f8d6b5d-x2kqp\"]\n"
  "I1118 04:12:12.001334    2411 eviction_manager.go:170] \"Eviction manager: pod is evicted successfully\" pod=\"prod/report-gen-7d9c6f5b8-kz2mn\"\n\n"
  "report-gen writes PDFs to /tmp before uploading")

R("haiku", "docs", "general", "follow-up", None,
  "TB8: a short text ask.",
  "now summarize that in one sentence for the incident channel")

R("sonnet", "docs", "general", "plain", None,
  "Writing a runbook with several steps from known procedures.",
  "Write a runbook page for 'Kafka consumer lag alert firing' for our on-call: how to tell if it's a stuck consumer, a poison "
  "message, a slow dependency, or just traffic; commands to run for each; when to page the owning team.")

R("opus", "design", "data", "plain", None,
  "Open alerting design with trade-offs across many services (SLOs, burn rates).",
  "Our alerts are all static thresholds and on-call gets ~40 pages a week, most not actionable. Propose how to move to SLO-based "
  "alerting for our ~25 user-facing services: how to pick SLIs, windows, burn-rate thresholds, what to do about low-traffic "
  "services, and how to migrate without going blind for a while.")

R("haiku", "question", "general", "plain", None,
  "Short factual answer.",
  "What is an error budget burn rate of 14.4 based on? I keep seeing that number.")

R("sonnet", "implement", "infrastructure", "plain", None,
  "Writing Prometheus rules from a clear spec.",
  "Write Prometheus recording and alerting rules for a 99.9% availability SLO on checkout, using http_server_requests_seconds_count "
  "with outcome label; multi-window multi-burn-rate (1h/5m and 6h/30m).")

R("haiku", "edit", "infrastructure", "terse", None,
  "Mechanical fix of a typo in a PromQL expression.",
  "fix the syntax\n\nsum(rate(http_requests_total{status=~\"5..\"}[5m]) by (service)")

R("sonnet", "debug", "infrastructure", "plain", None,
  "The query's problem is identifiable (rate over a sum, counter resets); explain and fix.",
  "My error ratio panel shows spikes above 100% after deploys:\n\n"
  "`rate(sum(http_server_requests_seconds_count{outcome=\"SERVER_ERROR\"})[5m]) / rate(sum(http_server_requests_seconds_count)[5m])`\n\nwhy and how do I fix it")
# ---- batch 4: long pastes (trivial asks), minimal pairs, medium pastes ----

CHK_LOG = json_log(2001, 150, "checkout-api", [
    (55, "info", lambda r: f"POST /api/v2/checkout/confirm 200 in {r.randint(80, 700)}ms cart_id=c_{r.randint(10**6, 10**7)}"),
    (15, "info", lambda r: f"payment authorized provider=adyen psp_ref={r.randint(10**15, 10**16)} amount_cents={r.randint(500, 90000)}"),
    (10, "debug", lambda r: f"inventory reserve ok skus={r.randint(1, 8)} took={r.randint(5, 90)}ms"),
    (6, "warn", lambda r: f"payment provider slow: adyen p99={r.randint(1500, 4000)}ms"),
    (3, "error", lambda r: f"checkout failed: context deadline exceeded calling inventory-svc (attempt {r.randint(1, 3)}/3)"),
    (2, "error", lambda r: "checkout failed: pq: duplicate key value violates unique constraint \"orders_idempotency_key_key\"")],
    step_ms=(100, 4000))
R("haiku", "ops", "tooling", "terse", "long-trivial",
  "TB5: finding the trace_id of the first error in a long log is a single lookup.",
  "trace id of the first error line?\n\n" + CHK_LOG)
R("opus", "debug", "web", "plain", None,
  "TB6: duplicate-key errors on the idempotency key mixed with inventory timeouts need a theory about retries across services; the log shows symptoms, not the cause.",
  "Checkout logs from the last half hour below. We're seeing both inventory timeouts and duplicate idempotency key errors, and "
  "support says a few customers were charged but have no order. I don't see how those connect. Can you work out the sequence of "
  "events that produces 'charged but no order' and what we need to change?\n\n" + CHK_LOG)
R("haiku", "ops", "tooling", "typos", "long-trivial",
  "TB5: counting warn lines in a long log.",
  "how many warns vs erors in this, just the 2 numbers\n\n" + CHK_LOG)

def pods_all(seed):
    deps = [("orders-api", 8, 2), ("orders-worker", 4, 1), ("cart-svc", 6, 2), ("checkout-api", 6, 2), ("payments-api", 4, 2),
            ("payments-worker", 3, 1), ("search-api", 5, 1), ("search-indexer", 2, 1), ("notification-consumer", 4, 1),
            ("email-sender", 2, 1), ("pricing-svc", 4, 1), ("inventory-svc", 6, 2), ("shipping-quote", 3, 1),
            ("user-profile", 4, 1), ("auth-gateway", 6, 2), ("bff-web", 8, 1), ("bff-mobile", 6, 1), ("report-gen", 2, 1),
            ("ledger-api", 3, 1), ("fraud-scorer", 4, 1), ("pgbouncer", 3, 1), ("redis-sentinel", 3, 2), ("otel-collector", 4, 1)]
    return kubectl_pods(seed, deps, crash={"fraud-scorer": ("CrashLoopBackOff", 112), "search-indexer": ("Error", 9),
                                           "email-sender": ("Running", 14)})
PODS_ALL = pods_all(2002)
R("haiku", "ops", "infrastructure", "plain", "long-trivial",
  "TB5: listing pods with a status other than Running from a long table.",
  "Which pods here are not Running? Just names.\n\n" + PODS_ALL)
R("haiku", "ops", "infrastructure", "terse", "long-trivial",
  "TB5: counting rows per node prefix / total pods is mechanical.",
  "how many pods total and how many orders-api\n\n" + PODS_ALL)

PG_SLOW = pg_log(2003, 130)
R("haiku", "ops", "databases", "plain", "long-trivial",
  "TB5: extracting the slowest statement from a long log by the duration field.",
  "From this Postgres log, which single statement had the highest duration and when?\n\n" + PG_SLOW)
R("sonnet", "implement", "tooling", "follow-up", None,
  "TB8: a follow-up that asks for a small parsing script with aggregation.",
  "can you write me a script that does that for the whole 2GB log file, grouping by normalized statement and showing count, total and p95 duration")

def helm_values(seed):
    rng = random.Random(seed)
    out = ["# values-prod.yaml for the acme-shop umbrella chart", "global:", "  imageRegistry: 123456789012.dkr.ecr.eu-west-1.amazonaws.com",
           "  environment: prod", "  otel:", "    endpoint: http://otel-collector.observability:4317", ""]
    for svc in ["orders-api", "orders-worker", "cart-svc", "checkout-api", "payments-api", "payments-worker", "search-api",
                "notification-consumer", "pricing-svc", "inventory-svc", "shipping-quote", "user-profile", "auth-gateway",
                "bff-web", "bff-mobile", "ledger-api", "fraud-scorer", "report-gen"]:
        key = "".join(w.capitalize() if i else w for i, w in enumerate(svc.split("-")))
        out += [f"{key}:", "  enabled: true", f"  replicaCount: {rng.choice([2, 3, 4, 6, 8])}", "  image:",
                f"    repository: acme/{svc}", f"    tag: \"v{rng.randint(1, 4)}.{rng.randint(0, 60)}.{rng.randint(0, 12)}\"",
                "    pullPolicy: IfNotPresent", "  resources:", "    requests:",
                f"      cpu: {rng.choice(['100m', '250m', '500m', '1'])}", f"      memory: {rng.choice(['256Mi', '512Mi', '1Gi', '2Gi'])}",
                "    limits:", f"      memory: {rng.choice(['512Mi', '1Gi', '2Gi', '3Gi'])}", "  autoscaling:",
                f"    enabled: {rng.choice(['true', 'false'])}", f"    minReplicas: {rng.choice([2, 3])}", f"    maxReplicas: {rng.choice([6, 10, 20])}",
                f"    targetCPUUtilizationPercentage: {rng.choice([60, 70, 75])}", "  env:",
                f"    LOG_LEVEL: {rng.choice(['info', 'info', 'warn', 'debug'])}",
                f"    DB_POOL_MAX: \"{rng.choice([10, 20, 25, 40])}\"", f"    HTTP_CLIENT_TIMEOUT_MS: \"{rng.choice([1000, 2000, 5000, 30000])}\"",
                "  podDisruptionBudget:", f"    minAvailable: {rng.choice([1, 2, '50%'])}", "  probes:",
                f"    readiness: {{path: /ready, periodSeconds: {rng.choice([5, 10])}, timeoutSeconds: {rng.choice([1, 2, 3])}}}",
                f"    liveness: {{path: /live, periodSeconds: 10, timeoutSeconds: {rng.choice([1, 2, 5])}, failureThreshold: {rng.choice([3, 5])}}}",
                "  nodeSelector:", f"    workload: {rng.choice(['general', 'general', 'memory'])}", ""]
    return "\n".join(out)
HELM = helm_values(2004)
R("haiku", "ops", "infrastructure", "terse", "long-trivial",
  "TB5: finding one setting in a long values file.",
  "whats the HTTP_CLIENT_TIMEOUT_MS for checkoutApi in here\n\n" + HELM)
R("haiku", "edit", "infrastructure", "plain", "long-trivial",
  "TB5: a mechanical global edit on a long file (set LOG_LEVEL everywhere) is checkable at a glance.",
  "Set LOG_LEVEL to info for every service in this file (some are debug/warn), change nothing else, give me the full file back.\n\n" + HELM)
R("sonnet", "review", "infrastructure", "plain", None,
  "TB10: reviewing a config for correctness (PDB vs replicas, limits vs requests, probe timeouts); careful but routine.",
  "Review our prod values for obvious problems before the peak season: PDBs that block node drains, memory limits below requests, "
  "probe settings that will kill pods under load, timeouts that look wrong. List concrete issues per service.\n\n" + HELM)

def express_module(seed, n):
    rng = random.Random(seed)
    ents = ["order", "cart", "coupon", "address", "invoice", "refund", "shipment", "review", "wishlist", "giftcard",
            "subscription", "payout", "store", "supplier", "warehouse", "return", "voucher", "ticket"]
    out = ["'use strict';", "", "const express = require('express');", "const { pool } = require('../db');",
           "const { requireAuth, requireRole } = require('../auth');", "const log = require('../log');", "", "const router = express.Router();", ""]
    for e in ents[:n]:
        tbl = e + "s"
        cols = rng.sample(["status", "total_cents", "currency", "customer_id", "note", "created_at", "updated_at", "code", "amount_cents", "country"], 4)
        out += [f"// ---- {tbl} ----", f"router.get('/{tbl}', requireAuth, async (req, res, next) => {{", "  try {",
                "    const limit = Math.min(parseInt(req.query.limit || '50', 10), 200);", "    const offset = parseInt(req.query.offset || '0', 10);",
                f"    const {{ rows }} = await pool.query('SELECT id, {', '.join(cols)} FROM {tbl} ORDER BY id DESC LIMIT $1 OFFSET $2', [limit, offset]);",
                "    res.json({ items: rows, limit, offset });", "  } catch (err) {", f"    log.error({{ err }}, 'list {tbl} failed');", "    next(err);", "  }", "});", "",
                f"router.get('/{tbl}/:id', requireAuth, async (req, res, next) => {{", "  try {",
                f"    const {{ rows }} = await pool.query('SELECT * FROM {tbl} WHERE id = $1', [req.params.id]);",
                "    if (!rows.length) return res.status(404).json({ error: 'not_found' });", "    res.json(rows[0]);",
                "  } catch (err) {", "    next(err);", "  }", "});", "",
                f"router.post('/{tbl}', requireAuth, requireRole('{rng.choice(['admin', 'ops', 'support'])}'), async (req, res, next) => {{", "  try {",
                f"    const {{ {', '.join(cols[:3])} }} = req.body;",
                f"    const {{ rows }} = await pool.query('INSERT INTO {tbl} ({', '.join(cols[:3])}) VALUES ($1, $2, $3) RETURNING id', [{', '.join(cols[:3])}]);",
                f"    log.info({{ id: rows[0].id }}, '{e} created');", "    res.status(201).json({ id: rows[0].id });", "  } catch (err) {", "    next(err);", "  }", "});", ""]
    out += ["module.exports = router;"]
    return "\n".join(out)
EXPRESS = express_module(2005, 12)
R("sonnet", "refactor", "web", "plain", None,
  "TB5: rewriting a whole long module into TypeScript is many careful steps, so sonnet despite being mechanical-sounding.",
  "Convert this whole router file to TypeScript with proper types for the request bodies and rows (strict mode). Keep behaviour identical.\n\n" + EXPRESS)
R("haiku", "edit", "web", "terse", "long-trivial",
  "TB5: adding a license header to a long file is trivial.",
  "add our MIT license header (Copyright 2026 Acme Shop GmbH) at the top, dont touch anything else\n\n" + EXPRESS)
R("haiku", "ops", "web", "plain", "long-trivial",
  "TB5: listing the route paths of a long file is extraction.",
  "List every route (method + path) defined in this file as a table.\n\n" + EXPRESS)
R("opus", "review", "security", "plain", None,
  "TB10: a security review of a whole router (authz, IDOR, injection surface) is opus.",
  "Security review of this router before the pen test next week. We're especially worried about who can read whose data.\n\n" + EXPRESS)

# ---- medium minimal pairs ----
EV_2 = k8s_events(2006, 30, ["fraud-scorer-6c8d7f9b4-lq9zx", "fraud-scorer-6c8d7f9b4-2nvpd", "orders-api-7c9f8d6b5d-h4rtk"])
R("haiku", "ops", "infrastructure", "terse", None,
  "Reading the most recent event from a small table.",
  "whats the most recent warning here\n\n" + EV_2)
R("sonnet", "debug", "infrastructure", "plain", None,
  "Events show readiness timeouts and back-off for one deployment; with the given context the cause is identifiable (slow startup, no startupProbe).",
  "fraud-scorer has been flapping since we switched it to load the ML model at startup (takes ~90s). Events below. How do I fix "
  "the probes?\n\n" + EV_2)

R("haiku", "explain", "systems", "plain", None,
  "Explaining a short config snippet.",
  "What does this mean in a Go service's Dockerfile: `ENV GOMEMLIMIT=900MiB GOGC=off`?")
R("opus", "debug", "systems", "plain", "easy-words-hard",
  "TB6: the same settings causing a death spiral under load; needs analysis of GC behaviour vs limits without a trace.",
  "We set GOMEMLIMIT=900MiB and GOGC=off on a service with a 1Gi limit, as a blog suggested. Mostly great, CPU went down. But twice "
  "under heavy load the pods went to 100% CPU, latency went to seconds, and they never recovered until killed. No OOM. Explain what "
  "is going on and what settings we should actually use.")

R("haiku", "ops", "databases", "terse", None,
  "A single redis-cli command.",
  "redis-cli find the biggest keys")
R("sonnet", "debug", "databases", "plain", None,
  "The slowlog shows the culprit (KEYS / big HGETALL); identifiable cause and known fix.",
  "Redis latency spikes every few minutes. SLOWLOG GET 5:\n\n```\n1) 1) (integer) 88213\n   2) (integer) 1731898231\n   3) (integer) 412331\n"
  "   4) 1) \"KEYS\"\n      2) \"session:*:u_88*\"\n2) 1) (integer) 88212\n   2) (integer) 1731898170\n   3) (integer) 398114\n"
  "   4) 1) \"KEYS\"\n      2) \"session:*:u_41*\"\n3) 1) (integer) 88211\n   2) (integer) 1731898101\n   3) (integer) 48120\n"
  "   4) 1) \"HGETALL\"\n      2) \"cart:big:b2b_77123\"\n```\n\nthe KEYS call is from our admin 'force logout user' feature")

R("haiku", "ops", "infrastructure", "terse", None,
  "One command.",
  "helm rollback to previous release cmd")
R("sonnet", "debug", "infrastructure", "plain", None,
  "Error message points at the cause (stuck pending-upgrade release); known fix.",
  "helm upgrade fails with `Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress`. The previous CI run "
  "was cancelled halfway. How do I get out of this without deleting the release?")

R("sonnet", "debug", "web", "plain", None,
  "The trace points at a known gRPC deadline/keepalive misconfiguration (GOAWAY too_many_pings).",
  "grpc-go client to inventory logs this constantly after we enabled keepalive:\n\n"
  "```\n2026/11/18 03:22:10 ERROR: [transport] Client received GoAway with error code ENHANCE_YOUR_CALM and debug data equal to ASCII \"too_many_pings\".\n"
  "rpc error: code = Unavailable desc = closing transport due to: connection error: desc = \"error reading from server: EOF\", received prior goaway: code: ENHANCE_YOUR_CALM, debug data: \"too_many_pings\"\n```\n\n"
  "client: keepalive.ClientParameters{Time: 10*time.Second, Timeout: 3*time.Second, PermitWithoutStream: true}. server is grpc-java with defaults.")

R("opus", "debug", "web", "verbose", "easy-words-hard",
  "TB6: uneven load across gRPC backends after scaling, with no errors; needs reasoning about connection-level balancing across components.",
  "We scaled inventory-svc from 4 to 12 pods because it was overloaded, and it didn't help at all: 4 pods are still at 90% CPU and "
  "the 8 new ones are nearly idle. No errors anywhere. Clients are Go and Java services calling it over gRPC through a normal "
  "ClusterIP Service. After a few hours it sort of evens out but never fully. What's happening and what's the right fix for the "
  "whole fleet, not just this one service?")

R("haiku", "question", "web", "terse", None,
  "Short factual answer.",
  "does a k8s ClusterIP service load balance per request or per connection")

R("sonnet", "implement", "web", "plain", None,
  "Implementing client-side round-robin with a headless service in grpc-go: clear, several steps.",
  "Switch our Go gRPC client to client-side load balancing against a headless service: dns resolver, round_robin policy, and make "
  "it re-resolve when pods change. Show the dial code and the Service manifest.")

R("opus", "design", "web", "plain", None,
  "Choosing between designs (service mesh vs client LB vs proxy) with trade-offs across the fleet.",
  "Given the gRPC balancing problem, the platform team wants to install Istio for everything, the Java team wants to just use "
  "client-side LB, and someone proposed an Envoy sidecar only for gRPC services. We have 40 services, 6 engineers on platform. "
  "Which would you choose and why? Include what each option costs us operationally.")

R("haiku", "edit", "general", "plain", None,
  "Mechanical: sort keys alphabetically.",
  "Sort these env vars alphabetically:\n\nREDIS_URL=redis://redis-master:6379/0\nDB_HOST=pgbouncer\nLOG_LEVEL=info\nKAFKA_BROKERS=kafka-0:9092\n"
  "APP_ENV=prod\nDB_POOL_MAX=20\nOTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector:4317\nHTTP_PORT=8080\nFEATURE_NEW_PRICING=false")

R("haiku", "edit", "general", "typos", None,
  "Fixing a spelling mistake in a string.",
  "fix the typo in this alert description: 'Consumer lag for {{ $labels.group }} is above threshhold for more then 10 minutes'")

R("sonnet", "debug", "tooling", "plain", None,
  "A failing CI log with an identifiable cause (test depends on timezone).",
  "CI fails but passes locally:\n\n```\n--- FAIL: TestInvoiceDueDate (0.00s)\n    invoice_test.go:42: due date = 2026-12-01 00:00:00 +0000 UTC, want 2026-11-30 23:00:00 +0000 UTC\n"
  "FAIL\nFAIL\tgithub.com/acme/billing/internal/invoice\t0.412s\n```\n\n```go\nfunc DueDate(issued time.Time) time.Time {\n"
  "\ty, m, _ := issued.Date()\n\treturn time.Date(y, m+1, 1, 0, 0, 0, 0, time.Local)\n}\n```\n\nmy laptop is Europe/Berlin")

R("opus", "debug", "tooling", "plain", "easy-words-hard",
  "TB6: a flaky test with no clear lead across parallelism, shared state and timing.",
  "One of our integration tests fails maybe once in 30 CI runs, always with a different assertion, never locally even with -count=200. "
  "It uses a real Postgres in a container and the tests run with t.Parallel(). How do I find the cause without just slapping a retry on it?")

R("haiku", "docs", "general", "plain", None,
  "Short summary text.",
  "Summarize in 3 bullets for the weekly ops review: 2 P1 incidents (payments provider outage, DNS misconfig on new cluster), on-call pages down 30% after alert cleanup, Postgres 16 upgrade scheduled next Tuesday.")
# ---- batch 5: more languages, traps, opus prose, sonnet traces ----

R("opus", "debug", "databases", "other-language", "easy-words-hard",
  "TB6/TB9: a stall nobody can reproduce, described in prose.",
  "Cada tanto, sin patrón claro, las escrituras a Postgres se quedan colgadas entre 20 y 40 segundos y luego todo sigue normal. "
  "No hay bloqueos visibles en pg_locks cuando miramos (pero siempre llegamos tarde), el disco EBS no marca nada raro en CloudWatch. "
  "No lo podemos reproducir en staging. ¿Por dónde empezarías?", language="es")

R("haiku", "question", "databases", "other-language", None,
  "TB9: short factual question in Spanish.",
  "¿qué diferencia hay entre VACUUM y VACUUM FULL en Postgres? en dos frases", language="es")

R("sonnet", "debug", "infrastructure", "other-language", None,
  "TB9: the error names the cause (PVC stuck due to AZ affinity); routine fix.",
  "el pod de redis se queda en Pending después de que se cayera un nodo:\n\n"
  "  Warning  FailedScheduling  2m  default-scheduler  0/9 nodes are available: 3 node(s) had volume node affinity conflict, "
  "6 node(s) didn't match Pod's node affinity/selector. preemption: 0/9 nodes are available: 9 Preemption is not helpful for scheduling.\n\n"
  "el PVC es gp3 en eu-west-1a. ¿qué pasa y cómo lo arreglo?", language="es")

R("sonnet", "test", "web", "other-language", None,
  "TB9: writing tests for existing code.",
  "Escribe tests con Jest para esta función de reintentos; quiero cubrir: éxito a la primera, éxito al tercer intento, agotar "
  "reintentos y que no reintente en errores 4xx.\n\n```js\nasync function withRetry(fn, { retries = 3, baseMs = 100 } = {}) {\n"
  "  let attempt = 0;\n  for (;;) {\n    try {\n      return await fn();\n    } catch (err) {\n"
  "      if (err.status && err.status < 500) throw err;\n      if (++attempt > retries) throw err;\n"
  "      await new Promise(r => setTimeout(r, baseMs * 2 ** attempt));\n    }\n  }\n}\n```", language="es")

R("haiku", "ops", "tooling", "other-language", "long-trivial",
  "TB5/TB9: counting status codes in a pasted log, in Spanish.",
  "¿cuántas respuestas 504 hay en este log? solo el número\n\n" + "\n".join(ING_504.splitlines()[:40]), language="es")

R("opus", "design", "data", "other-language", None,
  "TB9: open design with trade-offs (outbox vs CDC).",
  "Queremos publicar eventos de pedidos a Kafka de forma fiable desde un monolito Django. ¿Patrón outbox con un relay propio o "
  "Debezium leyendo el WAL? Tenemos 2 personas en plataforma y no podemos perder eventos ni publicarlos desordenados por pedido. "
  "Argumenta la elección.", language="es")

R("sonnet", "ops", "databases", "other-language", None,
  "TB9: a known procedure with several steps (pg_repack / reindex concurrently).",
  "Таблица order_events раздулась до 400 ГБ, из них по pgstattuple ~60% мёртвых строк. Даунтайм нельзя. Распиши по шагам, как "
  "сделать pg_repack на проде безопасно и что проверить до и после.", language="ru")

R("haiku", "ops", "tooling", "other-language", None,
  "TB9: a one-liner.",
  "как в jq вытащить поле trace_id из каждой строки json-лога, где level=error", language="ru")

R("opus", "debug", "data", "other-language", "easy-words-hard",
  "TB6/TB9: lost messages after a leader change, prose only.",
  "После переключения лидера в нашем кластере RabbitMQ (quorum queues, 3 ноды) часть сообщений пропала, хотя продюсер получил "
  "publisher confirm. Консьюмеры с manual ack. Логи чистые. Как такое возможно и как доказать, где именно они потерялись?", language="ru")

R("sonnet", "debug", "web", "other-language", None,
  "TB9: the trace names the cause (ConcurrentModificationException from modifying a list while iterating).",
  "Периодически падает обработчик корзины:\n\n" + java_trace(2101, "java.util.ConcurrentModificationException", "null",
      pkg="com.acme.cart", depth=10) + "\n\nв CartService есть цикл `for (Item i : cart.getItems()) { if (i.expired()) cart.getItems().remove(i); }`. Как правильно?", language="ru")

R("haiku", "explain", "infrastructure", "other-language", None,
  "TB9: a short conceptual answer.",
  "в чём разница между requests и limits по CPU в kubernetes, в двух словах", language="ru")

R("opus", "plan", "infrastructure", "other-language", None,
  "TB9: large migration plan across services.",
  "Нам нужно переехать с самописного service discovery на Consul на нативный Kubernetes DNS для 35 сервисов, часть из которых всё "
  "ещё на VM. Составь план миграции по этапам, с откатом, и чтобы не было простоя.", language="ru")

R("sonnet", "docs", "general", "other-language", None,
  "TB9: a postmortem draft from given facts: routine writing with several sections.",
  "Напиши черновик постмортема: в 02:10 истёк TLS-сертификат на внутреннем gateway, сервисы перестали ходить в payments, "
  "алерт сработал только в 02:35 (мониторили только внешние сертификаты), в 02:50 перевыпустили вручную. Причина: cert-manager "
  "не мог продлить из-за удалённого ClusterIssuer. Разделы: резюме, влияние, хронология, причины, действия.", language="ru")

# ---- hard-words-easy ----
R("haiku", "question", "systems", "plain", "hard-words-easy",
  "Memory-model jargon but a one-line factual answer.",
  "In Java, is `volatile long` reads and writes atomic on a 32-bit JVM? yes/no and the JLS section.")

R("haiku", "edit", "data", "terse", "hard-words-easy",
  "Exactly-once/transactional words, the work is one config value change.",
  "set enable.idempotence=true and acks=all in this producer config, nothing else\n\n"
  "bootstrap.servers=kafka-0:9092,kafka-1:9092,kafka-2:9092\nkey.serializer=org.apache.kafka.common.serialization.StringSerializer\n"
  "value.serializer=io.confluent.kafka.serializers.KafkaAvroSerializer\nacks=1\nlinger.ms=5\nbatch.size=65536\ncompression.type=zstd")

R("haiku", "explain", "security", "plain", "hard-words-easy",
  "Cryptography vocabulary, but a simple definition is asked.",
  "What's the difference between mTLS and regular TLS, in one paragraph? Our security team keeps saying we need 'mutual auth with SPIFFE identities' in the mesh.")

R("haiku", "docs", "systems", "terse", "hard-words-easy",
  "Heisenbug/memory corruption words, but the work is a docstring.",
  "add a docstring to this, it's the thing we added after the use-after-free hunt\n\n```c\nstatic void buf_release(struct buf *b) {\n"
  "    if (atomic_fetch_sub(&b->refs, 1) == 1) {\n        free(b->data);\n        free(b);\n    }\n}\n```")

R("haiku", "ops", "databases", "plain", "hard-words-easy",
  "Split-brain/fencing vocabulary, but the ask is one command.",
  "We suspect a split-brain in our Patroni cluster. What's the command to list cluster members and who Patroni thinks is leader?")

R("haiku", "question", "systems", "terse", "hard-words-easy",
  "Kernel/OOM jargon but a short factual answer.",
  "oom_score_adj of -997 on kubelet pods means what, guaranteed qos?")

R("haiku", "edit", "infrastructure", "plain", "hard-words-easy",
  "Zero-downtime/consensus words but the task is reformatting YAML indentation.",
  "This Strimzi KafkaNodePool YAML for our zero-downtime KRaft migration has broken indentation, just fix the indentation:\n\n"
  "```yaml\napiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaNodePool\nmetadata:\n  name: controllers\n  labels:\n   strimzi.io/cluster: prod-kafka\n"
  "spec:\n replicas: 3\n  roles:\n    - controller\n  storage:\n      type: jbod\n      volumes:\n      - id: 0\n        type: persistent-claim\n        size: 100Gi\n```")

R("haiku", "explain", "systems", "plain", "hard-words-easy",
  "Intimidating stack (eBPF, kprobes) but explaining a short command.",
  "What does this bpftrace one-liner print? `bpftrace -e 'tracepoint:syscalls:sys_enter_openat { printf(\"%s %s\\n\", comm, str(args->filename)); }'`")

R("haiku", "docs", "general", "plain", "hard-words-easy",
  "Incident vocabulary (data loss, failover) but a one-line summary.",
  "One-sentence summary for the exec email: the Postgres failover at 01:12 caused 38 seconds of write unavailability, no data loss, root cause is under investigation.")

# ---- easy-words-hard ----
R("opus", "design", "general", "plain", "easy-words-hard",
  "TB6: plain words, open design of a recovery protocol.",
  "Design how our order service should recover after a crash in the middle of placing an order, so nothing gets charged twice and nothing gets lost.")

R("opus", "plan", "general", "plain", "easy-words-hard",
  "TB6: plain words, plan across a codebase.",
  "How should we split our monolith's database so each team owns its tables? Where do we even start?")

R("opus", "debug", "web", "plain", "easy-words-hard",
  "TB6: users occasionally see stale data after saving; a consistency problem across cache layers without a lead.",
  "Sometimes when a user changes their address and refreshes, they see the old one for a minute. Not always. We have a CDN, a Redis "
  "cache and read replicas. Which layer is it and how do we make it not happen?")

R("opus", "debug", "systems", "terse", "easy-words-hard",
  "TB6: plain words; intermittent slowdown across fleet, no lead.",
  "everything gets slow for a bit every hour on the hour. only in prod. not cron afaik")

R("opus", "design", "web", "plain", "easy-words-hard",
  "Plain words, but a distributed rate-limiting design with fairness and consistency trade-offs.",
  "We need to make sure each customer can't use more than their plan's API quota per month, across all our regions. How should we do it?")

R("opus", "debug", "infrastructure", "plain", "easy-words-hard",
  "TB6: sporadic connection resets with no lead across network layers.",
  "Some requests between two of our services just fail with 'connection reset' a few times an hour. Retrying works. It's been like "
  "this for months and nobody knows why. Both services are in the same cluster.")

R("opus", "plan", "databases", "plain", "easy-words-hard",
  "Plain words, a high-stakes migration plan (changing a primary key type on a huge table).",
  "Our orders.id is an int and we'll run out in about 4 months. What's the plan to fix that without downtime?")

R("opus", "debug", "data", "plain", "easy-words-hard",
  "TB6: plain words, events arriving out of order intermittently across components.",
  "Sometimes an order shows as 'shipped' before 'paid' in our tracking page. Happens to maybe a few orders a day. How do we figure out why?")

# ---- more sonnet: traces/logs with identifiable causes ----
R("sonnet", "debug", "web", "plain", None,
  "The trace names a deadlock in Spring @Async with a bounded pool waiting on itself; identifiable cause.",
  "jstack shows all 8 threads of our 'reportExecutor' stuck like this, app never finishes the report:\n\n"
  "\"report-3\" #88 prio=5 os_prio=0 cpu=1201.33ms elapsed=812.44s tid=0x00007f2c3c0a1000 nid=0x5f waiting on condition  [0x00007f2c0b7fd000]\n"
  "   java.lang.Thread.State: WAITING (parking)\n\tat jdk.internal.misc.Unsafe.park(java.base@21.0.1/Native Method)\n"
  "\t- parking to wait for  <0x00000000c4a1b2d8> (a java.util.concurrent.CompletableFuture$Signaller)\n"
  "\tat java.util.concurrent.CompletableFuture.join(java.base@21.0.1/CompletableFuture.java:2117)\n"
  "\tat com.acme.reports.ReportService.buildSection(ReportService.java:77)\n"
  "\tat com.acme.reports.ReportService.lambda$build$2(ReportService.java:52)\n"
  "\tat java.util.concurrent.CompletableFuture$AsyncSupply.run(java.base@21.0.1/CompletableFuture.java:1768)\n"
  "\tat java.util.concurrent.ThreadPoolExecutor.runWorker(java.base@21.0.1/ThreadPoolExecutor.java:1144)\n\n"
  "buildSection calls supplyAsync(..., reportExecutor) for sub-sections and joins them")

R("sonnet", "debug", "databases", "plain", None,
  "Log shows the cause (replication slot retaining WAL, disk filling); known fix.",
  "Primary disk went from 40% to 91% in a day. pg_replication_slots:\n\n```\n slot_name        | plugin   | slot_type | active | restart_lsn   | wal_retained\n"
  "------------------+----------+-----------+--------+---------------+-------------\n patroni_replica1 |          | physical  | t      | 3A/9C0012F8   | 16 MB\n"
  " debezium_orders  | pgoutput | logical   | f      | 31/11A0B3C0   | 612 GB\n```\n\nDebezium connector was paused last week during a Kafka Connect upgrade. What now, without losing CDC?")

R("sonnet", "debug", "web", "typos", None,
  "Error message with identifiable cause (body already consumed / stream read twice).",
  "TypeError: Body is unusable: Body has already been read\n    at consumeBody (node:internal/deps/undici/undici:4712:15)\n"
  "    at Response.json (node:internal/deps/undici/undici:4611:18)\n    at fetchPrice (/app/dist/pricing.js:22:31)\n\n"
  "code: `const r = await fetch(url); log.debug(await r.text()); return r.json()` , only happens when debug logging on lol")

R("sonnet", "debug", "systems", "plain", None,
  "Panic trace points at a closed channel send at shutdown; identifiable and standard fix.",
  "On shutdown our worker sometimes panics:\n\n```\npanic: send on closed channel\n\ngoroutine 412 [running]:\n"
  "github.com/acme/indexer/internal/pipeline.(*Stage).emit(...)\n\t/src/internal/pipeline/stage.go:61\n"
  "github.com/acme/indexer/internal/pipeline.(*Stage).run(0xc0002ba000, {0x1b4e2c0, 0xc000188000})\n\t/src/internal/pipeline/stage.go:48 +0x1f4\n"
  "created by github.com/acme/indexer/internal/pipeline.(*Pipeline).Start in goroutine 1\n\t/src/internal/pipeline/pipeline.go:33 +0x145\n```\n\n"
  "Stop() does `close(p.out)` then `p.cancel()`. Stages check ctx.Done() in their loop.")

R("sonnet", "debug", "data", "plain", None,
  "The consumer log shows CommitFailedException due to poll interval exceeded; known remedy.",
  "Consumer keeps rebalancing every few minutes, logs:\n\n"
  "```\n03:14:22.118 WARN  o.a.k.c.c.i.ConsumerCoordinator - [Consumer clientId=consumer-fulfillment-svc-3, groupId=fulfillment-svc] "
  "consumer poll timeout has expired. This means the time between subsequent calls to poll() was longer than the configured "
  "max.poll.interval.ms, which typically implies that the poll loop is spending too much time processing messages.\n"
  "03:14:22.342 ERROR c.a.f.OrderListener - commit failed\norg.apache.kafka.clients.consumer.CommitFailedException: Offset commit cannot "
  "be completed since the consumer is not part of an active group for auto partition assignment; it is likely that the consumer was "
  "kicked out of the group.\n```\n\nmax.poll.records=500, each record calls the carrier API (~800ms p95)")

R("sonnet", "debug", "infrastructure", "plain", None,
  "Error points to cert-manager ACME challenge failing due to ingress class; routine fix.",
  "cert-manager not issuing the cert for api.acme.io:\n\n```\nStatus:\n  Presented:   true\n  Processing:  true\n"
  "  Reason:      Waiting for HTTP-01 challenge propagation: wrong status code '404', expected '200'\n  State:       pending\n```\n\n"
  "we migrated from ingress class 'nginx' to 'nginx-public' last week. issuer solver config still has `class: nginx`")

R("sonnet", "implement", "databases", "plain", None,
  "Implementing a known pattern (SKIP LOCKED job queue) with clear requirements.",
  "Implement a Postgres-backed job queue in Python (psycopg 3): enqueue(kind, payload, run_at), a worker loop that claims jobs with "
  "FOR UPDATE SKIP LOCKED, retries with exponential backoff up to 5 times, and marks them dead after that. Include the table DDL.")

R("sonnet", "refactor", "web", "plain", None,
  "Refactoring a module with a clear goal (extract retries/timeouts into a client).",
  "Refactor this: every place we call the carrier API builds its own axios instance with copy-pasted timeout and retry code. Make "
  "one CarrierClient class with timeouts, retries on 5xx/ECONNRESET with jitter, and request-id propagation, and show how two call "
  "sites change.\n\n```js\n// labels.js\nconst http = axios.create({ baseURL: process.env.CARRIER_URL, timeout: 5000 });\n"
  "async function createLabel(order) {\n  for (let i = 0; i < 3; i++) {\n    try { return (await http.post('/labels', toLabel(order))).data; }\n"
  "    catch (e) { if (i === 2) throw e; await sleep(500); }\n  }\n}\n\n// tracking.js\nconst client = axios.create({ baseURL: process.env.CARRIER_URL });\n"
  "async function track(id) {\n  return (await client.get(`/tracking/${id}`, { timeout: 10000 })).data;\n}\n```")

R("sonnet", "test", "systems", "plain", None,
  "Writing tests for existing Go code with a clear target.",
  "Write table-driven tests for this, including a test with -race that hammers Set/Get concurrently:\n\n```go\ntype TTLCache struct {\n"
  "\tmu    sync.RWMutex\n\titems map[string]item\n\tttl   time.Duration\n\tnow   func() time.Time\n}\n\n"
  "func (c *TTLCache) Get(k string) ([]byte, bool) {\n\tc.mu.RLock()\n\tdefer c.mu.RUnlock()\n\tit, ok := c.items[k]\n"
  "\tif !ok || c.now().After(it.exp) {\n\t\treturn nil, false\n\t}\n\treturn it.v, true\n}\n\nfunc (c *TTLCache) Set(k string, v []byte) {\n"
  "\tc.mu.Lock()\n\tdefer c.mu.Unlock()\n\tc.items[k] = item{v: v, exp: c.now().Add(c.ttl)}\n}\n```")

R("sonnet", "review", "web", "plain", None,
  "TB10: reviewing a diff for correctness and style.",
  "Can you review this change to our webhook handler?\n\n```diff\n@@ -12,14 +12,22 @@ router.post('/webhooks/carrier', async (req, res) => {\n"
  "-  const evt = req.body;\n-  await db.query('UPDATE shipments SET status=$1 WHERE id=$2', [evt.status, evt.shipment_id]);\n-  res.sendStatus(200);\n"
  "+  const evt = req.body;\n+  if (!evt || !evt.shipment_id) return res.sendStatus(400);\n+  const { rowCount } = await db.query(\n"
  "+    'UPDATE shipments SET status=$1, updated_at=now() WHERE id=$2 AND status <> $1',\n+    [evt.status, evt.shipment_id]\n+  );\n"
  "+  if (rowCount === 0) log.info({ id: evt.shipment_id }, 'no-op webhook');\n+  await publish('shipments.v1', evt);\n+  res.sendStatus(200);\n })\n```")

R("opus", "review", "security", "follow-up", None,
  "TB10: the follow-up asks for a security review (webhook authenticity, replay), which is opus.",
  "ok and from a security pov? anyone on the internet can hit that endpoint, the carrier signs with HMAC-SHA256 in X-Signature")

R("sonnet", "implement", "security", "follow-up", None,
  "TB8: implementing a specified HMAC verification with timestamp tolerance: clear, careful work.",
  "implement the signature check then: HMAC-SHA256 over `${timestamp}.${rawBody}`, reject if timestamp older than 5 min, constant-time compare. express, need raw body")

R("sonnet", "ops", "infrastructure", "plain", None,
  "Writing a Kubernetes CronJob with clear spec.",
  "Write a CronJob that runs pg_dump of the `billing` database every night at 01:30 UTC to S3 (bucket acme-db-backups, prefix "
  "billing/), using IRSA service account `db-backup`, no concurrent runs, keep 3 failed jobs for debugging, and 2h deadline.")

R("sonnet", "debug", "infrastructure", "follow-up", None,
  "TB8: vague follow-up that only points back; everyday tier.",
  "still failing, same error as before")

R("sonnet", "explain", "systems", "plain", None,
  "TB7: explaining a non-trivial piece of code (a function of dozens of lines) is sonnet.",
  "Can someone explain what this retry-with-jitter function actually does step by step, and whether the max delay ever gets respected?\n\n"
  "```python\ndef backoff(attempt, base=0.1, cap=20.0, rng=random.random):\n    exp = min(cap, base * (2 ** attempt))\n"
  "    sleep = exp / 2 + rng() * exp / 2\n    prev = getattr(backoff, '_prev', base)\n    sleep = min(cap, max(base, rng() * (prev * 3 - base) + base)) if attempt > 3 else sleep\n"
  "    backoff._prev = sleep\n    return sleep\n```")

R("opus", "explain", "systems", "plain", None,
  "TB7: semantics of a concurrent algorithm/memory ordering are opus.",
  "Explain why this SPSC queue is correct with acquire/release and what breaks if I make both of them relaxed. Rust.\n\n"
  "```rust\npub fn push(&self, v: T) -> Result<(), T> {\n    let tail = self.tail.load(Ordering::Relaxed);\n    let next = (tail + 1) & MASK;\n"
  "    if next == self.head.load(Ordering::Acquire) { return Err(v); }\n    unsafe { (*self.buf.get())[tail].write(v); }\n"
  "    self.tail.store(next, Ordering::Release);\n    Ok(())\n}\n\npub fn pop(&self) -> Option<T> {\n    let head = self.head.load(Ordering::Relaxed);\n"
  "    if head == self.tail.load(Ordering::Acquire) { return None; }\n    let v = unsafe { (*self.buf.get())[head].assume_init_read() };\n"
  "    self.head.store((head + 1) & MASK, Ordering::Release);\n    Some(v)\n}\n```")

R("haiku", "explain", "systems", "terse", None,
  "TB7: a short snippet answered in a sentence.",
  "what does `set -euo pipefail` do")

R("haiku", "question", "general", "plain", None,
  "Short factual question.",
  "What's the difference between SIGTERM and SIGKILL?")

R("haiku", "ops", "tooling", "terse", None,
  "One-liner.",
  "sort | uniq -c | sort -rn but only top 10")

R("haiku", "ops", "tooling", "typos", None,
  "One-liner.",
  "convert epoch ms 1731898231118 to human date in bash")
# ---- batch 6: medium pastes with all three tiers ----

ACC_S1 = access_log(2201, 28, bad_status=499, bad_rate=0.1, svc="prod-bff-web-3000", upstream_ips=["10.42.2.14", "10.42.6.91"])
R("haiku", "explain", "web", "terse", None,
  "Explaining a status code seen in a short log.",
  "what is 499 in these nginx lines, never seen it\n\n" + ACC_S1)
R("sonnet", "debug", "web", "plain", None,
  "499s mean the client gave up; with the given client timeout info the cause is identifiable (client timeout shorter than upstream).",
  "We see a lot of 499s on bff-web (log below). Our mobile app has a 10s timeout, the BFF calls search with a 15s timeout and "
  "search's p99 is 12s during sales. What exactly is going on and what should we change first?\n\n" + ACC_S1)

ACC_S2 = access_log(2202, 30, bad_status=502, bad_rate=0.06, bad_upstream="10.42.7.22")
R("haiku", "ops", "web", "plain", None,
  "Reading which upstream IP appears on the 502 lines of a short log.",
  "Which upstream IP are the 502s coming from in this snippet?\n\n" + ACC_S2)
R("sonnet", "debug", "infrastructure", "plain", None,
  "The log shows all 502s from one upstream; identifiable cause (one bad pod), routine steps to confirm and fix.",
  "502s started 20 minutes ago, roughly 5%. Snippet of the ingress log below. What do I do right now and what do I check after?\n\n" + ACC_S2)

LAG_2 = kafka_lag(2203, "search-indexer", "catalog.changes", 12, hot={i: 250_000 + i * 17_000 for i in range(12)}, consumers=2)
R("haiku", "ops", "data", "terse", None,
  "Summing a column from a short table.",
  "total lag across all partitions?\n\n" + LAG_2)
R("sonnet", "debug", "data", "plain", None,
  "Uniform lag across partitions with only 2 consumers for 12 partitions points to throughput; scaling/batching is a known fix.",
  "search-indexer lag is growing on every partition since the catalog import started. Two replicas running. Output below. Is it "
  "just undersized, and what's the fastest safe way to catch up?\n\n" + LAG_2)

PODS_S = kubectl_pods(2204, [("ledger-api", 3, 1), ("ledger-outbox-relay", 1, 1), ("pgbouncer", 2, 1)],
                      crash={"ledger-outbox-relay": ("Running", 58)})
R("haiku", "ops", "infrastructure", "terse", None,
  "Reading the restart count of one pod.",
  "how many restarts on the relay\n\n" + PODS_S)
R("opus", "debug", "data", "plain", None,
  "TB6: a singleton relay restarting with duplicate/out-of-order events downstream needs a theory about leader election and ordering, not visible in the table.",
  "The outbox relay (single replica, Deployment, reads the outbox table and publishes to Kafka) has restarted 58 times today, each "
  "time it comes back fine. Downstream, ledger consumers occasionally see events for the same account out of order, which corrupts "
  "balances. Nothing in the relay logs explains the restarts beyond a liveness failure. How would out-of-order events come out of "
  "this setup, and what should the relay look like so it can't happen?\n\n" + PODS_S)

GC_S = "\n".join(gc_log(2205, 60, start_heap=3600, grow=3, max_heap=4096).splitlines()[:45])
R("haiku", "ops", "systems", "terse", None,
  "Reading the longest pause from a short GC log.",
  "longest pause in ms?\n\n" + GC_S)
R("sonnet", "debug", "systems", "plain", None,
  "GC log shows heap near max after collection, frequent young GCs; identifiable (undersized heap or leak) with routine next steps.",
  "JVM keeps doing young GCs every couple of seconds and the app feels sluggish. Is this normal? Excerpt:\n\n" + GC_S)

THREADS = "\n".join([
  "\"http-nio-8080-exec-%d\" #%d daemon prio=5 os_prio=0 cpu=%.2fms elapsed=%.2fs tid=0x00007f1c%s nid=0x%x waiting for monitor entry  [0x00007f1b%s]\n"
  "   java.lang.Thread.State: BLOCKED (on object monitor)\n\tat com.acme.pricing.FxRates.get(FxRates.java:41)\n"
  "\t- waiting to lock <0x00000000c2b7e210> (a com.acme.pricing.FxRates)\n\tat com.acme.pricing.PriceService.convert(PriceService.java:88)\n"
  "\tat com.acme.pricing.web.PriceController.quote(PriceController.java:35)\n" % (i, 60 + i, 300 + i * 7.31, 900 + i * 0.5, _hex(random.Random(i), 8), 0x40 + i, _hex(random.Random(i + 99), 8))
  for i in range(1, 14)] + [
  "\"fx-refresh-1\" #31 prio=5 os_prio=0 cpu=88123.12ms elapsed=9012.33s tid=0x00007f1c2c0b9000 nid=0x3a runnable  [0x00007f1b9a7fe000]\n"
  "   java.lang.Thread.State: RUNNABLE\n\tat java.net.SocketInputStream.socketRead0(java.base@17.0.9/Native Method)\n"
  "\tat java.net.SocketInputStream.read(java.base@17.0.9/SocketInputStream.java:168)\n"
  "\tat sun.security.ssl.SSLSocketInputRecord.read(java.base@17.0.9/SSLSocketInputRecord.java:484)\n"
  "\tat org.apache.http.impl.io.SessionInputBufferImpl.fillBuffer(SessionInputBufferImpl.java:153)\n"
  "\tat com.acme.pricing.FxRates.refresh(FxRates.java:63)\n\t- locked <0x00000000c2b7e210> (a com.acme.pricing.FxRates)\n"
  "\tat com.acme.pricing.FxRates$$Lambda$812/0x0000000801a3c8.run(Unknown Source)\n"])
R("haiku", "ops", "systems", "terse", None,
  "Counting BLOCKED threads in a short dump.",
  "how many threads BLOCKED\n\n" + THREADS)
R("sonnet", "debug", "systems", "plain", None,
  "The thread dump shows the cause: refresh holds the monitor during a blocking HTTP read with no timeout.",
  "pricing-svc hangs for minutes at a time, then recovers. Thread dump during a hang below. What's the fix?\n\n" + THREADS)

REDIS_2 = redis_info(2206, used_mb=2100, maxmem_mb=8192, evicted=0, frag=1.04)
R("haiku", "ops", "databases", "plain", None,
  "Reading two fields from pasted INFO.",
  "From this INFO output, how many connected clients and what's the ops/sec?\n\n" + REDIS_2)
R("opus", "debug", "databases", "plain", None,
  "TB6: INFO looks healthy; periodic client timeouts need a theory (fork latency, THP, network, client pool) across components.",
  "Every 15 minutes or so our Java services log a burst of Redis timeouts (Lettuce, 500ms command timeout) for 1-2 seconds. Redis "
  "itself looks healthy, INFO below, no slowlog entries over 10ms. The bursts don't line up exactly with anything we know. RDB "
  "snapshots are enabled. Where's the time going?\n\n" + REDIS_2)

PROM_2 = prom_dump(2207, [
  ("go_goroutines", "Number of goroutines that currently exist.", "gauge", [{}], lambda r: "3114"),
  ("go_memstats_heap_inuse_bytes", "Number of bytes in in-use spans.", "gauge", [{}], lambda r: "2.61488640e+08"),
  ("go_memstats_sys_bytes", "Number of bytes obtained from system.", "gauge", [{}], lambda r: "4.11863512e+08"),
  ("process_resident_memory_bytes", "Resident memory size in bytes.", "gauge", [{}], lambda r: "2.398822400e+09"),
  ("process_open_fds", "Number of open file descriptors.", "gauge", [{}], lambda r: "6481"),
  ("http_client_open_connections", "Open upstream connections.", "gauge",
   [{"upstream": u} for u in ["inventory", "pricing", "fraud"]], lambda r: str(r.randint(40, 2200))),
  ("grpc_client_started_total", "Total number of RPCs started on the client.", "counter",
   [{"grpc_method": "Reserve", "grpc_service": "inventory.v1.Inventory", "grpc_type": "unary"}], lambda r: "88123311"),
  ("cgo_calls_total", "cgo calls", "counter", [{}], lambda r: "1412231")])
R("haiku", "ops", "systems", "terse", None,
  "Reading two values from a small metrics dump.",
  "rss and heap inuse in MB from this pls\n\n" + PROM_2)
R("opus", "debug", "systems", "follow-up", None,
  "TB6: follow-up on the RSS-vs-heap gap in a Go service with cgo; the numbers narrow it but still need a cross-layer theory.",
  "follow-up on the checkout-gateway RSS thing, here's a scrape at 2.4GB. heap is tiny compared to RSS, fds and goroutines are high. "
  "what's your theory now and what do I do to confirm it before the next load test?\n\n" + PROM_2)

PGLOG_S = pg_log(2208, 35, extra=[(12, "ERROR", "canceling statement due to conflict with recovery"),
                                   (12, "DETAIL", "User query might have needed to see row versions that must be removed."),
                                   (27, "ERROR", "canceling statement due to conflict with recovery"),
                                   (27, "DETAIL", "User query might have needed to see row versions that must be removed.")])
R("sonnet", "debug", "databases", "plain", None,
  "Log names the cause (replica query conflicts with recovery); known settings to address it.",
  "Reporting queries on our read replica keep getting cancelled. Log below. What are the options and their downsides?\n\n" + PGLOG_S)
R("haiku", "ops", "databases", "terse", None,
  "Counting error lines in a short log.",
  "how many times did it cancel\n\n" + PGLOG_S)

CI_LOG = "\n".join([
  "Run npm ci", "npm WARN deprecated inflight@1.0.6: This module is not supported, and leaks memory.",
  "npm WARN deprecated glob@7.2.3: Glob versions prior to v9 are no longer supported", "added 1184 packages, and audited 1185 packages in 41s",
  "Run npm run build", "> bff-web@4.18.0 build", "> tsc -p tsconfig.build.json", "",
  "src/routes/cart.ts(44,23): error TS2339: Property 'couponCode' does not exist on type 'CartDTO'.",
  "src/routes/cart.ts(51,9): error TS2322: Type 'string | undefined' is not assignable to type 'string'.",
  "  Type 'undefined' is not assignable to type 'string'.",
  "src/clients/pricing.ts(18,5): error TS2554: Expected 2 arguments, but got 1.", "",
  "Found 3 errors in 2 files.", "", "Errors  Files", "     2  src/routes/cart.ts:44", "     1  src/clients/pricing.ts:18",
  "Error: Process completed with exit code 2."])
R("haiku", "ops", "tooling", "terse", None,
  "Reading which files failed from a short CI log.",
  "which files have ts errors\n\n" + CI_LOG)
R("sonnet", "debug", "tooling", "plain", None,
  "Compiler errors with identifiable causes after a shared types bump.",
  "CI broke after we bumped @acme/contracts from 3.2 to 4.0. Log below. contracts 4.0 renamed couponCode to promoCode and made "
  "PricingClient take (sku, currency). Fix the three errors?\n\n" + CI_LOG)

# ---- more opus prose ----
R("opus", "debug", "web", "verbose", None,
  "TB6: a session-mixing bug across a cache key, CDN, and async context; security-sensitive, no lead.",
  "Last night two customers reported seeing someone else's name in the header of the account page. We can't reproduce it. The page "
  "is server-rendered by our Node BFF, there's a CDN in front that should not cache /account (Cache-Control: private), and the BFF "
  "uses AsyncLocalStorage to carry the user context into a shared HTTP client that talks to user-profile. We deployed a new "
  "version of the HTTP client wrapper two days ago. Where would a leak like this come from, and how do we prove it and make "
  "sure it can't happen again? This is obviously urgent.")

R("opus", "debug", "databases", "plain", None,
  "TB6: replication lag spikes with no lead, requiring a theory across WAL, vacuum, network, long transactions.",
  "Replication lag on our Postgres replica spikes to 5-10 minutes a few times a day and then catches up. Network between AZs is fine "
  "according to AWS. WAL generation rate doesn't look higher during the spikes. Replica CPU is low. What could cause this and how do "
  "I find out which?")

R("opus", "debug", "infrastructure", "plain", None,
  "TB6: CPU throttling with low average usage; analysis across CFS quota, GC threads and latency needed.",
  "Our Java pods show 30% average CPU usage but p99 latency is terrible and container_cpu_cfs_throttled_periods_total is climbing "
  "fast. Limit is 2 CPUs. Nodes have 16 cores. The team wants to just remove CPU limits everywhere. Explain what's going on and "
  "whether removing limits is the right call for the cluster as a whole.")

R("opus", "design", "databases", "plain", None,
  "Design with trade-offs: multi-tenant isolation strategy for Postgres.",
  "We're adding B2B customers who want their data isolated. Options: schema per tenant, database per tenant, or row-level "
  "security in shared tables. We have ~2,000 tenants expected, a few huge. What would you pick and what does it mean for "
  "migrations, connection pooling and noisy neighbours?")

R("opus", "plan", "data", "plain", None,
  "Large multi-step migration plan with data consistency risk.",
  "We're moving from self-managed Kafka 2.8 (ZooKeeper, 9 brokers, ~300 topics) to MSK. Plan the migration: MirrorMaker 2 vs "
  "dual-write, consumer offset translation, cutover order for producers and consumers, how to verify nothing was lost or duplicated, "
  "and a rollback plan.")

R("opus", "debug", "systems", "plain", "easy-words-hard",
  "TB6: a service that's fine alone but slow when co-located; noisy-neighbour theory needed.",
  "Our search-api is fast on some nodes and slow on others. Same pod spec. Slow nodes don't look busier. If we cordon the slow nodes "
  "the problem moves to other nodes a day later. What on earth?")

R("opus", "review", "data", "plain", None,
  "TB10: review of a distributed protocol (saga) for correctness.",
  "Review our checkout saga for failure cases we haven't handled:\n\n1. reserve stock (inventory-svc, sync HTTP)\n2. authorize payment "
  "(payments-svc, sync HTTP, calls PSP)\n3. create order row (orders DB)\n4. publish OrderPlaced (Kafka)\n5. capture payment "
  "(async, from OrderPlaced)\n\nCompensation: if 2 fails, release stock; if 3 fails, void auth and release stock. Steps 1-4 run in "
  "the checkout-api request handler. Retries: 3 attempts on each HTTP call with 1s timeout.")

R("opus", "design", "infrastructure", "plain", None,
  "Open design of a disaster recovery strategy with RPO/RTO trade-offs.",
  "We have no real DR. Everything is in eu-west-1. Management wants 'DR' by Q2. Given Postgres (RDS), Kafka (MSK), Redis "
  "(ElastiCache), S3 and EKS, propose a DR design for RPO 5 min / RTO 1 hour, what it costs roughly, and how we'd test it.")

R("opus", "debug", "web", "plain", None,
  "TB6: duplicate charges with no error logs; needs a theory across retries, timeouts, and idempotency.",
  "Customers are occasionally double-charged. The PSP shows two successful authorizations a few seconds apart with different "
  "references. Our logs show only one checkout request. We have retries in the HTTP client to the PSP. How do we figure out where "
  "the second authorization comes from?")

R("opus", "plan", "general", "verbose", None,
  "Multi-step plan across a codebase (observability/tracing rollout).",
  "We want distributed tracing across all our services. Java (Spring Boot 2 and 3), Go, Python (Django, FastAPI, Celery) and Node. "
  "Some use Kafka, some call each other over gRPC, and there's a legacy PHP app at the edge. Plan the rollout: what to "
  "instrument first, context propagation through Kafka and Celery, sampling strategy given our volume (~40k rps at peak), and how "
  "we keep costs sane.")

R("opus", "design", "security", "plain", None,
  "Security design: secrets handling and rotation across services; subtle mistakes are vulnerabilities.",
  "Our DB passwords haven't been rotated in 3 years and are in Kubernetes Secrets. Design a rotation scheme for ~30 services with "
  "Postgres and Redis credentials that doesn't need downtime and doesn't leave long-lived creds around. We have Vault available.")

R("opus", "debug", "systems", "terse", "short-hard",
  "TB3/TB6: a few words, a memory corruption heisenbug with no lead.",
  "cgo resize lib segfaults ~once a day, never same stack. go 1.21. where to start")

R("opus", "design", "data", "terse", "short-hard",
  "TB3: short, but designing ordered processing with parallelism.",
  "need per-key ordering but 10x more consumer parallelism than partitions. design?")

R("opus", "review", "security", "terse", "short-hard",
  "TB3/TB10: short ask for a threat model.",
  "threat model our internal admin panel pls, its behind vpn only")

R("opus", "debug", "databases", "terse", "short-hard",
  "TB3/TB6: few words, lost writes after failover.",
  "redis failover lost ~2s of writes. expected? how to prevent")

# ---- more haiku ----
R("haiku", "question", "infrastructure", "plain", None,
  "Short factual question.",
  "What does `kubectl drain --ignore-daemonsets --delete-emptydir-data` actually do with emptyDir volumes?")
R("haiku", "ops", "infrastructure", "terse", None,
  "One command.",
  "get all images running in the cluster, unique")
R("haiku", "question", "data", "terse", None,
  "Short factual answer.",
  "kafka retention.ms default")
R("haiku", "explain", "databases", "plain", None,
  "Explaining a common error message.",
  "What does `ERROR: current transaction is aborted, commands ignored until end of transaction block` mean?")
R("haiku", "edit", "web", "plain", None,
  "Mechanical edit: add a field to a struct tag.",
  "Add `omitempty` to all json tags in this struct:\n\n```go\ntype Order struct {\n\tID        string    `json:\"id\"`\n\tStatus    string    `json:\"status\"`\n"
  "\tCoupon    string    `json:\"coupon\"`\n\tShippedAt time.Time `json:\"shipped_at\"`\n\tNote      string    `json:\"note\"`\n}\n```")
R("haiku", "ops", "tooling", "typos", None,
  "One-liner.",
  "git cmd to see what changed in the last deploy tag vs previus tag, just file names")
R("haiku", "docs", "general", "terse", None,
  "A small text task.",
  "pr title + 2 line description: add startupProbe to fraud-scorer so model load doesn't trip liveness")
R("haiku", "question", "databases", "plain", None,
  "Short known answer.",
  "In Redis, what's the difference between EXPIRE and PEXPIRE?")
R("haiku", "ops", "databases", "terse", None,
  "One SQL query.",
  "sql: count orders per status from orders table created today")
R("haiku", "explain", "web", "plain", None,
  "Explaining a short snippet.",
  "What does `res.setHeader('Cache-Control', 'no-store, max-age=0')` do compared to `private`?")
# ---- batch 7: everyday sonnet work, follow-ups, more traps ----

R("sonnet", "implement", "web", "plain", None,
  "Implementing an idempotency-key mechanism with a clear spec.",
  "Add Idempotency-Key support to POST /api/v2/checkout/confirm in our Spring Boot app: store key + request hash + response in "
  "Postgres for 24h, return the stored response on a repeat with the same hash, 422 if the same key comes with a different body, "
  "409 if the first request is still in progress.")

R("sonnet", "test", "web", "follow-up", None,
  "TB8: 'add tests for that' is test-writing.",
  "write integration tests for the idempotency thing with testcontainers postgres, including two concurrent requests with the same key")

R("sonnet", "implement", "databases", "plain", None,
  "A migration with known steps (add column, backfill in batches, constraint NOT VALID then VALIDATE).",
  "Write the migration to add a NOT NULL `currency` column to orders (80M rows) defaulting existing rows to 'EUR', without locking "
  "the table for long. Postgres 15, we use Flyway. Split into as many migrations as needed and explain the order.")

R("sonnet", "debug", "databases", "plain", None,
  "Error message names the cause: Flyway checksum mismatch after editing an applied migration.",
  "Deploy failing on startup:\n\n```\norg.flywaydb.core.api.exception.FlywayValidateException: Validate failed: Migrations have failed validation\n"
  "Migration checksum mismatch for migration version 2026.11.14.1\n-> Applied to database : 1820331847\n-> Resolved locally    : -992113004\n"
  "Either revert the changes to the migration, or run repair to update the schema history.\n```\n\nsomeone fixed a typo in a comment in that migration file. what's the safe fix?")

R("sonnet", "ops", "infrastructure", "plain", None,
  "CI/CD configuration with known steps.",
  "Write a GitLab CI pipeline for our Go service: lint (golangci-lint), test with race detector and a Postgres service container, "
  "build a distroless image with ko, push to ECR on main only, then bump the image tag in the gitops repo via a merge request.")

R("sonnet", "ops", "infrastructure", "plain", None,
  "Writing a Dockerfile with known best practices.",
  "Write a multi-stage Dockerfile for our FastAPI service: poetry for deps, non-root user, uvicorn with 4 workers, healthcheck, and "
  "keep the image under 200MB. Python 3.12.")

R("sonnet", "debug", "infrastructure", "terse", None,
  "Error with identifiable cause (exec format error: arch mismatch).",
  "pod crashes instantly: `exec /app/server: exec format error`. built on my m2 mac, pushed with docker push. nodes are x86")

R("sonnet", "refactor", "systems", "plain", None,
  "Refactoring a module with a clear goal.",
  "This Go handler does validation, DB access and Kafka publishing inline in 180 lines. Split it into a service layer with an "
  "interface for the repo and the publisher so we can unit test it. I'll paste the file after you tell me the structure you'd use.")

R("sonnet", "refactor", "systems", "follow-up", None,
  "TB8: 'ok continue' points back; everyday tier.",
  "ok continue")

R("sonnet", "implement", "systems", "plain", None,
  "A clear feature: structured logging with request ids in Go.",
  "Add request-scoped structured logging to our Go service using log/slog: a middleware that takes X-Request-Id (or generates one), "
  "puts a logger with request_id and route into the context, and a helper to get it back in handlers. JSON output in prod, text locally.")

R("sonnet", "explain", "web", "plain", None,
  "TB7: subtle async ordering in Node; standard sonnet explanation.",
  "Why does this log 'done' before the writes finish, and how do I fix it?\n\n```js\nasync function flush(batch) {\n"
  "  batch.forEach(async (evt) => {\n    await db.insert('events', evt);\n  });\n  console.log('done');\n}\n```")

R("sonnet", "explain", "systems", "plain", None,
  "TB7: why a Java integer overflow produces negative sizes; subtle but standard.",
  "Why does this return a negative number for big files and how should it be written?\n\n```java\nint totalBytes = chunks * chunkSize; // chunks=5000, chunkSize=1_048_576\n```")

R("sonnet", "explain", "web", "plain", None,
  "TB7: explaining a non-trivial module (a circuit breaker implementation).",
  "Walk me through what this circuit breaker does in each state and when it transitions. The team that wrote it left.\n\n```python\n"
  "class Breaker:\n    def __init__(self, fail_max=5, reset_s=30, half_open_max=2):\n        self.state, self.fails, self.opened_at, self.trials = 'closed', 0, 0.0, 0\n"
  "        self.fail_max, self.reset_s, self.half_open_max = fail_max, reset_s, half_open_max\n\n    def allow(self):\n"
  "        if self.state == 'open':\n            if time.monotonic() - self.opened_at >= self.reset_s:\n                self.state, self.trials = 'half_open', 0\n"
  "            else:\n                return False\n        if self.state == 'half_open':\n            if self.trials >= self.half_open_max:\n                return False\n"
  "            self.trials += 1\n        return True\n\n    def record(self, ok):\n        if ok:\n            if self.state == 'half_open':\n"
  "                self.state = 'closed'\n            self.fails = 0\n            return\n        self.fails += 1\n"
  "        if self.state == 'half_open' or self.fails >= self.fail_max:\n            self.state, self.opened_at = 'open', time.monotonic()\n```")

R("opus", "review", "systems", "follow-up", None,
  "TB10: follow-up asks whether the breaker is safe under concurrency (asyncio + threads): concurrency review is opus.",
  "we call allow()/record() from a threadpool and from asyncio tasks at the same time. is it safe? what breaks under concurrency and how would you fix it without making it a bottleneck")

R("sonnet", "debug", "web", "plain", None,
  "The error points at the cause: SQLAlchemy session used across threads/detached instance.",
  "Celery task sometimes fails with:\n\n"
  + py_trace([("/app/worker/tasks.py", 57, "sync_prices", "for p in product.prices:"),
              ("/app/.venv/lib/python3.11/site-packages/sqlalchemy/orm/attributes.py", 566, "__get__", "return self.impl.get(state, dict_)"),
              ("/app/.venv/lib/python3.11/site-packages/sqlalchemy/orm/strategies.py", 862, "_load_for_state", "raise orm_exc.DetachedInstanceError(")],
             "sqlalchemy.orm.exc.DetachedInstanceError: Parent instance <Product at 0x7f1a2c3b9d90> is not bound to a Session; lazy load operation of attribute 'prices' cannot proceed")
  + "\n\nthe product is loaded in the API request and passed to the task with `.delay(product)` (pickle serializer)")

R("sonnet", "debug", "web", "plain", None,
  "The config and error point at a known gunicorn worker timeout cause.",
  "Gunicorn keeps killing workers:\n\n```\n[2026-11-18 03:41:12 +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:88)\n[2026-11-18 03:41:12 +0000] [88] [INFO] Worker exiting (pid: 88)\n"
  "[2026-11-18 03:41:13 +0000] [1] [ERROR] Worker (pid:88) was sent SIGKILL! Perhaps out of memory?\n[2026-11-18 03:41:13 +0000] [97] [INFO] Booting worker with pid: 97\n```\n\n"
  "sync workers, timeout 30, the export endpoint can take 60-90s to build a spreadsheet. what are my options")

R("sonnet", "ops", "infrastructure", "plain", None,
  "Writing an ingress configuration from a clear spec.",
  "Write an ingress-nginx Ingress for api.acme.io: TLS via cert-manager (issuer letsencrypt-prod), /v2 to checkout-api:8080, /v1 "
  "to legacy-api:80, 10MB body limit, 60s proxy read timeout only for /v2/exports, and rate limiting of 20 rps per IP.")

R("sonnet", "debug", "infrastructure", "plain", None,
  "The ingress error names the cause (upstream sent too big header); known buffer setting.",
  "Some logged-in users get 502 on every page, others are fine. ingress-nginx error log:\n\n"
  "2026/11/18 03:50:22 [error] 812#812: *4412312 upstream sent too big header while reading response header from upstream, client: "
  "81.22.190.4, server: shop.acme.io, request: \"GET /account HTTP/2.0\", upstream: \"http://10.42.3.17:3000/account\", host: \"shop.acme.io\"\n\n"
  "the affected users seem to be the ones with a lot of A/B test cookies")

R("sonnet", "implement", "data", "plain", None,
  "Implementing a consumer with a clear spec in Go.",
  "Write a Kafka consumer in Go (franz-go) for orders.v1 that batches records up to 500 or 1s, writes them to ClickHouse with one "
  "INSERT per batch, and commits offsets only after the insert succeeds. Handle SIGTERM cleanly.")

R("sonnet", "debug", "data", "plain", None,
  "The error message identifies the cause (schema registry compatibility check failed).",
  "Producer deploy failed:\n\n```\nio.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException: Schema being registered is incompatible with an earlier schema for subject \"orders.v1-value\", "
  "details: [{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'channel' at path '/fields/12' in the new schema has no default value and is missing in the old schema'}]; error code: 409\n```\n\n"
  "we added `channel` as a required string. subject compatibility is BACKWARD. fix?")

R("sonnet", "ops", "data", "plain", None,
  "Known procedure with several steps (increase replication factor via reassignment).",
  "Some old topics have replication factor 1 (found out when a broker died). Give me the steps to move them to RF 3 with "
  "kafka-reassign-partitions, including generating the JSON, throttling, and verifying.")

R("sonnet", "review", "databases", "plain", None,
  "TB10: reviewing a migration diff for correctness.",
  "Review this migration before I run it on prod:\n\n```sql\nBEGIN;\nALTER TABLE order_events ADD COLUMN tenant_id bigint;\n"
  "UPDATE order_events e SET tenant_id = o.tenant_id FROM orders o WHERE o.id = e.order_id;\nALTER TABLE order_events ALTER COLUMN tenant_id SET NOT NULL;\n"
  "CREATE INDEX order_events_tenant_idx ON order_events (tenant_id, created_at);\nCOMMIT;\n```\n\norder_events is 600M rows.")

R("sonnet", "debug", "web", "typos", None,
  "Error with identifiable cause (JWT clock skew / nbf).",
  "jwt verify fails with 'jwt not active' only for some requests right after login, then works few sec later. tokens issued by auth-gateway, verified in cart-svc. jsonwebtoken lib")

R("sonnet", "implement", "tooling", "plain", None,
  "A script with clear spec.",
  "Write a small Go CLI for on-call that takes a trace id and queries Loki for all log lines with that trace_id across namespaces "
  "in the last hour, sorts by time, and prints them as `ts service level msg`. Loki URL from env.")

R("sonnet", "docs", "infrastructure", "plain", None,
  "Writing documentation for an existing setup: several sections, routine.",
  "Write the README section for our 'how to do a Postgres failover drill' procedure: prerequisites, announcing it, the patronictl "
  "switchover steps, what to watch on dashboards, how to verify apps reconnected, and rollback.")

R("sonnet", "test", "data", "plain", None,
  "Writing tests for existing code.",
  "Write tests for our Kafka message deduplicator (Python): it keeps the last 10k message ids per partition in an LRU and drops "
  "repeats. Cover eviction, per-partition isolation, and what happens after a rebalance (it's cleared on revoke).")

R("sonnet", "debug", "systems", "plain", None,
  "The pprof output points at the hot function (regex compiled per call); known fix.",
  "CPU profile of our Go log-router (top 8):\n\n```\nShowing nodes accounting for 7.81s, 86.2% of 9.06s total\n      flat  flat%   sum%        cum   cum%\n"
  "     2.14s 23.62% 23.62%      5.92s 65.34%  regexp.compile\n     1.02s 11.26% 34.88%      1.02s 11.26%  runtime.mallocgc\n"
  "     0.88s  9.71% 44.59%      0.88s  9.71%  regexp/syntax.(*parser).push\n     0.71s  7.84% 52.43%      6.40s 70.64%  github.com/acme/logrouter/internal/route.(*Rule).Match\n"
  "     0.55s  6.07% 58.50%      0.55s  6.07%  runtime.memmove\n     0.41s  4.53% 63.02%      0.41s  4.53%  regexp.(*Regexp).doOnePass\n"
  "     0.30s  3.31% 66.34%      0.30s  3.31%  runtime.scanobject\n     0.22s  2.43% 68.76%      0.22s  2.43%  syscall.Syscall\n```\n\nwhy is compile even there?")

R("opus", "debug", "systems", "plain", None,
  "TB6: a profile that looks flat while latency is bad; needs analysis of off-CPU time, scheduling and contention.",
  "Latency on the log-router doubled after we moved to bigger nodes (8 -> 32 cores), but CPU profiles look the same and flat, "
  "nothing stands out. GOMAXPROCS isn't set. Throughput is the same. What might be happening and what kind of profiling would show it?")

R("sonnet", "debug", "web", "plain", None,
  "A failing test with a clear assertion diff pointing at float money handling.",
  "Test failing after refactor:\n\n```\nFAILED tests/test_pricing.py::test_vat_rounding - AssertionError: assert 11.899999999999999 == 11.9\n"
  " +  where 11.899999999999999 = gross(10.0, Decimal('0.19'))\n```\n\n```python\ndef gross(net, rate):\n    return float(net) * (1 + float(rate))\n```\n\nhow should this be written for money")

R("sonnet", "debug", "mobile", "plain", None,
  "Error with an identifiable cause on the API side (a breaking response change for old app versions).",
  "After yesterday's API release, Android app versions below 5.12 crash on the order history screen. Crashlytics: "
  "`com.squareup.moshi.JsonDataException: Expected a string but was NULL at path $.items[3].tracking_url`. We made tracking_url "
  "nullable for click-and-collect orders. How do we fix this for old clients without reverting?")

R("sonnet", "implement", "mobile", "follow-up", None,
  "TB8: follow-up naming concrete work (a version-gated serializer).",
  "ok do the version-gated response then, app sends X-App-Version: 5.11.3 style header, spring boot")

# ---- more traps ----
R("haiku", "explain", "systems", "plain", "hard-words-easy",
  "Scary words (kernel panic, RCU stall) but the ask is what an acronym stands for.",
  "The node log says 'rcu: INFO: rcu_sched detected stalls on CPUs/tasks' right before it went NotReady. What does RCU stand for?")

R("haiku", "ops", "security", "terse", "hard-words-easy",
  "Security-incident words, but a one-line command.",
  "possible breach, need to list all IAM access keys for user ci-deployer with last used date. cli cmd")

R("haiku", "edit", "data", "plain", "hard-words-easy",
  "Distributed-transactions words but the work is renaming a field in a small JSON.",
  "Rename `txn_coordinator_epoch` to `coordinator_epoch` in this event sample for the docs:\n\n"
  "{\"order_id\": \"o_8812331\", \"txn_coordinator_epoch\": 41, \"producer_id\": 90211, \"state\": \"PREPARE_COMMIT\"}")

R("haiku", "question", "databases", "terse", "hard-words-easy",
  "MVCC/wraparound vocabulary but a single catalog query.",
  "txid wraparound panic. query to see age(datfrozenxid) per db?")

R("haiku", "docs", "general", "plain", "hard-words-easy",
  "Heavy incident vocabulary, trivial text edit.",
  "Fix the grammar in this sentence for the postmortem: 'Due to split-brain the both nodes was accepting writes during 40 seconds and the fencing were not working.'")

R("opus", "design", "web", "plain", "easy-words-hard",
  "Plain words but designing consistent cross-service cancellation semantics.",
  "When a user cancels an order, five services need to know and some have already started doing things. How should cancel work so everything ends up in the right state?")

R("opus", "debug", "web", "plain", "easy-words-hard",
  "TB6: plain words; intermittent wrong results with no lead.",
  "Every now and then the price shown in the cart is different from what we charge. Not by much. We can't find a pattern. Help?")

R("opus", "plan", "infrastructure", "plain", "easy-words-hard",
  "TB6: plain words; a rollout plan across all services.",
  "Plan how to introduce feature flags across our services so we can stop doing risky big-bang releases.")

R("opus", "design", "databases", "terse", "short-hard",
  "TB3: terse but a hard storage/consistency design.",
  "global unique order numbers, sequential per shop, 3 regions. how")

R("opus", "debug", "infrastructure", "terse", "short-hard",
  "TB3/TB6: terse, intermittent failure across layers with no lead.",
  "tcp timeouts only from pods on spot nodes. wtf")

R("opus", "design", "systems", "terse", "short-hard",
  "TB3: terse request for a backpressure design across a pipeline.",
  "backpressure from clickhouse all the way to the http ingest api, design it")

R("haiku", "ops", "tooling", "plain", "long-trivial",
  "TB5: extracting unique pod names from a long JSON log.",
  "List the distinct pod names that appear in this log.\n\n" + "\n".join(CHK_LOG.splitlines()[:120]))

# ---- more plain sonnet/opus ----
R("sonnet", "ops", "databases", "plain", None,
  "A known procedure with care: point-in-time restore to a new instance and extract rows.",
  "Someone ran a DELETE without WHERE on the coupons table at 10:14 (RDS Postgres). We need those rows back without rolling back "
  "the whole DB. Walk me through PITR to a new instance and copying just that table's rows back safely.")

R("sonnet", "debug", "web", "plain", None,
  "Identifiable cause from the description (Node keep-alive vs ALB idle timeout causing resets) with a known fix.",
  "Our Node service behind an AWS ALB returns sporadic 502s. ALB access logs show `elb_status_code=502 target_status_code=-` and "
  "error reason `Target closed connection`. Node 20, default server.keepAliveTimeout, ALB idle timeout 60s. Fix?")

R("opus", "debug", "web", "plain", None,
  "TB6: same symptom but the known fix didn't help; now needs deeper multi-component theory.",
  "We set keepAliveTimeout to 65s and headersTimeout to 66s as suggested, the 502s dropped by half but didn't go away. They cluster "
  "around deploys and around autoscaling events, but also happen at random quiet times. ALB, EKS, IP targets, Node 20 behind "
  "a tiny envoy sidecar for mTLS. What now?")

R("sonnet", "implement", "web", "plain", None,
  "Implementing a feature with clear spec: graceful shutdown for a Node server with connection draining.",
  "Implement graceful shutdown for our Express server: on SIGTERM flip /ready to 503, wait 10s, stop accepting, close idle "
  "keep-alive connections, wait up to 15s for in-flight requests, close the pg pool and the Kafka producer, then exit 0.")

R("sonnet", "ops", "infrastructure", "plain", None,
  "Setting up a known tool configuration.",
  "Set up Vertical Pod Autoscaler in recommendation-only mode for all deployments in the prod namespace and give me a kubectl "
  "one-liner or small script to dump recommendations vs current requests as a table.")

R("haiku", "question", "infrastructure", "plain", None,
  "Short factual answer.",
  "Can VPA and HPA on CPU be used on the same deployment?")

R("sonnet", "debug", "databases", "plain", None,
  "Error with identifiable cause (Redis cluster CROSSSLOT on multi-key op).",
  "After moving to Redis Cluster our Lua script fails with `CROSSSLOT Keys in request don't hash to the same slot`. It touches "
  "`cart:{uid}` and `cart_items:{uid}` ... wait no, it's `cart:123` and `cart_items:123`. How do I fix it without changing semantics?")

R("sonnet", "implement", "databases", "plain", None,
  "Implementing a known Redis pattern (sliding-window counter in Lua) with a clear spec.",
  "Write a Redis Lua script for a sliding-window rate limit using a sorted set: key, window ms, limit, now ms, request id; returns "
  "allowed (0/1) and remaining. Plus the Go code to call it with go-redis v9 using EVALSHA with fallback.")

R("opus", "review", "databases", "follow-up", None,
  "TB10: follow-up asks for correctness under Redis Cluster failover/clock skew: distributed review is opus.",
  "is that script actually correct across a redis cluster failover and with pod clocks drifting by up to a second? we bill on top of these counts")
# ---- batch 8: opus with pasted symptoms, final sonnet/haiku ----

def latency_table(seed, pods, hours):
    rng = random.Random(seed)
    rows = ["time (UTC)  " + "  ".join(p[-11:].rjust(11) for p in pods)]
    for h in range(hours):
        t = BASE.replace(minute=0, second=0) + timedelta(minutes=30 * h)
        vals = []
        for i, p in enumerate(pods):
            slow = (i in (1, 4)) and h > hours // 3
            v = rng.uniform(380, 520) if slow else rng.uniform(31, 55)
            vals.append(f"{v:9.1f}ms")
        rows.append(t.strftime("%m-%d %H:%M") + " " + "  ".join(v.rjust(11) for v in vals))
    return "\n".join(rows)
LAT = latency_table(2301, [f"orders-api-7c9f8d6b5d-{s}" for s in ["x2kqp", "m8wzt", "h4rtk", "q9vnb", "z7lcd", "p2sxw"]], 30)
R("haiku", "ops", "systems", "terse", None,
  "Reading which columns are high in a small table.",
  "which pods are the slow ones\n\n" + LAT)
R("opus", "debug", "systems", "plain", None,
  "TB6: the table shows the symptom (two pods degrade after hours) but not the cause; needs a cross-layer theory.",
  "This is p99 per pod from the last 15 hours (the Java uptime-related slowdown I described before). Two pods went bad around "
  "07:30 and stayed bad, the rest are fine. They were restarted at the same time as the others. What does this pattern tell you, "
  "and what would you capture from a slow pod vs a fast pod right now to pin it down?\n\n" + LAT)

PGSA = "\n".join([" pid   | usename    | state                | wait_event_type | wait_event     | xact_age  | query_age | query",
                  "-------+------------+----------------------+-----------------+----------------+-----------+-----------+------------------------------------------"] + [
  f" {41000 + i * 37:5d} | {u:<10} | {st:<20} | {wt:<15} | {we:<14} | {xa:<9} | {qa:<9} | {q}"
  for i, (u, st, wt, we, xa, qa, q) in enumerate([
    ("orders_app", "idle in transaction", "Client", "ClientRead", "00:14:22", "00:14:21", "SELECT id FROM orders WHERE id = $1 FOR UPDATE"),
    ("orders_app", "active", "Lock", "transactionid", "00:06:10", "00:06:10", "UPDATE orders SET status = $1 WHERE id = $2"),
    ("orders_app", "active", "Lock", "transactionid", "00:05:58", "00:05:58", "UPDATE orders SET status = $1 WHERE id = $2"),
    ("billing_app", "active", "Lock", "tuple", "00:05:40", "00:05:40", "UPDATE orders SET invoiced_at = now() WHERE id = $1"),
    ("orders_app", "active", "Lock", "tuple", "00:04:12", "00:04:12", "UPDATE orders SET status = $1 WHERE id = $2"),
    ("airflow", "active", "IO", "DataFileRead", "00:31:02", "00:31:02", "SELECT customer_id, sum(total_cents) FROM orders GROUP BY 1"),
    ("orders_app", "idle", "Client", "ClientRead", "", "00:00:01", "COMMIT"),
    ("orders_app", "idle", "Client", "ClientRead", "", "00:00:02", "SELECT 1"),
    ("reporting_ro", "active", "", "", "00:00:03", "00:00:03", "SELECT count(*) FROM order_events WHERE created_at > now() - interval '1 hour'"),
    ("orders_app", "active", "Lock", "transactionid", "00:03:01", "00:03:01", "UPDATE orders SET status = $1 WHERE id = $2"),
    ("orders_app", "active", "Lock", "transactionid", "00:02:44", "00:02:44", "UPDATE orders SET status = $1 WHERE id = $2"),
    ("billing_app", "idle", "Client", "ClientRead", "", "00:00:09", "COMMIT"),
    ("orders_app", "active", "Lock", "transactionid", "00:01:12", "00:01:12", "UPDATE orders SET status = $1 WHERE id = $2"),
    ("orders_app", "active", "Lock", "transactionid", "00:00:40", "00:00:40", "UPDATE orders SET status = $1 WHERE id = $2"),
    ("orders_app", "active", "Lock", "transactionid", "00:00:12", "00:00:12", "UPDATE orders SET status = $1 WHERE id = $2"),
    ("postgres", "active", "", "", "00:00:00", "00:00:00", "SELECT pid, usename, state, ... FROM pg_stat_activity")])])
R("sonnet", "debug", "databases", "plain", None,
  "pg_stat_activity shows the cause: a session idle in transaction holding a row lock; everyday remediation.",
  "Order status updates are piling up and timing out. Snapshot of pg_stat_activity below. What's the culprit and what do I do "
  "right now and long term?\n\n" + PGSA)
R("haiku", "ops", "databases", "terse", None,
  "Reading one row: the oldest transaction's pid.",
  "pid of the oldest transaction?\n\n" + PGSA)

NODES = "\n".join(["NAME                                          CPU(cores)   CPU%   MEMORY(bytes)   MEMORY%"] + [
  f"ip-10-20-{a}-{b}.eu-west-1.compute.internal".ljust(46) + f"{c}m".ljust(13) + f"{p}%".ljust(7) + f"{m}Mi".ljust(16) + f"{mp}%"
  for a, b, c, p, m, mp in [(11, 42, 3120, 39, 21990, 71), (11, 87, 2901, 36, 23012, 74), (12, 9, 7710, 96, 18211, 58),
                            (23, 140, 2811, 35, 20011, 64), (23, 18, 2402, 30, 24431, 79), (34, 201, 7905, 98, 17022, 55),
                            (34, 66, 3321, 41, 22903, 74), (45, 12, 2988, 37, 21311, 69), (45, 190, 3102, 38, 19987, 64),
                            (56, 77, 7650, 95, 16400, 53)]])
R("haiku", "ops", "infrastructure", "terse", None,
  "Reading the hottest nodes from a small table.",
  "which nodes are above 90% cpu\n\n" + NODES)
R("opus", "debug", "infrastructure", "plain", None,
  "TB6: three nodes pegged while pods are spread evenly; needs a theory (noisy pods, daemonsets, kernel, interrupts) without a lead.",
  "Three nodes (one per AZ) are pegged at ~95% CPU while the rest sit at 35%, kubectl top below. The pods on them aren't using "
  "more CPU than their siblings on other nodes according to kubectl top pods, and the hot nodes change every few days. What's "
  "eating the CPU and how do I find it?\n\n" + NODES)

WORKER_LOG = json_log(2302, 40, "payments-worker", [
    (50, "info", lambda r: f"capture ok order_id=o_{r.randint(10**6, 10**7)} psp=adyen latency_ms={r.randint(120, 900)}"),
    (20, "info", lambda r: f"lease renewed job_id=j_{r.randint(10**5, 10**6)} lease_until=+30s"),
    (8, "warn", lambda r: f"lease lost job_id=j_{r.randint(10**5, 10**6)}, another worker holds it"),
    (6, "warn", lambda r: f"lease renewal took {r.randint(2, 14)}s (pause?)"),
    (4, "info", lambda r: f"capture skipped, already captured order_id=o_{r.randint(10**6, 10**7)}")])
R("opus", "debug", "data", "plain", None,
  "TB6: lease loss with long renewal pauses and double work; needs reasoning about leases, clocks and GC pauses (fencing).",
  "Our payments-worker uses a Postgres-row lease (30s) so only one worker captures a given order. We still see duplicate "
  "captures every few days. Logs from one worker around one of them below. I don't understand how the lease can be lost and "
  "the capture still go through. What's the flaw and what's the proper design?\n\n" + WORKER_LOG)
R("haiku", "ops", "data", "typos", None,
  "Counting warn lines in a short log.",
  "how many lease lost warnigs\n\n" + WORKER_LOG)

R("opus", "design", "systems", "verbose", None,
  "Open design: choose between architectures for a high-throughput ledger with strong consistency.",
  "We're building a new wallet/ledger service: ~5k transfers per second at peak, strict no-overdraft guarantee per account, a "
  "few very hot accounts (marketplace settlement accounts get thousands of credits a second), auditability, and we need read "
  "balances in under 10ms. Postgres is the default here. Compare a single Postgres with row locks, per-account event sourcing "
  "with snapshots, and a sharded approach, and tell me how you'd handle the hot accounts in each.")

R("opus", "review", "databases", "plain", None,
  "TB10: reviewing concurrent DB code for a race (balance check then update) is opus.",
  "Is this transfer safe under concurrent requests? Postgres READ COMMITTED.\n\n```python\ndef transfer(conn, src, dst, amount):\n"
  "    with conn.transaction():\n        bal = conn.execute('SELECT balance FROM accounts WHERE id=%s', (src,)).fetchone()[0]\n"
  "        if bal < amount:\n            raise InsufficientFunds()\n        conn.execute('UPDATE accounts SET balance = balance - %s WHERE id=%s', (amount, src))\n"
  "        conn.execute('UPDATE accounts SET balance = balance + %s WHERE id=%s', (amount, dst))\n        conn.execute('INSERT INTO ledger(src, dst, amount) VALUES (%s,%s,%s)', (src, dst, amount))\n```")

R("opus", "debug", "databases", "verbose", None,
  "TB6: sequence gaps and ordering in a CDC pipeline; needs reasoning about commit order vs sequence order.",
  "Our CDC consumer reads order rows and assumes ids increase over time so it keeps a 'last id processed' watermark. Every so "
  "often a row is just never picked up. It's in the table, it's in the WAL, Debezium emitted it, but our downstream never "
  "processed it. Happens more under load. No errors. I think it's something about concurrent transactions but can't put my finger on it.")

R("opus", "design", "infrastructure", "plain", None,
  "Design with trade-offs: multi-cluster Kubernetes strategy.",
  "We're at 1 EKS cluster with ~900 pods and every upgrade is scary. Should we split into multiple clusters (per env, per team, per "
  "tier)? What are the trade-offs for networking, service discovery, deployments, and on-call, and what would you recommend for a "
  "60-engineer company?")

R("opus", "plan", "databases", "plain", None,
  "Large migration plan with high stakes: major Postgres version upgrade with minimal downtime.",
  "Plan our Postgres 11 -> 16 upgrade for a 3TB primary with logical replication consumers (Debezium) and 2 physical replicas. "
  "We can afford at most 5 minutes of write downtime. Compare pg_upgrade --link vs logical replication to a new cluster and give "
  "the step-by-step for the one you choose, including how Debezium survives it.")

R("opus", "debug", "web", "plain", None,
  "TB6: cache stampede suspected but unclear; needs theory about TTL alignment, load and DB behaviour.",
  "Every day at roughly the same minutes past the hour our product pages get slow for 20-30 seconds and the DB CPU spikes to 100%. "
  "We cache product data in Redis with a 1 hour TTL, populated on miss. Traffic is smooth. Nothing in cron. What's happening "
  "and how would you design the caching so it stops?")

R("opus", "design", "security", "plain", None,
  "Security design: service-to-service auth across the fleet.",
  "Right now any pod in the cluster can call any internal API with no auth. Design service-to-service authentication and "
  "authorization for ~40 services (mTLS via mesh, JWTs, SPIFFE, or something else), including how to roll it out without breaking "
  "traffic, and what to do about Kafka consumers.")

R("opus", "debug", "systems", "plain", "easy-words-hard",
  "TB6: plain words; a process that sometimes never exits, no lead.",
  "Sometimes on deploy one of the old pods just never shuts down and gets SIGKILLed after 30s. Not always the same service. How do I find out what it's waiting on?")

R("opus", "debug", "data", "terse", "short-hard",
  "TB3/TB6: terse but exactly-once failure in a stream processor.",
  "flink job after restore from savepoint double counts ~0.1%. why")

R("opus", "plan", "general", "terse", "short-hard",
  "TB3: a few words asking for a fleet-wide migration plan.",
  "move 40 services from java 11 to 21. plan it")

R("opus", "design", "web", "plain", None,
  "Open design for a webhook delivery system with retries, ordering and security.",
  "Design the outbound webhook system for our merchants: at-least-once delivery, per-merchant ordering where possible, retries "
  "with backoff over 3 days, signing, a way to replay, and protection so one slow merchant can't delay everyone else.")

R("opus", "debug", "infrastructure", "other-language", "easy-words-hard",
  "TB6/TB9: intermittent timeouts between services with no lead.",
  "De vez en cuando, llamadas entre dos servicios en el mismo clúster tardan exactamente 5 segundos más de lo normal. No siempre, "
  "quizá una de cada mil. ¿Qué puede ser y cómo lo demuestro?", language="es")

R("opus", "review", "systems", "other-language", None,
  "TB9/TB10: reviewing concurrent code for correctness.",
  "Проверь, пожалуйста, этот код на гонки. Это кэш с ленивой загрузкой, вызывается из сотен горутин:\n\n```go\nfunc (c *Cache) Get(k string) (*Val, error) {\n"
  "\tc.mu.RLock()\n\tv, ok := c.m[k]\n\tc.mu.RUnlock()\n\tif ok {\n\t\treturn v, nil\n\t}\n\tv, err := c.load(k)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n"
  "\tc.mu.Lock()\n\tc.m[k] = v\n\tc.mu.Unlock()\n\treturn v, nil\n}\n```\n\nload ходит в БД и занимает ~200мс. Под нагрузкой БД падает.", language="ru")

# ---- final sonnet ----
R("sonnet", "implement", "systems", "follow-up", None,
  "TB8: follow-up asking for concrete implementation (singleflight) of a known fix.",
  "ok rewrite it with singleflight then, and keep the error from being cached")

R("sonnet", "debug", "databases", "plain", None,
  "The log shows an identifiable cause: autovacuum blocked by a long-running transaction.",
  "Table bloat keeps growing on order_events and autovacuum log says:\n\n"
  "2026-11-18 04:01:12.311 UTC [88121] LOG:  automatic vacuum of table \"shop.public.order_events\": index scans: 0\n"
  "\tpages: 0 removed, 5488123 remain, 412233 scanned (7.51% of total)\n\ttuples: 0 removed, 88122331 remain, 14211992 are dead but not yet removable, oldest xmin: 912233118\n"
  "\tremovable cutoff: 912233118, which was 18233112 XIDs old when operation ended\n\nwhat's stopping it?")

R("sonnet", "ops", "databases", "follow-up", None,
  "TB8: follow-up asking for concrete queries (find the xmin holder).",
  "give me the queries to find what's holding that xmin, replication slots and prepared xacts included")

R("sonnet", "implement", "web", "plain", None,
  "Clear spec: add OpenTelemetry tracing to a FastAPI service.",
  "Add OpenTelemetry tracing to our FastAPI app: auto-instrument FastAPI, httpx and SQLAlchemy, export OTLP gRPC to "
  "otel-collector:4317, service name from env, and propagate trace context into the Celery tasks we enqueue.")

R("sonnet", "test", "web", "plain", None,
  "Writing tests for existing code.",
  "Write pytest tests for our `parse_ingress_line()` function (regex-based parser for ingress-nginx lines). Cover a normal line, a "
  "line with '-' upstream (no upstream), multiple upstreams 'a:8080, b:8080', and a line with quotes inside the user agent.")

R("sonnet", "review", "infrastructure", "plain", None,
  "TB10: reviewing a Kubernetes manifest diff for correctness.",
  "Review this deployment change:\n\n```diff\n   replicas: 3\n+  strategy:\n+    rollingUpdate:\n+      maxUnavailable: 0\n+      maxSurge: 1\n"
  "   template:\n     spec:\n+      terminationGracePeriodSeconds: 10\n       containers:\n         - name: api\n"
  "           resources:\n-            requests: {cpu: 500m, memory: 512Mi}\n+            requests: {cpu: 100m, memory: 128Mi}\n"
  "             limits: {memory: 1Gi}\n+          lifecycle:\n+            preStop:\n+              exec: {command: [\"sleep\", \"15\"]}\n```")

R("sonnet", "debug", "web", "plain", None,
  "The error message identifies the cause (TLS handshake failing due to missing intermediate / SNI).",
  "Go service calling the new carrier API fails: `x509: certificate signed by unknown authority`. curl from my laptop works. "
  "The image is distroless/static. Fix?")

R("sonnet", "refactor", "web", "plain", None,
  "Refactoring a function with a clear target (callbacks to async/await).",
  "Convert this to async/await and keep the error handling the same:\n\n```js\nfunction loadCart(id, cb) {\n  redis.get(`cart:${id}`, (err, raw) => {\n"
  "    if (err) return cb(err);\n    if (raw) return cb(null, JSON.parse(raw));\n    db.query('SELECT * FROM carts WHERE id=$1', [id], (err, res) => {\n"
  "      if (err) return cb(err);\n      const cart = res.rows[0] || null;\n      redis.setex(`cart:${id}`, 300, JSON.stringify(cart), () => cb(null, cart));\n"
  "    });\n  });\n}\n```")

R("sonnet", "ops", "infrastructure", "plain", None,
  "Known configuration work: Alertmanager routing.",
  "Write the Alertmanager routing config: severity=page goes to PagerDuty (key per team via team label), severity=ticket goes to "
  "the team's Slack channel, group by alertname+namespace, 5m group_interval, and silence everything from the staging cluster at night.")

R("sonnet", "debug", "infrastructure", "typos", None,
  "The error names the cause (HPA can't get metrics: metrics-server / missing requests).",
  "hpa shows <unknown>/70% and never scales. describe says `failed to get cpu utilization: missing request for cpu in container sidecar`. we added an envoy sidecar last week")

R("sonnet", "explain", "databases", "plain", None,
  "TB7: explaining a non-trivial query plan behaviour (why an index isn't used with OR / low selectivity).",
  "Why doesn't Postgres use my index here? `SELECT * FROM orders WHERE status = 'pending' OR customer_id = 42`. There are "
  "separate indexes on status and customer_id, 12M rows, 30% pending.")

R("sonnet", "debug", "web", "follow-up", None,
  "TB8: follow-up that only points back; work unknown.",
  "hmm no, that made it worse, p99 is up. try something else")

# ---- final haiku ----
R("haiku", "ops", "infrastructure", "terse", None,
  "One command.",
  "kubectl scale deploy search-indexer to 0 in prod")
R("haiku", "question", "web", "plain", None,
  "Short factual answer.",
  "What's the default Node.js server.keepAliveTimeout?")
# ---- batch 9: top-up opus (typos/verbose), a few pasted symptoms ----

R("opus", "debug", "databases", "typos", "easy-words-hard",
  "TB6: writes lost after a leader change, typed in a hurry; no lead.",
  "after etcd leader changed our config service (reads/writes keys in etcd via our own wrapper) lost a couple of updates, the "
  "writer got ok back but the value is the old one. happend twice now both during etcd leader election. how is that even posible")

R("opus", "debug", "web", "typos", None,
  "TB6: intermittent 502s, prose only, multiple components.",
  "intermitent 502s from our envoy gateway to the java services but only on http2 upstreams, http1 ones fine. no pattern in time. "
  "upstream logs show nothing, like the request never arrived. wat could it be")

R("opus", "debug", "systems", "verbose", None,
  "TB6: a performance cliff after a harmless-looking change; needs profiling theory (cache behaviour, false sharing).",
  "We did a small refactor in our Go metrics aggregator: moved per-worker counters from separate structs into one slice of "
  "structs so we could iterate them easily. Throughput dropped by 40% on the 32-core nodes and not at all on the 4-core dev "
  "machines. CPU usage went up. The profile just shows more time in the increment function, which is literally `c.n++` on the "
  "worker's own element. Nobody believes me that such a small change did this. What's the explanation and how do I prove it?")

R("opus", "design", "data", "verbose", None,
  "Open design with trade-offs for a reprocessing/backfill strategy across a streaming pipeline.",
  "We find bugs in our event enrichment logic every few weeks and every time we need to reprocess months of Kafka history "
  "(topic retention is 7 days, older data is in S3 as Parquet). Downstream is ClickHouse and three services that consume the "
  "enriched topic. Design a backfill/reprocessing approach that doesn't double count, doesn't starve live traffic and that "
  "consumers can tell apart from live events. Trade-offs please, we have opinions on the team.")

KLAG_3 = kafka_lag(2401, "ledger-projector", "ledger.entries", 16,
                   hot={3: 41_220, 9: 40_918}, consumers=8)
R("opus", "debug", "data", "plain", None,
  "TB6: lag oscillating on two partitions after a rebalance with idempotent writes failing occasionally; needs theory on rebalance storms and partition assignment.",
  "ledger-projector: lag on partitions 3 and 9 goes up and down in waves of about 40k every 10 minutes, the others are flat. "
  "When it spikes, we also get a handful of unique-violation errors on the projection table (we upsert by entry id, so should "
  "be idempotent?). Consumers use the cooperative-sticky assignor and static membership. Snapshot below. Explain the waves and "
  "the unique violations together.\n\n" + KLAG_3)
R("haiku", "ops", "data", "terse", None,
  "Reading the lag values for two partitions.",
  "lag on p3 and p9?\n\n" + KLAG_3)

R("opus", "review", "security", "verbose", None,
  "TB10: a security review of an incident-response change (debug endpoint exposure) is opus.",
  "During the incident last night someone added a /debug/pprof and a /debug/env handler to checkout-gateway and exposed them via "
  "the public ingress 'just for an hour'. It's still there. Before I rip it out: what could an attacker have gotten from those two "
  "endpoints in the ~9 hours they were up, what logs should I look at to check whether anyone hit them, and what secrets do we "
  "need to rotate? /debug/env dumps os.Environ().")

R("opus", "debug", "infrastructure", "plain", None,
  "TB6: a rolling cluster-wide problem after a CNI upgrade without clear lead.",
  "Since upgrading the VPC CNI add-on, roughly once a day a random pod comes up without network: it can't resolve DNS or reach "
  "anything, readiness fails, and deleting the pod fixes it. aws-node logs don't show errors at that time. How do we track this "
  "down, and is rolling back safe?")

R("sonnet", "debug", "infrastructure", "follow-up", None,
  "The aws-node log line points at the cause (IP exhaustion in the subnet); known fix.",
  "follow-up: found this in aws-node on the node where it happened:\n\n"
  "{\"level\":\"error\",\"ts\":\"2026-11-18T05:12:44.118Z\",\"caller\":\"ipamd/ipamd.go:862\",\"msg\":\"Failed to increase pool size due to not able to allocate ENI AllocENI: error assigning private IP addresses: InsufficientFreeAddressesInSubnet: The specified subnet does not have enough free addresses to satisfy the request.\"}\n"
  "{\"level\":\"debug\",\"ts\":\"2026-11-18T05:12:44.120Z\",\"caller\":\"ipamd/ipamd.go:701\",\"msg\":\"IP pool stats: Total IPs/Prefixes = 14/0, AssignedIPs/CidrIPs: 14/0, c.maxIPsPerENI = 15\"}\n\n"
  "subnets are /24s. what now")

R("opus", "plan", "infrastructure", "follow-up", None,
  "TB8: follow-up asks for a plan to re-address the cluster networking without downtime — a large migration.",
  "ok so we need bigger subnets or prefix delegation. plan the change for the whole prod cluster (~120 nodes, 3 AZs) without downtime, including what happens to running pods")

if __name__ == "__main__":
    with open("w17.jsonl", "w", encoding="utf-8") as f:
        for i, row in enumerate(ROWS, 1):
            f.write(json.dumps({"id": f"w17-{i:04d}", **row}, ensure_ascii=False) + "\n")
