//! Exit codes of `shim-node` commands (docs/operations.md):
//!
//! | code | meaning |
//! |---|---|
//! | 0 | done |
//! | 1 | the command failed (the node refused it, a file could not be read, ...) |
//! | 2 | usage: the command line is wrong (clap's code for its own errors too) |
//! | 3 | no node: NATS cannot be reached, no shim-node answers on it, or (`stop`) none runs |
//!
//! `hook` and `statusline` exit 0 whether or not a node answers (whatever they print reaches Claude Code); only
//! a config they cannot load makes them exit 1.

use std::process::ExitCode;

use crate::nats::ClientError;

/// The command failed.
pub const ERROR: u8 = 1;
/// The command line is wrong.
pub const USAGE: u8 = 2;
/// No node answered (or, for `stop`, none runs).
pub const NO_NODE: u8 = 3;

/// A command line that cannot work as given: exit code [`USAGE`].
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// No node to talk to: exit code [`NO_NODE`].
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct NoNodeError(pub String);

/// Whether `error` says that no node could be reached.
pub fn is_no_node(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause.is::<NoNodeError>()
            || matches!(
                cause.downcast_ref::<ClientError>(),
                Some(ClientError::NoNode { .. })
            )
    })
}

/// Returns the exit code for a failed command.
pub fn code_for(error: &anyhow::Error) -> ExitCode {
    if error.chain().any(|cause| cause.is::<UsageError>()) {
        ExitCode::from(USAGE)
    } else if is_no_node(error) {
        ExitCode::from(NO_NODE)
    } else {
        ExitCode::from(ERROR)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_map_to_their_codes() {
        let no_node: anyhow::Error = ClientError::NoNode {
            node_id: "n".to_owned(),
        }
        .into();
        assert_eq!(
            code_for(&no_node.context("status")),
            ExitCode::from(NO_NODE)
        );
        let unreachable = anyhow::Error::new(NoNodeError("cannot reach NATS".to_owned()));
        assert_eq!(code_for(&unreachable), ExitCode::from(NO_NODE));
        let usage = anyhow::Error::new(UsageError("no prompt".to_owned()));
        assert_eq!(code_for(&usage), ExitCode::from(USAGE));
        assert_eq!(
            code_for(&anyhow::anyhow!("disk full")),
            ExitCode::from(ERROR)
        );
    }
}
