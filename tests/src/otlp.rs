//! OTLP/HTTP exports built with the `opentelemetry-proto` types, shaped as Claude Code sends them (attribute
//! values as strings, `event.name` without the prefix, the body with it), and a plain HTTP/1.1 POST.

use std::{io::Write, net::SocketAddr};

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

/// An attribute value: a string, an integer or a double.
#[derive(Debug, Clone)]
pub enum Attr {
    /// A string (Claude Code sends numbers this way too).
    Text(String),
    /// An integer.
    Int(i64),
    /// A double.
    Double(f64),
}

/// Returns a string attribute value.
pub fn text(value: &str) -> Attr {
    Attr::Text(value.to_owned())
}

/// Returns an attribute.
pub fn kv(key: &str, value: Attr) -> KeyValue {
    let value = match value {
        Attr::Text(text) => Any::StringValue(text),
        Attr::Int(number) => Any::IntValue(number),
        Attr::Double(number) => Any::DoubleValue(number),
    };
    KeyValue {
        key: key.to_owned(),
        value: Some(AnyValue { value: Some(value) }),
        ..KeyValue::default()
    }
}

/// Returns Claude Code's log record for event `name` (`api_request`, ...) of `session_id` with `attrs`.
pub fn event(name: &str, session_id: &str, attrs: Vec<KeyValue>) -> LogRecord {
    let mut attributes = vec![
        kv("event.name", text(name)),
        kv("session.id", text(session_id)),
        kv("event.timestamp", text("2026-12-02T12:00:00.000Z")),
    ];
    attributes.extend(attrs);
    LogRecord {
        time_unix_nano: 1_764_676_800_000_000_000,
        body: Some(AnyValue {
            value: Some(Any::StringValue(format!("claude_code.{name}"))),
        }),
        attributes,
        ..LogRecord::default()
    }
}

/// Returns an `api_request` record with every number as a string, as Claude Code's exporter sends it.
pub fn api_request(session_id: &str, duration_ms: u64, input_tokens: u64) -> LogRecord {
    event(
        "api_request",
        session_id,
        vec![
            kv("model", text("claude-sonnet-4-5")),
            kv("duration_ms", text(&duration_ms.to_string())),
            kv("input_tokens", text(&input_tokens.to_string())),
            kv("output_tokens", text("200")),
            kv("cache_read_tokens", text("3000")),
            kv("cache_creation_tokens", text("400")),
            kv("cost_usd", text("0.0125")),
        ],
    )
}

/// Wraps log records in an export request from a `claude-code` resource.
pub fn logs(records: Vec<LogRecord>) -> ExportLogsServiceRequest {
    ExportLogsServiceRequest {
        resource_logs: vec![ResourceLogs {
            resource: Some(Resource {
                attributes: vec![kv("service.name", text("claude-code"))],
                ..Resource::default()
            }),
            scope_logs: vec![ScopeLogs {
                scope: None,
                log_records: records,
                schema_url: String::new(),
            }],
            schema_url: String::new(),
        }],
    }
}

/// Returns a metrics export of one delta sum `name` with one point per `(attributes, value)`.
pub fn sum_metric(name: &str, points: Vec<(Vec<KeyValue>, f64)>) -> ExportMetricsServiceRequest {
    let data_points = points
        .into_iter()
        .map(|(attributes, value)| NumberDataPoint {
            attributes,
            time_unix_nano: 1_764_676_800_000_000_000,
            value: Some(number_data_point::Value::AsDouble(value)),
            ..NumberDataPoint::default()
        })
        .collect();
    ExportMetricsServiceRequest {
        resource_metrics: vec![ResourceMetrics {
            resource: Some(Resource {
                attributes: vec![kv("service.name", text("claude-code"))],
                ..Resource::default()
            }),
            scope_metrics: vec![ScopeMetrics {
                scope: None,
                metrics: vec![Metric {
                    name: name.to_owned(),
                    data: Some(Data::Sum(Sum {
                        data_points,
                        aggregation_temporality: AggregationTemporality::Delta as i32,
                        is_monotonic: true,
                    })),
                    ..Metric::default()
                }],
                schema_url: String::new(),
            }],
            schema_url: String::new(),
        }],
    }
}

/// Gzips `body`.
pub fn gzip(body: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(body).expect("gzip writes");
    encoder.finish().expect("gzip finishes")
}

/// An HTTP response: status, `Content-Type` and body.
#[derive(Debug)]
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// The `Content-Type` header, lowercased, or empty.
    pub content_type: String,
    /// The body.
    pub body: Vec<u8>,
}

/// A node's OTLP receiver as Claude Code reaches it: where it listens, and the header that lets telemetry in.
#[derive(Debug, Clone)]
pub struct Receiver {
    /// Where it listens.
    pub addr: SocketAddr,
    /// The `Authorization` value it takes (`Bearer ...`).
    pub authorization: String,
}

impl Receiver {
    /// [`http_post`] with the receiver's `Authorization` header added.
    pub async fn post(&self, path: &str, headers: &[(&str, &str)], body: &[u8]) -> HttpResponse {
        self.post_opt(path, headers, body)
            .await
            .expect("an HTTP response")
    }

    /// [`http_post_opt`] with the receiver's `Authorization` header added.
    pub async fn post_opt(
        &self,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Option<HttpResponse> {
        let mut all = headers.to_vec();
        all.push(("Authorization", &self.authorization));
        http_post_opt(self.addr, path, &all, body).await
    }
}

/// Sends `POST path` with `headers` and `body` on a fresh connection and reads the whole response.
pub async fn http_post(
    addr: SocketAddr,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> HttpResponse {
    http_post_opt(addr, path, headers, body)
        .await
        .expect("an HTTP response")
}

/// Like [`http_post`], but `None` when the connection ended without a whole response head (a server that
/// refused a large body may reset the connection before the response is read).
pub async fn http_post_opt(
    addr: SocketAddr,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Option<HttpResponse> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let stream = tokio::net::TcpStream::connect(addr)
        .await
        .expect("the receiver answers");
    let mut request = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    let (mut reader, mut writer) = tokio::io::split(stream);
    // Written while the response is read: a server that refuses a large body early answers before taking it
    // all, and then the rest of the write fails, which is its answer, not an error here.
    let write = async {
        let _ = writer.write_all(request.as_bytes()).await;
        let _ = writer.write_all(body).await;
    };
    let mut response = Vec::new();
    let read = async {
        let _ = reader.read_to_end(&mut response).await;
    };
    tokio::join!(write, read);
    parse_response(&response)
}

fn parse_response(response: &[u8]) -> Option<HttpResponse> {
    let split = response
        .windows(4)
        .position(|window| window == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&response[..split]).to_string();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("no status in {head}"));
    let content_type = head
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("content-type")
                .then(|| value.trim().to_ascii_lowercase())
        })
        .unwrap_or_default();
    Some(HttpResponse {
        status,
        content_type,
        body: response[split + 4..].to_vec(),
    })
}
