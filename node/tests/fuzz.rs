//! Fuzz targets for what the node and its commands read from outside: the hook JSON Claude Code writes
//! to `shim-node hook` ([`hook::parse`]), the status-line JSON ([`statusline::parse`]), each line an MCP
//! client writes to `shim-node mcp` (the line reader, [`LineTransport`], over input cut into arbitrary
//! chunks; each line's [`jsonrpc::classify`], and the id scan of a line too long to keep,
//! [`jsonrpc::too_long`]), OTLP/HTTP export bodies, protobuf and JSON, plain and gzipped
//! ([`otlp::take_body`], all the receiver does with a body), the configuration file
//! ([`Config::from_file`]), the events the analytics summary tallies ([`EventTally::add`]), and Workflow A's
//! parsers of each tool's output ([`workflows::parse::parse`], one target per format) and of `.shim.toml`'s
//! `[verify]` table ([`workflows::VerifyConfig::parse`]).
//!
//! Properties: parsing never panics and returns within [`fuzz::PER_INPUT`], a value or an error; an
//! MCP line that is not served is answered with a JSON-RPC error whose id is one a request may carry, and
//! how the input is cut into reads changes nothing the server reads or answers; an OTLP body never yields more records than the limit. Cases: [`fuzz::cases`] (`SHIM_FUZZ_CASES`, see
//! `protocol/tests/support/fuzz.rs`).

#[path = "../../protocol/tests/support/fuzz.rs"]
mod fuzz;

use std::{
    io::Write,
    pin::Pin,
    task::{Context, Poll},
};

use opentelemetry_proto::tonic::{
    collector::{logs::v1::ExportLogsServiceRequest, metrics::v1::ExportMetricsServiceRequest},
    common::v1::{AnyValue, KeyValue, any_value::Value as Any},
    logs::v1::{LogRecord, ResourceLogs, ScopeLogs},
    metrics::v1::{
        AggregationTemporality, Metric, NumberDataPoint, ResourceMetrics, ScopeMetrics, Sum,
        metric::Data, number_data_point,
    },
    resource::v1::Resource,
};
use proptest::prelude::*;
use prost::Message;
use rmcp::{
    model::{JsonRpcMessage, ServerResult},
    transport::Transport,
};
use serde_json::{Value, json};
use shim_node::{
    analytics::summary::EventTally,
    cli::{hook, statusline},
    config::Config,
    mcp::{
        jsonrpc::{self, Incoming},
        stdio::LineTransport,
    },
    otlp::{self, Limits, Signal, body::Format},
    workflows,
};
use shim_protocol::codec;
use tokio::io::{AsyncRead, AsyncReadExt, ReadBuf};

// Hook and status-line JSON.

fn hook_samples() -> Vec<Value> {
    let base = json!({"session_id": "5f0c2a1e-8d3b", "transcript_path": "/home/dev/.claude/t.jsonl",
        "cwd": "/home/dev/parser"});
    let with = |fields: Value| {
        let mut sample = base.clone();
        for (key, value) in fields.as_object().expect("fields") {
            sample[key] = value.clone();
        }
        sample
    };
    vec![
        with(json!({"hook_event_name": "SessionStart", "source": "startup"})),
        with(json!({"hook_event_name": "SessionStart", "source": "compact"})),
        with(json!({"hook_event_name": "UserPromptSubmit", "prompt": "fix the lexer"})),
        with(json!({"hook_event_name": "PostCompact"})),
        with(json!({"hook_event_name": "StopFailure", "error": "overloaded"})),
        with(
            json!({"hook_event_name": "PostToolUse", "tool_name": "Edit",
            "tool_input": {"file_path": "/p/src/lexer.rs"}, "tool_response": {"ok": true},
            "duration_ms": 120}),
        ),
        with(
            json!({"hook_event_name": "PostToolUseFailure", "tool_name": "Bash",
            "error": "exit 1"}),
        ),
        with(json!({"hook_event_name": "PreCompact", "trigger": "auto"})),
        with(json!({"hook_event_name": "Stop"})),
        with(json!({"hook_event_name": "SessionEnd", "reason": "exit"})),
    ]
}

fn statusline_sample() -> Value {
    json!({
        "session_id": "5f0c2a1e-8d3b", "transcript_path": "/home/dev/.claude/t.jsonl",
        "model": {"id": "claude-opus-4-1", "display_name": "Opus"},
        "cost": {"total_cost_usd": 0.42},
        "context_window": {"total_input_tokens": 120000, "context_window_size": 200000,
            "used_percentage": 60.0}
    })
}

/// Parses `input` as a hook and as a status line; what they produce must encode (or be refused as too
/// large), as it is sent to the node next.
fn hook_and_statusline(input: &[u8]) {
    match fuzz::bounded("hook::parse", || {
        hook::parse(input, Some(42), 1_764_000_000_000)
    }) {
        Some(hook::HookAction::Start { request, .. }) => encodes(&request),
        Some(hook::HookAction::Signals(batch)) => encodes(&batch),
        Some(hook::HookAction::End(request)) => encodes(&request),
        None => {}
    }
    if let Some(batch) = fuzz::bounded("statusline::parse", || {
        statusline::parse(input, 1_764_000_000_000)
    }) {
        encodes(&batch);
    }
}

fn encodes<T: serde::Serialize>(value: &T) {
    match codec::encode(value) {
        Ok(_) | Err(shim_protocol::CodecError::TooLarge { .. }) => {}
        Err(error) => panic!("a parsed input does not encode: {error}"),
    }
}

// MCP lines.

fn mcp_samples() -> Vec<Value> {
    vec![
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18", "capabilities": {},
            "clientInfo": {"name": "claude-code", "version": "2.0.37"}}}),
        json!({"jsonrpc": "2.0", "method": "notifications/initialized"}),
        json!({"jsonrpc": "2.0", "id": "call-7", "method": "tools/call", "params": {
            "name": "checkpoint_save", "arguments": {"summary": "porting the lexer", "files": ["a.rs"]}}}),
        json!({"jsonrpc": "2.0", "id": 2, "method": "tools/list"}),
        json!({"jsonrpc": "2.0", "id": 3, "method": "ping"}),
        json!({"jsonrpc": "2.0", "id": 4, "result": {}}),
        json!({"jsonrpc": "2.0", "method": "notifications/cancelled", "params": {"requestId": 2}}),
        json!([{"jsonrpc": "2.0", "id": 5, "method": "ping"}]),
    ]
}

/// A JSON-RPC id as a request may carry it (or null, when none could be read).
fn is_id(id: &Value) -> bool {
    id.is_null() || id.is_string() || id.as_i64().is_some() || id.as_u64().is_some()
}

fn check_reject(reply: &Value) {
    let replies = match reply {
        Value::Array(items) => items.iter().collect(),
        single => vec![single],
    };
    for reply in replies {
        assert_eq!(reply["jsonrpc"], "2.0", "{reply}");
        assert!(is_id(&reply["id"]), "{reply}");
        let code = reply["error"]["code"].as_i64().expect("an error code");
        assert!(
            [
                jsonrpc::PARSE_ERROR,
                jsonrpc::INVALID_REQUEST,
                jsonrpc::INVALID_PARAMS
            ]
            .contains(&code),
            "{reply}"
        );
        assert!(reply["error"]["message"].is_string(), "{reply}");
    }
}

fn mcp_line(line: &[u8]) {
    match fuzz::bounded("jsonrpc::classify", || jsonrpc::classify(line)) {
        Incoming::Reject(reply) => check_reject(&reply),
        Incoming::Message(_) | Incoming::Blank => {}
    }
    let prefix = &line[..line.len().min(jsonrpc::ID_SCAN_PREFIX)];
    check_reject(&fuzz::bounded("jsonrpc::too_long", || {
        jsonrpc::too_long(prefix, 16 * 1024 * 1024)
    }));
}

/// Input handed over in reads of the given sizes, in turn.
struct Chunked {
    data: Vec<u8>,
    at: usize,
    sizes: Vec<usize>,
    reads: usize,
}

impl AsyncRead for Chunked {
    fn poll_read(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let this = &mut *self;
        let size = match this.sizes.len() {
            0 => usize::MAX,
            len => this.sizes[this.reads % len].max(1),
        };
        this.reads += 1;
        let end = this
            .data
            .len()
            .min(this.at.saturating_add(size))
            .min(this.at + buf.remaining());
        buf.put_slice(&this.data[this.at..end]);
        this.at = end;
        Poll::Ready(Ok(()))
    }
}

/// Serves `input`, read in reads of `sizes`, through the MCP server's line reader: answers each request it
/// hands on, and returns what it handed on and everything written back.
fn serve_lines(input: &[u8], sizes: Vec<usize>) -> (Vec<String>, Vec<u8>) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let (server_out, mut client_out) = tokio::io::duplex(64 * 1024);
        let written = tokio::spawn(async move {
            let mut all = Vec::new();
            client_out.read_to_end(&mut all).await.expect("reads");
            all
        });
        let input = Chunked {
            data: input.to_vec(),
            at: 0,
            sizes,
            reads: 0,
        };
        let mut transport = LineTransport::new(input, server_out);
        let mut handed_on = Vec::new();
        while let Some(message) = transport.receive().await {
            handed_on.push(serde_json::to_string(&message).expect("json"));
            if let JsonRpcMessage::Request(request) = message {
                transport
                    .send(JsonRpcMessage::response(
                        ServerResult::empty(()),
                        request.id,
                    ))
                    .await
                    .expect("answers");
            }
        }
        transport.close().await.expect("closes");
        drop(transport);
        (handed_on, written.await.expect("the reader"))
    })
}

/// The line reader on `input`, whole and in reads of `sizes`: the same either way, and every line written
/// back is a JSON-RPC response or error.
fn mcp_stream(input: &[u8], sizes: Vec<usize>) {
    let whole = fuzz::bounded("LineTransport", || serve_lines(input, Vec::new()));
    let chunked = fuzz::bounded("LineTransport", || serve_lines(input, sizes));
    assert_eq!(whole, chunked, "the reads' sizes changed what was read");
    let (handed_on, written) = whole;
    let lines = input.split(|byte| *byte == b'\n').count();
    let answers = written
        .split(|byte| *byte == b'\n')
        .filter(|line| !line.is_empty());
    let mut replies = 0;
    for answer in answers {
        let reply: Value = serde_json::from_slice(answer).expect("an answer is JSON");
        if reply.get("error").is_some() || reply.is_array() {
            check_reject(&reply);
        }
        replies += 1;
    }
    assert!(
        handed_on.len() <= lines && replies <= lines,
        "more out than lines in"
    );
}

// OTLP bodies.

fn attr(key: &str, value: Any) -> KeyValue {
    KeyValue {
        key: key.to_owned(),
        value: Some(AnyValue { value: Some(value) }),
        ..KeyValue::default()
    }
}

fn text(key: &str, value: &str) -> KeyValue {
    attr(key, Any::StringValue(value.to_owned()))
}

fn logs_sample() -> ExportLogsServiceRequest {
    let record = |name: &str, extra: Vec<KeyValue>| {
        let mut attributes = vec![
            text("event.name", name),
            text("session.id", "5f0c2a1e-8d3b"),
            text("event.timestamp", "2026-12-02T12:00:00.000Z"),
        ];
        attributes.extend(extra);
        LogRecord {
            time_unix_nano: 1_764_676_800_000_000_000,
            body: Some(AnyValue {
                value: Some(Any::StringValue(format!("claude_code.{name}"))),
            }),
            attributes,
            ..LogRecord::default()
        }
    };
    ExportLogsServiceRequest {
        resource_logs: vec![ResourceLogs {
            resource: Some(Resource {
                attributes: vec![text("service.name", "claude-code")],
                ..Resource::default()
            }),
            scope_logs: vec![ScopeLogs {
                log_records: vec![
                    record(
                        "api_request",
                        vec![
                            text("model", "claude-opus-4-1"),
                            text("duration_ms", "900"),
                            text("input_tokens", "1200"),
                            text("output_tokens", "300"),
                            text("cost_usd", "0.12"),
                            attr("cache_read_tokens", Any::IntValue(5000)),
                        ],
                    ),
                    record(
                        "api_error",
                        vec![text("error", "overloaded"), text("status_code", "529")],
                    ),
                    record(
                        "tool_result",
                        vec![
                            text("tool_name", "Bash"),
                            text("success", "false"),
                            attr("duration_ms", Any::DoubleValue(12.5)),
                        ],
                    ),
                    record("user_prompt", vec![text("prompt_length", "42")]),
                ],
                ..ScopeLogs::default()
            }],
            ..ResourceLogs::default()
        }],
    }
}

fn metrics_sample() -> ExportMetricsServiceRequest {
    let point = |value: f64, kind: &str| NumberDataPoint {
        attributes: vec![text("session.id", "5f0c2a1e-8d3b"), text("type", kind)],
        time_unix_nano: 1_764_676_800_000_000_000,
        value: Some(number_data_point::Value::AsDouble(value)),
        ..NumberDataPoint::default()
    };
    let sum = |name: &str, points: Vec<NumberDataPoint>| Metric {
        name: name.to_owned(),
        data: Some(Data::Sum(Sum {
            data_points: points,
            aggregation_temporality: AggregationTemporality::Cumulative as i32,
            is_monotonic: true,
        })),
        ..Metric::default()
    };
    ExportMetricsServiceRequest {
        resource_metrics: vec![ResourceMetrics {
            scope_metrics: vec![ScopeMetrics {
                metrics: vec![
                    sum(
                        "claude_code.token.usage",
                        vec![point(1200.0, "input"), point(300.0, "output")],
                    ),
                    sum("claude_code.cost.usage", vec![point(0.12, "")]),
                    sum("claude_code.session.count", vec![point(1.0, "")]),
                ],
                ..ScopeMetrics::default()
            }],
            ..ResourceMetrics::default()
        }],
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).expect("gzips");
    encoder.finish().expect("gzips")
}

/// The seeds: (signal, format, plain body).
fn otlp_seeds() -> Vec<(Signal, Format, Vec<u8>)> {
    let logs = logs_sample();
    let metrics = metrics_sample();
    vec![
        (Signal::Logs, Format::Protobuf, logs.encode_to_vec()),
        (
            Signal::Logs,
            Format::Json,
            serde_json::to_vec(&logs).expect("json"),
        ),
        (Signal::Metrics, Format::Protobuf, metrics.encode_to_vec()),
        (
            Signal::Metrics,
            Format::Json,
            serde_json::to_vec(&metrics).expect("json"),
        ),
    ]
}

/// Small limits, so the fuzzer reaches them.
fn limits() -> Limits {
    Limits {
        max_body_bytes: 256 * 1024,
        max_records: 64,
        ..Limits::default()
    }
}

/// Takes `plain` in as `signal` and `format`, plain and gzipped.
fn otlp_body(signal: Signal, format: Format, plain: &[u8]) {
    let limits = limits();
    for (gzipped, wire) in [(false, plain.to_vec()), (true, gzip(plain))] {
        let taken = fuzz::bounded("otlp::take_body", || {
            otlp::take_body(signal, format, gzipped, &wire, limits)
        });
        if let Ok(taken) = taken {
            assert!(
                taken.records.len() <= limits.max_records,
                "{} records",
                taken.records.len()
            );
        }
    }
    // As a gzip body that is not gzip.
    let _ = otlp::take_body(signal, format, true, plain, limits);
}

// The configuration file.

const CONFIG_SAMPLE: &str = r#"
version = 1
node_id = "laptop"
nats_url = "nats://127.0.0.1:4222"
metrics_addr = "127.0.0.1:9464"
request_timeout_ms = 5000
max_chats = 64

[tasks]
max_attempts = 3
ack_wait_s = 60

[analytics]
max_age_days = 30
"#;

fn config_text(text: &str) {
    let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
    file.write_all(text.as_bytes()).expect("writes");
    file.flush().expect("flushes");
    if let Ok(config) = fuzz::bounded("Config::from_file", || Config::from_file(file.path())) {
        let _ = fuzz::bounded("Config::validate", || config.validate());
    }
}

/// Byte-level edits: overwrite, insert, remove (positions modulo the length).
fn edit_bytes(bytes: &mut Vec<u8>, edits: &[(usize, u8, u8)]) {
    for &(at, byte, kind) in edits {
        let len = bytes.len();
        match kind % 3 {
            0 if len > 0 => bytes[at % len] = byte,
            1 => bytes.insert(at % (len + 1), byte),
            2 if len > 0 => {
                bytes.remove(at % len);
            }
            _ => {}
        }
    }
}

fn edits() -> impl Strategy<Value = Vec<(usize, u8, u8)>> {
    proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..8)
}

#[test]
fn every_truncation_of_every_sample_parses_or_fails_cleanly() {
    for sample in hook_samples().into_iter().chain([statusline_sample()]) {
        let bytes = serde_json::to_vec(&sample).expect("json");
        for cut in 0..=bytes.len() {
            hook_and_statusline(&bytes[..cut]);
        }
    }
    for sample in mcp_samples() {
        let bytes = serde_json::to_vec(&sample).expect("json");
        for cut in 0..=bytes.len() {
            mcp_line(&bytes[..cut]);
        }
    }
    for (signal, format, plain) in otlp_seeds() {
        let limits = limits();
        // Every cut of the plain body; of the gzipped one, a sample of them.
        for cut in 0..=plain.len() {
            let _ = otlp::take_body(signal, format, false, &plain[..cut], limits);
        }
        let zipped = gzip(&plain);
        for cut in (0..=zipped.len()).step_by(7) {
            let _ = otlp::take_body(signal, format, true, &zipped[..cut], limits);
        }
    }
    for cut in (0..=CONFIG_SAMPLE.len()).filter(|cut| CONFIG_SAMPLE.is_char_boundary(*cut)) {
        config_text(&CONFIG_SAMPLE[..cut]);
    }
}

#[test]
fn the_samples_are_understood() {
    for sample in hook_samples() {
        assert!(
            hook::parse(&serde_json::to_vec(&sample).expect("json"), None, 1).is_some(),
            "{sample}"
        );
    }
    assert!(
        statusline::parse(&serde_json::to_vec(&statusline_sample()).expect("json"), 1).is_some()
    );
    for sample in &mcp_samples()[..7] {
        assert!(
            matches!(
                jsonrpc::classify(&serde_json::to_vec(sample).expect("json")),
                Incoming::Message(_)
            ),
            "{sample}"
        );
    }
    for (signal, format, plain) in otlp_seeds() {
        let taken = otlp::take_body(signal, format, false, &plain, limits()).expect("takes");
        assert!(!taken.records.is_empty(), "{signal:?} {format:?}");
    }
    let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
    file.write_all(CONFIG_SAMPLE.as_bytes()).expect("writes");
    file.flush().expect("flushes");
    Config::from_file(file.path()).expect("the sample configuration parses");
}

#[test]
fn hostile_inputs_are_errors_not_panics() {
    let deep_json =
        |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth)).into_bytes();
    let deep_object =
        |depth: usize| format!("{}1{}", r#"{"a":"#.repeat(depth), "}".repeat(depth)).into_bytes();
    let mut json_inputs = vec![
        deep_json(100_000),
        deep_object(100_000),
        br#"{"session_id":"\ud800","hook_event_name":"Stop"}"#.to_vec(),
        b"{\"session_id\":\"\xff\xfe\",\"hook_event_name\":\"Stop\"}".to_vec(),
        br#"{"jsonrpc":"2.0","id":1e999999,"method":"ping"}"#.to_vec(),
        br#"{"jsonrpc":"2.0","id":18446744073709551616,"method":"ping"}"#.to_vec(),
        format!(
            r#"{{"jsonrpc":"2.0","id":"{}","method":"ping"}}"#,
            "9".repeat(100_000)
        )
        .into_bytes(),
        format!(
            r#"{{"session_id":"s","hook_event_name":"UserPromptSubmit","prompt":"{}"}}"#,
            "é".repeat(2_000_000)
        )
        .into_bytes(),
    ];
    json_inputs.push(json_inputs[1].repeat(2));
    for input in &json_inputs {
        hook_and_statusline(input);
        mcp_line(input);
        let mut tally = EventTally::default();
        tally.add(input);
        for (signal, _, _) in otlp_seeds() {
            otlp_body(signal, Format::Json, input);
        }
    }
    // The line reader: a line just over its limit, with an id to answer, then a request; CRLF; a BOM.
    let mut long = br#"{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":""#.to_vec();
    long.resize(shim_node::mcp::stdio::MAX_LINE_BYTES + 1, b'a');
    long.extend_from_slice(b"\"}}\n");
    long.extend_from_slice(
        b"\xEF\xBB\xBF{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}\r\n\n\n",
    );
    let (_, written) = serve_lines(&long, vec![65_536, 7]);
    let first: Value =
        serde_json::from_slice(written.split(|byte| *byte == b'\n').next().expect("a line"))
            .expect("json");
    assert_eq!(first["id"], 9);
    assert_eq!(first["error"]["code"], jsonrpc::INVALID_REQUEST);
    // Protobuf: a field nested in itself past any depth, lengths past the end, a varint that never ends.
    let mut nested = Vec::new();
    while nested.len() < 200_000 {
        let mut outer = vec![0x0a];
        let mut len = nested.len();
        loop {
            let byte = (len & 0x7f) as u8;
            len >>= 7;
            if len == 0 {
                outer.push(byte);
                break;
            }
            outer.push(byte | 0x80);
        }
        outer.extend_from_slice(&nested);
        nested = outer;
    }
    let protobuf_inputs = [
        nested,
        vec![0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f],
        vec![0x08; 100_000],
        [0x08].into_iter().chain([0xff; 20]).collect(),
        [0x0a, 0x00].repeat(100_000),
    ];
    for input in &protobuf_inputs {
        for (signal, _, _) in otlp_seeds() {
            otlp_body(signal, Format::Protobuf, input);
        }
    }
    // A gzip bomb: 64 MiB of zeros, refused once the output passes the limit.
    let bomb = gzip(&vec![0; 64 * 1024 * 1024]);
    for (signal, format, _) in otlp_seeds() {
        assert!(otlp::take_body(signal, format, true, &bomb, limits()).is_err());
    }
    // The configuration: nesting, huge numbers, strings that are not what they name.
    for text in [
        format!("a = {}{}", "[".repeat(100_000), "]".repeat(100_000)),
        "[a]\n".repeat(10_000),
        "version = 99999999999999999999999".to_owned(),
        "max_chats = -1\nrequest_timeout_ms = 0".to_owned(),
        "node_id = \"../../etc\"\nnats_url = \"nats://[::1\"".to_owned(),
        "metrics_addr = \"not an address\"".to_owned(),
        format!("node_id = \"{}\"", "n".repeat(1_000_000)),
    ] {
        config_text(&text);
    }
}

proptest! {
    #![proptest_config(fuzz::config())]

    /// Any bytes, to every parser here.
    #[test]
    fn arbitrary_bytes_parse_or_fail_cleanly(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
        hook_and_statusline(&bytes);
        mcp_line(&bytes);
        let mut tally = EventTally::default();
        tally.add(&bytes);
        for (signal, format, _) in otlp_seeds() {
            let _ = otlp::take_body(signal, format, false, &bytes, limits());
            let _ = otlp::take_body(signal, format, true, &bytes, limits());
        }
        config_text(&String::from_utf8_lossy(&bytes));
    }

    /// A hook, status-line or MCP sample, or an event, with one field of another shape.
    #[test]
    fn json_samples_with_a_field_of_the_wrong_shape_parse_or_fail_cleanly(
        sample in any::<prop::sample::Index>(),
        path in any::<usize>(),
        replacement in fuzz::wrong_value(),
    ) {
        let mut samples = hook_samples();
        samples.push(statusline_sample());
        samples.extend(mcp_samples());
        samples.push(json!({"type": "chats.ended", "ts": "2026-12-03T09:00:00.000Z", "node_id": "n1",
            "chat_id": "c1", "data": {"outcome": "clean", "tokens_used": 1200, "cost_usd": 0.4}}));
        let chosen = &samples[sample.index(samples.len())];
        let mutated = serde_json::to_vec(&fuzz::replace_one(chosen, path, replacement)).expect("json");
        hook_and_statusline(&mutated);
        mcp_line(&mutated);
        let mut tally = EventTally::default();
        tally.add(&mutated);
    }

    /// A sample line with byte-level edits.
    #[test]
    fn edited_json_samples_parse_or_fail_cleanly(
        sample in any::<prop::sample::Index>(),
        edits in edits(),
    ) {
        let mut samples = hook_samples();
        samples.push(statusline_sample());
        samples.extend(mcp_samples());
        let mut bytes = serde_json::to_vec(&samples[sample.index(samples.len())]).expect("json");
        edit_bytes(&mut bytes, &edits);
        hook_and_statusline(&bytes);
        mcp_line(&bytes);
    }

    /// MCP sample lines, edited and mixed with arbitrary ones, as one input cut into arbitrary reads.
    #[test]
    fn mcp_input_in_any_reads_is_read_the_same(
        picks in proptest::collection::vec((any::<prop::sample::Index>(), edits(), any::<bool>()), 0..8),
        noise in proptest::collection::vec(any::<u8>(), 0..64),
        sizes in proptest::collection::vec(1usize..64, 1..16),
    ) {
        let samples = mcp_samples();
        let mut input = Vec::new();
        for (pick, edits, edit) in &picks {
            let mut line = serde_json::to_vec(&samples[pick.index(samples.len())]).expect("json");
            if *edit {
                edit_bytes(&mut line, edits);
            }
            input.extend_from_slice(&line);
            input.push(b'\n');
        }
        input.extend_from_slice(&noise);
        mcp_stream(&input, sizes);
    }

    /// An OTLP export, protobuf or JSON, with byte-level edits.
    #[test]
    fn edited_otlp_bodies_are_taken_or_refused(
        seed in any::<prop::sample::Index>(),
        edits in edits(),
    ) {
        let seeds = otlp_seeds();
        let (signal, format, plain) = &seeds[seed.index(seeds.len())];
        let mut bytes = plain.clone();
        edit_bytes(&mut bytes, &edits);
        otlp_body(*signal, *format, &bytes);
    }

    /// An OTLP export in JSON with one field of another shape.
    #[test]
    fn otlp_json_with_a_field_of_the_wrong_shape_is_taken_or_refused(
        logs in any::<bool>(),
        path in any::<usize>(),
        replacement in fuzz::wrong_value(),
    ) {
        let seeds = otlp_seeds();
        let (signal, _, plain) = &seeds[if logs { 1 } else { 3 }];
        let sample: Value = serde_json::from_slice(plain).expect("json");
        let mutated = serde_json::to_vec(&fuzz::replace_one(&sample, path, replacement)).expect("json");
        otlp_body(*signal, Format::Json, &mutated);
    }

    /// The sample configuration with a line replaced, or with byte-level edits.
    #[test]
    fn edited_configuration_parses_or_fails_cleanly(
        line in any::<prop::sample::Index>(),
        replacement in "\\PC{0,60}",
        edits in edits(),
    ) {
        let mut lines: Vec<String> = CONFIG_SAMPLE.lines().map(str::to_owned).collect();
        let at = line.index(lines.len());
        lines[at] = replacement;
        config_text(&lines.join("\n"));
        let mut bytes = CONFIG_SAMPLE.as_bytes().to_vec();
        edit_bytes(&mut bytes, &edits);
        config_text(&String::from_utf8_lossy(&bytes));
    }
}

// Workflow A's parsers: a verify command's output, and the `[verify]` table of `.shim.toml`.

/// A sample of what each tool writes, for the edited-sample targets.
fn tool_output_samples() -> Vec<(workflows::parse::Format, &'static str)> {
    use workflows::parse::Format;
    vec![
        (
            Format::Cargo,
            "{\"reason\":\"compiler-message\",\"message\":{\"level\":\"error\",\"message\":\"mismatched types\",\"spans\":[{\"file_name\":\"src/lib.rs\",\"line_start\":3,\"column_start\":17,\"is_primary\":true}]}}\n---- tests::adds stdout ----\nthread 'tests::adds' panicked at src/lib.rs:10:9:\nassertion failed\ntest tests::adds ... FAILED\ntest result: FAILED. 0 passed; 1 failed\n",
        ),
        (
            Format::Rustfmt,
            "Diff in /p/src/lib.rs:1:\nDiff in /p/src/a.rs at line 4:\n",
        ),
        (
            Format::GoTest,
            "{\"Action\":\"output\",\"Test\":\"TestAdd\",\"Output\":\"    add_test.go:9: got 3\\n\"}\n{\"Action\":\"fail\",\"Test\":\"TestAdd\"}\n./add.go:3:2: declared and not used: x\n",
        ),
        (Format::Gofmt, "add.go\nsub/x.go\n"),
        (
            Format::Pytest,
            "/p/tests/test_a.py:4: assert 1 == 2\nFAILED tests/test_a.py::test_one - assert 1 == 2\nERROR tests/test_b.py - ImportError\n",
        ),
        (
            Format::Tsc,
            "src/a.ts(3,5): error TS2322: Type 'string' is not assignable.\n",
        ),
        (
            Format::Generic,
            "lib/a.js:7: unexpected token\n  --> src/main.rs:2:5\n",
        ),
    ]
}

/// Parses `text` as `format` output: bounded, never more than the limit, paths relative or as given.
fn tool_output(format: workflows::parse::Format, text: &str) {
    let failures = fuzz::bounded("workflows::parse::parse", || {
        workflows::parse::parse(format, "check", text, std::path::Path::new("/p"))
    });
    assert!(failures.len() <= workflows::parse::MAX_FAILURES);
}

/// A strategy of text made of sample lines, edited.
fn edited_tool_output(
    format: workflows::parse::Format,
) -> impl Strategy<Value = (workflows::parse::Format, String)> {
    let sample = tool_output_samples()
        .into_iter()
        .find(|(known, _)| *known == format)
        .map(|(_, text)| text)
        .unwrap_or_default();
    (edits(), 1..4_usize).prop_map(move |(edits, times)| {
        let mut bytes = sample.repeat(times).into_bytes();
        edit_bytes(&mut bytes, &edits);
        (format, String::from_utf8_lossy(&bytes).into_owned())
    })
}

macro_rules! tool_output_targets {
    ($($name:ident => $format:ident),* $(,)?) => {
        proptest! {
            #![proptest_config(fuzz::config())]
            $(
                /// Arbitrary text, and the tool's sample output edited, to its parser.
                #[test]
                fn $name(
                    text in "(?s).{0,512}",
                    (format, edited) in edited_tool_output(workflows::parse::Format::$format),
                ) {
                    tool_output(workflows::parse::Format::$format, &text);
                    tool_output(format, &edited);
                }
            )*
        }
    };
}

tool_output_targets! {
    cargo_output_parses_or_is_skipped => Cargo,
    rustfmt_output_parses_or_is_skipped => Rustfmt,
    go_test_output_parses_or_is_skipped => GoTest,
    gofmt_output_parses_or_is_skipped => Gofmt,
    pytest_output_parses_or_is_skipped => Pytest,
    tsc_output_parses_or_is_skipped => Tsc,
    generic_output_parses_or_is_skipped => Generic,
}

proptest! {
    #![proptest_config(fuzz::config())]

    /// Any text as a `.shim.toml`: a config or an error.
    #[test]
    fn a_shim_toml_parses_or_fails_cleanly(text in "(?s).{0,512}", edits in edits()) {
        let _ = fuzz::bounded("VerifyConfig::parse", || workflows::VerifyConfig::parse(&text));
        let mut bytes = b"[verify]\ncheck = [\"cargo\", \"check\"]\ntest = { command = [\"go\", \"test\"], timeout_seconds = 5 }\n".to_vec();
        edit_bytes(&mut bytes, &edits);
        let _ = fuzz::bounded("VerifyConfig::parse", || {
            workflows::VerifyConfig::parse(&String::from_utf8_lossy(&bytes))
        });
    }
}

#[test]
fn huge_tool_output_stays_bounded() {
    for (format, sample) in tool_output_samples() {
        tool_output(format, &sample.repeat(20_000));
        tool_output(format, &"x".repeat(4 * 1024 * 1024));
        tool_output(format, &format!("{}\n", "a:1:".repeat(500_000)));
    }
}
