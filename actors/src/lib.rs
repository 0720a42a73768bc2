//! The actors behind a SHIM node. They hold no NATS client: the node bridges subjects to their typed
//! messages, and they publish events through an [`EventPublisher`] the node hands them.
//!
//! # Supervision tree
//! ```text
//! Supervisor                      one per node; restart policy with back-off (RestartPolicy)
//! ├── SignalCollector                 signals per chat, crash risk, automatic checkpoint triggers
//! ├── CheckpointManager               checkpoints in sled, retention, resume detection
//! ├── ChatWorker  chat_worker.<chat_id>   one per open chat: started on first contact,
//! ├── ChatWorker  chat_worker.<chat_id>   stopped when the chat ends or idles out,
//! └── ...                                 restarted alone when it fails
//! ```
//! A failing child is restarted after an exponential back-off; more than
//! [`RestartPolicy::max_restarts`] failures inside [`RestartPolicy::window`] and it is given up on.
//! Every failure and restart is logged, counted in [`ActorMetrics`] and published as an event.
//!
//! # Layout
//! - [`supervisor`]: the [`Supervisor`] actor and its messages.
//! - [`chat_worker`]: the [`ChatWorker`] actor, one per chat.
//! - [`signal_collector`]: the [`SignalCollector`], the risk model, the parameter store, transcripts.
//! - [`checkpoint_manager`]: the [`CheckpointManager`], its sled store, limits, git state and resume.
//! - [`project_dir`]: which directories a chat may name as its project.
//! - [`restart_policy`]: when and how soon a failed child comes back.
//! - [`publisher`]: the [`EventPublisher`] trait and the [`EventEmitter`] that stamps events.
//! - [`metrics`]: the OpenTelemetry instruments the actors record into.
//! - `test_utils` (feature `testsuite`): `wait_until`, polling with a deadline.
#![warn(missing_docs, unreachable_pub, missing_debug_implementations)]

pub mod chat_worker;
pub mod checkpoint_manager;
pub mod metrics;
pub mod model_router;
pub mod project_dir;
pub mod publisher;
pub mod restart_policy;
pub mod signal_collector;
pub mod supervisor;
#[cfg(any(test, feature = "testsuite"))]
pub mod test_utils;

pub use chat_worker::{ChatSpec, ChatWorker, ChatWorkerArgs, ChatWorkerMessage};
pub use checkpoint_manager::{
    CheckpointManager, CheckpointManagerMessage, Retention, store::CheckpointStore,
};
pub use metrics::ActorMetrics;
pub use publisher::{EventEmitter, EventPublisher};
pub use restart_policy::{RestartDecision, RestartPolicy};
pub use signal_collector::{
    SignalCollector, SignalCollectorMessage, params::ParameterStore, risk::RiskThresholds,
};
pub use supervisor::{Service, Supervisor, SupervisorArgs, SupervisorMessage, SupervisorStatus};

/// Returns milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or_default()
}
