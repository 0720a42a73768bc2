#!/usr/bin/env python3
"""Writer w16: staff engineers, tech leads and architects (web, databases, infrastructure, data platforms)
asking in plain words: design and planning, ADRs, RFC reviews, migrations, capacity, with pasted docs and notes.
Run `python3 w16.py` to write w16.jsonl deterministically."""
import json, random

ROWS = []

def R(label, category, domain, voice, trap, rationale, prompt, language="en"):
    ROWS.append({"prompt": prompt, "label": label, "rationale": rationale, "category": category,
                 "domain": domain, "voice": voice, "language": language, "trap": trap})

# ---------------------------------------------------------------- material generators (seeded)

PEOPLE = ["Priya", "Marco", "Joost", "Fernanda", "Tomasz", "Aisha", "Ben", "Lotte", "Rafael", "Chen",
          "Sanne", "Daniel", "Ines", "Kwame", "Yuki", "Pieter", "Beatriz", "Oleg", "Hannah", "Luis"]
SERVICES = ["checkout-api", "billing-core", "invoice-renderer", "ledger-writer", "auth-gateway", "catalog-svc",
            "search-indexer", "notif-dispatch", "payouts-worker", "tax-calc", "usage-metering", "plan-catalog",
            "customer-profile", "webhook-relay", "report-exporter", "dunning-scheduler", "fx-rates",
            "feature-flags", "audit-log", "session-store", "pricing-engine", "refund-processor",
            "subscription-mgr", "email-render", "pdf-archive", "entitlements", "kyc-check", "geo-lookup"]
TEAMS = ["payments", "platform", "growth", "core-data", "identity", "search", "finance-eng", "sre", "integrations"]


def meeting_notes(seed, n_meetings, topic):
    rng = random.Random(seed)
    said = [
        "{a} thinks we should keep the old path alive for at least one billing cycle",
        "{a} raised that the nightly export to finance still reads straight from the monolith tables",
        "{a}: the p99 on {s} jumped after last deploy, not sure it is related",
        "{a} asked who owns {s} now that {t} got reorganised, nobody knew",
        "agreed to not touch the schema until the backfill for {s} is finished",
        "{a} will check with legal if we need to keep invoice PDFs for 7 or 10 years",
        "{a} mentioned the vendor contract for the old queue ends end of Q3",
        "{b} disagrees with {a}, says dual writes will bite us, wants CDC instead",
        "long discussion about whether {t} or {u} owns the on-call for {s}, parked",
        "{a} showed the dashboard, {s} is at {p}% CPU at peak, headroom is thin",
        "{b} wants a written rollback plan before anything goes to prod",
        "quick demo of the new deploy pipeline from {a}, looks good, needs docs",
        "{a}: we still have {n} call sites that import the billing module directly",
        "decision: {s} gets its own database, shared read replica goes away",
        "{b} worried about the Black Friday freeze window, we cannot migrate in November",
        "{a} to write the ADR for the queue choice, due next Thursday",
        "nobody remembers why {s} retries 12 times, {b} will dig in git blame",
        "{a} said the staging env is broken again since the cert rotation",
        "agreed that {t} pairs with {u} for the first two weeks of the split",
        "{b}: the feature flag service has no audit trail, security flagged it",
        "{a} asked if we can reuse the tenant id as a shard key, open question",
        "finance wants a dry run report comparing old and new invoice totals per customer",
    ]
    out = []
    day = rng.randint(2, 9)
    for m in range(n_meetings):
        att = rng.sample(PEOPLE, rng.randint(4, 7))
        out.append(f"## {topic} sync - 2026-{rng.randint(3, 10):02d}-{day:02d}")
        out.append("Attendees: " + ", ".join(att))
        out.append("")
        for tmpl in rng.sample(said, rng.randint(5, 9)):
            a, b = rng.sample(att, 2)
            t, u = rng.sample(TEAMS, 2)
            line = tmpl.format(a=a, b=b, s=rng.choice(SERVICES), t=t, u=u,
                                            p=rng.randint(55, 93), n=rng.randint(14, 220))
            out.append("- " + line)
        out.append("")
        out.append("Action items:")
        for _ in range(rng.randint(2, 4)):
            who = rng.choice(att)
            what = rng.choice(["draft rollback steps for " + rng.choice(SERVICES),
                               "ask finance for the reconciliation sample",
                               "set up a dashboard for " + rng.choice(SERVICES) + " error rate",
                               "update the runbook link in the pager alert",
                               "book a room for the design review",
                               "check quota on the prod project",
                               "write down the list of consumers of the billing events",
                               "clean up the stale feature flags older than 6 months"])
            out.append(f"  [ ] {who}: {what}")
        out.append("")
        day = (day + 7) % 27 + 1
    return "\n".join(out)


def capacity_csv(seed, days, region="eu-west-1"):
    rng = random.Random(seed)
    rows = ["date,region,peak_rps,p99_ms,cpu_pct,mem_gb,db_conns,disk_used_gb"]
    rps, disk = rng.randint(3800, 5200), rng.randint(1400, 1800)
    for d in range(days):
        month, dd = 1 + d // 28, 1 + d % 28
        wk = 1.0 + (0.35 if d % 7 in (0, 1) else 0.0)
        rps = int(rps * rng.uniform(1.001, 1.009))
        peak = int(rps * wk * rng.uniform(0.93, 1.07))
        cpu = min(97, int(peak / 110 + rng.randint(-4, 4)))
        disk += rng.randint(3, 11)
        rows.append(f"2026-{month:02d}-{dd:02d},{region},{peak},{int(80 + peak / 90 + rng.randint(-9, 30))},"
                    f"{cpu},{round(rng.uniform(41, 58), 1)},{rng.randint(310, 480)},{disk}")
    return "\n".join(rows)


def service_catalog(seed, n):
    rng = random.Random(seed)
    out = ["services:"]
    names = list(SERVICES)
    rng.shuffle(names)
    for i in range(n):
        nm = names[i % len(names)] + ("" if i < len(names) else f"-v{i // len(names) + 1}")
        deps = rng.sample(SERVICES, rng.randint(0, 4))
        out += [f"  - name: {nm}",
                f"    owner: {rng.choice(TEAMS)}",
                f"    tier: {rng.choice([0, 1, 1, 2, 2, 3])}",
                f"    runtime: {rng.choice(['java17', 'go1.22', 'ruby3.2', 'node20', 'python3.11'])}",
                f"    replicas: {rng.choice([2, 3, 3, 4, 6, 8, 12])}",
                f"    datastore: {rng.choice(['pg-main', 'pg-billing', 'mysql-legacy', 'redis-cache', 'none', 'dynamo-usage'])}",
                f"    oncall: {rng.choice(['yes', 'yes', 'no'])}",
                "    depends_on: [" + ", ".join(deps) + "]"]
    return "\n".join(out)


def call_sites(seed, n, symbol="Billing::"):
    rng = random.Random(seed)
    dirs = ["app/models", "app/controllers", "app/services", "lib/tasks", "app/jobs", "app/serializers",
            "lib/integrations", "app/controllers/admin", "app/workers"]
    files = ["order", "subscription", "account", "invoice", "refund", "admin_reports", "trial", "coupon",
             "partner_sync", "plan_change", "usage_rollup", "dunning", "checkout", "tax", "credit_note"]
    calls = ["Charge.create!(", "InvoiceBuilder.new(", "Proration.calculate(", "Ledger.post(",
             "TaxLookup.for(", "Refund.issue!(", "PlanPrice.find_by(", "Gateway.client.", "Credit.apply(",
             "UsageRollup.for_period("]
    out = []
    for _ in range(n):
        f = f"{rng.choice(dirs)}/{rng.choice(files)}{rng.choice(['', '_service', '_job', '_controller'])}.rb"
        c = rng.choice(calls)
        arg = rng.choice(['order', 'account', 'sub', 'invoice.id', 'params[:amount]', 'self'])
        tail = f"post('/charges', amount: {arg}.total_cents)" if c.endswith(".") else f"{arg})"
        out.append(f"{f}:{rng.randint(12, 780)}:    {symbol}{c}{tail}")
    out.sort()
    return "\n".join(out)


def sql_schema(seed, n_tables, prefix=""):
    rng = random.Random(seed)
    base = ["invoices", "invoice_lines", "payments", "refunds", "subscriptions", "plans", "plan_prices",
            "customers", "tax_rates", "credit_notes", "usage_records", "ledger_entries", "coupons",
            "dunning_attempts", "payment_methods", "webhook_events", "accounts", "orders", "order_items",
            "audit_events", "exchange_rates", "payouts", "disputes", "entitlements"]
    cols = [("amount_cents", "bigint NOT NULL"), ("currency", "char(3) NOT NULL"), ("status", "varchar(32) NOT NULL"),
            ("external_ref", "varchar(128)"), ("period_start", "timestamptz"), ("period_end", "timestamptz"),
            ("metadata", "jsonb DEFAULT '{}'::jsonb"), ("quantity", "integer NOT NULL DEFAULT 1"),
            ("deleted_at", "timestamptz"), ("notes", "text"), ("tax_cents", "bigint"), ("country", "char(2)"),
            ("failure_code", "varchar(64)"), ("attempt", "smallint")]
    out = []
    for i in range(n_tables):
        t = prefix + base[i % len(base)] + ("" if i < len(base) else f"_{i // len(base)}")
        out.append(f"CREATE TABLE {t} (")
        out.append("    id bigserial PRIMARY KEY,")
        fk = rng.sample(base[:12], rng.randint(0, 2))
        for f in fk:
            out.append(f"    {f.rstrip('s')}_id bigint REFERENCES {prefix}{f}(id),")
        for c, ty in rng.sample(cols, rng.randint(3, 7)):
            out.append(f"    {c} {ty},")
        out.append("    created_at timestamptz NOT NULL DEFAULT now(),")
        out.append("    updated_at timestamptz NOT NULL DEFAULT now()")
        out.append(");")
        if rng.random() < 0.6:
            out.append(f"CREATE INDEX idx_{t}_created_at ON {t} (created_at);")
        out.append("")
    return "\n".join(out)


def app_log(seed, n, svc="billing-core"):
    rng = random.Random(seed)
    lv = ["INFO"] * 12 + ["WARN"] * 3 + ["ERROR"]
    msgs = {
        "INFO": ["invoice finalized invoice_id=in_{h} customer=cus_{h} total_cents={c}",
                 "charge succeeded charge_id=ch_{h} amount={c} latency_ms={l}",
                 "webhook delivered endpoint=we_{h} status=200 attempt=1",
                 "usage rollup done period=2026-04 records={c}",
                 "GET /v1/invoices/in_{h} 200 {l}ms"],
        "WARN": ["retrying gateway call attempt=2 err=\"read tcp: i/o timeout\"",
                 "slow query {l}ms: SELECT * FROM invoice_lines WHERE invoice_id = $1",
                 "connection pool near limit in_use=47 max=50"],
        "ERROR": ["charge failed charge_id=ch_{h} code=card_declined",
                  "failed to publish event topic=billing.invoice.finalized err=\"broker not available\""],
    }
    out = []
    h, m, s, ms = 14, 2, 0, 0
    for _ in range(n):
        ms += rng.randint(3, 900)
        s += ms // 1000; ms %= 1000
        m += s // 60; s %= 60
        h += m // 60; m %= 60
        l = rng.choice(lv)
        msg = rng.choice(msgs[l]).format(h="%08x" % rng.getrandbits(32), c=rng.randint(100, 98000), l=rng.randint(4, 2400))
        out.append(f"2026-04-17T{h:02d}:{m:02d}:{s:02d}.{ms:03d}Z {l:5s} {svc} [{rng.choice(['main', 'worker-3', 'worker-7', 'http-12'])}] {msg}")
    return "\n".join(out)


def endpoint_table(seed, n):
    rng = random.Random(seed)
    res = ["invoices", "subscriptions", "customers", "payments", "refunds", "plans", "coupons", "usage",
           "credit-notes", "payment-methods", "tax-ids", "quotes"]
    out = ["| method | path | owner | calls/day | p99 ms | auth |", "|---|---|---|---|---|---|"]
    for _ in range(n):
        r = rng.choice(res)
        meth = rng.choice(["GET", "GET", "GET", "POST", "PATCH", "DELETE"])
        path = f"/v{rng.choice([1, 1, 2])}/{r}" + rng.choice(["", "/{id}", "/{id}/lines", "/{id}/void", "/search", "/{id}/preview"])
        out.append(f"| {meth} | {path} | {rng.choice(TEAMS)} | {rng.randint(120, 4_800_000):,} | {rng.randint(9, 1900)} | {rng.choice(['session', 'api-key', 'oauth', 'internal'])} |")
    return "\n".join(out)


def terraform_plan(seed, n):
    rng = random.Random(seed)
    out = ["Terraform used the selected providers to generate the following execution plan.", ""]
    kinds = [("aws_db_instance", "  ~ update in-place"), ("aws_security_group_rule", "  + create"),
             ("aws_iam_role_policy", "  ~ update in-place"), ("aws_elasticache_replication_group", "  ~ update in-place"),
             ("aws_s3_bucket_lifecycle_configuration", "  + create"), ("aws_route53_record", "-/+ destroy and then create replacement"),
             ("aws_autoscaling_group", "  ~ update in-place"), ("aws_cloudwatch_metric_alarm", "  + create")]
    adds = chg = dst = 0
    for i in range(n):
        k, act = rng.choice(kinds)
        nm = f"{rng.choice(SERVICES).replace('-', '_')}_{rng.choice(['primary', 'replica', 'egress', 'logs', 'main', 'p99'])}"
        phrase = {"+": "created", "~": "updated in-place", "-/+": "replaced"}[act.split()[0]]
        out.append(f"  # {k}.{nm} will be {phrase}")
        out.append(f"{act.split()[0]} resource \"{k}\" \"{nm}\" {{")
        if k == "aws_db_instance":
            out.append(f"      ~ instance_class = \"db.r6g.{rng.choice(['xlarge', '2xlarge'])}\" -> \"db.r6g.{rng.choice(['2xlarge', '4xlarge'])}\"")
            out.append(f"      ~ allocated_storage = {rng.choice([500, 800])} -> {rng.choice([1000, 1200])}")
        elif k == "aws_autoscaling_group":
            out.append(f"      ~ max_size = {rng.randint(6, 12)} -> {rng.randint(14, 30)}")
        else:
            out.append(f"        id = \"{rng.getrandbits(40):x}\"")
            out.append("        # (4 unchanged attributes hidden)")
        out.append("    }")
        out.append("")
        if "create" in act and "destroy" not in act: adds += 1
        elif "destroy" in act: adds += 1; dst += 1
        else: chg += 1
    out.append(f"Plan: {adds} to add, {chg} to change, {dst} to destroy.")
    return "\n".join(out)


RFC_PARAS = [
    "The billing code lives in the main Rails application and shares the primary Postgres cluster with orders, accounts and the admin tools. Every change to pricing requires a full deploy of the monolith, which currently takes about 45 minutes including the asset build and the canary stage.",
    "Finance closes the books on the third working day of each month. During that window we freeze deploys to anything that touches invoices, which in practice means the whole monolith, because nobody can say with confidence which code paths touch invoices.",
    "We considered three options: leave billing where it is and only clean up the module boundary; extract a billing service that owns its own database; or buy a third-party billing platform and keep only a thin adapter in house.",
    "The proposal is to extract billing in stages. First we draw a hard module boundary inside the monolith, with a single facade that every caller must go through. Then we move the tables behind that facade to a separate database. Only then do we move the code into its own deployable.",
    "Risks: double charging during the cut-over, invoice numbers that must stay gapless per legal entity, the nightly finance export that reads tables directly, and the admin screens that join billing tables with account tables in a single query.",
    "We will keep the old and new paths running side by side and compare their output for at least one full billing cycle before switching reads. Writes move last.",
    "Open question: do we emit billing events from the monolith through an outbox table, or do we rely on change data capture from the write-ahead log? The platform team has a preference for CDC because they already run Debezium for search.",
    "Success metrics: deploy time for pricing changes under 10 minutes, no increase in payment failures, zero invoice number gaps, and finance reconciliation diff of exactly zero cents for two consecutive months.",
    "Out of scope for this document: tax calculation (stays with the tax vendor), the partner payouts flow, and the currency conversion service, which will be handled in a follow-up RFC.",
    "Staffing: two engineers from payments full time, one from platform at half time, plus a finance analyst for reconciliation during the parallel run. We estimate two quarters, with the freeze windows taken into account.",
    "The read path is the easy part. The hard part is that the order checkout flow opens a database transaction, creates the order, reserves stock, and creates the invoice in the same transaction. Once billing has its own database that transaction cannot span both.",
    "We measured the current load: roughly 2,300 invoice writes per minute at peak, 40,000 invoice reads per minute, of which 70% come from the customer portal and 20% from the admin tools.",
]


def design_doc(seed, title, n_extra_tables, n_endpoints):
    rng = random.Random(seed)
    paras = list(RFC_PARAS)
    out = [f"# RFC: {title}", "", f"Author: {rng.choice(PEOPLE)}   Reviewers: {', '.join(rng.sample(PEOPLE, 3))}",
           "Status: draft", "", "## Context", ""]
    out += [paras[0], "", paras[1], "", "## Options", "", paras[2], "", "## Proposal", "", paras[3], "", paras[5],
            "", paras[10], "", "## Load", "", paras[11], "", "## Risks", "", paras[4], "", paras[6], "",
            "## Success", "", paras[7], "", paras[8], "", paras[9], "", "## Appendix A: endpoints", "",
            endpoint_table(seed + 1, n_endpoints), "", "## Appendix B: tables that move", "", "```sql",
            sql_schema(seed + 2, n_extra_tables), "```", "", "## Appendix C: call sites", "", "```",
            call_sites(seed + 3, n_endpoints // 2), "```"]
    return "\n".join(out)


def k8s_values(seed, svc):
    rng = random.Random(seed)
    return f"""replicaCount: {rng.choice([3, 4, 6])}
image:
  repository: registry.internal/{svc}
  tag: "2026.04.{rng.randint(1, 28)}-{rng.getrandbits(28):07x}"
  pullPolicy: IfNotPresent
resources:
  requests:
    cpu: {rng.choice(['500m', '750m', '1'])}
    memory: {rng.choice(['768Mi', '1Gi', '1536Mi'])}
  limits:
    memory: {rng.choice(['1Gi', '2Gi'])}
env:
  DB_POOL_SIZE: "{rng.choice([10, 20, 25])}"
  DB_HOST: pg-billing-primary.db.svc.cluster.local
  GATEWAY_TIMEOUT_MS: "{rng.choice([3000, 5000, 8000])}"
  RETRY_MAX_ATTEMPTS: "{rng.choice([3, 5, 12])}"
  FEATURE_NEW_PRORATION: "false"
  LOG_LEVEL: info
autoscaling:
  enabled: true
  minReplicas: {rng.choice([3, 4])}
  maxReplicas: {rng.choice([12, 16, 24])}
  targetCPUUtilizationPercentage: {rng.choice([60, 70, 75])}
podDisruptionBudget:
  minAvailable: {rng.choice([1, 2])}
readinessProbe:
  httpGet:
    path: /healthz/ready
    port: 8080
  periodSeconds: 10
  failureThreshold: 3
"""


# ---------------------------------------------------------------- material instances

DOC_BILLING = design_doc(1601, "Extract billing from the monolith", 24, 150)
NOTES_BILLING = meeting_notes(1602, 6, "Billing extraction")
NOTES_LONG = meeting_notes(1603, 38, "Platform guild")
CALLS_SMALL = call_sites(1604, 40)
CALLS_BIG = call_sites(1605, 900)
CAP_90 = capacity_csv(1606, 90)
CAP_30 = capacity_csv(1607, 30, "us-east-1")
CATALOG = service_catalog(1608, 28)
CATALOG_BIG = service_catalog(1609, 260)
SCHEMA_SMALL = sql_schema(1610, 6)
SCHEMA_BIG = sql_schema(1611, 140)
LOG_SMALL = app_log(1612, 60)
LOG_BIG = app_log(1613, 850)
VALUES = k8s_values(1614, "billing-core")
TFPLAN = terraform_plan(1615, 14)
ENDPOINTS = endpoint_table(1616, 45)

# ---------------------------------------------------------------- rows

# --- billing out of the monolith: the central theme, many tiers
R("opus", "plan", "web", "plain", "easy-words-hard",
  "TB6: open multi-quarter extraction plan across a codebase, plain words",
  "plan how we move the billing code out of the monolith. we are a rails shop, billing shares the main postgres with everything else, and finance cannot tolerate a single wrong invoice. I want phases, what goes first, and how we know each phase is done.")
R("opus", "plan", "general", "terse", "short-hard",
  "TB3/TB6: org-wide rollout plan, few words",
  "how should we roll this out to the other teams")
R("opus", "review", "web", "verbose", None,
  "TB10: RFC review that must judge the architecture and the cut-over risks",
  "Here is the RFC my team wrote for pulling billing out of the monolith. It is going to the architecture review next week and I would like a proper critical read before that: what is missing, what is wrong, which risks are under-estimated, and whether the staging makes sense. Be honest, I would rather hear it from you than from the review board.\n\n" + DOC_BILLING)
R("haiku", "question", "web", "plain", "long-trivial",
  "TB5: find one value in a long doc",
  "How many engineers does this RFC say are staffed on the billing extraction? Just the number and the roles.\n\n" + DOC_BILLING)
R("haiku", "docs", "web", "plain", "long-trivial",
  "TB5: mechanical pull of headings from long paste",
  "Give me just the table of contents of this doc as a markdown list of the section headings, nothing else.\n\n" + DOC_BILLING)
R("sonnet", "docs", "web", "verbose", None,
  "writing a structured ADR from a decided RFC: careful doc work, no new design",
  "The review board approved the staged approach in this RFC (facade first, then tables, then the separate deployable). Could you turn it into an ADR in our usual format: Title, Status, Context, Decision, Consequences, Alternatives considered. Keep it to about one page and only use what is in the doc, don't invent new decisions.\n\n" + DOC_BILLING[:6000])
R("haiku", "plan", "web", "plain", "long-trivial",
  "TB5: notes into checklist is a mechanical chore",
  "turn the action items in these notes into a single checklist grouped by person, keep the wording\n\n" + NOTES_BILLING)
R("haiku", "docs", "general", "terse", None,
  "short summary of short notes",
  "summarise these notes in 5 bullets for people who missed the meeting\n\n" + meeting_notes(1620, 1, "Billing extraction"))
R("opus", "design", "databases", "plain", "easy-words-hard",
  "TB6: the checkout transaction spanning two databases after the split is a consistency design problem",
  "Right now checkout creates the order, reserves stock and creates the invoice in one database transaction. After billing gets its own database that can't be one transaction anymore. What should we do instead so we never end up with an order without an invoice or an invoice without an order?")
R("sonnet", "implement", "web", "plain", None,
  "clear spec: a facade module that delegates, several files",
  "We decided every call into billing must go through a single facade, `Billing::API`. Here are the 40 call sites we found. Write the facade class with one method per distinct operation used below, delegating to the existing classes, and show me the diff for five of the call sites so the team can copy the pattern.\n\n" + CALLS_SMALL)
R("haiku", "question", "web", "terse", "long-trivial",
  "TB5: counting lines in a paste",
  "how many call sites in here are in app/jobs? just the count\n\n" + CALLS_BIG)
R("sonnet", "refactor", "web", "follow-up", None,
  "TB8: rewriting many call sites carefully is multi-step; grep output plus pattern",
  "ok now do the same for all the ones in app/controllers, same pattern as the five you did")
R("haiku", "question", "general", "plain", None,
  "short well-known answer",
  "what is the strangler fig pattern, in two sentences?")
R("haiku", "question", "databases", "terse", None,
  "well-known definition",
  "outbox pattern vs cdc, one line each")
R("opus", "design", "databases", "verbose", None,
  "choosing between designs with real trade-offs for this system",
  "The open question in our RFC is whether billing events should come from an outbox table written in the same transaction, or from change data capture on the Postgres WAL via Debezium, which platform already runs for search. Our events feed finance reporting and customer webhooks, and ordering per customer matters. Which would you pick for us and why? I want the failure modes of each spelled out, not a generic comparison.")
R("sonnet", "implement", "databases", "plain", None,
  "writing an outbox table + relay with known design: everyday engineering",
  "We've settled on the outbox pattern. Write the migration for an `outbox_events` table in Postgres (id, aggregate_type, aggregate_id, event_type, payload jsonb, created_at, published_at) with a sensible index for the relay, and a small Ruby relay job that picks unpublished rows in batches of 500 with FOR UPDATE SKIP LOCKED, publishes them, and marks them published.")
R("opus", "review", "databases", "plain", None,
  "TB10: review of concurrent relay code for ordering and duplicates",
  "Can you review this outbox relay for ordering and duplicate problems? We run 4 replicas of it and per-customer order matters downstream.\n\n```ruby\nclass OutboxRelay\n  BATCH = 500\n\n  def run_once\n    OutboxEvent.transaction do\n      rows = OutboxEvent.where(published_at: nil)\n                        .order(:id)\n                        .limit(BATCH)\n                        .lock('FOR UPDATE SKIP LOCKED')\n                        .to_a\n      rows.each do |ev|\n        Kafka.producer.produce(ev.payload.to_json, topic: \"billing.#{ev.event_type}\", key: ev.aggregate_id.to_s)\n      end\n      Kafka.producer.deliver_messages\n      OutboxEvent.where(id: rows.map(&:id)).update_all(published_at: Time.current)\n    end\n  end\nend\n```")
R("haiku", "edit", "web", "plain", None,
  "rename a constant, mechanical",
  "in that relay class rename BATCH to BATCH_SIZE, nothing else")
R("opus", "plan", "databases", "plain", "easy-words-hard",
  "TB6: moving live tables to a new database with no lost writes is a hard migration plan",
  "What's the safest way to move the invoices and invoice_lines tables to their own Postgres instance while the app keeps writing to them? We can afford maybe a minute of read-only, not more.")
R("sonnet", "docs", "general", "verbose", None,
  "writing a runbook from decided steps: careful but known",
  "We already agreed the cut-over steps for the billing database move (put billing in read-only via the flag, wait for replica lag to hit zero, promote the new primary, flip the connection string in the config service, smoke test, turn off read-only). Can you write this up as a proper runbook with the commands we'd paste, a go/no-go check before each step, and a rollback section? Our config service CLI is `cfgctl set <key> <value>` and the flag CLI is `flagctl`.")
R("haiku", "question", "databases", "plain", "long-trivial",
  "TB5: find which tables have a foreign key to one table",
  "which of these tables have a foreign key to customers? list the table names only\n\n```sql\n" + SCHEMA_BIG + "\n```")
R("sonnet", "question", "databases", "plain", None,
  "judging FK dependencies to find a move order is several steps of care but no open design",
  "Given this schema, which tables could we move to a separate database without breaking any foreign key, and which ones would need the FK dropped first? Give me the two lists.\n\n```sql\n" + SCHEMA_SMALL + "\n```")
R("opus", "plan", "databases", "verbose", None,
  "large migration plan across a big schema with FK untangling and sequencing",
  "This is the full schema of our main database. We want to end up with three databases: billing, orders and identity. Could you propose which tables go where, which foreign keys we need to cut and what replaces them, and an order of moves that never leaves the app broken in between? I know this is a lot, take your time.\n\n```sql\n" + SCHEMA_BIG + "\n```")

# --- short design questions with well-known answers (haiku) and their harder neighbours
R("haiku", "question", "infrastructure", "plain", None,
  "well-known concept",
  "What's the difference between a blue-green deploy and a canary deploy?")
R("haiku", "question", "general", "terse", None,
  "well-known format",
  "what sections does an ADR usually have")
R("haiku", "question", "databases", "plain", None,
  "short factual answer",
  "Is a read replica in Postgres synchronous or asynchronous by default?")
R("haiku", "question", "infrastructure", "plain", "hard-words-easy",
  "TB4: scary terms, textbook definition",
  "In plain words, what does the CAP theorem actually say? One paragraph is fine, it's for a slide.")
R("haiku", "question", "databases", "non-native", "hard-words-easy",
  "TB9: well-known definition in rough English",
  "what means 'linearizable' vs 'serializable', i always mix them. short please")
R("haiku", "question", "general", "plain", None,
  "well-known reference",
  "what is Conway's law")
R("haiku", "question", "infrastructure", "terse", None,
  "well-known definition",
  "rpo vs rto?")
R("opus", "design", "infrastructure", "plain", "easy-words-hard",
  "TB6: setting DR targets and designing to meet them for this system is open design",
  "Our leadership wants 'no more than 5 minutes of lost data and back up within 30 minutes' if eu-west-1 goes down. We're single region today with Postgres, Redis, Kafka and about 30 services on EKS. What would it actually take to get there, and what would you cut if we only have one quarter?")
R("haiku", "question", "web", "plain", None,
  "well-known answer",
  "what's an idempotency key and why do payment APIs ask for one?")
R("sonnet", "implement", "web", "plain", None,
  "implementing a known mechanism in an endpoint with care",
  "Add idempotency keys to our POST /v1/charges endpoint (Express + Postgres). Store key, request hash, response status and body for 24h; if the same key comes with a different body return 422; if it comes while the first request is still running return 409. Write the middleware and the table.")
R("opus", "review", "security", "plain", None,
  "TB10: security/correctness review of payment idempotency with races",
  "review this idempotency middleware, we had two double charges last month and I'm not convinced it's airtight under concurrent retries\n\n```js\nasync function idempotency(req, res, next) {\n  const key = req.get('Idempotency-Key');\n  if (!key) return next();\n  const existing = await db.oneOrNone('select * from idem_keys where key = $1', [key]);\n  if (existing) {\n    if (existing.status === 'done') return res.status(existing.code).json(existing.body);\n    return res.status(409).json({error: 'in progress'});\n  }\n  await db.none('insert into idem_keys(key, status, created_at) values ($1, $2, now())', [key, 'running']);\n  const send = res.json.bind(res);\n  res.json = async (body) => {\n    await db.none('update idem_keys set status=$2, code=$3, body=$4 where key=$1', [key, 'done', res.statusCode, body]);\n    return send(body);\n  };\n  next();\n}\n```")

# --- config flags (sonnet-level small features) and their trivial neighbours
R("sonnet", "implement", "web", "plain", None,
  "small feature touching config, code path and tests",
  "add a config flag so we can turn off the new proration logic per environment. it's read in `Billing::Proration.calculate`, default should be off in prod and on in staging. include the test.")
R("haiku", "edit", "infrastructure", "terse", None,
  "one value change in YAML",
  "flip FEATURE_NEW_PRORATION to true in this\n\n```yaml\n" + VALUES + "```")
R("haiku", "question", "infrastructure", "plain", None,
  "find one setting",
  "what's the retry limit set to in this values file?\n\n```yaml\n" + k8s_values(1621, "billing-core") + "```")
R("sonnet", "implement", "infrastructure", "verbose", None,
  "helm template change with conditionals, clear spec",
  "In our helm chart the env block is a flat map in values.yaml like below. I'd like to add support for per-environment overrides so that values-staging.yaml can override only FEATURE_NEW_PRORATION and LOG_LEVEL without copying the whole env map, and also allow env vars that come from secrets (secretKeyRef). Can you change the deployment template and show the values layout?\n\n```yaml\n" + k8s_values(1622, "billing-core") + "```")
R("opus", "design", "infrastructure", "plain", "easy-words-hard",
  "TB6: introducing feature flags across services is open design",
  "We keep adding one-off config flags like the proration one. Plan how we introduce proper feature flags across all our services instead: who owns them, how they get cleaned up, how we avoid a flag outage taking down checkout.")
R("sonnet", "implement", "tooling", "terse", None,
  "small script with several steps",
  "script to list flags in flagctl older than 180 days with no changes, output csv")

# --- capacity planning
R("opus", "plan", "infrastructure", "verbose", None,
  "capacity plan with analysis of growth and headroom from data",
  "Here's 90 days of daily peak metrics for our main API in eu-west-1. Black Friday is usually about 3.2x a normal Saturday peak for us. Can you work out whether the current setup (24 pods max, one db.r6g.2xlarge primary with 500 max connections) survives it, where it breaks first, and what we should order and change before November? Show your reasoning, I need to defend it to the budget people.\n\n```csv\n" + CAP_90 + "\n```")
R("haiku", "question", "infrastructure", "plain", "long-trivial",
  "TB5: find the max of one column",
  "what was the highest peak_rps in this file and on which day?\n\n```csv\n" + CAP_90 + "\n```")
R("haiku", "edit", "data", "terse", "long-trivial",
  "TB5: mechanical column drop",
  "drop the mem_gb and db_conns columns, give me the csv back\n\n" + CAP_30)
R("sonnet", "implement", "data", "plain", None,
  "small analysis script with a few steps",
  "write a python script that reads this csv format, fits a linear trend on disk_used_gb and tells me the date we hit 2500 GB. pandas is fine.\n\n```csv\n" + CAP_30[:600] + "\n```")
R("haiku", "question", "infrastructure", "plain", None,
  "simple arithmetic",
  "If one pod handles about 450 requests per second and we peak at 18,000 rps, how many pods do we need with 30% headroom?")
R("sonnet", "question", "databases", "plain", None,
  "connection budgeting across pools needs care but is known",
  "We have 24 app pods, each with a pool of 25 connections, plus 6 sidekiq pods with 10 each, all hitting one Postgres with max_connections=500. Are we over? And what's the usual way to fix it without just raising max_connections - pgbouncer in transaction mode? What breaks in our Rails app if we do that?")
R("opus", "plan", "data", "plain", "easy-words-hard",
  "TB6: storage growth planning with data retention trade-offs",
  "Our event warehouse grows 40% a quarter and the bill is now the second biggest line after compute. Work out a plan for the next two years: what we keep hot, what we move to cold storage, what we delete, and what that does to the analysts' queries.")

# --- follow-ups
R("sonnet", "plan", "general", "follow-up", None,
  "TB8: only points back, work unknown",
  "ok continue")
R("sonnet", "design", "general", "follow-up", None,
  "TB8: only points back",
  "hmm that's not really what I meant, try again")
R("haiku", "docs", "general", "follow-up", None,
  "TB8: says what it is, shorten text",
  "make that shorter, max 5 bullets")
R("opus", "plan", "web", "follow-up", None,
  "TB8: asks for a new cross-team rollout plan",
  "good. now how do we roll the same facade-first approach out to the orders and identity teams without the three efforts stepping on each other?")
R("haiku", "docs", "general", "follow-up", None,
  "TB8: mechanical format change",
  "can you put that in a table instead")
R("sonnet", "test", "web", "follow-up", None,
  "TB8: add tests for earlier code",
  "add tests for the facade too")

# --- Portuguese / Dutch
R("opus", "plan", "web", "other-language", "easy-words-hard",
  "TB9/TB6: extraction plan in Portuguese",
  "Como a gente tira o módulo de cobrança do monólito sem parar de faturar? Quero um plano em fases, com o que dá pra reverter em cada fase.", language="pt")
R("haiku", "question", "general", "other-language", None,
  "TB9: well-known definition",
  "O que é um ADR e pra que serve? Resposta curta.", language="pt")
R("opus", "design", "infrastructure", "other-language", "easy-words-hard",
  "TB9/TB6: rollout design across teams in Dutch",
  "Hoe pakken we het aan om de nieuwe deploy-pipeline bij de andere teams uit te rollen? Sommige teams deployen nog handmatig via Jenkins, andere zitten al op ArgoCD. Ik wil een plan dat niemand een maand stillegt.", language="nl")
R("haiku", "plan", "general", "other-language", "long-trivial",
  "TB9/TB5: notes into checklist",
  "Kun je van de actiepunten uit deze notulen een checklist maken? Gewoon per persoon.\n\n" + meeting_notes(1623, 4, "Platform"), language="nl")

# --- database upgrades and engine migrations
R("opus", "plan", "databases", "verbose", None,
  "major-version upgrade of a critical cluster with minimal downtime: multi-step plan with real risk",
  "We're on Postgres 11 on RDS (yes, I know) with a 3.8 TB primary and two read replicas, and AWS extended support costs are now painful. We need to get to 16. Downtime budget is 10 minutes at 3am on a Sunday. Options I've heard: in-place major upgrade, blue/green deployments in RDS, logical replication to a new cluster. Please lay out a plan you'd actually bet on, including what to test beforehand, what breaks with extensions and sequences, and how we roll back if 16 misbehaves on Monday morning.")
R("haiku", "question", "databases", "terse", None,
  "short factual lookup",
  "does logical replication in postgres copy sequences?")
R("sonnet", "ops", "databases", "plain", None,
  "known procedure with several steps",
  "Write me the SQL to set up logical replication from our old Postgres 11 primary to a new 16 instance for the tables in the public schema: publication on the source, subscription on the target, and a query I can run on both sides to check row counts per table afterwards.")
R("haiku", "ops", "databases", "plain", None,
  "one-liner",
  "psql one-liner to list all tables with their size, biggest first")
R("opus", "plan", "databases", "plain", "easy-words-hard",
  "TB6: engine migration across many services, plain words",
  "We have about 15 services on MySQL 5.7 and the rest on Postgres. Leadership wants one database engine by end of next year. How would you go about it, in what order, and how do we avoid a year of half-migrated mess?")
R("sonnet", "implement", "databases", "plain", None,
  "schema conversion with known mapping; careful but mechanical-plus",
  "Convert these MySQL table definitions to Postgres DDL. Watch out for the TINYINT(1) booleans, the ON UPDATE CURRENT_TIMESTAMP columns (use a trigger), and the utf8mb4 collations.\n\n```sql\nCREATE TABLE `plan_prices` (\n  `id` bigint unsigned NOT NULL AUTO_INCREMENT,\n  `plan_id` bigint unsigned NOT NULL,\n  `currency` char(3) COLLATE utf8mb4_unicode_ci NOT NULL,\n  `amount_cents` int NOT NULL,\n  `is_default` tinyint(1) NOT NULL DEFAULT '0',\n  `valid_from` datetime NOT NULL,\n  `valid_to` datetime DEFAULT NULL,\n  `updated_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,\n  PRIMARY KEY (`id`),\n  KEY `idx_plan_currency` (`plan_id`,`currency`),\n  CONSTRAINT `fk_plan` FOREIGN KEY (`plan_id`) REFERENCES `plans` (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;\n\nCREATE TABLE `coupons` (\n  `id` bigint unsigned NOT NULL AUTO_INCREMENT,\n  `code` varchar(64) COLLATE utf8mb4_bin NOT NULL,\n  `percent_off` decimal(5,2) DEFAULT NULL,\n  `active` tinyint(1) NOT NULL DEFAULT '1',\n  `max_redemptions` int DEFAULT NULL,\n  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,\n  PRIMARY KEY (`id`),\n  UNIQUE KEY `uniq_code` (`code`)\n) ENGINE=InnoDB;\n```")
R("haiku", "edit", "databases", "plain", "long-trivial",
  "TB5: add one line per table mechanically",
  "add `COMMENT ON TABLE x IS 'owned by billing';` after every CREATE TABLE in this file, x being the table name. nothing else changes.\n\n```sql\n" + sql_schema(1624, 60) + "\n```")
R("sonnet", "debug", "databases", "plain", None,
  "logs point to the cause: pool exhaustion from a slow query",
  "Our billing service started timing out this afternoon. Logs below. What's going on and what do I do first?\n\n```\n" + LOG_SMALL + "\n2026-04-17T14:03:12.004Z ERROR billing-core [http-12] could not obtain connection from pool within 5000ms in_use=50 max=50\n2026-04-17T14:03:12.311Z ERROR billing-core [http-3] could not obtain connection from pool within 5000ms in_use=50 max=50\n2026-04-17T14:03:13.020Z WARN  billing-core [worker-7] slow query 31877ms: SELECT * FROM invoice_lines WHERE invoice_id = $1\n```")
R("haiku", "question", "databases", "plain", "long-trivial",
  "TB5: count ERROR lines",
  "how many ERROR lines are in this log, and what are the distinct error messages?\n\n```\n" + LOG_BIG + "\n```")
R("opus", "debug", "databases", "verbose", "easy-words-hard",
  "TB6: intermittent production problem in prose with no lead",
  "Something weird: about once a week, a handful of invoices end up with their lines duplicated - same product, same amount, two rows. It never happens in staging. We have a unique index on (invoice_id, line_no) so I don't even understand how it's possible, unless line_no itself is different. It started sometime after we moved the invoice builder to Sidekiq. No errors in the logs around those times. Where would you even start, and what are the likely theories?")
R("sonnet", "implement", "databases", "plain", None,
  "writing a detection query for the described symptom",
  "write a query that finds invoices with duplicated lines: same invoice_id, product_id and amount_cents appearing more than once, created in the last 30 days, with the count")
R("haiku", "explain", "databases", "plain", None,
  "common error message",
  "what does `ERROR: duplicate key value violates unique constraint \"invoice_lines_invoice_id_line_no_key\"` mean exactly?")

# --- ADRs
R("sonnet", "docs", "infrastructure", "plain", None,
  "ADR drafting from decided notes",
  "We decided in the meeting to go with SQS + SNS instead of self-hosted RabbitMQ for the notification pipeline: less ops, we're all-in on AWS anyway, we accept no strict ordering and will make consumers idempotent. Write the ADR for that decision, status Accepted, include the alternatives we rejected (RabbitMQ, Kafka/MSK) with one honest line each.")
R("opus", "design", "infrastructure", "plain", None,
  "choosing between architectures with justification for this workload",
  "Before we write the ADR I want a second opinion on the choice itself. Notification pipeline: ~2M messages a day, bursts of 50k in a minute when a marketing campaign fires, three consumer types (email, push, sms), we need per-user rate limits and we can't send the same SMS twice because it costs money. SQS+SNS, RabbitMQ, or Kafka? Argue it.")
R("haiku", "edit", "general", "plain", None,
  "status change in a doc",
  "change the status of this ADR to Superseded and add a line pointing to ADR-0042\n\n# ADR-0017: Use RabbitMQ for notifications\n\nStatus: Accepted\nDate: 2024-02-11\n\n## Context\nWe need a broker for email and push notifications...\n\n## Decision\nWe will run RabbitMQ 3.12 on three EC2 nodes with quorum queues.\n\n## Consequences\nSRE owns the cluster. Upgrades are manual.")
R("haiku", "docs", "general", "terse", None,
  "template request",
  "give me a blank MADR template")
R("sonnet", "review", "general", "verbose", None,
  "reviewing an ADR's writing and completeness, not judging the architecture deeply",
  "Can you review the wording of this ADR? I'm not asking whether the decision is right (that's settled), just whether it reads clearly, whether the consequences section is honest and complete, and whether someone joining in a year would understand why we did this.\n\n# ADR-0031: Store uploaded files in S3, not in Postgres\n\nStatus: Accepted\n\n## Context\nCustomers upload invoices PDFs and contracts. Today they're stored as bytea in the documents table, which is now 1.1 TB, makes backups slow (6h) and makes restoring to staging impossible.\n\n## Decision\nNew uploads go to S3 bucket acme-docs-prod with a key of tenant_id/uuid. The documents table keeps metadata only. Existing blobs are migrated by a background job.\n\n## Consequences\n- backups get faster\n- we need to handle S3 being down\n- access is through presigned URLs that expire after 5 minutes\n")
R("opus", "review", "security", "plain", None,
  "TB10: security implications of presigned URL design",
  "same ADR - security asked us to look at the threat side of it before we migrate. what could go wrong with the presigned url + tenant_id/uuid key design, and what should we add?")

# --- CI / pipeline migrations
R("opus", "plan", "tooling", "verbose", None,
  "org-wide CI migration plan across many repos and teams",
  "We have 140 repos on a self-hosted Jenkins with a mountain of shared Groovy libraries that nobody fully understands, and we want to move to GitHub Actions over the next two quarters. Teams are busy and will resist anything that costs them more than a day. How would you plan and sequence this, and how would you handle the weird repos (the monolith with its 45 minute pipeline, the mobile apps that need macOS runners, the ones that deploy to on-prem)?")
R("sonnet", "implement", "tooling", "plain", None,
  "translate one pipeline to another CI: everyday",
  "Convert this Jenkinsfile to a GitHub Actions workflow. Keep the same stages, cache the gradle deps, and only run the deploy job on main.\n\n```groovy\npipeline {\n  agent { label 'docker' }\n  environment { JAVA_HOME = '/opt/jdk17' }\n  stages {\n    stage('Build') { steps { sh './gradlew assemble' } }\n    stage('Test') {\n      steps { sh './gradlew test' }\n      post { always { junit 'build/test-results/**/*.xml' } }\n    }\n    stage('Image') { steps { sh 'docker build -t registry.internal/tax-calc:${GIT_COMMIT} .' } }\n    stage('Deploy') {\n      when { branch 'main' }\n      steps { sh './deploy.sh staging ${GIT_COMMIT}' }\n    }\n  }\n}\n```")
R("haiku", "explain", "tooling", "plain", None,
  "short snippet",
  "what does `when { branch 'main' }` do in a Jenkinsfile")
R("sonnet", "implement", "tooling", "follow-up", None,
  "TB8: apply same conversion to another pipeline",
  "nice, now the same for the invoice-renderer one, it's basically the same but it also pushes to ECR")
R("haiku", "question", "tooling", "terse", None,
  "well-known syntax",
  "gh actions: how to run a job only on tags starting with v")

# --- data platform
R("opus", "design", "data", "plain", "easy-words-hard",
  "TB6: open data platform design",
  "Analysts keep querying the production read replica and slowing it down. I want to give them their own place to run queries with data no older than about 15 minutes. What should we build? We have maybe two engineers for it.")
R("sonnet", "implement", "data", "plain", None,
  "Airflow DAG with clear spec",
  "Write an Airflow DAG that runs daily at 02:00 UTC, exports yesterday's rows from the invoices table in Postgres to parquet in s3://acme-lake/raw/invoices/dt=YYYY-MM-DD/, then triggers a dbt run for the models tagged `billing`. Retries 2, alert to the #data-oncall Slack on failure.")
R("haiku", "explain", "data", "plain", None,
  "short known concept",
  "what does `is_incremental()` do in a dbt model?")
R("sonnet", "debug", "data", "plain", None,
  "identifiable cause: late-arriving data in incremental model",
  "our dbt incremental model for daily revenue keeps missing rows that arrive late (refunds posted a day after). the model filters `where created_at > (select max(created_at) from {{ this }})`. how do i fix it without a full refresh every night?")
R("opus", "design", "data", "verbose", None,
  "reconciliation design for money with consistency concerns",
  "Finance wants a guarantee that the revenue numbers in the warehouse match the billing database to the cent, every day, and they want to know quickly when they don't. Data moves through CDC into Kafka, then into S3, then dbt builds the marts. Design the reconciliation: what to compare, at what grain, where the checks live, and what happens when they fail during month-end close.")
R("haiku", "edit", "data", "plain", "long-trivial",
  "TB5: mechanical format conversion of a long csv to markdown table is still mechanical",
  "turn this into a markdown table, keep every row\n\n" + capacity_csv(1625, 45, "ap-southeast-2"))

# --- infra and terraform
R("sonnet", "review", "infrastructure", "plain", None,
  "reviewing a terraform plan for risky changes: everyday review",
  "Can you look through this terraform plan before I apply it and tell me which changes could cause downtime?\n\n```\n" + TFPLAN + "\n```")
R("haiku", "question", "infrastructure", "terse", "long-trivial",
  "TB5: extract one kind of line",
  "which resources get destroyed in this plan? names only\n\n```\n" + terraform_plan(1626, 60) + "\n```")
R("opus", "plan", "infrastructure", "plain", "easy-words-hard",
  "TB6: cross-account infra reorganisation plan",
  "All our environments live in one AWS account and one giant terraform state. Plan how we split that up into separate accounts per environment and smaller states per team, without a week of nobody being able to deploy.")
R("sonnet", "implement", "infrastructure", "plain", None,
  "terraform module with a clear spec",
  "write a terraform module for a standard service RDS Postgres: inputs for instance class, storage, multi-az, backup retention; outputs endpoint and the secret ARN; create the parameter group with log_min_duration_statement=500 and the security group allowing only the app SG.")
R("haiku", "ops", "infrastructure", "plain", None,
  "one command",
  "terraform command to move a resource to a new address in state")
R("sonnet", "ops", "infrastructure", "non-native", None,
  "TB9: state surgery with several known steps",
  "we need move 3 resources from the big state to a new state for team payments, aws_db_instance.billing, aws_security_group.billing_db and aws_iam_role.billing_app. what are exact steps with terraform commands so nothing get destroyed?")

# --- review of a service catalog
R("haiku", "question", "infrastructure", "plain", "long-trivial",
  "TB5: filter a list",
  "which services in this catalog are tier 0? just names\n\n```yaml\n" + CATALOG_BIG + "\n```")
R("opus", "review", "infrastructure", "verbose", None,
  "judging architecture: dependency structure and ownership risks across the catalog",
  "This is our service catalog. I'm new as staff engineer here and I want to understand where the real risks are: which dependencies create cycles or single points of failure, where ownership doesn't match criticality, what would you look at first if you were me. Here it is:\n\n```yaml\n" + CATALOG + "\n```")
R("sonnet", "implement", "tooling", "plain", None,
  "script: parse YAML, build graph, find cycles - known algorithm",
  "write a python script that reads this catalog format and prints any dependency cycles between services, plus services that depend on a service with a higher tier number (less critical) than themselves\n\n```yaml\n" + service_catalog(1627, 6) + "\n```")
R("haiku", "edit", "infrastructure", "terse", None,
  "rename mechanical in yaml",
  "rename owner core-data to data-platform everywhere\n\n```yaml\n" + service_catalog(1628, 12) + "\n```")

# --- Portuguese / Dutch batch 2
R("sonnet", "docs", "infrastructure", "other-language", None,
  "TB9: ADR writing from decided notes in Portuguese",
  "A gente decidiu migrar os jobs do cron da VM antiga pro Kubernetes CronJob. Motivos: a VM não tem monitoramento, ninguém sabe quem mexe nela e já perdemos execução duas vezes. Escreve um ADR curto pra essa decisão, em português, com contexto, decisão e consequências.", language="pt")
R("haiku", "question", "databases", "other-language", None,
  "TB9: short factual",
  "Qual a diferença entre VACUUM e VACUUM FULL no Postgres? Bem rápido.", language="pt")
R("opus", "plan", "databases", "other-language", None,
  "TB9: capacity and migration planning for a DB in Dutch",
  "Onze hoofddatabase groeit 120 GB per maand en zit op 70% van de schijf. Over een jaar lopen we tegen de grens van de grootste instance aan. Wat zijn onze opties (sharden, archiveren, tabellen afsplitsen) en welk plan zou jij kiezen? Graag met de afwegingen.", language="nl")
R("haiku", "docs", "general", "other-language", None,
  "TB9: short summary",
  "Vat dit samen in drie zinnen voor de nieuwsbrief: we zijn overgestapt van Jenkins naar GitHub Actions voor 40 van de 140 repos, de gemiddelde buildtijd is van 14 naar 6 minuten gegaan, en de rest volgt in Q3.", language="nl")
R("sonnet", "debug", "infrastructure", "other-language", None,
  "TB9: debug with clear error",
  "Nosso deploy no ArgoCD fica travado em 'Progressing' desde ontem. O evento do pod diz: `Readiness probe failed: HTTP probe failed with statuscode: 503`. O endpoint /healthz/ready verifica o banco e o Redis. O que eu olho primeiro e como corrijo?", language="pt")

# --- short-hard traps
R("opus", "design", "databases", "terse", "short-hard",
  "TB3: exactly-once across two stores in a few words",
  "exactly once invoice emails when the send and the db write can each fail. how")
R("opus", "design", "databases", "terse", "short-hard",
  "TB3: multi-tenant sharding design, few words",
  "shard key for a multi-tenant saas where 3 tenants are 60% of the data?")
R("opus", "plan", "web", "terse", "short-hard",
  "TB3/TB6: service boundaries for a monolith",
  "propose service boundaries for our monolith")
R("opus", "design", "infrastructure", "terse", "short-hard",
  "TB3: active-active multi-region writes is distributed consistency design",
  "active-active across two regions for the billing db. sane or not, and how")
R("opus", "debug", "databases", "terse", "short-hard",
  "TB6: writes lost after leader change, no lead",
  "writes go missing after every failover. where do we even look")
R("opus", "design", "web", "terse", "short-hard",
  "TB3: gapless invoice numbering under concurrency",
  "gapless invoice numbers per legal entity with 20 writers?")
R("opus", "plan", "general", "terse", "short-hard",
  "TB6: org-wide deprecation plan",
  "how do we kill the v1 api that 300 customers still use")

# --- hard-words-easy traps
R("haiku", "edit", "infrastructure", "plain", "hard-words-easy",
  "TB4: scary domain words, trivial rename",
  "In this Raft config rename `election_timeout_ms` to `leader_election_timeout_ms` and `heartbeat_ms` to `heartbeat_interval_ms`. Don't change values.\n\n```yaml\nraft:\n  node_id: billing-meta-2\n  peers:\n    - billing-meta-0.meta.svc:7000\n    - billing-meta-1.meta.svc:7000\n    - billing-meta-2.meta.svc:7000\n  election_timeout_ms: 1500\n  heartbeat_ms: 150\n  snapshot_every_entries: 50000\n  max_inflight_appends: 64\n  fsync: always\n```")
R("haiku", "docs", "security", "plain", "hard-words-easy",
  "TB4: fix typos in a crypto-heavy paragraph",
  "fix the spelling in this paragraph of our threat model doc, don't change anything else:\n\nTokens are signed with HMAC-SHA256 using a per-tenant key derrived from the master key with HKDF. Keys are rotatted every 90 days and the previus key stays valid for verifcation for 7 days. Nonces for the AES-GCM envelope encription are 96 bit and generated randomly.")
R("haiku", "question", "systems", "plain", "hard-words-easy",
  "TB4: definitional question with scary terms",
  "what's the difference between a mutex and a semaphore? keep it short")
R("haiku", "question", "databases", "terse", "hard-words-easy",
  "TB4: well-known definition",
  "what's a write-ahead log, one sentence")
R("haiku", "docs", "infrastructure", "plain", "hard-words-easy",
  "TB4: commit message for a described change",
  "commit message for: bumped the Kafka consumer group session.timeout.ms from 10s to 45s and max.poll.interval.ms to 10 min in the ledger-writer config, because rebalances during long batches")
R("haiku", "explain", "security", "plain", "hard-words-easy",
  "TB4: explain a common error message",
  "what does 'x509: certificate signed by unknown authority' mean when our service calls the internal vault?")
R("haiku", "edit", "databases", "plain", "hard-words-easy",
  "TB4: sort keys in a config, mechanical",
  "sort these postgres settings alphabetically\n\n```\nwal_level = logical\nmax_replication_slots = 20\nsynchronous_commit = on\nmax_wal_senders = 20\nhot_standby_feedback = on\nwal_keep_size = 4096\narchive_mode = on\narchive_timeout = 60\ncheckpoint_timeout = 15min\nmax_wal_size = 16GB\nshared_preload_libraries = 'pg_stat_statements,pglogical'\n```")
R("sonnet", "explain", "databases", "plain", "hard-words-easy",
  "TB7: explaining a config's effect needs care, not deep reasoning",
  "Can someone explain what each of these settings does and whether they make sense for a primary with a logical replication subscriber? Just the explanation, we're not changing anything yet.\n\n```\nwal_level = logical\nmax_replication_slots = 20\nmax_wal_senders = 20\nhot_standby_feedback = on\nwal_keep_size = 4096\nsynchronous_commit = on\n```")
R("haiku", "question", "general", "non-native", "hard-words-easy",
  "TB4/TB9: acronym lookup",
  "what is meaning of 'two-phase commit', just short explanation for my manager")

# --- sonnet everyday work for leads
R("sonnet", "implement", "web", "plain", None,
  "endpoint with clear spec",
  "Add a GET /v1/invoices/{id}/pdf endpoint to our Express app: check the invoice belongs to the caller's tenant, fetch the PDF from S3 via the documents service, stream it back with the right content-type and a 302 to a presigned URL if the file is over 10 MB.")
R("sonnet", "test", "web", "plain", None,
  "writing tests for existing code",
  "write rspec tests for this proration method. cover the upgrade mid-cycle, downgrade, same-day change and the case where the period end is before the start (should raise)\n\n```ruby\nmodule Billing\n  class Proration\n    def self.calculate(old_price_cents:, new_price_cents:, period_start:, period_end:, changed_at:)\n      raise ArgumentError, 'bad period' if period_end <= period_start\n      total = (period_end - period_start).to_f\n      remaining = [(period_end - changed_at).to_f, 0].max\n      ratio = remaining / total\n      ((new_price_cents - old_price_cents) * ratio).round\n    end\n  end\nend\n```")
R("sonnet", "refactor", "web", "plain", None,
  "refactor a module",
  "Refactor this so the gateway call, the retry logic and the logging are three separate pieces instead of one 60-line method. Behaviour must stay identical.\n\n```ruby\ndef charge!(invoice)\n  attempts = 0\n  begin\n    attempts += 1\n    Rails.logger.info(\"charging invoice=#{invoice.id} attempt=#{attempts}\")\n    resp = Gateway.client.post('/charges', {\n      amount: invoice.total_cents,\n      currency: invoice.currency,\n      customer: invoice.customer.gateway_id,\n      idempotency_key: \"inv-#{invoice.id}\"\n    })\n    if resp.status == 402\n      invoice.update!(status: 'payment_failed', failure_code: resp.body['code'])\n      Rails.logger.warn(\"declined invoice=#{invoice.id} code=#{resp.body['code']}\")\n      return false\n    end\n    raise GatewayError, resp.body['message'] unless resp.success?\n    invoice.update!(status: 'paid', paid_at: Time.current, charge_ref: resp.body['id'])\n    Rails.logger.info(\"paid invoice=#{invoice.id} charge=#{resp.body['id']}\")\n    true\n  rescue Faraday::TimeoutError, GatewayError => e\n    Rails.logger.error(\"gateway error invoice=#{invoice.id} err=#{e.message}\")\n    if attempts < 3\n      sleep(2 ** attempts)\n      retry\n    end\n    invoice.update!(status: 'payment_error')\n    false\n  end\nend\n```")
R("sonnet", "review", "web", "plain", None,
  "diff review for correctness and style",
  "review this PR diff please, it's a junior's first change in billing\n\n```diff\n--- a/app/services/billing/coupon_applier.rb\n+++ b/app/services/billing/coupon_applier.rb\n@@ -8,14 +8,22 @@ module Billing\n     def apply(invoice, code)\n-      coupon = Coupon.find_by!(code: code)\n-      return invoice if coupon.expired?\n-      discount = (invoice.subtotal_cents * coupon.percent_off / 100).floor\n-      invoice.update!(discount_cents: discount)\n+      coupon = Coupon.find_by(code: code.downcase)\n+      if coupon == nil\n+        return invoice\n+      end\n+      if coupon.expired? || coupon.redemptions_count >= coupon.max_redemptions\n+        return invoice\n+      end\n+      discount = invoice.subtotal_cents * coupon.percent_off / 100\n+      invoice.discount_cents = discount\n+      invoice.save\n+      coupon.redemptions_count += 1\n+      coupon.save\n       invoice\n     end\n```")
R("opus", "review", "web", "follow-up", None,
  "TB8/TB10: concurrency of redemption count under parallel checkouts",
  "follow up on that coupon PR: can max_redemptions be exceeded when two checkouts use the same code at the same time? walk me through it and what the fix should be")
R("sonnet", "implement", "databases", "plain", None,
  "migration with known steps",
  "Write a Rails migration to add a NOT NULL `legal_entity_id` column to invoices (8M rows) safely: add nullable, backfill in batches from accounts.legal_entity_id, then add the constraint as NOT VALID and validate it separately. Three migrations is fine.")
R("haiku", "question", "databases", "plain", None,
  "short known answer",
  "why add a check constraint as NOT VALID first and validate later in postgres? one or two sentences")
R("sonnet", "ops", "infrastructure", "plain", None,
  "CI/build config with clear spec",
  "set up a GitHub Actions workflow that runs our Postgres-backed rspec suite split across 6 parallel jobs by test timing, with a postgres:16 service container and the bundle cached")
R("sonnet", "debug", "web", "plain", None,
  "failing test with clear cause",
  "this spec passes locally and fails in CI, only on the first of the month. why?\n\n```ruby\nit 'bills the trial end on the next cycle' do\n  travel_to Time.zone.parse('2026-03-31 23:30')\n  sub = create(:subscription, trial_ends_at: 1.day.from_now)\n  expect(Billing::NextCycle.for(sub).month).to eq(Date.today.next_month.month)\nend\n```\n\nCI runs in UTC, my laptop is Europe/Amsterdam.")
R("sonnet", "explain", "web", "plain", None,
  "explain a module of dozens of lines",
  "I inherited this. What does it do, step by step, and is there anything surprising in it?\n\n```python\nclass UsageRollup:\n    def __init__(self, store, clock, window=timedelta(hours=1)):\n        self.store = store\n        self.clock = clock\n        self.window = window\n        self._buf = defaultdict(int)\n        self._last_flush = clock.now()\n\n    def record(self, tenant_id, metric, qty):\n        key = (tenant_id, metric, self._bucket(self.clock.now()))\n        self._buf[key] += qty\n        if self.clock.now() - self._last_flush > timedelta(seconds=30):\n            self.flush()\n\n    def _bucket(self, ts):\n        epoch = int(ts.timestamp())\n        w = int(self.window.total_seconds())\n        return epoch - (epoch % w)\n\n    def flush(self):\n        buf, self._buf = self._buf, defaultdict(int)\n        for (tenant, metric, bucket), qty in buf.items():\n            self.store.incr(f\"usage:{tenant}:{metric}:{bucket}\", qty)\n            self.store.expire(f\"usage:{tenant}:{metric}:{bucket}\", 86400 * 40)\n        self._last_flush = self.clock.now()\n\n    def total(self, tenant_id, metric, start, end):\n        t, out = self._bucket(start), 0\n        while t < end.timestamp():\n            out += int(self.store.get(f\"usage:{tenant_id}:{metric}:{t}\") or 0)\n            t += int(self.window.total_seconds())\n        return out\n```")
R("opus", "review", "systems", "plain", None,
  "TB10: correctness of usage metering under concurrency/crash - money at stake",
  "We bill customers off that UsageRollup class. It runs in 12 gunicorn workers with threads. What can go wrong for billing accuracy - lost or double counted usage - and how would you redesign it so we can trust the numbers?")
R("haiku", "edit", "web", "plain", None,
  "add a docstring",
  "add a docstring to the _bucket method, one line")

# --- typos voice
R("sonnet", "implement", "infrastructure", "typos", None,
  "small alerting config, clear spec",
  "can u write the prometheus alert rule for when billing-core error rate goes over 2% for 10 min, and a seperate one for p99 latnecy over 800ms. label severity page for the first, ticket for the secnd")
R("haiku", "question", "infrastructure", "typos", None,
  "short known command",
  "whats the kubectl comand to see why a pod got OOMkilled")
R("opus", "design", "infrastructure", "typos", "easy-words-hard",
  "TB6: rollout design with safety across teams",
  "we want to move every team to deploying with canarys instead of all at once. how do we roll that out so its not just a checkbox, like what does each team actualy need to have (metrics, rollback) before they switch, and who decides if a canary is bad")
R("sonnet", "debug", "infrastructure", "typos", None,
  "identifiable cause from event output",
  "pods keep restaring, heres describe output, whats wrong\n\n```\nState:          Waiting\n  Reason:       CrashLoopBackOff\nLast State:     Terminated\n  Reason:       OOMKilled\n  Exit Code:    137\nLimits:\n  memory:  1Gi\nRequests:\n  cpu:     500m\n  memory:  768Mi\nEnvironment:\n  JAVA_OPTS:  -Xms1g -Xmx1g -XX:+UseG1GC\n```")
R("haiku", "docs", "general", "typos", None,
  "short text task",
  "rewrite this slack msg so its more polite: 'who merged to main without review AGAIN. billing is broken. revert it now'")

# --- non-native
R("opus", "plan", "web", "non-native", "easy-words-hard",
  "TB9/TB6: plan splitting a shared codebase between teams",
  "We are 4 teams working in same big repository and same database, always we block each other with deploys and migrations. Management ask me to propose how to separate teams so each can deploy alone. Please give me the plan, I need present it in two weeks.")
R("haiku", "question", "general", "non-native", None,
  "TB9: well-known definition",
  "what is difference between monorepo and monolith? I think people confuse this in my company")
R("sonnet", "docs", "general", "non-native", None,
  "TB9: writing a structured doc from given content",
  "I have the decision already (we use Argo Rollouts for canary, 10% then 50% then 100%, 15 minutes each step, auto rollback if error rate > 1%). Please write the section 'Rollout strategy' of our design document, formal English, around 300 words.")
R("sonnet", "implement", "infrastructure", "non-native", None,
  "TB9: config implementing the decided rollout",
  "now can you write the Argo Rollout yaml for that, with the analysis template using prometheus query for error rate")

# --- long meeting notes, long docs
R("haiku", "docs", "general", "plain", "long-trivial",
  "TB5: extract lines starting with 'decision:' from long notes",
  "These are a year of platform guild notes. Pull out every line that starts with 'decision:' together with the meeting date, as a list. Nothing else.\n\n" + NOTES_LONG)
R("opus", "plan", "infrastructure", "verbose", None,
  "synthesising a year of notes into a prioritised investment plan is open planning with judgment",
  "I'm taking over the platform guild. Below are a year of its notes. The same problems keep coming up and nothing gets fixed. Could you read through, tell me which recurring problems matter most (and which are noise), and propose the three platform investments for next year with a rough sequence and what we stop doing to make room? I'll take it to the directors, so the reasoning matters more than the formatting.\n\n" + NOTES_LONG)
R("sonnet", "design", "web", "plain", None,
  "grouping many call sites into facade operations: careful, multi-step, no open design",
  "Here's every place the monolith calls into Billing::. Group them by operation and propose the list of methods the Billing::API facade needs, with the signature you'd give each. Flag call sites that look like they're doing something the facade shouldn't expose (like reaching into Gateway.client directly).\n\n```\n" + CALLS_BIG + "\n```")
R("haiku", "question", "infrastructure", "terse", "long-trivial",
  "TB5: read the last line",
  "last date in this file and disk_used_gb on it?\n\n" + capacity_csv(1630, 400, "us-east-1"))
R("haiku", "docs", "web", "other-language", "long-trivial",
  "TB9/TB5: short summary of a long doc in Portuguese",
  "Resume esse RFC em 5 tópicos curtos, em português, pra eu mandar no canal do time.\n\n" + DOC_BILLING, language="pt")
R("opus", "review", "web", "other-language", None,
  "TB9/TB10: architecture review of the RFC in Dutch",
  "Ik moet morgen dit RFC reviewen namens het platformteam. Kun je kritisch kijken naar de aanpak: klopt de volgorde (eerst facade, dan tabellen, dan aparte service), wat gebeurt er met de checkout-transactie, en welke risico's missen ze? Antwoord graag in het Nederlands.\n\n" + DOC_BILLING, language="nl")

# --- medium pastes: notes, docs, tickets
NOTES_RELEASE = meeting_notes(1631, 3, "Release train")
R("haiku", "plan", "general", "plain", None,
  "planning chore: notes into checklist",
  "Turn these into a checklist I can paste into the Jira epic, one item per action, owner in brackets.\n\n" + NOTES_RELEASE)
R("sonnet", "docs", "general", "verbose", None,
  "turning notes into a status update with judgement on what matters: careful writing",
  "Can you turn these three weeks of notes into a status update for the VP of engineering? She wants: what's on track, what's at risk and why, and what we need from her. Be concise and don't make anything up - if something is unclear from the notes, say so rather than guessing.\n\n" + NOTES_RELEASE)
R("opus", "plan", "general", "plain", "easy-words-hard",
  "TB6: planning a multi-team release process change",
  "Looking at those notes again - the real problem is that five teams ship through one release train every two weeks and any one of them can hold it up. How should we change the way we release so teams stop blocking each other, and how do we get from here to there without a big bang?")
R("haiku", "docs", "general", "plain", None,
  "short summary",
  "one-paragraph tl;dr of this for slack\n\n" + meeting_notes(1632, 1, "Capacity review"))

R("sonnet", "implement", "data", "plain", None,
  "SQL with joins and windows, clear spec",
  "Write a Postgres query for the monthly finance report: per legal entity and currency, total invoiced, total paid, total refunded and outstanding at month end, for the last 12 months. Tables: invoices(id, legal_entity_id, currency, total_cents, status, finalized_at), payments(id, invoice_id, amount_cents, paid_at), refunds(id, payment_id, amount_cents, refunded_at).")
R("haiku", "implement", "databases", "plain", None,
  "SELECT over one table",
  "query to get the 20 most recent invoices with status 'payment_failed', newest first")
R("haiku", "implement", "databases", "terse", None,
  "simple query",
  "count invoices per status, postgres")
R("sonnet", "debug", "databases", "plain", None,
  "query plan pointing at a missing index: identifiable cause",
  "this query got slow after the data grew. plan below, what should I do?\n\n```\nEXPLAIN (ANALYZE, BUFFERS) SELECT * FROM invoice_lines WHERE invoice_id = 88123411;\n\nGather  (cost=1000.00..412233.10 rows=12 width=162) (actual time=2114.220..31877.004 rows=9 loops=1)\n  Workers Planned: 2\n  Workers Launched: 2\n  Buffers: shared hit=1024 read=298811\n  ->  Parallel Seq Scan on invoice_lines  (cost=0.00..411231.90 rows=5 width=162) (actual time=19944.100..31860.712 rows=3 loops=3)\n        Filter: (invoice_id = 88123411)\n        Rows Removed by Filter: 14483301\n        Buffers: shared hit=1024 read=298811\nPlanning Time: 0.201 ms\nExecution Time: 31877.051 ms\n```")
R("haiku", "ops", "databases", "plain", None,
  "one-liner",
  "create that index without locking the table, the command only")
R("opus", "debug", "databases", "plain", "easy-words-hard",
  "TB6: performance cliff with no lead across components",
  "Every day around 11:40 the whole API gets slow for about four minutes, then recovers on its own. Database CPU looks fine, no deploys at that time, no cron we know of. It's been like this for two weeks. How would you go about finding it?")
R("sonnet", "ops", "databases", "plain", None,
  "known diagnostic queries",
  "give me the queries to run on postgres during one of those slow windows: active queries with wait events, blocking chains, and top statements by total time from pg_stat_statements")

# --- web architecture: choosing and the cheap neighbours
R("opus", "design", "web", "verbose", None,
  "design with trade-offs for a specific situation",
  "We have a React frontend talking to the Rails monolith, plus three new Go services. Product wants the mobile app and two partner integrations to use the same APIs. Some people want a GraphQL gateway, others want a BFF per client, others say just expose the services behind the API gateway with REST. We're 25 engineers. What would you do, and what would you want to be true before committing?")
R("haiku", "question", "web", "plain", None,
  "well-known concept",
  "what's a BFF (backend for frontend), briefly?")
R("sonnet", "implement", "web", "plain", None,
  "implementing a rate limiter with known design",
  "Implement a per-API-key rate limiter middleware for our Go HTTP service using Redis: sliding window, 100 requests per minute default, overridable per key from a config map, return 429 with Retry-After. Include tests with miniredis.")
R("opus", "design", "web", "plain", None,
  "distributed rate limiting semantics across regions and failure modes",
  "Follow-on question: we run that service in three regions with a Redis per region, and big customers spread their traffic across regions. How do we enforce one global limit per customer without adding cross-region latency to every request? What do we do when Redis in one region is down - fail open or closed?")
R("haiku", "question", "web", "terse", None,
  "known status code",
  "429 vs 503 for rate limited?")
R("sonnet", "implement", "web", "plain", None,
  "add a config flag, sonnet-level",
  "add a config flag `RATE_LIMIT_FAIL_OPEN` to the rate limiter: when true and Redis errors, let the request through and log a warning; when false return 503. default true. update the tests.")

# --- security-ish for architects
R("opus", "review", "security", "plain", None,
  "security design review",
  "We're about to let partners call our API with OAuth client credentials instead of static API keys. Here's the plan: tokens are JWTs signed with RS256, 1 hour lifetime, scopes per partner, we validate signature and expiry in the API gateway and pass the partner id in a header to the services behind. Can you do a security review of this before we build it?")
R("haiku", "question", "security", "plain", None,
  "well-known answer",
  "what's the difference between RS256 and HS256 for JWTs, in a sentence or two?")
R("sonnet", "implement", "security", "plain", None,
  "clear spec, library integration",
  "write the Go middleware that validates these partner JWTs: fetch the JWKS from our auth server and cache it for 10 minutes, check exp, iss and aud, pull the `scope` claim into the request context. use github.com/golang-jwt/jwt/v5.")
R("opus", "design", "security", "plain", "easy-words-hard",
  "TB6: secret rotation plan across services, plain words",
  "We have database passwords that haven't changed in four years and are in about 40 services' env vars. Plan how we get to rotating them automatically without an outage.")

# --- Dutch / Portuguese
R("sonnet", "implement", "databases", "other-language", None,
  "TB9: migration with known steps in Dutch",
  "Schrijf een migratie voor Postgres die de kolom `customer_email` uit de tabel `invoices` haalt, maar veilig: eerst stoppen met schrijven (de code is al aangepast), dan de kolom droppen. We gebruiken Flyway. Moet ik nog iets doen met views die de kolom gebruiken?", language="nl")
R("haiku", "question", "infrastructure", "other-language", None,
  "TB9: short factual",
  "Wat is het verschil tussen een Deployment en een StatefulSet in Kubernetes? Kort graag.", language="nl")
R("opus", "design", "data", "other-language", "easy-words-hard",
  "TB9/TB6: open data design in Portuguese",
  "Nosso time de dados quer parar de copiar o banco inteiro toda noite pro data warehouse. Como você desenharia isso pra ter dados com no máximo 15 minutos de atraso sem derrubar o banco de produção? Somos três pessoas.", language="pt")
R("haiku", "docs", "general", "other-language", None,
  "TB9: commit message",
  "Escreve uma mensagem de commit pra isso: adicionei índice em invoice_lines(invoice_id) e removi o índice antigo que ninguém usava.", language="pt")

# --- medium pasted material, sonnet-heavy
R("sonnet", "review", "infrastructure", "plain", None,
  "reviewing a values file for misconfigurations: everyday review",
  "Can you sanity-check this helm values file for the billing service before we go live? Anything that looks off for a service that handles payments - probes, limits, autoscaling, disruption budget?\n\n```yaml\n" + k8s_values(1640, "billing-core") + "```")
R("haiku", "question", "infrastructure", "plain", None,
  "find one setting",
  "what's the image tag in here?\n\n```yaml\n" + k8s_values(1641, "tax-calc") + "```")
R("sonnet", "implement", "infrastructure", "plain", None,
  "add HPA custom metric config: clear spec",
  "Change the autoscaling in this chart so it scales on the `http_requests_in_flight` metric from prometheus-adapter (target 40 per pod) in addition to CPU. Show the HPA template and the values change.\n\n```yaml\n" + k8s_values(1642, "checkout-api") + "```")
R("sonnet", "debug", "web", "plain", None,
  "logs with an identifiable cause: broker outage causing event publish failures",
  "Customers say webhooks for finalized invoices stopped arriving around 14:10. Here's the billing log from that window. What happened and what do we need to replay?\n\n```\n" + app_log(1643, 70) + "\n2026-04-17T14:10:02.118Z ERROR billing-core [worker-3] failed to publish event topic=billing.invoice.finalized err=\"broker not available\"\n2026-04-17T14:10:02.120Z WARN  billing-core [worker-3] outbox publish disabled after 50 consecutive failures, events will stay in memory queue\n2026-04-17T14:10:09.881Z INFO  billing-core [worker-3] invoice finalized invoice_id=in_7f3a91c2 customer=cus_11ab90fe total_cents=4599\n2026-04-17T14:31:44.003Z INFO  billing-core [main] received SIGTERM, shutting down\n```")
R("opus", "design", "web", "follow-up", None,
  "TB8: redesign the publishing path so events can't be lost - reliability design",
  "ok so the in-memory queue lost everything on restart. how should we redesign event publishing so this literally can't happen again, given we also can't block invoice finalization when kafka is down?")
R("haiku", "question", "web", "plain", "long-trivial",
  "TB5: extract ids from a log",
  "list all invoice_ids that appear in 'invoice finalized' lines in this log\n\n```\n" + app_log(1644, 160) + "\n```")
R("sonnet", "implement", "tooling", "plain", None,
  "a replay script with clear spec",
  "Write a script that reads a billing log file, finds every 'invoice finalized' line between two timestamps given on the command line, and re-publishes the event for each invoice by calling `POST /internal/invoices/{id}/republish`, with a --dry-run flag and a rate limit of 20/s. Python, requests.")

R("sonnet", "review", "web", "plain", None,
  "endpoint inventory analysis: careful but known work",
  "Here's the endpoint inventory for billing. Which of these would you move first behind the new service (lowest risk, highest traffic share), and which would you leave for last? A table with your reasoning per line is fine.\n\n" + endpoint_table(1645, 30))
R("haiku", "edit", "web", "plain", "long-trivial",
  "TB5: sort a table by one column",
  "sort this table by calls/day descending, keep the formatting\n\n" + ENDPOINTS)
R("haiku", "question", "web", "terse", None,
  "filter a small table",
  "which of these use api-key auth?\n\n" + endpoint_table(1646, 18))

R("sonnet", "docs", "infrastructure", "plain", None,
  "writing a runbook from an alert and known steps",
  "Write a runbook page for this alert: `BillingDBReplicaLagHigh` (replica lag > 30s for 5 min). Steps we know: check if a long query on the replica is holding back replay (pg_stat_activity), check network throughput between AZs, check if a big migration or backfill is running on the primary. Include the exact queries and when to escalate to the DB on-call.")
R("haiku", "question", "databases", "plain", None,
  "one query",
  "how do i check replica lag in seconds on a postgres replica")
R("opus", "debug", "databases", "verbose", "easy-words-hard",
  "TB6: replica serving stale reads causing user-visible inconsistency, needs a theory",
  "Support keeps getting tickets that customers pay an invoice and then see it as unpaid for a bit, sometimes for a minute. We read from replicas in the customer portal. Replica lag graphs show under a second almost all the time. It happens more in the evening. There's also a cache in front of some of these pages but nobody is sure which. Can you help me think this through - what could be happening and how do we prove it?")
R("sonnet", "implement", "web", "plain", None,
  "read-your-writes via session pinning: known technique with clear steps",
  "Implement read-your-writes for the customer portal in Rails: after a customer does a write, route their reads to the primary for the next 10 seconds (store the timestamp in the session). Rails 7 multi-db with `connects_to`. Show the middleware and the config.")

R("sonnet", "test", "databases", "plain", None,
  "tests for existing code",
  "write pytest tests for this function, including the edge cases around month boundaries and the empty range\n\n```python\ndef monthly_buckets(start: date, end: date) -> list[tuple[date, date]]:\n    \"\"\"Split [start, end) into calendar-month buckets.\"\"\"\n    if end <= start:\n        return []\n    out = []\n    cur = start\n    while cur < end:\n        nxt = (cur.replace(day=1) + timedelta(days=32)).replace(day=1)\n        out.append((cur, min(nxt, end)))\n        cur = nxt\n    return out\n```")
R("haiku", "explain", "general", "plain", None,
  "short snippet",
  "what does `(cur.replace(day=1) + timedelta(days=32)).replace(day=1)` do?")
R("sonnet", "explain", "web", "plain", None,
  "TB7: subtle behaviour in small code (closure over loop variable)",
  "why do all these timers print 'tenant-3'? I expected tenant-0..3\n\n```js\nvar tenants = ['tenant-0', 'tenant-1', 'tenant-2', 'tenant-3'];\nfor (var i = 0; i < tenants.length; i++) {\n  setTimeout(function () { console.log('rolling up', tenants[i - 1] || tenants[tenants.length - 1]); }, 10);\n}\n```")
R("opus", "explain", "systems", "plain", "short-hard",
  "TB7: memory-ordering semantics",
  "why does this need Acquire on the load and not Relaxed?\n\n```rust\nif READY.load(Ordering::Acquire) {\n    let cfg = unsafe { &*CONFIG.load(Ordering::Relaxed) };\n    apply(cfg);\n}\n```")

R("sonnet", "ops", "infrastructure", "plain", None,
  "capacity change with known steps",
  "We need to move the billing Redis from cache.r6g.large to cache.r6g.xlarge on ElastiCache with cluster mode off, one replica. What's the least disruptive way, what will clients see during it, and what should the app do about it (we use redis-rb)?")
R("haiku", "ops", "infrastructure", "terse", None,
  "one command",
  "aws cli to list elasticache replication groups and their node type")
R("opus", "plan", "infrastructure", "plain", None,
  "capacity plan requiring analysis of a month of data and a launch",
  "Marketing is launching in the US in six weeks and expects US traffic to match EU within three months. Here's the last 30 days of our only region. Work out what we need: another region, or scale the current one and eat the latency? Include the database, since that's where I'm worried.\n\n```csv\n" + CAP_30 + "\n```")
R("haiku", "question", "data", "plain", None,
  "read off one value from a short csv",
  "what was cpu_pct on 2026-01-10 in here?\n\n```csv\n" + capacity_csv(1647, 15) + "\n```")
R("sonnet", "implement", "data", "plain", None,
  "a plotting script: clear spec",
  "matplotlib script that plots peak_rps and cpu_pct from this csv on two y-axes, weekends shaded, saves to capacity.png\n\n```csv\n" + capacity_csv(1648, 10) + "\n```")

R("sonnet", "plan", "general", "verbose", None,
  "turning notes into a concrete plan for a known, bounded task",
  "We agreed to deprecate the old `/v1/reports/export` endpoint (replaced by the async export in v2). Only 11 customers still call it, we have their ids. Can you write the deprecation plan: timeline with dates starting 1 June, the emails (first notice, reminder, final), the Sunset/Deprecation headers we add, and what we monitor. It's a small one, nothing fancy.")
R("haiku", "question", "web", "plain", None,
  "well-known header",
  "what's the format of the Sunset HTTP header?")
R("sonnet", "implement", "web", "plain", None,
  "small middleware, clear spec",
  "add the Deprecation and Sunset headers to every response from /v1/reports/* in our Rails app, sunset date from config `REPORTS_V1_SUNSET`, and log the api key id of the caller so we can chase them")

R("opus", "review", "databases", "verbose", None,
  "TB10: reviewing a migration plan for a live database is judging a risky design",
  "Review this migration plan for me, I think there's a hole in it but I can't put my finger on it.\n\n1. Create new table `ledger_entries_v2` partitioned by month on `posted_at`.\n2. Deploy code that writes to both `ledger_entries` and `ledger_entries_v2` (in the same transaction).\n3. Backfill `ledger_entries_v2` from `ledger_entries` in batches of 10k by id, oldest first, using INSERT ... SELECT ... ON CONFLICT DO NOTHING.\n4. Compare row counts per month.\n5. Switch reads to v2.\n6. Stop writing to the old table, drop it after 30 days.\n\nThe ledger takes about 900 writes/sec at peak and entries are sometimes updated (status pending -> posted) within a few minutes of creation. The backfill will take roughly 3 days.")
R("haiku", "question", "databases", "plain", None,
  "short known answer",
  "can you add a primary key to a partitioned table in postgres if it doesn't include the partition column?")
R("sonnet", "implement", "databases", "plain", None,
  "DDL for partitioning with a clear spec",
  "write the DDL for ledger_entries_v2 partitioned by month on posted_at, with partitions from 2023-01 to 2026-12, and a small plpgsql function we can cron monthly to create next month's partition")

R("haiku", "docs", "general", "plain", None,
  "changelog line",
  "changelog line for: the invoice PDF now shows the customer's VAT number when present")
R("haiku", "docs", "general", "terse", None,
  "commit message",
  "commit msg: moved billing facade to app/billing/api.rb, no behaviour change")
R("haiku", "edit", "general", "plain", None,
  "reformat text into a table",
  "put this into a markdown table with columns Service, Owner, On-call:\n\ncheckout-api is payments and they're on call; tax-calc belongs to finance-eng, no on-call; search-indexer is search team, on call yes; webhook-relay is integrations, on call yes; report-exporter core-data, no on call")
R("haiku", "edit", "infrastructure", "plain", None,
  "convert JSON to YAML",
  "convert to yaml\n\n```json\n{\"service\": \"ledger-writer\", \"replicas\": 4, \"env\": {\"KAFKA_BROKERS\": \"b-1.msk.internal:9092,b-2.msk.internal:9092\", \"GROUP_ID\": \"ledger-writer-v3\", \"MAX_POLL_RECORDS\": 200}, \"alerts\": [{\"name\": \"ConsumerLag\", \"threshold\": 50000}, {\"name\": \"ErrorRate\", \"threshold\": 0.02}]}\n```")


def backlog_csv(seed, n):
    rng = random.Random(seed)
    verbs = ["Migrate", "Remove", "Add", "Upgrade", "Split", "Document", "Backfill", "Deprecate", "Investigate", "Automate"]
    objs = ["invoice PDF rendering to worker", "legacy coupon table", "retry budget for gateway calls",
            "Postgres 11 replicas", "admin report queries off primary", "dunning emails templates",
            "tax-calc to new VAT rates API", "feature flag cleanup job", "usage_records partitioning",
            "webhook signature v2", "on-call runbook for ledger-writer", "Sidekiq to 7.x",
            "per-tenant rate limits", "manual refund script", "CDC connector for invoices",
            "terraform state for billing", "sandbox environment for partners", "SSO for admin tools"]
    out = ["key,summary,team,estimate_days,priority,status,depends_on"]
    for i in range(n):
        dep = f"BIL-{rng.randint(100, 100 + i)}" if i and rng.random() < 0.3 else ""
        out.append(f"BIL-{101 + i},{rng.choice(verbs)} {rng.choice(objs)},{rng.choice(TEAMS)},"
                   f"{rng.choice([0.5, 1, 2, 3, 5, 8, 13])},{rng.choice(['P1', 'P2', 'P2', 'P3'])},"
                   f"{rng.choice(['todo', 'todo', 'in progress', 'blocked', 'done'])},{dep}")
    return "\n".join(out)


def consumer_lag(seed, n, group="ledger-writer-v3"):
    rng = random.Random(seed)
    out = [f"GROUP           TOPIC                        PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG     CONSUMER-ID"]
    for p in range(n):
        cur = rng.randint(8_000_000, 9_500_000)
        lag = rng.choice([0, 0, rng.randint(0, 40), rng.randint(0, 40), rng.randint(20000, 400000)])
        cid = f"rdkafka-{rng.getrandbits(32):08x}" if lag < 20000 or rng.random() < 0.5 else "-"
        out.append(f"{group:15s} billing.ledger.entries       {p:<10d} {cur:<15d} {cur + lag:<15d} {lag:<7d} {cid}")
    return "\n".join(out)


def pg_stat_statements(seed, n):
    rng = random.Random(seed)
    qs = ["SELECT * FROM invoice_lines WHERE invoice_id = $1",
          "UPDATE subscriptions SET status = $1, updated_at = now() WHERE id = $2",
          "SELECT i.* FROM invoices i JOIN accounts a ON a.id = i.account_id WHERE a.tenant_id = $1 ORDER BY i.created_at DESC LIMIT $2",
          "INSERT INTO ledger_entries (account_id, amount_cents, currency, kind) VALUES ($1,$2,$3,$4)",
          "SELECT count(*) FROM usage_records WHERE tenant_id = $1 AND recorded_at >= $2",
          "SELECT * FROM plan_prices WHERE plan_id = $1 AND currency = $2",
          "DELETE FROM sessions WHERE expires_at < now()",
          "SELECT sum(amount_cents) FROM payments WHERE invoice_id = ANY($1)",
          "UPDATE invoices SET status = $1 WHERE id = $2 AND status = $3",
          "SELECT * FROM coupons WHERE lower(code) = lower($1)"]
    out = ["  calls   | total_ms   | mean_ms | rows     | query", "----------+------------+---------+----------+------"]
    for _ in range(n):
        calls = rng.randint(2000, 9_000_000)
        mean = round(rng.uniform(0.05, 180.0), 2)
        out.append(f" {calls:>8d} | {int(calls * mean):>10d} | {mean:>7.2f} | {calls * rng.randint(1, 40):>8d} | {rng.choice(qs)}")
    return "\n".join(out)

BACKLOG = backlog_csv(1650, 60)

R("haiku", "question", "general", "plain", "long-trivial",
  "TB5: filter rows by one field",
  "which tickets in this backlog are blocked? keys and summaries\n\n```csv\n" + BACKLOG + "\n```")
R("opus", "plan", "general", "verbose", None,
  "sequencing a real backlog across teams with dependencies and risk: planning with judgment",
  "This is the billing extraction backlog as it stands. We have two quarters and roughly 4 engineers. Can you turn this into a realistic plan: what goes in Q3, what in Q4, what we drop, which dependencies force an order, and where you'd expect the schedule to slip? Be blunt about what doesn't fit.\n\n```csv\n" + BACKLOG + "\n```")
R("haiku", "question", "general", "terse", None,
  "sum a column",
  "total estimate_days for team payments?\n\n```csv\n" + backlog_csv(1651, 14) + "\n```")
R("sonnet", "implement", "tooling", "plain", None,
  "script parsing dependencies and producing an order: known algorithm",
  "write a python script that reads this backlog csv and prints the tickets in an order that respects depends_on (topological sort), flagging cycles and dependencies on tickets that don't exist\n\n```csv\n" + backlog_csv(1652, 12) + "\n```")

R("sonnet", "debug", "data", "plain", None,
  "consumer lag output points at partitions without consumers",
  "ledger-writer is falling behind. here's the consumer group output. what's going on?\n\n```\n" + consumer_lag(1653, 24) + "\n```")
R("haiku", "question", "data", "terse", "long-trivial",
  "TB5: sum a column",
  "total lag across all partitions?\n\n```\n" + consumer_lag(1654, 48) + "\n```")
R("opus", "design", "data", "plain", "easy-words-hard",
  "TB6: ordering + scaling design for a consumer",
  "The ledger writer has to apply entries for the same account in order, but we need it to go 5x faster for month-end. Adding partitions means re-keying the topic. How would you make it faster without ever applying two entries for one account out of order, including during the change itself?")
R("haiku", "ops", "data", "plain", None,
  "one command",
  "kafka cli command to describe consumer group ledger-writer-v3")

R("sonnet", "review", "databases", "plain", None,
  "reading a stats table and proposing known fixes",
  "Top statements from pg_stat_statements on the billing primary. Which ones would you look at first and what would you try for each (indexes, query changes)? We're on PG 14.\n\n```\n" + pg_stat_statements(1655, 25) + "\n```")
R("haiku", "question", "databases", "plain", "long-trivial",
  "TB5: find the max row",
  "which query has the highest total_ms here?\n\n```\n" + pg_stat_statements(1656, 40) + "\n```")
R("sonnet", "implement", "databases", "plain", None,
  "expression index for a known query pattern",
  "the coupons lookup uses lower(code) = lower($1). write the index that makes it fast, and tell me whether I should switch the column to citext instead and what that migration looks like")

# --- more hard-words-easy and short-hard
R("haiku", "docs", "systems", "plain", "hard-words-easy",
  "TB4: commit message despite scary topic",
  "Write a commit message: replaced the hand-rolled spinlock in the metrics buffer with std::sync::Mutex because the lock-free version had a use-after-free under contention and nobody could prove the fix correct.")
R("haiku", "edit", "security", "plain", "hard-words-easy",
  "TB4: mechanical edit on a security config",
  "add `TLS_AES_256_GCM_SHA384` to the end of this cipher list and keep the format\n\n```\nssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384;\nssl_protocols TLSv1.2 TLSv1.3;\nssl_prefer_server_ciphers off;\n```")
R("haiku", "question", "infrastructure", "plain", "hard-words-easy",
  "TB4: well-known definition",
  "what is a quorum in a 5-node cluster, how many nodes can fail?")
R("haiku", "explain", "databases", "plain", "hard-words-easy",
  "TB4: definitional",
  "In one paragraph: what's the difference between optimistic and pessimistic locking?")
R("sonnet", "implement", "databases", "plain", "hard-words-easy",
  "TB4: scary name, standard implementation",
  "implement optimistic locking on the subscriptions table in our Rails app using lock_version, and make the update endpoint return 409 on StaleObjectError")
R("haiku", "question", "systems", "terse", "hard-words-easy",
  "TB4: short definition",
  "what's a vector clock, one line")
R("haiku", "edit", "infrastructure", "terse", "hard-words-easy",
  "TB4: bump a version number",
  "bump the etcd image to 3.5.15 in this\n\n```yaml\ncontainers:\n  - name: etcd\n    image: quay.io/coreos/etcd:v3.5.9\n    args: [\"--quota-backend-bytes=8589934592\", \"--auto-compaction-retention=1\"]\n```")
R("opus", "design", "systems", "terse", "short-hard",
  "TB3: consensus-level design",
  "leader election for our cron runner without zookeeper, must never run a job twice")
R("opus", "debug", "systems", "terse", "short-hard",
  "TB6: heisenbug with no lead",
  "memory grows 2% a day on ledger-writer, only in prod, heap dumps look normal")
R("opus", "design", "databases", "terse", "short-hard",
  "TB3: cross-database consistency",
  "move money between two shards atomically?")
R("opus", "plan", "infrastructure", "terse", "short-hard",
  "TB3/TB6: org-scale migration",
  "plan: all 60 services from ec2 to eks this year")

# --- verbose voice, plain design asks
R("opus", "design", "web", "verbose", "easy-words-hard",
  "TB6: open design, plain words",
  "I've been asked to figure out how we let big customers have their data stored only in their own country. Right now everything sits in one database in Ireland. Some customers want Germany, a couple want the US, one wants Australia. I don't know where to start - do we run separate copies of the whole thing, or split just the data? What would you think about, and what would you propose as a first step that doesn't lock us in?")
R("opus", "plan", "web", "verbose", "easy-words-hard",
  "TB6: multi-team plan for an org change",
  "We're merging two product teams that each built their own user accounts system (one Rails, one Node). After the merger customers should have one login for both products. There are about 400k users, ~30k exist in both with the same email, and a few hundred have the same email but are clearly different people. Please help me plan how to get to one account system - order of work, how we handle the overlaps, and how we avoid locking anyone out.")
R("sonnet", "implement", "web", "verbose", None,
  "well-specified matching script",
  "As a first step for the account merge, I need a script that takes two CSV exports (users_a.csv with id,email,name,created_at and users_b.csv with the same columns) and writes three files: exact matches on normalised email (lowercase, trim, Gmail dots and plus-suffix removed), emails that match but names differ a lot (use a simple similarity ratio < 0.5), and users only in one side. Python, standard library if possible.")
R("haiku", "question", "web", "verbose", None,
  "short known fact, despite verbose phrasing",
  "Quick one while I'm writing the plan for the account merge - I remember that Gmail ignores dots in the local part of an address, but does that apply to Google Workspace custom domains too, or only to gmail.com and googlemail.com? I want to make sure we don't normalise addresses we shouldn't.")
R("sonnet", "docs", "general", "verbose", None,
  "writing a communication plan text from given decisions",
  "We've decided the merge date (12 October), that users with matching emails get their accounts linked automatically with an email notice, and that the few hundred ambiguous ones get asked to confirm at next login. Could you write the three customer emails (two weeks before, day of, and the 'please confirm it's you' one)? Friendly, short, no marketing fluff, and each needs a clear 'what do I need to do' line.")

# --- PT/NL
R("sonnet", "review", "web", "other-language", None,
  "TB9: diff review in Portuguese",
  "Revisa esse diff pra mim? É uma mudança pequena no cálculo de imposto.\n\n```diff\n-    tax = (subtotal * rate).round(2)\n+    tax = (subtotal * rate).floor(2)\n+    tax = 0 if customer.tax_exempt\n     total = subtotal + tax\n```", language="pt")
R("opus", "plan", "infrastructure", "other-language", "easy-words-hard",
  "TB9/TB6: plan in Dutch for moving workloads to another cloud",
  "We moeten van ons eigen datacenter naar AWS voordat het huurcontract afloopt, over 14 maanden. Het gaat om ongeveer 80 VM's, twee Oracle-databases en een hoop cronjobs waar niemand de eigenaar van is. Hoe zou jij dit plannen?", language="nl")
R("haiku", "plan", "general", "other-language", None,
  "TB9: checklist from short notes",
  "Maak hier een checklist van: DNS TTL verlagen naar 60s, een week vooraf; backup van de database controleren; feature flag `maintenance_mode` klaarzetten; status page bericht voorbereiden; on-call rooster checken voor die nacht.", language="nl")
R("sonnet", "implement", "infrastructure", "other-language", None,
  "TB9: small config feature in Portuguese",
  "Adiciona uma flag de configuração `MAINTENANCE_MODE` no nosso app Express: quando ligada, todas as rotas respondem 503 com uma página simples, menos o /healthz. Lê da variável de ambiente e do nosso serviço de config, o que vier primeiro.", language="pt")
R("haiku", "question", "databases", "other-language", None,
  "TB9: short factual",
  "Hoeveel replicatieslots mag je maximaal hebben in Postgres, en waar stel je dat in?", language="nl")
R("opus", "design", "databases", "other-language", "short-hard",
  "TB9/TB3: short hard design in Portuguese",
  "Como garantir numeração de nota fiscal sem buracos com vários servidores escrevendo ao mesmo tempo?", language="pt")

# --- follow-up chains
R("sonnet", "implement", "web", "follow-up", None,
  "TB8: extend earlier work to another module",
  "now do the same idempotency thing for POST /v1/refunds")
R("haiku", "edit", "general", "follow-up", None,
  "TB8: rename back",
  "actually rename it back to idempotency_keys, the DBA hates the new name")
R("sonnet", "debug", "general", "follow-up", None,
  "TB8: only points back, unknown work",
  "that didnt work, same error")
R("sonnet", "implement", "general", "follow-up", None,
  "TB8: points back",
  "go on with the rest of the steps")
R("opus", "design", "databases", "follow-up", None,
  "TB8: asks for a harder variant",
  "ok and now make it work when the same key hits two different regions at the same time")
R("haiku", "docs", "general", "follow-up", None,
  "TB8: add a docstring",
  "also add a docstring to the middleware function")
R("sonnet", "test", "web", "follow-up", None,
  "TB8: add tests",
  "write tests for the 409 and 422 cases too")
R("haiku", "edit", "general", "follow-up", None,
  "TB8: translation of a short text",
  "translate that summary to Portuguese for the São Paulo team")
R("sonnet", "refactor", "web", "follow-up", None,
  "TB8: apply same refactor elsewhere",
  "same split (gateway / retry / logging) for the refund! method please, it's below\n\n```ruby\ndef refund!(payment, amount_cents)\n  attempts = 0\n  begin\n    attempts += 1\n    Rails.logger.info(\"refunding payment=#{payment.id} amount=#{amount_cents} attempt=#{attempts}\")\n    resp = Gateway.client.post('/refunds', { charge: payment.charge_ref, amount: amount_cents, idempotency_key: \"ref-#{payment.id}-#{amount_cents}\" })\n    raise GatewayError, resp.body['message'] unless resp.success?\n    Refund.create!(payment: payment, amount_cents: amount_cents, gateway_ref: resp.body['id'])\n  rescue Faraday::TimeoutError, GatewayError => e\n    Rails.logger.error(\"refund error payment=#{payment.id} err=#{e.message}\")\n    if attempts < 3\n      sleep(2 ** attempts)\n      retry\n    end\n    raise\n  end\nend\n```")
R("opus", "review", "web", "follow-up", None,
  "TB8/TB10: money correctness review of retry semantics",
  "wait - is that idempotency key on refunds actually safe? two partial refunds of the same amount on one payment would get the same key. think through what the gateway does in each case and what we should change")
R("sonnet", "plan", "general", "follow-up", None,
  "TB8: points back, continue a plan",
  "keep going, you stopped at phase 3")
R("haiku", "docs", "general", "follow-up", None,
  "TB8: format change",
  "turn that plan into a numbered checklist, one line per step")

# --- non-native voice
R("sonnet", "debug", "web", "non-native", None,
  "TB9: stack trace with clear cause",
  "Please help, after upgrade of Rails to 7.1 our invoice job is failing with this, I don't understand why because we did not change the code.\n\n```\nNoMethodError: undefined method `serialize' for class InvoiceJob (NoMethodError)\n\n    serialize :metadata, JSON\n    ^^^^^^^^^\n/app/app/models/invoice.rb:14:in `<class:Invoice>'\n/app/app/models/invoice.rb:1:in `<main>'\n/usr/local/bundle/gems/zeitwerk-2.6.12/lib/zeitwerk/kernel.rb:38:in `require'\n/app/app/jobs/invoice_job.rb:3:in `<class:InvoiceJob>'\nDEPRECATION WARNING: Passing the coder as positional argument is deprecated and will be removed in Rails 7.2. Please pass the coder as a keyword argument: serialize :metadata, coder: JSON\n```")
R("haiku", "question", "tooling", "non-native", None,
  "TB9: short known fact",
  "how I can see which version of a gem is installed in bundle? one command")
R("opus", "design", "infrastructure", "non-native", "easy-words-hard",
  "TB9/TB6: design for tenant isolation, plain words",
  "Our biggest customer want that their data is completely separate from other customers, but we have one database for all with tenant_id column. They pay a lot so management say yes. What are options and what you recommend so we don't make two products to maintain?")
R("sonnet", "implement", "databases", "non-native", None,
  "TB9: row-level security with clear spec",
  "Can you write the Postgres row level security policy so every query on invoices only see rows of current tenant? We set tenant with `SET app.tenant_id = '...'` at start of request. Also for invoice_lines which has no tenant_id, only invoice_id.")
R("opus", "review", "security", "non-native", None,
  "TB9/TB10: security review of RLS with pooling",
  "We want use that RLS together with pgbouncer in transaction mode. Is it safe? I am afraid one tenant see data of another when connection is reused. Please check carefully.")
R("haiku", "docs", "general", "non-native", None,
  "TB9: short text fix",
  "please correct my english in this sentence for the design doc: 'The service will be responsible of the calculation of taxes and it will be called from checkout in synchronous way.'")
R("sonnet", "plan", "databases", "non-native", None,
  "TB9: known procedure for a bounded migration",
  "We need to change primary key of usage_records from integer to bigint because we reach 1.9 billion. Table is 600 GB. What are the steps to do it online in Postgres 15? We can use pgroll or manual, I prefer manual so I understand.")
R("haiku", "question", "databases", "non-native", None,
  "TB9: simple fact",
  "what is max value of integer in postgres?")
R("sonnet", "ops", "infrastructure", "non-native", None,
  "TB9: known ops task",
  "I must rotate the TLS certificate on our internal ingress before Friday. It is cert-manager with Let's Encrypt but renew is failing. Here the status:\n\n```\nStatus:\n  Conditions:\n    Last Transition Time:  2026-04-14T08:12:44Z\n    Message:               Issuing certificate as Secret does not exist\n    Reason:                DoesNotExist\n    Status:                False\n    Type:                  Ready\nEvents:\n  Warning  Failed  3m  cert-manager-challenges  Accepting challenge authorization failed: acme: authorization error for billing.internal.acme.io: 400 urn:ietf:params:acme:error:dns: DNS problem: NXDOMAIN looking up TXT for _acme-challenge.billing.internal.acme.io\n```")

# --- typos voice
R("sonnet", "implement", "web", "typos", None,
  "feature with clear spec",
  "need an admin endpoint to re-send an invoice email, POST /admin/invoices/:id/resend, only for role billing_admin, log who did it in audit_events, rate limit 5 per invoice per hour. rails pls")
R("haiku", "question", "general", "typos", None,
  "short known",
  "whats semver again, when do i bump minor vs patch")
R("opus", "plan", "web", "typos", "easy-words-hard",
  "TB6: open migration plan",
  "we got a 9 year old php app that does all the invoicing for our biggest partner. nobody who wrote it works here. we need to replace it by end of next year and we cant break their invoices. how do we even start, whats the plan")
R("sonnet", "explain", "web", "typos", None,
  "explain a function of dozens of lines",
  "what does this php do, step by step, its from that old invoicing app\n\n```php\nfunction calc_total($lines, $cust) {\n    $t = 0; $tx = 0;\n    foreach ($lines as $k => $l) {\n        if ($l['type'] == 'disc') { $t -= $l['amt']; continue; }\n        $sub = $l['qty'] * $l['price'];\n        if ($cust['country'] == 'NL' || $cust['country'] == 'BE') {\n            $r = isset($l['vat']) ? $l['vat'] : 21;\n        } elseif ($cust['eu'] && $cust['vatno']) {\n            $r = 0;\n        } else {\n            $r = $GLOBALS['DEFAULT_VAT'];\n        }\n        $tx += round($sub * $r / 100, 2);\n        $t += $sub;\n    }\n    if ($t < 0) $t = 0;\n    if ($cust['rounding'] == 'cash') { $t = round($t * 20) / 20; }\n    return array($t, $tx, $t + $tx);\n}\n```")
R("sonnet", "test", "web", "typos", None,
  "characterisation tests for existing code",
  "write characterization tests for that calc_total so we can port it safely, phpunit, cover the NL/BE, EU reverse charge, non-EU, discount and cash rounding cases")
R("haiku", "ops", "tooling", "typos", None,
  "one command",
  "git comand to find which commit removed a line containing DEFAULT_VAT")

# --- verbose sonnet ops / build
R("sonnet", "ops", "tooling", "verbose", None,
  "CI config change with clear goal",
  "Our monolith CI takes 45 minutes and most of it is the asset build, which runs even for changes that only touch app/billing. We're on GitHub Actions. Could you change the workflow so the asset build only runs when files under app/javascript, app/assets or package.json change, and billing-only changes run just the billing specs plus a smoke suite? Current workflow:\n\n```yaml\nname: ci\non: [pull_request]\njobs:\n  assets:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with: { node-version: 20, cache: yarn }\n      - run: yarn install --frozen-lockfile\n      - run: yarn build\n  rspec:\n    needs: assets\n    runs-on: ubuntu-latest\n    services:\n      postgres:\n        image: postgres:16\n        env: { POSTGRES_PASSWORD: postgres }\n        ports: ['5432:5432']\n    steps:\n      - uses: actions/checkout@v4\n      - uses: ruby/setup-ruby@v1\n        with: { bundler-cache: true }\n      - run: bin/rails db:setup\n      - run: bundle exec rspec\n```")
R("sonnet", "implement", "tooling", "plain", None,
  "codeowners and lint rule for a module boundary: clear steps",
  "Set up the module boundary for billing in our Rails monolith: a CODEOWNERS entry so app/billing needs payments-team review, and a packwerk package.yml for app/billing that only exposes app/billing/public. Show the files and the CI step that fails on new violations.")
R("haiku", "question", "tooling", "plain", None,
  "well-known tool",
  "what is packwerk in one or two sentences?")
R("opus", "plan", "web", "plain", "easy-words-hard",
  "TB6: modularisation plan across a big codebase",
  "We tried packwerk on the monolith and it reports 11,000 violations. How do we go from here to clean boundaries for billing, orders and identity without freezing feature work? I want a plan we can actually follow for a year.")

# --- databases/data sonnet with pastes
R("sonnet", "implement", "databases", "plain", None,
  "backfill job with clear spec",
  "Write a backfill job (Sidekiq) that fills invoices.legal_entity_id from accounts in batches of 5,000 by id, sleeps 200ms between batches, is resumable from the last processed id stored in Redis, and stops when the replica lag goes above 10 seconds.")
R("sonnet", "review", "databases", "plain", None,
  "reviewing a migration for locking problems: everyday review",
  "anything dangerous in this migration on a 200M-row table?\n\n```ruby\nclass AddTenantToUsageRecords < ActiveRecord::Migration[7.1]\n  def change\n    add_column :usage_records, :tenant_id, :bigint, null: false, default: 0\n    add_index :usage_records, [:tenant_id, :recorded_at]\n    add_foreign_key :usage_records, :tenants\n  end\nend\n```")
R("haiku", "explain", "databases", "plain", None,
  "short known",
  "what does `disable_ddl_transaction!` do in a rails migration")
R("sonnet", "debug", "data", "plain", None,
  "traceback with clear cause",
  "our nightly export DAG fails since yesterday\n\n```\n[2026-04-18, 02:00:41 UTC] {taskinstance.py:2698} ERROR - Task failed with exception\nTraceback (most recent call last):\n  File \"/opt/airflow/dags/billing_export.py\", line 58, in export_invoices\n    df = pd.read_sql(QUERY, conn, params={\"day\": ds})\n  File \"/home/airflow/.local/lib/python3.11/site-packages/pandas/io/sql.py\", line 654, in read_sql\n    return pandas_sql.read_query(\n  File \"/home/airflow/.local/lib/python3.11/site-packages/pandas/io/sql.py\", line 1848, in read_query\n    data = result.fetchall()\npsycopg2.errors.UndefinedColumn: column \"customer_email\" does not exist\nLINE 1: SELECT id, customer_id, customer_email, total_cents, currency...\n```")
R("haiku", "question", "data", "plain", "long-trivial",
  "TB5: count rows by a field",
  "how many rows per team in this csv?\n\n```csv\n" + backlog_csv(1660, 45) + "\n```")

# --- PT/NL extras
R("sonnet", "docs", "general", "other-language", None,
  "TB9: write a status update from notes in Dutch",
  "Kun je van deze notulen een korte statusupdate maken voor het management, in het Nederlands? Wat loopt goed, wat is een risico, wat hebben we nodig.\n\n" + meeting_notes(1661, 2, "Migratie"), language="nl")
R("haiku", "edit", "general", "other-language", None,
  "TB9: reformat a list",
  "Coloca essa lista em ordem alfabética: tax-calc, billing-core, webhook-relay, audit-log, checkout-api, fx-rates, entitlements", language="pt")
R("opus", "debug", "infrastructure", "other-language", "easy-words-hard",
  "TB9/TB6: intermittent issue with no lead",
  "Uma vez por semana, mais ou menos, o serviço de pagamentos para de responder por uns dois minutos e volta sozinho. Não tem deploy, não tem pico de tráfego, a CPU fica normal. Já olhamos os logs e não aparece nada. Como você investigaria isso?", language="pt")

# --- pasted RFCs/ADRs of medium size, reviewed at different depths
RFC_CACHE = """# RFC-118: Shared cache layer for pricing

## Problem
pricing-engine is called on every page view of the plans page and during checkout. p99 is 420 ms,
and 60% of that is loading plan_prices and coupons from Postgres. Load on pg-main from pricing alone
is ~9k queries/sec at peak.

## Proposal
- Put a Redis cache (cluster mode, 3 shards) in front of plan_prices and coupons.
- Key: `price:{plan_id}:{currency}` and `coupon:{code}`; TTL 10 minutes.
- On write (admin changes a price) the admin tool deletes the key after committing the transaction.
- If Redis is down, fall back to Postgres.
- Checkout reads the price from the cache, same as the plans page.

## Rollout
1. Ship behind flag `pricing_cache_enabled`, 5% of traffic.
2. Watch hit rate and p99 for a week.
3. 100%.

## Alternatives
- Read replica for pricing: rejected, replica lag during price changes.
- In-process cache per pod: rejected, 40 pods would each need invalidation.

## Open questions
- Do we need to warm the cache on deploy?
- What hit rate should we expect?
"""
R("opus", "review", "web", "plain", None,
  "TB10: judging a cache design that affects what customers are charged",
  "Please review this RFC. My worry is correctness at checkout - can a customer be charged a stale price after an admin changes it, and is that acceptable? What would you change?\n\n" + RFC_CACHE)
R("sonnet", "review", "web", "plain", None,
  "editorial review of a doc for clarity: everyday",
  "Not asking about the design, only the writing: is this RFC clear enough for the review meeting, what questions will people ask because something is missing from the text?\n\n" + RFC_CACHE)
R("haiku", "question", "web", "terse", None,
  "find one value in a short doc",
  "what ttl does this rfc propose?\n\n" + RFC_CACHE)
R("sonnet", "implement", "web", "plain", None,
  "implementing the cache as specified",
  "The RFC got approved as written. Implement the read-through cache for plan prices in our Node pricing service: ioredis cluster client, key format and TTL from the RFC, Postgres fallback when Redis errors, and the delete-after-commit helper for the admin tool. TypeScript.\n\n" + RFC_CACHE)
R("haiku", "docs", "web", "plain", None,
  "mechanical edit: append a short section with given content",
  "add an 'Owners' section to the end of this RFC saying pricing team owns the cache and SRE owns the Redis cluster\n\n" + RFC_CACHE)

ADR_EVENTS = """# ADR-0044: Billing events are published via transactional outbox

Status: Proposed
Deciders: payments, platform

## Context
Billing must emit events (invoice.finalized, payment.succeeded, refund.issued) for finance,
webhooks and the warehouse. Today they're published directly to Kafka after the DB commit,
and we lose events when the pod dies between commit and publish (3 incidents in Q1).

## Decision
Write events to an `outbox_events` table in the same transaction as the business change.
A relay process reads unpublished rows in id order and publishes them to Kafka with the
aggregate id as key, then marks them published. Consumers must be idempotent on event id.

## Consequences
+ no lost events
+ events are ordered per aggregate
- events may be published more than once
- extra write per business operation (~2.3k/min at peak)
- the outbox table needs cleanup (delete published rows older than 7 days)
"""
R("opus", "review", "databases", "verbose", None,
  "TB10: checking a distributed-ordering claim in an ADR",
  "Second pair of eyes on this ADR please. In particular the claim 'events are ordered per aggregate' - is that actually true with the relay as described, especially if we run more than one relay instance or a transaction with a lower id commits after one with a higher id? If not, what do we need to say or change?\n\n" + ADR_EVENTS)
R("haiku", "edit", "general", "plain", None,
  "status change",
  "mark this ADR as Accepted and add today's date line under the status (2026-04-20)\n\n" + ADR_EVENTS)
R("sonnet", "implement", "databases", "plain", None,
  "cleanup job with clear spec",
  "write the cleanup for the outbox table described here: a Postgres function or a cron job that deletes published rows older than 7 days in batches of 10k without long locks\n\n" + ADR_EVENTS)
R("haiku", "docs", "general", "terse", None,
  "short summary",
  "summarise this adr in two sentences\n\n" + ADR_EVENTS)

PLAN_MIGRATION = """Migration plan: sessions from Postgres to Redis

Week 1: add Redis session store behind flag, write to both, read from Postgres
Week 2: read from Redis with fallback to Postgres on miss
Week 3: stop writing to Postgres
Week 4: drop sessions table

Notes:
- sessions are ~3M rows, 30 day expiry
- login is 400/s at peak
- we use Redis for cache already (shared instance, maxmemory-policy allkeys-lru)
"""
R("opus", "review", "infrastructure", "plain", None,
  "TB10: spotting the eviction-policy flaw and rollout risks in a migration plan",
  "anything wrong with this plan? it looks fine to me but I've been burnt before\n\n" + PLAN_MIGRATION)
R("haiku", "docs", "general", "plain", None,
  "mechanical reformat",
  "turn this into a markdown table with Week and Step columns\n\n" + PLAN_MIGRATION)

# --- capacity / cost planning
R("opus", "plan", "infrastructure", "verbose", None,
  "cost/capacity plan needing analysis of a bill and workload",
  "Our AWS bill went from 180k to 260k a month in a year while traffic grew maybe 25%. Biggest lines: EC2 (EKS nodes) 95k, RDS 60k, data transfer 38k, S3 22k, MSK 18k, rest small. Node utilisation averages 23% CPU. Leadership wants 30% off without slowing the roadmap much. Where would you look, in what order, and what would you expect each step to save? I know you can't be exact - I want the reasoning.")
R("haiku", "question", "infrastructure", "plain", None,
  "simple arithmetic",
  "if we buy a 1-year reserved instance at 38% discount for 60k/month of RDS, what do we save per year?")
R("sonnet", "implement", "infrastructure", "plain", None,
  "known config change: karpenter nodepool consolidation",
  "Write a Karpenter NodePool for our general workloads with consolidation enabled (WhenEmptyOrUnderutilized), spot and on-demand allowed with spot preferred, instance families m6i/m7i/c6i/c7i, and a disruption budget of 10% of nodes. Karpenter v1 API.")
R("opus", "plan", "data", "plain", "easy-words-hard",
  "TB6: sizing and growth planning for a cluster from workload description",
  "We're putting all product analytics events into ClickHouse: 1.5 billion events a day now, doubling next year, kept for 13 months, about 40 analysts running ad-hoc queries plus 300 dashboards refreshing every 5 minutes. How big a cluster do we need, how should we lay out the data, and what will hurt first as it grows?")
R("haiku", "question", "data", "plain", None,
  "arithmetic",
  "1.5 billion events a day at about 300 bytes compressed each, how many TB for 13 months?")

# --- rollout planning across teams (persona emphasis)
R("opus", "plan", "general", "plain", "easy-words-hard",
  "TB6: org rollout plan",
  "We built a new internal service template (logging, metrics, health checks, deploy config all wired up). Three teams use it. How should we get the other twelve teams onto it? Some services are ten years old.")
R("opus", "plan", "security", "plain", "easy-words-hard",
  "TB6: org-wide security rollout",
  "Security wants every service to talk to every other service over mutual TLS by end of year. We have 70 services, some in Kubernetes, some on plain VMs, a couple on Lambda. How do we roll that out without breaking things?")
R("sonnet", "docs", "general", "plain", None,
  "writing an announcement from decided facts",
  "Write the announcement for #engineering: from 1 July all new services must use the service template, existing services move by end of Q4, platform office hours Tuesdays 14:00, migration guide link go/template-migrate. Friendly, under 150 words.")
R("haiku", "docs", "general", "terse", None,
  "short text",
  "shorter title for this: 'Proposal for the gradual introduction of the standardized service template across all product engineering teams'")
R("opus", "plan", "infrastructure", "terse", "short-hard",
  "TB3/TB6: rollout strategy for a risky org-wide change",
  "rolling out the new network policy default-deny to all namespaces, how")
R("sonnet", "implement", "infrastructure", "plain", None,
  "config with clear spec",
  "write a kubernetes NetworkPolicy for the billing namespace: default deny ingress and egress, allow ingress from the ingress-nginx namespace on 8080, allow egress to pg-billing on 5432, to kube-dns on 53 UDP/TCP, and to the kafka namespace on 9092")
R("haiku", "question", "infrastructure", "plain", "hard-words-easy",
  "TB4: well-known fact",
  "Do Kubernetes NetworkPolicies do anything if the CNI doesn't support them?")

# --- distributed systems design (opus)
R("opus", "design", "systems", "plain", "easy-words-hard",
  "TB6: recovery protocol design, plain words",
  "Design how the payouts worker recovers after it crashes halfway through a batch. It sends money to bank accounts through an API that has no idempotency keys. We can't pay anyone twice and we can't skip anyone.")
R("opus", "design", "databases", "verbose", None,
  "distributed consistency design",
  "We're splitting subscriptions and billing into two services with their own databases. When a customer upgrades a plan, subscriptions must change the plan and billing must charge the proration; if the charge fails, the plan change has to be undone. Saga with orchestration, saga with choreography, or something else? What does each look like for this flow, and where does each go wrong?")
R("haiku", "question", "systems", "plain", "hard-words-easy",
  "TB4: definitional",
  "what's the difference between orchestration and choreography in sagas? two lines")
R("sonnet", "implement", "systems", "plain", None,
  "implement a known pattern with a clear spec",
  "Implement the orchestrator for the upgrade saga in Go: steps ChangePlan -> ChargeProration -> Notify, with compensations RevertPlan and RefundProration; persist saga state in a Postgres table so it resumes after a restart; each step call is an HTTP request with a timeout of 5s and 3 retries.")
R("opus", "review", "systems", "follow-up", None,
  "TB8/TB10: review distributed code for failure modes",
  "review the orchestrator you just wrote for what happens if the process dies between the charge succeeding and the state being saved")

# --- more pasted material: incident timelines, postmortems
INCIDENT = """14:02 alert: checkout-api 5xx > 5%
14:03 on-call (Marco) acks
14:05 Marco: errors are timeouts to billing-core
14:06 billing-core pods all Ready, CPU 35%
14:08 Priya: pg-billing connections at 500/500
14:09 Marco restarts billing-core deployment
14:12 errors drop to 1%, then climb again at 14:14
14:15 Priya: top wait event is Lock:transactionid on invoices
14:17 Joost: dunning-scheduler started its hourly run at 14:00, it does SELECT ... FOR UPDATE on overdue invoices
14:18 Joost pauses dunning-scheduler via flag
14:20 connections drop to 180, errors back to baseline
14:40 incident closed
Follow-up: the dunning run got 10x bigger since we moved 40k accounts to monthly invoicing on the 1st
"""
R("sonnet", "docs", "infrastructure", "plain", None,
  "postmortem writing from a clear timeline",
  "Write the postmortem from this timeline in our format: summary, impact, timeline, root cause, what went well, what went badly, action items with owners left blank. Blameless tone.\n\n" + INCIDENT)
R("haiku", "question", "infrastructure", "plain", None,
  "read off duration",
  "how long was the impact in this timeline, from first alert to errors back at baseline?\n\n" + INCIDENT)
R("sonnet", "debug", "databases", "plain", None,
  "timeline points at the lock contention cause; fix is known",
  "From this timeline, what's the actual fix for the dunning job so it stops locking invoices that checkout needs? Show me how you'd change its query.\n\n" + INCIDENT + "\nThe dunning query today:\n```sql\nSELECT * FROM invoices WHERE status = 'open' AND due_at < now() - interval '3 days' FOR UPDATE;\n```\nand then it loops over all of them in the same transaction sending emails.")
R("opus", "design", "infrastructure", "follow-up", None,
  "TB8: broader resilience design across services",
  "ok fixing the query is the easy part. the bigger issue is that one batch job could starve checkout at all. how should we set things up so background work can never take down the customer-facing path? think db, pools, scheduling, everything")

# --- infra: logs/configs pastes
NGINX = """upstream billing {
    server 10.20.1.14:8080 max_fails=3 fail_timeout=30s;
    server 10.20.1.15:8080 max_fails=3 fail_timeout=30s;
    server 10.20.1.16:8080 max_fails=3 fail_timeout=30s;
    keepalive 32;
}

server {
    listen 443 ssl http2;
    server_name billing.acme.io;

    ssl_certificate     /etc/nginx/tls/billing.crt;
    ssl_certificate_key /etc/nginx/tls/billing.key;

    client_max_body_size 2m;
    proxy_read_timeout 30s;

    location /v1/ {
        proxy_pass http://billing;
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header X-Request-Id $request_id;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }

    location /v1/invoices/export {
        proxy_pass http://billing;
        proxy_read_timeout 30s;
    }

    location /healthz {
        access_log off;
        return 200;
    }
}
"""
R("sonnet", "debug", "infrastructure", "plain", None,
  "config plus symptom with identifiable cause",
  "Large invoice exports fail with 504 after exactly 30 seconds, smaller ones work. Config below. What do I change, and is there anything else in here that'll bite us?\n\n```nginx\n" + NGINX + "```")
R("haiku", "edit", "infrastructure", "terse", None,
  "one-value edit",
  "raise client_max_body_size to 10m\n\n```nginx\n" + NGINX + "```")
R("haiku", "question", "infrastructure", "plain", None,
  "explain a short config line",
  "what does `proxy_set_header Connection \"\";` do and why is it next to keepalive?")
R("opus", "design", "web", "plain", None,
  "design an async export replacing a sync long request: trade-offs for scale and tenants",
  "Instead of raising timeouts, we want exports to be async: customer asks, we build the file in the background, they get a link. Some exports are 2M rows and big customers run dozens at month end. How would you design it so one big customer can't starve the others and the files never leak between tenants?")

# --- sonnet: integration work
R("sonnet", "implement", "web", "plain", None,
  "API integration with clear spec",
  "Integrate the new VAT rates API into tax-calc: GET https://vatapi.example.eu/v2/rates?country=XX returns {standard, reduced[], updated_at}. Cache per country for 6 hours, fall back to the last known value if the API fails, and expose a metric for how stale the cached rate is. Go.")
R("sonnet", "implement", "web", "verbose", None,
  "webhook signing with known approach",
  "We're adding signatures to our outgoing webhooks, same idea as Stripe: header `Acme-Signature: t=<unix>,v1=<hex hmac-sha256 of t.body>` with a per-endpoint secret. Can you write the signing side in our Node webhook-relay and a small verification snippet in Python and Node for our docs, including the timestamp tolerance check (5 minutes)?")
R("opus", "review", "security", "follow-up", None,
  "TB8/TB10: security review of the signing scheme",
  "before we publish it: security review of that webhook signature scheme - replay, secret rotation, timing attacks, anything we missed?")
R("haiku", "question", "security", "plain", None,
  "short known",
  "why should signature comparison use a constant-time compare?")

# --- more haiku chores
R("haiku", "edit", "general", "plain", "long-trivial",
  "TB5: mechanical replacement across pasted notes",
  "replace every 'billing-core' with 'billing-api' in these notes, we renamed it\n\n" + meeting_notes(1670, 7, "Billing extraction"))
R("haiku", "question", "general", "plain", None,
  "count in a short paste",
  "how many distinct people are in the attendee lists here?\n\n" + meeting_notes(1671, 3, "Capacity review"))
R("haiku", "ops", "tooling", "terse", None,
  "one-liner",
  "grep one-liner: all files under app/ that mention Billing:: but aren't in app/billing")

# --- sonnet plans with known steps
R("sonnet", "plan", "infrastructure", "plain", None,
  "bounded migration with known steps",
  "We're moving our 6 Sidekiq queues from a self-managed Redis on EC2 to ElastiCache. Jobs are fine to pause for a few minutes at night. Give me the step by step plan including how we drain the old queues, what about scheduled/retry sets, and how we roll back.")
R("sonnet", "plan", "databases", "plain", None,
  "known procedure for a bounded change",
  "Plan for renaming the column `amount` to `amount_cents` on payments without downtime in Rails: the expand/contract steps, which deploys, and what to watch. It's one column, 40M rows.")
R("opus", "plan", "databases", "plain", "easy-words-hard",
  "TB6: changing money representation across a codebase and data is a large risky migration",
  "We store money as floats in about 30 tables and a lot of code does math on them. We keep finding one-cent differences. Plan how we move everything to integer cents without getting a single customer invoice wrong.")
R("sonnet", "implement", "web", "plain", None,
  "small feature: config flag",
  "Add a config flag `INVOICE_ROUNDING_MODE` (half_up or bankers, default half_up) to the invoice builder in our Python service and use it wherever we round tax. Add tests for both modes.")
R("haiku", "question", "general", "plain", None,
  "well-known",
  "what is banker's rounding? quick example please")

# --- explain module-level
R("sonnet", "explain", "infrastructure", "plain", None,
  "explain a non-trivial config file",
  "Explain what this terraform plan does to production in plain words for our change advisory board. They aren't engineers.\n\n```\n" + terraform_plan(1672, 8) + "\n```")
R("opus", "explain", "systems", "plain", None,
  "TB7: concurrent algorithm semantics",
  "Can you explain why this Go code is or isn't safe? Several goroutines call Get at the same time and one goroutine calls Refresh every minute.\n\n```go\ntype RateCache struct {\n    rates atomic.Pointer[map[string]float64]\n    mu    sync.Mutex\n}\n\nfunc (c *RateCache) Get(cur string) float64 {\n    m := c.rates.Load()\n    if m == nil {\n        return 0\n    }\n    return (*m)[cur]\n}\n\nfunc (c *RateCache) Refresh(fetch func() map[string]float64) {\n    c.mu.Lock()\n    defer c.mu.Unlock()\n    old := c.rates.Load()\n    next := fetch()\n    if old != nil {\n        for k, v := range *old {\n            if _, ok := next[k]; !ok {\n                next[k] = v\n            }\n        }\n        (*old)[\"_stale\"] = 1\n    }\n    c.rates.Store(&next)\n}\n```")
R("haiku", "explain", "systems", "plain", None,
  "short snippet, one sentence",
  "what does `defer c.mu.Unlock()` do here, in one sentence?")

# --- PT/NL
R("sonnet", "debug", "databases", "other-language", None,
  "TB9: identifiable cause from error",
  "Onze migratie faalt met `ERROR: cannot drop column customer_email of table invoices because other objects depend on it DETAIL: view finance_invoices_v depends on column customer_email`. Wat is de nette manier om dit op te lossen zonder dat finance hun view kwijt is?", language="nl")
R("haiku", "question", "general", "other-language", None,
  "TB9: short known",
  "O que é o padrão strangler fig? Duas frases.", language="pt")

# --- final batch: sonnet everyday work for leads
R("sonnet", "implement", "databases", "typos", None,
  "clear-spec job",
  "write a job that archives invoices older than 7 yrs to s3 as jsonl gz, one file per month, then deletes them from pg in batches. dry run flag. ruby/sidekiq. legal said 7 not 10 btw")
R("sonnet", "implement", "infrastructure", "plain", None,
  "known infra config",
  "Write the S3 lifecycle config (terraform) for the invoice archive bucket: move to Glacier Instant Retrieval after 90 days, Deep Archive after 2 years, expire after 10 years, and object lock in compliance mode for 7 years.")
R("sonnet", "test", "data", "plain", None,
  "tests for existing SQL model",
  "write dbt tests for the revenue_daily model: unique on (day, legal_entity_id, currency), not null on all three, accepted values on currency (EUR, USD, GBP, BRL), and a custom test that revenue is never negative except on days with refunds")
R("sonnet", "refactor", "data", "plain", None,
  "refactor a query/module with preserved semantics",
  "Split this 200-line dbt model into staging models plus one mart model, same output. I've pasted the top part so you see the style; the CTEs repeat the same pattern for refunds and credit notes.\n\n```sql\nwith invoices as (\n    select id, legal_entity_id, currency, total_cents, finalized_at::date as day\n    from {{ source('billing', 'invoices') }}\n    where status in ('paid', 'open', 'uncollectible') and finalized_at is not null\n),\npayments as (\n    select p.invoice_id, sum(p.amount_cents) as paid_cents, min(p.paid_at)::date as first_paid_day\n    from {{ source('billing', 'payments') }} p\n    where p.status = 'succeeded'\n    group by 1\n),\nrefunds as (\n    select p.invoice_id, sum(r.amount_cents) as refunded_cents\n    from {{ source('billing', 'refunds') }} r\n    join {{ source('billing', 'payments') }} p on p.id = r.payment_id\n    group by 1\n),\njoined as (\n    select i.day, i.legal_entity_id, i.currency,\n           sum(i.total_cents) as invoiced_cents,\n           sum(coalesce(pa.paid_cents, 0)) as paid_cents,\n           sum(coalesce(re.refunded_cents, 0)) as refunded_cents\n    from invoices i\n    left join payments pa on pa.invoice_id = i.id\n    left join refunds re on re.invoice_id = i.id\n    group by 1, 2, 3\n)\nselect * from joined\n```")
R("sonnet", "review", "web", "plain", None,
  "diff review",
  "quick review of this change to our retry helper?\n\n```diff\n def with_retries(fn, attempts=3, base=0.2):\n-    for i in range(attempts):\n-        try:\n-            return fn()\n-        except (TimeoutError, ConnectionError):\n-            if i == attempts - 1:\n-                raise\n-            time.sleep(base * 2 ** i)\n+    last = None\n+    for i in range(attempts):\n+        try:\n+            return fn()\n+        except Exception as e:\n+            last = e\n+            time.sleep(base * 2 ** i + random.random())\n+    raise last\n```")
R("sonnet", "implement", "tooling", "plain", None,
  "small CLI with clear behaviour",
  "Write a small CLI (Python, click) for our on-call: `billingctl invoice show <id>`, `billingctl invoice resend <id>`, `billingctl flags list`. It talks to the internal admin API with a token from ~/.billingctl. Nice table output with rich.")
R("sonnet", "ops", "infrastructure", "plain", None,
  "known diagnostics procedure",
  "Node pressure on our EKS cluster: a few nodes keep hitting DiskPressure and evicting pods. Walk me through what to check (image GC settings, ephemeral storage of pods, log rotation) and give me the kubectl/crictl commands for each.")
R("sonnet", "debug", "web", "plain", None,
  "stack trace with clear cause",
  "what's wrong here?\n\n```\nTypeError: Cannot read properties of undefined (reading 'currency')\n    at formatTotal (/srv/app/src/invoices/format.ts:22:31)\n    at InvoiceRow (/srv/app/src/invoices/InvoiceRow.tsx:48:19)\n    at renderWithHooks (/srv/app/node_modules/react-dom/cjs/react-dom-server.node.development.js:5662:16)\n```\n\n```ts\nexport function formatTotal(inv: Invoice): string {\n  const { amount, currency } = inv.total;\n  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: inv.total.currency }).format(amount / 100);\n}\n```\n\nDraft invoices don't have a total yet.")
R("sonnet", "docs", "web", "plain", None,
  "API docs from a spec",
  "Write the public API docs page (markdown) for POST /v1/refunds: request fields payment_id (required), amount_cents (optional, defaults to full), reason (enum duplicate|fraudulent|requested_by_customer), Idempotency-Key header; responses 201, 400, 404, 409, 422 with example bodies.")
R("sonnet", "plan", "tooling", "plain", None,
  "upgrade with known steps",
  "We need to upgrade Sidekiq from 6.5 to 7.2 in the monolith. What changed that affects us (we use sidekiq-cron, unique jobs gem, and Redis 6), and what's the upgrade checklist?")
R("sonnet", "implement", "web", "non-native", None,
  "TB9: feature with clear spec",
  "Please implement soft delete for customers in our Django app: field deleted_at, default manager hide deleted, admin can still see them, and the unique email constraint must allow same email again if old one is deleted.")
R("sonnet", "explain", "databases", "plain", None,
  "TB7: subtle but small behaviour",
  "why does this return no rows even though there are invoices without a coupon?\n\n```sql\nSELECT id FROM invoices WHERE coupon_id NOT IN (SELECT id FROM coupons WHERE active = false);\n```\n\ncoupons has some rows with id NULL from an old import, don't ask")
R("sonnet", "implement", "data", "verbose", None,
  "CDC connector config with clear spec",
  "We're setting up Debezium for the billing database to feed the warehouse. Could you write the connector config for Postgres (pgoutput plugin, publication limited to invoices, invoice_lines, payments, refunds), with the topic naming `billing.<table>`, heartbeat every 10 seconds so the slot doesn't hold WAL on quiet nights, and the snapshot mode that makes sense for a first load of about 200 GB?")
R("sonnet", "ops", "databases", "plain", None,
  "known ops query + action",
  "our disk on the billing primary is filling up and I think a replication slot is holding WAL. how do I check which slot, how much it's holding, and when is it safe to drop it?")
R("sonnet", "question", "infrastructure", "plain", "hard-words-easy",
  "TB4: scary words, a comparison needing some care but no design",
  "For our Kafka topics that carry billing events: what do acks=all, min.insync.replicas=2 and replication factor 3 actually guarantee together, and what happens to producers when one broker is down? Just want to understand our current config.")
R("sonnet", "implement", "systems", "plain", "hard-words-easy",
  "TB4: distributed-sounding but a standard library-backed implementation",
  "Use the Redis Redlock library we already have to make sure only one replica of the report-exporter runs the nightly job. Just wrap the job; lock TTL 30 min, extend every 5 min while running.")

# --- final batch: opus
R("opus", "review", "systems", "follow-up", None,
  "TB8/TB10: correctness of a distributed lock under pauses",
  "is that lock actually safe if the process gets a long GC pause and the lock expires while it's still writing the export? what would make it safe?")
R("opus", "plan", "web", "verbose", "easy-words-hard",
  "TB6: versioning/breaking-change plan across external consumers",
  "Our public API has grown without any versioning discipline: fields renamed in place, behaviour changed quietly, and partners find out from their own alerts. We want to fix that for good. What should our approach to API changes be from now on, and how do we get the existing mess under control without breaking the 300 integrations that depend on today's behaviour?")
R("opus", "design", "databases", "plain", None,
  "trade-off design for a specific scaling problem",
  "usage_records gets 50k inserts a second at peak and billing needs per-tenant totals per hour, exact, for invoicing. Postgres is struggling. Do we pre-aggregate in the app, move raw usage to ClickHouse or Kafka Streams, or partition harder and keep Postgres? Need to pick one and defend it.")
R("opus", "debug", "web", "verbose", "easy-words-hard",
  "TB6: prose debugging, no lead, across components",
  "Since last Tuesday some customers get logged out randomly, maybe 1 in 500 sessions, only in the web app, not mobile. We changed three things that week: moved sessions to Redis, upgraded the load balancer, and added a CDN in front of the marketing site which shares the cookie domain. Support can't reproduce it on demand. How would you narrow it down?")
R("opus", "plan", "data", "plain", "easy-words-hard",
  "TB6: platform migration across many consumers",
  "We want to replace our old Hadoop cluster with something modern. Around 400 jobs run on it, written by maybe 15 teams over 8 years, some in Pig. How do we plan the move so it actually finishes?")
R("opus", "design", "security", "plain", None,
  "threat modelling",
  "Do a threat model for our admin tool: support staff can look up any customer, issue refunds up to 500 EUR, and impersonate a customer to see what they see. It's an internal Rails app behind SSO.")
R("opus", "design", "web", "terse", "short-hard",
  "TB3: cache invalidation under concurrent writes",
  "stale price in cache after admin edit, race between delete and refill. fix properly")
R("opus", "plan", "databases", "non-native", "easy-words-hard",
  "TB9/TB6: large migration with no downtime in rough English",
  "We have one database for 2000 customers and want go to database per customer for the biggest 50. How we do this migration without stop them, and how we keep schema same in all databases after?")
R("opus", "design", "infrastructure", "plain", None,
  "multi-region DR design with trade-offs",
  "Design the failover for billing to a second region: Postgres, Kafka and Redis. Who decides to fail over, what happens to payments in flight, and how do we fail back without double charging?")
R("opus", "review", "databases", "plain", None,
  "TB10: reviewing concurrent code for races",
  "Two workers sometimes both send the same dunning email. Here's the picking code, what's the race and how do we close it?\n\n```python\ndef pick_batch(conn, limit=100):\n    rows = conn.execute(\n        \"SELECT id FROM dunning_attempts WHERE status = 'pending' AND run_at <= now() ORDER BY run_at LIMIT %s\",\n        (limit,),\n    ).fetchall()\n    ids = [r[0] for r in rows]\n    conn.execute(\"UPDATE dunning_attempts SET status = 'running' WHERE id = ANY(%s)\", (ids,))\n    conn.commit()\n    return ids\n\ndef run(conn):\n    for attempt_id in pick_batch(conn):\n        send_email(attempt_id)\n        conn.execute(\"UPDATE dunning_attempts SET status = 'sent' WHERE id = %s\", (attempt_id,))\n        conn.commit()\n```")
R("opus", "plan", "general", "plain", "easy-words-hard",
  "TB6: multi-team ownership reorganisation",
  "After the reorg nobody owns about 25 services. Plan how we decide who owns what and make the handover stick, including on-call.")
R("opus", "design", "web", "verbose", None,
  "open design with trade-offs",
  "We want to let customers build their own invoice templates (logo, layout, fields, languages). Today invoices are rendered by a Ruby ERB template we control. How would you design this so customers get flexibility but we can still guarantee legally required fields, render 200k invoices on the 1st of the month, and not let a template run arbitrary code?")
R("opus", "debug", "systems", "plain", "easy-words-hard",
  "TB6: performance cliff needing analysis",
  "Our report exporter is fast for customers with up to about 100k rows, then suddenly takes 20x longer at 120k. Memory is fine. It's Python with pandas and a Postgres cursor. What could make such a sharp jump, and how would you find out?")
R("opus", "plan", "infrastructure", "other-language", "easy-words-hard",
  "TB9/TB6: rollout plan in Portuguese",
  "Queremos que todos os times passem a usar o mesmo pipeline de deploy. Hoje cada time tem o seu. Como a gente faz essa transição sem parar ninguém e sem virar uma guerra política?", language="pt")
R("opus", "design", "databases", "other-language", None,
  "TB9: design with trade-offs in Dutch",
  "We twijfelen tussen één gedeelde database met een tenant_id-kolom, een schema per klant, of een database per klant. We hebben 800 klanten, een paar heel grote. Wat raad je aan en waarom, en wat betekent het voor migraties en backups?", language="nl")
R("opus", "plan", "web", "follow-up", None,
  "TB8: extends plan to more teams",
  "great, that works for billing. now write the same kind of plan for the orders domain, but orders has the added problem that warehouse software reads its tables directly")
R("opus", "review", "infrastructure", "verbose", None,
  "TB10: reviewing an architecture decision document",
  "Here's the draft ADR for our multi-region setup. Please poke holes in it - I'd like to know where the reasoning is weak, not typos.\n\n# ADR-0051: Active-passive multi-region for billing\n\nStatus: Draft\n\n## Context\nSingle region (eu-west-1). Regulators ask for a tested DR plan. Target RPO 5 min, RTO 30 min.\n\n## Decision\n- Postgres: cross-region read replica in eu-central-1, promoted manually on failover.\n- Kafka: MirrorMaker 2 replicating all billing topics to eu-central-1.\n- Redis: not replicated; caches rebuild on their own; sessions are lost (users log in again).\n- DNS: Route53 failover record with health check on /healthz of the load balancer.\n- Failover is triggered automatically by the Route53 health check; the DB promotion is a manual runbook step.\n\n## Consequences\n- RPO bounded by replica lag (normally < 1s)\n- Consumer offsets in eu-central-1 are translated by MM2 checkpoints\n- Cost: +35% on billing infra\n")
R("opus", "design", "data", "plain", "short-hard",
  "TB3: exactly-once in streaming",
  "exactly-once from kafka into the warehouse, possible or not?")

# --- last haiku rows
R("haiku", "question", "infrastructure", "plain", None,
  "well-known concept",
  "What's the difference between a liveness probe and a readiness probe?")
R("haiku", "docs", "general", "plain", None,
  "small text task",
  "give me a good title for an RFC about moving sessions from Postgres to Redis")
R("haiku", "edit", "general", "plain", "long-trivial",
  "TB5: add a header line",
  "add this line at the very top of the file and return the whole thing: `-- generated from billing schema, do not edit by hand`\n\n```sql\n" + sql_schema(1680, 20) + "\n```")
R("haiku", "question", "databases", "other-language", None,
  "TB9: short factual",
  "Wat doet `CREATE INDEX CONCURRENTLY` anders dan een gewone CREATE INDEX? Eén zin.", language="nl")

# --- top-up: pasted material, mostly sonnet and opus
R("sonnet", "debug", "web", "plain", None,
  "log excerpt shows a clear retry storm cause",
  "gateway timeouts went through the roof after we set RETRY_MAX_ATTEMPTS=12 on billing-core. log below. explain what's happening and what the retry settings should be\n\n```\n" + app_log(1690, 45) + "\n2026-04-17T14:06:11.002Z WARN  billing-core [worker-7] retrying gateway call attempt=9 err=\"read tcp: i/o timeout\"\n2026-04-17T14:06:11.004Z WARN  billing-core [worker-3] retrying gateway call attempt=11 err=\"read tcp: i/o timeout\"\n2026-04-17T14:06:11.010Z WARN  billing-core [http-12] retrying gateway call attempt=12 err=\"read tcp: i/o timeout\"\n2026-04-17T14:06:11.011Z WARN  billing-core [main] connection pool near limit in_use=50 max=50\n```")
R("sonnet", "implement", "web", "plain", None,
  "known resilience pattern with spec",
  "add a circuit breaker around the gateway client in billing-core (Ruby, use the stoplight gem): open after 20 failures in 60s, half-open after 30s, and when open fail fast with a GatewayUnavailable error that the checkout controller turns into a friendly 503")
R("sonnet", "review", "infrastructure", "plain", None,
  "catalog review with known rules",
  "Check this slice of the service catalog against our rules: tier 0 and 1 services must have oncall: yes and at least 3 replicas; nothing may depend on a service of a higher tier number. List the violations.\n\n```yaml\n" + service_catalog(1691, 14) + "\n```")
R("haiku", "question", "infrastructure", "terse", None,
  "count in short yaml",
  "how many services here run on go?\n\n```yaml\n" + service_catalog(1692, 10) + "\n```")
R("opus", "plan", "infrastructure", "plain", None,
  "platform consolidation plan from a catalog: judgment across many services",
  "We run five languages across these services and platform can only really support two. Using this catalog, propose which runtimes we standardise on, which services move, in what order, and which we leave alone forever. Explain how you weighed it.\n\n```yaml\n" + service_catalog(1693, 28) + "\n```")
R("sonnet", "docs", "general", "plain", None,
  "ADR from notes with decided outcome",
  "Write an ADR from these notes for the decision that each extracted service gets its own database and the shared read replica goes away. Only use what's decided in the notes; list open questions separately.\n\n" + meeting_notes(1694, 3, "Billing extraction"))
R("opus", "review", "web", "verbose", None,
  "TB10: architecture judgment on an extraction plan with cross-service consistency",
  "My team lead wrote this short plan for pulling invoicing out of the monolith and wants my sign-off. I have a bad feeling about step 3 but I'd like a proper analysis of the whole thing.\n\n1. Copy invoice code into a new service `invoicing`, owning a new database.\n2. Monolith calls invoicing over HTTP instead of the local classes.\n3. Checkout keeps its DB transaction; inside it, after creating the order, it calls POST /invoices on the new service; if the call fails the transaction rolls back.\n4. Nightly job compares invoice counts between the two databases during the first month.\n5. Old tables are dropped after 3 months.")
R("sonnet", "implement", "data", "plain", None,
  "comparison script with clear spec",
  "write the reconciliation job for the parallel run: for yesterday, compare invoices in the old and new databases by id on total_cents, currency, status and line count, write mismatches to a csv and post a summary to slack. python, psycopg 3")
R("haiku", "docs", "general", "plain", None,
  "short text",
  "write a one-line slack reminder that the billing freeze starts Friday 18:00 and ends Tuesday 09:00")
R("sonnet", "ops", "databases", "typos", None,
  "known restore procedure",
  "need to restore a single table (coupons) from last nights RDS snapshot into prod bc someone ran a bad update. whats the safest way step by step, without restoring the whole db over prod")
R("opus", "design", "databases", "plain", "easy-words-hard",
  "TB6: design an audit history that must be complete and tamper-evident",
  "Finance and the auditors want to be able to see every change ever made to an invoice, who made it, and be sure nobody quietly edited history. How should we build that?")
R("sonnet", "implement", "databases", "plain", None,
  "trigger-based audit with clear spec",
  "write a postgres trigger that copies the old row of invoices into invoices_history (with changed_by from current_setting('app.user_id') and changed_at) on every update and delete")
R("opus", "plan", "general", "plain", "short-hard",
  "TB3/TB6: org-level plan in few words",
  "how do we get 12 teams onto one on-call tool by Q3")
R("sonnet", "test", "web", "plain", None,
  "tests for described behaviour",
  "write request specs for the admin resend endpoint: billing_admin can resend, other roles get 403, 6th request in an hour gets 429, and an audit_event row is written with the admin's id")
R("sonnet", "refactor", "infrastructure", "plain", None,
  "refactor duplicated terraform into a module",
  "We have the same 80 lines of terraform (ALB target group, listener rule, Route53 record, CloudWatch alarms) copy-pasted for 9 services with small differences. Turn it into a module with variables for the bits that differ and show how two of the services call it. Here's one copy:\n\n```hcl\nresource \"aws_lb_target_group\" \"tax_calc\" {\n  name        = \"tax-calc-tg\"\n  port        = 8080\n  protocol    = \"HTTP\"\n  vpc_id      = var.vpc_id\n  target_type = \"ip\"\n  health_check {\n    path                = \"/healthz/ready\"\n    interval            = 15\n    healthy_threshold   = 2\n    unhealthy_threshold = 3\n  }\n}\n\nresource \"aws_lb_listener_rule\" \"tax_calc\" {\n  listener_arn = var.https_listener_arn\n  priority     = 140\n  action {\n    type             = \"forward\"\n    target_group_arn = aws_lb_target_group.tax_calc.arn\n  }\n  condition {\n    host_header { values = [\"tax.internal.acme.io\"] }\n  }\n}\n\nresource \"aws_route53_record\" \"tax_calc\" {\n  zone_id = var.internal_zone_id\n  name    = \"tax.internal.acme.io\"\n  type    = \"A\"\n  alias {\n    name                   = var.alb_dns_name\n    zone_id                = var.alb_zone_id\n    evaluate_target_health = true\n  }\n}\n\nresource \"aws_cloudwatch_metric_alarm\" \"tax_calc_5xx\" {\n  alarm_name          = \"tax-calc-5xx\"\n  namespace           = \"AWS/ApplicationELB\"\n  metric_name         = \"HTTPCode_Target_5XX_Count\"\n  dimensions          = { TargetGroup = aws_lb_target_group.tax_calc.arn_suffix, LoadBalancer = var.alb_arn_suffix }\n  statistic           = \"Sum\"\n  period              = 60\n  evaluation_periods  = 5\n  threshold           = 25\n  comparison_operator = \"GreaterThanThreshold\"\n  alarm_actions       = [var.sns_page_arn]\n}\n```")
if __name__ == "__main__":
    with open("w16.jsonl", "w", encoding="utf-8") as f:
        for i, row in enumerate(ROWS, 1):
            f.write(json.dumps({"id": f"w16-{i:04d}", **row}, ensure_ascii=False) + "\n")
