//! What can go wrong when routing, and how it reaches the wire.

use shim_protocol::{SubjectError, WireError};

use crate::checkpoint_manager::store::StoreError;

/// Why the model router refused or failed a request.
#[derive(Debug, thiserror::Error)]
pub enum ModelRouterError {
    /// The prompt is empty or only whitespace.
    #[error("prompt is empty")]
    EmptyPrompt,
    /// The prompt is longer than [`super::MAX_PROMPT_BYTES`].
    #[error("prompt is {size} bytes, the limit is {limit}")]
    PromptTooLarge {
        /// Its length in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The strategy is not one the router knows.
    #[error("strategy {name:?} is not balanced, quality or cost")]
    UnknownStrategy {
        /// The name given.
        name: String,
    },
    /// A tier name in an override is not a tier.
    #[error("{field} {value:?} is not haiku, sonnet or opus")]
    UnknownTier {
        /// The field that holds it (`recommended`, `chosen`).
        field: &'static str,
        /// The value given.
        value: String,
    },
    /// A category to forget is not one routing learns in.
    #[error(
        "category {name:?} is not one of design, review, debug, test, refactor, implement, explain, docs, other"
    )]
    UnknownCategory {
        /// The name given.
        name: String,
    },
    /// An id cannot be used (the chat id of a route request).
    #[error(transparent)]
    InvalidId(#[from] SubjectError),
    /// The routing store (sled) failed.
    #[error("routing store failed: {0}")]
    Store(#[from] StoreError),
}

/// Result of a model router operation.
pub type ModelRouterResult<T> = Result<T, ModelRouterError>;

impl From<ModelRouterError> for WireError {
    fn from(error: ModelRouterError) -> Self {
        match error {
            ModelRouterError::PromptTooLarge { size, limit } => WireError::TooLarge { size, limit },
            ModelRouterError::InvalidId(error) => WireError::from(error),
            ModelRouterError::Store(error) => WireError::Internal {
                message: error.to_string(),
            },
            other @ (ModelRouterError::EmptyPrompt
            | ModelRouterError::UnknownStrategy { .. }
            | ModelRouterError::UnknownTier { .. }
            | ModelRouterError::UnknownCategory { .. }) => {
                WireError::bad_request(other.to_string())
            }
        }
    }
}
