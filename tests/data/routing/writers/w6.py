#!/usr/bin/env python3
"""Writer w6: hard cases for the router (traps across all domains).

Run `python3 w6.py` to write w6.jsonl deterministically.
"""
import json
import os
import random

ROWS = []
LBL = {"h": "haiku", "s": "sonnet", "o": "opus"}
TRAP = {None: None, "LT": "long-trivial", "SH": "short-hard", "HWE": "hard-words-easy", "EWH": "easy-words-hard"}


def R(label, trap, category, domain, prompt, rationale, voice="plain", lang="en"):
    ROWS.append({
        "prompt": prompt.strip("\n"),
        "label": LBL[label],
        "rationale": rationale,
        "category": category,
        "domain": domain,
        "voice": voice,
        "language": lang,
        "trap": TRAP[trap],
    })


# ---------------------------------------------------------------- long material generators

def gen_log(seed, n, services, extra=None):
    """Plausible structured service log lines."""
    rnd = random.Random(seed)
    levels = ["INFO"] * 14 + ["DEBUG"] * 6 + ["WARN"] * 3 + ["ERROR"]
    msgs = [
        "request completed method={m} path={p} status={s} dur_ms={d}",
        "db pool stats active={a} idle={i} waiting={w}",
        "cache miss key=user:{u} ttl=300",
        "cache hit key=session:{h}",
        "enqueued job id=job-{j} queue=emails attempts=0",
        "job finished id=job-{j} queue=emails dur_ms={d}",
        "upstream call svc=inventory status={s} dur_ms={d}",
        "gc pause pause_ms={g} heap_mb={hm}",
        "retrying upstream call svc=pricing attempt={at} backoff_ms={b}",
        "kafka consumer lag partition={pt} lag={lg}",
        "health check ok checks=db,redis,kafka",
        "token refreshed client=mobile-ios user={u}",
        "slow query dur_ms={d} stmt=SELECT * FROM orders WHERE customer_id = $1",
        "connection reset by peer remote=10.4.{o1}.{o2}:5432",
    ]
    paths = ["/api/v1/orders", "/api/v1/users/me", "/api/v1/cart", "/healthz", "/api/v1/checkout", "/api/v1/search"]
    t = 1_700_000_000 + seed * 1000
    out = []
    for k in range(n):
        t += rnd.randint(0, 3)
        ms = rnd.randint(0, 999)
        hh, rem = divmod(t % 86400, 3600)
        mm, ss = divmod(rem, 60)
        lvl = rnd.choice(levels)
        tmpl = rnd.choice(msgs)
        msg = tmpl.format(
            m=rnd.choice(["GET", "POST", "PUT"]), p=rnd.choice(paths),
            s=rnd.choice([200] * 12 + [201, 204, 400, 404, 500, 502, 503]), d=rnd.randint(1, 2400),
            a=rnd.randint(0, 50), i=rnd.randint(0, 20), w=rnd.randint(0, 30), u=rnd.randint(1000, 99999),
            h=f"{rnd.getrandbits(40):010x}", j=rnd.randint(100000, 999999), g=rnd.randint(1, 900),
            hm=rnd.randint(300, 4000), at=rnd.randint(1, 5), b=rnd.choice([100, 200, 400, 800, 1600]),
            pt=rnd.randint(0, 11), lg=rnd.randint(0, 90000), o1=rnd.randint(0, 9), o2=rnd.randint(2, 250))
        if extra and rnd.random() < 0.02:
            msg = rnd.choice(extra)
        out.append(f"2026-11-{14 + (t // 86400) % 3:02d}T{hh:02d}:{mm:02d}:{ss:02d}.{ms:03d}Z {lvl:5s} "
                   f"[{rnd.choice(services)}] trace={rnd.getrandbits(64):016x} {msg}")
    return "\n".join(out)


PY_VERBS = ["load", "parse", "validate", "normalize", "merge", "render", "fetch", "store", "compute", "filter"]
PY_NOUNS = ["invoice", "customer", "ledger", "shipment", "coupon", "tax_rate", "address", "refund", "payout", "sku"]


def gen_python_module(seed, n_funcs, typo=None):
    rnd = random.Random(seed)
    parts = ['"""Billing helpers used by the nightly settlement job."""', "import datetime", "import decimal",
             "import logging", "from typing import Iterable, Optional", "", "log = logging.getLogger(__name__)", ""]
    used = set()
    for k in range(n_funcs):
        while True:
            name = f"{rnd.choice(PY_VERBS)}_{rnd.choice(PY_NOUNS)}"
            if name not in used:
                used.add(name)
                break
            name = None
            if len(used) > 95:
                name = f"{rnd.choice(PY_VERBS)}_{rnd.choice(PY_NOUNS)}_{k}"
                used.add(name)
                break
        noun = name.split("_", 1)[1]
        kind = rnd.randint(0, 3)
        if kind == 0:
            body = [f"def {name}(rows: Iterable[dict], limit: int = {rnd.randint(10, 500)}) -> list:",
                    f'    """Return at most `limit` {noun} rows that pass the basic checks."""',
                    "    out = []",
                    "    for row in rows:",
                    f"        if row.get('{noun}_id') is None:",
                    f"            log.warning('skipping row without {noun}_id: %r', row)",
                    "            continue",
                    "        out.append(row)",
                    "        if len(out) >= limit:",
                    "            break",
                    "    return out"]
        elif kind == 1:
            body = [f"def {name}(amount: decimal.Decimal, rate: decimal.Decimal) -> decimal.Decimal:",
                    f'    """Apply the {noun} rate and round half-even to cents."""',
                    "    if amount < 0:",
                    f"        raise ValueError('negative {noun} amount')",
                    f"    value = amount * (decimal.Decimal(1) + rate / decimal.Decimal({rnd.choice([100, 1000])}))",
                    "    return value.quantize(decimal.Decimal('0.01'), rounding=decimal.ROUND_HALF_EVEN)"]
        elif kind == 2:
            days = rnd.randint(1, 90)
            body = [f"def {name}(created: datetime.datetime, now: Optional[datetime.datetime] = None) -> bool:",
                    f'    """True when the {noun} is older than {days} days."""',
                    "    now = now or datetime.datetime.now(datetime.timezone.utc)",
                    f"    return (now - created) > datetime.timedelta(days={days})"]
        else:
            key = rnd.choice(["region", "currency", "status", "account_id"])
            body = [f"def {name}(items: list[dict]) -> dict[str, list[dict]]:",
                    f'    """Group {noun} items by {key}."""',
                    "    groups: dict[str, list[dict]] = {}",
                    "    for item in items:",
                    f"        groups.setdefault(item.get('{key}', 'unknown'), []).append(item)",
                    f"    log.debug('grouped %d {noun} items into %d groups', len(items), len(groups))",
                    "    return groups"]
        parts.extend(body)
        parts.extend(["", ""])
    text = "\n".join(parts)
    if typo:
        text = text.replace("the basic checks", typo, 1)
    return text


def gen_k8s(seed, n):
    rnd = random.Random(seed)
    names = ["payments-api", "orders-api", "search-indexer", "notifications", "auth-gateway", "ledger-writer",
             "image-resizer", "catalog-sync", "fraud-scorer", "cart-service", "email-worker", "pricing-engine",
             "reporting", "webhooks", "geo-lookup", "session-store", "recommendations", "audit-log"]
    docs = []
    for k in range(n):
        name = names[k % len(names)] + ("" if k < len(names) else f"-{k // len(names)}")
        reps = rnd.choice([1, 2, 3, 4, 6, 8])
        cpu = rnd.choice(["100m", "250m", "500m", "1"])
        mem = rnd.choice(["128Mi", "256Mi", "512Mi", "1Gi", "2Gi"])
        port = rnd.choice([8080, 8000, 3000, 9090])
        docs.append(f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  namespace: prod
  labels:
    app: {name}
    team: {rnd.choice(['core', 'growth', 'platform', 'risk'])}
spec:
  replicas: {reps}
  selector:
    matchLabels:
      app: {name}
  template:
    metadata:
      labels:
        app: {name}
    spec:
      containers:
        - name: {name}
          image: registry.internal/{name}:{rnd.randint(1, 9)}.{rnd.randint(0, 40)}.{rnd.randint(0, 9)}
          ports:
            - containerPort: {port}
          env:
            - name: LOG_LEVEL
              value: {rnd.choice(['info', 'debug', 'warn'])}
            - name: DB_POOL_SIZE
              value: "{rnd.choice([5, 10, 20, 40])}"
          resources:
            requests:
              cpu: {cpu}
              memory: {mem}
            limits:
              memory: {mem}
          readinessProbe:
            httpGet:
              path: /healthz
              port: {port}
            periodSeconds: {rnd.choice([5, 10, 15])}
---
apiVersion: v1
kind: Service
metadata:
  name: {name}
  namespace: prod
spec:
  selector:
    app: {name}
  ports:
    - port: 80
      targetPort: {port}""")
    return "\n---\n".join(docs)


def gen_csv(seed, n):
    rnd = random.Random(seed)
    lines = ["order_id,customer_id,created_at,status,amount_eur,country,payment_method"]
    for k in range(n):
        lines.append(f"{100000 + k},{rnd.randint(1, 9000)},2026-10-{rnd.randint(1, 31):02d}T{rnd.randint(0, 23):02d}:"
                     f"{rnd.randint(0, 59):02d}:00Z,{rnd.choice(['paid'] * 8 + ['refunded', 'failed', 'pending'])},"
                     f"{rnd.randint(300, 90000) / 100:.2f},{rnd.choice(['DE', 'FR', 'NL', 'ES', 'IT', 'PL', 'AT'])},"
                     f"{rnd.choice(['card', 'sepa', 'paypal', 'klarna'])}")
    return "\n".join(lines)


def gen_go(seed, n, misspell):
    rnd = random.Random(seed)
    out = ["package queue", "", "import (", '\t"context"', '\t"errors"', '\t"fmt"', '\t"time"', ")", "",
           "var ErrClosed = errors.New(\"queue: closed\")", ""]
    for k in range(n):
        nm = rnd.choice(["Consumer", "Producer", "Broker", "Batch", "Lease", "Ack"]) + str(k)
        word = "receive" if not (misspell and rnd.random() < 0.25) else "recieve"
        out.append(f"""// {nm} handles one stage of the pipeline; callers {word} messages in order.
type {nm} struct {{
\tname    string
\ttimeout time.Duration
\tretries int
}}

func New{nm}(name string) *{nm} {{
\treturn &{nm}{{name: name, timeout: {rnd.choice([1, 2, 5, 30])} * time.Second, retries: {rnd.randint(1, 6)}}}
}}

// Handle tries to {word} and process one message, retrying on transient errors.
func (c *{nm}) Handle(ctx context.Context, msg []byte) error {{
\tfor attempt := 0; attempt <= c.retries; attempt++ {{
\t\tctx2, cancel := context.WithTimeout(ctx, c.timeout)
\t\terr := process(ctx2, c.name, msg)
\t\tcancel()
\t\tif err == nil {{
\t\t\treturn nil
\t\t}}
\t\tif errors.Is(err, ErrClosed) {{
\t\t\treturn err
\t\t}}
\t}}
\treturn fmt.Errorf("%s: gave up after %d attempts", c.name, c.retries+1)
}}
""")
    out.append("""func process(ctx context.Context, stage string, msg []byte) error {
\tselect {
\tcase <-ctx.Done():
\t\treturn ctx.Err()
\tdefault:
\t}
\tif len(msg) == 0 {
\t\treturn fmt.Errorf("%s: empty message", stage)
\t}
\treturn nil
}""")
    return "\n".join(out)


def gen_nginx(seed, n):
    rnd = random.Random(seed)
    out = ["user nginx;", "worker_processes auto;", "events { worker_connections 4096; }", "http {",
           "    include /etc/nginx/mime.types;", "    sendfile on;", "    keepalive_timeout 65;",
           "    client_max_body_size 25m;", "    gzip on;", ""]
    for k in range(n):
        host = f"{rnd.choice(['shop', 'api', 'admin', 'static', 'docs', 'status', 'partners'])}{k}.example.eu"
        up = f"backend_{k}"
        out.append(f"""    upstream {up} {{
        least_conn;
        server 10.0.{k % 250}.{rnd.randint(2, 250)}:{rnd.choice([8080, 3000, 9000])} max_fails=3 fail_timeout=10s;
        server 10.0.{k % 250}.{rnd.randint(2, 250)}:{rnd.choice([8080, 3000, 9000])} max_fails=3 fail_timeout=10s;
        keepalive 32;
    }}
    server {{
        listen 443 ssl http2;
        server_name {host};
        ssl_certificate /etc/ssl/{host}/fullchain.pem;
        ssl_certificate_key /etc/ssl/{host}/privkey.pem;
        location / {{
            proxy_pass http://{up};
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_read_timeout {rnd.choice([30, 60, 120])}s;
        }}
        location /static/ {{
            root /srv/{host};
            expires {rnd.choice(['1h', '7d', '30d'])};
        }}
    }}""")
    out.append("}")
    return "\n".join(out)


def gen_js(seed, n):
    rnd = random.Random(seed)
    out = ["'use strict';", "const express = require('express');", "const db = require('./db');",
           "const router = express.Router();", ""]
    for k in range(n):
        ent = rnd.choice(["order", "user", "coupon", "review", "address", "wishlist", "invoice"]) 
        fld = rnd.choice(["status", "email", "code", "rating", "zip", "name", "total"])
        out.append(f"""// list {ent}s filtered by {fld} (v{k})
router.get('/v{k}/{ent}s', async (req, res, next) => {{
  try {{
    const limit = Math.min(parseInt(req.query.limit, 10) || 20, {rnd.choice([50, 100, 200])});
    const offset = parseInt(req.query.offset, 10) || 0;
    const rows = await db.query(
      'SELECT * FROM {ent}s WHERE {fld} = $1 ORDER BY id LIMIT $2 OFFSET $3',
      [req.query.{fld}, limit, offset]
    );
    res.json({{ items: rows.map(r => ({{ id: r.id, {fld}: r.{fld}, createdAt: r.created_at }})), limit, offset }});
  }} catch (err) {{
    next(err);
  }}
}});
""")
    out.append("module.exports = router;")
    return "\n".join(out)


def gen_raft_log(seed, n):
    rnd = random.Random(seed)
    nodes = ["n1", "n2", "n3", "n4", "n5"]
    term = 41
    leader = "n2"
    idx = 88210
    commit = 88200
    out = []
    t = 0
    for k in range(n):
        t += rnd.randint(1, 40)
        node = rnd.choice(nodes)
        r = rnd.random()
        if r < 0.02:
            term += 1
            leader = rnd.choice(nodes)
            line = f"{node} raft: became candidate term={term}"
            out.append(f"12:{(t // 60000) % 60:02d}:{(t // 1000) % 60:02d}.{t % 1000:03d} {line}")
            line = f"{leader} raft: became leader term={term} lastIndex={idx}"
        elif r < 0.55:
            idx += 1
            line = f"{leader} raft: append entry index={idx} term={term} client=api-{rnd.randint(1, 9)} op=PUT key=acct/{rnd.randint(1, 5000)}"
        elif r < 0.85:
            commit = min(idx, commit + rnd.randint(0, 3))
            line = f"{node} raft: commitIndex={commit} applied={commit - rnd.randint(0, 2)}"
        elif r < 0.95:
            line = f"{node} raft: heartbeat from {leader} term={term} latency_ms={rnd.randint(1, 300)}"
        else:
            line = f"{node} raft: truncating log from index={idx - rnd.randint(1, 6)} conflictTerm={term - 1}"
        out.append(f"12:{(t // 60000) % 60:02d}:{(t // 1000) % 60:02d}.{t % 1000:03d} {line}")
    return "\n".join(out)


def gen_diff(seed, n):
    rnd = random.Random(seed)
    out = ["diff --git a/lockmgr/manager.go b/lockmgr/manager.go", "--- a/lockmgr/manager.go",
           "+++ b/lockmgr/manager.go"]
    line = 40
    for k in range(n):
        line += rnd.randint(10, 40)
        fn = rnd.choice(["Acquire", "Release", "Renew", "expire", "steal", "promote", "Downgrade"]) + str(k)
        out.append(f"@@ -{line},9 +{line},12 @@ func (m *Manager) {fn}(ctx context.Context, key string) error {{")
        out.append(" \tm.mu.Lock()")
        if rnd.random() < 0.5:
            out.append("-\tdefer m.mu.Unlock()")
            out.append("+\tl, ok := m.locks[key]")
            out.append("+\tm.mu.Unlock()")
            out.append("+\tif !ok {")
            out.append("+\t\treturn ErrNotHeld")
            out.append("+\t}")
            out.append("+\tl.mu.Lock()")
            out.append("+\tdefer l.mu.Unlock()")
        else:
            out.append(f"-\tif time.Since(l.renewed) > m.ttl {{")
            out.append(f"+\tif m.clock.Now().Sub(l.renewed) > m.ttl-{rnd.choice([50, 100, 250])}*time.Millisecond {{")
            out.append("+\t\tatomic.AddInt64(&m.stats.expired, 1)")
        out.append(" \tl.owner = ownerFrom(ctx)")
        out.append(" \tl.fence++")
        out.append(" \treturn nil")
    return "\n".join(out)


# ---------------------------------------------------------------- rows
# (label, trap, category, domain, prompt, rationale, voice, language)

# ---- batch 1: long pastes

R("o", "EWH", "debug", "systems",
  "Our checkout service just stops answering for 20-40 seconds every few hours. Nothing in the deploy history lines up "
  "with it, restarts don't change anything and we can't make it happen in staging. Here is the log from all pods for "
  "the last window, unfiltered. Please work out what's going on and what we should do about it.\n\n```\n"
  + gen_log(11, 1000, ["checkout-7f9c", "checkout-2b1d", "checkout-9a0e"],
            ["db pool exhausted waiting=64 timeout_ms=30000", "stop-the-world gc pause_ms=18400 heap_mb=7900",
             "lease renewal late by 21s for lock=settlement-cron"]) + "\n```",
  "Production stall with no clear lead, needs a theory across GC, pool and locks from a huge log: opus.")

R("h", "LT", "question", "infrastructure",
  "how many ERROR lines are in this? just the number pls\n\n"
  + gen_log(12, 420, ["api-gw-1", "api-gw-2"]),
  "Counting lines of one level in a long log is mechanical and checkable at a glance.", voice="typos")

R("h", "LT", "edit", "data",
  "Add the standard MIT license header (Copyright (c) 2026 Finch Payments GmbH) at the top of this file, change nothing "
  "else.\n\n```python\n" + gen_python_module(13, 120) + "\n```",
  "Adding a license header to a long file is a mechanical one-step edit.")

R("h", "LT", "question", "infrastructure",
  "What's the replica count for ledger-writer in this manifest dump?\n\n```yaml\n" + gen_k8s(14, 40) + "\n```",
  "Finding one setting in a long config is a lookup, checkable at a glance.", voice="terse")

R("h", "LT", "question", "data",
  "Export of last month's orders below. How many rows have status failed? Only need the count.\n\n```csv\n"
  + gen_csv(15, 330) + "\n```",
  "Counting rows with one status value is mechanical despite the long CSV.")

R("o", None, "review", "systems",
  "Review this diff to our distributed lock manager. The author split the global mutex into per-lock mutexes and "
  "switched expiry to an injected clock. I want to know if it's still correct under concurrent Acquire/Renew/expire, "
  "and whether fencing tokens still protect the storage writes.\n\n```diff\n" + gen_diff(16, 150) + "\n```",
  "Review of concurrent lock code for races and fencing correctness: opus by tie-breaker 10.")

R("h", "LT", "edit", "systems",
  "someone spelled 'receive' as 'recieve' in some comments here, fix those and nothing else\n\n```go\n"
  + gen_go(17, 26, True) + "\n```",
  "Fixing one misspelling across a long file is a mechanical edit.", voice="typos")

R("h", "LT", "question", "infrastructure",
  "Where is client_max_body_size set in this nginx.conf and to what value?\n\n```nginx\n" + gen_nginx(18, 34) + "\n```",
  "Locating one directive in a long config is a lookup.")

R("s", None, "refactor", "web",
  "Convert this Express router file to TypeScript: typed request query params, a Row interface per entity, keep "
  "behaviour identical. It's long, sorry.\n\n```js\n" + gen_js(19, 30) + "\n```",
  "Rewriting a whole long file into TypeScript is many careful steps: sonnet per tie-breaker 5.")

R("o", "EWH", "debug", "databases",
  "After we lost n2 yesterday some account writes that clients got an OK for are just not there anymore. Not many, "
  "maybe a dozen. Raft logs from all five nodes around the time are below (merged, sorted by time). What happened?\n\n```\n"
  + gen_raft_log(20, 330) + "\n```",
  "Acknowledged writes lost after a leader change: consensus debugging without a clear lead, opus.")

# ---- batch 2: short-hard / hard-words-easy, mixed domains

R("o", "SH", "design", "web",
  "design a rate limiter for a multi-region API",
  "Short but open distributed design: global quotas, cross-region sync and trade-offs.", voice="terse")
R("o", "SH", "question", "systems",
  "Prove this is linearizable or give a counterexample history:\n```go\nfunc (c *Counter) Inc() { v := atomic.LoadInt64(&c.n); atomic.StoreInt64(&c.n, v+1) }\nfunc (c *Counter) Get() int64 { return atomic.LoadInt64(&c.n) }\n```",
  "Formal reasoning about linearizability of a concurrent object is opus.")
R("h", "HWE", "question", "systems",
  "What does the 'Byzantine' in Byzantine fault tolerance refer to?",
  "Scary vocabulary, but a short well-known factual answer.")
R("h", "HWE", "edit", "systems",
  "Fix the typo in this comment from our Paxos acceptor: `// promsie not to accept proposals with a lower ballot`",
  "One typo fix in a comment; the consensus context does not matter.")
R("o", "SH", "implement", "systems",
  "Lock-free SPSC ring buffer in C11 atomics, with the orderings justified.",
  "Memory ordering and lock-free correctness: opus per tie-breaker 7.", voice="terse")
R("h", "HWE", "question", "security",
  "Is AES-256-GCM a symmetric or asymmetric cipher?",
  "Cryptography vocabulary, trivial factual answer.")
R("o", "SH", "design", "databases",
  "exactly-once delivery from Kafka into Postgres, how?",
  "Exactly-once across systems needs careful idempotency/transaction design: opus.", voice="terse")
R("h", "HWE", "question", "ml",
  "In transformer attention, what is the d_k in the softmax(QK^T / sqrt(d_k)) formula?",
  "Well-known definition despite ML jargon.")
R("o", "SH", "design", "security",
  "Threat model our password reset flow.",
  "A threat model is a security analysis where subtle misses are vulnerabilities: opus.", voice="terse")
R("h", "HWE", "edit", "infrastructure",
  "Rename the Terraform variable `vpc_cidr_blk` to `vpc_cidr_block` in this block:\n```hcl\nvariable \"vpc_cidr_blk\" {\n  type    = string\n  default = \"10.20.0.0/16\"\n}\n\nresource \"aws_vpc\" \"main\" {\n  cidr_block           = var.vpc_cidr_blk\n  enable_dns_hostnames = true\n}\n```",
  "Mechanical rename in a tiny config.")
R("o", "SH", "design", "data",
  "Design CDC from MySQL to the warehouse with schema changes that don't break consumers.",
  "Open pipeline design with schema-evolution trade-offs: opus.")
R("h", "HWE", "question", "systems",
  "what's the difference between a mutex and a semaphore, one sentence each",
  "Concurrency words, but a textbook short answer.", voice="typos")
R("o", "SH", "question", "systems",
  "Why is double-checked locking broken in Java without volatile?",
  "Explaining the memory-model reordering behind it is opus per tie-breaker 7.")
R("h", "HWE", "question", "databases",
  "What does the 'I' in ACID stand for?",
  "Database theory term with a one-word answer.", voice="terse")
R("o", "SH", "design", "mobile",
  "Offline-first sync for our notes app, conflicts included. Design it.",
  "Open sync/conflict-resolution design (CRDT vs LWW trade-offs): opus.", voice="terse")
R("h", "HWE", "docs", "systems",
  "Write a one-line commit message: bumped the raft election timeout from 150ms to 300ms in the config.",
  "Commit message for a described change; the consensus topic does not raise it.")
R("o", "SH", "implement", "data",
  "HyperLogLog merge across shards with different precisions — correct approach?",
  "Probabilistic data structure correctness across precisions: needs careful reasoning, opus.")
R("h", "HWE", "question", "security",
  "what port does the kerberos KDC listen on by default",
  "Security-sounding but a one-number fact.", voice="typos")
R("o", "SH", "design", "infrastructure",
  "Zero-downtime Postgres major version upgrade, 4 TB, logical replication. Plan it.",
  "Large high-stakes migration plan with cutover and rollback: opus.", voice="terse")
R("h", "HWE", "question", "ml",
  "Is a variational autoencoder supervised or unsupervised?",
  "ML vocabulary but a one-word textbook answer.")
R("o", "SH", "review", "security",
  "Is this safe?\n```python\ntoken = hashlib.md5((user.email + str(time.time())).encode()).hexdigest()\n```\nused for password reset links.",
  "Judging token predictability for a security flow: subtle mistake is a vulnerability, opus.")
R("h", "HWE", "explain", "systems",
  "What does this do? `std::atomic<int> counter{0}; counter.fetch_add(1);`",
  "Plain what-it-does of one atomic increment, a sentence; no ordering semantics asked.")
R("o", "SH", "question", "systems",
  "Is `memory_order_relaxed` enough for this reference count decrement? `if (rc.fetch_sub(1, std::memory_order_relaxed) == 1) delete obj;`",
  "Memory-ordering semantics of refcount release: opus per tie-breaker 7.")
R("h", "HWE", "question", "infrastructure",
  "What's the kubectl command to see which node a pod is scheduled on?",
  "One-liner despite orchestration vocabulary.")
R("o", "SH", "design", "web",
  "Idempotency keys for our payments API. Design.",
  "High-stakes design: storage, concurrency of duplicate requests, expiry: opus.", voice="terse")
R("h", "HWE", "edit", "security",
  "Sort these cipher suites alphabetically:\nTLS_CHACHA20_POLY1305_SHA256\nTLS_AES_256_GCM_SHA384\nTLS_AES_128_GCM_SHA256\nTLS_AES_128_CCM_SHA256",
  "Sorting four lines; crypto names make it look hard.")
R("o", "SH", "implement", "systems",
  "Hazard pointers vs epoch-based reclamation for my lock-free stack in Rust — which and why?",
  "Choosing memory reclamation for lock-free code with justification: opus.")
R("h", "HWE", "question", "data",
  "What is the default isolation level in Snowflake?",
  "Factual lookup-type answer.")
R("o", "SH", "design", "databases",
  "Shard our users table. 2B rows, hot tenants.",
  "Sharding design with hot-key trade-offs: opus though only seven words.", voice="terse")
R("h", "HWE", "explain", "ml",
  "Explain in one sentence what `torch.no_grad()` does.",
  "One-sentence explanation of a common API.")
R("o", "SH", "question", "systems",
  "Can two-phase commit block forever? When exactly, and what do we do about it?",
  "Distributed commit failure analysis with mitigation: opus.")
R("h", "HWE", "question", "security",
  "what does OAuth 2.0 PKCE stand for",
  "Acronym expansion; security vocabulary only.", voice="terse")
R("o", "SH", "design", "ml",
  "Feature store for online+offline with point-in-time correctness. Architecture?",
  "Open architecture with consistency trade-offs: opus.")
R("h", "HWE", "docs", "databases",
  "Add a docstring to this:\n```python\ndef quorum(n: int) -> int:\n    return n // 2 + 1\n```",
  "Docstring for a two-line function; the word quorum is decoration.")
R("o", "SH", "debug", "systems",
  "Rust: `Arc<Mutex<T>>` deadlocks only in release builds. Where do I even start?",
  "Intermittent build-dependent deadlock with no lead: opus.")
R("h", "HWE", "question", "infrastructure",
  "What's the difference between a Kubernetes Deployment and a StatefulSet, briefly?",
  "Short well-known conceptual answer.")
R("o", "SH", "design", "tooling",
  "Design a build cache that's safe to share between CI and laptops.",
  "Hermeticity, poisoning and key design: open design with security edge, opus.")
R("h", "HWE", "edit", "systems",
  "Convert this to YAML:\n```json\n{\"raft\": {\"election_timeout_ms\": 300, \"heartbeat_ms\": 50, \"snapshot_every\": 10000, \"peers\": [\"n1:7000\", \"n2:7000\", \"n3:7000\"]}}\n```",
  "Format conversion of a small JSON object.")
R("o", "SH", "question", "security",
  "constant-time compare in Go — is `bytes.Equal` ok for HMAC check?",
  "Timing side channels in MAC verification: a subtle security point, opus.", voice="terse")
R("h", "HWE", "question", "systems",
  "What does CAP stand for in the CAP theorem?",
  "Acronym expansion of a famous theorem.")
R("o", "SH", "implement", "systems",
  "Write a wait-free snapshot object for 4 threads.",
  "Novel concurrent algorithm with progress guarantees: opus.")
R("h", "HWE", "question", "web",
  "Which HTTP header carries the W3C trace context for distributed tracing?",
  "Single header name: traceparent.")
R("o", "SH", "design", "infrastructure",
  "Multi-region active-active for our Rails app. Where does it break?",
  "Architecture analysis of consistency and failure modes: opus.")
R("h", "HWE", "question", "ml",
  "what is the learning rate warmup thing",
  "Short well-known concept.", voice="typos")
R("o", "SH", "question", "databases",
  "Does SERIALIZABLE in Postgres prevent write skew here? Two doctors both go off call: each does `SELECT count(*) FROM oncall WHERE shift=1` then `UPDATE oncall SET on=false WHERE doctor=$1` if count > 1.",
  "Reasoning about SSI anomalies and isolation guarantees: opus.")

# ---- batch 3: easy-words-hard (plain words, hard work), prose debugging, planning

R("o", "EWH", "plan", "general",
  "Plan how we introduce feature flags across our 14 services. Right now every team does its own thing with env vars.",
  "Cross-codebase rollout plan in plain words: opus per tie-breaker 6.")
R("o", "EWH", "debug", "web",
  "sometimes orders just vanish. customer pays, gets the email, but the order isn't in the admin. maybe once a week. no errors anywhere",
  "Intermittent data loss in production with no lead: opus.", voice="typos")
R("o", "EWH", "design", "general",
  "We have one big Django app with about 400 models. Management wants 'microservices'. Can you propose where to cut it, "
  "if at all? I can describe the main areas: catalog, checkout, payouts to sellers, messaging between buyers and sellers, "
  "search, admin tools, reporting.",
  "Proposing service boundaries for a monolith is open architecture: opus.", voice="verbose")
R("o", "EWH", "design", "databases",
  "Design the recovery steps for when our primary database box dies in the middle of the night and nobody is awake.",
  "Failover/recovery protocol design with data-loss trade-offs: opus.")
R("o", "EWH", "debug", "systems",
  "Memory on our worker pods goes up slowly for about two days and then they get killed. Only under real traffic. "
  "Locally it's flat. We tried heap dumps but they look normal??",
  "Leak under load not reproducible locally, heap dumps inconclusive: debugging without a lead, opus.")
R("o", "EWH", "plan", "web",
  "How do we move all customers to the new billing system without anyone being charged twice or not at all?",
  "Migration with money correctness, dual-run and cutover planning: opus.")
R("o", "EWH", "debug", "data",
  "The daily revenue number on the dashboard is sometimes a bit off compared to finance. Not every day. Usually by a few hundred euros.",
  "Sometimes-wrong data with no lead across pipeline stages: opus.")
R("o", "EWH", "plan", "tooling",
  "We want to get off Jenkins. 300 jobs, some nobody understands anymore. How would you go about it?",
  "Large multi-step migration plan with unknowns: opus.")
R("o", "EWH", "debug", "mobile",
  "Some Android users say the app logs them out randomly. We can't reproduce on any test device. iOS is fine.",
  "Intermittent platform-specific auth bug without a lead: opus.")
R("o", "EWH", "design", "web",
  "What should happen when two people edit the same product description at the same time? Right now the last save wins and people are annoyed.",
  "Concurrent editing/conflict design with UX and consistency trade-offs: opus.")
R("o", "EWH", "debug", "infrastructure",
  "Every now and then a deploy hangs at 'waiting for rollout' for like 15 minutes and then just finishes. Doesn't matter which service.",
  "Intermittent cross-service rollout stall, no trace: opus.")
R("o", "EWH", "plan", "databases",
  "We need to split the customers table into customers and accounts while the app is live. Walk me through how.",
  "Online schema split on a live system is a multi-step high-stakes migration: opus.")
R("o", "EWH", "debug", "databases",
  "After the failover last Tuesday a few rows came back with old values. Like someone had undone the update. Replica lag was normal before.",
  "Writes lost/reverted after failover: distributed consistency debugging, opus.")
R("o", "EWH", "design", "security",
  "How should we let customer support look at user accounts without giving them access to everything?",
  "Access control design with audit and least privilege: security design, opus.")
R("o", "EWH", "plan", "general",
  "We're going from one country to five next year. What has to change in the code? Prices, taxes, languages, all of it.",
  "Open multi-area internationalisation plan across a codebase: opus.")
R("o", "EWH", "debug", "web",
  "Our p99 latency doubled sometime in the last month and nobody knows which change did it. Averages look the same.",
  "Performance regression needing analysis and bisect strategy, no lead: opus.")
R("o", "EWH", "design", "data",
  "How should we keep the search index in step with the database so people stop seeing deleted items?",
  "Consistency between store and index (ordering, outbox, reindex): opus.")
R("o", "EWH", "debug", "systems",
  "The nightly job takes 40 minutes most days but sometimes 6 hours. Same input size. What could do that?",
  "Performance cliff with no lead: opus.")
R("o", "EWH", "plan", "mobile",
  "We have to support the old app versions for two more years while changing the API completely. How do we not go crazy?",
  "API versioning and compatibility strategy over years: open plan, opus.")
R("o", "EWH", "design", "general",
  "If we had to turn off half our servers tomorrow to save money, what would you look at first and how would you decide?",
  "Capacity and cost trade-off analysis across a system: opus.")
R("o", "EWH", "debug", "databases",
  "Sometimes two customers get the same invoice number. It's rare, we checked the code and it looks fine.",
  "Rare duplicate sequence values suggest a race; no lead: opus.")
R("o", "EWH", "design", "infrastructure",
  "How do we make sure a bad config change can't take everything down at once again?",
  "Designing staged config rollout and blast-radius controls: opus.")

# ---- non-native English, some of the above flavour plus everyday work
R("o", "EWH", "debug", "systems",
  "Hello, we have problem that our service is sometimes not answering for some seconds, then it is again fine. It happens more in the evening. We are not sure if it is network or the application. Please help to find where is the issue.",
  "Intermittent unresponsiveness without a lead, described in prose: opus.", voice="non-native")
R("s", None, "implement", "web",
  "I need to make endpoint in FastAPI which is taking CSV file upload and is returning how many rows have empty email. Please write it with pydantic response model.",
  "Clear-spec endpoint implementation: sonnet.", voice="non-native")
R("h", "HWE", "question", "systems",
  "Kindly tell what is meaning of 'eventual consistency' in simple words only.",
  "Short well-known concept explanation.", voice="non-native")
R("o", "EWH", "plan", "databases",
  "We want to change from MongoDB to PostgreSQL for all the data, it is around 30 collections. How to do this with the application still running? Please give the plan.",
  "Live database migration plan across a codebase: opus.", voice="non-native")
R("s", None, "debug", "web",
  "My React component is rendering two times and the API is called two times, I am seeing it in network tab. I use useEffect with empty array. Why is this and how to fix?",
  "StrictMode double effect: known cause, everyday debugging with explanation: sonnet.", voice="non-native")
R("h", None, "question", "tooling",
  "How I can undo last commit but keep the changes in my files?",
  "git one-liner.", voice="non-native")
R("o", "EWH", "design", "web",
  "Our shop must have possibility that the same user is logged in on phone and computer and the basket is always same. What is the best way to build it?",
  "Cross-device state sync with conflict handling is open design: opus.", voice="non-native")
R("s", None, "test", "data",
  "Please write the pytest tests for this function, also for the edge case when list is empty:\n```python\ndef moving_average(xs, k):\n    if k <= 0:\n        raise ValueError(\"k must be positive\")\n    out = []\n    s = 0\n    for i, x in enumerate(xs):\n        s += x\n        if i >= k:\n            s -= xs[i - k]\n        if i >= k - 1:\n            out.append(s / k)\n    return out\n```",
  "Writing tests for existing code: sonnet.", voice="non-native")
R("o", "SH", "question", "systems",
  "Why my program with two threads is giving different results sometimes, the counter is volatile in C++. It is not enough?",
  "volatile vs atomics and data races in C++ memory model: opus per tie-breaker 7.", voice="non-native")
R("h", "HWE", "edit", "infrastructure",
  "Please change all 'prod-eu' to 'prod-eu1' in this helm values:\n```yaml\ncluster: prod-eu\nregion: eu-central-1\ningress:\n  host: api.prod-eu.shop.internal\nmonitoring:\n  datasource: prom-prod-eu\n```",
  "Find-and-replace in a short config.", voice="non-native")
R("s", None, "debug", "databases",
  "I get this error when I run migration: `django.db.utils.IntegrityError: column \"tenant_id\" of relation \"billing_invoice\" contains null values`. I have added the field `tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE)`. What to do?",
  "Known cause (non-null FK on existing rows), needs a data migration: sonnet.", voice="non-native")
R("o", "EWH", "debug", "infrastructure",
  "Since two weeks some of our Kafka consumers are reading same message again after restart. Not always. We use auto commit. Management is asking why customers get two emails sometimes.",
  "Intermittent redelivery across consumer restarts and commits: distributed debugging, opus.", voice="non-native")

# ---- batch 4: explaining small code (tie-breaker 7), sonnet hard-words-easy

R("h", None, "explain", "web",
  "what does this return?\n```js\n[3, 1, 2].map(x => x * 2).filter(x => x > 2)\n```",
  "Plain what-it-does for one line: haiku.", voice="terse")
R("s", None, "explain", "web",
  "Why does this print 3 3 3 and not 0 1 2?\n```js\nfor (var i = 0; i < 3; i++) {\n  setTimeout(() => console.log(i), 0);\n}\n```",
  "Closure capturing a var loop variable: subtle reason, sonnet per tie-breaker 7.")
R("s", None, "explain", "web",
  "Can someone explain the order of the logs here? I expected A B C D.\n```js\nconsole.log('A');\nsetTimeout(() => console.log('B'), 0);\nPromise.resolve().then(() => console.log('C'));\nconsole.log('D');\n```",
  "Microtask vs macrotask ordering is a subtle why: sonnet.")
R("h", None, "explain", "data",
  "Explain: `df.groupby('country')['amount'].sum().sort_values(ascending=False).head(5)`",
  "One pandas chain explained in a sentence: haiku.")
R("s", None, "explain", "systems",
  "Why is `c` equal to -1 > 0u being false in C? I wrote\n```c\nint a = -1;\nunsigned int b = 0;\nif (a > b) puts(\"yes\"); else puts(\"no\");\n```\nand it prints yes.",
  "Integer promotion/usual arithmetic conversions: subtle why, sonnet.")
R("s", None, "explain", "systems",
  "why does the borrow checker reject this, it looks fine to me\n```rust\nlet mut v = vec![1, 2, 3];\nlet first = &v[0];\nv.push(4);\nprintln!(\"{}\", first);\n```",
  "A borrow the compiler rejects (push may reallocate): sonnet per tie-breaker 7.", voice="typos")
R("o", None, "explain", "systems",
  "Explain exactly why this spinlock is correct (or not) with acquire/release and not seq_cst:\n```cpp\nstd::atomic<bool> locked{false};\nvoid lock() { while (locked.exchange(true, std::memory_order_acquire)) { while (locked.load(std::memory_order_relaxed)) {} } }\nvoid unlock() { locked.store(false, std::memory_order_release); }\n```",
  "Memory-ordering semantics of a concurrent primitive: opus per tie-breaker 7.")
R("h", None, "explain", "tooling",
  "What does `set -euo pipefail` at the top of a bash script do?",
  "Well-known short answer.")
R("s", None, "explain", "web",
  "Why is `this` undefined inside handleClick here?\n```js\nclass Form extends React.Component {\n  handleClick() { this.setState({ sent: true }); }\n  render() { return <button onClick={this.handleClick}>Send</button>; }\n}\n```",
  "Method binding loses `this`: subtle-ish why with fix, sonnet.")
R("h", None, "explain", "databases",
  "Quick one, what does `ON CONFLICT (email) DO NOTHING` do in Postgres?",
  "Short snippet, one-sentence answer.")
R("s", None, "explain", "ml",
  "Why does my loss stay identical across epochs with this loop?\n```python\nfor xb, yb in loader:\n    pred = model(xb)\n    loss = loss_fn(pred, yb)\n    loss.backward()\n    optimizer.zero_grad()\n    optimizer.step()\n```",
  "zero_grad after backward wipes gradients; subtle ordering reason in small code: sonnet.")
R("o", None, "explain", "systems",
  "Why does this Go program sometimes print 0? I thought the WaitGroup made it safe.\n```go\nvar ready bool\nvar x int\nfunc main() {\n\tgo func() { x = 42; ready = true }()\n\tfor !ready {}\n\tfmt.Println(x)\n}\n```\n(there's no WaitGroup, I removed it to make it shorter, same result)",
  "Data race, compiler hoisting and Go memory model visibility: opus per tie-breaker 7.")
R("h", None, "explain", "web",
  "What does `?.` do in `user?.address?.city`?",
  "Optional chaining, one sentence.", voice="terse")
R("s", None, "explain", "general",
  "Why does `0.1 + 0.2 == 0.3` give False in Python but `0.5 + 0.25 == 0.75` gives True?",
  "Binary floating point representability: subtle why, sonnet.")
R("s", None, "explain", "web",
  "Why does the default list keep growing between calls?\n```python\ndef add_tag(tag, tags=[]):\n    tags.append(tag)\n    return tags\n```",
  "Mutable default evaluated once: subtle behaviour of small code, sonnet.")
R("o", None, "explain", "systems",
  "Walk me through why this Treiber stack pop has an ABA problem and whether tagging the pointer fully fixes it:\n```c\nnode *pop(stack *s) {\n  node *old, *next;\n  do {\n    old = atomic_load(&s->top);\n    if (!old) return NULL;\n    next = old->next;\n  } while (!atomic_compare_exchange_weak(&s->top, &old, next));\n  return old;\n}\n```",
  "Semantics of a lock-free algorithm and memory reclamation: opus.")
R("h", None, "explain", "infrastructure",
  "What does `restartPolicy: OnFailure` mean on a Job?",
  "Short config meaning.")
R("s", None, "explain", "systems",
  "This C++ compiles but prints garbage. Why?\n```cpp\nconst std::string& greet() {\n    std::string s = \"hello\";\n    return s;\n}\nint main() { std::cout << greet() << '\\n'; }\n```",
  "Dangling reference to a local: why it compiles and what UB means, sonnet.")
R("s", None, "explain", "web",
  "why does `await` inside forEach not wait?\n```js\nids.forEach(async id => { await save(id); });\nconsole.log('all saved');\n```",
  "Async ordering subtlety: sonnet per tie-breaker 7.", voice="typos")
R("h", None, "explain", "tooling",
  "what's `git cherry-pick -x` for",
  "Short flag explanation.", voice="terse")

# sonnet-level tasks wrapped in scary vocabulary
R("s", "HWE", "implement", "systems",
  "Our Raft-based config store exposes a Go client. Add a `--timeout` flag to the `cfgctl get` CLI command that sets the context deadline passed to `client.Get`. Default 5s.",
  "Consensus words, but the work is a CLI flag plumbed into one call: everyday, sonnet.")
R("s", "HWE", "test", "security",
  "Write table-driven tests for our JWT `ParseClaims` helper: expired token, wrong audience, missing `sub`, valid token. We use golang-jwt v5 and an HS256 test key.",
  "Security vocabulary, but writing tests for existing code: sonnet.")
R("s", "HWE", "implement", "ml",
  "Add a Prometheus counter for how many requests hit our distributed inference gateway's fallback model, labelled by model name. Python, prometheus_client.",
  "Adding a metric with a clear spec: sonnet despite the distributed-ML wording.")
R("s", "HWE", "refactor", "systems",
  "Refactor our vector-clock module so the merge and compare functions live in their own file and have docstrings; don't change behaviour. About 200 lines, I'll paste if needed but it's just moving things.",
  "Module refactor without semantic change: sonnet, no distributed reasoning required.")
R("s", "HWE", "ops", "infrastructure",
  "Write the GitHub Actions workflow that builds our multi-arch (amd64/arm64) Docker image for the consensus service and pushes to GHCR on tags.",
  "CI configuration with known steps: sonnet.")
R("s", "HWE", "implement", "security",
  "Add a middleware to our Express app that rejects requests whose `X-Signature` header isn't the HMAC-SHA256 of the raw body with `WEBHOOK_SECRET`. Use crypto.timingSafeEqual.",
  "Clear-spec webhook verification with the safe compare already named: sonnet.")
R("s", "HWE", "debug", "databases",
  "Our CRDT-backed collaborative editor's Postgres migration fails:\n```\npsycopg2.errors.DuplicateTable: relation \"doc_ops_idx\" already exists\n```\nThe migration creates an index with that name. Just need it rerunnable.",
  "Error points straight at the cause (non-idempotent index creation): sonnet.")
R("s", "HWE", "implement", "data",
  "Implement a Bloom filter class in Python with add/contains, sized from expected items and false-positive rate, with the standard formulas. Tests too.",
  "Textbook structure with known formulas and clear spec: sonnet.")
R("s", "HWE", "review", "infrastructure",
  "Review this Terraform for our zero-trust service mesh module — mostly style and whether variables are sensible:\n```hcl\nvariable \"mesh_name\" {}\nvariable \"mtls_mode\" { default = \"STRICT\" }\nvariable \"namespaces\" { type = list(string) }\n\nresource \"kubernetes_manifest\" \"peer_auth\" {\n  for_each = toset(var.namespaces)\n  manifest = {\n    apiVersion = \"security.istio.io/v1beta1\"\n    kind       = \"PeerAuthentication\"\n    metadata   = { name = \"default\", namespace = each.value }\n    spec       = { mtls = { mode = var.mtls_mode } }\n  }\n}\n```",
  "Style/correctness review of a small module, not a security review: sonnet.")
R("s", "HWE", "implement", "systems",
  "Implement consistent hashing with virtual nodes in TypeScript: addNode, removeNode, getNode(key). Use murmurhash from npm. 100 vnodes per node.",
  "Well-known algorithm with a clear spec: sonnet.")

# ---- batch 5: other languages (fr, de, zh) and follow-ups

R("o", "EWH", "plan", "web", 
  "Nous devons migrer notre application de paiement vers un nouveau prestataire sans interruption de service. "
  "Les clients ont des abonnements mensuels et des cartes enregistrées. Comment organiser la bascule ?",
  "Live payment-provider migration with stored cards and subscriptions: high-stakes plan, opus.",
  voice="other-language", lang="fr")
R("h", "HWE", "question", "systems",
  "Que veut dire « quorum » dans un cluster etcd ?",
  "Short definition despite distributed-systems vocabulary.", voice="other-language", lang="fr")
R("s", None, "debug", "web",
  "J'ai cette erreur dans mon application Next.js :\n```\nError: Hydration failed because the initial UI does not match what was rendered on the server.\n```\nLe composant affiche `new Date().toLocaleTimeString()`. Comment corriger proprement ?",
  "Error with an identifiable cause (time rendered on server vs client): sonnet.", voice="other-language", lang="fr")
R("o", "SH", "design", "security",
  "Concevoir la rotation des clés de chiffrement pour notre base, sans temps d'arrêt.",
  "Key rotation design for encrypted data: crypto and migration trade-offs, opus.", voice="other-language", lang="fr")
R("h", None, "question", "tooling",
  "Comment afficher les 10 derniers commits sur une seule ligne avec git ?",
  "git one-liner.", voice="other-language", lang="fr")
R("o", "EWH", "debug", "databases",
  "Seit dem Umzug in die neue Cloud-Region sind manche Bestellungen doppelt in der Datenbank, aber nur ganz selten und immer nachts. "
  "Die Anwendung hat sich nicht geändert. Woran kann das liegen und wie finden wir es?",
  "Rare duplicates after infra change with no lead: opus.", voice="other-language", lang="de")
R("h", "HWE", "edit", "infrastructure",
  "Bitte in dieser Konfiguration den Wert für `replication_factor` von 2 auf 3 ändern, sonst nichts:\n```yaml\ncluster:\n  name: events\n  replication_factor: 2\n  min_insync_replicas: 2\n  retention_hours: 168\n```",
  "One value change in a short config.", voice="other-language", lang="de")
R("s", None, "implement", "data",
  "Schreib mir ein Python-Skript, das alle CSV-Dateien in einem Ordner einliest, die Spalte `betrag` als Dezimalzahl mit Komma parst und pro Datei die Summe ausgibt.",
  "Small multi-step script with a clear spec: sonnet.", voice="other-language", lang="de")
R("o", "SH", "design", "systems",
  "Wie baue ich einen verteilten Lock mit Redis, der auch bei Failover korrekt bleibt?",
  "Distributed lock correctness across failover (Redlock critique, fencing): opus.", voice="other-language", lang="de")
R("s", "HWE", "explain", "systems",
  "Warum kompiliert das nicht? Ich will doch nur den String in den Thread verschieben.\n```rust\nlet name = String::from(\"worker\");\nlet h = std::thread::spawn(|| println!(\"{}\", name));\nh.join().unwrap();\n```",
  "Closure borrow vs move across thread: subtle compiler rejection, sonnet.", voice="other-language", lang="de")
R("o", "EWH", "design", "data",
  "我们的报表系统每天凌晨跑批，数据量越来越大，现在经常跑到早上九点还没完。业务希望改成实时的。请帮我们设计一个方案，包括怎么从现在的架构平滑过渡。",
  "Batch-to-streaming architecture with migration path: open design, opus.", voice="other-language", lang="zh")
R("h", "HWE", "question", "ml",
  "请用一句话解释什么是梯度消失。",
  "One-sentence explanation of a well-known ML concept.", voice="other-language", lang="zh")
R("s", None, "implement", "web",
  "帮我用 Go 写一个 HTTP 中间件，记录每个请求的方法、路径、状态码和耗时，用 slog 输出 JSON。",
  "Clear-spec middleware implementation: sonnet.", voice="other-language", lang="zh")
R("o", "EWH", "debug", "systems",
  "线上服务偶尔会出现请求卡住不返回的情况，大概一天几次，重启就好了。本地和测试环境都复现不了。日志里没有报错。应该从哪里入手排查？",
  "Intermittent hang with no lead in production: opus.", voice="other-language", lang="zh")
R("h", None, "question", "databases",
  "MySQL 里怎么查看当前有哪些连接？",
  "One command answer (SHOW PROCESSLIST).", voice="other-language", lang="zh")

# follow-ups
R("h", None, "edit", "web",
  "now rename `fetchData` to `loadOrders` everywhere in that file",
  "Follow-up whose words name a mechanical rename: haiku per tie-breaker 8.", voice="follow-up")
R("s", None, "test", "web",
  "ok looks good. add tests for the pagination part too",
  "Follow-up asking for tests: sonnet per tie-breaker 8.", voice="follow-up")
R("s", None, "implement", "general",
  "try again",
  "Follow-up that only points back; work unknown, so sonnet per tie-breaker 8.", voice="follow-up")
R("o", "SH", "implement", "systems",
  "now make it lock-free",
  "Follow-up naming lock-free conversion: opus per tie-breaker 8.", voice="follow-up")
R("s", None, "debug", "general",
  "that didn't work, same error",
  "Points back without naming the work: sonnet.", voice="follow-up")
R("h", None, "docs", "general",
  "also add a docstring to the helper you just wrote",
  "Follow-up naming a docstring: haiku.", voice="follow-up")
R("s", None, "refactor", "data",
  "Now do the same for the parser module — same pattern, pull the validation out into its own functions.",
  "Follow-up repeating a refactor on another module: sonnet.", voice="follow-up")
R("o", None, "design", "systems",
  "ok but what happens with your design if the network partitions between the two regions for 10 minutes? walk me through it and change it if needed",
  "Follow-up demanding partition analysis of a distributed design: opus.", voice="follow-up")
R("h", None, "edit", "tooling",
  "revert the last change you made to the Makefile",
  "Follow-up undoing a known edit: mechanical, haiku.", voice="follow-up")
R("s", None, "implement", "general",
  "continue",
  "Points back only; unknown work defaults to sonnet.", voice="follow-up")
R("o", None, "review", "security",
  "Before we merge it: go over what you wrote for the session handling again, but as an attacker. Anything exploitable?",
  "Follow-up asking for a security review: opus per tie-breaker 10.", voice="follow-up")
R("h", None, "edit", "web",
  "make the error message say 'Email already registered' instead",
  "Follow-up changing one string: haiku.", voice="follow-up")
R("s", None, "implement", "mobile",
  "nice. now the same screen but for the iPad layout, split view with the list on the left",
  "Follow-up implementing a layout variant: everyday UI work, sonnet.", voice="follow-up")
R("s", None, "debug", "web",
  "still getting the CORS thing after your change, what else",
  "Vague follow-up on a debugging thread: sonnet.", voice="follow-up")
R("o", None, "debug", "systems",
  "Your fix made the crash go away in the test but now it deadlocks about once in 500 runs. Why, and what's the real fix?",
  "Follow-up with an intermittent deadlock appearing after a fix: opus.", voice="follow-up")
R("h", None, "edit", "general",
  "same but in camelCase",
  "Follow-up reformatting names: mechanical, haiku.", voice="follow-up")
R("s", None, "ops", "infrastructure",
  "good, now write the same alerting rules for the staging cluster but with halved thresholds and route them to #staging-alerts",
  "Follow-up adapting config with changes: sonnet.", voice="follow-up")

# ---- batch 6: long-trivial on medium pastes, and everyday sonnet work with pastes

R("h", "LT", "question", "infrastructure",
  "which pod logged the most WARN lines here?\n```\n" + gen_log(21, 60, ["search-0", "search-1", "search-2"]) + "\n```",
  "Tallying one level per pod in a pasted log is mechanical.", voice="terse")
R("h", "LT", "edit", "infrastructure",
  "Sort these Kubernetes documents so the Services come before the Deployments, don't touch anything inside them.\n```yaml\n"
  + gen_k8s(22, 3) + "\n```",
  "Reordering documents without edits is mechanical.")
R("h", "LT", "question", "data",
  "What's the largest amount_eur in this file and which order_id has it?\n```csv\n" + gen_csv(23, 70) + "\n```",
  "Finding a max in a pasted CSV is a lookup checkable at a glance.")
R("h", "LT", "docs", "data",
  "List the function names defined in this module, one per line, nothing else.\n```python\n" + gen_python_module(24, 18) + "\n```",
  "Extracting names from a file is mechanical.")
R("h", "LT", "edit", "infrastructure",
  "Change every `proxy_read_timeout` in this config to 90s.\n```nginx\n" + gen_nginx(25, 5) + "\n```",
  "Replace one directive value throughout: mechanical edit.")
R("h", "LT", "question", "systems",
  "How many structs are declared in this Go file?\n```go\n" + gen_go(26, 7, False) + "\n```",
  "Counting declarations is mechanical.", voice="plain")
R("h", "LT", "edit", "web",
  "add `// SPDX-License-Identifier: Apache-2.0` as the very first line of this file pls\n```js\n" + gen_js(27, 8) + "\n```",
  "License line on a pasted file: haiku per tie-breaker 5.", voice="typos")
R("h", "LT", "question", "databases",
  "Extract all the IP addresses from these log lines, deduplicated.\n```\n" + gen_log(28, 80, ["pgbouncer-a", "pgbouncer-b"]) + "\n```",
  "Extracting values from a log: mechanical.")
R("h", "LT", "question", "infrastructure",
  "Which deployments in here have LOG_LEVEL set to debug? We forgot to turn it off somewhere.\n```yaml\n" + gen_k8s(29, 9) + "\n```",
  "Finding a setting across a config paste is a lookup.")
R("h", "LT", "edit", "systems",
  "Replace tabs with four spaces in this file, I need it for a doc page.\n```go\n" + gen_go(30, 5, False) + "\n```",
  "Whitespace conversion is mechanical.")

R("h", "LT", "question", "databases",
  """There's a setting in here that limits how long an idle transaction can stay open, what is it set to?

```
# -----------------------------
# PostgreSQL configuration file
# -----------------------------
listen_addresses = '*'
port = 5432
max_connections = 400
superuser_reserved_connections = 3
shared_buffers = 16GB
huge_pages = try
temp_buffers = 8MB
work_mem = 32MB
hash_mem_multiplier = 2.0
maintenance_work_mem = 2GB
autovacuum_work_mem = -1
dynamic_shared_memory_type = posix
effective_io_concurrency = 200
max_worker_processes = 16
max_parallel_workers_per_gather = 4
max_parallel_maintenance_workers = 4
max_parallel_workers = 12
wal_level = logical
fsync = on
synchronous_commit = on
wal_sync_method = fdatasync
full_page_writes = on
wal_compression = zstd
wal_buffers = 64MB
checkpoint_timeout = 15min
checkpoint_completion_target = 0.9
max_wal_size = 32GB
min_wal_size = 4GB
archive_mode = on
archive_command = 'pgbackrest --stanza=main archive-push %p'
max_wal_senders = 10
max_replication_slots = 10
wal_keep_size = 8GB
hot_standby = on
hot_standby_feedback = on
random_page_cost = 1.1
effective_cache_size = 48GB
default_statistics_target = 200
log_destination = 'stderr'
logging_collector = on
log_min_duration_statement = 500
log_checkpoints = on
log_connections = off
log_lock_waits = on
log_temp_files = 0
log_autovacuum_min_duration = 1s
log_line_prefix = '%m [%p] %q%u@%d '
track_io_timing = on
track_functions = pl
autovacuum = on
autovacuum_max_workers = 6
autovacuum_naptime = 15s
autovacuum_vacuum_scale_factor = 0.05
autovacuum_analyze_scale_factor = 0.02
autovacuum_vacuum_cost_limit = 2000
statement_timeout = 0
lock_timeout = 5s
idle_in_transaction_session_timeout = 10min
idle_session_timeout = 0
default_transaction_isolation = 'read committed'
timezone = 'UTC'
lc_messages = 'en_US.UTF-8'
shared_preload_libraries = 'pg_stat_statements,auto_explain'
pg_stat_statements.max = 10000
auto_explain.log_min_duration = '2s'
```""",
  "Finding one setting in a long config: haiku per tie-breaker 5.")

# everyday sonnet with pastes
R("s", None, "debug", "web",
  """Getting this on every request to /api/profile since the refactor:

```
TypeError: Cannot read properties of undefined (reading 'id')
    at getProfile (/app/src/routes/profile.ts:18:31)
    at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)
    at next (/app/node_modules/express/lib/router/route.js:149:13)
    at requireAuth (/app/src/middleware/auth.ts:27:5)
    at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)
    at next (/app/node_modules/express/lib/router/route.js:149:13)
    at Route.dispatch (/app/node_modules/express/lib/router/route.js:119:3)
```

```ts
// src/middleware/auth.ts
export async function requireAuth(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.replace('Bearer ', '');
  if (!token) return res.status(401).end();
  const claims = await verify(token);
  res.locals.user = { id: claims.sub, roles: claims.roles };
  next();
}

// src/routes/profile.ts
export async function getProfile(req: Request, res: Response) {
  const profile = await db.profiles.findOne({ userId: (req as any).user.id });
  res.json(profile);
}
```""",
  "Stack trace points at the cause (user moved to res.locals): sonnet per tie-breaker 2.")
R("s", None, "test", "web",
  """Write Jest tests for this reducer, cover each action and the unknown-action case.

```ts
type State = { items: CartItem[]; coupon?: string };
type Action =
  | { type: 'add'; item: CartItem }
  | { type: 'remove'; sku: string }
  | { type: 'setQty'; sku: string; qty: number }
  | { type: 'applyCoupon'; code: string }
  | { type: 'clear' };

export function cartReducer(state: State, action: Action): State {
  switch (action.type) {
    case 'add': {
      const existing = state.items.find(i => i.sku === action.item.sku);
      if (existing) {
        return { ...state, items: state.items.map(i => i.sku === action.item.sku ? { ...i, qty: i.qty + action.item.qty } : i) };
      }
      return { ...state, items: [...state.items, action.item] };
    }
    case 'remove':
      return { ...state, items: state.items.filter(i => i.sku !== action.sku) };
    case 'setQty':
      if (action.qty <= 0) return { ...state, items: state.items.filter(i => i.sku !== action.sku) };
      return { ...state, items: state.items.map(i => i.sku === action.sku ? { ...i, qty: action.qty } : i) };
    case 'applyCoupon':
      return { ...state, coupon: action.code.trim().toUpperCase() };
    case 'clear':
      return { items: [] };
    default:
      return state;
  }
}
```""",
  "Writing tests for existing code: sonnet.")
R("s", None, "debug", "systems",
  """cargo build fails after bumping tokio, no idea what changed:

```
error[E0277]: `std::sync::MutexGuard<'_, HashMap<String, Session>>` cannot be sent between threads safely
   --> src/server.rs:88:18
    |
88  |     tokio::spawn(async move {
    |     ------------ ^^^^^^^^^^ future created by async block is not `Send`
...
94  |         let sessions = state.sessions.lock().unwrap();
    |             -------- has type `std::sync::MutexGuard<'_, HashMap<String, Session>>` which is not `Send`
95  |         let s = sessions.get(&id).cloned();
96  |         notify(&s).await;
    |                    ^^^^^ await occurs here, with `sessions` maybe used later
```""",
  "Compiler error names the cause (guard held across await): sonnet.")
R("s", None, "review", "web",
  """Review this PR diff please, mostly correctness:

```diff
--- a/app/services/coupon_service.rb
+++ b/app/services/coupon_service.rb
@@ -12,14 +12,22 @@ class CouponService
   def apply(order, code)
-    coupon = Coupon.find_by(code: code)
-    return error(:not_found) unless coupon
-    return error(:expired) if coupon.expires_at < Time.now
-    order.update!(discount_cents: coupon.amount_cents)
+    coupon = Coupon.find_by(code: code.strip.upcase)
+    return error(:not_found) unless coupon
+    return error(:expired) if coupon.expires_at && coupon.expires_at < Time.current
+    return error(:min_total) if order.subtotal_cents < coupon.min_total_cents
+    discount = if coupon.percent?
+                 (order.subtotal_cents * coupon.percent / 100.0).round
+               else
+                 coupon.amount_cents
+               end
+    order.update!(discount_cents: [discount, order.subtotal_cents].min)
+    coupon.increment!(:uses)
     success(order)
   end
```""",
  "Reviewing a small diff for correctness: sonnet per tie-breaker 10.")
R("s", None, "implement", "databases",
  "Write a Postgres migration that adds `deleted_at timestamptz` to `projects`, backfills nothing, and replaces the unique index on (org_id, slug) with a partial one that ignores deleted rows. Must not lock the table for long; it has 40M rows.",
  "Migration with known steps (CONCURRENTLY index swap): sonnet.")
R("s", None, "ops", "infrastructure",
  "Write a Dockerfile for a Python 3.12 FastAPI app using uv, multi-stage, non-root user, healthcheck on /healthz.",
  "Build configuration with clear requirements: sonnet.")
R("s", None, "implement", "mobile",
  "SwiftUI: I need a pull-to-refresh list of orders that loads from `OrdersAPI.fetch(page:)` with infinite scroll and an empty state. iOS 17.",
  "Feature with clear spec: sonnet.")
R("s", None, "implement", "tooling",
  "Write a pre-commit hook config that runs ruff, ruff-format, mypy on changed files and blocks commits with files over 1MB.",
  "Tooling config with clear spec: sonnet.")
R("s", None, "debug", "ml",
  """Training crashes at the first batch:

```
RuntimeError: Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu! (when checking argument for argument mat1 in method wrapper_CUDA_addmm)
  File "train.py", line 74, in <module>
    logits = model(batch["input"])
```
model is `.to("cuda")`, the dataloader gives cpu tensors I think?""",
  "Error points straight at the cause: sonnet.")
R("s", None, "refactor", "web",
  "Refactor this into a custom hook `useDebouncedSearch(query, delay)` that returns {results, loading, error}:\n```tsx\nexport function Search() {\n  const [q, setQ] = useState('');\n  const [results, setResults] = useState<Item[]>([]);\n  const [loading, setLoading] = useState(false);\n  const [error, setError] = useState<string | null>(null);\n  useEffect(() => {\n    if (!q) { setResults([]); return; }\n    setLoading(true);\n    const t = setTimeout(() => {\n      fetch(`/api/search?q=${encodeURIComponent(q)}`)\n        .then(r => r.json())\n        .then(d => { setResults(d.items); setError(null); })\n        .catch(e => setError(String(e)))\n        .finally(() => setLoading(false));\n    }, 300);\n    return () => clearTimeout(t);\n  }, [q]);\n  return <SearchView q={q} onChange={setQ} results={results} loading={loading} error={error} />;\n}\n```",
  "Extracting a hook from a component: everyday refactor, sonnet.")

# ---- batch 7: more easy-words-hard and short-hard, mixed voices

R("o", "EWH", "debug", "web",
  "Hi! So I'm fairly new on the team and I got handed this ticket. Customers sometimes see someone else's name in the top "
  "right corner after logging in. It's super rare, we've had maybe four reports in two months, and when they refresh it's "
  "fixed. We use Next.js with a CDN in front and Redis for sessions. My lead said 'probably caching' but didn't say where. "
  "I don't really know where to start and I'm a bit scared because it sounds like a privacy issue. Any help appreciated!!",
  "Rare cross-user data leak through caching layers, no lead, security impact: opus.", voice="verbose")
R("o", "EWH", "plan", "security",
  "We store customer passwords with unsalted SHA-1 from 2014. How do we get everyone onto something modern without making them all reset?",
  "Credential migration plan (wrap hashes, rehash on login): security plan, opus.")
R("o", "EWH", "design", "mobile",
  "How should the app behave when the phone loses signal halfway through paying?",
  "Payment state machine and idempotent retries under partial failure: opus.")
R("o", "EWH", "debug", "data",
  "Our Spark job's output has slightly fewer rows than the input on some days and nobody filters anything. Which days seems random.",
  "Intermittent silent row loss across a pipeline: no lead, opus.")
R("o", "EWH", "plan", "infrastructure",
  "We have everything in one AWS account, prod and dev and people's experiments. How should we untangle it?",
  "Multi-account migration plan with IAM/network implications: opus.")
R("o", "EWH", "design", "general",
  "Suggest how we should split the work between our three teams so they stop stepping on each other in the same code.",
  "Proposing ownership boundaries in a codebase is architecture: opus per tie-breaker 6.")
R("o", "EWH", "debug", "systems",
  "The app gets slower the longer it runs and a restart fixes it. CPU goes up, memory is flat. It takes about a week.",
  "Slow degradation without memory growth and no lead: performance analysis, opus.")
R("o", "EWH", "design", "databases",
  "How do we keep a history of every change to a customer's record so we can answer 'what did it look like on March 3rd'?",
  "Temporal data modelling with trade-offs (bitemporal, event sourcing): opus.")
R("o", "EWH", "debug", "infrastructure",
  "Every Monday morning the first hour of traffic has loads of timeouts and then it settles. Nothing is scheduled on Monday that we know of.",
  "Periodic production failures with no lead: opus.")
R("o", "EWH", "plan", "web",
  "We want to stop supporting Internet Explorer-era code in our frontend. 6 years of jQuery, some React islands. How would you approach getting to a single modern stack?",
  "Large incremental codebase migration plan: opus.")
R("o", "EWH", "design", "web",
  "What's the right way to let our customers run their own little scripts inside our product?",
  "Sandboxing untrusted code: security architecture with trade-offs, opus.")
R("o", "EWH", "debug", "mobile",
  "Push notifications arrive twice for some users and not at all for others. Same code path.",
  "Inconsistent delivery with no lead across app, backend and provider: opus.")
R("o", "EWH", "design", "data",
  "We want to delete a user's data everywhere when they ask. It's in 11 places including backups. How?",
  "GDPR erasure across stores and backups (crypto-shredding, tombstones): opus.")
R("o", "EWH", "plan", "ml",
  "How do we swap the recommendation model for the new one without losing money if it turns out worse?",
  "Rollout/experimentation plan with guardrails: opus.")
R("o", "EWH", "debug", "databases",
  "queries that are normally 5ms sometimes take 3 seconds, always on the same table, no pattern we can see. table isnt big",
  "Intermittent latency spikes, no lead (locks, vacuum, plans): opus.", voice="typos")

R("o", "EWH", "debug", "web",
  "Our website is working fine for all people, only some customers from one company say it is very slow or not loading at all. They are all in same office. Other offices of same company is fine. What we can check?",
  "Environment-specific failure with no lead (MTU, proxy, TLS inspection): opus.", voice="non-native")
R("o", "EWH", "plan", "general",
  "Our company is buying another company and we must join their user accounts with ours, some people have account in both. Please suggest the way to do this safely.",
  "Identity merge across systems with security and data risks: opus.", voice="non-native")
R("o", "EWH", "design", "infrastructure",
  "What we should do so that if one data center is burning, customers are not noticing?",
  "Disaster recovery/multi-site architecture: opus.", voice="non-native")
R("o", "EWH", "debug", "systems",
  "In production sometimes the files uploaded are corrupted, last bytes are missing. Not every time, maybe 1 of 1000. In test is never happening.",
  "Rare truncation in production with no lead: opus.", voice="non-native")
R("o", "EWH", "design", "web",
  "Please propose how to make our API so that partners can not take all capacity and make slow for others.",
  "Multi-tenant fairness/quotas design: opus.", voice="non-native")

# short-hard
R("o", "SH", "implement", "databases",
  "B-tree with concurrent inserts, latch crabbing. Go.",
  "Concurrent data-structure implementation: opus.", voice="terse")
R("o", "SH", "design", "systems",
  "Vector clocks or hybrid logical clocks for our event store?",
  "Choosing between distributed time designs with justification: opus.")
R("o", "SH", "question", "security",
  "Is ECB ever fine?",
  "Short, but judging block-cipher mode security needs care: opus.", voice="terse")
R("o", "SH", "design", "web",
  "websocket fanout to 2M clients — architecture?",
  "Large-scale real-time architecture: opus.", voice="terse")
R("o", "SH", "question", "data",
  "Watermarks with late data in Flink: what do we lose at 5 min allowed lateness?",
  "Stream-processing correctness trade-offs: opus.")
R("o", "SH", "debug", "systems",
  "SIGSEGV in jemalloc only with 64+ threads. Ideas?",
  "Memory corruption under concurrency, no lead: opus.", voice="terse")
R("o", "SH", "implement", "security",
  "Implement SRP-6a login in TypeScript.",
  "Cryptographic protocol implementation where subtle mistakes are vulnerabilities: opus.")
R("o", "SH", "question", "systems",
  "Why can't FLP-impossible consensus stop Raft from working in practice?",
  "Formal reasoning about FLP and partial synchrony: opus.")
R("o", "SH", "design", "ml",
  "Serve a 70B model at 500 rps, budget-conscious. Plan the infra.",
  "Capacity and architecture analysis with trade-offs: opus.", voice="terse")
R("o", "SH", "review", "systems",
  "Is Redlock safe?",
  "Three words asking for a distributed-safety judgement: opus.", voice="terse")
R("o", "SH", "design", "tooling",
  "Monorepo or polyrepo for 40 engineers, 25 services? Decide and justify.",
  "Architecture choice with justification: opus.")
R("o", "SH", "implement", "systems",
  "userspace RCU in C, readers must never block",
  "Concurrent reclamation algorithm with memory-ordering subtlety: opus.", voice="terse")

# ---- batch 8: hard-words-easy haiku/sonnet, remaining everyday sonnet work, haiku one-liners

R("h", "HWE", "question", "systems",
  "what's the default heartbeat interval in etcd?",
  "One-number fact wrapped in consensus vocabulary.", voice="terse")
R("h", "HWE", "question", "security",
  "How do I generate an Ed25519 SSH key?",
  "One command despite crypto wording.")
R("h", "HWE", "edit", "systems",
  "Fix the spelling of 'linearizability' in this log message: `log.Warn(\"linearizibility check failed for op\", \"op\", op.ID)`",
  "Single spelling fix.")
R("h", "HWE", "question", "ml",
  "What is the shape of the output of nn.MultiheadAttention with batch_first=True, input (8, 128, 512), 8 heads?",
  "Direct shape lookup: (8, 128, 512).")
R("h", "HWE", "docs", "security",
  "Changelog line for: upgraded OpenSSL from 3.0.13 to 3.0.15 to pick up the CVE fixes",
  "Small text task.", voice="terse")
R("h", "HWE", "question", "databases",
  "What does MVCC stand for?",
  "Acronym expansion.", voice="terse")
R("h", "HWE", "explain", "systems",
  "In one sentence, what is a memory barrier?",
  "Short conceptual answer; no semantics of a specific algorithm asked.")
R("h", "HWE", "question", "infrastructure",
  "what's the kubectl flag to drain a node and ignore daemonsets",
  "One flag: --ignore-daemonsets.", voice="typos")
R("h", "HWE", "edit", "security",
  "Reformat this PEM so it has proper 64-char lines, it got squashed into one line:\n```\n-----BEGIN PUBLIC KEY----- MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE= -----END PUBLIC KEY-----\n```",
  "Mechanical reformatting.")
R("h", "HWE", "question", "data",
  "Is Kafka's exactly-once semantics config `enable.idempotence` on by default in recent clients?",
  "Factual config default (yes since 3.0).")
R("s", "HWE", "implement", "security",
  "Add TOTP two-factor to our Flask login using pyotp: setup endpoint that returns a QR provisioning URI, verify endpoint, and a `totp_secret` column. Follow the existing `auth/` blueprint structure.",
  "Integrating a library with a clear spec: sonnet, the security words do not make it a review.")
R("s", "HWE", "implement", "systems",
  "Write a Python function that parses our gossip protocol's membership message (JSON: node id, incarnation number, state alive|suspect|dead) into a dataclass and validates the fields.",
  "Parsing/validation with clear spec: sonnet.")
R("s", "HWE", "ops", "infrastructure",
  "Helm chart for our Byzantine-fault-tolerant ledger node: StatefulSet with 4 replicas, a PVC per pod, headless service. Just the templates, values are simple.",
  "Standard Helm templates: everyday infra work, sonnet.")
R("s", "HWE", "test", "ml",
  "Write unit tests for our distributed data-parallel helper `shard_indices(n, world_size, rank)` — check every index is covered exactly once and shards differ by at most one in size.",
  "Tests for a small existing function: sonnet.")
R("h", "LT", "edit", "general",
  "Fix the one typo in this README, I think it says 'enviroment' somewhere:\n\n# ledgerd\n\nledgerd is the settlement daemon used by the payouts team. It reads events from the `settlements` topic, "
  "aggregates them per merchant and writes daily statements.\n\n## Requirements\n\n- Go 1.22+\n- PostgreSQL 15\n- access to the Kafka cluster in the prod enviroment (ask #platform)\n\n## Running locally\n\n"
  "```sh\nmake dev-up\ngo run ./cmd/ledgerd --config config/local.toml\n```\n\n## Configuration\n\nAll settings live in TOML. The important ones are `kafka.brokers`, `db.dsn`, "
  "`statement.cutoff_hour` (UTC) and `statement.currency_precision`. See `config/example.toml` for the full list.\n\n## Releasing\n\nTag `vX.Y.Z` on main; CI builds the image and opens a PR in the deploy repo.\n\n"
  "## On-call\n\nRunbooks are in `docs/runbooks/`. The most common page is statement lag; check consumer lag first.",
  "One spelling fix in a pasted document.")
R("h", "LT", "question", "tooling",
  "Which of these dependencies are pinned to an exact version (no ^ or ~)?\n```json\n{\n  \"name\": \"storefront\",\n  \"private\": true,\n  \"dependencies\": {\n    \"@tanstack/react-query\": \"^5.59.0\",\n    \"axios\": \"1.7.7\",\n    \"classnames\": \"^2.5.1\",\n    \"date-fns\": \"~3.6.0\",\n    \"i18next\": \"^23.15.1\",\n    \"lodash-es\": \"4.17.21\",\n    \"next\": \"14.2.15\",\n    \"react\": \"^18.3.1\",\n    \"react-dom\": \"^18.3.1\",\n    \"react-hook-form\": \"^7.53.0\",\n    \"zod\": \"3.23.8\",\n    \"zustand\": \"^4.5.5\"\n  },\n  \"devDependencies\": {\n    \"@types/node\": \"^20.16.11\",\n    \"eslint\": \"8.57.1\",\n    \"typescript\": \"~5.6.3\",\n    \"vitest\": \"^2.1.2\"\n  }\n}\n```",
  "Scanning a package.json for a pattern: checkable at a glance.")
R("h", "LT", "edit", "data",
  "Convert this CSV to a markdown table:\n```csv\n" + gen_csv(31, 25) + "\n```",
  "Format conversion of a pasted table: mechanical.")
R("h", "LT", "question", "infrastructure",
  "whats the timestamp of the first 503 in here\n```\n" + gen_log(32, 90, ["edge-proxy-1"]) + "\n```",
  "Finding one line in a log: lookup.", voice="typos")

# non-native, everyday
R("s", None, "implement", "web",
  "Please I need help to make a login form in Vue 3 with validation, email must be correct and password minimum 8 characters, and show errors under the field. We use Vuelidate.",
  "Clear-spec UI feature: sonnet.", voice="non-native")
R("h", None, "question", "tooling",
  "How to see which process is using port 8080 on Linux? I need command.",
  "One-liner.", voice="non-native")
R("s", None, "debug", "databases",
  "My query is very slow, 8 seconds. Table orders have 5 million rows. Query: `SELECT * FROM orders WHERE DATE(created_at) = '2026-11-01' AND status = 'paid'`. There is index on created_at. Why index is not used?",
  "Function on indexed column defeats the index: identifiable cause, sonnet.", voice="non-native")
R("s", None, "implement", "data",
  "I have two dataframes, one with customers and one with orders. I want for every customer the last order date and total amount, and customers without order also should be there with zero. Please pandas code.",
  "Multi-step data transform with clear spec: sonnet.", voice="non-native")
R("h", None, "edit", "web",
  "Can you make this CSS to center the div horizontal and vertical? `.box { width: 200px; height: 200px; }` parent is `.wrap`.",
  "Tiny CSS edit.", voice="non-native")
R("s", None, "debug", "mobile",
  "In my Flutter app the image from network is not showing on Android release build but in debug it is working. On iOS both working. Images are http not https.",
  "Cleartext traffic blocked in release: identifiable cause, sonnet.", voice="non-native")
R("s", None, "implement", "infrastructure",
  "Please write bash script which is backup the postgres database every night with pg_dump, keep only last 7 files and send message to Slack webhook if failed.",
  "Small ops script with clear spec: sonnet.", voice="non-native")
R("h", None, "question", "general",
  "What is difference between 'git fetch' and 'git pull'? Short answer please.",
  "Well-known short answer.", voice="non-native")
R("s", None, "refactor", "systems",
  "This Java class has 900 lines and everything is static. I want to make it normal class with dependency injection by Spring, so I can test. Can you show how to start, with the first two methods as example?",
  "Refactor towards DI with examples: everyday, sonnet.", voice="non-native")
R("s", None, "test", "web",
  "Please write the integration test with supertest for endpoint POST /api/orders, it must check 201 with correct body and 400 when items is empty.",
  "Writing tests with clear spec: sonnet.", voice="non-native")

# verbose, everyday
R("s", None, "implement", "web",
  "Okay so context: we have a small internal tool in Flask for the warehouse people to mark shipments as packed. They now want "
  "to be able to upload a photo of the packed box for each shipment (one or more photos). We store files in S3 already for "
  "other stuff, with boto3, bucket name in config as `UPLOADS_BUCKET`. I need the upload endpoint, a thumbnail list on the "
  "shipment page, and files should be private (presigned URLs for viewing). Max 10MB per photo, jpeg/png only. Nothing fancy.",
  "Feature with a clear spec across a few files: sonnet.", voice="verbose")
R("s", None, "debug", "tooling",
  "I've been fighting this for an hour. Our GitHub Actions job runs `npm ci` and fails with `npm ERR! code EUSAGE ... The npm ci command can only install with an existing package-lock.json`. "
  "But there IS a package-lock.json in the repo, I can see it on GitHub! The workflow has `working-directory: ./frontend` on the run step, and the checkout step is the default. "
  "Locally npm ci works fine inside frontend/. What am I missing?",
  "CI error with an identifiable cause (lockfile location/cache path): sonnet.", voice="verbose")
R("s", None, "review", "data",
  "Hey, could you review my dbt model before I open the PR? It's my first one so please also tell me if the style is off.\n```sql\n{{ config(materialized='incremental', unique_key='order_id') }}\n\nselect\n    o.order_id,\n    o.customer_id,\n    o.created_at,\n    sum(i.qty * i.unit_price) as gross_amount,\n    max(p.paid_at) as paid_at\nfrom {{ ref('stg_orders') }} o\nleft join {{ ref('stg_order_items') }} i on i.order_id = o.order_id\nleft join {{ ref('stg_payments') }} p on p.order_id = o.order_id\n{% if is_incremental() %}\nwhere o.created_at > (select max(created_at) from {{ this }})\n{% endif %}\ngroup by 1, 2, 3\n```",
  "Review of a small model for correctness and style: sonnet.", voice="verbose")
R("s", None, "docs", "infrastructure",
  "Can you write a runbook section for our on-call wiki about what to do when the Redis memory alert fires? "
  "Our setup: Redis 7 on ElastiCache, used for sessions and a rate-limit counter, maxmemory-policy is volatile-lru. "
  "Steps should cover checking big keys, checking eviction stats, and when to scale the node type. Markdown please.",
  "Several-section operational doc with known steps: sonnet.", voice="verbose")

# terse / plain everyday sonnet
R("s", None, "implement", "web",
  "Add cursor pagination to GET /v2/events (Go, sqlc, ordered by created_at,id). Return next_cursor opaque base64.",
  "Endpoint change with clear spec: sonnet.", voice="terse")
R("s", None, "implement", "data",
  "Airflow DAG: every hour pull new rows from the `events` table in Postgres into BigQuery, partitioned by day, dedupe on event_id.",
  "Pipeline job with known steps: sonnet.")
R("s", None, "ops", "infrastructure",
  "Terraform for an S3 bucket with versioning, SSE-KMS with a new key, block public access, lifecycle to Glacier after 90 days.",
  "Infra config with clear spec: sonnet.")
R("s", None, "implement", "mobile",
  "Kotlin: Room entity + DAO for `Note(id, title, body, updatedAt)`, with a Flow of notes sorted by updatedAt desc and a search by title.",
  "Clear-spec persistence code: sonnet.", voice="terse")
R("s", None, "refactor", "tooling",
  "Split our 600-line `Makefile` targets into `make/*.mk` includes by area (build, test, docker, release). Keep target names the same.",
  "Mechanical-but-careful restructuring across files: sonnet.")
R("s", None, "implement", "ml",
  "Write a PyTorch Dataset for a folder of images with labels in a CSV (filename,label), with train/val split by a seed and standard augmentations for train only.",
  "Clear-spec ML code: sonnet.")
R("s", None, "implement", "general",
  "CLI in Python with argparse: `dedupe <dir>` finds duplicate files by size then sha256, prints groups, `--delete` keeps the oldest.",
  "Small tool with clear spec: sonnet.")
R("s", None, "debug", "web",
  "Django: `SuspiciousOperation: Invalid HTTP_HOST header: 'api.shop.internal'. You may need to add 'api.shop.internal' to ALLOWED_HOSTS.` but it IS in ALLOWED_HOSTS in settings/prod.py??",
  "Error with a likely identifiable cause (settings module not loaded): sonnet.")
R("s", None, "implement", "databases",
  "Write the SQL for a monthly cohort retention table: users by signup month, % active in each following month, from `users(id, created_at)` and `events(user_id, ts)`.",
  "Multi-step analytic SQL with clear spec: sonnet.")
R("s", None, "test", "systems",
  "Property-based tests (hypothesis) for our `merge_intervals` function: output sorted, non-overlapping, covers exactly the same points as the input.",
  "Writing tests for existing code: sonnet.")
R("s", None, "implement", "web",
  "Implement a React `useLocalStorage<T>(key, initial)` hook that syncs across tabs via the storage event. TS.",
  "Small hook with clear spec: sonnet.", voice="terse")
R("s", None, "review", "mobile",
  "Review this Swift for retain cycles and obvious bugs:\n```swift\nfinal class OrdersViewModel: ObservableObject {\n    @Published var orders: [Order] = []\n    private var timer: Timer?\n    private let api: OrdersAPI\n    init(api: OrdersAPI) {\n        self.api = api\n        timer = Timer.scheduledTimer(withTimeInterval: 30, repeats: true) { _ in\n            self.reload()\n        }\n    }\n    func reload() {\n        api.fetch { result in\n            if case .success(let list) = result { self.orders = list }\n        }\n    }\n}\n```",
  "Small code review for cycles and threading of @Published: sonnet.")

# haiku plain
R("h", None, "question", "tooling",
  "regex for an ipv4 address?",
  "One-liner regex.", voice="terse")
R("h", None, "question", "databases",
  "SQL: count orders per status from the orders table",
  "Single-table GROUP BY one-liner.", voice="terse")
R("h", None, "docs", "general",
  "Write a commit message: removed the unused `legacy_export` feature flag and its dead code path.",
  "Small text task.")
R("h", None, "edit", "data",
  "Convert to JSON: name=ledger, retries=3, regions=eu,us",
  "Trivial format conversion.", voice="terse")
R("h", None, "question", "web",
  "What status code should a successful DELETE with no body return?",
  "Short well-known answer: 204.")

# follow-ups
R("s", None, "implement", "data",
  "ok now make it incremental instead of a full reload each hour",
  "Follow-up asking for an everyday pipeline change: sonnet.", voice="follow-up")
R("h", None, "edit", "general",
  "now rename it back to `process_batch`",
  "Follow-up naming a mechanical rename: haiku per tie-breaker 8.", voice="follow-up")
R("o", None, "design", "databases",
  "Right, and now the same but the two writers are in different regions and can't coordinate synchronously. Still no lost updates allowed.",
  "Follow-up turning the design into a multi-region consistency problem: opus.", voice="follow-up")
R("s", None, "test", "mobile",
  "write the unit tests for that viewmodel too",
  "Follow-up asking for tests: sonnet.", voice="follow-up")
R("s", None, "debug", "general",
  "hmm no, that broke something else. look again",
  "Only points back: sonnet per tie-breaker 8.", voice="follow-up")
R("h", None, "edit", "web",
  "also sort the imports in that file",
  "Follow-up naming a mechanical edit: haiku.", voice="follow-up")

# a couple more subtle-vs-plain explanations
R("h", None, "explain", "systems",
  "what does `defer f.Close()` do in Go",
  "One-sentence explanation.", voice="terse")
R("s", None, "explain", "systems",
  "Why does this Go loop print the last value three times on Go 1.20 but not on 1.22?\n```go\nvar fs []func()\nfor _, v := range []int{1, 2, 3} {\n\tfs = append(fs, func() { fmt.Println(v) })\n}\nfor _, f := range fs { f() }\n```",
  "Loop variable capture and the 1.22 semantics change: subtle why, sonnet.")
R("o", None, "explain", "systems",
  "Explain why this seqlock reader needs the fences it has, and what breaks on ARM if I drop the acquire fence:\n```c\ndo {\n  s1 = atomic_load_explicit(&seq, memory_order_acquire);\n  d = data;\n  atomic_thread_fence(memory_order_acquire);\n  s2 = atomic_load_explicit(&seq, memory_order_relaxed);\n} while (s1 != s2 || (s1 & 1));\n```",
  "Memory ordering semantics of a concurrent read protocol: opus per tie-breaker 7.")

# ---- batch 9: final rows

R("s", "HWE", "implement", "systems",
  "Add structured logging to our Paxos proposer: log ballot number, proposal value hash and phase on each state transition, using zap. No behaviour change.",
  "Consensus code, but adding log lines is everyday work: sonnet.")
R("s", "HWE", "debug", "security",
  "Our SAML SSO integration fails with `Signature validation failed: SAML Response rejected` right after the IdP rotated its signing cert. We pin the old cert fingerprint in `saml.yml`. What do we change?",
  "Cause is identified (pinned old cert): a config update, sonnet.")
R("h", "HWE", "question", "systems",
  "In Raft, who sends AppendEntries, the leader or the followers?",
  "One-word answer despite consensus vocabulary.")
R("o", "EWH", "debug", "web",
  "Sometimes a customer's cart shows items from yesterday even though they emptied it. Mostly on mobile web. Can't make it happen ourselves.",
  "Intermittent stale state across caches/clients with no lead: opus.")
R("o", "SH", "design", "databases",
  "Online schema change on a 3TB MySQL table with FKs. Approach?",
  "High-stakes migration approach with tool and FK trade-offs: opus.", voice="terse")
R("s", None, "implement", "web",
  "Write a Next.js route handler that streams a CSV export of the current user's invoices (Prisma), with correct Content-Disposition and no loading everything into memory.",
  "Clear-spec endpoint with streaming: sonnet.")
R("s", None, "debug", "infrastructure",
  "terraform plan wants to destroy and recreate our RDS instance because `engine_version` changed from \"15.4\" to \"15.7\" — AWS already auto-upgraded it. How do I make TF accept it without a replacement?",
  "Identifiable cause with a known fix (update config / ignore_changes): sonnet.", voice="typos")
R("h", None, "question", "mobile",
  "What's the minimum iOS version SwiftUI's NavigationStack needs?",
  "Single factual answer: iOS 16.")

# === END ROWS ===


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "w6.jsonl"), "w", encoding="utf-8") as f:
        for i, row in enumerate(ROWS, 1):
            out = {"id": f"w6-{i:04d}"}
            out.update(row)
            f.write(json.dumps(out, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
