//! [`CheckpointError`]: what can go wrong with a checkpoint, a list or a resume, as callers inside the node
//! match on it; converted to a [`WireError`] only at the node's edge.

use shim_protocol::{WireError, subject::SubjectError};

use super::store::StoreError;

/// A checkpoint operation that failed.
#[derive(Debug, thiserror::Error)]
pub enum CheckpointError {
    /// A chat id that is not a valid subject token.
    #[error(transparent)]
    BadId(#[from] SubjectError),
    /// A checkpoint id that is not `<chat_id>:<seq>`.
    #[error("{id:?} is not a checkpoint id (<chat_id>:<seq>)")]
    NotACheckpointId {
        /// What was given.
        id: String,
    },
    /// A resume that names neither a checkpoint nor a project.
    #[error("give a checkpoint_id or a project_dir")]
    NothingToResume,
    /// No such checkpoint.
    #[error("checkpoint {id} not found")]
    NotFound {
        /// The checkpoint id.
        id: String,
    },
    /// The chat was found interrupted and its last checkpoint sealed for the next session's resume: it takes
    /// no more checkpoints.
    #[error(
        "chat {chat_id} was found interrupted and its last checkpoint{} sealed for the next session in its \
         project to resume from; it takes no more checkpoints: open a new chat (shim_session_start) and save there",
        checkpoint_id_opt.as_deref().map(|id| format!(" ({id})")).unwrap_or_default()
    )]
    Sealed {
        /// The chat.
        chat_id: String,
        /// Its sealed checkpoint, if it had one.
        checkpoint_id_opt: Option<String>,
    },
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The CheckpointManager is not running (restarting, or given up on).
    #[error("the checkpoint manager is not running (restarting or given up on); retry shortly")]
    Unavailable,
    /// The CheckpointManager stopped before it answered.
    #[error("the checkpoint manager stopped before answering; retry")]
    Stopped,
    /// The CheckpointManager did not answer in time.
    #[error("the checkpoint manager did not answer within {after_ms} ms")]
    Timeout {
        /// How long the caller waited.
        after_ms: u64,
    },
}

/// The result of a checkpoint operation.
pub type CheckpointResult<T> = Result<T, CheckpointError>;

impl From<CheckpointError> for WireError {
    fn from(error: CheckpointError) -> Self {
        match error {
            CheckpointError::BadId(error) => error.into(),
            CheckpointError::NotACheckpointId { .. }
            | CheckpointError::NothingToResume
            | CheckpointError::Sealed { .. } => WireError::bad_request(error.to_string()),
            CheckpointError::NotFound { id } => WireError::NotFound {
                kind: "checkpoint".to_owned(),
                id,
            },
            CheckpointError::Store(error) => WireError::Internal {
                message: error.to_string(),
            },
            CheckpointError::Unavailable | CheckpointError::Stopped => WireError::Unavailable {
                message: error.to_string(),
            },
            CheckpointError::Timeout { after_ms } => WireError::Timeout {
                operation: "checkpoint.save".to_owned(),
                after_ms,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a client sees did not change when the errors got a type of their own.
    #[test]
    fn each_error_reaches_the_wire_as_before() {
        let wire = |error: CheckpointError| WireError::from(error);
        assert_eq!(
            wire(CheckpointError::NotFound {
                id: "c:9".to_owned()
            }),
            WireError::NotFound {
                kind: "checkpoint".to_owned(),
                id: "c:9".to_owned()
            }
        );
        assert_eq!(
            wire(CheckpointError::NotACheckpointId {
                id: "garbage".to_owned()
            }),
            WireError::bad_request("\"garbage\" is not a checkpoint id (<chat_id>:<seq>)")
        );
        assert_eq!(
            wire(CheckpointError::NothingToResume),
            WireError::bad_request("give a checkpoint_id or a project_dir")
        );
        assert_eq!(
            wire(CheckpointError::Store(StoreError::Corrupt(
                "bad".to_owned()
            ))),
            WireError::Internal {
                message: StoreError::Corrupt("bad".to_owned()).to_string()
            }
        );
        assert!(matches!(
            wire(CheckpointError::Unavailable),
            WireError::Unavailable { message } if message.contains("checkpoint manager")
        ));
        assert_eq!(
            wire(CheckpointError::Timeout { after_ms: 5_000 }),
            WireError::Timeout {
                operation: "checkpoint.save".to_owned(),
                after_ms: 5_000
            }
        );
    }
}
