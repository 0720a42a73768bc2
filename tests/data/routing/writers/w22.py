#!/usr/bin/env python3
"""Writer w22: enterprise and specialist developers -- Java/Spring and .NET services, COBOL/mainframe
migrations, SAP integrations, game dev (Unity/Unreal/Godot), embedded and robotics (ROS, STM32),
ML engineers (PyTorch, feature stores, serving), security engineers, mobile (Swift, Kotlin, Flutter).
Run `python3 w22.py` to write w22.jsonl deterministically."""
import json, random

ROWS = []

def R(label, category, domain, voice, trap, rationale, prompt, language="en"):
    ROWS.append({"prompt": prompt, "label": label, "rationale": rationale, "category": category,
                 "domain": domain, "voice": voice, "language": language, "trap": trap})

# ---------------------------------------------------------------------------
# Generators for pasted material (seeded, deterministic)
# ---------------------------------------------------------------------------

def _ts(rng, day="2024-03-14", h0=9):
    h = h0 + rng.randint(0, 2)
    return f"{day} {h:02d}:{rng.randint(0,59):02d}:{rng.randint(0,59):02d}.{rng.randint(0,999):03d}"

def _sorted_ts(rng, n, day="2024-03-14", start_h=9):
    t = start_h * 3600 * 1000 + rng.randint(0, 600000)
    out = []
    for _ in range(n):
        t += rng.randint(3, 2400)
        h, rem = divmod(t, 3600 * 1000)
        m, rem = divmod(rem, 60 * 1000)
        s, ms = divmod(rem, 1000)
        out.append(f"{day} {h % 24:02d}:{m:02d}:{s:02d}.{ms:03d}")
    return out

SPRING_LOGGERS = [
    "o.s.web.servlet.DispatcherServlet", "c.a.billing.invoice.InvoiceService",
    "c.a.billing.invoice.InvoiceController", "o.h.engine.jdbc.spi.SqlExceptionHelper",
    "c.zaxxer.hikari.pool.HikariPool", "c.a.billing.payment.PaymentGatewayClient",
    "o.s.kafka.listener.KafkaMessageListenerContainer", "c.a.billing.ledger.LedgerPostingJob",
    "o.a.c.c.C.[Tomcat].[localhost].[/]", "c.a.billing.security.JwtAuthFilter",
    "o.s.orm.jpa.JpaTransactionManager", "c.a.billing.customer.CustomerRepositoryImpl",
]
SPRING_MSGS = [
    "Completed initialization in {n} ms",
    "Creating invoice for customer={cust} lines={k} currency=EUR",
    "Invoice {inv} persisted, total={amt}",
    "HikariPool-1 - Pool stats (total={k}, active={a}, idle={i}, waiting=0)",
    "POST /api/v2/payments/authorize -> 200 in {n} ms",
    "GET /api/v2/invoices/{inv} -> 200 in {n} ms",
    "Consumed record topic=ledger.postings partition={p} offset={off}",
    "Posting batch {b} with {k} entries to GL account 4000-{acct}",
    "JWT validated for sub={cust} scopes=[invoice:read, invoice:write]",
    "Retrying call to payment gateway (attempt {a}/3) after {n} ms",
    "Committing JPA transaction on EntityManager [SessionImpl({h})]",
    "Fetched {k} open items for customer {cust} in {n} ms",
]

def spring_log(rng, n, error_every=0, warn_every=0, app="billing-svc"):
    lines = []
    tss = _sorted_ts(rng, n)
    for idx in range(n):
        lvl = "INFO "
        if error_every and idx % error_every == error_every - 1:
            lvl = "ERROR"
        elif warn_every and idx % warn_every == warn_every - 1:
            lvl = "WARN "
        elif rng.random() < 0.15:
            lvl = "DEBUG"
        thr = rng.choice(["http-nio-8080-exec-%d" % rng.randint(1, 40), "scheduling-1",
                          "org.springframework.kafka.KafkaListenerEndpointContainer#0-0-C-1", "main"])
        lg = rng.choice(SPRING_LOGGERS)
        if lvl == "ERROR":
            msg = rng.choice([
                "Payment gateway returned 502 for invoice INV-%d" % rng.randint(100000, 999999),
                "SQL Error: 0, SQLState: 40001",
                "could not execute statement; SQL [n/a]; constraint [uk_invoice_number]",
                "Failed to post ledger batch %d: timeout after 30000 ms" % rng.randint(1000, 9999),
            ])
        elif lvl == "WARN ":
            msg = rng.choice([
                "HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=%ds)." % rng.randint(31, 90),
                "Slow query (%d ms): select i1_0.id,i1_0.customer_id from invoice i1_0 where ..." % rng.randint(800, 4000),
                "Deprecated header X-Tenant used by client %s" % rng.choice(["erp-sync", "portal", "mobile-ios"]),
            ])
        else:
            msg = rng.choice(SPRING_MSGS).format(
                n=rng.randint(2, 900), cust="C%07d" % rng.randint(1, 9999999), k=rng.randint(1, 40),
                inv="INV-%d" % rng.randint(100000, 999999), amt="%.2f" % (rng.random() * 9000),
                a=rng.randint(1, 3), i=rng.randint(0, 10), p=rng.randint(0, 11), off=rng.randint(100000, 9000000),
                b=rng.randint(1000, 9999), acct=rng.randint(100, 999), h=hex(rng.getrandbits(28)))
        lines.append(f"{tss[idx]}  {lvl} {rng.randint(1000, 1200)} --- [{app}] [{thr[:15]:>15}] {lg:<40} : {msg}")
    return "\n".join(lines)

def java_trace(rng, exc, msg, frames, cause=None):
    out = [f"{exc}: {msg}"]
    for f in frames:
        out.append(f"\tat {f}")
    out.append(f"\t... {rng.randint(40, 90)} common frames omitted" if cause else
               "\tat java.base/java.lang.Thread.run(Thread.java:1583)")
    if cause:
        out.append(f"Caused by: {cause[0]}: {cause[1]}")
        for f in cause[2]:
            out.append(f"\tat {f}")
        out.append(f"\t... {rng.randint(20, 60)} more")
    return "\n".join(out)

COBOL_WORDS = ["CUST", "ACCT", "POLICY", "CLAIM", "PREM", "BRANCH", "AGENT", "ADDR", "ZIP", "STATUS",
               "EFF", "EXP", "DT", "AMT", "BAL", "RATE", "CODE", "NBR", "NAME", "TYPE", "IND", "CNT",
               "LAST", "PAID", "DUE", "TAX", "REGION", "PROD", "RISK", "SCORE"]

def cobol_copybook(rng, groups, prefix="PLC"):
    lines = [f"      * COPYBOOK {prefix}REC01 - POLICY MASTER RECORD",
             "      * MAINTAINED BY: BATCH SYSTEMS GROUP  LAST CHG: 1998-11-03",
             f"       01  {prefix}-POLICY-RECORD."]
    used = set()
    for g in range(groups):
        gname = f"{prefix}-" + "-".join(rng.sample(COBOL_WORDS, 2)) + f"-GRP{g:02d}"
        lines.append(f"           05  {gname}.")
        for _ in range(rng.randint(4, 9)):
            while True:
                nm = f"{prefix}-" + "-".join(rng.sample(COBOL_WORDS, rng.randint(2, 3)))
                if nm not in used:
                    used.add(nm); break
            kind = rng.random()
            if kind < 0.35:
                pic = f"PIC X({rng.choice([1, 2, 3, 8, 10, 20, 30, 35, 40])})."
            elif kind < 0.6:
                pic = f"PIC S9({rng.choice([5, 7, 9, 11, 13])})V99 COMP-3."
            elif kind < 0.8:
                pic = f"PIC 9({rng.choice([2, 4, 6, 8])})."
            else:
                pic = f"PIC S9({rng.choice([4, 9])}) COMP."
            lines.append(f"               10  {nm:<34} {pic}")
            if rng.random() < 0.08:
                lines.append(f"                   88  {nm}-ACTIVE          VALUE 'A'.")
        if rng.random() < 0.2:
            lines.append(f"               10  {prefix}-FILLER-{g:02d}                        PIC X({rng.randint(2, 40)}).")
    return "\n".join(lines)

def cobol_program(rng, paras):
    out = ["       IDENTIFICATION DIVISION.", "       PROGRAM-ID. PRMCALC4.",
           "       AUTHOR. R HALVERSON.", "       ENVIRONMENT DIVISION.", "       INPUT-OUTPUT SECTION.",
           "       FILE-CONTROL.", "           SELECT POLICY-IN ASSIGN TO POLIN", "               FILE STATUS IS WS-FS-POLIN.",
           "           SELECT PREM-OUT ASSIGN TO PREMOUT", "               FILE STATUS IS WS-FS-PREMOUT.",
           "       DATA DIVISION.", "       WORKING-STORAGE SECTION.",
           "       01  WS-FS-POLIN              PIC XX.", "       01  WS-FS-PREMOUT            PIC XX.",
           "       01  WS-EOF                   PIC X VALUE 'N'.", "           88  END-OF-POLICY        VALUE 'Y'.",
           "       01  WS-BASE-PREM             PIC S9(9)V99 COMP-3.", "       01  WS-RISK-FACTOR           PIC 9V9999.",
           "       01  WS-TOTAL-PREM            PIC S9(11)V99 COMP-3.", "       PROCEDURE DIVISION.",
           "       0000-MAIN.", "           PERFORM 1000-INIT", "           PERFORM 2000-PROCESS UNTIL END-OF-POLICY",
           "           PERFORM 9000-TERM", "           STOP RUN."]
    for p in range(paras):
        name = f"{2100 + p * 10}-" + "-".join(rng.sample(["CALC", "RISK", "LOAD", "DISC", "TAX", "ROUND",
                                                          "CHECK", "REGION", "AGENT", "FEE", "MULTI"], 2))
        out.append(f"       {name}.")
        for _ in range(rng.randint(3, 8)):
            s = rng.random()
            a, b = rng.sample(["WS-BASE-PREM", "WS-TOTAL-PREM", "PLC-PREM-AMT", "PLC-TAX-AMT", "WS-RISK-FACTOR"], 2)
            if s < 0.3:
                out.append(f"           COMPUTE {a} ROUNDED = {b} * WS-RISK-FACTOR")
            elif s < 0.5:
                out.append(f"           IF PLC-REGION-CODE = '{rng.choice(['NE', 'SW', 'MW', 'PC', 'SE'])}'")
                out.append(f"              ADD {rng.randint(1, 250)}.{rng.randint(0, 99):02d} TO {a}")
                out.append("           END-IF")
            elif s < 0.7:
                out.append(f"           MOVE {b} TO {a}")
            elif s < 0.85:
                out.append(f"           EVALUATE PLC-PROD-TYPE")
                for c in rng.sample("ABCHLM", 3):
                    out.append(f"              WHEN '{c}' MOVE {rng.randint(1, 3)}.{rng.randint(0, 9999):04d} TO WS-RISK-FACTOR")
                out.append("              WHEN OTHER MOVE 1.0000 TO WS-RISK-FACTOR")
                out.append("           END-EVALUATE")
            else:
                out.append(f"           PERFORM {2100 + rng.randint(0, max(0, paras - 1)) * 10}-CALC-RISK")
        out.append("           .")
    return "\n".join(out)

IAM_ACTIONS = ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:DeleteObject", "kms:Decrypt",
               "kms:GenerateDataKey", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query",
               "sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "logs:CreateLogStream",
               "logs:PutLogEvents", "ecr:GetAuthorizationToken", "ecr:BatchGetImage", "sts:AssumeRole",
               "iam:PassRole", "lambda:InvokeFunction", "secretsmanager:GetSecretValue",
               "ssm:GetParameter", "ssm:GetParametersByPath", "ec2:DescribeInstances", "iam:CreatePolicyVersion",
               "iam:AttachRolePolicy", "glue:StartJobRun", "athena:StartQueryExecution"]

def iam_policy(rng, n, acct="418273650912", risky=True):
    stmts = []
    for i in range(n):
        acts = sorted(rng.sample(IAM_ACTIONS[:22], rng.randint(1, 4)))
        svc = acts[0].split(":")[0]
        res = {
            "s3": f"arn:aws:s3:::acme-{rng.choice(['invoices', 'ml-features', 'exports', 'raw-events'])}-prod/*",
            "kms": f"arn:aws:kms:eu-west-1:{acct}:key/{rng.getrandbits(32):08x}-{rng.getrandbits(16):04x}-4{rng.getrandbits(12):03x}-a{rng.getrandbits(12):03x}-{rng.getrandbits(48):012x}",
            "dynamodb": f"arn:aws:dynamodb:eu-west-1:{acct}:table/{rng.choice(['Sessions', 'Orders', 'FeatureFlags', 'Tenants'])}",
            "sqs": f"arn:aws:sqs:eu-west-1:{acct}:{rng.choice(['invoice-events', 'dlq-payments', 'model-jobs'])}",
            "logs": f"arn:aws:logs:eu-west-1:{acct}:log-group:/ecs/{rng.choice(['billing', 'ledger', 'gateway'])}:*",
            "ecr": "*", "sts": f"arn:aws:iam::{acct}:role/{rng.choice(['deploy-ci', 'data-eng-ro', 'breakglass-admin'])}",
            "iam": f"arn:aws:iam::{acct}:role/*", "lambda": f"arn:aws:lambda:eu-west-1:{acct}:function:*",
            "secretsmanager": f"arn:aws:secretsmanager:eu-west-1:{acct}:secret:prod/*",
            "ssm": f"arn:aws:ssm:eu-west-1:{acct}:parameter/prod/*", "ec2": "*",
        }[svc]
        st = {"Sid": f"Stmt{i:03d}{svc.capitalize()}", "Effect": "Allow", "Action": acts, "Resource": res}
        if rng.random() < 0.2:
            st["Condition"] = {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}
        stmts.append(st)
    if risky:
        stmts.insert(n // 2, {"Sid": "LegacyOpsTooling", "Effect": "Allow",
                              "Action": ["iam:CreatePolicyVersion", "iam:PassRole", "lambda:CreateFunction"],
                              "Resource": "*"})
    return json.dumps({"Version": "2012-10-17", "Statement": stmts}, indent=2)

def torch_log(rng, epochs, steps_per_epoch, nan_at=None, world=1):
    out = []
    loss = 2.31 + rng.random() * 0.3
    lr = 3e-4
    step = 0
    best = None
    for ep in range(epochs):
        for s in range(steps_per_epoch):
            step += 1
            loss = max(0.05, loss * (0.985 + rng.random() * 0.02) + (rng.random() - 0.5) * 0.02)
            shown = loss
            if nan_at and step == nan_at:
                shown = float("nan")
            rank = f"[rank{rng.randint(0, world - 1)}] " if world > 1 else ""
            if s % 50 == 0 or (nan_at and abs(step - nan_at) < 3):
                out.append(f"{rank}epoch {ep:03d} step {step:06d} | loss {shown:.4f} | lr {lr:.2e} | "
                           f"grad_norm {rng.random() * 4 + 0.3:.3f} | {rng.randint(180, 260)} samples/s")
        val = loss * (1.05 + rng.random() * 0.1)
        acc = min(0.99, 0.4 + (1 - loss / 3) * 0.6 + rng.random() * 0.02)
        out.append(f"==> epoch {ep:03d} done | val_loss {val:.4f} | val_acc {acc:.4f} | ckpt=ckpt/ep{ep:03d}.pt")
        lr *= 0.95
    return "\n".join(out)

def unity_log(rng, n):
    out = []
    scripts = ["PlayerController", "EnemySpawner", "InventoryUI", "SaveSystem", "AudioManager",
               "QuestLog", "NavMeshAgentDriver", "AddressablesLoader"]
    for i in range(n):
        r = rng.random()
        sc = rng.choice(scripts)
        if r < 0.7:
            out.append(f"[{sc}] " + rng.choice([
                f"Spawned wave {rng.randint(1, 30)} with {rng.randint(3, 40)} enemies",
                f"Loaded asset bundle 'level_{rng.randint(1, 12):02d}_env' in {rng.randint(20, 900)}ms",
                f"Saved slot {rng.randint(0, 3)} ({rng.randint(10, 400)} KB)",
                f"Quest '{rng.choice(['the_lost_bell', 'mines_01', 'ferry_escort'])}' state -> {rng.choice(['Active', 'Completed'])}",
                f"Audio pool resized to {rng.randint(8, 64)}",
            ]))
            out.append(f"UnityEngine.Debug:Log (object)\n{sc}:Update () (at Assets/Scripts/{sc}.cs:{rng.randint(20, 400)})\n")
        elif r < 0.9:
            out.append(f"The referenced script (Unknown) on this Behaviour is missing!")
            out.append(f"(Filename: C:\\buildslave\\unity\\build\\Runtime/Scripting/ManagedReference/SerializableManagedRef.cpp Line: {rng.randint(100, 300)})\n")
        else:
            out.append(f"NullReferenceException: Object reference not set to an instance of an object")
            out.append(f"  at {sc}.LateUpdate () [0x000{rng.randint(10, 99)}] in <{rng.getrandbits(64):016x}>:0 ")
            out.append(f"(Filename: <{rng.getrandbits(64):016x}> Line: 0)\n")
    return "\n".join(out)

def appsettings(rng, sections):
    d = {"Logging": {"LogLevel": {"Default": "Information", "Microsoft.AspNetCore": "Warning",
                                   "Microsoft.EntityFrameworkCore.Database.Command": "Warning"}},
         "AllowedHosts": "*"}
    for i in range(sections):
        name = rng.choice(["Payments", "Claims", "Underwriting", "Notifications", "Documents", "Partners",
                           "Reporting", "Identity", "Pricing", "Ledger"]) + f"Service{i}"
        d[name] = {"BaseUrl": f"https://{name.lower()}.internal.acme-ins.net/api/v{rng.randint(1, 3)}",
                   "TimeoutSeconds": rng.choice([5, 10, 15, 30, 60, 100]),
                   "Retry": {"MaxAttempts": rng.randint(1, 6), "BackoffMs": rng.choice([100, 200, 500, 1000])},
                   "CircuitBreaker": {"FailureRatio": round(rng.random() * 0.5 + 0.2, 2),
                                      "BreakDurationSeconds": rng.choice([15, 30, 60])},
                   "Features": {f: rng.random() < 0.5 for f in rng.sample(
                       ["UseBatching", "EnableCache", "StrictValidation", "LegacyMapping", "AsyncPosting",
                        "ShadowWrites"], 3)}}
    d["ConnectionStrings"] = {"ClaimsDb": "Server=sql-claims-prod.acme-ins.net;Database=Claims;Authentication=Active Directory Managed Identity;Encrypt=True",
                              "Redis": "redis-prod.acme-ins.net:6380,ssl=True,abortConnect=False"}
    return json.dumps(d, indent=2)

def csharp_service(rng, methods, cls="ClaimAdjustmentService"):
    out = ["using System;", "using System.Collections.Generic;", "using System.Linq;",
           "using System.Threading;", "using System.Threading.Tasks;", "using Microsoft.Extensions.Logging;",
           "using Acme.Claims.Domain;", "using Acme.Claims.Infrastructure;", "",
           "namespace Acme.Claims.Application", "{",
           f"    public sealed class {cls} : I{cls}", "    {",
           "        private readonly IClaimRepository _claims;", "        private readonly IPolicyClient _policies;",
           f"        private readonly ILogger<{cls}> _log;", "",
           f"        public {cls}(IClaimRepository claims, IPolicyClient policies, ILogger<{cls}> log)",
           "        {", "            _claims = claims;", "            _policies = policies;", "            _log = log;",
           "        }", ""]
    verbs = ["Adjust", "Reopen", "Close", "Recalculate", "Validate", "Escalate", "Assign", "Reserve", "Split", "Merge"]
    nouns = ["Claim", "Reserve", "Payment", "Deductible", "Subrogation", "Coverage", "LineItem", "Salvage"]
    used = set()
    for m in range(methods):
        while True:
            nm = rng.choice(verbs) + rng.choice(nouns) + ("Async" if rng.random() < 0.7 else "")
            if nm not in used:
                used.add(nm); break
        asy = nm.endswith("Async")
        ret = "Task<ClaimResult>" if asy else "ClaimResult"
        out.append(f"        public {'async ' if asy else ''}{ret} {nm}(Guid claimId, decimal amount, CancellationToken ct = default)")
        out.append("        {")
        out.append(f"            var claim = {'await ' if asy else ''}_claims.{'GetAsync(claimId, ct)' if asy else 'Get(claimId)'};")
        out.append("            if (claim is null)")
        out.append(f"                return ClaimResult.NotFound(claimId);")
        for _ in range(rng.randint(2, 6)):
            c = rng.random()
            if c < 0.3:
                out.append(f"            if (amount > claim.{rng.choice(['CoverageLimit', 'ReserveAmount', 'OutstandingBalance'])})")
                out.append(f"                _log.LogWarning(\"{nm}: amount {{Amount}} exceeds limit for {{ClaimId}}\", amount, claimId);")
            elif c < 0.6:
                out.append(f"            claim.{rng.choice(['ReserveAmount', 'PaidToDate', 'Deductible'])} {rng.choice(['+=', '-='])} Math.Round(amount * {rng.choice(['0.8m', '1.0m', '0.25m', '0.5m'])}, 2, MidpointRounding.ToEven);")
            elif c < 0.8:
                out.append(f"            var policy = {'await ' if asy else ''}_policies.{'GetPolicyAsync(claim.PolicyNumber, ct)' if asy else 'GetPolicy(claim.PolicyNumber)'};")
            else:
                out.append(f"            claim.History.Add(new ClaimEvent(\"{nm}\", amount, DateTimeOffset.UtcNow));")
        out.append(f"            {'await ' if asy else ''}_claims.{'SaveAsync(claim, ct)' if asy else 'Save(claim)'};")
        out.append("            return ClaimResult.Ok(claim);")
        out.append("        }")
        out.append("")
    out += ["    }", "}"]
    return "\n".join(out)

def java_dto(rng, fields, cls="CustomerAccount"):
    types = ["String", "Long", "Integer", "BigDecimal", "LocalDate", "Boolean", "Instant"]
    names = ["accountNumber", "customerName", "branchCode", "openedOn", "closedOn", "creditLimit",
             "currentBalance", "overdraftFlag", "riskScore", "segment", "regionCode", "lastStatementDate",
             "taxId", "emailAddress", "phoneNumber", "preferredLanguage", "kycStatus", "updatedAt",
             "createdBy", "productCode", "interestRate", "statementCycle", "marketingOptIn", "externalRef"]
    chosen = names[:fields]
    out = ["package com.acme.core.accounts.dto;", "", "import java.math.BigDecimal;",
           "import java.time.Instant;", "import java.time.LocalDate;", "", f"public class {cls} {{", ""]
    tmap = {}
    for nm in chosen:
        t = rng.choice(types)
        tmap[nm] = t
        out.append(f"    private {t} {nm};")
    out.append("")
    for nm in chosen:
        t = tmap[nm]; cap = nm[0].upper() + nm[1:]
        out += [f"    public {t} get{cap}() {{", f"        return {nm};", "    }", "",
                f"    public void set{cap}({t} {nm}) {{", f"        this.{nm} = {nm};", "    }", ""]
    out.append("}")
    return "\n".join(out)

def thread_dump(rng, n_threads):
    locks = [f"0x0000000{rng.getrandbits(28):07x}" for _ in range(6)]
    out = [f"2024-05-02 03:17:44", "Full thread dump OpenJDK 64-Bit Server VM (21.0.2+13-LTS mixed mode, sharing):", ""]
    for i in range(n_threads):
        name = rng.choice(["http-nio-8443-exec-%d", "ledger-writer-%d", "kafka-producer-network-thread | producer-%d",
                           "HikariPool-1 housekeeper %d", "pool-3-thread-%d", "reconciliation-worker-%d"]) % rng.randint(1, 60)
        st = rng.choice(["RUNNABLE", "WAITING (parking)", "TIMED_WAITING (sleeping)", "BLOCKED (on object monitor)",
                         "WAITING (on object monitor)"])
        out.append(f"\"{name}\" #{100 + i} daemon prio=5 os_prio=0 cpu={rng.random() * 9000:.2f}ms elapsed={rng.random() * 90000:.2f}s tid=0x00007f{rng.getrandbits(36):09x} nid={rng.randint(1000, 99999)} {st.split()[0].lower()}")
        out.append(f"   java.lang.Thread.State: {st}")
        if st.startswith("BLOCKED"):
            a, b = rng.sample(locks, 2)
            out.append(f"\tat com.acme.ledger.AccountLockRegistry.transfer(AccountLockRegistry.java:{rng.randint(80, 140)})")
            out.append(f"\t- waiting to lock <{a}> (a com.acme.ledger.Account)")
            out.append(f"\t- locked <{b}> (a com.acme.ledger.Account)")
            out.append(f"\tat com.acme.ledger.TransferService.execute(TransferService.java:{rng.randint(40, 90)})")
        elif st.startswith("WAITING (parking)"):
            out.append("\tat jdk.internal.misc.Unsafe.park(java.base@21.0.2/Native Method)")
            out.append(f"\t- parking to wait for  <{rng.choice(locks)}> (a java.util.concurrent.locks.ReentrantLock$NonfairSync)")
            out.append("\tat java.util.concurrent.locks.LockSupport.park(java.base@21.0.2/LockSupport.java:221)")
            out.append(f"\tat com.acme.ledger.ReconciliationWorker.run(ReconciliationWorker.java:{rng.randint(50, 200)})")
        elif st.startswith("RUNNABLE"):
            out.append("\tat sun.nio.ch.EPoll.wait(java.base@21.0.2/Native Method)")
            out.append("\tat sun.nio.ch.EPollSelectorImpl.doSelect(java.base@21.0.2/EPollSelectorImpl.java:121)")
        else:
            out.append("\tat java.lang.Thread.sleep0(java.base@21.0.2/Native Method)")
            out.append("\tat java.lang.Thread.sleep(java.base@21.0.2/Thread.java:509)")
        out.append(f"\tat java.lang.Thread.runWith(java.base@21.0.2/Thread.java:1596)")
        out.append("\tat java.lang.Thread.run(java.base@21.0.2/Thread.java:1583)")
        out.append("")
    return "\n".join(out)

def pentest_report(rng, n):
    sev = ["Critical", "High", "Medium", "Low", "Informational"]
    titles = ["Outdated Apache Tomcat", "TLS 1.0 enabled", "Reflected XSS in search parameter",
              "Missing HttpOnly flag on session cookie", "Directory listing enabled", "OpenSSH user enumeration",
              "SQL injection in report filter", "Weak SSH key exchange algorithms", "Verbose error messages",
              "jQuery 1.x with known vulnerabilities", "SMBv1 enabled", "Default credentials on management console",
              "Spring4Shell (RCE)", "Log4j JNDI lookup (Log4Shell)", "Clickjacking: X-Frame-Options missing"]
    out = ["ACME Insurance - External & Internal Penetration Test - Findings Export", "Engagement: AI-2024-Q2-07",
           "Tester: Northwall Security AB", ""]
    for i in range(n):
        t = rng.choice(titles)
        cves = ", ".join(f"CVE-{rng.choice([2019, 2020, 2021, 2022, 2023])}-{rng.randint(1000, 48000)}"
                         for _ in range(rng.randint(0, 3))) or "n/a"
        host = f"10.{rng.randint(10, 40)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}"
        out += [f"Finding {i + 1:03d}: {t}", f"  Severity: {rng.choice(sev)}   CVSS: {rng.random() * 10:.1f}",
                f"  Host: {host}:{rng.choice([22, 80, 443, 445, 8080, 8443, 9090])}", f"  CVE: {cves}",
                f"  Evidence: {rng.choice(['banner grab', 'response header', 'manual verification', 'nessus plugin %d' % rng.randint(10000, 190000)])}",
                f"  Recommendation: {rng.choice(['Upgrade to latest vendor version.', 'Disable legacy protocol.', 'Apply input validation and parameterised queries.', 'Set cookie flags.', 'Restrict access by network ACL.'])}",
                ""]
    return "\n".join(out)

def idoc_dump(rng, orders):
    out = []
    for o in range(orders):
        docnum = f"00000000{rng.randint(10000000, 99999999)}"
        out.append(f"EDI_DC40  800{docnum}740 3012  ORDERS05                                                     ORDERS                                        SAPPRD    LS  PRDCLNT800")
        out.append(f"E2EDK01005 800{docnum}000001000000000000001   EUR1.00000           0001 {rng.randint(4500000000, 4599999999)}")
        out.append(f"E2EDK14    800{docnum}000002000000000000001008{rng.choice(['1000', '2000', '3100'])}")
        out.append(f"E2EDK03    800{docnum}000003000000000000001012{2024}0{rng.randint(1, 9)}{rng.randint(10, 28)}")
        out.append(f"E2EDKA1003 800{docnum}000004000000000000001AG 00{rng.randint(1000000, 9999999)}  {rng.choice(['BRAUN LOGISTIK GMBH', 'NORDIC STEEL AB', 'FRATELLI ROSSI SRL', 'OSTRAVA MACHINERY AS'])}")
        for it in range(rng.randint(1, 5)):
            out.append(f"E2EDP01008 800{docnum}{5 + it * 3:06d}000000000000002{(it + 1) * 10:06d}   {rng.randint(1, 500):>15}.000 ST  {rng.randint(10, 9000):>12}.{rng.randint(0, 99):02d}")
            out.append(f"E2EDP19003 800{docnum}{6 + it * 3:06d}000000000000003002{rng.choice(['MAT-', 'SP-', 'HX-'])}{rng.randint(100000, 999999)}")
            out.append(f"E2EDP20    800{docnum}{7 + it * 3:06d}000000000000003{rng.randint(1, 500):>15}.000 2024{rng.randint(4, 12):02d}{rng.randint(10, 28)}")
    return "\n".join(out)

def rosout(rng, n):
    nodes = ["/amcl", "/move_base", "/ekf_localization", "/lidar_driver", "/imu_driver", "/wheel_odom", "/planner_server", "/controller_server"]
    t = 1714650000.0 + rng.random() * 1000
    out = []
    for i in range(n):
        t += rng.random() * 0.4
        node = rng.choice(nodes)
        lvl = rng.choices(["INFO", "WARN", "ERROR", "DEBUG"], [70, 18, 4, 8])[0]
        msg = {
            "/amcl": rng.choice(["Setting pose (%.6f): %.3f %.3f %.3f" % (t, rng.random() * 40, rng.random() * 25, rng.random() * 6.28 - 3.14),
                                 "Resampling particles (%d)" % rng.randint(500, 5000)]),
            "/move_base": rng.choice(["Got new plan", "Rotate recovery behavior started.", "Clearing costmap to unstuck robot (3.000000m)."]),
            "/ekf_localization": rng.choice(["Transform from base_link to odom failed: extrapolation into the future", "Received IMU message with timestamp %.3f older than filter time" % (t - rng.random() * 0.2)]),
            "/lidar_driver": rng.choice(["Scan received: %d points" % rng.randint(700, 1100), "Packet loss detected: %d packets" % rng.randint(1, 30)]),
            "/imu_driver": rng.choice(["IMU rate %.1f Hz" % (190 + rng.random() * 20), "Serial read timeout on /dev/ttyIMU0"]),
            "/wheel_odom": rng.choice(["Encoder delta left=%d right=%d" % (rng.randint(-40, 400), rng.randint(-40, 400)), "CAN frame 0x%03X dropped" % rng.randint(0x100, 0x2FF)]),
            "/planner_server": rng.choice(["Planning took %.3f s" % (rng.random() * 0.3), "GridBased: failed to create plan, no valid path found."]),
            "/controller_server": rng.choice(["Control loop missed its desired rate of 20.0000Hz", "Passing new path to controller."]),
        }[node]
        out.append(f"[{lvl}] [{t:.6f}] [{node}]: {msg}")
    return "\n".join(out)

def feature_csv(rng, n):
    out = ["entity_id,event_ts,txn_count_7d,txn_amount_30d,avg_basket,days_since_login,country,device_type,chargeback_rate_90d,label"]
    for i in range(n):
        out.append(",".join([
            f"u_{rng.randint(100000, 999999)}",
            f"2024-0{rng.randint(1, 6)}-{rng.randint(10, 28)}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z",
            str(rng.randint(0, 60)), f"{rng.random() * 4000:.2f}", "" if rng.random() < 0.06 else f"{rng.random() * 180:.2f}",
            str(rng.randint(0, 120)), rng.choice(["SE", "IT", "CZ", "DE", "US", "FR", "PL"]),
            rng.choice(["ios", "android", "web"]), f"{rng.random() * 0.05:.4f}", str(int(rng.random() < 0.04))]))
    return "\n".join(out)

def stm32_header(rng, n):
    out = ["/* Auto-generated by STM32CubeMX - pin and peripheral map */", "#ifndef __MAIN_H", "#define __MAIN_H", "",
           '#include "stm32f4xx_hal.h"', ""]
    ports = "ABCDE"
    for i in range(n):
        nm = rng.choice(["LED", "BTN", "MOTOR_EN", "MOTOR_DIR", "ENC", "CS_IMU", "CS_FLASH", "UART_DE", "LIMIT_SW", "BUZZER", "ADC_VBAT", "FAN_PWM"]) + f"_{i}"
        port = rng.choice(ports); pin = rng.randint(0, 15)
        out.append(f"#define {nm}_Pin GPIO_PIN_{pin}")
        out.append(f"#define {nm}_GPIO_Port GPIO{port}")
        if rng.random() < 0.3:
            out.append(f"#define {nm}_EXTI_IRQn EXTI{pin if pin < 5 else ('9_5' if pin < 10 else '15_10')}_IRQn")
    out += ["", "void Error_Handler(void);", "", "#endif /* __MAIN_H */"]
    return "\n".join(out)

def gradle_log(rng):
    return "\n".join([
        "> Task :app:preBuild UP-TO-DATE", "> Task :app:preDebugBuild UP-TO-DATE",
        "> Task :app:mergeDebugNativeDebugMetadata NO-SOURCE", "> Task :app:checkDebugAarMetadata",
        "> Task :app:generateDebugResValues", "> Task :app:mapDebugSourceSetPaths",
        "> Task :app:generateDebugResources", "> Task :app:mergeDebugResources",
        "> Task :app:processDebugMainManifest FAILED", "",
        "FAILURE: Build failed with an exception.", "", "* What went wrong:",
        "Execution failed for task ':app:processDebugMainManifest'.",
        "> Manifest merger failed : Apps targeting Android 12 and higher are required to specify an explicit value for `android:exported` when the corresponding component has an intent filter defined. See https://developer.android.com/guide/topics/manifest/activity-element#exported for details.",
        "", "* Try:", "> Run with --stacktrace option to get the stack trace.",
        "> Run with --info or --debug option to get more log output.", "> Run with --scan to get full insights.",
        "", "BUILD FAILED in %ds" % rng.randint(8, 40), "%d actionable tasks: %d executed, %d up-to-date" % (28, rng.randint(5, 20), rng.randint(3, 10))])

# ---------------------------------------------------------------------------
# Java / Spring services
# ---------------------------------------------------------------------------
_r = random.Random(2201)
LOG_BILLING_LONG = spring_log(_r, 200, error_every=29, warn_every=23)
LOG_BILLING_SHORT = spring_log(_r, 60, error_every=0, warn_every=17)

R("haiku", "question", "web", "plain", "long-trivial",
  "TB5: counting ERROR lines in a long log is mechanical and checkable at a glance",
  "Can you count how many ERROR lines are in this log and list their timestamps? Nothing else, I just need the count for the incident ticket.\n\n" + LOG_BILLING_LONG)

R("opus", "debug", "web", "verbose", None,
  "debugging intermittent 40001 serialization failures and starvation warnings across pool, Kafka consumer and ledger job needs a cross-component theory",
  "This is the same billing-svc log from the ticket. Every night around 09:00-11:00 we get the SQLState 40001 errors, Hikari 'thread starvation or clock leap' warnings and ledger batch timeouts, but never all on the same day and we can't reproduce it in staging. The ledger job runs on 'scheduling-1' and the Kafka listener writes the same invoice rows. I'd like a theory of what is actually going on between the pool, the serializable transactions and the consumer, and what to instrument to confirm it before we change anything.\n\n" + LOG_BILLING_LONG)

R("haiku", "question", "web", "terse", None,
  "short factual question about a Spring annotation",
  "difference between @Component and @Service in spring? any at all")

R("haiku", "question", "web", "terse", None,
  "well-known one-line answer about Spring Boot config",
  "spring boot property to change server port")

R("sonnet", "debug", "web", "plain", None,
  "stack trace points directly at LazyInitializationException outside session; fix is known but needs a careful choice of fetch strategy",
  "Getting this when the controller serialises the invoice. Where should I fix it, and what is the cleanest way without turning on open-in-view?\n\n" +
  java_trace(_r, "org.hibernate.LazyInitializationException",
             "failed to lazily initialize a collection of role: com.acme.billing.invoice.Invoice.lines: could not initialize proxy - no Session",
             ["org.hibernate.collection.spi.AbstractPersistentCollection.throwLazyInitializationException(AbstractPersistentCollection.java:635)",
              "org.hibernate.collection.spi.AbstractPersistentCollection.withTemporarySessionIfNeeded(AbstractPersistentCollection.java:218)",
              "org.hibernate.collection.spi.AbstractPersistentCollection.initialize(AbstractPersistentCollection.java:615)",
              "org.hibernate.collection.spi.PersistentBag.iterator(PersistentBag.java:387)",
              "com.fasterxml.jackson.databind.ser.std.CollectionSerializer.serializeContents(CollectionSerializer.java:130)",
              "com.fasterxml.jackson.databind.ser.BeanPropertyWriter.serializeAsField(BeanPropertyWriter.java:732)",
              "com.acme.billing.invoice.InvoiceController.get(InvoiceController.java:58)",
              "org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod.invokeAndHandle(ServletInvocableHandlerMethod.java:118)",
              "org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)"]))

R("opus", "design", "web", "plain", "easy-words-hard",
  "TB6: plain words, but guaranteeing no double charge across a retrying client and a payment gateway is an idempotency/exactly-once design problem",
  "Our payment endpoint sometimes charges customers twice when the mobile app retries. How should we change it so that can't happen?")

R("sonnet", "implement", "web", "plain", None,
  "clear spec for a Spring endpoint with validation and paging; everyday work",
  "Add a GET /api/v2/customers/{id}/invoices endpoint to InvoiceController. It should support page and size params (default 0 and 20, max size 100), optional status filter (OPEN, PAID, VOID), return a Page<InvoiceSummaryDto>, and 404 if the customer doesn't exist. We use Spring Data JPA and MapStruct already.")

R("haiku", "edit", "web", "terse", None,
  "mechanical rename in a short snippet",
  "rename custId to customerId everywhere here\n\n```java\npublic InvoiceSummaryDto summarize(Long custId, List<Invoice> inv) {\n    log.debug(\"summarizing {} invoices for {}\", inv.size(), custId);\n    var open = inv.stream().filter(i -> i.getCustId().equals(custId) && i.isOpen()).toList();\n    return new InvoiceSummaryDto(custId, open.size(), sum(open));\n}\n```")

R("sonnet", "test", "web", "plain", None,
  "writing tests for an existing service method; everyday engineering",
  "Write JUnit 5 + Mockito tests for this. Cover the happy path, the customer-not-found case and the case where the gateway throws. Don't use SpringBootTest, plain unit tests please.\n\n```java\n@Service\n@RequiredArgsConstructor\npublic class RefundService {\n    private final InvoiceRepository invoices;\n    private final PaymentGatewayClient gateway;\n    private final ApplicationEventPublisher events;\n\n    @Transactional\n    public RefundResult refund(String invoiceNo, BigDecimal amount) {\n        Invoice inv = invoices.findByNumber(invoiceNo)\n            .orElseThrow(() -> new InvoiceNotFoundException(invoiceNo));\n        if (amount.compareTo(inv.getPaidAmount()) > 0) {\n            throw new RefundExceedsPaymentException(invoiceNo, amount);\n        }\n        GatewayRefund gr = gateway.refund(inv.getPaymentRef(), amount);\n        inv.registerRefund(gr.id(), amount);\n        events.publishEvent(new InvoiceRefunded(inv.getId(), amount));\n        return RefundResult.of(gr);\n    }\n}\n```")

R("opus", "review", "web", "verbose", None,
  "TB10: review of code whose correctness depends on concurrent access (double-checked caching with a shared mutable map)",
  "Could you review this token cache we wrote for calling the SAP gateway? It runs in 12 pods, each with a Tomcat pool of 200 threads. Colleague says it's fine because of the volatile, I am not so sure, especially around refresh when the token expires while many requests are in flight. I want to know if it is correct and, if not, what exactly can go wrong.\n\n```java\n@Component\npublic class SapTokenCache {\n    private volatile String token;\n    private volatile Instant expiresAt = Instant.EPOCH;\n    private final Map<String, String> scopedTokens = new HashMap<>();\n    private final SapAuthClient auth;\n\n    public SapTokenCache(SapAuthClient auth) { this.auth = auth; }\n\n    public String get() {\n        if (Instant.now().isAfter(expiresAt.minusSeconds(30))) {\n            synchronized (this) {\n                if (Instant.now().isAfter(expiresAt.minusSeconds(30))) {\n                    TokenResponse r = auth.fetch();\n                    expiresAt = Instant.now().plusSeconds(r.expiresIn());\n                    token = r.accessToken();\n                }\n            }\n        }\n        return token;\n    }\n\n    public String forScope(String scope) {\n        String t = scopedTokens.get(scope);\n        if (t == null) {\n            t = auth.fetchScoped(scope).accessToken();\n            scopedTokens.put(scope, t);\n        }\n        return t;\n    }\n}\n```")

R("haiku", "explain", "web", "plain", None,
  "TB7: what a short snippet does, answered in a sentence",
  "What does this actually do? `@Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)`")

R("sonnet", "explain", "web", "plain", None,
  "TB7: why self-invocation bypasses the proxy is a subtle but well-known reason; sonnet",
  "Why does my @Transactional not roll back here? The exception is thrown, I see it in logs, but the row is still in the DB.\n\n```java\n@Service\npublic class OrderService {\n    public void placeAll(List<OrderRequest> reqs) {\n        for (OrderRequest r : reqs) {\n            place(r);\n        }\n    }\n\n    @Transactional\n    public void place(OrderRequest r) {\n        repo.save(Order.from(r));\n        if (r.total().signum() < 0) throw new IllegalStateException(\"negative total\");\n    }\n}\n```")

R("opus", "design", "web", "terse", "short-hard",
  "short prompt asking for a distributed saga design with compensation semantics",
  "saga for order->payment->shipping in spring, no 2PC. compensation + ordering guarantees?")

R("sonnet", "refactor", "web", "non-native", None,
  "refactoring a controller into service layer; clear everyday refactor",
  "Hello, I have big controller with all logic inside (jdbcTemplate calls, validation, mapping). Please can you move the logic to a service class and a repository class, keep the same behaviour, the controller should only do http things. Code below.\n\n```java\n@RestController\n@RequestMapping(\"/api/branches\")\npublic class BranchController {\n    @Autowired JdbcTemplate jdbc;\n\n    @GetMapping(\"/{code}\")\n    public ResponseEntity<Map<String,Object>> get(@PathVariable String code) {\n        if (code == null || code.length() != 4) return ResponseEntity.badRequest().build();\n        List<Map<String,Object>> rows = jdbc.queryForList(\"select code, name, region, manager_id from branch where code = ?\", code);\n        if (rows.isEmpty()) return ResponseEntity.notFound().build();\n        Map<String,Object> r = rows.get(0);\n        r.put(\"region\", ((String) r.get(\"region\")).trim().toUpperCase());\n        return ResponseEntity.ok(r);\n    }\n\n    @PostMapping\n    public ResponseEntity<Void> create(@RequestBody Map<String,Object> body) {\n        String code = (String) body.get(\"code\");\n        if (code == null || code.length() != 4) return ResponseEntity.badRequest().build();\n        Integer n = jdbc.queryForObject(\"select count(*) from branch where code = ?\", Integer.class, code);\n        if (n != null && n > 0) return ResponseEntity.status(409).build();\n        jdbc.update(\"insert into branch(code, name, region, manager_id) values (?,?,?,?)\",\n            code, body.get(\"name\"), body.get(\"region\"), body.get(\"managerId\"));\n        return ResponseEntity.status(201).build();\n    }\n}\n```")

R("haiku", "question", "web", "typos", None,
  "simple config lookup question",
  "how do i set hikari max pool size in applicaton.yml, whats the key exaclty")

R("haiku", "docs", "web", "plain", None,
  "short commit message for a described change",
  "Write a commit message: bumped spring-boot from 3.2.4 to 3.2.5 and removed the jakarta.annotation override we added for the CVE, since 3.2.5 ships the fixed version.")

R("haiku", "question", "web", "plain", "hard-words-easy",
  "intimidating reactive/backpressure vocabulary, but the ask is which operator name to use: a one-line answer",
  "In our Project Reactor pipeline with backpressure-aware Flux from a Kafka receiver, under a bounded elastic scheduler with publishOn/subscribeOn interleaving, what's the operator to just take the first 10 elements and then cancel upstream?")

R("sonnet", "debug", "web", "plain", None,
  "circular dependency trace with an identifiable cause",
  "App won't start after I added the audit listener. What do I change?\n\n```\n***************************\nAPPLICATION FAILED TO START\n***************************\n\nDescription:\n\nThe dependencies of some of the beans in the application context form a cycle:\n\n   invoiceController defined in file [/app/classes/com/acme/billing/invoice/InvoiceController.class]\n┌─────┐\n|  invoiceService defined in file [/app/classes/com/acme/billing/invoice/InvoiceService.class]\n↑     ↓\n|  auditEventListener defined in file [/app/classes/com/acme/billing/audit/AuditEventListener.class]\n└─────┘\n\nAction:\n\nRelying upon circular references is discouraged and they are prohibited by default. Update your application to remove the dependency cycle between beans. As a last resort, it may be possible to break the cycle automatically by setting spring.main.allow-circular-references to true.\n```\n\nAuditEventListener injects InvoiceService only to call `invoiceService.findNumber(id)` for the audit text.")

R("opus", "plan", "web", "verbose", None,
  "large multi-step migration across a codebase (javax->jakarta, Boot 2->3, Hibernate 6 semantics) with sequencing and risk",
  "We have 46 Spring Boot 2.7 services (Java 11, some still on Hibernate 5 with custom UserTypes, a shared parent POM, a couple of services using Spring Cloud Sleuth and one using the old Spring Security WebSecurityConfigurerAdapter everywhere). Management wants everything on Boot 3.2 / Java 21 by end of Q3 without a freeze. Could you put together a migration plan: order of services, what to do in the shared libraries first, how to handle the javax->jakarta switch when some internal libs are consumed by both old and new services, how to test Hibernate 6 query behaviour changes, and how to roll back if a service misbehaves in prod?")

R("sonnet", "ops", "infrastructure", "plain", None,
  "CI build configuration with clear requirements",
  "Write a GitHub Actions workflow for our Maven multi-module project: Java 21 Temurin, cache ~/.m2, run `mvn -B verify` on PRs, and on main also build the Docker image with Jib and push to ghcr.io/acme/billing-svc tagged with the short sha. Testcontainers tests need Docker available.")

R("haiku", "question", "web", "terse", None,
  "one-line known answer",
  "jackson ignore unknown properties globally spring boot")

R("sonnet", "debug", "web", "follow-up", None,
  "TB8: follow-up that only points back; work unknown so sonnet",
  "nope still same LazyInitializationException after your change. try again")

R("haiku", "edit", "web", "follow-up", None,
  "TB8: follow-up naming a trivial edit",
  "ok good. also add javadoc to the new repository method, one line is enough")

R("opus", "debug", "web", "non-native", "easy-words-hard",
  "TB6: a slow leak under load described in prose with no lead needs a theory across components",
  "Our Spring application memory is growing slowly during about four days and after the pod is OOMKilled. The heap is looking fine in dashboards. I have no idea from where to start, please help.")

R("sonnet", "implement", "web", "terse", None,
  "standard integration: Resilience4j circuit breaker around a client, clear spec",
  "wrap PaymentGatewayClient.authorize with resilience4j circuit breaker + retry (3 attempts, exp backoff), fallback returns PENDING. spring boot 3 annotations")

# .NET
_r2 = random.Random(2202)
APPSETTINGS_LONG = appsettings(_r2, 50)
CS_SERVICE_LONG = csharp_service(_r2, 45)
CS_SERVICE_SHORT = csharp_service(_r2, 6, cls="ReserveCalculator")

R("haiku", "question", "web", "plain", "long-trivial",
  "TB5: finding one setting in a long config is a lookup, checkable at a glance",
  "In this appsettings.Production.json, what's the TimeoutSeconds for the Ledger service(s)? There might be more than one, list them all.\n\n```json\n" + APPSETTINGS_LONG + "\n```")

R("sonnet", "refactor", "web", "plain", None,
  "TB5: restructuring a long config into typed options classes is many careful steps",
  "Can you turn the service sections of this appsettings into strongly-typed options? One `DownstreamServiceOptions` class with nested Retry/CircuitBreaker records, bound with `services.AddOptions<>().Bind(...).ValidateDataAnnotations().ValidateOnStart()` for each named section, and show the registration code. Validation: TimeoutSeconds between 1 and 120, MaxAttempts 1..10.\n\n```json\n" + APPSETTINGS_LONG[:6000] + "\n  }\n}\n```")

R("haiku", "edit", "web", "plain", "long-trivial",
  "TB5: adding a license header to a long file is mechanical",
  "Add our standard license header at the top of this file: `// Copyright (c) Acme Insurance Group. All rights reserved. Licensed under the Acme Internal Source License 2.1.` Return only the first 15 lines so I can see it's right.\n\n```csharp\n" + CS_SERVICE_LONG + "\n```")

R("opus", "review", "web", "verbose", None,
  "TB10: review of money-handling service for concurrency issues (lost updates on claim reserves across async calls) plus architecture judgment",
  "This is our whole ClaimAdjustmentService. Two adjusters can work on the same claim at the same time from the web UI, and we also have a nightly batch calling the Recalculate* methods. Finance found claims where the reserve doesn't match the sum of the history events. Please review it for concurrency and consistency problems (EF Core, SQL Server, no rowversion column today) and tell me what design you would move to.\n\n```csharp\n" + CS_SERVICE_LONG + "\n```")

R("sonnet", "test", "web", "plain", None,
  "writing xUnit tests for a short existing class",
  "Write xUnit tests (with NSubstitute) for this ReserveCalculator. At least one test per public method, including the not-found path.\n\n```csharp\n" + CS_SERVICE_SHORT + "\n```")

R("haiku", "question", "web", "terse", None,
  "short factual .NET question",
  "AddScoped vs AddTransient vs AddSingleton - one line each")

R("sonnet", "explain", "web", "non-native", None,
  "TB7: explaining a subtle async deadlock reason (sync-over-async with sync context) is sonnet",
  "Why this code is freezing forever in our old ASP.NET (not core) app but in console app it works fine? I don't understand.\n\n```csharp\npublic ActionResult Index()\n{\n    var rates = _fx.GetRatesAsync(\"EUR\").Result;\n    return View(rates);\n}\n\npublic async Task<Rates> GetRatesAsync(string baseCcy)\n{\n    var json = await _http.GetStringAsync($\"https://fx.internal/api/rates?base={baseCcy}\");\n    return JsonConvert.DeserializeObject<Rates>(json);\n}\n```")

R("opus", "design", "web", "plain", "easy-words-hard",
  "TB6: plain ask that is really multi-tenant data isolation design with security stakes",
  "We're turning our single-customer .NET claims app into something we can sell to several insurers. How should we separate each insurer's data?")

R("sonnet", "implement", "web", "plain", None,
  "minimal API endpoint with EF Core and clear spec",
  "Add a minimal API endpoint POST /claims/{id}/notes in our .NET 8 app. Body: { text: string (1-2000 chars), visibility: 'internal'|'customer' }. Save to ClaimNotes via EF Core with the current user's oid claim as AuthorId, return 201 with location header. Needs authorization policy 'Adjuster'.")

R("haiku", "explain", "web", "plain", None,
  "common error message explanation",
  "What does CS8618 mean? \"Non-nullable property 'PolicyNumber' must contain a non-null value when exiting constructor. Consider declaring the property as nullable.\"")

R("opus", "review", "security", "plain", None,
  "TB10: security review of authentication code; a subtle mistake is a vulnerability",
  "Security review please. This is how our .NET API validates tokens from the partner portal. Anything wrong?\n\n```csharp\nservices.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)\n    .AddJwtBearer(o =>\n    {\n        o.Authority = config[\"Partner:Authority\"];\n        o.TokenValidationParameters = new TokenValidationParameters\n        {\n            ValidateIssuer = false,\n            ValidateAudience = false,\n            ValidateLifetime = true,\n            RequireSignedTokens = true,\n            ValidAlgorithms = new[] { \"RS256\", \"HS256\" },\n            IssuerSigningKeyResolver = (token, secToken, kid, p) =>\n            {\n                var keys = _jwks.GetKeys(config[\"Partner:Authority\"]);\n                if (!keys.Any(k => k.KeyId == kid))\n                    return new[] { new SymmetricSecurityKey(Encoding.UTF8.GetBytes(config[\"Partner:FallbackSecret\"])) };\n                return keys.Where(k => k.KeyId == kid);\n            }\n        };\n        o.Events = new JwtBearerEvents\n        {\n            OnTokenValidated = ctx =>\n            {\n                var tenant = ctx.Request.Headers[\"X-Tenant\"].FirstOrDefault();\n                ((ClaimsIdentity)ctx.Principal!.Identity!).AddClaim(new Claim(\"tenant\", tenant ?? \"default\"));\n                return Task.CompletedTask;\n            }\n        };\n    });\n```")

R("haiku", "edit", "web", "terse", None,
  "convert a tiny snippet to file-scoped namespace: mechanical",
  "convert to file scoped namespace\n\n```csharp\nnamespace Acme.Claims.Api\n{\n    public record ClaimDto(Guid Id, string PolicyNumber, decimal Reserve);\n}\n```")

R("sonnet", "debug", "web", "plain", None,
  "EF Core error with an identifiable cause",
  "EF Core 8 throws this when I call SaveChanges after attaching the claim I got from the cache. How do I fix it properly?\n\n```\nSystem.InvalidOperationException: The instance of entity type 'Claim' cannot be tracked because another instance with the key value '{Id: 6f1b2c9e-0d4a-4a77-9a51-2f9c3b1de004}' is already being tracked. When attaching existing entities, ensure that only one entity instance with a given key value is attached.\n   at Microsoft.EntityFrameworkCore.ChangeTracking.Internal.IdentityMap`1.ThrowIdentityConflict(InternalEntityEntry entry)\n   at Microsoft.EntityFrameworkCore.ChangeTracking.Internal.IdentityMap`1.Add(TKey key, InternalEntityEntry entry, Boolean updateDuplicate)\n   at Microsoft.EntityFrameworkCore.ChangeTracking.Internal.StateManager.StartTracking(InternalEntityEntry entry)\n   at Microsoft.EntityFrameworkCore.ChangeTracking.Internal.InternalEntityEntry.SetEntityState(EntityState oldState, EntityState newState, Boolean acceptChanges, Boolean modifyProperties)\n   at Microsoft.EntityFrameworkCore.DbContext.Attach[TEntity](TEntity entity)\n   at Acme.Claims.Application.ClaimAdjustmentService.AdjustReserveAsync(Guid claimId, Decimal amount, CancellationToken ct) in /src/Acme.Claims.Application/ClaimAdjustmentService.cs:line 142\n```")

R("opus", "design", "web", "terse", "short-hard",
  "exactly-once outbox + consumer idempotency design is a distributed-systems problem",
  "outbox pattern in .NET with SQL Server + Azure Service Bus. exactly-once effect for consumers, how")

R("haiku", "docs", "web", "plain", None,
  "short changelog line",
  "Changelog line for: claims API now returns 409 instead of 500 when two adjusters save the same note id.")

# Java DTO mechanical vs rewrite
_r3 = random.Random(2203)
JAVA_DTO = java_dto(_r3, 24)
R("haiku", "refactor", "web", "plain", "long-trivial",
  "TB5: converting a getter/setter POJO to a record is mechanical and checkable",
  "Turn this into a Java record, keep field order.\n\n```java\n" + JAVA_DTO + "\n```")

R("haiku", "question", "web", "non-native", None,
  "simple count/lookup on pasted code",
  "How many fields of type BigDecimal has this class? Sorry for stupid question, I am in hurry.\n\n```java\n" + JAVA_DTO + "\n```")

R("sonnet", "implement", "web", "plain", None,
  "validation layer on a DTO with several rules; everyday",
  "For the CustomerAccount DTO above, add Bean Validation: accountNumber 10-12 digits, emailAddress valid email, creditLimit >= 0, closedOn must be after openedOn (write a class-level custom constraint for that one), and a test for the custom constraint.")
# ---------------------------------------------------------------------------
# COBOL / mainframe migrations
# ---------------------------------------------------------------------------
_c = random.Random(2204)
COPYBOOK_LONG = cobol_copybook(_c, 70)
COPYBOOK_SHORT = cobol_copybook(_c, 3, prefix="CLM")
COBOL_PROG_LONG = cobol_program(_c, 60)

R("haiku", "question", "data", "plain", "long-trivial",
  "TB5: reading one field's PIC clause out of a long copybook is a lookup",
  "Quick one: in this copybook, which fields are COMP-3? Just list the names, I need them for the unpack config.\n\n```cobol\n" + COPYBOOK_LONG + "\n```")

R("sonnet", "refactor", "data", "plain", None,
  "TB5: translating a whole long copybook to Java classes is many careful steps (packed decimals, groups, fillers)",
  "Convert this whole copybook into Java classes for our migration: one class per 05-level group, BigDecimal for the COMP-3 and V99 fields with the right scale, String for PIC X, int/long for COMP depending on digits, and keep the original COBOL name in a @CobolField(name=..., pic=...) annotation on each field. Skip FILLERs but keep a comment where they were.\n\n```cobol\n" + COPYBOOK_LONG + "\n```")

R("haiku", "explain", "data", "plain", "hard-words-easy",
  "mainframe jargon but the ask is what one PIC clause means: a short known answer",
  "Our z/OS batch people sent a VSAM KSDS layout and keep talking about zoned vs packed decimal and sign nibbles. All I need: what does `PIC S9(7)V99 COMP-3` mean and how many bytes is it?")

R("sonnet", "implement", "data", "plain", None,
  "implementing a packed-decimal decoder with clear spec and tests",
  "Write a Java utility that decodes an IBM packed decimal (COMP-3) byte array into a BigDecimal given the scale, handling sign nibbles C, D and F, and throwing on invalid nibbles. Plus JUnit tests with a few hand-made byte arrays, including negative values and zero.")

R("opus", "plan", "data", "verbose", None,
  "large migration plan off the mainframe with parallel run, reconciliation and cutover risk",
  "We are an insurer with about 1,900 COBOL programs on z/OS, CICS online for policy admin, nightly JCL batch chains (premium calculation, billing, GL feed), DB2 plus a lot of VSAM files, and three downstream systems that read flat files we FTP every night. The board approved moving to Java on Kubernetes over three years. I've been asked to write the first draft of the migration strategy: what to move first, whether to do automated conversion or rewrite, how to run old and new in parallel and prove the numbers match to the cent, and how to deal with the nightly batch window. Can you help me structure that and make the trade-offs explicit?")

R("opus", "review", "data", "plain", None,
  "verifying equivalence of rounding semantics in a premium calc rewrite; subtle money errors, needs careful reasoning",
  "We rewrote the premium calculation below in Java, and parallel runs differ by 1 cent on roughly 0.3% of policies. Which paragraphs could explain it? Think about ROUNDED vs truncation on intermediate COMPUTE results, COMP-3 intermediate precision and the order of ADDs.\n\n```cobol\n" + COBOL_PROG_LONG + "\n```")

R("haiku", "question", "data", "plain", "long-trivial",
  "TB5: counting paragraphs in a long program is mechanical",
  "How many paragraphs does PRMCALC4 have (not counting 0000-MAIN)? Just the number.\n\n```cobol\n" + COBOL_PROG_LONG + "\n```")

R("haiku", "explain", "data", "non-native", None,
  "explain a few lines of JCL",
  "Sorry I am new in mainframe team, what does this JCL step do?\n\n```\n//SORT01   EXEC PGM=SORT\n//SORTIN   DD DSN=PRD.PLC.DAILY.EXTRACT,DISP=SHR\n//SORTOUT  DD DSN=PRD.PLC.DAILY.SORTED,DISP=(NEW,CATLG,DELETE),\n//            SPACE=(CYL,(50,10),RLSE)\n//SYSIN    DD *\n  SORT FIELDS=(1,10,CH,A,21,8,PD,D)\n/*\n```")

R("sonnet", "implement", "data", "plain", None,
  "generating a parser for a short copybook with known steps",
  "Write a Python function that parses fixed-width EBCDIC records for this copybook (cp037) into dicts, decoding COMP-3 and COMP fields. Small copybook, so hand-write the offsets, but show how you computed them.\n\n```cobol\n" + COPYBOOK_SHORT + "\n```")

R("opus", "design", "data", "plain", "easy-words-hard",
  "TB6: plain words; keeping two systems of record consistent during strangler migration is a distributed-consistency design problem",
  "During the migration both the mainframe and the new Java service will be able to change a policy for a while. How do we keep them in sync?")

R("haiku", "edit", "data", "terse", None,
  "mechanical: uppercase/align a few lines",
  "align the PIC clauses to column 40 pls\n\n```cobol\n       01  WS-TOTALS.\n           05 WS-TOT-PREM PIC S9(11)V99 COMP-3.\n           05 WS-TOT-TAX      PIC S9(9)V99 COMP-3.\n           05 WS-REC-CNT PIC 9(8).\n           05  WS-ERR-CNT   PIC 9(6).\n```")

R("sonnet", "explain", "data", "plain", None,
  "explaining a medium COBOL module's control flow; non-trivial code",
  "Can you walk me through what this premium program does overall, paragraph by paragraph at a high level? I need to write the functional spec for the rewrite. The first 150 lines are enough for now.\n\n```cobol\n" + "\n".join(COBOL_PROG_LONG.split("\n")[:150]) + "\n```")

R("haiku", "question", "data", "terse", None,
  "factual mainframe question",
  "what is EBCDIC code page 1141 vs 037")

R("sonnet", "debug", "data", "plain", None,
  "abend with a known cause (S0C7 data exception) and a clear lead in the dump",
  "Batch job PRMCALC4 abends S0C7 since yesterday. The dump points at the COMPUTE in 2130-RISK-LOAD, offset +01A4, and the field is WS-BASE-PREM which is moved from PLC-PREM-AMT. Yesterday the upstream extract changed from a DB2 unload to a file from the new Java service. What's the likely cause and how do I confirm it?")

R("opus", "debug", "data", "verbose", "easy-words-hard",
  "TB6: no lead, intermittent, across CICS/DB2/MQ — needs a theory across components",
  "Something weird: some policy changes made in CICS don't show up in the nightly extract, maybe 5 to 10 per week out of 40 thousand. Not always the same transaction, not always the same region. The extract reads DB2 and the changes go through CICS then MQ to a batch updater. Nobody has any idea where they get lost. Where would you start looking?")

R("haiku", "question", "data", "other-language", None,
  "TB9: simple conversion question in Italian",
  "Qual è la differenza tra PIC 9(5) e PIC S9(5) in COBOL? Mi serve una risposta breve.",
  language="it")

R("sonnet", "implement", "data", "other-language", None,
  "TB9: implementing a converter with clear spec, in Czech",
  "Potřebuji v Javě převést soubor s pevnou délkou záznamu (200 bajtů, EBCDIC cp870) na CSV v UTF-8. Pole jsou popsána v copybooku, který ti pošlu, ale zatím stačí obecná třída, která dostane seznam polí (offset, délka, typ X/9/COMP-3) a vrátí řádek CSV. Přidej i jednoduché testy.",
  language="cs")

# ---------------------------------------------------------------------------
# SAP integrations
# ---------------------------------------------------------------------------
_s = random.Random(2205)
IDOC_LONG = idoc_dump(_s, 40)
IDOC_SHORT = idoc_dump(_s, 2)

R("sonnet", "implement", "data", "plain", None,
  "mapping IDoc segments to a JSON schema with clear rules; several careful steps",
  "Here are ORDERS05 IDocs from SAP in flat-file format. Write a Python parser that maps each IDoc to our JSON: {po_number, company_code, order_date, sold_to {id, name}, items: [{pos, qty, uom, net_price, material, delivery_date}]}. Segment positions are fixed width as shown. Only E2EDK01, E2EDK14, E2EDK03, E2EDKA1, E2EDP01, E2EDP19, E2EDP20 matter.\n\n```\n" + IDOC_LONG[:5200] + "\n```")

R("haiku", "question", "data", "plain", "long-trivial",
  "TB5: counting IDocs in a long dump (count EDI_DC40 lines) is mechanical",
  "How many IDocs are in this file? Each starts with an EDI_DC40 control record.\n\n```\n" + IDOC_LONG + "\n```")

R("haiku", "explain", "data", "plain", None,
  "short explanation of a short structure",
  "What are these lines? I got them from the SAP team and no explanation.\n\n```\n" + IDOC_SHORT + "\n```")

R("opus", "design", "data", "verbose", None,
  "integration architecture with ordering, retries, idempotency across SAP and services",
  "We need to get sales orders from our Spring Boot order service into SAP S/4HANA and get back the delivery and billing documents. Options on the table: IDocs over SAP PO, OData APIs directly from the service, or events through SAP Event Mesh. Volumes are around 40k orders/day with peaks at month end, and SAP is down for maintenance every second Sunday. Order changes and cancellations must never arrive in SAP before the create. Can you compare the options and recommend one, including how to handle ordering, retries and SAP downtime?")

R("sonnet", "debug", "web", "plain", None,
  "OData call error with clear cause (CSRF token)",
  "Calling the S/4 OData service API_SALES_ORDER_SRV from our Java client: GETs work, POST gives `403 Forbidden` with header `x-csrf-token: Required`. We send basic auth. What's missing? Show the fix in Spring WebClient.")

R("haiku", "question", "data", "terse", None,
  "factual SAP question",
  "what's the tcode to reprocess a failed idoc in sap")

R("haiku", "question", "data", "other-language", None,
  "TB9: short factual SAP question in Swedish",
  "Vad är skillnaden mellan en BAPI och en RFC-funktionsmodul i SAP? Kort svar räcker.",
  language="sv")

R("opus", "debug", "data", "plain", "easy-words-hard",
  "TB6: duplicated/lost documents across retries and async IDoc processing with no lead",
  "Sometimes SAP creates the same sales order twice from one order in our system, and sometimes a cancellation is ignored. It happens maybe twice a week. Our side retries on timeout. Why would this happen and how do we make it stop?")

R("sonnet", "implement", "data", "verbose", None,
  "calling a BAPI through JCo with commit handling; known steps",
  "I need a small Java service that calls BAPI_PO_CREATE1 through SAP JCo to create a purchase order from our procurement app. Header: vendor, purchasing org, purch group, company code; items: material, plant, quantity, net price. It must check the RETURN table for type E/A messages and only then call BAPI_TRANSACTION_COMMIT with WAIT='X', otherwise rollback. Connection details come from a destination file. Can you write the service class and show how the RETURN messages map to an exception?")

R("haiku", "edit", "data", "plain", None,
  "convert JSON to YAML; mechanical",
  "Convert this destination config to YAML for our helm values:\n\n```json\n{\"sap\": {\"destination\": \"S4P_800\", \"ashost\": \"s4p-app01.corp.acme.net\", \"sysnr\": \"00\", \"client\": \"800\", \"lang\": \"EN\", \"pool\": {\"capacity\": 10, \"peakLimit\": 20}}}\n```")

R("haiku", "question", "data", "plain", "hard-words-easy",
  "SAP jargon-heavy but the ask is a one-line date format conversion",
  "Our CPI iFlow gets the IDoc via the IDoc adapter, goes through a message mapping and Groovy script step before the SuccessFactors OData V2 receiver, and the E2EDK03 segment with qualifier 012 has the date as 20240317. What Java/Groovy format pattern do I use to parse that string?")

R("opus", "review", "security", "plain", None,
  "TB10: security review of an integration user's SAP authorizations and RFC exposure",
  "Our integration uses one SAP dialog user INT_SHOP with profile SAP_ALL 'temporarily' (since 2021) and an RFC destination with the password stored in the Spring config. The shop calls RFC_READ_TABLE to look up prices and BAPI_SALESORDER_CREATEFROMDAT2 to create orders. Please do a security review of this setup and what the target state should look like, with the order in which to tighten it without breaking the shop.")
# ---------------------------------------------------------------------------
# Game development: Unity, Unreal, Godot
# ---------------------------------------------------------------------------
_g = random.Random(2206)
UNITY_LOG = unity_log(_g, 28)

R("haiku", "question", "general", "plain", None,
  "finding the first exception in a medium log; lookup",
  "Which script throws the first NullReferenceException in this Player.log? Just the script name and line.\n\n```\n" + UNITY_LOG + "\n```")

R("sonnet", "debug", "general", "plain", None,
  "missing script references plus NREs in LateUpdate; identifiable causes from the log",
  "Build works in the editor but the player log is full of this. Can you tell me what's causing the 'referenced script is missing' spam and the NullReferenceExceptions and how to fix both?\n\n```\n" + UNITY_LOG + "\n```")

R("haiku", "question", "general", "terse", None,
  "one-line known answer",
  "unity difference Update vs FixedUpdate vs LateUpdate")

R("haiku", "edit", "general", "plain", None,
  "small mechanical change in a short script",
  "Make `speed` and `jumpForce` show up in the Inspector but stay private.\n\n```csharp\npublic class PlayerController : MonoBehaviour\n{\n    private float speed = 6f;\n    private float jumpForce = 8f;\n    private Rigidbody rb;\n\n    void Awake() => rb = GetComponent<Rigidbody>();\n}\n```")

R("sonnet", "implement", "general", "verbose", None,
  "implementing a save system with clear spec; everyday work",
  "I'm making a small Unity RPG and need a save system. Requirements: 3 slots, save player position, health, inventory (list of item ids with counts) and completed quest ids; JSON file per slot in Application.persistentDataPath; write to a temp file first and then replace so a crash mid-save doesn't corrupt the slot; a version number in the file so I can migrate later. Please write SaveSystem.cs and the data classes.")

R("opus", "design", "general", "plain", "easy-words-hard",
  "TB6: plain words but deterministic lockstep/rollback netcode is a hard distributed design problem",
  "We want online multiplayer for our 2-player fighting game in Unity, and it must feel good even with 150 ms ping. How should we build the networking?")

R("sonnet", "explain", "general", "plain", None,
  "TB7: subtle closure-capture-in-loop reason; sonnet",
  "All my buttons print 5 when clicked, why??\n\n```csharp\nfor (int i = 0; i < buttons.Length; i++)\n{\n    buttons[i].onClick.AddListener(() => SelectSlot(i));\n}\n```\n(Unity 2019, old Mono)")

R("opus", "debug", "general", "verbose", None,
  "performance cliff needing profiler analysis across GC, physics and rendering without a clear lead",
  "Our Unity game runs at 60fps most of the time but on the Switch every 20-40 seconds there's a 150-300 ms hitch. Profiler captures show it's not always the same: sometimes GC.Collect, sometimes Physics.Simulate spikes, sometimes it's in the render thread waiting on Gfx.WaitForPresent. We use Addressables for streaming the world in chunks and a lot of pooled enemies. I'm lost about what is the actual root cause and how to prove it, can you help me think about it systematically?")

R("haiku", "question", "general", "plain", "hard-words-easy",
  "Unreal jargon but the ask is which macro specifier exposes a property: a short known answer",
  "In our UE5 project with Lyra-style GameFeature plugins, modular gameplay, GAS attributes replicated through the AbilitySystemComponent and Iris replication enabled, I just need to know: which UPROPERTY specifier makes a C++ float editable in Blueprints' details panel?")

R("sonnet", "debug", "general", "plain", None,
  "Unreal crash with callstack pointing at a dangling pointer to destroyed actor; identifiable cause",
  "UE 5.3 crash when the boss dies. Callstack:\n\n```\nUnhandled Exception: EXCEPTION_ACCESS_VIOLATION reading address 0x00000000000001a8\n\nUnrealEditor_Vanguard!ABossCharacter::TickPhase() [D:\\Vanguard\\Source\\Vanguard\\Boss\\BossCharacter.cpp:212]\nUnrealEditor_Vanguard!ABossCharacter::Tick() [D:\\Vanguard\\Source\\Vanguard\\Boss\\BossCharacter.cpp:97]\nUnrealEditor_Engine!AActor::TickActor() [D:\\build\\++UE5\\Sync\\Engine\\Source\\Runtime\\Engine\\Private\\Actor.cpp:1418]\nUnrealEditor_Engine!FActorTickFunction::ExecuteTick() [D:\\build\\++UE5\\Sync\\Engine\\Source\\Runtime\\Engine\\Private\\Actor.cpp:258]\nUnrealEditor_Engine!FTickFunctionTask::DoTask() [D:\\build\\++UE5\\Sync\\Engine\\Source\\Runtime\\Engine\\Private\\TickTaskManager.cpp:288]\n```\n\nLine 212 is `if (CurrentTarget->GetHealth() < 0.3f * CurrentTarget->GetMaxHealth())`. CurrentTarget is `APlayerPawn* CurrentTarget;` in the header, set in BeginPlay. Players can disconnect mid-fight.")

R("opus", "design", "general", "terse", "short-hard",
  "short, but authoritative server movement with client prediction and reconciliation is hard design",
  "client prediction + server reconciliation for godot 4 multiplayer movement, how to structure it")

R("haiku", "explain", "general", "plain", None,
  "short GDScript snippet explanation",
  "What does `@onready var sprite = $Sprite2D` do in Godot 4 and why the @onready?")

R("sonnet", "refactor", "general", "plain", None,
  "refactoring a script into a state machine; everyday",
  "This enemy script is a mess of bools. Refactor it into a simple enum state machine (Idle, Patrol, Chase, Attack, Dead) with one function per state, same behaviour.\n\n```gdscript\nextends CharacterBody2D\n\nvar is_chasing = false\nvar is_attacking = false\nvar is_dead = false\nvar patrol_points = []\nvar patrol_i = 0\nvar target = null\n@export var speed = 80.0\n@export var attack_range = 24.0\n\nfunc _physics_process(delta):\n    if is_dead:\n        return\n    if target and global_position.distance_to(target.global_position) < attack_range:\n        is_attacking = true\n        is_chasing = false\n    elif target:\n        is_chasing = true\n        is_attacking = false\n    if is_attacking:\n        velocity = Vector2.ZERO\n        $AnimationPlayer.play(\"attack\")\n    elif is_chasing:\n        velocity = (target.global_position - global_position).normalized() * speed\n        $AnimationPlayer.play(\"run\")\n    elif patrol_points.size() > 0:\n        var p = patrol_points[patrol_i]\n        velocity = (p - global_position).normalized() * speed * 0.5\n        if global_position.distance_to(p) < 4:\n            patrol_i = (patrol_i + 1) % patrol_points.size()\n        $AnimationPlayer.play(\"walk\")\n    else:\n        velocity = Vector2.ZERO\n        $AnimationPlayer.play(\"idle\")\n    move_and_slide()\n\nfunc _on_detection_body_entered(body):\n    if body.is_in_group(\"player\"):\n        target = body\n\nfunc _on_detection_body_exited(body):\n    if body == target:\n        target = null\n        is_chasing = false\n\nfunc die():\n    is_dead = true\n    $AnimationPlayer.play(\"death\")\n```")

R("sonnet", "refactor", "general", "follow-up", None,
  "TB8: 'do the same for' another script is a refactor of similar size",
  "nice, now do the same state machine thing for the boss script, it has the extra Phase2 and Enraged states")

R("haiku", "question", "general", "typos", None,
  "simple factual question",
  "godot 4 how to chnage scene, the function name chaged from godot 3 right?")

R("opus", "debug", "general", "plain", "easy-words-hard",
  "TB6: desync that only appears sometimes in a lockstep game, no lead: floating point determinism across platforms",
  "Our RTS replays sometimes don't match what happened in the game. Same input file, different result, but only on some PCs. What could cause that?")

R("sonnet", "implement", "general", "plain", None,
  "implementing an object pool with clear spec",
  "Write a generic object pool for Unity using UnityEngine.Pool.ObjectPool<T> for projectiles: prewarm 50, max 200, reset Rigidbody velocity and TrailRenderer on release, auto-release after 3 s lifetime or on collision. Show the Projectile and ProjectileSpawner scripts.")

R("haiku", "docs", "general", "plain", None,
  "short text task",
  "Write a one-paragraph patch note for players: we fixed the bug where the ferry escort quest could not be completed if you saved during the cutscene.")

R("opus", "explain", "general", "verbose", None,
  "TB7: memory-ordering semantics of a lock-free job queue used by a game engine are opus",
  "Our engine programmer left and I inherited his job system. There's a work-stealing deque based on Chase-Lev with std::atomic and a bunch of memory_order_relaxed / acquire / seq_cst fences. It works on x86 but we're porting to ARM (Switch and mobile) and I'm worried. Can you explain why each ordering is what it is and whether it's correct on a weakly-ordered CPU?\n\n```cpp\ntemplate <typename T>\nclass WorkStealingDeque {\n    std::atomic<int64_t> top{0}, bottom{0};\n    std::atomic<Array<T>*> array;\npublic:\n    void push(T item) {\n        int64_t b = bottom.load(std::memory_order_relaxed);\n        int64_t t = top.load(std::memory_order_acquire);\n        Array<T>* a = array.load(std::memory_order_relaxed);\n        if (b - t > a->capacity() - 1) { a = a->grow(b, t); array.store(a, std::memory_order_relaxed); }\n        a->put(b, item);\n        std::atomic_thread_fence(std::memory_order_release);\n        bottom.store(b + 1, std::memory_order_relaxed);\n    }\n    std::optional<T> pop() {\n        int64_t b = bottom.load(std::memory_order_relaxed) - 1;\n        Array<T>* a = array.load(std::memory_order_relaxed);\n        bottom.store(b, std::memory_order_relaxed);\n        std::atomic_thread_fence(std::memory_order_seq_cst);\n        int64_t t = top.load(std::memory_order_relaxed);\n        if (t <= b) {\n            T item = a->get(b);\n            if (t == b) {\n                if (!top.compare_exchange_strong(t, t + 1, std::memory_order_seq_cst, std::memory_order_relaxed)) {\n                    bottom.store(b + 1, std::memory_order_relaxed);\n                    return std::nullopt;\n                }\n                bottom.store(b + 1, std::memory_order_relaxed);\n            }\n            return item;\n        }\n        bottom.store(b + 1, std::memory_order_relaxed);\n        return std::nullopt;\n    }\n    std::optional<T> steal() {\n        int64_t t = top.load(std::memory_order_acquire);\n        std::atomic_thread_fence(std::memory_order_seq_cst);\n        int64_t b = bottom.load(std::memory_order_acquire);\n        if (t < b) {\n            Array<T>* a = array.load(std::memory_order_consume);\n            T item = a->get(t);\n            if (!top.compare_exchange_strong(t, t + 1, std::memory_order_seq_cst, std::memory_order_relaxed))\n                return std::nullopt;\n            return item;\n        }\n        return std::nullopt;\n    }\n};\n```")

R("sonnet", "ops", "tooling", "plain", None,
  "CI configuration for a Unity build; known steps",
  "Set up a GitLab CI pipeline that builds our Unity 2022.3 project for Windows and Android using the game-ci Docker images, caches the Library folder per branch, and uploads the builds as artifacts. License comes from a masked CI variable UNITY_LICENSE.")

R("haiku", "question", "general", "other-language", None,
  "TB9: short Unity question in Italian",
  "Come faccio a rendere un oggetto persistente tra le scene in Unity? Mi basta il nome del metodo.",
  language="it")

R("sonnet", "debug", "general", "other-language", None,
  "TB9: Godot physics bug with identifiable cause, in Swedish",
  "Min spelare i Godot 4 fastnar ibland i kanterna på tiles när den springer längs golvet (CharacterBody2D, TileMap med rektangulära kollisioner). Jag använder move_and_slide och gravitation 980. Vad beror det på och hur fixar jag det?",
  language="sv")

R("opus", "design", "general", "plain", None,
  "open design of a streaming/world-partition system with memory budgets and trade-offs",
  "We're building an open-world game in Unity for PS5 and Switch. The Switch has about 3 GB usable. Propose how to split the world into streamable chunks, what to keep resident, how to prioritise loads around the player at high speed (there's a motorbike), and how to avoid hitches when loading. I need the trade-offs explained for the tech director.")

R("haiku", "edit", "general", "follow-up", None,
  "TB8: trivial follow-up edit",
  "rename SaveSystem to SaveManager in what you gave me, nothing else")

# ---------------------------------------------------------------------------
# Embedded and robotics: STM32, ROS
# ---------------------------------------------------------------------------
_e = random.Random(2207)
STM_HDR = stm32_header(_e, 22)
ROSOUT_LONG = rosout(_e, 420)
ROSOUT_SHORT = rosout(_e, 45)

R("haiku", "question", "systems", "plain", None,
  "lookup in a medium pasted header",
  "Which GPIO port and pin is MOTOR_EN on? There might be several MOTOR_EN_x, list them.\n\n```c\n" + STM_HDR + "\n```")

R("sonnet", "implement", "systems", "plain", None,
  "writing a UART DMA receive with idle-line detection; known HAL steps",
  "STM32F411, HAL. I want to receive variable-length packets on USART2 with DMA and idle line detection (HAL_UARTEx_ReceiveToIdle_DMA), circular buffer of 256 bytes, and hand complete chunks to a callback in the main loop (not in the ISR). Write the init, the callback and the ring buffer handling.")

R("opus", "debug", "systems", "verbose", "easy-words-hard",
  "TB6: intermittent hard fault with no lead; could be stack overflow, ISR race, DMA cache coherency",
  "Our board (STM32H743, FreeRTOS) randomly resets maybe once a day in the field. Sometimes the reset reason is the watchdog, sometimes a HardFault. We can't make it happen on the bench. It started after we added the new sensor driver that uses SPI with DMA. Where do we even begin?")

R("haiku", "explain", "systems", "plain", None,
  "TB7: what a short snippet does in a sentence",
  "What does this line do? `GPIOA->BSRR = (1U << (5 + 16));`")

R("sonnet", "explain", "systems", "plain", None,
  "TB7: why volatile matters with an ISR-modified flag and optimisation; subtle reason",
  "Works with -O0, hangs forever with -O2. Why?\n\n```c\nuint8_t rx_done = 0;\n\nvoid HAL_UART_RxCpltCallback(UART_HandleTypeDef *huart) {\n    rx_done = 1;\n}\n\nint main(void) {\n    HAL_Init();\n    MX_USART2_UART_Init();\n    HAL_UART_Receive_IT(&huart2, buf, 16);\n    while (!rx_done) { }\n    process(buf);\n}\n```")

R("opus", "review", "systems", "plain", None,
  "TB10: review of ISR/task shared-state concurrency in an RTOS",
  "Please review this ring buffer shared between an ISR (producer) and a FreeRTOS task (consumer) on a Cortex-M7 with D-cache enabled. The DMA writes into rx_dma and the ISR copies. I need to know if it's safe, not just style.\n\n```c\n#define RB_SIZE 512\ntypedef struct {\n    uint8_t data[RB_SIZE];\n    uint16_t head;\n    uint16_t tail;\n} ringbuf_t;\n\nstatic ringbuf_t rb;\n__attribute__((section(\".dma_buffer\"))) static uint8_t rx_dma[64];\n\nvoid DMA1_Stream5_IRQHandler(void) {\n    if (DMA1->HISR & DMA_HISR_TCIF5) {\n        DMA1->HIFCR = DMA_HIFCR_CTCIF5;\n        for (int i = 0; i < 64; i++) {\n            uint16_t next = (rb.head + 1) % RB_SIZE;\n            if (next == rb.tail) break;\n            rb.data[rb.head] = rx_dma[i];\n            rb.head = next;\n        }\n        BaseType_t woken = pdFALSE;\n        vTaskNotifyGiveFromISR(parserTask, &woken);\n        portYIELD_FROM_ISR(woken);\n    }\n}\n\nint rb_pop(uint8_t *out) {\n    if (rb.tail == rb.head) return 0;\n    *out = rb.data[rb.tail];\n    rb.tail = (rb.tail + 1) % RB_SIZE;\n    return 1;\n}\n\nvoid parser_task(void *arg) {\n    uint8_t b;\n    for (;;) {\n        ulTaskNotifyTake(pdTRUE, portMAX_DELAY);\n        while (rb_pop(&b)) parse_byte(b);\n    }\n}\n```")

R("haiku", "question", "systems", "terse", None,
  "short factual",
  "stm32 hal delay in microseconds? HAL_Delay is ms only")

R("haiku", "question", "systems", "plain", "hard-words-easy",
  "scary embedded vocabulary, but the ask is a bit-mask one-liner",
  "On our Cortex-M4 with the NVIC priority grouping set to 4 bits preemption, running FreeRTOS with configMAX_SYSCALL_INTERRUPT_PRIORITY at 5 and a CAN-FD peripheral in bus-integration state, how do I just check whether bit 7 of a uint32_t status register value is set in C?")

R("sonnet", "debug", "systems", "non-native", None,
  "I2C HAL error with identifiable cause (7-bit address not shifted)",
  "Hello, I try to read the BME280 with HAL_I2C_Mem_Read on STM32F103 but always it returns HAL_ERROR and the error code is HAL_I2C_ERROR_AF. I use address 0x76 like in the datasheet. Pull-ups are there (4.7k), I checked with scope there is clock. What I am doing wrong?\n\n```c\nuint8_t id;\nHAL_StatusTypeDef st = HAL_I2C_Mem_Read(&hi2c1, 0x76, 0xD0, I2C_MEMADD_SIZE_8BIT, &id, 1, 100);\n```")

R("opus", "design", "systems", "plain", None,
  "open design of a fail-safe firmware update (A/B, rollback, signing) — security and reliability stakes",
  "Design an over-the-air firmware update scheme for our STM32L4 devices that talk over LTE-M. 512 KB flash, 128 KB RAM, external 8 MB SPI flash. Requirements: power can be lost at any moment during the update, images must be signed so nobody can push their own firmware, and a bad image must roll back automatically. Explain the flash layout, the bootloader logic and the key handling.")

R("sonnet", "implement", "systems", "plain", None,
  "implementing a PID controller with clear spec and anti-windup",
  "Write a PID controller in C for motor speed control running at 1 kHz from a timer ISR: fixed-point Q16.16 (no FPU on this M0+), output clamped to 0..PWM_MAX, integrator anti-windup by clamping, derivative on measurement not on error. Include a small struct API (init, reset, update).")

R("haiku", "question", "systems", "other-language", None,
  "TB9: short factual question in Czech",
  "Jaký je rozdíl mezi HAL a LL knihovnou u STM32? Stačí pár vět.",
  language="cs")

R("opus", "debug", "systems", "plain", None,
  "intermittent localization jumps across sensor timing, TF, EKF; needs a cross-component theory from a long log",
  "Robot sometimes teleports in RViz: amcl pose jumps by 1-3 m and then the planner fails. It happens maybe every 20 min of driving, not at a fixed place. Here's /rosout from a run where it happened twice. I need a theory, not a checklist: what is most likely going on between the IMU timestamps, the EKF and amcl, and how do I prove it?\n\n```\n" + ROSOUT_LONG + "\n```")

R("haiku", "question", "systems", "plain", "long-trivial",
  "TB5: counting ERROR lines in a long log",
  "How many [ERROR] lines are there in this rosout dump, and from which nodes? Just a small table.\n\n```\n" + ROSOUT_LONG + "\n```")

R("sonnet", "debug", "systems", "plain", None,
  "TF extrapolation errors with an identifiable cause in a short log",
  "Getting lots of 'extrapolation into the future' from ekf_localization. Log below. IMU is on a separate Raspberry Pi. What's the fix?\n\n```\n" + ROSOUT_SHORT + "\n```")

R("haiku", "question", "systems", "terse", None,
  "short factual ROS question",
  "ros2 command to list topics with their types")

R("sonnet", "implement", "systems", "plain", None,
  "writing a ROS 2 node with clear spec",
  "Write a ROS 2 Humble node in Python that subscribes to /scan (LaserScan), finds the closest obstacle in a ±30° cone in front, and publishes a Bool on /obstacle_close when it's under 0.5 m (with 0.1 m hysteresis so it doesn't flicker). Parameters for the cone angle and thresholds. Include the setup.py entry point.")

R("sonnet", "ops", "systems", "plain", None,
  "launch file conversion ROS1->ROS2 with known steps",
  "Convert this ROS1 launch file to a ROS 2 Python launch file.\n\n```xml\n<launch>\n  <arg name=\"robot_name\" default=\"rover1\"/>\n  <arg name=\"use_sim\" default=\"false\"/>\n  <param name=\"robot_description\" command=\"$(find xacro)/xacro $(find rover_description)/urdf/rover.urdf.xacro\"/>\n  <node pkg=\"robot_state_publisher\" type=\"robot_state_publisher\" name=\"rsp\"/>\n  <group ns=\"$(arg robot_name)\">\n    <node pkg=\"rover_drivers\" type=\"wheel_odom_node\" name=\"wheel_odom\" output=\"screen\">\n      <param name=\"wheel_radius\" value=\"0.085\"/>\n      <param name=\"track_width\" value=\"0.42\"/>\n      <remap from=\"odom\" to=\"wheel/odom\"/>\n    </node>\n    <node pkg=\"robot_localization\" type=\"ekf_localization_node\" name=\"ekf\" unless=\"$(arg use_sim)\">\n      <rosparam command=\"load\" file=\"$(find rover_bringup)/config/ekf.yaml\"/>\n    </node>\n  </group>\n  <include file=\"$(find rover_bringup)/launch/lidar.launch\">\n    <arg name=\"frame_id\" value=\"laser\"/>\n  </include>\n</launch>\n```")

R("opus", "design", "systems", "terse", "short-hard",
  "short ask for a safety-critical multi-robot coordination design",
  "deadlock-free traffic management for 30 AMRs in a narrow-aisle warehouse. approach?")

R("opus", "explain", "systems", "plain", None,
  "TB7: semantics of memory barriers with DMA and caches on Cortex-M7 are opus",
  "On Cortex-M7 with D-cache, when exactly do I need SCB_CleanDCache_by_Addr vs SCB_InvalidateDCache_by_Addr vs __DMB/__DSB around a DMA transfer, and why does the buffer need to be 32-byte aligned? I want the actual reasoning about what the cache and the bus do, not just a recipe.")

R("haiku", "edit", "systems", "plain", None,
  "mechanical: rename defines",
  "Rename the LED_ prefix to STATUS_LED_ in these lines.\n\n```c\n#define LED_Pin GPIO_PIN_5\n#define LED_GPIO_Port GPIOA\n#define LED_BLINK_MS 250\n```")

R("sonnet", "test", "systems", "plain", None,
  "writing host-side unit tests for an embedded C module",
  "Write Unity (ThrowTheSwitch) unit tests for the PID module you just wrote, running on the host: check clamping, anti-windup (integrator stops growing when saturated), reset, and a step response that settles within 5% in N steps for a simple first-order plant model.")

R("opus", "debug", "systems", "other-language", None,
  "TB9: intermittent CAN bus issue under load without lead, in Italian",
  "Abbiamo un robot con 4 motori su bus CAN (STM32G4, FDCAN a 1 Mbit). Ogni tanto, solo quando il robot accelera forte, un motore smette di rispondere per qualche centinaio di millisecondi e poi riprende. Nessun errore evidente nei contatori, il bus-off non scatta. Non riusciamo a riprodurlo sul banco. Come lo affronteresti?",
  language="it")
# ---------------------------------------------------------------------------
# ML engineering: PyTorch training, feature stores, model serving
# ---------------------------------------------------------------------------
_m = random.Random(2208)
TORCH_LONG = torch_log(_m, 40, 600)
TORCH_NAN = torch_log(_m, 3, 400, nan_at=1037, world=8)
FEATURES = feature_csv(_m, 60)

R("haiku", "question", "ml", "plain", "long-trivial",
  "TB5: finding the epoch with the lowest val_loss in a long log is a lookup",
  "Which epoch had the lowest val_loss in this run, and what checkpoint file is it? Just that.\n\n```\n" + TORCH_LONG + "\n```")

R("sonnet", "question", "ml", "plain", None,
  "reading curves from a long training log and recommending schedule changes; analysis of known patterns",
  "Same training log as before. Based on the val_loss vs train loss trend and the lr schedule (0.95 decay per epoch), is it overfitting, underfitting or just plateauing? Suggest concrete changes to the schedule or early stopping settings. Pasting only the epoch summary lines this time.\n\n```\n" + "\n".join(l for l in TORCH_LONG.split("\n") if l.startswith("==>")) + "\n```")

R("opus", "debug", "ml", "verbose", None,
  "intermittent NaN in 8-rank DDP with mixed precision; requires theory across AMP, grad sync, data and hardware",
  "8xA100 DDP run with bf16 autocast, loss goes NaN at a random step (this time step 1037, last time ~2400, once it ran for 3 days fine). Grad norm looks normal right before. It's only logged from some ranks. We use gradient accumulation of 4 with no_sync on the first 3 micro-steps, a custom fused attention kernel, and the dataloader streams from WebDataset shards. How would you figure out where the NaN comes from and which rank produces it first?\n\n```\n" + TORCH_NAN + "\n```")

R("haiku", "question", "ml", "terse", None,
  "short factual",
  "torch.no_grad vs torch.inference_mode difference")

R("haiku", "edit", "ml", "plain", None,
  "mechanical edit on a short snippet",
  "Add type hints to this function, nothing else.\n\n```python\ndef collate(batch, pad_id=0):\n    ids = [b[\"input_ids\"] for b in batch]\n    maxlen = max(len(x) for x in ids)\n    out = torch.full((len(ids), maxlen), pad_id, dtype=torch.long)\n    for i, x in enumerate(ids):\n        out[i, :len(x)] = torch.tensor(x)\n    return {\"input_ids\": out, \"attention_mask\": (out != pad_id).long()}\n```")

R("sonnet", "debug", "ml", "plain", None,
  "shape mismatch trace with identifiable cause",
  "What's wrong here?\n\n```\nTraceback (most recent call last):\n  File \"/srv/train/train.py\", line 212, in <module>\n    main()\n  File \"/srv/train/train.py\", line 188, in main\n    logits = model(batch[\"input_ids\"], attention_mask=batch[\"attention_mask\"])\n  File \"/opt/conda/lib/python3.11/site-packages/torch/nn/modules/module.py\", line 1532, in _wrapped_call_impl\n    return self._call_impl(*args, **kwargs)\n  File \"/srv/train/model.py\", line 74, in forward\n    x = self.pool(h, attention_mask)\n  File \"/srv/train/model.py\", line 31, in forward\n    summed = (h * mask).sum(dim=1)\nRuntimeError: The size of tensor a (768) must match the size of tensor b (128) at non-singleton dimension 2\n```\n\nmodel.py line 28-33:\n```python\nclass MeanPool(nn.Module):\n    def forward(self, h, mask):\n        mask = mask.float()\n        summed = (h * mask).sum(dim=1)\n        return summed / mask.sum(dim=1).clamp(min=1e-6)\n```")

R("opus", "design", "ml", "plain", "easy-words-hard",
  "TB6: plain words; training/serving skew and point-in-time correctness in a feature store is open design with subtle leakage",
  "Our fraud model is great offline but worse in production. We compute features one way for training and another way for serving. How should we set this up so it's the same?")

R("haiku", "question", "ml", "plain", None,
  "simple count on a medium CSV",
  "How many rows in this feature export have an empty avg_basket? Quick count is fine.\n\n```csv\n" + FEATURES + "\n```")

R("sonnet", "implement", "ml", "plain", None,
  "feature engineering code with a clear spec over a pasted schema",
  "Using this sample of our feature table, write a pandas function that builds the training frame: impute avg_basket with the per-country median, one-hot device_type, log1p on txn_amount_30d, and a stratified train/val split by label with a fixed seed. Return X_train, X_val, y_train, y_val.\n\n```csv\n" + "\n".join(FEATURES.split("\n")[:25]) + "\n```")

R("opus", "review", "ml", "plain", None,
  "review for temporal leakage in point-in-time joins; subtle correctness with high cost",
  "Please check whether this point-in-time join for our training set leaks future information. It's what we feed the fraud model.\n\n```python\ndef build_training_set(events: pd.DataFrame, features: pd.DataFrame) -> pd.DataFrame:\n    # events: entity_id, event_ts, label\n    # features: entity_id, feature_ts, txn_count_7d, chargeback_rate_90d, ...\n    features = features.sort_values(\"feature_ts\")\n    events = events.sort_values(\"event_ts\")\n    df = pd.merge_asof(\n        events, features,\n        left_on=\"event_ts\", right_on=\"feature_ts\",\n        by=\"entity_id\", direction=\"nearest\", tolerance=pd.Timedelta(\"1D\"),\n    )\n    # chargeback_rate_90d is computed by the nightly job at 02:00 UTC over the previous 90 days\n    # labels come from chargebacks reported up to 60 days after the event\n    df[\"chargeback_rate_90d\"] = df.groupby(\"entity_id\")[\"chargeback_rate_90d\"].transform(lambda s: s.fillna(s.mean()))\n    return df.dropna(subset=[\"txn_count_7d\"])\n```")

R("sonnet", "implement", "ml", "verbose", None,
  "implementing a serving endpoint with batching and clear spec",
  "I need to serve our PyTorch text classifier (DistilBERT fine-tune, ~260 MB) behind a FastAPI endpoint. POST /predict with {texts: [str]} up to 32 texts, returns labels and probabilities. Load the model once at startup, run on GPU if available, use torch.inference_mode, tokenize with truncation at 256, and add a /healthz. Also a Dockerfile based on pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime. Nothing fancy, it gets maybe 20 req/s.")

R("opus", "design", "ml", "terse", "short-hard",
  "short ask; dynamic batching with latency SLOs on GPU serving is design with trade-offs",
  "dynamic batching for gpu inference, p99 < 50ms, variable seq lengths. design it")

R("haiku", "question", "ml", "plain", "hard-words-easy",
  "ML jargon-heavy; the ask is which PyTorch function sets the seed: one line",
  "For our FSDP-sharded mixture-of-experts run with ZeRO-3-style parameter offload, activation checkpointing and a cosine schedule with linear warmup over 2k steps, what's the call to set the random seed for torch itself?")

R("sonnet", "explain", "ml", "non-native", None,
  "TB7: why model.eval() matters for dropout/batchnorm is a subtle-ish reason; sonnet",
  "My validation accuracy is different each time I run it on the same data, and also lower than I expected. I don't call model.eval(), is this the problem? Please explain what exactly changes inside the model, I want understand it.")

R("opus", "debug", "ml", "terse", "easy-words-hard",
  "TB6: serving latency cliff under load with no lead; needs analysis across GPU, batching, tokenizer threads",
  "model server fine at 50 rps, at 70 rps suddenly 10x slower. not gradual. why")

R("sonnet", "refactor", "ml", "plain", None,
  "refactoring a training loop to use AMP and grad accumulation; known steps",
  "Refactor this loop to use torch.autocast with bf16, gradient accumulation over `accum_steps`, and gradient clipping at 1.0 (unscale not needed for bf16, right?). Keep the logging.\n\n```python\nfor epoch in range(cfg.epochs):\n    model.train()\n    for step, batch in enumerate(train_dl):\n        batch = {k: v.to(device) for k, v in batch.items()}\n        out = model(**batch)\n        loss = out.loss\n        loss.backward()\n        optimizer.step()\n        scheduler.step()\n        optimizer.zero_grad()\n        if step % 50 == 0:\n            log.info(\"epoch %d step %d loss %.4f lr %.2e\", epoch, step, loss.item(), scheduler.get_last_lr()[0])\n    evaluate(model, val_dl)\n```")

R("haiku", "question", "ml", "typos", None,
  "short factual",
  "whats the diffrence between model.train() and model.eval(), short anwser pls")

R("opus", "plan", "ml", "verbose", None,
  "multi-team platform plan for a feature store migration with consistency and backfill risks",
  "We have ~300 features spread across Airflow jobs writing to Postgres and a Redis cache the online service reads. Three models depend on them, two more are coming. I want to move to a proper feature store (Feast or Tecton, not decided), with point-in-time correct training data and online/offline consistency. Write me a migration plan: how to decide between the two, what to migrate first, how to backfill history without breaking the models in production, how to validate the online values match the offline ones, and how to decommission the old jobs.")

R("sonnet", "test", "ml", "plain", None,
  "tests for a data transform",
  "Write pytest tests for the collate function above: padding to the max length, attention mask zeros at padding, empty batch raises, and a batch with one element.")

R("haiku", "ops", "ml", "terse", None,
  "one-line shell command",
  "nvidia-smi command to show only memory used per gpu, csv")

R("sonnet", "implement", "ml", "other-language", None,
  "TB9: implementing a custom Dataset with clear spec, in Swedish",
  "Kan du skriva en PyTorch Dataset-klass som läser bilder och etiketter från en CSV-fil (kolumnerna path och label), med valfria transforms, och som hoppar över rader där bilden saknas men loggar en varning? Lägg även till en DataLoader med num_workers=4 och pin_memory.",
  language="sv")

R("opus", "explain", "ml", "plain", None,
  "formal reasoning: deriving why Adam's bias correction matters and interaction with warmup; math reasoning",
  "Can you derive why Adam needs the bias-correction terms, and then reason about whether linear LR warmup is still needed when bias correction is on? I've seen people claim warmup compensates for the variance of the second-moment estimate early on. I'd like a real argument, with the math, not a blog summary.")

# ---------------------------------------------------------------------------
# Security engineering: pentest findings, IAM, crypto
# ---------------------------------------------------------------------------
_x = random.Random(2209)
IAM_LONG = iam_policy(_x, 110)
IAM_SHORT = iam_policy(_x, 6, risky=False)
PENTEST_LONG = pentest_report(_x, 120)

R("opus", "review", "security", "plain", None,
  "TB10: security review of a large IAM policy for privilege escalation paths",
  "This policy is attached to the role our CI runners assume. Please review it for privilege escalation paths and over-broad permissions, and tell me which statements to remove or scope down first.\n\n```json\n" + IAM_LONG + "\n```")

R("haiku", "question", "security", "plain", "long-trivial",
  "TB5: listing Sids that mention one action in a long policy is a lookup",
  "Which statement Sids in this policy grant kms:Decrypt? Only the Sids.\n\n```json\n" + IAM_LONG + "\n```")

R("haiku", "edit", "security", "plain", "long-trivial",
  "TB5: extracting CVE ids from a long report is mechanical",
  "Pull every CVE id out of this pentest export into a sorted, de-duplicated list, one per line. Nothing else.\n\n```\n" + PENTEST_LONG + "\n```")

R("haiku", "explain", "security", "plain", None,
  "short policy explanation",
  "What does this IAM policy allow, in plain words?\n\n```json\n" + IAM_SHORT + "\n```")

R("sonnet", "edit", "security", "plain", None,
  "converting a JSON policy to Terraform with data source, several careful steps",
  "Rewrite this policy as a Terraform aws_iam_policy_document data source and an aws_iam_policy resource, use variables for the account id and region instead of hard-coding them.\n\n```json\n" + IAM_SHORT + "\n```")

R("opus", "design", "security", "plain", "easy-words-hard",
  "TB6: plain words, but it's a cryptographic key management and rotation design",
  "We store customer bank account numbers in our database. How should we encrypt them and handle the keys?")

R("opus", "question", "security", "terse", "short-hard",
  "short crypto question with subtle security implications (nonce reuse in GCM)",
  "aes-gcm with random 96-bit nonces, 2^32 messages per key ok?")

R("haiku", "question", "security", "terse", None,
  "short factual",
  "what is the difference between hashing and encryption")

R("haiku", "question", "security", "plain", "hard-words-easy",
  "pentest jargon, but the ask is what a single header does: short known answer",
  "Our external pentest (grey-box, OWASP ASVS L2 scope, authenticated crawl with Burp Suite Pro plus manual SSRF and deserialization testing) flagged 'Missing Strict-Transport-Security header' as Low. What does that header actually do?")

R("sonnet", "implement", "security", "plain", None,
  "fixing a known finding (SQL injection) with parameterised queries in a short snippet",
  "Pentest finding 'SQL injection in report filter' points at this method. Fix it properly, the sort column also comes from the user.\n\n```java\npublic List<ReportRow> find(String region, String sortBy, String dir) {\n    String sql = \"select * from report_view where region = '\" + region + \"' order by \" + sortBy + \" \" + dir;\n    return jdbc.query(sql, rowMapper);\n}\n```")

R("opus", "review", "security", "verbose", None,
  "TB10: crypto review of a homegrown password/token scheme",
  "We have an old .NET service that generates password reset tokens and stores passwords. A new colleague says it's insecure but can't explain why exactly. Can you do a proper review and explain each problem and how an attacker would exploit it?\n\n```csharp\npublic static string HashPassword(string pwd, string username)\n{\n    using var sha = SHA256.Create();\n    var salted = username.ToLowerInvariant() + \":\" + pwd;\n    var h = sha.ComputeHash(Encoding.UTF8.GetBytes(salted));\n    for (int i = 0; i < 1000; i++) h = sha.ComputeHash(h);\n    return Convert.ToBase64String(h);\n}\n\npublic static string NewResetToken(int userId)\n{\n    var rnd = new Random(Environment.TickCount);\n    var bytes = new byte[16];\n    rnd.NextBytes(bytes);\n    return userId + \"-\" + BitConverter.ToString(bytes).Replace(\"-\", \"\");\n}\n\npublic static bool CheckToken(string stored, string provided) => stored == provided;\n\npublic static byte[] EncryptSsn(string ssn, byte[] key)\n{\n    using var aes = Aes.Create();\n    aes.Key = key;\n    aes.Mode = CipherMode.ECB;\n    aes.Padding = PaddingMode.PKCS7;\n    return aes.CreateEncryptor().TransformFinalBlock(Encoding.ASCII.GetBytes(ssn), 0, ssn.Length);\n}\n```")

R("sonnet", "docs", "security", "plain", None,
  "summarising a long pentest report into an executive summary grouped by severity; needs judgment over many items",
  "Write a one-page executive summary of this pentest report for the CIO: counts by severity, the top five things to fix first with one-sentence reasons, and which systems are most affected.\n\n```\n" + "\n".join(PENTEST_LONG.split("\n")[:180]) + "\n```")

R("opus", "design", "security", "verbose", None,
  "threat model of a system: security design with high stakes",
  "Could you help me threat-model our new mobile banking feature? Users can add a payee and send up to 5,000 EUR with a push-notification approval on a second device. Components: iOS/Android app, a BFF in Spring Boot, an auth server (Keycloak), the core banking API (mainframe, via MQ) and Firebase for push. I want a STRIDE-style list of threats per component and data flow, the ones you think are most likely to be exploited, and mitigations.")

R("haiku", "question", "security", "other-language", None,
  "TB9: short factual security question in Czech",
  "Co přesně znamená CVSS skóre 7.5 a do jaké kategorie závažnosti spadá?",
  language="cs")

R("sonnet", "ops", "security", "plain", None,
  "configuring TLS settings with a known target; everyday ops",
  "Our nginx in front of the Spring app still allows TLS 1.0/1.1 and weak ciphers per the pentest. Give me the ssl_ config block for TLS 1.2+1.3 only with a modern cipher list, OCSP stapling and HSTS with a 1-year max-age, and tell me how to verify with testssl.sh.")

R("opus", "review", "security", "plain", None,
  "TB10: reviewing an OAuth flow implementation for security issues",
  "Review our mobile OAuth login flow for security problems:\n1. App opens the system browser to /authorize with client_id, redirect_uri=acmebank://callback and state (random, stored in memory).\n2. No PKCE, because 'the client secret is obfuscated in the app with ProGuard'.\n3. Callback handler reads code from the URL, POSTs it with client_secret to /token.\n4. Access token (JWT, 24h) and refresh token (never expires) stored in SharedPreferences / UserDefaults.\n5. On logout we delete them locally.\nOther apps on the phone can register acmebank:// too, I think.")

R("haiku", "explain", "security", "plain", None,
  "common error message explanation",
  "What does 'PKIX path building failed: unable to find valid certification path to requested target' mean in Java?")

R("sonnet", "debug", "security", "plain", None,
  "TLS error with identifiable cause (missing intermediate) and a known fix",
  "Our Java service calling partner-api.example-bank.eu fails with PKIX path building failed, but curl from the same container works. openssl s_client shows the server only sends its leaf cert, no intermediate. How do I fix this on our side without disabling validation, and what should I tell the partner?")

R("opus", "design", "security", "plain", None,
  "IAM design across many accounts with least privilege; architecture with security trade-offs",
  "We have 40 AWS accounts in an Organization and every team currently has AdministratorAccess in their own accounts via SSO. The auditors want least privilege. Propose a permission model: permission sets, SCPs, how to handle break-glass, how teams request new permissions without a ticket queue becoming the bottleneck, and how to roll this out without stopping delivery.")

R("haiku", "question", "security", "plain", None,
  "short factual",
  "Is bcrypt cost 12 still OK in 2024 or should I go higher?")

R("opus", "review", "security", "terse", "short-hard",
  "short but subtle: comparing HMACs with == is a timing side channel; judging exploitability is security review",
  "webhook sig check: `if hmac.new(k, body, sha256).hexdigest() == header_sig:` ... fine?")

R("sonnet", "implement", "security", "plain", None,
  "implementing webhook verification correctly with known steps",
  "Write a Spring Boot filter that verifies Stripe-style webhook signatures: header `X-Signature: t=<unix>,v1=<hex hmac-sha256 of \"t.body\">`, reject if timestamp older than 5 minutes, constant-time comparison, and make sure the raw body is still readable by the controller afterwards.")

R("haiku", "edit", "security", "follow-up", None,
  "TB8: trivial follow-up edit",
  "change the tolerance from 5 minutes to 3 and make it a config property, that's all")

R("opus", "plan", "security", "plain", "easy-words-hard",
  "TB6: plain words; incident response after a key leak across systems is a high-stakes plan",
  "Someone pushed our production AWS keys to a public GitHub repo about six hours ago. What do we do now, in order?")
# ---------------------------------------------------------------------------
# Mobile: Swift, Kotlin/Android, Flutter
# ---------------------------------------------------------------------------
_k = random.Random(2210)

def ios_crash(rng):
    frames = [("libswiftCore.dylib", "_assertionFailure(_:_:file:line:flags:)"),
              ("AcmeBank", "closure #1 in TransferViewModel.loadPayees() (TransferViewModel.swift:88)"),
              ("AcmeBank", "PayeeListView.body.getter (PayeeListView.swift:41)"),
              ("SwiftUI", "ViewGraph.updateOutputs(at:)"),
              ("SwiftUI", "closure #1 in ViewRendererHost.render(interval:updateDisplayList:)"),
              ("SwiftUI", "ViewRendererHost.render(interval:updateDisplayList:)"),
              ("UIKitCore", "-[UIView(CALayerDelegate) layoutSublayersOfLayer:]"),
              ("QuartzCore", "CA::Layer::layout_if_needed(CA::Transaction*)"),
              ("QuartzCore", "CA::Transaction::commit()"),
              ("UIKitCore", "_UIApplicationFlushCATransaction"),
              ("CoreFoundation", "__CFRUNLOOP_IS_CALLING_OUT_TO_AN_OBSERVER_CALLBACK_FUNCTION__"),
              ("CoreFoundation", "__CFRunLoopRun"),
              ("GraphicsServices", "GSEventRunModal"),
              ("UIKitCore", "-[UIApplication _run]"),
              ("AcmeBank", "main (AcmeBankApp.swift:12)")]
    out = ["Incident Identifier: %08X-%04X-%04X-%04X-%012X" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(16), rng.getrandbits(16), rng.getrandbits(48)),
           "Hardware Model:      iPhone15,3", "Process:             AcmeBank [%d]" % rng.randint(300, 9000),
           "Version:             4.18.0 (4180112)", "OS Version:          iPhone OS 17.4.1 (21E236)",
           "Date/Time:           2024-04-11 18:22:%02d.%03d +0200" % (rng.randint(0, 59), rng.randint(0, 999)),
           "", "Exception Type:  EXC_BREAKPOINT (SIGTRAP)", "Exception Codes: 0x0000000000000001, 0x00000001a2f1c3b8",
           "Termination Reason: SIGNAL 5 Trace/BPT trap: 5", "", "Triggered by Thread:  0", "",
           "Thread 0 name:   Dispatch queue: com.apple.main-thread", "Thread 0 Crashed:"]
    for i, (lib, sym) in enumerate(frames):
        out.append(f"{i:<3} {lib:<24} 0x{rng.getrandbits(36):09x} {sym} + {rng.randint(12, 900)}")
    return "\n".join(out)

def logcat(rng, n, fatal=True):
    out = []
    t = 0
    for i in range(n):
        t += rng.randint(5, 400)
        ts = f"04-11 18:{(t // 60000) % 60:02d}:{(t // 1000) % 60:02d}.{t % 1000:03d}"
        pid = 21877
        tag, lvl, msg = rng.choice([
            ("OkHttp", "D", f"--> GET https://api.acmebank.eu/v3/accounts/{rng.randint(10000, 99999)}/transactions?page={rng.randint(0, 9)}"),
            ("OkHttp", "D", f"<-- 200 https://api.acmebank.eu/v3/accounts ({rng.randint(40, 900)}ms)"),
            ("TxnRepository", "I", f"cache hit ratio {rng.random():.2f}"),
            ("Choreographer", "I", f"Skipped {rng.randint(31, 120)} frames!  The application may be doing too much work on its main thread."),
            ("WorkManager", "D", "Worker result SUCCESS for Work [ id=%08x, tags={ com.acme.sync.SyncWorker } ]" % rng.getrandbits(32)),
            ("FirebaseMessaging", "D", "Received token refresh"),
        ])
        out.append(f"{ts} {pid} {pid + rng.choice([0, 0, 14, 27])} {lvl} {tag}: {msg}")
    if fatal:
        out += ["04-11 18:31:07.551 21877 21877 E AndroidRuntime: FATAL EXCEPTION: main",
                "04-11 18:31:07.551 21877 21877 E AndroidRuntime: Process: eu.acmebank.app, PID: 21877",
                "04-11 18:31:07.551 21877 21877 E AndroidRuntime: kotlin.UninitializedPropertyAccessException: lateinit property adapter has not been initialized",
                "04-11 18:31:07.551 21877 21877 E AndroidRuntime: \tat eu.acmebank.app.transactions.TransactionsFragment.getAdapter(TransactionsFragment.kt:34)",
                "04-11 18:31:07.551 21877 21877 E AndroidRuntime: \tat eu.acmebank.app.transactions.TransactionsFragment.onTransactionsLoaded(TransactionsFragment.kt:97)",
                "04-11 18:31:07.551 21877 21877 E AndroidRuntime: \tat eu.acmebank.app.transactions.TransactionsFragment$onCreate$1.invokeSuspend(TransactionsFragment.kt:52)",
                "04-11 18:31:07.551 21877 21877 E AndroidRuntime: \tat kotlin.coroutines.jvm.internal.BaseContinuationImpl.resumeWith(ContinuationImpl.kt:33)",
                "04-11 18:31:07.551 21877 21877 E AndroidRuntime: \tat kotlinx.coroutines.DispatchedTask.run(DispatchedTask.kt:108)",
                "04-11 18:31:07.551 21877 21877 E AndroidRuntime: \tat android.os.Handler.handleCallback(Handler.java:958)",
                "04-11 18:31:07.551 21877 21877 E AndroidRuntime: \tat android.os.Looper.loop(Looper.java:294)",
                "04-11 18:31:07.551 21877 21877 E AndroidRuntime: \tat android.app.ActivityThread.main(ActivityThread.java:8177)"]
    return "\n".join(out)

IOS_CRASH = ios_crash(_k)
LOGCAT = logcat(_k, 40)

R("sonnet", "debug", "mobile", "plain", None,
  "crash log points at a force unwrap/assertion in a specific closure; identifiable cause",
  "Top crash in the new release. What's going on in TransferViewModel.swift:88? That line is `let payee = payees.first(where: { $0.id == selectedId })!`.\n\n```\n" + IOS_CRASH + "\n```")

R("haiku", "question", "mobile", "plain", None,
  "reading one value from a crash log",
  "Which iOS version and app build is this crash from?\n\n```\n" + IOS_CRASH + "\n```")

R("sonnet", "debug", "mobile", "plain", None,
  "lateinit crash from a coroutine resuming before view setup; identifiable cause in logcat",
  "App crashes when I open Transactions quickly after login. Logcat below. Why, and what's the right fix (not just making it nullable)?\n\n```\n" + LOGCAT + "\n```")

R("haiku", "question", "mobile", "plain", None,
  "lookup in a medium log",
  "In this logcat, how many times does Choreographer complain about skipped frames?\n\n```\n" + LOGCAT + "\n```")

R("haiku", "question", "mobile", "terse", None,
  "short factual",
  "swift struct vs class when to use which")

R("sonnet", "explain", "mobile", "plain", None,
  "TB7: why a retain cycle with a closure leaks; subtle but well-known",
  "Why is my view controller never deinit'd? I see the deinit print in other screens but not this one.\n\n```swift\nfinal class StatementViewController: UIViewController {\n    private let viewModel = StatementViewModel()\n    private var timer: Timer?\n\n    override func viewDidLoad() {\n        super.viewDidLoad()\n        viewModel.onUpdate = {\n            self.tableView.reloadData()\n        }\n        timer = Timer.scheduledTimer(withTimeInterval: 30, repeats: true) { _ in\n            self.viewModel.refresh()\n        }\n    }\n\n    deinit { print(\"StatementViewController deinit\") }\n}\n```")

R("opus", "explain", "mobile", "verbose", None,
  "TB7: semantics of Swift concurrency actor reentrancy and data races are opus-level concurrency reasoning",
  "I'm converting our token refresher to a Swift actor. I thought actors make everything serial, but a colleague says two callers can still both trigger a refresh because of reentrancy at the await. Can you explain precisely what an actor guarantees and what it doesn't here, whether this code can refresh twice or hand out a stale token, and how to fix it so concurrent callers share one in-flight refresh?\n\n```swift\nactor TokenStore {\n    private var token: Token?\n    private let api: AuthAPI\n\n    init(api: AuthAPI) { self.api = api }\n\n    func validToken() async throws -> Token {\n        if let t = token, t.expiresAt > Date().addingTimeInterval(30) {\n            return t\n        }\n        let fresh = try await api.refresh(using: token?.refreshToken)\n        token = fresh\n        return fresh\n    }\n}\n```")

R("sonnet", "implement", "mobile", "plain", None,
  "SwiftUI screen with a clear spec",
  "Build a SwiftUI screen for the payee list: searchable, pull to refresh, swipe to delete with a confirmation alert, empty state view, and loading/error states driven by an @Observable view model that calls `PayeeService.fetch() async throws -> [Payee]`. iOS 17.")

R("haiku", "edit", "mobile", "plain", None,
  "mechanical conversion of a small Java class to a Kotlin data class",
  "Convert to a Kotlin data class:\n\n```java\npublic class Payee {\n    private final String id;\n    private final String name;\n    private final String iban;\n    private final boolean favourite;\n\n    public Payee(String id, String name, String iban, boolean favourite) {\n        this.id = id; this.name = name; this.iban = iban; this.favourite = favourite;\n    }\n    public String getId() { return id; }\n    public String getName() { return name; }\n    public String getIban() { return iban; }\n    public boolean isFavourite() { return favourite; }\n}\n```")

R("opus", "design", "mobile", "plain", "easy-words-hard",
  "TB6: plain words; offline-first sync with conflict resolution is a distributed consistency design",
  "Our field inspectors use the Android app in places with no signal for hours. They need to edit the same inspection reports as office staff. How should the app sync?")

R("sonnet", "debug", "mobile", "plain", None,
  "Gradle manifest merge error with a clear cause",
  "Build broke after bumping targetSdk to 34. How do I fix this?\n\n```\n" + gradle_log(_k) + "\n```")

R("haiku", "question", "mobile", "terse", None,
  "short factual",
  "kotlin val vs var vs const val")

R("sonnet", "explain", "mobile", "non-native", None,
  "TB7: why a coroutine keeps running after fragment destroyed (lifecycleScope vs viewLifecycleOwner); subtle reason",
  "In my fragment I use lifecycleScope.launch to collect a Flow and update the views. When I go back and forth between fragments, sometimes it crashes because binding is null, and I see the collect runs two times. Why this happen? I thought lifecycleScope cancel everything.")

R("opus", "debug", "mobile", "typos", "easy-words-hard",
  "TB6: battery drain reported by users with no lead, across WorkManager, FCM, location",
  "some users say our app drains the batery overnight but most dont. we cant reproduce it. what do we do")

R("sonnet", "implement", "mobile", "plain", None,
  "Room + Flow repository with clear spec",
  "Write a Room entity, DAO and repository for cached transactions: entity has id, accountId, bookedAt (Instant via TypeConverter), amountMinor (Long), currency, description. DAO: observe by account as Flow ordered by bookedAt desc, upsert list, delete older than a given Instant. Repository refreshes from the API and exposes the Flow.")

R("haiku", "question", "mobile", "plain", "hard-words-easy",
  "jargon-heavy Android/Compose but the ask is a one-line modifier",
  "In our Jetpack Compose app with a multi-module clean architecture, Hilt DI scoped to navigation graphs, unidirectional data flow with a MVI reducer and baseline profiles enabled, how do I just add 16dp padding around a Text?")

R("sonnet", "implement", "mobile", "plain", None,
  "Flutter widget with clear spec",
  "Flutter: write a reusable AmountField widget: formats as the user types with thousands separators for the given locale (use intl), max 2 decimals, rejects letters, exposes the value as int minor units via a callback, and shows an error text when above a `max` parameter.")

R("haiku", "explain", "mobile", "plain", None,
  "common error explanation",
  "Flutter: what does 'setState() called after dispose()' mean?")

R("sonnet", "debug", "mobile", "typos", None,
  "Flutter layout error with known cause",
  "getting 'RenderFlex children have non-zero flex but incoming height constraints are unbounded' when i put my ListView in a Column inside a SingleChildScrollView. whats the corect fix, i tried Expanded and it got worse")

R("opus", "review", "mobile", "plain", None,
  "TB10: security review of mobile local storage and certificate pinning",
  "Please do a security review of how our Flutter banking app stores data and talks to the API:\n\n```dart\nclass SecureSession {\n  static final _prefs = SharedPreferences.getInstance();\n\n  static Future<void> save(String accessToken, String refreshToken, String pin) async {\n    final p = await _prefs;\n    await p.setString('at', accessToken);\n    await p.setString('rt', refreshToken);\n    await p.setString('pin_hash', md5.convert(utf8.encode(pin)).toString());\n  }\n}\n\nHttpClient buildClient() {\n  final c = HttpClient();\n  c.badCertificateCallback = (cert, host, port) {\n    // pinning: accept our cert even when the chain is not trusted (corporate proxies)\n    return cert.sha1.toString() == kPinnedSha1 || host.endsWith('.acmebank.eu');\n  };\n  return c;\n}\n\nFuture<bool> verifyPin(String entered) async {\n  final p = await SecureSession._prefs;\n  return p.getString('pin_hash') == md5.convert(utf8.encode(entered)).toString();\n}\n```\n\nThe PIN unlocks the app offline and there's no attempt counter yet.")

R("haiku", "question", "mobile", "other-language", None,
  "TB9: short Flutter question in Italian",
  "In Flutter qual è la differenza tra StatelessWidget e StatefulWidget? Risposta breve per favore.",
  language="it")

R("sonnet", "refactor", "mobile", "other-language", None,
  "TB9: refactor to MVVM in Swedish; everyday",
  "Jag har en Android-aktivitet på 600 rader där all logik ligger i Activity: nätverksanrop med Retrofit, validering och uppdatering av vyer. Kan du visa hur jag delar upp den i en ViewModel med StateFlow och ett repository, steg för steg, så att beteendet blir detsamma? Jag klistrar in koden i nästa meddelande, men börja med strukturen.",
  language="sv")

R("opus", "plan", "mobile", "verbose", None,
  "large migration plan across a codebase (UIKit to SwiftUI, modularisation) with sequencing and risk",
  "Our iOS banking app is 380k lines of Objective-C and Swift, UIKit, storyboards, one huge target, built by 14 developers in 3 teams. We want to get to SwiftUI and Swift concurrency, split into feature modules with SPM, and cut build time (currently 11 minutes clean). We can't stop shipping every two weeks. Can you help me write a multi-quarter plan: module boundaries, order, how to mix UIKit and SwiftUI during the transition, how to handle the Objective-C parts, and how we'll measure progress?")

R("sonnet", "test", "mobile", "plain", None,
  "writing unit tests for a view model with coroutines",
  "Write unit tests for this ViewModel with kotlinx-coroutines-test and Turbine: initial loading state, success, error, and that refresh() cancels a previous load.\n\n```kotlin\nclass TransactionsViewModel(private val repo: TransactionRepository) : ViewModel() {\n    private val _state = MutableStateFlow<UiState>(UiState.Loading)\n    val state: StateFlow<UiState> = _state\n    private var loadJob: Job? = null\n\n    init { refresh() }\n\n    fun refresh() {\n        loadJob?.cancel()\n        loadJob = viewModelScope.launch {\n            _state.value = UiState.Loading\n            _state.value = try {\n                UiState.Data(repo.load())\n            } catch (e: CancellationException) {\n                throw e\n            } catch (e: Exception) {\n                UiState.Error(e.message ?: \"unknown\")\n            }\n        }\n    }\n}\n```")

R("haiku", "docs", "mobile", "plain", None,
  "short release notes text",
  "Write App Store release notes (max 3 short bullet points, friendly tone): faster login with Face ID, fixed the crash when opening payees, dark mode fixes.")

R("opus", "design", "mobile", "terse", "short-hard",
  "short; secure device binding with attestation is security design",
  "device binding for banking app: keys in secure enclave/strongbox + play integrity/app attest. flow?")

R("haiku", "question", "mobile", "plain", None,
  "short factual",
  "What's the minimum iOS version that supports the @Observable macro?")

R("sonnet", "debug", "mobile", "follow-up", None,
  "TB8: pointing back only; unknown work so sonnet",
  "that didnt work, the view controller still isnt deallocated. try again")

R("opus", "debug", "mobile", "plain", None,
  "intermittent data race with no clear lead (Core Data contexts across threads)",
  "Every few thousand sessions our iOS app crashes inside Core Data with EXC_BAD_ACCESS in -[NSManagedObject valueForKey:], always on a background thread, different call sites. We have a main context and a couple of private-queue contexts for sync, plus some code from 2017 that passes NSManagedObjects between queues. -com.apple.CoreData.ConcurrencyDebug 1 in debug hasn't triggered yet. How would you hunt this down and what would you change structurally?")

R("sonnet", "implement", "mobile", "plain", None,
  "platform channel integration with clear spec",
  "Flutter app needs the Android device's battery optimisation status. Write the MethodChannel on both sides: Dart method `Future<bool> isIgnoringBatteryOptimizations()` and `Future<void> requestIgnoreBatteryOptimizations()`, Kotlin implementation in MainActivity using PowerManager, handle missing activity gracefully.")
# ---------------------------------------------------------------------------
# More enterprise services: Java, .NET, databases, infrastructure (medium pastes)
# ---------------------------------------------------------------------------
_q = random.Random(2211)
THREAD_DUMP = thread_dump(_q, 14)
LOG_LEDGER = spring_log(_q, 45, error_every=11, app="ledger-svc")
LOG_GATEWAY = spring_log(_q, 35, warn_every=6, app="gateway")

def pg_explain(rng):
    return "\n".join([
        "Gather  (cost=1000.43..%d.88 rows=%d width=96) (actual time=0.812..%d.554 rows=%d loops=1)" % (rng.randint(80000, 200000), rng.randint(100, 900), rng.randint(2000, 9000), rng.randint(50, 700)),
        "  Workers Planned: 2", "  Workers Launched: 2",
        "  ->  Nested Loop  (cost=0.43..%d.12 rows=%d width=96) (actual time=%d.1..%d.9 rows=%d loops=3)" % (rng.randint(50000, 90000), rng.randint(40, 300), rng.randint(10, 90), rng.randint(2000, 9000), rng.randint(20, 250)),
        "        ->  Parallel Seq Scan on invoice i  (cost=0.00..%d.00 rows=%d width=64) (actual time=0.031..%d.218 rows=%d loops=3)" % (rng.randint(40000, 80000), rng.randint(100000, 900000), rng.randint(900, 4000), rng.randint(100000, 900000)),
        "              Filter: ((status)::text = 'OPEN'::text AND (due_date < (now() - '30 days'::interval)))",
        "              Rows Removed by Filter: %d" % rng.randint(1000000, 4000000),
        "        ->  Index Scan using customer_pkey on customer c  (cost=0.43..8.45 rows=1 width=40) (actual time=0.004..0.004 rows=1 loops=%d)" % rng.randint(100000, 900000),
        "              Index Cond: (id = i.customer_id)",
        "              Filter: ((segment)::text = ANY ('{SME,CORP}'::text[]))",
        "              Rows Removed by Filter: 1",
        "Planning Time: 0.412 ms", "Execution Time: %d.771 ms" % rng.randint(2000, 9000)])

PG_PLAN = pg_explain(_q)

R("opus", "debug", "web", "plain", None,
  "thread dump analysis of lock ordering in a transfer service; concurrency diagnosis and a redesign of lock acquisition",
  "Ledger service froze in prod at 03:17, we took this thread dump before restarting. Transfers between two accounts lock both accounts with synchronized blocks. Can you work out whether it's a deadlock, which threads are involved, and how to change the locking so it can't happen again (without one global lock, we need the throughput)?\n\n```\n" + THREAD_DUMP + "\n```")

R("haiku", "question", "web", "plain", None,
  "counting thread states in a medium dump; lookup",
  "From this thread dump, how many threads are BLOCKED? Just the number and their names.\n\n```\n" + THREAD_DUMP + "\n```")

R("sonnet", "debug", "web", "plain", None,
  "errors in a short log with identifiable causes",
  "ledger-svc started erroring this morning. What's failing, and is it one problem or several?\n\n```\n" + LOG_LEDGER + "\n```")

R("haiku", "edit", "web", "terse", None,
  "mechanical filtering of pasted log",
  "strip everything except WARN lines from this\n\n```\n" + LOG_GATEWAY + "\n```")

R("sonnet", "debug", "databases", "plain", None,
  "reading an EXPLAIN ANALYZE with an obvious missing index; known fix",
  "This query takes 5+ seconds on Postgres 15. Plan below. What index would you add and why?\n\n```sql\nselect i.id, i.number, i.amount, c.name\nfrom invoice i join customer c on c.id = i.customer_id\nwhere i.status = 'OPEN' and i.due_date < now() - interval '30 days'\n  and c.segment in ('SME','CORP');\n```\n\n```\n" + PG_PLAN + "\n```")

R("haiku", "question", "databases", "plain", None,
  "reading one number from a plan",
  "What's the total execution time in this plan, and is it using parallel workers?\n\n```\n" + PG_PLAN + "\n```")

R("haiku", "question", "databases", "terse", None,
  "one-line SQL",
  "postgres: select invoices where due_date is in the last 7 days")

R("opus", "design", "databases", "plain", "easy-words-hard",
  "TB6: plain words; zero-downtime schema change on a hot, huge table with dual-writes is a risky plan",
  "We need to change the invoice id column from int to bigint. The table has 1.9 billion rows and gets writes all day. How do we do it?")

R("sonnet", "implement", "databases", "plain", None,
  "Flyway migration with known steps",
  "Write a Flyway migration (Postgres) that adds a `currency char(3) not null default 'EUR'` column to invoice, backfills it from customer.default_currency in batches of 10k to avoid long locks, then drops the default. Repeatable-safe if it fails halfway.")

R("opus", "explain", "databases", "plain", None,
  "isolation-level anomaly reasoning (write skew under snapshot isolation) is concurrency semantics",
  "Two doctors are on call; our rule is at least one must stay on call. Under Postgres REPEATABLE READ, both can go off call at the same time and the check passes for both. Explain exactly why snapshot isolation allows this, whether SERIALIZABLE fixes it and at what cost, and what other ways (locking, constraints) would make it correct.")

R("haiku", "question", "databases", "other-language", None,
  "TB9: simple SQL question in Czech",
  "Jak v SQL Serveru zjistím velikost jednotlivých tabulek v databázi? Stačí jeden dotaz.",
  language="cs")

R("sonnet", "ops", "infrastructure", "plain", None,
  "k8s manifests with clear spec",
  "Write the Kubernetes Deployment, Service and HPA for billing-svc: 3 replicas min, 12 max on 70% CPU, Spring actuator liveness /actuator/health/liveness and readiness /actuator/health/readiness, resources 500m/1Gi requests and 2/2Gi limits, JAVA_TOOL_OPTIONS with MaxRAMPercentage=75, and a PodDisruptionBudget of minAvailable 2.")

R("haiku", "question", "infrastructure", "plain", "hard-words-easy",
  "cloud-native jargon; the ask is a single kubectl command",
  "We run an Istio service mesh with mTLS STRICT, Argo Rollouts canaries, KEDA autoscaling on Kafka lag and Kyverno admission policies across 3 clusters. I just want to see the logs of the previous crashed container of pod billing-svc-7d9f8c6b5-x2kqp. What's the kubectl command?")

R("opus", "debug", "infrastructure", "verbose", "easy-words-hard",
  "TB6: sporadic 502s across LB, mesh and JVM with no lead",
  "Since we moved the Spring services to Kubernetes behind the AWS ALB, around 0.1% of requests get a 502, mostly right after deployments but also randomly at night. The app logs show nothing for those requests, as if they never arrived. Nobody can reproduce it on purpose. I'm not sure where to even look first, can you help me build a theory?")

R("sonnet", "ops", "infrastructure", "non-native", None,
  "Dockerfile for a Spring app with clear requirements",
  "Please make me a Dockerfile for our Spring Boot 3 app, multi-stage, build with Maven inside, final image small with JRE 21 only, run as non-root user, use layered jar so the docker cache work better. We have also a custom CA certificate that must be in the truststore.")

R("haiku", "question", "web", "plain", None,
  "short factual",
  "What HTTP status code should an API return when the request is valid but conflicts with the current state, like a duplicate invoice number?")

R("sonnet", "implement", "web", "plain", None,
  "RFC 7807 error handling with clear spec",
  "Implement a @RestControllerAdvice that maps our exceptions to RFC 7807 ProblemDetail: InvoiceNotFoundException → 404, DuplicateInvoiceException → 409, MethodArgumentNotValidException → 400 with a list of field errors in an `errors` property, anything else → 500 without leaking the message. Include a correlation id from the MDC.")

R("opus", "design", "web", "verbose", None,
  "architecture: service boundaries for a monolith with trade-offs",
  "Our insurance policy-admin system is a 1.2M-line Spring monolith (one Oracle schema of 900 tables, everything joins everything). Management wants microservices. I don't want to do it blindly. Could you propose how to find service boundaries, which parts should stay together, what to extract first, and how data ownership would work for things like Policy and Customer that every module touches? Also tell me when you think it's not worth doing.")

R("sonnet", "explain", "web", "plain", None,
  "explaining a medium Spring Security config; non-trivial code",
  "Can you explain what this security config does, filter chain by filter chain? I inherited it.\n\n```java\n@Configuration\n@EnableMethodSecurity\npublic class SecurityConfig {\n\n    @Bean\n    @Order(1)\n    SecurityFilterChain actuator(HttpSecurity http) throws Exception {\n        http.securityMatcher(EndpointRequest.toAnyEndpoint())\n            .authorizeHttpRequests(a -> a\n                .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()\n                .anyRequest().hasRole(\"OPS\"))\n            .httpBasic(Customizer.withDefaults())\n            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));\n        return http.build();\n    }\n\n    @Bean\n    @Order(2)\n    SecurityFilterChain api(HttpSecurity http, JwtAuthFilter jwt) throws Exception {\n        http.securityMatcher(\"/api/**\")\n            .csrf(AbstractHttpConfigurer::disable)\n            .authorizeHttpRequests(a -> a\n                .requestMatchers(HttpMethod.GET, \"/api/v2/public/**\").permitAll()\n                .requestMatchers(\"/api/v2/admin/**\").hasAuthority(\"SCOPE_admin\")\n                .anyRequest().authenticated())\n            .addFilterBefore(jwt, UsernamePasswordAuthenticationFilter.class)\n            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))\n            .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));\n        return http.build();\n    }\n\n    @Bean\n    @Order(3)\n    SecurityFilterChain web(HttpSecurity http) throws Exception {\n        http.authorizeHttpRequests(a -> a\n                .requestMatchers(\"/login\", \"/css/**\", \"/js/**\").permitAll()\n                .anyRequest().authenticated())\n            .formLogin(f -> f.loginPage(\"/login\").defaultSuccessUrl(\"/dashboard\"))\n            .logout(l -> l.logoutSuccessUrl(\"/login?bye\"));\n        return http.build();\n    }\n}\n```")

R("opus", "review", "security", "plain", None,
  "TB10: security review of the same config (CSRF, actuator exposure, ordering gaps)",
  "Same SecurityConfig as above. This time please do a security review: is anything exposed that shouldn't be, are there ordering gaps between the chains, and is disabling CSRF on /api/** safe given the web chain uses session cookies and some of our JS calls /api with the session?")

R("haiku", "edit", "web", "plain", None,
  "mechanical rename of a property key across a short yml",
  "Rename the `acme.gateway` prefix to `acme.payment-gateway` in this file, keep everything else identical.\n\n```yaml\nacme:\n  gateway:\n    base-url: https://pay.acme-psp.com/v2\n    connect-timeout: 2s\n    read-timeout: 10s\n    retry:\n      max-attempts: 3\n      backoff: 500ms\n  ledger:\n    batch-size: 500\n```")

R("sonnet", "implement", "web", "verbose", None,
  "Kafka consumer with DLT and retry topics; clear spec",
  "We need a Spring Kafka consumer for topic `invoice.created` (Avro, schema registry). On failure retry with non-blocking retry topics (1s, 10s, 1min) and then send to a DLT. Deserialisation errors should go straight to the DLT without retries. Consumer group `ledger-posting`, manual ack isn't needed. Please write the config class and the listener, and explain what topics will be created.")

R("opus", "design", "web", "terse", "short-hard",
  "short; exactly-once Kafka->DB processing with consumer rebalances is distributed consistency",
  "kafka consumer writes to postgres. need effectively-once, survives rebalances. how")

R("haiku", "question", "web", "terse", None,
  "short factual",
  "what does spring.jpa.open-in-view do")

R("sonnet", "refactor", "web", "plain", None,
  "refactoring a method to streams / smaller functions; everyday",
  "Refactor this to be readable, split into smaller methods, keep behaviour identical. It's from our commission calculator.\n\n```java\npublic BigDecimal commission(Agent a, List<Policy> ps, LocalDate month) {\n    BigDecimal total = BigDecimal.ZERO;\n    for (Policy p : ps) {\n        if (p.getAgentId().equals(a.getId())) {\n            if (p.getIssueDate().getMonth() == month.getMonth() && p.getIssueDate().getYear() == month.getYear()) {\n                if (p.getStatus() == Status.ACTIVE || p.getStatus() == Status.PENDING_PAYMENT) {\n                    BigDecimal rate;\n                    if (p.getProduct().startsWith(\"LIFE\")) {\n                        rate = a.getTier() == Tier.GOLD ? new BigDecimal(\"0.12\") : new BigDecimal(\"0.09\");\n                    } else if (p.getProduct().startsWith(\"HOME\")) {\n                        rate = new BigDecimal(\"0.07\");\n                    } else {\n                        rate = new BigDecimal(\"0.05\");\n                    }\n                    BigDecimal c = p.getAnnualPremium().multiply(rate);\n                    if (c.compareTo(new BigDecimal(\"2500\")) > 0) c = new BigDecimal(\"2500\");\n                    total = total.add(c);\n                }\n            }\n        }\n    }\n    return total.setScale(2, RoundingMode.HALF_EVEN);\n}\n```")

R("sonnet", "test", "web", "follow-up", None,
  "TB8: 'add tests for that too' names test-writing work: sonnet",
  "add tests for that too, parameterized for the three product types and the 2500 cap")

R("haiku", "edit", "web", "follow-up", None,
  "TB8: trivial follow-up",
  "make the 2500 a named constant")

R("opus", "debug", "web", "plain", None,
  "performance cliff after upgrade needing analysis of JIT/GC/virtual threads pinning without a clear lead",
  "After switching our Spring Boot 3.2 app to virtual threads (spring.threads.virtual.enabled=true), throughput doubled in load tests, but in prod under real traffic p99 sometimes jumps from 80 ms to 4 s for a minute and then recovers. CPU is low during the spikes. We use JDBC with Hikari (pool 20), a synchronized-heavy legacy XML signing library and Redis via Lettuce. What could cause this and how do we confirm it?")

R("sonnet", "debug", "web", "non-native", None,
  "clear stack trace: Jackson can't deserialize LocalDate without module",
  "I get this error when client send the date, I think the jackson is missing something? We are not using Spring Boot, only plain Spring MVC 6.\n\n```\ncom.fasterxml.jackson.databind.exc.InvalidDefinitionException: Java 8 date/time type `java.time.LocalDate` not supported by default: add Module \"com.fasterxml.jackson.datatype:jackson-datatype-jsr310\" to enable handling\n at [Source: (org.springframework.util.StreamUtils$NonClosingInputStream); line: 1, column: 42] (through reference chain: com.acme.claims.api.ClaimRequest[\"lossDate\"])\n\tat com.fasterxml.jackson.databind.exc.InvalidDefinitionException.from(InvalidDefinitionException.java:67)\n\tat com.fasterxml.jackson.databind.DeserializationContext.reportBadDefinition(DeserializationContext.java:1887)\n\tat com.fasterxml.jackson.databind.deser.impl.UnsupportedTypeDeserializer.deserialize(UnsupportedTypeDeserializer.java:48)\n\tat com.fasterxml.jackson.databind.deser.impl.MethodProperty.deserializeAndSet(MethodProperty.java:129)\n\tat com.fasterxml.jackson.databind.deser.BeanDeserializer.vanillaDeserialize(BeanDeserializer.java:314)\n\tat com.fasterxml.jackson.databind.deser.BeanDeserializer.deserialize(BeanDeserializer.java:177)\n\tat org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter.readJavaType(AbstractJackson2HttpMessageConverter.java:389)\n```")

# .NET more
R("haiku", "question", "web", "plain", None,
  "short factual",
  "In C#, what's the difference between `record` and `record struct`?")

R("sonnet", "implement", "web", "plain", None,
  "background service with clear spec",
  "Write a .NET 8 BackgroundService that every 5 minutes picks up claims in status 'AwaitingDocs' older than 14 days, sends a reminder through INotificationClient, and marks them reminded. Use a scoped DbContext per iteration (IServiceScopeFactory), respect the stopping token, and log with structured logging.")

R("opus", "review", "web", "plain", None,
  "TB10: review of concurrent background processing across multiple instances (duplicate sends)",
  "We'll run the reminder BackgroundService you wrote in 4 instances behind the load balancer. Review it for what goes wrong with concurrency across instances (double reminders, missed ones, crashes mid-batch) and propose the change with the least infrastructure.")

R("haiku", "explain", "web", "plain", "hard-words-easy",
  ".NET jargon; the ask is a one-line meaning of ConfigureAwait(false)",
  "In our .NET 8 microservice with Orleans grains, MassTransit sagas over RabbitMQ quorum queues and OpenTelemetry exporters, one library method has `await x.ConfigureAwait(false)`. In one sentence, what does ConfigureAwait(false) do?")

R("sonnet", "debug", "web", "typos", None,
  "DI lifetime error with clear cause",
  "asp.net core throws 'Cannot consume scoped service ClaimsDbContext from singleton IClaimCache' at startup. i registered the cache as singleton becuase it holds a memory cache. hwo do i fix without making the cache scoped")

R("opus", "design", "web", "other-language", "easy-words-hard",
  "TB9/TB6: plain Italian ask that is a consistency/ordering design across services",
  "Abbiamo un servizio .NET che riceve gli aggiornamenti dei sinistri da tre sistemi diversi, a volte nello stesso secondo, e l'ultimo che arriva sovrascrive gli altri. Come dovremmo progettarlo perché non si perdano modifiche?",
  language="it")

R("sonnet", "docs", "web", "plain", None,
  "writing a README for a service from a description; several sections",
  "Write a README for our claims-api repo: what it is (claims intake + adjustment for 3 insurers), how to run locally (docker compose with SQL Server and Azurite, `dotnet run --project src/Claims.Api`), configuration (appsettings + user-secrets), running tests (xUnit, Testcontainers needs Docker), and how to add a migration with `dotnet ef`. Keep it practical.")

R("haiku", "ops", "tooling", "terse", None,
  "one-liner",
  "dotnet ef command to add migration named AddClaimNotes")
# ---------------------------------------------------------------------------
# Mixed batch with medium pastes: build files, manifests, scans, diffs
# ---------------------------------------------------------------------------
_p = random.Random(2212)

def pom_xml(rng):
    deps = [("org.springframework.boot", "spring-boot-starter-web", None),
            ("org.springframework.boot", "spring-boot-starter-data-jpa", None),
            ("org.springframework.kafka", "spring-kafka", None),
            ("com.fasterxml.jackson.datatype", "jackson-datatype-jsr310", None),
            ("org.mapstruct", "mapstruct", "1.5.5.Final"),
            ("io.github.resilience4j", "resilience4j-spring-boot3", "2.2.0"),
            ("com.sap.cloud", "neo-java-web-api", "4.57.7"),
            ("org.postgresql", "postgresql", None),
            ("org.flywaydb", "flyway-core", None),
            ("net.logstash.logback", "logstash-logback-encoder", "7.4"),
            ("org.apache.commons", "commons-text", "1.9"),
            ("com.google.guava", "guava", "32.1.3-jre"),
            ("org.testcontainers", "postgresql", "1.19.7"),
            ("org.springframework.boot", "spring-boot-starter-test", None)]
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<project xmlns="http://maven.apache.org/POM/4.0.0">',
           "  <modelVersion>4.0.0</modelVersion>", "  <parent>", "    <groupId>org.springframework.boot</groupId>",
           "    <artifactId>spring-boot-starter-parent</artifactId>", "    <version>3.2.5</version>", "  </parent>",
           "  <groupId>com.acme.billing</groupId>", "  <artifactId>billing-svc</artifactId>", "  <version>2.14.0-SNAPSHOT</version>",
           "  <properties>", "    <java.version>21</java.version>", "  </properties>", "  <dependencies>"]
    for g, a, v in deps:
        out += ["    <dependency>", f"      <groupId>{g}</groupId>", f"      <artifactId>{a}</artifactId>"]
        if v:
            out.append(f"      <version>{v}</version>")
        if a in ("spring-boot-starter-test",) or g == "org.testcontainers":
            out.append("      <scope>test</scope>")
        out.append("    </dependency>")
    out += ["  </dependencies>", "</project>"]
    return "\n".join(out)

def k8s_deploy(rng):
    return """apiVersion: apps/v1
kind: Deployment
metadata:
  name: model-serving
  namespace: ml-prod
  labels:
    app: model-serving
spec:
  replicas: %d
  selector:
    matchLabels:
      app: model-serving
  template:
    metadata:
      labels:
        app: model-serving
    spec:
      serviceAccountName: default
      hostNetwork: true
      containers:
        - name: server
          image: registry.acme.net/ml/fraud-scorer:%s
          ports:
            - containerPort: 8080
          env:
            - name: FEATURE_STORE_URL
              value: redis://feature-cache.ml-prod.svc:6379
            - name: AWS_ACCESS_KEY_ID
              value: AKIA%s
            - name: AWS_SECRET_ACCESS_KEY
              value: %s
          securityContext:
            privileged: true
            runAsUser: 0
          resources:
            limits:
              nvidia.com/gpu: 1
              memory: %dGi
          volumeMounts:
            - name: models
              mountPath: /models
            - name: docker-sock
              mountPath: /var/run/docker.sock
      volumes:
        - name: models
          hostPath:
            path: /mnt/models
        - name: docker-sock
          hostPath:
            path: /var/run/docker.sock""" % (rng.randint(2, 6), "2024.04.%d" % rng.randint(1, 30),
                                            "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16)),
                                            "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/+") for _ in range(40)),
                                            rng.choice([8, 12, 16]))

def nmap_out(rng, hosts):
    out = ["# Nmap 7.94 scan initiated Tue Apr 16 09:12:44 2024 as: nmap -sV -T4 -oN dmz.txt 192.0.2.0/26"]
    svc = [(22, "ssh", "OpenSSH 7.4 (protocol 2.0)"), (80, "http", "Apache httpd 2.4.6 ((CentOS))"),
           (443, "ssl/http", "nginx 1.18.0"), (445, "microsoft-ds", "Windows Server 2012 R2 microsoft-ds"),
           (3389, "ms-wbt-server", "Microsoft Terminal Services"), (8080, "http", "Apache Tomcat 8.5.23"),
           (9200, "http", "Elasticsearch REST API 6.8.0"), (5432, "postgresql", "PostgreSQL DB 9.6.0 - 9.6.23"),
           (21, "ftp", "vsftpd 2.3.4"), (161, "snmp", "SNMPv1 server; net-snmp SNMPv3 server (public)")]
    for h in range(hosts):
        ip = f"192.0.2.{rng.randint(2, 62)}"
        out += [f"Nmap scan report for {rng.choice(['web', 'app', 'db', 'legacy', 'vpn', 'mx'])}{h:02d}.dmz.acme-ins.net ({ip})",
                f"Host is up (0.00{rng.randint(10, 99)}s latency).", f"Not shown: {rng.randint(990, 997)} filtered tcp ports (no-response)",
                "PORT     STATE SERVICE       VERSION"]
        for port, name, ver in sorted(rng.sample(svc, rng.randint(2, 4))):
            out.append(f"{str(port) + '/tcp':<8} open  {name:<13} {ver}")
        out.append("")
    out.append(f"# Nmap done at Tue Apr 16 09:31:02 2024 -- 64 IP addresses ({hosts} hosts up) scanned in 1098.21 seconds")
    return "\n".join(out)

POM = pom_xml(_p)
K8S_ML = k8s_deploy(_p)
NMAP = nmap_out(_p, 9)

R("haiku", "question", "tooling", "plain", "long-trivial",
  "TB5: reading one version out of a build file",
  "Which version of commons-text does this pom pull in? Security asked.\n\n```xml\n" + POM + "\n```")

R("sonnet", "ops", "tooling", "plain", None,
  "adding dependency management and enforcer rules across a pom; several careful steps",
  "Rework this pom: move every explicit version into <properties>, add the maven-enforcer-plugin with requireUpperBoundDeps and banDuplicatePomDependencyVersions, and add the OWASP dependency-check plugin failing the build on CVSS >= 7. Keep Spring-managed versions unpinned.\n\n```xml\n" + POM + "\n```")

R("opus", "review", "security", "plain", None,
  "TB10: security review of a k8s deployment (privileged, hostNetwork, docker.sock, hardcoded keys)",
  "Security review of this deployment before it goes to the shared GPU cluster, please. What are the risks, how would an attacker use them, and what should the manifest look like instead?\n\n```yaml\n" + K8S_ML + "\n```")

R("haiku", "question", "infrastructure", "terse", None,
  "lookup in a short manifest",
  "whats the memory limit in this\n\n```yaml\n" + K8S_ML + "\n```")

R("haiku", "edit", "security", "plain", "long-trivial",
  "TB5: reformatting scan output into a table is mechanical",
  "Turn this nmap output into a markdown table: host, ip, port, service, version. One row per open port.\n\n```\n" + NMAP + "\n```")

R("opus", "review", "security", "plain", None,
  "prioritising external attack surface with exploitability reasoning is a security review",
  "From this DMZ scan, rank the hosts by how worried we should be and explain the realistic attack paths an external attacker would try first, including chaining across hosts. We have one week before the audit.\n\n```\n" + NMAP + "\n```")

R("sonnet", "implement", "general", "plain", None,
  "frame-rate independent movement fix with known approach",
  "Our jump height is different at 30 fps and 144 fps. Fix the script so movement and jumping are framerate independent (we can't use Rigidbody here, it's a custom kinematic controller).\n\n```csharp\npublic class KinematicPlayer : MonoBehaviour\n{\n    public float moveSpeed = 0.1f;\n    public float jumpVelocity = 0.35f;\n    public float gravity = 0.02f;\n    private Vector3 velocity;\n    private CharacterController cc;\n\n    void Awake() { cc = GetComponent<CharacterController>(); }\n\n    void Update()\n    {\n        var input = new Vector3(Input.GetAxis(\"Horizontal\"), 0, Input.GetAxis(\"Vertical\"));\n        velocity.x = input.x * moveSpeed;\n        velocity.z = input.z * moveSpeed;\n        if (cc.isGrounded)\n        {\n            velocity.y = 0;\n            if (Input.GetButtonDown(\"Jump\")) velocity.y = jumpVelocity;\n        }\n        velocity.y -= gravity;\n        cc.Move(velocity);\n    }\n}\n```")

R("haiku", "docs", "general", "plain", None,
  "adding comments to a short script: mechanical",
  "Add a short XML doc comment to each public field in that KinematicPlayer script, nothing else.")

R("haiku", "edit", "general", "plain", "hard-words-easy",
  "Unreal jargon; the ask is a mechanical macro addition",
  "This is a UCLASS for our GAS-driven ability targeting actor, replicated with push-model replication and spawned through a deferred SpawnActor call from a GameplayAbility_Task. Just add `BlueprintCallable` to the UFUNCTION of each public method, nothing else.\n\n```cpp\nUCLASS()\nclass VANGUARD_API ATargetingActor : public AGameplayAbilityTargetActor\n{\n    GENERATED_BODY()\npublic:\n    UFUNCTION()\n    void ConfirmTargets();\n    UFUNCTION()\n    void CancelTargeting();\n    UFUNCTION()\n    void SetMaxRange(float NewRange);\n    UFUNCTION()\n    float GetMaxRange() const;\nprotected:\n    UPROPERTY(Replicated)\n    float MaxRange = 1500.f;\n};\n```")

R("haiku", "question", "general", "plain", None,
  "lookup in a pasted scene file",
  "Which nodes in this Godot scene have a script attached?\n\n```\n[gd_scene load_steps=6 format=3 uid=\"uid://c8f1w0q2m3k1\"]\n\n[ext_resource type=\"Script\" path=\"res://scripts/player.gd\" id=\"1_p1ay\"]\n[ext_resource type=\"Script\" path=\"res://scripts/camera_follow.gd\" id=\"2_cam0\"]\n[ext_resource type=\"Texture2D\" path=\"res://art/hero.png\" id=\"3_hero\"]\n[ext_resource type=\"Script\" path=\"res://scripts/hurtbox.gd\" id=\"4_hurt\"]\n\n[sub_resource type=\"CapsuleShape2D\" id=\"CapsuleShape2D_k2l\"]\nradius = 7.0\nheight = 26.0\n\n[node name=\"Player\" type=\"CharacterBody2D\"]\nscript = ExtResource(\"1_p1ay\")\n\n[node name=\"Sprite2D\" type=\"Sprite2D\" parent=\".\"]\ntexture = ExtResource(\"3_hero\")\n\n[node name=\"CollisionShape2D\" type=\"CollisionShape2D\" parent=\".\"]\nshape = SubResource(\"CapsuleShape2D_k2l\")\n\n[node name=\"Hurtbox\" type=\"Area2D\" parent=\".\"]\nscript = ExtResource(\"4_hurt\")\n\n[node name=\"Camera2D\" type=\"Camera2D\" parent=\".\"]\nscript = ExtResource(\"2_cam0\")\nposition_smoothing_enabled = true\n\n[node name=\"AnimationPlayer\" type=\"AnimationPlayer\" parent=\".\"]\n```")

R("opus", "review", "systems", "plain", None,
  "TB10: review of ROS 2 node with multi-threaded executor and shared state: concurrency review",
  "Review this ROS 2 node. It runs in a MultiThreadedExecutor with 4 threads, and once in a while the robot gets a stale or half-updated goal. I need to know what's racy and the proper fix (callback groups, locks, or something else).\n\n```cpp\nclass GoalMux : public rclcpp::Node {\npublic:\n  GoalMux() : Node(\"goal_mux\") {\n    sub_ui_ = create_subscription<geometry_msgs::msg::PoseStamped>(\n      \"ui_goal\", 10, [this](geometry_msgs::msg::PoseStamped::SharedPtr m) { onGoal(*m, Source::UI); });\n    sub_fleet_ = create_subscription<geometry_msgs::msg::PoseStamped>(\n      \"fleet_goal\", 10, [this](geometry_msgs::msg::PoseStamped::SharedPtr m) { onGoal(*m, Source::FLEET); });\n    timer_ = create_wall_timer(50ms, [this] { publishActive(); });\n    pub_ = create_publisher<geometry_msgs::msg::PoseStamped>(\"active_goal\", 10);\n  }\nprivate:\n  enum class Source { UI, FLEET };\n  void onGoal(const geometry_msgs::msg::PoseStamped &g, Source s) {\n    if (s == Source::FLEET && active_source_ == Source::UI && ui_lock_) return;\n    active_ = g;\n    active_source_ = s;\n    if (s == Source::UI) ui_lock_ = true;\n    has_goal_ = true;\n  }\n  void publishActive() {\n    if (!has_goal_) return;\n    auto g = active_;\n    g.header.stamp = now();\n    pub_->publish(g);\n  }\n  geometry_msgs::msg::PoseStamped active_;\n  Source active_source_{Source::FLEET};\n  bool ui_lock_{false};\n  bool has_goal_{false};\n  rclcpp::Subscription<geometry_msgs::msg::PoseStamped>::SharedPtr sub_ui_, sub_fleet_;\n  rclcpp::TimerBase::SharedPtr timer_;\n  rclcpp::Publisher<geometry_msgs::msg::PoseStamped>::SharedPtr pub_;\n};\n```")

R("haiku", "question", "systems", "plain", None,
  "finding one setting in a short linker script",
  "Where's the stack size set in this linker script, and how big is it?\n\n```\nENTRY(Reset_Handler)\n\n_estack = ORIGIN(RAM) + LENGTH(RAM);\n_Min_Heap_Size = 0x400;\n_Min_Stack_Size = 0x800;\n\nMEMORY\n{\n  RAM    (xrw)  : ORIGIN = 0x20000000, LENGTH = 128K\n  FLASH  (rx)   : ORIGIN = 0x08000000, LENGTH = 512K\n}\n\nSECTIONS\n{\n  .isr_vector :\n  {\n    . = ALIGN(4);\n    KEEP(*(.isr_vector))\n    . = ALIGN(4);\n  } >FLASH\n\n  .text :\n  {\n    . = ALIGN(4);\n    *(.text)\n    *(.text*)\n    KEEP (*(.init))\n    KEEP (*(.fini))\n    . = ALIGN(4);\n    _etext = .;\n  } >FLASH\n\n  ._user_heap_stack :\n  {\n    . = ALIGN(8);\n    PROVIDE ( end = . );\n    . = . + _Min_Heap_Size;\n    . = . + _Min_Stack_Size;\n    . = ALIGN(8);\n  } >RAM\n}\n```")

R("sonnet", "edit", "systems", "plain", None,
  "modifying a linker script to add a new section with placement; several careful steps",
  "Modify that linker script to add a `.dma_buffer` section in a new RAM_D2 region at 0x30000000 (32K), NOLOAD, 32-byte aligned, and show the attribute to place a buffer there from C.")

R("sonnet", "refactor", "mobile", "plain", None,
  "translating a Swift class to Kotlin idiomatically; several careful steps",
  "Port this Swift view model to Kotlin for the Android app (ViewModel + StateFlow + coroutines), keeping the same behaviour.\n\n```swift\n@MainActor\nfinal class LoginViewModel: ObservableObject {\n    enum State: Equatable { case idle, loading, otpRequired(String), loggedIn, failed(String) }\n\n    @Published private(set) var state: State = .idle\n    @Published var username = \"\"\n    @Published var password = \"\"\n    private let auth: AuthService\n    private var attempts = 0\n\n    init(auth: AuthService) { self.auth = auth }\n\n    var canSubmit: Bool { !username.isEmpty && password.count >= 8 && state != .loading }\n\n    func submit() async {\n        guard canSubmit else { return }\n        state = .loading\n        do {\n            switch try await auth.login(username: username, password: password) {\n            case .success:\n                state = .loggedIn\n            case .otp(let challengeId):\n                state = .otpRequired(challengeId)\n            }\n        } catch AuthError.invalidCredentials {\n            attempts += 1\n            state = .failed(attempts >= 3 ? \"Too many attempts\" : \"Wrong username or password\")\n        } catch {\n            state = .failed(\"Network error\")\n        }\n    }\n\n    func verify(otp: String) async {\n        guard case .otpRequired(let id) = state else { return }\n        state = .loading\n        do {\n            try await auth.verify(challengeId: id, code: otp)\n            state = .loggedIn\n        } catch {\n            state = .otpRequired(id)\n        }\n    }\n}\n```")

R("sonnet", "refactor", "mobile", "follow-up", None,
  "TB8: 'now do the same' for another target names a port of similar size",
  "now do the same for the Flutter app, with a ChangeNotifier")

R("haiku", "question", "databases", "plain", None,
  "short factual about a DDL",
  "Does this table have a primary key? And which columns are nullable?\n\n```sql\nCREATE TABLE claim_payment (\n    claim_id        UUID         NOT NULL,\n    payment_no      INTEGER      NOT NULL,\n    payee_iban      VARCHAR(34),\n    amount_minor    BIGINT       NOT NULL,\n    currency        CHAR(3)      NOT NULL DEFAULT 'EUR',\n    approved_by     VARCHAR(64),\n    approved_at     TIMESTAMPTZ,\n    paid_at         TIMESTAMPTZ,\n    status          VARCHAR(16)  NOT NULL,\n    CONSTRAINT pk_claim_payment PRIMARY KEY (claim_id, payment_no)\n);\n```")

R("opus", "design", "databases", "plain", None,
  "designing partitioning, retention and indexing for a huge append-heavy table with trade-offs",
  "claim_payment (DDL above) will grow to ~4 billion rows over 10 years; 95% of queries hit the last 90 days by status, but auditors query by claim_id across all years and we must delete personal data (payee_iban) after 10 years per claim, not per date. Propose a partitioning and indexing scheme in Postgres 16 and explain the trade-offs, including what happens to the PK and the deletion job.")

R("sonnet", "implement", "data", "plain", None,
  "converting JCL batch chain into an Airflow DAG with known mapping",
  "We're moving this nightly JCL chain to Airflow on Kubernetes. Write the DAG: each step becomes a KubernetesPodOperator (image acme/batch-runner:1.4, command is the program name), keep the COND semantics (skip downstream steps if a previous return code > 4), and a daily 01:30 Europe/Rome schedule.\n\n```\n//PLCNIGHT JOB (ACCT),'NIGHTLY POLICY',CLASS=A,MSGCLASS=X\n//STEP010  EXEC PGM=PLCEXTR\n//INFILE   DD DSN=PRD.PLC.MASTER,DISP=SHR\n//OUTFILE  DD DSN=PRD.PLC.DAILY.EXTRACT,DISP=(NEW,CATLG,DELETE)\n//STEP020  EXEC PGM=SORT,COND=(4,LT,STEP010)\n//SORTIN   DD DSN=PRD.PLC.DAILY.EXTRACT,DISP=SHR\n//SORTOUT  DD DSN=PRD.PLC.DAILY.SORTED,DISP=(NEW,CATLG,DELETE)\n//SYSIN    DD *\n  SORT FIELDS=(1,10,CH,A)\n/*\n//STEP030  EXEC PGM=PRMCALC4,COND=((4,LT,STEP010),(4,LT,STEP020))\n//POLIN    DD DSN=PRD.PLC.DAILY.SORTED,DISP=SHR\n//PREMOUT  DD DSN=PRD.PRM.DAILY.OUT,DISP=(NEW,CATLG,DELETE)\n//STEP040  EXEC PGM=GLFEED,COND=(4,LT)\n//PREMIN   DD DSN=PRD.PRM.DAILY.OUT,DISP=SHR\n//GLOUT    DD DSN=PRD.GL.FEED.DAILY,DISP=(NEW,CATLG,DELETE)\n//STEP050  EXEC PGM=FTPSEND,COND=EVEN\n//SYSIN    DD DSN=PRD.CTL.FTP.GLFEED,DISP=SHR\n```")

R("haiku", "explain", "data", "typos", None,
  "explain a short COND parameter",
  "what does COND=EVEN mean on the last step, and COND=(4,LT)? the jcl syntax confuses me alot")

R("sonnet", "explain", "data", "plain", None,
  "explaining a medium ABAP routine; non-trivial code",
  "Can you explain this ABAP function for someone who only knows Java? We have to reimplement it.\n\n```abap\nFUNCTION z_calc_dunning_level.\n  DATA: lt_items  TYPE TABLE OF bsid,\n        ls_item   TYPE bsid,\n        lv_days   TYPE i,\n        lv_maxdays TYPE i VALUE 0,\n        lv_amount TYPE dmbtr VALUE 0.\n\n  SELECT * FROM bsid INTO TABLE lt_items\n    WHERE bukrs = iv_bukrs\n      AND kunnr = iv_kunnr\n      AND zlspr = space.\n\n  LOOP AT lt_items INTO ls_item.\n    lv_days = sy-datum - ls_item-zfbdt - ls_item-zbd1t.\n    IF lv_days > lv_maxdays.\n      lv_maxdays = lv_days.\n    ENDIF.\n    IF ls_item-shkzg = 'S'.\n      lv_amount = lv_amount + ls_item-dmbtr.\n    ELSE.\n      lv_amount = lv_amount - ls_item-dmbtr.\n    ENDIF.\n  ENDLOOP.\n\n  IF lv_amount <= iv_min_amount.\n    ev_level = 0.\n  ELSEIF lv_maxdays > 60.\n    ev_level = 3.\n  ELSEIF lv_maxdays > 30.\n    ev_level = 2.\n  ELSEIF lv_maxdays > 14.\n    ev_level = 1.\n  ELSE.\n    ev_level = 0.\n  ENDIF.\nENDFUNCTION.\n```")

R("haiku", "question", "data", "plain", None,
  "short factual SAP question",
  "What's the difference between tables BSID and BSAD in SAP?")

R("sonnet", "review", "ml", "plain", None,
  "reviewing a diff for correctness; everyday review",
  "Review this diff to our inference service, anything wrong?\n\n```diff\n--- a/serving/app.py\n+++ b/serving/app.py\n@@ -18,22 +18,31 @@ app = FastAPI()\n-model = None\n+model = None\n+tokenizer = None\n \n @app.on_event(\"startup\")\n def load():\n-    global model\n+    global model, tokenizer\n     model = AutoModelForSequenceClassification.from_pretrained(MODEL_DIR)\n-    model.eval()\n+    tokenizer = AutoTokenizer.from_pretrained(MODEL_DIR)\n+    model.to(DEVICE)\n \n @app.post(\"/predict\")\n-def predict(req: PredictRequest):\n-    enc = tok(req.texts, return_tensors=\"pt\", padding=True)\n-    with torch.no_grad():\n-        logits = model(**enc).logits\n-    return {\"probs\": logits.softmax(-1).tolist()}\n+async def predict(req: PredictRequest):\n+    if len(req.texts) > 64:\n+        raise HTTPException(413, \"too many texts\")\n+    enc = tokenizer(req.texts, return_tensors=\"pt\", padding=True, truncation=True, max_length=512)\n+    logits = model(**enc).logits\n+    probs = logits.softmax(-1)\n+    return {\n+        \"labels\": [model.config.id2label[i] for i in probs.argmax(-1).tolist()],\n+        \"probs\": probs.tolist(),\n+    }\n```")

R("opus", "review", "ml", "verbose", None,
  "TB10: review of a concurrency change in serving (shared model across threads, async blocking event loop, CUDA streams) needs concurrency reasoning",
  "Follow-up to that serving diff: to get more throughput a colleague wants to run the model call in a ThreadPoolExecutor with 8 workers from the async endpoint, share the single model and tokenizer across threads, and use one CUDA stream per worker. Is that actually safe and would it help? I'd like the reasoning about the GIL, the HF fast tokenizer's thread safety, CUDA stream semantics and the event loop, not just yes or no.")

R("haiku", "edit", "ml", "plain", None,
  "mechanical format conversion of a short CSV",
  "Convert these rows to JSON lines, numbers as numbers, empty as null.\n\n```csv\n" + "\n".join(FEATURES.split("\n")[:8]) + "\n```")

R("opus", "design", "ml", "plain", "easy-words-hard",
  "TB6: plain words; safe rollout of a new model with shadow/canary and guardrails for a money-impacting system",
  "We have a new fraud model that looks better offline. How do we switch to it in production without hurting customers?")

R("sonnet", "implement", "ml", "plain", None,
  "implementing an evaluation script with clear metrics",
  "Write an evaluation script for the fraud model: load predictions parquet (entity_id, score, label, event_ts), compute ROC-AUC, PR-AUC, recall at 1% FPR, and precision/recall at the threshold that keeps the alert rate at 0.5%; also the same metrics per country. Print a table and save a PR curve PNG.")

R("haiku", "question", "ml", "terse", "hard-words-easy",
  "ML jargon; the ask is a single flag",
  "torchrun elastic launch, 2 nodes x 8 gpus, c10d rendezvous — what's the flag for number of processes per node")

R("opus", "debug", "ml", "plain", None,
  "model quality drop with no clear lead across data, features and serving",
  "Recommendation CTR dropped 9% two weeks ago and stayed there. No model deploy that week. Feature pipelines show green, no schema change. There was a Kafka upgrade and a change in how the app logs impressions, both 'unrelated'. Where would you look, and how would you separate a data bug from a real behaviour change?")

R("sonnet", "debug", "ml", "plain", None,
  "CUDA OOM with identifiable cause (storing loss tensors with graph)",
  "Memory grows every step until CUDA OOM around step 3000. Why?\n\n```python\nlosses = []\nfor step, batch in enumerate(dl):\n    out = model(**batch)\n    loss = out.loss\n    loss.backward()\n    opt.step(); opt.zero_grad()\n    losses.append(loss)\n    if step % 100 == 0:\n        print(step, sum(losses) / len(losses))\n```")

R("haiku", "edit", "ml", "follow-up", None,
  "TB8: trivial follow-up edit",
  "ok use loss.item() then. also rename losses to running_losses")

R("opus", "explain", "security", "plain", None,
  "crypto reasoning: why ECDSA nonce reuse leaks the private key, with the math",
  "Explain, with the actual algebra, how two ECDSA signatures with the same nonce k reveal the private key, and whether deterministic nonces (RFC 6979) fully remove the risk when the signing runs on a device that can be fault-injected.")

R("sonnet", "implement", "security", "plain", None,
  "implementing envelope encryption with a KMS using known APIs",
  "Write a Java helper for envelope encryption with AWS KMS: GenerateDataKey (AES-256), encrypt the payload with AES-GCM using a random 12-byte IV, store {encryptedDataKey, iv, ciphertext, keyId} as JSON, and the reverse. Use the AWS SDK v2 and javax.crypto only; include the encryption context 'tenant'.")

R("haiku", "question", "security", "typos", None,
  "short factual",
  "whats the diffrence between sts:AssumeRole and iam:PassRole, im confused")

R("sonnet", "edit", "security", "plain", None,
  "writing an IAM policy from a clear spec",
  "Write a least-privilege IAM policy for a Lambda that reads objects under s3://acme-exports-prod/reports/ , writes to the SQS queue report-ready, and decrypts with KMS key alias/exports only when the encryption context has bucket=acme-exports-prod.")

R("opus", "review", "security", "non-native", None,
  "TB10: reviewing a JWT verification for algorithm confusion etc. is security review",
  "Please check if our JWT verification in Python is secure. Colleague wrote it fast, I have bad feeling.\n\n```python\ndef verify(token: str) -> dict:\n    header = json.loads(b64url_decode(token.split('.')[0]))\n    key = PUBLIC_KEYS.get(header.get('kid'), SHARED_SECRET)\n    claims = jwt.decode(token, key, algorithms=[header['alg']], options={'verify_aud': False})\n    if claims.get('exp', 0) < time.time() - 3600:\n        raise Expired()\n    return claims\n```")

R("haiku", "question", "security", "other-language", None,
  "TB9: short factual question in Swedish",
  "Vad betyder 'salt' när man hashar lösenord, och varför behövs det? Kort förklaring tack.",
  language="sv")

R("opus", "design", "security", "other-language", "easy-words-hard",
  "TB9/TB6: plain Czech ask that is a secure secret-distribution design",
  "Jak bychom měli bezpečně dostat hesla k databázím a API klíče do našich 60 služeb v Kubernetes, aby je nikdo neviděl v gitu ani v logu a aby šly pravidelně měnit bez výpadku?",
  language="cs")
# ---------------------------------------------------------------------------
# Batch 8: traps in both directions, tests, plans, follow-ups
# ---------------------------------------------------------------------------
_t = random.Random(2213)

R("opus", "design", "web", "terse", "short-hard",
  "a few words asking for a distributed rate limiter with consistency trade-offs",
  "distributed rate limiter across 12 spring pods, per tenant, redis. exact or approximate?")

R("opus", "design", "systems", "terse", "short-hard",
  "short ask for a lock-free SPSC queue between ISR and task with correctness reasoning",
  "lock-free spsc queue isr->task on cortex-m0 (no ldrex/strex). correct?")

R("opus", "design", "general", "terse", "short-hard",
  "short; designing a deterministic physics/lockstep for cross-platform requires fixed-point and careful reasoning",
  "deterministic physics across x64 + arm for rollback netcode. floats or fixed point?")

R("opus", "question", "security", "terse", "short-hard",
  "short but needs reasoning about padding-oracle exploitability",
  "cbc + hmac, but we check padding before mac. exploitable?")

R("opus", "design", "ml", "terse", "short-hard",
  "short; online/offline consistent feature computation with late events is a streaming consistency design",
  "streaming features w/ late events, exactly same values online and offline. flink? how")

R("opus", "design", "data", "terse", "short-hard",
  "short; reconciliation proof for a parallel run to the cent is a correctness plan",
  "parallel run mainframe vs java, prove equivalence nightly. approach")

R("opus", "design", "mobile", "terse", "short-hard",
  "short; CRDT-based offline sync is a hard design",
  "crdt for offline notes sync ios+android+web?")

R("haiku", "question", "web", "verbose", "hard-words-easy",
  "lots of distributed-systems vocabulary around a trivial question about an HTTP header name",
  "We have a globally distributed, event-sourced CQRS platform on Spring Cloud with a Kafka Streams topology, Axon for aggregates, a GraphQL federation gateway in front and OpenTelemetry traces propagated through W3C trace context. The frontend team is asking me something very basic and I'm blanking: what's the name of the HTTP header that carries the W3C trace context?")

R("haiku", "question", "security", "plain", "hard-words-easy",
  "crypto jargon; the ask is the key length of AES-256 in bytes",
  "We're implementing hybrid post-quantum key exchange (X25519 + ML-KEM-768) feeding HKDF-SHA384 into an AEAD, with key commitment concerns and nonce-misuse resistance debated in the design doc. Stupid question at the end of a long day: AES-256 key is how many bytes?")

R("haiku", "edit", "systems", "plain", "hard-words-easy",
  "RTOS jargon; the ask is changing one #define",
  "In our safety-certified (IEC 61508 SIL2) FreeRTOS build with MPU-wrapped tasks, tickless idle, and a lockstep Cortex-R5 pair, the config has `#define configTICK_RATE_HZ ((TickType_t)100)`. Change it to 1000, that's the whole task.")

R("haiku", "question", "ml", "plain", "hard-words-easy",
  "ML jargon; the ask is how to print the number of parameters",
  "After LoRA adapters on a 7B decoder with rotary embeddings, grouped-query attention, 4-bit NF4 quantisation via bitsandbytes and paged AdamW, I want to print the number of trainable parameters of my PyTorch model. One-liner?")

R("haiku", "question", "data", "plain", "hard-words-easy",
  "SAP/mainframe jargon; the ask is a date format string",
  "Our SAP BW extractor delta-queue via ODP feeds a CDC pipeline into Snowflake alongside the z/OS DB2 unload via IBM InfoSphere replication, with SCD2 history on both. The DB2 timestamps look like 2024-03-14-09.22.51.123456. What's the Python strptime format for that?")

R("haiku", "question", "mobile", "plain", "hard-words-easy",
  "mobile jargon; the ask is a one-line Swift string formatting",
  "We're on a modular TCA architecture with SwiftUI, swift-dependencies, Swift 6 strict concurrency and App Intents. In a reducer I just need to format a Double as a string with two decimals. What's the simplest way?")

R("haiku", "explain", "general", "plain", "hard-words-easy",
  "graphics jargon; the ask is what a one-line shader expression does",
  "In our URP custom render feature with a compute-based GPU-driven culling pass, bindless descriptors on the PS5 path and temporal upscaling, one fragment shader has `col.rgb = pow(col.rgb, 1.0/2.2);`. What does that line do?")

R("haiku", "ops", "infrastructure", "plain", "hard-words-easy",
  "infra jargon; the ask is one terraform command",
  "Our Terraform monorepo uses Terragrunt with remote state in S3 plus DynamoDB locking, OPA conftest policies, Atlantis for PR plans and workspaces per region across 40 accounts. I just need the command to see which resources are in the current state.")

R("opus", "debug", "web", "typos", "easy-words-hard",
  "TB6: plain words, lost updates after failover; distributed consistency debugging without lead",
  "after our databse failover last tuesday some customers say there address change from that morning is gone. only a few. how do we find out what happend?")

R("opus", "design", "web", "plain", "easy-words-hard",
  "TB6: plain words; cache invalidation across services with consistency requirements",
  "Prices are cached in each of our services and sometimes customers see an old price at checkout. How should we do caching so that doesn't happen?")

R("opus", "plan", "web", "plain", "easy-words-hard",
  "TB6: plan to introduce feature flags across services",
  "Plan how we introduce feature flags across our 30 Java and .NET services.")

R("opus", "design", "systems", "plain", "easy-words-hard",
  "TB6: plain words; recovery protocol for robots after comms loss is a safety/distributed design",
  "If a robot loses Wi-Fi in the middle of the warehouse, what should it do, and what should the fleet server do? Design the recovery.")

R("opus", "design", "ml", "plain", "easy-words-hard",
  "TB6: plain words; reproducibility across distributed training is hard",
  "We need every training run to be reproducible so the auditors can re-run it. How do we do that for our PyTorch jobs on 16 GPUs?")

R("opus", "design", "general", "typos", "easy-words-hard",
  "TB6: plain words; a save system robust against cloud-sync conflicts across devices",
  "players can play our game on pc and steam deck and the saves sync thru the cloud. sometimes ppl loose progress. how shoud the save system work?")

R("opus", "debug", "systems", "plain", "easy-words-hard",
  "TB6: plain words; a stall nobody can reproduce in embedded firmware",
  "Sometimes the display on our device freezes for a few seconds and then continues. The rest of the device works. Happens in customers' homes, never in the lab.")

R("opus", "design", "data", "plain", "easy-words-hard",
  "TB6: plain words; exactly-once file transfer/reprocessing semantics for batch feeds",
  "Our nightly files to the bank sometimes get sent twice or not at all when the job is restarted. How should the job be built so this can't happen?")

R("opus", "design", "security", "plain", "easy-words-hard",
  "TB6: plain words; secure multi-tenant authorization model",
  "Customers of our SaaS want their own admins to decide who in their company can see which reports. How should we build permissions?")

R("opus", "debug", "mobile", "plain", "easy-words-hard",
  "TB6: plain words; intermittent duplicate payments from the mobile app under flaky networks",
  "A few users got charged twice when they tapped Pay on the train. The app only sends one request as far as we can tell. What's going on?")

R("sonnet", "test", "web", "plain", None,
  "writing integration tests with Testcontainers; everyday",
  "Write a Spring Boot integration test with Testcontainers (Postgres 16 and Kafka) for the invoice flow: POST /api/v2/invoices creates a row and publishes invoice.created with the right key. Use @ServiceConnection, Awaitility for the Kafka assertion, and clean the tables between tests.")

R("sonnet", "test", "systems", "plain", None,
  "writing tests for an existing ROS 2 node",
  "Add launch_testing tests for the obstacle detector node you wrote: publish synthetic LaserScans (clear, obstacle at 0.4 m in front, obstacle at 0.4 m but outside the cone, and 0.55 m after being close to check hysteresis) and assert on /obstacle_close.")

R("sonnet", "test", "mobile", "plain", None,
  "writing Flutter widget tests for a specified widget",
  "Write widget tests for the AmountField from earlier: typing '12345.6' shows '12,345.6' in en_US, letters are ignored, the callback gets 1234560 minor units, and the error text appears above max.")

R("sonnet", "test", "data", "plain", None,
  "writing golden-file tests for a converter",
  "For the COMP-3 decoder, write a test suite that reads golden files: a binary file of 500 records produced on the mainframe and the expected CSV produced there by DFSORT. Compare record by record, print the first 10 mismatches with hex dumps. JUnit 5 with @ParameterizedTest over the files in src/test/resources/golden.")

R("sonnet", "test", "security", "plain", None,
  "writing tests for the webhook filter",
  "Tests for the webhook signature filter: valid signature passes, wrong signature 401, missing header 401, timestamp older than tolerance 401, body still readable in the controller. MockMvc.")

R("sonnet", "test", "ml", "non-native", None,
  "writing tests for the feature pipeline function",
  "Can you write pytest tests for the build_training_frame function, I want to check the median imputation per country is right, that the one-hot columns are always the same even when one device type is missing in the input, and split is reproducible with the seed.")

R("opus", "plan", "infrastructure", "verbose", None,
  "large infra migration plan (on-prem WebSphere to k8s) across many apps with sequencing and rollback",
  "We have 70 Java EE apps on IBM WebSphere 8.5 on-prem, some with EJB remote calls between them, JMS on MQ, and shared datasource definitions. Target is OpenShift with Spring Boot or Quarkus. Can you help me draft the programme plan: how to classify the apps, which ones to lift-and-shift to Liberty containers vs rewrite, what to do with the remote EJB calls and XA transactions, and the order of waves with rollback for each?")

R("opus", "plan", "ml", "plain", None,
  "multi-step plan across teams for GPU platform and training infra with trade-offs",
  "We're 6 ML engineers sharing 32 GPUs through SSH and a spreadsheet. Plan the move to a proper training platform (Kubernetes with Kueue, or Slurm, or a managed service), covering scheduling and quotas, data access, experiment tracking, and how to migrate people without stopping their work.")

R("sonnet", "plan", "mobile", "plain", None,
  "plan for a known-steps upgrade (Flutter 2 to 3 with null safety) in a small app",
  "Give me a step-by-step checklist to move our small Flutter app (about 40 screens, 25 packages) from Flutter 2.10 to 3.22 with sound null safety. Which commands, what order for the packages, what typically breaks.")

R("haiku", "docs", "web", "plain", None,
  "short docstring addition",
  "Add a Javadoc to this method:\n\n```java\npublic static BigDecimal toMajorUnits(long minor, Currency currency) {\n    return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits());\n}\n```")

R("sonnet", "docs", "data", "plain", None,
  "writing an ADR documenting a decision with context; several sections needing care",
  "Write an ADR (Nygard format) for our decision to decode COMP-3 on the Java side instead of asking the mainframe team to produce CSV: context (character set issues, batch window, ownership), decision, consequences, and alternatives we rejected.")

R("haiku", "docs", "systems", "terse", None,
  "short commit message",
  "commit msg: fix uart dma idle callback not rearming after error")

R("sonnet", "debug", "web", "follow-up", None,
  "TB8: points back only",
  "ok continue")

R("sonnet", "implement", "web", "follow-up", None,
  "TB8: 'same for the other service' is implementation work",
  "great, now do the same ProblemDetail handler for the claims .NET API, same mapping rules")

R("opus", "design", "web", "follow-up", None,
  "TB8: 'now make it work across regions' turns it into multi-region consistency design",
  "and now make the rate limiter work across our two regions, EU and US, with a shared per-tenant limit")

R("haiku", "edit", "mobile", "follow-up", None,
  "TB8: trivial edit",
  "put the strings in Localizable.strings instead of hardcoding, just those three")

R("sonnet", "debug", "ml", "follow-up", None,
  "TB8: points back only",
  "still OOM at the same step. what else")

R("opus", "implement", "systems", "follow-up", None,
  "TB8: 'now make it lock-free' asks for lock-free concurrent code",
  "now make the ring buffer lock-free for two producer ISRs at different priorities")

R("haiku", "question", "tooling", "terse", None,
  "one-liner git",
  "git undo last commit keep changes")

R("haiku", "question", "tooling", "plain", None,
  "one-liner shell",
  "Shell one-liner to find all *.cbl files under src/ that contain 'EXEC CICS'.")

R("haiku", "question", "tooling", "typos", None,
  "short regex",
  "regex for an italian codice fiscale? just basic format check is ok, not the checksum")

R("haiku", "question", "web", "non-native", None,
  "simple factual",
  "In Java what is the better way to compare two BigDecimal for equality, because equals is giving me false for 2.0 and 2.00?")

R("haiku", "question", "general", "plain", None,
  "simple factual",
  "In Unreal, what's the difference between BeginPlay and the constructor?")

R("haiku", "question", "systems", "plain", None,
  "simple factual",
  "What baud rates can the STM32F4 USART do at 84 MHz APB2 with oversampling 16? Roughly the max is fine.")

R("sonnet", "implement", "tooling", "plain", None,
  "writing a script with clear spec",
  "Write a Python script that walks a directory of COBOL sources, finds every COPY statement, and outputs a CSV of program -> copybook plus a list of copybooks never used. Handle COPY ... REPLACING and copybook names in quotes.")

R("sonnet", "implement", "tooling", "verbose", None,
  "writing a Gradle convention plugin with clear spec",
  "We have 9 Android modules with copy-pasted build.gradle.kts blocks. I'd like a convention plugin in build-logic/ that sets compileSdk 34, minSdk 26, Java 17 toolchain, Kotlin options, enables buildConfig only for the app module, and adds the common test dependencies. Then show how one module's build file shrinks. We already have a libs.versions.toml.")

R("sonnet", "ops", "infrastructure", "other-language", None,
  "TB9: CI pipeline in Italian with clear requirements",
  "Mi serve una pipeline Azure DevOps per il nostro servizio .NET 8: restore, build, test con copertura (coverlet), pubblicazione dell'immagine Docker su ACR solo dal branch main, e deploy su AKS con approvazione manuale per la produzione.",
  language="it")

R("haiku", "question", "web", "other-language", None,
  "TB9: simple factual in Italian",
  "In Spring Boot, come si legge una proprietà da application.yml dentro un bean? Basta un esempio corto.",
  language="it")

R("sonnet", "debug", "systems", "other-language", None,
  "TB9: debug with identifiable cause in Czech (timer prescaler)",
  "Na STM32F103 mi PWM běží na špatné frekvenci, místo 20 kHz mám asi 10 kHz. Časovač TIM2, APB1 je 36 MHz, prescaler 0, period 3599. Kde dělám chybu?",
  language="cs")

R("opus", "review", "systems", "other-language", None,
  "TB9/TB10: concurrency review in Swedish (shared state between ISR and main loop)",
  "Kan du granska den här koden? Vi delar en 32-bitars räknare och en struct med sensorvärden mellan en avbrottsrutin och huvudloopen på en Cortex-M0, och ibland får vi orimliga värden. Jag vill veta exakt vilka kapplöpningar som finns och hur man löser dem utan att stänga av avbrott för länge.\n\n```c\nvolatile uint32_t ticks;\nvolatile struct { int16_t ax, ay, az; uint32_t ts; } sample;\n\nvoid EXTI0_1_IRQHandler(void) {\n    sample.ax = imu_read(AX); sample.ay = imu_read(AY); sample.az = imu_read(AZ);\n    sample.ts = ticks;\n    EXTI->PR = 1;\n}\n\nvoid SysTick_Handler(void) { ticks++; }\n\nint main(void) {\n    for (;;) {\n        int16_t ax = sample.ax, ay = sample.ay, az = sample.az;\n        uint32_t age = ticks - sample.ts;\n        if (age < 10) filter_update(ax, ay, az);\n    }\n}\n```",
  language="sv")
# ---------------------------------------------------------------------------
# Batch 9: more medium pastes, sonnet-heavy everyday work
# ---------------------------------------------------------------------------
_u = random.Random(2214)
LOG_PAY = spring_log(_u, 42, error_every=9, warn_every=13, app="payment-svc")
LOG_PAY2 = spring_log(_u, 40, warn_every=8, app="claims-adapter")
ROS_MED = rosout(_u, 60)
CS_MED = csharp_service(_u, 4, cls="SalvageService")
CSV_MED = feature_csv(_u, 40)
TORCH_MED = torch_log(_u, 6, 250)

R("sonnet", "debug", "web", "plain", None,
  "log shows a unique-constraint violation, ledger timeouts and SQLState errors; identifiable causes",
  "payment-svc is throwing ERRORs every few minutes. Can you group them by cause and tell me which look like bugs on our side and which come from dependencies (PSP, database)? Suggest a fix for ours.\n\n```\n" + LOG_PAY + "\n```")

R("haiku", "edit", "web", "plain", "long-trivial",
  "TB5: extracting invoice numbers from a log is mechanical",
  "Extract all invoice numbers (INV-xxxxxx) that appear in this log, unique, sorted.\n\n```\n" + LOG_PAY + "\n```")

R("haiku", "question", "web", "typos", None,
  "lookup in a medium log",
  "whats the slowest request duration in this log? the 'in N ms' part\n\n```\n" + LOG_PAY2 + "\n```")

R("sonnet", "implement", "web", "plain", None,
  "adding structured logging and MDC to a service; known steps",
  "Our logs look like the ones below. Switch billing and payment services to JSON logs with logstash-logback-encoder, put traceId/spanId (Micrometer Tracing), tenant and customer id into the MDC via a servlet filter, and keep the plain format for the local profile. Show logback-spring.xml and the filter.\n\n```\n" + "\n".join(LOG_PAY2.split("\n")[:25]) + "\n```")

R("sonnet", "debug", "systems", "plain", None,
  "short rosout with a clear failure (serial timeout on IMU) causing downstream warnings",
  "Nav stack keeps doing recovery behaviours in this run. What's the root cause in the log and what do I check on the hardware side?\n\n```\n" + ROS_MED + "\n```")

R("haiku", "question", "systems", "plain", None,
  "listing distinct nodes in a short log",
  "Which distinct nodes appear in this log?\n\n```\n" + ROS_MED + "\n```")

R("sonnet", "refactor", "web", "plain", None,
  "refactoring a C# service to use a result type and remove duplication; everyday",
  "Refactor this: pull the repeated load/not-found/save pattern into a private helper, make all methods async with CancellationToken passed through, and keep the public API otherwise.\n\n```csharp\n" + CS_MED + "\n```")

R("haiku", "edit", "web", "terse", None,
  "mechanical: sort using directives",
  "sort + dedupe the usings\n\n```csharp\nusing System.Threading.Tasks;\nusing Acme.Claims.Domain;\nusing System;\nusing Microsoft.Extensions.Logging;\nusing System.Linq;\nusing Acme.Claims.Domain;\nusing System.Collections.Generic;\n```")

R("sonnet", "explain", "web", "non-native", None,
  "explaining a medium C# class; non-trivial",
  "Please can you explain me what this service is doing in each method, and if there is some method that looks wrong in the business logic? I am new in the claims team.\n\n```csharp\n" + CS_MED + "\n```")

R("haiku", "question", "ml", "plain", None,
  "reading a value from a medium log",
  "What was val_acc at the last epoch here?\n\n```\n" + TORCH_MED + "\n```")

R("sonnet", "implement", "ml", "plain", None,
  "parsing a training log into a plot; clear spec",
  "Write a script that parses logs in this format into a DataFrame (epoch, step, loss, lr, grad_norm, samples/s, and the per-epoch val_loss/val_acc) and plots loss and val_loss on one chart and lr on a second axis. matplotlib only.\n\n```\n" + "\n".join(TORCH_MED.split("\n")[:30]) + "\n```")

R("sonnet", "implement", "ml", "plain", None,
  "feature validation with Great Expectations-like checks; clear spec",
  "Write data validation for this feature table with pandera: types, entity_id pattern u_\\d{6}, event_ts parseable UTC, non-negative counts and amounts, chargeback_rate_90d in [0,1], country in our allowed list, label 0/1, and at most 10% nulls in avg_basket. Fail the Airflow task with a readable report.\n\n```csv\n" + CSV_MED + "\n```")

R("haiku", "question", "ml", "plain", None,
  "simple count on CSV",
  "How many distinct countries are in this sample?\n\n```csv\n" + CSV_MED + "\n```")

R("sonnet", "debug", "mobile", "plain", None,
  "Kotlin coroutine exception with identifiable cause (network on main thread)",
  "Crash on older devices only. Why, and what's the idiomatic fix?\n\n```\nFATAL EXCEPTION: main\nProcess: eu.acmebank.app, PID: 8812\nandroid.os.NetworkOnMainThreadException\n\tat android.os.StrictMode$AndroidBlockGuardPolicy.onNetwork(StrictMode.java:1565)\n\tat java.net.Inet6AddressImpl.lookupHostByName(Inet6AddressImpl.java:115)\n\tat java.net.InetAddress.getAllByName(InetAddress.java:1152)\n\tat okhttp3.Dns$Companion$DnsSystem.lookup(Dns.kt:49)\n\tat okhttp3.internal.connection.RouteSelector.resetNextInetSocketAddress(RouteSelector.kt:169)\n\tat okhttp3.internal.connection.RealCall.execute(RealCall.kt:154)\n\tat eu.acmebank.app.fx.FxRatesClient.fetchBlocking(FxRatesClient.kt:41)\n\tat eu.acmebank.app.fx.FxViewModel$load$1.invokeSuspend(FxViewModel.kt:27)\n\tat kotlin.coroutines.jvm.internal.BaseContinuationImpl.resumeWith(ContinuationImpl.kt:33)\n\tat kotlinx.coroutines.DispatchedTask.run(DispatchedTask.kt:108)\n\tat android.os.Handler.handleCallback(Handler.java:942)\n\tat android.os.Looper.loop(Looper.java:288)\n```\n\nFxViewModel: `fun load() = viewModelScope.launch { _rates.value = client.fetchBlocking() }`")

R("sonnet", "implement", "mobile", "typos", None,
  "implementing a feature with clear spec",
  "need biometric login on android with BiometricPrompt, fallback to device pin, and the refresh token should be encrypted with a Keystore key that requires user auth. kotlin pls, jetpack compose screen is allready there, just the logic + a small wrapper class")

R("sonnet", "debug", "general", "plain", None,
  "Unity build error with identifiable cause (editor namespace in runtime assembly)",
  "Editor play mode is fine but the Android build fails with this. How do I fix it properly?\n\n```\nAssets/Scripts/Level/SpawnPointGizmo.cs(3,19): error CS0234: The type or namespace name 'Handles' does not exist in the namespace 'UnityEditor' (are you missing an assembly reference?)\nAssets/Scripts/Level/SpawnPointGizmo.cs(18,13): error CS0103: The name 'Handles' does not exist in the current context\nError building Player because scripts had compiler errors\nBuild completed with a result of 'Failed' in 14 seconds (14211 ms)\nUnityEditor.BuildPlayerWindow+BuildMethodException: 3 errors\n  at UnityEditor.BuildPlayerWindow+DefaultBuildMethods.BuildPlayer (UnityEditor.BuildPlayerOptions options) [0x002da] in /Users/bokken/build/output/unity/unity/Editor/Mono/BuildPlayerWindowBuildMethods.cs:196\n```")

R("sonnet", "implement", "general", "plain", None,
  "Godot feature implementation with clear spec",
  "Godot 4 GDScript: implement a dialogue system that reads dialogues from JSON (id, speaker, text, choices with next id and optional condition flag), shows text with a typewriter effect (skip on click), and emits signals when a choice sets a flag. Include the JSON format and the scene tree you expect.")

R("opus", "debug", "general", "plain", None,
  "memory corruption/crash only in shipping builds across threads; needs theory",
  "Our UE5 game crashes only in Shipping builds on PS5, roughly once per 6 hours of play, always in different places (TArray::Add, the GC, once in the audio mixer). Debug and Development builds have never crashed in 200 hours of soak testing. We have custom async loading code that touches UObjects from a worker thread. How would you approach finding this?")

R("sonnet", "review", "general", "plain", None,
  "reviewing a diff for correctness and style; everyday",
  "Review this diff of our inventory system before merge:\n\n```diff\n--- a/Assets/Scripts/Inventory/Inventory.cs\n+++ b/Assets/Scripts/Inventory/Inventory.cs\n@@ -12,18 +12,29 @@ public class Inventory : MonoBehaviour\n-    public List<ItemStack> items = new List<ItemStack>();\n+    [SerializeField] private List<ItemStack> items = new();\n+    public event Action<ItemStack> OnItemAdded;\n+    public int Capacity = 24;\n \n-    public void Add(Item item, int count)\n+    public bool Add(Item item, int count)\n     {\n-        items.Add(new ItemStack(item, count));\n+        foreach (var s in items)\n+        {\n+            if (s.Item == item && s.Count < item.MaxStack)\n+            {\n+                s.Count += count;\n+                OnItemAdded?.Invoke(s);\n+                return true;\n+            }\n+        }\n+        if (items.Count >= Capacity) return false;\n+        var stack = new ItemStack(item, count);\n+        items.Add(stack);\n+        OnItemAdded.Invoke(stack);\n+        return true;\n     }\n \n-    public void Remove(Item item)\n+    public void Remove(Item item, int count = 1)\n     {\n-        items.RemoveAll(s => s.Item == item);\n+        var s = items.Find(x => x.Item == item);\n+        s.Count -= count;\n+        if (s.Count == 0) items.Remove(s);\n     }\n```")

R("haiku", "question", "general", "terse", None,
  "short factual",
  "godot signal connect syntax in 4.x")

R("sonnet", "implement", "data", "plain", None,
  "SAP OData client with paging and delta; known steps",
  "Write a Python client that reads business partners from the S/4HANA OData V2 API (API_BUSINESS_PARTNER/A_BusinessPartner) with $select, server-side paging via __next, and delta tokens so the next run only fetches changes. Basic auth from env vars, retries on 429/503.")

R("sonnet", "debug", "data", "non-native", None,
  "IDoc status 51 with clear error message",
  "Our IDocs go in status 51 with message 'Material MAT-482913 not maintained in plant 3100'. But the material exists, I see it in MM03. What can be the problem? We send from the Java side the E2EDP19 with qualifier 002.")

R("opus", "design", "data", "verbose", None,
  "architecture for real-time SAP change data capture into a lakehouse with consistency and licensing trade-offs",
  "Our data team wants near-real-time SAP ECC data (sales orders, deliveries, billing, plus the FI line items) in Databricks, instead of the nightly extracts. Options I've seen: SLT replication, ODP via Azure Data Factory, third-party CDC tools reading the database logs, or SAP Datasphere. There are licensing concerns about reading the DB directly. Could you compare them and recommend an architecture, including how to deal with SAP's pool/cluster tables, deletes and keeping document headers and items consistent?")

R("sonnet", "refactor", "data", "plain", None,
  "refactoring COBOL-style Java (from a converter) into readable Java; several careful steps",
  "This came out of an automatic COBOL-to-Java converter. Rewrite it as normal Java: meaningful names, BigDecimal with the right scale instead of the custom PackedDecimal class, no GOTO-emulating state machine. Same results.\n\n```java\npublic class Prmcalc4 {\n    private PackedDecimal wsBasePrem = new PackedDecimal(9, 2);\n    private ZonedDecimal wsRiskFactor = new ZonedDecimal(1, 4);\n    private PackedDecimal wsTotalPrem = new PackedDecimal(11, 2);\n    private int nextPara = 2100;\n\n    public void run(PolicyRecord plc) {\n        while (nextPara != 0) {\n            switch (nextPara) {\n                case 2100:\n                    wsBasePrem.move(plc.getPlcPremAmt());\n                    nextPara = 2110;\n                    break;\n                case 2110:\n                    switch (plc.getPlcProdType()) {\n                        case \"A\": wsRiskFactor.move(\"1.0450\"); break;\n                        case \"H\": wsRiskFactor.move(\"1.2100\"); break;\n                        case \"L\": wsRiskFactor.move(\"0.9800\"); break;\n                        default: wsRiskFactor.move(\"1.0000\");\n                    }\n                    nextPara = 2120;\n                    break;\n                case 2120:\n                    wsTotalPrem.computeRounded(wsBasePrem.multiply(wsRiskFactor));\n                    if (plc.getPlcRegionCode().equals(\"NE\")) {\n                        wsTotalPrem.add(\"12.50\");\n                    }\n                    nextPara = 2130;\n                    break;\n                case 2130:\n                    plc.setPlcPremAmt(wsTotalPrem.toBigDecimal());\n                    nextPara = 0;\n                    break;\n            }\n        }\n    }\n}\n```")

R("haiku", "explain", "data", "plain", None,
  "short explanation of a known COBOL construct",
  "What does an 88-level in a COBOL copybook mean?")

R("opus", "review", "security", "plain", None,
  "TB10: security review of an API endpoint for IDOR/authorization flaws",
  "Review this endpoint for security issues. It lets customers download their statements.\n\n```java\n@GetMapping(\"/api/v2/statements/{statementId}/pdf\")\npublic ResponseEntity<Resource> download(@PathVariable String statementId,\n                                        @RequestParam(defaultValue = \"inline\") String disposition,\n                                        @AuthenticationPrincipal Jwt jwt) {\n    Statement s = statements.findById(statementId).orElseThrow(NotFound::new);\n    if (!jwt.getClaimAsString(\"tenant\").equals(s.getTenantId())) throw new Forbidden();\n    Path p = Paths.get(\"/data/statements\", s.getTenantId(), statementId + \".pdf\");\n    Resource r = new FileSystemResource(p);\n    return ResponseEntity.ok()\n        .header(HttpHeaders.CONTENT_DISPOSITION, disposition + \"; filename=\" + s.getFileName())\n        .contentType(MediaType.APPLICATION_PDF)\n        .body(r);\n}\n```\n\nstatementId is a string like `2024-03-C0012345`, customers only see their own in the UI.")

R("sonnet", "implement", "security", "plain", None,
  "implementing a fix with a known approach (ownership check + safe header)",
  "Fix the statement download: check the statement belongs to the calling customer (sub claim = customerId on the statement), not just the tenant; validate statementId against ^\\d{4}-\\d{2}-C\\d{7}$; build Content-Disposition with ContentDisposition.builder so the filename is encoded; only allow inline/attachment.")

R("haiku", "question", "security", "plain", None,
  "short factual",
  "Which nmap flag does service version detection?")

R("sonnet", "ops", "security", "plain", None,
  "configuring secret scanning in CI with known tools",
  "Add gitleaks to our GitHub Actions: run on every PR against the diff only, on main against full history weekly, fail on findings, with an allowlist file for the test fixtures under src/test/resources/fake-keys/.")

R("opus", "explain", "security", "verbose", None,
  "crypto: reasoning about TLS 1.3 0-RTT replay and when it's safe",
  "We're thinking of enabling TLS 1.3 0-RTT on our API gateway to cut latency for the mobile app. Can you explain what the replay risk is exactly, which of our endpoints would be dangerous (we have GET balance, POST transfer with an idempotency key, POST login), what the gateway and the backend need to do to make it safe, and whether it's worth it at all?")

R("haiku", "edit", "tooling", "plain", "long-trivial",
  "TB5: sorting keys of a medium JSON is mechanical",
  "Sort the top-level keys of this JSON alphabetically, keep the nested order as is.\n\n```json\n" + appsettings(_u, 5) + "\n```")

R("sonnet", "debug", "tooling", "plain", None,
  "Maven dependency conflict with clear error",
  "Build fails at runtime with `java.lang.NoSuchMethodError: 'com.google.common.collect.ImmutableMap com.google.common.collect.ImmutableMap.of(java.lang.Object, java.lang.Object, java.lang.Object, java.lang.Object, java.lang.Object, java.lang.Object, java.lang.Object, java.lang.Object, java.lang.Object, java.lang.Object, java.lang.Object, java.lang.Object)'` coming from the SAP Cloud SDK. We have guava 32 explicitly in the pom. How do I find which version wins and fix it?")

R("haiku", "question", "tooling", "terse", None,
  "one-liner maven",
  "mvn show dependency tree only for guava")

R("sonnet", "implement", "infrastructure", "plain", None,
  "Terraform module with clear spec",
  "Write a Terraform module for an SQS queue with a DLQ (maxReceiveCount 5), SSE with a customer-managed KMS key, a queue policy allowing only a given SNS topic ARN to send, and CloudWatch alarms on ApproximateAgeOfOldestMessage > 300 s and DLQ depth > 0. Variables and outputs included.")

R("haiku", "question", "infrastructure", "non-native", None,
  "simple factual",
  "Please what is difference between a Kubernetes liveness probe and readiness probe? Short explain.")

R("opus", "design", "infrastructure", "plain", None,
  "DR design with RPO/RTO trade-offs across regions for stateful services",
  "We need a disaster recovery design for our claims platform: RPO 5 minutes, RTO 1 hour. Stack: AKS, Azure SQL, Service Bus, Blob Storage, Redis, and an on-prem mainframe connection via ExpressRoute. Propose active-passive vs active-active, how each data store replicates, what happens to in-flight messages, and how to test failover without hurting production.")

R("sonnet", "debug", "infrastructure", "plain", None,
  "pod CrashLoopBackOff with clear cause in events (OOMKilled with container memory vs JVM)",
  "billing-svc pods keep restarting. `kubectl describe` shows `Last State: Terminated, Reason: OOMKilled, Exit Code: 137`, limit is 1Gi, and we set `-Xmx1g` in JAVA_OPTS. What's happening and what should the settings be?")

R("opus", "review", "web", "plain", None,
  "TB10: review of distributed lock implementation with Redis (expiry, fencing)",
  "Is this Redis lock safe for making sure only one pod runs the month-end ledger close?\n\n```java\npublic boolean runExclusive(String name, Duration ttl, Runnable job) {\n    String token = UUID.randomUUID().toString();\n    Boolean ok = redis.opsForValue().setIfAbsent(\"lock:\" + name, token, ttl);\n    if (!Boolean.TRUE.equals(ok)) return false;\n    try {\n        job.run();\n    } finally {\n        if (token.equals(redis.opsForValue().get(\"lock:\" + name))) {\n            redis.delete(\"lock:\" + name);\n        }\n    }\n    return true;\n}\n```\n\nThe close job takes 5-40 minutes, ttl is 30 minutes, and it writes to Postgres.")

R("sonnet", "implement", "web", "plain", None,
  "implementing ShedLock-based scheduling; known library integration",
  "Instead of our hand-rolled Redis lock, set up ShedLock with the JDBC provider for the month-end close @Scheduled job: lockAtMostFor 2h, lockAtLeastFor 5m, the table migration for Flyway, and the config class.")

R("haiku", "docs", "web", "plain", None,
  "short text task",
  "Write a two-sentence PR description for: replaced custom Redis lock with ShedLock for the month-end close job.")

R("sonnet", "explain", "systems", "plain", None,
  "explaining a medium piece of embedded code",
  "Explain what this clock configuration does step by step, and what SYSCLK ends up being:\n\n```c\nvoid SystemClock_Config(void)\n{\n  RCC_OscInitTypeDef RCC_OscInitStruct = {0};\n  RCC_ClkInitTypeDef RCC_ClkInitStruct = {0};\n\n  __HAL_RCC_PWR_CLK_ENABLE();\n  __HAL_PWR_VOLTAGESCALING_CONFIG(PWR_REGULATOR_VOLTAGE_SCALE1);\n\n  RCC_OscInitStruct.OscillatorType = RCC_OSCILLATORTYPE_HSE;\n  RCC_OscInitStruct.HSEState = RCC_HSE_ON;\n  RCC_OscInitStruct.PLL.PLLState = RCC_PLL_ON;\n  RCC_OscInitStruct.PLL.PLLSource = RCC_PLLSOURCE_HSE;\n  RCC_OscInitStruct.PLL.PLLM = 8;\n  RCC_OscInitStruct.PLL.PLLN = 336;\n  RCC_OscInitStruct.PLL.PLLP = RCC_PLLP_DIV4;\n  RCC_OscInitStruct.PLL.PLLQ = 7;\n  if (HAL_RCC_OscConfig(&RCC_OscInitStruct) != HAL_OK)\n  {\n    Error_Handler();\n  }\n\n  RCC_ClkInitStruct.ClockType = RCC_CLOCKTYPE_HCLK|RCC_CLOCKTYPE_SYSCLK\n                              |RCC_CLOCKTYPE_PCLK1|RCC_CLOCKTYPE_PCLK2;\n  RCC_ClkInitStruct.SYSCLKSource = RCC_SYSCLKSOURCE_PLLCLK;\n  RCC_ClkInitStruct.AHBCLKDivider = RCC_SYSCLK_DIV1;\n  RCC_ClkInitStruct.APB1CLKDivider = RCC_HCLK_DIV2;\n  RCC_ClkInitStruct.APB2CLKDivider = RCC_HCLK_DIV1;\n\n  if (HAL_RCC_ClockConfig(&RCC_ClkInitStruct, FLASH_LATENCY_2) != HAL_OK)\n  {\n    Error_Handler();\n  }\n}\n```\n\nHSE is an 8 MHz crystal.")

R("haiku", "question", "systems", "plain", None,
  "short factual",
  "What's the difference between HAL_GPIO_WritePin and HAL_GPIO_TogglePin? Trivial I know.")

R("sonnet", "implement", "systems", "non-native", None,
  "driver implementation with clear spec",
  "I need a driver for W25Q64 SPI flash on STM32 HAL: read JEDEC id, read data, page program (256 bytes, handle crossing page boundary), sector erase 4K, and wait busy with timeout. Please in C with a small header. The CS pin is PA4.")

R("opus", "debug", "systems", "verbose", None,
  "heisenbug: adding printf makes a timing bug disappear; needs theory across ISR priorities, DMA and caches",
  "We have a bug where the motor controller occasionally applies the previous setpoint instead of the new one, maybe once per 10,000 commands. When I add a printf or toggle a debug GPIO in the CAN receive path, it goes away completely. STM32G4, CAN RX in an ISR writes into a struct, a 10 kHz timer ISR reads it for the control loop, and a DMA updates the ADC readings in the same RAM bank. How would you reason about this and what would you try, in order?")
# ---------------------------------------------------------------------------
# Batch 10: minimal pairs and a last round of hard work in plain words
# ---------------------------------------------------------------------------
SNIP_CACHE = """```java
public class FxRateCache {
    private final Map<String, BigDecimal> rates = new ConcurrentHashMap<>();
    private final FxClient client;

    public BigDecimal rate(String pair) {
        return rates.computeIfAbsent(pair, p -> {
            if (p.startsWith("EUR")) {
                return client.fetch(p);
            }
            BigDecimal viaEur = rate("EUR" + p.substring(3)).divide(rate("EUR" + p.substring(0, 3)), 10, RoundingMode.HALF_EVEN);
            return viaEur;
        });
    }
}
```"""

R("haiku", "edit", "web", "plain", None,
  "minimal pair (trivial side): adding a Javadoc to a short class",
  "Add a one-line Javadoc to the rate method, nothing else.\n\n" + SNIP_CACHE)

R("opus", "debug", "web", "plain", None,
  "minimal pair (hard side): recursive computeIfAbsent on ConcurrentHashMap can deadlock/throw; concurrency semantics",
  "This cache sometimes hangs a request thread forever under load, and in tests I once got IllegalStateException: Recursive update. Why, exactly, and what's the right way to write it so concurrent callers still fetch each pair only once?\n\n" + SNIP_CACHE)

R("haiku", "question", "mobile", "plain", None,
  "minimal pair (trivial side): what a Swift keyword means",
  "What does `nonisolated` mean on a method in a Swift actor? One or two sentences.")

R("opus", "review", "mobile", "plain", None,
  "minimal pair (hard side): judging whether nonisolated access is data-race free requires concurrency reasoning",
  "Is this actually data-race free under Swift 6 strict concurrency, or does the nonisolated getter just hide a race?\n\n```swift\nactor SessionStore {\n    private var _session: Session?\n    nonisolated(unsafe) private var cachedUserId: String?\n\n    func update(_ s: Session) {\n        _session = s\n        cachedUserId = s.userId\n    }\n\n    nonisolated var userId: String? { cachedUserId }\n}\n```\n\nIt's read from the main thread for analytics and from background URLSession delegates.")

R("haiku", "question", "ml", "plain", None,
  "minimal pair (trivial side): what a DataLoader arg does",
  "What does `pin_memory=True` do in a PyTorch DataLoader?")

R("opus", "debug", "ml", "plain", None,
  "minimal pair (hard side): nondeterministic hang in DataLoader workers with DDP; no lead",
  "With pin_memory=True and num_workers=8 our DDP job hangs forever at a random point in epoch 2 or 3, GPUs at 0%, no error. py-spy shows the main process waiting in the pin-memory thread on one rank and in all_reduce on the others. It never happens with num_workers=0. What's going on?")

R("sonnet", "implement", "web", "verbose", None,
  "implementing an idempotency-key filter with clear rules (known pattern, spec given)",
  "OK so for the double-charge problem we decided: clients send an Idempotency-Key header, we store key + request hash + response in Postgres for 24h, a repeated key with the same hash returns the stored response, a different hash returns 422, and a key still in progress returns 409. Please implement it as a Spring HandlerInterceptor plus the repository and the Flyway table. We'll think about the edge cases after.")

R("opus", "review", "web", "follow-up", None,
  "TB8/TB10: reviewing the idempotency implementation for races between concurrent duplicates is concurrency review",
  "now go through the edge cases: two identical requests arriving at the same millisecond on different pods, a pod dying after the charge but before saving the response, and the gateway timing out. Does the implementation hold up? Be strict.")

R("sonnet", "debug", "general", "other-language", None,
  "TB9: Unity issue with identifiable cause in Czech (coroutine stopped when object disabled)",
  "V Unity mi přestane fungovat korutina, když hráč otevře inventář. Inventář deaktivuje GameObject s UI, na kterém ta korutina běží (StartCoroutine v InventoryUI). Proč se zastaví a jak to správně udělat?",
  language="cs")

R("opus", "design", "ml", "other-language", "easy-words-hard",
  "TB9/TB6: plain Swedish ask for an A/B testing and rollout design for models with statistical validity",
  "Hur ska vi jämföra vår nya rekommendationsmodell mot den gamla i produktion så att resultatet faktiskt går att lita på? Vi har ungefär 200 000 användare per dag.",
  language="sv")

R("haiku", "question", "data", "other-language", None,
  "TB9: simple factual in Italian",
  "Cosa significa lo stato 53 di un IDoc in SAP?",
  language="it")

R("opus", "plan", "security", "plain", "easy-words-hard",
  "TB6: plain words; retrofitting encryption/ key rotation across services is a high-stakes plan",
  "We need to rotate the encryption key that protects customer documents. There are 40 million files and four services read them. How do we do it?")

R("opus", "design", "systems", "plain", None,
  "open design of a robot software architecture with real-time and safety partitioning",
  "We're starting a new AMR product. Propose the software architecture: what runs on the STM32 motor controllers vs the Jetson running ROS 2, how they talk (CAN-FD vs Ethernet), where the safety functions (e-stop, speed limits near humans) must live and why, and how we keep the real-time parts independent from Linux.")

R("sonnet", "implement", "general", "terse", None,
  "clear spec implementation",
  "unity: camera shake component, trauma-based (trauma^2), perlin noise, decays over time, call AddTrauma(0.3f) from anywhere")

R("sonnet", "debug", "web", "plain", None,
  "known cause: timezone/DST bug in scheduled job with a clear symptom",
  "Our Spring @Scheduled(cron = \"0 30 2 * * *\") job didn't run on the last Sunday of March and ran twice at the end of October. Server is in Europe/Rome. Why, and how should we schedule it?")

R("opus", "debug", "data", "plain", None,
  "intermittent mismatches between systems after migration without a clear lead (character encoding, collation, rounding)",
  "After moving customer search from DB2 on z/OS to Postgres, about 1 in 5000 searches returns different results than the old system: sometimes extra customers, sometimes missing ones. Names with accents seem over-represented but not always. The data was copied with a nightly unload/load. How would you find all the causes?")
if __name__ == "__main__":
    with open("w22.jsonl", "w", encoding="utf-8") as f:
        for i, row in enumerate(ROWS, 1):
            f.write(json.dumps({"id": f"w22-{i:04d}", **row}, ensure_ascii=False) + "\n")
