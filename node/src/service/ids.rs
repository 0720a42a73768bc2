//! The front door for ids: every request's ids are checked by one rule ([`validate_id`]) before the request is
//! served, so a bad id is answered `bad_request` the same way by every operation, before any component (the
//! registry, a key-value bucket, a consumer) could fail on it differently.

use std::fmt;

use serde::{
    Deserialize, Deserializer,
    de::{self, IgnoredAny, MapAccess, Visitor},
};
use shim_protocol::{
    NodeOp, WireError, WireResult, codec,
    subject::{validate_checkpoint_id, validate_id},
};

/// The id fields a request may carry, by the names the wire messages give them; the rest is skipped.
///
/// It decodes from a map keyed by field names alone. A struct of the protocol also decodes from an array, or from
/// a map keyed by field positions, and a field's position is not the same in every message: read that way, the
/// ids checked here would not be the ids the operation acts on.
#[derive(Debug, Default)]
pub(crate) struct RequestIds {
    pub(crate) chat_id: Option<String>,
    pub(crate) from: Option<String>,
    to: Option<String>,
    task_id: Option<String>,
    /// A heartbeat's task.
    current_task: Option<String>,
    task_ids: Option<Vec<String>>,
    depends_on: Option<Vec<String>>,
    checkpoint_id: Option<String>,
}

impl<'de> Deserialize<'de> for RequestIds {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(NamedFields)
    }
}

struct NamedFields;

impl<'de> Visitor<'de> for NamedFields {
    type Value = RequestIds;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a map keyed by field names")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RequestIds, A::Error> {
        let mut ids = RequestIds::default();
        // The fields read so far, one bit each: the operation's own decoder refuses a field given twice, and
        // so does this one, so that the two never read different values of it.
        let mut seen = 0u8;
        // A key that is not text (a field's position, say) fails here: `String` takes no integer.
        while let Some(key) = map.next_key::<String>()? {
            let bit = match key.as_str() {
                "chat_id" => {
                    ids.chat_id = map.next_value()?;
                    0
                }
                "from" => {
                    ids.from = map.next_value()?;
                    1
                }
                "to" => {
                    ids.to = map.next_value()?;
                    2
                }
                "task_id" => {
                    ids.task_id = map.next_value()?;
                    3
                }
                "current_task" => {
                    ids.current_task = map.next_value()?;
                    4
                }
                "task_ids" => {
                    ids.task_ids = map.next_value()?;
                    5
                }
                "depends_on" => {
                    ids.depends_on = map.next_value()?;
                    6
                }
                "checkpoint_id" => {
                    ids.checkpoint_id = map.next_value()?;
                    7
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            if seen & (1 << bit) != 0 {
                return Err(de::Error::custom(format!("field `{key}` is given twice")));
            }
            seen |= 1 << bit;
        }
        Ok(ids)
    }
}

/// Checks the ids `payload` carries, and that it is a map keyed by field names, as the protocol writes every
/// request; returns the ids for the checks that follow (whose chat the request acts for). Signals, the hot path,
/// are not decoded twice: they carry one id, which the operation checks by the same rule as soon as it has
/// decoded them.
pub(crate) fn check(op: NodeOp, payload: &[u8]) -> WireResult<RequestIds> {
    if op == NodeOp::Signals {
        return Ok(RequestIds::default());
    }
    let ids: RequestIds = codec::decode(payload).map_err(|error| match error {
        shim_protocol::CodecError::TooLarge { .. } => WireError::from(error),
        error => WireError::bad_request(format!(
            "the request is not a MessagePack map of named fields whose ids are text: {error}"
        )),
    })?;
    for (kind, id_opt) in [
        ("chat id", &ids.chat_id),
        ("chat id", &ids.from),
        ("chat id", &ids.to),
        ("task id", &ids.task_id),
        // Elsewhere (a checkpoint's input) `current_task` is free text, but a heartbeat's names a task.
        (
            "task id",
            if op == NodeOp::ChatHeartbeat {
                &ids.current_task
            } else {
                &None
            },
        ),
    ] {
        if let Some(id) = id_opt {
            validate_id(kind, id)?;
        }
    }
    for id in ids
        .task_ids
        .iter()
        .flatten()
        .chain(ids.depends_on.iter().flatten())
    {
        validate_id("task id", id)?;
    }
    if let Some(checkpoint_id) = &ids.checkpoint_id {
        validate_checkpoint_id(checkpoint_id)?;
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use shim_protocol::{
        WireError,
        messages::{LockRequest, SendMessageRequest, StatusRequest},
    };

    use super::*;

    fn encoded<T: serde::Serialize>(value: &T) -> Vec<u8> {
        codec::encode(value).expect("encodes")
    }

    #[test]
    fn bad_ids_in_any_field_are_bad_requests() {
        let lock = LockRequest {
            chat_id: "ünïcode".to_owned(),
            resource: "file:src/lib.rs".to_owned(),
            ttl_seconds: None,
        };
        assert!(matches!(
            check(NodeOp::LockAcquire, &encoded(&lock)),
            Err(WireError::BadRequest { .. })
        ));
        let message = SendMessageRequest {
            from: "chat-a".to_owned(),
            to: "a..b".to_owned(),
            text: "hi".to_owned(),
            ..SendMessageRequest::default()
        };
        assert!(matches!(
            check(NodeOp::LockAcquire, &encoded(&message)),
            Err(WireError::BadRequest { .. })
        ));
        assert!(
            check(
                NodeOp::LockAcquire,
                &encoded(&StatusRequest { chat_id: None })
            )
            .is_ok()
        );
        let heartbeat = shim_protocol::messages::HeartbeatRequest {
            chat_id: "chat-a".to_owned(),
            current_task: Some("a..b".to_owned()),
            ..Default::default()
        };
        assert!(matches!(
            check(NodeOp::ChatHeartbeat, &encoded(&heartbeat)),
            Err(WireError::BadRequest { .. })
        ));
    }

    fn refused(payload: &[u8]) -> String {
        match check(NodeOp::LockRelease, payload) {
            Err(WireError::BadRequest { message }) => message,
            other => panic!("not refused: {other:?}"),
        }
    }

    #[test]
    fn only_a_map_keyed_by_field_names_is_a_request() {
        // `LockRequest` by position: [chat_id, resource, ttl_seconds].
        let positional = [
            &[0x93][..],
            &encoded(&"chat-a"),
            &encoded(&"file:a"),
            &[0xc0],
        ]
        .concat();
        assert!(refused(&positional).contains("map keyed by field names"));
        // The same keyed by positions.
        let mut by_position = std::collections::BTreeMap::new();
        by_position.insert(0u8, "chat-a");
        by_position.insert(1u8, "file:a");
        assert!(refused(&encoded(&by_position)).contains("integer"));
        assert!(refused(b"\xc1 not msgpack").contains("not a MessagePack map"));
        assert!(refused(b"").contains("not a MessagePack map"));
        // Too large is said as such, whatever the bytes.
        let huge = vec![0x80; shim_protocol::limits::MAX_PAYLOAD_BYTES + 1];
        assert!(matches!(
            check(NodeOp::LockRelease, &huge),
            Err(WireError::TooLarge { .. })
        ));
        // A field given twice, which the operation's own decoder refuses too: a map with the key twice.
        let twice = [
            &[0x82][..],
            &encoded(&"chat_id"),
            &encoded(&"chat-a"),
            &encoded(&"chat_id"),
            &encoded(&"chat-b"),
        ]
        .concat();
        assert!(refused(&twice).contains("`chat_id` is given twice"));
        // Ids that are not text.
        assert!(refused(&encoded(&serde_json::json!({"chat_id": 7}))).contains("integer"));
        // What the protocol writes passes, with the ids read by name.
        let named = check(
            NodeOp::MessageSend,
            &encoded(&SendMessageRequest {
                from: "chat-a".to_owned(),
                to: "chat-b".to_owned(),
                text: "hi".to_owned(),
                ..SendMessageRequest::default()
            }),
        )
        .expect("a named request passes");
        assert_eq!(
            (named.chat_id.as_deref(), named.from.as_deref()),
            (None, Some("chat-a"))
        );
        // Unknown fields, nested maps and arrays among them, are skipped.
        let extra =
            encoded(&serde_json::json!({"chat_id": "chat-a", "extra": {"a": [1, 2, {"b": 3}]}}));
        assert_eq!(
            check(NodeOp::LockRelease, &extra)
                .expect("passes")
                .chat_id
                .as_deref(),
            Some("chat-a")
        );
    }
}
