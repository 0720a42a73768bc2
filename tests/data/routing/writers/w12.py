#!/usr/bin/env python3
"""Writer w12: data, ML and database people (SQL, pandas/polars/Spark, Airflow/dbt/Kafka, PyTorch/JAX/sklearn).
Run `python3 w12.py` to write w12.jsonl deterministically."""
import json, os, random
from datetime import datetime, timedelta

ROWS = []

def R(label, category, domain, voice, trap, rationale, prompt, language="en"):
    ROWS.append({"prompt": prompt, "label": label, "rationale": rationale, "category": category,
                 "domain": domain, "voice": voice, "language": language, "trap": trap})

# ------------------------------------------------------------------ long material generators

def airflow_scheduler_log(seed, n):
    rng = random.Random(seed)
    dags = ["orders_daily", "customers_scd2", "marketing_spend_ingest", "fx_rates_hourly", "inventory_snapshot",
            "events_compaction", "ml_features_daily", "finance_close_monthly", "zendesk_tickets_sync"]
    tasks = ["extract", "stage_load", "dbt_run", "dbt_test", "publish", "notify_slack", "wait_for_s3_landing",
             "vacuum_analyze", "export_to_gcs"]
    ops = {"extract": "PythonOperator", "stage_load": "SnowflakeOperator", "dbt_run": "BashOperator",
           "dbt_test": "BashOperator", "publish": "PythonOperator", "notify_slack": "SlackWebhookOperator",
           "wait_for_s3_landing": "S3KeySensor", "vacuum_analyze": "PostgresOperator", "export_to_gcs": "PythonOperator"}
    t = datetime(2024, 3, 11, 1, 0, 0)
    fail_at = rng.randint(n // 3, 2 * n // 3)
    out = []
    for i in range(n):
        t += timedelta(milliseconds=rng.randint(40, 5000))
        ts = t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}+0000"
        d, tk = rng.choice(dags), rng.choice(tasks)
        run = "scheduled__2024-03-10T" + rng.choice(["00", "01", "02"]) + ":00:00+00:00"
        p = rng.randint(1, 12)
        jid = rng.randint(880000, 899999)
        dur = round(rng.uniform(0.8, 900.0), 6)
        if i == fail_at:
            d, tk = "customers_scd2", "stage_load"
            out.append(f"[{ts}] {{scheduler_job_runner.py:735}} INFO - TaskInstance Finished: dag_id={d}, task_id={tk}, "
                       f"run_id={run}, map_index=-1, run_start_date=2024-03-11 0{rng.randint(1,3)}:1{rng.randint(0,9)}:0{rng.randint(0,9)}.{rng.randint(100000,999999)}+00:00, "
                       f"run_duration={dur}, state=failed, executor_state=failed, try_number=3, max_tries=2, job_id={jid}, "
                       f"pool=default_pool, queue=default, priority_weight={p}, operator={ops[tk]}, pid={rng.randint(2000, 60000)}")
            continue
        k = rng.random()
        if k < 0.18:
            out.append(f"[{ts}] {{scheduler_job_runner.py:415}} INFO - 1 tasks up for execution:\n\t<TaskInstance: {d}.{tk} {run} [scheduled]>")
        elif k < 0.34:
            out.append(f"[{ts}] {{scheduler_job_runner.py:646}} INFO - Sending TaskInstanceKey(dag_id='{d}', task_id='{tk}', "
                       f"run_id='{run}', try_number=1, map_index=-1) to executor with priority {p} and queue default")
        elif k < 0.48:
            out.append(f"[{ts}] {{base_executor.py:146}} INFO - Adding to queue: ['airflow', 'tasks', 'run', '{d}', '{tk}', "
                       f"'{run}', '--local', '--subdir', 'DAGS_FOLDER/{d}.py']")
        elif k < 0.62:
            out.append(f"[{ts}] {{scheduler_job_runner.py:696}} INFO - Received executor event with state success for task instance "
                       f"TaskInstanceKey(dag_id='{d}', task_id='{tk}', run_id='{run}', try_number=1, map_index=-1)")
        elif k < 0.80:
            out.append(f"[{ts}] {{scheduler_job_runner.py:735}} INFO - TaskInstance Finished: dag_id={d}, task_id={tk}, "
                       f"run_id={run}, map_index=-1, run_duration={dur}, state=success, executor_state=success, try_number=1, "
                       f"max_tries=2, job_id={jid}, pool=default_pool, queue=default, priority_weight={p}, operator={ops[tk]}, "
                       f"pid={rng.randint(2000, 60000)}")
        elif k < 0.88:
            out.append(f"[{ts}] {{dagrun.py:{rng.choice([653, 704])}}} INFO - Marking run <DagRun {d} @ 2024-03-10 00:00:00+00:00: "
                       f"{run}, state:running, queued_at: 2024-03-11 00:00:0{rng.randint(0,9)}+00:00. externally triggered: False> successful")
        elif k < 0.95:
            out.append(f"[{ts}] {{scheduler_job_runner.py:1543}} INFO - DAG {d} is at (or above) max_active_runs (1 of 1), "
                       f"not creating any more runs")
        else:
            out.append(f"[{ts}] {{manager.py:1053}} INFO - Finding 'running' jobs without a recent heartbeat")
    return "\n".join(out)


def training_log(seed, epochs, steps_per_epoch, log_every, nan_at=None, ranks=False):
    rng = random.Random(seed)
    t = datetime(2024, 5, 2, 14, 0, 0)
    lines = []
    loss = 2.9
    lr_peak = 3e-4
    total = epochs * steps_per_epoch
    step = 0
    for ep in range(epochs):
        for s in range(0, steps_per_epoch, log_every):
            step = ep * steps_per_epoch + s
            t += timedelta(seconds=rng.uniform(38, 44))
            warm = min(1.0, step / 2000)
            lr = lr_peak * warm * (0.5 * (1 + __import__("math").cos(3.14159 * step / total)))
            loss = (0.42 + 2.5 * __import__("math").exp(-step / 9000)) * (1 + rng.gauss(0, 0.025))
            gn = rng.uniform(0.6, 2.4)
            shown = f"{loss:.4f}"
            if nan_at is not None and step >= nan_at:
                shown, gn = "nan", float("inf") if step == nan_at else float("nan")
            ts = t.strftime("%Y-%m-%d %H:%M:%S,") + f"{rng.randint(0, 999):03d}"
            prefix = f"[rank{rng.randint(0, 7)}] " if ranks and rng.random() < 0.15 else ""
            lines.append(f"{ts} INFO {prefix}train.py:212 epoch={ep} step={step}/{total} loss={shown} lr={lr:.3e} "
                         f"grad_norm={gn:.3f} tok/s={rng.randint(45500, 49800)} mem={rng.uniform(17.6, 18.9):.1f}G")
            if ranks and rng.random() < 0.03:
                lines.append(f"{ts} WARNING [rank{rng.randint(0, 7)}] NCCL INFO Channel {rng.randint(0, 15):02d}/0 : "
                             f"{rng.randint(0, 7)}[{rng.randint(0,7)}] -> {rng.randint(0, 7)}[{rng.randint(0,7)}] via P2P/IPC")
            if ranks and nan_at is not None and abs(step - nan_at) < 400 and rng.random() < 0.3:
                lines.append(f"{ts} WARNING [rank{rng.randint(0, 7)}] dataloader worker {rng.randint(0, 11)} slow batch: "
                             f"{rng.uniform(2.0, 9.0):.1f}s (shard=train-{rng.randint(0, 511):05d}.tar)")
        t += timedelta(seconds=rng.uniform(170, 260))
        vl = loss * rng.uniform(1.02, 1.15) if ep < epochs - 3 else loss * rng.uniform(1.1, 1.3)
        ts = t.strftime("%Y-%m-%d %H:%M:%S,") + f"{rng.randint(0, 999):03d}"
        lines.append(f"{ts} INFO train.py:260 [eval] epoch={ep} val_loss={vl:.4f} val_acc={min(0.93, 0.52 + 0.03 * ep + rng.uniform(-0.01, 0.01)):.4f} "
                     f"val_f1_macro={min(0.9, 0.48 + 0.03 * ep + rng.uniform(-0.015, 0.01)):.4f}")
        lines.append(f"{ts} INFO checkpoint.py:88 saved checkpoint to s3://ml-ckpt/intent-clf/run-{seed}/epoch={ep}.pt")
    return "\n".join(lines)


def orders_csv(seed, n):
    rng = random.Random(seed)
    first = ["Anna", "Ben", "Chloé", "Dmitri", "Eva", "Farah", "Giulia", "Hiro", "Ines", "Jonas", "Kemi", "Lars",
             "Mei", "Noah", "Olga", "Pedro", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Victor", "Wen", "Yara"]
    last = ["Schmidt", "Okafor", "Dubois", "Ivanov", "Rossi", "Tanaka", "Garcia", "Nilsen", "Khan", "Murphy",
            "Silva", "Kowalski", "Chen", "Haddad", "Larsen", "Moreau"]
    countries = ["Germany", "France", "Japan", "Brazil", "USA", "Norway", "Italy", "Poland", "Canada", "Spain"]
    status = ["shipped", "shipped", "shipped", "delivered", "delivered", "refunded", "cancelled", "pending"]
    rows = ["OrderID,Customer Name,Order Date,Ship Country,SKU,Unit Price,Qty,Discount %,Order Status,Sales Rep"]
    d0 = datetime(2023, 1, 1)
    for i in range(n):
        d = d0 + timedelta(days=rng.randint(0, 540), minutes=rng.randint(0, 1439))
        rows.append(f"{100000 + i},{rng.choice(first)} {rng.choice(last)},{d:%Y-%m-%d %H:%M},{rng.choice(countries)},"
                    f"SKU-{rng.randint(1000, 9999)}-{rng.choice('ABCDEFG')},{rng.uniform(3, 480):.2f},{rng.randint(1, 12)},"
                    f"{rng.choice([0, 0, 0, 5, 10, 15, 20])},{rng.choice(status)},{rng.choice(last).lower()}.{rng.choice(first).lower()}")
    return "\n".join(rows)


def dbt_models(seed, n, finance_every=4):
    rng = random.Random(seed)
    sources = ["shopify", "stripe", "netsuite", "salesforce", "hubspot", "zendesk", "segment"]
    ents = ["orders", "customers", "invoices", "payments", "refunds", "subscriptions", "accounts", "tickets",
            "line_items", "contacts", "opportunities", "events", "products", "payouts", "credit_notes"]
    cols = ["id", "created_at", "updated_at", "status", "amount", "currency", "customer_id", "email", "country",
            "is_deleted", "external_ref", "owner_id", "closed_at", "plan_code", "quantity"]
    out = []
    for i in range(n):
        src, ent = rng.choice(sources), rng.choice(ents)
        folder = "finance" if i % finance_every == 0 else rng.choice(["staging", "intermediate", "marts/core"])
        name = {"finance": "fct_", "staging": "stg_", "intermediate": "int_"}.get(folder, "dim_") + f"{src}__{ent}"
        picked = rng.sample(cols, rng.randint(6, 11))
        lines = [f"-- models/{folder}/{name}.sql", "",
                 "with source as (", f"    select * from {{{{ source('{src}', '{ent}') }}}}", "),", "", "renamed as (", "    select"]
        sel = []
        for c in picked:
            if c.endswith("_at"):
                sel.append(f"        convert_timezone('UTC', {c}::timestamp_ntz) as {c}")
            elif c == "amount":
                sel.append(f"        try_to_number({c}, 18, 2) / 100 as amount")
            elif c == "email":
                sel.append(f"        lower(trim({c})) as email")
            elif c == "is_deleted":
                sel.append(f"        iff(_fivetran_deleted, true, false) as is_deleted")
            else:
                sel.append(f"        {c}")
        lines.append(",\n".join(sel))
        lines += ["    from source", f"    where _fivetran_synced >= dateadd(day, -{rng.choice([3, 7, 30])}, current_timestamp())" if rng.random() < 0.4 else "    where true",
                  ]
        if rng.random() < 0.5 and "id" in picked and "updated_at" in picked:
            lines += ["),", ""]
            lines += ["deduped as (", "    select *", "    from renamed",
                      "    qualify row_number() over (partition by id order by updated_at desc) = 1", ")", "", "select * from deduped"]
        else:
            lines += [")", "", "select * from renamed"]
        out.append("\n".join(lines))
    return "\n\n".join(out)


def kafka_consumer_log(seed, n):
    rng = random.Random(seed)
    t = datetime(2024, 6, 18, 3, 10, 0)
    pod = f"orders-enricher-7d9f{rng.randint(100, 999)}c-{''.join(rng.choice('abcdefghjkmnpqrstvwxz') for _ in range(5))}"
    offs = {p: rng.randint(1_200_000, 1_900_000) for p in range(12)}
    assigned = [3, 4, 5, 6]
    gen = 411
    lines = []
    for i in range(n):
        t += timedelta(milliseconds=rng.randint(5, 900))
        ts = t.strftime("%Y-%m-%d %H:%M:%S.") + f"{t.microsecond // 1000:03d}"
        head = f"{ts}  INFO 1 --- [ntainer#0-0-C-1] "
        k = rng.random()
        if k < 0.62:
            p = rng.choice(assigned)
            offs[p] += rng.randint(1, 40)
            lines.append(f"{head}c.a.orders.enricher.OrderListener        : processed order key=ord_{rng.randint(10**7, 10**8)} partition={p} offset={offs[p]} took={rng.randint(3, 180)}ms")
        elif k < 0.74:
            p = rng.choice(assigned)
            lines.append(f"{head}c.a.orders.enricher.SinkWriter           : upsert batch size={rng.randint(20, 500)} table=enriched_orders partition={p} lastOffset={offs[p]}")
        elif k < 0.82:
            lines.append(f"{head}o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=consumer-orders-enricher-1, groupId=orders-enricher] "
                         f"Committing offsets: {{{', '.join(f'orders-{p}=OffsetAndMetadata{{offset={offs[p]}, leaderEpoch=17, metadata=}}' for p in assigned)}}}")
        elif k < 0.86:
            lines.append(f"{ts}  WARN 1 --- [ntainer#0-0-C-1] c.a.orders.enricher.PricingClient        : pricing-service slow response {rng.randint(1200, 9000)}ms, retrying ({rng.randint(1, 3)}/3)")
        elif k < 0.895:
            gen += 1
            lines.append(f"{head}o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=consumer-orders-enricher-1, groupId=orders-enricher] "
                         f"Revoke previously assigned partitions {', '.join(f'orders-{p}' for p in assigned)}")
            if rng.random() < 0.5:
                lines.append(f"{ts}  WARN 1 --- [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=consumer-orders-enricher-1, groupId=orders-enricher] "
                             f"Offset commit failed on partition orders-{rng.choice(assigned)} at offset {offs[rng.choice(assigned)]}: The coordinator is not aware of this member.")
            lines.append(f"{head}o.a.k.c.c.internals.AbstractCoordinator  : [Consumer clientId=consumer-orders-enricher-1, groupId=orders-enricher] "
                         f"(Re-)joining group")
            assigned = sorted(rng.sample(range(12), rng.choice([3, 4, 4, 6])))
            lines.append(f"{head}o.a.k.c.c.internals.AbstractCoordinator  : [Consumer clientId=consumer-orders-enricher-1, groupId=orders-enricher] "
                         f"Successfully joined group with generation Generation{{generationId={gen}, memberId='consumer-orders-enricher-1-{rng.randint(10**8, 10**9):x}', protocol='cooperative-sticky'}}")
            lines.append(f"{head}o.s.k.l.KafkaMessageListenerContainer    : orders-enricher: partitions assigned: [{', '.join(f'orders-{p}' for p in assigned)}]")
        elif k < 0.93:
            lines.append(f"{ts}  WARN 1 --- [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=consumer-orders-enricher-1, groupId=orders-enricher] "
                         f"consumer poll timeout has expired. This means the time between subsequent calls to poll() was longer than the configured max.poll.interval.ms, "
                         f"which typically implies that the poll loop is spending too much time processing messages.")
        else:
            lines.append(f"{head}c.a.orders.enricher.OrderListener        : [{pod}] heap used={rng.randint(380, 910)}MB lag={rng.randint(0, 90000)}")
    return "\n".join(lines)


def pg_log(seed, n):
    rng = random.Random(seed)
    t = datetime(2024, 2, 7, 9, 0, 0)
    lines = []
    for i in range(n):
        t += timedelta(milliseconds=rng.randint(100, 9000))
        ts = t.strftime("%Y-%m-%d %H:%M:%S.") + f"{t.microsecond // 1000:03d} UTC"
        pid = rng.randint(40000, 52000)
        k = rng.random()
        if k < 0.07:
            other = pid + rng.randint(-400, 400)
            tx1, tx2 = rng.randint(99_100_000, 99_300_000), rng.randint(99_100_000, 99_300_000)
            lines += [f"{ts} [{pid}] app@ledger ERROR:  deadlock detected",
                      f"{ts} [{pid}] app@ledger DETAIL:  Process {pid} waits for ShareLock on transaction {tx1}; blocked by process {other}.",
                      f"\tProcess {other} waits for ShareLock on transaction {tx2}; blocked by process {pid}.",
                      f"\tProcess {pid}: UPDATE accounts SET balance = balance - $1, updated_at = now() WHERE id = $2",
                      f"\tProcess {other}: UPDATE accounts SET balance = balance + $1, updated_at = now() WHERE id = $2",
                      f"{ts} [{pid}] app@ledger HINT:  See server log for query details.",
                      f"{ts} [{pid}] app@ledger CONTEXT:  while updating tuple ({rng.randint(100, 9000)},{rng.randint(1, 60)}) in relation \"accounts\"",
                      f"{ts} [{pid}] app@ledger STATEMENT:  UPDATE accounts SET balance = balance - $1, updated_at = now() WHERE id = $2"]
        elif k < 0.35:
            lines.append(f"{ts} [{pid}] app@ledger LOG:  duration: {rng.uniform(200, 4800):.3f} ms  execute <unnamed>: "
                         f"INSERT INTO ledger_entries (transfer_id, account_id, amount, direction) VALUES ($1, $2, $3, $4)")
        elif k < 0.55:
            lines.append(f"{ts} [{pid}] app@ledger LOG:  duration: {rng.uniform(200, 3000):.3f} ms  execute <unnamed>: "
                         f"SELECT id, balance FROM accounts WHERE id = ANY($1) FOR UPDATE")
        elif k < 0.68:
            lines.append(f"{ts} [{pid}] app@ledger LOG:  process {pid} still waiting for ShareLock on transaction "
                         f"{rng.randint(99_100_000, 99_300_000)} after 1000.{rng.randint(10, 99)} ms")
        elif k < 0.78:
            lines.append(f"{ts} [{rng.randint(100, 300)}] LOG:  checkpoint starting: time")
            lines.append(f"{ts} [{rng.randint(100, 300)}] LOG:  checkpoint complete: wrote {rng.randint(1000, 40000)} buffers "
                         f"({rng.uniform(0.5, 12):.1f}%); 0 WAL file(s) added, {rng.randint(0, 9)} removed, {rng.randint(5, 30)} recycled; "
                         f"write={rng.uniform(100, 270):.3f} s, sync={rng.uniform(0, 2):.3f} s, total={rng.uniform(100, 272):.3f} s")
        elif k < 0.88:
            lines.append(f"{ts} [{pid}] LOG:  automatic vacuum of table \"ledger.public.{rng.choice(['accounts', 'ledger_entries', 'transfers'])}\": "
                         f"index scans: 1 pages: 0 removed, {rng.randint(10000, 900000)} remain, tuples: {rng.randint(100, 90000)} removed, "
                         f"{rng.randint(10**6, 10**8)} remain, {rng.randint(0, 4000)} are dead but not yet removable")
        else:
            lines.append(f"{ts} [{pid}] app@ledger LOG:  duration: {rng.uniform(200, 900):.3f} ms  execute <unnamed>: "
                         f"UPDATE transfers SET status = 'posted', posted_at = now() WHERE id = $1")
    return "\n".join(lines)


def query_history_json(seed, n):
    rng = random.Random(seed)
    users = ["DBT_PROD", "LOOKER_SVC", "AIRFLOW", "JSMITH", "MKOWALSKI", "TABLEAU_SVC", "FIVETRAN"]
    whs = ["TRANSFORM_WH", "BI_WH", "LOAD_WH", "ADHOC_WH"]
    texts = ["select * from analytics.marts.fct_orders where order_date >= dateadd(day,-30,current_date)",
             "merge into analytics.core.dim_customers t using analytics.staging.stg_customers s on t.customer_id = s.customer_id when matched then update set ...",
             "copy into raw.shopify.orders from @raw.shopify.landing file_format=(type=json)",
             "select count(*) from analytics.marts.fct_sessions",
             "create or replace transient table analytics.intermediate.int_payments__joined as (with p as (...) select ...)",
             "select customer_id, sum(amount) from analytics.marts.fct_payments group by 1 order by 2 desc limit 100",
             "delete from analytics.core.fct_events where event_date = '2024-04-02'",
             "insert into analytics.audit.row_counts select 'fct_orders', count(*), current_timestamp() from analytics.marts.fct_orders"]
    out = []
    t = datetime(2024, 4, 3, 0, 0, 0)
    for i in range(n):
        t += timedelta(seconds=rng.randint(1, 240))
        status = "SUCCESS" if rng.random() > 0.06 else "FAILED_WITH_ERROR"
        el = rng.randint(80, 900000)
        rec = {"query_id": f"01b3{rng.randint(0, 16**4):04x}-0602-{rng.randint(0, 16**4):04x}-0000-{rng.randint(0, 16**12):012x}",
               "user_name": rng.choice(users), "warehouse_name": rng.choice(whs),
               "warehouse_size": rng.choice(["X-Small", "Small", "Medium", "Large"]),
               "start_time": t.strftime("%Y-%m-%d %H:%M:%S.%f")[:-3] + " -0700",
               "execution_status": status, "total_elapsed_time": el,
               "bytes_scanned": rng.randint(0, 8 * 10**11), "rows_produced": rng.randint(0, 5 * 10**6),
               "query_text": rng.choice(texts)}
        if status != "SUCCESS":
            rec["error_message"] = rng.choice(["SQL compilation error: Object 'ANALYTICS.STAGING.STG_CUSTOMERS' does not exist or not authorized.",
                                               "Statement reached its statement or warehouse timeout of 3,600 second(s) and was canceled.",
                                               "Numeric value 'N/A' is not recognized"])
        out.append(rec)
    return json.dumps(out, indent=2)


def etl_module(seed, n_funcs):
    rng = random.Random(seed)
    ents = ["orders", "customers", "invoices", "sessions", "shipments", "returns", "leads", "payouts", "reviews"]
    fields = ["email", "country", "status", "phone", "postcode", "currency", "channel", "sku", "city"]
    dates = ["created_at", "updated_at", "shipped_at", "signup_date", "closed_at", "event_ts"]
    nums = ["amount", "qty", "discount", "weight_kg", "price", "tax"]
    head = ["import os", "import logging", "import re", "from datetime import datetime, timezone", "import numpy as np",
            "import pandas as pd", "from typing import Iterable, Optional", "import json", "from pathlib import Path",
            "import sqlalchemy as sa"]
    rng.shuffle(head)
    body = ['"""Cleaning helpers for the nightly warehouse load. Do not import from notebooks, copy instead."""', ""]
    body += head + ["", "log = logging.getLogger(__name__)", "", 'NULLISH = {"", "nan", "none", "null", "n/a", "-"}', ""]
    used = set()
    for i in range(n_funcs):
        kind = rng.choice(["text", "date", "num", "dedupe", "load", "rename"])
        e = rng.choice(ents)
        if kind == "text":
            f = rng.choice(fields); name = f"clean_{e}_{f}"
            code = [f"def {name}(df: pd.DataFrame) -> pd.DataFrame:",
                    f'    """Normalise the {f} column of the {e} frame (strip, lower, nullish -> None)."""',
                    "    out = df.copy()",
                    f'    out["{f}"] = out["{f}"].astype(str).str.strip().str.lower()',
                    f'    out.loc[out["{f}"].isin(NULLISH), "{f}"] = None']
            if f == "email":
                code.append(f'    bad = ~out["{f}"].fillna("").str.match(r"^[^@\\s]+@[^@\\s]+\\.[a-z]{{2,}}$")')
                code.append(f'    log.info("%d invalid emails in {e}", int(bad.sum()))')
            code.append("    return out")
        elif kind == "date":
            c = rng.choice(dates); name = f"parse_{e}_{c}"
            code = [f"def {name}(df: pd.DataFrame, tz: str = \"UTC\") -> pd.DataFrame:",
                    f'    """Parse {c} to tz-aware timestamps; unparseable values become NaT."""',
                    "    out = df.copy()",
                    f'    out["{c}"] = pd.to_datetime(out["{c}"], errors="coerce", utc=True).dt.tz_convert(tz)',
                    f'    n_bad = out["{c}"].isna().sum() - df["{c}"].isna().sum()',
                    "    if n_bad:",
                    f'        log.warning("{e}.{c}: %d values could not be parsed", n_bad)',
                    "    return out"]
        elif kind == "num":
            c = rng.choice(nums); name = f"coerce_{e}_{c}"
            code = [f"def {name}(df: pd.DataFrame, fill: Optional[float] = None) -> pd.DataFrame:",
                    f'    """Coerce {c} to float, handling comma decimals from the EU exports."""',
                    "    out = df.copy()",
                    f'    s = out["{c}"].astype(str).str.replace(r"\\s", "", regex=True).str.replace(",", ".", regex=False)',
                    f'    out["{c}"] = pd.to_numeric(s, errors="coerce")',
                    "    if fill is not None:",
                    f'        out["{c}"] = out["{c}"].fillna(fill)',
                    f'    out.loc[out["{c}"] < 0, "{c}"] = np.nan',
                    "    return out"]
        elif kind == "dedupe":
            c = rng.choice(dates); name = f"dedupe_{e}"
            code = [f"def {name}(df: pd.DataFrame, key: str = \"id\") -> pd.DataFrame:",
                    f'    """Keep the latest row per key by {c}."""',
                    f'    before = len(df)',
                    f'    out = df.sort_values("{c}").drop_duplicates(subset=[key], keep="last")',
                    f'    log.info("dedupe {e}: %d -> %d rows", before, len(out))',
                    "    return out.reset_index(drop=True)"]
        elif kind == "load":
            name = f"load_{e}_to_staging"
            code = [f"def {name}(df: pd.DataFrame, engine: sa.engine.Engine, schema: str = \"staging\") -> int:",
                    f'    """Replace staging.{e} with df. Returns the number of rows written."""',
                    "    chunks = max(1, len(df) // 50_000)",
                    f'    with engine.begin() as conn:',
                    f'        conn.execute(sa.text(f"truncate table {{schema}}.{e}"))',
                    f'        df.to_sql("{e}", conn, schema=schema, if_exists="append", index=False, chunksize=len(df) // chunks or None, method="multi")',
                    f'    log.info("loaded %d rows into %s.{e}", len(df), schema)',
                    "    return len(df)"]
        else:
            name = f"rename_{e}_columns"
            m = {rng.choice(fields + dates + nums): rng.choice(["Src" + x.title().replace("_", "") for x in fields + dates + nums]) for _ in range(5)}
            code = [f"{name.upper()}_MAP = {{", *[f'    "{v}": "{k}",' for k, v in m.items()], "}", "",
                    f"def {name}(df: pd.DataFrame) -> pd.DataFrame:",
                    f'    """Map the CRM export headers of {e} to warehouse names."""',
                    f"    missing = set({name.upper()}_MAP) - set(df.columns)",
                    "    if missing:",
                    f'        raise KeyError(f"{e} export missing columns: {{sorted(missing)}}")',
                    f"    return df.rename(columns={name.upper()}_MAP)"]
        if name in used:
            continue
        used.add(name)
        body += code + ["", ""]
    return "\n".join(body)


def eval_jsonl(seed, n):
    rng = random.Random(seed)
    labels = ["billing", "shipping", "refund", "account", "bug_report", "other"]
    openers = ["hi,", "hello", "hey team", "urgent:", "", "good morning,", "quick question -"]
    bodies = {
        "billing": ["I was charged twice for my subscription this month", "why did my invoice go up by 12 euros",
                    "can I get a receipt with our VAT number on it", "the card on file expired, how do I change it"],
        "shipping": ["my package says delivered but it is not here", "tracking hasn't updated in 5 days",
                     "can you ship to a PO box", "order 4471 still not dispatched"],
        "refund": ["I returned the jacket two weeks ago and still no refund", "please refund the duplicate order",
                   "how long do refunds take to show up", "refund went to the old card"],
        "account": ["can't log in after resetting my password", "please delete my account and data",
                    "how do I add a second user to our plan", "change the email on my account"],
        "bug_report": ["the export button does nothing on firefox", "app crashes when I open settings",
                       "dashboard shows yesterday's numbers", "csv download is missing the last column"],
        "other": ["do you have a student discount", "are you hiring", "love the product, thanks", "what are your opening hours"],
    }
    out = []
    for i in range(n):
        y = rng.choice(labels)
        p = y if rng.random() < 0.81 else rng.choice(labels)
        text = (rng.choice(openers) + " " + rng.choice(bodies[y]) + rng.choice(["", ".", "!!", "?", " thanks", " asap"])).strip()
        out.append(json.dumps({"id": f"tkt-{rng.randint(10**6, 10**7)}", "text": text, "label": y, "pred": p,
                               "score": round(rng.uniform(0.34, 0.99), 4), "model": "intent-distilroberta-v7"}))
    return "\n".join(out)


def spark_driver_log(seed, n):
    rng = random.Random(seed)
    t = datetime(2024, 7, 9, 2, 14, 0)
    lines = []
    stage = 0
    done = 0
    for i in range(n):
        t += timedelta(milliseconds=rng.randint(20, 2500))
        ts = t.strftime("%y/%m/%d %H:%M:%S")
        k = rng.random()
        if k < 0.6:
            done = (done % 200) + 1
            lines.append(f"{ts} INFO TaskSetManager: Finished task {done - 1}.0 in stage {stage}.0 (TID {stage * 200 + done}) in "
                         f"{rng.randint(300, 9000)} ms on 10.0.{rng.randint(1, 9)}.{rng.randint(2, 250)} (executor {rng.randint(1, 24)}) ({done}/200)")
            if done == 200:
                lines.append(f"{ts} INFO TaskSchedulerImpl: Removed TaskSet {stage}.0, whose tasks have all completed, from pool ")
                lines.append(f"{ts} INFO DAGScheduler: ResultStage {stage} (parquet at NativeMethodAccessorImpl.java:0) finished in {rng.uniform(20, 300):.3f} s")
                stage += 1
        elif k < 0.8:
            lines.append(f"{ts} INFO TaskSetManager: Starting task {rng.randint(0, 199)}.0 in stage {stage}.0 (TID {stage * 200 + rng.randint(0, 199)}) "
                         f"(10.0.{rng.randint(1, 9)}.{rng.randint(2, 250)}, executor {rng.randint(1, 24)}, partition {rng.randint(0, 199)}, PROCESS_LOCAL, {rng.randint(7000, 9000)} bytes) ")
        elif k < 0.88:
            lines.append(f"{ts} INFO BlockManagerInfo: Added broadcast_{rng.randint(1, 60)}_piece0 in memory on 10.0.{rng.randint(1, 9)}.{rng.randint(2, 250)}:{rng.randint(30000, 45000)} "
                         f"(size: {rng.uniform(5, 60):.1f} KiB, free: {rng.uniform(2, 9):.1f} GiB)")
        elif k < 0.95:
            lines.append(f"{ts} INFO FileSourceStrategy: Pushed Filters: IsNotNull(event_date),GreaterThanOrEqual(event_date,2024-07-0{rng.randint(1, 8)})")
        else:
            lines.append(f"{ts} INFO InMemoryFileIndex: It took {rng.randint(40, 900)} ms to list leaf files for {rng.randint(1, 40)} paths.")
    ts = t.strftime("%y/%m/%d %H:%M:%S")
    lines += [f"{ts} ERROR FileFormatWriter: Aborting job 3c1f0e2a-8b7d-4f51-9d0e-1a2b3c4d5e6f.",
              "org.apache.spark.SparkException: Job aborted due to stage failure: Task 17 in stage 9.0 failed 4 times, most recent failure: "
              "Lost task 17.3 in stage 9.0 (TID 1832) (10.0.4.77 executor 11): org.apache.spark.SparkException: "
              "[CANNOT_MERGE_SCHEMAS] Failed merging schemas:",
              "Initial schema:",
              '"STRUCT<order_id: BIGINT, customer_id: BIGINT, amount: DECIMAL(18,2), currency: STRING, event_date: DATE>"',
              "Schema that cannot be merged with the initial schema:",
              '"STRUCT<order_id: BIGINT, customer_id: STRING, amount: DECIMAL(18,2), currency: STRING, event_date: DATE>".',
              "\tat org.apache.spark.sql.errors.QueryExecutionErrors$.failedMergingSchemaError(QueryExecutionErrors.scala:2541)",
              "\tat org.apache.spark.sql.execution.datasources.parquet.ParquetFileFormat$.$anonfun$mergeSchemasInParallel$5(ParquetFileFormat.scala:520)",
              "\tat scala.collection.Iterator.foreach(Iterator.scala:943)",
              "\tat org.apache.spark.sql.execution.datasources.SchemaMergeUtils$.$anonfun$mergeSchemasInParallel$3(SchemaMergeUtils.scala:76)",
              "\tat org.apache.spark.rdd.RDD.$anonfun$mapPartitions$2(RDD.scala:858)",
              "\tat org.apache.spark.scheduler.ResultTask.runTask(ResultTask.scala:93)",
              "\tat org.apache.spark.executor.Executor$TaskRunner.run(Executor.scala:553)",
              "Caused by: org.apache.spark.SparkException: [CANNOT_MERGE_INCOMPATIBLE_DATA_TYPE] Failed to merge incompatible data types \"BIGINT\" and \"STRING\".",
              "\tat org.apache.spark.sql.errors.QueryExecutionErrors$.cannotMergeIncompatibleDataTypesError(QueryExecutionErrors.scala:1322)",
              "\tat org.apache.spark.sql.types.StructType$.$anonfun$merge$2(StructType.scala:612)",
              "Traceback (most recent call last):",
              '  File "/opt/jobs/orders_rollup.py", line 41, in <module>',
              '    orders = spark.read.option("mergeSchema", "true").parquet("s3://lake/raw/orders/")',
              '  File "/usr/lib/spark/python/pyspark/sql/readwriter.py", line 544, in parquet',
              "pyspark.errors.exceptions.captured.SparkException: Job aborted due to stage failure (see above)"]
    return "\n".join(lines)

# ------------------------------------------------------------------ very long pastes (seeded)

R("haiku", "question", "data", "terse", "long-trivial",
  "Finding the one failed task line in a long log is a lookup; length does not raise the tier.",
  "which task failed in this scheduler log? just the dag_id and task_id\n\n" + airflow_scheduler_log(11, 170))

R("haiku", "question", "ml", "plain", "long-trivial",
  "Reading the minimum val_loss off a long training log is mechanical and checkable at a glance.",
  "Here's the full log from last night's fine-tune. Which epoch had the lowest val_loss? I just need the epoch number "
  "and the checkpoint path so I can pull it down.\n\n" + training_log(7, 14, 4800, 150))

R("opus", "debug", "ml", "verbose", None,
  "Intermittent NaN on one of several identical multi-GPU runs has no clear lead; needs a theory across data, numerics and distributed setup.",
  "We fine-tune the same config on 8xA100 (bf16, FSDP, no grad scaler) and three runs this week were fine, but this one "
  "went to NaN around step 9k and never recovered. Same code commit, same data snapshot, different seed only. I've pasted "
  "the whole log below including the NCCL chatter. I don't see anything obvious before it blows up. What could cause this, "
  "how would you narrow it down, and what should we log next time so we're not guessing?\n\n"
  + training_log(23, 3, 4800, 25, nan_at=9050, ranks=True))

R("haiku", "edit", "data", "terse", "long-trivial",
  "Renaming one header row to snake_case is a mechanical edit regardless of the CSV length.",
  "convert the header row to snake_case, leave the data alone. just give me the new header line\n\n" + orders_csv(5, 520))

R("haiku", "edit", "data", "plain", "long-trivial",
  "Adding one config line to the models in a given folder is a mechanical edit over a long paste.",
  "Below are all our dbt models concatenated (file path in the comment at the top of each). Add "
  "`{{ config(tags=['finance']) }}` as the first line of every model under models/finance/ and don't touch anything else. "
  "Output only the changed files.\n\n" + dbt_models(3, 44))

R("sonnet", "refactor", "data", "verbose", None,
  "Porting a set of models between SQL dialects is careful multi-file work with known mappings, not design.",
  "We're moving the warehouse from Snowflake to BigQuery next quarter. These are our staging/intermediate models pasted "
  "together. Can you go through them, list every Snowflake-specific function or syntax (convert_timezone, try_to_number, "
  "iff, qualify, ::casts, dateadd etc) and rewrite each model in BigQuery Standard SQL? Keep the dbt jinja as is.\n\n"
  + dbt_models(8, 40))

R("opus", "debug", "data", "verbose", None,
  "Duplicates after rebalances involve offset-commit ordering across consumer, sink and group protocol; a distributed exactly-once problem.",
  "After every deploy of orders-enricher we get duplicate rows in enriched_orders (maybe 0.1%, but finance notices). "
  "It's Spring Kafka, cooperative-sticky assignor, enable.auto.commit=false, AckMode.BATCH, and the sink does an upsert "
  "per batch. I thought upsert made it idempotent but some duplicates have different enriched prices. Log from one pod "
  "during a rollout below. What's actually going on and what would a correct design look like?\n\n" + kafka_consumer_log(31, 260))

R("opus", "debug", "databases", "plain", None,
  "Diagnosing recurring deadlocks between concurrent balance updates and redesigning lock ordering is concurrency work.",
  "Transfers between accounts deadlock a few times an hour at peak. We retry on 40P01 so nothing is lost, but p99 is "
  "terrible and the retries sometimes time out. Here's the postgres log from this morning. Explain why these two "
  "updates deadlock and how we should restructure the transfer transaction so it can't happen.\n\n" + pg_log(41, 230))

R("haiku", "question", "databases", "terse", "long-trivial",
  "Counting occurrences of a string in a pasted log is mechanical regardless of length.",
  "how many times does 'deadlock detected' show up in this? need the number for the incident doc\n\n" + pg_log(42, 230))

R("haiku", "question", "databases", "plain", "long-trivial",
  "Filtering a JSON array by one field and listing ids is a mechanical extraction over a long paste.",
  "This is a dump of Snowflake QUERY_HISTORY for last night. Can you pull out the query_id of every entry with "
  "execution_status FAILED_WITH_ERROR, one per line?\n\n" + query_history_json(17, 150))

R("haiku", "edit", "data", "typos", "long-trivial",
  "Adding a future import and sorting imports is a mechanical edit, however long the module.",
  "add `from __future__ import annotations` at the top of this and sort the imports (stdlib / third party groups). "
  "nothing else pls, dont reformat the functions\n\n" + etl_module(13, 70))

R("sonnet", "test", "data", "plain", None,
  "Writing tests for existing cleaning functions is everyday sonnet work; the long paste does not raise it.",
  "Can you write pytest tests for the date-parsing and numeric-coercion functions in this module (parse_* and coerce_*)? "
  "Use small inline DataFrames, cover the EU comma decimals, unparseable dates and negative values. Skip the load_* ones, "
  "they hit the database.\n\n" + etl_module(29, 64))

R("haiku", "question", "ml", "terse", "long-trivial",
  "Counting rows where two fields differ is a mechanical count over a pasted JSONL.",
  "how many rows here have label != pred?\n\n" + eval_jsonl(3, 300))

R("sonnet", "debug", "data", "verbose", None,
  "The trace names the cause (customer_id BIGINT vs STRING across parquet files); fixing the read is a routine debug.",
  "Our nightly orders_rollup Spark job started failing on Tuesday. Nothing changed on our side but the upstream team did "
  "ship something to the orders producer. Full driver log below, the error is at the very end. What's wrong and what should "
  "I change in the job so it reads both the old and new files?\n\n" + spark_driver_log(19, 320))
# ------------------------------------------------------------------ SQL and databases

R("haiku", "question", "databases", "terse", None,
  "A one-query catalog lookup with a well-known answer.",
  "postgres: row count for every table in schema analytics, estimates are fine")

R("haiku", "question", "databases", "plain", None,
  "Single-table dedupe syntax; a known one-liner.",
  "In Snowflake, what's the syntax to dedupe with QUALIFY, keeping only the most recent row per customer_id by updated_at?")

R("haiku", "question", "databases", "typos", None,
  "One function call for a timezone conversion; checkable at a glance.",
  "bigquery how do i turn a TIMESTAMP into a DATE in new york time, not utc. keep getting the wrong day for late evening rows")

R("haiku", "question", "databases", "plain", None,
  "A single catalog command.",
  "mysql: how do I see which indexes exist on the orders table and which columns they cover?")

R("haiku", "question", "databases", "terse", None,
  "Well-known pragma.",
  "sqlite enable foreign keys")

R("haiku", "question", "databases", "plain", None,
  "Short conceptual question with a well-known answer.",
  "What's the difference between UNION and UNION ALL, and is one of them faster?")

R("haiku", "explain", "databases", "plain", "hard-words-easy",
  "Scary word, but a short textbook explanation of one isolation level is all that is asked.",
  "what does SERIALIZABLE mean in `SET TRANSACTION ISOLATION LEVEL SERIALIZABLE`? need a two-sentence explanation for a "
  "junior on my team, not the whole anomalies table")

R("haiku", "explain", "databases", "typos", "hard-words-easy",
  "MVCC sounds deep but a short definition is a well-known answer.",
  "whats MVCC in like two sentences. someone said it in standup and i just nodded")

R("haiku", "explain", "databases", "plain", None,
  "Explaining a two-line query.",
  "what does this do exactly?\n\nSELECT date_trunc('week', created_at) AS wk, count(*)\nFROM signups GROUP BY 1 ORDER BY 1;")

R("haiku", "implement", "databases", "plain", None,
  "A single-table SELECT with aggregate and limit.",
  "write a select for the top 10 customers by total amount in 2023 from payments(customer_id, amount, paid_at). postgres")

R("haiku", "question", "databases", "terse", None,
  "One ALTER statement.",
  "rename column usr_id to user_id on sessions, postgres 15")

R("haiku", "implement", "databases", "plain", None,
  "Standard single-statement upsert syntax.",
  "how do I upsert in sqlite? table is kv(key text primary key, value text, updated_at integer)")

R("haiku", "question", "databases", "terse", None,
  "One built-in function.",
  "snowflake get the DDL of a view")

R("haiku", "explain", "databases", "plain", None,
  "Explaining a very common SQL error message.",
  "What does 'column \"o.status\" must appear in the GROUP BY clause or be used in an aggregate function' mean? I only "
  "added status to the select list")

R("haiku", "explain", "databases", "plain", "hard-words-easy",
  "Looks like tuning internals, but it is one documented setting value.",
  "What's the difference between pg_stat_statements.track = top and = all? Our DBA set it to all and I want to know what changed.")

R("haiku", "question", "databases", "terse", None,
  "Direct function equivalent between dialects.",
  "mysql 8 equivalent of postgres string_agg(name, ', ' order by name)")

R("haiku", "edit", "databases", "plain", None,
  "Reformatting one query is mechanical.",
  "format this please, it's one line from a log:\n\nselect a.id,a.email,b.plan from users a join subs b on b.user_id=a.id "
  "where b.status='active' and a.created_at>'2024-01-01' order by a.created_at desc limit 50")

R("haiku", "question", "databases", "plain", None,
  "One filter on a partition pseudo-column.",
  "bigquery ingestion-time partitioned table: how do I select just the last 7 days using _PARTITIONTIME so it doesn't scan everything?")

R("haiku", "explain", "databases", "plain", "hard-words-easy",
  "A term from distributed databases, but only a plain-language definition is asked.",
  "The Spanner docs keep saying 'external consistency'. What does that phrase mean in plain English? One paragraph is plenty.")

R("haiku", "edit", "databases", "plain", "long-trivial",
  "Renaming columns to snake_case in a pasted DDL is mechanical.",
  """convert these column names to snake_case, keep the types and constraints exactly as they are:

CREATE TABLE crm_contacts (
    contactId BIGINT PRIMARY KEY,
    accountId BIGINT NOT NULL,
    firstName VARCHAR(120),
    lastName VARCHAR(120),
    emailAddress VARCHAR(320) UNIQUE,
    phoneNumber VARCHAR(40),
    mobileNumber VARCHAR(40),
    jobTitle VARCHAR(200),
    leadSource VARCHAR(60),
    leadStatus VARCHAR(30) DEFAULT 'new',
    ownerUserId BIGINT,
    mailingStreet TEXT,
    mailingCity VARCHAR(120),
    mailingPostalCode VARCHAR(20),
    mailingCountry CHAR(2),
    doNotCall BOOLEAN DEFAULT FALSE,
    hasOptedOutOfEmail BOOLEAN DEFAULT FALSE,
    lastActivityDate DATE,
    createdDate TIMESTAMP NOT NULL,
    lastModifiedDate TIMESTAMP NOT NULL,
    isDeleted BOOLEAN DEFAULT FALSE,
    externalRefId VARCHAR(64),
    annualRevenueUsd NUMERIC(18,2),
    numberOfEmployees INTEGER,
    preferredLanguage VARCHAR(10)
);""")

R("sonnet", "implement", "databases", "plain", None,
  "A migration with clear steps (add columns, backfill, keep old); routine but needs care.",
  "Write an alembic migration that splits users.full_name into first_name and last_name. Backfill by splitting on the first "
  "space (single word goes to first_name), keep full_name for now, and make the downgrade drop the new columns.")

R("sonnet", "explain", "databases", "verbose", None,
  "Explaining a 40-line recursive query with window functions is non-trivial code explanation.",
  """I inherited this query from someone who left. It feeds the 'org chart cost' report. Can you walk me through what it does step by step, especially the recursive part and why there's a second window at the end?

WITH RECURSIVE tree AS (
    SELECT e.id, e.manager_id, e.cost_center, e.salary_eur,
           1 AS depth,
           ARRAY[e.id] AS path
    FROM employees e
    WHERE e.manager_id IS NULL
      AND e.terminated_at IS NULL
  UNION ALL
    SELECT c.id, c.manager_id, c.cost_center, c.salary_eur,
           t.depth + 1,
           t.path || c.id
    FROM employees c
    JOIN tree t ON c.manager_id = t.id
    WHERE c.terminated_at IS NULL
      AND NOT c.id = ANY(t.path)
),
rolled AS (
    SELECT t.id,
           t.depth,
           t.cost_center,
           (SELECT sum(x.salary_eur)
              FROM tree x
             WHERE t.id = ANY(x.path)) AS org_cost
    FROM tree t
),
ranked AS (
    SELECT r.*,
           rank() OVER (PARTITION BY r.cost_center ORDER BY r.org_cost DESC) AS rnk,
           r.org_cost / nullif(sum(r.org_cost) FILTER (WHERE r.depth = 2)
                                OVER (PARTITION BY r.cost_center), 0) AS share_of_cc
    FROM rolled r
)
SELECT cost_center, id, depth, org_cost, round(share_of_cc * 100, 1) AS pct
FROM ranked
WHERE rnk <= 5
ORDER BY cost_center, rnk;""")

R("sonnet", "debug", "databases", "plain", None,
  "The plan shows the seq scan and the filter; choosing and justifying an index is routine tuning.",
  """This query takes ~9s and it's called on every page load of the admin. What index should I add and why? Postgres 15.

EXPLAIN (ANALYZE, BUFFERS)
SELECT id, status, total_cents FROM orders
WHERE merchant_id = 4412 AND status IN ('pending','authorized')
ORDER BY created_at DESC LIMIT 50;

Limit  (cost=0.00..412873.19 rows=50 width=24) (actual time=8911.204..8911.311 rows=50 loops=1)
  Buffers: shared hit=2112 read=301877
  ->  Sort  (cost=412873.19..412901.44 rows=11300 width=24) (actual time=8911.201..8911.290 rows=50 loops=1)
        Sort Key: created_at DESC
        Sort Method: top-N heapsort  Memory: 31kB
        ->  Seq Scan on orders  (cost=0.00..412497.80 rows=11300 width=24) (actual time=0.031..8905.662 rows=11873 loops=1)
              Filter: ((merchant_id = 4412) AND (status = ANY ('{pending,authorized}'::text[])))
              Rows Removed by Filter: 18841102
Planning Time: 0.190 ms
Execution Time: 8911.402 ms""")

R("sonnet", "implement", "databases", "plain", None,
  "A function plus triggers across a schema: a few steps, clear spec.",
  "write a postgres trigger function that sets updated_at = now() on every UPDATE, and a DO block that attaches it to "
  "every table in schema app that has an updated_at column")

R("sonnet", "plan", "databases", "verbose", None,
  "A one-table cross-engine copy with known tools and known gotchas; a runbook, not a design.",
  "We need to move a single 40GB table (audit_events) from MySQL 5.7 to Postgres 15 as a one-off, downtime on that table is "
  "fine. Give me a runbook with the actual commands (pgloader or dump/restore, whichever you'd pick), the type-mapping "
  "gotchas for tinyint(1) and zero dates, and how to verify row counts and a checksum afterwards.")

R("sonnet", "implement", "databases", "plain", None,
  "A scripting loop with grants; clear spec, a few steps.",
  "Snowflake Scripting: write a stored procedure that loops over every table in ANALYTICS.MARTS and grants SELECT to role "
  "ANALYST, plus FUTURE grants so new tables get it too.")

R("sonnet", "debug", "databases", "plain", None,
  "The traceback names the violated constraint; the fix in the bulk loader is routine.",
  """bulk load script dies halfway. traceback below. the CSV definitely has some repeated emails with different case, is that it? how do i fix the loader so it keeps the newest row?

Traceback (most recent call last):
  File "load_users.py", line 58, in <module>
    cur.executemany(INSERT_SQL, batch)
  File "/venv/lib/python3.11/site-packages/psycopg2/extras.py", line 1209, in execute_batch
    cur.execute(b";".join(sqls))
psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint "users_email_lower_key"
DETAIL:  Key (lower(email::text))=(m.rossi@example.com) already exists.

# load_users.py (relevant bit)
INSERT_SQL = "INSERT INTO users (email, name, created_at) VALUES (%s, %s, %s)"
for batch in chunked(rows, 5000):
    cur.executemany(INSERT_SQL, batch)
conn.commit()""")

R("sonnet", "review", "databases", "plain", None,
  "Reviewing one migration for locking and table-rewrite behaviour is a routine review.",
  """Can you review this before I run it on prod? orders has ~200M rows, Postgres 11.

BEGIN;
ALTER TABLE orders ADD COLUMN source VARCHAR(20) NOT NULL DEFAULT 'web';
CREATE INDEX orders_source_idx ON orders (source);
UPDATE orders SET source = 'app' WHERE user_agent LIKE '%okhttp%';
COMMIT;""")

R("sonnet", "implement", "databases", "plain", None,
  "Writing ORM models and relationships from given DDL is clear-spec implementation.",
  """write SQLAlchemy 2.0 typed models (Mapped[...]) for these three tables with the relationships both ways:

create table authors (id serial primary key, name text not null);
create table books (id serial primary key, author_id int not null references authors(id), title text not null, published date);
create table book_tags (book_id int references books(id) on delete cascade, tag text not null, primary key (book_id, tag));""")

R("sonnet", "refactor", "databases", "plain", None,
  "Porting a stored procedure between SQL dialects is careful but routine.",
  """convert this T-SQL proc to Postgres plpgsql, we're off SQL Server at the end of the month:

CREATE PROCEDURE dbo.close_period @period_id INT, @closed_by NVARCHAR(100)
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @open_count INT;
    SELECT @open_count = COUNT(*) FROM dbo.journal_entries WHERE period_id = @period_id AND status = 'draft';
    IF @open_count > 0
    BEGIN
        RAISERROR('Period %d still has %d draft entries', 16, 1, @period_id, @open_count);
        RETURN;
    END
    BEGIN TRAN;
        UPDATE dbo.periods SET closed_at = GETUTCDATE(), closed_by = @closed_by WHERE id = @period_id;
        INSERT INTO dbo.audit_log (entity, entity_id, action, actor, at)
        VALUES ('period', @period_id, 'close', @closed_by, GETUTCDATE());
    COMMIT TRAN;
    SELECT TOP 1 * FROM dbo.periods WHERE id = @period_id;
END""")

R("sonnet", "ops", "databases", "plain", None,
  "Standard pooler setup in compose with a known caveat; configuration work.",
  "set up pgbouncer in transaction pooling mode in front of postgres in our docker-compose, and tell me what breaks with "
  "prepared statements / SET in our psycopg3 app")

R("sonnet", "implement", "databases", "verbose", None,
  "A comparison script across two databases with a clear spec.",
  "I need a Python script that compares a MySQL source table and its BigQuery copy per day: row counts and a checksum of "
  "(id, updated_at) per day for the last 30 days, and prints the days that don't match. Tables are shop.orders in MySQL "
  "and raw_shop.orders in BQ. Use pymysql and google-cloud-bigquery.")

R("opus", "debug", "data", "plain", "easy-words-hard",
  "Plain words, but intermittent duplicates across an ingest tool, warehouse and dbt with no lead need a cross-component theory.",
  "every few days a handful of orders show up twice in the warehouse even though the source has them once. we use "
  "fivetran into snowflake then dbt. no idea where to start")

R("opus", "debug", "databases", "terse", "short-hard",
  "Write skew under snapshot isolation is a concurrency anomaly needing careful reasoning.",
  "write skew on our bookings table under REPEATABLE READ, postgres. how does it happen and how do we fix it without going SERIALIZABLE")

R("opus", "design", "databases", "verbose", None,
  "Open multi-tenant isolation design with trade-offs and compliance stakes.",
  "We're a B2B analytics SaaS on Postgres, ~3k tenants, the largest one is 40% of all rows, and a new enterprise customer "
  "wants contractual data isolation. Options on the table: schema per tenant, shared tables with RLS, or database per "
  "tenant for the big ones only. What would you pick, what does it do to migrations, connection pooling and noisy "
  "neighbours, and how would we get there from where we are?")

R("opus", "review", "security", "plain", None,
  "A security review of tenant isolation with a pooling subtlety; a subtle mistake is a data leak.",
  """Please review our row level security setup. Tenants must never see each other's rows. The app does `SET app.tenant_id = '<id>'` at the start of each request and we run behind pgbouncer in transaction mode.

ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invoices
    USING (tenant_id = current_setting('app.tenant_id')::uuid);
CREATE POLICY tenant_insert ON invoices FOR INSERT
    WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE ON invoices TO app_user;
-- reporting role used by Metabase
GRANT SELECT ON invoices TO reporting;
ALTER TABLE invoices OWNER TO app_user;""")

R("opus", "debug", "databases", "plain", None,
  "A planner regression across versions needs plan analysis, not a known fix.",
  """After upgrading Postgres 13 -> 16 one report query went from ~2s to ~3min. Same data (pg_upgrade), ANALYZE was run after. Both plans below. What changed and what's the right fix, not just a hint hack?

-- PG13
Hash Join  (cost=18233.10..301887.44 rows=41200 width=64) (actual time=310.2..1904.7 rows=39877 loops=1)
  Hash Cond: (li.order_id = o.id)
  ->  Seq Scan on line_items li  (cost=0.00..251002.00 rows=9900000 width=28) (actual time=0.02..812.4 rows=9900000 loops=1)
  ->  Hash  (cost=17704.00..17704.00 rows=42328 width=40) (actual time=309.8..309.8 rows=40112 loops=1)
        ->  Index Scan using orders_created_at_idx on orders o  (cost=0.44..17704.00 rows=42328 width=40) (actual time=0.03..290.1 rows=40112 loops=1)
              Index Cond: (created_at >= '2024-01-01'::date AND created_at < '2024-02-01'::date)
              Filter: (region = ANY ('{eu,uk}'::text[]))
-- PG16
Nested Loop  (cost=1.01..88412.77 rows=212 width=64) (actual time=0.09..181220.3 rows=39877 loops=1)
  ->  Index Scan using orders_region_status_idx on orders o  (cost=0.44..9120.31 rows=217 width=40) (actual time=0.04..402.7 rows=40112 loops=1)
        Index Cond: (region = ANY ('{eu,uk}'::text[]))
        Filter: (created_at >= '2024-01-01'::date AND created_at < '2024-02-01'::date)
        Rows Removed by Filter: 1288410
  ->  Index Scan using line_items_order_id_idx on line_items li  (cost=0.57..364.10 rows=1 width=28) (actual time=4.4..4.5 rows=1 loops=40112)
        Index Cond: (order_id = o.id)""")

R("opus", "plan", "databases", "plain", None,
  "A large production migration with low downtime, replication and rollback is high-stakes multi-step planning.",
  "Plan the move of our 6TB self-hosted Postgres 14 to Aurora Postgres with under 5 minutes of downtime. We use logical "
  "replication today for one downstream, we have sequences everywhere, a few large objects, and we need a rollback "
  "path for at least 48h after cutover.")

R("opus", "implement", "databases", "terse", "short-hard",
  "Gap-free numbering under concurrency is a correctness-under-contention problem.",
  "gap-free invoice numbers per company under concurrent inserts, postgres. no gaps allowed by law")

R("opus", "debug", "databases", "typos", "easy-words-hard",
  "Periodic slowdown with no matching deploy needs investigation across workload, vacuum, checkpoints and jobs with no lead.",
  "the database gets slow around 2pm most days and then its fine again by 3. nothing in our deploy log lines up. where do i even look")

R("opus", "design", "data", "plain", None,
  "Designing CDC with per-key ordering and deletes involves distributed ordering guarantees and tool trade-offs.",
  "Design a CDC pipeline from MySQL to BigQuery where per-primary-key ordering is guaranteed and deletes are handled. "
  "Compare Debezium+Kafka+our own sink vs Datastream. We have ~900 tables, a few hot ones at 3k writes/s.")

R("opus", "debug", "databases", "terse", "short-hard",
  "Deadlocks from concurrent batch upserts come from lock ordering; concurrency reasoning.",
  "INSERT ... ON CONFLICT DO UPDATE batches deadlocking each other in postgres. why, and what's the proper fix")

R("haiku", "explain", "databases", "plain", None,
  "A short explanation of one well-known locking clause.",
  "What does SELECT ... FOR UPDATE SKIP LOCKED do? Trying to understand a queue table someone built.")

R("opus", "debug", "databases", "plain", None,
  "Jobs running twice when workers die in a SKIP LOCKED queue is a concurrency and failure-semantics problem.",
  """We built a job queue on FOR UPDATE SKIP LOCKED and some jobs run twice, seems to be when a worker pod gets killed during a deploy. Worker loop below. What's wrong and how do we make it safe?

def work_forever(conn):
    while True:
        with conn.cursor() as cur:
            cur.execute(\"\"\"
                SELECT id, payload FROM jobs
                WHERE status = 'queued'
                ORDER BY id
                LIMIT 1
                FOR UPDATE SKIP LOCKED\"\"\")
            row = cur.fetchone()
            if not row:
                conn.commit(); time.sleep(1); continue
            cur.execute("UPDATE jobs SET status='running', started_at=now() WHERE id=%s", (row[0],))
            conn.commit()
        result = handle(row[1])          # can take 1-20 minutes, calls external APIs
        with conn.cursor() as cur:
            cur.execute("UPDATE jobs SET status='done', result=%s WHERE id=%s", (json.dumps(result), row[0]))
            conn.commit()

# separate cron every 5 min:
# UPDATE jobs SET status='queued' WHERE status='running' AND started_at < now() - interval '10 minutes';""")

R("haiku", "question", "databases", "terse", None,
  "One CLI invocation.",
  "sqlite3 cli export a table to csv with headers")

R("haiku", "question", "databases", "plain", None,
  "Short factual answer about charsets.",
  "mysql: what's actually the difference between utf8 and utf8mb4? our emoji are turning into ????")

R("sonnet", "implement", "databases", "verbose", None,
  "A data migration with known steps and a lookup table; needs care but no design.",
  "Our created_at columns are `timestamp without time zone` but they hold local wall-clock time from three offices "
  "(Berlin, Austin, Singapore). There's an offices(id, tz) table and every row has office_id. Write the migration that "
  "converts events.created_at to timestamptz correctly, including the DST ambiguity, and the check query to verify it.")

R("haiku", "implement", "databases", "terse", None,
  "A one-line generate_series.",
  "postgres generate_series every day in 2024 as dates")

R("sonnet", "implement", "databases", "plain", None,
  "A multi-CTE cohort query with a clear definition; several steps but no design.",
  "BigQuery: write a query for weekly retention cohorts from events(user_id, event_ts, event_name). Cohort = week of first "
  "event, retained in week N if any event that week. Output cohort_week, week_n, users, pct.")

R("haiku", "question", "databases", "plain", None,
  "One well-known operator.",
  "BigQuery: how do I turn an ARRAY<STRING> column into one row per element?")

R("opus", "plan", "databases", "plain", None,
  "Online resharding of a live sharded MySQL fleet is a large, high-stakes distributed migration.",
  "We shard by user_id (mod 16) across 16 MySQL primaries and need to go to 64 shards without downtime. Cross-shard "
  "queries are rare but exist. How would you do it, and how do we cut over without double-writes going wrong?")

R("haiku", "explain", "databases", "plain", "hard-words-easy",
  "A textbook term with a short example answer.",
  "what's a phantom read? one example is enough")

R("sonnet", "implement", "databases", "plain", None,
  "Stream + task + MERGE is a known Snowflake pattern with a clear spec.",
  "Write a Snowflake stream + task that merges changes from RAW.SHOP.ORDERS into ANALYTICS.CORE.ORDERS every 5 minutes, "
  "handling inserts, updates and deletes (METADATA$ACTION/ISUPDATE).")

R("haiku", "question", "databases", "terse", None,
  "A single documented command.",
  "snowflake zero copy clone whole database for dev")

R("haiku", "question", "databases", "plain", None,
  "Short factual answer.",
  "is there a max length for varchar in postgres if I don't give one? and is text slower than varchar(255)?")

R("opus", "plan", "databases", "plain", None,
  "Converting a hot 600M-row table to partitions online needs a careful plan with locking and cutover risk; pick the higher tier.",
  "We have a 600M row events table in Postgres 15 that's still growing and we want declarative monthly partitions. The app "
  "writes to it constantly, we can't take more than a minute of downtime. How do we get there?")

R("sonnet", "ops", "databases", "plain", None,
  "A scripted dump/restore with exclusions: clear ops work.",
  "script to copy only schema `reporting` from prod to staging every night with pg_dump/pg_restore, excluding the data "
  "(but not the structure) of reporting.raw_clicks and reporting.raw_views. runs from a cron box with both hosts reachable")

R("haiku", "question", "databases", "typos", None,
  "One system view query.",
  "how do i see currently running queries in postgres and kill one thats been running for an hour")

R("haiku", "explain", "databases", "plain", None,
  "Explaining a common error message.",
  "MySQL says 'Lock wait timeout exceeded; try restarting transaction'. What does it mean in practice? It happened once during a manual UPDATE.")

R("opus", "debug", "databases", "verbose", "easy-words-hard",
  "Intermittent lock waits with no lead across app and DB need investigation and a theory.",
  "Since last month we randomly get 'Lock wait timeout exceeded' from the checkout service, maybe five times a day, "
  "never in staging. No single query stands out in the slow log and it's not at peak times. We have InnoDB, READ COMMITTED, "
  "and a few background jobs that touch the same tables. How should we go about finding the cause?")

R("haiku", "question", "databases", "plain", None,
  "One window-function query over a single table.",
  "postgres: for each user in logins(user_id, ts) give me the time between consecutive logins. lag() I guess?")

R("sonnet", "implement", "databases", "plain", None,
  "Sessionization across rows with a gap rule is a multi-step query with a clear spec.",
  "postgres: sessionize logins(user_id, ts) so that a new session starts after 30 minutes of inactivity. Output user_id, "
  "session_id, session_start, session_end, n_events. Should work on ~50M rows in reasonable time.")

R("opus", "design", "databases", "terse", "short-hard",
  "Bitemporal modelling with corrections is a schema design problem with subtle query semantics.",
  "bitemporal schema for insurance policies in postgres, corrections + as-of queries")

R("haiku", "question", "databases", "terse", None,
  "One known setting.",
  "mysql slow query log turn on at runtime, 1s threshold")

R("sonnet", "debug", "databases", "plain", None,
  "A plain encoding error with an identifiable cause in the load step.",
  """COPY into postgres fails on one file from a vendor. others work fine. what do I do?

ERROR:  invalid byte sequence for encoding "UTF8": 0xe9 0x20 0x53
CONTEXT:  COPY vendor_products, line 4418

\\copy vendor_products FROM 'products_2024_06.csv' WITH (FORMAT csv, HEADER true)""")

R("sonnet", "implement", "databases", "plain", None,
  "Keyset pagination endpoint for a given query is routine implementation.",
  "Replace our OFFSET pagination with keyset pagination on (created_at, id) for the /orders listing. Postgres + psycopg3. "
  "Give me the query for next/prev page and how to encode the cursor.")

R("opus", "review", "security", "verbose", None,
  "Reviewing dynamic SQL building for injection is a security review where a subtle miss is a vulnerability.",
  """Our internal 'report builder' lets analysts pick columns, filters and a sort from dropdowns, and the backend builds SQL from that. Security asked us to prove it's not injectable. Can you review it properly?

ALLOWED_COLS = {"orders": ["id", "status", "total", "created_at", "country"], "users": ["id", "email", "plan"]}

def build(table, cols, filters, sort, direction):
    assert table in ALLOWED_COLS
    cols_sql = ", ".join(c for c in cols if c in ALLOWED_COLS[table])
    where, params = [], []
    for f in filters:
        col, op, val = f["col"], f["op"], f["val"]
        if op not in ("=", "<", ">", "like", "in"):
            raise ValueError(op)
        if op == "in":
            where.append(f"{col} in ({','.join(['%s'] * len(val))})")
            params += val
        else:
            where.append(f"{col} {op} %s")
            params.append(val)
    sql = f"select {cols_sql} from {table}"
    if where:
        sql += " where " + " and ".join(where)
    sql += f" order by {sort} {direction} limit 1000"
    return sql, params""")

R("sonnet", "review", "databases", "plain", None,
  "A routine review of a small query-building helper for correctness and style.",
  """quick review of this helper? works but feels clunky. all inputs are constants from our code, not user input.

def upsert_sql(table, cols, key):
    set_clause = ", ".join(f"{c} = excluded.{c}" for c in cols if c != key)
    placeholders = ", ".join(["%s"] * len(cols))
    return (f"insert into {table} ({', '.join(cols)}) values ({placeholders}) "
            f"on conflict ({key}) do update set {set_clause}")

def upsert_many(conn, table, rows, key):
    if not rows: return
    cols = list(rows[0].keys())
    sql = upsert_sql(table, cols, key)
    with conn.cursor() as cur:
        for r in rows:
            cur.execute(sql, [r[c] for c in cols])
    conn.commit()""")

R("haiku", "explain", "databases", "plain", "hard-words-easy",
  "Sounds like distributed internals but it is one setting's documented meaning.",
  "In our Postgres config, what does synchronous_commit = remote_apply mean vs on? Just the difference, we're not changing anything.")

R("opus", "design", "databases", "plain", None,
  "Choosing a replication and failover strategy with durability trade-offs is high-stakes design.",
  "We need RPO 0 and RTO under a minute for our payments Postgres across two AZs. Patroni with synchronous replication, "
  "RDS Multi-AZ, or Aurora? What are the failure modes of each that actually bite, e.g. split brain and sync standby loss?")

R("haiku", "question", "databases", "terse", None,
  "One-line SQL.",
  "sql: percent of null values in each column of table t? bigquery")

R("sonnet", "implement", "databases", "plain", None,
  "Generating dynamic SQL across all columns needs a couple of steps but is well specified.",
  "ok so bigquery again: I want null % for every column of any table without typing the column names. something that reads "
  "INFORMATION_SCHEMA.COLUMNS and builds + runs the query, as a scripting block or a small python function.")

R("haiku", "edit", "databases", "plain", None,
  "Converting a tiny query to use parameters is mechanical.",
  """change this to use a bound parameter instead of the f-string, psycopg3:

cur.execute(f"select * from users where email = '{email}'")""")

R("haiku", "explain", "databases", "plain", None,
  "Explaining a short EXPLAIN line.",
  "In an EXPLAIN ANALYZE, what does 'Rows Removed by Filter: 18841102' under a Seq Scan tell me?")

R("sonnet", "debug", "databases", "verbose", None,
  "The error and code point to a session/transaction misuse; identifiable cause, routine fix.",
  """Getting this from SQLAlchemy in our FastAPI app after a failed insert, and then every request on that worker fails until we restart it. I think we're sharing a session globally? Code below.

sqlalchemy.exc.PendingRollbackError: This Session's transaction has been rolled back due to a previous exception during flush. To begin a new transaction with this Session, first issue Session.rollback(). Original exception was: (psycopg2.errors.NotNullViolation) null value in column "sku" of relation "products" violates not-null constraint

# db.py
engine = create_engine(DATABASE_URL, pool_size=10)
SessionLocal = sessionmaker(bind=engine)
session = SessionLocal()

# routes.py
@app.post("/products")
def create_product(p: ProductIn):
    obj = Product(**p.model_dump())
    session.add(obj)
    session.commit()
    return {"id": obj.id}""")

R("opus", "design", "data", "plain", None,
  "Choosing an OLAP store for a high-volume multi-tenant workload with trade-offs is architecture.",
  "We ingest ~2B events/day for customer-facing dashboards (p95 < 1s, ~3k tenants, filters on arbitrary properties). "
  "We're on BigQuery and it's too slow and too expensive for this. ClickHouse, Druid, Pinot, or keep BQ with aggregates? "
  "Give me a recommendation with reasons, not a feature table.")

R("haiku", "question", "databases", "plain", None,
  "One short function question.",
  "snowflake: difference between TRY_CAST and CAST, and when does TRY_CAST return null?")

R("haiku", "question", "databases", "terse", None,
  "One-statement answer.",
  "postgres add column if not exists")

R("sonnet", "implement", "databases", "plain", None,
  "A dbt-free SCD2 merge in one warehouse with a clear spec is careful but known.",
  "Write the SQL for a type 2 SCD on dim_customers in BigQuery: staging table stg_customers has customer_id, email, plan, "
  "country, updated_at. Track changes in email/plan/country with valid_from, valid_to, is_current. MERGE or two statements, "
  "your call, but explain.")

R("opus", "debug", "data", "terse", "short-hard",
  "Concurrent retries breaking an SCD2 merge is an idempotency-under-concurrency problem.",
  "scd2 merge in snowflake sometimes creates two is_current rows for one customer when the job retries. make it idempotent")
# ------------------------------------------------------------------ pandas, polars, Spark, notebooks

R("haiku", "question", "data", "terse", None,
  "A one-line pandas call.",
  "pandas drop rows where every column except id is NaN")

R("haiku", "question", "data", "plain", None,
  "Direct API equivalent between libraries.",
  "What's the polars equivalent of df.groupby('store')['sales'].transform('mean')?")

R("haiku", "explain", "data", "plain", None,
  "Short conceptual difference with a well-known answer.",
  "Can someone explain loc vs iloc in pandas like I'm a SQL person? I keep mixing them up.")

R("haiku", "explain", "data", "typos", None,
  "Explaining a very common warning.",
  "what is SettingWithCopyWarning actually telling me. my code works but it spams this every run")

R("haiku", "question", "data", "terse", None,
  "One known notebook magic.",
  "jupyter autoreload my own module")

R("haiku", "question", "data", "plain", None,
  "One-liner string parsing.",
  "pandas: column 'amount' has strings like '1.234,56 €'. one-liner to make it a float?")

R("haiku", "edit", "data", "plain", None,
  "Renaming variables in a short snippet is mechanical.",
  """rename df to orders and df2 to customers in this, nothing else:

df = pd.read_parquet("orders.parquet")
df2 = pd.read_parquet("customers.parquet")
df = df.merge(df2[["customer_id", "country"]], on="customer_id", how="left")
df["month"] = df["created_at"].dt.to_period("M")
summary = df.groupby(["month", "country"])["total"].sum().reset_index()""")

R("haiku", "explain", "data", "plain", None,
  "Explaining a four-line snippet.",
  """what does this do? especially the transform part

df["rank_in_store"] = (
    df.groupby("store_id")["revenue"]
      .rank(method="dense", ascending=False)
)
df["share"] = df["revenue"] / df.groupby("store_id")["revenue"].transform("sum")""")

R("haiku", "question", "data", "plain", None,
  "A single known pandas option.",
  "how do I make pandas show all columns when I print a wide dataframe in the terminal?")

R("haiku", "question", "data", "terse", None,
  "A known one-liner.",
  "read all csvs in a folder into one dataframe, add filename column")

R("sonnet", "refactor", "data", "plain", None,
  "Porting a 30-line pipeline across libraries with semantics intact is routine but multi-step.",
  """convert this pandas pipeline to polars (lazy if it makes sense), output should be identical:

def build_daily(path):
    df = pd.read_parquet(path)
    df = df[df["status"].isin(["paid", "refunded"])]
    df["created_at"] = pd.to_datetime(df["created_at"], utc=True)
    df["day"] = df["created_at"].dt.tz_convert("Europe/Berlin").dt.date
    df["net"] = np.where(df["status"] == "refunded", -df["amount"], df["amount"])
    out = (df.groupby(["day", "country"], as_index=False)
             .agg(orders=("order_id", "nunique"),
                  net=("net", "sum"),
                  avg_basket=("amount", "mean")))
    out["net_7d"] = (out.sort_values("day")
                        .groupby("country")["net"]
                        .transform(lambda s: s.rolling(7, min_periods=1).sum()))
    top = out.groupby("country")["net"].sum().nlargest(10).index
    out["country"] = np.where(out["country"].isin(top), out["country"], "other")
    return out.groupby(["day", "country"], as_index=False).sum(numeric_only=True)""")

R("sonnet", "debug", "data", "plain", None,
  "A merge that multiplies rows with a clear reproduction; identifiable cause (duplicate keys).",
  "after merging orders (1.2M rows) with customers on customer_id I get 1.9M rows. how do I find which keys are duplicated, "
  "fix the merge so it's one row per order, and add a check so this fails loudly next time")

R("sonnet", "debug", "data", "plain", None,
  "A trace with a clear dtype cause in a small function.",
  """this used to work, now fails after upgrading to pandas 2.2:

Traceback (most recent call last):
  File "report.py", line 31, in <module>
    monthly = df.resample("M", on="created_at").sum()
  File ".../pandas/core/generic.py", line 9771, in resample
  ...
TypeError: Only valid with DatetimeIndex, TimedeltaIndex or PeriodIndex, but got an instance of 'Index'
FutureWarning: 'M' is deprecated and will be removed in a future version, please use 'ME' instead.

df = pd.read_csv("orders.csv")
df = df.drop_duplicates()
monthly = df.resample("M", on="created_at").sum()""")

R("sonnet", "refactor", "data", "verbose", None,
  "Turning a notebook into a tested module with a CLI is a routine refactor across several pieces.",
  "I have a 300-cell notebook that our analyst runs every Monday by hand: loads from BigQuery, cleans, builds 4 charts, "
  "exports an Excel. I want to turn it into a package with functions, a CLI entrypoint (typer), config in a yaml and "
  "basic tests. How should I lay it out, and can you start with the loading and cleaning part? I'll paste cells as we go.")

R("sonnet", "implement", "data", "plain", None,
  "A chunked processing script with a clear spec.",
  "I have a 30GB CSV that doesn't fit in RAM. Write me something that computes the sum of amount and count of orders per "
  "customer_id and writes the result to parquet. pandas chunks, polars streaming or duckdb, whichever is simplest, and say why.")

R("haiku", "question", "data", "terse", None,
  "One-line DuckDB query.",
  "duckdb query a folder of parquet files with a glob")

R("opus", "debug", "data", "plain", "easy-words-hard",
  "Plain words but nondeterministic results with seeds set have no clear lead; needs a theory.",
  "our weekly notebook gives slightly different totals every time we rerun it on the same data. we set every seed we could find. what could be doing it?")

R("opus", "debug", "data", "verbose", None,
  "Unexplained divergence between two pipelines of the same metric needs investigation across many components.",
  "Finance's revenue number from the Spark pipeline and the one from our dbt models disagree by about 0.3% every month, "
  "never the same direction. Both read the same raw tables. We've compared the SQL line by line and can't see it. "
  "How would you go about finding where they diverge, and what are the usual suspects (timezones, float sums, late rows)?")

R("sonnet", "implement", "data", "plain", None,
  "A PySpark job with joins and window functions from a clear spec.",
  "pyspark: for each user in events (user_id, ts, event_name) find the first 'purchase' after a 'signup' within 14 days "
  "and write user_id, signup_ts, purchase_ts, hours_to_purchase to parquet partitioned by signup date")

R("sonnet", "debug", "data", "plain", None,
  "The stage metrics point straight at skew on one key; the remedies are known.",
  "Spark join of clicks (4B rows) with campaigns stalls: 199 tasks finish in a minute, one takes 50 minutes and has 40GB "
  "shuffle read. campaign_id null for ~30% of clicks. What's happening and how do I fix it?")

R("opus", "debug", "data", "plain", None,
  "Executor OOMs that vary run to run without code change need analysis of memory, data and config across components.",
  "Our Spark job on EMR dies with executor OOM / 'Container killed by YARN for exceeding memory limits' on maybe one run in "
  "four, same input size every day. We've bumped memoryOverhead twice, it helps for a week then comes back. Where would you look?")

R("haiku", "question", "data", "plain", "hard-words-easy",
  "Sounds like Spark internals but it is one config's meaning.",
  "what does spark.sql.adaptive.coalescePartitions.enabled actually do? is it on by default in 3.5?")

R("haiku", "explain", "data", "terse", None,
  "Short known difference.",
  "repartition vs coalesce spark")

R("sonnet", "test", "data", "plain", None,
  "Writing tests for an existing function is sonnet-level test work.",
  """write pytest tests for this, including the weird cases (empty frame, all refunds, NaN amounts):

def net_revenue_by_day(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["day"] = pd.to_datetime(df["created_at"], utc=True).dt.date
    sign = np.where(df["type"] == "refund", -1, 1)
    df["net"] = df["amount"].fillna(0) * sign
    return df.groupby("day", as_index=False)["net"].sum().sort_values("day")""")

R("haiku", "question", "data", "plain", None,
  "One known testing utility parameter.",
  "In pandas.testing.assert_frame_equal, what does check_dtype=False do, and is there a way to ignore column order?")

R("sonnet", "implement", "data", "plain", None,
  "Implementing data validation checks from a clear list is routine.",
  "add pandera schemas for our orders frame: order_id unique int, amount >= 0, currency in a fixed list, created_at "
  "tz-aware, status one of 5 values. fail the pipeline with a readable report when it doesn't match")

R("haiku", "question", "data", "terse", None,
  "One-line read option.",
  "pd.read_csv keep leading zeros in zip column")

R("haiku", "edit", "data", "plain", None,
  "Converting a small dict literal to YAML is mechanical.",
  """turn this into yaml for our config file:

{"source": {"bucket": "raw-events", "prefix": "web/", "format": "parquet"},
 "dedupe_keys": ["event_id"],
 "partitions": {"by": "event_date", "days_back": 3},
 "sinks": [{"type": "bigquery", "table": "analytics.events"}, {"type": "gcs", "path": "gs://curated/events/"}]}""")

R("sonnet", "explain", "data", "plain", None,
  "Explaining a 50-line function with a non-obvious algorithm is non-trivial explanation.",
  """Can you explain what this does and whether it's correct? It's supposed to assign each shipment to the nearest open warehouse but I can't follow it.

def assign(shipments, warehouses, k=3):
    wh = warehouses[warehouses.is_open].reset_index(drop=True)
    tree = BallTree(np.radians(wh[["lat", "lon"]].values), metric="haversine")
    dist, idx = tree.query(np.radians(shipments[["lat", "lon"]].values), k=min(k, len(wh)))
    dist_km = dist * 6371.0
    cap = wh["capacity"].to_numpy().copy()
    order = np.argsort(dist_km[:, 0])
    out = np.full(len(shipments), -1)
    for i in order:
        for j in range(idx.shape[1]):
            w = idx[i, j]
            if cap[w] >= shipments.iloc[i]["volume"]:
                cap[w] -= shipments.iloc[i]["volume"]
                out[i] = w
                break
    shipments = shipments.assign(warehouse_id=np.where(out >= 0, wh["id"].to_numpy()[out.clip(0)], None),
                                 distance_km=np.where(out >= 0, dist_km[np.arange(len(out)), (idx == out[:, None]).argmax(1)], np.nan))
    unassigned = (out < 0).sum()
    if unassigned:
        log.warning("%d shipments could not be assigned within k=%d", unassigned, k)
    return shipments""")

R("opus", "design", "data", "plain", "short-hard",
  "Designing an optimal capacitated assignment at scale is an algorithm design problem.",
  "the greedy thing is bad. 200k shipments a day, 40 warehouses with capacity, minimise total distance. what algorithm, how do I make it run in minutes")

R("haiku", "question", "data", "terse", None,
  "One known parameter.",
  "to_parquet with snappy vs zstd, which flag")

R("sonnet", "debug", "data", "typos", None,
  "Memory blow-up from dtype choices with an identifiable cause.",
  "my pandas script uses 28GB ram on a 3GB parquet file and gets killed. columns are mostly strings like country, status, "
  "sku. df.info(memory_usage='deep') says object everywhere. how do i get this down")

R("opus", "question", "data", "plain", None,
  "Choosing a lakehouse table format for a platform is a design decision with long-term trade-offs.",
  "We're building a new lake on S3 with Spark for batch, Flink for streaming upserts and Trino for analysts. Iceberg, "
  "Delta or Hudi? We care about concurrent writers, schema evolution and compaction cost. Give me a recommendation and "
  "what would make you change your mind.")

R("haiku", "explain", "data", "plain", "hard-words-easy",
  "Scary lakehouse terms, but just a short definition.",
  "What does 'copy-on-write vs merge-on-read' mean in Hudi/Iceberg terms? One short paragraph please.")

R("sonnet", "implement", "data", "plain", None,
  "An Iceberg MERGE with compaction procedure calls from a clear spec.",
  "Spark SQL on Iceberg: write the MERGE INTO that applies a daily batch of customer updates (with deletes flagged by "
  "op='D'), and the maintenance calls to expire snapshots older than 7 days and rewrite small files.")

R("haiku", "question", "data", "typos", None,
  "One method call.",
  "polars how to write to csv w/o the header")

R("haiku", "edit", "data", "plain", None,
  "Adding a docstring to a short function is mechanical.",
  """add a numpy-style docstring to this:

def winsorize(s: pd.Series, lower: float = 0.01, upper: float = 0.99) -> pd.Series:
    lo, hi = s.quantile([lower, upper])
    return s.clip(lo, hi)""")

R("sonnet", "refactor", "data", "plain", None,
  "Vectorising a row-wise apply across a few columns is routine refactoring.",
  """this takes 20 minutes on 5M rows, make it vectorized:

def price_bucket(row):
    if row["currency"] != "EUR":
        p = row["price"] * rates[row["currency"]]
    else:
        p = row["price"]
    if p < 10: return "low"
    elif p < 50: return "mid"
    elif p < 200: return "high"
    return "premium"

df["bucket"] = df.apply(price_bucket, axis=1)""")

R("opus", "debug", "data", "plain", None,
  "A silent correctness issue across timezones, DST and aggregation boundaries needs careful reasoning with no single lead.",
  "Our hourly metrics have a hole one night in March and a double-count one night in October, but only for the EU "
  "dashboards, and only since we moved the rollup from Airflow to Spark Structured Streaming. Watermarks are 2h. Ideas?")

R("haiku", "question", "data", "plain", None,
  "Short factual comparison.",
  "polars vs pandas for a 2GB csv on a laptop, is polars just faster or are there gotchas I should know about?")
# ------------------------------------------------------------------ Airflow, dbt, Kafka, pipelines

R("haiku", "question", "data", "terse", None,
  "A single cron expression.",
  "airflow schedule weekdays 06:30 utc cron")

R("haiku", "edit", "tooling", "plain", None,
  "A short commit message from a given description.",
  "commit message for: bumped dbt-snowflake to 1.7.2, fixed the deprecated `tests:` key in two schema.yml files, no model changes")

R("haiku", "explain", "data", "plain", None,
  "Explaining one well-known scheduler concept.",
  "In Airflow what's the difference between catchup=False and setting start_date to today? I keep getting old runs when I deploy.")

R("haiku", "question", "data", "plain", None,
  "A single documented CLI flag.",
  "dbt: how do I run one model plus everything downstream of it, but not upstream?")

R("haiku", "explain", "data", "plain", None,
  "Explaining a short, common error.",
  "dbt says 'Compilation Error: dbt found two models with the name \"stg_orders\"'. what does it want from me?")

R("sonnet", "implement", "data", "plain", None,
  "A DAG with a few tasks, retries and alerts from a clear spec.",
  "Write an Airflow 2.8 DAG (TaskFlow) that runs daily at 02:00 UTC: wait for s3://landing/orders/{{ ds }}/_SUCCESS, "
  "then dbt build --select tag:orders, then post to Slack on failure. retries=2, 10 min delay, no catchup.")

R("opus", "design", "data", "plain", None,
  "Designing backfill and late-data handling across many pipelines is system design with trade-offs.",
  "We have ~40 Airflow DAGs feeding dbt and every backfill is a week of pain: late-arriving data, partitions overwritten "
  "out of order, downstream models rebuilt twice. Design how our pipelines should handle backfills and late data as a "
  "platform rule, not per DAG.")

R("sonnet", "implement", "data", "plain", None,
  "A dbt incremental model with a clear merge key and lookback; routine.",
  "turn this into a dbt incremental model on BigQuery, merge on event_id, reprocess the last 3 days each run to catch late "
  "events, partitioned by event_date:\n\nselect event_id, user_id, event_name, timestamp_micros(event_ts) as event_at, "
  "date(timestamp_micros(event_ts)) as event_date, params\nfrom {{ source('ga4', 'events') }}")

R("sonnet", "ops", "tooling", "plain", None,
  "CI configuration with a known pattern (slim CI with state) is routine.",
  "GitHub Actions workflow that runs dbt build on every PR against a per-PR Snowflake schema, only for modified models "
  "and their children (state:modified+ using the prod manifest from S3), and drops the schema when the PR closes.")

R("opus", "design", "data", "terse", "short-hard",
  "Exactly-once delivery end to end across Kafka and a database is a distributed-systems design problem.",
  "exactly-once from kafka into postgres. consumer crashes mid-batch. design it")

R("haiku", "explain", "data", "plain", "hard-words-easy",
  "Idempotence sounds like distributed systems, but the question is what one producer setting does.",
  "What does enable.idempotence=true do on a Kafka producer? Just the short version, it's in a config I'm reviewing.")

R("haiku", "explain", "data", "plain", None,
  "One documented config option.",
  "kafka consumer: what does auto.offset.reset=earliest do exactly? only on first start or every time?")

R("opus", "debug", "data", "plain", None,
  "A consumer jumping back to earliest after deploys needs a theory across group state, retention and offsets.",
  "our consumer group sometimes starts from earliest after a deploy and reprocesses a whole week of topic data. "
  "auto.offset.reset=earliest, offsets.retention.minutes is default, the group is idle over weekends. it doesn't happen every deploy. why?")

R("sonnet", "implement", "data", "plain", None,
  "A consumer with manual commits and a DLQ from a clear spec.",
  "python confluent-kafka consumer for topic payments: manual commit after the DB write succeeds, send messages that fail "
  "validation 3 times to payments.dlq with the error in a header, graceful shutdown on SIGTERM")

R("haiku", "question", "data", "terse", None,
  "One CLI command.",
  "kafka cli show lag for consumer group billing")

R("opus", "design", "data", "verbose", None,
  "Event schema evolution strategy across many teams is a design decision with compatibility trade-offs.",
  "We have about 60 services producing to Kafka with JSON and no registry, and every few weeks a producer change breaks a "
  "consumer. I want to propose Avro or Protobuf with Schema Registry. What compatibility mode should we enforce, how do we "
  "migrate topics that already have JSON on them, and what do we do about the consumers we don't own?")

R("sonnet", "debug", "data", "plain", None,
  "The log identifies the poll interval violation; the fix is known (tune or move work).",
  """consumer keeps getting kicked out of the group, logs below. each message calls an API that can be slow.

WARN  ConsumerCoordinator: [Consumer clientId=c-1, groupId=enricher] consumer poll timeout has expired. This means the time between subsequent calls to poll() was longer than the configured max.poll.interval.ms, which typically implies that the poll loop is spending too much time processing messages.
INFO  ConsumerCoordinator: [Consumer clientId=c-1, groupId=enricher] Member c-1-3f2a sending LeaveGroup request to coordinator
ERROR KafkaConsumer: Commit cannot be completed since the group has already rebalanced and assigned the partitions to another member.

max.poll.records=500, max.poll.interval.ms=300000, API p99 ~2s""")

R("haiku", "explain", "data", "plain", None,
  "Explaining a short dbt snippet.",
  """what does is_incremental() do here?

{% if is_incremental() %}
  where updated_at > (select max(updated_at) from {{ this }})
{% endif %}""")

R("opus", "debug", "data", "plain", "easy-words-hard",
  "Silent data loss in an incremental model under late/concurrent loads needs reasoning about timing across systems.",
  "that incremental model (max(updated_at) filter) is missing a few rows every week compared to the source. nobody "
  "deletes anything. the loader and dbt run on different schedules. what's going on?")

R("sonnet", "test", "data", "plain", None,
  "Adding standard and custom dbt tests for stated rules is routine.",
  "add dbt tests to fct_orders: order_id unique + not null, customer_id relationship to dim_customers, amount >= 0, "
  "status accepted values, and a singular test that no order has shipped_at before created_at")

R("sonnet", "implement", "data", "plain", None,
  "A reusable macro with clear behaviour.",
  "write a dbt macro cents_to_dollars(column, precision=2) that works on both snowflake and bigquery (adapter.dispatch)")

R("haiku", "edit", "data", "plain", "long-trivial",
  "Sorting keys in a pasted YAML is mechanical.",
  """sort the columns in this schema.yml alphabetically by name, keep everything else the same:

version: 2
models:
  - name: dim_customers
    description: One row per customer.
    columns:
      - name: customer_id
        tests: [unique, not_null]
      - name: signup_date
      - name: country
      - name: lifetime_value
        description: Sum of net revenue, EUR.
      - name: email
        meta: {pii: true}
      - name: acquisition_channel
      - name: is_b2b
      - name: first_order_at
      - name: last_order_at
      - name: orders_count
      - name: churned_at
      - name: plan
        tests:
          - accepted_values:
              values: [free, starter, pro, enterprise]
      - name: account_manager_id
      - name: billing_country
      - name: vat_id
        meta: {pii: true}""")

R("opus", "plan", "data", "plain", None,
  "Migrating hundreds of DAGs across a major version is a large multi-step plan across a codebase.",
  "We have ~300 DAGs on Airflow 1.10.15 (some with custom operators and SubDAGs, lots of xcom abuse). Plan the move to "
  "Airflow 2.x on MWAA with no big-bang weekend. What order, what to automate, what to test, and what breaks silently?")

R("sonnet", "refactor", "data", "plain", None,
  "Replacing a SubDAG with TaskGroups in one DAG is a contained refactor.",
  "convert this one DAG's SubDagOperator to a TaskGroup, keep the task ids the same so history still lines up. I'll paste it next.")

R("haiku", "question", "data", "plain", None,
  "A short factual answer about a scheduler setting.",
  "airflow: what's max_active_runs vs max_active_tasks on a DAG?")

R("haiku", "explain", "data", "plain", "hard-words-easy",
  "Watermark sounds like streaming theory, but the ask is one sentence on what a setting does.",
  "Spark Structured Streaming: what does withWatermark('event_time', '10 minutes') actually do? One or two sentences.")

R("opus", "design", "data", "plain", None,
  "Streaming join semantics with late data and state bounds is subtle distributed design.",
  "We need to join an impressions stream with a clicks stream (clicks up to 24h late) in Flink and emit attributed "
  "clicks exactly once into BigQuery. How would you design the state, watermarks and the sink, and what do we lose "
  "if we cap lateness at 6h?")

R("sonnet", "debug", "data", "plain", None,
  "The task log names the missing connection; an identifiable config issue.",
  """task fails right away after we moved to the new airflow cluster:

[2024-09-03, 02:00:14 UTC] {taskinstance.py:2731} ERROR - Task failed with exception
Traceback (most recent call last):
  File "/home/airflow/.local/lib/python3.11/site-packages/airflow/hooks/base.py", line 83, in get_connection
    conn = Connection.get_connection_from_secrets(conn_id)
  File "/home/airflow/.local/lib/python3.11/site-packages/airflow/models/connection.py", line 519, in get_connection_from_secrets
    raise AirflowNotFoundException(f"The conn_id `{conn_id}` isn't defined")
airflow.exceptions.AirflowNotFoundException: The conn_id `snowflake_prod` isn't defined

we use aws secrets manager as backend, the secret is called airflow/connections/snowflake-prod""")

R("sonnet", "implement", "data", "verbose", None,
  "A custom sensor with deferrable behaviour from a clear spec.",
  "We keep hitting worker slots with sensors that poke for hours. Write a deferrable sensor for Airflow 2.8 that waits "
  "until a BigQuery table partition for ds has at least N rows, with a trigger that polls every 5 minutes, and show how "
  "to use it in a DAG.")

R("opus", "review", "data", "plain", None,
  "Reviewing a dedupe-and-delete job for concurrency with loads is a race-condition review.",
  """This job runs every 10 minutes to dedupe events while the loader keeps inserting. Last week it deleted both copies of some events. Can you find the race and tell me how to do it safely?

BEGIN;
CREATE TEMP TABLE dupes AS
SELECT event_id, min(ctid) AS keep
FROM events
WHERE loaded_at > now() - interval '1 day'
GROUP BY event_id HAVING count(*) > 1;

DELETE FROM events e
USING dupes d
WHERE e.event_id = d.event_id
  AND e.ctid <> d.keep;
COMMIT;

-- loader (separate process, every minute):
-- COPY events FROM STDIN ...; then VACUUM events; (someone added this last month)""")

R("haiku", "question", "data", "plain", None,
  "One-line single-table dedupe query.",
  "Simple one: dedupe the events table keeping one row per event_id, the latest by loaded_at. Snowflake, just the select.")

R("haiku", "docs", "data", "plain", None,
  "A short description text from given facts.",
  "write a 2-3 sentence description for the dbt model fct_subscriptions: one row per subscription per month, MRR in EUR, "
  "includes paused subs with mrr 0, source is stripe.")

R("sonnet", "docs", "data", "plain", None,
  "Writing a runbook from a described setup takes several sections and care.",
  "write a runbook for the on-call data engineer for our nightly pipeline: Fivetran syncs at 01:00, Airflow triggers dbt at "
  "02:00, Looker PDTs at 05:00. Cover: how to tell which stage failed, how to rerun safely, who to ping, and what to tell "
  "the business if numbers are late.")

R("opus", "debug", "data", "verbose", "easy-words-hard",
  "Plain words, but a metric changing retroactively points to late data, reprocessing or nondeterminism across the pipeline; no lead.",
  "Yesterday's numbers change after the fact. If I look at Monday's signups on Tuesday it says 1,204 and on Thursday it "
  "says 1,231. Product wants it frozen, engineering says the source is correct. I don't know which part of our pipeline "
  "is doing it or whether it's even wrong.")

R("haiku", "question", "data", "terse", None,
  "One dbt flag.",
  "dbt full refresh single model")

R("sonnet", "implement", "data", "plain", None,
  "A snapshot config from a clear spec; routine dbt work.",
  "set up a dbt snapshot for raw.crm.accounts with the check strategy on plan, owner_id and status, unique key account_id, "
  "and invalidate hard deletes")

R("opus", "design", "data", "plain", None,
  "A data contracts and ownership model across teams is organisational and technical design.",
  "Our warehouse has 1,400 dbt models and nobody knows who owns what. Design a data contracts setup: what a contract "
  "contains, where it's enforced (producer CI, dbt, ingestion), what happens on breaking changes, and how to roll it out "
  "without stopping everyone for a quarter.")

R("haiku", "question", "infrastructure", "plain", None,
  "A single known config value.",
  "in the airflow helm chart, where do I set the number of celery workers?")

R("sonnet", "ops", "infrastructure", "plain", None,
  "Deploying a known stack on k8s with a values file is configuration work.",
  "I need a values.yaml for the official Airflow helm chart: KubernetesExecutor, git-sync from our repo's dags/ folder "
  "over ssh, remote logging to s3://airflow-logs, and the webserver behind our nginx ingress with TLS.")

R("opus", "debug", "infrastructure", "plain", None,
  "Tasks stuck in queued intermittently across scheduler, executor and k8s need a cross-component theory.",
  "Airflow on k8s: a few times a day tasks sit in 'queued' for 20-40 minutes then suddenly run. No errors in the scheduler "
  "log, pods aren't pending, parallelism isn't maxed. It started after we upgraded to 2.9 and moved the metadata DB to RDS.")
# ------------------------------------------------------------------ ML: training, serving, evaluation, vectors

R("haiku", "explain", "ml", "plain", None,
  "Short well-known distinction.",
  "what does torch.no_grad() actually do vs model.eval()? do I need both at inference?")

R("haiku", "question", "ml", "plain", None,
  "One documented parameter.",
  "sklearn train_test_split: what does stratify= do and should I use it for a 95/5 imbalanced label?")

R("haiku", "question", "ml", "terse", None,
  "One-liner.",
  "numpy cosine similarity between a vector and each row of a matrix")

R("opus", "implement", "ml", "terse", "short-hard",
  "Implementing IVF-PQ from scratch is a non-trivial algorithm with tuning and correctness subtleties.",
  "implement IVF-PQ from scratch in numpy, no faiss. recall@10 >= 0.9 on 1M x 768")

R("haiku", "explain", "ml", "plain", "hard-words-easy",
  "HNSW sounds advanced but the ask is what one parameter means.",
  "In HNSW (pgvector / qdrant), what's ef_construction vs ef_search? Short answer is fine.")

R("haiku", "explain", "ml", "plain", "hard-words-easy",
  "A loss term's meaning is a short textbook answer.",
  "what's the KL term in a VAE loss doing, one sentence. reading someone's code and they call it 'the regularizer'")

R("haiku", "explain", "ml", "terse", "hard-words-easy",
  "One collective call's behaviour; a short known answer.",
  "what does torch.distributed.barrier() do")

R("sonnet", "debug", "ml", "plain", None,
  "CUDA OOM with a trace and known levers (batch, precision, checkpointing) is routine debugging.",
  """CUDA OOM on a 24GB card, batch 32, seq len 512, bert-large. trace below. what are my options without buying a bigger GPU?

torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 768.00 MiB. GPU 0 has a total capacity of 23.65 GiB of which 402.06 MiB is free. Including non-PyTorch memory, this process has 23.24 GiB memory in use. Of the allocated memory 21.87 GiB is allocated by PyTorch, and 940.11 MiB is reserved by PyTorch but unallocated.
  File "train.py", line 88, in train_step
    loss.backward()""")

R("sonnet", "implement", "ml", "plain", None,
  "A serving endpoint for a saved model with validation; clear spec.",
  "FastAPI service that loads a sklearn pipeline from model.joblib at startup and exposes POST /predict taking a list of "
  "records (pydantic model with 12 fields), returns probabilities. add /healthz and a Dockerfile")

R("sonnet", "implement", "ml", "plain", None,
  "A training loop with standard features from a clear spec.",
  "write a plain PyTorch training loop (no Lightning) with AMP bf16, gradient accumulation, cosine schedule with warmup, "
  "checkpoint every N steps and resume from checkpoint including optimizer + scheduler + scaler state")

R("opus", "debug", "ml", "plain", "easy-words-hard",
  "Offline/online gap with no lead requires a theory spanning features, data, serving and evaluation.",
  "the model does a lot worse in production than in our notebook and we can't figure out why. same model file.")

R("opus", "debug", "ml", "verbose", None,
  "Training-serving skew across a feature pipeline needs investigation across components.",
  "Our churn model had AUC 0.86 offline and the live A/B shows basically no lift. Features come from a Feast offline store "
  "for training and the online store (Redis) for serving, computed by the same Spark job. I suspect training/serving skew "
  "but don't know how to prove it or where. How would you approach it?")

R("sonnet", "debug", "ml", "plain", None,
  "A clear shape mismatch in a trace; identifiable cause.",
  """RuntimeError: mat1 and mat2 shapes cannot be multiplied (64x2048 and 512x10)

class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.backbone = torchvision.models.resnet50(weights="IMAGENET1K_V2")
        self.backbone.fc = nn.Identity()
        self.fc = nn.Linear(512, 10)
    def forward(self, x):
        return self.fc(self.backbone(x))

swapped resnet18 for resnet50 and now this""")

R("haiku", "question", "ml", "terse", None,
  "One known call.",
  "pytorch count trainable params")

R("opus", "design", "ml", "plain", None,
  "Designing an evaluation methodology with leakage and statistical validity concerns is hard reasoning.",
  "We're comparing two ranking models for search and the offline NDCG differences are tiny (0.004). Design an evaluation "
  "that tells us whether the difference is real: splits given users repeat queries, confidence intervals, and how to "
  "handle position bias in the click labels.")

R("sonnet", "implement", "ml", "plain", None,
  "Bootstrap CIs for a metric is a known technique with a clear spec.",
  "write a function that gives a 95% bootstrap confidence interval for the difference in F1 between two models' "
  "predictions on the same test set (paired bootstrap), numpy only, 10k resamples, vectorised")

R("haiku", "question", "ml", "plain", None,
  "Short known answer.",
  "macro vs weighted F1, which one should I report for an imbalanced 6-class problem?")

R("sonnet", "implement", "ml", "plain", None,
  "A sklearn pipeline with preprocessing and CV from a clear spec.",
  "sklearn: build a Pipeline with ColumnTransformer (one-hot for 5 categoricals with handle_unknown, standard scaler for "
  "numerics, median imputation), a HistGradientBoostingClassifier, and GridSearchCV over 3 params with stratified 5-fold, "
  "scoring average_precision")

R("opus", "debug", "ml", "plain", None,
  "Suspected leakage producing too-good CV needs analysis of the data and pipeline without a given lead.",
  "our fraud model gets 0.99 AUC in cross-validation which is obviously too good. we don't see the label in the features. "
  "transactions from the same card appear many times. what are the likely leaks and how do I check each one?")

R("haiku", "explain", "ml", "plain", None,
  "Explaining a common warning message.",
  "sklearn keeps warning 'ConvergenceWarning: lbfgs failed to converge (status=1): STOP: TOTAL NO. of ITERATIONS REACHED LIMIT.' Is my model broken?")

R("sonnet", "implement", "ml", "plain", None,
  "A JAX training step with optax from a clear spec; routine for someone who knows the stack.",
  "JAX + flax.linen + optax: write a jitted train_step for a small MLP classifier with cross-entropy, adamw with weight "
  "decay masked off biases and layernorm, and an eval_step. Use TrainState.")

R("opus", "debug", "ml", "terse", "short-hard",
  "Multi-host pmap hangs require distributed reasoning across hosts and collectives.",
  "jax pmap hangs on multi-host TPU v4 at the first psum, single host fine")

R("haiku", "question", "ml", "plain", None,
  "One well-known cause of a common JAX error.",
  "JAX: why do I get 'ConcretizationTypeError' when I use an if on a traced value inside jit? what's the usual fix?")

R("opus", "implement", "ml", "plain", None,
  "A custom fused GPU kernel with numerical stability is hard implementation work.",
  "write a Triton kernel for fused softmax + cross-entropy over a 128k vocab that doesn't materialise the full logits in "
  "fp32, with the backward pass, and show it matches torch to 1e-3")

R("haiku", "question", "ml", "plain", None,
  "One known API.",
  "huggingface datasets: how do I load a local folder of jsonl files and take a 5% random validation split?")

R("sonnet", "implement", "ml", "plain", None,
  "A fine-tuning script with the Trainer API and a clear spec.",
  "HF Trainer script to fine-tune distilroberta for 6-class intent classification from train.jsonl/val.jsonl (text, label), "
  "with class weights in the loss, early stopping on macro F1, and push the best model to our private hub org")

R("opus", "design", "ml", "plain", None,
  "Choosing a vector search architecture with scale and filtering trade-offs is system design.",
  "We need semantic search over 80M product descriptions with hard filters (tenant, category, price range) and p95 < 100ms. "
  "pgvector in our existing Postgres, Qdrant, or OpenSearch k-NN? How would you shard it and handle the filtered-search "
  "recall problem?")

R("sonnet", "implement", "ml", "plain", None,
  "Setting up a pgvector table, index and query from a clear spec.",
  "pgvector: create a table for 1536-dim embeddings with tenant_id, an HNSW index with cosine, and a query that returns "
  "top 20 for a tenant. also the python (psycopg3) to insert in batches of 1000")

R("haiku", "question", "ml", "terse", None,
  "One operator.",
  "pgvector cosine distance operator")

R("opus", "debug", "ml", "plain", None,
  "Recall loss under filtered ANN search needs analysis of index behaviour and data distribution.",
  "pgvector HNSW with a WHERE tenant_id = $1 returns only 3-4 results instead of 20 for small tenants, and recall is bad "
  "for them even when it returns 20. big tenants are fine. why, and what are the real fixes?")

R("sonnet", "implement", "ml", "plain", None,
  "A chunking and embedding ingestion script from a clear spec.",
  "write the ingestion script for our RAG prototype: read markdown files from docs/, split by headings then ~500 tokens "
  "with 50 overlap (tiktoken), embed with the OpenAI embeddings API in batches with retry, upsert into qdrant with "
  "the file path and heading as payload")

R("opus", "design", "ml", "verbose", None,
  "Designing an evaluation harness for a RAG system with metrics and ground truth is open design.",
  "Our RAG assistant for internal docs is 'kind of good' and nobody can say whether a change makes it better. Design an "
  "evaluation setup: how to build a test set without labelling for a month, which retrieval and answer metrics, how to "
  "use an LLM judge without fooling ourselves, and how to run it in CI.")

R("haiku", "explain", "ml", "plain", "hard-words-easy",
  "Reranking sounds like retrieval research but is a one-paragraph concept.",
  "what is a cross-encoder reranker and why is it slower than the bi-encoder? short explanation for a PM")

R("sonnet", "debug", "ml", "plain", None,
  "Overfitting visible in the curves with known remedies is routine.",
  """train loss keeps going down, val loss bottoms at epoch 4 and climbs after. 12k images, resnet50 from pretrained, lr 1e-3 adam, no aug. what should I change first?

epoch 1 train 1.92 val 1.71
epoch 2 train 1.21 val 1.18
epoch 3 train 0.84 val 1.02
epoch 4 train 0.55 val 0.97
epoch 5 train 0.31 val 1.04
epoch 6 train 0.17 val 1.19
epoch 7 train 0.08 val 1.36""")

R("opus", "debug", "ml", "plain", "short-hard",
  "Loss spikes at scale with no given cause need analysis across optimizer, data and numerics.",
  "7B pretraining: loss spikes every ~20k steps, recovers, spikes again. adamw, bf16, no clipping issues that I can see")

R("haiku", "question", "ml", "plain", None,
  "Short known answer.",
  "what learning rate should I start with for AdamW fine-tuning a BERT-base classifier? just a sane default")

R("sonnet", "implement", "ml", "plain", None,
  "Adding experiment tracking to an existing loop is routine integration.",
  "add MLflow tracking to my training script: log params from the argparse namespace, metrics per epoch, the confusion "
  "matrix as an artifact and the final model with a signature. tracking server is at http://mlflow.internal:5000")

R("haiku", "question", "ml", "plain", None,
  "A single known API call.",
  "how do I load a specific registered model version from the MLflow model registry in python?")

R("opus", "plan", "ml", "plain", None,
  "Re-architecting a serving stack with latency, cost and rollout trade-offs is a large plan.",
  "We serve 14 PyTorch models from one big Flask app on CPU and it's falling over. Plan a move to something sane "
  "(Triton, TorchServe, Ray Serve, or KServe), including GPU batching, canary rollouts and how to not break the 30 "
  "clients calling us today.")

R("sonnet", "implement", "ml", "plain", None,
  "Exporting a model to ONNX and verifying it is routine with known steps.",
  "export our PyTorch text classifier to ONNX with dynamic batch and seq length, check outputs match within 1e-4 on 100 "
  "samples, and benchmark onnxruntime vs torch on CPU")

R("opus", "review", "ml", "plain", None,
  "Reviewing gradient accumulation with DDP for subtle correctness issues involves distributed semantics.",
  """Can you check this DDP training step is actually correct? We accumulate 8 micro-batches. Results differ from single-GPU at the same effective batch and I can't tell if that's expected.

for i, batch in enumerate(loader):
    with autocast(dtype=torch.bfloat16):
        out = model(**batch)
        loss = out.loss / accum
    loss.backward()
    if (i + 1) % accum == 0:
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step(); sched.step(); opt.zero_grad()
    if i % 100 == 0 and dist.get_rank() == 0:
        log(loss.item() * accum)

# sampler = DistributedSampler(ds, shuffle=True); sampler.set_epoch() is not called
# BatchNorm layers in the model, not SyncBatchNorm""")

R("haiku", "edit", "ml", "plain", None,
  "Adding type hints to a short function is mechanical.",
  """add type hints:

def topk_accuracy(logits, targets, k=5):
    topk = logits.topk(k, dim=1).indices
    return (topk == targets.unsqueeze(1)).any(dim=1).float().mean().item()""")

R("sonnet", "explain", "ml", "verbose", None,
  "Explaining a 40-line custom loss with masking is a non-trivial code explanation.",
  """My colleague wrote this contrastive loss for our image-text model and left. Can you explain what each part does and whether the masking of duplicates is right?

def clip_loss(img, txt, ids, temp):
    img = F.normalize(img, dim=-1)
    txt = F.normalize(txt, dim=-1)
    logits = img @ txt.t() / temp.clamp(min=0.01)
    same = ids.unsqueeze(0) == ids.unsqueeze(1)
    eye = torch.eye(len(ids), dtype=torch.bool, device=ids.device)
    logits = logits.masked_fill(same & ~eye, float("-inf"))
    labels = torch.arange(len(ids), device=ids.device)
    l_i = F.cross_entropy(logits, labels)
    l_t = F.cross_entropy(logits.t(), labels)
    with torch.no_grad():
        acc = (logits.argmax(1) == labels).float().mean()
    return (l_i + l_t) / 2, acc""")

R("opus", "design", "ml", "terse", "short-hard",
  "Designing a drift detection scheme with statistics and alerting thresholds is open design with subtle stats.",
  "drift detection for 300 features, daily batches, without alerting every day. design")

R("haiku", "question", "ml", "plain", None,
  "One-line metric call.",
  "sklearn: how do I get precision and recall at a specific threshold like 0.3 instead of 0.5?")

R("sonnet", "implement", "ml", "plain", None,
  "A threshold-selection utility from a clear cost spec.",
  "write a function that picks the classification threshold minimising expected cost given cost_fp=5 and cost_fn=80 "
  "using validation probabilities, and plots cost vs threshold. sklearn/matplotlib")

R("opus", "question", "ml", "plain", None,
  "Justifying a statistical testing approach under peeking and multiple metrics needs careful reasoning.",
  "Product wants to look at our A/B test dashboard every day and stop as soon as it's significant. We also track 12 "
  "metrics. What's actually wrong with that, and what should we do instead (sequential testing? alpha spending? CUPED?) given "
  "we run ~30 tests a quarter?")

R("haiku", "question", "ml", "terse", None,
  "One known setting.",
  "torch set all seeds + deterministic algorithms")

R("opus", "debug", "ml", "plain", "easy-words-hard",
  "Plain words, but non-determinism across runs despite seeds spans data loading, kernels and hardware; no lead.",
  "two training runs with the same seed on the same machine give different final accuracy, like 1.5 points apart. I set the seeds. why?")

R("sonnet", "debug", "ml", "plain", None,
  "A dataloader error with an identifiable cause (lambda pickling in workers).",
  """works with num_workers=0, crashes with num_workers=4 on mac:

AttributeError: Can't pickle local object 'build_dataset.<locals>.<lambda>'

def build_dataset(root):
    tf = T.Compose([T.Resize(224), T.Lambda(lambda x: x.convert("RGB")), T.ToTensor()])
    return ImageFolder(root, transform=tf)""")

R("haiku", "explain", "ml", "plain", None,
  "Explaining one short line.",
  "what does `model.train(False)` do, is it the same as model.eval()?")

R("opus", "implement", "ml", "plain", "short-hard",
  "A correct streaming quantile sketch with mergeability and error bounds is a non-trivial algorithm.",
  "mergeable streaming p99 for feature monitoring, bounded error, spark UDAF. t-digest or KLL? implement one")

R("sonnet", "refactor", "ml", "plain", None,
  "Restructuring a training script into config-driven modules is routine refactoring.",
  "our train.py is 900 lines with argparse everywhere. split it into data.py / model.py / train.py with a hydra config, "
  "keep the CLI overrides working. I'll paste the file in pieces, start by proposing the layout.")

R("haiku", "question", "ml", "plain", None,
  "Short factual answer.",
  "is there any difference between torch.cuda.amp.autocast and torch.autocast('cuda')?")

R("opus", "debug", "ml", "verbose", None,
  "A latency regression in serving with no lead spans batching, threads and hardware.",
  "After moving our BERT model server from a c5 to a c6i instance, p50 got better but p99 went from 40ms to 400ms. Same "
  "container, same torch version, OMP_NUM_THREADS unset, gunicorn with 4 workers. The spikes aren't tied to request size. "
  "What's your theory and how would you confirm it?")

R("sonnet", "implement", "ml", "plain", None,
  "A dynamic micro-batching wrapper with a clear spec.",
  "add request micro-batching to our async model server: collect requests up to 32 or 10ms, run one forward pass, "
  "resolve each future with its slice. asyncio + torch, no framework")

R("haiku", "question", "ml", "terse", None,
  "One function call.",
  "onnxruntime use gpu provider")

R("opus", "review", "security", "plain", None,
  "Reviewing model loading from untrusted sources is a security review (pickle code execution).",
  "We're adding a feature where customers upload their own fine-tuned PyTorch checkpoints and we serve them. Currently we "
  "torch.load() the .pt file in the inference pod. Threat-model this and tell me what we need to change.")

R("haiku", "explain", "security", "plain", "hard-words-easy",
  "Security-sounding, but it is one flag's documented meaning.",
  "what does weights_only=True do in torch.load? got a FutureWarning about it")

R("sonnet", "implement", "ml", "plain", None,
  "Hyperparameter search setup with a known library is routine.",
  "Optuna study for my LightGBM model: search num_leaves, learning_rate, min_child_samples, feature_fraction, 100 trials, "
  "median pruner using the validation AUC at each boosting round, save the study to sqlite so I can resume")

R("opus", "implement", "ml", "plain", None,
  "A custom distributed training strategy needs careful reasoning about sharding, communication and correctness.",
  "implement tensor parallelism for the attention and MLP blocks of our GPT-style model in plain PyTorch (no Megatron), "
  "2-way and 4-way, column/row split with the right all-reduces, and a test that loss matches the single-GPU run")
# ------------------------------------------------------------------ other languages (fr, ja)

R("haiku", "question", "data", "other-language", None,
  "A one-line pandas dedupe; the language changes nothing.",
  "Comment supprimer les doublons dans un DataFrame pandas en gardant la dernière occurrence selon la colonne date_maj ?",
  language="fr")

R("haiku", "question", "databases", "other-language", None,
  "Short well-known conceptual answer.",
  "En Postgres, quelle est la différence entre TRUNCATE et un DELETE sans WHERE ? Surtout côté verrous et autovacuum.",
  language="fr")

R("haiku", "explain", "databases", "other-language", "hard-words-easy",
  "A distributed-systems term, but only a one-sentence definition is asked.",
  "Que veut dire « cohérence à terme » (eventual consistency) dans la doc de Cassandra ? Une phrase suffit, c'est pour un README.",
  language="fr")

R("haiku", "edit", "tooling", "other-language", None,
  "A short commit message from a given description.",
  "écris-moi un message de commit en anglais pour : ajout d'un index sur commandes(client_id, cree_le) et suppression de l'ancien index sur client_id seul",
  language="fr")

R("sonnet", "implement", "data", "other-language", None,
  "A DAG with a few clear steps and alerting; everyday pipeline work.",
  "Écris un DAG Airflow qui récupère chaque jour un fichier CSV sur un SFTP (connexion sftp_fournisseur), le charge dans "
  "une table BigQuery partitionnée par date, et envoie un mail à l'équipe data si une tâche échoue.",
  language="fr")

R("sonnet", "debug", "data", "other-language", None,
  "The traceback points at a missing column after a rename; identifiable cause.",
  """Bonjour, mon script plante depuis que le fichier d'export a changé. Je ne comprends pas, la colonne est bien là quand j'ouvre le fichier dans Excel.

Traceback (most recent call last):
  File "rapport_mensuel.py", line 22, in <module>
    df["montant_ttc"] = df["montant_ht"] * 1.2
  File ".../pandas/core/frame.py", line 4102, in __getitem__
    indexer = self.columns.get_loc(key)
KeyError: 'montant_ht'

df = pd.read_csv("export_factures.csv", sep=";", encoding="utf-8")
print(df.columns.tolist())
# ['\\ufeffnum_facture', 'client', 'montant_ht ', 'date']""",
  language="fr")

R("sonnet", "test", "data", "other-language", None,
  "Writing tests for an existing function is routine sonnet work.",
  "J'ai une fonction d'une cinquantaine de lignes qui calcule le churn mensuel à partir d'une table d'abonnements "
  "(debut, fin, statut). Peux-tu écrire des tests pytest qui couvrent les abonnements en pause, les réactivations et les "
  "changements de mois ? Je colle la fonction juste après.",
  language="fr")

R("sonnet", "refactor", "data", "other-language", None,
  "Turning a model into an incremental one with a clear key is routine dbt work.",
  "Peux-tu transformer ce modèle dbt en modèle incrémental sur Snowflake ? Clé unique : id_commande, on retraite les 2 "
  "derniers jours à chaque exécution.\n\nselect id_commande, id_client, montant, statut, maj_le\nfrom {{ source('erp', 'commandes') }}",
  language="fr")

R("opus", "debug", "data", "other-language", None,
  "Duplicates after restarts in a streaming pipeline involve checkpoint and sink semantics across components.",
  "Notre pipeline Kafka → Spark Structured Streaming → Delta Lake produit parfois des doublons après un redémarrage du "
  "cluster. Les checkpoints sont sur S3, on écrit avec foreachBatch et un MERGE. D'où ça peut venir et comment le rendre vraiment exactement-une-fois ?",
  language="fr")

R("opus", "debug", "data", "other-language", "easy-words-hard",
  "Plain words, but retroactively changing numbers with no lead need a theory across the pipeline.",
  "Les chiffres du tableau de bord changent pour des jours passés, d'un jour à l'autre, et personne ne sait pourquoi. Par où commencer ?",
  language="fr")

R("opus", "design", "ml", "other-language", None,
  "Designing a feature store for batch and online serving with consistency trade-offs is architecture.",
  "On doit concevoir un feature store pour une quinzaine de modèles, certains en batch quotidien, d'autres appelés en "
  "temps réel (< 50 ms). Feast, Tecton, ou du fait maison avec Redis + BigQuery ? Comment garantir que les features "
  "d'entraînement et de production sont identiques ?",
  language="fr")

R("opus", "review", "security", "other-language", None,
  "Reviewing a pseudonymisation scheme is a security review where a subtle mistake leaks personal data.",
  "Avant d'envoyer les données clients aux data scientists, on remplace les emails par sha256(email) sans sel et on "
  "garde la date de naissance et le code postal. Le DPO dit que c'est anonymisé. Peux-tu faire une vraie revue de ce "
  "schéma et proposer mieux ?",
  language="fr")

R("haiku", "question", "databases", "other-language", None,
  "One command.",
  "Quelle est la commande pour lister les bases de données et les tables dans MySQL en ligne de commande ?",
  language="fr")

R("sonnet", "debug", "databases", "other-language", None,
  "The plan shows a function on the indexed column; identifiable cause and known fix.",
  """Cette requête est lente alors qu'il y a un index sur cree_le. Pourquoi ?

EXPLAIN ANALYZE SELECT * FROM commandes WHERE date(cree_le) = '2024-05-02';

Seq Scan on commandes  (cost=0.00..389211.40 rows=48213 width=96) (actual time=0.044..3121.870 rows=51277 loops=1)
  Filter: (date(cree_le) = '2024-05-02'::date)
  Rows Removed by Filter: 9642210
Execution Time: 3125.006 ms""",
  language="fr")

R("haiku", "explain", "ml", "other-language", None,
  "A short textbook definition.",
  "C'est quoi la différence entre la précision et le rappel, en deux phrases, avec un exemple de détection de fraude ?",
  language="fr")

R("sonnet", "implement", "ml", "other-language", None,
  "Adding stratified CV and reporting to a script is routine.",
  "Ajoute une validation croisée stratifiée à 5 plis à mon script scikit-learn (RandomForest), affiche la moyenne et "
  "l'écart-type de l'AUC et de la F1, et sauvegarde les prédictions out-of-fold dans un parquet.",
  language="fr")

R("opus", "design", "data", "other-language", "short-hard",
  "A distributed lock for concurrent writers is a concurrency design problem.",
  "verrou distribué pour des jobs Spark concurrents qui écrivent la même table Delta, sans Zookeeper. comment faire proprement ?",
  language="fr")

R("haiku", "explain", "general", "other-language", "hard-words-easy",
  "A famous theorem's one-sentence statement is a short known answer.",
  "Qu'est-ce que le théorème CAP, en une phrase ? C'est pour une slide.",
  language="fr")

R("haiku", "question", "data", "other-language", None,
  "A one-line pandas rename.",
  "pandasでDataFrameの列名を全部小文字にして、スペースをアンダースコアに置き換える一行を教えてください",
  language="ja")

R("haiku", "question", "databases", "other-language", None,
  "One catalog query.",
  "PostgreSQLでテーブルごとのサイズ（インデックス込み）を大きい順に出すクエリを教えて",
  language="ja")

R("haiku", "explain", "data", "other-language", "hard-words-easy",
  "Idempotence sounds deep but this is one config's short meaning.",
  "Kafkaのプロデューサー設定にある enable.idempotence って、「べき等」とはどういう意味ですか？短く説明してください",
  language="ja")

R("haiku", "question", "databases", "other-language", None,
  "One function call.",
  "BigQueryで '2024/03/15' みたいな文字列をDATE型に変換する関数は？",
  language="ja")

R("sonnet", "implement", "databases", "other-language", None,
  "A migration with known steps from a described model change.",
  "SQLAlchemyのUserモデルに phone_number（NULL可）と is_verified（デフォルトfalse、NOT NULL）を追加したので、Alembicの"
  "マイグレーションを書いてください。既存の200万行に対してロックを長く取らないようにしたいです。",
  language="ja")

R("sonnet", "implement", "ml", "other-language", None,
  "A training loop with early stopping and checkpoints from a clear spec.",
  "PyTorchで画像分類の学習ループを書いてください。検証lossでのearly stopping（patience 5）と、ベストモデルの"
  "チェックポイント保存、学習率スケジューラ（ReduceLROnPlateau）付きでお願いします。",
  language="ja")

R("sonnet", "debug", "data", "other-language", None,
  "The error names the cause (thousands separators); routine fix in the loader.",
  """CSVを読み込んで合計を出そうとするとエラーになります。どう直せばいいですか？

ValueError: could not convert string to float: '1,234'

df = pd.read_csv("売上.csv")
df["金額"] = df["金額"].astype(float)
print(df.groupby("店舗")["金額"].sum())""",
  language="ja")

R("sonnet", "test", "data", "other-language", None,
  "Adding standard dbt tests from a clear list is routine.",
  "dbtの fct_orders モデルにテストを追加してください。order_id は unique と not_null、customer_id は dim_customers への "
  "relationships、status は 'pending','paid','shipped','cancelled' のいずれか、amount は0以上。",
  language="ja")

R("opus", "debug", "data", "other-language", "easy-words-hard",
  "Plain words, but intermittent duplicate writes in a nightly batch with no lead need a cross-component theory.",
  "毎晩のバッチで、たまに同じ行が2回書き込まれます。毎回ではなく、原因がまったくわかりません。どこから調べればいいですか？",
  language="ja")

R("opus", "design", "databases", "other-language", None,
  "Choosing a tenant isolation strategy with operational trade-offs is design.",
  "マルチテナントSaaSで、PostgreSQLのスキーマ分離とRow Level Securityのどちらを採用すべきか、マイグレーション運用、"
  "コネクションプール、大口テナントの扱いも含めて比較・提案してほしいです。テナント数は約2000です。",
  language="ja")

R("opus", "debug", "ml", "other-language", None,
  "An intermittent 10x latency spike with low GPU usage and no lead needs investigation across the serving stack.",
  "推論サーバー（FastAPI + PyTorch、GPU 1枚）のレイテンシがときどき10倍になります。GPU使用率は低いままで、"
  "リクエストサイズとも関係なさそうです。どこから調べればいいでしょうか？",
  language="ja")

R("haiku", "question", "data", "other-language", None,
  "One notebook magic command.",
  "Jupyterでセルの実行時間を測るマジックコマンドは何ですか？",
  language="ja")

R("sonnet", "refactor", "data", "other-language", None,
  "Porting a short pipeline between libraries is routine but multi-step.",
  """このpandasのコードをPolarsに書き換えてください。結果は同じにしたいです。

df = pd.read_parquet("events.parquet")
df = df[df["event"] == "purchase"]
df["date"] = pd.to_datetime(df["ts"]).dt.date
daily = df.groupby(["date", "country"]).agg(users=("user_id", "nunique"), revenue=("amount", "sum")).reset_index()
daily = daily.sort_values(["country", "date"])
daily["revenue_7d"] = daily.groupby("country")["revenue"].transform(lambda s: s.rolling(7, min_periods=1).mean())""",
  language="ja")

R("opus", "implement", "data", "other-language", "short-hard",
  "Idempotent SCD2 under concurrent runs is a concurrency correctness problem.",
  "Snowflakeで冪等なSCD2マージ。同時に2本走ることがある。設計して",
  language="ja")

R("sonnet", "explain", "ml", "other-language", None,
  "Explaining a dozens-of-lines attention implementation is non-trivial code explanation.",
  "社内のTransformer実装（約60行のMultiHeadAttentionクラス）を新人向けに一行ずつ解説してほしいです。特にマスクの作り方と"
  "reshape/transposeの部分。コードは次のメッセージで貼ります。",
  language="ja")
# ------------------------------------------------------------------ follow-ups inside a chat

R("sonnet", "implement", "general", "follow-up", None,
  "A bare 'continue' follow-up: sonnet by the tie-breaker.",
  "continue")

R("sonnet", "implement", "general", "follow-up", None,
  "A bare 'try again' follow-up: sonnet by the tie-breaker.",
  "try again")

R("sonnet", "debug", "general", "follow-up", None,
  "Bare retry follow-up without new information: sonnet by the tie-breaker.",
  "still failing, same error. try again")

R("sonnet", "implement", "general", "follow-up", None,
  "Bare 'keep going' follow-up.",
  "keep going, you stopped halfway through the second model")

R("sonnet", "implement", "general", "follow-up", None,
  "Bare continuation request.",
  "go on")

R("haiku", "edit", "data", "follow-up", None,
  "A rename in code already on screen is mechanical.",
  "ok now just rename the function to build_daily_report and the df variable to orders")

R("haiku", "edit", "tooling", "follow-up", None,
  "A one-line commit message.",
  "perfect. one-line commit message for that change?")

R("haiku", "question", "databases", "follow-up", None,
  "One CLI command.",
  "thanks, and what's the psql command to run that .sql file against staging?")

R("haiku", "edit", "databases", "follow-up", None,
  "Translating one short SELECT to another dialect is mechanical.",
  "same query but bigquery syntax please")

R("haiku", "edit", "data", "follow-up", None,
  "Stripping comments from an answer is mechanical.",
  "can you give me that again without the comments, I'm pasting it into a slide")

R("sonnet", "test", "data", "follow-up", None,
  "Writing tests for the code just produced is routine.",
  "ok that worked, now add pytest tests for it, including the empty dataframe case")

R("sonnet", "implement", "data", "follow-up", None,
  "Applying the same change to another model with its own columns is routine.",
  "now do the same for the customers model, it has soft deletes in a deleted_at column instead of _fivetran_deleted")

R("sonnet", "implement", "data", "follow-up", None,
  "Adding a format case to a loader is a small feature with clear scope.",
  "nice. can you also make it handle .csv.gz files and skip files it already loaded (keep a manifest table)")

R("sonnet", "implement", "data", "follow-up", None,
  "Replicating a DAG with a small difference is routine pipeline work.",
  "same thing for the refunds DAG, except it also has to wait for the payments DAG to finish first")

R("sonnet", "debug", "data", "follow-up", None,
  "A follow-up with a concrete symptom (US rows one day off) points at timezone handling; identifiable.",
  "it runs now but the US rows are off by one day, EU ones are fine")

R("sonnet", "implement", "data", "follow-up", None,
  "Wiring a function into an existing DAG is routine.",
  "great, now wire that function into the Airflow DAG from before as a task between extract and load")

R("sonnet", "refactor", "data", "follow-up", None,
  "Converting a full-refresh model to incremental with given keys is routine.",
  "works. can you make it incremental now, same merge key")

R("opus", "implement", "databases", "follow-up", "easy-words-hard",
  "Plain words, but making the job safe under concurrent workers is concurrency design.",
  "ok that fixes it when one worker runs it. now make it safe when 8 workers run this at the same time")

R("opus", "design", "data", "follow-up", None,
  "Surviving a crash between write and commit is an exactly-once problem.",
  "now we also need it to survive the consumer crashing between the db write and the offset commit, without duplicates")

R("opus", "debug", "data", "follow-up", "easy-words-hard",
  "Suggested fixes failed and the bug is intermittent with no pattern: debugging without a lead.",
  "that's what we tried already. it still happens about once a week, no pattern we can see")

R("opus", "design", "data", "follow-up", None,
  "Scaling the design to multi-region and 50x data is architecture with trade-offs.",
  "ok and what would you change if this had to handle 50x the data and run in two regions active-active?")

R("haiku", "edit", "ml", "follow-up", None,
  "Changing one hyperparameter value is mechanical.",
  "change the learning rate to 3e-5 and warmup to 500 steps in that config")

R("sonnet", "implement", "ml", "follow-up", None,
  "Adding resume-from-checkpoint to the given loop is routine.",
  "cool, now add resuming from the last checkpoint if the job gets preempted")

R("opus", "debug", "ml", "follow-up", None,
  "A new symptom that only appears at multi-node scale needs distributed debugging without a lead.",
  "on 1 node it's fine now. on 4 nodes it hangs after ~2k steps with no error, just stops logging")

R("sonnet", "explain", "general", "follow-up", None,
  "Asking to walk through the previous answer's longer code is non-trivial explanation.",
  "I don't get the second half of your answer, the part with the window function and the merge. walk me through it slower")

R("haiku", "question", "general", "follow-up", None,
  "A yes/no clarification on the previous answer.",
  "wait, does that work on postgres 12 or only 15+?")
# ------------------------------------------------------------------ medium pastes, trivial asks (seeded)

R("haiku", "question", "data", "terse", "long-trivial",
  "Reading the timezone off log timestamps is a glance-level lookup.",
  "are these timestamps utc or local?\n\n" + airflow_scheduler_log(5, 40))

R("haiku", "question", "data", "plain", "long-trivial",
  "Counting rejoin lines in a pasted log is mechanical.",
  "How many times did the consumer rejoin the group in this excerpt? Just the count.\n\n" + kafka_consumer_log(7, 90))

R("haiku", "question", "data", "plain", "long-trivial",
  "Finding min and max of one column in a pasted CSV is a lookup.",
  "what's the earliest and latest Order Date in this file?\n\n" + orders_csv(9, 120))

R("haiku", "question", "data", "terse", "long-trivial",
  "Listing function names from a pasted module is mechanical extraction.",
  "list the function names in this file, one per line\n\n" + etl_module(4, 18))

R("haiku", "edit", "ml", "plain", "long-trivial",
  "Reformatting eval lines into CSV is mechanical.",
  "turn the [eval] lines from this log into a csv with columns epoch,val_loss,val_acc,val_f1_macro\n\n"
  + "\n".join(l for l in training_log(61, 10, 3000, 300).splitlines()))

R("haiku", "edit", "databases", "plain", "long-trivial",
  "JSON to CSV conversion of selected fields is mechanical.",
  "convert this to CSV with just query_id, user_name, warehouse_name, total_elapsed_time\n\n" + query_history_json(2, 25))

R("haiku", "question", "data", "plain", "long-trivial",
  "Listing source() references in pasted models is mechanical extraction.",
  "Which source tables do these models read from? Give me the distinct source('x', 'y') pairs.\n\n" + dbt_models(5, 10))

R("haiku", "edit", "ml", "typos", "long-trivial",
  "Turning JSONL into a markdown table is mechanical.",
  "make this a markdown table w/ columns id, label, pred. dont need text or score\n\n" + eval_jsonl(8, 60))

R("haiku", "question", "data", "plain", "long-trivial",
  "Reading one path from the bottom of a trace is a lookup.",
  "what S3 path was the job reading when it died? it should be in the traceback at the bottom somewhere\n\n" + spark_driver_log(4, 90))

R("haiku", "question", "databases", "terse", "long-trivial",
  "Listing the checkpoint start timestamps is mechanical extraction.",
  "list the timestamps where a checkpoint started\n\n" + pg_log(6, 50))

# ------------------------------------------------------------------ scary words, easy asks

R("haiku", "explain", "databases", "plain", "hard-words-easy",
  "A consistency term, but only a one-sentence definition is asked.",
  "What does 'linearizable' mean in the etcd docs? One sentence, I'm writing a design doc glossary.")

R("haiku", "explain", "data", "plain", "hard-words-easy",
  "Replication terms, but the ask is what two settings mean together.",
  "In our Kafka topic config: replication.factor=3, min.insync.replicas=2 and producers use acks=all. What does that combination mean in plain words?")

R("haiku", "explain", "data", "terse", "hard-words-easy",
  "One writer option's meaning.",
  "what does parquet.bloom.filter.enabled do on the writer? short")

R("haiku", "explain", "ml", "plain", "hard-words-easy",
  "One flag's documented behaviour.",
  "what does torch.backends.cudnn.benchmark = True actually do, and why would it make results non-deterministic?")

R("haiku", "explain", "ml", "plain", "hard-words-easy",
  "Decoding a naming convention is a short factual answer.",
  "in gguf model names like Q4_K_M or Q5_K_S what do the letters mean? briefly")

R("haiku", "explain", "databases", "plain", "hard-words-easy",
  "The alert names a scary concept, but the ask is a one-paragraph definition.",
  "We got an RDS email mentioning 'transaction ID wraparound'. What is that, in one paragraph? Not asking for a fix yet.")

R("haiku", "explain", "ml", "plain", "hard-words-easy",
  "A privacy term from a dataset card; only its meaning is asked.",
  "A dataset card says 'released with differential privacy, ε=8'. What does epsilon mean there, roughly, and is 8 a lot?")

R("haiku", "explain", "databases", "terse", "hard-words-easy",
  "One storage concept's short definition.",
  "snowflake micro-partition pruning, what is it, 2 sentences")

R("sonnet", "implement", "tooling", "plain", "hard-words-easy",
  "Despite the 'consensus' name, this is a plain REST client with retries and types.",
  "Write a small typed Python client for our internal consensus-metadata service: GET /v1/leader returns {node, term}, "
  "POST /v1/propose takes {key, value} and returns {index}. Retries with backoff on 503, httpx, timeouts configurable.")

R("sonnet", "refactor", "ml", "plain", "hard-words-easy",
  "Byzantine-robust sounds hard, but the ask is an input adapter around an existing function.",
  "We use the byzantine_robust_aggregate(updates: list[torch.Tensor]) function from a paper's repo in our federated "
  "notebook. Wrap it so it takes a pandas DataFrame with client_id and a flattened weights column, and returns a "
  "DataFrame. Don't touch the algorithm.")

# ------------------------------------------------------------------ short but hard

R("opus", "design", "data", "terse", "short-hard",
  "Exactly-once dedupe with bounded state over a long window is a streaming-state design problem.",
  "flink dedupe events over a 30 day window, bounded state, exactly once")

R("opus", "implement", "data", "terse", "short-hard",
  "Exact distributed median in one pass requires algorithmic reasoning about limits and approximations.",
  "exact median over 10B rows across 200 nodes in one pass, possible?")

R("opus", "debug", "databases", "terse", "short-hard",
  "Replication slot lag growth on one replica needs cross-component investigation.",
  "logical replication slot lag grows forever on one subscriber only, pg15. why")

R("opus", "implement", "ml", "terse", "short-hard",
  "Determinism independent of partitioning is a subtle distributed-algorithm problem.",
  "k-means in spark that gives identical centroids no matter the partition count")

R("opus", "plan", "data", "terse", "short-hard",
  "A consistent cross-system snapshot for backfill is a distributed consistency problem.",
  "consistent snapshot of kafka topic + postgres tables for a backfill, no downtime")

R("opus", "debug", "data", "terse", "short-hard",
  "State-backend compaction stalls need performance analysis across Flink and RocksDB.",
  "rocksdb compaction stalls blow our flink p99, tune or redesign state?")

R("opus", "explain", "data", "terse", "short-hard",
  "A proof of unbiasedness for a sampling merge is formal reasoning.",
  "prove my weighted reservoir sample merge is unbiased (A-Res, merging per-partition reservoirs)")

R("opus", "design", "data", "terse", "short-hard",
  "Choosing an event-ordering clock for multi-region is distributed systems design.",
  "vector clocks vs HLC for ordering events across 3 regions, which and why")

R("opus", "implement", "ml", "terse", "short-hard",
  "Ring attention across devices is a novel distributed implementation.",
  "ring attention in JAX for 1M token context on a v5p pod slice")

R("opus", "debug", "ml", "terse", "short-hard",
  "Allocator fragmentation after long runs needs analysis of memory behaviour without a lead.",
  "CUDA OOM after ~20h of training, memory climbs slowly, no leak in our code. fragmentation?")

R("opus", "design", "security", "terse", "short-hard",
  "Column-level encryption with key rotation and joinability is a security design with subtle failure modes.",
  "PII column encryption in snowflake with key rotation, analysts still need joins on email")

R("opus", "debug", "databases", "terse", "short-hard",
  "Silent replica drift with no errors needs a theory across replication, statements and config.",
  "mysql replica data drifting, pt-table-checksum shows diffs, no replication errors")

R("opus", "plan", "databases", "terse", "short-hard",
  "Online schema change on a huge FK-heavy table is high-stakes migration planning.",
  "online schema change on a 2TB mysql table with 6 foreign keys pointing at it")

R("opus", "debug", "ml", "terse", "short-hard",
  "Leakage through target encoding in CV needs careful reasoning about the pipeline.",
  "target encoding leaks in my CV even with KFold inside. fix properly")

# ------------------------------------------------------------------ plain words, hard work

R("opus", "debug", "data", "plain", "easy-words-hard",
  "Environment-dependent wrong results with no lead need investigation across locale, timezone, versions and data.",
  "the report is right on my laptop but wrong on the server. same code, same data, I checked. what could it be")

R("opus", "debug", "data", "plain", "easy-words-hard",
  "A rare unreproducible wrong result needs a theory across components (races, caching, data).",
  "some customers get the wrong discount, maybe 1 in 10,000 orders, and we can't reproduce it")

R("opus", "debug", "data", "plain", "easy-words-hard",
  "Gradual performance degradation over months needs analysis, not a known fix.",
  "our nightly job takes a bit longer every week. it was 40 minutes in january, now it's 3 hours. nothing big changed")

R("opus", "debug", "ml", "plain", "easy-words-hard",
  "A model getting worse with more data needs reasoning about distribution shift, labels and leakage.",
  "the model got worse after we retrained it on more data. more data should help, right? we don't know what happened")

R("opus", "implement", "data", "plain", "easy-words-hard",
  "Retrying a non-idempotent payment capture risks double charges; needs idempotency design.",
  """add retries to this, it fails sometimes when the provider times out:

def capture(order):
    resp = psp.post("/captures", json={"payment_id": order.payment_id, "amount": order.total_cents})
    resp.raise_for_status()
    db.execute("update orders set captured_at = now() where id = %s", (order.id,))""")

R("sonnet", "implement", "data", "plain", None,
  "Adding backoff retries to an idempotent read call is routine.",
  """add retries with exponential backoff to this, the pricing API is flaky. it's a GET, safe to repeat:

def get_price(sku, currency):
    resp = requests.get(f"{PRICING_URL}/prices/{sku}", params={"currency": currency}, timeout=5)
    resp.raise_for_status()
    return resp.json()["price"]""")

R("opus", "debug", "data", "plain", "easy-words-hard",
  "Rows missing intermittently at the end of an export suggest buffering, concurrency or truncation; no lead.",
  "sometimes the export file we send to the bank is missing a few rows at the end. not every day. the job says success")

R("opus", "debug", "data", "typos", "easy-words-hard",
  "A count mismatch that varies daily spans ingestion timing, filters and definitions; no lead.",
  "the count in the app and the count in the warehouse never match and its a different gap every day. which one is right??")

R("opus", "plan", "security", "plain", "easy-words-hard",
  "Deleting a person's data everywhere spans many systems, backups and legal requirements.",
  "when a customer asks us to delete their data we need to delete it everywhere. we have postgres, the warehouse, s3, "
  "kafka topics, backups and some ML training sets. where do we start")

R("opus", "plan", "data", "plain", "easy-words-hard",
  "A zero-visible-impact warehouse migration is a large multi-step plan.",
  "we need to move everything from the old warehouse to the new one without anyone noticing. how do we plan that")

R("opus", "debug", "ml", "plain", "easy-words-hard",
  "Stale recommendations despite daily retraining need a theory across features, caching and serving.",
  "the recommendations feel stale even though we retrain every day. users keep seeing the same stuff")

R("opus", "debug", "data", "plain", "easy-words-hard",
  "Doubling after adding a worker is a concurrency bug without a given lead.",
  "after we added a second worker, totals are sometimes doubled. with one worker it was fine")

R("opus", "review", "security", "plain", "easy-words-hard",
  "Making a production copy safe for contractors is a data-security and anonymisation problem.",
  "our test database is a copy of production. how do we make it safe to give to the contractors?")

R("opus", "debug", "ml", "plain", "easy-words-hard",
  "A ranking regression after an upgrade with no config change needs cross-component investigation.",
  "the search results got worse after the upgrade and nobody changed the ranking code")

# ------------------------------------------------------------------ more pairs and everyday work

R("sonnet", "review", "data", "plain", None,
  "A routine review of a small macro refactor.",
  """review this diff please, just a refactor of our date spine macro:

-{% macro date_spine(start, end) %}
-  select dateadd(day, seq4(), '{{ start }}'::date) as d
-  from table(generator(rowcount => 10000))
-  where d < '{{ end }}'::date
-{% endmacro %}
+{% macro date_spine(start, end, grain='day') %}
+  {%- set n = 40000 if grain == 'day' else 2000 -%}
+  select dateadd({{ grain }}, row_number() over (order by seq4()) - 1, '{{ start }}'::date) as d
+  from table(generator(rowcount => {{ n }}))
+  qualify d < '{{ end }}'::date
+{% endmacro %}""")

R("opus", "review", "security", "plain", None,
  "A change to PII hashing before an external export is a security review where subtle mistakes leak data.",
  """review this diff, it changes how we hash customer emails before the nightly export to the ad platform:

-def hash_email(email: str) -> str:
-    return hashlib.sha256((SALT + email.strip().lower()).encode()).hexdigest()
+def hash_email(email: str) -> str:
+    # ad platform requires plain sha256 of normalised email for matching
+    e = email.strip().lower()
+    if e.endswith("@gmail.com"):
+        local = e.split("@")[0].replace(".", "")
+        e = local + "@gmail.com"
+    return hashlib.sha256(e.encode()).hexdigest()

 def export_audience(rows):
-    return [{"id": r.customer_id, "em": hash_email(r.email)} for r in rows if r.consent_ads]
+    return [{"id": r.customer_id, "em": hash_email(r.email), "ph": r.phone} for r in rows]""")

R("haiku", "explain", "data", "plain", None,
  "A short known behaviour of one method.",
  "What does dropDuplicates(['event_id']) do in a Structured Streaming query without a watermark? Does it keep state forever?")

R("opus", "debug", "data", "plain", None,
  "Duplicates slipping through streaming dedupe after restarts involve state, checkpoints and sink semantics.",
  "We use withWatermark + dropDuplicates(['event_id', 'event_time']) in Structured Streaming and still see duplicates in "
  "the Delta table, mostly right after the job restarts from checkpoint. Some duplicates are hours apart. Why?")

R("haiku", "question", "databases", "terse", None,
  "One function.",
  "median of a column in postgres")

R("haiku", "question", "databases", "plain", None,
  "Single ALTER syntax.",
  "syntax to add a foreign key from orders.customer_id to customers.id in postgres?")

R("sonnet", "implement", "databases", "plain", None,
  "Adding an FK on a big table without long locks has known steps (NOT VALID, VALIDATE).",
  "write the migration to add a foreign key from orders.customer_id to customers.id on a 200M row table in postgres 15 "
  "without blocking writes for long. we use plain SQL migrations with flyway")

R("sonnet", "implement", "ml", "plain", None,
  "A textbook algorithm with a clear spec.",
  "implement k-means in numpy with k-means++ init, max_iter and tol, returning labels, centroids and inertia. vectorised, no sklearn")

R("opus", "debug", "ml", "plain", None,
  "Profile-driven performance analysis with a hardware-dependent slowdown needs analysis, not a known fix.",
  """Our feature computation (numba, parallel=True) is 8x slower on the new AMD EPYC boxes than the old Intel ones, same data. perf output from the AMD box below. What's going on?

  Samples: 412K of event 'cycles', Event count (approx.): 398122044182
  Overhead  Command  Shared Object        Symbol
    41.22%  python   [kernel.kallsyms]    [k] native_queued_spin_lock_slowpath
    18.90%  python   libgomp.so.1.0.0     [.] gomp_barrier_wait_end
    11.07%  python   libgomp.so.1.0.0     [.] gomp_team_barrier_wait_end
     9.81%  python   <jitted>             [.] compute_rolling_feats$1
     4.12%  python   [kernel.kallsyms]    [k] clear_page_erms
     2.40%  python   libc.so.6            [.] __memmove_avx_unaligned_erms
  nproc: 192, numba threads: default, NUMA nodes: 8""")

R("opus", "review", "data", "plain", None,
  "Reviewing a Redis-based lock for job dedupe is a distributed-concurrency review.",
  """we use this to make sure only one worker processes a file. review it, we're seeing rare double processing:

def try_lock(r, key, ttl=60):
    if r.setnx(key, os.getpid()):
        r.expire(key, ttl)
        return True
    return False

def process(file):
    if not try_lock(r, f"lock:{file}"):
        return
    try:
        load(file)          # 10s to 5min
        mark_done(file)
    finally:
        r.delete(f"lock:{file}")""")

R("opus", "explain", "databases", "plain", None,
  "Proving query equivalence including NULL and duplicate semantics is formal reasoning.",
  """Are these two equivalent for all data, including NULLs and duplicate rows? Prove it or give a counterexample, I want to replace A with B.

-- A
SELECT c.id FROM customers c
WHERE c.id NOT IN (SELECT o.customer_id FROM orders o WHERE o.status = 'open');

-- B
SELECT c.id FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id AND o.status = 'open'
WHERE o.customer_id IS NULL;""")

R("opus", "design", "ml", "plain", None,
  "Point-in-time-correct feature backfills are a design problem where subtle leakage is costly.",
  "Design a backfill framework for our ML features that guarantees point-in-time correctness (no feature uses data from "
  "after the label timestamp), handles late-arriving source rows, and can recompute 2 years of history for a new feature in a day.")

R("opus", "debug", "data", "plain", None,
  "A race between threads writing SQLite needs concurrency analysis.",
  """This sometimes gives 'database is locked' and sometimes silently loses rows. Why, and what's the right design?

conn = sqlite3.connect("cache.db", check_same_thread=False)

def save(batch):
    cur = conn.cursor()
    cur.executemany("insert or replace into feats values (?, ?, ?)", batch)
    conn.commit()

with ThreadPoolExecutor(16) as ex:
    for batch in chunks(rows, 1000):
        ex.submit(save, batch)""")

R("opus", "design", "data", "plain", None,
  "Data residency across regions with compliance constraints is architecture with high stakes.",
  "EU customers now require their data to stay in the EU, US ones don't care. We're on BigQuery + GCS in us-central1 with "
  "one dbt project. Design how we split storage, processing and BI so EU data never leaves, without maintaining two "
  "copies of every model.")

R("opus", "design", "ml", "verbose", None,
  "Real-time scoring under a tight latency budget with feature freshness trade-offs is system design.",
  "We're building real-time fraud scoring for card payments: events come through Kafka, we need ~40 features including "
  "velocity counts over 1m/1h/24h, and the whole decision must be under 50ms p99. Propose an architecture (feature "
  "computation, storage, model serving, fallbacks) and tell me where it'll break first.")

R("opus", "debug", "databases", "plain", None,
  "WAL growth that fills the disk unpredictably needs a theory across slots, archiving and replicas.",
  "Our Postgres primary's pg_wal grows to 500GB every couple of weeks and fills the disk, then goes back down on its own. "
  "archive_command looks fine, we have two physical replicas and one logical slot for Debezium.")

R("opus", "plan", "data", "plain", None,
  "A warehouse platform migration across hundreds of tables and models is a large multi-step plan.",
  "Plan a migration from Redshift to Snowflake: ~900 tables, 300 dbt models, Looker on top, ~40 Airflow DAGs doing "
  "UNLOAD/COPY. We want to run both in parallel for a month and compare. What's the order of operations?")

R("opus", "review", "security", "plain", None,
  "Threat-modelling a shared notebook environment with prod credentials is a security review.",
  "Threat-model our JupyterHub: 40 data scientists, each gets a pod with read-only prod DB credentials in env vars, "
  "shared home directory on NFS, pip install allowed from the internet. What are the real risks and what do we fix first?")

R("opus", "design", "ml", "plain", None,
  "Sharding and indexing a large vector table with trade-offs is design work.",
  "Our pgvector table is at 2TB (120M rows, 1536 dims) and HNSW builds take 2 days. How would you shard or restructure it? "
  "Options: citus, partition by tenant, halfvec/quantization, moving to a dedicated vector DB.")

R("opus", "design", "ml", "plain", None,
  "A regulated model governance workflow with approval and auditability is high-stakes design.",
  "We build credit risk models and the regulator wants full traceability. Design the model registry + approval workflow: "
  "what's recorded per version, who signs off, how we prove the deployed model is the approved one, and how rollbacks work.")

R("opus", "debug", "data", "plain", None,
  "Exactly-once within Kafka does not extend to external side effects; needs distributed reasoning.",
  "Our Kafka Streams app has processing.guarantee=exactly_once_v2 but the downstream REST API still gets some requests "
  "twice, mostly during rebalances. We call the API from inside a mapValues. Isn't EOS supposed to prevent that?")

R("sonnet", "implement", "data", "plain", None,
  "A validation suite from a clear list of expectations.",
  "write a Great Expectations (v1 API) suite for our orders parquet: row count between 10k and 2M, order_id unique, "
  "amount between 0 and 50000, currency in EUR/USD/GBP, created_at not in the future. run it from a python script")

R("sonnet", "ops", "tooling", "plain", None,
  "A dev environment Dockerfile with known components.",
  "Dockerfile for a dev image with JupyterLab, PySpark 3.5 (local mode), Java 17, delta-spark, and our requirements.txt, "
  "running as non-root, with a volume for notebooks")

R("sonnet", "ops", "tooling", "plain", None,
  "Linting setup with known tools is routine configuration.",
  "set up pre-commit with sqlfluff for our dbt project: snowflake dialect, jinja templater with dbt, lint only changed "
  "files, and a .sqlfluff that allows our trailing commas style")

R("sonnet", "implement", "data", "plain", None,
  "A cross-warehouse copy with known steps.",
  "script to export a BigQuery table to GCS as sharded parquet and load it into Snowflake through an external stage, "
  "including the storage integration DDL. one-off but we'll reuse it for ~20 tables")

R("sonnet", "ops", "data", "plain", None,
  "A connector config with known options.",
  "Kafka Connect S3 sink config for topic orders: parquet, hourly time-based partitions on the record's created_at field, "
  "Avro from Schema Registry, flush every 10k records or 10 minutes")

R("sonnet", "debug", "databases", "plain", None,
  "The error names the bad value; the fix is a known file format option.",
  """COPY INTO keeps failing on the vendor file:

Numeric value 'N/A' is not recognized
  File 'vendor/2024-06-03/stock.csv.gz', line 8812, character 44
  Row 8811, column "STOCK_RAW"["QTY_ON_HAND":5]

COPY INTO raw.vendor.stock FROM @raw.vendor.landing/2024-06-03/
FILE_FORMAT = (TYPE = CSV SKIP_HEADER = 1 FIELD_OPTIONALLY_ENCLOSED_BY = '"');""")

R("sonnet", "implement", "data", "plain", None,
  "A compaction script with pyarrow from a clear spec.",
  "pyarrow script to rewrite a partitioned parquet dataset (hive style, by event_date) so each partition has files of "
  "~256MB instead of thousands of 2MB files, atomically per partition")

R("sonnet", "implement", "ml", "plain", None,
  "A cache layer with TTL in front of an embedding call is routine integration.",
  "add a redis cache in front of our embed(texts) function: key = sha1 of model name + text, TTL 30 days, batch the "
  "MGET/pipeline, only call the API for misses and keep the original order")

R("sonnet", "explain", "data", "plain", None,
  "Explaining a custom operator of several dozen lines is non-trivial explanation.",
  """what does this operator do, step by step? and what happens on retry?

class SnowflakeToS3PartitionedOperator(BaseOperator):
    template_fields = ("sql", "s3_prefix")

    def __init__(self, sql, s3_prefix, partition_col, conn_id="snowflake_default", **kw):
        super().__init__(**kw)
        self.sql, self.s3_prefix, self.partition_col, self.conn_id = sql, s3_prefix, partition_col, conn_id

    def execute(self, context):
        hook = SnowflakeHook(snowflake_conn_id=self.conn_id)
        parts = hook.get_records(f"select distinct {self.partition_col} from ({self.sql})")
        written = []
        for (p,) in parts:
            key = f"{self.s3_prefix}/{self.partition_col}={p}/"
            hook.run(f\"\"\"
                copy into 's3://{key}' from (select * from ({self.sql}) where {self.partition_col} = '{p}')
                storage_integration = s3_int file_format = (type = parquet) header = true overwrite = true
            \"\"\")
            written.append(key)
        context["ti"].xcom_push(key="partitions", value=written)
        if not written:
            raise AirflowSkipException("nothing to export")
        return len(written)""")

R("sonnet", "test", "data", "plain", None,
  "Unit-testing an existing message handler with mocks is routine.",
  "write unit tests for our Kafka message handler handle(msg) which parses JSON, validates with pydantic, writes to "
  "postgres and returns an ack. mock the db, cover bad JSON, schema errors, db errors and the happy path. pytest")

R("sonnet", "refactor", "data", "plain", None,
  "Moving string-concatenated SQL to templates is a contained refactor.",
  "we build about 30 SQL queries with python string concatenation in reports/. refactor to jinja2 templates in a "
  "sql/ folder with a small render helper, and keep values as bind params not template variables")

R("sonnet", "implement", "data", "plain", None,
  "A multi-step SQL model with a clear definition.",
  "dbt model for MRR movements from monthly subscription snapshots (customer_id, month, mrr): classify each customer-month "
  "as new, expansion, contraction, churn or reactivation and output the movement amounts. Snowflake")

R("sonnet", "implement", "data", "plain", None,
  "Adding logging and timing around steps is routine.",
  "add structured logging (json) and per-step timing to our ETL script, and log row counts in and out of each step. "
  "it's about 8 functions called from main(), I'll paste it after")

R("sonnet", "implement", "ml", "plain", None,
  "A metric function with binning edge cases from a clear spec.",
  "function to compute PSI between a reference and a current sample for a numeric feature: quantile bins from the "
  "reference, handle empty bins with a small epsilon, return psi and the per-bin table")

R("sonnet", "ops", "data", "plain", None,
  "A local stack in compose with known components.",
  "docker-compose for local CDC testing: postgres 16 with wal_level=logical, kafka (kraft, no zookeeper), kafka connect "
  "with the debezium postgres connector registered on startup, and kafka-ui")

R("sonnet", "debug", "data", "plain", None,
  "The trace shows a driver OOM at collect(); identifiable cause with known fixes.",
  """driver dies:

Py4JJavaError: An error occurred while calling o412.collectToPython.
: java.lang.OutOfMemoryError: Java heap space
	at java.base/java.util.Arrays.copyOf(Arrays.java:3537)
	at org.apache.spark.sql.execution.SparkPlan.executeCollect(SparkPlan.scala:448)

pdf = spark.table("events").where("event_date >= '2024-01-01'").toPandas()
pdf.groupby("user_id")["amount"].sum().to_csv("out.csv")""")

R("sonnet", "ops", "tooling", "plain", None,
  "CI config for tests and notebooks is routine.",
  "GitHub Actions: run pytest and execute every notebook in notebooks/ with nbmake on PRs, python 3.11, cache pip, "
  "skip notebooks tagged 'slow' unless the PR has the label run-slow")

R("sonnet", "implement", "ml", "plain", None,
  "A small app with filters from a clear spec.",
  "streamlit app to browse our model's predictions from a parquet file: filter by label, pred, score range, show the "
  "confusion matrix for the filtered set and let me click a row to see the full text")

R("sonnet", "refactor", "data", "plain", None,
  "Porting a short SAS step to pandas is careful but routine.",
  """convert this SAS to pandas, we're retiring SAS:

data work.claims_flagged;
  set raw.claims;
  where claim_date >= '01JAN2023'd;
  length risk $8;
  if amount > 10000 and days_to_report > 30 then risk = 'HIGH';
  else if amount > 2000 then risk = 'MEDIUM';
  else risk = 'LOW';
  by policy_id;
  retain n_claims;
  if first.policy_id then n_claims = 0;
  n_claims + 1;
run;

proc sort data=work.claims_flagged; by descending amount; run;""")

R("sonnet", "implement", "databases", "plain", None,
  "A SQL function with country rules from a clear spec.",
  "BigQuery SQL UDF to normalise phone numbers to E.164 for DE, FR and UK numbers (leading 0, 00 prefix, spaces, "
  "dashes), returning NULL if it can't. plus a few test selects")

R("sonnet", "debug", "data", "plain", None,
  "The error states the XCom size limit; the fix is a known pattern.",
  """task fails at the end after doing all the work:

ERROR - Task failed with exception
sqlalchemy.exc.DataError: (psycopg2.errors.ProgramLimitExceeded) index row requires 8216 bytes, maximum size is 8191
[SQL: INSERT INTO xcom (dag_run_id, task_id, map_index, key, dag_id, run_id, value, timestamp) VALUES ...]

@task
def extract():
    df = pd.read_sql("select * from big_table", engine)
    return df.to_dict("records")""")

R("sonnet", "refactor", "data", "plain", None,
  "Adding type hints and fixing mypy errors across a package is routine multi-file work.",
  "add type hints to our data package (about 15 modules of pandas helpers), set up mypy with pandas-stubs in "
  "pyproject, and fix what it complains about. start with io.py, I'll paste it")

R("sonnet", "implement", "databases", "plain", None,
  "A catalog query over access history with a clear rule.",
  "Snowflake: query that lists tables in ANALYTICS not read by anyone in the last 90 days (ACCESS_HISTORY), with "
  "their size and owner, so we can propose dropping them")

R("sonnet", "ops", "infrastructure", "plain", None,
  "Terraform for a dataset with authorized views and IAM is routine infrastructure.",
  "terraform for a BigQuery dataset `reporting` with two authorized views over `analytics.orders`, and IAM so the "
  "analysts group can query the views but not the underlying table")

R("sonnet", "explain", "data", "plain", None,
  "Reading a Spark physical plan of a few dozen lines is non-trivial explanation.",
  """can you explain this physical plan? why is there an Exchange before the SortMergeJoin when both tables are bucketed by user_id?

== Physical Plan ==
AdaptiveSparkPlan isFinalPlan=false
+- Project [user_id#12L, event_name#14, plan#33]
   +- SortMergeJoin [user_id#12L], [user_id#30L], Inner
      :- Sort [user_id#12L ASC NULLS FIRST], false, 0
      :  +- Exchange hashpartitioning(user_id#12L, 200), ENSURE_REQUIREMENTS, [plan_id=411]
      :     +- Filter isnotnull(user_id#12L)
      :        +- FileScan parquet events[user_id#12L,event_name#14] Bucketed: false (disabled by query planner), DataFilters: [isnotnull(user_id#12L)], Format: Parquet, PushedFilters: [IsNotNull(user_id)], ReadSchema: struct<user_id:bigint,event_name:string>
      +- Sort [user_id#30L ASC NULLS FIRST], false, 0
         +- Exchange hashpartitioning(user_id#30L, 200), ENSURE_REQUIREMENTS, [plan_id=415]
            +- Filter isnotnull(user_id#30L)
               +- FileScan parquet users[user_id#30L,plan#33] Bucketed: false (disabled by query planner), DataFilters: [isnotnull(user_id#30L)], Format: Parquet, PushedFilters: [IsNotNull(user_id)], ReadSchema: struct<user_id:bigint,plan:string>

events bucketed into 64 buckets, users into 128.""")

R("sonnet", "debug", "ml", "plain", None,
  "The error names unknown categories at inference; identifiable cause with a known fix.",
  """works in training, fails in the batch scoring job:

ValueError: Found unknown categories ['ZA', 'NG'] in column 2 during transform

pre = ColumnTransformer([("cat", OneHotEncoder(), ["channel", "device", "country"]),
                         ("num", StandardScaler(), num_cols)])""")

R("sonnet", "implement", "data", "plain", None,
  "An idempotent daily job with delete+insert in a transaction is routine.",
  "script that computes daily active users per platform from segment.tracks for a given date and writes to postgres "
  "metrics.dau, idempotent per day (delete+insert in one transaction), runnable for a date range for backfills")

R("sonnet", "ops", "tooling", "plain", None,
  "A Makefile for common project tasks is routine.",
  "Makefile for our data repo: setup (uv venv + install), lint (ruff + sqlfluff), test (pytest), dbt-build (target from "
  "an env var, default dev), docs (dbt docs generate + serve)")

R("sonnet", "implement", "databases", "plain", None,
  "A funnel query with time constraints across steps is multi-step SQL with a clear spec.",
  "Snowflake funnel query: view_product -> add_to_cart -> begin_checkout -> purchase, each step within 7 days of the "
  "previous one and in order, per week of first view. Output counts and step conversion rates")

R("sonnet", "review", "data", "plain", None,
  "A routine review of a new model PR.",
  """quick review of this new model before I merge? mostly style + anything dumb

-- models/marts/fct_refunds.sql
{{ config(materialized='table') }}
select
    r.id as refund_id,
    r.charge_id,
    c.customer_id,
    r.amount / 100 as amount,
    r.created as created_at,
    r.reason,
    case when r.status = 'succeeded' then true else false end as is_successful
from {{ source('stripe', 'refunds') }} r
left join {{ ref('stg_stripe__charges') }} c on c.charge_id = r.charge_id
where r.created >= '2020-01-01'""")

R("sonnet", "implement", "ml", "plain", None,
  "Near-duplicate detection with a known library is integration work.",
  "dedupe 2M support tickets by near-duplicate text using MinHash LSH (datasketch), threshold 0.8 Jaccard on word "
  "5-shingles, output cluster ids. must fit in 16GB RAM")

R("sonnet", "debug", "ml", "plain", None,
  "The trace and pipeline order identify the NaN source; routine fix.",
  """still getting this even though I impute:

ValueError: Input X contains NaN.
LogisticRegression does not accept missing values encoded as NaN natively.

X["ratio"] = X["spend"] / X["visits"]
pipe = Pipeline([("imp", SimpleImputer(strategy="median")), ("clf", LogisticRegression())])
pipe.fit(X_train, y_train)
X_test["ratio"] = X_test["spend"] / X_test["visits"]
pipe.predict(X_test)""")

R("sonnet", "refactor", "databases", "plain", None,
  "Swapping a deprecated client path for the storage API is routine integration.",
  "we still use pandas.read_gbq everywhere (deprecated). move our loader module to google-cloud-bigquery with the "
  "BigQuery Storage read API and to_dataframe(create_bqstorage_client=True), keep the same function signatures")

R("sonnet", "implement", "ml", "plain", None,
  "A small CLI with S3 upload and metadata from a clear spec.",
  "small CLI (typer) that uploads a trained model dir to s3://models/<name>/<version>/, refuses to overwrite an existing "
  "version, and writes a metadata.json with git sha, metrics from metrics.json and the training data snapshot id")

R("sonnet", "implement", "data", "non-native", None,
  "Combining many Excel files from a folder is routine scripting.",
  "please help to make function which is reading many excel files from our sharepoint folder (synced in onedrive on my "
  "pc) and combine in one table. every file have sheet 'Data' but sometimes columns are in different order. also add "
  "the file name as column")

R("sonnet", "debug", "databases", "non-native", None,
  "A key-pair auth error with code shown; an identifiable configuration cause.",
  """I have error when I connect to snowflake from python with key-pair authentication. The public key is set on the user already (I checked with DESC USER). My code:

with open("rsa_key.p8", "rb") as f:
    pkey = serialization.load_pem_private_key(f.read(), password=None)
conn = snowflake.connector.connect(user="SVC_LOADER", account="xy12345.eu-central-1", private_key=pkey, warehouse="LOAD_WH")

snowflake.connector.errors.DatabaseError: 250001 (08001): Failed to connect to DB: xy12345.eu-central-1.snowflakecomputing.com:443. JWT token is invalid.""")

R("sonnet", "test", "databases", "plain", None,
  "A test fixture using a known library is routine.",
  "pytest fixture that starts postgres 16 with testcontainers once per session, applies our alembic migrations, and "
  "gives each test a connection inside a transaction that's rolled back at the end")

R("sonnet", "implement", "databases", "plain", None,
  "A date dimension with fiscal rules from a clear spec.",
  "SQL to build a date dimension 2010-01-01 to 2040-12-31 in Postgres with day of week, ISO week, month, quarter, "
  "fiscal year/quarter (fiscal year starts 1 April), is_weekend and a German public holiday flag from a holidays table")

R("opus", "design", "data", "non-native", None,
  "Choosing partitioning and clustering for a large table under mixed query patterns needs analysis and trade-offs.",
  "we have table of 40TB in BigQuery with events, and query patterns are very different: some by user, some by date, "
  "some by campaign. partition and cluster how? also the cost is exploding, 200k per month. please propose design and "
  "explain why, our team is not so expert")

R("haiku", "question", "ml", "non-native", None,
  "Short known answer about a common setting.",
  "what is the meaning of random_state parameter in sklearn? if I not set it, the result is different each time?")

R("sonnet", "debug", "data", "non-native", None,
  "A timezone offset bug with clear symptoms is an identifiable cause.",
  "my airflow DAG is scheduled at 0 6 * * * but it run at 8 in the morning in Berlin time, and in winter it run at 7. "
  "I want it at 6 Berlin always. how to fix, we are on airflow 2.7")

R("opus", "debug", "databases", "non-native", None,
  "Intermittent wrong reads under replication need a theory about lag and routing.",
  "sometimes after user save the profile, the page show old data for few seconds, but not always. we use mysql with "
  "one primary and two read replica and proxysql. how to fix properly without sending everything to primary?")

R("haiku", "explain", "data", "non-native", None,
  "Explaining a common error message.",
  "what mean this error in pandas: 'ValueError: cannot reindex on an axis with duplicate labels'? I only do df.reindex(new_index)")
# ------------------------------------------------------------------ a few more

R("opus", "debug", "databases", "terse", "short-hard",
  "Serialization-failure storms under SSI need concurrency analysis and possibly a redesign.",
  "SERIALIZABLE retries (40001) eating our ledger throughput at peak. tune or redesign?")

R("opus", "design", "security", "terse", "short-hard",
  "Choosing a privacy mechanism and budget for public releases is subtle, high-stakes reasoning.",
  "differentially private counts for our public stats page. mechanism + epsilon budget across daily releases?")

R("opus", "debug", "data", "plain", "easy-words-hard",
  "Reconciling two totals with no lead spans definitions, timing, FX and pipelines.",
  "the revenue in the board deck doesn't match finance's number by about 4,000 euros and the CFO wants to know why by friday")

R("sonnet", "implement", "databases", "plain", "hard-words-easy",
  "Lamport timestamps sound like distributed theory, but the design is given; adding a column and two write paths is routine.",
  "Our spec already says each write sets lamport_ts = max(local_ts, received_ts) + 1. Just add the column to the "
  "SQLAlchemy model, the alembic migration, and update the two write paths in sync.py to set it. No design changes.")

R("haiku", "explain", "databases", "plain", "hard-words-easy",
  "A consistency-level term with a one-line numeric answer.",
  "Cassandra consistency level QUORUM with replication factor 3, how many replicas need to answer? number plus one line")

R("sonnet", "implement", "ml", "plain", None,
  "A group-aware split helper with a clear spec.",
  "write a function that splits a dataframe into train/val/test 70/15/15 so no customer_id appears in more than one "
  "split (GroupShuffleSplit twice), and prints the label balance of each split")

R("sonnet", "ops", "infrastructure", "plain", None,
  "A scheduled query in Terraform is routine infrastructure config.",
  "terraform for a BigQuery scheduled query that rebuilds reporting.daily_summary every day at 05:00 Europe/Berlin, "
  "runs as a service account, and emails data-alerts@ on failure")

R("sonnet", "ops", "tooling", "plain", None,
  "Migrating dependency management to uv with known steps.",
  "move our project from requirements.txt + requirements-dev.txt to uv with pyproject.toml and uv.lock, keep dev deps "
  "in a separate group, and update the Dockerfile and CI to use uv sync --frozen")

# ------------------------------------------------------------------ writer
def write():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "w12.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for i, row in enumerate(ROWS, 1):
            r = {"id": f"w12-{i:04d}", **row}
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

if __name__ == "__main__":
    write()
