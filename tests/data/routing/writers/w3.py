#!/usr/bin/env python3
"""Writer w3: data engineering / ML / databases prompts for SHIM's routing corpus.
Run: python3 w3.py  -> writes w3.jsonl deterministically."""
import json, os, random

ROWS = []

def add(label, category, domain, voice, lang, trap, rationale, prompt):
    ROWS.append(dict(label=label, category=category, domain=domain, voice=voice,
                     language=lang, trap=trap, rationale=rationale, prompt=prompt.strip("\n")))

# ---------------------------------------------------------------- long material generators

def gen_pg_log(seed, n):
    r = random.Random(seed)
    users = ["app", "etl", "reporting", "airflow", "metabase"]
    msgs_info = [
        "checkpoint starting: time",
        "checkpoint complete: wrote {a} buffers ({b:.1f}%); 0 WAL file(s) added, {c} removed, {d} recycled; write={e:.3f} s, sync={f:.3f} s, total={g:.3f} s",
        "automatic vacuum of table \"prod.public.{t}\": index scans: {c}",
        "automatic analyze of table \"prod.public.{t}\"",
        "duration: {e:.3f} ms  statement: SELECT id, status FROM {t} WHERE id = $1",
        "connection received: host=10.0.{c}.{d} port={a}",
        "connection authorized: user={u} database=prod application_name=psql",
        "disconnection: session time: 0:0{c}:{d:02d}.{a} user={u} database=prod host=10.0.{c}.{d}",
    ]
    msgs_err = [
        "duplicate key value violates unique constraint \"{t}_pkey\"",
        "canceling statement due to statement timeout",
        "relation \"{t}_tmp\" does not exist at character 15",
        "deadlock detected",
        "could not serialize access due to concurrent update",
    ]
    tables = ["orders", "order_items", "customers", "payments", "shipments", "events", "invoices"]
    lines = []
    t = 1700000000
    for i in range(n):
        t += r.randint(0, 4)
        hh, mm, ss = (t // 3600) % 24, (t // 60) % 60, t % 60
        pid = r.randint(1000, 65000)
        lvl = r.choices(["LOG", "ERROR", "WARNING", "STATEMENT"], [80, 8, 6, 6])[0]
        f = dict(a=r.randint(100, 60000), b=r.random() * 10, c=r.randint(0, 9), d=r.randint(1, 59),
                 e=r.random() * 900, f=r.random() * 2, g=r.random() * 300, t=r.choice(tables), u=r.choice(users))
        if lvl == "ERROR":
            m = r.choice(msgs_err).format(**f)
        elif lvl == "WARNING":
            m = "there is no transaction in progress" if r.random() < 0.5 else "nonstandard use of \\\\ in a string literal"
        elif lvl == "STATEMENT":
            m = "INSERT INTO %s (id, created_at) VALUES ($1, now())" % f["t"]
        else:
            m = r.choice(msgs_info).format(**f)
        lines.append(f"2023-11-14 {hh:02d}:{mm:02d}:{ss:02d}.{r.randint(0,999):03d} UTC [{pid}] {f['u']}@prod {lvl}:  {m}")
    return "\n".join(lines)


def gen_training_log(seed, epochs, steps_per_epoch, log_every):
    r = random.Random(seed)
    out = ["[2024-03-02 10:14:07,118][INFO] world_size=8 global_batch=512 lr=3e-4 warmup=2000 amp=bf16",
           "[2024-03-02 10:14:07,120][INFO] model: ViT-B/16 params=86.6M, optimizer=AdamW(betas=(0.9,0.999), wd=0.05)"]
    loss = 6.9
    step = 0
    best = (9e9, -1)
    for ep in range(1, epochs + 1):
        for s in range(steps_per_epoch // log_every):
            step += log_every
            loss = max(0.6, loss * (0.9985 - r.random() * 0.0008) + r.gauss(0, 0.02))
            lr = 3e-4 * min(1.0, step / 2000)
            gn = abs(r.gauss(1.2, 0.4))
            sec = 10 * 3600 + 14 * 60 + step // 3
            out.append(f"[2024-03-02 {sec//3600 % 24:02d}:{sec//60 % 60:02d}:{sec % 60:02d},{r.randint(0,999):03d}][INFO] "
                       f"epoch={ep} step={step} loss={loss:.4f} lr={lr:.2e} grad_norm={gn:.3f} "
                       f"throughput={r.randint(2900, 3150)} img/s mem={r.uniform(61.0, 63.9):.1f}GB")
        vl = loss + 0.15 + r.gauss(0, 0.03) + (0.002 * max(0, ep - 60))
        acc = max(0.0, min(0.99, 1.0 - vl / 4.2 + r.gauss(0, 0.004)))
        if vl < best[0]:
            best = (vl, ep)
        out.append(f"[2024-03-02 --:--:--,000][INFO] === epoch {ep} done: val_loss={vl:.4f} val_top1={acc*100:.2f}% "
                   f"checkpoint=ckpt/epoch_{ep:03d}.pt")
    return "\n".join(out)


def gen_spark_log(seed, n):
    r = random.Random(seed)
    lines = []
    t = 0
    for i in range(n):
        t += r.randint(0, 3)
        ts = f"24/05/17 {(9 + t // 3600) % 24:02d}:{(t // 60) % 60:02d}:{t % 60:02d}"
        kind = r.choices(["task", "shuffle", "gc", "spill", "bm", "stage"], [50, 12, 10, 8, 10, 10])[0]
        st = r.choice([14, 15, 17])
        tid = r.randint(1000, 9999)
        ex = r.randint(1, 40)
        if kind == "task":
            dur = r.randint(800, 9000) if r.random() > 0.03 else r.randint(240000, 910000)
            lines.append(f"{ts} INFO TaskSetManager: Finished task {r.randint(0,1999)}.0 in stage {st}.0 (TID {tid}) in {dur} ms on 10.42.{r.randint(0,7)}.{r.randint(2,250)} (executor {ex}) ({r.randint(1,2000)}/2000)")
        elif kind == "shuffle":
            lines.append(f"{ts} INFO ShuffleBlockFetcherIterator: Getting {r.randint(150,2000)} (1{r.randint(0,999)}.{r.randint(0,9)} MiB) non-empty blocks including {r.randint(0,20)} (12.{r.randint(0,9)} MiB) local and 0 (0.0 B) host-local and {r.randint(100,1990)} remote blocks")
        elif kind == "gc":
            lines.append(f"{ts} WARN Executor: Issue communicating with driver in heartbeater" if r.random() < 0.2 else
                         f"{ts} INFO Executor: GC time {r.randint(50, 30000)} ms for task {tid} (executor {ex})")
        elif kind == "spill":
            lines.append(f"{ts} INFO UnsafeExternalSorter: Thread {r.randint(60,400)} spilling sort data of {r.randint(100,4000)}.0 MiB to disk ({r.randint(1,30)} times so far)")
        elif kind == "bm":
            lines.append(f"{ts} INFO BlockManagerInfo: Added broadcast_{r.randint(1,80)}_piece0 in memory on 10.42.{r.randint(0,7)}.{r.randint(2,250)}:{r.randint(30000,45000)} (size: {r.randint(5,60)}.{r.randint(0,9)} KiB, free: {r.randint(2,9)}.{r.randint(0,9)} GiB)")
        else:
            lines.append(f"{ts} INFO DAGScheduler: Submitting {r.randint(200,2000)} missing tasks from ShuffleMapStage {st} (MapPartitionsRDD[{r.randint(30,99)}] at save at Job.scala:{r.randint(40,300)}) (first 15 tasks are for partitions Vector(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14))")
    return "\n".join(lines)


def gen_etl_module(seed, n_funcs):
    r = random.Random(seed)
    srcs = ["orders", "customers", "invoices", "shipments", "returns", "products", "web_events", "refunds", "stores"]
    cols = ["amount", "quantity", "discount", "tax", "weight_kg", "unit_price", "score", "duration_s"]
    parts = ['"""etl_jobs.py - nightly batch jobs for the warehouse (legacy, do not import from notebooks)."""',
             "import os", "import sys", "import datetime as dt", "import pandas as pd", "import sqlalchemy as sa", "",
             "ENGINE = sa.create_engine(os.environ[\"WAREHOUSE_URL\"])", ""]
    for i in range(n_funcs):
        s = r.choice(srcs); c = r.choice(cols); c2 = r.choice(cols)
        kind = i % 4
        if kind == 0:
            parts.append(f'''def load_{s}_{i}(day):
    print("loading {s} for", day)
    df = pd.read_sql(sa.text("SELECT * FROM raw.{s} WHERE load_date = :d"), ENGINE, params={{"d": day}})
    if df.empty:
        print("WARNING: no rows for {s}", day)
        return df
    df["{c}"] = pd.to_numeric(df["{c}"], errors="coerce").fillna(0)
    print("loaded", len(df), "rows")
    return df
''')
        elif kind == 1:
            parts.append(f'''def clean_{s}_{i}(df):
    before = len(df)
    df = df.drop_duplicates(subset=["id"]).copy()
    df["{c2}"] = df["{c2}"].clip(lower=0)
    df = df[df["{c}"].notna()]
    print(f"clean_{s}: dropped {{before - len(df)}} rows")
    return df
''')
        elif kind == 2:
            parts.append(f'''def aggregate_{s}_{i}(df, by="{r.choice(["store_id", "customer_id", "region", "day"])}"):
    out = df.groupby(by, as_index=False).agg(total_{c}=("{c}", "sum"), n=("id", "count"))
    out["avg_{c}"] = out["total_{c}"] / out["n"].where(out["n"] > 0)
    print("aggregate", by, out.shape)
    return out
''')
        else:
            parts.append(f'''def write_{s}_{i}(df, table="mart_{s}"):
    try:
        df.to_sql(table, ENGINE, schema="mart", if_exists="append", index=False, chunksize={r.choice([500, 1000, 5000])})
        print("wrote", len(df), "rows to", table)
    except Exception as exc:
        print("ERROR writing", table, exc, file=sys.stderr)
        raise
''')
    parts.append('''if __name__ == "__main__":
    day = sys.argv[1] if len(sys.argv) > 1 else str(dt.date.today() - dt.timedelta(days=1))
    print("running etl for", day)
''')
    return "\n".join(parts)


def gen_csv(seed, n):
    r = random.Random(seed)
    out = ["order_id,customer_id,order_ts,country,sku,qty,unit_price,currency,status"]
    for i in range(n):
        ts = f"2024-0{r.randint(1,9)}-{r.randint(1,28):02d} {r.randint(0,23):02d}:{r.randint(0,59):02d}:{r.randint(0,59):02d}"
        if r.random() < 0.04:
            ts = f"{r.randint(1,28):02d}/{r.randint(1,9):02d}/2024"
        price = f"{r.uniform(1, 400):.2f}"
        if r.random() < 0.03:
            price = price.replace(".", ",")
            price = f'"{price}"'
        qty = str(r.randint(1, 12)) if r.random() > 0.02 else ""
        out.append(f"{100000+i},C{r.randint(1000,9999)},{ts},{r.choice(['FR','DE','ES','US','GB','IT','NL'])},"
                   f"SKU-{r.randint(100,999)},{qty},{price},{r.choice(['EUR','EUR','USD','GBP'])},"
                   f"{r.choice(['paid','paid','paid','refunded','pending','cancelled'])}")
    return "\n".join(out)


def gen_slowlog(seed, n):
    r = random.Random(seed)
    qs = ["SELECT * FROM orders WHERE customer_id = {a} ORDER BY created_at DESC LIMIT 50;",
          "SELECT COUNT(*) FROM sessions WHERE last_seen > NOW() - INTERVAL 15 MINUTE;",
          "UPDATE inventory SET qty = qty - {b} WHERE sku = 'SKU-{a}';",
          "SELECT p.*, c.name FROM products p JOIN categories c ON c.id = p.category_id WHERE p.title LIKE '%{w}%';",
          "DELETE FROM cart_items WHERE updated_at < NOW() - INTERVAL 30 DAY LIMIT 1000;"]
    out = ["/usr/sbin/mysqld, Version: 8.0.36 (MySQL Community Server - GPL). started with:",
           "Tcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock", "Time                 Id Command    Argument"]
    for i in range(n):
        q = r.choice(qs).format(a=r.randint(1, 99999), b=r.randint(1, 5), w=r.choice(["shoe", "lamp", "usb", "desk"]))
        out.append(f"# Time: 2024-06-0{r.randint(1,9)}T{r.randint(0,23):02d}:{r.randint(0,59):02d}:{r.randint(0,59):02d}.{r.randint(0,999999):06d}Z")
        out.append(f"# User@Host: shop[shop] @  [10.1.{r.randint(0,9)}.{r.randint(2,250)}]  Id: {r.randint(1000,99999)}")
        out.append(f"# Query_time: {r.uniform(1, 30):.6f}  Lock_time: {r.uniform(0, 0.01):.6f} Rows_sent: {r.randint(0,50)}  Rows_examined: {r.randint(1000, 4000000)}")
        out.append(f"SET timestamp={1717200000 + r.randint(0, 800000)};")
        out.append(q)
    return "\n".join(out)


def gen_dbt_models(seed, n):
    r = random.Random(seed)
    files = []
    for i in range(n):
        name = r.choice(["stg", "int", "fct", "dim"]) + "_" + r.choice(["orders", "payments", "customers", "subscriptions", "sessions", "refunds"]) + f"_{i:02d}"
        extra = r.choice(["amount_cents / 100.0 as amount", "lower(email) as email", "coalesce(country, 'XX') as country", "date_trunc('day', created_at) as created_day"])
        files.append(f"""-- models/{name}.sql
{{{{ config(materialized='{r.choice(['view', 'table', 'incremental'])}') }}}}

with source as (
    select * from {{{{ ref('{r.choice(['stg_orders', 'stg_customers', 'raw_payments', 'stg_sessions'])}') }}}}
),

renamed as (
    select
        id as {name.split('_')[1][:-1]}_id,
        customer_id,
        {extra},
        status,
        created_at,
        updated_at
    from source
    where customer_id is not null
)

select
    r.*,
    c.segment
from renamed r
left join {{{{ ref('dim_customers') }}}} c using (customer_id)
{{% if is_incremental() %}}
where r.updated_at > (select max(updated_at) from {{{{ this }}}})
{{% endif %}}
""")
    return "\n".join(files)


def gen_repl_log(seed, n):
    r = random.Random(seed)
    out = []
    lsn_hi, lsn_lo = 0x3A, 0x10000000
    nodes = ["pg-a", "pg-b", "pg-c"]
    t = 0
    for i in range(n):
        t += r.randint(0, 5)
        lsn_lo += r.randint(1000, 900000)
        ts = f"2024-02-11 {(2 + t // 3600) % 24:02d}:{(t // 60) % 60:02d}:{t % 60:02d}.{r.randint(0,999):03d} UTC"
        node = r.choice(nodes)
        k = r.random()
        if k < 0.45:
            out.append(f"{ts} [{node}] patroni: INFO: no action. I am ({node}), {'the leader with the lock' if node == 'pg-a' else 'a secondary, and following a leader (pg-a)'}")
        elif k < 0.7:
            out.append(f"{ts} [{node}] postgres: LOG:  restartpoint complete: wrote {r.randint(100,9000)} buffers; redo starts at {lsn_hi:X}/{lsn_lo:08X}")
        elif k < 0.85:
            out.append(f"{ts} [{node}] postgres: LOG:  replication lag bytes={r.randint(0, 9000000)} replay_lsn={lsn_hi:X}/{lsn_lo - r.randint(0,80000):08X}")
        elif k < 0.95:
            out.append(f"{ts} [{node}] patroni: WARNING: Request failed to {r.choice(nodes)}: GET http://10.0.0.{r.randint(2,9)}:8008/patroni (HTTPConnectionPool: Read timed out. (read timeout=2))")
        else:
            out.append(f"{ts} [{node}] etcd: WARN: apply request took too long took={r.randint(100,1800)}ms expected-duration=100ms")
    return "\n".join(out)


def gen_redis_info(seed):
    r = random.Random(seed)
    keys = []
    for sec in ["Server", "Clients", "Memory", "Persistence", "Stats", "Replication", "CPU", "Modules", "Errorstats", "Cluster", "Keyspace"]:
        keys.append(f"# {sec}")
        for j in range(r.randint(14, 30)):
            keys.append(f"{sec.lower()}_metric_{j}:{r.randint(0, 10**r.randint(1,9))}")
    cfg = []
    params = ["timeout 0", "tcp-keepalive 300", "databases 16", "save 3600 1 300 100 60 10000", "appendonly yes",
              "appendfsync everysec", "maxmemory 12gb", "maxmemory-policy volatile-lru", "lazyfree-lazy-eviction no",
              "hz 10", "io-threads 4", "repl-backlog-size 256mb", "client-output-buffer-limit replica 512mb 128mb 60"]
    r.shuffle(params)
    for p in params:
        cfg.append(p)
        for j in range(r.randint(8, 20)):
            cfg.append(f"# {r.choice(['Note', 'Example', 'Default'])}: option_{r.randint(0,999)} is {r.choice(['disabled', 'enabled', 'unset'])} here; see redis.conf docs section {r.randint(1,40)}.")
    return "\n".join(keys), "\n".join(cfg)


def gen_notebook(seed, cells):
    r = random.Random(seed)
    nb = {"cells": [], "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}}, "nbformat": 4, "nbformat_minor": 5}
    for i in range(cells):
        src = r.choice([
            ["import numpy as np\n", "import pandas as pd\n", "from sklearn.model_selection import train_test_split\n"],
            ["df = pd.read_parquet('data/churn_2024q1.parquet')\n", "df.shape\n"],
            ["X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)\n"],
            ["from sklearn.ensemble import RandomForestClassifier\n", "clf = RandomForestClassifier(n_estimators=300)\n", "clf.fit(X_train, y_train)\n"],
            ["sample = df.sample(frac=0.1)\n", "sample['tenure_bucket'] = pd.qcut(sample.tenure, 5)\n"],
            ["from sklearn.metrics import roc_auc_score\n", "roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1])\n"],
        ])
        nb["cells"].append({"cell_type": "code", "execution_count": i + 1, "id": f"c{i:03d}{r.randint(1000,9999)}", "metadata": {},
                            "outputs": [{"output_type": "execute_result", "data": {"text/plain": [f"{r.uniform(0.7,0.9):.6f}"]}, "execution_count": i + 1, "metadata": {}}],
                            "source": src})
    return json.dumps(nb, indent=1)


def gen_explain(seed, n_extra):
    r = random.Random(seed)
    head = """                                                                              QUERY PLAN
----------------------------------------------------------------------------------------------------------------------------------------------------------------
 Limit  (cost=1204.77..1204.82 rows=20 width=96) (actual time=48211.532..48211.540 rows=20 loops=1)
   Buffers: shared hit=91822113 read=412887
   ->  Sort  (cost=1204.77..1204.80 rows=13 width=96) (actual time=48211.530..48211.535 rows=20 loops=1)
         Sort Key: o.created_at DESC
         Sort Method: top-N heapsort  Memory: 31kB
         ->  Nested Loop  (cost=1.13..1204.53 rows=13 width=96) (actual time=0.081..48109.776 rows=482113 loops=1)
               Buffers: shared hit=91822113 read=412887
               ->  Index Scan using orders_status_idx on orders o  (cost=0.56..412.10 rows=1 width=64) (actual time=0.041..2210.318 rows=482113 loops=1)
                     Index Cond: (status = 'pending'::text)
                     Filter: (created_at > (now() - '30 days'::interval))
                     Rows Removed by Filter: 1904
               ->  Index Scan using order_items_order_id_idx on order_items i  (cost=0.57..792.41 rows=12 width=32) (actual time=0.088..0.094 rows=1 loops=482113)
                     Index Cond: (order_id = o.id)"""
    extra = []
    for k in range(n_extra):
        extra.append(f"""               SubPlan {k + 1}
                 ->  Index Scan using {r.choice(['payments_order_id_idx', 'shipments_order_id_idx', 'refunds_order_id_idx'])} on {r.choice(['payments', 'shipments', 'refunds'])} x{k}  (cost=0.43..8.45 rows=1 width=8) (actual time=0.00{r.randint(1,9)}..0.0{r.randint(10,99)} rows={r.randint(0,1)} loops=482113)
                       Index Cond: (order_id = o.id)
                       Buffers: shared hit={r.randint(900000, 2000000)}""")
    tail = """ Planning:
   Buffers: shared hit=412
 Planning Time: 3.118 ms
 Execution Time: 48212.004 ms
(%d rows)""" % (14 + 4 * n_extra + 5)
    return head + "\n" + "\n".join(extra) + "\n" + tail


def gen_airflow_log(seed, n):
    r = random.Random(seed)
    dags = ["ingest_salesforce", "ingest_stripe", "build_marts", "export_finance", "ml_features_daily"]
    out = []
    t = 0
    for i in range(n):
        t += r.randint(1, 20)
        ts = f"[2024-09-0{1 + t // 86400} {(t // 3600) % 24:02d}:{(t // 60) % 60:02d}:{t % 60:02d},{r.randint(0,999):03d}]"
        d = r.choice(dags)
        k = r.random()
        if k < 0.35:
            out.append(f"{ts} {{scheduler_job_runner.py:{r.randint(400,900)}}} INFO - Setting the following tasks to queued state:\n\t<TaskInstance: {d}.{r.choice(['extract', 'load', 'transform', 'validate'])} scheduled__2024-09-0{r.randint(1,5)}T00:00:00+00:00 [scheduled]>")
        elif k < 0.6:
            out.append(f"{ts} {{scheduler_job_runner.py:{r.randint(400,900)}}} INFO - Received executor event with state success for task instance TaskInstanceKey(dag_id='{d}', task_id='{r.choice(['extract', 'load', 'transform'])}', run_id='scheduled__2024-09-0{r.randint(1,5)}T00:00:00+00:00', try_number={r.randint(1,3)}, map_index=-1)")
        elif k < 0.75:
            out.append(f"{ts} {{dagbag.py:{r.randint(500,600)}}} INFO - Filling up the DagBag from /opt/airflow/dags/{d}.py")
        elif k < 0.85:
            out.append(f"{ts} {{base_executor.py:{r.randint(200,300)}}} INFO - Executor reports running={r.randint(0,32)} queued={r.randint(0,200)} open_slots={r.randint(0,32)}")
        elif k < 0.93:
            out.append(f"{ts} {{celery_executor.py:{r.randint(200,300)}}} WARNING - Adopted tasks were still pending after {r.randint(600,700)}s, assuming they never made it to celery and sending back to the scheduler.")
        else:
            out.append(f"{ts} {{scheduler_job_runner.py:{r.randint(1500,1700)}}} INFO - Marked {r.randint(1,9)} SchedulerJob instances as failed")
    return "\n".join(out)


def write():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "w3.jsonl"), "w", encoding="utf-8") as f:
        for i, row in enumerate(ROWS, 1):
            out = {"id": f"w3-{i:04d}", "prompt": row["prompt"], "label": row["label"], "rationale": row["rationale"],
                   "category": row["category"], "domain": row["domain"], "voice": row["voice"],
                   "language": row["language"], "trap": row["trap"]}
            f.write(json.dumps(out, ensure_ascii=False) + "\n")

# ================================================================ prompts

# ---------------- batch 1

add("haiku", "question", "ml", "verbose", "en", "long-trivial",
    "Reading one minimum off a long training log is checkable at a glance; length does not raise the tier",
    "Hi! Some context first: I'm a data scientist on the vision team and we just finished a 41-epoch ViT-B/16 run on "
    "our internal product-image dataset (about 1.2M images, 8xA100, bf16). I'm writing up the results for our weekly "
    "sync and my manager wants the single best checkpoint. The log is below in full because our W&B sync was broken "
    "for this run so this is literally all I have. Could you just tell me which epoch had the lowest val_loss and "
    "what the val_top1 was at that epoch? Nothing else needed, thank you!!\n\n```\n"
    + gen_training_log(2, 41, 500, 25) + "\n```")

add("opus", "debug", "data", "plain", "en", None,
    "Performance regression across a Spark upgrade with long-tail tasks needs a theory across skew, GC and shuffle, not a known fix",
    "After we moved our nightly job from Spark 3.3 to 3.5 (EMR 6.10 -> 7.1) the `build_order_facts` job went from ~40 "
    "minutes to a bit over two hours. Same input, same cluster size (40 r6g.4xlarge executors), same code except we "
    "dropped `spark.sql.adaptive.coalescePartitions.enabled=false` because the migration guide said AQE defaults are "
    "better now. Stages 14, 15 and 17 show a handful of tasks that run for 4-15 minutes while the median is a few "
    "seconds. Here's the driver log for the slow window. Figure out what's going on and what we should change; I'd "
    "like an explanation I can defend in the postmortem, not just a list of configs to try.\n\n```\n"
    + gen_spark_log(3, 330) + "\n```")

add("sonnet", "refactor", "data", "terse", "en", None,
    "Rewriting a whole long module to use logging is many careful mechanical steps: sonnet per tie-breaker 5",
    "replace every print() in this module with proper `logging` calls. module-level logger, info for progress, "
    "warning for the WARNING prints, error + exc_info for the except blocks. keep behaviour otherwise identical.\n\n```python\n"
    + gen_etl_module(4, 150) + "\n```")

add("haiku", "question", "databases", "typos", "en", "long-trivial",
    "Counting ERROR lines in a pasted log is a mechanical count, checkable at a glance",
    "how many ERROR lines r in this? and how many of those are deadlock detected. just the numbers pls\n\n"
    + gen_pg_log(1, 180))

add("sonnet", "debug", "databases", "verbose", "en", None,
    "EXPLAIN ANALYZE shows a clear misestimate (rows=1 vs 482k) driving a nested loop: identifiable cause, everyday fix",
    "Background: we have a small internal admin dashboard (Django, Postgres 15 on RDS, db.r6g.xlarge) and one of the "
    "pages lists the most recent pending orders with their items. It used to load in well under a second. Since "
    "sometime last week it takes 45-50 seconds and usually times out behind the load balancer. Nobody changed the "
    "query as far as I can tell from git blame. The table has grown a lot because a batch import created ~480k "
    "'pending' orders that ops haven't processed yet. I ran EXPLAIN (ANALYZE, BUFFERS) and got the plan below, which "
    "is much longer than I expected because of the correlated subqueries the ORM generates. Can you explain what the "
    "planner is doing wrong here and what I should do to fix it (statistics? an index? rewriting the query?)\n\n```\n"
    + gen_explain(11, 40) + "\n```")

add("sonnet", "implement", "data", "non-native", "en", None,
    "Writing a cleaning script for a CSV with known quirks (mixed dates, decimal commas, blanks) is an everyday pandas task",
    "Hello, I have this export from our shop system and I must to clean it before load in the warehouse. The problems "
    "I see: some dates are in format dd/mm/yyyy instead ISO, some prices have comma for decimal and are in quotes, "
    "some qty is empty. Please write me pandas script which read the file, normalise all this, drop the cancelled "
    "orders, compute line_total = qty*unit_price and convert everything to EUR with a dict of rates I will give. "
    "Also it should print how many rows was fixed for each problem. Here is sample of the file:\n\n```\n"
    + gen_csv(5, 230) + "\n```")

add("haiku", "question", "databases", "plain", "en", "long-trivial",
    "Finding the most frequent query shape in a slow log is a lookup/count, checkable at a glance",
    "Which statement shows up most often in this MySQL slow log? Just the query pattern, ignore the literal values.\n\n"
    + gen_slowlog(6, 50))

add("haiku", "edit", "data", "terse", "en", "long-trivial",
    "Renaming one column across pasted dbt models is a mechanical find-and-replace (tie-breaker 3/5)",
    "rename customer_id -> client_id in all of these models, including the `using (customer_id)` joins. output the files back.\n\n"
    + gen_dbt_models(7, 30))

add("opus", "debug", "databases", "verbose", "en", "easy-words-hard",
    "Lost writes after a leader change in a Patroni cluster is a distributed-consistency problem with no clear lead",
    "This is going to be a long one, sorry. We run a three-node Postgres 14 cluster managed by Patroni with etcd as "
    "the DCS (pg-a, pg-b, pg-c, synchronous_mode off, maximum_lag_on_failover at the default 1MB). On Feb 11 around "
    "02:00 UTC there was a failover and afterwards our finance team noticed that a few dozen payments that the API "
    "had returned 201 for simply aren't in the database. The app logs show the inserts committed. We've been "
    "going back and forth for two days about whether this is Patroni, etcd being slow, the network, or our app. "
    "I've pasted the merged logs of the three nodes for the window. What I need: a plausible explanation of how "
    "acknowledged writes can disappear here, what in these logs supports or contradicts it, and what we should "
    "change so it cannot happen again (and what that costs us in latency/availability).\n\n```\n"
    + gen_repl_log(8, 270) + "\n```")

_info, _cfg = gen_redis_info(9)
add("haiku", "question", "databases", "plain", "en", "long-trivial",
    "Finding one setting in a long config paste is a lookup (tie-breaker 5)",
    "What eviction policy is this Redis configured with, and what's maxmemory? Config and INFO output below.\n\n"
    "redis.conf:\n```\n" + _cfg + "\n```\n\nINFO:\n```\n" + _info + "\n```")

add("sonnet", "debug", "ml", "typos", "en", None,
    "Non-reproducible notebook results from unseeded split/sample/model: identifiable cause, several fixes",
    "my churn notebook gives a diffrent AUC every time i restart the kernel and run all, between like 0.78 and 0.86 "
    "which is a huge range. my boss thinks the model is broken. can you look at the notebook json and tell me why "
    "and fix it so its reproducible\n\n```json\n" + gen_notebook(10, 42) + "\n```")

add("opus", "debug", "data", "plain", "en", "easy-words-hard",
    "Intermittent scheduler stall with adopted/orphaned Celery tasks needs a cross-component theory; no clear lead",
    "Our Airflow (2.7, CeleryExecutor, 2 schedulers, Redis broker, Postgres metadata DB) gets stuck every few days: "
    "tasks sit in queued for an hour or more, then suddenly everything runs. Restarting the schedulers fixes it "
    "immediately. We can't reproduce it in staging. Here's the scheduler log from the last incident. Work out what's "
    "most likely happening and what we should change or instrument to confirm it.\n\n```\n"
    + gen_airflow_log(12, 200) + "\n```")

add("haiku", "question", "databases", "terse", "en", None,
    "Single well-known fact about Postgres isolation defaults",
    "default transaction isolation level in postgres?")

add("haiku", "question", "data", "plain", "en", None,
    "One-line pandas syntax question",
    "How do I drop rows where every column is NaN in pandas?")

add("sonnet", "implement", "data", "plain", "en", None,
    "Airflow DAG with a clear spec (sensor, retries, SLA) is everyday multi-step implementation",
    """Write an Airflow 2 DAG that runs daily at 03:00 UTC and:
1. waits for `s3://acme-landing/stripe/{{ ds }}/_SUCCESS` (S3KeySensor, reschedule mode, 2h timeout)
2. runs `dbt run --select tag:stripe` via BashOperator in /opt/dbt
3. then `dbt test --select tag:stripe`
4. on failure of any task, posts to Slack using the `slack_alerts` connection
Retries 2 with 10 minute delay, catchup off, max_active_runs=1. Use the TaskFlow API where it makes sense.""")

add("opus", "design", "databases", "terse", "en", "short-hard",
    "Open schema/partitioning design for multi-tenant time series with trade-offs",
    "multi-tenant event store on postgres, 50k tenants, 2B rows/month, some tenants 1000x bigger than others. partitioning + indexing strategy?")

add("haiku", "explain", "databases", "plain", "en", "hard-words-easy",
    "Explaining a common error message with a well-known meaning",
    "What does `ERROR: could not serialize access due to concurrent update` mean in Postgres? Just the short version.")

add("sonnet", "debug", "ml", "plain", "en", None,
    "CUDA OOM with a clear cause in the trace (eval without no_grad accumulating graph) is everyday debugging",
    """Training runs fine but I get OOM at the first validation pass. Here's the loop and the error.

```python
def evaluate(model, loader, device):
    model.eval()
    losses = []
    for batch in loader:
        x, y = batch["pixel_values"].to(device), batch["labels"].to(device)
        out = model(x)
        loss = F.cross_entropy(out.logits, y)
        losses.append(loss)
    return torch.stack(losses).mean().item()
```

```
Traceback (most recent call last):
  File "train.py", line 211, in <module>
    val_loss = evaluate(model, val_loader, device)
  File "train.py", line 88, in evaluate
    out = model(x)
  File "/opt/conda/lib/python3.10/site-packages/torch/nn/modules/module.py", line 1518, in _wrapped_call_impl
    return self._call_impl(*args, **kwargs)
  File "/opt/conda/lib/python3.10/site-packages/transformers/models/vit/modeling_vit.py", line 279, in forward
    attention_probs = nn.functional.softmax(attention_scores, dim=-1)
torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 1.13 GiB. GPU 0 has a total capacity of 39.39 GiB of which 812.06 MiB is free. Including non-PyTorch memory, this process has 38.58 GiB memory in use. Of the allocated memory 36.91 GiB is allocated by PyTorch, and 1.12 GiB is reserved by PyTorch but unallocated.
```""")

add("haiku", "edit", "databases", "terse", "en", None,
    "Reformatting a single SQL statement is a mechanical edit",
    "format this sql nicely, uppercase keywords:\n\nselect c.id,c.email,count(o.id) as n from customers c left join orders o on o.customer_id=c.id where c.created_at>'2024-01-01' group by c.id,c.email having count(o.id)>3 order by n desc")

add("opus", "review", "databases", "plain", "en", None,
    "Reviewing a zero-downtime migration for lock behaviour and concurrent writes is high-stakes with subtle failure modes",
    """Please review this migration plan before I run it on prod tonight. `events` is 1.8 TB, ~4k inserts/s, Postgres 13.

```sql
-- step 1
ALTER TABLE events ADD COLUMN tenant_id bigint;
-- step 2 (batched from a script, 50k rows per batch)
UPDATE events SET tenant_id = a.tenant_id FROM accounts a WHERE a.id = events.account_id AND events.id BETWEEN $1 AND $2;
-- step 3
ALTER TABLE events ALTER COLUMN tenant_id SET NOT NULL;
-- step 4
CREATE INDEX CONCURRENTLY events_tenant_created_idx ON events (tenant_id, created_at);
-- step 5
ALTER TABLE events ADD CONSTRAINT events_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants(id);
```

New rows are written by the app which I'll deploy to set tenant_id before step 2 starts. What will lock, for how long, what can go wrong, and what should I change?""")

add("haiku", "question", "ml", "terse", "en", None,
    "Short factual question about a PyTorch API",
    "difference between model.eval() and torch.no_grad()?")

add("sonnet", "test", "data", "plain", "en", None,
    "Writing tests for an existing transformation function is everyday sonnet work",
    """Write pytest tests for this function. Cover: empty frame, duplicates, negative amounts, missing currency, and the rounding.

```python
def normalise_payments(df: pd.DataFrame, fx: dict[str, float]) -> pd.DataFrame:
    df = df.drop_duplicates(subset=["payment_id"], keep="last").copy()
    df = df[df["amount"] >= 0]
    df["currency"] = df["currency"].fillna("EUR").str.upper()
    unknown = set(df["currency"]) - set(fx)
    if unknown:
        raise ValueError(f"unknown currencies: {sorted(unknown)}")
    df["amount_eur"] = (df["amount"] * df["currency"].map(fx)).round(2)
    return df.reset_index(drop=True)
```""")

add("sonnet", "explain", "databases", "verbose", "en", None,
    "Explaining a medium query plan and why the planner chose it is non-trivial explanation",
    """I'm a data analyst, not a DBA, so sorry if this is basic. I've been trying to understand query plans better and I got this from one of our reporting queries. I understand Seq Scan means it reads the whole table, but I don't understand why there's a Hash Join and then a HashAggregate, what "Batches: 5" and "Disk Usage" mean, and why the estimated rows are so different from the actual rows in the join. Could you walk me through it line by line?

```
HashAggregate  (cost=289331.12..291876.44 rows=25453 width=44) (actual time=5120.771..5433.112 rows=198211 loops=1)
  Group Key: c.region, date_trunc('month'::text, o.created_at)
  Batches: 5  Memory Usage: 8241kB  Disk Usage: 47216kB
  ->  Hash Join  (cost=31220.00..262011.19 rows=3642657 width=36) (actual time=402.118..3311.904 rows=3609112 loops=1)
        Hash Cond: (o.customer_id = c.id)
        ->  Seq Scan on orders o  (cost=0.00..180411.57 rows=3642657 width=24) (actual time=0.019..812.554 rows=3642601 loops=1)
              Filter: (created_at >= '2023-01-01 00:00:00+00'::timestamp with time zone)
              Rows Removed by Filter: 1203399
        ->  Hash  (cost=18720.00..18720.00 rows=1000000 width=20) (actual time=399.870..399.871 rows=1000000 loops=1)
              Buckets: 1048576  Batches: 1  Memory Usage: 58983kB
              ->  Seq Scan on customers c  (cost=0.00..18720.00 rows=1000000 width=20) (actual time=0.011..142.330 rows=1000000 loops=1)
Planning Time: 0.402 ms
Execution Time: 5471.338 ms
```""")

add("haiku", "question", "databases", "typos", "en", None,
    "A one-line shell/SQL command to see Postgres table sizes",
    "whats the query to list the biggest tables in postgres with there size, pretty printed")

add("opus", "design", "ml", "verbose", "en", None,
    "Choosing an evaluation and rollout design for an LLM feature with trade-offs is open design",
    """We're a small team (4 engineers, 1 data scientist) that shipped a RAG-based support assistant three months ago. It uses our help-center articles plus resolved tickets, embedded with text-embedding-3-small into pgvector, top-8 retrieval, and GPT-4o for generation. The problem is we have no idea whether changes make it better or worse: last month someone changed the chunking from 512 to 1024 tokens and CSAT dropped, but we're not even sure that was the cause. Management wants us to switch models and try a reranker, and I'm worried we'll be flying blind again.

I'd like a proposal for an evaluation setup we can realistically run: how to build an eval set from what we have (we have ~40k tickets with agent resolutions and thumbs up/down on ~6k assistant answers), which metrics for retrieval vs generation, whether LLM-as-judge is trustworthy enough and how to calibrate it, how to gate releases on it, and how to do online testing without hurting customers. Please include the trade-offs and what you'd skip given our size.""")

add("haiku", "docs", "data", "plain", "en", None,
    "Short commit message for a described change",
    "Commit message for: switched the orders loader from pd.read_csv to pyarrow.csv with explicit schema, cut load time from 4 min to 40s.")

add("sonnet", "debug", "data", "verbose", "en", None,
    "Pandas SettingWithCopy / chained assignment bug with traceback is identifiable everyday debugging",
    """I'm cleaning survey data for a research project (I'm a PhD student in sociology, so my Python is self-taught). I get this warning and then later a KeyError, and the column I created is just not there in the final dataframe, which is very confusing because I definitely assigned it. Relevant code and output:

```python
resp = raw[raw["consent"] == "yes"]
resp["age_group"] = pd.cut(resp["age"], bins=[17, 24, 34, 44, 54, 64, 120],
                           labels=["18-24", "25-34", "35-44", "45-54", "55-64", "65+"])
resp.dropna(subset=["age"], inplace=True)
final = raw.merge(weights, on="region")
final.groupby("age_group")["score"].mean()
```

```
/home/lena/thesis/clean.py:41: SettingWithCopyWarning:
A value is trying to be set on a copy of a slice from a DataFrame.
Try using .loc[row_indexer,col_indexer] = value instead

See the caveats in the documentation: https://pandas.pydata.org/pandas-docs/stable/user_guide/indexing.html#returning-a-view-versus-a-copy
  resp["age_group"] = pd.cut(resp["age"], bins=[17, 24, 34, 44, 54, 64, 120],
Traceback (most recent call last):
  File "/home/lena/thesis/clean.py", line 45, in <module>
    final.groupby("age_group")["score"].mean()
  File "/home/lena/.venv/lib/python3.11/site-packages/pandas/core/frame.py", line 8869, in groupby
    return DataFrameGroupBy(
  File "/home/lena/.venv/lib/python3.11/site-packages/pandas/core/groupby/groupby.py", line 1278, in __init__
    grouper, exclusions, obj = get_grouper(
  File "/home/lena/.venv/lib/python3.11/site-packages/pandas/core/groupby/grouper.py", line 1009, in get_grouper
    raise KeyError(gpr)
KeyError: 'age_group'
```

What am I doing wrong, and could you also explain the warning so I understand it for next time?""")

add("opus", "debug", "ml", "plain", "en", None,
    "Divergence only in multi-node DDP with no error needs a theory across data sharding, sync and numerics",
    """Our fine-tuning job converges fine on 1 node x 8 GPUs but when we go to 4 nodes x 8 GPUs (same global batch, lr scaled accordingly) validation accuracy plateaus ~6 points lower and the training loss curve looks smoother than it should. No errors, no NaNs. We use DDP with a custom IterableDataset that reads webdataset shards from S3, torch 2.2, NCCL. We tried same lr without scaling and it's the same. What could cause this and how do we narrow it down?""")

add("haiku", "explain", "ml", "plain", "en", None,
    "Explaining what a short snippet does in a sentence",
    """What does this line do?

```python
torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
```""")

add("sonnet", "implement", "databases", "plain", "en", None,
    "Implementing a keyset pagination query + endpoint with a clear spec",
    """Our `/api/orders` endpoint uses OFFSET pagination and it's getting slow past page 500. Convert it to keyset pagination on (created_at DESC, id DESC) with an opaque cursor (base64 JSON). Flask + psycopg 3. Current code:

```python
@app.get("/api/orders")
def list_orders():
    page = int(request.args.get("page", 1))
    size = min(int(request.args.get("size", 50)), 200)
    with pool.connection() as conn:
        rows = conn.execute(
            "SELECT id, customer_id, total, status, created_at FROM orders "
            "WHERE customer_id = %s ORDER BY created_at DESC LIMIT %s OFFSET %s",
            (g.customer_id, size, (page - 1) * size),
        ).fetchall()
    return jsonify([dict(r) for r in rows])
```
Also tell me which index I need.""")

add("haiku", "question", "databases", "other-language", "es", None,
    "Pregunta factual corta: comando Redis para TTL; one-liner",
    "¿Cómo veo cuánto tiempo le queda a una clave en Redis antes de expirar?")

add("sonnet", "debug", "databases", "other-language", "fr", None,
    "Debug MySQL d'une erreur de clé étrangère avec cause identifiable dans le message",
    """J'ai cette erreur quand je lance ma migration Flyway sur MySQL 8, je ne comprends pas pourquoi la contrainte ne passe pas alors que les deux colonnes s'appellent pareil :

```
ERROR 3780 (HY000) at line 14: Referencing column 'user_id' and referenced column 'id' in foreign key constraint 'fk_sessions_user' are incompatible.
```

```sql
CREATE TABLE users (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(255) NOT NULL UNIQUE
) ENGINE=InnoDB;

CREATE TABLE sessions (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT NOT NULL,
  token CHAR(64) NOT NULL,
  CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
```

Pouvez-vous corriger le script et m'expliquer ?""")

add("opus", "design", "data", "other-language", "es", "easy-words-hard",
    "Diseño abierto: mover todo el pipeline a otra plataforma sin perder datos; plan multi-paso con riesgos",
    "Tenemos unos 300 jobs de cron con scripts de Python que cargan datos a nuestro Postgres de reporting, y queremos pasar todo a Airflow + dbt + Snowflake este año sin que los informes de finanzas dejen de cuadrar en ningún momento. ¿Cómo lo planificarías? Qué mover primero, cómo validar que los números coinciden entre el sistema viejo y el nuevo, y cómo hacer el corte.")

add("haiku", "edit", "ml", "follow-up", "en", None,
    "Follow-up asking for a docstring: mechanical edit (tie-breaker 8)",
    "nice, now just add a docstring to evaluate() explaining the args and return value")

add("sonnet", "test", "ml", "follow-up", "en", None,
    "Follow-up asking for tests of the earlier function: everyday sonnet work (tie-breaker 8)",
    "ok that fixed the OOM. can you write a couple of pytest tests for evaluate() using a tiny dummy model on cpu so this doesn't regress")

add("haiku", "question", "data", "non-native", "en", None,
    "Simple Spark API question, short known answer",
    "Please tell me what is difference between repartition and coalesce in spark, in short.")

add("opus", "debug", "databases", "typos", "en", "easy-words-hard",
    "Rare silent duplicate/missing rows under concurrency with no lead: intermittent distributed-style bug",
    "so every couple weeks our nightly reconciliation finds 1 or 2 orders that got charged twice but theres only one row in orders. we use redis SETNX as a lock around the charge call with a 30s expiry and then insert in postgres. cant reproduce locally at all. where would u even start, and whats probably wrong")

add("haiku", "question", "ml", "typos", "en", None,
    "Factual question about a standard metric",
    "whats the diffrence between precision and recall again, quick version")

add("sonnet", "implement", "ml", "plain", "en", None,
    "A training loop with AMP, grad accumulation and checkpointing from a clear spec is everyday work",
    """Write a PyTorch training loop function with:
- bf16 autocast, gradient accumulation (configurable steps)
- cosine LR schedule with linear warmup
- grad clipping at 1.0
- checkpoint every N steps (model, optimizer, scheduler, step) and resume from the latest checkpoint if present
- log loss/lr every 50 steps with the std logging module
Model, dataloader and optimizer are passed in. Single GPU is fine.""")

add("haiku", "question", "databases", "terse", "en", None,
    "One-line MongoDB syntax",
    "mongo: find docs where tags array contains both 'a' and 'b'")

add("opus", "design", "databases", "plain", "en", "short-hard",
    "Exactly-once semantics across Postgres and Kafka is a distributed-consistency design problem",
    "How do I get exactly-once from Postgres into Kafka without Debezium? Outbox, 2PC, something else?")

add("sonnet", "review", "data", "plain", "en", None,
    "Reviewing a moderate dbt incremental model for correctness is an everyday review",
    """Can you review this incremental dbt model? It feeds our revenue dashboard and I want a second pair of eyes before merging.

```sql
{{ config(materialized='incremental', unique_key='invoice_id', on_schema_change='append_new_columns') }}

with invoices as (
    select * from {{ source('billing', 'invoices') }}
    {% if is_incremental() %}
    where updated_at > (select max(updated_at) from {{ this }})
    {% endif %}
),
lines as (
    select invoice_id, sum(amount_cents) as total_cents, count(*) as n_lines
    from {{ source('billing', 'invoice_lines') }}
    group by 1
)
select
    i.invoice_id,
    i.customer_id,
    i.status,
    l.total_cents / 100 as total,
    l.n_lines,
    i.issued_at,
    i.updated_at
from invoices i
join lines l using (invoice_id)
where i.status != 'draft'
```""")

add("haiku", "explain", "data", "plain", "en", "hard-words-easy",
    "Defining a term ('idempotent' in ETL) is a short conceptual answer",
    "What does it mean for an ETL job to be idempotent? One or two sentences.")

add("sonnet", "ops", "databases", "plain", "en", None,
    "Setting up streaming replication with known steps is a multi-step ops task",
    "Walk me through setting up a streaming replica for Postgres 16 on a second Ubuntu 22.04 VM: the primary config changes, the replication user, pg_hba, pg_basebackup command, and how to check it's actually streaming.")

add("opus", "plan", "ml", "verbose", "en", None,
    "Multi-step migration plan of a training platform with risks and sequencing",
    """Context: our ML platform is a pile of notebooks and cron'd scripts on three GPU boxes under desks (literally). About 25 models are in production, retrained weekly, some by people who have left. Leadership approved moving to a managed setup (probably SageMaker or Vertex, not decided) plus a feature store and a model registry. I've been asked to write the migration plan: what order to move things in, how to avoid breaking the models that feed pricing, what to do about the undocumented ones, how to decide between the two platforms, and a rough timeline for a team of 3. Can you draft it?""")

add("haiku", "question", "databases", "plain", "en", None,
    "Short factual question on Redis persistence modes",
    "What's the difference between RDB and AOF persistence in Redis?")

add("sonnet", "implement", "data", "terse", "en", None,
    "PySpark dedup with window function per clear spec: everyday implementation",
    "pyspark: keep only the latest row per (user_id, device_id) by event_ts, ties broken by ingest_ts. df is ~2B rows, don't collect anything.")

add("haiku", "edit", "data", "plain", "en", None,
    "Converting a small JSON config to YAML is mechanical",
    """Convert to YAML:

```json
{"source": {"type": "postgres", "host": "db.internal", "port": 5432, "tables": ["orders", "customers"]},
 "sink": {"type": "s3", "bucket": "acme-lake", "prefix": "raw/", "format": "parquet"},
 "schedule": "0 3 * * *", "retries": 3}
```""")

add("opus", "debug", "ml", "verbose", "en", "easy-words-hard",
    "Model quality degrades slowly in prod with no error: open investigation across data, features, serving",
    """Our demand forecasting model (LightGBM, retrained every Monday) has been getting a little worse every week for about two months. MAPE went from 11% to 17%. Offline backtests on the same weeks look fine, around 11-12%, which is the part that confuses everyone. Nothing obvious changed in the code. The features come from a mix of a dbt project and a Python feature service that computes rolling aggregates at request time. Where is the gap between offline and online coming from, and how do we prove it?""")

add("haiku", "question", "databases", "non-native", "en", None,
    "Simple factual question about a MySQL command",
    "How I can see which queries are running now in MySQL and kill one that is blocking? Thank you.")

add("sonnet", "debug", "data", "plain", "en", None,
    "Airflow import error with a clear cause in the trace",
    """DAG doesn't show up in the UI, I get this in the import errors:

```
Broken DAG: [/opt/airflow/dags/export_finance.py] Traceback (most recent call last):
  File "/opt/airflow/dags/export_finance.py", line 7, in <module>
    from airflow.providers.amazon.aws.transfers.sql_to_s3 import SqlToS3Operator
  File "/home/airflow/.local/lib/python3.11/site-packages/airflow/providers/amazon/aws/transfers/sql_to_s3.py", line 28, in <module>
    from airflow.providers.common.sql.hooks.sql import DbApiHook
ImportError: cannot import name 'DbApiHook' from 'airflow.providers.common.sql.hooks.sql' (/home/airflow/.local/lib/python3.11/site-packages/airflow/providers/common/sql/hooks/sql.py)
```
We install providers in the Dockerfile with `pip install apache-airflow-providers-amazon==8.19.0` on top of apache/airflow:2.6.3.""")

add("opus", "review", "security", "plain", "en", None,
    "Security review of SQL built from user input in a data API: subtle mistakes are vulnerabilities",
    """Security review please. This is our internal-but-internet-facing analytics API that lets customers filter their own data.

```python
ALLOWED_COLS = {"country", "status", "plan", "created_at"}

def build_query(tenant_id, filters, order_by, limit):
    where = ["tenant_id = %s"]
    params = [tenant_id]
    for f in filters:
        col, op, val = f["col"], f["op"], f["val"]
        if col not in ALLOWED_COLS:
            raise BadRequest(col)
        if op not in ("=", "!=", "<", ">", "in", "like"):
            raise BadRequest(op)
        if op == "in":
            where.append(f"{col} in ({','.join(['%s'] * len(val))})")
            params.extend(val)
        else:
            where.append(f"{col} {op} %s")
            params.append(val)
    sql = f"select * from events where {' and '.join(where)} order by {order_by} limit {int(limit)}"
    return sql, params
```
It runs as a role that can read all tenants' rows (RLS is not enabled).""")

add("haiku", "question", "ml", "plain", "en", "hard-words-easy",
    "Short conceptual question despite transformer/attention vocabulary",
    "In the transformer attention formula, why do we divide by sqrt(d_k)? Short answer is fine.")

add("sonnet", "implement", "databases", "verbose", "en", None,
    "Writing a migration with known steps (backfill + constraint) for a moderate table",
    """We have a Rails app on Postgres 14 and I need to add a `slug` column to `articles` (about 200k rows, low write traffic) that's unique and not null, generated from the title with a numeric suffix on collision. I'd like a proper Rails migration (or a couple) that adds the column, backfills in batches, then adds the unique index concurrently and the not-null constraint. I know strong_migrations will complain about some of this so please structure it the way it likes.""")
# ---------------- batch 2

add("sonnet", "explain", "ml", "verbose", "en", None,
    "Interpreting a loss curve with overfitting signs needs reasoning over the log but the cause is identifiable",
    """For context, I'm a master's student fine-tuning DistilBERT for a sentiment task on about 40k reviews (binary labels, roughly balanced). My supervisor asked me to justify the number of epochs in my methodology chapter. Here is the log from my run; I'd like to understand what the curves indicate, where I should have stopped, and whether the gap between train and validation is something I should address (and how, in a way I can defend academically).

```
epoch 1 | train_loss 0.4121 | val_loss 0.3017 | val_acc 0.8712 | val_f1 0.8695
epoch 2 | train_loss 0.2469 | val_loss 0.2784 | val_acc 0.8861 | val_f1 0.8854
epoch 3 | train_loss 0.1604 | val_loss 0.2911 | val_acc 0.8899 | val_f1 0.8893
epoch 4 | train_loss 0.0987 | val_loss 0.3380 | val_acc 0.8874 | val_f1 0.8870
epoch 5 | train_loss 0.0602 | val_loss 0.3952 | val_acc 0.8881 | val_f1 0.8876
epoch 6 | train_loss 0.0391 | val_loss 0.4417 | val_acc 0.8853 | val_f1 0.8849
epoch 7 | train_loss 0.0274 | val_loss 0.4899 | val_acc 0.8867 | val_f1 0.8861
epoch 8 | train_loss 0.0203 | val_loss 0.5206 | val_acc 0.8842 | val_f1 0.8838
```
In particular I'm confused that accuracy barely moves while validation loss almost doubles.""")

add("haiku", "question", "data", "terse", "en", None,
    "One-liner pandas syntax",
    "pandas: read only columns a,b,c from a 20GB csv")

add("opus", "design", "data", "plain", "en", "easy-words-hard",
    "Late-arriving and corrected data across a warehouse needs an open design of reprocessing and correctness",
    "Our sources sometimes send corrections for data that's weeks old, and every report downstream has to reflect them. Right now we just rebuild everything nightly and it takes 9 hours. How should we redesign the pipeline so corrections flow through without full rebuilds and the numbers stay right?")

add("haiku", "explain", "databases", "plain", "en", None,
    "Explaining a short SQL snippet in a sentence",
    """What does `ON CONFLICT (email) DO NOTHING RETURNING id` return when the row already exists?""")

add("sonnet", "debug", "ml", "plain", "en", None,
    "Shape mismatch traceback in a model head with an identifiable cause",
    """Getting this when I swap the backbone from resnet18 to resnet50:

```
Traceback (most recent call last):
  File "train.py", line 142, in <module>
    logits = model(images)
  File "/usr/local/lib/python3.11/site-packages/torch/nn/modules/module.py", line 1511, in _wrapped_call_impl
    return self._call_impl(*args, **kwargs)
  File "/work/models.py", line 31, in forward
    return self.head(feats)
  File "/usr/local/lib/python3.11/site-packages/torch/nn/modules/linear.py", line 116, in forward
    return F.linear(input, self.weight, self.bias)
RuntimeError: mat1 and mat2 shapes cannot be multiplied (64x2048 and 512x10)
```

```python
class Classifier(nn.Module):
    def __init__(self, backbone="resnet18", n_classes=10):
        super().__init__()
        net = getattr(torchvision.models, backbone)(weights="DEFAULT")
        net.fc = nn.Identity()
        self.backbone = net
        self.head = nn.Linear(512, n_classes)

    def forward(self, x):
        feats = self.backbone(x)
        return self.head(feats)
```
Make it work for any resnet.""")

add("haiku", "question", "databases", "other-language", "fr", None,
    "Question factuelle courte sur un index PostgreSQL",
    "Quelle est la différence entre un index B-tree et un index GIN dans PostgreSQL ? En deux phrases.")

add("opus", "debug", "databases", "plain", "en", None,
    "Intermittent replica lag spikes plus query cancellations need a theory across vacuum, hot standby and load",
    """Read replica (PG 15, streaming) falls 5-20 minutes behind a few times a day, always recovers on its own. During those windows analysts get `canceling statement due to conflict with recovery`. We set hot_standby_feedback=off on purpose because of bloat on the primary. max_standby_streaming_delay is 30s. Primary load looks normal at those times. What's going on and what are our options, with the trade-offs?""")

add("haiku", "edit", "ml", "plain", "en", None,
    "Sorting imports is a mechanical edit",
    """Sort and group these imports (stdlib, third-party, local) per isort defaults:

```python
import torch
from .data import build_loader
import os
import numpy as np
from typing import Optional
import wandb
from .models import Classifier
import json
from torch.utils.data import DataLoader
```""")

add("sonnet", "implement", "databases", "non-native", "en", None,
    "Implementing a Redis-backed rate limiter with a clear spec (sliding window) is everyday work",
    "I need implement rate limiter in Python with Redis, sliding window, 100 requests per minute per API key. Must be atomic so please use Lua script. Also give me function that return how many requests is left and when the window reset, for the headers X-RateLimit-Remaining and X-RateLimit-Reset.")

add("opus", "design", "ml", "terse", "en", "short-hard",
    "Open design of a distributed feature-store consistency guarantee (training/serving skew, point-in-time)",
    "design point-in-time correct feature joins for training + same features online at <10ms p99. batch and streaming sources.")

add("haiku", "question", "ml", "other-language", "es", None,
    "Pregunta conceptual corta con respuesta conocida",
    "¿Qué es el learning rate warmup y por qué se usa al entrenar transformers? Respuesta corta por favor.")

add("sonnet", "refactor", "data", "plain", "en", None,
    "Refactoring a pandas loop into vectorised operations over a function of dozens of lines",
    """This takes 40 minutes on 3M rows. Rewrite it vectorised, same output.

```python
def add_session_ids(df, gap_minutes=30):
    df = df.sort_values(["user_id", "ts"]).reset_index(drop=True)
    session_ids = []
    current = 0
    last_user = None
    last_ts = None
    for _, row in df.iterrows():
        if row["user_id"] != last_user:
            current += 1
        elif (row["ts"] - last_ts).total_seconds() > gap_minutes * 60:
            current += 1
        session_ids.append(current)
        last_user = row["user_id"]
        last_ts = row["ts"]
    df["session_id"] = session_ids
    durations = df.groupby("session_id")["ts"].agg(lambda s: (s.max() - s.min()).total_seconds())
    df["session_duration_s"] = df["session_id"].map(durations)
    return df
```""")

add("haiku", "docs", "databases", "plain", "en", None,
    "One-line changelog entry",
    "Changelog line for: added a partial index on orders(status) where status = 'pending'.")

add("sonnet", "explain", "databases", "plain", "en", None,
    "Why a query doesn't use an index (function on the column, type cast) is a subtle-but-known reason",
    """Why doesn't Postgres use my index here?

```sql
CREATE INDEX users_email_idx ON users (email);
EXPLAIN SELECT * FROM users WHERE lower(email) = 'bob@example.com';
--  Seq Scan on users  (cost=0.00..24812.00 rows=5000 width=112)
--    Filter: (lower((email)::text) = 'bob@example.com'::text)
```
And what's the right fix if emails are stored with mixed case?""")

add("haiku", "question", "data", "typos", "en", None,
    "Short cron syntax question",
    "cron expr for every weekday at 6:30am? for an airflow schedule")

add("opus", "review", "databases", "plain", "en", None,
    "Reviewing concurrent inventory reservation code for races is a concurrency review (tie-breaker 10)",
    """Review this for correctness under concurrency. Two app servers, Postgres 15 at READ COMMITTED.

```python
def reserve(conn, sku, qty, order_id):
    with conn.transaction():
        row = conn.execute("SELECT available FROM inventory WHERE sku = %s", (sku,)).fetchone()
        if row is None or row[0] < qty:
            raise OutOfStock(sku)
        conn.execute("UPDATE inventory SET available = %s WHERE sku = %s", (row[0] - qty, sku))
        conn.execute(
            "INSERT INTO reservations (order_id, sku, qty, expires_at) VALUES (%s, %s, %s, now() + interval '15 min')",
            (order_id, sku, qty),
        )

def expire_reservations(conn):
    with conn.transaction():
        rows = conn.execute("SELECT id, sku, qty FROM reservations WHERE expires_at < now()").fetchall()
        for rid, sku, qty in rows:
            conn.execute("UPDATE inventory SET available = available + %s WHERE sku = %s", (qty, sku))
            conn.execute("DELETE FROM reservations WHERE id = %s", (rid,))
```
The expiry job runs every minute from cron on both servers.""")

add("haiku", "question", "ml", "plain", "en", None,
    "Factual one-liner about checking CUDA availability",
    "How do I check from Python which GPU PyTorch is using and how much memory is free on it?")

add("sonnet", "implement", "ml", "verbose", "en", None,
    "Building a small RAG pipeline with named libraries and a clear spec is integration work",
    """I'm a data scientist trying to build a quick prototype for our legal team: they have ~3,000 PDF contracts and want to ask questions like "which contracts have an auto-renewal clause shorter than 60 days". I don't need anything fancy yet. Could you write a Python script that: extracts text from the PDFs with pypdf, chunks it (~800 tokens, 100 overlap), embeds with sentence-transformers all-MiniLM-L6-v2, stores in a local Chroma collection with the filename and page as metadata, and then a `ask(question)` function that retrieves the top 6 chunks and calls the OpenAI chat API with a prompt that forces it to cite filename+page for every claim? Please keep it in one file and comment the parts I might need to tune.""")

add("haiku", "question", "databases", "plain", "en", "hard-words-easy",
    "Defining a replication term is a short known answer despite distributed vocabulary",
    "What is 'split brain' in database replication? Just a definition.")

add("opus", "debug", "ml", "typos", "en", None,
    "Loss spikes then NaN in mixed precision with no clear lead need analysis across numerics, data and optimizer",
    """loss is fine for ~30k steps then spikes and goes nan, every time at a diffrent step. bf16 on h100s, 1.3B decoder, adamw lr 3e-4 beta2 0.95, grad clip 1.0, no loss scaling since bf16. tried lowering lr to 2e-4 it just happens later. heres the bit before it dies:

step 31200 loss 2.412 gnorm 0.91 lr 2.87e-4
step 31250 loss 2.409 gnorm 0.88 lr 2.87e-4
step 31300 loss 2.415 gnorm 1.02 lr 2.87e-4
step 31350 loss 2.398 gnorm 3.75 lr 2.87e-4
step 31400 loss 2.611 gnorm 14.2 lr 2.87e-4
step 31450 loss 3.904 gnorm 88.6 lr 2.86e-4
step 31500 loss 7.221 gnorm 402.1 lr 2.86e-4
step 31550 loss nan gnorm nan lr 2.86e-4

what is going on and what should we try, in what order""")

add("sonnet", "ops", "databases", "plain", "en", None,
    "Configuring pgbouncer in front of Postgres with a known mode and settings is everyday ops",
    """Set up pgbouncer for our Django app: transaction pooling, 2000 client connections, Postgres max_connections is 200 and we have 3 app DBs. Give me pgbouncer.ini, userlist approach (we use SCRAM), and the Django settings changes I need (I heard server-side cursors and prepared statements are a problem).""")

add("haiku", "edit", "data", "follow-up", "en", None,
    "Follow-up asking to rename a function: mechanical (tie-breaker 8)",
    "rename add_session_ids to sessionize everywhere in what you gave me, nothing else")

add("sonnet", "test", "data", "follow-up", "en", None,
    "Follow-up asking for tests comparing old vs new implementation: everyday test writing",
    "now write a test that checks the vectorised version gives exactly the same output as the old loop version on random data, including users with a single event")

add("opus", "plan", "databases", "plain", "en", None,
    "Major-version Postgres upgrade with minimal downtime across services is a high-stakes multi-step plan",
    "We need to go from Postgres 11 to 16 on a 6 TB primary with two replicas, about 40 services connecting, max acceptable downtime is 5 minutes. Logical replication, pg_upgrade --link, or something else? Give me the plan with rollback points.")

add("haiku", "question", "databases", "terse", "en", None,
    "One-line Redis command",
    "redis cli: count keys matching session:* without KEYS")

add("sonnet", "debug", "databases", "typos", "en", None,
    "Deadlock with the log showing both statements is an identifiable cause (lock ordering)",
    """getting deadlocks a few times an hour, heres the log. how do i fix it

```
2024-04-03 11:02:17.412 UTC [8812] ERROR:  deadlock detected
2024-04-03 11:02:17.412 UTC [8812] DETAIL:  Process 8812 waits for ShareLock on transaction 99120331; blocked by process 8820.
	Process 8820 waits for ShareLock on transaction 99120329; blocked by process 8812.
	Process 8812: UPDATE accounts SET balance = balance - 500 WHERE id = 17
	Process 8820: UPDATE accounts SET balance = balance - 120 WHERE id = 4
2024-04-03 11:02:17.412 UTC [8812] HINT:  See server log for query details.
2024-04-03 11:02:17.412 UTC [8812] CONTEXT:  while updating tuple (1822,14) in relation "accounts"
```

transfer code:
```python
def transfer(conn, src, dst, amount):
    with conn.transaction():
        conn.execute("UPDATE accounts SET balance = balance - %s WHERE id = %s", (amount, src))
        conn.execute("UPDATE accounts SET balance = balance + %s WHERE id = %s", (amount, dst))
```""")

add("haiku", "question", "ml", "non-native", "en", None,
    "Short factual question about a library function",
    "What means the parameter `stratify` in sklearn train_test_split? When I should use it?")

add("opus", "design", "databases", "verbose", "en", None,
    "Choosing between sharding approaches with migration path is architecture with trade-offs",
    """We're a B2B SaaS company, our single MySQL 8 primary (r6i.16xlarge, 4 TB) is at ~70% CPU at peak and growing 8% month over month. Roughly 12k customer accounts, the biggest 20 generate 40% of the load. Almost all queries are scoped by account_id, except for some admin/reporting queries and a couple of cross-account features (marketplace search, referrals). We've been asked to propose a path for the next 3 years. Options on the table: Vitess, application-level sharding by account_id, moving the biggest tenants to dedicated clusters, or migrating to something like Aurora/PlanetScale/TiDB. Could you compare these for our situation, including what happens to the cross-account features and how we'd migrate incrementally?""")

add("haiku", "explain", "data", "plain", "en", None,
    "Explaining a common Spark error message",
    "What does `org.apache.spark.sql.AnalysisException: Column 'amount' does not exist. Did you mean one of the following? [amount_eur, amount_usd]` mean?")

add("sonnet", "implement", "data", "plain", "en", None,
    "Writing a dbt snapshot + model for SCD2 with a clear spec",
    "Create a dbt snapshot for our `crm.accounts` source using the timestamp strategy on `updated_at`, then a `dim_accounts` model that exposes valid_from/valid_to/is_current from it. Also a schema.yml with tests for uniqueness of (account_id, valid_from) and not_null on the keys.")

add("haiku", "question", "databases", "plain", "en", "hard-words-easy",
    "Scary MVCC vocabulary but a short conceptual definition",
    "In one paragraph: what is MVCC and why does Postgres need VACUUM because of it?")

add("opus", "debug", "data", "plain", "en", "easy-words-hard",
    "Numbers not matching between two systems intermittently with no lead requires cross-component theory",
    "The daily revenue in our dashboard and the number finance gets from Stripe differ by a small amount most days, sometimes more, sometimes it matches exactly. Nobody can explain it. We load Stripe via Fivetran into Snowflake and model it with dbt. How would you find out where the difference comes from?")

add("sonnet", "debug", "data", "other-language", "es", None,
    "Depurar un error de Spark con causa clara (OOM del driver por collect)",
    """Mi job de PySpark falla siempre al final con este error y no sé por qué, el cluster tiene memoria de sobra:

```
24/06/02 14:11:53 ERROR Utils: Uncaught exception in thread driver-heartbeater
java.lang.OutOfMemoryError: Java heap space
24/06/02 14:11:54 ERROR SparkContext: Error initializing SparkContext.
Exception in thread "main" org.apache.spark.SparkException: Job aborted due to stage failure: Total size of serialized results of 412 tasks (4.1 GiB) is bigger than spark.driver.maxResultSize (4.0 GiB)
```

El código hace esto al final:

```python
rows = df.groupBy("cliente_id").agg(F.collect_list("evento").alias("eventos")).collect()
with open("salida.json", "w") as f:
    json.dump([r.asDict() for r in rows], f)
```
¿Cómo lo arreglo sin traer todo al driver?""")

add("haiku", "question", "ml", "terse", "en", None,
    "Short factual question about a common hyperparameter",
    "typical weight decay for adamw fine-tuning bert?")

add("sonnet", "implement", "ml", "plain", "en", None,
    "Evaluation script with bootstrap confidence intervals from a clear spec",
    "Write a function that takes y_true, y_score for two models on the same test set and returns AUC for each plus a paired bootstrap 95% CI for the difference (1000 resamples, seedable). numpy + sklearn only.")

add("opus", "explain", "databases", "plain", "en", None,
    "Explaining isolation anomalies (write skew) and whether a specific design is safe requires formal concurrency reasoning",
    """We implemented on-call scheduling with this rule: at least one doctor must stay on call per shift. Each doctor can take themselves off via:

```sql
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT count(*) FROM oncall WHERE shift_id = $1 AND on_call;
-- app checks count >= 2
UPDATE oncall SET on_call = false WHERE shift_id = $1 AND doctor_id = $2;
COMMIT;
```
Is this safe on Postgres? If not, explain exactly which interleaving breaks it, and compare the possible fixes (SERIALIZABLE, SELECT FOR UPDATE, a constraint, materializing the conflict).""")

add("haiku", "edit", "databases", "plain", "en", None,
    "Converting a CREATE TABLE from MySQL to Postgres syntax for a small table is mechanical",
    """Convert this to Postgres:

```sql
CREATE TABLE `audit_log` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `actor` varchar(64) NOT NULL,
  `action` enum('create','update','delete') NOT NULL,
  `payload` json DEFAULT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx_actor` (`actor`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
```""")

add("sonnet", "debug", "ml", "non-native", "en", None,
    "DataLoader worker crash with identifiable cause (lambda pickling / shared memory)",
    """When I put num_workers=4 in DataLoader I get this error, with num_workers=0 all is working. I am on Windows. Please help me understand what is wrong.

```
Traceback (most recent call last):
  File "C:\\Users\\anil\\proj\\train.py", line 77, in <module>
    for imgs, labels in train_loader:
  File "C:\\Users\\anil\\miniconda3\\lib\\site-packages\\torch\\utils\\data\\dataloader.py", line 439, in __iter__
    return self._get_iterator()
  File "C:\\Users\\anil\\miniconda3\\lib\\site-packages\\torch\\utils\\data\\dataloader.py", line 1042, in __init__
    w.start()
  File "C:\\Users\\anil\\miniconda3\\lib\\multiprocessing\\process.py", line 121, in start
    self._popen = self._Popen(self)
  File "C:\\Users\\anil\\miniconda3\\lib\\multiprocessing\\reduction.py", line 60, in dump
    ForkingPickler(file, protocol).dump(obj)
AttributeError: Can't pickle local object 'build_dataset.<locals>.<lambda>'
```

The dataset I create like this:
```python
def build_dataset(root):
    tf = transforms.Compose([transforms.Resize(224), transforms.Lambda(lambda x: x.convert("RGB")), transforms.ToTensor()])
    return datasets.ImageFolder(root, transform=tf)
```""")

add("haiku", "question", "databases", "typos", "en", None,
    "Short factual question about MongoDB indexes",
    "does mongo use an index for a $regex query that starts with ^ ? like /^abc/")

add("opus", "design", "data", "verbose", "en", None,
    "Designing CDC-based lakehouse ingestion with ordering, deletes and schema evolution is distributed design",
    """I lead a data platform team of five at a logistics company. We want to replace our nightly full dumps of ~60 Postgres and MySQL databases with CDC into our lake (S3 + Iceberg, queried by Trino and Spark). Requirements from the business: tables in the lake no more than 15 minutes behind, hard deletes must propagate (GDPR), schema changes upstream must not break ingestion silently, and we must be able to rebuild any table to a point in time for audits. Could you propose an architecture (Debezium vs managed options, Kafka or not, how to apply changes into Iceberg with correct ordering and compaction), and point out where the hard parts are, like transactions spanning tables, initial snapshots, and out-of-order events?""")

add("haiku", "question", "data", "plain", "en", None,
    "Simple Airflow concept question",
    "In Airflow, what's the difference between `execution_date`/logical date and the time the task actually runs?")

add("sonnet", "explain", "ml", "plain", "en", None,
    "Explaining why a subtle PyTorch behaviour happens (in-place op on leaf/autograd) is sonnet per tie-breaker 7",
    """Why does this raise and what's the right way to write it?

```python
w = torch.randn(10, requires_grad=True)
w += 0.1 * torch.randn(10)
```
```
RuntimeError: a leaf Variable that requires grad is being used in an in-place operation.
```""")

add("opus", "debug", "databases", "non-native", "en", "easy-words-hard",
    "Sporadic slowness of a whole DB with no lead; needs theory across checkpoints, IO, vacuum, locks",
    "Our Postgres become very slow for around 2-3 minutes, maybe 4 or 5 times per day, not in fixed hour. In this time all queries are slow, also the simple ones by primary key. CPU is not high. After, everything is normal again. We check the slow log but we see only the normal queries being slow. What can be the reason and how we can find it?")

add("haiku", "docs", "ml", "plain", "en", None,
    "Short summary text task",
    "Write a two-sentence summary for our model card: XGBoost churn model, trained on 2023 data, AUC 0.84 on a 2024Q1 holdout, retrained monthly, not to be used for credit decisions.")

add("sonnet", "implement", "databases", "terse", "en", None,
    "Writing a recursive CTE for a hierarchy with requirements is everyday SQL work",
    "postgres recursive cte: full path of each category from categories(id, parent_id, name) like 'Home > Kitchen > Knives', plus depth, and detect cycles instead of looping forever")

add("haiku", "question", "ml", "plain", "en", "hard-words-easy",
    "LLM buzzwords but a short definition question",
    "What does 'temperature' do when sampling from an LLM? One or two sentences.")

add("sonnet", "review", "ml", "plain", "en", None,
    "Reviewing a training script diff for correctness is everyday review",
    """Review this diff to our training script:

```diff
@@ -88,14 +88,20 @@ def train_one_epoch(model, loader, optimizer, scheduler, scaler, device, accum_steps):
     model.train()
-    for step, batch in enumerate(loader):
-        x, y = batch[0].to(device), batch[1].to(device)
-        with torch.autocast("cuda", dtype=torch.float16):
-            loss = criterion(model(x), y)
-        scaler.scale(loss).backward()
-        scaler.step(optimizer)
-        scaler.update()
-        optimizer.zero_grad()
-        scheduler.step()
+    optimizer.zero_grad(set_to_none=True)
+    for step, batch in enumerate(loader):
+        x, y = batch[0].to(device, non_blocking=True), batch[1].to(device, non_blocking=True)
+        with torch.autocast("cuda", dtype=torch.float16):
+            loss = criterion(model(x), y)
+        scaler.scale(loss).backward()
+        if (step + 1) % accum_steps == 0:
+            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
+            scaler.step(optimizer)
+            scaler.update()
+            optimizer.zero_grad(set_to_none=True)
+        scheduler.step()
```""")

add("opus", "design", "databases", "plain", "en", "short-hard",
    "Designing a distributed unique ID / counter service with ordering guarantees is distributed systems design",
    "Gapless, strictly increasing invoice numbers per country, 3 regions active-active. Possible? Design it.")
# ---------------- batch 3

add("haiku", "question", "data", "verbose", "en", "long-trivial",
    "Listing the distinct values of one column in a pasted CSV is a glance-checkable lookup",
    "I'm putting together a data dictionary for our analytics onboarding doc and I need to document the allowed values "
    "of the `status` and `currency` columns in the orders export. I don't have database access today (VPN issues), "
    "only this sample someone pasted in Slack. Could you just list the distinct values of those two columns as they "
    "appear here? No analysis needed.\n\n```\n" + gen_csv(21, 260) + "\n```")

add("sonnet", "implement", "data", "terse", "en", None,
    "Writing a pandera/pydantic-style validation for a known CSV schema is everyday implementation",
    "write a pandera schema for this orders csv (header below) with sensible checks: ids unique, qty int >=1, unit_price >0, currency in EUR/USD/GBP, order_ts parseable. lazy validation, print a failure report.\n\norder_id,customer_id,order_ts,country,sku,qty,unit_price,currency,status")

add("opus", "explain", "ml", "verbose", "en", None,
    "Academic question on the statistical validity of an evaluation design requires careful formal reasoning",
    """I am preparing a paper for a workshop and a reviewer of an earlier draft objected to our evaluation protocol, and I would appreciate a rigorous assessment before I respond. We compare five text classifiers on eight datasets. For each dataset we did 5-fold cross-validation, repeated the whole procedure with 3 seeds, and then performed paired t-tests between our method and each baseline over the 15 fold-seed scores per dataset, reporting significance at p < 0.05 without correction. We also selected hyperparameters for our method (but not the baselines, which use published defaults) using the same folds. The reviewer says the tests are invalid and the comparison is biased. Could you explain precisely which assumptions are violated (independence of fold scores, multiple comparisons, selection bias), how severe each problem is, and what protocol would be defensible (e.g. corrected resampled t-test, Wilcoxon/Friedman with post-hoc, nested CV), ideally with references I can cite?""")

add("haiku", "question", "databases", "plain", "en", None,
    "One-line SQL over a single table",
    "SQL to get the 10 most recent rows from `events` for user 42, Postgres.")

add("sonnet", "debug", "data", "plain", "en", None,
    "Timezone/DST bug in pandas with visible cause in output is identifiable everyday debugging",
    """Our daily aggregates have 23 hours on March 31 and 25 hours on Oct 27 and the finance people are upset. Code:

```python
df["ts"] = pd.to_datetime(df["ts"], unit="s")
df["ts_local"] = df["ts"].dt.tz_localize("Europe/Paris")
daily = df.set_index("ts_local").resample("D")["amount"].sum()
hourly_counts = df.groupby(df["ts_local"].dt.date)["ts_local"].apply(lambda s: s.dt.hour.nunique())
```

```
>>> hourly_counts.loc["2024-03-31"]
23
>>> hourly_counts.loc["2024-10-27"]
24
>>> df.loc[df.ts_local.dt.date == date(2024,10,27)].ts_local.dt.hour.value_counts().sort_index().head(4)
0    412
1    398
2    871
3    405
```
The `ts` column is unix epoch seconds from our API. What's wrong and how do I fix it?""")

add("opus", "design", "infrastructure", "plain", "en", "easy-words-hard",
    "Plan for giving many teams safe self-service data access is open design across security and platform",
    "Every analyst keeps asking for production database access and we keep saying no. Come up with a way for them to get the data they need without touching prod and without us becoming a ticket queue.")

add("haiku", "edit", "databases", "follow-up", "en", None,
    "Follow-up mechanical rename of a column in the given SQL",
    "perfect. same thing but call the column `full_path` instead of `path`")

add("sonnet", "implement", "ml", "non-native", "en", None,
    "Implementing early stopping + checkpoint callback from clear spec",
    "Can you write for me an EarlyStopping class for my PyTorch loop? It must watch val_loss, have patience and min_delta, save the best model state_dict in a file and restore it at the end. Also when val_loss is NaN it should stop immediately. I use it like `if stopper.step(val_loss, model): break`.")

add("haiku", "question", "general", "plain", "en", None,
    "Factual question with a short answer",
    "What's the difference between a CSV and a TSV file, besides the separator? Anything about quoting?")

add("opus", "debug", "databases", "verbose", "en", None,
    "Memory leak-like Redis growth under load with no clear lead needs a theory across clients, eviction and fragmentation",
    """Hi, I'm the (accidental) ops person at a 15-person startup. Our Redis 7 (single node, 16 GB, maxmemory 12gb, allkeys-lru) is used for sessions, a Sidekiq queue, and a cache. Every 10-12 days it gets OOM-killed by the kernel even though used_memory in INFO stays around 9-10 GB. used_memory_rss creeps up to 15-16 GB before it dies. mem_fragmentation_ratio goes from 1.1 to about 1.6. We tried activedefrag yes and it didn't change much. We also see lots of big Sidekiq payloads (some 2-5 MB) being pushed and popped. What's going on, and what should we do about it - short term and properly?""")

add("sonnet", "ops", "data", "plain", "en", None,
    "Dockerising an Airflow + dbt setup with compose is everyday build/config work",
    "Give me a docker-compose for local dev: Airflow 2.9 (LocalExecutor), its Postgres metadata DB, and a second Postgres as the 'warehouse', with dbt-core + dbt-postgres installed in the Airflow image and our dbt project mounted at /opt/dbt. Include the Dockerfile and an .env example.")

add("haiku", "question", "ml", "typos", "en", None,
    "Short factual question about a tokenizer setting",
    "hf tokenizer, whats padding_side for and why do ppl set it to left for generation")

add("sonnet", "explain", "data", "plain", "en", None,
    "Explaining a non-trivial PySpark function of dozens of lines",
    """Can someone explain what this does step by step? Inherited it, no docs.

```python
def build_sessions(events):
    w = Window.partitionBy("user_id").orderBy("ts")
    e = (events
         .withColumn("prev_ts", F.lag("ts").over(w))
         .withColumn("gap", F.col("ts").cast("long") - F.col("prev_ts").cast("long"))
         .withColumn("new_session", F.when(F.col("gap").isNull() | (F.col("gap") > 1800), 1).otherwise(0))
         .withColumn("session_idx", F.sum("new_session").over(w.rowsBetween(Window.unboundedPreceding, 0)))
         .withColumn("session_id", F.concat_ws("-", "user_id", "session_idx")))
    agg = (e.groupBy("session_id", "user_id")
             .agg(F.min("ts").alias("start"), F.max("ts").alias("end"),
                  F.count("*").alias("n_events"),
                  F.first("utm_source", ignorenulls=True).alias("source"),
                  F.max(F.when(F.col("event") == "purchase", 1).otherwise(0)).alias("converted")))
    return agg.withColumn("duration_s", F.col("end").cast("long") - F.col("start").cast("long"))
```""")

add("opus", "design", "ml", "plain", "en", "short-hard",
    "Novel algorithmic/statistical design: dedup at web scale with guarantees",
    "near-duplicate detection for 5B web documents for LLM pretraining. minhash params, banding, and how to do it without a single giant shuffle?")

add("haiku", "question", "databases", "other-language", "fr", None,
    "Question courte : syntaxe d'une commande MySQL",
    "Comment afficher la taille de chaque base de données dans MySQL en Mo ?")

add("sonnet", "implement", "databases", "other-language", "fr", None,
    "Écrire une fonction PL/pgSQL + trigger d'audit avec un cahier des charges clair",
    "Pouvez-vous écrire un trigger PostgreSQL qui enregistre dans une table `audit_log` chaque INSERT, UPDATE et DELETE sur la table `contrats` : nom de la table, opération, ancienne et nouvelle ligne en jsonb, utilisateur courant et horodatage ? Donnez aussi le CREATE TABLE de `audit_log`.")

add("opus", "plan", "data", "other-language", "fr", None,
    "Plan de migration multi-étapes d'un entrepôt avec double exécution et validation : plan large à risques",
    "Nous devons migrer notre entrepôt de données de Teradata vers BigQuery : environ 4 000 tables, 900 procédures stockées, des dizaines de rapports métiers critiques pour la clôture mensuelle. Proposez-moi une stratégie complète : inventaire, ordre de migration, traduction du SQL, période de double exécution, critères de validation des chiffres et plan de bascule.")

add("haiku", "question", "ml", "other-language", "es", None,
    "Pregunta corta sobre una métrica",
    "¿Qué diferencia hay entre accuracy y balanced accuracy? ¿Cuándo uso cada una?")

add("sonnet", "test", "databases", "plain", "en", None,
    "Writing integration tests for a repository class against a real Postgres is everyday test work",
    """Write pytest integration tests for this repository using testcontainers-python (Postgres 16). Fixture should create the schema once per session and wrap each test in a rolled-back transaction.

```python
class CustomerRepo:
    def __init__(self, conn):
        self.conn = conn

    def create(self, email, name):
        return self.conn.execute(
            "INSERT INTO customers (email, name) VALUES (%s, %s) RETURNING id", (email.lower(), name)
        ).fetchone()[0]

    def get_by_email(self, email):
        row = self.conn.execute("SELECT id, email, name FROM customers WHERE email = %s", (email.lower(),)).fetchone()
        return None if row is None else dict(zip(("id", "email", "name"), row))

    def rename(self, customer_id, name):
        cur = self.conn.execute("UPDATE customers SET name = %s WHERE id = %s", (name, customer_id))
        if cur.rowcount == 0:
            raise KeyError(customer_id)
```""")

add("haiku", "explain", "ml", "plain", "en", "hard-words-easy",
    "Mixture-of-experts vocabulary but a short definitional question",
    "What is 'top-2 gating' in a mixture-of-experts layer? Keep it to a few sentences.")

add("opus", "review", "ml", "plain", "en", None,
    "Reviewing a custom distributed sampler for correctness across ranks/epochs is review of concurrent/distributed code",
    """Please review our custom sampler for DDP. We suspect it causes duplicate samples across ranks but aren't sure.

```python
class BucketedDistributedSampler(torch.utils.data.Sampler):
    def __init__(self, lengths, batch_size, num_replicas, rank, seed=0):
        self.lengths = lengths
        self.batch_size = batch_size
        self.num_replicas = num_replicas
        self.rank = rank
        self.seed = seed
        self.epoch = 0

    def set_epoch(self, epoch):
        self.epoch = epoch

    def __iter__(self):
        g = torch.Generator()
        g.manual_seed(self.seed + self.rank)
        idx = torch.randperm(len(self.lengths), generator=g).tolist()
        idx = sorted(idx, key=lambda i: self.lengths[i])
        batches = [idx[i:i + self.batch_size] for i in range(0, len(idx), self.batch_size)]
        random.shuffle(batches)
        mine = batches[self.rank::self.num_replicas]
        for b in mine:
            yield from b

    def __len__(self):
        return len(self.lengths) // self.num_replicas
```""")

add("haiku", "question", "infrastructure", "terse", "en", None,
    "One-line shell command",
    "tail a file on a remote box over ssh and grep for ERROR")

add("sonnet", "debug", "databases", "plain", "en", None,
    "Migration failing with a clear error (lock timeout / NOT VALID) is identifiable",
    """Alembic migration times out in CI against a copy of prod:

```
sqlalchemy.exc.OperationalError: (psycopg2.errors.LockNotAvailable) canceling statement due to lock timeout
[SQL: ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY(customer_id) REFERENCES customers (id)]
```

```python
def upgrade():
    op.execute("SET lock_timeout = '5s'")
    op.create_foreign_key("orders_customer_fk", "orders", "customers", ["customer_id"], ["id"])
```
orders has 90M rows. How should this migration be written?""")

add("haiku", "question", "data", "non-native", "en", None,
    "Simple question about Parquet vs CSV",
    "Why everybody say to use parquet instead csv for big data? What is the main advantages, shortly?")

add("opus", "debug", "ml", "plain", "en", "easy-words-hard",
    "Model performing worse for some users without a lead needs investigation across data, labels, and serving",
    "Our recommendation model got better on every offline metric after the last retrain, but customers in two countries are complaining the recommendations got worse, and click-through dropped there. Everywhere else it's up. Help us figure out why.")

add("sonnet", "implement", "data", "verbose", "en", None,
    "Great Expectations/dbt-style data quality checks wired into an Airflow DAG is multi-step integration",
    """A bit of background: I'm a junior data engineer and our team lead asked me to add data quality checks to our nightly pipeline after a bad upstream file silently zeroed out a week of revenue. The pipeline is an Airflow DAG that loads CSVs from SFTP into Postgres staging tables and then runs SQL transformations. I'd like a reusable approach rather than one-off asserts. Could you write a small Python module with check functions (row count within X% of the 7-day average, no nulls in key columns, no duplicate keys, sum of amount within bounds) that each run a SQL query and raise a clear exception, plus an example of how to use them as tasks between the load and transform steps, with the failures going to Slack? We're on Airflow 2.8 with the Postgres provider.""")

add("haiku", "question", "databases", "plain", "en", None,
    "Short factual question about a Postgres setting",
    "What does `work_mem` control in Postgres, and is it per query or per connection?")

add("sonnet", "refactor", "ml", "plain", "en", None,
    "Moving a notebook's code into a module with functions is a multi-step refactor",
    """Turn these notebook cells into a clean `features.py` module with functions (load, clean, build_features, split) and a `main()`. Keep the logic identical.

```python
# In[1]:
import pandas as pd, numpy as np
df = pd.read_parquet("s3://ds-bucket/churn/customers.parquet")
# In[2]:
df = df[df.signup_date >= "2021-01-01"]
df["tenure_days"] = (pd.Timestamp("2024-01-01") - pd.to_datetime(df.signup_date)).dt.days
df = df.drop(columns=["email", "phone"])
# In[3]:
usage = pd.read_parquet("s3://ds-bucket/churn/usage.parquet")
agg = usage.groupby("customer_id").agg(sessions=("session_id", "nunique"), minutes=("minutes", "sum"), last_seen=("ts", "max"))
df = df.merge(agg, left_on="id", right_index=True, how="left").fillna({"sessions": 0, "minutes": 0})
# In[4]:
df["days_since_seen"] = (pd.Timestamp("2024-01-01") - df.last_seen).dt.days
df["minutes_per_session"] = df.minutes / df.sessions.replace(0, np.nan)
X = df.drop(columns=["churned", "id", "last_seen", "signup_date"])
y = df.churned
# In[5]:
from sklearn.model_selection import train_test_split
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=7)
```""")

add("opus", "design", "databases", "typos", "en", None,
    "Choosing a datastore and schema for a ledger with correctness guarantees is high-stakes design",
    "we need to build a ledger for user wallet balances (top ups, payments, refunds, transfers between users). must never go negative, must be auditable, ~2k tx/sec peak. postgres? something else? how do u model it so balances are always right even with retries and concurrent transfers. pls be thorough this is money")

add("haiku", "question", "ml", "plain", "en", None,
    "Factual question about a common function",
    "What's the difference between `torch.save(model)` and `torch.save(model.state_dict())`?")

add("sonnet", "debug", "ml", "follow-up", "en", None,
    "Follow-up with a new error after a fix, pointing at an identifiable cause (device mismatch)",
    """did what you said, now getting this instead:

```
RuntimeError: Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu! (when checking argument for argument mat1 in method wrapper_CUDA_addmm)
```
the head is created after I call model.to(device), if that matters""")

add("haiku", "question", "databases", "plain", "en", "hard-words-easy",
    "Quorum/consensus vocabulary but a simple arithmetic fact",
    "With a 5-node etcd cluster, how many nodes can fail before it loses quorum?")

add("opus", "explain", "databases", "verbose", "en", None,
    "Semantics of Redis Redlock safety under clock drift and GC pauses is distributed-consistency reasoning",
    """I've been reading the Redlock debate (Kleppmann vs antirez) for a design review at work and I'm going in circles. We want to use Redis locks to make sure only one worker processes a given payout at a time. Could you lay out, carefully, under which failure scenarios Redlock can grant the same lock to two clients (process pauses, clock jumps, network delays), whether fencing tokens actually fix it and what the storage side must support for that, and whether for our case (payouts written to Postgres) we should just use Postgres advisory locks or SELECT ... FOR UPDATE SKIP LOCKED instead? I'd like the reasoning, not just a verdict.""")

add("sonnet", "implement", "databases", "plain", "en", None,
    "Job queue on Postgres with SKIP LOCKED, from a clear spec, is everyday implementation",
    "Implement a simple job queue on Postgres with FOR UPDATE SKIP LOCKED: table DDL, enqueue, a worker loop that claims one job, runs it, marks done or increments attempts with exponential backoff on failure, max 5 attempts then dead. Python + psycopg 3.")

add("haiku", "edit", "data", "plain", "en", None,
    "Adding a header line to a small file is a mechanical edit",
    """Add the standard Apache 2.0 license header comment to the top of this file:

```python
from airflow.decorators import dag, task
import pendulum

@dag(schedule="@daily", start_date=pendulum.datetime(2024, 1, 1, tz="UTC"), catchup=False)
def hello():
    @task
    def say():
        print("hi")
    say()

hello()
```""")

add("opus", "debug", "data", "terse", "en", "easy-words-hard",
    "Occasional missing rows in an incremental pipeline with no lead is a correctness heisenbug",
    "incremental load misses a few rows maybe once a week. watermark on updated_at. source is mysql replica. no errors anywhere. why")

add("sonnet", "explain", "ml", "other-language", "es", None,
    "Explicar por qué un fragmento se comporta así (fuga de datos por escalar antes del split) es sutil pero conocido",
    """Mi profesor dice que este código tiene "data leakage" pero no entiendo dónde. ¿Me lo explicas y me dices cómo corregirlo?

```python
scaler = StandardScaler()
X = scaler.fit_transform(df[features])
X_train, X_test, y_train, y_test = train_test_split(X, df["y"], test_size=0.2, random_state=0)
selector = SelectKBest(f_classif, k=20).fit(X, df["y"])
X_train, X_test = selector.transform(X_train), selector.transform(X_test)
model = LogisticRegression().fit(X_train, y_train)
```""")

add("haiku", "question", "tooling", "plain", "en", None,
    "Short factual tooling question",
    "How do I make Jupyter autoreload my local module when I edit it?")

add("sonnet", "ops", "ml", "plain", "en", None,
    "Containerising model serving with known components is everyday ops/config",
    "Write a Dockerfile and a minimal FastAPI app to serve a scikit-learn pipeline saved with joblib at /models/model.joblib: /predict takes a JSON list of records, /health returns ok. Use python:3.11-slim, non-root user, gunicorn with uvicorn workers, model loaded once per worker.")

add("opus", "design", "ml", "non-native", "en", None,
    "Designing an LLM agent system with safety and evaluation constraints is open design with trade-offs",
    "Our company want to make LLM agent which can answer questions on our data warehouse by writing SQL (text-to-SQL). We have around 600 tables, many with bad names, and it is important that it does not show salary data to the wrong people. Please propose architecture: how to give the schema to the model, how to check the SQL is correct and safe before running, how to handle permissions, and how we can measure if the answers are right.")

add("haiku", "question", "databases", "terse", "en", None,
    "One-line psql meta-command",
    "psql: show indexes on a table")

add("sonnet", "debug", "databases", "verbose", "en", None,
    "MongoDB aggregation giving wrong counts due to $unwind dropping empties: identifiable cause",
    """I'm an analyst and I've been asked to count how many customers have zero orders vs one or more, using our Mongo collection. My pipeline gives a total that is smaller than the number of customers, and I can't see why. The customers collection has 48,211 docs. This aggregation returns groups that sum to 39,870:

```js
db.customers.aggregate([
  { $lookup: { from: "orders", localField: "_id", foreignField: "customerId", as: "orders" } },
  { $unwind: "$orders" },
  { $group: { _id: "$_id", n: { $sum: 1 } } },
  { $group: { _id: { $cond: [{ $gt: ["$n", 0] }, "has_orders", "no_orders"] }, customers: { $sum: 1 } } }
])
```
Output: `[{ _id: "has_orders", customers: 39870 }]`. Where did the rest go and how do I fix it?""")

add("haiku", "docs", "data", "typos", "en", None,
    "Short docstring-writing task",
    "write a one line docstring for this:\n\ndef to_utc(ts, tz): return pd.Timestamp(ts).tz_localize(tz).tz_convert('UTC')")

add("opus", "plan", "databases", "plain", "en", "easy-words-hard",
    "Splitting a shared database between teams without breaking consumers is a large multi-step migration",
    "Six teams all read and write the same MySQL database and every schema change is a fight. We want each team to own its own data. How do we get there from here without a big-bang rewrite?")

add("sonnet", "implement", "ml", "terse", "en", None,
    "Custom collate/bucketed batching for variable-length sequences is everyday implementation",
    "collate_fn for variable-length token sequences: pad to batch max with pad_id, return input_ids, attention_mask, labels with -100 on padding. plus a length-bucketed batch sampler.")

add("haiku", "question", "data", "plain", "en", None,
    "Factual question about dbt commands",
    "What's the difference between `dbt run`, `dbt build` and `dbt test`?")

add("sonnet", "debug", "data", "typos", "en", None,
    "Merge producing row explosion due to duplicate keys is an identifiable cause from the output",
    """after i merge these two dataframes i have WAY more rows than before, 1.2M -> 9M. i thought a left join cant add rows??

```python
>>> orders.shape
(1203442, 14)
>>> out = orders.merge(prices, on=["sku", "country"], how="left")
>>> out.shape
(9012871, 17)
>>> prices.groupby(["sku","country"]).size().describe()
count    41822.000000
mean         7.483000
max         52.000000
```""")

add("opus", "debug", "databases", "plain", "en", None,
    "Performance cliff after data growth with plan flips needs analysis beyond a known fix",
    """A query that's fast (20 ms) most of the day becomes 30+ seconds for about an hour every night, then goes back to fast. It's the same query with different parameters from the same endpoint. auto_explain shows it switches from an index scan on (tenant_id, created_at) to a bitmap heap scan on a different index during the slow hour. Nightly batch import runs right before. Postgres 14, plan_cache_mode default, prepared statements via the JDBC driver. Explain what's probably happening and how to make it stable.""")

add("haiku", "edit", "ml", "non-native", "en", None,
    "Changing a hyperparameter value in a small YAML config is a mechanical edit",
    """Please change in this config the learning rate to 5e-5 and batch size to 16, nothing else:

```yaml
model: bert-base-uncased
train:
  lr: 2e-5
  batch_size: 32
  epochs: 3
  warmup_ratio: 0.1
eval:
  batch_size: 64
```""")

add("sonnet", "implement", "general", "plain", "en", None,
    "CLI tool with argparse and CSV processing from clear spec",
    "Small Python CLI: `csvdiff old.csv new.csv --key id` that prints added, removed and changed rows (showing which columns changed). Handle files that don't fit in memory reasonably, exit code 1 if there are differences.")

add("opus", "explain", "ml", "terse", "en", None,
    "Semantics of NCCL collectives + CUDA streams ordering with a hang is concurrency reasoning",
    "why can calling dist.all_reduce inside `if rank == 0:` hang the whole job, and what exactly does NCCL guarantee about ordering of collectives across ranks and streams?")

add("haiku", "question", "databases", "follow-up", "en", None,
    "Follow-up factual question about the previous query's index",
    "and what index should I add for that query? just the CREATE INDEX")

add("sonnet", "review", "databases", "plain", "en", None,
    "Reviewing a SQL schema for normal issues (types, keys, indexes) is everyday review",
    """Review this schema for a small booking app (Postgres). Anything wrong or missing?

```sql
CREATE TABLE rooms (
  id serial PRIMARY KEY,
  name text,
  capacity int
);
CREATE TABLE bookings (
  id serial PRIMARY KEY,
  room_id int,
  user_email varchar(100),
  start_time timestamp,
  end_time timestamp,
  price float,
  status varchar(20)
);
CREATE INDEX ON bookings (user_email);
```""")
# ---------------- batch 4

add("sonnet", "debug", "data", "plain", "en", None,
    "Spark join skew visible in the stage summary with an identifiable fix (salting/AQE skew join)",
    """One task in stage 23 takes 48 minutes, the rest take 20 seconds. Stage summary from the UI:

```
Summary Metrics for 800 Completed Tasks
Metric                      Min        25th pct   Median     75th pct   Max
Duration                    4 s        14 s       19 s       23 s       48 min
GC Time                     0 ms       0.2 s      0.3 s      0.4 s      6.1 min
Shuffle Read Size / Records 31.2 MiB / 402113   38.0 MiB / 498112   40.1 MiB / 512004   42.6 MiB / 540118   38.4 GiB / 511902116
Spill (Memory)              0 B        0 B        0 B        0 B        112.0 GiB
Spill (Disk)                0 B        0 B        0 B        0 B        36.9 GiB
```
It's `clicks.join(campaigns, "campaign_id")`; campaign_id is null for organic clicks (~40% of rows). Spark 3.4, AQE on. What's happening and what's the fix?""")

add("haiku", "question", "data", "follow-up", "en", None,
    "Follow-up asking a short factual detail",
    "and which spark setting controls the skew threshold for AQE? just the name")

add("opus", "design", "data", "verbose", "en", None,
    "Streaming aggregation with late data, exactly-once sink and backfill is distributed design",
    """Our product team wants real-time dashboards of orders per minute per store (about 8,000 stores, ~3k events/sec peak), with numbers that later match the batch warehouse exactly. Events come through Kafka from mobile apps that can be offline for hours and then flush, so some events are very late. We're choosing between Flink and Spark Structured Streaming, and between writing to ClickHouse or Postgres. I'd like a design covering windowing and watermarks, how to handle events later than the watermark, how to make the sink idempotent/exactly-once, how to reconcile with batch, and how to backfill when we fix a bug in the logic.""")

add("haiku", "edit", "databases", "plain", "en", "long-trivial",
    "Adding IF NOT EXISTS to many CREATE statements is a mechanical edit regardless of length",
    "Add `IF NOT EXISTS` to every CREATE TABLE and CREATE INDEX in this schema dump and change nothing else.\n\n```sql\n"
    + "\n".join(
        f"CREATE TABLE {t}_{i} (\n    id bigserial PRIMARY KEY,\n    tenant_id bigint NOT NULL,\n    {c} {ty} NOT NULL,\n    created_at timestamptz NOT NULL DEFAULT now(),\n    updated_at timestamptz\n);\nCREATE INDEX {t}_{i}_tenant_idx ON {t}_{i} (tenant_id, created_at);\n"
        for i, (t, c, ty) in enumerate(
            [(random.Random(31 + k).choice(["orders", "invoices", "events", "accounts", "tickets", "notes"]),
              random.Random(71 + k).choice(["amount", "title", "payload", "status", "score"]),
              random.Random(91 + k).choice(["numeric(12,2)", "text", "jsonb", "smallint", "real"])) for k in range(70)]))
    + "```")

add("sonnet", "implement", "ml", "verbose", "en", None,
    "Implementing a metric-tracked hyperparameter sweep with Optuna is everyday integration",
    """I'm a biologist-turned-data-scientist, so please bear with me. I have a gradient boosting model (LightGBM) predicting protein solubility from ~1,400 engineered features, about 12k samples. Right now I tune by hand and my PI wants a systematic search that we can report in the methods section. Could you write an Optuna study that tunes num_leaves, learning_rate, min_child_samples, feature_fraction, bagging_fraction and lambda_l2 with 5-fold stratified CV on ROC AUC, uses pruning with LightGBM's early stopping, logs every trial to a CSV, and at the end refits on all training data with the best params and reports the held-out test AUC? Fixed seeds everywhere please, reproducibility matters for the paper.""")

add("opus", "debug", "ml", "plain", "en", None,
    "Throughput collapse in multi-GPU training without error needs profiling analysis across dataloader, NCCL, and I/O",
    """Training throughput drops from ~3,000 img/s to ~700 img/s after about 40 minutes, on every run, and stays low. 8xA100 single node, DDP, data on a local NVMe via webdataset, 12 workers per GPU, pin_memory. GPU util goes from ~95% to bursts of 0-30%. CPU usage looks normal. Restarting the job brings it back to full speed for another ~40 minutes. What would you look at and in what order, and what are the likely culprits?""")

add("haiku", "question", "databases", "other-language", "es", None,
    "Pregunta factual breve: diferencia entre DELETE y TRUNCATE",
    "¿Cuál es la diferencia entre DELETE sin WHERE y TRUNCATE en PostgreSQL?")

add("sonnet", "implement", "data", "other-language", "es", None,
    "Implementar un DAG de Airflow con una especificación clara es trabajo cotidiano",
    "Necesito un DAG de Airflow que cada hora descargue un fichero JSON de una API REST (con paginación por cursor y token en una Connection), lo guarde en S3 particionado por fecha y hora, y luego lo cargue en una tabla de Postgres con COPY. Reintentos 3 veces, y que no se solapen dos ejecuciones.")

add("opus", "review", "security", "other-language", "fr", None,
    "Revue de sécurité de la gestion des secrets et de l'accès aux données : une erreur subtile est une vulnérabilité",
    """Pouvez-vous faire une revue de sécurité de ce notebook partagé par notre équipe data ? Il tourne sur un JupyterHub accessible à 40 personnes.

```python
import os, psycopg2, boto3
conn = psycopg2.connect(host="prod-db.internal", user="admin", password="Xk8!pq2Lm", dbname="crm")
s3 = boto3.client("s3", aws_access_key_id=os.environ.get("AWS_KEY", "AKIAIOSFODNN7EXAMPLE"),
                  aws_secret_access_key=os.environ.get("AWS_SECRET", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
client = input("id client : ")
df = pd.read_sql(f"SELECT * FROM clients WHERE id = {client}", conn)
df.to_csv(f"/shared/exports/{client}.csv")
s3.upload_file(f"/shared/exports/{client}.csv", "exports-publics", f"{client}.csv", ExtraArgs={"ACL": "public-read"})
```""")

add("haiku", "question", "ml", "plain", "en", "hard-words-easy",
    "Buzzword-heavy question (LoRA, rank, adapters) with a short factual answer",
    "In LoRA fine-tuning, what does the `r` (rank) hyperparameter control? Short answer.")

add("sonnet", "debug", "databases", "non-native", "en", None,
    "Connection pool exhaustion with trace showing leaked sessions is an identifiable cause",
    """Our FastAPI service after some hours start to give this error and only restart is helping:

```
sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00 (Background on this error at: https://sqlalche.me/e/20/3o7r)
```

This is how we get the session:

```python
SessionLocal = sessionmaker(bind=engine)

def get_db():
    db = SessionLocal()
    return db

@app.get("/items/{item_id}")
def read_item(item_id: int, db: Session = Depends(get_db)):
    item = db.get(Item, item_id)
    if item is None:
        raise HTTPException(404)
    return item
```
What is wrong please?""")

add("haiku", "question", "ml", "terse", "en", None,
    "One-line command",
    "nvidia-smi but refresh every second")

add("opus", "design", "databases", "plain", "en", "easy-words-hard",
    "Designing data deletion across many systems for a legal requirement is an open multi-system design",
    "A customer asks us to delete all their data. It lives in Postgres, in S3 exports, in the warehouse, in backups, in Elasticsearch and in three SaaS tools. Design how we do this reliably every time and can prove we did it.")

add("sonnet", "test", "ml", "plain", "en", None,
    "Writing unit tests for a preprocessing module is everyday test work",
    """Write pytest tests for this tokenization helper, including edge cases (empty text, text longer than max_len, special characters, batch of mixed lengths):

```python
def encode_batch(tokenizer, texts, max_len=128):
    enc = tokenizer(texts, truncation=True, max_length=max_len, padding="longest", return_tensors="pt")
    lengths = enc["attention_mask"].sum(dim=1)
    return {"input_ids": enc["input_ids"], "attention_mask": enc["attention_mask"], "lengths": lengths}
```
Use a real small tokenizer (bert-base-uncased) but mark the tests so they can be skipped offline.""")

add("haiku", "explain", "databases", "plain", "en", None,
    "Explaining a short snippet in one or two sentences",
    """What does this do?

```sql
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle in transaction' AND state_change < now() - interval '10 minutes';
```""")

add("opus", "debug", "databases", "verbose", "en", None,
    "MySQL replication breaking intermittently with duplicate keys after failover needs a cross-component theory",
    """We're on MySQL 8.0 with GTID-based async replication (one primary, two replicas, orchestrator for failover). Twice in the last month, after an orchestrator-triggered failover, replication on the remaining replica broke with `Error 'Duplicate entry '88120311' for key 'orders.PRIMARY'' on query`. Both times we fixed it by skipping the transaction, but now finance found two orders with different content on the old and new primary for the same id. We use auto_increment_increment=1, the app writes only to the primary through ProxySQL, and we have semi-sync disabled because of latency. How could this happen, how do we figure out what data is divergent now, and what should we change?""")

add("sonnet", "implement", "databases", "typos", "en", None,
    "Writing an upsert sync script between two DBs with clear requirements",
    "need a python script that syncs the `products` table from mysql to postgres every 5 min. only changed rows (updated_at), upsert on id, handle deletes via a `deleted_at` column. mysql-connector + psycopg3. dont load the whole table in memory pls")

add("haiku", "question", "data", "plain", "en", None,
    "Factual question with a known answer",
    "What's the difference between a star schema and a snowflake schema?")

add("sonnet", "implement", "databases", "follow-up", "en", None,
    "Follow-up: extend the previous sync to a second table; same-pattern everyday work (tie-breaker 8)",
    "great, now do the same for `product_prices`, it has a composite key (product_id, currency) and no deleted_at, deletes should be detected by comparing keys once an hour")

add("opus", "plan", "ml", "plain", "en", None,
    "Plan to migrate model serving to a new stack across many models with shadowing and rollback is large and high-stakes",
    "We serve 30 models from a Flask monolith and want to move to Triton + a feature service, without any model's predictions changing unnoticed. Give me a step-by-step plan: shadow traffic, parity checks, how to handle models with Python preprocessing that Triton can't run, and rollback.")

add("haiku", "docs", "databases", "follow-up", "en", None,
    "Follow-up asking for a commit message: small text task",
    "write the commit message for that migration change")

add("sonnet", "explain", "databases", "verbose", "en", None,
    "Explaining a MySQL EXPLAIN output with several join types is a non-trivial explanation",
    """I'm a backend developer moving from Postgres to MySQL at a new job, and the EXPLAIN output format confuses me. Could you explain what each column means in this specific output, and whether this query is doing something dumb? In particular 'Using temporary; Using filesort' and the 'ref' vs 'ALL' types.

```
+----+-------------+-------+------------+------+----------------------+----------------------+---------+----------------+--------+----------+----------------------------------------------+
| id | select_type | table | partitions | type | possible_keys        | key                  | key_len | ref            | rows   | filtered | Extra                                        |
+----+-------------+-------+------------+------+----------------------+----------------------+---------+----------------+--------+----------+----------------------------------------------+
|  1 | SIMPLE      | p     | NULL       | ALL  | PRIMARY              | NULL                 | NULL    | NULL           |  48211 |    11.11 | Using where; Using temporary; Using filesort |
|  1 | SIMPLE      | oi    | NULL       | ref  | idx_product_id       | idx_product_id       | 8       | shop.p.id      |     37 |   100.00 | NULL                                         |
|  1 | SIMPLE      | o     | NULL       | eq_ref | PRIMARY            | PRIMARY              | 8       | shop.oi.order_id |    1 |    33.33 | Using where                                  |
+----+-------------+-------+------------+------+----------------------+----------------------+---------+----------------+--------+----------+----------------------------------------------+
```
Query:
```sql
SELECT p.category, SUM(oi.qty * oi.price) AS revenue
FROM products p
JOIN order_items oi ON oi.product_id = p.id
JOIN orders o ON o.id = oi.order_id
WHERE p.active = 1 AND o.created_at >= '2024-01-01'
GROUP BY p.category
ORDER BY revenue DESC;
```""")

add("haiku", "question", "ml", "other-language", "fr", None,
    "Question factuelle courte sur un hyperparamètre",
    "C'est quoi la différence entre une epoch, un batch et une itération ?")

add("opus", "design", "ml", "terse", "en", "short-hard",
    "Serving-system design with batching/latency trade-offs for LLMs is open performance design",
    "serve a 70B model to 2k concurrent chat users, p95 TTFT < 1s. hardware, batching, kv cache strategy?")

add("sonnet", "debug", "ml", "typos", "en", None,
    "HF Trainer error with identifiable cause (labels missing / remove_unused_columns)",
    """trainer.train() dies immediatly with

```
ValueError: The model did not return a loss from the inputs, only the following keys: logits. For reference, the inputs it received are input_ids,attention_mask.
```

my dataset has columns text, label, input_ids, attention_mask. using AutoModelForSequenceClassification and TrainingArguments defaults. what am i missing""")

add("haiku", "question", "databases", "non-native", "en", None,
    "Short factual question",
    "Is it true that in Postgres an UPDATE is actually writing a new row? Why it is like this?")

add("opus", "debug", "data", "plain", "en", None,
    "Intermittent duplicate events in Kafka→warehouse pipeline need reasoning about delivery semantics across components",
    """We see duplicate rows in our events table in Snowflake, around 0.05% of events, but only on some days, usually days when we deployed something. Pipeline: app -> Kafka (acks=all, idempotent producer on) -> Kafka Connect S3 sink (parquet, rotate every 10 min) -> Snowpipe -> events_raw -> dbt model that dedups on event_id within the same day. The duplicates have the same event_id but land on different days. Explain where duplicates can come from in each hop and how to make this end-to-end correct.""")

add("sonnet", "implement", "data", "plain", "en", None,
    "Polars rewrite of a known pandas aggregation is everyday implementation",
    """Port this pandas code to Polars (lazy API), same output columns and order:

```python
df = pd.read_parquet("events.parquet")
df = df[df.event.isin(["view", "add_to_cart", "purchase"])]
df["day"] = df.ts.dt.floor("D")
funnel = (df.pivot_table(index=["day", "product_id"], columns="event", values="user_id", aggfunc="nunique", fill_value=0)
            .reset_index())
funnel["cart_rate"] = funnel.add_to_cart / funnel.view.where(funnel.view > 0)
funnel["buy_rate"] = funnel.purchase / funnel.add_to_cart.where(funnel.add_to_cart > 0)
funnel = funnel.sort_values(["day", "view"], ascending=[True, False])
```""")

add("haiku", "question", "infrastructure", "plain", "en", "hard-words-easy",
    "Kubernetes/operator vocabulary but a simple factual question",
    "What is a Kubernetes 'StatefulSet' and why do people run databases with it rather than a Deployment? Short.")

add("sonnet", "ops", "databases", "plain", "en", None,
    "Backup/restore setup with pgBackRest and known steps is everyday ops",
    "Set up pgBackRest for a Postgres 16 primary with backups to S3: full weekly, diff daily, WAL archiving, retention 4 full. Give me pgbackrest.conf, the postgresql.conf changes, the cron entries, and the exact commands to do a point-in-time restore to a new host.")

add("opus", "explain", "databases", "plain", "en", None,
    "Explaining crash-consistency of a specific fsync/WAL configuration needs careful reasoning where mistakes lose data",
    "We set `synchronous_commit = off` and `full_page_writes = off` on our Postgres primary to speed up ingestion, it's on ZFS with recordsize=8k. What exactly can we lose on a crash or power loss with each of those, could the database end up corrupted rather than just missing recent commits, and is the ZFS argument for turning off full_page_writes actually sound?")

add("haiku", "edit", "data", "terse", "en", None,
    "Mechanical rename of dataframe columns to snake_case",
    "rename these df columns to snake_case: ['Order ID', 'Customer Name', 'Order Date', 'Total (EUR)', 'Ship-Country']")

add("sonnet", "refactor", "databases", "plain", "en", None,
    "Refactoring raw SQL string building into SQLAlchemy Core across a module is everyday refactor",
    """Refactor this to SQLAlchemy 2.0 Core (no ORM), parameterised, same behaviour:

```python
def search_orders(conn, status=None, customer=None, since=None, limit=100):
    sql = "SELECT id, customer_id, status, total, created_at FROM orders WHERE 1=1"
    if status:
        sql += " AND status = '%s'" % status
    if customer:
        sql += " AND customer_id = %d" % customer
    if since:
        sql += " AND created_at >= '%s'" % since.isoformat()
    sql += " ORDER BY created_at DESC LIMIT %d" % limit
    cur = conn.cursor()
    cur.execute(sql)
    return cur.fetchall()

def count_by_status(conn):
    cur = conn.cursor()
    cur.execute("SELECT status, count(*) FROM orders GROUP BY status")
    return dict(cur.fetchall())
```""")

add("opus", "design", "general", "plain", "en", "easy-words-hard",
    "Open design of a system for reproducible analysis results across teams",
    "Two teams keep reporting different numbers for 'active users' to the board. Make it so there's one answer everyone trusts, and it stays that way as things change.")

add("haiku", "question", "ml", "plain", "en", None,
    "Factual question about a well-known API",
    "How do I freeze all layers of a Hugging Face model except the classification head?")

add("sonnet", "debug", "data", "verbose", "en", None,
    "dbt compilation error with a clear cause (ref to disabled model / wrong name)",
    """Hi! I'm new to dbt and I inherited a project from a colleague who left. When I run `dbt build` I get this and I'm not sure if the problem is my profile, the packages, or the model itself. I've already run `dbt deps`.

```
12:04:51  Running with dbt=1.7.4
12:04:52  Registered adapter: snowflake=1.7.1
12:04:53  Encountered an error:
Compilation Error
  Model 'model.analytics.fct_subscriptions' (models/marts/fct_subscriptions.sql) depends on a node named 'stg_stripe__subscription' which was not found
12:04:53  Done.
```

```
$ ls models/staging/stripe/
_stripe__sources.yml  stg_stripe__customers.sql  stg_stripe__invoices.sql  stg_stripe__subscriptions.sql
```
Could you tell me what's wrong and also how I'd find this kind of thing myself next time?""")

add("opus", "debug", "ml", "non-native", "en", "easy-words-hard",
    "Silent accuracy drop after an innocuous-looking change with no lead; needs hypothesis-driven investigation",
    "After we update our Docker image (only the base image and some library versions), the same model checkpoint give 3% less accuracy on the same test set. No error, no warning. We compared the code, it is same. We don't know which library is the problem, there are more than 100 changed versions. How we can find the reason in systematic way?")

add("haiku", "question", "databases", "typos", "en", None,
    "Single well-known command",
    "how to make a read only user in postgres for one database, all tables incl future ones")

add("sonnet", "implement", "ml", "follow-up", "en", None,
    "Follow-up adding a feature (mixed precision + grad accumulation) to earlier loop: everyday implementation",
    "ok now add gradient accumulation and resume-from-checkpoint to the loop you wrote, same style")

add("haiku", "question", "data", "other-language", "es", "hard-words-easy",
    "Vocabulario intimidante (lakehouse, ACID) pero pregunta de definición corta",
    "¿Qué significa exactamente 'lakehouse'? ¿Es solo marketing? Dos frases.")

add("sonnet", "review", "data", "non-native", "en", None,
    "Reviewing an Airflow DAG for common mistakes is everyday review",
    """Please can you review my DAG, my lead say it has some bad practices but he don't say which:

```python
from datetime import datetime
import requests, pandas as pd
from airflow import DAG
from airflow.operators.python import PythonOperator
from sqlalchemy import create_engine

engine = create_engine("postgresql://etl:etl123@warehouse:5432/dw")
data = requests.get("https://api.example.com/rates").json()

def load():
    df = pd.DataFrame(data["rates"])
    df["loaded_at"] = datetime.now()
    df.to_sql("fx_rates", engine, if_exists="replace")

with DAG("fx_rates", start_date=datetime.now(), schedule_interval="@hourly") as dag:
    PythonOperator(task_id="load", python_callable=load)
```""")

add("opus", "design", "databases", "other-language", "es", "short-hard",
    "Diseño de consistencia entre regiones con conflictos: sistemas distribuidos",
    "Base de datos multi-región activa-activa para carritos de compra: ¿cómo resuelvo conflictos de escritura sin perder artículos? Diseño y trade-offs.")

add("haiku", "question", "tooling", "plain", "en", None,
    "Short factual question",
    "How do I clear all outputs from a Jupyter notebook from the command line before committing?")

add("sonnet", "debug", "databases", "plain", "en", None,
    "Encoding error on load with a clear cause in the trace",
    """COPY fails on a file from a French partner:

```
ERROR:  invalid byte sequence for encoding "UTF8": 0xe9 0x74 0x65
CONTEXT:  COPY clients, line 2211
```
They say the file is "standard Excel CSV". I'm loading with `\\copy clients FROM 'clients.csv' WITH (FORMAT csv, HEADER true, DELIMITER ';')`. How do I load it correctly, and how do I make the nightly job robust to this?""")

add("opus", "review", "ml", "verbose", "en", None,
    "Reviewing an evaluation methodology for leakage/validity in a high-stakes model is deep review",
    """We're about to present results for a model that predicts hospital readmission within 30 days, which a hospital network wants to use to allocate follow-up nurses. I'm a bit nervous about our methodology and would like a critical review before the steering committee. Setup: 210k admissions from 2018-2023 across 9 hospitals; patient-level features plus the last 12 months of history; we randomly split admissions 80/20 into train/test; we target-encoded diagnosis codes using the full dataset; we tuned an XGBoost model on the test set using early stopping; we report AUC 0.81 and calibration looks good on the test set. We also dropped admissions where the patient died within 30 days because 'they cannot be readmitted'. What problems do you see, how much might each inflate or bias the results, and what should we redo before presenting?""")

add("haiku", "edit", "databases", "plain", "en", None,
    "Converting a small CSV snippet into INSERT statements is mechanical",
    """Turn this into a single multi-row INSERT for table `countries(code, name, eu)`:

```
code,name,eu
FR,France,true
DE,Germany,true
CH,Switzerland,false
NO,Norway,false
ES,Spain,true
```""")

add("sonnet", "implement", "ml", "plain", "en", None,
    "Batch inference job with known pieces (Spark pandas UDF + model broadcast) is everyday implementation",
    "Score 400M rows in a Spark DataFrame with a scikit-learn model (joblib, 80MB). Write it with a pandas_udf / mapInPandas so the model loads once per executor, output probability column, write to Delta partitioned by date.")

add("opus", "debug", "databases", "terse", "en", "easy-words-hard",
    "Rare data loss after restart with no lead is a durability investigation across layers",
    "after a host reboot last night mongodb came back fine but the last ~20 minutes of writes are gone. writeConcern was w:1. replica set of 3. how, and what do we change")

add("haiku", "question", "ml", "follow-up", "en", None,
    "Follow-up asking for a short clarification",
    "wait, so should warmup_ratio be relative to total steps or steps per epoch?")

add("sonnet", "explain", "data", "plain", "en", None,
    "Explaining why a subtle pandas behaviour happens (NaN in groupby keys dropped) is sonnet per tie-breaker 7",
    """Why do these two totals differ?

```python
>>> df.amount.sum()
1284431.5
>>> df.groupby("region").amount.sum().sum()
1190208.0
```
No errors. region is an object column.""")

add("haiku", "question", "databases", "plain", "en", "long-trivial",
    "Finding which line sets one parameter in a long config dump is a lookup",
    "Which of these settings is making autovacuum so lazy on our big tables? Just point me at the line(s).\n\n```\n"
    + "\n".join(
        f"{name} = {val}" for name, val in
        [(f"# {random.Random(200 + k).choice(['custom', 'tuning', 'legacy', 'note'])}_{k}", random.Random(300 + k).choice(['see wiki', 'ok', 'do not change', 'ticket DBA-' + str(1000 + k)]))
         for k in range(380)]
        + [("autovacuum_vacuum_scale_factor", "0.4"), ("autovacuum_vacuum_cost_limit", "200"), ("autovacuum_naptime", "1min"),
           ("shared_buffers", "16GB"), ("effective_cache_size", "48GB"), ("work_mem", "64MB"), ("maintenance_work_mem", "2GB"),
           ("max_wal_size", "16GB"), ("checkpoint_timeout", "15min"), ("random_page_cost", "1.1")])
    + "\n```")
# ---------------- batch 5

add("sonnet", "implement", "data", "verbose", "en", None,
    "Incremental load with watermark and MERGE from a clear spec is everyday data engineering",
    """Some background: we're a mid-size retailer and I'm the only data engineer. Every night I copy the `orders` table from our MySQL OLTP database into Snowflake by truncating and reloading, which now takes 2 hours because the table has 180M rows. Orders get updated for up to 90 days after creation (returns, status changes), and `updated_at` is reliably maintained by the application (I checked, there's a trigger). I'd like to switch to an incremental load: extract rows with updated_at greater than the last watermark minus a safety overlap, stage them to S3 as parquet, then MERGE into the Snowflake table. Could you write the Python for the extract (chunked, so memory stays bounded), the Snowflake MERGE statement, and the watermark bookkeeping (stored in a small control table), and tell me what overlap window you'd use and why?""")

add("haiku", "question", "data", "terse", "en", None,
    "One-line pandas syntax",
    "pandas pivot long->wide, index user_id, columns metric, values value")

add("opus", "design", "data", "plain", "en", "short-hard",
    "Schema evolution and compatibility strategy across producers/consumers is open distributed design",
    "Kafka + Avro, 120 producer services, 40 consumers. Schema evolution rules that never break anyone?")

add("sonnet", "debug", "data", "non-native", "en", None,
    "pandas dtype error with a clear cause in the traceback",
    """When I do the sum of the column I have this error, but the column is numbers, I see them in Excel:

```
Traceback (most recent call last):
  File "report.py", line 23, in <module>
    total = df["Montant"].astype(float).sum()
  File "/usr/lib/python3/dist-packages/pandas/core/generic.py", line 6324, in astype
    new_data = self._mgr.astype(dtype=dtype, copy=copy, errors=errors)
  File "/usr/lib/python3/dist-packages/pandas/core/dtypes/astype.py", line 133, in _astype_nansafe
    return arr.astype(dtype, copy=True)
ValueError: could not convert string to float: '1\\u202f234,50'
```
I read the file with `pd.read_csv("export.csv", sep=";")`. How I fix this properly?""")

add("haiku", "explain", "data", "plain", "en", "hard-words-easy",
    "Distributed-sounding term but the question is a simple definition",
    "What does 'shuffle' mean in Spark, in plain terms?")

add("sonnet", "test", "data", "plain", "en", None,
    "Writing dbt tests (generic + singular) for existing models is everyday test work",
    """Add tests for these dbt models: schema.yml generic tests (unique, not_null, relationships, accepted_values) and one singular test asserting that for every day, the sum of fct_payments.amount equals the sum of stg_stripe__charges.amount minus refunds.

```sql
-- models/marts/fct_payments.sql
select
    c.charge_id as payment_id,
    c.customer_id,
    c.created_at::date as payment_date,
    c.amount - coalesce(r.refunded, 0) as amount,
    c.currency,
    case when c.status = 'succeeded' then 'paid' else c.status end as status
from {{ ref('stg_stripe__charges') }} c
left join (select charge_id, sum(amount) as refunded from {{ ref('stg_stripe__refunds') }} group by 1) r using (charge_id)
```""")

add("opus", "debug", "data", "verbose", "en", "easy-words-hard",
    "Pipeline that sometimes produces subtly different results on rerun, no lead: needs theory across nondeterminism sources",
    """I'm a research data scientist, and something is bothering me a lot. Our weekly cohort retention table, produced by a Spark job from raw event logs, changes slightly when we rerun it for a past week, even though the input files for that week haven't changed (we verified checksums). Differences are small, like 0.1-0.3% in a few cells, but our product managers noticed that the numbers in last month's deck don't match the dashboard now. The job uses window functions, dropDuplicates, a few joins with a dimension table that is refreshed daily, and approximate distinct counts in one place. How should I go about identifying every source of nondeterminism here and making the output reproducible, and which of them might actually change the business conclusions?""")

add("haiku", "question", "ml", "plain", "en", None,
    "Factual question about a standard technique",
    "What is label smoothing and what value do people usually use?")

add("sonnet", "implement", "ml", "plain", "en", None,
    "Implementing a PyTorch Dataset reading from parquet shards with known requirements",
    "Write an IterableDataset that streams rows from a directory of parquet shards (pyarrow), shards split across DataLoader workers and DDP ranks so no row is seen twice per epoch, shuffles with a buffer, and tokenizes the `text` column with a HF tokenizer.")

add("opus", "explain", "ml", "verbose", "en", None,
    "Academic question about a proof/derivation (convergence of Adam) requires formal reasoning",
    """For my thesis related-work section, I want to state accurately what is known about the convergence of Adam. I have read that the original convergence proof in Kingma & Ba (2015) contains an error identified by Reddi et al. (2018), who proposed AMSGrad. Could you explain precisely what the flaw in the original argument was, give the counterexample construction in Reddi et al. in enough detail that I can reproduce it, and summarise what later work established about Adam's convergence with practical hyperparameters (e.g. when beta2 is large enough)? Please be careful to distinguish convex online settings from non-convex stochastic ones.""")

add("haiku", "edit", "ml", "follow-up", "en", None,
    "Follow-up mechanical rename",
    "call it ShardedParquetDataset instead, and rename the buffer_size arg to shuffle_buffer")

add("sonnet", "debug", "ml", "other-language", "fr", None,
    "Déboguer une fuite de mémoire GPU avec cause identifiable (stockage de tenseurs avec graphe)",
    """Ma mémoire GPU augmente à chaque epoch jusqu'au CUDA out of memory à l'epoch 7. Voici la boucle :

```python
historique = []
for epoch in range(20):
    for x, y in loader:
        x, y = x.cuda(), y.cuda()
        sortie = modele(x)
        perte = critere(sortie, y)
        optimiseur.zero_grad()
        perte.backward()
        optimiseur.step()
        historique.append(perte)
    print(epoch, torch.cuda.memory_allocated() / 1e9)
```
```
0 2.41
1 2.98
2 3.55
3 4.12
...
torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB. GPU 0 has a total capacity of 7.79 GiB of which 12.31 MiB is free.
```
Pourquoi, et comment corriger ?""")

add("haiku", "question", "ml", "other-language", "es", None,
    "Pregunta corta de sintaxis",
    "¿Cómo fijo todas las semillas en PyTorch para que el entrenamiento sea reproducible?")

add("opus", "design", "ml", "plain", "en", "easy-words-hard",
    "Deciding how to safely let a model act automatically is open design with high stakes",
    "We want our fraud model to block payments automatically instead of just flagging them for review. How should we roll this out so we don't block good customers or miss real fraud while we learn?")

add("sonnet", "review", "ml", "plain", "en", None,
    "Reviewing an LLM app function (prompt building, retries, parsing) for correctness is everyday review",
    """Review this function from our LLM app. It extracts invoice fields as JSON.

```python
def extract_invoice(text: str) -> dict:
    prompt = f\"\"\"Extract vendor, date, total and currency from the invoice below. Respond with JSON only.

Invoice:
{text}\"\"\"
    for attempt in range(3):
        resp = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}], temperature=0.7)
        out = resp.choices[0].message.content
        try:
            data = json.loads(out)
            data["total"] = float(data["total"])
            return data
        except Exception:
            continue
    return {}
```""")

add("haiku", "question", "databases", "plain", "en", None,
    "Factual question with short answer",
    "Does adding a column with a default value rewrite the whole table in Postgres 15?")

add("sonnet", "ops", "infrastructure", "plain", "en", None,
    "Kubernetes CronJob for a data job with known settings is everyday config",
    """Convert this crontab line into a Kubernetes CronJob manifest: no concurrent runs, keep 3 failed jobs, 2h deadline, secrets from `warehouse-creds`, resources 2 CPU / 4Gi.

```
15 2 * * * cd /app && python -m etl.run --date $(date -d yesterday +\\%F) >> /var/log/etl.log 2>&1
```
Image is `registry.acme.io/etl:1.14.2`.""")

add("opus", "debug", "infrastructure", "plain", "en", None,
    "Intermittent pod kills of a data job under memory limits with no clear lead needs theory across JVM/container memory",
    """Our Spark-on-Kubernetes executors get OOMKilled (exit 137) maybe one run in five, always in the same big shuffle stage, but the JVM never throws OutOfMemoryError and GC logs look fine. executor memory 12g, memoryOverhead 2g, pod limit 14Gi, we use pyspark with pandas UDFs and Arrow. Bumping memory to 16g made it rarer but not gone. What's eating memory outside the heap and how do we size this properly?""")

add("haiku", "question", "general", "typos", "en", None,
    "Simple factual question",
    "whats the max size of a postgres text column again? and varchar without length")

add("sonnet", "implement", "databases", "plain", "en", None,
    "MongoDB schema + aggregation for a known reporting requirement is everyday implementation",
    "Mongo: we have `orders` docs with embedded `items: [{sku, qty, price}]` and `createdAt`. Write an aggregation that returns, per month of 2024, revenue, number of orders, and the top 3 SKUs by revenue, and tell me which index to create.")

add("opus", "review", "databases", "plain", "en", None,
    "Reviewing a hand-written distributed lock/leader election on a DB is concurrency review",
    """We use this for leader election between 3 scheduler instances. Review it; is there any way two instances both think they're leader?

```python
LEASE = 15  # seconds

def try_acquire(conn, me):
    with conn.transaction():
        row = conn.execute("SELECT holder, expires_at FROM leader WHERE id = 1 FOR UPDATE").fetchone()
        now = datetime.utcnow()
        if row.holder == me or row.expires_at < now:
            conn.execute("UPDATE leader SET holder = %s, expires_at = %s WHERE id = 1", (me, now + timedelta(seconds=LEASE)))
            return True
        return False

def run(conn, me):
    while True:
        if try_acquire(conn, me):
            do_scheduling_round()   # takes 1-20 s, writes jobs to the queue
        time.sleep(5)
```""")

add("haiku", "docs", "ml", "non-native", "en", None,
    "Short text task: improve one sentence",
    "Please make this sentence better English for my paper: 'The proposed method outperform the baselines in the most of datasets, what confirm our hypothesis.'")

add("sonnet", "refactor", "ml", "typos", "en", None,
    "Refactoring a training script into config-driven structure is multi-step refactor",
    """this script has every hyperparam hardcoded, can u refactor it to use a dataclass config loaded from yaml with CLI overrides (--lr 1e-4 etc), without changing what it does

```python
import torch, torchvision
from torch import nn

model = torchvision.models.resnet50(weights="DEFAULT")
model.fc = nn.Linear(2048, 37)
opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=10, gamma=0.1)
train_ds = torchvision.datasets.OxfordIIITPet("data", split="trainval", download=True, transform=torchvision.transforms.Compose([torchvision.transforms.RandomResizedCrop(224), torchvision.transforms.ToTensor()]))
loader = torch.utils.data.DataLoader(train_ds, batch_size=64, shuffle=True, num_workers=8)
for epoch in range(30):
    for x, y in loader:
        loss = nn.functional.cross_entropy(model(x), y)
        opt.zero_grad(); loss.backward(); opt.step()
    sched.step()
    torch.save(model.state_dict(), f"ckpt_{epoch}.pt")
```""")

add("opus", "plan", "data", "non-native", "en", None,
    "Multi-step migration of many Spark jobs between platforms with validation is a large plan",
    "We have around 250 Spark jobs on our own Hadoop cluster (Spark 2.4, Hive metastore, HDFS) and must move all to Databricks on Azure until end of year, because the hardware contract finish. Many jobs are written by people who left. Please make a plan how to do it: discovery, ordering, the Spark 2 to 3 changes, how to check results are same, and how we switch the downstream users.")

add("haiku", "question", "databases", "follow-up", "en", None,
    "Follow-up factual question",
    "does that index need to be CONCURRENTLY on a 10GB table or is it fine?")

add("sonnet", "debug", "databases", "follow-up", "en", None,
    "Follow-up where the previous fix didn't work; work unknown → sonnet (tie-breaker 8)",
    "that didn't work, still getting the same error after running it")

add("sonnet", "implement", "data", "follow-up", "en", None,
    "Follow-up: apply the same pattern to another source; everyday work (tie-breaker 8)",
    "nice. now do the same for the `customers` and `returns` tables, returns has no updated_at so use the id as the watermark")

add("opus", "design", "databases", "follow-up", "en", None,
    "Follow-up asking to make the earlier queue exactly-once across a crash: distributed semantics",
    "ok now make it so a job can never run twice even if a worker crashes mid-job after doing its side effect (it calls an external payments API)")

add("haiku", "question", "ml", "plain", "en", "long-trivial",
    "Counting how many epochs logged in a long log is a glance-checkable count",
    "How many epochs did this run actually complete before it was killed? (just the number)\n\n```\n"
    + gen_training_log(44, 23, 400, 20) + "\n[2024-03-02 --:--:--,000][ERROR] Received SIGTERM (preemption), exiting\n```")

add("sonnet", "debug", "ml", "verbose", "en", None,
    "Training/val loss pattern with an identifiable cause (augmentation on val / BN in train mode) from the code",
    """I'm a postdoc in ecology applying CNNs to camera-trap images, so deep learning is not my home field. My validation loss is consistently LOWER than my training loss for the whole run, and validation accuracy is higher than training accuracy by about 8 points. A colleague said this is 'impossible unless there's a bug'. Relevant code:

```python
train_tf = T.Compose([T.RandomResizedCrop(224, scale=(0.3, 1.0)), T.RandomHorizontalFlip(), T.ColorJitter(0.4, 0.4, 0.4), T.ToTensor(), T.Normalize(MEAN, STD)])
val_tf = T.Compose([T.Resize(256), T.CenterCrop(224), T.ToTensor(), T.Normalize(MEAN, STD)])
model = timm.create_model("efficientnet_b0", pretrained=True, num_classes=24, drop_rate=0.4, drop_path_rate=0.2)
criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
...
for epoch in range(40):
    model.train()
    train_loss, train_acc = run_epoch(model, train_loader, criterion, optimizer)
    model.eval()
    with torch.no_grad():
        val_loss, val_acc = run_epoch(model, val_loader, criterion, None)
```
Is there a bug, or is this expected? How would I convince my colleague either way?""")

add("haiku", "question", "ml", "plain", "en", "hard-words-easy",
    "RLHF vocabulary but a short conceptual question",
    "In RLHF, what is the reward model actually trained on? One sentence.")

add("opus", "design", "ml", "plain", "en", None,
    "Designing guardrails and permission boundaries for an LLM agent with tool access is security-critical design",
    "Our LLM support agent will get tools to issue refunds and change subscription plans. Design the safeguards: prompt injection from customer messages and emails, limits, human approval, audit, and how to test all of that before launch.")

add("sonnet", "implement", "ml", "non-native", "en", None,
    "Writing an evaluation harness for a classifier with per-class metrics and confusion matrix from a clear spec",
    "Can you write me the evaluation script for my multi-class model: it load predictions and labels from a CSV, compute per-class precision/recall/F1, macro and weighted averages, confusion matrix saved as PNG, and the 20 most confused pairs. Output also one JSON with all numbers for our dashboard.")

add("haiku", "question", "data", "non-native", "en", None,
    "Short factual question about Airflow",
    "In Airflow what is XCom and is it ok to pass a dataframe with it?")

add("sonnet", "debug", "data", "terse", "en", None,
    "Spark schema-merge error with an identifiable cause in the message",
    """reading a parquet dir in spark:

```
org.apache.spark.SparkException: [CANNOT_MERGE_SCHEMAS] Failed merging schemas:
Initial schema:
"STRUCT<order_id: BIGINT, amount: DOUBLE, ts: TIMESTAMP>"
Schema that cannot be merged with the initial schema:
"STRUCT<order_id: BIGINT, amount: DECIMAL(12,2), ts: TIMESTAMP>".
```
some days were written by the new job. fix without rewriting history if possible""")

add("opus", "debug", "general", "plain", "en", "easy-words-hard",
    "Intermittent wrong results in a report under concurrency with no lead; needs cross-component theory",
    "Every now and then the monthly invoice PDF shows a total that doesn't match the line items. If we regenerate it, it's right. It happens to maybe one in a thousand invoices. Where would you look?")

add("haiku", "question", "infrastructure", "terse", "en", None,
    "One-line shell command",
    "find all csv files over 1GB under /data and sort by size")

add("sonnet", "docs", "data", "plain", "en", None,
    "Writing a README for a pipeline module with several sections is a multi-part docs task",
    """Write a README.md for this repo: it's our dbt project for the finance marts. Sections: what it is, how to set up (dbt-snowflake, profiles.yml example using env vars), how to run locally against a dev schema, conventions (staging/intermediate/marts, naming, tests required for every model), how CI works (GitHub Actions runs `dbt build --select state:modified+` with deferral to prod manifest), and who to ask. Keep it practical.""")

add("opus", "explain", "databases", "plain", "en", "short-hard",
    "Formal reasoning about isolation-level guarantees in a specific engine is concurrency semantics",
    "Is MySQL InnoDB REPEATABLE READ actually snapshot isolation? Show an anomaly it allows that PG's RR doesn't.")

add("sonnet", "implement", "general", "other-language", "es", None,
    "Implementar un script de conversión con requisitos claros",
    "Escríbeme un script en Python que convierta todos los ficheros Excel (.xlsx) de una carpeta a CSV en UTF-8, una hoja por fichero CSV, nombrando cada uno como libro__hoja.csv, y que registre en un log los ficheros que no pudo leer.")

add("haiku", "explain", "databases", "other-language", "fr", None,
    "Expliquer un message d'erreur courant en une ou deux phrases",
    "Que veut dire l'erreur MySQL `ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction` ?")

add("opus", "design", "data", "other-language", "fr", "easy-words-hard",
    "Concevoir un système de calcul de commissions fiable et auditable : conception ouverte à enjeux financiers",
    "Nos commerciaux sont payés à la commission et chaque mois il y a des contestations parce que personne ne sait expliquer comment le chiffre a été calculé. Comment concevoir le calcul pour qu'il soit juste, explicable et qu'on puisse le recalculer après coup quand les règles changent ?")

add("sonnet", "explain", "ml", "plain", "en", None,
    "Explaining a non-trivial function (beam search) of dozens of lines",
    """Explain how this beam search works and whether the length normalisation is right:

```python
def beam_search(model, src, beam=4, max_len=64, alpha=0.6, bos=1, eos=2):
    enc = model.encode(src)
    beams = [([bos], 0.0)]
    finished = []
    for _ in range(max_len):
        cand = []
        for toks, score in beams:
            if toks[-1] == eos:
                finished.append((toks, score))
                continue
            logp = model.decode_step(enc, torch.tensor([toks])).log_softmax(-1)[0, -1]
            top = logp.topk(beam)
            for lp, idx in zip(top.values.tolist(), top.indices.tolist()):
                cand.append((toks + [idx], score + lp))
        if not cand:
            break
        beams = sorted(cand, key=lambda c: c[1], reverse=True)[:beam]
    finished.extend(beams)
    lp = lambda n: ((5 + n) / 6) ** alpha
    return max(finished, key=lambda c: c[1] / lp(len(c[0])))[0]
```""")

add("haiku", "question", "security", "plain", "en", "hard-words-easy",
    "Security vocabulary but a short factual question",
    "What's the difference between encryption at rest and in transit for a database? Two sentences.")

add("sonnet", "ops", "databases", "non-native", "en", None,
    "Configuring Redis Sentinel with known steps",
    "Please give me the configuration for Redis Sentinel with 1 master, 2 replicas and 3 sentinels on 3 servers, and how my Python app (redis-py) must connect so it follows the failover automatically.")

add("opus", "debug", "ml", "terse", "en", None,
    "Heisenbug in distributed training (rare hang) without lead needs concurrency theory",
    "DDP job hangs forever at random points, maybe once per 3 days of training, no error, all GPUs at 100% util. py-spy shows all ranks in allreduce except one in the dataloader. ideas + how to catch it")

add("haiku", "edit", "general", "plain", "en", "long-trivial",
    "Sorting keys of a long JSON config is mechanical regardless of length",
    "Sort the top-level keys of this JSON alphabetically, keep the values untouched.\n\n```json\n"
    + json.dumps({f"{random.Random(500 + k).choice(['spark', 'airflow', 'dbt', 'kafka', 'redis', 'pg'])}_{random.Random(600 + k).choice(['timeout', 'retries', 'pool', 'batch', 'buffer', 'threads'])}_{k}":
                  {"value": random.Random(700 + k).randint(1, 5000), "env": random.Random(800 + k).choice(["prod", "staging", "dev"]),
                   "owner": random.Random(900 + k).choice(["data-platform", "ml-infra", "dba", "analytics"]),
                   "note": random.Random(1000 + k).choice(["tuned after incident", "default", "see runbook", "temporary"])}
                  for k in range(180)}, indent=2)
    + "\n```")

add("sonnet", "implement", "data", "plain", "en", None,
    "Writing a data generator / fixture factory for tests from a schema is everyday implementation",
    "Write a small Python module that generates realistic fake data for our orders/customers/order_items schema (FK-consistent, skewed order counts per customer, seasonal order dates over 2 years) and writes it to Postgres with COPY. Parametrise the number of customers. Faker is ok.")

add("opus", "design", "databases", "verbose", "en", None,
    "Choosing a database for a new product with trade-offs on consistency, scaling and operations is architecture",
    """We're starting a new product: a collaborative spreadsheet-like tool for supply-chain planners. Each workspace has up to ~5M cells, users edit concurrently (maybe 20 people per workspace at once), formulas reference other cells across sheets, and customers demand full version history and the ability to branch a plan, try scenarios, and merge back. The team knows Postgres well, someone is pushing for a document store, someone else for an event-sourced design with CRDTs. Could you lay out a data architecture for this, compare the options honestly for our constraints (team of 8, cloud-hosted, enterprise customers who care about audits), and say what you'd pick and what would make you change your mind?""")

add("haiku", "question", "data", "plain", "en", None,
    "Factual question about a file format",
    "Is Parquet row-oriented or column-oriented, and what's a row group?")

add("sonnet", "debug", "databases", "plain", "en", None,
    "Slow query with a visible missing composite index in the plan: identifiable cause",
    """This takes 4 s:

```
EXPLAIN ANALYZE SELECT * FROM messages WHERE conversation_id = 88121 ORDER BY sent_at DESC LIMIT 30;

 Limit  (cost=0.56..1211.82 rows=30 width=412) (actual time=3981.220..3981.412 rows=30 loops=1)
   ->  Index Scan Backward using messages_sent_at_idx on messages  (cost=0.56..9120331.44 rows=225901 width=412) (actual time=3981.218..3981.406 rows=30 loops=1)
         Filter: (conversation_id = 88121)
         Rows Removed by Filter: 18220919
 Planning Time: 0.211 ms
 Execution Time: 3981.455 ms
```
Indexes: pkey on id, messages_sent_at_idx on (sent_at), messages_conv_idx on (conversation_id). Why doesn't it use messages_conv_idx and what's the fix?""")

add("sonnet", "implement", "ml", "verbose", "en", None,
    "Implementing a standard statistical test procedure over model outputs from a clear spec",
    """In the context of a comparative study of two speech recognition systems evaluated on the same 2,400 utterances, I would like to assess whether the difference in word error rate is statistically significant. I understand that a matched-pairs approach is appropriate because both systems are evaluated on identical inputs. Could you implement, in Python, (a) a paired bootstrap test over utterances for the WER difference, and (b) the MAPSSWE test as described by Gillick and Cox (1989), given per-utterance alignments in a JSON file, and report confidence intervals and p-values? Please comment the code so that the procedure can be described in the methods section.""")

add("opus", "review", "data", "plain", "en", None,
    "Reviewing a streaming job's exactly-once claims (checkpointing + sink) is distributed-code review",
    """Review this Spark Structured Streaming job. We claim exactly-once into Postgres; is that true?

```python
def write_batch(df, batch_id):
    rows = df.collect()
    with psycopg.connect(PG_URL) as conn:
        with conn.cursor() as cur:
            for r in rows:
                cur.execute(
                    "INSERT INTO store_minute (store_id, minute, orders, revenue) VALUES (%s, %s, %s, %s) "
                    "ON CONFLICT (store_id, minute) DO UPDATE SET orders = store_minute.orders + EXCLUDED.orders, "
                    "revenue = store_minute.revenue + EXCLUDED.revenue",
                    (r.store_id, r.minute, r.orders, r.revenue))
        conn.commit()

(spark.readStream.format("kafka").option("subscribe", "orders").load()
   .select(F.from_json(F.col("value").cast("string"), schema).alias("o")).select("o.*")
   .withWatermark("ts", "10 minutes")
   .groupBy("store_id", F.window("ts", "1 minute").start.alias("minute"))
   .agg(F.count("*").alias("orders"), F.sum("amount").alias("revenue"))
   .writeStream.outputMode("update").foreachBatch(write_batch)
   .option("checkpointLocation", "s3://chk/store_minute").start())
```""")

add("haiku", "question", "databases", "terse", "en", None,
    "One-line Redis command",
    "redis: set key only if not exists with 30s ttl, one command")

add("sonnet", "explain", "databases", "other-language", "es", None,
    "Explicar por qué una consulta se comporta de forma sutil (NOT IN con NULL) es sonnet",
    """¿Por qué esta consulta no devuelve ninguna fila si sé que hay clientes sin pedidos?

```sql
SELECT id FROM clientes WHERE id NOT IN (SELECT cliente_id FROM pedidos);
```""")

add("sonnet", "test", "ml", "follow-up", "en", None,
    "Follow-up asking for tests of the earlier dataset class: everyday test writing (tie-breaker 8)",
    "now add tests for the dataset: with 2 workers and world_size 2 every row appears exactly once across all (rank, worker) pairs")

add("haiku", "question", "ml", "verbose", "en", None,
    "Despite the long framing, the question is a single known fact",
    "Quick sanity check before I put this in my lab report, since I always mix them up and I don't want my supervisor to catch it: in scikit-learn's `classification_report`, is the 'support' column the number of true instances of each class in y_true, or the number of predictions made for that class?")

add("sonnet", "debug", "ml", "typos", "en", None,
    "LLM app bug with a clear cause (context window overflow from unbounded history) from the error",
    """our chatbot works for a while then every message fails with this, only for long convos:

```
openai.BadRequestError: Error code: 400 - {'error': {'message': "This model's maximum context length is 128000 tokens. However, your messages resulted in 131442 tokens. Please reduce the length of the messages.", 'type': 'invalid_request_error', 'param': 'messages', 'code': 'context_length_exceeded'}}
```

we just append every user+assistant msg to `history` and send it all plus the 8 retrieved chunks each time. whats the sane fix, we dont want it to forget the start of the conversation entirely""")
# ---------------- batch 6

add("sonnet", "implement", "data", "follow-up", "en", None,
    "Follow-up that only points back ('try again') with a constraint; the work is unknown so sonnet (tie-breaker 8)",
    "try again but stay in pandas, we can't add polars to the image")

add("sonnet", "refactor", "data", "follow-up", "en", None,
    "Follow-up asking to apply the same refactor to another module: everyday refactor (tie-breaker 8)",
    "good. now do the same logging conversion for loaders.py, it has the same print style")

add("sonnet", "debug", "data", "plain", "en", None,
    "Airflow task stuck due to pool/slot config visible in the logs is an identifiable cause",
    """Tasks in `export_finance` stay in 'scheduled' forever while other DAGs run fine. Task instance details say:

```
Dependencies Blocking Task From Getting Scheduled
Dependency           Reason
Pool Slots Available ('Not scheduling since there are 0 open slots in pool finance_pool and require 1 pool slots',)
```
`airflow pools list` shows finance_pool with 4 slots, 4 running. But nothing in finance_pool is actually running in the UI; the 4 'running' are from a DAG run we deleted yesterday. How do I unstick it and stop it from happening again?""")

add("sonnet", "implement", "data", "typos", "en", None,
    "Writing a parametrised SQL data-quality report with clear requirements is everyday work",
    "write me a python fn that profiles every column of a postgres table: null %, distinct count, min/max for numeric+dates, top 5 values for text. one query per column is fine but use the information_schema to discover columns, and return a dataframe")

add("opus", "debug", "data", "typos", "en", "easy-words-hard",
    "Counts that drift between identical reruns only in production, no lead: cross-component investigation",
    "our daily active users number changes depending on WHEN you look at it. at 9am its X, by noon yesterdays number went up by 2-3%. nobody backfills. finance wants one number. whats going on and how do we pin it down")

add("haiku", "question", "data", "plain", "en", "hard-words-easy",
    "Jargon-heavy but a one-line definition",
    "What's a 'slowly changing dimension type 2', in one sentence?")
# ================================================================ end
write()
