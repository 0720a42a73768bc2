#!/usr/bin/env python3
"""Writer w21: prompts typed inside an agentic coding session (Claude Code in a Rust/TS monorepo, a Django app,
a Terraform repo, an iOS app): follow-ups, terse commands, repo-wide asks, pasted test output, compiler errors, diffs.
Run `python3 w21.py` to write w21.jsonl deterministically."""
import json, random

ROWS = []

def R(label, category, domain, voice, trap, rationale, prompt, language="en"):
    ROWS.append({"prompt": prompt, "label": label, "rationale": rationale, "category": category,
                 "domain": domain, "voice": voice, "language": language, "trap": trap})

# ---------------------------------------------------------------- material generators (seeded)

VERBS = ["parses", "rejects", "accepts", "handles", "roundtrips", "serializes", "decodes", "retries", "merges",
         "splits", "normalizes", "validates", "resolves", "caches", "evicts", "flushes", "skips", "emits"]
NOUNS = ["empty_input", "unicode_keys", "trailing_comma", "nested_arrays", "large_payload", "expired_token",
         "missing_header", "duplicate_ids", "negative_offset", "zero_capacity", "utf16_surrogates", "crlf_lines",
         "null_fields", "max_u64", "stale_entry", "partial_frame", "out_of_order_acks", "invalid_checksum",
         "redirect_loop", "empty_batch", "single_item", "tombstones", "schema_v2", "legacy_format"]

def ts(rng, day=18, hour=9):
    return "2026-11-%02dT%02d:%02d:%02d.%07dZ" % (day, hour, rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 9999999))

def cargo_test_log(seed, crate, mods, n, fails=(), dur="4.81s"):
    rng = random.Random(seed)
    names = []
    for _ in range(n):
        names.append("%s::tests::%s_%s" % (rng.choice(mods), rng.choice(VERBS), rng.choice(NOUNS)))
    names = sorted(set(names))
    out = ["   Compiling %s v0.%d.%d (/home/dev/src/monorepo/crates/%s)" % (crate, rng.randint(1, 9), rng.randint(0, 20), crate),
           "    Finished `test` profile [unoptimized + debuginfo] target(s) in %d.%02ds" % (rng.randint(8, 90), rng.randint(0, 99)),
           "     Running unittests src/lib.rs (target/debug/deps/%s-%016x)" % (crate.replace("-", "_"), rng.getrandbits(64)),
           "", "running %d tests" % (len(names) + len(fails))]
    allnames = names + [f[0] for f in fails]
    rng.shuffle(allnames)
    fnames = {f[0] for f in fails}
    for t in allnames:
        out.append("test %s ... %s" % (t, "FAILED" if t in fnames else ("ignored" if rng.random() < 0.03 else "ok")))
    if fails:
        out += ["", "failures:", ""]
        for name, msg in fails:
            out += ["---- %s stdout ----" % name, msg, "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace", ""]
        out += ["", "failures:"] + ["    " + f[0] for f in fails]
    out += ["", "test result: %s. %d passed; %d failed; %d ignored; 0 measured; 0 filtered out; finished in %s" %
            ("FAILED" if fails else "ok", len(names), len(fails), 0, dur), ""]
    if fails:
        out.append("error: test failed, to rerun pass `-p %s --lib`" % crate)
    return "\n".join(out)

def jest_log(seed, pkg, files, fail=None):
    rng = random.Random(seed)
    out = ["> %s@%d.%d.%d test" % (pkg, rng.randint(0, 3), rng.randint(0, 30), rng.randint(0, 9)), "> jest --ci", ""]
    total = 0
    for f in files:
        k = rng.randint(3, 14)
        total += k
        if fail and fail[0] == f:
            out.append(" FAIL  %s (%.3f s)" % (f, rng.uniform(0.4, 6)))
            out.append(fail[1])
        else:
            out.append(" PASS  %s%s" % (f, " (%.3f s)" % rng.uniform(1, 9) if rng.random() < 0.3 else ""))
    nf = 1 if fail else 0
    out += ["", "Test Suites: %s%d passed, %d total" % ("%d failed, " % nf if nf else "", len(files) - nf, len(files)),
            "Tests:       %s%d passed, %d total" % ("1 failed, " if nf else "", total - nf, total),
            "Snapshots:   0 total",
            "Time:        %.3f s" % rng.uniform(8, 70), "Ran all test suites."]
    return "\n".join(out)

def pytest_log(seed, app, mods, n, fails=()):
    rng = random.Random(seed)
    out = ["============================= test session starts ==============================",
           "platform linux -- Python 3.12.7, pytest-8.3.3, pluggy-1.5.0",
           "django: version: 5.1.3, settings: config.settings.test (from ini)",
           "rootdir: /app", "configfile: pyproject.toml",
           "plugins: django-4.9.0, cov-5.0.0, xdist-3.6.1, Faker-30.8.2",
           "collected %d items" % n, ""]
    per = max(1, n // len(mods))
    ffiles = {f[0].split("::")[0] for f in fails}
    for m in mods:
        path = "%s/tests/%s" % (app, m)
        dots = "".join("F" if (path in ffiles and i == per // 2) else "." for i in range(per))
        out.append("%s %s" % (path, dots))
    if fails:
        out += ["", "=================================== FAILURES ==================================="]
        for name, body in fails:
            out += ["_" * 20 + " " + name.split("::")[-1] + " " + "_" * 20, body, ""]
        out.append("=========================== short test summary info ============================")
        for name, body in fails:
            out.append("FAILED %s - %s" % (name, body.strip().splitlines()[-1].lstrip("E ").strip()))
    out.append("=================== %s%d passed in %.2fs ===================" %
               ("%d failed, " % len(fails) if fails else "", n - len(fails), rng.uniform(5, 120)))
    return "\n".join(out)

AWS_RES = [("aws_iam_role", ["name", "assume_role_policy", "max_session_duration"]),
           ("aws_s3_bucket", ["bucket", "force_destroy"]),
           ("aws_security_group_rule", ["type", "from_port", "to_port", "protocol", "cidr_blocks"]),
           ("aws_cloudwatch_log_group", ["name", "retention_in_days"]),
           ("aws_lambda_function", ["function_name", "runtime", "memory_size", "timeout", "handler"]),
           ("aws_sqs_queue", ["name", "visibility_timeout_seconds", "message_retention_seconds"]),
           ("aws_route53_record", ["name", "type", "ttl"]),
           ("aws_ecs_service", ["name", "desired_count", "launch_type"]),
           ("aws_db_parameter_group", ["name", "family"])]
SVC = ["billing", "orders", "ledger", "notifier", "search", "auth", "ingest", "exports", "webhooks", "catalog"]

def tf_val(rng, attr, svc):
    return {"name": '"%s-%s-prod"' % (svc, rng.choice(["worker", "api", "cron", "dlq", "logs"])),
            "bucket": '"acme-%s-%s-%d"' % (svc, rng.choice(["artifacts", "exports", "backups"]), rng.randint(100, 999)),
            "function_name": '"%s-%s"' % (svc, rng.choice(["reconcile", "fanout", "thumbnail", "rotate-keys"])),
            "runtime": '"%s"' % rng.choice(["python3.12", "nodejs20.x", "provided.al2023"]),
            "memory_size": str(rng.choice([128, 256, 512, 1024])), "timeout": str(rng.choice([3, 15, 30, 60, 300])),
            "handler": '"%s"' % rng.choice(["main.handler", "index.handler", "bootstrap"]),
            "retention_in_days": str(rng.choice([7, 14, 30, 90, 365])), "type": '"%s"' % rng.choice(["ingress", "egress", "A", "CNAME"]),
            "from_port": str(rng.choice([443, 5432, 6379, 8080])), "to_port": str(rng.choice([443, 5432, 6379, 8080])),
            "protocol": '"tcp"', "cidr_blocks": '[\n          + "10.%d.0.0/16",\n        ]' % rng.randint(0, 40),
            "max_session_duration": "3600", "assume_role_policy": "jsonencode(\n            {\n              + Statement = [...]\n            }\n        )",
            "force_destroy": "false", "visibility_timeout_seconds": str(rng.choice([30, 60, 900])),
            "message_retention_seconds": "1209600", "ttl": "300", "desired_count": str(rng.randint(1, 6)),
            "launch_type": '"FARGATE"', "family": '"postgres16"'}[attr]

def tf_plan(seed, n, destroy_one=None):
    rng = random.Random(seed)
    out = ["Terraform used the selected providers to generate the following execution", "plan. Resource actions are indicated with the following symbols:",
           "  + create", "  ~ update in-place", "-/+ destroy and then create replacement", "", "Terraform will perform the following actions:", ""]
    adds = chg = des = 0
    for i in range(n):
        rt, attrs = rng.choice(AWS_RES)
        svc = rng.choice(SVC)
        mod = "module.%s" % svc
        rname = "%s.%s.%s" % (mod, rt, rng.choice(["this", "main", "worker", "primary", "dlq"]))
        if destroy_one is not None and i == destroy_one:
            out.append("  # %s must be replaced" % rname)
            out.append("-/+ resource \"%s\" \"%s\" {" % (rt, rname.split(".")[-1]))
            out.append("      ~ id = \"%s\" -> (known after apply)" % ("%s-%08x" % (svc, rng.getrandbits(32))))
            out.append("      ~ name = \"%s-primary\" -> \"%s-primary-v2\" # forces replacement" % (svc, svc))
            out += ["        # (%d unchanged attributes hidden)" % rng.randint(4, 20), "    }", ""]
            adds += 1; des += 1
            continue
        if rng.random() < 0.6:
            out.append("  # %s will be created" % rname)
            out.append("  + resource \"%s\" \"%s\" {" % (rt, rname.split(".")[-1]))
            for a in attrs:
                out.append("      + %-28s = %s" % (a, tf_val(rng, a, svc)))
            out.append("      + %-28s = (known after apply)" % "arn")
            out.append("      + %-28s = {\n          + \"team\"    = \"platform\"\n          + \"service\" = \"%s\"\n        }" % ("tags", svc))
            adds += 1
        else:
            out.append("  # %s will be updated in-place" % rname)
            out.append("  ~ resource \"%s\" \"%s\" {" % (rt, rname.split(".")[-1]))
            a = rng.choice(attrs)
            out.append("      ~ %s = %s -> %s" % (a, tf_val(rng, a, svc), tf_val(rng, a, svc)))
            out.append("        # (%d unchanged attributes hidden)" % rng.randint(2, 15))
            chg += 1
        out += ["    }", ""]
    out.append("Plan: %d to add, %d to change, %d to destroy." % (adds, chg, des))
    return "\n".join(out)

def gha_log(seed, n, steps=("Checkout", "Setup pnpm", "Install", "Build", "Test"), tail=()):
    rng = random.Random(seed)
    out = []
    per = max(2, n // len(steps))
    clock = [14 * 3600 + rng.randint(0, 1800) + rng.random()]
    pk = ["@acme/ui", "@acme/api-client", "@acme/orders", "@acme/billing", "@acme/shared", "@acme/web", "@acme/admin", "@acme/config"]

    def stamp():
        clock[0] += rng.expovariate(1 / 0.8)
        t = clock[0]
        return "2026-11-18T%02d:%02d:%02d.%07dZ" % (int(t) // 3600, (int(t) // 60) % 60, int(t) % 60, int((t % 1) * 1e7))

    def msg(step):
        st = step.lower()
        if "checkout" in st:
            return rng.choice(["Syncing repository: acme/monorepo", "Fetching the repository",
                               "[command]/usr/bin/git -c protocol.version=2 fetch --no-tags --prune --no-recurse-submodules --depth=1 origin +%040x:refs/remotes/origin/main" % rng.getrandbits(160),
                               "Determining the checkout info", "[command]/usr/bin/git log -1 --format=%H"])
        if "setup" in st or "cache" in st:
            return rng.choice(["Cache restored successfully", (lambda a: "Received %d of %d (100.0%%), %.1f MBs/sec" % (a, a, rng.uniform(20, 180)))(rng.randint(10**7, 9 * 10**8)),
                               "Found in cache @ /opt/hostedtoolcache/node/20.18.0/x64", "Cache hit for: node-cache-Linux-x64-pnpm-%016x" % rng.getrandbits(64),
                               "info: downloading component 'rust-std'", "Attempting to download 9.12.3..."])
        if "install" in st:
            a = rng.randint(900, 1500)
            return rng.choice(["Progress: resolved %d, reused %d, downloaded %d, added %d" % (a, a - 3, 3, rng.randint(0, a)),
                               "Packages: +%d" % a, "Lockfile is up to date, resolution step is skipped",
                               "Done in %.1fs using pnpm v9.12.3" % rng.uniform(8, 40)])
        p = rng.choice(pk)
        if "build" in st:
            return rng.choice(["%s:build: cache miss, executing %016x" % (p, rng.getrandbits(64)),
                               "%s:build: cache hit, replaying logs %016x" % (p, rng.getrandbits(64)),
                               "%s:build: > tsup src/index.ts --format esm,cjs --dts" % p,
                               "%s:build: ESM dist/index.js %.2f KB" % (p, rng.uniform(2, 300))])
        if "lint" in st or "clippy" in st:
            return rng.choice(["%s:lint: > eslint . --max-warnings 0" % p, "%s:lint: ✔ No ESLint warnings or errors" % p,
                               "    Checking %s v0.%d.%d (/home/runner/work/monorepo/monorepo/crates/%s)" % ((lambda c: (c, rng.randint(1, 9), rng.randint(0, 20), c))(rng.choice(["orders", "ledger", "ingest", "catalog", "api"])))])
        if "typecheck" in st:
            return "%s:typecheck: > tsc --noEmit -p tsconfig.json" % p
        if "upload" in st:
            return rng.choice(["Uploading coverage.xml", "Artifact upload progress: %d%%" % rng.randint(1, 100)])
        if "start" in st:
            return rng.choice(["Container monorepo-postgres-1  Healthy", "Container monorepo-redis-1  Started", "waiting for http://localhost:8000/healthz ..."])
        if "playwright" in st:
            return "[chromium] › %s.spec.ts:%d:7 › %s ✓ (%.1fs)" % (rng.choice(["cart", "checkout", "orders", "auth", "search"]), rng.randint(5, 120),
                                                              rng.choice(["adds item", "applies coupon", "logs in", "shows empty state", "filters by status"]), rng.uniform(0.5, 9))
        return rng.choice(["%s:test: PASS src/%s.test.ts" % (p, rng.choice(["format", "money", "retry", "router", "session", "cart"])),
                           "%s:test:  ✓ src/%s.test.ts (%d tests) %dms" % (p, rng.choice(["pricing", "totals", "flags", "dates"]), rng.randint(3, 40), rng.randint(5, 900))])

    for s in steps:
        out.append("%s ##[group]Run %s" % (stamp(), s))
        for _ in range(per):
            out.append("%s %s" % (stamp(), msg(s)))
        out.append("%s ##[endgroup]" % stamp())
    for t in tail:
        out.append("%s %s" % (stamp(), t))
    return "\n".join(out)

def cargo_lock(seed, n, pin=None):
    rng = random.Random(seed)
    base = ["tokio", "serde", "serde_json", "hyper", "axum", "tower", "tracing", "tracing-subscriber", "bytes", "futures-util",
            "anyhow", "thiserror", "sqlx", "rustls", "ring", "uuid", "chrono", "regex", "once_cell", "parking_lot", "mio",
            "http", "http-body", "pin-project-lite", "smallvec", "itoa", "ryu", "memchr", "libc", "log", "rand", "rand_core",
            "getrandom", "cfg-if", "hashbrown", "indexmap", "syn", "quote", "proc-macro2", "unicode-ident", "base64", "url",
            "percent-encoding", "idna", "tinyvec", "socket2", "slab", "lock_api", "scopeguard", "crossbeam-utils", "dashmap",
            "prost", "tonic", "h2", "httparse", "want", "try-lock", "time", "num-traits", "autocfg", "either", "itertools",
            "sha2", "digest", "generic-array", "typenum", "block-buffer", "cpufeatures", "hex", "async-trait", "clap", "clap_derive"]
    names = sorted(set(rng.sample(base, min(n, len(base)))) | ({pin[0]} if pin else set()))
    out = ["# This file is automatically @generated by Cargo.", "# It is not intended for manual editing.", "version = 4", ""]
    for nm in names:
        ver = pin[1] if pin and nm == pin[0] else "%d.%d.%d" % (rng.choice([0, 0, 1, 1, 2]), rng.randint(1, 40), rng.randint(0, 30))
        out += ["[[package]]", 'name = "%s"' % nm, 'version = "%s"' % ver,
                'source = "registry+https://github.com/rust-lang/crates.io-index"',
                'checksum = "%064x"' % rng.getrandbits(256)]
        deps = rng.sample(names, rng.randint(0, 5))
        if deps:
            out.append("dependencies = [")
            out += [' "%s",' % d for d in sorted(deps) if d != nm]
            out.append("]")
        out.append("")
    return "\n".join(out)

def localizable(seed, n, lang="en", drop=None):
    rng = random.Random(seed)
    screens = ["onboarding", "checkout", "settings", "profile", "orders", "cart", "search", "notifications", "auth", "wallet"]
    things = ["title", "subtitle", "cta", "error.network", "error.generic", "empty.title", "empty.body", "confirm", "cancel",
              "retry", "placeholder", "hint", "toggle.label", "footer", "banner"]
    en = {"title": ["Welcome back", "Your orders", "Checkout", "Settings", "Notifications", "Your wallet"],
          "subtitle": ["Pick up where you left off", "Everything in one place", "Almost there"],
          "cta": ["Continue", "Place order", "Save changes", "Get started", "Add card"],
          "error.network": ["You appear to be offline.", "We couldn't reach the server. Try again."],
          "error.generic": ["Something went wrong.", "That didn't work. Please try again."],
          "empty.title": ["Nothing here yet", "No results"], "empty.body": ["Items you save will show up here.", "Try a different search."],
          "confirm": ["Confirm", "Yes, delete"], "cancel": ["Cancel", "Not now"], "retry": ["Retry", "Try again"],
          "placeholder": ["Search products", "Email address", "Promo code"], "hint": ["At least 8 characters", "We'll never share your email."],
          "toggle.label": ["Push notifications", "Dark mode", "Use Face ID"], "footer": ["Terms of Service", "Privacy Policy"],
          "banner": ["Free delivery on orders over $35", "New: pay with Apple Pay"]}
    keys = []
    for s in screens:
        for t in things:
            keys.append((s, t))
    rng.shuffle(keys)
    keys = keys[:n]
    out = ["/* Localizable.strings (%s) — generated by l10n-sync, do not hand-edit the keys */" % lang, ""]
    cur = None
    for s, t in sorted(keys):
        if s != cur:
            out += ["", "/* MARK: - %s */" % s.capitalize()]
            cur = s
        if drop and (s, t) == drop:
            continue
        out.append('"%s.%s" = "%s";' % (s, t, rng.choice(en[t])))
    return "\n".join(out)

def ts_error_codes(seed, n):
    rng = random.Random(seed)
    areas = ["AUTH", "ORDER", "PAYMENT", "CART", "INVENTORY", "SHIPPING", "USER", "WEBHOOK", "RATE", "EXPORT"]
    probs = ["NOT_FOUND", "EXPIRED", "INVALID_STATE", "CONFLICT", "FORBIDDEN", "TIMEOUT", "MALFORMED", "LIMIT_EXCEEDED",
             "ALREADY_EXISTS", "UNSUPPORTED", "DEPENDENCY_FAILED", "LOCKED", "STALE_VERSION", "MISSING_FIELD"]
    seen = set()
    out = ["// packages/shared/src/errors/codes.ts", "import { HttpStatus } from '../http/status';", "",
           "export interface ErrorSpec {", "  status: HttpStatus;", "  retryable: boolean;", "  message: string;", "}", "",
           "export const ERROR_CODES: Record<string, ErrorSpec> = {"]
    while len(seen) < n:
        k = "%s_%s" % (rng.choice(areas), rng.choice(probs))
        if k in seen:
            continue
        seen.add(k)
        st = {"NOT_FOUND": 404, "FORBIDDEN": 403, "CONFLICT": 409, "ALREADY_EXISTS": 409, "TIMEOUT": 504, "LIMIT_EXCEEDED": 429,
              "LOCKED": 423, "STALE_VERSION": 409}.get(k.split("_", 1)[1], rng.choice([400, 422, 500, 502]))
        out += ["  %s: {" % k, "    status: %d," % st, "    retryable: %s," % ("true" if st in (502, 504, 429) else "false"),
                "    message: '%s',"
                % (k.split("_", 1)[0].capitalize() + " " + k.split("_", 1)[1].lower().replace("_", " ")), "  },"]
    out.append("};")
    return "\n".join(out)

def django_request_log(seed, n, spike=None):
    rng = random.Random(seed)
    paths = ["/api/v2/orders/", "/api/v2/orders/%d/", "/api/v2/cart/", "/api/v2/products/?page=%d", "/healthz",
             "/api/v2/auth/token/refresh/", "/admin/orders/order/", "/api/v2/invoices/%d/pdf/", "/api/v2/webhooks/stripe/"]
    out = []
    sec = 0
    for i in range(n):
        sec += rng.randint(0, 3)
        p = rng.choice(paths)
        if "%d" in p:
            p = p % rng.randint(1, 99999)
        st = rng.choices([200, 201, 204, 301, 400, 401, 404, 500], [60, 8, 5, 2, 4, 3, 3, 1])[0]
        ms = int(rng.lognormvariate(3.5, 0.8))
        if spike and spike[0] <= i < spike[1] and "invoices" in p:
            ms = rng.randint(8000, 30000); st = rng.choice([200, 504])
        out.append("%s [%s] INFO django.request: %s %s %d %dms user=%s rid=%08x" % (
            "2026-11-19 %02d:%02d:%02d,%03d" % (3 + sec // 3600, (sec // 60) % 60, sec % 60, rng.randint(0, 999)),
            "web-%d" % rng.randint(1, 4), rng.choice(["GET", "GET", "POST", "PATCH"]), p, st, ms, rng.randint(1000, 90000), rng.getrandbits(32)))
    return "\n".join(out)

def rust_handlers(seed, n):
    rng = random.Random(seed)
    ents = ["order", "invoice", "customer", "refund", "shipment", "coupon", "webhook", "payout", "subscription", "address"]
    out = ["// crates/api/src/handlers.rs", "use axum::{extract::{Path, State, Json}, http::StatusCode};",
           "use crate::{AppState, db, models::*};", "use uuid::Uuid;", ""]
    for i in range(n):
        e = ents[i % len(ents)]
        op = ["get", "create", "delete", "list"][(i // len(ents)) % 4]
        if op == "get":
            out += ["pub async fn get_%s(State(st): State<AppState>, Path(id): Path<Uuid>) -> Result<Json<%s>, (StatusCode, String)> {" % (e, e.capitalize()),
                    "    let row = db::%s::find(&st.pool, id)" % e, "        .await",
                    "        .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;",
                    "    match row {", "        Some(r) => Ok(Json(r)),", "        None => Err((StatusCode::NOT_FOUND, format!(\"%s {} not found\", id))),"
                    % e, "    }", "}", ""]
        elif op == "create":
            out += ["pub async fn create_%s(State(st): State<AppState>, Json(body): Json<New%s>) -> Result<(StatusCode, Json<%s>), (StatusCode, String)> {" % (e, e.capitalize(), e.capitalize()),
                    "    if let Err(msg) = body.validate() {", "        return Err((StatusCode::UNPROCESSABLE_ENTITY, msg));", "    }",
                    "    let created = db::%s::insert(&st.pool, &body)" % e, "        .await",
                    "        .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;",
                    "    Ok((StatusCode::CREATED, Json(created)))", "}", ""]
        elif op == "delete":
            out += ["pub async fn delete_%s(State(st): State<AppState>, Path(id): Path<Uuid>) -> Result<StatusCode, (StatusCode, String)> {" % e,
                    "    let n = db::%s::delete(&st.pool, id)" % e, "        .await",
                    "        .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;",
                    "    if n == 0 { return Err((StatusCode::NOT_FOUND, format!(\"%s {} not found\", id))); }" % e,
                    "    Ok(StatusCode::NO_CONTENT)", "}", ""]
        else:
            out += ["pub async fn list_%ss(State(st): State<AppState>, Query(p): Query<Page>) -> Result<Json<Vec<%s>>, (StatusCode, String)> {" % (e, e.capitalize()),
                    "    let limit = p.limit.unwrap_or(%d).min(200);" % rng.choice([20, 50, 100]),
                    "    db::%s::list(&st.pool, p.cursor, limit)" % e, "        .await", "        .map(Json)",
                    "        .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))", "}", ""]
    return "\n".join(out)

def django_models(seed, n_models):
    rng = random.Random(seed)
    names = ["Order", "OrderLine", "Invoice", "Refund", "Customer", "Address", "Shipment", "Coupon", "Payout", "Subscription",
             "Plan", "Warehouse", "StockMove", "PriceList", "TaxRate", "WebhookEndpoint", "AuditEvent", "ApiKey"]
    out = ["# orders/models.py", "from decimal import Decimal", "from django.db import models", "from django.conf import settings",
           "from django.utils import timezone", ""]
    for nm in names[:n_models]:
        out += ["", "class %s(models.Model):" % nm]
        fields = rng.sample([
            "reference = models.CharField(max_length=32, unique=True)", "created_at = models.DateTimeField(default=timezone.now)",
            "updated_at = models.DateTimeField(auto_now=True)", "amount = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal('0.00'))",
            "currency = models.CharField(max_length=3, default='EUR')", "status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)",
            "notes = models.TextField(blank=True)", "is_active = models.BooleanField(default=True)",
            "owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name='+')",
            "metadata = models.JSONField(default=dict, blank=True)", "external_id = models.CharField(max_length=64, blank=True, db_index=True)",
            "quantity = models.PositiveIntegerField(default=1)", "email = models.EmailField()", "country = models.CharField(max_length=2)"],
            rng.randint(4, 9))
        out += ["    " + f for f in fields]
        out += ["", "    class Meta:", "        ordering = ['-created_at']" if any("created_at" in f for f in fields) else "        ordering = ['pk']",
                "", "    def __str__(self):", "        return f'%s {self.pk}'" % nm]
    return "\n".join(out)

def xcode_log(seed, n, err=None):
    rng = random.Random(seed)
    files = ["CheckoutView.swift", "CartViewModel.swift", "OrderListView.swift", "APIClient.swift", "AuthSession.swift", "ImageCache.swift",
             "ProfileView.swift", "SettingsStore.swift", "PushRegistrar.swift", "AnalyticsTracker.swift", "Money.swift", "DeepLinkRouter.swift"]
    out = ["Command line invocation:", "    /Applications/Xcode_16.1.app/Contents/Developer/usr/bin/xcodebuild -workspace Shop.xcworkspace -scheme Shop -destination platform=iOS\\ Simulator,name=iPhone\\ 16 build", ""]
    for _ in range(n):
        f = rng.choice(files)
        out.append(rng.choice([
            "SwiftCompile normal arm64 /Users/runner/work/shop-ios/Shop/Sources/%s (in target 'Shop' from project 'Shop')" % f,
            "SwiftEmitModule normal arm64 Emitting\\ module\\ for\\ ShopKit (in target 'ShopKit' from project 'Shop')",
            "CompileAssetCatalog /Users/runner/Library/Developer/Xcode/DerivedData/Shop-%s/Build/Products/Debug-iphonesimulator/Shop.app" % "".join(rng.choice("abcdefghijklmnop") for _ in range(12)),
            "/Users/runner/work/shop-ios/Shop/Sources/%s:%d:%d: warning: '%s' was deprecated in iOS 17.0" % (f, rng.randint(10, 400), rng.randint(5, 40), rng.choice(["onChange(of:perform:)", "UIApplication.shared.windows", "NavigationView"])),
            "Ld /Users/runner/Library/Developer/Xcode/DerivedData/Shop/Build/Products/Debug-iphonesimulator/ShopKit.framework/ShopKit normal"]))
    if err:
        out += err.splitlines()
        out += ["", "** BUILD FAILED **", "", "The following build commands failed:",
                "\tSwiftCompile normal arm64 Compiling\\ %s (in target 'Shop' from project 'Shop')" % err.split(":")[0].split("/")[-1],
                "(1 failure)"]
    else:
        out += ["", "** BUILD SUCCEEDED **"]
    return "\n".join(out)

def csv_rows(seed, n):
    rng = random.Random(seed)
    out = ["order_id,created_at,customer_id,country,currency,amount,status,channel"]
    for i in range(n):
        out.append("ORD-%06d,2026-10-%02d %02d:%02d:%02d,C%05d,%s,%s,%.2f,%s,%s" % (
            100000 + i * rng.randint(1, 3), rng.randint(1, 31), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59),
            rng.randint(1, 40000), rng.choice(["FR", "DE", "KR", "US", "GB", "ES"]), rng.choice(["EUR", "EUR", "USD", "KRW", "GBP"]),
            rng.uniform(3, 900), rng.choice(["paid", "paid", "paid", "refunded", "pending", "failed"]), rng.choice(["web", "ios", "android", "pos"])))
    return "\n".join(out)

def long_diff_rename(seed, n_files, old, new):
    rng = random.Random(seed)
    out = []
    for i in range(n_files):
        f = "packages/%s/src/%s.ts" % (rng.choice(["orders", "billing", "web", "admin", "shared"]),
                                       rng.choice(["service", "routes", "hooks", "client", "store", "utils", "mapper"]) + str(i))
        out += ["diff --git a/%s b/%s" % (f, f), "index %07x..%07x 100644" % (rng.getrandbits(28), rng.getrandbits(28)),
                "--- a/%s" % f, "+++ b/%s" % f]
        for _ in range(rng.randint(1, 3)):
            ln = rng.randint(5, 300)
            out.append("@@ -%d,7 +%d,7 @@ %s" % (ln, ln, rng.choice(["export function load(", "export class Repo {", "const handler = async (", ""])))
            ctx = rng.choice(["const res = await ", "  return ", "  const data = ", "export const x = "])
            out += ["   const id = params.id;", "   if (!id) throw new BadRequest('id');",
                    "-  %s%s(id, { signal });" % (ctx.strip() + " " if ctx else "", old),
                    "+  %s%s(id, { signal });" % (ctx.strip() + " " if ctx else "", new), "   log.debug({ id }, 'loaded');", "   return res;", " }"]
    return "\n".join(out)
# ================================================================ batch 1: Rust/TS monorepo session

E_BORROW = """error[E0502]: cannot borrow `self.entries` as mutable because it is also borrowed as immutable
   --> crates/ledger/src/journal.rs:142:13
    |
138 |         let last = self.entries.last();
    |                    ------------ immutable borrow occurs here
...
142 |             self.entries.push(Entry::reversal(&e));
    |             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ mutable borrow occurs here
...
147 |         if let Some(prev) = last {
    |                             ---- immutable borrow later used here

For more information about this error, try `rustc --explain E0502`.
error: could not compile `ledger` (lib) due to 1 previous error"""

E_SEND = """error: future cannot be sent between threads safely
   --> crates/ingest/src/worker.rs:88:18
    |
88  |     tokio::spawn(async move {
    |  __________________^
89  | |       let guard = state.cursor.lock().unwrap();
90  | |       let batch = fetch_batch(&client, guard.offset).await?;
91  | |       guard.advance(batch.len());
92  | |       Ok::<_, anyhow::Error>(())
93  | |   });
    | |___^ future created by async block is not `Send`
    |
    = help: within `{async block@crates/ingest/src/worker.rs:88:18: 93:6}`, the trait `Send` is not implemented for `std::sync::MutexGuard<'_, Cursor>`
note: future is not `Send` as this value is used across an await
   --> crates/ingest/src/worker.rs:90:54
    |
89  |       let guard = state.cursor.lock().unwrap();
    |           ----- has type `std::sync::MutexGuard<'_, Cursor>` which is not `Send`
90  |       let batch = fetch_batch(&client, guard.offset).await?;
    |                                                      ^^^^^ await occurs here, with `guard` maybe used later
note: required by a bound in `tokio::spawn`
   --> /home/dev/.cargo/registry/src/index.crates.io-6f17d22bba15001f/tokio-1.41.1/src/task/spawn.rs:167:21
    |
165 |     pub fn spawn<F>(future: F) -> JoinHandle<F::Output>
    |            ----- required by a bound in this function
166 |     where
167 |         F: Future + Send + 'static,
    |                     ^^^^ required by this bound in `spawn`"""

E_UNUSED = """warning: unused import: `std::collections::BTreeMap`
 --> crates/orders/src/pricing.rs:3:5
  |
3 | use std::collections::BTreeMap;
  |     ^^^^^^^^^^^^^^^^^^^^^^^^^^
  |
  = note: `#[warn(unused_imports)]` on by default

warning: `orders` (lib) generated 1 warning (run `cargo fix --lib -p orders` to apply 1 suggestion)"""

TS_ERR = """packages/orders/src/api/createOrder.ts:47:9 - error TS2322: Type 'string | undefined' is not assignable to type 'string'.
  Type 'undefined' is not assignable to type 'string'.

47         customerId: req.user?.id,
           ~~~~~~~~~~

  packages/orders/src/domain/order.ts:12:3
    12   customerId: string;
         ~~~~~~~~~~
    The expected type comes from property 'customerId' which is declared here on type 'NewOrder'

Found 1 error in packages/orders/src/api/createOrder.ts:47"""

R("haiku", "edit", "tooling", "terse", None, "Removing one unused import flagged by the compiler: mechanical one-liner.",
  "fix this warning\n\n" + E_UNUSED)
R("sonnet", "debug", "systems", "terse", None, "Borrow-checker error with a clear location; restructuring the borrow takes some care: everyday Rust.",
  E_BORROW + "\n\nfix")
R("sonnet", "debug", "systems", "follow-up", None, "Std MutexGuard held across await: known cause, known fixes (scope the guard or tokio Mutex); TB7 borrow/async subtlety is sonnet.",
  "ok that fixed ledger, now ingest won't build\n\n" + E_SEND)
R("haiku", "explain", "systems", "terse", None, "Explaining a common compiler error message in a sentence.",
  "what does E0502 mean in plain english")
R("haiku", "edit", "web", "typos", None, "One-line type fix with the location given.",
  TS_ERR + "\n\njust make it compile, customerId is always there after the auth middlware")
R("sonnet", "debug", "web", "follow-up", None, "TB8: 'try again' only points back; work unknown, default sonnet.",
  "no thats wrong, dont use the non-null assertion. try again")
R("sonnet", "refactor", "web", "plain", None, "Threading a typed authenticated request through the handlers of one package: multi-file refactor.",
  "Instead of patching createOrder, make the auth middleware narrow the request type so `req.user` is non-optional in every handler under packages/orders/src/api. Update the handlers accordingly.")
R("haiku", "ops", "tooling", "terse", None, "One shell command.",
  "run cargo test for just the ledger crate")
R("haiku", "question", "tooling", "terse", None, "Well-known flag; answer checkable at a glance.",
  "how do i run a single test by name with cargo again")
R("sonnet", "test", "systems", "terse", None, "Writing tests for existing code.",
  "add unit tests for Journal::reverse, cover the empty journal and double reversal")
R("sonnet", "debug", "systems", "plain", None, "Single failing test with an assertion message pointing at the cause.",
  "why did this fail\n\n" + cargo_test_log(101, "ledger", ["journal", "balance", "posting", "currency"], 38,
      [("balance::tests::rounds_half_even_on_split", "thread 'balance::tests::rounds_half_even_on_split' panicked at crates/ledger/src/balance.rs:311:9:\nassertion `left == right` failed\n  left: [Money { minor: 3334, ccy: EUR }, Money { minor: 3333, ccy: EUR }, Money { minor: 3334, ccy: EUR }]\n right: [Money { minor: 3334, ccy: EUR }, Money { minor: 3333, ccy: EUR }, Money { minor: 3333, ccy: EUR }]")]))
R("haiku", "question", "systems", "terse", "long-trivial", "TB5: long test log, the ask is just which test failed; readable at a glance.",
  cargo_test_log(102, "ingest", ["worker", "cursor", "decoder", "sink", "backoff"], 160,
      [("decoder::tests::decodes_partial_frame", "thread 'decoder::tests::decodes_partial_frame' panicked at crates/ingest/src/decoder.rs:88:14:\ncalled `Result::unwrap()` on an `Err` value: UnexpectedEof")]) + "\n\nwhich one failed")
R("opus", "debug", "systems", "follow-up", "easy-words-hard", "TB6: a test that fails only sometimes in CI with no lead; intermittent failure needs a theory.",
  "that decoder test passes locally 50/50 times but fails maybe 1 in 10 on CI. no idea why. dig in")
R("sonnet", "implement", "systems", "follow-up", None, "TB8: 'handle the retry case' is a clear, bounded feature addition.",
  "make it handle the retry case too — if fetch_batch returns a transient error, back off and retry up to 5 times before giving up")
R("opus", "implement", "systems", "follow-up", "short-hard", "TB8: 'now make it lock-free' names hard concurrent work; memory ordering is opus.",
  "now make the cursor lock-free")
R("haiku", "edit", "systems", "follow-up", None, "TB8: renaming back is mechanical.",
  "actually rename `advance` back to `bump`, i liked it better")
R("haiku", "docs", "systems", "terse", None, "A docstring on one function.",
  "add a doc comment to Cursor::advance")
R("haiku", "docs", "tooling", "terse", None, "Commit message: small text task.",
  "write the commit msg for this")
R("sonnet", "refactor", "systems", "plain", None, "Migrating handlers to a new error type across one crate: several files, clear target.",
  "Migrate every handler in crates/api to return `Result<_, ApiError>` instead of `(StatusCode, String)`. ApiError is already defined in crates/api/src/error.rs with an IntoResponse impl.")
R("haiku", "question", "tooling", "terse", "long-trivial", "TB5: find one pinned version in a long lockfile.",
  cargo_lock(103, 72, ("tokio", "1.38.0")) + "\n\nwhat tokio version is locked")
R("sonnet", "refactor", "web", "follow-up", None, "TB8: 'do the same for X' repeats an everyday refactor on another service.",
  "nice. now do the same for the orders service")
R("haiku", "ops", "tooling", "terse", None, "Version bump: mechanical edit.",
  "bump the version of @acme/api-client to 2.4.0")
R("sonnet", "ops", "tooling", "terse", None, "Running tests and fixing whatever breaks: unknown set of everyday fixes.",
  "run the tests and fix what breaks")
R("opus", "debug", "tooling", "terse", "short-hard", "Flaky CI across a monorepo without a lead needs a theory across components (TB6).",
  "find why CI is flaky")
R("haiku", "question", "web", "terse", None, "Short factual question.",
  "whats the difference between pnpm -r and pnpm --filter")
R("sonnet", "implement", "web", "plain", None, "Endpoint with a clear spec.",
  "Add a GET /orders/:id/timeline endpoint in packages/orders that returns status transitions sorted by time. The data is in order_events already. Include the zod schema for the response.")
R("haiku", "edit", "web", "terse", None, "Sorting imports is mechanical.",
  "sort the imports in packages/web/src/routes/cart.tsx")
R("sonnet", "review", "web", "plain", None, "TB10: ordinary diff review for correctness and style.",
  """review this before I push

diff --git a/packages/orders/src/domain/discount.ts b/packages/orders/src/domain/discount.ts
index 3f1a2c9..8be0d41 100644
--- a/packages/orders/src/domain/discount.ts
+++ b/packages/orders/src/domain/discount.ts
@@ -1,28 +1,41 @@
 import { Money } from '@acme/shared/money';
-import type { Coupon } from './coupon';
+import type { Coupon, CouponKind } from './coupon';

-export function applyCoupon(total: Money, coupon: Coupon): Money {
-  if (coupon.kind === 'percent') {
-    return total.multiply(1 - coupon.value / 100);
-  }
-  return total.subtract(Money.of(coupon.value, total.currency));
+export function applyCoupon(total: Money, coupon: Coupon, now = new Date()): Money {
+  if (coupon.expiresAt && coupon.expiresAt < now) {
+    return total;
+  }
+  switch (coupon.kind as CouponKind) {
+    case 'percent': {
+      const pct = Math.min(coupon.value, 100);
+      return total.multiply(1 - pct / 100);
+    }
+    case 'fixed': {
+      const off = Money.of(coupon.value, total.currency);
+      return off.greaterThan(total) ? Money.zero(total.currency) : total.subtract(off);
+    }
+    case 'free_shipping':
+      return total;
+  }
 }
+
+export function stackCoupons(total: Money, coupons: Coupon[]): Money {
+  return coupons.reduce((acc, c) => applyCoupon(acc, c), total);
+}""")
R("haiku", "question", "web", "follow-up", None, "Yes/no fact about the diff just pasted, checkable at a glance.",
  "does stackCoupons apply them in the order given or sorted?")
R("opus", "design", "web", "plain", "easy-words-hard", "TB6: open design of coupon stacking rules that must be consistent, order-independent and abuse-resistant.",
  "Product wants coupons to stack but the result must not depend on the order the customer applies them, and nobody should be able to get a negative total or exploit percent+fixed combos. Come up with the rules and the algorithm, then tell me what breaks in the current model.")
R("sonnet", "test", "web", "terse", None, "Tests for existing code.",
  "write vitest tests for applyCoupon, including the expired and fixed > total cases")
R("haiku", "question", "tooling", "terse", None, "One git command.",
  "how do i undo the last commit but keep the changes")
R("haiku", "ops", "tooling", "follow-up", None, "TB8: 'revert that' of one just-made change: one command.",
  "revert that")
R("sonnet", "debug", "web", "plain", None, "Jest failure with an explicit diff pointing to the cause.",
  jest_log(104, "@acme/web", ["src/components/Cart.test.tsx", "src/components/PriceTag.test.tsx", "src/hooks/useCheckout.test.ts",
                             "src/lib/format.test.ts", "src/routes/orders.test.tsx", "src/lib/retry.test.ts", "src/store/session.test.ts"],
           ("src/lib/format.test.ts", """  ● formatMoney › formats KRW without decimals

    expect(received).toBe(expected) // Object.is equality

    Expected: "₩12,500"
    Received: "₩12,500.00"

      14 |   it('formats KRW without decimals', () => {
      15 |     const m = Money.of(12500, 'KRW');
    > 16 |     expect(formatMoney(m, 'en-US')).toBe('₩12,500');
         |                                     ^
      17 |   });

      at Object.<anonymous> (src/lib/format.test.ts:16:37)""")) + "\n\nfix it, dont change the test")
R("sonnet", "implement", "web", "follow-up", None, "TB8: extend the fix to every zero-decimal currency using Intl data: bounded feature.",
  "ok and make it work for all zero-decimal currencies not just KRW (JPY, VND, CLP...). use Intl instead of a hardcoded list if you can")
R("opus", "plan", "web", "plain", "easy-words-hard", "TB6: plan across a monorepo to move money from floats to integer minor units without breaking consumers.",
  "we still store money as JS numbers in about half the packages. plan how we get everything onto integer minor units without a big-bang release, including the API contracts the mobile app depends on")
R("haiku", "edit", "web", "terse", None, "Rename one variable in a file.",
  "rename `tmp` to `subtotal` in cart.ts")
R("haiku", "question", "systems", "plain", None, "Conceptual question with a short standard answer.",
  "What's the difference between `impl Trait` in argument position and a generic parameter?")
R("sonnet", "explain", "systems", "plain", None, "TB7: why the compiler rejects this borrow across await is a subtle-but-known reason.",
  "Can you explain why moving `guard` into a block scope fixed the Send error? The guard is dropped before the await either way, isn't it?")
R("opus", "explain", "systems", "plain", None, "TB7: memory ordering semantics in concurrent code are opus.",
  """explain whether Relaxed is actually enough here or if this is a bug

pub fn try_claim(&self) -> Option<usize> {
    let mut cur = self.head.load(Ordering::Relaxed);
    loop {
        if cur == self.tail.load(Ordering::Relaxed) { return None; }
        match self.head.compare_exchange_weak(cur, cur + 1, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => return Some(cur),
            Err(actual) => cur = actual,
        }
    }
}

pub fn publish(&self, idx: usize, v: T) {
    unsafe { (*self.slots[idx % N].get()).write(v); }
    self.tail.fetch_add(1, Ordering::Relaxed);
}""")
R("haiku", "question", "tooling", "terse", None, "Simple factual question.",
  "which tsconfig option makes optional props not accept undefined explicitly")
R("sonnet", "ops", "tooling", "plain", None, "CI configuration change with clear steps.",
  "Add a GitHub Actions job that runs `cargo clippy -- -D warnings` and `cargo fmt --check` on PRs touching crates/**, with the cargo registry cached.")
R("haiku", "edit", "tooling", "follow-up", None, "TB8: a small YAML tweak to the job just written.",
  "also make it run on ubuntu-24.04 instead of latest")
R("opus", "design", "systems", "terse", "short-hard", "Open design with consistency trade-offs (exactly-once delivery).",
  "design exactly-once for the ingest->ledger handoff")
R("sonnet", "debug", "tooling", "typos", None, "Build error in CI log with a clear cause at the tail.",
  "ci red again, can u look\n\n" + gha_log(105, 60, tail=(
      "@acme/admin:typecheck: src/pages/Refunds.tsx(88,17): error TS2339: Property 'refundedAt' does not exist on type 'OrderSummary'.",
      "@acme/admin:typecheck: ERROR: command finished with error: command (/home/runner/work/monorepo/packages/admin) pnpm run typecheck exited (2)",
      " ERROR  run failed: command  exited (2)", "##[error]Process completed with exit code 2.")))
R("haiku", "question", "tooling", "typos", "long-trivial", "TB5: a very long CI log and a trivial question: which package failed.",
  "which package brok the build\n\n" + gha_log(106, 520, tail=(
      "@acme/billing:test: FAIL src/invoice/pdf.test.ts",
      "@acme/billing:test:   ● renders VAT line › includes reverse charge note",
      "@acme/billing:test: ERROR: command finished with error: command (/home/runner/work/monorepo/packages/billing) pnpm run test exited (1)",
      "##[error]Process completed with exit code 1.")))
R("sonnet", "refactor", "systems", "terse", None, "Splitting a module into files: everyday refactor.",
  "journal.rs is 1400 lines. split it into journal/{mod,entry,reversal,replay}.rs, no behaviour change")
R("opus", "review", "security", "plain", None, "TB10: security review of auth code.",
  "Do a security review of packages/auth: the session cookie handling, the refresh-token rotation and the password reset flow. I want concrete findings with severities, not a checklist.")
R("haiku", "question", "security", "plain", "hard-words-easy", "Scary words (HMAC, timing attack) but a short well-known fact.",
  "is `crypto.timingSafeEqual` the right thing to compare HMAC signatures in node, yes or no")
R("sonnet", "implement", "security", "plain", None, "Webhook signature verification to a documented spec: integration work with care.",
  "implement stripe webhook signature verification in packages/billing/src/webhooks.ts using their documented scheme (t=..., v1=...), with the 5 min tolerance. don't pull in the stripe sdk")
R("haiku", "edit", "web", "terse", None, "Adding a file header comment is mechanical.",
  "add the MIT header to packages/shared/src/money.ts")
R("sonnet", "question", "web", "follow-up", None, "TB8: 'continue' only points back; sonnet by default.",
  "ok continue")
R("haiku", "ops", "tooling", "terse", None, "One git command.",
  "squash the last 3 commits")
R("sonnet", "debug", "databases", "plain", None, "sqlx compile-time query error with a clear mismatch.",
  """cargo build fails after I added the column

error: error returned from database: column "settled_at" does not exist
  --> crates/ledger/src/db.rs:57:17
   |
57 |       let rows = sqlx::query_as!(
   |  ________________^
58 | |         PostingRow,
59 | |         r#"SELECT id, account_id, amount_minor, currency, settled_at FROM postings WHERE account_id = $1"#,
60 | |         account_id
61 | |     )
   | |_____^
   |
   = note: this error originates in the macro `$crate::sqlx_macros::expand_query` (in Nightly builds, run with -Z macro-backtrace for more info)

the migration is in crates/ledger/migrations/20261118_add_settled_at.sql""")
R("haiku", "ops", "databases", "follow-up", None, "One command to run migrations.",
  "right I forgot to run it. what's the sqlx command")
R("opus", "plan", "databases", "plain", None, "Zero-downtime migration of a hot table across services: multi-step, high stakes.",
  "postings has 900M rows and we need to change amount_minor from int4 to int8 without downtime. ledger and two other services write to it. give me the full plan, including backfill, dual writes and how we cut over")
R("sonnet", "implement", "databases", "plain", None, "A migration with known steps.",
  "write the sqlx migration that adds a nullable `settled_at timestamptz` to postings and an index on (account_id, settled_at) built concurrently")
R("haiku", "question", "databases", "terse", None, "Short factual answer.",
  "can CREATE INDEX CONCURRENTLY run inside a transaction")
R("sonnet", "refactor", "web", "plain", None, "Replacing a function across many files is mechanical per file but the diff must be applied everywhere.",
  "rename `fetchOrderById` to `loadOrder` everywhere in the repo, including tests and the mocks")
R("haiku", "review", "web", "terse", "long-trivial", "TB5: long rename diff; the ask is only to spot a leftover occurrence, checkable by search.",
  long_diff_rename(107, 36, "fetchOrderById", "loadOrder") + "\n\nany place in this diff where the old name survived?")
# ================================================================ batch 2: Django app session

DJ_TRACE = """Internal Server Error: /api/v2/orders/48213/refund/
Traceback (most recent call last):
  File "/app/.venv/lib/python3.12/site-packages/django/core/handlers/exception.py", line 55, in inner
    response = get_response(request)
  File "/app/.venv/lib/python3.12/site-packages/django/core/handlers/base.py", line 197, in _get_response
    response = wrapped_callback(request, *callback_args, **callback_kwargs)
  File "/app/.venv/lib/python3.12/site-packages/django/views/decorators/csrf.py", line 65, in _view_wrapper
    return view_func(request, *args, **kwargs)
  File "/app/.venv/lib/python3.12/site-packages/rest_framework/viewsets.py", line 124, in view
    return self.dispatch(request, *args, **kwargs)
  File "/app/.venv/lib/python3.12/site-packages/rest_framework/views.py", line 509, in dispatch
    response = self.handle_exception(exc)
  File "/app/.venv/lib/python3.12/site-packages/rest_framework/views.py", line 506, in dispatch
    response = handler(request, *args, **kwargs)
  File "/app/orders/views.py", line 214, in refund
    amount = serializer.validated_data["amount"] or order.total_paid - order.refunded_total
  File "/app/orders/models.py", line 133, in refunded_total
    return sum(r.amount for r in self.refunds.filter(status=Refund.Status.SUCCEEDED))
TypeError: unsupported operand type(s) for -: 'NoneType' and 'Decimal'"""

DJ_MIGR = """$ python manage.py migrate
Operations to perform:
  Apply all migrations: admin, auth, contenttypes, orders, payments, sessions, webhooks
Running migrations:
  Applying orders.0042_order_channel... OK
  Applying payments.0017_payout_fee_split...Traceback (most recent call last):
  File "/app/manage.py", line 22, in <module>
    main()
  ...
  File "/app/.venv/lib/python3.12/site-packages/django/db/backends/utils.py", line 105, in _execute
    return self.cursor.execute(sql, params)
django.db.utils.IntegrityError: column "fee_minor" of relation "payments_payout" contains null values"""

R("sonnet", "debug", "web", "terse", None, "Traceback points straight at a None total_paid; fix the property/default.",
  DJ_TRACE + "\n\nfix")
R("haiku", "explain", "web", "plain", None, "Explaining a common error message in a sentence.",
  "what does `unsupported operand type(s) for -: 'NoneType' and 'Decimal'` mean, short answer")
R("opus", "review", "web", "follow-up", None, "Refunds under concurrent requests: double-refund race needs locking/idempotency reasoning (concurrency + money).",
  "ok now that it doesn't crash — can two refund requests for the same order race each other and refund more than was paid? check the whole refund path and fix it properly if so")
R("sonnet", "debug", "databases", "plain", None, "Migration fails with a clear cause (NOT NULL column without default on existing rows).",
  DJ_MIGR + "\n\nwhat do I do")
R("sonnet", "implement", "databases", "follow-up", None, "Splitting into add-nullable/backfill/set-not-null migrations: known steps.",
  "split 0017 into three migrations: add nullable, backfill from fee_total, then make it not null")
R("haiku", "ops", "databases", "terse", None, "One command.",
  "how do i fake a migration in django")
R("haiku", "ops", "databases", "terse", None, "One command.",
  "show me the sql for orders 0042")
R("sonnet", "test", "web", "plain", None, "Writing tests for an existing view.",
  "Write pytest tests for OrderViewSet.refund: full refund, partial refund, refund over the paid amount (400), refund on an unpaid order (409). Use the factories in orders/tests/factories.py.")
R("sonnet", "debug", "web", "plain", None, "Failing test whose assertion points at the cause (timezone-aware date).",
  pytest_log(201, "orders", ["test_models.py", "test_views.py", "test_serializers.py", "test_tasks.py", "test_pricing.py", "test_admin.py"], 148,
     [("orders/tests/test_tasks.py::test_daily_report_includes_midnight_orders", """    def test_daily_report_includes_midnight_orders(order_factory, freezer):
        freezer.move_to("2026-11-18 23:30:00+01:00")
        order_factory(created_at=timezone.now())
        report = build_daily_report(date(2026, 11, 18))
>       assert report.count == 1
E       assert 0 == 1
E        +  where 0 = DailyReport(date=datetime.date(2026, 11, 18), count=0, gross=Decimal('0.00')).count

orders/tests/test_tasks.py:57: AssertionError""")]) + "\n\nwhy")
R("haiku", "question", "web", "follow-up", None, "Yes/no about a setting.",
  "is USE_TZ on in our settings? just check config/settings/base.py")
R("opus", "debug", "web", "plain", "easy-words-hard", "TB6: prod symptom in prose, intermittent, no lead.",
  "Every few days some customers get charged twice. Stripe shows two PaymentIntents a few hundred ms apart, our DB has one order. It doesn't happen in staging. Figure out how this can happen.")
R("sonnet", "implement", "web", "plain", None, "Idempotency-key support for one endpoint with a clear spec.",
  "add idempotency keys to POST /api/v2/payments/: the client sends Idempotency-Key, we store (key, user, response) for 24h and replay the stored response on a repeat. use the existing redis client")
R("opus", "review", "web", "follow-up", None, "TB10: reviewing an idempotency design for races between concurrent first requests is concurrency work.",
  "now think about two requests with the same key arriving at the same time on different web pods. is what you wrote actually safe? I want an argument, not vibes")
R("haiku", "edit", "web", "terse", None, "Reformatting a file.",
  "run black on orders/ and commit")
R("haiku", "question", "web", "terse", None, "Well-known fact.",
  "select_related vs prefetch_related, one line each")
R("sonnet", "debug", "databases", "plain", None, "N+1 from the log, known fix with select_related/prefetch.",
  """the order list endpoint does this for one page of 50 orders, fix the N+1

(0.002) SELECT "orders_order"."id", "orders_order"."reference", "orders_order"."customer_id", "orders_order"."status" FROM "orders_order" ORDER BY "orders_order"."created_at" DESC LIMIT 50
(0.001) SELECT "customers_customer"."id", "customers_customer"."email" FROM "customers_customer" WHERE "customers_customer"."id" = 88213 LIMIT 21
(0.001) SELECT "orders_orderline"."id", "orders_orderline"."sku", "orders_orderline"."qty" FROM "orders_orderline" WHERE "orders_orderline"."order_id" = 48213
(0.001) SELECT "customers_customer"."id", "customers_customer"."email" FROM "customers_customer" WHERE "customers_customer"."id" = 10344 LIMIT 21
(0.001) SELECT "orders_orderline"."id", "orders_orderline"."sku", "orders_orderline"."qty" FROM "orders_orderline" WHERE "orders_orderline"."order_id" = 48212
(0.001) SELECT "customers_customer"."id", "customers_customer"."email" FROM "customers_customer" WHERE "customers_customer"."id" = 77120 LIMIT 21
(0.002) SELECT "orders_orderline"."id", "orders_orderline"."sku", "orders_orderline"."qty" FROM "orders_orderline" WHERE "orders_orderline"."order_id" = 48211
... (97 more)""")
R("opus", "debug", "databases", "plain", None, "Performance cliff needing analysis of plans and data distribution, no known fix.",
  """After last night's deploy, the order search went from ~40ms to 6-9s, but only for some merchants. Same query, same indexes. EXPLAIN ANALYZE for a slow merchant:

Limit  (cost=0.56..1843.21 rows=50 width=212) (actual time=6021.44..6188.90 rows=50 loops=1)
  ->  Index Scan Backward using orders_order_created_at_idx on orders_order  (cost=0.56..2210433.80 rows=59961 width=212) (actual time=6021.43..6188.80 rows=50 loops=1)
        Filter: ((merchant_id = 4411) AND ((status)::text = ANY ('{paid,shipped}'::text[])))
        Rows Removed by Filter: 18220417
Planning Time: 0.412 ms
Execution Time: 6189.02 ms

and for a fast one:

Limit  (cost=0.56..212.40 rows=50 width=212) (actual time=0.081..0.944 rows=50 loops=1)
  ->  Index Scan Backward using orders_order_created_at_idx on orders_order  (cost=0.56..4120511.19 rows=972615 width=212) (actual time=0.080..0.931 rows=50 loops=1)
        Filter: ((merchant_id = 12) AND ((status)::text = ANY ('{paid,shipped}'::text[])))
        Rows Removed by Filter: 311
Planning Time: 0.390 ms
Execution Time: 0.981 ms

The deploy only added a `channel` column. Why, and what's the right fix (not just 'add an index')?""")
R("haiku", "question", "databases", "follow-up", None, "Reading one number off the plan just pasted.",
  "how many rows did it throw away in the slow one")
R("sonnet", "implement", "web", "plain", None, "Celery task with retry policy to a clear spec.",
  "Turn send_invoice_email into a celery task with autoretry on SMTPException, exponential backoff capped at 10 min, max 6 retries. Call it with .delay from the signal handler.")
R("opus", "design", "web", "terse", "short-hard", "Outbox/transactional messaging design: consistency between DB and broker.",
  "celery task fires before the transaction commits sometimes. design this properly")
R("sonnet", "debug", "web", "follow-up", None, "Known fix: transaction.on_commit; small and identifiable.",
  "just wrap the .delay in transaction.on_commit for now, we'll do the outbox later")
R("haiku", "edit", "web", "follow-up", None, "TB8: adding a docstring.",
  "also add a docstring saying why it's on_commit")
R("sonnet", "refactor", "web", "plain", None, "Refactoring a module: move business logic out of views into a service layer.",
  "orders/views.py has pricing logic inlined in 4 actions. pull it into orders/services/pricing.py with plain functions, keep the views thin, no behaviour change, tests must still pass")
R("sonnet", "implement", "web", "terse", None, "Admin customisation with clear spec.",
  "add a django admin action to mark selected orders as shipped and send the email")
R("haiku", "edit", "web", "terse", None, "Adding list_display fields is a one-line edit.",
  "show reference, status and created_at in the Order admin list")
R("opus", "review", "security", "plain", None, "TB10: security review of an upload path; subtle mistakes are vulnerabilities.",
  "We let merchants upload CSV price lists and product images through /api/v2/uploads/. Files go to S3 via presigned URLs, then a celery job parses the CSV and resizes the images with Pillow. Threat-model this and tell me what to fix first.")
R("haiku", "question", "security", "terse", "hard-words-easy", "Security vocabulary but a one-line factual answer.",
  "does django's CsrfViewMiddleware check the Origin header now")
R("sonnet", "implement", "security", "plain", None, "Rate-limiting an endpoint with a known library: integration.",
  "add rate limiting to the password reset endpoint with django-ratelimit: 5/hour per IP and 3/hour per email, return 429 with the standard error body")
R("haiku", "question", "tooling", "terse", None, "One command.",
  "how to see which migrations are unapplied")
R("sonnet", "ops", "infrastructure", "plain", None, "Docker build config with known steps.",
  "make the Dockerfile multi-stage: build wheels with uv in a builder image, copy only the venv into python:3.12-slim, run as non-root, collectstatic at build time")
R("haiku", "edit", "infrastructure", "follow-up", None, "TB8: one-line tweak.",
  "change the base to 3.12.7-slim-bookworm and pin it")
R("opus", "debug", "web", "plain", "easy-words-hard", "TB6: leak under load in prod, no clear lead.",
  "gunicorn workers slowly grow to ~1.8GB over a day and get OOM killed, only on the api pods, not the admin ones. started maybe two weeks ago. no obvious change. where do I even start, and what do you think it is")
R("sonnet", "debug", "web", "follow-up", None, "Identifiable cause from a memray snippet: a module-level cache without bounds.",
  """ok I ran memray on one worker for an hour, top allocators:

📏 Total allocations: 48112030
📦 Total memory allocated: 1.612GB
🥇 Top 5 largest allocating locations (by size):
	- _cache_key:/app/pricing/fx.py:41 -> 1.201GB
	- __init__:/app/.venv/lib/python3.12/site-packages/rest_framework/serializers.py:120 -> 88.450MB
	- loads:/usr/local/lib/python3.12/json/__init__.py:346 -> 61.020MB
	- _compile:/usr/local/lib/python3.12/re/_compiler.py:759 -> 12.004MB
	- get:/app/.venv/lib/python3.12/site-packages/redis/client.py:566 -> 9.880MB

pricing/fx.py:
36  _RATES = {}
37
38  def convert(amount, src, dst, at=None):
39      at = at or timezone.now()
40      key = (src, dst, at)
41      if key not in _RATES:
42          _RATES[key] = _fetch_rate(src, dst, at)
43      return amount * _RATES[key]""")
R("haiku", "question", "web", "follow-up", None, "Pointing at the line causing growth: obvious from the paste.",
  "which line is it, just the line number")
R("haiku", "ops", "tooling", "terse", None, "Single command.",
  "pip freeze but only top level deps?")
R("sonnet", "review", "web", "plain", None, "TB10: diff review for correctness and style.",
  """can you review this

diff --git a/orders/serializers.py b/orders/serializers.py
index 7d0c1e2..b41a9f3 100644
--- a/orders/serializers.py
+++ b/orders/serializers.py
@@ -88,12 +88,24 @@ class OrderSerializer(serializers.ModelSerializer):
     lines = OrderLineSerializer(many=True)
     customer_email = serializers.EmailField(source="customer.email", read_only=True)
+    discount = serializers.SerializerMethodField()

     class Meta:
         model = Order
-        fields = ["id", "reference", "status", "lines", "customer_email", "total"]
+        fields = ["id", "reference", "status", "lines", "customer_email", "total", "discount"]
+
+    def get_discount(self, obj):
+        coupon = Coupon.objects.filter(order=obj).first()
+        if coupon == None:
+            return 0
+        return float(obj.subtotal - obj.total)

     def create(self, validated_data):
         lines = validated_data.pop("lines")
         order = Order.objects.create(**validated_data)
         for l in lines:
             OrderLine.objects.create(order=order, **l)
+        order.recalculate()
         return order""")
R("sonnet", "ops", "web", "plain", None, "CI workflow for Django with Postgres service: known configuration.",
  "set up a GitHub workflow for the django app: postgres 16 service, uv sync, pytest with -n auto, upload coverage.xml as artifact")
R("haiku", "question", "web", "typos", None, "Short factual.",
  "whats the setting for the max upload size in django agian")
R("opus", "plan", "web", "plain", "easy-words-hard", "TB6: plan to split a Django monolith into services: open design across a codebase.",
  "Payments keeps getting blocked by orders releases. Propose how we'd pull payments out of the Django monolith into its own service: boundaries, what data it owns, how the two talk, and the order we'd do it in without freezing feature work.")
R("sonnet", "explain", "web", "plain", None, "Explaining a medium module.",
  "explain what orders/signals.py does end to end, it's about 120 lines and nobody on the team remembers why half of it exists")
R("haiku", "explain", "web", "plain", None, "Short snippet explained in a sentence.",
  """what does this do

qs = Order.objects.filter(status="paid").values("merchant_id").annotate(n=Count("id")).order_by("-n")[:10]""")
R("sonnet", "explain", "web", "plain", None, "TB7: subtle but known Python behaviour (late-binding closure in a loop).",
  """why do all the buttons send the last order id?

handlers = []
for order in orders:
    handlers.append(lambda: send_receipt(order.id))""")
R("haiku", "edit", "data", "terse", None, "JSON to YAML conversion.",
  """convert to yaml

{"celery": {"broker_url": "redis://redis:6379/0", "task_acks_late": true, "worker_prefetch_multiplier": 1, "beat_schedule": {"daily-report": {"task": "orders.tasks.daily_report", "schedule": 86400}}}}""")
R("sonnet", "implement", "data", "plain", None, "CSV export with streaming: clear feature.",
  "add a streaming CSV export of orders for the admin (StreamingHttpResponse), filtered by the current changelist filters, columns: reference, created_at, customer email, total, status")
R("haiku", "question", "data", "terse", "long-trivial", "TB5: count rows matching a status in a long CSV — a mechanical count.",
  csv_rows(202, 480) + "\n\nhow many refunded rows are in here")
R("sonnet", "implement", "data", "plain", None, "Writing an import command with validation: everyday work.",
  "write a management command import_orders that reads this csv format (header below), validates each row, upserts by order_id and prints a summary of created/updated/skipped\n\norder_id,created_at,customer_id,country,currency,amount,status,channel")
R("opus", "design", "data", "plain", None, "Reconciliation design between two sources of truth with money: high stakes.",
  "finance says our monthly revenue export doesn't match Stripe by a few hundred euros every month. Design a reconciliation job that can prove where every cent of difference comes from (FX, refunds crossing month boundaries, disputes, fees) and what tables it needs.")
R("haiku", "docs", "web", "terse", None, "Changelog line.",
  "changelog line for the refund race fix")
R("sonnet", "debug", "web", "follow-up", None, "TB8: 'that didn't work' points back only.",
  "that didnt work, same error")
R("opus", "design", "security", "plain", None, "Designing multi-tenant isolation: security, subtle mistakes leak data.",
  "We're going multi-tenant: every merchant's data must be invisible to others, including in the admin, celery tasks and raw SQL reports. Row-level security in Postgres or a tenant-aware manager in Django? Pick one, justify it, and list where it'll leak if we're careless.")
R("haiku", "question", "databases", "plain", None, "Short fact.",
  "Does Postgres RLS apply to the table owner by default?")
R("sonnet", "implement", "web", "plain", None, "Adding a custom permission class across a viewset: clear spec.",
  "add a DRF permission IsMerchantMember and apply it to OrderViewSet and RefundViewSet; merchant comes from request.user.memberships, 404 rather than 403 for objects of other merchants")
# ================================================================ batch 3: Terraform repo session

TF_ERR_CYCLE = """╷
│ Error: Cycle: module.orders.aws_security_group_rule.from_lb, module.orders.aws_security_group.svc, module.edge.aws_lb.public, module.edge.aws_security_group.lb, module.orders.aws_security_group_rule.to_svc
│
╵"""

TF_ERR_STATE = """╷
│ Error: Error acquiring the state lock
│
│ Error message: operation error DynamoDB: PutItem, https response error StatusCode: 400, RequestID: 2VQ8K1P0JH6C4S7N0Q0E9M3V2BVV4KQNSO5AEMVJF66Q9ASUAAJG, ConditionalCheckFailedException: The conditional request failed
│ Lock Info:
│   ID:        4b1f0c7e-6a9d-2e31-8c55-0d7f3b2a91e4
│   Path:      acme-tfstate-prod/envs/prod/network/terraform.tfstate
│   Operation: OperationTypeApply
│   Who:       runner@gha-runner-7f9c2
│   Version:   1.9.8
│   Created:   2026-11-19 02:14:51.402118 +0000 UTC
│   Info:
│
│ Terraform acquires a state lock to protect the state from being written
│ by multiple users at the same time. Please resolve the issue above and try
│ again. For most commands, you can disable locking with the "-lock=false"
│ flag, but this is not recommended.
╵"""

R("haiku", "question", "infrastructure", "terse", "long-trivial", "TB5: long plan output, ask is the summary line count.",
  tf_plan(301, 120) + "\n\nhow many resources does this add")
R("opus", "review", "infrastructure", "plain", None, "Judging the blast radius of a large prod plan for risk: high stakes, cross-resource reasoning.",
  tf_plan(302, 180, destroy_one=97) + "\n\nThis is the prod plan for the module refactor. Go through it and tell me if anything here can cause downtime or data loss when applied, and in what order I should apply it if it needs splitting.")
R("haiku", "question", "infrastructure", "follow-up", None, "Pointing at the one replacement in the plan just discussed.",
  "which resource is getting replaced")
R("sonnet", "refactor", "infrastructure", "follow-up", None, "Writing moved blocks for a rename: known mechanism, several resources.",
  "add `moved` blocks so the module rename doesn't recreate anything")
R("sonnet", "debug", "infrastructure", "plain", None, "Dependency cycle with the resources named; break it with standalone rules.",
  TF_ERR_CYCLE + "\n\nthis started after I split the security groups into modules")
R("haiku", "explain", "infrastructure", "terse", None, "Common error, short answer: someone holds the lock.",
  TF_ERR_STATE + "\n\nwhat does this mean")
R("haiku", "ops", "infrastructure", "follow-up", None, "One command.",
  "the runner died mid apply. how do i unlock it")
R("opus", "debug", "infrastructure", "follow-up", "easy-words-hard", "State possibly half-applied after a crashed apply on the network stack: high-stakes recovery without a clear picture.",
  "ok unlocked. but that apply was halfway through replacing the NAT gateways when it died, and now plan wants to create 3 and destroy 2 of something. figure out what actually happened and how we get back to a sane state without taking prod egress down")
R("haiku", "edit", "infrastructure", "terse", None, "Formatting.",
  "terraform fmt everything under envs/")
R("haiku", "question", "infrastructure", "terse", None, "Short fact.",
  "difference between count and for_each in one sentence")
R("sonnet", "refactor", "infrastructure", "plain", None, "count→for_each migration with state moves: known steps.",
  "convert the aws_route53_record resources in modules/dns from count to for_each keyed by hostname, and add the moved blocks so nothing is recreated")
R("sonnet", "implement", "infrastructure", "plain", None, "New module with clear spec.",
  "Write a module modules/sqs_with_dlq: a queue, its DLQ, redrive policy with maxReceiveCount as a variable, a CloudWatch alarm on DLQ depth > 0, outputs for both ARNs and URLs.")
R("haiku", "edit", "infrastructure", "follow-up", None, "TB8: add a variable description, mechanical.",
  "add descriptions to all the variables in that module")
R("sonnet", "implement", "infrastructure", "follow-up", None, "TB8: do the same for another resource type — everyday module work.",
  "now do the same for SNS topics, same style")
R("opus", "design", "infrastructure", "plain", "easy-words-hard", "TB6: plan splitting a monolithic state safely across teams: open design.",
  "Our whole AWS account is one Terraform state, plan takes 11 minutes and two teams keep stepping on each other. How should we split it up, and what's the order of operations so nothing gets destroyed during the move?")
R("opus", "review", "security", "plain", None, "IAM policy review for privilege escalation paths: security review.",
  """check this role for privilege escalation. the CI deploy role for the orders service assumes it.

data "aws_iam_policy_document" "deploy" {
  statement {
    actions   = ["ecs:UpdateService", "ecs:DescribeServices", "ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition"]
    resources = ["*"]
  }
  statement {
    actions   = ["iam:PassRole"]
    resources = ["arn:aws:iam::412993870113:role/*"]
  }
  statement {
    actions   = ["ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload"]
    resources = ["*"]
  }
  statement {
    actions   = ["ssm:GetParameter", "ssm:GetParameters"]
    resources = ["arn:aws:ssm:eu-west-1:412993870113:parameter/orders/*"]
  }
  statement {
    actions   = ["logs:CreateLogGroup", "logs:PutRetentionPolicy"]
    resources = ["*"]
  }
}""")
R("haiku", "question", "security", "follow-up", "hard-words-easy", "Scary topic but a one-line factual question about the policy above.",
  "does that policy let it read secrets manager at all? yes/no")
R("sonnet", "edit", "security", "follow-up", None, "Scoping PassRole to specific roles with a condition: known fix, needs care.",
  "scope the PassRole to just the orders task and execution roles and add the iam:PassedToService condition")
R("sonnet", "ops", "infrastructure", "plain", None, "CI pipeline for terraform plan on PR: known configuration.",
  "Add a workflow that runs terraform plan for each changed env directory on PRs and posts the plan as a PR comment, using OIDC to assume the plan role. Apply stays manual.")
R("opus", "design", "infrastructure", "terse", "short-hard", "Safe automated apply with drift and concurrency concerns: open design.",
  "design auto-apply for prod that we can actually trust")
R("haiku", "question", "infrastructure", "terse", None, "One command.",
  "tf command to show one resource from state")
R("haiku", "edit", "infrastructure", "terse", None, "Mechanical: set one value.",
  "set retention_in_days to 30 for every log group in modules/ecs_service")
R("haiku", "question", "infrastructure", "plain", "long-trivial", "TB5: find one setting in a long plan.",
  tf_plan(303, 100) + "\n\nWhat memory_size do the lambdas end up with? Just list them.")
R("sonnet", "debug", "infrastructure", "plain", None, "Provider error with a clear cause (invalid combination).",
  """╷
│ Error: creating ECS Service (orders-api-prod): operation error ECS: CreateService, https response error StatusCode: 400, RequestID: 5c1b2f08-2d71-4a55-a0c4-6b7f1d3e0a92, InvalidParameterException: The target group with targetGroupArn arn:aws:elasticloadbalancing:eu-west-1:412993870113:targetgroup/orders-api-prod/3c9e0d2a17b4f6e1 does not have an associated load balancer.
│
│   with module.orders.aws_ecs_service.this,
│   on ../../modules/ecs_service/main.tf line 41, in resource "aws_ecs_service" "this":
│   41: resource "aws_ecs_service" "this" {
│
╵""")
R("sonnet", "implement", "infrastructure", "terse", None, "Adding autoscaling to a module: clear spec.",
  "add target tracking autoscaling on cpu 60% to the ecs_service module, min/max as vars")
R("opus", "debug", "infrastructure", "plain", "easy-words-hard", "TB6: intermittent network failures across components, no lead.",
  "Since we moved the orders service to the new VPC, roughly 0.5% of calls to the payments service time out after exactly 30s. Both are on ECS behind internal ALBs. Retries always succeed. Nothing in the app logs. What's your theory and how do we prove it?")
R("sonnet", "question", "infrastructure", "follow-up", None, "TB8: 'ok go ahead' only points back.",
  "ok go ahead")
R("haiku", "question", "infrastructure", "terse", None, "Short fact.",
  "whats the default idle timeout on an ALB")
R("sonnet", "refactor", "infrastructure", "plain", None, "Upgrading provider major version with known breaking changes across a repo: medium, known steps.",
  "bump the aws provider from 4.67 to 5.x across envs/ and fix the breaking changes (the s3 bucket sub-resources are the main thing I think)")
R("haiku", "ops", "infrastructure", "terse", None, "Mechanical version bump.",
  "bump required_version to >= 1.9 in every versions.tf")
R("opus", "plan", "infrastructure", "plain", None, "Multi-region DR plan: architecture with trade-offs, high stakes.",
  "We need a DR story for eu-west-1 going down: RPO 5 min, RTO 1 hour, for the Django app, Postgres (RDS), Redis and S3. Plan the architecture and the Terraform changes, and be honest about what we can't hit with our budget.")
R("sonnet", "docs", "infrastructure", "plain", None, "Writing a runbook/README for a module from its code: medium doc task.",
  "write a README for modules/ecs_service: inputs, outputs, an example, and the gotchas (the deployment circuit breaker, the health check grace period)")
R("haiku", "docs", "infrastructure", "follow-up", None, "TB8: fix a typo.",
  "typo in the readme, 'recieve'")
R("haiku", "edit", "infrastructure", "terse", "long-trivial", "TB5: sorting keys of a long map is mechanical.",
  "sort the keys in this alphabetically\n\nlocals {\n  service_ports = {\n" + "\n".join(
      "    %-22s = %d" % (n, p) for n, p in [("orders-api", 8080), ("billing-worker", 9100), ("ledger-api", 8081), ("search-indexer", 9200),
      ("auth", 8443), ("webhooks-out", 8090), ("notifier", 9300), ("exports-cron", 9400), ("catalog-api", 8082), ("admin", 8000),
      ("ingest-gateway", 7000), ("payouts-worker", 9101), ("fx-rates", 8095), ("inventory-api", 8083), ("shipping-quotes", 8084),
      ("pdf-renderer", 9500), ("feature-flags", 8500), ("audit-log", 9600), ("sessions", 8444), ("image-resizer", 9501),
      ("tax-engine", 8096), ("fraud-scorer", 9700), ("returns-api", 8085), ("loyalty", 8086)]) + "\n  }\n}")
# ================================================================ batch 4: iOS app session

SWIFT_ERR = """/Users/dev/shop-ios/Shop/Sources/Checkout/CheckoutViewModel.swift:58:13: error: main actor-isolated property 'isSubmitting' can not be mutated from a nonisolated context
            self.isSubmitting = false
            ^
/Users/dev/shop-ios/Shop/Sources/Checkout/CheckoutViewModel.swift:12:16: note: mutation of this property is only permitted within the actor
    @Published var isSubmitting = false
               ^
/Users/dev/shop-ios/Shop/Sources/Checkout/CheckoutViewModel.swift:51:10: note: add '@MainActor' to make instance method 'submit()' part of global actor 'MainActor'
    func submit() async {
         ^"""

CRASH = """Incident Identifier: 6F0C2B1E-8D44-4E0B-9A51-2C7B3F09D1AE
Hardware Model:      iPhone15,3
Process:             Shop [4412]
Version:             5.18.0 (5180021)
OS Version:          iPhone OS 18.1 (22B83)
Exception Type:  EXC_BREAKPOINT (SIGTRAP)
Termination Reason: SIGNAL 5 Trace/BPT trap: 5

Thread 0 Crashed:
0   libswiftCore.dylib            0x000000019a21c0f4 _assertionFailure(_:_:file:line:flags:) + 264
1   Shop                          0x0000000100f3a2d8 OrderListViewModel.item(at:) + 212 (OrderListViewModel.swift:88)
2   Shop                          0x0000000100f3b9c0 OrderListView.row(for:) + 96 (OrderListView.swift:41)
3   SwiftUI                       0x000000018c6e1a44 ForEachChild.updateValue() + 1280
4   AttributeGraph                0x00000001b2a4f2f0 AG::Graph::UpdateStack::update() + 520

Thread 0 name:  Dispatch queue: com.apple.main-thread
Fatal error: Index out of range"""

R("sonnet", "debug", "mobile", "terse", None, "Actor-isolation error with the fix suggested; applying it correctly takes care: everyday Swift concurrency.",
  SWIFT_ERR + "\n\nfix")
R("haiku", "edit", "mobile", "follow-up", None, "TB8: add one attribute as the compiler suggested.",
  "just put @MainActor on the whole class")
R("sonnet", "explain", "mobile", "plain", None, "TB7: why an actor-isolated mutation is rejected after an await: subtle-but-known Swift concurrency rule.",
  "why does it complain only after the `await api.placeOrder()` line and not before it? same function")
R("sonnet", "debug", "mobile", "plain", None, "Crash log points at an index out of range in one function.",
  CRASH + "\n\nwe got ~300 of these since 5.18. the view model is in Shop/Sources/Orders")
R("opus", "debug", "mobile", "follow-up", None, "TB6: index crash only when list refreshes while scrolling: race between a background refresh and SwiftUI diffing, needs a theory.",
  "i added a bounds check but I think that's hiding it. it only happens when pull-to-refresh lands while the user is scrolling fast, and the array is replaced from a background task. what's really going on and what's the right fix")
R("haiku", "question", "mobile", "terse", None, "Short factual.",
  "what's the min iOS version for NavigationStack")
R("haiku", "edit", "mobile", "terse", None, "Renaming in one file.",
  "rename OrderRowView to OrderCell")
R("sonnet", "refactor", "mobile", "plain", None, "Migrating a module from NavigationView to NavigationStack: several screens, known API.",
  "migrate the Orders and Settings tabs from NavigationView to NavigationStack with a typed path, keep deep links working")
R("sonnet", "refactor", "mobile", "follow-up", None, "TB8: same migration on another tab.",
  "now the same for the Cart tab")
R("haiku", "question", "mobile", "terse", "long-trivial", "TB5: long xcodebuild log; which file failed is at the bottom.",
  xcode_log(401, 420, err="/Users/runner/work/shop-ios/Shop/Sources/Wallet/WalletView.swift:77:22: error: cannot find 'CardBrandIcon' in scope\n                    CardBrandIcon(brand: card.brand)\n                    ^~~~~~~~~~~~~") + "\n\nwhich file")
R("haiku", "edit", "mobile", "follow-up", None, "Missing import/typo fix in one line.",
  "it got renamed to BrandIcon last week, fix the call site")
R("haiku", "question", "mobile", "terse", "long-trivial", "TB5: find the missing key in a long strings file.",
  localizable(402, 140, drop=("checkout", "retry")) + "\n\nis there a checkout.retry key in here")
R("sonnet", "edit", "mobile", "plain", None, "TB5: translating a whole strings file is many careful steps.",
  localizable(403, 90) + "\n\nTranslate this whole file into French for fr.lproj, keep the keys and comments untouched, use the informal 'tu' only where the English is casual.")
R("haiku", "edit", "mobile", "plain", "long-trivial", "TB5: sort the entries of a long file, mechanical.",
  localizable(404, 120) + "\n\nsort the entries alphabetically by key within each MARK section, nothing else")
R("sonnet", "implement", "mobile", "plain", None, "Feature with a clear spec in SwiftUI.",
  "Add a 'Reorder' button on the order detail screen that copies the lines into the cart (skipping out-of-stock items) and shows a toast with how many were skipped.")
R("sonnet", "test", "mobile", "terse", None, "Unit tests for existing view model.",
  "write XCTest cases for CartViewModel.apply(coupon:)")
R("opus", "design", "mobile", "plain", None, "Offline-first sync design with conflicts: consistency trade-offs.",
  "We want the cart to work offline and sync when back online, and the same account can be on the iPad and the phone. Design the sync: what's stored locally, how conflicts are resolved, what the server API needs to look like.")
R("haiku", "question", "mobile", "typos", None, "Short fact.",
  "how do i get the app versoin string in swift")
R("sonnet", "debug", "mobile", "plain", None, "Specific SwiftUI behaviour with an identifiable cause (state reset by view identity).",
  "the promo code text field clears itself every time the total updates. it's in CheckoutView, the field is inside a `ForEach(sections, id: \\.self)`. fix it")
R("opus", "debug", "mobile", "plain", "easy-words-hard", "TB6: app hangs on launch for a few users, can't reproduce: no clear lead.",
  "A handful of users say the app freezes on the splash screen forever after updating. We can't reproduce it, there are no crash reports because it never crashes, and the watchdog doesn't kill it. What could it be and how do we find out?")
R("sonnet", "implement", "mobile", "plain", None, "Keychain wrapper with clear spec.",
  "write a small Keychain wrapper for the refresh token (save/load/delete, kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly), async-safe, with a protocol so we can mock it")
R("opus", "review", "security", "follow-up", None, "TB10: security review of token storage and refresh on device.",
  "now review the whole auth flow on the app side (AuthSession, the keychain bits, the refresh on 401) as if you were attacking it. jailbroken devices are in scope")
R("haiku", "ops", "mobile", "terse", None, "Version bump.",
  "bump CFBundleShortVersionString to 5.19.0 and build number to 5190001")
R("haiku", "question", "mobile", "terse", None, "One command.",
  "fastlane command to upload to testflight")
R("sonnet", "ops", "mobile", "plain", None, "CI config for iOS builds: known steps.",
  "set up a GitHub Actions workflow on macos-15 that builds and runs the unit tests for the Shop scheme on the iPhone 16 simulator, with SPM caching")
R("sonnet", "debug", "mobile", "typos", None, "Build failing on CI with an obvious cause in the log.",
  "ci build fails but local works??\n\n" + xcode_log(405, 40, err="/Users/runner/work/shop-ios/Shop/Sources/Money.swift:14:8: error: no such module 'CurrencyKit'\nimport CurrencyKit\n       ^"))
R("haiku", "explain", "mobile", "plain", None, "Short snippet explained in a sentence.",
  """what does this do

let total = cart.lines.reduce(into: Decimal.zero) { $0 += $1.price * Decimal($1.qty) }""")
R("opus", "explain", "mobile", "plain", None, "TB7: unsafe/atomic memory semantics in Swift are opus.",
  """Is this thread safe? someone wrote it for the image cache hit counter and I don't trust it

final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = os_unfair_lock_t.allocate(capacity: 1)
    init() { lock.initialize(to: os_unfair_lock()) }
    func increment() { os_unfair_lock_lock(lock); value += 1; os_unfair_lock_unlock(lock) }
    var current: Int { value }
    deinit { lock.deallocate() }
}""")
R("opus", "plan", "mobile", "plain", None, "Migrating an app to Swift 6 strict concurrency: large multi-step plan across a codebase.",
  "plan the migration of the app to Swift 6 language mode with strict concurrency. ~180k lines, lots of singletons and completion handlers. I want an order of modules and a strategy, not just 'enable the flag'")
R("sonnet", "question", "mobile", "follow-up", None, "TB8: 'continue' points back only.",
  "continue with the next module")

# --- French and Korean rows
R("haiku", "question", "tooling", "other-language", None, "TB9: one git command, asked in French.",
  "comment je supprime une branche distante avec git ?", language="fr")
R("sonnet", "debug", "web", "other-language", None, "TB9: failing test with a clear cause, in French.",
  "le test test_refund_partial échoue depuis que j'ai changé le serializer, voilà l'erreur :\n\nE       AssertionError: assert Decimal('25.00') == Decimal('25')\nE        +  where Decimal('25.00') = <Refund: RF-00912>.amount\n\ncorrige le test ou le code, selon ce qui est faux", language="fr")
R("opus", "design", "systems", "other-language", "short-hard", "TB9: short French prompt asking for a lock-free design.",
  "conçois une file MPMC sans verrou pour le ledger", language="fr")
R("haiku", "edit", "web", "other-language", None, "TB9: adding a docstring, in French.",
  "ajoute une docstring à la fonction compute_vat", language="fr")
R("sonnet", "refactor", "web", "other-language", None, "TB9: module refactor, in French.",
  "refactorise orders/services/pricing.py : sépare le calcul de la TVA et celui des remises en deux modules, sans changer le comportement", language="fr")
R("opus", "debug", "databases", "other-language", "easy-words-hard", "TB9/TB6: lost writes after failover, prose only: opus.",
  "Après une bascule du primaire Postgres la nuit dernière, il nous manque une vingtaine de commandes qui avaient pourtant reçu un 201. On utilise la réplication synchrone... enfin je crois. Explique comment c'est possible et ce qu'il faut vérifier.", language="fr")
R("sonnet", "question", "general", "other-language", None, "TB8/TB9: 'continue' in French only points back.",
  "ok, continue", language="fr")
R("haiku", "docs", "tooling", "other-language", None, "TB9: commit message, in French.",
  "écris un message de commit pour ce changement, en anglais s'il te plaît", language="fr")
R("sonnet", "test", "systems", "other-language", None, "TB9: tests for existing code, in French.",
  "ajoute des tests pour le module backoff : délai max, jitter, et remise à zéro après un succès", language="fr")
R("opus", "review", "security", "other-language", None, "TB9/TB10: security review in French.",
  "fais une revue de sécurité du flux OAuth de l'appli iOS (PKCE, redirect URI, stockage du token). Je veux les failles concrètes, classées par gravité.", language="fr")
R("haiku", "question", "tooling", "other-language", None, "TB9: one-line factual question in Korean.",
  "cargo에서 특정 테스트 하나만 돌리는 명령어 뭐였지?", language="ko")
R("sonnet", "debug", "systems", "other-language", None, "TB9: compiler error with clear cause, in Korean.",
  "이 에러 고쳐줘\n\n" + E_BORROW, language="ko")
R("opus", "debug", "systems", "other-language", "easy-words-hard", "TB9/TB6: intermittent deadlock in prod described in prose.",
  "프로덕션에서 ingest 워커가 가끔 완전히 멈춰. CPU는 0%고 로그도 안 찍혀. 하루에 한두 번, 재현은 안 됨. tokio 쓰고 있고 std Mutex랑 채널 섞여 있어. 원인 추론해보고 어떻게 잡을지 알려줘", language="ko")
R("haiku", "edit", "web", "other-language", None, "TB9: rename, in Korean.",
  "getUser를 fetchCurrentUser로 이름 바꿔줘, 이 파일에서만", language="ko")
R("sonnet", "implement", "web", "other-language", None, "TB9: endpoint with clear spec, in Korean.",
  "orders 패키지에 PATCH /orders/:id/address 엔드포인트 추가해줘. 배송 전 상태일 때만 변경 가능하고, 아니면 409 반환. zod 스키마도 같이", language="ko")
R("opus", "plan", "web", "other-language", None, "TB9: multi-service migration plan, in Korean.",
  "모든 서비스의 에러 응답 포맷을 RFC 7807 problem+json으로 바꾸려고 해. 모바일 앱 구버전도 계속 돌아가야 함. 서비스 12개, 단계별 계획 세워줘", language="ko")
R("sonnet", "question", "general", "other-language", None, "TB8/TB9: 'that didn't work' only points back.",
  "안 되는데? 다시 해봐", language="ko")
R("haiku", "question", "databases", "other-language", None, "TB9: short fact, in Korean.",
  "postgres에서 테이블 크기 보는 쿼리 알려줘", language="ko")
R("sonnet", "review", "web", "other-language", None, "TB9/TB10: ordinary code review in Korean.",
  "이 PR 리뷰해줘. 스타일이랑 버그 위주로\n\n" + """diff --git a/packages/web/src/hooks/useCart.ts b/packages/web/src/hooks/useCart.ts
index 91ab0c2..e43d7f1 100644
--- a/packages/web/src/hooks/useCart.ts
+++ b/packages/web/src/hooks/useCart.ts
@@ -12,18 +12,29 @@ export function useCart() {
   const [items, setItems] = useState<CartItem[]>([]);
+  const [loading, setLoading] = useState(false);

-  const add = (item: CartItem) => setItems([...items, item]);
+  const add = async (item: CartItem) => {
+    setLoading(true);
+    const res = await api.cart.add(item);
+    setItems([...items, res]);
+    setLoading(false);
+  };

-  const remove = (sku: string) => setItems(items.filter(i => i.sku !== sku));
+  const remove = async (sku: string) => {
+    await api.cart.remove(sku);
+    setItems(items.filter(i => i.sku != sku));
+  };

-  return { items, add, remove };
+  useEffect(() => {
+    api.cart.get().then(setItems);
+  });
+
+  return { items, add, remove, loading };
 }""", language="ko")
R("opus", "design", "systems", "other-language", "short-hard", "TB9: short Korean prompt, consensus/ordering design.",
  "리더 바뀔 때 쓰기 유실 안 되게 복구 프로토콜 설계해줘", language="ko")
R("haiku", "explain", "systems", "other-language", "hard-words-easy", "TB9: scary words (borrow checker, lifetime) but explaining a common error message briefly.",
  "`borrowed value does not live long enough` 이게 무슨 뜻인지 한 줄로", language="ko")
# ================================================================ batch 5: systems work, concurrency, mid-size pastes

R("opus", "debug", "systems", "plain", None, "TB6: a test that fails only under parallel execution with an ordering symptom: a theory across components is needed.",
  "this only fails with --test-threads > 1, never alone. the assertion is about event order\n\n" + cargo_test_log(501, "ledger", ["replay", "journal", "snapshot"], 30,
      [("replay::tests::replays_out_of_order_acks", "thread 'replay::tests::replays_out_of_order_acks' panicked at crates/ledger/src/replay.rs:204:9:\nassertion `left == right` failed: events applied out of order\n  left: [Seq(41), Seq(43), Seq(42)]\n right: [Seq(41), Seq(42), Seq(43)]")]))
R("haiku", "question", "systems", "follow-up", None, "Reading a count off the pasted log.",
  "how many tests ran in total there")
R("sonnet", "debug", "systems", "plain", None, "Failing test with the cause in the panic message (unwrap on a missing key).",
  cargo_test_log(502, "orders", ["pricing", "tax", "cart"], 26,
      [("tax::tests::resolves_schema_v2", "thread 'tax::tests::resolves_schema_v2' panicked at crates/orders/src/tax.rs:77:41:\ncalled `Option::unwrap()` on a `None` value")]) + "\n\nfix it. the v2 schema has the rate under `rates.standard` instead of `rate`")
R("opus", "implement", "systems", "terse", "short-hard", "Lock-free structure with memory ordering: opus.",
  "write a lock-free SPSC ring buffer for the ingest decoder, no_std, with the orderings justified")
R("opus", "review", "systems", "follow-up", None, "TB10: reviewing concurrent unsafe code is opus.",
  "review your ring buffer as if someone else wrote it. look for ABA, false sharing, and what happens at wraparound")
R("haiku", "edit", "systems", "follow-up", None, "TB8: add a derive, mechanical.",
  "derive Debug on RingBuffer")
R("sonnet", "implement", "systems", "plain", None, "Graceful shutdown with known tokio primitives.",
  "Add graceful shutdown to crates/ingest: on SIGTERM stop accepting new batches, let in-flight ones finish with a 20s cap, then flush the sink. Use a CancellationToken.")
R("opus", "debug", "systems", "follow-up", "easy-words-hard", "TB6: shutdown sometimes hangs forever, no lead, async task interactions.",
  "shutdown hangs maybe 1 in 30 deploys. k8s kills it after the grace period. never reproduced locally. think about what could still be holding on")
R("sonnet", "debug", "systems", "plain", None, "Compiler error with the cause spelled out (lifetime of a returned reference).",
  """error[E0106]: missing lifetime specifier
  --> crates/ingest/src/decoder.rs:31:48
   |
31 |     pub fn next_frame(&mut self, buf: &[u8]) -> Option<&[u8]> {
   |                       ---------       -----          ^ expected named lifetime parameter
   |
   = help: this function's return type contains a borrowed value, but the signature does not say whether it is borrowed from `self` or `buf`
help: consider introducing a named lifetime parameter
   |
31 |     pub fn next_frame<'a>(&'a mut self, buf: &'a [u8]) -> Option<&'a [u8]> {
   |                      ++++  ++                 ++                 ++

it returns a slice of buf, not of self""")
R("opus", "debug", "systems", "plain", None, "Memory corruption / UB in unsafe code: needs a theory.",
  "Miri is clean but in release builds with lto=fat the decoder occasionally returns frames with garbage in the last 8 bytes. Only on x86_64, never on the M1s. There's one unsafe block that does a ptr::copy_nonoverlapping into a MaybeUninit buffer. Where would you look and why?")
R("haiku", "question", "systems", "terse", None, "Short fact.",
  "how do i run miri on one test")
R("sonnet", "refactor", "systems", "plain", None, "Replacing one error-handling style across a crate: medium refactor.",
  "replace all the `Box<dyn Error>` in crates/ingest with a thiserror enum IngestError, one variant per failure source, and update the callers")
R("haiku", "question", "systems", "terse", "hard-words-easy", "Scary words (atomics, SeqCst) but a one-line factual question.",
  "is AtomicU64::fetch_add with SeqCst slower than Relaxed on x86? one line")
R("opus", "explain", "systems", "plain", "easy-words-hard", "TB7: plain question whose real answer is memory-ordering semantics.",
  "why does this flag sometimes not get seen by the other thread? it's just a bool that one thread sets and another reads in a loop, and adding a println makes it work")
R("sonnet", "implement", "systems", "plain", None, "Adding metrics with a known crate: integration.",
  "instrument the ingest worker with the `metrics` crate: counter for batches, histogram for batch latency, gauge for lag. expose them through the existing prometheus exporter")
R("opus", "debug", "systems", "plain", None, "Performance regression needing profile analysis.",
  """the decoder throughput dropped 40% after the refactor to iterators. perf report:

# Overhead  Command  Shared Object       Symbol
# ........  .......  ..................  ....................................................
    31.42%  ingest   ingest              [.] <core::iter::adapters::flatten::Flatten<I> as Iterator>::next
    18.77%  ingest   ingest              [.] ingest::decoder::Decoder::next_frame
    12.05%  ingest   libc.so.6           [.] __memmove_avx_unaligned_erms
     9.88%  ingest   ingest              [.] <alloc::vec::Vec<T> as SpecFromIter<T,I>>::from_iter
     6.31%  ingest   ingest              [.] bytes::bytes_mut::BytesMut::reserve_inner
     4.10%  ingest   ingest              [.] crc32fast::specialized::pclmulqdq::calculate
     3.92%  ingest   [kernel.kallsyms]   [k] copy_user_enhanced_fast_string
     2.44%  ingest   ingest              [.] tokio::runtime::task::raw::poll
     1.70%  ingest   libc.so.6           [.] malloc
     1.31%  ingest   libc.so.6           [.] _int_free

before the refactor next_frame was ~45% and there was no Flatten at all. explain what's happening and how to get it back without undoing the refactor""")
R("sonnet", "test", "systems", "plain", None, "Property tests for an existing function.",
  "add proptest tests for the frame decoder: any sequence of valid frames split at arbitrary byte boundaries decodes to the same frames")
R("haiku", "ops", "tooling", "terse", None, "One command.",
  "cargo command to see why a crate is in the dep tree")
R("sonnet", "ops", "tooling", "plain", None, "Cargo workspace configuration, known steps.",
  "move the shared dependency versions into [workspace.dependencies] in the root Cargo.toml and make every crate use `workspace = true`")
R("haiku", "edit", "tooling", "terse", None, "One-line config change.",
  "set opt-level 1 for dev profile deps")
R("opus", "design", "systems", "plain", None, "Choosing between designs with trade-offs: backpressure strategy.",
  "The ingest pipeline is: TCP reader -> decoder -> validator -> ledger writer. When Postgres slows down, memory explodes. Should we use bounded channels everywhere, a credit-based scheme with the upstream, or load shedding? Compare them for our case and recommend one.")
R("sonnet", "implement", "systems", "follow-up", None, "TB8: implementing the chosen bounded-channel approach: clear now.",
  "go with bounded channels for now, implement it, capacity from config")
R("haiku", "question", "systems", "terse", None, "Short fact.",
  "does tokio mpsc send().await block when full")
R("opus", "design", "databases", "terse", "short-hard", "Short ask, distributed consistency: opus.",
  "make ledger writes idempotent across a leader change")
R("sonnet", "debug", "web", "plain", None, "A failing snapshot test with a visible cause.",
  jest_log(503, "@acme/ui", ["src/Button.test.tsx", "src/Modal.test.tsx", "src/PriceTag.test.tsx", "src/Toast.test.tsx", "src/Table.test.tsx",
                             "src/DatePicker.test.tsx", "src/Select.test.tsx", "src/Tabs.test.tsx"],
           ("src/DatePicker.test.tsx", """  ● DatePicker › renders the current month

    expect(received).toMatchSnapshot()

    Snapshot name: `DatePicker renders the current month 1`

    - Snapshot  - 1
    + Received  + 1

    -   <h2 class="dp-title">November 2026</h2>
    +   <h2 class="dp-title">December 2026</h2>

      22 |   it('renders the current month', () => {
      23 |     const { container } = render(<DatePicker />);
    > 24 |     expect(container).toMatchSnapshot();
         |                       ^

      at Object.<anonymous> (src/DatePicker.test.tsx:24:23)""")) + "\n\nwhy is this failing today, nobody touched it")
R("haiku", "ops", "web", "follow-up", None, "Updating a snapshot: one command — but the real fix is freezing time; the words ask only for the command.",
  "just tell me the command to update the snapshot")
R("sonnet", "test", "web", "follow-up", None, "TB8: freezing time in the test properly.",
  "no, do it properly, freeze the clock in that test so it stops depending on the date")
R("opus", "debug", "web", "terse", "short-hard", "Short prose, no lead, cross-component: hydration flakiness.",
  "hydration mismatch in prod only, ~2% of page loads, can't repro")
R("sonnet", "implement", "web", "plain", None, "Feature with clear spec in the web app.",
  "add optimistic updates to the cart quantity stepper with react-query: update the cache immediately, roll back on error, show the toast we already have")
R("haiku", "edit", "web", "terse", None, "Mechanical edit.",
  "replace all `var` with `const` in scripts/seed.js, none are reassigned")
R("sonnet", "refactor", "web", "plain", None, "Converting JS to TS for a module: TB5 many careful steps.",
  "convert packages/legacy-checkout/src/*.js to TypeScript with strict mode on. there are 9 files, around 1500 lines total. no any unless it's truly unknowable")
R("opus", "plan", "web", "plain", None, "Repo-wide migration plan: large multi-step migration.",
  "We have 140 React class components across the monorepo and want them on hooks before the React 19 upgrade. Plan the migration: order, what can be codemodded, what can't, how we avoid regressions in checkout.")
R("haiku", "question", "web", "typos", None, "Short fact.",
  "whats the react 19 replacement for forwardRef, do i still nee it")
R("sonnet", "explain", "web", "plain", None, "TB7: subtle async ordering explained.",
  """why does this log 'done' before the items are saved?

async function saveAll(items) {
  items.forEach(async (item) => {
    await api.save(item);
  });
  console.log('done');
}""")
R("haiku", "edit", "web", "follow-up", None, "TB8: small mechanical fix after explanation.",
  "ok swap it for a for...of")
R("opus", "review", "security", "plain", "easy-words-hard", "TB10: checking a URL-fetch feature for SSRF is a security review, though phrased plainly.",
  "Merchants can now give us a URL and we fetch their product feed from it every hour. Can you check the fetcher in packages/catalog/src/feed/fetch.ts and tell me if that's OK to ship?")
R("haiku", "question", "security", "terse", "hard-words-easy", "Security-sounding but a one-line header name.",
  "which header stops my site being iframed")
R("sonnet", "implement", "security", "plain", None, "Adding a CSP with nonces in Next.js middleware: integration with care.",
  "add a Content-Security-Policy to the web app via Next middleware with a per-request nonce for our inline scripts. report-only first, reporting to /api/csp-report")
R("opus", "design", "security", "plain", None, "Cryptography/key management design: opus.",
  "We need to encrypt customer tax IDs at rest in Postgres so that the support team can see the last 4 digits but only the billing service can decrypt the whole thing. Design it: key hierarchy, rotation, what lives in KMS, how search by tax ID would work.")
R("haiku", "question", "security", "terse", None, "Short fact.",
  "aes-gcm nonce size")
R("sonnet", "debug", "tooling", "plain", None, "CI failure with clear cause at the end of the log.",
  gha_log(504, 44, steps=("Checkout", "Setup Rust", "Cache", "Clippy"), tail=(
      "error: this `if` has identical blocks",
      "   --> crates/orders/src/pricing.rs:118:34",
      "    |",
      "118 |       if line.qty > bulk_threshold {",
      "    |  __________________________________^",
      "119 | |         line.unit_price * line.qty",
      "120 | |     } else {",
      "    | |_____^",
      "    = help: for further information visit https://rust-lang.github.io/rust-clippy/master/index.html#if_same_then_else",
      "error: could not compile `orders` (lib) due to 1 previous error",
      "##[error]Process completed with exit code 101.")) + "\n\nwhat's wrong. I think the bulk price is missing actually")
R("haiku", "question", "tooling", "terse", "long-trivial", "TB5: long CI log, ask is the duration of one step, checkable.",
  gha_log(505, 480, steps=("Checkout", "Setup pnpm", "Install", "Build", "Lint", "Typecheck", "Test", "Upload coverage")) + "\n\nwhen did the Test step start")
R("opus", "debug", "tooling", "plain", None, "TB6: a CI slowdown spread over many packages with no single cause; needs analysis across the pipeline.",
  "Our turbo pipeline went from 9 to 26 minutes over the last month with no single PR to blame. Remote cache hit rate dropped from ~80% to ~35%. Figure out what's invalidating the cache and fix it.")
R("sonnet", "ops", "tooling", "plain", None, "Turbo config change with known steps.",
  "add `outputs` and proper `inputs` to the build and test tasks in turbo.json so .env files and test snapshots stop invalidating build caches")
R("haiku", "question", "tooling", "follow-up", None, "Yes/no fact.",
  "does turbo hash env vars by default?")
R("sonnet", "question", "tooling", "follow-up", None, "TB8: 'try again' points back only.",
  "still red. try again")
# ================================================================ batch 6: harder work with pasted material, long pastes, minimal pairs

RUST_CACHE = """// crates/catalog/src/cache.rs
pub struct PriceCache {
    map: RwLock<HashMap<Sku, (Price, Instant)>>,
    inflight: Mutex<HashMap<Sku, Arc<Notify>>>,
    ttl: Duration,
}

impl PriceCache {
    pub async fn get(&self, sku: &Sku, db: &Db) -> Result<Price> {
        if let Some((p, at)) = self.map.read().await.get(sku).cloned() {
            if at.elapsed() < self.ttl { return Ok(p); }
        }
        let notify = {
            let mut inflight = self.inflight.lock().await;
            if let Some(n) = inflight.get(sku) {
                let n = n.clone();
                drop(inflight);
                n.notified().await;
                return self.map.read().await.get(sku).map(|(p, _)| *p).ok_or(Error::Missing);
            }
            let n = Arc::new(Notify::new());
            inflight.insert(sku.clone(), n.clone());
            n
        };
        let p = db.load_price(sku).await?;
        self.map.write().await.insert(sku.clone(), (p, Instant::now()));
        self.inflight.lock().await.remove(sku);
        notify.notify_waiters();
        Ok(p)
    }
}"""

R("opus", "debug", "systems", "plain", None, "Single-flight cache with Notify: lost wakeups and error paths need concurrency reasoning.",
  "some requests hang forever on PriceCache::get under load. here's the code, find the bug(s)\n\n" + RUST_CACHE)
R("haiku", "explain", "systems", "plain", "hard-words-easy", "Same concurrent code, but the ask is a one-sentence summary of what it does.",
  "one sentence: what is this struct for?\n\n" + RUST_CACHE)
R("sonnet", "test", "systems", "follow-up", None, "TB8: a regression test for the bug once found: everyday.",
  "add a test that reproduces the hang with a paused tokio clock, then fix it")

DEADLOCK = """2026-11-19 03:12:44.120 UTC [48213] ERROR:  deadlock detected
2026-11-19 03:12:44.120 UTC [48213] DETAIL:  Process 48213 waits for ShareLock on transaction 981233771; blocked by process 48190.
	Process 48190 waits for ShareLock on transaction 981233769; blocked by process 48213.
	Process 48213: UPDATE "inventory_stock" SET "reserved" = "inventory_stock"."reserved" + 2 WHERE "inventory_stock"."sku_id" = 5512
	Process 48190: UPDATE "inventory_stock" SET "reserved" = "inventory_stock"."reserved" + 1 WHERE "inventory_stock"."sku_id" = 1187
2026-11-19 03:12:44.120 UTC [48213] HINT:  See server log for query details.
2026-11-19 03:12:44.120 UTC [48213] CONTEXT:  while updating tuple (8812,14) in relation "inventory_stock"
2026-11-19 03:12:44.120 UTC [48213] STATEMENT:  UPDATE "inventory_stock" SET "reserved" = "inventory_stock"."reserved" + 2 WHERE "inventory_stock"."sku_id" = 5512

# inventory/services.py
@transaction.atomic
def reserve(order):
    for line in order.lines.all():
        Stock.objects.filter(sku_id=line.sku_id).update(reserved=F("reserved") + line.qty)
        StockMove.objects.create(sku_id=line.sku_id, qty=-line.qty, reason="reserve", order=order)"""
R("opus", "debug", "databases", "plain", None, "Deadlock between concurrent transactions: concurrency reasoning about lock order.",
  DEADLOCK + "\n\nwe get a few of these a day at peak. explain it and fix it for real")
R("haiku", "question", "databases", "follow-up", None, "Reading two PIDs off the log.",
  "which two pids were involved")

R("opus", "review", "security", "plain", None, "Reviewing hand-rolled JWT verification: subtle mistakes are vulnerabilities.",
  """we rolled our own because the lib was too big for the edge worker. is this safe?

export async function verify(token: string, keys: JWKS): Promise<Claims> {
  const [h, p, s] = token.split('.');
  const header = JSON.parse(b64urlDecode(h));
  const key = keys.find(k => k.kid === header.kid) ?? keys[0];
  const alg = header.alg === 'HS256' ? { name: 'HMAC', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const cryptoKey = await crypto.subtle.importKey(
    header.alg === 'HS256' ? 'raw' : 'jwk',
    header.alg === 'HS256' ? new TextEncoder().encode(key.n) : key,
    alg, false, ['verify']);
  const ok = await crypto.subtle.verify(alg, cryptoKey, b64urlToBytes(s), new TextEncoder().encode(`${h}.${p}`));
  if (!ok) throw new Error('bad signature');
  const claims = JSON.parse(b64urlDecode(p));
  if (claims.exp && claims.exp < Date.now()) throw new Error('expired');
  return claims;
}""")
R("haiku", "edit", "security", "follow-up", "hard-words-easy", "TB8: scary context, but the ask is adding a type annotation.",
  "leave the logic for now, just add an explicit return type to b64urlDecode")

KAFKA = """// packages/ledger-consumer/src/consumer.ts
consumer.run({
  autoCommit: false,
  eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary }) => {
    for (const msg of batch.messages) {
      const evt = decode(msg.value!);
      await db.tx(async (t) => {
        await t.none('INSERT INTO postings(id, account_id, amount_minor) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
          [evt.id, evt.accountId, evt.amount]);
        await t.none('UPDATE balances SET minor = minor + $2 WHERE account_id = $1', [evt.accountId, evt.amount]);
      });
      resolveOffset(msg.offset);
      await heartbeat();
    }
    await commitOffsetsIfNecessary();
  },
});"""
R("opus", "review", "systems", "plain", None, "TB10: exactly-once semantics of a consumer: distributed correctness review.",
  "is this exactly-once? be precise about which failure gives a double count\n\n" + KAFKA)
R("sonnet", "explain", "systems", "plain", None, "Explaining what a module of a few dozen lines does, step by step.",
  "walk me through what this consumer does step by step, I'm new to kafkajs\n\n" + KAFKA)
R("haiku", "question", "systems", "follow-up", None, "One-word fact from the snippet.",
  "is autoCommit on or off there")

BIG_LOG = django_request_log(601, 420, spike=(200, 300))
R("opus", "debug", "web", "plain", None, "TB6: nightly latency collapse in prod logs without a single clear cause: needs a theory.",
  BIG_LOG + "\n\nEvery night around this time the site crawls for ~20 minutes. The invoice PDF endpoint is the obvious suspect but p95 goes up for everything. What's the mechanism and what do we change?")
R("haiku", "question", "web", "plain", "long-trivial", "TB5: count status codes in a long log: mechanical.",
  django_request_log(602, 380) + "\n\nhow many 500s are in this")

HANDLERS = rust_handlers(603, 40)
R("haiku", "question", "web", "terse", "long-trivial", "TB5: count functions in a long file.",
  HANDLERS + "\n\nhow many handlers in this file")
R("sonnet", "refactor", "web", "plain", None, "TB5: rewriting every handler of a long file to a new error type is many careful steps.",
  HANDLERS + "\n\nMigrate every handler here to return Result<_, ApiError> (variants NotFound(String), Validation(String), Internal(anyhow::Error)), with From<sqlx::Error> for ApiError. Keep the status codes the same.")
R("opus", "review", "security", "plain", None, "TB10: reviewing a whole handler file for authorization gaps: a security review.",
  HANDLERS + "\n\nThis is multi-tenant. Audit this file for authorization problems: who can read or delete what, and what an attacker with a valid account for merchant A can do to merchant B.")

CODES = ts_error_codes(604, 130)
R("haiku", "edit", "web", "terse", "long-trivial", "TB5: add a license header to a long file.",
  CODES + "\n\nadd the apache 2 header at the top, nothing else")
R("haiku", "question", "web", "plain", "long-trivial", "TB5: list entries matching a flag: extraction, checkable.",
  CODES + "\n\nlist the codes that are retryable")
R("opus", "design", "web", "plain", None, "Same material, open design of a cross-service retry policy with idempotency and budgets.",
  CODES + "\n\nUsing these error codes as the shared vocabulary, design the retry policy for all service-to-service calls: which codes are safe to retry given idempotency, backoff and retry budgets so we don't amplify an outage, and how clients learn the policy.")

MODELS = django_models(605, 18)
R("haiku", "edit", "web", "plain", "long-trivial", "TB5: add an index flag to one field wherever it appears: mechanical.",
  MODELS + "\n\nadd db_index=True to every `reference` field, don't touch anything else")
R("sonnet", "implement", "web", "plain", None, "Writing admin registrations for many models: medium, several careful steps.",
  MODELS + "\n\nwrite orders/admin.py registering all of these with sensible list_display, list_filter and search_fields")

R("opus", "review", "infrastructure", "plain", None, "Plan replacing a stateful resource in prod: judging data-loss risk.",
  tf_plan(606, 12, destroy_one=5) + "\n\nthe replacement in there is our primary db parameter group + whatever depends on it. will applying this reboot the prod database? what's the safe way")
R("haiku", "question", "infrastructure", "terse", None, "Reading the summary line.",
  tf_plan(607, 14) + "\n\nsummary line only")
R("sonnet", "debug", "databases", "typos", None, "Clear cause from the error: a unique constraint violated by a data migration.",
  """migraton blows up on prod copy, works on dev

  Applying orders.0043_backfill_reference...Traceback (most recent call last):
  File "/app/orders/migrations/0043_backfill_reference.py", line 14, in forwards
    Order.objects.filter(pk=o.pk).update(reference=f"ORD-{o.created_at:%y%m%d}-{o.pk % 10000:04d}")
  ...
django.db.utils.IntegrityError: duplicate key value violates unique constraint "orders_order_reference_key"
DETAIL:  Key (reference)=(ORD-261104-0412) already exists.""")
R("opus", "debug", "web", "verbose", None, "TB6: intermittent 502s across LB, gunicorn and keepalive: theory across components.",
  """So I've been staring at this for two days. We get a trickle of 502s from the ALB, maybe 30 an hour out of 200k requests, on every Django endpoint, no pattern by endpoint or user. The app logs never show those requests at all, like they never arrived. Gunicorn is running gevent workers with keepalive 2, ALB idle timeout is 60s, there's an nginx sidecar in front of gunicorn with default settings. Started after we added the nginx sidecar for static files. Here's a sample of ALB logs:

h2 2026-11-19T10:41:03.114512Z app/orders-api-prod/3c9e0d2a17b4f6e1 81.64.12.200:53122 10.20.3.41:80 0.000 -1 -1 502 - 412 272 "POST https://api.acme.shop:443/api/v2/cart/ HTTP/2.0" "Shop/5.18.0 CFNetwork/1568.100.1" - - arn:aws:elasticloadbalancing:eu-west-1:412993870113:targetgroup/orders-api-prod/3c9e0d2a17b4f6e1 "Root=1-673c6a0f-3f1a2b4c5d6e7f8091a2b3c4" "-" "-" 0 2026-11-19T10:41:03.114000Z "forward" "-" "-" "10.20.3.41:80" "-" "-" "-" TargetResponseTypeUnknown
h2 2026-11-19T10:44:51.901220Z app/orders-api-prod/3c9e0d2a17b4f6e1 92.184.100.7:40211 10.20.5.17:80 0.000 -1 -1 502 - 388 272 "GET https://api.acme.shop:443/api/v2/orders/?page=2 HTTP/2.0" "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X)" - - arn:aws:elasticloadbalancing:eu-west-1:412993870113:targetgroup/orders-api-prod/3c9e0d2a17b4f6e1 "Root=1-673c6af3-9b8c7d6e5f4a3b2c1d0e9f8a" "-" "-" 0 2026-11-19T10:44:51.901000Z "forward" "-" "-" "10.20.5.17:80" "-" "-" "-" TargetResponseTypeUnknown

What's your theory and how do I confirm it?""")
R("haiku", "question", "infrastructure", "follow-up", None, "One setting name.",
  "what's the nginx directive for upstream keepalive timeout")
# ================================================================ batch 7: mid-size pastes, rougher voices, more traps

R("opus", "debug", "systems", "non-native", None, "TB9/TB6: flaky test under load with timing assertions; needs theory of the scheduler interaction.",
  "this test is failing only in CI machine, in my laptop always pass. i think is timing but i dont understand which part. please find root cause not just increase timeout\n\n" +
  cargo_test_log(701, "ingest", ["backoff", "worker", "sink"], 24,
      [("worker::tests::retries_expired_token", "thread 'worker::tests::retries_expired_token' panicked at crates/ingest/src/worker.rs:412:9:\nexpected 3 attempts within 250ms, got 2 (elapsed 251.8ms)")]))
R("sonnet", "test", "systems", "follow-up", None, "TB8: rewrite the test with a paused clock: everyday.",
  "rewrite that test with tokio::time::pause so it doesnt depend on wall clock")
R("haiku", "question", "systems", "non-native", None, "TB9: short fact.",
  "what is difference of tokio::time::sleep and std::thread::sleep, short please")
R("sonnet", "debug", "web", "non-native", None, "Failing Django test with a clear cause (missing fixture permission).",
  "the test fail after i add permission class, can you fix it?\n\n" + pytest_log(702, "orders", ["test_views.py", "test_permissions.py", "test_models.py"], 61,
     [("orders/tests/test_views.py::test_list_orders_returns_own_orders", """    def test_list_orders_returns_own_orders(api_client, merchant_user, order_factory):
        order_factory.create_batch(3, merchant=merchant_user.merchant)
        api_client.force_authenticate(merchant_user)
        resp = api_client.get("/api/v2/orders/")
>       assert resp.status_code == 200
E       assert 403 == 200
E        +  where 403 = <Response status_code=403, "application/json">.status_code

orders/tests/test_views.py:41: AssertionError""")]))
R("opus", "design", "web", "non-native", "easy-words-hard", "TB9/TB6: plain words, open design of permissions model across the app.",
  "we have now merchants, staff of merchant, and our support people. every one need different access, and some support need see only some merchant. how we should make the permission system so it not become mess? please propose full design")
R("haiku", "edit", "web", "non-native", None, "TB9: typo fix in a string.",
  "please fix the typo in the error message 'Order is allready shipped' in orders/views.py")
R("sonnet", "implement", "web", "typos", None, "Endpoint with clear spec.",
  "add an endpoint to cancel an order if its not shipped yet, refund wahtever was paid, and send the cancel email. 409 if shipped")
R("opus", "review", "web", "follow-up", None, "Cancellation racing with shipping webhook: concurrency review.",
  "what happens if the warehouse 'shipped' webhook arrives while cancel is running? walk through the interleavings and make it correct")
R("haiku", "question", "web", "typos", None, "Short fact.",
  "how do i get the curent user in a drf serializer")
R("sonnet", "debug", "web", "typos", None, "Typed error with clear cause from the message.",
  "wtf is this, worked yesterday\n\n" + TS_ERR.replace("createOrder", "updateOrder").replace(":47", ":63").replace("47 ", "63 "))
R("haiku", "ops", "tooling", "typos", None, "One command.",
  "git comand to see what changed in a file betwen two tags")
R("opus", "debug", "tooling", "typos", "short-hard", "Short, no lead: heisenbug in the build cache.",
  "builds randomly produce a broken bundle from cache, maybe 1 in 50. figure it out")
R("sonnet", "ops", "tooling", "typos", None, "Configuring renovate with known options.",
  "set up renovate for the monorepo: group all @types, automerge patch updates for devDeps, separate PR for rust crates, scheudle weekends")
R("haiku", "edit", "tooling", "follow-up", None, "TB8: one config value.",
  "make the schedule monday mornings instead")

R("opus", "debug", "web", "verbose", "easy-words-hard", "TB6: intermittent cart total mismatch across client and server: no clear lead.",
  "I'm going to describe this as best as I can because I don't really know where the bug is. Some customers see one total in the cart, then a different total on the payment page, off by a few cents, and it's not consistent: reloading sometimes fixes it. Prices come from the catalog service, the cart is computed in the web app for display but the server recomputes on checkout, and there's a currency conversion for non-EUR customers. We've had complaints from maybe 40 customers this month. Can you figure out where the discrepancy can come from and how to make the two totals always agree?")
R("sonnet", "implement", "web", "verbose", None, "Shared pricing function between client and server: a clear, bounded feature once decided.",
  "OK, based on what you found, let's move the total computation into @acme/shared/pricing so the web app and the orders service both import the same function. It should take the lines, the coupons and an FX rate snapshot, and return integer minor units. Update both call sites and add tests for the rounding cases you mentioned.")
R("haiku", "docs", "web", "verbose", None, "A short summary for a PR description: small text task.",
  "Could you write a short PR description for this change? Two or three sentences explaining that the cart total and the checkout total now come from the same shared function, and mention the rounding fix.")
R("sonnet", "review", "databases", "verbose", None, "TB10: reviewing a migration diff for correctness.",
  """I wrote my first non-trivial Django migration and I'd like a careful review before it runs on prod. It adds a channel column and backfills it from the user agent we stored in metadata. The orders table has about 4M rows.

diff --git a/orders/migrations/0044_order_channel_backfill.py b/orders/migrations/0044_order_channel_backfill.py
new file mode 100644
index 0000000..c1d9e0f
--- /dev/null
+++ b/orders/migrations/0044_order_channel_backfill.py
@@ -0,0 +1,27 @@
+from django.db import migrations
+
+
+def backfill(apps, schema_editor):
+    Order = apps.get_model("orders", "Order")
+    for order in Order.objects.all():
+        ua = (order.metadata or {}).get("user_agent", "")
+        if "CFNetwork" in ua:
+            order.channel = "ios"
+        elif "okhttp" in ua:
+            order.channel = "android"
+        else:
+            order.channel = "web"
+        order.save()
+
+
+class Migration(migrations.Migration):
+    dependencies = [("orders", "0043_backfill_reference")]
+
+    operations = [
+        migrations.RunPython(backfill),
+    ]""")
R("haiku", "edit", "databases", "follow-up", None, "TB8: add the noop reverse function: one line.",
  "add migrations.RunPython.noop as the reverse")

R("opus", "debug", "mobile", "plain", None, "TB6: memory growth on device with no clear lead across image cache and SwiftUI.",
  """memory keeps climbing on the product grid until iOS kills us. instruments allocations, top of the list after scrolling ~2 min:

Category                          Persistent  # Persistent  Transient  Total Bytes
CGImage                           1.21 GiB    4,812         22,104     3.02 GiB
VM: ImageIO_JPEG_Data             704.5 MiB   2,118         9,880      2.44 GiB
Malloc 48.00 KiB                  96.2 MiB    2,052         31,420     1.47 GiB
_SwiftUI.ImageResolution          12.1 MiB    4,810         0          12.1 MiB
__NSDictionaryM                   8.4 MiB     61,222        104,930    22.7 MiB
ImageCache.Entry                  1.1 MiB     4,812         0          1.1 MiB
NSURLSessionDataTask              640 KiB     2,905         0          640 KiB

our ImageCache is an NSCache with countLimit 200. how can there be 4812 entries and what's holding them""")
R("sonnet", "debug", "mobile", "follow-up", None, "Now the lead is clear (tasks retaining images); fix it.",
  "yeah the tasks in ImageLoader capture self strongly and never get cancelled in onDisappear. fix that")
R("haiku", "question", "mobile", "terse", None, "Short fact.",
  "does NSCache evict on memory warning automatically")
R("haiku", "edit", "mobile", "terse", None, "Mechanical Info.plist edit.",
  "add NSCameraUsageDescription to Info.plist: 'Scan a barcode to find a product'")
R("sonnet", "implement", "mobile", "plain", None, "Barcode scanner screen with a known API.",
  "build the barcode scanner screen with DataScannerViewController wrapped for SwiftUI; on an EAN-13 hit, look up the product and push its detail view")
R("opus", "design", "mobile", "terse", "short-hard", "Short ask, hard design: app modularisation with build-time trade-offs.",
  "split the app into feature modules, propose the graph")
R("haiku", "question", "mobile", "plain", "long-trivial", "TB5: long build log, find the deprecation warning count.",
  xcode_log(703, 380) + "\n\nhow many deprecation warnings are there")
R("sonnet", "edit", "mobile", "follow-up", None, "TB8: fixing each deprecation across files is several careful edits.",
  "fix all the onChange(of:perform:) ones to the new two-parameter form")

R("haiku", "question", "data", "plain", None, "One SQL SELECT over one table.",
  "sql to get the 10 biggest orders from last week from orders_order by total")
R("sonnet", "implement", "data", "plain", None, "Aggregation query joining several tables with windowing: medium.",
  "write the SQL for monthly cohort retention: customers grouped by month of first paid order, and for each following month the % that ordered again. tables: orders_order(customer_id, created_at, status), customers_customer(id)")
R("opus", "debug", "data", "plain", None, "Subtle double-counting across FX, refunds and time zones: no lead.",
  "The revenue dashboard and the finance export disagree for October by 0.7%, but only for KRW and GBP merchants, and only when we look at it by day, the month total matches. Find where the difference comes from.\n\n" + csv_rows(704, 40))
R("haiku", "edit", "data", "plain", None, "Convert CSV sample to JSON: mechanical.",
  "turn these rows into a json array of objects for a test fixture\n\n" + csv_rows(705, 22))
R("sonnet", "test", "data", "plain", None, "Writing tests for the export with given fixture rows.",
  "use these rows as a fixture and write tests for revenue_by_day(): refunds subtract on the refund date, failed ones are ignored, KRW has no decimals\n\n" + csv_rows(706, 26))

R("opus", "plan", "general", "plain", "easy-words-hard", "TB6: plan feature flags across services: open plan across a codebase.",
  "plan how to introduce feature flags across our services, web app and iOS app")
R("sonnet", "implement", "web", "follow-up", None, "TB8: implement the first, well-scoped piece of the plan.",
  "ok, step 1 of your plan: the flags client in @acme/shared with the local override for dev. do it")
R("haiku", "edit", "web", "follow-up", None, "TB8: rename.",
  "rename isEnabled to isOn, its shorter")
R("opus", "design", "general", "terse", "short-hard", "Short, open design: recovery protocol.",
  "design the recovery protocol for the payout batch job")
R("sonnet", "question", "general", "follow-up", None, "TB8: points back only.",
  "hmm not quite. again but simpler")
R("haiku", "question", "general", "terse", None, "Well-known fact.",
  "semver: is adding an optional param a minor or patch")
R("haiku", "docs", "tooling", "terse", None, "Changelog entry.",
  "add a changelog entry under Unreleased for the feature flags client")
R("opus", "review", "systems", "plain", "easy-words-hard", "TB10: plain-sounding ask that requires judging architecture and consistency of an ID scheme.",
  "is it fine to use the order id from the web app as the primary key in the ledger? the web app makes it with Date.now() plus a random number")
R("haiku", "explain", "web", "plain", None, "Short snippet, one-sentence answer.",
  "what does `satisfies` do in `const cfg = {...} satisfies Config`")
R("sonnet", "explain", "web", "plain", None, "TB7: subtle type-level behaviour explained.",
  """why does TS narrow here in the if but not inside the callback?

function total(order: Order | null) {
  if (!order) return 0;
  return order.lines.reduce((s, l) => s + l.qty * order.unitPrice(l), 0);
}

error TS18047: 'order' is possibly 'null'.  (this is in a strict project, and order is a `let` param reassigned further down)""")
R("opus", "explain", "systems", "plain", None, "TB7: semantics of unsafe code (aliasing, Stacked Borrows).",
  """miri says UB here. why? it looks fine to me

let mut v = vec![1u32, 2, 3];
let p = v.as_mut_ptr();
let r = &mut v[0];
unsafe { *p.add(1) = 10; }
*r += 1;""")
R("haiku", "question", "systems", "terse", None, "One command.",
  "how to install miri")
# ================================================================ batch 8: more hard work on pasted code, trap pairs

ACTOR = """// crates/orders/src/allocator.rs
pub async fn run(mut rx: mpsc::Receiver<Cmd>, stock: mpsc::Sender<StockCmd>, mut stock_events: mpsc::Receiver<StockEvent>) {
    let mut pending: HashMap<OrderId, oneshot::Sender<Result<Allocation>>> = HashMap::new();
    loop {
        tokio::select! {
            Some(cmd) = rx.recv() => match cmd {
                Cmd::Allocate { order, reply } => {
                    for line in &order.lines {
                        stock.send(StockCmd::Reserve { order: order.id, sku: line.sku, qty: line.qty }).await.unwrap();
                    }
                    pending.insert(order.id, reply);
                }
                Cmd::Cancel { order } => {
                    stock.send(StockCmd::Release { order }).await.unwrap();
                    pending.remove(&order);
                }
            },
            Some(ev) = stock_events.recv() => {
                if let StockEvent::Reserved { order, allocation } = ev {
                    if let Some(reply) = pending.remove(&order) { let _ = reply.send(Ok(allocation)); }
                }
            }
            else => break,
        }
    }
}

// crates/inventory/src/actor.rs  (the other side)
pub async fn run(mut rx: mpsc::Receiver<StockCmd>, events: mpsc::Sender<StockEvent>) {
    while let Some(cmd) = rx.recv().await {
        let ev = handle(cmd).await;
        events.send(ev).await.unwrap();
    }
}
// both channels are created with mpsc::channel(64)"""
R("opus", "debug", "systems", "plain", None, "Two actors with bounded channels in a cycle: deadlock analysis.",
  "under a big flash sale the allocator just stops. no panic, no errors. here are both actors\n\n" + ACTOR)
R("haiku", "question", "systems", "follow-up", None, "One fact from the pasted code.",
  "what's the channel capacity they use")
R("sonnet", "edit", "systems", "follow-up", None, "Replacing unwraps with error handling in one function: everyday.",
  "separately, get rid of the unwraps on send in allocator.rs, log and drop the command instead")

REDLOCK = """// packages/payouts/src/lock.ts
export async function withLock<T>(key: string, ttlMs: number, fn: () => Promise<T>): Promise<T> {
  const token = randomUUID();
  const ok = await redis.set(`lock:${key}`, token, 'PX', ttlMs, 'NX');
  if (!ok) throw new LockBusy(key);
  try {
    return await fn();
  } finally {
    const cur = await redis.get(`lock:${key}`);
    if (cur === token) await redis.del(`lock:${key}`);
  }
}

// packages/payouts/src/run.ts
export const runPayouts = () => withLock('payouts', 60_000, async () => {
  const due = await db.payouts.findDue();
  for (const p of due) {
    await bank.transfer(p.accountId, p.amountMinor, p.id);
    await db.payouts.markPaid(p.id);
  }
});"""
R("opus", "review", "systems", "plain", None, "TB10: distributed lock correctness with money at stake.",
  "can this ever pay someone twice?\n\n" + REDLOCK)
R("haiku", "question", "systems", "plain", "hard-words-easy", "Distributed-lock code, but the ask is what the PX flag means: one line.",
  "in this, what does 'PX' mean in the redis set call\n\n" + REDLOCK)
R("sonnet", "refactor", "systems", "follow-up", None, "Making the release atomic with a Lua script: known fix, bounded.",
  "at least make the unlock atomic with the usual lua compare-and-delete")

R("opus", "debug", "web", "plain", None, "Users seeing other users' data: security-critical debugging across caching layers.",
  "two customers reported seeing someone else's cart after login. here's a slice of the request log around one report (user 48822 saw 51203's cart). we have a CDN in front and per-user caching in django. find it\n\n" + django_request_log(801, 45))
R("haiku", "question", "web", "terse", "long-trivial", "Extracting distinct paths from a pasted log: mechanical.",
  django_request_log(802, 60) + "\n\nlist the distinct endpoints hit, no ids")

R("opus", "review", "systems", "plain", None, "TB10: reviewing a change to a replication log truncation: distributed correctness.",
  """review this change to the follower. it's our home-grown replication for the ledger

diff --git a/crates/ledger-repl/src/follower.rs b/crates/ledger-repl/src/follower.rs
index 4a0e9b1..c72f3d8 100644
--- a/crates/ledger-repl/src/follower.rs
+++ b/crates/ledger-repl/src/follower.rs
@@ -61,22 +61,19 @@ impl Follower {
     pub fn on_append(&mut self, req: AppendReq) -> AppendResp {
         if req.term < self.current_term {
             return AppendResp::reject(self.current_term);
         }
-        if let Some(prev) = self.log.get(req.prev_index) {
-            if prev.term != req.prev_term {
-                self.log.truncate(req.prev_index);
-                return AppendResp::reject(self.current_term);
-            }
-        } else if req.prev_index > 0 {
-            return AppendResp::reject(self.current_term);
-        }
-        for (i, e) in req.entries.into_iter().enumerate() {
-            let idx = req.prev_index + 1 + i as u64;
-            if self.log.get(idx).map(|x| x.term) != Some(e.term) {
-                self.log.truncate(idx);
-                self.log.push(e);
-            }
-        }
+        // simplify: leader is always right, just overwrite from prev_index
+        self.log.truncate(req.prev_index + 1);
+        self.log.extend(req.entries);
+        self.current_term = req.term;
         if req.leader_commit > self.commit_index {
             self.commit_index = req.leader_commit.min(self.log.last_index());
         }
         AppendResp::ok(self.current_term, self.log.last_index())
     }""")
R("haiku", "docs", "systems", "follow-up", None, "TB8: commit message text.",
  "ok I'll revert it. give me a one line revert commit msg")

R("opus", "debug", "databases", "plain", None, "Query planner misestimate needing analysis of statistics and correlation.",
  """this report query went from 2s to 14 minutes after we upgraded PG 15 -> 16

Hash Join  (cost=412.55..88231.70 rows=12 width=64) (actual time=31.22..842114.90 rows=1840211 loops=1)
  Hash Cond: (ol.order_id = o.id)
  ->  Nested Loop  (cost=0.86..87801.21 rows=12 width=40) (actual time=0.09..839201.55 rows=1840211 loops=1)
        ->  Index Scan using stockmove_reason_created_idx on inventory_stockmove sm  (cost=0.43..412.10 rows=9 width=24) (actual time=0.04..1821.33 rows=1840211 loops=1)
              Index Cond: ((reason = 'reserve'::text) AND (created_at >= '2026-10-01 00:00:00+00'::timestamp with time zone))
        ->  Index Scan using orders_orderline_sku_idx on orders_orderline ol  (cost=0.43..9745.01 rows=1 width=24) (actual time=0.41..0.45 rows=1 loops=1840211)
              Index Cond: (sku_id = sm.sku_id)
              Filter: (order_id = sm.order_id)
              Rows Removed by Filter: 311
  ->  Hash  (cost=280.40..280.40 rows=10500 width=32) (actual time=30.90..30.91 rows=10500 loops=1)
        ->  Seq Scan on orders_order o  (cost=0.00..280.40 rows=10500 width=32) (actual time=0.01..12.02 rows=10500 loops=1)
              Filter: (merchant_id = 88)
Planning Time: 2.114 ms
Execution Time: 842391.44 ms

why is the estimate 9 rows when it's 1.8M, and what do we do about it""")
R("haiku", "question", "databases", "follow-up", None, "Single command.",
  "how do I run ANALYZE on just that table")

R("opus", "debug", "tooling", "plain", None, "TB6: flaky e2e in CI spread across tests, needs a theory (shared state/ports/timing).",
  "e2e job fails ~1 in 4 runs, always a different test, always a timeout. here's a failing run, theory please\n\n" + gha_log(803, 40, steps=("Checkout", "Install", "Start stack", "Playwright"), tail=(
      "[chromium] › checkout.spec.ts:41:7 › guest checkout › pays with card",
      "  Test timeout of 30000ms exceeded.",
      "  Error: page.waitForResponse: Test timeout of 30000ms exceeded.",
      "  =========================== logs ===========================",
      "  waiting for response /api/v2/payments/",
      "  ============================================================",
      "  1 failed",
      "    [chromium] › checkout.spec.ts:41:7 › guest checkout › pays with card",
      "  2 flaky",
      "    [chromium] › cart.spec.ts:12:7 › cart › merges guest cart on login",
      "    [chromium] › orders.spec.ts:88:7 › orders › shows tracking link",
      "  47 passed (4.2m)",
      "##[error]Process completed with exit code 1.")))
R("haiku", "question", "tooling", "follow-up", None, "Reading names off the output pasted in the previous turn.",
  "which tests were marked flaky in that run")

R("opus", "explain", "mobile", "plain", None, "TB7: actor reentrancy semantics in Swift concurrency are subtle and concurrent.",
  """explain why this can still double-fetch even though it's an actor

actor TokenStore {
    private var token: Token?
    func validToken() async throws -> Token {
        if let t = token, !t.isExpired { return t }
        let fresh = try await api.refresh()
        token = fresh
        return fresh
    }
}""")
R("sonnet", "implement", "mobile", "follow-up", None, "Known fix pattern: store the in-flight Task and await it.",
  "fix it with the in-flight Task pattern and add a test that calls it 10 times concurrently")

R("opus", "implement", "systems", "terse", "short-hard", "Novel algorithm with correctness properties.",
  "write a CRDT for the cart that merges across devices, prove merge is commutative")
R("opus", "debug", "systems", "plain", None, "Property test counterexample on a merge function: reasoning about algebraic properties.",
  cargo_test_log(804, "cart-crdt", ["merge", "ops", "clock"], 20,
      [("merge::tests::merge_is_associative", "thread 'merge::tests::merge_is_associative' panicked at crates/cart-crdt/src/merge.rs:140:5:\nTest failed: merge(merge(a, b), c) != merge(a, merge(b, c)).\nminimal failing input: a = Cart { items: {Sku(7): Entry { qty: 1, clock: Lamport(2, Node(1)) }}, tombstones: {} }, b = Cart { items: {}, tombstones: {Sku(7): Lamport(2, Node(2))} }, c = Cart { items: {Sku(7): Entry { qty: 3, clock: Lamport(2, Node(1)) }}, tombstones: {} }\n\tsuccesses: 211\n\tlocal rejects: 0\n\tglobal rejects: 0")]) + "\n\nwhy isn't it associative")

R("opus", "design", "infrastructure", "plain", "easy-words-hard", "TB6: plain words, a rollout strategy with safety across a fleet.",
  "how should we roll out changes to the nginx config so a bad one can't take down every pod at once")
R("sonnet", "ops", "infrastructure", "plain", None, "Configuring ECS deployment circuit breaker: known settings.",
  "turn on the ECS deployment circuit breaker with rollback for every service in modules/ecs_service, and set minimum healthy to 100 / max 200")

R("opus", "debug", "web", "typos", "easy-words-hard", "TB6: random logouts, prose, no lead.",
  "users get logged out at random, like every couple hours, only on ios. web is fine. no idea whats going on")
R("sonnet", "debug", "web", "follow-up", None, "With a concrete lead in the log, the fix is identifiable.",
  """found this in the api logs when it happens, both within 40ms:

2026-11-19 14:02:11,204 [web-2] INFO django.request: POST /api/v2/auth/token/refresh/ 200 38ms user=48822 rid=9a1c2e40
2026-11-19 14:02:11,241 [web-3] INFO django.request: POST /api/v2/auth/token/refresh/ 401 12ms user=- rid=9a1c2e77
2026-11-19 14:02:11,249 [web-3] WARNING auth.tokens: refresh token reuse detected, revoking family fam_2f81c0 user=48822

we rotate refresh tokens and revoke the family on reuse""")
R("haiku", "question", "security", "plain", "hard-words-easy", "Security jargon but a short definition.",
  "what's refresh token 'family' revocation in one or two sentences")

R("opus", "debug", "systems", "plain", None, "Performance analysis from folded stacks: lock contention.",
  """latency p99 of the ledger api went from 12ms to 180ms when we went from 8 to 32 cores. folded stacks from a 30s perf record (top lines):

ledger-api;tokio::runtime::worker::run;ledger::api::post_entry;ledger::journal::Journal::append;parking_lot::raw_mutex::RawMutex::lock_slow;parking_lot_core::park 41233
ledger-api;tokio::runtime::worker::run;ledger::api::post_entry;ledger::journal::Journal::append;ledger::journal::Journal::index_entry;hashbrown::map::HashMap::insert 8112
ledger-api;tokio::runtime::worker::run;ledger::api::get_balance;ledger::balance::Balances::get;parking_lot::raw_mutex::RawMutex::lock_slow;parking_lot_core::park 22901
ledger-api;tokio::runtime::worker::run;ledger::api::post_entry;sqlx::postgres::PgConnection::execute 15340
ledger-api;tokio::runtime::worker::run;ledger::api::get_balance;ledger::balance::Balances::get;std::collections::hash::map::HashMap::get 1402
ledger-api;tokio::runtime::worker::run;tokio::runtime::task::harness::poll 3110
ledger-api;[kernel];futex_wait_queue 30077

Journal has one parking_lot::Mutex around everything, Balances is a Mutex<HashMap<AccountId, Balance>>. what's the right structural change?""")
R("haiku", "question", "systems", "follow-up", None, "One number read from the paste.",
  "which stack has the biggest count")

R("opus", "plan", "web", "terse", "short-hard", "Short, repo-wide migration.",
  "move every service from REST to gRPC internally, plan it")
R("opus", "design", "databases", "terse", "short-hard", "Short, hard: sharding design.",
  "shard orders_order by merchant, how")
R("opus", "design", "security", "terse", "short-hard", "Short, hard: secret rotation without downtime.",
  "zero-downtime rotation of the db password across all services")
R("opus", "debug", "systems", "terse", "short-hard", "Short, hard: memory corruption.",
  "segfault in the ffi image resizer, only under load")

R("sonnet", "debug", "systems", "plain", None, "Object-safety compiler error with a clear cause.",
  """error[E0038]: the trait `PriceSource` is not dyn compatible
  --> crates/catalog/src/lib.rs:22:24
   |
22 |     sources: Vec<Box<dyn PriceSource>>,
   |                      ^^^^^^^^^^^^^^^ `PriceSource` is not dyn compatible
   |
note: for a trait to be dyn compatible it needs to allow building a vtable
  --> crates/catalog/src/source.rs:8:14
   |
7  | pub trait PriceSource {
   |           ----------- this trait is not dyn compatible...
8  |     async fn price(&self, sku: &Sku) -> Result<Price>;
   |              ^^^^^ ...because method `price` is `async`
   = help: consider moving `price` to another trait""")
R("haiku", "question", "systems", "follow-up", None, "Short fact.",
  "is async_trait still needed in 2024 edition then")

R("sonnet", "review", "infrastructure", "plain", None, "TB10: reviewing a Terraform diff for correctness.",
  """review pls

diff --git a/modules/ecs_service/main.tf b/modules/ecs_service/main.tf
index 2e9f1a0..7b4c3d2 100644
--- a/modules/ecs_service/main.tf
+++ b/modules/ecs_service/main.tf
@@ -38,10 +38,18 @@ resource "aws_ecs_service" "this" {
   name            = var.name
   cluster         = var.cluster_arn
   task_definition = aws_ecs_task_definition.this.arn
-  desired_count   = var.desired_count
+  desired_count   = var.desired_count
   launch_type     = "FARGATE"
+
+  deployment_circuit_breaker {
+    enable   = true
+    rollback = true
+  }
+
+  lifecycle {
+    ignore_changes = [task_definition]
+  }

   network_configuration {
     subnets         = var.subnet_ids
     security_groups = [aws_security_group.svc.id]
-    assign_public_ip = true
+    assign_public_ip = false
   }""")
R("haiku", "question", "infrastructure", "follow-up", None, "One-line fact.",
  "does ignore_changes on task_definition mean terraform never deploys new images?")

R("sonnet", "debug", "tooling", "plain", None, "Clear cause in CI log: lockfile out of date.",
  gha_log(805, 30, steps=("Checkout", "Setup pnpm", "Install"), tail=(
      " ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with \"frozen-lockfile\" because pnpm-lock.yaml is not up to date with <ROOT>/packages/orders/package.json",
      "Note that in CI environments this setting is true by default. If you still need to run install in such cases, use \"pnpm install --no-frozen-lockfile\"",
      "  Failure reason:",
      "  specifiers in the lockfile ({\"zod\":\"^3.23.8\"}) don't match specs in package.json ({\"zod\":\"^3.24.1\",\"zod-to-openapi\":\"^7.3.0\"})",
      "##[error]Process completed with exit code 1.")) + "\n\nfix ci")
R("haiku", "question", "tooling", "plain", "long-trivial", "TB5: listing names from the pasted CI log is extraction, checkable at a glance.",
  gha_log(806, 40, steps=("Checkout", "Setup node", "Install", "Build")) + "\n\nwhich packages had cache misses in that build, just the names")
# ================================================================ batch 9: closing batch, mostly with pasted material

SETTLE = """# payouts/tasks.py
@shared_task(bind=True, acks_late=True, max_retries=5)
def settle_batch(self, batch_id):
    batch = PayoutBatch.objects.get(pk=batch_id)
    if batch.status == PayoutBatch.Status.SETTLED:
        return
    with transaction.atomic():
        payouts = list(batch.payouts.select_for_update(skip_locked=True).filter(status="pending"))
        for p in payouts:
            try:
                ref = bank.transfer(p.iban, p.amount_minor, idempotency_key=f"payout-{p.pk}")
            except bank.Timeout as exc:
                raise self.retry(exc=exc, countdown=2 ** self.request.retries)
            p.status = "sent"
            p.bank_ref = ref
            p.save(update_fields=["status", "bank_ref"])
    batch.status = PayoutBatch.Status.SETTLED
    batch.save(update_fields=["status"])"""
R("opus", "review", "web", "plain", None, "TB10: retries inside a transaction around external money transfers: consistency review with high stakes.",
  "walk through every failure mode of this task. workers get killed during deploys, bank times out a lot\n\n" + SETTLE)
R("haiku", "edit", "web", "plain", "hard-words-easy", "Transaction/retry-heavy code, but the ask is adding type hints to one signature.",
  "add type hints to the settle_batch signature, nothing else\n\n" + SETTLE)
R("sonnet", "test", "web", "follow-up", None, "TB8: tests for existing code.",
  "write tests for settle_batch with the bank client mocked: happy path, timeout then success, already settled")

R("sonnet", "debug", "web", "plain", None, "Stack trace with a clear cause (serializer field missing from the model).",
  """Traceback (most recent call last):
  File "/app/.venv/lib/python3.12/site-packages/rest_framework/fields.py", line 446, in get_attribute
    return get_attribute(instance, self.source_attrs)
  File "/app/.venv/lib/python3.12/site-packages/rest_framework/fields.py", line 96, in get_attribute
    instance = getattr(instance, attr)
AttributeError: 'Refund' object has no attribute 'reason_code'

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/app/.venv/lib/python3.12/site-packages/rest_framework/serializers.py", line 522, in to_representation
    attribute = field.get_attribute(instance)
  File "/app/.venv/lib/python3.12/site-packages/rest_framework/fields.py", line 479, in get_attribute
    raise type(exc)(msg)
AttributeError: Got AttributeError when attempting to get a value for field `reason_code` on serializer `RefundSerializer`.
The serializer field might be named incorrectly and not match any attribute or key on the `Refund` instance.
Original exception text was: 'Refund' object has no attribute 'reason_code'.

the field is called `reason` on the model, but the mobile app expects reason_code in the json""")
R("haiku", "edit", "web", "follow-up", None, "TB8: one-line serializer source fix.",
  "yeah just use source='reason' on that field")

R("sonnet", "debug", "mobile", "plain", None, "Decoding error with an identifiable cause (date format).",
  """order detail crashes decoding since backend deploy

typeMismatch(Swift.Double, Swift.DecodingError.Context(codingPath: [CodingKeys(stringValue: "order", intValue: nil), CodingKeys(stringValue: "created_at", intValue: nil)], debugDescription: "Expected to decode Double but found a string instead.", underlyingError: nil))

the json now has "created_at": "2026-11-19T14:02:11.204518Z". our decoder is JSONDecoder() with default settings. handle both the old unix timestamps and the new ISO strings with fractional seconds""")
R("opus", "plan", "mobile", "follow-up", None, "Planning API versioning with old app versions in the wild: multi-step, cross-team.",
  "this will keep happening. plan how backend changes stop breaking app versions that are still out there: versioning, contract tests, what the app sends, deprecation windows")

R("haiku", "question", "infrastructure", "plain", "long-trivial", "TB5: one value from a pasted plan.",
  tf_plan(901, 16) + "\n\nwhat's the retention on the new log groups")
R("sonnet", "implement", "infrastructure", "plain", None, "Writing a module from a clear spec.",
  "write a terraform module for a private S3 bucket used for exports: block public access, SSE-KMS with a given key, lifecycle to delete after 30 days, bucket policy denying non-TLS. outputs arn + name")
R("opus", "review", "security", "follow-up", None, "TB10: reviewing cross-account bucket access for leaks: security review.",
  "finance wants to read the exports bucket from their separate AWS account through Athena. review what access that needs and what can go wrong, then write the policy")

R("opus", "debug", "systems", "non-native", "easy-words-hard", "TB9/TB6: numbers sometimes off after a restart: consistency bug with no lead.",
  "after we restart ledger service, sometimes the balance of few accounts is wrong by one transaction. not always. the journal is correct when i check it. where can be the problem?")
R("sonnet", "implement", "systems", "non-native", None, "TB9: a well-specified check command.",
  "please make a cli command `ledger verify` that recompute every balance from the journal and print the accounts where it not match")
R("haiku", "ops", "systems", "non-native", None, "TB9: one command.",
  "how i run the cli inside the k8s pod?")

R("sonnet", "refactor", "web", "plain", None, "Repo-wide mechanical-but-careful migration of an import path: several files, sonnet.",
  "we moved money helpers from @acme/utils to @acme/shared/money. update every import in the repo, remove the re-export shim, and make sure tsc passes")
R("opus", "refactor", "web", "plain", "easy-words-hard", "TB6: migrating every handler to a new error contract across services and clients: a plan across a codebase.",
  "migrate every handler in every service to the new error type, and keep the old response shape for clients older than 5.10")

R("opus", "debug", "web", "plain", None, "Leak under load in a Node service: needs analysis of heap snapshots.",
  """node heap after 6 hours on the orders service (heap snapshot summary, constructor / count / retained):

(closure)                     1 812 004    612 MB
Object                          902 118    301 MB
Array                           455 201    188 MB
Timeout                         301 442     96 MB
TimersList                       12 004     12 MB
Socket                              911      8 MB
IncomingMessage                   1 022      7 MB
PromiseReaction                 608 113     58 MB

retainers for a sample Timeout: Timeout -> _idlePrev -> TimersList -> (timers) ... -> closure in src/retry.ts:31

src/retry.ts:
25 export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
26   return new Promise((resolve, reject) => {
27     p.then(resolve, reject);
28     setTimeout(() => reject(new TimeoutError(ms)), ms);
29   });
30 }
31 export const retrying = (fn, n = 3) => async (...a) => { for (let i = 0; ; i++) { try { return await withTimeout(fn(...a), 30_000); } catch (e) { if (i >= n) throw e; } } };

is it the timeouts or something else, and how much of the 1.2GB would fixing it give back?""")
R("sonnet", "edit", "web", "follow-up", None, "Fix the known issue: clear the timer.",
  "clear the timer when p settles and use AbortSignal.timeout where we can")

R("opus", "design", "web", "verbose", None, "Open architecture choice with trade-offs.",
  "We're about to add real-time order status to the merchant dashboard and the iOS app. Options on the table are polling every 5s, SSE from the Django app, a separate websocket service in Rust, or a managed thing like Pusher. We have ~4k merchants online at peak, each watching up to a few hundred orders, and status changes come from three different services. I'd like a recommendation with the trade-offs spelled out, including what happens when a client reconnects after missing events.")
R("sonnet", "implement", "web", "follow-up", None, "TB8: implementing the chosen SSE endpoint with a clear spec.",
  "go with SSE for v1. implement the endpoint in django with Last-Event-ID resume from the order_events table")

R("haiku", "question", "general", "typos", None, "Short fact.",
  "whats the http status for 'too many requets'")
R("haiku", "edit", "general", "typos", None, "Mechanical edit.",
  "fix the spelling in the README, 'seperate' and 'enviroment' are wrong everywhere")
R("sonnet", "docs", "general", "typos", None, "Writing onboarding docs from the repo: several sections, medium.",
  "write a CONTRIBUTING.md for the monorepo: setup, how to run one package's tests, commit convention, how releases work. look at the scripts in package.json and the ci workflows to get it right")

R("opus", "debug", "databases", "plain", "easy-words-hard", "TB6: writes lost after a failover, prose only.",
  "some writes are lost after a leader change in our redis sentinel setup. we use it for the idempotency keys, so after a failover people sometimes get charged twice. what's happening and what should we use instead?")
R("haiku", "question", "databases", "terse", None, "Short fact.",
  "redis WAIT command what does it do")

R("opus", "review", "web", "plain", None, "TB10: reviewing a cache-invalidation scheme across services: distributed consistency.",
  """does this invalidation scheme have a race? catalog writes to postgres then publishes, the orders service caches prices

// catalog: on price update
await db.tx(async t => {
  await t.none('UPDATE prices SET minor=$2, version=version+1 WHERE sku=$1', [sku, minor]);
});
await bus.publish('price.changed', { sku });

// orders: cache
bus.subscribe('price.changed', ({ sku }) => cache.delete(sku));
async function price(sku) {
  const hit = cache.get(sku);
  if (hit) return hit;
  const p = await catalog.getPrice(sku);   // HTTP, reads a replica
  cache.set(sku, p, { ttl: 600_000 });
  return p;
}""")
R("haiku", "question", "web", "follow-up", None, "Single fact from the paste.",
  "what's the cache ttl there in minutes")

R("sonnet", "debug", "tooling", "plain", None, "Docker build error with an identifiable cause.",
  """docker build fails on the api image

#14 [builder 6/8] RUN uv sync --frozen --no-dev
#14 0.412 Using CPython 3.12.7 interpreter at: /usr/local/bin/python3
#14 0.520 Creating virtual environment at: .venv
#14 3.881 error: Failed to prepare distributions
#14 3.881   Caused by: Failed to build `psycopg-c==3.2.3`
#14 3.881   Caused by: Build backend failed to build wheel through `build_wheel` (exit status: 1)
#14 3.881 --- stdout:
#14 3.881 running build_ext
#14 3.881 --- stderr:
#14 3.881 Error: pg_config executable not found.
#14 3.881
#14 3.881 pg_config is required to build psycopg from source.  Please add the directory
#14 3.881 containing pg_config to the $PATH or specify the full executable path with the
#14 3.881 option:
#14 3.881     python setup.py build_ext --pg-config /path/to/pg_config build ...
#14 ERROR: process "/bin/sh -c uv sync --frozen --no-dev" did not complete successfully: exit code: 1
------
 > [builder 6/8] RUN uv sync --frozen --no-dev:
------
Dockerfile:18
--------------------
  16 |     COPY pyproject.toml uv.lock ./
  17 |     ENV UV_COMPILE_BYTECODE=1
  18 | >>> RUN uv sync --frozen --no-dev
  19 |     COPY . .
--------------------""")
R("haiku", "question", "tooling", "terse", None, "One package name.",
  "which debian package has pg_config")

R("opus", "design", "systems", "plain", None, "Choosing a consensus/replication approach with justification.",
  "Our home-grown ledger replication keeps biting us. Should we swap it for openraft, move the ledger onto Postgres with synchronous replicas, or use something like FoundationDB? Judge them on correctness under partitions, ops burden for a team of 5, and migration risk.")
R("opus", "plan", "systems", "follow-up", None, "Large migration plan for the chosen approach.",
  "say we pick postgres with sync replicas. plan the migration off the current replication with zero lost entries and a rollback path")

R("sonnet", "review", "mobile", "plain", None, "TB10: ordinary Swift diff review.",
  """review this swift diff pls

diff --git a/Shop/Sources/Cart/CartViewModel.swift b/Shop/Sources/Cart/CartViewModel.swift
index 5e2a81c..d91f0b4 100644
--- a/Shop/Sources/Cart/CartViewModel.swift
+++ b/Shop/Sources/Cart/CartViewModel.swift
@@ -20,14 +20,26 @@ final class CartViewModel: ObservableObject {
     @Published private(set) var lines: [CartLine] = []
+    @Published var error: String?

-    func remove(_ line: CartLine) {
-        lines.removeAll { $0.id == line.id }
+    func remove(_ line: CartLine) async {
+        let backup = lines
+        lines.removeAll { $0.id == line.id }
+        do {
+            try await api.removeLine(line.id)
+        } catch {
+            lines = backup
+            self.error = error.localizedDescription
+        }
     }

-    var total: Decimal { lines.map { $0.price * Decimal($0.qty) }.reduce(0, +) }
+    var total: Decimal {
+        var t: Decimal = 0
+        for l in lines { t += l.price * Decimal(l.qty) }
+        return t
+    }""")

R("opus", "question", "security", "terse", "short-hard", "Short, cryptographic judgement.",
  "is our password reset token scheme guessable? it's uuid4 hex")
R("haiku", "question", "security", "terse", "hard-words-easy", "Crypto words, short factual answer.",
  "how many bits of randomness in a uuid4")
R("opus", "design", "infrastructure", "terse", "short-hard", "Short ask, multi-region active-active design.",
  "active-active across two regions for checkout?")

R("sonnet", "debug", "web", "plain", None, "Failing pytest with a clear cause (ordering assumption in queryset).",
  pytest_log(902, "orders", ["test_api_list.py", "test_api_detail.py", "test_pagination.py", "test_filters.py"], 77,
     [("orders/tests/test_pagination.py::test_cursor_pagination_is_stable", """    def test_cursor_pagination_is_stable(api_client, order_factory, staff_user):
        order_factory.create_batch(30, created_at=FIXED_TS)
        api_client.force_authenticate(staff_user)
        first = api_client.get("/api/v2/orders/?limit=10").json()
        second = api_client.get(first["next"]).json()
        ids = [o["id"] for o in first["results"] + second["results"]]
>       assert len(set(ids)) == 20
E       assert 17 == 20
E        +  where 17 = len({'ord_0c1', 'ord_0c4', 'ord_0c7', 'ord_0d2', ...})

orders/tests/test_pagination.py:33: AssertionError""")]) + "\n\nhmm")
R("haiku", "edit", "web", "follow-up", None, "TB8: add a tiebreak field to ordering: one-line change.",
  "just add 'id' as a tiebreaker to the cursor ordering")

R("sonnet", "question", "general", "follow-up", None, "TB8: bare 'continue' points back only.",
  "keep going")
R("opus", "plan", "general", "follow-up", "short-hard", "TB8: 'now plan the rollout' names a multi-service rollout plan.",
  "now plan the rollout across all 12 services")

# --- a few more in French and Korean
R("haiku", "question", "databases", "other-language", None, "TB9: short fact in French.",
  "c'est quoi la différence entre DELETE et TRUNCATE en postgres, en deux lignes", language="fr")
R("sonnet", "debug", "infrastructure", "other-language", None, "TB9: Terraform error with a clear cause, in French.",
  "terraform plante avec ça, tu peux corriger ?\n\n" + TF_ERR_CYCLE, language="fr")
R("opus", "design", "web", "other-language", "easy-words-hard", "TB9/TB6: plain words, open design of a quota system across services.",
  "On veut limiter le nombre d'exports par marchand et par jour, mais les exports passent par trois services différents. Propose une conception qui tienne quand un service redémarre ou quand deux requêtes arrivent en même temps.", language="fr")
R("haiku", "edit", "mobile", "other-language", None, "TB9: one-line version bump, in Korean.",
  "빌드 번호 5190002로 올려줘", language="ko")
R("sonnet", "test", "web", "other-language", None, "TB9: writing tests, in Korean.",
  "applyCoupon 함수 테스트 작성해줘. 만료된 쿠폰, 퍼센트 100 초과, 고정금액이 총액보다 큰 경우 포함", language="ko")
R("opus", "review", "systems", "other-language", None, "TB9/TB10: reviewing concurrent code for ordering bugs, in Korean.",
  "이 코드 동시성 관점에서 리뷰해줘. 특히 메모리 오더링\n\n" + RUST_CACHE, language="ko")
# ================================================================ batch 10: topping up hard rows and traps with pasted material

RECON = """# finance/reconcile.py
def match(payments, bank_lines):
    matched, unmatched = [], []
    used = set()
    for p in payments:                      # ~2M rows/month
        best = None
        for b in bank_lines:                # ~2M rows/month
            if b.id in used:
                continue
            if b.currency != p.currency:
                continue
            if abs(b.amount_minor - p.amount_minor) > p.fee_tolerance_minor:
                continue
            if abs((b.booked_on - p.paid_at.date()).days) > 3:
                continue
            if best is None or abs(b.amount_minor - p.amount_minor) < abs(best.amount_minor - p.amount_minor):
                best = b
        if best:
            used.add(best.id)
            matched.append((p, best))
        else:
            unmatched.append(p)
    return matched, unmatched"""
R("opus", "implement", "data", "plain", "easy-words-hard", "Plain ask hiding an assignment-problem redesign: greedy matching is order-dependent and quadratic.",
  "this takes 30 hours now. make it fast, and make sure it doesn't match worse than today\n\n" + RECON)
R("haiku", "docs", "data", "plain", None, "Same code, docstring only.",
  "add a docstring to match() describing the inputs and the return value\n\n" + RECON)

TLS = """$ openssl s_client -connect payments.internal.acme:8443 -servername payments.internal.acme </dev/null
CONNECTED(00000003)
depth=1 C = FR, O = Acme SAS, CN = Acme Internal CA G2
verify return:1
depth=0 CN = payments.internal.acme
verify return:1
---
Certificate chain
 0 s:CN = payments.internal.acme
   i:C = FR, O = Acme SAS, CN = Acme Internal CA G2
   a:PKEY: id-ecPublicKey, 256 (bit); sigalg: ecdsa-with-SHA256
   v:NotBefore: Sep  2 00:00:00 2026 GMT; NotAfter: Dec  1 23:59:59 2026 GMT
 1 s:C = FR, O = Acme SAS, CN = Acme Internal CA G2
   i:C = FR, O = Acme SAS, CN = Acme Internal Root CA
   a:PKEY: id-ecPublicKey, 384 (bit); sigalg: ecdsa-with-SHA384
   v:NotBefore: Jan 10 00:00:00 2025 GMT; NotAfter: Jan  9 23:59:59 2030 GMT
---
Server certificate
subject=CN = payments.internal.acme
issuer=C = FR, O = Acme SAS, CN = Acme Internal CA G2
---
No client certificate CA names sent
Peer signing digest: SHA256
Peer signature type: ECDSA
Server Temp Key: X25519, 253 bits
---
SSL handshake has read 1634 bytes and written 386 bytes
Verification: OK
---
New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384
Protocol: TLSv1.3
Server public key is 256 bit
Early data was not sent
Verify return code: 0 (ok)
---"""
R("haiku", "question", "security", "terse", "hard-words-easy", "TLS/cert jargon, but reading one date off the output.",
  TLS + "\n\nwhen does the leaf cert expire")
R("opus", "design", "security", "follow-up", None, "Designing internal PKI rotation and mTLS rollout: security design with outage risk.",
  "that's in 12 days and last time it expired we had a 2h outage. design automated rotation for the internal certs and a path to mTLS between services, without a flag day")

ECS_EVENTS = """2026-11-19T15:02:11 service orders-api-prod has started 2 tasks: task 7f1e0c2a9b3d4e5f8a1b2c3d4e5f6a7b task 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d.
2026-11-19T15:03:41 service orders-api-prod (port 8000) is unhealthy in target-group orders-api-prod due to (reason Health checks failed with these codes: [503]).
2026-11-19T15:03:41 service orders-api-prod has stopped 1 running tasks: task 7f1e0c2a9b3d4e5f8a1b2c3d4e5f6a7b.
2026-11-19T15:03:52 service orders-api-prod (task 7f1e0c2a9b3d4e5f8a1b2c3d4e5f6a7b) failed ELB health checks in (target-group arn:aws:elasticloadbalancing:eu-west-1:412993870113:targetgroup/orders-api-prod/3c9e0d2a17b4f6e1)
2026-11-19T15:04:02 service orders-api-prod has started 1 tasks: task 9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b.
2026-11-19T15:05:33 service orders-api-prod (port 8000) is unhealthy in target-group orders-api-prod due to (reason Health checks failed with these codes: [503]).
2026-11-19T15:05:33 service orders-api-prod has stopped 1 running tasks: task 9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b.
2026-11-19T15:05:44 service orders-api-prod has started 1 tasks: task 2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f.
2026-11-19T15:07:14 service orders-api-prod (port 8000) is unhealthy in target-group orders-api-prod due to (reason Health checks failed with these codes: [503]).
2026-11-19T15:07:15 service orders-api-prod deployment ecs-svc/4419023812 deployment failed: tasks failed to start.
2026-11-19T15:07:15 service orders-api-prod rolling back to deployment ecs-svc/4419001177.

container log of one task:
[2026-11-19 15:02:19 +0000] [1] [INFO] Starting gunicorn 23.0.0
[2026-11-19 15:02:19 +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)
[2026-11-19 15:02:20 +0000] [7] [INFO] Booting worker with pid: 7
2026-11-19 15:02:21,880 [INFO] healthz: waiting for migrations lock (held by release-job)
2026-11-19 15:02:51,881 [INFO] healthz: waiting for migrations lock (held by release-job)
2026-11-19 15:03:21,884 [INFO] healthz: waiting for migrations lock (held by release-job)"""
R("sonnet", "debug", "infrastructure", "plain", None, "Deployment failure whose cause is in the logs (health check gated on a long migration).",
  "deploy keeps rolling back\n\n" + ECS_EVENTS)
R("haiku", "question", "infrastructure", "follow-up", None, "Reading one fact off the pasted events.",
  "how many times did it start a task before giving up")

R("opus", "review", "systems", "plain", None, "Formal spec review: invariants of a payout protocol.",
  """check this TLA+ spec. I want NoDoublePay to hold even if the worker crashes between Transfer and MarkPaid. TLC passes with 2 workers and 2 payouts but I don't trust it

---- MODULE Payouts ----
EXTENDS Naturals, FiniteSets
CONSTANTS Workers, Payouts
VARIABLES status, bankSent, claimed

Init == /\\ status = [p \\in Payouts |-> "due"]
        /\\ bankSent = [p \\in Payouts |-> 0]
        /\\ claimed = [p \\in Payouts |-> "none"]

Claim(w, p) == /\\ status[p] = "due" /\\ claimed[p] = "none"
               /\\ claimed' = [claimed EXCEPT ![p] = w]
               /\\ UNCHANGED <<status, bankSent>>

Transfer(w, p) == /\\ claimed[p] = w /\\ status[p] = "due"
                  /\\ bankSent' = [bankSent EXCEPT ![p] = @ + 1]
                  /\\ UNCHANGED <<status, claimed>>

MarkPaid(w, p) == /\\ claimed[p] = w
                  /\\ status' = [status EXCEPT ![p] = "paid"]
                  /\\ UNCHANGED <<bankSent, claimed>>

Crash(w) == /\\ claimed' = [p \\in Payouts |-> IF claimed[p] = w THEN "none" ELSE claimed[p]]
            /\\ UNCHANGED <<status, bankSent>>

Next == \\E w \\in Workers, p \\in Payouts : Claim(w, p) \\/ Transfer(w, p) \\/ MarkPaid(w, p) \\/ Crash(w)
Spec == Init /\\ [][Next]_<<status, bankSent, claimed>>
NoDoublePay == \\A p \\in Payouts : bankSent[p] <= 1
====""")
R("haiku", "question", "systems", "follow-up", "hard-words-easy", "Formal-methods vocabulary, but the ask is a one-line fact.",
  "what does UNCHANGED mean in TLA+, one line")

R("opus", "debug", "systems", "plain", None, "Bimodal benchmark latencies: performance analysis without an obvious cause.",
  """criterion output for the decoder, it's bimodal and I don't get why

decode/frame_4k         time:   [1.8112 µs 1.8240 µs 1.8391 µs]
                        change: [+0.41% +1.22% +2.01%] (p = 0.01 < 0.05)
Found 21 outliers among 100 measurements (21.00%)
  3 (3.00%) low severe
  18 (18.00%) high severe
decode/frame_64k        time:   [27.204 µs 41.882 µs 56.310 µs]
                        change: [+38.10% +61.44% +84.02%] (p = 0.00 < 0.05)
Found 37 outliers among 100 measurements (37.00%)
  37 (37.00%) high severe
decode/frame_1m         time:   [402.11 µs 418.72 µs 437.90 µs]
                        change: [-1.02% +0.33% +1.70%] (p = 0.64 > 0.05)
                        No change in performance detected.

histogram for frame_64k has two clear peaks, ~26µs and ~58µs. machine is a c7i.4xlarge, nothing else running. the only change since last week was switching the buffer from Vec<u8> to BytesMut with reserve(64 * 1024)""")
R("sonnet", "debug", "systems", "plain", None, "Linker error with an identifiable cause (missing system library).",
  """cargo build --release on the new runner image

  = note: /usr/bin/ld: cannot find -lssl: No such file or directory
          /usr/bin/ld: cannot find -lcrypto: No such file or directory
          collect2: error: ld returned 1 exit status

  = note: some `extern` functions couldn't be found; some native libraries may need to be installed or have their paths specified
  = note: use the `-l` flag to specify native libraries to link
  = note: use the `cargo:rustc-link-lib` directive to specify the native libraries to link with Cargo (see https://doc.rust-lang.org/cargo/reference/build-scripts.html#rustc-link-lib)

error: could not compile `ingest` (bin "ingest") due to 1 previous error

I'd rather not depend on system openssl at all if we can avoid it""")

GQL = """// packages/api-gateway/src/resolvers/order.ts
export const resolvers = {
  Query: {
    order: async (_: unknown, { id }: { id: string }, ctx: Ctx) => {
      if (!ctx.user) throw new AuthError();
      return ctx.loaders.order.load(id);
    },
    orders: async (_: unknown, args: OrdersArgs, ctx: Ctx) => {
      if (!ctx.user) throw new AuthError();
      return ctx.db.orders.list({ merchantId: ctx.user.merchantId, ...args.filter });
    },
  },
  Order: {
    customer: (o: Order, _: unknown, ctx: Ctx) => ctx.loaders.customer.load(o.customerId),
    refunds: (o: Order, _: unknown, ctx: Ctx) => ctx.loaders.refundsByOrder.load(o.id),
  },
  Customer: {
    orders: (c: Customer, args: { first?: number }, ctx: Ctx) => ctx.db.orders.list({ customerId: c.id, first: args.first ?? 1000 }),
    paymentMethods: (c: Customer, _: unknown, ctx: Ctx) => ctx.loaders.paymentMethods.load(c.id),
  },
};"""
R("opus", "review", "security", "plain", None, "TB10: authorization review of a GraphQL graph: tenant leaks via nested resolvers and filter injection.",
  "security review of these resolvers before we expose the gateway to merchants\n\n" + GQL)
R("haiku", "edit", "web", "plain", "hard-words-easy", "Same resolvers (security-sensitive), but the ask is a mechanical reorder.",
  "sort the resolver keys alphabetically inside each type, no other changes\n\n" + GQL)

NGINX = """# deploy/nginx/orders.conf
upstream orders_app {
    server 127.0.0.1:8000;
    keepalive 32;
}

server {
    listen 80;
    server_name _;

    client_max_body_size 10m;
    client_body_timeout 30s;
    send_timeout 30s;
    keepalive_timeout 75s;

    gzip on;
    gzip_types application/json text/css application/javascript;

    location /static/ {
        alias /app/staticfiles/;
        expires 30d;
        add_header Cache-Control "public, immutable";
    }

    location /healthz {
        access_log off;
        proxy_pass http://orders_app;
    }

    location / {
        proxy_pass http://orders_app;
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_read_timeout 60s;
    }
}"""
R("haiku", "question", "infrastructure", "terse", None, "Find one setting in a short config.",
  NGINX + "\n\nwhere's the upload size limit set")
R("sonnet", "edit", "infrastructure", "plain", None, "Config change with a few interacting settings: everyday.",
  NGINX + "\n\nkeepalive_timeout needs to be above the ALB idle timeout (60s) and below gunicorn's, and uploads to /api/v2/uploads/ need 50m. change what's needed and explain each line you touched")

R("opus", "debug", "infrastructure", "plain", "easy-words-hard", "TB6: autoscaling oscillation needs a theory about feedback dynamics.",
  "the orders service scales 4 -> 20 -> 4 -> 20 every ten minutes all afternoon even though traffic is flat. target tracking on CPU 60%, cooldowns are the defaults. why, and what settings actually fix it?")
R("opus", "design", "web", "terse", "short-hard", "Short, hard: cross-service saga design.",
  "saga for order -> payment -> stock, with compensation")
R("opus", "debug", "databases", "terse", "short-hard", "Short, hard: replication lag cliff with no lead.",
  "replica lag spikes to minutes every night, why")
R("opus", "plan", "databases", "terse", "short-hard", "Short, hard: a large database upgrade plan with low downtime.",
  "pg 13 to 16 upgrade, 4TB, under 5 min downtime. plan")

R("sonnet", "debug", "mobile", "plain", None, "Retain cycle with an identifiable cause in the pasted code.",
  """the checkout screen never deinits, memory graph shows CheckoutViewModel retained by a Combine sink

final class CheckoutViewModel: ObservableObject {
    @Published var total: Decimal = 0
    private var bag = Set<AnyCancellable>()
    init(cart: CartStore) {
        cart.$lines
            .map { lines in lines.reduce(0) { $0 + $1.price * Decimal($1.qty) } }
            .sink { value in
                self.total = value
                self.track("total_changed")
            }
            .store(in: &bag)
    }
    func track(_ e: String) { Analytics.shared.log(e) }
}""")
R("sonnet", "review", "web", "plain", None, "TB10: protobuf compatibility review of a diff: known rules.",
  """is this proto change backwards compatible? mobile clients use it

diff --git a/proto/orders/v1/order.proto b/proto/orders/v1/order.proto
index 8a1c2f0..e5b7d19 100644
--- a/proto/orders/v1/order.proto
+++ b/proto/orders/v1/order.proto
@@ -8,14 +8,16 @@ message Order {
   string id = 1;
   string reference = 2;
-  int32 total_minor = 3;
-  string currency = 4;
-  OrderStatus status = 5;
-  repeated OrderLine lines = 6;
+  int64 total_minor = 3;
+  OrderStatus status = 4;
+  string currency = 5;
+  repeated OrderLine lines = 6;
+  google.protobuf.Timestamp created_at = 7;
+  optional string coupon_code = 8;
 }

 enum OrderStatus {
   ORDER_STATUS_UNSPECIFIED = 0;
   ORDER_STATUS_PENDING = 1;
-  ORDER_STATUS_PAID = 2;
-  ORDER_STATUS_SHIPPED = 3;
+  ORDER_STATUS_SHIPPED = 2;
+  ORDER_STATUS_PAID = 3;
 }""")
R("sonnet", "implement", "infrastructure", "plain", None, "Moving hard-coded secrets to SSM parameters: multi-file, known steps.",
  """these are hard-coded in envs/prod/orders.tf. move them to SSM SecureString parameters and have the task definition read them as secrets

  environment = [
    { name = "DJANGO_SECRET_KEY", value = "dj-9f2c1e7a44b0d3e8c6a1f5b2d7e9c0a3" },
    { name = "STRIPE_API_KEY",    value = var.stripe_api_key },
    { name = "DATABASE_URL",      value = "postgres://orders:${var.db_password}@${module.db.endpoint}/orders" },
    { name = "SENTRY_DSN",        value = "https://a1b2c3d4e5f6@o4411.ingest.sentry.io/5512" },
    { name = "LOG_LEVEL",         value = "info" },
  ]""")
R("haiku", "edit", "tooling", "plain", "long-trivial", "TB5: mechanical version edit across a pasted manifest.",
  """change every @acme/* dependency to "workspace:*" in this, leave the rest

{
  "name": "@acme/web",
  "version": "3.14.0",
  "private": true,
  "scripts": {
    "dev": "next dev -p 3000",
    "build": "next build",
    "start": "next start",
    "lint": "eslint . --max-warnings 0",
    "typecheck": "tsc --noEmit",
    "test": "vitest run"
  },
  "dependencies": {
    "@acme/api-client": "^2.3.1",
    "@acme/config": "^1.0.4",
    "@acme/shared": "^4.2.0",
    "@acme/ui": "^7.11.2",
    "@tanstack/react-query": "^5.59.16",
    "next": "15.0.3",
    "react": "19.0.0-rc-66855b96-20241106",
    "react-dom": "19.0.0-rc-66855b96-20241106",
    "zod": "^3.23.8"
  },
  "devDependencies": {
    "@acme/eslint-config": "^2.0.0",
    "@acme/tsconfig": "^1.2.0",
    "@types/node": "^22.9.0",
    "@types/react": "^18.3.12",
    "eslint": "^9.14.0",
    "typescript": "^5.6.3",
    "vitest": "^2.1.4"
  }
}""")
# ================================================================ batch 11: final top-up (opus-leaning, rougher voices)

R("opus", "debug", "web", "non-native", None, "TB9/TB6: webhook events processed out of order across pods; ordering problem, no clear lead.",
  "stripe webhooks sometimes make order status go back from 'paid' to 'pending'. we have 4 pods and celery. i attach the events of one bad order, please explain how it happen and how to fix in general\n\n" +
  "\n".join("%s evt_%s %-34s order=ORD-481233 pod=web-%d task=%s" % (t, h, e, p, k) for t, h, e, p, k in [
      ("2026-11-19T09:14:03.112Z", "1QbF2aL8kq0xYz", "payment_intent.created", 2, "received"),
      ("2026-11-19T09:14:03.140Z", "1QbF2aL8kq0xYz", "payment_intent.created", 2, "enqueued"),
      ("2026-11-19T09:14:07.902Z", "1QbF2dQ9wr7uVb", "payment_intent.processing", 1, "received"),
      ("2026-11-19T09:14:07.930Z", "1QbF2dQ9wr7uVb", "payment_intent.processing", 1, "enqueued"),
      ("2026-11-19T09:14:08.211Z", "1QbF2eT3mn5pLc", "payment_intent.succeeded", 3, "received"),
      ("2026-11-19T09:14:08.240Z", "1QbF2eT3mn5pLc", "payment_intent.succeeded", 3, "enqueued"),
      ("2026-11-19T09:14:08.511Z", "1QbF2eT3mn5pLc", "payment_intent.succeeded", 3, "worker-2 applied status=paid"),
      ("2026-11-19T09:14:09.004Z", "1QbF2aL8kq0xYz", "payment_intent.created", 2, "worker-1 applied status=pending"),
      ("2026-11-19T09:14:09.377Z", "1QbF2dQ9wr7uVb", "payment_intent.processing", 1, "worker-4 applied status=pending"),
      ("2026-11-19T09:15:12.880Z", "1QbF2eT3mn5pLc", "payment_intent.succeeded", 4, "received (retry from stripe)"),
      ("2026-11-19T09:15:12.901Z", "1QbF2eT3mn5pLc", "payment_intent.succeeded", 4, "duplicate, skipped"),
      ("2026-11-19T09:20:00.000Z", "-", "reconcile_orders", 0, "ORD-481233 status=pending stripe=succeeded MISMATCH"),
  ]) + "\n" + "\n".join("2026-11-19T09:%02d:%02d.%03dZ evt_%s payment_intent.succeeded          order=ORD-4812%02d pod=web-%d task=worker-%d applied status=paid" %
      (21 + i // 6, (i * 7) % 60, (i * 137) % 1000, "1QbF3" + "".join("abcdefghjkmnpqrstuvwxyz"[(i * j + 3) % 23] for j in range(9)), 40 + i, 1 + i % 4, 1 + (i * 3) % 4) for i in range(24)))
R("sonnet", "implement", "web", "non-native", None, "TB9: once decided, a monotonic status guard is a bounded change.",
  "ok i understand. please implement the status only can go forward (pending < processing < paid < refunded), ignore older events, and add test")
R("haiku", "question", "web", "non-native", None, "TB9: short fact.",
  "stripe send webhook in order or not? one sentence")

R("opus", "design", "systems", "verbose", None, "Choosing between designs with a justification: event sourcing vs state tables.",
  "I keep going back and forth on this and I'd like a second opinion with actual reasoning. The ledger currently stores balances as rows we update, plus a journal table that's append-only. Someone proposed going full event sourcing: balances become projections rebuilt from the journal, snapshots every N entries. What do we gain and lose in our situation (regulatory audits, ~3k writes/s peak, a team that's never run an event-sourced system), and if we do it, how do we handle projection rebuilds without downtime?")
R("opus", "debug", "mobile", "verbose", "easy-words-hard", "TB6: sporadic duplicate orders from the app in prose: retry/idempotency across client and server, no lead.",
  "This one is weird. Since the 5.18 release, a small number of iOS users end up with two identical orders placed a second or two apart. They swear they only tapped once. The button is disabled while the request is in flight, we checked. It seems to happen more on bad networks, like on trains. Backend logs show two POSTs with different request ids. I'd like you to think through how this can happen and what the proper fix is on both sides.")
R("sonnet", "implement", "mobile", "follow-up", None, "TB8: adding a client-generated idempotency key header to the order request: bounded.",
  "do the app side: generate an Idempotency-Key per checkout attempt, persist it until we get a definitive answer, send it on retries")
R("haiku", "edit", "mobile", "follow-up", None, "TB8: rename a constant.",
  "rename the header constant to kIdempotencyHeader")

R("opus", "review", "security", "plain", None, "TB10: reviewing a signed-URL scheme: cryptographic details matter.",
  """we sign invoice download links ourselves. review this

def sign_invoice_url(invoice_id: int, expires: int) -> str:
    msg = f"{invoice_id}{expires}".encode()
    sig = hashlib.sha256(settings.SECRET_KEY.encode() + msg).hexdigest()[:16]
    return f"/invoices/{invoice_id}/pdf?e={expires}&s={sig}"

def check(invoice_id: int, e: str, s: str) -> bool:
    expected = sign_invoice_url(invoice_id, int(e)).split("s=")[1]
    return s == expected and int(e) > time.time()""")
R("haiku", "explain", "security", "plain", "hard-words-easy", "Crypto jargon, but explaining what a snippet returns in a sentence.",
  "what does `.hexdigest()[:16]` give me, how many characters and what kind")

R("opus", "plan", "tooling", "plain", "easy-words-hard", "TB6: plain words, a repo-wide plan to make builds hermetic across languages.",
  "builds on CI and on laptops keep producing different results. plan how we get every package in the monorepo, rust and ts, to build the same everywhere")
R("opus", "debug", "tooling", "typos", "easy-words-hard", "TB6: non-deterministic test order failures with no lead.",
  "the test suite passes if i run it twice in a row but the first run after a fresh clone fails, diffrent test each time. what could even do that")
R("sonnet", "ops", "tooling", "typos", None, "Caching configuration in CI: known steps.",
  "cache the playwright browsers and the pnpm store in the e2e workflow, key on the lockfile hash")
R("opus", "design", "data", "terse", "short-hard", "Short, hard: exactly-once CDC pipeline design.",
  "cdc from postgres to the warehouse, exactly once, design")
R("opus", "explain", "systems", "terse", "short-hard", "Short, hard: Pin and self-referential futures semantics.",
  "why does Pin need to exist, rigorously")
R("sonnet", "explain", "web", "plain", None, "Explaining a medium module.",
  "explain how our retry middleware in packages/api-client/src/retry.ts decides when to retry and how the backoff grows, it's ~80 lines")
R("haiku", "question", "web", "follow-up", None, "One fact.",
  "what's the max delay it can reach")

if __name__ == "__main__":
    with open("w21.jsonl", "w", encoding="utf-8") as f:
        for i, row in enumerate(ROWS, 1):
            f.write(json.dumps({"id": f"w21-{i:04d}", **row}, ensure_ascii=False) + "\n")
