//! Claude Code's telemetry taken in: OTLP/HTTP exports (protobuf, JSON, gzip) sent to a real node's receiver
//! become `telemetry.*` events on NATS and signals in the chat's risk report; bad requests get the right 4xx
//! and are counted, and the node keeps serving.

use opentelemetry_proto::tonic::collector::{
    logs::v1::ExportLogsServiceResponse, metrics::v1::ExportMetricsServiceResponse,
};
use prost::Message;
use serde_json::{Value, json};
use shim_node::nats::NodeClient;
use shim_protocol::{
    NodeOp,
    messages::{RiskReport, RiskRequest, SessionStartReply, SessionStartRequest},
};
use shim_tests::{
    DEADLINE, EventFeed, NatsServer, POLL, TestNode,
    node::metric_value,
    otlp::{Attr, Receiver, api_request, event, gzip, http_post, kv, logs, sum_metric, text},
    wait_until,
};

const PROTOBUF: (&str, &str) = ("Content-Type", "application/x-protobuf");
const JSON: (&str, &str) = ("Content-Type", "application/json");

async fn open_chat(client: &NodeClient, chat_id: &str) {
    let started: SessionStartReply = client
        .request(
            NodeOp::SessionStart,
            &SessionStartRequest {
                chat_id: Some(chat_id.to_owned()),
                client: Some("claude-code".to_owned()),
                ..SessionStartRequest::default()
            },
        )
        .await
        .expect("session starts");
    shim_tests::remember(&started);
}

async fn risk(client: &NodeClient, chat_id: &str) -> RiskReport {
    shim_tests::acting(client, chat_id)
        .request(
            NodeOp::Risk,
            &RiskRequest {
                chat_id: chat_id.to_owned(),
            },
        )
        .await
        .expect("risk report")
}

async fn counter(node: &TestNode, name: &str, labels: &[&str]) -> f64 {
    metric_value(&node.metrics().await, name, labels).unwrap_or(0.0)
}

/// Collects the next `count` events of the feed as (kind, chat id, data).
async fn next_events(feed: &mut EventFeed, count: usize) -> Vec<(String, Value, Value)> {
    let mut events = Vec::new();
    for _ in 0..count {
        let (_, body) = feed.next().await;
        events.push((
            body["type"].as_str().unwrap_or_default().to_owned(),
            body["chat_id"].clone(),
            body["data"].clone(),
        ));
    }
    events
}

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

fn good_export() -> Vec<u8> {
    logs(vec![api_request("cc-x", 10, 10)]).encode_to_vec()
}

async fn post_logs(otlp: &Receiver, body: &[u8], headers: &[(&str, &str)]) -> (u16, Vec<u8>) {
    let response = otlp.post("/v1/logs", headers, body).await;
    (response.status, response.body)
}

#[tokio::test]
async fn claude_codes_events_in_protobuf_reach_the_event_stream_and_the_chats_signals() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let chat_id = "cc-otlp-proto";
    open_chat(&client, chat_id).await;
    let mut feed = EventFeed::subscribe(client.nats(), "shim.events.telemetry.>").await;

    let export = logs(vec![
        api_request(chat_id, 1234, 5000),
        event(
            "api_error",
            chat_id,
            vec![
                kv("model", text("claude-sonnet-4-5")),
                kv("error", text("Overloaded")),
                kv("status_code", text("529")),
                kv("duration_ms", text("800")),
                kv("attempt", text("2")),
            ],
        ),
        event(
            "tool_result",
            chat_id,
            vec![
                kv("tool_name", text("Bash")),
                kv("success", text("true")),
                kv("duration_ms", text("45")),
            ],
        ),
        event("compaction", chat_id, vec![kv("trigger", text("auto"))]),
        event(
            "user_prompt",
            chat_id,
            vec![kv("prompt_length", text("12"))],
        ),
    ]);
    let (status, body) = post_logs(&node.otlp(), &export.encode_to_vec(), &[PROTOBUF]).await;
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    let reply = ExportLogsServiceResponse::decode(&body[..]).expect("an ExportLogsServiceResponse");
    assert_eq!(reply.partial_success, None, "nothing was rejected");

    let events = next_events(&mut feed, 4).await;
    let kinds: Vec<&str> = events.iter().map(|(kind, _, _)| kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "telemetry.api_request",
            "telemetry.api_error",
            "telemetry.tool_result",
            "telemetry.compaction"
        ]
    );
    assert!(events.iter().all(|(_, chat, _)| chat == chat_id));
    assert_eq!(
        events[0].2,
        json!({
            "model": "claude-sonnet-4-5", "duration_ms": 1234, "input_tokens": 5000, "output_tokens": 200,
            "cache_read_tokens": 3000, "cache_creation_tokens": 400, "cost_usd": 0.0125,
            "record_time": "2025-12-02T12:00:00.000Z",
        })
    );
    assert_eq!(
        events[1].2,
        json!({"model": "claude-sonnet-4-5", "error": "Overloaded", "status_code": 529, "duration_ms": 800, "attempt": 2, "record_time": "2025-12-02T12:00:00.000Z"})
    );
    assert_eq!(
        events[2].2,
        json!({"tool": "Bash", "success": true, "duration_ms": 45, "record_time": "2025-12-02T12:00:00.000Z"})
    );
    assert_eq!(
        events[3].2,
        json!({"trigger": "auto", "record_time": "2025-12-02T12:00:00.000Z"})
    );

    // The chat's worker has the request's latency, the tokens in context, its cost and the error.
    let got_it = wait_until(
        || async {
            let report = risk(&client, chat_id).await;
            report.signals.api_requests == 1 && report.signals.api_errors == 1
        },
        DEADLINE,
        POLL,
    )
    .await;
    let report = risk(&client, chat_id).await;
    assert!(got_it, "{report:?}");
    let signals = &report.signals;
    assert_eq!(signals.last_latency_ms, Some(1234));
    assert_eq!(signals.tokens_used, Some(5000 + 3000 + 400 + 200));
    assert_eq!(signals.output_tokens, Some(200));
    assert_eq!(signals.cost_usd, Some(0.0125));
    assert_eq!(signals.model.as_deref(), Some("claude-sonnet-4-5"));

    assert_eq!(
        counter(&node, "shim_otlp_records_total", &["kind=\"unknown\""]).await,
        1.0,
        "the user_prompt event is counted and ignored"
    );
    assert_eq!(
        counter(&node, "shim_otlp_records_total", &["kind=\"api_request\""]).await,
        1.0
    );
    assert_eq!(counter(&node, "shim_otlp_signals_total", &[]).await, 2.0);
    node.stop().await;
}

/// The JSON Claude Code's exporter sends (`OTEL_EXPORTER_OTLP_PROTOCOL=http/json`), written out by hand:
/// camelCase fields, 64-bit integers as strings, numbers in attributes as strings; plus the same numbers as
/// JSON integers and doubles, as other exporters send them. Gzipped, as exporters do when asked.
#[tokio::test]
async fn a_hand_written_json_export_gzipped_reads_numbers_sent_as_strings_or_as_numbers() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let chat_id = "cc-otlp-json";
    open_chat(&client, chat_id).await;
    let mut feed = EventFeed::subscribe(client.nats(), "shim.events.telemetry.>").await;

    let body = r#"{
  "resourceLogs": [{
    "resource": {"attributes": [
      {"key": "service.name", "value": {"stringValue": "claude-code"}},
      {"key": "service.version", "value": {"stringValue": "2.0.14"}}
    ]},
    "scopeLogs": [{
      "scope": {"name": "com.anthropic.claude_code.events", "version": "2.0.14"},
      "logRecords": [
        {
          "timeUnixNano": "1764676800000000000",
          "observedTimeUnixNano": "1764676800001000000",
          "body": {"stringValue": "claude_code.api_request"},
          "attributes": [
            {"key": "event.name", "value": {"stringValue": "api_request"}},
            {"key": "session.id", "value": {"stringValue": "cc-otlp-json"}},
            {"key": "model", "value": {"stringValue": "claude-opus-4-1"}},
            {"key": "cost_usd", "value": {"stringValue": "0.25"}},
            {"key": "duration_ms", "value": {"stringValue": "2100"}},
            {"key": "input_tokens", "value": {"stringValue": "100"}},
            {"key": "output_tokens", "value": {"stringValue": "50"}},
            {"key": "cache_read_tokens", "value": {"stringValue": "0"}},
            {"key": "cache_creation_tokens", "value": {"stringValue": "0"}}
          ],
          "traceId": "",
          "spanId": ""
        },
        {
          "timeUnixNano": "1764676801000000000",
          "body": {"stringValue": "claude_code.api_request"},
          "attributes": [
            {"key": "event.name", "value": {"stringValue": "api_request"}},
            {"key": "session.id", "value": {"stringValue": "cc-otlp-json"}},
            {"key": "model", "value": {"stringValue": "claude-opus-4-1"}},
            {"key": "cost_usd", "value": {"doubleValue": 0.5}},
            {"key": "duration_ms", "value": {"intValue": "3300"}},
            {"key": "input_tokens", "value": {"intValue": 700}},
            {"key": "output_tokens", "value": {"doubleValue": 60.0}},
            {"key": "cache_read_tokens", "value": {"intValue": "0"}}
          ]
        }
      ]
    }]
  }]
}"#;
    let (status, reply) = post_logs(
        &node.otlp(),
        &gzip(body.as_bytes()),
        &[JSON, ("Content-Encoding", "gzip")],
    )
    .await;
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&reply));
    let reply: Value = serde_json::from_slice(&reply).expect("a JSON reply");
    assert_eq!(reply.get("partialSuccess"), None, "{reply}");

    let events = next_events(&mut feed, 2).await;
    assert_eq!(
        events[0].2["record_time"], "2025-12-02T12:00:00.000Z",
        "the record's own time, not its arrival"
    );
    assert_eq!(events[1].2["record_time"], "2025-12-02T12:00:01.000Z");
    assert_eq!(events[0].2["duration_ms"], 2100);
    assert_eq!(events[0].2["cost_usd"], 0.25);
    assert_eq!(events[1].2["duration_ms"], 3300);
    assert_eq!(events[1].2["input_tokens"], 700);
    assert_eq!(events[1].2["output_tokens"], 60);
    assert_eq!(
        events[1].2["cache_creation_tokens"],
        Value::Null,
        "absent is null"
    );

    let got_both = wait_until(
        || async { risk(&client, chat_id).await.signals.api_requests == 2 },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(got_both);
    let signals = risk(&client, chat_id).await.signals;
    assert_eq!(signals.last_latency_ms, Some(3300));
    assert_eq!(signals.tokens_used, Some(700 + 60));
    assert_eq!(signals.output_tokens, Some(110));
    assert_eq!(
        signals.cost_usd,
        Some(0.75),
        "the session's cost adds up per request"
    );
    node.stop().await;
}

#[tokio::test]
async fn token_and_cost_metrics_become_usage_events() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let mut feed = EventFeed::subscribe(client.nats(), "shim.events.telemetry.>").await;
    let chat = || kv("session.id", text("cc-otlp-metrics"));
    let tokens = sum_metric(
        "claude_code.token.usage",
        vec![
            (
                vec![chat(), kv("type", text("input")), kv("model", text("m"))],
                120.0,
            ),
            (
                vec![
                    chat(),
                    kv("type", text("cacheRead")),
                    kv("model", text("m")),
                ],
                4000.0,
            ),
        ],
    );
    let response = node
        .otlp()
        .post("/v1/metrics", &[PROTOBUF], &tokens.encode_to_vec())
        .await;
    assert_eq!(response.status, 200);
    let reply = ExportMetricsServiceResponse::decode(&response.body[..]).expect("a reply");
    assert_eq!(reply.partial_success, None);
    let cost = sum_metric(
        "claude_code.cost.usage",
        vec![(vec![chat(), kv("model", text("m"))], 0.031)],
    );
    let other = sum_metric(
        "claude_code.lines_of_code.count",
        vec![(vec![chat(), kv("type", text("added"))], 12.0)],
    );
    for export in [cost, other] {
        let response = node
            .otlp()
            .post(
                "/v1/metrics",
                &[JSON],
                &serde_json::to_vec(&export).expect("the crate's JSON mapping"),
            )
            .await;
        assert_eq!(response.status, 200);
    }
    let events = next_events(&mut feed, 3).await;
    let data: Vec<&Value> = events.iter().map(|(_, _, data)| data).collect();
    assert!(
        events
            .iter()
            .all(|(kind, chat, _)| kind == "telemetry.usage" && chat == "cc-otlp-metrics")
    );
    assert_eq!(
        data,
        [
            &json!({"metric": "claude_code.token.usage", "type": "input", "model": "m", "value": 120.0, "temporality": "delta", "record_time": "2025-12-02T12:00:00.000Z"}),
            &json!({"metric": "claude_code.token.usage", "type": "cacheRead", "model": "m", "value": 4000.0, "temporality": "delta", "record_time": "2025-12-02T12:00:00.000Z"}),
            &json!({"metric": "claude_code.cost.usage", "type": null, "model": "m", "value": 0.031, "temporality": "delta", "record_time": "2025-12-02T12:00:00.000Z"}),
        ]
    );
    assert_eq!(
        counter(
            &node,
            "shim_otlp_records_total",
            &["signal=\"metrics\"", "kind=\"unknown\""]
        )
        .await,
        1.0
    );
    node.stop().await;
}

#[tokio::test]
async fn a_chat_the_node_does_not_know_gets_its_events_published_but_no_worker() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let mut feed = EventFeed::subscribe(client.nats(), "shim.events.telemetry.>").await;
    let export = logs(vec![api_request("cc-never-opened", 900, 10)]);
    let (status, _) = post_logs(&node.otlp(), &export.encode_to_vec(), &[PROTOBUF]).await;
    assert_eq!(status, 200);
    let events = next_events(&mut feed, 1).await;
    assert_eq!(events[0].1, "cc-never-opened");
    let counted = wait_until(
        || async {
            counter(
                &node,
                "shim_otlp_unmatched_total",
                &["reason=\"unknown_chat\""],
            )
            .await
                == 1.0
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(counted);
    let error = client
        .request::<_, RiskReport>(
            NodeOp::Risk,
            &RiskRequest {
                chat_id: "cc-never-opened".to_owned(),
            },
        )
        .await
        .expect_err("telemetry does not open a chat");
    assert!(format!("{error}").contains("not known"), "{error}");
    node.stop().await;
}

#[tokio::test]
async fn bad_requests_get_the_right_status_are_counted_and_the_node_keeps_serving() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let otlp = node.otlp();
    let addr = otlp.addr;
    let reason = |reason: &str| format!("reason=\"{reason}\"");

    // Without this node's token (none, a wrong one, another scheme): 401 UNAUTHENTICATED, saying what to send,
    // before the body is read.
    let wrong = format!("Bearer {}", "0".repeat(64));
    let basic = otlp.authorization.replacen("Bearer", "Basic", 1);
    for headers in [
        vec![PROTOBUF],
        vec![PROTOBUF, ("Authorization", wrong.as_str())],
        vec![PROTOBUF, ("Authorization", basic.as_str())],
    ] {
        let refused = http_post(addr, "/v1/logs", &headers, &good_export()).await;
        assert_eq!(refused.status, 401, "{headers:?}");
        let status = shim_node::otlp::body::Status::decode(&refused.body[..]).expect("a Status");
        assert_eq!(status.code, 16);
        assert!(
            status.message.contains("shim-node otel-headers"),
            "{}",
            status.message
        );
    }

    // The scheme's name in any case, as HTTP allows.
    let lowercase = otlp.authorization.replacen("Bearer", "bearer", 1);
    let taken = http_post(
        addr,
        "/v1/logs",
        &[PROTOBUF, ("Authorization", lowercase.as_str())],
        &good_export(),
    )
    .await;
    assert_eq!(taken.status, 200);

    // Garbage claiming to be protobuf: 400 with a google.rpc.Status saying why.
    let garbage = otlp
        .post("/v1/logs", &[PROTOBUF], b"\xff\xff\xff\xff not protobuf")
        .await;
    assert_eq!(garbage.status, 400);
    let status = shim_node::otlp::body::Status::decode(&garbage.body[..]).expect("a Status");
    assert_eq!(status.code, 3);
    assert!(status.message.contains("protobuf"), "{}", status.message);
    let bad_json = otlp
        .post("/v1/logs", &[JSON], br#"{"resourceLogs": 7}"#)
        .await;
    assert_eq!(bad_json.status, 400);
    let message: Value = serde_json::from_slice(&bad_json.body).expect("a JSON Status");
    assert!(
        message["message"]
            .as_str()
            .unwrap_or_default()
            .contains("json"),
        "{message}"
    );

    // A content type OTLP/HTTP does not have, and an encoding other than gzip: 415.
    let plain = otlp
        .post("/v1/logs", &[("Content-Type", "text/plain")], b"hello")
        .await;
    assert_eq!(plain.status, 415);
    let brotli = otlp
        .post("/v1/logs", &[PROTOBUF, ("Content-Encoding", "br")], b"x")
        .await;
    assert_eq!(brotli.status, 415);

    // A body over the 4 MiB cap: 413 (or the connection cut while it was still being sent).
    let huge = vec![b'x'; 9 * 1024 * 1024];
    if let Some(response) = otlp.post_opt("/v1/logs", &[PROTOBUF], &huge).await {
        assert_eq!(response.status, 413);
    }

    // A gzip bomb: 64 MiB of zeros in ~64 KiB. Stopped at the cap, not unpacked into memory.
    let bomb = gzip(&vec![0u8; 64 * 1024 * 1024]);
    assert!(bomb.len() < 1024 * 1024);
    let response = otlp
        .post("/v1/logs", &[PROTOBUF, ("Content-Encoding", "gzip")], &bomb)
        .await;
    assert_eq!(response.status, 413);

    // An unknown path is a plain 404; an unknown event is read and ignored (200).
    let missing = otlp.post("/v1/traces", &[PROTOBUF], b"").await;
    assert_eq!(missing.status, 404);
    let unknown = logs(vec![event(
        "user_prompt",
        "cc-x",
        vec![kv("prompt_length", Attr::Int(3))],
    )]);
    let (status, _) = post_logs(&otlp, &unknown.encode_to_vec(), &[PROTOBUF]).await;
    assert_eq!(status, 200);

    let metrics = node.metrics().await;
    let count = |labels: &[&str]| metric_value(&metrics, "shim_otlp_bad_requests_total", labels);
    assert_eq!(count(&[&reason("unauthenticated")]), Some(3.0));
    assert_eq!(count(&[&reason("malformed")]), Some(2.0));
    assert_eq!(count(&[&reason("unsupported_media_type")]), Some(1.0));
    assert_eq!(count(&[&reason("unsupported_encoding")]), Some(1.0));
    assert_eq!(count(&[&reason("too_large")]), Some(2.0), "{metrics}");
    assert_eq!(
        metric_value(&metrics, "shim_otlp_records_total", &["kind=\"unknown\""]),
        Some(1.0)
    );
    drop(metrics);

    // More records than the cap (10,000, counting the resource and scope around them) is refused whole,
    // counted on the wire before anything is decoded, and said so.
    let many = logs(
        (0..9_999)
            .map(|_| event("user_prompt", "cc-x", Vec::new()))
            .collect(),
    );
    let (status, body) = post_logs(&otlp, &many.encode_to_vec(), &[PROTOBUF]).await;
    assert_eq!(status, 413);
    let status = shim_node::otlp::body::Status::decode(&body[..]).expect("a Status");
    assert!(status.message.contains("10000"), "{}", status.message);
    let (status, _) = post_logs(
        &otlp,
        &logs(
            (0..9_998)
                .map(|_| event("user_prompt", "cc-x", Vec::new()))
                .collect(),
        )
        .encode_to_vec(),
        &[PROTOBUF],
    )
    .await;
    assert_eq!(status, 200, "10,000 with the resource and the scope");
    assert_eq!(
        counter(
            &node,
            "shim_otlp_bad_requests_total",
            &[&reason("too_many_records")]
        )
        .await,
        1.0
    );

    // Eight senders stalled mid-body hold every place in flight: the next export is told to come back (429,
    // Retry-After), and once they go it is taken again.
    let mut stalled = Vec::new();
    for _ in 0..8 {
        let mut stream = tokio::net::TcpStream::connect(addr)
            .await
            .expect("connects");
        let head = format!(
            "POST /v1/logs HTTP/1.1\r\nHost: {addr}\r\nAuthorization: {}\r\nContent-Type: application/x-protobuf\r\nContent-Length: 100\r\n\r\nxx",
            otlp.authorization
        );
        tokio::io::AsyncWriteExt::write_all(&mut stream, head.as_bytes())
            .await
            .expect("writes");
        stalled.push(stream);
    }
    let busy = wait_until(
        || async {
            let response = otlp.post("/v1/logs", &[PROTOBUF], &good_export()).await;
            response.status == 429
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(busy, "the ninth request in flight is refused");
    drop(stalled);
    let free = wait_until(
        || async {
            otlp.post("/v1/logs", &[PROTOBUF], &good_export())
                .await
                .status
                == 200
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(free);
    assert!(counter(&node, "shim_otlp_bad_requests_total", &[&reason("busy")]).await >= 1.0);

    // Still serving: the receiver takes a good export and the node answers over NATS.
    let good = logs(vec![api_request("cc-x", 10, 10)]);
    let (status, _) = post_logs(&otlp, &good.encode_to_vec(), &[PROTOBUF]).await;
    assert_eq!(status, 200);
    let client = node.client().await;
    let _: shim_protocol::messages::StatusReply = client
        .request(
            NodeOp::Status,
            &shim_protocol::messages::StatusRequest::default(),
        )
        .await
        .expect("the node answers");
    node.stop().await;
}

/// `shim-node setup claude-code --telemetry` points Claude Code's exporter at the node's receiver (default
/// address) in the settings it manages, keeps the user's own `env` entries, changes nothing on a second run,
/// and `--no-telemetry` takes it out again.
#[test]
fn setup_telemetry_writes_the_exporter_environment_and_no_telemetry_removes_it() {
    let home = tempfile::tempdir().expect("temp dir");
    let project = tempfile::tempdir().expect("temp dir");
    let settings_path = project.path().join(".claude/settings.json");
    std::fs::create_dir_all(project.path().join(".claude")).expect("dir");
    std::fs::write(&settings_path, r#"{"env": {"ANTHROPIC_MODEL": "opus"}}"#).expect("write");
    let setup = |flag: &str| {
        let output = std::process::Command::new(EXE)
            .args(["setup", "claude-code", flag, "--project"])
            .arg(project.path())
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path())
            .env_remove("SHIM_OTLP_ADDR")
            .env_remove("SHIM_CONFIG")
            .output()
            .expect("setup runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let settings: Value =
            serde_json::from_str(&std::fs::read_to_string(&settings_path).expect("settings"))
                .expect("json");
        (
            String::from_utf8_lossy(&output.stdout).into_owned(),
            settings,
        )
    };
    let (first, settings) = setup("--telemetry");
    assert!(first.contains("updated"), "{first}");
    assert_eq!(
        settings["env"],
        json!({
            "ANTHROPIC_MODEL": "opus",
            "CLAUDE_CODE_ENABLE_TELEMETRY": "1",
            "OTEL_LOGS_EXPORTER": "otlp",
            "OTEL_METRICS_EXPORTER": "otlp",
            "OTEL_EXPORTER_OTLP_PROTOCOL": "http/protobuf",
            "OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4318",
        })
    );
    assert_eq!(
        settings["otelHeadersHelper"],
        format!("{EXE} otel-headers"),
        "Claude Code asks SHIM for the header its receiver takes"
    );
    assert!(
        settings["hooks"]["SessionStart"].is_array(),
        "the hooks are written too"
    );
    let (second, again) = setup("--telemetry");
    assert!(
        second.contains(&format!("unchanged {}", settings_path.display())),
        "{second}"
    );
    assert_eq!(again, settings);
    let (_, removed) = setup("--no-telemetry");
    assert_eq!(removed["env"], json!({"ANTHROPIC_MODEL": "opus"}));
    assert_eq!(removed.get("otelHeadersHelper"), None);
    assert_eq!(removed["hooks"], settings["hooks"]);
}

/// The official OpenTelemetry Python SDK's OTLP/HTTP exporter (protobuf, gzip), a client nobody here wrote,
/// sends Claude Code's events with integer and double attributes: the receiver takes them and the chat's
/// signals move. Needs `pip install opentelemetry-sdk opentelemetry-exporter-otlp-proto-http` (.ci/run does).
#[tokio::test]
async fn the_opentelemetry_python_sdk_exporter_is_understood() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let chat_id = "cc-otlp-python";
    open_chat(&client, chat_id).await;
    let mut feed = EventFeed::subscribe(client.nats(), "shim.events.telemetry.>").await;
    let script = shim_tests::repo_root().join("tests/python/otlp_sdk_export.py");
    let export = |headers: String| {
        tokio::process::Command::new("python3")
            .arg(&script)
            .arg(format!("http://{}", node.otlp_addr()))
            .arg(chat_id)
            .arg(headers)
            .output()
    };

    // Without SHIM's header the export is refused, and says so.
    let refused = export("{}".to_owned()).await.expect("python3 runs");
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("401"), "{stderr}");

    // With the headers of the helper `setup claude-code --telemetry` wrote, run through `sh -c` as Claude
    // Code runs it, for the node's data dir.
    let project = tempfile::tempdir().expect("temp dir");
    let setup = tokio::process::Command::new(EXE)
        .args(["setup", "claude-code", "--telemetry", "--project"])
        .arg(project.path())
        .output()
        .await
        .expect("setup runs");
    assert!(
        setup.status.success(),
        "{}",
        String::from_utf8_lossy(&setup.stderr)
    );
    let settings: Value = serde_json::from_slice(
        &std::fs::read(project.path().join(".claude/settings.json")).expect("settings"),
    )
    .expect("json");
    let helper = settings["otelHeadersHelper"].as_str().expect("a helper");
    let headers = tokio::process::Command::new("sh")
        .args(["-c", helper])
        .env("SHIM_DATA_DIR", &node.config_ref().data_dir)
        .output()
        .await
        .expect("the helper runs");
    assert!(
        headers.status.success(),
        "{}",
        String::from_utf8_lossy(&headers.stderr)
    );
    let headers = String::from_utf8(headers.stdout).expect("UTF-8");
    let parsed: Value = serde_json::from_str(&headers).expect("a JSON object of headers");
    assert_eq!(parsed["Authorization"], node.otlp_authorization());
    let output = export(headers).await.expect("python3 runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && !stderr.contains("Failed to export"),
        "{stderr}"
    );
    let events = next_events(&mut feed, 2).await;
    assert_eq!(events[0].0, "telemetry.api_request");
    assert_eq!(events[0].2["duration_ms"], 4321);
    assert_eq!(events[0].2["cost_usd"], 0.002);
    assert_eq!(events[1].0, "telemetry.api_error");
    assert_eq!(events[1].2["status_code"], 429);
    assert_eq!(events[1].2["duration_ms"], 12);
    let signalled = wait_until(
        || async {
            let signals = risk(&client, chat_id).await.signals;
            signals.last_latency_ms == Some(4321) && signals.api_errors == 1
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(signalled);
    node.stop().await;
}

/// 4 MiB of empty `ResourceLogs` (2 bytes each) would decode into two million structs; it is refused by
/// counting on the wire first, and so is its JSON twin (`{}` after `{}`), and the node serves on.
#[tokio::test]
async fn a_body_of_millions_of_empty_messages_is_refused_before_it_is_decoded() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let otlp = node.otlp();
    let flood = [0x0a, 0x00].repeat(2 * 1024 * 1024 - 8);
    let (status, body) = post_logs(&otlp, &flood, &[PROTOBUF]).await;
    assert_eq!(status, 413, "{}", String::from_utf8_lossy(&body));
    let metrics_flood = otlp.post("/v1/metrics", &[PROTOBUF], &flood).await;
    assert_eq!(metrics_flood.status, 413);
    let json_flood = format!(r#"{{"resourceLogs": [{}{{}}]}}"#, "{},".repeat(1024 * 1024));
    let (status, body) = post_logs(&otlp, json_flood.as_bytes(), &[JSON]).await;
    assert_eq!(status, 413, "{}", String::from_utf8_lossy(&body));
    let message: Value = serde_json::from_slice(&body).expect("a JSON Status");
    assert!(
        message["message"]
            .as_str()
            .unwrap_or_default()
            .contains("at most 10000 records"),
        "{message}"
    );
    assert_eq!(
        counter(
            &node,
            "shim_otlp_bad_requests_total",
            &["reason=\"too_many_records\""]
        )
        .await,
        3.0
    );
    let (status, _) = post_logs(&otlp, &good_export(), &[PROTOBUF]).await;
    assert_eq!(status, 200);
    node.stop().await;
}

/// The node's HTTP endpoints (the OTLP receiver and `/metrics`) serve at most 128 connections at once: with
/// that many held open by a client that sends nothing, one more is closed as soon as it is accepted, and once
/// they are gone both endpoints answer again (node/src/http.rs; what each connection may take is tested there).
#[tokio::test]
async fn connections_beyond_the_endpoints_bound_are_closed_and_serving_goes_on() {
    use tokio::io::AsyncReadExt;
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let bound = shim_node::http::Bounds::default().max_connections;
    for addr in [node.otlp_addr(), node.metrics_addr()] {
        let mut held = Vec::new();
        for _ in 0..bound {
            held.push(
                tokio::net::TcpStream::connect(addr)
                    .await
                    .expect("connects"),
            );
        }
        // Accepted in order: the one beyond the bound is closed, whichever the server took last.
        let mut beyond = tokio::net::TcpStream::connect(addr)
            .await
            .expect("the kernel accepts it");
        let mut buffer = [0_u8; 64];
        let read =
            tokio::time::timeout(std::time::Duration::from_secs(5), beyond.read(&mut buffer))
                .await
                .expect("closed at once, well before the 10 s head timeout");
        assert!(
            matches!(read, Ok(0) | Err(_)),
            "the connection beyond {bound} was served: {read:?}"
        );
        drop(held);
    }
    // Each place comes back once the server has seen its connection end.
    let served = |addr: std::net::SocketAddr| async move {
        use tokio::io::AsyncWriteExt;
        let Ok(mut stream) = tokio::net::TcpStream::connect(addr).await else {
            return false;
        };
        let request = "GET /metrics HTTP/1.1\r\nHost: shim\r\nConnection: close\r\n\r\n";
        let mut answer = Vec::new();
        stream.write_all(request.as_bytes()).await.is_ok()
            && stream.read_to_end(&mut answer).await.is_ok()
            && answer.starts_with(b"HTTP/1.1 ")
    };
    for addr in [node.otlp_addr(), node.metrics_addr()] {
        assert!(
            wait_until(|| served(addr), DEADLINE, POLL).await,
            "{addr} serves no one after the connections held were closed"
        );
    }
    let (status, _) = post_logs(&node.otlp(), &good_export(), &[PROTOBUF]).await;
    assert_eq!(status, 200);
    node.stop().await;
}

/// An exporter sends a batch again when the answer was late: the records already taken in become no second
/// event and no second signal, and are counted; a new record after them goes through.
#[tokio::test]
async fn a_batch_sent_again_is_taken_once() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let chat_id = "cc-otlp-retry";
    open_chat(&client, chat_id).await;
    let mut feed = EventFeed::subscribe(client.nats(), "shim.events.telemetry.>").await;
    let batch = logs(vec![
        api_request(chat_id, 1000, 100),
        api_request(chat_id, 2000, 200),
    ])
    .encode_to_vec();
    for _ in 0..2 {
        let (status, _) = post_logs(&node.otlp(), &batch, &[PROTOBUF]).await;
        assert_eq!(status, 200);
    }
    // A new record after them.
    let mut later = api_request(chat_id, 3000, 100);
    later.time_unix_nano += 1_000_000;
    let (status, _) = post_logs(
        &node.otlp(),
        &logs(vec![later]).encode_to_vec(),
        &[PROTOBUF],
    )
    .await;
    assert_eq!(status, 200);
    // Events are published in order before each reply: after the first batch's two comes the later one.
    let events = next_events(&mut feed, 3).await;
    let durations: Vec<&Value> = events
        .iter()
        .map(|(_, _, data)| &data["duration_ms"])
        .collect();
    assert_eq!(durations, [1000, 2000, 3000]);
    assert_eq!(events[2].2["record_time"], "2025-12-02T12:00:00.001Z");
    let signalled = wait_until(
        || async { risk(&client, chat_id).await.signals.api_requests == 3 },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(signalled);
    assert_eq!(
        counter(&node, "shim_otlp_duplicates_total", &["signal=\"logs\""]).await,
        2.0
    );
    assert_eq!(counter(&node, "shim_otlp_signals_total", &[]).await, 3.0);
    node.stop().await;
}

/// A `session.id` that cannot be a chat id is counted once, as invalid, not also as missing.
#[tokio::test]
async fn an_invalid_session_id_is_counted_once() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let mut feed = EventFeed::subscribe(client.nats(), "shim.events.telemetry.>").await;
    let export = logs(vec![api_request("not a.chat>id", 900, 10)]);
    let (status, _) = post_logs(&node.otlp(), &export.encode_to_vec(), &[PROTOBUF]).await;
    assert_eq!(status, 200);
    let events = next_events(&mut feed, 1).await;
    assert_eq!(events[0].1, Value::Null, "published without a chat");
    let metrics = node.metrics().await;
    let unmatched = |reason: &str| {
        metric_value(
            &metrics,
            "shim_otlp_unmatched_total",
            &[&format!("reason=\"{reason}\"")],
        )
        .unwrap_or(0.0)
    };
    assert_eq!(unmatched("invalid_session_id"), 1.0, "{metrics}");
    assert_eq!(unmatched("no_session_id"), 0.0, "{metrics}");
    node.stop().await;
}

/// While NATS is away the NATS client buffers 2,048 messages and then makes every publish wait: exports beyond
/// that are still answered promptly (their events dropped and counted, a second's wait at most), and their
/// signals still reach the chat's worker on this node. (They waited for NATS to come back, holding every
/// request slot, and telemetry stopped reaching crash prevention.)
#[tokio::test]
async fn exports_during_a_nats_outage_are_answered_and_their_signals_still_reach_the_worker() {
    let mut nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let chat_id = "cc-outage";
    open_chat(&client, chat_id).await;
    nats.kill();
    let otlp = node.otlp();
    // 6 × 600 events, each its own (a record sent again is taken once): well past the client's buffer.
    for round in 0..6u64 {
        let export = logs(
            (0..600)
                .map(|index| api_request(chat_id, 10 + round * 1_000 + index, 10))
                .collect(),
        )
        .encode_to_vec();
        let answered = tokio::time::timeout(
            std::time::Duration::from_secs(20),
            post_logs(&otlp, &export, &[PROTOBUF]),
        )
        .await;
        let Ok((status, _)) = answered else {
            panic!("export {round} was not answered while NATS was away");
        };
        assert_eq!(status, 200, "export {round}");
    }
    let signalled = counter(&node, "shim_otlp_signals_total", &[]).await;
    assert!(
        signalled >= 3600.0,
        "signals reached the worker: {signalled}"
    );
    let dropped = counter(&node, "shim_events_dropped_total", &[]).await;
    assert!(dropped > 0.0, "events past the buffer are counted dropped");
}
