use opentelemetry_proto::tonic::{
    common::v1::{AnyValue, KeyValue, any_value::Value as Any},
    logs::v1::{LogRecord, ResourceLogs, ScopeLogs},
};

use super::*;

fn kv(key: &str, value: Any) -> KeyValue {
    KeyValue {
        key: key.to_owned(),
        value: Some(AnyValue { value: Some(value) }),
        ..KeyValue::default()
    }
}

fn text(value: &str) -> Any {
    Any::StringValue(value.to_owned())
}

fn logs(records: Vec<LogRecord>) -> ExportLogsServiceRequest {
    ExportLogsServiceRequest {
        resource_logs: vec![ResourceLogs {
            resource: None,
            scope_logs: vec![ScopeLogs {
                scope: None,
                log_records: records,
                schema_url: String::new(),
            }],
            schema_url: String::new(),
        }],
    }
}

fn record(body: &str, attributes: Vec<KeyValue>) -> LogRecord {
    LogRecord {
        body: Some(AnyValue {
            value: Some(text(body)),
        }),
        attributes,
        ..LogRecord::default()
    }
}

#[test]
fn numbers_are_read_from_strings_integers_and_doubles_alike() {
    let as_strings = record(
        "claude_code.api_request",
        vec![
            kv("session.id", text("chat-1")),
            kv("model", text("claude-sonnet-4-5")),
            kv("duration_ms", text("1234")),
            kv("input_tokens", text("10")),
            kv("output_tokens", text("20.0")),
            kv("cost_usd", text("0.0125")),
        ],
    );
    let as_numbers = record(
        "claude_code.api_request",
        vec![
            kv("session.id", text("chat-1")),
            kv("model", text("claude-sonnet-4-5")),
            kv("duration_ms", Any::DoubleValue(1234.0)),
            kv("input_tokens", Any::IntValue(10)),
            kv("output_tokens", Any::IntValue(20)),
            kv("cost_usd", Any::DoubleValue(0.0125)),
        ],
    );
    let taken = from_logs(&logs(vec![as_strings, as_numbers]));
    assert_eq!(taken.records.len(), 2);
    assert_eq!(taken.records[0], taken.records[1]);
    let first = &taken.records[0];
    assert_eq!(first.name, "api_request");
    assert_eq!(first.chat_id_opt.as_deref(), Some("chat-1"));
    assert_eq!(first.data["duration_ms"], 1234);
    assert_eq!(first.data["output_tokens"], 20);
    assert_eq!(first.data["cost_usd"], 0.0125);
    assert_eq!(first.data["cache_read_tokens"], Value::Null);
    assert!(matches!(
        first.signal_opt,
        Some(SignalEvent::ApiRequest {
            duration_ms: Some(1234),
            input_tokens: Some(10),
            ..
        })
    ));
}

#[test]
fn the_event_name_comes_from_the_field_the_attribute_or_the_body() {
    let by_field = LogRecord {
        event_name: "claude_code.tool_result".to_owned(),
        attributes: vec![kv("tool_name", text("Bash")), kv("success", text("false"))],
        ..LogRecord::default()
    };
    let by_attribute = LogRecord {
        attributes: vec![
            kv("event.name", text("api_error")),
            kv("status_code", text("529")),
            kv("attempt", Any::IntValue(2)),
            kv("error", text("overloaded")),
        ],
        ..LogRecord::default()
    };
    let by_body = record("claude_code.compaction", vec![kv("trigger", text("auto"))]);
    let unknown = record("claude_code.user_prompt", vec![]);
    let nameless = LogRecord::default();
    let taken = from_logs(&logs(vec![
        by_field,
        by_attribute,
        by_body,
        unknown,
        nameless,
    ]));
    let names: Vec<&str> = taken.records.iter().map(|record| record.name).collect();
    assert_eq!(names, ["tool_result", "api_error", "compaction"]);
    assert_eq!(taken.unknown, 2);
    assert_eq!(taken.records[0].data["success"], false);
    assert_eq!(taken.records[1].data["status_code"], 529);
    assert!(matches!(
        taken.records[1].signal_opt,
        Some(SignalEvent::ApiError {
            status_code: Some(529),
            attempt: Some(2),
            ..
        })
    ));
    assert_eq!(taken.records[2].data["trigger"], "auto");
}

#[test]
fn a_session_id_that_cannot_be_a_chat_id_is_counted_and_left_out() {
    let bad = record(
        "claude_code.api_request",
        vec![kv("session.id", text("a.b>c"))],
    );
    let taken = from_logs(&logs(vec![bad]));
    assert_eq!(taken.records.len(), 1);
    assert_eq!(taken.records[0].chat_id_opt, None);
    assert!(taken.records[0].invalid_session);
    let missing = record("claude_code.api_request", vec![]);
    let taken = from_logs(&logs(vec![missing]));
    assert!(
        !taken.records[0].invalid_session,
        "no session.id is not an invalid one"
    );
}

#[test]
fn the_record_time_is_its_own_else_observed_and_the_digest_follows_its_content() {
    let at = |time: u64, observed: u64, duration: &str| LogRecord {
        time_unix_nano: time,
        observed_time_unix_nano: observed,
        ..record(
            "claude_code.api_request",
            vec![
                kv("session.id", text("chat-1")),
                kv("duration_ms", text(duration)),
            ],
        )
    };
    let taken = from_logs(&logs(vec![
        at(1_764_676_800_123_000_000, 1_764_676_801_000_000_000, "5"),
        at(0, 1_764_676_801_000_000_000, "5"),
        at(0, 0, "5"),
        at(1_764_676_800_123_000_000, 1_764_676_801_000_000_000, "5"),
        at(1_764_676_800_123_000_000, 1_764_676_801_000_000_000, "6"),
    ]));
    let times: Vec<Option<u64>> = taken
        .records
        .iter()
        .map(|record| record.record_time_ms_opt)
        .collect();
    assert_eq!(
        times,
        [
            Some(1_764_676_800_123),
            Some(1_764_676_801_000),
            None,
            Some(1_764_676_800_123),
            Some(1_764_676_800_123)
        ]
    );
    let digests: Vec<Option<u64>> = taken
        .records
        .iter()
        .map(|record| record.digest_opt)
        .collect();
    assert!(digests[0].is_some() && digests[1].is_some());
    assert_eq!(
        digests[2], None,
        "a record without a time is never taken for a repeat"
    );
    assert_eq!(digests[0], digests[3], "the same record sent again");
    assert_ne!(digests[0], digests[4], "another attribute value");
    assert_ne!(digests[0], digests[1], "another time");
}

#[test]
fn nonsense_numbers_are_absent_not_errors() {
    let odd = record(
        "claude_code.api_request",
        vec![
            kv("duration_ms", text("soon")),
            kv("input_tokens", Any::IntValue(-5)),
            kv("output_tokens", Any::DoubleValue(f64::NAN)),
            kv("cost_usd", text("-1")),
        ],
    );
    let taken = from_logs(&logs(vec![odd]));
    let data = &taken.records[0].data;
    for key in ["duration_ms", "input_tokens", "output_tokens", "cost_usd"] {
        assert_eq!(data[key], Value::Null, "{key}");
    }
}

/// Records fall back on their resource's attributes, first of each key, as on their own; and the resource is
/// read once, however many records share it: 600,000 attributes on a resource of 10,000 records (within every
/// limit of a request) are read in one pass, where a scan per lookup took minutes of CPU. Bounded by a deadline
/// far above the one pass and far below the scans.
#[test]
fn a_resource_with_many_attributes_is_read_once_for_all_its_records() {
    let mut attributes: Vec<KeyValue> = (0..600_000)
        .map(|index| kv(&format!("k{index}"), Any::IntValue(index)))
        .collect();
    attributes.push(kv("session.id", text("chat-1")));
    attributes.push(kv("session.id", text("chat-2")));
    attributes.push(kv("model", text("claude-opus-4-1")));
    let mut request = logs(
        (0..10_000)
            .map(|index| {
                let mut own = vec![kv("duration_ms", Any::IntValue(index))];
                if index == 0 {
                    own.push(kv("model", text("claude-haiku-4-5")));
                }
                record("claude_code.api_request", own)
            })
            .collect(),
    );
    request.resource_logs[0].resource = Some(Resource {
        attributes,
        ..Resource::default()
    });
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(from_logs(&request));
    });
    let taken = receiver
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("read within a minute");
    assert_eq!(taken.records.len(), 10_000);
    assert!(
        taken
            .records
            .iter()
            .all(|record| record.chat_id_opt.as_deref() == Some("chat-1")),
        "the resource's first session.id"
    );
    assert_eq!(
        taken.records[0].data["model"], "claude-haiku-4-5",
        "its own first"
    );
    assert_eq!(taken.records[1].data["model"], "claude-opus-4-1");
    assert_eq!(taken.records[9_999].data["duration_ms"], 9_999);
}
