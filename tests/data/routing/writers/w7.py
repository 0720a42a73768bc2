#!/usr/bin/env python3
"""Writer w7: prompts typed inside an agentic coding session (Claude Code in a repo).
Run `python3 w7.py` to write w7.jsonl deterministically."""
import json, os, random

ROWS = []

def R(label, category, domain, voice, trap, rationale, prompt, language="en"):
    ROWS.append({"prompt": prompt, "label": label, "rationale": rationale, "category": category,
                 "domain": domain, "voice": voice, "language": language, "trap": trap})

# ------------------------------------------------------------------ long material generators

def gen_service_log(seed, n, service="order-worker"):
    rnd = random.Random(seed)
    levels = ["INFO"] * 12 + ["DEBUG"] * 6 + ["WARN"] * 2 + ["ERROR"]
    tmpl = [
        "consumed msg partition={p} offset={o} key=ord_{k}",
        "committed offsets partition={p} upto={o}",
        "http POST /internal/reserve status=200 dur_ms={d}",
        "http POST /internal/reserve status=503 dur_ms={d} retry={r}",
        "db tx begin id={k}",
        "db tx commit id={k} dur_ms={d}",
        "pool stats active={a} idle={i} waiting={w}",
        "redis SETNX lock:ord_{k} ok=true ttl_ms=30000",
        "redis SETNX lock:ord_{k} ok=false held_by=worker-{r}",
        "heartbeat sent group=orders member=worker-{r} gen={p}",
        "rebalance started group=orders gen={p}",
        "gc pause young ms={d}",
    ]
    out = []
    t = 1764662400 + rnd.randint(0, 3600)
    for _ in range(n):
        t += rnd.randint(0, 3)
        lv = rnd.choice(levels)
        msg = rnd.choice(tmpl).format(p=rnd.randint(0, 11), o=rnd.randint(100000, 999999), k="%06x" % rnd.randint(0, 0xffffff),
                                      d=rnd.randint(1, 2500), r=rnd.randint(1, 6), a=rnd.randint(0, 20), i=rnd.randint(0, 20), w=rnd.randint(0, 40))
        if lv == "ERROR":
            msg = rnd.choice(["reserve failed: upstream timeout after 2000ms ord_%06x" % rnd.randint(0, 0xffffff),
                              "tx rollback: could not serialize access due to concurrent update",
                              "failed to commit offsets: CommitFailedException group rebalanced"])
        hh, mm, ss = (t // 3600) % 24, (t // 60) % 60, t % 60
        out.append(f"2026-11-30T{hh:02d}:{mm:02d}:{ss:02d}.{rnd.randint(0,999):03d}Z {lv:<5} [{service}-{rnd.randint(1,4)}] {msg}")
    return "\n".join(out)

def gen_python_module(seed, n):
    rnd = random.Random(seed)
    nouns = ["invoice", "customer", "ledger", "refund", "coupon", "shipment", "tax_rate", "payout", "subscription", "discount"]
    verbs = ["load", "validate", "normalize", "apply", "compute", "merge", "export", "reconcile", "summarize", "filter"]
    parts = ['"""billing/core.py - helpers for invoice processing."""', "from decimal import Decimal, ROUND_HALF_UP",
             "from dataclasses import dataclass", "from typing import Iterable, Optional", "import logging", "",
             "log = logging.getLogger(__name__)", ""]
    used = set()
    for i in range(n):
        v, no = rnd.choice(verbs), rnd.choice(nouns)
        name = f"{v}_{no}"
        if name in used:
            name = f"{name}_{i}"
        used.add(name)
        k = rnd.randint(2, 9)
        body = rnd.choice([
            f"    total = Decimal('0')\n    for item in items:\n        if item.get('{no}_id') is None:\n            log.warning('skipping item without id: %r', item)\n            continue\n        total += Decimal(str(item['amount'])) * {k}\n    return total.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)",
            f"    out = []\n    for item in items:\n        key = str(item.get('{no}_id', '')).strip().lower()\n        if not key:\n            continue\n        out.append({{**item, '{no}_id': key, 'rank': len(out) % {k}}})\n    return out",
            f"    seen = {{}}\n    for item in items:\n        seen.setdefault(item['{no}_id'], []).append(item)\n    return {{k: v for k, v in seen.items() if len(v) >= {k - 1}}}",
            f"    if not items:\n        raise ValueError('{name}: empty input')\n    first, *rest = list(items)\n    for item in rest:\n        first = {{**first, **{{k: v for k, v in item.items() if v is not None}}}}\n    return first",
        ])
        parts.append(f"def {name}(items: Iterable[dict]) -> object:\n    \"\"\"{v.capitalize()} {no.replace('_', ' ')} records (batch size {k}).\"\"\"\n{body}\n\n")
    return "\n".join(parts)

def gen_js_module(seed, n):
    rnd = random.Random(seed)
    parts = ["// src/lib/cartStore.js", "import { api } from './api';", "import { formatMoney } from './money';", ""]
    fields = ["items", "coupons", "shipping", "taxes", "giftCards", "notes", "addresses", "pickups"]
    for i in range(n):
        f = rnd.choice(fields)
        fn = f"{rnd.choice(['load','sync','clear','patch','recalc','persist','restore'])}{f[0].upper()}{f[1:]}{i}"
        parts.append(rnd.choice([
            f"export async function {fn}(store, id) {{\n  const res = await api.get(`/cart/${{id}}/{f}`);\n  if (!res.ok) {{\n    throw new Error('failed to load {f}: ' + res.status);\n  }}\n  store.{f} = res.data.map((x) => ({{ ...x, label: formatMoney(x.amount, store.currency) }}));\n  return store.{f};\n}}\n",
            f"export function {fn}(store, patch) {{\n  const next = {{ ...store.{f}, ...patch }};\n  Object.keys(next).forEach((k) => {{\n    if (next[k] == null) delete next[k];\n  }});\n  store.{f} = next;\n  store.dirty = true;\n  return next;\n}}\n",
            f"export function {fn}(store) {{\n  let total = 0;\n  for (const entry of store.{f} || []) {{\n    total += (entry.amount || 0) * (entry.qty || 1);\n  }}\n  store.totals = {{ ...store.totals, {f}: total }};\n  return total;\n}}\n",
        ]))
    return "\n".join(parts)

def gen_diff(seed, n):
    rnd = random.Random(seed)
    out = []
    files = ["internal/api/handlers/orders.go", "internal/api/handlers/users.go", "internal/store/orders.go", "internal/store/users.go",
             "internal/api/middleware/auth.go", "internal/api/router.go", "internal/store/migrations.go", "internal/api/handlers/refunds.go"]
    for fi in range(n):
        f = files[fi % len(files)] if fi < len(files) else files[fi % len(files)].replace(".go", f"_{fi}.go")
        out.append(f"diff --git a/{f} b/{f}\nindex {rnd.randint(0,16**7):07x}..{rnd.randint(0,16**7):07x} 100644\n--- a/{f}\n+++ b/{f}")
        for h in range(rnd.randint(2, 4)):
            ln = rnd.randint(10, 400)
            ent = rnd.choice(["Order", "User", "Refund", "Invoice"])
            out.append(f"@@ -{ln},7 +{ln},9 @@ func (h *Handler) handle{ent}{h}(w http.ResponseWriter, r *http.Request) {{")
            out.append(f" \tctx := r.Context()\n-\tid := chi.URLParam(r, \"id\")\n+\tid, err := parseID(chi.URLParam(r, \"id\"))\n+\tif err != nil {{\n+\t\thttpError(w, http.StatusBadRequest, err)\n+\t\treturn\n+\t}}\n \t{ent.lower()}, err := h.store.Get{ent}(ctx, id)\n \tif err != nil {{\n-\t\thttp.Error(w, err.Error(), 500)\n+\t\th.log.Error(\"get {ent.lower()}\", \"id\", id, \"err\", err)\n+\t\thttpError(w, statusFor(err), err)\n \t\treturn\n \t}}")
    return "\n".join(out)

def gen_k8s(seed, n):
    rnd = random.Random(seed)
    docs = []
    names = ["api", "ingest", "billing", "search", "notifier", "scheduler", "thumbnailer", "auth", "gateway", "reports", "exporter", "webhooks"]
    for i in range(n):
        nm = names[i % len(names)] + ("" if i < len(names) else f"-{i}")
        mem = rnd.choice(["256Mi", "512Mi", "768Mi", "1Gi", "2Gi"])
        docs.append(f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {nm}
  namespace: prod
  labels: {{app: {nm}, team: {rnd.choice(['core','data','growth','platform'])}}}
spec:
  replicas: {rnd.randint(1, 8)}
  selector:
    matchLabels: {{app: {nm}}}
  template:
    metadata:
      labels: {{app: {nm}}}
    spec:
      containers:
        - name: {nm}
          image: registry.internal/acme/{nm}:1.{rnd.randint(0,40)}.{rnd.randint(0,9)}
          ports: [{{containerPort: {rnd.choice([8080, 8000, 9090, 3000])}}}]
          env:
            - {{name: LOG_LEVEL, value: {rnd.choice(['info','debug','warn'])}}}
            - {{name: DB_POOL_SIZE, value: "{rnd.randint(5, 40)}"}}
          resources:
            requests: {{cpu: {rnd.choice(['100m','250m','500m'])}, memory: {rnd.choice(['128Mi','256Mi','512Mi'])}}}
            limits: {{cpu: {rnd.choice(['500m','1','2'])}, memory: {mem}}}
          readinessProbe:
            httpGet: {{path: /healthz, port: http}}
            periodSeconds: {rnd.choice([5, 10, 15])}""")
    return "\n---\n".join(docs)

def gen_csv(seed, n):
    rnd = random.Random(seed)
    rows = ["order_id,customer_email,created_at,country,currency,amount,status,items,coupon"]
    for i in range(n):
        rows.append(f"{100000+i},{rnd.choice(['anna','jan','li.wei','marta','tom','priya','ola'])}{rnd.randint(1,999)}@example.com,"
                    f"2026-{rnd.randint(1,11):02d}-{rnd.randint(1,28):02d} {rnd.randint(0,23):02d}:{rnd.randint(0,59):02d}:{rnd.randint(0,59):02d},"
                    f"{rnd.choice(['NL','PL','DE','US','GB','FR'])},{rnd.choice(['EUR','PLN','USD','GBP'])},{rnd.randint(100,99999)/100:.2f},"
                    f"{rnd.choice(['paid','paid','paid','refunded','pending','failed'])},{rnd.randint(1,12)},{rnd.choice(['','','','WELCOME10','BF2026'])}")
    return "\n".join(rows)

def gen_pytest_output(seed, n):
    rnd = random.Random(seed)
    out = ["============================= test session starts ==============================",
           "platform linux -- Python 3.12.4, pytest-8.3.2, pluggy-1.5.0", "rootdir: /home/dev/src/ledger", "configfile: pyproject.toml",
           "plugins: cov-5.0.0, asyncio-0.23.8", f"collected {n * 7} items", ""]
    mods = ["tests/test_accounts.py", "tests/test_transfers.py", "tests/test_fx.py", "tests/test_statements.py", "tests/test_api.py"]
    for m in mods:
        out.append(m + " " + "".join(rnd.choice("....................F") for _ in range(n)))
    out.append("\n=================================== FAILURES ===================================")
    for i in range(n // 3):
        t = f"test_{rnd.choice(['transfer','statement','fx_convert','account_close','api_list'])}_{i}"
        out.append(f"_____________________________ {t} _____________________________\n\n    def {t}(db):\n        acct = make_account(db, currency='EUR')\n>       res = transfer(db, acct, to=make_account(db, currency='EUR'), amount=Decimal('10.00'))\n\ntests/test_transfers.py:{rnd.randint(10,300)}: \n_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _\nledger/transfers.py:88: in transfer\n    fee = fee_for(src.currency, amount, tier=src.tier)\nledger/fees.py:31: in fee_for\n    table = FEE_TABLES[tier]\nE   KeyError: 'standard'\n")
    out.append(f"=========================== short test summary info ============================\nFAILED ... ({n // 3} failed)\n========================= {n // 3} failed, {n * 5 - n // 3} passed in 14.27s =========================")
    return "\n".join(out)

def gen_raft_log(seed, n):
    rnd = random.Random(seed)
    out = []
    term = 41
    leader = 2
    t = 0
    for i in range(n):
        t += rnd.randint(1, 40)
        node = rnd.randint(1, 3)
        ev = rnd.random()
        if ev < 0.02:
            term += 1
            leader = rnd.randint(1, 3)
            msg = f"node{leader} became leader term={term}"
        elif ev < 0.05:
            msg = f"node{node} election timeout, starting election term={term + 1}"
        elif ev < 0.5:
            msg = f"node{leader} append entries to node{node} prev_index={1000 + i} prev_term={term} entries={rnd.randint(0, 5)} commit={990 + i}"
        elif ev < 0.8:
            msg = f"node{node} apply index={990 + i - rnd.randint(0, 8)} cmd=PUT key=acct:{rnd.randint(1, 500)}"
        elif ev < 0.9:
            msg = f"client write key=acct:{rnd.randint(1, 500)} routed to node{rnd.randint(1, 3)} ack=ok latency_ms={rnd.randint(1, 90)}"
        else:
            msg = f"node{node} snapshot compacted upto={900 + i} size_kb={rnd.randint(200, 900)}"
        out.append(f"[{t // 1000:06d}.{t % 1000:03d}] {msg}")
    return "\n".join(out)

# ------------------------------------------------------------------ rows (batches)

# ---- batch 1: long pastes first
_log_big = gen_service_log(7001, 1100)
R("haiku", "question", "infrastructure", "terse", "long-trivial",
  "Counting matching lines in a pasted log is mechanical and checkable; length does not matter (tie-breaker 5).",
  "here's the last hour from order-worker, pulled with `kubectl logs -l app=order-worker --since=1h`. just count how many ERROR lines there are and how many of them are the CommitFailedException one\n\n```\n" + _log_big + "\n```")

_mod = gen_python_module(7002, 140)
R("haiku", "edit", "tooling", "plain", "long-trivial",
  "Adding a license header to the top of a file is a one-step mechanical edit regardless of file size.",
  "Add the Apache-2.0 SPDX header (`# SPDX-License-Identifier: Apache-2.0` plus `# Copyright 2026 Acme B.V.`) at the very top of src/billing/core.py. Don't change anything else in the file. Current content for reference:\n\n```python\n" + _mod + "\n```")

_diff = gen_diff(7003, 28)
R("sonnet", "review", "web", "verbose", None,
  "Reviewing a large but routine diff for correctness and style is everyday review work (tie-breaker 10).",
  "Can you review this before I push? It's the branch where I replaced all the `http.Error(w, err.Error(), 500)` calls with the new `httpError` + `statusFor` helpers and added ID parsing to every handler. I want to know if I missed a `return` anywhere, if any handler now logs twice, and whether `statusFor` is used consistently. Output of `git diff main...HEAD -- internal/`:\n\n```diff\n" + _diff + "\n```\n\nstatusFor is in internal/api/errors.go, it maps store.ErrNotFound to 404 and everything else to 500.")

_k8s = gen_k8s(7004, 18)
R("haiku", "question", "infrastructure", "terse", "long-trivial",
  "Looking up one field in a pasted manifest is a lookup checkable at a glance (tie-breaker 5).",
  "whats the memory limit on the ingest deployment in deploy/prod/all.yaml? pasting it so you dont have to open it\n\n```yaml\n" + _k8s + "\n```")

_csv = gen_csv(7005, 175)
R("sonnet", "implement", "databases", "plain", None,
  "Writing a loader with type mapping, table DDL and error handling is a clear-spec multi-step task.",
  "I dropped an export at data/orders_export.csv (head below, the full file is ~2M rows). Write scripts/load_orders.py that creates an `orders_raw` table in Postgres if it doesn't exist with proper types (numeric(12,2) for amount, timestamptz for created_at assuming UTC, empty coupon -> NULL) and loads the file with COPY via psycopg 3. Should be re-runnable: truncate first behind a --truncate flag. DSN comes from DATABASE_URL.\n\n```csv\n" + _csv + "\n```")

_raft = gen_raft_log(7006, 170)
R("opus", "debug", "systems", "verbose", None,
  "Lost acknowledged writes around leader changes in a consensus log needs a theory about distributed ordering (opus).",
  "We have a homegrown raft in pkg/consensus and a customer says balances went backwards after last night's deploy. From what I can see some client writes got `ack=ok` and then weren't there after the leader changed. I dumped the merged debug log from all three nodes for the window around it. Please go through it and pkg/consensus/leader.go + pkg/consensus/apply.go and figure out how an acked write can disappear. I suspect we ack before the entry is committed on a majority but I'm not sure, and I don't want a patch until we understand it.\n\n```\n" + _raft + "\n```")

_pyt = gen_pytest_output(7007, 90)
R("sonnet", "debug", "data", "terse", None,
  "Failing tests with a clear KeyError trace pointing at one lookup is debugging with an identifiable cause.",
  "ran `pytest -q` after pulling main, lots of red:\n\n```\n" + _pyt + "\n```\nfix it. I think someone renamed the fee tiers in ledger/fees.py")

_js = gen_js_module(7008, 48)
R("sonnet", "refactor", "web", "plain", None,
  "Converting a whole JS module to TypeScript with proper types is many careful steps (tie-breaker 5: sonnet).",
  "Convert src/lib/cartStore.js to TypeScript (src/lib/cartStore.ts). Add a `CartStore` interface covering every field used, type the api responses instead of using `any`, and keep every export name the same so the imports in the rest of the app keep working. Here's the file:\n\n```js\n" + _js + "\n```")

_log_mid = gen_service_log(7009, 200, service="checkout-api")
R("opus", "debug", "infrastructure", "verbose", "easy-words-hard",
  "An unreproducible periodic stall across workers, redis locks and a consumer group has no clear lead; needs a cross-component theory.",
  "ok so this is the thing nobody on the team has managed to figure out. every few hours checkout-api just stops processing for 3-4 minutes, then catches up on its own. no deploy, no cpu spike, the db looks fine. we can't reproduce it on staging. below is a slice of logs that covers one of the stalls (it's somewhere in the middle). the code for the consumer is in services/checkout/consumer.py and the lock helper in services/common/locks.py. I want an actual explanation of what's going on, not 'increase the timeout'.\n\n```\n" + _log_mid + "\n```")

# ---- batch 1: short and medium prompts
R("haiku", "edit", "web", "terse", None, "Renaming one prop is a mechanical edit.",
  "rename `isLoading` to `pending` in src/components/SaveButton.tsx, props and usages in that file only")
R("haiku", "question", "tooling", "terse", None, "Short well-known git command.",
  "undo my last commit but keep the changes staged")
R("sonnet", "test", "web", "follow-up", None, "Writing tests for the code just written is sonnet per tie-breaker 8.",
  "ok now add tests for that, same style as the ones in tests/api/test_orders.py")
R("haiku", "ops", "tooling", "follow-up", None, "Running an existing test command is a single step.",
  "now run the tests")
R("sonnet", "debug", "tooling", "follow-up", None, "Fixing a build break from the previous change; work unspecified but everyday (tie-breaker 8).",
  "that broke the build, fix it")
R("haiku", "edit", "general", "follow-up", None, "Reverting one recent change in one file is mechanical.",
  "undo the last change to utils.py")
R("sonnet", "refactor", "web", "follow-up", None, "Applying the same non-trivial change to three more handlers is multi-file everyday work.",
  "same for the other three handlers")
R("haiku", "edit", "web", "plain", None, "Changing a single rounding mode is a one-line edit.",
  "in src/billing/invoice.ts make the total round half-even instead of Math.round. there's only the one place in `computeTotal`")
R("haiku", "docs", "tooling", "terse", None, "A commit message for staged changes is a small text task.",
  "write a commit msg for what's staged")
R("opus", "design", "systems", "terse", "short-hard", "A lock-free work-stealing deque with correct memory ordering is a hard concurrent algorithm.",
  "implement a chase-lev work stealing deque in src/sched/deque.rs, lock free, with the right atomics orderings")
R("sonnet", "implement", "web", "plain", None, "A paginated endpoint with clear spec is everyday feature work.",
  "Add a `GET /api/v1/projects/:id/members` endpoint in server/routes/projects.js. Cursor pagination (`?cursor=&limit=`, default 20, max 100), only visible to members of the project (use the existing `requireProjectMember` middleware), return `{items, nextCursor}`. Add it to the OpenAPI file in docs/openapi.yaml too.")
R("haiku", "explain", "security", "plain", "hard-words-easy", "Explaining what one flag in a config means is a short factual answer despite security vocabulary.",
  "in config/tls.conf what does `ssl_prefer_server_ciphers on;` actually do? one sentence is fine")
R("opus", "review", "security", "plain", None, "Security review of an auth flow is opus (tie-breaker 10).",
  "Review @src/auth/oauth_callback.py and @src/auth/session.py for security issues. We're about to open the OAuth login to external customers. I'm specifically worried about state/nonce handling, open redirects via the `next` param and session fixation, but tell me about anything else you find too.")
R("sonnet", "debug", "mobile", "typos", None, "Crash with a clear stack trace pointing at a nil unwrap is debugging with an identifiable cause.",
  "app crashes on launch on ios 17 only, xcode says\n\n```\nThread 1: Fatal error: Unexpectedly found nil while implicitly unwrapping an Optional value\n#0 ProfileHeaderView.configure(with:) at ProfileHeaderView.swift:42\n#1 ProfileViewController.viewDidLoad() at ProfileViewController.swift:88\n```\nline 42 is `avatarView.image = ...`. its an IBOutlet. worked fine last wek, i only moved the view into a new xib")
R("haiku", "question", "databases", "terse", None, "A single-table SELECT is a one-liner.",
  "sql to get the 10 newest rows from audit_log where actor_id = 42")
R("opus", "plan", "databases", "verbose", "easy-words-hard", "Moving a live system between databases without downtime is a large multi-step migration plan.",
  "We need to get off the single MySQL box (db/legacy) and onto the Postgres cluster the platform team set up. The app is the monolith in this repo, about 180 tables, writes 24/7, and we can't take more than a couple of seconds of downtime. Can you go through the repo, look at how the data layer is used (app/models, the raw SQL in app/reports) and come up with a step-by-step plan for moving over? I need to know the order, how we keep both in sync during the switch, how we verify, and how we roll back at each step.")
R("haiku", "edit", "data", "plain", None, "Sorting a list of keys alphabetically is mechanical.",
  "sort the keys in config/columns.json alphabetically, keep the 2 space indent")
R("sonnet", "explain", "web", "plain", None, "Explaining a subtle closure/stale-state behaviour in React needs care (tie-breaker 7: sonnet).",
  "why does the counter in src/hooks/usePoll.ts always log 0 inside the setInterval callback even though the UI shows it going up?\n\n```ts\nexport function usePoll(fetcher: () => Promise<number>) {\n  const [count, setCount] = useState(0);\n  useEffect(() => {\n    const id = setInterval(async () => {\n      console.log('count', count);\n      setCount(await fetcher());\n    }, 1000);\n    return () => clearInterval(id);\n  }, []);\n  return count;\n}\n```")
R("haiku", "edit", "ml", "terse", None, "Changing one hyperparameter in a config is a one-line edit.",
  "bump lr to 3e-4 in configs/train_base.yaml")
R("opus", "debug", "ml", "verbose", "easy-words-hard", "Silent, intermittent divergence in distributed training with no lead needs a multi-component theory.",
  "Training runs in train/ sometimes just go bad after a day or so - loss is fine and then jumps to NaN, but only on the 8-node runs, never on a single node, and if we restart from the last checkpoint it usually goes through that step fine. We use bf16, the custom fused attention in train/kernels/, and gradient accumulation. Can you dig through the training loop and figure out what could make this happen only at scale and only sometimes?")
R("sonnet", "implement", "tooling", "plain", None, "Adding a CLI subcommand with flags and output format is clear-spec feature work.",
  "Add a `prune` subcommand to tools/artifacts/cli.py: deletes build artifacts older than `--days` (default 30) from the bucket configured in settings, `--dry-run` prints what would be deleted, and it must never delete anything tagged `keep=true`. Follow the click style of the existing `list` command.")
R("haiku", "explain", "general", "plain", None, "Explaining a common error message is haiku.",
  "what does `fatal: refusing to merge unrelated histories` mean")
R("sonnet", "debug", "databases", "plain", None, "Slow query with an EXPLAIN that points at a missing index is debugging with a clear lead.",
  "this query in app/reports/revenue.sql takes 40s now:\n\n```\nEXPLAIN ANALYZE SELECT date_trunc('day', created_at) d, sum(amount) FROM payments WHERE merchant_id = 981 AND created_at > now() - interval '90 days' GROUP BY 1;\n\nHashAggregate  (cost=912345.12..912350.20 rows=90 width=40) (actual time=40123.441..40123.502 rows=90 loops=1)\n  ->  Seq Scan on payments  (cost=0.00..901234.00 rows=182311 width=14) (actual time=0.031..39877.120 rows=179002 loops=1)\n        Filter: ((merchant_id = 981) AND (created_at > (now() - '90 days'::interval)))\n        Rows Removed by Filter: 48120331\nPlanning Time: 0.210 ms\nExecution Time: 40123.620 ms\n```\nfix it, add a migration under db/migrations if you need one")
R("haiku", "question", "mobile", "terse", None, "Short factual Android question.",
  "where do i set minSdk in a kotlin dsl gradle file")
R("opus", "design", "mobile", "plain", None, "Designing offline-first sync with conflict resolution is open design with consistency trade-offs.",
  "Our field app (apps/inspector, React Native) has to work offline for days and sync back when it gets signal. Two inspectors can edit the same report. Propose the sync design: local storage, change tracking, how conflicts get resolved, what the server API looks like, and what we do about attachments. Compare at least two approaches and pick one.")
R("sonnet", "review", "tooling", "plain", None, "Reviewing a CI config change is everyday review work.",
  "look over my change to .github/workflows/ci.yml - I split the test job into a matrix over python 3.10-3.13 and added caching. anything wrong?\n\n```diff\n-  test:\n-    runs-on: ubuntu-latest\n-    steps:\n-      - uses: actions/checkout@v4\n-      - uses: actions/setup-python@v5\n-        with: { python-version: '3.12' }\n-      - run: pip install -e .[dev]\n-      - run: pytest\n+  test:\n+    runs-on: ubuntu-latest\n+    strategy:\n+      matrix:\n+        python: ['3.10', '3.11', '3.12', '3.13']\n+    steps:\n+      - uses: actions/checkout@v4\n+      - uses: actions/setup-python@v5\n+        with:\n+          python-version: ${{ matrix.python }}\n+          cache: pip\n+      - run: pip install -e .[dev]\n+      - run: pytest -n auto\n```")
R("haiku", "edit", "general", "typos", None, "Fixing a typo in a README is mechanical.",
  "ther's a typo in README.md, 'recieve' in the install section, fix pls")
R("opus", "review", "systems", "plain", None, "Reviewing a concurrent ring buffer for races is opus (tie-breaker 10).",
  "I wrote a SPSC ring buffer in src/ipc/ring.c for the audio thread. Can you check it's actually correct on ARM? I used `__atomic_load_n` with RELAXED for the head in the producer and ACQUIRE in the consumer, I'm not sure that's enough.")
R("haiku", "question", "security", "plain", "hard-words-easy", "What a well-known acronym stands for is a short factual answer.",
  "in docs/threat-model.md someone wrote STRIDE - what do the letters stand for?")
R("sonnet", "implement", "data", "plain", None, "A pandas transformation with several steps is everyday data work.",
  "in notebooks/churn.py write a function `monthly_cohorts(df)` that takes the events frame (user_id, event_ts, event) and returns a cohort retention table: rows = signup month, cols = months since signup, values = share of users active. signup = first 'signup' event.")
R("haiku", "edit", "tooling", "plain", None, "Sorting imports is a mechanical edit.",
  "sort the imports in src/server/app.py with isort's profile=black ordering, nothing else")
R("sonnet", "ops", "infrastructure", "plain", None, "Writing a Dockerfile with multi-stage build is everyday config work.",
  "write a multi-stage Dockerfile for services/notifier (Go 1.23, module root is services/notifier). Final image distroless, non-root, binary only, and pass the git sha in as a build arg that ends up in `main.version` via ldflags.")

# ---- batch 2
R("opus", "design", "databases", "terse", "short-hard", "Designing an exactly-once outbox across DB and broker is a distributed consistency problem.",
  "design exactly-once delivery from our orders table to kafka. outbox? cdc? pick one and justify")
R("haiku", "question", "systems", "terse", None, "Short factual question about a well-known syscall.",
  "difference between fork and vfork, two lines")
R("sonnet", "debug", "systems", "plain", None, "A borrow-checker error with a clear cause needs a careful fix but no deep design.",
  "cargo build fails in crates/indexer:\n\n```\nerror[E0502]: cannot borrow `self.segments` as mutable because it is also borrowed as immutable\n  --> crates/indexer/src/merge.rs:57:13\n   |\n52 |         let last = self.segments.last().unwrap();\n   |                    ------------- immutable borrow occurs here\n...\n57 |             self.segments.push(Segment::new(last.id + 1));\n   |             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ mutable borrow occurs here\n58 |             last.seal();\n   |             ---- immutable borrow later used here\n```\nfix it without cloning the segment")
R("haiku", "ops", "infrastructure", "terse", None, "A single kubectl command.",
  "kubectl cmd to restart the billing deployment in prod ns")
R("sonnet", "ops", "infrastructure", "plain", None, "Writing a Terraform module with several resources from a clear spec is everyday infra work.",
  "Add a terraform module in infra/modules/static_site: private S3 bucket, CloudFront distribution with OAC, ACM cert in us-east-1 (var for domain), Route53 alias record. Inputs: domain_name, zone_id. Outputs: distribution_id, bucket_name. Match the variable/output conventions of infra/modules/api_gateway.")
R("opus", "design", "infrastructure", "plain", "easy-words-hard", "Planning multi-region failover for a stateful stack is open design with high stakes.",
  "If eu-west-1 goes down we're down, full stop. I'd like us to be able to keep serving from another region. Look at infra/ and the services in this repo and tell me what it would really take, what we should do first, and what we should not bother with.")
R("haiku", "edit", "web", "typos", None, "Changing a button label is a trivial edit.",
  "chnage the 'Submit' button text to 'Save changes' in src/pages/settings/Profile.vue")
R("sonnet", "refactor", "web", "plain", None, "Extracting shared logic into a hook across several components is a routine refactor.",
  "src/pages/Orders.tsx, src/pages/Invoices.tsx and src/pages/Customers.tsx all have the same 40 lines of pagination + sorting state. Pull that into a `useTableState` hook in src/hooks/ and use it in all three. No behaviour change, the existing Playwright tests should still pass.")
R("haiku", "question", "web", "plain", "hard-words-easy", "Meaning of a term is a short factual answer despite distributed-systems vocabulary.",
  "what does the 'idempotency key' header in our stripe client (src/payments/stripe.ts) actually do, in one or two sentences")
R("opus", "debug", "web", "typos", "easy-words-hard", "Rare data loss with no trace or repro is prose debugging without a lead (tie-breaker 6).",
  "sometimes orders just vanish. like customer gets the confirmation email, payment is captured in stripe, but theres no row in orders. maybe once a week. no errors in sentry. the checkout code is in src/checkout/, the webhook handler in src/payments/webhooks.ts. pls figure out how this can happen")
R("sonnet", "test", "data", "plain", None, "Writing unit tests for an existing function is sonnet.",
  "write pytest tests for `dedupe_events` in pipelines/clean.py: empty input, exact duplicates, same id different payload (latest wins by ts), out of order input, and None ids. Put them in tests/pipelines/test_clean.py")
R("haiku", "docs", "tooling", "plain", None, "A changelog line is a small text task.",
  "add a line to CHANGELOG.md under Unreleased for the new --json flag on `acme status`")
R("opus", "explain", "systems", "plain", None, "Explaining memory-ordering semantics of concurrent code is opus (tie-breaker 7).",
  "In src/sync/seqlock.rs, why does the reader need an `Acquire` fence after reading the data and before re-reading the sequence? I'd have thought the Acquire load at the start was enough. Walk me through what could go wrong on a weakly-ordered CPU without it.")
R("haiku", "edit", "general", "plain", None, "Converting a small JSON file to YAML is mechanical.",
  "convert .eslintrc.json to .eslintrc.yaml, same content")
R("sonnet", "implement", "mobile", "plain", None, "Implementing a screen with state and API integration from a clear spec is everyday work.",
  "Implement the 'Change password' screen in android/app/src/main/java/com/acme/settings/. Compose UI with current/new/confirm fields, validation (min 12 chars, new != current, confirm matches), calls `AccountRepository.changePassword`, shows errors from the API inline. ViewModel + tests with the existing fake repo.")
R("haiku", "question", "ml", "plain", None, "A short well-known conceptual ML question.",
  "quick one - what's the difference between model.eval() and torch.no_grad()?")
R("opus", "review", "security", "terse", "short-hard", "Reviewing a custom crypto construction for flaws is high-stakes security work.",
  "is src/crypto/token.py safe? we roll our own AES-CBC + HMAC for session tokens")
R("sonnet", "debug", "infrastructure", "plain", None, "A CrashLoopBackOff with a log line naming the missing env var has an identifiable cause.",
  "notifier pods are in CrashLoopBackOff after the helm upgrade. `kubectl logs` says:\n\n```\n{\"level\":\"fatal\",\"ts\":\"2026-11-30T09:12:44Z\",\"msg\":\"config: required key SMTP_PASSWORD missing\"}\n```\nthe value is in the `notifier-secrets` secret. I changed charts/notifier/templates/deployment.yaml in the last PR to use envFrom. figure out what's wrong and fix the chart")
R("haiku", "edit", "databases", "terse", None, "Adding a column comment in one migration is a mechanical edit.",
  "add a COMMENT ON COLUMN for users.deleted_at in db/migrations/0042_soft_delete.sql: 'set when the user deletes their account; rows purged after 30 days'")
R("opus", "plan", "web", "plain", "easy-words-hard", "Introducing feature flags across services is a plan across a codebase (tie-breaker 6).",
  "Plan how we introduce feature flags across the web app, the API and the two workers in this repo. Right now we do `if settings.ENV == 'staging'` in random places. I want a plan we can roll out over a few sprints without a big bang.")
R("haiku", "question", "tooling", "plain", None, "Short factual question about a tool option.",
  "how do i make pytest stop at the first failure")
R("sonnet", "implement", "security", "plain", None, "Adding rate limiting middleware with a clear spec is everyday feature work.",
  "Add rate limiting to the login endpoint in api/auth/routes.py: 5 attempts per 15 min per (ip, username) using the redis client we already have in api/deps.py, return 429 with Retry-After. Add tests with fakeredis.")
R("haiku", "explain", "general", "plain", None, "Explaining a one-line snippet is haiku.",
  "what does `[[ -z \"${CI:-}\" ]] && exit 0` do at the top of scripts/notify.sh")
R("sonnet", "debug", "web", "follow-up", None, "A follow-up that only points back: unknown work, sonnet (tie-breaker 8).",
  "still failing, same error. try again")
R("opus", "debug", "systems", "plain", None, "A heisenbug with memory corruption under optimisation needs a theory (opus).",
  "The release build of tools/packer segfaults maybe 1 in 50 runs, debug build never does, and adding a printf in `compress_block` makes it go away. valgrind is clean on the debug build. Code is in tools/packer/src/*.c. Find out what's going on.")
R("haiku", "edit", "mobile", "plain", None, "Changing an app version string is mechanical.",
  "bump CFBundleShortVersionString to 4.13.0 and the build number to 412 in ios/Inspector/Info.plist")
R("sonnet", "explain", "databases", "plain", None, "Explaining a non-trivial query with window functions is sonnet.",
  "explain what this query in reports/ltv.sql is doing step by step, I inherited it:\n\n```sql\nWITH firsts AS (\n  SELECT customer_id, min(created_at) AS first_at\n  FROM orders WHERE status = 'paid' GROUP BY 1\n), monthly AS (\n  SELECT o.customer_id,\n         date_trunc('month', o.created_at) AS m,\n         sum(o.amount) AS rev\n  FROM orders o WHERE o.status = 'paid' GROUP BY 1, 2\n)\nSELECT date_trunc('month', f.first_at) AS cohort,\n       m,\n       sum(rev) OVER (PARTITION BY date_trunc('month', f.first_at) ORDER BY m ROWS UNBOUNDED PRECEDING)\n         / count(DISTINCT f.customer_id) OVER (PARTITION BY date_trunc('month', f.first_at)) AS cum_ltv\nFROM monthly mo JOIN firsts f USING (customer_id);\n```")
R("haiku", "question", "data", "terse", None, "One-line pandas syntax.",
  "pandas: drop rows where email is null")
R("opus", "design", "ml", "plain", None, "Designing an evaluation and rollout strategy for a model with trade-offs is open design.",
  "We're replacing the rule-based fraud scorer in services/fraud with a gradient boosted model. Design how we evaluate it offline and roll it out online without letting more fraud through: shadow mode, thresholds, label delay (chargebacks arrive 60 days later), monitoring, and rollback criteria.")
R("sonnet", "ops", "tooling", "plain", None, "Setting up a pre-commit config with several hooks is routine tooling config.",
  "set up pre-commit for this repo: ruff (lint + format), mypy on src/ only, check-yaml, end-of-file-fixer. add the config and a short section to CONTRIBUTING.md on how to install it")
R("haiku", "edit", "tooling", "follow-up", None, "Renaming back is mechanical (tie-breaker 8).",
  "actually rename it back to `fetchAll`")
R("opus", "debug", "databases", "verbose", "easy-words-hard", "Intermittent deadlocks across services with no trace is prose debugging without a lead.",
  "Every few days the nightly invoicing job and the API seem to lock each other up. Postgres kills one of them with a deadlock error but the log only shows the two pids, not what they were doing, and by the time we look everything is fine again. The job is jobs/invoicing.py, the API path that touches the same tables is api/subscriptions/. Can you work out which statements can deadlock and how to make it impossible, not just retry it?")
R("haiku", "question", "infrastructure", "plain", "hard-words-easy", "Asking what a field means in a config is a short lookup despite the scary terms.",
  "in charts/api/values.yaml what does `podDisruptionBudget.maxUnavailable: 1` mean for us?")
R("sonnet", "implement", "systems", "plain", None, "Implementing a bounded retry with backoff in one module is everyday work.",
  "In pkg/client/http.go add retries to `Do`: up to 4 attempts on 502/503/504 and connection errors, exponential backoff with full jitter starting at 100ms, respect Retry-After if present, never retry non-idempotent methods unless the request has an Idempotency-Key header. Table tests with httptest.")
R("haiku", "edit", "web", "plain", None, "Adding a docstring/JSDoc to one function is mechanical.",
  "add a JSDoc to `formatMoney` in src/lib/money.js describing the params and return value")

# ---- batch 3: other languages, non-native, typos
R("haiku", "edit", "web", "other-language", None, "Renaming a CSS class in one file is mechanical (tie-breaker 9: language does not matter).",
  "hernoem de class `.btn-primary-old` naar `.btn-primary` in src/styles/buttons.scss, alleen in dat bestand", language="nl")
R("sonnet", "debug", "web", "other-language", None, "Debugging a failing test with a clear assertion diff is sonnet.",
  "de test in tests/e2e/checkout.spec.ts faalt sinds gisteren:\n\n```\n  1) checkout › applies coupon\n     Error: expect(received).toHaveText(expected)\n     Expected string: \"€ 45,00\"\n     Received string: \"€ 45.00\"\n       at tests/e2e/checkout.spec.ts:61:38\n```\nwe hebben de locale-config in src/i18n/ aangepast. kun je uitzoeken waarom het bedrag nu met een punt komt en het fixen?", language="nl")
R("opus", "design", "databases", "other-language", None, "Choosing a multi-tenant data design with trade-offs is open design (opus).",
  "We willen van één database per klant naar één gedeelde Postgres met tenant_id. Het gaat om ongeveer 400 klanten. Kun je op basis van de modellen in app/models/ een ontwerp voorstellen (row-level security of niet, indexen, hoe we de migratie per klant doen) en de nadelen eerlijk benoemen?", language="nl")
R("haiku", "question", "tooling", "other-language", None, "A single git command question.",
  "hoe zie ik welke bestanden in de laatste commit zijn veranderd?", language="nl")
R("sonnet", "test", "mobile", "other-language", None, "Writing tests for an existing ViewModel is sonnet.",
  "napisz testy jednostkowe dla LoginViewModel w android/app/src/main/java/com/acme/auth/LoginViewModel.kt — przypadki: puste pola, błędne hasło (401 z API), brak sieci, sukces. Użyj kotlinx-coroutines-test i fake'owego repozytorium, które już mamy w src/test.", language="pl")
R("haiku", "explain", "general", "other-language", None, "Explaining a common error message is haiku.",
  "co znaczy ten błąd: `npm ERR! code ERESOLVE unable to resolve dependency tree`? krótko", language="pl")
R("opus", "debug", "infrastructure", "other-language", "easy-words-hard", "Intermittent latency spikes across infra with no lead need a cross-component theory.",
  "Od tygodnia co kilka godzin API odpowiada po 5-10 sekund przez mniej więcej minutę, potem wszystko wraca do normy. Nie ma błędów, CPU i pamięć w normie, baza też wygląda dobrze. Konfiguracja jest w infra/ (nginx, k8s, pgbouncer). Nie potrafimy tego odtworzyć. Znajdź przyczynę.", language="pl")
R("sonnet", "refactor", "data", "other-language", None, "Refactoring a script into functions with a CLI is routine multi-step work.",
  "skrypt scripts/raport_sprzedazy.py to 300 linii kodu na najwyższym poziomie. Podziel go na funkcje (wczytanie, czyszczenie, agregacja, zapis), dodaj argparse dla ścieżek wejścia/wyjścia i main(). Wynik ma być identyczny jak teraz.", language="pl")
R("haiku", "edit", "databases", "other-language", None, "Adding NOT NULL default in one migration line is mechanical.",
  "dodaj `DEFAULT now()` do kolumny created_at w db/migrations/0051_events.sql", language="pl")
R("opus", "review", "security", "other-language", None, "Security review of file upload handling is opus (tie-breaker 10).",
  "Kun je een security review doen van de upload-flow: api/uploads/handler.go en de presigned-URL code in api/storage/s3.go? Gebruikers kunnen profielfoto's en pdf's uploaden die we later weer serveren op ons eigen domein.", language="nl")
R("sonnet", "implement", "web", "non-native", None, "Implementing CSV export endpoint with clear spec is everyday work.",
  "Please I need you to make the export of the users to CSV in the admin panel. The button is already existing in src/admin/UsersPage.tsx but it is doing nothing. Backend must stream it because we have 200k users, not load all in memory. Columns: id, email, created, plan.")
R("haiku", "question", "systems", "non-native", None, "Short factual question, rough English does not change the tier.",
  "what is meaning of 'zombie process', and how I see them with ps?")
R("opus", "debug", "systems", "non-native", None, "A memory leak only under production load with no lead needs deep investigation.",
  "Our Go service gateway is growing memory slowly, after 3 days it is 6GB and OOMKilled. In local with load test it is not growing. pprof heap from prod I have attached in tmp/heap.pb.gz, but for me it shows nothing big. Goroutine count is also stable. Can you investigate what is leaking? Code is in cmd/gateway and internal/proxy.")
R("sonnet", "debug", "web", "non-native", None, "CORS failure with an explicit error message has an identifiable cause.",
  "When frontend call the API from localhost:5173 browser is saying:\n\n```\nAccess to fetch at 'http://localhost:8000/api/me' from origin 'http://localhost:5173' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.\n```\nThe setting is in backend/app/main.py. Please fix so it works in dev and also prod (app.acme.io).")
R("haiku", "edit", "ml", "non-native", None, "Changing one path in a config is mechanical.",
  "please change in the file configs/eval.yaml the dataset path from /data/v1 to /data/v2, only this")
R("sonnet", "implement", "ml", "non-native", None, "Implementing an early-stopping callback with a clear spec is everyday work.",
  "In training/loop.py we are not having early stopping. Add it please: watch val_loss, patience configurable in config (default 5), save best checkpoint, and at end restore the best weights. Also log when it stops.")
R("opus", "design", "systems", "non-native", "short-hard", "Designing a distributed rate limiter with consistency trade-offs is opus.",
  "how to make rate limiter which is working across 30 instances, global limit, without redis being bottleneck? design it")
R("haiku", "docs", "general", "non-native", None, "A short summary text is a small text task.",
  "Can you write short description for the PR, it is only removing the unused function `legacy_parse` from utils/parse.py and its test")
R("sonnet", "review", "web", "non-native", None, "Reviewing a diff for correctness is sonnet (tie-breaker 10).",
  "Please check my change, is it correct? I am not so sure about the async part.\n\n```diff\n-def get_user(user_id):\n-    row = db.execute(\"select * from users where id = %s\", (user_id,)).fetchone()\n-    return User(**row) if row else None\n+async def get_user(user_id):\n+    async with pool.acquire() as conn:\n+        row = await conn.fetchrow(\"select * from users where id = $1\", user_id)\n+    return User(**row) if row else None\n```\nand in api/routes/users.py I changed `user = get_user(id)` to `user = await get_user(id)`, but there are also other places calling it.")
R("haiku", "question", "mobile", "non-native", None, "Short factual question about iOS API.",
  "in swiftui which modifier is for hide the keyboard when user tap outside?")
R("opus", "plan", "mobile", "non-native", "easy-words-hard", "Planning a staged rewrite of a mobile app across two platforms is a large multi-step plan.",
  "We have two apps, ios in Obj-C and android in Java, both very old. Management want we go to one codebase with Flutter but without stopping releases. How we should do this step by step? Look at ios/ and android/ folders to see what is there.")
R("sonnet", "debug", "tooling", "typos", None, "A build error with a clear message has an identifiable cause.",
  "webpack build is broken after i upgraded, says\n\n```\nModule not found: Error: Can't resolve 'crypto' in '/home/me/app/node_modules/jsonwebtoken/lib'\nBREAKING CHANGE: webpack < 5 used to include polyfills for node.js core modules by default.\n```\nwe only use jwt to decode the token on the client in src/auth/token.js. whats the right fix here, i dont want to polyfill half of node")
R("haiku", "edit", "web", "typos", None, "Removing console.logs from one file is mechanical.",
  "remove all the console.log's from src/components/Map.jsx, i left them in by acident")
R("opus", "debug", "web", "typos", "easy-words-hard", "A user-reported intermittent wrong-account bug with no lead is a possible caching/security issue needing deep theory.",
  "weird one. a couple users said they saw someone elses name in the header for a second after login. cant reproduce. we have a CDN in front, next.js with some pages ISR, and the header reads from /api/me. code is in apps/web. can u figure out how this could happen")
R("sonnet", "implement", "databases", "typos", None, "Writing a migration with known steps is sonnet.",
  "need a migration to split users.name into first_name and last_name. backfill from name by splitting on the first space, keep name for now (well drop it later). alembic, migrations are in db/alembic/versions")
R("haiku", "question", "infrastructure", "typos", None, "A one-line shell command.",
  "whats the comand to see which proccess is listening on port 5432")
R("sonnet", "explain", "systems", "typos", None, "Explaining a subtle integer promotion bug is sonnet (tie-breaker 7).",
  "why does this print 'bigger' ?? in src/util/cmp.c\n\n```c\nunsigned int a = 1;\nint b = -1;\nif (b > a) puts(\"bigger\");\n```")
R("haiku", "edit", "tooling", "typos", None, "Adding an entry to .gitignore is trivial.",
  "add .venv and __pycache__ to gitgnore")
R("opus", "design", "security", "typos", None, "Designing secrets management and rotation across services is security design.",
  "we have secrets in .env files commited in 3 repos (yes i know). need a plan + design to move to proper secrets managment with rotation, for k8s and the lambdas, without breaking prod. also what do we do about the ones already in git history")
R("sonnet", "ops", "infrastructure", "typos", None, "Writing a GitHub Actions deploy workflow from a clear spec is CI config work.",
  "write a github action that on tag v* builds the docker image, pushs to ghcr, and runs helm upgrade on the staging cluster. kubeconfig is in secret KUBE_CONFIG_STAGING. put it in .github/workflows/release.yml")
R("haiku", "question", "security", "terse", "hard-words-easy", "A well-known short factual question despite cryptographic vocabulary.",
  "is sha256 an encryption algorithm?")
R("sonnet", "implement", "security", "plain", None, "Adding CSRF protection with known library to a set of forms is everyday work.",
  "Add CSRF protection to the server-rendered forms in web/templates/account/*.html using Flask-WTF's CSRFProtect. The JSON API under /api uses bearer tokens and must stay exempt. Update the form templates and the tests that post to those forms.")
R("opus", "review", "systems", "verbose", None, "Reviewing a custom lock implementation for correctness under concurrency is opus.",
  "I implemented a reader-writer lock in pkg/rwlock/rwlock.go because sync.RWMutex was starving our writers. It uses an atomic counter for readers and a channel as the writer gate. Tests pass with -race but I don't trust myself with this stuff. Please go through it carefully: can writers still starve, can two writers get in at the same time, can a reader see a half-written state, and what happens if someone calls RUnlock twice?")
R("haiku", "explain", "data", "plain", None, "Explaining a one-line snippet is haiku.",
  "what does `df.groupby('user_id').cumcount()` return")
R("sonnet", "refactor", "mobile", "plain", None, "Migrating a callback API to async/await across a module is a routine refactor.",
  "Convert ios/Inspector/Networking/APIClient.swift from completion handlers to async/await. Keep the old methods as deprecated wrappers that call the async ones so the call sites still compile; I'll migrate them later.")
R("haiku", "edit", "general", "terse", None, "Reformatting a file is mechanical.",
  "run prettier on src/legacy/*.js and commit it separately as 'style: prettier'")
R("opus", "design", "data", "plain", None, "Designing a late-data-tolerant streaming aggregation with correctness trade-offs is opus.",
  "We compute per-merchant revenue per minute in pipelines/stream/ from Kafka. Events arrive up to 2 hours late and sometimes twice. Finance wants numbers that match the batch job exactly by next morning, product wants a live dashboard. Design how the streaming job should handle windows, watermarks, dedup and corrections so both are happy.")
R("sonnet", "debug", "ml", "plain", None, "A shape mismatch with a clear traceback is debugging with an identifiable cause.",
  "```\nTraceback (most recent call last):\n  File \"train.py\", line 88, in <module>\n    loss = criterion(model(x), y)\n  File \"/usr/lib/python3.11/site-packages/torch/nn/modules/loss.py\", line 1179, in forward\n    return F.cross_entropy(input, target, weight=self.weight,\nRuntimeError: Expected target size (32, 10), got torch.Size([32])\n```\nmodel is in models/seq_tagger.py, I changed it to output per-token logits yesterday. fix the training loop so the loss is computed per token")
R("haiku", "question", "web", "plain", None, "A short factual HTTP question.",
  "which status code should a POST that creates something return, 200 or 201?")
R("opus", "debug", "mobile", "verbose", "easy-words-hard", "Intermittent battery drain reported only in the field with no lead needs cross-component theory.",
  "Since 4.12 a bunch of Android users say the app drains the battery overnight even when they don't open it. We can't see it on our test phones. The things that changed in 4.12 were: WorkManager sync every 15 min, the new push library, and location for the 'nearby' feature. Go through the android/ code and figure out what could keep the phone awake, and how we'd confirm it.")
R("sonnet", "implement", "tooling", "plain", None, "A Makefile with several targets from a clear spec is routine tooling work.",
  "write a Makefile at the repo root with targets: install (uv sync), lint (ruff + mypy), test (pytest -q), fmt, docker-build (tag with git sha), and a help target that lists them. use .PHONY properly")

# ---- batch 4: traps, follow-ups, ml/data
R("haiku", "edit", "systems", "plain", "hard-words-easy", "Fixing a comment typo is mechanical even in a consensus module.",
  "fix the typo in the doc comment above `handle_append_entries` in src/raft/follower.rs - it says 'linearizible'")
R("haiku", "question", "systems", "plain", "hard-words-easy", "A definitional question with a short well-known answer.",
  "what does the 'distributed' in distributed tracing mean? our otel setup in observability/ uses the term everywhere")
R("haiku", "edit", "security", "plain", "hard-words-easy", "Renaming a constant is mechanical despite crypto vocabulary.",
  "in src/crypto/kdf.ts rename the constant `PBKDF2_ITER` to `PBKDF2_ITERATIONS`, update the 3 uses in that file")
R("haiku", "question", "ml", "plain", "hard-words-easy", "What a parameter name means is a short factual answer.",
  "in models/transformer.py what is `n_kv_heads` vs `n_heads`? one line")
R("haiku", "docs", "databases", "plain", "hard-words-easy", "A one-line docstring is a small text task despite the scary topic.",
  "add a one-line docstring to `serializable_retry` in db/tx.py saying it retries the wrapped function on SQLSTATE 40001")
R("haiku", "question", "infrastructure", "terse", "hard-words-easy", "A short definition despite the consensus vocabulary.",
  "etcd quorum for 5 nodes = ?")
R("haiku", "edit", "ml", "plain", "hard-words-easy", "Changing a log message string is mechanical.",
  "in train/distributed/fsdp_wrap.py change the log line 'sharding model' to 'sharding model with FSDP (%d ranks)' and pass world_size")
R("opus", "design", "systems", "terse", "short-hard", "A crash-consistent WAL design needs careful reasoning about fsync ordering.",
  "make the kv store in src/store crash-safe. WAL + fsync ordering, prove recovery is correct")
R("opus", "implement", "data", "terse", "short-hard", "A novel streaming algorithm with error guarantees is hard algorithmic work.",
  "mergeable quantile sketch for pipelines/metrics, bounded rel error, no t-digest lib")
R("opus", "debug", "systems", "terse", "short-hard", "A rare deadlock across threads with no trace requires concurrency reasoning.",
  "pkg/pool deadlocks once in ~10k test runs. find it")
R("opus", "design", "security", "terse", "short-hard", "Threat modelling a system is opus.",
  "threat model for the webhook ingestion service in services/hooks")
R("opus", "design", "databases", "terse", "short-hard", "Designing online schema change for a huge table is high-stakes design.",
  "zero-downtime PK change int->bigint on a 3TB postgres table, plan it")
R("opus", "implement", "ml", "terse", "short-hard", "Writing a fused custom kernel with correct numerics is hard performance work.",
  "write a triton kernel for fused rmsnorm + residual in kernels/, fwd and bwd")
R("opus", "explain", "general", "terse", "short-hard", "A proof question requires formal reasoning.",
  "prove the retry loop in lib/backoff.py terminates")
R("haiku", "ops", "tooling", "follow-up", None, "Running an existing command is a single step.",
  "ok run the linter and show me what's left")
R("haiku", "edit", "general", "follow-up", None, "Adding a docstring is mechanical (tie-breaker 8).",
  "also add a docstring to it")
R("sonnet", "implement", "web", "follow-up", None, "Applying the same change to another component is everyday multi-step work.",
  "now do the same for the parser in src/markdown/parse.ts")
R("opus", "implement", "systems", "follow-up", None, "Making a data structure lock-free is hard concurrent work (tie-breaker 8).",
  "nice. now make it lock-free")
R("sonnet", "debug", "general", "follow-up", None, "Pointing back without naming the work: sonnet (tie-breaker 8).",
  "that didn't work")
R("sonnet", "implement", "tooling", "follow-up", None, "Pointing back to continue unspecified work: sonnet.",
  "ok continue")
R("haiku", "ops", "tooling", "follow-up", None, "Committing with a given message is one step.",
  "looks good, commit it with message 'fix: handle empty cart in totals'")
R("sonnet", "test", "databases", "follow-up", None, "Adding tests for the migration is sonnet.",
  "add a test that runs the migration up and down on the test db")
R("haiku", "edit", "web", "follow-up", None, "Reverting formatting in one file is mechanical.",
  "you reformatted the whole file, revert everything except the actual fix")
R("sonnet", "debug", "web", "follow-up", None, "A follow-up with a pasted error pointing at a type mismatch is sonnet.",
  "tsc now says\n\n```\nsrc/lib/cartStore.ts:212:5 - error TS2322: Type 'CartItem[] | undefined' is not assignable to type 'CartItem[]'.\n  Type 'undefined' is not assignable to type 'CartItem[]'.\n```\nand 14 more like it in the same file")
R("haiku", "question", "tooling", "follow-up", None, "A yes/no question about what was changed is checkable at a glance.",
  "did you touch any file outside src/billing?")
R("sonnet", "refactor", "data", "follow-up", None, "Extending a refactor to more modules is everyday work.",
  "good, do the same split for the other pipelines in pipelines/ingest/ too")

# long-trivial with medium pastes
_log2 = gen_service_log(7010, 160, service="payments-api")
R("haiku", "question", "infrastructure", "terse", "long-trivial", "Extracting one value from a pasted log is checkable at a glance.",
  "what's the first timestamp and last timestamp in this?\n\n```\n" + _log2 + "\n```")
_mod2 = gen_python_module(7011, 30)
R("haiku", "question", "tooling", "plain", "long-trivial", "Listing function names from a pasted file is mechanical.",
  "list just the function names defined in this file, one per line, no explanation:\n\n```python\n" + _mod2 + "\n```")
_k8s2 = gen_k8s(7012, 9)
R("haiku", "edit", "infrastructure", "plain", "long-trivial", "Changing one value in a long manifest is a mechanical edit.",
  "in deploy/prod/workers.yaml set replicas for `notifier` to 3, leave everything else alone\n\n```yaml\n" + _k8s2 + "\n```")
_csv2 = gen_csv(7013, 90)
R("haiku", "question", "data", "terse", "long-trivial", "Counting rows matching a value is checkable at a glance.",
  "how many of these are status=refunded\n\n```\n" + _csv2 + "\n```")
_diff2 = gen_diff(7014, 5)
R("haiku", "docs", "web", "plain", "long-trivial", "A commit message for a mechanical diff is a small text task.",
  "write a conventional commit message for this diff, one subject line + short body\n\n```diff\n" + _diff2 + "\n```")
_js2 = gen_js_module(7015, 25)
R("haiku", "edit", "web", "plain", "long-trivial", "Adding a header comment to a long file is mechanical.",
  "put `// @ts-check` as the first line of src/lib/cartStore.js, nothing else:\n\n```js\n" + _js2 + "\n```")
_pyt2 = gen_pytest_output(7016, 30)
R("haiku", "question", "tooling", "terse", "long-trivial", "Reading the failed count from test output is a lookup.",
  "how many failed?\n\n```\n" + _pyt2 + "\n```")

# data / ml / general everyday
R("sonnet", "implement", "ml", "plain", None, "Implementing a dataset class with tokenization and collation is everyday work.",
  "write a torch Dataset in data/reviews_ds.py for data/reviews.jsonl (fields text, rating 1-5): tokenize with the HF tokenizer name from config, truncate to max_len, label = rating-1, and a collate_fn that pads dynamically. Add a small test with 3 fake rows.")
R("sonnet", "debug", "data", "plain", None, "A dtype error with a clear trace is debugging with an identifiable cause.",
  "pipelines/clean.py blows up on the new export:\n\n```\n  File \"pipelines/clean.py\", line 44, in normalize\n    df['amount'] = df['amount'].astype(float)\nValueError: could not convert string to float: '1.299,00'\n```\nthe NL shop started sending european formatted numbers. make it handle both formats without breaking the US ones")
R("haiku", "question", "ml", "terse", None, "A short well-known ML concept question.",
  "why do we divide by sqrt(d_k) in attention, 1-2 sentences")
R("opus", "debug", "ml", "plain", None, "Train/serve skew with no error and no lead needs a cross-pipeline theory.",
  "The ranking model scores 0.91 AUC offline but in production the click-through is worse than the old heuristic. No errors anywhere. Features are built in features/offline/ for training and features/online/ for serving. Find out why the model behaves differently online.")
R("sonnet", "implement", "data", "plain", None, "Writing an Airflow DAG with clear steps is everyday data engineering.",
  "Add an Airflow DAG dags/export_ledger.py: daily at 02:00 UTC, runs the SQL in sql/ledger_daily.sql against the warehouse conn `dwh`, writes parquet to s3://acme-exports/ledger/dt={{ ds }}/, then triggers the existing `notify_finance` task group. Retries 3 with 10 min delay, catchup off.")
R("haiku", "question", "data", "plain", None, "A one-line SQL/pandas question.",
  "bigquery: how do I get yesterday's date in UTC")
R("sonnet", "explain", "ml", "plain", None, "Explaining a dozens-of-lines training function is sonnet.",
  "explain what `train_step` in train/loop.py does, especially the grad scaler and the accumulation bit - I didn't write it and I need to change it next week")
R("opus", "plan", "data", "plain", "easy-words-hard", "Replacing the warehouse under dozens of consumers is a large multi-step migration plan.",
  "We're moving from Redshift to Snowflake. There are ~60 dbt models in analytics/, a dozen Airflow DAGs and the finance team's dashboards on top. Make a plan to move everything over with both running side by side until the numbers match, and tell me where it's going to hurt.")
R("haiku", "explain", "general", "plain", None, "Explaining a short snippet is haiku.",
  "what does `set -euo pipefail` do at the top of scripts/deploy.sh")
R("sonnet", "implement", "general", "plain", None, "A small script with several steps and a clear spec is everyday work.",
  "write scripts/find_dead_links.py: walks docs/**/*.md, extracts links, checks relative links point to existing files and http links return <400 (HEAD, fall back to GET, 5s timeout, 8 workers), prints a report and exits 1 if any are broken")
R("opus", "review", "general", "plain", None, "Judging an architecture proposal is opus (tie-breaker 10).",
  "Read docs/rfcs/0007-event-sourcing.md and tell me honestly whether we should do this. It proposes moving the orders domain to event sourcing. Look at how orders are used across the repo before you answer.")

# ---- batch 5: everyday sonnet work, mobile, security, acceptance criteria
R("sonnet", "implement", "web", "verbose", None, "A feature with a clear spec and acceptance criteria across a few files is sonnet.",
  """Task: soft-delete for projects.

Context: right now DELETE /api/projects/:id (server/routes/projects.js) hard-deletes the row and cascades. Support keeps asking us to restore projects.

Requirements:
1. Add `deleted_at timestamptz NULL` to projects (new knex migration in server/db/migrations).
2. DELETE sets deleted_at = now() instead of deleting.
3. All list/get queries in server/repos/projectRepo.js exclude soft-deleted rows.
4. New `POST /api/projects/:id/restore`, admin only (use `requireRole('admin')`).
5. A nightly job is out of scope.

Acceptance criteria:
- existing tests in server/test/projects.test.js pass (update the delete test)
- new tests for restore and for 'deleted project returns 404 on GET'
- no change to the response shape of the list endpoint""")
R("sonnet", "implement", "mobile", "verbose", None, "Adding deep-link handling on both platforms with a clear spec is everyday mobile work.",
  """We need deep links for password reset in the React Native app (apps/inspector).

- Link format: https://app.acme.io/reset?token=XYZ (universal link on iOS, app link on Android)
- If the app is installed it should open straight on the ResetPassword screen with the token; if the user is logged in, log them out first
- Update ios/Inspector/Inspector.entitlements (associated domains), android/app/src/main/AndroidManifest.xml (intent filter with autoVerify), and the linking config in src/navigation/linking.ts
- The apple-app-site-association / assetlinks.json files are served by the web team, just tell me what they need to contain

Done when: I can run `xcrun simctl openurl booted "https://app.acme.io/reset?token=abc"` and land on the screen.""")
R("sonnet", "debug", "mobile", "plain", None, "A Gradle build failure with a clear duplicate-class message has an identifiable cause.",
  "android build fails after adding the maps SDK:\n\n```\nExecution failed for task ':app:checkDebugDuplicateClasses'.\n> A failure occurred while executing com.android.build.gradle.internal.tasks.CheckDuplicatesRunnable\n   > Duplicate class com.google.android.gms.internal.common.zzd found in modules jetified-play-services-basement-18.1.0-runtime (com.google.android.gms:play-services-basement:18.1.0) and jetified-play-services-basement-18.3.0-runtime (com.google.android.gms:play-services-basement:18.3.0)\n```\nsort out the dependency versions in android/app/build.gradle.kts")
R("haiku", "question", "mobile", "terse", None, "A short factual question about mobile tooling.",
  "adb command to clear app data for com.acme.inspector")
R("sonnet", "implement", "mobile", "plain", None, "Implementing pull-to-refresh with pagination in a list screen is everyday feature work.",
  "Add pull-to-refresh and infinite scroll to the reports list in ios/Inspector/Reports/ReportsListView.swift. Use the existing `ReportsService.fetch(page:)`, page size 25, stop when a page comes back short, show a footer spinner while loading, and don't fire duplicate requests when the user scrolls fast.")
R("opus", "review", "mobile", "plain", None, "A security review of token storage and certificate pinning on mobile is opus.",
  "Please do a security review of how the Android app stores and refreshes auth tokens (android/app/src/main/java/com/acme/auth/) and of the certificate pinning in NetworkModule.kt. We're getting a pen test next month and I'd rather find things ourselves.")
R("sonnet", "refactor", "mobile", "plain", None, "Moving a screen to a ViewModel architecture is a routine refactor.",
  "ReportDetailActivity.kt is 900 lines with network calls in the activity. Move the data loading and state into a ReportDetailViewModel with StateFlow, keep the UI the same. Don't touch the other activities.")
R("opus", "debug", "mobile", "plain", "easy-words-hard", "A rare state-loss bug in the field with no repro needs cross-lifecycle reasoning.",
  "Some users lose the report they were typing when they switch to the camera to take a photo and come back. It only happens to some people, mostly on cheaper Android phones, and never to us. Figure out why and fix it properly.")
R("sonnet", "implement", "security", "plain", None, "Adding TOTP 2FA with a known library and clear flow is everyday feature work.",
  "Add optional TOTP 2FA to accounts: enroll endpoint returns otpauth URI + QR (pyotp + qrcode), confirm endpoint verifies first code before enabling, login requires code when enabled, 10 one-time recovery codes stored hashed. Code goes in api/auth/, models in api/models/user.py, tests in tests/auth/.")
R("haiku", "question", "security", "plain", "hard-words-easy", "A short factual question despite the security vocabulary.",
  "what's the difference between authentication and authorization, for the glossary in docs/security.md")
R("sonnet", "debug", "security", "plain", None, "A JWT validation failure with a clear error is debugging with an identifiable cause.",
  "after rotating the signing key everyone gets logged out and the API logs\n\n```\njwt.exceptions.InvalidSignatureError: Signature verification failed\n  File \"api/auth/jwt.py\", line 31, in decode\n    return jwt.decode(token, settings.JWT_PUBLIC_KEY, algorithms=['RS256'], audience='acme-api')\n```\nwe should accept tokens signed with the old key until they expire. make api/auth/jwt.py check against both keys (kid header) ")
R("opus", "design", "security", "verbose", None, "Designing permissions/authorization across a product is security-sensitive design.",
  """Our permission model is a mess: `is_admin` booleans, a `roles` JSON column and some `if user.email.endswith('@acme.io')` checks. We're adding organizations with teams and customers want custom roles.

Please look through api/ for every place that decides access and propose a new authorization model (RBAC? ReBAC?), how checks get enforced so nobody can forget one, and how we migrate without a window where someone gets more access than they should.""")
R("opus", "review", "security", "plain", None, "Reviewing a sandbox/escaping mechanism is a security review (opus).",
  "We let customers write email templates with Jinja. The sandboxing is in services/mail/render.py (SandboxedEnvironment + a custom filter list). Can a template author read env vars or the filesystem? Check carefully.")
R("haiku", "edit", "security", "plain", None, "Changing a config value is a one-line edit.",
  "set SESSION_COOKIE_SAMESITE to 'Lax' in config/settings/prod.py")
R("opus", "review", "security", "plain", None, "Judging whether an injection fix is complete (ORDER BY cannot be bound) is security-sensitive; tie-breaker 1 and 10.",
  "does this actually fix the injection the linter flagged? just this diff\n\n```diff\n-    cur.execute(f\"SELECT * FROM products WHERE name ILIKE '%{q}%' ORDER BY {sort}\")\n+    cur.execute(\"SELECT * FROM products WHERE name ILIKE %s ORDER BY %s\", (f\"%{q}%\", sort))\n```")
R("sonnet", "implement", "infrastructure", "plain", None, "Adding an alerting rule set with clear thresholds is routine ops config.",
  "add prometheus alert rules in monitoring/rules/api.yaml: 5xx rate > 2% for 5m (warning) / 5% for 5m (critical), p99 latency > 1.5s for 10m, and pod restarts > 3 in 15m. Use the labels our alertmanager routes on (team, severity). Add a unit test file for promtool.")
R("haiku", "question", "infrastructure", "plain", None, "A short factual question about a tool.",
  "how do I see the rendered manifests of a helm chart without installing it")
R("opus", "design", "infrastructure", "plain", None, "Choosing a multi-cluster deployment architecture with trade-offs is opus.",
  "We're at 3 k8s clusters (prod-eu, prod-us, staging) managed with hand-run helm. Should we go ArgoCD, Flux, or keep helm with a pipeline? Look at charts/ and .github/workflows/ and recommend one with the trade-offs for a team of 4 infra people.")
R("sonnet", "ops", "infrastructure", "plain", None, "Configuring an nginx reverse proxy with several known settings is everyday ops work.",
  "update deploy/nginx/api.conf: proxy /api to the upstream `api_backend`, websockets on /ws (upgrade headers, 1h read timeout), gzip for json, client_max_body_size 20m only for /api/uploads, and redirect http to https. Keep the existing TLS block.")
R("sonnet", "debug", "infrastructure", "plain", None, "A terraform error with a clear cycle message points at the cause.",
  "`terraform plan` in infra/envs/prod:\n\n```\nError: Cycle: module.api.aws_security_group.api, module.db.aws_security_group.db, module.api.aws_security_group_rule.api_to_db, module.db.aws_security_group_rule.db_from_api\n```\nthis started when I moved the SG rules into the modules. fix it")
R("haiku", "edit", "infrastructure", "terse", None, "Bumping an image tag is a one-line edit.",
  "bump the image tag in charts/api/values.yaml to 1.42.0")
R("sonnet", "implement", "databases", "plain", None, "Writing a repository layer with transactions from a clear spec is everyday work.",
  "Implement `TransferRepo.transfer(from_id, to_id, amount)` in internal/store/transfers.go: single transaction, SELECT ... FOR UPDATE both accounts in id order, check balance, insert into ledger_entries (two rows), update balances. Return ErrInsufficientFunds when needed. Tests against the dockerized postgres in testutil.")
R("opus", "debug", "databases", "plain", None, "Replica lag causing inconsistent reads under load without a clear lead needs a theory across components.",
  "After we added read replicas, some users see their own changes disappear for a few seconds and then come back, and once we had a double refund. The routing is in app/db/router.py. I need to understand all the ways replica reads can bite us in this codebase and what to change.")
R("haiku", "question", "databases", "terse", None, "A short factual question about Postgres.",
  "psql: list all indexes on table orders")
R("sonnet", "explain", "databases", "plain", None, "Explaining why a query plan changed is non-trivial but bounded.",
  "why does postgres use the index for `WHERE status = 'failed'` but a seq scan for `WHERE status = 'paid'` on the same table? index is on (status). both in reports/queries.sql")
R("opus", "design", "databases", "plain", "easy-words-hard", "Designing how to keep two stores consistent is a distributed consistency design.",
  "We keep products in Postgres and in Elasticsearch for search. They drift apart and nobody knows how much. How should we keep them in step going forward, and how do we find and fix what's already out of step?")
R("sonnet", "test", "web", "plain", None, "Writing component tests for existing code is sonnet.",
  "write vitest + testing-library tests for src/components/DateRangePicker.tsx: opening/closing, selecting a range, min/max dates disabled, keyboard navigation with arrows, and the onChange payload. mock the date to 2026-03-15")
R("sonnet", "debug", "web", "plain", None, "A hydration mismatch with a clear warning points at a cause.",
  "next dev shows\n\n```\nWarning: Text content did not match. Server: \"12/2/2026\" Client: \"2.12.2026\"\n    at time\n    at RelativeDate (webpack-internal:///./src/components/RelativeDate.tsx:14:11)\n```\nfix RelativeDate so server and client render the same")
R("haiku", "edit", "web", "plain", None, "Adding an attribute to one element is mechanical.",
  "add `loading=\"lazy\"` to the img tags in src/components/ProductGrid.tsx")
R("sonnet", "implement", "web", "plain", None, "Adding a websocket notification feature with a clear spec is everyday work.",
  "Add live notifications: when an order status changes (server/services/orders.js `updateStatus`), push `{type:'order.status', id, status}` over the existing socket.io connection to the order owner's room only. On the client, src/hooks/useOrderUpdates.ts subscribes and updates the react-query cache for that order.")
R("opus", "design", "web", "plain", None, "Choosing a caching strategy with invalidation trade-offs across layers is design.",
  "Our product pages are slow and the DB is hot. Design the caching: what goes in the CDN, what in redis, what in the app, how invalidation works when merchants edit products or prices change, and what we do about personalized prices for logged-in B2B customers.")
R("sonnet", "refactor", "systems", "plain", None, "Replacing a hand-rolled arg parser with clap across a binary is routine refactoring.",
  "replace the hand-written arg parsing in src/bin/ingest.rs with clap derive. same flags, same defaults, same help text more or less. add a test that parses the flags from the README example")
R("haiku", "question", "systems", "plain", None, "A short factual question.",
  "what's the default stack size of a thread on linux x86_64")
R("sonnet", "debug", "systems", "plain", None, "A segfault with a backtrace pointing at use-after-free in one function is identifiable.",
  "```\nProgram received signal SIGSEGV, Segmentation fault.\n0x000055555555a1f4 in list_remove (l=0x55555556b2a0, node=0x55555556c010) at src/list.c:73\n73\t    node->prev->next = node->next;\n(gdb) bt\n#0  list_remove (l=0x55555556b2a0, node=0x55555556c010) at src/list.c:73\n#1  0x000055555555b3a2 in cache_evict (c=0x55555556b260) at src/cache.c:112\n#2  0x000055555555b5e1 in cache_put (c=0x55555556b260, key=0x7fffffffe0b0 \"k42\", val=0x55555556d4c0) at src/cache.c:141\n```\nnode->prev is 0x0. I think cache_evict removes the tail twice when capacity is 1. fix src/cache.c and add a test")
R("opus", "debug", "systems", "verbose", None, "A performance cliff needing profile analysis and cache reasoning is opus.",
  "Throughput of the matcher in src/match/ drops from 2M msgs/s to 300k/s as soon as we go above 64 symbols. perf stat shows LLC misses going through the roof at that point. Nothing in the code obviously changes at 64. Figure out why and how to get the throughput back.")
R("haiku", "edit", "general", "typos", None, "Fixing indentation in one file is mechanical.",
  "indentation in scripts/backup.sh is all over the place (tabs and spaces), make it 2 spaces evrywhere")
R("sonnet", "docs", "general", "plain", None, "Writing a README section that documents a module's usage needs reading code across files.",
  "write docs/architecture/jobs.md explaining how background jobs work in this repo: where they are defined (jobs/), how they're scheduled, retries, how to add a new one, and how to run one locally. Read the code, don't guess.")
R("haiku", "docs", "general", "terse", None, "A short PR title is a small text task.",
  "pr title for this branch? it just bumps deps")
R("sonnet", "implement", "general", "typos", None, "Implementing a small feature with a clear spec is everyday work.",
  "add a --since flag to scripts/changelog.py that only includs commits after the given tag, default to the latest tag. use git describe for the default")
R("sonnet", "debug", "general", "non-native", None, "A failing script with a clear encoding error has an identifiable cause.",
  "The script scripts/import_customers.py is failing on Windows machine of my colleague but on my Mac it work:\n\n```\nUnicodeDecodeError: 'charmap' codec can't decode byte 0x9d in position 2231: character maps to <undefined>\n```\nPlease fix it so it work on both.")
R("sonnet", "test", "systems", "non-native", None, "Adding property-based tests for existing code is sonnet.",
  "For the function `encode_varint` and `decode_varint` in src/codec/varint.rs I want property tests with proptest: roundtrip for all u64, and decode of truncated input must give error not panic. Please add them.")
R("haiku", "question", "tooling", "non-native", None, "A short tool question.",
  "How I can see in git who changed this line last? line 40 in src/app.ts")
R("opus", "plan", "tooling", "non-native", "easy-words-hard", "Splitting a monorepo build across many packages is a large plan with many dependencies.",
  "Our CI takes 55 minutes because every PR builds and tests everything in the monorepo. I want that only the affected packages are built. Please look at the repo structure and the workflows and make a plan how we get there, what tool (nx, turborepo, bazel, something own), and in which order.")
R("sonnet", "ops", "tooling", "non-native", None, "Configuring a build tool with known options is CI/build configuration.",
  "Please configure vite so that in production build the vendor libraries are in separate chunk and source maps are uploaded to sentry but not served public. Config is vite.config.ts.")
R("haiku", "edit", "data", "typos", None, "Renaming a column in one query is mechanical.",
  "in sql/daily_kpis.sql rename the output colum `rev` to `revenue_eur`")
R("sonnet", "implement", "data", "typos", None, "A dbt model with tests from a clear spec is everyday data work.",
  "add a dbt model analytics/models/marts/fct_refunds.sql, one row per refund, join to orders for customer_id and country, amounts in eur using the fx table. add schema.yml with not_null + unique on refund_id and relationships to fct_orders")
R("opus", "debug", "data", "typos", "easy-words-hard", "Silently wrong numbers from a pipeline with no lead need a cross-system theory.",
  "finance says the revenue numbers in the dashboard are off by 1-3% vs stripe, but only some days, and never the same days twice when we rerun. the pipeline is pipelines/revenue/ + the dbt models. no errors. help me find whats going on")
R("sonnet", "implement", "ml", "typos", None, "Adding experiment tracking integration with a clear spec is everyday work.",
  "hook up mlflow in train/run.py: log the config as params, loss/acc per epoch, the best checkpoint as artifact and the git sha as tag. tracking uri from env MLFLOW_TRACKING_URI, skip everything if not set")
R("haiku", "question", "ml", "typos", None, "A short factual question.",
  "whats the diffrence between precision and recall, short")
R("opus", "design", "ml", "plain", None, "Designing a feature store with consistency between training and serving is open design.",
  "We keep hitting train/serve skew. Design a feature store for our setup (batch features in the warehouse, a few real-time features from Kafka, models served from services/scoring). Point-in-time correctness for training is a must. Compare building a thin one ourselves vs Feast.")

# ---- batch 6
_log3 = gen_service_log(7017, 180, service="ingest")
R("haiku", "question", "data", "plain", "long-trivial", "Extracting the distinct values of one field from a log is mechanical.",
  "which worker instances (ingest-1..4) show up in this log at all? just the list\n\n```\n" + _log3 + "\n```")
_mod3 = gen_python_module(7018, 35)
R("haiku", "edit", "general", "plain", "long-trivial", "Replacing one call name throughout a pasted file is a mechanical edit.",
  "change every `log.warning(` to `log.info(` in this file, we decided skipped items aren't worth a warning. nothing else changes\n\n```python\n" + _mod3 + "\n```")
_raft2 = gen_raft_log(7019, 150)
R("haiku", "question", "systems", "terse", "long-trivial", "Finding the highest term number in a log is a lookup checkable at a glance.",
  "highest term in this log?\n\n```\n" + _raft2 + "\n```")
R("haiku", "question", "systems", "plain", "hard-words-easy", "A definitional question with a short standard answer.",
  "what's a memory barrier, in one sentence? need it for a comment in src/ring.c")
R("haiku", "edit", "databases", "plain", "hard-words-easy", "Changing a constant is a one-line edit despite the isolation-level vocabulary.",
  "in db/session.py change the default isolation level constant from 'REPEATABLE READ' to 'READ COMMITTED'. just the constant, I've already checked the implications")
R("haiku", "question", "ml", "terse", "hard-words-easy", "What an acronym expands to is a short factual answer.",
  "RLHF stands for?")
R("haiku", "docs", "security", "plain", "hard-words-easy", "Writing a changelog line is a small text task despite the security topic.",
  "changelog entry for: 'upgraded openssl to 3.0.15 to pick up the CVE-2024-5535 fix'. one line, Security section")
R("opus", "design", "web", "terse", "short-hard", "Designing collaborative real-time editing with convergence is a hard distributed problem.",
  "realtime collaborative editing for the notes editor. CRDT or OT? design it")
R("opus", "implement", "databases", "terse", "short-hard", "Implementing MVCC snapshot isolation is a hard concurrency/consistency task.",
  "add snapshot isolation to the toy db in src/txn, MVCC, no write skew under SERIALIZABLE")
R("opus", "debug", "web", "terse", "short-hard", "Finding a race in a token refresh flow with no trace needs concurrency reasoning.",
  "two tabs = random logouts. refresh token race? src/auth/refresh.ts")
R("opus", "review", "security", "terse", "short-hard", "Reviewing a signature verification implementation for flaws is security-critical.",
  "audit verify_webhook() in services/hooks/sig.py for timing attacks and replay")
R("opus", "plan", "general", "plain", "easy-words-hard", "Breaking up a monolith into services is open design across a codebase (tie-breaker 6).",
  "propose service boundaries for this monolith. we have 9 teams stepping on each other in app/")
R("opus", "debug", "infrastructure", "plain", "easy-words-hard", "Lost messages under failover with no trace need a distributed-systems theory.",
  "when the rabbitmq node restarts during a deploy we lose a handful of messages. not always. the publisher is in services/common/bus.py and the consumers in services/*/consumer.py. where do they go?")
R("opus", "design", "tooling", "plain", "easy-words-hard", "Designing a safe rollout process is open design with high stakes.",
  "how should we release so that a bad deploy never takes down everyone at once? look at how we deploy today (deploy/, .github/workflows/) and tell me what to change")
R("haiku", "edit", "mobile", "other-language", None, "Changing a string resource is mechanical.",
  "zmień tekst przycisku 'Wyślij' na 'Wyślij raport' w android/app/src/main/res/values-pl/strings.xml", language="pl")
R("sonnet", "implement", "data", "other-language", None, "Writing an aggregation script with clear spec is everyday work.",
  "schrijf een script scripts/omzet_per_maand.py dat data/orders.parquet inleest en per land en maand de omzet, het aantal orders en de gemiddelde orderwaarde berekent, alleen status 'paid'. Resultaat als CSV naar stdout.", language="nl")
R("sonnet", "debug", "web", "plain", None, "A failing test with a clear timezone diff points at the cause.",
  "```\nFAIL src/utils/date.test.ts > startOfWeek > returns monday\nAssertionError: expected 2026-11-29T23:00:00.000Z to deeply equal 2026-11-30T00:00:00.000Z\n```\npasses locally, fails in CI. CI runs in UTC, I'm in Amsterdam. fix the function, not the test")
R("sonnet", "implement", "web", "terse", None, "Adding input validation across an endpoint with a schema library is everyday work.",
  "zod validation for all body params in server/routes/checkout.ts, 400 with field errors")
R("sonnet", "review", "data", "plain", None, "Reviewing a dbt model change for correctness is sonnet.",
  "review my change to analytics/models/marts/fct_orders.sql, I switched the join to fx rates from the order date to the payment date. anything that'll double count?\n\n```diff\n-LEFT JOIN {{ ref('fx_daily') }} fx ON fx.day = o.created_at::date AND fx.ccy = o.currency\n+LEFT JOIN {{ ref('fx_daily') }} fx ON fx.day = p.paid_at::date AND fx.ccy = o.currency\n+LEFT JOIN {{ ref('stg_payments') }} p ON p.order_id = o.order_id\n```")
R("sonnet", "test", "infrastructure", "plain", None, "Writing tests for infra code is sonnet.",
  "add terratest tests for infra/modules/static_site: apply with a random suffix, check the bucket is private and cloudfront returns 200 for index.html, then destroy")
R("sonnet", "refactor", "databases", "plain", None, "Replacing N+1 queries with eager loading across a module is a routine refactor.",
  "the /admin/orders page does ~300 queries (N+1 on customer and items). fix app/admin/orders.py with selectinload/joinedload where it makes sense and add a test that asserts the query count stays under 10")
R("sonnet", "explain", "systems", "plain", None, "Explaining async ordering subtleties in a module is sonnet (tie-breaker 7).",
  "why does `shutdown()` in src/server.rs sometimes return before the last request's response is flushed? I see `tokio::spawn` for each connection and a `select!` on the shutdown signal")
R("sonnet", "implement", "mobile", "plain", None, "Integrating push notifications with a clear spec is everyday integration work.",
  "integrate FCM push in the Android app: register token on login (POST /api/devices), handle data messages of type `report.assigned` by showing a notification that opens ReportDetailActivity with the id, and unregister on logout. Channel 'assignments', importance high.")
R("sonnet", "ops", "infrastructure", "plain", None, "Setting up a cron backup with retention is routine ops work.",
  "write a k8s CronJob in deploy/prod/backup.yaml that runs pg_dump of the main db nightly at 03:00, gzips, uploads to s3://acme-backups/pg/ with the date in the name, and deletes backups older than 14 days. creds from the `pg-backup` secret")
R("sonnet", "debug", "tooling", "plain", None, "A CI failure with a clear permissions error has an identifiable cause.",
  "release workflow fails at the push step:\n\n```\nERROR: denied: installation not allowed to Create organization package\nError: Process completed with exit code 1.\n```\n.github/workflows/release.yml, it worked on my fork. fix it")
R("sonnet", "implement", "ml", "plain", None, "Writing an evaluation script with clear metrics is everyday ML work.",
  "write eval/classify_report.py: loads a checkpoint and the test split, prints per-class precision/recall/F1, a confusion matrix as a table, and writes the misclassified examples to eval/out/errors.jsonl")
R("sonnet", "debug", "ml", "non-native", None, "A CUDA OOM with a clear trace and a known cause is debugging with a lead.",
  "When I increase batch size to 64 it give me\n\n```\ntorch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 23.65 GiB of which 1.12 GiB is free.\n```\nBut with 32 it use only 9GB. In eval loop in train/loop.py I think something is keeping the graph. Can you find and fix?")
R("sonnet", "refactor", "general", "follow-up", None, "Applying the same refactor to more files is everyday work.",
  "same thing for the remaining files in scripts/ please")
R("sonnet", "implement", "security", "verbose", None, "Adding audit logging to several endpoints with a clear spec is everyday work.",
  """We need an audit log for admin actions before the SOC2 audit.

- every POST/PUT/PATCH/DELETE under /admin (api/admin/*.py) writes a row: actor_id, action, target_type, target_id, diff (JSON, before/after with secrets masked), ip, user_agent, ts
- append-only: the app DB user must not be able to UPDATE/DELETE that table (migration should REVOKE)
- a read-only GET /admin/audit with filters by actor and date
Tests for the decorator and one endpoint end to end.""")
R("sonnet", "debug", "databases", "typos", None, "A unique violation with a clear message points at a cause.",
  "getting this on signup since the deploy\n\n```\npsycopg.errors.UniqueViolation: duplicate key value violates unique constraint \"users_email_key\"\nDETAIL:  Key (email)=(Anna@Example.com) already exists.\n```\nbut the user says they never signed up... oh wait we lowercase emails now in api/users.py but not the old rows? pls fix properly incl existing data")
R("sonnet", "implement", "tooling", "plain", None, "A codemod over a repo with a clear transformation is everyday tooling work.",
  "write a jscodeshift codemod in tools/codemods/ that rewrites `import _ from 'lodash'; _.get(a, b)` into `import get from 'lodash/get'; get(a, b)` for get, set, pick, omit. run it on src/ and show me the summary")
R("sonnet", "plan", "web", "plain", None, "A migration with known steps between framework versions is sonnet.",
  "we're on react-router 5. list the concrete steps to get to v6 in this repo (routes are in src/routes/, ~30 of them, a few use withRouter), then do the first step")
R("sonnet", "docs", "infrastructure", "plain", None, "Writing a runbook from existing config requires reading several files carefully.",
  "write a runbook docs/runbooks/redis-failover.md for when the redis primary dies: how to tell (alerts in monitoring/), what sentinel does, what the apps do (look at how services/common/cache.py reconnects), and manual steps if failover doesn't happen")
R("sonnet", "test", "security", "plain", None, "Writing tests for existing auth middleware is sonnet.",
  "add tests for api/middleware/auth.py: missing header, malformed bearer, expired token, wrong audience, valid token with and without the required scope")
R("opus", "debug", "web", "verbose", None, "A memory leak in a browser SPA over hours with no lead needs investigation across components.",
  "Our dashboard (apps/dashboard) is left open all day on wall screens. After ~6 hours Chrome tab is at 3GB and the charts stutter, eventually the tab crashes. We use websockets for live data, recharts, and a big zustand store. I took two heap snapshots an hour apart but I can't make sense of them. Find the leak.")
R("opus", "design", "systems", "plain", None, "Designing a job scheduler with at-least-once semantics and leases is distributed design.",
  "we need a distributed cron: jobs defined in jobs/*.yaml, run on any of N workers, each run exactly once even if a worker dies mid-job, no single coordinator. design it on top of postgres since that's what we have")
R("opus", "review", "databases", "plain", None, "Reviewing a migration plan for correctness under concurrent writes is high-stakes.",
  "review db/migrations/0077_split_accounts.py before we run it on prod tonight. It moves balances from accounts into a new wallets table while the app is live. I'm worried about writes that happen during the backfill.")
R("opus", "design", "mobile", "plain", None, "Designing an end-to-end encrypted messaging feature is crypto and security design.",
  "product wants end-to-end encrypted chat between inspectors and clients in the app. what would a sound design look like (keys, multi-device, backups, what the server can see)? I don't want to invent crypto, tell me what to build on")
R("opus", "debug", "systems", "plain", "easy-words-hard", "A nondeterministic wrong result only on some machines needs a theory (maybe UB, float, or ordering).",
  "the nightly build of src/sim produces slightly different numbers on the AMD runners than on the Intel ones. same binary. same input. it didn't used to. why?")
R("opus", "implement", "systems", "plain", None, "Implementing a lock-free structure with correct memory reclamation is opus.",
  "Implement a concurrent hash map in src/concurrent/map.rs for our hot path: lock-free reads, fine-grained locking or lock-free writes, and safe memory reclamation (epoch based via crossbeam-epoch is fine). Include a loom test.")
R("opus", "plan", "security", "plain", None, "Planning key rotation across services with no downtime is a high-stakes multi-step plan.",
  "Our JWT signing key and the DB encryption key (used for PII columns via app/crypto/fields.py) have never been rotated. Plan a rotation for both with zero downtime and no data we can't decrypt afterwards.")
R("opus", "design", "data", "verbose", None, "Designing GDPR deletion across many data stores is cross-system design with high stakes.",
  """We got our first GDPR deletion request that we actually have to honour properly. User data lives in: Postgres (app), the warehouse (Snowflake, with dbt snapshots), S3 raw event dumps, Elasticsearch, backups, and Mixpanel.

Design a deletion process that actually removes or anonymizes the person everywhere within 30 days, can be proven, and doesn't break analytics (aggregates should still add up). Look at what we store in pipelines/ and app/models/ first.""")
R("opus", "debug", "ml", "plain", None, "A distributed training hang across ranks with no trace is a concurrency/debugging problem without a lead.",
  "Multi-node training hangs at random steps, all GPUs at 100% but no progress, no error, NCCL_DEBUG=INFO shows nothing useful. Only when we use the new bucketing sampler in data/sampler.py. Why?")
R("opus", "explain", "systems", "non-native", None, "Explaining the semantics of unsafe code and aliasing rules is opus (tie-breaker 7).",
  "In src/arena.rs we have this `unsafe fn get_mut(&self, idx) -> &mut T`. Colleague say it is unsound even if we never call it two times with same idx. I not understand why. Can you explain exactly what is the problem with Rust aliasing rules here?")
R("opus", "debug", "databases", "non-native", "easy-words-hard", "Occasional duplicate processing with no lead needs distributed reasoning.",
  "Sometimes a customer get two times the same invoice email and two charges. It happen maybe 3 times a month. We have a job queue with Postgres (SKIP LOCKED) in jobs/queue.py. Why it can happen two times?")
R("opus", "design", "infrastructure", "typos", None, "Capacity and architecture design for a traffic spike with trade-offs is opus.",
  "black friday is in 3 weeks and last year we fell over at 8x normal traffic. look at the infra and services and tell me what will break first and what we should do about it, in priority order. we cant rewrite anything big")
R("haiku", "question", "web", "plain", None, "A short factual question.",
  "whats the difference between `defer` and `async` on a script tag")
R("haiku", "edit", "tooling", "plain", None, "Changing a setting in one config is mechanical.",
  "in pyproject.toml set ruff line-length to 110")
R("haiku", "ops", "tooling", "follow-up", None, "Pushing a branch is a single step.",
  "push it and open a draft PR")
R("haiku", "explain", "infrastructure", "plain", None, "Explaining a short cron expression is haiku.",
  "when does `*/15 2-5 * * 1-5` run? it's in deploy/prod/backup.yaml")
R("sonnet", "implement", "general", "follow-up", None, "Adding error handling to the code just written is everyday work.",
  "now handle the case where the file is missing or the JSON is invalid, with a clear error message")
R("sonnet", "debug", "mobile", "follow-up", None, "Pointing back after a failed attempt: unknown work, sonnet (tie-breaker 8).",
  "nope, still crashes on the simulator. look again")
R("opus", "implement", "general", "follow-up", None, "Proving correctness formally is formal reasoning (opus).",
  "ok. now write a TLA+ spec for that lease protocol and check the invariant that at most one holder exists")

# ---- batch 7
R("sonnet", "implement", "ml", "plain", None, "Adding a serving endpoint around an existing model with a clear spec is everyday work.",
  "wrap the classifier from models/intent.py in a FastAPI app in services/intent/app.py: POST /predict with {texts: [...]} (max 64), returns label + score per text, model loaded once at startup, /healthz, and a Dockerfile. batch the texts through the model in one forward pass")
R("sonnet", "debug", "data", "plain", None, "A Spark error with a clear skew symptom and stage info gives an identifiable lead.",
  "spark job jobs/sessionize.py dies on the daily run:\n\n```\norg.apache.spark.SparkException: Job aborted due to stage failure: Task 187 in stage 4.0 failed 4 times, most recent failure: Lost task 187.3 in stage 4.0 (TID 2291) (10.0.3.17 executor 12): ExecutorLostFailure (executor 12 exited caused by one of the running tasks) Reason: Container killed by YARN for exceeding memory limits. 14.2 GB of 14 GB physical memory used.\n```\nall other tasks in stage 4 finish in seconds, task 187 runs for 20 min. it's the groupBy on user_id. the anonymous user_id '0' has tens of millions of events. fix the job")
R("sonnet", "test", "mobile", "plain", None, "Writing UI tests for an existing screen is sonnet.",
  "add XCUITests for the login flow in ios/InspectorUITests/: wrong password shows the error banner, successful login lands on the reports list, and the 'forgot password' link opens the reset screen. use the launch argument -uiTestingMockAPI we already support")
R("sonnet", "review", "ml", "non-native", None, "Reviewing a training-loop diff for correctness is sonnet.",
  "Please review this change of me in train/loop.py, I moved the optimizer.zero_grad() and added the accumulation. Is it correct now?\n\n```diff\n for step, batch in enumerate(loader):\n-    optimizer.zero_grad()\n     loss = model(**batch).loss\n-    loss.backward()\n-    optimizer.step()\n+    (loss / accum_steps).backward()\n+    if (step + 1) % accum_steps == 0:\n+        optimizer.step()\n+        scheduler.step()\n+        optimizer.zero_grad()\n```")
R("sonnet", "refactor", "web", "typos", None, "Splitting a large module into smaller files is a routine refactor.",
  "server/routes/admin.js is 1400 lines, split it into one file per resource under server/routes/admin/ (users, orders, refunds, settings) with an index.js that mounts them. no behavior changes, tests shoud still pass")
R("haiku", "question", "mobile", "plain", None, "A short factual question about a platform limit.",
  "what's the max size of an APNs notification payload?")

# ------------------------------------------------------------------ writer
def write():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "w7.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for i, row in enumerate(ROWS, 1):
            r = {"id": f"w7-{i:04d}", **row}
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

if __name__ == "__main__":
    write()
