//! The front door for ids: every request's ids are checked by one rule ([`validate_id`]) before the request is
//! served, so a bad id is answered `bad_request` the same way by every operation, before any component (the
//! registry, a key-value bucket, a consumer) could fail on it differently.

use serde::Deserialize;
use shim_protocol::{
    NodeOp, WireResult, codec,
    subject::{validate_checkpoint_id, validate_id},
};

/// The id fields any request may carry, by the names the wire messages give them; the rest is skipped.
#[derive(Debug, Default, Deserialize)]
struct RequestIds {
    #[serde(default)]
    chat_id: Option<String>,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    to: Option<String>,
    #[serde(default)]
    task_id: Option<String>,
    /// A heartbeat's task.
    #[serde(default)]
    current_task: Option<String>,
    #[serde(default)]
    task_ids: Option<Vec<String>>,
    #[serde(default)]
    depends_on: Option<Vec<String>>,
    #[serde(default)]
    checkpoint_id: Option<String>,
}

/// Checks the ids `payload` carries. A payload that does not decode is left to the operation, whose decoder
/// says what is wrong with it. Signals, the hot path, are not decoded twice: they carry one id, which the
/// operation checks by the same rule as soon as it has decoded them.
pub(crate) fn check(op: NodeOp, payload: &[u8]) -> WireResult<()> {
    if op == NodeOp::Signals {
        return Ok(());
    }
    let Ok(ids) = codec::decode::<RequestIds>(payload) else {
        return Ok(());
    };
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
    Ok(())
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
        assert!(
            check(NodeOp::Status, b"\xc1 not msgpack").is_ok(),
            "left to the operation"
        );
    }
}
