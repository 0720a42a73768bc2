#!/usr/bin/env python3
"""Writer w2: systems / performance prompts for SHIM's routing corpus.

Run `python3 w2.py` to write w2.jsonl next to this file (deterministic).
Long pasted material is generated with a seeded random.Random.
"""
import json
import os
import random

ROWS = []


def R(label, category, domain, voice, language, trap, rationale, prompt):
    ROWS.append({
        "prompt": prompt.strip("\n"),
        "label": label,
        "rationale": rationale,
        "category": category,
        "domain": domain,
        "voice": voice,
        "language": language,
        "trap": trap,
    })


# ---------------------------------------------------------------------------
# Generators for long pasted material (fixed seeds -> same bytes every run)
# ---------------------------------------------------------------------------

def gen_service_log(seed, n, service="ingestd"):
    rng = random.Random(seed)
    comps = ["http", "kafka.consumer", "store.pg", "cache", "auth", "scheduler", "grpc.server", "s3.upload"]
    infos = [
        "request completed method={m} path={p} status={s} dur_ms={d}",
        "committed offsets partition={part} offset={off}",
        "cache hit ratio={ratio} keys={keys}",
        "flushed batch size={bs} dur_ms={d}",
        "token refreshed subject=svc-{sub} ttl=3600s",
        "job dispatched job_id={jid} queue=default",
        "upload done bucket=ingest-raw key=day={day}/part-{part:05d}.parquet bytes={bytes}",
    ]
    warns = [
        "slow query dur_ms={big} stmt=\"SELECT * FROM events WHERE tenant_id=$1 AND ts > $2\"",
        "consumer lag partition={part} lag={lag}",
        "retrying upload attempt={att} err=\"503 SlowDown\"",
        "pool saturated in_use=50 idle=0 waiters={wait}",
    ]
    errors = [
        "request failed method={m} path={p} status=500 err=\"context deadline exceeded\"",
        "pq: could not serialize access due to concurrent update tenant={ten}",
        "upload failed bucket=ingest-raw err=\"RequestTimeout\" attempt={att}",
        "handler panic recovered: runtime error: index out of range [{idx}] with length {idx}",
    ]
    paths = ["/v1/events", "/v1/events/batch", "/v1/tenants/{t}/config", "/healthz", "/v1/query"]
    h, m_, s, ms = 2, 0, 0, 0
    out = []
    for i in range(n):
        ms += rng.randint(3, 900)
        while ms >= 1000:
            ms -= 1000
            s += 1
        while s >= 60:
            s -= 60
            m_ += 1
        while m_ >= 60:
            m_ -= 60
            h += 1
        r = rng.random()
        if r < 0.03:
            lvl, tpl = "ERROR", rng.choice(errors)
        elif r < 0.10:
            lvl, tpl = "WARN", rng.choice(warns)
        elif r < 0.18:
            lvl, tpl = "DEBUG", rng.choice(infos)
        else:
            lvl, tpl = "INFO", rng.choice(infos)
        msg = tpl.format(
            m=rng.choice(["GET", "POST", "PUT"]),
            p=rng.choice(paths).replace("{t}", str(rng.randint(100, 999))),
            s=rng.choice([200, 200, 200, 201, 204, 400, 404]),
            d=rng.randint(1, 400), part=rng.randint(0, 23), off=rng.randint(10**6, 10**8),
            ratio=f"{rng.uniform(0.6, 0.99):.3f}", keys=rng.randint(1000, 90000),
            bs=rng.randint(10, 5000), sub=rng.randint(1, 40), jid=f"{rng.getrandbits(48):012x}",
            day=f"2026-11-{rng.randint(10, 18)}", bytes=rng.randint(10**4, 10**8),
            big=rng.randint(1500, 30000), lag=rng.randint(1000, 400000), att=rng.randint(1, 5),
            wait=rng.randint(1, 300), ten=rng.randint(100, 999), idx=rng.randint(0, 16))
        rid = f"{rng.getrandbits(64):016x}"
        out.append(f"2026-11-18T{h:02d}:{m_:02d}:{s:02d}.{ms:03d}Z {lvl:<5} {service} "
                   f"[{rng.choice(comps)}] req={rid} {msg}")
    return "\n".join(out)


C_TEMPLATES = [
    """/* Returns the number of free slots in the ring. */
static inline size_t @P@_@F@_ring_free(const struct @P@_@F@_ring *r)
{
    return r->cap - (r->head - r->tail);
}
""",
    """int @P@_parse_@F@(const uint8_t *buf, size_t len, struct @P@_@F@ *out)
{
    if (len < @N@)
        return -EINVAL;
    out->version = buf[0] >> 4;
    out->flags = buf[0] & 0x0f;
    out->length = (uint16_t)((buf[2] << 8) | buf[3]);
    if (out->length > len)
        return -EMSGSIZE;
    memcpy(out->payload, buf + @N@, out->length - @N@);
    return 0;
}
""",
    """static int @P@_@F@_alloc(struct @P@_ctx *ctx, size_t n)
{
    void *p = calloc(n, sizeof(struct @P@_@F@));
    if (!p) {
        log_err("%s: calloc(%zu) failed", __func__, n);
        return -ENOMEM;
    }
    ctx->@F@s = p;
    ctx->n_@F@s = n;
    return 0;
}
""",
    """void @P@_@F@_free(struct @P@_ctx *ctx)
{
    for (size_t i = 0; i < ctx->n_@F@s; i++)
        free(ctx->@F@s[i].payload_ext);
    free(ctx->@F@s);
    ctx->@F@s = NULL;
    ctx->n_@F@s = 0;
}
""",
    """static uint32_t @P@_hash_@F@(const char *key, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (uint8_t)key[i];
        h *= 16777619u;
    }
    return h & (@PU@_BUCKETS - 1);
}
""",
    """int @P@_@F@_write(int fd, const struct @P@_@F@ *m)
{
    uint8_t hdr[@N@];
    ssize_t w;

    hdr[0] = (uint8_t)((m->version << 4) | (m->flags & 0x0f));
    hdr[1] = 0;
    hdr[2] = (uint8_t)(m->length >> 8);
    hdr[3] = (uint8_t)(m->length & 0xff);
    w = write(fd, hdr, sizeof(hdr));
    if (w != (ssize_t)sizeof(hdr))
        return -EIO;
    w = write(fd, m->payload, m->length - @N@);
    return w < 0 ? -errno : 0;
}
""",
    """static void @P@_@F@_stats_dump(const struct @P@_ctx *ctx, FILE *out)
{
    fprintf(out, "@F@: rx=%" PRIu64 " tx=%" PRIu64 " drops=%" PRIu64 "\\n",
            ctx->stats.rx, ctx->stats.tx, ctx->stats.drops);
}
""",
    """int @P@_@F@_lookup(struct @P@_ctx *ctx, uint32_t id, struct @P@_@F@ **out)
{
    size_t lo = 0, hi = ctx->n_@F@s;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ctx->@F@s[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == ctx->n_@F@s || ctx->@F@s[lo].id != id)
        return -ENOENT;
    *out = &ctx->@F@s[lo];
    return 0;
}
""",
    """static int @P@_@F@_set_timeout(int fd, unsigned ms)
{
    struct timeval tv = { .tv_sec = ms / 1000, .tv_usec = (ms % 1000) * 1000 };
    if (setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) < 0)
        return -errno;
    return 0;
}
""",
]


def gen_c_module(seed, nfuncs, prefix="nd"):
    rng = random.Random(seed)
    fields = ["frame", "hdr", "opt", "route", "peer", "sess", "chunk", "lease", "probe", "seg",
              "beacon", "tlv", "rec", "slot", "vlan", "tunnel", "flow", "span", "grant", "nack"]
    parts = ["#include <errno.h>\n#include <inttypes.h>\n#include <stdint.h>\n#include <stdio.h>\n"
             "#include <stdlib.h>\n#include <string.h>\n#include <sys/socket.h>\n#include <unistd.h>\n\n"
             f"#include \"{prefix}.h\"\n#include \"log.h\"\n\n#define {prefix.upper()}_BUCKETS 1024\n"]
    used = set()
    while len(parts) < nfuncs + 1:
        t = rng.randrange(len(C_TEMPLATES))
        f = rng.choice(fields)
        if (t, f) in used:
            f = f + str(rng.randint(2, 9))
            if (t, f) in used:
                continue
        used.add((t, f))
        parts.append(C_TEMPLATES[t].replace("@PU@", prefix.upper()).replace("@P@", prefix).replace("@F@", f)
                     .replace("@N@", str(rng.choice([4, 8, 12, 16]))))
    return "\n".join(parts)


RUST_TEMPLATES = [
    """/// Parses a `@T@` from a `key=value` line.
pub fn parse_@F@(line: &str) -> Result<@T@, ParseError> {
    let (k, v) = line
        .split_once('=')
        .ok_or_else(|| ParseError::MissingEquals(line.to_string()))?;
    if k.trim() != "@F@" {
        return Err(ParseError::UnexpectedKey(k.trim().to_string()));
    }
    v.trim().parse::<@T@>().map_err(|e| ParseError::BadValue(k.to_string(), e.to_string()))
}
""",
    """pub fn @F@_checksum(data: &[u8]) -> u32 {
    let mut a: u32 = 1;
    let mut b: u32 = 0;
    for &byte in data {
        a = (a + byte as u32) % 65521;
        b = (b + a) % 65521;
    }
    (b << 16) | a
}
""",
    """impl @S@ {
    pub fn with_@F@(mut self, @F@: @T@) -> Self {
        self.@F@ = Some(@F@);
        self
    }

    pub fn @F@(&self) -> Option<@T@> {
        self.@F@
    }
}
""",
    """pub fn read_@F@_table(path: &Path) -> io::Result<Vec<(String, @T@)>> {
    let text = fs::read_to_string(path)?;
    let mut out = Vec::new();
    for (lineno, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut it = line.splitn(2, char::is_whitespace);
        let name = it.next().unwrap_or_default().to_string();
        let val = it
            .next()
            .and_then(|s| s.trim().parse::<@T@>().ok())
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, format!("line {}", lineno + 1)))?;
        out.push((name, val));
    }
    Ok(out)
}
""",
    """fn clamp_@F@(v: @T@, lo: @T@, hi: @T@) -> @T@ {
    if v < lo {
        lo
    } else if v > hi {
        hi
    } else {
        v
    }
}
""",
    """pub struct @S@Iter<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Iterator for @S@Iter<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos + 2 > self.buf.len() {
            return None;
        }
        let len = u16::from_be_bytes([self.buf[self.pos], self.buf[self.pos + 1]]) as usize;
        let start = self.pos + 2;
        let end = start.checked_add(len)?;
        if end > self.buf.len() {
            return None;
        }
        self.pos = end;
        Some(&self.buf[start..end])
    }
}
""",
    """pub fn encode_@F@(v: u64, out: &mut Vec<u8>) {
    let mut v = v;
    loop {
        let mut byte = (v & 0x7f) as u8;
        v >>= 7;
        if v != 0 {
            byte |= 0x80;
        }
        out.push(byte);
        if v == 0 {
            break;
        }
    }
}
""",
]


def gen_rust_module(seed, nfuncs):
    rng = random.Random(seed)
    fields = ["port", "timeout", "retries", "window", "mtu", "backlog", "ttl", "burst", "rate",
              "weight", "depth", "quota", "shards", "epoch", "budget", "fanout", "lease", "delay"]
    types = ["u16", "u32", "u64", "i64", "usize"]
    structs = ["Listener", "Limiter", "Shard", "Codec", "Frame", "Session", "Segment", "Ring"]
    parts = ["use std::fs;\nuse std::io;\nuse std::path::Path;\n\nuse crate::error::ParseError;\n"]
    used = set()
    while len(parts) < nfuncs + 1:
        t = rng.randrange(len(RUST_TEMPLATES))
        f = rng.choice(fields)
        s = rng.choice(structs)
        key = (t, f) if t != 5 else (t, s)
        if key in used:
            continue
        used.add(key)
        parts.append(RUST_TEMPLATES[t].replace("@F@", f).replace("@T@", rng.choice(types)).replace("@S@", s))
    return "\n".join(parts)


def gen_perf_report(seed, n):
    rng = random.Random(seed)
    syms = [
        ("libc.so.6", "__memmove_avx_unaligned_erms"), ("libc.so.6", "__memset_avx2_unaligned_erms"),
        ("libc.so.6", "malloc"), ("libc.so.6", "_int_free"), ("libc.so.6", "__lll_lock_wait"),
        ("[kernel.kallsyms]", "copy_user_enhanced_fast_string"), ("[kernel.kallsyms]", "_raw_spin_lock"),
        ("[kernel.kallsyms]", "native_queued_spin_lock_slowpath"), ("[kernel.kallsyms]", "tcp_sendmsg_locked"),
        ("[kernel.kallsyms]", "do_syscall_64"), ("[kernel.kallsyms]", "futex_wait"),
        ("[kernel.kallsyms]", "clear_page_erms"), ("[kernel.kallsyms]", "handle_mm_fault"),
        ("gatewayd", "gw::router::Router::route"), ("gatewayd", "gw::codec::decode_frame"),
        ("gatewayd", "hashbrown::raw::RawTable<T,A>::find"), ("gatewayd", "gw::metrics::Histogram::record"),
        ("gatewayd", "<tokio::sync::mutex::Mutex<T>>::lock::{{closure}}"), ("gatewayd", "serde_json::de::Deserializer<R>::parse_str"),
        ("gatewayd", "gw::auth::verify_jwt"), ("gatewayd", "ring::digest::sha256_block_data_order"),
        ("gatewayd", "tokio::runtime::scheduler::multi_thread::worker::Context::run"),
        ("gatewayd", "bytes::bytes_mut::BytesMut::reserve_inner"), ("gatewayd", "gw::pool::Pool::checkout"),
        ("gatewayd", "alloc::raw_vec::RawVec<T,A>::grow_one"), ("gatewayd", "core::str::from_utf8"),
        ("libcrypto.so.3", "EVP_DecryptUpdate"), ("libcrypto.so.3", "aesni_gcm_decrypt"),
    ]
    out = ["# To display the perf.data header info, please use --header/--header-only options.",
           "#", "# Total Lost Samples: 0", "#", "# Samples: 2M of event 'cycles:P'",
           "# Event count (approx.): 1843190227341", "#",
           "# Children      Self  Command          Shared Object        Symbol",
           "# ........  ........  ...............  ...................  ................................", "#"]
    weights = sorted([rng.expovariate(1.0) for _ in range(n)], reverse=True)
    total = sum(weights)
    for i in range(n):
        so, sym = syms[i % len(syms)] if i < len(syms) else rng.choice(syms)
        selfp = 100.0 * weights[i] / total * 0.6
        child = min(99.9, selfp + rng.uniform(0, 30) / (1 + i / 10))
        comm = rng.choice(["gatewayd", "tokio-runtime-w", "tokio-runtime-w", "gw-metrics"])
        mark = "[k]" if "kernel" in so else "[.]"
        out.append(f"   {child:6.2f}%   {selfp:6.2f}%  {comm:<15}  {so:<19}  {mark} {sym}")
        if i < n // 3:
            depth = rng.randint(2, 6)
            out.append("            |")
            for d in range(depth):
                c_so, c_sym = rng.choice(syms)
                pct = max(0.01, child * rng.uniform(0.2, 0.95) / (d + 1))
                out.append("            " + "   " * d + f"---{pct:.2f}%--{c_sym}")
            out.append("")
    return "\n".join(out)


def gen_valgrind(seed, nblocks):
    rng = random.Random(seed)
    pid = 48213
    frames = [
        "malloc (in /usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so)",
        "calloc (in /usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so)",
        "realloc (in /usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so)",
        "strdup (strdup.c:42)",
        "cfg_parse_line (config.c:{l})", "cfg_load (config.c:{l})", "route_table_insert (route.c:{l})",
        "sess_new (session.c:{l})", "http_hdr_add (http.c:{l})", "buf_grow (buf.c:{l})",
        "worker_loop (worker.c:{l})", "main (main.c:{l})", "start_thread (pthread_create.c:442)",
    ]
    out = [f"=={pid}== Memcheck, a memory error detector",
           f"=={pid}== Copyright (C) 2002-2022, and GNU GPL'd, by Julian Seward et al.",
           f"=={pid}== Using Valgrind-3.22.0 and LibVEX; rerun with -h for copyright info",
           f"=={pid}== Command: ./proxyd -c test/proxy.conf --once", f"=={pid}=="]
    for b in range(1, nblocks + 1):
        size = rng.choice([16, 24, 32, 48, 64, 128, 256, 4096])
        cnt = rng.randint(1, 400)
        kind = rng.choice(["definitely lost", "definitely lost", "indirectly lost", "possibly lost", "still reachable"])
        out.append(f"=={pid}== {size * cnt:,} bytes in {cnt:,} blocks are {kind} in loss record {b} of {nblocks}")
        addr = 0x483B000 + rng.randint(0, 0xFFF) * 16
        out.append(f"=={pid}==    at 0x{addr:X}: {frames[rng.randint(0, 2)]}")
        for d in range(rng.randint(2, 6)):
            fr = rng.choice(frames[3:]).format(l=rng.randint(20, 900))
            out.append(f"=={pid}==    by 0x{0x10A000 + rng.randint(0, 0xFFFF):X}: {fr}")
        out.append(f"=={pid}==")
    out += [f"=={pid}== LEAK SUMMARY:",
            f"=={pid}==    definitely lost: 1,482,112 bytes in 9,120 blocks",
            f"=={pid}==    indirectly lost: 88,064 bytes in 611 blocks",
            f"=={pid}==      possibly lost: 4,352 bytes in 12 blocks",
            f"=={pid}==    still reachable: 71,230 bytes in 205 blocks",
            f"=={pid}==         suppressed: 0 bytes in 0 blocks",
            f"=={pid}== ERROR SUMMARY: {nblocks} errors from {nblocks} contexts (suppressed: 0 from 0)"]
    return "\n".join(out)


def gen_dmesg(seed, n):
    rng = random.Random(seed)
    t = 3.1
    msgs = [
        "mlx5_core 0000:3b:00.0 eth2: Link up", "mlx5_core 0000:3b:00.1 eth3: Link up",
        "EXT4-fs (nvme0n1p2): mounted filesystem with ordered data mode. Quota mode: none.",
        "audit: type=1400 audit({a}:{b}): apparmor=\"STATUS\" operation=\"profile_replace\" name=\"docker-default\" pid={p}",
        "IPv6: ADDRCONF(NETDEV_CHANGE): veth{h}: link becomes ready",
        "docker0: port {q}(veth{h}) entered forwarding state",
        "docker0: port {q}(veth{h}) entered disabled state",
        "device veth{h} left promiscuous mode",
        "TCP: request_sock_TCP: Possible SYN flooding on port 8443. Sending cookies.  Check SNMP counters.",
        "nvme nvme0: I/O {q} QID {qq} timeout, completion polled",
        "mlx5_core 0000:3b:00.0: mlx5_fw_tracer_handle_traces:743:(pid {p}): FWTracer: Events were lost",
        "mlx5_core 0000:3b:00.0 eth2: TX timeout on queue: {qq}, SQ: 0x{sq:x}, CQ: 0x{cq:x}, SQ Cons: 0x{c:x} SQ Prod: 0x{pp:x}, usecs since last trans: {us}",
        "mlx5_core 0000:3b:00.0 eth2: EQ 0x{eq:x}: Cons = 0x{c:x}, irqn = 0x{irq:x}",
        "perf: interrupt took too long ({us} > {us2}), lowering kernel.perf_event_max_sample_rate to {rate}",
        "cgroup: fork rejected by pids controller in /kubepods.slice/kubepods-burstable.slice",
        "watchdog: BUG: soft lockup - CPU#{cpu} stuck for 22s! [ksoftirqd/{cpu}:{p}]",
    ]
    out = []
    for i in range(n):
        t += rng.uniform(0.001, 40.0)
        w = rng.random()
        if w < 0.75:
            m = rng.choice(msgs[:9])
        else:
            m = rng.choice(msgs[9:])
        out.append(f"[{t:12.6f}] " + m.format(
            a=1700000000 + int(t), b=rng.randint(100, 999), p=rng.randint(100, 60000),
            h=f"{rng.getrandbits(28):07x}", q=rng.randint(1, 30), qq=rng.randint(0, 63),
            sq=rng.randint(0x100, 0xfff), cq=rng.randint(0x100, 0xfff), c=rng.randint(0, 0xffff),
            pp=rng.randint(0, 0xffff), us=rng.randint(2000, 90000), us2=rng.randint(2000, 9000),
            rate=rng.choice([79750, 63750, 50750, 39750]), eq=rng.randint(0x10, 0x40),
            irq=rng.randint(0x30, 0x90), cpu=rng.randint(0, 63)))
    return "\n".join(out)


def gen_csv_bench(seed, n):
    rng = random.Random(seed)
    out = ["commit,date,bench,threads,payload_bytes,ops_per_sec,p50_us,p99_us,p999_us,rss_mb"]
    benches = ["put_small", "put_large", "get_hot", "get_cold", "scan_1k", "mixed_90_10", "batch_write"]
    for i in range(n):
        c = f"{rng.getrandbits(28):07x}"
        d = f"2026-{rng.randint(7, 11):02d}-{rng.randint(1, 28):02d}"
        b = rng.choice(benches)
        th = rng.choice([1, 4, 8, 16, 32])
        pl = rng.choice([64, 256, 1024, 4096, 65536])
        ops = rng.randint(20000, 2400000)
        p50 = rng.uniform(2, 300)
        out.append(f"{c},{d},{b},{th},{pl},{ops},{p50:.1f},{p50 * rng.uniform(3, 12):.1f},"
                   f"{p50 * rng.uniform(15, 60):.1f},{rng.randint(80, 4000)}")
    return "\n".join(out)


def gen_cmake(seed, nlibs):
    rng = random.Random(seed)
    out = ["cmake_minimum_required(VERSION 3.22)", "project(tessera VERSION 2.7.1 LANGUAGES C CXX)", "",
           "set(CMAKE_CXX_STANDARD 20)", "set(CMAKE_CXX_STANDARD_REQUIRED ON)", "set(CMAKE_CXX_EXTENSIONS OFF)",
           "set(CMAKE_EXPORT_COMPILE_COMMANDS ON)", "",
           "option(TESSERA_BUILD_TESTS \"Build unit tests\" ON)", "option(TESSERA_WITH_ASAN \"Build with AddressSanitizer\" OFF)",
           "option(TESSERA_WITH_LTO \"Enable IPO/LTO\" OFF)", "",
           "find_package(Threads REQUIRED)", "find_package(fmt 10 REQUIRED)", "find_package(spdlog REQUIRED)",
           "find_package(absl REQUIRED)", "find_package(Protobuf REQUIRED)", "find_package(ZLIB REQUIRED)", "",
           "if(TESSERA_WITH_ASAN)", "  add_compile_options(-fsanitize=address -fno-omit-frame-pointer)",
           "  add_link_options(-fsanitize=address)", "endif()", ""]
    names = ["core", "io", "net", "codec", "storage", "index", "query", "planner", "exec", "rpc", "auth",
             "metrics", "trace", "cache", "wal", "compaction", "bloom", "sstable", "memtable", "raft", "gossip",
             "config", "cli", "admin", "snapshot", "schema", "vector", "geo", "text", "json", "csv", "arrow"]
    deps_pool = ["fmt::fmt", "spdlog::spdlog", "absl::flat_hash_map", "absl::strings", "absl::status",
                 "Threads::Threads", "ZLIB::ZLIB", "protobuf::libprotobuf"]
    made = []
    for i in range(nlibs):
        nm = names[i % len(names)] + ("" if i < len(names) else f"_v{i // len(names) + 1}")
        srcs = [f"src/{nm}/{rng.choice(['impl', 'api', 'util', 'types', 'detail', 'io', 'encode', 'decode'])}_{j}.cpp"
                for j in range(rng.randint(2, 6))]
        out.append(f"add_library(tessera_{nm} STATIC")
        out += [f"  {s}" for s in srcs]
        out.append(")")
        out.append(f"target_include_directories(tessera_{nm} PUBLIC ${{CMAKE_CURRENT_SOURCE_DIR}}/include)")
        deps = rng.sample(deps_pool, rng.randint(1, 3)) + [f"tessera_{d}" for d in rng.sample(made, min(len(made), rng.randint(0, 3)))]
        out.append(f"target_link_libraries(tessera_{nm} PUBLIC {' '.join(deps)})")
        if rng.random() < 0.3:
            out.append(f"target_compile_definitions(tessera_{nm} PRIVATE TESSERA_{nm.upper()}_INTERNAL=1)")
        out.append("")
        made.append(nm)
    out += ["add_executable(tesserad src/main.cpp)",
            "target_link_libraries(tesserad PRIVATE " + " ".join(f"tessera_{m}" for m in made[:12]) + ")", "",
            "if(TESSERA_BUILD_TESTS)", "  enable_testing()", "  find_package(GTest REQUIRED)"]
    for m in made:
        out.append(f"  add_executable(test_{m} tests/{m}_test.cpp)")
        out.append(f"  target_link_libraries(test_{m} PRIVATE tessera_{m} GTest::gtest_main)")
        out.append(f"  add_test(NAME {m} COMMAND test_{m})")
    out.append("endif()")
    return "\n".join(out)


def gen_goroutine_dump(seed, n):
    rng = random.Random(seed)
    states = ["chan receive", "select", "IO wait", "semacquire", "sync.Mutex.Lock", "sync.RWMutex.RLock",
              "running", "chan send", "sleep"]
    stacks = {
        "sync.Mutex.Lock": ["sync.runtime_SemacquireMutex(0xc0001a2b4c?, 0x0?, 0x0?)\n\t/usr/local/go/src/runtime/sema.go:95 +0x25",
                            "sync.(*Mutex).lockSlow(0xc0001a2b48)\n\t/usr/local/go/src/sync/mutex.go:173 +0x15d",
                            "sync.(*Mutex).Lock(...)\n\t/usr/local/go/src/sync/mutex.go:92",
                            "github.com/acme/relay/internal/peers.(*Table).Update(0xc0001a2b40, {0xc00412a0c0, 0x24}, 0xc0091e2000)\n\t/src/internal/peers/table.go:118 +0x6b",
                            "github.com/acme/relay/internal/gossip.(*Node).handleDigest(0xc000212000, 0xc0091e2000)\n\t/src/internal/gossip/node.go:241 +0x1f4"],
        "sync.RWMutex.RLock": ["sync.runtime_SemacquireRWMutexR(0xc0001a2b5c?, 0x0?, 0x0?)\n\t/usr/local/go/src/runtime/sema.go:82 +0x25",
                               "sync.(*RWMutex).RLock(...)\n\t/usr/local/go/src/sync/rwmutex.go:71",
                               "github.com/acme/relay/internal/peers.(*Table).Snapshot(0xc0001a2b40)\n\t/src/internal/peers/table.go:64 +0x4e",
                               "github.com/acme/relay/internal/api.(*Server).listPeers(0xc0002c8000, {0x1a2e4c0, 0xc00a3e61c0}, 0xc00b8f2300)\n\t/src/internal/api/peers.go:33 +0x45"],
        "chan send": ["github.com/acme/relay/internal/peers.(*Table).notify(...)\n\t/src/internal/peers/table.go:151",
                      "github.com/acme/relay/internal/peers.(*Table).Update(0xc0001a2b40, {0xc0042a8f00, 0x24}, 0xc00933c000)\n\t/src/internal/peers/table.go:129 +0x2d8",
                      "github.com/acme/relay/internal/gossip.(*Node).handleDigest(0xc000212000, 0xc00933c000)\n\t/src/internal/gossip/node.go:241 +0x1f4"],
        "chan receive": ["github.com/acme/relay/internal/peers.(*Watcher).run(0xc0002a4000)\n\t/src/internal/peers/watch.go:47 +0x9c",
                         "created by github.com/acme/relay/internal/peers.NewWatcher in goroutine 1\n\t/src/internal/peers/watch.go:30 +0x1a5"],
        "IO wait": ["internal/poll.runtime_pollWait(0x7f3b5c1e2e28, 0x72)\n\t/usr/local/go/src/runtime/netpoll.go:345 +0x85",
                    "internal/poll.(*pollDesc).wait(0xc000226080?, 0xc0003f2000?, 0x0)\n\t/usr/local/go/src/internal/poll/fd_poll_runtime.go:84 +0x27",
                    "net.(*conn).Read(0xc00011e038, {0xc0003f2000?, 0x1000?, 0x0?})\n\t/usr/local/go/src/net/net.go:179 +0x45",
                    "bufio.(*Reader).Read(0xc0002b6a20, {0xc000314a00, 0x9, 0xc000314a00?})\n\t/usr/local/go/src/bufio/bufio.go:241 +0x197"],
        "select": ["github.com/acme/relay/internal/gossip.(*Node).loop(0xc000212000)\n\t/src/internal/gossip/node.go:188 +0x2a5",
                   "created by github.com/acme/relay/internal/gossip.Start in goroutine 1\n\t/src/internal/gossip/node.go:92 +0x3c5"],
    }
    out = []
    for g in range(1, n + 1):
        st = rng.choice(states)
        mins = rng.choice(["", ", 3 minutes", ", 41 minutes", ", 41 minutes", ", 2 minutes"])
        out.append(f"goroutine {g * 7 + rng.randint(0, 6)} [{st}{mins}]:")
        frames = stacks.get(st) or ["runtime.gopark(0x0?, 0x0?, 0x0?, 0x0?, 0x0?)\n\t/usr/local/go/src/runtime/proc.go:402 +0xce",
                                    "time.Sleep(0x3b9aca00)\n\t/usr/local/go/src/runtime/time.go:195 +0x115",
                                    "github.com/acme/relay/internal/metrics.(*Pusher).run(0xc0001c8000)\n\t/src/internal/metrics/push.go:58 +0x5d"]
        out += frames
        out.append("")
    return "\n".join(out)


def gen_diff(seed, nfiles):
    rng = random.Random(seed)
    out = []
    mods = ["conn", "frame", "stream", "settings", "hpack", "flow", "ping", "goaway", "priority", "error"]
    for i in range(nfiles):
        m = mods[i % len(mods)] + ("" if i < len(mods) else str(i))
        out.append(f"diff --git a/src/h2/{m}.rs b/src/h2/{m}.rs")
        out.append(f"index {rng.getrandbits(28):07x}..{rng.getrandbits(28):07x} 100644")
        out.append(f"--- a/src/h2/{m}.rs")
        out.append(f"+++ b/src/h2/{m}.rs")
        line = rng.randint(10, 60)
        for h in range(rng.randint(2, 4)):
            out.append(f"@@ -{line},9 +{line},11 @@ impl {m.capitalize()}Handler {{")
            out.append("     fn handle(&mut self, frame: Frame) -> Result<(), H2Error> {")
            out.append("-        let len = frame.payload.len() as u32;")
            out.append("+        let len = u32::try_from(frame.payload.len()).map_err(|_| H2Error::FrameSize)?;")
            out.append("         if len > self.max_frame_size {")
            out.append("-            return Err(H2Error::Protocol);")
            out.append("+            return Err(H2Error::FrameSize);")
            out.append("         }")
            if rng.random() < 0.5:
                out.append(f"-        self.window -= len as i32;")
                out.append(f"+        self.window = self.window.checked_sub(len as i32).ok_or(H2Error::FlowControl)?;")
            else:
                out.append(f"+        trace!(stream = frame.stream_id, len, \"{m} frame\");")
                out.append(f"+        self.metrics.{m}_frames.inc();")
            out.append("         self.dispatch(frame)")
            out.append("     }")
            line += rng.randint(30, 120)
    return "\n".join(out)


# ---------------------------------------------------------------------------
# Rows
# ---------------------------------------------------------------------------

# ---- batch 1 ----
R("haiku", "question", "systems", "terse", "en", None,
  "Short factual question about a Rust attribute with a well-known answer.",
  "what does #[repr(C)] actually change on a struct")

R("haiku", "explain", "systems", "non-native", "en", None,
  "Explaining a common rustc error (use after move) on a few lines of code.",
  r'''I get this error and not understand, I only print length after. What means and how fix fast?

```
error[E0382]: borrow of moved value: `buf`
 --> src/main.rs:9:20
  |
6 |     let buf = vec![0u8; 1024];
  |         --- move occurs because `buf` has type `Vec<u8>`, which does not implement the `Copy` trait
7 |     consume(buf);
  |             --- value moved here
8 |
9 |     println!("{}", buf.len());
  |                    ^^^ value borrowed here after move
```''')

R("opus", "implement", "systems", "terse", "en", "short-hard",
  "Cross-process lock-free queue: memory ordering correctness is subtle; short but hard.",
  "need wait-free SPSC queue over shm between two processes, C11 atomics. orderings must be right, explain each one")

R("sonnet", "debug", "systems", "plain", "en", None,
  "Segfault with a gdb backtrace pointing at an obvious NULL dereference; identifiable cause.",
  r'''Our config loader segfaults when the file has an empty section. Backtrace:

```
Program received signal SIGSEGV, Segmentation fault.
0x0000555555556a3e in section_add_key (sec=0x0, key=0x5555555592c0 "timeout", val=0x5555555592d0 "30") at cfg.c:88
88	    struct kv *kv = &sec->kvs[sec->n++];
(gdb) bt
#0  0x0000555555556a3e in section_add_key (sec=0x0, key=0x5555555592c0 "timeout", val=0x5555555592d0 "30") at cfg.c:88
#1  0x0000555555556c71 in cfg_parse_line (cfg=0x5555555592a0, line=0x7fffffffd9f0 "timeout = 30") at cfg.c:131
#2  0x0000555555556e02 in cfg_load (path=0x7fffffffe2a1 "test/empty_section.ini") at cfg.c:172
#3  0x0000555555557190 in main (argc=2, argv=0x7fffffffdf68) at main.c:23
(gdb) p cfg->cur
$1 = (struct section *) 0x0
```

cfg.c:

```c
static int cfg_parse_line(struct cfg *cfg, char *line)
{
    char *p = trim(line);
    if (*p == '\0' || *p == '#')
        return 0;
    if (*p == '[') {
        char *end = strchr(p, ']');
        if (!end)
            return -EINVAL;
        *end = '\0';
        if (end == p + 1)           /* "[]" */
            return 0;
        cfg->cur = cfg_new_section(cfg, p + 1);
        return cfg->cur ? 0 : -ENOMEM;
    }
    char *eq = strchr(p, '=');
    if (!eq)
        return -EINVAL;
    *eq = '\0';
    section_add_key(cfg->cur, trim(p), trim(eq + 1));
    return 0;
}
```

test/empty_section.ini is just

```
[]
timeout = 30
```

Fix it properly, and keys before any section should go into a default "global" section.''')

R("haiku", "question", "systems", "plain", "en", "long-trivial",
  "Counting ERROR lines in a long log is mechanical and checkable; length does not raise the tier.",
  "Here's last night's ingestd log. How many lines are level ERROR? Just the number, nothing else.\n\n```\n"
  + gen_service_log(101, 900) + "\n```")

R("sonnet", "refactor", "tooling", "plain", "en", None,
  "Splitting a crate into a workspace with shared dependencies: several files, clear steps.",
  r'''I want to split this crate into a workspace: `proxy-core` (lib, everything under src/core), `proxy-cli` (the binary) and keep the benches in core. Deps should be declared once in `[workspace.dependencies]`. Show me the new Cargo.toml files and what moves where.

```toml
[package]
name = "proxy"
version = "0.9.3"
edition = "2021"
rust-version = "1.75"

[[bin]]
name = "proxy"
path = "src/main.rs"

[dependencies]
tokio = { version = "1.38", features = ["rt-multi-thread", "net", "macros", "signal", "time"] }
bytes = "1.6"
tracing = "0.1"
tracing-subscriber = { version = "0.3", features = ["env-filter", "json"] }
clap = { version = "4.5", features = ["derive"] }
serde = { version = "1", features = ["derive"] }
toml = "0.8"
thiserror = "1"
anyhow = "1"
rustls = "0.23"
tokio-rustls = "0.26"

[dev-dependencies]
criterion = { version = "0.5", features = ["html_reports"] }
tokio = { version = "1.38", features = ["test-util"] }

[[bench]]
name = "codec"
harness = false
```''')

R("haiku", "question", "tooling", "other-language", "de", None,
  "Einfache CMake-Frage mit bekannter Einzeiler-Antwort (target_compile_features).",
  "Wie setze ich in CMake den C++-Standard auf C++20 nur für ein einzelnes Target und nicht global?")

R("haiku", "question", "systems", "other-language", "ru", None,
  "Short conceptual question about valgrind leak categories; well-known answer.",
  "Почему valgrind пишет «still reachable» в конце — это утечка памяти или можно игнорировать?")

R("opus", "debug", "systems", "plain", "en", "easy-words-hard",
  "Intermittent freeze on some machines with no logs and no lead: needs a theory across components.",
  "our game server sometimes just freezes for about a second, maybe twice an hour, and only on some of the machines. nothing in the logs at that moment, cpu graph looks normal. players notice it though. where do I even start with this")

R("haiku", "question", "systems", "plain", "en", "hard-words-easy",
  "Scary acronym, but it is a short factual definition question.",
  "What does NUMA stand for, and does it matter at all on a single-socket laptop?")

R("sonnet", "implement", "systems", "plain", "en", None,
  "Small allocator with a clear spec plus tests: everyday implementation work.",
  "Write a simple bump/arena allocator in Zig (0.13) that implements the std.mem.Allocator interface, with a reset() that frees everything at once. Backing buffer is passed in by the caller. Include a couple of tests with std.testing.")

R("opus", "explain", "systems", "plain", "en", None,
  "Explaining memory-ordering semantics of a concurrent snippet is opus under tie-breaker 7.",
  r'''Can someone explain whether this is actually correct? A colleague says the Relaxed on `ready` is fine because of the fence, I'm not convinced. Which orderings are needed and why; could the reader see ready==true but stale data?

```rust
use std::sync::atomic::{fence, AtomicBool, AtomicU64, Ordering};

static DATA: AtomicU64 = AtomicU64::new(0);
static READY: AtomicBool = AtomicBool::new(false);

fn writer(v: u64) {
    DATA.store(v, Ordering::Relaxed);
    fence(Ordering::Release);
    READY.store(true, Ordering::Relaxed);
}

fn reader() -> Option<u64> {
    if READY.load(Ordering::Relaxed) {
        fence(Ordering::Acquire);
        return Some(DATA.load(Ordering::Relaxed));
    }
    None
}
```''')

R("haiku", "edit", "systems", "plain", "en", None,
  "Mechanical rename in a short C snippet.",
  r'''Rename `buf_sz` to `buf_len` everywhere in this:

```c
int read_all(int fd, char *buf, size_t buf_sz)
{
    size_t off = 0;
    while (off < buf_sz) {
        ssize_t n = read(fd, buf + off, buf_sz - off);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (n == 0)
            break;
        off += (size_t)n;
    }
    return (int)off;
}
```''')

R("sonnet", "test", "systems", "plain", "en", None,
  "Writing table-driven tests for an existing Go parser function.",
  r'''Write table-driven tests for this. Cover the edge cases you can think of (empty, overflow, missing unit, fractional).

```go
// ParseSize parses strings like "512", "4k", "16M", "1.5G" into bytes.
func ParseSize(s string) (uint64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, errors.New("empty size")
	}
	mult := uint64(1)
	switch last := s[len(s)-1]; last {
	case 'k', 'K':
		mult = 1 << 10
	case 'm', 'M':
		mult = 1 << 20
	case 'g', 'G':
		mult = 1 << 30
	}
	if mult != 1 {
		s = s[:len(s)-1]
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("bad size %q: %w", s, err)
	}
	if f < 0 || f*float64(mult) > math.MaxUint64 {
		return 0, fmt.Errorf("size out of range: %q", s)
	}
	return uint64(f * float64(mult)), nil
}
```''')

R("haiku", "question", "tooling", "terse", "en", None,
  "One gcc flag combination; well-known answer.",
  "gcc: -Werror but keep unused-parameter as a warning only. flags?")

R("sonnet", "debug", "systems", "plain", "en", None,
  "ASan report points straight at iterator invalidation after push_back: identifiable cause.",
  r'''ASan blows up in our scheduler unit test. I don't see what's wrong, the vector is never freed by us.

```
==91824==ERROR: AddressSanitizer: heap-use-after-free on address 0x6060000012a8 at pc 0x55d4c7a1b3f2 bp 0x7ffd5a2c0f10 sp 0x7ffd5a2c0f08
READ of size 8 at 0x6060000012a8 thread T0
    #0 0x55d4c7a1b3f1 in Scheduler::tick() src/scheduler.cpp:57
    #1 0x55d4c7a19c84 in SchedulerTest_ReschedulesFromCallback_Test::TestBody() tests/scheduler_test.cpp:41
    #2 0x55d4c7a6e0bd in testing::Test::Run() (/build/tests/scheduler_test+0xb60bd)

0x6060000012a8 is located 8 bytes inside of 64-byte region [0x6060000012a0,0x6060000012e0)
freed by thread T0 here:
    #0 0x7f1e3d8b6c65 in operator delete(void*) ../../../../src/libsanitizer/asan/asan_new_delete.cpp:152
    #1 0x55d4c7a1c9a0 in std::vector<Task, std::allocator<Task> >::_M_realloc_insert<Task>(...) /usr/include/c++/13/bits/vector.tcc:513
    #2 0x55d4c7a1b8d2 in Scheduler::schedule(Task) src/scheduler.cpp:31
    #3 0x55d4c7a19b10 in operator() tests/scheduler_test.cpp:36
    #4 0x55d4c7a1b3c8 in Scheduler::tick() src/scheduler.cpp:56

previously allocated by thread T0 here:
    #0 0x7f1e3d8b61e7 in operator new(unsigned long) ../../../../src/libsanitizer/asan/asan_new_delete.cpp:99
    #1 0x55d4c7a1c7f1 in std::vector<Task, std::allocator<Task> >::_M_realloc_insert<Task>(...) /usr/include/c++/13/bits/vector.tcc:459
    #2 0x55d4c7a1b8d2 in Scheduler::schedule(Task) src/scheduler.cpp:31
```

```cpp
void Scheduler::schedule(Task t) {
    tasks_.push_back(std::move(t));                        // line 31
}

void Scheduler::tick() {
    auto now = clock_->now();
    for (auto& t : tasks_) {                               // line 54
        if (t.due <= now && !t.done) {
            t.fn(*this);                                   // line 56
            t.done = true;                                 // line 57
        }
    }
    std::erase_if(tasks_, [](const Task& t) { return t.done; });
}
```

The test callback calls `sched.schedule(...)` to re-arm itself. Please fix tick() so callbacks may schedule new tasks safely.''')

R("opus", "debug", "systems", "plain", "en", None,
  "Performance regression from a long profile requires analysis, not a known fix.",
  "After we upgraded to tokio 1.40 and switched JWT verification to the new `ring` based code, gatewayd p99 went from ~4ms to ~11ms at the same RPS (about 38k/s on a c7i.4xlarge). p50 barely moved. Here's `perf report --children` from 60s under production-like load. What is going on, and what would you change or measure next? Please reason from the profile, not general advice.\n\n```\n"
  + gen_perf_report(202, 300) + "\n```")

R("haiku", "edit", "systems", "follow-up", "en", None,
  "Follow-up naming a mechanical edit (rename a header guard).",
  "ok and rename the include guard too so it matches the new file name, NET_FRAME_H -> NET_CODEC_H")

R("sonnet", "debug", "tooling", "follow-up", "en", None,
  "Follow-up that only points back ('didn't work'): work unknown, default sonnet.",
  "that didn't work, still the same undefined reference to `pthread_create` when linking")

R("sonnet", "implement", "tooling", "non-native", "en", None,
  "Writing a Makefile with debug/release targets and dependency generation: everyday build config.",
  "Please to write Makefile for my project. There is src/ with .c files (around 20) and include/ folder. I need debug and release target, objects go to build/debug or build/release, and header dependencies must be automatic (I know there is -MMD something). Compiler is gcc, link with -lm -lpthread. Also `make clean`.")

R("haiku", "question", "systems", "terse", "en", None,
  "Short factual difference between two C types.",
  "size_t vs ssize_t, when do I use which")

R("opus", "design", "databases", "plain", "en", None,
  "Open design of an on-disk WAL with crash consistency trade-offs across media: high stakes.",
  "Design the on-disk format and recovery procedure for the write-ahead log of our embedded key-value store. It runs on servers with NVMe but also on devices with cheap SD cards, so we need to think about torn writes, partial sector writes, reordering by the device, and checksums. Recovery must never return a record that was not fully written, and should lose as little as possible. Please cover record framing, segment rotation, fsync strategy and the recovery algorithm, and explain the trade-offs.")

R("sonnet", "explain", "systems", "plain", "en", None,
  "Explaining a non-trivial event loop function of dozens of lines.",
  r'''I inherited this. Can you walk me through what it does, especially the EPOLLONESHOT / rearm part and what happens when a client disconnects mid-request?

```c
static void event_loop(struct server *srv)
{
    struct epoll_event evs[MAX_EVENTS];

    for (;;) {
        int n = epoll_wait(srv->epfd, evs, MAX_EVENTS, 1000);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            die("epoll_wait");
        }
        for (int i = 0; i < n; i++) {
            struct conn *c = evs[i].data.ptr;
            if (c == NULL) {                      /* listening socket */
                accept_all(srv);
                continue;
            }
            if (evs[i].events & (EPOLLHUP | EPOLLERR)) {
                conn_close(srv, c);
                continue;
            }
            if (evs[i].events & EPOLLIN) {
                int r = conn_read(c);
                if (r == 0) {
                    conn_close(srv, c);
                    continue;
                }
                if (r < 0 && errno != EAGAIN) {
                    conn_close(srv, c);
                    continue;
                }
                if (request_complete(c))
                    threadpool_submit(srv->pool, handle_request, c);
                else
                    rearm(srv, c, EPOLLIN);
            }
            if (evs[i].events & EPOLLOUT) {
                if (conn_flush(c) == 0)
                    rearm(srv, c, EPOLLIN);
                else
                    rearm(srv, c, EPOLLOUT);
            }
        }
        reap_idle(srv, now_ms() - IDLE_TIMEOUT_MS);
    }
}

static void rearm(struct server *srv, struct conn *c, uint32_t ev)
{
    struct epoll_event e = { .events = ev | EPOLLONESHOT | EPOLLRDHUP, .data.ptr = c };
    if (epoll_ctl(srv->epfd, EPOLL_CTL_MOD, c->fd, &e) < 0)
        conn_close(srv, c);
}
```''')

R("haiku", "edit", "tooling", "terse", "en", None,
  "Mechanical TOML edit: switch member deps to workspace inheritance.",
  r'''make these use workspace = true

```toml
[dependencies]
serde = { version = "1", features = ["derive"] }
tokio = { version = "1.38", features = ["full"] }
tracing = "0.1"
```''')

R("opus", "review", "security", "plain", "en", None,
  "Security review of network-facing C parsing code: a subtle bounds mistake is a vulnerability.",
  r'''This parses TLVs from UDP packets coming from the internet (our device discovery protocol). Please do a security review: I want every way a malicious packet can make this read or write out of bounds, loop forever, or exhaust memory, and a fixed version.

```c
struct tlv { uint8_t type; uint16_t len; const uint8_t *val; };

int parse_tlvs(const uint8_t *pkt, int pkt_len, struct tlv *out, int max_out)
{
    int off = 4;                 /* skip magic + version */
    int n = 0;

    while (off < pkt_len) {
        struct tlv *t = &out[n++];
        t->type = pkt[off];
        t->len  = (pkt[off + 1] << 8) | pkt[off + 2];
        t->val  = pkt + off + 3;
        if (t->type == TLV_PAD)
            continue;
        if (t->type == TLV_NAME) {
            char name[64];
            memcpy(name, t->val, t->len);
            name[t->len] = 0;
            register_name(name);
        }
        off += 3 + t->len;
        if (n == max_out)
            break;
    }
    return n;
}
```''')

R("sonnet", "implement", "systems", "plain", "en", None,
  "Adding context cancellation to a worker pool: everyday Go concurrency with a clear spec.",
  r'''Add context cancellation to this: when ctx is cancelled, workers should stop picking new jobs, in-flight jobs get the ctx, and Run should return ctx.Err() after all workers exit. Don't leak goroutines.

```go
type Pool struct {
	workers int
	jobs    chan Job
	results chan Result
}

func (p *Pool) Run(handle func(Job) Result) {
	var wg sync.WaitGroup
	for i := 0; i < p.workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range p.jobs {
				p.results <- handle(j)
			}
		}()
	}
	wg.Wait()
	close(p.results)
}
```''')

R("haiku", "ops", "systems", "typos", "en", None,
  "One shell command (ss/lsof) to find a listening process.",
  "hwo do i see which proces is listening on port 5432 on linux, ss or lsof whatever")

R("sonnet", "debug", "systems", "plain", "en", None,
  "Embedded DMA callback not firing; code shows the missing NVIC enable, identifiable cause.",
  r'''STM32F411, HAL. UART2 RX with DMA, HAL_UART_RxCpltCallback never gets called. TX via DMA works fine. CubeMX-ish init, but I edited it by hand:

```c
void MX_DMA_Init(void)
{
  __HAL_RCC_DMA1_CLK_ENABLE();
  HAL_NVIC_SetPriority(DMA1_Stream6_IRQn, 5, 0);
  HAL_NVIC_EnableIRQ(DMA1_Stream6_IRQn);
}

void MX_USART2_UART_Init(void)
{
  huart2.Instance = USART2;
  huart2.Init.BaudRate = 115200;
  huart2.Init.WordLength = UART_WORDLENGTH_8B;
  huart2.Init.StopBits = UART_STOPBITS_1;
  huart2.Init.Parity = UART_PARITY_NONE;
  huart2.Init.Mode = UART_MODE_TX_RX;
  huart2.Init.HwFlowCtl = UART_HWCONTROL_NONE;
  huart2.Init.OverSampling = UART_OVERSAMPLING_16;
  if (HAL_UART_Init(&huart2) != HAL_OK)
    Error_Handler();
}

/* in stm32f4xx_it.c */
void DMA1_Stream6_IRQHandler(void) { HAL_DMA_IRQHandler(&hdma_usart2_tx); }
void USART2_IRQHandler(void)       { HAL_UART_IRQHandler(&huart2); }

/* main */
HAL_UART_Receive_DMA(&huart2, rx_buf, sizeof rx_buf);
```

hdma_usart2_rx is linked in HAL_UART_MspInit on DMA1_Stream5 channel 4. What's missing?''')

R("opus", "debug", "systems", "plain", "en", "easy-words-hard",
  "Random hardfaults after hours on an RTOS with no lead: theory needed across stack/heap/ISRs.",
  "Our board (Cortex-M4, FreeRTOS 10.5, 6 tasks, lwIP) hard-faults at random after running for several hours, sometimes two days. Never on the bench with the debugger attached. The fault handler dump we save to flash shows different PCs each time. configCHECK_FOR_STACK_OVERFLOW is 2 and never triggers. We use heap_4. How should we approach this, what are the likely causes and how do we narrow it down?")

R("haiku", "edit", "systems", "plain", "en", "long-trivial",
  "Adding a license header to a long file is mechanical however long the paste.",
  "Add an SPDX header (`// SPDX-License-Identifier: GPL-2.0-only`) plus `Copyright (c) 2026 Nordlys Networks AS` at the top of this file. Don't change anything else.\n\n```c\n"
  + gen_c_module(303, 120) + "\n```")

R("sonnet", "test", "systems", "plain", "en", None,
  "Writing unit tests for many functions of an existing module: long paste, everyday work.",
  "Write unit tests (in a `#[cfg(test)] mod tests` at the bottom) for every `parse_*` and `encode_*` function in this module. Cover happy path, missing `=`, wrong key, bad value and the varint boundaries (0, 127, 128, u64::MAX). Use tempfile for the read_*_table ones.\n\n```rust\n"
  + gen_rust_module(404, 40) + "\n```")

R("haiku", "question", "tooling", "plain", "en", None,
  "Well-known difference between two optimisation levels.",
  "What's the practical difference between -O2 and -O3 in gcc? Is -O3 ever slower?")

R("opus", "implement", "systems", "plain", "en", None,
  "Implementing SSA construction is a non-trivial compiler algorithm with subtle correctness.",
  r'''Our toy compiler has a CFG of basic blocks with non-SSA IR (`Assign(var, expr)`, `Branch`, `Jump`, `Ret`) and we already compute the dominator tree and dominance frontiers. Implement SSA construction: phi placement with iterated dominance frontiers and renaming, in Rust. Handle variables that are only defined on some paths (undef) and prune dead phis. Here are the types:

```rust
pub type BlockId = usize;
pub type Var = u32;

pub enum Expr { Const(i64), Var(Var), Bin(BinOp, Box<Expr>, Box<Expr>) }
pub enum Inst { Assign(Var, Expr), Branch(Expr, BlockId, BlockId), Jump(BlockId), Ret(Expr) }

pub struct Block { pub insts: Vec<Inst>, pub preds: Vec<BlockId>, pub succs: Vec<BlockId> }
pub struct Cfg { pub blocks: Vec<Block>, pub entry: BlockId }

pub struct DomInfo {
    pub idom: Vec<Option<BlockId>>,
    pub children: Vec<Vec<BlockId>>,
    pub frontier: Vec<Vec<BlockId>>,
}
```''')

R("sonnet", "implement", "systems", "plain", "en", None,
  "Constant folding pass over a given AST: clear spec, moderate care (overflow, div by zero).",
  r'''Add a constant folding pass for this AST. Fold arithmetic and comparisons on integer literals recursively, keep division by zero unfolded (it's a runtime error in our language), and use wrapping semantics for i64 overflow like the VM does.

```rust
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Int(i64),
    Bool(bool),
    Ident(String),
    Unary(UnOp, Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    If(Box<Expr>, Box<Expr>, Box<Expr>),
    Call(String, Vec<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum UnOp { Neg, Not }

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BinOp { Add, Sub, Mul, Div, Rem, Eq, Ne, Lt, Le, Gt, Ge, And, Or }
```

Also fold `If(Bool(_), a, b)`.''')

R("haiku", "edit", "systems", "plain", "en", "hard-words-easy",
  "Consensus code, but the task is fixing a spelling in log strings.",
  r'''fix the spelling of "recieved" in the log messages of this raft code, nothing else

```go
func (r *Raft) handleAppendEntries(m pb.Message) {
	if m.Term < r.Term {
		r.logger.Debugf("%x recieved stale append from %x (term %d < %d)", r.id, m.From, m.Term, r.Term)
		r.send(pb.Message{To: m.From, Type: pb.MsgAppResp, Reject: true})
		return
	}
	if m.Index < r.raftLog.committed {
		r.logger.Debugf("%x recieved append below commit index %d", r.id, r.raftLog.committed)
		r.send(pb.Message{To: m.From, Type: pb.MsgAppResp, Index: r.raftLog.committed})
		return
	}
	if mlastIndex, ok := r.raftLog.maybeAppend(m.Index, m.LogTerm, m.Commit, m.Entries...); ok {
		r.send(pb.Message{To: m.From, Type: pb.MsgAppResp, Index: mlastIndex})
	} else {
		r.logger.Debugf("%x rejected append [logterm: %d, index: %d] recieved from %x", r.id, m.LogTerm, m.Index, m.From)
		r.send(pb.Message{To: m.From, Type: pb.MsgAppResp, Index: m.Index, Reject: true, RejectHint: r.raftLog.lastIndex()})
	}
}
```''')

R("opus", "debug", "databases", "other-language", "ru", None,
  "Lost writes after leader change in etcd: distributed consistency debugging without a clear lead.",
  "Почему у нас после переключения лидера в кластере etcd (3 ноды) иногда пропадают записи? Клиент на Go (clientv3), пишет через Put с нашим собственным retry при ошибке. Примерно раз в неделю находим ключ, которого нет, хотя в логах клиента запись «успешна». Что может быть причиной и как это проверить?")

R("sonnet", "refactor", "systems", "other-language", "de", None,
  "Umbau eines kleinen Parsers auf endianness-unabhängigen Code: mehrere Stellen, Sorgfalt nötig.",
  r'''Kannst du mir helfen, diesen Code endianness-unabhängig umzuschreiben? Er läuft bisher nur auf x86, soll jetzt aber auch auf einem PowerPC-Board (Big Endian) laufen. Das Protokoll auf dem Draht ist Little Endian.

```c
struct __attribute__((packed)) msg_hdr {
    uint32_t magic;
    uint16_t type;
    uint16_t flags;
    uint64_t seq;
    uint32_t len;
};

int msg_decode(const uint8_t *buf, size_t n, struct msg_hdr *h)
{
    if (n < sizeof(*h))
        return -1;
    memcpy(h, buf, sizeof(*h));
    if (h->magic != 0x4D534731)
        return -2;
    return 0;
}

size_t msg_encode(const struct msg_hdr *h, uint8_t *out)
{
    memcpy(out, h, sizeof(*h));
    return sizeof(*h);
}
```''')

R("haiku", "question", "systems", "non-native", "en", None,
  "Common conceptual question about volatile; short well-known answer.",
  "What is meaning of volatile in C? It make variable thread safe or not? My senior say no but don't explain.")

R("opus", "debug", "systems", "plain", "en", None,
  "Cross-architecture performance drop needs analysis of memory model, atomics, cache behaviour.",
  "Same Rust service, same commit, same load test. Moving from c6i (x86) to c7g (Graviton3) made it ~30% slower per core, and it's mostly a HashMap-heavy request router with a few Arc<Mutex<..>> in the hot path. Everyone says Graviton should be cheaper per request. Why might this happen and how would you find out what's actually responsible?")

R("sonnet", "ops", "infrastructure", "plain", "en", None,
  "Writing a hardened systemd unit with several requirements: everyday ops config.",
  "Write a systemd service for our Go binary /opt/relay/bin/relayd (config in /etc/relay/relay.yaml). Requirements: runs as user `relay`, restarts on failure with backoff but gives up after 5 failures in 10 minutes, LimitNOFILE 1M, reads env from /etc/relay/env, hardening (ProtectSystem=strict, PrivateTmp, NoNewPrivileges, only /var/lib/relay writable), graceful stop with SIGTERM and 30s timeout.")

R("haiku", "question", "tooling", "plain", "en", None,
  "One command: git bisect run with make test.",
  "what's the git bisect command to automatically find which commit broke `make test`? good is v2.3.0, bad is HEAD")

R("opus", "implement", "systems", "terse", "en", "short-hard",
  "Safe memory reclamation for a lock-free structure: few words, very hard to get right.",
  "epoch-based reclamation for our lock-free linked list. rust, no crossbeam.")

R("sonnet", "edit", "systems", "plain", "en", None,
  "Translating a short binary-parsing routine between languages: several careful steps.",
  r'''Port this to Rust, no external crates (use from_le_bytes etc). Return a Result instead of raising.

```python
import struct

HDR = struct.Struct("<4sHHIQ")

def parse_record(buf: bytes):
    if len(buf) < HDR.size:
        raise ValueError("short buffer")
    magic, version, kind, length, ts = HDR.unpack_from(buf, 0)
    if magic != b"REC1":
        raise ValueError("bad magic")
    body = buf[HDR.size:HDR.size + length]
    if len(body) != length:
        raise ValueError("truncated body")
    return {"version": version, "kind": kind, "ts": ts, "body": body}
```''')

R("haiku", "explain", "systems", "plain", "en", None,
  "Common compiler warning with a well-known cause (feature test macros).",
  "clang says `implicit declaration of function 'strdup' is invalid in C99` when I build with -std=c99, but it's in string.h?? why")

R("sonnet", "implement", "systems", "plain", "en", None,
  "Implementing a DNS query builder/parser with a clear spec: several steps, no deep design.",
  "Implement in Go, no third-party packages: build a DNS query for an A record (random ID, RD set), send it over UDP to a given resolver with a timeout, and parse the response into a list of IPv4 addresses with TTLs. Must handle name compression pointers in the answer section and reject responses with a mismatched ID. Not handling TCP fallback for now.")

# ---- batch 2 ----
R("haiku", "explain", "systems", "non-native", "en", None,
  "Common loader error plus one command to check the glibc version.",
  "Kindly tell how to check glibc version in linux machine. Binary built on my laptop is giving `./agent: /lib64/libc.so.6: version `GLIBC_2.34' not found` on the customer server. What is the meaning of this error?")

R("haiku", "explain", "systems", "non-native", "en", None,
  "Well-known std::thread error: thread destroyed while joinable; fix is a join.",
  r'''My C++ program use std::thread, when program finish it crash with "terminate called without an active exception". Why? Code is small:

```cpp
int main() {
    std::thread t([] { do_work(); });
    std::cout << "started\n";
    return 0;
}
```''')

R("opus", "debug", "systems", "non-native", "en", None,
  "Deadlock under load once a day in a C++ service: concurrency debugging, opus by rubric.",
  r'''We have deadlock in our C++ service, only under the load and approximately one time per day. When it happens, all worker threads hang, gdb `thread apply all bt` shows they wait in pthread_mutex_lock. There are two mutex, for the session map and for the stats. Here is the relevant part. Please find the reason and propose correct fix, we tried already to add more locks and it become worse.

```cpp
class SessionManager {
    std::mutex sessions_mu_;
    std::unordered_map<uint64_t, std::shared_ptr<Session>> sessions_;
    Stats* stats_;
public:
    void expire(uint64_t now) {
        std::lock_guard<std::mutex> g(sessions_mu_);
        for (auto it = sessions_.begin(); it != sessions_.end();) {
            if (it->second->deadline() < now) {
                stats_->on_expire(*it->second);   // takes stats mutex
                it = sessions_.erase(it);
            } else {
                ++it;
            }
        }
    }
    std::shared_ptr<Session> find(uint64_t id) {
        std::lock_guard<std::mutex> g(sessions_mu_);
        auto it = sessions_.find(id);
        return it == sessions_.end() ? nullptr : it->second;
    }
};

void Stats::on_expire(const Session& s) {
    std::lock_guard<std::mutex> g(mu_);
    expired_++;
    bytes_ += s.bytes();
}

void Stats::report(SessionManager& sm) {
    std::lock_guard<std::mutex> g(mu_);
    for (auto id : top_ids_) {
        if (auto s = sm.find(id))            // takes sessions mutex
            emit(id, s->bytes());
    }
}

Session::~Session() {
    owner_->stats()->on_close(*this);        // on_close also locks Stats::mu_
}
```''')

R("sonnet", "debug", "tooling", "non-native", "en", None,
  "CMake cannot find GTest; the error output points at the package config, everyday build fix.",
  r'''I have a problem with my CMakeLists, the tests are not finding the gtest. The error is following:

```
CMake Error at tests/CMakeLists.txt:3 (find_package):
  By not providing "FindGTest.cmake" in CMAKE_MODULE_PATH this project has
  asked CMake to find a package configuration file provided by "GTest", but
  CMake did not find one.

  Could not find a package configuration file provided by "GTest" with any
  of the following names:

    GTestConfig.cmake
    gtest-config.cmake

  Add the installation prefix of "GTest" to CMAKE_PREFIX_PATH or set
  "GTest_DIR" to a directory containing one of the above files.  If "GTest"
  provides a separate development package or SDK, be sure it has been
  installed.
```

tests/CMakeLists.txt:

```cmake
cmake_minimum_required(VERSION 3.16)
set(CMAKE_FIND_PACKAGE_PREFER_CONFIG ON)
find_package(GTest CONFIG REQUIRED)
add_executable(unit_tests parser_test.cpp lexer_test.cpp)
target_link_libraries(unit_tests PRIVATE mylib GTest::gtest_main)
gtest_discover_tests(unit_tests)
```

On the CI it is Ubuntu 22.04 with libgtest-dev installed. On my Mac it works. I would prefer that it downloads gtest itself when it is not there.''')

R("haiku", "question", "systems", "non-native", "en", None,
  "Portable printf format for uint64_t (PRIu64): one-liner answer.",
  "how to print uint64_t with printf in portable way? I am getting warning with %lu when compile for 32 bit arm")

R("sonnet", "debug", "systems", "non-native", "en", None,
  "Borrow checker rejection with a subtle-but-known reason (struct borrowing a local String).",
  r'''Rust compiler not allow me to return this struct, it say borrowed value does not live long enough. But I return the config, not the string?

```rust
pub struct Config<'a> {
    pub name: &'a str,
    pub hosts: Vec<&'a str>,
}

pub fn load(path: &str) -> Result<Config, std::io::Error> {
    let text = std::fs::read_to_string(path)?;
    let mut lines = text.lines();
    let name = lines.next().unwrap_or("default");
    let hosts = lines.collect();
    Ok(Config { name, hosts })
}
```

```
error[E0515]: cannot return value referencing local variable `text`
  --> src/config.rs:11:5
   |
8  |     let mut lines = text.lines();
   |                     ---- `text` is borrowed here
...
11 |     Ok(Config { name, hosts })
   |     ^^^^^^^^^^^^^^^^^^^^^^^^^^ returns a value referencing data owned by the current function
```

What is best way, I don't want to clone everything if possible.''')

R("opus", "review", "systems", "non-native", "en", None,
  "Review of ISR/main-loop shared ring buffer on a core without CAS: concurrency review, opus.",
  r'''Please review our ring buffer which is used between UART ISR (producer) and main loop (consumer) on Cortex-M0+. M0 has no LDREX/STREX so no CAS. Colleague say it is safe because single producer single consumer, I am not sure about compiler reordering and the `count` variable.

```c
#define RB_SIZE 256
static volatile uint8_t rb[RB_SIZE];
static volatile uint16_t head, tail, count;

void USART1_IRQHandler(void)
{
    uint8_t b = USART1->RDR;
    if (count < RB_SIZE) {
        rb[head] = b;
        head = (head + 1) % RB_SIZE;
        count++;
    } else {
        overflow++;
    }
}

int rb_get(uint8_t *out)
{
    if (count == 0)
        return 0;
    *out = rb[tail];
    tail = (tail + 1) % RB_SIZE;
    count--;
    return 1;
}
```''')

R("haiku", "question", "tooling", "terse", "en", None,
  "One objdump flag.",
  "objdump flag to show source interleaved with asm?")

R("sonnet", "implement", "infrastructure", "terse", "en", None,
  "Multi-stage Dockerfile with a static musl Rust build: everyday build configuration.",
  "multi-stage Dockerfile for a rust bin (workspace, bin crate is `crates/edge`), static musl build, final image scratch or distroless, cache cargo deps between builds")

R("opus", "design", "systems", "terse", "en", "short-hard",
  "Choosing a 100G packet capture architecture: open design with hard trade-offs in few words.",
  "100Gbit packet capture to disk, zero-copy. AF_XDP or DPDK? design the pipeline")

R("sonnet", "implement", "systems", "follow-up", "en", None,
  "Follow-up asking to repeat a known change on another component: sonnet per tie-breaker 8.",
  "nice, now do the same graceful-shutdown thing for the TCP listener in listener.rs")

R("opus", "implement", "systems", "follow-up", "en", None,
  "Follow-up asking to make a queue lock-free: hard concurrent algorithm, opus.",
  "ok that mutex version works. now make it lock-free, same API")

R("haiku", "docs", "systems", "follow-up", "en", None,
  "Follow-up asking only for doc comments: mechanical.",
  "also add /// doc comments on the pub fns, short ones")

R("haiku", "question", "tooling", "plain", "en", "long-trivial",
  "Finding two settings in a long CMakeLists is a lookup, checkable at a glance.",
  "Quick one: in this CMakeLists, which C++ standard do we compile with, and is LTO on by default?\n\n```cmake\n"
  + gen_cmake(505, 40) + "\n```")

R("sonnet", "debug", "systems", "plain", "en", None,
  "Valgrind leak report with an identifiable source plus the free path: everyday debugging.",
  r'''Valgrind on proxyd --once. Most of the definitely-lost stuff seems to come through cfg_parse_line/strdup and sess_new. Here's cfg_free and sess_free; find what we're not freeing and fix it.

```c
void cfg_free(struct cfg *cfg)
{
    for (size_t i = 0; i < cfg->n_sections; i++) {
        struct section *s = &cfg->sections[i];
        free(s->kvs);
    }
    free(cfg->sections);
    free(cfg);
}

void sess_free(struct sess *s)
{
    if (s->hdrs)
        http_hdrs_clear(s->hdrs);
    buf_release(&s->in);
    buf_release(&s->out);
    free(s);
}

void http_hdrs_clear(struct http_hdrs *h)
{
    h->n = 0;
}
```

```
''' + gen_valgrind(606, 70) + "\n```")

R("opus", "debug", "infrastructure", "plain", "en", None,
  "Intermittent NIC TX timeouts and soft lockups across nodes: theory across kernel, driver, load.",
  "Some of our k8s nodes (mlx5 ConnectX-6, kernel 6.1) randomly drop off the network for 10-30 seconds under load and then come back. Pods get evicted sometimes. It doesn't happen on the older nodes with ixgbe. Below is dmesg from one affected node over ~2 days. What is happening and what should we try? We can change kernel params and firmware but not hardware quickly.\n\n```\n"
  + gen_dmesg(707, 250) + "\n```")

R("haiku", "edit", "data", "plain", "en", "long-trivial",
  "Sorting CSV rows by a column and taking the top five is mechanical.",
  "Sort this benchmark CSV by p99_us descending and give me just the top 5 rows (keep the header).\n\n```csv\n"
  + gen_csv_bench(808, 260) + "\n```")

R("sonnet", "review", "systems", "plain", "en", None,
  "Reviewing a long but repetitive diff for correctness: everyday review, paste doesn't raise tier.",
  "Please review this diff for correctness. The intent: frame length conversions must never truncate, and exceeding SETTINGS_MAX_FRAME_SIZE must be FRAME_SIZE_ERROR per RFC 9113 instead of PROTOCOL_ERROR. Also flag any place where flow-control window arithmetic can still overflow. Style comments are welcome but secondary.\n\n```diff\n"
  + gen_diff(909, 26) + "\n```")

R("opus", "debug", "systems", "plain", "en", None,
  "Diagnosing a hang from a large goroutine dump: lock/channel interaction, concurrency reasoning.",
  "relayd stops answering GET /peers after a few hours (other endpoints still work, gossip seems to still be running for a while). We sent SIGQUIT, here is the goroutine dump (trimmed the runtime noise a bit). Why is it stuck and what's the right fix? The peers table uses a sync.RWMutex plus a notify channel to the watcher.\n\n```\n"
  + gen_goroutine_dump(1010, 160) + "\n```")

R("haiku", "question", "systems", "plain", "en", "hard-words-easy",
  "RCU terminology, but only a one-sentence definition is asked.",
  "In the kernel RCU docs, what does \"grace period\" mean? one sentence is enough")

R("haiku", "docs", "systems", "plain", "en", "hard-words-easy",
  "Hazard-pointer code, but the task is just adding a doc comment.",
  r'''Add a doc comment to this function explaining params and return value. Don't touch the code.

```rust
pub fn protect<'g, T>(&self, slot: usize, src: &AtomicPtr<T>, _guard: &'g Guard) -> Option<&'g T> {
    let hp = &self.hazards[slot];
    loop {
        let p = src.load(Ordering::Acquire);
        hp.store(p as *mut u8, Ordering::SeqCst);
        if src.load(Ordering::Acquire) == p {
            return unsafe { p.as_ref() };
        }
    }
}
```''')

R("opus", "debug", "systems", "plain", "en", "easy-words-hard",
  "Slow memory growth in production with no lead: leak vs fragmentation needs deep investigation.",
  "our C++ server uses a bit more memory every day until the OOM killer gets it after about a week. restarting fixes it. we use jemalloc. heaptrack on staging shows nothing leaking. what now?")

R("opus", "plan", "tooling", "plain", "en", "easy-words-hard",
  "Plan to cut build time across a large codebase: multi-step plan with trade-offs.",
  "the build takes 40 minutes now and everyone is mad. about 3000 .cpp files, CMake + Ninja, a lot of header-only template stuff, CI runs on 16-core machines. make a plan to get a clean build under 10 minutes and incremental builds under 1")

R("sonnet", "refactor", "tooling", "plain", "en", None,
  "Converting a Makefile to CMake with equivalent targets: several careful steps.",
  r'''Convert this Makefile to a CMakeLists.txt with the same targets and flags. Keep `make test` equivalent as ctest.

```make
CC      ?= cc
CFLAGS  += -std=c11 -Wall -Wextra -Wpedantic -O2 -g -Iinclude -D_GNU_SOURCE
LDLIBS  += -lpthread -lm
PREFIX  ?= /usr/local

LIB_SRCS := src/ring.c src/pool.c src/timer.c src/log.c
LIB_OBJS := $(LIB_SRCS:.c=.o)
TESTS    := tests/ring_test tests/pool_test tests/timer_test

all: libevq.a libevq.so evqd

libevq.a: $(LIB_OBJS)
	$(AR) rcs $@ $^

libevq.so: CFLAGS += -fPIC
libevq.so: $(LIB_OBJS)
	$(CC) -shared -Wl,-soname,libevq.so.1 -o $@ $^ $(LDLIBS)

evqd: src/main.c libevq.a
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

tests/%: tests/%.c libevq.a
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

test: $(TESTS)
	@for t in $(TESTS); do ./$$t || exit 1; done

install: all
	install -d $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/bin
	install -m 644 libevq.a $(DESTDIR)$(PREFIX)/lib
	install -m 755 libevq.so $(DESTDIR)$(PREFIX)/lib/libevq.so.1
	install -m 644 include/evq.h $(DESTDIR)$(PREFIX)/include
	install -m 755 evqd $(DESTDIR)$(PREFIX)/bin

clean:
	rm -f $(LIB_OBJS) libevq.a libevq.so evqd $(TESTS)

.PHONY: all test install clean
```

Note the .so objects are currently built with the same .o files, which I think is a bug (no -fPIC for the static ones). Do it properly in CMake.''')

R("haiku", "question", "systems", "plain", "en", None,
  "Where core dumps go on Ubuntu (apport/systemd-coredump): short known answer.",
  "ulimit -c is unlimited but I don't get any core file when my program segfaults on Ubuntu 24.04. where does it go?")

R("sonnet", "debug", "systems", "plain", "en", None,
  "Core dump summary points at a failed assertion with a clear location: identifiable cause.",
  r'''This crashed in prod overnight. coredumpctl output and the function it points to:

```
           PID: 2291847 (tilecache)
           UID: 998 (tilecache)
           GID: 998 (tilecache)
        Signal: 6 (ABRT)
     Timestamp: Tue 2026-11-24 03:12:55 UTC (5h ago)
  Command Line: /usr/bin/tilecache --config /etc/tilecache.toml
    Executable: /usr/bin/tilecache
 Control Group: /system.slice/tilecache.service
          Unit: tilecache.service
       Storage: /var/lib/systemd/coredump/core.tilecache.998.3f1c...zst (present)
  Size on Disk: 412.3M
       Message: Process 2291847 (tilecache) of user 998 dumped core.

                Stack trace of thread 2291861:
                #0  0x00007f5e1a89e9fc __pthread_kill_implementation (libc.so.6 + 0x969fc)
                #1  0x00007f5e1a84a476 raise (libc.so.6 + 0x42476)
                #2  0x00007f5e1a8307f3 abort (libc.so.6 + 0x287f3)
                #3  0x00007f5e1a83071b __assert_fail_base.cold (libc.so.6 + 0x2871b)
                #4  0x00007f5e1a841e96 __assert_fail (libc.so.6 + 0x39e96)
                #5  0x000055d0c3a4b1e2 lru_touch (tilecache + 0x2b1e2)
                #6  0x000055d0c3a4c0a8 cache_get (tilecache + 0x2c0a8)
                #7  0x000055d0c3a51d77 handle_tile_request (tilecache + 0x31d77)
```

journal: `tilecache: src/lru.c:74: lru_touch: Assertion 'n->prev != NULL || lru->head == n' failed.`

```c
void lru_touch(struct lru *lru, struct lru_node *n)
{
    if (lru->head == n)
        return;
    assert(n->prev != NULL || lru->head == n);   /* line 74 */
    n->prev->next = n->next;
    if (n->next)
        n->next->prev = n->prev;
    else
        lru->tail = n->prev;
    n->prev = NULL;
    n->next = lru->head;
    lru->head->prev = n;
    lru->head = n;
}

void lru_remove(struct lru *lru, struct lru_node *n)
{
    if (n->prev) n->prev->next = n->next; else lru->head = n->next;
    if (n->next) n->next->prev = n->prev; else lru->tail = n->prev;
}
```

cache_get calls lru_touch on a hit; eviction calls lru_remove then frees the entry from the hash table unless it's pinned by a reader (then it's freed on unpin). Single-threaded event loop.''')

R("haiku", "question", "systems", "terse", "en", None,
  "Short conceptual question about a std type.",
  "what is MaybeUninit for, in one or two sentences")

R("opus", "review", "security", "plain", "en", None,
  "Unsafe FFI wrapper with Send/Sync and lifetimes: soundness review is opus.",
  r'''Can you check this FFI wrapper for soundness? It wraps a C library handle. I added `unsafe impl Send/Sync` because we want to use it from tokio tasks; the C docs say handles are "safe to use from one thread at a time". Is `Reader<'a>` actually preventing use-after-free?

```rust
pub struct Db { raw: NonNull<ffi::kv_db> }
unsafe impl Send for Db {}
unsafe impl Sync for Db {}

pub struct Reader<'a> { raw: *mut ffi::kv_iter, _db: PhantomData<&'a Db> }

impl Db {
    pub fn open(path: &CStr) -> Result<Self, Error> {
        let p = unsafe { ffi::kv_open(path.as_ptr()) };
        NonNull::new(p).map(|raw| Db { raw }).ok_or(Error::Open)
    }
    pub fn get(&self, key: &[u8]) -> Option<&[u8]> {
        let mut len = 0usize;
        let p = unsafe { ffi::kv_get(self.raw.as_ptr(), key.as_ptr(), key.len(), &mut len) };
        if p.is_null() { None } else { Some(unsafe { std::slice::from_raw_parts(p, len) }) }
    }
    pub fn iter(&self) -> Reader<'_> {
        Reader { raw: unsafe { ffi::kv_iter_new(self.raw.as_ptr()) }, _db: PhantomData }
    }
    pub fn put(&self, key: &[u8], val: &[u8]) -> Result<(), Error> {
        let rc = unsafe { ffi::kv_put(self.raw.as_ptr(), key.as_ptr(), key.len(), val.as_ptr(), val.len()) };
        if rc == 0 { Ok(()) } else { Err(Error::Code(rc)) }
    }
}

impl Drop for Db { fn drop(&mut self) { unsafe { ffi::kv_close(self.raw.as_ptr()) } } }
impl Drop for Reader<'_> { fn drop(&mut self) { unsafe { ffi::kv_iter_free(self.raw) } } }
```

kv_get returns a pointer into the db's internal page cache which is valid "until the next write".''')

R("sonnet", "implement", "tooling", "plain", "en", None,
  "build.rs with cc + bindgen for a vendored C library: everyday integration work.",
  "Write a build.rs that compiles the vendored C library in `vendor/lz4/lib/*.c` with the cc crate (O3, -DLZ4_HC_STATIC_LINKING_ONLY), and generates Rust bindings with bindgen for `lz4.h` and `lz4hc.h` into OUT_DIR, allowlisting only `LZ4_*` functions. Rebuild only when the vendor dir changes. Also show the Cargo.toml build-dependencies and the lib.rs include!.")

R("haiku", "question", "tooling", "other-language", "ru", None,
  "Одна команда gdb: breakpoint на строку в другом файле.",
  "Как в gdb поставить breakpoint на конкретную строку в другом файле, например net/conn.c строка 212?")

R("opus", "plan", "systems", "other-language", "de", None,
  "Schrittweise Migration eines großen C++-Monolithen auf Coroutinen: großer Plan mit Risiken.",
  "Wir planen, unseren C++-Monolithen (ca. 800k Zeilen, Boost.Asio mit Callbacks, ~60 Entwickler) auf C++20-Coroutinen umzustellen. Wie gehen wir das schrittweise an, ohne den Betrieb zu gefährden? Was sind die Fallstricke (Lebensdauer von Objekten über co_await hinweg, Executor, Cancellation), und in welcher Reihenfolge würdest du die Module migrieren?")

R("sonnet", "refactor", "systems", "plain", "en", None,
  "Known performance fix on small code (allocation in a hot loop): sonnet, no deep analysis.",
  r'''This is called ~2M times per second and shows up hot in the profile. clippy says nothing. Make it faster without changing the output.

```rust
fn render_labels(labels: &[(String, String)]) -> String {
    let mut out = String::new();
    let mut sorted = labels.to_vec();
    sorted.sort();
    for (i, (k, v)) in sorted.iter().enumerate() {
        if i > 0 {
            out = out + ",";
        }
        out = out + &format!("{}=\"{}\"", k, v.replace('"', "\\\""));
    }
    format!("{{{}}}", out)
}
```''')

R("haiku", "question", "systems", "plain", "en", None,
  "One perf flag for DWARF call graphs.",
  "how do I get perf record to capture call graphs when the binary was built without frame pointers?")

R("opus", "debug", "systems", "plain", "en", None,
  "Finding a contended lock behind kernel spinlock time needs profile analysis.",
  "On a 64-core box our C++ service spends ~40% of cycles in native_queued_spin_lock_slowpath, mostly under futex_wake / futex_wait, and throughput stops scaling above 16 threads. We have dozens of mutexes and a couple of condition variables. How do I figure out which lock it is and what to do about it? perf lock, offcputime, something else?")

R("sonnet", "implement", "systems", "plain", "en", None,
  "Mutex-protected token bucket with tests: clear spec, everyday implementation.",
  "Implement a token bucket rate limiter in C11: `tb_init(rate_per_sec, burst)`, `tb_try_take(n)` returning bool, using CLOCK_MONOTONIC and a pthread mutex so multiple threads can call it. Refill lazily on take. Add a small test file that uses a fake clock (make the clock injectable).")

R("haiku", "question", "tooling", "non-native", "en", None,
  "One gcc command to emit assembly.",
  "Sir please tell the command to see the assembly generated by gcc for one .c file, with intel syntax if possible")

R("sonnet", "debug", "systems", "non-native", "en", None,
  "Concurrent map write crash with the cause visible in code: everyday fix with a mutex or sync.Map.",
  r'''My Go program give "fatal error: concurrent map writes" sometimes. Code is below, please fix it and say what is the best way.

```go
type Cache struct {
	items map[string]Item
}

func (c *Cache) Refresh(ctx context.Context, keys []string) {
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Add(1)
		go func(k string) {
			defer wg.Done()
			it, err := fetch(ctx, k)
			if err != nil {
				return
			}
			c.items[k] = it
		}(k)
	}
	wg.Wait()
}

func (c *Cache) Get(k string) (Item, bool) {
	it, ok := c.items[k]
	return it, ok
}
```

```
fatal error: concurrent map writes

goroutine 87 [running]:
main.(*Cache).Refresh.func1({0xc0001240a0, 0x9})
	/app/cache.go:21 +0xd1
created by main.(*Cache).Refresh in goroutine 1
	/app/cache.go:15 +0x6c
```''')

R("opus", "plan", "systems", "non-native", "en", None,
  "Making a C library with global state thread-safe across 40 files: large multi-step plan.",
  "We want to make our C library usable from many threads in same time. Now it has global state everywhere (error buffer, config, caches, some static counters), about 40 files, 25k lines, and public API is used by customers so we can not break it. How we should plan this change? Which order, and how to test that we really removed the races?")

R("sonnet", "debug", "systems", "non-native", "en", None,
  "Bug in a short linked-list function; needs a careful trace but the cause is local.",
  r'''Help me check why my linked list reverse function is wrong, after reverse only the first node is printed.

```c
struct node { int v; struct node *next; };

struct node *reverse(struct node *head)
{
    struct node *prev = NULL;
    struct node *cur = head;
    while (cur) {
        cur->next = prev;
        prev = cur;
        cur = cur->next;
    }
    return prev;
}
```''')

R("haiku", "question", "general", "non-native", "en", None,
  "Well-known C++ language fact.",
  "What is different between struct and class in C++? Only the default public/private or something more?")

R("haiku", "ops", "systems", "non-native", "en", None,
  "One udev rule line with given vendor/product ids.",
  "Need udev rule so my USB GPS always get name /dev/ttyGPS. vendor id is 1546, product 01a8. Where I put the file?")

R("opus", "debug", "systems", "non-native", "en", None,
  "Crash only in optimised builds with no trace suggests UB; search without a clear lead.",
  "Our Zig program on ARM64 crash only in ReleaseFast, not in Debug and not in ReleaseSafe. No stack trace, just SIGSEGV. Probably some undefined behaviour somewhere but codebase is 30k lines with some C libs via @cImport. How to find where it is?")

R("sonnet", "ops", "tooling", "terse", "en", None,
  "Writing a clang-tidy config and CI wiring: everyday tooling configuration.",
  "clang-tidy config for our repo: modernize-*, bugprone-*, performance-*, but no magic-numbers and no trailing-return-type. warnings as errors in CI only for changed files")

R("haiku", "edit", "systems", "plain", "en", None,
  "Sorting include lines into two groups is mechanical.",
  r'''Sort these includes: system headers first (alphabetical), then a blank line, then project headers (alphabetical).

```c
#include "conn.h"
#include <sys/epoll.h>
#include "log.h"
#include <errno.h>
#include <string.h>
#include "buf.h"
#include <stdint.h>
#include <unistd.h>
#include "config.h"
#include <fcntl.h>
```''')

R("sonnet", "explain", "systems", "plain", "en", None,
  "Why irqsave is needed in this snippet: a subtle but standard reason, sonnet per tie-breaker 7.",
  r'''Why does this driver use spin_lock_irqsave here instead of plain spin_lock? And would spin_lock_bh be enough?

```c
static irqreturn_t foo_irq(int irq, void *dev_id)
{
    struct foo_dev *fd = dev_id;
    u32 st = readl(fd->regs + FOO_STATUS);

    spin_lock(&fd->lock);
    fd->pending |= st;
    spin_unlock(&fd->lock);
    writel(st, fd->regs + FOO_STATUS);   /* ack */
    schedule_work(&fd->work);
    return IRQ_HANDLED;
}

static void foo_work(struct work_struct *w)
{
    struct foo_dev *fd = container_of(w, struct foo_dev, work);
    unsigned long flags;
    u32 p;

    spin_lock_irqsave(&fd->lock, flags);
    p = fd->pending;
    fd->pending = 0;
    spin_unlock_irqrestore(&fd->lock, flags);
    foo_handle_events(fd, p);
}
```''')

# ---- batch 3 ----
R("haiku", "question", "systems", "non-native", "en", None,
  "Standard-library conversion question with a short known answer.",
  "rust how to convert Vec<u8> to String? and if bytes are not utf8 what happen, panic?")

R("sonnet", "implement", "systems", "non-native", "en", None,
  "Character device driver with read/write/ioctl: clear spec, several careful steps.",
  "I am writing Linux kernel module for a character device for our training. Need open/release/read/write and one ioctl to clear the buffer, with an internal 4KB buffer protected by mutex. Please provide the full code with proper copy_from_user/copy_to_user handling and the Makefile for out-of-tree build (kernel 6.8).")

R("sonnet", "debug", "tooling", "non-native", "en", None,
  "Link failure against OpenSSL on Alpine with a clear error: known build configuration fix.",
  r'''Here is my cargo build fail in docker on alpine. On ubuntu it work. What I must do?

```
  = note: /usr/lib/gcc/x86_64-alpine-linux-musl/13.2.1/../../../../x86_64-alpine-linux-musl/bin/ld: cannot find -lssl: No such file or directory
          /usr/lib/gcc/x86_64-alpine-linux-musl/13.2.1/../../../../x86_64-alpine-linux-musl/bin/ld: cannot find -lcrypto: No such file or directory
          collect2: error: ld returned 1 exit status

error: could not compile `agent` (bin "agent") due to 1 previous error
```

Dockerfile:

```dockerfile
FROM rust:1.82-alpine AS build
RUN apk add --no-cache musl-dev
WORKDIR /src
COPY . .
RUN cargo build --release

FROM alpine:3.20
COPY --from=build /src/target/release/agent /usr/local/bin/agent
ENTRYPOINT ["agent"]
```

Cargo.toml has `reqwest = { version = "0.12", features = ["json"] }`.''')

R("opus", "design", "security", "non-native", "en", None,
  "Power-fail-safe, signed firmware update protocol: security and crash-consistency design.",
  "We need design the protocol for firmware update over BLE for our device (nRF52840, 1MB flash, no external flash). Must be safe if power is lost in the middle, image must be signed and we must prevent downgrade to old vulnerable version. Please propose the full design: partition layout, transfer protocol with resume, verification, and what bootloader does at boot.")

R("haiku", "question", "systems", "non-native", "en", None,
  "Basic Go concept with a short well-known answer.",
  "In Go what is difference of buffered and unbuffered channel? short answer please")

R("sonnet", "explain", "systems", "non-native", "en", None,
  "Explaining UB-driven optimisation in a small loop: subtle reason, sonnet per tie-breaker 7.",
  r'''Why my C program print different result with -O2? With -O0 it stop after 31 iteration, with -O2 it never stop. I think it is about signed overflow but why compiler do this?

```c
#include <stdio.h>
int main(void) {
    int n = 0;
    for (int i = 1; i > 0; i *= 2)
        n++;
    printf("%d\n", n);
    return 0;
}
```''')

R("opus", "debug", "systems", "non-native", "en", None,
  "Rare resets at peak load on a TCP server: production issue in prose with no clear lead.",
  "Our TCP server on Linux accept connections fine, but sometimes clients see 'connection reset by peer' right after connect, only when server is busy at peak time, approx 0.1% of connections. Backlog in listen() is 4096. Server is C++ with one acceptor thread and epoll workers. We don't see any error on server side. What can be the reason and how to prove it?")

R("haiku", "explain", "systems", "non-native", "en", None,
  "Explaining a common compiler warning.",
  "pls explain this gcc warning and how to remove it correctly: `comparison of integer expressions of different signedness: 'int' and 'size_t' {aka 'long unsigned int'} [-Wsign-compare]`")

R("haiku", "question", "systems", "terse", "en", None,
  "One-liner Rust idiom.",
  "rust: iterate a HashMap sorted by key")

R("sonnet", "implement", "tooling", "terse", "en", None,
  "Adding a flag and JSON output to a CLI: small feature across a few places.",
  r'''add a --json flag that prints the stats as json instead of the table. serde is already a dep

```rust
#[derive(Parser)]
struct Args {
    /// Path to the capture file
    path: PathBuf,
    /// Only count packets for this port
    #[arg(long)]
    port: Option<u16>,
}

struct Stats { packets: u64, bytes: u64, by_proto: BTreeMap<String, u64> }

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let stats = analyze(&args.path, args.port)?;
    println!("{:<10} {:>12}", "packets", stats.packets);
    println!("{:<10} {:>12}", "bytes", stats.bytes);
    for (p, n) in &stats.by_proto {
        println!("{:<10} {:>12}", p, n);
    }
    Ok(())
}
```''')

R("opus", "explain", "systems", "terse", "en", "short-hard",
  "Memory-model reasoning about double-checked locking across architectures: short but hard.",
  "double-checked locking in C++ without atomics: why does it break on ARM but seem to work on x86?")

R("sonnet", "test", "systems", "follow-up", "en", None,
  "Follow-up asking for tests: sonnet per tie-breaker 8.",
  "add tests for that too, especially the wraparound when head passes u32::MAX")

R("haiku", "edit", "systems", "follow-up", "en", None,
  "Follow-up naming a mechanical rename.",
  "rename it back to ring_buf, the team prefers the old name")

R("sonnet", "implement", "general", "follow-up", "en", None,
  "Follow-up that only points back; work unknown so default everyday tier.",
  "ok continue")

R("opus", "explain", "systems", "follow-up", "en", None,
  "Follow-up extending a memory-ordering correctness argument to preemption: opus.",
  "now do the same analysis but assume the writer can be preempted between the two stores and another writer runs. is it still correct?")

R("haiku", "docs", "systems", "follow-up", "en", None,
  "Follow-up asking for a commit message: small text task.",
  "cool, now write the commit message for it")

R("sonnet", "refactor", "systems", "follow-up", "en", None,
  "Follow-up asking to redo the previous code without unsafe: rework of unknown size, sonnet.",
  "try again, but without any unsafe this time")

R("haiku", "question", "systems", "other-language", "de", None,
  "Bekannte C-Frage mit kurzer Antwort (static lokal vs. Dateiebene).",
  "Was ist der Unterschied zwischen `static` bei einer lokalen Variable in einer Funktion und `static` bei einer Funktion auf Dateiebene in C?")

R("sonnet", "ops", "tooling", "other-language", "de", None,
  "CI-Workflow mit mehreren Jobs und Cache: alltägliche Build-Konfiguration.",
  "Schreib mir bitte einen GitHub-Actions-Workflow für unser Rust-Projekt: cargo fmt --check, clippy mit -D warnings, Tests auf Linux und macOS (stable und MSRV 1.75), Cache für ~/.cargo und target. Bei Tags soll zusätzlich ein Release-Binary für x86_64-unknown-linux-musl gebaut und hochgeladen werden.")

R("sonnet", "implement", "systems", "other-language", "ru", None,
  "Graceful SIGTERM handling in a C daemon: clear spec, everyday systems work.",
  "Напиши обработчик SIGTERM для демона на C (epoll, один поток), чтобы он перестал принимать новые соединения, дождался завершения текущих запросов (но не дольше 10 секунд), сбросил буферы журнала на диск и вышел с кодом 0. Без небезопасных функций внутри обработчика сигнала — через self-pipe или signalfd.")

R("opus", "design", "systems", "other-language", "ru", None,
  "Шардирование распределённого кэша с решардингом без простоя: открытый дизайн.",
  "Нужно спроектировать шардирование для нашего in-memory кэша на Go: 40 нод, есть горячие ключи (до 5% трафика на один ключ), нужен решардинг при добавлении нод без даунтайма и без массового промаха кэша. Предложи архитектуру и сравни consistent hashing, rendezvous hashing и jump hash для нашего случая.")

R("haiku", "question", "data", "plain", "en", "hard-words-easy",
  "Distributed-systems vocabulary but only a definition is asked.",
  "what does \"exactly-once semantics\" mean in the Kafka docs? just define it, I don't need the internals")

R("haiku", "edit", "systems", "plain", "en", "hard-words-easy",
  "eBPF code, but the task is converting comment style.",
  r'''convert the /* */ comments in this eBPF program to // comments, leave everything else

```c
/* Count TCP retransmits per destination port. */
SEC("tracepoint/tcp/tcp_retransmit_skb")
int count_retrans(struct trace_event_raw_tcp_event_sk_skb *ctx)
{
    __u16 dport = ctx->dport;          /* network byte order */
    __u64 *val, one = 1;

    val = bpf_map_lookup_elem(&retrans, &dport);
    if (val)                           /* existing entry */
        __sync_fetch_and_add(val, 1);
    else                               /* first retransmit for this port */
        bpf_map_update_elem(&retrans, &dport, &one, BPF_NOEXIST);
    return 0;
}
```''')

R("haiku", "docs", "systems", "plain", "en", "hard-words-easy",
  "io_uring storage engine README, but only a broken markdown table needs fixing.",
  r'''Our README for the io_uring storage engine renders wrong on GitHub, the table is broken. Fix just the table.

```markdown
## Tuning knobs

| option | default | description
|---|---|
| `sq_entries` | 4096 | size of the submission queue |
| `sqpoll` | false | use a kernel SQ polling thread
| `fixed_buffers` | true | register buffers with IORING_REGISTER_BUFFERS |
`direct_io` | true | open data files with O_DIRECT |
```''')

R("opus", "debug", "systems", "plain", "en", "easy-words-hard",
  "Transient wrong counts after deploys suggest a consistency/ordering bug across services: no clear lead.",
  "sometimes the numbers on the usage dashboard are off by a few hundred right after we deploy the counter service, and then a few minutes later they fix themselves. not every deploy. the counter service is Rust, it keeps counts in memory and flushes to postgres every 5s, and we run 3 replicas behind a load balancer.")

R("opus", "plan", "systems", "plain", "en", "easy-words-hard",
  "Doubling capacity on the same hardware is open-ended performance work needing analysis and a plan.",
  "We need the game server to handle twice as many players per machine on the same hardware by next quarter. It's C++, one process per match, about 64 matches per box right now, CPU is the limit. Where would you look first and how would you plan the work?")

R("opus", "implement", "systems", "terse", "en", "short-hard",
  "Bounded async MPSC channel in no_std with wakers: subtle concurrency, few words.",
  "bounded MPSC channel with async wakers, no_std + alloc, no spinning in poll")

R("opus", "explain", "systems", "terse", "en", "short-hard",
  "Formal reasoning about a mutual-exclusion algorithm under a weak memory model.",
  "argue formally why Peterson's lock is broken on x86-TSO and give the minimal fix")

R("haiku", "question", "systems", "plain", "en", "long-trivial",
  "Looking up one name in a long module is a glance-checkable lookup.",
  "What's the name of the error type this module returns from the parse functions? Just the type name.\n\n```rust\n"
  + gen_rust_module(1111, 36) + "\n```")

R("haiku", "question", "web", "plain", "en", "long-trivial",
  "Extracting distinct paths from 500 errors in a log is mechanical filtering.",
  "From this log, list the distinct request paths that failed with status=500. Just the list.\n\n```\n"
  + gen_service_log(1212, 320, service="apigw") + "\n```")

R("sonnet", "refactor", "systems", "plain", "en", None,
  "Rewriting error handling across a long C file is many careful steps: sonnet per tie-breaker 5.",
  "Refactor this file so every function that currently returns a negative errno returns our `nd_err_t` enum instead (ND_OK, ND_EINVAL, ND_ENOMEM, ND_EIO, ND_ENOENT, ND_EMSGSIZE, ND_ESYS with the errno stashed in a thread-local `nd_last_errno`). Keep behaviour identical otherwise and update the callers inside the file.\n\n```c\n"
  + gen_c_module(1313, 60) + "\n```")

R("haiku", "question", "general", "non-native", "en", None,
  "A regex one-liner.",
  "Need regex for MAC address, can be with colon or dash (but not mix), upper or lower case.")

R("haiku", "question", "web", "plain", "en", None,
  "Short factual question about an HTTP status code.",
  "what does HTTP 103 Early Hints actually do, do browsers use it?")

R("sonnet", "implement", "web", "non-native", "en", None,
  "Adding pagination with a Link header to an Axum handler: clear feature spec.",
  r'''Please add pagination in this axum handler. Query params limit and offset, limit default 20 and maximum 100, and return Link header with next/prev like GitHub API. Also total count in X-Total-Count header.

```rust
async fn list_devices(
    State(db): State<PgPool>,
    Path(tenant): Path<Uuid>,
) -> Result<Json<Vec<Device>>, AppError> {
    let rows = sqlx::query_as::<_, Device>(
        "SELECT id, name, fw_version, last_seen FROM devices WHERE tenant_id = $1 ORDER BY name",
    )
    .bind(tenant)
    .fetch_all(&db)
    .await?;
    Ok(Json(rows))
}
```''')

R("opus", "question", "security", "plain", "en", None,
  "Webhook authentication with a non-cryptographic hash and == comparison: cryptography, opus.",
  "We sign webhook payloads with xxhash64(secret + body) and the receiver checks it with ==. A reviewer flagged it. Is it actually a problem in practice, and what should we do instead? We have ~300 customers already verifying the current signature.")

R("sonnet", "implement", "databases", "non-native", "en", None,
  "Postgres migration with batched backfill: known steps, needs care.",
  "Need SQL migration for Postgres 15: split column users.full_name into first_name and last_name. Table has 40M rows, we can not lock it long. Backfill must be in batches, and the app (old version) still write full_name during the deploy. Please give the migration steps and the SQL.")

R("haiku", "question", "databases", "plain", "en", None,
  "Single catalog query in Postgres.",
  "postgres: show the size of every table including indexes, biggest first")

R("haiku", "explain", "mobile", "plain", "en", None,
  "Common NDK link error with an obvious fix (link the log library).",
  r'''Android NDK build fails with this, what am I missing?

```
ld.lld: error: undefined symbol: __android_log_print
>>> referenced by native-lib.cpp:14 (/app/src/main/cpp/native-lib.cpp:14)
>>>               CMakeFiles/native-lib.dir/native-lib.cpp.o:(Java_com_acme_scan_NativeBridge_init)
```

```cmake
add_library(native-lib SHARED native-lib.cpp decoder.cpp)
target_link_libraries(native-lib android)
```''')

R("opus", "debug", "ml", "non-native", "en", None,
  "CUDA kernel at 30% of peak, memory-bound: performance analysis of access patterns needed.",
  r'''Our CUDA kernel for batched small matmul (each matrix 64x64 fp16) get only ~30% of peak on A100. Nsight Compute say memory bound, L2 hit rate is low, and there are many bank conflicts in shared memory. Please analyse the kernel and tell what to change, and why.

```cuda
__global__ void bmm64(const half* __restrict__ A, const half* __restrict__ B, half* __restrict__ C, int batch)
{
    __shared__ half As[64][64];
    __shared__ half Bs[64][64];
    int b = blockIdx.x;
    int tx = threadIdx.x % 64, ty = threadIdx.x / 64;   // 256 threads -> 4 rows per pass
    const half* a = A + (size_t)b * 64 * 64;
    const half* bm = B + (size_t)b * 64 * 64;
    for (int r = ty; r < 64; r += 4) {
        As[r][tx] = a[tx * 64 + r];        // load transposed
        Bs[r][tx] = bm[r * 64 + tx];
    }
    __syncthreads();
    for (int r = ty; r < 64; r += 4) {
        float acc = 0.f;
        for (int k = 0; k < 64; k++)
            acc += __half2float(As[k][r]) * __half2float(Bs[k][tx]);
        C[(size_t)b * 4096 + r * 64 + tx] = __float2half(acc);
    }
}
```

Launch is `bmm64<<<batch, 256>>>`, batch around 20000.''')

R("sonnet", "test", "systems", "non-native", "en", None,
  "Writing a criterion benchmark comparing two implementations: everyday test work.",
  "Please write criterion benchmark to compare our two implementations `crc32_table` and `crc32_slice8` in src/crc.rs for input sizes 64B, 1KB, 64KB, 1MB, with throughput in bytes so report show GB/s. Also explain how I run only one of them.")

R("haiku", "question", "systems", "plain", "en", None,
  "Short explanation of one perf stat metric.",
  "what does IPC mean in perf stat output, and is 0.6 bad for a database server?")

R("opus", "design", "data", "plain", "en", None,
  "Redesigning buffer ownership to remove copies in a hot path: performance design with trade-offs.",
  "A flamegraph of our Parquet writer shows ~25% of time in memcpy under Vec::extend_from_slice: we copy every column chunk from the decoder's buffers into the page builder and then again into the output buffer. Design a buffer management scheme (Bytes-style refcounted slices, arenas, or something else) that gets rid of the copies without changing the public `Writer::write_batch(&RecordBatch)` API, and explain the lifetime/ownership trade-offs.")

R("sonnet", "implement", "tooling", "plain", "en", None,
  "Writing a gdb Python pretty-printer for a given struct: moderate, clear spec.",
  r'''Write a gdb Python pretty-printer for this struct so `p *sb` shows the string contents (up to len, escaped) and len/cap, and register it for the `strbuf` type automatically from .gdbinit.

```c
struct strbuf {
    size_t len;
    size_t cap;
    char  *buf;   /* not necessarily NUL-terminated */
};
```''')

R("sonnet", "implement", "systems", "non-native", "en", None,
  "Configuring TCP keepalive and detecting half-open connections in Go: everyday networking work.",
  "In our Go server the clients are IoT devices on mobile network, and sometimes connection is half-open, we don't notice for hours. Please implement: TCP keepalive with idle 30s, interval 10s, count 3 on accepted conns (Linux), plus application-level read deadline that reset on every message. Show the code for the accept loop and the per-conn reader.")

R("haiku", "question", "systems", "non-native", "en", None,
  "One command to disable ASLR for a single run.",
  "How I can disable the ASLR only for one run of my program, for debugging? Not for whole system.")

# ---- batch 4 ----
R("sonnet", "refactor", "systems", "non-native", "en", None,
  "Reducing allocations in a Go function with known techniques: performance with a known fix.",
  r'''This Go function allocate too much, pprof show it on top of alloc_space (38% of all). It is called for every metric point. Please reduce allocations, output must be same.

```go
func seriesKey(name string, labels map[string]string) string {
	keys := make([]string, 0, len(labels))
	for k := range labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	key := name
	for _, k := range keys {
		key += fmt.Sprintf(";%s=%s", k, labels[k])
	}
	return string([]byte(key))
}
```''')

R("haiku", "question", "systems", "plain", "en", None,
  "Known two-command recipe to produce a flamegraph.",
  "how do I turn a perf.data into a flamegraph svg? I have Brendan Gregg's FlameGraph repo cloned")

R("opus", "debug", "systems", "plain", "en", None,
  "Periodic latency spikes with no lead in a non-GC service: needs hypotheses across allocator, kernel, IO.",
  "Our Rust service (tokio, jemalloc, no GC obviously) has latency spikes of ~200ms roughly every 30 seconds, visible in p99.9 only. CPU is at 35%. Nothing periodic that we know of runs every 30s. What could be causing it and how would you track it down on a production box without restarting it?")

R("sonnet", "refactor", "systems", "plain", "en", None,
  "Replacing a hand-written scan with the memchr crate and benchmarking: small known optimisation.",
  r'''Replace our hand-written line splitting with the memchr crate (memchr_iter), keep the same semantics for a trailing line without '\n' and for "\r\n", and add a criterion bench comparing old and new on a 100MB buffer.

```rust
pub fn split_lines(buf: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in buf.iter().enumerate() {
        if b == b'\n' {
            let end = if i > start && buf[i - 1] == b'\r' { i - 1 } else { i };
            out.push(&buf[start..end]);
            start = i + 1;
        }
    }
    if start < buf.len() {
        out.push(&buf[start..]);
    }
    out
}
```''')

R("opus", "explain", "systems", "plain", "en", None,
  "Unexpected SoA vs AoS slowdown: cache and vectorisation analysis rather than a known fix.",
  r'''I converted our particle update from array-of-structs to struct-of-arrays expecting a speedup and it got 3x SLOWER (1M particles, -O3 -march=native, gcc 13). Why? What would you check?

```cpp
// AoS (fast)
struct P { float x, y, z, vx, vy, vz, m, pad; };
void step_aos(std::vector<P>& ps, float dt) {
    for (auto& p : ps) { p.x += p.vx*dt; p.y += p.vy*dt; p.z += p.vz*dt; }
}

// SoA (slow)
struct Ps { std::vector<float> x, y, z, vx, vy, vz, m; };
void step_soa(Ps& ps, float dt) {
    for (size_t i = 0; i < ps.x.size(); i++) {
        ps.x[i] += ps.vx[i]*dt;
        ps.y[i] += ps.vy[i]*dt;
        ps.z[i] += ps.vz[i]*dt;
    }
}
```

All vectors are allocated with resize(1<<20) one after another at startup.''')

R("sonnet", "explain", "systems", "plain", "en", None,
  "Explaining a non-trivial perf stat output line by line: moderate explanation.",
  r'''Can you explain what each of these lines means and which ones look unusual for a JSON parsing benchmark?

```
 Performance counter stats for './bench_parse --iters 200 big.json':

         18,412.77 msec task-clock                #    0.999 CPUs utilized
               412      context-switches          #   22.376 /sec
                 3      cpu-migrations            #    0.163 /sec
           264,902      page-faults               #   14.387 K/sec
    72,018,551,204      cycles                    #    3.911 GHz
    98,771,904,118      instructions              #    1.37  insn per cycle
    21,330,887,512      branches                  #    1.158 G/sec
     1,207,441,970      branch-misses             #    5.66% of all branches
    31,882,017,664      L1-dcache-loads           #    1.732 G/sec
     2,991,450,211      L1-dcache-load-misses     #    9.38% of all L1-dcache accesses
       402,118,930      LLC-loads                 #   21.839 M/sec
        88,274,102      LLC-load-misses           #   21.95% of all LL-cache accesses

      18.427531960 seconds time elapsed

      17.731046000 seconds user
       0.683926000 seconds sys
```''')

R("haiku", "question", "systems", "plain", "en", "long-trivial",
  "Reading one number off a long perf report is a lookup.",
  "In this perf report, what's the Self percentage shown for `malloc`? Just the number.\n\n```\n"
  + gen_perf_report(1414, 120) + "\n```")

R("opus", "plan", "systems", "non-native", "en", None,
  "Cutting tail latency of a low-latency gateway by 6x: deep performance analysis plan.",
  "Our C++ trading gateway has 99.9 percentile around 300us, business want under 50us. Already we pinned the threads, isolcpus, nohz_full, hugepages, busy polling on the NIC. Median is 8us so it is really only the tail. What else we should analyse and in which order? What tools give us the reason of each slow message?")

R("sonnet", "refactor", "systems", "plain", "en", None,
  "Parallelising a loop with rayon while keeping output order: everyday refactor.",
  r'''Parallelize this with rayon. Output order has to stay the same as input order and I don't want to hold more than one full image decoded per thread.

```rust
pub fn make_thumbnails(paths: &[PathBuf], out_dir: &Path) -> Vec<Result<PathBuf, ThumbError>> {
    let mut results = Vec::with_capacity(paths.len());
    for p in paths {
        let r = (|| {
            let img = image::open(p)?;
            let thumb = img.thumbnail(256, 256);
            let out = out_dir.join(p.file_name().ok_or(ThumbError::NoName)?);
            thumb.save(&out)?;
            Ok(out)
        })();
        results.push(r);
    }
    results
}
```''')

R("sonnet", "ops", "tooling", "plain", "en", None,
  "Wiring benchmark regression detection into CI: everyday CI configuration.",
  "Set up a GitHub Actions job that runs our criterion benches on every PR, compares against the main branch baseline, and fails the job if any bench regresses by more than 5%. Runners are noisy, so suggest how to keep false positives down (pinned self-hosted runner? multiple samples?).")

R("haiku", "question", "tooling", "plain", "en", None,
  "One environment variable for target-cpu=native.",
  "how do I make cargo build use all the instructions of my cpu (avx2 etc)?")

R("opus", "implement", "systems", "terse", "en", "short-hard",
  "Cache-oblivious layout for a B-tree: algorithmic performance work in few words.",
  "make our in-memory B-tree cache-oblivious (van Emde Boas layout). keep the API")

R("sonnet", "debug", "systems", "typos", "en", None,
  "Future not Send because a MutexGuard lives across await: known compiler rejection, sonnet.",
  r'''my async fn cant be spawned with tokio::spawn, error says future is not Send bc of MutexGuard?? heres the code, i drop the guard before the await i think

```rust
async fn bump(state: Arc<Mutex<State>>, client: Client) -> anyhow::Result<()> {
    let mut s = state.lock().unwrap();
    s.counter += 1;
    let n = s.counter;
    client.report(n).await?;
    Ok(())
}
```

```
error: future cannot be sent between threads safely
   --> src/main.rs:41:18
    |
41  |     tokio::spawn(bump(state.clone(), client.clone()));
    |                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ future returned by `bump` is not `Send`
    |
    = help: within `impl Future<Output = Result<(), anyhow::Error>>`, the trait `Send` is not implemented for `std::sync::MutexGuard<'_, State>`
note: future is not `Send` as this value is used across an await
   --> src/main.rs:30:24
    |
27  |     let mut s = state.lock().unwrap();
    |         ----- has type `std::sync::MutexGuard<'_, State>` which is not `Send`
...
30  |     client.report(n).await?;
    |                      ^^^^^ await occurs here, with `mut s` maybe used later
```''')

R("haiku", "question", "systems", "typos", "en", None,
  "Basic Rust type question.",
  "whats the diffrence between &str and String in rust, when do i use which lol")

R("opus", "debug", "systems", "typos", "en", "easy-words-hard",
  "Clock jumps on embedded Linux break timeouts intermittently: multi-component issue without a lead.",
  "our embeded linux boxes (imx6, no RTC battery) sometimes have the clock jump backwards a few seconds and then our timeouts go crazy, connections get dropped, retries fire all at once. chrony is running. happens maybe once a day on some units not others. how do we even figure this out and make the app not care")

R("sonnet", "review", "systems", "non-native", "en", None,
  "Reviewing a small RAII class for move-semantics correctness: everyday code review.",
  r'''Please make code review of my C++ RAII wrapper for file descriptor. Is it correct with the move semantic? Something missing?

```cpp
class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() { if (fd_ >= 0) ::close(fd_); }

    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;

    Fd(Fd&& o) : fd_(o.fd_) {}
    Fd& operator=(Fd&& o) {
        fd_ = o.fd_;
        o.fd_ = -1;
        return *this;
    }

    int get() const { return fd_; }
    int release() { int f = fd_; fd_ = -1; return f; }
private:
    int fd_;
};
```''')

R("haiku", "question", "systems", "non-native", "en", None,
  "Data model fact (LLP64 vs LP64).",
  "What is the size of pointer and of long on 64 bit Windows? I think long is 8 byte like on Linux, correct?")

R("sonnet", "implement", "systems", "non-native", "en", None,
  "Fast record counting over a large file with a choice between mmap and buffered IO: everyday work.",
  "I need to read a big binary file (20GB) in Rust and count the records; every record has 4 byte little-endian length prefix then payload. Which way is faster, mmap (memmap2) or BufReader with big buffer? Please write the code for both and how to measure it fair (page cache!).")

R("opus", "debug", "databases", "non-native", "en", None,
  "Split-brain with advisory-lock leader election: distributed correctness reasoning.",
  "We have two Go services which use Postgres advisory lock (pg_try_advisory_lock on a dedicated connection) for leader election. Sometimes we see two leaders at same time for some seconds, both doing the cron jobs. We use pgbouncer in between. Why this can happen and how to make it correct?")

R("sonnet", "implement", "systems", "non-native", "en", None,
  "Wrapping a small C API in a safe Rust module: everyday FFI integration.",
  r'''Please convert this C API to Rust: write the extern "C" declarations and a safe wrapper (struct with Drop, Result errors, &[u8] instead of pointer+len). Library is linked as -lringlog.

```c
typedef struct ringlog ringlog_t;

ringlog_t *ringlog_open(const char *path, size_t capacity, int *err);
int        ringlog_append(ringlog_t *rl, const void *data, size_t len);
ssize_t    ringlog_read(ringlog_t *rl, uint64_t seq, void *buf, size_t buflen);
uint64_t   ringlog_head(const ringlog_t *rl);
void       ringlog_close(ringlog_t *rl);
/* errors: negative errno; ringlog_read returns -ENOBUFS if buflen too small */
```''')

R("haiku", "explain", "systems", "non-native", "en", None,
  "Explaining a one-line static_assert.",
  "what mean `static_assert(sizeof(struct hdr) == 16, \"hdr layout\");` in C11? It run at runtime?")

R("sonnet", "ops", "tooling", "non-native", "en", None,
  "Cross-compilation toolchain file for CMake: everyday build configuration.",
  "Write please the CMake toolchain file for cross compile to aarch64 linux with gcc from /opt/cross/bin (prefix aarch64-linux-gnu-), sysroot is in /opt/sysroot. find_package must search only in sysroot for libs and headers but programs from host. And show the command line to use it.")

R("opus", "design", "systems", "non-native", "en", None,
  "Plugin system with ABI stability across compilers for third parties: architecture trade-offs.",
  "How to design plugin system for our C++ application so it stay ABI stable between compiler versions and between our releases? Plugins are from third party companies, built with their own compiler (MSVC, gcc, clang). We need to pass strings, buffers, callbacks and also errors. What are options (C ABI, COM-like interfaces, etc.) and what do you recommend?")

R("sonnet", "test", "systems", "non-native", "en", None,
  "Writing gtest unit tests covering all branches of a given function.",
  r'''Help me write unit test for this function with gtest, all branch need to be covered.

```cpp
Result<Duration> parse_duration(std::string_view s) {
    if (s.empty()) return Error("empty");
    size_t i = 0;
    uint64_t n = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
        if (n > (UINT64_MAX - 9) / 10) return Error("overflow");
        n = n * 10 + (s[i] - '0');
        ++i;
    }
    if (i == 0) return Error("no digits");
    auto unit = s.substr(i);
    if (unit == "ms") return Duration::millis(n);
    if (unit == "s" || unit.empty()) return Duration::seconds(n);
    if (unit == "m") return Duration::seconds(n * 60);
    if (unit == "h") return Duration::seconds(n * 3600);
    return Error("bad unit");
}
```''')

R("haiku", "question", "systems", "non-native", "en", None,
  "One command to check a CPU flag.",
  "How check if my CPU support AVX-512 from linux command line?")

R("sonnet", "implement", "web", "plain", "en", None,
  "HTTP middleware for request IDs and structured logging: clear feature.",
  "Go net/http server (no framework). Add a middleware that assigns a request ID (use incoming X-Request-ID if present and valid, else generate), puts it in the context, sets it on the response, and logs method, path, status, bytes and duration with log/slog as JSON after the handler returns. Need a ResponseWriter wrapper that still supports http.Flusher.")

R("haiku", "question", "web", "plain", "en", None,
  "A curl one-liner.",
  "curl command to POST a json file with a bearer token and print the response headers too")

R("sonnet", "implement", "data", "plain", "en", None,
  "CSV to Parquet conversion with arrow-rs: library integration with a clear spec.",
  "Write a small Rust CLI that converts a CSV file (header row, ~5GB) to Parquet using arrow-rs / parquet crates with schema inference from the first 10k rows, zstd compression, row groups of 1M rows, streaming (don't load the whole file). Print rows written at the end.")

R("opus", "review", "security", "plain", "en", None,
  "TLS configuration review for PCI compliance: security review, opus.",
  r'''Security review please: this nginx sits in front of our gRPC payment API and we need to pass a PCI DSS audit next month. What's wrong or risky, and what should the config be?

```nginx
server {
    listen 443 ssl http2;
    server_name pay-api.example.com;

    ssl_certificate     /etc/nginx/certs/pay-api.crt;
    ssl_certificate_key /etc/nginx/certs/pay-api.key;
    ssl_protocols TLSv1 TLSv1.1 TLSv1.2;
    ssl_ciphers HIGH:!aNULL:!MD5;
    ssl_prefer_server_ciphers off;
    ssl_session_cache shared:SSL:50m;
    ssl_session_tickets on;

    location / {
        grpc_pass grpc://payments-backend:50051;
        grpc_set_header X-Client-Cert $ssl_client_cert;
        grpc_set_header X-Forwarded-For $remote_addr;
    }

    location /debug/ {
        grpc_pass grpc://payments-backend:50051;
    }
}
```''')

R("haiku", "question", "security", "plain", "en", "hard-words-easy",
  "Security-sounding, but a basic factual question about HTTPS.",
  "does HTTPS encrypt the URL path and query string, or only the body? quick answer")

R("opus", "design", "databases", "plain", "en", None,
  "Storage design for a large time-series workload: trade-offs across engines and schema.",
  "We have 2M devices each sending ~20 metrics every 10 seconds, need 13 months retention, queries are mostly last-24h per device and monthly aggregates per customer. Currently everything goes into one Postgres table and it's falling over. Propose the storage design: Postgres with partitioning/Timescale vs ClickHouse vs something else, schema, indexing, downsampling, and the costs of each.")

R("sonnet", "ops", "infrastructure", "plain", "en", None,
  "Adding probes and resource limits to a deployment manifest: everyday k8s config.",
  r'''Add liveness and readiness probes (the service has /livez and /readyz on port 9090) and sensible resource requests/limits to this. It's a Rust service, steady ~150MB RSS, startup takes up to 40s because it loads a model.

```yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ranker
  namespace: search
spec:
  replicas: 6
  selector:
    matchLabels:
      app: ranker
  template:
    metadata:
      labels:
        app: ranker
    spec:
      containers:
        - name: ranker
          image: registry.internal/search/ranker:1.14.2
          ports:
            - containerPort: 8080
              name: http
            - containerPort: 9090
              name: admin
          env:
            - name: RUST_LOG
              value: info
```''')

R("haiku", "question", "ml", "plain", "en", None,
  "Short factual comparison of two float formats.",
  "fp16 vs bf16, what's the actual difference and why do people train in bf16?")

R("sonnet", "debug", "mobile", "plain", "en", None,
  "iOS crash log pointing at strlen(NULL) through a bridged C call: identifiable cause.",
  r'''Our iOS app crashes at launch for some users since 4.12. Crash log (symbolicated) below. The C library is ours, called via a bridging header.

```
Exception Type:  EXC_BAD_ACCESS (SIGSEGV)
Exception Subtype: KERN_INVALID_ADDRESS at 0x0000000000000000
Triggered by Thread:  0

Thread 0 Crashed:
0   libsystem_platform.dylib      0x00000001f3c1a4e4 _platform_strlen + 4
1   Scanner                       0x0000000102a3f1c8 cfg_set_locale + 40 (cfg.c:212)
2   Scanner                       0x0000000102a3e0f0 scanner_init + 188 (scanner.c:57)
3   Scanner                       0x00000001029b2d34 ScannerBridge.init() + 212 (ScannerBridge.swift:31)
4   Scanner                       0x00000001029a81f0 AppDelegate.application(_:didFinishLaunchingWithOptions:) + 356 (AppDelegate.swift:44)
```

```swift
init() {
    let lang = Locale.current.language.languageCode?.identifier
    handle = scanner_init(lang)
}
```

```c
scanner_t *scanner_init(const char *locale) {
    scanner_t *s = calloc(1, sizeof *s);
    cfg_set_locale(&s->cfg, locale);
    ...
}
void cfg_set_locale(struct cfg *c, const char *loc) {
    size_t n = strlen(loc);
    ...
}
```''')

R("haiku", "question", "systems", "plain", "en", "hard-words-easy",
  "Consensus vocabulary, but only a definition is asked.",
  "in the Paxos paper, what is a \"ballot\"? a sentence or two")

R("haiku", "edit", "systems", "plain", "en", "hard-words-easy",
  "Lock-free stack code, but the task is adding an attribute to functions.",
  r'''add #[must_use] to every pub fn in here that returns something. nothing else

```rust
impl<T> TreiberStack<T> {
    pub fn new() -> Self { Self { head: AtomicPtr::new(ptr::null_mut()), len: AtomicUsize::new(0) } }

    pub fn push(&self, v: T) {
        let n = Box::into_raw(Box::new(Node { v: ManuallyDrop::new(v), next: ptr::null_mut() }));
        loop {
            let h = self.head.load(Ordering::Acquire);
            unsafe { (*n).next = h };
            if self.head.compare_exchange_weak(h, n, Ordering::Release, Ordering::Relaxed).is_ok() {
                self.len.fetch_add(1, Ordering::Relaxed);
                return;
            }
        }
    }

    pub fn pop(&self, guard: &Guard) -> Option<T> { self.pop_inner(guard) }

    pub fn len(&self) -> usize { self.len.load(Ordering::Relaxed) }

    pub fn is_empty(&self) -> bool { self.len() == 0 }
}
```''')

R("opus", "debug", "general", "plain", "en", "easy-words-hard",
  "Intermittent slowness only users see, no repro: open-ended investigation.",
  "users keep saying the desktop app is slow sometimes but we never see it ourselves. it's a C++/Qt app, runs on their Windows laptops. how do we figure out what's going on?")

R("opus", "plan", "systems", "plain", "en", "easy-words-hard",
  "Plan to decouple release processes of two teams sharing firmware: multi-step architecture plan.",
  "figure out how we can let the radio team and the app team ship their parts of the firmware independently. right now it's one image, one repo, one release every 6 weeks and everything waits on everything")

R("opus", "implement", "systems", "terse", "en", "short-hard",
  "Concurrent resizable hash map with non-blocking readers: hard concurrency in one line.",
  "C++: concurrent hash map with online resizing where readers never block. go")

R("haiku", "question", "systems", "plain", "en", "long-trivial",
  "Counting goroutines in one state in a long dump is mechanical counting.",
  "how many goroutines in this dump are in state `chan receive` (any duration)? number only\n\n```\n"
  + gen_goroutine_dump(1515, 90) + "\n```")

R("haiku", "question", "tooling", "plain", "en", "long-trivial",
  "Listing targets that link one library is extraction from a long file.",
  "List every target in this CMakeLists that links ZLIB::ZLIB.\n\n```cmake\n"
  + gen_cmake(1616, 32) + "\n```")

R("sonnet", "debug", "systems", "plain", "en", None,
  "Finding what surrounds a spike of warnings in logs with an identifiable cause: log debugging.",
  "Around 02:3x we got paged for a spike of `pool saturated` warnings from ingestd. Using this log, tell me when it started and ended, which other errors or warnings cluster around it, and what you think triggered it. Pool max is 50 connections.\n\n```\n"
  + gen_service_log(1717, 260) + "\n```")

R("sonnet", "ops", "tooling", "follow-up", "en", None,
  "Follow-up asking to redo the build setup for another target: sonnet.",
  "same thing but for the aarch64-unknown-linux-gnu target, we build on x86 runners")

R("haiku", "edit", "general", "follow-up", "en", None,
  "Follow-up asking to shorten the answer to a command.",
  "shorter please, just the command")

R("opus", "explain", "databases", "follow-up", "en", None,
  "Follow-up asking for crash-recovery reasoning in a replicated log: distributed correctness.",
  "ok but what happens if the leader crashes after appending to its WAL but before replying to the client, and a new leader is elected that doesn't have the entry? walk through recovery step by step and tell me if the client can see a duplicate")

# ---- batch 5 ----
R("sonnet", "debug", "systems", "non-native", "en", None,
  "Partial writes not handled on a blocking socket: identifiable cause in pasted code.",
  r'''I make small HTTP server in C with sockets for our embedded board. For big files (>100KB) sometimes browser get partial response and the download is broken. Small files are OK. Code below, what is wrong?

```c
static void send_file(int client, const char *path)
{
    char hdr[256];
    struct stat st;
    int fd = open(path, O_RDONLY);
    if (fd < 0) { send_404(client); return; }
    fstat(fd, &st);
    int n = snprintf(hdr, sizeof hdr,
        "HTTP/1.1 200 OK\r\nContent-Length: %ld\r\nConnection: close\r\n\r\n", (long)st.st_size);
    send(client, hdr, n, 0);
    char buf[16384];
    ssize_t r;
    while ((r = read(fd, buf, sizeof buf)) > 0)
        send(client, buf, r, MSG_DONTWAIT);
    close(fd);
    close(client);
}
```''')

R("sonnet", "refactor", "systems", "non-native", "en", None,
  "Converting callback-style C++ to futures: several careful steps, no deep design.",
  r'''Please convert this callback code to use std::future / std::async so caller can just do `auto r = client.fetch_all(ids).get();`. Error must come as exception in the future.

```cpp
void Client::fetch_all(const std::vector<Id>& ids,
                       std::function<void(std::vector<Item>, std::error_code)> done)
{
    auto results = std::make_shared<std::vector<Item>>(ids.size());
    auto remaining = std::make_shared<std::atomic<size_t>>(ids.size());
    auto failed = std::make_shared<std::atomic<bool>>(false);
    for (size_t i = 0; i < ids.size(); ++i) {
        fetch_one(ids[i], [=](Item it, std::error_code ec) {
            if (ec) {
                if (!failed->exchange(true)) done({}, ec);
                return;
            }
            (*results)[i] = std::move(it);
            if (remaining->fetch_sub(1) == 1 && !*failed)
                done(std::move(*results), {});
        });
    }
}
```''')

R("haiku", "question", "tooling", "non-native", "en", None,
  "One .gitignore pattern question.",
  "How to make git ignore the build/ folder but still track build/config.h ?")

R("opus", "design", "systems", "non-native", "en", None,
  "Exactly-once delivery over a lossy radio link to a database: distributed-systems design.",
  "We are designing the protocol between ~2000 sensors and the gateway over LoRa. Lost packets and duplicates are normal, sensors can reboot and lose RAM. Gateway forward to Kafka then to database. Business need that every measurement arrive exactly once in database. How should we design the ids, acks, retransmission and dedup end-to-end?")

R("sonnet", "implement", "systems", "non-native", "en", None,
  "Parsing /proc/net/tcp into a summary: clear spec, everyday implementation.",
  "Write me Rust code (std only) that parse /proc/net/tcp and /proc/net/tcp6 and print number of connections per state (ESTABLISHED, TIME_WAIT, ...) and top 10 remote IPs. Addresses there are hex and little endian, please handle it correct.")

R("haiku", "question", "systems", "non-native", "en", None,
  "Classic short C++ question.",
  "Which is faster in C++ for int, i++ or ++i? My teacher say ++i always.")

R("sonnet", "debug", "systems", "non-native", "en", None,
  "Flaky test from a fixed port reused between tests: identifiable cause from the error.",
  r'''Our Go test is flaky, TestServerShutdown fail approximately 1 of 20 times in CI with "address already in use". Locally never. Code:

```go
func startServer(t *testing.T) *Server {
	srv := NewServer(Config{Addr: "127.0.0.1:18080"})
	go func() {
		if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
			t.Errorf("serve: %v", err)
		}
	}()
	time.Sleep(50 * time.Millisecond)
	return srv
}

func TestServerShutdown(t *testing.T) {
	srv := startServer(t)
	resp, err := http.Get("http://127.0.0.1:18080/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestServerMetrics(t *testing.T) {
	srv := startServer(t)
	defer srv.Close()
	// ...
}
```

Tests run with `go test -count=1 -race ./...`.''')

R("opus", "design", "systems", "non-native", "en", None,
  "Lock-free real-time allocator with cross-thread frees: hard concurrent design.",
  "We need own memory allocator for the real-time audio thread: no locks, no syscalls, bounded time. Allocation happen on audio thread but free can happen from GUI thread (objects are handed over). Sizes are 32B to 64KB. How we should design it? Please discuss the cross-thread free part in detail, this is where our first try had bugs.")

R("sonnet", "implement", "systems", "non-native", "en", None,
  "Adding a driver to the kernel build system (Kconfig/Makefile): known steps.",
  "I wrote new driver drivers/misc/acme_fpga.c for our board. Please write the Kconfig entry (depends on PCI and OF, tristate), the Makefile line, and the device tree binding example plus the of_match_table in the driver. Kernel 6.6.")

R("haiku", "explain", "systems", "non-native", "en", None,
  "Common signal behaviour with a well-known fix (ignore SIGPIPE / MSG_NOSIGNAL).",
  "What is the meaning of SIGPIPE and why my server program die silently when client close the connection early? How to avoid?")

R("sonnet", "explain", "systems", "non-native", "en", None,
  "Explaining a hand-written Future with Pin and wakers: non-trivial code explanation.",
  r'''Please explain this Rust code, I don't understand the Pin part and when poll is called again.

```rust
pub struct Delay {
    when: Instant,
    waker: Option<Arc<Mutex<Waker>>>,
}

impl Future for Delay {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if Instant::now() >= self.when {
            return Poll::Ready(());
        }
        if let Some(waker) = &self.waker {
            let mut w = waker.lock().unwrap();
            if !w.will_wake(cx.waker()) {
                *w = cx.waker().clone();
            }
        } else {
            let when = self.when;
            let waker = Arc::new(Mutex::new(cx.waker().clone()));
            self.waker = Some(waker.clone());
            thread::spawn(move || {
                let now = Instant::now();
                if now < when {
                    thread::sleep(when - now);
                }
                waker.lock().unwrap().wake_by_ref();
            });
        }
        Poll::Pending
    }
}
```''')

R("sonnet", "debug", "databases", "non-native", "en", None,
  "Slow MySQL query with EXPLAIN showing a full scan: known indexing fix.",
  r'''help me to optimize this SQL, it is slow in MySQL 8 (~9 seconds), table orders have 50M rows. EXPLAIN is attach.

```sql
SELECT o.id, o.created_at, o.total
FROM orders o
WHERE o.shop_id = 4411
  AND DATE(o.created_at) = '2026-11-20'
  AND o.status IN ('paid', 'shipped')
ORDER BY o.created_at DESC
LIMIT 50;
```

```
+----+-------------+-------+------+---------------+-------------+---------+-------+---------+----------------------------------------------------+
| id | select_type | table | type | possible_keys | key         | key_len | ref   | rows    | Extra                                              |
+----+-------------+-------+------+---------------+-------------+---------+-------+---------+----------------------------------------------------+
|  1 | SIMPLE      | o     | ref  | idx_shop      | idx_shop    | 4       | const | 1893220 | Using index condition; Using where; Using filesort  |
+----+-------------+-------+------+---------------+-------------+---------+-------+---------+----------------------------------------------------+
```

indexes: PRIMARY(id), idx_shop(shop_id), idx_status(status).''')

R("haiku", "question", "tooling", "terse", "en", None,
  "One cargo subcommand.",
  "cargo: how do I see why some crate is pulled into my dependency tree")

R("sonnet", "implement", "tooling", "terse", "en", None,
  "Writing a justfile with several recipes: small but multi-part tooling task.",
  "justfile for our rust workspace: build, test (nextest if installed else cargo test), lint (fmt check + clippy -D warnings), release (tag from Cargo.toml version, build musl, sha256sums)")

R("opus", "implement", "systems", "terse", "en", "short-hard",
  "Userspace RCU with wait-free readers: hard concurrency and reclamation in a short ask.",
  "userspace RCU for our routing table in C. readers wait-free, one writer, no liburcu")

R("haiku", "question", "systems", "terse", "en", None,
  "One Zig format specifier.",
  "zig: print a []const u8 as hex")

R("sonnet", "refactor", "tooling", "terse", "en", None,
  "Porting a shell script to a Go CLI: translation with several careful steps.",
  r'''port this to a Go CLI, same flags, proper error handling

```bash
#!/usr/bin/env bash
set -euo pipefail

NS="${1:?namespace}"
SINCE="${2:-1h}"
OUT="${OUT_DIR:-./diag}/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"

for pod in $(kubectl -n "$NS" get pods -o jsonpath='{.items[*].metadata.name}'); do
  echo "collecting $pod"
  kubectl -n "$NS" logs "$pod" --all-containers --since="$SINCE" > "$OUT/$pod.log" 2>&1 || echo "logs failed for $pod"
  kubectl -n "$NS" describe pod "$pod" > "$OUT/$pod.describe.txt"
  restarts=$(kubectl -n "$NS" get pod "$pod" -o jsonpath='{.status.containerStatuses[0].restartCount}')
  if [[ "$restarts" -gt 0 ]]; then
    kubectl -n "$NS" logs "$pod" --previous > "$OUT/$pod.previous.log" 2>&1 || true
  fi
done

tar -czf "$OUT.tar.gz" -C "$(dirname "$OUT")" "$(basename "$OUT")"
echo "wrote $OUT.tar.gz"
```''')

R("opus", "design", "systems", "terse", "en", "short-hard",
  "Idle-timeout scheduling for 10M connections: data-structure design with performance trade-offs.",
  "idle timeouts for 10M TCP conns on one box. timer wheel, hierarchical, heap? design it")

R("sonnet", "implement", "systems", "follow-up", "en", None,
  "Follow-up asking to apply the same change to another code path.",
  "now do it for the IPv6 path too (parse_ipv6_hdr and the extension headers)")

R("haiku", "edit", "general", "follow-up", "en", None,
  "Follow-up asking to reformat the previous answer as a table.",
  "put that in a table instead")

R("sonnet", "debug", "systems", "follow-up", "en", None,
  "Follow-up with a failing test output that points at a float rounding cause.",
  r'''hm, one test still fails with your version:

```
--- FAIL: TestParseSize (0.00s)
    --- FAIL: TestParseSize/1.5G (0.00s)
        size_test.go:41: ParseSize("1.5G") = 1610612735, want 1610612736
FAIL
```''')

R("opus", "design", "infrastructure", "follow-up", "en", None,
  "Follow-up extending a design to multiple datacenters: consistency trade-offs.",
  "and if we have 3 datacenters instead of one, with ~70ms between two of them, how does the design change? which guarantees do we have to give up?")

R("sonnet", "refactor", "systems", "other-language", "de", None,
  "Fehlerbehandlung umbauen (unwrap -> thiserror): mehrere Stellen, alltägliches Refactoring.",
  r'''Kannst du diesen Rust-Code so umbauen, dass er ohne unwrap()/expect() auskommt und Fehler sauber über einen eigenen Fehlertyp mit thiserror zurückgibt? Die Aufrufer sollen unterscheiden können zwischen "Datei fehlt", "ungültiges Format" und "IO-Fehler".

```rust
pub fn load_calibration(path: &Path) -> Calibration {
    let text = std::fs::read_to_string(path).unwrap();
    let mut cal = Calibration::default();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut parts = line.split(',');
        let channel: u8 = parts.next().unwrap().trim().parse().unwrap();
        let offset: f32 = parts.next().unwrap().trim().parse().unwrap();
        let gain: f32 = parts.next().expect("gain fehlt").trim().parse().unwrap();
        cal.channels.insert(channel, (offset, gain));
    }
    cal
}
```''')

R("haiku", "question", "tooling", "other-language", "ru", None,
  "Одна известная команда (cargo expand).",
  "Как в Rust посмотреть, во что раскрывается макрос? Например derive(Serialize) на моей структуре.")

R("haiku", "question", "systems", "terse", "en", "hard-words-easy",
  "Distributed-systems term, but only a one-line definition is requested.",
  "what does Byzantine mean in byzantine fault tolerance. one line")

R("haiku", "edit", "systems", "plain", "en", "hard-words-easy",
  "Kernel-bypass DPDK code, but the change is one constant.",
  r'''In this DPDK init code change the log level from RTE_LOG_DEBUG to RTE_LOG_INFO. That's all.

```c
int main(int argc, char **argv)
{
    int ret = rte_eal_init(argc, argv);
    if (ret < 0)
        rte_exit(EXIT_FAILURE, "EAL init failed\n");
    rte_log_set_global_level(RTE_LOG_DEBUG);

    uint16_t nb_ports = rte_eth_dev_count_avail();
    if (nb_ports == 0)
        rte_exit(EXIT_FAILURE, "no ports\n");

    struct rte_mempool *pool = rte_pktmbuf_pool_create("MBUF_POOL", NUM_MBUFS * nb_ports,
            MBUF_CACHE_SIZE, 0, RTE_MBUF_DEFAULT_BUF_SIZE, rte_socket_id());
    if (pool == NULL)
        rte_exit(EXIT_FAILURE, "mbuf pool: %s\n", rte_strerror(rte_errno));

    uint16_t port;
    RTE_ETH_FOREACH_DEV(port)
        if (port_init(port, pool) != 0)
            rte_exit(EXIT_FAILURE, "port %u init failed\n", port);

    lcore_main();
    rte_eal_cleanup();
    return 0;
}
```''')

R("haiku", "explain", "systems", "plain", "en", "hard-words-easy",
  "Short conceptual definition of a memory barrier for a junior, no code semantics to analyse.",
  "what is a memory barrier, explain like I'm a junior in 3 sentences max")

R("haiku", "edit", "tooling", "plain", "en", "hard-words-easy",
  "Zero-knowledge crate, but the task is sorting dependency keys.",
  r'''sort the dependencies alphabetically in our zk-proof crate's Cargo.toml, keep versions as they are

```toml
[dependencies]
rayon = "1.10"
ark-ff = "0.4"
merlin = "3"
ark-bls12-381 = "0.4"
thiserror = "1"
ark-ec = "0.4"
blake3 = "1.5"
ark-serialize = { version = "0.4", features = ["derive"] }
rand_core = "0.6"
ark-poly = "0.4"
```''')

R("opus", "debug", "systems", "plain", "en", "easy-words-hard",
  "Files empty after power loss: crash-consistency reasoning across fs, fsync and rename.",
  "the files our program writes are sometimes empty (0 bytes) after the machine loses power. not always. we write to a temp file and rename it over the old one. ext4 on the devices. what's going on and how do we write files so this can't happen?")

R("opus", "debug", "web", "plain", "en", "easy-words-hard",
  "Lost concurrent edits in a collaborative editor: consistency bug needing design-level reasoning.",
  "when two people edit the same document at the same time, sometimes one of them loses their changes. the backend is Rust with a websocket per client, we save the whole document to postgres on every change. how should this work instead?")

R("opus", "debug", "systems", "plain", "en", "easy-words-hard",
  "Slow startup without a lead: needs profiling analysis across loader, IO and init.",
  "can you help make starting our app faster? it takes about 9 seconds to show the first window. C++, Linux, links about 120 shared libraries. we don't really know where the time goes")

R("opus", "implement", "systems", "terse", "en", "short-hard",
  "Lock-free skiplist with linearizability argument: hard concurrent algorithm.",
  "lock-free skiplist in Go with the linearization points argued")

R("haiku", "question", "systems", "plain", "en", "long-trivial",
  "Reading one summary number from a long valgrind report is a lookup.",
  "what's the 'definitely lost' total in the leak summary at the bottom? just the number\n\n```\n"
  + gen_valgrind(1818, 55) + "\n```")

R("haiku", "question", "systems", "plain", "en", "long-trivial",
  "Counting files in a long diff is mechanical.",
  "How many files does this diff touch?\n\n```diff\n" + gen_diff(1919, 12) + "\n```")

R("sonnet", "refactor", "systems", "plain", "en", None,
  "Porting a long C file to idiomatic Rust: many careful steps, sonnet per tie-breaker 5.",
  "Port this C file to idiomatic Rust: structs instead of `struct nd_ctx`, Result<_, NdError> instead of negative errnos, slices instead of pointer+len, std::io::Write instead of raw fds where it makes sense. Keep function names (snake_case is already fine).\n\n```c\n"
  + gen_c_module(2020, 42) + "\n```")

R("opus", "debug", "data", "plain", "en", None,
  "Possible double-processing from retry logic under serialization failures: exactly-once reasoning.",
  "Finance noticed a handful of events were billed twice last night. ingestd retries a batch when Postgres returns a serialization failure and also retries S3 uploads. Using this log and what you know about SERIALIZABLE transactions and S3, work out whether our retries can double-process a batch, which paths make it possible, and how to make the pipeline idempotent end to end.\n\n```\n"
  + gen_service_log(2121, 280) + "\n```")

R("haiku", "question", "systems", "plain", "en", None,
  "Short factual question about a GCC attribute.",
  "what does __attribute__((cleanup(fn))) do in gcc?")

R("sonnet", "implement", "systems", "non-native", "en", None,
  "Classic LRU cache in C with O(1) ops: clear spec, everyday implementation.",
  "Implement small LRU cache in C: string keys, void* values, fixed capacity, get/put in O(1) using hash table with chaining plus doubly linked list. On evict call a user free callback. Please also small test in main().")

R("sonnet", "implement", "infrastructure", "non-native", "en", None,
  "Prometheus exporter reading sysfs: library integration with a clear spec.",
  "Write Prometheus exporter in Go which read all /sys/class/thermal/thermal_zone*/temp and type, expose as gauge `node_thermal_celsius{zone=\"..\",type=\"..\"}` on :9105/metrics. Read on every scrape, not in background.")

R("haiku", "question", "tooling", "plain", "en", None,
  "One gdb expression syntax.",
  "gdb: how do I print 16 ints starting at a pointer `int *arr`?")

R("sonnet", "implement", "systems", "plain", "en", None,
  "Pratt parser with precedence and associativity: standard algorithm, clear spec.",
  "Write a Pratt parser in Rust for arithmetic expressions: integers, identifiers, + - * / %, unary minus, right-associative ^, parentheses and function calls f(a, b). Produce an AST enum and good error messages with byte offsets. Include tests for precedence and associativity.")

R("opus", "debug", "systems", "plain", "en", None,
  "Miscompilation in a register allocator under specific conditions: deep debugging without a trace.",
  "Our linear-scan register allocator produces wrong code when a value is live across a call inside a loop, only with our -O2 pipeline (which adds LICM before regalloc). The value comes back clobbered after the second iteration. Caller-saved regs are spilled around calls. We've stared at it for two days. What are the likely failure modes here (interval splitting at loop back-edges? spill slot reuse? resolution moves?) and how would you systematically find it?")

R("haiku", "question", "systems", "plain", "en", None,
  "Short factual question about an LLVM IR flag.",
  "llvm ir: what does `nsw` on an add mean")

R("sonnet", "ops", "security", "plain", "en", None,
  "Writing an nftables ruleset from clear requirements: everyday ops config.",
  "Write an nftables ruleset for a bastion host: default drop inbound, allow established/related, ssh only from 10.0.0.0/8 and 192.168.50.0/24, http/https from anywhere, ICMP echo rate-limited to 5/s, allow loopback, log dropped packets with a prefix but rate-limited. IPv4 and IPv6.")

R("sonnet", "implement", "systems", "plain", "en", None,
  "Debounced GPIO button driver in Zephyr: clear embedded feature.",
  "Zephyr 3.6, nRF52: write a debounced button driver: GPIO interrupt on both edges, schedule a delayable work item 20ms later to read the stable level, and report press/release/long-press (>800ms) through a callback. Buttons come from devicetree (gpio-keys compatible).")

# ---- batch 6 ----
R("sonnet", "refactor", "systems", "non-native", "en", None,
  "Known performance fix (hardware CRC32C intrinsics with fallback): no deep analysis needed.",
  r'''In our C code the function for checksum is slow, it is CRC32C (Castagnoli) computed bytewise with table. Please rewrite it with SSE4.2 `_mm_crc32_u64` and keep fallback for CPUs without SSE4.2 (runtime detect with cpuid). Result must be identical.

```c
uint32_t crc32c(uint32_t crc, const uint8_t *p, size_t n)
{
    crc = ~crc;
    while (n--)
        crc = crc32c_table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return ~crc;
}
```''')

R("sonnet", "implement", "systems", "non-native", "en", None,
  "gRPC service implementation from a given proto: everyday integration work.",
  r'''I need help to make gRPC server in Rust with tonic 0.12. Proto is below. Implement the two methods with in-memory storage (HashMap behind RwLock), return NOT_FOUND properly, and build.rs for the proto.

```proto
syntax = "proto3";
package inventory.v1;

service Inventory {
  rpc GetItem(GetItemRequest) returns (Item);
  rpc ReserveItem(ReserveItemRequest) returns (Reservation);
}

message GetItemRequest { string sku = 1; }
message Item { string sku = 1; string name = 2; uint32 available = 3; }
message ReserveItemRequest { string sku = 1; uint32 quantity = 2; string order_id = 3; }
message Reservation { string reservation_id = 1; uint32 remaining = 2; }
```''')

R("opus", "debug", "data", "non-native", "en", None,
  "Duplicates and missing messages around Kafka rebalances: delivery-semantics reasoning, opus.",
  "In our Kafka consumer in Go (franz-go) we commit offset after processing, but when rebalance happen we see duplicates and, worse, sometimes missing messages. Processing is async in worker pool with 16 goroutines, commit is done by separate ticker every 2s. How to make it correct? We can accept duplicates but never missing.")

R("haiku", "question", "systems", "non-native", "en", None,
  "Basic C library difference.",
  "What is the difference between malloc and calloc, only that calloc put zeros?")

R("sonnet", "implement", "tooling", "non-native", "en", None,
  "Script to aggregate perf script output: clear tooling task with some parsing care.",
  "Please write Python script (only stdlib) which read output of `perf script` from stdin and aggregate samples by function (leaf frame) and also by full stack, print top 30 of each with percent. Stack lines start with tab and address. Must handle [unknown] frames.")

R("sonnet", "ops", "tooling", "non-native", "en", None,
  "Speeding up Rust incremental builds with known techniques (profiles, linker, crate split).",
  r'''My Rust project compile very slow, around 3-5 minutes for small change in one file (cargo build, debug). Machine is Linux 16 cores. How to speed up? Cargo.toml:

```toml
[package]
name = "fleetd"
version = "0.4.0"
edition = "2021"

[dependencies]
tokio = { version = "1", features = ["full"] }
axum = "0.7"
sqlx = { version = "0.8", features = ["postgres", "runtime-tokio", "macros", "chrono", "uuid"] }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
aws-sdk-s3 = "1"
aws-config = "1"
tracing = "0.1"
tracing-subscriber = "0.3"
utoipa = { version = "4", features = ["axum_extras"] }
chrono = "0.4"
uuid = { version = "1", features = ["v4", "serde"] }

[profile.dev]
opt-level = 1
debug = 2
```

All code is in one crate, about 45k lines.''')

R("opus", "design", "systems", "non-native", "en", None,
  "Language choice for safety-certified medical firmware: high-stakes decision with trade-offs.",
  "We must choose between Rust and C++ for the new firmware of a medical infusion pump (IEC 62304 class C, Cortex-M7, certified RTOS). Team know C++ well, Rust only 2 people. Please help to decide with real arguments: toolchain qualification, static analysis, MISRA, certification evidence, hiring, interop with vendor C SDK.")

R("sonnet", "debug", "systems", "non-native", "en", None,
  "Heap profile points at a map that is never pruned: identifiable cause of memory growth.",
  r'''Our Go program memory grow slowly, after 3 days 6GB. pprof heap (inuse_space) show this:

```
Showing nodes accounting for 5.41GB, 97.12% of 5.57GB total
Dropped 112 nodes (cum <= 0.03GB)
      flat  flat%   sum%        cum   cum%
    3.90GB 70.02% 70.02%     3.90GB 70.02%  github.com/acme/edge/session.(*Registry).Track
    1.12GB 20.11% 90.13%     1.12GB 20.11%  bufio.NewReaderSize
    0.39GB  7.00% 97.13%     0.39GB  7.00%  github.com/acme/edge/session.newSession
         0     0% 97.13%     5.41GB 97.12%  github.com/acme/edge/server.(*Server).handleConn
```

```go
type Registry struct {
	mu       sync.Mutex
	sessions map[string]*Session
	history  map[string][]Event
}

func (r *Registry) Track(s *Session, ev Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sessions[s.ID] = s
	r.history[s.ID] = append(r.history[s.ID], ev)
}

func (r *Registry) Close(id string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.sessions, id)
}
```

Please find the problem and fix.''')

R("haiku", "question", "systems", "non-native", "en", None,
  "One command (ldd/readelf).",
  "How to see which shared libraries my binary is need?")

R("sonnet", "test", "systems", "non-native", "en", None,
  "Writing unit tests for an existing C ring buffer with a given framework.",
  r'''Please add unit tests for this ring buffer with Unity test framework (ThrowTheSwitch). Test empty, full, wraparound, and peek.

```c
typedef struct { uint8_t *buf; uint16_t size, head, tail; bool full; } rb_t;

void rb_init(rb_t *rb, uint8_t *mem, uint16_t size) { rb->buf = mem; rb->size = size; rb->head = rb->tail = 0; rb->full = false; }
bool rb_empty(const rb_t *rb) { return !rb->full && rb->head == rb->tail; }
bool rb_put(rb_t *rb, uint8_t b) {
    if (rb->full) return false;
    rb->buf[rb->head] = b;
    rb->head = (rb->head + 1) % rb->size;
    rb->full = rb->head == rb->tail;
    return true;
}
bool rb_get(rb_t *rb, uint8_t *out) {
    if (rb_empty(rb)) return false;
    *out = rb->buf[rb->tail];
    rb->tail = (rb->tail + 1) % rb->size;
    rb->full = false;
    return true;
}
bool rb_peek(const rb_t *rb, uint8_t *out) {
    if (rb_empty(rb)) return false;
    *out = rb->buf[rb->tail];
    return true;
}
```''')

R("sonnet", "debug", "tooling", "typos", "en", None,
  "Build config issue: include directory not propagated to the test target; clear cause.",
  r'''cmake cant find my header when building the test target but the main exe works fine??

```
/home/dev/geo/tests/test_grid.cpp:3:10: fatal error: grid/index.hpp: No such file or directory
    3 | #include "grid/index.hpp"
      |          ^~~~~~~~~~~~~~~~
```

```cmake
add_library(geo src/index.cpp src/tile.cpp)
include_directories(include)

add_executable(geod src/main.cpp)
target_link_libraries(geod geo)

add_subdirectory(tests)
```

tests/CMakeLists.txt:

```cmake
add_executable(test_grid test_grid.cpp)
target_link_libraries(test_grid geo GTest::gtest_main)
```

wait actually add_subdirectory is before include_directories in the real file, i reordered it when pasting. does that matter''')

R("haiku", "question", "systems", "typos", "en", None,
  "One bash idiom (/dev/tcp).",
  "how 2 check if a port is open from bash without nc or telnet installed")

R("haiku", "question", "systems", "other-language", "de", None,
  "Eine perf-Option (-p PID): kurze bekannte Antwort.",
  "Wie kann ich mit `perf top` nur einen bestimmten Prozess beobachten und die Kernel-Symbole ausblenden?")

R("sonnet", "explain", "systems", "other-language", "ru", None,
  "Объяснение утечки таймеров time.After в цикле: неочевидная, но известная причина.",
  r'''Объясни, что делает эта функция и почему процесс растёт по памяти, когда её вызывают очень часто (десятки тысяч раз в секунду). Go 1.21.

```go
func waitReply(ch <-chan Reply, timeout time.Duration) (Reply, error) {
	for {
		select {
		case r, ok := <-ch:
			if !ok {
				return Reply{}, errClosed
			}
			if r.Partial {
				continue
			}
			return r, nil
		case <-time.After(timeout):
			return Reply{}, errTimeout
		}
	}
}
```''')

R("sonnet", "refactor", "systems", "follow-up", "en", None,
  "Follow-up asking to apply the agreed change and update callers: multi-file everyday work.",
  "ok, do it, and update all the callers in handlers/ too")

R("haiku", "edit", "tooling", "follow-up", "en", None,
  "Follow-up naming a one-line version bump.",
  "also bump the version to 0.9.4 in Cargo.toml")

R("opus", "explain", "systems", "follow-up", "en", None,
  "Follow-up about ABA under work stealing: lock-free correctness reasoning.",
  "what if consumers are also allowed to steal from other workers' queues? does the ABA problem come back with your design?")

R("sonnet", "debug", "systems", "follow-up", "en", None,
  "Follow-up with a full linker error pointing at an undefined key function (vtable).",
  r'''same error again, full output this time:

```
/usr/bin/ld: CMakeFiles/router.dir/src/router.cpp.o: in function `Router::Router(Config const&)':
router.cpp:(.text+0x4a): undefined reference to `vtable for Router'
/usr/bin/ld: CMakeFiles/router.dir/src/router.cpp.o: in function `Router::~Router()':
router.cpp:(.text+0x1f3): undefined reference to `vtable for Router'
collect2: error: ld returned 1 exit status
```

router.hpp declares `virtual void on_packet(Packet&);` and `virtual ~Router();`, router.cpp defines the constructor and on_packet.''')

R("opus", "review", "systems", "terse", "en", "short-hard",
  "Proving liveness/blocking properties of a commit protocol: formal reasoning, few words.",
  "prove our two-phase commit can't block forever if the coordinator dies after PREPARE, or give the counterexample")

R("opus", "implement", "systems", "terse", "en", "short-hard",
  "Congestion control for a QUIC stack: hard algorithmic networking work in one line.",
  "congestion control for our QUIC stack, BBRv2-ish. start with the state machine")

R("opus", "design", "systems", "terse", "en", "short-hard",
  "Designing an async runtime around io_uring: architecture and safety trade-offs.",
  "design an io_uring-based async runtime for Zig. cancellation has to be safe")

R("opus", "debug", "infrastructure", "plain", "en", "easy-words-hard",
  "Wildly varying backup duration with no lead: cross-component performance investigation.",
  "our nightly backup job sometimes takes 20 minutes and sometimes 5 hours, with about the same amount of data every night. nothing else obvious changes. how do we figure out why?")

R("opus", "plan", "infrastructure", "plain", "en", "easy-words-hard",
  "Migrating all services to a new message bus without loss: large plan with ordering guarantees.",
  "plan how we move all our services from the old message bus to NATS JetStream without losing messages or processing anything twice. about 30 services, some publish and consume, and we can't stop everything at once")

R("haiku", "question", "systems", "plain", "en", "hard-words-easy",
  "Kernel vocabulary, but a brief well-known conceptual answer.",
  "what's the difference between a kernel thread and a user thread? briefly")

R("haiku", "docs", "security", "plain", "en", "hard-words-easy",
  "Scary-sounding bug, but the task is one changelog line.",
  "write the changelog entry for this: fixed a use-after-free in QUIC stream reassembly when the peer sends FIN twice with different final offsets (CVE pending)")

R("haiku", "edit", "systems", "plain", "en", "long-trivial",
  "Changing visibility modifiers across a long file is a mechanical edit.",
  "Change every `pub fn` in this file to `pub(crate) fn`. Leave `pub struct` and everything else alone.\n\n```rust\n"
  + gen_rust_module(2222, 34) + "\n```")

R("haiku", "question", "systems", "plain", "en", "long-trivial",
  "Counting one message type and listing CPUs in a long dmesg is mechanical.",
  "How many soft lockup messages are in this dmesg, and on which CPU numbers?\n\n```\n"
  + gen_dmesg(2323, 140) + "\n```")

R("sonnet", "debug", "systems", "plain", "en", None,
  "Benchmark regression with a small diff that shows the cause: identifiable performance fix.",
  r'''criterion says decode_frame got 18% slower with this PR. The diff is small, what did it and how do we get the speed back without losing the new check?

```
decode_frame/4k         time:   [412.10 ns 413.55 ns 415.20 ns]
                        change: [+17.212% +18.004% +18.811%] (p = 0.00 < 0.05)
                        Performance has regressed.
```

```diff
@@ -41,12 +41,15 @@ pub fn decode_frame(buf: &[u8]) -> Result<Frame, DecodeError> {
     let hdr = Header::parse(&buf[..HDR_LEN])?;
-    let payload = &buf[HDR_LEN..HDR_LEN + hdr.len as usize];
-    Ok(Frame { hdr, payload: Bytes::copy_from_slice(payload) })
+    let end = HDR_LEN.checked_add(hdr.len as usize).ok_or(DecodeError::Length)?;
+    let payload = buf.get(HDR_LEN..end).ok_or(DecodeError::Truncated)?.to_vec();
+    let mut fields = Vec::new();
+    for chunk in payload.chunks(4) {
+        fields.push(u32::from_be_bytes(chunk.try_into().map_err(|_| DecodeError::Align)?));
+    }
+    Ok(Frame { hdr, payload: Bytes::from(payload), fields })
 }
```''')

R("opus", "debug", "systems", "plain", "en", None,
  "Negative scaling with threads from shared counters: cache-coherence analysis, opus.",
  r'''Our in-process cache gets slower with more threads: 8 threads do about half the total throughput of 1 thread. Lookups are read-only after warmup. The only writes are the stats. Why, and what's the right structure?

```cpp
struct Stats {
    std::atomic<uint64_t> hits{0};
    std::atomic<uint64_t> misses{0};
    std::atomic<uint64_t> bytes{0};
};

struct Shard {
    std::shared_mutex mu;
    absl::flat_hash_map<std::string, Entry> map;
};

class Cache {
    std::array<Shard, 16> shards_;
    Stats stats_;
public:
    std::optional<Entry> get(std::string_view k) {
        auto& s = shards_[hash(k) & 15];
        std::shared_lock l(s.mu);
        auto it = s.map.find(k);
        if (it == s.map.end()) { stats_.misses++; return std::nullopt; }
        stats_.hits++;
        stats_.bytes += it->second.size;
        return it->second;
    }
};
```''')

R("sonnet", "test", "security", "plain", "en", None,
  "Setting up cargo-fuzz with a fuzz target: everyday testing work.",
  "Set up cargo-fuzz for our frame decoder crate: fuzz target that feeds arbitrary bytes to `decode_frame` and, when it succeeds, re-encodes and asserts round-trip equality. Add a seed corpus from tests/fixtures/*.bin and a CI job that runs it for 5 minutes nightly.")

R("opus", "implement", "security", "plain", "en", None,
  "Seccomp sandbox policy: a subtle allowlist mistake is a sandbox escape, security-critical.",
  "Write a seccomp filter with libseccomp for our sandboxed image-parser child process. After setup it should only be able to read/write on already-open fds, mmap/munmap/brk for memory (no PROT_EXEC), exit_group, and nothing else; everything else kills the process. Explain what we must do before installing it (no_new_privs, closing fds) and what attack surface is still left.")

R("sonnet", "implement", "systems", "plain", "en", None,
  "UDP echo server in Zig with std.posix: small clear implementation.",
  "Write a UDP echo server in Zig 0.13 using std.posix directly (socket/bind/recvfrom/sendto), port from argv with a default of 9000, log each datagram's source address and size. Handle errors properly instead of `catch unreachable`.")

R("haiku", "question", "systems", "plain", "en", None,
  "Short language-equivalence question.",
  "what's the Zig equivalent of C's `static inline` helper in a header?")

R("sonnet", "ops", "web", "plain", "en", None,
  "nginx config for an SPA with caching and a proxy: everyday web ops.",
  "nginx config for a single-page app in /srv/app/dist: gzip + brotli if available, hashed assets under /assets/ cached for a year immutable, index.html never cached, all unknown paths fall back to index.html, /api/ proxied to 127.0.0.1:8080 with websockets support and the real client IP passed on.")

R("sonnet", "implement", "data", "plain", "en", None,
  "Analytical SQL with time buckets and percentiles over parquet: moderate query writing.",
  "DuckDB: we have request logs as parquet files under s3://logs/edge/date=*/part-*.parquet with columns ts (timestamp), endpoint, status, latency_ms. Write a query that gives p50/p95/p99 latency and error rate (status >= 500) per endpoint per hour for the last 7 days, only endpoints with > 1000 requests in that hour.")

R("sonnet", "refactor", "ml", "plain", "en", None,
  "Data loader bottleneck with known fixes (workers, decoding, pinning): everyday performance fix.",
  r'''GPU utilization is ~40% and the profiler says we're waiting on the dataloader. Make this faster.

```python
class FramesDataset(torch.utils.data.Dataset):
    def __init__(self, index_csv):
        self.rows = pd.read_csv(index_csv)

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, i):
        row = self.rows.iloc[i]
        img = Image.open(row["path"]).convert("RGB")
        img = img.resize((224, 224))
        x = torch.tensor(np.array(img), dtype=torch.float32).permute(2, 0, 1) / 255.0
        y = torch.tensor(row["label"])
        return x, y

loader = DataLoader(FramesDataset("index.csv"), batch_size=256, shuffle=True)
for x, y in loader:
    x, y = x.cuda(), y.cuda()
    ...
```''')

R("sonnet", "explain", "tooling", "plain", "en", None,
  "Explaining a non-trivial Makefile metaprogramming block.",
  r'''Can someone explain what this does? It's in our top-level Makefile and nobody remembers who wrote it.

```make
PROGRAMS := agent collector relay

define PROGRAM_template
$(1)_SRCS := $$(wildcard cmd/$(1)/*.c) $$(wildcard lib/*.c)
$(1)_OBJS := $$(patsubst %.c,build/%.o,$$($(1)_SRCS))
ALL_OBJS  += $$($(1)_OBJS)

bin/$(1): $$($(1)_OBJS) | bin
	$$(CC) $$(LDFLAGS) -o $$@ $$^ $$(LDLIBS) $$($(1)_LDLIBS)
endef

relay_LDLIBS := -lssl -lcrypto

$(foreach p,$(PROGRAMS),$(eval $(call PROGRAM_template,$(p))))

build/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

-include $(ALL_OBJS:.o=.d)
```''')

R("haiku", "question", "tooling", "plain", "en", None,
  "Well-known Makefile assignment semantics.",
  "in a Makefile, what's the difference between = and := ?")

R("sonnet", "review", "web", "plain", "en", None,
  "Reviewing a diff that adds retries to an HTTP client: everyday code review.",
  r'''Review this PR please. It adds retries to our internal HTTP client.

```diff
@@ -58,18 +58,41 @@ func (c *Client) Do(ctx context.Context, req *http.Request) (*http.Response, error) {
-	resp, err := c.hc.Do(req.WithContext(ctx))
-	if err != nil {
-		return nil, fmt.Errorf("do %s: %w", req.URL.Path, err)
-	}
-	return resp, nil
+	var lastErr error
+	for attempt := 0; attempt <= c.maxRetries; attempt++ {
+		resp, err := c.hc.Do(req.WithContext(ctx))
+		if err == nil && resp.StatusCode < 500 {
+			return resp, nil
+		}
+		if err == nil {
+			lastErr = fmt.Errorf("status %d", resp.StatusCode)
+		} else {
+			lastErr = err
+		}
+		backoff := time.Duration(1<<attempt) * 100 * time.Millisecond
+		time.Sleep(backoff)
+	}
+	return nil, fmt.Errorf("do %s after %d attempts: %w", req.URL.Path, c.maxRetries+1, lastErr)
 }
```

It's used for both GETs and POSTs (payments callbacks among them).''')

R("opus", "review", "systems", "plain", "en", None,
  "Reviewing a seqlock implementation: memory-ordering and unsafe semantics, opus.",
  r'''Review this seqlock. It's used to publish a 64-byte market data snapshot from one writer thread to many readers. Is it sound in Rust's memory model? Is the data race on `data` UB even if we discard torn reads?

```rust
pub struct SeqLock<T: Copy> {
    seq: AtomicU64,
    data: UnsafeCell<T>,
}

unsafe impl<T: Copy + Send> Sync for SeqLock<T> {}

impl<T: Copy> SeqLock<T> {
    pub fn write(&self, v: T) {
        let s = self.seq.load(Ordering::Relaxed);
        self.seq.store(s + 1, Ordering::Relaxed);
        fence(Ordering::Release);
        unsafe { *self.data.get() = v };
        self.seq.store(s + 2, Ordering::Release);
    }

    pub fn read(&self) -> T {
        loop {
            let s1 = self.seq.load(Ordering::Acquire);
            if s1 & 1 == 1 {
                std::hint::spin_loop();
                continue;
            }
            let v = unsafe { *self.data.get() };
            fence(Ordering::Acquire);
            let s2 = self.seq.load(Ordering::Relaxed);
            if s1 == s2 {
                return v;
            }
        }
    }
}
```''')

R("sonnet", "implement", "systems", "plain", "en", None,
  "Adding structured error codes and a strerror-style function to a C library: clear multi-file change.",
  "Our C library returns bare -1 everywhere and sets a global `last_error` string. Introduce an `enum mq_status` with ~10 codes (OK, INVAL, NOMEM, IO, TIMEOUT, CLOSED, PROTO, AUTH, FULL, INTERNAL), a `const char *mq_strerror(enum mq_status)`, and show how to convert mq_send/mq_recv/mq_connect to return it while keeping the old functions as deprecated wrappers for one release.")

R("sonnet", "ops", "tooling", "plain", "en", None,
  "Scripting a profiling capture and upload: everyday ops scripting.",
  "Write a bash script that takes a PID, runs `perf record -F 99 -g` on it for 30 seconds, turns it into a flamegraph svg with the FlameGraph scripts (path from FLAMEGRAPH_DIR), and uploads both perf.data and the svg to s3://perf-captures/<hostname>/<timestamp>/. Fail clearly if perf isn't permitted (perf_event_paranoid).")

R("sonnet", "implement", "systems", "plain", "en", None,
  "Reconnect with exponential backoff and jitter in a tokio client: clear everyday feature.",
  r'''Add reconnect with exponential backoff + full jitter (base 200ms, cap 30s, reset after a connection stays up for 60s) to this client. Shutdown via the CancellationToken must interrupt the backoff sleep.

```rust
pub async fn run(addr: String, token: CancellationToken, tx: mpsc::Sender<Msg>) -> anyhow::Result<()> {
    let stream = TcpStream::connect(&addr).await?;
    let mut framed = Framed::new(stream, MsgCodec::default());
    loop {
        tokio::select! {
            _ = token.cancelled() => return Ok(()),
            msg = framed.next() => match msg {
                Some(Ok(m)) => tx.send(m).await?,
                Some(Err(e)) => return Err(e.into()),
                None => return Ok(()),
            }
        }
    }
}
```''')

R("haiku", "edit", "infrastructure", "plain", "en", None,
  "Format conversion of a small config (YAML to TOML).",
  r'''convert to TOML

```yaml
listen: 0.0.0.0:7000
log_level: info
upstreams:
  - name: primary
    addr: 10.0.1.10:7001
    weight: 3
  - name: secondary
    addr: 10.0.1.11:7001
    weight: 1
tls:
  enabled: true
  cert: /etc/relay/tls.crt
  key: /etc/relay/tls.key
```''')

R("sonnet", "debug", "systems", "non-native", "en", None,
  "Template compile error from a missing typename on a dependent name: subtle but known cause.",
  r'''Please explain why my C++ template code not compile, the error is long and I don't understand.

```cpp
template <typename Container>
void dump_first(const Container& c) {
    Container::const_iterator it = c.begin();
    if (it != c.end())
        std::cout << *it << '\n';
}
```

```
main.cpp: In function 'void dump_first(const Container&)':
main.cpp:6:5: error: need 'typename' before 'Container::const_iterator' because 'Container' is a dependent scope
    6 |     Container::const_iterator it = c.begin();
      |     ^~~~~~~~~
      |     typename
main.cpp: In instantiation of 'void dump_first(const Container&) [with Container = std::vector<int>]':
main.cpp:12:15:   required from here
main.cpp:6:31: error: dependent-name 'Container::const_iterator' is parsed as a non-type, but instantiation yields a type
    6 |     Container::const_iterator it = c.begin();
      |                               ^~
main.cpp:6:31: note: say 'typename Container::const_iterator' if a type is meant
```''')

# === END ROWS ===


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "w2.jsonl"), "w", encoding="utf-8") as f:
        for i, row in enumerate(ROWS, 1):
            out = {"id": f"w2-{i:04d}", "prompt": row["prompt"], "label": row["label"],
                   "rationale": row["rationale"], "category": row["category"], "domain": row["domain"],
                   "voice": row["voice"], "language": row["language"], "trap": row["trap"]}
            f.write(json.dumps(out, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
