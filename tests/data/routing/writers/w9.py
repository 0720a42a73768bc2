#!/usr/bin/env python3
"""Writer w9: minimal pairs and the router's known misses.

Groups of 2-3 prompts that look alike but need different tiers under the rubric.
Run `python3 w9.py` to write w9.jsonl deterministically.
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

def gen_log(seed, n, extra=None, extra_rate=0.02):
    rnd = random.Random(seed)
    levels = ["INFO"] * 14 + ["DEBUG"] * 6 + ["WARN"] * 3 + ["ERROR"]
    msgs = [
        "http request method={m} path={p} status={s} latency_ms={d} req_id={r}",
        "pool stats active={a} idle={i} waiting={w}",
        "cache miss key=acct:{u}",
        "cache hit key=sess:{h}",
        "job started id={j} queue=invoices",
        "job done id={j} queue=invoices took_ms={d}",
        "upstream svc=ledger status={s} latency_ms={d}",
        "gc pause_ms={g} heap_mb={hm}",
        "retry svc=fx-rates attempt={at} backoff_ms={b}",
        "consumer lag topic=payments partition={pt} lag={lg}",
        "healthz ok",
        "session refreshed user={u} client=android",
        "slow query took_ms={d} sql=UPDATE accounts SET balance = balance - $1 WHERE id = $2",
        "conn closed remote=10.2.{o1}.{o2}:6379 reason=idle",
    ]
    paths = ["/v2/transfers", "/v2/accounts/{id}", "/v2/cards", "/healthz", "/v2/statements", "/v2/login"]
    t = 1_790_000_000 + seed * 777
    out = []
    for _ in range(n):
        t += rnd.randint(0, 4)
        hh, rem = divmod(t % 86400, 3600)
        mm, ss = divmod(rem, 60)
        lvl = rnd.choice(levels)
        msg = rnd.choice(msgs).format(
            m=rnd.choice(["GET", "POST", "PATCH"]), p=rnd.choice(paths),
            s=rnd.choice([200] * 10 + [201, 204, 400, 401, 404, 500, 503]), d=rnd.randint(1, 3000),
            r=f"{rnd.getrandbits(48):012x}", a=rnd.randint(0, 40), i=rnd.randint(0, 20), w=rnd.randint(0, 25),
            u=rnd.randint(10000, 999999), h=f"{rnd.getrandbits(36):09x}", j=rnd.randint(10**6, 10**7),
            g=rnd.randint(2, 700), hm=rnd.randint(200, 6000), at=rnd.randint(1, 6), b=rnd.choice([50, 100, 200, 400, 800]),
            pt=rnd.randint(0, 15), lg=rnd.randint(0, 50000), o1=rnd.randint(0, 9), o2=rnd.randint(2, 250))
        if extra and rnd.random() < extra_rate:
            lvl, msg = rnd.choice(extra)
        svc = rnd.choice(["api-gw", "transfers", "ledger-writer", "notifier"])
        out.append(f"2026-10-{3 + (t // 86400) % 5:02d}T{hh:02d}:{mm:02d}:{ss:02d}.{rnd.randint(0,999):03d}Z {lvl:5s} [{svc}] {msg}")
    return "\n".join(out)


PY_VERBS = ["load", "parse", "normalize", "validate", "merge", "render", "fetch", "score", "filter", "export"]
PY_NOUNS = ["invoice", "customer", "shipment", "ledger_entry", "coupon", "tax_rule", "warehouse", "report", "payout", "refund"]


def gen_py_module(seed, n_funcs, typo=None):
    """A long, plausible Python module built from varied functions."""
    rnd = random.Random(seed)
    lines = ['"""Back-office helpers for the billing service."""', "import datetime", "import decimal", "import json",
             "import logging", "from typing import Any, Iterable", "", "log = logging.getLogger(__name__)", ""]
    used = set()
    for k in range(n_funcs):
        v, nn = rnd.choice(PY_VERBS), rnd.choice(PY_NOUNS)
        name = f"{v}_{nn}"
        if name in used:
            name = f"{name}_{k}"
        used.add(name)
        kind = rnd.randrange(4)
        doc = f"{v.capitalize()} a {nn.replace('_', ' ')} record."
        if typo and k == n_funcs // 2:
            doc = typo
        lines.append(f"def {name}(rows: Iterable[dict[str, Any]], *, limit: int = {rnd.randint(10, 500)}) -> list[dict[str, Any]]:")
        lines.append(f'    """{doc}"""')
        lines.append("    out = []")
        if kind == 0:
            lines += ["    for row in rows:",
                      f"        if row.get('{nn}_id') is None:",
                      f"            log.warning('skipping row without {nn}_id: %r', row)",
                      "            continue",
                      f"        row['amount'] = decimal.Decimal(str(row.get('amount', '0'))).quantize(decimal.Decimal('0.01'))",
                      "        out.append(row)",
                      "        if len(out) >= limit:",
                      "            break"]
        elif kind == 1:
            lines += ["    seen = set()",
                      "    for row in rows:",
                      f"        key = (row.get('tenant'), row.get('{nn}_id'))",
                      "        if key in seen:",
                      "            continue",
                      "        seen.add(key)",
                      f"        row['updated_at'] = datetime.datetime.fromisoformat(row['updated_at']).isoformat()",
                      "        out.append(row)"]
        elif kind == 2:
            lines += ["    for row in sorted(rows, key=lambda r: r.get('created_at', '')):",
                      f"        payload = json.loads(row.get('payload') or '{{}}')",
                      f"        payload.setdefault('currency', '{rnd.choice(['EUR', 'USD', 'SEK', 'IDR'])}')",
                      "        row['payload'] = payload",
                      "        out.append(row)",
                      "    out = out[:limit]"]
        else:
            lines += ["    total = decimal.Decimal('0')",
                      "    for row in rows:",
                      "        total += decimal.Decimal(str(row.get('amount', '0')))",
                      f"        out.append({{**row, 'running_total': str(total)}})",
                      f"    log.debug('{name}: %d rows, total %s', len(out), total)"]
        lines += ["    return out", "", ""]
    return "\n".join(lines)


def gen_yaml_services(seed, n):
    rnd = random.Random(seed)
    out = ["services:"]
    for k in range(n):
        name = f"{rnd.choice(['orders', 'users', 'search', 'pricing', 'mailer', 'media', 'audit', 'geo'])}-{k:02d}"
        out += [f"  {name}:",
                f"    image: registry.internal/{name}:{rnd.randint(1, 9)}.{rnd.randint(0, 30)}.{rnd.randint(0, 9)}",
                f"    replicas: {rnd.randint(1, 12)}",
                "    resources:",
                f"      cpu: {rnd.choice(['250m', '500m', '1', '2'])}",
                f"      memory: {rnd.choice(['256Mi', '512Mi', '1Gi', '2Gi'])}",
                "    env:",
                f"      LOG_LEVEL: {rnd.choice(['info', 'debug', 'warn'])}",
                f"      DB_POOL_SIZE: \"{rnd.randint(5, 60)}\"",
                f"      REQUEST_TIMEOUT_MS: \"{rnd.choice([500, 1000, 2000, 5000, 30000])}\"",
                f"      FEATURE_NEW_CHECKOUT: \"{rnd.choice(['true', 'false'])}\"",
                "    healthcheck:",
                f"      path: /healthz",
                f"      interval_s: {rnd.choice([5, 10, 15, 30])}"]
    return "\n".join(out)


def gen_csv(seed, n):
    rnd = random.Random(seed)
    out = ["order_id,customer_id,country,created_at,status,total_eur,items"]
    for k in range(n):
        out.append(f"{100000 + k},{rnd.randint(1000, 9999)},{rnd.choice(['SE', 'ID', 'DE', 'FR', 'US', 'NL', 'PL'])},"
                   f"2026-0{rnd.randint(1, 9)}-{rnd.randint(1, 28):02d}T{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:00Z,"
                   f"{rnd.choice(['paid', 'paid', 'paid', 'refunded', 'pending', 'cancelled'])},{rnd.randint(5, 900)}.{rnd.randint(0, 99):02d},{rnd.randint(1, 12)}")
    return "\n".join(out)


def gen_ts_module(seed, n):
    rnd = random.Random(seed)
    out = ["import { Request, Response, NextFunction } from 'express';", "import { db } from './db';", "import { audit } from './audit';", ""]
    for k in range(n):
        ent = rnd.choice(["project", "invoice", "member", "apiKey", "webhook", "team", "billingProfile"])
        verb = rnd.choice(["get", "list", "update", "delete", "archive", "restore"])
        fname = f"{verb}{ent[0].upper()}{ent[1:]}{k}"
        guard = rnd.random()
        out.append(f"export async function {fname}(req: Request, res: Response, next: NextFunction) {{")
        out.append("  try {")
        if guard < 0.85:
            out.append("    if (!req.user) return res.status(401).json({ error: 'unauthenticated' });")
        if guard < 0.7:
            out.append(f"    const row = await db.{ent}.findFirst({{ where: {{ id: req.params.id, orgId: req.user.orgId }} }});")
        else:
            out.append(f"    const row = await db.{ent}.findFirst({{ where: {{ id: req.params.id }} }});")
        out.append("    if (!row) return res.status(404).json({ error: 'not found' });")
        if verb in ("update", "archive", "restore"):
            out.append(f"    const updated = await db.{ent}.update({{ where: {{ id: row.id }}, data: {{ ...req.body, updatedAt: new Date() }} }});")
            out.append(f"    await audit(req, '{ent}.{verb}', row.id);")
            out.append("    return res.json(updated);")
        elif verb == "delete":
            out.append(f"    await db.{ent}.delete({{ where: {{ id: row.id }} }});")
            out.append("    return res.status(204).end();")
        else:
            out.append("    return res.json(row);")
        out.append("  } catch (err) {")
        out.append("    next(err);")
        out.append("  }")
        out.append("}")
        out.append("")
    return "\n".join(out)


LOG_A = gen_log(11, 320)
PY_LONG = gen_py_module(21, 150)
TS_LONG = gen_ts_module(31, 230)

# ================================================================ rows

# --- group: deadlock (systems)
R("s", None, "debug", "systems", '''
why does this deadlock? it hangs maybe 1 in 20 runs of the test

```go
type Bank struct{ mu sync.Mutex; accounts map[string]*Account }
type Account struct{ mu sync.Mutex; balance int64 }

func (b *Bank) Transfer(from, to *Account, amt int64) {
    from.mu.Lock()
    defer from.mu.Unlock()
    to.mu.Lock()
    defer to.mu.Unlock()
    from.balance -= amt
    to.balance += amt
}

// test: go b.Transfer(a, c, 10); go b.Transfer(c, a, 5)
```
''', "Cause (inconsistent lock order) is visible in 15 pasted lines; a known fix (order by id), everyday debugging.")
R("o", "EWH", "debug", "systems", '''
we get a deadlock in production maybe once a day. no thread dump, the pod just stops answering and the liveness probe kills it. it's a java service with a couple of thread pools and a connection pool, it started after we bumped the http client version two weeks ago but also a bunch of other stuff went out in that release. how do we even find this
''', "Intermittent production hang with no dump and no lead; needs a theory across components (rubric: debugging without a clear lead).")
R("h", "HWE", "question", "systems", "what is a deadlock?", "Short well-known conceptual answer.", voice="terse")

# --- group: 3000-line file (web)
R("h", "LT", "edit", "web", "add our license header to the top of this file, the usual one:\n// Copyright 2026 Northwind Labs AB. SPDX-License-Identifier: Apache-2.0\n\n```ts\n" + TS_LONG + "\n```",
  "Mechanical one-line insertion on a very long paste; tie-breaker 5, long but trivial.")
R("s", None, "refactor", "web", "convert this from the old callback-style express handlers to a single class-based controller per entity, keep behaviour identical, keep the audit calls\n\n```ts\n" + "\n".join(TS_LONG.splitlines()[:900]) + "\n```",
  "Rewriting a long file into another style: many careful but routine steps (tie-breaker 5 → sonnet).", voice="terse")
R("o", None, "review", "security", "review this file for auth bypasses / tenant isolation bugs. it's all of our org-scoped handlers. list every handler that can leak or modify another org's data and why.\n\n```ts\n" + "\n".join(TS_LONG.splitlines()[:1400]) + "\n```",
  "Security review for authorization flaws across a large file; a subtle miss is a vulnerability.")

# --- group: explain small code
R("h", None, "explain", "general", "what does this regex match?\n\n^[A-Z]{2}\\d{2}[A-Z0-9]{11,30}$",
  "Explaining a short snippet in a sentence (looks like an IBAN shape).", voice="terse")
R("s", None, "explain", "web", '''
can someone explain why this prints 5 five times instead of 0 1 2 3 4?

```js
var fns = [];
for (var i = 0; i < 5; i++) {
  fns.push(function () { console.log(i); });
}
fns.forEach(function (f) { f(); });
```
I thought each function would remember its own i
''', "Why small code behaves as it does with a subtle reason (closure over var loop variable); tie-breaker 7 → sonnet.", voice="verbose")
R("o", None, "explain", "systems", '''
does this lock-free stack have an ABA problem? if yes show me the exact interleaving, if no explain why not.

```c
struct node { struct node *next; int val; };
_Atomic(struct node *) top;

void push(struct node *n) {
    struct node *old = atomic_load_explicit(&top, memory_order_relaxed);
    do { n->next = old; }
    while (!atomic_compare_exchange_weak_explicit(&top, &old, n,
            memory_order_release, memory_order_relaxed));
}

struct node *pop(void) {
    struct node *old = atomic_load_explicit(&top, memory_order_acquire);
    while (old && !atomic_compare_exchange_weak_explicit(&top, &old, old->next,
            memory_order_acquire, memory_order_acquire))
        ;
    return old;
}
// nodes are recycled through a freelist after pop
```
''', "Semantics of a concurrent lock-free algorithm and memory ordering; tie-breaker 7 → opus.")

# --- group: planning
R("h", None, "plan", "general", "plan the sprint demo agenda for friday, 45 min, 4 teams (payments, search, mobile, platform), each wants ~8 min plus q&a",
  "Small text task: a short agenda, checkable at a glance.", voice="typos")
R("o", "EWH", "plan", "infrastructure", "plan how to introduce feature flags across our 40 services. today every team does its own env-var toggles, some read them at startup only, and nobody knows which flags are dead.",
  "Multi-step plan across many services with design choices; tie-breaker 6, plain words hard work.")
R("s", None, "implement", "web", "add a feature flag check around the new checkout button in CheckoutPage.tsx using our existing `useFlag('new-checkout')` hook, default off",
  "Small clear-spec feature in one component with an existing hook; everyday work.")

# --- group: lost writes
R("o", "EWH", "debug", "databases", "after a leader change in our raft-backed config store some writes are just gone. clients got 200 OK for them. it doesn't happen every failover, maybe one in ten. where do we start?",
  "Lost acknowledged writes after leader change: consensus debugging with no clear lead (tie-breaker 6).")
R("s", None, "debug", "databases", '''
writes lost after failover — found it i think, but want a second pair of eyes on the fix. our client does:

```python
def put(key, val):
    leader = cache.get("leader")
    try:
        return http.post(f"http://{leader}/kv/{key}", data=val, timeout=2)
    except Timeout:
        return {"ok": True}   # assume it landed, retry job will fix
```
the except branch returns ok on timeout. what should it do instead?
''', "Cause is visible in the snippet (timeout treated as success); a known fix, everyday debugging.", voice="typos")
R("h", "HWE", "question", "databases", "what does 'leader election' mean in raft, one paragraph",
  "Short conceptual answer with a well-known definition; scary term, easy ask.", voice="terse")

# --- group: counting / finding in a long log
R("h", "LT", "question", "infrastructure", "how many lines in this are ERROR level?\n\n```\n" + LOG_A + "\n```",
  "Counting lines in a long paste; checkable at a glance (tie-breaker 5).", voice="terse")
R("o", "EWH", "debug", "infrastructure", "this is from the last few hours of the transfers service. every few hours the whole thing stalls for 2-3 minutes, latencies go to the moon, then it recovers by itself. we can't reproduce it in staging. figure out what's going on.\n\n```\n" + LOG_A + "\n```",
  "A stall nobody can reproduce, needs a theory across pool, GC, upstreams; no clear lead in the log (tie-breaker 6).")
R("s", None, "debug", "infrastructure", '''
transfers fails on startup after the deploy, log:

```
2026-10-04T09:12:01.114Z INFO  [transfers] loading config from /etc/transfers/config.yaml
2026-10-04T09:12:01.120Z INFO  [transfers] connecting to postgres host=pg-primary.internal db=transfers
2026-10-04T09:12:01.318Z INFO  [transfers] running migrations (14 pending)
2026-10-04T09:12:01.402Z ERROR [transfers] migration 0042_add_idempotency_key.sql failed: ERROR: column "idempotency_key" of relation "transfers" already exists (SQLSTATE 42701)
2026-10-04T09:12:01.403Z ERROR [transfers] startup aborted
```
someone added the column by hand last week i think. whats the cleanest way to get the migration tool back in sync?
''', "Clear cause in the log (column added manually); known remediation for migration state. Everyday ops debugging.")

# --- group: one spelling in a long module
R("h", "LT", "edit", "data", "there's one misspelled word in a docstring somewhere in here ('recrod'), fix just that, dont touch anything else\n\n```python\n" + gen_py_module(22, 120, typo="Normalize a refund recrod before export.") + "\n```",
  "Fix one spelling in a long file; mechanical, checkable at a glance.", voice="typos")
R("s", None, "test", "data", "write pytest tests for the functions in this module that dedupe by (tenant, id) — there are a few of them, cover the duplicate case, missing key case, and isoformat parsing\n\n```python\n" + gen_py_module(23, 40) + "\n```",
  "Writing tests for existing code; several functions, routine care.")
R("o", None, "review", "data", "this module computes running totals with Decimal across a few hundred thousand rows per tenant per night and the totals in the ledger drift from the bank statement by a few cents every month. i've pasted everything. find every place where money can be lost or double-counted, including ordering and dedupe semantics, and tell me which one explains a drift of cents per month.\n\n```python\n" + gen_py_module(24, 60) + "\n```",
  "Money-drift investigation needing a theory across many functions (ordering, dedupe, rounding); high stakes, no clear lead.", voice="verbose")

# --- group: find a setting in long config
R("h", "LT", "question", "infrastructure", "which service in this has REQUEST_TIMEOUT_MS set to 30000?\n\n```yaml\n" + gen_yaml_services(41, 70) + "\n```",
  "Finding one setting in a long config; tie-breaker 5.", voice="terse")
R("s", None, "ops", "infrastructure", "turn this compose-ish services file into k8s Deployments + Services (one of each per service), keep the env, resources and healthchecks as readiness probes\n\n```yaml\n" + gen_yaml_services(42, 12) + "\n```",
  "Converting config to another format with care for each field; several routine steps.")
R("o", "EWH", "plan", "infrastructure", "we have this file for ~40 services and everyone copies values around. propose how we should split config between code defaults, per-environment overrides and secrets, and how to roll that out without a big-bang change.\n\n```yaml\n" + gen_yaml_services(43, 40) + "\n```",
  "Open design plus a rollout plan across 40 services; long paste is context, work is design (tie-breaker 6).")

# --- group: Swedish
R("h", None, "question", "tooling", "vad är skillnaden mellan git merge och git rebase? kort svar tack",
  "Short well-known conceptual question; language does not change tier.", voice="other-language", lang="sv")
R("o", "EWH", "plan", "databases", "Vi ska flytta alla kunder från den gamla faktureringsdatabasen till det nya systemet utan driftstopp. Det finns ungefär 2 miljoner kunder och flera tjänster skriver till den gamla databasen. Gör en plan.",
  "Zero-downtime migration plan across services with dual writes; large plan (tie-breaker 6, 9).", voice="other-language", lang="sv")

# --- group: Indonesian
R("s", None, "debug", "mobile", '''
Kenapa aplikasi Android saya crash saat rotasi layar? Ini stack trace-nya:

```
java.lang.IllegalStateException: Can not perform this action after onSaveInstanceState
    at androidx.fragment.app.FragmentManager.checkStateLoss(FragmentManager.java:1844)
    at androidx.fragment.app.FragmentManager.enqueueAction(FragmentManager.java:1884)
    at androidx.fragment.app.BackStackRecord.commitInternal(BackStackRecord.java:329)
    at androidx.fragment.app.BackStackRecord.commit(BackStackRecord.java:294)
    at com.tokoku.app.ui.CartActivity$onPaymentResult$1.invoke(CartActivity.kt:212)
```
''', "Stack trace points at a commit after onSaveInstanceState; known cause and fix (tie-breaker 9).", voice="other-language", lang="id")
R("h", None, "question", "mobile", "Apa itu ViewModel di Android? jelaskan singkat saja",
  "Short conceptual question; language does not change tier.", voice="other-language", lang="id")

# --- group: memory leak
R("h", "HWE", "question", "systems", "whats the difference between a memory leak and memory fragmentation", "Short well-known conceptual distinction.", voice="typos")
R("s", None, "debug", "web", '''
node process memory grows every time a user opens the dashboard. heap snapshot diff shows thousands of these retained:

```
(closure) handleTick @ dashboard/live.js:41  retained by  EventEmitter._events.tick  x 18,204
```
and live.js is:
```js
module.exports = function attach(socket, bus) {
  function handleTick(t) { socket.emit('tick', t); }
  bus.on('tick', handleTick);
  socket.on('disconnect', () => console.log('bye', socket.id));
};
```
''', "Heap snapshot points at a listener never removed on disconnect; identifiable cause, everyday fix.")
R("o", "EWH", "debug", "web", "our node api slowly eats memory but only under real traffic. in load tests it's flat. after ~30h the pods hit the 2Gi limit and get OOMKilled. we have no heap snapshots from prod because taking one freezes the process for 40s. how would you track this down?",
  "Leak only under production load, no snapshot, no lead; needs a strategy and theory (tie-breaker 6).")

# --- group: race
R("h", None, "question", "systems", "what does go's -race flag do", "Short factual question about a tool flag.", voice="terse")
R("s", None, "debug", "systems", '''
go test -race fails with this, what's the fix?

```
WARNING: DATA RACE
Write at 0x00c0001a20f0 by goroutine 23:
  runtime.mapassign_faststr()
  github.com/acme/metrics.(*Registry).Inc()
      /src/metrics/registry.go:48 +0x8c
Previous read at 0x00c0001a20f0 by goroutine 19:
  runtime.mapaccess1_faststr()
  github.com/acme/metrics.(*Registry).Get()
      /src/metrics/registry.go:55 +0x6a
```
registry.go:
```go
type Registry struct { counts map[string]int }
func (r *Registry) Inc(k string) { r.counts[k]++ }
func (r *Registry) Get(k string) int { return r.counts[k] }
```
''', "Race detector output points at an unguarded map; known fix (mutex or sync.Map).")
R("o", None, "review", "systems", '''
review this for races. it's the shutdown path of our job runner, it's been fine for a year but I changed it to drain in-flight jobs instead of dropping them:

```go
func (r *Runner) Shutdown(ctx context.Context) error {
    r.mu.Lock()
    r.closing = true
    r.mu.Unlock()
    close(r.jobs)
    done := make(chan struct{})
    go func() { r.wg.Wait(); close(done) }()
    select {
    case <-done:
        return nil
    case <-ctx.Done():
        r.cancelAll()
        return ctx.Err()
    }
}

func (r *Runner) Submit(j Job) error {
    r.mu.Lock()
    closing := r.closing
    r.mu.Unlock()
    if closing { return ErrClosed }
    r.wg.Add(1)
    r.jobs <- j
    return nil
}

func (r *Runner) worker() {
    for j := range r.jobs {
        r.run(j)
        r.wg.Done()
    }
}
```
''', "Review of concurrent shutdown code (send on closed channel, wg.Add after Wait); tie-breaker 10 → opus.")

# --- group: SQL
R("h", None, "question", "databases", "sql to get the 10 most recent rows from orders where status = 'paid'", "One-table SELECT one-liner.", voice="terse")
R("s", None, "debug", "databases", '''
this query went from 40ms to 9s after we added the index on (customer_id). EXPLAIN below. why is postgres choosing that plan?

```
Limit  (cost=0.43..812.55 rows=20 width=96) (actual time=8921.004..8921.118 rows=20 loops=1)
  ->  Index Scan Backward using orders_created_at_idx on orders  (cost=0.43..4380112.10 rows=107870 width=96) (actual time=8921.002..8921.110 rows=20 loops=1)
        Filter: (customer_id = 48811)
        Rows Removed by Filter: 11904421
Planning Time: 0.212 ms
Execution Time: 8921.160 ms
```
query: `SELECT * FROM orders WHERE customer_id = 48811 ORDER BY created_at DESC LIMIT 20;`
''', "Plan shows the classic LIMIT + ORDER BY index choice; identifiable cause, known fix (composite index).")
R("o", "EWH", "debug", "databases", "some customers see their balance go negative even though we check the balance before every withdrawal. happens maybe twice a week, always during busy hours. it's postgres, read committed, the check and the update are in the same transaction. what's going on and how do we fix it for good?",
  "Concurrency anomaly (write skew / lost update) described in prose; consistency reasoning, money at stake.")

# --- group: non-native
R("s", None, "implement", "web", "Please to write for me an endpoint in FastAPI which is receiving the CSV file upload and is saving rows to table `products` (sku, name, price). If sku is existing already then update it. I am using SQLAlchemy 2.0 async.",
  "Clear-spec endpoint with upsert; everyday implementation (tie-breaker 9).", voice="non-native")
R("h", None, "question", "tooling", "How I can see which process is using the port 8080 on linux? Kindly tell the command.",
  "Shell one-liner (lsof/ss).", voice="non-native")
R("o", "EWH", "design", "general", "We are small team, 6 peoples, and our monolith is become too big. Management want we split it to microservices. Can you propose the service boundaries? It is e-commerce: catalog, cart, orders, payments, users, reviews, search, all in one Django app with one Postgres.",
  "Proposing service boundaries for a monolith: open design with trade-offs (tie-breaker 6).", voice="non-native")
R("s", None, "debug", "ml", '''
My training loss become NaN after around 300 steps. I am using mixed precision with torch.cuda.amp. Here is the log:

```
step 280 loss 2.3121 lr 3.0e-04 grad_norm 4.12
step 290 loss 2.2987 lr 3.0e-04 grad_norm 7.88
step 300 loss 2.4410 lr 3.0e-04 grad_norm 61.30
step 310 loss nan lr 3.0e-04 grad_norm inf
```
I am not using GradScaler because I was thinking autocast is enough. Is this the problem?
''', "Log plus stated setup points at missing GradScaler/clipping; known fix.", voice="non-native")
R("h", "HWE", "question", "ml", "In transformer, what mean the 'multi-head' in the multi-head attention? Only short explanation please.",
  "Short well-known conceptual answer; scary terms, easy ask.", voice="non-native")

# --- group: follow-ups
R("h", None, "edit", "general", "ok now rename `tmp` to `pending` everywhere in that function", "Follow-up naming a mechanical rename (tie-breaker 8).", voice="follow-up")
R("s", None, "test", "general", "good. now add tests for that too, including the empty-input case", "Follow-up asking for tests of existing code (tie-breaker 8).", voice="follow-up")
R("o", "SH", "implement", "systems", "nice, now make it lock-free", "Follow-up asking for a lock-free rewrite: concurrent algorithm (tie-breaker 8).", voice="follow-up")
R("s", None, "debug", "general", "that didn't work, same error", "Follow-up that only points back; work unknown → sonnet (tie-breaker 8).", voice="follow-up")

# --- group: crypto
R("h", "HWE", "question", "security", "is SHA-256 a hash or an encryption algorithm?", "Short factual answer; crypto words, easy ask.", voice="plain")
R("s", None, "implement", "security", "use the `cryptography` library to encrypt a file with AES-256-GCM in python. key comes from env var as base64, write nonce+ciphertext to the output file. just the helper functions encrypt_file/decrypt_file",
  "Using a well-known library API with a clear spec; routine integration.")
R("o", "SH", "design", "security", "design key rotation for our envelope encryption with zero downtime", "Short prompt, cryptographic design with high stakes.", voice="terse")

# --- group: mobile
R("h", None, "question", "mobile", "swiftui: how do i make a button full width", "One-liner (frame maxWidth .infinity).", voice="typos")
R("s", None, "debug", "mobile", '''
SwiftUI list doesn't update when I toggle an item, the model changes (I logged it) but the row keeps the old checkmark.

```swift
final class TodoStore: ObservableObject {
    var items: [Todo] = []
    func toggle(_ id: UUID) {
        if let i = items.firstIndex(where: { $0.id == id }) { items[i].done.toggle() }
    }
}

struct TodoList: View {
    @ObservedObject var store: TodoStore
    var body: some View {
        List(store.items) { item in
            Row(item: item).onTapGesture { store.toggle(item.id) }
        }
    }
}
```
''', "Missing @Published on items is visible in the snippet; small identifiable fix but needs SwiftUI observation reasoning.")
R("o", "EWH", "debug", "mobile", "a few hundred users a day get logged out of the ios app randomly. we can't make it happen on any test device. it seems to be more common on older iphones and after the app was in background for a while. tokens are refreshed in the background and stored in the keychain. where would you look?",
  "Intermittent field-only failure with no repro, spanning background refresh, keychain and token races; no clear lead.")

# --- group: CSV / data
R("h", "LT", "question", "data", "what's the total of the total_eur column for status=refunded? just the number\n\n```csv\n" + gen_csv(51, 500) + "\n```",
  "Summing one filtered column of a pasted CSV; mechanical, checkable.", voice="terse")
R("s", None, "implement", "data", "write a pandas script that reads orders.csv (columns: order_id,customer_id,country,created_at,status,total_eur,items) and outputs monthly revenue per country for paid orders only, as a pivot table with months as rows. also a bar chart per country.",
  "Clear-spec data script with several steps; everyday work.")
R("o", "EWH", "design", "data", "our nightly revenue numbers never match what finance gets from the payment provider, usually off by 0.1-0.5%. design how we should reconcile the two every day so we know exactly which orders differ and why, including late refunds, currency conversion and orders that straddle midnight.",
  "Open design of a reconciliation process with many edge cases; high stakes, no single known recipe.")

# --- group: docker/infra
R("h", None, "ops", "infrastructure", "docker command to remove all stopped containers", "Shell one-liner.", voice="terse")
R("s", None, "ops", "infrastructure", '''
our github actions build takes 14 min, mostly npm ci and docker build. here's the workflow. add caching for npm and docker layers (buildx gha cache), keep the matrix.

```yaml
name: ci
on: [push, pull_request]
jobs:
  build:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        node: [18, 20]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: ${{ matrix.node }}
      - run: npm ci
      - run: npm test
      - run: docker build -t app:${{ github.sha }} .
```
''', "CI configuration with known caching recipes; rubric lists CI/build config as sonnet.")
R("o", "EWH", "plan", "infrastructure", "we need to move off our single region and be able to survive losing it. today everything is in eu-west-1: postgres, redis, kafka, 25 services. plan how we get there over the next two quarters and what we'd accept losing during a regional failover.",
  "Multi-region plan with RPO/RTO trade-offs across datastores and services; large design and migration.")

# --- group: typos voice
R("h", None, "edit", "web", "can u convert this to yaml pls\n\n{\"name\":\"web\",\"port\":8080,\"routes\":[{\"path\":\"/api\",\"upstream\":\"api:3000\"},{\"path\":\"/\",\"upstream\":\"static:80\"}],\"tls\":{\"enabled\":true,\"cert\":\"/etc/ssl/web.pem\"}}",
  "JSON to YAML conversion: mechanical edit.", voice="typos")
R("s", None, "implement", "web", "need a react hook useDebouncedSearch(query) that calls /api/search?q= after 300ms idle, cancels the previous fetch with AbortController, and returns {results, loading, error}. typescript pls",
  "Clear-spec hook with a few moving parts (debounce, abort); everyday work.", voice="typos")
R("o", "EWH", "debug", "web", "sometimes orders just vanish. customer pays, gets the email, but the order isnt in our db. maybe once a week, no errors anywhere that we can find. stack is next.js api routes, stripe webhooks, postgres via prisma. where do we even start",
  "Rare silent data loss across webhook, payment and DB with no errors; no clear lead (tie-breaker 6).", voice="typos")

# --- group: explain code (rust)
R("h", None, "explain", "systems", "what does this do?\n\n```rust\nlet total: u32 = items.iter().filter(|i| i.active).map(|i| i.qty).sum();\n```",
  "Short snippet explained in one sentence.", voice="terse")
R("s", None, "explain", "systems", '''
why does the compiler reject this? I'm only reading `first` before pushing

```rust
fn main() {
    let mut v = vec![1, 2, 3];
    let first = &v[0];
    v.push(4);
    println!("{}", first);
}
```
error[E0502]: cannot borrow `v` as mutable because it is also borrowed as immutable
''', "Why the borrow checker rejects small code; subtle reason (reallocation invalidates the reference) → sonnet by tie-breaker 7.")
R("o", None, "explain", "systems", '''
is this sound? explain precisely, I'm worried about aliasing and drop order

```rust
pub struct RingBuf<T> { buf: *mut T, cap: usize, head: usize, len: usize }

impl<T> RingBuf<T> {
    pub fn push(&mut self, v: T) {
        let idx = (self.head + self.len) % self.cap;
        unsafe { std::ptr::write(self.buf.add(idx), v); }
        if self.len == self.cap { self.head = (self.head + 1) % self.cap; } else { self.len += 1; }
    }
    pub fn get(&self, i: usize) -> Option<&T> {
        if i >= self.len { return None; }
        unsafe { Some(&*self.buf.add((self.head + i) % self.cap)) }
    }
}

impl<T> Drop for RingBuf<T> {
    fn drop(&mut self) {
        unsafe { Vec::from_raw_parts(self.buf, 0, self.cap); }
    }
}
```
''', "Soundness of unsafe code (overwrite without drop, leak of live elements); tie-breaker 7 → opus.")

# --- group: commit messages / summaries
R("h", "HWE", "docs", "systems", "write a commit message for: switched the raft log compaction threshold from 10k to 50k entries and added a metric for snapshot duration",
  "Small text task; consensus words but only a commit message.", voice="plain")
R("s", None, "docs", "systems", "write the README section for our raft library explaining how to configure snapshotting: the three settings (snapshot_threshold, snapshot_interval, trailing_logs), what each does, sensible defaults and an example config. about a page.",
  "A page of documentation with several settings and defaults; more than a one-liner, routine care.")
R("o", None, "review", "systems", "here's our raft snapshot install path. we saw a follower come back after a snapshot with entries from an old term applied on top. review the logic and tell me how it can happen.\n\n```go\nfunc (r *Raft) handleInstallSnapshot(req *InstallSnapshotRequest) *InstallSnapshotResponse {\n    if req.Term < r.currentTerm {\n        return &InstallSnapshotResponse{Term: r.currentTerm}\n    }\n    r.restoreFSM(req.Data)\n    r.lastApplied = req.LastIncludedIndex\n    r.log.TruncatePrefix(req.LastIncludedIndex)\n    r.commitIndex = max(r.commitIndex, req.LastIncludedIndex)\n    return &InstallSnapshotResponse{Term: r.currentTerm}\n}\n```",
  "Consensus correctness review with a real anomaly (log suffix kept when terms mismatch); distributed reasoning → opus.")

# --- group: regex
R("h", None, "question", "general", "regex for ipv4?", "Well-known one-liner.", voice="terse")
R("s", None, "debug", "web", '''
this email validation regex freezes the browser tab on some inputs like "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!". why and how do I fix it?

```js
const re = /^([a-zA-Z0-9]+)*@[a-z]+\\.[a-z]{2,}$/;
```
''', "Catastrophic backtracking from nested quantifier; identifiable cause in one line with a known fix.")
R("o", "SH", "review", "security", "prove this sanitizer regex can't be bypassed for XSS", "Short but asks for a security proof about a sanitizer; subtle mistake is a vulnerability.", voice="terse")

# --- more long-trivial vs long-hard
R("h", "LT", "question", "infrastructure", "pull out every distinct req_id that got a 503 in this log, one per line\n\n```\n" + gen_log(12, 180) + "\n```",
  "Extracting matching ids from a long log; mechanical filter (tie-breaker 5).", voice="terse")
R("s", None, "debug", "infrastructure", "ledger-writer started throwing these after this morning's deploy, everything else is the same as yesterday. the ERROR lines are the new ones, what's the cause?\n\n```\n" + gen_log(13, 150, extra=[("ERROR", "pg: prepared statement \"stmt_upd_balance\" does not exist (SQLSTATE 26000) pool=pgbouncer mode=transaction"), ("ERROR", "pg: prepared statement \"stmt_upd_balance\" already exists (SQLSTATE 42P05) pool=pgbouncer mode=transaction")], extra_rate=0.06) + "\n```",
  "Errors clearly name prepared statements through pgbouncer transaction mode; identifiable cause and known fix.")
R("h", "LT", "edit", "data", "sort the functions in this file alphabetically by name, don't change any bodies\n\n```python\n" + gen_py_module(25, 45) + "\n```",
  "Reordering functions without changing bodies: mechanical, checkable (tie-breaker 5).", voice="plain")
R("h", "LT", "question", "data", "how many functions are defined in this module?\n\n```python\n" + gen_py_module(26, 70) + "\n```",
  "Counting definitions in a long paste; trivial.", voice="terse")

# --- short-hard
R("o", "SH", "design", "systems", "design a lock-free MPSC queue for our logger, C11 atomics", "Short prompt, novel concurrent algorithm with memory ordering.", voice="terse")
R("o", "SH", "design", "databases", "exactly-once from kafka to postgres. how?", "Short but asks for exactly-once delivery design across systems.", voice="terse")
R("o", "SH", "question", "general", "prove dijkstra fails with negative edges but bellman-ford doesn't", "Formal reasoning / proof request in one line.", voice="terse")
R("o", "SH", "design", "web", "design offline-first sync for our notes app with conflict resolution", "Short prompt, open design of sync and conflict semantics (CRDT vs LWW trade-offs).", voice="terse")
R("s", None, "implement", "web", "add a 'last synced 2 min ago' label to the notes app header using the lastSyncedAt we already store in redux", "Small clear-spec UI feature using existing state; everyday.")
R("h", None, "question", "web", "what does CRDT stand for", "Short factual question.", voice="terse")

# --- hard-words-easy
R("h", "HWE", "edit", "systems", '''
fix the typo in the comment of this consensus module, "quorom" → "quorum", nothing else

```go
// Package paxos implements single-decree Paxos with a fixed acceptor set.
package paxos

// A proposal is chosen once a quorom of acceptors has accepted it.
// Acceptors never forget a promise; see persist.go.
type Acceptor struct {
    promised Ballot
    accepted *Proposal
}
```
''', "Fixing one typo in a comment; consensus vocabulary, trivial work.")
R("h", "HWE", "question", "infrastructure", "what does the 'distributed' in distributed tracing mean?", "Short conceptual answer despite scary words.")
R("h", "HWE", "question", "security", "what port does kerberos use by default", "Single fact.", voice="terse")
R("h", "HWE", "docs", "security", "write a one-line changelog entry: upgraded openssl to 3.0.15 to fix CVE-2024-9143 (out-of-bounds write in GF(2^m) curve APIs)", "Small text task; security words, trivial work.")
R("h", "HWE", "explain", "ml", "explain in two sentences what 'KV cache' means for transformer inference", "Short well-known conceptual answer.")
R("h", "HWE", "question", "databases", "is two-phase commit the same thing as two-phase locking? yes/no + one line", "Short factual distinction.", voice="terse")

# --- easy-words-hard
R("o", "EWH", "design", "web", "design the recovery protocol for when the mobile app and the server disagree about what's in the cart after being offline for a while", "Open protocol design in plain words; conflict semantics (tie-breaker 6).")
R("o", "EWH", "plan", "general", "plan how we move everyone to the new billing system without downtime", "Large migration plan across the codebase and data; plain words, hard work (tie-breaker 6).", voice="terse")
R("o", "EWH", "debug", "systems", "the service stalls for about a minute every few hours. cpu goes to zero, nothing in the logs, then it carries on. restarting doesn't help. nobody can reproduce it.", "Unreproducible stall with no lead; debugging by theory (tie-breaker 6).")
R("o", "EWH", "design", "general", "how should we split the work between the three teams so they stop stepping on each other in the same repo? it's one big rails app, 400k lines", "Proposing module/service ownership boundaries for a large monolith; open design.", voice="plain")
R("o", "EWH", "debug", "data", "the numbers on the dashboard are a bit different every time we reload it, even for last month which should be final", "Non-determinism in historical aggregates in prose with no lead (late data, replicas, caches); theory needed.")
R("o", "EWH", "plan", "mobile", "we want to stop supporting the old app versions without breaking anyone who hasn't updated. how do we do that over the next few months?", "Multi-step deprecation plan across API versions and clients; open plan with risk.")

# --- everyday sonnet contrast rows
R("s", None, "refactor", "web", '''
split this 300-line express router into one file per resource (users, teams, invites) and keep the exports working. here's the top part so you see the style:

```js
const router = require('express').Router();
const { requireAuth } = require('../auth');
router.get('/users/:id', requireAuth, async (req, res) => { /* ... */ });
router.patch('/users/:id', requireAuth, async (req, res) => { /* ... */ });
router.get('/teams', requireAuth, async (req, res) => { /* ... */ });
router.post('/teams/:id/invites', requireAuth, async (req, res) => { /* ... */ });
module.exports = router;
```
''', "Refactoring a module into several files; routine multi-file work.")
R("s", None, "test", "systems", '''
write table-driven tests for this

```go
func ParseDuration(s string) (time.Duration, error) {
    if s == "" { return 0, errors.New("empty") }
    unit := s[len(s)-1]
    n, err := strconv.Atoi(s[:len(s)-1])
    if err != nil { return 0, fmt.Errorf("bad number %q: %w", s, err) }
    switch unit {
    case 's': return time.Duration(n) * time.Second, nil
    case 'm': return time.Duration(n) * time.Minute, nil
    case 'h': return time.Duration(n) * time.Hour, nil
    case 'd': return time.Duration(n) * 24 * time.Hour, nil
    }
    return 0, fmt.Errorf("bad unit %q", unit)
}
```
''', "Writing tests for existing code; rubric lists as sonnet.", voice="terse")
R("s", None, "implement", "tooling", "write a bash script that finds every package.json in the monorepo (skip node_modules), and prints the name and version of each package whose version doesn't match the root package.json version", "Small multi-step script with a clear spec; everyday.")

# --- Swedish / Indonesian
R("s", None, "implement", "web", "Skriv en Express-middleware i TypeScript som begränsar antalet anrop till 100 per minut per API-nyckel med Redis (INCR + EXPIRE). Returnera 429 med Retry-After när gränsen nås.",
  "Clear-spec middleware with a known Redis pattern; everyday (tie-breaker 9).", voice="other-language", lang="sv")
R("h", None, "question", "databases", "Hur skriver jag en SQL-fråga som räknar antalet rader per land i tabellen customers?", "Single-table GROUP BY one-liner.", voice="other-language", lang="sv")
R("o", "EWH", "debug", "systems", "Vår tjänst tappar ibland meddelanden från kön, kanske fem av en miljon, och bara när vi skalar upp antalet konsumenter. Inga fel i loggarna. Hur ska vi hitta orsaken?",
  "Rare message loss during consumer rebalancing with no errors; distributed debugging with no lead.", voice="other-language", lang="sv")
R("h", "LT", "edit", "tooling", "Lägg till en rad högst upp i filen: `# -*- coding: utf-8 -*-` och ändra inget annat.\n\n```python\n" + gen_py_module(27, 55) + "\n```",
  "Adding one header line to a long file; trivial (tie-breaker 5).", voice="other-language", lang="sv")
R("o", "EWH", "design", "data", "Tolong rancang bagaimana sistem pembayaran kami menangani pembayaran ganda ketika pengguna menekan tombol bayar dua kali dan koneksi terputus. Ada tiga layanan: checkout, pembayaran, dan notifikasi.",
  "Designing idempotency across three services under network failure; open design (tie-breaker 6, 9).", voice="other-language", lang="id")
R("s", None, "test", "web", "Tolong buatkan unit test dengan Jest untuk fungsi `formatRupiah(n)` yang mengubah angka menjadi string seperti 'Rp 1.250.000'. Termasuk angka negatif dan nol.",
  "Writing tests for a small existing function with edge cases; routine.", voice="other-language", lang="id")
R("h", None, "question", "tooling", "Bagaimana cara membatalkan commit terakhir di git tapi perubahan tetap ada?", "Well-known one-liner (git reset --soft HEAD~1).", voice="other-language", lang="id")

# --- non-native English
R("h", None, "edit", "web", "Please make this function to use arrow function syntax, nothing else to change:\n\n```js\nfunction add(a, b) {\n  return a + b;\n}\n```", "Mechanical syntax conversion of a tiny function.", voice="non-native")
R("s", None, "debug", "web", '''
I am getting CORS error only in production, in local it is working fine. Error is:

```
Access to fetch at 'https://api.shopkart.in/v1/cart' from origin 'https://www.shopkart.in' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.
```
Our nginx config for api is:
```nginx
server {
    listen 443 ssl;
    server_name api.shopkart.in;
    location / {
        if ($request_method = OPTIONS) { return 204; }
        proxy_pass http://cart_backend;
        add_header Access-Control-Allow-Origin https://www.shopkart.in;
    }
}
```
Kindly help.
''', "Config shows OPTIONS returning before add_header applies; identifiable cause, known fix.", voice="non-native")
R("o", None, "review", "security", '''
Please check if this password reset flow is secure. We are generating the token like this and sending by email:

```python
def make_reset_token(user):
    raw = f"{user.id}:{user.email}:{int(time.time())}"
    return hashlib.md5(raw.encode()).hexdigest()

def reset_password(token, new_password):
    for user in User.objects.all():
        for t in range(int(time.time()) - 3600, int(time.time())):
            if hashlib.md5(f"{user.id}:{user.email}:{t}".encode()).hexdigest() == token:
                user.set_password(new_password); user.save(); return True
    return False
```
''', "Security review of an auth flow (predictable token, no single use, timing); subtle mistakes are vulnerabilities.", voice="non-native")
R("h", None, "question", "ml", "What is difference between model.eval() and torch.no_grad()? Short answer is enough.", "Well-known short conceptual answer.", voice="non-native")
R("s", None, "implement", "ml", "I want to fine-tune bert-base-multilingual for classify the customer tickets into 8 categories. I have 20k labelled examples in CSV (text, label). Please write the training script with HuggingFace Trainer, with train/val split and F1 metric.",
  "Library integration with a clear spec; standard fine-tuning script.", voice="non-native")
R("o", "EWH", "debug", "ml", "Our recommendation model is good in offline evaluation (NDCG +4%) but in A/B test the click rate is going down. Same features, same model file. We don't know why this is happening, what can be the reasons and how to check each one?",
  "Offline/online mismatch with no lead; needs theory across data, serving, feedback loops.", voice="non-native")
R("s", None, "ops", "infrastructure", "Our Kubernetes pod is going in CrashLoopBackOff. `kubectl logs` is showing `Error: ENOENT: no such file or directory, open '/app/config/prod.json'`. We are mounting ConfigMap at /app/config. What I am doing wrong? The configmap has key `production.json`.",
  "Cause is visible (key name mismatch with expected file); simple ops debugging but needs a correct mount fix.", voice="non-native")
R("h", "HWE", "question", "systems", "Is mutex and semaphore same thing? Explain difference in 2-3 lines please.", "Short well-known conceptual answer.", voice="non-native")
R("o", "SH", "design", "databases", "How to design the sharding for our multi-tenant Postgres when some tenants are 1000 times bigger than others? Need also re-sharding later without downtime.",
  "Data partitioning design with skew and online resharding; architecture with trade-offs.", voice="non-native")

# --- follow-ups
R("h", None, "docs", "general", "also add a docstring to it", "Follow-up naming a mechanical docstring addition (tie-breaker 8).", voice="follow-up")
R("s", None, "implement", "general", "now do the same for the parser", "Follow-up asking to repeat non-trivial work on another module (tie-breaker 8).", voice="follow-up")
R("s", None, "implement", "general", "ok continue", "Follow-up that only points back; unknown work → sonnet.", voice="follow-up")
R("o", None, "review", "systems", "ok and now check whether that version is still correct if two workers call it at the same time", "Follow-up asking for concurrency correctness analysis.", voice="follow-up")
R("h", None, "edit", "general", "rename it back to `fetchUser`, I changed my mind", "Follow-up naming a mechanical rename.", voice="follow-up")
R("s", None, "debug", "general", "try again", "Follow-up that only points back; work unknown → sonnet (tie-breaker 8).", voice="follow-up")

# --- tooling domain triple
R("h", None, "question", "tooling", "how do i make vscode format on save", "Simple settings question.", voice="typos")
R("s", None, "ops", "tooling", "set up eslint + prettier + husky pre-commit with lint-staged for our ts monorepo (pnpm workspaces, 6 packages). want one shared config at the root, packages can extend it.",
  "Build/tooling configuration across packages with known recipes; sonnet.")
R("o", "EWH", "plan", "tooling", "our monorepo build takes 45 minutes and everyone is unhappy. we've thought about bazel, nx, or just splitting the repo. help us decide and plan the move.",
  "Choosing between build architectures with justification plus a migration plan; opus.")

# --- verbose junior voice, triples
R("h", None, "question", "web", "Hi! I'm pretty new to web dev and I keep seeing people say 'just use flexbox' for centering things. I have a div inside another div and I want the inner one centered both horizontally and vertically. What's the CSS for that? Sorry if this is a dumb question, I've been googling for an hour and every answer is different.",
  "Well-known CSS one-liner answer despite the long framing.", voice="verbose")
R("s", None, "debug", "web", '''
Hi, so I've been stuck on this for most of the day. I have a React component that fetches a user's profile in a useEffect and then sets state. It works, but in the console I see it fetching twice, and sometimes when I navigate away quickly I get "Can't perform a React state update on an unmounted component". My teammate said something about StrictMode but I don't really get it. Here's the component:

```jsx
function Profile({ userId }) {
  const [user, setUser] = useState(null);
  useEffect(() => {
    fetch(`/api/users/${userId}`)
      .then(r => r.json())
      .then(data => setUser(data));
  });
  if (!user) return <Spinner />;
  return <ProfileCard user={user} />;
}
```
Can you explain what's going on and fix it properly?
''', "Missing dependency array and no cleanup are visible in the snippet; explanation plus fix, everyday React debugging.", voice="verbose")
R("o", "EWH", "design", "web", '''
Hi, I've been asked to lead a project and I'm a bit out of my depth so I'd love some guidance. We have a web app where teachers create quizzes and students take them. Right now, when a teacher edits a quiz while students are taking it, weird stuff happens — sometimes students see half-old, half-new questions, sometimes their answers get attached to the wrong question. My manager wants "editing a live quiz to just work". I don't even know what the right behaviour should be. Could you help me figure out what we should build?
''', "Open design of versioning semantics for concurrently edited content; plain words, hard design (tie-breaker 6).", voice="verbose")

# --- data pipelines
R("h", None, "question", "data", "what's the difference between a left join and an inner join in one sentence each", "Well-known conceptual answer.", voice="plain")
R("s", None, "debug", "data", '''
airflow task fails every night with this, started after we upgraded the provider package:

```
[2026-10-02, 02:00:14 UTC] {taskinstance.py:2731} ERROR - Task failed with exception
Traceback (most recent call last):
  File "/opt/airflow/dags/load_events.py", line 58, in load
    hook = PostgresHook(postgres_conn_id="warehouse", schema="analytics")
TypeError: PostgresHook.__init__() got an unexpected keyword argument 'schema'
```
''', "Trace names the changed kwarg after an upgrade; known fix (database= in the new provider).", voice="terse")
R("o", "EWH", "debug", "data", "our daily user counts in the warehouse are about 3% lower than the app's own analytics, but only since we moved the event pipeline to the new streaming setup. it's not the same 3% every day. the old batch job is gone so we can't compare directly. how do we figure out where the events go?",
  "Silent data loss across a streaming pipeline with no lead; needs a theory and an investigation plan.")

# --- infra pairs
R("h", None, "question", "infrastructure", "kubectl command to see why a pod is pending", "One-liner (kubectl describe pod).", voice="terse")
R("s", None, "ops", "infrastructure", '''
write a helm values override for our chart so the api deployment gets: 3 replicas, a HPA from 3 to 12 at 70% cpu, a PodDisruptionBudget minAvailable 2, and anti-affinity so replicas spread across zones. chart values look like:

```yaml
api:
  replicaCount: 1
  resources: {}
  autoscaling:
    enabled: false
  pdb:
    enabled: false
  affinity: {}
```
''', "Configuration with several known pieces (HPA, PDB, anti-affinity); routine ops.")
R("o", "EWH", "debug", "infrastructure", "every now and then a few pods in one node pool lose network for 20-30 seconds. not all at once, not the same node, no pattern we can see. cilium, eks, about 200 nodes. the app just sees timeouts. how do we narrow this down?",
  "Intermittent cross-layer network failure with no lead; needs a theory and instrumentation plan.")

# --- security triples
R("h", None, "question", "security", "what's the difference between authentication and authorization", "Short well-known conceptual answer.", voice="plain")
R("s", None, "implement", "security", "add CSRF protection to our Flask app using Flask-WTF, we have 5 forms and one JSON endpoint (/api/upload) that's called from our own JS. show the config and what to change in the templates and in the fetch call.",
  "Integrating a known library across several files; everyday security hygiene with a clear recipe.")
R("o", "EWH", "review", "security", "we let customers upload a zip of their theme files and we unzip it on the server and serve the files from a CDN. a pentester said 'have a look at that upload' and nothing more. what could be wrong with it?",
  "Open-ended threat analysis of an upload pipeline (zip slip, SVG XSS, zip bombs); security review without a named bug.")

# --- explain pairs (python)
R("h", None, "explain", "general", "what does `if __name__ == '__main__':` do", "Short well-known snippet explained in a sentence.", voice="terse")
R("s", None, "explain", "general", '''
why does the second call print [1, 1]? I didn't pass a list

```python
def add(x, items=[]):
    items.append(x)
    return items

print(add(1))
print(add(1))
```
''', "Subtle reason (mutable default evaluated once) behind small code; tie-breaker 7 → sonnet.")
R("o", None, "explain", "systems", '''
explain whether this double-checked locking is correct under the Java memory model

```java
class Config {
    private static Config instance;
    private final Map<String, String> values;
    private Config() { values = load(); }
    static Config get() {
        if (instance == null) {
            synchronized (Config.class) {
                if (instance == null) instance = new Config();
            }
        }
        return instance;
    }
}
```
''', "Memory-model semantics of a concurrent idiom (publication, final fields); tie-breaker 7 → opus.")

# --- integer promotion
R("h", None, "explain", "systems", "what does `x & (x - 1)` do in C", "Short snippet, well-known bit trick, one sentence.", voice="terse")
R("s", None, "explain", "systems", '''
why does this print "no"? 

```c
#include <stdio.h>
int main(void) {
    unsigned int a = 1;
    int b = -1;
    if (b < a) puts("yes"); else puts("no");
}
```
''', "Subtle reason (usual arithmetic conversions to unsigned); tie-breaker 7 → sonnet.")
R("o", "SH", "explain", "systems", "is relaxed ordering enough for a refcount decrement? why does Arc use release + acquire fence", "Memory ordering semantics of a concurrent primitive; tie-breaker 7 → opus.", voice="terse")

# --- databases pairs
R("h", None, "question", "databases", "how do i rename a column in postgres", "One-liner ALTER TABLE.", voice="typos")
R("s", None, "plan", "databases", "write the migration steps to rename `users.fullname` to `users.display_name` in postgres without breaking the running app (we deploy api and db migrations separately, rolling deploys). known expand/contract is fine, just lay it out with the SQL.",
  "Migration with known expand/contract steps; rubric: migration with known steps → sonnet.")
R("o", "EWH", "plan", "databases", "we need to split our one giant postgres into one database per product area. about 300 tables, lots of joins between areas, 15 services read and write all over it. how do we get there without stopping the business?",
  "Large migration across a codebase and data with design decisions; opus.")

# --- mobile and ml domain fill with traps
R("h", "HWE", "question", "mobile", "what is the 'main thread' on iOS and why can't I update UI from elsewhere, short", "Short well-known conceptual answer.", voice="typos")
R("h", "HWE", "edit", "mobile", '''
rename the constant `kMaxRetrys` to `kMaxRetries` in this kotlin coroutine retry helper

```kotlin
private const val kMaxRetrys = 5

suspend fun <T> withRetry(block: suspend () -> T): T {
    var attempt = 0
    while (true) {
        try { return block() }
        catch (e: IOException) {
            if (++attempt >= kMaxRetrys) throw e
            delay(200L shl attempt)
        }
    }
}
```
''', "Mechanical rename in a short file; coroutine words, trivial task.")
R("s", None, "implement", "mobile", "add pull-to-refresh to our Jetpack Compose order list screen. we have OrdersViewModel with suspend fun refresh() and a StateFlow<List<Order>>. use the material3 PullToRefreshBox.",
  "Clear-spec UI feature with an existing view model; everyday.")
R("o", "EWH", "design", "mobile", "our app needs to work on the metro where signal comes and goes. users create and edit delivery notes offline and two couriers can edit the same delivery. design how the app and backend should sync so nothing gets lost and conflicts make sense to the couriers.",
  "Offline sync and conflict-resolution design in plain words; open design (tie-breaker 6).")
R("h", "HWE", "question", "ml", "what does 'stochastic' mean in stochastic gradient descent", "Short well-known definition.", voice="terse")
R("h", "HWE", "docs", "ml", "summarize in one sentence: 'We apply LoRA adapters of rank 16 to the attention projections and train for 3 epochs with a cosine schedule; validation perplexity drops from 12.4 to 9.1.'", "One-sentence summary; ML jargon, trivial task.")
R("s", None, "debug", "ml", '''
getting this when I load my finetuned checkpoint:

```
RuntimeError: Error(s) in loading state_dict for ResNet:
	Missing key(s) in state_dict: "conv1.weight", "bn1.weight", "bn1.bias", ...
	Unexpected key(s) in state_dict: "module.conv1.weight", "module.bn1.weight", "module.bn1.bias", ...
```
''', "Error clearly shows the DataParallel 'module.' prefix; known fix, everyday.", voice="terse")
R("o", "SH", "design", "ml", "design eval for our RAG bot so we catch regressions before users do", "Short prompt, open design of an evaluation methodology with trade-offs.", voice="terse")
R("o", "EWH", "debug", "ml", "the model gets worse every week after retraining even though we add more data each time. nothing changed in the code. why might that be and how would you find out?",
  "Degradation with no lead (feedback loops, label drift, leakage); theory across data and training.")

# --- long-trivial with json / diff
def gen_json_flags(seed, n):
    rnd = random.Random(seed)
    items = []
    for k in range(n):
        items.append({"key": f"{rnd.choice(['checkout', 'search', 'profile', 'billing', 'onboarding', 'ads'])}.{rnd.choice(['new_ui', 'fast_path', 'v2_api', 'beta', 'kill_switch', 'ab_test'])}_{k}",
                      "enabled": rnd.random() < 0.5, "rollout_percent": rnd.choice([0, 1, 5, 10, 25, 50, 100]),
                      "owner": rnd.choice(["team-pay", "team-growth", "team-core", "team-mobile"]),
                      "created": f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"})
    return json.dumps({"flags": items}, indent=2)

FLAGS = gen_json_flags(61, 160)
R("h", "LT", "question", "tooling", "list the keys of all flags in this file that are at rollout_percent 100 and owned by team-pay\n\n```json\n" + FLAGS + "\n```",
  "Filtering a long JSON by two fields; mechanical and checkable.", voice="terse")
R("s", None, "implement", "tooling", "write a small node script that reads this flags file format and fails CI if any flag is older than 180 days with rollout 0 or 100 (i.e. probably dead). print owner + key. sample:\n\n```json\n" + gen_json_flags(62, 4) + "\n```",
  "Small clear-spec script with date logic; everyday.")
R("o", "EWH", "plan", "tooling", "here's our flags file. half of these are probably dead and nobody dares remove them. plan how we clean this up across all the services that read it and how we stop it from happening again.\n\n```json\n" + gen_json_flags(63, 60) + "\n```",
  "Cleanup plan across many services plus process design; paste is context (tie-breaker 6).")

def gen_diff(seed, n_hunks):
    rnd = random.Random(seed)
    out = []
    for k in range(n_hunks):
        f = f"src/{rnd.choice(['api', 'core', 'jobs', 'util'])}/{rnd.choice(['orders', 'users', 'mailer', 'pricing', 'search'])}_{k}.py"
        ln = rnd.randint(10, 400)
        out += [f"diff --git a/{f} b/{f}", f"--- a/{f}", f"+++ b/{f}", f"@@ -{ln},6 +{ln},6 @@"]
        var = rnd.choice(["resp", "payload", "row", "result"])
        out += [f"     {var} = client.get(url, timeout={rnd.choice([2, 5, 10])})",
                f"-    if {var}.status_code != 200:",
                f"+    if not {var}.ok:",
                f"         log.warning('upstream %s failed: %s', url, {var}.status_code)",
                "         return None",
                f"     data = {var}.json()",
                f"-    return data.get('items', [])",
                f"+    return data.get('items') or []"]
    return "\n".join(out)

R("h", "LT", "question", "tooling", "how many files does this diff touch?\n\n```diff\n" + gen_diff(71, 110) + "\n```", "Counting files in a long diff; trivial.", voice="terse")
R("s", None, "review", "tooling", "review this diff, it's a cleanup pass across our http helpers. anything that changes behaviour?\n\n```diff\n" + gen_diff(72, 30) + "\n```",
  "Reviewing a diff for correctness (status_code vs ok, falsy-items semantics); rubric: diff review → sonnet.")
R("h", "LT", "docs", "tooling", "write a one-line commit message for this diff\n\n```diff\n" + gen_diff(73, 60) + "\n```", "Commit message for a repetitive diff; small text task despite length.")

# --- web perf triple
R("h", None, "question", "web", "what does the `defer` attribute on a script tag do", "Short well-known answer.", voice="terse")
R("s", None, "debug", "web", '''
lighthouse says LCP is 6.1s on our product page. the LCP element is the hero image:

```html
<img src="/img/hero-2400.jpg" loading="lazy" class="hero" alt="">
```
and it's inside a component that only renders after our /api/product call returns. what should we change?
''', "Cause visible (lazy-loaded hero behind a fetch); known fixes (eager, preload, srcset, SSR).")
R("o", "EWH", "debug", "web", "our site gets slower over the course of the day and then is fine again after the nightly deploy. p95 goes from 300ms to 2s. nothing obvious in cpu or memory graphs. it's a big django app behind gunicorn and nginx. what would you look at?",
  "Progressive slowdown in prose with no lead, cleared by restart; theory across app, pools, caches (tie-breaker 6).")

# --- auth triple
R("h", None, "question", "web", "what's in a JWT, the three parts", "Short factual answer.", voice="terse")
R("s", None, "implement", "web", "add refresh tokens to our express app. we already issue a 15 min access JWT on /login. want a 30 day refresh token in an httpOnly cookie, a /refresh endpoint, and revocation on /logout by storing token ids in redis.",
  "Feature with a clear spec using known patterns; several steps, everyday.")
R("o", None, "review", "security", '''
security review please, this is how we verify JWTs in our api gateway:

```js
function verify(token) {
  const [h, p, s] = token.split('.');
  const header = JSON.parse(b64url.decode(h));
  const key = header.alg === 'HS256' ? process.env.JWT_SECRET : publicKeys[header.kid];
  const ok = crypto.verify(header.alg, `${h}.${p}`, key, s);
  if (!ok) throw new Error('bad sig');
  const payload = JSON.parse(b64url.decode(p));
  if (payload.exp && payload.exp < Date.now()) throw new Error('expired');
  return payload;
}
```
''', "Security review of token verification (alg confusion, exp units, kid lookup); subtle mistakes are vulnerabilities.")

# --- typos voice more
R("h", None, "question", "tooling", "whats the git cmd to see who changed line 40 of a file", "One-liner (git blame -L).", voice="typos")
R("s", None, "debug", "tooling", "my pytest fixtures arnt being found in the subfolder tests, i have conftest.py in tests/ and tests/api/test_users.py cant see `client` fixture. tests/api has an __init__.py and tests/ doesnt. pytest 8. wat am i doing wrong",
  "Identifiable cause from the described layout (rootdir/package discovery); everyday tooling debugging.", voice="typos")
R("o", "EWH", "debug", "tooling", "our test suite passes on my machine and fails about 1 in 5 times in ci, but always a different test. 3000 tests, pytest-xdist, postgres in docker. we've been ignoring it for months and now nobody trusts ci. how do we actually fix this",
  "Flaky tests across a large suite with no lead (shared state, ordering, parallelism); theory needed (tie-breaker 6).", voice="typos")

# --- general / algorithm
R("h", None, "question", "general", "big O of binary search", "Single well-known fact.", voice="terse")
R("s", None, "implement", "general", "implement an LRU cache in python with get/put O(1), capacity given in constructor, no functools. include a couple of doctests.",
  "Known data structure with clear spec; everyday implementation.")
R("o", "SH", "design", "general", "find an algorithm to schedule 300 exams into rooms so no student has two at once, minimizing days. prove it's optimal or explain why it can't be", "Novel algorithm plus optimality proof (NP-hard graph colouring); formal reasoning.")

# --- systems IO
R("h", None, "question", "systems", "what does fsync do", "Short well-known answer.", voice="terse")
R("s", None, "implement", "systems", "write a go function that atomically replaces a config file: write to a temp file in the same dir, fsync it, rename over the old one, fsync the directory. return errors properly.",
  "Known recipe with clear steps; careful but routine.")
R("o", "EWH", "debug", "systems", "after a power cut some customers' files on our storage nodes come back empty or with old contents, even though our api had said the upload succeeded. it's happened twice this year. what in our write path could allow that?",
  "Durability loss across the write path with no trace; crash-consistency reasoning (tie-breaker 6).")

# --- docs
R("h", None, "docs", "general", "write a short slack message telling the team the staging db will be down tomorrow 10-11 CET for an upgrade", "Small text task.", voice="plain")
R("s", None, "docs", "infrastructure", "write a runbook for rotating the TLS certs on our nginx ingress: where the certs live (k8s secret `ingress-tls` in ns `edge`), how to generate with certbot dns-01, how to apply, how to verify, how to roll back.",
  "Multi-step operational documentation with known steps; routine care.")
R("o", "EWH", "docs", "infrastructure", "write our incident response plan for a full datacenter loss: who decides to fail over, in what order services come back, what data we'd accept losing, and how we tell customers. we have 2 DCs, postgres with async replication, and about 30 services.",
  "Disaster-recovery plan with trade-offs on data loss and ordering; large plan with high stakes.")

# --- non-native more
R("h", None, "edit", "general", "Make this sentence more professional for the release note: 'we fixed the bug where app crash when you upload big photo'", "Small text edit.", voice="non-native")
R("s", None, "refactor", "web", "This Vue 2 component I want to convert to Vue 3 composition API with <script setup>. It is 120 lines, has data, computed, watch and two methods calling axios. Please keep same behaviour. I will paste it after you say ok.",
  "Converting one component to another API style; routine multi-step rewrite.", voice="non-native")
R("o", "EWH", "design", "web", "We are building booking system for doctor appointment. Many clinic, each doctor have slots. Sometime two patients book the same slot in same second. How to design it so it is never double booking, also when we have many servers?",
  "Preventing double booking across servers: concurrency and consistency design.", voice="non-native")
R("s", None, "debug", "databases", '''
Mongo query is very slow, I have index on `createdAt` but explain show COLLSCAN. Query is:

```js
db.events.find({ userId: "u_1932", createdAt: { $gte: ISODate("2026-09-01") } }).sort({ createdAt: -1 })
```
Index: `{ createdAt: 1 }`. Collection has 80 million documents. What index I should create?
''', "Index design for a known query shape (ESR rule); identifiable, everyday.", voice="non-native")
R("h", "HWE", "question", "infrastructure", "What is meaning of 'eventual' in eventual consistency? One line answer.", "Short conceptual definition.", voice="non-native")

# --- follow-ups
R("s", None, "refactor", "general", "looks good, now apply the same refactor to the other two handlers", "Follow-up repeating a refactor on more code; sonnet (tie-breaker 8).", voice="follow-up")
R("h", None, "edit", "general", "also sort the imports", "Follow-up naming a mechanical edit.", voice="follow-up")
R("o", None, "design", "databases", "ok that works for one node. now make it correct when there are three replicas and the primary can fail mid-write", "Follow-up asking to extend to replicated failover semantics; distributed consistency.", voice="follow-up")
R("s", None, "debug", "general", "still failing, here's the new output:\n\n```\nFAILED tests/test_invoice.py::test_rounding - AssertionError: assert Decimal('10.01') == Decimal('10.00')\n```", "Follow-up with a failing assertion pointing at rounding; everyday debugging.", voice="follow-up")
R("h", None, "docs", "general", "now write the commit message for it", "Follow-up asking for a small text task.", voice="follow-up")
R("o", None, "review", "security", "and is the fix you gave actually safe against timing attacks? walk me through it", "Follow-up asking for a security/crypto analysis.", voice="follow-up")

# --- security pairs with traps
R("h", "HWE", "question", "security", "what does the 'zero' in zero-trust mean", "Short conceptual answer.", voice="terse")
R("h", "HWE", "edit", "security", "reformat this iptables rules file so each rule has one space between args, nothing else:\n\n```\n-A INPUT  -p tcp   --dport 22 -s 10.0.0.0/8   -j ACCEPT\n-A INPUT -p tcp --dport  443  -j ACCEPT\n-A INPUT   -m state --state ESTABLISHED,RELATED -j ACCEPT\n-A INPUT  -j DROP\n```", "Whitespace reformat of a short config; security-sounding, trivial.")
R("s", None, "implement", "security", "add argon2id password hashing to our go signup and login handlers using golang.org/x/crypto/argon2, with parameters stored in the hash string so we can raise them later. migrate existing bcrypt users on next successful login.",
  "Library integration with clear spec and a known rehash-on-login pattern; everyday security work.")
R("o", "EWH", "design", "security", "our support staff can log in as any customer to help them. it's a checkbox in the admin panel. how should we redo this so it's safe and auditable?",
  "Designing impersonation with least privilege and audit: a threat model in plain words.")
R("o", "SH", "review", "security", "is our use of AES-CTR with a counter nonce per message ok across restarts?", "Short but asks about nonce reuse in crypto; a subtle mistake is a vulnerability.", voice="terse")

# --- data triple with traps
R("h", "HWE", "question", "data", "what does 'idempotent' mean for a spark job, one line", "Short definition.", voice="terse")
R("s", None, "implement", "data", "write a dbt model that builds a daily active users table from `events` (user_id, event_ts, event_name), incremental by day, excluding events named 'heartbeat'. include the schema.yml with not_null and unique tests.",
  "Clear-spec data model with tests; everyday.")
R("o", "EWH", "plan", "data", "we have about 600 dbt models and nobody knows which ones are used. the nightly run takes 5 hours. plan how we get it under an hour without breaking the dashboards finance relies on.",
  "Large plan across a codebase with analysis and risk; opus.")

# --- ops triples
R("h", None, "ops", "infrastructure", "terraform command to see what will change without applying", "One-liner (terraform plan).", voice="terse")
R("s", None, "ops", "infrastructure", '''
terraform apply fails:

```
Error: creating S3 Bucket (acme-prod-assets) Policy: operation error S3: PutBucketPolicy, https response error StatusCode: 403, RequestID: 7YQ2K9, api error AccessDenied: Access Denied

  with aws_s3_bucket_policy.assets,
  on s3.tf line 41, in resource "aws_s3_bucket_policy" "assets":
  41: resource "aws_s3_bucket_policy" "assets" {
```
the policy makes the bucket public-read for the cdn. we enabled account-level Block Public Access last week.
''', "Error plus stated change points at Block Public Access; known fix (OAC instead of public policy).")
R("o", "EWH", "plan", "infrastructure", "our terraform is one giant state with everything in it, 4000 resources, plans take 20 minutes and two people can't work at once. plan how to split it up without destroying or recreating anything in prod.",
  "Large state-splitting migration with high risk of destructive changes; multi-step plan.")

# --- verbose more
R("h", None, "question", "tooling", "So I'm working on a Python project and my colleague told me I should be using a virtual environment, but I already have Python installed and everything seems to work fine. I don't really want to change things if I don't have to. Could you just explain briefly what a virtualenv actually is and why people use them?",
  "Well-known concept explained briefly despite verbose framing.", voice="verbose")
R("s", None, "implement", "web", '''
Hello! I'm building a small internal tool for our HR team and I need a page where they can upload a CSV of new hires and see a preview table before confirming. The backend is Django 5 and the frontend is plain Django templates with a bit of HTMX. The CSV has columns first_name, last_name, email, start_date, department. I'd like: validation (email format, date format, department must be one of our existing Department rows), a preview showing errors per row in red, and a confirm button that creates the Employee records in one transaction. Could you write the view, the form and the templates?
''', "Clear-spec feature across view, form and templates; everyday.", voice="verbose")
R("o", "EWH", "debug", "databases", '''
Hi all, I'm not sure this is even the right place to ask. We run a fairly normal setup: a primary MySQL with two replicas, and our app reads from replicas and writes to the primary. Every so often — could be once a week, could be three times in a day — a customer updates their address and then the confirmation page shows the old address, and sometimes the shipment even goes to the old address, which is the part that's costing us money. We tried adding a sleep after writes (I know...) and it got better but didn't go away. I'd love to understand what's actually happening and what the proper fix is.
''', "Read-your-writes consistency across replicas plus a downstream job reading stale data; distributed reasoning with money at stake.", voice="verbose")

# --- explain async ordering
R("h", None, "explain", "web", "what does `await` do in javascript, one sentence", "Short well-known answer.", voice="terse")
R("s", None, "explain", "web", '''
why is the order of output 1 4 3 2 and not 1 2 3 4?

```js
console.log(1);
setTimeout(() => console.log(2), 0);
Promise.resolve().then(() => console.log(3));
console.log(4);
```
''', "Subtle reason (microtask vs macrotask queue) behind small code; tie-breaker 7 → sonnet.")
R("s", None, "explain", "web", '''
why does this log "undefined" for this.name?

```js
class Greeter {
  constructor(name) { this.name = name; }
  greet() { console.log('hi ' + this.name); }
}
const g = new Greeter('ana');
setTimeout(g.greet, 10);
```
''', "Subtle `this` binding when passing a method; tie-breaker 7 → sonnet.")

# --- long-trivial more (moderate size)
R("h", "LT", "question", "infrastructure", "what's the image tag of audit-05 in this?\n\n```yaml\n" + gen_yaml_services(44, 30) + "\n```", "Finding one value in a long config (tie-breaker 5).", voice="terse")
R("h", "LT", "edit", "infrastructure", "change LOG_LEVEL to info for every service in here that has it set to debug, leave everything else alone\n\n```yaml\n" + gen_yaml_services(45, 25) + "\n```", "Mechanical find-and-replace on a long config; checkable at a glance.")
R("h", "LT", "question", "data", "how many orders in this csv are from SE? just give the count\n\n```csv\n" + gen_csv(52, 400) + "\n```", "Counting rows by one field in a long CSV; trivial.", voice="typos")
R("s", None, "implement", "data", "write a SQL query for this table shape that gives, per country, the median order total and the share of refunded orders, for the last 90 days. postgres. sample rows:\n\n```csv\n" + gen_csv(53, 8) + "\n```", "Analytical SQL with aggregates and percentiles; more than a one-table SELECT, everyday.")
R("h", "LT", "edit", "web", "add `// @ts-nocheck` as the first line and change nothing else\n\n```ts\n" + "\n".join(gen_ts_module(32, 70).splitlines()) + "\n```", "Inserting one line at the top of a long file; trivial.", voice="terse")
R("h", "LT", "question", "web", "which of these handlers don't check req.user? just list the function names\n\n```ts\n" + gen_ts_module(33, 60) + "\n```", "Listing handlers missing a literal line; a mechanical scan, checkable at a glance.")

# --- hard-words-easy
R("h", "HWE", "question", "systems", "what does NUMA stand for", "Single fact.", voice="terse")
R("h", "HWE", "explain", "systems", "what does `std::memory_order_seq_cst` mean in plain english, two sentences", "Short conceptual answer of a well-known term; not analysing concurrent code.")
R("h", "HWE", "edit", "databases", "capitalize the SQL keywords in this, nothing else:\n\nselect a.id, b.term from raft_log a join raft_meta b on a.node_id = b.node_id where a.committed = true order by a.idx desc limit 50;", "Mechanical reformat of one query.")
R("h", "HWE", "question", "ml", "what's the default learning rate for Adam in pytorch", "Single fact.", voice="terse")
R("h", "HWE", "docs", "infrastructure", "write a one-line description for the PR: 'bump etcd from 3.5.15 to 3.5.17 in the control-plane chart'", "Small text task.")

# --- short-hard
R("o", "SH", "design", "systems", "build a rate limiter that's correct across 50 api nodes without a central redis", "Short prompt, distributed algorithm design with trade-offs.", voice="terse")
R("o", "SH", "question", "general", "is our leader lease safe if clocks drift 200ms?", "Short question about lease safety under clock skew; distributed correctness.", voice="terse")
R("o", "SH", "design", "databases", "design a schema for multi-currency double-entry ledger with reversals", "Short prompt, high-stakes data model design with invariants.", voice="terse")
R("o", "SH", "implement", "systems", "write a wait-free SPSC ring buffer in rust with correct orderings", "Concurrent algorithm with memory ordering; short but hard.", voice="terse")

# --- easy-words-hard
R("o", "EWH", "plan", "web", "plan how we turn our single-tenant app into one that many companies can share, without mixing up their data", "Multi-tenancy migration across the codebase with isolation risks; large plan.")
R("o", "EWH", "debug", "web", "some users get someone else's page for a split second after logging in. rare, but twice in the last month and one was a screenshot on twitter. we use a cdn and a redis cache.", "Cross-user data leak via caching with no lead; security-critical debugging.")
R("o", "EWH", "design", "general", "decide whether we should keep our own search or move to a hosted one, and how we'd switch without users noticing", "Choosing between designs with justification plus migration; opus.")
R("o", "EWH", "debug", "systems", "the job queue sometimes runs the same job twice, and sometimes never. a few times a week. we have 8 workers", "Duplicate and lost jobs across workers: at-least/at-most-once reasoning without a lead.", voice="terse")
R("o", "EWH", "plan", "mobile", "plan how to move our three apps (ios, android, web) onto one shared design system without freezing feature work", "Cross-platform migration plan with sequencing trade-offs; large plan.")

# --- sonnet everyday contrast rows
R("s", None, "implement", "infrastructure", "write a github actions workflow that runs terraform fmt -check, validate and plan on PRs touching infra/**, posts the plan as a PR comment, and applies on merge to main with a manual approval environment.", "CI configuration with known actions and steps; sonnet.")
R("s", None, "test", "web", "write playwright tests for our login page: happy path, wrong password shows the error, locked account shows the support link, and 'remember me' keeps the session after reload. selectors use data-testid.", "Writing tests for existing behaviour; routine.")
R("s", None, "refactor", "systems", "this go package has three copies of the same retry-with-backoff loop (http client, s3 upload, kafka produce). pull it into one generic helper with context cancellation and jitter and replace the copies.", "Refactoring duplicated logic into a helper across files; everyday.")
R("s", None, "debug", "mobile", '''
flutter build fails after upgrading:

```
e: /Users/ci/.pub-cache/hosted/pub.dev/camera_android-0.10.8/android/src/main/java/io/flutter/plugins/camera/CameraPlugin.java: error: cannot find symbol
  import io.flutter.plugin.common.PluginRegistry.Registrar;
                                              ^
  symbol:   class Registrar
```
''', "Error names removed v1 embedding API in an outdated plugin; known fix (upgrade plugin).", voice="terse")
R("s", None, "implement", "ml", "write a pytorch Dataset for a folder of images organised as class_name/xxx.jpg with a train/val split by a fixed seed, augmentations for train only (random crop, flip), and a collate that returns labels as a LongTensor.", "Clear-spec data loading code; everyday ML implementation.")
R("s", None, "review", "web", '''
review this PR diff for correctness and style:

```diff
-export function formatPrice(cents) {
-  return '$' + (cents / 100).toFixed(2);
+export function formatPrice(cents: number, currency = 'USD', locale = 'en-US') {
+  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
 }
```
it's used in 40 places, some pass strings from the API.
''', "Diff review for correctness (string inputs, zero-decimal currencies); rubric: diff review → sonnet.")
R("s", None, "explain", "systems", '''
walk me through what this function does, it's from our scheduler and the original author left

```python
def next_slot(slots, busy, duration):
    busy = sorted(busy)
    for start, end in slots:
        cursor = start
        for b_start, b_end in busy:
            if b_end <= cursor:
                continue
            if b_start >= end:
                break
            if b_start - cursor >= duration:
                return cursor, cursor + duration
            cursor = max(cursor, b_end)
        if end - cursor >= duration:
            return cursor, cursor + duration
    return None
```
''', "Explaining a non-trivial function of dozens of lines; rubric: sonnet.")

# --- final mix
R("h", "HWE", "question", "systems", "wat does 'split brain' mean in clustering", "Short well-known definition.", voice="typos")
R("h", "LT", "question", "infrastructure", "what time is the first WARN line in this log?\n\n```\n" + gen_log(14, 160) + "\n```", "Finding one line in a long log; trivial.", voice="terse")
R("h", None, "question", "web", "http status code for 'too many requests'?", "Single fact.", voice="terse")
R("h", "HWE", "edit", "security", "sort these keys alphabetically:\n\n```json\n{\"kms_key_id\": \"arn:aws:kms:eu-north-1:1111:key/ab12\", \"algorithm\": \"AES256_GCM\", \"rotation_days\": 90, \"envelope\": true, \"aad_fields\": [\"tenant\", \"doc_id\"]}\n```", "Mechanical key sort; crypto words, trivial.")
R("h", None, "question", "mobile", "How I can put a breakpoint in Android Studio that stops only when a condition is true?", "Short how-to about a tool feature.", voice="non-native")
R("h", None, "explain", "databases", "what does `ON CONFLICT DO NOTHING` do in postgres", "Short snippet explained in a sentence.", voice="terse")
R("h", None, "docs", "data", "give me a 2-line description for our `orders_daily` table for the data catalog: one row per day per country with revenue and order count", "Small text task.")

R("s", None, "implement", "web", "add server-side pagination to our /api/products endpoint (express + knex): cursor based on (created_at, id), page size param max 100, return next_cursor. update the react table to use it with a 'load more' button.", "Feature across backend and frontend with a clear spec; everyday.")
R("s", None, "debug", "systems", '''
segfault in our C extension, valgrind says:

```
==4121== Invalid read of size 8
==4121==    at 0x4C3A1F2: buf_append (buffer.c:88)
==4121==    by 0x4C3A5D0: encode_row (encode.c:142)
==4121==  Address 0x5a8e040 is 0 bytes after a block of size 64 alloc'd
==4121==    at 0x483B7F3: malloc (vg_replace_malloc.c:307)
==4121==    by 0x4C3A0B1: buf_new (buffer.c:21)
```
buffer.c:
```c
int buf_append(buf_t *b, const char *s, size_t n) {
    if (b->len + n > b->cap) {
        b->cap *= 2;
        b->data = realloc(b->data, b->cap);
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    return 0;
}
```
''', "Valgrind trace points at a grow that doubles once even when n exceeds it; identifiable cause.")
R("s", None, "implement", "databases", "write a postgres function + trigger that keeps `accounts.updated_at` current on every update and writes the old row as json into `accounts_history`.", "Clear-spec trigger code; everyday.")
R("s", None, "ops", "infrastructure", "nginx: proxy /api to localhost:3000 and serve everything else from /var/www/app with SPA fallback to index.html, gzip on, cache static assets for a year. give me the server block.", "Config with several known pieces; routine ops.", voice="terse")
R("s", None, "test", "data", "write property-based tests with hypothesis for our `merge_intervals(list[tuple[int,int]])` function: output sorted, non-overlapping, covers exactly the same points as the input.", "Writing tests for existing code with clear properties; sonnet.")
R("s", None, "implement", "mobile", "in our swift app, add a retry with exponential backoff (3 tries, 0.5s/1s/2s) to `APIClient.send` for 5xx and URLError.timedOut only, using async/await. don't retry POSTs unless they carry an Idempotency-Key header.", "Clear-spec change with a few conditions; everyday.")
R("s", None, "debug", "web", "my next.js page shows 'Hydration failed because the initial UI does not match what was rendered on the server' and the component renders `new Date().toLocaleTimeString()` in the header. how do i fix it properly", "Error plus code detail points at server/client mismatch; known fix.", voice="typos")
R("s", None, "refactor", "data", "our etl script is one 600-line main() with globals. split it into extract/transform/load functions with typed dataclasses for the records and make the db connection injectable so we can test it. keep the CLI flags the same.", "Refactoring a module with routine care; sonnet.")
R("s", None, "implement", "tooling", "write a pre-commit hook in python that blocks commits containing strings that look like AWS access keys (AKIA...) or private key headers, with an allowlist file .secrets-allow", "Small clear-spec tool; everyday.")
R("s", None, "explain", "ml", '''
why does my model give different predictions for the same input when I call it twice?

```python
model = build_model()
model.load_state_dict(torch.load("best.pt"))
x = preprocess(img)
print(model(x).argmax(), model(x).argmax())
```
the model has dropout and batchnorm
''', "Subtle reason (train mode left on: dropout active) behind small code; tie-breaker 7 → sonnet.")
R("s", None, "debug", "databases", "redis says `OOM command not allowed when used memory > 'maxmemory'` and our sessions keys have no TTL, maxmemory-policy is noeviction. what should we change?", "Error plus config points at the cause; known fix (TTL, eviction policy).", voice="terse")
R("s", None, "implement", "web", "write a websocket endpoint in fastapi that streams job progress from a redis pubsub channel `job:{id}` to the client, closes when it receives `done`, and handles client disconnect cleanly.", "Clear-spec endpoint with a known pattern; everyday.")
R("s", None, "plan", "tooling", "we're upgrading from python 3.9 to 3.12 in one service (~20k lines). list the steps: what to check, which deps usually break, how to run both in CI during the switch.", "Migration with known steps in one service; sonnet.")

R("o", "EWH", "debug", "web", "our checkout sometimes charges people twice. support sees it a couple of times a month. we can't find a pattern", "Rare double charge with no lead across client retries and payment calls; opus (tie-breaker 6).", voice="terse")
R("o", "EWH", "design", "systems", "propose how our services should talk to each other so one slow service doesn't take everything down with it", "Resilience architecture (timeouts, bulkheads, backpressure) in plain words; open design.")
R("o", "EWH", "plan", "security", "plan how we get every service off the shared admin database password and onto per-service credentials that rotate, without an outage", "Large credential migration across services with security stakes.")
R("o", "SH", "debug", "systems", "p99 went 5x after moving to arm64 graviton, same code. why?", "Performance cliff requiring analysis (memory model, atomics, alignment) with no lead.", voice="terse")
R("o", "EWH", "design", "data", "design how we keep a search index in sync with the database so search results are never more than a few seconds stale, even when the indexer crashes", "Change-data-capture and recovery design with consistency guarantees.")
R("o", None, "review", "systems", '''
review this distributed lock helper we use to make sure only one cron instance runs the billing job:

```python
def run_exclusive(name, fn, ttl=60):
    token = str(uuid.uuid4())
    if not r.set(f"lock:{name}", token, nx=True, ex=ttl):
        return False
    try:
        fn()
    finally:
        if r.get(f"lock:{name}") == token:
            r.delete(f"lock:{name}")
    return True
```
the billing job sometimes takes 3 minutes.
''', "Review of a distributed lock (TTL expiry mid-job, non-atomic check-and-delete); tie-breaker 10 → opus.")
R("o", "EWH", "plan", "infrastructure", "we need to upgrade kafka from 2.8 with zookeeper to 3.7 with kraft, 3 clusters, 60 producers/consumers. plan it so nothing is lost and we can go back if it goes wrong.", "Large stateful migration with rollback and data-loss risk; opus.")
R("o", "EWH", "debug", "mobile", "the android app's battery usage went way up for some users after the last release and google play is warning us. we changed a lot in that release. no crash, nothing in logs. how do we find it?", "Field-only regression without a lead across many changes; theory needed.", voice="plain")
R("o", "SH", "design", "web", "consistent hashing vs rendezvous for our cache tier, pick one and justify", "Choosing between designs with justification; opus.", voice="terse")
R("o", "EWH", "design", "general", "Kami punya satu aplikasi besar dan ingin memecahnya. Tolong usulkan batas-batas layanan dan urutan pemisahannya.", "Proposing service boundaries and sequencing: open design (tie-breaker 6, 9).", voice="other-language", lang="id")
R("o", None, "review", "security", "threat model our new 'share a link to a document' feature: links are /s/<8 random chars>, no login needed, optional expiry, documents may contain customer PII", "Threat modelling a sharing feature with PII; security review → opus.")
R("o", "EWH", "debug", "databases", "some rows in our events table show up twice after we restored from backup last month, and a few are missing. we used pg_dump of the primary while the app was running. what happened and how do we repair it?", "Consistency of a live logical backup and repair without a clear lead; careful reasoning with data at stake.")
R("o", "EWH", "plan", "ml", "plan how we move our model serving from one big gpu box to a shared cluster for 12 models without hurting latency for the chat product", "Multi-step infrastructure plan with capacity and latency trade-offs.")
R("o", "SH", "question", "general", "prove this loop invariant holds for our merge of two sorted arrays", "Formal reasoning request; opus.", voice="terse")

R("s", None, "implement", "web", "Please can you write for me the Django signal which is sending welcome email after user is registered, but only when email is verified? We are using django-allauth. Email must go through Celery task, not directly.", "Clear-spec integration with known libraries; everyday.", voice="non-native")
R("s", None, "debug", "infrastructure", "Our docker image is 2.3 GB, before it was 400 MB. Only change is we added `RUN apt-get install -y build-essential` for compile one python package. How to make small again? We are using python:3.11 base image.", "Identifiable cause (build deps in final image); known fix with multi-stage build.", voice="non-native")
R("s", None, "test", "systems", "write a fuzz test with go's testing.F for our `ParseHeader([]byte) (Header, error)` that checks it never panics and that Encode(Parse(x)) round-trips for valid inputs.", "Writing tests for existing code; sonnet.", voice="terse")
R("s", None, "review", "data", '''
can you review this pandas code, it feels slow and maybe wrong on the groupby?

```python
out = []
for cid in df.customer_id.unique():
    sub = df[df.customer_id == cid]
    out.append({"customer_id": cid,
                "first": sub.sort_values("created_at").iloc[0].created_at,
                "total": sub.total_eur.sum(),
                "refunds": len(sub[sub.status == "refunded"])})
res = pd.DataFrame(out)
```
''', "Reviewing a small piece of code for correctness and performance with a known rewrite (groupby.agg).", voice="typos")
R("s", None, "implement", "databases", "Skriv en migrering i Alembic som lägger till kolumnen `country_code` (CHAR(2), NOT NULL, default 'SE') i tabellen `customers` och fyller i den från `addresses.country` för befintliga rader.", "Migration with known steps including a backfill; sonnet (tie-breaker 9).", voice="other-language", lang="sv")
R("s", None, "explain", "systems", '''
why does this go program print the same value three times sometimes and 0 1 2 other times? go 1.21

```go
for i := 0; i < 3; i++ {
    go func() { fmt.Println(i) }()
}
time.Sleep(100 * time.Millisecond)
```
''', "Subtle loop-variable capture (pre-1.22 semantics) in small code; tie-breaker 7 → sonnet.")
R("o", "EWH", "design", "web", "We have to let customers undo any change in their workspace for 30 days, including deletes of whole projects. Design how that should work in the backend.", "Open design of versioning/undo semantics across data model and storage; opus.", voice="plain")

# ---- END ROWS


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "w9.jsonl"), "w", encoding="utf-8") as f:
        for i, r in enumerate(ROWS, 1):
            row = {"id": f"w9-{i:04d}", **r}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
