#!/usr/bin/env python3
"""Writer w23: data scientists, analysts and ML researchers in notebooks and SQL consoles
(pandas, polars, numpy, scipy/statsmodels, dbt, BigQuery/Snowflake, PyTorch, JAX, Hugging Face, tracking).
Run `python3 w23.py` to write w23.jsonl deterministically."""
import json, random

ROWS = []

def R(label, category, domain, voice, trap, rationale, prompt, language="en"):
    ROWS.append({"prompt": prompt, "label": label, "rationale": rationale, "category": category,
                 "domain": domain, "voice": voice, "language": language, "trap": trap})

# ---------------------------------------------------------------- material generators

COUNTRIES = ["US", "DE", "FR", "GB", "JP", "BR", "ES", "IN", "CA", "NL"]
CHANNELS = ["organic", "paid_search", "email", "referral", "social", "direct"]


def csv_orders(seed, n):
    rng = random.Random(seed)
    out = ["order_id,user_id,created_at,country,channel,items,amount_usd,discount,refunded"]
    t = 1714521600
    for i in range(n):
        t += rng.randint(3, 900)
        d = t // 86400 - 19844
        hh, mm, ss = (t % 86400) // 3600, (t % 3600) // 60, t % 60
        amt = round(rng.lognormvariate(3.6, 0.8), 2)
        out.append(f"{880120 + i},{rng.randint(10000, 99999)},2024-05-{1 + d % 30:02d} {hh:02d}:{mm:02d}:{ss:02d},"
                   f"{rng.choice(COUNTRIES)},{rng.choice(CHANNELS)},{rng.randint(1, 7)},{amt},"
                   f"{rng.choice(['0.00', '0.00', '0.00', '5.00', '10.00'])},{rng.choice(['false'] * 12 + ['true'])}")
    return "\n".join(out)


def df_head(seed, n=5, cols=None):
    rng = random.Random(seed)
    cols = cols or ["user_id", "signup_date", "plan", "sessions_7d", "revenue_30d", "churned"]
    lines = ["   " + "  ".join(f"{c:>12}" for c in cols)]
    for i in range(n):
        vals = []
        for c in cols:
            if c.endswith("_id"):
                vals.append(str(rng.randint(100000, 999999)))
            elif "date" in c:
                vals.append(f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
            elif c == "plan":
                vals.append(rng.choice(["free", "pro", "team", "enterprise"]))
            elif c in ("churned", "converted", "is_test"):
                vals.append(str(rng.choice([0, 0, 0, 1])))
            elif "revenue" in c or "amount" in c:
                vals.append(f"{rng.uniform(0, 400):.2f}" if rng.random() > 0.1 else "NaN")
            else:
                vals.append(str(rng.randint(0, 60)))
        lines.append(f"{i:<3}" + "  ".join(f"{v:>12}" for v in vals))
    return "\n".join(lines)


def train_log(seed, steps, every=10, diverge_at=None, ranks=1, lr0=3e-4, warmup=2000):
    rng = random.Random(seed)
    out = []
    loss = 10.8
    for s in range(every, steps + 1, every):
        lr = lr0 * min(1.0, s / warmup)
        loss = 2.1 + 8.7 * (0.35 ** (s / 1500)) + 0.25 * (0.5 ** (s / 20000)) + rng.gauss(0, 0.015)
        gn = abs(rng.gauss(0.9, 0.15))
        shown = loss
        if diverge_at and s >= diverge_at:
            k = (s - diverge_at) / every
            shown = loss + 0.05 * k * k
            gn = gn * (1 + 0.8 * k)
            if k > 12:
                shown, gn = float("nan"), float("nan")
        tok = rng.randint(152000, 158000) * ranks
        r = f"[rank0] " if ranks > 1 else ""
        out.append(f"{r}step {s:>6} | loss {shown:.4f} | lr {lr:.3e} | grad_norm {gn:.3f} | "
                   f"tok/s {tok} | mem {rng.uniform(61.0, 63.5):.1f}GB")
    return "\n".join(out)


def explain_pg(seed):
    rng = random.Random(seed)
    return f"""Hash Join  (cost=48211.{rng.randint(10,99)}..912844.{rng.randint(10,99)} rows=1184220 width=64) (actual time=812.4..{rng.randint(9000,14000)}.9 rows=1203377 loops=1)
  Hash Cond: (e.user_id = u.id)
  ->  Seq Scan on events e  (cost=0.00..702113.80 rows=24118203 width=40) (actual time=0.02..4412.77 rows=24120991 loops=1)
        Filter: ((event_ts >= '2024-04-01'::date) AND (event_type = ANY ('{{purchase,add_to_cart}}'::text[])))
        Rows Removed by Filter: {rng.randint(30000000, 40000000)}
  ->  Hash  (cost=31022.40..31022.40 rows=982240 width=32) (actual time=806.1..806.1 rows=982240 loops=1)
        Buckets: 131072  Batches: 16  Memory Usage: 4921kB
        ->  Seq Scan on users u  (cost=0.00..31022.40 rows=982240 width=32) (actual time=0.01..301.5 rows=982240 loops=1)
Planning Time: 1.9 ms
Execution Time: {rng.randint(11000,15000)}.4 ms"""


def dbt_model(seed, ncols):
    ncols = min(ncols, 180)
    rng = random.Random(seed)
    words = ["session", "order", "cart", "refund", "page", "search", "click", "email", "push", "trial",
             "invoice", "seat", "ticket", "login", "export"]
    aggs = ["count", "sum", "max", "min", "avg"]
    lines = ["{{ config(materialized='incremental', unique_key='user_day_key', cluster_by=['event_date']) }}",
             "", "with base as (", "    select", "        user_id,", "        date(event_ts) as event_date,",
             "        event_type,", "        properties", "    from {{ ref('stg_events') }}",
             "    {% if is_incremental() %}",
             "    where event_ts >= (select dateadd(day, -3, max(event_date)) from {{ this }})",
             "    {% endif %}", ")", "", "select", "    user_id,", "    event_date,",
             "    {{ dbt_utils.generate_surrogate_key(['user_id', 'event_date']) }} as user_day_key,"]
    used = set()
    for i in range(ncols):
        while True:
            w, a, win = rng.choice(words), rng.choice(aggs), rng.choice([1, 7, 28])
            name = f"{w}_{a}_{win}d"
            if name not in used:
                used.add(name)
                break
        if a == "count":
            expr = f"count_if(event_type = '{w}' and event_date >= dateadd(day, -{win}, current_date))"
        else:
            expr = f"{a}(iff(event_type = '{w}', properties:value::float, null))"
        lines.append(f"    {expr} as {name},")
    lines[-1] = lines[-1].rstrip(",")
    lines += ["from base", "group by 1, 2"]
    return "\n".join(lines)


def feature_module(seed, nfuncs):
    rng = random.Random(seed)
    ents = ["user", "merchant", "device", "card", "session", "account"]
    metrics = ["txn_count", "txn_amount", "decline_rate", "distinct_ip", "chargeback_count", "login_fail",
               "avg_ticket", "night_share", "country_switch", "velocity"]
    out = ['"""Feature builders for the fraud scoring model (v3)."""', "import numpy as np",
           "import pandas as pd", "", "WINDOWS = ['1h', '24h', '7d', '30d']", ""]
    seen = set()
    for i in range(nfuncs):
        e, m, w = rng.choice(ents), rng.choice(metrics), rng.choice(["1h", "24h", "7d", "30d"])
        name = f"{e}_{m}_{w}"
        if name in seen:
            continue
        seen.add(name)
        agg = rng.choice(["sum", "mean", "count", "nunique", "max"])
        out += [f"def {name}(df: pd.DataFrame) -> pd.Series:",
                f'    """{m.replace("_", " ")} per {e} over a trailing {w} window."""',
                f"    g = df.sort_values('event_ts').groupby('{e}_id')",
                f"    s = g.rolling('{w}', on='event_ts')['{rng.choice(['amount', 'is_decline', 'ip', 'is_night'])}'].{agg}()",
                f"    return s.reset_index(level=0, drop=True).rename('{name}')", ""]
    return "\n".join(out)


def nb_traceback(frames_extra=0, seed=0):
    rng = random.Random(seed)
    fr = []
    for i in range(frames_extra):
        fr.append(f"File /opt/conda/lib/python3.11/site-packages/pandas/core/{rng.choice(['frame','generic','groupby/groupby','indexing'])}.py:{rng.randint(200,12000)}, in {rng.choice(['DataFrame.__getitem__','NDFrame._get_item_cache','_LocIndexer.__getitem__','GroupBy.apply'])}(self, key)")
    return "\n".join(fr)


def bq_job_log(seed, n):
    rng = random.Random(seed)
    out = []
    for i in range(n):
        st = rng.choice(["DONE", "DONE", "DONE", "DONE", "FAILED"])
        out.append(f"2024-06-{rng.randint(1,28):02d}T{rng.randint(0,23):02d}:{rng.randint(0,59):02d}:{rng.randint(0,59):02d}Z "
                   f"job_{rng.getrandbits(48):012x} user=etl-sa@acme-analytics.iam.gserviceaccount.com "
                   f"state={st} bytes_processed={rng.randint(10**6, 9*10**12)} slot_ms={rng.randint(1000, 9*10**8)} "
                   f"dest=analytics.{rng.choice(['fct_orders','dim_users','agg_daily_revenue','fct_sessions','mart_ltv'])}")
    return "\n".join(out)


def ab_results(seed, days):
    rng = random.Random(seed)
    out = ["date,variant,visitors,conversions,revenue"]
    for d in range(days):
        for v in ("control", "treatment"):
            vis = rng.randint(4100, 4700)
            p = 0.052 if v == "control" else 0.055
            conv = sum(1 for _ in range(vis) if rng.random() < p)
            out.append(f"2024-03-{d + 1:02d},{v},{vis},{conv},{conv * rng.uniform(38, 46):.2f}")
    return "\n".join(out)


def wandb_table(seed, n):
    rng = random.Random(seed)
    out = ["run_id\tlr\tbatch\twarmup\twd\tseed\tval_loss\tval_acc\tstatus"]
    for i in range(n):
        lr = rng.choice([1e-4, 2e-4, 3e-4, 5e-4, 1e-3])
        out.append(f"{rng.getrandbits(32):08x}\t{lr:g}\t{rng.choice([32,64,128,256])}\t{rng.choice([0,500,1000,2000])}\t"
                   f"{rng.choice([0.0,0.01,0.1])}\t{rng.randint(0,4)}\t{rng.uniform(1.1,1.9):.4f}\t{rng.uniform(0.61,0.79):.4f}\t"
                   f"{rng.choice(['finished']*8+['crashed','killed'])}")
    return "\n".join(out)


def nccl_log(seed, n, ranks=8):
    rng = random.Random(seed)
    out = []
    for i in range(n):
        r = rng.randrange(ranks)
        kind = rng.random()
        ts = f"2024-07-11 03:{(i // 60) % 60:02d}:{i % 60:02d}"
        if kind < 0.6:
            out.append(f"{ts} [rank{r}] step {1200 + i // 4} loss {2.31 + rng.gauss(0, 0.05):.4f} grad_norm {rng.uniform(0.6, 1.4):.3f} loss_scale 65536.0")
        elif kind < 0.8:
            out.append(f"{ts} node{r // 4}:{r % 4}:{rng.randint(1000,9999)} [{r}] NCCL INFO Channel {rng.randint(0,15):02d}/0 : {r}[{r}] -> {(r+1)%ranks}[{(r+1)%ranks}] via P2P/IPC/read")
        else:
            out.append(f"{ts} [rank{r}] dataloader worker {rng.randint(0,7)} fetched shard {rng.randint(0,1023):05d} in {rng.uniform(0.1,2.5):.2f}s")
    return "\n".join(out)

# ---------------------------------------------------------------- rows
N = None
LT, SH, HW, EH = "long-trivial", "short-hard", "hard-words-easy", "easy-words-hard"

R("haiku", "question", "data", "terse", N, "one-line pandas syntax", "pandas drop duplicate rows keep last")
R("haiku", "question", "data", "terse", N, "polars syntax one-liner", "polars equivalent of df.groupby('a').b.mean()")
R("haiku", "question", "databases", "plain", N, "single-table SELECT syntax", "How do I select the top 10 customers by total revenue from the orders table in BigQuery?")
R("haiku", "question", "data", "plain", N, "well-known API fact", "What's the difference between .loc and .iloc in pandas?")
R("haiku", "explain", "data", "terse", N, "common error message", "SettingWithCopyWarning what does it mean")
R("haiku", "question", "ml", "terse", N, "short factual answer", "torch.no_grad vs torch.inference_mode")
R("haiku", "question", "data", "typos", N, "one-liner date parsing", "how to convert a colum of strings like '2024-03-01 14:22' to datetime in pandas, i keep forgeting the format arg")
R("haiku", "question", "databases", "terse", N, "snowflake syntax", "snowflake: parse json column and get nested key")
R("haiku", "question", "data", "plain", N, "numpy one-liner", "How do I get the indices of the 5 largest values in a numpy array?")
R("haiku", "question", "ml", "plain", N, "short well-known fact", "What does `model.eval()` actually change in PyTorch?")
R("haiku", "edit", "data", "plain", N, "mechanical rename", "Rename the columns of this dataframe to snake_case: `CustomerID, OrderDate, TotalAmountUSD, IsReturned`. Just give me the rename dict.")
R("haiku", "question", "databases", "terse", N, "window function syntax", "bigquery row_number per user ordered by ts desc")
R("haiku", "question", "tooling", "plain", N, "tool usage fact", "How do I run only one model and its downstream children with dbt?")
R("haiku", "question", "ml", "terse", N, "HF API one-liner", "hf datasets load only first 1000 rows")
R("haiku", "question", "data", "non-native", N, "TB9: simple syntax in rough English", "how I can make the pandas show all columns, it is cutting with ... in middle")
R("haiku", "question", "ml", "plain", N, "one-line JAX fact", "In JAX, how do I get a new PRNG key from an old one?")
R("haiku", "explain", "data", "plain", N, "explain a short snippet", "What does this do? `df.groupby('user_id')['amount'].transform('sum')`")
R("haiku", "question", "data", "terse", N, "scipy function lookup", "scipy function for welch t test")
R("haiku", "docs", "data", "plain", N, "add a docstring", "Add a numpy-style docstring to this:\n\n```python\ndef winsorize(s, lower=0.01, upper=0.99):\n    lo, hi = s.quantile([lower, upper])\n    return s.clip(lo, hi)\n```")
R("haiku", "question", "databases", "plain", N, "one-table SQL", "Snowflake: count distinct users per day from EVENTS where event_type = 'login' for the last 30 days.")

R("sonnet", "implement", "data", "plain", N, "clear-spec pipeline code", "Write a function that takes a pandas DataFrame of events (user_id, ts, event_type) and returns one row per user with first_seen, last_seen, n_sessions where a session breaks after 30 minutes of inactivity.")
R("sonnet", "debug", "data", "plain", N, "traceback points at cause",
  "Getting this in my notebook, what's going on?\n\n```\n---------------------------------------------------------------------------\nValueError                                Traceback (most recent call last)\nCell In[47], line 3\n      1 feats = build_features(raw)\n      2 X = feats.drop(columns=['churned'])\n----> 3 model.fit(X, feats['churned'])\n\nFile /opt/conda/lib/python3.11/site-packages/sklearn/base.py:1151, in _fit_context.<locals>.decorator.<locals>.wrapper(estimator, *args, **kwargs)\n   1144     estimator._validate_params()\n-> 1151 return fit_method(estimator, *args, **kwargs)\n\nFile /opt/conda/lib/python3.11/site-packages/sklearn/linear_model/_logistic.py:1207, in LogisticRegression.fit(self, X, y, sample_weight)\n-> 1207 X, y = self._validate_data(\n\nValueError: could not convert string to float: 'enterprise'\n```\n\nbuild_features returns plan as a string column, I thought LogisticRegression handled that")
R("sonnet", "implement", "databases", "plain", N, "multi-step SQL with clear spec", "Write a BigQuery query that computes 7-day rolling retention: for each signup cohort week, the share of users who had any event between day 1 and day 7 after signup. Tables are `analytics.users(user_id, signup_ts)` and `analytics.events(user_id, event_ts)`.")
R("sonnet", "test", "data", "plain", N, "write tests for existing code", "Write pytest tests for this dedup helper, including the tie-breaking case and empty input:\n\n```python\ndef latest_per_key(df, key, ts_col):\n    df = df.sort_values([key, ts_col])\n    return df.drop_duplicates(subset=[key], keep='last').reset_index(drop=True)\n```")
R("sonnet", "refactor", "data", "verbose", N, "refactor a module", "I have a notebook with about 15 cells that each do one cleaning step on the same dataframe (strip whitespace, parse dates, fill NAs by group median, clip outliers, one-hot encode region). I'd like to turn it into a proper sklearn Pipeline with ColumnTransformer so I can reuse it at inference time. Can you sketch the refactor? Columns: region (str), signup_date (str), age (float, NaNs), income (float, outliers), plan (str).")
R("sonnet", "implement", "ml", "plain", N, "standard training loop", "Write a minimal PyTorch training loop with gradient accumulation (accumulate 4 steps), AMP with bf16, and a cosine LR schedule with linear warmup.")
R("sonnet", "debug", "ml", "terse", N, "identifiable shape error", "RuntimeError: mat1 and mat2 shapes cannot be multiplied (32x2048 and 512x10) after I added a second conv layer. flatten right before the head. fix?")
R("sonnet", "implement", "tooling", "plain", N, "dbt config with known steps", "Convert our dbt model `fct_orders` from a table to an incremental model keyed on order_id, with a 3 day lookback for late-arriving rows. It's on Snowflake.")
R("sonnet", "explain", "data", "plain", N, "TB7: subtle behaviour in small code", "Why does this print the same lambda result for every column?\n\n```python\naggs = {}\nfor c in ['a', 'b', 'c']:\n    aggs[c] = lambda s: s[c].mean()\nprint({k: f(df) for k, f in aggs.items()})\n```")
R("sonnet", "implement", "ml", "plain", N, "library integration with clear spec", "Fine-tune distilbert-base-uncased on a CSV with columns text,label (3 classes) using the Hugging Face Trainer. Include train/val split, accuracy + macro F1 metrics, and early stopping.")
R("sonnet", "review", "data", "plain", N, "TB10: correctness review of a diff",
  "Can you review this change to our feature job?\n\n```diff\n-    df['days_since_last'] = (df['ts'] - df.groupby('user_id')['ts'].shift(1)).dt.days\n+    df = df.sort_values(['user_id', 'ts'])\n+    df['days_since_last'] = df.groupby('user_id')['ts'].diff().dt.days.fillna(-1)\n+    df['orders_to_date'] = df.groupby('user_id').cumcount()\n-    df['avg_basket'] = df.groupby('user_id')['amount'].transform('mean')\n+    df['avg_basket'] = df.groupby('user_id')['amount'].transform(lambda s: s.expanding().mean().shift(1))\n```")
R("sonnet", "implement", "data", "non-native", N, "TB9: clear-spec implementation", "I need function for polars: given lazyframe with columns store_id, date, sales, make for each store the lag 1, lag 7 and rolling mean 28 days of sales, without mixing the stores. Please also it must work if some dates are missing (fill with 0 before).")
R("sonnet", "debug", "databases", "plain", N, "error with clear cause", "BigQuery says `Resources exceeded during query execution: The query could not be executed in the allotted memory. Peak usage: 112% of limit. Top memory consumer(s): ORDER BY operations: 99%`. The query ends with `ORDER BY event_ts` over 2 billion rows and feeds a Looker tile. How do I fix it?")
R("sonnet", "implement", "data", "plain", N, "standard stats code", "Write a function that bootstraps a 95% confidence interval for the difference in median order value between two groups, vectorised with numpy, 10k resamples.")

R("opus", "debug", "ml", "plain", EH, "TB6: leakage needs a theory across the pipeline", "My churn model has 0.97 AUC on the holdout and 0.61 in production after a month. Same code builds features for both. What could be going on and how would I track it down?")
R("opus", "design", "data", "plain", EH, "TB6: open design in plain words", "We want every team to stop computing their own 'active user' numbers. How should we set that up so everyone gets the same answer?")
R("opus", "question", "data", "terse", SH, "peeking / sequential testing subtlety", "we check the ab test dashboard daily and stop when p<0.05. problem?")
R("opus", "debug", "ml", "plain", EH, "TB6: intermittent, multi-GPU, no lead", "Training is fine on 1 and 4 GPUs but on 8 the loss goes to NaN somewhere between step 9k and 14k, different every time. Same effective batch size. Where do I start?")
R("opus", "design", "ml", "terse", SH, "open system design", "design a feature store for online + offline fraud features")
R("opus", "question", "data", "plain", N, "statistically subtle", "Our A/B test randomises by user but the metric is revenue per session. The analyst used a plain t-test on sessions. Is the p-value wrong, in which direction, and what should we use instead?")
R("opus", "explain", "ml", "plain", N, "numerical subtlety", "Why can summing float32 gradients across 8 ranks in a different order give a model that diverges while the 1-GPU run doesn't? Is it really just non-associativity or is something else usually going on?")
R("opus", "design", "databases", "verbose", N, "architecture with trade-offs", "We're migrating from a nightly batch in Snowflake to something closer to real time for our marketing attribution (multi-touch, 30-day lookback, late events up to 72h). Volume is ~400M events/day. I'm torn between streaming into Snowflake with dynamic tables, a Kafka + Flink job writing to Iceberg, or keeping batch but hourly. I'd like a proper comparison covering correctness with late data, cost, how we'd backfill, and what breaks when attribution rules change.")
R("opus", "debug", "ml", "plain", N, "target leakage analysis", "Random forest feature importance says `days_until_cancellation_request` is the top feature for predicting churn. The data team says it's computed from the support ticket table. Is this leakage, and how do I audit the other 140 features for the same problem systematically?")
R("opus", "question", "data", "terse", SH, "short, hard statistics", "cuped with a pre-period metric that's also affected by a novelty effect, still unbiased?")

R("haiku", "edit", "data", "plain", LT, "TB5: find one value in a long paste",
  "Which order has the largest amount_usd in this export? Just the order_id.\n\n" + csv_orders(101, 380))
R("sonnet", "implement", "data", "plain", N, "analysis code on pasted CSV",
  "Here's a sample of our orders export. Write pandas code that computes, per country and channel, the refund rate and the net revenue (amount minus discount, excluding refunded), and flags combinations whose refund rate is more than 2 standard errors above the overall rate.\n\n" + csv_orders(102, 60))
R("opus", "debug", "data", "plain", N, "subtle analysis across pasted data",
  "Finance says revenue in this extract doesn't match their ledger by about 3%, and only for some days. Below is a sample. Before I start diffing, can you reason about what kinds of issues (timezones, refunds booked later, discounts applied twice, duplicated rows from the CDC feed) could produce a day-dependent gap like that, and what checks on this data would distinguish them?\n\n" + csv_orders(103, 70))

R("haiku", "question", "data", "plain", LT, "TB5: count rows in long paste",
  "How many rows have refunded = true here?\n\n" + csv_orders(104, 120))
R("haiku", "explain", "ml", "terse", HW, "scary words, known one-liner", "what is kl divergence in one sentence")
R("haiku", "question", "ml", "plain", HW, "hard vocab, easy fact", "In a transformer, what's the shape of the attention matrix for batch 8, 12 heads, sequence length 512?")
R("haiku", "question", "ml", "plain", HW, "jargon, trivial lookup", "Is the Hessian-vector product in JAX `jax.jvp(jax.grad(f), ...)` or `jax.vjp`? I just need the usual one-liner.")
R("haiku", "question", "data", "plain", HW, "stats jargon, easy answer", "Is heteroscedasticity-robust standard errors in statsmodels just `cov_type='HC3'` in fit()?")
R("haiku", "edit", "ml", "plain", HW, "scary vocab, mechanical edit", "Change the variational autoencoder's KL annealing from linear to cosine — it's one line: `beta = min(1.0, step / warmup)`. Give me the cosine version.")
R("sonnet", "debug", "ml", "plain", N, "log points at cause",
  "Loss is flat from step 0. Log:\n\n" + train_log(201, 400, every=20, lr0=0.0, warmup=1) + "\n\nconfig: optimizer adamw, lr=${LR}, scheduler cosine. What's wrong?")
R("opus", "debug", "ml", "plain", N, "divergence with no clear lead",
  "This 1.3B run diverged around step 2000 — right where warmup ends. We had the exact config working last month; the only changes were a new tokenizer (vocab 32k -> 50k) and turning on fused AdamW. Log below. I need a ranked list of hypotheses and the cheapest experiment to discriminate each.\n\n" + train_log(202, 3200, every=40, diverge_at=2040))
R("haiku", "question", "ml", "plain", LT, "TB5: find one value in a long log",
  "At which step does grad_norm first exceed 2.0 in this log?\n\n" + train_log(203, 3200, every=40, diverge_at=2040))

# --- batch 2
R("haiku", "question", "data", "plain", N, "pandas syntax", "How do I pivot a long dataframe (date, metric, value) into wide with one column per metric?", )
R("haiku", "question", "data", "terse", N, "one-liner", "np.where with 3 conditions")
R("haiku", "question", "databases", "terse", N, "SQL syntax", "bigquery date_trunc to week starting monday")
R("haiku", "question", "data", "typos", N, "one-liner", "pandas how to read only 3 colums from a big parquet file, dont want to load evrything")
R("haiku", "question", "ml", "plain", N, "HF API fact", "How do I push a fine-tuned model and its tokenizer to the Hugging Face Hub from a notebook?")
R("haiku", "question", "tooling", "terse", N, "tool fact", "mlflow log a matplotlib figure")
R("haiku", "question", "tooling", "plain", N, "tool fact", "In Weights & Biases, how do I group runs from the same sweep in the UI?")
R("haiku", "explain", "data", "plain", N, "common error", "What does `ValueError: cannot reindex on an axis with duplicate labels` mean?")
R("haiku", "explain", "ml", "terse", N, "common error", "CUDA error: device-side assert triggered — usually what?")
R("haiku", "question", "data", "plain", N, "statsmodels syntax", "What's the statsmodels formula syntax for a logistic regression with an interaction between treatment and country?")
R("haiku", "question", "databases", "plain", N, "single-table SQL", "Snowflake query to find duplicate email addresses in CUSTOMERS with how many times each appears.")
R("haiku", "edit", "data", "plain", N, "mechanical conversion", "Convert this pandas code to polars: `df[df.amount > 0].groupby('country').agg(total=('amount','sum'), n=('order_id','nunique'))`")
R("haiku", "edit", "tooling", "plain", N, "JSON to YAML", "Turn this into a dbt schema.yml entry: model `dim_users`, columns user_id (unique, not_null), email (not_null), plan (accepted values free, pro, team).")
R("haiku", "question", "ml", "terse", N, "one-liner", "count trainable params pytorch")
R("haiku", "question", "data", "plain", N, "numpy fact", "Why does `np.nan == np.nan` return False and what should I use to check instead?")
R("haiku", "docs", "general", "plain", N, "commit message", "Write a commit message for: added 3-day lookback to fct_orders incremental filter to catch late-arriving rows.")
R("haiku", "question", "data", "terse", N, "syntax", "seaborn rotate x tick labels")
R("haiku", "question", "ml", "plain", N, "JAX fact", "What's the difference between jax.jit and jax.pmap in one or two sentences?")
R("haiku", "question", "data", "non-native", N, "TB9: simple one-liner", "please how to fill the NaN with the previous value but only inside same group user_id in pandas")
R("haiku", "question", "databases", "terse", N, "SQL syntax", "qualify clause snowflake example dedupe")
R("haiku", "explain", "data", "plain", N, "short snippet", "What does `pd.cut(df.age, bins=[0, 18, 35, 60, 120], right=False)` give me for age 35?")
R("haiku", "question", "data", "plain", N, "stats fact", "Is the Mann-Whitney U test comparing medians? Quick answer please.")
R("haiku", "question", "ml", "plain", N, "short fact", "What's a reasonable default weight decay for AdamW when fine-tuning a BERT-sized model?")
R("haiku", "edit", "data", "plain", N, "fix a typo", "Fix the typo in this: `df.rename(colums={'ts': 'event_ts'})`")
R("haiku", "question", "tooling", "terse", N, "jupyter fact", "autoreload magic jupyter")

R("sonnet", "implement", "data", "plain", N, "clear-spec analysis", "Write a function that computes weekly cohort retention curves from an events dataframe and plots them as a heatmap with seaborn, cohorts on rows and weeks since signup on columns.")
R("sonnet", "implement", "databases", "plain", N, "multi-CTE SQL with clear spec", "Write a Snowflake query for funnel conversion: visit -> signup -> first_purchase within 14 days, by acquisition channel, for users who visited in May 2024. Table EVENTS(user_id, event_name, event_ts, channel).")
R("sonnet", "debug", "data", "plain", N, "traceback with clear cause",
  "Why does merge blow up my row count from 1.2M to 9.8M?\n\n```python\norders = pd.read_parquet('orders.parquet')   # 1.2M rows, order_id unique\nusers = pd.read_parquet('users_snapshot.parquet')\nout = orders.merge(users, on='user_id', how='left')\nprint(len(out))  # 9843211\n```\n\nusers_snapshot is a daily snapshot table")
R("sonnet", "test", "tooling", "plain", N, "tests for existing models", "Add dbt tests for `fct_orders`: order_id unique and not null, amount >= 0, every user_id exists in dim_users, and row count within 10% of yesterday. Use dbt_utils / dbt_expectations where it helps.")
R("sonnet", "refactor", "data", "plain", N, "refactor for performance with known fix", "This loop over 3M rows takes 20 minutes. Vectorise it:\n\n```python\nout = []\nfor i, r in df.iterrows():\n    if r.plan == 'pro' and r.sessions_7d > 10:\n        out.append(r.revenue_30d * 1.2)\n    elif r.churned:\n        out.append(0)\n    else:\n        out.append(r.revenue_30d)\ndf['adj_rev'] = out\n```")
R("sonnet", "implement", "ml", "plain", N, "standard implementation", "Implement a PyTorch Dataset that streams JSONL files from a GCS bucket, tokenizes with a HF tokenizer and packs sequences to 2048 tokens with EOS separators.")
R("sonnet", "implement", "ml", "plain", N, "clear spec", "Write an Optuna study for LightGBM on a binary classification problem: tune num_leaves, learning_rate, min_child_samples, feature_fraction, with 5-fold stratified CV and AUC as objective, plus pruning.")
R("sonnet", "explain", "data", "plain", N, "non-trivial code explanation",
  "Can you walk me through what this function does? A colleague left and nobody knows.\n\n```python\ndef attribute(touches, conv, half_life=7):\n    touches = touches.merge(conv[['user_id','conv_ts','value']], on='user_id')\n    touches = touches[touches.ts <= touches.conv_ts]\n    dt = (touches.conv_ts - touches.ts).dt.total_seconds() / 86400\n    touches['w'] = 0.5 ** (dt / half_life)\n    touches['w'] = touches.w / touches.groupby(['user_id','conv_ts']).w.transform('sum')\n    touches['credit'] = touches.w * touches.value\n    first = touches.groupby(['user_id','conv_ts']).ts.transform('min') == touches.ts\n    touches.loc[first, 'credit'] += 0.2 * touches.loc[first, 'value']\n    return touches.groupby('channel').credit.sum()\n```")
R("sonnet", "debug", "ml", "plain", N, "known cause from symptoms", "My validation accuracy is exactly the same every epoch (0.5123) while train loss drops. Binary classifier, sigmoid at the end, BCEWithLogitsLoss. Code snippet:\n\n```python\nlogits = torch.sigmoid(model(x))\nloss = F.binary_cross_entropy_with_logits(logits, y)\npred = (logits > 0).float()\n```")
R("sonnet", "implement", "data", "verbose", N, "clear-spec stats code", "I need to run a difference-in-differences on weekly store sales: 40 stores got the new layout in week 20, 60 didn't. I'd like statsmodels code with store and week fixed effects, standard errors clustered by store, and a quick event-study plot of leads and lags so I can eyeball pre-trends. The dataframe has store_id, week, sales, treated (0/1 at store level).")
R("sonnet", "ops", "tooling", "plain", N, "CI config", "Set up a GitHub Actions workflow that runs `dbt build --select state:modified+` against a Snowflake CI schema on each PR, using the manifest from main for state comparison.")
R("sonnet", "implement", "databases", "plain", N, "migration with known steps", "Write the BigQuery SQL to backfill a partitioned table `analytics.fct_sessions` for 2023 from the raw events table, one month at a time, with a MERGE so it's idempotent.")
R("sonnet", "debug", "data", "terse", N, "identifiable cause", "polars: `ComputeError: datatypes of join keys don't match - user_id: i64 on left does not match user_id: str on right`. csv read infers str for one file. best fix?")
R("sonnet", "implement", "ml", "plain", N, "clear spec eval code", "Write an evaluation script that computes calibration (reliability diagram, ECE with 15 bins) and Brier score for a saved sklearn classifier on a parquet test set.")
R("sonnet", "refactor", "ml", "plain", N, "refactor a module", "Refactor my training script so config comes from a dataclass + Hydra instead of 30 argparse flags. Keep CLI overrides working.")

R("opus", "design", "ml", "plain", EH, "TB6: open plan in plain words", "How should we decide when a retrained model is allowed to replace the one in production?")
R("opus", "question", "data", "plain", N, "statistical subtlety", "We ran 14 metrics on the same A/B test and 2 came out significant. My PM wants to ship based on those. What's the right way to think about this, and is Bonferroni too strict here given the metrics are correlated?")
R("opus", "debug", "ml", "verbose", EH, "TB6: no clear lead across components", "Our ranking model's offline NDCG improved by 4% but the online test showed a 1.5% drop in clicks. The features are served from the same tables, we checked. The training data comes from logged impressions of the current model. I honestly don't know where to look next.")
R("opus", "design", "ml", "terse", SH, "open design", "offline eval for a recsys without position bias?")
R("opus", "plan", "data", "plain", N, "large migration plan", "Plan the migration of ~600 dbt models from Redshift to Snowflake with zero downtime for the 40 dashboards that read them. Cover SQL dialect differences, validation of numbers, cutover order, and rollback.")
R("opus", "debug", "ml", "plain", N, "distributed numerical bug", "With FSDP on 8 GPUs, my eval loss is 0.3 lower than the same checkpoint evaluated on 1 GPU. The sampler is DistributedSampler with drop_last=False. Which is right, and why might they differ?")
R("opus", "explain", "ml", "plain", N, "subtle numerics", "Why does my JAX model give different results with `jax.jit` on TPU vs CPU at the 3rd decimal, and when should I actually worry about it?")
R("opus", "design", "databases", "plain", N, "trade-off design", "Should our event tables in BigQuery be partitioned by ingestion time or event time, given late events up to a week and most queries filtering on event date? Think about cost, correctness of incremental dbt models, and backfills.")
R("opus", "question", "data", "plain", EH, "easy words, hard stats", "Half our users saw the new onboarding because they signed up on mobile. Can we still say whether it helped?")
R("opus", "implement", "ml", "plain", N, "novel algorithm with subtle correctness", "Implement a numerically stable streaming log-sum-exp for attention (the FlashAttention-style online softmax) in JAX, processing keys in blocks, and argue why the rescaling keeps it exact.")
R("opus", "review", "ml", "plain", N, "TB10: review of distributed code",
  "Please review this custom all-reduce for our gradient compression — we see slightly worse convergence on 16 GPUs.\n\n```python\ndef compressed_allreduce(grad, k_ratio=0.01, error=None):\n    if error is not None:\n        grad = grad + error\n    k = max(1, int(grad.numel() * k_ratio))\n    vals, idx = torch.topk(grad.abs().flatten(), k)\n    vals = grad.flatten()[idx]\n    new_error = grad.clone().flatten()\n    new_error[idx] = 0\n    world = dist.get_world_size()\n    all_vals = [torch.zeros_like(vals) for _ in range(world)]\n    all_idx = [torch.zeros_like(idx) for _ in range(world)]\n    dist.all_gather(all_vals, vals)\n    dist.all_gather(all_idx, idx)\n    out = torch.zeros_like(grad).flatten()\n    for v, i in zip(all_vals, all_idx):\n        out[i] += v\n    return (out / world).view_as(grad), new_error.view_as(grad)\n```")
R("opus", "review", "security", "plain", N, "TB10: security review", "Review our plan for giving analysts access to PII in Snowflake: a role per team, row access policies keyed on region, masking policies on email/phone, and a 'break glass' role for support. What could leak, e.g. through aggregates, UDFs, clones or time travel?")
R("opus", "design", "ml", "plain", N, "experiment design", "Design the evaluation protocol for comparing two LLM fine-tunes on our support tickets when we only have ~300 labelled examples and LLM-as-judge is noisy. How many samples, what stats, how to control for judge position bias?")

# --- batch 3: long pastes and minimal pairs
_DBT = dbt_model(301, 170)
R("haiku", "edit", "tooling", "plain", LT, "TB5: mechanical edit on a long model",
  "Change the materialization in this dbt model from incremental to table, nothing else:\n\n```sql\n" + _DBT + "\n```")
R("haiku", "question", "tooling", "terse", LT, "TB5: count in a long paste",
  "how many columns does this model output\n\n" + _DBT)
R("sonnet", "refactor", "tooling", "plain", N, "TB5: rewriting a long file is sonnet",
  "Port this Snowflake dbt model to BigQuery SQL (count_if, iff, the : JSON path syntax and dateadd all need changing). Keep the column names.\n\n```sql\n" + _DBT + "\n```")
R("opus", "review", "tooling", "plain", N, "correctness across incremental logic and windows",
  "This model's 28d metrics drift upward over time versus a full refresh. Review it and explain exactly why the incremental version gives different numbers than a full rebuild, and how to restructure it so both agree.\n\n```sql\n" + _DBT + "\n```")

_FM = feature_module(302, 220)
R("haiku", "edit", "ml", "plain", LT, "TB5: add a header to a long file",
  "Add an Apache 2.0 license header at the top of this file.\n\n```python\n" + _FM + "\n```")
R("haiku", "question", "ml", "terse", LT, "TB5: find one item in long paste",
  "which functions use nunique? names only\n\n" + _FM)
R("opus", "review", "ml", "plain", N, "point-in-time correctness across a feature module",
  "These features feed a fraud model scored in real time at authorization. Review the whole module for point-in-time leakage — does any feature include the current transaction or anything after it — and for train/serve skew if the online store computes the same windows with Redis sorted sets.\n\n```python\n" + _FM + "\n```")
R("sonnet", "refactor", "ml", "plain", N, "rewrite long module to another library",
  "Rewrite this module in polars (lazy, group_by_dynamic or rolling) instead of pandas, same function names and outputs.\n\n```python\n" + _FM + "\n```")

_LOG8 = train_log(303, 24000, every=40, diverge_at=13040, ranks=8)
R("haiku", "question", "ml", "terse", LT, "TB5: find first NaN in long log",
  "first step with nan loss?\n\n" + _LOG8)
R("opus", "debug", "ml", "plain", N, "8-GPU-only divergence needs theory",
  "Here's the rank0 log of our 8xH100 run (bf16, FSDP full shard, grad clip 1.0). Same config on 4 GPUs with grad accumulation 2 trains past 30k steps fine. The divergence starts at a different step each time on 8. What could be specific to 8 ranks, and what instrumentation should I add before the next run?\n\n" + _LOG8)
R("haiku", "question", "ml", "plain", LT, "TB5: read off a value",
  "What's the tokens/s at step 12000 in this log?\n\n" + train_log(304, 16000, every=40, ranks=8))

_NCCL = nccl_log(305, 700)
R("haiku", "question", "ml", "terse", LT, "TB5: extract values",
  "list the distinct shard numbers rank3 fetched\n\n" + _NCCL)
R("opus", "debug", "ml", "plain", N, "distributed training stall",
  "The job hangs at some point after this (no error, GPUs at 100% util, no progress). Log from all ranks interleaved. Can you figure out which rank is stuck and a plausible cause? We added a conditional eval that only runs on rank 0 last week.\n\n" + _NCCL)

_BQ = bq_job_log(306, 420)
R("haiku", "question", "databases", "plain", LT, "TB5: filter a long log",
  "Which jobs FAILED here? Just the job ids.\n\n" + _BQ)
R("sonnet", "implement", "databases", "plain", N, "analysis over pasted log",
  "Write a Python script that parses lines like these from our BigQuery audit export, sums bytes_processed and slot_ms per destination table, and estimates on-demand cost at $6.25/TiB. Sample:\n\n" + bq_job_log(307, 40))

_CSV = csv_orders(308, 1500)
R("haiku", "edit", "data", "plain", LT, "TB5: mechanical conversion",
  "Give me just the header line of this CSV converted to a pandas dtype dict (guess sensible dtypes).\n\n" + _CSV)
R("opus", "question", "data", "plain", N, "statistical subtlety on pasted data",
  "I want to claim the email channel has higher order values than organic using this export. Amounts look heavy-tailed and one user can have many orders. What test is defensible, and why would a naive t-test over orders overstate significance here?\n\n" + csv_orders(309, 150))

R("haiku", "question", "data", "plain", LT, "TB5: read one number", "What's the total of the visitors column for treatment?\n\n" + ab_results(310, 28))
R("opus", "question", "data", "plain", N, "peeking and stopping",
  "Our PM looked at this every day and wanted to stop on day 9 when it was significant. We kept going to day 28. Using these daily numbers, explain what the peeking would have done to the false positive rate, and run an analysis you'd actually trust (group sequential or always-valid p-values) — show the code.\n\n" + ab_results(311, 28))
R("sonnet", "implement", "data", "plain", N, "standard test on pasted data",
  "Compute the conversion rate per variant from this, a two-proportion z-test and a 95% CI for the lift. Python please.\n\n" + ab_results(312, 14))

_WB = wandb_table(313, 180)
R("haiku", "question", "ml", "terse", LT, "TB5: find best row", "which run has lowest val_loss\n\n" + _WB)
R("sonnet", "implement", "ml", "plain", N, "analysis over sweep results",
  "Here's a sweep export. Write pandas code to find, for each lr, the mean and std of val_acc across seeds (finished runs only), and plot val_acc vs lr with error bars, one line per batch size.\n\n" + wandb_table(314, 60))
R("opus", "question", "ml", "plain", N, "experimental design subtlety",
  "From this sweep my colleague concluded that warmup doesn't matter. Only 1-2 seeds per config, some crashed runs dropped. Is that conclusion supported? What would a sound analysis or follow-up sweep look like with a fixed budget of 40 runs?\n\n" + wandb_table(315, 70))

R("haiku", "explain", "databases", "plain", N, "read a plan", "In this Postgres plan, which table is being sequentially scanned and how many rows were removed by the filter?\n\n" + explain_pg(316))
R("sonnet", "debug", "databases", "plain", N, "plan with identifiable fix", "This query takes 13s. Plan below. We always filter on event_ts and event_type. What index would you add and why is the hash spilling into batches?\n\n" + explain_pg(317))

# --- batch 4: other languages
R("haiku", "question", "data", "other-language", N, "TB9: pandas one-liner in French", "Comment je fais un value_counts en pourcentage avec pandas ?", language="fr")
R("haiku", "question", "databases", "other-language", N, "TB9: SQL syntax in French", "en BigQuery, comment extraire l'année d'un TIMESTAMP ?", language="fr")
R("haiku", "explain", "data", "other-language", N, "TB9: common error in French", "Que veut dire l'erreur `KeyError: 'date'` alors que la colonne existe bien dans mon CSV ?", language="fr")
R("sonnet", "implement", "data", "other-language", N, "TB9: clear-spec code in French", "Écris une fonction polars qui calcule, pour chaque client, le panier moyen glissant sur 90 jours et le nombre de commandes sur la même fenêtre, à partir d'une table commandes(client_id, date_commande, montant).", language="fr")
R("sonnet", "debug", "ml", "other-language", N, "TB9: traceback with cause, French", "J'ai `RuntimeError: Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!` quand j'appelle model(batch) dans ma boucle d'évaluation, alors que l'entraînement marche. Le batch vient d'un DataLoader avec un collate_fn perso qui crée le masque d'attention avec torch.ones(...). Où est le problème ?", language="fr")
R("opus", "question", "data", "other-language", EH, "TB9+TB6: statistical design in French", "On veut mesurer l'effet d'une baisse de prix, mais on ne peut pas faire d'A/B test (même prix pour tout le monde). Comment s'y prendre pour avoir un chiffre crédible ?", language="fr")
R("opus", "design", "ml", "other-language", N, "TB9: open design in French", "Nous devons concevoir un feature store commun pour trois équipes (fraude en temps réel, marketing en batch, pricing). Quelles options d'architecture, et quels pièges sur la cohérence entre l'offline et l'online ?", language="fr")
R("sonnet", "explain", "ml", "other-language", N, "TB9: explain non-trivial code, French", "Tu peux m'expliquer ce que fait ce collate_fn ligne par ligne ?\n\n```python\ndef collate(batch, pad_id=0):\n    ids = [torch.tensor(b['input_ids']) for b in batch]\n    lens = torch.tensor([len(x) for x in ids])\n    ids = pad_sequence(ids, batch_first=True, padding_value=pad_id)\n    mask = torch.arange(ids.size(1))[None, :] < lens[:, None]\n    labels = ids.masked_fill(~mask, -100)\n    labels[:, :-1] = labels[:, 1:].clone(); labels[:, -1] = -100\n    return {'input_ids': ids, 'attention_mask': mask.long(), 'labels': labels}\n```", language="fr")
R("haiku", "docs", "general", "other-language", N, "TB9: short text task", "Écris un message de commit pour : ajout du test d'unicité sur order_id dans fct_orders.", language="fr")

R("haiku", "question", "data", "other-language", N, "TB9: one-liner in Japanese", "pandasで特定の列だけNaNを0で埋める方法を教えてください。", language="ja")
R("haiku", "question", "databases", "other-language", N, "TB9: SQL syntax in Japanese", "Snowflakeで文字列を日付に変換する関数は何ですか？形式は'20240315'です。", language="ja")
R("haiku", "question", "ml", "other-language", N, "TB9: short fact, Japanese", "PyTorchでモデルのパラメータを凍結するにはrequires_gradをFalseにすればいいですか？", language="ja")
R("sonnet", "debug", "ml", "other-language", N, "TB9: OOM with identifiable cause, Japanese", "評価ループでだんだんGPUメモリが増えてOOMになります。`losses.append(loss)` でlossを毎ステップリストに貯めています。torch.no_grad()は使っていません。原因と直し方を教えてください。", language="ja")
R("sonnet", "implement", "data", "other-language", N, "TB9: clear-spec code, Japanese", "店舗ごとの日次売上データ(store_id, date, sales)から、祝日フラグと曜日を特徴量として追加し、LightGBMで7日先を予測するコードを書いてください。時系列なのでリークしないような検証分割でお願いします。", language="ja")
R("opus", "debug", "ml", "other-language", N, "TB9: multi-node divergence without lead, Japanese", "8ノード64GPUで学習すると、1ノードでは起きない損失スパイクが数千ステップごとに出ます。データ順序、bf16、勾配クリッピングはどちらも同じです。何を疑い、どう切り分ければいいでしょうか？", language="ja")
R("opus", "question", "data", "other-language", SH, "TB9: short but subtle stats, Japanese", "A/Bテストで比率指標(売上/セッション)の分散はどう推定すべき？", language="ja")
R("sonnet", "refactor", "data", "other-language", N, "TB9: refactor, Japanese", "このノートブックの前処理をpandasからpolarsのLazyFrameに書き換えたいです。groupbyとmergeが10個くらいあります。進め方と注意点を具体的なコード例で教えてください。", language="ja")
R("haiku", "edit", "data", "other-language", N, "TB9: mechanical edit, Japanese", "次の列名をすべて小文字のスネークケースにしてください: UserID, SignupDate, LastLoginTS, TotalSpend", language="ja")

R("haiku", "question", "data", "other-language", N, "TB9: one-liner in Spanish", "¿Cómo ordeno un DataFrame de pandas por dos columnas, una ascendente y otra descendente?", language="es")
R("haiku", "question", "databases", "other-language", N, "TB9: SQL syntax in Spanish", "en snowflake como hago un left join y me quedo solo con las filas que no tienen match", language="es")
R("sonnet", "implement", "databases", "other-language", N, "TB9: clear-spec SQL, Spanish", "Necesito una consulta en BigQuery que calcule el LTV a 90 días por cohorte mensual de registro, usando las tablas usuarios(user_id, fecha_registro) y pagos(user_id, fecha_pago, importe). Solo pagos dentro de los 90 días desde el registro.", language="es")
R("sonnet", "debug", "data", "other-language", N, "TB9: identifiable cause, Spanish", "Mi groupby con `dropna` por defecto me está quitando los usuarios sin país y los totales no cuadran con el total general. ¿Cómo lo arreglo y qué otras operaciones de pandas hacen lo mismo sin avisar?", language="es")
R("opus", "question", "ml", "other-language", EH, "TB9+TB6: leakage theory, Spanish", "Mi modelo de predicción de impagos funciona demasiado bien en validación (AUC 0,98). Los datos son de préstamos de 2019 a 2023 y hice un split aleatorio. ¿Qué puede estar pasando y cómo debería validar?", language="es")
R("opus", "design", "data", "other-language", N, "TB9: open design, Spanish", "Queremos montar una plataforma de experimentación propia (asignación, métricas, análisis) para unos 50 tests al año. ¿Qué diseño propones, qué métodos estadísticos usarías por defecto y qué errores típicos evitarías?", language="es")
R("haiku", "explain", "ml", "other-language", HW, "TB9: jargon, short answer, Spanish", "¿Qué es el 'label smoothing' en una frase?", language="es")
R("sonnet", "test", "data", "other-language", N, "TB9: write tests, Spanish", "Escribe tests con pytest para esta función que limpia teléfonos, incluyendo casos con prefijo +34, espacios y valores nulos:\n\n```python\ndef limpiar_tel(s):\n    if s is None: return None\n    s = re.sub(r'[^0-9+]', '', s)\n    if s.startswith('0034'): s = '+34' + s[4:]\n    if not s.startswith('+'): s = '+34' + s\n    return s if len(s) == 12 else None\n```", language="es")
R("opus", "debug", "databases", "other-language", N, "TB9: intermittent issue, no lead, Spanish", "Algunos días el modelo incremental de dbt duplica filas en Snowflake y otros no. Usamos merge con unique_key. No vemos patrón en los logs. ¿Por dónde empezarías?", language="es")

# --- batch 5: follow-ups, typos, medium pastes
R("sonnet", "debug", "ml", "follow-up", N, "TB8: points back only", "that didnt work, still OOM at the same step")
R("sonnet", "implement", "data", "follow-up", N, "TB8: points back only", "ok continue")
R("haiku", "edit", "data", "follow-up", N, "TB8: mechanical follow-up", "now rename `df2` to `orders_clean` everywhere in that cell")
R("sonnet", "test", "data", "follow-up", N, "TB8: tests for previous code", "add tests for that function too, especially the session boundary at exactly 30 minutes")
R("sonnet", "implement", "databases", "follow-up", N, "TB8: same work on another table", "now do the same retention query for the mobile_events table, it has device_id instead of user_id and we need to map through dim_devices")
R("haiku", "docs", "data", "follow-up", N, "TB8: docstring follow-up", "also add a docstring to it")
R("opus", "design", "ml", "follow-up", N, "TB8: follow-up asks for hard work", "ok that works for one model. now how would this scale to 200 models retrained daily with shared features, without each one recomputing everything?")
R("sonnet", "debug", "ml", "follow-up", N, "TB8: only points back", "try again, same error")
R("haiku", "edit", "databases", "follow-up", N, "TB8: trivial edit", "make it order by revenue desc instead")
R("opus", "question", "data", "follow-up", N, "TB8: follow-up asks for subtle stats", "and if we also peeked at it every day like I said earlier, does your sample size calc still hold? what would you change")
R("sonnet", "refactor", "data", "follow-up", N, "TB8: same refactor on another module", "great, now do the same polars conversion for the features_web.py module")
R("haiku", "question", "ml", "follow-up", N, "TB8: quick clarification", "wait, is that lr per-GPU or global?")
R("sonnet", "implement", "ml", "follow-up", N, "TB8: points back", "looks good. keep going with the eval part")

R("haiku", "question", "data", "typos", N, "one-liner", "how to chek if two dataframes are exactly equal incl dtypes")
R("haiku", "question", "databases", "typos", N, "SQL syntax", "snowflake how to unpivot colums jan feb mar into rows")
R("sonnet", "debug", "data", "typos", N, "clear cause", "my resample('W') gives weeks ending sunday but finanse wants weeks starting monday and the totals are of by one day at the month edges?? code: df.set_index('ts').resample('W').amount.sum()")
R("sonnet", "implement", "ml", "typos", N, "clear spec", "write me a custom huggingface callback that logs the learning rate and grad norm to wandb evry 50 steps and saves the best checkpoint by eval_f1, deleting the others")
R("opus", "debug", "ml", "typos", EH, "TB6: intermittent no lead", "sometimes the model trains fine and sometimes the val loss is like 2x higher with the exact same seed and config, on the same machine. cant figure out whats diferent, happens maybe 1 in 5 runs")
R("opus", "question", "data", "typos", SH, "short hard stats", "is it ok to use the same data to pick the model and report the acuracy if i use cv")
R("haiku", "explain", "ml", "typos", N, "common error", "whats 'Some weights of the model checkpoint were not used when initializing' mean, shoud i worry")

R("haiku", "question", "data", "terse", N, "syntax", "df memory usage deep")
R("haiku", "question", "data", "terse", N, "syntax", "polars read csv lazy")
R("haiku", "question", "ml", "terse", N, "fact", "default eps adamw torch")
R("opus", "design", "ml", "terse", SH, "open design, short", "sharding strategy for 70b finetune on 16 a100s")
R("opus", "question", "data", "terse", SH, "subtle stats, short", "simpsons paradox in our conversion by device?")
R("opus", "implement", "ml", "terse", SH, "numerically subtle algorithm", "stable log1mexp in jax with correct gradients")
R("opus", "design", "databases", "terse", SH, "open data modelling", "scd2 vs snapshots for a 2B row dim")
R("sonnet", "implement", "data", "terse", N, "everyday code", "pandas: sessionize clickstream 30min gap, vectorized")

R("sonnet", "debug", "data", "plain", N, "traceback points at cause",
  "Notebook traceback, the merge_asof used to work:\n\n```\n---------------------------------------------------------------------------\nValueError                                Traceback (most recent call last)\nCell In[12], line 4\n      2 prices = prices.sort_values('ts')\n      3 trades = trades.sort_values(['ticker', 'ts'])\n----> 4 out = pd.merge_asof(trades, prices, on='ts', by='ticker', direction='backward')\n\nFile /opt/conda/lib/python3.11/site-packages/pandas/core/reshape/merge.py:691, in merge_asof(left, right, on, left_on, right_on, left_index, right_index, by, left_by, right_by, suffixes, tolerance, allow_exact_matches, direction)\n--> 691 op = _AsOfMerge(\n\nFile /opt/conda/lib/python3.11/site-packages/pandas/core/reshape/merge.py:1985, in _AsOfMerge.__init__(self, left, right, on, left_on, right_on, left_index, right_index, by, left_by, right_by, suffixes, how, tolerance, allow_exact_matches, direction)\n-> 1985 _OrderedMerge.__init__(\n\nFile /opt/conda/lib/python3.11/site-packages/pandas/core/reshape/merge.py:2188, in _AsOfMerge._validate_left_right_on(self, left_on, right_on)\n-> 2188 raise ValueError(f\"{side} keys must be sorted\")\n\nValueError: left keys must be sorted\n```")
R("sonnet", "explain", "data", "plain", N, "explain medium code",
  "Explain what this dbt macro does and when it would produce wrong results:\n\n```sql\n{% macro dedupe(relation, partition_by, order_by) %}\n  select * from (\n    select *, row_number() over (\n      partition by {{ partition_by }}\n      order by {{ order_by }} desc\n    ) as _rn\n    from {{ relation }}\n  )\n  where _rn = 1\n{% endmacro %}\n```\n\nUsed like `{{ dedupe(ref('stg_customers'), 'customer_id', 'updated_at') }}`")
R("haiku", "question", "data", "plain", LT, "TB5: read a value from a df head",
  "Which user has the highest revenue_30d in this head?\n\n" + df_head(401, 12))
R("sonnet", "implement", "data", "plain", N, "code from a df sample",
  "Here's df.head(). Write code that builds a churn feature table: tenure in days as of 2024-01-01, revenue_30d with NaN filled by plan median, sessions bucketed into 0 / 1-5 / 6-20 / 20+, and one-hot plan.\n\n" + df_head(402, 8))
R("opus", "question", "ml", "plain", N, "leakage / survivorship reasoning",
  "This is a snapshot of users taken today; churned = 1 if they cancelled at any point. I want to predict churn in the next 30 days. What's wrong with training on this table directly, and how should the training set be constructed instead?\n\n" + df_head(403, 10))

# --- batch 6: everyday sonnet work, medium pastes
R("sonnet", "implement", "data", "plain", N, "pipeline code from CSV sample",
  "Write a polars pipeline that reads files like this (one per day in gs://acme-raw/orders/), dedupes on order_id keeping the latest created_at, and writes a daily partitioned parquet with revenue by country and channel.\n\n" + csv_orders(501, 30))
R("sonnet", "debug", "data", "plain", N, "cause visible in sample",
  "When I load this with `pd.read_csv(f, parse_dates=['created_at'])` and sum amount_usd by day, May 1st is missing about half its orders compared to the source system. Sample below. The source system is in America/Los_Angeles.\n\n" + csv_orders(502, 40))
R("sonnet", "implement", "data", "verbose", N, "clear-spec cleaning code",
  "I get this extract every Monday from the ops team and I spend an hour cleaning it by hand in Excel. The rules are: drop rows where items is 0 or amount is negative, convert discount to a fraction of amount, treat refunded as a boolean, and produce a summary sheet with orders, gross, discounts and refunds per country. Could you write me a small script (pandas + openpyxl is fine) that does all of it and writes an .xlsx with two sheets?\n\n" + csv_orders(503, 25))
R("sonnet", "implement", "data", "plain", N, "standard stats on sample",
  "Fit a gamma GLM with log link of amount_usd on channel and items using statsmodels, on data shaped like this, and show how to interpret the channel coefficients as multiplicative effects.\n\n" + csv_orders(504, 35))
R("sonnet", "review", "data", "plain", N, "TB10: correctness review",
  "Review this notebook cell before I send numbers to leadership:\n\n```python\nm = orders.merge(users[['user_id','country']], on='user_id')\nm['month'] = m.created_at.dt.to_period('M')\nmrr = m[m.plan != 'free'].groupby('month').amount.sum()\nchurn = users[users.cancelled_at.notna()].groupby(users.cancelled_at.dt.to_period('M')).size()\nactive = users.groupby(users.signup_at.dt.to_period('M')).size().cumsum()\nchurn_rate = churn / active\nnrr = mrr / mrr.shift(12)\nprint(pd.concat([mrr, churn_rate, nrr], axis=1).tail(6))\n```")
R("sonnet", "debug", "ml", "plain", N, "traceback with clear cause",
  "HF Trainer crashes at the first eval:\n\n```\nTraceback (most recent call last):\n  File \"train.py\", line 88, in <module>\n    trainer.train()\n  File \"/usr/local/lib/python3.10/site-packages/transformers/trainer.py\", line 1859, in train\n    return inner_training_loop(\n  File \"/usr/local/lib/python3.10/site-packages/transformers/trainer.py\", line 2278, in _inner_training_loop\n    self._maybe_log_save_evaluate(tr_loss, grad_norm, model, trial, epoch, ignore_keys_for_eval)\n  File \"/usr/local/lib/python3.10/site-packages/transformers/trainer.py\", line 2662, in _maybe_log_save_evaluate\n    metrics = self.evaluate(ignore_keys=ignore_keys_for_eval)\n  File \"/usr/local/lib/python3.10/site-packages/transformers/trainer.py\", line 3467, in evaluate\n    output = eval_loop(\n  File \"/usr/local/lib/python3.10/site-packages/transformers/trainer.py\", line 3719, in evaluation_loop\n    metrics = self.compute_metrics(EvalPrediction(predictions=all_preds, label_ids=all_labels))\n  File \"train.py\", line 41, in compute_metrics\n    preds = np.argmax(logits, axis=-1)\n  File \"<__array_function__ internals>\", line 200, in argmax\nValueError: could not broadcast input array from shape (16,128,32000) into shape (16,)\n```\n\ncompute_metrics does `logits, labels = eval_pred` then argmax then accuracy_score(labels, preds). It's a causal LM.")
R("sonnet", "implement", "ml", "plain", N, "clear spec", "Add mixed precision and gradient checkpointing to my HF causal LM fine-tuning script and print peak memory per step so I can compare before/after.")
R("sonnet", "implement", "databases", "plain", N, "SQL with clear spec", "Write a Snowflake query that flags sessions with suspiciously many add_to_cart events: more than 3 standard deviations above that user's own 30-day mean. Table EVENTS(user_id, session_id, event_name, event_ts).")
R("sonnet", "implement", "tooling", "plain", N, "config with known steps", "Write a dbt snapshot for our `customers` source (check strategy on plan, email, country) and a downstream model that gives the plan a customer had on any given date.")
R("sonnet", "debug", "tooling", "plain", N, "log points at cause",
  "dbt run failing, log:\n\n```\n14:02:11  Running with dbt=1.7.9\n14:02:12  Registered adapter: snowflake=1.7.2\n14:02:14  Found 412 models, 1187 tests, 38 sources, 0 exposures, 0 metrics, 611 macros\n14:02:14\n14:02:18  Concurrency: 8 threads (target='prod')\n14:02:18\n14:02:19  1 of 412 START sql table model staging.stg_customers ....... [RUN]\n14:02:19  2 of 412 START sql table model staging.stg_orders .......... [RUN]\n14:02:23  1 of 412 OK created sql table model staging.stg_customers .. [SUCCESS 1 in 4.02s]\n14:02:31  2 of 412 OK created sql table model staging.stg_orders ..... [SUCCESS 1 in 12.11s]\n14:02:31  3 of 412 START sql incremental model marts.fct_orders ...... [RUN]\n14:02:44  3 of 412 ERROR creating sql incremental model marts.fct_orders  [ERROR in 12.87s]\n...\n14:09:55  Database Error in model fct_orders (models/marts/fct_orders.sql)\n14:09:55    100090 (42P18): Duplicate row detected during DML action\n14:09:55    Row Values: [880144, 18271, \"2024-05-01 03:12:09.000\", \"JP\", 59.16]\n14:09:55  compiled Code at target/run/acme/models/marts/fct_orders.sql\n14:09:55\n14:09:55  Done. PASS=388 WARN=3 ERROR=1 SKIP=20 TOTAL=412\n```\n\nunique_key is order_id, incremental_strategy merge.")
R("sonnet", "implement", "ml", "plain", N, "standard JAX code", "Write a JAX/Flax training step for a small MLP with optax adamw, jitted, with a train_state and an eval step computing accuracy. Keep it under 80 lines.")
R("sonnet", "test", "ml", "plain", N, "tests for existing code", "Write unit tests for my tokenizer packing function: sequences never exceed max_len, EOS is inserted between documents, no tokens are dropped, and the last partial chunk is padded with pad_id.")
R("sonnet", "explain", "ml", "plain", N, "TB7: subtle behaviour in small code", "Why does this give different results every time even though I set torch.manual_seed(0)?\n\n```python\nloader = DataLoader(ds, batch_size=64, shuffle=True, num_workers=4)\nfor x, y in loader:\n    x = x + 0.01 * torch.randn_like(x)  # augmentation\n```")
R("sonnet", "refactor", "databases", "plain", N, "refactor SQL",
  "Refactor this into CTEs and remove the repeated subqueries, same output:\n\n```sql\nselect u.country,\n  (select count(*) from orders o where o.user_id in (select user_id from users u2 where u2.country = u.country) and o.status = 'paid') as paid_orders,\n  (select sum(amount) from orders o where o.user_id in (select user_id from users u2 where u2.country = u.country) and o.status = 'paid') as paid_revenue,\n  (select count(*) from orders o where o.user_id in (select user_id from users u2 where u2.country = u.country) and o.status = 'refunded') as refunds\nfrom users u\ngroup by u.country;\n```")
R("sonnet", "implement", "data", "non-native", N, "TB9: clear spec", "I have daily sales per SKU for 3 years, want make forecast with statsmodels SARIMAX for each SKU in loop, with weekly seasonality, and save the MAPE on last 8 weeks holdout. Please give code, there is 300 SKU so must not be too slow.")
R("sonnet", "debug", "ml", "non-native", N, "TB9: identifiable cause", "My HF tokenizer give warning 'Token indices sequence length is longer than the specified maximum sequence length' and after the model crash with index out of range in self. I am using bert-base with texts of support tickets, some are very long. How to fix properly?")
R("sonnet", "implement", "ml", "plain", N, "clear spec", "Implement early stopping with patience and best-checkpoint restore for a plain PyTorch loop, tracking val F1 not val loss.")
R("sonnet", "ops", "ml", "plain", N, "infra config with known steps", "Write a SLURM sbatch script for a 2-node, 8-GPU-per-node torchrun job, with the rendezvous set up from SLURM env vars and NCCL debug logging on.")
R("sonnet", "implement", "data", "plain", N, "clear spec", "Write a Great Expectations (or pandera, your choice) schema for the orders data: order_id unique int, amount_usd >= 0, country in an ISO list, created_at not in the future. Show how to run it in the Airflow task before loading.")
R("sonnet", "debug", "data", "plain", N, "clear cause", "`df.groupby('country').apply(lambda g: g.nlargest(3, 'amount'))` returns a frame with a weird double index and my later merge on country fails. How do I get a flat result?")
R("sonnet", "implement", "ml", "plain", N, "standard metric implementation", "Write a vectorised numpy implementation of NDCG@k and MRR for a ranking eval where each query has a variable number of candidates, given a long dataframe (query_id, item_id, score, relevance).")
R("sonnet", "review", "ml", "plain", N, "TB10: correctness review of training code",
  "Review my training loop, something feels off but it runs:\n\n```python\nfor epoch in range(EPOCHS):\n    model.train()\n    for step, batch in enumerate(train_dl):\n        out = model(**batch)\n        loss = out.loss / ACCUM\n        loss.backward()\n        if step % ACCUM == 0:\n            optimizer.step()\n            scheduler.step()\n            optimizer.zero_grad()\n    model.eval()\n    val_loss = 0\n    for batch in val_dl:\n        out = model(**batch)\n        val_loss += out.loss\n    print(epoch, val_loss / len(val_dl))\n```")
R("sonnet", "explain", "data", "plain", N, "explain behaviour with moderate subtlety", "Why does `df['a'] = df['a'].astype('category'); df.groupby('a').size()` suddenly show rows with 0 for categories that aren't in my filtered frame?")
R("sonnet", "implement", "databases", "plain", N, "SQL with clear spec", "BigQuery: sessionize the events table (30 min inactivity) in SQL only, output session_id, user_id, session_start, session_end, n_events. Partition is on event_date.")
R("sonnet", "debug", "ml", "plain", N, "clear cause from description", "After switching my HF model to `torch.compile`, every new batch shape triggers a recompile and the first 200 steps take forever. Sequences are dynamically padded per batch. How do I avoid that?")
R("sonnet", "implement", "ml", "verbose", N, "clear-spec integration", "We track experiments in MLflow but the team wants W&B for the nicer dashboards, and we can't drop MLflow because the model registry lives there. Could you write a small logging wrapper class with log_params, log_metrics, log_artifact that writes to both, so our training scripts only import the wrapper? Needs to work if either backend is unavailable (log a warning and carry on).")
R("sonnet", "implement", "data", "plain", N, "standard stats", "Write the power analysis for a conversion test: baseline 5.2%, minimum detectable relative lift 5%, alpha 0.05 two-sided, power 0.8. Show statsmodels code and the required sample per arm.")

# --- batch 7: opus
R("opus", "debug", "ml", "plain", N, "multi-component divergence with log",
  "Loss spikes at regular intervals, roughly every 1400 steps, and recovers. Our dataset is 40 shards and each epoch is ~56k steps. Log excerpt around two spikes below. Hypotheses? I suspect the data but can't prove it.\n\n" + train_log(701, 2000, every=20))
R("opus", "design", "ml", "plain", N, "architecture with trade-offs", "We need to serve embeddings for 50M items to a two-tower retrieval model with hourly refresh. Compare ScaNN/FAISS in-process, a managed vector DB, and BigQuery vector search in terms of latency, freshness, cost, and what happens during re-indexing.")
R("opus", "question", "data", "plain", N, "causal inference subtlety", "We want to know if users who join our community forum retain better. Forum users retain 30% better, but obviously they're more engaged to begin with. What identification strategies are actually credible here with observational data, and what are their assumptions?")
R("opus", "question", "data", "verbose", N, "variance estimation subtlety", "Our experimentation platform computes the standard error of 'average revenue per user' by treating each day's numbers as independent, summing daily variances over the test. The test runs 3 weeks and users come back on multiple days. I have a feeling the confidence intervals are too narrow but I'd like to understand exactly why, by how much it could matter, and what the correct estimator is (delta method? user-level aggregation?).")
R("opus", "debug", "ml", "plain", EH, "TB6: no lead", "Our model got worse after we retrained it on more data. Nothing else changed. Why could more data make it worse?")
R("opus", "design", "data", "plain", EH, "TB6: plan across org", "How do we get from 'every analyst has their own notebook' to a set of trusted, tested metrics, without stopping everyone's work for a quarter?")
R("opus", "implement", "ml", "plain", N, "subtle algorithm", "Implement a distributed-correct version of BatchNorm statistics for a JAX pmap setup where each device has a different number of valid (non-padded) examples. The mean and variance must match single-device exactly.")
R("opus", "review", "ml", "plain", N, "TB10: review of data-parallel sampler",
  "Review this custom sampler for our multi-node training. We see duplicated samples in some epochs and I'm not sure it's this.\n\n```python\nclass ShardSampler(Sampler):\n    def __init__(self, n, rank, world, seed=0):\n        self.n, self.rank, self.world, self.seed = n, rank, world, seed\n        self.epoch = 0\n    def set_epoch(self, e):\n        self.epoch = e\n    def __iter__(self):\n        g = torch.Generator(); g.manual_seed(self.seed + self.rank)\n        idx = torch.randperm(self.n, generator=g).tolist()\n        per = math.ceil(self.n / self.world)\n        idx += idx[: per * self.world - self.n]\n        return iter(idx[self.rank * per:(self.rank + 1) * per])\n    def __len__(self):\n        return math.ceil(self.n / self.world)\n```")
R("opus", "question", "ml", "plain", N, "numerical subtlety", "In mixed precision, why do people keep the softmax and layernorm in fp32 but happily do matmuls in bf16? I want the actual numerical argument, including what goes wrong with bf16 accumulation over long sequences.")
R("opus", "design", "ml", "plain", N, "open design", "Design a system for continuous evaluation of our LLM features: a golden set, regression tests on every prompt change, online metrics, and human review sampling. What are the failure modes of each layer?")
R("opus", "plan", "ml", "plain", N, "large migration plan", "We have ~70 training pipelines on a homegrown scheduler with pickle-based model artifacts. Plan a move to a model registry + reproducible pipelines (data versioning, environment pinning, lineage) over two quarters, without breaking the models in production.")
R("opus", "debug", "databases", "plain", N, "performance cliff analysis", "A Snowflake query went from 40s to 25 minutes overnight with no code change. The query profile shows 'Bytes spilled to remote storage: 1.2TB' on a join, and the table it joins grew from 800M to 1.1B rows. Why would 40% more data cause a 40x slowdown, and what are the options?")
R("opus", "question", "ml", "terse", SH, "subtle theory, few words", "why does label smoothing hurt calibration after temperature scaling")
R("opus", "question", "data", "terse", SH, "short hard stats", "regression to the mean in our 'worst stores' intervention?")
R("opus", "design", "ml", "terse", SH, "open design", "negative sampling for two-tower retrieval, in-batch vs mixed?")
R("opus", "debug", "ml", "terse", SH, "heisenbug", "deterministic=True still nondeterministic on 8 gpus")
R("opus", "question", "data", "terse", SH, "subtle stats", "ratio metric ab test delta method vs bootstrap?")
R("opus", "question", "ml", "plain", EH, "easy words, hard reasoning", "Is it okay to pick the decision threshold on the test set if I only do it once?")
R("opus", "question", "data", "plain", EH, "easy words, survivorship", "Customers who used the new feature spend more. Can I tell my boss the feature makes people spend more?")
R("opus", "design", "data", "plain", EH, "easy words, open design", "What should our experiment review checklist be so we stop shipping things that don't actually work?")
R("opus", "debug", "ml", "plain", EH, "easy words, no lead", "The model does great on every test we run but users say it's worse than the old one. What are we missing?")
R("opus", "review", "data", "plain", N, "TB10: architecture judgement",
  "Here's our proposed lineage for the revenue metric. Does this architecture hold up? Where will numbers diverge?\n\n```\nstripe webhooks -> pubsub -> cloud function -> bq raw.stripe_events (streaming insert)\nfivetran stripe connector -> bq raw_fivetran.stripe_* (every 6h)\ndbt: stg_payments unions both, dedupes on charge_id by latest _loaded_at\ndbt: fct_revenue (incremental, 2d lookback, merge on charge_id)\nlooker: revenue explore on fct_revenue\nfinance: monthly close from raw_fivetran directly\nml: ltv model reads fct_revenue nightly snapshot\n```")
R("opus", "implement", "data", "plain", N, "statistical method with subtle correctness", "Implement mSPRT / always-valid confidence sequences for a difference in conversion rates so our dashboard can be checked daily without inflating false positives. Explain how to choose the mixing variance and verify the type I error by simulation.")
R("opus", "question", "ml", "plain", N, "distributed semantics", "With ZeRO-3 and gradient accumulation, are my gradients reduce-scattered every micro-step or only at the boundary, and what does that imply for communication volume and for grad clipping correctness?")
R("opus", "debug", "ml", "plain", N, "leakage across time", "Our demand forecast does great in backtests but badly live. We use features like 'rolling 7-day average sales' and 'store promo flag' from the warehouse. The warehouse tables get corrected retroactively for a couple of weeks. Explain how that could cause this and how to build an honest backtest.")
R("opus", "design", "databases", "plain", N, "consistency design", "We need exactly-once aggregation of ad click events from Kafka into BigQuery for billing. Late and duplicated events happen. Compare approaches (streaming dedupe with insertId, staging + MERGE, Dataflow with exactly-once sinks) and where each can double count.")
R("opus", "question", "ml", "verbose", N, "subtle ML reasoning", "I'm fine-tuning with LoRA and noticed that doubling the rank without changing alpha made training worse, but doubling both made it roughly the same. I'd like to understand the scaling of the update (alpha / r), how it interacts with the learning rate and with initialization, and whether rsLoRA's scaling actually fixes something or is just another convention.")
R("opus", "explain", "ml", "plain", N, "semantics of concurrent/async", "In JAX, why can a Python-side timer around a jitted function report 2ms when the real compute takes 200ms, and what are the traps when benchmarking with block_until_ready across pmap and async dispatch?")
R("opus", "question", "data", "plain", N, "multi-armed bandit subtlety", "We switched from A/B tests to a Thompson sampling bandit for our pricing page. Now the analysts want to report the 'lift' of the winner using the bandit's data. Why is that biased and what can we report instead?")
R("opus", "plan", "data", "plain", N, "org-wide plan", "Plan how to introduce data contracts between the product engineering teams that emit events and the analytics team, starting from zero, with ~300 event types already in production.")
R("opus", "debug", "ml", "plain", N, "memory leak under load, no trace", "Our inference service (HF pipeline behind FastAPI, 4 workers) slowly grows from 6GB to OOM over ~10 hours of traffic. No leak in a local loop of 100k requests. What could be different in production and how would you find it?")
R("opus", "question", "ml", "plain", N, "proof-style reasoning", "Show that with per-example gradient clipping and Gaussian noise, the DP-SGD guarantee depends on the sampling scheme, and explain why using shuffled fixed batches instead of Poisson sampling is a problem for the accounting.")
R("opus", "design", "ml", "plain", N, "feature store design", "Design point-in-time-correct training set generation for our feature store: features have different update cadences (streaming, hourly, daily), some are backfilled, and labels arrive 30-90 days late. How do we guarantee no leakage and reproducible training sets?")
R("opus", "review", "security", "plain", N, "TB10: security review", "Our notebooks connect to Snowflake with a shared service account whose key is in a .env file synced via Google Drive, and the JupyterHub runs with --NotebookApp.token=''. Threat model this setup and propose what to change first.")
R("opus", "question", "data", "non-native", N, "TB9: subtle stats in rough English", "We do A/B test on marketplace, buyer and seller are both in experiment, treatment change the ranking so sellers in control also get less traffic. Is our result still good? How we should design instead, maybe switchback or cluster?")
R("opus", "debug", "ml", "non-native", EH, "TB9+TB6: intermittent without lead", "Our training job on the cluster is sometimes 30% slower, same code same data, it depend of which day. We don't find why. What we should check?")
R("opus", "design", "ml", "verbose", N, "open design with trade-offs", "We're a small team (4 DS, 1 MLE) and we have a fraud model, a churn model and a recommendation model, all trained in notebooks and deployed by copying pickles to a VM. I keep reading about feature stores, model registries, Kubeflow, Vertex, SageMaker, Metaflow, and I can't tell what we actually need. Could you propose a minimal platform for our size, what to build vs buy, in what order, and what we should explicitly not do yet?")
R("opus", "question", "ml", "plain", N, "subtle evaluation design", "Our test set was labelled by the same annotators who labelled the training set, with the same guidelines. We now want to estimate how well the model does on real traffic. What biases does this introduce and how would you design a better estimate with a limited labelling budget?")

# --- batch 8: haiku with medium pastes and hard-word traps
R("haiku", "question", "data", "plain", N, "read off from paste", "What's the date range covered by this sample? Earliest and latest created_at.\n\n" + csv_orders(801, 45))
R("haiku", "edit", "data", "plain", N, "mechanical format conversion", "Convert the first 5 data rows of this CSV to a JSON list of objects.\n\n" + csv_orders(802, 22))
R("haiku", "question", "data", "terse", N, "one-line pandas for pasted df", "pandas one-liner to get the rows where revenue_30d is NaN here\n\n" + df_head(803, 25))
R("haiku", "edit", "data", "plain", N, "mechanical: column order", "Give me the list of column names of this frame in alphabetical order, as a Python list.\n\n" + df_head(804, 20, cols=["user_id", "signup_date", "plan", "sessions_7d", "revenue_30d", "converted", "is_test", "pages_7d"]))
R("haiku", "question", "ml", "terse", LT, "TB5: read max from paste", "peak mem in this log?\n\n" + train_log(805, 3000, every=20))
R("haiku", "question", "ml", "plain", N, "read a value", "What learning rate is this at step 1000? Does warmup look linear?\n\n" + train_log(806, 1200, every=40))
R("haiku", "question", "databases", "plain", N, "filter a short log", "Which destination tables appear in these job logs? Unique list please.\n\n" + bq_job_log(807, 35))
R("haiku", "question", "ml", "plain", N, "filter sweep rows", "How many of these runs crashed or were killed?\n\n" + wandb_table(808, 40))
R("haiku", "edit", "tooling", "plain", N, "mechanical reformat", "Reformat this dbt model to lowercase keywords and 4-space indent, no logic changes.\n\n" + dbt_model(809, 18))
R("haiku", "question", "ml", "terse", N, "count in paste", "how many distinct ranks show up\n\n" + nccl_log(810, 45))
R("haiku", "docs", "data", "plain", N, "short summary of paste", "Write a one-sentence description of this table for our data catalog.\n\n" + df_head(811, 20))
R("haiku", "edit", "data", "plain", N, "mechanical: pandas dtype", "These columns should be dtypes: user_id int64, signup_date datetime, plan category, churned bool. Write the astype/to_datetime lines.\n\n" + df_head(812, 20))

R("haiku", "question", "ml", "plain", HW, "jargon, easy fact", "For a Gaussian process with an RBF kernel in sklearn, which parameter is the length scale?")
R("haiku", "question", "ml", "plain", HW, "jargon, easy fact", "What does the `reduction='batchmean'` argument do in torch's KLDivLoss, briefly?")
R("haiku", "question", "data", "plain", HW, "stats jargon, lookup", "Which scipy function gives the Kolmogorov-Smirnov two-sample test?")
R("haiku", "question", "ml", "terse", HW, "jargon, syntax", "einsum for batched bilinear form x^T A y")
R("haiku", "question", "ml", "plain", HW, "jargon, API flag", "How do I turn on FlashAttention 2 when loading a Llama model with transformers?")
R("haiku", "question", "data", "plain", HW, "jargon, one-liner", "How do I get the Cholesky decomposition of a covariance matrix in numpy and check it's positive definite?")
R("haiku", "question", "ml", "plain", HW, "scary terms, known answer", "Does `torch.distributed.all_reduce` modify the tensor in place or return a new one?")
R("haiku", "edit", "ml", "plain", HW, "jargon, mechanical edit", "Rename `mu` and `logvar` to `posterior_mean` and `posterior_log_variance` in this reparameterisation function:\n\n```python\ndef reparameterize(mu, logvar):\n    std = torch.exp(0.5 * logvar)\n    eps = torch.randn_like(std)\n    return mu + eps * std\n```")
R("haiku", "question", "data", "plain", HW, "jargon, short fact", "Is a Bayesian hierarchical model in PyMC with `pm.Normal('mu', 0, 1)` and `sigma=pm.HalfNormal(...)` declared inside a `with pm.Model():` block? Just confirm the syntax.")
R("haiku", "explain", "ml", "plain", HW, "jargon, short explanation", "What does 'teacher forcing' mean in seq2seq training, in two sentences?")
R("haiku", "question", "ml", "plain", HW, "scary vocabulary, lookup", "Where do I set the NCCL timeout when calling init_process_group?")

R("haiku", "question", "databases", "plain", N, "SQL one table", "BigQuery: how do I select all columns except two?")
R("haiku", "question", "databases", "non-native", N, "TB9: simple SQL", "In snowflake how I can see the query history of my user only from today")
R("haiku", "question", "data", "non-native", N, "TB9: syntax", "how to make matplotlib save figure without the white border, I need for slide")
R("haiku", "question", "tooling", "plain", N, "tool fact", "What's the jupyter shortcut to restart the kernel and run all cells?")
R("haiku", "question", "tooling", "terse", N, "tool fact", "dbt compile just one model print sql")
R("haiku", "question", "ml", "verbose", N, "short fact despite verbose", "I've been reading a lot of training code lately and I keep seeing people call `optimizer.zero_grad(set_to_none=True)`. I understand zero_grad itself, but what does the set_to_none bit change, and is it the default now?")
R("haiku", "explain", "data", "verbose", N, "explain a snippet", "A colleague wrote `df.query('amount > @threshold and country in @countries')` and I honestly had never seen the @ syntax before. What does the @ do here, and is there anything to be careful about?")
R("haiku", "question", "data", "plain", N, "one-liner", "How do I read all parquet files in a folder into one polars DataFrame?")
R("haiku", "docs", "general", "plain", N, "changelog line", "Changelog line for: switched the churn model's training set to a rolling 12-month window.")

# --- batch 9: sonnet with medium pastes
R("sonnet", "implement", "ml", "plain", N, "parse and plot a log", "Write a script that parses logs in this format into a dataframe and plots loss and grad_norm on two y-axes with a smoothed EMA line.\n\n" + train_log(901, 1000, every=20))
R("sonnet", "implement", "ml", "plain", N, "analysis of sweep table", "From this sweep export, fit a quick OLS of val_loss on log(lr), batch, warmup and wd (finished runs only) and tell me how to read the coefficients. Code please.\n\n" + wandb_table(902, 45))
R("sonnet", "implement", "databases", "plain", N, "cost report from log", "Turn lines like these into a daily cost report per service account and destination, and alert if any day exceeds 2x the trailing 7-day median. Python + pandas.\n\n" + bq_job_log(903, 50))
R("sonnet", "debug", "data", "plain", N, "data issue visible in sample", "My dashboard shows the average basket for JP way lower than last month. Here's a sample of the raw rows for JP. Find what's likely off and write a check for it.\n\n" + csv_orders(904, 40))
R("sonnet", "test", "tooling", "plain", N, "tests for a dbt model", "Write dbt tests (schema.yml + one singular test) for this model: surrogate key unique, no future event_date, and every *_count_* column non-negative.\n\n" + dbt_model(905, 25))
R("sonnet", "explain", "tooling", "plain", N, "explain non-trivial model", "Explain what this incremental model computes, and what `{{ this }}` refers to on the first run vs later runs.\n\n" + dbt_model(906, 20))
R("sonnet", "refactor", "tooling", "plain", N, "refactor with macro", "This model repeats the same count_if/iff pattern for every column. Refactor it to generate the columns from a Jinja list of (event, agg, window) tuples.\n\n" + dbt_model(907, 30))
R("sonnet", "implement", "ml", "plain", N, "parse distributed log", "Write a parser for this interleaved multi-rank log that outputs, per rank, the last step it logged and the max dataloader fetch time, so I can spot stragglers.\n\n" + nccl_log(908, 60))
R("sonnet", "implement", "data", "plain", N, "feature code from df sample", "Given a frame like this, write a function computing for each user a 'value segment' via k-means on standardised sessions_7d and revenue_30d (k chosen with silhouette between 2 and 6), and return segment labels with cluster centroids in original units.\n\n" + df_head(909, 25))
R("sonnet", "debug", "data", "plain", N, "clear cause in paste", "Why does `df.revenue_30d.mean()` give a different number than Excel on the same export? Sample:\n\n" + df_head(910, 22))
R("sonnet", "implement", "data", "plain", N, "clear-spec analysis", "Write code that checks this A/B data for sample ratio mismatch (chi-square on visitors) per day and overall, and prints which days look off.\n\n" + ab_results(911, 21))
R("sonnet", "implement", "data", "typos", N, "clear spec", "can u write a function that takes this kind of daily ab data and plots cumulative conversion rate per variant with 95% ci bands, im gonna put it in the weekly deck\n\n" + ab_results(912, 18))
R("sonnet", "implement", "ml", "plain", N, "clear spec", "Write a PyTorch Lightning module for a tabular classifier with embedding layers for categorical columns (cardinalities given as a dict) and an MLP on top, with AUROC logged per epoch.")
R("sonnet", "implement", "ml", "plain", N, "clear spec HF", "Write a script that runs batched inference with a HF sequence classification model over a 5M-row parquet file, streaming in chunks, writing predictions back to parquet, using fp16 on one GPU.")
R("sonnet", "debug", "ml", "plain", N, "clear cause", "My JAX function recompiles on every call. I pass `config` (a dict) and `step` (a python int) as arguments to a jitted function. What's happening and how do I fix it?")
R("sonnet", "implement", "data", "plain", N, "stats code", "Write a function that fits a logistic regression with statsmodels, reports odds ratios with 95% CIs, and checks for separation / convergence warnings gracefully.")
R("sonnet", "implement", "databases", "plain", N, "SQL clear spec", "Snowflake: write a query that computes, for each product, the share of revenue from its top 10% of customers, using window functions (ntile or percent_rank).")
R("sonnet", "refactor", "data", "plain", N, "refactor notebook to module", "Turn this notebook's feature engineering into a module with functions and type hints, plus a `__main__` that runs it on a date range. I'll paste cells next — first tell me the structure you'd use for ~12 steps reading from BigQuery and writing to GCS.")
R("sonnet", "explain", "ml", "plain", N, "explain moderate code", "Explain this learning rate schedule and sketch what it looks like over 10k steps:\n\n```python\ndef lr_lambda(step, warmup=500, total=10000, min_ratio=0.1):\n    if step < warmup:\n        return step / max(1, warmup)\n    progress = (step - warmup) / max(1, total - warmup)\n    cosine = 0.5 * (1 + math.cos(math.pi * progress))\n    return min_ratio + (1 - min_ratio) * cosine\n```")
R("sonnet", "debug", "ml", "plain", N, "log with identifiable cause", "Loss suddenly jumps at step 500 every run, then slowly recovers. Log below; scheduler is the cosine above with warmup=500. What's causing it?\n\n" + train_log(913, 900, every=20, warmup=500, lr0=3e-3))
R("sonnet", "review", "data", "plain", N, "TB10: correctness review of stats code", "Review this analysis function for correctness:\n\n```python\ndef lift_ci(a_conv, a_n, b_conv, b_n):\n    pa, pb = a_conv / a_n, b_conv / b_n\n    se = math.sqrt(pa * (1 - pa) / a_n + pb * (1 - pb) / b_n)\n    lift = (pb - pa) / pa\n    return lift - 1.96 * se, lift + 1.96 * se\n```")
R("sonnet", "implement", "ml", "non-native", N, "TB9: clear spec", "Please write code for compute the SHAP values of my xgboost model on 10k sample and make the summary plot and also dependence plot for top 3 features, save all in one PDF.")
R("sonnet", "implement", "ml", "plain", N, "library integration", "Set up a Hugging Face `datasets` pipeline that reads our CSVs from S3, deduplicates by text hash, filters by language with fasttext lid, and saves to the hub as a private dataset with train/validation splits.")
R("sonnet", "debug", "tooling", "plain", N, "clear cause", "Jupyter kernel dies with no error whenever I load the 8GB parquet. `free -h` shows 16GB. How do I load it without the kernel dying — I only need 5 columns and one month.")
R("sonnet", "implement", "data", "plain", N, "clear spec", "Write a pandas function to detect anomalies in daily revenue with STL decomposition (weekly season) and flag residuals beyond 3 MAD, returning a frame with the flags and the expected value.")
R("sonnet", "ops", "tooling", "plain", N, "CI config", "Add pre-commit hooks for our analytics repo: sqlfluff for Snowflake dialect with dbt templater, ruff, nbstripout for notebooks. Give me the .pre-commit-config.yaml and .sqlfluff.")
R("sonnet", "implement", "ml", "plain", N, "standard implementation", "Implement stratified group k-fold by hand (groups = patient_id, stratify on label) since my sklearn version doesn't have it, with a check that no group crosses folds.")
R("sonnet", "explain", "data", "plain", N, "TB7: subtle small code", "Why does this return floats instead of ints, and why does the NaN appear?\n\n```python\ns = pd.Series([1, 2, 3])\ns2 = s.reindex([0, 1, 2, 3])\nprint(s2)\n```")
R("sonnet", "explain", "ml", "plain", N, "TB7: subtle small code", "Why does `x = torch.tensor([1.0], requires_grad=True); y = x * 2; y += 1; y.backward()` work but `x += 1` directly on x throws an in-place error?")
R("sonnet", "implement", "data", "verbose", N, "clear-spec pipeline", "We have a Google Sheet the sales team edits with targets per rep per month. I need a small job that pulls it daily (gspread), validates it (no duplicate rep/month, numbers positive), and loads it into BigQuery as a table with load_ts, replacing the previous version. Something I can run as a Cloud Run job.")
R("sonnet", "debug", "databases", "plain", N, "clear cause", "My BigQuery query using `UNNEST(items)` with a LEFT JOIN returns fewer orders than the orders table. Orders with empty items disappear. Why, given I used a left join?")
R("sonnet", "implement", "ml", "follow-up", N, "TB8: same work elsewhere", "now do the same calibration report for the xgboost model, it outputs margins not probabilities")
R("sonnet", "debug", "data", "follow-up", N, "TB8: points back", "still wrong, the totals are off by the same amount as before")

# --- batch 10: opus with medium pastes
R("opus", "question", "data", "plain", N, "statistical design over pasted data", "Treatment looks better in the first week and fades. Using these numbers, how would you distinguish a novelty effect from a real effect plus noise, and what would you report as the long-run estimate?\n\n" + ab_results(1001, 28))
R("opus", "debug", "ml", "plain", N, "distributed hang theory", "Job froze after these lines. rank 5's last line is a dataloader fetch, others are inside an all_reduce. We use a custom IterableDataset where each rank reads its own shards. Theory and fix?\n\n" + nccl_log(1002, 80))
R("opus", "question", "ml", "plain", N, "sweep analysis subtlety", "Is lr=1e-3 really the best here, or is it confounded with which runs crashed? Walk me through how survivorship in the sweep could mislead us.\n\n" + wandb_table(1003, 50))
R("opus", "review", "data", "plain", N, "leakage review", "Review this feature pipeline for leakage. The label is 'churned within 30 days after snapshot_date'.\n\n```python\ndef build(snapshot_date):\n    u = users[users.signup_at < snapshot_date]\n    ev = events[events.ts < snapshot_date + pd.Timedelta(days=1)]\n    f = ev.groupby('user_id').agg(n_ev=('ts','size'), last_ts=('ts','max'))\n    f['days_inactive'] = (snapshot_date - f.last_ts).dt.days\n    tickets = support[support.user_id.isin(u.user_id)]\n    f['n_tickets'] = tickets.groupby('user_id').size()\n    f['plan'] = u.set_index('user_id').plan_current\n    f['ltv'] = payments.groupby('user_id').amount.sum()\n    y = (u.set_index('user_id').cancelled_at.between(snapshot_date, snapshot_date + pd.Timedelta(days=30)))\n    return f.join(y.rename('y'), how='inner')\n```")
R("opus", "debug", "databases", "plain", N, "consistency across pipelines", "Our incremental model and the full refresh disagree by ~0.4% on 28-day counts, always on Mondays. Here's the model. What's the mechanism?\n\n" + dbt_model(1004, 22))
R("opus", "design", "ml", "plain", N, "open design", "Design a training data pipeline for a 7B model on 2T tokens across 256 GPUs: deterministic resumption mid-epoch, shard assignment that survives changing the world size, and dedup across sources. What state must be checkpointed?")
R("opus", "question", "ml", "plain", N, "theory", "Why does Adam's effective learning rate behave so differently from SGD when the batch size changes, and what scaling rule (linear, sqrt) is actually justified for Adam?")
R("opus", "debug", "ml", "verbose", N, "no clear lead", "We distill a large teacher into a small student. The student matches the teacher's accuracy on our eval but on a fresh month of data it's 6 points worse while the teacher only drops 1. Data is the same source. We've checked preprocessing. I'd like a structured set of hypotheses (calibration of soft labels, temperature, distribution shift sensitivity, eval contamination) and tests for each.")
R("opus", "question", "data", "terse", SH, "short hard causal", "synthetic control with only 6 donor markets, trustworthy?")
R("opus", "question", "ml", "terse", SH, "short hard numerics", "why does my loss go nan only with torch.compile + bf16")
R("opus", "design", "data", "plain", EH, "TB6: plain words, open design", "How should we store our metrics so that last quarter's numbers never change when someone fixes a bug in the logic?")
R("opus", "debug", "ml", "plain", EH, "TB6: intermittent", "Every few days our nightly scoring job produces all-zero predictions for a few thousand users and then it's fine the next night. Nobody can reproduce it.")

# --- batch 11: more medium pastes, mixed voices
R("haiku", "question", "data", "typos", N, "read from paste", "wich channel shows up most in this sample? just eyeballing is fine\n\n" + csv_orders(1101, 30))
R("haiku", "edit", "data", "plain", N, "mechanical: SQL insert", "Turn these 3 rows into a SQL INSERT statement for a table named orders_fixture:\n\n" + csv_orders(1102, 3))
R("haiku", "question", "ml", "non-native", N, "TB9: read value", "in this log, the loss at step 600 is how much? I want to put in report\n\n" + train_log(1103, 800, every=20))
R("haiku", "question", "databases", "terse", N, "read one value", "biggest bytes_processed job id\n\n" + bq_job_log(1104, 30))
R("haiku", "question", "ml", "plain", N, "read off the table", "Which seeds were used in this sweep?\n\n" + wandb_table(1105, 25))
R("haiku", "explain", "databases", "plain", N, "short snippet explanation", "What does `properties:value::float` mean in this Snowflake SQL?\n\n" + dbt_model(1106, 16))
R("haiku", "question", "ml", "plain", N, "count from log", "How many NCCL INFO lines are in this?\n\n" + nccl_log(1107, 30))
R("haiku", "edit", "data", "plain", N, "mechanical markdown table", "Make this df head into a markdown table for a Confluence page.\n\n" + df_head(1108, 20))
R("sonnet", "debug", "ml", "typos", N, "clear cause in log", "my finetune loss just doesnt go down after warmup, log below, lr looks tiny?? config says lr 3e-4 warmup 2000\n\n" + train_log(1109, 1600, every=40, lr0=3e-6))
R("sonnet", "implement", "data", "non-native", N, "TB9: clear spec", "From this orders sample please make me the RFM segmentation (recency, frequency, monetary) with quintiles, per user, in pandas, and a small table with count of users per segment.\n\n" + csv_orders(1110, 35))
R("sonnet", "implement", "ml", "verbose", N, "clear spec over paste", "I keep copying numbers out of these logs into a spreadsheet to compare runs, which is silly. What I'd like is a small CLI: give it two or more log files in this format, it aligns them by step, and prints a table of loss at 1k-step checkpoints plus the step where each run first reached a target loss. Bonus if it can plot them together.\n\n" + train_log(1111, 1200, every=40))
R("sonnet", "debug", "databases", "plain", N, "clear cause", "These jobs all write to agg_daily_revenue and sometimes the table has half a day of data. They're scheduled by two different Airflow DAGs. What's likely happening and how do I make the load atomic?\n\n" + bq_job_log(1112, 30))
R("sonnet", "test", "data", "plain", N, "tests with fixture from paste", "Use these rows as a fixture and write pytest tests for a `net_revenue(df)` function: excludes refunded, subtracts discount, and groups by country. Include the expected values.\n\n" + csv_orders(1113, 20))
R("sonnet", "explain", "ml", "plain", N, "interpret a log", "Can you read this log and tell me whether the run is healthy — is throughput stable, does grad_norm look ok, is the loss curve plausible for warmup 2000?\n\n" + train_log(1114, 2600, every=40))
R("sonnet", "review", "ml", "plain", N, "TB10: correctness review", "Review this eval code, I think the numbers are too good:\n\n```python\n@torch.no_grad()\ndef evaluate(model, dl):\n    model.train()\n    correct = total = 0\n    for x, y in dl:\n        logits = model(x.cuda())\n        correct += (logits.argmax(1) == y.cuda()).sum()\n        total += len(y)\n    return correct / total\n\nfor epoch in range(20):\n    train_one_epoch(model, train_dl)\n    acc = evaluate(model, test_dl)\n    if acc > best:\n        best = acc\n        torch.save(model.state_dict(), 'best.pt')\nprint('test acc', best)\n```")
R("opus", "question", "ml", "plain", N, "subtle judgement over log", "This run plateaus at 2.35 after 15k steps. My lead wants to double the LR and restart from the checkpoint; I want to train a bigger model. With this log and a fixed compute budget, how should we decide? Consider scaling-law reasoning and what the plateau does and doesn't tell us.\n\n" + train_log(1115, 3000, every=40))
R("opus", "debug", "ml", "plain", N, "distributed straggler theory", "Step time on 8 GPUs creeps up from 410ms to 650ms over a few hours, then drops back after a checkpoint save. Log sample below. Memory is flat. What mechanisms could cause that pattern?\n\n" + nccl_log(1116, 70))
R("opus", "question", "data", "non-native", N, "TB9: subtle stats", "Our test has very unbalanced traffic per day, weekend 3 times more. If I compute p-value on all pooled, and the effect is different weekend vs weekday, what happen to my conclusion? Data:\n\n" + ab_results(1117, 21))
R("opus", "review", "databases", "plain", N, "TB10: architecture judgement", "Is this incremental design correct under late data and backfills? Think through what happens when a backfill for last month runs concurrently with the daily run.\n\n" + dbt_model(1118, 20))
R("opus", "question", "ml", "verbose", N, "experimental design", "We're comparing two optimizers for our production model. I've got the sweep below. My worry is that we tuned the LR grid around AdamW's defaults, so the comparison may be unfair to the other one. How would you design a fair comparison with a fixed GPU budget, and how do I account for seed variance when the difference is this small?\n\n" + wandb_table(1119, 40))
R("sonnet", "implement", "data", "other-language", N, "TB9: clear spec, French", "À partir de cet extrait, écris le code pandas qui calcule le taux de remboursement par pays avec un intervalle de confiance de Wilson.\n\n" + csv_orders(1120, 25), language="fr")
R("haiku", "question", "ml", "other-language", N, "TB9: read off, Japanese", "このログで最初にgrad_normが1.2を超えたステップはどこですか？\n\n" + train_log(1121, 800, every=20), language="ja")
R("opus", "question", "data", "other-language", N, "TB9: peeking, Spanish", "Con estos datos diarios, ¿habría sido correcto parar el test el día 10? Explica el problema de mirar los resultados cada día y qué método usarías.\n\n" + ab_results(1122, 20), language="es")

# --- batch 12: more traps both ways
R("haiku", "question", "ml", "plain", HW, "jargon, known fact", "Is the reparameterization trick what lets gradients flow through a sampled latent in a VAE? Yes/no plus one line.")
R("haiku", "question", "data", "plain", HW, "jargon, one-liner", "statsmodels: how do I get the Newey-West HAC standard errors with 4 lags for an OLS fit?")
R("haiku", "question", "ml", "terse", HW, "jargon, API lookup", "jax.lax.scan signature carry xs")
R("haiku", "explain", "ml", "plain", HW, "jargon, short", "What is 'mode collapse' in GANs, one or two sentences?")
R("haiku", "question", "ml", "plain", LT, "TB5: read one value from long log", "What's the last step number in this log?\n\n" + train_log(1201, 9000, every=30))
R("haiku", "edit", "data", "plain", LT, "TB5: mechanical on long CSV", "Change the header of this CSV so amount_usd becomes amount and keep everything else as is — just give me the new header line.\n\n" + csv_orders(1202, 700))
R("opus", "design", "ml", "terse", SH, "open design", "online learning for ctr with delayed conversions?")
R("opus", "question", "ml", "terse", SH, "subtle theory", "muP transfer across width, what breaks with tied embeddings")
R("opus", "question", "data", "terse", SH, "subtle stats", "heterogeneous effects with causal forest, honest splitting why")
R("opus", "question", "data", "plain", EH, "TB6: plain words, causal", "Sales went up after we changed the homepage, but it was also December. How much of it was the homepage?")
R("opus", "plan", "ml", "plain", EH, "TB6: plain words, plan", "How would you roll out a new pricing model to customers gradually so we can tell if it's working and back out if it isn't?")
R("opus", "debug", "data", "plain", EH, "TB6: no lead", "Our daily active users number drops by about 2% on random days and comes back the next day. The app team swears nothing changed.")
R("sonnet", "implement", "data", "plain", HW, "scary vocabulary, everyday code", "Implement a Kalman filter for smoothing a noisy daily KPI series with a local level model — statsmodels UnobservedComponents is fine — and plot the smoothed series with the 95% band.")
R("sonnet", "implement", "ml", "plain", HW, "jargon, standard implementation", "Write a contrastive InfoNCE loss in PyTorch with a learnable temperature for a batch of paired image/text embeddings (symmetric, like CLIP).")

if __name__ == "__main__":
    with open("w23.jsonl", "w", encoding="utf-8") as f:
        for i, row in enumerate(ROWS, 1):
            f.write(json.dumps({"id": f"w23-{i:04d}", **row}, ensure_ascii=False) + "\n")
