#!/usr/bin/env python3
"""Writer w4: infrastructure/devops + security prompts for SHIM's routing corpus.
Run `python3 w4.py` to (re)write w4.jsonl deterministically."""
import json, os, random

ROWS = []

def P(label, category, domain, voice, trap, rationale, prompt, language="en"):
    ROWS.append(dict(prompt=prompt.strip("\n"), label=label, rationale=rationale, category=category,
                     domain=domain, voice=voice, language=language, trap=trap))

# ---------------------------------------------------------------- generators of long pasted material
def _ts(rng, base_h=2, day=14):
    return "2026-11-%02dT%02d:%02d:%02d.%03dZ" % (day, base_h, rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999))

def gen_app_log(seed, n, service="checkout-api", with_hint=None):
    rng = random.Random(seed)
    levels = ["INFO"] * 14 + ["DEBUG"] * 5 + ["WARN"] * 3 + ["ERROR"]
    paths = ["/v1/cart", "/v1/cart/items", "/v1/checkout", "/v1/payment/intent", "/healthz", "/v1/orders", "/v1/orders/{id}", "/v1/promo/apply"]
    msgs = {
        "INFO": ["request completed", "cache hit for key cart:{uid}", "published event order.created", "upstream call ok"],
        "DEBUG": ["db pool stats idle={a} inuse={b}", "feature flag new_pricing=false for {uid}", "retry budget remaining={a}"],
        "WARN": ["slow query took {ms}ms", "upstream payments responded 503, retrying attempt={a}", "circuit half-open for inventory-svc"],
        "ERROR": ["upstream connect error or disconnect/reset before headers. reset reason: connection termination", "context deadline exceeded calling inventory-svc", "pq: canceling statement due to statement timeout"],
    }
    out = []
    t = 0
    for i in range(n):
        t += rng.randint(3, 900)
        h, rem = divmod(t // 1000, 3600)
        m, s = divmod(rem, 60)
        lvl = rng.choice(levels)
        msg = rng.choice(msgs[lvl]).format(uid="u%06d" % rng.randint(1, 999999), a=rng.randint(0, 40), b=rng.randint(0, 40), ms=rng.randint(800, 9000))
        pod = "%s-7c9f%d8b6d-%s" % (service, rng.randint(0, 9), "".join(rng.choice("abcdefghjkmnpqrstvwxyz2345678") for _ in range(5)))
        line = json.dumps({"ts": "2026-11-14T%02d:%02d:%02d.%03dZ" % ((3 + h) % 24, m, s, t % 1000), "level": lvl, "svc": service, "pod": pod,
                           "trace_id": "%032x" % rng.getrandbits(128), "path": rng.choice(paths), "status": 200 if lvl in ("INFO", "DEBUG") else rng.choice([200, 502, 503, 504]),
                           "dur_ms": rng.randint(2, 400) if lvl != "ERROR" else rng.randint(1000, 30000), "msg": msg})
        out.append(line)
        if with_hint and i % with_hint == with_hint - 1:
            out.append(json.dumps({"ts": "2026-11-14T%02d:%02d:%02d.%03dZ" % ((3 + h) % 24, m, s, (t + 1) % 1000), "level": "WARN", "svc": "envoy-sidecar", "pod": pod,
                                   "msg": "upstream_reset_before_response_started{connection_termination} cluster=inventory-svc idle_timeout=60s keepalive=75s"}))
    return "\n".join(out)

def gen_journal(seed, n, host="ip-10-42-7-19"):
    rng = random.Random(seed)
    units = [("kubelet", ["I1114 {t} 2145 kubelet_node_status.go:{l}] Node status update", "E1114 {t} 2145 pod_workers.go:{l}] \"Error syncing pod, skipping\" err=\"failed to \\\"StartContainer\\\" for \\\"app\\\" with CrashLoopBackOff\"", "I1114 {t} 2145 kubelet.go:{l}] \"SyncLoop (PLEG): event for pod\" pod=\"default/web-{p}\"", "W1114 {t} 2145 eviction_manager.go:{l}] eviction manager: attempting to reclaim memory"]),
             ("containerd", ["time=\"2026-11-14T{t}Z\" level=info msg=\"StartContainer for \\\"{h}\\\" returns successfully\"", "time=\"2026-11-14T{t}Z\" level=info msg=\"shim disconnected\" id={h}", "time=\"2026-11-14T{t}Z\" level=warning msg=\"cleanup warnings time=\\\"2026-11-14T{t}Z\\\" level=info msg=\\\"starting signal loop\\\"\""]),
             ("kernel", ["eth0: renamed from veth{p}", "IPv6: ADDRCONF(NETDEV_CHANGE): veth{p}: link becomes ready", "cni0: port {l}(veth{p}) entered forwarding state", "Memory cgroup out of memory: Killed process {l} (java) total-vm:{k}kB, anon-rss:{k}kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:{l}kB oom_score_adj:{l}"]),
             ("systemd", ["Started libcontainer container {h}.", "run-containerd-runc-k8s.io-{h}-runc.{p}.mount: Deactivated successfully.", "Started session-{l}.scope - Session {l} of User ec2-user."]),
             ("sshd", ["Accepted publickey for ec2-user from 10.42.0.{l} port {k} ssh2: ED25519 SHA256:{h}", "pam_unix(sshd:session): session closed for user ec2-user"])]
    out = []
    sec = 0
    for i in range(n):
        sec += rng.randint(0, 11)
        hh, rem = divmod(sec, 3600)
        mm, ss = divmod(rem, 60)
        unit, tmpls = rng.choice(units)
        t = "%02d:%02d:%02d.%06d" % ((hh + 1) % 24, mm, ss, rng.randint(0, 999999))
        msg = rng.choice(tmpls).format(t=t, l=rng.randint(100, 999), p="%x" % rng.getrandbits(24), h="%016x" % rng.getrandbits(64), k=rng.randint(100000, 9000000))
        pid = {"kernel": "", "systemd": "[1]"}.get(unit, "[%d]" % rng.randint(800, 4000))
        out.append("Nov 14 %02d:%02d:%02d %s %s%s: %s" % ((hh + 1) % 24, mm, ss, host, unit, pid, msg))
    return "\n".join(out)

def gen_auth_log(seed, n):
    rng = random.Random(seed)
    bad_ips = ["185.220.101.%d" % rng.randint(1, 250) for _ in range(6)] + ["45.155.205.%d" % rng.randint(1, 250) for _ in range(4)] + ["103.99.0.%d" % rng.randint(1, 250) for _ in range(3)]
    users = ["root", "admin", "ubuntu", "test", "oracle", "postgres", "git", "deploy", "user1", "ftpuser"]
    out = []
    sec = 0
    for i in range(n):
        sec += rng.randint(1, 40)
        hh, rem = divmod(sec, 3600)
        mm, ss = divmod(rem, 60)
        ts = "Nov 12 %02d:%02d:%02d bastion-01" % (hh % 24, mm, ss)
        pid = rng.randint(10000, 99999)
        r = rng.random()
        if r < 0.55:
            ip = rng.choice(bad_ips); u = rng.choice(users)
            out.append("%s sshd[%d]: Failed password for invalid user %s from %s port %d ssh2" % (ts, pid, u, ip, rng.randint(30000, 65000)))
        elif r < 0.7:
            ip = rng.choice(bad_ips)
            out.append("%s sshd[%d]: Connection closed by authenticating user root %s port %d [preauth]" % (ts, pid, ip, rng.randint(30000, 65000)))
        elif r < 0.8:
            out.append("%s sshd[%d]: Accepted publickey for deploy from 10.20.%d.%d port %d ssh2: ED25519 SHA256:%s" % (ts, pid, rng.randint(0, 3), rng.randint(2, 250), rng.randint(30000, 65000), "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(43))))
        elif r < 0.9:
            out.append("%s sudo[%d]:   deploy : TTY=pts/%d ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/systemctl restart %s" % (ts, pid, rng.randint(0, 4), rng.choice(["nginx", "app", "node_exporter", "haproxy"])))
        else:
            out.append("%s sshd[%d]: Received disconnect from %s port %d:11: Bye Bye [preauth]" % (ts, pid, rng.choice(bad_ips), rng.randint(30000, 65000)))
    return "\n".join(out)

def gen_tf_plan(seed, n):
    rng = random.Random(seed)
    out = ["Terraform used the selected providers to generate the following execution plan. Resource actions are", "indicated with the following symbols:", "  + create", "  ~ update in-place", "-/+ destroy and then create replacement", "  - destroy", "", "Terraform will perform the following actions:", ""]
    counts = {"+": 0, "~": 0, "-/+": 0, "-": 0}
    kinds = ["aws_security_group_rule", "aws_iam_role_policy_attachment", "aws_route53_record", "aws_s3_bucket_policy", "aws_cloudwatch_metric_alarm", "aws_lb_target_group", "aws_instance"]
    for i in range(n):
        k = rng.choice(kinds)
        act = rng.choice(["+"] * 5 + ["~"] * 4 + ["-/+"] + ["-"])
        if i == n // 2:
            k, act = "aws_db_instance", "-/+"
        counts[act] += 1
        name = "module.%s.%s.%s" % (rng.choice(["edge", "core", "data", "obs"]), k, rng.choice(["this", "main", "primary", "replica"]) + ("[%d]" % rng.randint(0, 5) if rng.random() < 0.4 else ""))
        verb = {"+": "will be created", "~": "will be updated in-place", "-/+": "must be replaced", "-": "will be destroyed"}[act]
        out.append("  # %s %s" % (name, verb))
        out.append("%s resource \"%s\" \"%s\" {" % (act.rjust(3) if act != "-/+" else act, k, name.rsplit(".", 1)[1].split("[")[0]))
        if k == "aws_db_instance":
            out += ["      ~ arn                     = \"arn:aws:rds:eu-west-1:481516234200:db:orders-prod\" -> (known after apply)",
                    "      ~ engine_version          = \"14.9\" -> \"15.4\"",
                    "      ~ identifier              = \"orders-prod\" -> \"orders-prod-pg15\" # forces replacement",
                    "        # (31 unchanged attributes hidden)"]
        else:
            for j in range(rng.randint(3, 8)):
                attr = rng.choice(["tags", "description", "ttl", "port", "protocol", "cidr_blocks", "policy_arn", "threshold", "evaluation_periods", "instance_type", "health_check_path", "records"])
                if act == "+":
                    out.append("      + %-22s = %s" % (attr, rng.choice(['"%d"' % rng.randint(1, 9000), "(known after apply)", '["10.%d.0.0/16"]' % rng.randint(0, 255), '"t3.%s"' % rng.choice(["medium", "large"])])))
                elif act == "~":
                    out.append("      ~ %-22s = \"%d\" -> \"%d\"" % (attr, rng.randint(1, 500), rng.randint(1, 500)))
                else:
                    out.append("      - %-22s = \"%d\" -> null" % (attr, rng.randint(1, 500)))
            out.append("        # (%d unchanged attributes hidden)" % rng.randint(2, 20))
        out.append("    }")
        out.append("")
    out.append("Plan: %d to add, %d to change, %d to destroy." % (counts["+"] + counts["-/+"], counts["~"], counts["-"] + counts["-/+"]))
    return "\n".join(out)

def gen_helm_values(seed, nsvc):
    rng = random.Random(seed)
    out = ["# values-prod.yaml -- platform umbrella chart", "global:", "  imageRegistry: 481516234200.dkr.ecr.eu-west-1.amazonaws.com", "  imagePullSecrets: []", "  env: prod", ""]
    names = ["api-gateway", "auth", "billing", "catalog", "checkout", "email-worker", "inventory", "notifications", "orders", "payments", "pricing", "recommendations", "search", "shipping", "users", "webhooks", "reporting", "audit-log", "feature-flags", "media"]
    for nm in names[:nsvc]:
        out += ["%s:" % nm, "  enabled: true", "  replicaCount: %d" % rng.randint(2, 12), "  image:", "    repository: platform/%s" % nm,
                "    tag: \"%d.%d.%d\"" % (rng.randint(1, 4), rng.randint(0, 30), rng.randint(0, 20)), "    pullPolicy: IfNotPresent",
                "  resources:", "    requests:", "      cpu: %dm" % rng.choice([100, 250, 500, 750]), "      memory: %dMi" % rng.choice([256, 512, 768, 1024]),
                "    limits:", "      cpu: %dm" % rng.choice([500, 1000, 2000]), "      memory: %dMi" % rng.choice([512, 1024, 2048]),
                "  autoscaling:", "    enabled: %s" % rng.choice(["true", "false"]), "    minReplicas: %d" % rng.randint(2, 4), "    maxReplicas: %d" % rng.randint(6, 30), "    targetCPUUtilizationPercentage: %d" % rng.choice([60, 70, 75, 80]),
                "  service:", "    type: ClusterIP", "    port: %d" % rng.choice([80, 8080, 8443, 9000]),
                "  env:"]
        for k in rng.sample(["LOG_LEVEL", "OTEL_EXPORTER_OTLP_ENDPOINT", "DB_POOL_SIZE", "REDIS_URL", "KAFKA_BROKERS", "FEATURE_NEW_PRICING", "HTTP_TIMEOUT_MS", "JWT_ISSUER", "SENTRY_ENVIRONMENT"], 5):
            v = {"LOG_LEVEL": "info", "OTEL_EXPORTER_OTLP_ENDPOINT": "http://otel-collector.observability:4317", "DB_POOL_SIZE": str(rng.randint(5, 40)), "REDIS_URL": "redis://redis-master.data:6379/%d" % rng.randint(0, 9),
                 "KAFKA_BROKERS": "kafka-0.kafka:9092,kafka-1.kafka:9092,kafka-2.kafka:9092", "FEATURE_NEW_PRICING": rng.choice(["true", "false"]), "HTTP_TIMEOUT_MS": str(rng.choice([2000, 5000, 10000])), "JWT_ISSUER": "https://auth.example.com/", "SENTRY_ENVIRONMENT": "prod"}[k]
            out += ["    - name: %s" % k, "      value: \"%s\"" % v]
        out += ["  podDisruptionBudget:", "    minAvailable: %d" % rng.randint(1, 2), "  nodeSelector:", "    workload: %s" % rng.choice(["general", "memory", "spot"]),
                "  tolerations:", "    - key: dedicated", "      operator: Equal", "      value: %s" % rng.choice(["general", "memory"]), "      effect: NoSchedule",
                "  livenessProbe:", "    httpGet: { path: /healthz, port: http }", "    initialDelaySeconds: %d" % rng.choice([5, 10, 30]), "  readinessProbe:", "    httpGet: { path: /ready, port: http }", "    periodSeconds: %d" % rng.choice([5, 10]), ""]
    return "\n".join(out)

def gen_trivy_csv(seed, n):
    rng = random.Random(seed)
    pkgs = [("openssl", "3.0.2-0ubuntu1.10"), ("libxml2", "2.9.13+dfsg-1ubuntu0.3"), ("zlib1g", "1:1.2.11.dfsg-2ubuntu9.2"), ("curl", "7.81.0-1ubuntu1.13"), ("glibc", "2.35-0ubuntu3.4"),
            ("golang.org/x/net", "v0.17.0"), ("github.com/golang-jwt/jwt/v4", "v4.4.2"), ("google.golang.org/grpc", "v1.56.2"), ("lodash", "4.17.20"), ("jsonwebtoken", "8.5.1"),
            ("requests", "2.28.1"), ("cryptography", "39.0.1"), ("urllib3", "1.26.12"), ("pyyaml", "5.3.1"), ("log4j-core", "2.14.1"), ("spring-web", "5.3.20"), ("netty-codec-http2", "4.1.86.Final")]
    out = ["Target,Type,VulnerabilityID,PkgName,InstalledVersion,FixedVersion,Severity,CVSS,Title"]
    titles = ["HTTP/2 rapid reset can cause excessive work", "denial of service via crafted input", "heap buffer overflow in parser", "improper certificate validation", "prototype pollution",
              "signature verification bypass with none algorithm", "path traversal in archive extraction", "remote code execution via JNDI lookup", "integer overflow leading to out-of-bounds write", "ReDoS in header parsing", "information disclosure via error messages"]
    for i in range(n):
        p, v = rng.choice(pkgs)
        sev = rng.choice(["LOW", "MEDIUM", "MEDIUM", "HIGH", "HIGH", "CRITICAL"])
        out.append("%s,%s,CVE-20%d-%d,%s,%s,%s,%s,%.1f,%s" % (rng.choice(["registry/platform/checkout:2.14.3 (ubuntu 22.04)", "registry/platform/auth:1.9.0 (ubuntu 22.04)", "usr/local/bin/gateway", "app/package-lock.json", "app/requirements.txt", "app/BOOT-INF/lib"]),
                   rng.choice(["ubuntu", "gobinary", "npm", "pip", "jar"]), rng.randint(21, 26), rng.randint(1000, 52000), p, v, rng.choice(["", "%s-patched%d" % (v, rng.randint(1, 3))]), sev,
                   {"LOW": rng.uniform(1, 3.9), "MEDIUM": rng.uniform(4, 6.9), "HIGH": rng.uniform(7, 8.9), "CRITICAL": rng.uniform(9, 10)}[sev], rng.choice(titles)))
    return "\n".join(out)

def gen_iam_policy(seed, n):
    rng = random.Random(seed)
    actions = ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "iam:PassRole", "iam:CreatePolicyVersion", "iam:AttachRolePolicy", "lambda:CreateFunction", "lambda:UpdateFunctionCode", "ec2:RunInstances",
               "ec2:DescribeInstances", "sts:AssumeRole", "kms:Decrypt", "kms:CreateGrant", "secretsmanager:GetSecretValue", "ssm:GetParameter", "ssm:SendCommand", "logs:PutLogEvents", "cloudformation:CreateStack",
               "glue:CreateDevEndpoint", "dynamodb:Query", "dynamodb:PutItem", "sqs:SendMessage", "ecr:GetAuthorizationToken", "ecs:RunTask", "iam:UpdateAssumeRolePolicy"]
    stmts = []
    for i in range(n):
        acts = sorted(rng.sample(actions, rng.randint(1, 5)))
        res = rng.choice(["*", "arn:aws:s3:::acme-%s-prod/*" % rng.choice(["exports", "uploads", "logs"]), "arn:aws:iam::481516234200:role/%s" % rng.choice(["ci-deployer", "app-*", "*"]),
                          "arn:aws:lambda:eu-west-1:481516234200:function:%s" % rng.choice(["etl-*", "thumbnailer", "*"]), "arn:aws:kms:eu-west-1:481516234200:key/%s" % "-".join("%x" % rng.getrandbits(32) for _ in range(2))])
        st = {"Sid": "Stmt%d%04d" % (i, rng.randint(0, 9999)), "Effect": "Allow" if rng.random() < 0.9 else "Deny", "Action": acts if len(acts) > 1 else acts[0], "Resource": res}
        if rng.random() < 0.25:
            st["Condition"] = {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}} if rng.random() < 0.5 else {"Bool": {"aws:MultiFactorAuthPresent": "true"}}
        stmts.append(st)
    return json.dumps({"Version": "2012-10-17", "Statement": stmts}, indent=2)

def gen_kubectl_pods(seed, n):
    rng = random.Random(seed)
    out = ["NAMESPACE        NAME                                         READY   STATUS             RESTARTS        AGE"]
    nss = ["default", "payments", "checkout", "observability", "kube-system", "ingress-nginx", "cert-manager", "data"]
    for i in range(n):
        ns = rng.choice(nss)
        nm = "%s-%x-%s" % (rng.choice(["api", "worker", "cron-sync", "redis", "coredns", "fluent-bit", "controller", "prometheus-node-exporter", "otel-collector"]), rng.getrandbits(36), "".join(rng.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(5)))
        st = rng.choice(["Running"] * 12 + ["CrashLoopBackOff", "Pending", "Completed", "ImagePullBackOff", "OOMKilled", "Error"])
        rd = "1/1" if st == "Running" else "0/1"
        rs = str(rng.randint(0, 3)) if st == "Running" else "%d (%dm ago)" % (rng.randint(4, 300), rng.randint(1, 50))
        out.append("%-16s %-44s %-7s %-18s %-15s %s" % (ns, nm[:44], rd, st, rs, "%dd" % rng.randint(1, 90)))
    return "\n".join(out)

def gen_gha(seed, n):
    rng = random.Random(seed)
    out = []
    for i in range(n):
        svc = rng.choice(["api", "web", "worker", "auth", "billing", "gateway", "search", "cli"]) + "-%d" % i
        out += ["# .github/workflows/%s.yml" % svc, "name: %s" % svc, "on:", "  push:", "    branches: [main]", "    paths: ['services/%s/**']" % svc, "  pull_request:", "    paths: ['services/%s/**']" % svc,
                "jobs:", "  build:", "    runs-on: %s" % rng.choice(["ubuntu-22.04", "ubuntu-latest", "self-hosted"]), "    steps:", "      - uses: actions/checkout@v%d" % rng.choice([2, 3, 3]),
                "      - uses: actions/setup-%s@v%d" % (rng.choice(["node", "go", "python"]), rng.choice([3, 4])), "        with:", "          cache: true",
                "      - run: make -C services/%s test" % svc, "      - uses: actions/cache@v%d" % rng.choice([2, 3]), "        with:", "          path: ~/.cache", "          key: ${{ runner.os }}-%s-${{ hashFiles('services/%s/**/lock*') }}" % (svc, svc),
                "      - uses: docker/login-action@v2", "        with:", "          registry: ghcr.io", "          username: ${{ github.actor }}", "          password: ${{ secrets.GITHUB_TOKEN }}",
                "      - uses: docker/build-push-action@v4", "        with:", "          context: services/%s" % svc, "          push: ${{ github.ref == 'refs/heads/main' }}", "          tags: ghcr.io/acme/%s:${{ github.sha }}" % svc, ""]
    return "\n".join(out)

def gen_describe_pods(seed, n):
    rng = random.Random(seed)
    out = []
    for i in range(n):
        nm = "ingest-worker-5d8f7b%02d-%s" % (i, "".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(5)))
        out += ["Name:             %s" % nm, "Namespace:        data", "Priority:         0", "Service Account:  ingest", "Node:             <none>", "Labels:           app=ingest-worker",
                "                  pod-template-hash=5d8f7b%02d" % i, "Annotations:      <none>", "Status:           Pending", "IP:               ", "Controlled By:    ReplicaSet/ingest-worker-5d8f7b%02d" % i,
                "Containers:", "  worker:", "    Image:      481516234200.dkr.ecr.eu-west-1.amazonaws.com/ingest-worker:3.2.%d" % rng.randint(0, 9), "    Port:       9102/TCP",
                "    Limits:", "      cpu:     4", "      memory:  8Gi", "    Requests:", "      cpu:     3500m", "      memory:  6Gi",
                "    Environment:", "      KAFKA_TOPIC:  events.raw", "      BATCH_SIZE:   %d" % rng.choice([500, 1000, 2000]), "    Mounts:", "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-%s (ro)" % "".join(rng.choice("bcdfghjk") for _ in range(5)),
                "Conditions:", "  Type           Status", "  PodScheduled   False", "QoS Class:                   Burstable", "Node-Selectors:              workload=batch",
                "Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s", "                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s",
                "Events:", "  Type     Reason            Age                  From               Message", "  ----     ------            ----                 ----               -------",
                "  Warning  FailedScheduling  %dm (x%d over %dm)   default-scheduler  0/%d nodes are available: %d Insufficient cpu, %d node(s) didn't match Pod's node affinity/selector. preemption: 0/%d nodes are available: %d No preemption victims found for incoming pod, %d Preemption is not helpful for scheduling." % (rng.randint(1, 9), rng.randint(3, 40), rng.randint(10, 60), 14, 3, 11, 14, 3, 11),
                "  Normal   NotTriggerScaleUp  %dm (x%d over %dm)  cluster-autoscaler  pod didn't trigger scale-up: 1 max node group size reached, 2 node(s) didn't match Pod's node affinity/selector" % (rng.randint(1, 9), rng.randint(3, 40), rng.randint(10, 60)), ""]
    return "\n".join(out)

def gen_prom_rules(seed, n):
    rng = random.Random(seed)
    out = ["groups:"]
    for g in range(n):
        svc = rng.choice(["checkout", "payments", "search", "auth", "gateway", "orders", "inventory", "ledger"]) + str(g)
        out += ["  - name: %s.rules" % svc, "    rules:",
                "      - alert: %sHighErrorRate" % svc.capitalize(), "        expr: |", "          sum(rate(http_requests_total{job=\"%s\",code=~\"5..\"}[5m]))" % svc, "            / sum(rate(http_requests_total{job=\"%s\"}[5m])) > %.2f" % (svc, rng.choice([0.01, 0.02, 0.05])),
                "        for: %dm" % rng.choice([2, 5, 10]), "        labels:", "          severity: %s" % rng.choice(["page", "ticket"]), "          team: %s" % rng.choice(["core", "payments", "platform"]),
                "        annotations:", "          summary: \"%s 5xx ratio above threshold\"" % svc, "          runbook_url: https://runbooks.internal/%s/high-error-rate" % svc,
                "      - alert: %sLatencyP99" % svc.capitalize(), "        expr: histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job=\"%s\"}[5m]))) > %.1f" % (svc, rng.choice([0.5, 1.0, 2.5])),
                "        for: 10m", "        labels:", "          severity: ticket", "        annotations:", "          summary: \"%s p99 latency high\"" % svc,
                "      - record: job:%s_requests:rate5m" % svc, "        expr: sum(rate(http_requests_total{job=\"%s\"}[5m]))" % svc, ""]
    return "\n".join(out)

def gen_nginx_access(seed, n):
    rng = random.Random(seed)
    out = []
    sec = 0
    for i in range(n):
        sec += rng.randint(0, 3)
        ip = rng.choice(["10.0.%d.%d" % (rng.randint(0, 4), rng.randint(2, 250)), "203.0.113.%d" % rng.randint(1, 254), "198.51.100.%d" % rng.randint(1, 254)])
        path = rng.choice(["/", "/api/v2/products?page=%d" % rng.randint(1, 50), "/api/v2/cart", "/static/js/main.%x.js" % rng.getrandbits(32), "/login", "/api/v2/search?q=%s" % rng.choice(["shoes", "bag", "lamp", "desk"]), "/wp-login.php", "/.env", "/healthz"])
        st = rng.choice([200] * 20 + [301, 304, 404, 499, 502, 504])
        out.append('%s - - [14/Nov/2026:%02d:%02d:%02d +0000] "%s %s HTTP/1.1" %d %d "-" "%s" rt=%.3f uct="%.3f" urt="%.3f"' % (ip, 10 + sec // 3600, (sec // 60) % 60, sec % 60, rng.choice(["GET"] * 5 + ["POST"]), path, st, rng.randint(0, 90000),
                   rng.choice(["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36", "curl/8.4.0", "kube-probe/1.29", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X)"]), rng.uniform(0, 2), rng.uniform(0, 0.01), rng.uniform(0, 2)))
    return "\n".join(out)

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "w4.jsonl"), "w", encoding="utf-8") as f:
        for i, r in enumerate(ROWS, 1):
            row = {"id": "w4-%04d" % i, "prompt": r["prompt"], "label": r["label"], "rationale": r["rationale"], "category": r["category"],
                   "domain": r["domain"], "voice": r["voice"], "language": r["language"], "trap": r["trap"]}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")

# ================================================================ prompts
# ---------------- batch 1: kubernetes / on-call
P("haiku", "question", "infrastructure", "terse", None, "One-liner kubectl command, well-known answer.",
  "kubectl cmd to see logs of the previous container after a crashloop?")

P("sonnet", "debug", "infrastructure", "typos", None, "CrashLoopBackOff with a clear cause in the pasted describe/logs; routine debugging.",
  """pod keeps crashlooping after we bumped the chart, pls help its prod

```
$ kubectl -n payments describe pod payments-api-6b7d9c5f4-x2kqp
...
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       Error
      Exit Code:    1
      Started:      Sat, 14 Nov 2026 03:12:41 +0000
      Finished:     Sat, 14 Nov 2026 03:12:43 +0000
    Ready:          False
    Restart Count:  9
    Environment Variables from:
      payments-api-config  ConfigMap  Optional: false
      payments-api-secrets Secret     Optional: false
...
$ kubectl -n payments logs payments-api-6b7d9c5f4-x2kqp --previous
{"level":"info","msg":"loading config","version":"3.4.0"}
{"level":"fatal","msg":"config validation failed","error":"DATABASE_URL: required; STRIPE_WEBHOOK_SECRET: required"}
```

the secret exists, i checked `kubectl get secret payments-api-secrets` and it's there. values diff from last release:

```diff
-envFrom:
-  - configMapRef: { name: payments-api-config }
-  - secretRef: { name: payments-api-secrets }
+envFrom:
+  - configMapRef: { name: {{ .Release.Name }}-config }
+  - secretRef: { name: {{ .Release.Name }}-secret }
```""")

P("haiku", "explain", "infrastructure", "plain", None, "Explaining a common Kubernetes status message; short well-known answer.",
  "What does `0/6 nodes are available: 6 node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }` mean?")

P("opus", "debug", "infrastructure", "verbose", "easy-words-hard", "Intermittent cross-component failure described in prose with no clear lead; needs a theory.",
  """Hi, I'm writing this up after a long week so apologies for the length. We run about 40 services on EKS 1.29, with the AWS VPC CNI, and since roughly two weeks ago a small fraction of requests between services just hang for exactly 5 seconds or so and then succeed. It's not one service, it's spread across many of them. It's not every pod either. Our p50 is fine, p99 went from ~180ms to ~5.2s. The thing that changed around that time: we moved from m5 to m6i nodes, we upgraded CoreDNS from 1.10 to 1.11, and the security team turned on a new network policy baseline (default deny egress except DNS and the mesh). We don't use a service mesh for everything, maybe 60% of services. Restarting pods doesn't help in a durable way. We tried NodeLocal DNSCache in staging and can't reproduce the problem in staging at all, even without it. Where would you even start, and what's your best theory?""")

P("haiku", "question", "infrastructure", "terse", None, "Short factual kubectl how-to.",
  "how to force delete a pod stuck in Terminating")

P("sonnet", "implement", "infrastructure", "plain", None, "Writing a NetworkPolicy with a clear spec; routine config work with a few rules.",
  """Write a NetworkPolicy for namespace `billing` so that:
1. pods labelled `app=billing-api` accept ingress only from the `ingress-nginx` namespace on port 8080 and from pods labelled `app=billing-worker` in the same namespace on 8080;
2. all pods in `billing` can egress to kube-dns (UDP+TCP 53) and to the postgres at 10.40.12.0/24 port 5432;
3. everything else denied both ways.
We use Calico but stick to plain networking.k8s.io/v1 please.""")

P("haiku", "edit", "infrastructure", "terse", None, "Mechanical YAML edit: bump an image tag.",
  """change the image tag to 2.8.1 in this

```yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: notifier
spec:
  replicas: 3
  selector:
    matchLabels: { app: notifier }
  template:
    metadata:
      labels: { app: notifier }
    spec:
      containers:
        - name: notifier
          image: ghcr.io/acme/notifier:2.7.4
          ports: [{ containerPort: 8080 }]
```""")

P("opus", "design", "infrastructure", "terse", "short-hard", "Open multi-cluster architecture with failover trade-offs; short prompt, hard design.",
  "active-active multi-region k8s for a stateful payments service, how would you design failover? rpo ~0")

P("sonnet", "debug", "infrastructure", "typos", None, "Pending pods with scheduler events pointing at the cause; identifiable fix.",
  """why pending?? autoscaler is on

```
Events:
  Type     Reason             Age                From                Message
  ----     ------             ----               ----                -------
  Warning  FailedScheduling   2m (x14 over 18m)  default-scheduler   0/9 nodes are available: 3 node(s) had volume node affinity conflict, 6 Insufficient memory. preemption: 0/9 nodes are available: 3 Preemption is not helpful for scheduling, 6 No preemption victims found for incoming pod.
  Normal   NotTriggerScaleUp  1m (x90 over 18m)  cluster-autoscaler  pod didn't trigger scale-up: 2 node(s) had volume node affinity conflict, 1 max node group size reached
```
the pvc is gp3, cluster is in eu-west-1 a/b/c""")

P("haiku", "question", "infrastructure", "plain", "hard-words-easy", "Definition question despite distributed-systems vocabulary.",
  "In Kubernetes, what's the difference between a liveness probe and a readiness probe? One sentence each is enough.")

P("haiku", "ops", "infrastructure", "terse", None, "Single command to roll back a deployment.",
  "rollback deploy/web in ns shop to previous revision, command only")

P("sonnet", "ops", "infrastructure", "non-native", None, "Configuring HPA on custom metrics via prometheus-adapter; several known steps.",
  """Hello, we want make HPA scale our consumer deployment by the kafka lag, not by CPU. We have prometheus and the kafka-exporter already, the metric is `kafka_consumergroup_lag{consumergroup="invoice-consumer"}`. Please can you give the prometheus-adapter rule and the HPA yaml? Target is around 1000 messages lag per pod, min 2 max 20 pods. Kubernetes version is 1.28.""")

P("haiku", "explain", "infrastructure", "plain", None, "Explaining a short snippet of config in a sentence.",
  """What does this bit do?

```yaml
strategy:
  type: RollingUpdate
  rollingUpdate:
    maxSurge: 25%
    maxUnavailable: 0
```""")

P("sonnet", "debug", "infrastructure", "plain", None, "OOMKilled with heap settings visible; identifiable cause needs container-aware JVM sizing.",
  """Our Java service gets OOMKilled every few hours. Container limit is 2Gi. Here's what I have:

```
    Last State:     Terminated
      Reason:       OOMKilled
      Exit Code:    137
    Limits:
      memory:  2Gi
    Requests:
      memory:  2Gi
    Environment:
      JAVA_OPTS:  -Xms2g -Xmx2g -XX:+UseG1GC -XX:MaxMetaspaceSize=256m
```

The heap dashboards never show more than 1.6G used. What's going on and what should the settings be?""")

P("opus", "debug", "infrastructure", "verbose", None, "Cluster-wide intermittent failure across etcd/API server with no clear lead; needs a cross-component theory.",
  """Incident write-up, still open. Timeline (UTC):
- 02:10 first alert: KubeAPIErrorBudgetBurn (critical) on prod-eu-1
- 02:11-02:40 API server p99 for LIST calls climbs from 300ms to 12s; WATCH connections drop and reconnect in waves
- 02:14 etcd_disk_wal_fsync_duration_seconds p99 at 180ms on etcd-2 only, others 8ms
- 02:20 controller-manager leader election lost twice, re-acquired
- 02:25 a lot of pods get evicted? no — actually they show NodeNotReady briefly for ~40 nodes, then recover
- 02:41 everything recovers on its own, no action taken
- Same thing happened 6 days ago at 02:05, and 13 days ago at 02:12

Things we know: our nightly Velero backup runs at 02:00. A team runs a CronJob at 02:00 that lists all ConfigMaps in all namespaces (about 38k objects) via client-go without pagination. etcd is on gp3 with 3000 IOPS baseline. The etcd-2 member is the leader most of the time. We have ~1,200 nodes.

I don't want just "increase IOPS". I want a theory that explains all the symptoms including why only etcd-2 and why nodes go NotReady, and how to prove it before next week.""")

P("haiku", "question", "infrastructure", "typos", None, "Quick factual question about a kubectl flag.",
  "whats the flag to get pods across all namesapces again")

P("sonnet", "implement", "infrastructure", "terse", None, "Helm template helper with clear spec; everyday chart work.",
  """helm: add optional `extraEnv` (list) and `extraEnvFrom` to our deployment template, merged after the chart's own env. keep backward compat. template:

```yaml
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          env:
            - name: LOG_LEVEL
              value: {{ .Values.logLevel | quote }}
            - name: PORT
              value: "8080"
          ports:
            - containerPort: 8080
```""")

P("sonnet", "test", "infrastructure", "follow-up", None, "Follow-up asking for tests of the chart change; writing tests is sonnet.",
  "ok that works. now add helm-unittest cases for both new values incl. the empty case")
# ---------------- batch 2: long pasted material
P("haiku", "question", "infrastructure", "plain", "long-trivial", "Counting OOM-kill lines in a huge journal is mechanical and checkable; length does not raise the tier.",
  "Here's the full journal from one node for last night. How many times did the kernel OOM killer fire, and at what times (just list them)?\n\n```\n" + gen_journal(101, 790) + "\n```")

P("opus", "debug", "infrastructure", "verbose", None, "Intermittent 5xx across sidecar/upstream with no stated lead; needs a theory from logs (keepalive/idle-timeout race).",
  "We get bursts of 502/503 from checkout-api to inventory-svc maybe every 20-40 minutes, lasting a few seconds. Nobody changed inventory-svc in a month. The mesh team says envoy is fine, the inventory team says their pods are healthy and never saw those requests. I've pulled 3 hours of logs from checkout-api (app + sidecar lines interleaved). Please figure out what is actually going on, explain the mechanism, and tell me what to change on which side. Don't just say 'add retries'.\n\n```\n" + gen_app_log(202, 170, with_hint=23) + "\n```")

P("haiku", "question", "infrastructure", "terse", "long-trivial", "Finding which resources a plan replaces/destroys is a lookup in the paste; checkable at a glance.",
  "which resources in this plan get destroyed or replaced? just the addresses\n\n```\n" + gen_tf_plan(303, 48) + "\n```")

P("haiku", "edit", "infrastructure", "plain", "long-trivial", "Mechanical find-and-replace of action versions across a long paste.",
  "Bump every `actions/checkout` to v4 and every `actions/cache` to v4 in these workflows, change nothing else. Output the full files.\n\n```yaml\n" + gen_gha(404, 18) + "\n```")

P("sonnet", "debug", "infrastructure", "typos", None, "Long describe output but the scheduler events point at one cause (cpu requests vs node size, max node group); routine.",
  "ingest workers all pending since the deploy, 40 of them. describe output below. whats wrong and what do i change, we cant raise the node group max today\n\n```\n" + gen_describe_pods(505, 12) + "\n```")

P("opus", "review", "security", "plain", None, "IAM policy review for privilege-escalation paths is a security review; subtle mistakes are vulnerabilities.",
  "This is the inline policy attached to our CI deployer role (used by GitHub Actions via OIDC). Review it for privilege escalation paths and anything that would let a compromised workflow take over the account. Rank the findings and propose a least-privilege replacement.\n\n```json\n" + gen_iam_policy(606, 60) + "\n```")

P("opus", "review", "security", "verbose", None, "Vulnerability triage needing exploitability judgement across many findings; high-stakes security reasoning.",
  """Our auditor wants a remediation plan by Friday from this Trivy export (all images in prod). We can't patch everything this sprint. Context: checkout and auth are internet-facing behind the ALB; the gateway binary terminates HTTP/2 from the internet; the Java app is internal only but processes user-uploaded XML; nothing uses JNDI on purpose. Please triage: which of these are actually exploitable in our setup, which are noise, what order to fix them in, and what compensating controls to apply where we can't upgrade yet. Be explicit about your reasoning for the top ones.

```csv
""" + gen_trivy_csv(707, 120) + "\n```")

P("haiku", "question", "security", "terse", "long-trivial", "Extracting/counting IPs in a log is mechanical; the answer is checkable.",
  "list the distinct source IPs with failed ssh logins in this auth.log, with counts, sorted desc\n\n```\n" + gen_auth_log(808, 350) + "\n```")

P("sonnet", "refactor", "infrastructure", "plain", None, "Restructuring a large values file into per-service overrides is careful multi-step work but not design.",
  "Split this umbrella values file into a shared `values-common.yaml` (everything identical across services: probes, service type, pullPolicy, tolerations key/effect, OTEL endpoint) and a small per-service overrides file. Keep the rendered result identical.\n\n```yaml\n" + gen_helm_values(909, 20) + "\n```")

P("haiku", "question", "infrastructure", "terse", "long-trivial", "Finding one setting in a big values file is a lookup.",
  "which services in here have autoscaling disabled?\n\n```yaml\n" + gen_helm_values(910, 12) + "\n```")

P("sonnet", "edit", "infrastructure", "plain", None, "Adding labels and runbook links across a long rules file consistently; several careful steps rather than a single lookup.",
  "For every alert in this rules file: add a `service` label equal to the job name, change `severity: page` to `severity: critical` and `ticket` to `warning`, and give the latency alerts a runbook_url following the same pattern as the error-rate ones. Also add a `for: 5m` to any alert that lacks one.\n\n```yaml\n" + gen_prom_rules(1111, 25) + "\n```")

P("haiku", "question", "web", "plain", "long-trivial", "Counting status codes in an access log is mechanical.",
  "How many 502 and 504 responses are in this nginx access log excerpt? Two numbers please.\n\n```\n" + gen_nginx_access(1212, 100) + "\n```")

P("opus", "debug", "infrastructure", "verbose", "easy-words-hard", "Node instability diagnosed from a very long journal with no clear lead; needs a theory.",
  "One node in our batch pool (ip-10-42-7-19) keeps going NotReady for a minute or two about every few hours, and pods on it restart, but the other nodes of the same type are fine. AWS says the instance is healthy. We already replaced the instance once and the new one does it too, which is the part that confuses me. Here's a long stretch of its journal. Can you work out what is going on and what we should look at next?\n\n```\n" + gen_journal(1313, 350) + "\n```")

P("haiku", "question", "infrastructure", "plain", "long-trivial", "Counting pod statuses in a long listing is mechanical.",
  "From this `kubectl get pods -A` output, how many pods are not Running or Completed, per namespace?\n\n```\n" + gen_kubectl_pods(1414, 120) + "\n```")
# ---------------- batch 3: security
P("haiku", "question", "security", "terse", None, "Well-known factual answer about OAuth flows.",
  "which oauth flow for a SPA in 2026? just the name")

P("opus", "review", "security", "plain", None, "Security review of token validation code; subtle mistakes are vulnerabilities.",
  """Can you security-review our JWT middleware? It's in front of every internal API.

```go
func Auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		tok, err := jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
			if kid, ok := t.Header["kid"].(string); ok {
				return keyCache.Get(kid)
			}
			return []byte(os.Getenv("JWT_HMAC_FALLBACK")), nil
		})
		if err != nil && !errors.Is(err, jwt.ErrTokenExpired) {
			http.Error(w, "unauthorized", 401)
			return
		}
		claims := tok.Claims.(jwt.MapClaims)
		if claims["aud"] != nil && !strings.Contains(claims["aud"].(string), "internal") {
			http.Error(w, "forbidden", 403)
			return
		}
		ctx := context.WithValue(r.Context(), userKey, claims["sub"])
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
```""")

P("haiku", "explain", "security", "plain", "hard-words-easy", "Conceptual definition with crypto vocabulary; short textbook answer.",
  "What's the difference between encryption and hashing? Asking for a junior on my team, keep it to a paragraph.")

P("opus", "design", "security", "verbose", None, "Threat model for a new auth surface; open-ended security design.",
  """We're adding 'login with magic link' to our B2B SaaS alongside SSO (SAML/OIDC per tenant) and password+TOTP. Links are emailed, valid 15 minutes, single use. Some tenants enforce SSO-only. Support staff can impersonate users for debugging (audited). Please write a threat model for the magic-link flow specifically: assets, actors, entry points, the attacks you'd worry about (email forwarding, link prefetch by mail scanners, tenant SSO bypass, session fixation, enumeration, etc.), and concrete mitigations for each. Also tell me whether we should allow magic links at all for SSO-enforced tenants.""")

P("sonnet", "implement", "security", "plain", None, "Implementing PKCE verifier/challenge with a clear spec (RFC 7636); everyday integration.",
  "Implement PKCE for our Python CLI login: generate code_verifier and S256 code_challenge per RFC 7636, open the browser to the authorize URL, run a local loopback server on a random port to receive the code, then exchange it at the token endpoint. Use only stdlib + requests.")

P("haiku", "question", "security", "typos", None, "Single command to check a certificate's expiry.",
  "openssl command to check when a cert expires on a remote host:443")

P("opus", "question", "security", "terse", "short-hard", "Cryptographic design question; subtle mistakes are vulnerabilities.",
  "AES-GCM with random 96-bit nonces, ~2^33 messages per key over its lifetime. safe? if not what instead")

P("sonnet", "debug", "security", "non-native", None, "OIDC error with a clear cause (redirect_uri mismatch); routine debugging.",
  """Hi, after we moved the app behind the new load balancer the keycloak login is failing. Browser shows "Invalid parameter: redirect_uri". In keycloak the client has Valid Redirect URIs = https://app.example.com/*. Our app log says:

```
2026-11-13 10:22:05 WARN  o.s.s.o.c.w.OAuth2LoginAuthenticationFilter - building authorization request redirect_uri=http://app.example.com/login/oauth2/code/keycloak
```

The LB terminates TLS and forwards to the app on 8080. Spring Boot 3.2. What we do wrong?""")

P("haiku", "question", "security", "plain", None, "Short factual question about a CVE's nature; well-known answer.",
  "What was Log4Shell (CVE-2021-44228) in one or two sentences?")

P("opus", "review", "security", "plain", None, "Reviewing a crypto implementation (password hashing and comparison); subtle flaws are vulnerabilities.",
  """Review this password storage code before we ship it:

```python
import hashlib, os, hmac

def hash_password(pw: str) -> str:
    salt = os.urandom(8)
    h = hashlib.sha256(salt + pw.encode()).hexdigest()
    for _ in range(1000):
        h = hashlib.sha256(h.encode()).hexdigest()
    return salt.hex() + "$" + h

def check_password(pw: str, stored: str) -> bool:
    salt_hex, h = stored.split("$")
    cand = hashlib.sha256(bytes.fromhex(salt_hex) + pw.encode()).hexdigest()
    for _ in range(1000):
        cand = hashlib.sha256(cand.encode()).hexdigest()
    return cand == h
```""")

P("sonnet", "implement", "security", "terse", None, "Adding rate limiting for login at the nginx layer; clear spec, known config.",
  "nginx: rate limit POST /api/login to 5 req/min per client IP with burst 3, return 429 not 503. we're behind cloudflare so use the real client ip")

P("haiku", "explain", "security", "plain", None, "Explaining a common header in a sentence or two.",
  "what does `Strict-Transport-Security: max-age=63072000; includeSubDomains; preload` actually do")

P("opus", "debug", "security", "verbose", "easy-words-hard", "Suspected account takeover with no clear lead; incident investigation across systems.",
  """Something weird: three customers this month said someone changed their payout bank account. Our logs show the change came from a valid session for each user, from IPs in their usual country, and there was no password reset or new device email sent. MFA is on for all three. Support says nobody on their side touched those accounts. We have the web app, a mobile app, and a partner API that can act on behalf of users with OAuth tokens. I don't know where to begin — what would you check, in what order, and what are the likely ways this could be happening?""")

P("haiku", "question", "security", "terse", None, "Well-known one-line answer.",
  "default port for ldaps?")

P("sonnet", "implement", "security", "plain", None, "Write a CI secret-scanning step with config; routine CI work.",
  "Add a gitleaks job to our GitHub Actions that runs on pull requests, scans only the commits in the PR, fails on findings, and uploads the SARIF to code scanning. We have a `.gitleaks.toml` at the repo root with some allowlists.")

P("opus", "plan", "security", "plain", None, "Org-wide secret rotation after a leak; high-stakes multi-step plan across systems.",
  """A contractor's laptop was stolen. It had a clone of our monorepo and, we now know, a `.env.local` with prod credentials: the Postgres superuser, a Stripe secret key, the AWS access key for the `deploy` IAM user (admin-ish), a Slack bot token and the signing key for our session cookies. Write the response plan: what to rotate in what order so we don't take prod down, what to check in logs for misuse (and where), and what to change so this can't happen again.""")

P("haiku", "edit", "security", "plain", None, "Mechanical change of a config value.",
  """Set the minimum TLS version to 1.2 in this:

```nginx
server {
    listen 443 ssl http2;
    server_name api.example.com;
    ssl_certificate     /etc/ssl/certs/api.pem;
    ssl_certificate_key /etc/ssl/private/api.key;
    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;
    ssl_ciphers HIGH:!aNULL:!MD5;
}
```""")

P("sonnet", "explain", "security", "plain", None, "Explaining a non-trivial middleware's behaviour and gaps; dozens of lines.",
  """Explain what this Express CSRF middleware does step by step, and whether it covers JSON APIs called with fetch:

```js
const crypto = require('crypto');
module.exports = function csrf(opts = {}) {
  const cookieName = opts.cookie || 'csrf_token';
  const header = opts.header || 'x-csrf-token';
  const safe = new Set(['GET', 'HEAD', 'OPTIONS']);
  return (req, res, next) => {
    let token = req.cookies[cookieName];
    if (!token) {
      token = crypto.randomBytes(32).toString('base64url');
      res.cookie(cookieName, token, { sameSite: 'lax', secure: true, httpOnly: false });
    }
    res.locals.csrfToken = token;
    if (safe.has(req.method)) return next();
    const sent = req.get(header) || (req.body && req.body._csrf);
    if (!sent || sent.length !== token.length ||
        !crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(token))) {
      return res.status(403).json({ error: 'bad csrf token' });
    }
    next();
  };
};
```""")

P("opus", "design", "security", "terse", "short-hard", "Design of a multi-tenant authz model with trade-offs.",
  "design authz for multi-tenant saas: orgs, nested teams, per-resource sharing, custom roles. rbac vs rebac vs abac, pick one and justify")

P("haiku", "question", "security", "plain", "hard-words-easy", "Simple factual question despite security jargon.",
  "Is a CVSS 9.8 score 'critical' or 'high'?")

P("sonnet", "ops", "security", "typos", None, "Setting up fail2ban jail for a known log pattern; routine config.",
  "set up fail2ban for sshd on ubuntu 24.04, ban after 5 fails in 10 min for 1h, and whitelist 10.20.0.0/16. also how do i unban an ip if i lock myself out lol")

P("opus", "review", "security", "plain", None, "Reviewing a GitHub Actions workflow for injection/pwn-request risks; security review.",
  """Is this workflow safe? It runs on PRs from forks.

```yaml
name: pr-preview
on:
  pull_request_target:
    types: [opened, synchronize]
jobs:
  preview:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write
      id-token: write
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - run: npm ci && npm run build
      - name: comment
        run: |
          gh pr comment ${{ github.event.pull_request.number }} --body "Preview for ${{ github.event.pull_request.title }} is ready"
        env:
          GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::481516234200:role/preview-deployer
          aws-region: eu-west-1
      - run: aws s3 sync dist/ s3://previews/${{ github.event.pull_request.number }}/
```""")

P("haiku", "question", "security", "non-native", None, "Short factual question about a header; well-known answer.",
  "Please what is the header name for Content Security Policy only report and not block? I forget it.")

P("sonnet", "debug", "security", "plain", None, "TLS handshake failure with a clear cause in the output (missing intermediate); routine.",
  """Android clients fail with `SSLHandshakeException: Trust anchor for certification path not found` but browsers are fine. 

```
$ openssl s_client -connect api.example.com:443 -servername api.example.com </dev/null 2>/dev/null | head -20
CONNECTED(00000003)
---
Certificate chain
 0 s:CN = api.example.com
   i:C = US, O = Let's Encrypt, CN = R11
   a:PKEY: rsaEncryption, 2048 (bit); sigalg: RSA-SHA256
   v:NotBefore: Oct 20 08:11:02 2026 GMT; NotAfter: Jan 18 08:11:01 2027 GMT
---
Server certificate
...
Verify return code: 21 (unable to verify the first certificate)
```

nginx has `ssl_certificate /etc/letsencrypt/live/api.example.com/cert.pem;`""")

P("opus", "question", "security", "plain", None, "Cryptographic protocol reasoning about key rotation and envelope encryption; subtle errors are vulnerabilities.",
  "We encrypt customer PII columns with a data key per tenant, wrapped by a KMS key. We want to rotate the KMS key yearly and the data keys on demand (e.g. after an incident), without downtime and without re-encrypting 4 TB in one go. How should the key versioning, the ciphertext format and the re-encryption job work so that reads never fail mid-rotation and a compromised old data key stops being useful as soon as possible?")

P("haiku", "docs", "security", "plain", None, "Short text task: a changelog line.",
  "write a one-line changelog entry: we upgraded jsonwebtoken from 8.5.1 to 9.0.2 to fix CVE-2022-23529")

P("sonnet", "implement", "security", "verbose", None, "Implementing a webhook signature verifier with a clear spec; careful but routine.",
  """I need to verify incoming webhooks from our payment provider in a FastAPI app. Their docs say: the header `X-Signature` is `t=<unix ts>,v1=<hex hmac>`, where the HMAC-SHA256 is over `"{t}.{raw_body}"` with our endpoint secret, and we should reject anything older than 5 minutes. There might be multiple v1 entries during secret rotation. Can you write the dependency/function that does this properly (constant-time compare, raw body not the parsed JSON) and a couple of pytest tests?""")

P("haiku", "question", "security", "terse", None, "One-liner: generate a random secret.",
  "one-liner to generate a 32 byte random hex secret in bash")

P("opus", "review", "security", "verbose", None, "Security review of a file-upload path (path traversal, zip slip, content-type); subtle mistakes are vulnerabilities.",
  """Please do a security review of our upload endpoint. Users upload a zip of images; we unpack it and make thumbnails.

```python
@app.post("/albums/{album_id}/upload")
async def upload(album_id: str, f: UploadFile, user=Depends(current_user)):
    if not f.filename.endswith(".zip"):
        raise HTTPException(400, "zip only")
    dest = os.path.join(MEDIA_ROOT, album_id)
    os.makedirs(dest, exist_ok=True)
    data = await f.read()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.lower().endswith((".jpg", ".png", ".gif", ".svg")):
                z.extract(name, dest)
                subprocess.run(f"convert {os.path.join(dest, name)} -thumbnail 200x200 {os.path.join(dest, 'th_' + os.path.basename(name))}", shell=True)
    return {"ok": True}
```

Albums can be shared with other users; `album_id` comes from the URL.""")

P("sonnet", "question", "security", "plain", None, "Comparing session storage options with a clear recommendation; medium explanation with trade-offs that are well known.",
  "For a server-rendered Django app, should we keep sessions in signed cookies or in Redis? We have about 50k daily users, 3 app servers, and we need 'log out everywhere'. Give the pros/cons and a recommendation.")

P("haiku", "explain", "security", "typos", None, "Explaining a common error message.",
  "what does 'x509: certificate signed by unknown authority' mean when docker pulls from our registry")

P("opus", "design", "security", "plain", "easy-words-hard", "Plain words but open security design (break-glass access) with high stakes.",
  "How should engineers get emergency access to production when everything normal is broken (SSO down, VPN down)? We want it to be possible but rare, noisy and reviewed afterwards. Propose the whole setup.")

P("haiku", "question", "security", "plain", None, "Factual question with a short well-known answer.",
  "Does bcrypt have a maximum password length?")
# ---------------- batch 4: terraform / docker / CI
P("sonnet", "debug", "infrastructure", "plain", None, "Terraform error with an identifiable cause (for_each on unknown values); routine fix.",
  """terraform apply fails:

```
│ Error: Invalid for_each argument
│
│   on modules/dns/main.tf line 14, in resource "aws_route53_record" "validation":
│   14:   for_each = {
│   15:     for dvo in aws_acm_certificate.this.domain_validation_options : dvo.domain_name => dvo
│   16:   }
│     ├────────────────
│     │ aws_acm_certificate.this.domain_validation_options is a set of object, known only after apply
│
│ The "for_each" map includes keys derived from resource attributes that cannot be determined until apply, and so Terraform cannot determine the full set of keys that will identify the instances of this resource.
```

The cert's `domain_name` and `subject_alternative_names` come from `var.domains` which is a list(string) passed by the root module from another module's output.""")

P("haiku", "question", "infrastructure", "terse", None, "Single well-known command.",
  "terraform: how do i remove a resource from state without destroying it")

P("sonnet", "implement", "infrastructure", "plain", None, "Writing a Terraform module with a clear spec; everyday IaC work.",
  """Write a Terraform module `s3-private-bucket` with inputs `name`, `kms_key_arn` (optional), `noncurrent_days` (default 30), `tags`. It should: block all public access, enforce bucket-owner ownership, enable versioning, SSE-KMS if a key is given else SSE-S3, deny non-TLS requests via bucket policy, and expire noncurrent versions after `noncurrent_days`. AWS provider v5. Outputs: bucket id and arn.""")

P("opus", "plan", "infrastructure", "verbose", None, "Large state split/migration across many teams with ordering and risk; multi-step plan across a codebase.",
  """Our Terraform is one root module with ~2,300 resources in a single state (S3 backend, DynamoDB lock) covering networking, EKS, RDS, IAM and every team's app infra. Plans take 14 minutes, we have lock contention every day, and one bad apply last month touched the VPC. We want to split into per-domain states (network, platform, data, and one per team) and move to Terragrunt or plain remote_state lookups — not decided. Nothing may be destroyed/recreated during the move, and teams keep shipping. Give me a migration plan: target layout, how to decide boundaries, the exact mechanics for moving resources (moved blocks vs state mv vs import blocks), the order, how to verify zero-diff at each step, and how to roll back.""")

P("haiku", "edit", "infrastructure", "plain", None, "Mechanical reformat/rename in HCL.",
  """rename variable `instanceType` to `instance_type` everywhere in this:

```hcl
variable "instanceType" {
  type    = string
  default = "t3.small"
}

resource "aws_instance" "bastion" {
  ami           = data.aws_ami.al2023.id
  instance_type = var.instanceType
  subnet_id     = var.public_subnet_id
  tags = { Name = "bastion", Size = var.instanceType }
}
```""")

P("sonnet", "refactor", "infrastructure", "typos", None, "Refactoring count to for_each with moved blocks; careful multi-step but routine.",
  """convert this from count to for_each keyed by name w/o recreating anything (we're on tf 1.6)

```hcl
variable "queues" {
  default = ["orders", "emails", "webhooks"]
}

resource "aws_sqs_queue" "q" {
  count                      = length(var.queues)
  name                       = "${var.env}-${var.queues[count.index]}"
  visibility_timeout_seconds = 60
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq[count.index].arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "dlq" {
  count = length(var.queues)
  name  = "${var.env}-${var.queues[count.index]}-dlq"
}
```""")

P("haiku", "explain", "infrastructure", "plain", None, "Explaining a short Dockerfile line.",
  "What does `--mount=type=cache,target=/root/.cache/pip` do in a Dockerfile RUN line?")

P("sonnet", "refactor", "infrastructure", "plain", None, "Rewriting a Dockerfile as a multi-stage, non-root, smaller image; several steps with clear goals.",
  """Make this image smaller and not run as root. Multi-stage is fine. It's a Go service with CGO off.

```dockerfile
FROM golang:1.22
WORKDIR /src
COPY . .
RUN go mod download
RUN go build -o /app ./cmd/server
EXPOSE 8080
CMD ["/app"]
```""")

P("haiku", "question", "infrastructure", "typos", None, "Single well-known docker command.",
  "how do i see why a docker container exited, like the exit code n stuff")

P("sonnet", "debug", "infrastructure", "plain", None, "CI failure with a clear cause in the log (permissions on OIDC); routine.",
  """GitHub Actions job fails at the AWS step:

```
Run aws-actions/configure-aws-credentials@v4
  with:
    role-to-assume: arn:aws:iam::481516234200:role/gha-deploy
    aws-region: eu-west-1
Error: Credentials could not be loaded, please check your action inputs: Could not load credentials from any providers
```

Workflow has `permissions: contents: read` at the top. The trust policy on the role:

```json
{
  "Effect": "Allow",
  "Principal": { "Federated": "arn:aws:iam::481516234200:oidc-provider/token.actions.githubusercontent.com" },
  "Action": "sts:AssumeRoleWithWebIdentity",
  "Condition": {
    "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
    "StringLike": { "token.actions.githubusercontent.com:sub": "repo:acme/platform:ref:refs/heads/main" }
  }
}
```

It fails on PR runs and on main.""")

P("sonnet", "implement", "tooling", "plain", None, "CI pipeline config with a clear spec; build configuration is sonnet.",
  "Write a GitHub Actions workflow for a pnpm monorepo: on PR run lint+typecheck+test only for changed packages (turbo `--filter=...[origin/main]`), cache the pnpm store and turbo cache, matrix node 20 and 22, cancel in-progress runs for the same PR.")

P("haiku", "edit", "tooling", "terse", None, "Mechanical YAML fix: wrong indentation.",
  """fix the indentation, gh says invalid workflow

```yaml
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
    - uses: actions/checkout@v4
      - run: make test
```""")

P("opus", "design", "tooling", "plain", None, "Designing a deployment pipeline with progressive delivery and rollback criteria across services; open design with trade-offs.",
  "We deploy 30 services with a bash script that runs `kubectl apply` from a laptop. Design a proper delivery pipeline: GitOps or push-based, how promotion from staging to prod works, canary/blue-green choice per service type (stateless HTTP, Kafka consumers, cron jobs), automated rollback signals, and how DB migrations fit in. Explain the trade-offs, we're 12 engineers.")

P("sonnet", "debug", "infrastructure", "non-native", None, "Docker build cache miss with an identifiable cause (COPY order); routine.",
  """Hello, our docker build in CI always reinstall all npm packages even when package.json not changed, it take 6 minutes each time. Dockerfile:

```dockerfile
FROM node:20-alpine
WORKDIR /app
COPY . .
RUN npm ci
RUN npm run build
CMD ["node", "dist/main.js"]
```
We use `docker/build-push-action@v5` with `cache-from: type=gha` and `cache-to: type=gha,mode=max`. Why cache is not working?""")

P("haiku", "question", "infrastructure", "plain", None, "Short factual difference between two Dockerfile instructions.",
  "CMD vs ENTRYPOINT — quick difference?")

P("sonnet", "test", "infrastructure", "plain", None, "Writing tests for an existing Terraform module; test writing is sonnet.",
  """Write `terraform test` (1.6+ native tests, .tftest.hcl) for this module: one run that checks the plan sets versioning Enabled and blocks public access, and one that checks the bucket name gets the env prefix. Use mock providers so it doesn't hit AWS.

```hcl
variable "env"  { type = string }
variable "name" { type = string }

resource "aws_s3_bucket" "this" {
  bucket = "${var.env}-${var.name}"
}
resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration { status = "Enabled" }
}
resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
```""")

P("haiku", "edit", "infrastructure", "follow-up", None, "Follow-up asking for a trivial rename.",
  "nice. call the module `private_bucket` instead of `s3-private-bucket`, nothing else")

P("sonnet", "question", "infrastructure", "follow-up", None, "Follow-up that only points back; work unknown so everyday tier.",
  "that didn't work, same error")

P("opus", "debug", "tooling", "verbose", "easy-words-hard", "Flaky CI with no clear lead across runners/caches; needs a theory.",
  """Our CI has gotten flaky in a way I can't pin down. About 1 in 15 runs of the integration suite fails, always in a different test, always with a timeout talking to the Postgres service container. Re-running passes. It started around when we switched from GitHub-hosted runners to our own autoscaled runners on EKS (actions-runner-controller, dind sidecar). Our runners run up to 4 jobs per node. Locally nobody can reproduce. What could cause this and how would you go about proving it?""")

P("haiku", "question", "tooling", "plain", None, "Factual question about GitHub Actions syntax.",
  "In GitHub Actions, how do I run a step only when the previous step failed?")

P("sonnet", "implement", "infrastructure", "verbose", None, "docker-compose for local dev stack with a clear spec; routine config.",
  """Can you write a docker-compose.yml for local development of our app? We need: postgres 16 with a named volume and an init script from ./db/init.sql, redis 7, a localstack container with S3 and SQS only, our API built from ./api (hot reload by mounting ./api/src), and a mailpit for catching emails. The API should wait until postgres is actually healthy (pg_isready), not just started. Expose only the API on 8080 and mailpit's UI on 8025.""")

P("opus", "design", "infrastructure", "terse", "short-hard", "Open trade-off design for build systems and caching at monorepo scale.",
  "remote build cache + hermetic builds for 400-engineer polyglot monorepo. bazel vs buck2 vs nx+turbo. recommend, with migration path")

P("haiku", "docs", "tooling", "plain", None, "Short text task: a commit message.",
  "commit message for: pin all third-party GitHub actions to full commit SHAs")

P("sonnet", "review", "infrastructure", "plain", None, "Reviewing a Terraform diff for correctness and style; ordinary review.",
  """Review this PR diff:

```diff
--- a/modules/rds/main.tf
+++ b/modules/rds/main.tf
@@ -12,14 +12,19 @@ resource "aws_db_instance" "this" {
   identifier              = "${var.env}-${var.name}"
   engine                  = "postgres"
-  engine_version          = "14.9"
-  instance_class          = "db.r6g.large"
+  engine_version          = var.engine_version
+  instance_class          = var.instance_class
   allocated_storage       = 100
+  max_allocated_storage   = 1000
   storage_encrypted       = true
-  backup_retention_period = 7
+  backup_retention_period = var.env == "prod" ? 14 : 1
   deletion_protection     = true
-  skip_final_snapshot     = false
+  skip_final_snapshot     = var.env != "prod"
+  apply_immediately       = true
   multi_az                = var.env == "prod"
+  allow_major_version_upgrade = true
 }
+
+variable "engine_version" { default = "15.4" }
+variable "instance_class" { default = "db.r6g.large" }
```""")
# ---------------- batch 5: networking / DNS / observability / incidents
P("haiku", "question", "infrastructure", "terse", None, "Single dig command.",
  "dig cmd to see the full resolution path for a name, from root")

P("sonnet", "debug", "infrastructure", "plain", None, "DNS misconfiguration with a clear cause visible in the output; routine.",
  """After moving our domain's DNS to Route 53, `www` works but the apex doesn't resolve for some people.

```
$ dig +short NS example.com @8.8.8.8
ns-1203.awsdns-22.org.
ns-77.awsdns-09.com.
$ dig +short NS example.com @a.gtld-servers.net
dns1.oldprovider.net.
dns2.oldprovider.net.
$ dig example.com @ns-77.awsdns-09.com
;; ANSWER SECTION:
example.com.		300	IN	A	203.0.113.10
$ dig example.com @dns1.oldprovider.net
;; status: NXDOMAIN
```

Changed it 3 days ago.""")

P("haiku", "explain", "infrastructure", "plain", None, "Explaining a short iptables rule.",
  "what does this rule do: `iptables -t nat -A POSTROUTING -s 10.8.0.0/24 -o eth0 -j MASQUERADE`")

P("sonnet", "ops", "infrastructure", "plain", None, "Writing an iptables ruleset with a clear spec; careful but routine.",
  "Write iptables rules (and the ip6tables equivalents) for a small VPS: default drop inbound, allow established/related, loopback, SSH only from 198.51.100.0/24, HTTP/HTTPS from anywhere, ICMP echo rate-limited to 5/s, and log+drop everything else with a prefix. Persist them on Debian 12.")

P("opus", "debug", "infrastructure", "verbose", None, "Performance cliff across network layers with no clear lead; needs analysis (conntrack/SNAT exhaustion theory).",
  """Every weekday around 09:30 our outbound calls from the EKS cluster to a partner API (through a NAT gateway) start failing with connect timeouts for 10-15 minutes. It's maybe 3% of calls. The partner says they see nothing. It's the hour with the most traffic: we open a lot of short-lived HTTPS connections (new connection per request, the client library doesn't pool). About 60 pods talk to that one partner IP on 443. Our NAT GW CloudWatch shows ErrorPortAllocation > 0 at those times but I'm not sure it matters. I'd like an explanation of the mechanism and a fix that works in the long run, not only for this partner.""")

P("haiku", "question", "infrastructure", "plain", None, "Short factual question about CIDR math.",
  "How many usable IPs in a /27?")

P("sonnet", "implement", "infrastructure", "plain", None, "Writing alerts with a clear spec; routine observability work.",
  "Write Prometheus alerting rules for our Kafka consumers: alert when consumer lag for any group grows steadily for 15 minutes (use deriv), when lag exceeds 100k for 10 minutes, and when a group has zero consumers. Metrics are from kafka-exporter (`kafka_consumergroup_lag`, `kafka_consumergroup_members`). Include sensible labels and summaries.")

P("haiku", "question", "infrastructure", "typos", None, "One-line PromQL question.",
  "promql for 5xx rate per service last 5m?")

P("sonnet", "explain", "infrastructure", "plain", None, "Explaining a non-trivial PromQL expression and why it misbehaves; subtle but medium.",
  """Why does this alert fire with values above 1 sometimes? It's supposed to be an error ratio.

```
sum(rate(http_requests_total{code=~"5.."}[5m])) by (service)
/
sum(rate(http_requests_total[1m])) by (service)
> 0.05
```""")

P("opus", "design", "infrastructure", "plain", None, "Designing an SLO/alerting strategy across services with trade-offs; open design.",
  "We page on CPU > 80% and on every 5xx spike and people are burned out. Design an SLO-based alerting setup for our 25 HTTP services and 8 async workers: which SLIs for each kind, how to set targets, multi-window multi-burn-rate alerts, what pages vs what tickets, and how to roll it out without losing coverage during the switch.")

P("haiku", "explain", "infrastructure", "plain", "hard-words-easy", "Simple conceptual definition despite observability jargon.",
  "What does 'cardinality' mean when people say a Prometheus label has high cardinality?")

P("sonnet", "ops", "infrastructure", "verbose", None, "Configuring an OpenTelemetry collector pipeline with known steps.",
  """I'm setting up the OpenTelemetry Collector (contrib, as a DaemonSet) and I'm a bit lost in the config. What I want: receive OTLP gRPC and HTTP from the apps on the node, add k8s metadata (namespace, pod, deployment) to everything, drop health-check spans (`http.route == "/healthz"`), batch, and send traces to Tempo at tempo-distributor.observability:4317 and metrics to Prometheus via remote write at http://mimir.observability/api/v1/push. Logs we don't send yet. Could you write the config and the relevant RBAC for the k8sattributes processor?""")

P("opus", "plan", "infrastructure", "verbose", None, "Incident-response process design across teams; large open plan.",
  """After last month's outage (4h, we found out from Twitter) leadership wants a real incident process. We're 60 engineers, 9 teams, follow-the-sun across Berlin and Bangalore, PagerDuty + Slack. Currently no incident commander role, no severity levels, postmortems happen sometimes. Write the plan: severity definitions, roles, comms (internal/status page/customer), escalation, handover between time zones, postmortem process and how to make sure action items actually get done, and how to roll all of this out over a quarter without it becoming theatre.""")

P("haiku", "docs", "infrastructure", "plain", None, "Short text task: status page update.",
  "Write a 2-sentence status page update: checkout is degraded, we've identified a bad config deploy and are rolling back, next update in 30 min.")

P("sonnet", "docs", "infrastructure", "plain", None, "Writing a postmortem from a provided timeline; a few careful steps, no design.",
  """Turn these notes into a blameless postmortem (summary, impact, timeline, root cause, what went well/badly, action items):

- 14:02 deploy of pricing-svc 4.12 (changed currency rounding)
- 14:05 first alert: checkout 5xx 2%
- 14:09 on-call (Ana) acks, looks at checkout, assumes DB
- 14:20 escalates to payments team
- 14:31 Marco notices pricing-svc returns 500 for JPY prices (no decimals → division by zero in rounding)
- 14:34 rollback started, 14:39 done, errors gone
- impact: ~4% of checkouts failed for 37 min, all in JPY and KRW markets, ~1,900 orders
- canary was skipped because the deploy pipeline canary step was disabled in October for a migration and never re-enabled""")

P("haiku", "question", "infrastructure", "plain", None, "Factual question about a well-known tool flag.",
  "journalctl: how to follow logs of one unit since the last boot only?")

P("sonnet", "debug", "infrastructure", "typos", None, "systemd unit failing with a clear cause in journalctl output.",
  """service wont start after reboot

```
$ systemctl status myapp
× myapp.service - My App
     Loaded: loaded (/etc/systemd/system/myapp.service; enabled; preset: enabled)
     Active: failed (Result: exit-code) since Sat 2026-11-14 07:02:11 UTC; 3min ago
    Process: 812 ExecStart=/opt/myapp/bin/server --config /etc/myapp/config.yaml (code=exited, status=1/FAILURE)
$ journalctl -u myapp -b --no-pager | tail -5
Nov 14 07:02:10 web-3 server[812]: 2026/11/14 07:02:10 loading config /etc/myapp/config.yaml
Nov 14 07:02:11 web-3 server[812]: 2026/11/14 07:02:11 dial tcp 10.0.4.21:5432: connect: network is unreachable
Nov 14 07:02:11 web-3 systemd[1]: myapp.service: Main process exited, code=exited, status=1/FAILURE
Nov 14 07:02:11 web-3 systemd[1]: myapp.service: Failed with result 'exit-code'.
```
unit has `After=network.target`. works fine if i start it by hand later""")

P("opus", "debug", "infrastructure", "plain", None, "Envoy/mesh latency issue that needs reasoning across components; no clear lead.",
  """After enabling Istio mTLS STRICT in the `orders` namespace, p99 latency for gRPC calls from `orders` to `inventory` jumped from 40ms to ~900ms, but only for the first request on each new connection after the pods have been idle a while, and only when inventory has more than 5 replicas. HTTP/1.1 calls between the same services are fine. CPU is low everywhere. istioctl analyze is clean. What's likely going on and how do I confirm it?""")

P("haiku", "question", "infrastructure", "plain", None, "Short factual question about DNS record types.",
  "Can I put a CNAME at the zone apex? Why not?")

P("sonnet", "implement", "infrastructure", "plain", None, "Envoy config with a clear spec; routine but several parts.",
  "Write an Envoy static config: listener on 8443 with TLS (cert files on disk), route `/api/` to cluster `api` (3 endpoints via STRICT_DNS api.internal:8080) with a 5s timeout and 2 retries on 5xx/reset, route everything else to `web` (web.internal:3000), and add a local rate limit of 100 rps per listener. Include an admin on 127.0.0.1:9901.")

P("haiku", "question", "infrastructure", "other-language", None, "単純なコマンドの質問; one-liner answer.",
  "Kubernetes で特定の namespace の全リソースを一覧表示するコマンドを教えてください。", language="ja")

P("sonnet", "debug", "infrastructure", "other-language", None, "Ingress 404 with a clear cause (ingressClassName missing); routine debugging in Japanese.",
  """ingress-nginx を入れ直したら、全部の Ingress が 404 を返すようになりました。コントローラーのログはこれです:

```
I1114 04:12:33.112233       7 store.go:436] "Ignoring ingress because of error while validating ingress class" ingress="shop/storefront" error="ingress does not contain a valid IngressClass"
I1114 04:12:33.112501       7 store.go:436] "Ignoring ingress because of error while validating ingress class" ingress="shop/api" error="ingress does not contain a valid IngressClass"
```

Ingress 側は `kubernetes.io/ingress.class: nginx` のアノテーションを使っています。Helm chart は 4.10 です。どう直すのが正しいですか？""", language="ja")

P("opus", "design", "infrastructure", "other-language", None, "マルチリージョンのDR設計; open design with trade-offs regardless of language.",
  "東京と大阪の2リージョンで、PostgreSQL を使う注文システムの災害対策を設計したいです。RPO は 1 分以内、RTO は 15 分以内が目標です。フェイルオーバーの判断を誰がどうするか、スプリットブレインをどう防ぐか、DNS の切り替えとアプリの接続先切り替えまで含めて、構成案とトレードオフを説明してください。", language="ja")

P("haiku", "question", "security", "other-language", None, "간단한 사실 질문; short well-known answer.",
  "SSH 키 생성할 때 ed25519랑 rsa 4096 중에 뭐 쓰는 게 좋아요? 짧게 알려주세요.", language="ko")

P("sonnet", "ops", "infrastructure", "other-language", None, "cert-manager 설정 with known steps; routine config.",
  """cert-manager로 Let's Encrypt 와일드카드 인증서(*.example.kr)를 발급받고 싶어요. DNS는 Route 53이고 EKS에서 IRSA를 쓰고 있습니다. ClusterIssuer, Certificate 리소스, 그리고 필요한 IAM 정책까지 작성해 주세요. staging 이슈어로 먼저 테스트하는 방법도 알려주세요.""", language="ko")

P("opus", "review", "security", "other-language", None, "보안 리뷰 of an auth flow; subtle mistakes are vulnerabilities.",
  """저희 모바일 앱 로그인 흐름을 보안 관점에서 검토해 주세요.

1. 앱이 이메일/비밀번호를 POST /login 으로 보냄
2. 서버가 access token(JWT, 30일 유효)과 refresh token(UUID, 만료 없음)을 응답
3. 앱은 두 토큰을 SharedPreferences / UserDefaults 에 저장
4. refresh 할 때 refresh token만 보내면 새 access token과 같은 refresh token을 다시 줌
5. 로그아웃은 앱에서 토큰을 지우기만 함
6. 비밀번호 변경 시 기존 토큰은 그대로 유효

어떤 위험이 있고 우선순위대로 어떻게 고쳐야 할까요?""", language="ko")
# ---------------- batch 6: follow-ups, non-native voices, mixed
P("sonnet", "implement", "infrastructure", "follow-up", None, "Follow-up asking to apply the same config work to another component; everyday work.",
  "ok now do the same alerts for the rabbitmq consumers, metric names are rabbitmq_queue_messages_ready and rabbitmq_queue_consumers")

P("opus", "design", "infrastructure", "follow-up", None, "Follow-up that turns a config into a multi-region design; open design.",
  "good. now how would this whole setup change if we go active-active in two regions with the kafka cluster stretched?")

P("haiku", "docs", "infrastructure", "follow-up", None, "Follow-up asking for comments on existing config; trivial docs.",
  "also add a comment above each rule explaining it in one line")

P("sonnet", "debug", "infrastructure", "follow-up", None, "Follow-up with a new error from the same setup; routine debugging with a clear message.",
  """applied it, now the collector pod logs this:

```
Error: failed to build pipelines: failed to create "k8sattributes" processor, in pipeline "traces": pods is forbidden: User "system:serviceaccount:observability:otel-collector" cannot list resource "pods" in API group "" at the cluster scope
```""")

P("sonnet", "question", "general", "follow-up", None, "Bare continuation; work unknown, everyday tier.",
  "continue")

P("haiku", "edit", "infrastructure", "follow-up", None, "Follow-up asking for a mechanical format change.",
  "same thing but as JSON instead of YAML pls")

P("opus", "review", "security", "follow-up", None, "Follow-up asking for a threat analysis of the previous design; security review.",
  "before we build it — what are the ways an attacker could abuse this break-glass flow? go through them properly")

P("sonnet", "test", "security", "follow-up", None, "Follow-up asking for tests of the earlier code; writing tests is sonnet.",
  "write tests for the signature verifier you gave me: valid sig, tampered body, old timestamp, two v1 entries during rotation, missing header")

P("sonnet", "question", "general", "follow-up", None, "Follow-up that only points back; everyday tier.",
  "try again, but shorter")

P("haiku", "edit", "infrastructure", "follow-up", None, "Follow-up asking to rename a value; mechanical.",
  "rename the `extraEnv` value to `additionalEnv` in the template and the defaults")

P("sonnet", "debug", "infrastructure", "non-native", None, "Helm upgrade failure with clear error (immutable selector); routine.",
  """Hello, when I do helm upgrade it is giving this error and I am not understanding why, we only changed labels to add team name:

```
Error: UPGRADE FAILED: cannot patch "reports-api" with kind Deployment: Deployment.apps "reports-api" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"reports-api", "team":"analytics"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable
```
Kindly tell how to fix without downtime.""")

P("haiku", "question", "infrastructure", "non-native", None, "Short factual question in rough English.",
  "What is meaning of 'Evicted' status in pod, it is same like deleted?")

P("sonnet", "ops", "infrastructure", "non-native", None, "Setting up log rotation and retention for a known setup; routine ops.",
  "We are having problem that disk on our VM is full every week because docker container logs are grow too big (/var/lib/docker/containers/*/*-json.log). How to configure that logs are rotated, maximum 3 files of 50MB, for all containers, also the already running ones? It is Ubuntu 22.04 with docker 24.")

P("opus", "debug", "databases", "non-native", "easy-words-hard", "Data lost after failover, described in prose; distributed consistency theory needed.",
  """Sometimes after our Postgres failover (Patroni, 3 nodes, async replication) some customer say their last orders are missing, but the application got success from database. It not happen every failover, maybe 1 of 3. We think Patroni is broken. Can you explain what can be the reason, and how we can make that no committed order is lost, what is the cost of it?""")

P("sonnet", "implement", "infrastructure", "non-native", None, "Writing a CronJob with clear spec; routine.",
  "Please write kubernetes CronJob which every night 02:30 Europe/Berlin time is doing pg_dump of database 'shop' to S3 bucket s3://acme-backups/shop/ with date in file name, using service account with IRSA. If job is failing it should not start again more than 2 times, and old jobs history keep only 3.")

P("haiku", "question", "security", "non-native", None, "Short factual question.",
  "In OAuth2, the refresh token is must to be kept secret like password or not so important?")

P("opus", "plan", "security", "non-native", None, "Company-wide migration to SSO/MFA with many systems; large multi-step plan.",
  """Our company (300 person) still using separate passwords for each tool: AWS console with IAM users, GitHub, Jenkins, Grafana, Vault, Kibana, some servers with local linux users. Management want everything go with Okta SSO and MFA before audit in 4 months. Please help make a plan what order to migrate, how to do with service accounts and CI tokens, what to do with the break-glass, and how we make sure old access is really removed.""")

P("sonnet", "explain", "security", "non-native", None, "Explaining a non-trivial flow (mTLS in a mesh) step by step; medium explanation.",
  "Can you explain me step by step what is happening in istio when service A call service B with mTLS, who is making the certificates, where they are stored, and how often rotate? I need to explain to my team tomorrow.")

P("haiku", "edit", "infrastructure", "non-native", None, "Mechanical YAML to JSON conversion.",
  """Convert please this to JSON:

```yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
  namespace: shop
data:
  LOG_LEVEL: info
  CACHE_TTL: "300"
  FEATURE_X: "false"
```""")

P("sonnet", "debug", "infrastructure", "non-native", None, "Terraform provider auth error with a clear cause.",
  """Terraform giving me this, but I am logged in with aws sso login, aws s3 ls is working fine:

```
│ Error: No valid credential sources found
│
│   with provider["registry.terraform.io/hashicorp/aws"],
│   on providers.tf line 1, in provider "aws":
│    1: provider "aws" {
│
│ Please see https://registry.terraform.io/providers/hashicorp/aws
│ for more information about providing credentials.
│
│ Error: failed to refresh cached credentials, the SSO session has expired or is invalid: open /home/dmitry/.aws/sso/cache/3b1c0f....json: no such file or directory
```
provider block has `profile = "prod-admin"`, my ~/.aws/config has sso_session section. Terraform 1.3.6, provider 4.20.""")

P("opus", "design", "infrastructure", "non-native", None, "Choosing between designs for multi-tenant cluster isolation; trade-offs with security stakes.",
  "We are SaaS and now each customer have own namespace in one big EKS cluster. Some big customers ask for stronger isolation because of compliance. What options we have (namespace + policies, vcluster, node pools per tenant, separate clusters), what is the real security difference and cost, and what you would recommend for 200 small tenants and 5 big ones?")

P("haiku", "question", "tooling", "non-native", None, "One-liner git question.",
  "How I can see which commit has changed one line in file? Like who wrote it.")

P("sonnet", "review", "infrastructure", "plain", None, "Reviewing a Kubernetes manifest for correctness and best practice; ordinary review.",
  """Review this deployment before I merge, anything wrong or missing?

```yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: search-api
spec:
  replicas: 2
  selector:
    matchLabels: { app: search-api }
  template:
    metadata:
      labels: { app: search-api }
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/search-api:latest
          ports: [{ containerPort: 8080 }]
          env:
            - name: ES_PASSWORD
              value: "s3archP@ss!"
          resources:
            limits: { memory: 4Gi }
          livenessProbe:
            httpGet: { path: /search?q=test, port: 8080 }
            periodSeconds: 3
            failureThreshold: 1
```""")

P("opus", "debug", "systems", "verbose", None, "Memory growth under load across runtime/kernel with no clear lead; needs profile analysis.",
  """Our Go API's RSS grows from ~300MB to the 2Gi limit over about 3 days and then gets OOMKilled. pprof heap (inuse_space) stays flat at ~120MB the whole time. GOGC default, GOMEMLIMIT not set. runtime.MemStats: HeapSys grows slowly, HeapReleased stays low, StackInuse is fine, goroutine count stable around 900. We use cgo for one thing: a librdkafka-based consumer (confluent-kafka-go). Container runs on cgroup v2 nodes. Before I spend a week on this, what are the candidate explanations, how do I tell them apart cheaply, and in what order?""")

P("haiku", "question", "infrastructure", "terse", None, "Well-known factual answer.",
  "max size of a k8s configmap?")

P("sonnet", "implement", "tooling", "plain", None, "Writing a script with a clear spec; everyday tooling work.",
  "Write a bash script that finds all Kubernetes namespaces with no pods running for more than 30 days (based on the newest pod/job creationTimestamp, ignoring kube-* and default), prints them with the owner label `team`, and with `--delete` deletes them after a confirmation prompt. Use kubectl + jq only.")

P("haiku", "explain", "infrastructure", "plain", None, "Explain a common error message.",
  "What does `Error from server (Forbidden): pods is forbidden: User \"jane@acme.io\" cannot list resource \"pods\" in API group \"\" in the namespace \"prod\"` mean?")

P("sonnet", "ops", "security", "plain", None, "RBAC setup with a clear spec; routine.",
  "Give our on-call group (`oncall@acme.io` via OIDC) read access to everything in namespaces prod-* plus permission to delete pods and rollout-restart deployments there, but not to read Secrets. Write the ClusterRole/RoleBindings; we have 7 prod-* namespaces and will add more.")

P("opus", "question", "security", "terse", "short-hard", "Reasoning about the security of a cryptographic construction.",
  "is hmac(key, a || b) safe as a MAC over two variable length fields? if not how to fix")

P("haiku", "question", "security", "plain", "hard-words-easy", "Simple factual answer despite security vocabulary.",
  "What does the 'S' in SAML stand for?")

P("sonnet", "debug", "web", "plain", None, "nginx proxy error with a clear cause in the log; routine.",
  """nginx in front of our Node app returns 502 on file uploads above ~1MB, small ones work.

```
2026/11/14 09:14:22 [error] 31#31: *8812 client intended to send too large body: 4718592 bytes, client: 10.0.3.17, server: app.example.com, request: "POST /api/upload HTTP/1.1", host: "app.example.com"
```

Wait, the browser shows 413 actually, and then the frontend shows a generic error. Where do I set it and what else should I change for large uploads (timeouts, buffering)?""")
# ---------------- batch 7: traps-heavy mix
P("haiku", "edit", "systems", "plain", "hard-words-easy", "Fixing a typo in a comment, even in a consensus module, is mechanical.",
  """Fix the typos in the comments only:

```go
// becomeLeader transitions the node to leader state. It must only be called
// after a quorum of votes has been recieved for the current term; otherwise
// two leaders could exsist in the same term, violating election saftey.
func (r *raft) becomeLeader() {
	r.state = StateLeader
	r.lead = r.id
	r.resetProgress()
	r.appendEntry(pb.Entry{Data: nil}) // no-op entry to commit previous terms
}
```""")

P("opus", "design", "systems", "terse", "short-hard", "Novel concurrent algorithm design; correctness under memory ordering is hard.",
  "lock-free ring buffer for a single producer, multiple consumers, each consumer sees every message. rust, explain the orderings")

P("haiku", "question", "infrastructure", "plain", "hard-words-easy", "Definition question despite distributed vocabulary.",
  "What does 'eventually consistent' mean, in plain words?")

P("opus", "plan", "infrastructure", "plain", "easy-words-hard", "Plain words asking for a zero-downtime cross-system migration plan.",
  "We need to move all our servers from one cloud account to another one by the end of March, without customers noticing. Help me plan it.")

P("haiku", "question", "infrastructure", "terse", "hard-words-easy", "Factual one-liner despite scary vocabulary.",
  "etcd default client port?")

P("opus", "debug", "databases", "plain", "easy-words-hard", "Intermittent missing data with no lead; needs a theory across components.",
  "Every now and then a customer's invoice shows up twice in the export, maybe twice a month. We can't find a pattern. Where should we look?")

P("haiku", "question", "security", "plain", "hard-words-easy", "Simple factual question despite cryptography vocabulary.",
  "How many bits is a SHA-256 hash, and how many hex characters is that?")

P("opus", "design", "security", "terse", "short-hard", "Key management design with high stakes.",
  "design a signing key rotation scheme for our release artifacts. offline root, online intermediates, revocation")

P("haiku", "docs", "infrastructure", "plain", "hard-words-easy", "Short summary task despite incident vocabulary.",
  "Summarise in one sentence: 'During the partition, the minority side of the etcd cluster lost quorum and stopped accepting writes; the majority side elected a new leader within 2s and continued serving.'")

P("opus", "design", "general", "plain", "easy-words-hard", "Plain words but an open architecture decision (service boundaries).",
  "Our app is one big Rails codebase and it's getting slow to work in. How should we split it up, if at all?")

P("haiku", "edit", "infrastructure", "terse", "hard-words-easy", "Reformatting a short Kubernetes federation config is mechanical.",
  """sort the keys alphabetically:

```yaml
clusterName: eu-west-1-prod
federationMode: active-active
quorumSize: 3
consensusTimeoutMs: 1500
leaderLeaseSeconds: 15
antiEntropyIntervalSeconds: 30
```""")

P("opus", "question", "infrastructure", "plain", "easy-words-hard", "Simple words but needs reasoning about capacity and failure modes across systems.",
  "If one of our three data centers goes away for a day, will everything still work? We have about 70% load on each. Think it through with me.")

P("haiku", "explain", "security", "plain", "hard-words-easy", "Explaining a one-line snippet despite crypto terms.",
  "what does `openssl rand -base64 32` output?")

P("opus", "debug", "web", "verbose", "easy-words-hard", "Prose-only intermittent bug report with no lead; needs a theory.",
  """Some of our users get logged out randomly. Not all of them, and not at the same time. It seems to happen more on Mondays? Could be nothing. We have three web servers behind a load balancer and the sessions are in Redis. We did not change anything in the login code for months. What could it be?""")

P("haiku", "question", "systems", "plain", "hard-words-easy", "Well-known definition despite concurrency vocabulary.",
  "What's a mutex, in one sentence?")

P("opus", "review", "systems", "plain", None, "Review of concurrent code for races; concurrency review is opus.",
  """Is this leader election correct? Several instances of our scheduler run; only one should act.

```python
def try_become_leader(redis, instance_id, ttl=10):
    current = redis.get("scheduler:leader")
    if current is None or current.decode() == instance_id:
        redis.set("scheduler:leader", instance_id, ex=ttl)
        return True
    return False

def run():
    while True:
        if try_become_leader(r, ME):
            run_due_jobs()          # can take up to 30s
        time.sleep(2)
```""")

P("haiku", "question", "infrastructure", "plain", "long-trivial", "Finding one setting in a long config is a lookup.",
  "What's the memory limit for the `payments` service in this file?\n\n```yaml\n" + gen_helm_values(1515, 16) + "\n```")

P("haiku", "edit", "infrastructure", "plain", "long-trivial", "Adding a header comment to a long file is mechanical.",
  "Add this header at the top of the file and output the whole file: `# Managed by platform-team. Do not edit by hand; changes go through the alerts repo.`\n\n```yaml\n" + gen_prom_rules(1616, 14) + "\n```")

P("haiku", "question", "security", "plain", "long-trivial", "Counting entries by severity in a long CSV is mechanical.",
  "How many CRITICAL rows are in this scan export?\n\n```csv\n" + gen_trivy_csv(1717, 90) + "\n```")

P("sonnet", "review", "infrastructure", "plain", None, "Long pasted plan but the task is an ordinary plan review for a clear risk; sonnet.",
  "Review this plan before I apply it to prod. Anything in here that should make me stop? Call out anything destructive and anything that looks unintended.\n\n```\n" + gen_tf_plan(1818, 40) + "\n```")

P("haiku", "question", "infrastructure", "typos", "long-trivial", "Extracting one field from a long listing is mechanical.",
  "whats the oldest pod in ns payments in this list\n\n```\n" + gen_kubectl_pods(1919, 110) + "\n```")

P("sonnet", "implement", "infrastructure", "plain", None, "Writing a log-processing script with a clear spec.",
  "Write a Python script that reads JSON log lines from stdin (fields: ts, level, svc, path, status, dur_ms) and prints, per path, request count, error rate (status >= 500) and p50/p95/p99 duration, sorted by p99 desc. Handle malformed lines by counting and skipping them.")

P("sonnet", "debug", "infrastructure", "plain", None, "Liveness probe killing pods during GC pauses; cause identifiable from pasted events.",
  """Pods restart under load, events:

```
  Warning  Unhealthy  3m (x12 over 40m)  kubelet  Liveness probe failed: Get "http://10.2.14.8:8080/health": context deadline exceeded (Client.Timeout exceeded while awaiting headers)
  Normal   Killing    3m (x4 over 40m)   kubelet  Container api failed liveness probe, will be restarted
```

probe: `httpGet /health`, timeoutSeconds 1, periodSeconds 5, failureThreshold 2. The /health handler checks the DB and Redis and calls the auth service. CPU limit 500m, it hits the limit during peaks.""")

P("sonnet", "ops", "infrastructure", "plain", None, "Upgrade procedure with known steps for a managed cluster.",
  "Give me a checklist to upgrade EKS from 1.28 to 1.29: control plane, managed node groups, add-ons (vpc-cni, coredns, kube-proxy, ebs-csi), what to check for deprecated APIs before, and how to roll node groups with minimal disruption. We have PDBs on most workloads.")

P("sonnet", "explain", "infrastructure", "plain", None, "Explaining a non-trivial config module (dozens of lines) and its interplay.",
  """Explain what this Kustomize overlay ends up producing and in what order the patches apply:

```yaml
# overlays/prod/kustomization.yaml
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: shop-prod
resources:
  - ../../base
  - hpa.yaml
namePrefix: prod-
commonLabels:
  env: prod
images:
  - name: ghcr.io/acme/shop
    newTag: 5.2.0
patches:
  - path: replicas.yaml
  - target: { kind: Deployment, name: shop }
    patch: |-
      - op: add
        path: /spec/template/spec/containers/0/env/-
        value: { name: REGION, value: eu-west-1 }
configMapGenerator:
  - name: shop-config
    behavior: merge
    literals: [ "CACHE_TTL=600" ]
```""")

P("haiku", "question", "infrastructure", "plain", None, "Factual question with a short answer.",
  "Does `kubectl apply --dry-run=server` talk to admission webhooks?")

P("opus", "design", "infrastructure", "plain", None, "Architecture choice with trade-offs (secrets management across clusters).",
  "We have 14 EKS clusters across 3 accounts and secrets are a mess (some in k8s Secrets committed encrypted with SOPS, some in AWS Secrets Manager, some in Vault). Design one approach: where secrets live, how workloads get them (CSI driver vs External Secrets vs Vault agent), rotation, access control, audit, and how developers add a new secret. Justify the choice against the alternatives.")

P("sonnet", "implement", "security", "plain", None, "Vault policy and auth role with clear spec.",
  "Write a Vault policy and a Kubernetes auth role so that pods with service account `billing-api` in namespace `billing` can read `secret/data/billing/*` and get dynamic Postgres creds from `database/creds/billing-ro`, nothing else. Token TTL 1h. Include the vault CLI commands.")

P("opus", "review", "security", "verbose", None, "Security review of network exposure from iptables/security groups; subtle mistakes are vulnerabilities.",
  """Pentest is next week and I want to find the embarrassing stuff first. This is our bastion's firewall and the SG. Please review for anything exposed that shouldn't be and any way around the restrictions.

```
*filter
:INPUT DROP [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A INPUT -p tcp --dport 22 -s 198.51.100.0/24 -j ACCEPT
-A INPUT -p tcp --dport 22 -m recent --name ssh --set
-A INPUT -p tcp --dport 22 -m recent --name ssh --update --seconds 60 --hitcount 4 -j DROP
-A INPUT -p tcp --dport 22 -j ACCEPT
-A INPUT -p tcp --dport 9100 -j ACCEPT
-A INPUT -p udp --dport 51820 -j ACCEPT
-A INPUT -p icmp -j ACCEPT
COMMIT
*nat
:PREROUTING ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A POSTROUTING -s 10.8.0.0/24 -o eth0 -j MASQUERADE
COMMIT
```

SG: inbound 22 from 0.0.0.0/0, 51820/udp from 0.0.0.0/0, 9100 from 10.0.0.0/8. net.ipv4.ip_forward=1 (for wireguard). The bastion's instance role can read SSM parameters under /prod/*.""")

P("haiku", "question", "tooling", "terse", None, "One-liner shell question.",
  "grep recursively for a string but skip node_modules")
# ---------------- batch 8: on-call pastes, ja/ko, follow-ups
P("sonnet", "debug", "infrastructure", "typos", None, "Alert plus pasted metrics pointing at a full disk from WAL growth; identifiable cause.",
  """paged at 3am, pls

```
[FIRING:1] PostgreSQLDiskAlmostFull (orders-db-0 critical)
  summary: disk usage on /var/lib/postgresql above 90%
  value: 93.4
  labels: instance=orders-db-0:9187 namespace=data severity=critical
```
```
orders=# select slot_name, active, pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) as retained from pg_replication_slots;
   slot_name    | active | retained
----------------+--------+----------
 debezium_cdc   | f      | 212 GB
 replica_1      | t      | 48 MB
```
debezium was turned off last week bc we moved to the new pipeline. what do i do right now and what after""")

P("haiku", "question", "infrastructure", "typos", None, "Short factual command.",
  "kubectl exec into a specific container in a multi container pod, syntax?")

P("sonnet", "debug", "infrastructure", "typos", None, "ImagePullBackOff with a clear error in events; routine.",
  """imagepullbackoff on new node group only, old nodes fine

```
  Warning  Failed     12s (x3 over 51s)  kubelet  Failed to pull image "481516234200.dkr.ecr.eu-west-1.amazonaws.com/api:7.1.0": rpc error: code = Unknown desc = failed to pull and unpack image: failed to resolve reference: pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials
```
new nodegroup was made with terraform, custom launch template""")

P("sonnet", "debug", "infrastructure", "terse", None, "Certificate expiry outage with a clear cause in cert-manager status.",
  """tls broke on prod ingress. 

```
$ kubectl -n shop describe certificate storefront-tls
Status:
  Conditions:
    Message: Issuing certificate as Secret was previously issued by "Issuer.cert-manager.io/letsencrypt-staging"
    Reason:  IncorrectIssuer
    Status:  False
    Type:    Ready
  Not After: 2026-11-14T06:01:22Z
$ kubectl -n shop describe order storefront-tls-1-2871771302
  State: errored
  Reason: Failed to finalize Order: 429 urn:ietf:params:acme:error:rateLimited: too many certificates (5) already issued for this exact set of domains in the last 168 hours
```""")

P("haiku", "question", "infrastructure", "typos", None, "Quick factual question.",
  "how do i silence an alert in alertmanager for 2h from cli")

P("opus", "debug", "infrastructure", "verbose", None, "Long incident narrative with conflicting signals across components; needs a theory.",
  """Careful write-up since this is the third time. Cluster: self-managed k8s 1.27 on bare metal, Cilium 1.14 in kube-proxy replacement mode, BGP to the ToR switches for LoadBalancer IPs via MetalLB... sorry, via Cilium's BGP control plane (we moved off MetalLB in August).

What happens: roughly every 10 days, for 2-6 minutes, about a third of external connections to our ingress VIP 203.0.113.50 get RST right after the TCP handshake. Internal traffic to the same ingress pods via ClusterIP is fine during the event. Ingress pods show no errors and no restarts. The affected connections always land on nodes rack-b-*; rack-a-* nodes are fine. During the last event, someone ran `cilium bpf lb list` on a rack-b node and the service entry for the VIP was present. On the ToR, the BGP session from rack-b nodes flapped twice, ~40s apart, at the start of the event. Our ingress runs as a DaemonSet-like Deployment with 6 replicas and externalTrafficPolicy: Local. Node maintenance (kernel patching with drain) happened 2 hours before the last two events on rack-b.

I want: the most likely mechanism, what else it could be, and the exact data to capture next time (commands, on which nodes, at which moment) to confirm.""")

P("sonnet", "docs", "infrastructure", "plain", None, "Writing a runbook from known steps; a few careful sections.",
  "Write a runbook for the alert `KafkaUnderReplicatedPartitions`: what it means, how to check which brokers/partitions are affected (kafka-topics.sh commands), common causes (broker down, disk full, slow follower), what to do for each, and when to escalate. Our Kafka is Strimzi on k8s, 3 brokers.")

P("haiku", "question", "infrastructure", "other-language", None, "単純な質問; short factual answer.",
  "Terraform の `depends_on` はどういう時に使うべきですか？一言で。", language="ja")

P("sonnet", "implement", "infrastructure", "other-language", None, "GitHub Actions ワークフロー作成 with clear spec; routine CI configuration.",
  """GitHub Actions で、main ブランチへの push 時に Docker イメージをビルドして ECR に push し、その後 ArgoCD が見ている manifests リポジトリの image タグを書き換えてコミットするワークフローを書いてください。AWS の認証は OIDC でお願いします。manifests リポジトリへの書き込みには GitHub App のトークンを使いたいです。""", language="ja")

P("opus", "debug", "infrastructure", "other-language", "easy-words-hard", "原因不明の断続的な遅延; no clear lead, cross-component theory needed.",
  "毎日ではないのですが、夕方になるとサイト全体が数分間だけ遅くなります。CPU もメモリも余裕があり、エラーも出ていません。どこから調べればいいか、可能性の高い順に考えてもらえますか。構成は ALB → EKS 上の Nginx → Rails → Aurora MySQL です。", language="ja")

P("haiku", "edit", "infrastructure", "other-language", None, "YAML のインデント修正; mechanical edit.",
  """この YAML のインデントを直してください。

```yaml
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
 selector:
    app: web
 ports:
   - port: 80
      targetPort: 8080
```""", language="ja")

P("haiku", "question", "infrastructure", "other-language", None, "간단한 사실 질문; one-line answer.",
  "도커에서 사용하지 않는 이미지랑 볼륨 한 번에 정리하는 명령어 뭐예요?", language="ko")

P("sonnet", "debug", "infrastructure", "other-language", None, "Terraform state lock 오류 with a clear cause; routine.",
  """terraform plan 할 때마다 이 에러가 나요. 어제 CI 잡이 중간에 취소된 후부터인 것 같아요.

```
Error: Error acquiring the state lock

Error message: ConditionalCheckFailedException: The conditional request failed
Lock Info:
  ID:        6f1c2a8e-33b1-4d9e-a3b7-5d2e1c9f0a44
  Path:      acme-tfstate/prod/network/terraform.tfstate
  Operation: OperationTypeApply
  Who:       runner@gha-runner-7x2kq
  Version:   1.6.6
  Created:   2026-11-13 17:42:10.118 +0000 UTC
```
안전하게 푸는 방법 알려주세요.""", language="ko")

P("opus", "design", "security", "other-language", None, "제로 트러스트 접근 설계; open security design with trade-offs.",
  "사내 VPN을 없애고 제로 트러스트 방식으로 내부 도구(Grafana, Argo CD, 사내 어드민, DB 접속)에 접근하게 하려고 합니다. 아이덴티티 인식 프록시, 디바이스 신뢰, DB 같은 TCP 접근 처리, 단계별 전환 방법까지 포함해서 설계안을 제안해 주세요. 직원은 150명입니다.", language="ko")

P("sonnet", "explain", "security", "other-language", None, "OAuth 흐름 설명, multi-step but well-known; medium explanation.",
  "OAuth 2.0 Authorization Code + PKCE 흐름을 단계별로 설명해 주세요. 각 단계에서 어떤 값이 오가고, PKCE가 정확히 어떤 공격을 막는지도 알려주세요.", language="ko")

P("sonnet", "refactor", "infrastructure", "follow-up", None, "Follow-up asking to restructure the earlier workflow into a reusable one; everyday CI work.",
  "now turn that into a reusable workflow (workflow_call) with inputs for service name and dockerfile path, and show how the 8 service workflows call it")

P("opus", "debug", "infrastructure", "follow-up", None, "Follow-up that reports the fix didn't hold and adds a new symptom; intermittent cross-component issue.",
  "we raised the idle timeout like you said and the 502s dropped but didn't go away — now they cluster right after every inventory deploy, and also randomly ~twice a day. what's the second mechanism?")

P("haiku", "docs", "tooling", "follow-up", None, "Follow-up asking for a commit message; small text task.",
  "cool, give me a commit message for that change")

P("sonnet", "test", "infrastructure", "follow-up", None, "Follow-up asking for tests of the earlier script; test writing.",
  "add pytest tests for the log stats script, including malformed lines and an empty input")

P("sonnet", "question", "general", "follow-up", None, "Pointing-back follow-up with unknown work; everyday tier.",
  "hmm not quite what i meant. again?")

P("haiku", "edit", "security", "follow-up", None, "Follow-up asking for a trivial value change.",
  "change the ban time to 24h and maxretry to 3")

P("opus", "review", "security", "follow-up", None, "Follow-up asking for a security review of the generated policy; security review is opus.",
  "before I apply the IAM policy you wrote, go through it again as an attacker with a compromised CI job: anything that still lets them escalate?")

P("sonnet", "implement", "infrastructure", "follow-up", None, "Follow-up extending the earlier CronJob to another database; everyday.",
  "do the same cronjob for the `analytics` db but it's mysql 8, so mysqldump with --single-transaction")

P("haiku", "question", "infrastructure", "plain", None, "Factual question with a short answer.",
  "What's the difference between `kubectl apply` and `kubectl create`?")

P("sonnet", "implement", "infrastructure", "plain", None, "Writing a Kubernetes operator-free automation script with clear spec.",
  "Write a small Go program using client-go that watches Deployments in all namespaces and posts a Slack message (incoming webhook URL from env) whenever a rollout finishes or gets stuck (Progressing=False with ProgressDeadlineExceeded). Dedupe per deployment generation.")

P("opus", "plan", "infrastructure", "plain", None, "Large cross-team migration plan (CNI switch) on live clusters.",
  "Plan the migration of our 6 production EKS clusters from the AWS VPC CNI to Cilium (ENI mode first, then maybe overlay), with no downtime for customer traffic. Include how to handle NetworkPolicies we already have, security groups for pods we use in two namespaces, node rollout order, observability during the switch, and the go/no-go and rollback criteria.")

P("sonnet", "debug", "infrastructure", "plain", None, "HPA not scaling with a clear reason visible in describe output.",
  """HPA doesn't scale even though CPU is high:

```
$ kubectl describe hpa api
Metrics:                                               ( current / target )
  resource cpu on pods  (as a percentage of request):  <unknown> / 70%
Min replicas:                                          3
Max replicas:                                          30
Conditions:
  Type           Status  Reason                   Message
  ----           ------  ------                   -------
  AbleToScale    True    SucceededGetScale        the HPA controller was able to get the target's current scale
  ScalingActive  False   FailedGetResourceMetric  the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container "istio-proxy" of Pod "api-6f9c7b5d8-4kq2m"
```""")

P("haiku", "question", "infrastructure", "terse", None, "Factual one-liner.",
  "helm: render templates locally without installing?")

P("sonnet", "implement", "infrastructure", "verbose", None, "Grafana dashboard JSON with a clear spec; routine but several panels.",
  """Could you generate a Grafana dashboard (JSON model, Grafana 10) for our HTTP services? Variables: datasource, namespace, service (from `http_requests_total`). Panels: request rate by status class, error ratio, p50/p90/p99 latency from `http_request_duration_seconds_bucket`, in-flight requests, and a table of the top 10 routes by p99. Use timeseries panels, sensible units, and repeat nothing.""")

P("opus", "question", "infrastructure", "plain", None, "Reasoning about consistency guarantees of a distributed system under failure.",
  "If our Kafka producer uses acks=all with min.insync.replicas=2 and replication factor 3, and unclean leader election is off, under which exact failure sequences can we still lose an acknowledged message? And what about with idempotence on but no transactions, on consumer side with auto-commit?")
# ---------------- batch 9
P("haiku", "question", "security", "typos", "hard-words-easy", "Simple definitional question despite threat-model vocabulary.",
  "wat does STRIDE stand for in threat modeling, just the letters")

P("opus", "design", "security", "terse", "short-hard", "Open security design: tenant-isolated encryption with key custody trade-offs.",
  "BYOK for enterprise tenants on our multi-tenant postgres. design it")

P("opus", "question", "security", "plain", "easy-words-hard", "Plain words, but judging whether a token scheme is forgeable needs security reasoning.",
  "Our password reset links look like /reset?user=123&token=<md5 of email + timestamp>. Is that okay?")

P("haiku", "explain", "security", "plain", "hard-words-easy", "Explaining a common error message in a sentence.",
  "What does 'CORS preflight did not succeed' mean in the browser console?")

P("sonnet", "debug", "security", "typos", None, "SAML error with a clear cause (clock skew) in the log.",
  """saml login broke for one customer (azure ad), others fine

```
2026-11-14 08:41:19,224 ERROR [saml] Response validation failed for tenant=northwind: Assertion is not yet valid. NotBefore=2026-11-14T08:43:02Z now=2026-11-14T08:41:19Z
2026-11-14 08:41:52,902 ERROR [saml] Response validation failed for tenant=northwind: Assertion is not yet valid. NotBefore=2026-11-14T08:43:35Z now=2026-11-14T08:41:52Z
```
started after we moved the sso service to the new VMs yesterday""")

P("opus", "review", "security", "plain", None, "Reviewing an OAuth implementation for vulnerabilities; security review.",
  """Security-review our OAuth callback handler (we're the client, provider is GitHub):

```python
@app.get("/oauth/callback")
def callback(code: str, state: str, request: Request):
    next_url = request.query_params.get("next", "/")
    token = requests.post("https://github.com/login/oauth/access_token",
                          data={"client_id": CID, "client_secret": CSECRET, "code": code},
                          headers={"Accept": "application/json"}).json()["access_token"]
    gh_user = requests.get("https://api.github.com/user", headers={"Authorization": f"token {token}"}).json()
    user = db.users.find_one({"email": gh_user.get("email")}) or db.users.insert({"email": gh_user.get("email")})
    session["uid"] = str(user["_id"])
    return RedirectResponse(next_url)
```

The login button links to GitHub with `state=` set to `base64(next)`.""")

P("sonnet", "implement", "security", "plain", None, "Adding security headers middleware with a clear spec.",
  "Add a middleware to our Express app that sets a strict CSP (self only, plus our CDN cdn.acme-static.com for scripts and images, no inline scripts, nonces for the two inline scripts we have), HSTS, X-Content-Type-Options, Referrer-Policy strict-origin-when-cross-origin, and frame-ancestors none. Show how the nonce gets into the EJS templates.")

P("haiku", "question", "security", "terse", None, "One-liner command.",
  "gpg: export my public key ascii armored")

P("sonnet", "ops", "security", "plain", None, "Configuring auditd rules with clear spec.",
  "Write auditd rules for our Ubuntu servers to log: every execve by root, changes to /etc/passwd, /etc/shadow, /etc/sudoers and /etc/sudoers.d, any use of sudo, and loading of kernel modules. Make the rules immutable at the end and tell me how to search the results with ausearch.")

P("opus", "debug", "security", "verbose", None, "Possible compromise from log evidence across hosts; incident investigation with no clear lead.",
  """Our IDS flagged outbound traffic from one of our web servers to an IP in a hosting provider we don't use, port 443, every 5 minutes, small payloads. I logged in and found nothing obviously wrong: no unknown processes in `ps`, crontab for www-data is empty, no new users. But `last` shows a login for `deploy` from an IP I don't recognise 9 days ago, and /var/log/auth.log was rotated and the rotated file for that week is missing. The server runs nginx + PHP-FPM (a WordPress install that marketing uses) and also has our deploy key for the main app repo. What do I do now, in order, and what should I preserve before touching anything?""")

P("haiku", "question", "security", "non-native", None, "Short factual question in rough English.",
  "The API key is better to send in header or in the query string? Only short answer please.")

P("sonnet", "explain", "security", "non-native", None, "Explaining why a configuration fails (SameSite cookies across subdomains); subtle but medium.",
  "Why our session cookie is not sent when the frontend on app.example.com call the API on api.example.com with fetch? Cookie is set by api.example.com with SameSite=Lax, Secure, HttpOnly, and fetch has credentials: 'include'. CORS allow-credentials is true. In Chrome devtools the cookie is shown with yellow warning.")

P("opus", "design", "security", "non-native", None, "Designing authorization for service-to-service calls; security design with trade-offs.",
  "In our company each microservice calls other with one shared API key which is in every service env. Security team say this is bad. What is the proper way for service-to-service authentication and authorization in Kubernetes? We have 35 services, some in Java some in Go, no service mesh now. Please compare the options and recommend.")

P("sonnet", "debug", "infrastructure", "non-native", None, "Ingress routing issue with clear cause (path rewrite annotations).",
  """With ingress-nginx, when I call https://shop.example.com/api/products I get 404 from my backend, but calling the service directly /products is working. My ingress:

```yaml
metadata:
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /
spec:
  ingressClassName: nginx
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /api
            pathType: Prefix
            backend: { service: { name: catalog, port: { number: 80 } } }
```
All requests arriving on backend as "/" only. How to make /api/products become /products?""")

P("haiku", "question", "infrastructure", "non-native", None, "Short factual question.",
  "Is it possible to change the storage size of PVC after it is created? Only yes or no and the condition.")

P("sonnet", "plan", "databases", "plain", None, "Migration with known steps (Postgres major upgrade via logical replication); medium, well-trodden.",
  "Write the step-by-step for upgrading our RDS Postgres 13 to 16 using blue/green deployments: prerequisites (parameter groups, logical replication settings, extensions), the checks before switchover, the switchover itself, and what to watch afterwards. Single instance, 400 GB, we can accept ~1 minute of write downtime.")

P("haiku", "question", "databases", "terse", None, "Simple SQL one-liner.",
  "postgres: list all tables bigger than 1GB, one query")

P("opus", "debug", "databases", "plain", None, "Lock/deadlock reasoning across concurrent transactions; concurrency debugging.",
  """We get deadlocks in Postgres a few times an hour since we added the 'reserve stock' feature:

```
ERROR:  deadlock detected
DETAIL:  Process 28812 waits for ShareLock on transaction 91822311; blocked by process 28790.
Process 28790 waits for ShareLock on transaction 91822309; blocked by process 28812.
HINT:  See server log for query details.
CONTEXT:  while updating tuple (1822,14) in relation "stock_levels"
```

The code does, in one transaction: insert the order, then for each line item `UPDATE stock_levels SET reserved = reserved + $qty WHERE sku = $sku AND warehouse_id = $wh`, then `UPDATE orders SET status='reserved'`. A background job does `UPDATE stock_levels SET reserved = reserved - x ... FROM expired_reservations` in batches of 500, and a trigger on stock_levels updates a `warehouse_totals` row per warehouse. Explain exactly which interleavings deadlock and how to fix it without serialising all orders.""")

P("sonnet", "implement", "data", "plain", None, "Writing an Airflow DAG with a clear spec.",
  "Write an Airflow 2.8 DAG that every hour exports the previous hour of rows from Postgres table `events` (by created_at) to S3 as partitioned Parquet (dt=YYYY-MM-DD/hour=HH), then runs an Athena `MSCK REPAIR TABLE`. Idempotent on retries, catchup enabled, max 3 active runs.")

P("haiku", "edit", "data", "plain", None, "Mechanical CSV-to-JSON conversion.",
  """Convert to a JSON array of objects:

```csv
region,cluster,nodes,k8s_version
eu-west-1,prod-eu-1,142,1.29
eu-west-1,prod-eu-2,96,1.29
us-east-1,prod-us-1,210,1.28
ap-northeast-1,prod-ap-1,58,1.28
```""")

P("opus", "design", "ml", "plain", None, "Designing a GPU serving platform with capacity and isolation trade-offs.",
  "We're going to serve ~15 fine-tuned LLMs (7B-70B) for internal teams on our own k8s GPU nodes (A100 80GB x 32). Design the serving setup: model packing per GPU, autoscaling on queue depth vs tokens/s, cold-start strategy, multi-tenancy and quotas, and how to do rollouts of new model versions. Compare vLLM/TGI/Triton for this.")

P("sonnet", "ops", "mobile", "plain", None, "CI config for mobile builds with known steps.",
  "Set up a GitHub Actions workflow that builds our React Native app for iOS on macos-14 with fastlane, signs it using match (certs repo via deploy key), and uploads to TestFlight on tags `v*`. Cache CocoaPods and node_modules. Secrets names up to you, list them.")

P("haiku", "question", "web", "plain", None, "Short factual question.",
  "Which HTTP status should a load balancer return when there are no healthy backends, 502 or 503?")

P("opus", "plan", "infrastructure", "verbose", "easy-words-hard", "Plain words: a datacenter exit plan with ordering and risk across all systems.",
  """We have to leave our colo by next September because the contract ends. It's about 80 physical servers: some VMware hosts, a big Oracle box, a NetApp, two firewalls, and a bunch of things nobody remembers setting up. The plan is to go to AWS but nobody has done this here before. Where do we start and what does the whole thing look like, month by month?""")

P("sonnet", "review", "tooling", "plain", None, "Reviewing a CI workflow for correctness and efficiency; ordinary review.",
  """Review this workflow; builds take 25 min and I think we're doing dumb things:

```yaml
name: ci
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        python: ["3.9", "3.10", "3.11", "3.12"]
        db: [postgres, mysql]
    steps:
      - uses: actions/checkout@v4
        with: { fetch-depth: 0 }
      - uses: actions/setup-python@v5
        with: { python-version: "${{ matrix.python }}" }
      - run: pip install -r requirements-dev.txt
      - run: docker compose up -d ${{ matrix.db }}
      - run: sleep 30
      - run: pytest -x
      - run: docker build -t app .
      - run: pip install -r requirements-docs.txt && mkdocs build
```""")

P("haiku", "question", "tooling", "typos", None, "Short git question.",
  "undo last commit but keep the changes staged?")

P("sonnet", "debug", "tooling", "plain", None, "Build failure with a clear cause in the compiler error.",
  """Docker build of our Rust service fails on the CI runner but works on my Mac:

```
error: linking with `cc` failed: exit status: 1
  = note: /usr/bin/ld: cannot find -lssl: No such file or directory
          /usr/bin/ld: cannot find -lcrypto: No such file or directory
          collect2: error: ld returned 1 exit status
error: could not compile `api` (bin "api") due to 1 previous error
```

Dockerfile uses `FROM rust:1.82-slim AS build`. reqwest is in Cargo.toml with default features.""")

P("opus", "debug", "infrastructure", "plain", None, "Performance cliff needing analysis of cache/queue behaviour under load, no clear lead.",
  "Our Redis (single primary, 6 GB dataset) handles 40k ops/s fine, but when traffic reaches ~55k ops/s latency jumps from 0.3ms to 80ms+ and stays bad until traffic drops well below 40k again. CPU on the Redis box shows one core at 100% at that point. Clients are Node services using ioredis with pipelining off. Why does it fall off a cliff instead of degrading gradually, why the hysteresis, and what should we change?")

P("haiku", "question", "infrastructure", "plain", None, "Factual question.",
  "What is the default TTL for Route 53 alias records?")

P("sonnet", "implement", "infrastructure", "terse", None, "Writing an nginx config with clear spec.",
  "nginx: reverse proxy for grafana under /grafana/ subpath, websockets for live, gzip on, and basic auth on /grafana/api/admin only")
# ---------------- batch 10 (final)
P("haiku", "question", "infrastructure", "typos", "long-trivial", "Finding the first error line in a long log is a lookup.",
  "what's the first ERROR line in this, timestamp + msg only\n\n```\n" + gen_app_log(2020, 60, service="orders-api") + "\n```")

P("haiku", "edit", "infrastructure", "plain", "hard-words-easy", "Mechanical rename in a manifest despite service-mesh vocabulary.",
  """In this Istio DestinationRule rename the subset `canary` to `next` (and nothing else):

```yaml
apiVersion: networking.istio.io/v1beta1
kind: DestinationRule
metadata:
  name: reviews
spec:
  host: reviews.prod.svc.cluster.local
  trafficPolicy:
    connectionPool:
      http: { http2MaxRequests: 1000, maxRequestsPerConnection: 10 }
    outlierDetection: { consecutive5xxErrors: 5, interval: 10s, baseEjectionTime: 30s }
  subsets:
    - name: stable
      labels: { version: v1 }
    - name: canary
      labels: { version: v2 }
```""")

P("haiku", "question", "security", "plain", "hard-words-easy", "Simple factual answer about a crypto term.",
  "Is 'perfect forward secrecy' something I turn on in the cert, or in the server config?")

P("haiku", "docs", "security", "plain", "hard-words-easy", "Short text task despite CVE vocabulary.",
  "Write a two-line Slack message telling the team we patched CVE-2023-44487 (HTTP/2 rapid reset) on all ingress controllers this morning and no action is needed from them.")

P("haiku", "question", "infrastructure", "terse", "hard-words-easy", "Definition question despite distributed-systems jargon.",
  "raft vs paxos, one line each, no details")

P("opus", "design", "infrastructure", "terse", "short-hard", "Open distributed design: exactly-once across services.",
  "exactly-once webhook delivery to customer endpoints. design it")

P("opus", "debug", "infrastructure", "plain", "easy-words-hard", "Plain words but intermittent cross-system failure with no lead.",
  "Some nights the backup job says it finished fine but the file in S3 is smaller than usual. Not every night. Nobody touched the job. Help me figure out why.")

P("opus", "plan", "security", "plain", "easy-words-hard", "Plain words asking for an organisation-wide plan with security stakes.",
  "We want to stop anyone from having permanent admin access to production. How do we get there from where we are (about 25 people have it)?")

P("opus", "design", "systems", "terse", "short-hard", "Novel concurrency design with subtle correctness.",
  "distributed rate limiter, 1M rps, 50 regions, per-customer limits, <1% overshoot. how")

P("opus", "question", "security", "terse", "short-hard", "Crypto reasoning; a subtle mistake is a vulnerability.",
  "ECDSA nonce reuse across two different keys — exploitable?")

P("opus", "debug", "systems", "plain", "easy-words-hard", "Prose-only heisenbug with no clear lead.",
  "Our job runner sometimes runs the same job twice, maybe once every few thousand jobs, only in production. Why might that be happening?")

P("opus", "review", "infrastructure", "plain", "easy-words-hard", "Plain words but judging an architecture's failure modes is opus.",
  """Is this setup going to hold up? One Postgres primary in eu-west-1a with one replica in 1b, the app writes to the primary and reads from the replica for everything except checkout. Redis cache in 1a only. Three app instances spread over a/b/c. Nightly snapshot backups. We expect 10x traffic at Black Friday.""")

P("opus", "review", "security", "plain", None, "Security review of a Kubernetes pod spec (container escape risks).",
  """Security review of this DaemonSet from a vendor before we install it on prod nodes:

```yaml
spec:
  template:
    spec:
      hostPID: true
      hostNetwork: true
      serviceAccountName: vendor-agent
      containers:
        - name: agent
          image: vendor/agent:latest
          securityContext:
            privileged: true
          volumeMounts:
            - { name: root, mountPath: /host }
            - { name: docker, mountPath: /var/run/containerd/containerd.sock }
      volumes:
        - { name: root, hostPath: { path: / } }
        - { name: docker, hostPath: { path: /var/run/containerd/containerd.sock } }
---
kind: ClusterRole
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["get", "list", "watch", "create", "patch"]
```""")

P("sonnet", "implement", "infrastructure", "plain", None, "Writing a Kyverno policy set with a clear spec.",
  "Write Kyverno ClusterPolicies that (1) reject pods with `privileged: true` or hostPath volumes outside the `kube-system` and `monitoring` namespaces, (2) require images from our ECR registry only, (3) mutate pods to add `runAsNonRoot: true` if unset. Audit mode first; show how to switch to enforce.")

P("sonnet", "debug", "infrastructure", "typos", None, "Argo CD sync failure with a clear cause in the message.",
  """argocd app stuck OutOfSync forever, sync says succeeded

```
$ argocd app diff shop-prod
===== apps/Deployment shop-prod/shop ======
157c157
<         - name: OTEL_RESOURCE_ATTRIBUTES
<           value: deployment.environment=prod
---
>         - name: OTEL_RESOURCE_ATTRIBUTES
>           value: deployment.environment=prod,k8s.pod.uid=$(POD_UID)
```
the second one comes from some mutating webhook i think (otel operator?)""")

P("sonnet", "implement", "infrastructure", "plain", None, "Writing a Terraform config for CloudFront+S3 with clear spec.",
  "Terraform for a static site: private S3 bucket, CloudFront with OAC (not OAI), ACM cert in us-east-1 via provider alias, Route 53 alias A/AAAA for www and apex, a CloudFront function that redirects apex to www and rewrites `/foo/` to `/foo/index.html`. AWS provider 5.x.")

P("sonnet", "refactor", "tooling", "plain", None, "Refactoring a shell deploy script into functions with error handling; routine.",
  """Clean up this deploy script: set -euo pipefail, functions, proper quoting, a --dry-run flag, and fail if the rollout doesn't finish in 5 min.

```bash
#!/bin/bash
ENV=$1
TAG=$2
if [ $ENV == "prod" ]; then CTX=prod-eu-1; else CTX=staging-eu-1; fi
kubectl config use-context $CTX
for svc in api worker web; do
  kubectl -n shop set image deploy/$svc $svc=ghcr.io/acme/$svc:$TAG
done
kubectl -n shop rollout status deploy/api
echo done
```""")

P("sonnet", "test", "tooling", "plain", None, "Writing tests for a script with mocks; test writing.",
  """Write bats tests for this function: success path, missing argument, and kubectl failure (mock kubectl with a stub on PATH).

```bash
restart_deploy() {
  local ns="$1" name="$2"
  [[ -z "$ns" || -z "$name" ]] && { echo "usage: restart_deploy NS NAME" >&2; return 2; }
  kubectl -n "$ns" rollout restart "deploy/$name" || return 1
  kubectl -n "$ns" rollout status "deploy/$name" --timeout=300s
}
```""")

P("sonnet", "explain", "security", "plain", None, "Explaining a non-trivial auth config and its effects; medium explanation.",
  """Explain what this Envoy JWT authn config actually enforces, and which requests get through without a token:

```yaml
http_filters:
  - name: envoy.filters.http.jwt_authn
    typed_config:
      "@type": type.googleapis.com/envoy.extensions.filters.http.jwt_authn.v3.JwtAuthentication
      providers:
        auth0:
          issuer: https://acme.eu.auth0.com/
          audiences: [https://api.acme.io]
          remote_jwks:
            http_uri: { uri: https://acme.eu.auth0.com/.well-known/jwks.json, cluster: auth0_jwks, timeout: 5s }
            cache_duration: 600s
          forward: true
          from_headers: [{ name: Authorization, value_prefix: "Bearer " }]
      rules:
        - match: { prefix: /public }
        - match: { prefix: /api/v1/admin }
          requires: { provider_name: auth0 }
        - match: { prefix: /api }
          requires: { requires_any: { requirements: [ { provider_name: auth0 }, { allow_missing: {} } ] } }
```""")

P("sonnet", "ops", "infrastructure", "typos", None, "Node drain with PDB blocking; known procedure.",
  """drain hangs forever

```
$ kubectl drain ip-10-42-3-88.eu-west-1.compute.internal --ignore-daemonsets --delete-emptydir-data
evicting pod data/redis-replicas-2
error when evicting pods/"redis-replicas-2" -n "data" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.
```
pdb minAvailable: 3, replicas: 3. need this node gone for patching today""")

P("sonnet", "implement", "security", "non-native", None, "Implementing mTLS between services with known steps.",
  "We want enable mutual TLS between our nginx (as client) and backend Go service without service mesh. Can you show: how to make a small internal CA with openssl, the server and client certs with right extensions, nginx proxy_ssl_* config, and the Go server code that requires and verifies client cert and checks the CN is 'nginx-edge'?")

P("sonnet", "debug", "infrastructure", "non-native", None, "Pod DNS resolution failures with a clear cause (ndots / search domains) visible in resolv.conf and timing.",
  """In our pods, every call to external API (api.partner.com) taking 5 seconds more sometimes. I made test:

```
$ kubectl exec -it tools -- cat /etc/resolv.conf
search payments.svc.cluster.local svc.cluster.local cluster.local eu-west-1.compute.internal
nameserver 172.20.0.10
options ndots:5
$ kubectl exec -it tools -- time nslookup api.partner.com
...
real	0m5.031s
```
With `api.partner.com.` (dot at end) it is fast. Why is like this and what is best fix for all deployments?""")

P("sonnet", "docs", "security", "plain", None, "Writing a security policy doc section from clear inputs; a few careful parts.",
  "Write the 'Secrets handling' section of our engineering handbook: where secrets may live (Vault, AWS Secrets Manager), never in git/env files/CI logs, how to request one, rotation expectations (90 days, immediately on leak), what to do if you leaked one (steps + who to call), and how pre-commit/gitleaks fits in. Keep it under 600 words, direct tone.")

P("sonnet", "review", "web", "plain", None, "Reviewing an nginx config for correctness; ordinary review.",
  """Anything wrong with this? Users say some pages are cached for other logged-in users.

```nginx
proxy_cache_path /var/cache/nginx levels=1:2 keys_zone=app:50m max_size=2g inactive=30m;
server {
    listen 443 ssl;
    server_name shop.example.com;
    location / {
        proxy_pass http://app_upstream;
        proxy_cache app;
        proxy_cache_key "$scheme$host$request_uri";
        proxy_cache_valid 200 10m;
        proxy_ignore_headers Cache-Control Set-Cookie;
        add_header X-Cache $upstream_cache_status;
    }
}
```""")

P("sonnet", "implement", "infrastructure", "plain", None, "Writing a Prometheus blackbox exporter setup with clear spec.",
  "Set up blackbox_exporter probes for our 12 public endpoints: HTTP 2xx with TLS cert expiry check, a DNS probe for our 3 zones, and an ICMP probe for the two office IPs. Give the blackbox module config, the Prometheus scrape config with relabeling, and alerts for probe failure > 2m and cert expiring in < 14 days.")

P("sonnet", "debug", "infrastructure", "plain", None, "Loki query/ingestion error with an identifiable cause.",
  """Promtail keeps logging this and some logs are missing in Loki:

```
level=warn ts=2026-11-14T10:02:11.402Z caller=client.go:419 component=client host=loki-gateway.observability msg="error sending batch, will retry" status=429 tenant= error="server returned HTTP status 429 Too Many Requests (429): Ingestion rate limit exceeded for user fake (limit: 4194304 bytes/sec) while attempting to ingest '5120' lines totaling '1048576' bytes, reduce log volume or contact your Loki administrator to see if the limit can be increased"
```
Which settings do I change, and where (Loki helm chart 5.x, single tenant)?""")

P("sonnet", "question", "general", "follow-up", None, "Pointing-back follow-up; work unknown, everyday tier.",
  "ok go on with the next step")

P("sonnet", "implement", "infrastructure", "follow-up", None, "Follow-up asking to extend the earlier probes to staging; everyday work.",
  "now same probes for staging, but make the endpoints list a file_sd so we stop editing prometheus.yml")

P("opus", "design", "infrastructure", "follow-up", None, "Follow-up asking to extend the rate limiter design to multi-region; distributed design.",
  "ok and if the limiter has to keep working when a region is cut off from the others? what do you give up")

P("haiku", "question", "infrastructure", "non-native", None, "Short factual question in rough English.",
  "How to see on which node is my pod running, which command?")

P("sonnet", "debug", "security", "typos", None, "Vault permission error with clear cause in message.",
  """vault says permission denied but policy looks right??

```
$ vault kv get secret/billing/stripe
Error reading secret/data/billing/stripe: Error making API request.

URL: GET https://vault.internal:8200/v1/secret/data/billing/stripe
Code: 403. Errors:

* 1 error occurred:
	* permission denied
$ vault policy read billing
path "secret/billing/*" {
  capabilities = ["read", "list"]
}
```""")

P("sonnet", "ops", "infrastructure", "plain", None, "Configuring PagerDuty/Alertmanager routing with clear spec.",
  "Write an Alertmanager config: severity=critical pages the owning team's PagerDuty service (label `team`: core, payments, platform each have their own integration key), severity=warning goes to the team's Slack channel #alerts-<team>, group by alertname+namespace, inhibit warnings when a critical for the same alertname+namespace fires, and a weekly maintenance mute timing Sunday 02:00-04:00 UTC for the platform team.")
P("opus", "review", "security", "verbose", None, "Reviewing a token-exchange design for confused-deputy and replay issues; security review.",
  """We're letting our partner platform call our API on behalf of shared customers. Proposed flow: partner's backend gets a JWT from their own IdP for the customer, sends it to our `/token-exchange` endpoint, we validate it against the partner's JWKS, look up the customer by the `email` claim, and issue our own access token (1h) with the customer's full scopes. Partners are onboarded by adding their JWKS URL to a config table. Please poke holes in this before we build it — what can go wrong and what should the flow look like instead?""")

P("sonnet", "implement", "security", "plain", None, "Implementing JWKS-based token validation with a clear spec; careful but routine.",
  "Write a Go function that validates an RS256/ES256 access token against a JWKS URL: cache the key set with a 10 min refresh and refetch on unknown kid (at most once per minute), check iss, aud, exp, nbf with 60s leeway, reject alg none/HS*. Use github.com/lestrrat-go/jwx/v2.")
if __name__ == "__main__": main()
