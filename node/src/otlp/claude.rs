//! What SHIM reads from Claude Code's OpenTelemetry export: its events (log records) `claude_code.api_request`,
//! `api_error`, `tool_result` and compaction, and its metrics `claude_code.token.usage` and
//! `claude_code.cost.usage`, each turned into a `telemetry.*` event of the analytics contract and, for API
//! requests and errors, a signal for the chat's worker. The chat is the `session.id` attribute.
//!
//! Claude Code's exporter sends attribute values as strings (`"1234"`) and other exporters as numbers (`1234`,
//! `1234.0`): every number here is read from either.

use opentelemetry_proto::tonic::{
    collector::{logs::v1::ExportLogsServiceRequest, metrics::v1::ExportMetricsServiceRequest},
    common::v1::{AnyValue, KeyValue, any_value::Value as Any},
    logs::v1::LogRecord,
    metrics::v1::{AggregationTemporality, NumberDataPoint, metric::Data, number_data_point},
};
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
    /// The event's data, as the analytics contract lays it out.
    pub data: Value,
    /// What the chat's worker is told.
    pub signal_opt: Option<SignalEvent>,
}

/// What one request held: the records understood, and how many were not (unknown events and metrics, counted
/// and ignored) or had a `session.id` that cannot be a chat id.
#[derive(Debug, Default)]
pub struct Taken {
    /// Records understood, in order.
    pub records: Vec<Telemetry>,
    /// Records of events or metrics SHIM does not read.
    pub unknown: u64,
    /// Records over the per-request cap, rejected (reported as a partial success).
    pub rejected: u64,
    /// Records whose `session.id` is not a valid chat id (published without a chat).
    pub bad_session: u64,
}

impl Taken {
    /// Adds `telemetry` unless the request already holds `max_records`.
    fn push(&mut self, telemetry: Telemetry, max_records: usize) {
        if self.records.len() + self.unknown as usize >= max_records {
            self.rejected += 1;
        } else {
            self.records.push(telemetry);
        }
    }

    fn skip(&mut self, max_records: usize) {
        if self.records.len() + self.unknown as usize >= max_records {
            self.rejected += 1;
        } else {
            self.unknown += 1;
        }
    }
}

/// Reads the log records of a logs export, at most `max_records` of them.
pub fn from_logs(request: &ExportLogsServiceRequest, max_records: usize) -> Taken {
    let mut taken = Taken::default();
    for resource_logs in &request.resource_logs {
        let resource = resource_logs
            .resource
            .as_ref()
            .map_or(&[][..], |resource| &resource.attributes[..]);
        for scope_logs in &resource_logs.scope_logs {
            for record in &scope_logs.log_records {
                let attrs = Attrs {
                    own: &record.attributes,
                    resource,
                };
                match from_log(record, &attrs, &mut taken.bad_session) {
                    Some(telemetry) => taken.push(telemetry, max_records),
                    None => taken.skip(max_records),
                }
            }
        }
    }
    taken
}

/// Reads the data points of a metrics export, at most `max_records` of them.
pub fn from_metrics(request: &ExportMetricsServiceRequest, max_records: usize) -> Taken {
    let mut taken = Taken::default();
    for resource_metrics in &request.resource_metrics {
        let resource = resource_metrics
            .resource
            .as_ref()
            .map_or(&[][..], |resource| &resource.attributes[..]);
        for scope_metrics in &resource_metrics.scope_metrics {
            for metric in &scope_metrics.metrics {
                let (points, temporality_opt): (&[NumberDataPoint], Option<i32>) = match &metric
                    .data
                {
                    Some(Data::Sum(sum)) => (&sum.data_points, Some(sum.aggregation_temporality)),
                    Some(Data::Gauge(gauge)) => (&gauge.data_points, None),
                    // Histograms and summaries: Claude Code sends none SHIM reads.
                    Some(Data::Histogram(histogram)) => {
                        skip_points(&mut taken, histogram.data_points.len(), max_records);
                        continue;
                    }
                    Some(Data::ExponentialHistogram(histogram)) => {
                        skip_points(&mut taken, histogram.data_points.len(), max_records);
                        continue;
                    }
                    Some(Data::Summary(summary)) => {
                        skip_points(&mut taken, summary.data_points.len(), max_records);
                        continue;
                    }
                    None => continue,
                };
                let known = matches!(
                    metric.name.as_str(),
                    "claude_code.token.usage" | "claude_code.cost.usage"
                );
                if !known {
                    skip_points(&mut taken, points.len(), max_records);
                    continue;
                }
                for point in points {
                    let attrs = Attrs {
                        own: &point.attributes,
                        resource,
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
                    let telemetry = Telemetry {
                        name: "usage",
                        chat_id_opt: attrs.chat_id(&mut taken.bad_session),
                        data: json!({
                            "metric": metric.name,
                            "type": attrs.text("type"),
                            "model": attrs.text("model"),
                            "value": value_opt,
                            "temporality": temporality,
                        }),
                        signal_opt: None,
                    };
                    taken.push(telemetry, max_records);
                }
            }
        }
    }
    taken
}

fn skip_points(taken: &mut Taken, count: usize, max_records: usize) {
    for _ in 0..count {
        taken.skip(max_records);
    }
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

fn from_log(record: &LogRecord, attrs: &Attrs<'_>, bad_session: &mut u64) -> Option<Telemetry> {
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
    Some(Telemetry {
        name,
        chat_id_opt: attrs.chat_id(bad_session),
        data,
        signal_opt,
    })
}

/// A record's attributes, falling back on its resource's.
struct Attrs<'a> {
    own: &'a [KeyValue],
    resource: &'a [KeyValue],
}

impl<'a> Attrs<'a> {
    fn get(&self, key: &str) -> Option<&'a Any> {
        self.own
            .iter()
            .chain(self.resource)
            .find(|pair| pair.key == key)
            .and_then(|pair| pair.value.as_ref())
            .and_then(|value: &AnyValue| value.value.as_ref())
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

    /// The chat: the `session.id` attribute, when it is a valid chat id; an invalid one is counted.
    fn chat_id(&self, bad_session: &mut u64) -> Option<String> {
        let session = match self.get("session.id")? {
            Any::StringValue(text) => text.as_str(),
            _ => {
                *bad_session += 1;
                return None;
            }
        };
        if validate_id("session id", session).is_ok() {
            Some(session.to_owned())
        } else {
            *bad_session += 1;
            None
        }
    }
}

#[cfg(test)]
mod tests;
