//! The actors behind a SHIM node. They hold no NATS client: the node bridges subjects to their typed
//! messages, and they publish events through an [`EventPublisher`] the node hands them.
//!
//! # Supervision tree
//! ```text
//! Supervisor                              one per node; restart policy with back-off (RestartPolicy)
//! ├── CheckpointManager  checkpoint_manager.<node_id>   checkpoints in sled, retention, resume detection
//! ├── ModelRouter        model_router.<node_id>         model routing, learning, budget
//! ├── ExperimentManager  experiment_manager.<node_id>   the Kaizen loop's experiments (state in JetStream)
//! ├── ChatWorker         chat_worker.<chat_id>          one per chat: its signal window, crash risk,
//! ├── ChatWorker         chat_worker.<chat_id>          automatic checkpoints, transcript, resume record;
//! └── ...                                               stopped when the chat ends or idles out
//! ```
//! Every child is registered under the name shown and found by it ([`names`]): the node's bridge sends a
//! chat's signals to its worker, a worker asks the CheckpointManager for checkpoints, nobody relays
//! through the Supervisor. A name that is not registered is an explicit error to the caller.
//!
//! A failing child is restarted after an exponential back-off; more than
//! [`RestartPolicy::max_restarts`] failures inside [`RestartPolicy::window`] and it is given up on.
//! Every failure and restart is logged, counted in [`ActorMetrics`] and published as an event.
//!
//! Who imports whom: the Supervisor imports the actors it spawns; a chat worker imports the messages of
//! the services it asks (the ExperimentManager, for its parameters); services import no other actor (the CheckpointManager asks a chat worker for its
//! latest tool calls through a [`RecentTools`](checkpoint_manager::RecentTools) the Supervisor wires).
//!
//! # Layout
//! - [`supervisor`]: the [`Supervisor`] actor and its messages.
//! - [`chat_worker`]: the [`ChatWorker`] actor, one per chat: its signal window, risk, triggers.
//! - [`signals`]: the risk model, the parameter store, transcripts.
//! - [`names`]: the names actors are registered under, and finding them.
//! - [`model_router`]: the [`ModelRouter`](model_router::ModelRouter), routing prompts to model tiers.
//! - [`checkpoint_manager`]: the [`CheckpointManager`], its sled store, limits, git state and resume.
//! - [`experiment_manager`]: the [`ExperimentManager`](experiment_manager::ExperimentManager) of the Kaizen
//!   loop: proposals under safety settings, hashed assignment, looks, rollout and rollback, through a
//!   [`KaizenStore`](experiment_manager::KaizenStore) the node backs with JetStream; and its statistics.
//! - [`project_dir`]: which directories a chat may name as its project.
//! - [`process`]: whether a chat's process still runs on this machine (pid, start time, boot id).
//! - [`restart_policy`]: when and how soon a failed child comes back.
//! - [`publisher`]: the [`EventPublisher`] trait and the [`EventEmitter`] that stamps events.
//! - [`redact`]: secrets out of text and JSON before they reach a checkpoint, an event, a log or an export.
//! - [`metrics`]: the OpenTelemetry instruments the actors record into, and the [`catalogue`] declaring every
//!   metric the node exposes.
//! - `test_utils` (feature `testsuite`): `wait_until`, polling with a deadline.
#![warn(missing_docs, unreachable_pub, missing_debug_implementations)]

pub mod chat_worker;
pub mod checkpoint_manager;
pub mod experiment_manager;
pub mod metrics;
pub mod model_router;
pub mod names;
pub mod process;
pub mod project_dir;
pub mod publisher;
pub mod redact;
pub mod restart_policy;
pub mod signals;
pub mod supervisor;
#[cfg(any(test, feature = "testsuite"))]
pub mod test_utils;

pub use chat_worker::{
    ChatSpec, ChatWorker, ChatWorkerArgs, ChatWorkerError, ChatWorkerMessage, ChatWorkerResult,
    NodeWide,
};
pub use checkpoint_manager::{
    CheckpointManager, CheckpointManagerMessage, Retention, store::CheckpointStore,
};
pub use metrics::{ActorMetrics, catalogue};
pub use publisher::{EventEmitter, EventPublisher};
pub use restart_policy::{RestartDecision, RestartPolicy};
pub use signals::{params::ParameterStore, risk::RiskThresholds};
pub use supervisor::{
    KaizenWiring, Service, Supervisor, SupervisorArgs, SupervisorError, SupervisorMessage,
    SupervisorResult, SupervisorStatus,
};

/// Returns milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or_default()
}
