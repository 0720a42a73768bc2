//! Encoding of request and reply payloads (MessagePack with field names) and of events (JSON).

use serde::{Serialize, de::DeserializeOwned};

use crate::{
    error::{CodecError, WireResult},
    event::Event,
};

pub use crate::limits::MAX_PAYLOAD_BYTES;

/// Deepest nesting of arrays and maps a payload may have (as deep as JSON is read): far above any message,
/// far below what overflows a thread's stack. With rmp-serde's own default (1024), 3 KB of maps nested
/// under an unknown field overflowed the stack of a debug build's decoding thread, aborting the process.
pub const MAX_DEPTH: usize = 128;

/// Encodes `value` as MessagePack with field names, so readers can skip fields they do not know.
pub fn encode<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, CodecError> {
    let bytes = rmp_serde::to_vec_named(value).map_err(CodecError::Encode)?;
    check_size(bytes.len())?;
    Ok(bytes)
}

/// Decodes a MessagePack payload, refusing payloads above [`MAX_PAYLOAD_BYTES`] or nested deeper than
/// [`MAX_DEPTH`].
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, CodecError> {
    check_size(bytes.len())?;
    let mut deserializer = rmp_serde::Deserializer::from_read_ref(bytes);
    deserializer.set_max_depth(MAX_DEPTH);
    T::deserialize(&mut deserializer).map_err(CodecError::Decode)
}

/// Encodes a reply: the value or the error that stands in its place.
pub fn encode_reply<T: Serialize>(reply: &WireResult<T>) -> Result<Vec<u8>, CodecError> {
    encode(reply)
}

/// Decodes a reply written by [`encode_reply`].
pub fn decode_reply<T: DeserializeOwned>(bytes: &[u8]) -> Result<WireResult<T>, CodecError> {
    decode(bytes)
}

/// Encodes an event as one line of JSON.
pub fn encode_event(event: &Event) -> Result<Vec<u8>, CodecError> {
    serde_json::to_vec(event).map_err(CodecError::Json)
}

/// Decodes an event written by [`encode_event`].
pub fn decode_event(bytes: &[u8]) -> Result<Event, CodecError> {
    check_size(bytes.len())?;
    serde_json::from_slice(bytes).map_err(CodecError::Json)
}

fn check_size(size: usize) -> Result<(), CodecError> {
    if size > MAX_PAYLOAD_BYTES {
        return Err(CodecError::TooLarge {
            size,
            limit: MAX_PAYLOAD_BYTES,
        });
    }
    Ok(())
}
