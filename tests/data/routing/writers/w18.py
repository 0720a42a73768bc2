#!/usr/bin/env python3
"""Writer w18: developers doing chores in editors and terminals, pasting long files (source, manifests,
YAML, Terraform, CSV exports, SQL dumps, markdown, diffs) with trivial, rewrite-sized or hard asks.
Run `python3 w18.py` to write w18.jsonl deterministically."""
import json, random

ROWS = []

def R(label, category, domain, voice, trap, rationale, prompt, language="en"):
    ROWS.append({"prompt": prompt, "label": label, "rationale": rationale, "category": category,
                 "domain": domain, "voice": voice, "language": language, "trap": trap})

# ---------------------------------------------------------------------------------------------
# Generators for pasted MATERIAL only (never for the prompts themselves). Every generator takes
# its own seeded random.Random so the output is the same bytes on every run.
# ---------------------------------------------------------------------------------------------

FIRST = ["anna", "ben", "chloe", "dmitri", "elif", "farid", "greta", "hiro", "ines", "jonas", "kasia",
         "lukas", "maya", "nils", "olga", "priya", "quentin", "rosa", "sven", "tariq", "uma", "viktor",
         "wen", "yusuf", "zoe", "mateo", "leila", "oskar", "aiko", "bruno"]
LAST = ["schmidt", "nakamura", "okafor", "lindqvist", "moreau", "kowalski", "haddad", "fernandes", "ivanova",
        "brennan", "yilmaz", "tanaka", "novak", "jensen", "rossi", "castillo", "weber", "park", "dubois", "ali"]
DOMAINS = ["example.com", "mailbox.org", "acme-retail.io", "gmail.com", "fastmail.fm", "outlook.com", "web.de"]
COUNTRIES = ["DE", "FR", "US", "JP", "PL", "NL", "SE", "ES", "IT", "GB", "CA", "BR"]
SKUS = ["TSH-BLK-M", "TSH-WHT-L", "MUG-CER-350", "HDY-GRY-XL", "CAP-NVY-OS", "STK-PACK-10", "BTL-STL-750",
        "NTB-A5-DOT", "PEN-GEL-07", "BAG-TOTE-CN", "SCK-WOL-42", "PST-A2-MAP"]


def ts(rng, day=None, base_h=0):
    d = day if day is not None else rng.randint(1, 28)
    return "2024-03-%02dT%02d:%02d:%02dZ" % (d, (base_h + rng.randint(0, 23)) % 24, rng.randint(0, 59),
                                              rng.randint(0, 59))


def email(rng):
    return "%s.%s@%s" % (rng.choice(FIRST), rng.choice(LAST), rng.choice(DOMAINS))


def gen_orders_csv(rng, n):
    out = ["order_id,created_at,customer_email,country,sku,qty,unit_price,currency,status"]
    oid = 100231
    for _ in range(n):
        oid += rng.randint(1, 4)
        status = rng.choices(["paid", "shipped", "refunded", "cancelled", "pending"], [5, 8, 1, 1, 2])[0]
        cur = rng.choice(["EUR", "EUR", "USD", "JPY", "GBP"])
        price = rng.choice([12.5, 9.99, 24.0, 39.9, 4.5, 19.95, 59.0, 7.25])
        if cur == "JPY":
            price = int(price * 160)
        out.append("%d,%s,%s,%s,%s,%d,%s,%s,%s" % (oid, ts(rng), email(rng), rng.choice(COUNTRIES),
                                                  rng.choice(SKUS), rng.randint(1, 6), price, cur, status))
    return "\n".join(out)


def gen_users_csv(rng, n):
    out = ["id,username,email,signup_date,plan,last_login,mfa_enabled"]
    for i in range(n):
        f, l = rng.choice(FIRST), rng.choice(LAST)
        out.append("%d,%s%s%d,%s.%s@%s,2023-%02d-%02d,%s,2024-03-%02d,%s" % (
            4000 + i, f, l[:3], rng.randint(1, 99), f, l, rng.choice(DOMAINS), rng.randint(1, 12),
            rng.randint(1, 28), rng.choice(["free", "free", "pro", "team", "enterprise"]), rng.randint(1, 28),
            rng.choice(["true", "false"])))
    return "\n".join(out)


def gen_sql_dump(rng, n_rows):
    out = ["-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)",
           "--",
           "-- Host: db-prod-2.internal    Database: shopdb",
           "-- ------------------------------------------------------",
           "-- Server version\t8.0.36",
           "",
           "/*!40101 SET NAMES utf8mb4 */;",
           "/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;",
           "",
           "DROP TABLE IF EXISTS `customers`;",
           "CREATE TABLE `customers` (",
           "  `id` int NOT NULL AUTO_INCREMENT,",
           "  `email` varchar(255) NOT NULL,",
           "  `full_name` varchar(120) DEFAULT NULL,",
           "  `country` char(2) DEFAULT NULL,",
           "  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,",
           "  PRIMARY KEY (`id`),",
           "  UNIQUE KEY `uq_customers_email` (`email`)",
           ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;",
           "",
           "LOCK TABLES `customers` WRITE;"]
    vals = []
    for i in range(n_rows):
        f, l = rng.choice(FIRST), rng.choice(LAST)
        vals.append("(%d,'%s.%s%d@%s','%s %s','%s','2023-%02d-%02d %02d:%02d:%02d')" % (
            i + 1, f, l, rng.randint(1, 999), rng.choice(DOMAINS), f.title(), l.title(), rng.choice(COUNTRIES),
            rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)))
    for k in range(0, len(vals), 25):
        out.append("INSERT INTO `customers` VALUES " + ",".join(vals[k:k + 25]) + ";")
    out += ["UNLOCK TABLES;", "",
            "DROP TABLE IF EXISTS `orders`;",
            "CREATE TABLE `orders` (",
            "  `id` bigint NOT NULL AUTO_INCREMENT,",
            "  `customer_id` int NOT NULL,",
            "  `total_cents` int NOT NULL,",
            "  `currency` char(3) NOT NULL DEFAULT 'EUR',",
            "  `status` enum('pending','paid','shipped','refunded','cancelled') NOT NULL,",
            "  `created_at` datetime NOT NULL,",
            "  PRIMARY KEY (`id`),",
            "  KEY `fk_orders_customer` (`customer_id`),",
            "  CONSTRAINT `fk_orders_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`)",
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;", "",
            "LOCK TABLES `orders` WRITE;"]
    vals = []
    for i in range(n_rows * 2):
        vals.append("(%d,%d,%d,'%s','%s','2024-0%d-%02d %02d:%02d:00')" % (
            i + 1, rng.randint(1, n_rows), rng.randint(450, 48000), rng.choice(["EUR", "USD", "GBP"]),
            rng.choice(["pending", "paid", "shipped", "shipped", "refunded"]), rng.randint(1, 3),
            rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59)))
    for k in range(0, len(vals), 30):
        out.append("INSERT INTO `orders` VALUES " + ",".join(vals[k:k + 30]) + ";")
    out += ["UNLOCK TABLES;", "/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;", "",
            "-- Dump completed on 2024-03-18  2:14:07"]
    return "\n".join(out)


NPM_DEPS = [("react", "^18.2.0"), ("react-dom", "^18.2.0"), ("next", "14.1.3"), ("axios", "^1.6.7"),
            ("zod", "^3.22.4"), ("date-fns", "^3.3.1"), ("lodash", "^4.17.21"), ("@tanstack/react-query", "^5.24.1"),
            ("clsx", "^2.1.0"), ("zustand", "^4.5.2"), ("react-hook-form", "^7.51.0"), ("i18next", "^23.10.0"),
            ("@sentry/nextjs", "^7.105.0"), ("uuid", "^9.0.1"), ("dayjs", "^1.11.10"), ("recharts", "^2.12.2"),
            ("express", "^4.18.3"), ("pino", "^8.19.0"), ("dotenv", "^16.4.5"), ("jsonwebtoken", "^9.0.2"),
            ("prisma", "^5.10.2"), ("@prisma/client", "^5.10.2"), ("sharp", "^0.33.2"), ("nanoid", "^5.0.6")]
NPM_DEV = [("typescript", "^5.4.2"), ("eslint", "^8.57.0"), ("prettier", "^3.2.5"), ("vitest", "^1.3.1"),
           ("@types/node", "^20.11.25"), ("@types/react", "^18.2.64"), ("tsx", "^4.7.1"), ("husky", "^9.0.11"),
           ("lint-staged", "^15.2.2"), ("@playwright/test", "^1.42.1"), ("eslint-config-next", "14.1.3"),
           ("tailwindcss", "^3.4.1"), ("postcss", "^8.4.35"), ("autoprefixer", "^10.4.18")]


def gen_package_json(rng, name, n_deps=12, n_dev=9, shuffle=True):
    deps = rng.sample(NPM_DEPS, n_deps)
    dev = rng.sample(NPM_DEV, n_dev)
    if not shuffle:
        deps.sort(); dev.sort()
    scripts = [("dev", "next dev -p 3001"), ("build", "next build"), ("start", "next start"),
               ("lint", "eslint . --ext .ts,.tsx"), ("test", "vitest run"), ("test:e2e", "playwright test"),
               ("typecheck", "tsc --noEmit"), ("prepare", "husky")]
    lines = ["{", '  "name": "%s",' % name, '  "version": "%d.%d.%d",' % (rng.randint(0, 3), rng.randint(0, 20),
                                                                          rng.randint(0, 9)),
             '  "private": true,', '  "scripts": {']
    lines += ['    "%s": "%s"%s' % (k, v, "," if i < len(scripts) - 1 else "") for i, (k, v) in enumerate(scripts)]
    lines += ["  },", '  "dependencies": {']
    lines += ['    "%s": "%s"%s' % (k, v, "," if i < len(deps) - 1 else "") for i, (k, v) in enumerate(deps)]
    lines += ["  },", '  "devDependencies": {']
    lines += ['    "%s": "%s"%s' % (k, v, "," if i < len(dev) - 1 else "") for i, (k, v) in enumerate(dev)]
    lines += ["  },", '  "engines": {', '    "node": ">=18.17"', "  }", "}"]
    return "\n".join(lines)


def gen_cargo_toml(rng, name):
    crates = [("tokio", '{ version = "1.36", features = ["full"] }'), ("serde", '{ version = "1.0", features = ["derive"] }'),
              ("serde_json", '"1.0.114"'), ("anyhow", '"1.0.81"'), ("thiserror", '"1.0.58"'), ("tracing", '"0.1.40"'),
              ("tracing-subscriber", '{ version = "0.3", features = ["env-filter"] }'), ("axum", '"0.7.4"'),
              ("sqlx", '{ version = "0.7", features = ["runtime-tokio", "postgres", "uuid", "chrono"] }'),
              ("uuid", '{ version = "1.7", features = ["v4", "serde"] }'), ("chrono", '{ version = "0.4", features = ["serde"] }'),
              ("reqwest", '{ version = "0.11", default-features = false, features = ["json", "rustls-tls"] }'),
              ("clap", '{ version = "4.5", features = ["derive"] }'), ("once_cell", '"1.19"'), ("bytes", '"1.5"')]
    pick = rng.sample(crates, 10)
    lines = ["[package]", 'name = "%s"' % name, 'version = "0.%d.%d"' % (rng.randint(1, 9), rng.randint(0, 9)),
             'edition = "2021"', 'rust-version = "1.74"', 'license = "MIT OR Apache-2.0"', "",
             "[dependencies]"]
    lines += ["%s = %s" % kv for kv in pick]
    lines += ["", "[dev-dependencies]", 'pretty_assertions = "1.4"', 'wiremock = "0.6"', "",
              "[profile.release]", "lto = \"thin\"", "codegen-units = 1", "debug = 1", "",
              "[[bin]]", 'name = "%s"' % name, 'path = "src/main.rs"']
    return "\n".join(lines)


MAVEN = [("org.springframework.boot", "spring-boot-starter-web", None), ("org.springframework.boot", "spring-boot-starter-data-jpa", None),
         ("org.springframework.boot", "spring-boot-starter-security", None), ("org.postgresql", "postgresql", "42.7.2"),
         ("com.fasterxml.jackson.datatype", "jackson-datatype-jsr310", None), ("org.flywaydb", "flyway-core", "10.8.1"),
         ("io.micrometer", "micrometer-registry-prometheus", None), ("org.apache.commons", "commons-lang3", "3.14.0"),
         ("com.google.guava", "guava", "33.0.0-jre"), ("io.jsonwebtoken", "jjwt-api", "0.12.5"),
         ("org.mapstruct", "mapstruct", "1.5.5.Final"), ("org.projectlombok", "lombok", "1.18.30"),
         ("net.logstash.logback", "logstash-logback-encoder", "7.4"), ("org.springdoc", "springdoc-openapi-starter-webmvc-ui", "2.3.0"),
         ("software.amazon.awssdk", "s3", "2.25.6"), ("org.apache.kafka", "kafka-clients", "3.6.1"),
         ("io.github.resilience4j", "resilience4j-spring-boot3", "2.2.0"), ("org.testcontainers", "postgresql", "1.19.6"),
         ("org.junit.jupiter", "junit-jupiter", "5.10.2"), ("org.mockito", "mockito-core", "5.11.0"),
         ("org.assertj", "assertj-core", "3.25.3"), ("com.h2database", "h2", "2.2.224")]


def gen_pom(rng, artifact, n):
    deps = rng.sample(MAVEN, n)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
             '         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">',
             "    <modelVersion>4.0.0</modelVersion>", "    <parent>",
             "        <groupId>org.springframework.boot</groupId>",
             "        <artifactId>spring-boot-starter-parent</artifactId>",
             "        <version>3.2.3</version>", "        <relativePath/>", "    </parent>",
             "    <groupId>com.northwind.platform</groupId>", "    <artifactId>%s</artifactId>" % artifact,
             "    <version>1.%d.0-SNAPSHOT</version>" % rng.randint(2, 14), "", "    <properties>",
             "        <java.version>17</java.version>",
             "        <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>",
             "    </properties>", "", "    <dependencies>"]
    for g, a, v in deps:
        lines += ["        <dependency>", "            <groupId>%s</groupId>" % g, "            <artifactId>%s</artifactId>" % a]
        if v:
            lines.append("            <version>%s</version>" % v)
        if a in ("junit-jupiter", "mockito-core", "assertj-core", "h2") or g == "org.testcontainers":
            lines.append("            <scope>test</scope>")
        if a == "lombok":
            lines.append("            <optional>true</optional>")
        lines.append("        </dependency>")
    lines += ["    </dependencies>", "", "    <build>", "        <plugins>", "            <plugin>",
              "                <groupId>org.springframework.boot</groupId>",
              "                <artifactId>spring-boot-maven-plugin</artifactId>", "            </plugin>",
              "            <plugin>", "                <groupId>org.apache.maven.plugins</groupId>",
              "                <artifactId>maven-surefire-plugin</artifactId>",
              "                <version>3.2.5</version>", "            </plugin>", "        </plugins>",
              "    </build>", "</project>"]
    return "\n".join(lines)


SERVICES = ["checkout-api", "cart-service", "inventory-sync", "payments-gateway", "notification-worker",
            "search-indexer", "auth-service", "pricing-engine", "shipping-quotes", "recommendations",
            "media-resizer", "audit-log", "feature-flags", "order-events", "invoice-renderer", "webhooks-out"]


def gen_k8s(rng, services, ns="shop-prod"):
    docs = []
    for s in services:
        rep = rng.choice([2, 3, 3, 4, 6])
        port = rng.choice([8080, 8000, 3000, 9090])
        cpu = rng.choice(["100m", "250m", "500m", "1"])
        mem = rng.choice(["128Mi", "256Mi", "512Mi", "1Gi"])
        tag = "%d.%d.%d" % (rng.randint(1, 4), rng.randint(0, 30), rng.randint(0, 12))
        docs.append("\n".join([
            "apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: %s" % s, "  namespace: %s" % ns,
            "  labels:", "    app: %s" % s, "    team: %s" % rng.choice(["storefront", "platform", "fulfilment", "growth"]),
            "spec:", "  replicas: %d" % rep, "  selector:", "    matchLabels:", "      app: %s" % s, "  template:",
            "    metadata:", "      labels:", "        app: %s" % s, "    spec:", "      containers:",
            "        - name: %s" % s, "          image: registry.northwind.io/%s:%s" % (s, tag),
            "          ports:", "            - containerPort: %d" % port, "          env:",
            "            - name: LOG_LEVEL", "              value: %s" % rng.choice(["info", "info", "debug", "warn"]),
            "            - name: OTEL_EXPORTER_OTLP_ENDPOINT", "              value: http://otel-collector.observability:4317",
            "          resources:", "            requests:", "              cpu: %s" % cpu, "              memory: %s" % mem,
            "            limits:", "              memory: %s" % mem, "          readinessProbe:", "            httpGet:",
            "              path: /healthz", "              port: %d" % port, "            periodSeconds: %d" % rng.choice([5, 10, 15])]))
        docs.append("\n".join([
            "apiVersion: v1", "kind: Service", "metadata:", "  name: %s" % s, "  namespace: %s" % ns, "spec:",
            "  selector:", "    app: %s" % s, "  ports:", "    - port: 80", "      targetPort: %d" % port]))
    return "\n---\n".join(docs)


def gen_terraform(rng, n_envs=1, extra_sgs=4):
    blocks = ['terraform {', '  required_version = ">= 1.5.0"', '  required_providers {', '    aws = {',
              '      source  = "hashicorp/aws"', '      version = "~> 5.40"', '    }', '  }',
              '  backend "s3" {', '    bucket         = "nw-tfstate-prod"', '    key            = "platform/main.tfstate"',
              '    region         = "eu-central-1"', '    dynamodb_table = "nw-tf-locks"', '  }', '}', '',
              'provider "aws" {', '  region = var.region', '}', '',
              'variable "region" {', '  type    = string', '  default = "eu-central-1"', '}', '',
              'variable "env" {', '  type    = string', '  default = "prod"', '}', '']
    for i, s in enumerate(SERVICES[:extra_sgs]):
        port = rng.choice([8080, 443, 5432, 6379, 9092])
        blocks += ['resource "aws_security_group" "%s" {' % s.replace("-", "_"), '  name        = "${var.env}-%s"' % s,
                   '  description = "%s traffic"' % s, '  vpc_id      = aws_vpc.main.id', '',
                   '  ingress {', '    from_port   = %d' % port, '    to_port     = %d' % port, '    protocol    = "tcp"',
                   '    cidr_blocks = ["10.%d.0.0/16"]' % rng.randint(10, 40), '  }', '',
                   '  egress {', '    from_port   = 0', '    to_port     = 0', '    protocol    = "-1"',
                   '    cidr_blocks = ["0.0.0.0/0"]', '  }', '', '  tags = local.common_tags', '}', '']
    blocks += ['resource "aws_vpc" "main" {', '  cidr_block           = "10.20.0.0/16"', '  enable_dns_hostnames = true',
               '  tags = merge(local.common_tags, { Name = "${var.env}-main" })', '}', '',
               'locals {', '  common_tags = {', '    Environment = var.env', '    Owner       = "platform-team"',
               '    CostCenter  = "CC-4471"', '    ManagedBy   = "terraform"', '  }', '}', '']
    for s in SERVICES[:n_envs * 3]:
        it = rng.choice(["t3.medium", "t3.large", "m6i.large", "c6i.xlarge", "r6g.large"])
        blocks += ['resource "aws_instance" "%s" {' % s.replace("-", "_"),
                   '  ami                    = data.aws_ami.al2023.id', '  instance_type          = "%s"' % it,
                   '  subnet_id              = aws_subnet.private[%d].id' % rng.randint(0, 2),
                   '  vpc_security_group_ids = [aws_security_group.%s.id]' % rng.choice(SERVICES[:extra_sgs]).replace("-", "_"),
                   '  iam_instance_profile   = aws_iam_instance_profile.app.name',
                   '  root_block_device {', '    volume_size = %d' % rng.choice([20, 30, 50, 100]),
                   '    volume_type = "gp3"', '    encrypted   = true', '  }',
                   '  tags = merge(local.common_tags, { Name = "${var.env}-%s" })' % s, '}', '']
    return "\n".join(blocks)


LOG_MSGS = [
    ("INFO", "http", "GET /api/v2/cart/{n} 200 {ms}ms"),
    ("INFO", "http", "POST /api/v2/checkout 201 {ms}ms"),
    ("INFO", "http", "GET /api/v2/products?page={n} 200 {ms}ms"),
    ("DEBUG", "pool", "acquired conn id={n} idle={k} in_use={j}"),
    ("INFO", "worker", "processed batch size={k} lag_ms={ms}"),
    ("WARN", "http", "slow request POST /api/v2/checkout {ms}ms exceeded 800ms budget"),
    ("INFO", "cache", "redis hit ratio={r} keys={n}"),
    ("DEBUG", "kafka", "committed offsets partition={k} offset={n}"),
    ("INFO", "scheduler", "job reconcile-inventory finished in {ms}ms"),
    ("WARN", "pool", "connection wait exceeded 250ms waiters={k}"),
]


def gen_app_log(rng, n, extra=None, extra_every=0, svc="checkout-api", gap=(3, 900)):
    out = []
    h, m, s, ms_ = 9, 0, 0, 0
    for i in range(n):
        ms_ += rng.randint(*gap)
        while ms_ >= 1000:
            ms_ -= 1000; s += 1
        while s >= 60:
            s -= 60; m += 1
        while m >= 60:
            m -= 60; h += 1
        lvl, comp, msg = rng.choice(LOG_MSGS)
        if extra and extra_every and i % extra_every == extra_every - 1:
            lvl, comp, msg = rng.choice(extra)
        msg = msg.format(ms=rng.randint(4, 1400), n=rng.randint(1, 99999), k=rng.randint(0, 40),
                         j=rng.randint(0, 20), r="%.2f" % rng.uniform(0.6, 0.99))
        out.append("2024-03-14T%02d:%02d:%02d.%03dZ %-5s [%s] %s req=%s %s" % (
            h % 24, m, s, ms_, lvl, comp, svc, "%08x" % rng.getrandbits(32), msg))
    return "\n".join(out)


def gen_access_log(rng, n):
    ips = ["10.0.%d.%d" % (rng.randint(0, 9), rng.randint(2, 250)) for _ in range(20)] + \
          ["185.220.101.%d" % rng.randint(1, 60), "66.249.66.%d" % rng.randint(1, 200)]
    paths = ["/", "/api/v2/products", "/api/v2/cart", "/static/app.9f3c1.js", "/login", "/api/v2/checkout",
             "/wp-login.php", "/favicon.ico", "/api/v2/search?q=mug", "/robots.txt"]
    uas = ['"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/122.0 Safari/537.36"',
           '"Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) Safari/604.1"', '"curl/8.4.0"',
           '"Googlebot/2.1 (+http://www.google.com/bot.html)"', '"python-requests/2.31.0"']
    out = []
    for i in range(n):
        p = rng.choice(paths)
        code = rng.choices([200, 304, 404, 500, 302, 401], [30, 5, 4, 1, 2, 2])[0]
        out.append('%s - - [14/Mar/2024:%02d:%02d:%02d +0000] "%s %s HTTP/1.1" %d %d "-" %s' % (
            rng.choice(ips), 10 + i * 12 // n, rng.randint(0, 59), rng.randint(0, 59),
            "POST" if "checkout" in p or "login" in p else "GET", p, code, rng.randint(120, 48000), rng.choice(uas)))
    return "\n".join(out)


ENTITIES = ["invoice", "shipment", "customer", "refund", "voucher", "warehouse", "supplier", "payout",
            "subscription", "ledger_entry", "coupon", "return_label", "tax_rate", "price_list", "bundle"]


def camel(s):
    return "".join(p.title() for p in s.split("_"))


def py_block(rng, e):
    E = camel(e)
    kind = rng.randint(0, 4)
    if kind == 0:
        return '''def load_{e}s(conn, since, limit=500):
    """Return {e} rows changed since the given timestamp."""
    cur = conn.cursor()
    cur.execute(
        "SELECT id, status, updated_at, payload FROM {e}s WHERE updated_at > %s ORDER BY updated_at LIMIT %s",
        (since, limit),
    )
    rows = cur.fetchall()
    cur.close()
    return [{E}.from_row(r) for r in rows]
'''.format(e=e, E=E)
    if kind == 1:
        f1, f2 = rng.sample(["amount_cents", "currency", "country", "external_ref", "status", "created_by"], 2)
        return '''def validate_{e}(payload: dict) -> dict:
    errors = {{}}
    if not payload.get("{f1}"):
        errors["{f1}"] = "required"
    if "{f2}" in payload and len(str(payload["{f2}"])) > {n}:
        errors["{f2}"] = "too long"
    if errors:
        raise ValidationError(errors)
    return {{k: v for k, v in payload.items() if k in {E}.FIELDS}}
'''.format(e=e, E=E, f1=f1, f2=f2, n=rng.choice([32, 64, 128, 255]))
    if kind == 2:
        return '''class {E}Repository:
    def __init__(self, session):
        self.session = session

    def get(self, {e}_id: int) -> "{E} | None":
        return self.session.query({E}).filter_by(id={e}_id).one_or_none()

    def save(self, obj: "{E}") -> None:
        self.session.add(obj)
        self.session.flush()

    def delete(self, {e}_id: int) -> bool:
        obj = self.get({e}_id)
        if obj is None:
            return False
        self.session.delete(obj)
        return True
'''.format(e=e, E=E)
    if kind == 3:
        return '''def serialize_{e}(obj) -> dict:
    return {{
        "id": obj.id,
        "status": obj.status,
        "updated_at": obj.updated_at.isoformat() if obj.updated_at else None,
        "meta": dict(obj.meta or {{}}),
    }}
'''.format(e=e)
    return '''@dataclass
class {E}Event:
    {e}_id: int
    kind: str
    occurred_at: datetime
    attributes: dict = field(default_factory=dict)

    def routing_key(self) -> str:
        return f"{e}.{{self.kind}}"
'''.format(e=e, E=E)


def gen_py_module(rng, n_blocks, header=True, inject=None, inject_at=None):
    parts = []
    if header:
        parts.append('"""Persistence and serialization helpers for the back-office service."""\n'
                     "from __future__ import annotations\n\nimport logging\nfrom dataclasses import dataclass, field\n"
                     "from datetime import datetime\n\nfrom .errors import ValidationError\nfrom .models import *  # noqa: F401,F403\n\n"
                     "log = logging.getLogger(__name__)\n")
    for i in range(n_blocks):
        if inject is not None and i == inject_at:
            parts.append(inject)
        parts.append(py_block(rng, rng.choice(ENTITIES)))
    return "\n\n".join(parts)


def js_block(rng, e):
    E = camel(e)
    kind = rng.randint(0, 3)
    if kind == 0:
        return '''async function fetch{E}s(client, opts = {{}}) {{
  const params = new URLSearchParams({{ page: opts.page || 1, per_page: opts.perPage || 50 }});
  const res = await client.get(`/api/v2/{e}s?${{params}}`);
  if (!res.ok) {{
    throw new ApiError(res.status, `failed to load {e}s`);
  }}
  return res.data.items.map(normalize{E});
}}'''.format(e=e, E=E)
    if kind == 1:
        return '''function normalize{E}(raw) {{
  return {{
    id: String(raw.id),
    status: raw.status || 'unknown',
    createdAt: raw.created_at ? new Date(raw.created_at) : null,
    total: typeof raw.total_cents === 'number' ? raw.total_cents / 100 : 0,
    tags: Array.isArray(raw.tags) ? raw.tags : [],
  }};
}}'''.format(E=E)
    if kind == 2:
        return '''function group{E}sBy(items, key) {{
  return items.reduce((acc, item) => {{
    const k = item[key] ?? 'none';
    (acc[k] = acc[k] || []).push(item);
    return acc;
  }}, {{}});
}}'''.format(E=E)
    return '''export function format{E}Label(item, locale = 'en-US') {{
  const when = item.createdAt ? item.createdAt.toLocaleDateString(locale) : '-';
  return `${{item.id}} · ${{item.status}} · ${{when}}`;
}}'''.format(E=E)


def gen_js_module(rng, n_blocks):
    parts = ["// src/lib/backoffice.js", "import { ApiError } from './errors';", ""]
    fetchers = []
    for _ in range(n_blocks):
        blk = js_block(rng, rng.choice(ENTITIES))
        if blk.startswith("async function fetch"):
            name = blk.split("(", 1)[0].split()[-1]
            if name not in fetchers:
                fetchers.append(name)
        parts.append(blk)
        parts.append("")
    parts.append("export { " + ", ".join(fetchers[:6]) + " };")
    return "\n".join(parts)


def go_block(rng, e):
    E = camel(e)
    kind = rng.randint(0, 2)
    if kind == 0:
        return '''func (s *Store) Get{E}(ctx context.Context, id int64) (*{E}, error) {{
	row := s.db.QueryRowContext(ctx, `SELECT id, status, updated_at FROM {e}s WHERE id = $1`, id)
	var x {E}
	if err := row.Scan(&x.ID, &x.Status, &x.UpdatedAt); err != nil {{
		if errors.Is(err, sql.ErrNoRows) {{
			return nil, ErrNotFound
		}}
		return nil, fmt.Errorf("get {e} %d: %w", id, err)
	}}
	return &x, nil
}}'''.format(e=e, E=E)
    if kind == 1:
        return '''func validate{E}(x *{E}) error {{
	if x.ID <= 0 {{
		return fmt.Errorf("{e}: invalid id %d", x.ID)
	}}
	if x.Status == "" {{
		return errors.New("{e}: empty status")
	}}
	return nil
}}'''.format(e=e, E=E)
    return '''func (h *Handler) handle{E}List(w http.ResponseWriter, r *http.Request) {{
	items, err := h.store.List{E}s(r.Context(), parsePage(r))
	if err != nil {{
		h.log.Error("list {e}s", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}}
	writeJSON(w, http.StatusOK, items)
}}'''.format(e=e, E=E)


def gen_go_file(rng, n_blocks, core, pkg="dispatch"):
    parts = ["package %s" % pkg, "", "import (", '\t"context"', '\t"database/sql"', '\t"errors"', '\t"fmt"',
             '\t"log/slog"', '\t"net/http"', '\t"sync"', '\t"time"', ")", ""]
    half = n_blocks // 2
    for i in range(n_blocks):
        if i == half:
            parts.append(core)
        parts.append(go_block(rng, rng.choice(ENTITIES)))
        parts.append("")
    return "\n".join(parts)


DOC_SENTENCES = [
    "The sync job runs every fifteen minutes and pulls changed rows from the ERP export bucket.",
    "If the job fails three times in a row, PagerDuty pages the fulfilment on-call rotation.",
    "Credentials for the staging database live in Vault under secret/staging/shopdb.",
    "Never run the backfill script against production without a ticket in the CHG project.",
    "The checkout service talks to the payment gateway through the internal egress proxy.",
    "Feature flags are evaluated on the server; the client only receives the resolved values.",
    "All timestamps are stored in UTC and converted to the shop's timezone at render time.",
    "Use `make dev` to start the stack locally; it brings up Postgres, Redis and the mock gateway.",
    "Migrations are applied by the deploy pipeline, not by the application on startup.",
    "The invoice renderer caches templates for ten minutes, so template changes are not instant.",
    "When you add a new queue, register it in `config/queues.yaml` and add an alert for its lag.",
    "Refunds above 500 EUR require a second approver in the back-office tool.",
    "Logs are shipped to Loki and retained for thirty days; audit logs are kept for seven years.",
    "The search index is rebuilt nightly at 02:30 UTC and takes about forty minutes.",
    "Rate limits are applied per API key, not per IP, except on the login endpoint.",
    "Before you open a pull request, run `make lint test` and make sure the coverage gate passes.",
]
DOC_HEADINGS = ["Overview", "Local setup", "Configuration", "Deployments", "Runbook: sync failures",
                "Secrets", "Observability", "Data retention", "Release process", "Troubleshooting",
                "On-call", "Glossary", "Known issues", "FAQ", "Architecture notes", "Contributing"]


def gen_markdown(rng, n_sections, paras=3, typo=None):
    out = ["# Northwind Platform Handbook", "",
           "Internal documentation for the platform team. Keep this file up to date when you change a process.", ""]
    for i in range(n_sections):
        out.append("## %s" % (DOC_HEADINGS[i % len(DOC_HEADINGS)] + ("" if i < len(DOC_HEADINGS) else " (%d)" % (i // len(DOC_HEADINGS) + 1))))
        out.append("")
        for _ in range(paras):
            sent = rng.sample(DOC_SENTENCES, rng.randint(2, 4))
            out.append(" ".join(sent))
            out.append("")
        if rng.random() < 0.4:
            out += ["```bash", "kubectl -n shop-prod rollout status deploy/%s" % rng.choice(SERVICES), "```", ""]
        if rng.random() < 0.3:
            out += ["See also: https://wiki.northwind.io/platform/%s" % rng.choice(SERVICES), ""]
    text = "\n".join(out)
    if typo:
        good, bad = typo
        idx = text.find(good, len(text) // 2)
        if idx >= 0:
            text = text[:idx] + bad + text[idx + len(good):]
    return text


def gen_diff(rng, path, n_hunks):
    out = ["diff --git a/%s b/%s" % (path, path), "index %07x..%07x 100644" % (rng.getrandbits(28), rng.getrandbits(28)),
           "--- a/%s" % path, "+++ b/%s" % path]
    line = 10
    for _ in range(n_hunks):
        e = rng.choice(ENTITIES)
        out.append("@@ -%d,7 +%d,8 @@ class %sService:" % (line, line, camel(e)))
        out += ["     def update_%s(self, %s_id, data):" % (e, e),
                "         obj = self.repo.get(%s_id)" % e,
                "-        if obj is None:",
                "-            return None",
                "+        if obj is None:",
                "+            raise NotFound(f\"%s {%s_id} not found\")" % (e, e),
                "+        self._check_version(obj, data.get(\"version\"))",
                "         for k, v in data.items():",
                "             setattr(obj, k, v)"]
        line += rng.randint(30, 90)
    return "\n".join(out)



# ============================== ROWS ==============================

# ---- batch 1: long pastes and their minimal pairs ----

GO_DISPATCH_CORE = '''// Dispatcher fans jobs out to named workers. Used by the nightly reconciliation
// and by the webhook retry loop.
type Dispatcher struct {
	mu       sync.Mutex
	workers  map[string]*worker
	inflight int
	closed   bool
	results  chan Result
	log      *slog.Logger
}

type worker struct {
	name    string
	queue   chan Job
	lastRun time.Time
}

func NewDispatcher(log *slog.Logger, resultBuf int) *Dispatcher {
	return &Dispatcher{
		workers: make(map[string]*worker),
		results: make(chan Result, resultBuf),
		log:     log,
	}
}

func (d *Dispatcher) Register(name string, buf int) {
	d.mu.Lock()
	defer d.mu.Unlock()
	w := &worker{name: name, queue: make(chan Job, buf)}
	d.workers[name] = w
	go d.run(w)
}

func (d *Dispatcher) Submit(ctx context.Context, name string, j Job) error {
	d.mu.Lock()
	w, ok := d.workers[name]
	closed := d.closed
	d.mu.Unlock()
	if closed {
		return ErrClosed
	}
	if !ok {
		return fmt.Errorf("dispatch: no worker %q", name)
	}
	d.inflight++
	select {
	case w.queue <- j:
		return nil
	case <-ctx.Done():
		d.inflight--
		return ctx.Err()
	}
}

func (d *Dispatcher) run(w *worker) {
	for j := range w.queue {
		res := j.Do()
		w.lastRun = time.Now()
		d.results <- res
		d.mu.Lock()
		d.inflight--
		d.mu.Unlock()
	}
}

func (d *Dispatcher) Inflight() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.inflight
}

func (d *Dispatcher) Stats() map[string]time.Time {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make(map[string]time.Time, len(d.workers))
	for n, w := range d.workers {
		out[n] = w.lastRun
	}
	return out
}

func (d *Dispatcher) Close() {
	d.mu.Lock()
	d.closed = true
	for _, w := range d.workers {
		close(w.queue)
	}
	d.mu.Unlock()
	for d.Inflight() > 0 {
		time.Sleep(10 * time.Millisecond)
	}
	close(d.results)
}
'''

PY_AUTH_CORE = '''# --- auth flow (login / refresh / password reset) -------------------------------------
import hashlib
import os
import random
import time

import jwt

SECRET = os.environ.get("JWT_SECRET", "dev-secret-change-me")
REFRESH_STORE: dict[str, tuple[int, float]] = {}
RESET_TOKENS: dict[int, tuple[str, float]] = {}


def issue_tokens(user) -> tuple[str, str]:
    now = int(time.time())
    access = jwt.encode({"sub": str(user.id), "role": user.role, "exp": now + 900}, SECRET, algorithm="HS256")
    refresh = hashlib.sha1(f"{user.id}:{now}".encode()).hexdigest()
    REFRESH_STORE[refresh] = (user.id, now + 30 * 86400)
    return access, refresh


def verify_access(token: str) -> dict:
    header = jwt.get_unverified_header(token)
    return jwt.decode(token, SECRET, algorithms=[header["alg"]])


def login(email: str, password: str):
    user = users.by_email(email)
    if user is None:
        raise AuthError("unknown email")
    if user.password_hash != hashlib.sha256(password.encode()).hexdigest():
        raise AuthError("wrong password")
    return issue_tokens(user)


def refresh(refresh_token: str):
    entry = REFRESH_STORE.get(refresh_token)
    if not entry:
        raise AuthError("invalid refresh token")
    user_id, exp = entry
    if exp < time.time():
        raise AuthError("expired")
    return issue_tokens(users.get(user_id))


def start_password_reset(email: str) -> dict:
    user = users.by_email(email)
    if user is None:
        return {"ok": False, "error": "no account with that email"}
    token = str(random.randint(100000, 999999))
    RESET_TOKENS[user.id] = (token, time.time() + 3600)
    send_mail(user.email, "Your reset code", f"Code: {token}")
    return {"ok": True}


def finish_password_reset(user_id: int, token: str, new_password: str) -> bool:
    stored, exp = RESET_TOKENS[user_id]
    if token == stored and time.time() < exp:
        user = users.get(user_id)
        user.password_hash = hashlib.sha256(new_password.encode()).hexdigest()
        users.save(user)
        return True
    return False
'''

_rng = random.Random(18001)
ORDERS_BIG = gen_orders_csv(_rng, 560)
R("haiku", "question", "data", "terse", "long-trivial",
  "TB5: counting rows of a pasted export is mechanical and checkable at a glance, however long the paste",
  "how many data rows in this (not counting header)\n\n" + ORDERS_BIG)

_rng = random.Random(18002)
SQL_BIG = gen_sql_dump(_rng, 150)
R("haiku", "edit", "databases", "plain", "long-trivial",
  "TB5: extracting the email addresses from a dump is a mechanical extraction, haiku despite the 25k-char paste",
  "Pull every email address out of this mysqldump, one per line, no duplicates. Nothing else needed.\n\n" + SQL_BIG)

_rng = random.Random(18003)
SQL_MED = gen_sql_dump(_rng, 60)
R("opus", "plan", "databases", "verbose", None,
  "zero-downtime migration from a shared schema to per-tenant schemas is a multi-step, high-stakes plan with consistency trade-offs",
  "This is the schema + a sample of data from our shop DB (MySQL 8). We're onboarding white-label partners and "
  "legal wants each partner's customers physically separated, so the idea is one schema per tenant. We can't take "
  "more than a couple of minutes of downtime and orders keep coming in during the move. Write me a migration plan: "
  "how to introduce tenant_id, how to backfill, how to cut over writes without losing or double-writing orders, "
  "how to roll back if it goes wrong halfway, and what to watch during the cutover.\n\n" + SQL_MED)

_rng = random.Random(18004)
TF_BIG = gen_terraform(_rng, n_envs=5, extra_sgs=16)
R("haiku", "question", "infrastructure", "typos", "long-trivial",
  "TB5: finding one attribute in a long Terraform file is a lookup, checkable at a glance",
  "whats the instance_type on the pricing engine box? cant find it in this mess\n\n" + TF_BIG)
R("opus", "review", "security", "plain", None,
  "TB10: a security review of infrastructure before a prod apply; a missed exposure is costly",
  "We're about to apply this to prod for the first time. Can you do a security review of it? Network exposure, "
  "IAM, encryption, state handling, anything that would make an auditor unhappy.\n\n" + TF_BIG)

_rng = random.Random(18005)
PY_BIG = gen_py_module(_rng, 58)
R("haiku", "edit", "tooling", "plain", "long-trivial",
  "TB5: prepending a license header is mechanical regardless of file length",
  "Add the standard Apache-2.0 license header to the top of this file. Copyright holder is Northwind Labs GmbH, "
  "year 2024. Don't touch anything else, just give me the header block I should paste in.\n\n" + PY_BIG)

_rng = random.Random(18006)
JS_BIG = gen_js_module(_rng, 72)
R("sonnet", "refactor", "web", "plain", None,
  "TB5: converting a whole long JS module to typed TypeScript is many careful steps, sonnet",
  "convert this whole file to TypeScript. proper interfaces for the normalized shapes and the raw API payloads, "
  "no `any` unless you really have to, keep the behaviour identical. it's the last JS file in the repo\n\n" + JS_BIG)
R("haiku", "question", "web", "terse", "long-trivial",
  "TB5: counting the exported names at the bottom of a long file is a glance-checkable lookup",
  "which functions does this file actually export\n\n" + gen_js_module(random.Random(18016), 12))

_rng = random.Random(18007)
GO_BIG = gen_go_file(_rng, 44, GO_DISPATCH_CORE)
R("opus", "debug", "systems", "plain", None,
  "concurrency: finding the data races and the close/send race in a dispatcher is opus work regardless of paste size",
  "`go test -race ./internal/dispatch/...` fails in CI maybe one run in ten, never locally. The race report is "
  "always somewhere around the Dispatcher but the stack differs each time. Here's the whole file. Find the race(s), "
  "explain the interleaving that triggers each one, and propose a fix that doesn't serialize all the workers.\n\n" + GO_BIG)
R("haiku", "docs", "systems", "terse", "long-trivial",
  "TB5: a one-line doc comment on a type is mechanical, even inside a big file",
  "add a godoc comment on the Dispatcher struct, one or two lines. thats all\n\n" + GO_BIG)

_rng = random.Random(18008)
MD_BIG = gen_markdown(_rng, 34, paras=3, typo=("retained", "retianed"))
R("haiku", "edit", "general", "typos", "long-trivial",
  "TB5: fixing one misspelling in a long markdown doc is mechanical and checkable at a glance",
  "theres a typo somwhere in here, 'retianed' i think. fix it and just give me the corrected line, not the whole doc\n\n" + MD_BIG)
R("sonnet", "docs", "general", "other-language", None,
  "TB5: translating a whole long document while preserving markdown and code blocks is many careful steps",
  "Kannst du das komplette Handbuch ins Deutsche übersetzen? Überschriften mit übersetzen, aber Codeblöcke, "
  "Befehle, URLs und Pfade bitte exakt so lassen. Markdown-Struktur muss erhalten bleiben, wir hängen das ins Wiki.\n\n"
  + MD_BIG, language="de")

_rng = random.Random(18009)
K8S_BIG = gen_k8s(_rng, SERVICES)
R("haiku", "question", "infrastructure", "terse", "long-trivial",
  "TB5: finding which deployments set one env value is a lookup over a long YAML",
  "which of these deployments have LOG_LEVEL=debug? someone left it on in prod\n\n" + K8S_BIG)
R("sonnet", "refactor", "infrastructure", "plain", None,
  "TB5: turning 16 raw manifests into a parameterised Helm chart is a careful multi-step rewrite, not design",
  "I want to replace these raw manifests with a single Helm chart. One chart, a values file per service "
  "(replicas, image tag, port, resources, log level, probe period), templates for the Deployment and Service. "
  "Output the chart files and the values files.\n\n" + K8S_BIG)

_rng = random.Random(18010)
LOG_504 = gen_app_log(_rng, 470, extra=[
    ("ERROR", "http", "POST /api/v2/checkout 504 {ms}ms upstream=payments-gateway"),
    ("WARN", "pool", "connection wait exceeded 250ms waiters={k}"),
    ("ERROR", "pool", "context deadline exceeded while acquiring connection (in_use={j} max=20)"),
    ("INFO", "gc", "pause {ms}us heap=1.{k}GiB")], extra_every=37, gap=(400, 14000))
R("opus", "debug", "web", "verbose", "easy-words-hard",
  "TB6: intermittent 504s across pool, gateway and GC with no clear lead need a cross-component theory",
  "Checkout returns 504 a few times an hour. Not load related as far as we can tell, happens at 3am too. Payments "
  "team says their side is fine. Here's about an hour of logs from one checkout-api pod. I've stared at it and "
  "I don't see it. What do you think is going on and how would you confirm it?\n\n" + LOG_504)

_rng = random.Random(18011)
LOG_SMALL = gen_app_log(_rng, 48, extra=[("ERROR", "kafka", "commit failed: rebalance in progress partition={k}")],
                        extra_every=23, svc="order-events")
R("haiku", "ops", "tooling", "terse", "long-trivial",
  "a grep one-liner to filter log levels; the paste does not raise the tier (TB2)",
  "grep to show only WARN and ERROR lines from a file like this?\n\n" + LOG_SMALL)

_rng = random.Random(18012)
ACCESS = gen_access_log(_rng, 330)
R("haiku", "ops", "tooling", "plain", "long-trivial",
  "TB5: an awk one-liner for top IPs; the long access log is just a format sample",
  "Give me an awk/sort one-liner that prints the top 10 client IPs by number of requests for logs in this format. "
  "Full file is ~2GB, this is just the head.\n\n" + ACCESS)
R("sonnet", "review", "security", "terse", None,
  "reading an access log for obvious scanning and deciding what to block is a medium analysis with clear signals",
  "looking at this access log, anything here that looks like scanning or brute force? which IPs would you block "
  "and what rule would you put in nginx for it\n\n" + "\n".join(ACCESS.splitlines()[:45]))

_rng = random.Random(18013)
DIFF_BIG = gen_diff(_rng, "backoffice/services.py", 38)
R("haiku", "question", "tooling", "terse", "long-trivial",
  "TB5: listing the method names a diff touches is a mechanical extraction",
  "list the method names this diff changes, just names\n\n" + gen_diff(random.Random(18017), "backoffice/services.py", 11))
R("sonnet", "review", "web", "plain", None,
  "TB10: reviewing a large but uniform diff for correctness and consistency is sonnet",
  "Review this diff please. The intent: every update_* method should raise NotFound instead of returning None, "
  "and check the version field before writing. Callers that relied on None are already fixed in another PR. "
  "Point out anything inconsistent or wrong.\n\n" + DIFF_BIG)

_rng = random.Random(18014)
PY_AUTH = gen_py_module(_rng, 30, inject=PY_AUTH_CORE, inject_at=14)
R("opus", "review", "security", "terse", None,
  "TB10: security review of a login/refresh/reset flow; subtle mistakes here are vulnerabilities",
  "is this auth flow safe? we ship friday. whole module below, the auth bit is in the middle\n\n" + PY_AUTH)
R("haiku", "question", "security", "plain", "long-trivial",
  "TB5: locating how long the access token lives is a one-value lookup in a long file",
  "How long are access tokens valid with this code? Just need the number for the docs.\n\n" + PY_AUTH)

_rng = random.Random(18015)
USERS_BIG = gen_users_csv(_rng, 90)
R("haiku", "question", "data", "typos", "long-trivial",
  "TB5: filtering a pasted CSV on two columns is a one-step, glance-checkable task",
  "can u list the usernames that are on enterprise plan but have mfa_enabled=false? compliance wants them\n\n" + USERS_BIG)

# ---- batch 2: medium pastes (manifests, CI, compose, traces, schemas) ----

_rng = random.Random(18101)
PKG_A = gen_package_json(_rng, "storefront-web", 14, 11)
R("haiku", "edit", "web", "terse", "long-trivial",
  "TB5: sorting keys in a manifest is mechanical",
  "sort deps + devDeps alphabetically pls\n\n" + PKG_A)
R("haiku", "edit", "web", "plain", None,
  "adding one npm script that chains two existing ones is a one-line edit",
  "Add a `check` script to this package.json that runs lint and typecheck in parallel (npm-run-all is fine to add).\n\n" + PKG_A)
R("sonnet", "refactor", "web", "verbose", None,
  "splitting an app into a pnpm workspace touches several files and configs but is a known procedure",
  "We want to split this repo into a pnpm workspace: packages/web (the Next app) and packages/api (the express "
  "server that currently lives in server/). Shared tsconfig base and eslint config at the root. Can you give me "
  "the root package.json, pnpm-workspace.yaml, the two package.json files with deps moved to where they belong, "
  "and the tsconfig layout? Current package.json:\n\n" + PKG_A)

_rng = random.Random(18102)
CARGO_A = gen_cargo_toml(_rng, "ledgerd")
R("haiku", "question", "systems", "terse", None,
  "reading which features are enabled in a Cargo.toml is a lookup",
  "what tokio features am i pulling in here, and is that why the build is slow\n\n" + CARGO_A)
R("sonnet", "refactor", "systems", "plain", None,
  "converting a single crate to a workspace with a split-out db crate is a multi-file refactor with clear steps",
  "Turn this into a cargo workspace: keep the binary as `ledgerd`, move the sqlx stuff into a `ledgerd-db` library "
  "crate, and use workspace.dependencies so versions are declared once. Show me the root Cargo.toml and both member "
  "manifests.\n\n" + CARGO_A)

_rng = random.Random(18103)
POM_A = gen_pom(_rng, "billing-service", 18)
R("haiku", "edit", "tooling", "plain", "long-trivial",
  "TB5: reordering dependency blocks by artifactId is mechanical however many there are",
  "Sort the <dependency> blocks by artifactId, test-scoped ones last. Don't change anything else.\n\n" + POM_A)
R("sonnet", "refactor", "tooling", "typos", None,
  "TB5: rewriting a whole Maven build as Gradle Kotlin DSL is a careful translation, sonnet",
  "we're moving to gradle. can you rewrite this pom as build.gradle.kts (kotlin dsl), keep the spring boot plugin, "
  "java 17 toolchain, same deps and scopes. lombok needs annotationProcessor too i think\n\n" + POM_A)
R("haiku", "question", "tooling", "other-language", "long-trivial",
  "TB5/TB9: listing the test-scoped dependencies is a lookup, the language does not change the tier",
  "このpom.xmlでtestスコープになっている依存関係だけ一覧にしてください。\n\n" + POM_A, language="ja")

GHA_A = '''name: ci
on:
  push:
    branches: [main]
  pull_request:

jobs:
  build:
    runs-on: ubuntu-22.04
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Cache node_modules
        uses: actions/cache@v4
        with:
          path: node_modules
          key: deps-${{ runner.os }}-${{ github.sha }}
          restore-keys: |
            deps-${{ runner.os }}-${{ github.sha }}
      - run: npm ci
      - run: npm run lint
      - run: npm run typecheck
      - run: npm test -- --coverage
      - name: Upload coverage
        uses: actions/upload-artifact@v4
        with:
          name: coverage
          path: coverage/
  e2e:
    needs: build
    runs-on: ubuntu-22.04
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm ci
      - run: npx playwright install --with-deps chromium
      - run: npm run test:e2e
        env:
          BASE_URL: http://localhost:3001
'''
R("sonnet", "debug", "tooling", "typos", None,
  "CI configuration debugging with an identifiable cause (cache key on github.sha) is sonnet",
  "the cache step never hits, every run does a full npm ci (~4 min). whats wrong with it, and while ur at it "
  "should e2e reuse it too?\n\n" + GHA_A)
R("haiku", "edit", "tooling", "terse", None,
  "renaming a job in a workflow file is a mechanical edit",
  "rename job build -> test and fix the needs: reference\n\n" + GHA_A)
R("haiku", "question", "tooling", "other-language", None,
  "TB9: asking which Node version the workflow uses is a lookup, whatever the language",
  "Welche Node-Version benutzt dieser Workflow, und wo stelle ich das am besten zentral ein?\n\n" + GHA_A, language="de")

COMPOSE_A = '''version: "3.9"
services:
  db:
    image: postgres:16
    restart: unless-stopped
    environment:
      POSTGRES_USER: shop
      POSTGRES_DB: shop
    volumes:
      - ./data/pg:/var/lib/postgresql/data
    ports:
      - "5432:5432"
  redis:
    image: redis:7-alpine
    command: ["redis-server", "--appendonly", "yes"]
    ports:
      - "6379:6379"
  api:
    build: ./api
    depends_on:
      - db
      - redis
    environment:
      DATABASE_URL: postgres://shop:shop@db:5432/shop
      REDIS_URL: redis://redis:6379/0
      PORT: 8080
    ports:
      - "8080:8080"
  worker:
    build: ./api
    command: ["python", "-m", "app.worker"]
    depends_on:
      - db
      - redis
    environment:
      DATABASE_URL: postgres://shop:shop@db:5432/shop
      REDIS_URL: redis://redis:6379/0
  mailhog:
    image: mailhog/mailhog:v1.0.1
    ports:
      - "8025:8025"
'''
PG_RESTART_LOG = '''db-1  | Error: Database is uninitialized and superuser password is not specified.
db-1  |        You must specify POSTGRES_PASSWORD to a non-empty value for the
db-1  |        superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".
db-1  |
db-1  |        You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
db-1  |        connections without a password. This is *not* recommended.
db-1  |
db-1 exited with code 1
api-1  | sqlalchemy.exc.OperationalError: (psycopg.OperationalError) connection failed: could not translate host name "db" to address
db-1  | Error: Database is uninitialized and superuser password is not specified.
db-1 exited with code 1'''
R("haiku", "debug", "infrastructure", "terse", "long-trivial",
  "TB5: the log states the fix (set POSTGRES_PASSWORD); explaining a common error message is haiku",
  "db keeps restarting\n\n" + COMPOSE_A + "\n\n" + PG_RESTART_LOG)
R("haiku", "edit", "infrastructure", "plain", None,
  "converting a compose file to JSON is a mechanical format conversion",
  "Convert this docker-compose.yml to the equivalent JSON, I need to feed it to a script.\n\n" + COMPOSE_A)
R("sonnet", "implement", "infrastructure", "non-native", None,
  "adding healthchecks, depends_on conditions and a migration service is several coordinated edits",
  "Please I need this compose to be more robust: api start before db is ready and crash. Add healthcheck for db and "
  "redis, make api and worker wait for healthy, and add one service that run alembic migrations once before api "
  "start. Also the password thing.\n\n" + COMPOSE_A)

JAVA_NPE = '''2024-03-14 10:22:41.118 ERROR 1 --- [nio-8080-exec-7] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: java.lang.NullPointerException: Cannot invoke "com.northwind.billing.domain.TaxRate.getPercent()" because the return value of "com.northwind.billing.domain.Invoice.getTaxRate()" is null] with root cause

java.lang.NullPointerException: Cannot invoke "com.northwind.billing.domain.TaxRate.getPercent()" because the return value of "com.northwind.billing.domain.Invoice.getTaxRate()" is null
	at com.northwind.billing.service.InvoiceTotals.compute(InvoiceTotals.java:47)
	at com.northwind.billing.service.InvoiceService.finalizeInvoice(InvoiceService.java:112)
	at com.northwind.billing.service.InvoiceService$$SpringCGLIB$$0.finalizeInvoice(<generated>)
	at com.northwind.billing.web.InvoiceController.finalize(InvoiceController.java:64)
	at java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)
	at java.base/java.lang.reflect.Method.invoke(Method.java:580)
	at org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:254)
	at org.springframework.web.method.support.InvocableHandlerMethod.invokeForRequest(InvocableHandlerMethod.java:182)
	at org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod.invokeAndHandle(ServletInvocableHandlerMethod.java:118)
	at org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter.invokeHandlerMethod(RequestMappingHandlerAdapter.java:917)
	at org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter.handleInternal(RequestMappingHandlerAdapter.java:829)
	at org.springframework.web.servlet.mvc.method.AbstractHandlerMethodAdapter.handle(AbstractHandlerMethodAdapter.java:87)
	at org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)
	at org.springframework.web.servlet.DispatcherServlet.doService(DispatcherServlet.java:979)
	at org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1014)
	at org.springframework.web.servlet.FrameworkServlet.doPost(FrameworkServlet.java:914)
	at jakarta.servlet.http.HttpServlet.service(HttpServlet.java:590)
	at org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)
	at jakarta.servlet.http.HttpServlet.service(HttpServlet.java:658)
	at org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:205)
	at org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:149)
	at org.springframework.security.web.FilterChainProxy.doFilterInternal(FilterChainProxy.java:233)
	at org.springframework.security.web.FilterChainProxy.doFilter(FilterChainProxy.java:191)
	at org.apache.catalina.core.StandardWrapperValve.invoke(StandardWrapperValve.java:167)
	at org.apache.catalina.core.StandardContextValve.invoke(StandardContextValve.java:90)
	at org.apache.catalina.core.StandardHostValve.invoke(StandardHostValve.java:115)
	at org.apache.catalina.connector.CoyoteAdapter.service(CoyoteAdapter.java:344)
	at org.apache.coyote.http11.Http11Processor.service(Http11Processor.java:391)
	at org.apache.tomcat.util.net.NioEndpoint$SocketProcessor.doRun(NioEndpoint.java:1744)
	at java.base/java.lang.Thread.run(Thread.java:1583)'''
INVOICE_TOTALS = '''public BigDecimal compute(Invoice inv) {
    BigDecimal net = inv.getLines().stream()
        .map(l -> l.getUnitPrice().multiply(BigDecimal.valueOf(l.getQuantity())))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal tax = net.multiply(inv.getTaxRate().getPercent()).divide(HUNDRED, 2, RoundingMode.HALF_EVEN);
    return net.add(tax);
}'''
R("sonnet", "debug", "web", "plain", None,
  "TB2: a long stack trace with an obvious null dereference is sonnet, not opus",
  "Finalizing an invoice blows up for some customers (EU B2B ones I think). Trace and the method below. "
  "Fix it properly, not just a null check that silently charges 0 tax.\n\n" + JAVA_NPE + "\n\n" + INVOICE_TOTALS)
R("haiku", "question", "web", "terse", "long-trivial",
  "TB5: reading the file and line of the top frame out of a stack trace is a lookup",
  "which line of our code is it failing on\n\n" + JAVA_NPE)

PY_TB_YAML = '''Traceback (most recent call last):
  File "/home/kasia/dev/infra-tools/render.py", line 3, in <module>
    import yaml
ModuleNotFoundError: No module named 'yaml\''''
R("haiku", "debug", "tooling", "typos", None,
  "a common error message with a one-line fix",
  "getting this after i made a new venv??\n\n" + PY_TB_YAML)

SCHEMA_A = '''CREATE TABLE customers (
    id          bigserial PRIMARY KEY,
    email       text NOT NULL UNIQUE,
    full_name   text,
    country     char(2) NOT NULL
);

CREATE TABLE products (
    id          bigserial PRIMARY KEY,
    sku         text NOT NULL UNIQUE,
    title       text NOT NULL,
    price_cents integer NOT NULL CHECK (price_cents >= 0)
);

CREATE TABLE inventory (
    product_id  bigint PRIMARY KEY REFERENCES products(id),
    on_hand     integer NOT NULL,
    reserved    integer NOT NULL DEFAULT 0
);

CREATE TABLE orders (
    id          bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers(id),
    status      text NOT NULL DEFAULT 'pending',
    total_cents integer NOT NULL,
    placed_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE order_lines (
    order_id    bigint NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    product_id  bigint NOT NULL REFERENCES products(id),
    qty         integer NOT NULL CHECK (qty > 0),
    unit_cents  integer NOT NULL,
    PRIMARY KEY (order_id, product_id)
);

CREATE INDEX idx_orders_customer ON orders(customer_id);
CREATE INDEX idx_orders_placed_at ON orders(placed_at);'''
R("sonnet", "implement", "databases", "plain", None,
  "a join plus aggregation over three tables with a date window needs some care (TB1 over a one-table SELECT)",
  "Postgres. Query for the top 5 customers by revenue over the last 30 days, excluding cancelled and refunded "
  "orders, with their email and number of orders.\n\n" + SCHEMA_A)
R("haiku", "edit", "databases", "terse", None,
  "writing repetitive ALTER TABLE statements is mechanical",
  "write the ALTERs to add created_at + updated_at timestamptz default now() to every table here\n\n" + SCHEMA_A)
R("opus", "debug", "databases", "verbose", None,
  "deadlocks between concurrent transactions need reasoning about lock ordering across code paths",
  "We get `deadlock detected` a few dozen times a day in prod, always between the checkout transaction and the "
  "nightly-ish inventory reconciliation (which actually runs every 10 minutes now). Checkout does: insert order, "
  "insert order_lines, then for each line `UPDATE inventory SET reserved = reserved + qty WHERE product_id = $1`. "
  "Reconciliation does `SELECT ... FROM inventory FOR UPDATE` over a range of product ids, then updates orders "
  "that are stuck in pending. Schema below. Explain exactly how the deadlock forms and what you'd change, "
  "ideally without making checkout slower.\n\n" + SCHEMA_A)

_rng = random.Random(18104)
ORDERS_SMALL = gen_orders_csv(_rng, 38)
R("haiku", "edit", "data", "terse", "long-trivial",
  "TB5: reformatting CSV as a markdown table is mechanical",
  "make this a markdown table for the ticket\n\n" + ORDERS_SMALL)
R("sonnet", "implement", "data", "plain", None,
  "a reconciliation script between two exports with currency and status rules is a clear-spec implementation",
  "I need a Python script that reads our orders export (sample below) and the Stripe balance export "
  "(columns: id, created, amount, currency, fee, net, reporting_category, source_id), matches them on our "
  "order_id which we put in Stripe metadata as source_id, and prints orders marked paid/shipped that have no "
  "Stripe charge plus charges with no order. Amounts in Stripe are minor units. Use pandas, handle JPY (no "
  "decimals).\n\n" + ORDERS_SMALL)

_rng = random.Random(18105)
TF_SMALL = gen_terraform(_rng, n_envs=1, extra_sgs=2)
R("haiku", "edit", "infrastructure", "plain", "long-trivial",
  "TB5: adding one tag to the shared locals block is mechanical",
  "Add Team = \"payments\" to the tags on everything in here. Smallest change possible.\n\n" + TF_SMALL)
R("sonnet", "refactor", "infrastructure", "plain", None,
  "extracting a Terraform module with inputs and two callers is a known refactor with a few careful steps",
  "Refactor this into a reusable module (modules/app_stack) with variables for env, instance types and the "
  "allowed CIDRs, then show the root config calling it for staging and prod. Include the moved blocks so prod "
  "doesn't get recreated.\n\n" + TF_SMALL)
R("opus", "plan", "infrastructure", "terse", "easy-words-hard",
  "TB6: plain words, but splitting a live monolithic state without destroying resources is a high-stakes multi-step plan",
  "this is one of ~40 files that all share a single state. we want one state per service. how do we get there "
  "without anything being destroyed or recreated\n\n" + TF_SMALL)

ESLINT_JSON = '''{
  "root": true,
  "parser": "@typescript-eslint/parser",
  "parserOptions": {
    "ecmaVersion": 2022,
    "sourceType": "module",
    "project": ["./tsconfig.json"]
  },
  "plugins": ["@typescript-eslint", "import", "react-hooks"],
  "extends": [
    "eslint:recommended",
    "plugin:@typescript-eslint/recommended",
    "plugin:import/typescript",
    "next/core-web-vitals",
    "prettier"
  ],
  "rules": {
    "no-console": ["warn", { "allow": ["warn", "error"] }],
    "@typescript-eslint/no-unused-vars": ["error", { "argsIgnorePattern": "^_" }],
    "@typescript-eslint/consistent-type-imports": "error",
    "import/order": ["error", {
      "groups": ["builtin", "external", "internal", "parent", "sibling"],
      "newlines-between": "always",
      "alphabetize": { "order": "asc" }
    }],
    "react-hooks/exhaustive-deps": "error"
  },
  "overrides": [
    {
      "files": ["**/*.test.ts", "**/*.test.tsx"],
      "env": { "jest": true },
      "rules": { "@typescript-eslint/no-explicit-any": "off" }
    }
  ],
  "ignorePatterns": ["dist/", ".next/", "coverage/"]
}'''
R("haiku", "edit", "tooling", "terse", None,
  "JSON to YAML conversion is mechanical",
  "json -> yaml\n\n" + ESLINT_JSON)
R("sonnet", "refactor", "tooling", "plain", None,
  "migrating to the ESLint 9 flat config changes structure and plugin loading across the file, sonnet",
  "Convert this to an eslint.config.js flat config for ESLint 9. Keep the same rules and the test override.\n\n" + ESLINT_JSON)

NGINX_A = '''user  nginx;
worker_processes  auto;
error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;

events {
    worker_connections  2048;
}

http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;
    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" "$http_user_agent" $request_time';
    access_log  /var/log/nginx/access.log  main;
    sendfile        on;
    keepalive_timeout  65;
    client_max_body_size 2m;
    gzip on;
    gzip_types text/css application/javascript application/json;

    upstream api {
        server 10.0.3.21:8080 max_fails=3 fail_timeout=10s;
        server 10.0.3.22:8080 max_fails=3 fail_timeout=10s;
        keepalive 32;
    }

    server {
        listen 443 ssl http2;
        server_name shop.northwind.io;
        ssl_certificate     /etc/ssl/shop/fullchain.pem;
        ssl_certificate_key /etc/ssl/shop/privkey.pem;

        location /api/ {
            proxy_pass http://api;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_read_timeout 30s;
        }

        location /uploads/ {
            proxy_pass http://api;
        }

        location / {
            root /srv/storefront;
            try_files $uri /index.html;
        }
    }
}'''
R("haiku", "question", "infrastructure", "typos", "long-trivial",
  "TB5: finding the setting behind a 413 in a pasted config is a lookup with a one-line fix",
  "users get 413 uploading product photos (~8mb). which line do i change\n\n" + NGINX_A)
R("sonnet", "implement", "infrastructure", "plain", None,
  "rate limiting one location needs a zone, burst semantics and a status code choice; a small multi-part config change (TB1)",
  "Add rate limiting on POST /api/auth/login: 5 requests per minute per client IP with a small burst, return 429. "
  "Everything else under /api/ should stay as is.\n\n" + NGINX_A)

DOCKERFILE_A = '''FROM python:3.12
LABEL mantainer="platform@northwind.io"
WORKDIR /app
RUN apt-get update && apt-get install -y build-essential libpq-dev curl git vim
COPY . .
RUN pip install -r requirements.txt
RUN pip install gunicorn
ENV PYTHONUNBUFFERED=1
EXPOSE 8000
CMD gunicorn app.wsgi:application -b 0.0.0.0:8000 -w 4'''
R("haiku", "edit", "tooling", "terse", None,
  "fixing a misspelled label key is a one-token edit",
  "fix the typo in the LABEL line\n\n" + DOCKERFILE_A)
R("sonnet", "refactor", "infrastructure", "plain", None,
  "a multi-stage rewrite with caching order and a non-root user is several careful steps",
  "This image is 1.4 GB. Rewrite it as a multi-stage build: wheels built in a builder stage, slim runtime, "
  "non-root user, dependency layer cached separately from the source. Keep the same entrypoint behaviour.\n\n"
  + DOCKERFILE_A)
R("opus", "review", "security", "verbose", None,
  "TB10: judging the supply-chain and runtime security posture of a container build is a security review",
  "Our security team flagged this Dockerfile in an audit along with 30 others that look about the same. Before "
  "I fix them one by one I'd like a proper assessment: what is actually exploitable or risky here at build time and at "
  "runtime (base image, packages, secrets in the build context, running as root, anything else), what the "
  "priority order should be, and a hardened template we can roll out to all 30.\n\n" + DOCKERFILE_A)

# ---- batch 3: code pastes, hard asks and their cheap twins ----

PY_LIMITER = '''import asyncio
import time


class TokenBucket:
    """Per-tenant limiter shared by all request handlers in this process."""

    def __init__(self, rate: float, capacity: int):
        self.rate = rate
        self.capacity = capacity
        self.tokens = {}
        self.updated = {}

    async def acquire(self, tenant: str, cost: int = 1) -> bool:
        now = time.monotonic()
        tokens = self.tokens.get(tenant, self.capacity)
        last = self.updated.get(tenant, now)
        tokens = min(self.capacity, tokens + (now - last) * self.rate)
        if tokens < cost:
            await asyncio.sleep((cost - tokens) / self.rate)
            return await self.acquire(tenant, cost)
        self.tokens[tenant] = tokens - cost
        self.updated[tenant] = now
        return True


limiter = TokenBucket(rate=50, capacity=100)


async def call_partner_api(client, tenant, payload):
    await limiter.acquire(tenant)
    return await client.post("/v1/orders", json=payload)'''
R("opus", "review", "web", "plain", None,
  "judging whether a limiter is correct under concurrency and across processes (gunicorn workers) is concurrent-design review",
  "Partner says we're exceeding 50 req/s per tenant even though we have this limiter. We run 4 gunicorn workers "
  "with uvicorn, each with maybe a few hundred concurrent tasks. Is this limiter correct? If not, what would a "
  "correct design look like for our setup?\n\n" + PY_LIMITER)
R("haiku", "edit", "web", "terse", None,
  "adding type hints to a short class is mechanical",
  "add type hints to the dicts and the return of call_partner_api, nothing else\n\n" + PY_LIMITER)

C_SEQLOCK = '''struct snapshot { uint64_t bid, ask, ts; };

static _Atomic uint32_t seq;
static struct snapshot shared;

void publish(const struct snapshot *s) {
    uint32_t q = atomic_load_explicit(&seq, memory_order_relaxed);
    atomic_store_explicit(&seq, q + 1, memory_order_relaxed);
    shared = *s;
    atomic_store_explicit(&seq, q + 2, memory_order_release);
}

int read_snapshot(struct snapshot *out) {
    uint32_t a, b;
    do {
        a = atomic_load_explicit(&seq, memory_order_acquire);
        if (a & 1) continue;
        *out = shared;
        b = atomic_load_explicit(&seq, memory_order_relaxed);
    } while (a != b);
    return 0;
}'''
R("opus", "review", "systems", "terse", None,
  "TB7: memory-ordering semantics of a seqlock are opus",
  "is this seqlock correct on arm64? single writer, many readers\n\n" + C_SEQLOCK)
R("haiku", "edit", "systems", "terse", None,
  "reindenting a short C snippet is mechanical",
  "reindent this to 4 spaces and put braces on their own line for functions (linux style)\n\n" + C_SEQLOCK)

RUST_RING = '''pub struct Ring<T> {
    buf: Box<[UnsafeCell<MaybeUninit<T>>]>,
    head: AtomicUsize, // next slot to read
    tail: AtomicUsize, // next slot to write
}

unsafe impl<T: Send> Sync for Ring<T> {}

impl<T> Ring<T> {
    pub fn push(&self, v: T) -> Result<(), T> {
        let tail = self.tail.load(Ordering::Relaxed);
        let next = (tail + 1) % self.buf.len();
        if next == self.head.load(Ordering::Relaxed) {
            return Err(v);
        }
        unsafe { (*self.buf[tail].get()).write(v); }
        self.tail.store(next, Ordering::Relaxed);
        Ok(())
    }

    pub fn pop(&self) -> Option<T> {
        let head = self.head.load(Ordering::Relaxed);
        if head == self.tail.load(Ordering::Relaxed) {
            return None;
        }
        let v = unsafe { (*self.buf[head].get()).assume_init_read() };
        self.head.store((head + 1) % self.buf.len(), Ordering::Relaxed);
        Some(v)
    }
}'''
R("opus", "review", "systems", "plain", None,
  "TB7: soundness of unsafe code and atomics orderings in a ring buffer is opus",
  "Is this sound? It's meant to be SPSC but nothing stops people sharing it across more threads. Miri doesn't "
  "complain on our tests. Also it's missing a Drop impl, I know.\n\n" + RUST_RING)
R("haiku", "question", "systems", "plain", "hard-words-easy",
  "TB3: scary words (UnsafeCell, MaybeUninit) but the ask is a one-line fact about the capacity",
  "Quick one: with this ring, how many items can it actually hold if buf.len() is 1024?\n\n" + RUST_RING)

EXPRESS_AUTH = '''const jwt = require('jsonwebtoken');

function authz(requiredRole) {
  return (req, res, next) => {
    const header = req.headers.authorization || '';
    const token = header.replace('Bearer ', '');
    try {
      const claims = jwt.decode(token);
      if (!claims || claims.exp * 1000 < Date.now()) {
        return res.status(401).json({ error: 'expired' });
      }
      if (requiredRole && claims.role !== requiredRole && claims.role !== 'admin') {
        return res.status(403).json({ error: 'forbidden' });
      }
      req.user = claims;
      next();
    } catch (e) {
      res.status(401).json({ error: 'bad token' });
    }
  };
}

router.get('/orders/:id', authz(), async (req, res) => {
  const order = await db.orders.findById(req.params.id);
  res.json(order);
});

router.post('/refunds', authz('support'), async (req, res) => {
  const refund = await payments.refund(req.body.orderId, req.body.amount);
  res.json(refund);
});

module.exports = { authz };'''
R("opus", "review", "security", "terse", None,
  "TB10: auth middleware review; decode-without-verify and IDOR are vulnerabilities",
  "review pls, security angle\n\n" + EXPRESS_AUTH)
R("haiku", "refactor", "web", "terse", "hard-words-easy",
  "TB3: auth vocabulary, but the ask is a mechanical rename",
  "rename authz to requireAuth everywhere in this file\n\n" + EXPRESS_AUTH)

WEBHOOK_NODE = '''app.post('/webhooks/payments', express.json(), (req, res) => {
  const sig = req.get('X-Signature');
  const expected = crypto
    .createHmac('sha256', process.env.WEBHOOK_SECRET)
    .update(JSON.stringify(req.body))
    .digest('hex');
  if (sig !== expected) {
    return res.status(400).send('bad signature');
  }
  const evt = req.body;
  if (evt.type === 'charge.succeeded') {
    markPaid(evt.data.order_id, evt.data.amount);
  }
  res.sendStatus(200);
});'''
R("opus", "review", "security", "non-native", None,
  "TB10: webhook signature verification has several subtle flaws (re-serialised body, timing compare, replay); security review",
  "Is this webhook verification good enough? Provider docs say to verify HMAC of the body, I think we are doing it. "
  "Sometimes valid webhooks fail with bad signature but mostly works.\n\n" + WEBHOOK_NODE)

JAVA_DCL = '''public class PricingCache {
    private static PricingCache instance;
    private final Map<String, BigDecimal> prices = new HashMap<>();
    private long loadedAt;

    public static PricingCache get() {
        if (instance == null) {
            synchronized (PricingCache.class) {
                if (instance == null) {
                    instance = new PricingCache();
                    instance.reload();
                }
            }
        }
        return instance;
    }

    public void reload() {
        prices.clear();
        prices.putAll(PriceLoader.loadAll());
        loadedAt = System.currentTimeMillis();
    }

    public BigDecimal price(String sku) {
        if (System.currentTimeMillis() - loadedAt > 60_000) {
            reload();
        }
        return prices.get(sku);
    }
}'''
R("opus", "review", "systems", "plain", None,
  "TB10: review of concurrent code (unsafe publication, concurrent HashMap mutation during reads) is opus",
  "Review this class. It's called from ~200 request threads. Once in a while price() returns null for a SKU that "
  "definitely exists, and last month we saw a thread stuck at 100% CPU inside HashMap.\n\n" + JAVA_DCL)
R("sonnet", "test", "systems", "plain", None,
  "writing unit tests for existing code is sonnet",
  "Write JUnit 5 tests for this class: first load, cache hit, reload after 60s (make the clock injectable if you "
  "need to, show the change), unknown SKU.\n\n" + JAVA_DCL)

EXPLAIN_A = '''Nested Loop  (cost=1.13..2284.61 rows=1 width=64) (actual time=0.094..9123.551 rows=1884 loops=1)
  ->  Index Scan using idx_events_tenant_created on events e  (cost=0.57..1142.11 rows=1 width=40) (actual time=0.041..211.330 rows=52113 loops=1)
        Index Cond: ((tenant_id = 42) AND (created_at >= '2024-03-13 00:00:00+00'::timestamp with time zone))
        Filter: (kind = 'checkout.completed'::text)
        Rows Removed by Filter: 318442
  ->  Index Scan using sessions_pkey on sessions s  (cost=0.56..1142.49 rows=1 width=32) (actual time=0.170..0.170 rows=0 loops=52113)
        Index Cond: (id = e.session_id)
        Filter: (s.utm_source IS NOT NULL)
        Rows Removed by Filter: 1
Planning Time: 0.612 ms
Execution Time: 9124.020 ms'''
R("opus", "debug", "databases", "verbose", None,
  "a plan flip after data growth with misestimated rows needs performance analysis, not a known fix",
  "This dashboard query went from ~40ms to 9 seconds overnight. Nothing was deployed; the only thing that happened is "
  "tenant 42 ran a big import yesterday (a few million events). Autovacuum is on. Here's EXPLAIN ANALYZE now. Why did "
  "the planner pick this, and what do we do both right now and so it doesn't happen again for the next big tenant?\n\n"
  + EXPLAIN_A)
R("haiku", "explain", "databases", "terse", "hard-words-easy",
  "reading one number off a query plan is a lookup",
  "how many rows did the filter throw away on events\n\n" + EXPLAIN_A)

KAFKA_CONSUMER = '''consumer = KafkaConsumer(
    "payments.events",
    bootstrap_servers=BROKERS,
    group_id="ledger-writer",
    enable_auto_commit=True,
    auto_commit_interval_ms=5000,
    value_deserializer=lambda b: json.loads(b),
)

for msg in consumer:
    evt = msg.value
    with pg.begin() as tx:
        tx.execute(
            "INSERT INTO ledger (event_id, account_id, amount_cents, kind) VALUES (%s, %s, %s, %s)",
            (evt["id"], evt["account_id"], evt["amount_cents"], evt["kind"]),
        )
        tx.execute(
            "UPDATE balances SET cents = cents + %s WHERE account_id = %s",
            (evt["amount_cents"], evt["account_id"]),
        )'''
R("opus", "design", "data", "plain", "short-hard",
  "exactly-once effects from Kafka into Postgres is a consistency design problem",
  "need exactly-once into postgres. is this it?\n\n" + KAFKA_CONSUMER)
R("haiku", "edit", "data", "plain", None,
  "switching a hard-coded value to an env var is a mechanical edit",
  "Make the topic name come from the env var LEDGER_TOPIC with payments.events as the default.\n\n" + KAFKA_CONSUMER)

REDIS_LOCK = '''def with_lock(name, ttl_ms=10000):
    def deco(fn):
        def wrapper(*a, **kw):
            token = str(uuid.uuid4())
            if not r.set(f"lock:{name}", token, nx=True, px=ttl_ms):
                raise LockBusy(name)
            try:
                return fn(*a, **kw)
            finally:
                if r.get(f"lock:{name}") == token.encode():
                    r.delete(f"lock:{name}")
        return wrapper
    return deco


@with_lock("settle-payouts", ttl_ms=30000)
def settle_payouts():
    for batch in pending_payout_batches():
        bank.transfer(batch)
        mark_settled(batch)'''
R("opus", "review", "systems", "verbose", None,
  "TB10: review of a distributed lock guarding money transfers (check-then-delete, TTL expiry, no fencing) is opus",
  "We use this decorator to make sure only one pod settles payouts at a time. Finance found two payouts sent twice "
  "last quarter, both on days where the bank API was slow. Is the lock the problem? What's wrong with it and what "
  "would you do instead, given that bank.transfer isn't idempotent on their side?\n\n" + REDIS_LOCK)
R("haiku", "explain", "systems", "terse", "hard-words-easy",
  "explaining two flags of a well-known Redis command is a short fact",
  "what do nx and px do in that r.set call\n\n" + REDIS_LOCK)

PPROF_TOP = '''Showing nodes accounting for 1.92GB, 94.12% of 2.04GB total
Dropped 211 nodes (cum <= 0.01GB)
      flat  flat%   sum%        cum   cum%
    0.71GB 34.80% 34.80%     0.71GB 34.80%  bufio.NewReaderSize
    0.48GB 23.53% 58.33%     0.48GB 23.53%  bufio.NewWriterSize
    0.29GB 14.22% 72.55%     1.63GB 79.90%  net/http.(*Transport).dialConn
    0.18GB  8.82% 81.37%     0.18GB  8.82%  runtime.malg
    0.11GB  5.39% 86.76%     0.11GB  5.39%  crypto/tls.(*Conn).readRecord
    0.09GB  4.41% 91.18%     0.09GB  4.41%  encoding/json.(*decodeState).literalStore
    0.06GB  2.94% 94.12%     0.06GB  2.94%  github.com/northwind/webhooks-out/internal/deliver.(*Sender).send
         0     0% 94.12%     1.63GB 79.90%  net/http.(*Transport).dialConnFor
         0     0% 94.12%     0.24GB 11.76%  github.com/northwind/webhooks-out/internal/deliver.(*Sender).Run.func1

goroutine profile: total 48211
41877 @ 0x43e76e 0x44e4a5 0x6a3c1d 0x6a3c18 0x472ce1
#	0x6a3c1c	net/http.(*persistConn).readLoop+0xcbc	/usr/local/go/src/net/http/transport.go:2261
6013 @ 0x43e76e 0x44e4a5 0x6a5305 0x472ce1
#	0x6a5304	net/http.(*persistConn).writeLoop+0xe4	/usr/local/go/src/net/http/transport.go:2443'''
R("sonnet", "debug", "systems", "plain", None,
  "TB6: the profile points at the cause (leaked persistConn goroutines from per-request transports or unclosed bodies); a clear lead is sonnet",
  "webhooks-out grows to ~2GB over two days and gets OOM-killed. heap and goroutine profiles from just before. "
  "What's leaking and what do I look for in our sender code?\n\n" + PPROF_TOP)

OAUTH_CB = '''@app.get("/oauth/callback")
def oauth_callback(code: str, state: str | None = None, next: str = "/"):
    token = requests.post(
        "https://accounts.partner.example/oauth/token",
        data={"grant_type": "authorization_code", "code": code,
              "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET,
              "redirect_uri": REDIRECT_URI},
        timeout=10,
    ).json()
    profile = requests.get("https://accounts.partner.example/me",
                           headers={"Authorization": f"Bearer {token['access_token']}"}).json()
    user = User.get_or_create(email=profile["email"])
    session["uid"] = user.id
    return redirect(next)'''
R("opus", "review", "security", "typos", "short-hard",
  "TB10: OAuth callback security (state/CSRF, account linking by email, open redirect) is a security review",
  "safe?\n\n" + OAUTH_CB)
R("haiku", "edit", "security", "plain", "hard-words-easy",
  "TB3: OAuth vocabulary but adding a timeout argument is a one-token edit",
  "The second requests call has no timeout, add the same timeout=10 as the first. Only that.\n\n" + OAUTH_CB)

UPLOAD_HANDLER = '''@router.post("/media/{folder}")
async def upload(folder: str, file: UploadFile, user=Depends(current_user)):
    dest_dir = os.path.join(MEDIA_ROOT, folder)
    os.makedirs(dest_dir, exist_ok=True)
    dest = os.path.join(dest_dir, file.filename)
    with open(dest, "wb") as out:
        while chunk := await file.read(1 << 20):
            out.write(chunk)
    if file.filename.endswith((".jpg", ".png", ".webp")):
        await make_thumbnail(dest)
    return {"url": f"/media/{folder}/{file.filename}"}'''
R("opus", "review", "security", "plain", None,
  "TB10: an upload endpoint with user-controlled paths needs a security review (traversal, overwrite, stored XSS via served files)",
  "Before this goes live, is there anything dangerous in this upload endpoint? Media is served by nginx straight "
  "from MEDIA_ROOT on the same domain as the shop.\n\n" + UPLOAD_HANDLER)

PY_COUNTER = '''from multiprocessing import Pool, Manager

def work(args):
    shared, path = args
    for line in open(path):
        kind = line.split(",", 3)[2]
        shared[kind] = shared.get(kind, 0) + 1

if __name__ == "__main__":
    files = sorted(glob.glob("exports/part-*.csv"))
    with Manager() as m:
        counts = m.dict()
        with Pool(8) as p:
            p.map(work, [(counts, f) for f in files])
        print(dict(counts))'''
R("opus", "debug", "data", "typos", None,
  "a lost update between processes is a race; races are listed under opus and TB1 breaks the tie with sonnet",
  "counts come out a bit lower than `wc -l` on the files, different every run. why??\n\n" + PY_COUNTER)

ARCH_MD = '''# shop-backend (current state)

Single Django app, ~310k lines, one Postgres (db.r6g.2xlarge), one Redis, Celery with 3 queues.

Apps inside the monolith:
- catalog (products, categories, search sync to OpenSearch)
- cart + checkout (heavy writes, peaks at 900 req/s during promos)
- payments (Stripe + Adyen adapters, webhooks)
- orders + fulfilment (talks to 3 warehouse APIs, nightly batch exports)
- customers + auth (sessions, social login, GDPR exports)
- pricing (rules engine, promotions, B2B price lists, ~40 tables)
- invoicing (PDF rendering, tax, country-specific numbering)
- backoffice (admin views over everything)

Pain points:
- deploys take 35 min and any team can break checkout
- pricing rules change daily and need a release each time
- invoicing numbering must be gapless per country (legal)
- promo peaks hit the DB hard; catalog reads and checkout writes share the primary
- 6 teams, 41 engineers, everyone merges into the same repo'''
R("opus", "design", "web", "plain", "easy-words-hard",
  "TB6: proposing service boundaries for a monolith is open architecture design",
  "Where would you cut this? We have budget for maybe two or three extractions this year. Which ones first and why, "
  "and what do you leave alone?\n\n" + ARCH_MD)
R("haiku", "docs", "web", "terse", "long-trivial",
  "summarising a short architecture note into one line is a small text task",
  "one-sentence summary of this for the slide title\n\n" + ARCH_MD)

PY_PARSE = '''def parse_amount(raw: str, currency: str) -> int:
    """Parse a user-entered amount into minor units."""
    s = raw.strip().replace("\\u00a0", " ")
    neg = s.startswith("-") or (s.startswith("(") and s.endswith(")"))
    s = s.strip("-()").strip()
    for sym in ("€", "$", "£", "¥", "EUR", "USD", "GBP", "JPY"):
        s = s.replace(sym, "")
    s = s.strip()
    if "," in s and "." in s:
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "," in s:
        head, _, tail = s.rpartition(",")
        s = head.replace(",", "") + ("." + tail if len(tail) != 3 else tail)
    s = s.replace(" ", "").replace("'", "")
    value = Decimal(s)
    exp = 0 if currency in ZERO_DECIMAL else 2
    minor = int((value * (10 ** exp)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return -minor if neg else minor'''
R("sonnet", "test", "data", "plain", None,
  "writing thorough tests for an existing parser is sonnet",
  "Write pytest cases for this: European and US formats, thousands separators, Swiss apostrophes, negatives in "
  "parentheses, JPY, and the ambiguous '1,234' case. Parametrize it.\n\n" + PY_PARSE)
R("sonnet", "explain", "data", "terse", None,
  "TB7: explaining a few dozen lines of branching parse logic is non-trivial explanation",
  "walk me through what this does with '1.234,5' vs '1,234' vs '1,23'\n\n" + PY_PARSE)
R("haiku", "docs", "data", "terse", None,
  "the function already has a docstring; expanding it with an example is a small text task",
  "expand the docstring with 2-3 examples, google style\n\n" + PY_PARSE)

BASH_BACKUP = '''#!/bin/bash
SRC=${1:-/srv/uploads}
DEST=backup@nas.internal:/volume1/backups/uploads
DATE=$(date +%F)
cd $SRC
for f in $(find . -type f -mtime -1); do
  gzip -c $f > /tmp/$(basename $f).gz
  scp /tmp/$(basename $f).gz $DEST/$DATE/
  rm /tmp/$(basename $f).gz
done
echo "done"'''
R("haiku", "explain", "tooling", "terse", None,
  "explaining one parameter-expansion idiom is a short well-known answer",
  "what does ${1:-/srv/uploads} do\n\n" + BASH_BACKUP)
R("sonnet", "refactor", "tooling", "plain", None,
  "hardening a shell script (quoting, set -euo pipefail, spaces, preserving paths, rsync) is several careful fixes",
  "This breaks on filenames with spaces and silently 'succeeds' when scp fails. Make it robust: fail fast, handle "
  "any filename, keep the directory structure on the NAS, and ideally one connection instead of one scp per file.\n\n"
  + BASH_BACKUP)

REACT_LOOP = '''export function OrderFilters({ onChange }) {
  const [status, setStatus] = useState('all');
  const [range, setRange] = useState({ from: null, to: null });
  const filters = { status, range, pageSize: 50 };

  useEffect(() => {
    onChange(filters);
  }, [filters, onChange]);

  return (
    <div className="filters">
      <StatusSelect value={status} onChange={setStatus} />
      <DateRange value={range} onChange={setRange} />
    </div>
  );
}

// parent
function OrdersPage() {
  const [query, setQuery] = useState({});
  const { data } = useOrders(query);
  return <>
    <OrderFilters onChange={(f) => setQuery(f)} />
    <OrdersTable rows={data?.items ?? []} />
  </>;
}'''
R("sonnet", "debug", "web", "typos", None,
  "TB7: an effect loop from an object recreated each render is a subtle-but-known React cause, sonnet",
  "this hammers the api in an infinite loop as soon as the page loads. react 18. i dont get why, filters doesnt change\n\n"
  + REACT_LOOP)

RUST_BORROW = '''error[E0502]: cannot borrow `self.sessions` as mutable because it is also borrowed as immutable
  --> src/registry.rs:41:13
   |
38 |         let s = self.sessions.get(&id).ok_or(Error::NoSession)?;
   |                 ------------- immutable borrow occurs here
...
41 |             self.sessions.remove(&id);
   |             ^^^^^^^^^^^^^^^^^^^^^^^^^ mutable borrow occurs here
42 |             return Err(Error::Expired(s.user_id));
   |                                       --------- immutable borrow later used here

pub fn touch(&mut self, id: SessionId, now: Instant) -> Result<UserId, Error> {
    let s = self.sessions.get(&id).ok_or(Error::NoSession)?;
    if now.duration_since(s.last_seen) > self.ttl {
        self.sessions.remove(&id);
        return Err(Error::Expired(s.user_id));
    }
    let s = self.sessions.get_mut(&id).unwrap();
    s.last_seen = now;
    Ok(s.user_id)
}'''
R("sonnet", "debug", "systems", "plain", None,
  "TB7: a borrow the compiler rejects, explained and fixed, is sonnet",
  "Why does the compiler reject this and what's the idiomatic way to write it (one lookup if possible)?\n\n" + RUST_BORROW)

# ---- batch 4: short shell / regex / git one-liners, short-hard asks, everyday short tasks ----

R("haiku", "question", "tooling", "terse", None, "a regex one-liner",
  "regex for semver incl prerelease like 1.4.0-rc.2")
R("haiku", "ops", "tooling", "terse", None, "a well-known git one-liner",
  "undo last commit keep the changes staged")
R("haiku", "ops", "tooling", "plain", None, "a sed/find one-liner",
  "sed command to replace http://wiki.northwind.io with https://wiki.northwind.io in every .md file under docs/, recursively, in place. macOS sed.")
R("haiku", "ops", "tooling", "typos", None, "a shell one-liner for counting lines",
  "how do i count total lines of all .py files but skip the venv folder")
R("haiku", "ops", "infrastructure", "terse", None, "a jq one-liner",
  "jq: names of all pods from kubectl get pods -o json")
R("haiku", "ops", "systems", "terse", None, "a find one-liner",
  "find files over 100M under /var, sorted biggest first")
R("haiku", "question", "tooling", "plain", None, "a well-known git command",
  "Which git command tells me which branches contain commit 4f2a9c1?")
R("haiku", "question", "tooling", "typos", None, "a short conceptual question with a well-known answer",
  "whats the actual diffrence between git fetch and git pull, in one or two sentences")
R("haiku", "ops", "tooling", "terse", None, "an awk one-liner",
  "awk print 2nd and 5th col of a csv, comma sep output")
R("haiku", "ops", "tooling", "plain", None, "a well-known git procedure",
  "How do I squash my last 3 commits into one before pushing?")
R("haiku", "ops", "tooling", "terse", None, "a python one-liner",
  "one liner to pretty print a json file from the shell")
R("haiku", "ops", "tooling", "terse", None, "a shell rename one-liner",
  "rename every .jpeg to .jpg in this dir")
R("haiku", "ops", "tooling", "plain", None, "a well-known git command",
  "I committed .env by accident. How do I remove it from the repo but keep my local copy?")
R("haiku", "question", "tooling", "terse", None, "short well-known answer",
  "what does set -euo pipefail do exactly")
R("haiku", "question", "tooling", "terse", None, "a cron expression",
  "cron for weekdays 07:30")
R("haiku", "ops", "systems", "typos", None, "a one-line lookup command",
  "which process is listening on 5432?? linux, no netstat installed")
R("haiku", "ops", "web", "terse", None, "a curl one-liner",
  "curl POST json body with bearer token header")
R("haiku", "edit", "tooling", "terse", None, "a vim one-liner",
  "vim delete every line containing TODO")
R("haiku", "ops", "infrastructure", "terse", None, "a well-known kubectl flag",
  "kubectl logs from the crashed previous container")
R("haiku", "ops", "infrastructure", "plain", None, "a docker one-liner",
  "What's the command to clean up dangling docker images and build cache but keep volumes?")
R("haiku", "ops", "databases", "terse", None, "a psql meta-command",
  "psql list tables in schema billing")
R("haiku", "ops", "tooling", "terse", None, "a git one-liner",
  "git diff only filenames between main and my branch")
R("haiku", "ops", "infrastructure", "plain", None, "a well-known ssh one-liner",
  "ssh tunnel so localhost:5433 goes to the prod db (10.0.4.12:5432) through bastion.northwind.io, user deploy")
R("haiku", "question", "tooling", "terse", None, "a regex one-liner",
  "regex ISO date YYYY-MM-DD, only valid months")
R("haiku", "ops", "tooling", "terse", None, "a date one-liner",
  "1710412800 to human date in bash (linux + mac)")
R("haiku", "question", "web", "plain", None, "a well-known npm command",
  "How do I find out why lodash 3.x is in my node_modules? Which package pulls it in?")
R("haiku", "ops", "systems", "terse", None, "a cargo flag",
  "cargo run a single test by name and show println output")
R("haiku", "ops", "tooling", "terse", None, "a maven flag",
  "mvn package skip tests (compile them but dont run)")
R("haiku", "ops", "infrastructure", "terse", None, "a terraform state command",
  "terraform show just one resource from state")
R("haiku", "ops", "tooling", "plain", None,
  "TB4: 'capital' is a word not a topic; capitalising words in bash is a one-liner",
  "Bash: how do I capitalise the first letter of each word in a string? e.g. 'north wind labs' -> 'North Wind Labs'")
R("haiku", "ops", "infrastructure", "terse", None, "a yq one-liner",
  "yq to set the image tag of container api in deployment.yaml to 2.14.1")
R("haiku", "ops", "tooling", "plain", None, "a well-known git command",
  "Change the author email on my last commit, I used my personal one.")
R("haiku", "question", "tooling", "terse", None, "a short well-known answer",
  "what does 2>&1 mean and why does order matter with > file")
R("haiku", "question", "general", "terse", None, "a format string",
  "python fstring zero pad int to 6 digits")
R("haiku", "implement", "databases", "plain", None, "a SELECT over one table",
  "SQL: count orders per status from the orders table, biggest first.")
R("haiku", "ops", "tooling", "other-language", None, "TB9: a well-known git command, in German",
  "Wie lösche ich einen Branch auf dem Remote? Lokal ist er schon weg.", language="de")
R("haiku", "ops", "tooling", "other-language", None, "TB9: a well-known git command, in Japanese",
  "直前のコミットメッセージだけ直したい。まだpushしてない。", language="ja")
R("haiku", "explain", "tooling", "other-language", None, "TB9: explaining a one-line sed command",
  "sed -n '10,20p' access.log ってどういう意味？", language="ja")
R("haiku", "ops", "tooling", "terse", None, "a grep one-liner",
  "grep -r but exclude node_modules and dist")
R("haiku", "question", "tooling", "plain", None, "a regex one-liner",
  "Regex that matches a UUID v4 (lowercase), for a Postgres CHECK constraint.")
R("haiku", "ops", "tooling", "typos", None, "a git one-liner",
  "git stash only one file not evrything")
R("haiku", "ops", "systems", "terse", None, "a du one-liner",
  "du top 10 dirs in /home human readable")
R("haiku", "ops", "tooling", "plain", None, "a git one-liner",
  "Show me the git log for one file including renames, one line per commit.")

# short-hard
R("opus", "design", "systems", "terse", "short-hard", "TB3: a few words asking for a lock-free concurrent algorithm",
  "lock-free mpmc queue in rust, bounded")
R("opus", "design", "web", "terse", "short-hard", "exactly-once delivery semantics is a distributed-systems design problem",
  "how do we make outgoing webhooks exactly once")
R("opus", "design", "infrastructure", "plain", "short-hard",
  "leader election safety across zones is consensus and failure-mode reasoning",
  "Make our cron scheduler's leader election safe across 3 AZs. Right now two leaders sometimes run the same job.")
R("opus", "plan", "databases", "terse", "short-hard", "a zero-downtime major upgrade of a 12 TB database is a high-stakes plan",
  "pg 12 -> 16, 12TB, zero downtime. plan?")
R("opus", "design", "web", "plain", "short-hard",
  "idempotency for a payments API involves races, retries and storage semantics",
  "Design idempotency keys for our payments API.")
R("opus", "design", "web", "terse", "short-hard", "choosing a CRDT for concurrent edits is an open design with trade-offs",
  "shared shopping cart, two devices editing offline. crdt or something simpler?")
R("opus", "review", "security", "terse", "short-hard", "threat modelling is opus",
  "threat model for moving all our internal tools behind okta SSO")
R("opus", "design", "infrastructure", "plain", "short-hard", "global rate limiting across many pods is distributed design with trade-offs",
  "Global per-customer rate limit across 40 pods, under 1ms overhead per request. How?")
R("opus", "explain", "systems", "terse", "short-hard", "durability semantics of fsync across kernel and disk layers is deep reasoning",
  "how can fsync return 0 and the data still be gone after power loss")
R("opus", "debug", "systems", "plain", "easy-words-hard",
  "TB6: lease renewals failing only sometimes, no lead: clock/timeout reasoning across components",
  "Our lease renewals fail a couple of times a week and two workers end up holding the same lease for a few seconds. No errors in the logs. Where would you even start?")
R("opus", "design", "security", "other-language", "short-hard",
  "TB9: tenant isolation with RLS where a mistake leaks data is security design, whatever the language",
  "Wie bauen wir Mandantentrennung in Postgres mit Row-Level-Security so auf, dass ein vergessenes SET nicht zu einem Datenleck führt? Wir nutzen PgBouncer im Transaction-Mode.",
  language="de")
R("opus", "design", "databases", "other-language", "short-hard",
  "TB9: consistency between inventory and orders without distributed transactions is a consistency design",
  "分散トランザクションを使わずに、在庫サービスと注文サービスの整合性を保つ設計案を出してください。二重引当と取りこぼしの両方を防ぎたいです。",
  language="ja")
R("opus", "design", "data", "terse", "short-hard", "ordering guarantees with repartitioning is distributed-systems reasoning",
  "keep per-customer ordering when we go from 12 to 48 kafka partitions?")
R("opus", "design", "security", "plain", "short-hard", "key rotation without downtime for encrypted data is cryptographic design",
  "How do we rotate the key we use for field-level encryption of IBANs without downtime or a big-bang re-encrypt?")
R("opus", "explain", "systems", "terse", "short-hard", "TB7: memory-ordering semantics are opus",
  "when is relaxed ordering actually ok for a counter that other threads read")

# short everyday sonnet
R("sonnet", "implement", "tooling", "plain", None, "CI configuration with a matrix is sonnet",
  "Write a GitHub Actions workflow: pytest on Python 3.10, 3.11, 3.12, pip cache, and upload coverage to Codecov only from 3.12.")
R("sonnet", "implement", "web", "terse", None, "a clear-spec endpoint feature",
  "cursor pagination for GET /orders, sort by (created_at, id) desc, fastapi + sqlalchemy")
R("sonnet", "implement", "databases", "plain", None, "a migration with known steps",
  "Alembic migration: add orders.channel (text), backfill 'web' in batches of 10k so we don't lock the table, then make it NOT NULL.")
R("sonnet", "implement", "tooling", "typos", None, "build configuration across several tools",
  "pre-commit config w/ ruff (lint+format), mypy strict on src/ only, and a hook that blocks commiting files >2mb")
R("sonnet", "implement", "tooling", "plain", None, "a build file with several targets",
  "Makefile for a Go service: build with version ldflags from git describe, test with race, lint via golangci-lint, docker build and push with the same tag.")
R("sonnet", "implement", "web", "plain", None, "retry logic with a clear spec",
  "Add retries with exponential backoff + full jitter to our httpx AsyncClient wrapper. Retry on 429/502/503/504 and connect errors, respect Retry-After, max 5 tries.")
R("sonnet", "implement", "infrastructure", "terse", None, "a small script with several steps",
  "bash script: gzip logs in /var/log/shop older than 7d, upload to s3://nw-logs/<host>/<date>/, delete local only if upload ok")
R("sonnet", "implement", "tooling", "plain", None, "dependency bot configuration for a monorepo",
  "Set up Renovate for our monorepo: group all @types/* together, automerge patch for devDeps, one PR per week for the rest, pin docker digests.")
R("sonnet", "implement", "data", "plain", None, "a small ETL script with upsert semantics",
  "Python script that reads products.csv (sku,title,price_cents,active) and upserts into Postgres on sku, in batches, reporting inserted/updated counts.")
R("sonnet", "implement", "web", "non-native", None, "a clear-spec feature in one framework",
  "I need to add CSV export button to our Django admin for Orders model, with selected rows only and columns id, email, total, status. How to do?")
R("sonnet", "test", "web", "terse", None, "writing tests for existing behaviour",
  "playwright test for the login flow incl. wrong password and the lockout after 5 tries")
R("sonnet", "implement", "infrastructure", "plain", None, "CI deploy configuration",
  "GitLab CI job that builds the image with kaniko, tags it with the short SHA and the branch, and deploys to staging with helm upgrade --install on main only.")

# ---- batch 5: follow-ups, everyday sonnet work, more opus ----

# follow-ups whose words say what the work is
R("haiku", "edit", "tooling", "follow-up", None, "TB8: 'rename it back' is a mechanical edit",
  "ok rename it back to authz, the other team imports it by that name")
R("haiku", "docs", "general", "follow-up", None, "TB8: 'also add a docstring' is haiku",
  "also add a docstring to parse_amount while ur at it")
R("haiku", "edit", "tooling", "follow-up", None, "TB8: tweaking a regex flag is mechanical",
  "make that regex case insensitive too")
R("haiku", "ops", "tooling", "follow-up", None, "TB8: the same one-liner for another extension",
  "same thing but for .yml and .yaml files")
R("haiku", "edit", "tooling", "follow-up", None, "TB8: reformatting output is mechanical",
  "now give me that as yaml instead of json")
R("haiku", "edit", "data", "follow-up", None, "TB8: sorting an already produced list",
  "sort them by count, biggest first, and drop the ones under 10")
R("haiku", "ops", "tooling", "follow-up", None, "TB8: turning a command into a one-liner",
  "can you make that a single line i can paste into the terminal")
R("haiku", "edit", "tooling", "follow-up", None, "TB8: shortening a commit message",
  "shorter, under 50 chars for the subject line")
R("haiku", "question", "data", "follow-up", None, "TB8: just the line numbers from the previous answer",
  "just the line numbers pls, not the whole rows")

# follow-ups that only point back: sonnet
R("sonnet", "implement", "general", "follow-up", None, "TB8: 'ok continue' only points back, sonnet",
  "ok continue")
R("sonnet", "debug", "general", "follow-up", None, "TB8: 'try again' only points back, sonnet",
  "that didnt work, try again")
R("sonnet", "debug", "general", "follow-up", None, "TB8: 'still failing' only points back, sonnet",
  "still failing. same error")
R("sonnet", "refactor", "general", "follow-up", None, "TB8: continuing a long rewrite only points back, sonnet",
  "keep going with the rest of the file, you stopped at normalizeVoucher")
R("sonnet", "implement", "general", "follow-up", None, "TB8: bare continuation, work unknown, sonnet",
  "go on")
R("sonnet", "implement", "general", "other-language", None, "TB8/TB9: 'continue' in German only points back, sonnet",
  "weiter bitte", language="de")
R("sonnet", "debug", "general", "other-language", None, "TB8/TB9: 'didn't work' in Japanese only points back, sonnet",
  "だめでした。もう一回お願いします", language="ja")

# follow-ups whose words ask for sonnet work
R("sonnet", "refactor", "web", "follow-up", None, "TB8: 'do the same for X' is sonnet",
  "nice. now do the same for the cart service, it has the same NotFound pattern")
R("sonnet", "test", "web", "follow-up", None, "TB8: 'add tests for that too' is sonnet",
  "add tests for that too, pytest, mock the stripe client")
R("sonnet", "refactor", "web", "follow-up", None, "TB8: converting further files is sonnet",
  "do the same TS conversion for api.js and utils.js, same interfaces where they overlap")
R("sonnet", "debug", "data", "follow-up", None, "a follow-up with a new symptom and a clear area",
  "it runs now but totals are off by one cent on some orders vs the old version. the JPY ones look fine")
SMALL_TB = '''Traceback (most recent call last):
  File "/app/scripts/reconcile.py", line 88, in <module>
    main()
  File "/app/scripts/reconcile.py", line 71, in main
    merged = orders.merge(stripe, left_on="order_id", right_on="source_id", how="outer", indicator=True)
  File "/usr/local/lib/python3.12/site-packages/pandas/core/frame.py", line 10832, in merge
    return merge(
  File "/usr/local/lib/python3.12/site-packages/pandas/core/reshape/merge.py", line 170, in merge
    op = _MergeOperation(
  File "/usr/local/lib/python3.12/site-packages/pandas/core/reshape/merge.py", line 807, in __init__
    self._maybe_coerce_merge_keys()
  File "/usr/local/lib/python3.12/site-packages/pandas/core/reshape/merge.py", line 1509, in _maybe_coerce_merge_keys
    raise ValueError(msg)
ValueError: You are trying to merge on int64 and object columns for key 'order_id'. If you wish to proceed you should use pd.concat'''
R("sonnet", "debug", "data", "follow-up", None, "TB2: a trace that names the cause; fix in the script just written",
  "ran your script, got this\n\n" + SMALL_TB)
R("sonnet", "implement", "web", "follow-up", None, "TB8: wiring a finished component into a page is sonnet",
  "cool, now wire it into the settings page and persist the choice in localStorage")

# follow-ups whose words ask for opus work
R("opus", "design", "systems", "follow-up", "short-hard", "TB8: 'now make it lock-free' is opus",
  "now make it lock-free")
R("opus", "design", "systems", "follow-up", None, "TB8: failure in the middle of a protocol is consensus reasoning",
  "ok and what happens if the leader dies between writing the intent and publishing the event? walk through it")
R("opus", "design", "infrastructure", "follow-up", None, "TB8: extending a design across regions is distributed design",
  "fine for one region. now we need it active-active in eu-central-1 and us-east-1")
R("opus", "debug", "databases", "follow-up", None, "TB8: concurrent execution of a migration is a race question",
  "what if two pods run that migration at the same time on deploy? we have 6 replicas")
R("opus", "plan", "web", "follow-up", None, "TB8: rolling a change out across 30 services is a large plan",
  "ok the pattern works for checkout. whats the plan for rolling it out to the other 30 services without a freeze")
R("opus", "review", "security", "follow-up", None, "TB8: threat model for another surface is opus",
  "now do the same threat model for the mobile app, it uses the same refresh tokens")

# everyday sonnet with material or without
TS_SWITCH = '''export function shippingCost(order: Order): number {
  switch (order.carrier) {
    case 'dhl':
      if (order.country === 'DE') return order.weightKg <= 2 ? 4.99 : 6.99;
      if (EU.includes(order.country)) return order.weightKg <= 2 ? 9.99 : 14.99;
      return 29.99;
    case 'dpd':
      if (order.country === 'DE') return 5.49;
      if (EU.includes(order.country)) return 11.49;
      throw new Error('dpd: unsupported country');
    case 'ups':
      if (order.express) return order.weightKg * 3.2 + 12;
      return order.weightKg * 1.9 + 7;
    case 'pickup':
      return 0;
    case 'gls':
      if (order.country === 'DE') return order.weightKg <= 5 ? 4.29 : 7.29;
      if (['AT', 'NL', 'BE', 'LU'].includes(order.country)) return 8.9;
      if (EU.includes(order.country)) return 12.9;
      throw new Error('gls: unsupported country');
    default:
      throw new Error(`unknown carrier ${order.carrier}`);
  }
}'''
R("sonnet", "refactor", "web", "plain", None, "refactoring a function into a strategy table while preserving behaviour",
  "Refactor this into a per-carrier strategy map (one small function or object per carrier) so new carriers don't touch "
  "the switch. Behaviour must stay identical, including the thrown errors.\n\n" + TS_SWITCH)
R("haiku", "edit", "web", "terse", None, "changing one constant in a pasted function",
  "dhl DE under 2kg is 5.49 now, update it\n\n" + TS_SWITCH)
R("sonnet", "test", "web", "plain", None, "writing tests for existing code",
  "Vitest table-driven tests for shippingCost covering every branch, including the errors.\n\n" + TS_SWITCH)

PY_SYNC_REQ = '''def fetch_all_prices(skus):
    out = {}
    for sku in skus:
        r = requests.get(f"{PRICING_URL}/v1/prices/{sku}", timeout=5)
        if r.status_code == 404:
            continue
        r.raise_for_status()
        out[sku] = r.json()["price_cents"]
    return out'''
R("sonnet", "refactor", "web", "typos", None, "converting sync code to async with bounded concurrency is a several-step change",
  "this takes 20 min for 15k skus. make it async with httpx, max 10 in flight, keep the 404 skip. and retries on 5xx would be nice\n\n"
  + PY_SYNC_REQ)

R("sonnet", "explain", "web", "plain", None, "TB7: a closure capturing a loop variable is a subtle-but-known cause, sonnet",
  "Why does this log 5 five times instead of 0..4?\n\nfor (var i = 0; i < 5; i++) {\n  setTimeout(() => console.log(i), 100);\n}")
R("sonnet", "explain", "web", "plain", None, "TB7: async ordering with microtasks is subtle, sonnet",
  "Why does this print 1 4 3 2 and not 1 2 3 4?\n\nconsole.log(1);\nsetTimeout(() => console.log(2), 0);\nPromise.resolve().then(() => console.log(3));\nconsole.log(4);")
R("sonnet", "explain", "systems", "terse", None, "TB7: integer promotion surprise, sonnet",
  "why is this true in C\n\nunsigned int a = 1; int b = -1;\nif (b > a) puts(\"what\");")
R("haiku", "explain", "web", "terse", None, "TB7: what a short snippet does, answered in a sentence",
  "what does this do\n\nconst uniq = [...new Set(ids)];")

R("sonnet", "implement", "web", "verbose", None, "integrating a third-party API with a clear spec",
  "We need to integrate the DHL Parcel DE shipping API into our Node backend: create a label when an order moves to "
  "'ready_to_ship', store the tracking number and the PDF in S3, and retry if their sandbox returns 5xx. I have the "
  "OpenAPI spec and credentials. Can you sketch the module (client, service, job) in TypeScript with zod validation "
  "of their responses?")
R("sonnet", "implement", "mobile", "plain", None, "a clear-spec mobile feature",
  "Add pull-to-refresh to the orders list in our React Native app (FlatList, react-query). Show the last updated time under the header.")
R("sonnet", "debug", "mobile", "typos", None, "a build failure with an identifiable cause",
  "ios build fails after upgrading RN to 0.73: 'Multiple commands produce .../PrivacyInfo.xcprivacy'. android is fine. what do i change in the podfile")
R("sonnet", "implement", "ml", "plain", None, "a standard training-script feature",
  "Add early stopping and best-checkpoint saving to this PyTorch training loop: monitor val loss, patience 5, save to checkpoints/best.pt with the optimizer state.")
R("sonnet", "implement", "data", "terse", None, "a medium SQL task with window functions",
  "postgres: for each customer, days between their 1st and 2nd order. null if only one")
R("sonnet", "review", "web", "plain", None, "TB10: reviewing a diff for correctness and style",
  "Review this diff for correctness, please. It adds soft delete to customers.\n\n"
  "diff --git a/app/models/customer.py b/app/models/customer.py\n"
  "@@ -14,6 +14,7 @@ class Customer(Base):\n"
  "     email = Column(String, nullable=False, unique=True)\n"
  "     full_name = Column(String)\n"
  "     country = Column(String(2), nullable=False)\n"
  "+    deleted_at = Column(DateTime(timezone=True), nullable=True)\n"
  "@@ -40,7 +41,9 @@ class CustomerRepo:\n"
  "     def by_email(self, email):\n"
  "-        return self.s.query(Customer).filter_by(email=email).first()\n"
  "+        return self.s.query(Customer).filter_by(email=email, deleted_at=None).first()\n"
  "+\n"
  "     def delete(self, cid):\n"
  "-        self.s.query(Customer).filter_by(id=cid).delete()\n"
  "+        c = self.s.get(Customer, cid)\n"
  "+        c.deleted_at = datetime.now()\n"
  "     def list(self, page):\n"
  "         return self.s.query(Customer).order_by(Customer.id).offset(page * 50).limit(50).all()")

# opus without much material
R("opus", "design", "web", "verbose", None, "choosing between designs with trade-offs for a high-traffic path",
  "We're deciding between two designs for cart pricing during promos: (a) compute prices synchronously in checkout by "
  "calling the pricing service, or (b) precompute per-SKU prices into Redis when rules change and have checkout read "
  "them. Promos change every few hours, B2B customers have their own price lists (~3k customers), and the finance "
  "team insists the price shown in the cart is the price charged. Which would you choose and how do you handle the "
  "edge cases (rule change while a user is in checkout, cache miss, B2B lists)?")
R("opus", "debug", "systems", "plain", "easy-words-hard",
  "TB6: a stall nobody can reproduce with no lead is opus",
  "Once or twice a week the invoice worker just stops. No crash, no error, CPU near 0, the process is alive. A restart fixes it. We can't reproduce it in staging.")
R("opus", "debug", "databases", "plain", "easy-words-hard",
  "TB6: writes lost after a leader change is distributed consistency debugging",
  "After the database failover last night some orders from around 02:14 are just gone. The app got success responses for them. How is that possible and how do we find out which ones?")
R("opus", "plan", "web", "plain", "easy-words-hard", "TB6: introducing feature flags across services is an open plan",
  "Plan how to introduce feature flags across our services. We have 14 services, 3 languages and no flag system today.")
R("opus", "design", "data", "verbose", None, "designing a backfill with consistency under concurrent writes",
  "We need to re-compute the `lifetime_value` column for 40M customers with a new formula, while orders keep "
  "coming in and updating it incrementally. If the backfill overwrites a value that an order just updated we lose "
  "money in reporting. How would you design the backfill so it's correct, restartable and doesn't hammer the primary?")
R("opus", "design", "ml", "plain", None, "an open ML system design with trade-offs",
  "Design the retraining pipeline for our product-recommendation model: daily data, drift detection, shadow evaluation against the live model, and safe rollback. We have one GPU box and Airflow.")
R("opus", "review", "security", "plain", None, "cryptography: judging a custom token scheme is opus",
  "We generate password-reset links as base64(user_id + ':' + expiry) + '.' + md5(secret + user_id + expiry). Is that OK or do we need to change it?")
R("opus", "debug", "web", "verbose", "easy-words-hard",
  "TB6: intermittent cross-component failure with no lead is opus",
  "Every few days some users get logged out across all their tabs at the same time, and a few of them report seeing "
  "another customer's name in the header for a second before it goes away. We use Next.js with a CDN in front, "
  "sessions in Redis. We've not been able to reproduce it. What could cause both symptoms together?")
R("opus", "design", "systems", "terse", "short-hard", "a novel algorithm under constraints",
  "dedupe 2B event ids/day in a stream, 0.01% false positive ok, memory < 4GB. design?")
R("opus", "explain", "systems", "plain", None, "TB7: the semantics of a concurrent algorithm are opus",
  "Can you explain why the Michael-Scott queue needs the second check of tail in enqueue, and what goes wrong on a platform without garbage collection (ABA)?")
R("opus", "plan", "web", "other-language", None, "TB9: a codebase-wide migration plan is opus in any language",
  "Wir wollen unser AngularJS-Frontend (ca. 180 Komponenten, 60k Zeilen) schrittweise nach React migrieren, ohne Feature-Freeze. Wie würdest du das planen, inklusive Routing, gemeinsamem State und Tests?",
  language="de")
R("opus", "debug", "systems", "other-language", "easy-words-hard",
  "TB6/TB9: an intermittent memory problem in production without a lead is opus",
  "本番のGoサービスで、数日に一度だけRSSが急に2倍になってそのまま戻らない。pprofのheapは普通に見える。何が考えられるか、どう調べるか教えてください。",
  language="ja")

# ---- batch 6: more medium pastes, German and Japanese, non-native ----

_rng = random.Random(18201)
K8S_TWO = gen_k8s(_rng, ["cart-service", "pricing-engine"])
R("haiku", "edit", "infrastructure", "terse", "long-trivial", "TB5: setting one value in two places is mechanical",
  "add cpu limit 1 to both containers\n\n" + K8S_TWO)
R("haiku", "question", "infrastructure", "non-native", "long-trivial", "TB5: reading the replica counts is a lookup",
  "How many replicas has each one of this deployments? I need for the capacity sheet.\n\n" + K8S_TWO)
R("sonnet", "implement", "infrastructure", "plain", None, "adding HPA, PDB and probes for two services is configuration work with some judgement",
  "Add a HorizontalPodAutoscaler (CPU 70%, 2-10 replicas) and a PodDisruptionBudget for each of these, plus a "
  "liveness probe that won't kill pods during a slow startup. Explain the numbers you pick.\n\n" + K8S_TWO)

_rng = random.Random(18202)
USERS_SMALL = gen_users_csv(_rng, 45)
R("haiku", "implement", "data", "terse", "long-trivial", "a pandas one-liner for deduplication",
  "pandas: dedupe this by email keeping the latest last_login\n\n" + USERS_SMALL)
R("haiku", "edit", "data", "other-language", "long-trivial", "TB5/TB9: CSV to JSON is a mechanical conversion",
  "このCSVをJSONの配列に変換してください。mfa_enabledはbooleanにしてほしいです。\n\n" + USERS_SMALL, language="ja")

_rng = random.Random(18203)
SQL_TINY = gen_sql_dump(_rng, 25)
R("haiku", "edit", "databases", "plain", "long-trivial", "TB5: turning INSERT values into CSV is mechanical",
  "Turn the customers INSERT into a CSV with a header row. Ignore the orders table.\n\n" + SQL_TINY)
R("sonnet", "implement", "databases", "plain", None, "porting a MySQL dump to Postgres DDL and types is a careful multi-step conversion",
  "We're moving this to Postgres 16. Convert the schema (enum, AUTO_INCREMENT, collation, the FK) to Postgres DDL and "
  "tell me how you'd load the data, including resetting the sequences.\n\n" + SQL_TINY)

_rng = random.Random(18204)
MD_SMALL = gen_markdown(_rng, 8, paras=2)
R("haiku", "edit", "general", "terse", "long-trivial", "TB5: extracting URLs is mechanical",
  "extract all the urls\n\n" + MD_SMALL)
R("haiku", "docs", "general", "plain", "long-trivial", "TB5: a table of contents from headings is mechanical",
  "Generate a table of contents with anchor links for this README.\n\n" + MD_SMALL)
R("sonnet", "docs", "general", "verbose", None, "rewriting a whole doc for a changed process is careful multi-section work",
  "This handbook was written when everything ran on VMs. We're now on EKS with Argo CD doing deploys, secrets come "
  "from External Secrets (AWS Secrets Manager, not Vault), and logs go to CloudWatch instead of Loki. Please rewrite "
  "the whole thing to match the new setup, keep the tone and structure, and mark with TODO anything you're not sure "
  "about rather than inventing it.\n\n" + MD_SMALL)

_rng = random.Random(18205)
DIFF_SMALL = gen_diff(_rng, "backoffice/services.py", 3)
R("haiku", "docs", "tooling", "terse", None, "a commit message for a small diff",
  "commit msg for this\n\n" + DIFF_SMALL)
R("haiku", "docs", "tooling", "other-language", None, "TB9: a changelog line for a small diff",
  "Schreib mir einen Changelog-Eintrag (eine Zeile, Englisch) für diesen Diff.\n\n" + DIFF_SMALL, language="de")

_rng = random.Random(18206)
PY_MED = gen_py_module(_rng, 9)
R("haiku", "edit", "tooling", "plain", "long-trivial", "TB5: adding __all__ from a file's public names is mechanical",
  "Add an __all__ at the top listing the public functions and classes in this module.\n\n" + PY_MED)
R("sonnet", "test", "tooling", "plain", None, "writing tests for the functions of a module",
  "Write pytest tests for the validate_* and serialize_* functions in this module. Fake the ORM objects with simple dataclasses.\n\n" + PY_MED)
R("sonnet", "refactor", "tooling", "typos", None, "adding complete type hints through a module is many careful edits",
  "add proper type hints everywhere in this so mypy --strict passes. dont change behaviour\n\n" + PY_MED)
R("sonnet", "refactor", "tooling", "other-language", None, "TB9/TB5: rewriting a whole module in another language is sonnet",
  "このPythonモジュールをGoに書き直してください。database/sqlを使って、Repositoryはinterfaceにしてほしいです。\n\n" + PY_MED,
  language="ja")

_rng = random.Random(18207)
GO_MED = gen_go_file(_rng, 8, "", pkg="store")
R("haiku", "question", "systems", "terse", "long-trivial", "TB5: listing unused imports is a glance check",
  "which imports are unused here, go vet is yelling\n\n" + GO_MED)
R("sonnet", "refactor", "systems", "plain", None, "TB5: translating a Go file to Rust is a careful rewrite",
  "Port this Go file to Rust with sqlx and axum. Keep the same function boundaries so the review is easy.\n\n" + GO_MED)

_rng = random.Random(18208)
ACCESS_MED = gen_access_log(_rng, 44)
R("haiku", "question", "web", "terse", "long-trivial", "TB5: counting 5xx lines is mechanical",
  "how many 500s in here\n\n" + ACCESS_MED)

_rng = random.Random(18209)
POM_B = gen_pom(_rng, "catalog-service", 12)
R("sonnet", "plan", "tooling", "plain", None, "a framework minor upgrade with known steps and a check list",
  "Upgrade this from Spring Boot 3.2.3 to 3.3.x. What do I change in the pom, and what are the breaking changes I "
  "should check for given these dependencies?\n\n" + POM_B)
R("haiku", "question", "tooling", "other-language", "long-trivial", "TB5/TB9: reading the Java version is a lookup",
  "Welche Java-Version ist hier eingestellt?\n\n" + POM_B, language="de")

JENKINS_LOG = '''[Pipeline] sh
+ ./gradlew clean build --no-daemon
Downloading https://services.gradle.org/distributions/gradle-8.6-bin.zip
...........10%...........20%...........30%...........40%...........50%...........60%...........70%...........80%...........90%...........100%
Welcome to Gradle 8.6!
Starting a Gradle Daemon (subsequent builds will be faster)
> Task :compileJava FAILED

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':compileJava'.
> error: invalid source release: 21

* Try:
> Run with --stacktrace option to get the stack trace.
> Run with --info or --debug option to get more log output.
> Run with --scan to get full insights.
> Get more help at https://help.gradle.org.

BUILD FAILED in 41s
[Pipeline] }
[Pipeline] // stage
[Pipeline] }
[Pipeline] // withEnv
[Pipeline] }
[Pipeline] // node
[Pipeline] End of Pipeline
ERROR: script returned exit code 1
Finished: FAILURE'''
R("sonnet", "debug", "tooling", "other-language", None,
  "TB9: CI build failure with an identifiable cause (JDK mismatch) and a config fix; sonnet per CI configuration",
  "Unser Jenkins-Build bricht seit heute morgen so ab. Lokal baut es. Was ist los und wie stelle ich das im Jenkinsfile sauber ein (Toolchain)?\n\n"
  + JENKINS_LOG, language="de")

GO_RACE_SMALL = '''type Cache struct {
	mu    sync.RWMutex
	items map[string]entry
}

func (c *Cache) Get(k string) (Value, bool) {
	c.mu.RLock()
	e, ok := c.items[k]
	c.mu.RUnlock()
	if ok && time.Now().After(e.expires) {
		delete(c.items, k)
		return Value{}, false
	}
	return e.v, ok
}

func (c *Cache) GetOrLoad(ctx context.Context, k string, load func(context.Context) (Value, error)) (Value, error) {
	if v, ok := c.Get(k); ok {
		return v, nil
	}
	v, err := load(ctx)
	if err != nil {
		return Value{}, err
	}
	c.mu.Lock()
	c.items[k] = entry{v: v, expires: time.Now().Add(time.Minute)}
	c.mu.Unlock()
	return v, nil
}'''
R("opus", "review", "systems", "other-language", None, "TB9/TB10: reviewing concurrent code for races is opus",
  "このコードにレースコンディションはありますか？あれば修正案と、同じキーへの同時ロードをまとめる方法も教えてください。\n\n"
  + GO_RACE_SMALL, language="ja")
R("haiku", "docs", "systems", "plain", "hard-words-easy", "TB3: concurrency vocabulary but the ask is adding doc comments",
  "Add a one-line doc comment above each exported method, Go style.\n\n" + GO_RACE_SMALL)

BROKEN_YAML = '''server:
  port: 8080
  shutdown: graceful
spring:
  datasource:
    url: jdbc:postgresql://db:5432/catalog
     username: catalog
    password: ${DB_PASSWORD}
  jpa:
    open-in-view: false
management:
  endpoints:
    web:
      exposure:
      include: health,info,prometheus'''
R("haiku", "edit", "tooling", "other-language", None, "TB9: fixing YAML indentation is mechanical",
  "このYAMLのインデントがおかしいので直してください。\n\n" + BROKEN_YAML, language="ja")

PY_TB_JA = '''Traceback (most recent call last):
  File "/srv/app/batch/export_invoices.py", line 52, in <module>
    main()
  File "/srv/app/batch/export_invoices.py", line 44, in main
    for inv in session.query(Invoice).yield_per(500):
  File "/srv/venv/lib/python3.11/site-packages/sqlalchemy/orm/query.py", line 2853, in __iter__
    result = self._iter()
  File "/srv/venv/lib/python3.11/site-packages/sqlalchemy/engine/base.py", line 1414, in execute
    return meth(
sqlalchemy.exc.InvalidRequestError: Can't use yield_per with eager loaders that require uniquing or row buffering, e.g. joinedload() against collections or subqueryload(). Consider the selectinload() strategy for better flexibility in loading objects.'''
R("sonnet", "debug", "databases", "other-language", None, "TB9/TB2: a trace with an identifiable cause is sonnet",
  "このエラーの原因と直し方を教えてください。Invoiceモデルにはlinesへのrelationshipがlazy='joined'で設定されています。\n\n"
  + PY_TB_JA, language="ja")

R("opus", "review", "security", "other-language", None, "TB9/TB10: reviewing a service-to-service auth design is a security review",
  "マイクロサービス間の認証を、共有のAPIキー1つ（全サービス共通、環境変数）からmTLSかJWTに移行したいです。どちらが良いか、鍵のローテーションと失効も含めて設計をレビューしてください。",
  language="ja")
R("haiku", "ops", "tooling", "other-language", None, "TB9: a well-known git command",
  "gitで特定のファイルだけ3つ前のコミットの状態に戻すには？", language="ja")
R("haiku", "question", "tooling", "other-language", None, "TB9: a regex one-liner",
  "Regex für deutsche Postleitzahlen? Nur fünf Ziffern, führende Null erlaubt.", language="de")

JSON_I18N = '''{
  "checkout.title": "Kasse",
  "cart.empty": "Dein Warenkorb ist leer",
  "account.logout": "Abmelden",
  "checkout.pay": "Jetzt bezahlen",
  "cart.remove": "Entfernen",
  "account.orders": "Meine Bestellungen",
  "errors.network": "Netzwerkfehler, bitte versuche es erneut",
  "checkout.shipping": "Versand",
  "account.settings": "Einstellungen",
  "cart.total": "Gesamtsumme",
  "errors.notFound": "Seite nicht gefunden",
  "checkout.voucher": "Gutscheincode",
  "account.address": "Adresse",
  "cart.continue": "Weiter einkaufen",
  "errors.server": "Serverfehler",
  "checkout.terms": "Ich akzeptiere die AGB",
  "account.delete": "Konto löschen",
  "cart.quantity": "Menge",
  "errors.unauthorized": "Bitte melde dich an",
  "checkout.summary": "Zusammenfassung",
  "account.password": "Passwort ändern",
  "cart.saveForLater": "Für später speichern"
}'''
R("haiku", "edit", "web", "other-language", "long-trivial", "TB5/TB9: sorting keys is mechanical",
  "Sortier bitte die Keys alphabetisch, sonst nix ändern.\n\n" + JSON_I18N, language="de")
R("sonnet", "docs", "web", "plain", None, "translating UI strings with tone and placeholders consistent is careful text work",
  "Translate these German UI strings to French (informal 'tu', consistent with each other, keep keys). Flag any where the "
  "German is ambiguous.\n\n" + JSON_I18N)

R("opus", "review", "security", "other-language", "short-hard", "TB9/TB10: judging a login flow's safety is a security review",
  "Ist dieser Login-Flow sicher? Wir speichern das Passwort als sha256(salt + passwort) und der Salt ist pro Instanz gleich.",
  language="de")
R("sonnet", "test", "data", "other-language", None, "TB9: writing tests for existing code is sonnet",
  "Schreib mir pytest-Tests für diese Funktion, vor allem die Randfälle mit Komma und Punkt.\n\n" + PY_PARSE, language="de")
R("haiku", "question", "data", "other-language", "long-trivial", "TB5/TB9: counting lines of a paste",
  "Wie viele Zeilen hat der Export (ohne Kopfzeile)?\n\n" + ORDERS_SMALL, language="de")
R("sonnet", "implement", "web", "other-language", None, "TB9: a clear-spec feature",
  "Ich brauche einen Express-Endpoint POST /api/newsletter, der die E-Mail validiert, Double-Opt-In per Mail verschickt "
  "und den Token nach 48 Stunden verfallen lässt. Postgres mit Prisma.", language="de")

# non-native and verbose mixed tasks
R("sonnet", "debug", "web", "non-native", None, "debugging with an identifiable cause (CORS preflight missing header)",
  "Frontend in localhost:5173 call our API and browser say 'Request header field x-tenant-id is not allowed by "
  "Access-Control-Allow-Headers in preflight response'. Backend is FastAPI with CORSMiddleware, I put allow_origins "
  "already. What is missing?")
R("haiku", "question", "web", "non-native", None, "a short well-known answer",
  "What is difference between PUT and PATCH? Short answer please.")
R("sonnet", "implement", "databases", "non-native", None, "a clear-spec query with window function",
  "I have table page_views(user_id, url, viewed_at). Need for each user the sessions, new session when gap is more than 30 minutes. Postgres. Please help with query.")
R("opus", "design", "databases", "non-native", None, "sharding design with trade-offs is opus",
  "Our Postgres is 9TB and grow 300GB per month, biggest table is events. Manager say we must shard. Is sharding really the answer or are there other way? If shard, by which key and how to migrate without stop the service?")
R("sonnet", "implement", "mobile", "non-native", None, "a clear-spec mobile integration",
  "In Flutter app I want to add biometric login (Face ID / fingerprint) after first login with password, token saved in secure storage. Can you show me how to do it with local_auth package?")
R("haiku", "explain", "mobile", "non-native", None, "explaining a common error message",
  "Android Studio says 'Unresolved reference: R'. What means this usually?")

# ---- batch 7: sonnet/opus heavy, traps in both directions ----

PY_OUTBOX = '''class OutboxRelay:
    """Moves rows from the outbox table to Kafka. Runs in every API pod."""

    def __init__(self, engine, producer, batch=200):
        self.engine = engine
        self.producer = producer
        self.batch = batch

    def run_once(self):
        with self.engine.begin() as conn:
            rows = conn.execute(text(
                "SELECT id, topic, key, payload FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT :n"
            ), {"n": self.batch}).fetchall()
        for row in rows:
            self.producer.send(row.topic, key=row.key.encode(), value=row.payload.encode())
        self.producer.flush()
        with self.engine.begin() as conn:
            conn.execute(text("UPDATE outbox SET sent_at = now() WHERE id = ANY(:ids)"),
                         {"ids": [r.id for r in rows]})

    def run_forever(self):
        while True:
            try:
                self.run_once()
            except Exception:
                log.exception("relay failed")
            time.sleep(0.5)'''
R("opus", "review", "data", "plain", None,
  "TB10: a relay running in every pod raises duplicate/ordering questions; review of distributed code is opus",
  "Consumers see duplicate events and sometimes events for the same order out of order. This relay runs in all 8 API "
  "pods. What's going on, and what's the right design: SKIP LOCKED, a single leader, or something else? Consumers "
  "are not idempotent today.\n\n" + PY_OUTBOX)
R("haiku", "edit", "data", "terse", "hard-words-easy", "TB3: outbox/Kafka vocabulary but making the sleep configurable is a trivial edit",
  "make the 0.5s sleep a constructor arg poll_interval\n\n" + PY_OUTBOX)
R("sonnet", "test", "data", "plain", None, "writing tests for an existing class with fakes",
  "Write tests for run_once with a fake producer and a real Postgres via testcontainers: sends all unsent rows, marks them, "
  "and does not mark them if flush raises.\n\n" + PY_OUTBOX)

R("opus", "design", "web", "plain", "easy-words-hard", "TB6: plain words, but it's an offline-sync conflict design",
  "Our field app needs to work offline for a whole day and sync in the evening. Two technicians can edit the same job. How should syncing work?")
R("opus", "plan", "infrastructure", "plain", "easy-words-hard", "TB6: plain words, large multi-step migration with risk",
  "We want to move off our own Jenkins to GitHub Actions. 220 repos, some with weird pipelines. How would you run this?")
R("opus", "design", "general", "terse", "easy-words-hard", "TB6: designing a recovery protocol is opus despite plain words",
  "design the recovery for when the nightly export dies halfway")
R("opus", "debug", "web", "plain", "easy-words-hard", "TB6: a slowdown that only appears under load, no lead",
  "The site gets slow every day around 11:00 for about 20 minutes. Traffic isn't higher than at other times. Nothing is scheduled then that we know of.")
R("opus", "design", "data", "plain", "easy-words-hard", "TB6: choosing numbers for money across currencies and rounding is high-stakes design",
  "How should we store and round money so that invoices, refunds and partial refunds always add up, across 9 currencies?")
R("opus", "plan", "databases", "terse", "easy-words-hard", "TB6: a codebase-wide id migration is a large plan",
  "we use int ids everywhere and want uuids. 180 tables. how")
R("opus", "review", "security", "plain", "easy-words-hard", "TB6: plain words, but it's a question about leaking data across customers",
  "Could one customer ever see another customer's invoices through our API? How would we check that across all endpoints?")
R("opus", "debug", "systems", "terse", "easy-words-hard", "TB6: numbers occasionally wrong with no lead, likely a concurrency bug",
  "the daily totals are sometimes a few euros off. not every day. no idea why")

R("sonnet", "review", "systems", "plain", "hard-words-easy",
  "TB3: consensus vocabulary, but the ask is a correctness/style review of a small config-parsing diff",
  "This PR touches our Raft cluster code but it's only the config loader: it reads election_timeout_ms and heartbeat_ms "
  "from YAML instead of flags. Can you review it for correctness and style?\n\n"
  "-    electionTimeout := flag.Duration(\"election-timeout\", 300*time.Millisecond, \"\")\n"
  "-    heartbeat := flag.Duration(\"heartbeat\", 50*time.Millisecond, \"\")\n"
  "+    cfg, err := loadConfig(os.Getenv(\"RAFT_CONFIG\"))\n"
  "+    if err != nil {\n"
  "+        log.Fatal(err)\n"
  "+    }\n"
  "+    electionTimeout := time.Duration(cfg.ElectionTimeoutMs)\n"
  "+    heartbeat := time.Duration(cfg.HeartbeatMs) * time.Millisecond")
R("haiku", "question", "security", "plain", "hard-words-easy", "TB3: crypto vocabulary, short well-known answer",
  "What's the difference between AES-GCM and AES-CBC in one paragraph? Just for a glossary page.")
R("haiku", "ops", "security", "terse", "hard-words-easy", "TB3: certificate vocabulary, but it's an openssl one-liner",
  "openssl cmd to show the expiry date of a pem cert")
R("haiku", "ops", "infrastructure", "terse", "hard-words-easy", "TB3: etcd/cluster vocabulary, but a one-line command",
  "etcdctl command to list all keys under /registry/namespaces")
R("sonnet", "implement", "ml", "plain", "hard-words-easy", "TB3: transformer vocabulary but the ask is a standard data-loading script",
  "Fine-tuning a transformer with LoRA is the next step, but first I just need a Dataset class that reads our JSONL "
  "(fields: prompt, completion), tokenizes with the HF tokenizer, truncates to 1024 and pads per batch. PyTorch.")

R("sonnet", "implement", "web", "plain", None, "a clear-spec backend feature",
  "Implement a 'resend verification email' endpoint in FastAPI: max 3 per hour per user, generic response whether or not the email exists, reuse our send_email helper.")
R("sonnet", "implement", "web", "terse", None, "a clear-spec frontend feature",
  "debounced search input in react w/ react-query, cancel in-flight request on new keystroke")
R("sonnet", "implement", "infrastructure", "plain", None, "Terraform resources with a clear spec",
  "Terraform for an S3 bucket for user uploads: private, versioned, SSE-KMS with our key, lifecycle to Glacier after 90 days, CORS for shop.northwind.io PUTs.")
R("sonnet", "implement", "tooling", "plain", None, "a small CLI tool with a clear spec",
  "Write a small Python CLI (click) that takes a Terraform plan JSON (terraform show -json plan.out) and prints a table of resources to be destroyed or replaced, exit code 2 if any.")
R("sonnet", "debug", "web", "plain", None, "debugging with an identifiable cause from a failing test",
  "This test passes alone and fails when the whole suite runs:\n\n"
  "def test_price_with_vat():\n    settings.VAT_RATE = Decimal('0.19')\n    assert price_with_vat(100) == Decimal('119.00')\n\n"
  "def test_price_with_vat_at():\n    settings.VAT_RATE = Decimal('0.20')\n    assert price_with_vat(100) == Decimal('120.00')\n\n"
  "Failure: assert Decimal('120.00') == Decimal('119.00'). We run pytest -n 4.")
R("sonnet", "refactor", "web", "typos", None, "splitting a module into several with clear boundaries is everyday refactoring",
  "our utils.py is 1400 lines of random stuff (dates, money, http, slugify, csv). split it into a utils package w/o breaking imports across the codebase, whats the cleanest way")
R("sonnet", "implement", "data", "plain", None, "a clear-spec data job",
  "Airflow DAG: every night export yesterday's orders from Postgres to Parquet on S3 partitioned by date, then trigger the dbt job. Retries 3, alert to Slack on failure.")
R("sonnet", "implement", "data", "verbose", None, "a dbt model with tests and incremental logic is a clear spec",
  "Write a dbt incremental model `fct_daily_revenue` from our `stg_orders` and `stg_refunds` models: one row per "
  "day and currency, gross, refunds, net. Late refunds can arrive up to 14 days after the order, so the incremental "
  "window needs to re-process the last 14 days. Add the schema tests too.")
R("sonnet", "debug", "infrastructure", "plain", None, "a Kubernetes failure with an identifiable cause from events",
  "Pods stuck in Pending, describe says: `0/9 nodes are available: 3 node(s) had untolerated taint {dedicated: gpu}, 6 "
  "Insufficient memory.` The deployment requests 6Gi. What are my options?")
R("sonnet", "ops", "infrastructure", "plain", None, "setting up log shipping is configuration with several parts",
  "Set up Fluent Bit as a DaemonSet to ship container logs to CloudWatch, one log group per namespace, drop health-check lines.")
R("sonnet", "explain", "systems", "plain", None, "explaining a module-sized piece of code",
  "Explain how Go's sync.Pool works internally (per-P caches, victim cache) and when it actually helps. We're deciding whether to use it for our JSON buffers.")
R("sonnet", "implement", "security", "plain", None, "a standard security feature with a clear spec",
  "Add TOTP 2FA to our Django app: enrollment with QR code, verification on login, 10 one-time recovery codes stored hashed. Use pyotp.")
R("sonnet", "review", "web", "plain", None, "TB10: a correctness/style review of a small module",
  "Review this for correctness and readability, not security:\n\n"
  "export function paginate<T>(items: T[], page: number, size = 20) {\n"
  "  const start = page * size;\n"
  "  const pages = Math.floor(items.length / size);\n"
  "  return { items: items.slice(start, start + size), page, pages, hasNext: page < pages };\n"
  "}")

R("opus", "design", "web", "verbose", None, "architecture choice with trade-offs for multi-tenant SaaS",
  "We're turning our single-tenant shop platform into SaaS. Options on the table: database per tenant, schema per "
  "tenant, or shared tables with tenant_id and RLS. We expect 50 big tenants and maybe 2,000 small ones, some big "
  "ones want data residency in the EU. Which would you pick, what does it mean for migrations, backups, noisy "
  "neighbours and the ORM, and is a hybrid sane?")
R("opus", "design", "systems", "plain", None, "designing a distributed scheduler with failure semantics",
  "Design a job scheduler for ~5M delayed jobs/day (e.g. 'send reminder in 3 days'), at-least-once, jobs can be cancelled, and it must survive losing a node without running jobs twice within a minute of each other.")
R("opus", "debug", "systems", "verbose", None, "memory corruption with intermittent symptoms needs a cross-component theory",
  "Our C++ image service segfaults maybe once per 2 million requests, always in a different place (jpeg decoder, "
  "allocator, once in std::string). ASan builds are too slow to run in prod and don't reproduce in load tests. We "
  "use a thread pool and a custom arena allocator per request. How would you go about finding this?")
R("opus", "review", "security", "plain", None, "cryptography: a homegrown encryption scheme review",
  "Can you check our approach: we encrypt customer documents with AES-256-CBC, key derived with sha256(master_secret + customer_id), random IV prepended, no MAC because the files are PDFs anyway.")
R("opus", "design", "security", "plain", None, "a secrets management design with rotation and blast radius",
  "We have 60 services with DB passwords in env vars baked into the helm values. Design how we move to short-lived credentials, including how services reconnect when a credential rotates mid-transaction.")
R("opus", "debug", "databases", "plain", None, "replication lag spikes across components without a clear lead",
  "Replica lag on our read replicas jumps to 20-40 minutes a few times a week, then recovers on its own. Write volume on the primary looks normal. Where do we look?")
R("opus", "design", "web", "terse", "short-hard", "cache consistency design is opus",
  "cache invalidation for product pages w/ 30 regional CDNs, price changes must show within 5s")
R("opus", "explain", "systems", "plain", None, "formal reasoning about a consistency guarantee",
  "Is it actually possible to have linearizable reads from followers in Raft without going through the leader? Explain the read-index and lease approaches and what each assumes about clocks.")
R("opus", "plan", "web", "verbose", None, "a large multi-step migration across a codebase",
  "We have a Python 2.7 Django 1.11 monolith, 400k lines, no type hints, test coverage about 35%. We need to be on "
  "Python 3.12 and a supported Django by end of next year while shipping features. Give me a realistic plan with "
  "phases, what to do first, how to keep both running in parallel, and how we know we're done.")
R("opus", "design", "ml", "plain", None, "open ML system design with evaluation trade-offs",
  "We want to route support tickets to teams with a model. 40 teams, labels are noisy, teams get reorganized twice a year. How would you design this so reorganizations don't mean retraining from scratch?")
R("opus", "debug", "ml", "plain", "easy-words-hard", "TB6: silent quality degradation with no lead across pipeline components",
  "Our model's accuracy in production slowly dropped over two months but offline eval on fresh data looks fine. What could explain that and how do we find out?")
R("opus", "design", "mobile", "plain", None, "mobile offline-first architecture with conflict handling",
  "Design the data layer for an offline-first iOS/Android app for warehouse pickers: local DB, sync protocol with the server, conflict rules when two pickers take the same item, and what happens if the app is killed mid-sync.")
R("opus", "review", "security", "terse", "short-hard", "security review of a privilege boundary",
  "is it ok that our k8s pods run with automountServiceAccountToken and the default SA has list secrets in the ns")
R("opus", "design", "infrastructure", "plain", None, "disaster recovery design with RPO/RTO trade-offs",
  "Design disaster recovery for our platform: RPO 5 minutes, RTO 1 hour, single AWS region today. What do we replicate, how do we fail over, and how do we test it without breaking prod?")

# ---- batch 8: filling sonnet/opus, more voices ----

PY_ASYNC_STOCK = '''class StockReserver:
    def __init__(self, redis, db):
        self.redis = redis
        self.db = db
        self._local = {}

    async def available(self, sku: str) -> int:
        if sku in self._local:
            return self._local[sku]
        raw = await self.redis.get(f"stock:{sku}")
        if raw is None:
            raw = await self.db.fetchval("SELECT on_hand - reserved FROM inventory WHERE sku = $1", sku)
            await self.redis.set(f"stock:{sku}", raw, ex=30)
        self._local[sku] = int(raw)
        return int(raw)

    async def reserve(self, order_id: str, sku: str, qty: int) -> bool:
        avail = await self.available(sku)
        if avail < qty:
            return False
        await self.db.execute(
            "UPDATE inventory SET reserved = reserved + $1 WHERE sku = $2", qty, sku)
        await self.redis.decrby(f"stock:{sku}", qty)
        self._local[sku] = avail - qty
        await self.db.execute(
            "INSERT INTO reservations(order_id, sku, qty) VALUES ($1, $2, $3)", order_id, sku, qty)
        return True

    async def release(self, order_id: str):
        rows = await self.db.fetch("DELETE FROM reservations WHERE order_id = $1 RETURNING sku, qty", order_id)
        for r in rows:
            await self.db.execute(
                "UPDATE inventory SET reserved = reserved - $1 WHERE sku = $2", r["qty"], r["sku"])
            await self.redis.incrby(f"stock:{r['sku']}", r["qty"])
            self._local.pop(r["sku"], None)'''
R("opus", "debug", "web", "typos", None, "concurrency across awaits, a per-process cache, Redis and the DB: overselling needs a cross-component theory",
  "we oversold a limited sneaker drop by 140 pairs last night. this is the reserver, runs in 12 pods w/ asyncio. wheres the hole(s) and how do we make it impossible to oversell\n\n"
  + PY_ASYNC_STOCK)
R("haiku", "docs", "web", "plain", "hard-words-easy", "TB3: the code is concurrency-heavy but adding docstrings is mechanical",
  "Add a short docstring to each method of this class describing what it does. No logic changes.\n\n" + PY_ASYNC_STOCK)
R("sonnet", "refactor", "web", "plain", None, "converting a module from one DB client API to another is a careful mechanical-plus rewrite",
  "We're switching from asyncpg to SQLAlchemy 2.0 async (AsyncSession). Rewrite this class against AsyncSession, same "
  "queries, same behaviour; I'll deal with the concurrency issues separately.\n\n" + PY_ASYNC_STOCK)

# typos voice
R("sonnet", "debug", "web", "typos", None, "debugging with an identifiable cause (timezone-naive vs aware)",
  "django throws 'cant compare offset-naive and offset-aware datetimes' in the subscription renewal job, only for old subs created befor we turned USE_TZ on. hwo do i fix the data + code")
R("sonnet", "implement", "web", "typos", None, "a clear-spec feature",
  "need a webhook endpoint for stripe in express thats verifies the signature w the raw body and handles invoice.paid + customer.subscription.deleted, idempotent on event id")
R("sonnet", "debug", "tooling", "typos", None, "a build issue with an identifiable cause",
  "jest cant import an ESM only package (nanoid 5) 'SyntaxError: Unexpected token export'. ts-jest. whats the least painful fix")
R("haiku", "question", "web", "typos", None, "a short well-known answer",
  "whats the defualt port for postgres and redis again")
R("opus", "design", "web", "typos", None, "an open design with consistency trade-offs",
  "how shoud we do inventory counts for 30 warehouses so the storefront never shows in stock when its not, but we dont lock the db on every page view")
R("sonnet", "implement", "data", "typos", None, "a medium scripting task",
  "script to split a 9gb csv into files of 1M rows each keeping the header in every file, python or awk, whichevers faster")
R("opus", "debug", "infrastructure", "typos", "easy-words-hard", "TB6: intermittent DNS failures across the cluster with no lead",
  "random 'no such host' errors from pods maybe 20 times a day, diffrent services, diffrent targets. coredns looks healthy. ideas?")

# verbose
R("sonnet", "implement", "web", "verbose", None, "a clear-spec feature with several parts",
  "I'd like to add an audit log to our admin panel. Every create/update/delete done through the admin should record "
  "who did it, when, the model, the object id and a diff of the changed fields. It's Django 4.2 with Postgres. I was "
  "thinking of using signals, but I'm open to a mixin on ModelAdmin if that's cleaner. Please include the model, the "
  "hook, and an admin view to browse the log, read-only.")
R("sonnet", "debug", "databases", "verbose", None, "an identifiable cause (N+1 queries) from a described symptom with a log",
  "Our order list endpoint got slow after we added the customer name to the response. With debug SQL logging on I can "
  "see one `SELECT ... FROM customers WHERE id = ...` per order, 50 per page. I think it's the serializer. It's DRF with "
  "a ModelSerializer and `customer_name = serializers.CharField(source='customer.full_name')`. How do I fix it properly "
  "and make sure it doesn't come back?")
R("opus", "review", "systems", "verbose", None, "TB10: reviewing an architecture for a distributed workflow is opus",
  "We wrote a design doc for order fulfilment as a saga across 5 services (payment, inventory, shipping, invoicing, "
  "notifications) with choreography via Kafka events, no orchestrator. Compensation for each step is described, and "
  "each service keeps its own state machine. Before we build it I want someone to poke holes in it: what happens on "
  "duplicates, out-of-order events, a compensation that fails, and a service that's down for an hour? Would an "
  "orchestrator be better here? I can paste the doc in the next message, but first tell me what you'd look for.")
R("sonnet", "plan", "infrastructure", "verbose", None, "a known-steps operational change",
  "We need to move our Postgres RDS instance from gp2 to gp3 storage and from db.r5.xlarge to db.r6g.xlarge. It's a "
  "Multi-AZ instance with about 800 GB. I know both are supported modifications. Can you write the step-by-step "
  "runbook, including what to check before, expected impact, and how to roll back if the Graviton instance misbehaves?")
R("opus", "design", "data", "verbose", None, "choosing between data architectures with trade-offs",
  "Analytics currently runs directly on a read replica of the production Postgres. Queries are getting heavy, the "
  "replica lags, and product wants near-real-time dashboards (under a minute) plus historical analysis over 3 years. "
  "We're considering CDC with Debezium into ClickHouse, or a nightly ELT into BigQuery plus a small real-time path. "
  "Team of 3 data engineers. What would you do, and what are the failure modes we should design for?")

# follow-ups
R("sonnet", "implement", "web", "follow-up", None, "TB8: extending the finished endpoint with the same pattern",
  "perfect. do the same rate limit for /api/auth/reset-password, but per email not per ip")
R("haiku", "edit", "tooling", "follow-up", None, "TB8: a small tweak to a one-liner",
  "add -i so it ignores case")
R("sonnet", "debug", "general", "follow-up", None, "TB8: only points back to earlier work",
  "hmm no, same result as before")
R("opus", "design", "systems", "follow-up", None, "TB8: asking for a correctness argument of a concurrent design",
  "ok and can you argue why that can't deadlock? all three locks")
R("sonnet", "test", "web", "follow-up", None, "TB8: 'add tests for that too' is sonnet",
  "add integration tests for the new endpoints too, the ones hitting the real db")
R("haiku", "edit", "general", "follow-up", None, "TB8: trimming output is mechanical",
  "drop the comments from that, i just want the code")
R("opus", "review", "security", "follow-up", None, "TB8: a security pass on the previous design is opus",
  "before i build it, go over that design again from an attacker's point of view")
R("sonnet", "refactor", "web", "follow-up", None, "TB8: 'same for the parser' is sonnet",
  "now do the same cleanup for the parser module")

# plain and terse sonnet/opus
R("sonnet", "implement", "web", "plain", None, "a clear-spec API client",
  "Write a typed TypeScript client for our OpenAPI spec's /orders and /refunds endpoints using fetch, with zod validation of responses and a single error type.")
R("sonnet", "implement", "systems", "terse", None, "a clear-spec CLI in Rust",
  "rust cli: tail a file like tail -f, filter lines by regex arg, color matches. clap + notify")
R("sonnet", "debug", "systems", "plain", None, "a failing test with a clear pointer (overflow checks only in debug builds)",
  "`cargo test --release` passes but plain `cargo test` panics with 'attempt to subtract with overflow' in apply_discount (src/pricing.rs:88), where we do `total - discount` on u64 cents. Why only in debug, and what's the right fix?")
R("sonnet", "implement", "databases", "terse", None, "a migration with known steps",
  "postgres: rename column orders.total to total_cents without downtime, app is rolling-deployed")
R("sonnet", "ops", "infrastructure", "plain", None, "CI configuration with caching and environments",
  "Argo CD: set up an ApplicationSet that creates one app per directory under envs/*/ in our gitops repo, auto-sync for staging only.")
R("sonnet", "implement", "web", "plain", None, "a clear-spec feature",
  "Add server-side sorting and filtering by status and date range to our Next.js orders table (app router, server actions, Prisma).")
R("sonnet", "explain", "web", "plain", None, "explaining a non-trivial mechanism",
  "Explain how React Server Components and client components pass data, and why I can't pass a function from a server component to a client one.")
R("sonnet", "implement", "ml", "terse", None, "a standard ML pipeline task",
  "sklearn pipeline: impute, one-hot the categoricals, gradient boosting, grid search on 3 params, 5 fold cv, save best model")
R("sonnet", "debug", "ml", "plain", None, "an identifiable cause from an error",
  "Training crashes with `RuntimeError: CUDA error: device-side assert triggered` on the first batch. It's a classifier with 12 classes; the label column comes from our CSV where classes are 1..12.")
R("sonnet", "implement", "mobile", "plain", None, "a clear-spec mobile feature",
  "SwiftUI: a list of orders with swipe-to-archive and an undo toast, backed by a simple ObservableObject store.")
R("sonnet", "refactor", "mobile", "terse", None, "a known Android migration",
  "migrate this android module from kapt to ksp (room + hilt)")
R("sonnet", "implement", "security", "plain", None, "a standard security feature with known steps",
  "Set up Content-Security-Policy for our Next.js app with nonces for inline scripts, report-only first with a report endpoint.")
R("sonnet", "implement", "infrastructure", "plain", None, "a clear-spec infra module",
  "Terraform: an ECS Fargate service behind an ALB with HTTPS, health checks on /healthz, autoscaling on CPU, logs to CloudWatch.")
R("sonnet", "review", "tooling", "plain", None, "TB10: a correctness/style review of a script",
  "Review this release script for mistakes:\n\n#!/bin/sh\nVERSION=$1\ngit tag v$VERSION\nsed -i \"s/version = .*/version = \\\"$VERSION\\\"/\" Cargo.toml\ncargo publish\ngit push --tags")

R("opus", "design", "web", "plain", None, "API versioning strategy with trade-offs across many clients",
  "We have 300 B2B integrators on our REST API v1 and need breaking changes to orders. Header versioning, URL versioning, or Stripe-style dated versions with transforms? Which and how do we run two versions for 18 months?")
R("opus", "debug", "web", "plain", None, "a performance cliff under load needs analysis",
  "p99 latency of our Node API is fine up to 800 rps and then jumps from 90ms to 4s at ~850 rps, CPU at 55%. It's one process per pod with pg pool of 10. What's happening?")
R("opus", "design", "systems", "terse", "short-hard", "a novel algorithm under constraints",
  "top-k heavy hitters over a sliding 5 min window, 2M events/s, bounded memory")
R("opus", "review", "security", "plain", None, "security review of an auth design",
  "We let our mobile app store the user's refresh token in AsyncStorage and send it as a query param to /refresh because some proxies strip headers. How bad is this and what's the fix?")
R("opus", "plan", "systems", "plain", "easy-words-hard", "TB6: plain words, but a risky multi-service migration",
  "We need to change the format of the customer id that every service stores and passes around. How do we do that without breaking anything?")
R("opus", "design", "databases", "terse", "short-hard", "exactly-once semantics in a pipeline is opus",
  "exactly once from postgres cdc to elasticsearch, incl deletes")
R("opus", "debug", "systems", "plain", None, "a heisenbug across threads without a lead",
  "A Java service returns a wrong currency on maybe 1 in 100k responses. Looks like another request's data. Only under load. We use a ThreadLocal for the request context and virtual threads since last month.")
R("opus", "design", "infrastructure", "plain", None, "choosing between architectures with trade-offs",
  "Should we run our own Kafka on Kubernetes with Strimzi, use MSK, or switch to something like Redpanda or Pub/Sub? 30 topics, 50k msg/s peak, ordering per key matters, team of 2 platform engineers.")
R("opus", "explain", "systems", "plain", None, "TB7: semantics of unsafe code",
  "In Rust, why is it UB to create a &mut to a struct field while a raw pointer to the whole struct is being used elsewhere, even if I never read through the &mut? What's the stacked borrows explanation?")
R("opus", "design", "web", "plain", None, "search architecture with relevance and consistency trade-offs",
  "Design product search for 2M SKUs in 12 languages with typo tolerance, faceting, and price/stock that must be fresh within 10 seconds. Elasticsearch, Typesense or Postgres FTS?")
R("opus", "review", "security", "plain", None, "TB10: security review of a multi-tenant boundary",
  "Our support tool lets agents 'log in as' a customer. It sets session['uid'] to the customer's id and a flag impersonating=True. Anything we should worry about?")
R("opus", "debug", "databases", "plain", "easy-words-hard", "TB6: lost updates with no clear lead",
  "Sometimes a customer's address change just disappears a few minutes later. Support has seen it about 10 times this month.")

# a few more haiku
R("haiku", "docs", "tooling", "plain", None, "a commit message",
  "Commit message for: bumped axios to 1.6.8 to fix the CVE, no code changes.")
R("haiku", "question", "infrastructure", "terse", None, "a short well-known answer",
  "difference between a k8s Service ClusterIP and headless")
R("haiku", "ops", "tooling", "terse", None, "a git one-liner",
  "git: list branches merged into main so i can delete them")
R("haiku", "question", "web", "plain", None, "a short well-known answer",
  "Which HTTP status should an endpoint return when the resource exists but the user may not see it, 403 or 404?")
R("haiku", "edit", "tooling", "terse", None, "a small mechanical conversion",
  "convert to yaml:\n\n{\"version\": 2, \"updates\": [{\"package-ecosystem\": \"npm\", \"directory\": \"/\", \"schedule\": {\"interval\": \"weekly\"}, \"open-pull-requests-limit\": 5}]}")
R("haiku", "ops", "tooling", "plain", None, "a regex for a search-and-replace",
  "VS Code find/replace regex to turn `console.log(x)` calls into `logger.debug(x)` across the project.")
R("haiku", "question", "databases", "terse", None, "a short well-known answer",
  "varchar(255) vs text in postgres, any difference")
R("haiku", "ops", "systems", "terse", None, "a shell one-liner",
  "watch memory of one pid every 2s")

# ---- batch 9: final fill ----

GO_HANDLER = '''func (h *Handler) CreateRefund(w http.ResponseWriter, r *http.Request) {
	var req struct {
		OrderID int64 `json:"order_id"`
		Amount  int64 `json:"amount_cents"`
		Reason  string `json:"reason"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	order, err := h.store.GetOrder(r.Context(), req.OrderID)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	if req.Amount > order.TotalCents-order.RefundedCents {
		http.Error(w, "amount too high", http.StatusUnprocessableEntity)
		return
	}
	ref, err := h.psp.Refund(r.Context(), order.PaymentID, req.Amount)
	if err != nil {
		http.Error(w, "psp error", http.StatusBadGateway)
		return
	}
	order.RefundedCents += req.Amount
	if err := h.store.SaveOrder(r.Context(), order); err != nil {
		h.log.Error("save order after refund", "err", err, "refund", ref.ID)
	}
	writeJSON(w, http.StatusCreated, ref)
}'''
R("sonnet", "test", "web", "plain", None, "writing table-driven tests for an existing handler",
  "Table-driven tests for this handler with httptest and fake store/psp: bad json, unknown order, amount too high, PSP error, happy path.\n\n" + GO_HANDLER)
R("opus", "review", "web", "plain", None, "TB10: concurrent refunds on the same order can over-refund; a review of money-moving concurrent code is opus",
  "Can two support agents refunding the same order at the same moment break anything here? What about retries from the client after a timeout?\n\n" + GO_HANDLER)
R("haiku", "edit", "web", "terse", None, "a one-line field tag alignment is mechanical",
  "gofmt the struct tags, they're misaligned\n\n" + GO_HANDLER)

R("sonnet", "implement", "web", "non-native", None, "a clear-spec feature",
  "We need send email when order is shipped, with tracking link. We use Laravel 10 with queue on Redis. Please show Mailable, the listener on OrderShipped event and the blade template.")
R("sonnet", "debug", "infrastructure", "non-native", None, "a misconfiguration with an identifiable cause",
  "After I add ingress with cert-manager the certificate stays in 'Issuing' and challenge say 'Waiting for HTTP-01 challenge propagation: wrong status code 404'. Ingress class is nginx. What I check?")
R("opus", "design", "web", "non-native", None, "an open design with consistency trade-offs",
  "We build marketplace where many sellers. When buyer pay one cart with items from 3 sellers, how to split the money, handle partial refund from one seller and keep the ledger correct? We use Stripe Connect.")
R("sonnet", "refactor", "web", "non-native", None, "refactoring a component for reuse",
  "Our React form component has 600 lines with validation, API calls and UI all together. How can I split it in custom hooks and small components? I can send the code after.")

R("sonnet", "implement", "tooling", "plain", None, "a script with several steps and clear spec",
  "Node script that walks src/, finds every i18n key used via t('...'), compares with locales/en.json and prints missing and unused keys. Exit 1 if any missing.")
R("sonnet", "implement", "data", "plain", None, "a clear-spec SQL report",
  "Postgres query for monthly cohort retention: cohort = month of first order, columns month 0..11, values = % of cohort that ordered in that month.")
R("sonnet", "debug", "web", "plain", None, "a known cause from a specific symptom",
  "Our Next.js build fails with 'Hydration failed because the initial UI does not match what was rendered on the server' only on the product page, which shows 'Delivery by <date>'. What's the usual fix?")
R("sonnet", "ops", "infrastructure", "terse", None, "known operational steps",
  "resize an ebs volume on a running ec2 (ext4) without reboot, steps")
R("sonnet", "implement", "systems", "plain", None, "a clear-spec concurrent-but-standard utility",
  "Go: a worker pool that processes jobs from a channel with N workers, stops on context cancel, and returns the first error (errgroup is fine).")
R("sonnet", "docs", "web", "plain", None, "writing API docs for several endpoints is careful text work",
  "Write the README section for our public webhooks: the event types (order.created, order.paid, order.refunded), payload examples, signature verification in Node and Python, and retry behaviour (5 tries, exponential).")
R("sonnet", "review", "databases", "plain", None, "TB10: reviewing a migration for correctness",
  "Review this migration before I run it on a 200M-row table:\n\n"
  "ALTER TABLE events ADD COLUMN tenant_id bigint NOT NULL DEFAULT 0;\n"
  "CREATE INDEX idx_events_tenant ON events(tenant_id, created_at);\n"
  "UPDATE events e SET tenant_id = s.tenant_id FROM sessions s WHERE s.id = e.session_id;")
R("sonnet", "implement", "ml", "plain", None, "a standard evaluation script",
  "Script to evaluate our classifier on the holdout set: per-class precision/recall/F1, confusion matrix as PNG, and the 20 most confident wrong predictions to a CSV.")
R("sonnet", "implement", "security", "plain", None, "a known-steps security configuration",
  "Configure GitHub OIDC so our Actions can assume an AWS role for deploys without static keys, restricted to the main branch of northwind/shop.")
R("sonnet", "test", "systems", "plain", None, "writing tests for existing code",
  "Write property-based tests (proptest) for our Rust money type: add/sub are inverse, allocation of an amount into N parts always sums to the original, never negative parts.")

R("opus", "design", "systems", "plain", None, "a storage engine design question with trade-offs",
  "We need an append-only audit store: 50k writes/s, tamper-evident, queries by entity id over 7 years. Build on Postgres, use something like immudb/QLDB, or hash-chain files on S3? Walk through the trade-offs.")
R("opus", "debug", "web", "verbose", "easy-words-hard", "TB6: intermittent duplicate side effects across services with no lead",
  "Some customers get two confirmation emails and, rarely, two charges. It started after we moved the checkout "
  "service behind the new load balancer. The logs show two requests with the same cart id about 30 seconds apart. "
  "The frontend only sends one, we checked. What's going on?")
R("opus", "plan", "security", "plain", None, "a large security remediation plan across a codebase",
  "Pentest found SQL injection in 3 places; grep shows ~400 raw SQL string concatenations across 9 repos. Plan how to fix this class of bug for good, not just the 3 findings.")
R("opus", "design", "infrastructure", "terse", "short-hard", "multi-region consistency design",
  "active-active postgres across 2 regions, sane or not")
R("opus", "explain", "systems", "plain", None, "formal reasoning about an algorithm",
  "Prove or disprove: our vector-clock merge (element-wise max) plus 'newest wins by wall clock when concurrent' gives the same result on every replica regardless of message order.")
R("opus", "review", "security", "plain", "short-hard", "TB10: a security judgement on token design",
  "JWTs in localStorage, 30 day expiry, no refresh. ok for an admin panel?")
R("opus", "debug", "systems", "plain", None, "a performance regression needing profiling analysis",
  "After upgrading from Java 17 to 21 our batch job is 40% slower. Same heap, same GC (G1). No code changes. How would you find out why?")
R("opus", "design", "data", "plain", None, "a schema design with evolving requirements and trade-offs",
  "Design the data model for product variants with per-country pricing, per-channel availability, bundles of variants, and a full price history for audits. Postgres.")
R("opus", "review", "systems", "plain", None, "TB10: review of a distributed protocol",
  "Our 'exactly once' job runner: worker claims a job with UPDATE ... SET owner = me WHERE owner IS NULL, runs it, then sets done = true. If a worker dies, a cron clears owner after 10 minutes. Where does this break?")

R("haiku", "question", "tooling", "plain", None, "a short well-known answer",
  "What's the difference between `npm ci` and `npm install`?")
R("haiku", "ops", "tooling", "typos", None, "a git one-liner",
  "how to see whats in a stash without applying it")
R("haiku", "docs", "general", "plain", None, "a changelog line",
  "Changelog line for: fixed CSV export using the wrong delimiter for German locales.")

# === END ROWS ===

if __name__ == "__main__":
    with open("w18.jsonl", "w", encoding="utf-8") as f:
        for i, row in enumerate(ROWS, 1):
            f.write(json.dumps({"id": f"w18-{i:04d}", **row}, ensure_ascii=False) + "\n")
