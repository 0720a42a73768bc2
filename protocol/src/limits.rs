//! The limits every side of the wire agrees on, in one place: the node enforces them, clients (the MCP
//! server, the CLI) check them before sending and size their waits from them. A limit that only one file
//! uses stays in that file; a limit two sides must agree on lives here.

use std::{ops::RangeInclusive, time::Duration};

/// Largest payload a node accepts or sends (1 MiB, the default `max_payload` of nats-server).
pub const MAX_PAYLOAD_BYTES: usize = 1024 * 1024;

/// Longest a claim (`task.claim`) or a read (`msg.read`) may wait for something to arrive, in seconds.
pub const MAX_WAIT_SECONDS: u64 = 60;

/// [`MAX_WAIT_SECONDS`] as a duration.
pub const MAX_WAIT: Duration = Duration::from_secs(MAX_WAIT_SECONDS);

/// A claim's or a read's `wait_seconds` (none: no wait) as a duration; above [`MAX_WAIT_SECONDS`] refused as
/// the node and the MCP tools both say it (`bad request: wait_seconds must be at most 60 (got 61)`), never
/// shortened.
pub fn wait(wait_seconds_opt: Option<u64>) -> Result<Duration, crate::WireError> {
    match wait_seconds_opt {
        Some(wait) if wait > MAX_WAIT_SECONDS => Err(crate::WireError::bad_request(format!(
            "wait_seconds must be at most {MAX_WAIT_SECONDS} (got {wait})"
        ))),
        other => Ok(Duration::from_secs(other.unwrap_or(0))),
    }
}

/// What a client waits beyond the wait it asked the node for: the node answers at the end of its wait,
/// and the answer still has to travel (and a busy node to get to it).
pub const WAIT_SLACK: Duration = Duration::from_secs(10);

/// How long a client waits for the answer to a request that lets the node wait `wait_seconds`
/// (none: no wait) — the wait plus [`WAIT_SLACK`]. Waits above [`MAX_WAIT_SECONDS`] are refused before
/// they are sent, so this stays bounded.
pub fn patience(wait_seconds_opt: Option<u64>) -> Duration {
    Duration::from_secs(wait_seconds_opt.unwrap_or(0).min(MAX_WAIT_SECONDS)) + WAIT_SLACK
}

/// Claims a task may be given before it is dead: `max_attempts` of a dispatch and the node's
/// `tasks.max_attempts` must lie in this range.
pub const ATTEMPTS: RangeInclusive<u32> = 1..=100;

/// Claims allowed when neither the dispatch nor the node's configuration says.
pub const DEFAULT_MAX_ATTEMPTS: u32 = 3;

/// Longest text of a message between chats, in bytes.
pub const MAX_MESSAGE_TEXT_BYTES: usize = 16 * 1024;

/// Longest instructions, result or error of a task, in bytes.
pub const MAX_TASK_TEXT_BYTES: usize = 256 * 1024;

/// Longest lock resource name, in bytes.
pub const MAX_LOCK_RESOURCE_BYTES: usize = 512;

/// Longest prompt the router analyses, in bytes.
pub const MAX_PROMPT_BYTES: usize = 1024 * 1024;

/// Most sessions one `analytics.sessions` request lists (`limit`); the node lists this many when asked for more.
pub const MAX_SESSIONS_LISTED: u32 = 2_000;

/// How long JetStream remembers a message id to drop a duplicate publish (the task queue, KV writes).
pub const DUPLICATE_WINDOW: Duration = Duration::from_secs(120);

/// The most the serialized MCP `tools/list` result may weigh, in bytes: every chat pays for it in context
/// on every turn.
pub const TOOL_LIST_BUDGET_BYTES: usize = 12_800;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patience_is_the_wait_plus_slack_and_bounded() {
        assert_eq!(patience(None), WAIT_SLACK);
        assert_eq!(patience(Some(5)), Duration::from_secs(15));
        assert_eq!(patience(Some(10_000)), MAX_WAIT + WAIT_SLACK);
    }

    #[test]
    fn the_default_attempts_are_allowed() {
        assert!(ATTEMPTS.contains(&DEFAULT_MAX_ATTEMPTS));
    }
}
