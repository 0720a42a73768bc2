#!/usr/bin/env python3
"""Writer w5: tooling / general programming / docs prompts for SHIM's routing corpus.
Run: python3 w5.py  -> writes w5.jsonl deterministically."""
import json, os, random

ROWS = []

def R(prompt, label, rationale, category, domain="tooling", voice="plain", language="en", trap=None):
    ROWS.append(dict(prompt=prompt, label=label, rationale=rationale, category=category,
                     domain=domain, voice=voice, language=language, trap=trap))

# ---------------------------------------------------------------- generators
AUTHORS = ["Priya Raman <priya@acme.dev>", "Tomasz Nowak <tnowak@acme.dev>", "Jules Moreau <jules@acme.dev>",
           "Kenji Ito <kenji.ito@acme.dev>", "Ana Lucía Pérez <ana@acme.dev>", "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>",
           "Sam Okafor <sam.okafor@acme.dev>", "Lena Fischer <lena@acme.dev>", "Wei Zhang <wzhang@acme.dev>"]
VERBS = ["fix", "add", "refactor", "remove", "bump", "update", "rename", "document", "test", "tweak", "revert", "move"]
THINGS = ["retry logic in uploader", "null check in InvoiceService", "flaky test in test_scheduler", "ruff config",
          "CI cache key", "README install section", "pagination on /orders", "logging format", "Dockerfile base image",
          "lodash from 4.17.20 to 4.17.21", "typo in error message", "dead code in legacy/report.py", "makefile targets",
          "pre-commit hooks", "locale fallback", "timeout for S3 client", "CSV export encoding", "feature flag for new checkout",
          "migration 0042 index", "mypy strictness for core/", "webhook signature check", "gradle wrapper to 8.5",
          "session cookie SameSite", "cron expression parser", "health endpoint", "unused imports", "changelog for 2.3.0"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

def _hash(rng, n=40):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))

def git_log(n, seed, oneline=False):
    rng = random.Random(seed)
    out = []
    ts = 1730000000
    for i in range(n):
        ts -= rng.randint(600, 60000)
        h = _hash(rng)
        msg = f"{rng.choice(VERBS)}: {rng.choice(THINGS)}"
        if rng.random() < 0.1:
            msg = f"Merge pull request #{rng.randint(100, 2400)} from acme/{rng.choice(['feat', 'fix', 'chore'])}/{rng.choice(THINGS).split()[0]}"
        if oneline:
            out.append(f"{h[:7]} {msg}")
            continue
        a = rng.choice(AUTHORS)
        d = rng.randint(1, 28)
        out.append(f"commit {h}\nAuthor: {a}\nDate:   {rng.choice(DAYS)} {rng.choice(MONTHS)} {d} {rng.randint(0,23):02d}:{rng.randint(0,59):02d}:{rng.randint(0,59):02d} 2024 +0{rng.choice([0,1,2,5])}00\n\n    {msg}\n")
        if rng.random() < 0.3:
            out.append(f"    \n    {rng.choice(['Closes', 'Refs', 'Fixes'])} #{rng.randint(100, 2400)}\n")
    return "\n".join(out)

def reflog(n, seed):
    rng = random.Random(seed)
    out = []
    kinds = ["commit: {t}", "checkout: moving from {b1} to {b2}", "rebase (pick): {t}", "rebase (finish): returning to refs/heads/{b1}",
             "reset: moving to HEAD~1", "pull --rebase: {t}", "commit (amend): {t}", "merge origin/main: Fast-forward", "cherry-pick: {t}"]
    branches = ["main", "feat/exports", "fix/login-redirect", "wip-parser", "release/2.3", "spike/grpc"]
    for i in range(n):
        k = rng.choice(kinds).format(t=f"{rng.choice(VERBS)} {rng.choice(THINGS)}", b1=rng.choice(branches), b2=rng.choice(branches))
        out.append(f"{_hash(rng)[:8]} HEAD@{{{i}}}: {k}")
    return "\n".join(out)

PY_PKGS = ["requests", "urllib3", "pydantic", "sqlalchemy", "fastapi", "numpy", "pandas", "boto3", "botocore", "click",
           "jinja2", "attrs", "pytest", "httpx", "anyio", "idna", "certifi", "charset-normalizer", "six", "python-dateutil"]

def build_log_gradle(n, seed, failing=None):
    rng = random.Random(seed)
    mods = [":core", ":api", ":billing", ":notifications", ":app", ":common-test", ":search"]
    tasks = ["compileJava", "processResources", "classes", "compileTestJava", "test", "jar", "checkstyleMain", "spotbugsMain", "javadoc"]
    out = ["> Configure project :", "Starting a Gradle Daemon (subsequent builds will be faster)"]
    for i in range(n):
        r = rng.random()
        m = rng.choice(mods)
        if r < 0.55:
            out.append(f"> Task {m}:{rng.choice(tasks)}{rng.choice(['', '', ' UP-TO-DATE', ' FROM-CACHE', ' NO-SOURCE'])}")
        elif r < 0.85:
            cls = rng.choice(["OrderService", "LedgerEntry", "InvoiceMapper", "RetryPolicy", "UserRepository", "CsvExporter", "TokenCache"])
            out.append(f"warning: [deprecation] {rng.choice(['getDate()', 'Integer(int)', 'finalize()', 'newInstance()'])} in {rng.choice(['Date', 'Integer', 'Object', 'Class'])} has been deprecated\n  {m[1:]}/src/main/java/com/acme/{m[1:]}/{cls}.java:{rng.randint(10, 400)}: ")
        else:
            out.append(f"Note: Some input files use unchecked or unsafe operations.")
    if failing:
        out.append(failing)
    out.append(f"BUILD {'FAILED' if failing else 'SUCCESSFUL'} in {rng.randint(40, 300)}s")
    out.append(f"{rng.randint(80, 200)} actionable tasks: {rng.randint(20, 80)} executed, {rng.randint(20, 100)} up-to-date")
    return "\n".join(out)

def ruff_output(n, seed):
    rng = random.Random(seed)
    codes = [("F401", "`{m}` imported but unused"), ("E501", "Line too long ({a} > 100)"), ("B008", "Do not perform function call `Depends` in argument defaults"),
             ("UP006", "Use `list` instead of `List` for type annotation"), ("I001", "Import block is un-sorted or un-formatted"),
             ("E711", "Comparison to `None` should be `cond is None`"), ("SIM108", "Use ternary operator instead of `if`-`else`-block"),
             ("F841", "Local variable `{v}` is assigned to but never used"), ("B006", "Do not use mutable data structures for argument defaults"),
             ("PLR2004", "Magic value used in comparison, consider replacing `{a}` with a constant variable")]
    files = ["app/api/routes/orders.py", "app/api/routes/users.py", "app/services/billing.py", "app/services/email.py", "app/models/invoice.py",
             "app/workers/sync.py", "app/core/config.py", "tests/test_orders.py", "tests/test_billing.py", "scripts/backfill_ledgers.py", "app/utils/dates.py"]
    out = []
    for i in range(n):
        c, t = rng.choice(codes)
        out.append(f"{rng.choice(files)}:{rng.randint(1, 420)}:{rng.randint(1, 90)}: {c} {t.format(m=rng.choice(['os', 'typing.Any', 'json', 'datetime.timezone', 'sqlalchemy.orm.Session']), a=rng.randint(101, 160), v=rng.choice(['resp', 'tmp', 'idx', 'result', 'e']))}")
    out.sort()
    out.append(f"Found {n} errors.")
    out.append(f"[*] {rng.randint(n//3, n//2)} fixable with the `--fix` option.")
    return "\n".join(out)

def eslint_output(n, seed):
    rng = random.Random(seed)
    rules = [("no-unused-vars", "'{v}' is defined but never used", "warning"), ("@typescript-eslint/no-explicit-any", "Unexpected any. Specify a different type", "warning"),
             ("react-hooks/exhaustive-deps", "React Hook useEffect has a missing dependency: '{v}'. Either include it or remove the dependency array", "warning"),
             ("eqeqeq", "Expected '===' and instead saw '=='", "error"), ("prefer-const", "'{v}' is never reassigned. Use 'const' instead", "error"),
             ("no-console", "Unexpected console statement", "warning"), ("import/order", "`react` import should occur before import of `./styles.css`", "warning")]
    files = ["src/components/Cart.tsx", "src/components/Header.tsx", "src/pages/Checkout.tsx", "src/hooks/useSession.ts", "src/api/client.ts",
             "src/utils/format.ts", "src/store/orders.ts", "src/components/ProductCard.tsx"]
    out = []
    by = {}
    for i in range(n):
        f = rng.choice(files)
        by.setdefault(f, []).append(rng.choice(rules))
    errs = warns = 0
    for f in sorted(by):
        out.append(f"\n/home/ci/work/shop-web/{f}")
        for rule, msg, sev in by[f]:
            out.append(f"  {rng.randint(1, 300)}:{rng.randint(1, 60)}  {sev}  {msg.format(v=rng.choice(['userId', 'setOpen', 'fetchCart', 'total', 'e', 'locale']))}  {rule}")
            if sev == "error": errs += 1
            else: warns += 1
    out.append(f"\n✖ {errs + warns} problems ({errs} errors, {warns} warnings)")
    out.append(f"  {rng.randint(1, errs + 1)} errors and 0 warnings potentially fixable with the `--fix` option.")
    return "\n".join(out)

PY_FUNCS = [
'''def parse_duration(text: str) -> int:
    """Parse strings like '1h30m' into seconds."""
    total, num = 0, ""
    units = {"h": 3600, "m": 60, "s": 1}
    for ch in text.strip():
        if ch.isdigit():
            num += ch
        elif ch in units and num:
            total += int(num) * units[ch]
            num = ""
        else:
            raise ValueError(f"bad duration: {text!r}")
    if num:
        total += int(num)
    return total
''',
'''def chunked(items, size):
    if size <= 0:
        raise ValueError("size must be positive")
    for start in range(0, len(items), size):
        yield items[start:start + size]
''',
'''class LRUCache:
    def __init__(self, capacity=128):
        self.capacity = capacity
        self._data = OrderedDict()

    def get(self, key, default=None):
        if key not in self._data:
            return default
        self._data.move_to_end(key)
        return self._data[key]

    def put(self, key, value):
        self._data[key] = value
        self._data.move_to_end(key)
        if len(self._data) > self.capacity:
            self._data.popitem(last=False)
''',
'''def slugify(title: str, max_len: int = 60) -> str:
    s = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-zA-Z0-9]+", "-", s).strip("-").lower()
    return s[:max_len].rstrip("-")
''',
'''def load_config(path):
    with open(path, encoding="utf-8") as fh:
        raw = json.load(fh)
    cfg = dict(DEFAULTS)
    cfg.update({k: v for k, v in raw.items() if v is not None})
    if cfg["workers"] < 1:
        raise ConfigError("workers must be >= 1")
    return cfg
''',
'''async def fetch_all(session, urls, limit=8):
    sem = asyncio.Semaphore(limit)
    async def one(u):
        async with sem:
            async with session.get(u, timeout=10) as r:
                r.raise_for_status()
                return await r.json()
    return await asyncio.gather(*(one(u) for u in urls))
''',
'''def merge_intervals(intervals):
    out = []
    for lo, hi in sorted(intervals):
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return out
''',
'''def money(cents: int, currency: str = "EUR") -> str:
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100:,}.{cents % 100:02d} {currency}"
''',
'''def retry(times=3, delay=0.5, exceptions=(Exception,)):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return fn(*args, **kwargs)
                except exceptions:
                    if attempt == times:
                        raise
                    time.sleep(delay * attempt)
        return wrapper
    return deco
''',
'''def read_csv_rows(path, required=("id", "email")):
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in required if c not in reader.fieldnames]
        if missing:
            raise ValueError(f"missing columns: {missing}")
        for lineno, row in enumerate(reader, start=2):
            row["_line"] = lineno
            yield row
''',
'''class RateLimiter:
    def __init__(self, rate, per):
        self.rate, self.per = rate, per
        self.allowance = rate
        self.last = time.monotonic()

    def allow(self):
        now = time.monotonic()
        self.allowance += (now - self.last) * (self.rate / self.per)
        self.last = now
        if self.allowance > self.rate:
            self.allowance = self.rate
        if self.allowance < 1:
            return False
        self.allowance -= 1
        return True
''',
'''def flatten(d, parent="", sep="."):
    items = {}
    for k, v in d.items():
        key = f"{parent}{sep}{k}" if parent else k
        if isinstance(v, dict):
            items.update(flatten(v, key, sep))
        else:
            items[key] = v
    return items
''',
]
PY_NAMES = ["orders", "ledger", "users", "invoice", "report", "session", "export", "search", "audit", "catalog", "payout", "tenant"]

def py_module(n_funcs, seed, header='"""Utility helpers for the acme backend."""\n'):
    rng = random.Random(seed)
    parts = [header, "import asyncio\nimport csv\nimport functools\nimport json\nimport re\nimport time\nimport unicodedata\nfrom collections import OrderedDict\n\nDEFAULTS = {\"workers\": 4, \"timeout\": 30}\n\n\nclass ConfigError(Exception):\n    pass\n"]
    for i in range(n_funcs):
        base = PY_FUNCS[i % len(PY_FUNCS)]
        if i >= len(PY_FUNCS):
            nm = rng.choice(PY_NAMES)
            # generate a varied CRUD-ish helper so the module is not a pure repeat
            field = rng.choice(["status", "amount", "created_at", "email", "region", "priority"])
            base = (f"def {nm}_{field}_summary_{i}(records, threshold={rng.randint(1, 500)}):\n"
                    f"    \"\"\"Summarise {nm} records by {field}.\"\"\"\n"
                    f"    buckets = {{}}\n"
                    f"    for rec in records:\n"
                    f"        key = rec.get(\"{field}\")\n"
                    f"        if key is None:\n"
                    f"            continue\n"
                    f"        buckets.setdefault(key, []).append(rec)\n"
                    f"    return {{k: len(v) for k, v in buckets.items() if len(v) >= threshold // {rng.randint(2, 50)}}}\n")
        parts.append("\n\n" + base)
    return "".join(parts)

def py_diff(n_hunks, seed, path="app/services/billing.py"):
    rng = random.Random(seed)
    out = [f"diff --git a/{path} b/{path}", f"index {_hash(rng)[:7]}..{_hash(rng)[:7]} 100644", f"--- a/{path}", f"+++ b/{path}"]
    line = 10
    for i in range(n_hunks):
        line += rng.randint(8, 40)
        nm = rng.choice(PY_NAMES)
        out.append(f"@@ -{line},7 +{line},8 @@ def {nm}_handler_{i}(ctx):")
        out.append(f"     record = ctx.repo.get_{nm}(ctx.id)")
        out.append(f"     if record is None:")
        out.append(f"-        return None")
        out.append(f"+        log.warning(\"{nm} %s not found\", ctx.id)")
        out.append(f"+        raise NotFound(\"{nm}\", ctx.id)")
        out.append(f"     total = sum(x.amount for x in record.items)")
        out.append(f"-    return {{\"id\": record.id, \"total\": total}}")
        out.append(f"+    return {{\"id\": record.id, \"total\": total, \"currency\": record.currency}}")
        out.append(" ")
    return "\n".join(out)

def gha_log(n, seed, fail_line=None):
    rng = random.Random(seed)
    out = []
    t = 0
    steps = ["Set up job", "Run actions/checkout@v4", "Run actions/setup-node@v4", "Run npm ci", "Run npm run lint", "Run npm test -- --ci", "Run npm run build"]
    si = 0
    for i in range(n):
        t += rng.randint(1, 900)
        stamp = f"2024-10-{rng.randint(10, 12)}T14:{(t // 60000) % 60:02d}:{(t // 1000) % 60:02d}.{t % 1000:03d}0000Z"
        if i % max(1, n // len(steps)) == 0 and si < len(steps):
            out.append(f"{stamp} ##[group]{steps[si]}")
            si += 1
            continue
        r = rng.random()
        if r < 0.4:
            out.append(f"{stamp} npm WARN deprecated {rng.choice(['inflight@1.0.6', 'glob@7.2.3', 'rimraf@3.0.2', 'abab@2.0.6', 'domexception@4.0.0'])}: This module is not supported")
        elif r < 0.75:
            out.append(f"{stamp}  PASS  src/{rng.choice(['cart', 'checkout', 'auth', 'search', 'utils'])}/{rng.choice(['index', 'reducer', 'api', 'format', 'hooks'])}.test.ts ({rng.uniform(0.2, 9):.3f} s)")
        else:
            out.append(f"{stamp}   ✓ {rng.choice(['renders', 'handles', 'computes', 'rejects', 'retries'])} {rng.choice(['empty cart', 'expired token', 'discount code', 'network error', 'locale de-DE'])} ({rng.randint(1, 300)} ms)")
    if fail_line:
        out.append(fail_line)
    return "\n".join(out)

def app_log(n, seed, levels=("INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR")):
    rng = random.Random(seed)
    out = []
    t = 0
    for i in range(n):
        t += rng.randint(5, 4000)
        lvl = rng.choice(levels)
        svc = rng.choice(["api", "worker", "scheduler", "mailer"])
        rid = _hash(rng, 12)
        msgs = {"INFO": [f"GET /v1/orders/{rng.randint(1000, 99999)} 200 {rng.randint(3, 400)}ms", f"job sync_inventory finished in {rng.randint(1, 90)}s", f"user {rng.randint(1, 5000)} logged in"],
                "DEBUG": [f"cache hit key=cart:{rng.randint(1, 9999)}", f"pool stats active={rng.randint(0, 20)} idle={rng.randint(0, 20)}"],
                "WARN": [f"slow query {rng.randint(500, 5000)}ms: SELECT * FROM orders WHERE customer_id = $1", "retrying SMTP send (attempt 2/5)"],
                "ERROR": [f"payment webhook rejected: signature mismatch (provider=stripe, id=evt_{_hash(rng, 14)})", f"timeout after 30000ms calling inventory-svc", "psycopg2.OperationalError: server closed the connection unexpectedly"]}
        out.append(f"2024-11-0{1 + t // 86400000 % 9} {(t // 3600000) % 24:02d}:{(t // 60000) % 60:02d}:{(t // 1000) % 60:02d}.{t % 1000:03d} {lvl:5} [{svc}] req={rid} {rng.choice(msgs[lvl])}")
    return "\n".join(out)

def csv_rows(n, seed):
    rng = random.Random(seed)
    out = ["id,email,country,plan,mrr_cents,signup_date,churned"]
    for i in range(n):
        out.append(f"{1000 + i},{rng.choice(['ana', 'bo', 'chen', 'dmitri', 'eve', 'femi', 'gus'])}{rng.randint(1, 999)}@{rng.choice(['gmail.com', 'acme.io', 'proton.me', 'web.de'])},{rng.choice(['DE', 'US', 'ES', 'CN', 'IN', 'BR', 'FR'])},{rng.choice(['free', 'pro', 'team', 'enterprise'])},{rng.choice([0, 900, 2900, 9900, 49900])},2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d},{rng.choice(['true', 'false', 'false', 'false'])}")
    return "\n".join(out)

def pip_freeze(n, seed):
    rng = random.Random(seed)
    extra = ["alembic", "asgiref", "babel", "blinker", "cachetools", "celery", "cffi", "colorama", "cryptography", "decorator", "dnspython",
             "email-validator", "fastjsonschema", "filelock", "gunicorn", "h11", "iniconfig", "isort", "itsdangerous", "kombu", "lxml", "markupsafe",
             "marshmallow", "msgpack", "mypy-extensions", "orjson", "packaging", "platformdirs", "pluggy", "psycopg2-binary", "pycparser", "pyjwt",
             "pyparsing", "pytz", "pyyaml", "redis", "rich", "s3transfer", "sentry-sdk", "setuptools", "sniffio", "starlette", "structlog", "tenacity",
             "tomli", "tqdm", "typing-extensions", "tzdata", "uvicorn", "vine", "websockets", "wheel", "wrapt", "zipp"]
    names = sorted(set(PY_PKGS + extra))[:n]
    return "\n".join(f"{p}=={rng.randint(0, 12)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}" for p in names)

def java_class(n_methods, seed, name="OrderService"):
    rng = random.Random(seed)
    out = [f"package com.acme.orders;\n\nimport java.math.BigDecimal;\nimport java.time.Instant;\nimport java.util.*;\nimport java.util.stream.Collectors;\n\npublic class {name} {{\n    private final OrderRepository repo;\n    private final Clock clock;\n\n    public {name}(OrderRepository repo, Clock clock) {{\n        this.repo = repo;\n        this.clock = clock;\n    }}\n"]
    for i in range(n_methods):
        f = rng.choice(["status", "customerId", "region", "total", "createdAt", "channel"])
        kind = rng.randint(0, 3)
        if kind == 0:
            out.append(f"    public List<Order> findBy{f[0].upper()}{f[1:]}{i}(String value) {{\n        return repo.findAll().stream()\n            .filter(o -> Objects.equals(String.valueOf(o.get{f[0].upper()}{f[1:]}()), value))\n            .collect(Collectors.toList());\n    }}\n")
        elif kind == 1:
            out.append(f"    public BigDecimal sumTotals{i}(Collection<Order> orders) {{\n        BigDecimal sum = BigDecimal.ZERO;\n        for (Order o : orders) {{\n            if (o.getTotal() != null && o.getTotal().signum() > 0) {{\n                sum = sum.add(o.getTotal());\n            }}\n        }}\n        return sum.setScale({rng.choice([2, 2, 4])}, java.math.RoundingMode.HALF_EVEN);\n    }}\n")
        elif kind == 2:
            out.append(f"    public Map<String, Long> countBy{f[0].upper()}{f[1:]}{i}() {{\n        return repo.findAll().stream()\n            .collect(Collectors.groupingBy(o -> String.valueOf(o.get{f[0].upper()}{f[1:]}()), Collectors.counting()));\n    }}\n")
        else:
            out.append(f"    public boolean isStale{i}(Order o) {{\n        Instant cutoff = clock.instant().minusSeconds({rng.randint(60, 86400)}L);\n        return o.getUpdatedAt() != null && o.getUpdatedAt().isBefore(cutoff);\n    }}\n")
    out.append("}\n")
    return "\n".join(out)

def yaml_config(n_services, seed):
    rng = random.Random(seed)
    out = ["version: \"3.9\"", "services:"]
    for i in range(n_services):
        nm = f"{rng.choice(PY_NAMES)}-{rng.choice(['api', 'worker', 'cron', 'gateway'])}-{i}"
        out.append(f"  {nm}:\n    image: registry.acme.dev/{nm}:{rng.randint(1, 4)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}\n    restart: unless-stopped\n    environment:\n      LOG_LEVEL: {rng.choice(['info', 'debug', 'warn'])}\n      DB_POOL_SIZE: \"{rng.randint(2, 40)}\"\n      REDIS_URL: redis://redis:6379/{rng.randint(0, 15)}\n    ports:\n      - \"{8000 + i}:{rng.choice([8000, 8080, 3000])}\"\n    depends_on:\n      - postgres\n      - redis\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:{rng.choice([8000, 8080, 3000])}/healthz\"]\n      interval: {rng.choice([10, 15, 30])}s\n      retries: {rng.randint(3, 6)}")
    return "\n".join(out)

def npm_audit(n, seed):
    rng = random.Random(seed)
    pk = ["semver", "minimist", "json5", "word-wrap", "tough-cookie", "postcss", "nth-check", "loader-utils", "ip", "follow-redirects", "axios", "braces", "micromatch", "ws", "express"]
    out = ["# npm audit report\n"]
    for i in range(n):
        p = rng.choice(pk)
        sev = rng.choice(["low", "moderate", "high", "critical"])
        out.append(f"{p}  <{rng.randint(1, 8)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}\nSeverity: {sev}\n{rng.choice(['Regular Expression Denial of Service', 'Prototype Pollution', 'Server-Side Request Forgery', 'Improper Input Validation', 'Uncontrolled resource consumption'])} - https://github.com/advisories/GHSA-{_hash(rng, 4)}-{_hash(rng, 4)}-{_hash(rng, 4)}\nfix available via `npm audit fix`\nnode_modules/{p}\n")
    out.append(f"{n} vulnerabilities ({rng.randint(1, 9)} low, {rng.randint(1, 9)} moderate, {rng.randint(1, 9)} high, {rng.randint(0, 3)} critical)")
    return "\n".join(out)


def kotlin_file(n, seed):
    rng = random.Random(seed)
    out = ["package com.acme.mobile.feed\n\nimport kotlinx.coroutines.flow.Flow\nimport kotlinx.coroutines.flow.map\n"]
    for i in range(n):
        nm = rng.choice(["Post", "Comment", "Story", "Reel", "Like", "Share"])
        out.append(f"data class {nm}Dto{i}(\n\tval id: String,\n\tval authorId: String,\n\tval createdAt: Long,\n\tval score: Int = {rng.randint(0, 50)},\n)\n\nfun {nm}Dto{i}.toDomain(): {nm} =\n\t{nm}(id = id, author = authorId, ts = createdAt, weight = score * {rng.randint(1, 9)})\n\nfun Flow<List<{nm}Dto{i}>>.mapped{i}(): Flow<List<{nm}>> =\n\tmap {{ list -> list.filter {{ it.score >= {rng.randint(0, 10)} }}.map {{ it.toDomain() }} }}\n")
    return "\n".join(out)

def changelog(n, seed):
    rng = random.Random(seed)
    out = ["# Changelog\n\nAll notable changes to this project are documented here. The format follows Keep a Changelog.\n\n## [Unreleased]\n"]
    for v in range(n, 0, -1):
        out.append(f"## [{v // 10}.{v % 10}.{rng.randint(0, 4)}] - 20{18 + v // 12}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n")
        for sec in ("Added", "Fixed", "Changed"):
            if rng.random() < 0.7:
                out.append(f"### {sec}\n" + "\n".join(f"- {rng.choice(VERBS).capitalize()} {rng.choice(THINGS)} (#{rng.randint(100, 2400)})" for _ in range(rng.randint(1, 5))) + "\n")
    return "\n".join(out)

def sql_migrations(n, seed):
    rng = random.Random(seed)
    out = []
    for i in range(1, n + 1):
        t = rng.choice(PY_NAMES)
        k = rng.randint(0, 2)
        if k == 0:
            out.append(f"-- {i:04d}_create_{t}_{i}.sql\nCREATE TABLE IF NOT EXISTS {t}_{i} (\n    id BIGSERIAL PRIMARY KEY,\n    tenant_id BIGINT NOT NULL REFERENCES tenants(id),\n    payload JSONB NOT NULL DEFAULT '{{}}',\n    created_at TIMESTAMPTZ NOT NULL DEFAULT now()\n);\n")
        elif k == 1:
            out.append(f"-- {i:04d}_index_{t}.sql\nCREATE INDEX CONCURRENTLY IF NOT EXISTS idx_{t}_{i}_tenant ON {t}_{rng.randint(1, i)} (tenant_id, created_at DESC);\n")
        else:
            out.append(f"-- {i:04d}_alter_{t}.sql\nALTER TABLE {t}_{rng.randint(1, i)} ADD COLUMN IF NOT EXISTS {rng.choice(['status', 'note', 'external_ref', 'archived_at'])} {rng.choice(['TEXT', 'TIMESTAMPTZ', 'VARCHAR(64)'])};\n")
    return "\n".join(out)

def csharp_class(n, seed):
    rng = random.Random(seed)
    out = ["using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing System.Threading.Tasks;\n\nnamespace Acme.Billing.Services\n{\n    public sealed class InvoiceService : IInvoiceService\n    {\n        private readonly IInvoiceRepository _repo;\n        private readonly ILogger<InvoiceService> _log;\n\n        public InvoiceService(IInvoiceRepository repo, ILogger<InvoiceService> log)\n        {\n            _repo = repo ?? throw new ArgumentNullException(nameof(repo));\n            _log = log;\n        }\n"]
    for i in range(n):
        f = rng.choice(["Status", "CustomerId", "DueDate", "Currency", "Amount"])
        if rng.random() < 0.5:
            out.append(f"        public async Task<IReadOnlyList<Invoice>> GetBy{f}Async{i}(string value)\n        {{\n            var all = await _repo.ListAsync();\n            return all.Where(x => string.Equals(x.{f}.ToString(), value, StringComparison.OrdinalIgnoreCase)).ToList();\n        }}\n")
        else:
            out.append(f"        public decimal Total{f}{i}(IEnumerable<Invoice> invoices)\n        {{\n            _log.LogDebug(\"Totalling {{Count}} invoices\", invoices.Count());\n            return Math.Round(invoices.Where(i => i.Amount > 0).Sum(i => i.Amount), {rng.choice([2, 4])}, MidpointRounding.ToEven);\n        }}\n")
    out.append("    }\n}\n")
    return "\n".join(out)

def git_status_untracked(n, seed):
    rng = random.Random(seed)
    out = ["On branch feat/report-export", "Your branch is ahead of 'origin/feat/report-export' by 3 commits.", "  (use \"git push\" to publish your local commits)", "",
           "Changes not staged for commit:", "  (use \"git add <file>...\" to update what will be committed)", "  (use \"git restore <file>...\" to discard changes in working directory)",
           "\tmodified:   app/reports/export.py", "\tmodified:   app/reports/templates/summary.html", "", "Untracked files:", "  (use \"git add <file>...\" to include in what will be committed)"]
    for i in range(n):
        d = rng.choice(["app/reports", "app/core", "app/api/routes", "tests", "scripts", "app/models"])
        out.append(f"\t{d}/__pycache__/{rng.choice(PY_NAMES)}_{i}.cpython-311.pyc")
    out.append("\nno changes added to commit (use \"git add\" and/or \"git commit -a\")")
    return "\n".join(out)

def package_json(n, seed):
    rng = random.Random(seed)
    deps = ["@babel/core", "@emotion/react", "@tanstack/react-query", "axios", "classnames", "date-fns", "dayjs", "i18next", "immer", "lodash", "nanoid",
            "react", "react-dom", "react-hook-form", "react-i18next", "react-router-dom", "recharts", "zod", "zustand", "@sentry/react", "clsx", "qs"]
    dev = ["@testing-library/react", "@testing-library/jest-dom", "@types/react", "@types/node", "@vitejs/plugin-react", "eslint", "eslint-plugin-react",
           "eslint-plugin-react-hooks", "prettier", "typescript", "vite", "vitest", "jsdom", "husky", "lint-staged", "msw", "storybook", "@storybook/react"]
    d = {"name": "shop-web", "version": "3.14.2", "private": True, "type": "module",
         "scripts": {"dev": "vite", "build": "tsc -b && vite build", "test": "vitest run", "lint": "eslint . --ext ts,tsx", "format": "prettier -w ."},
         "dependencies": {k: f"^{rng.randint(0, 18)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}" for k in deps},
         "devDependencies": {k: f"^{rng.randint(0, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}" for k in dev}}
    return json.dumps(d, indent=2)


# ================================================================ rows
# ---- batch 1: long pastes (trivial asks and real work)

R("which commits touched the gradle wrapper? just the short hashes pls\n\n" + git_log(110, 101),
  "haiku", "long-trivial: find one commit in a pasted log, checkable at a glance", "question", trap="long-trivial", voice="typos")

R("I've got a mountain of ruff output, see below. Before I look at anything: what's the flag to let ruff auto-fix whatever it can?\n\n```\n" + ruff_output(340, 102) + "\n```",
  "haiku", "long-trivial: the ask is one CLI flag (--fix); the lint paste is irrelevant", "question", trap="long-trivial", voice="verbose")

R("eslint output from CI below. how do i turn off only the import/order rule for the whole repo\n\n" + eslint_output(260, 103),
  "haiku", "long-trivial: one config line to disable a rule, paste does not matter", "question", trap="long-trivial", voice="typos")

R("Add the standard MIT license header (Copyright (c) 2024 Acme GmbH) at the top of this file, don't change anything else.\n\n```python\n" + py_module(110, 104) + "\n```",
  "haiku", "long-trivial: add a license header to a long file, mechanical", "edit", domain="general", trap="long-trivial")

R("one line commit message for this diff\n\n" + py_diff(95, 105),
  "haiku", "long-trivial: the diff repeats one change; a one-line commit message is a small text task", "docs", trap="long-trivial", voice="terse")

_fail = "2024-10-12T14:39:51.2210000Z  FAIL  src/checkout/api.test.ts\n2024-10-12T14:39:51.2230000Z   ● checkout api › retries on 503\n2024-10-12T14:39:51.2240000Z     thrown: \"Exceeded timeout of 5000 ms for a test.\"\n2024-10-12T14:39:51.9900000Z ##[error]Process completed with exit code 1."
R("CI is red again. Which test failed? I just need the name so I can ping whoever owns it.\n\n" + gha_log(1150, 106, _fail),
  "haiku", "long-trivial: locate the one FAIL line near the end of a CI log", "question", trap="long-trivial")

R("count how many ERROR lines come from the [mailer] service in this log. just the number\n\n" + app_log(1250, 107),
  "haiku", "long-trivial: counting matching lines in a paste is mechanical", "question", domain="tooling", trap="long-trivial", voice="terse")

R("Here is an export from our billing DB. I only need a pandas one-liner that loads it and gives the mean mrr_cents per plan.\n\n" + csv_rows(420, 108),
  "haiku", "long-trivial: a groupby one-liner; the CSV only shows the columns", "implement", domain="data", trap="long-trivial")

R("the package is wrong, should be com.acme.order not com.acme.orders. fix the first line, rest stays\n\n```java\n" + java_class(90, 109) + "```",
  "haiku", "long-trivial: change one package declaration in a long Java file", "edit", domain="general", trap="long-trivial", voice="typos")

R("In this docker-compose file change every `restart: unless-stopped` to `restart: always`. Nothing else.\n\n```yaml\n" + yaml_config(48, 110) + "\n```",
  "haiku", "long-trivial: a search-and-replace on a long config", "edit", domain="infrastructure", trap="long-trivial")

R("npm audit gave me this wall. what's the command to apply only the non-breaking fixes?\n\n" + npm_audit(60, 111),
  "haiku", "long-trivial: the answer is `npm audit fix` (without --force)", "question", trap="long-trivial")

R("my reflog is below, how do I get my branch back to HEAD@{37}?\n\n" + reflog(160, 112),
  "haiku", "long-trivial: one git reset command, the reflog itself is noise", "question", trap="long-trivial")

R("did this build pass or not, I'm on my phone and can't scroll\n\n" + build_log_gradle(420, 113),
  "haiku", "long-trivial: read the last line of a build log", "question", trap="long-trivial", voice="plain")

R("Convert tabs to 4 spaces in this Kotlin file, keep everything else byte-identical.\n\n```kotlin\n" + kotlin_file(70, 114) + "```",
  "haiku", "long-trivial: whitespace reformatting, mechanical", "edit", domain="mobile", trap="long-trivial")

R("Add an entry under [Unreleased] → Fixed: \"CSV export now writes UTF-8 with BOM so Excel opens it correctly (#2411)\".\n\n" + changelog(60, 115),
  "haiku", "long-trivial: one changelog line in a long file", "docs", trap="long-trivial")

R("whats the number of the last migration in this file? I need to name the next one\n\n```sql\n" + sql_migrations(180, 116) + "```",
  "haiku", "long-trivial: read the last migration number", "question", domain="databases", trap="long-trivial", voice="typos")

R("Please add an XML doc comment on the constructor of this class only. Thank you.\n\n```csharp\n" + csharp_class(70, 117) + "```",
  "haiku", "long-trivial: one doc comment in a long C# file", "docs", domain="general", trap="long-trivial", voice="non-native")

R("git status is full of pycache garbage, how do i ignore them all?\n\n```\n" + git_status_untracked(400, 118) + "\n```",
  "haiku", "long-trivial: one .gitignore line (__pycache__/ or *.pyc)", "question", trap="long-trivial", voice="typos")

R("bump typescript to ^5.6.3 in this package.json\n\n```json\n" + package_json(1, 119) + "\n```",
  "haiku", "long-trivial: change one version string", "edit", domain="web", voice="terse", trap=None)

R("这个 CI 日志太长了，帮我看一下是哪个测试挂了？只要告诉我测试名就行。\n\n" + gha_log(700, 120, "2024-10-11T14:12:03.5510000Z  FAIL  src/auth/hooks.test.ts\n2024-10-11T14:12:03.5530000Z   ● useSession › refreshes token before expiry\n2024-10-11T14:12:03.9000000Z ##[error]Process completed with exit code 1."),
  "haiku", "long-trivial: find the failing test name at the end of the log (zh)", "question", voice="other-language", language="zh", trap="long-trivial")

R("¿Cuántas líneas WARN hay en este log? Solo necesito el número para el informe.\n\n" + app_log(520, 121, levels=("INFO", "INFO", "DEBUG", "WARN")),
  "haiku", "long-trivial: count WARN lines (es)", "question", voice="other-language", language="es", trap="long-trivial")

R("sort the lines of this requirements file alphabetically (case-insensitive) and remove exact duplicates\n\n" + pip_freeze(60, 122) + "\n" + "\n".join(reversed(pip_freeze(60, 122).splitlines()[:40])),
  "haiku", "mechanical sort/dedupe of a list", "edit", domain="tooling", voice="terse")

# long with real work
R("Write pytest tests for parse_duration, merge_intervals, chunked and the LRUCache class in this module. Cover the edge cases (empty input, bad formats, eviction order). Put them in tests/test_helpers.py.\n\n```python\n" + py_module(60, 130) + "\n```",
  "sonnet", "writing tests for existing code across several functions", "test", domain="general")

_compile_err = """> Task :billing:compileJava FAILED
/home/ci/work/platform/billing/src/main/java/com/acme/billing/InvoiceMapper.java:88: error: incompatible types: Optional<Customer> cannot be converted to Customer
        Customer c = customerRepo.findById(dto.customerId());
                                           ^
/home/ci/work/platform/billing/src/main/java/com/acme/billing/InvoiceMapper.java:121: error: cannot find symbol
        return Money.of(total, c.currency());
                                ^
  symbol:   method currency()
  location: variable c of type Customer
2 errors

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':billing:compileJava'.
> Compilation failed; see the compiler error output for details."""
R("after I merged main into my branch the build broke. log below, the relevant class is also below. can you fix InvoiceMapper so it compiles? I think someone changed the repo to return Optional and renamed currency() to something\n\n" + build_log_gradle(300, 131, _compile_err) + "\n\nCustomer.java on main now:\n```java\npublic record Customer(long id, String name, CurrencyCode preferredCurrency, String email) {}\n```\n\nInvoiceMapper.java lines 80-125:\n```java\n    public Invoice toInvoice(InvoiceDto dto) {\n        Customer c = customerRepo.findById(dto.customerId());\n        if (c == null) {\n            throw new UnknownCustomerException(dto.customerId());\n        }\n        BigDecimal total = dto.lines().stream()\n            .map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.qty())))\n            .reduce(BigDecimal.ZERO, BigDecimal::add);\n        return new Invoice(dto.id(), c.id(), toMoney(total, c));\n    }\n\n    private Money toMoney(BigDecimal total, Customer c) {\n        return Money.of(total, c.currency());\n    }\n```",
  "sonnet", "debugging a compile failure with a clear cause from a build log; small code change", "debug", domain="general", voice="typos")

R("Our API stalls every few hours — p99 goes from ~200ms to 30s for a few minutes, then recovers by itself. No deploys correlate with it. We can't reproduce it in staging. Here is a chunk of the production log around the last two incidents (api, worker, scheduler and mailer all log to the same stream). Postgres is RDS, pool size 20 per pod, 6 pods, pgbouncer in transaction mode. Figure out what's going on and what we should change.\n\n" + app_log(1300, 132, levels=("INFO", "INFO", "INFO", "DEBUG", "DEBUG", "WARN", "ERROR")),
  "opus", "intermittent production stall across services with no clear lead needs a theory across components", "debug", domain="infrastructure", trap=None)

R("Please review this diff. It's supposed to make all the handlers raise NotFound instead of returning None and add currency to the response. Anything I missed? Callers that relied on None?\n\n" + py_diff(60, 133),
  "sonnet", "reviewing a diff for correctness is everyday sonnet work", "review", domain="general")

R("These finder/count methods are basically copy-paste. Refactor OrderService so there's one generic finder and one generic counter taking a Function<Order, ?> key extractor, and keep the public methods as thin deprecated wrappers so callers don't break.\n\n```java\n" + java_class(70, 134) + "```",
  "sonnet", "refactoring a module with a clear target shape", "refactor", domain="general")

R("Set up ruff properly for this repo: we want the rules that currently fire below, but B008 must be ignored only under app/api/routes (FastAPI Depends), E501 ignored in tests, and PLR2004 off entirely. Give me the pyproject.toml [tool.ruff] section and a .pre-commit-config.yaml that runs ruff check --fix and ruff format.\n\n```\n" + ruff_output(220, 135) + "\n```",
  "sonnet", "lint configuration with per-file ignores plus pre-commit: CI/build config", "ops")

R("We'd like a GitHub Actions job that runs eslint, fails only on errors (not warnings), and shows the problems as inline annotations on the PR. Current output from a local run is below so you can see the shape. Also cache node_modules sensibly.\n\n" + eslint_output(180, 136),
  "sonnet", "CI configuration with clear requirements", "ops", domain="tooling")

R("We're moving off docker-compose. Convert this compose file into Kubernetes manifests (Deployment + Service per service, env into a ConfigMap, healthcheck into readiness/liveness probes). Postgres and redis are managed outside the cluster, skip them.\n\n```yaml\n" + yaml_config(22, 137) + "\n```",
  "sonnet", "rewriting a long config into another format: many careful steps, no design", "ops", domain="infrastructure")

R("Write release notes for 2.3.0 from the commits below. Group them into Features / Fixes / Chores, drop dependabot noise and merge commits, one line each, user-facing wording.\n\n" + git_log(80, 138),
  "sonnet", "summarising and regrouping ~80 commits into user-facing notes takes care across many items", "docs")

R("npm audit below. We only use axios on the server (Node 20, calls our own internal APIs plus Stripe), ws is used for a public websocket endpoint, and express serves everything behind Cloudflare. Which of these are actually exploitable for us, in what order should we fix them, and are any of the 'fix available' upgrades risky? I need to justify this to the security team.\n\n" + npm_audit(45, 139),
  "opus", "security triage of exploitability for a public service; a wrong call is a vulnerability", "review", domain="security")

R("ok so I did `git rebase -i main` on spike/grpc, squashed some stuff, then got scared and did a reset, and now the 6 commits I had on spike/grpc are gone from git log. reflog below. how do I get them back without messing up main?\n\n" + reflog(140, 140),
  "sonnet", "recovering lost commits from a reflog takes a few careful steps", "debug", voice="verbose")

R("Build the churn analysis for this export: monthly signup cohorts, % churned per cohort per plan, and MRR lost per country. Python with pandas, output a tidy DataFrame and a small markdown table. Handle the free plan (mrr 0) separately.\n\n" + csv_rows(300, 141),
  "sonnet", "a data analysis script with a clear spec", "implement", domain="data")

R("Translate this whole Java class to idiomatic Kotlin (data classes where it makes sense, extension functions instead of the static helpers, no !!). Keep the public API the same for Java callers.\n\n```java\n" + java_class(55, 142) + "```",
  "sonnet", "rewriting a long file into another language is many careful steps (tie-breaker 5)", "refactor", domain="general")

# ---- batch 2: tooling, short and medium
R("regex for semver? like 1.2.3 and 1.2.3-rc.1 and 1.0.0+build.5", "haiku", "a single regex, checkable at a glance", "implement", voice="terse")
R("git: undo the last commit but keep the changes staged", "haiku", "well-known one-liner (git reset --soft HEAD~1)", "question", voice="terse")
R("how do i see wich files changed between two tags v2.2.0 and v2.3.0", "haiku", "one git diff --name-only command", "question", voice="typos")
R("What's the actual difference between `git merge --squash` locally and the 'Squash and merge' button on GitHub? Do they produce the same history?", "haiku", "short factual question about git behaviour", "question")
R("""resolve this, we want both deps obviously

```toml
[project]
dependencies = [
    "fastapi>=0.110",
<<<<<<< HEAD
    "structlog>=24.1",
=======
    "tenacity>=8.2",
>>>>>>> feat/retries
    "sqlalchemy>=2.0",
]
```""", "haiku", "trivial conflict: keep both lines, mechanical", "edit", voice="terse")
R("""Got this conflict after rebasing onto main. Main changed how discounts are applied (percent is now stored as basis points), my branch added the loyalty discount. I don't want to break either. Can you resolve it and explain what you chose?

```python
def apply_discounts(order, customer):
<<<<<<< HEAD
    total = order.subtotal_cents
    for d in order.discounts:
        if d.kind == "percent":
            total -= total * d.value_bp // 10_000
        elif d.kind == "fixed":
            total -= d.value_cents
    return max(total, 0)
=======
    total = order.subtotal_cents
    for d in order.discounts:
        if d.kind == "percent":
            total -= total * d.value / 100
        elif d.kind == "fixed":
            total -= d.value_cents
    if customer.loyalty_tier == "gold":
        total -= total * 5 / 100
    return max(int(total), 0)
>>>>>>> feat/loyalty-discount
```""", "sonnet", "resolving a conflict where both sides changed logic needs care about semantics", "edit", domain="general")
R("Write a Makefile for a Go service with targets build, test (with -race), lint (golangci-lint), clean and a default help target that lists targets from comments.", "sonnet", "build configuration with several targets, everyday work", "implement")
R("bash one-liner: gzip every *.log in /var/log/myapp older than 7 days", "haiku", "a find -mtime -exec gzip one-liner", "ops", voice="terse")
R("Why does `set -e` not make my script exit when the failing command is inside an `if` condition or on the left of `&&`? It just keeps going and I thought set -e was supposed to stop on any error.", "sonnet", "the reason is subtle shell semantics, explained not just stated (tie-breaker 7)", "explain")
R("write a git pre-commit hook that refuses the commit if any staged .ts/.tsx file adds a console.log line. only look at added lines, not the whole file", "sonnet", "a script with a few careful steps (staged diff parsing)", "implement", voice="typos")
R("Design a content-addressed build cache we can share between CI and developer laptops safely.", "opus", "short-hard: open design with correctness and trust trade-offs (cache poisoning, hermeticity)", "design", trap="short-hard")
R("our builds got slower and slower over the last year, a clean build is now 25 min. nobody changed anything big. where do we even start?", "opus", "easy-words-hard: performance investigation with no lead across a build system", "debug", trap="easy-words-hard", voice="typos")
R("what does 'hermetic' mean when people talk about Bazel builds?", "haiku", "hard-words-easy: short definition of a term", "question", trap="hard-words-easy")
R("in one sentence, how is git's object store a Merkle DAG?", "haiku", "hard-words-easy: a one-sentence conceptual answer", "question", trap="hard-words-easy")
R("how do I make git bisect run my test script automatically instead of me typing good/bad each time", "haiku", "well-known command: git bisect run", "question")
R("""CMake says:

```
CMake Error at CMakeLists.txt:14 (find_package):
  By not providing "Findfmt.cmake" in CMAKE_MODULE_PATH this project has
  asked CMake to find a package configuration file provided by "fmt", but
  CMake did not find one.
```
i installed fmt with brew though""", "haiku", "explaining a common error message: set CMAKE_PREFIX_PATH to brew's prefix", "debug", voice="typos")
R("poetry lock has been 'Resolving dependencies...' for 20+ minutes on our project. what can I do to speed it up or see what it's stuck on?", "sonnet", "debugging a tooling slowdown with known causes and several options", "debug")
R("GitHub Actions: matrix for python 3.10–3.13 × ubuntu-latest/windows-latest running tox, fail-fast off, pip cache on.", "sonnet", "CI configuration with a clear spec", "ops", voice="terse")
R("vim: replace foo with bar only on lines 10 to 40", "haiku", "a single ex command", "question", voice="terse")
R("emacs key to reflow a paragraph?", "haiku", "one keybinding (M-q)", "question", voice="terse")
R("Set up neovim with lazy.nvim so Python gets pyright for types and ruff for lint/format (format on save). Lua config please, I'm on nvim 0.10.", "sonnet", "editor configuration across a few plugins", "ops")
R("now do the same for typescript", "sonnet", "follow-up asking to repeat the editor/LSP setup for another language: everyday work", "ops", voice="follow-up")
R("also add a docstring", "haiku", "follow-up: the words name a mechanical edit (tie-breaker 8)", "docs", voice="follow-up", domain="general")
R("ok revert that", "haiku", "follow-up: undoing the last change is mechanical, like 'rename it back' (tie-breaker 8)", "edit", voice="follow-up")
R("why?", "sonnet", "follow-up that only points back: unknown work, everyday tier (tie-breaker 8)", "explain", voice="follow-up", domain="general")
R("try again but faster", "sonnet", "follow-up that only points back: unknown work, sonnet (tie-breaker 8)", "edit", voice="follow-up", domain="general")
R("Write a small code generator: read our openapi.yaml (3.0) and emit Python dataclasses for every schema in components/schemas, with Optional for non-required fields and enums as Enum classes. Stdlib + PyYAML only.", "sonnet", "code generation tool with a clear specification", "implement")
R("command to generate python grpc stubs from protos/*.proto with grpc_tools?", "haiku", "one protoc invocation", "question", voice="terse")
R("We generate SDKs in five languages from one spec, and customers keep asking us to let them hand-edit the generated code. Design how the generator can preserve hand-written edits across regenerations without merge hell.", "opus", "open design of a code generation system with trade-offs", "design")
R("""migrate this to the new flat config (eslint.config.js), eslint 9

```json
{
  "root": true,
  "parser": "@typescript-eslint/parser",
  "parserOptions": { "project": "./tsconfig.json" },
  "plugins": ["@typescript-eslint", "react-hooks", "import"],
  "extends": ["eslint:recommended", "plugin:@typescript-eslint/recommended", "plugin:react-hooks/recommended", "prettier"],
  "rules": {
    "import/order": ["warn", { "newlines-between": "always" }],
    "no-console": ["warn", { "allow": ["warn", "error"] }]
  },
  "overrides": [{ "files": ["*.test.tsx"], "env": { "jest": true } }],
  "ignorePatterns": ["dist/", "coverage/"]
}
```""", "sonnet", "config migration with semantic differences (plugins, overrides, env globals)", "refactor", domain="web", voice="terse")
R("prettier and eslint keep fighting over trailing commas and quotes, every save flips it. how do I make them stop", "haiku", "well-known fix: eslint-config-prettier", "question", voice="typos")
R("pnpm workspaces monorepo, ~40 packages. On PRs we want to run tests only for packages that changed plus everything that depends on them. How do we set that up in CI?", "sonnet", "CI configuration with known tooling (pnpm --filter ...[origin/main])", "ops")
R("We have ~300 repos on a Jenkins box that nobody wants to own. Plan moving all of them to GitHub Actions: shared workflows, secrets, self-hosted runners for the ones that need VPN access, and not breaking anyone's release process during the switch.", "opus", "large multi-step migration across many repos with risk management", "plan")
R("""squash the last 5 of these into one, what's the command

```
a41c9e2 fix typo
7d03b1f fix tests again
c9e1a55 fix tests
0be77aa wip
5f2c6d1 add csv export endpoint
91aa0c3 Merge pull request #812 from acme/fix/login
```""", "haiku", "one interactive rebase or reset --soft command", "question", voice="terse")
R("""what does this mean, did i lose my work??

```
$ git status
HEAD detached at 5f2c6d1
nothing to commit, working tree clean
```""", "haiku", "explaining a common git state in a sentence or two", "explain", voice="typos")
R("A developer pushed an AWS access key to our public repo 3 days ago. It's in main and two release tags, and the repo has about 40 forks. Walk me through everything we need to do, in order.", "opus", "security incident response: rotation, history rewrite, forks and caches; mistakes are costly", "plan", domain="security")
R("git filter-repo command to remove secrets.env from all history", "haiku", "a single well-known command", "question", voice="terse")
R("""script works with bash but with sh i get

```
./deploy.sh: 12: Syntax error: "(" unexpected
```
line 12 is `targets=(api worker cron)`""", "haiku", "common error: arrays are a bashism, use #!/bin/bash", "debug", voice="terse")
R("Write a bash script for a nightly Postgres backup: pg_dump in custom format, keep 14 days locally, upload to s3://acme-backups/db/, and if anything fails exit non-zero and post to our Slack webhook. Should be safe to run from cron.", "sonnet", "a multi-step ops script with error handling, clear spec", "ops")
R("zsh prompt is super slow in big git repos (monorepo ~2M files). like 2 seconds per enter. how fix", "sonnet", "tooling performance with a known cause (git status in prompt) and several fixes", "debug", voice="typos")
R("Please, how I can make that maven is not downloading every time all the dependencies in the CI? We are using gitlab and the build takes very long because of this.", "sonnet", "CI caching configuration", "ops", voice="non-native")
R("I have the problem that the gradle build is since the update to 8.5 very slow, the configuration phase alone takes 40 seconds. Before it was 5. What can be the reason and how I find it?", "sonnet", "debugging a build regression with standard tools (build scan, --profile)", "debug", voice="non-native")
R("git 怎么只克隆仓库里的某一个目录？仓库很大。", "haiku", "well-known commands (sparse-checkout / partial clone), zh", "question", voice="other-language", language="zh")
R("¿Cómo configuro husky y lint-staged para que prettier se ejecute solo sobre los archivos que voy a commitear?", "sonnet", "tooling setup across a few config files (es)", "ops", voice="other-language", language="es")
R("make our remote build cache poisoning-proof", "opus", "short-hard: security design for a shared cache", "design", domain="security", trap="short-hard", voice="terse")

# ---- batch 3: general programming
R("""This deadlocks sometimes in production (thread dump shows two threads parked inside computeIfAbsent). Why, and how do I fix it without losing the caching?

```java
public final class PriceCache {
    private final ConcurrentHashMap<String, BigDecimal> cache = new ConcurrentHashMap<>();
    private final PriceSource source;

    public BigDecimal price(String sku) {
        return cache.computeIfAbsent(sku, k -> {
            Product p = source.product(k);
            if (p.isBundle()) {
                BigDecimal sum = BigDecimal.ZERO;
                for (String part : p.parts()) {
                    sum = sum.add(price(part));
                }
                return sum.multiply(p.bundleFactor());
            }
            return p.basePrice();
        });
    }
}
```""", "opus", "concurrency: recursive computeIfAbsent and bin locking in ConcurrentHashMap, a subtle deadlock", "debug", domain="general")
R("I need an async lock in C# that is reentrant for the same logical flow (AsyncLocal), works with SemaphoreSlim underneath, and can't deadlock if a caller forgets to await. Is that even possible? If yes implement it, if not explain what the closest safe thing is.", "opus", "concurrency primitive design with subtle async-flow semantics", "design", domain="general")
R("Elixir/OTP: each merchant gets a GenServer that batches card settlements and sends them to the acquirer once per hour. If the node dies mid-batch we must never settle twice and never drop one. Design the supervision tree and the persistence/idempotency story.", "opus", "distributed exactly-once design with failure handling", "design", domain="general")
R("""Prove (equational reasoning is fine) that this Functor instance satisfies both functor laws, or show a counterexample.

```haskell
data Pair a = Pair a a deriving Show

instance Functor Pair where
  fmap f (Pair x y) = Pair (f y) (f x)
```""", "opus", "formal reasoning about typeclass laws", "explain", domain="general")
R("""why does this blow the stack on a list of 10 million and how do I fix it

```haskell
total :: [Int] -> Int
total = foldl (+) 0
```""", "sonnet", "explaining laziness/thunk build-up in a small snippet: subtle reason (tie-breaker 7)", "explain", domain="general", voice="typos")
R("Our asyncio consumer (aio-pika) sometimes processes the same RabbitMQ message twice, always right after a connection drop and reconnect. We ack after the handler finishes. The handler writes to Postgres and calls an external API. How do we get this to effectively-once?", "opus", "delivery semantics and idempotency across a broker, DB and external API", "design", domain="general")
R("the celery worker's memory grows about 50MB an hour until k8s kills it. no obvious leak in our code. what do we do", "opus", "easy-words-hard: a leak under load with no lead needs investigation across components", "debug", domain="general", trap="easy-words-hard", voice="terse")
R("sometimes two customers get the same invoice number. it's rare, maybe once a month. rails app, postgres.", "opus", "easy-words-hard: an intermittent race on number generation across processes", "debug", domain="general", trap="easy-words-hard", voice="terse")
R("""Security review please. This is our login controller (PHP 8.2, no framework, legacy). Be thorough.

```php
<?php
session_start();
require __DIR__ . '/db.php';

if ($_SERVER['REQUEST_METHOD'] === 'POST') {
    $email = $_POST['email'] ?? '';
    $pass  = $_POST['password'] ?? '';
    $stmt = $pdo->query("SELECT id, password_hash, role FROM users WHERE email = '" . $email . "' LIMIT 1");
    $user = $stmt->fetch(PDO::FETCH_ASSOC);
    if ($user && md5($pass) === $user['password_hash']) {
        $_SESSION['uid'] = $user['id'];
        $_SESSION['role'] = $user['role'];
        $next = $_GET['next'] ?? '/dashboard';
        header('Location: ' . $next);
        exit;
    }
    $error = 'Invalid credentials for ' . $email;
}
?>
<form method="post">
  <?php if (!empty($error)) echo "<p class='err'>$error</p>"; ?>
  <input name="email"><input name="password" type="password">
  <button>Login</button>
</form>
```""", "opus", "security review of authentication code (tie-breaker 10)", "review", domain="security")
R("""Can you review this for races? It's the repository cache in our Android app.

```kotlin
class ProfileRepository(
    private val api: ProfileApi,
    private val scope: CoroutineScope,
) {
    private val mutex = Mutex()
    private var cached: Profile? = null
    private var inFlight: Deferred<Profile>? = null

    suspend fun profile(force: Boolean = false): Profile {
        if (!force) cached?.let { return it }
        val job = mutex.withLock {
            inFlight ?: scope.async { api.fetchProfile() }.also { inFlight = it }
        }
        return try {
            job.await().also { cached = it }
        } finally {
            inFlight = null
        }
    }
}
```""", "opus", "review of concurrent coroutine code for races (tie-breaker 10)", "review", domain="mobile")
R("Implement a bounded blocking queue in Java using only synchronized/wait/notifyAll (no java.util.concurrent), with put, take and a poll(timeout). Then argue why it can't lose wakeups or deadlock.", "opus", "concurrent data structure plus a correctness argument", "implement", domain="general")
R("""Is this double-checked locking correct in C# on .NET 8 (x64 and ARM64)? My colleague says the volatile is unnecessary.

```csharp
private static volatile Config _instance;
private static readonly object _gate = new();

public static Config Instance
{
    get
    {
        if (_instance == null)
        {
            lock (_gate)
            {
                if (_instance == null)
                    _instance = Config.Load();
            }
        }
        return _instance;
    }
}
```""", "opus", "memory model semantics across architectures (tie-breaker 7)", "explain", domain="general")
R("We want third-party plugins for our Python CLI. Design the plugin system: discovery, a versioned API so we can evolve without breaking plugins, and some isolation so a bad plugin can't take down the CLI or read users' tokens.", "opus", "open design with API evolution and security trade-offs", "design", domain="general")
R("Our GenServer's mailbox grows without bound during traffic spikes and then the node OOMs. Producers are Phoenix controllers calling GenServer.cast. How should we redesign this for backpressure?", "opus", "concurrency/backpressure design across processes", "design", domain="general")
R("""totals are wrong when several threads add items at once, why

```java
public class Cart {
    private final List<Item> items = new ArrayList<>();
    private long totalCents;

    public void add(Item i) {
        items.add(i);
        totalCents += i.priceCents();
    }
    public long total() { return totalCents; }
}
```""", "opus", "a data race: rubric puts races under opus even when the snippet is small", "debug", domain="general", voice="terse")
R("Implement a consistent-hashing ring with virtual nodes in Python (add/remove node, lookup, replicas=N distinct physical nodes) and give a rough argument for how many virtual nodes we need to keep load within ±10%.", "opus", "algorithm plus a quantitative/probabilistic argument", "implement", domain="general")
R("""Is this Monad instance lawful? I'm not sure about associativity with the error case.

```haskell
newtype Parser a = Parser { runParser :: String -> Either String (a, String) }

instance Monad Parser where
  return x = Parser $ \\s -> Right (x, s)
  Parser p >>= f = Parser $ \\s -> case p s of
    Left e -> Left e
    Right (a, rest) -> case runParser (f a) rest of
      Left e -> Left (e ++ " (after consuming " ++ show (length s - length rest) ++ " chars)")
      ok -> ok
```""", "opus", "formal reasoning about monad laws with a subtle error-annotation case", "review", domain="general")
R("exactly-once webhook delivery in Elixir", "opus", "short-hard: exactly-once delivery is a distributed-systems design problem", "design", domain="general", trap="short-hard", voice="terse")
R("lock-free single-producer single-consumer ring buffer in C# using Interlocked/Volatile, with explanation of the fences", "opus", "short-hard: lock-free structure and memory ordering", "implement", domain="general", trap="short-hard", voice="terse")
R("every now and then a customer gets charged twice. laravel + stripe. no idea how", "opus", "easy-words-hard: intermittent duplicate side effect with no lead", "debug", domain="general", trap="easy-words-hard", voice="typos")
R("Our Laravel app is multi-tenant with a tenant_id column on every table and we add where('tenant_id', ...) by hand. Last month a missed where leaked another tenant's invoices. Design something so this can't happen again.", "opus", "security-sensitive architecture change for tenant isolation", "design", domain="security")
R("""After upgrading from Java 17 to 21 (G1 both times, same flags) p99 latency went from 40ms to 95ms. GC log excerpt:

```
[2024-10-03T09:12:44.120+0000][gc,start    ] GC(1412) Pause Young (Normal) (G1 Evacuation Pause)
[2024-10-03T09:12:44.121+0000][gc,task     ] GC(1412) Using 8 workers of 8 for evacuation
[2024-10-03T09:12:44.189+0000][gc,phases   ] GC(1412)   Pre Evacuate Collection Set: 0.2ms
[2024-10-03T09:12:44.189+0000][gc,phases   ] GC(1412)   Merge Heap Roots: 0.4ms
[2024-10-03T09:12:44.189+0000][gc,phases   ] GC(1412)   Evacuate Collection Set: 61.8ms
[2024-10-03T09:12:44.189+0000][gc,phases   ] GC(1412)   Post Evacuate Collection Set: 4.1ms
[2024-10-03T09:12:44.190+0000][gc,heap     ] GC(1412) Eden regions: 612->0(598)
[2024-10-03T09:12:44.190+0000][gc,heap     ] GC(1412) Survivor regions: 38->52(77)
[2024-10-03T09:12:44.190+0000][gc,heap     ] GC(1412) Old regions: 1402->1409
[2024-10-03T09:12:44.190+0000][gc,heap     ] GC(1412) Humongous regions: 3->211
[2024-10-03T09:12:44.190+0000][gc          ] GC(1412) Pause Young (Normal) (G1 Evacuation Pause) 8110M->6702M(12288M) 69.721ms
```
Container has 6 CPUs, -Xmx12g, -XX:MaxGCPauseMillis=50.""", "opus", "performance analysis from GC logs with several interacting factors", "debug", domain="general")
# sonnet general
R("Write a Python CLI with argparse: subcommands `import <csv>`, `export --since DATE`, `stats`. Each just calls functions in a module `store` that I already have (import_rows, export_rows, stats). Proper exit codes and --verbose.", "sonnet", "implementing a CLI with a clear spec", "implement", domain="general")
R("""write pytest fixtures for this flask app: an app with a temp sqlite db, a client, and a logged-in client. then a couple of tests for /api/notes

```python
def create_app(config=None):
    app = Flask(__name__)
    app.config.update(SECRET_KEY="dev", DATABASE=":memory:")
    if config:
        app.config.update(config)
    db.init_app(app)
    app.register_blueprint(auth_bp, url_prefix="/auth")
    app.register_blueprint(notes_bp, url_prefix="/api/notes")
    return app
```""", "sonnet", "writing tests and fixtures for existing code", "test", domain="web", voice="typos")
R("""Refactor this into a dataclass (frozen), keep the validation, and make it sortable by (priority, created_at).

```python
class Task:
    def __init__(self, title, priority=3, created_at=None, tags=None):
        if not title:
            raise ValueError("title required")
        if priority not in (1, 2, 3, 4, 5):
            raise ValueError("priority 1-5")
        self.title = title
        self.priority = priority
        self.created_at = created_at or datetime.now(timezone.utc)
        self.tags = tags or []

    def __repr__(self):
        return f"Task({self.title!r}, p={self.priority})"

    def __eq__(self, other):
        return isinstance(other, Task) and (self.title, self.priority, self.created_at) == (other.title, other.priority, other.created_at)
```""", "sonnet", "refactoring a class with semantics to preserve (frozen + mutable default tags)", "refactor", domain="general")
R("""getting this and I don't get it, the key is definitely there

```
Traceback (most recent call last):
  File "/app/jobs/sync.py", line 88, in run
    region = cfg["regions"][account["region"]]
KeyError: 'eu-central-1 '
```
cfg is loaded from yaml, account comes from a CSV export""", "sonnet", "debugging from a trace with an identifiable cause (trailing space from CSV)", "debug", domain="general")
R("Django: add a non-nullable `currency` CharField (default 'EUR') to Invoice, which has 40M rows on Postgres. Write the migration(s) so it doesn't lock the table for minutes.", "sonnet", "a migration with known steps (add nullable, backfill in batches, set not null)", "implement", domain="databases")
R("""convert this callback style to asyncio with async/await

```python
def fetch_user(uid, cb):
    def on_resp(resp):
        if resp.status != 200:
            cb(None, HTTPError(resp.status))
            return
        cb(json.loads(resp.body), None)
    http.get(f"/users/{uid}", on_resp)

def fetch_users(uids, cb):
    results, errors = {}, []
    pending = len(uids)
    def done(uid):
        def inner(user, err):
            nonlocal pending
            if err: errors.append(err)
            else: results[uid] = user
            pending -= 1
            if pending == 0:
                cb(results, errors)
        return inner
    for u in uids:
        fetch_user(u, done(u))
```""", "sonnet", "mechanical-but-careful refactor of control flow to async/await", "refactor", domain="general", voice="terse")
R("Spring Boot 3: POST /api/orders endpoint taking a JSON body (customerId, lines[] with sku and qty>0), validate with jakarta.validation, return 201 with Location header, 422 with field errors on validation failure.", "sonnet", "an endpoint with a clear specification", "implement", domain="web")
R("""JUnit 5 parameterized tests for this please, including the weird inputs

```java
public static String normalizePhone(String raw) {
    if (raw == null) return null;
    String digits = raw.replaceAll("[^0-9+]", "");
    if (digits.startsWith("00")) digits = "+" + digits.substring(2);
    if (digits.startsWith("0")) digits = "+49" + digits.substring(1);
    if (!digits.startsWith("+")) digits = "+" + digits;
    return digits.length() < 8 ? null : digits;
}
```""", "sonnet", "writing tests for existing code", "test", domain="general")
R("""Explain what this pipeline does step by step, my teammate wrote it and left

```java
Map<String, DoubleSummaryStatistics> stats = orders.stream()
    .filter(o -> o.getStatus() != Status.CANCELLED)
    .flatMap(o -> o.getLines().stream()
        .map(l -> Map.entry(o.getRegion() + "/" + l.getCategory(), l.getUnitPrice() * l.getQty())))
    .collect(Collectors.groupingBy(Map.Entry::getKey,
        TreeMap::new,
        Collectors.summarizingDouble(Map.Entry::getValue)));

List<String> report = stats.entrySet().stream()
    .sorted(Comparator.comparingDouble((Map.Entry<String, DoubleSummaryStatistics> e) -> e.getValue().getSum()).reversed())
    .limit(10)
    .map(e -> String.format("%-30s %10.2f %6d %8.2f", e.getKey(), e.getValue().getSum(), e.getValue().getCount(), e.getValue().getAverage()))
    .toList();
```""", "sonnet", "explaining a non-trivial stream pipeline", "explain", domain="general")
R("EF Core 8: I renamed the `Customer.Name` property to `FullName` and the generated migration drops and re-adds the column (data loss!). How do I make it a rename?", "sonnet", "known fix (RenameColumn in the migration) but needs care with data", "debug", domain="databases")
R("""RSpec specs for this service object please, stub the mailer

```ruby
class Subscriptions::Cancel
  def initialize(subscription, reason:, mailer: SubscriptionMailer)
    @subscription = subscription
    @reason = reason
    @mailer = mailer
  end

  def call
    return Result.failure(:already_cancelled) if @subscription.cancelled?
    return Result.failure(:in_trial) if @subscription.trial? && @reason != "fraud"

    @subscription.transaction do
      @subscription.update!(status: "cancelled", cancelled_at: Time.current, cancel_reason: @reason)
      @subscription.invoices.open.each(&:void!)
    end
    @mailer.cancelled(@subscription).deliver_later
    Result.success(@subscription)
  end
end
```""", "sonnet", "writing tests for existing code", "test", domain="general")
R("""Laravel keeps throwing this on one page only

```
ErrorException: Undefined array key "shipping"
/var/www/app/Http/Controllers/CheckoutController.php:57
```
line 57: `$cost = $rates[$request->input('method')];` and method comes from a radio button""", "sonnet", "debugging with a clear lead (missing/unexpected form value), plus validation", "debug", domain="web")
R("Kotlin: model the UI state of a search screen (idle, loading, results, empty, error with retry) as a sealed interface and write the ViewModel that exposes it as StateFlow, with debounce on the query.", "sonnet", "implementing a feature with a clear specification", "implement", domain="mobile")
R("""Why do all the buttons print 4?

```python
callbacks = []
for i in range(5):
    callbacks.append(lambda: print(i))
for cb in callbacks:
    cb()
```""", "sonnet", "closure capturing a loop variable: subtle reason (tie-breaker 7)", "explain", domain="general")
R("Haskell: parse this CSV-ish format with attoparsec — quoted fields, escaped quotes as \"\", CRLF or LF line endings — into [[Text]]. Include a few hspec tests.", "sonnet", "a parser with a clear spec plus tests", "implement", domain="general")
R("""Ecto changeset for this: email required + format + unique, password min 12 chars only on create, and lowercase the email before validation

```elixir
schema "users" do
  field :email, :string
  field :password, :string, virtual: true
  field :password_hash, :string
  field :name, :string
  timestamps()
end
```""", "sonnet", "implementing validation with a clear spec", "implement", domain="general", voice="terse")
# haiku general
R("python f-string to print 1234567.891 as 1,234,567.89", "haiku", "a format string", "question", domain="general", voice="terse")
R("what does __slots__ do in python, short answer", "haiku", "short well-known conceptual answer", "question", domain="general", voice="typos")
R("Java: when to use == vs .equals() for strings?", "haiku", "well-known short answer", "question", domain="general")
R("what does `?.` and `??` do in C#", "haiku", "syntax question with a short answer", "question", domain="general", voice="terse")
R("In Ruby, what's the difference between :name and \"name\"?", "haiku", "short conceptual answer (symbols vs strings)", "question", domain="general")
R("php: == vs === ?", "haiku", "well-known short answer", "question", domain="general", voice="terse")
R("kotlin lateinit vs by lazy — when do I use which", "haiku", "short conceptual answer", "question", domain="general")
R("haskell: what's the difference between $ and .", "haiku", "short conceptual answer", "question", domain="general", voice="typos")
R("""rename `tmp` to `normalized` here

```elixir
def clean(input) do
  tmp = input |> String.trim() |> String.downcase()
  Regex.replace(~r/\\s+/, tmp, " ")
end
```""", "haiku", "mechanical rename", "edit", domain="general", voice="terse")
R("¿Qué hace el operador pipe |> en Elixir? Explicación corta por favor.", "haiku", "short conceptual answer (es)", "question", domain="general", voice="other-language", language="es")
R("Python 里 `is` 和 `==` 有什么区别？简单说一下就行。", "haiku", "short conceptual answer (zh)", "question", domain="general", voice="other-language", language="zh")

# ---- batch 4: follow-ups (labelled by the work the words name, tie-breaker 8)
R("now rename it back to fetch_user", "haiku", "follow-up naming a mechanical rename", "edit", domain="general", voice="follow-up")
R("use single quotes instead pls", "haiku", "follow-up: mechanical style change", "edit", domain="general", voice="follow-up")
R("make the commit message shorter, subject under 50 chars", "haiku", "follow-up: shorten a commit message, small text task", "docs", voice="follow-up")
R("put that in one code block so I can copy it", "haiku", "follow-up: reformat the previous answer", "edit", voice="follow-up")
R("and the same command but for all branches?", "haiku", "follow-up: adding --all to a git command", "question", voice="follow-up")
R("also sort the imports while you're at it", "haiku", "follow-up: mechanical edit", "edit", domain="general", voice="follow-up")
R("change the indent to 2 spaces, our yaml linter complains", "haiku", "follow-up: reformat", "edit", voice="follow-up")
R("can you also handle the empty list case, just return 0 then", "haiku", "follow-up: a one-line guard whose behaviour is spelled out", "edit", domain="general", voice="follow-up")
R("add type hints to that function too", "haiku", "follow-up: mechanical annotation of one function", "edit", domain="general", voice="follow-up")
R("make it a one-liner", "haiku", "follow-up: compress a short shell command", "edit", voice="follow-up", trap=None)
R("drop the emojis from the README headings", "haiku", "follow-up: trivial text edit", "docs", voice="follow-up")
R("what was the flag again? the one that skips the hooks", "haiku", "follow-up: recall --no-verify", "question", voice="follow-up")
R("ok and how do I undo it if I already pushed", "haiku", "follow-up: git revert, well known", "question", voice="follow-up")
R("past tense in the changelog plz, we always write 'Fixed' not 'Fix'", "haiku", "follow-up: small wording edit", "docs", voice="follow-up")
R("explain the regex you gave me piece by piece", "haiku", "follow-up: explaining a short regex", "explain", voice="follow-up")
R("也给这个脚本加一个 --dry-run 参数，只打印要删除的分支，不真的删。", "sonnet", "follow-up (zh): threading a dry-run mode through a script", "implement", voice="other-language", language="zh")
R("now do the same for the parser", "sonnet", "follow-up naming repeated everyday work on another module (tie-breaker 8)", "refactor", domain="general", voice="follow-up")
R("add tests for that too", "sonnet", "follow-up: writing tests is sonnet work (tie-breaker 8)", "test", domain="general", voice="follow-up")
R("that didn't work, same error", "sonnet", "follow-up that only points back: unknown work, sonnet", "debug", voice="follow-up")
R("ok continue", "sonnet", "follow-up that only points back, sonnet by default", "implement", domain="general", voice="follow-up")
R("now the same thing but for the Ruby client", "sonnet", "follow-up: port a feature to another client library", "implement", domain="general", voice="follow-up")
R("can you split it into smaller functions? its really hard to read like this", "sonnet", "follow-up: refactoring a function", "refactor", domain="general", voice="follow-up")
R("now wire it into the CI workflow you wrote earlier, should run before the tests", "sonnet", "follow-up: CI configuration change", "ops", voice="follow-up")
R("still fails on windows. path separators I think?", "sonnet", "follow-up debugging a cross-platform issue with a lead", "debug", voice="follow-up")
R("make it work on python 3.8 too, we still have one box on it", "sonnet", "follow-up: backporting syntax and stdlib usage", "refactor", domain="general", voice="follow-up")
R("and now write the README section that explains how to use it, with examples", "sonnet", "follow-up: usage docs that need to reflect the tool's behaviour", "docs", voice="follow-up")
R("hmm no that's not what I meant. the retry budget should be per request, not one global counter", "sonnet", "follow-up: a design correction with a clear target", "edit", domain="general", voice="follow-up")
R("do the same for the other 6 endpoints", "sonnet", "follow-up: repeating an endpoint change across files", "edit", domain="web", voice="follow-up")
R("port it to kotlin", "sonnet", "follow-up: translating code to another language", "refactor", domain="general", voice="follow-up", trap=None)
R("can you also handle the case where the input file is gzipped?", "sonnet", "follow-up: a small feature with detection logic", "implement", domain="general", voice="follow-up")
R("now add a --json output mode", "sonnet", "follow-up: adding a feature to a CLI", "implement", voice="follow-up")
R("nope, now the lint step fails with E501 in like 30 places", "sonnet", "follow-up: fix a batch of lint failures across the change", "debug", voice="follow-up")
R("go on", "sonnet", "follow-up that only points back, sonnet", "implement", domain="general", voice="follow-up")
R("write docstrings for all of them, google style", "sonnet", "follow-up: docstrings for a whole module need reading every function", "docs", domain="general", voice="follow-up")
R("Now please make the same but for the Gradle Kotlin DSL, we are not using groovy anymore", "sonnet", "follow-up: translate build config to another DSL", "ops", voice="non-native")
R("same error but now it's on line 112", "sonnet", "follow-up debugging, unknown specifics", "debug", domain="general", voice="follow-up")
R("use the new API instead of the deprecated one", "sonnet", "follow-up: migrating calls to a new API", "refactor", domain="general", voice="follow-up")
R("now make it lock-free", "opus", "follow-up naming lock-free work (tie-breaker 8)", "implement", domain="general", voice="follow-up")
R("ok now make it safe if two cron instances run it at the same time", "opus", "follow-up: mutual exclusion across processes/hosts", "implement", voice="follow-up")
R("what happens with your design if the leader changes in the middle of a write?", "opus", "follow-up on consistency under leader change", "design", domain="general", voice="follow-up")
R("now do a threat model for the whole thing", "opus", "follow-up: threat modelling is opus work", "review", domain="security", voice="follow-up")
R("ok but this has to work across 3 regions with writes accepted in each", "opus", "follow-up turning the design multi-region multi-writer", "design", domain="general", voice="follow-up")
R("now prove it terminates", "opus", "follow-up: formal reasoning", "explain", domain="general", voice="follow-up")
R("can it still double-charge if the webhook arrives before the redirect does?", "opus", "follow-up on ordering between two events in a payment flow", "design", domain="general", voice="follow-up")
R("good. now plan the rollout across all 40 services without a big-bang day", "opus", "follow-up: large multi-service rollout plan", "plan", voice="follow-up")
R("and if the network partitions between the two datacenters?", "opus", "follow-up on partition behaviour in a distributed design", "design", domain="general", voice="follow-up")
R("the pool version still deadlocks under load. rethink it", "opus", "follow-up: a deadlock under load needs a new concurrency design", "debug", domain="general", voice="follow-up")
R("vale, ahora hazlo thread-safe pero sin un lock global, que se nota en el rendimiento", "opus", "follow-up (es): fine-grained concurrency", "refactor", domain="general", voice="other-language", language="es")

# ---- batch 5: docs, commit messages, traps, non-native voices
R("""commit message for this pls

```diff
--- a/app/reports/export.py
+++ b/app/reports/export.py
@@ -41,7 +41,7 @@ def export_csv(rows, path):
-    with open(path, "w", newline="") as fh:
+    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
         writer = csv.writer(fh)
```""", "haiku", "a commit message for a one-line diff", "docs", voice="terse")
R("changelog line for: fixed the timezone bug where reports exported after 23:00 UTC got the next day's date", "haiku", "a single changelog line", "docs")
R("write a commit message: replaced our hand-rolled Raft leader election with the etcd lease helper from platform-lib. no behaviour change intended, removes ~900 lines.", "haiku", "hard-words-easy: a commit message, the consensus vocabulary does not make it harder", "docs", trap="hard-words-easy")
R("""fix the typos in this docstring, dont touch the code

```python
def accept(self, ballot: Ballot, value: bytes) -> Promise:
    \"\"\"Phase 2 of single-decree Paxos: the aceptor accepts the value unless it
    has allready promised a higher ballot. Returns a Promise that is persited
    before the reply is send, otherwise a crash could violate safty.\"\"\"
    if ballot < self.promised:
        return Promise.reject(self.promised)
    self.accepted = (ballot, value)
    self.storage.fsync_state(self)
    return Promise.ok(ballot)
```""", "haiku", "hard-words-easy: spelling fixes in a docstring of a consensus module", "docs", domain="general", trap="hard-words-easy", voice="typos")
R("""Summarize this PR description in one sentence for the release email:

"This PR moves session storage from in-process memory to Redis so that users stay logged in when a pod restarts or when the load balancer sends them to a different pod. Sessions now expire after 14 days of inactivity (was: on restart). No action needed from users; ops need REDIS_SESSION_URL set, see the runbook." """, "haiku", "a one-sentence summary of a paragraph", "docs")
R("markdown for a GitHub Actions status badge for .github/workflows/ci.yml in acme/shim", "haiku", "a one-line markdown snippet", "docs", voice="terse")
R("Please correct my English in this commit message: 'Fix the bug what causes that login not work when the password have special chars'", "haiku", "rewording a commit message", "docs", voice="non-native")
R("""turn this into a markdown table (name | default | description)

- timeout: 30 — seconds before a request is aborted
- retries: 3 — how many times we retry idempotent calls
- backoff: exponential — linear or exponential
- pool_size: 10 — max open connections per host
- verify_tls: true — set false only for local dev""", "haiku", "mechanical reformatting into a table", "docs", voice="terse")
R("write a .gitmessage template with the conventional commit types listed as comments", "haiku", "a short template file", "docs")
R("帮我写一个英文 commit message：修复了导出 CSV 时中文乱码的问题（加了 BOM）。", "haiku", "a commit message (zh prompt)", "docs", voice="other-language", language="zh")
R("Escribe un mensaje de commit en inglés para esto: añadí paginación por cursor al endpoint /orders y quité el offset.", "haiku", "a commit message (es prompt)", "docs", voice="other-language", language="es")
R("add a one-line comment above this explaining why it's there: `std::atomic_thread_fence(std::memory_order_release); // TODO`", "haiku", "hard-words-easy: writing a comment, not reasoning about memory ordering", "docs", domain="general", trap="hard-words-easy")
R("what does CRDT stand for", "haiku", "hard-words-easy: expanding an acronym", "question", domain="general", trap="hard-words-easy", voice="terse")
R("""rename byzantineQuorum to quorumSize in this

```kotlin
fun hasQuorum(votes: Int, nodes: Int): Boolean {
    val byzantineQuorum = 2 * ((nodes - 1) / 3) + 1
    return votes >= byzantineQuorum
}
```""", "haiku", "hard-words-easy: a mechanical rename in fault-tolerance code", "edit", domain="general", trap="hard-words-easy", voice="terse")
R("""Write a README for this little tool: what it does, install, usage with examples for each subcommand, config file format.

```python
#!/usr/bin/env python3
\"\"\"branchsweep: delete merged and stale git branches, locally and on the remote.\"\"\"
import argparse, subprocess, sys, datetime as dt, tomllib, pathlib

DEFAULT_CFG = {"protected": ["main", "master", "develop", "release/*"], "stale_days": 60, "remote": "origin"}

def git(*args):
    return subprocess.run(["git", *args], check=True, capture_output=True, text=True).stdout

def load_cfg(path):
    cfg = dict(DEFAULT_CFG)
    p = pathlib.Path(path)
    if p.exists():
        cfg.update(tomllib.loads(p.read_text())["branchsweep"])
    return cfg

def merged(cfg):
    out = git("branch", "--merged", cfg.get("base", "main"), "--format=%(refname:short)")
    return [b for b in out.split() if not protected(b, cfg)]

def stale(cfg):
    cutoff = dt.datetime.now().timestamp() - cfg["stale_days"] * 86400
    out = git("for-each-ref", "--format=%(refname:short) %(committerdate:unix)", "refs/heads")
    return [b for b, t in (l.split() for l in out.splitlines()) if int(t) < cutoff and not protected(b, cfg)]

def protected(branch, cfg):
    import fnmatch
    return any(fnmatch.fnmatch(branch, pat) for pat in cfg["protected"])

def main(argv=None):
    ap = argparse.ArgumentParser(prog="branchsweep")
    ap.add_argument("--config", default=".branchsweep.toml")
    ap.add_argument("--dry-run", action="store_true")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("merged", help="delete branches merged into base")
    s = sub.add_parser("stale", help="delete branches with no commits for N days")
    s.add_argument("--days", type=int)
    sub.add_parser("list", help="show what would be deleted")
    args = ap.parse_args(argv)
    cfg = load_cfg(args.config)
    if getattr(args, "days", None):
        cfg["stale_days"] = args.days
    targets = {"merged": merged, "stale": stale, "list": lambda c: sorted(set(merged(c)) | set(stale(c)))}[args.cmd](cfg)
    for b in targets:
        print(("would delete " if args.dry_run or args.cmd == "list" else "deleting ") + b)
        if not args.dry_run and args.cmd != "list":
            git("branch", "-D", b)
            git("push", cfg["remote"], "--delete", b)
    return 0

if __name__ == "__main__":
    sys.exit(main())
```""", "sonnet", "a README that must reflect the tool's actual behaviour and config", "docs")
R("Write a CONTRIBUTING.md for our Python repo: dev setup with uv, pre-commit install, how to run unit vs integration tests (integration needs docker compose up db), branch naming, conventional commits, and what reviewers look for.", "sonnet", "a multi-section contributor guide with a clear outline", "docs")
R("""write the PR description for this (what/why/how to test)

```diff
diff --git a/app/api/deps.py b/app/api/deps.py
@@ -12,9 +12,21 @@ from app.core.security import decode_token
-def current_user(token: str = Depends(oauth2_scheme), db: Session = Depends(get_db)) -> User:
-    payload = decode_token(token)
-    return db.get(User, payload["sub"])
+def current_user(token: str = Depends(oauth2_scheme), db: Session = Depends(get_db)) -> User:
+    try:
+        payload = decode_token(token)
+    except ExpiredSignatureError:
+        raise HTTPException(401, "token expired", headers={"WWW-Authenticate": "Bearer error=\\"invalid_token\\""})
+    user = db.get(User, payload["sub"])
+    if user is None or not user.is_active:
+        raise HTTPException(401, "inactive or unknown user")
+    return user
diff --git a/tests/api/test_deps.py b/tests/api/test_deps.py
new file mode 100644
@@ -0,0 +1,34 @@
+def test_expired_token_returns_401(client, expired_token):
+    r = client.get("/api/me", headers={"Authorization": f"Bearer {expired_token}"})
+    assert r.status_code == 401
+    assert "invalid_token" in r.headers["WWW-Authenticate"]
+
+def test_inactive_user_rejected(client, token_for_inactive_user):
+    r = client.get("/api/me", headers={"Authorization": f"Bearer {token_for_inactive_user}"})
+    assert r.status_code == 401
```""", "sonnet", "a PR description that must explain the behaviour change and how to test it", "docs", domain="web", voice="terse")
R("Document the public API of our `ratelimit` package for the mkdocs site: one page, each public function with signature, params, return, raises and a short example. I'll paste the module after you confirm the layout.", "sonnet", "multi-part API documentation work", "docs", domain="general")
R("""Write a migration guide from v1 to v2 of our Python SDK. Breaking changes:
- Client(api_key) → Client(api_key=..., region=...) region now required
- client.orders.list() returns an iterator (auto-paginates) instead of a list
- all datetimes are timezone-aware UTC
- OrderNotFound renamed to NotFoundError (subclass of ApiError)
- retries on by default (3), pass retries=0 for old behaviour
Include before/after code for each.""", "sonnet", "a structured migration guide with code examples", "docs")
R("Can you write the javadoc for all public methods of this class? My english is not so good so please make it sound professional. I paste it below.\n\n```java\n" + java_class(8, 150, name="ShipmentService") + "```", "sonnet", "documenting a whole class needs reading each method", "docs", domain="general", voice="non-native")
R("""Our runbook for rotating the Postgres app credentials is outdated. Rewrite it. Changes since it was written: we moved secrets to AWS Secrets Manager (rotation lambda exists but is disabled), apps read the secret at startup only, and we run 3 replicas behind pgbouncer. Old runbook:

1. ssh to db-admin
2. psql -c "ALTER USER app WITH PASSWORD '...'"
3. update the password in vault at secret/app/db
4. restart all app pods
5. check the dashboard""", "sonnet", "rewriting an ops runbook with known steps for a new setup", "docs", domain="infrastructure")
R("""Write the 'Architecture' section of our README from this tree and entrypoint, 2-3 paragraphs plus a small diagram in mermaid.

```
shim/
  cmd/shim-node/main.go
  internal/router/      # picks a model tier per prompt
  internal/lexicon/     # weighted keyword features
  internal/proxy/       # forwards to the provider API, streams back
  internal/billing/     # token accounting per tenant
  internal/config/
  web/                  # small admin UI (htmx)
  deploy/helm/
```
main.go wires config → billing store → router → proxy → http server on :8080.""", "sonnet", "architecture docs from a codebase outline", "docs")
R("""commit message for this, body should explain why

```diff
-    for attempt in range(retries):
+    for attempt in range(retries + 1):
         try:
             return send(req)
-        except TimeoutError:
+        except (TimeoutError, ConnectionResetError):
+            if attempt == retries:
+                raise
             time.sleep(backoff * 2 ** attempt)
-    raise RetryError(req)
```""", "haiku", "a commit message for a small diff", "docs", domain="general")
R("Generate a markdown table documenting the error codes in this enum (code, HTTP status, meaning) for our API docs.\n\n```kotlin\nenum class ApiError(val code: String, val status: Int, val message: String) {\n    INVALID_TOKEN(\"E1001\", 401, \"The access token is malformed or expired\"),\n    FORBIDDEN_SCOPE(\"E1002\", 403, \"Token lacks the required scope\"),\n    RATE_LIMITED(\"E1003\", 429, \"Too many requests; see Retry-After\"),\n    NOT_FOUND(\"E2001\", 404, \"Resource does not exist or is not visible to you\"),\n    CONFLICT_VERSION(\"E2002\", 409, \"If-Match version is stale\"),\n    VALIDATION(\"E3001\", 422, \"Request body failed validation\"),\n    UPSTREAM_TIMEOUT(\"E5001\", 504, \"A dependency did not answer in time\"),\n}\n```", "haiku", "mechanical extraction into a table", "docs", domain="general")
R("Write an ADR for monorepo vs polyrepo for our 12 teams (mostly Kotlin services plus two React apps, shared protobuf contracts, releases per service). I want real trade-offs and a decision, not a listicle.", "opus", "architecture decision with trade-offs and a justified choice", "docs")
R("Write the design doc for moving our job queue from Redis lists to Postgres (SELECT ... FOR UPDATE SKIP LOCKED): failure modes, at-least-once semantics, the migration with both queues live, and rollback.", "opus", "a design doc for a queue migration with delivery semantics and rollback", "docs", domain="databases")
R("""Write the postmortem for last Tuesday's outage from these notes. Careful: the notes contradict each other on the root cause and I want the doc to get it right.

- 14:02 deploy of api v812 (only change: new index on orders.customer_id, created CONCURRENTLY in migration)
- 14:05 p99 up, errors "remaining connection slots are reserved"
- 14:07 on-call rolls back api to v811, errors continue
- 14:15 someone notices autovacuum on orders running since 13:50
- 14:20 pgbouncer restarted, errors stop for 3 min then come back
- 14:31 migration job found still running (CREATE INDEX CONCURRENTLY waiting on a long transaction from the nightly export that started 13:45)
- 14:33 export job killed, index finishes 14:36, everything recovers
- Dana: "root cause was autovacuum"; Marc: "root cause was the rollback not rolling back the migration"; Li: "the export holds a transaction for 2h every night, has for months" """, "opus", "root-causing an incident across components from conflicting notes", "docs", domain="databases")
R("Draft an RFC for how we version our public REST API (URL path vs header vs date-based like Stripe), including deprecation policy and how SDKs pin versions. End with a recommendation.", "opus", "choosing between designs with justification and long-term consequences", "docs", domain="web")
R("Write our internal security policy for CI/CD: how secrets get into pipelines, who can trigger deploys to prod, protections against a malicious PR from a fork, and key rotation. We're on GitHub Actions + AWS.", "opus", "security policy where a gap is a vulnerability", "docs", domain="security")
R("make the test suite stop being flaky. ~3000 tests, maybe 1 in 5 CI runs has a random failure, never the same test", "opus", "easy-words-hard: nondeterminism across a large suite with no lead", "debug", trap="easy-words-hard", voice="terse")
R("We want to split our big repo into a few smaller ones. Keep history for each part and don't break anyone's builds while we do it.", "opus", "easy-words-hard: a multi-step migration across a codebase and its consumers", "plan", trap="easy-words-hard")
R("the desktop app gets slower the longer it's open. restarting fixes it. happens to maybe half our users", "opus", "easy-words-hard: a leak/degradation with no lead", "debug", domain="general", trap="easy-words-hard", voice="typos")
R("after a power cut some of the files our app saved come out empty. not all of them, just a few", "opus", "easy-words-hard: crash consistency (fsync/rename) reasoning with no lead", "debug", domain="systems", trap="easy-words-hard")
R("incremental parser with error recovery for our config DSL, for the LSP", "opus", "short-hard: incremental parsing and recovery is deep algorithmic work", "implement", domain="general", trap="short-hard", voice="terse")
R("add Hindley-Milner type inference to our little expression language (let-polymorphism included)", "opus", "short-hard: a type inference algorithm with subtle generalisation rules", "implement", domain="general", trap="short-hard", voice="terse")
R("semantic 3-way git merge driver for our JSON lockfiles?", "opus", "short-hard: a merge algorithm with correctness pitfalls", "design", trap="short-hard", voice="terse")
R("make our python test suite 10x faster", "opus", "short-hard: performance work needing analysis, no known fix", "plan", trap="short-hard", voice="terse")
R("what is a monad transformer, one line", "haiku", "hard-words-easy: a one-line definition", "question", domain="general", trap="hard-words-easy", voice="terse")
R("is the 'eventual' in eventual consistency about wall-clock time? quick answer", "haiku", "hard-words-easy: short conceptual answer", "question", domain="general", trap="hard-words-easy")
R("what does -S do in `git commit -S`, the cryptographic signing thing", "haiku", "hard-words-easy: a flag lookup despite the crypto wording", "question", trap="hard-words-easy")
R("bump distributed-lock to 2.1.0 in requirements.txt:\n\n```\nredis==5.0.4\ndistributed-lock==1.8.2\nkombu==5.3.7\n```", "haiku", "hard-words-easy: change one version pin", "edit", trap="hard-words-easy", voice="terse")
R("Hello, I am writing the Dockerfile for our spring boot application and the image is 900MB. How I can make it more small? We use maven and java 21.", "sonnet", "build/image configuration with known techniques (multi-stage, jlink, layers)", "ops", voice="non-native")
R("In our team we have discussion: use Bazel or stay with Gradle for our Java project with 60 modules and 25 developers. Build takes 18 minutes. Please give recommendation with the arguments, not only list.", "opus", "choosing between build systems with a justified recommendation", "design", voice="non-native")
R("""Kindly help me to write the unit test for below function, I am getting confuse with mocking the datetime.

```python
def is_business_hours(tz="Asia/Kolkata"):
    now = datetime.now(ZoneInfo(tz))
    if now.weekday() >= 5:
        return False
    return time(9, 30) <= now.time() < time(18, 0)
```""", "sonnet", "writing tests for existing code with time mocking", "test", domain="general", voice="non-native")
R("Why my git push is rejected with 'non-fast-forward'? I did not change anything on the remote myself.", "haiku", "explaining a common git error", "explain", voice="non-native")
R("Please do the needful to fix this warning in maven build: [WARNING] 'dependencies.dependency.version' for org.junit.jupiter:junit-jupiter:jar is missing.", "haiku", "a common warning with a one-line fix (add version or BOM)", "debug", voice="non-native")
R("Need to write script which will find all TODO in repository and make report grouped by author (take author from git blame). Python please, output as markdown.", "sonnet", "a script combining grep and git blame with a clear spec", "implement", voice="non-native")
R("Our C# service memory is always increasing after deploy, GC is not releasing. Dump shows many byte[] with size more than 85000. How to analyze and fix this?", "sonnet", "debugging with a clear lead (LOH allocations → pooling)", "debug", domain="general", voice="non-native")
R("How can I to configure rubocop so it only checks the changed files in the PR? We use github actions.", "sonnet", "CI lint configuration", "ops", voice="non-native")

# ---- batch 6: more long pastes with real work, voices, remaining traps
R("""Review this change to our job runner before I merge. It replaces the single consumer thread with a pool. I'm mostly worried about shutdown and the ack ordering.

```diff
diff --git a/runner/consumer.py b/runner/consumer.py
@@ -1,40 +1,88 @@
 import logging
 import queue
 import threading
+from concurrent.futures import ThreadPoolExecutor

 log = logging.getLogger(__name__)


 class Consumer:
-    def __init__(self, broker, handler):
+    def __init__(self, broker, handler, workers=8):
         self.broker = broker
         self.handler = handler
         self._stop = threading.Event()
-        self._thread = threading.Thread(target=self._loop, daemon=True)
+        self._pool = ThreadPoolExecutor(max_workers=workers)
+        self._inflight = 0
+        self._last_acked = 0
+        self._thread = threading.Thread(target=self._loop, daemon=True)

     def start(self):
         self._thread.start()

     def stop(self, timeout=30):
         self._stop.set()
-        self._thread.join(timeout)
+        self._thread.join(timeout)
+        self._pool.shutdown(wait=False)

     def _loop(self):
         while not self._stop.is_set():
             msg = self.broker.poll(timeout=1.0)
             if msg is None:
                 continue
-            try:
-                self.handler(msg.body)
-                self.broker.ack(msg.offset)
-            except Exception:
-                log.exception("handler failed, offset %s", msg.offset)
-                self.broker.nack(msg.offset)
+            self._inflight += 1
+            self._pool.submit(self._handle, msg)
+
+    def _handle(self, msg):
+        try:
+            self.handler(msg.body)
+            if msg.offset > self._last_acked:
+                self._last_acked = msg.offset
+                self.broker.commit(self._last_acked)
+        except Exception:
+            log.exception("handler failed, offset %s", msg.offset)
+            self.broker.nack(msg.offset)
+        finally:
+            self._inflight -= 1
```
The broker is Kafka-like: commit(offset) means everything up to offset is done.""", "opus", "review of concurrent code: offset commit ordering, races on counters, shutdown loss (tie-breaker 10)", "review", domain="general")
_shard_fail = ("2024-10-12T15:02:11.0040000Z  FAIL  src/auth/signup.test.ts\n"
               "2024-10-12T15:02:11.0050000Z   ● signup › creates a user and sends the welcome mail\n"
               "2024-10-12T15:02:11.0060000Z     PrismaClientKnownRequestError: Unique constraint failed on the fields: (`email`)\n"
               "2024-10-12T15:02:11.0070000Z       at tests/helpers/seed.ts:22:5  await prisma.user.create({ data: { email: 'test@example.com' } })\n"
               "2024-10-12T15:02:11.9000000Z ##[error]Process completed with exit code 1.")
R("Since we turned on `--shard=1/4 … 4/4` in CI (4 parallel jobs, same DATABASE_URL from the workflow env) we get random failures, a different test each time. Latest log below. What's going on and what's the cleanest fix?\n\n" + gha_log(650, 160, _shard_fail),
  "sonnet", "intermittent, but the trace points at shared DB state between shards: debugging with a lead", "debug", domain="tooling")
R("Add complete type hints to this module so it passes `mypy --strict`. Don't change behaviour; where a type is genuinely dynamic use a TypedDict or Protocol rather than Any.\n\n```python\n" + py_module(45, 161) + "\n```",
  "sonnet", "rewriting a long module with careful per-function typing (tie-breaker 5)", "refactor", domain="general")
R("Can you check this export for data quality problems before we load it into the warehouse? Duplicated ids or emails, invalid emails, churned customers that still have MRR, dates in the future, anything weird. Give me the Python that flags each row with a reason.\n\n" + csv_rows(350, 162),
  "sonnet", "a data-validation script with several explicit checks", "implement", domain="data")
R("Nuestro worker se queda colgado cada pocas horas: deja de procesar trabajos pero el proceso sigue vivo y el healthcheck responde. Se arregla reiniciando. No hemos podido reproducirlo en local. Os pego un trozo grande del log de producción de justo antes del último cuelgue. ¿Qué puede estar pasando y cómo lo confirmamos?\n\n" + app_log(700, 163, levels=("INFO", "INFO", "DEBUG", "WARN", "ERROR")),
  "opus", "a stall with no clear lead across components, needs a theory (es)", "debug", domain="infrastructure", voice="other-language", language="es")
R("This OrderService has grown into a god class that everything calls. We want to split the orders domain into bounded contexts (ordering, fulfilment, invoicing) and move cross-context calls to events. Propose the target design and a step-by-step migration that keeps the app shippable every week.\n\n```java\n" + java_class(80, 164) + "```",
  "opus", "architecture redesign plus a multi-step migration across a codebase", "design", domain="general")
R("how many functions are defined in this file (top level, not methods)?\n\n```python\n" + py_module(70, 165) + "\n```",
  "haiku", "long-trivial: counting definitions in a paste", "question", domain="general", trap="long-trivial", voice="terse")
R("which of these services uses redis db 7? I need to flush it\n\n```yaml\n" + yaml_config(40, 166) + "\n```",
  "haiku", "long-trivial: find one setting in a long config", "question", domain="infrastructure", trap="long-trivial", voice="typos")
R("Please tell me only how long the build took, I must write it in the report.\n\n" + build_log_gradle(380, 167),
  "haiku", "long-trivial: read one number off the end of a build log", "question", trap="long-trivial", voice="non-native")
# follow-ups
R("now make it survive a crash in the middle of the batch", "opus", "follow-up: crash-consistency/recovery design", "design", domain="general", voice="follow-up")
R("do it for the whole monorepo not just this package", "sonnet", "follow-up: extend a tooling change across packages", "ops", voice="follow-up")
R("shorter", "haiku", "follow-up: condense the previous text", "docs", voice="follow-up")
R("same but as a GitLab pipeline", "sonnet", "follow-up: translate CI config to another system", "ops", voice="follow-up")
# non-native
R("What is the different between git fetch and git pull? I am always confusing them.", "haiku", "well-known short answer", "question", voice="non-native")
R("I want to make a Gradle plugin which generates Kotlin data classes from our JSON schemas at build time, and it must support incremental build (only regenerate changed schemas). Can you help me to write it?", "sonnet", "a build plugin with a clear spec and known Gradle APIs", "implement", voice="non-native")
R("We have race condition in our Sidekiq jobs I think: two jobs are updating the same account balance and sometime the balance is wrong at the end. How to fix this properly, not just with retry?", "opus", "a race on shared state across concurrent jobs", "debug", domain="general", voice="non-native")
R("Our Jenkins pipeline must be replaced by GitLab CI until end of month. It has 14 stages and parallel deploy to 3 environments with manual approval for prod. Please help me convert it, I will paste the Jenkinsfile in next message.", "sonnet", "CI conversion with known steps", "ops", voice="non-native")
R("how to make the composer install more fast in docker build? each time it take 4 minutes even when only php file changed", "sonnet", "build caching configuration (layer order, cache mounts)", "ops", voice="non-native")
R("Can you explain me what is doing this bash line and in which order: `exec 3>&1 1>>\"$LOG\" 2>&1`", "sonnet", "fd redirection order is subtle shell semantics (tie-breaker 7)", "explain", voice="non-native")
R("Is it okay to use git push --force on my feature branch if my colleague already pulled it?", "haiku", "short answer: coordinate, prefer --force-with-lease", "question", voice="non-native")
R("Please design for us a release process: we have mobile app (iOS+Android), backend and web, all must stay compatible, and we want to release every week without code freeze.", "opus", "cross-platform release process design with compatibility trade-offs", "plan", domain="general", voice="non-native")
# zh / es
R("我们的 Python 服务在高并发下偶尔出现数据库死锁，日志里只有 'deadlock detected'，两个事务都在更新 orders 和 inventory 表。该怎么排查和彻底解决？", "opus", "concurrency: lock ordering across transactions under load (zh)", "debug", domain="databases", voice="other-language", language="zh")
R("帮我写一个 GitHub Actions 工作流：推送 v* 标签时构建 Docker 镜像并推送到 GHCR，同时支持 amd64 和 arm64，用 buildx 缓存。", "sonnet", "CI configuration with a clear spec (zh)", "ops", voice="other-language", language="zh")
R("""Revisa este Dockerfile y dime qué mejorarías (tamaño, caché, seguridad básica):

```dockerfile
FROM python:3.12
WORKDIR /app
COPY . .
RUN pip install -r requirements.txt
RUN apt-get update && apt-get install -y curl vim
ENV DJANGO_SETTINGS_MODULE=app.settings.prod
ENV SECRET_KEY=changeme-in-prod
EXPOSE 8000
CMD python manage.py migrate && gunicorn app.wsgi -b 0.0.0.0:8000
```""", "sonnet", "reviewing a Dockerfile for everyday issues (es)", "review", voice="other-language", language="es")
R("Diseña la estrategia de ramas y de versionado para un monorepo con 20 librerías publicadas en npm que dependen unas de otras. Queremos releases independientes pero sin romper a los consumidores.", "opus", "release/versioning design with trade-offs across interdependent packages (es)", "design", voice="other-language", language="es")
# verbose
R("So we have this internal library (auth helpers, about 3k lines) that 5 of our services copy-paste right now, and my lead asked me to figure out whether we should pull it in as a git submodule or a git subtree or just publish it to our private PyPI. I've read a bunch of blog posts and they all contradict each other. We deploy each service independently, and people do sometimes need to patch the library in a hurry from inside a service repo. What would you do and why?", "sonnet", "comparing well-known options for a common situation with a recommendation", "question", voice="verbose")
R("I'm honestly confused. When I run `pytest` from the repo root everything passes, but when I cd into tests/ and run it, I get `ModuleNotFoundError: No module named 'app'`. And in VS Code the test explorer finds the tests but they all error out with the same thing. We don't have a setup.py, just a pyproject.toml with [tool.pytest.ini_options] and testpaths. My coworker said to add an empty conftest.py somewhere? Where and why does that work?", "sonnet", "explaining rootdir/import-path behaviour and fixing the config", "debug", voice="verbose")
R("Okay so my team lead asked me to set up semantic-release for our TypeScript library. We use GitHub Actions, publish to npm, have a main branch and a next branch for prereleases, and we want the CHANGELOG.md committed back. I've never used it and the docs are a lot. Could you give me the config and the workflow and explain the bits that matter?", "sonnet", "release tooling configuration with a clear spec", "ops", voice="verbose")
# traps
R("bit-for-bit reproducible Android APK builds", "opus", "short-hard: reproducibility across toolchains, timestamps, signing", "plan", domain="mobile", trap="short-hard", voice="terse")
R("a Kotlin compiler plugin that forbids calling our blocking DAO methods from coroutines, across modules", "opus", "short-hard: compiler plugin with cross-module analysis", "implement", domain="general", trap="short-hard", voice="terse")
R("generational GC for my toy Lisp interpreter written in Haskell", "opus", "short-hard: a garbage collector design and implementation", "implement", domain="general", trap="short-hard", voice="terse")
R("every few weeks some commits just disappear from main. nobody force-pushes (supposedly). how do we even find out what happened", "opus", "easy-words-hard: forensic investigation across git hosting, CI bots and branch rules with no lead", "debug", trap="easy-words-hard", voice="typos")
R("sometimes our releases ship with an older version of a library even though the lockfile in the tag is right", "opus", "easy-words-hard: build reproducibility bug across caches and registries with no lead", "debug", trap="easy-words-hard")
R("what does 'idempotent' mean for a Makefile target?", "haiku", "hard-words-easy: short definition", "question", trap="hard-words-easy")
R("sort these pragmas alphabetically: {-# LANGUAGE TypeFamilies, GADTs, DataKinds, RankNTypes, ScopedTypeVariables, PolyKinds #-}", "haiku", "hard-words-easy: sort a list of words", "edit", domain="general", trap="hard-words-easy", voice="terse")
R("what does --atomic do on helm upgrade", "haiku", "hard-words-easy: a flag lookup", "question", domain="infrastructure", trap="hard-words-easy", voice="terse")
# remaining sonnet
R("Write a commit-msg git hook (POSIX sh) that enforces conventional commits (type(scope)?: subject, max 72 chars, types feat|fix|docs|chore|refactor|test|ci|perf) and prints a helpful example when it rejects.", "sonnet", "a hook script with validation logic and UX", "implement")
R("""why does this memo leak between requests in our rails app?? user A sometimes sees user B's roles

```ruby
class PermissionService
  def self.roles_for(user)
    @roles ||= {}
    @roles[user.id] ||= user.memberships.includes(:role).map { |m| m.role.name }
  end
end
```""", "sonnet", "explaining class-level instance variable state across requests: subtle reason (tie-breaker 7)", "debug", domain="web", voice="typos")
R("Add a GitHub Actions step that comments the coverage diff on PRs (coverage.xml from pytest-cov, compare against main), and fails if total coverage drops by more than 0.5%.", "sonnet", "CI configuration with a clear spec", "ops")
R("""PHPUnit tests for this please

```php
final class MoneyFormatter
{
    public function __construct(private string $locale = 'de_DE') {}

    public function format(int $cents, string $currency): string
    {
        $fmt = new \\NumberFormatter($this->locale, \\NumberFormatter::CURRENCY);
        $out = $fmt->formatCurrency($cents / 100, $currency);
        if ($out === false) {
            throw new \\InvalidArgumentException("cannot format $currency");
        }
        return $out;
    }
}
```""", "sonnet", "writing tests for existing code (locale-dependent output)", "test", domain="general", voice="terse")
R("""Refactor this so the pure logic is separate from IO and testable:

```haskell
report :: FilePath -> IO ()
report path = do
  contents <- readFile path
  let rows = map (splitOn ",") (drop 1 (lines contents))
  totals <- foldM (\\acc r -> do
      let amt = read (r !! 2) :: Double
      when (amt < 0) $ hPutStrLn stderr ("negative amount in " ++ head r)
      return (Map.insertWith (+) (r !! 1) amt acc)) Map.empty rows
  forM_ (Map.toList totals) $ \\(k, v) -> putStrLn (k ++ ": " ++ show v)
```""", "sonnet", "refactoring a function to separate pure and IO code", "refactor", domain="general")
R("Implement a tiny template engine in Python: {{ var }} with dotted lookup, {% for x in items %}...{% endfor %} (nestable), {% if cond %}...{% endif %}, HTML-escaping by default with a |safe filter. No eval.", "sonnet", "implementing a small parser/renderer with a clear spec", "implement", domain="general")

# ---- batch 7: last two
R("Pre-merge CI for our Java monorepo (~2M lines, Gradle, 400 modules) takes 45 minutes. Plan how we get it under 10 minutes without silently skipping tests that matter.", "opus", "build/CI performance plan needing analysis across a large codebase", "plan")
R("""Prove this rate limiter can't admit more than `limit` calls per window when many processes call it at once, or show the interleaving that breaks it.

```elixir
def allow?(key, limit, window_ms) do
  bucket = div(System.system_time(:millisecond), window_ms)
  k = {key, bucket}
  :ets.insert_new(:rl, {k, 0})
  count = :ets.update_counter(:rl, k, {2, 1})
  if count > limit do
    :ets.update_counter(:rl, k, {2, -1})
    false
  else
    true
  end
end
```""", "opus", "reasoning about correctness of concurrent atomic operations (tie-breaker 7)", "explain", domain="general")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "w5.jsonl"), "w", encoding="utf-8") as f:
        for i, r in enumerate(ROWS, 1):
            row = {"id": f"w5-{i:04d}", **r}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")

if __name__ == "__main__":
    main()
