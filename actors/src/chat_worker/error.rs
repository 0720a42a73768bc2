//! [`ChatWorkerError`]: why a chat's worker could not answer, as callers inside the node match on it;
//! converted to a [`WireError`] only at the node's edge. (A checkpoint through the worker fails with the
//! CheckpointManager's own [`CheckpointError`](crate::checkpoint_manager::CheckpointError).)

use shim_protocol::WireError;

/// A chat worker operation that failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChatWorkerError {
    /// The worker holds no window for its chat: the chat's session ended, or it has not signalled yet.
    #[error("chat {chat_id} is not known to this node")]
    UnknownChat {
        /// The chat.
        chat_id: String,
    },
}

/// The result of a chat worker operation.
pub type ChatWorkerResult<T> = Result<T, ChatWorkerError>;

impl From<ChatWorkerError> for WireError {
    fn from(error: ChatWorkerError) -> Self {
        match error {
            ChatWorkerError::UnknownChat { chat_id } => WireError::chat_not_found(chat_id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a client sees did not change when the errors got a type of their own.
    #[test]
    fn each_error_reaches_the_wire_as_before() {
        let wire = WireError::from(ChatWorkerError::UnknownChat {
            chat_id: "c1".to_owned(),
        });
        assert_eq!(
            wire,
            WireError::NotFound {
                kind: "chat".to_owned(),
                id: "c1".to_owned()
            }
        );
        assert!(wire.is_unknown_chat());
    }
}
