//! An OTLP/HTTP request's body: its content type and encoding, read with a cap, un-gzipped with a cap, and
//! decoded with the `opentelemetry-proto` types; and the replies, in the request's own encoding.

use std::io::Read;

use axum::http::{HeaderMap, StatusCode, header};
use bytes::Bytes;
use prost::Message;
use serde::{Serialize, de::DeserializeOwned};

use super::OtlpError;

/// How a body is encoded, from its `Content-Type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `application/x-protobuf`.
    Protobuf,
    /// `application/json`: OTLP's JSON mapping.
    Json,
}

impl Format {
    /// Reads the format from the headers; anything else is `unsupported_media_type`.
    pub fn of(headers: &HeaderMap) -> Result<Format, OtlpError> {
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or("");
        let essence = content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match essence.as_str() {
            "application/x-protobuf" | "application/protobuf" => Ok(Format::Protobuf),
            "application/json" => Ok(Format::Json),
            _ => Err(OtlpError::UnsupportedMediaType {
                content_type: content_type.chars().take(100).collect(),
            }),
        }
    }

    /// The `Content-Type` of replies in this format.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Protobuf => "application/x-protobuf",
            Format::Json => "application/json",
        }
    }

    /// Encodes a reply message.
    pub fn encode<M: Message + Serialize>(self, message: &M) -> Vec<u8> {
        match self {
            Format::Protobuf => message.encode_to_vec(),
            // A message of plain fields always serialises; an empty object is still a valid reply. An unset
            // field is left out rather than written as null.
            Format::Json => {
                let mut value = serde_json::to_value(message).unwrap_or_default();
                if let serde_json::Value::Object(fields) = &mut value {
                    fields.retain(|_, field| !field.is_null());
                }
                serde_json::to_vec(&value).unwrap_or_else(|_| b"{}".to_vec())
            }
        }
    }
}

/// Whether the body is gzip-compressed, from its `Content-Encoding`.
pub fn gzipped(headers: &HeaderMap) -> Result<bool, OtlpError> {
    let encoding = headers
        .get(header::CONTENT_ENCODING)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match encoding.as_str() {
        "" | "identity" => Ok(false),
        "gzip" => Ok(true),
        _ => Err(OtlpError::UnsupportedEncoding {
            encoding: encoding.chars().take(100).collect(),
        }),
    }
}

/// Reads the body, refusing it once it passes `max_bytes` (before any of the rest is read).
pub async fn read(
    headers: &HeaderMap,
    body: axum::body::Body,
    max_bytes: usize,
) -> Result<Bytes, OtlpError> {
    let declared_opt = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if declared_opt.is_some_and(|declared| declared > max_bytes as u64) {
        return Err(OtlpError::TooLarge { max_bytes });
    }
    let mut stream = body.into_data_stream();
    let mut buffer = Vec::with_capacity(declared_opt.unwrap_or(0).min(max_bytes as u64) as usize);
    while let Some(chunk) = futures::StreamExt::next(&mut stream).await {
        let chunk = chunk.map_err(|error| OtlpError::Unreadable {
            message: error.to_string(),
        })?;
        if buffer.len() + chunk.len() > max_bytes {
            return Err(OtlpError::TooLarge { max_bytes });
        }
        buffer.extend_from_slice(&chunk);
    }
    Ok(Bytes::from(buffer))
}

/// Un-gzips `body`, refusing it once the output passes `max_bytes` (a gzip bomb stops there).
pub fn gunzip(body: &[u8], max_bytes: usize) -> Result<Vec<u8>, OtlpError> {
    let mut output = Vec::new();
    flate2::read::GzDecoder::new(body)
        .take(max_bytes as u64 + 1)
        .read_to_end(&mut output)
        .map_err(|error| OtlpError::Malformed {
            message: format!("gzip: {error}"),
        })?;
    if output.len() > max_bytes {
        return Err(OtlpError::TooLarge { max_bytes });
    }
    Ok(output)
}

/// Decodes an export request.
pub fn decode<M: Message + Default + DeserializeOwned>(
    format: Format,
    body: &[u8],
) -> Result<M, OtlpError> {
    match format {
        Format::Protobuf => M::decode(body).map_err(|error| OtlpError::Malformed {
            message: format!("protobuf: {error}"),
        }),
        Format::Json => serde_json::from_slice(body).map_err(|error| OtlpError::Malformed {
            message: format!("json: {error}"),
        }),
    }
}

/// `google.rpc.Status`, the body of an OTLP/HTTP error reply (without `details`, which SHIM never sends). The
/// `opentelemetry-proto` crate does not carry it.
#[derive(Clone, PartialEq, Message, Serialize)]
pub struct Status {
    /// A `google.rpc.Code`.
    #[prost(int32, tag = "1")]
    pub code: i32,
    /// What was wrong, for a person.
    #[prost(string, tag = "2")]
    pub message: String,
}

/// The HTTP status and the `google.rpc.Code` of an error.
pub fn status_of(error: &OtlpError) -> (StatusCode, i32) {
    // Codes: 3 INVALID_ARGUMENT, 4 DEADLINE_EXCEEDED, 8 RESOURCE_EXHAUSTED, 14 UNAVAILABLE, 16 UNAUTHENTICATED.
    match error {
        OtlpError::Malformed { .. } | OtlpError::Unreadable { .. } => (StatusCode::BAD_REQUEST, 3),
        OtlpError::TooLarge { .. } | OtlpError::TooManyRecords { .. } => {
            (StatusCode::PAYLOAD_TOO_LARGE, 3)
        }
        OtlpError::UnsupportedMediaType { .. } | OtlpError::UnsupportedEncoding { .. } => {
            (StatusCode::UNSUPPORTED_MEDIA_TYPE, 3)
        }
        OtlpError::SlowBody { .. } => (StatusCode::REQUEST_TIMEOUT, 4),
        OtlpError::Unauthenticated => (StatusCode::UNAUTHORIZED, 16),
        OtlpError::Busy => (StatusCode::TOO_MANY_REQUESTS, 8),
        OtlpError::Internal { .. } => (StatusCode::SERVICE_UNAVAILABLE, 14),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gzip_bomb_stops_at_the_cap() {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        std::io::Write::write_all(&mut encoder, &vec![0u8; 64 * 1024 * 1024]).expect("writes");
        let bomb = encoder.finish().expect("finishes");
        assert!(bomb.len() < 200 * 1024, "64 MiB of zeros packs small");
        assert!(matches!(
            gunzip(&bomb, 1024 * 1024),
            Err(OtlpError::TooLarge {
                max_bytes: 1_048_576
            })
        ));
        assert!(matches!(
            gunzip(b"not gzip", 1024),
            Err(OtlpError::Malformed { .. })
        ));
    }

    #[test]
    fn content_types_take_parameters_and_anything_else_is_refused() {
        let headers = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::CONTENT_TYPE, value.parse().expect("header"));
            headers
        };
        assert_eq!(
            Format::of(&headers("application/json; charset=utf-8")).ok(),
            Some(Format::Json)
        );
        assert_eq!(
            Format::of(&headers("Application/X-Protobuf")).ok(),
            Some(Format::Protobuf)
        );
        assert!(matches!(
            Format::of(&headers("text/plain")),
            Err(OtlpError::UnsupportedMediaType { .. })
        ));
        assert!(matches!(
            Format::of(&HeaderMap::new()),
            Err(OtlpError::UnsupportedMediaType { .. })
        ));
    }
}
