#!/usr/bin/env python3
"""Writer w20: a multinational team of developers who mostly do not write in English (es, fr, de, pt, it,
pl, ru, uk, tr, zh, ja, ko, vi) plus non-native English; all domains, all tiers, traps in every language.
Run `python3 w20.py` to write w20.jsonl deterministically."""
import json, random

ROWS = []

def R(label, category, domain, voice, trap, rationale, prompt, language="en"):
    ROWS.append({"prompt": prompt, "label": label, "rationale": rationale, "category": category,
                 "domain": domain, "voice": voice, "language": language, "trap": trap})

# ---------------------------------------------------------------- material generators (seeded)

def _ts(rng, day=14, month="03", year=2025):
    return f"{year}-{month}-{day:02d}T{rng.randint(0,23):02d}:{rng.randint(0,59):02d}:{rng.randint(0,59):02d}.{rng.randint(0,999):03d}Z"

def nginx_log(n, seed):
    rng = random.Random(seed)
    paths = ["/api/v2/orders", "/api/v2/orders/{id}", "/api/v2/cart", "/static/js/app.{h}.js", "/healthz",
             "/api/v2/users/me", "/api/v2/search?q=botas", "/login", "/api/v2/payments/intent", "/favicon.ico",
             "/api/v2/products/{id}/reviews", "/sitemap.xml"]
    uas = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/122.0 Safari/537.36",
           "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
           "okhttp/4.12.0", "kube-probe/1.29", "Googlebot/2.1 (+http://www.google.com/bot.html)",
           "python-requests/2.31.0"]
    out = []
    h, m, s = 9, 12, 0
    for i in range(n):
        s += rng.randint(0, 3)
        if s >= 60: s -= 60; m += 1
        if m >= 60: m -= 60; h += 1
        ip = f"{rng.choice([10, 172, 185, 91, 84])}.{rng.randint(0,255)}.{rng.randint(0,255)}.{rng.randint(1,254)}"
        p = rng.choice(paths).replace("{id}", str(rng.randint(1000, 99999))).replace("{h}", "%08x" % rng.getrandbits(32))
        meth = "POST" if "cart" in p or "intent" in p or p == "/login" else "GET"
        st = rng.choices([200, 201, 204, 301, 304, 400, 401, 404, 499, 502, 504], [60, 5, 3, 2, 8, 3, 3, 6, 1, 1, 1])[0]
        out.append(f'{ip} - - [14/Mar/2025:{h:02d}:{m:02d}:{s:02d} +0100] "{meth} {p} HTTP/1.1" {st} '
                   f'{rng.randint(0, 48000)} "-" "{rng.choice(uas)}" rt={rng.random()*1.8:.3f} uct="0.00{rng.randint(0,9)}"')
    return "\n".join(out)

def java_service_log(n, seed, svc="billing-service"):
    rng = random.Random(seed)
    loggers = ["c.a.billing.InvoiceScheduler", "o.h.engine.jdbc.spi.SqlExceptionHelper", "c.a.billing.api.InvoiceController",
               "o.s.k.listener.KafkaMessageListenerContainer", "com.zaxxer.hikari.pool.HikariPool", "c.a.billing.tax.VatCalculator"]
    msgs = ["Processing invoice batch size={n}", "Fetched {n} pending invoices for tenant t-{t}", "Published InvoiceCreated id=inv_{id}",
            "HikariPool-1 - Pool stats (total={n}, active={a}, idle={i}, waiting=0)", "VAT rate resolved country=DE rate=0.19",
            "Committed offsets for partition invoices-{p}", "Request GET /api/invoices/{id} completed in {ms}ms"]
    out = []
    for i in range(n):
        lvl = rng.choices(["INFO", "DEBUG", "WARN"], [70, 25, 5])[0]
        msg = rng.choice(msgs).format(n=rng.randint(1, 500), t=rng.randint(10, 99), id=rng.randint(100000, 999999),
                                      a=rng.randint(0, 10), i=rng.randint(0, 10), p=rng.randint(0, 11), ms=rng.randint(3, 900))
        out.append(f"{_ts(rng)} {lvl:5s} [{svc},{'%016x' % rng.getrandbits(64)}] {rng.randint(1,9)} --- [nio-8080-exec-{rng.randint(1,10)}] {rng.choice(loggers):45s} : {msg}")
    out.sort()
    return "\n".join(out)

def py_traceback_django():
    return """Traceback (most recent call last):
  File "/srv/app/venv/lib/python3.11/site-packages/django/core/handlers/exception.py", line 55, in inner
    response = get_response(request)
  File "/srv/app/venv/lib/python3.11/site-packages/django/core/handlers/base.py", line 197, in _get_response
    response = wrapped_callback(request, *callback_args, **callback_kwargs)
  File "/srv/app/venv/lib/python3.11/site-packages/rest_framework/views.py", line 509, in dispatch
    response = self.handle_exception(exc)
  File "/srv/app/venv/lib/python3.11/site-packages/rest_framework/views.py", line 506, in dispatch
    response = handler(request, *args, **kwargs)
  File "/srv/app/shop/orders/views.py", line 88, in retrieve
    return Response(OrderSerializer(order).data)
  File "/srv/app/venv/lib/python3.11/site-packages/rest_framework/serializers.py", line 555, in data
    ret = super().data
  File "/srv/app/venv/lib/python3.11/site-packages/rest_framework/serializers.py", line 253, in data
    self._data = self.to_representation(self.instance)
  File "/srv/app/venv/lib/python3.11/site-packages/rest_framework/serializers.py", line 522, in to_representation
    ret[field.field_name] = field.to_representation(attribute)
  File "/srv/app/shop/orders/serializers.py", line 41, in get_shipping_label
    return obj.shipment.carrier.label_for(obj.address.country_code)
AttributeError: 'NoneType' object has no attribute 'carrier'"""

def csv_orders(n, seed):
    rng = random.Random(seed)
    cities = ["Madrid", "Lyon", "Köln", "Porto", "Milano", "Kraków", "Kyiv", "İzmir", "Hà Nội", "Osaka", "Busan", "Sevilla"]
    out = ["order_id,created_at,customer_id,city,items,total_eur,status,channel"]
    for i in range(n):
        out.append(f"{500000+i},2025-02-{rng.randint(1,28):02d} {rng.randint(0,23):02d}:{rng.randint(0,59):02d},c{rng.randint(1000,9999)},"
                   f"{rng.choice(cities)},{rng.randint(1,9)},{rng.randint(300,99000)/100:.2f},"
                   f"{rng.choice(['paid','paid','paid','shipped','refunded','cancelled'])},{rng.choice(['web','ios','android','pos'])}")
    return "\n".join(out)

def props_file(n, seed, lang="de"):
    rng = random.Random(seed)
    areas = ["checkout", "cart", "account", "orders", "search", "errors", "nav", "payment", "shipping", "profile"]
    words = {"de": ["Warenkorb", "Bestellung", "Versand", "Zahlung", "Konto", "Suche", "Fehler", "Adresse", "Rechnung", "Rückgabe"],
             "es": ["carrito", "pedido", "envío", "pago", "cuenta", "búsqueda", "error", "dirección", "factura", "devolución"]}[lang]
    verbs = {"de": ["anzeigen", "bearbeiten", "löschen", "speichern", "bestätigen", "abbrechen"],
             "es": ["ver", "editar", "eliminar", "guardar", "confirmar", "cancelar"]}[lang]
    out = [f"# messages_{lang}.properties - generated 2025-01-20", ""]
    for i in range(n):
        a = rng.choice(areas)
        out.append(f"{a}.{rng.choice(['button','label','title','hint','error'])}.{rng.choice(['primary','secondary','empty','invalid','confirm','details'])}{i} = "
                   f"{rng.choice(words)} {rng.choice(verbs)}")
    return "\n".join(out)

def py_module(nfuncs, seed, modname="pricing"):
    rng = random.Random(seed)
    nouns = ["price", "discount", "voucher", "tax", "basket", "line", "currency", "rounding", "shipping", "bundle", "tier", "coupon"]
    out = [f'"""{modname}: helpers for the checkout pipeline."""', "from decimal import Decimal, ROUND_HALF_UP",
           "from dataclasses import dataclass", "from typing import Iterable, Optional", "", "import logging", "",
           "log = logging.getLogger(__name__)", "", ""]
    for i in range(nfuncs):
        a, b = rng.sample(nouns, 2)
        fn = f"{rng.choice(['compute','apply','resolve','normalize','validate','split'])}_{a}_{b}_{i}"
        k = rng.randint(2, 40)
        out += [f"def {fn}({a}: Decimal, {b}: Optional[Decimal] = None, *, strict: bool = False) -> Decimal:",
                f"    if {b} is None:",
                f"        {b} = Decimal(\"{rng.randint(0,99)}.{rng.randint(0,99):02d}\")",
                f"    if strict and {a} < 0:",
                f"        raise ValueError(\"{a} must be non-negative, got %s\" % {a})",
                f"    result = ({a} * Decimal({k}) / Decimal(100)) + {b}",
                f"    log.debug(\"{fn} %s %s -> %s\", {a}, {b}, result)",
                f"    return result.quantize(Decimal(\"0.01\"), rounding=ROUND_HALF_UP)", "", ""]
    return "\n".join(out)

def go_handlers(n, seed):
    rng = random.Random(seed)
    ents = ["Device", "Tenant", "Alert", "Probe", "Route", "Quota", "Webhook", "Token", "Region", "Plan"]
    out = ["package api", "", "import (", '\t"encoding/json"', '\t"net/http"', "", '\t"github.com/go-chi/chi/v5"',
           '\t"github.com/acme/fleet/internal/store"', ")", ""]
    for i in range(n):
        e = rng.choice(ents)
        out += [f"// get{e}{i} returns a single {e.lower()} by id.",
                f"func (h *Handler) get{e}{i}(w http.ResponseWriter, r *http.Request) {{",
                '\tid := chi.URLParam(r, "id")',
                f"\tv, err := h.store.Get{e}(r.Context(), id)",
                "\tif err == store.ErrNotFound {", "\t\thttp.Error(w, \"not found\", http.StatusNotFound)", "\t\treturn", "\t}",
                "\tif err != nil {", f"\t\th.log.Error(\"get{e.lower()} failed\", \"id\", id, \"err\", err)",
                "\t\thttp.Error(w, \"internal\", http.StatusInternalServerError)", "\t\treturn", "\t}",
                '\tw.Header().Set("Content-Type", "application/json")', "\t_ = json.NewEncoder(w).Encode(v)", "}", ""]
    return "\n".join(out)

def k8s_events(n, seed):
    rng = random.Random(seed)
    pods = [f"checkout-api-7d9f{rng.randint(100,999)}-{''.join(rng.choice('abcdefghjkmnpqrstvwxz2456789') for _ in range(5))}" for _ in range(6)]
    reasons = [("Normal", "Scheduled", "Successfully assigned prod/{p} to ip-10-42-{a}-{b}.eu-central-1.compute.internal"),
               ("Normal", "Pulled", "Container image \"registry.acme.io/checkout-api:2.14.{a}\" already present on machine"),
               ("Normal", "Started", "Started container checkout-api"),
               ("Warning", "Unhealthy", "Readiness probe failed: Get \"http://10.42.{a}.{b}:8080/ready\": context deadline exceeded"),
               ("Warning", "BackOff", "Back-off restarting failed container checkout-api in pod {p}"),
               ("Normal", "Killing", "Stopping container checkout-api"),
               ("Warning", "OOMKilled", "Container checkout-api exceeded memory limit (512Mi)")]
    out = ["LAST SEEN   TYPE      REASON      OBJECT                                MESSAGE"]
    for i in range(n):
        t, rsn, msg = rng.choice(reasons)
        p = rng.choice(pods)
        out.append(f"{rng.randint(1,59)}m{'':8s}{t:9s} {rsn:11s} pod/{p:33s} {msg.format(p=p, a=rng.randint(1,250), b=rng.randint(1,250))}")
    return "\n".join(out)

def train_log(epochs, seed):
    rng = random.Random(seed)
    out = []
    loss = 2.31
    for e in range(1, epochs + 1):
        for step in range(0, 1000, 100):
            loss = max(0.05, loss * (0.985 + rng.random() * 0.02))
            out.append(f"[epoch {e:03d} step {step:04d}] loss={loss:.4f} lr={3e-4 * (0.97 ** e):.2e} grad_norm={rng.uniform(0.3, 2.5):.3f} "
                       f"tok/s={rng.randint(41000, 46000)} mem={rng.uniform(21.0, 23.9):.1f}GB")
        out.append(f"[epoch {e:03d}] val_loss={loss * rng.uniform(1.02, 1.15):.4f} val_acc={min(0.99, 0.4 + e * 0.012 + rng.random()*0.01):.4f}")
    return "\n".join(out)

def pg_slowlog(n, seed):
    rng = random.Random(seed)
    qs = ["SELECT * FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 20",
          "UPDATE inventory SET qty = qty - $1 WHERE sku = $2 AND warehouse_id = $3",
          "SELECT o.id, sum(l.amount) FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.created_at > $1 GROUP BY o.id",
          "INSERT INTO audit_events (actor, action, payload) VALUES ($1, $2, $3)",
          "SELECT count(*) FROM sessions WHERE expires_at > now()",
          "DELETE FROM cart_items WHERE cart_id = $1"]
    out = []
    for i in range(n):
        out.append(f"2025-03-14 {rng.randint(0,23):02d}:{rng.randint(0,59):02d}:{rng.randint(0,59):02d}.{rng.randint(0,999):03d} CET "
                   f"[{rng.randint(1000,99999)}] app@shop LOG:  duration: {rng.uniform(200, 9000):.3f} ms  execute <unnamed>: {rng.choice(qs)}")
    return "\n".join(out)

def dmesg(n, seed):
    rng = random.Random(seed)
    msgs = ["EXT4-fs (nvme0n1p2): mounted filesystem with ordered data mode. Quota mode: none.",
            "nvme nvme0: I/O 512 QID 3 timeout, completion polled",
            "e1000e 0000:00:1f.6 eno1: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: None",
            "audit: type=1400 audit: apparmor=\"DENIED\" operation=\"open\" profile=\"snap.firefox\"",
            "TCP: request_sock_TCP: Possible SYN flooding on port 443. Sending cookies.",
            "usb 1-4: new high-speed USB device number 7 using xhci_hcd",
            "kvm: already loaded vendor module 'kvm_intel'",
            "Memory cgroup out of memory: Killed process 23114 (java) total-vm:8123400kB, anon-rss:3900120kB"]
    t = 0.0
    out = []
    for i in range(n):
        t += rng.uniform(0.001, 40)
        out.append(f"[{t:12.6f}] {rng.choice(msgs)}")
    return "\n".join(out)

def ts_components(n, seed):
    rng = random.Random(seed)
    names = ["OrderCard", "PriceTag", "UserAvatar", "CartBadge", "FilterChip", "ReviewStars", "ShippingNote", "PromoBanner"]
    out = ["import React from 'react';", "import { useTranslation } from 'react-i18next';", ""]
    for i in range(n):
        nm = rng.choice(names) + str(i)
        out += [f"type {nm}Props = {{ id: string; title: string; count?: number; onSelect?: (id: string) => void }};", "",
                f"export function {nm}({{ id, title, count = 0, onSelect }}: {nm}Props) {{",
                "  const { t } = useTranslation();",
                "  return (",
                f"    <div className=\"{nm[0].lower() + nm[1:]}\" data-testid=\"{nm.lower()}-{{id}}\" onClick={{() => onSelect?.(id)}}>",
                f"      <span>{{t('{nm.lower()}.title', {{ title }})}}</span>",
                "      {count > 0 && <em>{count}</em>}",
                "    </div>", "  );", "}", ""]
    return "\n".join(out)

def tf_plan(n, seed):
    rng = random.Random(seed)
    out = ["Terraform used the selected providers to generate the following execution plan.", ""]
    for i in range(n):
        kind = rng.choice(["aws_security_group_rule", "aws_iam_role_policy", "aws_s3_bucket", "aws_route53_record", "aws_lb_target_group"])
        act = rng.choice(["+", "~", "~", "-/+"])
        out += [f"  # {kind}.r{i} will be {'created' if act=='+' else 'updated in-place' if act=='~' else 'replaced'}",
                f"  {act} resource \"{kind}\" \"r{i}\" {{",
                f"      + id          = (known after apply)",
                f"      ~ tags        = {{ \"team\" = \"{rng.choice(['pay','core','data','edge'])}\" }}",
                f"        name        = \"prod-{rng.choice(['api','worker','cdn','db'])}-{i}\"", "    }", ""]
    out.append(f"Plan: {n//3} to add, {n//2} to change, {n - n//3 - n//2} to destroy.")
    return "\n".join(out)

def sql_migration(ntables, seed):
    rng = random.Random(seed)
    out = ["-- V42__reporting_schema.sql", "BEGIN;", ""]
    cols = ["tenant_id uuid NOT NULL", "created_at timestamptz NOT NULL DEFAULT now()", "amount_cents bigint NOT NULL",
            "currency char(3) NOT NULL", "status text NOT NULL", "external_ref text", "meta jsonb NOT NULL DEFAULT '{}'"]
    for i in range(ntables):
        t = rng.choice(["fact_payment", "fact_refund", "dim_merchant", "fact_payout", "dim_country", "fact_chargeback"]) + f"_{i}"
        out.append(f"CREATE TABLE {t} (")
        out.append("    id bigserial PRIMARY KEY,")
        cs = rng.sample(cols, rng.randint(3, 6))
        out.append(",\n".join("    " + c for c in cs))
        out.append(");")
        out.append(f"CREATE INDEX {t}_tenant_idx ON {t} (tenant_id);" if "tenant_id uuid NOT NULL" in cs else f"-- no tenant on {t}")
        out.append("")
    out.append("COMMIT;")
    return "\n".join(out)

# ---------------------------------------------------------------- batch 1: es / fr / de / non-native en

R("haiku", "question", "tooling", "other-language", None,
  "Short well-known fact about a git command; one-step answer.",
  "¿qué diferencia hay entre git fetch y git pull? respuesta corta por favor", "es")

R("haiku", "edit", "web", "other-language", None,
  "Mechanical rename in a short snippet, checkable at a glance.",
  "Renombra la variable `usr` a `usuario` en todo este fragmento, no cambies nada más:\n\n```js\nfunction saludar(usr) {\n  if (!usr) return 'Hola, invitado';\n  const nombre = usr.nombre || usr.email;\n  console.log('saludando a', usr.id);\n  return `Hola, ${nombre}`;\n}\n```", "es")

R("sonnet", "debug", "web", "other-language", None,
  "Stack trace points at a None shipment in a serializer; identifiable cause, sonnet (TB2).",
  "Nos sale este error en producción al abrir el detalle de algunos pedidos (no todos). Creo que son pedidos sin envío todavía. ¿Cómo lo arreglo bien en el serializer sin romper la app móvil que espera el campo?\n\n" + py_traceback_django(), "es")

R("opus", "design", "databases", "other-language", "easy-words-hard",
  "TB6: plain words, but asks to design multi-tenant data isolation with trade-offs across the whole product.",
  "Tenemos una sola base de datos para todos los clientes y ahora un banco quiere que sus datos estén separados de los demás. ¿Cómo lo hacemos sin tener dos productos distintos? Queremos opciones con pros y contras y una recomendación.", "es")

R("haiku", "question", "databases", "other-language", None,
  "Single-table SQL SELECT, one-liner.",
  "necesito un SELECT que me dé los 10 clientes con más pedidos de la tabla pedidos(cliente_id, fecha, total). solo la query", "es")

R("opus", "debug", "systems", "other-language", "short-hard",
  "Short prose, intermittent corruption with no lead: needs a theory across components (TB6).",
  "a veces el fichero de índice queda corrupto tras un apagón, sin patrón. ¿por qué?", "es")

R("sonnet", "implement", "web", "other-language", None,
  "Clear-spec endpoint with validation and pagination: everyday engineering.",
  "Implementa en FastAPI un endpoint GET /productos que acepte `categoria`, `precio_min`, `precio_max` y paginación por cursor (campo `id`). Usamos SQLAlchemy 2.0 async. Si precio_min > precio_max devuelve 422 con un mensaje en español.", "es")

R("haiku", "docs", "tooling", "other-language", None,
  "Short commit message from a described change.",
  "Escríbeme el mensaje de commit (en inglés, estilo conventional commits) para: arreglé el cálculo del IVA cuando el carrito tiene productos exentos.", "es")

R("sonnet", "test", "data", "other-language", None,
  "Writing tests for existing function with edge cases: sonnet.",
  "Escribe tests con pytest para esta función, incluyendo fechas en el cambio de horario de verano en Europe/Madrid:\n\n```python\nfrom datetime import datetime, timedelta\nfrom zoneinfo import ZoneInfo\n\ndef dias_laborables(desde: datetime, hasta: datetime, festivos: set) -> int:\n    tz = ZoneInfo('Europe/Madrid')\n    d = desde.astimezone(tz).date()\n    fin = hasta.astimezone(tz).date()\n    n = 0\n    while d <= fin:\n        if d.weekday() < 5 and d not in festivos:\n            n += 1\n        d += timedelta(days=1)\n    return n\n```", "es")

R("haiku", "question", "data", "other-language", "long-trivial",
  "TB5: long CSV paste, but only asks to count rows with one status; checkable at a glance.",
  "¿Cuántos pedidos tienen status `refunded` en este CSV? Solo el número.\n\n" + csv_orders(420, 101), "es")

R("opus", "review", "security", "other-language", None,
  "Security review of auth token handling: a subtle mistake is a vulnerability (TB10).",
  "Revisa la seguridad de nuestro flujo de recuperación de contraseña: generamos un token con `Math.random().toString(36)`, lo guardamos en Redis 24h, y el enlace es /reset?email=...&token=.... Al usarlo no lo borramos hasta que expira. ¿Qué ataques ves y cómo lo rediseñarías?", "es")

R("haiku", "explain", "web", "other-language", None,
  "Common error message explanation.",
  "qué significa `CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource`?", "es")

# ---- French
R("haiku", "question", "systems", "other-language", None,
  "Short factual shell question.",
  "Comment afficher les 20 plus gros fichiers d'un dossier en ligne de commande sous Linux ?", "fr")

R("sonnet", "refactor", "web", "other-language", None,
  "Refactor a module into smaller functions preserving behaviour: sonnet.",
  "Peux-tu refactoriser ce contrôleur Express ? Il fait tout dans une seule fonction (validation, accès base, envoi d'email). Je voudrais séparer en service + validation, sans changer le comportement.\n\n```js\napp.post('/inscription', async (req, res) => {\n  const { email, motDePasse, nom } = req.body;\n  if (!email || !email.includes('@')) return res.status(400).json({ erreur: 'email invalide' });\n  if (!motDePasse || motDePasse.length < 10) return res.status(400).json({ erreur: 'mot de passe trop court' });\n  const existe = await db.query('SELECT id FROM utilisateurs WHERE email = $1', [email]);\n  if (existe.rows.length) return res.status(409).json({ erreur: 'déjà inscrit' });\n  const hash = await bcrypt.hash(motDePasse, 12);\n  const r = await db.query('INSERT INTO utilisateurs(email, hash, nom) VALUES ($1,$2,$3) RETURNING id', [email, hash, nom]);\n  await mailer.send({ to: email, sujet: 'Bienvenue', corps: `Bonjour ${nom}` });\n  res.status(201).json({ id: r.rows[0].id });\n});\n```", "fr")

R("opus", "design", "infrastructure", "other-language", None,
  "Multi-region active-active design with consistency trade-offs.",
  "Nous devons passer notre API de paiement en actif-actif sur deux régions (Paris et Francfort). La base est un PostgreSQL unique aujourd'hui. Quelles architectures possibles, quels compromis sur la cohérence des soldes, et que recommandes-tu ?", "fr")

R("haiku", "edit", "tooling", "other-language", None,
  "Mechanical JSON to YAML conversion.",
  "Convertis ce JSON en YAML :\n\n{\n  \"name\": \"facturation\",\n  \"replicas\": 3,\n  \"env\": {\"LOG_LEVEL\": \"info\", \"DB_POOL\": 20},\n  \"ports\": [8080, 9090]\n}", "fr")

R("sonnet", "debug", "mobile", "other-language", None,
  "Crash with clear lead (lifecycle + fragment), everyday debugging.",
  "Notre app Android plante quand on tourne l'écran pendant le chargement. Log :\n\n```\nFATAL EXCEPTION: main\nProcess: fr.monapp.livraison, PID: 18842\njava.lang.IllegalStateException: Fragment SuiviFragment{4f2a1c3} not attached to a context.\n    at androidx.fragment.app.Fragment.requireContext(Fragment.java:972)\n    at fr.monapp.livraison.suivi.SuiviFragment.afficherCarte(SuiviFragment.kt:144)\n    at fr.monapp.livraison.suivi.SuiviFragment$chargerPosition$1.invokeSuspend(SuiviFragment.kt:97)\n    at kotlin.coroutines.jvm.internal.BaseContinuationImpl.resumeWith(ContinuationImpl.kt:33)\n    at kotlinx.coroutines.DispatchedTask.run(DispatchedTask.kt:108)\n```\nLa coroutine est lancée avec GlobalScope.launch(Dispatchers.Main). Comment corriger proprement ?", "fr")

R("opus", "explain", "systems", "other-language", "short-hard",
  "TB7: semantics of memory ordering are opus even when the question is short.",
  "pourquoi Acquire/Release ne suffit pas ici et il faut SeqCst ? (algorithme de Dekker en Rust)", "fr")

R("haiku", "docs", "web", "other-language", None,
  "Adding a docstring, mechanical.",
  "Ajoute une JSDoc à cette fonction, en français :\n\nexport function formaterPrix(centimes, devise = 'EUR') {\n  return new Intl.NumberFormat('fr-FR', { style: 'currency', currency: devise }).format(centimes / 100);\n}", "fr")

R("sonnet", "ops", "infrastructure", "other-language", None,
  "CI configuration with several steps: sonnet.",
  "Écris un workflow GitHub Actions pour notre monorepo : lint + tests Python (3.11 et 3.12) pour `services/api`, build de l'image Docker seulement sur `main`, push vers GHCR, avec cache pip. Les tests ont besoin d'un Postgres 16.", "fr")

R("haiku", "question", "infrastructure", "other-language", "long-trivial",
  "TB5: long k8s event dump, the ask is to find one value (memory limit).",
  "Quelle est la limite mémoire du conteneur d'après ces événements ? Juste la valeur.\n\n" + k8s_events(180, 202), "fr")

R("opus", "debug", "infrastructure", "other-language", None,
  "Same events but asks for root cause of cascading restarts across components with no clear lead: opus.",
  "Même dump d'événements qu'hier. Depuis la mise à jour du nœud, les pods checkout-api redémarrent en boucle mais seulement aux heures de pointe, et le nombre de OOMKilled ne colle pas avec la mémoire qu'on voit dans Grafana (jamais au-dessus de 300Mi). Les readiness échouent aussi sur d'autres nœuds. Aide-moi à construire des hypothèses et un plan pour trouver la vraie cause.\n\n" + k8s_events(28, 203), "fr")

# ---- German
R("haiku", "question", "tooling", "other-language", None,
  "Short factual Docker question.",
  "Was ist der Unterschied zwischen CMD und ENTRYPOINT im Dockerfile? Kurz bitte.", "de")

R("sonnet", "implement", "data", "other-language", None,
  "Clear-spec data transformation in pandas: several steps, sonnet.",
  "Ich habe eine CSV mit Bestellungen (order_id, created_at, city, total_eur, status). Schreib mir ein pandas-Skript, das pro Stadt und Woche den Umsatz nur für `paid` und `shipped` berechnet, Rückerstattungen abzieht und das Ergebnis als Pivot-Tabelle nach Excel exportiert (eine Zeile pro Stadt, Spalten = KW).", "de")

R("opus", "design", "systems", "other-language", "easy-words-hard",
  "TB6: plain words asking to design a recovery protocol: open design with failure modes.",
  "Wie sollten unsere Lagerroboter sich wieder abstimmen, wenn einer während eines Auftrags die Verbindung verliert und später zurückkommt? Entwirf bitte das Vorgehen, sodass kein Paket doppelt oder gar nicht bearbeitet wird.", "de")

R("haiku", "edit", "tooling", "other-language", "long-trivial",
  "TB5: long properties file, the ask is to add one header line: mechanical.",
  "Füg bitte ganz oben in diese Datei die Zeile `# Copyright 2025 Lagerwerk GmbH` ein, sonst nichts ändern. Gib mir nur die ersten 5 Zeilen zurück.\n\n" + props_file(700, 301, "de"), "de")

R("sonnet", "edit", "tooling", "other-language", None,
  "TB5: translating a whole long file is many careful steps: sonnet.",
  "Übersetze diese komplette messages_de.properties ins Spanische (messages_es.properties), Schlüssel bleiben gleich, nur die Werte übersetzen. Achte auf einheitliche Begriffe.\n\n" + props_file(110, 302, "de"), "de")

R("opus", "review", "databases", "other-language", None,
  "Review of concurrent DB code for a race (double booking): TB10 opus.",
  "Kannst du diesen Code auf Race Conditions prüfen? Zwei Leute buchen manchmal denselben Termin.\n\n```python\ndef buche_termin(session, termin_id, kunde_id):\n    t = session.execute(select(Termin).where(Termin.id == termin_id)).scalar_one()\n    if t.kunde_id is not None:\n        raise BereitsGebucht()\n    t.kunde_id = kunde_id\n    session.add(Buchungslog(termin_id=termin_id, kunde_id=kunde_id))\n    session.commit()\n```\nPostgres 15, Isolation READ COMMITTED, 4 Gunicorn-Worker, dazu ein Celery-Job, der abgelaufene Reservierungen freigibt.", "de")

R("haiku", "explain", "systems", "other-language", None,
  "Explain a short shell snippet in a sentence.",
  "Was macht `find . -name '*.log' -mtime +7 -delete` genau?", "de")

R("sonnet", "debug", "databases", "other-language", None,
  "Error message with identifiable cause (deadlock detected with two statements shown): sonnet.",
  "Wir bekommen sporadisch diesen Fehler bei einem nächtlichen Batch-Update:\n\n```\nERROR:  deadlock detected\nDETAIL:  Process 40121 waits for ShareLock on transaction 88120931; blocked by process 40177.\nProcess 40177 waits for ShareLock on transaction 88120930; blocked by process 40121.\nHINT:  See server log for query details.\nCONTEXT:  while updating tuple (1203,14) in relation \"konten\"\n```\nDer Batch macht `UPDATE konten SET saldo = saldo + $1 WHERE id = $2` in einer Schleife, 8 Threads parallel, IDs in zufälliger Reihenfolge aus einer Queue. Was ist die Ursache und wie beheben?", "de")

R("opus", "plan", "tooling", "other-language", None,
  "Large multi-step migration across a codebase: opus.",
  "Wir haben 140 Microservices mit Spring Boot 2.7 und Java 11. Erstelle einen Migrationsplan auf Spring Boot 3.3 / Java 21 (javax→jakarta, Security 6, Hibernate 6), inkl. Reihenfolge, Risiken, wie wir gemeinsame Libraries zuerst umstellen und wie wir parallel weiter ausliefern können.", "de")

R("haiku", "question", "security", "other-language", "hard-words-easy",
  "Scary vocabulary (X.509, ASN.1, OID) but the ask is a one-line openssl command.",
  "Wie zeige ich mit openssl die SANs (subjectAltName, OID 2.5.29.17) aus einem PEM-X.509-Zertifikat an? Nur der Befehl.", "de")

# ---- non-native English
R("haiku", "question", "web", "non-native", None,
  "Short factual question about HTTP status codes.",
  "what is difference of 401 and 403, which one I must return when token is expired?", "en")

R("sonnet", "implement", "mobile", "non-native", None,
  "Clear-spec feature across view and storage layers: sonnet.",
  "I need to make in our Flutter app a offline queue for the 'report issue' form: when no network, save the report in sqflite, and when network is come back, send them in order and delete. Please write the service and how to hook it with connectivity_plus.", "en")

R("opus", "debug", "databases", "non-native", "easy-words-hard",
  "TB6: prose description of lost writes after a failover, no lead: opus.",
  "After we switch the primary of our Mongo replica set yesterday night, some customers say their last changes are gone, but not all. We not see errors in the app logs. How this can happen and how we find which writes are lost?", "en")

R("haiku", "edit", "web", "non-native", None,
  "Fix a typo in a string, mechanical.",
  "pls fix the spelling in this html, 'Recieve' is wrong i think:\n<button class=\"btn\">Recieve updates by email</button>", "en")

R("sonnet", "review", "web", "non-native", None,
  "Diff review for correctness and style: sonnet (TB10).",
  "Can you review this diff from my colleague, is it ok to merge? Mostly I worry about the error handling.\n\n```diff\n--- a/src/api/orders.ts\n+++ b/src/api/orders.ts\n@@ -12,14 +12,22 @@ export async function fetchOrders(userId: string, page = 1) {\n-  const res = await fetch(`/api/orders?user=${userId}&page=${page}`);\n-  return res.json();\n+  try {\n+    const res = await fetch(`/api/orders?user=${userId}&page=${page}`);\n+    if (res.status === 404) return [];\n+    const data = await res.json();\n+    return data.items.map((o: any) => ({\n+      ...o,\n+      total: Number(o.total).toFixed(2),\n+      createdAt: new Date(o.created_at),\n+    }));\n+  } catch (e) {\n+    console.log(e);\n+    return [];\n+  }\n }\n```", "en")

R("opus", "design", "ml", "non-native", None,
  "Open ML system design with trade-offs (online vs batch features, leakage).",
  "We want to build a fraud scoring for card payments, decision must be in less then 80ms. We have 2 years of labeled transactions but labels arrive with 30-60 days delay (chargebacks). How you would design the feature pipeline and training so there is no leakage and the model stays fresh? Please compare options.", "en")

R("haiku", "question", "ml", "non-native", "hard-words-easy",
  "Frightening ML terms, but a short well-known definitional answer.",
  "what means 'KL divergence' in the VAE loss, only short explanation, i dont need the math derivation", "en")

R("sonnet", "refactor", "web", "follow-up", None,
  "TB8: 'do the same for' another module names sonnet-scale work.",
  "ok that works now for the orders controller. now do same split for the payments controller, it has the same problem", "en")

R("sonnet", "debug", "tooling", "follow-up", None,
  "TB8: follow-up only points back, work unknown: sonnet.",
  "still not working, same error. try again", "en")

R("opus", "implement", "systems", "terse", "short-hard",
  "TB3: short but novel concurrent data structure.",
  "lock-free SPSC ring buffer in C, with correct memory orders, explain each", "en")

R("haiku", "question", "tooling", "terse", None,
  "One-liner shell command.",
  "bash loop rename *.jpeg to *.jpg", "en")

R("sonnet", "explain", "web", "non-native", None,
  "TB7: subtle reason small code behaves oddly (closure over var in loop): sonnet.",
  "Why this prints 3 3 3 and not 0 1 2? My teacher say use let but I want understand why.\n\nfor (var i = 0; i < 3; i++) {\n  setTimeout(() => console.log(i), 0);\n}", "en")

R("haiku", "docs", "tooling", "non-native", None,
  "Single changelog line.",
  "write one line for CHANGELOG: we added support to export reports in xlsx, before only csv", "en")

R("opus", "review", "security", "non-native", None,
  "Security review of JWT verification code: opus.",
  "Please check if this JWT verify is secure. Our pentest firm will come next month.\n\n```python\nimport jwt\n\ndef get_user(token: str):\n    header = jwt.get_unverified_header(token)\n    key = PUBLIC_KEYS.get(header.get('kid'), SECRET)\n    payload = jwt.decode(token, key, algorithms=[header['alg']], options={'verify_aud': False})\n    return User.get(payload['sub'])\n```", "en")

R("sonnet", "ops", "infrastructure", "non-native", None,
  "Known-steps infra task: Helm values and HPA config.",
  "Please make for me a HorizontalPodAutoscaler for deployment 'catalog-api' scale between 3 and 12 on CPU 70% and also on custom metric http_requests_per_second from prometheus-adapter (target 200). And tell what I need in the adapter config.", "en")

R("haiku", "question", "infrastructure", "non-native", "long-trivial",
  "TB5: long nginx log pasted, asks only how many 502s: a count.",
  "how many requests with status 502 are in this log? only number please\n\n" + nginx_log(260, 401), "en")

R("sonnet", "debug", "web", "non-native", None,
  "Same kind of log but asks to find which endpoint causes slow responses and propose fixes: analysis with a clear lead, sonnet.",
  "From this nginx log, can you find which endpoints are slowest (rt field) and is there some pattern with user agent? We want know where to start optimise.\n\n" + nginx_log(45, 402), "en")

R("opus", "design", "security", "verbose", None,
  "Threat model + design of secrets management: opus.",
  "Hello, I am the only backend developer in a team of 6 and we are growing. Right now all our secrets (DB passwords, Stripe keys, the signing key for our mobile app tokens) are in a .env file which is in a private repo and copied to the servers with scp by me. Our CTO asked me to propose something better before we get SOC2 audit in autumn. We are on AWS with ECS Fargate, GitHub Actions for CI, and we have also two on-prem machines at a customer site which cannot reach the internet except through a proxy. Can you make a threat model of what we have today and propose a design, including how rotation works and what happens when someone leaves the company?", "en")

R("haiku", "question", "databases", "typos", None,
  "Short factual question despite typos.",
  "whats the diference betwen varchar and text in postgress, any perfomance?", "en")

R("sonnet", "test", "mobile", "non-native", None,
  "Write unit tests for a ViewModel: sonnet.",
  "Write please unit tests for this Kotlin ViewModel with kotlinx-coroutines-test and Turbine, cover loading, success and error states.\n\n```kotlin\nclass PedidosViewModel(private val repo: PedidosRepo) : ViewModel() {\n    private val _state = MutableStateFlow<UiState>(UiState.Idle)\n    val state: StateFlow<UiState> = _state\n\n    fun cargar(clienteId: String) {\n        viewModelScope.launch {\n            _state.value = UiState.Loading\n            _state.value = try {\n                UiState.Success(repo.pedidos(clienteId))\n            } catch (e: IOException) {\n                UiState.Error(e.message ?: \"sin red\")\n            }\n        }\n    }\n}\n```", "en")

R("opus", "question", "databases", "non-native", "short-hard",
  "Short but asks to reason about isolation anomalies: opus.",
  "is write skew possible in postgres REPEATABLE READ? show me concrete example and how SSI prevents it", "en")

R("haiku", "edit", "data", "non-native", "hard-words-easy",
  "Frightening words (Kafka, Avro, schema registry) but the ask is just to rename a field in a schema.",
  "In this Avro schema for our Kafka topic with Confluent schema registry, just rename field `usr_id` to `user_id`, nothing else:\n\n{\n  \"type\": \"record\",\n  \"name\": \"ClickEvent\",\n  \"namespace\": \"com.acme.events\",\n  \"fields\": [\n    {\"name\": \"usr_id\", \"type\": \"string\"},\n    {\"name\": \"ts\", \"type\": {\"type\": \"long\", \"logicalType\": \"timestamp-millis\"}},\n    {\"name\": \"page\", \"type\": \"string\"}\n  ]\n}", "en")

R("opus", "design", "data", "non-native", "easy-words-hard",
  "Same topic but open design: evolving the schema without breaking consumers across teams is opus.",
  "Now the real question: we have 23 consumer teams reading ClickEvent, some in Python some in Java, some use the old field name. How we should roll out the rename without break anybody? Propose a plan and which compatibility mode to use in the registry.", "en")
# ---------------------------------------------------------------- batch 2: pt / it / pl / ru / uk / en

R("haiku", "question", "web", "other-language", None,
  "Short factual question about CSS.",
  "qual a diferença entre `display: none` e `visibility: hidden`?", "pt")

R("sonnet", "implement", "databases", "other-language", None,
  "Migration with known steps (add column, backfill, constraint) on a live table.",
  "Preciso adicionar a coluna `cpf` (NOT NULL, única) na tabela `clientes` que tem 8 milhões de linhas em produção (Postgres 14). Os dados vêm de outra tabela `documentos`. Me escreve a migration em etapas sem travar a tabela por muito tempo.", "pt")

R("opus", "debug", "web", "other-language", "easy-words-hard",
  "TB6: prose, intermittent double charges with no lead across services: opus.",
  "Alguns clientes estão sendo cobrados duas vezes, mais ou menos 1 em cada 5 mil compras. Não conseguimos reproduzir. O app chama nossa API, que chama o gateway de pagamento, e tem um webhook de confirmação. Por onde começamos a investigar e o que pode ser?", "pt")

R("haiku", "edit", "web", "other-language", None,
  "Reformat / sort imports: mechanical.",
  "organiza os imports deste arquivo em ordem alfabética, separando libs externas e internas:\n\nimport { formatarData } from '../utils/datas';\nimport axios from 'axios';\nimport React, { useState } from 'react';\nimport { Botao } from '../componentes/Botao';\nimport dayjs from 'dayjs';\nimport { api } from '../servicos/api';", "pt")

R("sonnet", "debug", "mobile", "other-language", None,
  "React Native build error with clear message: sonnet.",
  "depois de atualizar pro React Native 0.74 o build iOS falha com isso:\n\n```\n❌  (ios/Pods/Headers/Public/React-Core/React/RCTBridgeModule.h:11:9)\n   9 | #import <React/RCTDefines.h>\n  10 | #import <React/RCTJSThread.h>\n> 11 | #import <React/RCTBundleManager.h>\n     |         ^ 'React/RCTBundleManager.h' file not found\n\n** BUILD FAILED **\nThe following build commands failed:\n\tCompileC .../Build/Intermediates.noindex/Pods.build/Debug-iphonesimulator/react-native-mmkv.build/Objects-normal/arm64/MMKVModule.o\n```\njá rodei pod install. o que fazer?", "pt")

R("opus", "design", "mobile", "other-language", None,
  "Offline-first sync with conflict resolution: open design, consistency.",
  "Nosso app de vistoria precisa funcionar offline por dias no interior, com vários técnicos editando a mesma ordem de serviço. Quando voltam a ter sinal, tudo sincroniza. Como desenhar a sincronização e a resolução de conflitos? Vale usar CRDT ou é exagero?", "pt")

R("haiku", "question", "data", "other-language", "long-trivial",
  "TB5: long training log; asks for the best val_acc epoch — a lookup.",
  "Qual época teve o maior val_acc nesse log? Só o número da época.\n\n" + train_log(40, 501), "pt")

R("opus", "debug", "ml", "other-language", None,
  "Same kind of log, asks why val loss diverges later and what to change: needs analysis across data/optim.",
  "Nesse mesmo treino (trecho do log abaixo, o resto é parecido) a loss de treino continua caindo mas a partir da época 25 o modelo em produção ficou pior, mesmo com val_acc subindo. O dataset de validação é amostrado do mesmo mês que o treino. Quero entender o que está acontecendo e como montar uma validação que reflita a produção.\n\n" + train_log(4, 502), "pt")

R("sonnet", "test", "web", "other-language", None,
  "Write integration tests for an endpoint: sonnet.",
  "Escreve testes de integração com Jest + supertest para a rota POST /carrinho/itens: item válido, quantidade zero, produto inexistente e estoque insuficiente. O banco é mockado com o repositório em memória que já temos (`CarrinhoRepoMemoria`).", "pt")

R("haiku", "docs", "tooling", "other-language", None,
  "Short summary text task.",
  "me dá um resumo de 2 linhas pro README explicando que o projeto é uma CLI pra gerar notas fiscais a partir de planilhas", "pt")

# ---- Italian
R("haiku", "question", "systems", "other-language", None,
  "Short factual question.",
  "Che differenza c'è tra un processo e un thread? Risposta breve.", "it")

R("sonnet", "implement", "tooling", "other-language", None,
  "A CLI tool with clear spec: sonnet.",
  "Scrivi uno script Python con argparse che legge tutti i file .po in una cartella, conta le stringhe non tradotte (msgstr vuoto) per lingua e stampa una tabella ordinata. Opzione --fail-under 90 per far fallire la CI se una lingua è sotto la percentuale.", "it")

R("opus", "review", "systems", "other-language", None,
  "Review of concurrent C code (TB10): opus.",
  "Puoi controllare questo codice? Lo usiamo per contare le richieste tra più thread e a volte il contatore è sbagliato.\n\n```c\nstatic int contatore = 0;\nstatic volatile int occupato = 0;\n\nvoid incrementa(void) {\n    while (occupato) { }\n    occupato = 1;\n    contatore++;\n    occupato = 0;\n}\n```\nPerché volatile non basta? Come lo scriveresti con C11 atomics senza mutex?", "it")

R("haiku", "question", "web", "other-language", "long-trivial",
  "TB5: long TSX file, the ask is to list the exported component names: a mechanical lookup.",
  "Dammi solo l'elenco dei nomi dei componenti esportati in questo file, uno per riga.\n\n" + ts_components(90, 601), "it")

R("sonnet", "refactor", "web", "other-language", None,
  "TB5: converting a whole long file to another style is sonnet (many careful steps).",
  "Converti questi componenti da funzioni con props tipizzate a componenti che usano `React.memo` e un unico tipo generico condiviso per le props, mantenendo i data-testid identici. È un file lungo, fai tutto il file.\n\n" + ts_components(12, 602), "it")

R("opus", "plan", "infrastructure", "other-language", "easy-words-hard",
  "TB6: plain words asking for a cross-service plan (feature flags everywhere).",
  "Vorremmo poter accendere e spegnere le nuove funzionalità per singolo cliente, in tutti i nostri servizi (sono una ventina, Java e Node). Come ci organizziamo? Serve un piano completo, non solo la libreria.", "it")

R("haiku", "explain", "databases", "other-language", None,
  "Explain a short SQL snippet.",
  "cosa fa questa query?\n\nSELECT reparto, COUNT(*) FROM dipendenti GROUP BY reparto HAVING COUNT(*) > 5;", "it")

R("sonnet", "debug", "data", "other-language", None,
  "Spark error with clear cause (skew/shuffle OOM with a pointer): sonnet.",
  "Il job Spark fallisce con questo errore solo nel join con la tabella clienti:\n\n```\norg.apache.spark.SparkException: Job aborted due to stage failure: Task 187 in stage 14.0 failed 4 times, most recent failure: Lost task 187.3 in stage 14.0 (TID 5121) (10.0.3.17 executor 9): ExecutorLostFailure (executor 9 exited caused by one of the running tasks) Reason: Container killed by YARN for exceeding memory limits. 14.2 GB of 14 GB physical memory used.\n```\nNella Spark UI il task 187 ha 38 GB di shuffle read, gli altri circa 200 MB. La chiave di join è `codice_cliente` e molte righe hanno `codice_cliente = 'SCONOSCIUTO'`. Come lo sistemo?", "it")

R("opus", "design", "databases", "other-language", "short-hard",
  "Short but asks for a novel storage design choice with trade-offs.",
  "LSM o B-tree per il nostro motore di serie temporali? motiva.", "it")

# ---- Polish
R("haiku", "question", "tooling", "other-language", None,
  "One-liner git question.",
  "jak cofnąć ostatni commit, ale zostawić zmiany w plikach?", "pl")

R("sonnet", "implement", "web", "other-language", None,
  "Integrating a library with clear spec: sonnet.",
  "Dodaj do naszej aplikacji Next.js (app router) logowanie przez Google za pomocą NextAuth v5. Sesja w JWT, użytkownicy mają być zapisywani w Postgresie przez Prisma adapter, a dostęp do /panel tylko dla zalogowanych.", "pl")

R("opus", "debug", "systems", "other-language", None,
  "Heisenbug / memory corruption without a lead: opus.",
  "Nasz serwer w C++ pada raz na kilka dni z SIGSEGV w zupełnie różnych miejscach (raz w std::string, raz w malloc). Pod ASan nie da się odtworzyć, bo jest za wolno i problem znika. Jak to podejść krok po kroku?", "pl")

R("haiku", "edit", "data", "other-language", None,
  "Small regex one-liner.",
  "potrzebuję regexa, który złapie polski kod pocztowy w formacie 00-000", "pl")

R("sonnet", "review", "databases", "other-language", None,
  "Diff review of a migration for correctness: sonnet.",
  "Zrób code review tej migracji, czy czegoś nie brakuje:\n\n```sql\nALTER TABLE faktury ADD COLUMN waluta char(3);\nUPDATE faktury SET waluta = 'PLN';\nALTER TABLE faktury ALTER COLUMN waluta SET NOT NULL;\nCREATE INDEX idx_faktury_klient ON faktury(klient_id);\nALTER TABLE pozycje_faktury ADD CONSTRAINT fk_faktura FOREIGN KEY (faktura_id) REFERENCES faktury(id);\n```\nTabela faktury ma ok. 30 mln wierszy.", "pl")

R("opus", "design", "security", "other-language", None,
  "Cryptography design (E2E encryption, key recovery): opus.",
  "Chcemy dodać szyfrowanie end-to-end do czatu lekarz–pacjent w naszej aplikacji, ale pacjent musi móc odzyskać historię po zmianie telefonu. Jak to zaprojektować? Signal protocol, czy coś prostszego?", "pl")

R("haiku", "question", "infrastructure", "other-language", "hard-words-easy",
  "Kubernetes/etcd jargon but a short factual question.",
  "czy etcd w Kubernetesie to baza klucz-wartość? jednym zdaniem", "pl")

R("sonnet", "docs", "tooling", "other-language", None,
  "Writing a README section with several parts from code: sonnet-level doc work.",
  "Napisz sekcję README dla naszej biblioteki `kolejka-zadan`: instalacja, konfiguracja (zmienne REDIS_URL, MAX_RETRIES, VISIBILITY_TIMEOUT), przykład producenta i konsumenta w Pythonie oraz opis zachowania przy ponowieniach.", "pl")

# ---- Russian
R("haiku", "question", "web", "other-language", None,
  "Short factual question.",
  "чем отличается localStorage от sessionStorage?", "ru")

R("sonnet", "debug", "web", "other-language", None,
  "Clear traceback cause (async call without await): sonnet.",
  "Почему у меня в логах это предупреждение и пользователь не получает письмо?\n\n```\n/app/handlers/register.py:54: RuntimeWarning: coroutine 'send_welcome_email' was never awaited\n  send_welcome_email(user.email)\nRuntimeWarning: Enable tracemalloc to get the object allocation traceback\n```\nFastAPI, функция регистрации синхронная (def, не async def).", "ru")

R("opus", "design", "systems", "other-language", None,
  "Distributed exactly-once design: opus.",
  "Нужно гарантировать, что каждое начисление бонусов из Kafka обрабатывается ровно один раз, даже при ребалансе консьюмеров и падении сервиса между записью в БД и коммитом оффсета. Какие есть варианты и какой выбрать?", "ru")

R("haiku", "edit", "tooling", "other-language", None,
  "Mechanical rename.",
  "переименуй в этом Makefile цель `bild` в `build` (опечатка), больше ничего не трогай:\n\n.PHONY: bild test\n\nbild:\n\tgo build -o bin/agent ./cmd/agent\n\ntest: bild\n\tgo test ./...", "ru")

R("sonnet", "explain", "systems", "other-language", None,
  "TB7: subtle Go behaviour (nil interface vs nil pointer): sonnet.",
  "Почему здесь `err != nil` оказывается true, хотя я возвращаю nil?\n\n```go\ntype MyErr struct{}\nfunc (*MyErr) Error() string { return \"boom\" }\n\nfunc check() error {\n    var e *MyErr = nil\n    return e\n}\n\nfunc main() {\n    if err := check(); err != nil {\n        fmt.Println(\"ошибка!\")\n    }\n}\n```", "ru")

R("opus", "question", "security", "other-language", "short-hard",
  "Short, cryptographic reasoning (nonce reuse in AES-GCM consequences).",
  "что конкретно может сделать атакующий, если у нас повторяется nonce в AES-GCM?", "ru")

R("haiku", "question", "databases", "other-language", "long-trivial",
  "TB5: long slow-query log; asks for the single slowest duration — a lookup.",
  "какая самая большая duration в этом логе? просто число\n\n" + pg_slowlog(230, 701), "ru")

R("opus", "debug", "databases", "other-language", None,
  "Same slow log but asks to explain a performance cliff under load without a clear lead: opus.",
  "Это тот же slow log. Проблема: каждый день около 14:00 всё начинает тормозить, даже простые запросы по первичному ключу идут секундами, CPU на базе 40%, IO не в потолке. Через 20 минут само проходит. Какие гипотезы и как их проверить?\n\n" + pg_slowlog(32, 702), "ru")

R("sonnet", "ops", "infrastructure", "other-language", None,
  "Known-step ops task: systemd unit with restart, env, and logging.",
  "Напиши systemd unit для нашего Go-агента: запуск от пользователя agent, перезапуск при падении с задержкой 5с, переменные из /etc/agent/env, лимит памяти 300M, логи в journald. И команды, чтобы включить его.", "ru")

# ---- Ukrainian
R("haiku", "question", "tooling", "other-language", None,
  "Short factual question.",
  "що робить `npm ci` на відміну від `npm install`?", "uk")

R("sonnet", "implement", "data", "other-language", None,
  "Clear-spec ETL step: sonnet.",
  "Напиши Airflow DAG, який щодня о 03:00 забирає вчорашні замовлення з Postgres, рахує агрегати по регіонах і пише їх у BigQuery (partitioned by date). Якщо задача падає — 3 повтори з інтервалом 10 хв і повідомлення в Slack.", "uk")

R("opus", "debug", "infrastructure", "other-language", "easy-words-hard",
  "TB6: stall nobody can reproduce, prose only: opus.",
  "Раз на тиждень наш сервіс просто зависає: не падає, не пише логи, health-check проходить, але запити не обробляються. Перезапуск допомагає. Відтворити не можемо. З чого почати?", "uk")

R("haiku", "edit", "web", "other-language", None,
  "Tiny CSS change.",
  "зроби цю кнопку круглою і додай тінь, тільки CSS:\n\n.btn-pay { background: #0a7; color: #fff; padding: 8px 16px; }", "uk")

R("sonnet", "test", "systems", "other-language", None,
  "Writing table-driven tests in Go for existing code: sonnet.",
  "Напиши table-driven тести для цієї функції на Go, включно з граничними випадками (порожній рядок, пробіли, від'ємні значення, переповнення):\n\n```go\nfunc ParseSize(s string) (int64, error) {\n    s = strings.TrimSpace(strings.ToUpper(s))\n    mult := int64(1)\n    switch {\n    case strings.HasSuffix(s, \"KB\"): mult, s = 1<<10, strings.TrimSuffix(s, \"KB\")\n    case strings.HasSuffix(s, \"MB\"): mult, s = 1<<20, strings.TrimSuffix(s, \"MB\")\n    case strings.HasSuffix(s, \"GB\"): mult, s = 1<<30, strings.TrimSuffix(s, \"GB\")\n    }\n    n, err := strconv.ParseInt(s, 10, 64)\n    if err != nil { return 0, err }\n    return n * mult, nil\n}\n```", "uk")

R("opus", "design", "ml", "other-language", None,
  "Open design with trade-offs for an ML serving platform.",
  "Маємо 15 моделей (PyTorch, XGBoost), частина на GPU. Треба спроєктувати платформу інференсу: батчинг, версіонування, A/B, відкат, вартість. Порівняй Triton, KServe і власне рішення на FastAPI й порадь.", "uk")

# ---- non-native English mix
R("haiku", "question", "mobile", "non-native", None,
  "Short factual mobile question.",
  "in swiftui what is the different of @State and @StateObject? short pls", "en")

R("sonnet", "debug", "tooling", "non-native", None,
  "Build failure with clear error message: sonnet.",
  "our webpack build fail after upgrade to node 18, this is error:\n\nError: error:0308010C:digital envelope routines::unsupported\n    at new Hash (node:internal/crypto/hash:69:19)\n    at Object.createHash (node:crypto:133:10)\n    at module.exports (/app/node_modules/webpack/lib/util/createHash.js:135:53)\n    at NormalModule._initBuildHash (/app/node_modules/webpack/lib/NormalModule.js:417:16)\n\nwe use webpack 4 still. what is best fix, not only the openssl-legacy-provider hack?", "en")

R("opus", "refactor", "systems", "non-native", "easy-words-hard",
  "Plain words, but splitting a monolith into services is open design across a codebase (TB6).",
  "Our app is one big Django project since 2016, 400k lines. Management want we split it in smaller services. Can you propose where to cut, what to do first, and what we should NOT split?", "en")

R("haiku", "edit", "tooling", "terse", None,
  "Mechanical yaml edit.",
  "change python version 3.10 to 3.12 in this:\n\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.10'\n      - run: pip install -r requirements.txt && pytest", "en")

R("sonnet", "implement", "security", "non-native", "hard-words-easy",
  "Security-sounding words but the work is a standard middleware with a clear spec (rate limiting): sonnet, not opus.",
  "Need implement rate limiting for login endpoint against brute force: max 5 tries per 15 min per IP and per username, with Redis, in Express middleware. Return 429 with Retry-After header.", "en")

R("opus", "debug", "mobile", "non-native", None,
  "Intermittent crash across threads with no lead: opus.",
  "iOS app crash very rarely (0.1% sessions) with EXC_BAD_ACCESS in different places, always after the user come back from background and our websocket reconnect. Crashlytics stack is always different. We use Combine and some old code with GCD. How to find it?", "en")

R("haiku", "question", "security", "non-native", None,
  "Short well-known answer.",
  "bcrypt cost 12 is still ok in 2025 or I need more?", "en")

R("sonnet", "refactor", "data", "follow-up", None,
  "TB8: follow-up naming a concrete moderate task (apply same refactor to another file).",
  "nice, now make the same change for the exporter module too, it use the same old pandas append calls", "en")

R("haiku", "docs", "tooling", "follow-up", None,
  "TB8: 'also add a docstring' is haiku.",
  "also add a short docstring on top of that function please", "en")

R("opus", "implement", "systems", "follow-up", "short-hard",
  "TB8: follow-up asking to make the queue lock-free names opus work.",
  "ok the mutex version works. now make it lock-free, multiple producers", "en")
# ---------------------------------------------------------------- batch 3: tr / zh / ja / ko / vi

# ---- Turkish
R("haiku", "question", "databases", "other-language", None,
  "Short factual question.",
  "PostgreSQL'de index'in kullanılıp kullanılmadığını nasıl görürüm? kısa cevap", "tr")

R("sonnet", "implement", "web", "other-language", None,
  "Clear-spec feature: file upload with validation and S3: sonnet.",
  "Spring Boot'ta bir endpoint lazım: kullanıcı profil fotoğrafı yüklesin, sadece jpeg/png, maksimum 5MB, S3'e presigned URL ile değil doğrudan sunucudan yüklensin, 256x256 thumbnail da oluşturulsun. Kod ve test yazar mısın?", "tr")

R("opus", "design", "databases", "other-language", "easy-words-hard",
  "TB6: plain words, but sharding strategy and resharding without downtime is open design.",
  "Veritabanımız tek sunucuya sığmıyor artık. Müşterileri birden fazla sunucuya nasıl bölelim, ileride yeni sunucu eklerken kesinti olmasın? Seçenekleri ve önerini yaz.", "tr")

R("haiku", "edit", "tooling", "other-language", None,
  "Mechanical: add license header to a short file.",
  "Bu dosyanın en üstüne MIT lisans başlığını yorum olarak ekle (yıl 2025, Anadolu Yazılım A.Ş.):\n\npackage main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"merhaba\")\n}", "tr")

R("sonnet", "debug", "infrastructure", "other-language", None,
  "Terraform error with a clear cause: sonnet.",
  "terraform apply şu hatayı veriyor, ne yapmalıyım?\n\n```\n│ Error: creating EC2 Instance: InvalidParameterCombination: The parameter groupName cannot be used with the parameter subnet\n│ \tstatus code: 400, request id: 6b1f2c7e-0d4a-4c7b-9a42-1f0e3b8d9c11\n│\n│   with aws_instance.bastion,\n│   on main.tf line 41, in resource \"aws_instance\" \"bastion\":\n│   41: resource \"aws_instance\" \"bastion\" {\n```\nresource içinde `security_groups = [aws_security_group.ssh.name]` ve `subnet_id` birlikte var.", "tr")

R("opus", "review", "security", "other-language", None,
  "Security review of file upload handling: opus.",
  "Bu dosya yükleme kodunu güvenlik açısından incele, dışarıdan herkes erişebiliyor:\n\n```php\n<?php\n$ad = $_FILES['dosya']['name'];\n$uzanti = pathinfo($ad, PATHINFO_EXTENSION);\nif (in_array($uzanti, ['jpg', 'png', 'gif'])) {\n    move_uploaded_file($_FILES['dosya']['tmp_name'], __DIR__ . '/yuklemeler/' . $ad);\n    echo \"Yüklendi: /yuklemeler/$ad\";\n} else {\n    echo \"Geçersiz dosya\";\n}\n```", "tr")

R("haiku", "question", "infrastructure", "other-language", "long-trivial",
  "TB5: long terraform plan, asks only how many resources will be destroyed — read the last line.",
  "Bu plan kaç kaynak silecek? sadece sayı\n\n" + tf_plan(110, 801), "tr")

R("opus", "review", "infrastructure", "other-language", None,
  "Same sort of plan, asks to judge risk of replacements in prod: infra review with high stakes (TB10).",
  "Aynı plan ama bu sefer üretim hesabı için. Hangi değişiklikler kesintiye veya veri kaybına yol açabilir, hangi sırayla uygulamalıyız, ve -/+ olanları nasıl güvenli hale getiririz? Yorumla.\n\n" + tf_plan(18, 802), "tr")

R("sonnet", "explain", "web", "other-language", None,
  "Explaining a non-trivial module (dozens of lines): sonnet.",
  "Bu Redux middleware'i satır satır açıklar mısın, özellikle retry ve kuyruk kısmını anlamadım:\n\n```js\nconst offlineKuyruk = [];\nexport const agMiddleware = store => next => async action => {\n  if (!action.meta?.api) return next(action);\n  const { url, method, body, retry = 3 } = action.meta.api;\n  if (!navigator.onLine) {\n    offlineKuyruk.push(action);\n    return next({ type: 'KUYRUGA_ALINDI', payload: action.type });\n  }\n  for (let deneme = 1; deneme <= retry; deneme++) {\n    try {\n      const res = await fetch(url, { method, body: JSON.stringify(body) });\n      if (!res.ok) throw new Error(res.status);\n      return next({ ...action, payload: await res.json() });\n    } catch (e) {\n      if (deneme === retry) return next({ type: action.type + '_HATA', error: String(e) });\n      await new Promise(r => setTimeout(r, 2 ** deneme * 250));\n    }\n  }\n};\nwindow.addEventListener('online', () => {\n  while (offlineKuyruk.length) storeRef.dispatch(offlineKuyruk.shift());\n});\n```", "tr")

R("haiku", "docs", "tooling", "other-language", None,
  "Short commit message.",
  "şu değişiklik için kısa bir commit mesajı yaz: login sayfasında şifre göster/gizle butonu eklendi", "tr")

# ---- Chinese
R("haiku", "question", "systems", "other-language", None,
  "Short factual question.",
  "Linux 下怎么查看某个端口被哪个进程占用？给命令就行", "zh")

R("sonnet", "implement", "data", "other-language", None,
  "Clear-spec implementation: sonnet.",
  "帮我写一个 Python 脚本：读取 S3 上某个前缀下所有 parquet 文件，按 `user_id` 去重（保留 `updated_at` 最新的一条），结果写回另一个前缀，按日期分区。数据量大约 50GB，用 pyarrow 或 polars 都行，注意内存。", "zh")

R("opus", "debug", "systems", "other-language", None,
  "Performance cliff needing analysis (cache behaviour, false sharing): opus.",
  "我们的 C++ 撮合引擎从 8 线程加到 16 线程之后吞吐反而下降了 40%，CPU 占用是满的。perf 显示大量时间花在几个原子计数器上。帮我分析可能的原因（false sharing？NUMA？）以及怎么验证和优化。", "zh")

R("haiku", "edit", "web", "other-language", None,
  "Mechanical reformat.",
  "把这段 JSON 格式化一下并按 key 排序：\n{\"version\":\"2.1.0\",\"name\":\"shop-web\",\"private\":true,\"scripts\":{\"dev\":\"vite\",\"build\":\"vite build\",\"test\":\"vitest\"},\"author\":\"张伟\"}", "zh")

R("sonnet", "debug", "ml", "other-language", None,
  "Clear error (shape mismatch) pointing at cause: sonnet.",
  "训练的时候报错，帮我看看是哪里的问题：\n\n```\nTraceback (most recent call last):\n  File \"train.py\", line 118, in <module>\n    loss = criterion(logits, labels)\n  File \"/opt/conda/lib/python3.10/site-packages/torch/nn/modules/module.py\", line 1511, in _wrapped_call_impl\n    return self._call_impl(*args, **kwargs)\n  File \"/opt/conda/lib/python3.10/site-packages/torch/nn/modules/loss.py\", line 1179, in forward\n    return F.cross_entropy(input, target, weight=self.weight,\nValueError: Expected input batch_size (512) to match target batch_size (32).\n```\n模型最后是 `x = x.view(-1, 10)`，输入是 (32, 16, 128)，标签是 (32,)。", "zh")

R("opus", "design", "infrastructure", "other-language", "short-hard",
  "Short, open distributed design.",
  "设计一个全球分布式限流服务，误差可控，给出取舍。", "zh")

R("haiku", "explain", "systems", "other-language", "hard-words-easy",
  "Scary words (epoll, edge-triggered) but asks for a one-sentence definition.",
  "epoll 的边缘触发 (EPOLLET) 和水平触发一句话说区别是什么？", "zh")

R("sonnet", "review", "web", "other-language", None,
  "Code review for correctness/style: sonnet.",
  "帮我 review 一下这个 Vue 3 组件，有没有问题或者可以改进的地方：\n\n```vue\n<script setup>\nimport { ref, watch } from 'vue'\nconst props = defineProps(['keyword'])\nconst list = ref([])\nconst loading = ref(false)\nwatch(() => props.keyword, async (kw) => {\n  loading.value = true\n  const res = await fetch('/api/search?q=' + kw)\n  list.value = await res.json()\n  loading.value = false\n})\n</script>\n<template>\n  <div v-if=\"loading\">加载中...</div>\n  <ul><li v-for=\"item in list\">{{ item.name }}</li></ul>\n</template>\n```", "zh")

R("opus", "design", "data", "other-language", None,
  "Open data architecture with trade-offs: opus.",
  "我们现在每天有 20 亿条埋点事件，用 Kafka + Flink 做实时，离线是 Hive。老板想要实时和离线口径一致，还想支持回溯修正历史数据。请设计整体架构（Lambda/Kappa/湖仓？），说明取舍和迁移路径。", "zh")

R("haiku", "question", "systems", "other-language", "long-trivial",
  "TB5: long dmesg paste, asks which process was OOM-killed: one lookup.",
  "下面的 dmesg 里被 OOM 杀掉的是哪个进程？只要进程名\n\n" + dmesg(320, 901), "zh")

R("sonnet", "ops", "tooling", "other-language", None,
  "CI/build configuration: sonnet.",
  "帮我写一个多阶段 Dockerfile，给 Go 1.22 的服务用：编译阶段用 golang 镜像并缓存 go mod，运行阶段用 distroless，非 root 运行，带上时区数据 Asia/Shanghai 和 CA 证书。", "zh")

R("opus", "plan", "databases", "other-language", None,
  "Large cross-codebase migration plan (MySQL to PostgreSQL with zero downtime): opus.",
  "我们要把核心业务从 MySQL 5.7 迁到 PostgreSQL 16，200 多张表，几十个服务直接写 SQL，不能停机超过 5 分钟。帮我出一个完整的迁移方案：双写还是 CDC、数据校验、回滚、各服务的切换顺序。", "zh")

# ---- Japanese
R("haiku", "question", "tooling", "other-language", None,
  "Short factual question.",
  "git stash で untracked ファイルも一緒に退避するオプションは？", "ja")

R("sonnet", "implement", "mobile", "other-language", None,
  "Clear-spec mobile feature: sonnet.",
  "SwiftUI で、プルして更新できる記事一覧画面を作ってください。API は GET /articles?page=N、最後までスクロールしたら次のページを読み込む。エラー時はリトライボタンを表示。async/await で。", "ja")

R("opus", "review", "systems", "other-language", None,
  "Review of unsafe Rust / concurrency: opus (TB7/TB10).",
  "この unsafe な Rust コードは健全（sound）ですか？複数スレッドから呼ばれます。\n\n```rust\npub struct Slot<T> { ready: AtomicBool, val: UnsafeCell<MaybeUninit<T>> }\nunsafe impl<T> Sync for Slot<T> {}\n\nimpl<T> Slot<T> {\n    pub fn put(&self, v: T) {\n        unsafe { (*self.val.get()).write(v); }\n        self.ready.store(true, Ordering::Relaxed);\n    }\n    pub fn take(&self) -> Option<T> {\n        if self.ready.load(Ordering::Relaxed) {\n            Some(unsafe { (*self.val.get()).assume_init_read() })\n        } else { None }\n    }\n}\n```", "ja")

R("haiku", "edit", "web", "other-language", None,
  "Mechanical translation of a few UI strings.",
  "次のボタンのラベルを英語にしてください：「保存」「キャンセル」「削除する」「もっと見る」", "ja")

R("sonnet", "refactor", "web", "other-language", None,
  "Refactor module to hooks: sonnet.",
  "このクラスコンポーネントを関数コンポーネント + hooks に書き換えてください。挙動は同じで。\n\n```jsx\nclass タイマー extends React.Component {\n  state = { 秒: 0 };\n  componentDidMount() { this.id = setInterval(() => this.setState(s => ({ 秒: s.秒 + 1 })), 1000); }\n  componentDidUpdate(prev) { if (prev.reset !== this.props.reset) this.setState({ 秒: 0 }); }\n  componentWillUnmount() { clearInterval(this.id); }\n  render() { return <span>{this.state.秒} 秒</span>; }\n}\n```", "ja")

R("opus", "debug", "databases", "other-language", "easy-words-hard",
  "TB6: prose, intermittent data inconsistency between cache and DB: opus.",
  "たまにユーザーのプロフィールが古い内容に戻って見えるという問い合わせがあります。DB は正しいのに、数時間後に直ることもあります。Redis キャッシュと読み取りレプリカを使っています。原因の仮説と調査方法を教えてください。", "ja")

R("haiku", "question", "ml", "other-language", None,
  "Short conceptual question.",
  "過学習（overfitting）とは何ですか？一言で。", "ja")

R("sonnet", "test", "databases", "other-language", None,
  "Writing tests for a repository class with a real DB: sonnet.",
  "Testcontainers を使って、この Spring Data JPA リポジトリのテストを書いてください（MySQL 8）。`findActiveByTenant` が削除済み（deleted_at あり）を除外すること、テナントで絞ること、ページングが効くことを確認したい。", "ja")

R("opus", "design", "security", "other-language", None,
  "Authz model design across services: opus.",
  "社内の 30 個のサービスで権限管理がバラバラです。RBAC と ABAC、あと Zanzibar 系（SpiceDB/OpenFGA）を比較して、どういう設計で統一すべきか提案してください。移行の段階も。", "ja")

R("haiku", "question", "web", "other-language", "long-trivial",
  "TB5: long Go file, asks how many handler functions it contains: count.",
  "このファイルにハンドラ関数はいくつありますか？数だけ。\n\n" + go_handlers(120, 1001), "ja")

# ---- Korean
R("haiku", "question", "web", "other-language", None,
  "Short factual question.",
  "HTTP PUT이랑 PATCH 차이가 뭐예요? 짧게요", "ko")

R("sonnet", "debug", "web", "other-language", None,
  "Error with clear cause (hydration mismatch from Date): sonnet.",
  "Next.js에서 이 에러가 계속 나요:\n\n```\nError: Text content does not match server-rendered HTML.\nWarning: Text content did not match. Server: \"2025. 3. 14. 오전 9:12:03\" Client: \"2025. 3. 14. 오후 6:12:03\"\n    at time\n    at PostMeta (webpack-internal:///./components/PostMeta.tsx:21:11)\n```\n컴포넌트에서 `new Date(post.createdAt).toLocaleString()`을 렌더링하고 있어요. 어떻게 고치는 게 좋을까요?", "ko")

R("opus", "design", "systems", "other-language", None,
  "Consensus/leader election design: opus.",
  "우리 스케줄러를 3대로 이중화하려고 해요. 같은 작업이 두 번 실행되면 안 되고, 네트워크 분할이 생겨도 안전해야 해요. 리더 선출을 etcd로 할지, DB 락으로 할지, 펜싱 토큰이 필요한지 설계해 주세요.", "ko")

R("haiku", "edit", "databases", "other-language", None,
  "Mechanical SQL formatting.",
  "이 SQL 보기 좋게 줄바꿈하고 키워드 대문자로 바꿔 주세요:\n\nselect u.id, u.name, count(o.id) from users u left join orders o on o.user_id = u.id where u.created_at > '2025-01-01' group by u.id, u.name order by 3 desc limit 50", "ko")

R("sonnet", "implement", "infrastructure", "other-language", None,
  "Known-steps infra implementation: sonnet.",
  "GitHub Actions에서 OIDC로 AWS에 로그인해서 ECR에 이미지 푸시하고 ECS 서비스 업데이트하는 워크플로우 만들어 주세요. IAM 역할 trust policy도 같이요. 리포는 acme/payments, 브랜치 main만 허용.", "ko")

R("opus", "debug", "ml", "other-language", "short-hard",
  "Short; distributed training divergence without a lead: opus.",
  "8노드 학습에서만 loss가 NaN 나요. 단일 노드는 괜찮아요. 왜일까요?", "ko")

R("haiku", "question", "mobile", "other-language", "hard-words-easy",
  "Scary-sounding (APNs, provisioning profile, entitlements) but one well-known fact.",
  "APNs 푸시 인증할 때 .p8 키랑 .p12 인증서 중에 뭐가 만료가 없나요?", "ko")

R("sonnet", "explain", "databases", "other-language", None,
  "Explaining an EXPLAIN ANALYZE plan of moderate size: sonnet.",
  "이 실행 계획 좀 해석해 주세요. 왜 느린지도요.\n\n```\nSort  (cost=48211.33..48213.83 rows=1000 width=48) (actual time=2841.120..2841.201 rows=1000 loops=1)\n  Sort Key: (count(o.id)) DESC\n  Sort Method: top-N heapsort  Memory: 151kB\n  ->  HashAggregate  (cost=47911.00..48011.00 rows=10000 width=48) (actual time=2790.441..2829.880 rows=98211 loops=1)\n        Group Key: u.id\n        ->  Hash Right Join  (cost=3412.00..42911.00 rows=1000000 width=40) (actual time=41.203..2201.554 rows=1203341 loops=1)\n              Hash Cond: (o.user_id = u.id)\n              ->  Seq Scan on orders o  (cost=0.00..31221.00 rows=1500000 width=16) (actual time=0.011..801.222 rows=1500000 loops=1)\n              ->  Hash  (cost=2162.00..2162.00 rows=100000 width=32) (actual time=40.901..40.902 rows=98211 loops=1)\n                    ->  Seq Scan on users u  (cost=0.00..2162.00 rows=100000 width=32) (actual time=0.008..22.310 rows=98211 loops=1)\n                          Filter: (created_at > '2025-01-01 00:00:00+09'::timestamp with time zone)\n                          Rows Removed by Filter: 1789\nPlanning Time: 0.412 ms\nExecution Time: 2842.033 ms\n```", "ko")

# ---- Vietnamese
R("haiku", "question", "web", "other-language", None,
  "Short factual question.",
  "cookie HttpOnly với Secure khác nhau thế nào ạ?", "vi")

R("sonnet", "implement", "web", "other-language", None,
  "Clear-spec feature: sonnet.",
  "Viết giúp mình middleware cho NestJS để ghi log mỗi request: method, url, status, thời gian xử lý, và request-id (lấy từ header X-Request-Id hoặc tự sinh UUID). Log ra dạng JSON.", "vi")

R("opus", "design", "web", "other-language", "easy-words-hard",
  "TB6: plain words, inventory/flash sale consistency design: opus.",
  "Sắp tới shop có đợt flash sale, 500 sản phẩm giá sốc mà có thể 200 nghìn người vào cùng lúc. Làm sao để không bán quá số lượng và hệ thống không sập? Bạn thiết kế giúp mình.", "vi")

R("haiku", "edit", "tooling", "other-language", None,
  "Mechanical fix of a typo in config.",
  "sửa giúp lỗi chính tả trong file này, chỗ `potr` phải là `port`:\n\nserver:\n  potr: 8080\n  host: 0.0.0.0\nlogging:\n  level: info", "vi")

R("sonnet", "debug", "databases", "other-language", None,
  "Clear error with cause (N+1 / connection pool exhaustion with timeout message): sonnet.",
  "Ứng dụng Node của mình hay bị lỗi này khi đông người dùng:\n\n```\nKnexTimeoutError: Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?\n    at Client_PG.acquireConnection (/app/node_modules/knex/lib/client.js:312:26)\n    at async Runner.ensureConnection (/app/node_modules/knex/lib/execution/runner.js:287:28)\n    at async createOrder (/app/src/orders/service.js:48:17)\n```\nTrong createOrder mình mở transaction `knex.transaction(async trx => {...})` nhưng bên trong gọi `knex('inventory').where(...)` chứ không phải `trx(...)`. Pool max = 10.", "vi")

R("opus", "review", "security", "other-language", None,
  "Security review of an OAuth flow: opus.",
  "Review giúp luồng đăng nhập OAuth của app mobile: app mở webview tới Google, nhận `code` qua custom scheme `myapp://callback`, rồi gửi code + client_secret (nhúng trong app) lên server để đổi token. Có lỗ hổng gì không và nên sửa thế nào?", "vi")

R("haiku", "question", "data", "other-language", None,
  "Short pandas one-liner.",
  "pandas làm sao đổi tên cột 'ngay_tao' thành 'created_at'?", "vi")

R("sonnet", "ops", "infrastructure", "other-language", None,
  "Known-steps ops task.",
  "Hướng dẫn mình cấu hình Nginx làm reverse proxy cho 2 service (api ở :3000, admin ở :4000) theo subdomain, có HTTPS Let's Encrypt tự gia hạn, và redirect http sang https.", "vi")
# ---------------------------------------------------------------- batch 4: non-native English, mixed voices

R("haiku", "question", "systems", "non-native", None,
  "Short factual question.",
  "what does mean 'load average 4.2 3.9 3.1' on a 4 core machine? is bad?", "en")

R("sonnet", "debug", "systems", "non-native", None,
  "Rust borrow error with a clear cause: TB7 sonnet.",
  "Rust compiler not accept this and I dont understand why, I only read from the vec:\n\n```rust\nfn main() {\n    let mut pedidos = vec![String::from(\"a\"), String::from(\"b\")];\n    let primero = &pedidos[0];\n    pedidos.push(String::from(\"c\"));\n    println!(\"{}\", primero);\n}\n```\nerror[E0502]: cannot borrow `pedidos` as mutable because it is also borrowed as immutable", "en")

R("opus", "design", "systems", "non-native", None,
  "Designing a plugin system with ABI stability and sandboxing trade-offs: opus.",
  "We make a desktop app in C++ and customers want write plugins. We want that a bad plugin cannot crash the app and that old plugins still work after we update. Should we use shared libraries with C ABI, separate process with IPC, or WASM? Please compare deeply and propose design.", "en")

R("haiku", "edit", "web", "non-native", "long-trivial",
  "TB5: a long access log; the ask is to extract unique IPs with status 401 — mechanical filter, checkable.",
  "give me only the list of unique IP that got 401 in this log, nothing else\n\n" + nginx_log(200, 1101), "en")

R("sonnet", "implement", "databases", "non-native", None,
  "Clear-spec SQL work over several tables: sonnet.",
  "I need query for monthly report: for each merchant, number of payments, sum of amount, sum of refunds, and the chargeback rate, for last 6 months, month by month. Tables: payments(id, merchant_id, amount_cents, created_at, status), refunds(id, payment_id, amount_cents, created_at), chargebacks(id, payment_id, opened_at). Postgres.", "en")

R("opus", "debug", "web", "non-native", "easy-words-hard",
  "TB6: memory leak under load in prose, no lead: opus.",
  "Our node server memory grow slowly, after 3 days it is 2GB and then killed. It happen only in production, not staging. We have heap snapshot but it is 1.5GB and I dont know what look for. How to find it?", "en")

R("haiku", "question", "tooling", "typos", None,
  "One-liner despite typos.",
  "how to see wich branch i am in git, and list all remote brances", "en")

R("sonnet", "test", "web", "non-native", None,
  "Writing e2e tests for an existing flow: sonnet.",
  "Please write Playwright tests for our checkout: add product to cart, apply coupon 'PRIMAVERA10', fill address, pay with test card 4242..., and check the order confirmation page show the discount. Also the case when coupon is expired show the error message 'Cupón caducado'.", "en")

R("opus", "question", "systems", "terse", "short-hard",
  "Short, requires proof-level reasoning about consensus.",
  "why raft needs the leader to commit an entry from its own term before older ones count. give the counterexample", "en")

R("haiku", "explain", "web", "non-native", None,
  "Explain a common error message.",
  "what is meaning of 'Uncaught TypeError: Cannot read properties of undefined (reading 'map')'?", "en")

R("sonnet", "refactor", "systems", "non-native", None,
  "Refactor a function with error handling into idiomatic Go: sonnet.",
  "Can you refactor this Go code, it is ugly with many nested if. Keep same behaviour and errors.\n\n```go\nfunc LoadConfig(path string) (*Config, error) {\n\tf, err := os.Open(path)\n\tif err == nil {\n\t\tdefer f.Close()\n\t\tb, err := io.ReadAll(f)\n\t\tif err == nil {\n\t\t\tvar c Config\n\t\t\terr = yaml.Unmarshal(b, &c)\n\t\t\tif err == nil {\n\t\t\t\tif c.Port == 0 {\n\t\t\t\t\tc.Port = 8080\n\t\t\t\t}\n\t\t\t\tif c.Region == \"\" {\n\t\t\t\t\treturn nil, errors.New(\"region required\")\n\t\t\t\t}\n\t\t\t\treturn &c, nil\n\t\t\t} else {\n\t\t\t\treturn nil, fmt.Errorf(\"parse: %w\", err)\n\t\t\t}\n\t\t} else {\n\t\t\treturn nil, err\n\t\t}\n\t}\n\treturn nil, fmt.Errorf(\"open %s: %w\", path, err)\n}\n```", "en")

R("opus", "review", "systems", "non-native", None,
  "Review of distributed lock code: opus (TB10).",
  "Is this distributed lock with redis safe? we use it to make sure only one worker send the monthly invoices.\n\n```python\ndef acquire(name, ttl=30):\n    token = str(uuid.uuid4())\n    if r.setnx(name, token):\n        r.expire(name, ttl)\n        return token\n    return None\n\ndef release(name, token):\n    if r.get(name) == token:\n        r.delete(name)\n```\nsometimes the sending take more than 30 seconds.", "en")

R("haiku", "question", "data", "non-native", "hard-words-easy",
  "Big-data vocabulary, but a simple definitional answer.",
  "in Apache Iceberg with hidden partitioning and snapshot isolation, what is a 'manifest file'? one or two sentence", "en")

R("sonnet", "ops", "infrastructure", "non-native", None,
  "Known-steps backup setup: sonnet.",
  "Need script + cron for backup our Postgres every night with pg_dump, compress, upload to S3 with date in name, keep 14 days, and send message to Slack if fail. Server is Ubuntu 22.04.", "en")

R("opus", "plan", "security", "non-native", None,
  "Incident response plan after a key leak, high stakes multi-step: opus.",
  "We found that our AWS access key with admin rights was in a public GitHub repo for 3 weeks. We already disabled it. What we must do now, step by step? How we check what the attacker maybe did and what we tell customers?", "en")

R("haiku", "docs", "web", "non-native", None,
  "Short doc text task.",
  "write a short alt text for image of our logo, it is a blue bird holding a package", "en")

R("sonnet", "debug", "mobile", "typos", None,
  "Clear error with an identifiable cause: sonnet.",
  "flutter app crash on android 14 only, log says:\n\njava.lang.SecurityException: com.tienda.app: One of RECEIVER_EXPORTED or RECEIVER_NOT_EXPORTED should be specified when a receiver isn't being registered exclusively for system broadcasts\n  at android.os.Parcel.createExceptionOrNull(Parcel.java:3057)\n  at android.app.ContextImpl.registerReceiverInternal(ContextImpl.java:1877)\n  at io.flutter.plugins.connectivity.ConnectivityBroadcastReceiver.onListen(ConnectivityBroadcastReceiver.java:51)\n\nwe use connectivity 3.0.6 plugin, verry old. what shoud i do", "en")

R("opus", "design", "databases", "verbose", None,
  "Choosing between designs with justification (event sourcing vs CRUD) for a ledger: opus.",
  "Hi! Some context first: we are a small fintech in Lisbon, 12 developers, and we're building a new wallet product where users hold balances in several currencies and can send money to each other. Our tech lead wants event sourcing with Kafka as the source of truth, another senior prefers a classic double-entry ledger in Postgres with strict transactions, and I'm in the middle. Regulators will audit us and we need to be able to reconstruct any balance at any point in time. Could you compare these two approaches seriously (correctness, auditability, operations, team skills) and give a recommendation, including how to handle currency conversion and idempotency of transfers?", "en")

R("haiku", "edit", "tooling", "non-native", None,
  "Mechanical .gitignore addition.",
  "add to this .gitignore the things for python venv and pycache and .DS_Store:\n\nnode_modules/\ndist/\n.env", "en")

R("sonnet", "implement", "ml", "non-native", None,
  "Clear spec ML pipeline code: sonnet.",
  "Please write a sklearn pipeline for our churn data: numeric columns scaled, categorical one-hot (handle unknown), missing values imputed, then LightGBM. Use stratified 5-fold CV and report ROC AUC and PR AUC. Columns: tenure_months, plan, country, monthly_fee, support_tickets, last_login_days, churned.", "en")

R("opus", "debug", "systems", "non-native", None,
  "Deadlock across components without a clear lead (only symptoms): opus.",
  "Our Java service sometimes hangs completely. thread dump show many threads WAITING on a ReentrantLock in CacheManager and two threads BLOCKED in synchronized method of ConnectionPool, and one in Hikari getConnection. It happen maybe once per week under load. How I analyse this and fix without guessing?", "en")

R("haiku", "question", "mobile", "terse", None,
  "One-liner.",
  "adb command install apk replace existing", "en")

R("sonnet", "review", "ml", "non-native", None,
  "Code review for correctness of a training loop: sonnet.",
  "Can you review my training loop? The accuracy is ok but I think something is wrong.\n\n```python\nmodel.train()\nfor epoch in range(20):\n    for x, y in train_loader:\n        x, y = x.cuda(), y.cuda()\n        out = model(x)\n        loss = criterion(out, y)\n        loss.backward()\n        optimizer.step()\n    model.eval()\n    correct = 0\n    for x, y in val_loader:\n        out = model(x.cuda())\n        correct += (out.argmax(1) == y.cuda()).sum().item()\n    print(epoch, correct / len(val_loader.dataset))\n```", "en")

R("opus", "design", "mobile", "non-native", "short-hard",
  "Short, but end-to-end secure device pairing protocol design.",
  "design pairing protocol between our BLE lock and phone app, attacker can sniff BLE", "en")

R("haiku", "question", "databases", "non-native", "long-trivial",
  "TB5: long SQL migration file; asks only which tables have no tenant_id index — read the comments. Checkable at a glance.",
  "In this migration, which tables are marked with '-- no tenant on'? only list the names.\n\n" + sql_migration(180, 1201), "en")

R("sonnet", "refactor", "databases", "non-native", None,
  "Rewriting a long migration into another form (partitioned, consistent naming): many careful steps, sonnet (TB5).",
  "Now rewrite this same migration so every fact_ table is partitioned by month on created_at (declarative partitioning), all have tenant_id, and index names follow <table>__<cols>__idx. Keep the dim_ tables as they are.\n\n" + sql_migration(14, 1202), "en")

R("opus", "implement", "data", "non-native", None,
  "Novel algorithm with correctness concerns (streaming approximate quantiles with merge): opus.",
  "We need p50/p95/p99 latency per endpoint over 1 minute windows, computed on 40 edge nodes and merged centrally, memory small. Implement a mergeable sketch (t-digest or KLL) in Go and explain the error bounds and why the merge is correct.", "en")

R("haiku", "question", "general", "non-native", None,
  "Simple factual question.",
  "what is the difference of 'deprecated' and 'obsolete' in API docs? my english is not so good", "en")

R("sonnet", "docs", "web", "non-native", None,
  "Writing API docs for several endpoints from code: sonnet.",
  "Write OpenAPI 3 spec for these three endpoints from our express routes: GET /v1/shipments/:id, POST /v1/shipments (body: orderId, carrier, weightGrams), and POST /v1/shipments/:id/cancel (only if status is 'created'). Include errors 400, 404, 409.", "en")

R("opus", "debug", "infrastructure", "non-native", None,
  "Network heisenbug across components (intermittent 502 at LB, keepalive race): opus.",
  "We get random 502 from AWS ALB maybe 0.05% of requests. Target is node behind nginx in ECS. No error in node logs. It start after we changed nginx to keepalive upstream. Cannot reproduce in load test. Ideas how to find?", "en")

R("haiku", "edit", "data", "non-native", None,
  "Tiny mechanical change.",
  "change this to use f-string:\n\nprint('User %s has %d orders, total %.2f EUR' % (name, n, total))", "en")

R("sonnet", "debug", "data", "follow-up", None,
  "TB8: points back without saying the work: sonnet.",
  "hmm that didnt work, the numbers are still double. can you look again", "en")

R("haiku", "edit", "web", "follow-up", None,
  "TB8: 'rename it back' is haiku.",
  "sorry the team prefer the old name, rename it back to fetchOrders everywhere in that snippet", "en")

R("sonnet", "test", "web", "follow-up", None,
  "TB8: 'add tests for that too' is sonnet.",
  "good. add tests for the coupon validation too, same style like the others", "en")

R("opus", "plan", "infrastructure", "follow-up", None,
  "TB8: follow-up asking for a cross-cluster rollout plan names opus work.",
  "ok the helm chart is fine for one cluster. now we need plan how to roll this out to all 9 clusters in 3 regions with zero downtime and rollback if the error rate go up", "en")

R("haiku", "question", "infrastructure", "plain", None,
  "Short factual question.",
  "What port does PostgreSQL listen on by default?", "en")

R("sonnet", "implement", "tooling", "plain", None,
  "Clear-spec tool with several steps.",
  "Write a pre-commit hook in Python that rejects commits containing files larger than 2 MB or any string that looks like an AWS access key, and prints which file and line triggered it.", "en")

R("opus", "review", "security", "plain", None,
  "Security review of a sandbox escape surface: opus.",
  "We run customer-provided Python snippets inside our SaaS using `exec` with a restricted `__builtins__` dict and a 2-second timeout thread. Please review whether this is a safe sandbox and what we should use instead.", "en")
# ---------------------------------------------------------------- batch 5: medium pastes, traps, ml/mobile/security

R("haiku", "question", "web", "other-language", "long-trivial",
  "TB5: 60 lines of Java service log, asks for the one tenant id that appears: a lookup.",
  "In diesem Log: welche Tenant-IDs kommen in den 'Fetched ... pending invoices'-Zeilen vor? Nur die Liste.\n\n" + java_service_log(40, 1301), "de")

R("opus", "debug", "web", "other-language", None,
  "Same log, but asks to explain intermittent duplicate invoices across Kafka, DB and scheduler: theory across components.",
  "Gleicher Service. Seit letzter Woche bekommen ca. 0,3 % der Kunden zwei Rechnungen. Im Log sieht alles normal aus (Auszug unten). Der InvoiceScheduler läuft auf 3 Pods, die Veröffentlichung geht über Kafka, Offsets werden nach dem DB-Commit bestätigt. Hilf mir, Hypothesen aufzustellen und gezielt zu prüfen.\n\n" + java_service_log(24, 1302), "de")

R("sonnet", "explain", "systems", "other-language", None,
  "Explaining a non-trivial module (~40 lines): sonnet.",
  "¿Me explicas qué hace este módulo de Go y para qué sirve el canal `sem`? Lo heredé y no hay documentación.\n\n```go\npackage descarga\n\nimport (\n\t\"context\"\n\t\"io\"\n\t\"net/http\"\n\t\"os\"\n\t\"path/filepath\"\n\t\"sync\"\n)\n\nfunc DescargarTodo(ctx context.Context, urls []string, dir string, max int) []error {\n\tsem := make(chan struct{}, max)\n\terrs := make([]error, len(urls))\n\tvar wg sync.WaitGroup\n\tfor i, u := range urls {\n\t\twg.Add(1)\n\t\tgo func(i int, u string) {\n\t\t\tdefer wg.Done()\n\t\t\tselect {\n\t\t\tcase sem <- struct{}{}:\n\t\t\tcase <-ctx.Done():\n\t\t\t\terrs[i] = ctx.Err()\n\t\t\t\treturn\n\t\t\t}\n\t\t\tdefer func() { <-sem }()\n\t\t\treq, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)\n\t\t\tresp, err := http.DefaultClient.Do(req)\n\t\t\tif err != nil {\n\t\t\t\terrs[i] = err\n\t\t\t\treturn\n\t\t\t}\n\t\t\tdefer resp.Body.Close()\n\t\t\tf, err := os.Create(filepath.Join(dir, filepath.Base(u)))\n\t\t\tif err != nil {\n\t\t\t\terrs[i] = err\n\t\t\t\treturn\n\t\t\t}\n\t\t\tdefer f.Close()\n\t\t\t_, errs[i] = io.Copy(f, resp.Body)\n\t\t}(i, u)\n\t}\n\twg.Wait()\n\treturn errs\n}\n```", "es")

R("haiku", "question", "security", "other-language", "hard-words-easy",
  "Scary vocabulary (HSTS, preload, TLS) but the ask is one header line.",
  "¿Cuál es la cabecera HSTS recomendada para entrar en la lista de preload de Chrome? Solo la línea.", "es")

R("opus", "design", "ml", "other-language", None,
  "RAG architecture with evaluation and trade-offs: open design.",
  "Queremos un asistente que responda preguntas sobre 40.000 documentos legales en español y catalán, con citas exactas y sin inventar. ¿Cómo diseñarías el sistema (chunking, embeddings, búsqueda híbrida, reranking, evaluación) y qué decisiones son las más arriesgadas?", "es")

R("sonnet", "debug", "mobile", "other-language", None,
  "iOS crash log with a clear cause (main thread UI update): sonnet.",
  "La app iOS se cae al volver de la cámara. Log:\n\n```\n*** Terminating app due to uncaught exception 'NSInternalInconsistencyException', reason: 'Modifications to the layout engine must not be performed from a background thread after it has been accessed from the main thread.'\n*** First throw call stack:\n(0x1a2b3c4d 0x19f8e7a6 ... 0x1047a2f10 CamaraViewController.procesarFoto(_:) + 412\n 0x1047a3b88 closure #1 in CamaraViewController.photoOutput(_:didFinishProcessingPhoto:error:) + 96\n 0x1b88f2e14 libdispatch.dylib _dispatch_call_block_and_release + 32)\n```\n`procesarFoto` redimensiona la imagen y luego hace `self.vistaPrevia.image = img` y `self.view.layoutIfNeeded()`.", "es")

R("haiku", "edit", "mobile", "other-language", None,
  "Mechanical string resource edit.",
  "Añade a este strings.xml la cadena `boton_reintentar` con el texto \"Reintentar\":\n\n<resources>\n    <string name=\"app_name\">Reparto</string>\n    <string name=\"error_red\">Sin conexión</string>\n</resources>", "es")

R("opus", "debug", "ml", "other-language", "easy-words-hard",
  "TB6: plain words about a model getting worse in production with no lead: opus.",
  "Le modèle de recommandation marchait bien au lancement, et depuis deux mois les clics baissent doucement. Rien n'a changé dans le code. On ne sait pas si c'est le modèle, les données ou les utilisateurs. Comment on s'y prend pour comprendre ?", "fr")

R("haiku", "question", "ml", "other-language", None,
  "Short conceptual question.",
  "C'est quoi la différence entre précision et rappel ? En deux phrases.", "fr")

R("sonnet", "implement", "ml", "other-language", None,
  "Clear-spec fine-tuning script: sonnet.",
  "Écris un script de fine-tuning avec Hugging Face Transformers pour classer des avis clients en français (3 classes : positif, neutre, négatif) à partir de camembert-base. Données dans un CSV (texte, label). Split 80/10/10 stratifié, early stopping, et sauvegarde du meilleur modèle selon le F1 macro.", "fr")

R("sonnet", "debug", "web", "other-language", None,
  "50-line access log + clear symptom (one endpoint 504s on a regular interval): sonnet.",
  "On a des 504 sur /api/v2/payments/intent mais pas ailleurs. Voici un extrait du log nginx. Le service de paiement appelle Stripe avec un timeout de 30s, nginx a proxy_read_timeout 20s. C'est ça le problème ? Que faut-il changer, et où ?\n\n" + nginx_log(34, 1303), "fr")

R("opus", "review", "mobile", "other-language", None,
  "Security review of mobile token storage: opus.",
  "Peux-tu faire une revue de sécurité de la façon dont l'app Android stocke les jetons ? On met l'access token et le refresh token dans SharedPreferences en clair, on désactive le certificate pinning en debug via un flag BuildConfig, et on a un WebView avec `setJavaScriptEnabled(true)` et `addJavascriptInterface(new PontJs(), \"pont\")` qui charge des pages de notre CMS.", "fr")

R("haiku", "question", "tooling", "other-language", None,
  "Short tooling fact.",
  "Welcher Befehl zeigt in kubectl die Logs des vorherigen (abgestürzten) Containers?", "de")

R("opus", "design", "mobile", "other-language", "short-hard",
  "Short, but open design of push delivery guarantees at scale.",
  "Push-Benachrichtigungen für 20 Mio. Geräte, garantiert genau einmal angezeigt – geht das? Entwurf bitte.", "de")

R("sonnet", "implement", "security", "other-language", None,
  "Clear spec security feature with standard library: sonnet.",
  "Implementiere TOTP-Zwei-Faktor-Authentifizierung in unserer Django-App mit pyotp: Einrichtung per QR-Code, Bestätigung mit erstem Code, 10 Backup-Codes (gehasht gespeichert), und Prüfung beim Login. Zeitfenster ±1.", "de")

R("haiku", "question", "data", "other-language", "long-trivial",
  "TB5: 80-line CSV; asks the total number of rows for one city — a count.",
  "Quante righe ci sono con città Milano in questo CSV? Solo il numero.\n\n" + csv_orders(80, 1304), "it")

R("sonnet", "implement", "data", "other-language", None,
  "Same CSV, asks for a cohort/retention analysis script: several steps, sonnet.",
  "Con lo stesso formato di CSV (qui un estratto), scrivi un'analisi di coorte in pandas: coorte = mese del primo ordine del cliente, retention mensile per i 6 mesi successivi, solo ordini paid/shipped, e un heatmap con seaborn.\n\n" + csv_orders(30, 1305), "it")

R("opus", "question", "systems", "other-language", "short-hard",
  "Short, but asks for the subtle semantics of fsync/rename durability across filesystems: opus.",
  "Come rendo atomico e durevole il salvataggio di un file su ext4 e XFS? rename basta?", "it")

R("haiku", "explain", "security", "other-language", None,
  "Explains a common error message.",
  "co znaczy błąd `SSL: CERTIFICATE_VERIFY_FAILED unable to get local issuer certificate` w Pythonie?", "pl")

R("sonnet", "ops", "infrastructure", "other-language", None,
  "Writing a k8s manifest set with known steps: sonnet.",
  "Przygotuj manifesty Kubernetes dla aplikacji `raporty`: Deployment (3 repliki, requests/limits, liveness i readiness na /zdrowie), Service, Ingress z TLS (cert-manager, letsencrypt-prod), ConfigMap i Secret na DATABASE_URL, oraz PodDisruptionBudget minAvailable 2.", "pl")

R("opus", "design", "databases", "other-language", None,
  "Choosing a data model for a multi-tenant search/analytics workload with trade-offs: opus.",
  "Mamy w Postgresie tabelę zdarzeń (2 mld wierszy, rośnie 15 mln dziennie), a klienci chcą filtrować po dowolnych atrybutach w JSONB i robić agregacje w czasie rzeczywistym. Czy zostać przy Postgresie (partycjonowanie, GIN, Citus), czy przejść na ClickHouse albo Elasticsearch? Uzasadnij wybór.", "pl")

R("haiku", "edit", "tooling", "other-language", None,
  "Mechanical edit of env var names.",
  "зміни в цьому docker-compose всі змінні з префіксом `APP_` на `SHOP_`:\n\nservices:\n  api:\n    image: shop/api:1.4\n    environment:\n      APP_DB_URL: postgres://shop@db/shop\n      APP_REDIS_URL: redis://cache:6379/0\n      APP_LOG_LEVEL: info\n    ports: [\"8000:8000\"]", "uk")

R("sonnet", "debug", "data", "other-language", None,
  "Traceback with identifiable cause (timezone-naive vs aware comparison): sonnet.",
  "Чому падає цей скрипт після переходу на новий клієнт БД?\n\n```\nTraceback (most recent call last):\n  File \"/opt/etl/zvit.py\", line 77, in <module>\n    nedavni = [r for r in rows if r[\"created_at\"] > mezha]\n  File \"/opt/etl/zvit.py\", line 77, in <listcomp>\n    nedavni = [r for r in rows if r[\"created_at\"] > mezha]\nTypeError: can't compare offset-naive and offset-aware datetimes\n```\n`mezha = datetime.now() - timedelta(days=7)`, а рядки з psycopg3 тепер повертають timestamptz.", "uk")

R("opus", "plan", "mobile", "other-language", None,
  "Large multi-step migration plan across a mobile codebase: opus.",
  "У нас два нативні застосунки (Swift і Kotlin), по ~150 екранів. Керівництво хоче перейти на спільну кодову базу. Склади план: Flutter, React Native чи Kotlin Multiplatform, як мігрувати поступово без заморозки релізів, і які ризики.", "uk")

R("haiku", "question", "infrastructure", "other-language", None,
  "Short factual question.",
  "чем отличается Deployment от StatefulSet в Kubernetes? пару предложений", "ru")

R("sonnet", "refactor", "tooling", "other-language", None,
  "Refactor a shell script into a robust one: sonnet.",
  "Перепиши этот bash-скрипт деплоя нормально: set -euo pipefail, функции, проверка аргументов, откат если health-check не прошёл.\n\n```bash\n#!/bin/bash\ncd /opt/app\ngit pull\nnpm install\nnpm run build\npm2 stop app\ncp -r dist /var/www/app\npm2 start app\ncurl localhost:3000/health\necho done\n```", "ru")

R("opus", "debug", "systems", "other-language", "short-hard",
  "Short; latency spikes on GC-less system with no lead: opus.",
  "p99 раз в 10 минут прыгает до 800мс, GC нет, это Rust. куда смотреть?", "ru")

R("haiku", "edit", "web", "other-language", "hard-words-easy",
  "Scary terms (CSP, nonce, XSS) but the ask is to add one domain to an existing header.",
  "Bu Content-Security-Policy başlığına script-src için https://cdn.iyzipay.com ekle, başka bir şeyi değiştirme:\n\nContent-Security-Policy: default-src 'self'; script-src 'self' 'nonce-r4nd0m' https://www.googletagmanager.com; img-src 'self' data:; frame-ancestors 'none'", "tr")

R("sonnet", "implement", "mobile", "other-language", None,
  "Clear-spec mobile feature: sonnet.",
  "Kotlin + Jetpack Compose ile bir OTP giriş ekranı yap: 6 kutucuk, her kutuya bir rakam, otomatik sonraki kutuya geçsin, silince geri gelsin, SMS Retriever API ile kod otomatik dolsun.", "tr")

R("opus", "design", "security", "other-language", "easy-words-hard",
  "TB6: plain words asking to design account recovery that resists social engineering: opus.",
  "Kullanıcı telefonunu ve e-postasını kaybederse hesabına nasıl geri dönebilir? Ama dolandırıcılar da bu yolu kullanmasın. Süreci baştan tasarla.", "tr")

R("haiku", "question", "ml", "other-language", "hard-words-easy",
  "Scary terms (LoRA rank, attention projections) but a one-line factual answer.",
  "LoRA 的 rank r 一般设多少？一句话回答就行", "zh")

R("sonnet", "test", "data", "other-language", None,
  "Writing data-quality tests: sonnet.",
  "给这个 dbt 模型写测试：`orders_daily` 里 order_date + shop_id 唯一、amount 非负、shop_id 必须在 dim_shop 里存在、每天的行数不能比前一天少 50% 以上（自定义 test）。用 dbt 的 schema.yml 和一个 generic test。", "zh")

R("opus", "review", "data", "other-language", None,
  "Review of concurrent/streaming code semantics (Flink watermarks, exactly-once sink): opus.",
  "帮我评审一下这个 Flink 作业的正确性：我们用 event time，watermark 是 `forBoundedOutOfOrderness(5s)`，窗口 1 分钟，sink 是 JDBC upsert，checkpoint 间隔 60s。业务要求每分钟的交易金额精确、不能重复、不能漏，迟到最多 2 小时。现在的配置能保证吗？哪里会出问题？", "zh")

R("haiku", "docs", "general", "other-language", None,
  "Short text task.",
  "帮我把这句话翻成英文放到 PR 描述里：修复了在深色模式下按钮文字看不清的问题。", "zh")

R("sonnet", "debug", "web", "other-language", None,
  "Clear error: Python import cycle traceback: sonnet.",
  "このエラーの原因と直し方を教えてください。\n\n```\nTraceback (most recent call last):\n  File \"/app/main.py\", line 3, in <module>\n    from app.routes import router\n  File \"/app/app/routes.py\", line 5, in <module>\n    from app.services.users import UserService\n  File \"/app/app/services/users.py\", line 4, in <module>\n    from app.routes import get_current_user\nImportError: cannot import name 'get_current_user' from partially initialized module 'app.routes' (most likely due to a circular import) (/app/app/routes.py)\n```", "ja")

R("opus", "design", "web", "other-language", None,
  "Cache invalidation design across CDN/app/DB: opus.",
  "EC サイトで、商品価格の変更を CDN・アプリのキャッシュ・検索インデックスに数秒以内に反映させたいです。価格が古いまま購入されると法的に問題です。無効化の設計と、整合性をどう保証するか提案してください。", "ja")

R("haiku", "question", "mobile", "other-language", None,
  "Short factual.",
  "Android の minSdk と targetSdk の違いは？", "ja")

R("sonnet", "refactor", "databases", "other-language", None,
  "Refactor queries to avoid N+1 with ORM: sonnet.",
  "이 Django 뷰가 N+1 쿼리를 너무 많이 날려요. select_related/prefetch_related로 고쳐 주시고 왜 그런지도 설명해 주세요.\n\n```python\ndef 주문목록(request):\n    주문들 = Order.objects.filter(user=request.user).order_by('-created_at')[:50]\n    결과 = []\n    for o in 주문들:\n        결과.append({\n            'id': o.id,\n            '가게': o.shop.name,\n            '배송지': o.address.city,\n            '상품들': [i.product.name for i in o.items.all()],\n        })\n    return JsonResponse(결과, safe=False)\n```", "ko")

R("opus", "question", "security", "other-language", "short-hard",
  "Short, but cryptographic protocol reasoning.",
  "비밀번호 없이 passkey만 쓸 때 기기 분실하면 복구 흐름을 어떻게 안전하게 만들죠?", "ko")

R("haiku", "edit", "web", "other-language", "long-trivial",
  "TB5: long TSX file, asks to change a single import line — mechanical.",
  "이 파일 맨 위 import에서 'react-i18next'를 'next-i18next'로만 바꿔 주세요. 바뀐 첫 3줄만 보여 주세요.\n\n" + ts_components(70, 1306), "ko")

R("sonnet", "implement", "data", "other-language", None,
  "Clear spec ETL code: sonnet.",
  "Viết hàm Python đọc file Excel báo cáo bán hàng (nhiều sheet, mỗi sheet một chi nhánh), chuẩn hoá tên cột tiếng Việt có dấu thành snake_case không dấu, gộp lại, bỏ dòng tổng cộng ở cuối mỗi sheet, rồi ghi ra Parquet.", "vi")

R("opus", "debug", "databases", "other-language", None,
  "Replication lag / lost update across replicas without lead: opus.",
  "Sau khi bật đọc từ replica MySQL để giảm tải, thỉnh thoảng đơn hàng bị trừ kho hai lần hoặc hiển thị trạng thái cũ. Không phải lúc nào cũng bị. Giúp mình phân tích nguyên nhân có thể và cách thiết kế lại đường đọc/ghi.", "vi")

R("haiku", "question", "tooling", "other-language", None,
  "Short factual.",
  "Como vejo o tamanho de cada imagem Docker local?", "pt")

R("sonnet", "debug", "infrastructure", "other-language", None,
  "k8s events point to readiness timeouts/OOM; identifiable cause with a small paste: sonnet.",
  "O deploy novo não fica pronto. Eventos abaixo. O limite é 512Mi e a aplicação Java sobe com -Xmx512m. É isso? Como acerto os valores?\n\n" + k8s_events(30, 1307), "pt")
# ---------------------------------------------------------------- batch 6: English voices with medium pastes

R("haiku", "docs", "web", "non-native", "long-trivial",
  "TB5: a pasted module of ~40 lines, only asks to add a license header: mechanical.",
  "put the Apache 2.0 license header on top of this file (copyright 2025 Cobalto Labs S.L.), dont touch the code\n\n" + py_module(3, 1401), "en")

R("sonnet", "test", "data", "non-native", None,
  "Same kind of module, asks for pytest tests covering rounding and strict mode: sonnet.",
  "write pytest tests for this pricing module, specially the ROUND_HALF_UP cases like 0.005 and the strict mode raising ValueError. use parametrize.\n\n" + py_module(3, 1402), "en")

R("sonnet", "review", "data", "non-native", None,
  "TB10: reviewing a module for correctness (rounding order for VAT) is sonnet; no concurrency or security angle.",
  "our accountant say the totals are sometimes 1 cent different from the invoice PDF. can you check if this module is doing the money calculation correct, and in which order rounding must happen for EU VAT?\n\n" + py_module(4, 1403), "en")

R("haiku", "question", "infrastructure", "terse", "long-trivial",
  "TB5: terraform plan paste; asks only which resources will be replaced — a lookup.",
  "which ones get replaced\n\n" + tf_plan(5, 1404), "en")

R("sonnet", "explain", "infrastructure", "non-native", None,
  "Explaining a moderate terraform plan and its effects: sonnet.",
  "I am new in terraform. Can you explain me this plan, what each change do and if something looks dangerous for a junior to apply?\n\n" + tf_plan(4, 1405), "en")

R("haiku", "question", "ml", "non-native", "long-trivial",
  "TB5: training log pasted, asks the final lr — a lookup.",
  "what is the learning rate at the last step in this log?\n\n" + train_log(2, 1406), "en")

R("sonnet", "debug", "ml", "non-native", None,
  "Training log with a clear symptom and cause (grad norms + lr) and a question about clipping/warmup: sonnet.",
  "the loss is going down too slow, look at grad_norm, sometimes is 2.4. should I add gradient clipping or warmup? we use AdamW lr 3e-4, batch 64, bert-base. here the log:\n\n" + train_log(2, 1407), "en")

R("haiku", "question", "systems", "typos", "long-trivial",
  "TB5: dmesg paste with typos; asks for the NIC link speed — one lookup.",
  "wat speed is the network card link in this dmesg? just the number pls\n\n" + dmesg(26, 1408), "en")

R("opus", "debug", "systems", "non-native", None,
  "Same kind of dmesg with NVMe timeouts and OOM mixed; asks for a root-cause theory across kernel, storage, app: opus.",
  "This is dmesg from a database host that freeze 2-3 times per day for ~30 seconds. You see nvme timeouts, SYN flooding and OOM kills mixed. I dont know if they are cause or effect. Can you help build a theory and what to measure next?\n\n" + dmesg(30, 1409), "en")

R("haiku", "question", "databases", "non-native", "long-trivial",
  "TB5: slow-query log; asks which table appears in the DELETE — a lookup.",
  "in this slow log, from which table are the DELETE queries? one word\n\n" + pg_slowlog(22, 1410), "en")

R("sonnet", "debug", "databases", "non-native", None,
  "Slow log with an identifiable cause (missing index on customer_id, order by created_at): sonnet.",
  "the first query (orders by customer_id order by created_at) is always 2-8 seconds, table has 40M rows and only pk index. what index I should create and how to create it without lock the table in production?\n\n" + pg_slowlog(22, 1411), "en")

R("haiku", "edit", "web", "non-native", None,
  "Mechanical: add data-testid to two components in a short file.",
  "add aria-label=\"select\" to the div in both components, nothing more\n\n" + ts_components(2, 1412), "en")

R("sonnet", "refactor", "web", "non-native", None,
  "Refactor components into one generic component: sonnet.",
  "these components are almost same, make one generic component with a variant prop and keep the data-testid as they are now, update the types\n\n" + ts_components(3, 1413), "en")

R("haiku", "question", "web", "terse", None,
  "One-liner.",
  "curl post json with bearer token", "en")

R("sonnet", "implement", "web", "non-native", None,
  "Adding endpoints following existing pattern in a Go file: sonnet.",
  "following same style as this handlers, add create and delete for Webhook with validation that the url is https and not pointing to private IPs. store has CreateWebhook and DeleteWebhook already.\n\n" + go_handlers(2, 1414), "en")

R("opus", "review", "security", "non-native", "easy-words-hard",
  "Plain ask on the same Go handlers, but judging SSRF protection (DNS rebinding, redirects, IPv6) is a security review: opus.",
  "my colleague did the 'not private IP' check for webhooks by resolving the hostname and checking the IP before saving. Is this enough? The sender later call the url from our network.\n\n" + go_handlers(2, 1415), "en")

R("haiku", "question", "data", "non-native", "long-trivial",
  "TB5: CSV paste; asks the highest total_eur value — a lookup.",
  "what is the max total_eur in this csv\n\n" + csv_orders(28, 1416), "en")

R("sonnet", "implement", "data", "typos", None,
  "Clear-spec SQL over CSV shape: several steps (window functions): sonnet.",
  "i loaded this csv to a table 'orders' in duckdb. need query: for each city the running total of paid orders by day and the % change vs previous day, also rank channels per city. thx\n\n" + csv_orders(24, 1417), "en")

R("haiku", "question", "infrastructure", "non-native", "long-trivial",
  "TB5: k8s events paste; asks which image tags appear: a lookup.",
  "which image tags appear in this events? list them\n\n" + k8s_events(22, 1418), "en")

R("sonnet", "ops", "infrastructure", "non-native", None,
  "Clear cause in the events (readiness timeouts, backoff) and asks for probe tuning: sonnet.",
  "from these events the readiness probe fails with deadline exceeded. app needs ~40s to warm cache at start. please give me correct startupProbe/readinessProbe config and explain.\n\n" + k8s_events(22, 1419), "en")

R("haiku", "question", "web", "non-native", "long-trivial",
  "TB5: Java service log; asks the most common log level — a count.",
  "which log level appears most in this? INFO, DEBUG or WARN\n\n" + java_service_log(22, 1420), "en")

R("sonnet", "debug", "databases", "non-native", None,
  "Log shows Hikari pool stats; with a described symptom (waiting threads) the cause is identifiable: sonnet.",
  "our billing service is slow at month end. pool total=10 always and we see request 900ms. Here log. Is the Hikari pool too small or is something else? what to configure?\n\n" + java_service_log(22, 1421), "en")

R("haiku", "edit", "databases", "non-native", None,
  "Mechanical: rename a column in a migration.",
  "in this migration rename every `external_ref` to `provider_ref`\n\n" + sql_migration(4, 1422), "en")

R("sonnet", "review", "databases", "non-native", None,
  "Review a migration for correctness: sonnet.",
  "please review this migration before I run in prod, is missing something (fk, indexes, types for money)?\n\n" + sql_migration(4, 1423), "en")

R("haiku", "question", "web", "non-native", "long-trivial",
  "TB5: nginx log excerpt; asks how many requests came from kube-probe — a count.",
  "count how many lines have kube-probe user agent\n\n" + nginx_log(28, 1424), "en")

R("opus", "debug", "web", "non-native", None,
  "Log excerpt but asks for theory of intermittent 499/504 with upstream keepalive and client timeouts, no lead: opus.",
  "We see 499 and 504 only in the morning peak, never in load tests. Upstream is node cluster behind nginx, mobile client timeout 15s, okhttp retries on. This is a part of log. I think there is a retry storm but not sure. How do we prove it and what we change?\n\n" + nginx_log(30, 1425), "en")

R("haiku", "question", "tooling", "plain", None,
  "Short factual.",
  "How do I list all Python packages installed in the current virtualenv with their versions?", "en")

R("sonnet", "implement", "tooling", "plain", None,
  "Clear spec tooling script: sonnet.",
  "Write a GitHub Actions job that runs only when files under `docs/` change, builds the MkDocs site, checks for broken internal links, and deploys to GitHub Pages on main.", "en")

R("opus", "design", "tooling", "plain", None,
  "Designing a build system strategy across a large monorepo: opus.",
  "Our monorepo has 60 services in Go, TypeScript and Python and CI takes 50 minutes on every PR. Should we move to Bazel, use Nx/Turborepo plus Go tooling, or build our own affected-target detection? Compare and recommend, including remote caching.", "en")

R("haiku", "edit", "general", "typos", None,
  "Fix spelling in a short text.",
  "fix grammer and speling in this readme line: 'Thi library alow you to parse invocies from PDF in seconde'", "en")

R("sonnet", "debug", "web", "typos", None,
  "Clear React error with cause: sonnet.",
  "react says 'Too many re-renders. React limits the number of renders to prevent an infinite loop.' in this compnent, why??\n\nfunction Contador({inicio}) {\n  const [n, setN] = useState(inicio);\n  if (n < 0) setN(0);\n  const sumar = setN(n + 1);\n  return <button onClick={sumar}>{n}</button>;\n}", "en")

R("opus", "debug", "systems", "typos", "easy-words-hard",
  "TB6: vague prose about file sync losing data sometimes: no lead, opus.",
  "our sync tool sometimes looses files when 2 laptops edit same folder offline then come online, not always, maybe when clocks are diferent? how to figure out", "en")

R("haiku", "question", "mobile", "typos", None,
  "Short factual.",
  "wats the max size of a push notification payload on ios and android", "en")

R("sonnet", "implement", "mobile", "typos", None,
  "Clear-spec feature: sonnet.",
  "need deep links in our react native app (expo), links like https://tienda.app/p/123 open product screen, if app not installed go to store. also handle when app is cold start. pls show config for ios and android", "en")

R("haiku", "explain", "tooling", "terse", None,
  "Explain a short snippet.",
  "what does `set -euo pipefail` do", "en")

R("sonnet", "debug", "tooling", "terse", None,
  "Clear error with cause: sonnet.",
  "docker build fails: 'failed to solve: failed to compute cache key: \"/app/requirements.txt\" not found: not found'. dockerfile is in ./deploy, context is ./deploy too", "en")

R("opus", "design", "databases", "terse", "short-hard",
  "Short but open data-structure/storage design.",
  "design an idempotency key store for payments api, multi region", "en")

R("haiku", "question", "security", "terse", "hard-words-easy",
  "Scary terms but trivial fact.",
  "sha256 vs sha-2 same thing?", "en")

R("opus", "question", "ml", "terse", "short-hard",
  "Short, needs careful reasoning about evaluation validity.",
  "is it ok to tune threshold on the test set if we report AUC only? argue both sides", "en")

R("sonnet", "refactor", "web", "follow-up", None,
  "TB8: follow-up naming a module-level refactor: sonnet.",
  "perfect. now do the same for the admin routes file, it has the same try/catch everywhere", "en")

R("sonnet", "debug", "web", "follow-up", None,
  "TB8: points back only; work unknown → sonnet.",
  "ok continue", "en")

R("haiku", "edit", "tooling", "follow-up", None,
  "TB8: trivial follow-up edit.",
  "now just change the cron to run at 02:30 instead of 03:00", "en")

R("opus", "review", "systems", "follow-up", None,
  "TB8: follow-up asking to verify memory ordering of earlier lock-free code: opus.",
  "before we merge, go through the ring buffer again and prove each Acquire/Release pair is needed, and tell me if any Relaxed is wrong on ARM", "en")

R("sonnet", "test", "mobile", "follow-up", None,
  "TB8: add tests for that too: sonnet.",
  "and write UI tests for the OTP screen we did, with compose testing", "en")

R("opus", "design", "infrastructure", "verbose", None,
  "Open DR design with RPO/RTO trade-offs: opus.",
  "Good morning. I'm an infrastructure engineer at a logistics company in Poland, we run about 40 services on a single Kubernetes cluster in one Azure region, with Azure Database for PostgreSQL and Service Bus. Last month the region had a 5-hour incident and we were completely down, and now the board wants a disaster recovery plan with RPO under 5 minutes and RTO under 1 hour, but with a limited budget. I need to present options next Thursday: warm standby in a second region, pilot light, or active-active. Please explain what each means concretely for our stack, the costs and risks, the data replication part especially for Service Bus messages, and what you would recommend and why.", "en")

R("sonnet", "implement", "web", "verbose", None,
  "Long explanation but a clear-spec feature: sonnet.",
  "Hello, I hope you are fine. I work on a small e-commerce website for a bakery in Lyon, built with Laravel 10 and Blade. The owner wants customers to be able to choose a pickup time slot when they order cakes: slots every 30 minutes from 8:00 to 18:00, maximum 6 orders per slot, closed on Mondays, and orders for the same day only possible until 11:00. Could you write the migration, model, the validation rules and the controller logic, and a small Blade select that shows only the slots still available? Thank you very much!", "en")

R("haiku", "question", "general", "verbose", None,
  "Verbose but a short factual question.",
  "Hello, sorry for the maybe stupid question. I'm a Brazilian developer and in my new team everybody says 'LGTM' and 'nit' in the code reviews on GitHub, and sometimes 'PTAL'. I'm too shy to ask them. What do these mean exactly?", "en")

R("haiku", "question", "databases", "non-native", "hard-words-easy",
  "Scary terms (MVCC, vacuum, xid wraparound) but a short factual answer.",
  "what is the command to see how close each postgres database is to transaction id wraparound? only the query", "en")

R("sonnet", "implement", "security", "non-native", "hard-words-easy",
  "Crypto words but the task is standard library usage with a clear spec (AES-GCM encrypt/decrypt helper using a vetted lib): sonnet.",
  "need helper in Python to encrypt a column (national id numbers) before save in DB with AES-256-GCM using the cryptography library, key from env var, random nonce stored with ciphertext, and decrypt function. also a function to rotate to a new key.", "en")

R("opus", "question", "security", "non-native", "easy-words-hard",
  "Plain words, but deciding whether a homemade crypto scheme is secure needs cryptographic reasoning.",
  "my friend made his own way to make the password reset links: he takes user id + timestamp, XOR with a secret word, and base64 it. He say nobody can guess it. Is he right? Explain like for a developer.", "en")

R("haiku", "question", "ml", "non-native", None,
  "Short factual question.",
  "pytorch: how to check if cuda is available and how many gpus?", "en")

R("sonnet", "explain", "ml", "non-native", None,
  "Explaining a moderate piece of code (custom loss with masking): sonnet.",
  "Can you explain this loss function line by line, especially why they use the mask and divide by mask.sum()?\n\n```python\ndef masked_ce(logits, targets, pad_id=0, label_smoothing=0.1):\n    # logits: (B, T, V), targets: (B, T)\n    B, T, V = logits.shape\n    logits = logits.reshape(B * T, V)\n    targets = targets.reshape(B * T)\n    mask = (targets != pad_id).float()\n    logp = F.log_softmax(logits, dim=-1)\n    nll = -logp.gather(1, targets.unsqueeze(1)).squeeze(1)\n    smooth = -logp.mean(dim=-1)\n    loss = (1 - label_smoothing) * nll + label_smoothing * smooth\n    return (loss * mask).sum() / mask.sum().clamp(min=1)\n```", "en")

R("opus", "design", "ml", "non-native", None,
  "Choosing evaluation and rollout strategy for an LLM feature with risks: opus.",
  "We replace our rule-based ticket router with an LLM classifier (80 categories, 6 languages). Wrong routing costs us SLA penalties. How we design the evaluation, the shadow mode, the fallback, and how we decide it is good enough to switch? Please be concrete.", "en")
# ---------------------------------------------------------------- batch 7: other languages, medium pastes, test/ops/plan/docs

R("sonnet", "refactor", "data", "other-language", None,
  "TB5: converting a whole long module to a new style (Money value object) is many careful steps: sonnet.",
  "Tengo este módulo enorme de precios. Quiero que reescribas TODAS las funciones para que reciban y devuelvan un objeto `Dinero(importe: Decimal, moneda: str)` en lugar de Decimal sueltos, manteniendo el redondeo y los logs. Devuélveme el fichero completo.\n\n" + py_module(120, 1501), "es")

R("opus", "debug", "web", "other-language", None,
  "Long log paste with a vague production problem needing correlation across Kafka, DB pool and scheduler: opus (length is not the reason).",
  "Adjunto el log completo de billing-service de la mañana del incidente. Entre las 9 y las 11 la facturación se retrasó más de una hora, pero no hay ningún ERROR. Sospechamos del pool de Hikari, del rebalanceo de Kafka o del scheduler, o de todo a la vez. Necesito una reconstrucción de qué pasó y en qué orden, con evidencias del log, y qué cambiarías.\n\n" + java_service_log(170, 1502), "es")

R("haiku", "question", "tooling", "other-language", "long-trivial",
  "TB5: long Go file; asks what chi import path is used — one lookup.",
  "¿Qué versión de chi se importa en este fichero? Solo eso.\n\n" + go_handlers(80, 1503), "es")

R("sonnet", "test", "web", "other-language", None,
  "Writing tests for existing handlers: sonnet.",
  "Escribe tests con httptest para estos handlers de Go, con un store falso: caso encontrado, no encontrado (404) y error interno (500). Comprueba también el Content-Type.\n\n" + go_handlers(2, 1504), "es")

R("haiku", "docs", "web", "other-language", None,
  "Short docs text.",
  "Rédige une phrase pour la doc expliquant que le paramètre `limit` est plafonné à 100.", "fr")

R("sonnet", "docs", "infrastructure", "other-language", None,
  "Writing a runbook with several sections from a described setup: sonnet.",
  "Écris un runbook pour l'astreinte : que faire quand l'alerte « file RabbitMQ `commandes` > 10 000 messages » se déclenche. Étapes de diagnostic (consumers, DLQ, base), commandes à lancer, quand escalader. Notre stack : RabbitMQ 3.12 sur Kubernetes, consumers en Python (Celery).", "fr")

R("opus", "plan", "web", "other-language", "easy-words-hard",
  "TB6: plain words asking to plan a cross-codebase change (i18n of the whole product): opus.",
  "On veut que tout le produit soit disponible en six langues d'ici la fin de l'année, alors qu'aujourd'hui les textes sont écrits en dur un peu partout (front, back, emails, PDF). Comment on s'organise ? Il me faut un plan réaliste.", "fr")

R("haiku", "question", "databases", "other-language", "long-trivial",
  "TB5: slow log paste; asks at what time the first entry was logged — a lookup.",
  "À quelle heure est la première ligne de ce log ? Juste l'heure.\n\n" + pg_slowlog(25, 1505), "fr")

R("sonnet", "ops", "databases", "other-language", None,
  "Known-steps DB ops: configuring pgbouncer and pool sizes.",
  "Mets-moi en place PgBouncer devant notre Postgres : mode transaction, 800 connexions clients max, pool de 40 par base, auth via userlist, et explique ce qui casse avec les prepared statements et les `SET` de session dans notre app Django.", "fr")

R("haiku", "question", "ml", "other-language", None,
  "Short factual.",
  "Was ist der Unterschied zwischen Batch Normalization und Layer Normalization? Zwei Sätze.", "de")

R("sonnet", "debug", "ml", "other-language", None,
  "CUDA OOM with clear cause (eval without no_grad) visible in code: sonnet.",
  "Beim Validieren bekomme ich nach ein paar Batches `torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 1.50 GiB (GPU 0; 23.65 GiB total capacity; 21.90 GiB already allocated)`. Training läuft problemlos. Code:\n\n```python\ndef validieren(model, loader):\n    model.eval()\n    verluste = []\n    for x, y in loader:\n        x, y = x.to('cuda'), y.to('cuda')\n        out = model(x)\n        verluste.append(F.cross_entropy(out, y))\n    return torch.stack(verluste).mean()\n```", "de")

R("opus", "design", "ml", "other-language", "short-hard",
  "Short, open distributed training design.",
  "70B-Modell auf 64 GPUs feintunen: FSDP, DeepSpeed ZeRO-3 oder Tensor-Parallel? Begründe.", "de")

R("sonnet", "test", "infrastructure", "other-language", None,
  "Writing infrastructure tests: sonnet.",
  "Schreib Tests für unser Terraform-Modul `vpc` mit Terratest (Go): prüft, dass 3 private und 3 öffentliche Subnetze in verschiedenen AZs entstehen, NAT-Gateway nur in den öffentlichen, und dass die Tags `team` und `env` überall gesetzt sind.", "de")

R("haiku", "question", "infrastructure", "other-language", "long-trivial",
  "TB5: k8s events; asks how many BackOff events — a count.",
  "Wie viele BackOff-Events sind da drin?\n\n" + k8s_events(26, 1506), "de")

R("haiku", "question", "web", "other-language", None,
  "Short factual.",
  "Qual è la differenza tra `==` e `===` in JavaScript?", "it")

R("sonnet", "implement", "mobile", "other-language", None,
  "Clear-spec mobile implementation: sonnet.",
  "In Android (Kotlin) devo schedulare la sincronizzazione delle foto ogni 6 ore solo con Wi-Fi e batteria non scarica, con retry esponenziale, usando WorkManager. E mostrare una notifica di progresso durante l'upload.", "it")

R("opus", "debug", "mobile", "other-language", None,
  "Intermittent mobile data loss with no lead: opus.",
  "Alcuni utenti iOS dicono che le note scritte offline spariscono dopo l'aggiornamento dell'app. Usiamo Core Data con CloudKit. Non riusciamo a riprodurlo. Come impostiamo l'indagine e cosa potrebbe essere (migrazione del modello? merge policy?)", "it")

R("sonnet", "review", "tooling", "other-language", None,
  "Review of CI config for correctness: sonnet.",
  "Fai una review di questa pipeline GitLab CI: è lenta e a volte pubblica immagini anche se i test falliscono.\n\n```yaml\nstages: [build, test, deploy]\n\nbuild:\n  stage: build\n  image: docker:24\n  services: [docker:24-dind]\n  script:\n    - docker build -t $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA .\n    - docker push $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA\n\ntest:\n  stage: test\n  image: python:3.12\n  script:\n    - pip install -r requirements.txt\n    - pytest -q\n  allow_failure: true\n\ndeploy:\n  stage: deploy\n  image: bitnami/kubectl\n  script:\n    - kubectl set image deploy/api api=$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA\n  when: always\n```", "it")

R("haiku", "edit", "tooling", "other-language", None,
  "Mechanical yaml edit.",
  "w tym pliku zmień wszystkie `latest` na `1.27.3`:\n\nservices:\n  web:\n    image: nginx:latest\n  sidecar:\n    image: nginx:latest\n  exporter:\n    image: nginx/nginx-prometheus-exporter:1.1.0", "pl")

R("sonnet", "implement", "databases", "other-language", None,
  "Clear spec DB feature (soft delete + audit trigger): sonnet.",
  "Napisz w PostgreSQL trigger audytowy dla tabel `klienci` i `umowy`: każdy INSERT/UPDATE/DELETE zapisuje do `audyt` (tabela, id, operacja, stare i nowe wartości jako jsonb, użytkownik z `current_setting('app.user')`, czas). Plus migracja tworząca tabelę audyt z indeksem po (tabela, id).", "pl")

R("opus", "review", "databases", "other-language", None,
  "Reviewing a distributed transaction design (saga) for consistency: opus (TB10).",
  "Przejrzyj nasz projekt sagi dla zamówienia: rezerwacja magazynu → płatność → wysyłka, każdy krok w osobnym serwisie, kompensacje przez Kafkę, a orkiestrator trzyma stan w Redisie bez persystencji. Co może pójść źle przy awariach i jak to naprawić?", "pl")

R("haiku", "question", "security", "other-language", None,
  "Short factual.",
  "в чём разница между хешированием и шифрованием? коротко", "ru")

R("sonnet", "implement", "infrastructure", "other-language", None,
  "Clear-spec monitoring config: sonnet.",
  "Напиши алерты Prometheus для нашего API: доля 5xx > 2% за 5 минут, p95 латентность > 800мс (гистограмма http_request_duration_seconds), под перезапускается чаще 3 раз за 15 минут. С нормальными labels severity и runbook_url, и как их проверить promtool'ом.", "ru")

R("opus", "design", "systems", "other-language", "easy-words-hard",
  "TB6: plain words, but designing an update/rollback protocol for devices that can brick is open design with failure modes.",
  "У нас 30 тысяч терминалов оплаты в магазинах, их надо обновлять по воздуху. Если обновление сломается посреди установки или пропадёт питание, терминал не должен превратиться в кирпич. Как это устроить?", "ru")

R("haiku", "question", "data", "other-language", "long-trivial",
  "TB5: CSV paste; asks which channels appear — a lookup.",
  "які значення є в колонці channel? тільки список\n\n" + csv_orders(30, 1507), "uk")

R("sonnet", "debug", "web", "other-language", None,
  "Clear error message and cause (CSRF token missing on fetch): sonnet.",
  "Після переходу на fetch замість форми Django повертає 403:\n\n```\nForbidden (CSRF token missing.): /api/koshyk/dodaty\n[14/Mar/2025 10:21:07] \"POST /api/koshyk/dodaty HTTP/1.1\" 403 2870\n```\nФронт на тому ж домені, кукі csrftoken є. Як правильно передати токен?", "uk")

R("haiku", "question", "tooling", "other-language", None,
  "Short factual.",
  "VS Code'da birden fazla satırı aynı anda düzenlemek için kısayol nedir? (Windows)", "tr")

R("sonnet", "docs", "web", "other-language", None,
  "Writing docs with several parts: sonnet.",
  "Ödeme API'miz için webhook dokümantasyonu yaz: olay türleri (payment.succeeded, payment.failed, refund.created), örnek JSON gövdeleri, imza doğrulama (HMAC-SHA256, `X-Imza` başlığı, zaman damgası ile replay koruması) için Node ve Python örnekleri, ve yeniden deneme politikası.", "tr")

R("opus", "debug", "data", "other-language", None,
  "Data discrepancy across pipelines without a lead: opus.",
  "Finans raporundaki aylık ciro, ödeme sağlayıcısının raporundan her ay %0,5-1 arası farklı çıkıyor, bazen fazla bazen eksik. Veri Kafka'dan Spark ile BigQuery'ye geliyor. Hangi sırayla neye bakmalıyız? Saat dilimi, tekrar eden olaylar, iadeler... hepsi olabilir.", "tr")

R("haiku", "question", "web", "other-language", "long-trivial",
  "TB5: TSX paste; asks which i18n library is imported — one lookup.",
  "这个文件用的是哪个国际化库？\n\n" + ts_components(3, 1508), "zh")

R("sonnet", "explain", "systems", "other-language", None,
  "TB7: subtle C behaviour (integer promotion) in small code: sonnet.",
  "为什么这段 C 代码输出的是 \"不相等\"？\n\n```c\n#include <stdio.h>\nint main(void) {\n    unsigned char a = 0xFF;\n    char b = 0xFF;\n    if (a == b) printf(\"相等\\n\");\n    else printf(\"不相等\\n\");\n    unsigned int x = 1;\n    int y = -1;\n    printf(\"%d\\n\", y < x);\n    return 0;\n}\n```", "zh")

R("sonnet", "ops", "infrastructure", "other-language", None,
  "Known-steps ops: cert renewal automation.",
  "我们的 Nginx 证书每次都是手动续期，帮我用 certbot + DNS-01（阿里云 DNS）配置通配符证书自动续期，并在续期后自动 reload nginx，给出完整步骤和 systemd timer。", "zh")

R("haiku", "edit", "mobile", "other-language", None,
  "Mechanical Info.plist edit.",
  "Info.plist にカメラ使用の説明文を追加してください。文言は「商品のバーコードを読み取るためにカメラを使用します」。", "ja")

R("sonnet", "test", "mobile", "other-language", None,
  "Writing tests for existing Swift code: sonnet.",
  "この Swift の関数に XCTest でユニットテストを書いてください。うるう年、月末、タイムゾーン Asia/Tokyo と UTC の違いもカバーして。\n\n```swift\nfunc 締め日(for date: Date, cutoffDay: Int, calendar: Calendar = .current) -> Date {\n    var comps = calendar.dateComponents([.year, .month], from: date)\n    let range = calendar.range(of: .day, in: .month, for: date)!\n    comps.day = min(cutoffDay, range.count)\n    let candidate = calendar.date(from: comps)!\n    if date > candidate {\n        return calendar.date(byAdding: .month, value: 1, to: candidate)!\n    }\n    return candidate\n}\n```", "ja")

R("opus", "plan", "security", "other-language", None,
  "Cross-company security programme plan: opus.",
  "来年 ISMS と SOC 2 Type II を取得する必要があります。エンジニア 40 名、AWS と GCP を併用。技術的な対策（ログ、権限、鍵管理、脆弱性管理）を中心に、半年のロードマップと優先順位を作ってください。", "ja")

R("haiku", "question", "databases", "other-language", None,
  "Short factual.",
  "MySQL에서 테이블 용량 확인하는 쿼리 알려 주세요", "ko")

R("sonnet", "implement", "ml", "other-language", None,
  "Clear-spec ML serving code: sonnet.",
  "학습한 XGBoost 모델을 FastAPI로 서빙하는 코드 만들어 주세요. 입력은 pydantic으로 검증, 배치 요청 지원, 모델은 시작할 때 한 번만 로드, /health 엔드포인트, Prometheus 메트릭(요청 수, 지연 시간)까지요.", "ko")

R("opus", "design", "data", "other-language", "easy-words-hard",
  "TB6: plain words, asks to design deletion of a user's data everywhere (GDPR across systems): opus.",
  "사용자가 탈퇴하면 모든 데이터를 지워야 한다고 법무팀이 말했어요. 근데 데이터가 DB, 로그, 데이터 웨어하우스, 백업, 그리고 외부 분석 도구에도 있어요. 어떻게 해야 할지 전체적으로 설계해 주세요.", "ko")

R("haiku", "question", "mobile", "other-language", None,
  "Short factual.",
  "Flutter thì StatelessWidget với StatefulWidget khác nhau chỗ nào?", "vi")

R("sonnet", "review", "mobile", "other-language", None,
  "Code review of a mobile component: sonnet.",
  "Review giúp mình đoạn Flutter này, màn hình hay bị giật khi cuộn:\n\n```dart\nclass DanhSachSanPham extends StatefulWidget {\n  @override\n  State<DanhSachSanPham> createState() => _DanhSachSanPhamState();\n}\n\nclass _DanhSachSanPhamState extends State<DanhSachSanPham> {\n  List<SanPham> ds = [];\n  @override\n  Widget build(BuildContext context) {\n    http.get(Uri.parse('https://api.cuahang.vn/sp')).then((r) {\n      setState(() => ds = parse(r.body));\n    });\n    return ListView(\n      children: ds.map((sp) => ListTile(\n        leading: Image.network(sp.anh),\n        title: Text(sp.ten),\n        subtitle: Text(NumberFormat.currency(locale: 'vi').format(sp.gia)),\n      )).toList(),\n    );\n  }\n}\n```", "vi")

R("opus", "design", "infrastructure", "other-language", "short-hard",
  "Short, open multi-tenant isolation design.",
  "Thiết kế cô lập tenant trên một cluster Kubernetes dùng chung, tenant có thể chạy code tuỳ ý.", "vi")

R("haiku", "question", "systems", "other-language", None,
  "Short factual.",
  "o que significa o exit code 137 num container?", "pt")

R("sonnet", "implement", "systems", "other-language", None,
  "Clear-spec systems code: sonnet.",
  "Escreve um programa em Rust que lê um arquivo de log grande (vários GB) linha a linha, conta ocorrências por código de status HTTP e por minuto, e imprime um CSV no final. Usa BufReader e evita alocar String por linha.", "pt")

R("opus", "review", "security", "other-language", None,
  "Security review of multi-tenant SQL access: opus.",
  "Revisa a segurança: nosso SaaS usa Row Level Security no Postgres, a app define `SET app.tenant_id = '...'` no início de cada request, com pool de conexões (PgBouncer em modo transaction). Alguém do time diz que isso pode vazar dados entre clientes. Tem razão? Como corrigir?", "pt")
# ---------------------------------------------------------------- batch 8: English, more pastes, balance sonnet/opus

_WORKER = """import json
import time
import logging
import redis
import requests

log = logging.getLogger("notifier")
r = redis.Redis(host="cache", port=6379, db=2)

QUEUE = "notify:pending"
PROCESSING = "notify:processing"

def send(evt):
    resp = requests.post(evt["webhook_url"], json=evt["payload"], timeout=5)
    resp.raise_for_status()

def run():
    while True:
        raw = r.brpoplpush(QUEUE, PROCESSING, timeout=5)
        if raw is None:
            continue
        evt = json.loads(raw)
        try:
            send(evt)
            r.lrem(PROCESSING, 1, raw)
        except requests.RequestException as e:
            log.warning("send failed %s: %s", evt.get("id"), e)
            evt["attempts"] = evt.get("attempts", 0) + 1
            if evt["attempts"] < 5:
                r.lpush(QUEUE, json.dumps(evt))
            r.lrem(PROCESSING, 1, raw)
            time.sleep(2 ** evt["attempts"])

if __name__ == "__main__":
    run()"""

R("haiku", "explain", "systems", "non-native", None,
  "What a short worker does, answered in a couple of sentences.",
  "in 2 sentences, what this worker does?\n\n" + _WORKER, "en")

R("sonnet", "refactor", "systems", "non-native", None,
  "Refactor a worker for graceful shutdown and backoff without blocking: sonnet.",
  "refactor this worker: the sleep after failure block all other events, and on SIGTERM from kubernetes we lose the event in progress. make retries scheduled (sorted set with next time) and graceful shutdown.\n\n" + _WORKER, "en")

R("opus", "review", "systems", "non-native", None,
  "Review of delivery guarantees across crashes and multiple replicas: distributed semantics, opus (TB10).",
  "we will run 6 replicas of this worker. Review it for delivery guarantees: can an event be lost or sent twice when a pod crash, when redis failover, when two workers run? What guarantee we really have and what is needed for at-least-once with idempotent receivers?\n\n" + _WORKER, "en")

R("sonnet", "test", "systems", "non-native", None,
  "Tests for the worker with fakes: sonnet.",
  "write tests for this worker with fakeredis and responses library: success removes from processing, failure requeues with attempts+1, after 5 attempts it is dropped.\n\n" + _WORKER, "en")

_COMPOSE = """version: "3.9"
services:
  api:
    build: ./api
    ports:
      - "8000:8000"
    environment:
      DATABASE_URL: postgres://app:app@db:5432/app
      REDIS_URL: redis://cache:6379/0
      SECRET_KEY: changeme
    depends_on:
      - db
      - cache
  worker:
    build: ./api
    command: celery -A app worker -l info
    environment:
      DATABASE_URL: postgres://app:app@db:5432/app
      REDIS_URL: redis://cache:6379/0
    depends_on:
      - cache
  db:
    image: postgres:16
    environment:
      POSTGRES_USER: app
      POSTGRES_PASSWORD: app
    volumes:
      - pgdata:/var/lib/postgresql/data
  cache:
    image: redis:7
volumes:
  pgdata:"""

R("haiku", "question", "infrastructure", "non-native", None,
  "Find one setting in a short compose file.",
  "which postgres version is this compose using?\n\n" + _COMPOSE, "en")

R("sonnet", "ops", "infrastructure", "non-native", None,
  "Known-steps improvements to a compose file (healthchecks, depends_on conditions, secrets): sonnet.",
  "worker start before db is ready and crash. improve this compose: healthchecks for db and redis, depends_on with condition, move SECRET_KEY to a .env, add restart policy.\n\n" + _COMPOSE, "en")

R("sonnet", "plan", "infrastructure", "non-native", None,
  "Translating a compose setup to k8s manifests with known steps: sonnet.",
  "we go from this docker-compose to kubernetes (EKS). give me the plan and the manifests: what become Deployment, what should be managed service (RDS, ElastiCache), how to handle the env and secrets.\n\n" + _COMPOSE, "en")

R("opus", "design", "security", "non-native", "easy-words-hard",
  "Plain ask about the same compose file, but designing a hardened production topology with threat model is opus.",
  "Our customer is a hospital and wants to install this on their own servers. What we must change so it is secure for patient data? Think about network, secrets, backups, updates, who can access what. Give full design, not only quick fixes.\n\n" + _COMPOSE, "en")

R("haiku", "question", "data", "non-native", None,
  "One-liner SQL over one table.",
  "sql to get number of users registered per day in last 30 days, table users(id, created_at)", "en")

R("sonnet", "debug", "data", "non-native", None,
  "Airflow error with a clear cause: sonnet.",
  "airflow task fail with this, the dag worked last week:\n\n```\n[2025-03-14, 03:00:12 UTC] {taskinstance.py:2698} ERROR - Task failed with exception\nTraceback (most recent call last):\n  File \"/home/airflow/.local/lib/python3.11/site-packages/airflow/models/taskinstance.py\", line 433, in _execute_task\n    result = execute_callable(context=context, **execute_callable_kwargs)\n  File \"/opt/airflow/dags/ventas_diarias.py\", line 61, in cargar\n    df = pd.read_sql(q, engine, params={\"d\": ds})\n  File \"/home/airflow/.local/lib/python3.11/site-packages/pandas/io/sql.py\", line 706, in read_sql\n    return pandas_sql.read_query(\nAttributeError: 'Engine' object has no attribute 'cursor'\n```\nwe upgraded the image and now pandas 2.2 and sqlalchemy 2.0.", "en")

R("opus", "design", "data", "non-native", None,
  "Open design of a data platform choice: opus.",
  "We are 5 data engineers, everything is cron + python scripts writing to Postgres, 300 jobs. We want reliable pipelines with lineage and backfills. Dagster, Airflow, or dbt + something? And warehouse: stay Postgres or go Snowflake/BigQuery/ClickHouse? Help us decide with reasons.", "en")

R("haiku", "edit", "ml", "non-native", None,
  "Mechanical: change hyperparameters in a config.",
  "in this config set epochs to 30 and batch size 128, rest same\n\nmodel: resnet50\noptimizer:\n  name: adamw\n  lr: 0.0003\n  weight_decay: 0.05\ntrain:\n  epochs: 90\n  batch_size: 256\n  amp: true", "en")

R("sonnet", "implement", "ml", "non-native", None,
  "Clear-spec data pipeline for ML: sonnet.",
  "write a PyTorch Dataset for our images: folder per class, but some images are CMYK jpg and some png with alpha, convert all to RGB, resize 224 with padding (keep aspect), and a WeightedRandomSampler because classes are unbalanced (1:40).", "en")

R("opus", "debug", "ml", "non-native", "easy-words-hard",
  "TB6: plain words, a model that is great offline and bad online, no lead: opus.",
  "Our model has 0.91 AUC offline but in production the conversion is same as random. Same features, same code we think. What can be the reasons and how we find the real one?", "en")

R("haiku", "question", "ml", "plain", "hard-words-easy",
  "Scary terms (KV cache, paged attention) but a short definitional answer.",
  "In one sentence, what does the KV cache store during transformer inference?", "en")

R("sonnet", "debug", "mobile", "non-native", None,
  "Gradle error with clear cause: sonnet.",
  "android build broke after I added a library:\n\n```\nExecution failed for task ':app:checkDebugDuplicateClasses'.\n> A failure occurred while executing com.android.build.gradle.internal.tasks.CheckDuplicatesRunnable\n   > Duplicate class com.google.common.util.concurrent.ListenableFuture found in modules guava-31.1-android (com.google.guava:guava:31.1-android) and listenablefuture-1.0 (com.google.guava:listenablefuture:1.0)\n```\nhow fix properly?", "en")

R("opus", "design", "mobile", "non-native", None,
  "Architecture choice for a large mobile app with trade-offs: opus.",
  "Our Android app has 1 module and 300k lines, build 12 minutes. We want to modularize. By feature, by layer, or both? How to handle navigation and DI (Hilt) between modules, and in what order to cut without stopping feature work?", "en")

R("haiku", "question", "mobile", "non-native", None,
  "Short factual.",
  "what is the command to see connected ios simulators from terminal?", "en")

R("sonnet", "implement", "security", "non-native", None,
  "Clear spec security feature using standard components: sonnet.",
  "implement webhook signature verification in our Express app: header X-Signature is hex HMAC-SHA256 of `${timestamp}.${rawBody}`, reject if timestamp older than 5 min, use timingSafeEqual. Need the raw body so careful with express.json().", "en")

R("opus", "review", "security", "non-native", None,
  "Security review of an authz check pattern (IDOR risks across endpoints): opus.",
  "Please do a security review of our authorization pattern. Every endpoint gets `org_id` from the URL and we check `user.orgs.includes(org_id)`. But objects like invoices are loaded by `id` only: `Invoice.findById(req.params.invoiceId)`. We have ~120 endpoints. What risks and how to fix systematically?", "en")

R("haiku", "question", "security", "typos", None,
  "Short factual question.",
  "is it safe to put the JWT in localstorage or beter cookie?", "en")

R("sonnet", "review", "web", "non-native", None,
  "Diff review for correctness: sonnet.",
  "review this change please, it is for pagination:\n\n```diff\n-def list_products(page: int = 1, size: int = 20):\n-    return db.query(Product).offset((page - 1) * size).limit(size).all()\n+def list_products(cursor: int | None = None, size: int = 20):\n+    size = min(size, 100)\n+    q = db.query(Product).order_by(Product.created_at.desc())\n+    if cursor:\n+        q = q.filter(Product.id < cursor)\n+    items = q.limit(size + 1).all()\n+    next_cursor = items[-1].id if len(items) > size else None\n+    return {\"items\": items[:size], \"next\": next_cursor}\n```", "en")

R("sonnet", "debug", "web", "follow-up", None,
  "TB8: only points back: sonnet.",
  "still getting the 403 after your change, same log. try again", "en")

R("opus", "design", "databases", "follow-up", None,
  "TB8: follow-up asks to extend earlier design to multi-region consistency: opus.",
  "ok the single-region design make sense. now how does it change if writes can happen in both EU and US and the link between regions can be down for minutes?", "en")

R("haiku", "docs", "tooling", "follow-up", None,
  "TB8: trivial follow-up text task.",
  "now write the commit message for it", "en")

R("sonnet", "implement", "web", "follow-up", None,
  "TB8: follow-up names a concrete moderate feature: sonnet.",
  "good, now add the same validation to the PUT endpoint and return 422 with field errors like we did in POST", "en")

R("haiku", "question", "databases", "terse", None,
  "One-liner.",
  "psql list all tables in schema billing", "en")

R("opus", "debug", "databases", "terse", "short-hard",
  "Short, but replication anomaly needs a theory.",
  "logical replication slot lag grows forever on one subscriber only. why", "en")

R("sonnet", "implement", "data", "terse", None,
  "Clear spec: sonnet.",
  "polars: read 200 csv files, union, dedupe by id keep latest ts, write parquet partitioned by day", "en")

R("haiku", "edit", "web", "terse", "long-trivial",
  "TB5: access log excerpt; asks to strip the user-agent column — mechanical.",
  "remove the user agent part from every line\n\n" + nginx_log(26, 1601), "en")

R("sonnet", "explain", "databases", "plain", None,
  "Explaining a non-trivial query with window functions: sonnet.",
  "Can you walk me through what this query returns and why the LAG is partitioned that way?\n\n```sql\nWITH s AS (\n  SELECT user_id, session_id, started_at,\n         LAG(ended_at) OVER (PARTITION BY user_id ORDER BY started_at) AS prev_end\n  FROM sessions\n), g AS (\n  SELECT *, CASE WHEN prev_end IS NULL OR started_at - prev_end > interval '30 minutes' THEN 1 ELSE 0 END AS new_visit\n  FROM s\n), v AS (\n  SELECT *, SUM(new_visit) OVER (PARTITION BY user_id ORDER BY started_at) AS visit_no\n  FROM g\n)\nSELECT user_id, visit_no, MIN(started_at) AS visit_start, COUNT(*) AS sessions\nFROM v\nGROUP BY user_id, visit_no\nORDER BY user_id, visit_no;\n```", "en")

R("opus", "plan", "databases", "plain", None,
  "Large migration plan with zero downtime: opus.",
  "We need to change the primary key of our 3 biggest tables from int4 to int8 before we overflow in about four months. The tables are referenced by 40 foreign keys and written to constantly. Plan the migration with no downtime.", "en")

R("haiku", "question", "systems", "plain", None,
  "Short factual.",
  "What does the `nice` value of a Linux process control?", "en")

R("sonnet", "debug", "systems", "plain", None,
  "Clear error with identifiable cause (too many open files): sonnet.",
  "Our Go service logs `accept tcp [::]:8080: accept4: too many open files` after a few hours under load. ulimit -n is 1024. We create an http.Client per request. What should we change?", "en")

R("opus", "question", "systems", "non-native", "easy-words-hard",
  "Plain words, but the answer needs the memory model (why a flag without sync may never be seen, or be seen before the data).",
  "Why my colleague say I cannot just use a normal bool to tell the other thread 'data is ready'? It works on my laptop. Explain what can really happen on different CPUs and compilers.", "en")

R("haiku", "question", "tooling", "non-native", "hard-words-easy",
  "Scary-sounding git internals, trivial command.",
  "how to see the reflog to recover a commit I lost after hard reset? only command", "en")

R("sonnet", "refactor", "mobile", "non-native", None,
  "Refactor callback code to async/await in Swift: sonnet.",
  "convert this Swift code from completion handlers to async/await, keep error handling\n\n```swift\nfunc cargarPerfil(id: String, completion: @escaping (Result<Perfil, Error>) -> Void) {\n    api.get(\"/perfil/\\(id)\") { result in\n        switch result {\n        case .success(let data):\n            do {\n                let p = try JSONDecoder().decode(Perfil.self, from: data)\n                self.cache.guardar(p) { _ in\n                    completion(.success(p))\n                }\n            } catch {\n                completion(.failure(error))\n            }\n        case .failure(let e):\n            completion(.failure(e))\n        }\n    }\n}\n```", "en")

R("opus", "debug", "mobile", "non-native", "short-hard",
  "Short; battery drain in background with no lead across OS/location/network: opus.",
  "users say our app drain battery in background since v5.2, we dont know why", "en")

R("haiku", "edit", "data", "non-native", "long-trivial",
  "TB5: a CSV paste; asks to uppercase the header line only: mechanical.",
  "change only the header line to UPPERCASE, rows stay same\n\n" + csv_orders(26, 1602), "en")

R("sonnet", "test", "data", "non-native", None,
  "Writing data validation tests over a known CSV schema: sonnet.",
  "write great_expectations (or pandera) checks for this CSV: order_id unique, total_eur > 0, status in allowed set, created_at parseable, city not empty. Show how to run in CI.\n\n" + csv_orders(22, 1603), "en")
# ---------------------------------------------------------------- batch 9: final rows

R("sonnet", "debug", "infrastructure", "typos", None,
  "k8s events show OOMKilled with a 512Mi limit and a JVM; identifiable cause: sonnet.",
  "pods keep dying, i think its memory but jvm heap is only 384m?? events below. what else use memory in java container and how i set limits corect\n\n" + k8s_events(24, 1701), "en")

R("opus", "design", "infrastructure", "verbose", None,
  "Open multi-cluster observability design with cost trade-offs: opus.",
  "Hi, long message sorry. We are a scale-up from Istanbul with about 25 Kubernetes clusters (EKS and some on-prem Rancher), and our observability is a mess: each team installed its own Prometheus, some use Loki, some ship logs to Elastic, traces only in two services with Jaeger. Our monthly bill for Elastic alone is 38k USD. The CTO wants one platform for metrics, logs and traces, with retention of 13 months for metrics and 30 days for logs, multi-tenant per team, and a path to OpenTelemetry. Could you propose an architecture (Mimir/Thanos, Loki vs Elastic vs ClickHouse, Tempo), estimate where the cost goes, and a migration order that does not leave teams blind during the switch?", "en")

R("sonnet", "implement", "web", "other-language", None,
  "Adding an endpoint following the pasted Go pattern with clear spec: sonnet.",
  "Siguiendo el estilo de estos handlers, añade `listDevices` con paginación por cursor (`?after=` y `?limit=` máximo 200) y filtro por `tenant`. El store tiene `ListDevices(ctx, tenant, after, limit)`.\n\n" + go_handlers(3, 1702), "es")

R("opus", "debug", "systems", "other-language", None,
  "dmesg excerpt plus an intermittent freeze with mixed signals: theory across layers, opus.",
  "Ce serveur de build se fige quelques secondes plusieurs fois par heure, sans motif clair. Voici un extrait de dmesg (timeouts NVMe, OOM de cgroup, SYN cookies). Qu'est-ce qui est cause, qu'est-ce qui est symptôme, et que mesurer ensuite ?\n\n" + dmesg(28, 1703), "fr")

R("sonnet", "explain", "ml", "other-language", None,
  "Interpreting a short training log to explain the lr schedule and plateau: sonnet.",
  "Erklär mir bitte anhand dieses Logs, welcher LR-Schedule hier läuft und warum die Loss am Anfang jeder Epoche so aussieht. Reicht das, um zu sagen, ob wir länger trainieren sollten?\n\n" + train_log(2, 1704), "de")

R("haiku", "question", "databases", "other-language", "long-trivial",
  "TB5: slow-log excerpt; asks which database user appears — a lookup.",
  "Bu logdaki sorguları hangi kullanıcı çalıştırıyor? sadece kullanıcı adı\n\n" + pg_slowlog(24, 1705), "tr")

R("sonnet", "review", "infrastructure", "other-language", None,
  "Reviewing a moderate terraform plan for mistakes: sonnet.",
  "帮我看一下这个 terraform plan 有没有明显不对的地方（比如不该删除的资源、标签错误），准备在预发环境执行。\n\n" + tf_plan(5, 1706), "zh")

R("opus", "review", "security", "typos", None,
  "Security review of terraform changes to IAM/SG rules: opus (TB10).",
  "can u check this plan from security side, it touch security group rules and iam role policys in prod. what could open us to internet or give too much perms? i cant see the full policy json in plan, what should i ask the dev for\n\n" + tf_plan(6, 1707), "en")

if __name__ == "__main__":
    with open("w20.jsonl", "w", encoding="utf-8") as f:
        for i, row in enumerate(ROWS, 1):
            f.write(json.dumps({"id": f"w20-{i:04d}", **row}, ensure_ascii=False) + "\n")
