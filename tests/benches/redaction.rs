//! Redaction benchmark: what `shim_actors::redact` costs on clean text, on text full of secrets, on a
//! 2,000-token prompt, and on an event's JSON.
//!
//! Run: `cargo bench -p shim-tests --bench redaction` (optionally `-- --megabytes 64 --prompts 20000`).
//! No NATS: redaction is a pure function. The texts are built before the clock starts, from a fixed seed; the
//! secrets in them are made of a prefix and random characters, as the corpus test makes them.

use std::{
    hint::black_box,
    time::{Duration, Instant},
};

use shim_actors::redact::{redact, redact_json};
use shim_tests::percentiles;

struct Options {
    megabytes: usize,
    prompts: usize,
}

fn options() -> Options {
    let mut options = Options {
        megabytes: 32,
        prompts: 20_000,
    };
    let args: Vec<String> = std::env::args().collect();
    for pair in args.windows(2) {
        let value = pair[1].parse::<usize>().ok();
        match (pair[0].as_str(), value) {
            ("--megabytes", Some(value)) => options.megabytes = value.max(1),
            ("--prompts", Some(value)) => options.prompts = value.max(1),
            _ => {}
        }
    }
    options
}

/// xorshift64*: enough randomness for texts, and no dependency.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }

    fn chars(&mut self, alphabet: &str, len: usize) -> String {
        let alphabet = alphabet.as_bytes();
        (0..len)
            .map(|_| alphabet[self.below(alphabet.len())] as char)
            .collect()
    }
}

const BASE62: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const HEX: &str = "0123456789abcdef";

/// Lines of what a session's text is made of: prose, code, a diff, tool output, JSON, hashes and ids.
fn clean_line(random: &mut Random) -> String {
    let kind = random.below(8);
    line_of_kind(random, kind)
}

/// A line with nothing any rule looks for: prose, JSON, a log line, a commit of `main`.
fn plain_line(random: &mut Random) -> String {
    match random.below(4) {
        0 => line_of_kind(random, 0),
        1 => line_of_kind(random, 4),
        2 => line_of_kind(random, 6),
        _ => format!(
            "commit {} Merge branch 'main' into release",
            random.chars(HEX, 40)
        ),
    }
}

fn line_of_kind(random: &mut Random, kind: usize) -> String {
    match kind {
        0 => "The parser recovers from a missing semicolon by skipping to the next statement; the tests in \
              t_17 cover it, and the risk score stays low while the context grows."
            .to_owned(),
        1 => "    let tokens = lexer.tokenize(&source)?; // max_tokens = 4096, see config.rs".to_owned(),
        2 => format!(
            "+    if key == \"{}\" {{ return Err(ParseError::Unexpected(span)); }}",
            random.chars(BASE62, 8)
        ),
        3 => format!(
            "commit {} Merge branch 'feature/{}' into main",
            random.chars(HEX, 40),
            random.chars(BASE62, 6)
        ),
        4 => format!(
            "{{\"tool\":\"Bash\",\"ok\":true,\"duration_ms\":{},\"chat_id\":\"{}-{}-4{}\"}}",
            random.below(5_000),
            random.chars(HEX, 8),
            random.chars(HEX, 4),
            random.chars(HEX, 3)
        ),
        5 => format!(
            "test result: ok. {} passed; 0 failed; finished in {}.{}s",
            random.below(300),
            random.below(60),
            random.below(100)
        ),
        6 => format!(
            "2026-12-04T10:11:12.345Z  INFO shim_node: checkpoint saved chat_id={} seq={} bytes={}",
            random.chars(HEX, 12),
            random.below(50),
            random.below(100_000)
        ),
        _ => format!("sha256:{} data:image/png;base64,{}", random.chars(HEX, 64), {
            random.chars(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
                120,
            )
        }),
    }
}

/// A line holding one secret.
fn secret_line(random: &mut Random) -> String {
    match random.below(8) {
        0 => format!(
            "export ANTHROPIC_API_KEY=sk-ant-api03-{}AA",
            random.chars(BASE62, 93)
        ),
        1 => format!("password={} user=admin", random.chars(BASE62, 14)),
        2 => format!(
            "aws_access_key_id = AKIA{}",
            random.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
        ),
        3 => format!(
            "curl -H \"Authorization: Bearer {}\" https://api.example.com",
            random.chars(BASE62, 40)
        ),
        4 => format!(
            "DATABASE_URL=postgres://app:{}@db.internal:5432/app",
            random.chars(BASE62, 16)
        ),
        5 => format!("GITHUB_TOKEN=ghp_{}", random.chars(BASE62, 36)),
        6 => format!(
            "{{\"api_key\": \"{}\", \"region\": \"eu-west-1\"}}",
            random.chars(BASE62, 40)
        ),
        _ => format!(
            "token eyJhbGciOiJIUzI1NiJ9.{}.{}",
            random.chars(BASE62, 40),
            random.chars(BASE62, 43)
        ),
    }
}

/// About `bytes` of text, a line in `secret_every` a secret (0: none).
fn text(random: &mut Random, bytes: usize, secret_every: usize) -> String {
    let mut text = String::with_capacity(bytes + 256);
    let mut line = 0;
    while text.len() < bytes {
        line += 1;
        if secret_every > 0 && line % secret_every == 0 {
            text.push_str(&secret_line(random));
        } else {
            text.push_str(&clean_line(random));
        }
        text.push('\n');
    }
    text
}

/// Redacts `text` until `megabytes` have gone through; returns MB/s and how many redactions one pass made.
fn throughput(text: &str, megabytes: usize) -> (f64, usize) {
    let markers = redact(text).matches("[redacted: ").count();
    let passes = (megabytes * 1_000_000).div_ceil(text.len());
    let started = Instant::now();
    for _ in 0..passes {
        black_box(redact(black_box(text)));
    }
    let elapsed = started.elapsed().as_secs_f64();
    ((passes * text.len()) as f64 / 1e6 / elapsed, markers)
}

fn latencies(prompt: &str, calls: usize) -> (Duration, Duration) {
    let samples: Vec<Duration> = (0..calls)
        .map(|_| {
            let started = Instant::now();
            black_box(redact(black_box(prompt)));
            started.elapsed()
        })
        .collect();
    percentiles(samples)
}

fn main() {
    let options = options();
    let started = Instant::now();
    shim_actors::redact::warm_up();
    println!(
        "compiling the rules (once per process): {:.2} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );

    let mut random = Random(0x5eed_5eed_5eed_5eed);
    println!("\nthroughput ({} MB through each):", options.megabytes);
    println!("| text | size | secrets in one pass | MB/s |");
    println!("|---|---:|---:|---:|");
    let plain = {
        let mut text = String::new();
        while text.len() < 1 << 20 {
            text.push_str(&plain_line(&mut random));
            text.push('\n');
        }
        text
    };
    let (rate, markers) = throughput(&plain, options.megabytes);
    println!(
        "| clean, nothing any rule looks for (prose, commits, JSON, logs) | {} KiB | {markers} | {rate:.0} |",
        plain.len() / 1024
    );
    for (name, every) in [
        ("clean (prose, code, diff, JSON, hashes, base64)", 0),
        ("a secret every 10 lines", 10),
        ("a secret on every line", 1),
    ] {
        let text = text(&mut random, 1 << 20, every);
        let (rate, markers) = throughput(&text, options.megabytes);
        println!(
            "| {name} | {} KiB | {markers} | {rate:.0} |",
            text.len() / 1024
        );
    }

    // A 2,000-token prompt: about 8,000 characters of prose and code.
    let clean_prompt = text(&mut random, 8_000, 0);
    let mut secret_prompt = text(&mut random, 7_800, 0);
    secret_prompt.push_str(&secret_line(&mut random));
    secret_prompt.push_str(&secret_line(&mut random));
    println!("\na 2,000-token prompt ({} calls each):", options.prompts);
    println!("| prompt | p50 µs | p99 µs |");
    println!("|---|---:|---:|");
    for (name, prompt) in [("clean", &clean_prompt), ("two secrets", &secret_prompt)] {
        let _ = latencies(prompt, 1_000);
        let (p50, p99) = latencies(prompt, options.prompts);
        println!(
            "| {name} ({} bytes) | {:.1} | {:.1} |",
            prompt.len(),
            p50.as_secs_f64() * 1e6,
            p99.as_secs_f64() * 1e6
        );
    }

    // An event as the node publishes it: every string of its data.
    let event = serde_json::json!({
        "tool": "Bash",
        "error": "exit status 1: connection refused (postgres://app:hunter2hunter2@db/app)",
        "duration_ms": 1234,
        "arguments": {"command": "cargo test -p shim-node --test analytics", "timeout": 600000},
        "risk": {"level": "warning", "score": 0.62, "reasons": ["47 tool calls", "3 failures"]},
    });
    let samples: Vec<Duration> = (0..options.prompts)
        .map(|_| {
            let mut copy = event.clone();
            let started = Instant::now();
            black_box(redact_json(&mut copy));
            started.elapsed()
        })
        .collect();
    let (p50, p99) = percentiles(samples);
    println!(
        "\nan event's JSON (one URL password among 8 strings): p50 {:.1} µs, p99 {:.1} µs",
        p50.as_secs_f64() * 1e6,
        p99.as_secs_f64() * 1e6
    );
}
