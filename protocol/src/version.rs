//! The protocol version, carried in the [`PROTOCOL_HEADER`] of every request and reply.

use crate::error::WireError;

/// Version this build speaks. Bump it for any change an older reader cannot decode.
pub const PROTOCOL_VERSION: u16 = 1;

/// Oldest version this build still accepts.
pub const MIN_PROTOCOL_VERSION: u16 = 1;

/// NATS header that carries the protocol version of a request or reply.
pub const PROTOCOL_HEADER: &str = "Shim-Protocol";

/// NATS header a requester sets (to `1`) to say it confirms delivery: when the reply hands it something (a
/// claimed task, messages), the reply carries a reply subject of its own and the requester publishes an empty
/// receipt there once it has the reply. Without a receipt within a few seconds the node takes back what it
/// handed out (the requester timed out or went away).
pub const RECEIPT_HEADER: &str = "Shim-Receipt";

/// NATS header a requester sets to how long (milliseconds) it waits for the reply: a node ends a wait
/// (`wait_seconds` of a claim or read) early enough to answer within it, so it takes nothing for a requester
/// that will have given up.
pub const TIMEOUT_HEADER: &str = "Shim-Timeout-Ms";

/// NATS header carrying the secret of the chat a request acts for (the `chat_secret` its `session.start` gave):
/// an operation on a chat's tasks, messages or locks is refused without it once the chat has one. Set by the
/// chat's MCP server, never typed by a person.
pub const CHAT_SECRET_HEADER: &str = "Shim-Chat-Secret";

/// Checks the raw value of a [`PROTOCOL_HEADER`]; `None` when the header is missing.
pub fn check_header(value_opt: Option<&str>) -> Result<u16, WireError> {
    let got = value_opt
        .and_then(|value| value.trim().parse::<u16>().ok())
        .unwrap_or(0);
    check(got)
}

/// Checks that `version` is one this build speaks.
pub fn check(version: u16) -> Result<u16, WireError> {
    if (MIN_PROTOCOL_VERSION..=PROTOCOL_VERSION).contains(&version) {
        Ok(version)
    } else {
        Err(WireError::UnsupportedVersion {
            got: version,
            min: MIN_PROTOCOL_VERSION,
            max: PROTOCOL_VERSION,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_version_is_accepted() {
        assert_eq!(check_header(Some("1")), Ok(PROTOCOL_VERSION));
        assert_eq!(check_header(Some(" 1 ")), Ok(PROTOCOL_VERSION));
    }

    #[test]
    fn missing_garbled_and_future_versions_are_rejected() {
        for value in [
            None,
            Some(""),
            Some("one"),
            Some("0"),
            Some("2"),
            Some("70000"),
        ] {
            assert!(
                matches!(
                    check_header(value),
                    Err(WireError::UnsupportedVersion { .. })
                ),
                "{value:?}"
            );
        }
    }
}
