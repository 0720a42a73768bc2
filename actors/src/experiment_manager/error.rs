//! What can go wrong in the experiment manager, and how it reaches the wire.

use shim_protocol::{SubjectError, WireError};

/// Why the experiment manager refused or failed a request.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ExperimentError {
    /// No experiment has this id.
    #[error("experiment {0} is not known")]
    NotFound(String),
    /// The request itself is wrong (an unknown parameter or metric, too many chats, a bad value).
    #[error("{0}")]
    BadRequest(String),
    /// The experiment is not in a state that allows this (approving a running one, reverting one that did
    /// not ship).
    #[error("{0}")]
    WrongState(String),
    /// An id cannot be used.
    #[error(transparent)]
    InvalidId(#[from] SubjectError),
    /// JetStream could not be read or written.
    #[error("experiment store: {0}")]
    Store(String),
}

/// Result of an experiment manager operation.
pub type ExperimentResult<T> = Result<T, ExperimentError>;

impl From<ExperimentError> for WireError {
    fn from(error: ExperimentError) -> Self {
        match error {
            ExperimentError::NotFound(id) => WireError::NotFound {
                kind: "experiment".to_owned(),
                id,
            },
            ExperimentError::BadRequest(message) | ExperimentError::WrongState(message) => {
                WireError::BadRequest { message }
            }
            ExperimentError::InvalidId(error) => WireError::from(error),
            ExperimentError::Store(message) => WireError::Unavailable { message },
        }
    }
}
