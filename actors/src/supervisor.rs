//! The [`Supervisor`]: root of a node's actor tree. It owns the node's services (the CheckpointManager and
//! the ModelRouter) and one worker per chat, and restarts a failed child under its [`RestartPolicy`]
//! without disturbing the others. It relays nothing: every child is registered by name (see
//! [`crate::names`]) and callers find it there, so no caller holds a reference that a restart made stale.
//!
//! It also holds what is node-wide for chats ([`NodeWide`]: the risk thresholds read once from the
//! ParameterStore, the pool of transcript reads) and the caps on chats: [`SupervisorArgs::max_chats`]
//! sessions, and [`MAX_SIGNAL_ONLY_CHATS`] chats heard of only through signals.

use std::{
    collections::{HashMap, VecDeque},
    time::{Duration, Instant},
};

use ractor::{
    Actor, ActorCell, ActorId, ActorProcessingErr, ActorRef, RpcReplyPort, SupervisionEvent,
};
use shim_protocol::messages::{
    ActorInfo, ActorStatus, SessionEndReply, SessionEndRequest, SessionStartReply,
    SessionStartRequest,
};
use tracing::info;

pub use error::{SupervisorError, SupervisorResult};

use crate::{
    chat_worker::{ChatSpec, ChatWorkerMessage, NodeWide},
    checkpoint_manager::{CheckpointManager, Retention, store::CheckpointStore},
    metrics::ActorMetrics,
    model_router::{ModelRouter, RoutingSettings},
    publisher::EventEmitter,
    restart_policy::RestartPolicy,
    signals::params::ParameterStore,
};

/// Longest chat name accepted.
pub const MAX_NAME_LEN: usize = 200;
/// Longest project directory accepted.
pub const MAX_PROJECT_DIR_LEN: usize = 4096;

/// Most chats with a worker that no session opened (heard of only through signals, e.g. the hooks of a
/// session opened before the node restarted); beyond it the oldest such worker is stopped (its record is
/// written as it stops).
pub const MAX_SIGNAL_ONLY_CHATS: usize = 10_000;

const CHAT_WORKER_KIND: &str = "chat_worker";

/// Arguments of [`Supervisor`].
#[derive(Debug, Clone)]
pub struct SupervisorArgs {
    /// Stamps and publishes events.
    pub emitter: EventEmitter,
    /// Instruments to record into.
    pub metrics: ActorMetrics,
    /// How failed children come back.
    pub policy: RestartPolicy,
    /// Silence after which a chat's worker stops.
    pub chat_idle_timeout: Duration,
    /// How often a worker checks for idleness.
    pub idle_check_interval: Duration,
    /// Most chats open at once; further session starts are refused as busy.
    pub max_chats: usize,
    /// The node's store (checkpoints, chat records).
    pub store: CheckpointStore,
    /// The versioned risk thresholds.
    pub params: ParameterStore,
    /// Checkpoint retention.
    pub retention: Retention,
    /// How often a chat worker writes its record and considers an interval checkpoint.
    pub signal_tick: Duration,
    /// How long a chat worker waits for a service.
    pub call_timeout: Duration,
    /// Model routing settings.
    pub routing: RoutingSettings,
    /// The experiment manager's store and safety settings; without them (no JetStream) it does not run and
    /// chats use the node's thresholds.
    pub kaizen_opt: Option<KaizenWiring>,
}

/// What the [`ExperimentManager`](crate::experiment_manager::ExperimentManager) runs on.
#[derive(Debug, Clone)]
pub struct KaizenWiring {
    /// Its state in JetStream.
    pub store: std::sync::Arc<dyn crate::experiment_manager::KaizenStore>,
    /// The `[kaizen]` settings.
    pub settings: crate::experiment_manager::settings::KaizenSettings,
}

/// A node-wide child of the supervisor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Service {
    /// The CheckpointManager.
    CheckpointManager,
    /// The ModelRouter.
    ModelRouter,
    /// The ExperimentManager (only with JetStream).
    ExperimentManager,
}

impl Service {
    const ALL: [Service; 3] = [
        Service::CheckpointManager,
        Service::ModelRouter,
        Service::ExperimentManager,
    ];

    /// Returns the service's name (its kind in status); it is registered as `<name>.<node_id>`.
    pub fn name(self) -> &'static str {
        match self {
            Service::CheckpointManager => CheckpointManager::NAME,
            Service::ModelRouter => ModelRouter::NAME,
            Service::ExperimentManager => crate::experiment_manager::ExperimentManager::NAME,
        }
    }
}

#[derive(Debug, Default)]
struct ServiceEntry {
    status_opt: Option<ActorStatus>,
    recent_failures: VecDeque<Instant>,
    restarts: u32,
}

/// Messages the [`Supervisor`] handles.
#[derive(Debug)]
pub enum SupervisorMessage {
    /// Opens a chat (or re-attaches to one by id) and starts its worker.
    StartSession(
        SessionStartRequest,
        RpcReplyPort<SupervisorResult<SessionStartReply>>,
    ),
    /// Ends a chat and stops its worker.
    EndSession(
        SessionEndRequest,
        RpcReplyPort<SupervisorResult<SessionEndReply>>,
    ),
    /// Lists the tree and, given a chat id, hands back that chat's worker.
    GetStatus(
        Option<String>,
        RpcReplyPort<SupervisorResult<SupervisorStatus>>,
    ),
    /// Restarts a failed chat worker once its back-off has passed (sent by the supervisor to itself).
    RestartChat(String),
    /// Restarts a failed service once its back-off has passed (sent by the supervisor to itself).
    RestartService(Service),
    /// Hands back the worker of a chat that is not registered by name (yet). With `adopt`, a chat the
    /// node has no worker for gets one (signals and checkpoints of a chat no session opened here);
    /// without, it is `not_found`. A worker that is restarting is `unavailable`.
    ChatWorker {
        /// The chat.
        chat_id: String,
        /// Start a worker for a chat that has none.
        adopt: bool,
        /// The worker, or why there is none.
        reply: RpcReplyPort<SupervisorResult<ActorRef<ChatWorkerMessage>>>,
    },
}

/// Reply to [`SupervisorMessage::GetStatus`].
#[derive(Debug, Clone)]
pub struct SupervisorStatus {
    /// Every actor in the tree, supervisor first.
    pub actors: Vec<ActorInfo>,
    /// The worker of the chat that was asked about.
    pub chat_worker_opt: Option<ActorRef<ChatWorkerMessage>>,
}

#[derive(Debug)]
struct ChatEntry {
    spec: ChatSpec,
    /// A session opened the chat; false for a chat heard of only through signals.
    session: bool,
    worker_opt: Option<ActorRef<ChatWorkerMessage>>,
    status: ActorStatus,
    recent_failures: VecDeque<Instant>,
    restarts: u32,
}

/// Mutable state of the [`Supervisor`].
#[derive(Debug)]
pub struct SupervisorState {
    args: SupervisorArgs,
    node: NodeWide,
    chats: HashMap<String, ChatEntry>,
    chat_of_actor: HashMap<ActorId, String>,
    running: HashMap<Service, ActorCell>,
    services: HashMap<Service, ServiceEntry>,
    service_of_actor: HashMap<ActorId, Service>,
}

/// The root actor of a node.
#[derive(Debug, Default)]
pub struct Supervisor;

impl Actor for Supervisor {
    type Msg = SupervisorMessage;
    type State = SupervisorState;
    type Arguments = SupervisorArgs;

    async fn pre_start(
        &self,
        myself: ActorRef<Self::Msg>,
        args: SupervisorArgs,
    ) -> Result<Self::State, ActorProcessingErr> {
        let parameters = args.params.current()?;
        info!(version = parameters.version, "risk thresholds loaded");
        let node = NodeWide {
            emitter: args.emitter.clone(),
            metrics: args.metrics.clone(),
            store: args.store.clone(),
            thresholds: std::sync::Arc::new(parameters.thresholds),
            transcript_reads: std::sync::Arc::new(tokio::sync::Semaphore::new(
                crate::signals::transcript::MAX_CONCURRENT_READS,
            )),
            tick_interval: args.signal_tick,
            call_timeout: args.call_timeout,
        };
        let mut state = SupervisorState {
            args,
            node,
            chats: HashMap::new(),
            chat_of_actor: HashMap::new(),
            running: HashMap::new(),
            services: HashMap::new(),
            service_of_actor: HashMap::new(),
        };
        for service in state.configured_services() {
            state.spawn_service(&myself, service).await?;
            state.services.entry(service).or_default().status_opt = Some(ActorStatus::Running);
        }
        Ok(state)
    }

    async fn post_stop(
        &self,
        _myself: ActorRef<Self::Msg>,
        state: &mut Self::State,
    ) -> Result<(), ActorProcessingErr> {
        for entry in state.chats.values() {
            if let Some(worker) = &entry.worker_opt {
                worker.stop(Some("node stopping".to_owned()));
            }
        }
        for service in state.running.values() {
            service.stop(Some("node stopping".to_owned()));
        }
        Ok(())
    }

    async fn handle(
        &self,
        myself: ActorRef<Self::Msg>,
        message: Self::Msg,
        state: &mut Self::State,
    ) -> Result<(), ActorProcessingErr> {
        match message {
            SupervisorMessage::StartSession(request, reply) => {
                let result = state.start_session(&myself, request).await;
                let _ = reply.send(result);
            }
            SupervisorMessage::EndSession(request, reply) => {
                let _ = reply.send(state.end_session(request));
            }
            SupervisorMessage::GetStatus(chat_id_opt, reply) => {
                let _ = reply.send(state.status(chat_id_opt.as_deref()));
            }
            SupervisorMessage::RestartChat(chat_id) => state.restart_chat(&myself, &chat_id).await,
            SupervisorMessage::RestartService(service) => {
                state.restart_service(&myself, service).await
            }
            SupervisorMessage::ChatWorker {
                chat_id,
                adopt,
                reply,
            } => {
                let result = state.chat_worker(&myself, &chat_id, adopt).await;
                let _ = reply.send(result);
            }
        }
        Ok(())
    }

    async fn handle_supervisor_evt(
        &self,
        myself: ActorRef<Self::Msg>,
        event: SupervisionEvent,
        state: &mut Self::State,
    ) -> Result<(), ActorProcessingErr> {
        match event {
            SupervisionEvent::ActorFailed(cell, failure) => {
                if let Some(chat_id) = state.chat_of_actor.remove(&cell.get_id()) {
                    state.on_chat_failed(&myself, &chat_id, &failure.to_string());
                } else if let Some(service) = state.service_of_actor.remove(&cell.get_id()) {
                    state.on_service_down(&myself, service, &failure.to_string());
                }
            }
            SupervisionEvent::ActorTerminated(cell, _, reason_opt) => {
                if let Some(chat_id) = state.chat_of_actor.remove(&cell.get_id()) {
                    state.on_chat_stopped(&chat_id, reason_opt.as_deref());
                } else if let Some(service) = state.service_of_actor.remove(&cell.get_id()) {
                    // A service never stops on its own while the node runs.
                    let reason = reason_opt.unwrap_or_else(|| "stopped".to_owned());
                    state.on_service_down(
                        &myself,
                        service,
                        &format!("stopped unexpectedly: {reason}"),
                    );
                }
            }
            _ => {}
        }
        Ok(())
    }
}

mod chats;
mod error;
mod services;
#[cfg(test)]
pub(crate) mod tests;
