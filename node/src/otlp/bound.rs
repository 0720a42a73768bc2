//! Counts what an export would decode into before it is decoded, so a small body cannot turn into millions
//! of structs: 4 MiB of empty `ResourceLogs` (2 bytes each on the wire, a hundred-odd bytes each decoded) is
//! refused here, not after `prost` or serde built it.
//!
//! Protobuf is walked on the wire (tags, varints and lengths only, nothing allocated) along the messages the
//! export types hold. Every element of a repeated message field is counted: the groups and the records
//! (`ResourceLogs`, `ScopeLogs`, log records; `ResourceMetrics`, `ScopeMetrics`, metrics, data points) against
//! `max_records`, and what hangs off them (attributes at any depth, array elements, exemplars, quantiles,
//! entity refs) against [`VALUES_PER_RECORD`] times that. JSON has no schema on the wire: its objects and
//! arrays are counted, outside strings, against [`VALUES_PER_RECORD`] times `max_records`, and then the elements
//! of its groups and records (the arrays the export types name `resourceLogs`, `scopeLogs`, `logRecords`,
//! `resourceMetrics`, `scopeMetrics`, `metrics` and `dataPoints`) against `max_records`, in a pass that keeps
//! nothing: every field of a JSON record is optional, so `{}` is a whole log record, and a body of them passes
//! the first count with 640,000.

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::OtlpError;

/// Attributes (and other nested values) allowed per record on average, and objects plus arrays per record in
/// JSON. A Claude Code log record carries about 20 attributes: in JSON that is 3 objects and arrays for the
/// record, its body and its attribute list plus 2 per attribute (the pair and its value), about 45.
pub const VALUES_PER_RECORD: usize = 64;

/// Deepest nesting walked (as deep as `prost` decodes).
const MAX_DEPTH: usize = 100;

/// Refuses a protobuf logs export that holds more than `max_records` groups and records, or more than
/// [`VALUES_PER_RECORD`] times that of attributes and other nested values; a broken wire format is malformed.
pub fn protobuf_logs(body: &[u8], max_records: usize) -> Result<(), OtlpError> {
    walk_root(body, Kind::LogsRequest, max_records)
}

/// Like [`protobuf_logs`], for a metrics export (data points count as records).
pub fn protobuf_metrics(body: &[u8], max_records: usize) -> Result<(), OtlpError> {
    walk_root(body, Kind::MetricsRequest, max_records)
}

/// Refuses a JSON body with more than [`VALUES_PER_RECORD`] times `max_records` objects and arrays, or more
/// than `max_records` groups and records. Brackets inside strings are not counted; the JSON itself is checked
/// by the decoder afterwards (a body that is not JSON passes here).
pub fn json(body: &[u8], max_records: usize) -> Result<(), OtlpError> {
    json_containers(body, max_records)?;
    let mut records = 0usize;
    let walk = JsonWalk {
        records: &mut records,
        max_records,
        is_record: false,
    };
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    if walk.deserialize(&mut deserializer).is_err() && records > max_records {
        return Err(OtlpError::TooManyRecords { max_records });
    }
    Ok(())
}

/// The arrays of the OTLP export types whose elements are groups or records.
const RECORD_ARRAYS: [&str; 7] = [
    "resourceLogs",
    "scopeLogs",
    "logRecords",
    "resourceMetrics",
    "scopeMetrics",
    "metrics",
    "dataPoints",
];

/// One JSON value walked and dropped; when it is an element of one of [`RECORD_ARRAYS`] (`is_record`), it is
/// counted, and the walk stops past `max_records`.
struct JsonWalk<'a> {
    records: &'a mut usize,
    max_records: usize,
    is_record: bool,
}

impl JsonWalk<'_> {
    fn inner(&mut self, is_record: bool) -> JsonWalk<'_> {
        JsonWalk {
            records: self.records,
            max_records: self.max_records,
            is_record,
        }
    }
}

impl<'de> DeserializeSeed<'de> for JsonWalk<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for JsonWalk<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        let is_record = self.is_record;
        while seq.next_element_seed(self.inner(false))?.is_some() {
            if is_record {
                *self.records += 1;
                if *self.records > self.max_records {
                    return Err(de::Error::custom("too many records"));
                }
            }
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key_seed(RecordKey)? {
            map.next_value_seed(self.inner(key))?;
        }
        Ok(())
    }
}

/// A key of a JSON object: whether it names one of [`RECORD_ARRAYS`].
struct RecordKey;

impl<'de> DeserializeSeed<'de> for RecordKey {
    type Value = bool;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for RecordKey {
    type Value = bool;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a key")
    }

    fn visit_str<E>(self, key: &str) -> Result<bool, E> {
        Ok(RECORD_ARRAYS.contains(&key))
    }
}

/// The first count of [`json`]: objects and arrays outside strings.
fn json_containers(body: &[u8], max_records: usize) -> Result<(), OtlpError> {
    let max_values = max_records.saturating_mul(VALUES_PER_RECORD);
    let mut containers = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for &byte in body {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' => {
                containers += 1;
                if containers > max_values {
                    return Err(OtlpError::TooManyRecords { max_records });
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The messages of the OTLP export types that hold repeated messages, and `Leaf` for one that is counted but
/// not walked into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    LogsRequest,
    ResourceLogs,
    ScopeLogs,
    LogRecord,
    MetricsRequest,
    ResourceMetrics,
    ScopeMetrics,
    Metric,
    NumberPoints,
    HistogramPoints,
    ExponentialPoints,
    SummaryPoints,
    NumberPoint,
    HistogramPoint,
    ExponentialPoint,
    SummaryPoint,
    Exemplar,
    Resource,
    EntityRef,
    Scope,
    KeyValue,
    AnyValue,
    ArrayValue,
    KeyValueList,
    Leaf,
}

/// Which count an element of a field goes to: `None` for a singular message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tally {
    None,
    Record,
    Value,
}

/// The message kind of `field` in `kind` and what it counts as; `None` for a field that is not a message
/// (or one `prost` does not know, which it skips).
fn child(kind: Kind, field: u64) -> Option<(Kind, Tally)> {
    use Kind::*;
    let found = match (kind, field) {
        (LogsRequest, 1) => (ResourceLogs, Tally::Record),
        (ResourceLogs, 1) | (ResourceMetrics, 1) => (Resource, Tally::None),
        (ResourceLogs, 2) => (ScopeLogs, Tally::Record),
        (ScopeLogs, 1) | (ScopeMetrics, 1) => (Scope, Tally::None),
        (ScopeLogs, 2) => (LogRecord, Tally::Record),
        (LogRecord, 5) | (KeyValue, 2) => (AnyValue, Tally::None),
        (ArrayValue, 1) => (AnyValue, Tally::Value),
        (LogRecord, 6)
        | (Metric, 12)
        | (NumberPoint, 7)
        | (HistogramPoint, 9)
        | (ExponentialPoint, 1)
        | (SummaryPoint, 7)
        | (Exemplar, 7)
        | (Resource, 1)
        | (Scope, 3)
        | (KeyValueList, 1) => (KeyValue, Tally::Value),
        (MetricsRequest, 1) => (ResourceMetrics, Tally::Record),
        (ResourceMetrics, 2) => (ScopeMetrics, Tally::Record),
        (ScopeMetrics, 2) => (Metric, Tally::Record),
        (Metric, 5) | (Metric, 7) => (NumberPoints, Tally::None),
        (Metric, 9) => (HistogramPoints, Tally::None),
        (Metric, 10) => (ExponentialPoints, Tally::None),
        (Metric, 11) => (SummaryPoints, Tally::None),
        (NumberPoints, 1) => (NumberPoint, Tally::Record),
        (HistogramPoints, 1) => (HistogramPoint, Tally::Record),
        (ExponentialPoints, 1) => (ExponentialPoint, Tally::Record),
        (SummaryPoints, 1) => (SummaryPoint, Tally::Record),
        (NumberPoint, 5) | (HistogramPoint, 8) | (ExponentialPoint, 11) => (Exemplar, Tally::Value),
        // Buckets: one each for positive and negative, their counts packed.
        (ExponentialPoint, 8) | (ExponentialPoint, 9) => (Leaf, Tally::None),
        (SummaryPoint, 6) => (Leaf, Tally::Value),
        (Resource, 3) => (EntityRef, Tally::Value),
        (EntityRef, 3) | (EntityRef, 4) => (Leaf, Tally::Value),
        (AnyValue, 5) => (ArrayValue, Tally::None),
        (AnyValue, 6) => (KeyValueList, Tally::None),
        _ => return None,
    };
    Some(found)
}

struct Walk {
    records: usize,
    values: usize,
    max_records: usize,
    max_values: usize,
}

fn walk_root(body: &[u8], root: Kind, max_records: usize) -> Result<(), OtlpError> {
    let mut walk = Walk {
        records: 0,
        values: 0,
        max_records,
        max_values: max_records.saturating_mul(VALUES_PER_RECORD),
    };
    walk.message(body, root, 0)
}

fn malformed(what: &str) -> OtlpError {
    OtlpError::Malformed {
        message: format!("protobuf: {what}"),
    }
}

/// Reads a varint at the start of `bytes`; returns it and its length.
fn varint(bytes: &[u8]) -> Result<(u64, usize), OtlpError> {
    let mut value = 0u64;
    for (index, &byte) in bytes.iter().enumerate().take(10) {
        value |= u64::from(byte & 0x7f) << (7 * index);
        if byte & 0x80 == 0 {
            return Ok((value, index + 1));
        }
    }
    Err(malformed("a varint runs past its end"))
}

impl Walk {
    fn message(&mut self, mut bytes: &[u8], kind: Kind, depth: usize) -> Result<(), OtlpError> {
        if depth > MAX_DEPTH {
            return Err(malformed("messages nested too deep"));
        }
        while !bytes.is_empty() {
            let (key, used) = varint(bytes)?;
            bytes = &bytes[used..];
            let field = key >> 3;
            if field == 0 {
                return Err(malformed("field number 0"));
            }
            let skip = match key & 7 {
                0 => varint(bytes)?.1,
                1 => 8,
                5 => 4,
                2 => {
                    let (length, used) = varint(bytes)?;
                    let length = usize::try_from(length)
                        .ok()
                        .filter(|length| *length <= bytes.len() - used)
                        .ok_or_else(|| malformed("a length runs past the end"))?;
                    let inner = &bytes[used..used + length];
                    if let Some((child_kind, tally)) = child(kind, field) {
                        self.count(tally)?;
                        if child_kind != Kind::Leaf {
                            self.message(inner, child_kind, depth + 1)?;
                        }
                    }
                    used + length
                }
                _ => return Err(malformed("a wire type OTLP does not use")),
            };
            if skip > bytes.len() {
                return Err(malformed("a field runs past the end"));
            }
            bytes = &bytes[skip..];
        }
        Ok(())
    }

    fn count(&mut self, tally: Tally) -> Result<(), OtlpError> {
        let over = match tally {
            Tally::None => false,
            Tally::Record => {
                self.records += 1;
                self.records > self.max_records
            }
            Tally::Value => {
                self.values += 1;
                self.values > self.max_values
            }
        };
        if over {
            return Err(OtlpError::TooManyRecords {
                max_records: self.max_records,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use opentelemetry_proto::tonic::{
        collector::{logs::v1::ExportLogsServiceRequest, metrics::v1::ExportMetricsServiceRequest},
        common::v1::{AnyValue, ArrayValue, KeyValue, any_value::Value as Any},
        logs::v1::{LogRecord, ResourceLogs, ScopeLogs},
        metrics::v1::{
            Gauge, Metric, NumberDataPoint, ResourceMetrics, ScopeMetrics, metric::Data,
        },
    };
    use prost::Message;

    use super::*;

    fn logs(resources: usize, records: usize, attributes: usize) -> Vec<u8> {
        let attribute = KeyValue {
            key: "k".to_owned(),
            value: Some(AnyValue {
                value: Some(Any::StringValue("v".to_owned())),
            }),
            ..KeyValue::default()
        };
        let record = LogRecord {
            attributes: vec![attribute; attributes],
            ..LogRecord::default()
        };
        ExportLogsServiceRequest {
            resource_logs: vec![
                ResourceLogs {
                    scope_logs: vec![ScopeLogs {
                        log_records: vec![record; records],
                        ..ScopeLogs::default()
                    }],
                    ..ResourceLogs::default()
                };
                resources
            ],
        }
        .encode_to_vec()
    }

    #[test]
    fn groups_records_and_attributes_are_counted_before_decoding() {
        // 1 ResourceLogs + 1 ScopeLogs + 8 records = 10.
        assert!(protobuf_logs(&logs(1, 8, 3), 10).is_ok());
        assert!(matches!(
            protobuf_logs(&logs(1, 9, 3), 10),
            Err(OtlpError::TooManyRecords { max_records: 10 })
        ));
        // Empty groups count: 6 resources of one scope each are 12.
        assert!(matches!(
            protobuf_logs(&logs(6, 0, 0), 10),
            Err(OtlpError::TooManyRecords { .. })
        ));
        // Attributes: 64 per record on average.
        assert!(protobuf_logs(&logs(1, 1, 3 * VALUES_PER_RECORD), 3).is_ok());
        assert!(protobuf_logs(&logs(1, 1, 3 * VALUES_PER_RECORD + 1), 3).is_err());
    }

    #[test]
    fn a_flood_of_empty_resource_logs_is_refused_unread() {
        let flood = [0x0a, 0x00].repeat(2 * 1024 * 1024);
        assert!(matches!(
            protobuf_logs(&flood, 10_000),
            Err(OtlpError::TooManyRecords { .. })
        ));
    }

    #[test]
    fn nested_array_values_and_data_points_are_counted() {
        let nested = AnyValue {
            value: Some(Any::ArrayValue(ArrayValue {
                values: vec![AnyValue::default(); 200],
            })),
        };
        let attribute = KeyValue {
            key: "list".to_owned(),
            value: Some(nested),
            ..KeyValue::default()
        };
        let metrics = |points: usize| {
            ExportMetricsServiceRequest {
                resource_metrics: vec![ResourceMetrics {
                    scope_metrics: vec![ScopeMetrics {
                        metrics: vec![Metric {
                            data: Some(Data::Gauge(Gauge {
                                data_points: vec![
                                    NumberDataPoint {
                                        attributes: vec![attribute.clone()],
                                        ..NumberDataPoint::default()
                                    };
                                    points
                                ],
                            })),
                            ..Metric::default()
                        }],
                        ..ScopeMetrics::default()
                    }],
                    ..ResourceMetrics::default()
                }],
            }
            .encode_to_vec()
        };
        // 3 groups + 7 points = 10 records; 7 × 201 values against 640.
        assert!(matches!(
            protobuf_metrics(&metrics(7), 10),
            Err(OtlpError::TooManyRecords { .. })
        ));
        assert!(protobuf_metrics(&metrics(3), 100).is_ok());
        assert!(matches!(
            protobuf_metrics(&metrics(98), 100),
            Err(OtlpError::TooManyRecords { .. })
        ));
    }

    #[test]
    fn a_broken_wire_format_is_malformed() {
        for broken in [
            &b"\x0a\x05ab"[..],
            &b"\x0a"[..],
            &b"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"[..],
            &b"\x0b"[..],
            &b"\x00\x01"[..],
        ] {
            assert!(
                matches!(protobuf_logs(broken, 10), Err(OtlpError::Malformed { .. })),
                "{broken:?}"
            );
        }
        assert!(protobuf_logs(b"", 10).is_ok());
    }

    #[test]
    fn json_groups_and_records_are_counted_however_small() {
        // `{}` is a whole log record: 10 of them, with their two groups, are 12.
        let logs = |records: usize| {
            format!(
                r#"{{"resourceLogs": [{{"scopeLogs": [{{"logRecords": [{}]}}]}}]}}"#,
                vec!["{}"; records].join(",")
            )
        };
        assert!(json(logs(10).as_bytes(), 12).is_ok());
        assert!(matches!(
            json(logs(11).as_bytes(), 12),
            Err(OtlpError::TooManyRecords { max_records: 12 })
        ));
        // The flood the container count lets through: 600,000 records in 2.4 MB.
        assert!(matches!(
            json(logs(600_000).as_bytes(), 10_000),
            Err(OtlpError::TooManyRecords { .. })
        ));
        // Data points count as records; the names count only as keys, not inside strings or as values.
        let metrics = |points: usize| {
            format!(
                r#"{{"resourceMetrics": [{{"scopeMetrics": [{{"metrics": [{{"name": "logRecords",
                    "sum": {{"dataPoints": [{}]}}}}]}}]}}], "x": "dataPoints [{{}},{{}}]"}}"#,
                vec![r#"{"asInt": "1", "attributes": [{"key": "metrics", "value": {}}]}"#; points]
                    .join(",")
            )
        };
        assert!(json(metrics(6).as_bytes(), 9).is_ok());
        assert!(json(metrics(7).as_bytes(), 9).is_err());
        // Broken JSON is left to the decoder, unless it already held too many records.
        assert!(json(br#"{"resourceLogs": [{}, {}"#, 10).is_ok());
        assert!(json(br#"{"resourceLogs": [{}, {}, {}"#, 2).is_err());
    }

    #[test]
    fn json_counts_objects_and_arrays_outside_strings() {
        let strings = format!(r#"{{"a": "{}", "b": "\"{{["}}"#, "{[".repeat(1000));
        assert!(json(strings.as_bytes(), 1).is_ok());
        let many = format!("[{}{{}}]", "{},".repeat(VALUES_PER_RECORD));
        assert!(matches!(
            json(many.as_bytes(), 1),
            Err(OtlpError::TooManyRecords { max_records: 1 })
        ));
    }
}
