#!/usr/bin/env python3
"""Writer w11: systems programmers (C, C++, Rust, Zig, embedded, kernel, compilers, allocators,
networking, performance, concurrency). Heavy non-native English, terse; some de/ru/zh.
Run `python3 w11.py` to write w11.jsonl deterministically."""
import json, os, random

ROWS = []

def R(label, category, domain, voice, trap, rationale, prompt, language="en"):
    ROWS.append({"prompt": prompt, "label": label, "rationale": rationale, "category": category,
                 "domain": domain, "voice": voice, "language": language, "trap": trap})

# ------------------------------------------------------------------ long material generators

PERIPHS = ["uart", "spi", "i2c", "dma", "adc", "tim", "gpio", "can", "usb", "eth", "rtc", "wdt", "crc", "rng"]
VERBS = ["init", "deinit", "start", "stop", "reset", "enable", "disable", "config", "read", "write",
         "flush", "poll", "irq_handler", "set_mode", "get_status", "clear_flags", "calibrate", "suspend", "resume"]
FIELDS_ = ["ctrl", "status", "data", "baud", "mask", "cfg", "cnt", "prescaler", "isr", "icr", "fifo", "thresh"]


def gen_c_driver(seed, nfuncs, prefix="acme"):
    rnd = random.Random(seed)
    out = ["#include <stdint.h>", "#include <stddef.h>", "#include <stdbool.h>",
           f'#include "{prefix}_hal.h"', f'#include "{prefix}_regs.h"', ""]
    base = 0x40000000
    for p in PERIPHS:
        base += rnd.choice([0x400, 0x800, 0x1000])
        out.append(f"#define {p.upper()}_BASE        0x{base:08X}UL")
    out.append("")
    for p in rnd.sample(PERIPHS, 8):
        out.append(f"typedef struct {{")
        for i, f in enumerate(rnd.sample(FIELDS_, rnd.randint(4, 8))):
            out.append(f"    volatile uint32_t {f.upper()};   /* 0x{i*4:02X} */")
        out.append(f"}} {p}_regs_t;")
        out.append("")
    used = set()
    for _ in range(nfuncs):
        while True:
            p, v = rnd.choice(PERIPHS), rnd.choice(VERBS)
            if (p, v) not in used:
                used.add((p, v)); break
        ret = rnd.choice(["int", "void", "bool", "uint32_t", "int"])
        args = rnd.choice(["void", f"{p}_regs_t *regs", f"{p}_regs_t *regs, uint32_t val",
                           "uint8_t ch, uint32_t timeout_ms", "const uint8_t *buf, size_t len"])
        out.append(f"/* {p} {v.replace('_', ' ')} */")
        out.append(f"{'static ' if rnd.random() < 0.4 else ''}{ret} {prefix}_{p}_{v}({args})")
        out.append("{")
        if "regs" not in args:
            out.append(f"    {p}_regs_t *regs = ({p}_regs_t *){p.upper()}_BASE;")
        for _ in range(rnd.randint(2, 7)):
            f = rnd.choice(FIELDS_).upper()
            k = rnd.random()
            bit = rnd.randint(0, 31)
            if k < 0.3:
                out.append(f"    regs->{f} |= (1u << {bit});")
            elif k < 0.5:
                out.append(f"    regs->{f} &= ~(0x{rnd.randint(1, 255):X}u << {bit % 24});")
            elif k < 0.7:
                out.append(f"    while ((regs->{f} & (1u << {bit})) == 0u) {{")
                out.append(f"        if (--timeout == 0u) {{ return{' -ETIMEDOUT' if ret == 'int' else (' false' if ret == 'bool' else (' 0u' if ret == 'uint32_t' else ''))}; }}")
                out.append("    }")
                out.insert(len(out) - 3, f"    uint32_t timeout = {rnd.choice([1000, 5000, 10000, 100000])}u;")
            elif k < 0.85:
                out.append(f"    for (size_t i = 0; i < {rnd.choice([4, 8, 16, 32])}u; i++) {{")
                out.append(f"        regs->{f} = (uint32_t)i << {rnd.randint(0, 16)};")
                out.append("    }")
            else:
                out.append(f"    (void)regs->{f}; /* read to clear */")
        if ret == "int":
            out.append("    return 0;")
        elif ret == "bool":
            out.append(f"    return (regs->STATUS & 0x{rnd.randint(1, 0xFFFF):04X}u) != 0u;")
        elif ret == "uint32_t":
            out.append(f"    return regs->{rnd.choice(FIELDS_).upper()};")
        out.append("}")
        out.append("")
    return "\n".join(out)


KSUBS = [("usb 1-1", ["new high-speed USB device number {n} using xhci_hcd", "New USB device found, idVendor=0483, idProduct=5740, bcdDevice= 2.00",
                      "Product: STM32 Virtual ComPort", "USB disconnect, device number {n}"]),
         ("cdc_acm 1-1:1.0", ["ttyACM0: USB ACM device"]),
         ("eth0", ["Link is Up - 1Gbps/Full - flow control rx/tx", "Link is Down", "renamed from enp3s0"]),
         ("EXT4-fs (nvme0n1p2)", ["mounted filesystem with ordered data mode. Quota mode: none.", "re-mounted. Quota mode: none."]),
         ("audit", ["type=1400 audit({t}:{n}): apparmor=\"STATUS\" operation=\"profile_load\" profile=\"unconfined\" name=\"snap-update-ns\" pid={pid} comm=\"apparmor_parser\""]),
         ("systemd[1]", ["Started Journal Service.", "Starting Network Manager...", "Reached target Multi-User System."]),
         ("nvme nvme0", ["pci function 0000:01:00.0", "48/0/0 default/read/poll queues"]),
         ("i2c_designware i2c_designware.0", ["controller timed out", "i2c_dw_handle_tx_abort: lost arbitration"]),
         ("mmc0", ["new ultra high speed SDR104 SDHC card at address aaaa"]),
         ("wlp2s0", ["authenticate with 3c:84:6a:aa:bb:cc", "associated", "disconnect from AP 3c:84:6a:aa:bb:cc for new auth to 3c:84:6a:aa:bb:cd"]),
         ("acme_spi spi0.0", ["probe ok, fifo depth 64", "dma channel request failed, falling back to pio", "transfer timeout, len={n}"]),
         ("kauditd_printk_skb", ["{n} callbacks suppressed"])]


def gen_dmesg(seed, n, inserts=None):
    rnd = random.Random(seed)
    t = 0.0
    lines = []
    for i in range(n):
        t += rnd.expovariate(1 / 4.0)
        sub, msgs = rnd.choice(KSUBS)
        msg = rnd.choice(msgs).format(n=rnd.randint(2, 90), t=f"{1700000000 + int(t)}.{rnd.randint(100, 999)}", pid=rnd.randint(300, 40000))
        lines.append(f"[{t:12.6f}] {sub}: {msg}")
    for pos, block in (inserts or []):
        lines[pos:pos] = [f"[{float(lines[pos][1:13]):12.6f}] {b}" for b in block]
    return "\n".join(lines)


RUST_TYPES = ["u8", "u16", "u32", "u64", "usize", "i32", "bool", "f32", "Option<u32>", "Vec<u8>", "String"]
RUST_NOUNS = ["Packet", "Frame", "Header", "Segment", "Session", "Channel", "Buffer", "Queue", "Descriptor", "Route", "Peer", "Token"]


def gen_rust(seed, nitems, rename_target="PacketHeader"):
    rnd = random.Random(seed)
    out = ["use std::collections::HashMap;", "use std::io::{self, Read, Write};", "use crate::error::Error;", ""]
    out.append(f"#[derive(Debug, Clone, PartialEq, Eq)]\npub struct {rename_target} {{\n    pub version: u8,\n    pub flags: u16,\n    pub len: u32,\n    pub seq: u64,\n}}\n")
    for i in range(nitems):
        name = rnd.choice(RUST_NOUNS) + rnd.choice(["", "Info", "State", "Config", "Stats", "Ref", "Map"]) + str(i)
        fields = [(rnd.choice(["id", "len", "cap", "seq", "ts", "flags", "port", "addr", "ttl", "crc", "window", "mtu"]) + f"_{j}", rnd.choice(RUST_TYPES)) for j in range(rnd.randint(2, 6))]
        out.append("#[derive(Debug, Default)]")
        out.append(f"pub struct {name} {{")
        for f, ty in fields:
            out.append(f"    pub {f}: {ty},")
        if rnd.random() < 0.5:
            out.append(f"    pub hdr: Option<{rename_target}>,")
        out.append("}")
        out.append("")
        out.append(f"impl {name} {{")
        out.append(f"    pub fn new() -> Self {{\n        Self::default()\n    }}")
        f0, t0 = fields[0]
        if t0 in ("u8", "u16", "u32", "u64", "usize", "i32"):
            out.append(f"\n    pub fn bump_{f0}(&mut self, by: {t0}) -> {t0} {{\n        self.{f0} = self.{f0}.wrapping_add(by);\n        self.{f0}\n    }}")
        if rnd.random() < 0.4:
            out.append(f"\n    pub fn parse(buf: &[u8]) -> Result<{rename_target}, Error> {{\n        if buf.len() < {rnd.choice([8, 12, 16])} {{\n            return Err(Error::Short(buf.len()));\n        }}\n        Ok({rename_target} {{\n            version: buf[0],\n            flags: u16::from_be_bytes([buf[1], buf[2]]),\n            len: u32::from_be_bytes([buf[3], buf[4], buf[5], buf[6]]),\n            seq: 0,\n        }})\n    }}")
        out.append("}")
        out.append("")
    return "\n".join(out)


def gen_build_log(seed, nfiles, error_block):
    rnd = random.Random(seed)
    dirs = ["src/core", "src/net", "src/drivers", "src/util", "third_party/lwip/src/core", "third_party/mbedtls/library", "src/app"]
    lines = ["-- The C compiler identification is GNU 12.2.1", "-- The ASM compiler identification is GNU",
             "-- Found assembler: /opt/gcc-arm-none-eabi/bin/arm-none-eabi-gcc", "-- Configuring done", "-- Generating done",
             "-- Build files have been written to: /home/build/fw/build"]
    total = nfiles
    for i in range(nfiles):
        d = rnd.choice(dirs)
        f = rnd.choice(["tcp", "udp", "pbuf", "mem", "sys", "ring", "log", "crc", "uart", "spi", "sha256", "aes", "bignum", "ssl_tls", "x509", "main", "cli", "fsm", "timer"]) + f"_{i}.c"
        lines.append(f"[{int(100*(i+1)/total):3d}%] Building C object CMakeFiles/firmware.elf.dir/{d}/{f}.obj")
        if rnd.random() < 0.12:
            ln = rnd.randint(20, 900)
            w = rnd.choice(["unused variable 'ret' [-Wunused-variable]", "comparison of integer expressions of different signedness: 'int' and 'uint32_t' [-Wsign-compare]",
                            "'memset' used with length equal to number of elements without multiplication by element size [-Wmemset-elt-size]",
                            "this statement may fall through [-Wimplicit-fallthrough=]"])
            lines.append(f"/home/build/fw/{d}/{f}: In function '{f[:-2]}_process':")
            lines.append(f"/home/build/fw/{d}/{f}:{ln}:{rnd.randint(5, 40)}: warning: {w}")
    lines.append("[100%] Linking C executable firmware.elf")
    lines.extend(error_block)
    return "\n".join(lines)


def gen_perf(seed, nsyms):
    rnd = random.Random(seed)
    syms = ["hash_lookup", "memcpy_avx_unaligned_erms", "__memmove_avx_unaligned_erms", "tcp_recvmsg", "copy_user_enhanced_fast_string",
            "parse_frame", "decode_varint", "ring_pop", "ring_push", "malloc", "_int_free", "_int_malloc", "__lll_lock_wait",
            "pthread_mutex_lock", "futex_wait", "native_queued_spin_lock_slowpath", "crc32c_sse42", "json_skip_ws",
            "std::__detail::_Map_base::operator[]", "absl::container_internal::raw_hash_set::find", "update_stats", "__schedule",
            "do_syscall_64", "entry_SYSCALL_64_after_hwframe", "epoll_wait", "ep_poll", "sock_poll", "tcp_poll", "clock_gettime",
            "__vdso_clock_gettime", "order_book_apply", "price_level_insert", "std::_Rb_tree_insert_and_rebalance"]
    lines = ["# To display the perf.data header info, please use --header/--header-only options.", "#",
             "# Total Lost Samples: 0", "#", f"# Samples: {rnd.randint(200, 900)}K of event 'cycles:P'",
             f"# Event count (approx.): {rnd.randint(10**11, 10**12)}", "#",
             "# Children      Self  Command          Shared Object        Symbol", "# ........  ........  ...............  ...................  ......"]
    pcts = sorted([rnd.random() ** 3 * 30 for _ in range(nsyms)], reverse=True)
    for i, p in enumerate(pcts):
        s = rnd.choice(syms)
        obj = "[kernel.kallsyms]" if s.islower() and ("_" in s and (s.startswith(("tcp", "do_", "entry", "ep_", "sock", "futex", "native", "copy_user", "__schedule")))) else rnd.choice(["gateway", "libc.so.6", "gateway"])
        lines.append(f"    {p + rnd.random()*5:6.2f}%   {p:6.2f}%  gateway          {obj:<20} [{'k' if obj.startswith('[k') else '.'}] {s}")
        if rnd.random() < 0.35:
            lines.append("            |")
            lines.append("            ---" + rnd.choice(syms))
            for d in range(rnd.randint(2, 6)):
                lines.append("               " + "   " * d + "|--" + f"{rnd.random()*p:.2f}%--" + rnd.choice(syms))
            lines.append("")
    return "\n".join(lines)


def gen_map(seed, nsyms):
    rnd = random.Random(seed)
    lines = ["Archive member included to satisfy reference by file (symbol)", "",
             "/opt/gcc-arm-none-eabi/arm-none-eabi/lib/thumb/v7e-m+fp/hard/libc_nano.a(lib_a-memcpy.o)", "                              build/src/net/pbuf.o (memcpy)", "",
             "Memory Configuration", "", "Name             Origin             Length             Attributes",
             "FLASH            0x08000000         0x00100000         xr", "RAM              0x20000000         0x00030000         xrw",
             "*default*        0x00000000         0xffffffff", "", "Linker script and memory map", "", ".text           0x08000000    0x4a3c8"]
    addr = 0x08000200
    objs = ["main", "uart", "spi", "i2c", "fsm", "cli", "log", "tcp_in", "tcp_out", "ip4", "etharp", "dhcp", "sha256", "aes", "gcm", "bignum", "ecp", "ecdsa", "x509_crt", "ssl_tls", "ssl_cli", "printf", "vfprintf", "flash_drv", "ota", "crc", "cJSON", "mqtt"]
    for i in range(nsyms):
        o = rnd.choice(objs)
        sz = int(rnd.paretovariate(1.2) * 60)
        fn = f"{o}_{rnd.choice(['init', 'process', 'parse', 'handle', 'update', 'read', 'write', 'encode', 'decode', 'task', 'cb', 'mul', 'mod', 'inv'])}{rnd.randint(0, 9) if rnd.random() < 0.3 else ''}"
        lines.append(f" .text.{fn}")
        lines.append(f"                0x{addr:08x}     0x{sz:x} build/src/{o}.o")
        lines.append(f"                0x{addr:08x}                {fn}")
        addr += (sz + 3) & ~3
    lines += ["", ".rodata         0x{:08x}     0x5c10".format(addr), ".data           0x20000000      0x4a0 load address 0x{:08x}".format(addr + 0x5c10),
              ".bss            0x200004a0     0x1f3c8", " COMMON         0x200004a0     0x18000 build/src/net/mem.o", "                0x200004a0                ram_heap"]
    return "\n".join(lines)


def gen_sdkconfig(seed, n):
    rnd = random.Random(seed)
    keys = ["BOOTLOADER", "ESPTOOLPY", "PARTITION_TABLE", "COMPILER", "APPTRACE", "BT", "ESP_WIFI", "LWIP", "FREERTOS", "ESP_SYSTEM", "ESP_TIMER",
            "MBEDTLS", "SPI_FLASH", "LOG", "HAL", "NEWLIB", "VFS", "HTTPD", "ESP_HTTP_CLIENT", "MQTT", "ESP_PM", "ESP_COREDUMP", "ESP_INT_WDT", "ESP_TASK_WDT"]
    sfx = ["ENABLE", "SIZE", "TIMEOUT_MS", "NUM", "DEBUG", "STACK_SIZE", "PRIORITY", "BUFFER_NUM", "MAX_CONN", "LEVEL", "CHECK", "CORE", "IRAM_OPT", "TASK_AFFINITY",
           "RX_BA_WIN", "TX_BUFFER", "MODE", "VERIFY", "PANIC_HALT", "SPIRAM", "HARDWARE_SHA", "HARDWARE_AES", "INFO", "WARN"]
    lines = ["#", "# Automatically generated file. DO NOT EDIT.", "# Espressif IoT Development Framework (ESP-IDF) 5.1.2 Project Configuration", "#",
             'CONFIG_IDF_CMAKE=y', 'CONFIG_IDF_TARGET_ARCH_XTENSA=y', 'CONFIG_IDF_TARGET="esp32s3"', 'CONFIG_IDF_TARGET_ESP32S3=y', 'CONFIG_IDF_FIRMWARE_CHIP_ID=0x0009', ""]
    seen = set()
    cur = None
    for i in range(n):
        k = rnd.choice(keys)
        if k != cur:
            lines += ["", "#", f"# {k.replace('_', ' ').title()}", "#"]
            cur = k
        name = f"CONFIG_{k}_{rnd.choice(sfx)}"
        if rnd.random() < 0.3:
            name += f"_{rnd.randint(0, 3)}"
        if name in seen:
            continue
        seen.add(name)
        r = rnd.random()
        if r < 0.4:
            lines.append(f"{name}=y")
        elif r < 0.6:
            lines.append(f"# {name} is not set")
        elif r < 0.9:
            lines.append(f"{name}={rnd.choice([1, 2, 4, 8, 10, 16, 32, 64, 128, 1024, 2048, 3072, 4096, 8192, 16384, 32768])}")
        else:
            lines.append(f'{name}="{rnd.choice(["", "partitions.csv", "pool.ntp.org", "esp32s3", "main"])}"')
        if i == n // 2:
            lines += ["", "#", "# CPU frequency", "#", "# CONFIG_ESP_DEFAULT_CPU_FREQ_MHZ_80 is not set", "CONFIG_ESP_DEFAULT_CPU_FREQ_MHZ_160=y",
                      "# CONFIG_ESP_DEFAULT_CPU_FREQ_MHZ_240 is not set", "CONFIG_ESP_DEFAULT_CPU_FREQ_MHZ=160"]
    return "\n".join(lines)


def gen_objdump(seed, n, fname="decode_block"):
    rnd = random.Random(seed)
    regs = ["%rax", "%rbx", "%rcx", "%rdx", "%rsi", "%rdi", "%r8", "%r9", "%r10", "%r11", "%r12", "%r13", "%r14", "%r15"]
    xmm = [f"%ymm{i}" for i in range(16)]
    addr = 0x401a30
    lines = [f"0000000000{addr:06x} <{fname}>:"]
    for i in range(n):
        r = rnd.random()
        if r < 0.2:
            ins = f"vmovdqu 0x{rnd.randint(0, 0x3c0):x}({rnd.choice(regs)},{rnd.choice(regs)},1),{rnd.choice(xmm)}"
        elif r < 0.35:
            ins = f"{rnd.choice(['vpaddd', 'vpxor', 'vpand', 'vpshufb', 'vpcmpeqb', 'vpmaddubsw', 'vpor'])} {rnd.choice(xmm)},{rnd.choice(xmm)},{rnd.choice(xmm)}"
        elif r < 0.5:
            ins = f"mov    0x{rnd.randint(0, 0x80):x}({rnd.choice(regs)}),{rnd.choice(regs)}"
        elif r < 0.6:
            ins = f"add    $0x{rnd.choice([1, 4, 8, 0x10, 0x20, 0x40]):x},{rnd.choice(regs)}"
        elif r < 0.7:
            ins = f"cmp    {rnd.choice(regs)},{rnd.choice(regs)}"
        elif r < 0.78:
            ins = f"{rnd.choice(['jne', 'jb', 'jae', 'je'])}    {addr - rnd.randint(0x10, 0x200):x} <{fname}+0x{rnd.randint(0x10, 0x400):x}>"
        elif r < 0.86:
            ins = f"movzbl (%{rnd.choice(['rsi', 'rdi', 'r8'])},{rnd.choice(regs)},1),%{rnd.choice(['eax', 'ecx', 'edx'])}"
        elif r < 0.93:
            ins = f"vpmovmskb {rnd.choice(xmm)},%{rnd.choice(['eax', 'ecx', 'edx'])}"
        else:
            ins = f"lea    0x{rnd.randint(0, 0x100):x}({rnd.choice(regs)},{rnd.choice(regs)},{rnd.choice([1, 2, 4, 8])}),{rnd.choice(regs)}"
        nbytes = rnd.randint(2, 7)
        hexb = " ".join(f"{rnd.randint(0, 255):02x}" for _ in range(nbytes))
        lines.append(f"  {addr:x}:\t{hexb:<21}\t{ins}")
        addr += nbytes
    lines.append(f"  {addr:x}:\tc5 f8 77             \tvzeroupper")
    lines.append(f"  {addr+3:x}:\tc3                   \tret")
    return "\n".join(lines)


def gen_bench_csv(seed, n):
    rnd = random.Random(seed)
    lines = ["benchmark,allocator,threads,size_bytes,ops_per_sec,p50_ns,p99_ns,rss_mb"]
    for i in range(n):
        b = rnd.choice(["alloc_free_same_thread", "alloc_free_cross_thread", "larson", "cache_scratch", "xmalloc", "mstress", "rptest"])
        a = rnd.choice(["glibc", "jemalloc", "tcmalloc", "mimalloc", "ours"])
        th = rnd.choice([1, 2, 4, 8, 16, 32, 64])
        sz = rnd.choice([16, 32, 64, 128, 512, 4096, 65536])
        ops = int(rnd.lognormvariate(16, 0.8))
        p50 = rnd.randint(12, 400)
        lines.append(f"{b},{a},{th},{sz},{ops},{p50},{p50 * rnd.randint(3, 60)},{rnd.randint(20, 4000)}")
    return "\n".join(lines)


def gen_reg_header(seed, nregs, chip="LX7731"):
    rnd = random.Random(seed)
    lines = [f"/* {chip} register map, generated from {chip}_rev_C.xlsx -- do not edit */", f"#ifndef {chip}_REGS_H", f"#define {chip}_REGS_H", ""]
    blocks = ["SYS", "PLL", "ADC", "DAC", "PGA", "AFE", "GPIO", "INT", "SPI", "OTP", "TEMP", "LDO"]
    off = 0
    for b in blocks:
        lines.append(f"/* ---- {b} block ---- */")
        for i in range(nregs // len(blocks)):
            rn = f"{chip}_{b}_{rnd.choice(['CTRL', 'CFG', 'STAT', 'TRIM', 'GAIN', 'OFFS', 'MODE', 'THR', 'CNT', 'EN'])}{i}"
            lines.append(f"#define {rn:<32} 0x{off:04X}u")
            for f in range(rnd.randint(1, 4)):
                pos = rnd.randint(0, 12)
                w = rnd.randint(1, 4)
                fnm = f"{rn}_{rnd.choice(['EN', 'SEL', 'DIV', 'RST', 'PD', 'LVL', 'SRC', 'BYP'])}{f}"
                lines.append(f"#define {fnm + '_Pos':<40} {pos}u")
                lines.append(f"#define {fnm + '_Msk':<40} (0x{(1 << w) - 1:X}u << {fnm}_Pos)")
            off += rnd.choice([1, 2, 4])
        lines.append("")
    lines.append(f"#endif /* {chip}_REGS_H */")
    return "\n".join(lines)


def gen_tsan(seed, nreports):
    rnd = random.Random(seed)
    fns = ["Conn::on_readable", "Conn::flush", "Reactor::run_once", "TimerWheel::advance", "Conn::close", "Pool::release", "Pool::acquire",
           "Stats::bump", "Session::on_timeout", "WriteQueue::push", "WriteQueue::drain", "Logger::append"]
    files = ["conn.cc", "reactor.cc", "timer_wheel.cc", "pool.cc", "stats.cc", "session.cc", "write_queue.cc", "logger.cc"]
    out = []
    for r in range(nreports):
        out.append("==================")
        out.append(f"WARNING: ThreadSanitizer: {rnd.choice(['data race', 'data race', 'data race', 'heap-use-after-free'])} (pid={rnd.randint(1000, 60000)})")
        for kind in ["Write", "Previous read"]:
            sz = rnd.choice([1, 4, 8])
            th = rnd.choice(["T1", "T2", "T3", "T4", "M0"])
            out.append(f"  {kind} of size {sz} at 0x7b{rnd.randint(0, 16**10):010x} by thread {th}:")
            for d in range(rnd.randint(3, 7)):
                out.append(f"    #{d} {rnd.choice(fns)} src/net/{rnd.choice(files)}:{rnd.randint(20, 700)} (srv+0x{rnd.randint(0, 16**6):x})")
            out.append("")
        out.append(f"  Location is heap block of size {rnd.choice([64, 192, 4096])} at 0x7b{rnd.randint(0, 16**10):010x} allocated by thread T{rnd.randint(1, 4)}:")
        out.append("    #0 operator new(unsigned long) <null> (libtsan.so.2+0x8d7d1)")
        out.append(f"    #1 Reactor::accept src/net/reactor.cc:{rnd.randint(50, 300)} (srv+0x{rnd.randint(0, 16**6):x})")
        out.append("")
        out.append(f"SUMMARY: ThreadSanitizer: data race src/net/{rnd.choice(files)}:{rnd.randint(20, 700)} in {rnd.choice(fns)}")
    out.append("==================")
    out.append(f"ThreadSanitizer: reported {nreports} warnings")
    return "\n".join(out)


def gen_rtos_log(seed, n, faults=4):
    rnd = random.Random(seed)
    tasks = ["net", "sensor", "ui", "ota", "logger", "modbus", "IDLE", "Tmr Svc"]
    lines = []
    t = 0
    fault_at = sorted(rnd.sample(range(n // 10, n), faults))
    for i in range(n):
        t += rnd.randint(3, 900)
        tk = rnd.choice(tasks)
        m = rnd.random()
        if m < 0.3:
            s = f"I ({t}) {tk}: heap free={rnd.randint(18000, 42000)} min={rnd.randint(9000, 18000)}"
        elif m < 0.5:
            s = f"I ({t}) modbus: rx frame addr={rnd.randint(1, 20)} fc={rnd.choice([3, 4, 6, 16])} len={rnd.randint(8, 250)}"
        elif m < 0.65:
            s = f"D ({t}) sensor: adc ch{rnd.randint(0, 7)}={rnd.randint(0, 4095)} raw, filt={rnd.randint(0, 4095)}"
        elif m < 0.75:
            s = f"W ({t}) net: tcp retransmit seq={rnd.randint(10**6, 10**9)} rto={rnd.choice([200, 400, 800, 1600])}ms"
        elif m < 0.85:
            s = f"I ({t}) ui: redraw {rnd.randint(1, 30)} widgets in {rnd.randint(1, 40)} ms"
        else:
            s = f"I ({t}) ota: chunk {rnd.randint(0, 900)}/{912} crc ok"
        lines.append(s)
        if i in fault_at:
            lines += ["", "***HardFault***", f"R0  = 0x{rnd.randint(0, 2**32-1):08X}  R1  = 0x{rnd.randint(0, 2**32-1):08X}  R2  = 0x{rnd.randint(0, 2**32-1):08X}  R3  = 0x{rnd.randint(0, 2**32-1):08X}",
                      f"R12 = 0x{rnd.randint(0, 2**32-1):08X}  LR  = 0x080{rnd.randint(0, 0xFFFFF):05X}  PC  = 0x080{rnd.randint(0, 0xFFFFF):05X}  xPSR= 0x{rnd.choice([0x21000000, 0x61000000, 0x01000000]):08X}",
                      f"CFSR= 0x{rnd.choice([0x00008200, 0x00000400, 0x00010000, 0x00000082, 0x00020000]):08X}  HFSR= 0x40000000  MMFAR= 0x{rnd.randint(0, 2**32-1):08X}  BFAR= 0x{rnd.randint(0, 2**32-1):08X}",
                      f"task={rnd.choice(tasks)} uptime={t // 1000}s", "rebooting...", "", f"I (0) boot: ESP-less bootloader v2.3, reset reason=HARDFAULT", f"I (12) main: fw 4.7.{rnd.randint(0, 9)} build Mar 11 2024"]
            t = 0
    return "\n".join(lines)


def gen_asan(seed, nframes_noise):
    rnd = random.Random(seed)
    pre = []
    t = 0
    for i in range(nframes_noise):
        t += rnd.randint(1, 50)
        pre.append(f"2024-05-02T14:{(t // 60) % 60:02d}:{t % 60:02d}.{rnd.randint(0, 999):03d} [worker-{rnd.randint(0, 7)}] "
                   + rnd.choice(["INFO  cache: hit ratio 0.9{0}".format(rnd.randint(0, 9)), "DEBUG parser: token stream len={0}".format(rnd.randint(10, 900)),
                                 "INFO  http: GET /v1/objects/{0} 200 {1}ms".format(rnd.randint(1, 99999), rnd.randint(1, 90)),
                                 "WARN  pool: slow acquire {0}ms".format(rnd.randint(10, 300)), "DEBUG lru: evict key={0:x}".format(rnd.randint(0, 2**40))]))
    return "\n".join(pre)


# ================================================================== very long pasted material
_drv = gen_c_driver(11, 170)
R("haiku", "edit", "systems", "non-native", "long-trivial",
  "Adding a license header to a long file is mechanical; length does not matter.",
  "pls add SPDX header `// SPDX-License-Identifier: GPL-2.0-only` and `Copyright (c) 2024 Acme GmbH` on top of this file, nothing else change\n\n```c\n" + _drv + "\n```")

_dm = gen_dmesg(12, 520)
R("haiku", "question", "systems", "terse", "long-trivial",
  "Finding one line in a long log is a lookup, checkable at a glance.",
  "dmesg from test rig below. at which timestamp is the first `USB disconnect`? just the time\n\n" + _dm)

_dm2 = gen_dmesg(22, 460, inserts=[(300, ["watchdog: BUG: soft lockup - CPU#2 stuck for 23s! [kworker/2:1:1187]",
    "Modules linked in: acme_spi(O) cdc_acm brcmfmac brcmutil cfg80211 rfkill",
    "CPU: 2 PID: 1187 Comm: kworker/2:1 Tainted: G           O      6.1.55-acme #1",
    "Hardware name: Acme Gateway Rev B (DT)",
    "Workqueue: events acme_spi_work [acme_spi]",
    "pc : _raw_spin_unlock_irqrestore+0x1c/0x30",
    "lr : acme_spi_transfer_one+0x1a4/0x2f0 [acme_spi]",
    "Call trace:", " _raw_spin_unlock_irqrestore+0x1c/0x30", " acme_spi_transfer_one+0x1a4/0x2f0 [acme_spi]",
    " spi_transfer_one_message+0x1f8/0x5c0", " __spi_pump_transfer_message+0x22c/0x5e0", " __spi_sync+0x2a4/0x3c0", " acme_spi_work+0x60/0xd0 [acme_spi]",
    " process_one_work+0x1f4/0x490", " worker_thread+0x50/0x430", " kthread+0x108/0x10c"]),
    (420, ["rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:", "rcu: \t2-...!: (1 GPs behind) idle=a3c/1/0x4000000000000000 softirq=88201/88202 fqs=1",
           "\t(detected by 0, t=5255 jiffies, g=190589, q=412)", "Task dump for CPU 2:", "task:kworker/2:1     state:R  running task     stack:0     pid:1187  ppid:2      flags:0x0000000a"])])
R("opus", "debug", "systems", "non-native", None,
  "Intermittent lockup across driver, SPI core and IRQ context with no clear lead needs a cross-component theory.",
  "our arm64 gateway freeze every 2-4 days, only with our acme_spi driver loaded. cannot reproduce on desk. here full dmesg until it dies. driver uses spinlock + workqueue + DMA completion irq. what can be the reason, what to instrument next?\n\n" + _dm2)

_rs = gen_rust(13, 120)
R("haiku", "edit", "systems", "terse", "long-trivial",
  "A rename across one pasted file is mechanical however long the file is.",
  "rename `PacketHeader` -> `WireHeader` everywhere in this file. nothing else.\n\n```rust\n" + _rs + "\n```")

_bl = gen_build_log(14, 520, ["/opt/gcc-arm-none-eabi/bin/../lib/gcc/arm-none-eabi/12.2.1/../../../../arm-none-eabi/bin/ld: firmware.elf section `.bss' will not fit in region `RAM'",
    "/opt/gcc-arm-none-eabi/bin/../lib/gcc/arm-none-eabi/12.2.1/../../../../arm-none-eabi/bin/ld: region `RAM' overflowed by 1432 bytes",
    "collect2: error: ld returned 1 exit status", "make[2]: *** [CMakeFiles/firmware.elf.dir/build.make:1987: firmware.elf] Error 1",
    "make[1]: *** [CMakeFiles/Makefile2:83: CMakeFiles/firmware.elf.dir/all] Error 2", "make: *** [Makefile:91: all] Error 2"])
R("haiku", "question", "tooling", "non-native", "long-trivial",
  "Spotting the one real error line among warnings in a long build log is a lookup.",
  "CI is red but i cannot find the real error in all these warnings. which line is the actual error? only tell me the line\n\n" + _bl)

_bl2 = gen_build_log(24, 380, ["/opt/gcc-arm-none-eabi/bin/../lib/gcc/arm-none-eabi/12.2.1/../../../../arm-none-eabi/bin/ld: CMakeFiles/firmware.elf.dir/src/util/log_77.c.obj:(.bss.log_level+0x0): multiple definition of `log_level'; CMakeFiles/firmware.elf.dir/src/app/main_3.c.obj:(.bss.log_level+0x0): first defined here",
    "/opt/gcc-arm-none-eabi/bin/../lib/gcc/arm-none-eabi/12.2.1/../../../../arm-none-eabi/bin/ld: CMakeFiles/firmware.elf.dir/src/net/tcp_12.c.obj:(.bss.log_level+0x0): multiple definition of `log_level'; CMakeFiles/firmware.elf.dir/src/app/main_3.c.obj:(.bss.log_level+0x0): first defined here",
    "collect2: error: ld returned 1 exit status", "make: *** [Makefile:91: all] Error 2",
    "", "--- include/log.h ---", "#pragma once", "#include <stdint.h>", "int log_level;", "void log_write(int lvl, const char *fmt, ...);"])
R("sonnet", "debug", "tooling", "non-native", None,
  "Link error with an identifiable cause (tentative definition in a header after the GCC 10 -fno-common default); fix spans header and sources.",
  "after switching toolchain from gcc 9 to 12 the link fails, before it worked. log and the header at the end. what changed and how to fix properly (not just -fcommon)?\n\n" + _bl2)

_pf = gen_perf(15, 420)
R("opus", "debug", "systems", "non-native", None,
  "Performance regression needing profile analysis across kernel and user space, no known fix.",
  "after upgrade kernel 5.15 -> 6.5 and new build of gateway p99 goes from 38us to 110us. p50 same. perf record -g on prod box during load, report below. I dont see obvious thing. where is time going and what can explain only tail got worse?\n\n" + _pf)

_mp = gen_map(16, 700)
R("haiku", "question", "systems", "terse", "long-trivial",
  "Reading the largest sizes out of a map file is mechanical extraction.",
  "linker map below. list 5 biggest functions in .text with size. flash is full, just want to see who is fat\n\n" + _mp)

_sk = gen_sdkconfig(17, 900)
R("haiku", "question", "systems", "other-language", "long-trivial",
  "Finding one setting in a long config file is a lookup.",
  "这个 sdkconfig 里 CPU 频率配置的是多少？我找不到了\n\n" + _sk, language="zh")

_od = gen_objdump(18, 1400)
R("opus", "debug", "systems", "non-native", None,
  "Explaining a SIMD slowdown from disassembly on a specific microarchitecture needs deep performance analysis.",
  "this is hot loop of our base64 decoder (objdump -d, gcc 13 -O3 -mavx2). AVX2 version is 20% SLOWER than SSE4.1 version on Zen2 EPYC, on Intel Icelake it is 1.6x faster. why? what to look at? full dump of function:\n\n" + _od)

_csv = gen_bench_csv(19, 1300)
R("haiku", "edit", "data", "non-native", "long-trivial",
  "Filtering rows and reformatting as a table is mechanical.",
  "from this csv take only rows allocator=ours and threads=64 and make markdown table, sorted by benchmark name. nothing more\n\n" + _csv)

_rh = gen_reg_header(20, 200)
R("haiku", "edit", "systems", "terse", "long-trivial",
  "Converting #defines to Rust consts one by one is a mechanical transform.",
  "convert to rust: every `#define X 0x..u` -> `pub const X: u32 = 0x..;`, Pos/Msk the same way, keep the block comments. no other changes\n\n```c\n" + _rh + "\n```")

_ts = gen_tsan(21, 45)
R("opus", "review", "systems", "non-native", None,
  "Triaging dozens of data races and redesigning object ownership across reactor threads is concurrency design.",
  "we moved from 1 reactor to N reactors (one per core), connections can migrate between reactors for load balance. now TSan gives this. 45 warnings. which are real problem and which are same root cause? i think the ownership model is broken, propose how connection lifetime should work in multi-reactor\n\n" + _ts)

_rt = gen_rtos_log(22, 1700)
R("opus", "debug", "systems", "non-native", "easy-words-hard",
  "Random hardfaults at different PCs and tasks over days point to memory corruption with no lead; needs a theory across the system.",
  "device in field restart 4 times in 2 days. every time other task, other PC. here is the uart log we captured from one unit. we use FreeRTOS on STM32F4, heap_4, 6 tasks. how to find what is going on?\n\n" + _rt)

_as = gen_asan(23, 700)
_as += r"""
=================================================================
==41377==ERROR: AddressSanitizer: heap-use-after-free on address 0x6080000bf1a0 at pc 0x55d1c2a4e8f1 bp 0x7f0c9b7fd6f0 sp 0x7f0c9b7fd6e0
READ of size 8 at 0x6080000bf1a0 thread T5
    #0 0x55d1c2a4e8f0 in lru_touch src/cache/lru.c:88
    #1 0x55d1c2a4f3b2 in cache_get src/cache/cache.c:142
    #2 0x55d1c2a3a117 in handle_get src/http/handlers.c:61
    #3 0x55d1c2a36d04 in worker_main src/http/worker.c:203
    #4 0x7f0ca0e94ac2 in start_thread nptl/pthread_create.c:442

0x6080000bf1a0 is located 0 bytes inside of 88-byte region [0x6080000bf1a0,0x6080000bf1f8)
freed by thread T5 here:
    #0 0x7f0ca1168517 in __interceptor_free ../../../../src/libsanitizer/asan/asan_malloc_linux.cpp:127
    #1 0x55d1c2a4e2c4 in lru_evict src/cache/lru.c:131
    #2 0x55d1c2a4f390 in cache_get src/cache/cache.c:139
    #3 0x55d1c2a3a117 in handle_get src/http/handlers.c:61

previously allocated by thread T2 here:
    #0 0x7f0ca1168867 in __interceptor_malloc ../../../../src/libsanitizer/asan/asan_malloc_linux.cpp:145
    #1 0x55d1c2a4dd51 in lru_insert src/cache/lru.c:52
    #2 0x55d1c2a4f6a8 in cache_put src/cache/cache.c:171

SUMMARY: AddressSanitizer: heap-use-after-free src/cache/lru.c:88 in lru_touch

--- src/cache/cache.c:130-145 ---
struct entry *cache_get(struct cache *c, const char *key) {
    pthread_mutex_lock(&c->mu);
    struct entry *e = ht_find(c->ht, key);
    if (!e) { pthread_mutex_unlock(&c->mu); return NULL; }
    if (e->expires < now_ms()) {
        ht_remove(c->ht, key);
        lru_evict(c->lru, e);          /* frees e */
    }
    lru_touch(c->lru, e);
    pthread_mutex_unlock(&c->mu);
    return e;
}
"""
R("sonnet", "debug", "systems", "non-native", None,
  "The ASan trace points straight at the cause (use after eviction in the same function); a routine fix.",
  "staging service crashed with asan build. log + asan + the function. how to fix? i want also that the caller does not get expired entry\n\n" + _as)

# ================================================================== haiku: questions, one-liners, small edits
R("haiku", "question", "systems", "terse", None,
  "Well-known short answer about a printf format macro.",
  "portable printf format for uint64_t in C? always forget the macro name")
R("haiku", "question", "tooling", "non-native", None,
  "Single gcc flag combination, checkable at a glance.",
  "gcc: I want -Werror for everything but unused-parameter should stay only warning. which flags exactly? we build with -Wall -Wextra and the HAL callbacks have lot of unused params")
R("haiku", "question", "systems", "non-native", None,
  "Standard C11 feature, short well-known answer.",
  "how i check at compile time that sizeof(struct can_frame_hdr) == 8 in C11? without runtime assert")
R("haiku", "question", "tooling", "typos", None,
  "A single git command (log -L or blame), one step.",
  "git comand to see who changed lines 120-140 of drivers/net/acme_eth.c and in which commits, with the diffs")
R("haiku", "implement", "tooling", "non-native", None,
  "One regex for a fixed log line format.",
  "need regex (python re) for lines like `[   12.345678] usb 1-1: new high-speed USB device number 5 using xhci_hcd`, capture timestamp and device number")
R("haiku", "question", "systems", "terse", "hard-words-easy",
  "Scary-sounding flag but a well-known one-paragraph answer.",
  "what does -fno-strict-aliasing actually do? kernel builds with it, why")
R("haiku", "question", "systems", "non-native", None,
  "Standard library one-liner in Rust.",
  "rust: how convert &[u8] (4 bytes) to u32 little endian, shortest way without unsafe? the slice comes from a bigger buffer so it is not [u8; 4] type")
R("haiku", "question", "systems", "terse", None,
  "Single formatting idiom in Zig.",
  "zig 0.12 print []const u8 as hex string with std.debug.print")
R("haiku", "question", "systems", "non-native", None,
  "A documented default value; short factual answer.",
  "in ESP-IDF what is default stack size of main task and where i change it in menuconfig? after adding mbedtls init in app_main we get stack overflow, so i want to make it bigger")
R("haiku", "explain", "systems", "plain", None,
  "Explaining a one-line, very common macro.",
  "Can you explain this macro and when it silently gives the wrong answer?\n\n#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))")
R("haiku", "question", "systems", "terse", "hard-words-easy",
  "Kernel jargon but a short, well-documented meaning.",
  "what means EPROBE_DEFER in driver probe? is it error?")
R("haiku", "question", "tooling", "verbose", None,
  "One CMake property, well known.",
  "In our CMake project the top-level CMakeLists sets CMAKE_C_STANDARD 99 globally because of some old vendor code, but the new protocol library needs C11 (_Static_assert, anonymous unions). What's the modern way to set the standard just for that one target?")
R("haiku", "docs", "systems", "terse", None,
  "A commit message from a given one-line description.",
  "commit msg for: fix off-by-one in uart rx ring buffer wraparound, head could equal size. kernel style subject line pls")
R("haiku", "question", "tooling", "non-native", None,
  "One objdump invocation.",
  "objdump command to disassemble only one function `crc32_update` with source lines interleaved? binary has debug info")
R("haiku", "question", "tooling", "typos", None,
  "Single gdb command (watchpoint).",
  "how make gdb stop when global var g_state gets changed by someone, dont know who writes it")
R("haiku", "question", "systems", "terse", "hard-words-easy",
  "Memory-ordering vocabulary, but a one-sentence textbook answer.",
  "memory_order_relaxed in one sentence?")
R("haiku", "explain", "systems", "non-native", "hard-words-easy",
  "Reading one disassembled instruction; a well-known meaning.",
  "what does this line mean from objdump, what is the f0 byte?\n\n  4011a3:\tf0 48 0f b1 17       \tlock cmpxchg %rdx,(%rdi)")
R("haiku", "question", "systems", "plain", "hard-words-easy",
  "Textbook concept with a short answer.",
  "Quick one: what is the MESI protocol, in a few sentences? Came up in a talk about false sharing.")
R("haiku", "question", "systems", "non-native", None,
  "A single HAL function name.",
  "stm32 HAL which function to toggle a pin, and is it atomic vs interrupt?")
R("haiku", "question", "systems", "terse", None,
  "Standard one-liner API.",
  "number of online cpus in C on linux, not via /proc parsing")
R("haiku", "question", "tooling", "typos", None,
  "A find one-liner.",
  "find all .c and .h files bigger then 100kb in repo excluding third_party, shell one liner, with sizes printed human readable and sorted")
R("haiku", "question", "systems", "non-native", None,
  "Common signal semantics, short answer.",
  "difference SIGBUS vs SIGSEGV? on ARM (32 bit linux) I get SIGBUS when reading packed struct field from a network buffer, on x86 never")
R("haiku", "question", "tooling", "terse", None,
  "Single readelf/size invocation.",
  "readelf or size: show section sizes of firmware.elf, sorted biggest first")
R("haiku", "explain", "systems", "non-native", "hard-words-easy",
  "Inline-asm syntax that looks scary but is a well-known compiler barrier idiom.",
  "what is this doing: `asm volatile(\"\" ::: \"memory\");` — there is no instruction inside, why it is in our code?")
R("haiku", "question", "systems", "terse", None,
  "Keyword semantics, short textbook answer.",
  "C restrict keyword, what does it promise to compiler")
R("haiku", "question", "systems", "non-native", None,
  "Well-known kernel API difference.",
  "kernel: kmalloc vs vmalloc vs kvmalloc, when use which? short pls")
R("haiku", "question", "systems", "terse", None,
  "Which header defines a macro.",
  "which header has offsetof")
R("haiku", "question", "tooling", "non-native", None,
  "Make variable flavours, a short known answer.",
  "in Makefile what is difference `=` and `:=` and `?=`. my CFLAGS is evaluated strange, it contains $(shell git describe) and it runs git many times")
R("haiku", "question", "systems", "plain", "hard-words-easy",
  "RCU sounds advanced but the ask is a two-sentence summary.",
  "Explain RCU in two sentences, I just need the gist before reading the LWN article.")
R("haiku", "edit", "systems", "non-native", None,
  "Converting a hex dump into a C array is mechanical.",
  "make C `static const uint8_t cert_der[]` from this xxd output:\n\n00000000: 3082 01e2 3082 0188 a003 0201 0202 1400  0...0...........\n00000010: 9c1d 5b3a 7e2f 88c1 4b02 6d11 e0f4 2a9d  ..[:~/..K.m...*.\n00000020: 1b7e 0c55 300a 0608 2a86 48ce 3d04 0302  .~.U0...*.H.=...\n00000030: 3045 310b 3009 0603 5504 0613 0244 4531  0E1.0...U....DE1")
R("haiku", "edit", "general", "terse", None,
  "Translating one comment.",
  "translate to english, keep it short: `// Achtung: Puffer wird hier nicht freigegeben, das macht der Aufrufer`")
R("haiku", "question", "systems", "typos", None,
  "Well-known C++ distinction.",
  "whats the diffrence std::move and std::forward, when i need forward")
R("haiku", "question", "systems", "non-native", None,
  "One-line compiler attribute question.",
  "how to put one function into RAM (ITCM) on STM32H7 with gcc? just the attribute, linker script already has .itcm_text section")
R("haiku", "question", "systems", "terse", None,
  "Well-known syntax.",
  "rust: syntax for a function taking closure that can be called many times and mutates captured state")
R("haiku", "question", "tooling", "non-native", None,
  "Single cargo flag.",
  "cargo: how see the expanded code of my macro_rules macro? some subcommand exist? macro generates register accessors and something is wrong with generated names")
R("haiku", "explain", "general", "plain", None,
  "Classic bit trick, a few words of explanation.",
  "What does `x & (x - 1)` do and why is it used to check power of two?")
R("haiku", "question", "systems", "terse", None,
  "Standard API lookup.",
  "linux: get current thread id in C (not pthread_self), the number that shows in top -H")
R("haiku", "question", "tooling", "non-native", None,
  "One perf command.",
  "perf: how record only one process by pid for 10 seconds with call graphs, and then see flamegraph? command only. brendan gregg FlameGraph repo is already cloned in ~/tools")
R("haiku", "question", "systems", "non-native", "hard-words-easy",
  "Cache-line jargon but the ask is a single well-known constant and attribute.",
  "cache line size on x86 and Apple M1? and how to align struct to it in C++17 portable")
R("haiku", "question", "systems", "terse", None,
  "One well-known macro/API question.",
  "what does container_of do, 1 line")
R("haiku", "question", "tooling", "typos", None,
  "Simple tooling flag.",
  "clang-format: how keep my one-line short functions on one line, which option")
R("haiku", "edit", "tooling", "non-native", None,
  "Small config change, one step.",
  "add to this .clang-tidy also all cert-* checks but disable cert-err33-c:\n\nChecks: '-*,bugprone-*,performance-*,-bugprone-easily-swappable-parameters'\nWarningsAsErrors: ''\nHeaderFilterRegex: 'src/.*'")
R("haiku", "question", "systems", "plain", None,
  "Common error message with a well-known fix.",
  "Linker says `undefined reference to pthread_create` even though I include pthread.h. What am I missing in CMake? This is Ubuntu 20.04 with glibc 2.31, so not the newer glibc where libpthread got merged.")
R("haiku", "explain", "systems", "non-native", None,
  "Explaining a common compiler error message.",
  "what means this: `error: variably modified 'buf' at file scope` ? code is `const int N = 64; static char buf[N];`")
R("haiku", "question", "systems", "terse", "hard-words-easy",
  "Sounds like deep lock-free territory but is a definitional question.",
  "what is the ABA problem, short example")
R("haiku", "question", "systems", "non-native", None,
  "Well-known API naming question.",
  "FreeRTOS: which function I must use for give semaphore from ISR? and what is this pxHigherPriorityTaskWoken, must i call portYIELD_FROM_ISR after or it is optional?")
R("haiku", "question", "tooling", "terse", None,
  "Single git operation.",
  "git: undo last commit but keep changes staged")
R("haiku", "question", "systems", "non-native", None,
  "Short factual question about endianness helpers.",
  "on linux userspace is there htobe64 / be64toh? which header, glibc and musl both? we port code from FreeBSD where it comes from sys/endian.h")
R("haiku", "explain", "systems", "plain", "hard-words-easy",
  "Looks like deep compiler internals but is explaining a common warning.",
  "GCC says `warning: dereferencing type-punned pointer will break strict-aliasing rules`. What is it complaining about in plain terms?")
R("haiku", "question", "tooling", "non-native", None,
  "One valgrind option.",
  "valgrind show me where the leaked memory was allocated, which flag? now it only says 'definitely lost: 4,096 bytes'")
R("haiku", "question", "systems", "typos", None,
  "Short known answer.",
  "why my static inline funtion in header gives 'defined but not used' warning, how to silence nicely")
R("haiku", "edit", "systems", "terse", None,
  "Mechanical edit on a short snippet.",
  "make these 4 functions static, they are only used in this file:\n\nint parse_hdr(const uint8_t *p, size_t n);\nint parse_body(const uint8_t *p, size_t n);\nvoid dump_frame(const struct frame *f);\nuint16_t calc_fcs(const uint8_t *p, size_t n);")
R("haiku", "question", "systems", "non-native", None,
  "A well-known language feature question.",
  "C++20 designated initializers, can i skip fields and change order like in C? compiler gives error `designator order for field 'Cfg::baud' does not match declaration order`. we port C code with lot of such initializers, what is easiest way")
R("haiku", "question", "systems", "plain", None,
  "One kernel config symbol and a short explanation.",
  "Which kernel config option do I need so that /proc/config.gz exists on the target? We build with Yocto and I want to check on the running board which options the vendor BSP actually enabled.")
R("haiku", "question", "tooling", "non-native", None,
  "Single build option in meson.",
  "meson: how i set buildtype=debugoptimized and b_sanitize=address at setup time? one command. and how to change it later on existing build dir without wiping it")
R("haiku", "question", "systems", "terse", "hard-words-easy",
  "Interrupt jargon, textbook definition.",
  "NVIC preemption priority vs subpriority, what is diff")
R("haiku", "explain", "systems", "non-native", None,
  "Explaining three lines of code.",
  "what this 3 line does exactly? from old code\n\n    uint32_t primask = __get_PRIMASK();\n    __disable_irq();\n    /* ... */\n    __set_PRIMASK(primask);")
R("haiku", "question", "systems", "terse", None,
  "One std call.",
  "C++ fastest way to zero a std::vector<uint8_t> of existing size")
R("haiku", "question", "systems", "typos", None,
  "Known flag/attribute, single step.",
  "how to tell gcc dont optimize one function only, rest of file -O2. for debugging, in gdb all variables are <optimized out> in that function and i need to step through it")
R("haiku", "question", "general", "non-native", None,
  "Short conceptual answer.",
  "what is difference between big-endian and network byte order? same thing or not")
R("haiku", "question", "tooling", "plain", None,
  "A single strace invocation.",
  "What strace flags show only file-related syscalls, with timestamps, following forks? Our daemon spawns a helper that can't find its config file and I want to see which paths it tries.")
R("haiku", "question", "systems", "non-native", "hard-words-easy",
  "Scheduler vocabulary, but just a definition.",
  "what means SCHED_FIFO and SCHED_RR, and which one is default for pthread?")
R("haiku", "question", "tooling", "terse", None,
  "Single compiler flag.",
  "gcc flag to show which headers are included, tree form")
R("haiku", "question", "systems", "non-native", None,
  "Well-known Rust concept, short answer.",
  "rust: when I need `Pin`? simple explanation, i dont write async executor, just use tokio. compiler told me to use Box::pin for a future stored in a struct and i just did it")
R("haiku", "edit", "systems", "terse", None,
  "Sorting include lines is mechanical.",
  "sort alphabetically, system headers first then project:\n\n#include \"ring.h\"\n#include <string.h>\n#include \"log.h\"\n#include <stdint.h>\n#include \"board.h\"\n#include <stdbool.h>\n#include \"uart.h\"\n#include <stddef.h>")
R("haiku", "question", "systems", "non-native", None,
  "Short factual question about a keyword.",
  "in C is `volatile` enough for variable shared between ISR and main loop on Cortex-M0 (single core, 32 bit var)? yes/no and why short")
R("haiku", "question", "tooling", "typos", None,
  "A single gdb command.",
  "gdb print array of 16 elements from pointer `uint16_t *samples`")
R("haiku", "question", "systems", "plain", None,
  "Well-known kernel coding convention.",
  "In kernel code, when should I use `pr_err` versus `dev_err`?")
R("haiku", "question", "systems", "terse", "hard-words-easy",
  "Sounds low-level but has a one-line answer.",
  "what is a trampoline in the context of the linker and ARM thumb")
R("haiku", "question", "tooling", "non-native", None,
  "One flag lookup.",
  "arm-none-eabi-gcc: how to get the list of all predefined macros for -mcpu=cortex-m4 -mfpu=fpv4-sp-d16 -mfloat-abi=hard")
R("haiku", "question", "systems", "plain", None,
  "Well-known Linux API question.",
  "Is `clock_gettime(CLOCK_MONOTONIC)` affected by NTP adjustments? What about CLOCK_MONOTONIC_RAW? I want to pick the right one for timeouts in a daemon that runs on boxes with chrony.")
R("haiku", "docs", "systems", "non-native", None,
  "A short doc comment for a small function.",
  "write doxygen comment for this:\n\nint ring_push(struct ring *r, const void *item);  /* returns 0 or -ENOSPC when full, copies item_size bytes */")
R("haiku", "question", "systems", "terse", None,
  "Quick language rule.",
  "is signed overflow UB in C but unsigned wraps? also in C++20?")
R("haiku", "question", "tooling", "non-native", None,
  "Single command.",
  "how i see which shared libs a binary loads and from where, on embedded without ldd (busybox)? want to compare what it loads on the target vs on my PC, versions are different")
R("haiku", "question", "systems", "non-native", None,
  "Short factual about a Zig feature.",
  "zig comptime: can I loop over struct fields and print name + type? which builtin? want to write one generic debug dump for all our config structs instead of one function per struct")
R("haiku", "question", "systems", "typos", "hard-words-easy",
  "Sounds like kernel internals, but a well-known short answer.",
  "what is the vDSO and why my strace dont show clock_gettime calls")
R("haiku", "question", "general", "plain", None,
  "Simple arithmetic/knowledge question.",
  "How many bytes is a 1500 MTU Ethernet frame on the wire including preamble, header, FCS and interframe gap? I'm computing the max packet rate on a 1 Gbit link for a slide and want the numbers right.")
R("haiku", "question", "tooling", "terse", None,
  "Single flag.",
  "rustc flag to emit asm for one crate, intel syntax")
R("haiku", "question", "systems", "non-native", None,
  "Short well-known answer.",
  "STM32: what is difference between HAL_Delay and osDelay when FreeRTOS is running? can i use HAL_Delay in task? the sensor init code from ST example calls HAL_Delay(10) many times")
R("haiku", "explain", "systems", "plain", None,
  "Explaining a common error message.",
  "What does `BUG: sleeping function called from invalid context` mean in general? I just want to understand the message before looking at my code.")
R("haiku", "question", "systems", "terse", None,
  "Syntax lookup.",
  "C11 _Generic example: max() macro for int and double")
R("haiku", "question", "tooling", "non-native", None,
  "One openocd command.",
  "openocd: command to flash .bin to 0x08000000 and reset, stm32f4 with stlink. one line")
R("haiku", "question", "systems", "typos", None,
  "Short known answer.",
  "why sizeof(bool) is 1 and not 1 bit? can i make bitfield of bools in C")
R("haiku", "question", "tooling", "verbose", None,
  "A single GitHub Actions setting.",
  "In GitHub Actions, how do I cancel the previous run when a new commit is pushed to the same PR? Our firmware builds take 20 minutes and people push fixups every few minutes, so the runners are always busy with outdated commits.")
R("haiku", "question", "systems", "non-native", "hard-words-easy",
  "Lock-free vocabulary but a definitional difference.",
  "lock-free vs wait-free vs obstruction-free — definitions short, i always mix them")
R("haiku", "question", "databases", "terse", None,
  "Single-table SELECT.",
  "sqlite: select last 10 rows from crash_reports ordered by ts desc, only fw_version and pc columns")
R("haiku", "question", "systems", "non-native", None,
  "Known short answer about a C++ keyword.",
  "C++ `noexcept` on move constructor, why std::vector cares? short")
R("haiku", "question", "systems", "plain", None,
  "Standard function lookup.",
  "Is there a standard way in C to count set bits, or do I use __builtin_popcount?")
R("haiku", "question", "tooling", "non-native", None,
  "Single setting.",
  "vscode cortex-debug: where i put the svd file so I see peripheral registers?")
R("haiku", "question", "systems", "terse", None,
  "Well-known flag semantics.",
  "O_DIRECT alignment requirements on linux ext4?")

# ================================================================== sonnet: everyday engineering
R("sonnet", "implement", "systems", "non-native", None,
  "A driver feature with a clear spec on a known HAL; several steps but no design.",
  "STM32F4 HAL: implement UART receive with DMA circular + IDLE line interrupt, frames are variable length up to 256 byte. give me the callback code and how to push bytes into my ring buffer. UART2, DMA1 stream5")
R("sonnet", "implement", "systems", "non-native", None,
  "Standard platform driver skeleton from a clear spec.",
  "write linux platform driver skeleton for memory-mapped GPIO block, 32 pins, DT compatible \"acme,gpio-v2\", registers: DIR at 0x00, OUT at 0x04, IN at 0x08. use gpio_chip, devm_ everywhere. no irq for now")
R("sonnet", "test", "systems", "plain", None,
  "Writing tests for existing code.",
  r"""Write Unity (ThrowTheSwitch) tests for this function. Cover empty input, the standard check value for "123456789", and a buffer that is not a multiple of 8.

uint16_t crc16_ccitt(const uint8_t *data, size_t len, uint16_t crc)
{
    for (size_t i = 0; i < len; i++) {
        crc ^= (uint16_t)data[i] << 8;
        for (int b = 0; b < 8; b++)
            crc = (crc & 0x8000) ? (uint16_t)((crc << 1) ^ 0x1021) : (uint16_t)(crc << 1);
    }
    return crc;
}""")
R("sonnet", "ops", "tooling", "non-native", None,
  "Build-system port with several moving parts, routine.",
  r"""port this Makefile to CMake (3.20+), keep same flags. we want to use it with CLion

CC      = arm-none-eabi-gcc
CFLAGS  = -mcpu=cortex-m4 -mthumb -mfpu=fpv4-sp-d16 -mfloat-abi=hard -O2 -g3 -Wall -Wextra -ffunction-sections -fdata-sections
CFLAGS += -DSTM32F407xx -DUSE_HAL_DRIVER -Iinc -Idrivers/CMSIS/Include -Idrivers/STM32F4xx_HAL_Driver/Inc
LDFLAGS = -Tstm32f407.ld -Wl,--gc-sections -Wl,-Map=build/fw.map --specs=nano.specs
SRC     = $(wildcard src/*.c) $(wildcard drivers/STM32F4xx_HAL_Driver/Src/*.c) startup_stm32f407xx.s
OBJ     = $(patsubst %.c,build/%.o,$(filter %.c,$(SRC))) build/startup_stm32f407xx.o

build/fw.elf: $(OBJ)
	$(CC) $(CFLAGS) $^ $(LDFLAGS) -o $@
	arm-none-eabi-objcopy -O binary $@ build/fw.bin
	arm-none-eabi-size $@

build/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

build/startup_stm32f407xx.o: startup_stm32f407xx.s
	$(CC) $(CFLAGS) -c $< -o $@

flash: build/fw.elf
	openocd -f interface/stlink.cfg -f target/stm32f4x.cfg -c "program build/fw.elf verify reset exit"
""")
R("sonnet", "debug", "systems", "non-native", None,
  "The backtrace points at the faulting line; routine debugging.",
  r"""segfault, backtrace below. what is wrong?

Program received signal SIGSEGV, Segmentation fault.
0x0000555555555a3e in cfg_get_int (cfg=0x5555555592a0, key=0x555555556010 "mtu") at config.c:88
88	    return atoi(e->value);
(gdb) bt
#0  0x0000555555555a3e in cfg_get_int (cfg=0x5555555592a0, key=0x555555556010 "mtu") at config.c:88
#1  0x0000555555555c71 in net_init (cfg=0x5555555592a0) at net.c:41
#2  0x00005555555553f2 in main (argc=2, argv=0x7fffffffe3a8) at main.c:27
(gdb) p e
$1 = (struct cfg_entry *) 0x0

config.c:
int cfg_get_int(struct config *cfg, const char *key)
{
    struct cfg_entry *e = cfg_find(cfg, key);
    return atoi(e->value);
}""")
R("sonnet", "ops", "tooling", "non-native", None,
  "CI configuration with a clear list of jobs.",
  "github actions for our rust crate: test on stable + MSRV 1.70, clippy -D warnings, rustfmt check, and cross build (only build, no test) for thumbv7em-none-eabihf with --no-default-features. cache cargo")
R("sonnet", "refactor", "systems", "terse", None,
  "Refactoring a module into a dispatch table; routine.",
  "refactor our 200-line command switch in cli.c into table of {name, min_args, handler, help}. also generate `help` output from the table. keep behavior same")
R("sonnet", "explain", "systems", "non-native", None,
  "Explaining a function of a few dozen lines (a state machine).",
  r"""please explain what this i2c irq state machine is doing step by step, colleague left and no comments. especially the RESTART part

void I2C1_EV_IRQHandler(void)
{
    uint32_t sr1 = I2C1->SR1;
    switch (xfer.state) {
    case ST_START:
        if (sr1 & I2C_SR1_SB) {
            I2C1->DR = xfer.addr << 1;
            xfer.state = ST_ADDR;
        }
        break;
    case ST_ADDR:
        if (sr1 & I2C_SR1_ADDR) {
            (void)I2C1->SR2;
            if (xfer.wlen == 0 && xfer.rlen == 1) I2C1->CR1 &= ~I2C_SR1_ACK_BIT;
            xfer.state = xfer.wlen ? ST_TX : ST_RX;
        }
        break;
    case ST_TX:
        if (sr1 & I2C_SR1_TXE) {
            if (xfer.widx < xfer.wlen) {
                I2C1->DR = xfer.wbuf[xfer.widx++];
            } else if (xfer.rlen) {
                I2C1->CR1 |= I2C_CR1_START;
                xfer.wlen = 0;
                xfer.state = ST_RESTART;
            } else {
                I2C1->CR1 |= I2C_CR1_STOP;
                xfer.state = ST_DONE;
            }
        }
        break;
    case ST_RESTART:
        if (sr1 & I2C_SR1_SB) {
            I2C1->DR = (xfer.addr << 1) | 1;
            xfer.state = ST_ADDR;
        }
        break;
    case ST_RX:
        if (sr1 & I2C_SR1_RXNE) {
            xfer.rbuf[xfer.ridx++] = I2C1->DR;
            if (xfer.ridx == xfer.rlen - 1) {
                I2C1->CR1 &= ~I2C_CR1_ACK;
                I2C1->CR1 |= I2C_CR1_STOP;
            }
            if (xfer.ridx == xfer.rlen) xfer.state = ST_DONE;
        }
        break;
    default:
        break;
    }
}""")
R("sonnet", "review", "systems", "plain", None,
  "A routine review of a small driver diff.",
  r"""Can you review this diff for our SPI driver? Mostly worried about error paths.

--- a/drivers/spi/spi-acme.c
+++ b/drivers/spi/spi-acme.c
@@ -212,14 +212,27 @@ static int acme_spi_probe(struct platform_device *pdev)
 	as->base = devm_platform_ioremap_resource(pdev, 0);
 	if (IS_ERR(as->base))
 		return PTR_ERR(as->base);
 
-	as->clk = devm_clk_get(&pdev->dev, NULL);
-	if (IS_ERR(as->clk))
-		return PTR_ERR(as->clk);
-	clk_prepare_enable(as->clk);
+	as->clk = devm_clk_get(&pdev->dev, "core");
+	if (IS_ERR(as->clk))
+		return dev_err_probe(&pdev->dev, PTR_ERR(as->clk), "no core clk\n");
+	ret = clk_prepare_enable(as->clk);
+	if (ret)
+		return ret;
+
+	as->dma_tx = dma_request_chan(&pdev->dev, "tx");
+	if (IS_ERR(as->dma_tx))
+		as->dma_tx = NULL;
+	as->dma_rx = dma_request_chan(&pdev->dev, "rx");
+	if (IS_ERR(as->dma_rx)) {
+		as->dma_rx = NULL;
+	}
 
 	irq = platform_get_irq(pdev, 0);
-	ret = devm_request_irq(&pdev->dev, irq, acme_spi_irq, 0, dev_name(&pdev->dev), as);
+	if (irq < 0)
+		return irq;
+	ret = devm_request_irq(&pdev->dev, irq, acme_spi_irq, 0, dev_name(&pdev->dev), as);
 	if (ret)
 		return ret;
 
 	return devm_spi_register_controller(&pdev->dev, ctlr);
 }""")
R("sonnet", "implement", "tooling", "non-native", None,
  "Adding an option to an existing CLI with clear behaviour.",
  "our C tool `fwtool` uses getopt_long. add `--json` option: when set, `fwtool info image.bin` prints {\"version\":..,\"size\":..,\"crc\":..} instead of the text table. no json lib, just careful escaping of the version string")
R("sonnet", "implement", "systems", "terse", None,
  "A derive macro with a clear spec.",
  "proc-macro derive `VariantName` for enums: fn variant_name(&self) -> &'static str, support unit/tuple/struct variants, compile_error on structs. syn 2")
R("sonnet", "implement", "general", "non-native", None,
  "A small tokenizer with a clear grammar.",
  "writing toy language in C. need tokenizer: integers (dec + 0x hex), identifiers, + - * / % ( ) , ; == != <= >= < > =, line comments `#`. track line/col for errors. no malloc per token please, tokens point into source")
R("sonnet", "implement", "tooling", "plain", None,
  "A GDB pretty-printer with a clear data layout.",
  "Write a GDB Python pretty-printer for our C container `struct vec_u32 { uint32_t *data; size_t len; size_t cap; }` so that `p v` shows the elements like a std::vector. Also register it automatically via a .gdbinit snippet.")
R("sonnet", "implement", "systems", "non-native", None,
  "Implementing an iterator with an explicit stack; moderate, well-specified.",
  "rust: implement Iterator for my binary tree (Option<Box<Node<T>>>), in-order, without recursion, should yield &T. also IntoIterator for &Tree")
R("sonnet", "implement", "systems", "terse", None,
  "A small allocator with a clear interface.",
  "zig 0.12: FixedBufferAllocator-like bump allocator over []u8 but with reset() and a mark/rewind API, implement std.mem.Allocator interface (alloc/resize/free). alignment must be right")
R("sonnet", "implement", "systems", "non-native", None,
  "Integrating a C library via FFI with callbacks; needs care but is routine.",
  r"""make a safe rust wrapper for this C api. callback gets user_data. i want to pass a closure.

typedef void (*evt_cb)(int evt, const uint8_t *data, size_t len, void *user_data);
int  dev_open(const char *path, struct dev **out);
int  dev_set_callback(struct dev *d, evt_cb cb, void *user_data);
int  dev_start(struct dev *d);   /* callback is called from internal thread */
void dev_close(struct dev *d);   /* after return no more callbacks */""")
R("sonnet", "implement", "systems", "plain", None,
  "Kbuild plumbing for a new in-tree driver; known steps.",
  "I have a new driver drivers/iio/adc/acme-adc.c. Write the Kconfig entry (depends on SPI and OF, selects IIO_BUFFER and IIO_TRIGGERED_BUFFER) and the Makefile line, plus the MAINTAINERS entry.")
R("sonnet", "refactor", "systems", "non-native", None,
  "Refactoring one class to RAII ownership; moderate care.",
  r"""refactor this class to use unique_ptr and no manual delete. keep the API.

class Decoder {
public:
    Decoder() : ctx_(new Ctx), buf_(new uint8_t[kBufSize]) {}
    ~Decoder() { delete ctx_; delete[] buf_; if (tbl_) free(tbl_); }
    bool load_table(const char *path) {
        tbl_ = (Table *)malloc(sizeof(Table));
        if (!read_table(path, tbl_)) { free(tbl_); return false; }
        return true;
    }
    Frame *next() {
        Frame *f = new Frame;
        if (!decode_one(ctx_, buf_, f)) { delete f; return nullptr; }
        return f;   // caller deletes
    }
private:
    Ctx *ctx_;
    uint8_t *buf_;
    Table *tbl_ = nullptr;
};""")
R("sonnet", "implement", "systems", "non-native", None,
  "Parser with a clear frame spec, several cases to handle.",
  "bootloader frame: 0x7E | len(2, LE) | cmd(1) | payload(len) | crc16-ccitt(2, over len+cmd+payload) | 0x7E. write byte-by-byte parser in C (called from uart isr), returns complete frame via callback. handle resync on bad crc. no escaping needed")
R("sonnet", "test", "security", "plain", None,
  "Writing a fuzz harness for an existing parser.",
  "Write a libFuzzer harness for our `int parse_tlv(const uint8_t *buf, size_t len, struct tlv_cb *cb)` function and a CMake target that builds it with -fsanitize=fuzzer,address. Also a small seed corpus generator.")
R("sonnet", "ops", "tooling", "terse", None,
  "Toolchain file for a known cross setup.",
  "cmake toolchain file arm-none-eabi, cortex-m7 fpv5-d16 hard float, newlib-nano, and try_compile must not try to link executable")
R("sonnet", "ops", "infrastructure", "non-native", None,
  "A Yocto recipe with a systemd unit; known steps.",
  "yocto kirkstone: write recipe for our daemon `acmed` (cmake project, in git, tag v1.4.2), install systemd service that starts after network-online, and config file in /etc/acmed.conf that is conffile")
R("sonnet", "implement", "tooling", "non-native", None,
  "A helper script with clear input/output.",
  "python script: takes two gcc .map files (old/new build) and prints per-object-file diff of .text/.data/.bss sizes, sorted by biggest growth. for our CI to comment on PR. object names in the map contain full build paths, strip them to src-relative")
R("sonnet", "implement", "general", "terse", None,
  "Textbook data structure in C; a focused implementation.",
  "LRU cache in C: string keys, void* values, fixed capacity, O(1) get/put with hashtable (open addressing ok) + doubly linked list. single-threaded")
R("sonnet", "implement", "systems", "non-native", None,
  "A small well-specified embedded utility.",
  "need tiny printf for cortex-m0 without newlib: %d %u %x %08x %s %c %%, output via putc callback, no malloc, no float. must be < 1kb flash if possible, the bootloader has 16K total and newlib-nano printf alone eats 5K")
R("sonnet", "implement", "systems", "non-native", None,
  "Well-known single-core ISR/main SPSC pattern; no cross-core ordering involved.",
  "ring buffer between UART ISR (producer) and main loop (consumer) on Cortex-M0, single core, no RTOS. 128 bytes. write it with correct volatile/barriers, I dont want to disable irq in consumer")
R("sonnet", "implement", "systems", "plain", None,
  "Device driver from a datasheet's command list; routine embedded work.",
  "Write an embedded-hal 1.0 driver crate for the SHT31 humidity sensor over I2C: single-shot measurement with clock stretching disabled, CRC-8 check on each word, and conversion to centi-degrees and per-mille humidity. no_std, no float.")
R("sonnet", "implement", "systems", "non-native", None,
  "API integration with a known library.",
  "ESP-IDF 5.1: implement OTA from https url using esp_https_ota, with progress logging every 10%, cert from embedded pem, and mark app valid only after wifi + mqtt connected first time (rollback enabled)")
R("sonnet", "ops", "systems", "non-native", None,
  "Board configuration in Zephyr; known steps.",
  "zephyr 3.5 nrf52840dk: enable second uart (uart1) on P1.01/P1.02 with devicetree overlay + pinctrl, and use it with async api in my app. show overlay, prj.conf and minimal code")
R("sonnet", "debug", "systems", "non-native", None,
  "Stack overflow with an identifiable cause (float printf on small stack).",
  "FreeRTOS stack overflow hook fires for task \"net\" always when it logs first time. task has 1024 words stack. log function uses vsnprintf with %f. before we added float logging all fine. why and what best fix?")
R("sonnet", "test", "systems", "terse", None,
  "Benchmark code with a known library.",
  "google benchmark: compare xxh3, crc32c (sse4.2 intrinsic), and std::hash<std::string_view> over key sizes 8..1024, report bytes/sec")
R("sonnet", "implement", "systems", "verbose", None,
  "A standard epoll server; several steps, no design.",
  "I'm preparing a small example for the new people in our team: a TCP echo server in C with epoll, level triggered, non-blocking sockets, and correct handling of partial writes with a per-connection output buffer. Linux only, ~200 lines is fine, but it should be code I'd accept in review.")
R("sonnet", "implement", "systems", "plain", None,
  "Netlink listening code; routine API usage.",
  "I need a C snippet that subscribes to rtnetlink and prints when any interface goes up or down (RTMGRP_LINK), with interface name. No libnl, raw netlink please.")
R("sonnet", "implement", "general", "non-native", None,
  "Textbook mark-and-sweep GC for a given object layout.",
  r"""my toy interpreter in C leaks everything. add simple mark-and-sweep GC. objects:

typedef enum { OBJ_STR, OBJ_LIST, OBJ_FN } ObjType;
typedef struct Obj { ObjType type; bool marked; struct Obj *next; } Obj;
typedef struct { Obj hdr; size_t len; char chars[]; } ObjStr;
typedef struct { Obj hdr; size_t len, cap; Value *items; } ObjList;
typedef struct { Obj hdr; Chunk chunk; ObjStr *name; } ObjFn;

roots: VM value stack (vm.stack .. vm.sp), globals hashtable, current call frames. trigger when bytes_allocated > next_gc""")
R("sonnet", "implement", "general", "terse", None,
  "A compiler pass over a given AST; clear spec.",
  "constant folding pass for my AST (Binary/Unary/IntLit/Var nodes, C). fold ints, keep div by zero as is so runtime errors stay, handle x*0 only if x has no side effects (calls)")
R("sonnet", "implement", "tooling", "non-native", None,
  "An LLVM pass with a clear goal; routine plugin work.",
  "llvm 17 new pass manager: write plugin pass that counts call sites to malloc/calloc/realloc per function and prints table at end. build with cmake out-of-tree, run with opt -load-pass-plugin")
R("sonnet", "debug", "systems", "non-native", None,
  "Borrow-checker error with clear cause; restructuring a few lines.",
  r"""rust doesnt let me, how to fix without clone?

error[E0502]: cannot borrow `self.conns` as mutable because it is also borrowed as immutable
  --> src/server.rs:58:17
   |
55 |         for (id, c) in self.conns.iter() {
   |                        -----------------
   |                        |
   |                        immutable borrow occurs here
   |                        immutable borrow later used here
...
58 |                 self.conns.remove(id);
   |                 ^^^^^^^^^^^^^^^^^^^^^ mutable borrow occurs here

code:
    fn reap(&mut self, now: Instant) {
        for (id, c) in self.conns.iter() {
            if now - c.last_rx > self.idle_timeout {
                log::info!("closing idle {}", id);
                self.conns.remove(id);
            }
        }
    }""")
R("sonnet", "debug", "systems", "typos", None,
  "Template error wall with an identifiable cause.",
  r"""this template error is killing me, gcc 13, what is the actual problem

In file included from /usr/include/c++/13/map:62,
                 from src/registry.h:4,
                 from src/registry.cc:1:
/usr/include/c++/13/bits/stl_function.h: In instantiation of 'constexpr bool std::less<_Tp>::operator()(const _Tp&, const _Tp&) const [with _Tp = DeviceId]':
/usr/include/c++/13/bits/stl_tree.h:2118:35:   required from 'std::pair<std::_Rb_tree_node_base*, std::_Rb_tree_node_base*> std::_Rb_tree<_Key, _Val, _KeyOfValue, _Compare, _Alloc>::_M_get_insert_unique_pos(const key_type&) [with _Key = DeviceId; ...]'
/usr/include/c++/13/bits/stl_map.h:511:37:   required from 'std::map<_Key, _Tp, _Compare, _Alloc>::mapped_type& std::map<_Key, _Tp, _Compare, _Alloc>::operator[](const key_type&) [with _Key = DeviceId; _Tp = std::unique_ptr<Device>; ...]'
src/registry.cc:22:14:   required from here
/usr/include/c++/13/bits/stl_function.h:408:20: error: no match for 'operator<' (operand types are 'const DeviceId' and 'const DeviceId')
  408 |       { return __x < __y; }

struct DeviceId { uint16_t vendor; uint16_t product; uint32_t serial; bool operator==(const DeviceId&) const = default; };""")
R("sonnet", "ops", "systems", "non-native", None,
  "Udev rule plus systemd unit; small but several pieces.",
  "write udev rule so when our usb device (VID 0483 PID 5740, serial starts with ACME) is plugged, it gets symlink /dev/acme-<serial> and starts systemd service acme-logger@<serial>.service. and the template unit")
R("sonnet", "implement", "tooling", "terse", None,
  "Bisect automation script; routine.",
  "bash script for git bisect run: build fw with cmake, fail if firmware.bin > 491520 bytes, skip commit (125) if build itself fails")
R("sonnet", "review", "systems", "non-native", None,
  "Routine review of a single-threaded memory pool.",
  r"""review pls, fixed block pool for our embedded app, single thread only (no ISR use). anything wrong?

#define POOL_BLOCKS 32
#define BLOCK_SIZE  48
static uint8_t  pool_mem[POOL_BLOCKS][BLOCK_SIZE];
static uint8_t *free_list[POOL_BLOCKS];
static int      free_top = -1;

void pool_init(void) {
    for (int i = 0; i < POOL_BLOCKS; i++) free_list[++free_top] = pool_mem[i];
}
void *pool_alloc(void) {
    if (free_top < 0) return NULL;
    return free_list[free_top--];
}
void pool_free(void *p) {
    free_list[++free_top] = p;
}""")
R("sonnet", "test", "systems", "non-native", None,
  "Property tests for an existing encoder; routine.",
  "proptest for our LEB128 varint encode/decode in rust: roundtrip for all u64, decode rejects >10 bytes, decode of truncated input returns Err not panic. functions are `encode(u64, &mut Vec<u8>)` and `decode(&[u8]) -> Result<(u64, usize), VarintError>`")
R("sonnet", "refactor", "systems", "non-native", None,
  "Moving global state into a context struct across one module.",
  "our modbus.c has 14 static globals (state, buffers, timers). we need 2 instances now (2 uarts). refactor to `struct modbus_ctx` passed to every function. i will paste file after, first tell me the plan + new header")
R("sonnet", "implement", "systems", "terse", None,
  "Known data structure with a clear spec.",
  "hierarchical timing wheel in C: 4 levels x 256 slots, 1ms tick, add/cancel O(1), cascade on level wrap. single thread. we have ~50k timers (tcp retransmit + keepalive) and the sorted list we use now is too slow")
R("sonnet", "explain", "systems", "non-native", None,
  "Explaining a non-trivial kernel function of a few dozen lines.",
  "explain how napi_complete_done + re-enabling irq works in a typical ethernet driver poll function, e.g. in stmmac_napi_poll_rx. why the order matters, i want to write same in my driver")
R("sonnet", "implement", "systems", "verbose", None,
  "Adding DMA to an existing polling driver; routine HAL work.",
  "Our SPI flash driver (W25Q128) on an STM32L4 currently does everything with HAL_SPI_TransmitReceive in polling mode, which blocks the filesystem task for way too long on big reads. Can you add DMA for page reads (256 bytes and up), signalling completion through a FreeRTOS binary semaphore, while keeping polling for the short commands like read-status and write-enable? SPI1 with DMA1 channels 2 and 3.")
R("sonnet", "ops", "tooling", "non-native", None,
  "CI caching configuration; known steps.",
  "gitlab ci: our C++ build takes 25 min. setup ccache with cache between pipelines keyed per branch with fallback to main, show ccache stats at end. docker image already has ccache")
R("sonnet", "debug", "tooling", "non-native", None,
  "Dependency-tree inspection with an identifiable cause.",
  "cargo build --target thumbv7em-none-eabihf fails `can't find crate for std` but my crate is #![no_std]. I have 14 deps. how find which one pulls std, and how usually fix (features?)")
R("sonnet", "implement", "tooling", "plain", None,
  "Scripting a known serial protocol.",
  "Write a Python (pyserial) client for our bootloader: send 0x7F to sync, wait for 0x79 ACK; then commands GET_ID (0x02), ERASE (0x43 + page list), WRITE (0x31, addr, 256-byte chunks, XOR checksum). CLI: flash.py PORT image.bin --addr 0x08004000. Retries on NACK.")
R("sonnet", "implement", "tooling", "non-native", None,
  "A dissector from a known header layout.",
  "wireshark lua dissector for our udp protocol port 47000: magic u16 0xAC01, version u8, type u8 (1=DATA,2=ACK,3=NACK), seq u32 BE, len u16, payload. show type as string, seq in info column")
R("sonnet", "implement", "general", "terse", None,
  "Standard codec with tests.",
  "base64 encode/decode in C99, RFC 4648, decode rejects invalid chars and bad padding, plus tests with RFC vectors")
R("sonnet", "implement", "web", "non-native", None,
  "Adding a metrics endpoint with a known library.",
  "our C++ service (asio) needs /metrics for prometheus: counters for requests, histogram for latency. use prometheus-cpp with pull exposer on :9464. show where to hook in our handler class")
R("sonnet", "refactor", "systems", "plain", None,
  "Library migration in one module; routine.",
  "Migrate our `net/` module from log4cpp to spdlog: replace the category loggers with named spdlog loggers, keep the same log levels and the rotating file sink (10 MB x 5). About 30 call sites.")
R("sonnet", "implement", "systems", "non-native", None,
  "mmap-based record reader; routine systems code.",
  "read big binary file (20GB) of fixed 64-byte records with mmap in C, iterate records, handle file size not multiple of 64 (ignore tail). madvise sequential. linux")
R("sonnet", "implement", "systems", "terse", None,
  "Linker script with a clear memory layout.",
  "linker script STM32G071 (128K flash, 36K ram): bootloader 16K at 0x08000000, app from 0x08004000, last 2K flash for config page, and 256 byte .noinit in RAM shared between boot and app")
R("sonnet", "debug", "systems", "non-native", None,
  "Fault registers and PC point to the cause (null dereference).",
  "hardfault on stm32f4, CFSR=0x00008200 (PRECISERR+BFARVALID), BFAR=0x00000004, PC points in list_remove at `n->prev->next = n->next`. happens when removing last element. what is the bug probably?")
R("sonnet", "implement", "systems", "plain", None,
  "A CLI using known crates with clear output.",
  "Rust CLI with clap and pcap-parser: read a pcap file and print per-flow (5-tuple) packet and byte counts for TCP and UDP over IPv4 and IPv6, sorted by bytes. Ignore everything else.")
R("sonnet", "implement", "systems", "verbose", None,
  "Adding IPv6 to an existing server; known steps.",
  "Our small UDP server in C only binds 0.0.0.0 and a customer now has an IPv6-only network. I'd like it dual stack: one socket via getaddrinfo with IPV6_V6ONLY=0, and client addresses printed properly (plain dotted form for v4-mapped ones). The code uses sockaddr_in in about 15 places, so those need to move to sockaddr_storage.")
R("sonnet", "implement", "systems", "terse", None,
  "Module parameter and sysfs attribute; routine kernel code.",
  "kernel driver: add module param debug_level (0-3, writable at runtime) + sysfs attr `fifo_stats` in device dir, show rx/tx overrun counters. use DEVICE_ATTR_RO")
R("sonnet", "docs", "systems", "non-native", None,
  "A DT binding schema from known properties.",
  "write devicetree binding yaml (dt-schema) for acme,adc-7731: reg, interrupts, clocks (one, name \"mclk\"), vref-supply, optional acme,gain (1,2,4,8), and #io-channel-cells = 1. with example")
R("sonnet", "implement", "systems", "non-native", None,
  "A container with inline storage; careful but standard.",
  "C++17 small_vector<T, N>: inline storage for N elements, spill to heap, push_back/emplace_back/pop_back/operator[]/begin/end, move ctor. T can be non-trivial. no allocator support needed")
R("sonnet", "debug", "systems", "plain", None,
  "Valgrind output points to a clear off-by-one.",
  r"""Valgrind complains, here's the output and the loop. I think it's obvious but I've stared at it for too long.

==21934== Invalid read of size 4
==21934==    at 0x109A3C: moving_avg (filter.c:31)
==21934==    by 0x1092F1: main (main.c:58)
==21934==  Address 0x4a8b0d0 is 0 bytes after a block of size 400 alloc'd
==21934==    at 0x4848899: malloc (in /usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so)
==21934==    by 0x109281: main (main.c:51)

float moving_avg(const int32_t *s, size_t n, size_t win)
{
    int64_t acc = 0;
    for (size_t i = n - win; i <= n; i++)
        acc += s[i];
    return (float)acc / (float)win;
}""")
R("sonnet", "refactor", "systems", "verbose", None,
  "Porting a small module from blocking std::net to tokio; routine.",
  "We have a small Rust TCP client built on std::net: blocking sockets, one thread per connection. It connects, sends length-prefixed frames and reads the replies, about 150 lines in total. We're moving the rest of the app to tokio, so please port this to tokio too, keeping the same public function names but making them async. Timeouts should become tokio::time::timeout.")
R("sonnet", "ops", "tooling", "non-native", None,
  "Cross-compilation container; known steps.",
  "dockerfile for cross compile our C/C++ project for aarch64 (debian bookworm sysroot with libssl-dev, libsystemd-dev for arm64), cmake toolchain file included, so CI just runs `cmake --preset arm64 && cmake --build`")
R("sonnet", "explain", "systems", "non-native", None,
  "Explaining a lifetime-heavy function of moderate size.",
  r"""explain lifetimes here, why it needs 'a and 'b separately and what breaks if i use one lifetime

pub struct Parser<'a> { src: &'a str, pos: usize }

impl<'a> Parser<'a> {
    pub fn next_token<'b>(&'b mut self) -> Option<Token<'a>> {
        let rest = &self.src[self.pos..];
        let start = rest.find(|c: char| !c.is_whitespace())?;
        let rest = &rest[start..];
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        self.pos += start + end;
        Some(Token { text: &rest[..end] })
    }
}

pub struct Token<'a> { pub text: &'a str }""")
R("sonnet", "implement", "tooling", "non-native", None,
  "Decoding a binary format with a given struct spec.",
  "python: decode our binary log file. each record: u32 ts_ms LE, u8 level, u8 module_id, u16 len, then len bytes utf8 msg. module names from modules.json {id: name}. output like `12.345 WARN net: msg`, with --since and --level filters. files can be 500MB so dont read all in memory")
R("sonnet", "test", "tooling", "non-native", None,
  "Adding a flag and tests to an existing tool.",
  "add --dry-run to our rust flashing tool (it uses trait Transport for serial). dry-run should log every command instead of sending. add tests with a mock Transport that records commands")
R("sonnet", "review", "tooling", "plain", None,
  "Routine review of a build-system diff.",
  r"""Review this CMake change please; the goal was to stop leaking our warning flags into consumers of the library.

-add_compile_options(-Wall -Wextra -Werror)
-include_directories(${CMAKE_CURRENT_SOURCE_DIR}/include)
 add_library(acmeproto STATIC src/proto.c src/crc.c src/frame.c)
+target_include_directories(acmeproto
+    PUBLIC  $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include> $<INSTALL_INTERFACE:include>
+    PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
+target_compile_options(acmeproto PRIVATE -Wall -Wextra -Werror)
+target_compile_features(acmeproto PUBLIC c_std_11)
+install(TARGETS acmeproto EXPORT acmeprotoTargets ARCHIVE DESTINATION lib)
+install(DIRECTORY include/ DESTINATION include)""")
R("sonnet", "implement", "systems", "non-native", None,
  "Porting a simple SIMD loop between ISAs; known mapping.",
  r"""port to NEON (aarch64), same result. it finds first byte == needle in 16 byte chunk

static inline int find_byte16(const uint8_t *p, uint8_t needle)
{
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    __m128i m = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)needle));
    int mask = _mm_movemask_epi8(m);
    return mask ? __builtin_ctz(mask) : -1;
}""")
R("sonnet", "implement", "general", "terse", None,
  "Known data structure.",
  "bloom filter C++20, m bits and k from expected n + fp rate, double hashing from one 128-bit hash, serialize to/from bytes")
R("sonnet", "debug", "systems", "non-native", None,
  "Static-analyzer path with an identifiable cause.",
  "clang-analyzer says 'Access to field len results in a dereference of a null pointer (loaded from variable msg)' on path where queue_pop returns NULL on timeout. but we check `if (ret != 0)` before. i paste the func after, first: is analyzer maybe right if queue_pop returns 0 and NULL both on timeout?")
R("sonnet", "implement", "systems", "non-native", None,
  "A shell command with known Zephyr API.",
  "zephyr: add shell command `sensor dump` that reads all 4 channels from our bme680 via sensor API and prints them, with optional arg for count and interval ms")
R("sonnet", "test", "systems", "non-native", None,
  "A measurement harness using known hardware counters.",
  "measure FreeRTOS context switch time on cortex-m7 with DWT->CYCCNT: two tasks ping-pong with task notifications 10000 times, print min/avg/max cycles. how to setup DWT and avoid measuring the print")
R("sonnet", "implement", "databases", "non-native", None,
  "Adding a command to an existing server with a given parser.",
  "my toy redis in rust: RESP parser done, GET/SET work with HashMap<Bytes, Bytes>. implement DEL (multi key, returns count), EXPIRE and TTL with lazy expiration on access + periodic sampling like redis does (20 keys every 100ms)")
R("sonnet", "test", "systems", "terse", None,
  "Unit tests for an existing parser module.",
  "add #[cfg(test)] tests for src/ini.rs parser: sections, comments (; and #), quoted values, duplicate keys (last wins), error on missing ]. use insta snapshots for the error messages")

# ================================================================== opus: hard reasoning, design, concurrency, security
R("opus", "implement", "systems", "terse", "short-hard",
  "A bounded lock-free MPMC queue needs careful memory-ordering reasoning.",
  "bounded lock-free MPMC queue, C11 atomics, no ABA, 64 producers")
R("opus", "debug", "systems", "terse", "short-hard",
  "Torn seqlock reads on a weakly ordered CPU are a memory-ordering problem.",
  "why does my seqlock reader see torn values on aarch64 but never on x86")
R("opus", "implement", "security", "terse", "short-hard",
  "Constant-time code that must survive optimisation is cryptographic engineering.",
  "constant-time memcmp in C that survives -O3 + LTO. how do i verify it stays constant time")
R("opus", "implement", "systems", "terse", "short-hard",
  "Safe memory reclamation for lock-free structures is subtle concurrency work.",
  "hazard pointers in rust, no crates, for my lock-free stack")
R("opus", "design", "systems", "non-native", "short-hard",
  "Choosing a reclamation scheme is a concurrency design trade-off.",
  "epoch based reclamation or hazard pointers for our concurrent skiplist? 48 cores, readers 95%")
R("opus", "implement", "general", "terse", "short-hard",
  "A register allocator with spilling over SSA is hard compiler work.",
  "linear scan register allocation on SSA with spilling and live range splitting, for my toy compiler backend")
R("opus", "implement", "systems", "terse", "short-hard",
  "A correct futex-based mutex is a classic subtle concurrency problem.",
  "futex based mutex from scratch in C, no lost wakeups")
R("opus", "implement", "systems", "terse", "short-hard",
  "SIMD UTF-8 validation is a non-trivial algorithm with performance reasoning.",
  "utf-8 validation AVX2, faster than 4 GB/s")
R("opus", "implement", "security", "terse", "short-hard",
  "Implementing a curve primitive in constant time is cryptography.",
  "x25519 in rust, no deps, constant time")
R("opus", "design", "security", "non-native", "short-hard",
  "Adapting an authenticated key exchange to a custom transport is cryptographic design.",
  "Noise XX handshake over our UART framing, how map it")
R("opus", "implement", "systems", "terse", "short-hard",
  "A Chase-Lev deque with correct fences is subtle lock-free work.",
  "Chase-Lev work stealing deque C++20 with the correct fences (Le et al. paper version)")
R("opus", "question", "systems", "non-native", "short-hard",
  "Formal reasoning about which outcomes the C++ memory model allows.",
  r"""can this print `0 0`? x,y atomic int init 0, all relaxed.

T1: x.store(1, relaxed); r1 = y.load(relaxed);
T2: y.store(1, relaxed); r2 = x.load(relaxed);
print r1 r2

and what minimal change forbid it""")
R("opus", "debug", "systems", "terse", "short-hard",
  "Scalability analysis of reference counting across sockets is performance work.",
  "shared_ptr copies kill us on 2-socket box, why, what instead")
R("opus", "design", "general", "terse", "short-hard",
  "An incremental GC design for an interpreter is open design with subtle invariants.",
  "incremental tri-color GC for my interpreter, write barrier choice?")
R("opus", "implement", "systems", "non-native", "short-hard",
  "SACK in a TCP stack touches retransmission logic with many edge cases.",
  "add SACK to our userspace tcp stack (we have basic retransmit + fast retransmit)")
R("opus", "design", "security", "terse", "short-hard",
  "A secure boot key hierarchy is security design.",
  "secure boot chain stm32h7, which keys where, how revoke")
R("opus", "debug", "systems", "non-native", "short-hard",
  "Real-time latency analysis on PREEMPT_RT needs a theory across kernel subsystems.",
  "PREEMPT_RT 6.6, gpio irq to userspace latency spikes 200us sometimes, why")
R("opus", "implement", "general", "terse", "short-hard",
  "SSA construction with dominance frontiers is a non-trivial compiler algorithm.",
  "SSA construction (Cytron) for my IR: dominators, DF, phi placement, renaming")
R("opus", "design", "systems", "non-native", "short-hard",
  "Exactly-once delivery across device reboots is a distributed-systems problem.",
  "exactly once over mqtt qos1 with device reboots, how")
R("opus", "implement", "general", "terse", "short-hard",
  "Inline caching needs design of shape/hidden-class invalidation.",
  "inline caches for property access in my js-like interpreter, polymorphic up to 4")
R("opus", "implement", "systems", "terse", "short-hard",
  "A per-CPU slab allocator is allocator design with concurrency.",
  "slab allocator with per-cpu magazines, for our kernel-like os")
R("opus", "question", "systems", "non-native", "short-hard",
  "Proving a synchronisation algorithm correct on a real memory model is formal reasoning.",
  "Peterson lock correct on x86 with only compiler barrier? prove or give counterexample")

# ---- easy words, hard work
R("opus", "debug", "systems", "plain", "easy-words-hard",
  "Duplicated and missing readings with no lead point to an ordering or retry problem across components.",
  "Our sensors upload readings every night. Some devices send the same reading twice and then skip the next one. Not all devices, not every night. Where do we even start?")
R("opus", "debug", "systems", "non-native", "easy-words-hard",
  "Cross-machine performance difference with the same binary needs microarchitectural analysis.",
  "same binary is 2x slower on new AMD server than on old intel one. newer cpu, more cores. what can it be")
R("opus", "debug", "systems", "non-native", "easy-words-hard",
  "A field reset with an electrical trigger and no logs needs a theory across hardware and firmware.",
  "board works fine on desk but in the car it resets sometimes when engine starts. not always. what to check")
R("opus", "debug", "systems", "plain", "easy-words-hard",
  "Memory growth without leaks suggests fragmentation or caching; needs analysis.",
  "Our service uses more and more memory over a week until it gets killed, but valgrind and ASan both say no leaks. What is going on?")
R("opus", "debug", "systems", "typos", "easy-words-hard",
  "Release-only crashes with no lead usually mean undefined behaviour somewhere; a hunt across the codebase.",
  "app only crashes in release build, debug build is fine. crash is in diffrent places. how do i find it")
R("opus", "debug", "systems", "non-native", "easy-words-hard",
  "A heisenbug that disappears when instrumented needs a theory (timing, UB, memory corruption).",
  "when i add one printf the bug goes away. remove printf, bug is back. embedded C, gcc -Os")
R("opus", "design", "security", "plain", "easy-words-hard",
  "Plain words, but it is a secure firmware-update and code-signing design.",
  "We want customers to be able to update the firmware themselves, but nobody should be able to put their own firmware on the device. How should we set this up?")
R("opus", "design", "systems", "non-native", "easy-words-hard",
  "Splitting a firmware into modules for two teams is architecture with trade-offs.",
  "our firmware is one big thing, 180k lines. two teams now. how to split so they dont break each other all the time")
R("opus", "debug", "systems", "non-native", "easy-words-hard",
  "Intermittent corruption after low-power wakeup needs clock and peripheral timing analysis with no lead.",
  "sometimes first byte received on uart after wakeup from stop mode is wrong. only sometimes. stm32l4")
R("opus", "debug", "systems", "plain", "easy-words-hard",
  "Total unresponsiveness under slow network suggests backpressure or head-of-line blocking; needs a theory.",
  "When the network gets slow, our gateway doesn't just get slower, it stops answering everything. Why would that happen?")
R("opus", "debug", "tooling", "non-native", "easy-words-hard",
  "Order-dependent failures in parallel tests imply hidden shared state or races.",
  "tests pass when run alone but fail when run together with -j8, every time other test fails. C++ with gtest")
R("opus", "design", "systems", "plain", "easy-words-hard",
  "Replacing a global lock is a concurrency redesign with trade-offs.",
  "We have one big lock around everything in our server and it's slow now. How do we move to something faster without breaking it?")
R("opus", "debug", "systems", "non-native", "easy-words-hard",
  "Losing settings on power loss is flash-write atomicity and power-fail design.",
  "customers say device sometimes forgets settings after power goes off. we save settings to flash when user changes them")
R("opus", "debug", "systems", "non-native", "easy-words-hard",
  "Reordering with two workers is a concurrency ordering problem.",
  "messages sometimes come out in wrong order since we use 2 worker threads instead of 1. we need order per customer only")
R("opus", "debug", "systems", "plain", "easy-words-hard",
  "Cross-architecture numeric differences need floating-point and compiler analysis.",
  "Same input file gives slightly different output numbers on ARM and on x86. Same code, same compiler version. Is that normal, and how do we make them match?")
R("opus", "debug", "systems", "non-native", "easy-words-hard",
  "A slowdown from a bigger buffer points to cache/TLB effects; needs performance analysis.",
  "we made the buffer bigger (4MB -> 64MB) and everything got slower, not faster. why?")
R("opus", "debug", "systems", "non-native", "easy-words-hard",
  "A counter that comes up short under load is a race with no lead.",
  "our counter is sometimes a bit less than it should be at end of day. we use atomic for it, i checked")
R("opus", "debug", "systems", "plain", "easy-words-hard",
  "Post-restart slowness needs a theory across caches, allocation and connection pools.",
  "After every deploy our service is really slow for about a minute, then fine. It's C++, no JIT. What could cause that and how do we prove it?")
R("opus", "debug", "systems", "non-native", "easy-words-hard",
  "An unresponsive unload path usually hides a refcount or wait-queue bug; no lead.",
  "sometimes rmmod of our module hangs forever. not always. need reboot then")
R("opus", "debug", "systems", "typos", "easy-words-hard",
  "A rare dropped event with no lead is a concurrency/interrupt problem.",
  "one button press out of maybe 1000 gets lost. its an interrupt on gpio + freertos queue. no idea")
R("opus", "design", "systems", "plain", "easy-words-hard",
  "A cache design with invalidation across processes is a consistency problem.",
  "We want several processes on the same machine to share a cache of parsed config so we don't parse it 20 times. Configs change a few times a day. How would you build it?")

# ---- reviews and design with context
R("opus", "review", "systems", "non-native", None,
  "Reviewing memory ordering of a lock-free queue is a concurrency review.",
  r"""review memory ordering pls. SPSC queue, producer on core0, consumer on core1 (arm64)

template <typename T, size_t N>
class Spsc {
    T buf_[N];
    std::atomic<size_t> head_{0};  // written by consumer
    std::atomic<size_t> tail_{0};  // written by producer
public:
    bool push(const T &v) {
        size_t t = tail_.load(std::memory_order_relaxed);
        if (t - head_.load(std::memory_order_relaxed) == N) return false;
        buf_[t % N] = v;
        tail_.store(t + 1, std::memory_order_relaxed);
        return true;
    }
    bool pop(T &out) {
        size_t h = head_.load(std::memory_order_relaxed);
        if (tail_.load(std::memory_order_acquire) == h) return false;
        out = buf_[h % N];
        head_.store(h + 1, std::memory_order_release);
        return true;
    }
};""")
R("opus", "review", "systems", "plain", None,
  "Double-checked locking correctness is a memory-model review.",
  r"""Is this double-checked init correct in C11? It's used from many threads on ARM and x86.

static struct table *g_tbl;
static pthread_mutex_t g_mu = PTHREAD_MUTEX_INITIALIZER;

struct table *get_table(void)
{
    if (g_tbl)
        return g_tbl;
    pthread_mutex_lock(&g_mu);
    if (!g_tbl) {
        struct table *t = malloc(sizeof *t);
        table_build(t);
        g_tbl = t;
    }
    pthread_mutex_unlock(&g_mu);
    return g_tbl;
}""")
R("opus", "review", "security", "non-native", None,
  "Reviewing image verification in a bootloader is security-critical.",
  r"""security review of our bootloader image check pls. image = header + payload, signature ed25519 over header+payload.

struct img_hdr { uint32_t magic; uint32_t version; uint32_t size; uint32_t load_addr; uint8_t sig[64]; };

int boot_verify(const uint8_t *flash)
{
    const struct img_hdr *h = (const void *)flash;
    if (h->magic != IMG_MAGIC) return -1;
    if (h->version < otp_min_version()) return -2;
    uint8_t tmp[sizeof(struct img_hdr)];
    memcpy(tmp, h, sizeof tmp);
    memset(tmp + offsetof(struct img_hdr, sig), 0, 64);
    sha512_ctx c; sha512_init(&c);
    sha512_update(&c, tmp, sizeof tmp);
    sha512_update(&c, flash + sizeof *h, h->size);
    uint8_t dig[64]; sha512_final(&c, dig);
    if (!ed25519_verify_prehashed(h->sig, dig, pubkey)) return -3;
    memcpy((void *)h->load_addr, flash + sizeof *h, h->size);
    return 0;
}""")
R("opus", "design", "security", "non-native", None,
  "A threat model for a fleet OTA pipeline is security design.",
  "we have 30k ESP32-S3 devices in field, OTA over https from our server, app signed with secure boot v2, flash encryption on. make threat model: what attacker can do on network, with physical access, if our build server is compromised. what is missing")
R("opus", "design", "systems", "verbose", None,
  "Allocator architecture for a game engine involves trade-offs across threads, lifetimes and fragmentation.",
  "We're rewriting the memory management of our game engine (C++, 8-16 worker threads, job system). Right now everything goes through malloc and we see contention and fragmentation after long sessions. I'm thinking per-frame linear arenas, thread-local caches for small objects, and a separate path for big assets from the OS. Can you propose an architecture, what the interfaces should look like, and where the traps are (cross-thread frees, lifetimes across frames, debugging tools)?")
R("opus", "plan", "tooling", "non-native", None,
  "A build-system migration across a large codebase with multiple targets is a multi-step plan.",
  "plan migration of our 400k LOC C codebase from handwritten make (recursive, 90 makefiles) to meson. 3 targets: x86 linux, arm64 linux, cortex-m4 bare metal. must keep releasing every 2 weeks during migration. steps, risks, how to verify binaries identical")
R("opus", "design", "general", "non-native", None,
  "Choosing a register allocation strategy is a compiler design trade-off.",
  "my compiler has SSA IR, targets x86-64 and riscv64. linear scan or graph coloring (or SSA-based like in libfirm)? compile speed matters, code quality second. justify, and how to handle calling convention constraints")
R("opus", "design", "systems", "plain", None,
  "Designing a stable plugin ABI is architecture with long-term trade-offs.",
  "We want third parties to write plugins for our C++ app as shared libraries, built with whatever compiler they want (MSVC, GCC, Clang). How should we design the plugin ABI so it stays stable for years?")
R("opus", "design", "systems", "non-native", None,
  "Choosing an RTOS for a product is a decision with many trade-offs.",
  "new product: nrf5340 + ble + lte-m modem + 10 years support. Zephyr or FreeRTOS (+ vendor sdk)? team knows freertos. give decision with reasons not just list")
R("opus", "design", "systems", "non-native", None,
  "Zero-copy buffer management for a network stack is performance and ownership design.",
  "design packet buffer management for our userspace stack: zero copy from NIC rx ring to app, app can hold buffers long time, multi-core (run-to-completion per core). how avoid ring starvation when app holds buffers")
R("opus", "design", "systems", "non-native", None,
  "Inter-core IPC over shared memory on a heterogeneous MCU involves cache coherence and ordering.",
  "stm32h747: M7 runs linux-less app with cache, M4 does motor control. need IPC over shared SRAM both directions, ~10k msgs/s, M7 has D-cache on. design it: where to put buffers, MPU settings, notifications with HSEM")
R("opus", "design", "systems", "non-native", None,
  "A power-fail-safe flash log with wear levelling is storage design with subtle invariants.",
  "need log-structured key-value store on NOR flash (4KB sectors, 100k cycles), must survive power cut at any moment, ~200 keys, updated every few seconds. like NVS but ours. design it")
R("opus", "debug", "systems", "non-native", None,
  "Lockdep cycle involving three locks and IRQ context needs concurrency reasoning to resolve.",
  r"""lockdep gives this on our driver. I understand it is a cycle but how to fix without huge rewrite?

======================================================
WARNING: possible circular locking dependency detected
6.1.55-acme #1 Tainted: G           O
------------------------------------------------------
kworker/1:2/412 is trying to acquire lock:
ffff0000c2a4e0b8 (&priv->cfg_lock){+.+.}-{3:3}, at: acme_apply_cfg+0x3c/0x1a0 [acme]

but task is already holding lock:
ffff0000c2a4e050 (&priv->fifo_mutex){+.+.}-{3:3}, at: acme_rx_work+0x44/0x210 [acme]

which lock already depends on the new lock.

the existing dependency chain (in reverse order) is:

-> #2 (&priv->fifo_mutex){+.+.}-{3:3}:
       __mutex_lock+0x9c/0x8f0
       acme_rx_work+0x44/0x210 [acme]
-> #1 (&dev->mutex){+.+.}-{3:3}:
       __mutex_lock+0x9c/0x8f0
       acme_sysfs_store_mode+0x30/0xc0 [acme]
-> #0 (&priv->cfg_lock){+.+.}-{3:3}:
       acme_apply_cfg+0x3c/0x1a0 [acme]
       acme_rx_work+0x120/0x210 [acme]

 Possible unsafe locking scenario:
       CPU0                    CPU1
       ----                    ----
  lock(&priv->fifo_mutex);
                               lock(&dev->mutex);
                               lock(&priv->fifo_mutex);
  lock(&priv->cfg_lock);
""")
R("opus", "debug", "systems", "non-native", None,
  "False sharing analysis from perf c2c output is performance work needing cache reasoning.",
  r"""perf c2c shows this as top HITM line. struct below. 32 threads update stats. how to fix layout, and is it really the reason for our scaling stop at 8 threads?

  =================================================
            Shared Data Cache Line Table
  =================================================
  #   Cacheline   Rmt Hitm  Lcl Hitm  Total records  Offset  Code address  Symbol
  0   0x7f1c4a00    1482      9921        48211      0x0     0x4c1a2f      stats_bump
                                                     0x8     0x4c1a4d      stats_bump
                                                     0x30    0x4d0e11      conn_poll

struct worker {
    uint64_t rx_pkts;      /* written by worker i */
    uint64_t tx_pkts;
    uint64_t drops;
    uint32_t state;
    uint32_t flags;
    struct conn *conns;
    size_t nconns;          /* read by balancer thread every 1ms */
};
static struct worker workers[32];""")
R("opus", "review", "systems", "non-native", None,
  "Soundness review of unsafe Rust is subtle; a mistake is UB.",
  r"""is this sound? we implement small vec ourselves for no_std.

pub struct ArrayVec<T, const N: usize> { len: usize, data: [MaybeUninit<T>; N] }

impl<T, const N: usize> ArrayVec<T, N> {
    pub fn push(&mut self, v: T) -> Result<(), T> {
        if self.len == N { return Err(v); }
        self.data[self.len].write(v);
        self.len += 1;
        Ok(())
    }
    pub fn as_slice(&self) -> &[T] {
        unsafe { core::slice::from_raw_parts(self.data.as_ptr() as *const T, self.len) }
    }
    pub fn truncate(&mut self, n: usize) {
        while self.len > n {
            self.len -= 1;
            unsafe { self.data[self.len].assume_init_drop(); }
        }
    }
}
impl<T, const N: usize> Drop for ArrayVec<T, N> {
    fn drop(&mut self) { self.truncate(0) }
}
impl<T: Clone, const N: usize> Clone for ArrayVec<T, N> {
    fn clone(&self) -> Self {
        let mut out = Self { len: 0, data: unsafe { MaybeUninit::uninit().assume_init() } };
        for x in self.as_slice() { let _ = out.push(x.clone()); }
        out
    }
}""")
R("opus", "review", "systems", "plain", None,
  "Send/Sync impls on an FFI wrapper are a thread-safety soundness review.",
  "Our Rust wrapper around a C library does `unsafe impl Send for Handle {}` and `unsafe impl Sync for Handle {}`. The C docs say the handle is 'not thread safe, but may be used from different threads if access is serialized'. Is Sync wrong here? What about callbacks that C fires on its own thread?")
R("opus", "review", "security", "non-native", None,
  "Checking an ioctl path for speculative-execution gadgets is a security review.",
  r"""security team asks if this ioctl has spectre v1 issue. what do you think and fix?

static long acme_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct acme_dev *d = f->private_data;
	struct acme_reg_req req;

	if (copy_from_user(&req, (void __user *)arg, sizeof(req)))
		return -EFAULT;
	if (req.idx >= ACME_NUM_REGS)
		return -EINVAL;
	req.val = d->shadow[req.idx];
	return copy_to_user((void __user *)arg, &req, sizeof(req)) ? -EFAULT : 0;
}""")
R("opus", "review", "security", "plain", None,
  "Integer-overflow review of a parser that handles untrusted input is security work.",
  r"""This TLV parser handles packets from the network. Can you check it for integer overflows or out-of-bounds reads?

int parse_tlvs(const uint8_t *p, size_t len, tlv_cb cb, void *ctx)
{
    size_t off = 0;
    while (off + 3 <= len) {
        uint8_t  type = p[off];
        uint16_t l    = (uint16_t)(p[off + 1] << 8 | p[off + 2]);
        if (off + 3 + l > len)
            return -1;
        if (type == T_NESTED) {
            int r = parse_tlvs(p + off + 3, l, cb, ctx);
            if (r) return r;
        } else {
            cb(ctx, type, p + off + 3, l);
        }
        off += 3 + l;
    }
    return off == len ? 0 : -1;
}""")
R("opus", "design", "general", "non-native", None,
  "Tiered execution for an interpreter is open design with trade-offs.",
  "our bytecode VM (register based, C) is 3x slower than lua 5.4. we think about baseline JIT for x86-64 + arm64. or first superinstructions + NaN boxing? what order, what gives most for effort, with reasoning")
R("opus", "design", "systems", "non-native", None,
  "Congestion-control tuning for a high-latency link needs protocol analysis.",
  "satellite link 600ms RTT, 20 Mbit, 1-2% random loss. our TCP bulk transfer gets 2 Mbit. cubic, bbr? or own protocol over udp? explain what limits it and decide")
R("opus", "review", "systems", "non-native", None,
  "Finding the flaw in a lock-free stack is concurrency reasoning.",
  r"""lock free stack, works in tests but crashes in prod every few days. whats wrong?

struct node { struct node *next; void *val; };
_Atomic(struct node *) top;

void push(struct node *n) {
    struct node *old = atomic_load(&top);
    do { n->next = old; } while (!atomic_compare_exchange_weak(&top, &old, n));
}
struct node *pop(void) {
    struct node *old = atomic_load(&top);
    while (old && !atomic_compare_exchange_weak(&top, &old, old->next)) {}
    return old;
}
// nodes are free()d by consumer after use, and push() allocates new with malloc""")
R("opus", "design", "systems", "non-native", None,
  "A data layout for an entity system in Zig is performance-driven design.",
  "zig: design ECS storage with comptime component lists, archetype tables (SoA), fast iteration over queries, and adding/removing components without invalidating iterators in the middle of a system run. what are options")
R("opus", "debug", "systems", "verbose", None,
  "Intermittent data corruption with DMA and caches needs a cross-component theory.",
  "We're on an STM32F7 with D-cache enabled. ADC samples come in via DMA into a double buffer, and we process the half that's not being written. Maybe once every few minutes one block of samples looks like it's from the previous round — old values, not garbage. We do call SCB_InvalidateDCache_by_Addr in the half-transfer and complete callbacks. Buffers are 32-byte aligned. What could still be wrong?")
R("opus", "debug", "systems", "non-native", None,
  "A perf cliff depending on data size needs cache/TLB/prefetcher analysis.",
  "our hash join: 40 M rows/s when table is 8MB, 6 M rows/s when 64MB. cliff, not gradual. skylake-sp 2 socket. huge pages dont help much. what is happening and what to try (partitioning? prefetch?)")
R("opus", "design", "databases", "non-native", None,
  "Crash-consistent storage layout with fsync ordering is a correctness-critical design.",
  "our embedded linux device writes a small database of events (append mostly, some updates). we do write() + rename(). after power loss sometimes file is 0 bytes. ext4 data=ordered. how to design the write path correct, and is sqlite with WAL better option?")
R("opus", "design", "systems", "plain", None,
  "Userspace RCU-style config reload is a concurrency design problem.",
  "We reload a big routing table every few seconds while 32 threads read it millions of times per second. Readers must never block. How would you do the swap and when is it safe to free the old table? C++20.")
R("opus", "debug", "systems", "non-native", None,
  "Deadlock between an ISR-signalled semaphore and a mutex with priority inheritance needs RTOS scheduling analysis.",
  "freertos: system freeze, all tasks blocked. high prio task waits on mutex held by low prio, low prio waits on queue that ISR fills but ISR is masked because configMAX_SYSCALL_INTERRUPT_PRIORITY. not sure this is real scenario. how do i prove where it hangs and fix design")
R("opus", "design", "systems", "non-native", None,
  "A multi-core logging path with bounded latency is lock-free design.",
  "need logger for our trading app: hot threads must never block or syscall, < 50ns per log call, binary format, separate thread writes to disk. design it (per thread SPSC? one MPSC?), and what if disk is slow")
R("opus", "plan", "systems", "non-native", None,
  "Migrating a large codebase from C to C++ incrementally is a large multi-step plan.",
  "we want to move our 250k line C firmware to C++17 step by step (not rewrite). what plan, what rules for mixed code, exceptions/rtti off, how to keep binary size, which parts first")
R("opus", "plan", "systems", "plain", None,
  "Introducing Rust into an existing kernel driver tree is a large multi-step plan with risk.",
  "We have about 20 out-of-tree Linux drivers in C. Management wants new drivers in Rust from next year. What would a realistic plan look like, kernel versions, abstractions we'd need to write ourselves, CI, and what to avoid?")
R("opus", "debug", "systems", "non-native", None,
  "Intermittent stale data between CPU and device is DMA coherency analysis on a non-coherent platform.",
  "our pcie fpga card on arm64 (non coherent dma): sometimes driver reads descriptor status 'done' but the data buffer still old. we use dma_alloc_coherent for descriptors and dma_map_single for data. x86 never. why")
R("opus", "implement", "security", "non-native", None,
  "Authenticated encryption for firmware images is cryptography with subtle requirements.",
  "bootloader must decrypt + verify firmware images, chacha20-poly1305 with key in OTP. image is 900KB but RAM 128KB, so we must stream. how do we do it without using unverified plaintext? write the flow and code skeleton")
R("opus", "design", "security", "non-native", None,
  "Key provisioning in manufacturing is security design.",
  "how we should provision unique device keys at factory for our STM32U5 devices (TrustZone, no secure element), untrusted contract manufacturer. what goes where, how the server trusts devices later")
R("opus", "debug", "systems", "verbose", None,
  "A TCP stall involving window and ACK behaviour across hosts needs protocol-level analysis.",
  "Our device runs lwIP 2.1 on an STM32F7 and uploads measurement files to a server over TCP. For the first five minutes throughput is fine, then it starts stalling for about 200 ms every few packets. In Wireshark we sometimes see a zero window advertised by the device, and duplicate ACKs from the server. PBUF_POOL_SIZE is 16 and TCP_WND is 4*MSS. I can't put together the chain of events that leads from 'fine' to 'stalling'. What is going on?")
R("opus", "review", "systems", "non-native", None,
  "Reviewing reference-counting under concurrency for use-after-free risks.",
  r"""review refcount, i think it has race with lookup

struct obj *obj_get(struct table *t, int id)
{
    struct obj *o;
    rcu_read_lock();
    o = idr_find(&t->idr, id);
    if (o)
        atomic_inc(&o->ref);
    rcu_read_unlock();
    return o;
}

void obj_put(struct table *t, struct obj *o)
{
    if (atomic_dec_and_test(&o->ref)) {
        spin_lock(&t->lock);
        idr_remove(&t->idr, o->id);
        spin_unlock(&t->lock);
        kfree_rcu(o, rcu);
    }
}""")
R("opus", "design", "systems", "plain", None,
  "Designing a deterministic replay facility for a multithreaded simulator involves scheduling and ordering design.",
  "Our multithreaded simulation gives different results run to run and it makes bugs impossible to chase. What are the options to make it deterministic or at least replayable, and what would each cost us in speed?")
R("opus", "debug", "systems", "verbose", None,
  "Scaling collapse of an allocator needs analysis of contention and memory behaviour.",
  "We run a request-processing service (C++17) on a 64-core box. With glibc malloc it scales fine up to 16 threads; at 64 threads throughput drops by about 40% and RSS roughly doubles. Switching to jemalloc helps but it's still far from linear. I'd like a method to separate what is the allocator's fault from what is our own code (shared state, false sharing, whatever), and then what to change.")
R("opus", "implement", "systems", "non-native", None,
  "A vectorized parsing kernel requires algorithm design around SIMD constraints.",
  "parse CSV of integers (comma sep, newline rows) with AVX2, need >1.5 GB/s. find separators with SIMD ok, but how to convert digits to ints fast without scalar loop per char")
R("opus", "design", "infrastructure", "non-native", None,
  "Fleet-wide rollout with staged canaries and rollback is distributed-systems design.",
  "OTA rollout for 200k devices on cellular. want staged rollout, automatic stop when crash rate up, device-side rollback, and not kill our server when all download. design whole thing device + backend")
R("opus", "debug", "systems", "non-native", None,
  "A rare soft-lockup with no clear lead needs cross-subsystem theory.",
  "on our imx8 board with 6.1 kernel, ethernet stops after 1-3 days, link still up, ifconfig down/up fixes. no error in dmesg. driver fec. where to start")
R("opus", "review", "systems", "plain", None,
  "Checking whether a C++ lock-free hash map publish path is correct is a memory-ordering review.",
  "Our open-addressing hash map lets readers run without locks while a single writer inserts. Writer fills key and value, then sets the slot state to FULL with a release store; readers load state with acquire and then read key and value. Deletes just set state to TOMBSTONE. Values are 16-byte structs. Anything wrong with this scheme?")
R("opus", "debug", "systems", "non-native", None,
  "Corruption that only appears with LTO suggests UB or ABI mismatch across units; no lead.",
  "after enabling -flto on our firmware one sensor reading is garbage sometimes. without lto fine. gcc 12. where to look, how to bisect which function")
R("opus", "design", "systems", "verbose", None,
  "A memory allocator for a constrained RTOS with deterministic timing is allocator design.",
  "We need a general-purpose allocator for our in-house RTOS. Requirements: O(1) alloc and free, low fragmentation over months of uptime, a 256 KB heap, request sizes between 16 B and 8 KB, and it has to be callable from interrupt handlers too. Is TLSF the right choice or something else? Please justify the choice and list what we must be careful about, especially the ISR part.")
R("opus", "implement", "systems", "non-native", None,
  "A lock-free MPSC intrusive queue requires careful ordering reasoning.",
  "intrusive MPSC queue (Vyukov style) in C11 for our actor runtime, with proper memory orders and explain the 'inconsistent state' case")

# ================================================================== other languages (de, ru, zh)
# --- Deutsch
R("haiku", "question", "systems", "other-language", None,
  "Short well-known language question; the language changes nothing.",
  "Was ist der Unterschied zwischen `static inline` und einfach `inline` in C99? Bekomme Linkerfehler mit nur `inline`.", language="de")
R("sonnet", "implement", "systems", "other-language", None,
  "A sensor driver from datasheet formulas; clear spec, several steps.",
  "Schreib mir einen Treiber für den BME280 über I2C auf STM32 mit HAL, nur Temperatur und Druck, inkl. der Kompensationsformeln aus dem Datenblatt (Integer-Version). Forced Mode reicht.", language="de")
R("opus", "debug", "systems", "other-language", "easy-words-hard",
  "A hang after days with no log and no watchdog reaction needs a systematic theory; no lead.",
  "Unser Gerät hängt sich manchmal nach ein paar Tagen auf. Kein Log, und der Watchdog schlägt auch nicht zu. Wie gehen wir da systematisch vor?", language="de")
R("haiku", "question", "tooling", "other-language", None,
  "A single git command.",
  "Wie zeige ich mit git nur die Änderungen im Ordner firmware/ seit gestern an, mit Diff?", language="de")
R("opus", "review", "systems", "other-language", None,
  "Reviewing a spinlock on a weakly ordered architecture is a concurrency review.",
  r"""Bitte um Review: ist dieser Spinlock auf ARMv7 (Cortex-A9, SMP, 2 Kerne) korrekt?

static inline void spin_lock(volatile int *l)
{
    while (__sync_lock_test_and_set(l, 1))
        while (*l) ;
}

static inline void spin_unlock(volatile int *l)
{
    *l = 0;
}""", language="de")
R("haiku", "question", "systems", "other-language", "hard-words-easy",
  "Register-level vocabulary, but a textbook explanation of one keyword.",
  "Erklär mir kurz, was `volatile` bei memory-mapped Registern bewirkt und was es NICHT garantiert.", language="de")
R("sonnet", "test", "systems", "other-language", None,
  "Writing tests for an existing class.",
  r"""Schreib GoogleTest-Tests für diese Klasse. Besonders Überlauf und leerer Puffer.

class RingBuffer {
public:
    explicit RingBuffer(size_t cap);
    bool push(uint8_t b);          // false wenn voll
    std::optional<uint8_t> pop();  // nullopt wenn leer
    size_t size() const;
    size_t capacity() const;
    void clear();
};""", language="de")
R("opus", "design", "systems", "other-language", None,
  "Update architecture across many ECUs with rollback is system design.",
  "Entwirf eine Architektur für Firmware-Updates über CAN-FD auf 40 Steuergeräten in einer Maschine. Anforderungen: A/B-Partitionen, Rollback wenn ein Gerät nach Update nicht hochkommt, alle Geräte müssen am Ende kompatible Versionen haben.", language="de")
R("opus", "debug", "systems", "other-language", None,
  "Explaining a cache-related slowdown needs performance analysis.",
  "Warum ist mein memcpy auf dem Cortex-M7 mit eingeschaltetem D-Cache langsamer als ohne, wenn ich von SDRAM nach DTCM kopiere? Misst mit DWT, 64KB Blöcke.", language="de")
R("sonnet", "ops", "tooling", "other-language", None,
  "Translating build logic between systems; routine but several pieces.",
  "Wir haben in unserem Makefile Variablen für drei Boards (BOARD=evk|proto|prod) mit unterschiedlichen Defines und Linkerskripten. Wie bilde ich das sauber in CMake ab? Presets oder Cache-Variable?", language="de")
R("haiku", "explain", "tooling", "other-language", None,
  "Explaining a common linker error message.",
  "Was bedeutet der Linkerfehler `multiple definition of 'g_config'` und wie vermeidet man das typischerweise?", language="de")
R("sonnet", "implement", "systems", "other-language", None,
  "A small allocator with a clear interface.",
  "Implementiere einen einfachen Arena-Allocator in C: arena_init(buf, size), arena_alloc(a, size, align), arena_reset(a), und eine Markierung zum Zurückspulen. Ohne malloc.", language="de")
R("haiku", "edit", "systems", "other-language", "long-trivial",
  "Translating comments in a pasted file is mechanical.",
  r"""Übersetze bitte nur die Kommentare ins Englische, Code unverändert lassen:

/* Initialisiert den ADC im Einzelmessungsmodus */
void adc_init(void)
{
    RCC->APB2ENR |= RCC_APB2ENR_ADC1EN;   /* Takt einschalten */
    ADC1->CR2 = 0;                        /* alles zurücksetzen */
    ADC1->SMPR2 = 7u << 0;                /* längste Abtastzeit für Kanal 0 */
    ADC1->SQR1 = 0;                       /* eine Wandlung pro Sequenz */
    ADC1->CR2 |= ADC_CR2_ADON;            /* ADC einschalten */
}

/* Liest einen Kanal, blockierend. Achtung: nicht aus ISR aufrufen! */
uint16_t adc_read(uint8_t ch)
{
    ADC1->SQR3 = ch;                      /* Kanal wählen */
    ADC1->CR2 |= ADC_CR2_SWSTART;         /* Wandlung starten */
    while (!(ADC1->SR & ADC_SR_EOC)) { }  /* warten bis fertig */
    return (uint16_t)ADC1->DR;            /* Lesen löscht EOC */
}

/* Mittelwert über n Messungen, n maximal 64 wegen Überlauf */
uint16_t adc_read_avg(uint8_t ch, uint8_t n)
{
    uint32_t sum = 0;
    for (uint8_t i = 0; i < n; i++) {
        sum += adc_read(ch);
    }
    return (uint16_t)(sum / n);
}""", language="de")
R("opus", "debug", "systems", "other-language", "short-hard",
  "A data race symptom on a weakly ordered CPU with no lead.",
  "Ringpuffer zwischen zwei Kernen verliert auf dem i.MX8 ab und zu Einträge, auf x86 nie. Warum?", language="de")

# --- Русский
R("haiku", "question", "tooling", "other-language", None,
  "A single gdb expression.",
  "Как в gdb посмотреть 16 элементов массива по указателю `int16_t *buf`?", language="ru")
R("sonnet", "implement", "systems", "other-language", None,
  "A character device driver with a clear interface; routine kernel work.",
  "Напиши драйвер символьного устройства для Linux 6.x: misc device /dev/acme, ioctl для чтения и записи 32-битного регистра по смещению (структура {u32 off; u32 val;}), проверка смещения, ioremap из DT.", language="ru")
R("opus", "debug", "systems", "other-language", None,
  "A kernel deadlock on hot-unplug with lockdep silent needs a theory; no lead.",
  "У нас иногда дедлок в ядре при отключении USB-устройства во время передачи, lockdep молчит. Драйвер наш, usb + tty. Куда копать?", language="ru")
R("haiku", "explain", "general", "other-language", "hard-words-easy",
  "A classic one-line bit trick.",
  "Объясни, что делает строчка `x &= x - 1;` и где это используют.", language="ru")
R("opus", "design", "systems", "other-language", None,
  "Zero-copy multi-core buffer allocation is allocator and concurrency design.",
  "Спроектируй аллокатор буферов для сетевых пакетов: zero-copy, 32 ядра, пакеты освобождаются часто не на том ядре, где выделены. Какие варианты и что выбрать?", language="ru")
R("sonnet", "implement", "systems", "other-language", None,
  "Porting a simple loop to NEON intrinsics; a known mapping.",
  r"""Перепиши этот цикл на NEON интринсики (aarch64), n кратно 16:

void add_sat_u8(uint8_t *dst, const uint8_t *a, const uint8_t *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned s = a[i] + b[i];
        dst[i] = s > 255 ? 255 : (uint8_t)s;
    }
}""", language="ru")
R("opus", "debug", "systems", "other-language", None,
  "A TSan report on code the author believes is atomic needs memory-model reasoning.",
  r"""Почему TSan ругается? Флаг же атомарный.

std::atomic<bool> ready{false};
Config *cfg = nullptr;

void writer() {
    cfg = load_config();
    ready.store(true, std::memory_order_relaxed);
}

void reader() {
    while (!ready.load(std::memory_order_relaxed)) {}
    use(cfg->timeout);
}""", language="ru")
R("haiku", "edit", "systems", "other-language", "long-trivial",
  "A prefix rename across a pasted file is mechanical.",
  r"""Переименуй все функции с префиксом `drv_` на `bsp_`, больше ничего не трогай:

void drv_led_init(void);
void drv_led_set(uint8_t idx, bool on);
void drv_led_toggle(uint8_t idx);
int  drv_button_init(void);
bool drv_button_pressed(uint8_t idx);
void drv_button_set_cb(uint8_t idx, void (*cb)(uint8_t));
int  drv_eeprom_init(void);
int  drv_eeprom_read(uint16_t addr, uint8_t *buf, size_t len);
int  drv_eeprom_write(uint16_t addr, const uint8_t *buf, size_t len);
void drv_buzzer_init(void);
void drv_buzzer_beep(uint16_t freq_hz, uint16_t ms);
int  drv_rtc_init(void);
int  drv_rtc_get(struct tm *t);
int  drv_rtc_set(const struct tm *t);
void drv_watchdog_init(uint32_t timeout_ms);
void drv_watchdog_kick(void);

static void board_init(void)
{
    drv_led_init();
    drv_button_init();
    drv_eeprom_init();
    drv_buzzer_init();
    drv_rtc_init();
    drv_watchdog_init(2000);
    drv_button_set_cb(0, on_button);
}""", language="ru")
R("haiku", "question", "systems", "other-language", None,
  "Well-known C++ distinction.",
  "Какая разница между `std::unique_lock` и `std::lock_guard`? Когда что брать?", language="ru")
R("sonnet", "ops", "tooling", "other-language", None,
  "CI configuration with known steps.",
  "Напиши .gitlab-ci.yml: сборка прошивки STM32 через arm-none-eabi-gcc в докере, cmake, артефакты .bin .elf .map, отдельный job с cppcheck, и прошивка на стенд только для тегов.", language="ru")
R("sonnet", "review", "systems", "other-language", None,
  "A routine review of a small driver patch.",
  r"""Сделай ревью патча для сетевого драйвера, особенно утечки при ошибках:

@@ static int acme_eth_open(struct net_device *ndev)
-	priv->rx_ring = kcalloc(RX_RING_SIZE, sizeof(*priv->rx_ring), GFP_KERNEL);
+	priv->rx_ring = dma_alloc_coherent(priv->dev, RX_RING_SIZE * sizeof(*priv->rx_ring),
+					   &priv->rx_ring_dma, GFP_KERNEL);
 	if (!priv->rx_ring)
 		return -ENOMEM;
+	priv->tx_ring = dma_alloc_coherent(priv->dev, TX_RING_SIZE * sizeof(*priv->tx_ring),
+					   &priv->tx_ring_dma, GFP_KERNEL);
+	if (!priv->tx_ring)
+		return -ENOMEM;
 	ret = request_irq(ndev->irq, acme_eth_irq, 0, ndev->name, ndev);
 	if (ret)
-		goto free_rx;
+		return ret;
 	napi_enable(&priv->napi);
 	netif_start_queue(ndev);
 	return 0;
-free_rx:
-	kfree(priv->rx_ring);
-	return ret;
 }""", language="ru")
R("opus", "debug", "systems", "other-language", "easy-words-hard",
  "An unreproducible double free in a multithreaded service has no lead.",
  "Наш сервис на C++ раз в несколько дней падает с double free. Воспроизвести не можем, потоков много. С чего начать?", language="ru")
R("haiku", "question", "systems", "other-language", None,
  "A single known answer about a compiler builtin.",
  "Что делает `__builtin_expect` и реально ли он что-то даёт на современных x86?", language="ru")
R("opus", "implement", "systems", "other-language", "short-hard",
  "A lock-free hash map with resizing is hard concurrency work.",
  "Lock-free хеш-таблица с ресайзом на C++, без глобальной блокировки.", language="ru")
R("sonnet", "implement", "general", "other-language", None,
  "A Pratt parser for a given grammar; standard technique.",
  "Нужен Pratt-парсер на Rust для выражений: + - * / ^ (правоассоциативный), унарный минус, вызовы функций f(a, b), скобки. Строит AST. Токенайзер уже есть.", language="ru")

# --- 中文
R("haiku", "question", "systems", "other-language", "hard-words-easy",
  "Memory-order vocabulary, but a one-line factual answer.",
  "`std::atomic<int>` 的 `fetch_add` 默认内存序是什么？", language="zh")
R("sonnet", "implement", "systems", "other-language", None,
  "Reconnect logic with a known framework and a clear spec.",
  "帮我写一个 ESP32 的 WiFi 重连逻辑：断线后指数退避重试（1s 起，最大 60s），用 ESP-IDF 5 的事件循环，连上后重置退避。", language="zh")
R("opus", "debug", "systems", "other-language", "easy-words-hard",
  "Data corruption only on ARM suggests a memory-ordering bug; no lead.",
  "我们的程序在 ARM 服务器上偶尔出现数据错乱，x86 上从来没有。怀疑是并发问题，但不知道从哪里查起。", language="zh")
R("haiku", "edit", "systems", "other-language", "long-trivial",
  "Translating comments in a pasted file is mechanical.",
  r"""把这段代码的注释翻译成英文，代码不要改：

// 初始化 SPI，模式 0，8 位
void spi_init(void)
{
    SPI1->CR1 = 0;                         // 先关闭
    SPI1->CR1 |= SPI_CR1_MSTR;             // 主机模式
    SPI1->CR1 |= (3u << SPI_CR1_BR_Pos);   // 分频 16
    SPI1->CR1 |= SPI_CR1_SSM | SPI_CR1_SSI;// 软件片选
    SPI1->CR1 |= SPI_CR1_SPE;              // 使能
}

// 发送并接收一个字节，阻塞
uint8_t spi_xfer(uint8_t b)
{
    while (!(SPI1->SR & SPI_SR_TXE)) { }   // 等待发送缓冲空
    *(volatile uint8_t *)&SPI1->DR = b;
    while (!(SPI1->SR & SPI_SR_RXNE)) { }  // 等待接收完成
    return *(volatile uint8_t *)&SPI1->DR;
}

// 读 flash 的 JEDEC ID，返回 24 位
uint32_t flash_read_id(void)
{
    cs_low();                              // 拉低片选
    spi_xfer(0x9F);
    uint32_t id = spi_xfer(0) << 16;
    id |= spi_xfer(0) << 8;
    id |= spi_xfer(0);
    cs_high();                             // 释放片选
    return id;
}""", language="zh")
R("opus", "design", "systems", "other-language", None,
  "A userspace TCP stack on DPDK is large system design.",
  "设计一个基于 DPDK 的高性能用户态协议栈，需要支持 TCP，每核一个实例，连接数 100 万。整体架构怎么分层？定时器、内存、多核怎么处理？", language="zh")
R("haiku", "explain", "systems", "other-language", None,
  "Explaining two common macros.",
  "解释一下 Linux 内核里的 `likely()` 和 `unlikely()` 宏，是怎么实现的？", language="zh")
R("haiku", "explain", "systems", "other-language", None,
  "Explaining a common compiler error message.",
  "这个 Rust 报错是什么意思：`borrowed value does not live long enough`？一般是什么原因？", language="zh")
R("sonnet", "test", "systems", "other-language", None,
  "Writing unit tests for existing code.",
  r"""给这个函数写单元测试（用 Catch2），覆盖边界情况：

// 把 "12.5" 这样的字符串解析成定点数（乘以 100），失败返回 false
bool parse_fixed2(std::string_view s, int32_t &out);""", language="zh")
R("haiku", "question", "systems", "other-language", None,
  "A common kernel module loading error with a known fix.",
  "内核模块加载时报 `Unknown symbol in module`，一般怎么解决？", language="zh")
R("sonnet", "implement", "systems", "other-language", None,
  "A standard thread pool with a clear interface.",
  "实现一个 C++17 线程池：固定线程数，submit 返回 std::future，支持优雅关闭（等待已提交任务完成）。", language="zh")
R("opus", "review", "systems", "other-language", None,
  "Reviewing a lock-free queue is a concurrency review.",
  r"""帮我 review 这个无锁队列，多生产者单消费者，x86 和 ARM 都要跑：

struct Node { std::atomic<Node*> next{nullptr}; int v; };
std::atomic<Node*> tail;
Node *head;  // 只有消费者访问

void push(Node *n) {
    Node *prev = tail.exchange(n, std::memory_order_relaxed);
    prev->next.store(n, std::memory_order_relaxed);
}

bool pop(int &out) {
    Node *next = head->next.load(std::memory_order_relaxed);
    if (!next) return false;
    out = next->v;
    delete head;
    head = next;
    return true;
}""", language="zh")
R("opus", "debug", "systems", "other-language", None,
  "A SIMD version slower than scalar needs performance analysis.",
  r"""为什么我的 SIMD 版本比标量版本还慢？AVX2，数组 1M 个 float，测了好几次都一样：

void scale(float *dst, const float *src, const int *idx, float k, size_t n) {
    for (size_t i = 0; i < n; i += 8) {
        __m256i vi = _mm256_loadu_si256((const __m256i*)(idx + i));
        __m256  v  = _mm256_i32gather_ps(src, vi, 4);
        _mm256_storeu_ps(dst + i, _mm256_mul_ps(v, _mm256_set1_ps(k)));
    }
}""", language="zh")
R("sonnet", "debug", "systems", "other-language", None,
  "The 49.7-day period points straight at a 32-bit millisecond tick wrap; a known fix.",
  "设备连续运行大约 49 天后就不再上报数据了，重启就好。我们用 HAL_GetTick() 做超时判断。怎么改？", language="zh")

# ================================================================== follow-ups inside an ongoing chat
R("sonnet", "implement", "general", "follow-up", None,
  "A bare 'continue' carries on the previous task; sonnet by the tie-breaker.",
  "continue")
R("sonnet", "implement", "general", "follow-up", None,
  "A bare retry of the previous task; sonnet by the tie-breaker.",
  "try again")
R("sonnet", "implement", "general", "other-language", None,
  "A bare 'continue' in German; the language changes nothing.",
  "weiter", language="de")
R("sonnet", "implement", "general", "other-language", None,
  "A bare 'continue' in Russian; the language changes nothing.",
  "продолжай", language="ru")
R("sonnet", "implement", "general", "other-language", None,
  "A bare 'continue' in Chinese; the language changes nothing.",
  "继续", language="zh")
R("sonnet", "refactor", "systems", "follow-up", None,
  "Applying the same refactor to another driver is multi-file routine work.",
  "ok good. now do the same modbus_ctx thing for the i2c driver, it has the same global state problem")
R("sonnet", "test", "systems", "follow-up", None,
  "Writing tests for the code just produced.",
  "that worked on hardware. now add unit tests for the frame parser with a fake uart feeding bytes, incl. resync after bad crc")
R("sonnet", "debug", "systems", "follow-up", None,
  "A compile error after the previous change with a clear message.",
  r"""still does not compile after your change:

src/uart_dma.c:88:5: error: implicit declaration of function 'HAL_UARTEx_ReceiveToIdle_DMA'; did you mean 'HAL_UART_Receive_DMA'? [-Werror=implicit-function-declaration]
   88 |     HAL_UARTEx_ReceiveToIdle_DMA(&huart2, rx_dma_buf, sizeof rx_dma_buf);

we have STM32Cube F4 HAL v1.7.9""")
R("sonnet", "implement", "systems", "follow-up", None,
  "Extending the previous implementation to a second instance; moderate.",
  "good. now make it work for both uart2 and uart3 at the same time, each with own ring buffer")
R("sonnet", "implement", "systems", "follow-up", None,
  "Handling an additional edge case in the previous DMA code.",
  "can you also handle when one frame is split across the half-transfer and transfer-complete callbacks? right now we lose it")
R("sonnet", "implement", "systems", "follow-up", None,
  "Porting the previous code to another platform API.",
  "now port same logic to the esp32 version of the board, there we use uart_read_bytes with event queue instead of HAL")
R("sonnet", "debug", "systems", "follow-up", None,
  "A failing test with output that points at the issue.",
  r"""the overflow test you wrote fails:

test_ring.c:54:test_push_when_full:FAIL: Expected 0 Was 1
test_ring.c:61:test_size_after_wrap:FAIL: Expected 127 Was 255

-----------------------
6 Tests 2 Failures 0 Ignored

is the test wrong or the ring?""")
R("haiku", "docs", "tooling", "follow-up", None,
  "A short PR description from work already done.",
  "looks good, write the PR description for it. short, bullet points")
R("haiku", "edit", "general", "follow-up", None,
  "Shortening a previous answer is a small text task.",
  "shorter pls, 3 sentences max")
R("haiku", "edit", "systems", "follow-up", None,
  "A rename in the code just written is mechanical.",
  "rename `ctx` to `mb` everywhere in what you just wrote")
R("haiku", "docs", "systems", "follow-up", None,
  "Adding comments to existing short code is mechanical.",
  "add short comments to each function in that file, doxygen style")
R("haiku", "edit", "systems", "follow-up", None,
  "Fixing clippy suggestions that spell out the fix is mechanical.",
  r"""compiles now, but clippy says this, just fix them:

warning: this `if` has identical blocks
  --> src/frame.rs:41:9
warning: redundant clone
  --> src/frame.rs:77:21
   |
77 |         let hdr = self.hdr.clone();
   |                           ^^^^^^^^ help: remove this
warning: you should consider adding a `Default` implementation for `Decoder`
  --> src/frame.rs:12:5""")
R("opus", "review", "systems", "follow-up", None,
  "Changing a queue from SPSC to multi-producer invalidates its ordering argument; concurrency work.",
  "ok but now we have 4 producer threads, not one. does your queue still work? if not what to change")
R("opus", "debug", "systems", "follow-up", None,
  "Re-checking a lock-ordering fix for a new cycle is concurrency reasoning.",
  "your fix moves cfg_lock out of rx_work but now i think there is ABBA between rx_work and sysfs store_mode through dev->mutex. check again whole lock order")
R("opus", "debug", "systems", "follow-up", "easy-words-hard",
  "Production hang continues with no new lead; needs a new theory.",
  "that didnt help, still freezes every ~3 days. what next?")
R("sonnet", "refactor", "systems", "follow-up", None,
  "Repeating a refactor on a parallel file.",
  "perfect, do the same for spi.c")
R("sonnet", "implement", "systems", "follow-up", None,
  "Extending the previous parser to another grammar rule; moderate.",
  "nice, now add the parser for it: expressions with precedence and function calls, using the tokens from before")

# ================================================================== minimal pairs and boundary cases
R("haiku", "explain", "systems", "non-native", "hard-words-easy",
  "Explaining one barrier between two stores in three lines is short.",
  "why is smp_wmb() between these two lines?\n\n    priv->desc[i].len = len;\n    smp_wmb();\n    priv->desc[i].owner = OWNER_HW;")
R("opus", "review", "systems", "non-native", "short-hard",
  "Choosing the right barrier for device-visible descriptors is DMA memory-ordering reasoning.",
  "same descriptor code: is smp_wmb() even right when the reader is the DMA engine on arm64? dma_wmb? wmb?")
R("haiku", "question", "databases", "terse", None,
  "A single-table aggregate SELECT.",
  "sql: count crashes per fw_version from crash_reports, newest version first")
R("sonnet", "implement", "databases", "non-native", None,
  "A migration with known steps and a maintenance window.",
  "postgres: crash_reports has `frames text` (comma separated). write migration to new table crash_frames(report_id, idx, pc, symbol), backfill 30M rows in batches, we have 1h window. and rollback script")
R("sonnet", "implement", "general", "terse", None,
  "A single-threaded ring buffer is routine.",
  "ring buffer in C, single thread, power of two size, push/pop/peek/count, elements of any size (memcpy)")
R("opus", "implement", "systems", "non-native", "short-hard",
  "Cross-core producers on a dual-core MCU make it a lock-free ordering problem.",
  "same ring buffer but both cores of RP2040 push, core0 pops. no spinlock hw allowed")
_oops = r"""[ 4211.093512] Unable to handle kernel NULL pointer dereference at virtual address 0000000000000018
[ 4211.093540] Mem abort info:
[ 4211.093545]   ESR = 0x0000000096000005
[ 4211.093552]   EC = 0x25: DABT (current EL), IL = 32 bits
[ 4211.093560]   SET = 0, FnV = 0
[ 4211.093565]   EA = 0, S1PTW = 0
[ 4211.093570]   FSC = 0x05: level 1 translation fault
[ 4211.093577] Data abort info:
[ 4211.093581]   ISV = 0, ISS = 0x00000005
[ 4211.093586]   CM = 0, WnR = 0
[ 4211.093592] user pgtable: 4k pages, 48-bit VAs, pgdp=0000000042ab1000
[ 4211.093600] [0000000000000018] pgd=0000000000000000, p4d=0000000000000000
[ 4211.093612] Internal error: Oops: 0000000096000005 [#1] PREEMPT SMP
[ 4211.093620] Modules linked in: acme_adc(O) industrialio_triggered_buffer kfifo_buf brcmfmac brcmutil cfg80211 spi_bcm2835
[ 4211.093668] CPU: 3 PID: 1873 Comm: iio_readdev Tainted: G           O       6.1.21-v8+ #1642
[ 4211.093680] Hardware name: Raspberry Pi 4 Model B Rev 1.4 (DT)
[ 4211.093687] pstate: 20000005 (nzCv daif -PAN -UAO -TCO -DIT -SSBS BTYPE=--)
[ 4211.093698] pc : acme_adc_read_raw+0x4c/0x1b0 [acme_adc]
[ 4211.093720] lr : iio_read_channel_info+0xd8/0x110 [industrialio]
[ 4211.093760] sp : ffffffc00a3dbc80
[ 4211.093766] x29: ffffffc00a3dbc80 x28: ffffff8041a2c600 x27: 0000000000000000
[ 4211.093781] x26: 0000000000000000 x25: 0000000000000000 x24: ffffff8042b8d000
[ 4211.093795] x23: ffffffc00a3dbd10 x22: 0000000000000000 x21: ffffff80437e0a80
[ 4211.093809] x20: 0000000000000000 x19: ffffff8043d1e980 x18: 0000000000000000
[ 4211.093823] Call trace:
[ 4211.093828]  acme_adc_read_raw+0x4c/0x1b0 [acme_adc]
[ 4211.093845]  iio_read_channel_info+0xd8/0x110 [industrialio]
[ 4211.093883]  dev_attr_show+0x24/0x70
[ 4211.093897]  sysfs_kf_seq_show+0xa8/0x150
[ 4211.093910]  kernfs_seq_show+0x34/0x48
[ 4211.093922]  seq_read_iter+0x1c0/0x4b0
[ 4211.093935]  kernfs_fop_read_iter+0x3c/0x50
[ 4211.093946]  vfs_read+0x1b4/0x2a0
[ 4211.093958]  ksys_read+0x70/0x108
[ 4211.093969]  __arm64_sys_read+0x24/0x38
[ 4211.093980]  invoke_syscall+0x50/0x120
[ 4211.093993]  el0_svc_common.constprop.0+0x68/0x128
[ 4211.094005]  do_el0_svc+0x34/0xd0
[ 4211.094016]  el0_svc+0x30/0x98
[ 4211.094029]  el0t_64_sync_handler+0xb8/0xc0
[ 4211.094041]  el0t_64_sync+0x18c/0x190
[ 4211.094054] Code: f9400e75 b9401ab4 f94006b6 f9400ec0 (b9401800)
[ 4211.094064] ---[ end trace 0000000000000000 ]---"""
R("haiku", "question", "systems", "terse", "long-trivial",
  "Reading the module name off an oops is a glance-level lookup.",
  "which module crashed here, just name + function\n\n" + _oops)
R("sonnet", "debug", "systems", "non-native", None,
  "The oops and the code point at a missing initialisation; routine fix.",
  "same oops, here is the function. spi is NULL at offset 0x18 i think. fix?\n\n" + _oops + r"""

static int acme_adc_read_raw(struct iio_dev *indio_dev, struct iio_chan_spec const *chan,
			     int *val, int *val2, long mask)
{
	struct acme_adc *st = iio_priv(indio_dev);
	struct spi_device *spi = st->spi;
	u8 tx[2] = { 0x80 | chan->address, 0 };
	u8 rx[2];
	int ret;

	ret = spi_write_then_read(spi, tx, 1, rx, 2);
	...
}

static int acme_adc_probe(struct spi_device *spi)
{
	struct iio_dev *indio_dev = devm_iio_device_alloc(&spi->dev, sizeof(struct acme_adc));
	struct acme_adc *st;
	if (!indio_dev)
		return -ENOMEM;
	st = iio_priv(indio_dev);
	indio_dev->name = "acme-adc";
	indio_dev->info = &acme_adc_info;
	indio_dev->channels = acme_adc_channels;
	indio_dev->num_channels = ARRAY_SIZE(acme_adc_channels);
	return devm_iio_device_register(&spi->dev, indio_dev);
}""")
R("sonnet", "refactor", "systems", "non-native", None,
  "Making helpers reentrant by removing a shared static buffer is a routine refactor.",
  r"""make these helpers thread-safe, now 3 threads call them. they share a static buffer

static char fmt_buf[64];

const char *fmt_mac(const uint8_t m[6]) {
    snprintf(fmt_buf, sizeof fmt_buf, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
    return fmt_buf;
}
const char *fmt_ip4(uint32_t ip) {
    snprintf(fmt_buf, sizeof fmt_buf, "%u.%u.%u.%u", ip >> 24, (ip >> 16) & 255, (ip >> 8) & 255, ip & 255);
    return fmt_buf;
}
// used like: log("peer %s via %s", fmt_ip4(a), fmt_mac(m));""")
R("haiku", "question", "systems", "non-native", None,
  "Common errno semantics, short answer.",
  "read() on non-blocking socket returns -1 with EAGAIN. is it error? what i do")
R("opus", "debug", "systems", "non-native", "easy-words-hard",
  "A connection silently stalling under edge-triggered epoll with no error has no lead; needs event-loop reasoning.",
  "sometimes one connection just stops getting data in our server, other ones fine. no error, client says it sent. we use epoll edge triggered")
R("haiku", "explain", "systems", "terse", None,
  "Explaining two one-line intrinsics.",
  "what do these do exactly on cortex-m: `__asm volatile (\"cpsid i\" ::: \"memory\");` and `__asm volatile (\"cpsie i\" ::: \"memory\");`")
R("sonnet", "explain", "systems", "non-native", None,
  "Explaining a non-trivial context-switch routine of dozens of lines.",
  r"""explain line by line this PendSV handler from our own small RTOS, esp. the FPU lazy stacking part and why EXC_RETURN bit 4 is checked

PendSV_Handler:
    mrs     r0, psp
    isb
    ldr     r3, =current_tcb
    ldr     r2, [r3]
    tst     r14, #0x10
    it      eq
    vstmdbeq r0!, {s16-s31}
    stmdb   r0!, {r4-r11, r14}
    str     r0, [r2]
    stmdb   sp!, {r0, r3}
    mov     r0, #configMAX_SYSCALL_INTERRUPT_PRIORITY
    msr     basepri, r0
    dsb
    isb
    bl      scheduler_pick_next
    mov     r0, #0
    msr     basepri, r0
    ldmia   sp!, {r0, r3}
    ldr     r1, [r3]
    ldr     r0, [r1]
    ldmia   r0!, {r4-r11, r14}
    tst     r14, #0x10
    it      eq
    vldmiaeq r0!, {s16-s31}
    msr     psp, r0
    isb
    bx      r14""")
R("haiku", "edit", "systems", "terse", None,
  "A direct struct translation is mechanical.",
  "translate to rust #[repr(C)]:\n\nstruct fw_hdr {\n    uint32_t magic;\n    uint16_t hdr_ver;\n    uint16_t flags;\n    uint32_t img_size;\n    uint32_t crc32;\n    char     version[16];\n    uint8_t  reserved[28];\n};")
R("haiku", "question", "tooling", "non-native", None,
  "Well-known linker flags, short answer.",
  "what does -ffunction-sections -fdata-sections + -Wl,--gc-sections do together, any risk? colleague says it can remove our interrupt vector table")
R("sonnet", "debug", "tooling", "non-native", None,
  "Tracking a size regression with known tools is routine investigation.",
  "our stm32 binary grew 38KB after updating STM32Cube HAL from 1.7.x to 1.8.x, nothing else changed. how to find exactly what got bigger? we have both .map and .elf")
R("sonnet", "implement", "systems", "terse", None,
  "A hardware-accelerated CRC with fallback is a routine implementation.",
  "crc32c with _mm_crc32_u64 + software fallback, runtime cpu detect, C")
R("opus", "implement", "systems", "non-native", "short-hard",
  "Beating an already-optimised CRC needs deeper algorithmic and microarchitectural work.",
  "our crc32c is 3-way interleaved sse4.2 already, 20 GB/s. need 40. pclmul folding? avx512? how")
R("haiku", "question", "systems", "terse", None,
  "A socket option's definition.",
  "SO_REUSEPORT what does it do on linux vs bsd")
R("opus", "debug", "systems", "non-native", None,
  "Uneven load across SO_REUSEPORT listeners needs kernel hashing and scheduling analysis.",
  "16 threads each with own SO_REUSEPORT listener socket. one thread gets 40% of connections, some nearly nothing. clients are behind 3 load balancer IPs. why, and how balance better (BPF?)")
R("sonnet", "implement", "systems", "non-native", None,
  "A textbook mutex + condition-variable queue.",
  "blocking queue in C with pthread mutex + condvar: push, pop with timeout (ms), close() wakes all waiters. bounded capacity")
R("opus", "implement", "systems", "non-native", "short-hard",
  "Making a queue async-signal-safe rules out locks; subtle concurrency.",
  "same queue but push must be callable from a signal handler")
R("haiku", "question", "systems", "terse", None,
  "A definition.",
  "MSG_ZEROCOPY what is it")
R("opus", "debug", "systems", "non-native", None,
  "Explaining why zero-copy did not help at 100G needs profiling-based performance analysis.",
  "100G sender, we tried MSG_ZEROCOPY and io_uring send_zc, no gain vs plain send(), cpu still 100% on 4 cores. 9000 MTU, 64KB writes. what we miss? how analyze")

# ================================================================== hard words, easy work
R("haiku", "question", "systems", "terse", "hard-words-easy",
  "Kernel jargon but a one-line definition.",
  "what is lockdep, one line")
R("haiku", "question", "security", "non-native", "hard-words-easy",
  "A known vulnerability class, asked for a short definition.",
  "speculative store bypass (spectre v4) in 2 sentences pls, for a slide")
R("haiku", "question", "systems", "terse", "hard-words-easy",
  "Definitional question.",
  "IOMMU vs MMU, short")
R("haiku", "question", "systems", "non-native", "hard-words-easy",
  "Annotation semantics; short documented answer.",
  "`__rcu` annotation on a pointer in kernel — is it only for sparse or does it change code?")
R("haiku", "question", "systems", "plain", "hard-words-easy",
  "A documented ABI fact.",
  "What is the red zone on x86-64, and why does the kernel build with -mno-red-zone?")
R("haiku", "question", "systems", "non-native", "hard-words-easy",
  "Definitional difference.",
  "compiler barrier vs memory barrier — just the difference, no essay")
R("haiku", "question", "systems", "terse", "hard-words-easy",
  "Definition of a kernel term.",
  "what is a TLB shootdown")
R("haiku", "explain", "tooling", "non-native", "hard-words-easy",
  "Explaining one field in a JSON report is a lookup.",
  r"""what means `dedup_token` in this crash json from our fuzzing infra? and is `stack_hash` the same thing?

{
  "sanitizer": "address",
  "crash_type": "heap-buffer-overflow READ 4",
  "crash_address": "0x602000000a1c",
  "frames": ["parse_tlvs tlv.c:31", "parse_tlvs tlv.c:38", "LLVMFuzzerTestOneInput fuzz_tlv.c:12"],
  "stack_hash": "9c41e07b",
  "dedup_token": "parse_tlvs--parse_tlvs--LLVMFuzzerTestOneInput",
  "reproducible": true,
  "first_seen": "2024-04-18T09:12:55Z"
}""")
R("haiku", "question", "general", "plain", "hard-words-easy",
  "A compiler-IR term with a short textbook answer.",
  "What's a phi node in LLVM IR, in plain words?")
R("haiku", "question", "security", "terse", "hard-words-easy",
  "A config option's meaning.",
  "CONFIG_RETPOLINE=y what does it do")
R("haiku", "question", "security", "non-native", "hard-words-easy",
  "Short definition of a policy term.",
  "what means W^X and why our JIT must care")
R("haiku", "question", "systems", "non-native", "hard-words-easy",
  "Reading one field of lscpu output.",
  "lscpu says `NUMA node(s): 2` and `NUMA node0 CPU(s): 0-15,32-47`. what it means for me, simple")
R("haiku", "question", "general", "typos", "hard-words-easy",
  "A language-guarantee question with a short answer.",
  "does C standard garantee tail call optimization? clang has musttail right")
R("haiku", "explain", "systems", "non-native", "hard-words-easy",
  "Explaining a short, common kernel message.",
  "what is this message meaning, is it problem? `rcu: INFO: rcu_sched self-detected stall on CPU` — i only want explanation of words, not debug now")
R("haiku", "question", "systems", "terse", "hard-words-easy",
  "A known ISA feature; short answer.",
  "what are LSE atomics on arm64, and which gcc flag enables them")

# ================================================================== more short-hard and easy-words-hard
R("opus", "design", "systems", "terse", "short-hard",
  "NUMA-aware allocation is allocator design with performance trade-offs.",
  "make our arena allocator NUMA-aware, 2 sockets")
R("opus", "design", "systems", "non-native", "short-hard",
  "Choosing an I/O model at this scale is an architecture decision.",
  "io_uring vs epoll for 1M mostly idle connections, decide and justify")
R("opus", "debug", "systems", "terse", "short-hard",
  "Split-lock effects on virtualised performance need low-level analysis.",
  "split lock detection warnings and our VM perf tanks, why")
R("opus", "implement", "systems", "non-native", "short-hard",
  "A batched SPSC ring with cached indices and a correctness argument is subtle.",
  "wait-free SPSC ring with cached head/tail and batch publish, and argue why it is correct")
R("opus", "implement", "systems", "terse", "short-hard",
  "Placing grace periods correctly around concurrent deletes is RCU reasoning.",
  "RCU list with concurrent deleters in kernel, where exactly synchronize_rcu vs call_rcu")
R("opus", "design", "security", "non-native", "short-hard",
  "JIT code-page permissions on Apple Silicon interact with threads and security.",
  "our JIT on apple M1: MAP_JIT + pthread_jit_write_protect_np with many threads compiling, how to be safe")
R("opus", "design", "systems", "plain", "easy-words-hard",
  "Keeping clocks aligned across a fleet is a time-synchronisation design problem.",
  "Our devices' clocks drift apart from the server, and after a week the timestamps in our data don't line up anymore. How should we handle time properly?")
R("opus", "debug", "systems", "non-native", "easy-words-hard",
  "Interference between two devices on one bus needs bandwidth and interrupt analysis; no lead.",
  "when we plug second usb camera, first one starts dropping frames. each alone is fine. linux, uvc")
R("opus", "debug", "systems", "typos", "easy-words-hard",
  "A silent hang with no CPU use usually means a deadlock or lost wakeup; no lead.",
  "sometimes our program just stops doing anything. cpu 0%, no crash, no log. have to kill it")
R("opus", "debug", "data", "plain", "easy-words-hard",
  "Totals going wrong after scaling out to two machines implies double processing or ordering issues.",
  "Since we moved our counting job from one machine to two, the daily totals are sometimes a bit too high. Same code on both. What's happening?")

# ================================================================== medium pastes, trivial asks (long-trivial)
def _gitlog(seed, n):
    rnd = random.Random(seed)
    who = ["Anna Keller <anna.keller@acme.de>", "Dmitri Volkov <dvolkov@acme.de>", "Li Wei <li.wei@acme.de>", "Rahul Nair <rnair@acme.de>", "Jonas Brandt <jbrandt@acme.de>"]
    subj = ["uart: fix rx overrun handling", "spi: add dma support for page reads", "net: bump lwip to 2.2.0", "ci: cache ccache dir", "bsp: add proto rev C pinout",
            "modbus: split ctx from globals", "ota: verify image before swap", "log: add binary sink", "adc: calibrate on boot", "fsm: handle timeout in CONNECTING",
            "docs: update flashing guide", "build: enable -Wconversion for src/", "i2c: recover bus on stuck SDA", "cli: add `stats` command", "power: enter stop2 when idle"]
    out = []
    day = 1
    for i in range(n):
        h = "%040x" % rnd.getrandbits(160)
        day += rnd.random() < 0.4
        out.append(f"commit {h}\nAuthor: {rnd.choice(who)}\nDate:   {['Mon','Tue','Wed','Thu','Fri'][day % 5]} Mar {day % 28 + 1} {rnd.randint(8, 19)}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d} 2024 +0100\n\n    {rnd.choice(subj)}\n")
    return "\n".join(out)

R("haiku", "question", "tooling", "terse", "long-trivial",
  "Counting commits by one author in a pasted log is mechanical.",
  "how many of these commits are from Li Wei?\n\n" + _gitlog(31, 70))

def _warnings(seed, n):
    rnd = random.Random(seed)
    files = ["src/net/tcp.c", "src/drv/uart.c", "src/app/main.c", "src/util/ring.c", "src/drv/spi.c", "src/app/cli.c", "src/net/dhcp.c"]
    ws = ["conversion from 'uint32_t' to 'uint16_t' may change value [-Wconversion]", "unused parameter 'arg' [-Wunused-parameter]",
          "comparison of integer expressions of different signedness [-Wsign-compare]", "'len' may be used uninitialized [-Wmaybe-uninitialized]",
          "implicit conversion from 'float' to 'double' [-Wdouble-promotion]"]
    return "\n".join(f"{rnd.choice(files)}:{rnd.randint(10, 900)}:{rnd.randint(3, 40)}: warning: {rnd.choice(ws)}" for _ in range(n))

R("haiku", "edit", "tooling", "non-native", "long-trivial",
  "Sorting and grouping warning lines is mechanical.",
  "sort these warnings by file, then line number. no fixing, just sorted list\n\n" + _warnings(32, 90))

def _devcfg(seed):
    rnd = random.Random(seed)
    d = {"device": {"name": "gw-proto-c", "hw_rev": "C", "serial_prefix": "ACME"},
         "uart": [{"port": f"USART{i}", "baud": rnd.choice([9600, 19200, 115200, 460800]), "parity": rnd.choice(["none", "even"]), "stop_bits": 1, "rs485": i != 1, "de_pin": f"PB{rnd.randint(0, 15)}"} for i in (1, 2, 3)],
         "modbus": {"role": "master", "port": "USART3", "timeout_ms": 200, "retries": 2, "slaves": [{"addr": a, "poll_ms": rnd.choice([250, 500, 1000]), "regs": [rnd.randint(0, 500) for _ in range(6)]} for a in range(1, 9)]},
         "net": {"dhcp": True, "hostname": "gw-proto-c", "mqtt": {"broker": "mqtts://broker.acme.internal:8883", "keepalive_s": 60, "qos": 1, "client_cert": "/certs/dev.pem"}},
         "adc": {"channels": [{"ch": c, "gain": rnd.choice([1, 2, 4]), "filter": rnd.choice(["none", "ema", "median5"])} for c in range(8)]},
         "log": {"level": "info", "sinks": ["uart1", "flash"], "flash_ring_kb": 256}}
    return json.dumps(d, indent=2)

R("haiku", "question", "systems", "non-native", "long-trivial",
  "Finding one value in a pasted config is a lookup.",
  "which baud rate is the modbus port using in this config? i get confused with the uart list\n\n" + _devcfg(33))

def _dts(seed):
    rnd = random.Random(seed)
    parts = ["/dts-v1/;", '#include "imx8mm.dtsi"', "", "/ {", '\tmodel = "Acme Gateway Rev C";', '\tcompatible = "acme,gw-revc", "fsl,imx8mm";', "", "\tchosen {", "\t\tstdout-path = &uart2;", "\t};", "};", ""]
    for bus in range(1, 4):
        parts += [f"&i2c{bus} {{", "\tclock-frequency = <400000>;", '\tpinctrl-names = "default";', f"\tpinctrl-0 = <&pinctrl_i2c{bus}>;", '\tstatus = "okay";', ""]
        for dev in rnd.sample([("rtc", "nxp,pcf85063a"), ("eeprom", "atmel,24c64"), ("temp", "ti,tmp102"), ("pmic", "rohm,bd71847"), ("gpio", "nxp,pca9555"), ("accel", "st,lis2dh12")], 3):
            addr = rnd.randint(0x10, 0x77)
            parts += [f"\t{dev[0]}@{addr:x} {{", f'\t\tcompatible = "{dev[1]}";', f"\t\treg = <0x{addr:x}>;"]
            if dev[0] == "eeprom":
                parts += ["\t\tpagesize = <32>;"]
            if dev[0] in ("gpio", "accel"):
                parts += ["\t\tinterrupt-parent = <&gpio1>;", f"\t\tinterrupts = <{rnd.randint(0, 31)} IRQ_TYPE_LEVEL_LOW>;"]
            parts += ["\t};", ""]
        parts += ["};", ""]
    parts += ["&ecspi2 {", "\tnum-cs = <1>;", "\tcs-gpios = <&gpio5 13 GPIO_ACTIVE_LOW>;", '\tstatus = "okay";', "", "\tadc@0 {", '\t\tcompatible = "acme,adc-7731";', "\t\treg = <0>;", "\t\tspi-max-frequency = <10000000>;", "\t};", "};"]
    return "\n".join(parts)

R("haiku", "question", "systems", "terse", "long-trivial",
  "Reading one property out of a pasted devicetree is a lookup.",
  "what i2c bus and address is the eeprom on?\n\n" + _dts(34))

def _cargo_tree(seed):
    rnd = random.Random(seed)
    crates = [("tokio", "1.37.0"), ("bytes", "1.6.0"), ("serde", "1.0.198"), ("serde_derive", "1.0.198"), ("syn", "2.0.60"), ("quote", "1.0.36"), ("proc-macro2", "1.0.81"),
              ("tracing", "0.1.40"), ("tracing-core", "0.1.32"), ("mio", "0.8.11"), ("libc", "0.2.153"), ("clap", "4.5.4"), ("clap_derive", "4.5.4"), ("heck", "0.5.0"),
              ("anyhow", "1.0.82"), ("thiserror", "1.0.59"), ("thiserror-impl", "1.0.59"), ("socket2", "0.5.6"), ("pin-project-lite", "0.2.14"), ("memchr", "2.7.2"), ("nom", "7.1.3")]
    out = ["gwd v0.7.2 (/home/dev/gwd)"]
    def rec(depth, k):
        for _ in range(k):
            c = rnd.choice(crates)
            pref = "│   " * (depth - 1) + rnd.choice(["├── ", "└── "])
            extra = " (*)" if rnd.random() < 0.3 else (" (proc-macro)" if c[0].endswith("derive") or c[0].endswith("impl") else "")
            out.append(pref + f"{c[0]} v{c[1]}{extra}")
            if depth < 4 and rnd.random() < 0.5:
                rec(depth + 1, rnd.randint(1, 4))
    rec(1, 26)
    out.append("[build-dependencies]")
    out.append("└── bindgen v0.69.4")
    out.append("    ├── syn v2.0.60 (*)")
    out.append("    └── clang-sys v1.7.0")
    out.append("[dev-dependencies]")
    out.append("└── proptest v1.4.0")
    return "\n".join(out)

R("haiku", "question", "tooling", "non-native", "long-trivial",
  "Reading a version off a pasted dependency tree is a lookup.",
  "which version of syn do we use, only one version or two? cargo tree:\n\n" + _cargo_tree(35))

def _errcodes(seed):
    rnd = random.Random(seed)
    names = ["OK", "TIMEOUT", "BUSY", "NACK", "CRC", "OVERRUN", "UNDERRUN", "NOMEM", "INVAL", "NOTSUP", "IO", "AGAIN", "PERM", "RANGE", "STATE", "NODEV",
             "FLASH_ERASE", "FLASH_WRITE", "FLASH_VERIFY", "OTA_SIG", "OTA_VERSION", "OTA_SPACE", "NET_DOWN", "NET_DNS", "NET_TLS", "MQTT_AUTH", "MQTT_QUEUE",
             "SENSOR_ID", "SENSOR_RANGE", "ADC_CAL", "RTC_LOST", "CFG_PARSE", "CFG_VERSION", "CFG_MISSING"]
    return "\n".join(f"#define ERR_{n:<16} ({-i})   /* {n.lower().replace('_', ' ')} */" for i, n in enumerate(names))

R("haiku", "edit", "systems", "non-native", "long-trivial",
  "Turning a list of #defines into an enum is a mechanical transform.",
  "convert these defines into a `typedef enum { ... } err_t;` with same values and comments. nothing else\n\n" + _errcodes(36))

def _urls_readme():
    return """# acme-gw firmware

Build instructions are in the [wiki](https://wiki.acme.internal/fw/build). Toolchain: [Arm GNU Toolchain 12.2](https://developer.arm.com/downloads/-/arm-gnu-toolchain-downloads).

## Dependencies
- lwIP 2.2.0 — https://savannah.nongnu.org/projects/lwip/
- mbedTLS 3.5 — https://github.com/Mbed-TLS/mbedtls
- FreeRTOS-Kernel 11 — https://github.com/FreeRTOS/FreeRTOS-Kernel
- cJSON — https://github.com/DaveGamble/cJSON
- Unity test framework — https://github.com/ThrowTheSwitch/Unity
- TinyUSB — https://github.com/hathach/tinyusb

## Flashing
Use openocd (see https://openocd.org/doc/html/Flash-Commands.html) or the STM32CubeProgrammer CLI
(https://www.st.com/en/development-tools/stm32cubeprog.html). For the production line see
https://wiki.acme.internal/fw/production-flashing and the checklist at https://jira.acme.internal/browse/FW-1822.

## Datasheets
* STM32F407 reference manual RM0090: https://www.st.com/resource/en/reference_manual/rm0090.pdf
* W25Q128JV: https://www.winbond.com/resource-files/w25q128jv%20revf%2003272018%20plus.pdf
* BME280: https://www.bosch-sensortec.com/products/environmental-sensors/humidity-sensors-bme280/
* LAN8742A PHY: https://ww1.microchip.com/downloads/en/DeviceDoc/DS_LAN8742_00001989A.pdf

## CI
Pipelines: https://gitlab.acme.internal/fw/acme-gw/-/pipelines — nightly HIL results go to https://grafana.acme.internal/d/hil/hil-nightly.

## License
Proprietary, see LICENSE. Third-party licenses in third_party/*/LICENSE*.
"""

R("haiku", "edit", "tooling", "terse", "long-trivial",
  "Extracting URLs from a pasted README is mechanical.",
  "extract all URLs from this readme, one per line, dedup, internal (acme.internal) ones last\n\n" + _urls_readme())

def _cfile_typo():
    return r"""/* uart_proto.c - framing for the service port */
#include <string.h>
#include "uart_proto.h"
#include "log.h"

#define FRAME_SOF 0x7E
#define FRAME_MAX 260

static uint8_t rx_buf[FRAME_MAX];
static size_t  rx_len;
static enum { WAIT_SOF, READ_LEN_LO, READ_LEN_HI, READ_BODY } st = WAIT_SOF;
static uint16_t want;

static void reset(void)
{
    st = WAIT_SOF;
    rx_len = 0;
    want = 0;
}

void proto_rx_byte(uint8_t b)
{
    switch (st) {
    case WAIT_SOF:
        if (b == FRAME_SOF) st = READ_LEN_LO;
        break;
    case READ_LEN_LO:
        want = b;
        st = READ_LEN_HI;
        break;
    case READ_LEN_HI:
        want |= (uint16_t)b << 8;
        if (want == 0 || want > FRAME_MAX) {
            log_warn("proto: invalid lenght %u, dropping", want);
            reset();
            break;
        }
        st = READ_BODY;
        break;
    case READ_BODY:
        rx_buf[rx_len++] = b;
        if (rx_len == want) {
            if (!proto_crc_ok(rx_buf, rx_len)) {
                log_warn("proto: crc missmatch on recieved frame (len %u)", want);
            } else {
                proto_dispatch(rx_buf, rx_len);
            }
            reset();
        }
        break;
    }
}

int proto_send(uint8_t cmd, const uint8_t *payload, uint16_t len)
{
    if (len + 3u > FRAME_MAX) {
        log_err("proto: payload to big (%u)", len);
        return -1;
    }
    uint8_t hdr[4] = { FRAME_SOF, (uint8_t)(len + 1), (uint8_t)((len + 1) >> 8), cmd };
    uart_write(hdr, sizeof hdr);
    uart_write(payload, len);
    uint16_t crc = proto_crc(cmd, payload, len);
    uint8_t tail[2] = { (uint8_t)crc, (uint8_t)(crc >> 8) };
    uart_write(tail, sizeof tail);
    return 0;
}
"""

R("haiku", "edit", "systems", "non-native", "long-trivial",
  "Fixing spelling in log strings is a mechanical edit.",
  "fix only the spelling mistakes in the log strings, code stays same\n\n" + _cfile_typo())

def _applog(seed, n):
    rnd = random.Random(seed)
    out = []
    t = 0
    for i in range(n):
        t += rnd.randint(5, 2500)
        lvl = rnd.choice(["I", "I", "I", "D", "W"])
        msg = rnd.choice(["net: tcp retransmit seq=%d" % rnd.randint(10**6, 10**9), "mqtt: publish topic=gw/telemetry qos=1 len=%d" % rnd.randint(40, 900),
                          "modbus: slave %d timeout" % rnd.randint(1, 8), "adc: ch%d sat" % rnd.randint(0, 7), "heap: free=%d" % rnd.randint(9000, 40000),
                          "mqtt: puback mid=%d" % rnd.randint(1, 65535), "net: link up 100M full"])
        out.append(f"{lvl} ({t}) {msg}")
    return "\n".join(out)

R("haiku", "question", "systems", "terse", "long-trivial",
  "Counting matching lines in a pasted log is mechanical.",
  "how many `modbus: slave N timeout` lines per slave id in this log? just a small table\n\n" + _applog(37, 260))

# ================================================================== more everyday sonnet work
R("sonnet", "implement", "systems", "non-native", None,
  "Systemd watchdog integration on both sides; routine.",
  "systemd service for our C daemon with WatchdogSec=10, and C side: sd_notify READY=1 after init, WATCHDOG=1 from main loop only if worker threads are alive (they update heartbeat). no libsystemd if possible, raw socket")
R("sonnet", "edit", "systems", "plain", None,
  "Adding bounds checks and error codes across a function needs care; routine.",
  r"""Please add proper bounds checks and return error codes (-EINVAL, -ENOSPC) to this, it currently trusts everything:

int cfg_set_name(struct cfg *c, const char *name)
{
    strcpy(c->name, name);
    c->name_len = strlen(name);
    return 0;
}

int cfg_add_peer(struct cfg *c, uint32_t ip, uint16_t port)
{
    c->peers[c->npeers].ip = ip;
    c->peers[c->npeers].port = port;
    c->npeers++;
    return 0;
}

/* struct cfg { char name[32]; size_t name_len; struct peer peers[8]; size_t npeers; }; */""")
R("sonnet", "implement", "systems", "non-native", None,
  "Wrapping a C callback API in an RAII C++ class; routine.",
  "we use libusb async api in C style everywhere (libusb_alloc_transfer, callbacks, handle_events thread). write C++ class UsbBulkReader: start()/stop(), std::function callback for data, RAII cleanup, no leaks when stop() during pending transfers")
R("sonnet", "implement", "tooling", "non-native", None,
  "A data-processing script with a clear input format.",
  "python: parse many `perf stat -x, -e cycles,instructions,cache-misses` csv outputs (one file per run, filename = run name), compute IPC and misses per 1k instr, plot bar chart with matplotlib, save png")
R("sonnet", "implement", "systems", "terse", None,
  "A careful integer parser with overflow detection; well-specified.",
  "strtol-like for our bootloader without libc: int32 parse, base 10 and 0x hex, leading +/-, overflow detection, returns end pointer. plus tests")
R("sonnet", "ops", "tooling", "non-native", None,
  "build.rs with bindgen and static linking; known steps.",
  "build.rs: run bindgen on vendor/include/sdk.h (only functions starting sdk_), link static lib from vendor/lib/<target triple>/libsdk.a, rerun only if header changes. also works with cross to aarch64")
R("sonnet", "implement", "systems", "non-native", None,
  "ISO-TP receive per the standard; spec-driven implementation.",
  "implement ISO-TP (ISO 15765-2) receiver in C on top of our can_send/can_rx callback: single frame, first frame + consecutive frames, send flow control (BS=0, STmin=5ms), timeout N_Cr 1000ms, max 4095 bytes. classic CAN 8 bytes only")
R("sonnet", "ops", "tooling", "non-native", None,
  "CMake options and presets for sanitizers; routine.",
  "add CMake option SANITIZE=address|undefined|thread and a CMakePresets.json with debug, release, asan, tsan presets. tsan and asan cannot be together, fail configure if someone tries")
R("sonnet", "ops", "tooling", "terse", None,
  "A build.zig mixing C and Zig with cross-compilation; routine.",
  "build.zig (0.12): compile vendor C lib (src/*.c, -O2, defines), link into zig exe, and cross to aarch64-linux-musl with `zig build -Dtarget=...`")
R("sonnet", "explain", "systems", "non-native", None,
  "Explaining a few dozen lines of async Rust with cancellation semantics.",
  r"""explain what happens here when shutdown fires while write_all is in progress. is data lost? colleague says select! cancels safely

async fn run(mut sock: TcpStream, mut rx: mpsc::Receiver<Bytes>, mut shutdown: broadcast::Receiver<()>) -> io::Result<()> {
    loop {
        tokio::select! {
            msg = rx.recv() => {
                let Some(msg) = msg else { break };
                let len = (msg.len() as u32).to_be_bytes();
                sock.write_all(&len).await?;
                sock.write_all(&msg).await?;
            }
            _ = shutdown.recv() => {
                sock.shutdown().await?;
                break;
            }
        }
    }
    Ok(())
}""")
R("sonnet", "implement", "systems", "non-native", None,
  "Button debouncing with events in a timer ISR; clear spec.",
  "debounce 8 buttons (one GPIO port, bits 0-7) in 5ms timer ISR: report PRESS, RELEASE, LONG_PRESS (>1s) events into queue. integrator or shift-register method, you choose, explain")
R("sonnet", "implement", "systems", "non-native", None,
  "A Modbus RTU master function with a clear spec.",
  "modbus RTU master: function 0x03 read holding registers, RS485 half-duplex with DE pin control (switch after TC flag, not TXE), 3.5 char silence detection with timer, CRC16, timeout 200ms. STM32 LL drivers")
R("sonnet", "implement", "general", "terse", None,
  "A standard heap-based timer queue.",
  "min-heap timer queue for my event loop in C: add(timeout, cb, arg) -> id, cancel(id) O(log n) (keep index in node), run_expired(now)")
R("sonnet", "implement", "tooling", "non-native", None,
  "A symbol-export script with clear input and output.",
  "script: from bootloader.elf take all symbols with prefix `bl_api_` (nm), generate header with function pointer table struct in address order + static assert of table address 0x08003F00. python, pyelftools ok")
R("sonnet", "debug", "systems", "non-native", None,
  "A known bare-metal C++ link error with an identifiable cause.",
  "bare metal cortex-m, first C++ file added, link error `undefined reference to __dso_handle` and `__cxa_atexit`. it is a static object with destructor in a .cpp. how fix properly, we never exit")
R("sonnet", "test", "systems", "terse", None,
  "A benchmark comparison using a known framework.",
  "criterion bench: our hand-written frame parser vs nom-based version, inputs 64B/1KB/64KB, throughput in bytes")
R("sonnet", "ops", "tooling", "non-native", None,
  "Adding pkg-config generation in CMake; routine.",
  "our cmake library needs .pc file for pkg-config (for yocto consumers). generate with configure_file, correct prefix/libdir with GNUInstallDirs, Requires.private for libsystemd")
R("sonnet", "implement", "systems", "plain", None,
  "Multicast receive on a chosen interface is routine socket code.",
  "C code to receive UDP multicast on 239.1.2.3:5000 on a specific interface (by name, e.g. eth1) when the box has three NICs. IPv4 only. Print sender and payload length.")
R("sonnet", "implement", "systems", "terse", None,
  "A single-threaded token bucket.",
  "token bucket in C for packet forwarder, single thread, rate in bytes/s + burst, uses monotonic ns clock, no floats")
R("sonnet", "implement", "systems", "non-native", None,
  "Deep-sleep with wakeup and RTC memory on ESP32; known APIs.",
  "esp32: deep sleep, wakeup from ext1 on GPIO 33 or 34 (any low) and timer 15 min. keep boot counter + last reading in RTC memory. print wake reason on boot. IDF 5")
R("sonnet", "ops", "tooling", "non-native", None,
  "CI job with sanitizers and suppressions; routine.",
  "CI job: build tests with ASan+UBSan, run ctest, fail on any report. one 3rd party lib (libmodbus) leaks on purpose, suppress only that. github actions ubuntu-22.04")
R("sonnet", "implement", "tooling", "non-native", None,
  "A CLI with subcommands using a known library.",
  "C++ CLI11: tool `gwctl` with subcommands `flash <file> [--port]`, `log tail [-n]`, `cfg get <key>`, `cfg set <key> <val>`. dispatch to functions, --verbose global")
R("sonnet", "implement", "systems", "non-native", None,
  "Manual serde impls for a custom tagged format.",
  "serde: our enum Cmd { Reboot, SetRate(u32), Config { key: String, val: String } } must serialize as [\"reboot\"], [\"set_rate\", 100], [\"config\", \"k\", \"v\"] (arrays, legacy protocol). manual Serialize + Deserialize")
R("sonnet", "implement", "tooling", "non-native", None,
  "A debugger script over known RTOS structures.",
  "gdb python script: from core dump of FreeRTOS (v10.5) firmware, list all tasks with name, state, priority, stack high water mark. walk pxReadyTasksLists, xDelayedTaskList1/2, xSuspendedTaskList")
R("sonnet", "implement", "systems", "non-native", None,
  "USB CDC with a known stack; routine integration.",
  "tinyusb on stm32f411 blackpill: usb cdc echo + second interface vendor bulk for data. descriptors and tusb_config.h, bare metal no rtos")
R("sonnet", "test", "systems", "plain", None,
  "Writing a kselftest for an existing ioctl.",
  "Write a kselftest for our /dev/acme ioctl ACME_IOC_RW_REG: valid read/write roundtrip, offset out of range returns EINVAL, unaligned offset returns EINVAL, and the ioctl fails with ENOTTY for a bogus command number.")
R("sonnet", "test", "systems", "non-native", None,
  "A micro-benchmark with known pitfalls but no analysis needed.",
  "small benchmark in C: cost of getpid() (real syscall, not cached) vs clock_gettime vdso vs rdtsc, 10M iterations, print ns/op. how avoid compiler removing the loop")
R("sonnet", "review", "systems", "non-native", None,
  "A routine review of a small single-threaded C function.",
  r"""review this, it splits a line into args for our cli (no threads). anything broken?

int split_args(char *line, char **argv, int max)
{
    int argc = 0;
    char *p = line;
    while (*p && argc < max) {
        while (*p == ' ') p++;
        if (*p == '"') {
            argv[argc++] = ++p;
            while (*p && *p != '"') p++;
        } else {
            argv[argc++] = p;
            while (*p && *p != ' ') p++;
        }
        if (*p) *p++ = '\0';
    }
    return argc;
}""")
R("sonnet", "implement", "systems", "non-native", None,
  "Adding an allocator hook with known interface; routine.",
  "add tracking to our embedded heap: wrap pvPortMalloc/vPortFree to record per-task current bytes and peak, print table from cli command `heap`. FreeRTOS heap_4, 7 tasks. we need to know which task eats the heap after long runtime, free heap goes down slowly")
R("sonnet", "refactor", "systems", "non-native", None,
  "Converting manual error handling to a consistent goto-cleanup pattern across one function.",
  r"""refactor to kernel style goto cleanup, now it leaks on some paths:

static int acme_probe(struct i2c_client *c)
{
    struct acme *a = kzalloc(sizeof(*a), GFP_KERNEL);
    if (!a) return -ENOMEM;
    a->buf = kmalloc(4096, GFP_KERNEL);
    if (!a->buf) return -ENOMEM;
    a->wq = alloc_workqueue("acme", WQ_UNBOUND, 1);
    if (!a->wq) { kfree(a); return -ENOMEM; }
    if (acme_hw_init(c, a)) { destroy_workqueue(a->wq); kfree(a); return -EIO; }
    if (request_irq(c->irq, acme_irq, 0, "acme", a)) { kfree(a->buf); kfree(a); return -EBUSY; }
    i2c_set_clientdata(c, a);
    return 0;
}""")
R("sonnet", "implement", "general", "terse", None,
  "A bytecode disassembler for an existing instruction set.",
  "disassembler for my VM bytecode (opcodes.h has the table with name + operand count), prints offset, line, opcode, operands, constant values for OP_CONST")
R("sonnet", "debug", "systems", "typos", None,
  "A clear cause (missing volatile/compiler optimisation on a flag) from the symptom and code.",
  r"""works with -O0, hangs forever with -O2. why?

static bool done;
void TIM2_IRQHandler(void) { TIM2->SR = 0; done = true; }
void wait_tick(void) { done = false; while (!done) { } }""")
R("sonnet", "implement", "systems", "non-native", None,
  "A Linux hwmon driver with a clear register map; routine.",
  "hwmon driver for our i2c temp sensor: reg 0x00 temp (s16, 1/128 °C), 0x01 config, 0x02 high limit, 0x03 low limit. expose temp1_input, temp1_max, temp1_min (rw), use hwmon_device_register_with_info + regmap")
R("sonnet", "implement", "systems", "non-native", None,
  "Adding a configurable filter to existing code; routine.",
  "add median-of-5 + EMA filter option per ADC channel in our sensor task, configured from json ('none'|'ema'|'median5', alpha for ema as q15). fixed point only")
R("sonnet", "explain", "systems", "plain", None,
  "Explaining a moderately complex kernel mechanism in the context of a driver.",
  "Can you walk me through how a Linux SPI controller driver's transfer_one gets called — from spi_sync in a client driver down to the controller — and which context (process, workqueue, IRQ) each step runs in? I'm writing my first controller driver.")
R("sonnet", "implement", "web", "non-native", None,
  "An HTTP handler on an embedded server with a clear spec.",
  "esp-idf httpd: add POST /api/config that accepts json (max 2KB), validates fields with cJSON (ssid str <=32, interval int 1..3600), saves to NVS, returns 400 with error msg on invalid")
R("sonnet", "implement", "systems", "terse", None,
  "A known structure with a clear interface.",
  "intrusive doubly linked list in C like the kernel's list_head, with list_for_each_entry_safe macro, typeof allowed (gcc)")
R("sonnet", "implement", "databases", "non-native", None,
  "A small storage layer with SQLite; routine.",
  "on device (linux, C) store events in sqlite: table events(ts, type, payload blob), insert with prepared stmt, WAL mode, delete oldest when > 100k rows, all in one small module with init/insert/query_since")

# ------------------------------------------------------------------ writer
def write():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "w11.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for i, row in enumerate(ROWS, 1):
            r = {"id": f"w11-{i:04d}", **row}
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

if __name__ == "__main__":
    write()
