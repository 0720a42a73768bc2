#!/usr/bin/env python3
"""Writer w24: application-security engineers, auth specialists and developers touching security
(OAuth/OIDC, JWT, SAML, sessions, CSP/CORS, secrets, IAM, TLS, crypto libs, CVEs, SOC 2/GDPR).
Run `python3 w24.py` to write w24.jsonl deterministically."""
import json, random

ROWS = []

def R(label, category, domain, voice, trap, rationale, prompt, language="en"):
    ROWS.append({"prompt": prompt, "label": label, "rationale": rationale, "category": category,
                 "domain": domain, "voice": voice, "language": language, "trap": trap})

# ---------------------------------------------------------------- material generators
_rng = random.Random(2424)

def _hex(n, rng=_rng):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))

def _ip(rng=_rng):
    return f"{rng.choice([10, 172, 192, 34, 52, 81, 185])}.{rng.randint(0,255)}.{rng.randint(0,255)}.{rng.randint(1,254)}"

USERS = ["m.kowalski", "j.becker", "a.nguyen", "s.patel", "t.oconnor", "l.fischer", "r.silva", "k.tanaka",
         "svc-billing", "svc-ci-deployer", "e.moreau", "d.novak", "h.schmidt", "p.zielinska", "admin"]

def auth_log(n, seed):
    rng = random.Random(seed)
    out = []
    t = 1733270400 + rng.randint(0, 3600)
    events = ["LOGIN_SUCCESS", "LOGIN_FAILURE", "TOKEN_REFRESH", "MFA_CHALLENGE", "MFA_SUCCESS", "LOGOUT",
              "PASSWORD_RESET_REQUESTED", "SESSION_EXPIRED", "TOKEN_REFRESH", "LOGIN_SUCCESS"]
    clients = ["web-portal", "mobile-ios", "mobile-android", "partner-api", "admin-console"]
    for _ in range(n):
        t += rng.randint(1, 40)
        hh = (t // 3600) % 24; mm = (t // 60) % 60; ss = t % 60
        ev = rng.choice(events)
        u = rng.choice(USERS)
        extra = ""
        if ev == "LOGIN_FAILURE":
            extra = " reason=" + rng.choice(["invalid_password", "unknown_user", "account_locked", "mfa_required"])
        if ev == "TOKEN_REFRESH":
            extra = f" rt_family={_hex(12, rng)} rotated=true"
        out.append(f"2024-12-04T{hh:02d}:{mm:02d}:{ss:02d}.{rng.randint(0,999):03d}Z INFO  auth-svc "
                   f"event={ev} user={u} client_id={rng.choice(clients)} ip={_ip(rng)} "
                   f"session={_hex(16, rng)}{extra}")
    return "\n".join(out)

def trivy_report(n, seed):
    rng = random.Random(seed)
    pkgs = [("openssl", "3.0.11-1~deb12u1"), ("libcurl4", "7.88.1-10+deb12u4"), ("zlib1g", "1:1.2.13.dfsg-1"),
            ("libxml2", "2.9.14+dfsg-1.3"), ("golang.org/x/net", "v0.17.0"), ("github.com/golang-jwt/jwt/v4", "v4.4.2"),
            ("google.golang.org/grpc", "v1.56.2"), ("libssh2-1", "1.10.0-3+b1"), ("perl-base", "5.36.0-7"),
            ("libc6", "2.36-9+deb12u3"), ("libgnutls30", "3.7.9-2"), ("github.com/docker/docker", "v24.0.5+incompatible"),
            ("golang.org/x/crypto", "v0.14.0"), ("libexpat1", "2.5.0-1"), ("libtiff6", "4.5.0-6"), ("ncurses-base", "6.4-4"),
            ("stdlib", "1.21.3"), ("github.com/opencontainers/runc", "v1.1.7"), ("libsqlite3-0", "3.40.1-2"), ("tar", "1.34+dfsg-1.2")]
    sev = ["LOW", "MEDIUM", "MEDIUM", "HIGH", "HIGH", "CRITICAL", "UNKNOWN", "LOW"]
    titles = ["buffer over-read in parser", "denial of service via crafted input", "use-after-free in session cache",
              "HTTP/2 rapid reset can cause excessive work", "improper certificate validation",
              "integer overflow leading to heap corruption", "excessive memory allocation on malformed header",
              "path traversal when extracting archives", "timing side channel in RSA decryption",
              "NULL pointer dereference in option handling", "uncontrolled recursion in XML entity expansion"]
    lines = ["app-image:1.14.2 (debian 12.2)", "=" * 35,
             f"Total: {n} (UNKNOWN: ?, LOW: ?, MEDIUM: ?, HIGH: ?, CRITICAL: ?)", "",
             "| Library | Vulnerability | Severity | Status | Installed Version | Fixed Version | Title |",
             "|---|---|---|---|---|---|---|"]
    for _ in range(n):
        p, v = rng.choice(pkgs)
        cve = f"CVE-{rng.choice([2022, 2023, 2023, 2024, 2024])}-{rng.randint(1000, 52999)}"
        s = rng.choice(sev)
        status = rng.choice(["fixed", "fixed", "affected", "will_not_fix"])
        fixed = "" if status != "fixed" else v.split("-")[0] + "." + str(rng.randint(1, 9))
        lines.append(f"| {p} | {cve} | {s} | {status} | {v} | {fixed} | {rng.choice(titles)} |")
    return "\n".join(lines)

def npm_audit(n, seed):
    rng = random.Random(seed)
    mods = ["jsonwebtoken", "semver", "tough-cookie", "word-wrap", "axios", "follow-redirects", "ip", "xml2js",
            "postcss", "ws", "undici", "express", "body-parser", "path-to-regexp", "cookie", "send", "serve-static",
            "micromatch", "braces", "cross-spawn", "nanoid", "jose", "passport", "node-forge", "qs"]
    out = []
    for _ in range(n):
        m = rng.choice(mods)
        sv = rng.choice(["moderate", "high", "critical", "low"])
        ghsa = f"GHSA-{_hex(4, rng)}-{_hex(4, rng)}-{_hex(4, rng)}"
        out.append(f"{m}  <{rng.randint(1,9)}.{rng.randint(0,20)}.{rng.randint(0,9)}\nSeverity: {sv}\n"
                   f"{rng.choice(['Prototype Pollution', 'Regular Expression Denial of Service', 'Server-Side Request Forgery', 'Improper Input Validation', 'Uncontrolled resource consumption', 'Exposure of Sensitive Information', 'Signature verification bypass'])} - https://github.com/advisories/{ghsa}\n"
                   f"fix available via `npm audit fix{rng.choice(['', '', ' --force'])}`\n"
                   f"node_modules/{rng.choice(['', '@aws-sdk/client-s3/node_modules/', 'webpack-dev-server/node_modules/', 'jest/node_modules/'])}{m}\n")
    out.append(f"{n} vulnerabilities ({rng.randint(1,9)} low, {rng.randint(5,30)} moderate, {rng.randint(3,20)} high, {rng.randint(0,5)} critical)")
    return "\n".join(out)

def access_log(n, seed):
    rng = random.Random(seed)
    paths = ["/api/v2/accounts/me", "/oauth/authorize", "/oauth/token", "/api/v2/invoices", "/login", "/static/app.4f9a1c.js",
             "/api/v2/users/{}/roles", "/.well-known/openid-configuration", "/api/v2/export?format=csv", "/healthz",
             "/wp-login.php", "/admin/.env", "/api/v2/sessions", "/saml/acs", "/logout"]
    uas = ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.1 Safari/605.1.15",
           "okhttp/4.12.0", "python-requests/2.31.0", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/119.0 Safari/537.36",
           "curl/8.4.0", "Go-http-client/2.0", "sqlmap/1.7.11#stable (https://sqlmap.org)"]
    out = []
    s = 0
    for _ in range(n):
        s += rng.randint(0, 5)
        p = rng.choice(paths).format(rng.randint(1000, 99999))
        meth = "POST" if p in ("/oauth/token", "/login", "/saml/acs", "/api/v2/sessions") else "GET"
        code = rng.choice([200, 200, 200, 302, 401, 403, 404, 200, 500, 429])
        out.append(f'{_ip(rng)} - - [04/Dec/2024:14:{(s//60)%60:02d}:{s%60:02d} +0000] "{meth} {p} HTTP/1.1" {code} '
                   f'{rng.randint(120, 48000)} "-" "{rng.choice(uas)}" rt={rng.randint(2, 900)/1000:.3f}')
    return "\n".join(out)

def iam_policy_big(n, seed):
    rng = random.Random(seed)
    svcs = {"s3": ["GetObject", "PutObject", "DeleteObject", "ListBucket", "GetBucketPolicy", "PutBucketAcl"],
            "dynamodb": ["GetItem", "PutItem", "Query", "Scan", "DeleteTable", "UpdateItem"],
            "kms": ["Decrypt", "Encrypt", "GenerateDataKey", "CreateGrant", "ScheduleKeyDeletion"],
            "sqs": ["SendMessage", "ReceiveMessage", "DeleteMessage", "PurgeQueue"],
            "secretsmanager": ["GetSecretValue", "PutSecretValue", "DescribeSecret"],
            "iam": ["PassRole", "CreateAccessKey", "AttachRolePolicy", "GetRole"],
            "logs": ["CreateLogStream", "PutLogEvents", "DescribeLogGroups"],
            "ec2": ["DescribeInstances", "RunInstances", "TerminateInstances", "CreateTags"]}
    stmts = []
    for i in range(n):
        svc = rng.choice(list(svcs))
        acts = sorted(set(f"{svc}:{rng.choice(svcs[svc])}" for _ in range(rng.randint(1, 4))))
        if rng.random() < 0.08:
            acts = [f"{svc}:*"]
        res = {"s3": f"arn:aws:s3:::acme-{rng.choice(['invoices', 'exports', 'uploads', 'audit-logs'])}-prod/*",
               "dynamodb": f"arn:aws:dynamodb:eu-central-1:481516234200:table/{rng.choice(['Tenants', 'Sessions', 'Orders', 'ApiKeys'])}",
               "kms": f"arn:aws:kms:eu-central-1:481516234200:key/{_hex(8, rng)}-{_hex(4, rng)}-{_hex(4, rng)}-{_hex(4, rng)}-{_hex(12, rng)}",
               "sqs": f"arn:aws:sqs:eu-central-1:481516234200:{rng.choice(['billing-events', 'email-outbox', 'audit'])}",
               "secretsmanager": f"arn:aws:secretsmanager:eu-central-1:481516234200:secret:{rng.choice(['prod/db', 'prod/stripe', 'prod/jwt-signing'])}-*",
               "iam": f"arn:aws:iam::481516234200:role/{rng.choice(['ecs-task-*', 'lambda-exec', 'ci-deployer'])}",
               "logs": "arn:aws:logs:eu-central-1:481516234200:log-group:/ecs/*",
               "ec2": "*"}[svc]
        st = {"Sid": f"Stmt{i:03d}{svc.capitalize()}", "Effect": "Allow" if rng.random() > 0.1 else "Deny",
              "Action": acts, "Resource": res}
        if rng.random() < 0.2:
            st["Condition"] = {"StringEquals": {"aws:RequestedRegion": "eu-central-1"}}
        stmts.append(st)
    return json.dumps({"Version": "2012-10-17", "Statement": stmts}, indent=2)

def gdpr_ropa_csv(n, seed):
    rng = random.Random(seed)
    acts = ["Customer onboarding", "Payroll", "Marketing newsletter", "Support tickets", "Fraud scoring",
            "Product analytics", "Recruiting", "Access logging", "Invoice processing", "Session replay"]
    cats = ["name;email", "name;email;phone", "IP address;device id", "bank account;salary", "health (sick notes)",
            "CV;references", "card last4;billing address", "behavioural events"]
    bases = ["Art.6(1)(b) contract", "Art.6(1)(c) legal obligation", "Art.6(1)(f) legitimate interest", "Art.6(1)(a) consent"]
    procs = ["AWS eu-central-1", "Zendesk", "Mailchimp", "Stripe", "Personio", "Datadog", "Hotjar", "Sentry"]
    out = ["id,activity,data_categories,lawful_basis,processor,transfer_outside_eea,retention_days,owner"]
    for i in range(n):
        out.append(f"RPA-{i+1:03d},{rng.choice(acts)},{rng.choice(cats)},{rng.choice(bases)},{rng.choice(procs)},"
                   f"{rng.choice(['no', 'no', 'yes (SCC)', 'yes (DPF)'])},{rng.choice([30, 90, 365, 730, 2555, 3650])},"
                   f"{rng.choice(USERS[:8])}")
    return "\n".join(out)

def secret_scan_report(n, seed):
    rng = random.Random(seed)
    rules = ["aws-access-token", "generic-api-key", "slack-webhook-url", "private-key", "github-pat", "stripe-access-token", "jwt"]
    files = ["config/settings/dev.py", "deploy/helm/values-staging.yaml", ".github/workflows/release.yml", "scripts/seed_db.sh",
             "docs/onboarding.md", "services/billing/tests/fixtures/webhook.json", "terraform/envs/prod/main.tf",
             "frontend/src/config.ts", "notebooks/churn_analysis.ipynb"]
    out = []
    for _ in range(n):
        r = rng.choice(rules)
        out.append(f"Finding:     {rng.choice(['AKIA', 'xoxb-', 'ghp_', 'sk_live_', 'eyJhbGciOi', '-----BEGIN'])}{'*' * 12}\n"
                   f"Secret:      REDACTED\nRuleID:      {r}\nEntropy:     {rng.uniform(3.1, 5.9):.6f}\n"
                   f"File:        {rng.choice(files)}\nLine:        {rng.randint(3, 400)}\n"
                   f"Commit:      {_hex(40, rng)}\nAuthor:      {rng.choice(USERS[:10])}\n"
                   f"Date:        2024-{rng.randint(1,11):02d}-{rng.randint(1,28):02d}T{rng.randint(0,23):02d}:{rng.randint(0,59):02d}:11Z\n"
                   f"Fingerprint: {_hex(40, rng)}:{rng.choice(files)}:{r}:{rng.randint(3, 400)}\n")
    return "\n".join(out)

def cookie_headers():
    return """HTTP/2 302
date: Wed, 04 Dec 2024 10:41:07 GMT
content-type: text/html; charset=utf-8
location: https://app.northwind-health.io/dashboard
set-cookie: __Host-sid=Fe26.2**c91f0e4b7a33**hG3kqV0w; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=28800
set-cookie: csrftoken=Q8xL2u1mBf7YzKp0; Path=/; Secure; SameSite=Strict; Max-Age=31449600
set-cookie: ajs_anonymous_id=7c1a9f2e-4b1d-4c59-9a7e-3f0c2b8d1e55; Domain=.northwind-health.io; Path=/; Max-Age=31536000
set-cookie: remember_me=1; Path=/; Expires=Thu, 04 Dec 2025 10:41:07 GMT; HttpOnly
strict-transport-security: max-age=63072000; includeSubDomains; preload
x-content-type-options: nosniff
x-frame-options: DENY
referrer-policy: strict-origin-when-cross-origin
content-security-policy: default-src 'self'; script-src 'self' 'nonce-r4nd0mN0nc3' https://js.stripe.com; style-src 'self' 'unsafe-inline'; img-src 'self' data: https://*.googleusercontent.com; connect-src 'self' https://api.northwind-health.io wss://rt.northwind-health.io; frame-ancestors 'none'; base-uri 'self'; form-action 'self'
permissions-policy: camera=(), microphone=(), geolocation=()
cache-control: no-store"""

def big_flask_app(seed):
    rng = random.Random(seed)
    parts = ['"""Tenant admin API (internal). Do not expose without the gateway."""',
             "import hashlib, hmac, os, time, uuid",
             "from functools import wraps",
             "from flask import Flask, request, jsonify, g, abort, session",
             "from sqlalchemy import text",
             "from .db import engine",
             "from .audit import audit",
             "",
             "app = Flask(__name__)",
             "app.secret_key = os.environ.get('FLASK_SECRET', 'dev-secret-change-me')",
             "",
             "def require_role(*roles):",
             "    def deco(fn):",
             "        @wraps(fn)",
             "        def inner(*a, **kw):",
             "            if not g.user or g.user['role'] not in roles:",
             "                abort(403)",
             "            return fn(*a, **kw)",
             "        return inner",
             "    return deco",
             "",
             "@app.before_request",
             "def load_user():",
             "    g.user = None",
             "    tok = request.headers.get('X-Api-Key') or request.args.get('api_key')",
             "    if tok:",
             "        with engine.connect() as c:",
             "            row = c.execute(text('SELECT id, tenant_id, role FROM api_keys WHERE key_hash = :h'),",
             "                            {'h': hashlib.sha256(tok.encode()).hexdigest()}).fetchone()",
             "        if row:",
             "            g.user = dict(row._mapping)",
             "    elif 'uid' in session:",
             "        g.user = {'id': session['uid'], 'tenant_id': session['tid'], 'role': session.get('role', 'member')}",
             ""]
    resources = ["projects", "invoices", "members", "webhooks", "exports", "audit_events", "api_keys", "sso_configs",
                 "billing_contacts", "feature_flags", "retention_rules", "ip_allowlists", "scim_tokens", "reports"]
    for r in resources:
        sing = r[:-1]
        filt = "tenant_id = :tid AND " if rng.random() > 0.2 else ""
        role = rng.choice(["'admin'", "'admin', 'owner'", "'admin', 'member'", "'owner'"])
        parts += [f"@app.get('/t/<tenant_id>/{r}')",
                  f"@require_role({role})",
                  f"def list_{r}(tenant_id):",
                  f"    limit = min(int(request.args.get('limit', 50)), 500)",
                  f"    with engine.connect() as c:",
                  f"        rows = c.execute(text('SELECT * FROM {r} WHERE {filt}deleted_at IS NULL ORDER BY id LIMIT :l'),",
                  f"                         {{'tid': tenant_id, 'l': limit}}).fetchall()",
                  f"    return jsonify([dict(x._mapping) for x in rows])",
                  "",
                  f"@app.get('/t/<tenant_id>/{r}/<int:{sing}_id>')",
                  f"@require_role({role})",
                  f"def get_{sing}(tenant_id, {sing}_id):",
                  f"    with engine.connect() as c:",
                  f"        row = c.execute(text('SELECT * FROM {r} WHERE id = :id'), {{'id': {sing}_id}}).fetchone()",
                  f"    if not row:",
                  f"        abort(404)",
                  f"    return jsonify(dict(row._mapping))",
                  "",
                  f"@app.delete('/t/<tenant_id>/{r}/<int:{sing}_id>')",
                  f"@require_role('admin')",
                  f"def delete_{sing}(tenant_id, {sing}_id):",
                  f"    with engine.begin() as c:",
                  f"        c.execute(text('UPDATE {r} SET deleted_at = now() WHERE id = :id AND tenant_id = :tid'),",
                  f"                  {{'id': {sing}_id, 'tid': g.user['tenant_id']}})",
                  f"    audit('{sing}.deleted', actor=g.user['id'], target={sing}_id)",
                  f"    return '', 204",
                  ""]
        if r == "exports":
            parts += ["@app.get('/t/<tenant_id>/exports/<int:export_id>/download')",
                      "def download_export(tenant_id, export_id):",
                      "    path = request.args.get('file')",
                      "    return open(os.path.join('/srv/exports', tenant_id, path), 'rb').read()",
                      ""]
        if r == "webhooks":
            parts += ["@app.post('/t/<tenant_id>/webhooks/<int:webhook_id>/test')",
                      "@require_role('admin', 'owner')",
                      "def test_webhook(tenant_id, webhook_id):",
                      "    import requests",
                      "    url = request.json['url']",
                      "    r = requests.post(url, json={'event': 'ping', 'ts': time.time()}, timeout=5)",
                      "    return jsonify({'status': r.status_code, 'body': r.text[:2000]})",
                      ""]
        if r == "api_keys":
            parts += ["@app.post('/t/<tenant_id>/api_keys')",
                      "@require_role('admin')",
                      "def create_api_key(tenant_id):",
                      "    raw = uuid.uuid4().hex",
                      "    with engine.begin() as c:",
                      "        c.execute(text('INSERT INTO api_keys (tenant_id, key_hash, role) VALUES (:t, :h, :r)'),",
                      "                  {'t': tenant_id, 'h': hashlib.sha256(raw.encode()).hexdigest(), 'r': request.json.get('role', 'member')})",
                      "    return jsonify({'key': raw}), 201",
                      ""]
    return "\n".join(parts)

def saml_response():
    return """<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"
    ID="_8e8dc5f69a98cc4c1ff3427e5ce34606fd672f91e6" Version="2.0" IssueInstant="2024-12-04T09:12:44Z"
    Destination="https://app.ledgerly.io/saml/acs" InResponseTo="ONELOGIN_4fee3b046395c4e751011e97f8900b5273d56685">
  <saml:Issuer>https://sts.windows.net/3f1c9a2e-77b0-4c1e-9d55-1b2f6a0c8e41/</saml:Issuer>
  <samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>
  <saml:Assertion ID="_d71a3a8e9fcc45c9e9d248ef7049393fc8f04e5f75" Version="2.0" IssueInstant="2024-12-04T09:12:44Z">
    <saml:Issuer>https://sts.windows.net/3f1c9a2e-77b0-4c1e-9d55-1b2f6a0c8e41/</saml:Issuer>
    <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
      <ds:SignedInfo>
        <ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>
        <ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>
        <ds:Reference URI="#_d71a3a8e9fcc45c9e9d248ef7049393fc8f04e5f75">
          <ds:Transforms>
            <ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>
            <ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>
          </ds:Transforms>
          <ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>
          <ds:DigestValue>4S0r8m5bZ0y3w6mO1Vt2cC1nQ0kS3iTqK8jX2fJ9bYQ=</ds:DigestValue>
        </ds:Reference>
      </ds:SignedInfo>
      <ds:SignatureValue>kT2r9...truncated...Qw==</ds:SignatureValue>
    </ds:Signature>
    <saml:Subject>
      <saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">julia.becker@ledgerly.io</saml:NameID>
      <saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">
        <saml:SubjectConfirmationData NotOnOrAfter="2024-12-04T09:17:44Z" Recipient="https://app.ledgerly.io/saml/acs"
            InResponseTo="ONELOGIN_4fee3b046395c4e751011e97f8900b5273d56685"/>
      </saml:SubjectConfirmation>
    </saml:Subject>
    <saml:Conditions NotBefore="2024-12-04T09:07:44Z" NotOnOrAfter="2024-12-04T10:12:44Z">
      <saml:AudienceRestriction><saml:Audience>https://app.ledgerly.io/saml/metadata</saml:Audience></saml:AudienceRestriction>
    </saml:Conditions>
    <saml:AttributeStatement>
      <saml:Attribute Name="http://schemas.microsoft.com/identity/claims/tenantid"><saml:AttributeValue>3f1c9a2e-77b0-4c1e-9d55-1b2f6a0c8e41</saml:AttributeValue></saml:Attribute>
      <saml:Attribute Name="http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"><saml:AttributeValue>julia.becker@ledgerly.io</saml:AttributeValue></saml:Attribute>
      <saml:Attribute Name="http://schemas.microsoft.com/ws/2008/06/identity/claims/groups"><saml:AttributeValue>ledgerly-admins</saml:AttributeValue></saml:Attribute>
    </saml:AttributeStatement>
  </saml:Assertion>
</samlp:Response>"""

def k8s_rbac_dump(n, seed):
    rng = random.Random(seed)
    out = []
    sas = ["default", "argo-workflow", "prometheus", "external-dns", "cert-manager", "vault-agent", "ci-runner", "billing-api"]
    nss = ["default", "payments", "monitoring", "kube-system", "ci", "platform"]
    verbs = ["get", "list", "watch", "create", "update", "patch", "delete", "*"]
    res = ["pods", "secrets", "configmaps", "deployments", "pods/exec", "serviceaccounts/token", "roles", "rolebindings", "nodes", "*"]
    for i in range(n):
        kind = rng.choice(["Role", "ClusterRole"])
        name = f"{rng.choice(sas)}-{rng.choice(['reader', 'operator', 'manager', 'edit'])}"
        out.append("---")
        out.append("apiVersion: rbac.authorization.k8s.io/v1")
        out.append(f"kind: {kind}")
        out.append("metadata:")
        out.append(f"  name: {name}-{i}")
        if kind == "Role":
            out.append(f"  namespace: {rng.choice(nss)}")
        out.append("rules:")
        for _ in range(rng.randint(1, 3)):
            out.append(f"- apiGroups: [\"{rng.choice(['', 'apps', 'batch', 'rbac.authorization.k8s.io'])}\"]")
            out.append(f"  resources: [{', '.join(sorted(set(rng.choice(res) for _ in range(rng.randint(1, 3)))))}]")
            out.append(f"  verbs: [{', '.join(sorted(set(rng.choice(verbs) for _ in range(rng.randint(1, 4)))))}]")
    return "\n".join(out)

def tls_scan(seed):
    rng = random.Random(seed)
    hosts = ["api.ledgerly.io", "auth.ledgerly.io", "legacy-sftp.ledgerly.io", "status.ledgerly.io", "mail.ledgerly.io",
             "grafana.int.ledgerly.io", "partners.ledgerly.io", "old-portal.ledgerly.io"]
    out = []
    for h in hosts:
        out.append(f"Testing {h}:443 ({_ip(rng)})")
        out.append(f"  SSLv2      not offered (OK)\n  SSLv3      not offered (OK)")
        out.append(f"  TLS 1      {rng.choice(['not offered', 'offered (deprecated)'])}")
        out.append(f"  TLS 1.1    {rng.choice(['not offered', 'offered (deprecated)'])}")
        out.append(f"  TLS 1.2    offered (OK)")
        out.append(f"  TLS 1.3    {rng.choice(['offered (OK): final', 'not offered'])}")
        out.append(f"  Cipher order: server")
        out.append(f"  Certificate: CN={h}, issuer=R11 (Let's Encrypt), expires 2025-0{rng.randint(1,3)}-{rng.randint(10,28)}, key RSA {rng.choice([2048, 2048, 4096])}")
        out.append(f"  OCSP stapling: {rng.choice(['offered', 'not offered'])}")
        out.append(f"  HSTS: {rng.choice(['max-age=63072000; includeSubDomains; preload', 'not offered', 'max-age=300'])}")
        out.append(f"  Weak ciphers: {rng.choice(['none', 'TLS_RSA_WITH_3DES_EDE_CBC_SHA (SWEET32)', 'TLS_RSA_WITH_AES_128_CBC_SHA (no FS)', 'none'])}")
        out.append("")
    return "\n".join(out)

# ---------------------------------------------------------------- medium inline material
JWT_SAMPLE = ("eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6IjJhZjFjN2U0LTlkMGYtNGI2Yi1hN2M4LTFlZjY0ZTNkNTBjMiJ9."
              "eyJpc3MiOiJodHRwczovL2F1dGgubGVkZ2VybHkuaW8vIiwic3ViIjoidXNyXzhmM2EyYzkxIiwiYXVkIjoibGVkZ2VybHktYXBpIiwiZXhwIjoxNzMzMzE1MjAwLCJpYXQiOjE3MzMzMTE2MDAsInNjb3BlIjoiaW52b2ljZXM6cmVhZCBpbnZvaWNlczp3cml0ZSIsInRpZCI6InRuXzQ0MjEifQ."
              "Zm9vYmFyYmF6c2lnbmF0dXJlbm90cmVhbGx5dmFsaWRidXRsb29rc2xpa2VpdA")

VERIFY_JWT_PY = '''import jwt, requests
from functools import lru_cache

JWKS_URL = "https://auth.ledgerly.io/.well-known/jwks.json"

@lru_cache(maxsize=1)
def _jwks():
    return requests.get(JWKS_URL, timeout=3).json()

def verify(token: str) -> dict:
    header = jwt.get_unverified_header(token)
    alg = header.get("alg", "RS256")
    key = None
    for k in _jwks()["keys"]:
        if k["kid"] == header.get("kid"):
            key = jwt.algorithms.RSAAlgorithm.from_jwk(k)
    if key is None:
        key = open("/etc/ledgerly/legacy_hs256.key").read()
    return jwt.decode(token, key, algorithms=[alg], options={"verify_aud": False})
'''

CORS_EXPRESS = '''const express = require("express");
const cors = require("cors");
const app = express();

const allowed = (process.env.CORS_ORIGINS || "").split(",");

app.use(cors({
  origin: (origin, cb) => {
    if (!origin) return cb(null, true);
    if (allowed.some(a => origin.endsWith(a))) return cb(null, true);
    return cb(null, origin);
  },
  credentials: true,
  methods: ["GET", "POST", "PUT", "DELETE"],
}));

app.use("/api", require("./routes/api"));
app.listen(8080);
'''

LOGIN_HANDLER_GO = '''func (h *Handler) Login(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Email    string `json:"email"`
		Password string `json:"password"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	u, err := h.users.ByEmail(r.Context(), strings.ToLower(req.Email))
	if err != nil {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	if err := bcrypt.CompareHashAndPassword(u.PasswordHash, []byte(req.Password)); err != nil {
		h.metrics.FailedLogin.Inc()
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	sid, err := h.sessions.Create(r.Context(), u.ID)
	if err != nil {
		http.Error(w, "internal", http.StatusInternalServerError)
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name:     "sid",
		Value:    sid,
		Path:     "/",
		HttpOnly: true,
		Secure:   true,
		SameSite: http.SameSiteLaxMode,
		MaxAge:   60 * 60 * 12,
	})
	w.WriteHeader(http.StatusNoContent)
}
'''

PERMS_PY = '''from enum import Enum

class Role(str, Enum):
    VIEWER = "viewer"
    EDITOR = "editor"
    ADMIN = "admin"
    OWNER = "owner"

RANK = {Role.VIEWER: 0, Role.EDITOR: 1, Role.ADMIN: 2, Role.OWNER: 3}

def can_view(user, doc):
    if doc.is_public:
        return True
    return user.tenant_id == doc.tenant_id and user.role in RANK

def can_edit(user, doc):
    if user.tenant_id != doc.tenant_id:
        return False
    if doc.locked and RANK[user.role] < RANK[Role.ADMIN]:
        return False
    return RANK[user.role] >= RANK[Role.EDITOR] or doc.owner_id == user.id

def can_delete(user, doc):
    return user.tenant_id == doc.tenant_id and (RANK[user.role] >= RANK[Role.ADMIN] or doc.owner_id == user.id)

def can_change_role(actor, target, new_role):
    if actor.tenant_id != target.tenant_id:
        return False
    if RANK[new_role] > RANK[actor.role]:
        return False
    if target.role == Role.OWNER and actor.role != Role.OWNER:
        return False
    return RANK[actor.role] >= RANK[Role.ADMIN]
'''

NGINX_TLS = '''server {
    listen 443 ssl http2;
    server_name api.ledgerly.io;

    ssl_certificate     /etc/letsencrypt/live/api.ledgerly.io/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/api.ledgerly.io/privkey.pem;
    ssl_protocols       TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;
    ssl_ciphers         HIGH:!aNULL:!MD5;
    ssl_prefer_server_ciphers on;
    ssl_session_cache   shared:SSL:10m;
    ssl_session_timeout 1d;
    ssl_session_tickets on;

    add_header Strict-Transport-Security "max-age=31536000" always;
    add_header X-Frame-Options SAMEORIGIN;

    location / {
        proxy_pass http://127.0.0.1:8000;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
    }
}
'''

S3_BUCKET_POLICY = '''{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "AllowCloudFrontRead",
      "Effect": "Allow",
      "Principal": {"Service": "cloudfront.amazonaws.com"},
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::ledgerly-public-assets/*",
      "Condition": {"StringEquals": {"AWS:SourceArn": "arn:aws:cloudfront::481516234200:distribution/E2QWRUHAPOMQZL"}}
    },
    {
      "Sid": "AllowPartnerUpload",
      "Effect": "Allow",
      "Principal": {"AWS": "*"},
      "Action": ["s3:PutObject", "s3:PutObjectAcl"],
      "Resource": "arn:aws:s3:::ledgerly-public-assets/partner-uploads/*"
    },
    {
      "Sid": "DenyInsecureTransport",
      "Effect": "Deny",
      "Principal": "*",
      "Action": "s3:*",
      "Resource": ["arn:aws:s3:::ledgerly-public-assets", "arn:aws:s3:::ledgerly-public-assets/*"],
      "Condition": {"Bool": {"aws:SecureTransport": "false"}}
    }
  ]
}'''

ENCRYPT_PY = '''import os, base64, hashlib
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

KEY = hashlib.sha256(os.environ["FIELD_KEY"].encode()).digest()
IV = b"ledgerly-iv-0001"

def encrypt_field(plaintext: str) -> str:
    pad = 16 - len(plaintext) % 16
    data = plaintext.encode() + bytes([pad]) * pad
    enc = Cipher(algorithms.AES(KEY), modes.CBC(IV)).encryptor()
    return base64.b64encode(enc.update(data) + enc.finalize()).decode()

def decrypt_field(token: str) -> str:
    dec = Cipher(algorithms.AES(KEY), modes.CBC(IV)).decryptor()
    data = dec.update(base64.b64decode(token)) + dec.finalize()
    return data[:-data[-1]].decode()
'''

OAUTH_CALLBACK_TS = '''router.get("/auth/callback", async (req, res) => {
  const { code, state } = req.query;
  if (state !== req.cookies["oauth_state"]) {
    return res.status(400).send("state mismatch");
  }
  const tokenRes = await fetch("https://accounts.google.com/o/oauth2/token", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      code: String(code),
      client_id: process.env.GOOGLE_CLIENT_ID!,
      client_secret: process.env.GOOGLE_CLIENT_SECRET!,
      redirect_uri: String(req.query.redirect_uri || "https://app.ledgerly.io/auth/callback"),
      grant_type: "authorization_code",
    }),
  });
  const tokens = await tokenRes.json();
  const profile = JSON.parse(Buffer.from(tokens.id_token.split(".")[1], "base64").toString());
  let user = await db.users.findOne({ email: profile.email });
  if (!user) user = await db.users.create({ email: profile.email, name: profile.name });
  req.session.userId = user.id;
  res.redirect(String(req.query.next || "/"));
});
'''

FORM_HANDLER_PY = '''@app.route("/settings/email", methods=["GET", "POST"])
@login_required
def change_email():
    if request.method == "GET":
        return render_template("settings/email.html", user=current_user)
    new_email = request.form.get("email", "").strip().lower()
    if not EMAIL_RE.match(new_email):
        flash("Invalid email address", "error")
        return redirect(url_for("change_email"))
    current_user.email = new_email
    current_user.email_verified = False
    db.session.commit()
    send_verification_email(current_user)
    flash("Check your inbox to confirm the new address", "info")
    return redirect(url_for("settings_home"))
'''

TF_SG = '''resource "aws_security_group" "db" {
  name   = "ledgerly-db-prod"
  vpc_id = module.vpc.vpc_id

  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.20.0.0/16"]
  }

  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
    description = "temp - bastion migration (remove by 2024-06-30)"
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
'''

PW_RESET_PY = '''def request_reset(email):
    user = User.query.filter_by(email=email).first()
    if not user:
        return {"error": "no account with that email"}, 404
    token = str(random.randint(100000, 999999))
    user.reset_token = token
    user.reset_expires = datetime.utcnow() + timedelta(hours=24)
    db.session.commit()
    send_mail(user.email, f"Your reset code is {token}")
    return {"ok": True}

def do_reset(email, token, new_password):
    user = User.query.filter_by(email=email).first()
    if user.reset_token == token and user.reset_expires > datetime.utcnow():
        user.password = hash_pw(new_password)
        db.session.commit()
        return {"ok": True}
    return {"error": "invalid token"}, 400
'''

STACK_JWT = '''Traceback (most recent call last):
  File "/app/.venv/lib/python3.11/site-packages/starlette/middleware/errors.py", line 164, in __call__
    await self.app(scope, receive, _send)
  File "/app/.venv/lib/python3.11/site-packages/starlette/middleware/base.py", line 108, in __call__
    response = await self.dispatch_func(request, call_next)
  File "/app/ledgerly/middleware/auth.py", line 41, in dispatch
    claims = verify_access_token(token)
  File "/app/ledgerly/security/tokens.py", line 27, in verify_access_token
    return jwt.decode(token, key, algorithms=["RS256"], audience=settings.JWT_AUDIENCE)
  File "/app/.venv/lib/python3.11/site-packages/jwt/api_jwt.py", line 210, in decode
    decoded = self.decode_complete(
  File "/app/.venv/lib/python3.11/site-packages/jwt/api_jwt.py", line 151, in decode_complete
    self._validate_claims(
  File "/app/.venv/lib/python3.11/site-packages/jwt/api_jwt.py", line 236, in _validate_claims
    self._validate_aud(payload, audience, strict=strict)
  File "/app/.venv/lib/python3.11/site-packages/jwt/api_jwt.py", line 295, in _validate_aud
    raise InvalidAudienceError("Audience doesn't match")
jwt.exceptions.InvalidAudienceError: Audience doesn't match
'''

# ---------------------------------------------------------------- rows, batch 1
R("haiku", "question", "security", "terse", "hard-words-easy",
  "Expanding an acronym is a short well-known fact.",
  "what does CVE stand for")
R("haiku", "question", "security", "plain", "hard-words-easy",
  "Decoding a base64url JWT header is a mechanical one-step task.",
  "Can you base64-decode this JWT header and tell me the alg and kid? eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6IjJhZjFjN2U0LTlkMGYtNGI2Yi1hN2M4LTFlZjY0ZTNkNTBjMiJ9")
R("haiku", "question", "web", "plain", "hard-words-easy",
  "Finding one attribute in a pasted header block is checkable at a glance.",
  "Which line sets the SameSite attribute on the session cookie here, and what value is it?\n\n" + cookie_headers())
R("opus", "review", "web", "plain", None,
  "Security review of a full set of response headers and cookies; subtle gaps are vulnerabilities (rubric: security reviews are opus).",
  "Here are the response headers from our login redirect. Please do a proper security review of the cookies and headers together — what would an attacker actually be able to do with what's here, not just a checklist.\n\n" + cookie_headers())
R("opus", "design", "security", "terse", "short-hard",
  "Open multi-tenant isolation design with high stakes.",
  "how should we isolate tenants in a shared postgres")
R("haiku", "question", "security", "terse", None,
  "Short factual comparison with a well-known answer.",
  "difference between authn and authz?")
R("opus", "review", "security", "plain", None,
  "Reviewing JWT verification code for vulnerabilities (algorithm confusion, fallback key): security review.",
  "Is this JWT verification safe? We use it in every service.\n\n```python\n" + VERIFY_JWT_PY + "```")
R("haiku", "explain", "security", "plain", "hard-words-easy",
  "Explaining what a short snippet's single line does is haiku (TB7).",
  "In this snippet what does `@lru_cache(maxsize=1)` on `_jwks` do? just that line\n\n```python\n" + VERIFY_JWT_PY + "```")
R("sonnet", "debug", "web", "plain", None,
  "Stack trace points directly at audience validation; identifiable cause (TB2).",
  "Started getting 401s on every request after we moved the API behind the new gateway. Trace from the auth middleware:\n\n```\n" + STACK_JWT + "```\nsettings.JWT_AUDIENCE is `ledgerly-api`. The gateway now mints tokens itself. What's going on and how do I fix it without just turning off aud verification?")
R("haiku", "explain", "security", "terse", "hard-words-easy",
  "Explaining a common error message in a sentence.",
  "jwt InvalidAudienceError meaning?")
R("sonnet", "implement", "web", "plain", None,
  "Adding CSRF protection to a form handler with a clear spec is everyday engineering.",
  "Add CSRF protection to this Flask form handler. Spec: use Flask-WTF's CSRFProtect app-wide, add the hidden token field to templates/settings/email.html, return 400 with a flash message on a bad token, and keep the GET path unchanged. Show the diff for the handler, the app factory and the template.\n\n```python\n" + FORM_HANDLER_PY + "```")
R("sonnet", "test", "security", "plain", None,
  "Writing tests for existing permission checks is sonnet.",
  "Write pytest tests for these permission checks. Cover cross-tenant access, locked docs, owners editing their own docs, and the role-change escalation rules. Use simple dataclass fakes for user and doc, no DB.\n\n```python\n" + PERMS_PY + "```")
R("opus", "review", "security", "plain", "easy-words-hard",
  "Plain ask but it is an authorization-logic audit for privilege escalation paths: security review.",
  "Can a regular editor ever end up with more power than they should with these rules? Walk through every path.\n\n```python\n" + PERMS_PY + "```")
R("haiku", "edit", "security", "terse", None,
  "Mechanical edit: add a docstring.",
  "add a docstring to can_change_role explaining the rules, nothing else\n\n```python\n" + PERMS_PY + "```")
R("opus", "review", "web", "plain", None,
  "CORS origin callback with suffix matching and reflection: security review with subtle bypasses.",
  "Our CORS setup, does this look fine? Want to ship it today.\n\n```js\n" + CORS_EXPRESS + "```")
R("haiku", "question", "web", "typos", "hard-words-easy",
  "Single well-known header fact.",
  "whats the header name for cors preflight max age, i keep forgeting")
R("haiku", "question", "web", "plain", None,
  "Short conceptual answer.",
  "Why can't you use Access-Control-Allow-Origin: * together with credentials?")
R("sonnet", "debug", "web", "verbose", None,
  "CORS failure with an identifiable cause from the described behaviour; an everyday debug.",
  "We have a React app on app.ledgerly.io calling api.ledgerly.io with fetch(..., {credentials: 'include'}). GET requests work, but any PUT fails in Chrome with 'Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.' The Express server uses the cors middleware with the origin callback below. The OPTIONS request shows up in our nginx access log with a 405. I suspect nginx is eating the OPTIONS before Express sees it but I'm not sure where to look. Here's the app:\n\n```js\n" + CORS_EXPRESS + "```\n\nand the relevant nginx location block just has `limit_except GET POST { deny all; }`. What's the fix?")
R("haiku", "question", "infrastructure", "terse", None,
  "Find one setting in a config.",
  "which protocols does this nginx allow\n\n```\n" + NGINX_TLS + "```")
R("sonnet", "edit", "infrastructure", "plain", None,
  "Hardening an nginx TLS block to a named profile is a known, several-line change.",
  "Update this nginx server block to the Mozilla 'intermediate' TLS profile: drop TLS 1.0/1.1, set the recommended cipher list, turn off session tickets, add OCSP stapling, and make HSTS one year with includeSubDomains. Keep everything else as is.\n\n```\n" + NGINX_TLS + "```")
R("opus", "review", "security", "plain", None,
  "Reviewing a bucket policy for exposure: IAM security review, subtle mistakes are vulnerabilities.",
  "Security review this bucket policy please. Partners upload files through the partner-uploads prefix.\n\n```json\n" + S3_BUCKET_POLICY + "```")
R("haiku", "question", "security", "plain", "hard-words-easy",
  "Reading one statement's Sid from a policy is a lookup.",
  "In this bucket policy, what's the Sid of the statement that enforces HTTPS?\n\n```json\n" + S3_BUCKET_POLICY + "```")
R("opus", "review", "security", "terse", None,
  "Crypto code review (static IV, unauthenticated CBC, padding oracle): cryptography is opus.",
  "anything wrong w this? used for encrypting SSNs at rest\n\n```python\n" + ENCRYPT_PY + "```")
R("sonnet", "refactor", "security", "plain", None,
  "Replacing a hand-rolled scheme with a library's AEAD API with a known target is a careful but standard change; crypto choice is given.",
  "We've already decided to replace this with Fernet from the same cryptography package (key from FIELD_KEY as a urlsafe base64 32-byte key). Rewrite encrypt_field/decrypt_field to use Fernet and add a decrypt_legacy() that still reads the old CBC format so we can migrate rows.\n\n```python\n" + ENCRYPT_PY + "```")
R("opus", "review", "web", "plain", None,
  "OAuth callback handler review: open redirect, unverified id_token, account linking by email; protocol security review.",
  "Review our Google login callback. It works, but our pentest is next month and I want to get ahead of it.\n\n```ts\n" + OAUTH_CALLBACK_TS + "```")
R("haiku", "question", "web", "terse", "hard-words-easy",
  "One-line fact about an OAuth parameter.",
  "what is the state param for in oauth")
R("haiku", "question", "security", "plain", None,
  "Short well-known fact.",
  "What's the default port for LDAPS?")
R("opus", "review", "security", "plain", "easy-words-hard",
  "Plain words but it is a security review of a password reset flow (enumeration, weak token RNG, no invalidation, null deref).",
  "Could you look over our forgot-password code and tell me if there's anything we should change?\n\n```python\n" + PW_RESET_PY + "```")
R("haiku", "edit", "security", "plain", None,
  "Mechanical edit: change one constant.",
  "Change the reset expiry in request_reset from 24 hours to 30 minutes. Only that.\n\n```python\n" + PW_RESET_PY + "```")
R("sonnet", "debug", "security", "plain", None,
  "Crash with an obvious cause (user may be None) in a short function.",
  "do_reset throws AttributeError: 'NoneType' object has no attribute 'reset_token' when someone types a wrong email. fix it so it returns the same 400 as a bad token\n\n```python\n" + PW_RESET_PY + "```")
R("opus", "review", "infrastructure", "plain", None,
  "Terraform security group change with an internet-open DB: security review with judgement on exposure.",
  "Can you do a security review of this terraform before I approve the PR?\n\n```hcl\n" + TF_SG + "```")
R("haiku", "edit", "infrastructure", "terse", None,
  "Delete one block: mechanical.",
  "remove the temp 0.0.0.0/0 ingress from this, keep the rest\n\n```hcl\n" + TF_SG + "```")
R("sonnet", "review", "web", "plain", None,
  "Reviewing a login handler for correctness and style (not asked as a security audit) is sonnet; TB1 keeps it at least sonnet.",
  "Code review please, mostly Go style and error handling. It's our login handler.\n\n```go\n" + LOGIN_HANDLER_GO + "```")
R("opus", "review", "web", "plain", None,
  "Same handler, security review: timing-based user enumeration, session fixation, rate limiting; opus by TB10.",
  "Same login handler as before, but this time I want a security review: user enumeration, brute force, session handling, anything an attacker would go for.\n\n```go\n" + LOGIN_HANDLER_GO + "```")
R("haiku", "question", "web", "plain", "hard-words-easy",
  "Reading one field off a cookie struct.",
  "In this Go handler, how long does the session cookie last?\n\n```go\n" + LOGIN_HANDLER_GO + "```")
R("sonnet", "implement", "web", "plain", None,
  "Adding rate limiting with a clear spec to a handler.",
  "Add per-IP and per-email login rate limiting to this handler: 10 attempts per 15 min per email, 50 per 15 min per IP, using our existing redis client h.redis (go-redis v9). Return 429 with Retry-After. Keep the 401 message identical.\n\n```go\n" + LOGIN_HANDLER_GO + "```")
R("haiku", "question", "security", "plain", "hard-words-easy",
  "Decoding a JWT payload is mechanical.",
  "Decode the payload of this token and tell me when it expires (UTC):\n\n" + JWT_SAMPLE)
R("opus", "design", "security", "terse", "short-hard",
  "Short but open protocol design with high stakes.",
  "design refresh token rotation with reuse detection")
R("haiku", "question", "security", "terse", None,
  "Well-known fact.",
  "is HS256 symmetric")
R("opus", "question", "security", "plain", "easy-words-hard",
  "Plain question whose answer needs reasoning about key management, revocation and threat model.",
  "Should our microservices validate user tokens themselves or call the auth service each time?")
R("sonnet", "implement", "security", "plain", None,
  "Integrating a JWKS-caching verifier with a clear spec.",
  "Write a FastAPI dependency that verifies RS256 access tokens against our JWKS at https://auth.ledgerly.io/.well-known/jwks.json using PyJWT's PyJWKClient, checks iss=https://auth.ledgerly.io/ and aud=ledgerly-api, and returns the claims. 401 on any failure with a WWW-Authenticate: Bearer header.")
R("haiku", "question", "security", "terse", None,
  "Short factual.",
  "what is a JWKS")
R("haiku", "docs", "security", "plain", None,
  "Short text task: a changelog line.",
  "Write a one-line changelog entry: we bumped jsonwebtoken from 8.5.1 to 9.0.2 to fix CVE-2022-23529.")
R("sonnet", "ops", "security", "plain", None,
  "Upgrading a library across a major version with known breaking changes is everyday multi-step work.",
  "We're bumping jsonwebtoken 8 -> 9 in our Node API. What breaks? We call jwt.verify with a callback in ~15 places and sometimes pass a key that's a plain string for RS256 public keys. Give me the changes I need to make.")
R("opus", "plan", "security", "plain", "easy-words-hard",
  "Plain ask for an org-wide remediation plan across many services: large plan with prioritisation.",
  "We have about 40 services and the scanners found hundreds of vulnerable dependencies. How should we go about getting this under control?")
R("haiku", "question", "security", "terse", None,
  "Acronym expansion.",
  "CVSS = ?")
R("haiku", "question", "security", "plain", "hard-words-easy",
  "Interpreting a CVSS vector string component is a lookup.",
  "In CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H what does AV:N mean?")
R("opus", "question", "security", "plain", None,
  "Exploitability judgement of a CVE in a specific deployment context is a threat-model question.",
  "Trivy says we're hit by CVE-2023-44487 (HTTP/2 rapid reset) in golang.org/x/net v0.17.0 for our internal gRPC service. It's only reachable from inside the VPC behind an Envoy mesh that terminates HTTP/2. Are we actually exploitable and how urgent is this relative to the other 30 HIGHs?")
R("sonnet", "ops", "security", "terse", None,
  "Known upgrade fix for a specific CVE in a go module.",
  "bump golang.org/x/net to fix CVE-2023-44487 in our go service, what cmds + what to check after")
R("haiku", "question", "security", "terse", None,
  "Well-known fact.",
  "what does HttpOnly do on a cookie")
R("haiku", "question", "web", "typos", None,
  "Well-known fact with typos; TB9.",
  "samesite lax vs strict whats the diffrence")
R("sonnet", "explain", "web", "plain", None,
  "Subtle behaviour (SameSite=Lax and top-level POST from IdP) needs a careful explanation: TB7 sonnet.",
  "After we set SameSite=Lax on our session cookie, SAML login from Okta broke: the POST to /saml/acs arrives without our pre-login cookie and we lose the RelayState mapping. Why does Lax cause that, exactly, and what are our options?")
R("opus", "design", "web", "plain", "easy-words-hard",
  "Plain wording but it is an auth architecture choice with security trade-offs.",
  "We're building a new SPA. Should it keep tokens in the browser or should we put a backend in front that keeps them server-side? Need a decision we won't regret.")
R("haiku", "question", "web", "terse", None,
  "Short fact.",
  "what is PKCE")
R("sonnet", "implement", "web", "plain", None,
  "Implementing PKCE in a client with a clear spec.",
  "Add PKCE (S256) to our OAuth authorize redirect in this TypeScript client: generate a 64-char verifier with crypto.getRandomValues, store it in sessionStorage under pkce_verifier, send code_challenge and code_challenge_method, and include code_verifier in the token exchange. Existing code calls buildAuthorizeUrl() and exchangeCode(code).")
R("haiku", "question", "security", "plain", None,
  "Short conceptual answer.",
  "What's the difference between an ID token and an access token in OIDC?")
R("opus", "review", "security", "plain", None,
  "Reviewing a SAML assertion for what the SP must validate: protocol-level security review.",
  "Here's a SAML response from Entra ID that our SP accepts. Our library is a homegrown wrapper over xmlsec. What exactly must our SP validate in this document to be safe against signature wrapping and replay, and is anything here suspicious?\n\n```xml\n" + saml_response() + "\n```")
R("haiku", "question", "security", "plain", "hard-words-easy",
  "Finding one element value in pasted XML.",
  "What's the NameID in this SAML response?\n\n```xml\n" + saml_response() + "\n```")
R("haiku", "question", "security", "terse", "hard-words-easy",
  "Reading two attribute values.",
  "when does this assertion expire (NotOnOrAfter on Conditions)\n\n```xml\n" + saml_response() + "\n```")
R("sonnet", "debug", "security", "plain", None,
  "SAML failure with a clear lead (clock skew on NotBefore) is an identifiable-cause debug.",
  "Our SP rejects this SAML response with 'Assertion is not yet valid (NotBefore)'. Server logs say the request hit us at 2024-12-04T09:07:41Z. What's wrong and what's a sane fix?\n\n```xml\n" + saml_response() + "\n```")
# ---------------------------------------------------------------- batch 2: long pastes
_AUTHLOG = auth_log(420, 101)
_TRIVY = trivy_report(320, 102)
_NPM = npm_audit(110, 103)
_ACCESS = access_log(520, 104)
_IAM = iam_policy_big(140, 105)
_ROPA = gdpr_ropa_csv(220, 106)
_SECRETS = secret_scan_report(75, 107)
_FLASK = big_flask_app(108)
_RBAC = k8s_rbac_dump(110, 109)

R("haiku", "question", "security", "terse", "long-trivial",
  "Counting one event type in a long log is mechanical; TB5.",
  "how many LOGIN_FAILURE lines with reason=account_locked in this?\n\n```\n" + _AUTHLOG + "\n```")
R("opus", "debug", "security", "plain", None,
  "Hunting for credential stuffing or token theft patterns across a long auth log with no clear lead is an investigation needing a theory.",
  "Our SOC flagged 'unusual auth activity' for yesterday afternoon but gave no details. Here's the auth-svc log for the window. Can you figure out whether something bad happened — credential stuffing, a stolen refresh token being replayed, anything — and what we should check next?\n\n```\n" + _AUTHLOG + "\n```")
R("haiku", "ops", "security", "plain", "long-trivial",
  "Extracting rows by one value from a long table: checkable at a glance (TB5).",
  "From this trivy output, list only the CRITICAL rows. No commentary.\n\n```\n" + _TRIVY + "\n```")
R("opus", "plan", "security", "plain", None,
  "Prioritising hundreds of findings by real exploitability and building a remediation plan is judgement-heavy.",
  "This is the trivy scan of our main API image. We have two engineers for a week. Build me a prioritised remediation plan — what actually matters for an internet-facing Go API on Debian, what can be accepted with justification for our SOC 2 auditor, and what's noise.\n\n```\n" + _TRIVY + "\n```")
R("haiku", "question", "tooling", "terse", "long-trivial",
  "Finding which packages have --force fixes is a scan of the paste.",
  "which of these need npm audit fix --force\n\n```\n" + _NPM + "\n```")
R("sonnet", "ops", "tooling", "plain", None,
  "Working through an npm audit with overrides and upgrades is everyday multi-step dependency work.",
  "Go through this npm audit output and give me the package.json changes (direct bumps plus `overrides` for the transitive ones) that clear the high and critical items without a --force major upgrade of webpack-dev-server or jest. Flag anything that can't be fixed that way.\n\n```\n" + _NPM + "\n```")
R("haiku", "question", "web", "plain", "long-trivial",
  "Extracting distinct IPs for one user agent is a mechanical filter on a long paste.",
  "List the distinct client IPs that used the sqlmap user agent in this access log.\n\n```\n" + _ACCESS + "\n```")
R("opus", "debug", "web", "verbose", None,
  "Reconstructing an attack timeline and impact from a long access log with no clear lead is investigative.",
  "We got an alert from our WAF vendor that someone might have been probing us around 14:00 UTC today. I've pulled the raw nginx access log for that window. I need to understand: was this just scanners, or did anybody actually get something — data from the export endpoint, a token, an admin page? Please reconstruct what happened per source IP, point out anything that looks like a successful request that shouldn't have been, and tell me what logs I should pull next to confirm or rule things out. I need to write this up for our incident channel.\n\n```\n" + _ACCESS + "\n```")
R("haiku", "question", "security", "plain", "long-trivial",
  "Finding statements with a wildcard action in a long policy is a lookup (TB5).",
  "Which Sids in this policy use a service-wide wildcard action like `s3:*`? Just the list.\n\n```json\n" + _IAM + "\n```")
R("opus", "review", "security", "plain", None,
  "Least-privilege review of a large IAM policy including privilege escalation via iam:PassRole/CreateAccessKey: security review.",
  "This is the policy attached to our ECS task role for the billing service. Do a least-privilege review: what could someone with RCE in that container do, which statements enable privilege escalation, and what should the policy look like instead?\n\n```json\n" + _IAM + "\n```")
R("sonnet", "refactor", "security", "plain", None,
  "Rewriting a long policy into grouped form is many careful steps but no design: TB5 rewrite is sonnet.",
  "Rewrite this IAM policy so statements are grouped by service (one statement per service+resource, merged action lists, sorted), keeping exactly the same effective permissions including the Deny statements and conditions. Output the new JSON only.\n\n```json\n" + _IAM + "\n```")
R("haiku", "question", "general", "plain", "long-trivial",
  "Counting rows matching a value in a CSV is mechanical.",
  "How many processing activities in this record of processing have transfer_outside_eea not equal to 'no'?\n\n```csv\n" + _ROPA + "\n```")
R("opus", "review", "general", "verbose", None,
  "GDPR compliance assessment of a whole RoPA (lawful bases, special categories, transfers, retention) requires judgement with high stakes.",
  "Our DPO left and I've inherited the record of processing activities. Before our external audit I want a real assessment: which rows have an inappropriate lawful basis (e.g. consent where it can't be freely given, legitimate interest for special category data), which have retention periods we can't justify, which transfers need a TIA, and where Art. 9 applies. Please be specific per row id and explain the reasoning, I'll have to defend it.\n\n```csv\n" + _ROPA + "\n```")
R("haiku", "question", "security", "terse", "long-trivial",
  "Listing unique file paths from a report is mechanical.",
  "unique files with findings in this gitleaks report pls\n\n```\n" + _SECRETS + "\n```")
R("sonnet", "ops", "security", "plain", None,
  "Triage of secret-scan findings into a rotation checklist is multi-step everyday work with a clear procedure.",
  "gitleaks found these in our monorepo history. Turn it into a rotation checklist: group by secret type, say which system to rotate in, which are probably test fixtures (judge from path), and give the .gitleaksignore entries for the fixture ones.\n\n```\n" + _SECRETS + "\n```")
R("opus", "review", "web", "plain", None,
  "Multi-tenant API security review across a whole module: IDOR, path traversal, SSRF, api key in query: opus.",
  "Full security review of our tenant admin API module please. Focus on tenant isolation — we're onboarding a bank next quarter.\n\n```python\n" + _FLASK + "\n```")
R("haiku", "question", "web", "plain", "long-trivial",
  "Listing route paths from a long module is mechanical.",
  "List every DELETE route path in this file, one per line.\n\n```python\n" + _FLASK + "\n```")
R("sonnet", "refactor", "web", "plain", None,
  "Applying a known pattern to every handler in a long module is careful multi-step work (TB5 rewrite is sonnet).",
  "In this module, every GET-by-id handler forgets to filter on tenant_id. Fix all of them so the query includes `AND tenant_id = :tid` with the path tenant_id, and also make require_role check that g.user['tenant_id'] == the tenant_id path arg. Give me the full updated file.\n\n```python\n" + _FLASK + "\n```")
R("haiku", "question", "infrastructure", "terse", "long-trivial",
  "Finding which roles grant one verb on one resource is a lookup.",
  "which of these roles allow pods/exec\n\n```yaml\n" + _RBAC + "\n```")
R("opus", "review", "infrastructure", "plain", None,
  "Kubernetes RBAC privilege-escalation review across many roles: security review.",
  "Review this RBAC dump from our cluster for privilege escalation paths (secrets read, pods/exec, token creation, role binding edits, wildcards). Which service accounts could become cluster-admin and how?\n\n```yaml\n" + _RBAC + "\n```")
# ---------------------------------------------------------------- batch 3: sonnet-heavy everyday work, follow-ups
R("sonnet", "implement", "web", "plain", None,
  "Endpoint with a clear spec.",
  "Implement POST /api/v2/sessions/revoke-all in our Express app: requires a valid session, deletes every session row for req.user.id except the current one (sessions table: id, user_id, created_at, last_seen_at), writes an audit event 'sessions.revoked_all', returns 204. Use the existing knex instance `db`.")
R("sonnet", "test", "web", "plain", None,
  "Writing tests for an existing handler.",
  "Write table-driven Go tests for this Login handler using httptest and fakes for h.users and h.sessions: good credentials set the cookie with the right flags, wrong password and unknown email both give 401 with the same body, malformed JSON gives 400, session store failure gives 500.\n\n```go\n" + LOGIN_HANDLER_GO + "```")
R("sonnet", "test", "web", "follow-up", None,
  "TB8: 'add tests for that too' is sonnet.",
  "nice. add tests for the rate limiting part too")
R("sonnet", "implement", "security", "follow-up", None,
  "TB8: 'now do the same for X' points at a known sonnet-sized change.",
  "now do the same CSRF setup for the /settings/password and /settings/2fa forms")
R("sonnet", "debug", "web", "follow-up", None,
  "TB8: 'that didn't work' with no detail is unknown work, sonnet.",
  "that didnt work, still getting the preflight error")
R("sonnet", "implement", "security", "follow-up", None,
  "TB8: 'ok continue' only points back: sonnet.",
  "ok continue")
R("haiku", "edit", "security", "follow-up", None,
  "TB8: 'rename it back' is mechanical.",
  "actually rename verify_access_token back to verify_token, that's what the other services import")
R("haiku", "docs", "security", "follow-up", None,
  "TB8: adding a docstring is haiku.",
  "also add a docstring to the new dependency saying which claims it checks")
R("opus", "design", "security", "follow-up", None,
  "TB8: the follow-up words ask for harder work: making the scheme resistant to replay across regions is distributed design.",
  "ok that works for one region. now make the refresh-token reuse detection work when the token store is replicated across eu and us with async replication")
R("sonnet", "implement", "security", "plain", None,
  "Integrating TOTP with a known library and clear spec.",
  "Add TOTP 2FA enrolment to our Django app using pyotp: endpoint to generate a secret and return an otpauth:// URI plus a QR PNG (qrcode lib), endpoint to confirm with a 6-digit code (valid_window=1), store the secret encrypted with our existing `fernet` helper in the UserProfile.totp_secret field. Include the migration.")
R("sonnet", "implement", "security", "plain", None,
  "Clear-spec feature: recovery codes.",
  "Generate 10 single-use recovery codes for 2FA: format xxxx-xxxx from a base32 alphabet without ambiguous chars, store only argon2id hashes (argon2-cffi), verify-and-consume in one DB transaction so a code can't be used twice. Django ORM, Postgres.")
R("opus", "review", "security", "terse", "short-hard",
  "Few words, but a race/TOCTOU analysis of one-time codes with concurrency is opus.",
  "can two parallel requests both consume the same recovery code in that code?")
R("sonnet", "implement", "web", "plain", None,
  "Writing a CSP with a clear list of sources is everyday work.",
  "Write a Content-Security-Policy for our Next.js app: scripts only from self plus a per-request nonce, Stripe.js and Segment (cdn.segment.com), styles self and inline (we use styled-jsx), images self, data: and our CDN cdn.ledgerly.io, connect to api.ledgerly.io and api.segment.io, no framing. Show the middleware.ts that sets it with a fresh nonce.")
R("haiku", "question", "web", "terse", None,
  "Short fact.",
  "what does frame-ancestors 'none' do")
R("haiku", "edit", "web", "plain", "hard-words-easy",
  "Adding one source to a CSP directive is a mechanical edit.",
  "Add https://js.intercomcdn.com to script-src in this header, nothing else:\n\ncontent-security-policy: default-src 'self'; script-src 'self' 'nonce-r4nd0mN0nc3' https://js.stripe.com; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'")
R("opus", "review", "web", "plain", "easy-words-hard",
  "Judging whether a CSP actually prevents XSS (bypasses via allowed hosts, JSONP, base-uri) is security analysis.",
  "Would this CSP actually stop XSS on our site or is it just for show?\n\ncontent-security-policy: default-src 'self'; script-src 'self' 'unsafe-eval' https://*.googleapis.com https://cdnjs.cloudflare.com https://www.google-analytics.com; object-src 'none'; style-src 'self' 'unsafe-inline'")
R("sonnet", "debug", "web", "plain", None,
  "Browser console CSP violation with an identifiable cause.",
  "After adding the CSP, Chrome console says: Refused to execute inline script because it violates the following Content Security Policy directive: \"script-src 'self' 'nonce-abc123'\". Either the 'unsafe-inline' keyword, a hash ('sha256-Xk1c9...'), or a nonce is required. It's the Google Tag Manager snippet in _document.tsx. How do I wire the nonce into it with Next 14 pages router?")
R("haiku", "question", "security", "plain", None,
  "Short well-known fact.",
  "What does the `kid` header in a JWT stand for?")
R("haiku", "question", "security", "terse", "hard-words-easy",
  "Command one-liner.",
  "openssl cmd to show a cert's expiry date from a pem file")
R("haiku", "question", "security", "terse", None,
  "One-liner.",
  "openssl: generate a 32 byte random hex string")
R("haiku", "question", "security", "plain", "hard-words-easy",
  "A shell one-liner.",
  "How do I check which TLS versions a server supports with openssl s_client, just for TLS 1.1?")
R("haiku", "question", "security", "plain", None,
  "Reading the output of a scan for one host.",
  "From this testssl summary, which hosts still offer TLS 1.0?\n\n```\n" + tls_scan(110) + "```")
R("sonnet", "plan", "security", "plain", None,
  "Remediation steps for known TLS config issues across a handful of hosts: known fixes, several steps.",
  "Using this scan, write me a remediation ticket per host (what to change, where — nginx/ALB/postfix — and how to verify after). We're on AWS ALBs for api/auth/partners and self-hosted nginx for the rest.\n\n```\n" + tls_scan(111) + "```")
R("haiku", "question", "security", "typos", "hard-words-easy",
  "Short fact despite scary terms.",
  "whats SWEET32 , is it bad? one sentance pls")
R("sonnet", "implement", "infrastructure", "plain", None,
  "Clear-spec terraform for a WAF rule set.",
  "Write terraform for an aws_wafv2_web_acl attached to our ALB: AWS managed common rule set and known bad inputs, a rate-based rule of 2000 req/5min per IP on /login and /oauth/token, and a geo block for KP and IR. Default allow. Log to the existing kinesis firehose aws_kinesis_firehose_delivery_stream.waf.")
R("sonnet", "ops", "infrastructure", "plain", None,
  "CI config work: adding security scans to a pipeline.",
  "Add a GitHub Actions job that runs trivy on our built image and fails the PR on CRITICAL vulns with a fix available (ignore-unfixed), uploads SARIF to code scanning, and caches the trivy DB. Our build job already pushes ghcr.io/ledgerly/api:${{ github.sha }}.")
R("sonnet", "ops", "tooling", "terse", None,
  "CI configuration.",
  "gh actions: run gitleaks on PRs only on the diff not full history, fail on findings")
R("haiku", "question", "tooling", "plain", None,
  "Short config fact.",
  "In dependabot.yml, what's the key to group all minor and patch updates into one PR?")
R("sonnet", "implement", "security", "plain", None,
  "Clear-spec implementation of webhook signature verification.",
  "Implement Stripe-style webhook signature verification in Node without the SDK: header `Ledgerly-Signature: t=<ts>,v1=<hex>`, HMAC-SHA256 over `${t}.${rawBody}` with the endpoint secret, constant-time compare, reject if |now - t| > 300s, support multiple v1 values during secret rotation. Express with express.raw for that route.")
R("haiku", "question", "security", "plain", None,
  "Short fact.",
  "Why should webhook signatures be compared with a constant-time function?")
R("opus", "design", "security", "plain", "easy-words-hard",
  "Plain words; designing secure outbound webhooks (SSRF, signing, key rotation, retries) is open design with security stakes.",
  "We want to let customers register webhook URLs and we'll POST events to them. What do we need to think about and how should we build it?")
R("opus", "design", "security", "terse", "short-hard",
  "Short but hard: SSRF-safe outbound fetching including DNS rebinding.",
  "ssrf-proof url fetcher incl dns rebinding, how")
R("sonnet", "implement", "security", "plain", None,
  "Clear-spec secrets integration.",
  "Switch our Spring Boot service from reading DB creds in application.yml to AWS Secrets Manager using spring-cloud-aws 3.x: secret prod/db with keys username/password, region eu-central-1, refresh on restart only. Show the dependency, config and what to delete.")
R("sonnet", "ops", "infrastructure", "plain", None,
  "Known multi-step setup: Vault agent injector annotations.",
  "Give me the pod annotations for the Vault agent injector to render secret kv/data/billing/stripe into /vault/secrets/stripe.env as KEY=value lines, role billing-api, and have the app source it. Our Vault k8s auth is already configured.")
R("opus", "design", "infrastructure", "plain", None,
  "Secrets management architecture with rotation across many services: design with trade-offs.",
  "We have secrets in env vars, a few in SSM, some in a shared 1Password vault, and CI has long-lived AWS keys. Propose a target secrets architecture and a migration order for ~25 services on EKS plus GitHub Actions, including rotation and break-glass.")
R("sonnet", "ops", "infrastructure", "plain", None,
  "Known multi-step setup: GitHub OIDC to AWS.",
  "Replace the AWS_ACCESS_KEY_ID/SECRET in our deploy workflow with GitHub OIDC. Give me the IAM OIDC provider + role trust policy in terraform restricted to repo ledgerly/api on the main branch, and the workflow changes (aws-actions/configure-aws-credentials v4).")
R("opus", "review", "infrastructure", "plain", None,
  "Reviewing an OIDC trust policy for over-broad subjects is a security review.",
  "Is this trust policy for GitHub Actions too permissive?\n\n```json\n{\n  \"Effect\": \"Allow\",\n  \"Principal\": {\"Federated\": \"arn:aws:iam::481516234200:oidc-provider/token.actions.githubusercontent.com\"},\n  \"Action\": \"sts:AssumeRoleWithWebIdentity\",\n  \"Condition\": {\n    \"StringLike\": {\"token.actions.githubusercontent.com:sub\": \"repo:ledgerly/*\"},\n    \"StringEquals\": {\"token.actions.githubusercontent.com:aud\": \"sts.amazonaws.com\"}\n  }\n}\n```\nThe role has AdministratorAccess because terraform needs it.")
R("haiku", "question", "infrastructure", "terse", None,
  "Short fact.",
  "what's the sub claim format for github actions oidc on a tag")
R("sonnet", "explain", "security", "plain", None,
  "Explaining a medium-sized piece of code (module) is sonnet.",
  "Explain what this tenant admin API's load_user and require_role do together, step by step, and how a request gets authenticated by API key vs session.\n\n```python\n" + "\n".join(_FLASK.splitlines()[:34]) + "\n```")
R("haiku", "explain", "security", "plain", None,
  "Explaining a few lines in a sentence or two (TB7).",
  "What does this line do?\n\n`hashlib.sha256(tok.encode()).hexdigest()`")
R("sonnet", "explain", "security", "plain", None,
  "Why subtle: hashing API keys with unsalted SHA-256 vs passwords with bcrypt; reasoned explanation.",
  "Our API keys are stored as plain sha256 hashes but passwords use bcrypt. A reviewer said that's fine for API keys. Why would unsalted fast hashing be okay for random keys but not passwords?")
R("haiku", "question", "security", "terse", None,
  "Short fact.",
  "argon2id recommended params?")
R("sonnet", "implement", "security", "plain", None,
  "Transparent password hash migration with clear spec.",
  "We store passwords as bcrypt(cost 10). Move to argon2id (argon2-cffi defaults) transparently: on successful login with a bcrypt hash, rehash with argon2 and save. verify() must handle both prefixes. Also rehash argon2 hashes when check_needs_rehash says so. Python, SQLAlchemy User model with password_hash column.")
R("opus", "design", "security", "plain", None,
  "Cryptographic design: envelope encryption with key rotation and per-tenant keys.",
  "Design per-tenant encryption at rest for customer documents in S3 and a few sensitive Postgres columns: KMS envelope encryption, key hierarchy, rotation without re-encrypting everything at once, crypto-shredding on tenant deletion for GDPR, and how the app caches data keys safely.")
R("opus", "question", "security", "terse", "short-hard",
  "Short but cryptographic reasoning about nonce reuse with AES-GCM.",
  "random 96-bit nonces with aes-gcm, how many encryptions per key before trouble")
R("haiku", "question", "security", "plain", None,
  "Short well-known fact.",
  "What's the difference between encoding, encryption and hashing? Short answer please, it's for a junior.")
R("haiku", "question", "security", "typos", None,
  "Simple fact; typos don't change tier.",
  "is base64 encription? my manger thinks our tokens are encrypted becuase they look random")
R("sonnet", "debug", "security", "plain", None,
  "Clear error with identifiable cause in crypto library usage.",
  "cryptography raises `ValueError: Invalid key size (192) for AES` when I pass the key from KMS GenerateDataKey with KeySpec AES_256. I'm doing `AESGCM(base64.b64encode(resp['Plaintext']))`. What's wrong?")
R("haiku", "question", "security", "terse", "hard-words-easy",
  "Simple fact.",
  "what is a nonce")
# ---------------------------------------------------------------- batch 4: German and Polish
R("haiku", "question", "security", "other-language", "hard-words-easy",
  "TB9: a short fact in German.",
  "Wofür steht eigentlich die Abkürzung OIDC?", language="de")
R("haiku", "question", "web", "other-language", None,
  "Short conceptual fact, German.",
  "Was ist der Unterschied zwischen SameSite=Lax und SameSite=None? Kurz bitte.", language="de")
R("sonnet", "implement", "web", "other-language", None,
  "Clear-spec feature in German.",
  "Bitte füge unserem Express-Backend eine Middleware hinzu, die bei allen POST/PUT/DELETE-Requests den Header X-CSRF-Token gegen das Cookie csrf_token prüft (Double-Submit-Cookie). Bei Fehler 403 mit JSON {\"error\":\"csrf\"}. GET und /webhooks/* sind ausgenommen.", language="de")
R("opus", "review", "security", "other-language", None,
  "German request for a security review of crypto code: opus.",
  "Kannst du diesen Code auf Sicherheitsprobleme prüfen? Wir verschlüsseln damit Steuer-IDs in der Datenbank.\n\n```python\n" + ENCRYPT_PY + "```", language="de")
R("opus", "design", "security", "other-language", "easy-words-hard",
  "Plain German words, but an open design for deletion across systems under GDPR.",
  "Wie setzen wir das Recht auf Löschung (Art. 17 DSGVO) sauber um, wenn die Daten in Postgres, S3, Elasticsearch, in Backups und bei drei Auftragsverarbeitern liegen?", language="de")
R("haiku", "question", "general", "other-language", None,
  "Short factual compliance question in German.",
  "Innerhalb welcher Frist muss eine Datenschutzverletzung nach DSGVO an die Aufsichtsbehörde gemeldet werden?", language="de")
R("sonnet", "debug", "web", "other-language", None,
  "Identifiable cause from the error (redirect_uri mismatch), German.",
  "Beim Login über Keycloak bekommen wir 'Invalid parameter: redirect_uri'. Im Client ist https://app.example.de/callback eingetragen, die App schickt https://app.example.de/callback/ mit Slash am Ende. Was genau müssen wir ändern, und sollten wir Wildcards erlauben?", language="de")
R("haiku", "edit", "web", "other-language", "hard-words-easy",
  "Mechanical edit in German.",
  "Setz bitte in diesem Cookie das Secure-Flag, sonst nichts ändern:\n\nSet-Cookie: session=9f8a7c; Path=/; HttpOnly; SameSite=Lax", language="de")
R("opus", "review", "web", "other-language", None,
  "Security review of an OAuth callback, German.",
  "Ist dieser OAuth-Callback sicher? Unser Pentest ist in zwei Wochen.\n\n```ts\n" + OAUTH_CALLBACK_TS + "```", language="de")
R("sonnet", "test", "security", "other-language", None,
  "Writing tests for existing code, German.",
  "Schreib bitte Unit-Tests (pytest) für diese Berechtigungsfunktionen, vor allem mandantenübergreifender Zugriff und Rollenwechsel.\n\n```python\n" + PERMS_PY + "```", language="de")
R("haiku", "question", "security", "other-language", "hard-words-easy",
  "Polish: acronym meaning.",
  "Co oznacza skrót CSRF i przed czym chroni? Jedno zdanie.", language="pl")
R("haiku", "question", "security", "other-language", None,
  "Polish: short fact.",
  "Jaka jest różnica między kluczem publicznym a prywatnym w RSA, w skrócie?", language="pl")
R("sonnet", "implement", "security", "other-language", None,
  "Polish: clear-spec endpoint.",
  "Dodaj do naszego API w FastAPI endpoint POST /api/keys, który generuje nowy klucz API (secrets.token_urlsafe(32)), zapisuje w bazie tylko jego hash SHA-256 razem z tenant_id i nazwą, a zwraca klucz w odpowiedzi tylko raz. Tylko rola admin może go wywołać.", language="pl")
R("opus", "design", "security", "other-language", "short-hard",
  "Polish, short but open design of multi-tenant authorization.",
  "jak zaprojektować autoryzację wielodostępną (multi-tenant) z rolami per tenant?", language="pl")
R("sonnet", "debug", "infrastructure", "other-language", None,
  "Polish: clear error with a known cause (cert chain missing intermediate).",
  "Klienci z Androida dostają 'SSLHandshakeException: Trust anchor for certification path not found', a przeglądarki działają. W nginx mamy ssl_certificate wskazujący na cert.pem zamiast fullchain.pem. Czy to przyczyna i co dokładnie zmienić?", language="pl")
R("opus", "review", "security", "other-language", None,
  "Polish: security review of a password reset flow.",
  "Zrób przegląd bezpieczeństwa tego resetu hasła. Czego brakuje?\n\n```python\n" + PW_RESET_PY + "```", language="pl")
R("haiku", "question", "general", "other-language", None,
  "Polish: short compliance fact.",
  "Co to jest SOC 2 Type II w porównaniu do Type I? Krótko.", language="pl")
R("sonnet", "ops", "infrastructure", "other-language", None,
  "Polish: CI configuration task.",
  "Potrzebuję joba w GitLab CI, który uruchamia semgrep z regułami p/owasp-top-ten na merge requestach i blokuje merge przy wynikach o severity ERROR. Raport ma trafić jako artefakt SAST.", language="pl")
R("opus", "plan", "general", "other-language", "easy-words-hard",
  "Polish, plain words: planning a SOC 2 readiness programme across the company is a large plan.",
  "Mamy 30 osób w firmie i klient wymaga SOC 2 za rok. Od czego zacząć i jak to rozplanować?", language="pl")
R("haiku", "edit", "security", "other-language", None,
  "Polish: mechanical JSON to YAML conversion.",
  "Przekonwertuj tę politykę na YAML:\n\n```json\n" + S3_BUCKET_POLICY + "\n```", language="pl")
R("sonnet", "explain", "security", "other-language", None,
  "German: explaining a medium function's behaviour.",
  "Erklär mir bitte Schritt für Schritt, was diese Funktion macht und warum sie den Key aus dem JWKS lädt:\n\n```python\n" + VERIFY_JWT_PY + "```", language="de")

# ---------------------------------------------------------------- batch 5: mixed voices
R("haiku", "question", "web", "non-native", None,
  "TB9: simple fact in non-native English.",
  "Please explain me what is meaning of 'Secure' flag in cookie, it is for https only?")
R("sonnet", "implement", "web", "non-native", None,
  "Clear-spec logout feature; non-native English.",
  "I need to make logout in our app also logout from Azure AD. Now we only delete our session cookie. Please write the code for Flask to redirect to the end_session_endpoint with id_token_hint and post_logout_redirect_uri, we have id_token saved in session['id_token'].")
R("opus", "debug", "web", "non-native", None,
  "Intermittent auth failures across components with no clear lead: opus (TB6).",
  "Sometimes users are logged out randomly, maybe 1 from 50 requests get 401, only in production with 6 pods. Tokens are valid, clock looks ok. Not reproduce in staging with 1 pod. We use JWKS cache and the keys rotate every day. I don't know where to search.")
R("sonnet", "debug", "web", "typos", None,
  "Identifiable cause: cookie domain mismatch; everyday debug.",
  "cookie gets set on login but browser never sends it back to api.ledgerly.io, set-cookie has Domain=app.ledgerly.io , the api is on a diffrent subdomain. how do i fix this w/o making it insecure")
R("haiku", "question", "web", "typos", "hard-words-easy",
  "A short fact.",
  "wat is the __Host- prefix on cookies for")
R("opus", "design", "web", "verbose", None,
  "Session architecture across web and mobile with revocation and device management: design with trade-offs.",
  "We currently have a Rails monolith with cookie sessions stored in Redis and are adding native iOS and Android apps plus a public API for partners. Product wants 'log out all devices', per-device session listing, and admins being able to kill a user's sessions instantly when an employee leaves. Security wants short-lived credentials. Mobile wants users to basically never have to log in again. I've been going back and forth between opaque tokens with introspection, JWTs with a short TTL plus refresh tokens, and keeping cookies for web only. Can you lay out a design that satisfies all of this and explain the trade-offs and failure modes?")
R("sonnet", "implement", "mobile", "plain", None,
  "Clear-spec mobile secure storage.",
  "In our React Native app, move the refresh token from AsyncStorage to the keychain/keystore using react-native-keychain, with accessible: WHEN_UNLOCKED_THIS_DEVICE_ONLY. Write the small tokenStore module (get/set/clear) and update the two call sites in authSlice.ts that read AsyncStorage.getItem('refresh_token').")
R("opus", "review", "mobile", "plain", "easy-words-hard",
  "Plain question but really a mobile auth threat model (cert pinning, token theft, jailbreak).",
  "Is it safe enough for our banking app to keep the user logged in with a refresh token that lasts 90 days?")
R("haiku", "question", "mobile", "terse", None,
  "Short fact.",
  "ios keychain vs userdefaults for tokens, which")
R("sonnet", "implement", "mobile", "plain", None,
  "Clear-spec implementation of certificate pinning with a library.",
  "Add certificate pinning to our Android app's OkHttp client for api.ledgerly.io with two SPKI pins (current and backup; I'll paste the hashes), and make it only apply in release builds. Kotlin.")
R("opus", "design", "mobile", "terse", "short-hard",
  "Short, hard: pin rotation strategy without bricking old app versions.",
  "cert pinning rotation plan that wont brick old app versions?")
R("haiku", "question", "security", "verbose", "hard-words-easy",
  "Verbose wrapper around a trivial fact.",
  "I'm writing an internal doc for our new hires about our security tooling, and I keep mixing these up so I want to get it right before I send it out to everyone. We use Semgrep, Trivy, Gitleaks and Dependabot. Could you tell me, for each, in one short line, whether it's SAST, SCA, secret scanning or container scanning? Thanks a lot.")
R("sonnet", "docs", "security", "plain", None,
  "Writing a runbook section with known steps is everyday docs work.",
  "Write a runbook section 'Rotating the JWT signing key' for our auth service: generate a new RSA 2048 key, add it to the JWKS as a second key, wait for caches (JWKS cache TTL is 10 minutes), switch the signer's kid, keep the old key in JWKS for the max access token lifetime (1h), then remove. Include verification steps and rollback.")
R("haiku", "docs", "security", "terse", None,
  "Short text: commit message.",
  "commit msg for: set SameSite=Strict on csrftoken cookie and add __Host- prefix to session cookie")
R("haiku", "docs", "security", "plain", None,
  "Short text summary.",
  "Summarize CVE-2022-23529 in jsonwebtoken in two sentences for a Slack message to the team.")
R("sonnet", "docs", "general", "plain", None,
  "Drafting a policy document from given requirements is a several-step writing task.",
  "Draft an 'Access Control Policy' for our SOC 2 audit: joiner/mover/leaver process, quarterly access reviews, MFA everywhere, least privilege for production, break-glass accounts logged and reviewed. About a page, plain language, with owner and review cadence at the top.")
R("haiku", "question", "general", "plain", None,
  "Short fact about compliance.",
  "What are the five SOC 2 trust service criteria?")
R("opus", "plan", "general", "plain", "easy-words-hard",
  "Plain words but planning control design for a SOC 2 audit across engineering is a big cross-cutting plan.",
  "Our auditor asked how we make sure nobody can push code to production without review. Right now anyone with admin on GitHub can. What should we change?")
R("sonnet", "ops", "tooling", "plain", None,
  "Known configuration: branch protection via terraform.",
  "Write the terraform (integrations/github provider) for branch protection on main in ledgerly/api: require 1 approving review from CODEOWNERS, dismiss stale reviews, require status checks 'build' and 'trivy', include administrators, no force pushes.")
R("haiku", "question", "general", "terse", None,
  "Short fact.",
  "gdpr: is an IP address personal data")
R("sonnet", "implement", "data", "plain", None,
  "Clear-spec data task: pseudonymising columns in an export.",
  "Write a Python script that pseudonymises our analytics export before it goes to the data vendor: replace email and user_id with HMAC-SHA256(key, value) hex, truncate IPv4 to /24 and IPv6 to /48, drop the phone column, stream the CSV so it works on 5 GB files. Key from env PSEUDO_KEY.")
R("opus", "review", "data", "plain", "easy-words-hard",
  "Plain question; judging re-identification risk of a 'pseudonymised' dataset is privacy analysis with legal stakes.",
  "If we hash the user ids and truncate IPs in the export like that, is the data anonymous under GDPR so we don't need a DPA with the vendor?")
R("haiku", "question", "databases", "plain", "hard-words-easy",
  "A one-table SELECT.",
  "SQL to list users whose password_changed_at is older than 365 days from the users table, Postgres.")
R("sonnet", "implement", "databases", "plain", None,
  "Writing row-level security policies with a clear spec.",
  "Add Postgres row-level security to the invoices and customers tables so queries only see rows where tenant_id = current_setting('app.tenant_id')::uuid. Include ALTER TABLE ... ENABLE/FORCE RLS, the policies for select/insert/update/delete, and the SQLAlchemy event hook that runs SET LOCAL app.tenant_id at transaction start.")
R("opus", "review", "databases", "terse", "short-hard",
  "Short but a security analysis of RLS with connection pooling leaks.",
  "rls + pgbouncer transaction pooling: can tenant ids leak between requests?")
R("haiku", "question", "databases", "terse", None,
  "Short fact.",
  "does the table owner bypass RLS in postgres")
# ---------------------------------------------------------------- batch 6 material
SPRING_SEC = '''@Configuration
@EnableWebSecurity
public class SecurityConfig {

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, JwtAuthFilter jwtFilter) throws Exception {
        http
            .csrf(csrf -> csrf.disable())
            .cors(Customizer.withDefaults())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/**").permitAll()
                .requestMatchers("/api/public/**").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/reports/**").hasAnyRole("ANALYST", "ADMIN")
                .requestMatchers("/api/admin/**").hasRole("ADMIN")
                .requestMatchers("/api/**").authenticated()
                .anyRequest().permitAll())
            .addFilterBefore(jwtFilter, UsernamePasswordAuthenticationFilter.class)
            .headers(h -> h.frameOptions(f -> f.sameOrigin()));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }
}
'''

DJANGO_SETTINGS = '''DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["*"])
SECRET_KEY = env("SECRET_KEY", default="django-insecure-7h$k2!q@x0v#m9p")

SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
SESSION_EXPIRE_AT_BROWSER_CLOSE = False

CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = False
CSRF_TRUSTED_ORIGINS = ["https://*.ledgerly.io", "http://localhost:3000"]

SECURE_SSL_REDIRECT = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 3600
SECURE_HSTS_INCLUDE_SUBDOMAINS = False
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

CORS_ALLOWED_ORIGIN_REGEXES = [r"^https://.*\\.ledgerly\\.io$", r"^https://.*\\.vercel\\.app$"]
CORS_ALLOW_CREDENTIALS = True

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.MD5PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
]
'''

OPA_REGO = '''package ledgerly.authz

default allow := false

allow if {
    input.method == "GET"
    some role in input.user.roles
    role == "viewer"
    input.resource.tenant == input.user.tenant
}

allow if {
    input.method in {"POST", "PUT", "PATCH"}
    "editor" in input.user.roles
    input.resource.tenant == input.user.tenant
}

allow if {
    "admin" in input.user.roles
}

allow if {
    input.path[0] == "public"
}
'''

SEMGREP_OUT = '''Findings:

  services/billing/app/views.py
     python.django.security.injection.sql.sql-injection-using-raw
        User-controlled data in a raw SQL query.
        42┆ cursor.execute(f"SELECT * FROM invoices WHERE number = '{request.GET['n']}'")

     python.lang.security.audit.insecure-hash-algorithms-md5
        Detected MD5 hash algorithm which is considered insecure.
        88┆ etag = hashlib.md5(body).hexdigest()

  services/billing/app/pdf.py
     python.lang.security.audit.subprocess-shell-true
        Found 'subprocess' function with 'shell=True'.
        17┆ subprocess.run(f"wkhtmltopdf {tmp_html} {out_path}", shell=True, check=True)

  services/auth/app/tokens.py
     python.jwt.security.unverified-jwt-decode
        Detected JWT token decoded with 'verify=False'.
        61┆ claims = jwt.decode(tok, options={"verify_signature": False})

  services/web/src/components/Invoice.tsx
     typescript.react.security.audit.react-dangerouslysetinnerhtml
        Detected dangerouslySetInnerHTML.
        23┆ <div dangerouslySetInnerHTML={{ __html: invoice.notesHtml }} />

Ran 412 rules on 1,804 files: 5 findings.
'''

K8S_POD = '''apiVersion: apps/v1
kind: Deployment
metadata:
  name: billing-api
  namespace: payments
spec:
  replicas: 3
  selector:
    matchLabels: {app: billing-api}
  template:
    metadata:
      labels: {app: billing-api}
    spec:
      serviceAccountName: billing-api
      automountServiceAccountToken: true
      hostNetwork: false
      containers:
      - name: api
        image: ghcr.io/ledgerly/billing-api:1.14.2
        ports: [{containerPort: 8080}]
        env:
        - name: STRIPE_SECRET_KEY
          value: sk_live_51Hx...redacted
        - name: DATABASE_URL
          valueFrom: {secretKeyRef: {name: billing-db, key: url}}
        securityContext:
          privileged: false
          runAsUser: 0
          allowPrivilegeEscalation: true
          readOnlyRootFilesystem: false
        volumeMounts:
        - {name: docker-sock, mountPath: /var/run/docker.sock}
      volumes:
      - name: docker-sock
        hostPath: {path: /var/run/docker.sock}
'''

SESSION_EXPRESS = '''app.set("trust proxy", 1);
app.use(session({
  name: "connect.sid",
  secret: process.env.SESSION_SECRET || "keyboard cat",
  resave: true,
  saveUninitialized: true,
  store: new RedisStore({ client: redis, prefix: "sess:" }),
  cookie: {
    secure: process.env.NODE_ENV === "production",
    httpOnly: true,
    sameSite: "none",
    maxAge: 1000 * 60 * 60 * 24 * 30,
  },
}));

app.post("/login", passport.authenticate("local"), (req, res) => {
  res.json({ ok: true, user: req.user.id });
});
'''

RUST_MW = '''pub async fn require_api_key<B>(
    State(state): State<AppState>,
    req: Request<B>,
    next: Next<B>,
) -> Result<Response, StatusCode> {
    let key = req
        .headers()
        .get("x-api-key")
        .and_then(|v| v.to_str().ok())
        .ok_or(StatusCode::UNAUTHORIZED)?;
    let expected = state.api_keys.get(&tenant_from_path(req.uri())).ok_or(StatusCode::NOT_FOUND)?;
    if key == expected.as_str() {
        Ok(next.run(req).await)
    } else {
        Err(StatusCode::UNAUTHORIZED)
    }
}
'''

PENTEST_FINDINGS = '''ID     Title                                              Severity  CVSS  Status
LP-01  IDOR on /api/v2/invoices/{id} allows cross-tenant read   High      8.1   Open
LP-02  Stored XSS via invoice notes (dangerouslySetInnerHTML)   High      7.6   Open
LP-03  Missing rate limiting on /login                          Medium    5.3   Open
LP-04  Session not invalidated after password change            Medium    5.4   Open
LP-05  Verbose error messages expose stack traces               Low       3.7   Open
LP-06  HSTS max-age too short (3600)                            Low       3.1   Open
LP-07  Open redirect via ?next= on /auth/callback               Medium    6.1   Open
LP-08  JWT accepted with alg=none on legacy /v1 endpoints       Critical  9.8   Open
LP-09  S3 bucket allows anonymous PutObject on partner prefix   High      7.5   Open
LP-10  Outdated jQuery 1.12.4 on marketing site                 Low       3.1   Open
LP-11  Password reset token is 6 digits, no attempt limit       High      8.1   Open
LP-12  Clickjacking on /embed/report (no frame-ancestors)       Low       4.3   Open
'''

# ---------------------------------------------------------------- batch 6 rows
R("haiku", "question", "web", "plain", "hard-words-easy",
  "Find one setting in pasted config.",
  "Is CSRF enabled in this Spring config?\n\n```java\n" + SPRING_SEC + "```")
R("opus", "review", "web", "plain", None,
  "Security review of an authorization filter chain (permitAll fallthrough, CSRF disabled, actuator open).",
  "Security review of our Spring Security config please. Anything that'd let someone reach data they shouldn't?\n\n```java\n" + SPRING_SEC + "```")
R("sonnet", "implement", "web", "plain", None,
  "Clear-spec change to a Spring Security chain.",
  "Change this config so /actuator/health and /actuator/info are public but the rest of /actuator requires ROLE_OPS, anyRequest() is denyAll, and add a method-security @EnableMethodSecurity so we can use @PreAuthorize on services.\n\n```java\n" + SPRING_SEC + "```")
R("haiku", "edit", "web", "terse", None,
  "One-value mechanical edit.",
  "bump bcrypt strength to 12 in this\n\n```java\n" + SPRING_SEC + "```")
R("haiku", "question", "web", "terse", "long-trivial",
  "Finding one setting in a settings file.",
  "what's HSTS set to here\n\n```python\n" + DJANGO_SETTINGS + "```")
R("sonnet", "edit", "web", "plain", None,
  "Hardening a Django settings file to a given list of requirements: several careful edits with known targets.",
  "Harden these Django settings: no default SECRET_KEY (fail if missing), no wildcard ALLOWED_HOSTS, HSTS one year with subdomains and preload, drop the MD5 hasher and put Argon2 first, min password length 12 plus the common-password validator, and remove localhost from CSRF_TRUSTED_ORIGINS unless DEBUG.\n\n```python\n" + DJANGO_SETTINGS + "```")
R("opus", "review", "web", "plain", "easy-words-hard",
  "Plain ask; judging exploitability of the CORS regex allowing any vercel.app with credentials is a security review.",
  "Anything in here that worries you?\n\n```python\n" + DJANGO_SETTINGS + "```")
R("sonnet", "explain", "security", "plain", None,
  "Explaining a medium policy file and its evaluation semantics.",
  "Explain how this Rego policy decides, rule by rule, and what a request from an editor of tenant A doing PATCH on a tenant B resource gets.\n\n```rego\n" + OPA_REGO + "```")
R("opus", "review", "security", "plain", None,
  "Authorization policy security review (admin cross-tenant, public path bypass).",
  "Security review this OPA policy. It's the only authz layer for our API gateway.\n\n```rego\n" + OPA_REGO + "```")
R("sonnet", "test", "security", "plain", None,
  "Writing tests for an existing policy.",
  "Write opa test cases (a _test.rego file) for this policy: viewer same tenant GET allowed, viewer cross tenant denied, editor POST same tenant allowed, editor DELETE denied, admin allowed, public path allowed for anonymous.\n\n```rego\n" + OPA_REGO + "```")
R("haiku", "question", "security", "plain", "hard-words-easy",
  "Counting/lookup in a short scanner report.",
  "Which files does semgrep flag here? Just the paths.\n\n```\n" + SEMGREP_OUT + "```")
R("sonnet", "debug", "security", "plain", None,
  "Fixing scanner findings with known fixes across files is everyday work.",
  "Fix these semgrep findings. For the SQL one use the Django ORM, for wkhtmltopdf pass an arg list, for MD5 it's just an ETag so mark it usedforsecurity=False, for the JWT decode verify with our existing get_signing_key(), and sanitize notesHtml with DOMPurify. Show each patch.\n\n```\n" + SEMGREP_OUT + "```")
R("opus", "plan", "security", "plain", None,
  "Triage of scanner findings for real exploitability and risk ordering requires threat reasoning.",
  "Rank these semgrep findings by real-world risk for a multi-tenant billing SaaS and explain for each how it would actually be exploited (or why it wouldn't).\n\n```\n" + SEMGREP_OUT + "```")
R("haiku", "question", "infrastructure", "terse", None,
  "Lookup in a short manifest.",
  "what user does this container run as\n\n```yaml\n" + K8S_POD + "```")
R("sonnet", "edit", "infrastructure", "plain", None,
  "Hardening a manifest to the restricted Pod Security Standard with known settings.",
  "Make this deployment pass the 'restricted' Pod Security Standard: non-root, no privilege escalation, drop ALL capabilities, seccomp RuntimeDefault, read-only root fs with an emptyDir for /tmp, no hostPath. Move STRIPE_SECRET_KEY into a secretKeyRef on secret billing-stripe.\n\n```yaml\n" + K8S_POD + "```")
R("opus", "review", "infrastructure", "plain", "easy-words-hard",
  "Plain ask; container escape and blast-radius reasoning (docker.sock mount, root, automount token) is a security review.",
  "How bad is it if someone gets RCE in this pod?\n\n```yaml\n" + K8S_POD + "```")
R("haiku", "question", "web", "plain", None,
  "Lookup in a short config.",
  "How long do sessions last with this express-session config?\n\n```js\n" + SESSION_EXPRESS + "```")
R("sonnet", "review", "web", "plain", None,
  "Reviewing a short session config for correctness: sonnet by TB10 (not framed as a threat model).",
  "Review this express-session setup for mistakes — we've seen Redis fill up with empty sessions and I'm not sure all the options make sense.\n\n```js\n" + SESSION_EXPRESS + "```")
R("sonnet", "implement", "web", "follow-up", None,
  "TB8: 'do it' after review of known changes; clear steps.",
  "ok apply all of those fixes and also regenerate the session id on login (req.session.regenerate) so we don't have fixation")
R("opus", "review", "systems", "plain", None,
  "Security review of Rust middleware: non-constant-time compare, tenant lookup enumeration; subtle timing issues are crypto-adjacent.",
  "Security review of this axum API-key middleware please.\n\n```rust\n" + RUST_MW + "```")
R("sonnet", "debug", "systems", "plain", None,
  "A compile error with an identifiable cause in axum middleware.",
  "This axum middleware doesn't compile after upgrading to axum 0.7: `wrong number of generic arguments: expected 0, found 1` on Request<B> and Next<B>. How do I port it?\n\n```rust\n" + RUST_MW + "```")
R("haiku", "edit", "systems", "terse", None,
  "Mechanical rename.",
  "rename require_api_key to api_key_auth\n\n```rust\n" + RUST_MW + "```")
R("sonnet", "edit", "systems", "plain", None,
  "Replacing a comparison with a constant-time one using a named crate and returning 401 consistently: a small but careful change.",
  "Use subtle::ConstantTimeEq for the key comparison here and return 401 instead of 404 when the tenant is unknown, so we don't leak which tenants exist.\n\n```rust\n" + RUST_MW + "```")
R("haiku", "question", "security", "terse", "hard-words-easy",
  "Sort/count trivial on a short table.",
  "how many High findings in this pentest report\n\n```\n" + PENTEST_FINDINGS + "```")
R("opus", "plan", "security", "plain", None,
  "Remediation plan across a pentest report with dependencies and risk: judgement and sequencing.",
  "Our pentest came back. We have 3 engineers and 4 weeks before the retest. Make a remediation plan: order, who-does-what by skill (backend/frontend/infra), which fixes share a root cause, and what compensating controls to put in immediately for the criticals.\n\n```\n" + PENTEST_FINDINGS + "```")
R("sonnet", "implement", "web", "plain", None,
  "Fixing one pentest finding with a clear fix: session invalidation after password change.",
  "Fix LP-04: after a password change, invalidate all the user's other sessions. We use Django with the DB session backend; keep the current session alive via update_session_auth_hash. Write the view change and a test.")
R("sonnet", "implement", "web", "plain", None,
  "Clear-spec fix for open redirect.",
  "Fix LP-07 in the callback: only allow `next` values that are relative paths starting with a single '/', not '//' or '/\\\\', otherwise redirect to '/'. Add unit tests for the validator.\n\n```ts\n" + OAUTH_CALLBACK_TS + "```")
R("opus", "debug", "security", "terse", "short-hard",
  "Short but hard: finding why alg=none is accepted on legacy endpoints requires tracing through libs and designs a safe fix.",
  "LP-08 alg=none on /v1 — how is that even possible and how do we kill it everywhere")
R("haiku", "question", "security", "plain", None,
  "Short fact.",
  "What is an IDOR?")
R("sonnet", "implement", "web", "plain", None,
  "Clear fix for an IDOR with a spec.",
  "Fix LP-01: GET /api/v2/invoices/:id must return 404 if the invoice's tenant_id isn't req.auth.tenantId. We use Prisma; add the tenant filter to the findFirst and write a supertest case for cross-tenant access.")
R("opus", "plan", "security", "plain", "easy-words-hard",
  "Plain words, but preventing a whole class of cross-tenant bugs across a codebase is architecture plus migration plan.",
  "The pentesters found one IDOR. How do we make sure there aren't others and that new ones can't get in?")
# ---------------------------------------------------------------- batch 7: short prompts, many voices
R("opus", "design", "security", "terse", "short-hard",
  "Short; designing a zero-downtime signing-key rotation across many verifiers is distributed/crypto design.",
  "zero downtime jwt signing key rotation across 30 services, design it")
R("opus", "design", "security", "plain", "short-hard",
  "Short; a threat model is opus.",
  "Threat model our SSO login flow.")
R("opus", "design", "security", "terse", "short-hard",
  "Short; designing a break-glass access system with audit is high-stakes design.",
  "break-glass prod access design w/ audit trail")
R("opus", "question", "security", "plain", "easy-words-hard",
  "Plain wording; deciding whether account linking by email is safe across IdPs is an auth protocol analysis.",
  "If a user signs in with Google and later with Microsoft using the same email, should we merge them into one account automatically?")
R("opus", "design", "web", "plain", "easy-words-hard",
  "Plain; impersonation ('login as customer') design has abuse, audit and token-scope trade-offs.",
  "Support wants a 'log in as this customer' button. How should we build it?")
R("opus", "design", "security", "plain", "easy-words-hard",
  "Plain; API key scheme design (format, hashing, scoping, rotation, leak detection) is open design.",
  "We're going to give customers API keys for the first time. What should they look like and how should we handle them?")
R("opus", "design", "security", "terse", "short-hard",
  "Short; SCIM provisioning + SSO deprovisioning semantics across sessions is protocol/consistency design.",
  "scim deprovision → kill active sessions + tokens everywhere within 60s. how")
R("opus", "question", "security", "plain", None,
  "Analysing a cryptographic construction choice (HMAC vs hash concatenation, length extension).",
  "A contractor signed our download URLs as sha256(secret + path + expires). Is that actually broken, and if so how would someone forge a URL?")
R("opus", "design", "security", "plain", None,
  "Design of a tamper-evident audit log (hash chaining, anchoring) for compliance.",
  "We need an audit log that auditors can trust wasn't edited by our own DB admins. Design it: storage, hash chaining or signing, verification, and what happens during DB restores.")
R("opus", "review", "security", "verbose", None,
  "Review of a proposed OAuth device flow implementation for protocol-level issues: security review.",
  "For our CLI tool we implemented something like the OAuth device authorization grant ourselves because our IdP doesn't support it. The CLI calls POST /cli/start, gets back a 6-character user code and a device code, and polls /cli/poll every 2 seconds with the device code. The user visits /activate, logs in with their normal web session, types the user code, and we mark it approved. The poll endpoint then returns a personal access token valid for 90 days with the user's full permissions. User codes are uppercase letters only and we don't rate limit /activate because it requires login. Is there anything wrong with this design from a security perspective?")
R("opus", "debug", "infrastructure", "verbose", None,
  "Prose description of an intermittent TLS failure across components with no lead: TB6.",
  "Since Tuesday a small fraction of calls from our payment service to the bank's mTLS API fail with 'tls: bad certificate'. Maybe 2%. Retries usually work. We rotated our client cert last week through cert-manager and the bank says they installed the new CA chain. We run 8 replicas behind an egress NAT with 3 IPs, and the bank also allowlists IPs. Nothing obvious in our logs. Where would you even start?")
R("opus", "debug", "web", "plain", None,
  "Prose: sporadic session mixups between users is a high-stakes heisenbug with no lead.",
  "Two customers reported seeing another user's name in the header for a second after login. We can't reproduce it. We have a CDN in front, Next.js with SSR, and Redis sessions. What could cause this and how do we find it fast?")
R("sonnet", "debug", "web", "plain", None,
  "The evidence points at the cause (CDN caching a response with Set-Cookie); identifiable fix.",
  "Found it I think: CloudFront cached /api/me responses because our origin sent `Cache-Control: public, max-age=60` on that path by mistake, and some had Set-Cookie. How do I make sure nothing authenticated or with Set-Cookie gets cached, both in the Next.js headers config and in the CloudFront cache policy?")
R("sonnet", "implement", "web", "typos", None,
  "Clear-spec feature despite typos.",
  "need a middlware for fastapi that adds these headers to every response: hsts 1y, nosniff, referrer-policy strict-origin-when-cross-origin, permissions-policy camera=() mic=(), and x-frame-options deny. skip for /docs")
R("sonnet", "implement", "security", "typos", None,
  "Clear spec; typos irrelevant.",
  "write a go func that generates a session id, 32 bytes from crypto/rand, base64 rawurl encoded, and returns err if rand fails. plus a test that ids are uniqe over 10k runs")
R("haiku", "question", "security", "typos", None,
  "Short fact.",
  "is math/rand ok for session ids in go? im guesing no")
R("haiku", "question", "security", "typos", "hard-words-easy",
  "Short fact.",
  "wats the diffrence between rsa and ecdsa keys in like 2 lines")
R("sonnet", "debug", "security", "typos", None,
  "Common error with identifiable cause (PKCS#1 vs PKCS#8 / wrong key type).",
  "node crypto throws 'error:1E08010C:DECODER routines::unsupported' when i load our private key pem for signing jwts, it starts with -----BEGIN OPENSSH PRIVATE KEY-----. whats up")
R("haiku", "question", "security", "typos", None,
  "One-liner command.",
  "ssh-keygen cmd to convert openssh private key to pem pls")
R("sonnet", "debug", "web", "typos", None,
  "Identifiable cause: redirect_uri mismatch due to http behind proxy.",
  "google oauth says redirect_uri_mismatch, the uri in the error is http://app.ledgerly.io/auth/callback but we configured https. were behind an ALB, app is express + passport-google-oauth20")
R("haiku", "question", "web", "non-native", None,
  "Short fact; non-native English.",
  "What is the meaning of 'aud' claim in the token? I see it in every JWT but not understand.")
R("sonnet", "implement", "web", "non-native", None,
  "Clear-spec implementation; non-native English.",
  "Please help to write Spring Boot resource server config that accept tokens from two issuers, our Keycloak and Auth0, each with own JWKS. Roles are in realm_access.roles for Keycloak and in https://ledgerly.io/roles for Auth0, we need map both to GrantedAuthority with ROLE_ prefix.")
R("opus", "design", "security", "non-native", "easy-words-hard",
  "Non-native phrasing; designing delegated admin across organisations is authorization model design.",
  "Our customers are big companies with many departments. They want each department admin can manage only own users, but the company admin see all. How we should model this in the permission system so it not become mess later?")
R("sonnet", "debug", "databases", "non-native", None,
  "Identifiable cause from described error (SSL mode / CA cert).",
  "We enable SSL on RDS Postgres and now our Java app get 'PSQLException: SSL error: PKIX path building failed'. The JDBC url has sslmode=verify-full. I think we must add the RDS CA to truststore but how exactly?")
R("haiku", "question", "databases", "non-native", None,
  "Short fact.",
  "What is difference between sslmode=require and verify-full in postgres? Short please.")
R("opus", "review", "security", "non-native", None,
  "Review of a custom signing scheme is cryptography: opus.",
  "Our partner ask us to sign requests like this: signature = base64(md5(body + apiSecret)), and they compare with == in PHP. I must implement our side. Is this okay or must I push back? Please explain what can go wrong.")
R("sonnet", "implement", "web", "verbose", None,
  "Clear spec with detail; everyday implementation.",
  "We need an 'active sessions' page. Backend is Django with the database session backend. For each of the user's sessions we want to show: device (parsed from the user agent with the user-agents package), approximate location from the IP (we already have a geoip2 reader at settings.GEOIP), when it was created and last active, and a button to revoke it. We'll need to store user_id, ip, user_agent and last_seen on sessions, which the default backend doesn't do, so probably a custom SessionStore subclass plus a middleware to update last_seen at most once per minute. Please write the model, store, middleware, view and a simple template.")
R("sonnet", "test", "web", "verbose", None,
  "Writing tests against an existing flow.",
  "I'm adding integration tests for our OIDC login with Keycloak in Testcontainers. I want the test to start Keycloak with a realm JSON we import (realm 'ledgerly', client 'web' with PKCE), drive the authorization code flow with plain HTTP requests (no browser — POST the login form, follow redirects manually), and then assert that our /auth/callback sets the session cookie and that /api/me returns the right email. JUnit 5, Spring Boot 3, RestAssured. Can you write it?")
R("haiku", "question", "web", "verbose", "hard-words-easy",
  "Verbose but trivial: a well-known URL path.",
  "So I'm setting up a new client in our app and the library I'm using wants the 'discovery document' URL for our identity provider, and I've been told it's standard across providers but I can't remember the path and our IdP's docs are behind a login I don't have yet. What's the standard path that gets appended to the issuer URL?")
R("haiku", "question", "infrastructure", "plain", None,
  "Short fact.",
  "What does `aws sts get-caller-identity` return?")
R("haiku", "question", "infrastructure", "terse", "hard-words-easy",
  "Shell one-liner.",
  "aws cli list all iam access keys older than 90d for a user")
R("sonnet", "ops", "infrastructure", "plain", None,
  "Script with a clear spec: find stale keys across users.",
  "Write a Python boto3 script that lists every IAM user's access keys older than 90 days, with last-used date and service, outputs CSV, and with --deactivate flag sets them Inactive (never deletes). Handle pagination.")
R("opus", "design", "infrastructure", "plain", None,
  "Cross-account IAM architecture with guardrails (SCPs, permission boundaries) is open design.",
  "We're splitting one AWS account into an org with separate prod, staging, security and logging accounts. Design the IAM structure: SSO permission sets, SCP guardrails, permission boundaries for teams creating their own roles, and how CI deploys across accounts.")
R("haiku", "question", "infrastructure", "plain", "hard-words-easy",
  "Short fact.",
  "What's the difference between an IAM role's trust policy and its permission policy?")
R("sonnet", "implement", "infrastructure", "plain", None,
  "Writing a scoped policy to a clear spec.",
  "Write an IAM policy for a Lambda that reads objects under s3://acme-exports-prod/tenant-*/reports/, decrypts them with KMS key alias/exports, and writes to SQS queue report-ready. Nothing else. Include the kms:ViaService condition.")
R("haiku", "question", "infrastructure", "terse", None,
  "Short fact.",
  "what is iam:PassRole")
R("opus", "question", "infrastructure", "plain", None,
  "Privilege escalation reasoning about an IAM permission combo: security analysis.",
  "A developer role has iam:PassRole on * plus lambda:CreateFunction and lambda:InvokeFunction. Is that a path to admin? Walk me through it and what the fix is.")
R("sonnet", "debug", "infrastructure", "plain", None,
  "AccessDenied with a clear lead (explicit deny / missing permission) is identifiable.",
  "Getting `AccessDenied: User: arn:aws:sts::481516234200:assumed-role/ci-deployer/gha is not authorized to perform: kms:Decrypt on resource arn:aws:kms:eu-central-1:481516234200:key/3c1f... because no identity-based policy allows the kms:Decrypt action` when terraform reads the remote state. The bucket uses SSE-KMS. What do I add and where?")
R("haiku", "question", "security", "plain", None,
  "Short fact.",
  "What does mTLS mean?")
R("sonnet", "ops", "infrastructure", "plain", None,
  "Known multi-step setup: mTLS between services with a service mesh.",
  "Turn on strict mTLS for the payments namespace in Istio, but keep the legacy-reports deployment on PERMISSIVE until we migrate it. Give me the PeerAuthentication resources and how to verify with istioctl.")
R("opus", "design", "infrastructure", "plain", None,
  "Designing internal PKI with rotation and revocation is crypto/infra design.",
  "We need our own internal PKI for service certs outside the mesh (VMs, some IoT gateways). Design it: root/intermediate structure, where keys live, lifetimes, automated rotation, revocation that actually works for devices that are offline for weeks.")
R("haiku", "question", "security", "terse", None,
  "Short fact.",
  "ocsp stapling what is it")
R("haiku", "question", "security", "plain", "hard-words-easy",
  "Reading a field from a cert: a command.",
  "How do I see the Subject Alternative Names of the cert served by api.ledgerly.io from the command line?")
R("sonnet", "debug", "security", "plain", None,
  "Identifiable cause from the error: missing intermediate.",
  "curl https://partners.ledgerly.io works on my Mac but on our Alpine container we get `curl: (60) SSL certificate problem: unable to get local issuer certificate`. openssl s_client shows only the leaf in the chain. Fix on the server side or client side?")
R("haiku", "question", "general", "plain", None,
  "Short fact.",
  "What is a DPA in GDPR terms?")
R("haiku", "question", "general", "terse", "hard-words-easy",
  "Short fact.",
  "gdpr art 30 — what is it")
R("sonnet", "docs", "general", "plain", None,
  "Writing a structured document from known inputs.",
  "Write a data breach response procedure for our wiki: detection, triage, containment, assessment of risk to individuals, 72h authority notification decision, notifying affected users, post-mortem. Include a table of who decides what (CTO, DPO, legal) and a template for the authority notification.")
R("opus", "question", "general", "plain", "easy-words-hard",
  "Plain question but requires judging legal risk and notification obligations from an incident: high stakes.",
  "An engineer pasted a production database dump with customer emails and hashed passwords into a public GitHub gist for about 40 minutes before deleting it. Do we have to report this, to whom, and what should we do now?")
R("sonnet", "implement", "data", "plain", None,
  "Clear-spec implementation of a data export for subject access requests.",
  "Write a management command `export_user_data <user_id>` for our Django app that builds a GDPR subject access export: profile, orders, invoices, support tickets and login history as JSON files in a zip, streams to S3 bucket ledgerly-dsar with a 7-day presigned URL, and logs an audit event.")
R("opus", "plan", "data", "plain", None,
  "Cross-system data retention enforcement plan across services and backups.",
  "Legal gave us retention periods per data category. Plan how we enforce them across Postgres, S3, Kafka topics, Elasticsearch, Snowflake and our nightly backups — including proving it to auditors.")
# ---------------------------------------------------------------- batch 8 material
def nginx_ingress_yaml():
    return '''apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ledgerly-web
  namespace: web
  annotations:
    nginx.ingress.kubernetes.io/ssl-redirect: "true"
    nginx.ingress.kubernetes.io/proxy-body-size: "25m"
    nginx.ingress.kubernetes.io/enable-cors: "true"
    nginx.ingress.kubernetes.io/cors-allow-origin: "*"
    nginx.ingress.kubernetes.io/cors-allow-credentials: "true"
    nginx.ingress.kubernetes.io/configuration-snippet: |
      more_set_headers "X-Frame-Options: SAMEORIGIN";
      more_set_headers "X-XSS-Protection: 1; mode=block";
    nginx.ingress.kubernetes.io/whitelist-source-range: "10.0.0.0/8,185.44.12.0/24"
    cert-manager.io/cluster-issuer: letsencrypt-prod
spec:
  ingressClassName: nginx
  tls:
  - hosts: [app.ledgerly.io, api.ledgerly.io]
    secretName: ledgerly-web-tls
  rules:
  - host: app.ledgerly.io
    http:
      paths:
      - path: /
        pathType: Prefix
        backend: {service: {name: web, port: {number: 80}}}
  - host: api.ledgerly.io
    http:
      paths:
      - path: /
        pathType: Prefix
        backend: {service: {name: api, port: {number: 8080}}}
      - path: /internal
        pathType: Prefix
        backend: {service: {name: api-internal, port: {number: 8081}}}
'''

JAVA_FILTER = '''@Component
public class JwtAuthFilter extends OncePerRequestFilter {
    private final JwtDecoder decoder;
    private final UserRepository users;

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        String header = req.getHeader("Authorization");
        if (header != null && header.startsWith("Bearer ")) {
            try {
                Jwt jwt = decoder.decode(header.substring(7));
                String email = jwt.getClaimAsString("email");
                User u = users.findByEmail(email).orElseGet(() -> users.save(new User(email)));
                List<GrantedAuthority> auths = jwt.getClaimAsStringList("roles").stream()
                        .map(r -> new SimpleGrantedAuthority("ROLE_" + r)).collect(Collectors.toList());
                SecurityContextHolder.getContext().setAuthentication(
                        new UsernamePasswordAuthenticationToken(u, null, auths));
            } catch (JwtException e) {
                log.warn("bad token: {}", header);
            }
        }
        chain.doFilter(req, res);
    }
}
'''

GO_HMAC = '''func signURL(path string, expires int64, secret []byte) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(path))
	mac.Write([]byte(strconv.FormatInt(expires, 10)))
	return hex.EncodeToString(mac.Sum(nil))
}

func verifyURL(path string, expires int64, sig string, secret []byte) bool {
	if time.Now().Unix() > expires {
		return false
	}
	return signURL(path, expires, secret) == sig
}
'''

AUDIT_LOG_CSV = "\n".join(
    f"2024-11-{d:02d}T{h:02d}:{m:02d}:00Z,{u},{a},{r}"
    for (d, h, m, u, a, r) in [
        (3, 9, 14, "j.becker", "role.granted", "tenant:tn_4421 user:usr_8f3a role:admin"),
        (3, 9, 15, "j.becker", "apikey.created", "tenant:tn_4421 key:ak_19c2"),
        (5, 22, 41, "svc-ci-deployer", "secret.read", "prod/jwt-signing"),
        (6, 2, 3, "admin", "mfa.disabled", "user:usr_77b1"),
        (6, 2, 4, "admin", "role.granted", "tenant:tn_0001 user:usr_77b1 role:owner"),
        (6, 2, 9, "usr_77b1", "export.created", "tenant:tn_0001 rows:184220"),
        (6, 2, 11, "usr_77b1", "export.downloaded", "tenant:tn_0001 ip:185.220.101.4"),
        (6, 2, 30, "admin", "audit.retention_changed", "days:7"),
        (8, 10, 0, "m.kowalski", "sso.config_updated", "tenant:tn_3310 idp:okta"),
        (9, 11, 12, "s.patel", "role.revoked", "tenant:tn_4421 user:usr_8f3a role:admin"),
    ])

# ---------------------------------------------------------------- batch 8 rows
R("haiku", "question", "infrastructure", "plain", "hard-words-easy",
  "Lookup of one annotation.",
  "Which cluster issuer does this ingress use for its certificate?\n\n```yaml\n" + nginx_ingress_yaml() + "```")
R("opus", "review", "infrastructure", "plain", None,
  "Security review of ingress config (wildcard CORS with credentials, internal path exposed, allowlist bypass via XFF).",
  "Security review this ingress before we go live. The /internal path should only be reachable from the office IP range.\n\n```yaml\n" + nginx_ingress_yaml() + "```")
R("sonnet", "edit", "infrastructure", "plain", None,
  "Several known edits to a manifest.",
  "Edit this ingress: CORS only for https://app.ledgerly.io, drop the deprecated X-XSS-Protection header, add HSTS via the annotation, and move /internal into its own Ingress object with the whitelist annotation so the allowlist doesn't apply to the public app.\n\n```yaml\n" + nginx_ingress_yaml() + "```")
R("sonnet", "review", "web", "plain", None,
  "Correctness/style review of a filter (logging the raw header, JIT user creation): sonnet (TB10), tie-breaker keeps it not haiku.",
  "Can you review this Spring filter for code quality? Our lead says it's 'doing too much'.\n\n```java\n" + JAVA_FILTER + "```")
R("opus", "review", "web", "plain", None,
  "Same filter, security review: token logged, JIT provisioning by unverified email claim, null roles; TB10.",
  "And from a security point of view, is this filter OK? It sits in front of every API call.\n\n```java\n" + JAVA_FILTER + "```")
R("haiku", "edit", "web", "terse", None,
  "One-line mechanical edit.",
  "dont log the token in the catch, just log 'bad token'\n\n```java\n" + JAVA_FILTER + "```")
R("sonnet", "test", "web", "plain", None,
  "Tests for an existing filter.",
  "Write JUnit 5 + Mockito tests for this filter: no header passes through unauthenticated, valid token sets authentication with ROLE_ authorities, JwtException leaves context empty, missing roles claim doesn't throw.\n\n```java\n" + JAVA_FILTER + "```")
R("opus", "review", "security", "plain", "easy-words-hard",
  "Plain ask; spotting the path/expires concatenation ambiguity and timing compare is crypto review.",
  "Is this URL signing fine? Just want a second pair of eyes.\n\n```go\n" + GO_HMAC + "```")
R("haiku", "explain", "security", "plain", "hard-words-easy",
  "Explaining a short snippet in a sentence.",
  "In one or two sentences, what does signURL return?\n\n```go\n" + GO_HMAC + "```")
R("sonnet", "test", "security", "plain", None,
  "Writing tests for existing code.",
  "Write Go tests for signURL/verifyURL: round trip, expired, tampered path, tampered expires, wrong secret. Inject time so the expiry test isn't flaky (refactor verifyURL to take now).\n\n```go\n" + GO_HMAC + "```")
R("opus", "debug", "security", "plain", None,
  "Reading an audit trail to judge whether an account takeover and exfiltration happened: incident analysis.",
  "Our audit log for early November. Does anything here look like an insider or a compromised admin? What's the story and what should we do?\n\n```csv\nts,actor,action,detail\n" + AUDIT_LOG_CSV + "\n```")
R("haiku", "question", "security", "terse", "hard-words-easy",
  "Filtering ten rows by actor.",
  "which actions did usr_77b1 do\n\n```csv\nts,actor,action,detail\n" + AUDIT_LOG_CSV + "\n```")
R("sonnet", "implement", "security", "plain", None,
  "Clear-spec alert rules.",
  "Write alert rules (we use Datadog log monitors, give me the queries) for: mfa.disabled followed by role.granted for the same user within 10 minutes, audit.retention_changed with days < 365, and any export.downloaded from an IP outside our customer's allowlist field.")
R("haiku", "question", "general", "plain", None,
  "Short fact.",
  "How long is a SOC 2 Type II observation period usually?")
R("sonnet", "docs", "general", "plain", None,
  "Short-ish but multi-part document writing.",
  "Write the 'Vulnerability Management' section of our security policy: scanning cadence (daily containers, weekly deps), SLAs by severity (critical 7 days, high 30, medium 90), exception process with expiry, and how we track it in Jira. Half a page.")
R("haiku", "docs", "general", "plain", None,
  "Short text rewrite.",
  "Make this sentence sound more formal for the policy doc: 'we fix critical bugs within a week, usually faster'")
R("opus", "review", "general", "verbose", "easy-words-hard",
  "Verbose plain request; evaluating whether controls satisfy auditors and where gaps are is a high-stakes judgement.",
  "Our auditor sent over the list of SOC 2 CC6 controls and asked us to describe how we meet each. What we actually do: everyone uses Google SSO with 2FA, prod AWS access is through SSO with a 'prod-admin' permission set that 8 of our 12 engineers have, we do access reviews 'when someone leaves', laptops have FileVault but no MDM, and the database is only reachable through a bastion that everyone has SSH keys for. Where are we going to fail and what are the cheapest changes that would actually satisfy CC6.1 to CC6.3?")
R("sonnet", "implement", "tooling", "plain", None,
  "Clear-spec script.",
  "Write a script that pulls all Okta users via the API, compares against our HR CSV export (email, status), and prints users active in Okta but terminated in HR. Python, requests, pagination via Link headers. Token from OKTA_API_TOKEN.")
R("haiku", "question", "tooling", "terse", None,
  "Shell one-liner.",
  "grep for 'AKIA' in all files in repo excluding node_modules")
R("haiku", "question", "tooling", "plain", "hard-words-easy",
  "A one-liner git command.",
  "What's the git command to see which commit introduced the string 'sk_live_' in the repo history?")
R("sonnet", "ops", "tooling", "plain", None,
  "Known multi-step procedure: purge a secret from git history.",
  "We committed a .env with prod credentials 200 commits ago. The keys are already rotated. Walk me through removing the file from all history with git filter-repo, force-pushing, and what everyone else on the team has to do after. GitHub repo, 15 devs.")
R("opus", "question", "security", "plain", "easy-words-hard",
  "Plain question but requires judging exposure and response to a leaked credential that may have been used.",
  "Someone found our Stripe live key in a public npm package we published three weeks ago. We've rotated it. Is that enough?")
R("sonnet", "implement", "security", "follow-up", None,
  "TB8: follow-up asks for a concrete, spec-like addition.",
  "good. now also add a pre-commit hook config that runs gitleaks protect --staged so this can't happen again")
R("sonnet", "refactor", "web", "follow-up", None,
  "TB8: 'same for the parser'-style follow-up is sonnet.",
  "now do the same tenant_id fix for the list_ handlers, some of them skip the filter too")
R("sonnet", "debug", "security", "follow-up", None,
  "TB8: 'try again' points back with unknown work.",
  "no, still fails with the same audience error. try again")
R("haiku", "edit", "security", "follow-up", None,
  "TB8: trivial mechanical follow-up.",
  "put the headers in alphabetical order")
R("opus", "design", "security", "follow-up", None,
  "TB8: follow-up asks for harder work (tenant-specific keys and crypto-shredding).",
  "fine for one key. now redesign it so each tenant has its own key and we can crypto-shred a tenant without touching the others")
R("opus", "review", "web", "follow-up", None,
  "TB8: asks for a security review of the just-written code.",
  "before I merge this, do a proper security review of what you just wrote, assume an attacker controls the redirect_uri and state")
R("haiku", "question", "web", "follow-up", None,
  "TB8: a short factual clarification.",
  "wait, which RFC was PKCE again?")
R("sonnet", "explain", "web", "plain", None,
  "Explaining why a subtle behaviour occurs (browser CORS caching with Vary) is sonnet (TB7).",
  "Why does our CORS work for the first origin that hits an endpoint and then fail for the second origin until the cache expires? We reflect the Origin header back. CDN is Fastly.")
R("haiku", "question", "web", "terse", None,
  "Short fact.",
  "which header do i add so caches vary on origin")
R("sonnet", "implement", "web", "plain", None,
  "Clear-spec feature: password breach check.",
  "Add a check on signup and password change that rejects passwords found in Have I Been Pwned using the k-anonymity range API (first 5 hex chars of SHA-1), with a 2s timeout and fail-open if the API is down. Node/TypeScript, return a validation error message 'This password has appeared in a data breach'.")
R("haiku", "question", "security", "plain", None,
  "Short fact.",
  "Why does the HIBP range API only take the first 5 characters of the hash?")
R("opus", "design", "security", "plain", None,
  "Passkeys rollout design with account recovery trade-offs is auth protocol design.",
  "We want to add passkeys (WebAuthn) as a primary login for our B2B app while keeping SSO customers on SAML. Design the rollout: registration, fallback, account recovery without reintroducing phishable factors, and what changes in our session model.")
R("sonnet", "implement", "web", "plain", None,
  "Implementing WebAuthn registration with a named library and clear spec.",
  "Implement passkey registration with @simplewebauthn/server v9 in our Express app: GET /webauthn/register/options (rpID ledgerly.io, residentKey required, userVerification preferred, exclude existing credentials), POST /webauthn/register/verify storing credentialID, publicKey, counter, transports in the credentials table. Store the challenge in the session.")
R("haiku", "question", "web", "terse", "hard-words-easy",
  "Short fact.",
  "webauthn rpId what is it")
R("opus", "question", "web", "terse", "short-hard",
  "Short, but judging phishing resistance and cross-device flows is protocol reasoning.",
  "are synced passkeys actually phishing resistant for admins")
# ---------------------------------------------------------------- batch 9 material
KEYCLOAK_CLIENT = '''{
  "clientId": "ledgerly-web",
  "enabled": true,
  "publicClient": true,
  "standardFlowEnabled": true,
  "implicitFlowEnabled": true,
  "directAccessGrantsEnabled": true,
  "serviceAccountsEnabled": false,
  "redirectUris": ["https://app.ledgerly.io/*", "http://localhost:*", "*"],
  "webOrigins": ["+"],
  "attributes": {
    "pkce.code.challenge.method": "",
    "access.token.lifespan": "3600",
    "client.session.idle.timeout": "2592000",
    "post.logout.redirect.uris": "+"
  },
  "protocolMappers": [
    {"name": "tenant", "protocol": "openid-connect", "protocolMapper": "oidc-usermodel-attribute-mapper",
     "config": {"user.attribute": "tenant_id", "claim.name": "tid", "access.token.claim": "true", "id.token.claim": "true"}},
    {"name": "roles", "protocol": "openid-connect", "protocolMapper": "oidc-usermodel-realm-role-mapper",
     "config": {"claim.name": "roles", "multivalued": "true", "access.token.claim": "true"}}
  ]
}'''

DOCKERFILE = '''FROM node:18
WORKDIR /app
COPY . .
ARG NPM_TOKEN
RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && npm run build
ENV NODE_ENV=production
ENV SESSION_SECRET=change-me
EXPOSE 3000
CMD ["npm", "start"]
'''

GH_WORKFLOW = '''name: preview
on:
  pull_request_target:
    types: [opened, synchronize]
jobs:
  deploy-preview:
    runs-on: ubuntu-latest
    permissions: write-all
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - run: npm ci && npm run build
      - run: ./scripts/deploy-preview.sh "${{ github.event.pull_request.title }}"
        env:
          VERCEL_TOKEN: ${{ secrets.VERCEL_TOKEN }}
          AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
'''

PHP_LOGIN = '''<?php
session_start();
$email = $_POST['email'];
$pw = $_POST['password'];
$row = $db->query("SELECT id, password FROM users WHERE email = '$email'")->fetch();
if ($row && md5($pw) == $row['password']) {
    $_SESSION['uid'] = $row['id'];
    header('Location: ' . $_GET['return']);
} else {
    echo "Wrong password for " . $email;
}
'''

# ---------------------------------------------------------------- batch 9 rows
R("haiku", "question", "security", "plain", "hard-words-easy",
  "Lookup of one field in a client JSON.",
  "What's the access token lifespan on this Keycloak client, in minutes?\n\n```json\n" + KEYCLOAK_CLIENT + "\n```")
R("opus", "review", "security", "plain", None,
  "Security review of an OIDC client config (implicit flow, wildcard redirects, ROPC, no PKCE).",
  "Security review our Keycloak client export. It's the SPA client.\n\n```json\n" + KEYCLOAK_CLIENT + "\n```")
R("sonnet", "edit", "security", "plain", None,
  "Applying a known set of hardening edits to a client config.",
  "Edit this client to: disable implicit and direct access grants, require PKCE S256, redirect URIs only https://app.ledgerly.io/auth/callback and http://localhost:3000/auth/callback, webOrigins the same two origins, idle timeout 8h. Output the JSON.\n\n```json\n" + KEYCLOAK_CLIENT + "\n```")
R("haiku", "question", "tooling", "terse", None,
  "Lookup in a short file.",
  "what base image is this\n\n```dockerfile\n" + DOCKERFILE + "```")
R("sonnet", "edit", "tooling", "plain", None,
  "Rewriting a Dockerfile with known fixes: multistage, build secrets, non-root.",
  "Rewrite this Dockerfile: multi-stage, use a BuildKit secret mount for the npm token instead of ARG so it's not in any layer, node:18-slim runtime, run as the node user, no SESSION_SECRET in the image, only copy dist and production deps.\n\n```dockerfile\n" + DOCKERFILE + "```")
R("haiku", "question", "tooling", "plain", "hard-words-easy",
  "Short known fact about build args leaking.",
  "Do Docker ARG values end up visible in the image history?")
R("opus", "review", "tooling", "plain", None,
  "CI workflow security review (pull_request_target with head checkout, script injection via title, write-all): subtle supply chain vulns.",
  "Security review this GitHub workflow. It deploys PR previews.\n\n```yaml\n" + GH_WORKFLOW + "```")
R("haiku", "question", "tooling", "terse", None,
  "Lookup.",
  "what event triggers this workflow\n\n```yaml\n" + GH_WORKFLOW + "```")
R("sonnet", "edit", "tooling", "plain", "hard-words-easy",
  "Known, prescribed fixes to a workflow: sonnet despite scary vocabulary.",
  "Our security team already told us exactly what to change in this workflow: switch to pull_request, permissions contents:read and deployments:write only, pass the PR title through an env var instead of inline ${{ }}, and pin actions/checkout to a full SHA. Please apply those and nothing else.\n\n```yaml\n" + GH_WORKFLOW + "```")
R("opus", "review", "web", "plain", None,
  "Security review of legacy PHP login (SQLi, MD5, loose compare, open redirect, XSS, session fixation).",
  "Found this in our legacy customer portal. Security review please, and tell me which issue to fix first.\n\n```php\n" + PHP_LOGIN + "```")
R("sonnet", "refactor", "web", "plain", None,
  "Rewriting a short handler with prepared statements, password_verify, etc. to a given spec.",
  "Rewrite this PHP login with PDO prepared statements, password_verify with a transparent upgrade from the legacy md5 hashes to password_hash, session_regenerate_id on login, htmlspecialchars on output, and only allow relative return paths.\n\n```php\n" + PHP_LOGIN + "```")
R("haiku", "explain", "web", "plain", None,
  "Explaining a common error/concept briefly.",
  "Why is `md5($pw) == $row['password']` with == dangerous in PHP? Short answer.")
R("sonnet", "implement", "web", "plain", None,
  "Clear-spec endpoint.",
  "Write a Go HTTP handler for POST /api/v2/account/email-change that requires re-authentication (password in body, checked with bcrypt), sends a confirmation link with a signed token (HMAC-SHA256 over user id + new email + expiry, 1 hour) to the new address, and a notice to the old address. Use our mailer interface Mailer.Send(to, subject, body).")
R("sonnet", "implement", "web", "plain", None,
  "Clear-spec feature.",
  "Add account lockout to our Django login: 5 failed attempts within 15 minutes locks the account for 15 minutes, counters in Redis keyed by normalized email, admin can unlock from the Django admin, and the error message stays generic. Include tests.")
R("opus", "question", "web", "plain", "easy-words-hard",
  "Plain; lockout vs DoS vs enumeration trade-off analysis is security design.",
  "Won't locking accounts after 5 failures let anyone lock out our customers on purpose? What's the right approach?")
R("sonnet", "implement", "web", "plain", None,
  "Clear-spec implementation of a SAML SP setup with a library.",
  "Set up SAML SSO for one customer with python3-saml in our Flask app: metadata endpoint, /saml/login with RelayState, /saml/acs that validates and logs the user in by NameID email, per-tenant settings loaded from the sso_configs table (idp_entity_id, sso_url, x509cert). Require signed assertions and wantAssertionsSigned.")
R("opus", "design", "security", "plain", None,
  "Multi-tenant SSO design (IdP discovery, JIT provisioning, domain verification, IdP-initiated risks).",
  "Design SSO for our multi-tenant B2B app: customers bring their own IdP (SAML or OIDC). How do users get routed to the right IdP, how do we verify a customer owns their email domain, should we allow IdP-initiated login, and how do we stop tenant A's IdP from asserting a tenant B user?")
R("haiku", "question", "security", "plain", None,
  "Short fact.",
  "What's the difference between SP-initiated and IdP-initiated SAML login?")
R("sonnet", "debug", "security", "plain", None,
  "Clear error pointing at cert mismatch after IdP rotation.",
  "Since this morning all logins for one tenant fail with python3-saml error 'Signature validation failed. SAML Response rejected'. Their IT says they 'renewed the signing certificate' in Entra yesterday. Other tenants work. What do I update and how do I avoid this next time?")
R("haiku", "question", "security", "terse", "hard-words-easy",
  "One-liner command.",
  "openssl cmd to get sha256 fingerprint of a x509 cert")
R("opus", "debug", "security", "plain", None,
  "Vague but serious: occasional acceptance of expired tokens across services; no lead, needs theory.",
  "Our security monitoring shows a handful of API requests each day succeeding with access tokens that expired hours earlier. Only on some services. All services use the same internal auth library. We can't see a pattern.")
R("sonnet", "debug", "security", "plain", None,
  "With the clue given (leeway set in one config) the cause is identifiable.",
  "Follow-up on the expired tokens thing: turns out the affected services all set `JWT_LEEWAY=86400` in their helm values, copied from an old template. Fix it and tell me what the leeway should be and where else to check.")
R("haiku", "question", "security", "terse", None,
  "Short fact.",
  "typical jwt clock skew leeway in seconds?")
R("opus", "design", "systems", "terse", "short-hard",
  "Short; distributed rate limiter for auth endpoints with consistency trade-offs.",
  "global login rate limiter across 3 regions, consistent enough to stop stuffing, design")
R("sonnet", "implement", "systems", "plain", None,
  "Clear-spec sliding window rate limiter with Redis.",
  "Implement a sliding-window rate limiter in Python with Redis sorted sets: key per (route, ip), limit and window configurable, atomic via a Lua script, returns remaining and reset time. Plus pytest tests using fakeredis.")
R("opus", "review", "systems", "plain", None,
  "Review of concurrent session store code for races is opus (TB10).",
  "Review this for race conditions: our Go session store refreshes the session TTL on every request with a GET then a SET in Redis, and logout does a DEL. Under load users sometimes stay logged in after clicking logout. Here's the gist of it:\n\n```go\nfunc (s *Store) Touch(ctx context.Context, sid string) error {\n\tv, err := s.rdb.Get(ctx, \"sess:\"+sid).Bytes()\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn s.rdb.Set(ctx, \"sess:\"+sid, v, s.ttl).Err()\n}\n\nfunc (s *Store) Destroy(ctx context.Context, sid string) error {\n\treturn s.rdb.Del(ctx, \"sess:\"+sid).Err()\n}\n```")
R("sonnet", "implement", "systems", "follow-up", None,
  "TB8: a specified change (use EXPIRE / GETEX).",
  "ok so just use GETEX or EXPIRE instead of get+set? write that version")
R("haiku", "question", "general", "terse", None,
  "Short fact.",
  "what's a SBOM")
R("sonnet", "ops", "tooling", "plain", None,
  "CI config: generate and attach SBOM and sign image.",
  "Add to our release workflow: generate a CycloneDX SBOM with syft for the image, sign the image with cosign keyless (GitHub OIDC), attach the SBOM as an attestation, and verify the signature in the deploy job before helm upgrade.")
R("opus", "plan", "tooling", "plain", "easy-words-hard",
  "Plain; supply chain security programme plan across the org is a broad plan.",
  "After the xz thing, my boss wants us to 'be safer about dependencies'. What should we actually do, in what order?")
R("haiku", "question", "tooling", "plain", None,
  "Short fact.",
  "What does `npm ci` do differently from `npm install`?")
R("haiku", "question", "security", "plain", "hard-words-easy",
  "Short factual.",
  "What's the CWE number for SQL injection?")
R("haiku", "question", "security", "terse", None,
  "Short fact.",
  "owasp top 10 2021 #1?")
R("sonnet", "explain", "security", "plain", None,
  "Explaining a known vuln class with example and fix is moderate work.",
  "Explain prototype pollution with a small Node example that goes from a merge() of user JSON to bypassing an `if (user.isAdmin)` check, and how to fix the merge.")
R("opus", "review", "web", "plain", "easy-words-hard",
  "Plain wording but a server-side template/SSRF exploitability analysis of a feature.",
  "Our PDF export renders customer-provided HTML with headless Chrome on the server. Should I be worried?")
R("sonnet", "implement", "web", "plain", None,
  "Clear-spec sandboxing of a renderer.",
  "For the HTML-to-PDF renderer (Puppeteer), implement: request interception that blocks everything except data: and our CDN, disable JavaScript, a 10s timeout, run Chrome with --no-sandbox removed and as non-root, and strip <iframe>, <object>, <embed>, <meta http-equiv> from the HTML before rendering.")
R("haiku", "question", "web", "plain", None,
  "Short fact.",
  "What's the cloud metadata IP that SSRF attacks usually go after on AWS?")
R("sonnet", "ops", "infrastructure", "plain", None,
  "Known config change: enforce IMDSv2.",
  "Enforce IMDSv2 on all our EC2 launch templates in terraform (metadata_options) with hop limit 1, and give me an AWS CLI loop to do the same on running instances.")
R("opus", "debug", "infrastructure", "verbose", None,
  "Prose, no clear lead: unexplained IAM activity; needs a theory across CloudTrail, CI and workloads.",
  "CloudTrail shows our ci-deployer role calling s3:ListBuckets and iam:ListUsers from an IP in a hosting provider we don't use, at 3am on a Sunday when no pipeline ran. The role can only be assumed via GitHub OIDC — or so we thought. We checked the workflow runs and nothing ran then. I need help figuring out how this could have happened and what to lock down first while we investigate.")
R("haiku", "question", "infrastructure", "terse", "hard-words-easy",
  "Short CLI lookup.",
  "cloudtrail lookup-events for one access key id cmd")
R("sonnet", "implement", "data", "plain", None,
  "Clear-spec SQL + job.",
  "Write a nightly job (Python + psycopg) that hard-deletes soft-deleted users older than 30 days and their orders/sessions/api_keys in one transaction per user, writes a tombstone row (user_id hash, deleted_at) to deletion_log, and stops after 5 minutes so it doesn't block the vacuum window.")
R("haiku", "question", "databases", "plain", None,
  "Short SQL one-liner.",
  "Postgres: how do I revoke all privileges on the payroll schema from the analyst role?")
R("sonnet", "implement", "databases", "plain", None,
  "Clear-spec permissions SQL.",
  "Write the Postgres grants for three roles: app_rw (CRUD on schema app, usage on sequences), app_ro (select only), migrator (owns schema app). Default privileges so new tables created by migrator get the right grants automatically. No superuser anywhere.")
R("opus", "design", "databases", "plain", None,
  "Column-level encryption with searchable fields is crypto design with leakage trade-offs.",
  "We need to encrypt customer emails and phone numbers in Postgres but still look users up by exact email at login. Blind index with HMAC? Deterministic encryption? What leaks in each and what would you pick?")
R("haiku", "question", "general", "other-language", None,
  "German: short fact.",
  "Was ist ein Pentest-Retest und wie lange dauert der normalerweise?", language="de")
R("sonnet", "docs", "security", "other-language", None,
  "German: writing a short structured doc.",
  "Schreib eine kurze Anleitung für unser Wiki, wie Entwickler lokal mit `aws sso login` auf die Staging-Umgebung zugreifen: Profil anlegen, Login, Token-Ablauf, und was man bei 'ExpiredToken' macht.", language="de")
R("opus", "review", "infrastructure", "other-language", None,
  "Polish: security review of a workflow.",
  "Zrób przegląd bezpieczeństwa tego workflow w GitHub Actions. Czy ktoś z zewnątrz może ukraść nasze sekrety?\n\n```yaml\n" + GH_WORKFLOW + "```", language="pl")
R("haiku", "question", "web", "other-language", "hard-words-easy",
  "Polish: short fact.",
  "Co robi nagłówek X-Content-Type-Options: nosniff?", language="pl")
# ---------------------------------------------------------------- batch 10 material
def failing_test_output():
    return '''============================= test session starts ==============================
platform linux -- Python 3.11.6, pytest-7.4.3, pluggy-1.3.0
rootdir: /app
plugins: django-4.7.0, cov-4.1.0
collected 38 items

tests/auth/test_csrf.py ......F...                                       [ 26%]
tests/auth/test_login.py ...........                                     [ 55%]
tests/auth/test_sessions.py ....F............                            [100%]

=================================== FAILURES ===================================
_________________ test_email_change_rejects_missing_csrf_token _________________

client = <django.test.client.Client object at 0x7f3c2a1b9d50>, user = <User: qa+1@ledgerly.io>

    def test_email_change_rejects_missing_csrf_token(client, user):
        client.force_login(user)
        resp = client.post("/settings/email", {"email": "new@ledgerly.io"})
>       assert resp.status_code == 403
E       assert 302 == 403
E        +  where 302 = <HttpResponseRedirect status_code=302, "text/html; charset=utf-8", url="/settings/">.status_code

tests/auth/test_csrf.py:41: AssertionError
___________________ test_password_change_kills_other_sessions __________________

client = <django.test.client.Client object at 0x7f3c2a0e1f10>, user = <User: qa+1@ledgerly.io>

    def test_password_change_kills_other_sessions(client, user):
        other = Client()
        other.force_login(user)
        client.force_login(user)
        client.post("/settings/password", {"old": "pw-Correct-1", "new1": "N3w-Passw0rd!!", "new2": "N3w-Passw0rd!!"})
>       assert other.get("/api/me").status_code == 401
E       assert 200 == 401

tests/auth/test_sessions.py:77: AssertionError
=========================== short test summary info ============================
FAILED tests/auth/test_csrf.py::test_email_change_rejects_missing_csrf_token - assert 302 == 403
FAILED tests/auth/test_sessions.py::test_password_change_kills_other_sessions - assert 200 == 401
========================= 2 failed, 36 passed in 4.12s =========================
'''

CSP_REPORTS = "\n".join(json.dumps({"csp-report": {
    "document-uri": f"https://app.ledgerly.io/{p}", "violated-directive": d, "effective-directive": d.split()[0],
    "blocked-uri": b, "line-number": ln, "source-file": f"https://app.ledgerly.io/_next/static/chunks/{p.replace('/', '-') or 'index'}.js",
    "disposition": "report"}}) for (p, d, b, ln) in [
    ("dashboard", "script-src-elem", "https://www.googletagmanager.com/gtm.js", 1),
    ("dashboard", "connect-src", "https://o44211.ingest.sentry.io", 88),
    ("invoices/new", "script-src-elem", "inline", 12),
    ("settings", "img-src", "https://secure.gravatar.com", 1),
    ("invoices/4412", "style-src-attr", "inline", 301),
    ("dashboard", "connect-src", "https://api.segment.io", 14),
    ("", "script-src-elem", "chrome-extension", 0),
    ("reports", "frame-src", "https://js.stripe.com", 1),
    ("invoices/new", "script-src-elem", "inline", 12),
    ("settings/billing", "connect-src", "https://r.stripe.com", 5),
    ("dashboard", "script-src-elem", "https://cdn.segment.com/analytics.js/v1/abc/analytics.min.js", 1),
    ("", "script-src-elem", "moz-extension", 0)])

# ---------------------------------------------------------------- batch 10 rows
R("sonnet", "debug", "web", "plain", None,
  "Failing tests point at the causes (CSRF exempt view / session invalidation missing); TB2/TB6 sonnet.",
  "Two failures after the CSRF and session changes. Can you tell me what's wrong in the app code? The views are standard Django class-based views.\n\n```\n" + failing_test_output() + "```")
R("haiku", "question", "web", "terse", "long-trivial",
  "Reading which tests failed from output.",
  "which tests failed\n\n```\n" + failing_test_output() + "```")
R("sonnet", "edit", "web", "plain", None,
  "Updating a CSP from report data with known sources: several careful edits.",
  "We run CSP in report-only mode. Here are the violation reports from a day. Update our policy so legitimate stuff (GTM, Sentry, Segment, Stripe, Gravatar) stops reporting, ignore browser extensions, and tell me what to do about the inline script on invoices/new instead of allowing unsafe-inline. Current policy: default-src 'self'; script-src 'self' 'nonce-{n}'; style-src 'self'; img-src 'self' data:; connect-src 'self' https://api.ledgerly.io; frame-src 'none'\n\n```\n" + CSP_REPORTS + "\n```")
R("haiku", "question", "web", "plain", "hard-words-easy",
  "Listing distinct blocked URIs from a few lines.",
  "List the distinct blocked-uri values in these CSP reports.\n\n```\n" + CSP_REPORTS + "\n```")
R("sonnet", "implement", "web", "plain", None,
  "Clear-spec endpoint for CSP reports.",
  "Write a small endpoint that receives CSP reports (both application/csp-report and the Reporting API application/reports+json formats), drops extension-originated ones, dedupes by (directive, blocked-uri, document path) per hour in Redis, and forwards to our logger. FastAPI.")
R("sonnet", "implement", "security", "plain", None,
  "Clear-spec integration with a secrets library.",
  "Write a Go helper that loads our DB password from AWS Secrets Manager at startup and refreshes it every 10 minutes in the background (to survive rotation), exposing a func that the pgx pool's BeforeConnect hook can call. Use aws-sdk-go-v2.")
R("opus", "debug", "databases", "plain", None,
  "Intermittent failures during secret rotation across pool, app and DB: timing/consistency problem without a clear lead.",
  "Every 30 days when Secrets Manager rotates the RDS password, about 5 minutes of errors hit prod: 'password authentication failed' from a subset of pods, even though we refresh the secret every minute. Rotation uses the AWS single-user Lambda template. What's going on and how do we get to zero errors?")
R("sonnet", "test", "security", "plain", None,
  "Writing tests for existing crypto wrapper.",
  "Write tests for our Fernet field-encryption wrapper: round trip, tampered ciphertext raises InvalidToken, key rotation with MultiFernet decrypts old tokens and rotate() re-encrypts with the new key, empty string works, non-ASCII works. pytest, no DB.")
R("sonnet", "implement", "security", "plain", None,
  "Clear-spec key rotation job.",
  "Write a Django management command that re-encrypts every UserProfile.totp_secret with the newest key in our MultiFernet (settings.FIELD_KEYS, newest first), in batches of 500 with select_for_update(skip_locked=True), idempotent, with a --dry-run that just counts rows still on old keys.")
R("opus", "question", "security", "plain", None,
  "Crypto reasoning: whether a construction gives integrity/replay protection.",
  "We encrypt a JSON blob {user_id, tenant_id, exp} with AES-CTR and put it in a cookie as our 'secure session'. No MAC because 'it's encrypted so nobody can change it'. Is that true? Explain what an attacker can do.")
R("haiku", "question", "security", "typos", None,
  "Short fact.",
  "gcm vs cbc which one shoud i use for new code")
R("sonnet", "implement", "web", "typos", None,
  "Clear-spec feature with typos.",
  "add 'remember me' to our login, when checked the session cookie gets max-age 30 days else its a session cookie, and store a flag so we can show 'you were remembered' + force re-auth for changing email/password. django pls")
R("opus", "design", "web", "typos", "easy-words-hard",
  "Typos; step-up auth design for sensitive actions across web and API is design.",
  "how shoud we do 're-enter password before sensitive stuff' for both web and our api clients? some use sso so they dont even have a password")
R("sonnet", "debug", "web", "typos", None,
  "Identifiable cause: Lax cookie not sent on cross-site POST from payment provider.",
  "after 3ds redirect back from the bank (its a POST to our /payments/return) the user looks logged out, session cookie is samesite=lax. only safari + chrome. firefox fine?? how to fix w/o setting samesite none on the main session")
R("haiku", "question", "web", "non-native", "hard-words-easy",
  "Short fact.",
  "What mean 'preload' in HSTS header? Is it dangerous to add?")
R("sonnet", "ops", "web", "non-native", None,
  "Known procedure: HSTS preload submission checklist.",
  "We want to submit our domain to HSTS preload list. Please give me steps and what we must check before, we have some old subdomains on http only like legacy.ledgerly.io and a printer panel.")
R("opus", "review", "web", "non-native", "easy-words-hard",
  "Non-native plain question; judging an SSO logout design for session leakage across apps is protocol review.",
  "When user logout in our main app we also call logout of the other 3 apps with hidden iframes (front-channel). Sometime it not work in Safari. Is this design okay or we should change to something else? What risks if one app stay logged in?")
R("sonnet", "implement", "web", "verbose", None,
  "Clear-spec back-channel logout endpoint.",
  "Following up on the logout discussion, we decided on OIDC back-channel logout. Our IdP is Keycloak and it will POST a logout_token to each app's /oidc/backchannel-logout. Please implement that endpoint for our Spring Boot app: validate the logout token (signature via JWKS, iss, aud, iat, the events claim with the back-channel logout URI, no nonce claim), then find all our sessions with that sid (we store the IdP sid on our Spring Session rows in Redis as an attribute) and delete them. Return 200 on success and 400 on invalid tokens.")
R("opus", "design", "security", "verbose", None,
  "Verbose; designing authorization for an LLM agent acting on user data (confused deputy, scoping) is open security design.",
  "We're adding an AI assistant to our product that can call our internal APIs on behalf of the user — reading invoices, creating draft payments, searching customer records. Product wants it to 'just use the user's permissions'. I'm worried about prompt injection from customer-supplied invoice text making it do things the user didn't intend, and about the assistant backend holding tokens for thousands of users. How should we design the auth model for this?")
R("sonnet", "implement", "security", "plain", None,
  "Clear-spec token exchange client.",
  "Implement an OAuth 2.0 token exchange (RFC 8693) client in Python: take the user's access token as subject_token, request audience 'payments-api' and scope 'payments:draft', cache the exchanged token until 30s before exp, keyed by (sub, audience, scope). httpx, client credentials via private_key_jwt (we have the PEM).")
R("haiku", "question", "security", "terse", None,
  "Short fact.",
  "private_key_jwt vs client_secret_basic")
R("opus", "design", "infrastructure", "terse", "short-hard",
  "Short, hard: multi-tenant isolation for customer-supplied code execution.",
  "run customer-supplied python safely in our k8s cluster — isolation options?")
R("sonnet", "implement", "infrastructure", "plain", None,
  "Clear-spec NetworkPolicy.",
  "Write NetworkPolicies for namespace payments: default deny ingress and egress, allow ingress to billing-api from the ingress-nginx namespace on 8080, egress to Postgres at 10.20.5.0/24:5432, to kube-dns, and to the Stripe API via our egress proxy pod (label app=egress-proxy, namespace egress) on 3128.")
R("haiku", "question", "infrastructure", "plain", None,
  "Short fact.",
  "Do Kubernetes Secrets get encrypted at rest by default?")
R("sonnet", "ops", "infrastructure", "plain", None,
  "Known procedure: enable etcd encryption with KMS on EKS.",
  "How do I turn on envelope encryption of Kubernetes secrets with a KMS key on an existing EKS cluster in terraform, and re-encrypt the existing secrets afterwards?")
R("opus", "review", "security", "plain", None,
  "Protocol review of a custom SSO handoff between two apps.",
  "To move logged-in users from our main app to the new billing app on a different domain, we redirect to billing.ledgerly.com/sso?user_id=123&ts=1733311600&sig=<hmac of user_id+ts>. Billing checks the HMAC and that ts is within 5 minutes, then creates a session. Is this sound? What would you change?")
R("haiku", "docs", "security", "plain", None,
  "Short summary text.",
  "Write a two-sentence summary of LP-08 (JWT accepted with alg=none on legacy /v1 endpoints) for the exec report, non-technical.")
R("sonnet", "docs", "security", "plain", None,
  "Writing a fix advisory for customers with known facts is a multi-part doc.",
  "Write a customer-facing security advisory for the IDOR we fixed (cross-tenant invoice read, existed Aug 2 to Nov 28, we found 3 accessed invoices across 2 tenants, both notified). Sections: summary, impact, timeline, what we did, what customers should do. Calm, factual.")
R("opus", "plan", "security", "plain", "easy-words-hard",
  "Plain words; a cross-service migration plan from shared DB credentials to per-service identities is a big staged plan.",
  "All 20 of our services log into Postgres with the same user and password. How do we get to one identity per service without an outage?")
R("sonnet", "implement", "databases", "plain", None,
  "Clear spec: IAM database auth for one service.",
  "Switch our billing service (Python, SQLAlchemy, psycopg2) to RDS IAM authentication: generate the token with boto3 generate_db_auth_token on each new connection via the do_connect event, sslmode=verify-full with the RDS CA bundle, and the Postgres GRANT rds_iam to the billing_svc user.")

if __name__ == "__main__":
    with open("w24.jsonl", "w", encoding="utf-8") as f:
        for i, row in enumerate(ROWS, 1):
            f.write(json.dumps({"id": f"w24-{i:04d}", **row}, ensure_ascii=False) + "\n")
