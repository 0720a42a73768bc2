#!/usr/bin/env python3
"""Writer w19: learners and people reading other people's code (bootcamp students, self-taught devs,
researchers, juniors on a first job); code explanation at all tiers, homework algorithms, hard-words-easy.
Run `python3 w19.py` to write w19.jsonl deterministically."""
import json, random

ROWS = []

def R(label, category, domain, voice, trap, rationale, prompt, language="en"):
    ROWS.append({"prompt": prompt, "label": label, "rationale": rationale, "category": category,
                 "domain": domain, "voice": voice, "language": language, "trap": trap})

# ---------------------------------------------------------------------------
# generators for pasted material (seeded, deterministic)
# ---------------------------------------------------------------------------

FIRST = ["amit", "priya", "chen", "wei", "fatima", "omar", "siti", "budi", "lucas", "maria", "john", "aisha",
         "rahul", "neha", "li", "yusuf", "dewi", "rizky", "sara", "daniel", "kenji", "olga", "tomas", "nadia"]
LAST = ["sharma", "wang", "zhang", "hassan", "rahman", "santoso", "silva", "garcia", "smith", "khan", "patel",
        "nguyen", "kowalski", "ivanova", "haddad", "wijaya", "lee", "kim", "okafor", "muller"]
COURSES = ["CS101", "CS102", "MATH201", "DS110", "WEB150", "ALG220"]


def ts(rng, base_h=9, day=14, month=3):
    return "2024-%02d-%02dT%02d:%02d:%02d.%03dZ" % (month, day, base_h + rng.randint(0, 8), rng.randint(0, 59),
                                                    rng.randint(0, 59), rng.randint(0, 999))


def gen_app_log(seed, n, service="orders-api", with_error=None):
    rng = random.Random(seed)
    lines = []
    h, m, s = 10, 0, 0
    paths = ["/api/v1/orders", "/api/v1/orders/{id}", "/api/v1/cart", "/api/v1/users/me", "/healthz",
             "/api/v1/products", "/api/v1/checkout"]
    for i in range(n):
        s += rng.randint(0, 3)
        if s >= 60:
            s -= 60; m += 1
        if m >= 60:
            m -= 60; h += 1
        t = "2024-03-14 %02d:%02d:%02d,%03d" % (h, m, s, rng.randint(0, 999))
        r = rng.random()
        p = rng.choice(paths).replace("{id}", str(rng.randint(1000, 99999)))
        rid = "%08x" % rng.getrandbits(32)
        if r < 0.70:
            lines.append("%s INFO  [%s] req=%s %s %s -> 200 in %dms" % (
                t, service, rid, rng.choice(["GET", "GET", "POST"]), p, rng.randint(3, 180)))
        elif r < 0.82:
            lines.append("%s DEBUG [%s] req=%s cache %s key=%s" % (
                t, service, rid, rng.choice(["hit", "miss"]), "prod:%d" % rng.randint(1, 5000)))
        elif r < 0.93:
            lines.append("%s WARN  [%s] req=%s slow query %dms: SELECT * FROM order_items WHERE order_id = $1" % (
                t, service, rid, rng.randint(500, 4000)))
        else:
            msg = with_error or rng.choice([
                "upstream payments-svc timed out after 5000ms",
                "connection reset by peer (pool=pg-main)",
                "validation failed: field 'quantity' must be >= 1",
                "redis: i/o timeout"])
            lines.append("%s ERROR [%s] req=%s %s" % (t, service, rid, msg))
    return "\n".join(lines)


def gen_nginx_log(seed, n):
    rng = random.Random(seed)
    uas = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0 Safari/537.36",
           "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
           "curl/8.4.0", "python-requests/2.31.0",
           "Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0"]
    paths = ["/", "/login", "/static/app.3f9c1.js", "/static/main.css", "/api/courses", "/api/courses/12/lessons",
             "/api/submit", "/favicon.ico", "/assignments/7", "/api/grades?student=%d"]
    out = []
    sec = 0
    for i in range(n):
        sec += rng.randint(0, 4)
        ip = "%d.%d.%d.%d" % (rng.choice([41, 103, 182, 36, 92, 157]), rng.randint(0, 255), rng.randint(0, 255),
                              rng.randint(1, 254))
        p = rng.choice(paths)
        if "%d" in p:
            p = p % rng.randint(100, 999)
        st = rng.choices([200, 200, 200, 304, 404, 500, 502, 301], k=1)[0]
        out.append('%s - - [14/Mar/2024:%02d:%02d:%02d +0000] "%s %s HTTP/1.1" %d %d "-" "%s"' % (
            ip, 8 + sec // 3600, (sec // 60) % 60, sec % 60, "POST" if p == "/api/submit" else "GET", p, st,
            rng.randint(120, 48000), rng.choice(uas)))
    return "\n".join(out)


def gen_grades_csv(seed, n):
    rng = random.Random(seed)
    rows = ["student_id,name,email,course,assignment,score,submitted_at"]
    for i in range(n):
        f, l = rng.choice(FIRST), rng.choice(LAST)
        rows.append("%d,%s %s,%s.%s%d@%s,%s,hw%d,%s,2024-0%d-%02d %02d:%02d" % (
            20230000 + rng.randint(1, 9999), f.title(), l.title(), f, l, rng.randint(1, 99),
            rng.choice(["gmail.com", "student.uni.edu", "yahoo.com", "outlook.com"]), rng.choice(COURSES),
            rng.randint(1, 8), rng.choice([str(rng.randint(40, 100)), str(rng.randint(40, 100)), ""]),
            rng.randint(2, 5), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59)))
    return "\n".join(rows)


def gen_orders_csv(seed, n):
    rng = random.Random(seed)
    rows = ["order_id,customer_id,sku,qty,unit_price,currency,status,created_at"]
    for i in range(n):
        rows.append("%d,%d,SKU-%04d,%d,%.2f,%s,%s,2024-02-%02dT%02d:%02d:%02dZ" % (
            500000 + i, rng.randint(100, 999), rng.randint(1, 400), rng.randint(1, 6), rng.uniform(1.5, 250),
            rng.choice(["USD", "USD", "EUR", "IDR", "INR"]), rng.choice(["paid", "paid", "shipped", "refunded",
                                                                         "pending"]),
            rng.randint(1, 29), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)))
    return "\n".join(rows)


PY_NOUNS = ["student", "course", "grade", "lesson", "quiz", "submission", "teacher", "enrollment", "report",
            "attendance", "module", "score", "deadline", "rubric", "feedback", "cohort"]
PY_VERBS = ["load", "save", "parse", "validate", "compute", "format", "fetch", "update", "export", "normalize",
            "merge", "filter", "summarize", "render", "check", "build"]


def gen_py_module(seed, nfuncs, title="gradebook"):
    rng = random.Random(seed)
    out = ['"""%s: helpers for the course platform (written by several interns, sorry)."""' % title,
           "import csv", "import json", "import logging", "import os", "from datetime import datetime, timedelta",
           "from collections import defaultdict", "", "log = logging.getLogger(__name__)",
           "DATA_DIR = os.environ.get('GRADEBOOK_DATA', './data')", "PASS_MARK = 60", ""]
    used = set()
    for i in range(nfuncs):
        while True:
            v, nn = rng.choice(PY_VERBS), rng.choice(PY_NOUNS)
            name = "%s_%s%s" % (v, nn, "s" if rng.random() < 0.4 else "")
            if name not in used:
                used.add(name); break
        kind = rng.randint(0, 5)
        out.append("")
        if kind == 0:
            out += ["def %s(path):" % name,
                    "    \"\"\"Read %s rows from a CSV file and return a list of dicts.\"\"\"" % nn,
                    "    rows = []",
                    "    with open(os.path.join(DATA_DIR, path), newline='', encoding='utf-8') as fh:",
                    "        for row in csv.DictReader(fh):",
                    "            if not row.get('%s_id'):" % nn,
                    "                log.warning('skipping row without id: %r', row)",
                    "                continue",
                    "            rows.append(row)",
                    "    return rows"]
        elif kind == 1:
            out += ["def %s(items, min_score=PASS_MARK):" % name,
                    "    result = defaultdict(list)",
                    "    for it in items:",
                    "        try:",
                    "            score = float(it.get('score') or 0)",
                    "        except ValueError:",
                    "            score = 0.0",
                    "        key = it.get('%s_id', 'unknown')" % nn,
                    "        if score >= min_score:",
                    "            result[key].append(score)",
                    "    return {k: sum(v) / len(v) for k, v in result.items() if v}"]
        elif kind == 2:
            out += ["def %s(record, now=None):" % name,
                    "    now = now or datetime.utcnow()",
                    "    due = datetime.fromisoformat(record['due_at'])",
                    "    late = now - due",
                    "    if late <= timedelta(0):",
                    "        return 0",
                    "    days = late.days + (1 if late.seconds else 0)",
                    "    return min(days * %d, 50)" % rng.choice([5, 10, 15])]
        elif kind == 3:
            out += ["def %s(obj, fp=None):" % name,
                    "    payload = {",
                    "        'id': obj.get('id'),",
                    "        '%s': obj.get('%s'),"  % (nn, nn),
                    "        'updated': datetime.utcnow().isoformat(),",
                    "    }",
                    "    text = json.dumps(payload, indent=2, sort_keys=True)",
                    "    if fp is not None:",
                    "        fp.write(text)",
                    "    return text"]
        elif kind == 4:
            out += ["class %s%s:" % (nn.title(), rng.choice(["Store", "Manager", "Cache", "Service"])),
                    "    def __init__(self, db):",
                    "        self.db = db",
                    "        self._cache = {}",
                    "",
                    "    def get(self, key):",
                    "        if key in self._cache:",
                    "            return self._cache[key]",
                    "        row = self.db.execute('SELECT * FROM %ss WHERE id = ?', (key,)).fetchone()" % nn,
                    "        self._cache[key] = row",
                    "        return row",
                    "",
                    "    def %s(self, key, **fields):" % name,
                    "        cols = ', '.join('%s = ?' % c for c in fields)",
                    "        self.db.execute('UPDATE %ss SET ' + cols + ' WHERE id = ?', (*fields.values(), key))" % nn,
                    "        self._cache.pop(key, None)"]
        else:
            out += ["def %s(values):" % name,
                    "    if not values:",
                    "        return None",
                    "    ordered = sorted(values)",
                    "    mid = len(ordered) // 2",
                    "    if len(ordered) % 2:",
                    "        return ordered[mid]",
                    "    return (ordered[mid - 1] + ordered[mid]) / 2"]
    return "\n".join(out)


JS_THINGS = ["todo", "cart", "user", "post", "comment", "lesson", "product", "note", "task", "message"]


def gen_js_module(seed, nfuncs):
    rng = random.Random(seed)
    out = ["// app.js - frontend helpers for the bootcamp project (group 4)",
           "const API_BASE = '/api/v1';", "let state = { items: [], loading: false, error: null };", ""]
    for i in range(nfuncs):
        th = rng.choice(JS_THINGS)
        Th = th.title()
        k = rng.randint(0, 4)
        sfx = str(i)
        if k == 0:
            out += ["async function fetch%ss%s(page = 1) {" % (Th, sfx),
                    "  state.loading = true;",
                    "  try {",
                    "    const res = await fetch(`${API_BASE}/%ss?page=${page}`);" % th,
                    "    if (!res.ok) throw new Error('HTTP ' + res.status);",
                    "    const data = await res.json();",
                    "    state.items = data.items;",
                    "    return data;",
                    "  } catch (err) {",
                    "    state.error = err.message;",
                    "    console.error('fetch%ss failed', err);" % Th,
                    "  } finally {",
                    "    state.loading = false;",
                    "  }",
                    "}", ""]
        elif k == 1:
            out += ["function render%s%s(%s) {" % (Th, sfx, th),
                    "  const el = document.createElement('li');",
                    "  el.className = '%s-item' + (%s.done ? ' done' : '');" % (th, th),
                    "  el.dataset.id = %s.id;" % th,
                    "  el.innerHTML = `<span>${%s.title}</span><button class=\"del\">x</button>`;" % th,
                    "  el.querySelector('.del').addEventListener('click', () => remove%s%s(%s.id));" % (Th, sfx, th),
                    "  return el;",
                    "}", ""]
        elif k == 2:
            out += ["function remove%s%s(id) {" % (Th, sfx),
                    "  state.items = state.items.filter(x => x.id != id);",
                    "  return fetch(`${API_BASE}/%ss/${id}`, { method: 'DELETE' })" % th,
                    "    .then(r => r.json())",
                    "    .then(j => { if (!j.ok) alert('could not delete'); });",
                    "}", ""]
        elif k == 3:
            out += ["function validate%s%s(form) {" % (Th, sfx),
                    "  var errors = {};",
                    "  if (!form.title || form.title.trim().length < %d) errors.title = 'too short';" % rng.randint(2, 5),
                    "  if (form.dueDate && isNaN(Date.parse(form.dueDate))) errors.dueDate = 'bad date';",
                    "  if (form.tags && form.tags.length > %d) errors.tags = 'too many tags';" % rng.randint(3, 10),
                    "  return { valid: Object.keys(errors).length == 0, errors: errors };",
                    "}", ""]
        else:
            out += ["function debounce%s(fn, ms) {" % sfx,
                    "  let t;",
                    "  return function (...args) {",
                    "    clearTimeout(t);",
                    "    t = setTimeout(() => fn.apply(this, args), ms);",
                    "  };",
                    "}", ""]
    out += ["document.addEventListener('DOMContentLoaded', () => {",
            "  fetchTodos0 && typeof fetchTodos0 === 'function' && fetchTodos0();",
            "});"]
    return "\n".join(out)


def gen_java_trace(seed, root="java.lang.NullPointerException", depth=18, pkg="com.acme.enrol"):
    rng = random.Random(seed)
    classes = ["EnrollmentService", "CourseController", "StudentRepository", "GradeCalculator", "ReportBuilder",
               "PaymentClient", "NotificationService", "AuthFilter"]
    lines = ["Exception in thread \"http-nio-8080-exec-%d\" %s: Cannot invoke \"%s.model.Student.getEmail()\" because \"student\" is null"
             % (rng.randint(1, 12), root, pkg)]
    first = rng.choice(classes)
    lines.append("\tat %s.service.%s.notifyEnrolled(%s.java:%d)" % (pkg, first, first, rng.randint(40, 300)))
    for i in range(depth):
        c = rng.choice(classes)
        lines.append("\tat %s.%s.%s.%s(%s.java:%d)" % (pkg, rng.choice(["service", "web", "repo", "util"]), c,
                                                       rng.choice(["handle", "process", "apply", "invoke", "doFilter",
                                                                   "enroll", "build"]), c, rng.randint(20, 400)))
    for fr in ["org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)",
               "jakarta.servlet.http.HttpServlet.service(HttpServlet.java:658)",
               "org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:166)",
               "org.apache.tomcat.util.threads.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:659)",
               "java.base/java.lang.Thread.run(Thread.java:1583)"]:
        lines.append("\tat " + fr)
    return "\n".join(lines)


def gen_c_file(seed, nfuncs):
    rng = random.Random(seed)
    out = ["/* ringlog.c - tiny logging ring buffer for the lab robot firmware */",
           "#include <stdio.h>", "#include <stdlib.h>", "#include <string.h>", "#include <stdint.h>",
           "#include <pthread.h>", "", "#define RING_CAP 256", "#define MSG_MAX 96", "",
           "typedef struct {", "    uint32_t seq;", "    uint16_t level;", "    uint16_t len;", "    char msg[MSG_MAX];",
           "} entry_t;", "", "typedef struct {", "    entry_t *slots;", "    size_t head;", "    size_t tail;",
           "    pthread_mutex_t mu;", "} ring_t;", ""]
    for i in range(nfuncs):
        k = rng.randint(0, 3)
        if k == 0:
            out += ["int ring_push_%d(ring_t *r, uint16_t level, const char *text) {" % i,
                    "    size_t n = strlen(text);",
                    "    pthread_mutex_lock(&r->mu);",
                    "    entry_t *e = &r->slots[r->head % RING_CAP];",
                    "    e->seq = (uint32_t)r->head;",
                    "    e->level = level;",
                    "    e->len = (uint16_t)n;",
                    "    memcpy(e->msg, text, n%s);" % rng.choice(["", " + 1"]),
                    "    r->head++;",
                    "    if (r->head - r->tail > RING_CAP) r->tail++;",
                    "    pthread_mutex_unlock(&r->mu);",
                    "    return 0;",
                    "}", ""]
        elif k == 1:
            out += ["size_t ring_drain_%d(ring_t *r, FILE *out) {" % i,
                    "    size_t count = 0;",
                    "    while (r->tail < r->head) {",
                    "        entry_t *e = &r->slots[r->tail % RING_CAP];",
                    "        fprintf(out, \"[%u] L%u %.*s\\n\", e->seq, e->level, e->len, e->msg);",
                    "        r->tail++;",
                    "        count++;",
                    "    }",
                    "    return count;",
                    "}", ""]
        elif k == 2:
            out += ["ring_t *ring_new_%d(void) {" % i,
                    "    ring_t *r = malloc(sizeof(ring_t));",
                    "    if (!r) return NULL;",
                    "    r->slots = calloc(RING_CAP, sizeof(entry_t));",
                    "    r->head = r->tail = 0;",
                    "    pthread_mutex_init(&r->mu, NULL);",
                    "    return r;",
                    "}", ""]
        else:
            out += ["void ring_free_%d(ring_t *r) {" % i,
                    "    if (!r) return;",
                    "    free(r->slots);",
                    "    pthread_mutex_destroy(&r->mu);",
                    "    free(r);",
                    "    r->slots = NULL;",
                    "}", ""]
    return "\n".join(out)


def gen_sql_dump(seed, ntables, rows_per=6):
    rng = random.Random(seed)
    names = ["students", "courses", "enrollments", "assignments", "submissions", "teachers", "rooms", "schedules",
             "payments", "invoices", "attendance", "announcements", "forum_posts", "forum_replies", "badges",
             "user_badges", "sessions", "audit_log", "files", "quizzes", "quiz_answers", "cohorts", "mentors",
             "feedback", "certificates", "coupons", "refunds", "notifications", "settings", "tags"]
    out = ["-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)", "-- Host: 127.0.0.1    Database: lms_prod",
           "-- ------------------------------------------------------", "SET NAMES utf8mb4;",
           "SET FOREIGN_KEY_CHECKS = 0;", ""]
    for t in names[:ntables]:
        cols = [("id", "int NOT NULL AUTO_INCREMENT")]
        for c in rng.sample(["name", "title", "email", "status", "created_at", "updated_at", "student_id",
                             "course_id", "amount", "score", "body", "due_at", "code", "level"], rng.randint(3, 6)):
            typ = {"created_at": "datetime NOT NULL", "updated_at": "datetime DEFAULT NULL", "due_at": "datetime",
                   "amount": "decimal(10,2) NOT NULL DEFAULT '0.00'", "score": "smallint DEFAULT NULL",
                   "student_id": "int NOT NULL", "course_id": "int NOT NULL", "body": "text",
                   "level": "tinyint NOT NULL DEFAULT '1'"}.get(c, "varchar(%d) DEFAULT NULL" % rng.choice([64, 128, 255]))
            cols.append((c, typ))
        out.append("DROP TABLE IF EXISTS `%s`;" % t)
        out.append("CREATE TABLE `%s` (" % t)
        for c, typ in cols:
            out.append("  `%s` %s," % (c, typ))
        out.append("  PRIMARY KEY (`id`)")
        out.append(") ENGINE=InnoDB AUTO_INCREMENT=%d DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;" % rng.randint(10, 90000))
        out.append("")
        out.append("LOCK TABLES `%s` WRITE;" % t)
        vals = []
        for r in range(rows_per):
            v = [str(r + 1)]
            for c, typ in cols[1:]:
                if "int" in typ or "decimal" in typ:
                    v.append(str(rng.randint(1, 500)))
                elif "datetime" in typ:
                    v.append("'2024-0%d-%02d %02d:%02d:00'" % (rng.randint(1, 5), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59)))
                elif c == "email":
                    v.append("'%s.%s@student.uni.edu'" % (rng.choice(FIRST), rng.choice(LAST)))
                else:
                    v.append("'%s %s'" % (rng.choice(PY_NOUNS), rng.randint(1, 99)))
            vals.append("(" + ",".join(v) + ")")
        out.append("INSERT INTO `%s` VALUES %s;" % (t, ",".join(vals)))
        out.append("UNLOCK TABLES;")
        out.append("")
    return "\n".join(out)


def gen_go_log(seed, n):
    rng = random.Random(seed)
    out = []
    t = 0
    nodes = ["kv-0", "kv-1", "kv-2"]
    term = 7
    for i in range(n):
        t += rng.randint(5, 900)
        node = rng.choice(nodes)
        r = rng.random()
        stamp = "2024/03/14 %02d:%02d:%02d.%06d" % (3 + t // 3600000, (t // 60000) % 60, (t // 1000) % 60, (t % 1000) * 1000 + rng.randint(0, 999))
        if r < 0.5:
            out.append("%s %s raft: append entries ok term=%d index=%d commit=%d" % (
                stamp, node, term, 48000 + i, 47990 + i - rng.randint(0, 4)))
        elif r < 0.7:
            out.append("%s %s store: applied put key=session/%x size=%d" % (stamp, node, rng.getrandbits(24), rng.randint(40, 900)))
        elif r < 0.8:
            out.append("%s %s grpc: client ack write id=w-%d latency=%dms" % (stamp, node, rng.randint(10000, 99999), rng.randint(1, 30)))
        elif r < 0.9:
            out.append("%s %s raft: heartbeat timeout, peer=%s lag=%dms" % (stamp, node, rng.choice(nodes), rng.randint(100, 1500)))
        elif r < 0.95:
            term += 1
            out.append("%s %s raft: became candidate at term %d" % (stamp, node, term))
            out.append("%s %s raft: became leader at term %d" % (stamp, rng.choice(nodes), term))
        else:
            out.append("%s %s raft: truncating log from index %d (conflict at term %d)" % (stamp, node, 48000 + i - rng.randint(1, 6), term - 1))
    return "\n".join(out)


def gen_diff(seed, nhunks, fname="src/grading/late_policy.py"):
    rng = random.Random(seed)
    out = ["diff --git a/%s b/%s" % (fname, fname), "index 3b1c9e2..8f04a7d 100644", "--- a/%s" % fname,
           "+++ b/%s" % fname]
    line = 10
    for h in range(nhunks):
        nn = rng.choice(PY_NOUNS)
        out.append("@@ -%d,7 +%d,9 @@ def %s_%s(" % (line, line, rng.choice(PY_VERBS), nn))
        out += ["     if not %s:" % nn,
                "         return None",
                "-    total = sum(x['score'] for x in %s)" % nn,
                "-    return total / len(%s)" % nn,
                "+    scores = [float(x.get('score') or 0) for x in %s]" % nn,
                "+    if not scores:",
                "+        return 0.0",
                "+    return round(sum(scores) / len(scores), %d)" % rng.choice([1, 2]),
                " ",
                " "]
        line += rng.randint(20, 60)
    return "\n".join(out)


def gen_lecture_notes(seed, nsections):
    rng = random.Random(seed)
    topics = ["Big-O notation", "arrays vs linked lists", "hash tables", "stacks and queues", "recursion",
              "binary search", "merge sort", "quick sort", "heaps", "BFS and DFS", "Dijkstra", "dynamic programming",
              "greedy algorithms", "tries", "union-find", "topological sort"]
    sents = ["The lecturer said this will definitely be on the midterm.",
             "We did an example on the whiteboard with the array [5, 2, 9, 1, 7].",
             "Important: the worst case is not the same as the average case.",
             "Someone asked if this works for negative numbers and the answer was yes but be careful.",
             "Remember to write the base case first, otherwise the recursion never stops.",
             "The complexity is usually O(n log n) but in the bad pivot case it becomes O(n^2).",
             "Practice problem: try it on a list of length 1 and length 0.",
             "The TA mentioned that Python's built-in sort is Timsort.",
             "Hash collisions are handled with chaining or open addressing.",
             "In the lab we will implement this in C so pointers matter.",
             "Amortized analysis means the average over a sequence of operations.",
             "Draw the tree, it helps a lot to see the levels.",
             "A common mistake is an off-by-one in the loop bounds.",
             "For graphs we store adjacency lists because most graphs are sparse."]
    out = []
    for i in range(nsections):
        t = topics[i % len(topics)]
        out.append("## Week %d - %s" % (i // 2 + 1, t))
        for j in range(rng.randint(6, 11)):
            out.append("- " + rng.choice(sents))
        out.append("")
    return "\n".join(out)


def gen_py_trace(seed, exc="KeyError: 'score'", frames=6):
    rng = random.Random(seed)
    files = [("/home/student/projects/gradebook/app.py", "main"), ("/home/student/projects/gradebook/report.py", "build_report"),
             ("/home/student/projects/gradebook/stats.py", "average_for"), ("/home/student/projects/gradebook/io_utils.py", "load_rows")]
    out = ["Traceback (most recent call last):"]
    for i in range(frames):
        f, fn = files[min(i, len(files) - 1)] if i < len(files) else rng.choice(files)
        out.append('  File "%s", line %d, in %s' % (f, rng.randint(10, 200), fn))
        out.append("    " + rng.choice(["result = build_report(rows)", "avg = average_for(student, rows)",
                                        "total += r['score']", "rows = load_rows(path)", "return compute(rows)"]))
    out.append(exc)
    return "\n".join(out)


def numbered(text):
    return "\n".join("%3d  %s" % (i, l) for i, l in enumerate(text.split("\n"), 1))


# ---------------------------------------------------------------------------
# rows
# ---------------------------------------------------------------------------

# ---- batch 1: explaining code, hard words, homework ----

R("haiku", "question", "general", "non-native", "hard-words-easy",
  "Definition of one word with a short well-known answer; scary vocabulary, trivial work.",
  "hello, in my new job the senior say every API endpoint must be 'idempotent'. what does this word idempotent mean? please simple english, i am not native speaker")

R("haiku", "explain", "general", "plain", None,
  "Short snippet, one-sentence explanation (TB7).",
  "What does this line do?\n\nnums = [x * x for x in range(10) if x % 2 == 0]")

R("sonnet", "explain", "general", "verbose", None,
  "Why-question about subtle closure late binding in a small snippet (TB7: sonnet).",
  """I'm self-taught and going through a Python course. I wrote this expecting it to print 0 1 2 but it prints 2 2 2 and I have stared at it for an hour. Why does it do that? I don't just want the fix, I want to understand what is actually happening.

funcs = []
for i in range(3):
    funcs.append(lambda: i)

for f in funcs:
    print(f())""")

R("opus", "explain", "systems", "non-native", None,
  "Memory ordering semantics of concurrent code (TB7: opus).",
  """sorry for long question. in my company code (C++) i see this and i dont understand why it is correct or maybe it is not correct?

std::atomic<bool> ready{false};
int data = 0;

void producer() {
    data = 42;
    ready.store(true, std::memory_order_relaxed);
}

void consumer() {
    while (!ready.load(std::memory_order_relaxed)) {}
    assert(data == 42);
}

my senior say it work on x86 so is fine. can the assert fail? please explain with happens-before and what change on ARM. and what is minimum ordering to make it correct""")

R("haiku", "question", "tooling", "terse", None,
  "Well-known factual question about a git command.",
  "what does git stash pop do")

R("haiku", "question", "general", "typos", "hard-words-easy",
  "Definitional question dressed in intimidating terms; short known answer.",
  "my profesor keeps saying 'referential transparency' and 'pure function' in lecture, whats the diffrence?? or are they the same thing. short answer pls exam tomorow")

R("sonnet", "implement", "general", "plain", None,
  "Homework algorithm with a clear spec; several steps plus tests, standard technique.",
  "Homework: given a list of intervals like [[1,3],[2,6],[8,10],[15,18]], merge all overlapping intervals and return the result. Write it in Python, explain the time complexity, and give me 4-5 test cases including edge cases like empty input and intervals that only touch at the endpoint.")

R("haiku", "explain", "web", "non-native", None,
  "Common error message explained briefly.",
  "In browser console I get 'Uncaught TypeError: Cannot read properties of undefined (reading 'map')'. What is mean this error in simple word?")

R("sonnet", "explain", "web", "verbose", None,
  "Subtle async ordering of a small snippet (TB7: sonnet).",
  """I'm in week 6 of a bootcamp and our instructor gave us this as a "predict the output" exercise. I said 1 2 3 4 5 but the answer is different. Can you walk me through the order the event loop runs things in, step by step?

console.log('1');
setTimeout(() => console.log('2'), 0);
Promise.resolve().then(() => console.log('3'));
(async () => {
  console.log('4');
  await null;
  console.log('5');
})();
console.log('6');""")

R("haiku", "question", "databases", "plain", "hard-words-easy",
  "ACID acronym definition: textbook answer despite heavy jargon.",
  "Can you explain what ACID stands for in databases? Just the four words and one sentence each, it's for my flashcards.")

R("opus", "design", "systems", "terse", "short-hard",
  "Few words, novel concurrent data structure design (TB3).",
  "lock-free MPMC queue in rust, no crossbeam, explain why it's correct")

R("sonnet", "explain", "systems", "non-native", None,
  "Integer promotion subtlety in a small C snippet (TB7: sonnet).",
  """Why this C code print "a is bigger"?? -1 is smaller than 1 no?

#include <stdio.h>
int main(void) {
    unsigned int a = 1;
    int b = -1;
    if (b > a) printf("b is bigger\\n");
    else printf("a is bigger\\n");
    return 0;
}

wait actually it prints "b is bigger". I am confused, please explain why""")

R("haiku", "explain", "general", "terse", None,
  "Short snippet, what does it do.",
  "what does `a, b = b, a` do in python")

R("sonnet", "explain", "systems", "verbose", None,
  "Borrow-checker rejection of small code, reason is subtle (TB7: sonnet).",
  """I'm learning Rust from the book and I don't understand why the compiler rejects this. I'm only reading the first element and then pushing, it's not like I'm using both at once?? Please explain what the borrow checker is thinking and how I should write it instead.

fn main() {
    let mut v = vec![1, 2, 3];
    let first = &v[0];
    v.push(4);
    println!("first is {}", first);
}

error[E0502]: cannot borrow `v` as mutable because it is also borrowed as immutable""")

R("haiku", "question", "general", "plain", "hard-words-easy",
  "Word meaning question; 'amortized' sounds hard but the answer is a short textbook definition.",
  "What does 'amortized O(1)' mean when people talk about appending to a Python list or a Java ArrayList? Keep it short please.")

R("opus", "explain", "systems", "plain", None,
  "Correctness argument for a concurrent algorithm (TB7: opus).",
  """I'm reading the code of a Treiber stack in our codebase and I want to understand if it is actually correct. Specifically: where is the ABA problem here, can it actually happen with this code, and does the Java GC save us from it or not?

public class TreiberStack<E> {
    private final AtomicReference<Node<E>> top = new AtomicReference<>();

    public void push(E item) {
        Node<E> newHead = new Node<>(item);
        Node<E> oldHead;
        do {
            oldHead = top.get();
            newHead.next = oldHead;
        } while (!top.compareAndSet(oldHead, newHead));
    }

    public E pop() {
        Node<E> oldHead;
        Node<E> newHead;
        do {
            oldHead = top.get();
            if (oldHead == null) return null;
            newHead = oldHead.next;
        } while (!top.compareAndSet(oldHead, newHead));
        return oldHead.item;
    }

    private static class Node<E> {
        final E item;
        Node<E> next;
        Node(E item) { this.item = item; }
    }
}""")

R("haiku", "implement", "data", "terse", None,
  "One-table SQL SELECT.",
  "sql: all students with score above 80 from table results, sorted by score desc")

R("sonnet", "implement", "general", "typos", None,
  "Classic homework algorithm with spec; needs care (cycle detection) but standard.",
  "i need to implement topological sort for my algoritms class in java. input is number of courses and list of prerequsites pairs. if there is a cycle return empty array. can you write it with kahns algoritm and coment every step so i understand")

R("haiku", "question", "general", "plain", "hard-words-easy",
  "Jargon-heavy but simple definitional question.",
  "What is the difference between 'polymorphism' and 'inheritance'? I always mix them up. One short example in Java would be nice.")

R("opus", "explain", "general", "plain", "easy-words-hard",
  "Plain words ask for a proof of correctness of an algorithm.",
  "Can you prove that Dijkstra's algorithm gives the right answer? I don't want the usual hand-wavy explanation, I want to actually understand why it breaks when there is a negative edge and why it can't break when all edges are positive. Step by step please, I'm a self-taught person so assume I know induction but not much more.")

R("haiku", "explain", "general", "non-native", None,
  "Short snippet explanation in a sentence or two.",
  """my friend code has this, what it does?

const unique = [...new Set(arr)];""")

R("sonnet", "explain", "general", "plain", None,
  "Floating point surprise in small code; subtle reason (TB7: sonnet).",
  """Why does this loop never stop?

x = 0.0
while x != 1.0:
    x += 0.1
    print(x)

I thought 10 times 0.1 is 1.0.""")

R("haiku", "question", "general", "terse", "hard-words-easy",
  "Definition question, short answer.",
  "what does 'deterministic' mean in programming")

R("haiku", "question", "web", "non-native", None,
  "Short factual comparison, well-known answer.",
  "difference of == and === in javascript? one example please")

R("opus", "debug", "systems", "non-native", None,
  "Unsafe Rust soundness question: UB analysis needs deep reasoning (TB7: opus).",
  """i am junior and reviewing PR of my colleague. the tests pass and miri is not in CI. is this code sound? i feel something wrong with lifetime but cannot explain

pub struct Buf {
    data: Vec<u8>,
}

impl Buf {
    pub fn first_word(&self) -> &'static str {
        let end = self.data.iter().position(|&b| b == b' ').unwrap_or(self.data.len());
        unsafe {
            let slice = std::slice::from_raw_parts(self.data.as_ptr(), end);
            std::str::from_utf8_unchecked(slice)
        }
    }

    pub fn push(&mut self, b: u8) {
        self.data.push(b);
    }
}

please say exactly what is undefined behaviour here and how an attacker or normal user could trigger it""")

R("haiku", "edit", "general", "plain", None,
  "Mechanical edit: add a docstring.",
  """Add a docstring to this function:

def celsius_to_fahrenheit(c):
    return c * 9 / 5 + 32""")

R("sonnet", "debug", "general", "verbose", None,
  "Homework bug with a clear reproduction: recursion with mutable default argument, identifiable cause.",
  """This is for my data structures homework. The function is supposed to return all subsets of a list. When I call it once it works but when I call it twice in the same program the second result has garbage from the first call. I have no idea why because I'm not using any global variables. Can you find the bug and explain?

def subsets(nums, i=0, current=[], out=[]):
    if i == len(nums):
        out.append(list(current))
        return out
    subsets(nums, i + 1, current, out)
    current.append(nums[i])
    subsets(nums, i + 1, current, out)
    current.pop()
    return out

print(subsets([1, 2]))
print(subsets([3]))""")

R("haiku", "question", "security", "plain", "hard-words-easy",
  "Security vocabulary but the ask is a short definition.",
  "What is the difference between authentication and authorization? Our onboarding doc uses both words and I want a one-line explanation of each.")

R("opus", "implement", "general", "plain", None,
  "Novel algorithm with proof of complexity; hard reasoning.",
  "For a research project I need a data structure that supports insert, delete, and 'give me the k-th smallest element' all in O(log n) worst case, and also 'merge two structures' in better than O(n). Propose one, prove the bounds, and tell me honestly where the bounds are only amortized.")

R("haiku", "implement", "tooling", "terse", None,
  "Regex one-liner.",
  "regex to match a 5 digit zip code, only digits")

R("sonnet", "explain", "general", "non-native", None,
  "Explain a non-trivial function of dozens of lines (sonnet).",
  """Can you explain me what this function is doing, line by line? It is from an open source project I try to contribute. I understand Python basics but this I don't follow.

def lcs(a, b):
    n, m = len(a), len(b)
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if a[i] == b[j]:
                dp[i][j] = 1 + dp[i + 1][j + 1]
            else:
                dp[i][j] = max(dp[i + 1][j], dp[i][j + 1])
    i = j = 0
    out = []
    while i < n and j < m:
        if a[i] == b[j]:
            out.append(a[i])
            i += 1
            j += 1
        elif dp[i + 1][j] >= dp[i][j + 1]:
            i += 1
        else:
            j += 1
    return ''.join(out)""")

R("haiku", "question", "general", "non-native", "hard-words-easy",
  "Word definition; sounds mathematical but simple answer.",
  "What is 'memoization'? Is it typo of memorization? My bootcamp slide write memoization everywhere")

R("sonnet", "explain", "systems", "plain", None,
  "Why small Go code behaves surprisingly (goroutine loop variable, pre-1.22 semantics).",
  """Why does this Go program sometimes print 3 3 3 and sometimes nothing at all? I'm on Go 1.20.

package main

import "fmt"

func main() {
    for i := 0; i < 3; i++ {
        go func() {
            fmt.Println(i)
        }()
    }
}""")

R("opus", "question", "systems", "terse", "short-hard",
  "Short prompt asking for a correctness proof of a concurrency algorithm.",
  "prove peterson's algorithm gives mutual exclusion. then tell me why it fails on modern cpus")

R("haiku", "question", "databases", "typos", None,
  "Short factual question.",
  "whats the diffrence between WHERE and HAVING in sql")

R("sonnet", "implement", "web", "plain", None,
  "Small feature with a clear spec across HTML and JS.",
  "I'm building a to-do app for my portfolio with plain JavaScript. Add a 'filter' row with All / Active / Completed buttons that filters the list, keeps the selected filter in localStorage, and highlights the active button. My items are stored in an array called todos with {id, text, done}.")

R("haiku", "explain", "systems", "plain", None,
  "Short snippet explained in a sentence.",
  "In C, what does `x & (x - 1)` do? I saw it in a bit counting function.")

R("opus", "explain", "systems", "verbose", None,
  "Semantics of a lock-free algorithm and its memory orderings (TB7: opus).",
  """I'm a PhD student (not CS, physics) and I inherited a simulation codebase. There is a single-producer single-consumer ring buffer that the previous student wrote, and I need to know if it is actually correct before I trust the results from it. Can you go through it and explain, for each atomic operation, why that memory order is (or is not) enough?

template <typename T, size_t N>
class SpscRing {
    T buf_[N];
    std::atomic<size_t> head_{0};  // written by consumer
    std::atomic<size_t> tail_{0};  // written by producer
public:
    bool push(const T& v) {
        size_t t = tail_.load(std::memory_order_relaxed);
        size_t next = (t + 1) % N;
        if (next == head_.load(std::memory_order_relaxed)) return false;
        buf_[t] = v;
        tail_.store(next, std::memory_order_release);
        return true;
    }
    bool pop(T& out) {
        size_t h = head_.load(std::memory_order_relaxed);
        if (h == tail_.load(std::memory_order_acquire)) return false;
        out = buf_[h];
        head_.store((h + 1) % N, std::memory_order_relaxed);
        return true;
    }
};

I especially don't understand why head_ uses relaxed in both places. Is that a bug?""")

R("haiku", "question", "ml", "plain", "hard-words-easy",
  "ML jargon, short textbook definition.",
  "What does 'stochastic' mean in 'stochastic gradient descent'? Just the word, I know what gradient descent is.")

R("sonnet", "test", "general", "non-native", None,
  "Writing tests for existing code (sonnet).",
  """Please write pytest tests for this function. My team lead want 'good coverage' and edge case. I don't know what cases to think.

def parse_duration(s: str) -> int:
    \"\"\"Parse '1h30m', '45s', '2h' into seconds.\"\"\"
    total = 0
    num = ''
    for ch in s.strip():
        if ch.isdigit():
            num += ch
        elif ch in 'hms':
            if not num:
                raise ValueError(f'missing number before {ch}')
            total += int(num) * {'h': 3600, 'm': 60, 's': 1}[ch]
            num = ''
        else:
            raise ValueError(f'bad char {ch!r}')
    if num:
        raise ValueError('trailing number without unit')
    return total""")

R("haiku", "question", "general", "terse", None,
  "Short factual question.",
  "big o of binary search")

R("opus", "design", "databases", "plain", "easy-words-hard",
  "Plain wording, but an open design with concurrency and consistency trade-offs.",
  "Our school club app lets students sign up for limited seats in workshops. Sometimes two people get the last seat. How should we change things so that never happens, even when lots of people click at the same second and we have two servers? Explain the options and which one you'd pick.")

R("haiku", "explain", "general", "non-native", None,
  "Explain a common error message.",
  "python say 'IndentationError: unexpected indent'. what is this meaning?")

R("sonnet", "explain", "general", "plain", None,
  "Java Integer caching surprise in small code; subtle reason (TB7: sonnet).",
  """Why does this print true then false?

Integer a = 127, b = 127;
System.out.println(a == b);
Integer c = 128, d = 128;
System.out.println(c == d);""")

R("haiku", "question", "general", "plain", "hard-words-easy",
  "Fancy word, simple meaning.",
  "What does 'syntactic sugar' mean? My teammate said list comprehensions are just syntactic sugar.")

R("sonnet", "implement", "general", "verbose", None,
  "Homework implementation: data structure with a clear spec.",
  "For my second-year data structures course we have to implement an LRU cache in C++ with get(key) and put(key, value) both O(1), using std::list and std::unordered_map. Capacity given in constructor. Could you write it with comments explaining why each operation is O(1), and a small main() that shows eviction happening? I want to submit my own version so please explain rather than just give code.")

R("opus", "debug", "systems", "plain", "easy-words-hard",
  "Plain words describe an intermittent failure with no lead (TB6).",
  "Our little C program that reads sensor data in one thread and writes to a file in another thread works fine for hours and then once in a while writes a line where half the numbers are from one reading and half from the next. We can't reproduce it on demand. Where would you even start, and what are the likely causes?")

R("haiku", "question", "tooling", "plain", None,
  "Short factual question about a command.",
  "What does `chmod +x script.sh` do exactly?")

R("haiku", "question", "general", "typos", "hard-words-easy",
  "Sounds advanced (monad) but the ask is a one-line intuitive definition.",
  "ok everyone on twiter keeps saying 'a monad is just a monoid in the category of endofunctors' lol. in like one or two sentance what is a monad for a normal js dev")

R("sonnet", "explain", "web", "plain", None,
  "Explain a medium-size React component's behaviour (dozens of lines, stale closure).",
  """I joined a startup as a junior and I'm reading this component. The counter on the page only ever goes from 0 to 1 and stays there, even though the interval keeps running. Can you explain why, and what the two or three usual ways of fixing it are?

import { useEffect, useState } from 'react';

export default function Ticker() {
  const [count, setCount] = useState(0);

  useEffect(() => {
    const id = setInterval(() => {
      setCount(count + 1);
    }, 1000);
    return () => clearInterval(id);
  }, []);

  return <div className="ticker">Seconds on page: {count}</div>;
}""")

R("haiku", "implement", "general", "plain", None,
  "One-liner.",
  "Python one-liner to reverse a string.")

R("opus", "explain", "systems", "non-native", None,
  "Concurrent algorithm reasoning: double-checked locking in Java memory model.",
  """In legacy Java code at my work there is this singleton. My senior says it is broken without volatile but I don't understand how it can break, the check is inside synchronized. Please explain with the Java Memory Model exactly what reordering makes another thread see half-constructed object.

public class Config {
    private static Config instance;
    private final Map<String, String> values;

    private Config() { values = loadFromDisk(); }

    public static Config get() {
        if (instance == null) {
            synchronized (Config.class) {
                if (instance == null) {
                    instance = new Config();
                }
            }
        }
        return instance;
    }
}

also is it still broken if 'values' is final? i read something about final fields special""")

R("haiku", "question", "general", "non-native", None,
  "Simple factual question.",
  "what is difference between list and tuple in python? when to use which?")

R("sonnet", "debug", "general", "typos", None,
  "Homework bug with a failing case; identifiable cause (off-by-one in binary search).",
  """my binary search go infinite loop for some inputs. for [1,3,5,7] and target 7 it never ends. help

def bsearch(a, t):
    lo, hi = 0, len(a) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < t:
            lo = mid
        else:
            hi = mid
    return lo if a and a[lo] == t else -1""")

R("haiku", "question", "infrastructure", "plain", "hard-words-easy",
  "Infrastructure buzzword, simple meaning.",
  "What does 'ephemeral' mean in 'ephemeral storage' for containers? Does it just mean the data disappears?")

R("opus", "review", "security", "non-native", None,
  "Security review of auth code (TB10: opus).",
  """i wrote my first login system for freelance client (node + express). before I deliver, can you do security review? i am worried i miss something important.

app.post('/login', async (req, res) => {
  const { email, password } = req.body;
  const user = await db.query(`SELECT * FROM users WHERE email = '${email}'`);
  if (!user.rows.length) return res.status(401).send('no user with this email');
  const u = user.rows[0];
  if (md5(password) !== u.password_hash) return res.status(401).send('wrong password');
  const token = Buffer.from(JSON.stringify({ id: u.id, role: u.role })).toString('base64');
  res.cookie('session', token);
  res.json({ ok: true, user: u });
});

app.get('/admin', (req, res) => {
  const s = JSON.parse(Buffer.from(req.cookies.session, 'base64').toString());
  if (s.role !== 'admin') return res.sendStatus(403);
  res.render('admin');
});""")

R("haiku", "question", "general", "terse", None,
  "Short factual.",
  "what is a hash map")

R("sonnet", "explain", "systems", "plain", None,
  "Why small C code gives surprising result (sequence point / UB). Subtle but small.",
  """My C teacher asked what this prints and different compilers give different answers. Why?

int i = 1;
i = i++ + ++i;
printf("%d\\n", i);""")

R("opus", "design", "general", "plain", "easy-words-hard",
  "Plain words, open algorithm design with trade-offs and correctness reasoning.",
  "I want to build a tool that tells students when two homework submissions are 'basically the same code' even if variables are renamed and lines are moved around. How would you design this so it's fast for 2,000 submissions and doesn't flag everyone who used the same starter code?")

R("haiku", "question", "web", "plain", "hard-words-easy",
  "Web jargon, definitional answer.",
  "What does 'hydration' mean in Next.js? Is it related to the server-side rendering thing?")

R("haiku", "edit", "general", "typos", None,
  "Mechanical rename.",
  """rename variable 'x' to 'total_price' in this pls

def calc(items):
    x = 0
    for it in items:
        x += it['price'] * it['qty']
    return x""")

R("sonnet", "refactor", "general", "non-native", None,
  "Refactor a small module into cleaner functions; multiple careful steps.",
  """This is my first project in job. Senior say the function is 'too long, do single responsibility'. Can you refactor into smaller functions without changing behaviour?

def process(path):
    f = open(path)
    lines = f.readlines()
    f.close()
    result = []
    for l in lines:
        l = l.strip()
        if l == '' or l.startswith('#'):
            continue
        parts = l.split(',')
        if len(parts) != 3:
            print('bad line', l)
            continue
        name = parts[0].strip().title()
        age = int(parts[1])
        city = parts[2].strip()
        if age < 0 or age > 130:
            print('bad age', l)
            continue
        result.append({'name': name, 'age': age, 'city': city})
    result.sort(key=lambda r: (r['city'], r['name']))
    out = open(path + '.json', 'w')
    import json
    out.write(json.dumps(result, indent=2))
    out.close()
    return len(result)""")


# ---- batch 2: long pastes and pasted material ----

_mod_a = gen_py_module(101, 60, "gradebook")
R("haiku", "edit", "general", "plain", "long-trivial",
  "TB5: adding a license header to a long file is mechanical and checkable at a glance.",
  "Please add an MIT license header (copyright 2024 Riverside Coding Bootcamp) at the very top of this file. Don't change anything else.\n\n" + _mod_a)

R("sonnet", "test", "general", "non-native", None,
  "Writing tests for an existing long module: many careful steps, no deep design (sonnet).",
  "This is the gradebook module from our internship project. Nobody wrote tests for it. Please write pytest tests for the functions that compute things (averages, medians, late penalties), use tmp_path for the file ones, and tell me which functions you think have bugs.\n\n" + _mod_a)

R("haiku", "question", "infrastructure", "typos", "long-trivial",
  "TB5: counting ERROR lines in a long log is mechanical.",
  "how many ERROR lines are in this log and wich error message apears the most? just the number and the message\n\n" + gen_app_log(102, 350))

R("opus", "debug", "infrastructure", "verbose", None,
  "TB6: production latency spikes without a clear lead in the logs; needs a theory across components.",
  "I'm the most junior person on the team and I got assigned this because everyone else is at a conference. Every few minutes the p99 latency of orders-api jumps to several seconds and then recovers on its own. There is no deploy, CPU looks fine on the dashboard, and the error rate barely moves. Below is about ten minutes of logs from one pod. I honestly don't know what to look for. Can you help me form a theory of what is going on, what else I should collect to confirm it, and what I should check first?\n\n" + gen_app_log(103, 300, "orders-api", "connection reset by peer (pool=pg-main)"))

R("haiku", "question", "web", "plain", "long-trivial",
  "TB5: extracting matching lines from a long access log is mechanical.",
  "From this nginx access log, list the distinct client IPs that got a 500 response. Nothing else needed.\n\n" + gen_nginx_log(104, 250))

R("haiku", "question", "data", "non-native", "long-trivial",
  "TB5: finding rows with an empty field in a long CSV.",
  "In this CSV some students have empty score. Please give me only the student_id of those rows, one per line.\n\n" + gen_grades_csv(105, 350))

_js_a = gen_js_module(106, 55)
R("sonnet", "refactor", "web", "plain", None,
  "TB5: converting a whole long JS file to TypeScript is many careful steps (sonnet).",
  "Our bootcamp final project is moving to TypeScript. Convert this whole file to TypeScript: add interfaces for the item shapes, type every function parameter and return value, no `any` unless you explain why. Keep the behaviour the same.\n\n" + _js_a)

R("haiku", "question", "web", "terse", "long-trivial",
  "TB5: finding one setting in a long file.",
  "whats API_BASE set to in this file\n\n" + _js_a)

_c_a = gen_c_file(107, 40)
R("opus", "review", "systems", "non-native", None,
  "Memory corruption and data races in concurrent C: subtle mistakes are vulnerabilities (opus).",
  "This is firmware code from our university robotics lab, the robot crash maybe once a day and nobody know why. Many functions are copy paste of each other. Please review for memory bugs and thread safety problems: overflow, use after free, races between push and drain. Explain which one can cause random crash and in which order you would fix.\n\n" + _c_a)

R("haiku", "edit", "systems", "terse", "long-trivial",
  "TB5: changing one constant in a long file.",
  "change RING_CAP to 512 and MSG_MAX to 128, rest stays same\n\n" + _c_a)

R("haiku", "question", "databases", "plain", "long-trivial",
  "TB5: reading one table definition from a long dump.",
  "Which columns does the `payments` table have in this dump? Just list the names and types.\n\n" + gen_sql_dump(108, 30))

R("opus", "plan", "databases", "verbose", None,
  "Large migration plan across a production schema with zero downtime: high stakes, multi-step (opus).",
  "Our small coding school runs its LMS on this MySQL 8 database (dump of the schema and a few sample rows below). The new CTO wants us on Postgres by the summer, with no more than a few minutes of downtime because students submit homework at all hours. I've never done a migration like this. Can you write a realistic plan: how to convert the schema (types, AUTO_INCREMENT, collations), how to move the data while the app is still writing, how to verify nothing was lost, how to cut over, and how to roll back if it goes wrong?\n\n" + gen_sql_dump(109, 30))

R("opus", "debug", "systems", "plain", None,
  "TB6: acknowledged writes lost after a leader change in a Raft store; distributed consistency debugging.",
  "We run a 3-node key-value store built on hashicorp/raft for session data. A customer reported that a few writes that our API told them succeeded were gone the next morning. Around that time there were leader elections. Here are the merged logs from the three nodes for that window. How could an acknowledged write be lost here, what in the logs supports or contradicts each theory, and what would you change in how we acknowledge writes?\n\n" + gen_go_log(110, 450))

_notes = gen_lecture_notes(111, 30)
R("haiku", "docs", "general", "plain", "long-trivial",
  "TB5: listing the section topics of long notes is mechanical.",
  "These are my notes from the algorithms course. Give me just a bullet list of the topics covered, in order, no explanations.\n\n" + _notes)

R("haiku", "docs", "general", "other-language", "long-trivial",
  "TB5 and TB9: extracting the topic list from long notes, written in Indonesian.",
  "Ini catatan kuliah algoritma saya, panjang banget. Tolong buatkan daftar judul minggu-minggunya saja (Week berapa, topiknya apa), tidak perlu penjelasan.\n\n" + gen_lecture_notes(112, 28),
  language="id")

R("sonnet", "review", "general", "plain", None,
  "TB10: reviewing a diff for correctness and style.",
  "Can you review this diff from a classmate for our group project? It changes how averages are computed across many functions. Point out any behaviour changes, places where rounding could surprise a user, and anything inconsistent.\n\n" + gen_diff(113, 15))

R("sonnet", "implement", "databases", "plain", None,
  "Load CSV into Postgres and write a grouped query: several clear steps.",
  "Here's an export from our shop. I want to load it into Postgres and then get revenue (qty * unit_price) per currency per day, excluding refunded orders. Give me the CREATE TABLE, the \\copy command, and the query.\n\n" + gen_orders_csv(114, 110))

R("sonnet", "explain", "general", "verbose", None,
  "Explaining a whole module to a newcomer (sonnet: non-trivial code).",
  "First week at my first developer job! My onboarding task is to 'get familiar with the gradebook helpers'. Could you explain at a high level what this module does, group the functions by purpose, and point out anything that looks odd or risky (I noticed some SQL strings being concatenated?). I'd like to understand it well enough to talk about it in standup.\n\n" + gen_py_module(115, 70, "gradebook_v2"))

R("haiku", "question", "data", "plain", "long-trivial",
  "TB5: counting rows in a long CSV.",
  "How many orders in this file have status 'refunded'? Just the count.\n\n" + gen_orders_csv(116, 120))

# mid-size pastes

R("sonnet", "debug", "web", "non-native", None,
  "TB2: long Java trace with an obvious null dereference is sonnet.",
  "Spring Boot app crash when student enroll in course. Stack trace is below. I think something null but where and how to fix properly (not just if != null everywhere)?\n\n" + gen_java_trace(120))

R("haiku", "explain", "web", "terse", None,
  "Reading one line of a stack trace: what the error means.",
  "what does the first line of this mean\n\n" + gen_java_trace(121, depth=14))

R("sonnet", "debug", "general", "typos", None,
  "Python traceback with identifiable cause (missing key on some rows).",
  "my gradebook script crash when i run it on the new semester csv, last semester it worked fine. traceback:\n\n" + gen_py_trace(122) + "\n\nand here is the csv header + first rows:\n\n" + gen_grades_csv(123, 25).replace("score", "points", 1))

R("haiku", "question", "data", "plain", None,
  "Simple lookup in a small CSV.",
  "Which course appears most often in this CSV?\n\n" + gen_grades_csv(124, 40))

R("sonnet", "implement", "data", "plain", None,
  "pandas analysis with several steps and a clear spec.",
  "Using pandas, compute for each course the average score per assignment, treat empty scores as missing (not zero), and plot one line per course with assignments on the x-axis. Here's a sample of the data:\n\n" + gen_grades_csv(125, 45))

R("haiku", "question", "infrastructure", "terse", None,
  "Count in a short log: glance-checkable.",
  "how many WARN lines here\n\n" + gen_app_log(126, 45))

R("sonnet", "debug", "infrastructure", "plain", None,
  "Logs with a clear lead (repeated upstream timeouts) - identifiable cause, sonnet.",
  "Our checkout endpoint started failing this morning. Here are logs from one pod. Can you tell me what's going wrong and what to check in the payments client config?\n\n" + gen_app_log(127, 70, "orders-api", "upstream payments-svc timed out after 5000ms"))

R("haiku", "question", "web", "plain", None,
  "Simple count from a short access log.",
  "How many requests in this log were 404s, and for which paths?\n\n" + gen_nginx_log(128, 40))

R("sonnet", "explain", "systems", "non-native", None,
  "Explain a medium C file (dozens of lines) for a newcomer.",
  "I am new in the lab, this is the logging code of the robot. Please explain what is ring buffer and how this code work, what is head and tail and why modulo.\n\n" + gen_c_file(129, 4))

R("haiku", "edit", "general", "plain", None,
  "Mechanical edit: sort imports in a short file.",
  "Sort the import lines alphabetically in this file and leave the rest alone:\n\n" + "\n".join(gen_py_module(130, 2).split("\n")[:40]))

R("sonnet", "review", "general", "non-native", None,
  "TB10: diff review for correctness and style (sonnet).",
  "my first pull request at work!! please review before my senior sees it, I want to not look stupid\n\n" + gen_diff(131, 4, "app/services/attendance.py"))

R("haiku", "docs", "tooling", "plain", None,
  "Small text task: commit message for a shown diff.",
  "Write a one-line commit message for this diff:\n\n" + gen_diff(132, 2, "lib/stats.py"))

R("opus", "debug", "systems", "verbose", None,
  "Raft log excerpt, needs distributed-consistency reasoning about commit indexes (opus).",
  "This is from my distributed systems course project (we implement Raft in Go, like MIT 6.5840). My test TestFigure8Unreliable fails maybe 1 in 30 runs. I printed these logs from a failing run. I see a 'truncating log' line right after a leader change and I suspect we're truncating something that was already committed, but I can't prove it. Can you reason through the logs and tell me which Raft rule we're probably violating?\n\n" + gen_go_log(133, 70))

R("sonnet", "implement", "databases", "plain", None,
  "Write several queries against a shown schema (sonnet: multi-table joins).",
  "Given this schema, write queries for: (1) each student's number of submissions per course, (2) students enrolled in a course who never submitted anything, (3) top 5 courses by average score. MySQL 8.\n\n" + gen_sql_dump(134, 6, 3))


# ---- batch 3: Chinese, Hindi-English, Arabic, Indonesian ----

R("haiku", "question", "general", "other-language", "hard-words-easy",
  "TB9: a definition question in Chinese; the word sounds hard, the answer is short.",
  "请问编程里说的“幂等”（idempotent）到底是什么意思？能不能举一个生活中的例子，简单一点，我是转行学编程的。",
  language="zh")

R("sonnet", "explain", "web", "other-language", None,
  "TB9 + TB7: why small async JS code prints in a surprising order (sonnet).",
  """老师给的题目，我以为会输出 start, 1, 2, 3, end，但实际不是。为什么？请一步一步解释事件循环。

console.log('start');
setTimeout(() => console.log(1), 0);
Promise.resolve().then(() => console.log(2));
queueMicrotask(() => console.log(3));
console.log('end');""",
  language="zh")

R("opus", "explain", "systems", "other-language", None,
  "TB9: memory-ordering semantics of C++ atomics, asked in Chinese (opus).",
  "我在看公司的 C++ 代码，里面到处是 memory_order_acquire 和 memory_order_release，还有一个地方用了 memory_order_seq_cst。能不能讲清楚这几种内存序的区别，什么时候 acquire/release 不够、必须用 seq_cst？最好用一个具体的例子（比如两个线程各写一个变量再读另一个）证明 acquire/release 会出现 seq_cst 不允许的结果。",
  language="zh")

R("haiku", "implement", "general", "other-language", None,
  "TB9: a one-liner, asked in Chinese.",
  "Python 里怎么一行代码把一个列表里的重复元素去掉，但是保持原来的顺序？",
  language="zh")

R("sonnet", "implement", "general", "other-language", None,
  "TB9: homework algorithm with clear spec (sonnet).",
  "数据结构作业：用 Java 实现一个最小堆（不能用 PriorityQueue），要有 insert、extractMin、peek 三个方法，还要写注释说明每个操作的时间复杂度。最后写一个 main 测试一下。",
  language="zh")

R("opus", "debug", "databases", "other-language", "easy-words-hard",
  "TB6 + TB9: plain words describe an intermittent production problem with no lead.",
  "我们的网站每天晚上八点左右会卡一下，大概持续两三分钟，然后自己就好了。日志里没有报错，数据库 CPU 也不高。我们是 Django + MySQL，部署在两台服务器上。完全不知道从哪里查起，可以帮我想一下可能的原因和排查顺序吗？",
  language="zh")

R("haiku", "explain", "general", "other-language", None,
  "TB9: short snippet explanation in Chinese.",
  """这段代码是做什么的？

s = sum(1 for c in text if c in 'aeiou')""",
  language="zh")

R("sonnet", "debug", "general", "other-language", None,
  "TB9: Rust borrow error with clear cause, asked in Chinese (sonnet).",
  """Rust 编译报错，我不懂为什么，我只是想把字符串传给函数然后再打印：

fn print_len(s: String) {
    println!("{}", s.len());
}

fn main() {
    let name = String::from("小明");
    print_len(name);
    println!("{}", name);
}

error[E0382]: borrow of moved value: `name`

为什么会 moved？应该怎么改比较好，改成 &str 还是 clone？""",
  language="zh")

R("haiku", "question", "general", "other-language", "hard-words-easy",
  "TB9: Hindi-English definition question; jargon but easy.",
  "Bhai 'race condition' ka matlab kya hota hai? Interview mein pucha tha aur main blank ho gaya. Simple example ke saath ek do line mein samjha do please.",
  language="hi")

R("sonnet", "debug", "web", "other-language", None,
  "TB9: debugging a React state bug with a clear cause (sonnet).",
  """Mera React form submit karne ke baad bhi purana data dikha raha hai. Console mein sahi value aati hai lekin screen pe nahi. Kya galat hai?

function Profile() {
  const [user, setUser] = useState({ name: '', city: '' });
  const onChange = (e) => {
    user[e.target.name] = e.target.value;
    setUser(user);
  };
  return (
    <form>
      <input name="name" value={user.name} onChange={onChange} />
      <input name="city" value={user.city} onChange={onChange} />
      <p>{user.name} from {user.city}</p>
    </form>
  );
}""",
  language="hi")

R("opus", "design", "web", "other-language", "easy-words-hard",
  "TB6 + TB9: open design in plain words (payments idempotency and failure modes).",
  "Hum ek chhota food delivery app bana rahe hain. Problem ye hai ki kabhi kabhi customer ka paisa do baar kat jaata hai jab network slow hota hai aur wo dobara button dabata hai. Pura flow kaise design karein ki paisa kabhi double na kate, chahe app crash ho jaye ya payment gateway late reply de? Options aur trade-offs batao.",
  language="hi")

R("haiku", "implement", "databases", "other-language", None,
  "TB9: one-table SQL query.",
  "SQL mein employees table se sabse zyada salary wale 3 log kaise nikalein? MySQL use kar raha hoon.",
  language="hi")

R("sonnet", "explain", "general", "other-language", None,
  "TB9 + TB7: Python default mutable argument surprise (sonnet).",
  """Ye code pehli baar [1] deta hai, doosri baar [1, 1]. Kyun? Maine to har baar naya list diya hai... ya nahi diya?

def add_item(x, items=[]):
    items.append(x)
    return items

print(add_item(1))
print(add_item(1))""",
  language="hi")

R("haiku", "question", "tooling", "other-language", None,
  "TB9: short git question in Hinglish.",
  "git mein last commit ka message galat likh diya, abhi push nahi kiya. kaise change karun?",
  language="hi")

R("opus", "review", "security", "other-language", None,
  "TB9 + TB10: security review of a file upload handler (opus).",
  """Freelance project ke liye file upload banaya hai (Flask). Client bol raha hai security check karwao. Please dekh lo kya kya problem hai:

@app.route('/upload', methods=['POST'])
def upload():
    f = request.files['file']
    name = request.form.get('name') or f.filename
    path = os.path.join('/var/www/uploads', name)
    f.save(path)
    if name.endswith('.zip'):
        os.system(f'unzip -o {path} -d /var/www/uploads/')
    return {'url': '/uploads/' + name}""",
  language="hi")

R("sonnet", "implement", "general", "other-language", None,
  "TB9: homework algorithm (BFS shortest path in grid) with clear spec.",
  "College assignment hai: ek grid diya hai jisme 0 matlab rasta aur 1 matlab deewar. Top-left se bottom-right tak shortest path ki length nikalni hai, agar rasta nahi hai to -1. C++ mein BFS se likh do aur har step pe comment daal do taaki main viva mein samjha sakun.",
  language="hi")

R("haiku", "question", "general", "other-language", "hard-words-easy",
  "TB9: Arabic definition question; scary term, short answer.",
  "ما معنى كلمة \"recursion\" في البرمجة؟ أنا طالب في السنة الأولى، أريد شرحاً بسيطاً مع مثال صغير بلغة بايثون.",
  language="ar")

R("sonnet", "debug", "web", "other-language", None,
  "TB9: CORS error with a clear cause and known fix steps (sonnet).",
  """عندي تطبيق React على localhost:3000 و API بـ Express على localhost:5000. عندما أرسل طلب POST مع JSON يظهر هذا الخطأ:

Access to fetch at 'http://localhost:5000/api/login' from origin 'http://localhost:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.

طلبات GET تعمل بدون مشكلة. لماذا POST فقط؟ وكيف أصلحه بشكل صحيح وليس بـ * في كل مكان؟""",
  language="ar")

R("opus", "design", "systems", "other-language", None,
  "TB9: distributed consistency design (opus).",
  "نحن نبني نظام حجز مواعيد لعيادات في ثلاث مدن، وكل مدينة لها خادم قاعدة بيانات خاص بها بسبب بطء الشبكة. المريض يمكنه الحجز من أي مدينة. كيف نمنع حجز نفس الموعد مرتين إذا انقطع الاتصال بين الخوادم؟ أريد مقارنة بين الحلول (قفل مركزي، توافق، تقسيم الملكية) مع إيجابيات وسلبيات كل حل.",
  language="ar")

R("haiku", "edit", "general", "other-language", None,
  "TB9: mechanical edit (rename a function) in Arabic.",
  """غيّر اسم الدالة من calc إلى calculate_average فقط، لا تغير أي شيء آخر:

def calc(nums):
    return sum(nums) / len(nums)

print(calc([3, 4, 5]))""",
  language="ar")

R("sonnet", "explain", "general", "other-language", None,
  "TB9: explain a medium recursive function (sonnet).",
  """أستاذي أعطانا هذا الكود ولم أفهم كيف يعمل. هل يمكنك شرحه خطوة بخطوة مع مثال على [3, 1, 2]؟

def perms(xs):
    if len(xs) <= 1:
        return [xs]
    out = []
    for i, x in enumerate(xs):
        rest = xs[:i] + xs[i+1:]
        for p in perms(rest):
            out.append([x] + p)
    return out""",
  language="ar")

R("haiku", "question", "databases", "other-language", None,
  "TB9: short factual database question in Arabic.",
  "ما الفرق بين PRIMARY KEY و UNIQUE في MySQL؟ باختصار من فضلك.",
  language="ar")

R("haiku", "question", "general", "other-language", "hard-words-easy",
  "TB9: Indonesian question about a jargon word with a short textbook answer.",
  "Kak, 'immutable' itu artinya apa sih? Di tutorial JavaScript katanya string itu immutable, tapi aku bisa kok nulis s = s + 'a'. Bingung.",
  language="id")

R("sonnet", "implement", "web", "other-language", None,
  "TB9: endpoint with clear spec (sonnet).",
  "Aku lagi bikin REST API pakai Express + MongoDB buat tugas akhir bootcamp. Tolong buatin endpoint CRUD buat 'produk' (nama, harga, stok), validasi harga dan stok nggak boleh negatif, dan pagination di GET /produk pakai ?page dan ?limit. Kasih penjelasan singkat tiap bagian ya.",
  language="id")

R("opus", "debug", "mobile", "other-language", "easy-words-hard",
  "TB6 + TB9: intermittent mobile sync data loss, no lead (opus).",
  "Aplikasi catatan kami (Flutter + Firebase) kadang-kadang kehilangan catatan yang baru ditulis kalau user pakai dua HP sekaligus. Tidak selalu terjadi, dan tidak ada error di log. Kami belum bisa reproduksi. Bisa bantu pikirin kemungkinan penyebabnya dan cara mendesain sinkronisasi yang benar supaya data tidak hilang?",
  language="id")

R("haiku", "implement", "tooling", "other-language", None,
  "TB9: shell one-liner.",
  "Perintah linux buat cari semua file .log yang ukurannya di atas 100MB di folder /var apa ya?",
  language="id")

R("sonnet", "explain", "general", "other-language", None,
  "TB9 + TB7: floating point surprise, subtle reason (sonnet).",
  "Kenapa di Python 0.1 + 0.2 == 0.3 hasilnya False? Terus kalau aku bikin aplikasi kasir buat hitung uang, harusnya pakai apa biar nggak salah hitung? Jelaskan pelan-pelan ya, aku masih belajar.",
  language="id")

R("opus", "explain", "systems", "other-language", "short-hard",
  "TB3 + TB9: short question, proof-level reasoning about a concurrent algorithm.",
  "Buktikan kenapa algoritma bakery Lamport menjamin mutual exclusion.",
  language="id")

R("haiku", "question", "general", "other-language", None,
  "TB9: short factual question in Indonesian.",
  "Bedanya array sama linked list apa? Singkat aja.",
  language="id")

R("sonnet", "test", "general", "other-language", None,
  "TB9: writing unit tests for existing code (sonnet).",
  """Dosen minta unit test pakai JUnit 5 untuk class ini. Tolong bikin test yang lengkap, termasuk kasus saldo kurang dan nominal negatif.

public class Rekening {
    private long saldo;
    public Rekening(long awal) {
        if (awal < 0) throw new IllegalArgumentException("saldo awal negatif");
        this.saldo = awal;
    }
    public void setor(long n) {
        if (n <= 0) throw new IllegalArgumentException("nominal harus positif");
        saldo += n;
    }
    public void tarik(long n) {
        if (n <= 0) throw new IllegalArgumentException("nominal harus positif");
        if (n > saldo) throw new IllegalStateException("saldo tidak cukup");
        saldo -= n;
    }
    public long getSaldo() { return saldo; }
}""",
  language="id")

R("opus", "implement", "general", "other-language", None,
  "TB9: novel algorithm + proof (opus).",
  "我在做研究，需要一个算法：给定一个有向图，边上有正负权重，要找出所有权重和为负的环，而且图有大概一百万条边。Bellman-Ford 太慢了。请给出一个可行的算法思路，分析复杂度，并说明为什么它能找到所有负环（还是只能找到一个？）。",
  language="zh")


# ---- batch 4: mostly opus (hard reasoning), with traps ----

R("opus", "design", "systems", "terse", "short-hard",
  "TB3: a few words, but a concurrent hash map design with correctness argument.",
  "how would you make a concurrent hashmap that resizes without stopping readers")

R("opus", "question", "databases", "terse", "short-hard",
  "TB3: short, but requires reasoning about isolation anomalies.",
  "can snapshot isolation give write skew? show me one with two doctors on call")

R("opus", "implement", "systems", "terse", "short-hard",
  "TB3: short ask for a lock-free algorithm with memory reclamation.",
  "hazard pointers in c++ from scratch, with the proof they stop use-after-free")

R("opus", "question", "security", "terse", "short-hard",
  "TB3: short, but timing-attack and crypto reasoning where a subtle mistake is a vulnerability.",
  "is comparing hmac with == actually exploitable over the network? be precise")

R("opus", "design", "general", "terse", "short-hard",
  "TB3: short, exactly-once semantics across a queue and a database.",
  "exactly once from kafka to postgres. possible or not, how")

R("opus", "explain", "systems", "non-native", None,
  "TB7: unsafe code semantics (aliasing rules in Rust unsafe).",
  """Why miri say this is undefined behaviour? It runs fine and print 10. I read about 'stacked borrows' but cannot understand it.

fn main() {
    let mut x = 5;
    let r1 = &mut x as *mut i32;
    let r2 = &mut x;
    unsafe { *r1 = 10; }
    *r2 += 0;
    println!("{}", x);
}

error: Undefined Behavior: attempting a write access using <2435> at alloc1[0x0], but that tag does not exist in the borrow stack for this location""")

R("opus", "debug", "systems", "verbose", "easy-words-hard",
  "TB6: plain description of a rare memory corruption with no lead.",
  "Our C++ desktop app (it's a lab instrument controller, about 80k lines, written mostly by grad students over 10 years) crashes maybe once a week with a segfault in a completely random place - sometimes inside std::map, sometimes inside the JSON library, once inside malloc itself. It never crashes under the debugger. I'm the new research engineer and it's now my problem. How would you approach finding this? What tools, in what order, and what kinds of bugs typically produce this pattern?")

R("opus", "review", "systems", "plain", None,
  "TB10: review of concurrent code (a hand-rolled read-write lock).",
  """A senior on my team wrote this reader-writer lock in Go because 'sync.RWMutex was too slow'. I'm supposed to review it but I'm a junior. Is it correct? Can writers starve? Can a reader see a half-written state?

type RWLock struct {
    readers int32
    writer  int32
}

func (l *RWLock) RLock() {
    for {
        for atomic.LoadInt32(&l.writer) == 1 {
            runtime.Gosched()
        }
        atomic.AddInt32(&l.readers, 1)
        if atomic.LoadInt32(&l.writer) == 0 {
            return
        }
        atomic.AddInt32(&l.readers, -1)
    }
}

func (l *RWLock) RUnlock() { atomic.AddInt32(&l.readers, -1) }

func (l *RWLock) Lock() {
    for !atomic.CompareAndSwapInt32(&l.writer, 0, 1) {
        runtime.Gosched()
    }
    for atomic.LoadInt32(&l.readers) != 0 {
        runtime.Gosched()
    }
}

func (l *RWLock) Unlock() { atomic.StoreInt32(&l.writer, 0) }""")

R("opus", "design", "web", "plain", "easy-words-hard",
  "TB6: plain words, open architecture decision with trade-offs.",
  "We're three people building a learning platform. Right now it's one Django app. Investors want us to 'be ready for 100x users'. Should we split into services now or not? If yes, where would you draw the lines, and if no, what should we do instead to be ready? Please give an honest recommendation, not a list of buzzwords.")

R("opus", "question", "security", "non-native", None,
  "Cryptography: subtle mistakes are vulnerabilities (opus).",
  """My team lead ask me to encrypt user notes in database. I wrote this. Is it secure? I use AES so I think yes.

from Crypto.Cipher import AES
KEY = b'sixteen byte key'

def enc(text):
    c = AES.new(KEY, AES.MODE_ECB)
    data = text.encode()
    data += b' ' * (16 - len(data) % 16)
    return c.encrypt(data).hex()

def dec(h):
    c = AES.new(KEY, AES.MODE_ECB)
    return c.decrypt(bytes.fromhex(h)).decode().rstrip()

please tell all the problems and what is the correct way""")

R("opus", "explain", "general", "plain", "easy-words-hard",
  "Plain words, but asks for a correctness proof of a classic algorithm.",
  "Why does the 'tortoise and hare' trick find the start of the cycle in a linked list? I can follow the code but I want to see why moving one pointer back to the head and walking both one step at a time makes them meet exactly at the start. Please prove it, don't just say 'math'.")

R("opus", "debug", "web", "plain", None,
  "TB6: intermittent production failure across components, no lead.",
  "About 1 in 500 users on our Next.js site get logged in as a different user for a few seconds after login. We use a CDN in front, Redis for sessions, and two Node servers. We can't reproduce it ourselves and it started roughly when we turned on caching for 'static' pages. How would you investigate, and what are the most likely causes?")

R("opus", "implement", "general", "verbose", None,
  "Novel algorithm with complexity proof for a research need.",
  "I'm a biology postdoc with some Python. I have about 50 million short DNA reads (strings of A/C/G/T of length 150) and for each one I need to find all other reads within Hamming distance 2. The naive pairwise approach obviously is impossible. Can you design an algorithm that actually scales, explain why it doesn't miss any pairs (I need completeness, not approximate), estimate the memory it needs, and sketch the Python/numpy implementation?")

R("opus", "plan", "web", "plain", "easy-words-hard",
  "TB6: plain words, plan across a codebase (feature flags).",
  "Plan how we should introduce feature flags across our app. We have a React frontend, a Rails backend, a mobile app, and background jobs. I want to know what to build first, how flags reach each part, how we clean them up later, and what can go wrong.")

R("opus", "explain", "systems", "plain", None,
  "TB7: semantics of a concurrent algorithm (seqlock) and its memory ordering.",
  """Can you explain why this seqlock reader is correct, or whether it's actually broken under the C++ memory model? I found it in a trading system codebase and the data reads are plain non-atomic reads, which I thought was a data race.

struct Quote { double bid, ask; };
std::atomic<uint64_t> seq{0};
Quote q;

void write(Quote nq) {
    seq.fetch_add(1, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_release);
    q = nq;
    seq.fetch_add(1, std::memory_order_release);
}

Quote read() {
    Quote r; uint64_t s1, s2;
    do {
        s1 = seq.load(std::memory_order_acquire);
        r = q;
        std::atomic_thread_fence(std::memory_order_acquire);
        s2 = seq.load(std::memory_order_relaxed);
    } while (s1 != s2 || (s1 & 1));
    return r;
}""")

R("opus", "question", "general", "non-native", None,
  "Formal reasoning: proof of an amortized bound with potential method.",
  "For my algorithm exam I must prove the amortized cost of union-find with path compression and union by rank is almost constant (inverse Ackermann). My book proof is 6 pages and I am lost. Can you explain the structure of the proof, the key lemmas, and why each lemma is needed? Maybe also the simpler O(log* n) proof first.")

R("opus", "review", "security", "plain", None,
  "TB10: security review of JWT verification code (opus).",
  """Please do a security review of our JWT middleware. It's a side project but it handles real user data.

function verify(token) {
  const [h, p, s] = token.split('.');
  const header = JSON.parse(Buffer.from(h, 'base64url'));
  const payload = JSON.parse(Buffer.from(p, 'base64url'));
  if (header.alg === 'none') return payload;
  const key = header.alg.startsWith('HS') ? process.env.JWT_SECRET : PUBLIC_KEY;
  const expected = sign(h + '.' + p, key, header.alg);
  if (expected !== s) throw new Error('bad signature');
  if (payload.exp && payload.exp < Date.now()) throw new Error('expired');
  return payload;
}""")

R("opus", "debug", "data", "verbose", "easy-words-hard",
  "TB6: plain words describe a performance cliff needing analysis.",
  "Our nightly report job used to take 20 minutes. Last month it started taking 6 hours, but the amount of data only grew by about 15%. Nobody changed the code as far as we can tell (I checked git log). It's a Python script that reads from Postgres, does some joins in pandas, and writes CSVs. I'm a data analyst, not an engineer, and I've been asked to figure out why. What could make something get 18 times slower from 15% more data, and how do I find which one it is?")

R("opus", "design", "infrastructure", "plain", None,
  "Open design: multi-region with consistency and failover trade-offs.",
  "We run our quiz platform in one AWS region. Schools in Asia complain it's slow, and last year a regional outage took us down for 5 hours during exams. Design a setup that fixes both, explain what happens to in-progress quiz answers during a failover, and tell me what consistency guarantees we'd be giving up.")

R("opus", "explain", "systems", "non-native", None,
  "TB7: memory ordering in Linux kernel style code (RCU).",
  "In Linux kernel code I see rcu_read_lock, rcu_dereference and synchronize_rcu. I read LWN articles but still not sure: why readers don't need any lock or atomic instruction, and how synchronize_rcu knows all old readers are finished? Also why rcu_dereference needed and not just normal pointer read? Please explain like for a master student.")

R("opus", "implement", "systems", "plain", None,
  "Implementing a concurrent algorithm with correctness argument.",
  "Implement a bounded blocking queue in Java using only ReentrantLock and two Conditions (no java.util.concurrent queues). Then explain why you used while and not if around await, what happens with spurious wakeups, and argue that it can't deadlock or lose a signal when there are many producers and consumers.")

R("opus", "debug", "systems", "typos", None,
  "Deadlock theory in multi-threaded code with no clear lead.",
  "our java service hangs like once every 2 days, all request threads stuck. we took a thread dump last time but the guy who took it deleted it lol. we use synchronized in some places, a ConcurrentHashMap with computeIfAbsent that calls other services inside, and a connection pool of 10. what are the likley deadlock scenarios here and how do we catch it next time",
  )

R("opus", "question", "ml", "plain", None,
  "Research-level reasoning about a subtle correctness issue (data leakage) with high stakes.",
  "I'm writing my master thesis. My model gets 97% accuracy on the test set but only 61% when my supervisor tried it on new hospital data. I did normalize the features and do SMOTE oversampling before splitting into train and test, and I picked the best of 40 hyperparameter settings on the test set. Can you explain every way my evaluation could be inflated, how much each could plausibly matter, and how to redo the evaluation properly?")

R("opus", "design", "databases", "non-native", None,
  "Schema and consistency design for money (high stakes).",
  "I need to design database for a wallet feature in our app (users have balance, they can transfer to each other, top up, withdraw). Team want just a 'balance' column in users table. I think it's risky but cannot explain why. Please design properly: tables, how transfer work with concurrency, how to audit, how to handle failure in middle.")

R("opus", "refactor", "general", "plain", None,
  "Large multi-step migration across a codebase.",
  "Our research group's simulation code is 40k lines of Python 2.7 with lots of global state, and we need it on Python 3.12 and runnable in parallel on a cluster. Nobody who wrote it is still here. Give me a step-by-step plan: what to do first, how to know we didn't change the numerical results, how to remove the global state safely, and how to split the work between three PhD students.")

R("opus", "explain", "general", "non-native", "easy-words-hard",
  "Plain question that needs a proof (greedy exchange argument).",
  "Why greedy is correct for activity selection (pick the one that finishes first), but is wrong for the coin problem with coins 1, 3, 4? My teacher say 'exchange argument' but I don't understand how to write it. Please show the proof for the first and a counterexample for the second and explain what is different.")

R("opus", "debug", "systems", "plain", None,
  "Heisenbug: behaviour changes with optimisation level; UB reasoning across code.",
  """This loop terminates at -O0 but runs forever at -O2 with gcc 13. I've been staring at it all day. What's the compiler allowed to do here and why?

#include <stdio.h>
int main(void) {
    int found = 0;
    for (int i = 1; i > 0; i += i) {
        if (i == 1 << 20) found = 1;
    }
    printf("%d\\n", found);
    return 0;
}""")

R("opus", "question", "systems", "terse", "short-hard",
  "TB3: short, but asks for a formal argument about consensus.",
  "why can't you have consensus with one faulty process in an async system, flp in plain terms but correct")

R("opus", "design", "security", "plain", None,
  "Threat model (opus).",
  "Write a threat model for our school exam app: students take tests on their own laptops in a browser, teachers create questions, grades go to the school system. I want the realistic attacks (cheating, leaking questions, changing grades) and which controls actually help.")

R("opus", "implement", "data", "plain", None,
  "Performance work needing analysis (cache behaviour) rather than a known fix.",
  """My matrix multiply in C is 40x slower than numpy for 2048x2048. I know about 'cache' in theory. Can you explain what is actually happening in the cache with this loop order, then rewrite it step by step (loop order, blocking, maybe SIMD) and estimate how much each step should help and why?

void matmul(int n, double *A, double *B, double *C) {
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int k = 0; k < n; k++)
                s += A[i*n + k] * B[k*n + j];
            C[i*n + j] = s;
        }
}""")

R("opus", "explain", "systems", "plain", "short-hard",
  "TB3: few words; Rust Send/Sync soundness reasoning is deep.",
  "why is Rc !Send but Arc is Send, what exactly would break")

R("opus", "implement", "systems", "follow-up", None,
  "TB8: 'now make it lock-free' names hard work (opus).",
  "ok the mutex version works. now make it lock-free and explain why it's still correct")


# ---- batch 5: everyday engineering (sonnet), follow-ups, mid-size pastes ----

R("sonnet", "explain", "general", "plain", None,
  "Explaining a module of several functions (sonnet).",
  "I'm reading this file in a repo I'm about to contribute to. Can you explain what each function is for and how they'd be used together? Also: is the median function right for even-length lists?\n\n" + gen_py_module(200, 6, "stats_helpers"))

R("sonnet", "test", "general", "plain", None,
  "Tests for existing code across several functions.",
  "Write pytest tests for these helpers. Mock the filesystem where needed, don't touch real files.\n\n" + gen_py_module(201, 5, "attendance"))

R("haiku", "docs", "general", "non-native", None,
  "Mechanical: add docstrings to a handful of short functions.",
  "Please add one-line docstrings to every function that doesn't have one. Don't change code.\n\n" + gen_py_module(202, 4, "quiz_utils"))

R("sonnet", "refactor", "web", "plain", None,
  "Refactor a small JS module (callbacks/then chains to async/await).",
  "Refactor this file so everything uses async/await instead of .then chains, and replace var with let/const. Behaviour should stay the same.\n\n" + gen_js_module(203, 6))

R("sonnet", "review", "web", "non-native", None,
  "TB10: correctness and style review of a small module.",
  "Can you review this JavaScript from my bootcamp group? I think there is XSS somewhere, and also the != looks wrong to me but I'm not sure.\n\n" + gen_js_module(204, 7))

R("haiku", "question", "web", "terse", None,
  "Count functions in a short file: glance-checkable.",
  "how many functions are in this file\n\n" + gen_js_module(205, 5))

R("sonnet", "debug", "infrastructure", "non-native", None,
  "Logs point to a clear cause (DB connection resets); sonnet.",
  "Since yesterday evening our API give many errors. Here log. What is the cause and what I should check in database settings?\n\n" + gen_app_log(206, 60, "orders-api", "connection reset by peer (pool=pg-main)"))

R("haiku", "question", "infrastructure", "plain", None,
  "Find one value in a short log.",
  "What's the slowest request in this log (the 'in Nms' number) and which path was it?\n\n" + gen_app_log(207, 35))

R("sonnet", "implement", "tooling", "plain", None,
  "A small script with a clear spec to parse logs (several steps).",
  "Write a Python script that reads logs in this format from stdin and prints, per path, the request count and the p50 and p95 of the latency. Ignore lines that aren't INFO request lines. Sample:\n\n" + gen_app_log(208, 30))

R("sonnet", "implement", "data", "non-native", None,
  "Data cleaning with a clear spec.",
  "I have CSV like this from our school system. I need Python script (no pandas, only csv module) that: remove duplicate rows of same student+course+assignment keeping the latest submitted_at, fill empty score with 0, and write new csv. Please explain the code.\n\n" + gen_grades_csv(209, 30))

R("haiku", "edit", "data", "plain", None,
  "Mechanical conversion of a small CSV to JSON.",
  "Convert these rows to a JSON array of objects:\n\n" + gen_grades_csv(210, 20))

R("sonnet", "debug", "web", "plain", None,
  "TB2: stack trace with obvious null dereference: sonnet.",
  "We get this after the last deploy when some students enroll. The student lookup must be returning null. What's the clean fix, and should the controller return 404 or 400 here?\n\n" + gen_java_trace(211, depth=20))

R("sonnet", "implement", "databases", "plain", None,
  "Migration with known steps.",
  "For this MySQL schema, write a migration that adds a `deleted_at` column to students and courses, backfills nothing, and adds an index on (course_id, student_id) to enrollments. Also the down migration.\n\n" + gen_sql_dump(212, 3, 2))

R("haiku", "question", "databases", "plain", None,
  "Read a value from a short dump.",
  "What's the AUTO_INCREMENT value of the courses table in this dump?\n\n" + gen_sql_dump(213, 3, 2))

R("sonnet", "explain", "systems", "plain", None,
  "Explain a C file of dozens of lines and spot an obvious bug.",
  "Explain what these functions do and whether ring_free is OK. I'm a Python person doing my first C code review.\n\n" + gen_c_file(214, 4))

R("haiku", "edit", "systems", "plain", None,
  "Mechanical edit: rename a macro in a short file.",
  "Rename the macro MSG_MAX to LOG_MSG_MAX everywhere in this file.\n\n" + gen_c_file(215, 3))

# follow-ups
R("sonnet", "test", "general", "follow-up", None,
  "TB8: 'add tests for that too' names everyday work.",
  "nice, that works. can you add tests for that too? pytest please, and cover the empty list case")

R("sonnet", "refactor", "general", "follow-up", None,
  "TB8: 'do the same for the parser' is everyday multi-step work.",
  "ok now do the same thing for the parser module, same style as you did for the lexer")

R("haiku", "edit", "general", "follow-up", None,
  "TB8: 'rename it back' is mechanical.",
  "actually my teacher wants the old name, rename it back to calc_avg")

R("sonnet", "debug", "general", "follow-up", None,
  "TB8: 'that didn't work' only points back: sonnet.",
  "that didnt work, still same error. try again")

R("sonnet", "implement", "general", "follow-up", None,
  "TB8: 'ok continue' only points back: sonnet.",
  "ok continue")

R("haiku", "docs", "general", "follow-up", None,
  "TB8: 'also add a docstring' is mechanical.",
  "also add a docstring to it, google style")

R("sonnet", "explain", "general", "follow-up", None,
  "TB8: asking to explain prior non-trivial code again differently (sonnet).",
  "i still dont get the part where you use the two pointers, can you explain that part again slower with a small example array")

R("opus", "implement", "systems", "follow-up", None,
  "TB8: follow-up asks for a concurrency-safe version with reasoning (opus).",
  "great. now make it safe when 8 threads call it at the same time, and explain why your version cant deadlock")

R("sonnet", "implement", "web", "follow-up", None,
  "TB8: adding a clear feature to prior code.",
  "now add pagination to that endpoint, page and page_size query params, default 20")

R("haiku", "edit", "general", "follow-up", None,
  "TB8: mechanical formatting follow-up.",
  "can you make it use f-strings instead of .format, nothing else")

R("sonnet", "debug", "general", "follow-up", None,
  "TB8: pointing back only; unknown work is sonnet.",
  "hmm its giving a different error now, see above")

R("opus", "review", "security", "follow-up", None,
  "TB8 + TB10: follow-up asks for a security review (opus).",
  "before i push this, can you go over the whole auth flow we wrote today as if you were an attacker")

R("sonnet", "implement", "general", "follow-up", "hard-words-easy",
  "TB8: 'make it generic' with scary words; everyday work on prior code.",
  "make it polymorphic with generics and covariant return types like the java book says")

R("haiku", "question", "general", "follow-up", None,
  "TB8: a quick factual follow-up about the previous answer.",
  "wait what does the // operator do in the code you gave")

# sonnet handwritten
R("sonnet", "debug", "web", "typos", None,
  "Debugging a concrete bug with clear cause (async in forEach).",
  """why does this print 'done' before all the users are saved?? i thought await waits

async function saveAll(users) {
  users.forEach(async (u) => {
    await db.save(u);
    console.log('saved', u.id);
  });
  console.log('done');
}""")

R("sonnet", "implement", "web", "plain", None,
  "Feature with clear spec.",
  "Write a Flask endpoint POST /api/feedback that accepts JSON {course_id, rating (1-5), comment (optional, max 500 chars)}, validates it, saves it with SQLAlchemy, and returns 201 with the new id. Return 422 with field errors when invalid.")

R("sonnet", "implement", "general", "verbose", None,
  "Homework algorithm with spec and test cases.",
  "Our assignment this week is Dijkstra. Given an adjacency list like {'A': [('B', 4), ('C', 1)], 'C': [('B', 2)], 'B': []}, return the shortest distance from a start node to every node and also the actual path to each one. We must use heapq. Please write it with comments, and show the output for the small example. I'd also like to know what happens with unreachable nodes.")

R("sonnet", "debug", "systems", "plain", None,
  "C segfault with clear cause in short code.",
  """Segfault, but only when the input file has more than 100 lines. Why?

#include <stdio.h>
#include <string.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    char *lines[100];
    char buf[256];
    int n = 0;
    FILE *f = fopen(argv[1], "r");
    while (fgets(buf, sizeof buf, f)) {
        lines[n++] = strdup(buf);
    }
    for (int i = n - 1; i >= 0; i--) printf("%s", lines[i]);
    return 0;
}""")

R("sonnet", "implement", "tooling", "non-native", None,
  "CI configuration with known steps.",
  "Please write GitHub Actions workflow for my Python project: run on push and pull request, test on Python 3.10, 3.11, 3.12, install with pip from requirements.txt, run ruff and pytest, cache pip. I never write CI before so please explain each part.")

R("sonnet", "explain", "general", "plain", None,
  "Explain a generator pipeline of moderate size.",
  """Can you explain how this works? In particular, when does each print actually run?

def read(path):
    print('open')
    with open(path) as f:
        for line in f:
            yield line.rstrip('\\n')
    print('close')

def nonempty(lines):
    for l in lines:
        if l:
            yield l

def upper(lines):
    return (l.upper() for l in lines)

pipeline = upper(nonempty(read('names.txt')))
print('built')
print(next(pipeline))
print(list(pipeline))""")

R("sonnet", "implement", "general", "typos", None,
  "Homework with clear spec: linked list reversal in C with tests.",
  "need to reverse a singly linked list in c, both iterative and recursive, for my lab. also function to print it and free it. teacher check with valgrind so no leaks pls")

R("sonnet", "debug", "data", "plain", None,
  "pandas SettingWithCopyWarning with clear cause.",
  """I get 'SettingWithCopyWarning' and the column isn't actually updated in my original dataframe. Why, and what's the right way?

passed = df[df['score'] >= 60]
passed['grade'] = 'P'
print(df.head())""")

R("sonnet", "refactor", "general", "non-native", None,
  "Refactoring a Java class to use interfaces; several careful steps.",
  """My manager say this class 'violate open closed principle'. I need to add new shape types often. How to refactor?

public class AreaCalculator {
    public double area(Object shape) {
        if (shape instanceof Circle) {
            Circle c = (Circle) shape;
            return Math.PI * c.r * c.r;
        } else if (shape instanceof Rect) {
            Rect r = (Rect) shape;
            return r.w * r.h;
        } else if (shape instanceof Triangle) {
            Triangle t = (Triangle) shape;
            return 0.5 * t.base * t.height;
        }
        throw new IllegalArgumentException("unknown shape");
    }
}""")

R("sonnet", "implement", "mobile", "plain", None,
  "Feature with a clear spec in a mobile app.",
  "In my Flutter app I have a ListView of lessons from an API. Add pull-to-refresh, a loading spinner on first load, an error message with a retry button, and cache the last successful response with shared_preferences so the list shows offline.")

R("sonnet", "explain", "systems", "plain", None,
  "TB7: why small Rust code is rejected (lifetime of returned reference).",
  """Why doesn't this compile, and what's the idiomatic fix?

fn longest(a: &str, b: &str) -> &str {
    if a.len() > b.len() { a } else { b }
}

error[E0106]: missing lifetime specifier""")

R("sonnet", "implement", "databases", "typos", None,
  "Multi-table SQL with window functions: careful but standard.",
  "i have tables students(id,name), submissions(student_id, assignment_id, score, submitted_at). need for every student their best score per assignment and their rank in the class for that assignment. postgres. window functions maybe?")

R("sonnet", "test", "web", "plain", None,
  "Writing tests for an existing component.",
  """Write React Testing Library tests for this component: renders the label, calls onChange with the new value, and shows the error when the input is empty and blurred.

export function TextField({ label, value, onChange, required }) {
  const [touched, setTouched] = useState(false);
  const showError = required && touched && !value;
  return (
    <label>
      {label}
      <input value={value} onChange={e => onChange(e.target.value)} onBlur={() => setTouched(true)} />
      {showError && <span role="alert">{label} is required</span>}
    </label>
  );
}""")

R("sonnet", "ops", "infrastructure", "non-native", None,
  "Writing a Dockerfile and compose config with known steps.",
  "Please make Dockerfile and docker-compose.yml for my Django app with Postgres. I want the database data not lost when I restart, and the app should wait until db is ready. This is for my final project demo.")

R("sonnet", "debug", "tooling", "plain", None,
  "Build error with identifiable cause.",
  """npm run build fails on CI but works on my laptop:

Module not found: Error: Can't resolve './components/Navbar' in '/home/runner/work/site/site/src'

The file is src/components/NavBar.jsx. I'm on a Mac.""")

R("sonnet", "explain", "web", "non-native", None,
  "Explain a middle-size Express middleware chain and its order.",
  """Can you explain in which order these run for GET /admin/users and why my auth check is skipped?

app.use(express.json());
app.use('/admin', express.static('admin-ui'));
app.get('/admin/users', listUsers);
app.use('/admin', requireAdmin);
app.use((err, req, res, next) => res.status(500).json({ error: err.message }));""")


# ---- batch 6: cheap work (haiku), hard-words-easy, mid pastes with trivial asks ----

R("haiku", "question", "general", "non-native", "hard-words-easy",
  "Jargon definition with a short textbook answer.",
  "What is 'side effect' in programming? In medicine side effect is bad thing, is it same meaning in code?")

R("haiku", "question", "systems", "plain", "hard-words-easy",
  "Scary term (mutex) but the ask is a one-line definition.",
  "What's a mutex, in one or two sentences? Not how to implement one, just what it is.")

R("haiku", "question", "general", "typos", "hard-words-easy",
  "Jargon question with a short answer.",
  "whats 'dependency injection' in plain words. every job post says it and i feel dumb")

R("haiku", "question", "web", "plain", "hard-words-easy",
  "Scary acronym, short definitional answer.",
  "What does 'CSRF' stand for and what is it in one paragraph? I'm not trying to fix anything, just learning the words.")

R("haiku", "question", "general", "non-native", "hard-words-easy",
  "Sounds theoretical, simple answer.",
  "My lecturer says 'this problem is NP-complete'. What this mean in very simple words? Not the formal definition please.")

R("haiku", "question", "ml", "plain", "hard-words-easy",
  "ML jargon, textbook answer.",
  "What is 'overfitting'? One example with a student memorising exam answers would be perfect.")

R("haiku", "question", "general", "terse", "hard-words-easy",
  "Jargon definition.",
  "what does 'orthogonal' mean when programmers say two features are orthogonal")

R("haiku", "question", "databases", "non-native", "hard-words-easy",
  "Database jargon, short answer.",
  "what is 'normalization' of database? my boss say our table 'not in 3NF'. just explain what 3NF mean short")

R("haiku", "question", "systems", "plain", "hard-words-easy",
  "Frightening word, simple meaning.",
  "What does 'heisenbug' mean? Someone on my team used it in standup and everyone laughed.")

R("haiku", "question", "general", "plain", "hard-words-easy",
  "Type-theory vocabulary, short answer.",
  "What's the difference between 'covariance' and 'contravariance' in TypeScript, in the simplest possible example? Just the idea, I don't need the full rules.")

R("haiku", "question", "infrastructure", "typos", "hard-words-easy",
  "Buzzword, simple definition.",
  "what is 'idempotency key' in stripe docs? is it just a random id i send?")

R("haiku", "question", "general", "non-native", "hard-words-easy",
  "Jargon definition, short answer.",
  "Please explain 'tail call optimization' in simple words. Does Python have it?")

R("haiku", "question", "systems", "plain", "hard-words-easy",
  "Sounds deep, short answer.",
  "What is 'endianness'? Is my laptop big-endian or little-endian?")

R("haiku", "question", "security", "non-native", "hard-words-easy",
  "Crypto word, but only a short definitional answer is asked.",
  "what is 'salt' in password hashing? why not just hash the password?")

R("haiku", "question", "general", "plain", None,
  "Short factual question.",
  "What's the difference between a process and a thread? Short answer.")

R("haiku", "question", "tooling", "terse", None,
  "Command one-liner.",
  "undo git add for one file")

R("haiku", "question", "tooling", "non-native", None,
  "Simple tooling fact.",
  "how to make python virtual environment in windows? I use cmd not powershell")

R("haiku", "implement", "data", "plain", None,
  "One-table SQL SELECT with GROUP BY.",
  "SQL: count how many orders each customer_id has in the orders table, only customers with more than 5 orders.")

R("haiku", "implement", "tooling", "typos", None,
  "Regex one-liner.",
  "regex for email that just checks theres something@something.something, nothing fancy its for a class project")

R("haiku", "implement", "general", "plain", None,
  "Format string one-liner.",
  "How do I print a float with exactly 2 decimals in Python, like 3.14159 -> 3.14?")

R("haiku", "implement", "general", "terse", None,
  "One-liner.",
  "js get last element of array")

R("haiku", "implement", "general", "non-native", None,
  "One-liner in Java.",
  "in java how convert String \"123\" to int?")

R("haiku", "implement", "tooling", "plain", None,
  "Shell one-liner.",
  "Bash command to count the lines in all .py files in this folder and subfolders, total only.")

R("haiku", "explain", "general", "plain", None,
  "Short snippet explanation.",
  """What does this do?

const total = cart.reduce((sum, item) => sum + item.price * item.qty, 0);""")

R("haiku", "explain", "general", "non-native", None,
  "Short snippet explanation.",
  """what mean the * in this python?

def f(*args, **kwargs):
    print(args, kwargs)""")

R("haiku", "explain", "systems", "terse", None,
  "Short snippet.",
  "what does `int *p = &x; *p = 5;` do")

R("haiku", "explain", "general", "plain", None,
  "Short snippet, one sentence.",
  """What does this Go line do?

defer f.Close()""")

R("haiku", "explain", "databases", "non-native", None,
  "Short SQL snippet explanation.",
  "what this query do? SELECT name FROM users WHERE id IN (SELECT user_id FROM orders WHERE total > 100);")

R("haiku", "explain", "general", "typos", None,
  "Common error message.",
  "what does 'ModuleNotFoundError: No module named numpy' mean i literally just installed it")

R("haiku", "explain", "systems", "plain", None,
  "Common compiler error explained.",
  "What does the Rust error 'expected `i32`, found `&i32`' mean in general terms?")

R("haiku", "explain", "web", "non-native", None,
  "Common HTTP status meaning.",
  "what is HTTP 418? my friend say it's real status code, I think it's joke")

R("haiku", "edit", "general", "plain", None,
  "Mechanical conversion JSON to YAML.",
  """Convert this to YAML:

{"name": "course-api", "version": "1.2.0", "scripts": {"start": "node index.js", "test": "jest"}, "private": true}""")

R("haiku", "edit", "general", "typos", None,
  "Fix typos in a short text.",
  "fix the spelling in my README intro: 'This projet is a simple calculater app writen in Pyhton for my bootcamp. It suport add, substract, multipy and devide.'")

R("haiku", "docs", "tooling", "plain", None,
  "Small text task: commit message.",
  "Write a commit message for: fixed off-by-one in pagination, page 1 was skipping the first item.")

R("haiku", "docs", "general", "non-native", None,
  "Small text: changelog line.",
  "write one changelog line: we add dark mode to settings page and fix the logout button that not work on safari")

# trivial asks on mid/long pastes
R("haiku", "question", "infrastructure", "plain", "long-trivial",
  "TB5: finding the first ERROR timestamp in a long-ish log.",
  "When did the first ERROR happen in this log? Just the timestamp.\n\n" + gen_app_log(300, 75))

R("haiku", "question", "web", "non-native", "long-trivial",
  "TB5: counting requests from one user agent.",
  "how many requests in this log come from curl? only number please\n\n" + gen_nginx_log(301, 40))

R("haiku", "edit", "general", "plain", "long-trivial",
  "TB5: mechanical rename across a long-ish file.",
  "Rename DATA_DIR to GRADEBOOK_DIR everywhere in this file. Nothing else.\n\n" + gen_py_module(302, 12))

R("haiku", "question", "data", "typos", "long-trivial",
  "TB5: one lookup in a long-ish CSV.",
  "whats the highest score in this file and who got it\n\n" + gen_grades_csv(303, 90))

R("haiku", "question", "systems", "plain", "long-trivial",
  "TB5: counting occurrences in a long-ish file.",
  "How many times is pthread_mutex_lock called in this file?\n\n" + gen_c_file(304, 16))

R("haiku", "edit", "web", "non-native", "long-trivial",
  "TB5: mechanical edit (change a constant) on a long-ish file.",
  "change API_BASE to '/api/v2' in this file, I don't need anything else\n\n" + gen_js_module(305, 16))

R("haiku", "question", "databases", "terse", "long-trivial",
  "TB5: listing table names from a dump.",
  "list the table names in this dump\n\n" + gen_sql_dump(306, 9, 3))

R("haiku", "question", "general", "plain", None,
  "Short lookup in a short diff.",
  "Which file does this diff change, and how many lines were added?\n\n" + gen_diff(307, 2, "src/api/handlers.py"))

R("haiku", "explain", "web", "plain", None,
  "Read the root cause line of a stack trace.",
  "Which of our own classes is the top frame in this trace? I just need the file and line to open.\n\n" + gen_java_trace(308))

R("haiku", "edit", "data", "plain", None,
  "Mechanical: reorder CSV columns.",
  "Reorder the columns so email comes first, then name, then the rest in the same order:\n\n" + gen_grades_csv(309, 22))

R("haiku", "question", "general", "non-native", None,
  "Short factual question.",
  "In python, is dictionary ordered or not? I read different answers online.")

R("haiku", "question", "web", "plain", None,
  "Short factual question.",
  "What's the difference between localStorage and sessionStorage?")

R("haiku", "question", "tooling", "plain", None,
  "Short factual question about a tool.",
  "What does `npm ci` do differently from `npm install`?")

R("haiku", "question", "databases", "terse", None,
  "Short fact.",
  "does postgres have an auto increment like mysql")

R("haiku", "question", "general", "typos", None,
  "Short factual question.",
  "is java pass by referance or pass by value?? my teacher and youtube say diffrent")


# ---- batch 7: more everyday engineering (sonnet) ----

R("sonnet", "debug", "general", "plain", None,
  "Traceback with identifiable cause.",
  "My report script fails on the new data. Here's the traceback. I think some rows don't have a score but I'm not sure where to handle it best.\n\n" + gen_py_trace(400, "TypeError: unsupported operand type(s) for +=: 'int' and 'str'", 5))

R("sonnet", "debug", "general", "non-native", None,
  "Traceback with identifiable cause (file encoding).",
  "Script work on my Mac but on Windows laptop of my colleague this happen. Why?\n\n" + gen_py_trace(401, "UnicodeDecodeError: 'charmap' codec can't decode byte 0x9d in position 2231: character maps to <undefined>", 4))

R("sonnet", "implement", "data", "plain", None,
  "Data task with a clear spec (grouping and reporting).",
  "From this CSV, write a Python script that produces one row per student per course with: number of assignments submitted, average score (ignore empty), and a 'late' flag if any submission is after the 15th of its month. Output as CSV sorted by course then name.\n\n" + gen_grades_csv(402, 40))

R("sonnet", "review", "general", "plain", None,
  "TB10: diff review for correctness and style.",
  "Review this change. The author says it 'just makes averages safer'. Is that true for every call site? Anything that changes behaviour for existing users?\n\n" + gen_diff(403, 5, "grading/averages.py"))

R("sonnet", "refactor", "general", "verbose", None,
  "Refactor a module into a class with tests kept passing.",
  "I'm a researcher, not a software engineer, and this file of helpers has grown out of control. I'd like to turn the loose functions into one small class (or two) so the data directory and pass mark aren't globals anymore, but I don't want to break the notebooks that import these functions. Could you propose the refactor and show the new code, keeping thin wrapper functions for backwards compatibility?\n\n" + gen_py_module(404, 7, "lab_grades"))

R("sonnet", "explain", "web", "plain", None,
  "Explain a JS module of dozens of lines.",
  "Walk me through what this frontend file does, in the order things happen when the page loads. I'm a backend person helping on the frontend for a week.\n\n" + gen_js_module(405, 7))

R("sonnet", "test", "web", "plain", None,
  "Writing tests for existing JS code.",
  "Write Jest tests for the validate* and debounce* functions in this file. Use fake timers for debounce.\n\n" + gen_js_module(406, 8))

R("sonnet", "debug", "infrastructure", "typos", None,
  "Logs with an obvious lead (redis timeouts).",
  "getting lots of errors on the api since we moved redis to a new instance, logs below. is it the redis config or our code??\n\n" + gen_app_log(407, 60, "orders-api", "redis: i/o timeout"))

R("sonnet", "implement", "databases", "plain", None,
  "Several queries against a shown schema.",
  "Write a view over this schema that shows, for each course, the number of enrolled students and the number of submissions in the last 7 days. Then an index that would help it.\n\n" + gen_sql_dump(408, 5, 2))

R("sonnet", "refactor", "systems", "plain", None,
  "Refactor duplicated C functions into one.",
  "This file has several copy-pasted push/drain/new/free functions with suffixes. Refactor it to one of each, keep the API the code uses today (ring_new_0 etc.) as thin wrappers, and fix the bugs you notice while you're there, listing them.\n\n" + gen_c_file(409, 6))

R("sonnet", "explain", "general", "non-native", None,
  "TB7: subtle behaviour of small Python code (is vs ==, small int caching).",
  """Why first is True and second is False? Python is crazy

a = 256
b = 256
print(a is b)
a = 257
b = 257
print(a is b)

(in the python shell, in script both True??)""")

R("sonnet", "explain", "web", "plain", None,
  "TB7: subtle `this` binding in small JS code.",
  """Why does this print undefined?

const user = {
  name: 'Ana',
  greetLater() {
    setTimeout(function () {
      console.log('hi ' + this.name);
    }, 100);
  },
};
user.greetLater();""")

R("sonnet", "explain", "general", "typos", None,
  "TB7: subtle aliasing of nested lists.",
  """made a 3x3 grid for tic tac toe and when i set one cell the whole column changes??

board = [[' '] * 3] * 3
board[0][0] = 'X'
print(board)""")

R("sonnet", "explain", "systems", "plain", None,
  "TB7: integer overflow/promotion subtlety in C.",
  """Why does this print 0 on my machine?

#include <stdio.h>
int main(void) {
    unsigned char a = 200, b = 100;
    unsigned char c = a + b;
    int d = a + b;
    printf("%d %d\\n", c, d > 255 ? 0 : 1);
}

I expected 300 and 1. I get 44 and 0.""")

R("sonnet", "explain", "general", "non-native", None,
  "TB7: Java string comparison surprise.",
  """why this print "different"? strings are same

String a = "hello";
String b = new String("hello");
if (a == b) System.out.println("same");
else System.out.println("different");""")

R("sonnet", "explain", "systems", "plain", None,
  "TB7: Go slice aliasing surprise.",
  """Why does modifying b change a here?

a := []int{1, 2, 3, 4}
b := a[:2]
b = append(b, 99)
fmt.Println(a) // [1 2 99 4]""")

R("sonnet", "explain", "web", "typos", None,
  "TB7: JS var hoisting / closure in loop with setTimeout.",
  """for (var i = 0; i < 3; i++) { setTimeout(() => console.log(i), 0) }
prints 3 3 3 but with let prints 0 1 2. why does let fix it, whats actually diffrent""")

R("sonnet", "explain", "systems", "verbose", None,
  "TB7: borrow checker rejects a small loop; reason is subtle.",
  """I'm porting a small Python script to Rust to learn, and I'm stuck on this. I want to remove students with low scores while iterating. In Python I'd just build a new list, but I thought in Rust I could do it in place. Why does the compiler say no, and what's the idiomatic way?

let mut scores = vec![55, 80, 42, 91];
for (i, s) in scores.iter().enumerate() {
    if *s < 60 {
        scores.remove(i);
    }
}

error[E0502]: cannot borrow `scores` as mutable because it is also borrowed as immutable""")

R("sonnet", "explain", "general", "plain", None,
  "TB7: floating point sum order surprise.",
  """Why do these give different results?

import math
xs = [1e16, 1.0, -1e16]
print(sum(xs))        # 0.0
print(math.fsum(xs))  # 1.0""")

R("sonnet", "explain", "web", "non-native", None,
  "TB7: async ordering with await in a loop vs Promise.all.",
  """this code take 3 seconds but my friend version take 1 second. why? both use await

// mine
for (const id of [1, 2, 3]) {
  const r = await fetchSlow(id); // each takes 1s
  results.push(r);
}

// friend
const results2 = await Promise.all([1, 2, 3].map(fetchSlow));""")

R("sonnet", "implement", "web", "plain", None,
  "API integration with clear steps.",
  "Integrate Stripe Checkout into my Express app: an endpoint that creates a checkout session for a course (price from our DB), the success and cancel pages, and a webhook endpoint that marks the enrollment as paid. Verify the webhook signature.")

R("sonnet", "implement", "general", "non-native", None,
  "Homework algorithm with clear spec.",
  "Homework: implement quicksort in Python with Lomuto partition, then modify to use median-of-three pivot. Show both and explain why median-of-three helps on sorted input. Please include a small test with random lists compare to sorted().")

R("sonnet", "implement", "general", "typos", None,
  "Homework: trie implementation with clear ops.",
  "implement a trie in java with insert, search, startsWith and also a method that returns all words with a given prefix. its for my DSA course, please comments")

R("sonnet", "implement", "general", "plain", None,
  "Homework: dynamic programming with clear spec.",
  "Knapsack homework: given weights, values and capacity, return the max value AND which items were chosen. Write the bottom-up DP in Python and explain how the reconstruction step walks the table backwards.")

R("sonnet", "implement", "general", "verbose", None,
  "Homework: sudoku solver, standard backtracking.",
  "For our programming fundamentals final we have to write a Sudoku solver in C++. The input is 9 lines of 9 characters with '.' for empty. Backtracking is fine, but the teacher gives bonus points if it solves the 'hard' puzzles in under a second, so maybe add the 'pick the cell with fewest options' trick. Please explain the code so I can defend it in the oral exam.")

R("sonnet", "implement", "general", "non-native", None,
  "Homework: union-find with clear ops.",
  "please implement union-find (disjoint set) in C with path compression and union by rank, and use it to count number of connected components in a graph given as edge list. for my university lab.")

R("sonnet", "implement", "general", "plain", None,
  "Homework: matrix spiral order with edge cases.",
  "Write a function that returns the elements of an m x n matrix in spiral order. Python. Handle 1-row, 1-column and empty matrices, and show me the test cases.")

R("sonnet", "implement", "data", "plain", None,
  "Small ML pipeline with clear spec.",
  "Using scikit-learn, build a pipeline for the Titanic dataset: impute missing ages with the median, one-hot encode sex and embarked, scale numeric columns, logistic regression, 5-fold cross-validation. Print mean accuracy. Explain each step briefly.")

R("sonnet", "debug", "ml", "non-native", None,
  "Shape error with clear cause.",
  """PyTorch error when train my first CNN, I don't understand the shapes:

RuntimeError: mat1 and mat2 shapes cannot be multiplied (64x2304 and 1024x10)

self.conv1 = nn.Conv2d(1, 16, 3)
self.conv2 = nn.Conv2d(16, 16, 3)
self.pool = nn.MaxPool2d(2)
self.fc = nn.Linear(1024, 10)

def forward(self, x):   # x is 64x1x28x28
    x = self.pool(F.relu(self.conv1(x)))
    x = self.pool(F.relu(self.conv2(x)))
    x = x.view(x.size(0), -1)
    return self.fc(x)""")

R("sonnet", "debug", "web", "plain", None,
  "React infinite re-render with clear cause.",
  """My component keeps re-rendering forever and the network tab is full of requests. Why?

function Courses({ filter }) {
  const [courses, setCourses] = useState([]);
  const params = { level: filter, sort: 'name' };
  useEffect(() => {
    fetch('/api/courses?' + new URLSearchParams(params)).then(r => r.json()).then(setCourses);
  }, [params]);
  return <List items={courses} />;
}""")

R("sonnet", "debug", "databases", "typos", None,
  "SQL gives wrong counts due to join fan-out (identifiable cause).",
  """my query gives wrong totals, numbers are way too big. postgres

SELECT c.name, COUNT(e.id) AS students, SUM(p.amount) AS revenue
FROM courses c
JOIN enrollments e ON e.course_id = c.id
JOIN payments p ON p.course_id = c.id
GROUP BY c.name;

revenue is like 30x more than real""")

R("sonnet", "debug", "tooling", "non-native", None,
  "Git state confusion with clear resolution steps.",
  "I did git pull and now it say 'You have divergent branches and need to specify how to reconcile them'. I am scared to lose my work. What happen and what is safe steps?")

R("sonnet", "debug", "web", "plain", None,
  "Django migration error with clear cause.",
  """After adding a field I get this on migrate:

django.db.utils.IntegrityError: column "slug" of relation "courses_course" contains null values

The field is slug = models.SlugField(unique=True). There are 300 courses in prod. How do I add it properly?""")

R("sonnet", "implement", "databases", "plain", None,
  "Migration with known steps (backfill a unique slug).",
  "Write the Django migrations to add a unique slug to Course in three steps: add nullable field, backfill from title with de-duplication (python-slugify, append -2, -3 on clashes), then make it non-null and unique.")

R("sonnet", "ops", "infrastructure", "plain", None,
  "CI/build config with known steps.",
  "Write a GitLab CI pipeline for our Node app: lint, test with a Postgres service container, build a Docker image and push it to the GitLab registry only on main. Cache node_modules between jobs.")

R("sonnet", "ops", "infrastructure", "non-native", None,
  "Deployment config with known steps.",
  "How to deploy my FastAPI app on a Ubuntu VPS with gunicorn + uvicorn workers, nginx reverse proxy and HTTPS with certbot? Step by step with the config files please, it is my first time.")

R("sonnet", "review", "web", "plain", None,
  "TB10: review a small React component for correctness and style.",
  """Code review please: anything wrong or unidiomatic?

export default function SearchBox({ onSearch }) {
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => onSearch(q), 300);
  }, [q]);
  return <input value={q} onChange={e => setQ(e.target.value)} placeholder="Search courses" />;
}""")

R("sonnet", "review", "general", "non-native", None,
  "TB10: review of homework code for correctness and style.",
  """Please review my code for the homework, the teacher grade also on 'style':

def isPrime(n):
    if n < 2: return False
    for i in range(2, n):
        if n % i == 0:
            return False
            break
    return True

def primes_upto(N):
    L = []
    for x in range(N+1):
        if isPrime(x) == True:
            L.append(x)
    return L""")

R("sonnet", "docs", "general", "plain", None,
  "Writing a README for a small project: several parts, moderate care.",
  "Write a README for my final bootcamp project: a Flask + SQLite app where students can post questions and others answer. Include setup, how to run tests, environment variables (SECRET_KEY, DATABASE_URL), and a short architecture section. Keep it honest, it's a student project.")

R("sonnet", "docs", "web", "non-native", None,
  "Writing API documentation for several endpoints.",
  "Please write OpenAPI 3 yaml for my endpoints: GET /courses (query: level, page), GET /courses/{id}, POST /courses (admin only, body: title, level, price), DELETE /courses/{id}. Use bearer auth.")

R("sonnet", "implement", "mobile", "non-native", None,
  "Mobile feature with clear spec.",
  "In Android Kotlin app, I need to schedule a daily notification at 8pm to remind students to study, and it should still work after phone restart. Please use WorkManager, and explain the permissions for Android 13.")

R("sonnet", "implement", "systems", "plain", None,
  "CLI tool with clear spec in Go.",
  "Write a small Go CLI that takes a directory and prints the 10 largest files with human-readable sizes, skipping hidden directories. Use filepath.WalkDir and add a -n flag for how many to show.")

R("sonnet", "implement", "systems", "typos", None,
  "Rust CLI with clear spec.",
  "rust program that reads a csv of students (name,score) and prints the average, min, max and a histogram with stars per 10 points bucket. use the csv crate and serde. im learning so explain the ownership stuff where it matters")

R("sonnet", "implement", "general", "plain", "hard-words-easy",
  "Scary vocabulary (functor, higher-order) for an everyday implementation.",
  "Implement a higher-order function `compose` in TypeScript that takes any number of unary functions and composes them right-to-left with correct generic types, like a functor pipeline from the Haskell world. Include examples.")

R("sonnet", "implement", "web", "plain", "hard-words-easy",
  "Frightening words (idempotent, exponential backoff with jitter) for an everyday retry helper.",
  "Write an idempotent retry wrapper for fetch in TypeScript with exponential backoff and full jitter, max 5 attempts, retrying only on network errors and 5xx, and respecting Retry-After.")

R("sonnet", "refactor", "general", "plain", "hard-words-easy",
  "Scary pattern names for a routine refactor.",
  "Apply the strategy pattern and dependency inversion to this so I can swap the notifier in tests:\n\nclass Enrolment:\n    def enrol(self, student, course):\n        course.students.append(student)\n        import smtplib\n        s = smtplib.SMTP('localhost')\n        s.sendmail('noreply@school.edu', student.email, f'Welcome to {course.title}')\n        s.quit()")

R("sonnet", "explain", "general", "non-native", None,
  "Explain a non-trivial algorithm implementation.",
  """Please explain how this KMP code works, specially the 'lps' array part. I read wikipedia but still confuse.

def build_lps(p):
    lps = [0] * len(p)
    k = 0
    for i in range(1, len(p)):
        while k and p[i] != p[k]:
            k = lps[k - 1]
        if p[i] == p[k]:
            k += 1
        lps[i] = k
    return lps

def kmp(text, p):
    lps, k, out = build_lps(p), 0, []
    for i, ch in enumerate(text):
        while k and ch != p[k]:
            k = lps[k - 1]
        if ch == p[k]:
            k += 1
        if k == len(p):
            out.append(i - k + 1)
            k = lps[k - 1]
    return out""")

R("sonnet", "explain", "databases", "plain", None,
  "Explain a query plan of moderate size.",
  """Can you explain this EXPLAIN ANALYZE output to me? Why is it doing a seq scan when there's an index on student_id?

Hash Join  (cost=1.09..2415.31 rows=4210 width=48) (actual time=0.041..38.552 rows=4188 loops=1)
  Hash Cond: (s.course_id = c.id)
  ->  Seq Scan on submissions s  (cost=0.00..2301.00 rows=4210 width=40) (actual time=0.011..36.900 rows=4188 loops=1)
        Filter: ((student_id % 10) = 3)
        Rows Removed by Filter: 95812
  ->  Hash  (cost=1.04..1.04 rows=4 width=16) (actual time=0.015..0.016 rows=4 loops=1)
        Buckets: 1024  Batches: 1  Memory Usage: 9kB
        ->  Seq Scan on courses c  (cost=0.00..1.04 rows=4 width=16) (actual time=0.005..0.007 rows=4 loops=1)
Planning Time: 0.210 ms
Execution Time: 38.910 ms""")

R("sonnet", "debug", "systems", "non-native", None,
  "Valgrind report with a clear cause.",
  """valgrind say this, but my program output is correct. is it problem?

==31337== Invalid write of size 1
==31337==    at 0x4C2E1A0: strcpy (vg_replace_strmem.c:510)
==31337==    by 0x40062B: make_name (names.c:12)
==31337==    by 0x400690: main (names.c:25)
==31337==  Address 0x5204045 is 0 bytes after a block of size 5 alloc'd
==31337==    at 0x4C2BBAF: malloc (vg_replace_malloc.c:299)
==31337==    by 0x400614: make_name (names.c:11)

char *make_name(const char *s) {
    char *p = malloc(strlen(s));
    strcpy(p, s);
    return p;
}""")

R("sonnet", "implement", "data", "terse", None,
  "Small script with a few steps.",
  "python: merge 30 csv files in a folder with same header into one, add a column with source filename")

R("sonnet", "implement", "web", "terse", None,
  "Small feature with clear spec.",
  "express middleware that rate limits by ip, 100 req per 15 min, in memory, return 429 with retry-after")

R("sonnet", "test", "general", "typos", None,
  "Writing tests for existing code.",
  """write unittest tests (not pytest, teacher wants unittest) for this:

class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
    def pop(self):
        if not self._items:
            raise IndexError('pop from empty stack')
        return self._items.pop()
    def peek(self):
        return self._items[-1] if self._items else None
    def __len__(self):
        return len(self._items)""")

R("sonnet", "test", "systems", "plain", None,
  "Tests for existing Go code.",
  """Write table-driven Go tests for this function, including invalid inputs:

func ParseGrade(s string) (int, error) {
    s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
    n, err := strconv.Atoi(s)
    if err != nil {
        return 0, fmt.Errorf("not a number: %q", s)
    }
    if n < 0 || n > 100 {
        return 0, fmt.Errorf("out of range: %d", n)
    }
    return n, nil
}""")

R("sonnet", "debug", "web", "other-language", None,
  "TB9: JWT expiry bug with clear cause, asked in Chinese.",
  "我用 jsonwebtoken 生成 token，设置了 expiresIn: 3600，但是前端判断过期的时候，用 payload.exp < Date.now() 总是判断没过期，一个月后还能用。哪里写错了？",
  language="zh")

R("sonnet", "implement", "databases", "other-language", None,
  "TB9: SQL with joins and grouping (sonnet), Hinglish.",
  "Mere paas teen tables hain: students, courses, enrollments. Har course ke liye students ki count aur un courses ki list chahiye jisme koi bhi student enroll nahi hai. Postgres mein ek query ya do queries, explain bhi karna.",
  language="hi")


# ---- batch 8: more opus, minimal pairs, traps ----

_pair_c = gen_c_file(500, 5)
R("haiku", "question", "systems", "plain", None,
  "Minimal pair (cheap side): one glance-checkable fact from the pasted file.",
  "What's the value of RING_CAP in this file?\n\n" + _pair_c)
R("opus", "review", "systems", "plain", None,
  "Minimal pair (hard side): thread-safety review of the same file, drain is unlocked (TB10).",
  "Producers call ring_push_* from several threads and a logger thread calls ring_drain_* every 100ms. Is this file thread-safe? Go through every interleaving that matters and tell me which fields can be torn or read stale, then propose a fix that doesn't hold the lock while writing to the FILE.\n\n" + _pair_c)

_pair_log = gen_app_log(501, 80, "orders-api", "upstream payments-svc timed out after 5000ms")
R("haiku", "question", "infrastructure", "terse", None,
  "Minimal pair (cheap side): count lines.",
  "how many ERROR lines\n\n" + _pair_log)
R("opus", "design", "infrastructure", "plain", None,
  "Minimal pair (hard side): design resilience for the failing dependency shown in the same log.",
  "These timeouts to payments-svc happen a few times a day. When they do, some customers get charged but their order shows as failed, and some retry and get charged twice. Design how orders-api should call payments so that a timeout never leads to a double charge or a lost order: timeouts, retries, idempotency keys, reconciliation, and what the user sees.\n\n" + _pair_log)

_pair_py = gen_py_module(502, 6, "enrolment")
R("haiku", "edit", "general", "non-native", None,
  "Minimal pair (cheap side): mechanical edit on pasted code.",
  "please change PASS_MARK from 60 to 50, only that\n\n" + _pair_py)
R("opus", "review", "security", "non-native", None,
  "Minimal pair (hard side): security review of the same code (SQL built from field names) (TB10).",
  "Same file. Our web form passes request fields directly as **fields into the update functions of the Store classes. Please do a security review: what can an attacker do, how bad is it, and how to fix it properly so it's safe for any field name.\n\n" + _pair_py)

R("opus", "question", "systems", "terse", "short-hard",
  "TB3: short but requires linearizability reasoning.",
  "is this queue linearizable if two pushes race? how do i even prove that")

R("opus", "design", "databases", "terse", "short-hard",
  "TB3: short, distributed counter with consistency trade-offs.",
  "like counter for 10M posts, accurate, fast, cheap. pick 2? design it")

R("opus", "implement", "general", "terse", "short-hard",
  "TB3: short, novel algorithmic work with proof.",
  "median of two sorted arrays in O(log(min(m,n))), prove why the binary search is correct")

R("opus", "question", "security", "terse", "short-hard",
  "TB3: short, subtle crypto misuse analysis.",
  "we reuse the AES-GCM nonce sometimes. how bad")

R("opus", "debug", "systems", "terse", "short-hard",
  "TB3: short, heisenbug with no lead.",
  "test passes alone, fails only when run with -race and -count=50. where do i start")

R("opus", "design", "web", "terse", "short-hard",
  "TB3: short, collaborative editing design (CRDT/OT).",
  "google docs style collab editing for our notes app. crdt or ot, and why")

R("opus", "question", "general", "terse", "short-hard",
  "TB3: short, formal proof.",
  "prove the halting problem is undecidable, properly")

R("opus", "explain", "systems", "terse", "short-hard",
  "TB3: memory-ordering semantics in a few words.",
  "when is memory_order_consume actually different from acquire")

R("opus", "debug", "web", "plain", "easy-words-hard",
  "TB6: plain words, intermittent data loss across a system, no lead.",
  "Sometimes when two teachers edit the same quiz at the same time, one person's changes disappear. Not always. It's a normal web app with a Postgres database. What's probably going on and how should we fix it so nobody loses work?")

R("opus", "plan", "general", "plain", "easy-words-hard",
  "TB6: plain words, a large multi-step plan across a codebase.",
  "We have one big repository with the website, the mobile API and the admin tools all mixed together. New people take weeks to understand it. Propose how to split it up, in what order, and how to do it without stopping feature work for months.")

R("opus", "design", "general", "non-native", "easy-words-hard",
  "Plain words hide a recovery protocol design (TB6).",
  "Our app save the exam answers of students every 30 seconds. If server or laptop crash in the middle, how to make sure we never lose the answers and also never save old answer on top of newer one? Please design how it should work.")

R("opus", "debug", "systems", "plain", "easy-words-hard",
  "TB6: plain words, slow leak under load with no lead.",
  "Our Go service's memory goes up slowly over about three days until Kubernetes kills it. Restarting fixes it for three days. It doesn't happen on staging, which has less traffic. How would you find this?")

R("opus", "question", "general", "typos", "easy-words-hard",
  "Plain question requiring a lower-bound proof.",
  "why cant any sorting that only compares things be faster than n log n?? my friend says he made one thats faster. how do i show him hes wrong properly")

R("opus", "design", "data", "plain", "easy-words-hard",
  "Plain words, open design of a data pipeline with correctness guarantees.",
  "We get attendance data from 200 schools as files every night, sometimes late, sometimes twice, sometimes with corrections for last week. How should we build the import so the numbers in the dashboard are always right and we can explain any number to a principal?")

R("opus", "explain", "general", "plain", "easy-words-hard",
  "Plain words, but asks why an algorithm is correct (loop invariant proof).",
  "Why does the Boyer-Moore majority vote algorithm work? It looks like magic to me: just a counter and one candidate. Convince me it can't be fooled.")

R("opus", "question", "databases", "plain", "easy-words-hard",
  "Plain words hide a consistency/isolation question with subtle failure modes.",
  "If I read a student's balance, check it's enough, and then subtract the course price, all inside one transaction, is that always safe when two purchases happen at once? Our Postgres is on the default settings.")

R("opus", "implement", "systems", "plain", None,
  "Implementing a concurrent structure with a correctness argument (opus).",
  "Write a thread-safe LRU cache in C++ that many threads can read at the same time. A single global mutex is too slow for us (we measured). Explain your locking scheme, why it's free of deadlocks, and what consistency a reader gets while a writer is evicting.")

R("opus", "explain", "systems", "verbose", None,
  "TB7: unsafe code and aliasing: explaining why a pattern is UB.",
  """I'm doing Advent of Code in Rust to learn it, and to get around the borrow checker I wrote this helper that gives me two mutable references into the same Vec. It works and the answers are right. Someone on Discord said it's UB and that 'it working is the worst possible outcome'. Can you explain exactly what rule it breaks, what the compiler might do because of it, when it's actually fine (i != j?), and what the safe way is?

fn two_mut<T>(v: &mut Vec<T>, i: usize, j: usize) -> (&mut T, &mut T) {
    let p = v.as_mut_ptr();
    unsafe { (&mut *p.add(i), &mut *p.add(j)) }
}""")

R("opus", "review", "systems", "non-native", None,
  "TB10: review of concurrent Go code (channels and shared map).",
  """please review this worker pool from my team. sometimes program panic 'concurrent map writes', sometimes hang forever at the end. I want to understand all the problems not only the panic.

func crawl(urls []string) map[string]int {
    results := map[string]int{}
    jobs := make(chan string)
    var wg sync.WaitGroup
    for i := 0; i < 8; i++ {
        go func() {
            for u := range jobs {
                wg.Add(1)
                n, err := fetchSize(u)
                if err == nil {
                    results[u] = n
                }
                wg.Done()
            }
        }()
    }
    for _, u := range urls {
        jobs <- u
    }
    wg.Wait()
    return results
}""")

R("opus", "debug", "databases", "plain", None,
  "Deadlock reasoning across transactions (opus).",
  """We keep getting 'deadlock detected' from Postgres a few times an hour. The two transactions involved are below. I don't see how they can deadlock; they touch the same tables in the same order. Explain the lock sequence and how to fix it for good.

-- tx A (enroll)
BEGIN;
UPDATE courses SET seats_left = seats_left - 1 WHERE id = $1;
INSERT INTO enrollments (student_id, course_id) VALUES ($2, $1);
COMMIT;

-- tx B (transfer student between courses)
BEGIN;
UPDATE courses SET seats_left = seats_left + 1 WHERE id = $old;
UPDATE courses SET seats_left = seats_left - 1 WHERE id = $new;
UPDATE enrollments SET course_id = $new WHERE student_id = $s AND course_id = $old;
COMMIT;""")

R("opus", "design", "ml", "plain", None,
  "Open design with trade-offs for an ML system.",
  "We want to auto-grade short-answer questions for 50,000 students with an LLM. Design the system: how to get consistent grades, how to detect when it's wrong, how teachers override, how to stop students from prompt-injecting the grader in their answers, and how to keep cost under control.")

R("opus", "question", "security", "plain", None,
  "Security design decision with subtle consequences.",
  "For our student app, should we store sessions as JWTs in localStorage or as httpOnly cookies with server-side sessions? Consider XSS, CSRF, logout-everywhere, and mobile clients. I need a justified recommendation, not just pros and cons.")

R("opus", "debug", "systems", "verbose", None,
  "Performance cliff requiring analysis (false sharing).",
  """For my parallel computing course, I wrote a program where 8 threads each count primes in their own range and store the count in counts[thread_id]. With 1 thread it takes 4 seconds; with 8 threads on an 8-core machine it takes 6 seconds. Nothing is locked, so there shouldn't be contention. I'd like to understand what's going on at the hardware level, how to prove it with perf, and how to fix it.

long counts[8];

void *worker(void *arg) {
    int id = *(int *)arg;
    for (long n = start(id); n < end(id); n++)
        if (is_prime(n)) counts[id]++;
    return NULL;
}""")

R("opus", "plan", "infrastructure", "non-native", None,
  "Large migration plan with high stakes.",
  "Company want to move from one big EC2 server (app + MySQL + cron + file uploads all in one) to Kubernetes in 3 months. I am the only DevOps and it's my first job. Please give me a realistic plan with order of steps, what to do with database and files, how to test, and how to switch without downtime. Also what I should push back on.")

R("opus", "design", "systems", "plain", None,
  "Design of a consensus-dependent system (leader election with leases).",
  "We have 3 instances of a scheduler that sends reminder emails. Only one should send at a time or students get duplicates. Someone suggested 'just use a Redis lock with a TTL'. Explain what can go wrong with that (GC pauses, clock drift, network partitions), and design something that actually guarantees no duplicate emails, or explain why that's impossible and what we can guarantee instead.")

R("opus", "implement", "general", "non-native", None,
  "Algorithm design with proof for a novel constraint.",
  "For my thesis I need scheduling of exams: 300 exams, 40 rooms, students can't have two exams at same time or more than two in one day. I tried graph coloring greedy but results bad. Please propose an algorithm (maybe ILP or local search), explain why it will find good solutions, and how to know how far from optimal we are.")

R("opus", "review", "security", "plain", None,
  "TB10: security review of a password reset flow.",
  """Please do a security review of our password reset flow:

1. User enters email. We generate token = md5(email + current_unix_time) and email a link /reset?email=...&token=...
2. Link is valid for 24h. We check md5(email + t) for every t in the last 24h to validate.
3. On success we set the new password and log the user in.
4. We show "no account with that email" if the email doesn't exist.""")

R("opus", "explain", "systems", "non-native", None,
  "TB7: semantics of a concurrent algorithm (Go happens-before with channels).",
  """In Go memory model it say 'the kth receive on a channel with capacity C is synchronized before the completion of the k+Cth send'. What this mean in practice? Why this rule allow buffered channel to be used as semaphore? Please explain with this example and why 'limit' works correctly.

var limit = make(chan struct{}, 3)

func main() {
    for _, w := range work {
        go func(w func()) {
            limit <- struct{}{}
            w()
            <-limit
        }(w)
    }
    select {}
}""")

R("opus", "debug", "web", "non-native", None,
  "TB6: production issue across components with no clear lead.",
  "Our website sometimes shows old prices after admin update the price, sometimes for 5 minutes, sometimes for hours, and only for some users. We have Cloudflare, nginx cache, Redis cache in Laravel, and the browser. How to find which layer is guilty and design invalidation that actually works?")

R("opus", "design", "general", "plain", None,
  "Choosing between designs with justification.",
  "For our online judge (students submit code, we run it against tests), should we sandbox with Docker containers, gVisor, Firecracker microVMs or seccomp + namespaces directly? We run untrusted C, Python and Java. Explain what attack each one actually stops and recommend one for a small team.")

R("opus", "explain", "general", "plain", None,
  "Proof of correctness / formal reasoning.",
  "Can you show, with a loop invariant, that this binary search returns the first index whose value is >= target, for every sorted input including duplicates and an empty list? I want the invariant, the proof it's maintained, and why it terminates.\n\ndef lower_bound(a, t):\n    lo, hi = 0, len(a)\n    while lo < hi:\n        mid = (lo + hi) // 2\n        if a[mid] < t:\n            lo = mid + 1\n        else:\n            hi = mid\n    return lo")

R("opus", "debug", "mobile", "plain", None,
  "TB6: intermittent crash across threads in a mobile app, no lead.",
  "Our iOS app crashes for about 0.3% of sessions with EXC_BAD_ACCESS in different places, mostly right after the app comes back from background. We use Core Data on a background context and a custom image cache. Crash reports don't point to one line. How would you narrow this down?")

R("opus", "design", "security", "non-native", None,
  "Cryptography design where subtle mistakes are vulnerabilities.",
  "We need end-to-end encrypted chat between tutor and student in our app, server must not read messages. Please design the key exchange and message encryption, how new devices get keys, and what happen if a phone is stolen. I know only basics of crypto.")

R("opus", "question", "systems", "plain", None,
  "Performance analysis needing reasoning about complexity and cache behaviour.",
  "Our hash table in C gets really slow once it's about 70% full, much more than I expected from the textbook formula. It uses linear probing and the hash is `key % capacity` with capacity a power of two, and keys are student IDs like 20230001, 20230002... Explain quantitatively what's happening and what to change.")

R("opus", "review", "systems", "plain", None,
  "TB10: review of unsafe Rust code for soundness.",
  """Please review this for soundness. It's meant to be a tiny arena allocator for our parser.

pub struct Arena { buf: Vec<u8>, used: Cell<usize> }

impl Arena {
    pub fn alloc<T>(&self, val: T) -> &mut T {
        let size = std::mem::size_of::<T>();
        let start = self.used.get();
        assert!(start + size <= self.buf.len());
        self.used.set(start + size);
        unsafe {
            let p = self.buf.as_ptr().add(start) as *mut T;
            p.write(val);
            &mut *p
        }
    }
}""")

R("opus", "plan", "web", "typos", None,
  "Large multi-step migration plan.",
  "we need to move our whole react app from class components + redux to hooks + react query. its like 400 components. how do we plan this so we dont break everything and can still ship features. what order, what to test, when to delete redux")

R("opus", "design", "infrastructure", "plain", None,
  "Open design with trade-offs.",
  "Design the backup and disaster recovery for our school management system: Postgres, uploaded files in S3, and Redis for sessions. Targets: lose at most 5 minutes of data, be back within 1 hour. Include how we'd test the restore regularly and what we'd do if the backups themselves were deleted by an attacker.")

R("opus", "explain", "systems", "plain", "easy-words-hard",
  "Plain words, but the answer is about memory-model semantics.",
  "If one thread sets a plain boolean to true and another thread loops until it sees true, is it guaranteed to ever see it? In Java, in C++, and in Go? Why do the answers differ?")

R("opus", "debug", "systems", "non-native", None,
  "TB6: heisenbug across the stack.",
  "Our Python program use multiprocessing with fork, and it hang randomly at start maybe 1 of 50 times, only on Linux, never on Mac. When hang, py-spy show child stuck in a lock inside logging. We also have a background thread for metrics. Why this happen and what is right fix?")

R("opus", "design", "databases", "plain", None,
  "Schema design for a system with high stakes and concurrency.",
  "Design the tables and the transaction logic for a course marketplace where teachers get paid a share of each sale, refunds can happen up to 30 days later, and payouts happen monthly. It has to stay correct when refunds and payouts run at the same time, and accountants must be able to reconstruct any month.")


# ---- batch 9: final mix ----

R("haiku", "question", "infrastructure", "verbose", "long-trivial",
  "TB5: finding one thing (which request ids failed validation) in a pasted log.",
  "Hi! I'm a support person who's learning to read logs, so sorry if this is a silly question. A customer says their order failed with a 'quantity' problem. Can you just pick out the request ids (the req=... part) of the lines that mention the quantity validation error? I only need the ids, I'll pass them on to the developers.\n\n" + gen_app_log(600, 80, "orders-api", "validation failed: field 'quantity' must be >= 1"))

R("haiku", "question", "general", "verbose", None,
  "Short factual question in a verbose voice.",
  "I've been learning to code for about three months now, mostly Python through free online courses, and I keep seeing people say 'PEP 8' in code reviews on GitHub, like 'this isn't PEP 8'. I'm too embarrassed to ask in the Discord. What is PEP 8 exactly? Is it a rule that the Python interpreter checks?")

R("haiku", "explain", "general", "verbose", None,
  "Short snippet explanation; verbose voice.",
  "I'm a researcher in economics and a colleague left me a notebook. Most of it I follow, but there's one line I don't: `df = df[~df['country'].isin(['XX', 'ZZ'])]`. What does the tilde do there? I'm guessing it's some kind of 'not', but I'd like to be sure before I publish anything based on it.")

R("haiku", "question", "web", "terse", None,
  "Short fact.",
  "what port does https use")

R("haiku", "implement", "databases", "non-native", None,
  "One-table SQL.",
  "SQL for delete all rows in sessions table older than 30 days, column is created_at. postgres.")

R("haiku", "edit", "general", "plain", None,
  "Mechanical reformat of a short snippet.",
  """Reformat this with proper indentation, it got mangled when I copied it:

def grade(score):
if score >= 90:
return 'A'
elif score >= 80:
return 'B'
else:
return 'C'""")

R("haiku", "question", "tooling", "typos", None,
  "Short tooling question.",
  "vscode shortcut to comment multiple lines on mac? i keep forgeting")

R("haiku", "question", "general", "non-native", "hard-words-easy",
  "Scary word, simple definition.",
  "What is 'serialization'? In my Java course they say implement Serializable but never explain what is serialize.")

R("haiku", "question", "systems", "plain", "hard-words-easy",
  "Systems jargon with a short answer.",
  "What does 'zero-copy' mean when people talk about Kafka or sendfile? Just the basic idea.")

R("haiku", "question", "general", "other-language", "hard-words-easy",
  "TB9: Arabic question about a jargon word; short answer.",
  "ما معنى \"Big O notation\"؟ وهل O(n) أسرع من O(n log n) دائماً؟ جواب قصير من فضلك.",
  language="ar")

R("haiku", "explain", "general", "other-language", None,
  "TB9: short snippet explanation in Indonesian.",
  """Ini maksudnya apa ya? Ketemu di kode temen.

result = "genap" if n % 2 == 0 else "ganjil" """,
  language="id")

R("sonnet", "debug", "general", "follow-up", None,
  "TB8: points back only; unknown work is sonnet.",
  "still failing on the test with the empty input, same assertion as before. can you look again")

R("sonnet", "refactor", "web", "follow-up", None,
  "TB8: 'same for the other components' is everyday multi-file work.",
  "perfect. now do the same conversion for the CourseList and LessonView components")

R("sonnet", "explain", "general", "verbose", None,
  "Explain a medium module to a researcher (sonnet).",
  "I'm a social science PhD student and our lab's data-cleaning helpers were written by a previous RA. Before I run them on my survey data I'd like to understand what each function really does, especially what happens to rows with missing or non-numeric scores (are they dropped, zeroed, or something else?). Could you go through it?\n\n" + gen_py_module(601, 6, "survey_clean"))

R("sonnet", "debug", "web", "verbose", None,
  "Debugging with a trace pointing at the cause (sonnet per TB2).",
  "I'm a junior backend developer and this error started showing up in our error tracker after we added the new 'notify on enrolment' feature. It doesn't happen for every student. I believe students who signed up through the old import script don't have a Student row linked, but I'm not sure where the null comes from in this chain. Can you help me trace it and suggest a fix that also covers the old imported accounts?\n\n" + gen_java_trace(602, depth=22))

R("sonnet", "implement", "data", "non-native", None,
  "Script with clear spec over pasted data.",
  "From this orders csv, I need small Python script to convert all prices to USD using fixed rates (EUR 1.08, IDR 0.000064, INR 0.012) and then total per customer. Output to new CSV. Please explain.\n\n" + gen_orders_csv(603, 40))

R("sonnet", "review", "databases", "plain", None,
  "TB10: review of a schema for correctness and design smells.",
  "Review this schema for our LMS: missing indexes, missing foreign keys, questionable types (e.g. money, dates), anything that will hurt us later.\n\n" + gen_sql_dump(604, 6, 2))

R("sonnet", "explain", "web", "plain", None,
  "Explain nginx access log patterns (moderate analysis with clear steps).",
  "Can you explain what's going on in this access log? Which endpoints get the most errors, whether there's a client hammering us, and what the 502s probably mean.\n\n" + gen_nginx_log(605, 40))

R("opus", "debug", "infrastructure", "non-native", None,
  "TB6: intermittent failures across components; logs give no clear lead.",
  "These logs is from the time of the incident. Users say checkout 'sometimes spin forever' but we see only few errors and different kinds. Nobody in team can explain. Please help to build theory what happening across the app, database pool and redis, and tell what more data we must collect next time.\n\n" + gen_app_log(606, 75))

R("opus", "review", "systems", "plain", None,
  "TB10: review of concurrent C code with a memory-safety bug class.",
  "We're about to ship this logger on a robot that runs for weeks without restart. Review it as if a crash costs us a field trip: concurrency, integer wrap-around of head/tail over weeks, buffer overflows, lifetime of the ring. Rank the issues by how likely they are to bite us.\n\n" + gen_c_file(607, 6))

R("opus", "design", "general", "verbose", "easy-words-hard",
  "TB6: plain words, open design for offline sync with conflicts.",
  "I volunteer for a small NGO that runs after-school classes in villages with bad internet. Teachers record attendance on cheap Android tablets that are offline for days, and sometimes two teachers record the same class. When they get back to town the tablets sync to our server. We keep getting wrong totals and duplicate students. How should the syncing work so the numbers are right, and what should happen when two teachers disagree?")

R("opus", "explain", "systems", "other-language", None,
  "TB9 + TB7: unsafe code semantics (Rust Pin and self-referential structs), Hinglish.",
  "Rust mein Pin ka concept samajh nahi aa raha. Self-referential struct ko move karne se kya exactly toot jaata hai, aur async fn ke futures ko Pin kyun chahiye? Unsafe code mein Pin::new_unchecked kab sound hai aur kab UB? Thoda deep mein samjhao please.",
  language="hi")

R("opus", "question", "security", "other-language", None,
  "TB9: cryptography question where subtle mistakes are vulnerabilities.",
  "我们的小程序用 Math.random() 生成密码重置的验证码，6 位数字，有效期 30 分钟，不限制尝试次数。我觉得不安全但说不清楚具体风险。请分析攻击者能怎么利用（包括预测随机数和暴力破解），并给出正确的设计。",
  language="zh")

R("opus", "debug", "systems", "other-language", "easy-words-hard",
  "TB6 + TB9: plain words describing a rare stall nobody can reproduce.",
  "Server game kami (C++) kadang-kadang berhenti total selama 2-3 detik, semua pemain ngelag bareng, terus normal lagi. Terjadi mungkin sekali sehari, nggak ada pola yang jelas, dan nggak pernah kejadian di server testing. Gimana cara nyari penyebabnya?",
  language="id")

R("opus", "implement", "systems", "plain", None,
  "Implementing lock-free code with a correctness argument.",
  "Implement a lock-free stack in C11 atomics with a tagged pointer to avoid ABA, and explain for each atomic operation which memory order you chose and why a weaker one would be wrong.")

R("haiku", "question", "general", "plain", None,
  "Short conceptual question.",
  "What's the difference between a compiler and an interpreter, in two sentences?")


if __name__ == "__main__":
    with open("w19.jsonl", "w", encoding="utf-8") as f:
        for i, row in enumerate(ROWS, 1):
            f.write(json.dumps({"id": f"w19-{i:04d}", **row}, ensure_ascii=False) + "\n")
