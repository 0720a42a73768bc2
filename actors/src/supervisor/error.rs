//! [`SupervisorError`]: why a session could not start or end, or a chat's worker could not be handed out,
//! as callers inside the node match on it; converted to a [`WireError`] only at the node's edge.

use shim_protocol::{WireError, subject::SubjectError};

use crate::project_dir::ProjectDirError;

/// A supervisor operation that failed.
#[derive(Debug, thiserror::Error)]
pub enum SupervisorError {
    /// A chat id that is not a valid subject token.
    #[error(transparent)]
    BadId(#[from] SubjectError),
    /// A field longer than its limit.
    #[error("{field} is {len} characters long, the limit is {limit}")]
    TooLong {
        /// The field (`name`, `project_dir`).
        field: &'static str,
        /// Its length in characters.
        len: usize,
        /// The limit in characters.
        limit: usize,
    },
    /// A project directory the node may not use.
    #[error(transparent)]
    ProjectDir(#[from] ProjectDirError),
    /// No session of this chat is open on the node (or, when asked without adopting, it has no worker).
    #[error("chat {chat_id} is not known to this node")]
    UnknownChat {
        /// The chat.
        chat_id: String,
    },
    /// The node is at its limit of open chats.
    #[error(
        "{sessions} chats are open on this node, the limit is {limit}; end some with session.end"
    )]
    TooManyChats {
        /// Chats open now.
        sessions: usize,
        /// Most chats open at once.
        limit: usize,
    },
    /// The chat's worker failed and comes back after its back-off.
    #[error("the worker of chat {chat_id} is restarting; retry shortly")]
    WorkerRestarting {
        /// The chat.
        chat_id: String,
    },
    /// The chat's worker failed too often and was given up on.
    #[error(
        "the worker of chat {chat_id} failed too often and was stopped; start the session again"
    )]
    WorkerGivenUp {
        /// The chat.
        chat_id: String,
    },
    /// The chat's worker could not be started.
    #[error("failed to start the worker of chat {chat_id}: {source}")]
    WorkerStart {
        /// The chat.
        chat_id: String,
        /// Why ractor refused.
        source: ractor::SpawnErr,
    },
}

/// The result of a supervisor operation.
pub type SupervisorResult<T> = Result<T, SupervisorError>;

impl From<SupervisorError> for WireError {
    fn from(error: SupervisorError) -> Self {
        match error {
            SupervisorError::BadId(error) => error.into(),
            SupervisorError::ProjectDir(error) => error.into(),
            SupervisorError::UnknownChat { chat_id } => WireError::chat_not_found(chat_id),
            SupervisorError::TooLong { .. } => WireError::bad_request(error.to_string()),
            SupervisorError::TooManyChats { .. } => WireError::Busy {
                message: error.to_string(),
            },
            SupervisorError::WorkerRestarting { .. } | SupervisorError::WorkerGivenUp { .. } => {
                WireError::Unavailable {
                    message: error.to_string(),
                }
            }
            SupervisorError::WorkerStart { .. } => WireError::Internal {
                message: error.to_string(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a client sees did not change when the errors got a type of their own: each message is the one
    /// the supervisor wrote into its `WireError` before.
    #[test]
    fn each_error_reaches_the_wire_as_before() {
        let wire = |error: SupervisorError| WireError::from(error);
        let subject_error = shim_protocol::subject::validate_id("chat id", "bad.id")
            .expect_err("a dot is not a token");
        assert_eq!(
            wire(SupervisorError::BadId(subject_error.clone())),
            WireError::bad_request(subject_error.to_string())
        );
        assert_eq!(
            wire(SupervisorError::TooLong {
                field: "name",
                len: 201,
                limit: 200
            }),
            WireError::bad_request("name is 201 characters long, the limit is 200")
        );
        assert_eq!(
            wire(SupervisorError::ProjectDir(ProjectDirError::NotAbsolute {
                shown: "rel".to_owned()
            })),
            WireError::bad_request("project_dir \"rel\" is not an absolute path")
        );
        assert_eq!(
            wire(SupervisorError::UnknownChat {
                chat_id: "c1".to_owned()
            }),
            WireError::NotFound {
                kind: "chat".to_owned(),
                id: "c1".to_owned()
            }
        );
        assert_eq!(
            wire(SupervisorError::TooManyChats {
                sessions: 2,
                limit: 2
            }),
            WireError::Busy {
                message: "2 chats are open on this node, the limit is 2; end some with session.end"
                    .to_owned()
            }
        );
        assert_eq!(
            wire(SupervisorError::WorkerRestarting {
                chat_id: "c1".to_owned()
            }),
            WireError::Unavailable {
                message: "the worker of chat c1 is restarting; retry shortly".to_owned()
            }
        );
        assert_eq!(
            wire(SupervisorError::WorkerGivenUp {
                chat_id: "c1".to_owned()
            }),
            WireError::Unavailable {
                message:
                    "the worker of chat c1 failed too often and was stopped; start the session again"
                        .to_owned()
            }
        );
        let refused = ractor::SpawnErr::ActorAlreadyRegistered("chat_worker.c1".to_owned());
        let why = refused.to_string();
        assert_eq!(
            wire(SupervisorError::WorkerStart {
                chat_id: "c1".to_owned(),
                source: refused
            }),
            WireError::Internal {
                message: format!("failed to start the worker of chat c1: {why}")
            }
        );
    }
}
