#!/usr/bin/env python3
"""Writer w13: infrastructure, SRE and security engineers (k8s, helm, terraform, ansible, clouds, CI/CD,
docker, networking, DNS/TLS, IAM, observability, on-call, appsec, pentest, crypto, compliance).
Run `python3 w13.py` to write w13.jsonl deterministically."""
import json, os, random
from datetime import datetime, timedelta

ROWS = []

def R(label, category, domain, voice, trap, rationale, prompt, language="en"):
    ROWS.append({"prompt": prompt, "label": label, "rationale": rationale, "category": category,
                 "domain": domain, "voice": voice, "language": language, "trap": trap})

# ------------------------------------------------------------------ long material generators

def _hex(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))

def _ip(rng, private=False):
    if private:
        return f"10.{rng.randint(0,60)}.{rng.randint(0,255)}.{rng.randint(2,254)}"
    return f"{rng.choice([45,62,81,91,103,134,141,176,185,193,212])}.{rng.randint(0,255)}.{rng.randint(0,255)}.{rng.randint(2,254)}"

def gen_ingress_log(seed, n):
    rng = random.Random(seed)
    routes = [("GET", "/api/v1/orders", "shop-orders-api-8080"), ("GET", "/api/v1/orders/{id}", "shop-orders-api-8080"),
              ("POST", "/api/v1/cart/items", "shop-cart-api-8080"), ("GET", "/api/v1/cart", "shop-cart-api-8080"),
              ("POST", "/api/v1/payments/{id}/capture", "shop-payments-api-8080"), ("GET", "/healthz", "shop-frontend-80"),
              ("GET", "/api/v1/users/me", "shop-users-api-8080"), ("GET", "/static/js/app.{h}.js", "shop-frontend-80"),
              ("GET", "/api/v1/search?q={q}", "shop-search-api-8080"), ("DELETE", "/api/v1/cart/items/{id}", "shop-cart-api-8080")]
    uas = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
           "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Mobile/15E148 Safari/604.1",
           "okhttp/4.12.0", "kube-probe/1.28", "ShopApp/5.3.1 (Android 14; Pixel 7)", "curl/8.4.0",
           "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15"]
    words = ["boots", "rain+jacket", "tent", "headlamp", "socks", "stove", "sleeping+bag", "poles"]
    pods = {}
    t = datetime(2024, 3, 12, 14, 0, 0)
    out = []
    for _ in range(n):
        t += timedelta(milliseconds=rng.randint(15, 700))
        m, p, up = rng.choice(routes)
        p = p.replace("{id}", str(rng.randint(100000, 999999))).replace("{h}", _hex(rng, 8)).replace("{q}", rng.choice(words))
        st = rng.choices([200, 201, 204, 304, 400, 401, 404, 499, 502, 503], [70, 5, 3, 4, 3, 3, 4, 1, 2, 1])[0]
        if up not in pods:
            pods[up] = [f"10.244.{rng.randint(1,9)}.{rng.randint(2,250)}" for _ in range(3)]
        rt = rng.uniform(0.001, 0.09) if st < 500 else rng.uniform(0.5, 30.0)
        b = rng.randint(0, 9000) if st != 204 else 0
        out.append(f'{_ip(rng)} - - [{t:%d/%b/%Y:%H:%M:%S} +0000] "{m} {p} HTTP/1.1" {st} {b} "-" "{rng.choice(uas)}" '
                   f'{rng.randint(300, 1400)} {rt:.3f} [prod-{up}] [] {rng.choice(pods[up])}:{up.rsplit("-",1)[1]} {b} {rt:.3f} {st} {_hex(rng, 32)}')
    return "\n".join(out)

def gen_tf_plan(seed, n, moved=False):
    rng = random.Random(seed)
    blocks = []
    add = chg = dst = 0
    azs = ["a", "b", "c"]
    for i in range(n):
        kind = rng.choice(["sgr", "r53", "iam", "inst", "tg", "subnet", "lc"])
        if moved:
            kind = ["subnet", "rt", "rta", "nat", "eip"][i % 5]
        if kind == "sgr":
            cidr = f"10.{rng.randint(10,40)}.0.0/16"; port = rng.choice([443, 5432, 6379, 8080, 9090])
            blocks.append(f'''  # aws_security_group_rule.ingress["{cidr}-{port}"] will be created
  + resource "aws_security_group_rule" "ingress" {{
      + cidr_blocks              = [
          + "{cidr}",
        ]
      + from_port                = {port}
      + id                       = (known after apply)
      + protocol                 = "tcp"
      + security_group_id        = "sg-0{_hex(rng, 16)}"
      + security_group_rule_id   = (known after apply)
      + self                     = false
      + source_security_group_id = (known after apply)
      + to_port                  = {port}
      + type                     = "ingress"
    }}''')
            add += 1
        elif kind == "r53":
            name = rng.choice(["api", "grafana", "vault", "argocd", "status", "auth", "files"]) + f"-{i}"
            blocks.append(f'''  # aws_route53_record.svc["{name}"] will be updated in-place
  ~ resource "aws_route53_record" "svc" {{
        id                               = "Z0{_hex(rng, 12).upper()}_{name}.int.acme.io_CNAME"
        name                             = "{name}.int.acme.io"
      ~ records                          = [
          - "internal-k8s-ingress-{_hex(rng, 8)}.eu-west-1.elb.amazonaws.com",
          + "internal-k8s-ingress-{_hex(rng, 8)}.eu-west-1.elb.amazonaws.com",
        ]
      ~ ttl                              = 300 -> 60
        # (4 unchanged attributes hidden)
    }}''')
            chg += 1
        elif kind == "iam":
            role = rng.choice(["ci-deployer", "karpenter-node", "external-dns", "loki-writer", "backup-runner"])
            pol = rng.choice(["AmazonS3ReadOnlyAccess", "AmazonEC2ContainerRegistryReadOnly", "CloudWatchAgentServerPolicy", "AmazonSSMManagedInstanceCore"])
            verb = rng.choice(["created", "destroyed"])
            sym = "+" if verb == "created" else "-"
            blocks.append(f'''  # aws_iam_role_policy_attachment.{role.replace("-", "_")}["{pol}"] will be {verb}
  {sym} resource "aws_iam_role_policy_attachment" "{role.replace("-", "_")}" {{
      {sym} id         = "{role}-2024{rng.randint(1000000,9999999)}"
      {sym} policy_arn = "arn:aws:iam::aws:policy/{pol}"
      {sym} role       = "{role}"
    }}''')
            if verb == "created": add += 1
            else: dst += 1
        elif kind == "inst":
            blocks.append(f'''  # aws_instance.bastion[{rng.randint(0,2)}] will be updated in-place
  ~ resource "aws_instance" "bastion" {{
        id                                   = "i-0{_hex(rng, 16)}"
      ~ tags                                 = {{
          ~ "PatchGroup" = "wave-1" -> "wave-2"
            # (3 unchanged elements hidden)
        }}
      ~ tags_all                             = {{
          ~ "PatchGroup" = "wave-1" -> "wave-2"
            # (5 unchanged elements hidden)
        }}
        # (31 unchanged attributes hidden)

        # (8 unchanged blocks hidden)
    }}''')
            chg += 1
        elif kind == "tg":
            svc = rng.choice(["orders", "payments", "search", "users"])
            blocks.append(f'''  # aws_lb_target_group.{svc} must be replaced
-/+ resource "aws_lb_target_group" "{svc}" {{
      ~ arn                                = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/{svc}-tg/{_hex(rng, 16)}" -> (known after apply)
      ~ id                                 = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/{svc}-tg/{_hex(rng, 16)}" -> (known after apply)
      ~ name                               = "{svc}-tg" -> "{svc}-tg-ip" # forces replacement
      ~ target_type                        = "instance" -> "ip" # forces replacement
        # (12 unchanged attributes hidden)

      ~ health_check {{
          ~ path                = "/health" -> "/healthz"
            # (8 unchanged attributes hidden)
        }}
    }}''')
            add += 1; dst += 1
        elif kind == "lc":
            b = rng.choice(["acme-logs-prod", "acme-cur-reports", "acme-tf-artifacts", "acme-ml-scratch"])
            blocks.append(f'''  # aws_s3_bucket_lifecycle_configuration.this["{b}"] will be destroyed
  # (because key ["{b}"] is not in for_each map)
  - resource "aws_s3_bucket_lifecycle_configuration" "this" {{
      - bucket = "{b}" -> null
      - id     = "{b}" -> null

      - rule {{
          - id     = "expire-old" -> null
          - status = "Enabled" -> null

          - expiration {{
              - days                         = {rng.choice([30, 90, 365])} -> null
              - expired_object_delete_marker = false -> null
            }}

          - filter {{
            }}
        }}
    }}''')
            dst += 1
        else:  # subnet / rt / rta / nat / eip, optionally showing a module move
            az = azs[i % 3]
            tier = ["private", "public", "data"][(i // 3) % 3]
            addr = {"subnet": f'aws_subnet.{tier}["{az}"]', "rt": f'aws_route_table.{tier}["{az}"]',
                    "rta": f'aws_route_table_association.{tier}["{az}"]', "nat": f'aws_nat_gateway.this["{az}"]',
                    "eip": f'aws_eip.nat["{az}"]'}[kind]
            rtype = addr.split(".")[0]
            pfx = {"aws_subnet": "subnet", "aws_route_table": "rtb", "aws_route_table_association": "rtbassoc", "aws_nat_gateway": "nat", "aws_eip": "eipalloc"}[rtype]
            rname = addr.split(".")[1].split("[")[0]
            key = addr.split("[")[1]
            cidr = f"10.40.{rng.randint(0, 250)}.0/24"
            body_minus = f'''      - arn                     = "arn:aws:ec2:eu-west-1:123456789012:{pfx}/{pfx}-0{_hex(rng, 16)}" -> null
      - id                      = "{pfx}-0{_hex(rng, 16)}" -> null
      - tags                    = {{
          - "Name" = "prod-{tier}-{az}"
          - "Tier" = "{tier}"
        }} -> null
        # (9 unchanged attributes hidden)'''
            body_plus = f'''      + arn                     = (known after apply)
      + id                      = (known after apply)
      + tags                    = {{
          + "Name" = "prod-{tier}-{az}"
          + "Tier" = "{tier}"
        }}
      + vpc_id                  = "vpc-0{_hex(rng, 16)}"'''
            if kind == "subnet":
                body_plus += f'\n      + cidr_block              = "{cidr}"\n      + availability_zone       = "eu-west-1{az}"'
            if moved:
                blocks.append(f"  # {addr} will be destroyed\n  # (because {addr} is not in configuration)\n  - resource \"{rtype}\" \"{rname}\" {{\n{body_minus}\n    }}")
                blocks.append(f"  # module.network.{addr} will be created\n  + resource \"{rtype}\" \"{rname}\" {{\n{body_plus}\n    }}")
                add += 1; dst += 1
            else:
                blocks.append(f"  # {addr} will be created\n  + resource \"{rtype}\" \"{rname}\" {{\n{body_plus}\n    }}")
                add += 1
    head = ("Terraform used the selected providers to generate the following execution plan. Resource actions are\n"
            "indicated with the following symbols:\n  + create\n  ~ update in-place\n  - destroy\n"
            "-/+ destroy and then create replacement\n\nTerraform will perform the following actions:\n\n")
    tail = f"\n\nPlan: {add} to add, {chg} to change, {dst} to destroy.\n"
    return head + "\n\n".join(blocks) + tail

def gen_helm_values(seed):
    rng = random.Random(seed)
    comps = ["gateway", "orders", "payments", "inventory", "notifications", "search", "auth", "users", "catalog",
             "pricing", "shipping", "reviews", "recommendations", "media", "reports", "webhooks", "scheduler", "audit"]
    out = ["# Umbrella values for the storefront platform (prod-eu)", "# Managed by platform team. Do not edit by hand in the cluster.",
           "global:", "  imageRegistry: 123456789012.dkr.ecr.eu-west-1.amazonaws.com", "  environment: prod", "  region: eu-west-1",
           "  imagePullSecrets: []", "  otel:", "    endpoint: http://otel-collector.observability:4317", "    samplingRatio: 0.05", ""]
    for c in comps:
        cls = rng.choice(["nginx-public", "nginx-internal"]) if c != "search" else "nginx-internal-search"
        out += [f"{c}:", "  enabled: true", f"  replicaCount: {rng.choice([2, 3, 4, 6])}", "  image:",
                f"    repository: storefront/{c}", f'    tag: "{rng.randint(1,4)}.{rng.randint(0,30)}.{rng.randint(0,12)}"',
                "    pullPolicy: IfNotPresent", "  serviceAccount:", "    create: true",
                f"    annotations:\n      eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/prod-{c}",
                "  service:", "    type: ClusterIP", f"    port: {rng.choice([8080, 8000, 3000])}",
                "  ingress:", f"    enabled: {str(c in ('gateway', 'search', 'media', 'webhooks', 'auth')).lower()}",
                f"    className: {cls}", "    annotations:",
                f'      nginx.ingress.kubernetes.io/proxy-body-size: "{rng.choice(["1m", "8m", "50m"])}"',
                f'      nginx.ingress.kubernetes.io/proxy-read-timeout: "{rng.choice([30, 60, 120])}"',
                "    hosts:", f"      - host: {c}.shop.acme.io", "        paths:", "          - path: /", "            pathType: Prefix",
                "    tls:", f"      - secretName: {c}-tls", f"        hosts: [{c}.shop.acme.io]",
                "  resources:", "    requests:", f"      cpu: {rng.choice(['100m', '250m', '500m'])}",
                f"      memory: {rng.choice(['256Mi', '512Mi', '1Gi'])}", "    limits:",
                f"      memory: {rng.choice(['512Mi', '1Gi', '2Gi'])}", "  autoscaling:",
                f"    enabled: {str(rng.random() < 0.7).lower()}", f"    minReplicas: {rng.choice([2, 3])}",
                f"    maxReplicas: {rng.choice([6, 10, 20])}", f"    targetCPUUtilizationPercentage: {rng.choice([60, 70, 75])}",
                "  podDisruptionBudget:", "    enabled: true", "    maxUnavailable: 1", "  env:",
                f"    - name: LOG_LEVEL\n      value: {rng.choice(['info', 'warn', 'debug'])}",
                f"    - name: DB_POOL_SIZE\n      value: \"{rng.choice([5, 10, 20])}\"",
                f"    - name: FEATURE_FLAGS_URL\n      value: http://flagd.platform:8013",
                "  livenessProbe:", "    httpGet:", "      path: /healthz", "      port: http",
                f"    initialDelaySeconds: {rng.choice([10, 20, 30])}", "    periodSeconds: 10", "  readinessProbe:",
                "    httpGet:", "      path: /ready", "      port: http", "    periodSeconds: 5",
                "  nodeSelector:", f"    karpenter.sh/capacity-type: {rng.choice(['on-demand', 'spot'])}",
                "  tolerations: []", "  topologySpreadConstraints:", "    - maxSkew: 1",
                "      topologyKey: topology.kubernetes.io/zone", "      whenUnsatisfiable: ScheduleAnyway",
                f"      labelSelector:\n        matchLabels:\n          app.kubernetes.io/name: {c}", ""]
    return "\n".join(out)

def gen_journal(seed, n):
    rng = random.Random(seed)
    host = "ip-10-40-12-88"
    t = datetime(2024, 3, 14, 2, 48, 0)
    pods = ["payments/payments-api-7c9f8b6d4-x2kq9", "search/search-indexer-0", "observability/loki-write-1",
            "kube-system/aws-node-8hq2x", "kube-system/ebs-csi-node-4lmzp", "orders/orders-worker-5d7b9c-qq8rt"]
    out = []
    up = 812000.0
    for i in range(n):
        dt = rng.uniform(0.2, 6.0)
        t += timedelta(seconds=dt); up += dt
        us = f"{t:%H:%M:%S}.{rng.randint(0, 999999):06d}"
        phase = i / n
        r = rng.random()
        if r < 0.30:
            p = rng.choice(pods)
            out.append(f'{t:%b %d %H:%M:%S} {host} kubelet[2231]: I0314 {us}    2231 kubelet.go:2173] "SyncLoop (PLEG): event for pod" pod="{p}" event={{"ID":"{_hex(rng, 8)}-{_hex(rng, 4)}","Type":"ContainerStarted","Data":"{_hex(rng, 64)}"}}')
        elif r < 0.45:
            out.append(f'{t:%b %d %H:%M:%S} {host} containerd[1893]: time="{t:%Y-%m-%dT%H:%M:%S}.{rng.randint(0,999999999):09d}Z" level=info msg="ExecSync for \\"{_hex(rng, 64)}\\" returns with exit code 0"')
        elif r < 0.55:
            out.append(f'{t:%b %d %H:%M:%S} {host} kubelet[2231]: I0314 {us}    2231 prober.go:107] "Probe failed" probeType="Readiness" pod="{rng.choice(pods)}" podUID={_hex(rng, 8)}-{_hex(rng, 4)} containerName="app" probeResult=failure output="Get \\"http://10.244.3.{rng.randint(2,250)}:8080/ready\\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"')
        elif r < 0.62 and phase > 0.4:
            out.append(f'{t:%b %d %H:%M:%S} {host} kubelet[2231]: E0314 {us}    2231 kubelet.go:2359] "Skipping pod synchronization" err="PLEG is not healthy: pleg was last seen active {rng.randint(3,9)}m{rng.randint(0,59)}.{rng.randint(0,999)}s ago; threshold is 3m0s"')
        elif r < 0.68 and phase > 0.3:
            out.append(f'{t:%b %d %H:%M:%S} {host} kernel: [{up:.6f}] INFO: task {rng.choice(["containerd-shim", "jbd2/nvme1n1-8", "java", "fluent-bit"])}:{rng.randint(2000, 90000)} blocked for more than {rng.choice([120, 241, 362])} seconds.')
        elif r < 0.72 and phase > 0.3:
            out.append(f'{t:%b %d %H:%M:%S} {host} kernel: [{up:.6f}] nvme nvme1: I/O {rng.randint(1, 900)} QID {rng.randint(1, 4)} timeout, completion polled')
        elif r < 0.78:
            out.append(f'{t:%b %d %H:%M:%S} {host} containerd[1893]: time="{t:%Y-%m-%dT%H:%M:%S}Z" level=error msg="ExecSync for \\"{_hex(rng, 64)}\\" failed" error="rpc error: code = DeadlineExceeded desc = failed to exec in container: timeout {rng.choice([1, 5])}s exceeded: context deadline exceeded"')
        elif r < 0.84:
            out.append(f'{t:%b %d %H:%M:%S} {host} kernel: [{up:.6f}] {rng.choice(["IPv6: ADDRCONF(NETDEV_CHANGE): eni", "eth0: renamed from tmp"])}{_hex(rng, 11)}: link becomes ready')
        elif r < 0.88:
            out.append(f'{t:%b %d %H:%M:%S} {host} systemd-journald[412]: Suppressed {rng.randint(100, 4000)} messages from /system.slice/kubelet.service')
        elif r < 0.93:
            out.append(f'{t:%b %d %H:%M:%S} {host} kubelet[2231]: I0314 {us}    2231 eviction_manager.go:{rng.choice([346, 366])}] "Eviction manager: {rng.choice(["must evict pod(s) to reclaim", "attempting to reclaim"])}" resourceName="{rng.choice(["ephemeral-storage", "memory"])}"')
        else:
            out.append(f'{t:%b %d %H:%M:%S} {host} amazon-ssm-agent[1501]: {t:%Y-%m-%d %H:%M:%S} INFO [ssm-agent-worker] [MessagingDeliveryService] Sending reply {{"additionalInfo":{{"agent":{{"lang":"en-US","name":"amazon-ssm-agent","os":"","osver":"1","ver":""}},"dateTime":"{t:%Y-%m-%dT%H:%M:%S}.000Z"}}}}')
    return "\n".join(out)

def gen_ansible(seed, n):
    rng = random.Random(seed)
    pk = ["chrony", "auditd", "fail2ban", "unattended-upgrades", "jq", "htop", "curl", "rsyslog", "logrotate", "aide",
          "apparmor-utils", "needrestart", "sysstat", "iotop", "tcpdump", "nftables", "ca-certificates", "gnupg"]
    out = ["---", "- name: Baseline hardening for all linux hosts", "  hosts: all", "  become: true", "  gather_facts: true",
           "  vars:", "    ssh_port: 22", "    ntp_servers: [169.254.169.123, time.cloudflare.com]", "  handlers:",
           "    - name: restart sshd\n      ansible.builtin.service:\n        name: ssh\n        state: restarted",
           "    - name: restart chrony\n      ansible.builtin.service:\n        name: chrony\n        state: restarted",
           "    - name: reload sysctl\n      ansible.builtin.command: sysctl --system", "  tasks:"]
    sysctls = ["net.ipv4.conf.all.rp_filter", "net.ipv4.conf.all.accept_redirects", "net.ipv4.conf.all.send_redirects",
               "kernel.kptr_restrict", "kernel.dmesg_restrict", "fs.protected_hardlinks", "fs.protected_symlinks",
               "net.ipv4.tcp_syncookies", "kernel.unprivileged_bpf_disabled", "net.core.bpf_jit_harden"]
    sshd = [("PermitRootLogin", "no"), ("PasswordAuthentication", "no"), ("X11Forwarding", "no"), ("MaxAuthTries", "3"),
            ("ClientAliveInterval", "300"), ("AllowAgentForwarding", "no"), ("LoginGraceTime", "30")]
    for i in range(n):
        k = rng.choice(["pkg", "sysctl", "sshd", "file", "user", "service", "lineinfile_audit", "cron"])
        if k == "pkg":
            p = rng.choice(pk)
            out.append(f"    - name: Install {p}\n      ansible.builtin.apt:\n        name: {p}\n        state: present\n        update_cache: true\n        cache_valid_time: 3600")
        elif k == "sysctl":
            s = rng.choice(sysctls)
            out.append(f"    - name: Set {s}\n      ansible.posix.sysctl:\n        name: {s}\n        value: \"{rng.choice(['0', '1', '2'])}\"\n        sysctl_file: /etc/sysctl.d/60-hardening.conf\n        state: present\n      notify: reload sysctl")
        elif k == "sshd":
            o, v = rng.choice(sshd)
            out.append(f"    - name: sshd {o} {v}\n      ansible.builtin.lineinfile:\n        path: /etc/ssh/sshd_config\n        regexp: '^#?{o}'\n        line: '{o} {v}'\n        validate: '/usr/sbin/sshd -t -f %s'\n      notify: restart sshd")
        elif k == "file":
            f = rng.choice(["/etc/crontab", "/etc/ssh/sshd_config", "/etc/shadow", "/etc/gshadow", "/var/log/audit"])
            out.append(f"    - name: Permissions on {f}\n      ansible.builtin.file:\n        path: {f}\n        owner: root\n        group: root\n        mode: \"{rng.choice(['0600', '0640', '0700'])}\"")
        elif k == "user":
            u = rng.choice(["deploy", "monitoring", "backup", "breakglass"])
            out.append(f"    - name: Ensure user {u}\n      ansible.builtin.user:\n        name: {u}\n        shell: /bin/bash\n        groups: {rng.choice(['adm', 'sudo', 'systemd-journal'])}\n        append: true\n        password_lock: true")
        elif k == "service":
            s = rng.choice(["auditd", "chrony", "fail2ban", "apparmor", "sysstat"])
            out.append(f"    - name: Enable {s}\n      ansible.builtin.systemd:\n        name: {s}\n        enabled: true\n        state: started")
        elif k == "lineinfile_audit":
            r = rng.choice(["-w /etc/passwd -p wa -k identity", "-w /etc/sudoers -p wa -k scope", "-a always,exit -F arch=b64 -S execve -k exec",
                            "-w /var/log/lastlog -p wa -k logins", "-a always,exit -F arch=b64 -S init_module -S delete_module -k modules"])
            out.append(f"    - name: audit rule {r.split()[1]}\n      ansible.builtin.lineinfile:\n        path: /etc/audit/rules.d/50-baseline.rules\n        line: \"{r}\"\n        create: true\n        mode: \"0640\"")
        else:
            out.append(f"    - name: Cron job aide check {i}\n      ansible.builtin.cron:\n        name: aide-check-{i}\n        minute: \"{rng.randint(0, 59)}\"\n        hour: \"{rng.randint(0, 5)}\"\n        job: /usr/bin/aide --check --config /etc/aide/aide.conf | logger -t aide")
    return "\n".join(out)

def gen_iam(seed, roles):
    rng = random.Random(seed)
    acts = ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:PutImage",
            "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "eks:DescribeCluster", "ssm:GetParameter",
            "ssm:GetParametersByPath", "kms:Decrypt", "kms:GenerateDataKey", "logs:CreateLogStream", "logs:PutLogEvents",
            "cloudwatch:PutMetricData", "sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "dynamodb:GetItem",
            "dynamodb:PutItem", "dynamodb:Query", "secretsmanager:GetSecretValue", "lambda:InvokeFunction", "sts:AssumeRole"]
    risky = [["iam:PassRole"], ["lambda:CreateFunction", "lambda:UpdateFunctionCode"], ["iam:CreatePolicyVersion"],
             ["iam:AttachRolePolicy"], ["ec2:RunInstances"], ["cloudformation:CreateStack"], ["iam:UpdateAssumeRolePolicy"],
             ["ssm:SendCommand"], ["codebuild:StartBuild", "codebuild:UpdateProject"], ["glue:CreateDevEndpoint"]]
    doc = {}
    for r in roles:
        stmts = []
        for j in range(rng.randint(6, 12)):
            a = sorted(set(rng.sample(acts, rng.randint(1, 5))))
            svc = a[0].split(":")[0]
            res = {"s3": [f"arn:aws:s3:::acme-{rng.choice(['artifacts', 'tf-state', 'releases', 'logs'])}-prod", f"arn:aws:s3:::acme-{rng.choice(['artifacts', 'releases'])}-prod/*"],
                   "ecr": [f"arn:aws:ecr:eu-west-1:123456789012:repository/{rng.choice(['storefront/*', 'platform/*', 'base-images/*'])}"],
                   "kms": [f"arn:aws:kms:eu-west-1:123456789012:key/{_hex(rng, 8)}-{_hex(rng, 4)}-{_hex(rng, 4)}-{_hex(rng, 4)}-{_hex(rng, 12)}"],
                   }.get(svc, ["*"] if rng.random() < 0.4 else [f"arn:aws:{svc}:eu-west-1:123456789012:*"])
            st = {"Sid": f"{svc.capitalize()}{j}", "Effect": "Allow", "Action": a, "Resource": res}
            if rng.random() < 0.2:
                st["Condition"] = {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}
            stmts.append(st)
        for rk in rng.sample(risky, rng.randint(0, 2)):
            stmts.append({"Sid": "Extra" + rk[0].split(":")[1], "Effect": "Allow", "Action": rk, "Resource": "*"})
        trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"} if "ci" in r or "gha" in r else {"Service": rng.choice(["ec2.amazonaws.com", "lambda.amazonaws.com", "ecs-tasks.amazonaws.com"])},
                  "Action": "sts:AssumeRoleWithWebIdentity" if "ci" in r or "gha" in r else "sts:AssumeRole"}]}
        if "ci" in r or "gha" in r:
            trust["Statement"][0]["Condition"] = {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/*"}}
        doc[r] = {"AssumeRolePolicyDocument": trust, "Policies": {f"{r}-inline": {"Version": "2012-10-17", "Statement": stmts}}}
    return json.dumps(doc, indent=2)

def gen_alert_rules(seed, groups):
    rng = random.Random(seed)
    names = ["HighErrorRate", "HighLatencyP99", "PodCrashLooping", "DiskWillFillIn4h", "NodeNotReady", "CertExpiringSoon",
             "KafkaConsumerLag", "PostgresReplicationLag", "TooManyRestarts", "TargetDown", "HPAMaxedOut", "PVCAlmostFull",
             "JobFailed", "QueueBacklog", "MemoryPressure", "CPUThrottlingHigh", "EtcdHighFsync", "APIServerErrors",
             "DNSLatencyHigh", "IngressBackendDown", "VaultSealed", "LokiIngestionErrors", "ScrapeFailing", "OOMKilled"]
    exprs = {"HighErrorRate": 'sum(rate(http_requests_total{code=~"5.."}[5m])) by (service) / sum(rate(http_requests_total[5m])) by (service) > 0.02',
             "HighLatencyP99": 'histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket[5m])) by (le, service)) > 1.5',
             "DiskWillFillIn4h": 'predict_linear(node_filesystem_avail_bytes{fstype!~"tmpfs|overlay"}[6h], 4*3600) < 0',
             "PodCrashLooping": 'increase(kube_pod_container_status_restarts_total[15m]) > 3',
             "CertExpiringSoon": '(probe_ssl_earliest_cert_expiry - time()) / 86400 < 21',
             "KafkaConsumerLag": 'sum(kafka_consumergroup_lag) by (consumergroup, topic) > 50000',
             "NodeNotReady": 'kube_node_status_condition{condition="Ready",status="true"} == 0',
             "PostgresReplicationLag": 'pg_replication_lag_seconds > 30',
             "TooManyRestarts": 'sum(increase(kube_pod_container_status_restarts_total[1h])) by (namespace, pod) > 5',
             "TargetDown": 'up == 0',
             "HPAMaxedOut": 'kube_horizontalpodautoscaler_status_current_replicas >= kube_horizontalpodautoscaler_spec_max_replicas',
             "PVCAlmostFull": 'kubelet_volume_stats_available_bytes / kubelet_volume_stats_capacity_bytes < 0.1',
             "JobFailed": 'kube_job_status_failed > 0',
             "QueueBacklog": 'sum(rabbitmq_queue_messages_ready) by (queue) > 10000',
             "MemoryPressure": 'kube_node_status_condition{condition="MemoryPressure",status="true"} == 1',
             "CPUThrottlingHigh": 'sum(rate(container_cpu_cfs_throttled_periods_total[5m])) by (pod) / sum(rate(container_cpu_cfs_periods_total[5m])) by (pod) > 0.25',
             "EtcdHighFsync": 'histogram_quantile(0.99, rate(etcd_disk_wal_fsync_duration_seconds_bucket[5m])) > 0.5',
             "APIServerErrors": 'sum(rate(apiserver_request_total{code=~"5.."}[5m])) / sum(rate(apiserver_request_total[5m])) > 0.03',
             "DNSLatencyHigh": 'histogram_quantile(0.99, sum(rate(coredns_dns_request_duration_seconds_bucket[5m])) by (le)) > 0.25',
             "IngressBackendDown": 'sum(nginx_ingress_controller_requests{status=~"502|503"}) by (ingress) > 0',
             "VaultSealed": 'vault_core_unsealed == 0',
             "LokiIngestionErrors": 'sum(rate(loki_distributor_ingester_append_failures_total[5m])) > 0',
             "ScrapeFailing": 'up{job!~"kubernetes-.*"} == 0',
             "OOMKilled": 'kube_pod_container_status_last_terminated_reason{reason="OOMKilled"} == 1'}
    out = ["groups:"]
    for g in groups:
        out += [f"  - name: {g}", f"    interval: {rng.choice(['30s', '1m'])}", "    rules:"]
        for nm in rng.sample(names, rng.randint(6, 10)):
            ex = exprs.get(nm, f'{nm[0].lower()}{nm[1:].replace("High", "")}_total{{job="{g}"}} > {rng.randint(1, 100)}')
            sev = rng.choice(["critical", "warning", "info"])
            out += [f"      - alert: {nm}", f"        expr: {ex}", f"        for: {rng.choice(['2m', '5m', '10m', '15m'])}",
                    "        labels:", f"          severity: {sev}", f"          team: {rng.choice(['sre', 'platform', 'payments', 'data'])}",
                    "        annotations:", f'          summary: "{nm} on {{{{ $labels.instance }}}}"',
                    f'          description: "{nm} has been firing for {g}. Value: {{{{ $value | humanize }}}}"',
                    f"          runbook_url: https://runbooks.int.acme.io/{g}/{nm.lower()}"]
    return "\n".join(out)

def gen_ci_log(seed):
    rng = random.Random(seed)
    t = datetime(2024, 3, 14, 10, 22, 3)
    out = []
    def L(s):
        nonlocal t
        t += timedelta(milliseconds=rng.randint(1, 900))
        out.append(f"{t:%Y-%m-%dT%H:%M:%S}.{rng.randint(0, 9999999):07d}Z {s}")
    L("##[group]Run actions/checkout@v4"); L("with:"); L("  repository: acme/ledger-api"); L("  fetch-depth: 1"); L("##[endgroup]")
    L("Syncing repository: acme/ledger-api"); L("Getting Git version info")
    L(f"[command]/usr/bin/git -c protocol.version=2 fetch --no-tags --prune --no-recurse-submodules --depth=1 origin +{_hex(rng, 40)}:refs/remotes/origin/main")
    L("##[group]Run aws-actions/configure-aws-credentials@v4"); L("with:"); L("  role-to-assume: arn:aws:iam::123456789012:role/gha-ecr-push")
    L("  aws-region: eu-west-1"); L("##[endgroup]"); L("Assuming role with OIDC"); L("Authenticated as assumedRoleId AROA" + _hex(rng, 17).upper() + ":GitHubActions")
    L("##[group]Run aws-actions/amazon-ecr-login@v2"); L("Logging into registry 123456789012.dkr.ecr.eu-west-1.amazonaws.com"); L("##[endgroup]")
    L("##[group]Run docker/build-push-action@v5"); L("[command]/usr/bin/docker buildx build --platform linux/amd64,linux/arm64 --cache-from type=gha --cache-to type=gha,mode=max --tag 123456789012.dkr.ecr.eu-west-1.amazonaws.com/ledger/ledger-api:1.18.0 --push .")
    step = 1
    pkgs = ["github.com/jackc/pgx/v5", "github.com/aws/aws-sdk-go-v2", "go.opentelemetry.io/otel", "github.com/prometheus/client_golang",
            "google.golang.org/grpc", "github.com/rs/zerolog", "github.com/spf13/cobra", "golang.org/x/sync", "github.com/shopspring/decimal",
            "github.com/google/uuid", "github.com/stretchr/testify", "github.com/redis/go-redis/v9", "golang.org/x/crypto"]
    for arch in ["linux/amd64", "linux/arm64"]:
        L(f"#{step} [{arch} internal] load build definition from Dockerfile"); L(f"#{step} transferring dockerfile: 1.21kB done"); L(f"#{step} DONE 0.0s"); step += 1
        L(f"#{step} [{arch} builder 1/6] FROM docker.io/library/golang:1.22-bookworm@sha256:{_hex(rng, 64)}"); L(f"#{step} CACHED"); step += 1
        L(f"#{step} [{arch} builder 4/6] RUN go mod download")
        for _ in range(rng.randint(110, 150)):
            p = rng.choice(pkgs)
            L(f"#{step} {rng.uniform(0.5, 40):.3f} go: downloading {p}{rng.choice(['', '/internal', '/sdk/metric', '/credentials', '/service/s3'])} v{rng.randint(0, 2)}.{rng.randint(0, 40)}.{rng.randint(0, 9)}")
        L(f"#{step} DONE {rng.uniform(20, 60):.1f}s"); step += 1
        L(f"#{step} [{arch} builder 6/6] RUN CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o /out/ledger-api ./cmd/ledger-api")
        for _ in range(rng.randint(40, 60)):
            L(f"#{step} {rng.uniform(1, 120):.2f} # {rng.choice(pkgs)}{rng.choice(['', '/internal/pgio', '/otel/trace', '/encoding/proto'])}")
        L(f"#{step} DONE {rng.uniform(60, 200):.1f}s"); step += 1
        L(f"#{step} [{arch} stage-1 2/2] COPY --from=builder /out/ledger-api /ledger-api"); L(f"#{step} DONE 0.1s"); step += 1
    L(f"#{step} exporting to image"); L(f"#{step} exporting layers 3.2s done")
    for arch in ["amd64", "arm64"]:
        L(f"#{step} exporting manifest sha256:{_hex(rng, 64)} done"); L(f"#{step} exporting config sha256:{_hex(rng, 64)} done")
    L(f"#{step} pushing layers")
    for _ in range(4):
        L(f"#{step} pushing layer sha256:{_hex(rng, 64)} {rng.uniform(0.1, 2):.1f}s")
    L(f"#{step} ERROR: failed to push 123456789012.dkr.ecr.eu-west-1.amazonaws.com/ledger/ledger-api:1.18.0: unexpected status from HEAD request to https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/ledger/ledger-api/blobs/sha256:{_hex(rng, 64)}: 403 Forbidden")
    L("------"); L(" > exporting to image:"); L("------")
    L(f"ERROR: failed to solve: failed to push 123456789012.dkr.ecr.eu-west-1.amazonaws.com/ledger/ledger-api:1.18.0: denied: User: arn:aws:sts::123456789012:assumed-role/gha-ecr-push/GitHubActions is not authorized to perform: ecr:BatchCheckLayerAvailability on resource: arn:aws:ecr:eu-west-1:123456789012:repository/ledger/ledger-api because no identity-based policy allows the ecr:BatchCheckLayerAvailability action")
    L("##[error]buildx failed with: ERROR: failed to solve: failed to push: denied: not authorized to perform: ecr:BatchCheckLayerAvailability")
    return "\n".join(out)

def gen_authlog(seed, n):
    rng = random.Random(seed)
    t = datetime(2024, 3, 10, 0, 0, 5)
    attackers = [_ip(rng) for _ in range(14)]
    users = ["root", "admin", "ubuntu", "test", "oracle", "postgres", "git", "user", "ftpuser", "deploy", "pi", "support"]
    out = []
    for i in range(n):
        t += timedelta(seconds=rng.randint(1, 90))
        pid = rng.randint(10000, 99999)
        ip = rng.choice(attackers); port = rng.randint(30000, 65000); u = rng.choice(users)
        r = rng.random()
        if r < 0.45:
            out.append(f"{t:%b %d %H:%M:%S} bastion-1 sshd[{pid}]: Failed password for {'invalid user ' if u not in ('root', 'ubuntu', 'deploy') else ''}{u} from {ip} port {port} ssh2")
        elif r < 0.65:
            out.append(f"{t:%b %d %H:%M:%S} bastion-1 sshd[{pid}]: Invalid user {u} from {ip} port {port}")
        elif r < 0.8:
            out.append(f"{t:%b %d %H:%M:%S} bastion-1 sshd[{pid}]: Connection closed by authenticating user {u} {ip} port {port} [preauth]")
        elif r < 0.88:
            out.append(f"{t:%b %d %H:%M:%S} bastion-1 sshd[{pid}]: Received disconnect from {ip} port {port}:11: Bye Bye [preauth]")
        elif r < 0.93:
            out.append(f"{t:%b %d %H:%M:%S} bastion-1 sshd[{pid}]: error: kex_exchange_identification: Connection closed by remote host")
        elif r < 0.97:
            who = rng.choice(["mkowalski", "jgarcia", "aferri", "deploy"])
            out.append(f"{t:%b %d %H:%M:%S} bastion-1 sshd[{pid}]: Accepted publickey for {who} from 10.8.{rng.randint(0, 3)}.{rng.randint(2, 250)} port {port} ssh2: ED25519 SHA256:{_hex(rng, 43)}")
            out.append(f"{t:%b %d %H:%M:%S} bastion-1 sshd[{pid}]: pam_unix(sshd:session): session opened for user {who}(uid={rng.randint(1000, 1010)}) by (uid=0)")
        else:
            out.append(f"{t:%b %d %H:%M:%S} bastion-1 CRON[{pid}]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)")
    return "\n".join(out)

def gen_envoy(seed, n):
    rng = random.Random(seed)
    t = datetime(2024, 3, 14, 9, 0, 0)
    out = []
    for _ in range(n):
        t += timedelta(milliseconds=rng.randint(5, 400))
        ok = rng.random() > 0.04
        m, p = rng.choice([("POST", "/v1/charge"), ("POST", "/v1/refund"), ("GET", "/v1/charge/" + _hex(rng, 12)), ("POST", "/v1/authorize")])
        if ok:
            st, fl, det, dur = 200, "-", "via_upstream", rng.randint(8, 180)
        else:
            st, fl, det, dur = 503, "UC", "upstream_reset_before_response_started{connection_termination}", rng.randint(0, 3)
        out.append(f'[{t:%Y-%m-%dT%H:%M:%S}.{t.microsecond // 1000:03d}Z] "{m} {p} HTTP/1.1" {st} {fl} {det} - "-" {rng.randint(200, 900)} {rng.randint(40, 600) if ok else 95} {dur} {dur - 1 if ok and dur > 1 else "-"} "-" "Go-http-client/1.1" "{_hex(rng, 8)}-{_hex(rng, 4)}-{_hex(rng, 4)}-{_hex(rng, 4)}-{_hex(rng, 12)}" "payments.prod.svc.cluster.local:8080" "10.244.{rng.randint(1, 9)}.{rng.randint(2, 250)}:8080" outbound|8080||payments.prod.svc.cluster.local 10.244.2.19:{rng.randint(30000, 60000)} 10.96.14.2:8080 10.244.2.19:{rng.randint(30000, 60000)} - default')
    return "\n".join(out)

def gen_k8s_manifests(seed, names):
    rng = random.Random(seed)
    docs = []
    for nm in names:
        port = rng.choice([8080, 3000, 8000])
        docs.append(f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {nm}
  namespace: storefront
  labels:
    app.kubernetes.io/name: {nm}
    app.kubernetes.io/version: "{rng.randint(1, 3)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}"
spec:
  replicas: {rng.choice([2, 3, 4])}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      app.kubernetes.io/name: {nm}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: {nm}
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "{port}"
    spec:
      serviceAccountName: {nm}
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        fsGroup: 10001
      containers:
        - name: app
          image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/storefront/{nm}:{rng.randint(1, 3)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}
          ports:
            - name: http
              containerPort: {port}
          envFrom:
            - configMapRef:
                name: {nm}-config
            - secretRef:
                name: {nm}-secrets
          resources:
            requests:
              cpu: {rng.choice(['100m', '200m', '500m'])}
              memory: {rng.choice(['128Mi', '256Mi', '512Mi'])}
            limits:
              memory: {rng.choice(['256Mi', '512Mi', '1Gi'])}
          readinessProbe:
            httpGet:
              path: /ready
              port: http
            periodSeconds: 5
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            initialDelaySeconds: {rng.choice([5, 10, 15])}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
---
apiVersion: v1
kind: Service
metadata:
  name: {nm}
  namespace: storefront
  labels:
    app.kubernetes.io/name: {nm}
spec:
  selector:
    app.kubernetes.io/name: {nm}
  ports:
    - name: http
      port: 80
      targetPort: http""")
    return "\n---\n".join(docs)

def gen_docker_build_log(seed):
    rng = random.Random(seed)
    out = ["#0 building with \"default\" instance using docker driver", "", "#1 [internal] load build definition from Dockerfile",
           "#1 transferring dockerfile: 1.87kB done", "#1 DONE 0.0s", "", "#2 [internal] load metadata for docker.io/library/debian:bookworm-slim",
           "#2 DONE 1.2s", "", "#3 [internal] load .dockerignore", "#3 transferring context: 412B done", "#3 DONE 0.0s", "",
           f"#4 [base 1/7] FROM docker.io/library/debian:bookworm-slim@sha256:{_hex(rng, 64)}", "#4 DONE 0.0s", "",
           "#5 [base 2/7] RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl gnupg git python3 make g++ && rm -rf /var/lib/apt/lists/*"]
    tt = 0.3
    debs = ["libc-bin", "ca-certificates", "curl", "libcurl4", "gnupg", "gpg-agent", "dirmngr", "git", "git-man", "libpcre2-8-0",
            "python3", "python3.11", "libpython3.11-stdlib", "make", "g++", "g++-12", "libstdc++-12-dev", "cpp-12", "gcc-12",
            "binutils", "libbinutils", "libgcc-12-dev", "libssl3", "openssl", "libexpat1", "libsqlite3-0", "libnghttp2-14",
            "libbrotli1", "librtmp1", "libssh2-1", "libldap-2.5-0", "libsasl2-2", "perl", "liberror-perl", "patch", "xz-utils"]
    for i, u in enumerate(["bookworm InRelease [151 kB]", "bookworm-updates InRelease [55.4 kB]", "bookworm-security InRelease [48.0 kB]",
                           "bookworm/main amd64 Packages [8786 kB]", "bookworm-updates/main amd64 Packages [13.8 kB]", "bookworm-security/main amd64 Packages [149 kB]"], 1):
        tt += rng.uniform(0.1, 0.6)
        out.append(f"#5 {tt:.3f} Get:{i} http://deb.debian.org/debian{'-security' if 'security' in u else ''} {u}")
    tt += 1.2
    out.append(f"#5 {tt:.3f} Fetched 9204 kB in 2s (4412 kB/s)")
    out.append(f"#5 {tt + 0.5:.3f} Reading package lists...")
    out.append(f"#5 {tt + 1.1:.3f} The following NEW packages will be installed:")
    out.append(f"#5 {tt + 1.1:.3f}   " + " ".join(debs))
    for j, d in enumerate(debs):
        tt += rng.uniform(0.05, 0.5)
        out.append(f"#5 {tt:.3f} Get:{j + 7} http://deb.debian.org/debian bookworm/main amd64 {d} amd64 {rng.randint(1, 12)}.{rng.randint(0, 40)}-{rng.randint(1, 9)} [{rng.randint(20, 9000)} kB]")
    for d in debs:
        tt += rng.uniform(0.05, 0.4)
        out.append(f"#5 {tt:.3f} Selecting previously unselected package {d}:amd64.")
        out.append(f"#5 {tt:.3f} Preparing to unpack .../{d}_{rng.randint(1, 12)}.{rng.randint(0, 40)}_amd64.deb ...")
        out.append(f"#5 {tt:.3f} Unpacking {d}:amd64 ({rng.randint(1, 12)}.{rng.randint(0, 40)}) ...")
    for d in debs:
        tt += rng.uniform(0.02, 0.2)
        out.append(f"#5 {tt:.3f} Setting up {d}:amd64 ({rng.randint(1, 12)}.{rng.randint(0, 40)}) ...")
    out += [f"#5 {tt + 0.8:.3f} Processing triggers for libc-bin (2.36-9+deb12u4) ...", f"#5 DONE {tt + 1.5:.1f}s", "",
            "#6 [base 3/7] RUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash - && apt-get install -y nodejs"]
    tt = 0.2
    for s in ["2024-03-14 10:31:02 - Installing pre-requisites", "Hit:1 http://deb.debian.org/debian bookworm InRelease",
              "2024-03-14 10:31:05 - Repository configured successfully.", "Get:4 https://deb.nodesource.com/node_20.x nodistro InRelease [12.1 kB]",
              "Get:5 https://deb.nodesource.com/node_20.x nodistro/main amd64 Packages [8519 B]", "Reading package lists...",
              "The following NEW packages will be installed:", "  nodejs", "Get:1 https://deb.nodesource.com/node_20.x nodistro/main amd64 nodejs amd64 20.11.1-1nodesource1 [31.5 MB]",
              "Fetched 31.5 MB in 1s (28.3 MB/s)", "Selecting previously unselected package nodejs.", "Unpacking nodejs (20.11.1-1nodesource1) ...",
              "Setting up nodejs (20.11.1-1nodesource1) ..."]:
        tt += rng.uniform(0.1, 2.0)
        out.append(f"#6 {tt:.3f} {s}")
    out += [f"#6 DONE {tt + 0.4:.1f}s", "", "#7 [base 4/7] WORKDIR /app", "#7 DONE 0.0s", "", "#8 [base 5/7] COPY package.json package-lock.json ./",
            "#8 DONE 0.0s", "", "#9 [base 6/7] RUN npm ci --omit=dev"]
    mods = ["express", "pino", "pg", "ioredis", "zod", "jsonwebtoken", "helmet", "cors", "dotenv", "undici", "prom-client",
            "@opentelemetry/api", "@opentelemetry/sdk-node", "bullmq", "luxon", "uuid", "node-gyp", "bcrypt", "sharp", "semver"]
    tt = 0.5
    for _ in range(rng.randint(180, 230)):
        tt += rng.uniform(0.01, 0.3)
        m = rng.choice(mods)
        kind = rng.random()
        if kind < 0.5:
            out.append(f"#9 {tt:.3f} npm http fetch GET 200 https://registry.npmjs.org/{m}/-/{m.split('/')[-1]}-{rng.randint(1, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}.tgz {rng.randint(20, 900)}ms (cache miss)")
        elif kind < 0.7:
            out.append(f"#9 {tt:.3f} npm WARN deprecated {rng.choice(['inflight@1.0.6', 'glob@7.2.3', 'rimraf@3.0.2', 'npmlog@6.0.2', 'are-we-there-yet@3.0.1', 'gauge@4.0.4'])}: This module is not supported, and leaks memory. Do not use it.")
        elif kind < 0.85:
            out.append(f"#9 {tt:.3f} gyp info spawn args [ '-C', 'build', '-j', '{rng.choice([2, 4, 8])}' ]")
        else:
            out.append(f"#9 {tt:.3f}   CXX(target) Release/obj.target/bcrypt_lib/src/{rng.choice(['bcrypt.o', 'blowfish.o', 'bcrypt_node.o'])}")
    out += [f"#9 {tt + 1:.3f} ", f"#9 {tt + 1:.3f} added 312 packages, and audited 313 packages in {int(tt)}s", f"#9 {tt + 1:.3f} ",
            f"#9 {tt + 1:.3f} 41 packages are looking for funding", f"#9 {tt + 1:.3f}   run `npm fund` for details", "",
            f"#9 {tt + 1:.3f} found 0 vulnerabilities", f"#9 DONE {tt + 2:.1f}s", "", "#10 [base 7/7] COPY . .", "#10 DONE 0.3s", "",
            "#11 exporting to image", "#11 exporting layers", "#11 exporting layers 6.1s done",
            f"#11 writing image sha256:{_hex(rng, 64)} done", "#11 naming to docker.io/acme/notifier:dev done", "#11 DONE 6.2s"]
    return "\n".join(out)

def gen_cloudtrail(seed, n):
    rng = random.Random(seed)
    t = datetime(2024, 3, 13, 21, 40, 0)
    normal = [("s3.amazonaws.com", "GetObject"), ("sts.amazonaws.com", "AssumeRole"), ("ec2.amazonaws.com", "DescribeInstances"),
              ("kms.amazonaws.com", "Decrypt"), ("logs.amazonaws.com", "CreateLogStream"), ("ecr.amazonaws.com", "GetAuthorizationToken"),
              ("ssm.amazonaws.com", "GetParameter"), ("eks.amazonaws.com", "DescribeCluster")]
    odd = [("s3.amazonaws.com", "GetBucketLifecycle"), ("s3.amazonaws.com", "DeleteBucketLifecycle"), ("iam.amazonaws.com", "ListAccessKeys"),
           ("iam.amazonaws.com", "CreateAccessKey"), ("s3.amazonaws.com", "ListBuckets"), ("sts.amazonaws.com", "GetCallerIdentity"),
           ("ec2.amazonaws.com", "DescribeRegions"), ("iam.amazonaws.com", "ListUsers"), ("s3.amazonaws.com", "PutBucketPolicy"),
           ("ec2.amazonaws.com", "RunInstances"), ("iam.amazonaws.com", "AttachUserPolicy"), ("cloudtrail.amazonaws.com", "DescribeTrails")]
    recs = []
    bad_ip = _ip(rng)
    for i in range(n):
        t += timedelta(seconds=rng.randint(1, 50))
        suspicious = rng.random() < 0.18
        src, ev = rng.choice(odd if suspicious else normal)
        if suspicious:
            ident = {"type": "IAMUser", "principalId": "AIDA" + _hex(rng, 17).upper(), "arn": "arn:aws:iam::123456789012:user/svc-legacy-uploader",
                     "accountId": "123456789012", "accessKeyId": "AKIA" + "Q7XK2M4N8PLR3TZW"[:16], "userName": "svc-legacy-uploader"}
            ip, ua = bad_ip, rng.choice(["aws-cli/1.16.312 Python/3.6.9 Linux/4.15.0-1057-aws botocore/1.13.48", "Boto3/1.9.201 Python/2.7.17 Linux/5.4.0 Botocore/1.12.201"])
            region = rng.choice(["eu-west-1", "us-east-1", "ap-southeast-1", "sa-east-1"])
        else:
            role = rng.choice(["karpenter-node", "gha-ecr-push", "external-dns", "loki-writer", "backup-runner"])
            ident = {"type": "AssumedRole", "principalId": "AROA" + _hex(rng, 17).upper() + ":" + _hex(rng, 10), "arn": f"arn:aws:sts::123456789012:assumed-role/{role}/{_hex(rng, 10)}",
                     "accountId": "123456789012", "sessionContext": {"sessionIssuer": {"type": "Role", "arn": f"arn:aws:iam::123456789012:role/{role}", "userName": role}}}
            ip, ua, region = _ip(rng, private=True), "aws-sdk-go-v2/1.25.2 os/linux lang/go#1.22.1 md/GOOS#linux md/GOARCH#amd64", "eu-west-1"
        rec = {"eventVersion": "1.09", "userIdentity": ident, "eventTime": f"{t:%Y-%m-%dT%H:%M:%S}Z", "eventSource": src, "eventName": ev,
               "awsRegion": region, "sourceIPAddress": ip, "userAgent": ua, "requestParameters": None, "responseElements": None,
               "requestID": _hex(rng, 16).upper(), "eventID": f"{_hex(rng, 8)}-{_hex(rng, 4)}-{_hex(rng, 4)}-{_hex(rng, 4)}-{_hex(rng, 12)}",
               "readOnly": ev.startswith(("Get", "List", "Describe")), "eventType": "AwsApiCall", "managementEvent": True,
               "recipientAccountId": "123456789012"}
        if ev in ("DeleteBucketLifecycle", "GetBucketLifecycle", "PutBucketPolicy"):
            rec["requestParameters"] = {"bucketName": rng.choice(["acme-backups-prod", "acme-audit-logs"]), "Host": "s3.eu-west-1.amazonaws.com"}
        if ev == "CreateAccessKey":
            rec["requestParameters"] = {"userName": rng.choice(["svc-legacy-uploader", "breakglass-admin"])}
            rec["responseElements"] = {"accessKey": {"userName": "breakglass-admin", "accessKeyId": "AKIA" + _hex(rng, 16).upper(), "status": "Active", "createDate": f"{t:%b %d, %Y %I:%M:%S %p}"}}
        if ev == "RunInstances":
            rec["requestParameters"] = {"instanceType": rng.choice(["c5.24xlarge", "p3.16xlarge"]), "instancesSet": {"items": [{"imageId": "ami-0" + _hex(rng, 16), "minCount": 20, "maxCount": 20}]}}
            rec["errorCode"] = rng.choice(["Client.UnauthorizedOperation", None]) or "InstanceLimitExceeded"
        if ev == "AttachUserPolicy":
            rec["requestParameters"] = {"userName": "svc-legacy-uploader", "policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}
            rec["errorCode"] = "AccessDenied"
            rec["errorMessage"] = "User: arn:aws:iam::123456789012:user/svc-legacy-uploader is not authorized to perform: iam:AttachUserPolicy"
        recs.append(rec)
    return json.dumps({"Records": recs}, indent=1)

def gen_pg_log(seed, n):
    rng = random.Random(seed)
    t = datetime(2024, 3, 14, 1, 0, 0)
    out = []
    for i in range(n):
        t += timedelta(milliseconds=rng.randint(50, 4000))
        pid = rng.randint(20000, 40000)
        ts = f"{t:%Y-%m-%d %H:%M:%S}.{rng.randint(0, 999):03d} UTC"
        r = rng.random()
        acct = rng.randint(1, 900000)
        if r < 0.35:
            out.append(f"{ts} [{pid}] billing@ledger LOG:  duration: {rng.uniform(1000, 9000):.3f} ms  execute <unnamed>: UPDATE accounts SET balance = balance + $1, updated_at = now() WHERE id = $2")
            out.append(f"{ts} [{pid}] billing@ledger DETAIL:  parameters: $1 = '{rng.uniform(-500, 500):.2f}', $2 = '{acct}'")
        elif r < 0.55:
            out.append(f"{ts} [{pid}] billing@ledger LOG:  duration: {rng.uniform(1000, 5000):.3f} ms  execute <unnamed>: INSERT INTO ledger_entries (account_id, amount, batch_id, created_at) VALUES ($1, $2, $3, now())")
        elif r < 0.65:
            out.append(f"{ts} [{pid}] billing@ledger LOG:  process {pid} still waiting for ShareLock on transaction {rng.randint(880000000, 890000000)} after 1000.{rng.randint(0, 999):03d} ms")
            out.append(f"{ts} [{pid}] billing@ledger DETAIL:  Process holding the lock: {rng.randint(20000, 40000)}. Wait queue: {pid}.")
            out.append(f"{ts} [{pid}] billing@ledger CONTEXT:  while updating tuple ({rng.randint(0, 90000)},{rng.randint(1, 60)}) in relation \"accounts\"")
        elif r < 0.72:
            a, b = rng.randint(20000, 40000), rng.randint(20000, 40000)
            out.append(f"{ts} [{pid}] billing@ledger ERROR:  deadlock detected")
            out.append(f"{ts} [{pid}] billing@ledger DETAIL:  Process {a} waits for ShareLock on transaction {rng.randint(880000000, 890000000)}; blocked by process {b}.")
            out.append(f"\tProcess {b} waits for ShareLock on transaction {rng.randint(880000000, 890000000)}; blocked by process {a}.")
            out.append(f"\tProcess {a}: UPDATE accounts SET balance = balance + $1, updated_at = now() WHERE id = $2")
            out.append(f"\tProcess {b}: UPDATE accounts SET balance = balance + $1, updated_at = now() WHERE id = $2")
            out.append(f"{ts} [{pid}] billing@ledger HINT:  See server log for query details.")
            out.append(f"{ts} [{pid}] billing@ledger CONTEXT:  while updating tuple ({rng.randint(0, 90000)},{rng.randint(1, 60)}) in relation \"accounts\"")
        elif r < 0.8:
            out.append(f"{ts} [{pid}] reporting@ledger LOG:  duration: {rng.uniform(10000, 90000):.3f} ms  statement: SELECT a.id, sum(e.amount) FROM accounts a JOIN ledger_entries e ON e.account_id = a.id WHERE e.created_at >= date_trunc('day', now()) - interval '1 day' GROUP BY a.id FOR UPDATE OF a")
        elif r < 0.87:
            out.append(f"{ts} [{rng.randint(100, 999)}] LOG:  checkpoint {rng.choice(['starting: time', 'complete: wrote ' + str(rng.randint(1000, 90000)) + ' buffers (' + str(rng.randint(1, 40)) + '.0%); 0 WAL file(s) added, 3 removed, 12 recycled; write=' + str(rng.uniform(20, 270))[:7] + ' s, sync=0.' + str(rng.randint(10, 999)) + ' s'])}")
        elif r < 0.93:
            out.append(f"{ts} [{rng.randint(100, 999)}] LOG:  automatic vacuum of table \"ledger.public.ledger_entries\": index scans: 1")
        else:
            out.append(f"{ts} [{pid}] billing@ledger LOG:  duration: {rng.uniform(500, 2000):.3f} ms  execute <unnamed>: UPDATE batches SET status = 'done', finished_at = now() WHERE id = $1")
    return "\n".join(out)

# medium material helpers -------------------------------------------------------------------------
def gen_nginx_conf(seed):
    rng = random.Random(seed)
    ups = ["orders", "cart", "payments", "users", "search", "media"]
    out = ["user www-data;", "worker_processes auto;", "pid /run/nginx.pid;", "include /etc/nginx/modules-enabled/*.conf;", "",
           "events {", "    worker_connections 4096;", "    multi_accept on;", "}", "", "http {", "    sendfile on;", "    tcp_nopush on;",
           "    types_hash_max_size 2048;", "    server_tokens off;", "    include /etc/nginx/mime.types;", "    default_type application/octet-stream;",
           "    log_format main '$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent \"$http_referer\" \"$http_user_agent\" $request_time $upstream_response_time';",
           "    access_log /var/log/nginx/access.log main;", "    error_log /var/log/nginx/error.log warn;", "    gzip on;",
           "    gzip_types text/plain text/css application/json application/javascript;", "    keepalive_timeout 65;", ""]
    for u in ups:
        out += [f"    upstream {u}_backend {{", f"        least_conn;"]
        for k in range(rng.randint(2, 4)):
            out.append(f"        server 10.20.{rng.randint(1, 9)}.{rng.randint(2, 250)}:{rng.choice([8080, 8000])} max_fails=3 fail_timeout=10s;")
        out += ["        keepalive 32;", "    }", ""]
    out += ["    server {", "        listen 80;", "        server_name shop.acme.io;", "        return 301 https://$host$request_uri;", "    }", "",
            "    server {", "        listen 443 ssl http2;", "        server_name shop.acme.io;", "        ssl_certificate /etc/ssl/shop/fullchain.pem;",
            "        ssl_certificate_key /etc/ssl/shop/privkey.pem;", "        ssl_protocols TLSv1.2 TLSv1.3;", "        ssl_prefer_server_ciphers off;",
            "        client_max_body_size 25m;", "        add_header Strict-Transport-Security \"max-age=63072000\" always;", ""]
    for u in ups:
        out += [f"        location /api/v1/{u}/ {{", f"            proxy_pass http://{u}_backend;", "            proxy_http_version 1.1;",
                "            proxy_set_header Connection \"\";", "            proxy_set_header Host $host;",
                "            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;", f"            proxy_read_timeout {rng.choice([30, 60, 120])}s;", "        }", ""]
    out += ["        location / {", "            root /var/www/shop;", "            try_files $uri /index.html;", "        }", "    }", "}"]
    return "\n".join(out)

def gen_nodes_json(seed, n):
    rng = random.Random(seed)
    items = []
    for i in range(n):
        it = rng.choice(["m6i.xlarge", "m6i.2xlarge", "c6g.2xlarge", "r6i.xlarge", "m7g.large"])
        az = rng.choice(["a", "b", "c"])
        name = f"ip-10-40-{rng.randint(0, 255)}-{rng.randint(2, 254)}.eu-west-1.compute.internal"
        items.append({"apiVersion": "v1", "kind": "Node", "metadata": {"name": name, "labels": {
            "beta.kubernetes.io/arch": "arm64" if it[2] == "g" or it[1:3] == "7g" else "amd64", "node.kubernetes.io/instance-type": it,
            "topology.kubernetes.io/zone": f"eu-west-1{az}", "karpenter.sh/capacity-type": rng.choice(["spot", "on-demand"]),
            "karpenter.sh/nodepool": rng.choice(["default", "memory", "arm"])}, "creationTimestamp": f"2024-03-{rng.randint(1, 13):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z"},
            "spec": {"providerID": f"aws:///eu-west-1{az}/i-0{_hex(rng, 16)}"},
            "status": {"capacity": {"cpu": "4", "memory": "16069532Ki", "pods": "58"}, "nodeInfo": {"kubeletVersion": "v1.28.5-eks-5e0fdde", "containerRuntimeVersion": "containerd://1.7.11", "osImage": "Bottlerocket OS 1.19.2 (aws-k8s-1.28)"}}})
    return json.dumps({"apiVersion": "v1", "kind": "List", "items": items}, indent=2)


# ================================================================== rows
# R(label, category, domain, voice, trap, rationale, prompt, language="en")

# ------------------------------------------------------------------ very long pastes (seeded)
R("haiku", "question", "infrastructure", "terse", "long-trivial",
  "counting status codes per upstream in a pasted log is mechanical, however long",
  "count the 502s per upstream in this ingress log, just a table\n\n" + gen_ingress_log(101, 165))
R("haiku", "question", "infrastructure", "plain", "long-trivial",
  "listing the resources marked destroy in a plan is a lookup, not analysis",
  "Reviewer asked me which resources this plan destroys. Can you just list the addresses that get destroyed or replaced? Nothing else.\n\n```\n" + gen_tf_plan(102, 75) + "```")
R("sonnet", "debug", "infrastructure", "verbose", None,
  "writing moved blocks for a module refactor is a known multi-step fix, needs care to match every address",
  "I refactored our VPC code into a local module (module \"network\" { source = \"./modules/network\" }) and now the plan wants to destroy and recreate every subnet, route table and NAT gateway in prod, which is obviously not happening. I know the answer is `moved` blocks but there are a lot of them. Can you generate all the moved {} blocks from this plan output so the plan comes back clean? Keys have to match exactly.\n\n" + gen_tf_plan(103, 60, moved=True))
R("haiku", "question", "infrastructure", "typos", "long-trivial",
  "finding one value in a long values file is a lookup",
  "whats the ingress className for the search component in here? i keep scrolling past it\n\n" + gen_helm_values(104))
R("opus", "debug", "infrastructure", "verbose", None,
  "intermittent node failure needing a theory across kubelet, containerd, kernel and storage with no clear lead",
  "One of our EKS nodes goes NotReady a few times a week, always in the small hours, and comes back on its own after 10-20 minutes (or we cordon and kill it). It's not always the same node but it's always the m6i nodes in the 'general' pool which run loki-write and the search indexer. AWS says the instance status checks pass. Below is journalctl from the node for the window of the last incident (NotReady from 02:57 to 03:09). I can't tell what is cause and what is symptom here. What's actually happening and what would you change?\n\n" + gen_journal(105, 270))
R("haiku", "edit", "infrastructure", "plain", "long-trivial",
  "adding the same tags line to every task is a mechanical edit on a long paste",
  "Add `tags: [baseline]` to every task in this playbook (not the handlers). Don't change anything else please.\n\n```yaml\n" + gen_ansible(106, 150) + "\n```")
R("opus", "review", "security", "plain", None,
  "privilege-escalation review of IAM policies is a security review where a miss is a vulnerability",
  "Security review please: these are the inline policies and trust policies for the roles our CI and platform use. I want to know every privilege escalation path, especially from anything a GitHub workflow can assume, and what the minimal fix is for each. Assume an attacker can open a PR in any repo in the acme org.\n\n" + gen_iam(107, ["ci-deployer", "gha-ecr-push", "gha-terraform-plan", "karpenter-node", "backup-runner", "loki-writer", "external-dns", "data-pipeline", "support-readonly"]))
R("haiku", "edit", "infrastructure", "terse", "long-trivial",
  "sorting rules by name inside each group is mechanical",
  "sort rules alphabetically by alert name within each group. keep everything else byte for byte\n\n" + gen_alert_rules(108, ["api", "nodes", "kafka", "postgres", "ingress", "platform", "storage"]))
R("sonnet", "debug", "tooling", "terse", None,
  "CI failure with an explicit IAM denial in the log; fix is an identifiable policy change",
  "release workflow broke, was fine last week. log:\n\n" + gen_ci_log(109) + "\n\nwhat do i change")
R("haiku", "question", "security", "plain", "long-trivial",
  "tallying failed-login source IPs from auth.log is mechanical extraction",
  "From this auth.log, give me the distinct source IPs with failed ssh logins and how many attempts each, sorted descending. I want to paste it into a ticket.\n\n" + gen_authlog(110, 320))
R("opus", "debug", "infrastructure", "verbose", "easy-words-hard",
  "intermittent 503 UC resets between sidecars with no lead need a cross-component theory (keepalive, idle timeouts, mesh)",
  "A small fraction of calls from checkout to payments fail, roughly 3-4 in a hundred in the busiest hour and almost none at night. Only prod, never staging. Payments team says their service never saw the requests. Below is the checkout sidecar's access log for 09:00-09:01. We've been staring at it for two days. What's going on and how do we prove it?\n\n" + gen_envoy(111, 150))
R("haiku", "edit", "infrastructure", "plain", "long-trivial",
  "adding one label to every Deployment is a mechanical edit",
  "add `app.kubernetes.io/part-of: storefront` under metadata.labels of every Deployment (not Services, not the pod template). output the full file\n\n" + gen_k8s_manifests(112, ["gateway", "orders", "cart", "payments", "users", "search", "catalog", "pricing", "reviews", "media", "webhooks", "notifier"]))
R("haiku", "question", "infrastructure", "typos", "long-trivial",
  "finding one version string in a build log is a lookup",
  "which nodejs version actually ended up in the image? its somewhere in this build log, i cant find it\n\n" + gen_docker_build_log(113))
R("opus", "debug", "security", "verbose", None,
  "incident response on possibly compromised credentials: reconstruct attacker activity and judge blast radius, high stakes",
  "On-call here. Someone deleted the lifecycle rules on acme-backups-prod last night and we only noticed because a compliance check failed. Below is the CloudTrail export for the window. I need to know: who did it, was it a compromised credential or a person, what else did that identity do, did they get persistence anywhere, and what I should do in the next hour in what order. Be precise, this goes to the CISO.\n\n" + gen_cloudtrail(114, 75))
R("opus", "debug", "databases", "plain", None,
  "recurring deadlocks in a batch need reasoning about lock ordering across concurrent transactions",
  "Our nightly ledger batch hits deadlocks most nights between 01:00 and 01:30 and the app team's answer is 'just retry'. I don't like that for money. Here's the postgres log from last night. Explain the actual lock cycle, whether the reporting query is part of it, and how to fix it properly (not retries).\n\n" + gen_pg_log(115, 230))

# ------------------------------------------------------------------ medium pastes, trivial asks (long-trivial)
R("haiku", "question", "infrastructure", "terse", "long-trivial",
  "finding one directive in a pasted config",
  "what's client_max_body_size set to in this? and is it per location or server\n\n" + gen_nginx_conf(201))
R("haiku", "edit", "infrastructure", "plain", "long-trivial",
  "extracting two fields per item into a table is mechanical",
  "Make me a markdown table of node name, instance type, zone and capacity type from this kubectl get nodes -o json output.\n\n" + gen_nodes_json(202, 14))

DEPLOY_YAML = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: ledger-api
  namespace: ledger
  labels:
    app: ledger-api
    team: payments
spec:
  replicas: 3
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      app: ledger-api
  template:
    metadata:
      labels:
        app: ledger-api
        team: payments
    spec:
      serviceAccountName: ledger-api
      terminationGracePeriodSeconds: 45
      containers:
        - name: api
          image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/ledger/ledger-api:2.3.9
          args: ["serve", "--port=8080"]
          ports:
            - containerPort: 8080
              name: http
          env:
            - name: DB_HOST
              value: ledger-pg-rw.ledger.svc
            - name: DB_NAME
              value: ledger
            - name: DB_USER
              valueFrom:
                secretKeyRef:
                  name: ledger-db
                  key: username
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: ledger-db
                  key: password
          resources:
            requests:
              cpu: 250m
              memory: 384Mi
            limits:
              memory: 768Mi
          readinessProbe:
            httpGet:
              path: /ready
              port: http
            periodSeconds: 5
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            initialDelaySeconds: 15
          lifecycle:
            preStop:
              exec:
                command: ["sleep", "10"]
        - name: cloud-sql-proxy
          image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.8.1
          args: ["--structured-logs", "--port=5432", "acme-prod:europe-west1:ledger"]
          resources:
            requests:
              cpu: 50m
              memory: 64Mi
"""

R("haiku", "edit", "infrastructure", "terse", "long-trivial",
  "bumping one image tag is a one-line edit",
  "bump api image to 2.4.1, leave the proxy alone\n\n" + DEPLOY_YAML)

GITLAB_CI = """stages:
  - lint
  - test
  - build
  - deploy-staging
  - deploy-prod

variables:
  DOCKER_DRIVER: overlay2
  IMAGE: $CI_REGISTRY_IMAGE/api

default:
  image: python:3.12-slim
  tags: [k8s-runner]

lint:
  stage: lint
  script:
    - pip install ruff==0.3.2
    - ruff check .
    - ruff format --check .

unit-tests:
  stage: test
  services:
    - postgres:16
  variables:
    POSTGRES_DB: test
    POSTGRES_PASSWORD: test
    DATABASE_URL: postgresql://postgres:test@postgres:5432/test
  script:
    - pip install -r requirements-dev.txt
    - pytest -q --junitxml=report.xml
  artifacts:
    reports:
      junit: report.xml

build-image:
  stage: build
  image: gcr.io/kaniko-project/executor:v1.21.0-debug
  script:
    - /kaniko/executor --context $CI_PROJECT_DIR --destination $IMAGE:$CI_COMMIT_SHORT_SHA
  rules:
    - if: $CI_COMMIT_BRANCH == "main"

deploy-staging:
  stage: deploy-staging
  image: alpine/helm:3.14.2
  environment: staging
  script:
    - helm upgrade --install api ./chart -n api --set image.tag=$CI_COMMIT_SHORT_SHA -f chart/values-staging.yaml
  rules:
    - if: $CI_COMMIT_BRANCH == "main"

deploy-prod:
  stage: deploy-prod
  image: alpine/helm:3.14.2
  environment: production
  when: manual
  needs: [deploy-staging]
  script:
    - helm upgrade --install api ./chart -n api --set image.tag=$CI_COMMIT_SHORT_SHA -f chart/values-prod.yaml
  rules:
    - if: $CI_COMMIT_BRANCH == "main"
"""

R("haiku", "edit", "tooling", "plain", "long-trivial",
  "renaming a stage and its references is a mechanical rename",
  "rename the stage deploy-prod to deploy-production everywhere in this file (stage list and job). keep the job name as is\n\n" + GITLAB_CI)

VARS_TF = "\n\n".join(
    f'variable "{n}" {{\n  type        = {t}\n  description = "{d}"\n' + (f"  default     = {df}\n" if df is not None else "") + "}"
    for n, t, d, df in [
        ("region", "string", "AWS region", '"eu-west-1"'), ("environment", "string", "dev, staging or prod", None),
        ("vpc_cidr", "string", "CIDR for the VPC", '"10.40.0.0/16"'), ("az_count", "number", "Number of AZs to span", "3"),
        ("cluster_name", "string", "EKS cluster name", None), ("cluster_version", "string", "EKS version", '"1.29"'),
        ("node_instance_types", "list(string)", "Instance types for the default node group", '["m6i.xlarge", "m6a.xlarge"]'),
        ("enable_nat_per_az", "bool", "One NAT gateway per AZ instead of a single one", "true"),
        ("tags", "map(string)", "Tags applied to every resource", "{}"), ("db_instance_class", "string", "RDS instance class", '"db.r6g.large"'),
        ("db_allocated_storage", "number", "Initial storage in GB", "100"), ("db_multi_az", "bool", "Multi-AZ RDS", "true"),
        ("backup_retention_days", "number", "RDS backup retention", "14"), ("kms_key_arn", "string", "KMS key for encryption at rest", None),
        ("allowed_admin_cidrs", "list(string)", "CIDRs allowed to reach the EKS public endpoint", "[]"),
        ("log_retention_days", "number", "CloudWatch log retention", "30"), ("alb_idle_timeout", "number", "ALB idle timeout seconds", "60"),
        ("domain_name", "string", "Public hosted zone name", None), ("create_bastion", "bool", "Create an SSM bastion host", "false"),
        ("flow_logs_bucket", "string", "Bucket for VPC flow logs", '""'), ("karpenter_version", "string", "Karpenter chart version", '"0.35.1"'),
        ("argocd_version", "string", "Argo CD chart version", '"6.7.2"'), ("cost_center", "string", "Cost center tag", '"platform"'),
        ("waf_enabled", "bool", "Attach WAF to the public ALB", "true"), ("sso_admin_role_arn", "string", "Role mapped to cluster-admin", None)])

R("haiku", "edit", "infrastructure", "terse", "long-trivial",
  "sorting variable blocks alphabetically is mechanical",
  "sort these alphabetically by variable name\n\n" + VARS_TF)

SSHD = """# $OpenBSD: sshd_config,v 1.104 2021/07/02 05:11:21 dtucker Exp $
Include /etc/ssh/sshd_config.d/*.conf
Port 22
#AddressFamily any
ListenAddress 0.0.0.0
HostKey /etc/ssh/ssh_host_ed25519_key
HostKey /etc/ssh/ssh_host_rsa_key
# Ciphers and keying
KexAlgorithms sntrup761x25519-sha512@openssh.com,curve25519-sha256,curve25519-sha256@libssh.org
Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-gcm@openssh.com
MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com
# Logging
SyslogFacility AUTH
LogLevel VERBOSE
# Authentication:
LoginGraceTime 30
PermitRootLogin no
StrictModes yes
MaxAuthTries 3
MaxSessions 4
PubkeyAuthentication yes
AuthorizedKeysFile .ssh/authorized_keys
AuthorizedPrincipalsFile /etc/ssh/auth_principals/%u
TrustedUserCAKeys /etc/ssh/user_ca.pub
HostbasedAuthentication no
IgnoreRhosts yes
# To disable tunneled clear text passwords, change to no here!
#PasswordAuthentication yes
PermitEmptyPasswords no
KbdInteractiveAuthentication no
UsePAM yes
AllowAgentForwarding no
AllowTcpForwarding local
GatewayPorts no
X11Forwarding no
PrintMotd no
PrintLastLog yes
TCPKeepAlive yes
ClientAliveInterval 300
ClientAliveCountMax 2
UseDNS no
PermitTunnel no
Banner /etc/issue.net
AcceptEnv LANG LC_*
Subsystem sftp internal-sftp
Match Group sftp-only
    ChrootDirectory /srv/sftp/%u
    ForceCommand internal-sftp
    AllowTcpForwarding no
Match Address 10.8.0.0/16
    PasswordAuthentication yes
"""

R("haiku", "question", "security", "typos", "long-trivial",
  "reading off one setting from a pasted config",
  "is password auth on or off on this box? auditor is asking, sshd_config below\n\n" + SSHD)

def gen_slack_thread(seed):
    rng = random.Random(seed)
    t = datetime(2024, 3, 9, 14, 2)
    msgs = [("pagerduty", "TRIGGERED: [P1] checkout-api 5xx rate > 5% (prod-eu)"), ("dana", "ack, looking"),
            ("dana", "5xx from checkout-api, all pods, started 14:01"), ("marco", "anything deployed?"),
            ("dana", "nothing in argo in the last 2h. config repo had a merge at 13:58 though"),
            ("marco", "which one"), ("dana", "PR 4471, changes the payments client timeout from 3s to 300ms"),
            ("piotr", "that would do it, p50 of payments is ~250ms, p90 is 600"), ("marco", "revert?"),
            ("dana", "reverting now"), ("dana", "revert merged, argo syncing"), ("marco", "error rate dropping"),
            ("piotr", "back to baseline on my dashboard"), ("dana", "resolving the page, will write up"),
            ("marco", "status page updated"), ("pagerduty", "RESOLVED: [P1] checkout-api 5xx rate > 5% (prod-eu)")]
    lines = []
    for who, m in msgs:
        t += timedelta(minutes=rng.randint(1, 4), seconds=rng.randint(0, 59))
        lines.append(f"[{t:%H:%M}] {who}: {m}")
        if rng.random() < 0.5:
            lines.append(f"[{t:%H:%M}] {rng.choice(['sam', 'li', 'marco'])}: {rng.choice(['+1', 'watching', 'customer support says complaints coming in', 'eyes'])}")
    return "\n".join(lines)

R("haiku", "docs", "general", "plain", "long-trivial",
  "turning a chat log into a timestamped bullet list is a small text task",
  "turn this incident channel into a clean timeline (time, what happened) for the postmortem doc. drop the +1s and chatter\n\n" + gen_slack_thread(203))

DOCKERFILE_PY = """FROM python:3.12-slim AS base
ENV PYTHONDONTWRITEBYTECODE=1 \\
    PYTHONUNBUFFERED=1 \\
    PIP_NO_CACHE_DIR=1
WORKDIR /app

FROM base AS deps
RUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM base AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 tini && rm -rf /var/lib/apt/lists/* \\
    && useradd --uid 10001 --create-home app
COPY --from=deps /wheels /wheels
RUN pip install /wheels/* && rm -rf /wheels
COPY --chown=app:app src/ ./src/
COPY --chown=app:app alembic.ini ./
COPY --chown=app:app migrations/ ./migrations/
USER 10001
EXPOSE 8000
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["gunicorn", "src.app:create_app()", "-k", "uvicorn.workers.UvicornWorker", "-b", "0.0.0.0:8000", "-w", "4"]
"""

R("haiku", "edit", "tooling", "plain", "long-trivial",
  "adding a license header comment is a mechanical edit",
  "add our standard header at the top: `# Copyright (c) 2024 Acme Corp. SPDX-License-Identifier: Apache-2.0`\n\n" + DOCKERFILE_PY)

ENV_FILE = """# ledger-api runtime config (staging)
APP_ENV=staging
LOG_LEVEL=info
LOG_FORMAT=json
HTTP_PORT=8080
METRICS_PORT=9090
DB_HOST=ledger-pg-rw.ledger.svc
DB_PORT=5432
DB_NAME=ledger
DB_POOL_MIN=2
DB_POOL_MAX=20
DB_STATEMENT_TIMEOUT_MS=5000
REDIS_URL=redis://ledger-redis.ledger.svc:6379/0
KAFKA_BROKERS=kafka-0.kafka.svc:9092,kafka-1.kafka.svc:9092,kafka-2.kafka.svc:9092
KAFKA_TOPIC_EVENTS=ledger.events.v1
OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector.observability:4317
OTEL_SERVICE_NAME=ledger-api
FEATURE_NEW_ROUNDING=false
FEATURE_ASYNC_POSTING=true
RATE_LIMIT_RPS=200
CORS_ALLOWED_ORIGINS=https://staging.shop.acme.io,https://admin.staging.acme.io
"""

R("haiku", "edit", "infrastructure", "plain", "long-trivial",
  "converting a .env file into a ConfigMap is a mechanical format conversion",
  "turn this .env into a ConfigMap named ledger-api-config in ns ledger. all values as strings\n\n" + ENV_FILE)

def gen_zone(seed):
    rng = random.Random(seed)
    out = ["$ORIGIN acme.io.", "$TTL 300", "@\tIN\tSOA\tns-1021.awsdns-63.net. awsdns-hostmaster.amazon.com. 2024031401 7200 900 1209600 86400",
           "@\tIN\tNS\tns-1021.awsdns-63.net.", "@\tIN\tNS\tns-187.awsdns-23.com.", "@\tIN\tMX\t10 aspmx.l.google.com.",
           "@\tIN\tMX\t20 alt1.aspmx.l.google.com.", '@\tIN\tTXT\t"v=spf1 include:_spf.google.com include:mailgun.org ~all"',
           '_dmarc\tIN\tTXT\t"v=DMARC1; p=quarantine; rua=mailto:dmarc@acme.io"']
    names = ["www", "api", "shop", "admin", "status", "vpn", "grafana", "argocd", "vault", "git", "ci", "docs", "blog", "cdn",
             "mail", "files", "auth", "sso", "metrics", "logs", "sentry", "registry", "s3-proxy", "jump", "dev", "staging", "sandbox"]
    for n in names:
        k = rng.choice(["A", "A", "CNAME", "AAAA"])
        if k == "A":
            out.append(f"{n}\t{rng.choice([60, 300, 3600])}\tIN\tA\t{rng.choice([52, 54, 18, 3])}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}")
        elif k == "AAAA":
            out.append(f"{n}\t300\tIN\tAAAA\t2a05:d018:{_hex(rng, 4)}:{_hex(rng, 4)}::{_hex(rng, 3)}")
        else:
            out.append(f"{n}\t300\tIN\tCNAME\t{rng.choice(['k8s-ingress-', 'dualstack.prod-alb-'])}{_hex(rng, 10)}.eu-west-1.elb.amazonaws.com.")
    return "\n".join(out)

R("haiku", "question", "infrastructure", "terse", "long-trivial",
  "counting record types in a zone file is mechanical",
  "how many A records vs CNAMEs in this zone\n\n" + gen_zone(204))

PIP_FREEZE = """alembic==1.13.1
annotated-types==0.6.0
anyio==4.3.0
asyncpg==0.29.0
boto3==1.34.58
botocore==1.34.58
certifi==2024.2.2
cffi==1.16.0
charset-normalizer==3.3.2
click==8.1.7
cryptography==42.0.5
fastapi==0.110.0
greenlet==3.0.3
gunicorn==21.2.0
h11==0.14.0
httpcore==1.0.4
httpx==0.27.0
idna==3.6
jmespath==1.0.1
Mako==1.3.2
MarkupSafe==2.1.5
opentelemetry-api==1.23.0
opentelemetry-sdk==1.23.0
packaging==24.0
prometheus-client==0.20.0
pycparser==2.21
pydantic==2.6.3
pydantic-settings==2.2.1
pydantic_core==2.16.3
PyJWT==2.8.0
python-dateutil==2.9.0.post0
python-dotenv==1.0.1
PyYAML==6.0.1
redis==5.0.3
requests==2.31.0
s3transfer==0.10.0
six==1.16.0
sniffio==1.3.1
SQLAlchemy==2.0.28
starlette==0.36.3
structlog==24.1.0
typing_extensions==4.10.0
urllib3==2.2.1
uvicorn==0.28.0
"""

R("haiku", "question", "security", "plain", "long-trivial",
  "reading two pinned versions off a list",
  "Which versions of cryptography and PyJWT are we pinned to here? Security team asked.\n\n" + PIP_FREEZE)

def gen_inventory_csv(seed, n):
    rng = random.Random(seed)
    rows = ["instance_id,name,type,az,private_ip,state,launch_time,owner"]
    for i in range(n):
        rows.append(",".join([f"i-0{_hex(rng, 16)}", f"{rng.choice(['bastion', 'vpn', 'jenkins-agent', 'kafka', 'zk', 'legacy-api', 'etl'])}-{i:02d}",
                              rng.choice(["t3.medium", "m5.large", "r5.xlarge", "c5.2xlarge"]), f"eu-west-1{rng.choice('abc')}", _ip(rng, True),
                              rng.choice(["running", "running", "stopped"]), f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z",
                              rng.choice(["platform", "data", "payments", "unknown"])]))
    return "\n".join(rows)


GHA_WF = """name: ci
on:
  push:
    branches: [main]
  pull_request:

permissions:
  contents: read
  id-token: write

jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v3
      - uses: actions/setup-go@v4
        with:
          go-version: '1.22'
      - uses: golangci/golangci-lint-action@v3
        with:
          version: v1.56

  test:
    runs-on: ubuntu-latest
    services:
      postgres:
        image: postgres:16
        env:
          POSTGRES_PASSWORD: postgres
        ports: ['5432:5432']
        options: >-
          --health-cmd pg_isready --health-interval 5s --health-timeout 5s --health-retries 10
    steps:
      - uses: actions/checkout@v3
      - uses: actions/setup-go@v4
        with:
          go-version: '1.22'
      - run: go test -race -count=1 ./...
        env:
          DATABASE_URL: postgres://postgres:postgres@localhost:5432/postgres?sslmode=disable

  build:
    needs: [lint, test]
    if: github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v3
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/gha-ecr-push
          aws-region: eu-west-1
      - uses: aws-actions/amazon-ecr-login@v2
      - uses: docker/setup-buildx-action@v3
      - uses: docker/build-push-action@v5
        with:
          push: true
          tags: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/ledger/ledger-api:${{ github.sha }}
"""

R("haiku", "edit", "tooling", "plain", "long-trivial",
  "bumping one action version everywhere is a find-and-replace",
  "update every actions/checkout@v3 to v4 and setup-go v4 to v5 in this workflow, nothing else\n\n" + GHA_WF)

def gen_app_log(seed, n):
    rng = random.Random(seed)
    t = datetime(2024, 3, 14, 11, 0, 0)
    out = []
    for _ in range(n):
        t += timedelta(milliseconds=rng.randint(20, 3000))
        st = rng.choices([200, 201, 400, 404, 500], [80, 5, 5, 5, 5])[0]
        lvl = "error" if st == 500 else "info"
        rec = {"ts": f"{t:%Y-%m-%dT%H:%M:%S}.{t.microsecond // 1000:03d}Z", "level": lvl, "svc": "orders-api",
               "req_id": _hex(rng, 16), "method": rng.choice(["GET", "POST"]), "path": rng.choice(["/orders", "/orders/:id", "/orders/:id/cancel"]),
               "status": st, "dur_ms": rng.randint(3, 900)}
        if st == 500:
            rec["err"] = rng.choice(["pq: canceling statement due to statement timeout", "context deadline exceeded", "dial tcp 10.20.4.12:6379: i/o timeout"])
        out.append(json.dumps(rec))
    return "\n".join(out)

R("haiku", "question", "web", "terse", "long-trivial",
  "extracting request ids with one status from json logs is a filter",
  "pull out the req_ids of every 500 in this, one per line\n\n" + gen_app_log(206, 90))

README_TYPO = """# platform-terraform

Terraform for the shared platform accounts (network, dns, eks, observability).

## Instalation

You need terraform >= 1.6 and the aws cli v2. We use `tfenv`, the version is pinned in `.terraform-version`.

```
brew install tfenv awscli
tfenv install
```

## Layout

- `stacks/network` - VPCs, TGW attachments, endpoints
- `stacks/dns` - public and private hosted zones
- `stacks/eks` - clusters, node pools, addons
- `stacks/observability` - AMP, AMG, log buckets
- `modules/` - shared modules, versioned by git tag

## Running a plan

```
cd stacks/eks
aws sso login --profile platform-prod
terraform init -backend-config=../../backends/prod.hcl
terraform plan -var-file=../../env/prod.tfvars
```

Never apply from a laptop against prod. Prod applies go through the `apply` workflow, which needs an approval from
someone in @acme/platform-oncall.

## Conventions

- one state per stack per environment
- tags come from `local.tags`, do not set them per resource
- no `count` for things that have names, use `for_each`
"""


PROM_SCRAPE = """global:
  scrape_interval: 30s
  evaluation_interval: 30s
  external_labels:
    cluster: prod-eu-1
scrape_configs:
  - job_name: kubernetes-pods
    kubernetes_sd_configs:
      - role: pod
    relabel_configs:
      - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_scrape]
        action: keep
        regex: "true"
      - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_port, __address__]
        action: replace
        regex: ([^:]+)(?::\\d+)?;(\\d+)
        replacement: $1:$2
        target_label: __address__
      - source_labels: [__meta_kubernetes_namespace]
        target_label: namespace
      - source_labels: [__meta_kubernetes_pod_name]
        target_label: pod
  - job_name: node-exporter
    kubernetes_sd_configs:
      - role: endpoints
    relabel_configs:
      - source_labels: [__meta_kubernetes_endpoints_name]
        action: keep
        regex: node-exporter
  - job_name: blackbox-https
    metrics_path: /probe
    params:
      module: [http_2xx]
    static_configs:
      - targets:
          - https://shop.acme.io
          - https://api.acme.io/healthz
          - https://status.acme.io
    relabel_configs:
      - source_labels: [__address__]
        target_label: __param_target
      - source_labels: [__param_target]
        target_label: instance
      - target_label: __address__
        replacement: blackbox-exporter.monitoring:9115
"""

R("haiku", "edit", "infrastructure", "terse", "long-trivial",
  "YAML to JSON conversion is mechanical",
  "convert to json, the tool we feed it to only takes json\n\n" + PROM_SCRAPE)

# ------------------------------------------------------------------ haiku: quick questions, one-liners, small edits
R("haiku", "question", "infrastructure", "terse", None, "one kubectl one-liner, checkable at a glance",
  "kubectl: list pods that are not Running across all namespaces")
R("haiku", "question", "infrastructure", "typos", None, "single well-known flag",
  "how do i exec into a specifc container in a pod that has 3 containers, kubectl exec keeps picking the first one")
R("haiku", "question", "infrastructure", "plain", None, "short conceptual answer",
  "What's the practical difference between a Deployment and a StatefulSet? Short answer, I need to explain it to a new hire tomorrow.")
R("haiku", "explain", "infrastructure", "plain", None, "explaining two well-known rollout settings",
  "what does maxUnavailable: 0 together with maxSurge: 25% mean during a rollout of 8 replicas? how many pods at most at once")
R("haiku", "question", "infrastructure", "terse", None, "one-liner",
  "one liner to base64 decode .data.password from secret db-creds in ns payments")
R("haiku", "edit", "infrastructure", "plain", None, "mechanical conversion of a single docker run",
  "turn this into a k8s Pod yaml: docker run -d --name cache -p 6379:6379 -e REDIS_ARGS=\"--maxmemory 256mb\" redis:7.2-alpine")
R("haiku", "question", "infrastructure", "terse", None, "meaning of a common status",
  "CrashLoopBackOff vs Error pod status, whats the difference")
R("haiku", "question", "infrastructure", "plain", None, "single command",
  "how do I scale a deployment to zero without deleting it, and back to 3 later? it's a staging thing we want off on weekends")
R("haiku", "question", "infrastructure", "typos", None, "single command with a sort flag",
  "kubectl get events sorted by time? the default order is useless")
R("haiku", "question", "infrastructure", "plain", None, "one known flag",
  "How do I see the logs of the previous container after a restart? kubectl logs only shows me the new one which is useless")
R("haiku", "question", "infrastructure", "plain", None, "short factual answer",
  "does kubectl drain respect PodDisruptionBudgets? and does the cluster autoscaler / karpenter when it scales down?")
R("haiku", "question", "infrastructure", "plain", None, "explaining a common error and its one-line fix",
  "`kubectl describe hpa` says `failed to get cpu utilization: missing request for cpu`. what does it want from me")
R("haiku", "question", "infrastructure", "typos", None, "single annotation",
  "nginx ingress gives 413 on uploads >1mb, how do i raise it for just one ingress not globally")
R("haiku", "question", "infrastructure", "plain", None, "well-known exit code meaning",
  "container exited with code 137, what does that mean")

R("haiku", "question", "infrastructure", "terse", None, "single helm command",
  "helm: show the values currently deployed for release grafana in ns monitoring")
R("haiku", "explain", "infrastructure", "plain", None, "explaining one template line",
  "what does `{{- include \"app.labels\" . | nindent 4 }}` do? specifically the dash and the nindent")
R("haiku", "question", "infrastructure", "typos", None, "single command",
  "helm rolback to the revision before last, whats the syntax")
R("haiku", "question", "infrastructure", "plain", None, "short known answer",
  "difference between helm upgrade --install and helm install? can I just always use the first one in CI")

R("haiku", "question", "infrastructure", "terse", None, "single command",
  "terraform import for existing s3 bucket acme-logs-prod into aws_s3_bucket.logs")
R("haiku", "question", "infrastructure", "plain", None, "short conceptual answer",
  "count vs for_each in terraform, when do I use which? one paragraph is enough")
R("haiku", "question", "infrastructure", "plain", None, "one attribute",
  "How do I mark a terraform variable as sensitive so it doesn't show up in plan output?")
R("haiku", "explain", "infrastructure", "typos", None, "common error with a known fix",
  "getting `Error acquiring the state lock` ConditionalCheckFailedException, nobody else is running anything. how do i unlock it safely")
R("haiku", "question", "infrastructure", "terse", None, "single command",
  "tf: remove a resource from state without destroying it")
R("haiku", "edit", "infrastructure", "plain", None, "reformatting a short block",
  "fix the formatting of this, terraform fmt isn't available on this box:\n\nresource \"aws_s3_bucket_versioning\" \"logs\" {\nbucket=aws_s3_bucket.logs.id\n  versioning_configuration {\nstatus=\"Enabled\"\n    }\n}")
R("haiku", "question", "infrastructure", "plain", None, "one command explained",
  "what does `terraform state mv` do and when would I use it instead of a moved block")

R("haiku", "question", "infrastructure", "terse", None, "ad-hoc one-liner",
  "ansible ad-hoc: restart nginx on group web with sudo")
R("haiku", "question", "infrastructure", "plain", None, "short conceptual answer",
  "what's the difference between become and become_user in ansible, do I need both?")
R("haiku", "edit", "infrastructure", "plain", None, "mechanical format conversion",
  "convert this inventory to yaml format:\n\n[web]\nweb1.int.acme.io ansible_host=10.0.1.11\nweb2.int.acme.io ansible_host=10.0.1.12\n\n[db]\ndb1.int.acme.io ansible_host=10.0.2.21 pg_role=primary\ndb2.int.acme.io ansible_host=10.0.2.22 pg_role=replica\n\n[prod:children]\nweb\ndb\n\n[prod:vars]\nansible_user=deploy")
R("haiku", "question", "infrastructure", "typos", None, "one flag",
  "how to run only the task tagged certs from a big playbook")

R("haiku", "question", "infrastructure", "terse", None, "one cli command",
  "aws cli: instance ids where tag env=staging and state running")
R("haiku", "question", "infrastructure", "plain", None, "one command",
  "az cli command to list storage accounts in resource group rg-prod-weu, table output")
R("haiku", "question", "infrastructure", "plain", None, "well-known limit",
  "what's the max size of a lambda zip upload, and unzipped?")
R("haiku", "implement", "security", "plain", None, "well-known standard snippet",
  "s3 bucket policy that denies any request not using TLS, bucket is acme-audit-logs")
R("haiku", "question", "infrastructure", "typos", None, "one command",
  "how do i see which aws account + role im logged in as from the cli")
R("haiku", "question", "infrastructure", "plain", None, "one command",
  "gcloud storage command to copy a local folder recursively to a bucket, in parallel")

R("haiku", "question", "tooling", "terse", None, "one workflow condition",
  "github actions: run a job only on push to main, not on PRs")
R("haiku", "question", "tooling", "plain", None, "one rules snippet",
  "gitlab ci: rules syntax to skip a job when the pipeline is for a tag")
R("haiku", "docs", "tooling", "plain", None, "commit message",
  "commit message for: bumped hashicorp/aws provider 5.31 -> 5.40, no resource changes in plan")
R("haiku", "question", "tooling", "typos", None, "one setting",
  "github actions how to cancel the previous run on the same branch when i push again")
R("haiku", "question", "tooling", "plain", None, "short known answer",
  "In GitLab CI what's the difference between `needs` and `dependencies`?")
R("haiku", "edit", "tooling", "plain", None, "small mechanical edit to a workflow",
  "add a matrix to this job for python 3.10, 3.11, 3.12 on ubuntu-latest and macos-latest, but skip macos + 3.10\n\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: pip install -e .[test]\n      - run: pytest -q")

R("haiku", "question", "infrastructure", "plain", None, "short conceptual answer",
  "CMD vs ENTRYPOINT, and what happens when both are set")
R("haiku", "question", "infrastructure", "typos", None, "one setting",
  "docker compose restart policy so it comes back after host reboot but not if i stop it by hand")
R("haiku", "question", "infrastructure", "plain", None, "common error explained",
  "what does `exec /usr/local/bin/docker-entrypoint.sh: exec format error` mean? image runs fine on my mac")

R("haiku", "question", "infrastructure", "plain", None, "well-known concept",
  "why can't I put a CNAME on the zone apex? our registrar's UI refuses it")
R("haiku", "question", "security", "plain", None, "one openssl command",
  "openssl one-liner to see which certificate a server returns for SNI api.acme.io on 443")
R("haiku", "question", "security", "typos", None, "known conversion",
  "convert a .pfx to pem cert + key, i have the password")
R("haiku", "question", "infrastructure", "plain", None, "one command",
  "curl command to hit a hostname on a specific IP without touching /etc/hosts (testing a new LB before DNS cutover)")
R("haiku", "question", "infrastructure", "plain", None, "factual",
  "what TTL does a route53 alias record have? can I change it?")
R("haiku", "question", "security", "plain", None, "one command",
  "openssl command for a self-signed cert for localhost with SAN, valid 1 year, for local dev only")

R("haiku", "question", "security", "plain", None, "short conceptual answer",
  "explain CSRF in one paragraph for a slide, audience is backend devs")
R("haiku", "question", "security", "terse", None, "one-liner",
  "random 32 byte hex string from bash")
R("haiku", "question", "security", "plain", None, "single command",
  "nmap command: top 1000 ports on 10.0.4.0/24 with service version detection, output to xml")
R("haiku", "question", "security", "typos", None, "known tool usage",
  "how do i get an ssh key fingerprint to compare with what github shows in settings")
R("haiku", "question", "security", "plain", None, "well-known guideline",
  "what bcrypt cost factor is reasonable in 2024?")

R("haiku", "question", "infrastructure", "terse", None, "one promql expression",
  "promql: 5xx rate over 5m by service from http_requests_total")
R("haiku", "question", "infrastructure", "plain", None, "single field meaning",
  "what does `for: 10m` do in a prometheus alert rule? does it also delay the resolve?")
R("haiku", "question", "infrastructure", "plain", None, "one LogQL query",
  "loki query for lines containing 'timeout' from app=checkout in namespace prod")
R("haiku", "question", "infrastructure", "typos", None, "one setting",
  "grafana panel shows 1073741824 instead of 1 GiB, how to fix units")
R("haiku", "question", "databases", "plain", None, "single SELECT over one view",
  "query for the top 10 statements by total exec time from pg_stat_statements, pg 15")

R("haiku", "question", "systems", "plain", None, "one command",
  "journalctl for the kubelet unit since 1 hour ago and keep following")
R("haiku", "question", "systems", "plain", None, "one cron expression",
  "cron for every 15 minutes between 09:00 and 17:00 mon-fri")
R("haiku", "explain", "systems", "plain", None, "explaining one well-known line",
  "what does `set -euo pipefail` do at the top of a script")
R("haiku", "question", "systems", "typos", None, "one command",
  "how to see why a systemd unit failed, systemctl status cuts off the log")
R("haiku", "question", "systems", "plain", None, "one command",
  "find files over 1G under /var and sort by size")
R("haiku", "explain", "systems", "plain", None, "explaining a short snippet",
  "what does this do exactly:\n\nexec 3>&1 4>&2\ntrap 'exec 2>&4 1>&3' 0 1 2 3\nexec 1>>/var/log/bootstrap.log 2>&1")

R("haiku", "docs", "general", "plain", None, "short summary text",
  "write a 3 sentence status page update: 14:02-14:37 UTC elevated errors on the checkout API, caused by a bad config push, rolled back, resolved. no blame")
R("haiku", "docs", "infrastructure", "terse", None, "changelog line",
  "changelog line: added PDBs to all stateless services in prod clusters")
R("haiku", "edit", "infrastructure", "plain", None, "rewording a short text",
  "make this alert description less shouty and more useful: 'DISK IS FULL!!! FIX NOW OR EVERYTHING BREAKS'")
R("haiku", "docs", "tooling", "plain", None, "short text task",
  "PR description for: moves the staging cluster's ingress-nginx chart from 4.7.1 to 4.10.0, values unchanged, tested on dev")
R("haiku", "explain", "infrastructure", "plain", None, "explaining one iptables rule",
  "what does this one rule do?\n\n-A KUBE-SERVICES -d 10.96.0.10/32 -p udp -m comment --comment \"kube-system/kube-dns:dns cluster IP\" -m udp --dport 53 -j KUBE-SVC-TCOU7JCQXEZGVUNU")
R("haiku", "implement", "infrastructure", "plain", None, "one small policy with a fully given spec",
  "NetworkPolicy in ns shop: pods app=api accept ingress only from app=web on TCP 8080. nothing else, egress untouched")

# ------------------------------------------------------------------ haiku: scary words, easy work (hard-words-easy)
R("haiku", "explain", "infrastructure", "plain", "hard-words-easy", "explaining two columns of a status table",
  "in `etcdctl endpoint status -w table` what do the RAFT TERM and RAFT INDEX columns mean? one of our members has a lower index")
R("haiku", "explain", "infrastructure", "terse", "hard-words-easy", "short well-known meaning",
  "what does 'tainted' mean in terraform plan output")
R("haiku", "explain", "security", "plain", "hard-words-easy", "explaining one line of a trust policy",
  "what does `\"Action\": \"sts:AssumeRoleWithWebIdentity\"` in the role trust policy actually mean? as opposed to plain AssumeRole")
R("haiku", "question", "security", "terse", "hard-words-easy", "two-sentence definition",
  "OCSP stapling, 2 sentences")
R("haiku", "explain", "security", "plain", "hard-words-easy", "explaining one section of cert output",
  "what's this section for in the openssl x509 -text output?\n\n        X509v3 extensions:\n            X509v3 Subject Alternative Name:\n                DNS:api.acme.io, DNS:api-internal.acme.io, IP Address:10.40.3.17")
R("haiku", "explain", "security", "plain", "hard-words-easy", "decoding a standard vector string",
  "decode this CVSS vector for me, ticket only has this: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
R("haiku", "question", "security", "typos", "hard-words-easy", "short factual answer about a file header",
  "`-----BEGIN OPENSSH PRIVATE KEY-----` vs `-----BEGIN RSA PRIVATE KEY-----` what does the header tell me about the key")
R("haiku", "explain", "security", "plain", "hard-words-easy", "one attribute meaning",
  "in a SAML assertion, what does NotOnOrAfter on the Conditions element mean? users get rejected when their laptop clock is off")
R("haiku", "explain", "security", "terse", "hard-words-easy", "naming the parts of a cipher name",
  "AES-256-GCM, what does each part mean")
R("haiku", "explain", "security", "plain", "hard-words-easy", "explaining one well-known header",
  "explain this header: Strict-Transport-Security: max-age=31536000; includeSubDomains; preload")
R("haiku", "explain", "security", "plain", "hard-words-easy", "short conceptual answer",
  "what is the nonce in our CSP header `script-src 'self' 'nonce-r4nd0m123'`, what is it for")
R("haiku", "explain", "systems", "plain", "hard-words-easy", "explaining one config line",
  "zookeeper config has `server.1=zk1.int:2888:3888` — what are the two ports?")
R("haiku", "explain", "systems", "terse", "hard-words-easy", "one sysctl meaning",
  "kernel.yama.ptrace_scope = 1 what does it do")
R("haiku", "explain", "security", "plain", "hard-words-easy", "one field meaning",
  "seccompProfile type RuntimeDefault in the pod securityContext — what does that actually mean")
R("haiku", "explain", "security", "plain", "hard-words-easy", "short factual answer",
  "`capabilities: drop: [\"ALL\"]` — what's in ALL, and will my app that binds port 8080 still work")
R("haiku", "explain", "security", "typos", "hard-words-easy", "one response header meaning",
  "whats `x-amz-server-side-encryption: aws:kms` in the s3 response headers mean, is the object encrypted with our key?")
R("haiku", "explain", "security", "plain", "hard-words-easy", "one config option",
  "`PermitRootLogin prohibit-password` in sshd_config — so root can log in or not?")
R("haiku", "question", "security", "plain", "hard-words-easy", "well-known definition",
  "SSL Labs report says 'Forward Secrecy: Yes (with most browsers) ROBUST'. what is forward secrecy in plain words")
R("haiku", "explain", "security", "terse", "hard-words-easy", "naming parts of a cipher suite",
  "break down ECDHE-RSA-AES128-GCM-SHA256")
R("haiku", "explain", "security", "plain", "hard-words-easy", "one status field meaning",
  "vault status shows `Sealed true` and `Unseal Progress 2/3`. what does that mean, what do we do")
R("haiku", "question", "infrastructure", "plain", "hard-words-easy", "short definition",
  "what is split-horizon DNS? someone mentioned it in the design review and I nodded")
R("haiku", "explain", "infrastructure", "plain", "hard-words-easy", "one resolv.conf option",
  "what does `options ndots:5` in a pod's /etc/resolv.conf mean")
R("haiku", "explain", "security", "plain", "hard-words-easy", "two modes of one setting",
  "istio PeerAuthentication mtls mode STRICT vs PERMISSIVE, short")
R("haiku", "question", "security", "terse", "hard-words-easy", "one header field",
  "what's the kid in a JWT header")
R("haiku", "explain", "security", "plain", "hard-words-easy", "parsing an identifier",
  "what does this SPIFFE ID mean part by part: spiffe://prod.acme.io/ns/payments/sa/ledger-api")
R("haiku", "explain", "security", "plain", "hard-words-easy", "one setting, two values",
  "kyverno validationFailureAction Audit vs Enforce?")
R("haiku", "question", "security", "plain", "hard-words-easy", "short factual answer",
  "difference between kms:Decrypt and kms:GenerateDataKey? our app only reads encrypted s3 objects")
R("haiku", "explain", "security", "plain", "hard-words-easy", "explaining one alert line",
  "what is this falco alert telling me? is it bad?\n\n14:02:11.331 Warning Sensitive file opened for reading by non-trusted program (user=root user_loginuid=-1 program=cat command=cat /etc/shadow pid=88123 file=/etc/shadow parent=sh gparent=node container_id=3f1a9c2b7d11 image=acme/legacy-admin)")
R("haiku", "explain", "infrastructure", "typos", "hard-words-easy", "one record type meaning",
  "dig +dnssec shows an RRSIG record next to the A record, what is that")
R("haiku", "question", "security", "plain", "hard-words-easy", "the fix is a version bump named in the finding",
  "trivy says `CVE-2023-44487 HIGH golang.org/x/net v0.10.0 fixed in 0.17.0`. what do I actually run to fix it in our go service")
R("haiku", "question", "security", "terse", "hard-words-easy", "short definition",
  "envelope encryption, explain simply")
R("haiku", "question", "security", "plain", "hard-words-easy", "bullet list of well-known facts",
  "what does `--privileged` actually give a container? bullet list is fine")
R("haiku", "explain", "systems", "plain", "hard-words-easy", "one field meaning",
  "what does `oom_score_adj: -999` on the kubelet process mean")
R("haiku", "explain", "security", "plain", "hard-words-easy", "explaining a 6-line policy rule",
  "what does this rego rule do?\n\npackage kubernetes.admission\n\ndeny[msg] {\n  input.request.kind.kind == \"Pod\"\n  c := input.request.object.spec.containers[_]\n  not startswith(c.image, \"123456789012.dkr.ecr.\")\n  msg := sprintf(\"image %v not from our registry\", [c.image])\n}")
R("haiku", "question", "systems", "plain", "hard-words-easy", "short conceptual answer",
  "what's a leader lease in raft, one paragraph, not the whole paper")
R("haiku", "explain", "security", "plain", "hard-words-easy", "explaining what a scan line says",
  "pentest report line: 'TLS 1.0/1.1 enabled, BEAST/POODLE not exploitable, informational'. what do they want us to change")
R("haiku", "explain", "infrastructure", "plain", "hard-words-easy", "explaining one BGP status line",
  "our direct connect BGP session shows `State: Idle (Admin)` in the console, what does Admin mean there")
R("haiku", "question", "security", "terse", "hard-words-easy", "one known command",
  "hashcat mode number for bcrypt? doing a password audit on our own dump")

# ------------------------------------------------------------------ sonnet: everyday engineering
R("sonnet", "implement", "infrastructure", "plain", None, "CronJob with a clear spec: several pieces but no design",
  "write a CronJob that runs pg_dump against postgres-primary.db.svc every night at 02:00 UTC, gzips it and uploads to s3://acme-db-backups/<date>/ using the IRSA service account db-backup. keep 3 failed jobs, no concurrent runs")
R("sonnet", "debug", "infrastructure", "plain", None, "crash with an explicit permission error: identifiable cause in securityContext vs volume",
  "pod is in CrashLoopBackOff. logs say `mkdir: cannot create directory '/var/lib/app/cache': Permission denied`. relevant bits of the spec:\n\n    securityContext:\n      runAsUser: 10001\n      runAsNonRoot: true\n    containers:\n      - name: app\n        image: acme/report-gen:1.4.0\n        securityContext:\n          readOnlyRootFilesystem: true\n        volumeMounts:\n          - name: data\n            mountPath: /var/lib/app\n    volumes:\n      - name: data\n        persistentVolumeClaim:\n          claimName: report-gen-data\n\nwhat's wrong and what's the cleanest fix")
R("sonnet", "implement", "infrastructure", "plain", None, "several NetworkPolicies from a clear spec, needs care with DNS egress",
  "write the NetworkPolicies for namespace payments: default deny ingress and egress, allow ingress from the ingress-nginx namespace on 8080, allow egress to kube-dns (udp+tcp 53) and to postgres pods (app=pg) in namespace db on 5432. we're on cilium but plain k8s NetworkPolicy please")
R("sonnet", "implement", "infrastructure", "plain", None, "a standard helm chart from a clear list of resources",
  "scaffold a helm chart for our internal service ledger-api: deployment, service, optional ingress, hpa, pdb, serviceaccount with an IRSA annotation from values, configmap from a values map. no helm create boilerplate junk, just what we need")
R("sonnet", "refactor", "infrastructure", "plain", None, "translating a few Ingresses to Gateway API routes is a known mapping with some care",
  "migrate these two Ingresses to Gateway API HTTPRoutes attached to gateway `public` in ns gateway-system. keep the rewrite behaviour\n\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop-api\n  namespace: shop\n  annotations:\n    nginx.ingress.kubernetes.io/rewrite-target: /$2\nspec:\n  ingressClassName: nginx\n  rules:\n    - host: shop.acme.io\n      http:\n        paths:\n          - path: /api(/|$)(.*)\n            pathType: ImplementationSpecific\n            backend:\n              service:\n                name: shop-api\n                port:\n                  number: 80\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop-web\n  namespace: shop\nspec:\n  ingressClassName: nginx\n  rules:\n    - host: shop.acme.io\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: shop-web\n                port:\n                  number: 80")
R("sonnet", "implement", "infrastructure", "plain", None, "kustomize overlays from a clear spec",
  "make kustomize overlays dev/staging/prod on top of base/ (deployment+service for notifier). prod: 3 replicas, image tag 1.9.2, extra env SMTP_RELAY=smtp.int.acme.io. staging: 1 replica, tag from latest main build. dev: same as staging but with LOG_LEVEL=debug")
R("sonnet", "debug", "infrastructure", "plain", None, "pull failure after a node group change with a specific error; cause is identifiable in node IAM",
  "after moving to a new managed node group, pods pulling from our ECR fail with `ImagePullBackOff` / `failed to authorize: 401 Unauthorized`. Public images are fine. The new node group uses a role we created in terraform, policies attached: AmazonEKSWorkerNodePolicy, AmazonEKS_CNI_Policy, AmazonSSMManagedInstanceCore. What's missing?")
R("sonnet", "implement", "infrastructure", "plain", None, "probe design for a slow-starting app is routine config needing some care",
  "spring boot app takes 60-120s to start (flyway migrations + cache warm). currently liveness kills it before it's up. write proper startup/readiness/liveness probes, it has /actuator/health/liveness and /readiness")
R("sonnet", "debug", "infrastructure", "plain", None, "drain blocked by a PDB; cause is identifiable from the pasted objects",
  "kubectl drain hangs forever on ip-10-40-7-21 with `Cannot evict pod as it would violate the pod's disruption budget`. here's the pdb and deployment, what's the problem and fix\n\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: search-indexer\nspec:\n  minAvailable: 2\n  selector:\n    matchLabels:\n      app: search-indexer\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: search-indexer\nspec:\n  replicas: 2\n  podManagementPolicy: OrderedReady\n  ...")
R("sonnet", "implement", "infrastructure", "plain", None, "a small script across namespaces with jq/kubectl, several steps",
  "script that finds every container in the cluster without a memory limit and writes a csv: namespace, workload kind, workload name, container. skip kube-system")
R("sonnet", "implement", "security", "plain", None, "admission policy with a clear rule set",
  "write a ValidatingAdmissionPolicy + binding (CEL, k8s 1.30) that rejects pods whose images use the tag `latest` or no tag at all, in all namespaces except kube-system and the ones labelled policy.acme.io/exempt=true")
R("sonnet", "debug", "infrastructure", "verbose", None, "cert-manager challenge stuck with an explicit message pointing at zone configuration",
  "cert-manager Certificate for api.acme.io has been stuck in Issuing for an hour. The Challenge says `Waiting for DNS-01 challenge propagation: DNS record for \"api.acme.io\" not yet propagated`. We use route53 with a ClusterIssuer using IRSA. One detail: we have both a public and a private hosted zone called acme.io, the private one is associated with the cluster VPC. I can see the TXT record created in the private zone. What's going on?")
R("sonnet", "implement", "infrastructure", "plain", None, "ApplicationSet from a clear spec",
  "argocd ApplicationSet: one Application per directory under apps/* in repo acme/gitops, for every cluster registered in argocd with label env=prod. namespace = directory name, auto sync with prune, selfHeal off")
R("sonnet", "implement", "infrastructure", "plain", None, "a terraform module with a clear feature list",
  "terraform module for an s3 bucket: versioning, SSE-KMS with a key passed in, lifecycle to glacier IR after 90 days and expire noncurrent after 30, block all public access, bucket policy enforcing TLS. variables + outputs + a short README")
R("sonnet", "refactor", "infrastructure", "plain", None, "collapsing repeated blocks into for_each plus state moves",
  "refactor these three near identical blocks into one resource with for_each over a map, and give me the moved blocks so nothing gets recreated\n\nresource \"aws_instance\" \"kafka_1\" {\n  ami           = data.aws_ami.al2023.id\n  instance_type = \"r6i.large\"\n  subnet_id     = aws_subnet.data[\"a\"].id\n  tags = { Name = \"kafka-1\", Role = \"kafka\" }\n}\n\nresource \"aws_instance\" \"kafka_2\" {\n  ami           = data.aws_ami.al2023.id\n  instance_type = \"r6i.large\"\n  subnet_id     = aws_subnet.data[\"b\"].id\n  tags = { Name = \"kafka-2\", Role = \"kafka\" }\n}\n\nresource \"aws_instance\" \"kafka_3\" {\n  ami           = data.aws_ami.al2023.id\n  instance_type = \"r6i.xlarge\"\n  subnet_id     = aws_subnet.data[\"c\"].id\n  tags = { Name = \"kafka-3\", Role = \"kafka\" }\n}")
R("sonnet", "debug", "infrastructure", "plain", None, "terraform cycle error with the cause visible in the pasted config",
  "terraform plan: `Error: Cycle: aws_security_group.app, aws_security_group.db`. config:\n\nresource \"aws_security_group\" \"app\" {\n  name   = \"app\"\n  vpc_id = var.vpc_id\n  egress {\n    from_port       = 5432\n    to_port         = 5432\n    protocol        = \"tcp\"\n    security_groups = [aws_security_group.db.id]\n  }\n}\n\nresource \"aws_security_group\" \"db\" {\n  name   = \"db\"\n  vpc_id = var.vpc_id\n  ingress {\n    from_port       = 5432\n    to_port         = 5432\n    protocol        = \"tcp\"\n    security_groups = [aws_security_group.app.id]\n  }\n}")
R("sonnet", "test", "infrastructure", "plain", None, "writing tests for an existing module",
  "write terratest (go) for our vpc module: apply with az_count=3 in a sandbox account, assert 3 private + 3 public subnets, one NAT per AZ when enable_nat_per_az=true, then destroy. module inputs are vpc_cidr, az_count, enable_nat_per_az, name")
R("sonnet", "refactor", "infrastructure", "plain", None, "provider-upgrade refactor with known mapping",
  "upgrade this to aws provider v5 style, the inline acl/versioning/lifecycle/sse blocks on aws_s3_bucket are gone. include the import blocks so we don't recreate anything\n\nresource \"aws_s3_bucket\" \"artifacts\" {\n  bucket = \"acme-artifacts-prod\"\n  acl    = \"private\"\n\n  versioning {\n    enabled = true\n  }\n\n  server_side_encryption_configuration {\n    rule {\n      apply_server_side_encryption_by_default {\n        sse_algorithm     = \"aws:kms\"\n        kms_master_key_id = aws_kms_key.artifacts.arn\n      }\n    }\n  }\n\n  lifecycle_rule {\n    id      = \"expire-tmp\"\n    enabled = true\n    prefix  = \"tmp/\"\n    expiration {\n      days = 7\n    }\n  }\n}")
R("sonnet", "implement", "infrastructure", "plain", None, "standard remote state bootstrap with known steps",
  "set up terraform remote state for a new account: s3 bucket + dynamodb lock table (bootstrap config with local state), then the backend block for the real stacks. encryption and versioning on, deny non-TLS")
R("sonnet", "implement", "infrastructure", "plain", None, "a GKE cluster from a clear spec using known resources",
  "terraform for a GKE autopilot cluster in europe-west1: private nodes, master authorized networks = our office 203.0.113.0/24 and the VPN 198.51.100.10/32, workload identity on, release channel REGULAR. existing VPC `shared-vpc` subnet `gke-euw1`")
R("sonnet", "implement", "infrastructure", "plain", None, "azure storage with private endpoint: several known resources wired together",
  "azure: terraform for a storage account (no public access) with a private endpoint in vnet-hub/snet-endpoints and the privatelink.blob.core.windows.net private dns zone linked to vnet-hub and vnet-spoke-prod")

R("sonnet", "implement", "infrastructure", "plain", None, "ansible role with several tasks and handlers, clear spec",
  "ansible role to install node_exporter 1.7.0 as a systemd service: dedicated system user, download with checksum verify, unit file with --collector.systemd, handler to restart on change, works on ubuntu 22.04 and rocky 9")
R("sonnet", "review", "infrastructure", "verbose", None, "identifying performance problems in a pasted playbook is routine review",
  "This playbook takes ~20 minutes on 30 hosts and it's mostly waiting. Where are the easy wins? I've heard about pipelining and forks but not sure what applies here.\n\n- hosts: app\n  serial: 1\n  become: true\n  tasks:\n    - name: install packages\n      apt:\n        name: \"{{ item }}\"\n        state: present\n        update_cache: true\n      loop:\n        - jq\n        - curl\n        - unzip\n        - htop\n        - python3-pip\n        - chrony\n    - name: gather facts again\n      setup:\n    - name: copy config\n      template:\n        src: app.conf.j2\n        dest: /etc/app/app.conf\n    - name: restart app\n      service:\n        name: app\n        state: restarted")
R("sonnet", "test", "infrastructure", "plain", None, "writing tests for an existing role",
  "write molecule tests (docker driver) for our nginx role: converge on ubuntu 22.04 and debian 12, verify nginx is running, port 443 listening, and the default site is removed. testinfra for verify")
R("sonnet", "refactor", "infrastructure", "plain", None, "turning a bash script into an idempotent playbook is a routine rewrite",
  "turn this into an idempotent ansible playbook\n\n#!/bin/bash\nset -e\napt-get update\napt-get install -y docker.io docker-compose-plugin\nusermod -aG docker deploy\nmkdir -p /opt/app\ncp /tmp/docker-compose.yml /opt/app/\necho '{\"log-driver\":\"json-file\",\"log-opts\":{\"max-size\":\"50m\",\"max-file\":\"3\"}}' > /etc/docker/daemon.json\nsystemctl restart docker\ncd /opt/app && docker compose up -d\nufw allow 443/tcp\nufw --force enable")

R("sonnet", "implement", "tooling", "plain", None, "a CI workflow from a clear spec",
  "GH actions workflow: on tag v*, build a multi-arch image (amd64+arm64), push to ECR using OIDC role arn:aws:iam::123456789012:role/gha-ecr-push, gha layer cache, also tag `latest`. repo is acme/notifier")
R("sonnet", "implement", "tooling", "plain", None, "reusable terraform CI workflow from a clear spec",
  "reusable workflow for terraform: on PR run fmt/validate/plan and post the plan as a PR comment (update the same comment on new pushes), on merge to main run apply behind the `prod` environment approval. OIDC to aws, working dir as input")
R("sonnet", "debug", "tooling", "plain", None, "RBAC error message names the missing permission",
  "gitlab runner on k8s, every job fails with: ERROR: Job failed (system failure): prepare environment: setting up build pod: pods is forbidden: User \"system:serviceaccount:gitlab:default\" cannot create resource \"pods\" in API group \"\" in the namespace \"gitlab\" -- runner was installed with the helm chart, values mostly default. fix?")
R("sonnet", "implement", "tooling", "plain", None, "config across several known hooks",
  "pre-commit config for our terraform repo: terraform fmt, tflint, checkov (skip CKV_AWS_144 and CKV2_AWS_62), detect-secrets with a baseline, yamllint. pinned revs")
R("sonnet", "implement", "tooling", "typos", None, "CI integration with known tools",
  "add trivy to our GH workflow, scan the image after build, fail on CRITICAL only, upload sarif to code scanning. also ignore unfixed")

R("sonnet", "refactor", "infrastructure", "plain", None, "multi-stage Dockerfile rewrite is a routine refactor",
  "rewrite as a multi-stage build so the final image has no go toolchain, distroless static, non-root\n\nFROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go mod download\nRUN go build -o /usr/local/bin/notifier ./cmd/notifier\nEXPOSE 8080\nCMD [\"notifier\"]")
R("sonnet", "review", "infrastructure", "plain", None, "routine review of a small Dockerfile diff",
  "review this dockerfile diff before I merge\n\n-FROM node:18-alpine\n+FROM node:20-alpine\n WORKDIR /app\n-COPY . .\n-RUN npm install\n+COPY package*.json ./\n+RUN npm ci --omit=dev\n+COPY . .\n+RUN chown -R node:node /app\n+USER node\n EXPOSE 3000\n-CMD npm start\n+CMD [\"node\", \"server.js\"]")
R("sonnet", "implement", "infrastructure", "plain", None, "compose file with several services from a clear spec",
  "docker compose for local dev: postgres 16 with ./db/init/*.sql, redis 7, localstack with s3 + sqs and a bucket created on start, and our api built from ./api with hot reload (air). api waits for pg to be healthy")
R("sonnet", "debug", "infrastructure", "plain", None, "architecture mismatch with an identifiable cause; fix needs a build change",
  "image builds fine on my M2 and runs locally, in EKS it dies instantly with `exec format error`. we build with plain `docker build` on dev laptops and push. what's the proper fix, not 'use an intel laptop'")

R("sonnet", "debug", "security", "plain", None, "Java trust store error with a clear cause",
  "java service calling our internal api fails:\n\njavax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target\n\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:131)\n\tat java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:378)\n\tat java.base/sun.security.ssl.CertificateMessage$T13CertificateConsumer.checkServerCerts(CertificateMessage.java:1305)\n\tat java.net.http/jdk.internal.net.http.HttpClientImpl.send(HttpClientImpl.java:573)\n\tat com.acme.billing.client.LedgerClient.post(LedgerClient.java:88)\n\nthe internal api uses a cert from our internal CA (acme-int-ca). service runs in eclipse-temurin:21-jre. how do I fix this properly in the image")
R("sonnet", "implement", "infrastructure", "plain", None, "nginx config with several routes from a clear spec",
  "nginx config: terminate TLS for app.acme.io, redirect http to https, /api -> 127.0.0.1:8080, /ws websocket -> 127.0.0.1:8081, everything else static from /srv/app with SPA fallback, HSTS, sensible ssl settings")
R("sonnet", "explain", "infrastructure", "plain", None, "explaining a non-trivial block of kube-proxy rules",
  "can you walk me through what this iptables-save chunk from a node is doing? trying to understand how a service gets load balanced\n\n*nat\n:KUBE-SERVICES - [0:0]\n:KUBE-SVC-NPX46M4PTMTKRN6Y - [0:0]\n:KUBE-SEP-3QK5ZBP6AQWSUFFR - [0:0]\n:KUBE-SEP-Z6KUNPGQJG6LRLUK - [0:0]\n:KUBE-SEP-V4WHW6CCK2VFBJR5 - [0:0]\n:KUBE-MARK-MASQ - [0:0]\n:KUBE-POSTROUTING - [0:0]\n-A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES\n-A OUTPUT -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES\n-A POSTROUTING -m comment --comment \"kubernetes postrouting rules\" -j KUBE-POSTROUTING\n-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000\n-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN\n-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0\n-A KUBE-POSTROUTING -m comment --comment \"kubernetes service traffic requiring SNAT\" -j MASQUERADE --random-fully\n-A KUBE-SERVICES -d 10.96.122.40/32 -p tcp -m comment --comment \"shop/orders-api:http cluster IP\" -m tcp --dport 80 -j KUBE-SVC-NPX46M4PTMTKRN6Y\n-A KUBE-SVC-NPX46M4PTMTKRN6Y ! -s 10.244.0.0/16 -d 10.96.122.40/32 -p tcp -m comment --comment \"shop/orders-api:http cluster IP\" -m tcp --dport 80 -j KUBE-MARK-MASQ\n-A KUBE-SVC-NPX46M4PTMTKRN6Y -m comment --comment \"shop/orders-api:http -> 10.244.1.17:8080\" -m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-3QK5ZBP6AQWSUFFR\n-A KUBE-SVC-NPX46M4PTMTKRN6Y -m comment --comment \"shop/orders-api:http -> 10.244.3.9:8080\" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-Z6KUNPGQJG6LRLUK\n-A KUBE-SVC-NPX46M4PTMTKRN6Y -m comment --comment \"shop/orders-api:http -> 10.244.5.22:8080\" -j KUBE-SEP-V4WHW6CCK2VFBJR5\n-A KUBE-SEP-3QK5ZBP6AQWSUFFR -s 10.244.1.17/32 -m comment --comment \"shop/orders-api:http\" -j KUBE-MARK-MASQ\n-A KUBE-SEP-3QK5ZBP6AQWSUFFR -p tcp -m comment --comment \"shop/orders-api:http\" -m tcp -j DNAT --to-destination 10.244.1.17:8080\n-A KUBE-SEP-Z6KUNPGQJG6LRLUK -s 10.244.3.9/32 -m comment --comment \"shop/orders-api:http\" -j KUBE-MARK-MASQ\n-A KUBE-SEP-Z6KUNPGQJG6LRLUK -p tcp -m comment --comment \"shop/orders-api:http\" -m tcp -j DNAT --to-destination 10.244.3.9:8080\n-A KUBE-SEP-V4WHW6CCK2VFBJR5 -s 10.244.5.22/32 -m comment --comment \"shop/orders-api:http\" -j KUBE-MARK-MASQ\n-A KUBE-SEP-V4WHW6CCK2VFBJR5 -p tcp -m comment --comment \"shop/orders-api:http\" -m tcp -j DNAT --to-destination 10.244.5.22:8080\nCOMMIT")
R("sonnet", "implement", "security", "plain", None, "a small monitoring script with a clear spec",
  "python script: read hostnames from hosts.txt, connect on 443 with SNI, get cert expiry, post to a slack webhook for anything expiring in < 21 days or failing the handshake. runs as a k8s cronjob")
R("sonnet", "implement", "infrastructure", "plain", None, "CoreDNS forwarding config from a clear spec",
  "coredns on EKS: make *.corp.acme.internal resolve via our on-prem resolvers 10.10.0.2 and 10.10.0.3, everything else unchanged. show the Corefile change and how to roll it without breaking dns")
R("sonnet", "implement", "infrastructure", "plain", None, "site-to-site VPN config with routing; known steps",
  "wireguard site-to-site between the office (192.168.10.0/24, linux router) and an aws vpc (10.40.0.0/16) via an ec2 instance. give me both wg configs, the sysctl/iptables bits on the ec2 box, the vpc route table change and the SG rule. source/dest check too")

R("sonnet", "implement", "security", "plain", None, "a static-analysis rule from a clear spec",
  "semgrep rule that flags subprocess.run/Popen/call with shell=True where the command is an f-string or string concatenation. include a couple of test cases in the semgrep test format")
R("sonnet", "implement", "security", "plain", None, "policy-as-code with a clear rule",
  "conftest rego policy for terraform plan json: deny any aws_security_group or aws_security_group_rule that allows ingress from 0.0.0.0/0 or ::/0 on anything except 80 and 443. include a test file")
R("sonnet", "implement", "security", "plain", None, "rate limiting with a clear spec in one service",
  "add rate limiting to this flask login endpoint with redis: max 5 failed attempts per 15 min per (username, ip), return 429 with Retry-After. successful login resets the counter\n\n@bp.post(\"/login\")\ndef login():\n    data = request.get_json()\n    user = User.query.filter_by(email=data[\"email\"].lower()).first()\n    if not user or not user.check_password(data[\"password\"]):\n        return {\"error\": \"invalid credentials\"}, 401\n    session[\"uid\"] = user.id\n    return {\"ok\": True}")
R("sonnet", "plan", "security", "plain", None, "known steps for a managed rotation setup",
  "we want automatic rotation for the RDS postgres password of the orders service using Secrets Manager (single user rotation). what pieces do we need: rotation lambda, network access, IAM, and how the app should pick up the new password without restarts")
R("sonnet", "implement", "security", "plain", None, "an audit script against a known API",
  "boto3 script: list IAM users with an active access key older than 90 days OR no MFA device, output csv with user, key id, key age, last used date, has_mfa. handle pagination")
R("sonnet", "debug", "security", "plain", None, "fixing a flagged XSS where the location is given",
  "scanner flagged XSS in this template. fix it without breaking the bold/italics users are allowed to put in their bio\n\n<div class=\"profile\">\n  <h2>{{ user.display_name }}</h2>\n  <div class=\"bio\">{{ user.bio | safe }}</div>\n  <a href=\"{{ user.website }}\">website</a>\n</div>")
R("sonnet", "implement", "security", "plain", None, "implementing a documented signature check",
  "verify GitHub webhook signatures (X-Hub-Signature-256) in our express handler. raw body is needed I think, we use express.json() globally right now")

R("sonnet", "implement", "infrastructure", "plain", None, "alert rules from a clear spec",
  "prometheus alerts: disk fills within 4h (predict_linear), node NotReady for 5m, pod restarted more than 3 times in 15m, all with severity labels and runbook_url annotations pointing at https://runbooks.int.acme.io/<alertname>")
R("sonnet", "implement", "infrastructure", "plain", None, "OpenTelemetry collector config with known processors",
  "otel collector config: receive otlp grpc+http, memory_limiter, batch, tail sampling that keeps all errors, everything slower than 2s and 5% of the rest, export to tempo at tempo-distributor.observability:4317. also spanmetrics to prometheus")
R("sonnet", "implement", "infrastructure", "plain", None, "alertmanager routing from a clear spec",
  "alertmanager config: severity=critical -> pagerduty (routing key from file), warning -> slack #alerts-warn, team label routes to #team-<team> on top, inhibit warnings when a critical with the same cluster+alertname is firing, group by cluster/alertname")
R("sonnet", "debug", "infrastructure", "plain", None, "cardinality analysis from pasted TSDB stats is identifiable",
  "prometheus went from 12GB to 40GB RSS in two weeks. top of /tsdb-status:\n\nHighest cardinality metric names\nhttp_server_request_duration_seconds_bucket  4,812,330\nhttp_server_request_duration_seconds_count    401,027\nhttp_server_request_duration_seconds_sum      401,027\ncontainer_network_receive_bytes_total           48,220\nkube_pod_labels                                 31,774\n\nHighest cardinality labels\nhttp_route   388,912\npod          14,229\ninstance      2,004\n\nwhat's going on and how do I fix it without losing the latency dashboards")
R("sonnet", "implement", "infrastructure", "plain", None, "known multiwindow burn-rate recipe",
  "recording + alerting rules for multiwindow multi-burn-rate SLO alerts, 99.9% availability over 30d, from http_requests_total{code}. page on 1h/5m at 14.4x and 6h/30m at 6x, ticket on 3d/6h at 1x")
R("sonnet", "implement", "infrastructure", "plain", None, "a dashboard from clear requirements",
  "grafana dashboard json (schemaVersion 39) for RED metrics of one service: variables for namespace/service, panels for rps, error %, p50/p95/p99 latency from http_server_request_duration_seconds")

R("sonnet", "implement", "systems", "plain", None, "systemd unit with hardening: several known options",
  "systemd unit for a python queue worker: runs as user worker, env from /etc/worker.env, restart on failure with backoff (max 5 in 10 min), graceful stop with SIGTERM and 60s timeout, plus reasonable hardening (ProtectSystem, PrivateTmp, NoNewPrivileges etc)")
R("sonnet", "explain", "systems", "plain", None, "explaining and reviewing a script of dozens of lines",
  "explain what this deploy script does step by step and flag anything dangerous\n\n#!/usr/bin/env bash\nset -e\nAPP=${1:-api}\nENV=${2:-staging}\nTAG=$(git rev-parse --short HEAD)\nHOSTS=$(aws ec2 describe-instances --filters Name=tag:app,Values=$APP Name=tag:env,Values=$ENV --query 'Reservations[].Instances[].PrivateIpAddress' --output text)\nfor h in $HOSTS; do\n  echo \"deploying $APP:$TAG to $h\"\n  ssh -o StrictHostKeyChecking=no deploy@$h \"docker pull registry.int.acme.io/$APP:$TAG\"\n  ssh -o StrictHostKeyChecking=no deploy@$h \"docker stop $APP; docker rm $APP\"\n  ssh -o StrictHostKeyChecking=no deploy@$h \"docker run -d --name $APP --restart always --env-file /etc/$APP.env -p 80:8080 registry.int.acme.io/$APP:$TAG\"\n  sleep 5\n  curl -fsS http://$h/healthz || echo \"WARN: $h unhealthy\"\ndone\nrm -rf /tmp/$APP-*\necho done")
R("sonnet", "implement", "systems", "plain", None, "a careful file-handling script with a clear spec",
  "bash script to gzip files in /var/log/app older than 7 days and delete .gz older than 30, must handle spaces/newlines in names, dry-run flag, log what it did. runs from cron")
R("sonnet", "debug", "systems", "plain", None, "classic disk-usage mismatch with an identifiable cause",
  "df says / is 100% full (100G), du -sh /* adds up to ~20G. nothing mounted over anything. box runs a java app and fluent-bit. what's eating the space and how do I get it back without a reboot")

R("sonnet", "implement", "databases", "plain", None, "migration with known steps for a large table",
  "migration to add a NOT NULL column `currency char(3)` defaulting to 'EUR' on a 300M-row orders table, postgres 11. can't lock it for more than a few seconds. steps + the SQL")
R("sonnet", "plan", "databases", "plain", None, "major version upgrade via logical replication has known steps",
  "steps to upgrade RDS postgres 12 -> 16 with logical replication to a new instance and a short cutover. what about sequences, large objects, DDL during the migration")
R("sonnet", "implement", "databases", "plain", None, "pooler config from a clear spec",
  "pgbouncer config for transaction pooling in front of pg 16: 3 app databases, max 400 client conns, pool size 40 each, scram auth via auth_query, TLS to server. plus what breaks in the apps with transaction pooling")
R("sonnet", "debug", "databases", "plain", None, "slow query with an EXPLAIN pointing at a missing index",
  "this query got slow after the table grew, explain analyze below. what index do I add\n\nEXPLAIN ANALYZE SELECT id, status, created_at FROM jobs WHERE tenant_id = 4412 AND status = 'queued' ORDER BY created_at LIMIT 50;\n\nLimit  (cost=0.00..48211.12 rows=50 width=24) (actual time=2210.331..2210.402 rows=50 loops=1)\n  ->  Index Scan using jobs_created_at_idx on jobs  (cost=0.00..9642214.00 rows=10000 width=24) (actual time=2210.329..2210.391 rows=50 loops=1)\n        Filter: ((tenant_id = 4412) AND (status = 'queued'::text))\n        Rows Removed by Filter: 18441207\nPlanning Time: 0.211 ms\nExecution Time: 2210.455 ms")

R("sonnet", "review", "infrastructure", "plain", None, "routine review of a terraform diff",
  "review this PR please, adding an rds instance for the reports service\n\n+resource \"aws_db_instance\" \"reports\" {\n+  identifier              = \"reports-prod\"\n+  engine                  = \"postgres\"\n+  engine_version          = \"16.2\"\n+  instance_class          = \"db.t3.medium\"\n+  allocated_storage       = 50\n+  username                = \"reports\"\n+  password                = \"Reports2024!\"\n+  db_subnet_group_name    = aws_db_subnet_group.data.name\n+  vpc_security_group_ids  = [aws_security_group.reports_db.id]\n+  publicly_accessible     = true\n+  skip_final_snapshot     = true\n+  backup_retention_period = 0\n+}\n+\n+resource \"aws_security_group\" \"reports_db\" {\n+  vpc_id = module.network.vpc_id\n+  ingress {\n+    from_port   = 5432\n+    to_port     = 5432\n+    protocol    = \"tcp\"\n+    cidr_blocks = [\"0.0.0.0/0\"]\n+  }\n+}")
R("sonnet", "review", "infrastructure", "plain", None, "routine review of a chart values change",
  "review this values change for the api chart, going to prod tomorrow\n\n replicaCount: 3\n resources:\n   requests:\n-    cpu: 500m\n-    memory: 512Mi\n+    cpu: 100m\n+    memory: 256Mi\n   limits:\n-    memory: 1Gi\n+    cpu: 200m\n+    memory: 256Mi\n autoscaling:\n   enabled: true\n   minReplicas: 3\n-  maxReplicas: 10\n+  maxReplicas: 30\n   targetCPUUtilizationPercentage: 70\n+podDisruptionBudget:\n+  minAvailable: 3")
R("sonnet", "test", "infrastructure", "plain", None, "tests for existing code with a known mocking library",
  "write pytest tests with moto for this lambda\n\nimport boto3, os\n\ns3 = boto3.client(\"s3\")\nsqs = boto3.client(\"sqs\")\n\ndef handler(event, context):\n    q = os.environ[\"QUEUE_URL\"]\n    n = 0\n    for rec in event[\"Records\"]:\n        b = rec[\"s3\"][\"bucket\"][\"name\"]\n        k = rec[\"s3\"][\"object\"][\"key\"]\n        if not k.endswith(\".csv\"):\n            continue\n        head = s3.head_object(Bucket=b, Key=k)\n        if head[\"ContentLength\"] == 0:\n            continue\n        sqs.send_message(QueueUrl=q, MessageBody=f\"{b}/{k}\")\n        n += 1\n    return {\"queued\": n}")
R("sonnet", "test", "systems", "plain", None, "tests for an existing script",
  "write bats tests for our backup.sh: it should exit 1 when BACKUP_BUCKET is unset, skip when the lock file exists, and call aws s3 cp with the right key. mock aws with a stub on PATH")
R("sonnet", "test", "infrastructure", "plain", None, "table-driven tests for an existing function",
  "table tests in go for this\n\nfunc ParseMemory(s string) (int64, error) {\n\ts = strings.TrimSpace(s)\n\tunits := map[string]int64{\"Ki\": 1 << 10, \"Mi\": 1 << 20, \"Gi\": 1 << 30, \"K\": 1e3, \"M\": 1e6, \"G\": 1e9}\n\tfor _, u := range []string{\"Ki\", \"Mi\", \"Gi\", \"K\", \"M\", \"G\"} {\n\t\tif strings.HasSuffix(s, u) {\n\t\t\tn, err := strconv.ParseFloat(strings.TrimSuffix(s, u), 64)\n\t\t\tif err != nil {\n\t\t\t\treturn 0, fmt.Errorf(\"bad quantity %q: %w\", s, err)\n\t\t\t}\n\t\t\treturn int64(n * float64(units[u])), nil\n\t\t}\n\t}\n\treturn strconv.ParseInt(s, 10, 64)\n}")
R("sonnet", "explain", "security", "plain", None, "explaining a policy of a few dozen lines",
  "explain what this gatekeeper template does, I inherited it\n\napiVersion: templates.gatekeeper.sh/v1\nkind: ConstraintTemplate\nmetadata:\n  name: k8sallowedrepos\nspec:\n  crd:\n    spec:\n      names:\n        kind: K8sAllowedRepos\n      validation:\n        openAPIV3Schema:\n          type: object\n          properties:\n            repos:\n              type: array\n              items:\n                type: string\n  targets:\n    - target: admission.k8s.gatekeeper.sh\n      rego: |\n        package k8sallowedrepos\n\n        violation[{\"msg\": msg}] {\n          container := input.review.object.spec.containers[_]\n          not strings.any_prefix_match(container.image, input.parameters.repos)\n          msg := sprintf(\"container <%v> has an invalid image repo <%v>, allowed repos are %v\", [container.name, container.image, input.parameters.repos])\n        }\n\n        violation[{\"msg\": msg}] {\n          container := input.review.object.spec.initContainers[_]\n          not strings.any_prefix_match(container.image, input.parameters.repos)\n          msg := sprintf(\"initContainer <%v> has an invalid image repo <%v>, allowed repos are %v\", [container.name, container.image, input.parameters.repos])\n        }\n\n        violation[{\"msg\": msg}] {\n          container := input.review.object.spec.ephemeralContainers[_]\n          not strings.any_prefix_match(container.image, input.parameters.repos)\n          msg := sprintf(\"ephemeralContainer <%v> has an invalid image repo <%v>, allowed repos are %v\", [container.name, container.image, input.parameters.repos])\n        }")
R("sonnet", "debug", "infrastructure", "plain", None, "OOM with the cause visible in the pasted numbers",
  "pod keeps getting OOMKilled on startup. container limit is 512Mi, JAVA_OPTS is `-Xms512m -Xmx512m -XX:+UseG1GC`. describe shows Last State: Terminated, Reason: OOMKilled, Exit Code: 137. what should these be")
R("sonnet", "implement", "infrastructure", "plain", None, "writing an exporter-style script with known APIs",
  "small python exporter that exposes the number of days until expiry of every secret of type kubernetes.io/tls in the cluster as a prometheus gauge with namespace/name labels. in-cluster config, refresh every 5 min")
R("sonnet", "implement", "infrastructure", "plain", None, "karpenter config from a clear spec",
  "karpenter v1 NodePool + EC2NodeClass: spot and on-demand, arm64 and amd64, c/m/r families gen 6+, no instances bigger than 4xlarge, consolidation when underutilized after 1m, expire nodes after 7 days. AL2023, subnets/sgs by tag karpenter.sh/discovery=prod-eu")
R("sonnet", "implement", "infrastructure", "plain", None, "external-secrets wiring from a clear spec",
  "external-secrets: ClusterSecretStore for AWS Secrets Manager via IRSA, and an ExternalSecret that builds a k8s secret `ledger-db` with keys username/password from the json secret prod/ledger/db, refresh hourly")
R("sonnet", "debug", "infrastructure", "plain", None, "Helm error with a well-understood cause and careful fix",
  "helm upgrade fails: `Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress`. previous CI run got cancelled mid-upgrade. how do I get out of this without uninstalling the release (it owns a PVC)")
R("sonnet", "debug", "infrastructure", "plain", None, "ingress/ALB misconfiguration with visible health-check mismatch",
  "ALB target group shows all targets unhealthy (aws load balancer controller, target-type ip). app serves /healthz on 8080 and responds fine from inside the cluster. ingress has healthcheck-path /health, success-codes 200, scheme internet-facing. SG of the pods only allows 8080 from the VPC CIDR. what's wrong")
R("sonnet", "implement", "tooling", "plain", None, "a CLI tool with a clear spec",
  "small go cli `envdiff` that takes two kubernetes contexts and a namespace and prints which ConfigMap keys differ between them (values masked for anything that looks like a secret). cobra, client-go")
R("sonnet", "implement", "security", "plain", None, "wiring a known auth integration",
  "put oauth2-proxy in front of our internal grafana and kibana with google workspace SSO, only @acme.io emails in group sre@acme.io. nginx ingress auth-url annotations. give me the manifests")
R("sonnet", "refactor", "infrastructure", "plain", None, "splitting a module into files and variables is routine",
  "this main.tf is 900 lines with everything for the eks stack in one file. split it into sensible files (network.tf, iam.tf, eks.tf, addons.tf, outputs.tf...) and pull hard-coded values into variables with the same defaults. I'll paste it in the next message, first tell me the plan for the split")
R("sonnet", "implement", "infrastructure", "plain", None, "velero schedule config from a clear spec",
  "velero: daily backup of namespaces ledger and orders at 01:00 with CSI snapshots, keep 14 days, weekly full cluster backup kept 8 weeks, to s3 bucket acme-velero-prod with IRSA. also how to test a restore into a scratch namespace")
R("sonnet", "implement", "security", "plain", None, "a hardened configuration with known settings",
  "harden this default sshd for internet-facing bastions: keys only, modern kex/ciphers/macs, no forwarding except local, fail2ban jail for sshd. ubuntu 22.04")
R("sonnet", "implement", "infrastructure", "plain", None, "automation script using a documented API",
  "script to tag all untagged EBS volumes and snapshots in all regions with owner=unknown and created-by-script=true, dry run by default, boto3, handle throttling")
R("sonnet", "debug", "infrastructure", "plain", None, "ingress 502 with an identifiable upstream cause in the log",
  "ingress-nginx returning 502 for one service only. controller log:\n\n2024/03/14 10:12:41 [error] 812#812: *4417 upstream prematurely closed connection while reading response header from upstream, client: 10.40.3.2, server: api.acme.io, request: \"GET /v2/reports/export HTTP/1.1\", upstream: \"http://10.244.6.18:8080/v2/reports/export\", host: \"api.acme.io\"\n\nit's only the export endpoint and only for big exports, always after exactly 60s. the app team says the export takes about 90s")
R("sonnet", "implement", "infrastructure", "plain", None, "a chart template change with a clear spec",
  "add an optional sidecar to our chart's deployment template: if .Values.cloudsqlProxy.enabled, add the cloud-sql-proxy container with instance from values, resources from values, runs as non-root. show the template change and the values defaults")
R("sonnet", "implement", "infrastructure", "plain", None, "DNS automation with known tools",
  "external-dns on EKS managing only the public zone shop.acme.io in route53 (IRSA), txt registry with owner id prod-eu, sync policy upsert-only. helm values + IAM policy")
R("sonnet", "plan", "infrastructure", "plain", None, "a routine cluster upgrade with known steps",
  "checklist for upgrading one EKS cluster 1.28 -> 1.29: control plane, addons (vpc-cni, coredns, kube-proxy, ebs csi), managed node groups, karpenter nodes, and what to check for deprecated APIs before")
R("sonnet", "implement", "security", "plain", None, "Vault config from a clear spec",
  "vault: enable kubernetes auth for cluster prod-eu, role `ledger-api` bound to sa ledger-api in ns ledger, policy allowing read on kv-v2 secret/data/ledger/*, and the vault agent injector annotations for the deployment")
R("sonnet", "debug", "infrastructure", "plain", None, "a terraform provider error with a specific cause",
  "terraform apply: `Error: creating EKS Node Group: InvalidParameterException: Launch template lt-0a1b2c contains a userdata that is not MIME multipart` — we added a custom launch template with a bash user_data. how should the user_data look")
R("sonnet", "implement", "infrastructure", "plain", None, "log shipping config from a clear spec",
  "fluent-bit daemonset config: tail container logs, parse cri, add k8s metadata, drop kube-system health check noise, send to loki with labels namespace/app/container, and everything from ns payments also to an s3 bucket for audit")
R("sonnet", "implement", "infrastructure", "plain", None, "script against cloud APIs with several steps",
  "gcloud/bash script that lists all service account keys older than 90 days across every project in the org folder 1234567890 and writes project,sa,key_id,created to a csv")
R("sonnet", "review", "security", "plain", None, "routine review of a small RBAC change",
  "review: giving the ci service account this role in ns apps. anything too broad?\n\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: ci-deployer\n  namespace: apps\nrules:\n  - apiGroups: [\"apps\"]\n    resources: [\"deployments\", \"statefulsets\"]\n    verbs: [\"get\", \"list\", \"patch\", \"update\"]\n  - apiGroups: [\"\"]\n    resources: [\"configmaps\", \"secrets\"]\n    verbs: [\"*\"]\n  - apiGroups: [\"\"]\n    resources: [\"pods\", \"pods/log\"]\n    verbs: [\"get\", \"list\", \"watch\"]")
R("sonnet", "implement", "tooling", "plain", None, "CI job wiring with known tools",
  "gitlab ci job that runs `terraform plan` for every stack directory changed in the MR (stacks/*), in parallel, and stores plan files as artifacts for a manual apply job")
R("sonnet", "implement", "tooling", "plain", None, "renovate config from a clear spec",
  "renovate config for our infra monorepo: group all terraform provider bumps weekly, helm chart versions in argocd Application manifests, docker base images in Dockerfiles, automerge patch for dev-only deps, never automerge anything under prod/")
R("sonnet", "debug", "tooling", "plain", None, "a CI cache problem with an identifiable cause",
  "our gha cache for go never hits, every run downloads all modules. we use actions/cache with key `go-${{ runner.os }}-${{ hashFiles('go.sum') }}` and path ~/go/pkg/mod. monorepo with go.sum files in services/*/go.sum. what's wrong")
R("sonnet", "implement", "security", "plain", None, "signing pipeline step with documented tools",
  "add cosign keyless signing (github oidc) to our image build workflow and a kyverno ClusterPolicy that only admits images from our ECR signed by workflows in the acme org")
R("sonnet", "explain", "infrastructure", "verbose", None, "explaining a medium-sized envoy config",
  "Could you explain what this envoy listener config is doing, particularly the filter chain order and why there are two http filters? I'm new to envoy and need to modify it next sprint.\n\nstatic_resources:\n  listeners:\n    - name: ingress\n      address:\n        socket_address: { address: 0.0.0.0, port_value: 8443 }\n      filter_chains:\n        - transport_socket:\n            name: envoy.transport_sockets.tls\n            typed_config:\n              \"@type\": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext\n              require_client_certificate: true\n              common_tls_context:\n                tls_certificates:\n                  - certificate_chain: { filename: /certs/tls.crt }\n                    private_key: { filename: /certs/tls.key }\n                validation_context:\n                  trusted_ca: { filename: /certs/ca.crt }\n          filters:\n            - name: envoy.filters.network.http_connection_manager\n              typed_config:\n                \"@type\": type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager\n                stat_prefix: ingress_http\n                forward_client_cert_details: SANITIZE_SET\n                set_current_client_cert_details: { uri: true }\n                route_config:\n                  virtual_hosts:\n                    - name: backend\n                      domains: [\"*\"]\n                      routes:\n                        - match: { prefix: \"/\" }\n                          route: { cluster: app, timeout: 15s }\n                http_filters:\n                  - name: envoy.filters.http.ext_authz\n                    typed_config:\n                      \"@type\": type.googleapis.com/envoy.extensions.filters.http.ext_authz.v3.ExtAuthz\n                      grpc_service:\n                        envoy_grpc: { cluster_name: authz }\n                      failure_mode_allow: false\n                  - name: envoy.filters.http.router\n                    typed_config:\n                      \"@type\": type.googleapis.com/envoy.extensions.filters.http.router.v3.Router")
R("sonnet", "implement", "infrastructure", "plain", None, "a small operator-like script with a clear spec",
  "write a k8s CronJob + python that deletes completed Jobs older than 24h and failed ones older than 7d in namespaces labelled cleanup=enabled. needs the RBAC too")
R("sonnet", "debug", "infrastructure", "plain", None, "DNS resolution failure with a specific clue (search domains)",
  "inside pods `curl http://billing` works but `curl http://billing.internal.acme.io` (a route53 private zone record) fails with could not resolve host. from the node it resolves fine. coredns config is default EKS. what should I check")
R("sonnet", "implement", "security", "plain", None, "WAF rules from a clear spec",
  "terraform for an aws_wafv2_web_acl on the public ALB: AWS managed common rule set + known bad inputs + SQLi, rate limit 2000 req/5min per IP, block everything outside EU+US except /webhooks/* which is open, logging to a firehose")
R("sonnet", "plan", "infrastructure", "plain", None, "a runbook with known steps",
  "write a runbook for rotating the TLS cert on our on-prem haproxy pair (cert from digicert, manual). steps, verification commands, rollback")
R("sonnet", "implement", "databases", "plain", None, "a CronJob-based maintenance script with clear spec",
  "python script that checks replication lag on all RDS read replicas in the account every minute and pushes a cloudwatch metric + logs a warning over 30s. run as lambda on eventbridge schedule, include the IAM")
R("sonnet", "debug", "infrastructure", "typos", None, "pending pod with a scheduler message naming the problem",
  "pod stuck pending, describe says `0/12 nodes are available: 3 node(s) had volume node affinity conflict, 9 node(s) didn't match Pod's node affinity/selector`. its a statefulset with an EBS pvc, we moved it to a new nodepool yesterday. how do i get it running without losing the data")
R("sonnet", "implement", "infrastructure", "plain", None, "a blue/green switch script with clear steps",
  "script for blue/green on ECS behind an ALB: register new task set, wait for healthy targets, shift listener rule weights 10/50/100 with 2 min pauses checking 5xx from cloudwatch, roll back if 5xx > 1%")
R("sonnet", "implement", "security", "plain", None, "a log-based detection with a clear rule",
  "write a sigma rule (and the equivalent CloudWatch Logs Insights query) for: console login without MFA by an IAM user, excluding the breakglass user")
R("sonnet", "explain", "infrastructure", "plain", None, "explaining a non-trivial helper template",
  "explain what this _helpers.tpl function does and when it returns what\n\n{{- define \"app.fullname\" -}}\n{{- if .Values.fullnameOverride }}\n{{- .Values.fullnameOverride | trunc 63 | trimSuffix \"-\" }}\n{{- else }}\n{{- $name := default .Chart.Name .Values.nameOverride }}\n{{- if contains $name .Release.Name }}\n{{- .Release.Name | trunc 63 | trimSuffix \"-\" }}\n{{- else }}\n{{- printf \"%s-%s\" .Release.Name $name | trunc 63 | trimSuffix \"-\" }}\n{{- end }}\n{{- end }}\n{{- end }}\n\n{{- define \"app.selectorLabels\" -}}\napp.kubernetes.io/name: {{ include \"app.name\" . }}\napp.kubernetes.io/instance: {{ .Release.Name }}\n{{- end }}")
R("sonnet", "implement", "infrastructure", "plain", None, "a Terraform data-driven config with a known pattern",
  "route53 records from a yaml file in terraform: yamldecode records.yaml (name, type, ttl, values, optional alias target) and create them with for_each, keyed so reordering the file doesn't recreate anything")
R("sonnet", "debug", "security", "plain", None, "OIDC trust policy mismatch visible from the error and the condition",
  "github actions OIDC to aws fails: `Not authorized to perform sts:AssumeRoleWithWebIdentity`. trust condition is StringEquals token.actions.githubusercontent.com:sub = repo:acme/infra:ref:refs/heads/main. the workflow runs on pull_request and uses environment: plan. why")
R("sonnet", "implement", "infrastructure", "plain", None, "a PrometheusRule + ServiceMonitor pair from a clear spec",
  "ServiceMonitor for our ledger-api (port name metrics, path /metrics, 15s) and a PrometheusRule alerting when ledger_posting_failures_total increases by more than 10 in 5 minutes. kube-prometheus-stack with release label kps")
R("sonnet", "implement", "systems", "plain", None, "a log-parsing script with clear output",
  "python: parse nginx access logs (combined format + $request_time at the end), output per-endpoint p50/p95/p99 latency and count, endpoints normalised so numeric ids become :id. should stream, files are 5GB")
R("sonnet", "review", "security", "plain", None, "a routine config review against known best practice",
  "review our nginx TLS config against current mozilla 'intermediate' guidance, tell me what to change\n\nssl_protocols TLSv1 TLSv1.1 TLSv1.2;\nssl_ciphers HIGH:!aNULL:!MD5;\nssl_prefer_server_ciphers on;\nssl_session_cache shared:SSL:10m;\nssl_session_timeout 1d;\nssl_session_tickets on;\nssl_stapling off;\nadd_header Strict-Transport-Security \"max-age=3600\";")
R("sonnet", "implement", "infrastructure", "plain", None, "Cloud Armor / LB config with a clear spec",
  "gcp: terraform for an external https LB in front of a cloud run service with a managed cert for api.acme.dev, cloud armor policy with OWASP preconfigured rules in preview mode and a rate limit of 100 rps per IP")
R("sonnet", "implement", "ml", "plain", None, "GPU node setup with known components",
  "EKS: add a GPU node pool for our inference service (g5.xlarge, on-demand), taint it, install the nvidia device plugin via helm, and show the deployment snippet requesting 1 gpu with the toleration")
R("sonnet", "debug", "tooling", "plain", None, "failing CI step with a clear error",
  "`terraform init` in CI fails: `Error: Failed to query available provider packages ... could not connect to registry.terraform.io: failed to request discovery document: Get \"https://registry.terraform.io/.well-known/terraform.json\": Forbidden`. runners are self-hosted behind our squid proxy. HTTPS_PROXY is set on the runner. what now")
R("sonnet", "implement", "infrastructure", "plain", None, "a small Go HTTP health aggregator with clear spec",
  "go service: GET /status checks a list of upstream URLs from config (in parallel, 2s timeout each) and returns json with each status + overall ok/degraded. prometheus metrics per upstream. dockerfile too")
R("sonnet", "implement", "infrastructure", "plain", None, "IAM policy with a clear scope",
  "least-privilege IAM policy for a lambda that reads objects under s3://acme-imports/incoming/*, writes to s3://acme-imports/processed/*, decrypts with kms key alias/imports, and sends to sqs queue imports-ready. no wildcards on actions")
R("sonnet", "debug", "infrastructure", "plain", None, "k8s service without endpoints; cause visible in pasted selectors",
  "service has no endpoints, pods are running and ready. what's off?\n\napiVersion: v1\nkind: Service\nmetadata:\n  name: reports\nspec:\n  selector:\n    app: reports\n    tier: backend\n  ports:\n    - port: 80\n      targetPort: 8080\n---\n# pod labels from kubectl get pod --show-labels\nreports-7f9c6d-2xk8p   app=reports,pod-template-hash=7f9c6d,tier=api\nreports-7f9c6d-9mm4z   app=reports,pod-template-hash=7f9c6d,tier=api")

# ------------------------------------------------------------------ follow-ups inside a chat
R("sonnet", "implement", "general", "follow-up", None, "bare continuation: resume the previous medium task",
  "continue")
R("sonnet", "implement", "general", "follow-up", None, "bare retry of the previous task",
  "try again")
R("sonnet", "implement", "general", "follow-up", None, "bare continuation of an unfinished answer",
  "keep going, you stopped in the middle of the iam policy")
R("sonnet", "test", "infrastructure", "follow-up", None, "writing tests for the code just produced",
  "ok that worked, now add tests for the cronjob script")
R("sonnet", "implement", "infrastructure", "follow-up", None, "repeating a medium task for another target",
  "nice. now do the same network policies for the orders namespace, it also needs egress to kafka in ns streaming on 9092")
R("sonnet", "implement", "infrastructure", "follow-up", None, "porting the just-written module to another cloud",
  "same thing but for the gcp module, gcs bucket with cmek and retention policy")
R("sonnet", "debug", "infrastructure", "follow-up", None, "continuing a debugging thread with a new error",
  "that didn't work, still 403 on the push but now the error says ecr:InitiateLayerUpload. policy is what you gave me")
R("sonnet", "implement", "tooling", "follow-up", None, "wiring the produced script into CI",
  "good. now wire it into the github workflow so it runs on every PR that touches charts/")
R("sonnet", "implement", "infrastructure", "follow-up", None, "extending the produced code with a clear extra case",
  "can you also make it handle the case where the bucket already exists in another account? right now it just crashes")
R("sonnet", "implement", "infrastructure", "follow-up", None, "another overlay following the established pattern",
  "now the prod overlay, with the pdb and the topology spread constraints")
R("haiku", "edit", "infrastructure", "follow-up", None, "a rename in the previous answer",
  "rename it to node-exporter instead of nodeexporter everywhere")
R("haiku", "edit", "general", "follow-up", None, "shortening the previous answer",
  "shorter pls, just the command")
R("haiku", "question", "infrastructure", "follow-up", None, "one more one-liner in the same vein",
  "thanks. and the same for port 443 but udp?")
R("haiku", "edit", "infrastructure", "follow-up", None, "formatting change to previous output",
  "put that in a table instead")
R("sonnet", "refactor", "infrastructure", "follow-up", None, "refactoring the just-written script",
  "works, but it's one 200 line function now. split it into functions and add argparse with --dry-run and --region")
R("opus", "plan", "infrastructure", "follow-up", None, "after finding the root cause, planning the fleet-wide fix is a multi-cluster rollout with risk",
  "ok so it is the conntrack race. what's the real fix across all 14 clusters, without a maintenance window? we have a mix of 1.27 and 1.29 and some nodes on bottlerocket")
R("opus", "debug", "infrastructure", "follow-up", None, "asking for the deeper causal theory of an intermittent problem",
  "go deeper. why would that only happen under load and only on the arm nodes? the config is identical")
R("sonnet", "implement", "general", "follow-up", None, "bare continuation request",
  "go on")
R("sonnet", "debug", "general", "follow-up", None, "retry request after a failed attempt",
  "nope same error. try again, different approach")

# ------------------------------------------------------------------ opus: short but hard
R("opus", "plan", "security", "terse", "short-hard", "zero-downtime mTLS rotation across clusters is a high-stakes multi-step plan",
  "mTLS cert rotation across 3 clusters, zero downtime. plan it")
R("opus", "design", "infrastructure", "terse", "short-hard", "exactly-once semantics across a queue and a database",
  "exactly-once from SQS into postgres. how")
R("opus", "review", "security", "terse", "short-hard", "constant-time comparison review is subtle security work",
  "is this constant time? used for api token check\n\nint tok_eq(const char *a, const char *b) {\n    size_t la = strlen(a), lb = strlen(b);\n    if (la != lb) return 0;\n    unsigned char d = 0;\n    for (size_t i = 0; i < la; i++) d |= a[i] ^ b[i];\n    return d == 0;\n}")
R("opus", "review", "security", "terse", "short-hard", "TOCTOU in privileged code is a subtle vulnerability",
  "TOCTOU here? runs setuid root\n\nif (access(path, W_OK) == 0) {\n    int fd = open(path, O_WRONLY | O_APPEND);\n    write(fd, line, strlen(line));\n    close(fd);\n}")
R("opus", "review", "security", "terse", "short-hard", "threat modelling a federated trust is security design",
  "threat model our github OIDC -> AWS role trust. sub is repo:acme/*")
R("opus", "design", "infrastructure", "terse", "short-hard", "multi-region active-active with a relational store is deep distributed design",
  "active-active in 2 regions for a postgres-backed api. options?")
R("opus", "debug", "infrastructure", "terse", "short-hard", "leader churn in etcd needs a theory across disk, network and load",
  "etcd leader elections every few minutes on a 5 node cluster. why")
R("opus", "design", "security", "terse", "short-hard", "key rotation for encrypted data at scale is crypto design",
  "KEK rotation for 2B envelope-encrypted rows, no downtime")
R("opus", "implement", "systems", "terse", "short-hard", "lock-free data structure is concurrency-hard",
  "lock-free SPSC ring buffer in rust for our log shipper, with the memory orderings justified")
R("opus", "debug", "infrastructure", "terse", "short-hard", "split brain in a failover pair needs distributed reasoning",
  "keepalived pair went split brain twice this month. how, and how to stop it")
R("opus", "design", "security", "terse", "short-hard", "sandbox syscall policy for untrusted code is security-critical",
  "seccomp profile for a container that runs untrusted user python")
R("opus", "review", "security", "terse", "short-hard", "algorithm confusion in JWT verification is a subtle vuln",
  "alg confusion possible here?\n\nconst decoded = jwt.decode(token, { complete: true });\nconst key = decoded.header.alg.startsWith('HS') ? process.env.JWT_SECRET : publicKeyPem;\nreturn jwt.verify(token, key);")
R("opus", "plan", "infrastructure", "terse", "short-hard", "fleet-wide version upgrade with risk management",
  "40 EKS clusters 1.25 -> 1.29. plan")
R("opus", "design", "security", "terse", "short-hard", "SSRF defence done right is security design",
  "fix SSRF in our image-resize proxy properly. not a blocklist")
R("opus", "design", "security", "terse", "short-hard", "cross-account blast radius design",
  "cross-account IAM layout for 60 accounts, minimize blast radius")
R("opus", "implement", "infrastructure", "terse", "short-hard", "exact distributed rate limiting is a concurrency problem",
  "exact per-tenant rate limit across 12 pods, redis, no drift")
R("opus", "debug", "systems", "terse", "short-hard", "latency cliff needs performance analysis",
  "p99 jumps 10x once CPU passes ~70%. why")
R("opus", "question", "infrastructure", "terse", "short-hard", "correctness of lease-based leader election under clock skew",
  "can two pods both think they're leader with k8s Lease objects?")
R("opus", "review", "security", "terse", "short-hard", "XML signature wrapping is a subtle crypto/parsing vulnerability",
  "is our SAML SP vulnerable to signature wrapping? we verify the signature then xpath //Assertion/Subject")
R("opus", "design", "security", "terse", "short-hard", "tamper-evident logging is crypto design",
  "tamper-evident audit log, design")
R("opus", "review", "security", "terse", "short-hard", "ECDSA nonce handling is cryptographic review",
  "nonce reuse risk in our ECDSA signer? we use k = HMAC(key, msg_id)")
R("opus", "plan", "tooling", "terse", "short-hard", "large migration across hundreds of repos",
  "migrate 300 repos from jenkins to github actions. plan")
R("opus", "design", "infrastructure", "terse", "short-hard", "choosing a dataplane at scale requires trade-off analysis",
  "kube-proxy ipvs vs iptables vs cilium ebpf at 5k services. pick one and justify")
R("opus", "design", "infrastructure", "terse", "short-hard", "scaling a metrics system needs architecture trade-offs",
  "shard prometheus, 30M active series")
R("opus", "design", "security", "terse", "short-hard", "HSM-backed signing pipeline is security architecture",
  "HSM-backed code signing in CI, design")
R("opus", "implement", "systems", "terse", "short-hard", "low-overhead kernel tracing requires careful eBPF work",
  "eBPF program: TCP retransmits per pod, low overhead")
R("opus", "design", "infrastructure", "terse", "short-hard", "DNS failover without split brain is distributed design",
  "DNS-based failover between regions without split brain?")
R("opus", "review", "security", "terse", "short-hard", "reviewing a password reset token scheme is security-critical",
  "reset token = sha256(email + timestamp). fine?")
R("opus", "design", "infrastructure", "terse", "short-hard", "idempotent multi-account IaC structure is large design",
  "terraform layout for 200 aws accounts, go")
R("opus", "design", "security", "terse", "short-hard", "designing a webhook signing scheme with replay protection and rotation",
  "design signing for our outbound webhooks: replay protection + key rotation")
R("opus", "debug", "systems", "terse", "short-hard", "torn reads in a lock-free construct are memory-ordering bugs",
  "seqlock reader sees torn values on graviton, fine on x86")

# ------------------------------------------------------------------ opus: plain words, hard work
R("opus", "debug", "infrastructure", "plain", "easy-words-hard", "silent backup failures with no lead need a cross-system investigation",
  "our nightly backup is sometimes 0 bytes and nobody notices until we need it. happened twice this quarter")
R("opus", "debug", "infrastructure", "plain", "easy-words-hard", "intermittent DNS delays inside pods need a theory across kernel conntrack and resolver",
  "dns in our pods is sometimes slow, like exactly 5 seconds. not always. what")
R("opus", "debug", "infrastructure", "plain", "easy-words-hard", "periodic slowdown with no lead across many components",
  "the cluster gets slow every day around 3am and then fixes itself by 4. nothing is scheduled then as far as we know")
R("opus", "debug", "security", "plain", "easy-words-hard", "random session loss needs a cross-component theory (cookies, LB, key rotation)",
  "some users get logged out randomly, maybe once a day each. can't reproduce it")
R("opus", "debug", "infrastructure", "plain", "easy-words-hard", "request loss during deploys spans LB, kube-proxy and app shutdown ordering",
  "deploys still drop a handful of requests even though we have readiness probes and a preStop sleep")
R("opus", "debug", "systems", "plain", "easy-words-hard", "duplicate processing is a distributed-delivery problem",
  "our queue workers sometimes process the same job twice. it's rare but it's charging people twice")
R("opus", "debug", "infrastructure", "plain", "easy-words-hard", "region-specific slowness needs network/CDN analysis with no lead",
  "the website is slow only for people in australia. everyone else is fine")
R("opus", "plan", "security", "plain", "easy-words-hard", "replacing shared credentials is an org-wide security programme",
  "we want to stop sharing the one admin password for everything. where do we even start")
R("opus", "debug", "systems", "plain", "easy-words-hard", "node hangs with no lead need kernel/hardware/workload theory",
  "every couple of weeks one of the nodes just stops responding and we reboot it. no pattern we can see")
R("opus", "debug", "systems", "plain", "easy-words-hard", "rare data corruption needs a theory across the whole upload path",
  "file uploads sometimes end up corrupted, maybe 1 in 10k. same file uploaded again is fine")
R("opus", "debug", "infrastructure", "plain", "easy-words-hard", "cross-region cost and latency regression needs architecture analysis",
  "after we added the second region our bill doubled and things got slower, not faster")
R("opus", "debug", "systems", "plain", "easy-words-hard", "clock skew effects span TLS, tokens, ordering",
  "the clocks on some of our servers drift and then weird stuff breaks. how bad is this really and what do we do")
R("opus", "plan", "infrastructure", "plain", "easy-words-hard", "restructuring a slow shared IaC setup is a large plan",
  "our terraform takes 40 minutes to plan and people keep stepping on each other")
R("opus", "design", "infrastructure", "plain", "easy-words-hard", "alerting strategy redesign is open design",
  "the same alert fires 200 times during an outage and people just mute everything. how should alerting work")
R("opus", "plan", "security", "plain", "easy-words-hard", "leaked-credential incident response is high stakes",
  "we got an email saying our api keys are on github. what now")
R("opus", "debug", "security", "plain", "easy-words-hard", "cross-tenant data exposure is a security incident with no lead",
  "someone in finance says they can sometimes see other customers' invoices. just sometimes")
R("opus", "debug", "infrastructure", "plain", "easy-words-hard", "gaps in logging with no lead across agents and backends",
  "logs just stop for a few minutes sometimes, then start again. we lose them")
R("opus", "debug", "infrastructure", "plain", "easy-words-hard", "one slow replica needs a theory across scheduling, hardware, cache, LB",
  "one pod out of 20 is always slower than the others. if we kill it, a different one becomes the slow one")
R("opus", "debug", "tooling", "plain", "easy-words-hard", "flaky CI with no lead",
  "our build is green locally but on CI it fails maybe once in 15 runs. different test each time")
R("opus", "debug", "infrastructure", "plain", "easy-words-hard", "cost anomaly with no lead needs analysis",
  "the bill for data transfer jumped 4x this month and nobody changed anything")
R("opus", "debug", "databases", "plain", "easy-words-hard", "failover detection delay spans DNS, pools, TCP keepalive",
  "when the database fails over, the app takes 15 minutes to notice")
R("opus", "plan", "infrastructure", "plain", "easy-words-hard", "account migration without customer impact is a large plan",
  "we need to move everything from one aws account to another without customers noticing")
R("opus", "design", "security", "plain", "easy-words-hard", "access model for third parties to production is security design",
  "how should we give the contractors access to prod, if at all")
R("opus", "debug", "databases", "plain", "easy-words-hard", "duplicate sequence numbers point to a concurrency bug",
  "the thing that hands out invoice numbers sometimes gives the same number twice")
R("opus", "debug", "systems", "plain", "easy-words-hard", "slow memory growth needs profiling analysis",
  "memory on the api goes up slowly over a week and then it restarts. we just live with it")
R("opus", "debug", "infrastructure", "plain", "easy-words-hard", "cold-path latency needs a theory across pools, DNS, conntrack, NAT",
  "sometimes the first request after a quiet period takes 30 seconds, then it's fast again")
R("opus", "design", "security", "plain", "easy-words-hard", "drift detection and change control is a design problem",
  "how do we find out if someone changed something in prod by hand")
R("opus", "plan", "security", "plain", "easy-words-hard", "secrets management overhaul with rotation is high stakes",
  "our secrets are in a git repo encrypted with one key that everyone has. fix this properly")
R("opus", "debug", "infrastructure", "plain", "easy-words-hard", "intermittent connection resets with no lead",
  "every now and then a call between two of our services just fails with connection reset. retries fix it, but still")
R("opus", "design", "infrastructure", "plain", "easy-words-hard", "capacity planning for a known peak is analysis-heavy",
  "black friday is in 6 weeks and last year we went down. what should we do")
R("opus", "debug", "databases", "plain", "easy-words-hard", "nightly duplicate writes need a theory around retries and concurrency",
  "our nightly export job sometimes writes each row twice. nobody knows why")

# ------------------------------------------------------------------ opus: design, security, hard debugging
R("opus", "design", "infrastructure", "verbose", None, "multi-cluster ingress architecture with trade-offs",
  "We run 6 EKS clusters (2 per region, 3 regions) and each has its own ALB + ingress-nginx. Product wants a single hostname per service with latency-based routing and automatic failover if a cluster dies. Options I see: route53 latency records per cluster, Global Accelerator, a CDN in front, or a service mesh multi-cluster setup. Can you compare these for our case and recommend one? We care about failover time and not doubling our bill.")
R("opus", "design", "security", "plain", None, "choosing a secrets architecture with justification",
  "vault vs external-secrets + AWS secrets manager vs sops in git for 4 EKS clusters and ~80 services. we need rotation for db creds and an audit trail. recommend one with the trade-offs, we're 6 people on the platform team")
R("opus", "design", "infrastructure", "plain", None, "log pipeline design at scale with cost trade-offs",
  "design a logging pipeline for ~2TB/day across 50 services: 14 days hot search, 1 year cold for compliance, per-team cost visibility. currently everything goes to a single elasticsearch and it falls over weekly")
R("opus", "design", "databases", "plain", None, "DR design with RPO/RTO constraints",
  "DR plan for our RDS postgres (4TB, ~3k writes/s): RPO 5 min, RTO 30 min, region failure scenario. cross-region replica vs aws backup copies vs logical replication to another region. what would you do and what's the failback story")
R("opus", "design", "infrastructure", "plain", None, "progressive delivery architecture across many services",
  "we have ~200 microservices deployed with argocd. design progressive delivery (canary with automated analysis) that teams can opt into without each team writing their own config. argo rollouts vs flagger vs mesh-based, and how analysis should work")
R("opus", "design", "security", "plain", None, "PCI network segmentation is compliance-critical design",
  "we need to get a payments service into PCI DSS scope with as little of the rest of the platform in scope as possible. it runs on EKS today next to everything else. what does segmentation look like: separate cluster, separate account, node isolation? what are the gotchas with shared observability and CI")
R("opus", "design", "security", "plain", None, "replacing VPN with zero-trust access is security architecture",
  "replace our openvpn with something zero-trust for ~150 engineers accessing internal web apps, ssh to ~40 legacy hosts, and kubectl to 6 clusters. compare approaches (IAP-style proxy, tailscale/headscale, teleport, cloudflare access) for our mix and migration path")
R("opus", "design", "infrastructure", "plain", None, "hard multi-tenancy on kubernetes is security + design",
  "we want to run customer-provided containers (think CI jobs) on our EKS. what does real isolation look like? gVisor/kata vs separate node pools vs separate clusters, network, IMDS, noisy neighbours. threat model included please")
R("opus", "design", "data", "plain", None, "cross-region streaming replication design with ordering and failover concerns",
  "kafka in eu-west-1 and us-east-1: we want topics replicated both ways for DR, consumers should be able to fail over without reprocessing a day of data or skipping messages. mirrormaker2 vs confluent replicator vs MSK replicator, offset translation, what breaks")
R("opus", "design", "infrastructure", "plain", None, "repo/state structure for many accounts is architecture with trade-offs",
  "how should we structure terraform for 60 aws accounts and 5 teams: monorepo vs repo per team, state per stack/account, who can apply what, how modules are versioned. currently one repo, one giant state per env")
R("opus", "plan", "security", "plain", None, "mapping controls to an audit is a large high-stakes plan",
  "we have our first SOC 2 type II audit in 5 months. map our current setup (EKS, terraform, github, okta, aws org with 12 accounts, pagerduty) to the CC6 and CC7 criteria, list the gaps and give me a prioritized plan")
R("opus", "review", "security", "plain", None, "pentest finding assessment and exploit chain reasoning",
  "pentesters found an SSRF in staging that can reach 169.254.169.254. IMDSv1 is still enabled on those nodes. write up the realistic impact chain (what creds, what they can do with the node role) and the fix order. same setup in prod")
R("opus", "design", "security", "plain", None, "internal PKI design is security architecture",
  "design an internal PKI for service-to-service mTLS and internal web UIs: offline root, intermediates per env, short-lived leaf certs, revocation story, how cert-manager/istio/vault fit in. ~300 services")
R("opus", "plan", "security", "plain", None, "transparent password hash migration is security-critical",
  "migrate our user password hashes from unsalted sha1 (legacy, yes I know) to argon2id without forcing everyone to reset. 4M users. what's the safe way and what do I do about the ones who never log in again")
R("opus", "design", "infrastructure", "plain", None, "global rate limiting with consistency trade-offs",
  "we need a global rate limiter for our public api: 12 pods behind an ALB in 2 regions, limits per api key per minute, must not let a customer go more than ~5% over. redis cluster? envoy global ratelimit service? token bucket vs sliding window. design it")
R("opus", "design", "infrastructure", "plain", None, "platform-wide network policy rollout is design with high blast radius",
  "design network policies for the whole cluster: default deny everywhere, ~40 services across 12 namespaces, and we don't have a good map of who talks to whom. how do we get there without breaking prod")
R("opus", "plan", "infrastructure", "plain", None, "splitting a huge state is a large multi-step migration",
  "split our monolithic terraform state (3000 resources, network + eks + rds + iam all in one) into per-team stacks without recreating anything and without freezing changes for weeks. step by step")
R("opus", "design", "infrastructure", "plain", None, "automated rollback and deploy safety is open design",
  "design how deploys should be made safe: automated rollback on SLO burn, deploy freezes, blast radius limits. we deploy ~60 times a day across 3 regions")

R("opus", "review", "security", "plain", None, "security review of an auth middleware where mistakes are vulnerabilities",
  "security review of our auth middleware please, it's what guards the admin api\n\nfunc Auth(next http.Handler) http.Handler {\n\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {\n\t\th := r.Header.Get(\"Authorization\")\n\t\tif h == \"\" {\n\t\t\tif c, err := r.Cookie(\"session\"); err == nil {\n\t\t\t\th = \"Bearer \" + c.Value\n\t\t\t}\n\t\t}\n\t\ttok := strings.TrimPrefix(h, \"Bearer \")\n\t\tclaims := jwt.MapClaims{}\n\t\t_, _, err := new(jwt.Parser).ParseUnverified(tok, claims)\n\t\tif err != nil {\n\t\t\thttp.Error(w, \"unauthorized\", 401)\n\t\t\treturn\n\t\t}\n\t\tif exp, ok := claims[\"exp\"].(float64); ok && time.Now().Unix() > int64(exp) {\n\t\t\thttp.Error(w, \"expired\", 401)\n\t\t\treturn\n\t\t}\n\t\tif !verifySig(tok, keys[claims[\"iss\"].(string)]) {\n\t\t\thttp.Error(w, \"bad sig\", 401)\n\t\t\treturn\n\t\t}\n\t\tif strings.HasPrefix(r.URL.Path, \"/admin\") && claims[\"role\"] != \"admin\" {\n\t\t\thttp.Error(w, \"forbidden\", 403)\n\t\t\treturn\n\t\t}\n\t\tctx := context.WithValue(r.Context(), userKey, claims[\"sub\"])\n\t\tnext.ServeHTTP(w, r.WithContext(ctx))\n\t})\n}")
R("opus", "review", "security", "plain", None, "file upload handler review where mistakes are exploitable",
  "review this upload endpoint for security issues, it's public\n\n@app.post(\"/upload\")\nasync def upload(file: UploadFile, tenant: str = Form(...)):\n    name = file.filename\n    if not name.lower().endswith((\".png\", \".jpg\", \".pdf\")):\n        raise HTTPException(400, \"bad type\")\n    dest = os.path.join(\"/data/uploads\", tenant, name)\n    os.makedirs(os.path.dirname(dest), exist_ok=True)\n    with open(dest, \"wb\") as f:\n        f.write(await file.read())\n    if name.endswith(\".pdf\"):\n        subprocess.run(f\"pdftoppm -png -r 72 {dest} {dest}.thumb\", shell=True)\n    return {\"url\": f\"/files/{tenant}/{name}\"}")
R("opus", "review", "security", "plain", None, "security review of a container running untrusted code",
  "security review this Dockerfile + run command, the container executes customer-submitted scripts\n\nFROM python:3.12\nRUN pip install numpy pandas requests\nCOPY runner.py /runner.py\nCMD [\"python\", \"/runner.py\"]\n\n# run with:\ndocker run --rm -v /var/run/docker.sock:/var/run/docker.sock -v /srv/jobs/$JOB:/work --network host -e AWS_REGION=eu-west-1 sandbox-runner")
R("opus", "review", "security", "plain", None, "cluster-wide RBAC review for escalation paths",
  "review these cluster roles for privilege escalation, they're bound to our developers group in all namespaces\n\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: developer\nrules:\n  - apiGroups: [\"\", \"apps\", \"batch\"]\n    resources: [\"pods\", \"pods/exec\", \"pods/portforward\", \"deployments\", \"jobs\", \"cronjobs\", \"configmaps\", \"services\"]\n    verbs: [\"*\"]\n  - apiGroups: [\"\"]\n    resources: [\"secrets\"]\n    verbs: [\"list\"]\n  - apiGroups: [\"\"]\n    resources: [\"serviceaccounts\"]\n    verbs: [\"get\", \"list\", \"create\"]\n  - apiGroups: [\"rbac.authorization.k8s.io\"]\n    resources: [\"rolebindings\"]\n    verbs: [\"get\", \"list\", \"create\", \"update\"]\n  - apiGroups: [\"\"]\n    resources: [\"nodes\", \"nodes/proxy\"]\n    verbs: [\"get\"]")
R("opus", "review", "security", "plain", None, "distributed lock correctness review",
  "we use this redis lock to make sure only one worker runs the billing close per tenant. is it safe?\n\ndef with_lock(tenant, fn):\n    key = f\"lock:close:{tenant}\"\n    if r.set(key, \"1\", nx=True, ex=300):\n        try:\n            fn()\n        finally:\n            r.delete(key)\n    else:\n        log.info(\"someone else has it\")")
R("opus", "review", "security", "plain", None, "reviewing a token-generation scheme is cryptographic",
  "review how we generate password reset tokens and check them\n\ndef make_token(user):\n    random.seed(user.id + int(time.time()))\n    t = ''.join(random.choice(string.ascii_letters) for _ in range(24))\n    user.reset_token = t\n    user.reset_expires = now() + timedelta(hours=24)\n    db.commit()\n    return t\n\ndef check(user_id, t):\n    u = User.get(user_id)\n    return u.reset_token == t and u.reset_expires > now()")
R("opus", "implement", "security", "plain", None, "implementing envelope encryption correctly is crypto work",
  "implement envelope encryption in go for a field-level encryption library: data key from KMS GenerateDataKey, AES-256-GCM, nonce handling, AAD binding to tenant + record id, caching data keys safely, key rotation support. I want to be sure this is right")
R("opus", "review", "security", "plain", None, "TLS configuration for compliance requires careful crypto review",
  "we need FIPS 140-3 for a gov customer. our go services use crypto/tls with defaults, istio mTLS between them, and ALB in front. what actually needs to change, and where are we kidding ourselves")
R("opus", "review", "security", "plain", None, "review of a webhook verification implementation for subtle flaws",
  "review our incoming webhook verification for timing and replay problems\n\ndef verify(req):\n    sig = req.headers.get(\"X-Signature\")\n    ts = req.headers.get(\"X-Timestamp\")\n    body = req.get_data()\n    expected = hmac.new(SECRET, ts.encode() + body, hashlib.sha256).hexdigest()\n    if sig != expected:\n        return False\n    if abs(time.time() - int(ts)) > 3600:\n        return False\n    return True")

R("opus", "debug", "infrastructure", "verbose", None, "intermittent 502s during deploys across ALB, target deregistration and pod shutdown",
  "During every deploy we get a burst of 502s from the ALB, maybe 20-50 requests, for about 10 seconds. We use the AWS load balancer controller in IP mode, readiness gates enabled, preStop sleep 15, terminationGracePeriod 30, deregistration delay 30. It happens with rolling updates and also when karpenter consolidates nodes. We've tuned those numbers several times without much change. What's the actual sequence of events and what's the right fix?")
R("opus", "debug", "systems", "plain", None, "performance analysis from a profile needs reasoning, not a known fix",
  "flame graph summary from our ingest service under load (go 1.22, 16 cores), throughput plateaus at ~40k msg/s regardless of cores:\n\n38.2%  runtime.futex\n21.7%  sync.(*Mutex).lockSlow\n 9.4%  runtime.mallocgc\n 6.1%  encoding/json.(*decodeState).object\n 4.8%  github.com/acme/ingest/internal/batch.(*Batcher).Add\n 3.9%  runtime.gcBgMarkWorker\n 2.2%  syscall.Syscall (write)\n\nBatcher.Add takes a mutex and appends to a slice, flushes every 500 items. where is the actual bottleneck and what would you change")
R("opus", "debug", "systems", "plain", None, "GC pause analysis needs performance reasoning",
  "jvm service: p99 latency spikes to 2s every ~90s, G1, 16GB heap, container limit 20GB. gc log shows young pauses ~40ms but also `Pause Remark` ~1.1s and `to-space exhausted` a few times an hour. what's going on and how do I fix it without just throwing memory at it")
R("opus", "debug", "infrastructure", "plain", None, "reconcile-loop race in a controller is a concurrency bug",
  "our operator sometimes creates two StatefulSets for the same CR (second one with a -xyz suffix). reconcile does: get CR, list statefulsets by label, if none found create one with generateName. we run 2 replicas of the operator with leader election. what's going on")
R("opus", "debug", "infrastructure", "plain", None, "conntrack exhaustion theory across nodes under bursty traffic",
  "nodes running our api gateway start dropping packets at peak. dmesg: `nf_conntrack: nf_conntrack: table full, dropping packet`. we raised nf_conntrack_max twice and it keeps coming back. traffic hasn't grown that much. what's the underlying problem")
R("opus", "debug", "databases", "plain", None, "replication lag spikes with no obvious lead",
  "postgres streaming replica lag goes from 0 to 20+ minutes a few times a day, then catches up. primary isn't busy at those times. replica is same instance size. hot_standby_feedback on, max_standby_streaming_delay 30s. where do I look")
R("opus", "debug", "infrastructure", "plain", None, "performance cliff in an ingress under load needs analysis",
  "ingress-nginx p99 goes from 20ms to 1.5s when we pass ~8k rps, CPU on the controller pods is only 40%. 3 replicas on c6i.2xlarge. keepalive to upstreams is on. what could cause a cliff like that")
R("opus", "debug", "systems", "plain", None, "memory corruption theory in native code",
  "our C extension for parsing packets crashes maybe once a day in prod with SIGSEGV in free(), never in tests. asan build in staging hasn't caught it. it's called from multiple python threads but we release the GIL inside. where do we start")
R("opus", "debug", "infrastructure", "plain", None, "cross-AZ latency and throughput anomaly needs a multi-component theory",
  "after enabling topology aware routing, half our services got faster and two got much slower with uneven load across pods. why would topology hints make things worse, and how do we decide per service")
R("opus", "debug", "infrastructure", "plain", None, "TLS failures only from some clients need a theory across MTU, chains, middleboxes",
  "some customers (big corporate networks mostly) get TLS handshake timeouts to our api, everyone else is fine. we moved to a new cert with a longer chain last month and turned on TLS 1.3 the same week. how do I figure out which one")
R("opus", "design", "infrastructure", "plain", None, "on-call and alerting redesign around SLOs",
  "we have 400 alerts, half of them fire weekly and get ignored. design an SLO-based alerting setup for our 30 user-facing services: what to page on, what becomes a ticket, how to roll it out without a scary gap")
R("opus", "plan", "infrastructure", "plain", None, "large migration plan from self-managed to managed Kafka",
  "plan a zero-downtime migration from our self-managed kafka (9 brokers, 400 topics, 60 consumer groups) to MSK. producers are java and go, some consumers rely on exact offsets")
R("opus", "plan", "infrastructure", "plain", None, "GitOps migration across many services is a large plan",
  "we deploy 120 services with helm from jenkins jobs. plan a migration to argocd app-of-apps with per-env config, including secrets, ordering with CRDs, and how we switch each service over without double-deploying")
R("opus", "plan", "security", "plain", None, "incident response for a suspected compromised node",
  "guardduty flagged a crypto-mining DNS query from one of our EKS nodes 20 minutes ago. what do I do, in order, to contain it without destroying evidence, and how do I figure out how they got in")
R("opus", "design", "security", "plain", None, "supply chain security design across CI/CD",
  "design supply chain security for our CI: SLSA level 3-ish provenance, signed images, pinned actions, protected runners, admission checks in the clusters. we're on github actions with self-hosted runners on EKS")
R("opus", "design", "infrastructure", "plain", None, "capacity and cost architecture trade-offs",
  "spot for our stateless workloads: we're at 0% spot today. what would a sane plan look like for 60% spot without hurting availability, including interruption handling, PDBs, and which workloads should never be on spot")
R("opus", "debug", "infrastructure", "plain", None, "thundering herd after restart spans cache, DB and clients",
  "whenever redis restarts our db falls over even though redis is back in 10 seconds. 30 services read through the cache. how do we stop this for real")
R("opus", "review", "security", "plain", None, "security review of a deployment pipeline's trust boundaries",
  "review our pipeline for ways a malicious PR could get to prod: PR builds run on the same self-hosted runners as main, runners have an instance role that can assume the deploy role, workflows use pull_request_target for labelling, and we cache node_modules across runs")

# minimal pairs around OOM / DNS / helm
R("opus", "debug", "infrastructure", "plain", "easy-words-hard", "slow memory growth to OOM over days with no lead",
  "pods get OOMKilled after a few days. memory graph is flat for days and then jumps in minutes. same limits as the pods that are fine")
R("haiku", "question", "infrastructure", "plain", None, "single well-known command",
  "kubectl command to see which pods got OOMKilled in the last day")

# ------------------------------------------------------------------ other languages (es, it, pl)
R("haiku", "question", "infrastructure", "other-language", None, "explicar un código de salida conocido",
  "¿qué significa que un contenedor salga con código 143? no veo errores en los logs", language="es")
R("haiku", "question", "security", "other-language", None, "un comando openssl conocido",
  "dame el comando de openssl para generar una CSR con SAN para api.midominio.es y www.midominio.es, clave EC P-256", language="es")
R("haiku", "question", "infrastructure", "other-language", None, "respuesta conceptual corta",
  "¿Qué diferencia hay entre un Security Group y una NACL en AWS? Respuesta corta por favor", language="es")
R("haiku", "edit", "infrastructure", "other-language", "long-trivial", "conversión mecánica de formato",
  "pásame esto a YAML, es para un values de helm:\n\n{\"replicaCount\": 2, \"image\": {\"repository\": \"nginx\", \"tag\": \"1.25.4\"}, \"service\": {\"type\": \"ClusterIP\", \"port\": 80}, \"resources\": {\"requests\": {\"cpu\": \"100m\", \"memory\": \"128Mi\"}, \"limits\": {\"memory\": \"256Mi\"}}, \"ingress\": {\"enabled\": true, \"className\": \"nginx\", \"hosts\": [{\"host\": \"web.midominio.es\", \"paths\": [{\"path\": \"/\", \"pathType\": \"Prefix\"}]}]}}", language="es")
R("sonnet", "implement", "tooling", "other-language", None, "workflow de CI con especificación clara",
  "Necesito un workflow de GitHub Actions que en cada PR ejecute terraform fmt, validate, tflint y checkov sobre la carpeta infra/, y que falle si checkov encuentra algo HIGH. Sin apply.", language="es")
R("sonnet", "debug", "infrastructure", "other-language", None, "error de helm con causa identificable",
  "al desplegar con helm me sale `Error: rendered manifests contain a resource that already exists. Unable to continue with install: ServiceAccount \"api\" in namespace \"prod\" exists and cannot be imported into the current release`. lo creamos a mano hace meses. ¿cómo lo adopto en el release sin borrarlo?", language="es")
R("sonnet", "implement", "security", "other-language", None, "rol de ansible con especificación clara",
  "Escríbeme un rol de Ansible que instale y configure fail2ban con jails para sshd y nginx (auth y bots), bantime progresivo, y whitelist de nuestra red 10.8.0.0/16. Ubuntu 22.04.", language="es")
R("sonnet", "test", "infrastructure", "other-language", None, "tests para una función existente",
  "escribe tests con pytest para esta función:\n\nimport ipaddress\n\ndef cidrs_solapan(a: str, b: str) -> bool:\n    na = ipaddress.ip_network(a, strict=False)\n    nb = ipaddress.ip_network(b, strict=False)\n    if na.version != nb.version:\n        return False\n    return na.overlaps(nb)", language="es")
R("opus", "debug", "infrastructure", "other-language", "easy-words-hard", "fallo intermitente de red sin pista, requiere teoría entre componentes",
  "Nuestro clúster pierde conectividad entre pods de vez en cuando, solo en algunos nodos, y no vemos nada en los logs. Dura un par de minutos y vuelve. ¿Por dónde empezamos?", language="es")
R("opus", "design", "security", "other-language", None, "diseño de gestión de secretos con rotación y auditoría",
  "Diseña una estrategia de gestión de secretos para 3 cuentas de AWS y 2 clústeres EKS: rotación de credenciales de base de datos, acceso de los equipos, auditoría y qué hacer en caso de fuga. Compara opciones.", language="es")
R("opus", "review", "security", "other-language", None, "revisión de seguridad de código de autenticación",
  "revisa este código buscando vulnerabilidades, es el login de la API interna:\n\napp.post('/login', async (req, res) => {\n  const { user, pass } = req.body;\n  const rows = await db.query(`SELECT * FROM users WHERE name = '${user}'`);\n  if (!rows.length) return res.status(401).send('usuario no existe');\n  if (md5(pass) !== rows[0].pass_hash) return res.status(401).send('contraseña incorrecta');\n  const token = jwt.sign({ id: rows[0].id, admin: rows[0].admin }, 'secreto123');\n  res.cookie('t', token).send('ok');\n});", language="es")
R("haiku", "question", "systems", "other-language", None, "un comando conocido",
  "comando para ver el uso de inodos de cada sistema de ficheros, me dice no space left pero df -h tiene espacio", language="es")

R("haiku", "question", "infrastructure", "other-language", None, "risposta concettuale breve",
  "qual è la differenza tra un Service ClusterIP, NodePort e LoadBalancer? due righe ciascuno", language="it")
R("haiku", "question", "systems", "other-language", None, "un comando noto",
  "comando per svuotare la cache dns su ubuntu 22.04 con systemd-resolved", language="it")
R("haiku", "explain", "web", "other-language", None, "spiegazione di un header comune",
  "perché l'header X-Forwarded-For ha tre IP separati da virgola? quale è quello vero del client?", language="it")
R("haiku", "edit", "tooling", "other-language", None, "messaggio di commit breve",
  "scrivimi un messaggio di commit in inglese per: aggiornato il chart di cert-manager alla 1.14.4 e aggiunto il ClusterIssuer di staging", language="it")
R("sonnet", "implement", "infrastructure", "other-language", None, "Dockerfile multi-stage con specifica chiara",
  "Scrivimi un Dockerfile multi-stage per un'app Node 20 con pnpm: build in una fase, runtime con solo le dipendenze di produzione, utente non root, healthcheck su /health.", language="it")
R("sonnet", "debug", "tooling", "other-language", None, "errore di CI con causa visibile",
  "il job di gitlab fallisce così:\n\n$ docker build -t $IMAGE .\nCannot connect to the Docker daemon at tcp://docker:2375. Is the docker daemon running?\nERROR: Job failed: exit code 1\n\nusiamo il runner kubernetes e il servizio docker:24-dind. cosa manca?", language="it")
R("sonnet", "refactor", "infrastructure", "other-language", None, "conversione compose -> manifest con più risorse",
  "converti questo docker-compose in manifest kubernetes (Deployment, Service, PVC per postgres, Secret per la password):\n\nservices:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: example\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n  app:\n    image: acme/gestionale:3.2\n    ports:\n      - \"8080:8080\"\n    environment:\n      DB_URL: postgres://postgres:example@db:5432/postgres\n    depends_on: [db]\nvolumes:\n  pgdata:", language="it")
R("sonnet", "implement", "infrastructure", "other-language", None, "modulo terraform con specifica chiara",
  "scrivi un modulo terraform per una VPC su GCP con due subnet (europe-west8 e europe-west1), Cloud NAT, e regole firewall per ssh solo da IAP", language="it")
R("opus", "design", "databases", "other-language", None, "failover del database multi-regione è progettazione distribuita",
  "Dobbiamo passare da un solo cluster a tre regioni. Come progettiamo il failover del database (postgres) senza perdere scritture e senza split brain? Vorrei i pro e contro delle alternative.", language="it")
R("opus", "review", "security", "other-language", None, "revisione di sicurezza RBAC",
  "fate una revisione di sicurezza di questa configurazione: il service account del nostro CI ha questo ClusterRoleBinding\n\nkind: ClusterRoleBinding\napiVersion: rbac.authorization.k8s.io/v1\nmetadata:\n  name: ci-all\nsubjects:\n  - kind: ServiceAccount\n    name: ci\n    namespace: ci\nroleRef:\n  kind: ClusterRole\n  name: edit\n  apiGroup: rbac.authorization.k8s.io\n\ne il token è salvato come variabile nel progetto gitlab. cosa può fare un attaccante?", language="it")
R("opus", "debug", "security", "other-language", "easy-words-hard", "esposizione di dati tra utenti senza pista",
  "ogni tanto le richieste restituiscono i dati di un altro utente, solo in produzione, mai in staging. non sappiamo da dove partire", language="it")

R("haiku", "question", "security", "other-language", None, "polecenie jednoliniowe",
  "jak sprawdzić z linii komend które porty są otwarte na serwerze i jaki proces ich słucha", language="pl")
R("haiku", "explain", "security", "other-language", None, "wyjaśnienie znanego komunikatu błędu",
  "co oznacza błąd `x509: certificate signed by unknown authority` przy docker pull z naszego rejestru?", language="pl")
R("haiku", "question", "infrastructure", "other-language", None, "jedno polecenie aws cli",
  "polecenie aws cli do wylistowania bucketów s3 razem z regionem każdego", language="pl")
R("haiku", "edit", "tooling", "other-language", None, "proste tłumaczenie tekstu",
  "przetłumacz na angielski opis PR: 'poprawiono literówkę w konfiguracji ingressu i podbito wersję chartu do 2.1.3'", language="pl")
R("sonnet", "implement", "tooling", "other-language", None, "workflow CI z jasną specyfikacją",
  "Napisz workflow GitHub Actions, który buduje obraz dockera, skanuje go trivy i wypycha do GHCR tylko z gałęzi main, z tagiem sha i latest", language="pl")
R("sonnet", "debug", "infrastructure", "other-language", None, "pod w Pending z komunikatem wskazującym przyczynę",
  "mam poda w stanie Pending, describe pokazuje: `0/6 nodes are available: 6 Insufficient memory. preemption: 0/6 nodes are available: 6 No preemption victims found for incoming pod`. request to 12Gi, węzły mają po 16Gi. co jest nie tak?", language="pl")
R("sonnet", "refactor", "infrastructure", "other-language", None, "podział playbooka na role",
  "zrefaktoryzuj ten playbook ansible na role (common, nginx, app), jeden playbook site.yml. wkleję go w następnej wiadomości, najpierw zaproponuj strukturę katalogów i co gdzie trafi", language="pl")
R("opus", "design", "infrastructure", "other-language", None, "architektura logowania z kompromisami kosztowymi",
  "Zaprojektuj architekturę logowania dla 50 mikroserwisów, około 1 TB dziennie, retencja 30 dni gorąca i rok archiwum. Porównaj Loki, Elasticsearch i ClickHouse dla naszego przypadku.", language="pl")
R("opus", "review", "security", "other-language", None, "przegląd bezpieczeństwa polityki IAM pod kątem eskalacji",
  "przeprowadź przegląd bezpieczeństwa tej polityki IAM dla roli CI, szukam ścieżek eskalacji uprawnień:\n\n{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"Action\": [\"iam:PassRole\", \"iam:GetRole\"], \"Resource\": \"*\"},\n    {\"Effect\": \"Allow\", \"Action\": [\"lambda:*\"], \"Resource\": \"*\"},\n    {\"Effect\": \"Allow\", \"Action\": [\"s3:*\"], \"Resource\": [\"arn:aws:s3:::acme-artifacts\", \"arn:aws:s3:::acme-artifacts/*\"]},\n    {\"Effect\": \"Allow\", \"Action\": [\"ecs:RegisterTaskDefinition\", \"ecs:UpdateService\"], \"Resource\": \"*\"}\n  ]\n}", language="pl")
R("opus", "debug", "data", "other-language", "easy-words-hard", "zduplikowane zapisy bez tropu, problem współbieżności",
  "raz na kilka dni nasze zadanie nocne zapisuje te same dane podwójnie do hurtowni. nikt nie wie dlaczego, logi wyglądają normalnie", language="pl")

# ------------------------------------------------------------------ sonnet: non-native and verbose voices
R("sonnet", "debug", "infrastructure", "non-native", None, "perpetual diff from tag handling is a known provider behaviour with a clear fix",
  "Hello, I have problem with terraform. When I run plan it want to change the tags of all resources every time, even I did not change anything. We use default_tags in the provider and also tags in the resources, some are same key. How to fix so the plan is clean?")
R("sonnet", "implement", "infrastructure", "non-native", None, "chart values for a known stack from a clear list",
  "please I need help to write the helm values for install kube-prometheus-stack with: grafana with ingress and google auth, prometheus retention 15 days with 100Gi gp3 storage, alertmanager send to slack channel #alerts. we are using eks 1.29 and ingress-nginx")
R("sonnet", "refactor", "tooling", "non-native", None, "deduplicating a pipeline with extends/anchors is a routine refactor",
  "We have gitlab pipeline that deploy to 2 environment and the jobs are copy paste. How I can make it with extends or yaml anchors so is less duplicate? Here is the file:\n\n" + GITLAB_CI)
R("sonnet", "debug", "infrastructure", "non-native", None, "vault-encrypted become password not loaded: identifiable config cause",
  "my ansible playbook fail with 'Missing sudo password' but in the inventory i have ansible_become_pass coming from vault. the vault file is group_vars/all/vault.yml and the inventory is inventory/prod/hosts.ini. i run `ansible-playbook -i inventory/prod site.yml --ask-vault-pass`. what i am doing wrong?")
R("sonnet", "implement", "security", "non-native", None, "IRSA role with clear permissions and known wiring",
  "I must create IAM role for our EKS pods to read from one dynamodb table (orders) and receive/delete from one sqs queue (orders-events), using IRSA. Can you give me the terraform, the trust policy and the service account yaml? cluster name is prod-eu, namespace orders, sa name orders-worker")
R("sonnet", "implement", "security", "non-native", None, "log forwarding integration with documented components",
  "In our company we need to send the audit logs of kubernetes api server to our SIEM (splunk). It is EKS. Which is the way to do it, and can you write the config for the part that forward from cloudwatch logs to splunk HEC? We prefer firehose if possible")
R("sonnet", "debug", "security", "non-native", None, "renewal failure with an explicit rate-limit error",
  "the cert-manager not renew the certificate automatically and it expire tomorrow. logs of cert-manager say: `error syncing certificate: failed to create Order: 429 urn:ietf:params:acme:error:rateLimited: too many certificates (5) already issued for this exact set of domains in the last 168 hours`. how to fix quick, and how to not happen again?")
R("sonnet", "implement", "security", "non-native", None, "a scanning script with a clear spec",
  "I want write a python script that read all our route53 hosted zones and find records that point to IP or CNAME which not exist anymore (dangling), for avoid subdomain takeover. Check s3 website endpoints, elastic beanstalk, cloudfront and elastic IPs not in our account. Can you help?")
R("sonnet", "implement", "tooling", "non-native", None, "chaining workflows is routine CI configuration",
  "how i can make the github action deploy only when tests passed in the other workflow? now they are two files ci.yml and deploy.yml and deploy start in same time as ci, on push to main")
R("sonnet", "debug", "infrastructure", "non-native", None, "log query slowdown from label cardinality is a known cause needing a careful fix",
  "We use Loki and the queries of our dashboards became very slow, more than 30 seconds, after we added label `user_id` to the logs from the api. Is this the problem? How we should do instead, we still need search by user id sometimes")
R("sonnet", "implement", "infrastructure", "verbose", None, "translating a compose stack into manifests with an operator is routine multi-file work",
  "So we've been running our staging environment on a single t3.large with docker compose for two years and it's finally time to move it into the shared EKS cluster. The compose file has nginx, the api, a worker, redis and postgres. For staging I'm fine with postgres in-cluster (we have the CloudNativePG operator installed). Could you write the manifests for this: Deployments, Services, a CNPG Cluster, Ingress, and note anything from compose that doesn't translate directly?")
R("sonnet", "docs", "infrastructure", "verbose", None, "a structured runbook from known alerts is routine documentation",
  "I'm writing our first on-call runbook for the payments API and I'd like it to be something people can actually follow at 3am. The main alerts are HighErrorRate, HighLatencyP99 and PaymentsProviderDown. Can you draft a runbook with a section for each alert: what it means, first 5 minutes, which dashboards to open, common causes, when to escalate and to whom? Keep it practical, no essay.")
R("sonnet", "implement", "security", "verbose", None, "org-level compliance rules from a clear spec",
  "Our security team wants every S3 bucket across our 12 accounts to have default encryption, block public access and access logging enabled, and they want evidence. I'm thinking AWS Config with an organization conformance pack plus an aggregator in the security account, but I've never set that up. Can you write the terraform for that with those three rules?")
R("sonnet", "debug", "databases", "verbose", None, "connection exhaustion where the pool arithmetic explains it",
  "We've got a Go service that talks to Postgres through pgx and in the load test we start seeing `FATAL: sorry, too many clients already` at around 300 rps. max_connections is 200, we run 8 replicas, and the pool config is below. I think the math is just wrong but I'd like someone to confirm and suggest sane numbers, and tell me whether we need pgbouncer.\n\ncfg.MaxConns = 50\ncfg.MinConns = 10\ncfg.MaxConnIdleTime = 5 * time.Minute\ncfg.HealthCheckPeriod = time.Minute")


# ------------------------------------------------------------------ writer
def write():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "w13.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for i, row in enumerate(ROWS, 1):
            r = {"id": f"w13-{i:04d}", **row}
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

if __name__ == "__main__":
    write()
