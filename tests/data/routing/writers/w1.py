#!/usr/bin/env python3
"""Writer w1: web (~60%), mobile (~30%), misc. Writes w1.jsonl deterministically."""
import json, random, os

ROWS = []

def add(label, category, domain, voice, trap, rationale, prompt, language="en"):
    ROWS.append({"prompt": prompt, "label": label, "rationale": rationale, "category": category,
                 "domain": domain, "voice": voice, "language": language, "trap": trap})

# ---------------------------------------------------------------- long material generators

def gen_access_log(seed, n):
    rnd = random.Random(seed)
    paths = ["/api/v2/cart", "/api/v2/cart/items", "/api/v2/checkout", "/api/v2/products?page={}", "/static/js/main.{}.js",
             "/api/v2/session", "/graphql", "/api/v2/users/me", "/healthz", "/api/v2/orders/{}", "/images/p/{}.webp",
             "/api/v2/search?q=shoes&page={}", "/favicon.ico", "/api/v2/recommendations"]
    methods = ["GET"] * 6 + ["POST", "PUT", "DELETE", "PATCH"]
    statuses = [200] * 30 + [201, 204, 301, 304, 304, 400, 401, 403, 404, 404, 499, 500, 502, 504]
    agents = ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15",
              "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36",
              "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 ShopApp/4.12.0",
              "okhttp/4.12.0", "Dalvik/2.1.0 (Linux; U; Android 14; Pixel 7 Build/UQ1A.240105.004)", "curl/8.4.0",
              "Googlebot/2.1 (+http://www.google.com/bot.html)"]
    lines = []
    h, m, s = 14, 2, 11
    for i in range(n):
        s += rnd.randint(0, 2)
        if s >= 60: s -= 60; m += 1
        if m >= 60: m -= 60; h += 1
        ip = f"{rnd.randint(10,223)}.{rnd.randint(0,255)}.{rnd.randint(0,255)}.{rnd.randint(1,254)}"
        p = rnd.choice(paths)
        if "{}" in p:
            p = p.format(rnd.choice([rnd.randint(1, 40), "a%05x" % rnd.randint(0, 0xfffff)]))
        st = rnd.choice(statuses)
        size = 0 if st in (204, 304) else rnd.randint(120, 48000)
        rt = rnd.randint(2, 900) / 1000 if st != 504 else 60.0 + rnd.randint(0, 9) / 1000
        lines.append(f'{ip} - - [14/Nov/2026:{h:02d}:{m:02d}:{s:02d} +0000] "{rnd.choice(methods)} {p} HTTP/1.1" {st} {size} '
                     f'"-" "{rnd.choice(agents)}" rt={rt:.3f} uct="0.001" urt="{rt:.3f}"')
    return "\n".join(lines)

def gen_node_log(seed, n):
    rnd = random.Random(seed)
    comps = ["http", "db.pool", "queue.consumer", "cache", "auth", "scheduler", "ws", "payments"]
    msgs = {
        "http": ["request completed method=GET url=/api/orders status=200 ms={}", "request completed method=POST url=/api/orders status=201 ms={}",
                 "request completed method=GET url=/api/inventory/sku/{} status=200 ms={}", "slow request url=/api/reports/daily ms={}"],
        "db.pool": ["acquired connection active={} idle={} waiting={}", "released connection active={} idle={} waiting={}",
                    "pool stats total=20 active={} idle={} waiting={}"],
        "queue.consumer": ["received message topic=order.created id={}", "ack message id={} lag_ms={}", "prefetch window full, pausing fetch size={}"],
        "cache": ["redis GET hit key=product:{}", "redis GET miss key=product:{}", "redis reconnecting attempt={}"],
        "auth": ["token refreshed user={}", "jwks cache refreshed keys={}"],
        "scheduler": ["job reconcile-inventory started run={}", "job reconcile-inventory finished run={} ms={}", "job export-ledger started run={}"],
        "ws": ["client connected sid={}", "client disconnected sid={} code=1006", "broadcast room=orders recipients={}"],
        "payments": ["webhook received type=payment_intent.succeeded id=pi_{}", "capture ok order={} ms={}"],
    }
    levels = ["info"] * 14 + ["debug"] * 5 + ["warn"] * 2 + ["error"]
    out = []
    t = 1731590000.0
    for i in range(n):
        t += rnd.randint(1, 900) / 1000
        c = rnd.choice(comps)
        tmpl = rnd.choice(msgs[c])
        vals = [rnd.randint(0, 20) if "active" in tmpl or "idle" in tmpl or "waiting" in tmpl else rnd.randint(1, 99999)
                for _ in range(tmpl.count("{}"))]
        msg = tmpl.format(*vals)
        lv = rnd.choice(levels)
        sec = int(t)
        out.append(json.dumps({"level": lv, "time": sec * 1000 + int((t - sec) * 1000), "pid": 41, "hostname": "orders-api-7d9f8c-x2k4p",
                               "component": c, "reqId": "req-%06x" % rnd.randint(0, 0xffffff), "msg": msg}))
    return "\n".join(out)

def gen_react_module(seed, n):
    rnd = random.Random(seed)
    nouns = ["Invoice", "Customer", "Order", "Shipment", "Coupon", "Refund", "Address", "Product", "Review", "Payout",
             "Warehouse", "Supplier", "Discount", "Subscription", "Ticket", "Vendor", "Report", "Budget"]
    parts = ["import React, { useEffect, useMemo, useState } from 'react';",
             "import { useQuery, useMutation } from '@tanstack/react-query';",
             "import { api } from '../lib/api';", "import { formatMoney, formatDate } from '../lib/format';", ""]
    used = set()
    for i in range(n):
        noun = rnd.choice(nouns)
        kind = rnd.choice(["List", "Row", "Card", "Form", "Badge", "Panel"])
        name = f"{noun}{kind}"
        k = 2
        while name in used:
            name = f"{noun}{kind}{k}"; k += 1
        used.add(name)
        low = noun[0].lower() + noun[1:]
        if kind == "List":
            parts.append(f"""export function {name}({{ filter }}) {{
  const {{ data, isLoading, error }} = useQuery({{
    queryKey: ['{low}s', filter],
    queryFn: () => api.get('/{low}s', {{ params: filter }}).then((r) => r.data),
  }});
  const sorted = useMemo(() => (data ?? []).slice().sort((a, b) => a.createdAt.localeCompare(b.createdAt)), [data]);
  if (isLoading) return <Spinner />;
  if (error) return <ErrorBox error={{error}} />;
  return (
    <ul className="{low}-list">
      {{sorted.map((item) => (
        <li key={{item.id}} className="{low}-list__item">
          {{item.name}} <small>{{formatDate(item.createdAt)}}</small>
        </li>
      ))}}
    </ul>
  );
}}
""")
        elif kind == "Row":
            parts.append(f"""export function {name}({{ {low}, onSelect }}) {{
  const total = formatMoney({low}.amountCents / 100, {low}.currency);
  return (
    <tr onClick={{() => onSelect({low}.id)}} className={{{low}.status === 'overdue' ? 'row row--warn' : 'row'}}>
      <td>{{{low}.reference}}</td>
      <td>{{{low}.ownerName}}</td>
      <td className="num">{{total}}</td>
      <td>{{formatDate({low}.updatedAt)}}</td>
    </tr>
  );
}}
""")
        elif kind == "Card":
            parts.append(f"""export function {name}({{ id }}) {{
  const [expanded, setExpanded] = useState(false);
  const {{ data }} = useQuery({{ queryKey: ['{low}', id], queryFn: () => api.get(`/{low}s/${{id}}`).then((r) => r.data) }});
  if (!data) return null;
  return (
    <section className="card">
      <header className="card__header" onClick={{() => setExpanded((v) => !v)}}>
        <h3>{{data.title ?? '{noun} #' + data.id}}</h3>
        <span className="card__meta">{{formatDate(data.createdAt)}}</span>
      </header>
      {{expanded && <pre className="card__body">{{JSON.stringify(data.details, null, 2)}}</pre>}}
    </section>
  );
}}
""")
        elif kind == "Form":
            f1, f2 = rnd.sample(["name", "email", "note", "amount", "reference", "city", "zip", "phone"], 2)
            parts.append(f"""export function {name}({{ initial, onSaved }}) {{
  const [{f1}, set{f1.capitalize()}] = useState(initial?.{f1} ?? '');
  const [{f2}, set{f2.capitalize()}] = useState(initial?.{f2} ?? '');
  const save = useMutation({{
    mutationFn: (body) => api.post('/{low}s', body),
    onSuccess: (res) => onSaved?.(res.data),
  }});
  return (
    <form onSubmit={{(e) => {{ e.preventDefault(); save.mutate({{ {f1}, {f2} }}); }}}}>
      <label>{f1}<input value={{{f1}}} onChange={{(e) => set{f1.capitalize()}(e.target.value)}} /></label>
      <label>{f2}<input value={{{f2}}} onChange={{(e) => set{f2.capitalize()}(e.target.value)}} /></label>
      <button type="submit" disabled={{save.isPending}}>Save</button>
    </form>
  );
}}
""")
        elif kind == "Badge":
            parts.append(f"""export function {name}({{ status }}) {{
  const color = {{ active: 'green', pending: 'amber', cancelled: 'grey', failed: 'red' }}[status] ?? 'grey';
  return <span className={{`badge badge--${{color}}`}} title={{'{noun} ' + status}}>{{status}}</span>;
}}
""")
        else:
            parts.append(f"""export function {name}({{ {low}Id }}) {{
  const [tab, setTab] = useState('summary');
  useEffect(() => {{
    document.title = '{noun} ' + {low}Id;
  }}, [{low}Id]);
  return (
    <div className="panel">
      <nav>
        {{['summary', 'history', 'notes'].map((t) => (
          <button key={{t}} aria-pressed={{tab === t}} onClick={{() => setTab(t)}}>{{t}}</button>
        ))}}
      </nav>
      {{tab === 'summary' && <{noun}Summary id={{{low}Id}} />}}
      {{tab === 'history' && <AuditTrail entity="{low}" id={{{low}Id}} />}}
      {{tab === 'notes' && <Notes entity="{low}" id={{{low}Id}} />}}
    </div>
  );
}}
""")
    return "\n".join(parts)

def gen_logcat(seed, n, crash):
    rnd = random.Random(seed)
    tags = [("ActivityManager", "I"), ("OkHttp", "D"), ("Choreographer", "I"), ("ViewRootImpl", "D"), ("chromium", "I"),
            ("FirebaseSessions", "D"), ("WorkManager", "D"), ("SurfaceFlinger", "W"), ("ShopApp.Repo", "D"), ("Glide", "W")]
    texts = {"ActivityManager": ["Start proc {}:com.shop.app/u0a{} for service", "Displayed com.shop.app/.ui.MainActivity: +{}ms"],
             "OkHttp": ["--> GET https://api.shop.example/v2/products?page={}", "<-- 200 https://api.shop.example/v2/products ({}ms)",
                        "--> POST https://api.shop.example/v2/cart/items", "<-- 201 https://api.shop.example/v2/cart/items ({}ms)"],
             "Choreographer": ["Skipped {} frames!  The application may be doing too much work on its main thread."],
             "ViewRootImpl": ["ViewPostIme pointer {}", "ViewPostIme pointer 1"],
             "chromium": ["[INFO:CONSOLE({})] \"analytics ready\", source: https://shop.example/embed.js ({})"],
             "FirebaseSessions": ["Session started id={}", "App backgrounded, session {}"],
             "WorkManager": ["Work [ id={}, tags={{ SyncWorker }} ] succeeded", "Scheduling work ID {}"],
             "SurfaceFlinger": ["Layer {} does not have a valid buffer"],
             "ShopApp.Repo": ["cache hit products page={}", "refresh cart items={}"],
             "Glide": ["Load failed for https://cdn.shop.example/p/{}.webp with size [540x540]"]}
    out = []
    ms = 100
    for i in range(n):
        ms += rnd.randint(1, 400)
        sec, msr = divmod(ms, 1000)
        mm, ss = divmod(sec, 60)
        tag, lv = rnd.choice(tags)
        t = rnd.choice(texts[tag])
        t = t.format(*[rnd.randint(1, 9999) for _ in range(t.count("{}"))])
        out.append(f"11-14 09:{12 + mm % 40:02d}:{ss:02d}.{msr:03d} {rnd.choice([8812, 8812, 8812, 1432, 611]):5d} {rnd.randint(8812, 8990):5d} {lv} {tag}: {t}")
    out.extend(crash.strip("\n").split("\n"))
    return "\n".join(out)

def gen_har_entries(seed, n):
    rnd = random.Random(seed)
    urls = ["https://app.acme.io/api/session", "https://app.acme.io/api/projects?limit=50", "https://cdn.acme.io/assets/index-{}.js",
            "https://app.acme.io/api/projects/{}/members", "https://app.acme.io/graphql", "https://fonts.gstatic.com/s/inter/v13/{}.woff2",
            "https://app.acme.io/api/notifications/unread", "https://sentry.acme.io/api/7/envelope/", "https://app.acme.io/api/billing/plan",
            "https://www.googletagmanager.com/gtm.js?id=GTM-{}"]
    entries = []
    for i in range(n):
        u = rnd.choice(urls)
        if "{}" in u:
            u = u.format("%06x" % rnd.randint(0, 0xffffff))
        st = rnd.choice([200, 200, 200, 200, 304, 204, 401, 200])
        e = {"startedDateTime": f"2026-11-20T10:41:{rnd.randint(0,59):02d}.{rnd.randint(0,999):03d}Z", "time": round(rnd.uniform(3, 900), 2),
             "request": {"method": "POST" if "graphql" in u or "envelope" in u else "GET", "url": u, "httpVersion": "h2",
                         "headers": [{"name": "accept", "value": "application/json"}, {"name": "x-request-id", "value": "%016x" % rnd.getrandbits(64)}]},
             "response": {"status": st, "statusText": "", "httpVersion": "h2",
                          "headers": [{"name": "content-type", "value": "application/json" if "api" in u or "graphql" in u else "application/javascript"},
                                      {"name": "cache-control", "value": rnd.choice(["no-store", "max-age=31536000, immutable", "private, max-age=0"])}],
                          "content": {"size": rnd.randint(0, 90000), "mimeType": "application/json"}},
             "timings": {"blocked": round(rnd.uniform(0, 5), 2), "dns": -1, "connect": -1, "ssl": -1, "send": 0.1,
                         "wait": round(rnd.uniform(2, 800), 2), "receive": round(rnd.uniform(0, 40), 2)}}
        entries.append(e)
    return json.dumps({"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "entries": entries}}, indent=1)

def gen_css(seed, n):
    rnd = random.Random(seed)
    blocks = ["header", "nav", "hero", "card", "btn", "footer", "modal", "toast", "table", "form", "sidebar", "badge", "tabs", "avatar"]
    elems = ["", "__title", "__body", "__icon", "__actions", "__meta", "--primary", "--ghost", "--compact", ":hover", ":focus-visible"]
    props = [("display", ["flex", "grid", "block", "inline-flex", "none"]), ("padding", ["0", "4px 8px", "8px 16px", "1rem", "12px 24px"]),
             ("margin", ["0", "0 auto", "8px 0", "1rem 0 0"]), ("color", ["#1f2937", "#111", "var(--fg)", "#6b7280", "#fff"]),
             ("background", ["#fff", "var(--bg-muted)", "transparent", "#2563eb", "linear-gradient(90deg,#2563eb,#7c3aed)"]),
             ("border-radius", ["4px", "8px", "9999px", "0"]), ("font-size", ["12px", "14px", "0.875rem", "1.25rem", "2rem"]),
             ("gap", ["4px", "8px", "1rem"]), ("align-items", ["center", "flex-start", "stretch"]), ("line-height", ["1.2", "1.5", "20px"]),
             ("transition", ["opacity .2s ease", "transform .15s ease-out", "all .2s"]), ("box-shadow", ["0 1px 2px rgba(0,0,0,.06)", "none"])]
    out = [":root {\n  --fg: #111827;\n  --bg-muted: #f3f4f6;\n  --accent: #2563eb;\n}\n"]
    for i in range(n):
        sel = "." + rnd.choice(blocks) + rnd.choice(elems)
        ps = rnd.sample(props, rnd.randint(2, 6))
        body = "\n".join(f"  {p}: {rnd.choice(v)};" for p, v in ps)
        if rnd.random() < 0.12:
            out.append(f"@media (max-width: {rnd.choice([480, 640, 768, 1024])}px) {{\n  {sel} {{\n  {body.replace(chr(10), chr(10) + '  ')}\n  }}\n}}\n")
        else:
            out.append(f"{sel} {{\n{body}\n}}\n")
    return "\n".join(out)

def gen_diff(seed, nfiles):
    rnd = random.Random(seed)
    files = ["src/routes/orders.ts", "src/routes/users.ts", "src/services/pricing.ts", "src/services/email.ts", "src/db/repo.ts",
             "src/middleware/auth.ts", "src/lib/validate.ts", "src/routes/coupons.ts", "src/services/inventory.ts", "src/lib/http.ts"]
    out = []
    for f in rnd.sample(files, nfiles):
        out.append(f"diff --git a/{f} b/{f}\nindex {rnd.getrandbits(28):07x}..{rnd.getrandbits(28):07x} 100644\n--- a/{f}\n+++ b/{f}")
        for h in range(rnd.randint(2, 4)):
            start = rnd.randint(10, 300)
            out.append(f"@@ -{start},12 +{start},14 @@ export async function handler{h}(req: Request, res: Response) {{")
            ent = rnd.choice(["order", "user", "coupon", "item", "invoice"])
            out.append(f"   const {ent}Id = req.params.id;")
            out.append(f"-  const {ent} = await repo.find{ent.capitalize()}({ent}Id);")
            out.append(f"+  const {ent} = await repo.find{ent.capitalize()}ById({ent}Id, {{ includeDeleted: false }});")
            out.append(f"   if (!{ent}) {{")
            out.append(f"-    return res.status(404).send('not found');")
            out.append(f"+    return res.status(404).json({{ error: '{ent}_not_found' }});")
            out.append("   }")
            if rnd.random() < 0.5:
                out.append(f"+  logger.info({{ {ent}Id, user: req.user?.id }}, '{ent} fetched');")
            out.append(f"-  res.send({ent});")
            out.append(f"+  res.json(serialize{ent.capitalize()}({ent}));")
            out.append(" }")
    return "\n".join(out)

def gen_gradle_out(seed, n, tail):
    rnd = random.Random(seed)
    mods = [":app", ":core:network", ":core:data", ":core:ui", ":feature:cart", ":feature:checkout", ":feature:search", ":feature:profile"]
    tasks = ["preBuild", "preDebugBuild", "generateDebugBuildConfig", "checkDebugAarMetadata", "generateDebugResValues", "mapDebugSourceSetPaths",
             "generateDebugResources", "mergeDebugResources", "processDebugManifest", "kspDebugKotlin", "compileDebugKotlin",
             "javaPreCompileDebug", "compileDebugJavaWithJavac", "mergeDebugShaders", "mergeDebugAssets", "dexBuilderDebug", "mergeDebugJniLibFolders"]
    out = ["> Configure project :app", "w: file:///home/dev/shop-android/app/build.gradle.kts:41:9: 'kotlinOptions(KotlinJvmOptions.() -> Unit): Unit' is deprecated."]
    for i in range(n):
        m = rnd.choice(mods); t = rnd.choice(tasks)
        st = rnd.choice(["", "", " UP-TO-DATE", " UP-TO-DATE", " NO-SOURCE", " FROM-CACHE", " SKIPPED"])
        out.append(f"> Task {m}:{t}{st}")
        if t == "compileDebugKotlin" and rnd.random() < 0.3:
            out.append(f"w: file:///home/dev/shop-android/{m[1:].replace(':', '/')}/src/main/java/com/shop/{rnd.choice(['ui','data','net'])}/"
                       f"{rnd.choice(['CartViewModel','ProductRepo','ApiModule','SearchScreen'])}.kt:{rnd.randint(10,300)}:{rnd.randint(5,40)} "
                       f"Parameter '{rnd.choice(['it','context','savedState','unused'])}' is never used")
    out.extend(tail.strip("\n").split("\n"))
    return "\n".join(out)

def gen_xcode_log(seed, n, tail):
    rnd = random.Random(seed)
    files = ["AppDelegate", "SceneDelegate", "FeedViewController", "FeedCell", "ImageLoader", "APIClient", "AuthSession", "CartStore",
             "CheckoutView", "ProfileView", "Keychain", "Analytics", "PushHandler", "DeepLinkRouter"]
    out = ["Build description signature: 4c1e9a0b7f0e2a7dd6", "Build description path: /Users/dev/Library/Developer/Xcode/DerivedData/Shop-abc/Build/Intermediates.noindex/XCBuildData/4c1e.xcbuilddata"]
    for i in range(n):
        f = rnd.choice(files)
        kind = rnd.random()
        if kind < 0.5:
            out.append(f"SwiftCompile normal arm64 /Users/dev/src/shop-ios/Shop/Sources/{f}.swift (in target 'Shop' from project 'Shop')")
            out.append(f"    cd /Users/dev/src/shop-ios")
        elif kind < 0.7:
            out.append(f"/Users/dev/src/shop-ios/Shop/Sources/{f}.swift:{rnd.randint(10,400)}:{rnd.randint(5,60)}: warning: "
                       + rnd.choice(["variable 'result' was never mutated; consider changing to 'let' constant",
                                     "'init(frame:)' was deprecated in iOS 17.0",
                                     "capture of 'self' with non-sendable type 'FeedViewController' in a `@Sendable` closure",
                                     "immutable value 'error' was never used; consider replacing with '_' or removing it"]))
        elif kind < 0.85:
            out.append(f"CompileAssetCatalog /Users/dev/Library/Developer/Xcode/DerivedData/Shop-abc/Build/Products/Debug-iphonesimulator/Shop.app /Users/dev/src/shop-ios/Shop/Assets.xcassets")
        else:
            out.append(f"Ld /Users/dev/Library/Developer/Xcode/DerivedData/Shop-abc/Build/Products/Debug-iphonesimulator/{rnd.choice(['ShopKit','Networking','DesignSystem'])}.framework normal (in target from project 'Shop')")
    out.extend(tail.strip("\n").split("\n"))
    return "\n".join(out)

def gen_js_module(seed, n):
    rnd = random.Random(seed)
    out = ["'use strict';", "const crypto = require('crypto');", "const { db } = require('./db');", "const log = require('./log');", ""]
    ents = ["order", "customer", "coupon", "cart", "shipment", "invoice", "refund", "address", "session", "webhook"]
    used = set()
    for i in range(n):
        e = rnd.choice(ents); E = e.capitalize()
        kind = rnd.choice(["get", "list", "create", "update", "validate", "map"])
        name = f"{kind}{E}"
        k = 2
        while name in used:
            name = f"{kind}{E}{k}"; k += 1
        used.add(name)
        if kind == "get":
            out.append(f"async function {name}(id, opts) {{\n  opts = opts || {{}};\n  const row = await db.oneOrNone('select * from {e}s where id = $1', [id]);\n  if (!row && opts.required) {{\n    throw new Error('{e} ' + id + ' not found');\n  }}\n  return row;\n}}\n")
        elif kind == "list":
            out.append(f"async function {name}(filter, page, size) {{\n  page = page || 1;\n  size = Math.min(size || 20, 100);\n  const where = [];\n  const args = [];\n  if (filter && filter.status) {{ args.push(filter.status); where.push('status = $' + args.length); }}\n  if (filter && filter.since) {{ args.push(filter.since); where.push('created_at >= $' + args.length); }}\n  const sql = 'select * from {e}s' + (where.length ? ' where ' + where.join(' and ') : '') + ' order by id limit ' + size + ' offset ' + (page - 1) * size;\n  return db.any(sql, args);\n}}\n")
        elif kind == "create":
            out.append(f"async function {name}(input) {{\n  const id = crypto.randomUUID();\n  const now = new Date().toISOString();\n  await db.none('insert into {e}s (id, data, created_at) values ($1, $2, $3)', [id, JSON.stringify(input), now]);\n  log.info('{e} created', {{ id: id }});\n  return Object.assign({{ id: id, createdAt: now }}, input);\n}}\n")
        elif kind == "update":
            out.append(f"async function {name}(id, patch) {{\n  const current = await db.one('select data from {e}s where id = $1', [id]);\n  const next = Object.assign({{}}, current.data, patch);\n  await db.none('update {e}s set data = $2, updated_at = now() where id = $1', [id, JSON.stringify(next)]);\n  return next;\n}}\n")
        elif kind == "validate":
            out.append(f"function {name}(obj) {{\n  const errors = [];\n  if (!obj) return ['missing body'];\n  if (typeof obj.reference !== 'string' || obj.reference.length > {rnd.choice([32, 64, 128])}) errors.push('reference');\n  if (obj.amount != null && !(Number.isInteger(obj.amount) && obj.amount >= 0)) errors.push('amount');\n  if (obj.email && !/^[^@\\s]+@[^@\\s]+$/.test(obj.email)) errors.push('email');\n  return errors;\n}}\n")
        else:
            out.append(f"function {name}(row) {{\n  return {{\n    id: row.id,\n    reference: row.data && row.data.reference,\n    amount: row.data ? row.data.amount : 0,\n    createdAt: row.created_at,\n    updatedAt: row.updated_at || null,\n  }};\n}}\n")
    out.append("module.exports = {\n" + "".join(f"  {u},\n" for u in sorted(used)) + "};")
    return "\n".join(out)

def gen_package_lock(seed, n):
    rnd = random.Random(seed)
    names = ["@babel/core", "@babel/parser", "@babel/types", "@esbuild/linux-x64", "@types/node", "@types/react", "@vitejs/plugin-react",
             "acorn", "ansi-regex", "ansi-styles", "braces", "browserslist", "caniuse-lite", "chalk", "chokidar", "color-convert",
             "debug", "electron-to-chromium", "esbuild", "escalade", "fill-range", "glob-parent", "is-glob", "js-tokens", "jsesc",
             "lodash", "loose-envify", "lru-cache", "micromatch", "ms", "nanoid", "node-releases", "normalize-path", "picocolors",
             "picomatch", "postcss", "react", "react-dom", "rollup", "scheduler", "semver", "source-map-js", "supports-color",
             "to-regex-range", "update-browserslist-db", "vite", "yallist", "zod", "axios", "follow-redirects", "form-data",
             "proxy-from-env", "mime-types", "mime-db", "asynckit", "combined-stream", "delayed-stream", "clsx", "date-fns",
             "@tanstack/react-query", "@tanstack/query-core", "react-router", "react-router-dom", "@remix-run/router"]
    pk = {}
    for nm in names[:n]:
        ver = f"{rnd.randint(0, 18)}.{rnd.randint(0, 30)}.{rnd.randint(0, 20)}"
        if nm == "lodash":
            ver = "4.17.21"
        pk[f"node_modules/{nm}"] = {"version": ver, "resolved": f"https://registry.npmjs.org/{nm}/-/{nm.split('/')[-1]}-{ver}.tgz",
                                    "integrity": "sha512-" + "".join(rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(86)) + "==",
                                    "dev": rnd.random() < 0.4, "license": rnd.choice(["MIT", "MIT", "ISC", "Apache-2.0", "BSD-3-Clause"])}
        if rnd.random() < 0.3:
            pk[f"node_modules/{nm}"]["dependencies"] = {rnd.choice(names): "^" + f"{rnd.randint(1,9)}.{rnd.randint(0,9)}.0"}
    return json.dumps({"name": "storefront-web", "version": "3.8.1", "lockfileVersion": 3, "requires": True,
                       "packages": {"": {"name": "storefront-web", "version": "3.8.1"}, **pk}}, indent=2)

# ================================================================ batch 1: long pastes
ACCESS = gen_access_log(101, 620)
add("haiku", "question", "web", "terse", "long-trivial",
    "Counting one status code in a pasted log is mechanical and checkable at a glance, however long the paste.",
    "how many 504s in this? just the number\n\n```\n" + ACCESS + "\n```")

NODELOG = gen_node_log(202, 260)
add("opus", "debug", "web", "verbose", None,
    "Intermittent production stall with no clear lead, needs a theory across pool, queue and scheduler: hard debugging.",
    "Hi! So I'm fairly new on the team and I've been asked to look at this, sorry if it's long. Our orders-api (Node 20, Fastify, "
    "pg-promise with a pool of 20, a RabbitMQ consumer in the same process, and a node-cron scheduler) just stops responding every "
    "few hours. Not crashes - the process stays up, /healthz still returns 200 (it doesn't touch the db), but every real request "
    "hangs until the ALB times out after 60s. Restarting the pod fixes it. We can't reproduce it locally or in staging, even with k6 "
    "at 3x prod traffic. CPU is flat during the stall, memory is flat too. I pulled the last few minutes of logs before the last "
    "stall (below, it's pino JSON). I noticed the 'waiting' number in db.pool goes up but I don't know if that's a cause or a "
    "symptom. Can you figure out what is actually going on and what we should change? Also what should we add so next time we "
    "can prove it?\n\n```\n" + NODELOG + "\n```")

REACTMOD = gen_react_module(303, 110)
add("haiku", "edit", "web", "plain", "long-trivial",
    "Adding a license header to a long file is a mechanical edit regardless of length.",
    "Add the standard MIT license header (Copyright (c) 2026 Northwind Labs) as a block comment at the very top of this file. "
    "Don't change anything else.\n\n```jsx\n" + REACTMOD + "\n```")

CRASH = """11-14 09:31:07.412  8812  8812 E AndroidRuntime: FATAL EXCEPTION: main
11-14 09:31:07.412  8812  8812 E AndroidRuntime: Process: com.shop.app, PID: 8812
11-14 09:31:07.412  8812  8812 E AndroidRuntime: java.lang.NullPointerException: Attempt to invoke virtual method 'java.lang.String com.shop.app.data.model.Address.getPostalCode()' on a null object reference
11-14 09:31:07.412  8812  8812 E AndroidRuntime: 	at com.shop.app.ui.checkout.CheckoutFragment.bindShipping(CheckoutFragment.kt:188)
11-14 09:31:07.412  8812  8812 E AndroidRuntime: 	at com.shop.app.ui.checkout.CheckoutFragment.access$bindShipping(CheckoutFragment.kt:41)
11-14 09:31:07.412  8812  8812 E AndroidRuntime: 	at com.shop.app.ui.checkout.CheckoutFragment$onViewCreated$2.invokeSuspend(CheckoutFragment.kt:97)
11-14 09:31:07.412  8812  8812 E AndroidRuntime: 	at kotlin.coroutines.jvm.internal.BaseContinuationImpl.resumeWith(ContinuationImpl.kt:33)
11-14 09:31:07.412  8812  8812 E AndroidRuntime: 	at kotlinx.coroutines.DispatchedTask.run(DispatchedTask.kt:108)
11-14 09:31:07.412  8812  8812 E AndroidRuntime: 	at android.os.Handler.handleCallback(Handler.java:958)
11-14 09:31:07.412  8812  8812 E AndroidRuntime: 	at android.os.Looper.loop(Looper.java:294)
11-14 09:31:07.412  8812  8812 E AndroidRuntime: 	at android.app.ActivityThread.main(ActivityThread.java:8177)
11-14 09:31:07.413   611   702 W ActivityTaskManager:   Force finishing activity com.shop.app/.ui.MainActivity"""
LOGCAT = gen_logcat(404, 190, CRASH)
add("sonnet", "debug", "mobile", "typos", None,
    "Crash with a stack trace pointing at a null Address in one fragment: identifiable cause, everyday debugging.",
    "app crashes when guest user goes to checkout, logged in users fine. full logcat below, the checkout fragment reads "
    "viewModel.shipping.collect { bindShipping(it.address!!) } roughly, i think. whats wrong and how do i fix it properly (not just ?.)\n\n"
    + LOGCAT + "\n\nCheckoutFragment.kt line 180-195:\n```kotlin\n    private fun bindShipping(state: ShippingState) {\n"
    "        binding.shipName.text = state.recipient\n        binding.shipLine1.text = state.address?.line1\n"
    "        binding.shipCity.text = state.address?.city\n        val zip = state.address!!.postalCode\n"
    "        binding.shipZip.text = zip\n        binding.shipEta.text = etaFor(zip)\n    }\n```")

BIGJS = gen_js_module(505, 95)
add("sonnet", "refactor", "web", "plain", None,
    "Converting a whole long JS module to TypeScript with proper types is many careful steps (tie-breaker 5): sonnet.",
    "Convert this CommonJS module to TypeScript with ES module syntax. Give every function real parameter and return types "
    "(define interfaces for the row shapes you can infer), replace the `opts = opts || {}` patterns with default params, and keep "
    "the exported names the same. We compile with strict: true.\n\n```js\n" + BIGJS + "\n```")

HAR = gen_har_entries(606, 48)
add("haiku", "question", "web", "terse", "long-trivial",
    "Extracting the URLs with a 401 from a HAR is a lookup, checkable at a glance.",
    "which requests in this HAR came back 401? list the urls only\n\n" + HAR)

GRADLE_TAIL = """> Task :feature:checkout:kspDebugKotlin FAILED
e: [ksp] InjectProcessingStep was unable to process 'com.shop.checkout.CheckoutViewModel' because 'com.shop.core.data.PaymentRepository' could not be resolved.

Dependency trace:
    => element (CLASS): com.shop.checkout.CheckoutViewModel
    => element (CONSTRUCTOR): CheckoutViewModel(com.shop.core.data.PaymentRepository,androidx.lifecycle.SavedStateHandle)
    => type (EXECUTABLE constructor): (com.shop.core.data.PaymentRepository,androidx.lifecycle.SavedStateHandle)void
    => type (ERROR parameter type): com.shop.core.data.PaymentRepository

If type 'com.shop.core.data.PaymentRepository' is a generated type, check above for compilation errors that may have prevented the type from being generated. Otherwise, ensure that type 'com.shop.core.data.PaymentRepository' is on your classpath.

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':feature:checkout:kspDebugKotlin'.
> A failure occurred while executing com.google.devtools.ksp.gradle.KspAAWorkerAction
   > Error while evaluating property 'compilerOptions.jvmTarget' of task ':feature:checkout:kspDebugKotlin'

* Try:
> Run with --stacktrace option to get the stack trace.
> Run with --info or --debug option to get more log output.

BUILD FAILED in 1m 47s
312 actionable tasks: 41 executed, 198 from cache, 73 up-to-date"""
GRADLE = gen_gradle_out(707, 520, GRADLE_TAIL)
add("sonnet", "debug", "mobile", "non-native", None,
    "Gradle/KSP failure with a clear unresolved type across modules; identifiable build-config cause, sonnet.",
    "After I move PaymentRepository from :core:network into :core:data the build is failing. I have added the dependency I think. "
    "Please can you look what is wrong, I am trying since morning. Here is the full output of ./gradlew assembleDebug and the "
    "build file of checkout module.\n\n```\n" + GRADLE + "\n```\n\nfeature/checkout/build.gradle.kts:\n```kotlin\nplugins {\n"
    "    alias(libs.plugins.android.library)\n    alias(libs.plugins.kotlin.android)\n    alias(libs.plugins.ksp)\n    alias(libs.plugins.hilt)\n}\n\n"
    "android {\n    namespace = \"com.shop.checkout\"\n    compileSdk = 34\n    defaultConfig { minSdk = 24 }\n}\n\n"
    "dependencies {\n    implementation(project(\":core:ui\"))\n    implementation(project(\":core:network\"))\n"
    "    implementation(libs.hilt.android)\n    ksp(libs.hilt.compiler)\n    implementation(libs.androidx.lifecycle.viewmodel.ktx)\n}\n```")

CSS = gen_css(808, 330)
add("haiku", "question", "web", "typos", "long-trivial",
    "Finding which rules use one specific value in a long stylesheet is a lookup task, checkable at a glance.",
    "which selectors in here set border-radius 9999px?? designer wants to kill all the pill shapes, i just need the list\n\n```css\n" + CSS + "\n```")

DIFF = gen_diff(909, 10)
add("sonnet", "review", "web", "plain", None,
    "Reviewing a multi-file diff for correctness and consistency is everyday review work: sonnet.",
    "Can you review this PR? It's meant to standardise our 404 responses to JSON and switch to the ById repo methods. Point out "
    "anything inconsistent or that might break existing clients.\n\n```diff\n" + DIFF + "\n```")

XC_TAIL = """Test Suite 'ShopUITests' started at 2026-11-19 22:14:03.118
Test Case '-[ShopUITests.CheckoutFlowTests testGuestCheckoutWithApplePay]' started.
    t =     0.00s Start Test at 2026-11-19 22:14:03.121
    t =     4.82s     Tap "Pay" Button
    t =    34.90s     Wait for com.shop.app to idle
    t =    64.91s         App animations complete notification not received, will attempt to continue.
/Users/dev/src/shop-ios/ShopUITests/CheckoutFlowTests.swift:88: error: -[ShopUITests.CheckoutFlowTests testGuestCheckoutWithApplePay] : Failed to get matching snapshot: Timed out while evaluating UI query.
Test Case '-[ShopUITests.CheckoutFlowTests testGuestCheckoutWithApplePay]' failed (71.204 seconds).
Test Suite 'ShopUITests' failed at 2026-11-19 22:15:14.330.
	 Executed 38 tests, with 1 failure (0 unexpected) in 402.117 (402.140) seconds
** TEST FAILED **"""
XCLOG = gen_xcode_log(111, 420, XC_TAIL)
add("opus", "debug", "mobile", "terse", None,
    "Flaky UI test failing ~1 in 8 CI runs with no lead beyond a main-thread idle timeout: intermittent, needs a theory.",
    "this test fails on roughly 1 of 8 CI runs, never locally. been like this since we moved CartStore to an actor + swift 6 "
    "strict concurrency. full xcodebuild log attached. find the actual cause, I don't want another sleep(2).\n\n" + XCLOG)

LOCK = gen_package_lock(1212, 64)
add("haiku", "question", "web", "terse", "long-trivial",
    "Reading one version out of a lockfile is a lookup: long paste, trivial task.",
    "what lodash version is actually locked here\n\n```json\n" + LOCK + "\n```")

ACCESS2 = gen_access_log(1313, 110)
add("sonnet", "implement", "web", "plain", None,
    "Writing a small script that parses these log lines and aggregates p95 per path is a clear everyday task: sonnet.",
    "Write me a Node script (no deps) that reads a file in this format and prints, per path with query strings and ids collapsed "
    "(e.g. /api/v2/orders/:id), the request count, error rate (5xx) and p95 of rt. Sample of the file:\n\n```\n" + ACCESS2 + "\n```")

# ================================================================ batch 2
add("haiku", "question", "web", "terse", None, "Well-known one-line CSS answer.",
    "center a div horizontally and vertically, flexbox")
add("haiku", "question", "web", "typos", None, "Short factual question about a common React warning.",
    "wats the diff between useEffect and useLayoutEffect, when would i even use the layout one")
add("sonnet", "debug", "web", "verbose", None,
    "Subtle but well-known cause (stale closure in setInterval) that needs explaining why: tie-breaker 7 puts it at sonnet.",
    "Hello, I have a counter component and I'm trying to make it tick every second. I read the docs about useEffect and I "
    "put an empty dependency array because I only want one interval, which I think is right because otherwise it would create "
    "a new interval every render, right? But the number goes from 0 to 1 and then just stays at 1 forever. I console.logged "
    "inside the interval and it does run every second. I'm really confused why it doesn't go up. Here is the code:\n\n"
    "```jsx\nfunction Ticker() {\n  const [count, setCount] = useState(0);\n  useEffect(() => {\n    const id = setInterval(() => {\n"
    "      console.log('tick', count);\n      setCount(count + 1);\n    }, 1000);\n    return () => clearInterval(id);\n  }, []);\n"
    "  return <h1>{count}</h1>;\n}\n```\n\nCan you explain what is happening and how to fix it properly?")
add("opus", "design", "web", "terse", "short-hard",
    "Open design of offline-first sync with conflict resolution: distributed consistency, high stakes.",
    "design offline-first sync for our notes PWA. multiple devices, edits while offline, no data loss. CRDT or server-side merge?")
add("haiku", "edit", "web", "plain", None, "Mechanical JSON-to-YAML style conversion of a tiny config.",
    "Turn this .eslintrc.json into eslint.config.js flat format equivalent? it's tiny:\n\n```json\n{\n  \"extends\": [\"eslint:recommended\"],\n"
    "  \"env\": { \"browser\": true, \"es2022\": true },\n  \"rules\": { \"no-unused-vars\": \"warn\", \"eqeqeq\": \"error\" }\n}\n```")
add("sonnet", "implement", "web", "plain", None, "Endpoint with a clear spec (validation, pagination, auth check): everyday implementation.",
    "Add a GET /api/projects/:id/activity endpoint to our Express app. Requirements:\n1. only members of the project can read it (use the existing `requireMember` middleware)\n"
    "2. cursor pagination with `?before=<iso timestamp>&limit=` (max 100, default 30)\n3. return `{ items, nextCursor }`\n"
    "4. 400 on a bad timestamp\nThe table is `activity(id uuid, project_id uuid, actor_id uuid, kind text, payload jsonb, created_at timestamptz)` "
    "and we use `pg` with a `pool` exported from `src/db.ts`.")
add("haiku", "question", "mobile", "terse", None, "Short factual Swift question.",
    "swift: difference between weak and unowned?")
add("sonnet", "debug", "mobile", "plain", None, "Xcode compile error with an identifiable cause (MainActor isolation); clear fix.",
    "Getting this since turning on Swift 6 mode:\n\n```\n/Users/ana/dev/Bento/Bento/Feed/FeedViewModel.swift:42:18: error: main actor-isolated "
    "property 'items' can not be mutated from a nonisolated context\n            self.items = decoded\n                 ^\n"
    "/Users/ana/dev/Bento/Bento/Feed/FeedViewModel.swift:12:9: note: mutation of this property is only permitted within the actor\n"
    "    @Published var items: [FeedItem] = []\n        ^\n```\n\n```swift\n@MainActor\nfinal class FeedViewModel: ObservableObject {\n"
    "    @Published var items: [FeedItem] = []\n    private let api: APIClient\n    init(api: APIClient) { self.api = api }\n\n"
    "    nonisolated func refresh() {\n        Task.detached {\n            let data = try await self.api.get(\"/feed\")\n"
    "            let decoded = try JSONDecoder().decode([FeedItem].self, from: data)\n            self.items = decoded\n        }\n    }\n}\n```\nWhat's the right fix here?")
add("opus", "debug", "mobile", "plain", "easy-words-hard",
    "Intermittent data loss across app lifecycle with no lead; needs a theory across persistence, background tasks and sync.",
    "Some users say their drafts disappear. Not all of them, maybe a couple of reports a week out of 40k daily users, iOS only. "
    "They write something, leave the app, come back later and the draft is gone or it's an older version. We save to Core Data "
    "on every keystroke (debounced 500ms) and sync to the server in a background task. Can't reproduce. Where would you even start, "
    "and what do you think is happening?")
add("haiku", "question", "web", "plain", "hard-words-easy",
    "Scary vocabulary, but it's a short definitional question.",
    "In the context of OAuth 2.0 with PKCE, what does the 'code_challenge_method=S256' parameter mean?")
add("sonnet", "test", "web", "plain", None, "Writing tests for an existing hook is everyday test work.",
    "Write React Testing Library + vitest tests for this hook. Cover: initial state, debounced update, and that it cancels on unmount.\n\n"
    "```ts\nexport function useDebouncedValue<T>(value: T, delay = 300): T {\n  const [v, setV] = useState(value);\n  useEffect(() => {\n"
    "    const t = setTimeout(() => setV(value), delay);\n    return () => clearTimeout(t);\n  }, [value, delay]);\n  return v;\n}\n```")
add("sonnet", "test", "web", "follow-up", None, "Follow-up asking for the same test work on another hook: sonnet per tie-breaker 8.",
    "nice. now do the same for useThrottledCallback in the same folder")
add("haiku", "question", "web", "terse", None, "Well-known HTTP fact.",
    "is PUT idempotent")
add("haiku", "explain", "web", "plain", None, "Explaining a common browser console error in a couple of sentences.",
    "What does this mean?\n\nAccess to fetch at 'http://localhost:8000/api/me' from origin 'http://localhost:5173' has been blocked by CORS policy: "
    "Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.")
add("sonnet", "ops", "web", "follow-up", None, "Configuring CORS correctly in Django with credentials; several settings, needs care.",
    "Follow-up on that CORS thing: backend is Django 5 + DRF, frontend Vite on 5173, and we use session cookies, not tokens. "
    "Show me the full django-cors-headers + CSRF settings for dev AND prod (prod is app.example.com -> api.example.com), "
    "and what the fetch calls need on the frontend side.")
add("opus", "review", "security", "plain", None, "Security review of an auth flow; subtle mistakes are vulnerabilities.",
    "Please do a security review of our password reset flow:\n\n```python\n# views.py\ndef request_reset(request):\n    email = request.POST['email']\n"
    "    user = User.objects.filter(email__iexact=email).first()\n    if not user:\n        return JsonResponse({'error': 'no such user'}, status=404)\n"
    "    token = hashlib.md5(f'{user.id}{int(time.time())}'.encode()).hexdigest()\n    PasswordReset.objects.create(user=user, token=token)\n"
    "    send_mail('Reset', f'https://{request.get_host()}/reset/{token}', None, [user.email])\n    return JsonResponse({'ok': True})\n\n"
    "def do_reset(request, token):\n    pr = PasswordReset.objects.filter(token=token).first()\n    if not pr:\n        raise Http404\n"
    "    pr.user.set_password(request.POST['password'])\n    pr.user.save()\n    return JsonResponse({'ok': True})\n```")
add("haiku", "edit", "mobile", "typos", None, "Renaming one identifier in a short Kotlin snippet is mechanical.",
    "rename usrRepo to userRepository everywhere in this pls\n\n```kotlin\nclass ProfileViewModel(private val usrRepo: UserRepo) : ViewModel() {\n"
    "    val user = usrRepo.observeMe().stateIn(viewModelScope, SharingStarted.Lazily, null)\n    fun logout() = viewModelScope.launch { usrRepo.clear() }\n}\n```")
add("sonnet", "implement", "mobile", "plain", None, "Implementing a Compose screen with clear spec: everyday mobile work.",
    "Write a Jetpack Compose screen for a settings page: a top app bar with back arrow, a section 'Notifications' with two switches "
    "(push, email) bound to a SettingsViewModel StateFlow, and a 'Danger zone' section with a red 'Delete account' button that "
    "opens a confirm AlertDialog. Use Material3. Include the ViewModel with a fake repo.")
add("opus", "design", "mobile", "verbose", None, "Architecture choice across platforms with trade-offs and a migration path: opus.",
    "We have two native apps (Swift/UIKit, ~120k lines, and Kotlin/Views ~90k lines) and a team of 7 mobile devs. Product wants "
    "feature parity faster, so management is asking whether we should go Kotlin Multiplatform for the shared logic, rewrite in "
    "Flutter, or add React Native screens into the existing apps (our web team knows React). We have offline support, a complex "
    "checkout with Apple Pay/Google Pay, and a custom video player. I need a recommendation with trade-offs and a rough migration "
    "path I can defend in front of the CTO, not a generic comparison table.")
add("haiku", "question", "mobile", "non-native", None, "Short factual Flutter question.",
    "In Flutter what is difference of StatelessWidget and StatefulWidget? When I must use which one?")
add("sonnet", "debug", "mobile", "plain", None, "Common Flutter layout error with a clear cause: everyday debugging.",
    "```\n══╡ EXCEPTION CAUGHT BY RENDERING LIBRARY ╞═════════════════════════════════════════════════════════\nThe following assertion was thrown during performResize():\n"
    "Vertical viewport was given unbounded height.\nViewports expand in the scrolling direction to fill their container. In this case, a vertical\n"
    "viewport was given an unlimited amount of vertical space in which to expand. This situation\ntypically happens when a scrollable widget is nested inside another scrollable widget.\n"
    "The relevant error-causing widget was:\n  ListView ListView:file:///Users/kai/dev/recipes/lib/screens/recipe_detail.dart:58:20\n```\n\n"
    "```dart\nbody: SingleChildScrollView(\n  child: Column(\n    children: [\n      HeroImage(recipe.image),\n      Text(recipe.title, style: theme.textTheme.headlineSmall),\n"
    "      ListView(\n        children: recipe.steps.map((s) => StepTile(s)).toList(),\n      ),\n      RelatedRecipes(recipe.id),\n    ],\n  ),\n),\n```")
add("haiku", "question", "web", "terse", None, "One-liner git command.",
    "undo last commit but keep changes staged")
add("opus", "plan", "web", "plain", "easy-words-hard",
    "Plain words but it's a zero-downtime migration plan across services and data: open plan, high stakes.",
    "We need to move every customer from the old billing provider to Stripe without anyone getting charged twice or losing their "
    "plan. About 18k paying accounts, monthly and yearly, some mid-trial. How do we do this?")
add("haiku", "edit", "web", "plain", None, "Sorting keys of a small package.json scripts block is mechanical.",
    "sort the scripts alphabetically:\n\n```json\n\"scripts\": {\n  \"test\": \"vitest run\",\n  \"dev\": \"vite\",\n  \"lint\": \"eslint .\",\n"
    "  \"build\": \"tsc -b && vite build\",\n  \"preview\": \"vite preview\",\n  \"format\": \"prettier -w .\",\n  \"typecheck\": \"tsc --noEmit\"\n}\n```")
add("sonnet", "ops", "web", "plain", None, "Vite config change (proxy, aliases, env) with known steps: sonnet.",
    "Here's our vite.config.ts. I need: (1) `/api` proxied to http://localhost:8080 in dev with websockets for `/api/ws`, (2) a `@/` "
    "alias to src that also works in vitest and tsconfig, (3) sourcemaps only in staging builds (we pass `--mode staging`).\n\n"
    "```ts\nimport { defineConfig } from 'vite'\nimport react from '@vitejs/plugin-react'\n\nexport default defineConfig({\n  plugins: [react()],\n"
    "  build: { outDir: 'dist' },\n  test: { environment: 'jsdom', setupFiles: ['./src/test/setup.ts'] },\n})\n```")
add("opus", "debug", "web", "typos", "easy-words-hard",
    "Vague intermittent failure in production with no lead; needs a theory across cache, CDN and auth.",
    "sometimes users see someone elses dashboard for a sec after login. like the name in the header is wrong then it fixes itself "
    "on refresh. happened 3 times this month that we know of. next.js app router, behind cloudfront. no idea where to look")
add("haiku", "question", "web", "plain", None, "Short well-known answer about GraphQL.",
    "What's the difference between a query and a mutation in GraphQL, besides the name?")
add("sonnet", "implement", "web", "plain", None, "Implementing a GraphQL resolver with a DataLoader per spec is everyday work.",
    "Our Apollo Server has an N+1 on `Post.author`. Add a DataLoader for users keyed by id, created per request in the context, "
    "and rewrite the resolver to use it. Schema and current resolver:\n\n```graphql\ntype Post { id: ID! title: String! author: User! }\n"
    "type User { id: ID! name: String! avatarUrl: String }\ntype Query { feed(first: Int = 20): [Post!]! }\n```\n\n```ts\nconst resolvers = {\n"
    "  Query: { feed: (_: unknown, { first }: { first: number }, ctx: Ctx) => ctx.db.post.findMany({ take: first, orderBy: { createdAt: 'desc' } }) },\n"
    "  Post: { author: (p: Post, _: unknown, ctx: Ctx) => ctx.db.user.findUnique({ where: { id: p.authorId } }) },\n};\n```")
add("haiku", "docs", "web", "plain", None, "Writing a short commit message.",
    "commit msg for: replaced moment with date-fns in the invoice table and removed 3 unused locales")
add("sonnet", "review", "mobile", "plain", None, "Reviewing a short Kotlin coroutine diff for correctness: sonnet.",
    "Review this change? Trying to stop the search from firing a request on every keystroke.\n\n```diff\n-    fun onQueryChanged(q: String) {\n"
    "-        viewModelScope.launch { _results.value = repo.search(q) }\n-    }\n+    private val query = MutableStateFlow(\"\")\n"
    "+    val results = query\n+        .debounce(300)\n+        .filter { it.length >= 2 }\n+        .distinctUntilChanged()\n"
    "+        .mapLatest { repo.search(it) }\n+        .stateIn(viewModelScope, SharingStarted.WhileSubscribed(5_000), emptyList())\n"
    "+\n+    fun onQueryChanged(q: String) { query.value = q }\n```")
add("opus", "design", "web", "terse", "short-hard", "Short ask for an auth architecture with token rotation and revocation: security design.",
    "design session mgmt for SPA + mobile + 3rd party API clients. refresh rotation, revocation, reuse detection.")
add("haiku", "question", "web", "typos", None, "Short factual Node question.",
    "whats the node equivalent of __dirname in esm")
add("sonnet", "explain", "web", "plain", None, "Explaining why async code in a loop logs in an unexpected order: subtle async ordering (tie-breaker 7).",
    "Why does this print `done` before the three results, and why are the results out of order?\n\n```js\nconst ids = [3, 1, 2];\n"
    "ids.forEach(async (id) => {\n  const r = await fetch(`/api/items/${id}`).then((x) => x.json());\n  console.log(r.name);\n});\nconsole.log('done');\n```")
add("haiku", "question", "mobile", "terse", None, "Short fact about Android.",
    "what's minSdk vs targetSdk vs compileSdk")
add("sonnet", "debug", "mobile", "typos", None, "React Native build error with an identifiable cause (pods/linking): everyday debugging.",
    "rn 0.74 ios build dies w this after adding react-native-reanimated, android fine\n\n```\n❌  (node_modules/react-native-reanimated/apple/REANodesManager.mm:3:9)\n\n"
    "  1 | #import <RNReanimated/REAModule.h>\n> 3 | #import <React/RCTComponentViewRegistry.h>\n    |         ^ 'React/RCTComponentViewRegistry.h' file not found\n\n"
    "▸ Compiling REANodesManager.mm\n** BUILD FAILED **\n```\nalready did pod install twice")
add("opus", "review", "mobile", "plain", None, "Reviewing concurrent Swift actor code for reentrancy races is concurrency review: opus (tie-breaker 10).",
    "Can you check this token refresher for races? Multiple requests can hit 401 at once and we only want one refresh.\n\n```swift\n"
    "actor TokenStore {\n    private var token: String?\n    private var refreshing = false\n\n    func validToken() async throws -> String {\n"
    "        if let t = token, !isExpired(t) { return t }\n        if refreshing {\n            while refreshing { try await Task.sleep(nanoseconds: 50_000_000) }\n"
    "            return token!\n        }\n        refreshing = true\n        let new = try await api.refresh()\n        token = new\n        refreshing = false\n"
    "        return new\n    }\n}\n```")
add("haiku", "edit", "web", "terse", None, "Converting px values to rem in a few lines is mechanical.",
    "px to rem (16 base):\n\n```css\n.title { font-size: 28px; margin-bottom: 12px; }\n.sub { font-size: 18px; padding: 8px 24px; }\n```")
add("sonnet", "refactor", "web", "plain", None, "Refactoring a component into hooks + smaller components is a standard hour of work.",
    "This component does everything. Split it: a `useOrders` hook for fetching/filtering, an `OrdersTable` presentational component, "
    "and keep `OrdersPage` thin. Keep behaviour identical.\n\n```jsx\nexport default function OrdersPage() {\n  const [orders, setOrders] = useState([]);\n"
    "  const [status, setStatus] = useState('all');\n  const [loading, setLoading] = useState(true);\n  useEffect(() => {\n    setLoading(true);\n"
    "    fetch('/api/orders').then(r => r.json()).then(d => { setOrders(d); setLoading(false); });\n  }, []);\n"
    "  const visible = status === 'all' ? orders : orders.filter(o => o.status === status);\n  if (loading) return <p>Loading…</p>;\n  return (\n    <div>\n"
    "      <select value={status} onChange={e => setStatus(e.target.value)}>\n        <option value=\"all\">All</option>\n        <option value=\"paid\">Paid</option>\n"
    "        <option value=\"refunded\">Refunded</option>\n      </select>\n      <table>\n        <tbody>\n          {visible.map(o => (\n"
    "            <tr key={o.id}><td>{o.number}</td><td>{o.customer}</td><td>{(o.total / 100).toFixed(2)}</td><td>{o.status}</td></tr>\n"
    "          ))}\n        </tbody>\n      </table>\n    </div>\n  );\n}\n```")
add("haiku", "question", "web", "other-language", None, "Short factual question about CSS, in Portuguese.",
    "qual a diferença entre position: absolute e position: fixed no CSS?", language="pt")
add("sonnet", "debug", "web", "other-language", None, "Debugging a Django migration error with a clear message: identifiable cause.",
    "Ciao, quando lancio `python manage.py migrate` ottengo questo errore e non capisco perché, la colonna esiste già in produzione:\n\n"
    "```\ndjango.db.utils.ProgrammingError: column \"discount_code\" of relation \"orders_order\" already exists\n```\n\n"
    "Qualcuno l'aveva aggiunta a mano con una ALTER TABLE. Come sistemo le migrazioni senza perdere dati?", language="it")
add("opus", "design", "web", "other-language", None, "Open design of a multi-tenant architecture with isolation trade-offs, in Portuguese.",
    "Estamos transformando nosso SaaS (Rails + Postgres) em multi-tenant. Hoje cada cliente tem seu próprio banco. Precisamos decidir "
    "entre schema por tenant, coluna tenant_id com RLS, ou manter bancos separados. Temos uns 300 clientes, 5 deles são enormes. "
    "Quero uma recomendação justificada e um plano de migração.", language="pt")

# ================================================================ batch 3
add("opus", "debug", "web", "verbose", "easy-words-hard",
    "Lost updates described in prose with no lead; likely a race across tabs/requests, needs a consistency theory.",
    "Okay so this is weird and I've spent two days on it. We have a kanban board (React + Express + Postgres). When two people "
    "move cards in the same column at about the same time, sometimes one of the moves just... doesn't stick. Both people see "
    "their move succeed, the API returns 200 for both, but after a refresh one card is back where it was. It doesn't happen "
    "when only one person is using the board. We store a `position` integer on each card and when you move a card we read all "
    "the cards in the column, recompute positions in JS, and write them back. I tried adding a transaction but it still happens. "
    "What is going on and what's the right way to do ordering like this?")
add("haiku", "question", "web", "terse", None, "Well-known HTTP status code meaning.",
    "409 vs 422 for a duplicate email on signup?")
add("sonnet", "implement", "web", "non-native", None, "Implementing a form with validation per clear spec: everyday.",
    "I need to make a signup form in React with react-hook-form and zod. Fields are email, password (min 12, one number), "
    "confirm password must be same, and checkbox for terms must be checked. Show the errors under each field. Please give me the "
    "full component, I am not understand how to connect zod with the form.")
add("haiku", "explain", "web", "plain", None, "Explaining a few lines of CSS in a sentence.",
    "what does `inset: 0` do here\n\n```css\n.overlay { position: fixed; inset: 0; background: rgb(0 0 0 / .5); }\n```")
add("opus", "design", "web", "plain", None, "Choosing a rendering/caching architecture with trade-offs for a large site: design.",
    "We're rebuilding a marketplace frontend (2M product pages, prices change every few minutes, heavy SEO). Options on the table: "
    "Next.js ISR, full SSR at the edge with a short CDN TTL, or static shells + client fetch for price/stock. Walk me through the "
    "trade-offs for cache invalidation, crawl budget and origin load, and recommend one.")
add("sonnet", "debug", "web", "plain", None, "Hydration mismatch with a clear cause in the pasted code: identifiable, sonnet.",
    "Next 14 keeps warning:\n\n```\nWarning: Text content did not match. Server: \"11/20/2026, 10:41:03 AM\" Client: \"20/11/2026, 11:41:03\"\n"
    "    at time\n    at LastUpdated (webpack-internal:///./components/LastUpdated.tsx:9:11)\n```\n\n```tsx\nexport function LastUpdated({ at }: { at: string }) {\n"
    "  return <time dateTime={at}>{new Date(at).toLocaleString()}</time>;\n}\n```\nFix?")
add("haiku", "question", "mobile", "typos", None, "Short factual iOS question.",
    "where do i put the NSCameraUsageDescription thing, info.plist right? app crashes when opening camera")
add("sonnet", "implement", "mobile", "terse", None, "Implementing a SwiftUI view with async image loading and pagination: everyday.",
    "swiftui list of products, AsyncImage thumbs, infinite scroll (load next page when last row appears), pull to refresh. "
    "API: GET /products?page=n -> {items:[{id,name,price,thumb}], hasMore}. use @Observable.")
add("opus", "debug", "mobile", "plain", None, "Memory growth across app sessions without a lead; needs profiling analysis and a theory.",
    "Our Android app's memory climbs about 30MB every time you open and close the product detail screen, and after ~15 times "
    "it gets OOM-killed on low-end devices. LeakCanary shows nothing. It's a Fragment with a Compose view inside, ExoPlayer for the "
    "product video and a WebView for the description. How do I track this down, and what are the likely culprits given this mix?")
add("haiku", "edit", "mobile", "plain", None, "Adding doc comments to a tiny Swift function is mechanical.",
    "Add a /// doc comment to this:\n\n```swift\nfunc formattedPrice(_ cents: Int, currency: String) -> String {\n"
    "    let f = NumberFormatter()\n    f.numberStyle = .currency\n    f.currencyCode = currency\n    return f.string(from: NSNumber(value: Double(cents) / 100)) ?? \"\"\n}\n```")
add("haiku", "edit", "mobile", "follow-up", None, "Follow-up asking for a trivial addition (a parameter doc line).",
    "also mention in the doc that it returns empty string if formatting fails")
add("sonnet", "test", "mobile", "plain", None, "Writing unit tests for an existing ViewModel: everyday.",
    "Write JUnit5 + Turbine tests for this ViewModel: loading -> success, loading -> error, and retry after error.\n\n```kotlin\n"
    "class OrdersViewModel(private val repo: OrdersRepo, private val dispatcher: CoroutineDispatcher = Dispatchers.IO) : ViewModel() {\n"
    "    private val _state = MutableStateFlow<UiState>(UiState.Loading)\n    val state: StateFlow<UiState> = _state\n\n"
    "    init { load() }\n\n    fun load() {\n        _state.value = UiState.Loading\n        viewModelScope.launch(dispatcher) {\n"
    "            _state.value = runCatching { repo.orders() }.fold({ UiState.Success(it) }, { UiState.Error(it.message ?: \"error\") })\n"
    "        }\n    }\n}\n```")
add("opus", "review", "security", "terse", None, "Security review of a JWT verification middleware: subtle mistakes are vulnerabilities.",
    "anything wrong with this?\n\n```js\nfunction auth(req, res, next) {\n  const token = (req.headers.authorization || '').split(' ')[1];\n"
    "  const [h, p, s] = token.split('.');\n  const header = JSON.parse(Buffer.from(h, 'base64url'));\n"
    "  const key = header.alg === 'HS256' ? process.env.JWT_SECRET : publicKeys[header.kid];\n"
    "  const ok = jwt.verify(token, key, { algorithms: [header.alg] });\n  req.user = ok;\n  next();\n}\n```")
add("haiku", "question", "web", "plain", "hard-words-easy", "Intimidating terms but a short well-known definition.",
    "What does 'idempotency key' mean in the Stripe API docs, in one or two sentences?")
add("sonnet", "implement", "web", "plain", None, "Integrating Stripe webhooks with signature verification per docs: known steps.",
    "Implement a Stripe webhook handler in our Express app for checkout.session.completed and invoice.payment_failed. Verify the "
    "signature with the raw body (we use express.json() globally right now, so fix that for this route), mark the order paid / "
    "flag the subscription, and make it safe if Stripe delivers the same event twice.")
add("opus", "plan", "web", "plain", "easy-words-hard",
    "Plain words, but it's a multi-step migration plan across a large frontend codebase: opus.",
    "We have about 400 React class components and a Redux store that everybody is scared of. Leadership wants us on function "
    "components and React Query within two quarters while shipping features. How would you plan this so we don't break everything?")
add("haiku", "question", "web", "non-native", None, "Short factual question about npm.",
    "What is the different between npm ci and npm install? In our pipeline which is better to use?")
add("sonnet", "ops", "web", "plain", None, "Writing a CI workflow with caching and matrix: build config, sonnet.",
    "Write a GitHub Actions workflow for our pnpm monorepo: install with cache, typecheck, lint, run vitest for packages that "
    "changed (we use turbo), build the web app, and upload the dist as an artifact on main only. Node 20 and 22 matrix for tests.")
add("haiku", "question", "tooling", "terse", None, "One-line shell answer.",
    "kill whatever is on port 3000 mac")
add("opus", "implement", "web", "terse", "short-hard", "Short ask for a correct collaborative-editing algorithm: novel/concurrent algorithm.",
    "implement OT for a plain-text collaborative editor, server + client, with correct transform for concurrent inserts/deletes")
add("sonnet", "debug", "web", "typos", None, "Webpack build error with a clear cause (missing loader/polyfill): identifiable.",
    "upgraded to webpack 5 and now\n\n```\nERROR in ./node_modules/jsonwebtoken/node_modules/jws/lib/data-stream.js 4:13-30\nModule not found: Error: Can't resolve 'stream' in '/app/node_modules/jsonwebtoken/node_modules/jws/lib'\n\n"
    "BREAKING CHANGE: webpack < 5 used to include polyfills for node.js core modules by default.\nThis is no longer the case. Verify if you need this module and configure a polyfill for it.\n```\n"
    "y is jsonwebtoken even in the frontend bundle lol. what do i do")
add("haiku", "question", "web", "plain", None, "Short factual TypeScript question.",
    "TypeScript: when should I use `unknown` instead of `any`?")
add("sonnet", "explain", "web", "plain", None, "Explaining a non-trivial TypeScript generic type of a dozen lines: sonnet.",
    "Can someone explain what this type actually does step by step? Found it in our codebase and nobody remembers writing it.\n\n"
    "```ts\ntype DeepPartial<T> = T extends Function\n  ? T\n  : T extends Array<infer U>\n    ? Array<DeepPartial<U>>\n    : T extends object\n"
    "      ? { [K in keyof T]?: DeepPartial<T[K]> }\n      : T;\n\ntype Paths<T, P extends string = ''> = {\n  [K in keyof T & string]: T[K] extends object\n"
    "    ? Paths<T[K], `${P}${K}.`> | `${P}${K}`\n    : `${P}${K}`;\n}[keyof T & string];\n```")
add("opus", "debug", "web", "plain", None, "Performance cliff needing analysis across rendering, memory and event handling: opus.",
    "Our React data grid is fine with 1k rows, but at about 8k rows typing in the filter box freezes the tab for several seconds "
    "and Chrome sometimes shows 'page unresponsive'. We already memoize rows with React.memo and virtualize with react-window. "
    "The profiler shows a long 'Recalculate style' and a big commit. I can share the component but first: how would you analyse "
    "this and what are the likely causes?")
add("sonnet", "debug", "web", "follow-up", None, "Follow-up that only points back to earlier context: unknown work, sonnet (tie-breaker 8).",
    "ok here's the component, try again with this")
add("haiku", "question", "mobile", "plain", None, "Short factual Flutter question.",
    "In Flutter, what's the difference between `const` and `final` for a widget field?")
add("sonnet", "implement", "mobile", "non-native", None, "Flutter feature with clear spec (Riverpod + pagination): everyday.",
    "I have to do infinite list in Flutter using Riverpod 2 (AsyncNotifier). API give me page and total. Also pull-to-refresh and "
    "show error with retry button at bottom if next page fail. Can you write the notifier and widget? I use dio.")
add("opus", "design", "mobile", "non-native", None, "Designing offline sync with conflict handling for a field app: distributed consistency.",
    "We are developing app for technicians who work in places without internet (basements, factories). They fill forms, take "
    "photos, and the office also can edit same job in web. When the technician come online, we must sync everything and not lose "
    "anything. How we should design this? Flutter app, backend is Django. Please explain what to do with conflicts.")
add("haiku", "edit", "web", "plain", None, "Fixing one typo in a string is mechanical.",
    "fix the spelling in this toast: `toast.success('Your adress was sucessfully updated')`")
add("sonnet", "implement", "web", "verbose", None, "Implementing an auth flow (OAuth callback + session) with clear steps: sonnet.",
    "I'm building my first real project with Django and I want users to log in with GitHub. I've read about OAuth and I think I "
    "understand the flow: the user clicks a button, gets redirected to GitHub, GitHub sends them back with a code, and then my "
    "server exchanges the code for a token. I don't want to use django-allauth because I want to understand it. Can you write the "
    "two views (redirect and callback) with the state parameter check, creating or updating the user, and logging them in? I'm "
    "using Django 5 and requests. Please also explain where the state is stored between the two requests.")
add("haiku", "question", "web", "terse", None, "Well-known cookie attribute fact.",
    "SameSite=Lax vs Strict, one line each")
add("opus", "design", "security", "plain", None, "Threat model for a file upload feature: security analysis.",
    "We're adding user avatar and document uploads (PDF, images) to our Rails app, stored in S3, served through CloudFront, and "
    "thumbnails generated with ImageMagick in a Sidekiq job. Can you threat-model this and tell us what we must do before launch?")
add("haiku", "question", "web", "plain", None, "Short how-to with a well-known answer in Rails.",
    "how do I add an index to an existing column in a Rails migration?")
add("sonnet", "debug", "web", "plain", None, "Rails N+1 / stack trace with an identifiable cause: everyday.",
    "This page takes 9 seconds. Log excerpt:\n\n```\nStarted GET \"/admin/orders\" for 10.0.3.17 at 2026-11-18 09:12:44 +0000\n"
    "Processing by Admin::OrdersController#index as HTML\n  Order Load (4.1ms)  SELECT \"orders\".* FROM \"orders\" ORDER BY created_at DESC LIMIT 50\n"
    "  Customer Load (0.9ms)  SELECT \"customers\".* FROM \"customers\" WHERE \"customers\".\"id\" = $1 LIMIT $2  [[\"id\", 8812], [\"LIMIT\", 1]]\n"
    "  LineItem Load (1.3ms)  SELECT \"line_items\".* FROM \"line_items\" WHERE \"line_items\".\"order_id\" = $1  [[\"order_id\", 99120]]\n"
    "  Product Load (0.7ms)  SELECT \"products\".* FROM \"products\" WHERE \"products\".\"id\" = $1 LIMIT $2  [[\"id\", 301], [\"LIMIT\", 1]]\n"
    "  Product Load (0.6ms)  SELECT \"products\".* FROM \"products\" WHERE \"products\".\"id\" = $1 LIMIT $2  [[\"id\", 1177], [\"LIMIT\", 1]]\n"
    "  ... (about 1,900 more lines like this)\nCompleted 200 OK in 9120ms (Views: 2210.4ms | ActiveRecord: 6540.2ms | Allocations: 4120551)\n```\n\n"
    "View does `order.customer.name` and `order.line_items.sum { |li| li.product.price * li.qty }`. Fix it.")
add("haiku", "question", "databases", "terse", None, "Single-table SELECT one-liner.",
    "sql: orders from last 7 days where status = 'failed', newest first")
add("opus", "debug", "databases", "plain", None, "Deadlocks under load needing a theory on lock ordering across transactions: opus.",
    "We get `deadlock detected` from Postgres a few dozen times a day, only during the evening peak. It's always between our "
    "'reserve stock' transaction and the nightly-ish 'reconcile' job that also runs every 10 minutes. Both touch inventory and "
    "order_lines but in different code paths (Django ORM, select_for_update in one, bulk_update in the other). How do I figure out "
    "the lock order and fix it for good?")
add("sonnet", "implement", "web", "plain", None, "A custom hook with abort and retry semantics per spec: everyday.",
    "write a `useFetch<T>(url, { retries, retryDelayMs })` hook in TS: aborts on unmount or url change (AbortController), exponential "
    "backoff on network errors and 5xx only, returns { data, error, loading, refetch }")
add("haiku", "question", "web", "typos", None, "Short factual question about browser storage.",
    "localstorage vs sessionstorage whats the actual diff")
add("sonnet", "docs", "web", "plain", None, "Writing a README section for a component library with examples: a medium text task.",
    "Write the README for our internal `@acme/ui` package: install, theming with the `ThemeProvider`, the 5 core components "
    "(Button, Input, Select, Modal, Toast) with a short usage example each, and a contributing section (storybook, changesets).")
add("opus", "design", "web", "plain", None, "Designing a real-time notification system with delivery guarantees: distributed design.",
    "Design the notification system for our app: in-app (websocket), push (APNs/FCM) and email, user preferences per channel, "
    "no duplicates when a user has 3 devices, and nothing lost when a websocket node restarts. We're on Node + Postgres + Redis, "
    "about 200k DAU. What components, what guarantees, and where would it break?")
add("haiku", "question", "mobile", "terse", None, "One-line Android answer.",
    "adb command to clear app data for com.shop.app")
add("sonnet", "debug", "mobile", "plain", None, "Gradle dependency conflict with a clear duplicate-class error: identifiable cause.",
    "```\nExecution failed for task ':app:checkDebugDuplicateClasses'.\n> A failure occurred while executing com.android.build.gradle.internal.tasks.CheckDuplicatesRunnable\n"
    "   > Duplicate class kotlin.collections.jdk8.CollectionsJDK8Kt found in modules kotlin-stdlib-1.8.22 (org.jetbrains.kotlin:kotlin-stdlib:1.8.22) "
    "and kotlin-stdlib-jdk8-1.7.10 (org.jetbrains.kotlin:kotlin-stdlib-jdk8:1.7.10)\n```\nhow do I resolve this cleanly?")
add("haiku", "question", "web", "other-language", None, "Short factual JS question in Italian.",
    "differenza tra == e === in JavaScript? esempio veloce", language="it")
add("sonnet", "implement", "web", "other-language", None, "Implementing a paginated Vue component per clear spec, in Portuguese.",
    "Preciso de um componente Vue 3 (script setup, TypeScript) que mostre uma tabela de clientes com paginação no servidor, busca com "
    "debounce de 300ms e ordenação por coluna. A API é GET /api/clientes?page=&q=&sort=nome&dir=asc e devolve { itens, total }.", language="pt")
add("opus", "debug", "web", "other-language", None, "Intermittent duplicate payments without a clear lead: needs a theory across retries and webhooks, in Italian.",
    "Da qualche settimana alcuni clienti vengono addebitati due volte, forse uno ogni mille ordini. Backend Node con Stripe, "
    "frontend React. Non troviamo errori nei log. Abbiamo retry automatici su axios e un webhook che conferma l'ordine. "
    "Da dove partiresti e quale pensi sia la causa?", language="it")
add("haiku", "edit", "web", "plain", None, "Reformatting a small object literal is mechanical.",
    "make this one object per line, trailing commas, single quotes:\n\n```js\nconst routes=[{path:\"/\",name:\"home\"},{path:\"/about\",name:\"about\"},{path:\"/cart\",name:\"cart\"}]\n```")
add("sonnet", "refactor", "web", "plain", None, "Migrating a Vue 2 Options API component to Composition API: several careful steps.",
    "Move this Vue 2 component to Vue 3 `<script setup>` with TS. Keep the same props/emits.\n\n```vue\n<script>\nexport default {\n"
    "  props: { value: Number, max: { type: Number, default: 5 } },\n  data() { return { hover: null } },\n  computed: {\n"
    "    stars() { return Array.from({ length: this.max }, (_, i) => i + 1) },\n  },\n  methods: {\n"
    "    pick(n) { this.$emit('input', n) },\n    enter(n) { this.hover = n },\n    leave() { this.hover = null },\n  },\n}\n</script>\n\n"
    "<template>\n  <div class=\"rating\" @mouseleave=\"leave\">\n    <span v-for=\"n in stars\" :key=\"n\" @mouseenter=\"enter(n)\" @click=\"pick(n)\"\n"
    "          :class=\"{ on: n <= (hover || value) }\">★</span>\n  </div>\n</template>\n```")
add("haiku", "question", "general", "plain", None, "Short factual question.",
    "What's the difference between UTC and GMT, practically, for timestamps in an API?")
add("opus", "explain", "web", "plain", None, "Semantics of the JS event loop with microtasks across await and MessageChannel is subtle concurrency reasoning.",
    "Predict the exact output order and justify each step precisely (microtask vs macrotask, await unwrapping of thenables, "
    "queueMicrotask vs MessageChannel):\n\n```js\nconst ch = new MessageChannel();\nch.port1.onmessage = () => console.log('mc');\n"
    "setTimeout(() => console.log('t0'), 0);\n(async () => {\n  console.log('a1');\n  await { then(r) { console.log('th'); r(); } };\n"
    "  console.log('a2');\n  await null;\n  console.log('a3');\n})();\nqueueMicrotask(() => console.log('qm'));\nch.port2.postMessage(null);\n"
    "Promise.resolve().then(() => console.log('p1')).then(() => console.log('p2'));\nconsole.log('sync');\n```")

# ================================================================ batch 4
add("haiku", "question", "mobile", "plain", "hard-words-easy", "Scary-sounding term, but a short definitional answer.",
    "What does 'bitcode' mean in Xcode build settings and is it still a thing?")
add("haiku", "edit", "mobile", "plain", "hard-words-easy",
    "Consensus/crypto vocabulary in the file, but the task is fixing one comment typo.",
    "Fix the typo in the doc comment only (\"recieved\"), leave the code alone:\n\n```swift\n/// Verifies the Ed25519 signature of a recieved attestation envelope\n"
    "/// against the pinned device key before the Secure Enclave releases the session secret.\nfunc verifyAttestation(_ env: AttestationEnvelope, pinned: Curve25519.Signing.PublicKey) throws -> Bool {\n"
    "    guard env.version == 2 else { throw AttestationError.unsupportedVersion }\n    return pinned.isValidSignature(env.signature, for: env.payload)\n}\n```")
add("opus", "design", "mobile", "terse", "short-hard", "Short ask, but it's an end-to-end encryption protocol design: cryptography, opus.",
    "e2e encrypted chat for our RN app, multi-device. key distribution + rotation. go.")
add("sonnet", "implement", "mobile", "plain", None, "React Native feature with clear spec (deep links + navigation): everyday.",
    "Set up deep links in our React Native app (React Navigation 6, Expo bare): `shop://product/:id` and universal links "
    "`https://shop.example/p/:id` should open ProductScreen, `.../cart` opens the Cart tab. Show the linking config, the iOS "
    "associated domains/AppDelegate bits and the Android intent filters.")
add("haiku", "question", "mobile", "typos", None, "Short factual RN question.",
    "expo go vs dev build whats the point of dev build")
add("sonnet", "debug", "mobile", "verbose", None, "Keyboard covering input in RN: a known issue with identifiable fix.",
    "Hi, sorry, beginner question maybe. In my React Native app I have a login screen with two TextInputs at the bottom of the "
    "screen. On iOS when the keyboard opens it covers the password field so the user can't see what they type. On Android it "
    "seems OK. I tried wrapping everything in a KeyboardAvoidingView like the docs say, with behavior='padding', but then on "
    "Android it jumps weirdly and on iOS it still covers half of the field. I also have a SafeAreaView around it and a header from "
    "react-navigation. Here is my code:\n\n```tsx\nexport default function Login() {\n  return (\n    <SafeAreaView style={{ flex: 1 }}>\n"
    "      <KeyboardAvoidingView behavior=\"padding\" style={{ flex: 1 }}>\n        <View style={{ flex: 1, justifyContent: 'flex-end', padding: 24 }}>\n"
    "          <Logo />\n          <TextInput placeholder=\"Email\" style={styles.input} />\n          <TextInput placeholder=\"Password\" secureTextEntry style={styles.input} />\n"
    "          <Button title=\"Log in\" onPress={login} />\n        </View>\n      </KeyboardAvoidingView>\n    </SafeAreaView>\n  );\n}\n```\n"
    "What am I doing wrong? Thank you very much in advance!")
add("opus", "debug", "mobile", "typos", "easy-words-hard", "Vague intermittent hang on app launch, only some devices, no lead: opus.",
    "app sometimes just freezes on the splash screen on some android phones. not crash, just stuck. mostly samsung? maybe? "
    "restarting fixes it. happens since we added the new analytics sdk and moved init to App.onCreate but could be coincidence")
add("haiku", "question", "mobile", "non-native", None, "Short factual question about Kotlin.",
    "Kotlin — what is the difference between `lateinit var` and `by lazy`? When I use each?")
add("sonnet", "refactor", "mobile", "plain", None, "Migrating LiveData to StateFlow in a ViewModel + fragment: several careful steps.",
    "Convert this ViewModel from LiveData to StateFlow and update the fragment to collect it with repeatOnLifecycle.\n\n```kotlin\n"
    "class CartViewModel(private val repo: CartRepo) : ViewModel() {\n    private val _items = MutableLiveData<List<CartItem>>(emptyList())\n"
    "    val items: LiveData<List<CartItem>> = _items\n    val total: LiveData<Long> = _items.map { list -> list.sumOf { it.priceCents * it.qty } }\n"
    "    private val _error = MutableLiveData<String?>()\n    val error: LiveData<String?> = _error\n\n    fun load() = viewModelScope.launch {\n"
    "        try { _items.value = repo.items() } catch (e: IOException) { _error.value = e.message }\n    }\n}\n\n"
    "// CartFragment\nviewModel.items.observe(viewLifecycleOwner) { adapter.submitList(it) }\n"
    "viewModel.total.observe(viewLifecycleOwner) { binding.total.text = formatCents(it) }\n"
    "viewModel.error.observe(viewLifecycleOwner) { it?.let { msg -> Snackbar.make(binding.root, msg, LENGTH_LONG).show() } }\n```")
add("sonnet", "test", "mobile", "follow-up", None, "Follow-up asking for tests of the refactored code: sonnet per tie-breaker 8.",
    "cool, add tests for that viewmodel too")
add("haiku", "edit", "mobile", "follow-up", None, "Follow-up asking to rename a variable: mechanical.",
    "and rename `_error` to `_errorMessage` and `error` to `errorMessage`")
add("opus", "explain", "mobile", "plain", None, "Explaining Swift concurrency semantics (actor reentrancy, Sendable, isolation) precisely: opus per tie-breaker 7.",
    "Explain precisely why this code can still produce a data race-like bug even though it's an actor, and what guarantees "
    "Swift's actor isolation does and does not give across suspension points:\n\n```swift\nactor ImageCache {\n    var cache: [URL: UIImage] = [:]\n"
    "    func image(for url: URL) async throws -> UIImage {\n        if let hit = cache[url] { return hit }\n"
    "        let (data, _) = try await URLSession.shared.data(from: url)\n        let img = UIImage(data: data)!\n        cache[url] = img\n        return img\n    }\n}\n```")
add("haiku", "question", "web", "terse", None, "Well-known one-liner.",
    "regex for hex color, 3 or 6 digits, optional #")
add("sonnet", "implement", "web", "terse", None, "Middleware with clear spec (token bucket per key in Redis): everyday backend work.",
    "express rate limiter middleware, redis, sliding window, 100 req/min per api key, 429 + Retry-After. no library.")
add("opus", "review", "web", "plain", None, "Reviewing a distributed rate limiter's atomicity under concurrency: opus per tie-breaker 10.",
    "We run this rate limiter on 12 Node instances against one Redis. Under load tests some keys get ~130 requests through per "
    "minute instead of 100. Review it for correctness under concurrency and tell me exactly where it breaks.\n\n```js\nasync function allow(key) {\n"
    "  const now = Date.now();\n  const windowStart = now - 60_000;\n  await redis.zremrangebyscore(key, 0, windowStart);\n  const count = await redis.zcard(key);\n"
    "  if (count >= 100) return false;\n  await redis.zadd(key, now, `${now}`);\n  await redis.expire(key, 60);\n  return true;\n}\n```")
add("haiku", "question", "web", "plain", None, "Short factual question about REST design.",
    "Should the collection name in a REST URL be plural? e.g. /user/42 or /users/42")
add("sonnet", "design", "web", "plain", None, "Designing a REST API for a well-understood domain with clear needs: medium, sonnet.",
    "Draft the REST endpoints (paths, methods, status codes, request/response shapes) for a simple booking feature: list "
    "available slots for a service on a date, book a slot, cancel a booking, list my bookings. Just a clean contract, OpenAPI-ish.")
add("haiku", "docs", "web", "plain", None, "Writing a one-line changelog entry.",
    "changelog line for: fixed the date picker showing the wrong month when the locale starts weeks on Monday")
add("opus", "debug", "web", "plain", None, "Memory leak under load in Node with no clear lead: needs heap analysis theory.",
    "Our Next.js server (standalone output, Node 20, k8s) grows from 300MB to the 2GB limit in about 6 hours and gets OOMKilled. "
    "Only in production, traffic ~150 rps. Heap snapshots show lots of retained `IncomingMessage` and closures from our i18n "
    "middleware, but the middleware looks stateless to me. How do I prove where it is retained and fix it?")
add("sonnet", "ops", "web", "typos", None, "nginx config for SPA + API proxy with known steps: sonnet.",
    "nginx conf for: react spa at / (history fallback to index.html), /api -> node on 127.0.0.1:4000, websockets on /socket, gzip, "
    "cache hashed assets forever but never index.html. ssl already done by certbot so just the server block pls")
add("haiku", "question", "web", "terse", None, "One-line HTTP header fact.",
    "header to stop the browser caching an html page")
add("sonnet", "debug", "web", "plain", None, "Vue reactivity pitfall with an identifiable cause.",
    "Vue 3: I push into an array inside a reactive object, the template doesn't update until I type somewhere else.\n\n```js\n"
    "const state = reactive({ todos: [] })\nlet list = state.todos\nfunction add(t) {\n  list = [...list, { id: Date.now(), t }]\n}\n```\nwhy?")
add("opus", "plan", "web", "plain", None, "Large multi-step migration across a codebase (JS -> TS monorepo, build system): opus.",
    "We have a 300k-line JavaScript monorepo (Express APIs, a React admin, shared libs, no types, Babel + webpack 4, Jest). We want "
    "TypeScript everywhere, Vite for the frontend, and strict mode eventually. Give me a phased plan that a 12-person team can run "
    "without a feature freeze, including how to order packages, what to do about the shared libs used by both, and how we know we're done.")
add("haiku", "question", "web", "other-language", None, "Short factual question in Portuguese about HTTP.",
    "O que significa o status HTTP 418? É usado de verdade?", language="pt")
add("sonnet", "implement", "mobile", "other-language", None, "SwiftUI form with validation per clear spec, in Italian.",
    "Mi serve una schermata SwiftUI per il cambio password: password attuale, nuova password, conferma. Il bottone 'Salva' deve "
    "essere disabilitato finché la nuova password non ha almeno 10 caratteri e coincide con la conferma. Mostra un errore sotto "
    "il campo se non coincidono. Usa @Observable.", language="it")
add("haiku", "question", "mobile", "terse", None, "One-line simctl command.",
    "xcrun simctl cmd to open a url in the booted sim")
add("sonnet", "debug", "mobile", "plain", None, "Xcode signing error with an identifiable cause (provisioning profile / entitlements).",
    "Archive fails on CI only:\n\n```\nerror: Provisioning profile \"match AppStore com.shop.app\" doesn't include the com.apple.developer.associated-domains entitlement. "
    "(in target 'Shop' from project 'Shop')\nerror: Provisioning profile \"match AppStore com.shop.app\" doesn't support the Associated Domains capability. (in target 'Shop' from project 'Shop')\n"
    "** ARCHIVE FAILED **\n```\n\nWe added universal links last week. Locally it archives fine with automatic signing. We use fastlane match.")
add("opus", "design", "mobile", "plain", None, "Designing a modular architecture for a large iOS codebase with trade-offs: opus.",
    "Our iOS app is one target with 1,100 Swift files; clean builds take 14 minutes and incremental builds after touching a model "
    "take 3. I want to split it into SPM modules. How do I decide the module boundaries, what goes in the core, how do features "
    "talk to each other without a dependency mess, and in what order do we carve it out?")
add("haiku", "explain", "mobile", "plain", None, "Explaining a common crash message briefly.",
    "what does 'Thread 1: Fatal error: Unexpectedly found nil while implicitly unwrapping an Optional value' usually mean? it's on an IBOutlet")
add("sonnet", "implement", "mobile", "plain", None, "Implementing background work with WorkManager per clear spec: everyday.",
    "Implement a periodic sync with WorkManager: every 6h, only on unmetered network and when charging, exponential backoff on "
    "failure, unique work so it's not enqueued twice on app start. The worker calls `SyncRepository.syncAll()` (suspend). Hilt for DI.")
add("haiku", "question", "general", "plain", "hard-words-easy", "Sounds like distributed systems, but it's a one-line definition.",
    "what does the 'eventual' in eventual consistency mean, in plain english, one sentence")
add("sonnet", "explain", "web", "plain", None, "Explaining a non-trivial Express middleware chain of dozens of lines: sonnet.",
    "Can you walk me through what this middleware does and in what order things happen? I inherited it.\n\n```js\n"
    "module.exports = function tenantContext(opts = {}) {\n  const cache = new Map();\n  return async function (req, res, next) {\n"
    "    const host = (req.headers['x-forwarded-host'] || req.hostname || '').toLowerCase();\n    const slug = host.split('.')[0];\n"
    "    if (opts.skip && opts.skip.includes(req.path)) return next();\n    let tenant = cache.get(slug);\n    if (!tenant || tenant.expires < Date.now()) {\n"
    "      const row = await db.oneOrNone('select * from tenants where slug = $1 and active', [slug]);\n      if (!row) return res.status(404).json({ error: 'unknown_tenant' });\n"
    "      tenant = { row, expires: Date.now() + (opts.ttlMs || 60_000) };\n      cache.set(slug, tenant);\n    }\n    req.tenant = tenant.row;\n"
    "    res.locals.tenant = tenant.row;\n    res.setHeader('x-tenant', tenant.row.slug);\n    await db.none('select set_config($1, $2, true)', ['app.tenant_id', tenant.row.id]);\n"
    "    next();\n  };\n};\n```")
add("opus", "review", "security", "follow-up", None, "Follow-up asking whether the tenant middleware leaks data across tenants: a security/isolation review.",
    "wait, is that set_config with is_local=true actually safe with a pooled connection outside a transaction? could one tenant see another's rows?")
add("haiku", "question", "web", "terse", None, "Short fact about JS.",
    "Array.prototype.at(-1) support in safari?")
add("sonnet", "implement", "web", "non-native", None, "Implementing a file upload with progress in React: clear spec.",
    "How to make upload of big file in React with progress bar? Backend give me presigned S3 url (PUT). I want the user can cancel "
    "also. Please write the component with TypeScript, fetch don't have progress I think so maybe XMLHttpRequest?")
add("opus", "implement", "web", "plain", "short-hard", "Short but hard: resumable multipart uploads with integrity and concurrency is careful distributed work.",
    "Make uploads resumable across page reloads and flaky networks for files up to 50GB.")
add("haiku", "edit", "web", "typos", None, "Converting a small object to TS interface is mechanical.",
    "make a ts interface from this json pls\n\n```json\n{\"id\": 12, \"email\": \"a@b.co\", \"roles\": [\"admin\"], \"lastLogin\": null, \"profile\": {\"name\": \"Ada\", \"avatar\": \"https://x/y.png\"}}\n```")
add("sonnet", "implement", "web", "plain", None, "Implementing a Django REST endpoint with permissions and filtering per spec.",
    "DRF: add a `ReviewViewSet` for `/products/{product_pk}/reviews/` (nested router). Anyone can list, only authenticated users "
    "can create, only the author can update/delete, one review per user per product (return 400 otherwise), order by newest, "
    "filter by `?rating=`. Models exist: Product, Review(product FK, author FK, rating 1-5, body, created_at).")
add("haiku", "question", "web", "plain", None, "Short factual Django question.",
    "In Django, what's the difference between `null=True` and `blank=True`?")
add("opus", "debug", "web", "plain", "easy-words-hard", "Occasional missing data across async jobs with no lead: needs a theory.",
    "Every now and then a user signs up and never gets the welcome email, and their 'onboarding' row is missing too. Maybe 1 in 500. "
    "Signup is a Django view, then we enqueue a Celery task. Nothing in Sentry. What's happening?")
add("sonnet", "debug", "web", "follow-up", None, "Follow-up with a hint pointing at a likely cause; still debugging from a lead: sonnet.",
    "ok I checked, we call `send_welcome.delay(user.id)` inside the `with transaction.atomic():` block. does that matter?")
add("haiku", "question", "web", "typos", None, "Short factual Node question.",
    "how do i read env vars in node without dotenv now, i heard theres a flag")
add("sonnet", "test", "web", "plain", None, "Writing Playwright e2e tests for a known flow: everyday.",
    "Write Playwright tests (TS) for our login flow: successful login redirects to /dashboard, wrong password shows the error "
    "banner, 'remember me' persists the session after reopening the context, and the lockout message after 5 failed attempts. "
    "Selectors use data-testid. Use a fixture for a seeded test user.")
add("opus", "design", "web", "terse", "short-hard", "Short prompt asking for a globally consistent counter design: distributed systems.",
    "globally unique, roughly time-ordered order numbers across 4 regions, no coordination on the hot path. design it")
add("haiku", "question", "mobile", "plain", None, "Short factual Flutter/dart question.",
    "How do I pick the last element of a List in Dart?")
add("sonnet", "debug", "mobile", "non-native", None, "Flutter setState after dispose error with clear cause.",
    "I get this error when I go back fast from the screen before data is loaded:\n\n```\nE/flutter (12044): [ERROR:flutter/runtime/dart_vm_initializer.cc(41)] Unhandled Exception: "
    "setState() called after dispose(): _ProfilePageState#3a1f2(lifecycle state: defunct, not mounted)\n```\nMy code call API in initState and then setState. How to fix correct way?")
add("opus", "debug", "mobile", "plain", None, "Jank that only appears on some devices with no profile yet: performance analysis needed.",
    "Our Flutter feed scrolls at 60fps on iPhones and Pixels but stutters badly on mid-range Samsungs (A-series), especially the "
    "first time you scroll through. Images are cached_network_image, cards have shadows and a blur header. What's the method to "
    "find the real cause here, and what are the likely suspects (shader compilation? raster thread? decode?)")
add("haiku", "question", "mobile", "terse", None, "Short fact.",
    "flutter: how to hide debug banner")
add("sonnet", "implement", "mobile", "plain", None, "Platform channel implementation with clear spec: everyday, multiple files.",
    "Write a Flutter MethodChannel plugin call `getBatteryHealth` that returns a map {level, isCharging, temperatureC}: Dart side, "
    "Kotlin side (BatteryManager + sticky intent), Swift side (UIDevice, temperature null on iOS).")
add("haiku", "question", "web", "other-language", None, "Short factual question about React in Italian.",
    "a cosa serve la prop key nelle liste in React?", language="it")
add("opus", "design", "web", "non-native", None, "Choosing an event-driven architecture with ordering/exactly-once concerns: distributed design.",
    "Our shop have monolith in Django, now we want split orders, payments and inventory in separate services. My boss say use "
    "Kafka and events, but I am worry about consistency: when order created and payment fail, inventory must go back. How we design "
    "this correctly? Saga? Outbox? Please explain with our case and what can go wrong.")
add("sonnet", "review", "web", "plain", None, "Reviewing a React component for correctness/accessibility: standard review.",
    "Review this modal for bugs and a11y issues:\n\n```jsx\nexport function Modal({ open, onClose, children }) {\n  useEffect(() => {\n"
    "    document.addEventListener('keydown', (e) => e.key === 'Escape' && onClose());\n  }, []);\n  if (!open) return null;\n"
    "  return (\n    <div className=\"backdrop\" onClick={onClose}>\n      <div className=\"modal\">{children}</div>\n    </div>\n  );\n}\n```")

# ================================================================ batch 5
LOGCAT2 = gen_logcat(1414, 70, "11-14 09:44:10.002  8812  8812 I ShopApp.Repo: refresh cart items=3")
add("haiku", "question", "mobile", "terse", "long-trivial", "Counting occurrences of one tag in a pasted logcat is a lookup.",
    "how many 'Skipped N frames' lines and whats the biggest N\n\n" + LOGCAT2)
add("opus", "debug", "mobile", "plain", None, "Jank source across threads with only logcat noise and no lead: needs a theory.",
    "Users report the home screen stutters for the first ~10 seconds after a cold start, then it's fine. Here's logcat from a cold "
    "start on a Galaxy A14. We use Hilt, Room, Coil and a Compose LazyColumn. Figure out what's probably doing work on the main "
    "thread and how to prove it.\n\n" + gen_logcat(1515, 80, "11-14 09:44:12.118  8812  8812 I Choreographer: Skipped 94 frames!  The application may be doing too much work on its main thread."))
PKG = json.dumps({"name": "admin-console", "version": "2.14.0", "private": True, "type": "module",
    "scripts": {"dev": "vite", "build": "tsc -b && vite build", "test": "vitest", "lint": "eslint . --max-warnings 0", "e2e": "playwright test", "storybook": "storybook dev -p 6006"},
    "dependencies": {"@tanstack/react-query": "^5.51.1", "@tanstack/react-table": "^8.19.3", "axios": "^1.7.2", "clsx": "^2.1.1", "date-fns": "^3.6.0",
                     "react": "^18.3.1", "react-dom": "^18.3.1", "react-hook-form": "^7.52.1", "react-router-dom": "^6.25.1", "recharts": "^2.12.7", "zod": "^3.23.8", "zustand": "^4.5.4"},
    "devDependencies": {"@playwright/test": "^1.45.3", "@storybook/react-vite": "^8.2.4", "@testing-library/react": "^16.0.0", "@types/react": "^18.3.3",
                        "@vitejs/plugin-react": "^4.3.1", "eslint": "^9.7.0", "jsdom": "^24.1.1", "typescript": "^5.5.3", "vite": "^5.3.4", "vitest": "^2.0.3"},
    "engines": {"node": ">=20.11"}}, indent=2)
add("haiku", "question", "web", "typos", None, "Reading a version range out of a package.json.",
    "which react-router version are we on? and is it v6 or v7\n\n```json\n" + PKG + "\n```")
add("sonnet", "ops", "web", "plain", None, "Upgrading a dependency set and fixing breaking config: known steps, CI/build config.",
    "Upgrade this project to React 19 and react-router v7 (library mode). List exactly which packages to bump, what breaks in "
    "our setup (we use `createBrowserRouter`, `useLoaderData`, react-hook-form and RTL), and the codemods to run.\n\n```json\n" + PKG + "\n```")
add("haiku", "explain", "web", "plain", "hard-words-easy", "Mentions consensus and quorum, but asks only what a short config key means.",
    "In our etcd-backed feature flag service config there's `quorum_read: true`. What does that one setting do?")
add("opus", "explain", "web", "plain", "easy-words-hard", "Plain wording, but it asks why a lock-free-ish client cache can show stale data across tabs: consistency reasoning.",
    "Why can two browser tabs of our app disagree about the cart for up to a minute even though both use the same BroadcastChannel "
    "and localStorage? Here's how we sync:\n\n```ts\nconst bc = new BroadcastChannel('cart');\nexport function setCart(next: Cart) {\n"
    "  localStorage.setItem('cart', JSON.stringify({ v: next.version, next }));\n  bc.postMessage({ v: next.version });\n  store.setState(next);\n}\n"
    "bc.onmessage = (e) => {\n  const saved = JSON.parse(localStorage.getItem('cart')!);\n  if (saved.v >= store.getState().version) store.setState(saved.next);\n};\n"
    "// plus: every 60s we GET /api/cart and store.setState(server) and write localStorage too\n```\nI want a real explanation and a "
    "design that can't diverge.")
add("haiku", "question", "web", "verbose", None, "Verbose wording but the answer is a short well-known fact.",
    "Hi everyone, so I've been reading about JavaScript for a couple of weeks now and I keep seeing people write `?.` and `??` "
    "in code reviews at work. My senior said they're 'modern syntax' and I nodded but honestly I don't know what they do, and I "
    "didn't want to ask again because I already asked a lot of questions that day. Could you tell me what each of them does, "
    "maybe with a tiny example? Thank you so much!")
add("sonnet", "implement", "web", "verbose", None, "Implementing dark mode with persistence and system preference: everyday frontend feature.",
    "Hello! I'm trying to add a dark mode toggle to my portfolio site. It's React with plain CSS (no Tailwind). What I want is: "
    "when someone visits the first time it should follow their OS setting, but if they click the toggle it should remember their "
    "choice even after closing the browser. And I read somewhere that there's a 'flash' problem where the page shows white for a "
    "split second before switching to dark, and I'd like to avoid that too. I have CSS variables for colors already in :root. "
    "Could you show me the code for the toggle component, the CSS, and whatever needs to go in index.html to avoid the flash? "
    "I'm using Vite if that matters.")
add("opus", "design", "web", "verbose", None, "Open architecture choice for real-time collaboration with consistency trade-offs.",
    "I'm the only developer at a small startup (me plus a designer) and we're building a Figma-like whiteboard for teachers. Right "
    "now everything is in Firebase Realtime Database and it sort of works, but when 30 students draw at once it gets laggy and "
    "sometimes shapes jump back to old positions. I've been reading about CRDTs (Yjs, Automerge), about running our own websocket "
    "server, and about Liveblocks. I'm honestly overwhelmed. Can you help me decide what architecture to move to and why, "
    "considering we have no money for a big infra team, and what the migration looks like from where we are?")
add("sonnet", "debug", "web", "follow-up", None, "Follow-up pointing back to unknown prior code: unknown work, sonnet.",
    "still broken after your change, same error")
add("haiku", "question", "web", "terse", None, "Short CSS fact.",
    "css clamp() args order")
add("haiku", "edit", "web", "plain", None, "Replacing hardcoded colors with CSS variables in a few lines is mechanical.",
    "Replace the hex colors with our vars (--brand #4f46e5, --ink #0f172a, --paper #ffffff):\n\n```css\n.btn { background: #4f46e5; color: #ffffff; }\n"
    ".btn:hover { background: #4338ca; }\n.card { color: #0f172a; background: #ffffff; border: 1px solid #e2e8f0; }\n```\nleave the ones that don't match as they are")
add("sonnet", "debug", "web", "plain", None, "CSS layout bug (sticky not sticking because of overflow ancestor): identifiable cause with a known fix.",
    "position: sticky header inside the table wrapper doesn't stick at all.\n\n```css\n.page { display: flex; flex-direction: column; height: 100vh; }\n"
    ".table-wrap { overflow-x: auto; }\n.table-wrap thead th { position: sticky; top: 0; background: white; z-index: 1; }\n```\n"
    "```html\n<div class=\"page\"><header>…</header><main><div class=\"table-wrap\"><table>…</table></div></main></div>\n```\n"
    "The page scrolls (body), not the wrapper. Why and how to fix while keeping horizontal scroll?")
add("opus", "review", "security", "plain", None, "Reviewing a CSP and auth cookie setup for XSS/CSRF exposure: security review.",
    "We're about to ship. Please review our security headers and cookie config for an app that stores the access token in memory "
    "and refresh token in a cookie. Anything exploitable?\n\n```\nContent-Security-Policy: default-src 'self'; script-src 'self' 'unsafe-inline' https://*.googletagmanager.com; "
    "connect-src *; img-src * data:; frame-ancestors *\nSet-Cookie: rt=eyJhbGciOi...; Path=/; HttpOnly; SameSite=None\n"
    "Access-Control-Allow-Origin: <echoes request Origin>\nAccess-Control-Allow-Credentials: true\n```")
add("haiku", "question", "security", "plain", "hard-words-easy", "Crypto vocabulary, but a short well-known factual answer.",
    "Is bcrypt's 72-byte password limit a real thing? yes/no and what happens past it")
add("opus", "implement", "security", "terse", "short-hard", "Short, but implementing crypto (envelope encryption with key rotation) is high-stakes.",
    "envelope encryption for user PII columns w/ KMS, key rotation without downtime. node.")
add("haiku", "question", "mobile", "plain", None, "Short factual iOS answer.",
    "What's the default timeout of URLSession requests?")
add("sonnet", "implement", "mobile", "typos", None, "Keychain wrapper with clear API: everyday implementation.",
    "need a small swift wrapper for keychain: save/read/delete a Codable by key, kSecAttrAccessibleAfterFirstUnlock, throws nice errors. no pods")
add("opus", "review", "mobile", "plain", None, "Reviewing mobile auth storage and certificate pinning for vulnerabilities: security review.",
    "Before our bank-adjacent app goes to pentest, review how we handle auth on Android: access token in SharedPreferences (not "
    "encrypted), refresh token in EncryptedSharedPreferences, OkHttp CertificatePinner with the leaf cert pin only, WebView "
    "with addJavascriptInterface for the KYC flow, and a debug menu hidden behind 7 taps on the version label. What would a pentester find?")
add("haiku", "question", "mobile", "other-language", None, "Short factual Android question in Portuguese.",
    "Qual a diferença entre Activity e Fragment no Android? Resposta curta por favor.", language="pt")
add("sonnet", "debug", "mobile", "other-language", None, "Compose recomposition issue with a clear cause, in Italian.",
    "Ho una LazyColumn in Compose e ogni volta che aggiorno un solo elemento si ricompone tutta la lista e scatta. Gli item sono "
    "data class con una List<String> dentro e non uso key. Perché succede e come lo sistemo?", language="it")
add("opus", "plan", "mobile", "other-language", None, "Migration plan for a large app from UIKit to SwiftUI with coexistence: opus, in Portuguese.",
    "Temos um app iOS grande em UIKit (uns 400 view controllers, coordinators, RxSwift). Queremos migrar para SwiftUI e Swift "
    "Concurrency aos poucos, sem parar de entregar features. Monte um plano em fases, com o que migrar primeiro e como as duas "
    "coisas convivem no meio do caminho.", language="pt")
add("sonnet", "implement", "mobile", "non-native", None, "Implementing push notification handling per clear spec: everyday.",
    "I want to implement push notification in React Native with Firebase (@react-native-firebase/messaging). Need: ask permission, "
    "save token to our backend, when user tap notification open the right screen (data has screen and id), and also handle when app "
    "was killed. Please give me code for all the cases, I am confuse about getInitialNotification.")
add("haiku", "question", "mobile", "non-native", None, "Short factual question about RN.",
    "In React Native, FlatList and ScrollView, which one I should use for 500 items and why in short?")
add("opus", "debug", "mobile", "non-native", "easy-words-hard", "Vague intermittent failure (double orders from app) with no lead: needs a theory.",
    "Sometimes our app create the order two times. Not always, few times per week. User press button only one time (they say). "
    "We have React Native app and Node backend. We don't know how to find it. What can be the reason and how we fix it for sure?")
add("sonnet", "ops", "mobile", "plain", None, "Fastlane lane setup with known steps: CI/build config.",
    "Write a Fastfile with lanes: `beta` (increment build number from TestFlight latest, match appstore, build, upload to TestFlight "
    "with changelog from git log since last tag) and `screenshots` (snapshot for 3 devices, 2 languages). App uses an .xcworkspace and SPM only.")
add("haiku", "question", "tooling", "typos", None, "Short git one-liner.",
    "git show which files changed in last commit only names")
add("sonnet", "debug", "tooling", "plain", None, "Pre-commit/husky misconfiguration with a clear error: identifiable cause.",
    "Husky hook fails on everyone's machine except mine:\n\n```\n.husky/pre-commit: line 4: npx: command not found\nhusky - pre-commit script failed (code 127)\n```\n"
    "Most people use the GitHub Desktop app and nvm. What's going on and what's the clean fix?")
add("opus", "design", "web", "plain", "easy-words-hard", "Plain words but an open design of permissions across a product: high-stakes design.",
    "Our customers want to decide who on their team can see and change what. Right now everyone in an account can do everything. "
    "How should we build this so it lasts?")
add("haiku", "edit", "web", "other-language", None, "Translating UI strings is a small text task, in Italian.",
    "Traduci in inglese queste stringhe per i18n, mantieni le chiavi:\n\n```json\n{\"cart.empty\": \"Il carrello è vuoto\", \"cart.checkout\": \"Procedi al pagamento\", "
    "\"cart.remove\": \"Rimuovi\", \"cart.total\": \"Totale\"}\n```", language="it")
add("sonnet", "implement", "web", "plain", None, "Implementing i18n with pluralization and lazy-loaded locales: clear spec.",
    "Set up react-i18next in our Vite app: English default, German and Italian lazy-loaded from /locales/{lng}/{ns}.json, "
    "language detection from the URL prefix (/de/...), plural forms for 'n items in cart', and a type-safe `t` using our en JSON as the source of truth.")
add("haiku", "question", "web", "plain", None, "Short well-known browser API answer.",
    "How do I copy text to the clipboard from a button click in the browser?")
add("sonnet", "debug", "web", "plain", None, "Service worker serving stale bundle after deploy: known cause with a standard fix.",
    "After every deploy some users get a blank page until they hard refresh. Console:\n\n```\nGET https://app.example.com/assets/index-3f9a1c2e.js net::ERR_ABORTED 404 (Not Found)\n"
    "Uncaught (in promise) TypeError: Failed to fetch dynamically imported module: https://app.example.com/assets/Settings-8b21d0aa.js\n```\n"
    "We use vite-plugin-pwa with `registerType: 'autoUpdate'` and deploy to S3 with `aws s3 sync --delete`. Fix?")
add("opus", "debug", "web", "terse", None, "Intermittent GraphQL subscription message loss across reconnects and nodes: distributed debugging with no lead.",
    "graphql subscriptions over ws, 3 pods behind alb, redis pubsub. clients randomly miss updates after reconnects. sticky sessions on. why")
add("haiku", "question", "web", "terse", None, "Short fact about GraphQL tooling.",
    "graphql-codegen: plugin for typed react-query hooks?")
add("sonnet", "implement", "web", "plain", None, "Adding GraphQL cursor pagination following the Relay spec: clear spec.",
    "Add Relay-style cursor pagination to `Query.products(first, after, filter)` in our Apollo + Prisma server: opaque base64 cursors "
    "on (createdAt, id), `pageInfo { hasNextPage endCursor }`, stable ordering, max first=100.")
add("haiku", "edit", "web", "follow-up", None, "Follow-up asking a trivial change (raise a constant).",
    "change max first to 250")
add("sonnet", "test", "web", "follow-up", None, "Follow-up asking for tests of the pagination resolver: sonnet.",
    "now write tests for the pagination edge cases")
add("opus", "design", "web", "plain", None, "Deciding between REST and GraphQL federation across teams with trade-offs: architecture.",
    "We have 6 backend teams, each with their own REST service, and 3 clients (web, iOS, Android). The mobile teams complain about "
    "over-fetching and chatty screens. Should we do GraphQL federation, a BFF per client, or keep REST and add aggregation endpoints? "
    "I need a recommendation with the organisational costs, not just tech.")
add("haiku", "question", "databases", "plain", None, "Short factual SQL question.",
    "Postgres: difference between `timestamp` and `timestamptz`?")
add("sonnet", "implement", "databases", "plain", None, "Writing a migration with known steps (add column, backfill, constraint).",
    "Write a Django migration that adds a non-null `slug` to Product without locking the table for long: add nullable, backfill "
    "in batches from name (unique, with -2, -3 suffixes), then add the unique index concurrently and set NOT NULL. 3M rows, Postgres 15.")
add("opus", "debug", "databases", "plain", None, "Query plan regression after stats change with no clear lead: performance analysis.",
    "A query that took 40ms now takes 25 seconds since last Tuesday. Nothing deployed. Postgres 14, table grew from 8M to 11M rows. "
    "EXPLAIN shows it switched from an index scan to a hash join with a seq scan. How do I understand why the planner changed its mind "
    "and fix it without just adding hints?")
add("haiku", "question", "general", "terse", None, "Short factual question.",
    "semver: is 0.x minor bump breaking")
add("haiku", "question", "general", "non-native", None, "Short factual question in rough English.",
    "Please tell what mean 'LGTM' and 'nit' in code review comments")
add("sonnet", "docs", "general", "non-native", None, "Writing a structured technical doc from given facts: medium text task.",
    "Help me write the onboarding doc for new developers in our team. We use: React + TypeScript frontend, NestJS backend, "
    "Postgres, Docker compose for local, GitHub Actions, deploy on Render. Need sections for setup, running tests, branching, "
    "how to do release. My English is not so good so please make it clear and professional.")

# ================================================================ batch 6
# --- haiku (16): 10 traps
add("haiku", "question", "web", "terse", "long-trivial", "Finding the one hardcoded port in a long generated module is a lookup.",
    "is there a hardcoded url anywhere in this? just tell me the line\n\n```js\n" + gen_js_module(1616, 40).replace(
        "const log = require('./log');", "const log = require('./log');\nconst AUDIT_URL = 'http://10.0.4.12:9200/audit';") + "\n```")
add("haiku", "question", "web", "plain", "long-trivial", "Reading one header value out of a long HAR paste is a lookup, checkable at a glance.",
    "In this captured HAR, what's the value of the cache-control header on the first request to /api/billing/plan? Just that value.\n\n" + gen_har_entries(1717, 22))
add("haiku", "question", "mobile", "typos", "long-trivial", "Reading which task failed from a long Gradle log is a lookup.",
    "which task failed? its somewhere at the bottom i think im blind\n\n```\n" + gen_gradle_out(1818, 160,
    "> Task :feature:search:compileDebugKotlin FAILED\n\nFAILURE: Build failed with an exception.\n\n* What went wrong:\nExecution failed for task ':feature:search:compileDebugKotlin'.\n> Compilation error. See log for more details\n\nBUILD FAILED in 52s") + "\n```")
add("haiku", "question", "web", "plain", "long-trivial", "Counting components in a long file is checkable at a glance.",
    "How many components in this file are exported Badges (names ending in Badge)?\n\n```jsx\n" + gen_react_module(1919, 45) + "\n```")
add("haiku", "explain", "web", "plain", "hard-words-easy", "Zero-knowledge vocabulary, but it's a short glossary question.",
    "Our auth vendor's pitch deck says 'zero-knowledge password proof'. What does that phrase mean in one or two sentences?")
add("haiku", "edit", "web", "plain", "hard-words-easy", "Byzantine/consensus words in a comment; the task is only renaming a variable in 4 lines.",
    "rename `n` to `replicaCount` here:\n\n```ts\n// Byzantine quorum: tolerate f faulty replicas out of n >= 3f + 1\nexport function quorumSize(n: number): number {\n"
    "  const f = Math.floor((n - 1) / 3);\n  return 2 * f + 1;\n}\n```")
add("haiku", "question", "mobile", "plain", "hard-words-easy", "Secure Enclave sounds advanced, but this is a yes/no factual question.",
    "Can the iOS Secure Enclave store arbitrary data, or only keys? short answer")
add("haiku", "question", "web", "non-native", "hard-words-easy", "Sounds like distributed tracing internals; it's a one-line definition.",
    "In OpenTelemetry what is a 'span'? Only simple definition please, I must explain to my manager.")
add("haiku", "docs", "security", "plain", "hard-words-easy", "Security topic, but writing a one-line commit message is trivial.",
    "commit message for: bumped jsonwebtoken to 9.0.2 to fix CVE-2022-23529 (no code changes)")
add("haiku", "question", "mobile", "terse", "hard-words-easy", "Sounds like crypto; it's a one-line factual answer about a library.",
    "CryptoKit: which type for HMAC-SHA256?")
add("haiku", "question", "web", "typos", None, "Short factual question.",
    "wheres the default vite port set, i want 3000")
add("haiku", "edit", "mobile", "follow-up", None, "Follow-up asking to change one string: mechanical.",
    "change the button label from 'Delete account' to 'Close account'")
add("haiku", "question", "web", "other-language", None, "Short factual question about CSS grid in Portuguese.",
    "Como faço um grid de 3 colunas iguais no CSS que vira 1 coluna no celular?", language="pt")
add("haiku", "question", "mobile", "plain", None, "Short factual Android Studio question.",
    "Android Studio shortcut to reformat code on mac?")
add("haiku", "edit", "web", "follow-up", None, "Follow-up asking for a trivial formatting change.",
    "same but use tabs not spaces")
add("haiku", "question", "web", "verbose", None, "Verbose, but the answer is a short well-known fact.",
    "Sorry if this is a dumb question but I'm a bit lost. In our Express app, my tech lead told me to always put `app.use(express.json())` "
    "before the routes. I moved it after the routes by accident while cleaning up and now req.body is undefined in my POST handler. "
    "I put it back and it works. But why does the order matter? Is it just how Express works? I'd love a short explanation.")

# --- sonnet (32)
add("sonnet", "debug", "web", "typos", None, "Error trace pointing at a specific cause (reading property of undefined during render).",
    "prod only, dev fine??\n\n```\nTypeError: Cannot read properties of undefined (reading 'map')\n    at ProductGrid (ProductGrid.tsx:22:31)\n"
    "    at renderWithHooks (react-dom.development.js:15486:18)\n```\n\n```tsx\nconst { data } = useQuery({ queryKey: ['products', cat], queryFn: () => getProducts(cat) });\n"
    "return <div className=\"grid\">{data.items.map(p => <Card key={p.id} p={p} />)}</div>;\n```\ngetProducts returns res.data from axios")
add("sonnet", "implement", "web", "terse", None, "Clear-spec component with keyboard handling: everyday frontend.",
    "accessible combobox in react, async options, keyboard nav (up/down/enter/esc), aria-activedescendant. no libs.")
add("sonnet", "review", "web", "non-native", None, "Reviewing a small backend module for correctness and style: sonnet.",
    "Please review my code, it is my first API in NestJS. Is it correct way? Anything bad?\n\n```ts\n@Controller('todos')\nexport class TodosController {\n"
    "  constructor(private readonly prisma: PrismaService) {}\n  @Get() all(@Query('done') done?: string) {\n    return this.prisma.todo.findMany({ where: done ? { done: done == 'true' } : {} });\n  }\n"
    "  @Post() create(@Body() body: any) {\n    return this.prisma.todo.create({ data: body });\n  }\n  @Patch(':id') update(@Param('id') id: string, @Body() body: any) {\n"
    "    return this.prisma.todo.update({ where: { id: +id }, data: body });\n  }\n}\n```")
add("sonnet", "implement", "web", "follow-up", None, "Follow-up asking to add DTO validation across the controller: clear multi-step change.",
    "ok add DTOs with class-validator and a global ValidationPipe like you said")
add("sonnet", "refactor", "web", "plain", None, "Moving global CSS to CSS Modules for a few components: everyday refactor.",
    "Refactor these three components from a global stylesheet to CSS Modules, keep the class names readable, and fix the places where "
    "the parent styles the child via `.card .title` (we don't want cross-component selectors anymore). Files: Card.jsx, CardList.jsx, styles.css (pasted below).\n\n"
    "```css\n.card { border: 1px solid #e5e7eb; border-radius: 8px; padding: 16px; }\n.card .title { font-weight: 600; font-size: 1.1rem; }\n"
    ".card .price { color: #16a34a; }\n.card-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 16px; }\n"
    ".card-list .card:hover { box-shadow: 0 4px 12px rgba(0,0,0,.08); }\n```")
add("sonnet", "debug", "web", "verbose", None, "Auth redirect loop with an identifiable cause in the middleware config.",
    "Hi, I'm stuck on a redirect loop and I've been going back and forth for hours. I'm using Next.js 14 with the app router and "
    "NextAuth (Auth.js v5). I added a middleware.ts so that every page requires login, and now when I open the site the browser says "
    "'redirected you too many times'. The login page is at /login. My middleware is:\n\n```ts\nexport { auth as middleware } from '@/auth';\n"
    "export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };\n```\nand in auth.ts I have `pages: { signIn: '/login' }` and an "
    "`authorized({ auth }) { return !!auth }` callback. I think the middleware also runs on /login itself? But I'm not sure how to "
    "exclude it properly, and I'm also not sure the api/auth routes are OK. Could you explain and fix it?")
add("sonnet", "ops", "web", "plain", None, "Dockerising a Node app with multi-stage build: known steps.",
    "Write a production Dockerfile for our Next.js 14 app (standalone output, pnpm, sharp needed), multi-stage, non-root user, "
    "small final image, healthcheck on /api/health, and a .dockerignore.")
add("sonnet", "implement", "web", "plain", None, "Implementing server-sent events endpoint and client with reconnection per spec.",
    "Implement server-sent events for build logs: Express endpoint `GET /builds/:id/logs/stream` that tails new log lines from Redis "
    "stream `build:{id}`, supports `Last-Event-ID` resume, sends heartbeats every 15s, and a React hook that consumes it and appends lines.")
add("sonnet", "test", "web", "plain", None, "Writing API integration tests with supertest: everyday.",
    "Write supertest + jest integration tests for our `/api/auth` routes (register, login, refresh, logout). Use a test Postgres via "
    "testcontainers, truncate between tests, check cookies are HttpOnly, and that refresh after logout returns 401.")
add("sonnet", "explain", "web", "plain", None, "Explaining why a React effect runs twice under StrictMode and the implications: subtle but known.",
    "Why does my effect fire the API call twice in dev but once in prod? Is it a bug in my code? Should I disable StrictMode?\n\n"
    "```jsx\nuseEffect(() => {\n  api.post('/analytics/pageview', { path });\n}, [path]);\n```")
add("sonnet", "debug", "web", "other-language", None, "Django CSRF failure with clear error, in Italian.",
    "Con Django + fetch dal frontend ricevo sempre `403 Forbidden (CSRF token missing.)` sulle POST. Il cookie csrftoken c'è nel "
    "browser. Sto facendo `fetch('/api/ordini/', {method: 'POST', body: JSON.stringify(dati)})`. Cosa manca?", language="it")
add("sonnet", "implement", "web", "typos", None, "Rails feature with clear spec: everyday backend.",
    "rails 7: need soft delete on Comment (deleted_at), default scope hides deleted, admin can see them with ?with_deleted=1, "
    "restore action, and counter cache on post must not count deleted ones. no paranoia gem")
add("sonnet", "debug", "web", "plain", None, "Rails stack trace with an identifiable cause (strong params).",
    "```\nActiveModel::ForbiddenAttributesError (ActiveModel::ForbiddenAttributesError):\n\napp/controllers/profiles_controller.rb:14:in `update'\n```\n\n"
    "```ruby\ndef update\n  @profile = current_user.profile\n  if @profile.update(params[:profile])\n    redirect_to @profile\n  else\n    render :edit, status: :unprocessable_entity\n  end\nend\n```")
add("sonnet", "implement", "mobile", "plain", None, "Implementing Sign in with Apple in SwiftUI with backend token exchange: clear steps.",
    "Add Sign in with Apple to our SwiftUI app: the button, handling the credential, sending identityToken + authorizationCode "
    "+ nonce (SHA256'd) to POST /auth/apple, storing our session in Keychain, and handling credential revoked on launch.")
add("sonnet", "debug", "mobile", "plain", None, "SwiftUI state bug with identifiable cause (StateObject vs ObservedObject).",
    "The detail view resets its form every time the parent list refreshes. Why?\n\n```swift\nstruct ItemDetail: View {\n"
    "    @ObservedObject var vm = ItemDetailViewModel()\n    let item: Item\n    var body: some View {\n        Form { TextField(\"Note\", text: $vm.note) }\n"
    "            .onAppear { vm.load(item) }\n    }\n}\n```")
add("sonnet", "implement", "mobile", "terse", None, "Compose component with clear spec: everyday.",
    "compose: swipe-to-delete row w/ undo snackbar, M3, LazyColumn, stable keys")
add("sonnet", "test", "mobile", "plain", None, "Writing XCTest unit tests with a mocked URLProtocol: everyday.",
    "Write XCTest tests for our APIClient using a custom URLProtocol stub: success decoding, 401 triggers the refresh and retries once, "
    "500 maps to APIError.server, and a decoding failure maps to APIError.decoding. Swift concurrency (async tests).")
add("sonnet", "debug", "mobile", "follow-up", None, "Follow-up saying the fix didn't work: unknown work, sonnet (tie-breaker 8).",
    "that didn't work, still resets")
add("sonnet", "implement", "mobile", "non-native", None, "Implementing image picker + upload in Flutter: clear spec.",
    "I need in Flutter: user choose photo from gallery or camera, crop it square, compress under 500KB, then upload with dio "
    "multipart to /api/avatar and show progress. Which packages and how is the code?")
add("sonnet", "ops", "mobile", "plain", None, "Setting up build flavors / environments in Flutter: known steps.",
    "Set up dev/staging/prod flavors for our Flutter app: different bundle ids and app names, separate Firebase configs per flavor "
    "on both iOS (schemes + xcconfig) and Android (productFlavors), and a `--dart-define` for API base URL. Step by step please.")
add("sonnet", "debug", "mobile", "typos", None, "CocoaPods / Xcode error with a clear cause (deployment target).",
    "pod install fine but build says\n\n```\n/Users/me/app/ios/Pods/Pods.xcodeproj: warning: The iOS Simulator deployment target 'IPHONEOS_DEPLOYMENT_TARGET' is set to 9.0, but the range of supported deployment target versions is 12.0 to 17.2.99.\n"
    "ld: library 'swiftCompatibility56' not found\nclang: error: linker command failed with exit code 1\n```\nflutter 3.22, xcode 15.3")
add("sonnet", "refactor", "mobile", "plain", None, "Refactoring a RN class component into hooks: everyday refactor.",
    "Convert this React Native class component to a function component with hooks, keep behaviour (including the AppState listener cleanup).\n\n"
    "```jsx\nexport default class Timer extends React.Component {\n  state = { seconds: 0, appState: AppState.currentState };\n"
    "  componentDidMount() {\n    this.interval = setInterval(() => this.setState((s) => ({ seconds: s.seconds + 1 })), 1000);\n"
    "    this.sub = AppState.addEventListener('change', (next) => {\n      if (this.state.appState.match(/inactive|background/) && next === 'active') this.props.onResume?.();\n"
    "      this.setState({ appState: next });\n    });\n  }\n  componentWillUnmount() { clearInterval(this.interval); this.sub.remove(); }\n"
    "  render() { return <Text style={styles.t}>{this.state.seconds}s</Text>; }\n}\n```")
add("sonnet", "debug", "mobile", "plain", None, "Android ANR trace with an identifiable main-thread disk read.",
    "ANR report from Play Console:\n\n```\n\"main\" prio=5 tid=1 Native\n  at android.database.sqlite.SQLiteConnection.nativeExecuteForCursorWindow(Native method)\n"
    "  at androidx.room.RoomDatabase.query(RoomDatabase.kt:512)\n  at com.shop.app.data.SettingsDao_Impl.getSync(SettingsDao_Impl.java:88)\n"
    "  at com.shop.app.ShopApplication.onCreate(ShopApplication.kt:41)\n  at android.app.Instrumentation.callApplicationOnCreate(Instrumentation.java:1316)\n```\n"
    "We read the theme setting in Application.onCreate so the first activity has the right theme. What's the right way?")
add("sonnet", "explain", "mobile", "plain", None, "Explaining a non-trivial Kotlin Flow operator chain: sonnet.",
    "Explain what this does, step by step, and when `emit` actually happens:\n\n```kotlin\nval results: Flow<List<Hit>> = queries\n    .debounce(250)\n"
    "    .map { it.trim() }\n    .distinctUntilChanged()\n    .flatMapLatest { q -> if (q.isEmpty()) flowOf(emptyList()) else repo.search(q).onStart { emit(cachedFor(q)) } }\n"
    "    .catch { emit(emptyList()) }\n    .flowOn(Dispatchers.Default)\n```")
add("sonnet", "implement", "data", "plain", None, "Writing a CSV export endpoint with streaming: clear spec.",
    "Add an endpoint that streams a CSV export of orders (date range filter) in our Express + pg app without loading everything in "
    "memory: use pg-query-stream, proper escaping of commas/quotes/newlines, Content-Disposition filename with the range.")
add("sonnet", "implement", "tooling", "plain", None, "Writing a codemod with known steps (jscodeshift): everyday tooling.",
    "Write a jscodeshift transform that rewrites `import { get } from 'lodash'` / `_.get(obj, 'a.b.c', d)` usages into optional "
    "chaining with `??` when the path is a string literal, and leaves dynamic paths untouched.")
add("sonnet", "debug", "web", "non-native", None, "TypeScript compile error with a clear cause.",
    "I have this error and don't understand:\n\n```\nsrc/api/user.ts:18:5 - error TS2322: Type 'User | undefined' is not assignable to type 'User'.\n"
    "  Type 'undefined' is not assignable to type 'User'.\n\n18     return users.find(u => u.id === id);\n```\nWhy find can be undefined, I know the user is there?")
add("sonnet", "implement", "web", "other-language", None, "Implementing JWT auth middleware per clear spec, in Portuguese.",
    "Preciso de um middleware de autenticação para Express com JWT: ler o token do header Authorization, validar com a chave "
    "pública (RS256), colocar o usuário em req.user, e devolver 401 com mensagem clara se expirou. Em TypeScript, por favor.", language="pt")
add("sonnet", "ops", "web", "follow-up", None, "Follow-up: same work applied to another service: sonnet.",
    "now do the same dockerfile for the api service (nestjs, prisma generate needs to run at build)")
add("sonnet", "implement", "web", "plain", None, "Clear-spec Vue composable with cancellation: everyday.",
    "Write a Vue 3 composable `useInfiniteScroll(loadMore, { rootMargin })` using IntersectionObserver on a sentinel ref, guarding "
    "against concurrent loads, stopping when `loadMore` resolves false, and cleaning up on unmount.")
add("sonnet", "debug", "web", "plain", None, "GraphQL error with a clear cause in the resolver/schema mismatch.",
    "```json\n{\"errors\":[{\"message\":\"Cannot return null for non-nullable field Order.customer.\",\"locations\":[{\"line\":4,\"column\":5}],"
    "\"path\":[\"orders\",3,\"customer\"],\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}],\"data\":null}\n```\n"
    "Only some orders. Guest checkout orders have customer_id null in the DB. What should I change, schema or resolver, and what do clients see?")
add("sonnet", "review", "mobile", "follow-up", None, "Follow-up asking to review the rewritten component: standard review.",
    "here's my hooks version, review it against the original")

# --- opus (23): ~16 traps
add("opus", "design", "web", "terse", "short-hard", "Short ask; designing distributed cache invalidation with consistency guarantees is hard.",
    "cache invalidation for product prices across CDN + redis + in-process LRU. no stale prices after checkout starts.")
add("opus", "implement", "web", "terse", "short-hard", "Short but a novel algorithm: fair, correct distributed scheduling with leases.",
    "distributed cron w/ leases in postgres, exactly one runner per job even with clock skew. code it.")
add("opus", "design", "mobile", "terse", "short-hard", "Short prompt asking for an offline-capable sync protocol: distributed consistency.",
    "delta sync protocol for mobile offline db, tombstones, clock skew, resumable. spec it.")
add("opus", "explain", "web", "terse", "short-hard", "Short prompt; proving a concurrent algorithm correct is formal reasoning.",
    "prove this web lock (navigator.locks + localStorage fallback) gives mutual exclusion across tabs or show a counterexample")
add("opus", "implement", "mobile", "plain", "short-hard", "Short, but a lock-free ring buffer for audio is concurrency with memory ordering.",
    "Write a lock-free SPSC ring buffer in Swift for our audio render callback (no allocations, no locks on the audio thread).")
add("opus", "review", "security", "terse", "short-hard", "Short ask for a threat model of an auth protocol: security analysis.",
    "threat model our magic-link login. links valid 15m, reusable, sent over email, opened on other device sometimes.")
add("opus", "design", "web", "plain", "short-hard", "Short: multi-region active-active writes for a web app needs conflict and consistency design.",
    "Make our Rails app active-active in two regions.")
add("opus", "plan", "web", "plain", "easy-words-hard", "Plain words; a cutover plan for a live system (auth provider swap) without locking users out.",
    "We're switching login providers (our homemade one to Auth0). Nobody should be logged out or lose access, including people "
    "who haven't logged in for a year. How do we do it?")
add("opus", "debug", "web", "typos", "easy-words-hard", "Vague intermittent issue in production with no lead across cache/session layers.",
    "carts randomly empty themselves for some ppl. not many. usually on mobile safari?? started sometime last month. we changed nothing (lol)")
add("opus", "design", "web", "plain", "easy-words-hard", "Plain words; designing undo across a collaborative app is an open consistency problem.",
    "People want an undo button in our shared planning board, where several people edit at the same time. How should undo work?")
add("opus", "debug", "mobile", "plain", "easy-words-hard", "Intermittent missing push notifications with no lead across APNs/FCM/backend.",
    "Some people stop getting notifications after a while and get them again after reinstalling the app. Both iOS and Android. "
    "We can't tell how many. Where is this coming from?")
add("opus", "plan", "mobile", "plain", "easy-words-hard", "Plain words; a risky migration of the local DB for millions of installs without data loss.",
    "We need to change how the app stores data on the phone (from Realm to SQLite/GRDB). Millions of installs, some users haven't "
    "updated in two years. Nobody can lose their saved stuff. Plan it.")
add("opus", "debug", "web", "non-native", "easy-words-hard", "Vague report of wrong totals occurring rarely; needs a theory (concurrency/rounding/caching).",
    "Sometimes the invoice total is different from sum of lines by few cents, and sometimes much more. Not always. Our accountant "
    "found 14 cases in one year. The backend is Django and frontend is Vue. How we find the reason?")
add("opus", "review", "web", "follow-up", "easy-words-hard", "Follow-up asking whether a change is safe under concurrent requests: concurrency review.",
    "is the version you wrote actually safe if two people press pay at the same time on different devices?")
add("opus", "design", "mobile", "non-native", "easy-words-hard", "Plain words; designing a feature-flag and rollout system across apps and backend.",
    "We want to turn features on and off for some users without new app release, and go back if something break. For iOS, "
    "Android and web. How we should build this for long time?")
add("opus", "debug", "web", "verbose", None, "WebSocket disconnect storm across load balancer and pods with no lead: distributed debugging.",
    "Hi all, long one, sorry. We run a chat feature with socket.io on 6 Node pods behind an nginx ingress on GKE, using the Redis "
    "adapter. Every day around 18:00 UTC (our peak), a wave of clients disconnect and reconnect at the same time, CPU on the pods "
    "spikes to 100%, and then it happens again a minute later, like a thundering herd that feeds itself. It calms down after about "
    "20 minutes. We tried raising pingTimeout and adding more pods, which made it slightly worse. Ingress logs show 499s and some "
    "502s during the waves. I'd like to understand the mechanism, not just a config tweak, and what to change in the client "
    "reconnection and the infrastructure.")
add("opus", "review", "web", "plain", None, "Reviewing a distributed idempotency implementation for races: opus per tie-breaker 10.",
    "Review our idempotency-key middleware for correctness under concurrent duplicate requests:\n\n```ts\nexport async function idempotent(req, res, next) {\n"
    "  const key = req.header('Idempotency-Key');\n  if (!key) return next();\n  const hit = await redis.get(`idem:${key}`);\n  if (hit) {\n"
    "    const { status, body } = JSON.parse(hit);\n    return res.status(status).json(body);\n  }\n  const json = res.json.bind(res);\n  res.json = (body) => {\n"
    "    redis.set(`idem:${key}`, JSON.stringify({ status: res.statusCode, body }), 'EX', 86400);\n    return json(body);\n  };\n  next();\n}\n```")
add("opus", "design", "data", "plain", None, "Designing an analytics event pipeline with delivery guarantees and schema evolution.",
    "Design the product analytics pipeline for web + mobile: client batching and offline queue, ingestion API, dedup, schema "
    "evolution, late events, and getting it into BigQuery within 5 minutes. ~3k events/s peak. Where do duplicates and losses sneak in?")
add("opus", "debug", "systems", "plain", None, "Heisenbug in a native module across threads (JSI/turbo module crash) with no clear lead.",
    "Our React Native app crashes with SIGSEGV in a custom JSI module maybe once per 2,000 sessions, always in a different "
    "stack frame inside hermes or our C++ code. It started when we made the module's `getPixels` return an ArrayBuffer backed by "
    "memory from our image decoder thread. How do we find this and what's probably wrong?")
add("opus", "explain", "web", "non-native", None, "Explaining ordering guarantees of Kafka consumers and rebalance semantics precisely: distributed semantics.",
    "Please explain me exactly when Kafka consumer can process same message two times or in wrong order, with auto commit and "
    "with manual commit, during rebalance. Our Node service (kafkajs) sometimes do the order status update in wrong order.")
add("opus", "design", "web", "other-language", None, "Designing a scalable search architecture with trade-offs, in Italian.",
    "Dobbiamo rifare la ricerca del nostro e-commerce (5 milioni di prodotti, filtri, sinonimi, multilingua). Oggi è LIKE su "
    "Postgres. Elasticsearch, OpenSearch, Meilisearch o Typesense? Mi serve una scelta motivata e come teniamo l'indice "
    "sincronizzato con il DB senza perdere aggiornamenti.", language="it")
add("opus", "plan", "web", "follow-up", None, "Follow-up asking for a full rollout plan across services after an architecture discussion.",
    "ok, go with the outbox approach. now give me the step by step rollout across the three services, including backfill and how we switch reads over")
add("opus", "debug", "mobile", "follow-up", None, "Follow-up narrowing an intermittent crash across threads; still no clear lead: opus.",
    "more info: it only happens when the user backgrounds the app during the upload. does that change your theory?")

# ---------------------------------------------------------------- write
if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "w1.jsonl"), "w", encoding="utf-8") as f:
        for i, r in enumerate(ROWS, 1):
            row = {"id": f"w1-{i:04d}", "prompt": r["prompt"], "label": r["label"], "rationale": r["rationale"],
                   "category": r["category"], "domain": r["domain"], "voice": r["voice"], "language": r["language"],
                   "trap": r["trap"]}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
