#!/usr/bin/env python3
"""Writer w15: prompts typed inside an agentic coding session (Claude Code in a repo).
Run `python3 w15.py` to write w15.jsonl deterministically."""
import json, os, random, string, base64
from datetime import datetime, timedelta

ROWS = []

def R(label, category, domain, voice, trap, rationale, prompt, language="en"):
    ROWS.append({"prompt": prompt, "label": label, "rationale": rationale, "category": category,
                 "domain": domain, "voice": voice, "language": language, "trap": trap})

# ------------------------------------------------------------------ long material generators

def gen_service_module(seed, n):
    rng = random.Random(seed)
    ents = ["invoice", "customer", "order", "shipment", "refund", "coupon", "payout", "subscription",
            "address", "warehouse", "carrier", "tax_rate"]
    ops = ["load", "validate", "normalize", "persist", "archive", "reconcile", "lookup", "expire", "merge", "export"]
    fields = ["id", "status", "amount_cents", "currency", "created_at", "updated_at", "external_ref", "region",
              "owner_id", "notes"]
    out = ['"""Billing service helpers.', "", "Thin wrappers around the repository layer; keep in sync with schema v14.",
           '"""', "from __future__ import annotations", "", "import logging",
           "from datetime import datetime, timedelta, timezone", "from typing import Any, Optional", "",
           "from billing.repo import Repo, NotFound", "from billing.events import emit", "",
           "log = logging.getLogger(__name__)", "", ""]
    used = set()
    for i in range(n):
        e = rng.choice(ents); o = rng.choice(ops)
        name = f"{o}_{e}"
        if name in used:
            name += f"_v{i}"
        used.add(name)
        strict = rng.choice(["True", "False"])
        body = [f"def {name}(repo: Repo, {e}_id: int, *, strict: bool = {strict}) -> Optional[dict[str, Any]]:",
                f'    """{o.capitalize()} a {e.replace("_", " ")} by id."""',
                "    try:",
                f"        row = repo.get('{e}s', {e}_id)",
                "    except NotFound:",
                f"        log.warning('{name}: {e} %s not found', {e}_id)",
                "        return None"]
        for f in rng.sample(fields, rng.randint(2, 4)):
            kind = rng.randint(0, 3)
            if kind == 0:
                body.append(f"    if row.get('{f}') is None and strict:")
                body.append(f"        raise ValueError('{e}.{f} missing for id=%d' % {e}_id)")
            elif kind == 1:
                body.append(f"    row['{f}'] = _clean(row.get('{f}'))")
            elif kind == 2:
                d = rng.choice([7, 14, 30, 90])
                body.append("    if row.get('created_at') and row['created_at'] < "
                            f"datetime.now(timezone.utc) - timedelta(days={d}):")
                body.append("        row['stale'] = True")
            else:
                body.append(f"    emit('{e}.{o}', {{'id': {e}_id, '{f}': row.get('{f}')}})")
        if o in ("persist", "archive", "merge", "expire"):
            body.append(f"    repo.put('{e}s', {e}_id, row)")
        body.append("    return row")
        out.extend(body); out.append(""); out.append("")
    out += ["def _clean(v):", "    if isinstance(v, str):", "        return v.strip() or None", "    return v", ""]
    return "\n".join(out)


def gen_nginx(seed, n):
    rng = random.Random(seed)
    ips = [f"{rng.choice([10, 172, 192, 81, 94, 203])}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
           for _ in range(45)]
    paths = ["/api/v2/orders", "/api/v2/orders/{id}", "/api/v2/cart", "/api/v2/login", "/static/app.{h}.js",
             "/healthz", "/api/v2/search?q={q}", "/api/v2/products/{id}", "/api/v2/products/{id}/reviews",
             "/favicon.ico"]
    uas = ["okhttp/4.9.3", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15",
           "python-requests/2.31.0", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/121.0",
           "kube-probe/1.28", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) Safari/605.1.15"]
    t = datetime(2024, 3, 12, 14, 0, 0)
    lines = []
    for _ in range(n):
        t += timedelta(milliseconds=rng.randint(5, 700))
        p = rng.choice(paths).format(id=rng.randint(1000, 99999), h=rng.choice(["a81f2c", "9be01d"]),
                                     q=rng.choice(["shoes", "usb+c", "desk", "lamp", "kettle"]))
        method = "POST" if p.endswith(("cart", "login")) and rng.random() < 0.6 else "GET"
        st = rng.choices([200, 201, 304, 400, 401, 404, 429, 499, 502], weights=[70, 5, 8, 3, 3, 4, 4, 1, 2])[0]
        size = 0 if st in (304, 499) else rng.randint(120, 48000)
        rt = rng.expovariate(1 / 0.08) if st != 502 else rng.uniform(30, 60)
        lines.append(f'{rng.choice(ips)} - - [{t.strftime("%d/%b/%Y:%H:%M:%S")} +0000] "{method} {p} HTTP/1.1" '
                     f'{st} {size} "-" "{rng.choice(uas)}" {rt:.3f}')
    return "\n".join(lines)


def gen_applog(seed, minutes):
    rng = random.Random(seed)
    t = datetime(2024, 5, 7, 9, 0, 0)
    end = t + timedelta(minutes=minutes)
    out = []
    svc = ["checkout-api", "checkout-api", "checkout-api", "pricing", "inventory"]
    started = set()
    while t < end:
        t += timedelta(milliseconds=rng.randint(200, 2500))
        minute = int((t - datetime(2024, 5, 7, 9, 0, 0)).total_seconds() // 60)
        spike = (minute % 15) in (0, 1)
        if minute % 15 == 0 and minute not in started:
            started.add(minute)
            out.append(f"{t.isoformat(timespec='milliseconds')}Z INFO  scheduler  job=refresh_mv_pricing started")
        rid = "".join(rng.choice("0123456789abcdef") for _ in range(12))
        s = rng.choice(svc)
        base = rng.lognormvariate(3.6, 0.4)
        lat = base * (rng.uniform(8, 40) if spike and rng.random() < 0.5 else 1)
        route = rng.choice(["POST /checkout", "GET /cart", "GET /price/quote", "POST /reserve", "GET /stock"])
        lvl = "INFO "
        extra = ""
        if lat > 1500:
            lvl = "WARN "
            extra = f" pool_wait_ms={int(lat * rng.uniform(0.6, 0.9))}"
        if lat > 3000 and rng.random() < 0.4:
            lvl = "ERROR"
            extra += " err=\"context deadline exceeded\""
        out.append(f"{t.isoformat(timespec='milliseconds')}Z {lvl} {s:<12} req={rid} route=\"{route}\" "
                   f"status={500 if lvl == 'ERROR' else 200} dur_ms={lat:.1f}{extra}")
        if spike and rng.random() < 0.05:
            out.append(f"{t.isoformat(timespec='milliseconds')}Z INFO  pgbouncer   pool=pricing_rw cl_active=50 "
                       f"cl_waiting={rng.randint(10, 90)} sv_active=20 sv_idle=0")
        if minute % 15 == 3 and t.second < 4 and rng.random() < 0.3:
            out.append(f"{t.isoformat(timespec='milliseconds')}Z INFO  scheduler  job=refresh_mv_pricing "
                       f"finished dur_s={rng.randint(95, 140)}")
    return "\n".join(out)


def gen_pytest(seed, n):
    rng = random.Random(seed)
    mods = ["test_api", "test_models", "test_billing", "test_auth", "test_export", "test_utils", "test_search",
            "test_tasks", "test_webhooks", "test_permissions"]
    verbs = ["creates", "rejects", "updates", "lists", "handles", "returns", "parses", "skips", "retries", "caches"]
    objs = ["invoice", "empty_payload", "duplicate_email", "expired_token", "unicode_name", "large_file",
            "missing_currency", "pagination_cursor", "negative_amount", "deleted_user", "timezone_offset"]
    lines = ["============================= test session starts ==============================",
             "platform linux -- Python 3.11.8, pytest-8.1.1, pluggy-1.4.0 -- /home/dev/app/.venv/bin/python",
             "cachedir: .pytest_cache", "rootdir: /home/dev/app", "configfile: pyproject.toml",
             "plugins: django-4.8.0, cov-5.0.0, xdist-3.5.0, mock-3.14.0", f"collected {n} items", ""]
    fails = set(rng.sample(range(n), 2))
    names = []
    for i in range(n):
        m = rng.choice(mods)
        name = f"tests/{m}.py::test_{rng.choice(verbs)}_{rng.choice(objs)}"
        if rng.random() < 0.2:
            name += f"[{rng.choice(['sqlite', 'postgres', 'eur', 'usd', 'admin', 'member'])}]"
        res = "FAILED" if i in fails else rng.choices(["PASSED", "SKIPPED"], weights=[97, 3])[0]
        pct = int((i + 1) * 100 / n)
        names.append((name, res))
        lines.append(f"{name} {res:<8} [{pct:3d}%]")
    lines += ["", "=================================== FAILURES ==================================="]
    for name, res in names:
        if res != "FAILED":
            continue
        fn = name.split("::")[1]
        lines += [f"________________________________ {fn} ________________________________", "",
                  "    def " + fn.split("[")[0] + "(client, invoice_factory):",
                  "        inv = invoice_factory(currency=None)",
                  "        resp = client.post(f\"/api/invoices/{inv.id}/finalize\")",
                  ">       assert resp.json()[\"totals\"][\"currency\"] == \"EUR\"",
                  "E       KeyError: 'totals'", "", f"{name.split('::')[0]}:{rng.randint(40, 400)}: KeyError", ""]
    passed = sum(r == "PASSED" for _, r in names)
    skipped = sum(r == "SKIPPED" for _, r in names)
    lines.append(f"=========== 2 failed, {passed} passed, {skipped} skipped, 14 warnings in 48.21s ===========")
    return "\n".join(lines)


def gen_package_lock(seed, n):
    rng = random.Random(seed)
    pre = ["", "@babel/", "@types/", "@eslint/", "@jest/", ""]
    roots = ["core", "parser", "helper", "types", "utils", "traverse", "generator", "plugin-syntax", "runtime",
             "minimist", "semver", "debug", "ms", "chalk", "ansi-styles", "supports-color", "lodash", "glob",
             "minimatch", "brace-expansion", "picomatch", "micromatch", "fill-range", "to-regex-range", "is-number",
             "yargs", "cliui", "wrap-ansi", "string-width", "strip-ansi", "emoji-regex", "escalade", "y18n"]
    pkgs = {}
    for _ in range(n):
        name = rng.choice(pre) + rng.choice(roots)
        if rng.random() < 0.3:
            name += "-" + rng.choice(["compat", "plugin", "loader", "node", "browser", "x"])
        if name in pkgs:
            continue
        ver = f"{rng.randint(0, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 20)}"
        integ = base64.b64encode(bytes(rng.randint(0, 255) for _ in range(64))).decode()
        deps = {}
        for _ in range(rng.randint(0, 4)):
            deps[rng.choice(roots)] = f"^{rng.randint(1, 9)}.{rng.randint(0, 9)}.0"
        pkgs[name] = (ver, integ, deps, rng.random() < 0.5)
    pkgs["minimist"] = ("1.2.8", base64.b64encode(bytes(rng.randint(0, 255) for _ in range(64))).decode(), {}, True)
    d = {"name": "storefront-web", "version": "3.14.0", "lockfileVersion": 3, "requires": True,
         "packages": {"": {"name": "storefront-web", "version": "3.14.0"}}}
    for name, (ver, integ, deps, dev) in sorted(pkgs.items()):
        entry = {"version": ver, "resolved": f"https://registry.npmjs.org/{name}/-/{name.split('/')[-1]}-{ver}.tgz",
                 "integrity": "sha512-" + integ}
        if dev:
            entry["dev"] = True
        if deps:
            entry["dependencies"] = deps
        d["packages"][f"node_modules/{name}"] = entry
    return json.dumps(d, indent=2)


def gen_csv(seed, n):
    rng = random.Random(seed)
    rows = ["order_id,created_at,customer_id,status,amount,currency,country,channel"]
    t = datetime(2024, 1, 3, 8, 0, 0)
    for i in range(n):
        t += timedelta(minutes=rng.randint(1, 90))
        st = rng.choices(["paid", "refunded", "pending", "cancelled", "chargeback"], weights=[75, 8, 10, 6, 1])[0]
        cur = rng.choice(["EUR", "EUR", "USD", "GBP", "SEK"])
        rows.append(f"{100000 + i},{t.strftime('%Y-%m-%dT%H:%M:%SZ')},C{rng.randint(1000, 9999)},{st},"
                    f"{rng.uniform(4, 900):.2f},{cur},{rng.choice(['DE', 'FR', 'NL', 'SE', 'GB', 'US', 'ES'])},"
                    f"{rng.choice(['web', 'ios', 'android', 'pos'])}")
    return "\n".join(rows)


def gen_rename_diff(seed, nfiles):
    rng = random.Random(seed)
    dirs = ["app/api", "app/services", "app/jobs", "app/admin", "tests", "app/webhooks", "scripts"]
    out = []
    for k in range(nfiles):
        path = f"{rng.choice(dirs)}/{rng.choice(['users', 'accounts', 'billing', 'sessions', 'audit', 'reports', 'teams'])}_{k}.py"
        idx = "".join(rng.choice("0123456789abcdef") for _ in range(7))
        idx2 = "".join(rng.choice("0123456789abcdef") for _ in range(7))
        out += [f"diff --git a/{path} b/{path}", f"index {idx}..{idx2} 100644", f"--- a/{path}", f"+++ b/{path}"]
        line = rng.randint(3, 40)
        out += [f"@@ -1,{5} +1,{5} @@", " from __future__ import annotations", " ",
                "-from app.users.repo import fetch_user", "+from app.users.repo import get_user",
                " from app.core.db import session_scope"]
        for _ in range(rng.randint(1, 4)):
            line += rng.randint(8, 60)
            var = rng.choice(["user", "owner", "actor", "target", "member"])
            arg = rng.choice(["user_id", "payload['user_id']", "request.user_id", "row.owner_id", "event.actor_id"])
            ctx = rng.choice(["    with session_scope() as s:", "    if not payload:", "    log.debug('resolving user')",
                              "    # resolve the acting user first"])
            out += [f"@@ -{line},7 +{line},7 @@ def {rng.choice(['handle', 'process', 'sync', 'build', 'check'])}_"
                    f"{rng.choice(['request', 'event', 'row', 'batch', 'item'])}(",
                    ctx, f"        {var}_id = {arg}", f"-        {var} = fetch_user(s, {var}_id)",
                    f"+        {var} = get_user(s, {var}_id)", f"         if {var} is None:",
                    f"             raise NotFound('{var}')", f"         return {var}"]
    return "\n".join(out)


def gen_goroutines(seed, n):
    rng = random.Random(seed)
    out = ["SIGQUIT: quit", "PC=0x46b1e1 m=0 sigcode=0", ""]
    kinds = [
        ("chan receive", ["github.com/acme/ledger/internal/outbox.(*Relay).loop(0xc0001a2{h})",
                          "\t/src/internal/outbox/relay.go:{l1} +0x1c5",
                          "created by github.com/acme/ledger/internal/outbox.Start in goroutine 1",
                          "\t/src/internal/outbox/relay.go:41 +0x9a"]),
        ("sync.Mutex.Lock", ["sync.runtime_SemacquireMutex(0xc00012e{h}?, 0x0?, 0x1?)",
                             "\t/usr/local/go/src/runtime/sema.go:77 +0x25",
                             "sync.(*Mutex).lockSlow(0xc00012e{h})", "\t/usr/local/go/src/sync/mutex.go:171 +0x15d",
                             "sync.(*Mutex).Lock(...)", "\t/usr/local/go/src/sync/mutex.go:90",
                             "github.com/acme/ledger/internal/accounts.(*Cache).Get(0xc00012e{h}, {{0xc000{h}, 0x24}})",
                             "\t/src/internal/accounts/cache.go:{l1} +0x4b",
                             "github.com/acme/ledger/internal/api.(*Server).handleBalance(0xc0000f4000, {{0xb12f40, 0xc0003{h}}}, 0xc0004{h})",
                             "\t/src/internal/api/balance.go:{l2} +0x8e"]),
        ("sync.RWMutex.RLock", ["sync.runtime_SemacquireRWMutexR(0xc00012e{h}?, 0x0?, 0x0?)",
                                "\t/usr/local/go/src/runtime/sema.go:82 +0x25",
                                "sync.(*RWMutex).RLock(...)", "\t/usr/local/go/src/sync/rwmutex.go:71",
                                "github.com/acme/ledger/internal/accounts.(*Registry).Lookup(0xc0001b0{h}, 0x{h})",
                                "\t/src/internal/accounts/registry.go:{l1} +0x5d",
                                "github.com/acme/ledger/internal/accounts.(*Cache).refresh(0xc00012e{h})",
                                "\t/src/internal/accounts/cache.go:{l2} +0x112"]),
        ("IO wait", ["internal/poll.runtime_pollWait(0x7f3a{h}, 0x72)", "\t/usr/local/go/src/runtime/netpoll.go:345 +0x85",
                     "internal/poll.(*FD).Read(0xc0002{h}, {{0xc000{h}, 0x1000, 0x1000}})",
                     "\t/usr/local/go/src/internal/poll/fd_unix.go:164 +0x27a",
                     "net/http.(*connReader).backgroundRead(0xc0004{h})",
                     "\t/usr/local/go/src/net/http/server.go:681 +0x37"]),
        ("select", ["github.com/jackc/pgx/v5/pgxpool.(*Pool).Acquire(0xc0000b6{h}, {{0xb13a78, 0xc0003{h}}})",
                    "\t/go/pkg/mod/github.com/jackc/pgx/v5@v5.5.4/pgxpool/pool.go:{l1} +0x2e5",
                    "github.com/acme/ledger/internal/accounts.(*Registry).reload(0xc0001b0{h})",
                    "\t/src/internal/accounts/registry.go:{l2} +0x7c"]),
    ]
    for g in range(1, n + 1):
        st, frames = rng.choices(kinds, weights=[8, 40, 6, 25, 4])[0]
        mins = rng.choice(["", f", {rng.randint(1, 240)} minutes"])
        out.append(f"goroutine {g * 3 + rng.randint(0, 2)} [{st}{mins}]:")
        for f in frames:
            out.append(f.format(h=f"{rng.randint(0, 0xfff):03x}", l1=rng.randint(40, 220), l2=rng.randint(40, 220)))
        out.append("")
    return "\n".join(out)


def gen_tsc(seed, n):
    rng = random.Random(seed)
    files = [f"src/{d}/{c}.tsx" for d in ["components", "pages", "features/cart", "features/account", "hooks"]
             for c in ["Button", "Modal", "Table", "Header", "Form", "List", "Card", "Drawer"]]
    errs = [("TS2322", "Type 'ReactNode' is not assignable to type 'ReactElement<any, string | JSXElementConstructor<any>>'."),
            ("TS2786", "'{c}' cannot be used as a JSX component.\n  Its return type 'ReactNode' is not a valid JSX element."),
            ("TS7031", "Binding element 'children' implicitly has an 'any' type."),
            ("TS2339", "Property 'children' does not exist on type '{c}Props'."),
            ("TS2345", "Argument of type '(e: FormEvent<HTMLFormElement>) => void' is not assignable to parameter of type 'FormEventHandler<HTMLDivElement>'.")]
    out = []
    for _ in range(n):
        f = rng.choice(files)
        c = f.split("/")[-1][:-4]
        code, msg = rng.choices(errs, weights=[2, 2, 2, 5, 1])[0]
        out.append(f"{f}({rng.randint(5, 300)},{rng.randint(3, 40)}): error {code}: {msg.format(c=c)}")
    out.append("")
    out.append(f"Found {n} errors in {len(set(l.split('(')[0] for l in out if '(' in l))} files.")
    return "\n".join(out)


def gen_k8s(seed, n):
    rng = random.Random(seed)
    docs = []
    names = ["api", "worker", "scheduler", "webhooks", "search-indexer", "thumbnailer", "mailer", "billing-sync",
             "exporter", "gateway", "auth", "notifications", "reports", "media-proxy"]
    for i, name in enumerate(names[:n]):
        mem = "3Gi" if name == "worker" else f"{rng.choice([256, 512, 768, 1024])}Mi"
        cpu = f"{rng.choice([100, 250, 500, 1000])}m"
        env = "\n".join(f"            - name: {k}\n              value: \"{v}\"" for k, v in rng.sample([
            ("LOG_LEVEL", "info"), ("DB_POOL_SIZE", str(rng.randint(5, 30))), ("FEATURE_FLAGS", "checkout_v2,fast_search"),
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector.observability:4317"), ("REGION", "eu-west-1"),
            ("CACHE_TTL_SECONDS", str(rng.choice([30, 60, 300]))), ("QUEUE_NAME", f"{name}-jobs")], 5))
        docs.append(f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  namespace: shop-prod
  labels:
    app.kubernetes.io/name: {name}
    app.kubernetes.io/part-of: shop
spec:
  replicas: {rng.choice([2, 3, 4, 6])}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  selector:
    matchLabels:
      app.kubernetes.io/name: {name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: {name}
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "9090"
    spec:
      serviceAccountName: {name}
      containers:
        - name: {name}
          image: registry.acme.internal/shop/{name}:{rng.randint(1, 4)}.{rng.randint(0, 40)}.{rng.randint(0, 9)}
          ports:
            - containerPort: 8080
            - containerPort: 9090
              name: metrics
          env:
{env}
          resources:
            requests:
              cpu: {cpu}
              memory: {mem}
            limits:
              memory: {mem}
          readinessProbe:
            httpGet:
              path: /readyz
              port: 8080
            periodSeconds: 5
          livenessProbe:
            httpGet:
              path: /healthz
              port: 8080
            initialDelaySeconds: {rng.choice([10, 20, 30])}
---
apiVersion: v1
kind: Service
metadata:
  name: {name}
  namespace: shop-prod
spec:
  selector:
    app.kubernetes.io/name: {name}
  ports:
    - port: 80
      targetPort: 8080
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {name}
  namespace: shop-prod
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: {name}""")
    return "\n---\n".join(docs)


def gen_schema(seed, n):
    rng = random.Random(seed)
    tables = ["users", "accounts", "memberships", "orders", "order_items", "payments", "refunds", "invoices",
              "invoice_lines", "products", "product_variants", "prices", "inventory_levels", "warehouses",
              "shipments", "shipment_events", "carts", "cart_items", "coupons", "coupon_redemptions", "reviews",
              "review_votes", "addresses", "tax_rates", "audit_log", "sessions", "api_keys", "webhooks",
              "webhook_deliveries", "notifications", "email_outbox", "feature_flags", "experiments",
              "experiment_assignments", "support_tickets", "ticket_messages", "payouts", "ledger_entries",
              "currencies", "fx_rates", "search_synonyms", "media_assets", "categories", "product_categories"]
    out = ["-- pg_dump --schema-only shop_prod (trimmed)", "SET statement_timeout = 0;", "SET client_encoding = 'UTF8';", ""]
    for t in tables[:n]:
        cols = ["    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"]
        refs = rng.sample([x for x in tables[:n] if x != t], rng.randint(0, 3))
        for r in refs:
            cols.append(f"    {r.rstrip('s')}_id bigint NOT NULL REFERENCES public.{r}(id)")
        for _ in range(rng.randint(2, 8)):
            cn = rng.choice(["status", "amount_cents", "currency", "name", "email", "external_ref", "payload", "kind",
                             "quantity", "note", "locale", "region", "score", "sku", "title", "body", "version"])
            ty = {"status": "text NOT NULL DEFAULT 'new'", "amount_cents": "bigint NOT NULL", "currency": "char(3)",
                  "payload": "jsonb", "quantity": "integer NOT NULL DEFAULT 1", "score": "numeric(6,3)",
                  "version": "integer NOT NULL DEFAULT 0"}.get(cn, "text")
            line = f"    {cn} {ty}"
            if not any(c.split()[0] == cn for c in cols):
                cols.append(line)
        cols.append("    created_at timestamptz NOT NULL DEFAULT now()")
        if rng.random() < 0.7:
            cols.append("    updated_at timestamptz NOT NULL DEFAULT now()")
        out.append(f"CREATE TABLE public.{t} (\n" + ",\n".join(cols) + "\n);")
        for r in refs:
            out.append(f"CREATE INDEX {t}_{r.rstrip('s')}_id_idx ON public.{t} USING btree ({r.rstrip('s')}_id);")
        if rng.random() < 0.4:
            out.append(f"CREATE INDEX {t}_created_at_idx ON public.{t} USING btree (created_at);")
        out.append("")
    return "\n".join(out)


def gen_spring_log(seed, n):
    rng = random.Random(seed)
    t = datetime(2024, 6, 18, 10, 14, 2)
    loggers = ["o.s.web.servlet.DispatcherServlet", "c.a.shop.order.OrderController", "c.a.shop.order.OrderService",
               "o.h.engine.jdbc.spi.SqlExceptionHelper", "c.z.hikari.pool.HikariPool", "c.a.shop.pricing.PriceClient",
               "o.s.b.w.embedded.tomcat.TomcatWebServer", "c.a.shop.cart.CartService"]
    msgs = ["Completed initialization in 2 ms", "POST /api/orders accepted cart={c}", "Resolved price list eu-default for cart {c}",
            "HikariPool-1 - Pool stats (total=20, active={a}, idle={i}, waiting=0)", "Applying discount rules to order draft {c}",
            "GET /api/orders/{c} 200 in {ms}ms", "Cart {c} loaded with {a} items", "Order {c} persisted status=PENDING"]
    out = []
    thread_n = 0
    for i in range(n):
        t += timedelta(milliseconds=rng.randint(3, 400))
        thread_n = rng.randint(1, 40)
        lg = rng.choice(loggers)
        m = rng.choice(msgs).format(c=rng.randint(100000, 999999), a=rng.randint(1, 20), i=rng.randint(0, 19),
                                    ms=rng.randint(4, 300))
        out.append(f"{t.strftime('%Y-%m-%d %H:%M:%S.%f')[:-3]}  INFO 1 --- [nio-8080-exec-{thread_n}] {lg:<40} : {m}")
        if i == n * 2 // 3:
            out.append(f"{t.strftime('%Y-%m-%d %H:%M:%S.%f')[:-3]} ERROR 1 --- [nio-8080-exec-{thread_n}] "
                       "o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context "
                       "with path [] threw exception [Request processing failed: java.lang.NullPointerException: Cannot invoke "
                       "\"com.acme.shop.pricing.Coupon.getPercentOff()\" because the return value of "
                       "\"com.acme.shop.order.OrderDraft.getCoupon()\" is null] with root cause")
            out += ["java.lang.NullPointerException: Cannot invoke \"com.acme.shop.pricing.Coupon.getPercentOff()\" because the "
                    "return value of \"com.acme.shop.order.OrderDraft.getCoupon()\" is null",
                    "\tat com.acme.shop.order.OrderService.applyDiscount(OrderService.java:214)",
                    "\tat com.acme.shop.order.OrderService.createOrder(OrderService.java:97)",
                    "\tat com.acme.shop.order.OrderController.create(OrderController.java:58)",
                    "\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)",
                    "\tat java.base/java.lang.reflect.Method.invoke(Method.java:580)",
                    "\tat org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:255)",
                    "\tat org.springframework.web.method.support.InvocableHandlerMethod.invokeForRequest(InvocableHandlerMethod.java:188)",
                    "\tat org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod.invokeAndHandle(ServletInvocableHandlerMethod.java:118)",
                    "\tat org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)",
                    "\tat org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1014)",
                    "\tat org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:138)",
                    "\tat org.apache.tomcat.util.threads.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:659)",
                    "\tat java.base/java.lang.Thread.run(Thread.java:1583)"]
    return "\n".join(out)


def gen_cache_diff(seed, nsites):
    """A PR diff: new sharded cache with lazy loading + many mechanical call-site updates."""
    rng = random.Random(seed)
    core = '''diff --git a/internal/cache/sharded.go b/internal/cache/sharded.go
new file mode 100644
index 0000000..4be2a1c
--- /dev/null
+++ b/internal/cache/sharded.go
@@ -0,0 +1,88 @@
+package cache
+
+import (
+	"context"
+	"hash/fnv"
+	"sync"
+	"time"
+)
+
+type entry struct {
+	val     any
+	expires time.Time
+	loading chan struct{}
+	err     error
+}
+
+type shard struct {
+	mu sync.RWMutex
+	m  map[string]*entry
+}
+
+type Sharded struct {
+	shards []*shard
+	ttl    time.Duration
+	load   func(ctx context.Context, key string) (any, error)
+}
+
+func NewSharded(n int, ttl time.Duration, load func(context.Context, string) (any, error)) *Sharded {
+	s := &Sharded{shards: make([]*shard, n), ttl: ttl, load: load}
+	for i := range s.shards {
+		s.shards[i] = &shard{m: map[string]*entry{}}
+	}
+	return s
+}
+
+func (s *Sharded) shardFor(key string) *shard {
+	h := fnv.New32a()
+	h.Write([]byte(key))
+	return s.shards[int(h.Sum32())%len(s.shards)]
+}
+
+func (s *Sharded) Get(ctx context.Context, key string) (any, error) {
+	sh := s.shardFor(key)
+	sh.mu.RLock()
+	e, ok := sh.m[key]
+	sh.mu.RUnlock()
+	if ok && e.loading == nil && time.Now().Before(e.expires) {
+		return e.val, e.err
+	}
+	if ok && e.loading != nil {
+		select {
+		case <-e.loading:
+			return e.val, e.err
+		case <-ctx.Done():
+			return nil, ctx.Err()
+		}
+	}
+	sh.mu.Lock()
+	e = &entry{loading: make(chan struct{})}
+	sh.m[key] = e
+	sh.mu.Unlock()
+
+	v, err := s.load(ctx, key)
+	e.val, e.err = v, err
+	e.expires = time.Now().Add(s.ttl)
+	close(e.loading)
+	e.loading = nil
+	return v, err
+}
+
+func (s *Sharded) Invalidate(key string) {
+	sh := s.shardFor(key)
+	sh.mu.Lock()
+	delete(sh.m, key)
+	sh.mu.Unlock()
+}
+
+func (s *Sharded) Purge() {
+	for _, sh := range s.shards {
+		sh.mu.Lock()
+		for k, e := range sh.m {
+			if time.Now().After(e.expires) {
+				delete(sh.m, k)
+			}
+		}
+		sh.mu.Unlock()
+	}
+}
'''
    out = [core]
    pkgs = ["api", "billing", "catalog", "search", "pricing", "accounts", "reports", "webhooks"]
    for k in range(nsites):
        p = rng.choice(pkgs)
        f = f"internal/{p}/{rng.choice(['handler', 'service', 'store', 'worker'])}_{k}.go"
        ln = rng.randint(20, 300)
        key = rng.choice(["productKey(id)", "fmt.Sprintf(\"acct:%d\", acctID)", "req.SKU", "priceKey(region, sku)",
                          "userKey(uid)"])
        out.append(f"""diff --git a/{f} b/{f}
index {rng.randint(0, 16**7):07x}..{rng.randint(0, 16**7):07x} 100644
--- a/{f}
+++ b/{f}
@@ -{ln},9 +{ln},9 @@ func (h *{p.capitalize()}Handler) {rng.choice(['Get', 'List', 'Resolve', 'Refresh'])}{rng.choice(['Item', 'Price', 'Account', 'Batch'])}(ctx context.Context
 	if err := h.authorize(ctx); err != nil {{
 		return nil, err
 	}}
-	v, ok := h.cache.Get({key})
-	if !ok {{
-		return nil, ErrNotCached
-	}}
+	v, err := h.cache.Get(ctx, {key})
+	if err != nil {{
+		return nil, fmt.Errorf("{p}: cache get: %w", err)
+	}}
 	return v.(*{rng.choice(['Product', 'Price', 'Account', 'Report'])}), nil
 }}
""")
    return "\n".join(out)


# ------------------------------------------------------------------ rows with very long pasted material

R("haiku", "edit", "data", "plain", "long-trivial",
  "Adding a license header to a long file is mechanical, however long the paste.",
  "add our standard apache-2.0 header (the one in LICENSE_HEADER.txt) to the top of billing/helpers.py. here's the current file so you can see there's no header yet:\n\n"
  + gen_service_module(1501, 70))

R("haiku", "question", "web", "plain", "long-trivial",
  "Extracting the IPs on lines with status 429 from a log is a lookup over a paste.",
  "which client IPs got 429s in this window? just the unique list, sorted\n\n" + gen_nginx(1502, 320))

R("opus", "debug", "web", "verbose", None,
  "Periodic latency spikes with no stated cause; needs a theory correlating scheduler, pool and request logs.",
  "checkout p99 goes from ~60ms to several seconds for a minute or two, roughly every quarter hour, all day. no deploys, "
  "cpu and memory look flat on the dashboards, and it started sometime last week (we're not sure exactly when). "
  "here's an hour of combined logs from checkout-api, pricing and inventory. can you work out what's going on and what "
  "we should change? I don't want a band-aid like bumping the timeout\n\n" + gen_applog(1503, 21))

R("haiku", "question", "tooling", "terse", "long-trivial",
  "Reading the two FAILED names out of pytest output is a lookup.",
  "which tests failed? names only\n\n" + gen_pytest(1504, 520))

R("haiku", "question", "web", "typos", "long-trivial",
  "Finding one package's resolved version in a lockfile is a lookup.",
  "what version of minimist do we actualy resolve in the lockfile? security scanner is complaining about <1.2.6\n\n"
  + gen_package_lock(1505, 420))

R("haiku", "question", "data", "plain", "long-trivial",
  "Counting rows with one status value in a CSV is mechanical.",
  "how many of these orders are refunded? export from the admin panel, I only need the number\n\n" + gen_csv(1506, 650))

R("haiku", "docs", "tooling", "follow-up", "long-trivial",
  "A commit message for a mechanical rename diff; small text task.",
  "ok the rename is done, here's git diff --staged. write the commit message, one line subject + short body\n\n"
  + gen_rename_diff(1507, 60))

R("opus", "review", "systems", "plain", None,
  "Concurrency review of a new lazy-loading cache (races on entry fields, thundering herd, map writes); subtle mistakes are production bugs.",
  "review this PR before I merge it. the point is to replace the old global-mutex cache with a sharded one that "
  "dedups concurrent loads. the call-site changes are mechanical, I mainly care whether sharded.go is actually correct "
  "under concurrency. go test -race passes but our tests are mostly single-goroutine\n\n" + gen_cache_diff(1508, 70))

R("opus", "debug", "systems", "verbose", None,
  "Diagnosing a hang from a goroutine dump means reconstructing the lock ordering across packages; deadlock analysis.",
  "ledger-api stops answering after a few hours under load (health checks still pass because they don't touch the "
  "cache). I sent SIGQUIT to one stuck pod and got this. it's long, sorry. what is deadlocked, and what's the right "
  "fix, not just a timeout?\n\n" + gen_goroutines(1509, 190))

R("sonnet", "debug", "web", "follow-up", None,
  "Many compiler errors but one identifiable cause (React 18 types dropped implicit children); routine multi-file fix.",
  "after bumping @types/react to 18 tsc explodes. fix these, don't just sprinkle `any`\n\n" + gen_tsc(1510, 260))

R("haiku", "question", "infrastructure", "terse", "long-trivial",
  "Finding one setting in a long manifest is a lookup.",
  "memory limit on the worker deployment?\n\n" + gen_k8s(1511, 14))

R("opus", "plan", "databases", "verbose", None,
  "Splitting a shared schema into per-service ownership with foreign keys crossing boundaries is a large migration plan with trade-offs.",
  "we're splitting the shop monolith into orders, catalog, billing and accounts services. this is the current schema "
  "(trimmed pg_dump). propose which tables go to which service, what to do about the foreign keys that cross the "
  "boundaries, and an order of migration steps that lets us keep shipping while it happens\n\n" + gen_schema(1512, 44))

R("haiku", "edit", "databases", "follow-up", "long-trivial",
  "Inserting a fixed comment above each CREATE TABLE is mechanical.",
  "unrelated but while you have the schema: put `-- owner: data-platform` on its own line above every CREATE TABLE "
  "in this dump, nothing else changed\n\n" + gen_schema(1513, 40))

R("sonnet", "debug", "web", "plain", None,
  "A long log but the NPE message names the null coupon at OrderService.java:214; clear cause, routine fix and test.",
  "orders with no coupon are 500ing since this morning's release. log below, fix OrderService and add a regression test\n\n"
  + gen_spring_log(1514, 420))

# ------------------------------------------------------------------ web: an express/ts session and friends

R("sonnet", "implement", "web", "plain", None,
  "Endpoint with a clear spec that mirrors an existing handler; routine feature work.",
  "add a PATCH /api/projects/:id handler in src/routes/projects.ts. same zod schema as the POST in that file but every "
  "field optional, 404 if the project isn't owned by req.user")
R("sonnet", "implement", "web", "follow-up", None,
  "Repeating a just-written endpoint pattern for another resource; everyday feature work.",
  "now do the same for teams")
R("sonnet", "test", "web", "follow-up", None,
  "Writing tests for existing handlers with an existing harness.",
  "ok both work when I curl them. add tests in tests/routes/ using the supertest app from tests/helpers.ts, cover the 404 and a validation error (the helper already seeds a user and a project)")
R("sonnet", "debug", "web", "follow-up", None,
  "The compiler error names the missing property; identifiable cause, small multi-file fix.",
  "that broke the build\n\nsrc/routes/teams.ts:48:31 - error TS2339: Property 'ownerId' does not exist on type 'Team'.\n\n"
  "48     if (team.ownerId !== req.user.id) {\n                                 ~~~~~~~\n\nFound 1 error in src/routes/teams.ts:48")
R("haiku", "docs", "web", "follow-up", None,
  "Commit message for a change already in the session; small text task.",
  "green now. commit it, conventional commit style")
R("haiku", "edit", "web", "follow-up", None,
  "Changing one default constant; mechanical.",
  "change the default page size on the list endpoints to 25, it's the PAGE_SIZE const in src/routes/util.ts. the frontend reads the total from the response so nothing else should need to change")
R("sonnet", "implement", "web", "plain", None,
  "Cursor pagination with a given key and limits plus spec update; clear spec, several files.",
  "switch GET /api/invoices from offset to cursor pagination. cursor = base64 of (created_at, id), limit default 50 max 200. "
  "update docs/openapi.yaml too. the mobile app still uses offset so keep that working for now")
R("haiku", "edit", "web", "follow-up", None,
  "Adding one guard that maps a decode failure to a 400; one step, checkable at a glance.",
  "also handle a garbage cursor, right now it throws and we return 500. should be a 400. use the same error shape as the zod validation errors ({ error: { code, message } })")
R("sonnet", "debug", "web", "follow-up", None,
  "User supplies the lead (identical created_at values); fixing the keyset comparison is routine debugging.",
  "the cursor pagination skips rows when two invoices have the exact same created_at. I thought the id tiebreak was supposed to handle that? I'm on postgres 15, the query is in src/db/invoices.ts")
R("sonnet", "debug", "web", "follow-up", None,
  "Sounds vague but the session already has the lead: JS Date truncating postgres microseconds in the cursor; a known fix once seen.",
  "still skipping. only on rows created by the import script, not ones from the UI, if that helps. the import script sets created_at with new Date() in node, the UI path uses now() in the insert")
R("haiku", "question", "web", "terse", None,
  "Short, well-known React fact.",
  "is `key` unique per list or per whole app")
R("haiku", "explain", "web", "plain", "hard-words-easy",
  "Explaining one cookie attribute; short well-known answer despite security vocabulary.",
  "what does SameSite=Lax actually protect against on our session cookie (config/session.ts)? one paragraph. someone on the team wants to switch it to Strict and I want to know what would break")
R("opus", "review", "security", "plain", None,
  "Security review of session handling and login flow for fixation and CSRF; subtle mistakes are vulnerabilities.",
  "review config/session.ts and everything under src/auth/ for session fixation and CSRF holes. we rolled our own "
  "remember-me token last year and I don't fully trust it")
R("opus", "debug", "web", "plain", "easy-words-hard",
  "Users briefly seeing another user's cart suggests a cache-key or shared-state leak; no lead, security impact.",
  "some users see someone else's cart for a second right after logging in, then it fixes itself on refresh. "
  "support gets maybe 3 tickets a day about it")
R("sonnet", "debug", "web", "plain", None,
  "React warning with a component stack pointing at the offending setState; identifiable cause.",
  "getting this in the console on the checkout page, fix it\n\n"
  "Warning: Cannot update a component (`CheckoutPage`) while rendering a different component (`CartSummary`). "
  "To locate the bad setState() call inside `CartSummary`, follow the stack trace as described in "
  "https://reactjs.org/link/setstate-in-render\n    at CartSummary (webpack-internal:///./src/features/cart/CartSummary.tsx:31:5)\n"
  "    at div\n    at CheckoutPage (webpack-internal:///./src/pages/checkout.tsx:54:3)")
R("haiku", "edit", "web", "terse", None,
  "Sorting imports to satisfy a linter is mechanical.",
  "sort the imports in src/components/Header.tsx, eslint import/order is yelling")
R("sonnet", "refactor", "web", "plain", None,
  "Extracting data fetching into a hook while keeping behaviour; a routine refactor of one module.",
  "pull the fetch + loading/error state out of src/pages/Dashboard.tsx into a useDashboardData hook. behaviour must stay identical, there are snapshot tests")
R("sonnet", "refactor", "web", "follow-up", None,
  "Bare continue in the middle of a refactor; tie-breaker says sonnet.",
  "continue")
R("haiku", "edit", "web", "follow-up", None,
  "Reverting the last edit is mechanical.",
  "revert the change to Dashboard.test.tsx, I don't want the snapshots regenerated")
R("opus", "design", "web", "terse", "short-hard",
  "Edge caching of SSR pages with per-user content without leaking personalisation is a design with security trade-offs.",
  "ssr + cdn caching but half the page is personalised. how do we cache without leaking user data")
R("haiku", "question", "web", "plain", None,
  "Short conceptual answer.",
  "one sentence each: useEffect vs useLayoutEffect, when would I pick the second")
R("haiku", "edit", "web", "plain", None,
  "Converting a short styled-component to utility classes is mechanical.",
  "turn this into a tailwind className on the button, drop the styled import\n\n"
  "const PrimaryButton = styled.button`\n  padding: 8px 16px;\n  border-radius: 6px;\n  background: #2563eb;\n"
  "  color: white;\n  font-weight: 600;\n  &:hover { background: #1d4ed8; }\n  &:disabled { opacity: .5; cursor: not-allowed; }\n`;")
R("sonnet", "refactor", "web", "follow-up", None,
  "Same conversion across a whole codebase with props-driven styles needs care across many files; a refactor, not a one-liner.",
  "nice. now do the same for every styled-component in src/, there are about 140. some of them interpolate props so those need clsx. do it directory by directory and run the tests after each one")
R("sonnet", "implement", "web", "typos", None,
  "Accessibility features for a modal with a clear checklist; routine implementation.",
  "make components/Modal.tsx acessible: focus trap, esc closes, focus goes back to the trigger on close, role=dialog + aria-labelledby. theres a useFocusTrap hook in src/hooks allready but not sure it works")
R("opus", "debug", "web", "plain", "easy-words-hard",
  "Slow only on low-end phones with no lead; needs profiling analysis across bundle, rendering and main-thread work.",
  "the app feels slow on cheap android phones but fine on my laptop. I have no idea where to start. code is in src/, it's next 14, app router, mostly client components because of the charts library")
R("sonnet", "implement", "web", "follow-up", None,
  "Applying the first concrete suggestions from an earlier analysis; everyday work.",
  "ok do the first two things you suggested (code-split the chart lib, virtualize the orders table), skip the rest for now. measure before and after with the lighthouse script in scripts/perf.mjs")
R("sonnet", "ops", "web", "plain", None,
  "CI configuration with clear requirements.",
  "add a github actions workflow that runs npm ci, lint and test on PRs to main. node 20, cache npm, fail fast off. there's a test:ci script in package.json that sets the junit reporter, use that one")
R("haiku", "edit", "web", "follow-up", None,
  "Bumping one version number in a workflow file.",
  "bump node to 22 in that workflow")
R("sonnet", "debug", "tooling", "follow-up", None,
  "CI log names the engine mismatch for one package; identifiable cause.",
  "ci fails now\n\nnpm ERR! code EBADENGINE\nnpm ERR! engine Unsupported engine\nnpm ERR! engine Not compatible with your version of node/npm: sharp@0.32.6\n"
  "npm ERR! notsup Required: {\"node\":\"^14.15.0 || ^16.10.0 || >=18.0.0\"}\nnpm ERR! notsup Actual:   {\"npm\":\"10.8.1\",\"node\":\"v22.4.0\"}\n\n"
  "hmm node 22 is >=18 though?")
R("sonnet", "debug", "web", "plain", None,
  "Django IntegrityError with a trace to the post_save signal; identifiable cause.",
  "signup 500s sometimes with this, fix it\n\n"
  "Traceback (most recent call last):\n  File \"/app/accounts/views.py\", line 88, in signup\n    user = form.save()\n"
  "  File \"/app/.venv/lib/python3.11/site-packages/django/db/models/signals.py\", line 46, in send\n"
  "  File \"/app/accounts/signals.py\", line 14, in create_profile\n    Profile.objects.create(user=instance)\n"
  "django.db.utils.IntegrityError: duplicate key value violates unique constraint \"accounts_profile_user_id_key\"\n"
  "DETAIL:  Key (user_id)=(48213) already exists.")
R("opus", "debug", "web", "follow-up", "easy-words-hard",
  "The error persists only in production with multiple workers: a race between concurrent requests with no direct lead.",
  "same IntegrityError is still happening in prod after your get_or_create change, twice a week or so, never locally. we run 8 gunicorn workers behind the LB")
R("haiku", "question", "databases", "terse", None,
  "Well-known ORM distinction, short answer.",
  "select_related vs prefetch_related, quick")
R("sonnet", "refactor", "web", "plain", None,
  "Fixing N+1 queries in a list view with toolbar evidence; routine performance fix with a known approach.",
  "views/orders.py list page does 240 queries according to django-debug-toolbar. get it down, without changing the template output. the slow part is the customer + line items + shipment for each row as far as I can tell")
R("haiku", "docs", "web", "follow-up", None,
  "Adding an explanatory comment; trivial edit.",
  "add a one-line comment above the prefetch explaining why it's there")
R("sonnet", "implement", "web", "plain", None,
  "Adding retry with backoff to a client wrapper; clear spec.",
  "add retries to the fetch wrapper in src/lib/http.ts: exponential backoff with jitter, max 3 attempts, only for network errors, 502/503/504 and 429 (respect Retry-After)")
R("haiku", "edit", "web", "follow-up", None,
  "Changing one numeric parameter.",
  "make max attempts 5")
R("sonnet", "debug", "web", "follow-up", None,
  "Failing test after a recent change with the assertion output pointing at the retry count; identifiable cause.",
  "http.test.ts fails now\n\n  ● fetchJson › does not retry 4xx\n\n    expect(jest.fn()).toHaveBeenCalledTimes(expected)\n\n"
  "    Expected number of calls: 1\n    Received number of calls: 5\n\n      42 |     await expect(fetchJson('/x')).rejects.toThrow('400');\n"
  "    > 43 |     expect(global.fetch).toHaveBeenCalledTimes(1);")
R("opus", "design", "web", "plain", None,
  "Choosing a real-time transport and fan-out architecture with trade-offs; open design.",
  "we need live order status on the customer page. websockets vs SSE vs polling, and how does it fan out across our 6 API pods? we're on node + redis. recommend one and explain why")
R("sonnet", "implement", "web", "follow-up", None,
  "Implementing the chosen design as specified in the previous turn; clear spec now.",
  "ok go with SSE + redis pubsub like you said. implement it in src/realtime/, one channel per order, auth with the existing session middleware. keep it behind the REALTIME_ENABLED flag")
R("sonnet", "implement", "web", "follow-up", None,
  "Bare continue mid-implementation; tie-breaker says sonnet.",
  "keep going")
R("haiku", "explain", "web", "plain", None,
  "Explaining a three-line snippet.",
  "what does this do exactly\n\n```js\nconst ac = new AbortController();\nsetTimeout(() => ac.abort(), 5000);\nawait fetch(url, { signal: ac.signal });\n```")
R("sonnet", "explain", "web", "plain", None,
  "Explaining a function of several dozen lines with non-obvious control flow; non-trivial explanation.",
  "explain what `reconcileCart` in src/features/cart/reconcile.ts is doing. it's like 70 lines and there are three nested reduces, I need to change it tomorrow")
R("haiku", "edit", "web", "typos", None,
  "Fixing a typo in a string; mechanical.",
  "theres a typo in the checkout error toast, says 'paymnet failed'. fix pls")
R("sonnet", "implement", "web", "typos", None,
  "Form validation with explicit rules on one component; routine feature.",
  "add validaton to the address form, postcode per country (DE 5 digits, NL 4 digits + 2 letters, GB the usual), show errors inline under each field. the countries list is in src/data/countries.ts")
R("opus", "review", "security", "plain", None,
  "Reviewing webhook signature verification: timing-safe compare, replay windows, raw body handling; subtle mistakes are vulnerabilities.",
  "review the diff in this branch, it changes how we verify Stripe and GitHub webhook signatures (src/webhooks/verify.ts). we had a replay incident last year so I'd like a proper look, not a skim")
R("sonnet", "review", "web", "plain", None,
  "Routine review of a UI diff with no security or concurrency surface.",
  "review the diff in this branch, it reworks the settings page layout and moves the tabs into their own component. no logic changes supposedly, just moving JSX around and some css")
R("haiku", "explain", "web", "plain", "hard-words-easy",
  "What one response header means is a short well-known answer despite the jargon.",
  "what does `Strict-Transport-Security: max-age=63072000; includeSubDomains; preload` do, and is preload reversible? our security team wants us on the preload list")

# ------------------------------------------------------------------ systems: rust / go / c / c++

R("haiku", "explain", "systems", "plain", None,
  "Explaining a common compiler error code; short well-known answer.",
  "what does rust error E0502 mean in plain words")
R("sonnet", "debug", "systems", "plain", None,
  "Fixing a borrow-checker error in real code needs restructuring the method; routine debugging with a clear message.",
  "fix this in src/cache.rs without cloning the whole map\n\n"
  "error[E0502]: cannot borrow `self.entries` as mutable because it is also borrowed as immutable\n"
  "  --> src/cache.rs:57:13\n   |\n54 |         let hit = self.entries.get(&key);\n"
  "   |                   ------------ immutable borrow occurs here\n...\n57 |             self.entries.insert(key, fresh);\n"
  "   |             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ mutable borrow occurs here\n58 |         }\n59 |         hit.cloned()\n"
  "   |         --- immutable borrow later used here")
R("haiku", "explain", "systems", "follow-up", None,
  "Short explanation of why the previous fix works.",
  "why does the entry API avoid that, in two sentences")
R("opus", "implement", "systems", "terse", "short-hard",
  "Lock-free SPSC ring buffer with correct atomic orderings; subtle memory-model reasoning.",
  "spsc ring buffer in rust, lock-free, justify every Ordering")
R("opus", "debug", "systems", "plain", "short-hard",
  "Crash only in release on one architecture with clean valgrind suggests UB or memory-ordering issues; no lead.",
  "segfault only in --release, only on the arm64 runners. valgrind on x86 is clean. where do I even start")
R("sonnet", "implement", "tooling", "plain", None,
  "Adding a CLI flag and an output mode to an existing command; clear spec.",
  "add a --json flag to `scan` in cmd/scan.go that prints results as a JSON array instead of the table. keep the table as default. there's already a --quiet flag so watch how they interact")
R("haiku", "edit", "tooling", "follow-up", None,
  "Renaming a flag; mechanical.",
  "call it --output=json instead, so we can add csv later")
R("sonnet", "implement", "tooling", "follow-up", None,
  "Adding a second output format with proper escaping; small feature.",
  "and now add csv while you're there")
R("haiku", "question", "systems", "terse", None,
  "Well-known Go idiom.",
  "go: check if key exists in map")
R("sonnet", "debug", "systems", "plain", None,
  "The race detector report names both conflicting accesses; the fix is adding the missing lock.",
  "go test -race ./pkg/cache fails, fix it\n\n==================\nWARNING: DATA RACE\nWrite at 0x00c0001a4030 by goroutine 23:\n"
  "  runtime.mapassign_faststr()\n      /usr/local/go/src/runtime/map_faststr.go:203 +0x0\n"
  "  example.com/app/pkg/cache.(*LRU).Set()\n      /src/pkg/cache/lru.go:61 +0x1b8\n\n"
  "Previous read at 0x00c0001a4030 by goroutine 22:\n  runtime.mapaccess2_faststr()\n"
  "      /usr/local/go/src/runtime/map_faststr.go:108 +0x0\n  example.com/app/pkg/cache.(*LRU).Get()\n"
  "      /src/pkg/cache/lru.go:44 +0x6c\n==================")
R("opus", "debug", "systems", "plain", "easy-words-hard",
  "Stale values under load with a clean race detector points at logic races or ordering across goroutines; no lead.",
  "the cache returns old prices under load every now and then. -race is clean, tests pass, can't reproduce on my machine")
R("haiku", "explain", "systems", "terse", "hard-words-easy",
  "A single attribute's meaning; short factual answer.",
  "what does #[repr(C)] do")
R("haiku", "question", "systems", "plain", "hard-words-easy",
  "The default ordering of atomic increment is a short factual answer despite memory-model vocabulary.",
  "if I write `std::atomic<int> n; n++;` what memory order does that use, seq_cst?")
R("opus", "review", "systems", "plain", None,
  "Checking double-checked locking against the C++ memory model; concurrency correctness review.",
  "is this correct under the C++ memory model or do I have a bug?\n\n```cpp\nConfig* Config::instance() {\n"
  "    Config* p = s_instance.load(std::memory_order_relaxed);\n    if (!p) {\n        std::lock_guard<std::mutex> lk(s_mu);\n"
  "        p = s_instance.load(std::memory_order_relaxed);\n        if (!p) {\n            p = new Config(loadFromDisk());\n"
  "            s_instance.store(p, std::memory_order_relaxed);\n        }\n    }\n    return p;\n}\n```")
R("sonnet", "ops", "systems", "plain", None,
  "A Makefile target with sanitizer flags and a test run; routine build configuration.",
  "add a `make asan` target that builds everything with -fsanitize=address,undefined -fno-omit-frame-pointer -O1 and runs ./build/tests. CI uses clang and most of us use gcc locally, so it has to work with both")
R("haiku", "edit", "systems", "follow-up", None,
  "Setting one environment variable in an existing target.",
  "have it export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 before running")
R("sonnet", "implement", "systems", "plain", None,
  "Porting a small table-driven C routine to Rust with cross-checking tests; clear spec.",
  "port utils/crc32.c to src/crc32.rs, same table-based approach. add tests that compare against the C version's output for a few inputs (hardcode the expected values)")
R("opus", "debug", "systems", "verbose", None,
  "A custom allocator handing out overlapping blocks under multithreaded load is memory corruption with no lead.",
  "our arena allocator in src/arena.c occasionally hands out overlapping blocks, but only under heavy multithreaded "
  "load in the ingest benchmark. each thread is supposed to have its own arena, but there's a shared fallback for "
  "large allocations. I've stared at it for a day. can you read it and tell me what could cause this?")
R("sonnet", "test", "systems", "non-native", None,
  "Writing table-driven tests for an existing parser.",
  "can you write table-driven tests for ParseDuration in internal/timeutil/parse.go? please include also the strange inputs like \"1h-5m\" and \"\", we had bugs in this function two times in this quarter")
R("haiku", "edit", "systems", "follow-up", None,
  "Adding one test case to an existing table; mechanical.",
  "also add a case for \"90s\"")
R("sonnet", "debug", "systems", "follow-up", None,
  "A test failure that reveals a parser bug with a clear expected/actual; routine fix.",
  "the \"1h-5m\" case fails, we return 1h5m. the spec says negative components aren't allowed so it should error. fix the parser not the test and keep the error message consistent with the other parse errors in that file")
R("opus", "design", "systems", "terse", "short-hard",
  "Designing a crash-consistent on-disk format (fsync ordering, torn writes) is hard systems work.",
  "design the WAL format for our kv store so a crash mid-write never corrupts it")
R("sonnet", "implement", "systems", "follow-up", None,
  "Implementing a given format design from the previous turn; clear spec now.",
  "ok implement that format in wal/writer.go and wal/reader.go, with the CRC per record like you described. the reader should stop at the first bad CRC and report the offset")
R("opus", "test", "systems", "follow-up", None,
  "A crash-injection harness for durability needs careful reasoning about fsync and partial writes.",
  "now how do we actually test crash safety? I want something that kills the process at random points and verifies recovery, not just unit tests. we run on linux, ext4 and xfs")
R("haiku", "question", "systems", "plain", None,
  "Short factual CLI answer.",
  "how do I see which symbols a .so exports on linux")
R("sonnet", "debug", "systems", "plain", None,
  "Linker error naming an undefined symbol; identifiable cause in the build config.",
  "cmake build fails at link\n\n/usr/bin/ld: CMakeFiles/ingest.dir/src/compress.c.o: in function `compress_block':\n"
  "compress.c:(.text+0x1a4): undefined reference to `ZSTD_compressCCtx'\ncollect2: error: ld returned 1 exit status\n\n"
  "zstd is installed (libzstd-dev)")
R("opus", "debug", "systems", "typos", "short-hard",
  "Torn reads from a seqlock on ARM is memory-ordering analysis.",
  "my seqlock reader sometimes returns half old half new struct but only on graviton. x86 fine")
R("haiku", "explain", "systems", "plain", None,
  "Explaining a short well-known snippet.",
  "what does `defer mu.Unlock()` right after `mu.Lock()` buy me vs unlocking at the end")
R("sonnet", "refactor", "systems", "plain", None,
  "Replacing panics with error returns across a package; routine refactor touching several files.",
  "internal/config panics on every bad value. change it to return errors up to main and print them nicely, keep the error messages. there are about 20 panic calls in there")
R("sonnet", "refactor", "systems", "follow-up", None,
  "Bare 'try again' after a failed attempt; tie-breaker says sonnet.",
  "try again")
R("opus", "debug", "systems", "plain", None,
  "A throughput cliff at a core count needs profile analysis (contention, false sharing, cache lines); not a known fix.",
  "ingest throughput scales fine to 8 threads then drops by half at 16. perf shows lots of time in a function that just increments per-thread counters. what's going on")
R("sonnet", "implement", "systems", "follow-up", None,
  "Applying a known remedy (padding counters to cache lines) once diagnosed; routine.",
  "yep that's false sharing. pad the counters in stats.h like you said and add a static_assert on the size. check the other hot structs in that header too while you're in there")
R("haiku", "question", "systems", "plain", "hard-words-easy",
  "What a kernel parameter means is a short factual lookup despite the jargon.",
  "what does vm.overcommit_memory=2 mean and why would redis docs tell me to set it to 1")

# ------------------------------------------------------------------ data + ml

R("haiku", "question", "data", "terse", None,
  "A pandas one-liner.",
  "pandas: drop rows where email is null or empty string")
R("haiku", "explain", "data", "plain", None,
  "Explaining a common warning message.",
  "what does SettingWithCopyWarning actually mean, is it safe to ignore")
R("sonnet", "debug", "data", "plain", None,
  "Several chained-assignment sites with one producing wrong output; tracing and fixing across a module.",
  "etl/clean.py throws SettingWithCopyWarning in 6 places and the discount_eur column ends up all NaN in the output. fix it properly. there's a fixture in tests/fixtures/orders_small.csv you can run it against")
R("sonnet", "implement", "data", "plain", None,
  "A dbt model following existing conventions; clear spec.",
  "write a dbt model models/marts/daily_active_users.sql from stg_events, one row per day per platform, follow the style of the other marts (CTEs, final select)")
R("haiku", "edit", "data", "follow-up", None,
  "Adding one column/filter to a just-written model; small edit.",
  "exclude internal users, there's an is_internal flag on stg_users")
R("sonnet", "test", "data", "follow-up", None,
  "Adding schema tests for a model; routine.",
  "add dbt tests: unique on (day, platform), not_null on everything, and accepted_values for platform. the model is models/marts/daily_active_users.sql, schema.yml is next to it")
R("opus", "debug", "data", "plain", "easy-words-hard",
  "Missing data only at month boundaries with no lead; likely timezone/partition interplay needing a theory across jobs.",
  "the nightly export is missing the last hour of data, but only on the first day of each month. the other days are fine. the export runs at 01:00 from cron on a box in Frankfurt and reads from the warehouse")
R("opus", "plan", "data", "verbose", None,
  "A backfill that must not double count while live writes continue; consistency and ordering under concurrency.",
  "we need to backfill 3 years of events into the new partitioned events_v2 table. the live pipeline is already writing "
  "new events into it and can't be paused. how do we do the backfill without double counting or gaps around the cutover, "
  "and how do we verify it afterwards?")
R("sonnet", "debug", "data", "non-native", None,
  "Spark OOM with a clear skew signal from the stage metrics; known remedies (salting, broadcast).",
  "the spark job in jobs/attribution.py is going OOM on the join with campaigns. in spark UI one task has 40GB of shuffle read and all others only ~200MB. please fix it, we are on spark 3.4 on EMR")
R("opus", "debug", "data", "plain", "easy-words-hard",
  "A 3x regression after an engine upgrade with no errors needs plan/profile analysis; no lead.",
  "same spark job, same data, got 3x slower after going from 3.3 to 3.5. nothing fails. what changed?")
R("haiku", "question", "data", "plain", None,
  "A short SQL select over one table.",
  "sql: top 10 customers by total order amount in 2024 from the orders table (customer_id, amount, created_at). amount is numeric, created_at is timestamptz")
R("sonnet", "implement", "data", "plain", None,
  "Writing an incremental load with a watermark; everyday pipeline work.",
  "make the orders load in pipelines/orders.py incremental: keep a watermark on updated_at in the state table, upsert into the warehouse, full refresh only with --full")
R("sonnet", "implement", "data", "follow-up", None,
  "Continuing the same pipeline change after an interruption; bare 'go on' is sonnet.",
  "go on")
R("haiku", "edit", "data", "follow-up", None,
  "Renaming a CLI flag; mechanical.",
  "rename --full to --full-refresh, dbt people will expect that")
R("opus", "debug", "data", "follow-up", "easy-words-hard",
  "Rows missing from an incremental load with a timestamp watermark implies transaction-visibility/commit-order issues; subtle consistency reasoning.",
  "ok so after a week on the incremental load we're missing a handful of orders, maybe 20 out of 200k. they exist in postgres, they just never made it over")
R("haiku", "question", "ml", "plain", None,
  "Short conceptual answer.",
  "difference between model.eval() and torch.no_grad(), do I need both at inference")
R("sonnet", "implement", "ml", "plain", None,
  "Adding early stopping to a training loop with configured patience; clear spec.",
  "add early stopping to train.py on val loss, patience and min_delta from configs/train.yaml, save the best checkpoint not the last. we use a plain pytorch loop, no lightning yet")
R("opus", "debug", "ml", "plain", "short-hard",
  "NaN loss appearing only under bf16 multi-GPU at large step counts needs numerical and distributed reasoning; no lead.",
  "loss goes nan around step 40k, only bf16 + 8 gpus. fp32 single gpu is fine to 100k")
R("sonnet", "implement", "ml", "typos", None,
  "A PyTorch Dataset over existing files with a defined schema; routine.",
  "write a torch Dataset for the parquet shards in data/processed/*.parquet (colums text, label). tokenize lazily w/ the tokenizer we alredy load in model.py")
R("haiku", "explain", "ml", "plain", "hard-words-easy",
  "Explaining one metric in a log line; short answer despite the vocabulary.",
  "what does kl=0.013 mean in the PPO trainer log, is that good or bad")
R("opus", "design", "ml", "verbose", None,
  "Designing an evaluation harness without labelled data is open design with methodological trade-offs.",
  "we need an evaluation harness for our RAG assistant. no labelled data yet, around 20k internal docs, and we want to "
  "catch regressions between releases (retriever changes, prompt changes, model swaps). what would you build, and what "
  "would you measure first?")
R("sonnet", "debug", "ml", "plain", None,
  "Device mismatch error with a trace to the line; identifiable cause.",
  "fix\n\n  File \"/repo/eval.py\", line 73, in score\n    logits = model(batch[\"input_ids\"], attention_mask=mask)\n"
  "RuntimeError: Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu! "
  "(when checking argument for argument mask in method wrapper_CUDA__masked_fill)")
R("haiku", "edit", "ml", "follow-up", None,
  "Changing a hard-coded value to read from config; trivial edit.",
  "make the batch size in eval.py come from args instead of the hardcoded 32")
R("sonnet", "refactor", "ml", "verbose", None,
  "Replacing a hand-written loop with a library trainer while keeping behaviour; module-level refactor.",
  "I'd like to move train.py over to lightning. The hand-written loop has grown a lot of ad-hoc stuff (grad clipping, AMP, "
  "a custom LR warmup, checkpoint every N steps) and nobody wants to touch it. Keep the same optimizer/scheduler setup and "
  "the wandb run names, and checkpoints should stay loadable by infer.py. Tell me first if anything can't be carried over one-to-one")
R("opus", "debug", "ml", "non-native", "easy-words-hard",
  "Train/serve skew with identical code needs a theory across preprocessing, versions and data; no lead.",
  "the model has 0.91 offline but in production the click-through is more bad than with the old model. the features are the same, they come from the same feature store in both places. why it can be?")
R("haiku", "question", "ml", "terse", "hard-words-easy",
  "A well-known definition.",
  "what's a 'logit' exactly")
R("sonnet", "implement", "ml", "plain", None,
  "Integrating an experiment tracker into an existing script; routine library integration.",
  "log the eval metrics in eval.py to mlflow, same experiment name as training, attach the confusion matrix png as an artifact. the tracking uri is already set in the env on the training boxes")
R("opus", "plan", "ml", "plain", None,
  "Planning a serving migration across GPUs with latency SLOs and rollback is a large multi-step plan.",
  "plan how we move inference from the flask + torch setup to vllm on our k8s cluster. p95 must stay under 800ms, we can't have downtime, and we need a way to compare outputs before cutover")
R("haiku", "edit", "data", "plain", "long-trivial",
  "Converting a small JSON config to YAML is mechanical.",
  "convert to yaml\n\n{\n  \"source\": {\"type\": \"postgres\", \"dsn_env\": \"PG_DSN\", \"tables\": [\"orders\", \"order_items\", \"customers\"]},\n"
  "  \"sink\": {\"type\": \"bigquery\", \"project\": \"acme-analytics\", \"dataset\": \"raw_shop\"},\n"
  "  \"schedule\": \"0 2 * * *\",\n  \"incremental\": {\"column\": \"updated_at\", \"lookback_minutes\": 30},\n"
  "  \"alerts\": {\"slack_channel\": \"#data-alerts\", \"on\": [\"failure\", \"late\"]}\n}")
R("haiku", "question", "data", "typos", None,
  "A short regex.",
  "regex for a german iban, just the format check not the checksum")
R("sonnet", "implement", "data", "follow-up", None,
  "Implementing the mod-97 checksum and wiring it into a validator with tests; small but multi-step.",
  "ok now do the checksum too, in validators/iban.py, with tests for a couple of real-format examples (DE, NL and GB at least)")
R("sonnet", "explain", "data", "plain", None,
  "Explaining a window-function-heavy query of moderate size.",
  "explain this query from reports/retention.sql to me, the LAG over the partition and the date_trunc bits especially. it's 60 lines. I need to add a 90-day retention column next to the 30-day one")
R("haiku", "edit", "data", "plain", None,
  "Reformatting a SQL file; mechanical.",
  "format reports/retention.sql with sqlfluff rules we use (uppercase keywords, trailing commas), don't change logic. the config is in .sqlfluff at the repo root")
R("opus", "design", "data", "terse", "short-hard",
  "Exactly-once sinks from a streaming job involve transactional semantics and failure reasoning.",
  "flink -> postgres sink, exactly-once. how")
R("sonnet", "implement", "data", "plain", None,
  "Airflow DAG with defined tasks and schedule; routine pipeline work.",
  "write an airflow DAG dags/shop_export.py: extract orders with the existing PostgresHook, write parquet to s3://acme-lake/shop/orders/dt={{ds}}/, then trigger the glue crawler. daily 02:00 UTC, 2 retries")
R("sonnet", "debug", "data", "follow-up", None,
  "DAG import error with a clear message; routine fix.",
  "the DAG doesn't show up, airflow says\n\nBroken DAG: [/opt/airflow/dags/shop_export.py] Traceback (most recent call last):\n"
  "  File \"/opt/airflow/dags/shop_export.py\", line 9, in <module>\n    from airflow.providers.amazon.aws.operators.glue_crawler import GlueCrawlerOperator\n"
  "ModuleNotFoundError: No module named 'airflow.providers.amazon'")
R("haiku", "question", "data", "follow-up", None,
  "Naming the pip package for a provider; short factual answer.",
  "which pip package is that")

# ------------------------------------------------------------------ infrastructure

R("haiku", "ops", "infrastructure", "terse", None,
  "A single kubectl command.",
  "kubectl logs for the previous crashed container of pod api-7d9f8c-xk2lp")
R("sonnet", "implement", "infrastructure", "plain", None,
  "Terraform for one bucket with a clear list of requirements; routine IaC.",
  "terraform in infra/modules/lake: s3 bucket with versioning, SSE-KMS using the key from modules/kms, block all public access, lifecycle to glacier after 90 days, expire noncurrent versions after 30")
R("haiku", "edit", "infrastructure", "follow-up", None,
  "Changing one lifecycle number.",
  "make it 180 days not 90")
R("sonnet", "debug", "infrastructure", "follow-up", None,
  "Terraform cycle error names the resources involved; identifiable cause.",
  "plan fails\n\nError: Cycle: module.lake.aws_s3_bucket_policy.this, module.kms.aws_kms_key.lake, module.lake.aws_s3_bucket.this, module.kms.data.aws_iam_policy_document.key")
R("opus", "plan", "infrastructure", "verbose", None,
  "Splitting a large Terraform state without downtime or drift is a risky multi-step migration.",
  "our terraform is one giant state with ~1400 resources across dev/stage/prod and plans take 12 minutes. I want "
  "per-environment, per-layer states (network, data, apps). plan the migration so we never destroy/recreate anything "
  "and nobody is blocked for more than a day")
R("opus", "debug", "infrastructure", "plain", "easy-words-hard",
  "A pod silently stops receiving traffic while ready, fixed by restart; needs a theory across kube-proxy, conntrack, app and LB; no lead.",
  "every few days one of our pods just stops getting traffic. it's still Running and Ready. restarting it fixes it. nothing in its logs")
R("haiku", "explain", "infrastructure", "typos", None,
  "One deployment setting's meaning; short factual answer.",
  "wat does maxSurge: 25% mean for a deploymnet with 6 replicas, does it round up")
R("sonnet", "refactor", "infrastructure", "verbose", None,
  "Turning a bloated image into a multi-stage build; routine container work.",
  "The image built from services/api/Dockerfile is 1.8GB, which makes our deploys slow and the registry bill silly. It's a "
  "python 3.12 fastapi app managed with poetry; the Dockerfile installs build-essential and never removes it, and copies "
  "the whole repo including tests. Please make it multi-stage and slim it down. The prod image must still run migrations on "
  "start via the entrypoint script")
R("haiku", "edit", "infrastructure", "follow-up", None,
  "Swapping a base image tag.",
  "use python:3.12-slim not alpine for the runtime stage")
R("sonnet", "debug", "infrastructure", "follow-up", None,
  "Build failure with a clear missing-compiler error; known fix.",
  "build fails now\n\n  error: command 'gcc' failed: No such file or directory\n  [end of output]\n"
  "  note: This error originates from a subprocess, and is likely not a problem with pip.\n"
  "  ERROR: Failed building wheel for psycopg2")
R("opus", "design", "infrastructure", "verbose", None,
  "Multi-region failover with an RPO target is architecture with consistency trade-offs.",
  "So after the eu-west-1 outage last month management wants a real disaster recovery story. Today everything is in one "
  "region: the API on EKS, postgres on RDS (multi-AZ), redis, S3. The targets they gave us are RPO under a minute and RTO "
  "under 15 minutes. Budget matters, we can't double the RDS bill. Can you design the failover setup, including how the "
  "switch is triggered and how we fail back afterwards?")
R("haiku", "question", "infrastructure", "plain", None,
  "A single CLI command.",
  "docker command to remove all dangling images and stopped containers")
R("sonnet", "ops", "infrastructure", "plain", None,
  "A Helm chart values change plus HPA for one service; routine.",
  "add an HPA to the worker chart in charts/worker: cpu 70%, min 2 max 12, and expose the values in values.yaml with sane defaults. the worker is the celery deployment, it already has resource requests set")
R("opus", "debug", "infrastructure", "follow-up", "easy-words-hard",
  "Oscillating autoscaling interacting with queue consumers needs control-loop analysis across components.",
  "the HPA keeps flapping between 2 and 12 every few minutes and the queue never drains. cpu isn't really the right signal is it")
R("sonnet", "implement", "infrastructure", "follow-up", None,
  "Switching the HPA to a queue-length metric via a known adapter; defined steps.",
  "ok, switch it to scale on the rabbitmq queue depth with KEDA like you suggested")
R("haiku", "question", "infrastructure", "plain", "hard-words-easy",
  "What a config field means; short lookup answer.",
  "in our istio VirtualService what does `retries.perTryTimeout` do vs `timeout`")
R("sonnet", "ops", "infrastructure", "plain", None,
  "Writing a GitHub Actions release workflow with clear steps.",
  "workflow that builds the docker image on every v* tag, pushes to ghcr.io/acme/api with the tag and latest, uses buildx cache. the repo already has a Dockerfile at the root that builds fine locally")
R("opus", "review", "infrastructure", "plain", None,
  "Reviewing IAM policies for privilege escalation paths is a security review.",
  "review the IAM roles in infra/iam/*.tf for privilege escalation paths. CI role, the app role and the break-glass one. the break-glass role is assumable by three people via SSO")
R("haiku", "ops", "infrastructure", "typos", None,
  "A single command.",
  "how do i see which process is listening on port 5432")
R("sonnet", "debug", "infrastructure", "plain", None,
  "CrashLoopBackOff with logs pointing at a missing env var; identifiable cause.",
  "api pod in crashloop, logs:\n\n{\"level\":\"fatal\",\"msg\":\"config: required key DATABASE_URL missing\",\"ts\":\"2024-04-02T08:11:03Z\"}\n\n"
  "it worked yesterday, the only change was moving secrets to external-secrets (infra/k8s/api/externalsecret.yaml)")

# ------------------------------------------------------------------ security

R("opus", "review", "security", "plain", None,
  "JWT verification with multiple issuers risks algorithm/key confusion; security review.",
  "review auth/jwt.go. we accept tokens from two issuers (our own HS256 and Auth0 RS256) and I'm worried about key confusion. both go through the same Verify() and we pick the key by the kid header")
R("haiku", "explain", "security", "plain", "hard-words-easy",
  "Explaining a well-known vulnerability class in a sentence or two.",
  "what's the 'alg none' JWT thing people warn about, short version")
R("opus", "implement", "security", "plain", None,
  "Password hash migration with rehash-on-login; a subtle mistake is an auth vulnerability.",
  "replace the sha256 password hashing in users/service.py with argon2id, and migrate existing users by rehashing on their next successful login. there are ~2M users and about a third haven't logged in for a year")
R("haiku", "ops", "security", "terse", None,
  "A shell one-liner.",
  "shell: random 32 byte hex secret")
R("opus", "design", "security", "plain", "short-hard",
  "Threat model for user-uploaded SVGs rendered in an app; security analysis.",
  "threat model for letting users upload SVG logos that we show in the dashboard and in emails")
R("sonnet", "implement", "security", "typos", None,
  "Adding CSP headers with a known allow-list via an existing library; routine config with care.",
  "add CSP via helmet in server.ts. alow our cdn (cdn.acme.io), stripe js and the sentry ingest, report-only first. weve never had a CSP so i expect alot of violations, want to see them in sentry before enforcing")
R("haiku", "question", "security", "plain", None,
  "Short factual answer about tool output.",
  "npm audit says 3 moderate 1 high. what's the actual difference between those levels, who assigns them? the PR is blocked on it")
R("opus", "review", "security", "terse", "short-hard",
  "XML signature wrapping is a subtle auth bypass class; security review of SAML code.",
  "are we vulnerable to saml signature wrapping? code is in auth/saml/")
R("sonnet", "implement", "security", "plain", None,
  "Rate limiting a login endpoint with an existing redis and library; clear spec.",
  "rate limit POST /login: 5 attempts per 15 min per (ip, username), use the redis we already have and express-rate-limit, return 429 with Retry-After. same generic error message whether the username exists or not")
R("opus", "review", "security", "follow-up", None,
  "Checking a rate limiter for bypasses (IP spoofing via headers, username enumeration) is a security review.",
  "can an attacker get around what you just wrote? we're behind cloudflare and an ALB")
R("haiku", "explain", "security", "plain", "hard-words-easy",
  "Explaining what a standard header/flag does.",
  "what do HttpOnly and Secure do on a cookie, 2 lines")
R("opus", "design", "security", "non-native", None,
  "Key management and rotation design for encrypting customer data; cryptography with high stakes.",
  "we must encrypt the PII columns of customers at rest in postgres, with one key per tenant and rotation. how this should work? we are on AWS and we have KMS. the search by email must continue to work")
R("opus", "implement", "security", "terse", "short-hard",
  "Implementing an authenticated key exchange correctly is cryptography where small mistakes are vulnerabilities.",
  "noise XX handshake over our tcp transport, rust, snow crate is not allowed")
R("haiku", "edit", "security", "plain", "hard-words-easy",
  "Updating a version pin in one file is mechanical.",
  "bump cryptography to 42.0.5 in requirements.txt, the CVE scanner flagged 41.x")
R("sonnet", "debug", "security", "plain", None,
  "TLS error with a clear cause (missing intermediate); routine ops debugging.",
  "curl to our staging api fails with `SSL certificate problem: unable to get local issuer certificate` but browsers are fine. nginx conf is in deploy/nginx/staging.conf")

# ------------------------------------------------------------------ databases

R("haiku", "question", "databases", "terse", None,
  "A single-table SELECT.",
  "sql count orders per status")
R("sonnet", "implement", "databases", "plain", None,
  "A migration with a backfill and known steps.",
  "alembic migration: split users.full_name into first_name and last_name, backfill (split on last space), keep full_name for now. some names have no space and some have several, handle those")
R("opus", "plan", "databases", "follow-up", None,
  "Running that change online on a 300M-row production table needs a zero-downtime multi-step plan.",
  "that table has 300M rows in prod and we can't take downtime. the app writes to full_name constantly. plan how we actually roll this out")
R("haiku", "explain", "databases", "plain", "hard-words-easy",
  "What one SQL clause does; short well-known answer.",
  "what does SKIP LOCKED do in SELECT ... FOR UPDATE SKIP LOCKED")
R("opus", "debug", "databases", "plain", None,
  "Jobs running twice despite SKIP LOCKED implies transaction-scope/visibility issues across workers; concurrency debugging.",
  "our job queue uses SELECT ... FOR UPDATE SKIP LOCKED and some jobs still run twice. maybe 1 in 10k. workers in worker/queue.py. the handler commits its results in a separate transaction from the one that claims the job")
R("sonnet", "debug", "databases", "plain", None,
  "EXPLAIN shows a seq scan on an unindexed filter; known fix.",
  "this takes 9 seconds, why\n\nSELECT * FROM shipments WHERE tracking_number = 'JD014600003812345678';\n\n"
  "Seq Scan on shipments  (cost=0.00..412873.20 rows=1 width=312) (actual time=8123.4..9011.7 rows=1 loops=1)\n"
  "  Filter: (tracking_number = 'JD014600003812345678'::text)\n  Rows Removed by Filter: 11840221\nPlanning Time: 0.09 ms\nExecution Time: 9011.8 ms")
R("haiku", "edit", "databases", "follow-up", None,
  "A one-line CREATE INDEX CONCURRENTLY migration; mechanical.",
  "write the migration for that index, concurrently")
R("opus", "debug", "databases", "plain", "easy-words-hard",
  "Sudden slowness with the same plan and no deploy needs a theory (bloat, vacuum, IO, locks); no lead.",
  "queries got slow since yesterday afternoon. same plans, nothing deployed, same traffic. postgres 14, 2TB")
R("haiku", "question", "databases", "plain", None,
  "A single Mongo query.",
  "mongo query for docs where tags array contains 'beta'")
R("haiku", "explain", "databases", "plain", "hard-words-easy",
  "A textbook definition.",
  "explain phantom reads in one paragraph")
R("opus", "design", "databases", "plain", None,
  "Choosing an isolation strategy for money transfers with justification; consistency reasoning with high stakes.",
  "pick the isolation level for ledger transfers and justify it. current code in ledger/transfer.sql runs at read committed with a SELECT balance then UPDATE")
R("sonnet", "implement", "databases", "plain", None,
  "Writing a repository layer for one table with given methods; routine.",
  "add a Postgres repo for the coupons table in internal/store/coupons.go: Get, ListActive, Redeem (increment used_count), using sqlc like the other stores")
R("opus", "debug", "databases", "follow-up", "easy-words-hard",
  "Over-redemption under concurrent requests is a lost-update race needing locking/constraint reasoning.",
  "coupons with max_uses=100 end up with 103 or 104 redemptions on busy days")
R("haiku", "question", "databases", "typos", None,
  "A short psql fact.",
  "psql how to list all tables in a schema thats not public")
R("sonnet", "debug", "databases", "plain", None,
  "Deadlock log names both statements and tables; ordering fix is identifiable.",
  "getting this a few times a day, both statements are in billing/close_period.py\n\n"
  "ERROR:  deadlock detected\nDETAIL:  Process 41233 waits for ShareLock on transaction 9918231; blocked by process 41240.\n"
  "Process 41240 waits for ShareLock on transaction 9918229; blocked by process 41233.\n"
  "Process 41233: UPDATE invoices SET status='closed' WHERE account_id=$1\n"
  "Process 41240: UPDATE accounts SET balance_cents=balance_cents-$1 WHERE id=$2\n"
  "HINT:  See server log for query details.")
R("sonnet", "implement", "databases", "plain", None,
  "A migration script with known steps and data copy between two columns types.",
  "migration to change orders.amount from numeric to bigint cents. multiply by 100, round half up, fail loudly if anything has more than 2 decimals. it's a django project so a RunPython migration is fine")
R("opus", "design", "databases", "plain", None,
  "Choosing a sharding key and resharding strategy for a growing table is design with trade-offs.",
  "events table is 4TB and growing 300GB a month. do we partition, shard with citus, or move it out of postgres? how would you decide. most queries hit the last 30 days but finance runs yearly reports on it")
R("haiku", "edit", "databases", "plain", "long-trivial",
  "Uppercasing SQL keywords across a pasted query is mechanical.",
  "uppercase the keywords in this, nothing else\n\nselect o.id, o.created_at, c.email, sum(i.qty * i.unit_price_cents) as total_cents\n"
  "from orders o\njoin customers c on c.id = o.customer_id\njoin order_items i on i.order_id = o.id\n"
  "where o.created_at >= now() - interval '30 days'\n  and o.status in ('paid', 'shipped')\n"
  "group by o.id, o.created_at, c.email\nhaving sum(i.qty * i.unit_price_cents) > 100000\norder by total_cents desc\nlimit 50;")

# ------------------------------------------------------------------ mobile

R("haiku", "explain", "mobile", "plain", "hard-words-easy",
  "Short factual Swift concurrency answer.",
  "what does @MainActor on a class actually guarantee in swift? does it apply to the async methods too")
R("sonnet", "implement", "mobile", "plain", None,
  "Adding pull-to-refresh reusing an existing thunk; routine feature.",
  "add pull-to-refresh to the OrdersList screen (src/screens/OrdersList.tsx, react native). reuse the fetchOrders thunk, show the spinner only on manual refresh, not on the first load")
R("haiku", "edit", "mobile", "follow-up", None,
  "Changing a color prop; trivial.",
  "make the refresh spinner use theme.colors.primary")
R("opus", "debug", "mobile", "verbose", None,
  "Launch crashes for a fraction of users with only EXC_BAD_ACCESS in objc_msgSend and no symbols; no lead, memory corruption class.",
  "since 4.12 about 0.3% of iOS users crash on launch. crashlytics only shows EXC_BAD_ACCESS KERN_INVALID_ADDRESS in "
  "objc_msgSend, no useful frames from our code, and the dSYM upload apparently failed for that build. we changed a lot "
  "in that release (new analytics SDK, swift 5.10, moved to SPM). how do we narrow this down?")
R("sonnet", "debug", "mobile", "plain", None,
  "The exception and trace point at a view touched off the UI thread; identifiable cause.",
  "crash on the profile screen\n\nandroid.view.ViewRootImpl$CalledFromWrongThreadException: Only the original thread that created a view hierarchy can touch its views.\n"
  "    at android.view.ViewRootImpl.checkThread(ViewRootImpl.java:11131)\n    at android.widget.TextView.setText(TextView.java:6921)\n"
  "    at com.acme.app.profile.ProfileFragment$loadAvatar$1.onResponse(ProfileFragment.kt:88)\n"
  "    at okhttp3.internal.connection.RealCall$AsyncCall.run(RealCall.kt:519)")
R("haiku", "ops", "mobile", "terse", None,
  "A single build command.",
  "gradle command for a release aab")
R("opus", "design", "mobile", "plain", None,
  "Offline-first sync with concurrent edits needs conflict-resolution design; distributed consistency.",
  "field techs edit the same work orders offline on tablets and sync hours later. design the sync + conflict resolution. today it's last-write-wins and people lose notes")
R("sonnet", "implement", "mobile", "follow-up", None,
  "Implementing one agreed piece of the earlier design with defined behaviour.",
  "start with the notes field only: make it an append-only list of entries like you proposed, server merges by entry id. do the server side in api/workorders/ first")
R("haiku", "question", "mobile", "plain", "hard-words-easy",
  "A config key lookup despite intimidating names.",
  "what's NSAppTransportSecurity > NSAllowsArbitraryLoads in Info.plist and do we still need it if everything is https now. the app only talks to our api and firebase")
R("sonnet", "debug", "mobile", "plain", None,
  "Build error names a duplicate class from two dependency versions; known fix.",
  "android build broke after adding the maps sdk\n\nExecution failed for task ':app:checkDebugDuplicateClasses'.\n"
  "> Duplicate class com.google.android.gms.internal.common.zza found in modules play-services-basement-18.1.0 "
  "(com.google.android.gms:play-services-basement:18.1.0) and play-services-basement-18.3.0")
R("opus", "debug", "mobile", "plain", "easy-words-hard",
  "Background task killed intermittently on some devices needs a theory across OS power management and app lifecycle.",
  "on some android phones the upload of photos just stops halfway if the user leaves the app. on pixels it's fine. we use WorkManager")
R("sonnet", "refactor", "mobile", "plain", None,
  "Migrating a screen from callbacks to coroutines with existing patterns; routine refactor.",
  "convert ProfileRepository.kt from callbacks to suspend functions, and update ProfileViewModel to use viewModelScope. keep the public method names. the tests use MockWebServer")
R("haiku", "edit", "mobile", "follow-up", None,
  "Reverting the last change; mechanical.",
  "undo the viewmodel part, another PR is touching it. keep the repository change")
R("sonnet", "test", "mobile", "follow-up", None,
  "Writing unit tests for a repository with coroutines; routine.",
  "write tests for the new suspend functions with runTest and the fake api we have in test/fakes/. cover the error path where the api returns 500 too")
R("opus", "review", "mobile", "plain", None,
  "Reviewing token storage and certificate pinning in a mobile app is a security review.",
  "review how the app stores the refresh token and does cert pinning (ios/Auth/TokenStore.swift, android/.../auth/). pentest is in two weeks. android uses EncryptedSharedPreferences, ios the keychain")
R("haiku", "question", "mobile", "non-native", None,
  "Short factual answer.",
  "in flutter what is difference of StatelessWidget and StatefulWidget, when I must use which one? I read the docs but still not clear for me")
R("sonnet", "implement", "mobile", "non-native", None,
  "Deep link handling with a defined route table; routine feature.",
  "please add deep link for acme://order/{id} and https://acme.io/o/{id} in the app, it should open OrderDetail screen. we are using react-navigation 6. it must work also when app is closed")
R("sonnet", "debug", "mobile", "follow-up", None,
  "Deep link only failing on cold start is a common lifecycle issue with a known fix.",
  "works when the app is open but on cold start it just lands on home")

# ------------------------------------------------------------------ tooling / general

R("haiku", "ops", "tooling", "terse", None,
  "One git command.",
  "undo last commit keep changes")
R("haiku", "docs", "tooling", "follow-up", None,
  "Writing a commit message for staged changes.",
  "write a commit message for what's staged")
R("sonnet", "ops", "tooling", "plain", None,
  "Setting up pre-commit with several tools and shared config; routine tooling.",
  "set up pre-commit for this repo: ruff (lint + format), mypy with the settings already in pyproject, and a check that nobody commits .env files. CI should run pre-commit too")
R("sonnet", "debug", "tooling", "follow-up", None,
  "mypy errors from a newly enabled hook with named causes; routine fixes.",
  "mypy hook finds 31 errors, mostly missing stubs and Optional stuff. fix the real ones, add stub packages for the rest, don't blanket ignore. about half of them are in the old reports/ package")
R("haiku", "explain", "tooling", "non-native", None,
  "A well-known shell idiom.",
  "please explain me what `set -euo pipefail` is doing, and is there some problem when I use pipefail together with grep?")
R("sonnet", "implement", "tooling", "typos", None,
  "A script combining git blame and text search into CSV; several steps.",
  "bash or python script: list evry TODO/FIXME in the repo with file, line, author and date from git blame, output csv sorted by date. skip vendor/ and node_modules pls")
R("opus", "plan", "tooling", "plain", None,
  "Splitting a monorepo with shared libraries while preserving history and CI is a large multi-step plan.",
  "we want to split the monorepo into 3 repos (web, api, data) but keep history and the shared libs in libs/. make a plan, including how the shared libs get versioned afterwards")
R("sonnet", "refactor", "tooling", "plain", None,
  "Converting a legacy eslint config to flat config has semantic differences; careful but routine.",
  "convert .eslintrc.cjs to the flat eslint.config.js format. we use typescript-eslint, react, import and a couple of overrides for tests. eslint 9, node 20")
R("haiku", "edit", "tooling", "plain", "long-trivial",
  "Converting a short YAML snippet to TOML is mechanical.",
  "convert this to toml for pyproject\n\nblack:\n  line-length: 100\n  target-version: [py311]\nisort:\n  profile: black\n"
  "  known_first_party: [acme]\npytest:\n  addopts: -q --strict-markers\n  testpaths: [tests]\n  markers:\n"
  "    - slow: marks tests as slow\n    - integration: needs docker")
R("haiku", "question", "general", "plain", None,
  "Short factual answer.",
  "what's the difference between semver ^1.2.3 and ~1.2.3")
R("sonnet", "docs", "general", "plain", None,
  "Writing a README from the code for a module requires reading and summarising several files.",
  "write a README for packages/sdk: install, auth, the 5 main client methods with examples from the tests, and error handling. read the code, don't invent options")
R("haiku", "docs", "general", "follow-up", None,
  "Trimming a section; small text edit.",
  "shorter. cut the error handling section to 3 bullet points")
R("opus", "design", "general", "verbose", "easy-words-hard",
  "Plain words but it's an open API versioning and deprecation design with compatibility trade-offs.",
  "we keep breaking the mobile apps when we change the API because old app versions stick around for months. how "
  "should we change the way we build and release the API so this stops happening?")
R("haiku", "question", "general", "terse", None,
  "Short factual answer.",
  "utf-8 vs utf-16, which does js use internally")
R("sonnet", "implement", "tooling", "plain", None,
  "A changelog generator from conventional commits; clear spec.",
  "script in scripts/changelog.ts that reads conventional commits since the last tag and prepends a section to CHANGELOG.md grouped by feat/fix/perf, with PR links")
R("haiku", "docs", "tooling", "plain", None,
  "A changelog line; small text task.",
  "changelog line for: fixed crash when exporting a report with no rows")
R("haiku", "ops", "tooling", "typos", None,
  "One git command.",
  "git how to see what changed in a file between two tags")
R("sonnet", "ops", "tooling", "plain", None,
  "Bisecting a regression with a test command is several steps but routine.",
  "use git bisect to find which commit broke `pytest tests/test_export.py::test_csv_encoding`. good is v2.3.0, bad is HEAD. run it automatically. the test takes about 20 seconds")
R("sonnet", "debug", "tooling", "follow-up", None,
  "Given the bisected commit and failing test, fixing the regression is routine debugging.",
  "ok it's a3f91e2 (\"switch csv writer to stdlib\"). fix the regression without reverting the whole commit. the failing input has latin-1 characters in the customer name")
R("haiku", "question", "general", "plain", "hard-words-easy",
  "A textbook definition despite heavy vocabulary.",
  "what does 'idempotent' mean for an HTTP method, and which ones are")
R("opus", "design", "general", "terse", "short-hard",
  "Designing a CRDT for a shared text field is a novel-algorithm level task.",
  "crdt for our shared notes field, text, needs intent-preserving merges")
R("haiku", "edit", "general", "plain", None,
  "Adding docstrings to a few short functions is mechanical.",
  "add docstrings to the three public functions in utils/money.py, google style, don't touch the code")
R("sonnet", "test", "general", "follow-up", None,
  "Property-based tests for money arithmetic; writing tests for existing code.",
  "now property-based tests for those with hypothesis: rounding, add/sub round trips, currency mismatch raises. put them in tests/test_money_props.py")
R("sonnet", "debug", "general", "follow-up", None,
  "Hypothesis found a falsifying example; the cause is identifiable from it.",
  "hypothesis found one\n\nFalsifying example: test_split_sums_to_total(\n    amount=Money(cents=1, currency='EUR'),\n    parts=3,\n)\n"
  "AssertionError: assert 0 == 1\n  +  where 0 = sum([0, 0, 0])\n\nfix split(), the remainder has to go somewhere")
R("opus", "question", "general", "plain", "short-hard",
  "A proof of termination/correctness is formal reasoning.",
  "prove that our retry backoff in lib/retry.py always terminates and bound the total wait")

# ------------------------------------------------------------------ minimal pairs across tier boundaries

R("haiku", "explain", "general", "plain", None,
  "Explaining one short regex.",
  "explain this password regex from validators.py: `^(?=.*\\d)(?=.*[a-z])(?=.*[A-Z]).{12,}$`")
R("sonnet", "explain", "tooling", "plain", None,
  "Explaining a dynamic regex builder of several dozen lines; non-trivial code explanation.",
  "explain what build_rules() in lint/rules.py does. it builds regexes on the fly from rules.yaml and I can't tell which flags end up where. it's about 70 lines")
R("haiku", "question", "databases", "plain", None,
  "A single-table SELECT.",
  "write a SELECT for users who signed up in the last 7 days, newest first (users.created_at), just the query, I'll run it in psql")
R("sonnet", "implement", "databases", "plain", None,
  "A migration adding a column plus a backfill from another table; known steps.",
  "write the migration that adds users.signup_source and backfills it from the first 'signup' row per user in events (props->>'source'), default 'unknown'")
R("sonnet", "debug", "tooling", "plain", None,
  "A deterministic test failure with assertion output; identifiable cause.",
  "test_checkout_total fails on main, output:\n\n>       assert total == Decimal(\"107.10\")\nE       AssertionError: assert Decimal('107.09') == Decimal('107.10')\n\n"
  "tests/test_checkout.py:112: AssertionError\n\nthe tax change from yesterday probably")
R("opus", "debug", "tooling", "plain", "easy-words-hard",
  "A flaky failure with no pattern and no local repro needs a theory (ordering, shared state, time); no lead.",
  "test_checkout_total fails maybe once every 40 CI runs. never locally. reruns pass. no pattern I can see in which runner")
R("sonnet", "implement", "web", "plain", None,
  "Implementing a written spec (token bucket in redis); everyday feature work.",
  "implement the rate limiter described in docs/rate-limit.md: token bucket per api key in redis via a lua script, headers X-RateLimit-Remaining/Reset, 429 on empty")
R("opus", "design", "web", "plain", None,
  "Designing global rate limiting without an algorithm chosen, across regions; open design with consistency trade-offs.",
  "design rate limiting for our public API. 3 regions, per-key monthly quotas plus burst limits, customers hate being limited wrongly. we haven't picked an algorithm")
R("sonnet", "review", "web", "plain", None,
  "Routine review of a helper refactor.",
  "review the diff on this branch, it's just the pagination helpers moved into lib/paginate.ts plus the call sites. I already checked it builds and the tests pass")
R("opus", "review", "systems", "plain", None,
  "A diff changing lock acquisition order in a scheduler is a concurrency review.",
  "review the diff on this branch, it changes the order we take the job lock and the worker lock in scheduler/dispatch.go. it's meant to fix a rare lock timeout we saw in prod")
R("haiku", "edit", "infrastructure", "plain", None,
  "Wrapping one curl call with a retry flag; one-line edit.",
  "add retries to the health-check curl in deploy.sh, like 5 tries 2s apart")
R("opus", "implement", "web", "plain", None,
  "Retrying payment capture risks double charging; needs idempotency reasoning.",
  "add retries to the Adyen capture call in payments/capture.py, it times out sometimes and then the order is stuck. capture is idempotent on their side if you pass a reference, I think")
R("haiku", "explain", "tooling", "verbose", None,
  "Short factual explanation of a git flag.",
  "I branched feature-b off feature-a, and feature-a has now been squash-merged into main. A colleague told me to run "
  "`git rebase --onto main feature-a feature-b`. Before I do it, what exactly does that command do?")
R("sonnet", "ops", "tooling", "plain", None,
  "A rebase with conflicts in several files needs reading both sides and merging; routine but careful.",
  "rebase my branch onto main. there are conflicts in 4 files (checkout, cart, two tests). keep both features, ask me if something is genuinely ambiguous. don't force-push until I've looked at the result")
R("sonnet", "implement", "web", "plain", None,
  "Adding a TTL cache to one endpoint with an existing redis; routine.",
  "add redis caching to GET /products/:id, 60s TTL, key on id + locale")
R("opus", "design", "web", "plain", "easy-words-hard",
  "Caching with a no-stale-price requirement across pods and a CDN is cache-invalidation consistency design.",
  "add caching to the product page, but prices must never show old after someone edits them in admin. 6 pods + cloudfront in front")
R("haiku", "question", "systems", "plain", None,
  "A textbook definition.",
  "mutex vs semaphore, quick")
R("opus", "review", "systems", "terse", "short-hard",
  "Checking a lock module for deadlocks is concurrency analysis.",
  "any deadlock in scheduler/locks.go?")
R("haiku", "edit", "web", "plain", None,
  "Making one small function async by changing its signature and await; mechanical.",
  "make loadConfig in src/config.ts async, it's only called from main.ts")
R("sonnet", "refactor", "web", "plain", None,
  "Converting a whole storage module and its callers to async is a multi-file refactor.",
  "make the whole storage module async (src/storage/*, fs.readFileSync everywhere) and update the callers. there are ~30 call sites. it's a node 20 cli, no need for backwards compat")
R("haiku", "question", "infrastructure", "plain", None,
  "Short factual answer.",
  "what is a readiness probe vs liveness probe")
R("opus", "debug", "infrastructure", "plain", None,
  "Cascading restarts from probe interaction under load is a multi-component failure needing a theory.",
  "under load our liveness probes fail, pods restart, the remaining pods get more load and fail too. we lose the whole deployment in ~5 min. how do we break this")
R("haiku", "edit", "general", "plain", None,
  "A rename across a small module; mechanical.",
  "rename `calc` to `calculateShippingCost` in shipping/cost.py and its 3 call sites")
R("sonnet", "refactor", "general", "plain", None,
  "Splitting a large module into cohesive parts with unchanged behaviour; refactor.",
  "shipping/cost.py is 900 lines. split it into rates.py, zones.py and surcharges.py with cost.py as the facade so imports keep working. don't change any function signatures")
R("haiku", "question", "web", "plain", None,
  "Short factual answer about a status code.",
  "should a failed validation be 400 or 422")
R("opus", "design", "web", "plain", None,
  "Designing an error contract across services and clients with compatibility constraints is open design.",
  "we have 9 services each returning errors in a different shape. design one error format + codes scheme that works for the web app, the mobile apps and partners, and a way to migrate without breaking any of them")
R("sonnet", "implement", "data", "plain", None,
  "Deduplicating rows in a batch job by a key; routine.",
  "the import in jobs/import_leads.py creates duplicate leads when the CSV has the same email twice. dedupe by lowercased email, keep the last row. log how many were dropped")
R("opus", "debug", "data", "plain", "easy-words-hard",
  "Duplicates appearing only sometimes across runs implies concurrent runs or retry semantics; no lead.",
  "the leads sync sometimes creates the same lead twice even though we check if the email exists first. it's not the CSV, those are clean")

# ------------------------------------------------------------------ short-hard and hard-words-easy traps

R("opus", "design", "systems", "terse", "short-hard",
  "Leader election on advisory locks needs failure and fencing analysis.",
  "leader election via pg advisory locks - safe? what about split brain")
R("opus", "implement", "security", "terse", "short-hard",
  "Constant-time decoding of secrets is subtle side-channel work.",
  "constant-time hex decode for our api secrets, C")
R("opus", "design", "databases", "terse", "short-hard",
  "Picking a clock scheme for causality in an event log is distributed-systems reasoning.",
  "vector clocks or HLC for our event log? pick and justify")
R("opus", "debug", "systems", "terse", "short-hard",
  "ABA in a lock-free stack needs memory-reclamation reasoning.",
  "fix the ABA in lockfree/stack.c")
R("opus", "implement", "systems", "terse", "short-hard",
  "A writer-preferring fair RW lock with correct semantics is concurrency design.",
  "fair rwlock in go, writers must not starve")
R("opus", "design", "web", "terse", "short-hard",
  "Exactly-once webhook delivery semantics is distributed-systems design.",
  "exactly-once webhook delivery to customers. design it")
R("opus", "implement", "databases", "terse", "short-hard",
  "Snapshot isolation for an in-memory store is MVCC design with subtle correctness.",
  "add snapshot isolation to memstore/, MVCC")
R("opus", "question", "data", "terse", "short-hard",
  "Proving a merge function is a CRDT is formal reasoning.",
  "is merge() in sync/merge.ts commutative associative idempotent? prove or give counterexample")
R("opus", "debug", "web", "terse", "short-hard",
  "Memory growth in a long-lived node process with no lead needs heap analysis.",
  "node api rss grows 50MB/hour till OOM. heap snapshots look normal")
R("opus", "design", "infrastructure", "terse", "short-hard",
  "Zero-downtime secret rotation across services is a coordination design.",
  "rotate the db password with zero downtime, 14 services use it")
R("haiku", "explain", "databases", "plain", "hard-words-easy",
  "A one-paragraph concept explanation.",
  "what does 'eventually consistent reads' mean in the dynamodb docs, short please")
R("haiku", "question", "databases", "plain", "hard-words-easy",
  "A config value lookup despite distributed-systems vocabulary.",
  "in our cassandra.yaml / driver config, what does consistency: LOCAL_QUORUM mean with RF=3")
R("haiku", "edit", "systems", "plain", "hard-words-easy",
  "A mechanical rename regardless of the vocabulary in the identifier.",
  "rename the `byzantineFaultTolerant` config flag to `bftEnabled` everywhere, it's in config.go, the yaml and 2 tests. it's a plain bool")
R("haiku", "explain", "security", "plain", "hard-words-easy",
  "A one-paragraph definition.",
  "what's a merkle tree, one paragraph, no math")
R("haiku", "question", "infrastructure", "plain", "hard-words-easy",
  "What one docker flag does; short factual answer.",
  "what exactly does --privileged give a container? our CI runner uses it")
R("haiku", "docs", "systems", "plain", "hard-words-easy",
  "Adding one comment; trivial edit despite the Raft context.",
  "add a comment above HeartbeatInterval in raft/config.go saying it's in milliseconds and must be well under ElectionTimeout")
R("haiku", "edit", "general", "plain", "hard-words-easy",
  "Fixing a spelling mistake across one doc.",
  "fix the spelling of 'linearizability' in docs/consistency.md, it's spelled three different wrong ways")
R("haiku", "explain", "general", "plain", "hard-words-easy",
  "A two-sentence comparison of well-known concepts.",
  "CRDT vs operational transform, 2 sentences")
R("haiku", "question", "ml", "plain", "hard-words-easy",
  "What one optimizer hyperparameter does.",
  "what does eps=1e-8 do in the AdamW config, should I ever touch it")
R("haiku", "explain", "security", "plain", "hard-words-easy",
  "A short conceptual explanation.",
  "ELI5 homomorphic encryption, a PM asked me")
R("haiku", "question", "security", "plain", "hard-words-easy",
  "Looking up what a field in a pasted token means.",
  "what's the `amr` claim in this decoded id token? {\"iss\":\"https://login.acme.io\",\"sub\":\"u_8812\",\"aud\":\"web\",\"amr\":[\"pwd\",\"otp\"],\"acr\":\"urn:acme:loa:2\",\"exp\":1717430400}")
R("haiku", "question", "systems", "plain", "hard-words-easy",
  "Reading one value from tool output.",
  "what does `ulimit -n` print and what does the number mean for our server")
R("haiku", "explain", "databases", "plain", "hard-words-easy",
  "Explaining a common error message.",
  "what does 'could not serialize access due to concurrent update' mean in postgres, short")
R("opus", "debug", "databases", "follow-up", None,
  "Designing the retry and idempotency around serialization failures in money code requires consistency reasoning.",
  "ok so we get that error in the transfer endpoint under load. how should the code handle it without double applying transfers? the handler also publishes a kafka event")

# ------------------------------------------------------------------ easy-words-hard

R("opus", "debug", "general", "plain", "easy-words-hard",
  "Duplicate emails with no lead across workers/retries; needs a theory about delivery semantics.",
  "some customers get the order confirmation email twice. not everyone, maybe 1 in 500")
R("opus", "debug", "data", "plain", "easy-words-hard",
  "Cent-level mismatches between two systems that appear some months imply rounding/FX/timing differences; needs investigation across components.",
  "the revenue dashboard and the invoice totals are off by a few cents some months and by nothing in others. finance wants to know why")
R("opus", "debug", "security", "plain", "easy-words-hard",
  "Partial login failures after a server move point at clock skew, key or cookie domain issues; no lead, auth impact.",
  "after we moved to the new servers some people can't log in and others can. same browsers. rolling back fixes it")
R("opus", "debug", "web", "plain", "easy-words-hard",
  "Gradual slowdown until weekly restart is a leak or growth issue with no lead.",
  "the app gets a bit slower every day and we restart it on sundays to fix it. I'd like to stop doing that")
R("opus", "debug", "web", "plain", "easy-words-hard",
  "Uploads completing with empty files implies stream/backpressure or multipart race issues; no lead.",
  "sometimes an upload says it finished but the file in the bucket is 0 bytes. can't make it happen on purpose")
R("opus", "debug", "data", "plain", "easy-words-hard",
  "Reports differing by who runs them suggest timezone, permission or cache effects; no lead.",
  "the monthly report shows different numbers depending on who runs it")
R("opus", "debug", "web", "plain", "easy-words-hard",
  "Checkout failing for a subset of users in one region suggests date-line or locale issues; needs a theory.",
  "checkout works for everyone except some people in australia and new zealand, and only in the evening their time")
R("opus", "design", "general", "plain", "easy-words-hard",
  "Plain words, but choosing how to run two versions side by side with shared data is a migration architecture.",
  "we want to rewrite the old billing app but it has to keep working the whole time. how would you go about it?")
R("opus", "plan", "general", "plain", "easy-words-hard",
  "Moving every service to a new ID format touches data, APIs and clients; a large migration plan.",
  "we want to stop using numeric ids in urls and switch to random ids everywhere. what's the plan?")
R("opus", "debug", "systems", "plain", "easy-words-hard",
  "A program that hangs only when piped output is full points to blocking I/O interplay; no clear lead in the ask.",
  "our CLI hangs sometimes when people pipe it into head. not always. ctrl-c doesn't even work")

# ------------------------------------------------------------------ medium pastes for follow-ups

def gen_pip_freeze(seed):
    rng = random.Random(seed)
    names = ["aiohttp", "aiosignal", "alembic", "annotated-types", "anyio", "attrs", "boto3", "botocore", "celery",
             "certifi", "charset-normalizer", "click", "cryptography", "Deprecated", "fastapi", "frozenlist", "greenlet",
             "h11", "httpcore", "httpx", "idna", "iniconfig", "Jinja2", "jmespath", "kombu", "Mako", "MarkupSafe",
             "multidict", "numpy", "orjson", "packaging", "pandas", "pluggy", "psycopg2-binary", "pydantic",
             "pydantic_core", "pytest", "python-dateutil", "python-dotenv", "pytz", "PyYAML", "redis", "requests",
             "s3transfer", "sentry-sdk", "six", "sniffio", "SQLAlchemy", "starlette", "structlog", "tenacity",
             "typing_extensions", "tzdata", "urllib3", "uvicorn", "vine", "wrapt", "yarl"]
    return "\n".join(f"{n}=={'1.26.18' if n == 'urllib3' else f'{rng.randint(0, 5)}.{rng.randint(0, 30)}.{rng.randint(0, 12)}'}"
                     for n in names)


def gen_i18n(seed, n):
    rng = random.Random(seed)
    areas = ["checkout", "cart", "account", "orders", "search", "errors", "nav", "settings"]
    words = {"title": "Title", "empty": "Nothing here yet", "save": "Save changes", "cancel": "Cancel",
             "retry": "Try again", "loading": "Loading…", "confirm_delete": "Delete this item?",
             "success": "Saved", "required": "This field is required", "too_long": "Too long (max {max})",
             "back": "Back", "next": "Continue", "total": "Total", "help": "Need help?"}
    d = {}
    while len(d) < n:
        a = rng.choice(areas); k = rng.choice(list(words))
        d[f"{a}.{k}"] = words[k]
    return json.dumps(d, indent=2, ensure_ascii=False)


def gen_test_log(seed, n):
    rng = random.Random(seed)
    out = []
    for i in range(n):
        pkg = rng.choice(["api", "store", "billing", "auth", "queue", "cache"])
        name = f"Test{rng.choice(['Create', 'Get', 'List', 'Delete', 'Refresh', 'Expire'])}{rng.choice(['Order', 'User', 'Key', 'Job', 'Token', 'Invoice'])}{i}"
        r = rng.choices(["PASS", "SKIP"], weights=[9, 1])[0]
        out.append(f"=== RUN   {name}")
        if r == "SKIP":
            out.append(f"    {name.lower()}_test.go:{rng.randint(10, 90)}: requires DOCKER_HOST")
        out.append(f"--- {r}: {name} ({rng.uniform(0, 0.4):.2f}s)")
    out.append(f"ok  \texample.com/app/internal/...\t{rng.uniform(2, 9):.3f}s")
    return "\n".join(out)


COMPOSE = """services:
  api:
    build: ./services/api
    env_file: .env
    ports:
      - "8000:8000"
    depends_on:
      - db
      - redis
    volumes:
      - ./services/api:/app
  worker:
    build: ./services/api
    command: celery -A app.worker worker -l info -Q default,emails
    env_file: .env
    depends_on:
      - redis
      - db
  beat:
    build: ./services/api
    command: celery -A app.worker beat -l info
    env_file: .env
    depends_on:
      - redis
  db:
    image: postgres:15
    environment:
      POSTGRES_USER: app
      POSTGRES_PASSWORD: app
      POSTGRES_DB: app
    ports:
      - "5433:5432"
    volumes:
      - pgdata:/var/lib/postgresql/data
  redis:
    image: redis:7-alpine
    ports:
      - "6380:6379"
  mailhog:
    image: mailhog/mailhog
    ports:
      - "8025:8025"
      - "1025:1025"
  minio:
    image: minio/minio
    command: server /data --console-address ":9001"
    ports:
      - "9000:9000"
      - "9001:9001"
volumes:
  pgdata: {}
"""

ENV_EXAMPLE = """DATABASE_URL=postgres://app:app@localhost:5433/app
REDIS_URL=redis://localhost:6380/0
SECRET_KEY=change-me
STRIPE_SECRET_KEY=sk_test_xxx
SENTRY_DSN=
S3_BUCKET=acme-dev
AWS_REGION=eu-west-1
STRIPE_WEBHOOK_SECRET=whsec_xxx
SMTP_HOST=localhost
SMTP_PORT=1025
FEATURE_CHECKOUT_V2=true
AWS_ACCESS_KEY_ID=minio
AWS_SECRET_ACCESS_KEY=minio123
LOG_LEVEL=debug
FEATURE_FAST_SEARCH=false
S3_ENDPOINT=http://localhost:9000
SMTP_FROM=noreply@acme.test
CELERY_CONCURRENCY=4
SEARCH_URL=http://localhost:9200
FEATURE_NEW_ONBOARDING=false"""

GO_PPROF = """Showing nodes accounting for 41.32s, 86.01% of 48.04s total
Dropped 412 nodes (cum <= 0.24s)
      flat  flat%   sum%        cum   cum%
     7.91s 16.47% 16.47%      7.91s 16.47%  runtime.memclrNoHeapPointers
     5.02s 10.45% 26.92%     14.40s 29.98%  runtime.mallocgc
     4.48s  9.33% 36.24%      4.48s  9.33%  runtime.memmove
     3.87s  8.06% 44.30%      9.12s 18.98%  runtime.scanobject
     3.10s  6.45% 50.75%      3.10s  6.45%  runtime.findObject
     2.66s  5.54% 56.29%      2.66s  5.54%  syscall.Syscall
     2.41s  5.02% 61.31%     11.95s 24.88%  runtime.gcBgMarkWorker
     2.02s  4.20% 65.51%      6.70s 13.95%  encoding/json.(*encodeState).reflectValue
     1.88s  3.91% 69.43%      1.88s  3.91%  runtime.procyield
     1.73s  3.60% 73.03%      8.02s 16.69%  log/slog.(*handleState).appendAttr
     1.52s  3.16% 76.19%      1.52s  3.16%  sync.(*Mutex).Lock
     1.39s  2.89% 79.09%      5.18s 10.78%  example.com/app/internal/api.withRequestLogger.func1
     1.21s  2.52% 81.60%      1.21s  2.52%  runtime.futex
     1.09s  2.27% 83.87%      3.34s  6.95%  example.com/app/internal/api.(*Server).handleSearch
     1.03s  2.14% 86.01%      2.20s  4.58%  bytes.(*Buffer).grow"""

R("sonnet", "implement", "web", "follow-up", None,
  "Applying the same, just-written retry policy to another task; everyday work.",
  "ok that worked for the receipts task. now give `send_invoice` in tasks/billing.py the same retry behaviour, it has the exact "
  "same problem where one smtp timeout kills the whole batch. keep max_retries at 5")
R("sonnet", "debug", "tooling", "follow-up", None,
  "A test failing after the change with a call-count assertion; the mock target is identifiable.",
  "tests/test_tasks.py fails after that:\n\n    def test_send_invoice_retries_on_timeout(mock_smtp, invoice):\n"
  "        mock_smtp.send.side_effect = [SMTPServerDisconnected(), None]\n        send_invoice.apply(args=[invoice.id])\n"
  ">       assert mock_smtp.send.call_count == 2\nE       AssertionError: assert 1 == 2\n\n"
  "I think the test patches app.mail.smtp but the task now imports the client differently")
R("haiku", "edit", "tooling", "follow-up", None,
  "Reverting one file; mechanical.",
  "revert your change to tests/conftest.py, that fixture is shared with the api suite and I'd rather fix it in a separate PR, leave the task code as it is")
R("opus", "design", "data", "follow-up", None,
  "Making an email side effect safe under worker crashes and at-least-once delivery needs idempotency/exactly-once reasoning.",
  "hmm, thinking about it more: if the worker dies after SMTP accepted the mail but before the task is acked, the retry "
  "sends the invoice again. can we make this actually safe? celery with redis broker, acks_late=True, visibility_timeout 1h")
R("sonnet", "implement", "databases", "follow-up", None,
  "Implementing the chosen idempotency-key approach with a migration; clear spec from the previous turn.",
  "ok go with the sent_emails table + unique (invoice_id, kind) approach you described. implement it, alembic migration "
  "included, and make the task check-then-insert in one transaction like you said")
R("haiku", "edit", "data", "follow-up", None,
  "One guard clause with a log line; trivial.",
  "also handle the empty case - if the invoice has no lines just skip it and log at info, don't send anything. a customer got an empty invoice email last week")
R("sonnet", "debug", "systems", "follow-up", None,
  "Compiler errors name the unused variable and a pointer/value mismatch; routine fix.",
  "that broke the build\n\n# example.com/app/internal/api\ninternal/api/orders.go:42:2: declared and not used: ctx\n"
  "internal/api/orders.go:57:19: cannot use req (variable of type *CreateOrderRequest) as CreateOrderRequest value in argument to s.svc.Create\n"
  "internal/api/orders.go:71:9: too many return values\n\thave (*Order, error)\n\twant (error)")
R("haiku", "ops", "systems", "follow-up", None,
  "Running a formatter on touched files; mechanical.",
  "gofmt -w the files you touched and show me git diff --stat")
R("sonnet", "refactor", "systems", "follow-up", None,
  "Applying the same logging middleware pattern across several handlers; multi-file routine work.",
  "good. now add the same structured logging (slog, request id pulled from the context, duration, status) to the other 7 handlers in internal/api/. some of them already log errors with log.Printf, replace those")
R("opus", "debug", "systems", "follow-up", None,
  "A latency regression with a CPU profile showing GC pressure needs profile analysis, not a known fix.",
  "p99 on /search went up ~40% after the logging change. here's `go tool pprof -top` from a loaded pod after the change. "
  "before, mallocgc was maybe 8%. what exactly is allocating and what's the fix that doesn't lose the log fields?\n\n" + GO_PPROF)
R("haiku", "edit", "web", "follow-up", None,
  "Adding a disabled attribute bound to an existing loading flag; trivial.",
  "also disable the submit button while the request is in flight, there's already an isSubmitting from react-hook-form and show a spinner inside it")
R("sonnet", "debug", "web", "follow-up", None,
  "A double-submit race in a form with a clear repro; fix plus a test.",
  "that works with the mouse but if you hit enter twice fast it still submits twice. fix it and add a test with user-event that types {enter}{enter}. the form is components/SignupForm.tsx")
R("sonnet", "implement", "web", "follow-up", None,
  "Applying the same fix to other forms; routine.",
  "ok continue with the other two forms (ChangeEmail and InviteMember), same treatment")
R("haiku", "test", "web", "follow-up", None,
  "Updating an expected snapshot after an intended attribute change; mechanical.",
  "the snapshot test for SignupForm changed because of the new aria-busy attribute, that's expected. update the snapshot and make sure the other snapshots didn't change")
R("sonnet", "debug", "data", "follow-up", None,
  "A type-mismatch merge error with a clear message; cast at the right place in the pipeline.",
  "next cell blows up:\n\nValueError: You are trying to merge on object and int64 columns for key 'customer_id'. "
  "If you wish to proceed you should use pd.concat\n\nthe crm export has ids like '000123' so be careful with the leading zeros")
R("sonnet", "debug", "data", "follow-up", None,
  "The user suspects join fan-out; checking five joins for duplicate keys is methodical debugging with a lead.",
  "numbers after the merge are ~3% higher than the finance report. I suspect one of the joins fans out but there are 5 joins in "
  "notebooks/revenue.ipynb. find which one and fix it")
R("haiku", "question", "tooling", "follow-up", "long-trivial",
  "Finding one package version in pip freeze output is a lookup.",
  "here's pip freeze from the prod image. which urllib3 is that?\n\n" + gen_pip_freeze(1601))
R("haiku", "question", "infrastructure", "follow-up", "long-trivial",
  "Reading one port mapping from a compose file.",
  "on my machine I can't connect to redis on 6379. what port does this compose file expose it on?\n\n" + COMPOSE)
R("haiku", "edit", "tooling", "follow-up", "long-trivial",
  "Sorting and grouping lines in an env file is mechanical.",
  "sort .env.example alphabetically and put a blank line between prefixes (AWS_, FEATURE_, S3_, SMTP_, STRIPE_...)\n\n" + ENV_EXAMPLE)
R("haiku", "edit", "web", "follow-up", "long-trivial",
  "Copying keys to another locale file with placeholder values is mechanical.",
  "add these keys to locales/de.json with the value \"TODO\" for each, keep the same order\n\n" + gen_i18n(1602, 70))
R("haiku", "question", "systems", "follow-up", "long-trivial",
  "Counting SKIP lines in test output.",
  "how many tests got skipped in this run?\n\n" + gen_test_log(1603, 120))
R("opus", "debug", "systems", "follow-up", None,
  "The previous fix didn't resolve an intermittent deadlock; a fresh theory across lock paths is needed.",
  "your fix didn't help. it still hangs after ~3h under the load test, just later. the dump looks the same: lots of goroutines "
  "in Cache.Get waiting on the mutex and one in refresh holding it while it waits on the registry RLock. what are we missing?")
R("opus", "refactor", "systems", "follow-up", None,
  "Replacing a global lock with a design that doesn't serialise readers is concurrency design.",
  "revert that and try another approach. the big mutex around the map fixes the race but kills throughput (6k -> 900 rps). "
  "we need readers to not serialise")
R("opus", "review", "data", "follow-up", None,
  "Reasoning about a consumer design under broker restarts mid-batch is distributed failure analysis.",
  "ok, but what happens with your batching design if rabbitmq restarts in the middle of a batch? walk through it, I don't want to lose or duplicate ledger writes")
R("opus", "review", "infrastructure", "follow-up", None,
  "Mixed-version rolling deploy with a changed message format is compatibility/ordering analysis.",
  "before I merge: what happens during the rolling deploy when half the pods run old code and half new? the event payload format changed in this PR. consumers are in services/ledger and services/notify")
R("opus", "plan", "databases", "follow-up", None,
  "Designing rollback points in a multi-step production migration is high-stakes planning.",
  "in the migration plan you gave, what if we need to roll back after step 4, when the new column is being dual-written? make the plan reversible at every step")
R("opus", "debug", "systems", "follow-up", None,
  "Adding a lock introduced a hang; needs lock-ordering reasoning.",
  "you said the race is in the refresh path so I added the lock there. now it hangs on the first refresh. lock is in registry.go:88")
R("opus", "review", "security", "follow-up", None,
  "Threat-modelling a partner mTLS tenant mapping is security analysis.",
  "now threat-model the same endpoint for the partner API. they use mTLS and we map the client cert CN to a tenant id. partners generate the CSR themselves and we sign with our own CA")
R("sonnet", "implement", "web", "follow-up", None,
  "Bare 'continue' after an interruption; tie-breaker says sonnet.",
  "ok continue")
R("sonnet", "implement", "databases", "follow-up", None,
  "Finishing a half-written migration file is routine.",
  "you stopped halfway through the migration, the downgrade() is missing. finish it")
R("sonnet", "refactor", "general", "follow-up", None,
  "A retry after the edit failed to apply; bare retry follow-ups are sonnet.",
  "try again, the edit didn't apply to the file")
R("haiku", "edit", "general", "follow-up", None,
  "Deleting debug prints; mechanical.",
  "remove the debug prints you added in the last three edits")
R("haiku", "docs", "general", "follow-up", None,
  "A short PR description summarising the session's changes.",
  "write the PR description, short: what changed, why, how to test")
R("haiku", "edit", "web", "follow-up", None,
  "Bumping a version field.",
  "bump the version in package.json to 2.4.0 and add a CHANGELOG entry for the pagination change")
R("haiku", "question", "general", "follow-up", None,
  "Explaining a flag the assistant just used; short answer.",
  "what does the --frozen-lockfile flag you added in the CI step do")
R("haiku", "edit", "tooling", "follow-up", None,
  "Undoing formatting-only changes; mechanical.",
  "undo the formatting changes in files you didn't otherwise touch, the diff is unreadable")
R("sonnet", "test", "web", "follow-up", None,
  "Writing tests for code written earlier in the session.",
  "ok that worked, add tests. unit tests for the cursor encode/decode and one integration test hitting the endpoint with 3 pages. the integration setup is in tests/integration/setup.ts")
R("sonnet", "implement", "web", "follow-up", None,
  "Same pagination pattern on another endpoint; routine.",
  "now do the same cursor pagination for GET /api/payments, it has the same created_at + id ordering. same limits as invoices")
R("sonnet", "debug", "web", "follow-up", None,
  "Integration test failure with a clear message about a missing index in the test DB; identifiable cause.",
  "integration test fails on CI only:\n\nFAIL tests/integration/payments.test.ts\n  ● payments pagination › returns 3 pages\n\n"
  "    error: column \"created_at\" does not exist\n\n      at Parser.parseErrorMessage (node_modules/pg-protocol/src/parser.ts:369:69)\n\n"
  "the CI db is built from migrations, locally I have an old dump")
R("haiku", "ops", "tooling", "follow-up", None,
  "One command to run a single test file.",
  "how do I run just that one test file with jest in watch mode")
R("sonnet", "debug", "tooling", "follow-up", None,
  "Lint errors introduced by an edit with rule names; routine fix.",
  "eslint after your change:\n\nsrc/lib/paginate.ts\n  14:7   error  'decoded' is never reassigned. Use 'const' instead  prefer-const\n"
  "  31:18  error  Unexpected any. Specify a different type             @typescript-eslint/no-explicit-any\n"
  "  52:1   error  Promise returned in function argument where a void return was expected  @typescript-eslint/no-misused-promises\n\n"
  "fix them properly, no disable comments")
R("opus", "review", "web", "follow-up", None,
  "Assessing whether cursor tokens leak or allow tampering across tenants is a security review.",
  "wait, the cursor is just base64 of (created_at, id). can someone craft a cursor to page through another tenant's payments? check the whole query path (the tenant filter is applied in a middleware I think)")
R("sonnet", "implement", "security", "follow-up", None,
  "Signing cursors with an existing HMAC helper is a specified change.",
  "ok sign the cursors with the hmac helper in lib/crypto.ts and reject tampered ones with 400. keep old unsigned cursors working for one release. the key should come from CURSOR_SIGNING_KEY")
R("haiku", "explain", "tooling", "follow-up", None,
  "Explaining a short error message.",
  "what does 'detached HEAD' mean, I think I'm in it after that checkout")
R("haiku", "ops", "tooling", "follow-up", None,
  "One git command sequence.",
  "ok how do I get back to my branch without losing the commit I just made")
R("sonnet", "implement", "ml", "follow-up", None,
  "Carrying an evaluation script change over to another task; routine.",
  "nice, the eval numbers make sense now. do the same for the ner eval in eval/ner.py, it has the same tokenisation mismatch. the labels there are BIO tags though")
R("opus", "debug", "ml", "follow-up", "easy-words-hard",
  "Metrics improving offline but getting worse after deploy with no code difference needs a theory across data and serving.",
  "the new model is better on every offline metric but users complain it got worse. the serving code didn't change")
R("sonnet", "debug", "ml", "follow-up", None,
  "CUDA OOM with a clear batch/sequence cause after a change; known remedies.",
  "after bumping max_len to 2048 training dies:\n\ntorch.OutOfMemoryError: CUDA out of memory. Tried to allocate 3.00 GiB. "
  "GPU 0 has a total capacity of 39.39 GiB of which 1.12 GiB is free.\n\nI don't want to lower max_len. gradient checkpointing + accumulation?")
R("haiku", "edit", "ml", "follow-up", None,
  "Changing two config values.",
  "set grad_accum to 8 and per-device batch to 4 in configs/train.yaml")
R("sonnet", "implement", "infrastructure", "follow-up", None,
  "Repeating a known infra pattern for another service.",
  "same HPA + PDB setup for the thumbnailer chart please, but min 1 since it's not user facing. the chart is charts/thumbnailer")
R("haiku", "ops", "infrastructure", "follow-up", None,
  "Showing a rendered template with one command.",
  "how do I see the rendered manifests for that chart without installing it")
R("sonnet", "debug", "infrastructure", "follow-up", None,
  "Helm template error points at the exact template line; routine fix.",
  "helm template fails\n\nError: template: thumbnailer/templates/hpa.yaml:14:28: executing \"thumbnailer/templates/hpa.yaml\" at "
  "<.Values.autoscaling.targetCPU>: nil pointer evaluating interface {}.targetCPU\n\nvalues.yaml has autoscaling: under `worker:` I think")
R("opus", "debug", "infrastructure", "follow-up", None,
  "Intermittent DNS timeouts across pods after a change need a theory across conntrack, ndots and CoreDNS.",
  "since we turned on the HPA we see random 5s delays on outbound calls from some pods, looks like DNS. not all pods, not all the time")
R("sonnet", "ops", "infrastructure", "follow-up", None,
  "Applying the identified fix (NodeLocal DNSCache / ndots) with known steps.",
  "ok it's the conntrack race + ndots:5 like you said. set ndots:2 in the pod dnsConfig for all our charts and add the single-request-reopen option. charts are in charts/*")
R("haiku", "docs", "infrastructure", "follow-up", None,
  "Short summary text.",
  "write 3 sentences for the incident channel explaining what we changed and why")
R("sonnet", "implement", "mobile", "follow-up", None,
  "Extending an existing screen pattern to another platform screen; routine.",
  "ok, now the same empty state + retry button on the Invoices screen, reuse the EmptyState component you just made. it should show when the list is empty and when the fetch fails")
R("haiku", "edit", "mobile", "follow-up", None,
  "Changing a string in one component.",
  "change the empty state copy to \"No invoices yet\" and drop the illustration on small screens")
R("opus", "debug", "mobile", "follow-up", "easy-words-hard",
  "A crash only after backgrounding for a long time suggests state restoration/process death issues; no clear lead.",
  "new crash in prod: only happens when people come back to the app after a few hours in the background. stack is deep in our navigation state. can't repro with the debugger attached")
R("sonnet", "debug", "mobile", "follow-up", None,
  "With the repro recipe (don't keep activities) the cause is identifiable and the fix routine.",
  "got it to repro with 'don't keep activities' on. the ViewModel gets recreated and orderId is null. fix it with SavedStateHandle. the orderId comes from the nav args")
R("sonnet", "refactor", "general", "follow-up", None,
  "Extracting a helper used in several places; routine refactor.",
  "there are now 4 copies of that money formatting code. pull it into utils/money.ts and use it everywhere, with the locale as a param. some use Intl.NumberFormat and some do it by hand, the Intl version is right")
R("haiku", "edit", "general", "follow-up", None,
  "Adding one default parameter value.",
  "default the locale to 'en-GB' in that helper")
R("sonnet", "implement", "tooling", "follow-up", None,
  "Bare 'do the rest' continuation of a mechanical-but-careful multi-file change; sonnet by the continue rule.",
  "do the rest of them")
R("opus", "plan", "web", "follow-up", None,
  "Planning a large migration across the codebase with ordering constraints.",
  "ok so that was the pilot on one page. now plan moving all ~60 pages from the pages router to the app router, in an order that lets us ship weekly and keeps SEO intact")

# ------------------------------------------------------------------ other languages (whole prompt in that language)

R("haiku", "explain", "general", "other-language", None,
  "Explaining one short regex; same tier in any language.",
  "这个正则 `^[\\w.+-]+@[\\w-]+\\.[\\w.]+$` 是什么意思？简单解释一下就行，不用改", language="zh")
R("sonnet", "test", "web", "other-language", None,
  "Writing unit tests for an existing function with an existing mock.",
  "帮我给 services/order.go 里的 CreateOrder 写单元测试，用 testify，数据库那部分用 mocks/ 里现成的 mock，正常路径和库存不足两种情况都要覆盖", language="zh")
R("opus", "debug", "web", "other-language", "easy-words-hard",
  "Duplicate charges under peak load with retries and callbacks, no pattern; needs a theory about idempotency and races.",
  "我们的订单服务在高峰期偶尔会重复扣款，日志里看不出什么规律。支付回调和客户端重试都有。帮我分析可能的原因，然后给一个能彻底解决的方案", language="zh")
R("sonnet", "implement", "web", "other-language", None,
  "Bare continue in Chinese; tie-breaker says sonnet.",
  "继续", language="zh")
R("haiku", "edit", "general", "other-language", None,
  "A mechanical rename across references.",
  "把 calcPrice 这个函数改名成 calculatePrice，所有引用的地方也一起改掉，别的不要动", language="zh")
R("opus", "design", "security", "other-language", None,
  "Multi-tenant authorisation with row-level isolation is design with security trade-offs.",
  "设计一个多租户的权限系统，要能做到行级别的数据隔离，现在用的是 PostgreSQL + Go。RLS 和在应用层做过滤各有什么坑？你推荐哪种", language="zh")
R("sonnet", "debug", "data", "other-language", None,
  "A traceback with a clear KeyError cause; routine fix.",
  "刚才那个脚本报错了，帮我修一下：\n\nTraceback (most recent call last):\n  File \"etl/load_users.py\", line 41, in <module>\n"
  "    row[\"phone\"] = normalize_phone(row[\"mobile\"])\nKeyError: 'mobile'\n\n新的导出文件里这一列好像改名了", language="zh")
R("haiku", "ops", "tooling", "other-language", None,
  "One git command.",
  "git 怎么把某一个文件恢复成上一次提交时的样子？只恢复这一个文件", language="zh")
R("haiku", "explain", "web", "other-language", None,
  "A short well-known comparison.",
  "`Array.prototype.flatMap` と `map().flat()` の違いを一言で教えてください", language="ja")
R("sonnet", "implement", "web", "other-language", None,
  "Retry logic with a clear spec in a client wrapper.",
  "src/api/client.ts の fetch ラッパーにリトライ処理を追加してください。指数バックオフで最大3回、対象は5xxとネットワークエラーのみです。POSTはリトライしないでください", language="ja")
R("opus", "debug", "web", "other-language", "easy-words-hard",
  "Message loss on reconnect only in production; needs a theory about delivery guarantees; no lead.",
  "本番環境でだけ、たまにWebSocketの接続が切れてメッセージが失われます。再接続はしているはずなのに、その間のメッセージが届きません。原因の候補と調査方法を考えてください", language="ja")
R("sonnet", "debug", "web", "other-language", None,
  "A failing test after a change with a clear diff in expected output.",
  "さっきの変更でテストが落ちました。直してください。\n\n  ● formatPrice › 日本円は小数点なし\n\n    Expected: \"¥1,200\"\n    Received: \"¥1,200.00\"", language="ja")
R("haiku", "explain", "tooling", "other-language", None,
  "Explaining a common error message.",
  "このエラーの意味を教えてください: `ENOSPC: System limit for number of file watchers reached`。どう直せばいいですか", language="ja")
R("opus", "design", "systems", "other-language", None,
  "Choosing between Saga and 2PC for cross-service transactions is distributed design with trade-offs.",
  "マイクロサービス間の分散トランザクションをどう扱うべきか悩んでいます。Sagaパターンと2PCを比較して、注文・在庫・決済の3サービス構成に合う設計を提案してください", language="ja")
R("haiku", "edit", "general", "other-language", None,
  "Reverting the last change.",
  "今の変更、元に戻してください", language="ja")
R("haiku", "ops", "infrastructure", "other-language", None,
  "One docker command.",
  "qual comando do docker remove todas as imagens sem tag? e dá pra fazer isso sem apagar as que estão em uso?", language="pt")
R("sonnet", "implement", "web", "other-language", None,
  "An endpoint with a clear spec following existing patterns.",
  "implementa o endpoint GET /relatorios/vendas no VendasController, filtrando por data inicial e final (obrigatórias) e paginando, seguindo o padrão dos outros endpoints do controller", language="pt")
R("opus", "debug", "systems", "other-language", None,
  "Duplicates and losses with a message broker on pod restart; delivery-semantics debugging with no clear lead.",
  "o consumer às vezes processa a mesma mensagem duas vezes e às vezes perde mensagem quando o pod reinicia. usamos RabbitMQ com ack manual e prefetch 50. me ajuda a entender o que pode estar acontecendo", language="pt")
R("sonnet", "test", "web", "other-language", None,
  "Writing tests for the code written in the session.",
  "beleza, funcionou. agora escreve os testes pra esse endpoint, cobrindo datas inválidas e o caso sem vendas no período", language="pt")
R("haiku", "edit", "web", "other-language", None,
  "Fixing a typo in a string.",
  "corrige o erro de digitação na mensagem de erro do LoginForm, tá escrito 'senhna incorreta'", language="pt")
R("opus", "plan", "web", "other-language", None,
  "Planning a monolith-to-services migration starting with payments is a large multi-step plan.",
  "preciso planejar a migração do nosso monolito Rails pra serviços separados, começando por pagamentos. como você faria isso sem parar o time de produto?", language="pt")
R("haiku", "question", "web", "other-language", None,
  "A short well-known language fact.",
  "c'est quoi la différence entre `let` et `const` en JS ? en deux phrases max", language="fr")
R("sonnet", "implement", "web", "other-language", None,
  "Form validation with explicit rules in one component.",
  "ajoute la validation du formulaire d'inscription dans components/SignupForm.vue : email valide, mot de passe de 12 caractères minimum, confirmation identique, avec les messages d'erreur en français sous chaque champ", language="fr")
R("opus", "debug", "web", "other-language", "easy-words-hard",
  "Random timeouts on ~1% of requests with nothing in logs; needs hypotheses across the stack.",
  "notre API de paiement a des timeouts aléatoires en prod, environ 1 % des requêtes, sans rien de visible dans les logs. par où commencer et quelles hypothèses tester en priorité ?", language="fr")
R("sonnet", "debug", "web", "other-language", None,
  "A compiler error with a clear message after a change.",
  "ça compile plus depuis ton dernier changement :\n\nsrc/facture.ts:23:5 - error TS2322: Type 'number | undefined' is not assignable to type 'number'.\n\n23     montantTotal: ligne.prix * ligne.quantite,", language="fr")
R("haiku", "edit", "web", "other-language", None,
  "A mechanical rename of one variable.",
  "renomme la variable `tmp` en `montantTotal` dans src/facture.ts, partout dans le fichier", language="fr")
R("opus", "review", "security", "other-language", None,
  "Reviewing refresh-token storage and rotation is a security review.",
  "fais une revue de sécurité du module d'authentification dans src/auth/. on stocke les refresh tokens en base et je ne suis pas sûr que la rotation et la révocation soient correctes", language="fr")
R("haiku", "ops", "tooling", "other-language", None,
  "One git command.",
  "wie lösche ich einen Remote-Branch mit git? und wie räume ich danach lokal die veralteten Referenzen auf?", language="de")
R("sonnet", "ops", "infrastructure", "other-language", None,
  "A CI workflow with clear steps.",
  "schreib einen GitHub Actions Workflow, der bei jedem Tag v* ein Docker-Image baut und nach ghcr.io pusht, mit Build-Cache und dem Tag als Image-Version", language="de")
R("opus", "debug", "data", "other-language", None,
  "Duplicates after consumer rebalances and the wish for exactly-once is distributed-systems reasoning.",
  "unser Kafka-Consumer verarbeitet nach einem Rebalance manche Nachrichten doppelt, obwohl wir die Offsets manuell committen. Woran kann das liegen und wie bekommen wir exactly-once in die Datenbank?", language="de")
R("sonnet", "refactor", "general", "other-language", None,
  "Bare 'carry on' in German; continue follow-ups are sonnet.",
  "mach weiter", language="de")
R("haiku", "edit", "general", "other-language", None,
  "Adding a license header to files is mechanical.",
  "füge in allen Dateien unter src/ den Lizenz-Header aus LICENSE_HEADER.txt ganz oben ein, sonst nichts ändern", language="de")
R("sonnet", "explain", "tooling", "other-language", None,
  "Explaining a recursive function of about 80 lines.",
  "erklär mir bitte, was die Funktion `resolveDependencies` in build/graph.ts macht. Die ist ca. 80 Zeilen lang und ich verstehe die Rekursion mit dem visited-Set nicht", language="de")

# ------------------------------------------------------------------ more session follow-ups with pasted output

def gen_ci_log(seed):
    rng = random.Random(seed)
    t = datetime(2024, 7, 2, 11, 41, 5)
    out = []
    steps = [("Set up job", 0), ("Checkout", 0), ("Setup Node", 0), ("npm ci", 0), ("Lint", 0),
             ("Typecheck", 0), ("Unit tests", 0), ("Build", 2), ("Upload artifact", None)]
    for name, code in steps:
        out.append(f"{t.isoformat()}.{rng.randint(1000000, 9999999)}Z ##[group]Run {name}")
        for _ in range(rng.randint(4, 14)):
            t += timedelta(seconds=rng.randint(0, 4))
            msg = rng.choice(["npm WARN deprecated inflight@1.0.6: This module is not supported", "added 1432 packages in 38s",
                              "> storefront-web@3.14.0 lint", "> eslint . --max-warnings 0",
                              "Test Suites: 212 passed, 212 total", "Tests:       1804 passed, 1804 total",
                              "> next build", "   Creating an optimized production build ...",
                              "Downloading node-v20.15.0-linux-x64.tar.xz", "Cache restored from key: node-cache-Linux-npm-9f1c"])
            out.append(f"{t.isoformat()}.{rng.randint(1000000, 9999999)}Z {msg}")
        if code == 2:
            out.append(f"{t.isoformat()}.1200000Z Failed to compile.")
            out.append(f"{t.isoformat()}.1200000Z ./src/app/(shop)/checkout/page.tsx")
            out.append(f"{t.isoformat()}.1200000Z Module not found: Can't resolve '@/features/cart/useCartTotals'")
            out.append(f"{t.isoformat()}.1300000Z ##[error]Process completed with exit code 2.")
            break
        out.append(f"{t.isoformat()}.{rng.randint(1000000, 9999999)}Z ##[endgroup]")
    return "\n".join(out)


README_LINKS = """# storefront-web

Customer-facing shop frontend. See the [architecture notes](https://wiki.acme.internal/shop/architecture) before
touching checkout.

## Getting started

1. Install node 20 (we use [volta](https://volta.sh) to pin it).
2. `npm ci`
3. Copy `.env.example` to `.env.local` and ask in #shop-dev for the staging keys.
4. `npm run dev` and open http://localhost:3000

## Useful links

- Design system: https://design.acme.io/components
- Storybook (main): https://storybook.shop.acme.io
- Sentry project: https://sentry.io/organizations/acme/projects/storefront-web/
- Feature flags: https://app.launchdarkly.com/acme/production/features
- Runbook: [checkout incidents](https://wiki.acme.internal/shop/runbooks/checkout)

## Testing

Unit tests use jest + testing-library. E2E tests live in `e2e/` and run with
[Playwright](https://playwright.dev/docs/intro). For visual diffs see
[the Chromatic docs](https://www.chromatic.com/docs/).

## Releasing

Merges to main deploy to staging automatically. Production deploys are triggered from the
[release dashboard](https://deploy.acme.internal/apps/storefront-web) after QA sign-off.
Release notes go into CHANGELOG.md following [keep a changelog](https://keepachangelog.com/en/1.1.0/).
"""

TSAN = """WARNING: ThreadSanitizer: data race (pid=48211)
  Read of size 8 at 0x7b0c00001f48 by thread T3:
    #0 mpsc_pop src/queue/mpsc.c:71 (ingest+0x4c21a)
    #1 drain_worker src/ingest/worker.c:133 (ingest+0x51f0e)

  Previous write of size 8 at 0x7b0c00001f48 by thread T1:
    #0 mpsc_push src/queue/mpsc.c:48 (ingest+0x4c0b3)
    #1 on_packet src/ingest/net.c:210 (ingest+0x5033c)

SUMMARY: ThreadSanitizer: data race src/queue/mpsc.c:71 in mpsc_pop

--- src/queue/mpsc.c (lines 40-75) ---
void mpsc_push(mpsc_t *q, node_t *n) {
    atomic_store_explicit(&n->next, NULL, memory_order_relaxed);
    node_t *prev = atomic_exchange_explicit(&q->head, n, memory_order_relaxed);
    n->payload_len = n->payload_len;            /* line 47 */
    atomic_store_explicit(&prev->next, n, memory_order_relaxed);   /* line 48 */
}

node_t *mpsc_pop(mpsc_t *q) {
    node_t *tail = q->tail;
    node_t *next = atomic_load_explicit(&tail->next, memory_order_relaxed);
    if (next == NULL)
        return NULL;
    q->tail = next;
    return next;                                   /* payload read by caller, line 71 */
}"""

CARGO_ERRS = """error[E0050]: method `fetch` has 2 parameters but the declaration in trait `Store::fetch` has 3
  --> src/store/memory.rs:41:14
   |
41 |     fn fetch(&self, key: &Key) -> Result<Option<Record>, StoreError> {
   |              ^^^^^^^^^^^^^^^^ expected 3 parameters, found 2
   |
  ::: src/store/mod.rs:22:14
   |
22 |     fn fetch(&self, key: &Key, opts: &FetchOpts) -> Result<Option<Record>, StoreError>;
   |              ------------------------------------ trait requires 3 parameters

error[E0050]: method `fetch` has 2 parameters but the declaration in trait `Store::fetch` has 3
  --> src/store/sqlite.rs:88:14
   |
88 |     fn fetch(&self, key: &Key) -> Result<Option<Record>, StoreError> {
   |              ^^^^^^^^^^^^^^^^ expected 3 parameters, found 2

error[E0061]: this method takes 2 arguments but 1 argument was supplied
   --> src/api/handlers.rs:117:28
    |
117 |     let rec = state.store.fetch(&key)?;
    |                           ^^^^^------ an argument of type `&FetchOpts` is missing

error[E0061]: this method takes 2 arguments but 1 argument was supplied
  --> src/sync/pull.rs:64:22
   |
64 |         match self.store.fetch(&k) {
   |                      ^^^^^----- an argument of type `&FetchOpts` is missing

Some errors have detailed explanations: E0050, E0061.
error: could not compile `vault-core` (lib) due to 4 previous errors"""

SMALL_DIFF = """diff --git a/src/features/orders/ExportButton.tsx b/src/features/orders/ExportButton.tsx
new file mode 100644
--- /dev/null
+++ b/src/features/orders/ExportButton.tsx
@@ -0,0 +1,31 @@
+import { useState } from "react";
+import { Button } from "@/components/Button";
+import { toCsv } from "@/lib/csv";
+import type { Order } from "./types";
+
+export function ExportButton({ orders }: { orders: Order[] }) {
+  const [busy, setBusy] = useState(false);
+
+  function onClick() {
+    setBusy(true);
+    const csv = toCsv(orders, ["id", "createdAt", "customerEmail", "total", "status"]);
+    const blob = new Blob([csv], { type: "text/csv" });
+    const url = URL.createObjectURL(blob);
+    const a = document.createElement("a");
+    a.href = url;
+    a.download = `orders-${new Date().toISOString().slice(0, 10)}.csv`;
+    a.click();
+    setBusy(false);
+  }
+
+  return (
+    <Button onClick={onClick} disabled={busy || orders.length === 0}>
+      Export CSV
+    </Button>
+  );
+}
diff --git a/src/features/orders/OrdersPage.tsx b/src/features/orders/OrdersPage.tsx
--- a/src/features/orders/OrdersPage.tsx
+++ b/src/features/orders/OrdersPage.tsx
@@ -40,6 +40,7 @@ export default function OrdersPage() {
       <PageHeader title="Orders">
         <DateRangePicker value={range} onChange={setRange} />
+        <ExportButton orders={orders} />
       </PageHeader>"""

R("sonnet", "debug", "systems", "follow-up", None,
  "Four compiler errors with one cause (trait signature changed, impls and call sites not updated); routine fix.",
  "that broke the build, fix it. I only meant to add the FetchOpts param to the trait, should have said update the impls\n\n" + CARGO_ERRS)
R("sonnet", "debug", "tooling", "follow-up", None,
  "A circular import introduced by moving a module, with the trace naming both modules; identifiable cause.",
  "moving the helpers broke the test collection:\n\nImportError while importing test module '/repo/tests/test_pricing.py'.\n"
  "tests/test_pricing.py:3: in <module>\n    from shop.pricing.rules import apply_rules\nshop/pricing/rules.py:5: in <module>\n"
  "    from shop.pricing.helpers import round_money\nshop/pricing/helpers.py:2: in <module>\n    from shop.pricing.rules import DEFAULT_CURRENCY\n"
  "E   ImportError: cannot import name 'DEFAULT_CURRENCY' from partially initialized module 'shop.pricing.rules' (most likely due to a circular import)")
R("sonnet", "refactor", "web", "follow-up", None,
  "Bare continuation of a multi-file change; continue follow-ups are sonnet.",
  "ok continue from where you stopped, you'd done 3 of the 7 handlers")
R("sonnet", "implement", "web", "follow-up", None,
  "An empty-input branch plus a test across a service call; small but multi-step.",
  "also handle the empty case: when search returns no hits we still call the ranking service with an empty list and it 400s. skip the call, return [] and add a test for it")
R("sonnet", "review", "web", "follow-up", None,
  "Routine review of a small UI diff.",
  "here's the diff for the export button, review it before I open the PR\n\n" + SMALL_DIFF)
R("sonnet", "refactor", "databases", "follow-up", None,
  "Replacing an ORM query hack with a database view is a known refactor with a migration.",
  "revert that and try another approach: instead of patching the ORM query with raw SQL, add a postgres view for the order summary and map a read-only model to it")
R("sonnet", "debug", "web", "plain", None,
  "A TypeError with the component and line; identifiable cause (data undefined before load).",
  "orders page crashes on first load, fine after refresh\n\nTypeError: Cannot read properties of undefined (reading 'map')\n"
  "    at OrdersTable (OrdersTable.tsx:42:23)\n    at renderWithHooks (react-dom.development.js:15486:18)\n"
  "    at mountIndeterminateComponent (react-dom.development.js:20103:13)")
R("sonnet", "debug", "tooling", "follow-up", None,
  "Fuzzer crashes with reproducing inputs in one code path; fix and add regression tests.",
  "the lexer fuzz target you wrote found 3 crashes, all in the string-escape path (inputs are in fuzz/artifacts/). fix them and add each crashing input as a regression test")
R("sonnet", "ops", "tooling", "follow-up", None,
  "Cherry-picking fixes onto a diverged branch and resolving conflicts; routine.",
  "now port those three commits to release/2.x. it has diverged a bit, the lexer file was split there. cherry-pick and fix the conflicts, run the tests on that branch")
R("sonnet", "explain", "web", "follow-up", "hard-words-easy",
  "Explaining an existing 120-line state machine is non-trivial but routine despite the distributed-sounding names.",
  "before I touch it: walk me through sync/engine.ts. it's a ~120 line state machine with states like QUORUM_WAIT and CONSENSUS_COMMIT but as far as I know it just syncs the local draft to the server")
R("opus", "debug", "data", "follow-up", "easy-words-hard",
  "Same input, wildly variable runtime, no lead; needs a theory across locks, plans and resources.",
  "the numbers are right now, thanks. but the same job on the same data sometimes takes 10 minutes and sometimes 3 hours, and I have no idea why")
R("opus", "implement", "systems", "follow-up", "short-hard",
  "Converting a mutex queue to lock-free is memory-ordering and reclamation work.",
  "now make it lock-free")
R("opus", "question", "systems", "follow-up", "short-hard",
  "Checking linearizability of a concurrent structure is formal concurrency reasoning.",
  "is that actually linearizable?")
R("opus", "debug", "web", "follow-up", None,
  "Finding why two services disagree on order state needs cross-service consistency reasoning without a lead.",
  "revert that and try another approach. retries with backoff just hide it. I want to know why orders and payments disagree about the order state in the first place, both services are in this repo")
R("opus", "debug", "general", "plain", "easy-words-hard",
  "Concurrent approvals overspending a budget is a race/lost-update problem needing locking or constraint design.",
  "when two managers approve expenses at the same moment the team budget can go below zero. it's supposed to be impossible")
R("opus", "review", "security", "follow-up", None,
  "Token revocation across regions with replication lag is a distributed security question.",
  "think about multi-region for this too: the same user can hit eu and us within seconds of each other. does the token revocation you designed still hold, and what's the worst case window?")
R("opus", "design", "web", "terse", "short-hard",
  "Idempotency keys for a public API involve concurrency, storage and semantics trade-offs.",
  "design idempotency keys for our public POST endpoints")
R("opus", "debug", "systems", "follow-up", None,
  "TSAN flags a race in a relaxed-atomics MPSC queue; the fix needs memory-ordering reasoning, not just a lock.",
  "tsan on the ingest test now says this. don't just put a mutex on it, the queue has to stay lock-free\n\n" + TSAN)
R("opus", "debug", "general", "follow-up", "easy-words-hard",
  "A fix that passes tests but not production with no lead needs a new theory.",
  "the test you wrote passes on my machine and in CI, but it still breaks for some customers once in a while. what are we not reproducing?")
R("haiku", "question", "tooling", "follow-up", "long-trivial",
  "Reading which step failed and its exit code from a CI log is a lookup.",
  "which step failed and with what exit code? don't fix anything yet\n\n" + gen_ci_log(1701))
R("haiku", "edit", "tooling", "follow-up", "long-trivial",
  "Extracting URLs from a pasted README is mechanical.",
  "pull out every URL in this README as a plain list, I want to check which ones are dead\n\n" + README_LINKS)

# ------------------------------------------------------------------ writer
def write():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "w15.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for i, row in enumerate(ROWS, 1):
            r = {"id": f"w15-{i:04d}", **row}
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

if __name__ == "__main__":
    write()
