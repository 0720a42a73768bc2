//! What SHIM reads from Claude Code's OpenTelemetry export: its events (log records) `claude_code.api_request`,
//! `api_error`, `tool_result` and compaction, and its metrics `claude_code.token.usage` and
//! `claude_code.cost.usage`, each turned into a `telemetry.*` event of the analytics contract and, for API
//! requests and errors, a signal for the chat's worker. The chat is the `session.id` attribute.
//!
//! Each record also carries its own time (for the event's `record_time`) and, when it has one, a digest of
//! its content, so a batch the exporter sends again is recognised (see [`Telemetry::digest_opt`]).
//!
//! Claude Code's exporter sends attribute values as strings (`"1234"`) and other exporters as numbers (`1234`,
//! `1234.0`): every number here is read from either.

use std::hash::{DefaultHasher, Hasher};

use opentelemetry_proto::tonic::{
    collector::{logs::v1::ExportLogsServiceRequest, metrics::v1::ExportMetricsServiceRequest},
    common::v1::{AnyValue, KeyValue, any_value::Value as Any},
    logs::v1::LogRecord,
    metrics::v1::{AggregationTemporality, NumberDataPoint, metric::Data, number_data_point},
    resource::v1::Resource,
};
use prost::Message;
use serde_json::{Value, json};
use shim_protocol::{messages::SignalEvent, subject::validate_id};

/// Longest model name, tool name or error message kept in an event.
const TEXT_CHARS: usize = 500;

/// One record SHIM understood: the event to publish (`telemetry.<name>`) and the signal it makes, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Telemetry {
    /// The event's name under `telemetry.`: `api_request`, `api_error`, `tool_result`, `compaction`, `usage`.
    pub name: &'static str,
    /// The chat, from `session.id`, when the record has a valid one.
    pub chat_id_opt: Option<String>,
    /// Whether the record has a `session.id` that cannot be a chat id (so `chat_id_opt` is `None`).
    pub invalid_session: bool,
    /// The record's own time in milliseconds since the epoch: `time_unix_nano`, else
    /// `observed_time_unix_nano` (log records); `None` when it has neither.
    pub record_time_ms_opt: Option<u64>,
    /// A digest of the record's content (its chat, its name, the whole record with its time and attributes),
    /// for telling a batch sent again from new records; `None` for a record without a time, which cannot be
    /// told from the same event happening again.
    pub digest_opt: Option<u64>,
    /// The event's data, as the analytics contract lays it out.
    pub data: Value,
    /// What the chat's worker is told.
    pub signal_opt: Option<SignalEvent>,
}

/// What one request held: the records understood, and how many were not (unknown events and metrics, counted
/// and ignored). How many records a request may hold is bounded before it is decoded (see `super::bound`).
#[derive(Debug, Default)]
pub struct Taken {
    /// Records understood, in order.
    pub records: Vec<Telemetry>,
    /// Records of events or metrics SHIM does not read.
    pub unknown: u64,
}

/// Nanoseconds since the epoch as milliseconds; 0 (unset) is `None`.
fn millis(nanos: u64) -> Option<u64> {
    (nanos > 0).then_some(nanos / 1_000_000)
}

/// The digest of a record: its kind, its chat and its encoded bytes (time, attributes and all), when it has a
/// time. `scratch` is reused between records.
fn digest<M: Message>(
    time_opt: Option<u64>,
    name: &str,
    chat_id_opt: Option<&str>,
    message: &M,
    scratch: &mut Vec<u8>,
) -> Option<u64> {
    time_opt?;
    scratch.clear();
    message.encode(scratch).ok()?;
    let mut hasher = DefaultHasher::new();
    hasher.write(name.as_bytes());
    hasher.write_u8(0xff);
    hasher.write(chat_id_opt.unwrap_or_default().as_bytes());
    hasher.write_u8(0xff);
    hasher.write(scratch);
    Some(hasher.finish())
}

/// Reads the log records of a logs export.
pub fn from_logs(request: &ExportLogsServiceRequest) -> Taken {
    let mut taken = Taken::default();
    let mut scratch = Vec::new();
    for resource_logs in &request.resource_logs {
        let resource = ResourceAttrs::of(resource_logs.resource.as_ref());
        for scope_logs in &resource_logs.scope_logs {
            for record in &scope_logs.log_records {
                let attrs = Attrs {
                    own: &record.attributes,
                    resource: &resource,
                };
                match from_log(record, &attrs) {
                    Some(mut telemetry) => {
                        telemetry.digest_opt = digest(
                            telemetry.record_time_ms_opt,
                            telemetry.name,
                            telemetry.chat_id_opt.as_deref(),
                            record,
                            &mut scratch,
                        );
                        taken.records.push(telemetry);
                    }
                    None => taken.unknown += 1,
                }
            }
        }
    }
    taken
}

/// Reads the data points of a metrics export.
pub fn from_metrics(request: &ExportMetricsServiceRequest) -> Taken {
    let mut taken = Taken::default();
    let mut scratch = Vec::new();
    for resource_metrics in &request.resource_metrics {
        let resource = ResourceAttrs::of(resource_metrics.resource.as_ref());
        for scope_metrics in &resource_metrics.scope_metrics {
            for metric in &scope_metrics.metrics {
                let (points, temporality_opt): (&[NumberDataPoint], Option<i32>) = match &metric
                    .data
                {
                    Some(Data::Sum(sum)) => (&sum.data_points, Some(sum.aggregation_temporality)),
                    Some(Data::Gauge(gauge)) => (&gauge.data_points, None),
                    // Histograms and summaries: Claude Code sends none SHIM reads.
                    Some(Data::Histogram(histogram)) => {
                        taken.unknown += histogram.data_points.len() as u64;
                        continue;
                    }
                    Some(Data::ExponentialHistogram(histogram)) => {
                        taken.unknown += histogram.data_points.len() as u64;
                        continue;
                    }
                    Some(Data::Summary(summary)) => {
                        taken.unknown += summary.data_points.len() as u64;
                        continue;
                    }
                    None => continue,
                };
                let known = matches!(
                    metric.name.as_str(),
                    "claude_code.token.usage" | "claude_code.cost.usage"
                );
                if !known {
                    taken.unknown += points.len() as u64;
                    continue;
                }
                for point in points {
                    let attrs = Attrs {
                        own: &point.attributes,
                        resource: &resource,
                    };
                    let value_opt = match point.value {
                        Some(number_data_point::Value::AsDouble(value)) => {
                            Some(value).filter(|value| value.is_finite())
                        }
                        Some(number_data_point::Value::AsInt(value)) => Some(value as f64),
                        None => None,
                    };
                    let temporality = temporality_opt.map(|temporality| {
                        match AggregationTemporality::try_from(temporality) {
                            Ok(AggregationTemporality::Delta) => "delta",
                            Ok(AggregationTemporality::Cumulative) => "cumulative",
                            _ => "unspecified",
                        }
                    });
                    let (chat_id_opt, invalid_session) = attrs.chat_id();
                    let record_time_ms_opt = millis(point.time_unix_nano);
                    let digest_opt = digest(
                        record_time_ms_opt,
                        &metric.name,
                        chat_id_opt.as_deref(),
                        point,
                        &mut scratch,
                    );
                    let telemetry = Telemetry {
                        name: "usage",
                        chat_id_opt,
                        invalid_session,
                        record_time_ms_opt,
                        digest_opt,
                        data: json!({
                            "metric": metric.name,
                            "type": attrs.text("type"),
                            "model": attrs.text("model"),
                            "value": value_opt,
                            "temporality": temporality,
                        }),
                        signal_opt: None,
                    };
                    taken.records.push(telemetry);
                }
            }
        }
    }
    taken
}

/// The event a log record names: its `event_name` field, else its `event.name` attribute, else a string body;
/// without the `claude_code.` prefix.
fn event_name<'a>(record: &'a LogRecord, attrs: &Attrs<'a>) -> Option<&'a str> {
    let body_opt = match record.body.as_ref().and_then(|body| body.value.as_ref()) {
        Some(Any::StringValue(text)) => Some(text.as_str()),
        _ => None,
    };
    let named = [
        Some(record.event_name.as_str()).filter(|name| !name.is_empty()),
        attrs.own_str("event.name"),
        body_opt,
    ];
    named
        .into_iter()
        .flatten()
        .map(|name| name.strip_prefix("claude_code.").unwrap_or(name))
        .find(|name| !name.is_empty())
}

fn from_log(record: &LogRecord, attrs: &Attrs<'_>) -> Option<Telemetry> {
    let name = event_name(record, attrs)?;
    let (name, data, signal_opt) = match name {
        "api_request" => {
            let model = attrs.text("model");
            let duration_ms = attrs.count("duration_ms");
            let input_tokens = attrs.count("input_tokens");
            let output_tokens = attrs.count("output_tokens");
            let cache_read_tokens = attrs.count("cache_read_tokens");
            let cache_creation_tokens = attrs.count("cache_creation_tokens");
            let cost_usd = attrs.number("cost_usd").filter(|cost| *cost >= 0.0);
            (
                "api_request",
                json!({
                    "model": model, "duration_ms": duration_ms, "input_tokens": input_tokens,
                    "output_tokens": output_tokens, "cache_read_tokens": cache_read_tokens,
                    "cache_creation_tokens": cache_creation_tokens, "cost_usd": cost_usd,
                }),
                Some(SignalEvent::ApiRequest {
                    model,
                    duration_ms,
                    input_tokens,
                    output_tokens,
                    cache_read_tokens,
                    cache_creation_tokens,
                    cost_usd,
                }),
            )
        }
        "api_error" => {
            let model = attrs.text("model");
            let error = attrs.text("error");
            let status_code = attrs
                .count("status_code")
                .and_then(|code| u16::try_from(code).ok());
            let attempt = attrs
                .count("attempt")
                .and_then(|attempt| u32::try_from(attempt).ok());
            (
                "api_error",
                json!({
                    "model": model, "error": error, "status_code": status_code,
                    "duration_ms": attrs.count("duration_ms"), "attempt": attempt,
                }),
                Some(SignalEvent::ApiError {
                    model,
                    error,
                    status_code,
                    attempt,
                }),
            )
        }
        "tool_result" => (
            "tool_result",
            json!({
                "tool": attrs.text("tool_name"), "success": attrs.flag("success"),
                "duration_ms": attrs.count("duration_ms"),
            }),
            None,
        ),
        "compaction" | "compact" | "auto_compact" => (
            "compaction",
            json!({"trigger": attrs.text("trigger")}),
            None,
        ),
        _ => return None,
    };
    let (chat_id_opt, invalid_session) = attrs.chat_id();
    Some(Telemetry {
        name,
        chat_id_opt,
        invalid_session,
        record_time_ms_opt: millis(record.time_unix_nano)
            .or_else(|| millis(record.observed_time_unix_nano)),
        // Filled in by `from_logs`, which has the scratch buffer.
        digest_opt: None,
        data,
        signal_opt,
    })
}

/// A resource's attributes by key (the first of each), read once per resource: every record of the resource
/// falls back on them, and a scan of the list per lookup made a resource of 600,000 attributes shared by
/// 10,000 records cost minutes of CPU, within every limit on the request's size.
struct ResourceAttrs<'a> {
    by_key: std::collections::HashMap<&'a str, Option<&'a Any>>,
}

impl<'a> ResourceAttrs<'a> {
    fn of(resource_opt: Option<&'a Resource>) -> ResourceAttrs<'a> {
        let mut by_key = std::collections::HashMap::new();
        for pair in resource_opt.map_or(&[][..], |resource| &resource.attributes[..]) {
            let value = pair.value.as_ref().and_then(|value| value.value.as_ref());
            by_key.entry(pair.key.as_str()).or_insert(value);
        }
        ResourceAttrs { by_key }
    }
}

/// A record's attributes, falling back on its resource's.
struct Attrs<'a> {
    own: &'a [KeyValue],
    resource: &'a ResourceAttrs<'a>,
}

impl<'a> Attrs<'a> {
    fn get(&self, key: &str) -> Option<&'a Any> {
        match self.own.iter().find(|pair| pair.key == key) {
            Some(pair) => pair
                .value
                .as_ref()
                .and_then(|value: &AnyValue| value.value.as_ref()),
            None => self.resource.by_key.get(key).copied().flatten(),
        }
    }

    fn own_str(&self, key: &str) -> Option<&'a str> {
        match self
            .own
            .iter()
            .find(|pair| pair.key == key)
            .and_then(|pair| pair.value.as_ref())
            .and_then(|value| value.value.as_ref())
        {
            Some(Any::StringValue(text)) => Some(text.as_str()),
            _ => None,
        }
    }

    /// A value as text (numbers and booleans written out), cut to [`TEXT_CHARS`].
    fn text(&self, key: &str) -> Option<String> {
        let text = match self.get(key)? {
            Any::StringValue(text) => text.clone(),
            Any::IntValue(value) => value.to_string(),
            Any::DoubleValue(value) => value.to_string(),
            Any::BoolValue(value) => value.to_string(),
            _ => return None,
        };
        Some(text.chars().take(TEXT_CHARS).collect())
    }

    /// A finite number, from a number or a string.
    fn number(&self, key: &str) -> Option<f64> {
        let value = match self.get(key)? {
            Any::IntValue(value) => *value as f64,
            Any::DoubleValue(value) => *value,
            Any::StringValue(text) => text.trim().parse::<f64>().ok()?,
            _ => return None,
        };
        value.is_finite().then_some(value)
    }

    /// A non-negative whole number (a count, milliseconds), from an integer, a double or a string; a
    /// fraction is rounded.
    fn count(&self, key: &str) -> Option<u64> {
        if let Some(Any::IntValue(value)) = self.get(key) {
            return u64::try_from(*value).ok();
        }
        if let Some(Any::StringValue(text)) = self.get(key)
            && let Ok(value) = text.trim().parse::<u64>()
        {
            return Some(value);
        }
        let value = self.number(key)?;
        // `as` saturates, so a huge double cannot wrap.
        (value >= 0.0).then(|| value.round() as u64)
    }

    /// A boolean, from a boolean, `"true"`/`"false"` or 1/0.
    fn flag(&self, key: &str) -> Option<bool> {
        match self.get(key)? {
            Any::BoolValue(value) => Some(*value),
            Any::StringValue(text) => match text.trim().to_ascii_lowercase().as_str() {
                "true" | "1" => Some(true),
                "false" | "0" => Some(false),
                _ => None,
            },
            Any::IntValue(value) => match value {
                0 => Some(false),
                1 => Some(true),
                _ => None,
            },
            _ => None,
        }
    }

    /// The chat: the `session.id` attribute, when it is a valid chat id; and whether there is one that is not.
    fn chat_id(&self) -> (Option<String>, bool) {
        match self.get("session.id") {
            None => (None, false),
            Some(Any::StringValue(text)) if validate_id("session id", text).is_ok() => {
                (Some(text.clone()), false)
            }
            Some(_) => (None, true),
        }
    }
}

#[cfg(test)]
mod tests;
