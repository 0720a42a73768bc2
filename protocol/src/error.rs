//! Errors that cross the wire ([`WireError`]) and errors of encoding and decoding ([`CodecError`]).

use serde::{Deserialize, Serialize};

use crate::subject::SubjectError;

/// The reply payload of every request: a value or a [`WireError`].
pub type WireResult<T> = Result<T, WireError>;

/// An error a node sends back in place of a reply. Every variant maps to a stable [`code`](Self::code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum WireError {
    /// The payload could not be decoded or a field is invalid.
    #[error("bad request: {message}")]
    BadRequest {
        /// What is wrong with the request.
        message: String,
    },
    /// The request's protocol version is one this node does not speak.
    #[error(
        "protocol version {got} is not supported (this node speaks {min} to {max}); upgrade the older side"
    )]
    UnsupportedVersion {
        /// Version the request carried; 0 when it carried none.
        got: u16,
        /// Oldest version the node accepts.
        min: u16,
        /// Newest version the node speaks.
        max: u16,
    },
    /// Nothing answers on this subject.
    #[error("unknown operation on subject {subject}")]
    UnknownOperation {
        /// The subject the request arrived on.
        subject: String,
    },
    /// An id names nothing this node knows.
    #[error("{kind} {id} is not known to this node")]
    NotFound {
        /// What kind of thing was asked for ("chat", ...).
        kind: String,
        /// The id that was asked for.
        id: String,
    },
    /// The payload is larger than the node accepts.
    #[error("payload of {size} bytes exceeds the limit of {limit} bytes")]
    TooLarge {
        /// Size of the payload.
        size: usize,
        /// Largest accepted size.
        limit: usize,
    },
    /// The node is at its limit of requests in flight; retry shortly.
    #[error("node busy: {message}")]
    Busy {
        /// Why the request was turned away.
        message: String,
    },
    /// A component did not answer in time.
    #[error("{operation} timed out after {after_ms} ms")]
    Timeout {
        /// What was being done.
        operation: String,
        /// How long the node waited.
        after_ms: u64,
    },
    /// The request acts for a chat without that chat's secret (see `CHAT_SECRET_HEADER`).
    #[error("forbidden: {message}")]
    Forbidden {
        /// What was refused and why.
        message: String,
    },
    /// A component is not running (stopping, restarting or given up on).
    #[error("unavailable: {message}")]
    Unavailable {
        /// What is unavailable and why.
        message: String,
    },
    /// A bug or an unexpected state on the node; the node's log has details.
    #[error("internal error: {message}")]
    Internal {
        /// Description of the failure.
        message: String,
    },
}

impl WireError {
    /// Returns the stable, machine-readable code of the error.
    pub fn code(&self) -> &'static str {
        match self {
            WireError::BadRequest { .. } => "bad_request",
            WireError::UnsupportedVersion { .. } => "unsupported_version",
            WireError::UnknownOperation { .. } => "unknown_operation",
            WireError::NotFound { .. } => "not_found",
            WireError::TooLarge { .. } => "too_large",
            WireError::Busy { .. } => "busy",
            WireError::Timeout { .. } => "timeout",
            WireError::Forbidden { .. } => "forbidden",
            WireError::Unavailable { .. } => "unavailable",
            WireError::Internal { .. } => "internal",
        }
    }

    /// Returns a [`WireError::BadRequest`] with `message`.
    pub fn bad_request(message: impl Into<String>) -> Self {
        WireError::BadRequest {
            message: message.into(),
        }
    }

    /// Returns a [`WireError::NotFound`] for a chat id.
    pub fn chat_not_found(chat_id: impl Into<String>) -> Self {
        WireError::NotFound {
            kind: CHAT_KIND.to_owned(),
            id: chat_id.into(),
        }
    }

    /// True for the error [`chat_not_found`](Self::chat_not_found) makes: the node does not know the chat
    /// (it never opened it, its session ended, or the node restarted and forgot it).
    pub fn is_unknown_chat(&self) -> bool {
        matches!(self, WireError::NotFound { kind, .. } if kind == CHAT_KIND)
    }
}

/// The `kind` of a [`WireError::NotFound`] for a chat.
const CHAT_KIND: &str = "chat";

impl From<SubjectError> for WireError {
    fn from(error: SubjectError) -> Self {
        WireError::bad_request(error.to_string())
    }
}

impl From<CodecError> for WireError {
    fn from(error: CodecError) -> Self {
        match error {
            CodecError::TooLarge { size, limit } => WireError::TooLarge { size, limit },
            other => WireError::bad_request(other.to_string()),
        }
    }
}

/// Failure to encode or decode a payload.
#[derive(Debug, thiserror::Error)]
pub enum CodecError {
    /// MessagePack encoding failed (a value serde cannot represent).
    #[error("failed to encode payload")]
    Encode(#[source] rmp_serde::encode::Error),
    /// The bytes are not a valid MessagePack payload of the expected shape.
    #[error("malformed payload: {0}")]
    Decode(#[source] rmp_serde::decode::Error),
    /// JSON encoding or decoding failed (events).
    #[error("malformed json: {0}")]
    Json(#[source] serde_json::Error),
    /// The payload exceeds [`crate::codec::MAX_PAYLOAD_BYTES`].
    #[error("payload of {size} bytes exceeds the limit of {limit} bytes")]
    TooLarge {
        /// Size of the payload.
        size: usize,
        /// Largest accepted size.
        limit: usize,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A chat the node does not know is told apart from every other error by its type, not by a string.
    #[test]
    fn an_unknown_chat_is_known_by_its_type() {
        let unknown = WireError::chat_not_found("c1");
        assert!(unknown.is_unknown_chat());
        // As a client decodes it off the wire.
        let decoded: WireError =
            crate::codec::decode(&crate::codec::encode(&unknown).expect("encodes"))
                .expect("decodes");
        assert!(decoded.is_unknown_chat());
        for other in [
            WireError::NotFound {
                kind: "checkpoint".to_owned(),
                id: "c1".to_owned(),
            },
            WireError::NotFound {
                kind: "task".to_owned(),
                id: "c1".to_owned(),
            },
            WireError::bad_request("chat c1"),
            WireError::Unavailable {
                message: "the worker of chat c1 is restarting; retry shortly".to_owned(),
            },
        ] {
            assert!(!other.is_unknown_chat(), "{other:?}");
        }
    }
}
