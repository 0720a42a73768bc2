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
use serde_json::json;
use shim_protocol::{
    WireError, WireResult,
    messages::{
        ActorInfo, ActorStatus, SessionEndReply, SessionEndRequest, SessionStartReply,
        SessionStartRequest,
    },
    subject::validate_id,
};
use tracing::{error, info, warn};

use crate::{
    chat_worker::{
        ChatOpened, ChatSpec, ChatWorker, ChatWorkerArgs, ChatWorkerMessage, IDLE_EXIT_REASON,
        NodeWide,
    },
    checkpoint_manager::{CheckpointManager, Retention, store::CheckpointStore},
    metrics::ActorMetrics,
    model_router::{ModelRouter, RoutingSettings},
    now_ms,
    publisher::EventEmitter,
    restart_policy::{RestartDecision, RestartPolicy},
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
}

/// A node-wide child of the supervisor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Service {
    /// The CheckpointManager.
    CheckpointManager,
    /// The ModelRouter.
    ModelRouter,
}

impl Service {
    const ALL: [Service; 2] = [Service::CheckpointManager, Service::ModelRouter];

    /// Returns the service's name (its kind in status); it is registered as `<name>.<node_id>`.
    pub fn name(self) -> &'static str {
        match self {
            Service::CheckpointManager => CheckpointManager::NAME,
            Service::ModelRouter => ModelRouter::NAME,
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
        RpcReplyPort<WireResult<SessionStartReply>>,
    ),
    /// Ends a chat and stops its worker.
    EndSession(SessionEndRequest, RpcReplyPort<WireResult<SessionEndReply>>),
    /// Lists the tree and, given a chat id, hands back that chat's worker.
    GetStatus(Option<String>, RpcReplyPort<WireResult<SupervisorStatus>>),
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
        reply: RpcReplyPort<WireResult<ActorRef<ChatWorkerMessage>>>,
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
        for service in Service::ALL {
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

impl SupervisorState {
    async fn start_session(
        &mut self,
        myself: &ActorRef<SupervisorMessage>,
        request: SessionStartRequest,
    ) -> WireResult<SessionStartReply> {
        check_len("name", request.name.as_deref(), MAX_NAME_LEN)?;
        check_len(
            "project_dir",
            request.project_dir.as_deref(),
            MAX_PROJECT_DIR_LEN,
        )?;
        if let Some(project_dir) = &request.project_dir {
            crate::project_dir::check(project_dir)?;
        }
        let chat_id = match (request.chat_id, request.claude_pid) {
            (Some(chat_id), _) => validate_id("chat id", &chat_id)?.to_owned(),
            // The MCP server of a Claude Code session: the session's hooks opened its chat already.
            (None, Some(claude_pid)) => match self
                .chats
                .iter()
                .find(|(_, entry)| entry.session && entry.spec.claude_pid == Some(claude_pid))
            {
                Some((chat_id, _)) => chat_id.clone(),
                None => uuid::Uuid::now_v7().to_string(),
            },
            (None, None) => uuid::Uuid::now_v7().to_string(),
        };
        let opened = ChatOpened {
            chat_id: chat_id.clone(),
            project_dir: request.project_dir.clone(),
            client: request.client.clone(),
            claude_pid: request.claude_pid,
        };
        let node_id = self.args.emitter.node_id().to_owned();
        let sessions = self.chats.values().filter(|entry| entry.session).count();
        if let Some(entry) = self.chats.get_mut(&chat_id) {
            let was_session = entry.session;
            match (&entry.worker_opt, entry.status) {
                (Some(worker), _) => {
                    let _ = worker.cast(ChatWorkerMessage::Opened(opened.clone()));
                }
                (None, ActorStatus::Restarting) if was_session => {
                    return Ok(SessionStartReply {
                        chat_id,
                        node_id,
                        created: false,
                    });
                }
                // A worker that was given up on is started afresh when its chat comes back.
                (None, _) => {
                    self.chats.remove(&chat_id);
                    return self
                        .open_chat(myself, chat_id, request.name, opened, sessions)
                        .await;
                }
            }
            if was_session {
                return Ok(SessionStartReply {
                    chat_id,
                    node_id,
                    created: false,
                });
            }
            // A chat heard of through signals only: its session starts now.
            check_sessions(sessions, self.args.max_chats)?;
            entry.session = true;
            entry.spec.name = request.name;
            entry.spec.project_dir = opened.project_dir;
            entry.spec.client = opened.client;
            entry.spec.claude_pid = opened.claude_pid;
            let spec = entry.spec.clone();
            self.announce_started(&spec);
            return Ok(SessionStartReply {
                chat_id,
                node_id,
                created: true,
            });
        }
        self.open_chat(myself, chat_id, request.name, opened, sessions)
            .await
    }

    /// Starts the worker of a session's chat.
    async fn open_chat(
        &mut self,
        myself: &ActorRef<SupervisorMessage>,
        chat_id: String,
        name: Option<String>,
        opened: ChatOpened,
        sessions: usize,
    ) -> WireResult<SessionStartReply> {
        check_sessions(sessions, self.args.max_chats)?;
        let spec = ChatSpec {
            chat_id: chat_id.clone(),
            name,
            project_dir: opened.project_dir,
            client: opened.client,
            claude_pid: opened.claude_pid,
            started_at_ms: now_ms(),
        };
        let worker = self
            .spawn_worker(myself, &spec, true)
            .await
            .map_err(|error| {
                error!(%chat_id, %error, "failed to start chat worker");
                WireError::Internal {
                    message: format!("failed to start the worker of chat {chat_id}: {error}"),
                }
            })?;
        self.announce_started(&spec);
        self.chats.insert(
            chat_id.clone(),
            ChatEntry {
                spec,
                session: true,
                worker_opt: Some(worker),
                status: ActorStatus::Running,
                recent_failures: VecDeque::new(),
                restarts: 0,
            },
        );
        Ok(SessionStartReply {
            chat_id,
            node_id: self.args.emitter.node_id().to_owned(),
            created: true,
        })
    }

    fn announce_started(&self, spec: &ChatSpec) {
        info!(chat_id = %spec.chat_id, project_dir = ?spec.project_dir, "chat started");
        self.args.metrics.record_chat_started();
        self.args.emitter.emit(
            "chats",
            "started",
            Some(&spec.chat_id),
            json!({
                "name": spec.name,
                "project_dir": spec.project_dir,
                "client": spec.client,
            }),
        );
    }

    fn end_session(&mut self, request: SessionEndRequest) -> WireResult<SessionEndReply> {
        if !self
            .chats
            .get(&request.chat_id)
            .is_some_and(|entry| entry.session)
        {
            return Err(WireError::chat_not_found(&request.chat_id));
        }
        let entry = self
            .chats
            .remove(&request.chat_id)
            .ok_or_else(|| WireError::chat_not_found(&request.chat_id))?;
        match entry.worker_opt {
            // The worker records the end durably, then stops.
            Some(worker) => {
                self.chat_of_actor.remove(&worker.get_id());
                let _ = worker.cast(ChatWorkerMessage::End {
                    reason: request.reason.clone(),
                });
            }
            // No worker to do it (restarting or given up on): the end is recorded here.
            None => crate::chat_worker::record_end(&self.node, &request.chat_id),
        }
        if entry.status != ActorStatus::Failed {
            self.args.metrics.record_chat_ended("ended");
        }
        info!(chat_id = %request.chat_id, reason = ?request.reason, "chat ended");
        self.args.emitter.emit(
            "chats",
            "ended",
            Some(&request.chat_id),
            json!({"reason": "ended", "detail": request.reason}),
        );
        Ok(SessionEndReply {
            chat_id: request.chat_id,
        })
    }

    /// The worker of `chat_id` when its name is not registered: see [`SupervisorMessage::ChatWorker`].
    async fn chat_worker(
        &mut self,
        myself: &ActorRef<SupervisorMessage>,
        chat_id: &str,
        adopt: bool,
    ) -> WireResult<ActorRef<ChatWorkerMessage>> {
        validate_id("chat id", chat_id)?;
        if let Some(entry) = self.chats.get(chat_id) {
            return entry
                .worker_opt
                .clone()
                .ok_or_else(|| unavailable(chat_id, entry.status));
        }
        if !adopt {
            return Err(WireError::chat_not_found(chat_id));
        }
        let signal_only: Vec<(&String, u64)> = self
            .chats
            .iter()
            .filter(|(_, entry)| !entry.session)
            .map(|(chat_id, entry)| (chat_id, entry.spec.started_at_ms))
            .collect();
        if signal_only.len() >= MAX_SIGNAL_ONLY_CHATS
            && let Some(oldest) = signal_only
                .iter()
                .min_by_key(|(_, started)| *started)
                .map(|(chat_id, _)| (*chat_id).clone())
            && let Some(entry) = self.chats.remove(&oldest)
            && let Some(worker) = entry.worker_opt
        {
            self.chat_of_actor.remove(&worker.get_id());
            worker.stop(Some("too many chats without a session".to_owned()));
        }
        let record_opt = self.args.store.chat(chat_id).ok().flatten();
        let spec = ChatSpec {
            chat_id: chat_id.to_owned(),
            name: None,
            project_dir: record_opt
                .as_ref()
                .and_then(|record| record.project_dir.clone()),
            client: record_opt.as_ref().and_then(|record| record.client.clone()),
            claude_pid: record_opt.as_ref().and_then(|record| record.claude_pid),
            started_at_ms: now_ms(),
        };
        let worker = self
            .spawn_worker(myself, &spec, false)
            .await
            .map_err(|error| WireError::Internal {
                message: format!("failed to start the worker of chat {chat_id}: {error}"),
            })?;
        self.chats.insert(
            chat_id.to_owned(),
            ChatEntry {
                spec,
                session: false,
                worker_opt: Some(worker.clone()),
                status: ActorStatus::Running,
                recent_failures: VecDeque::new(),
                restarts: 0,
            },
        );
        Ok(worker)
    }

    fn status(&self, chat_id_opt: Option<&str>) -> WireResult<SupervisorStatus> {
        let chat_worker_opt = match chat_id_opt {
            None => None,
            Some(chat_id) => {
                validate_id("chat id", chat_id)?;
                let entry = self
                    .chats
                    .get(chat_id)
                    .filter(|entry| entry.session)
                    .ok_or_else(|| WireError::chat_not_found(chat_id))?;
                let worker = entry
                    .worker_opt
                    .clone()
                    .ok_or_else(|| unavailable(chat_id, entry.status))?;
                Some(worker)
            }
        };
        let mut chats: Vec<ActorInfo> = self
            .chats
            .iter()
            .map(|(chat_id, entry)| ActorInfo {
                name: ChatWorker::actor_name(chat_id),
                kind: CHAT_WORKER_KIND.to_owned(),
                status: entry.status,
                restarts: entry.restarts,
            })
            .collect();
        chats.sort_by(|left, right| left.name.cmp(&right.name));
        let mut actors = Vec::with_capacity(chats.len() + 3);
        actors.push(ActorInfo {
            name: "supervisor".to_owned(),
            kind: "supervisor".to_owned(),
            status: ActorStatus::Running,
            restarts: 0,
        });
        for service in Service::ALL {
            let entry_opt = self.services.get(&service);
            actors.push(ActorInfo {
                name: service.name().to_owned(),
                kind: service.name().to_owned(),
                status: entry_opt
                    .and_then(|entry| entry.status_opt)
                    .unwrap_or(ActorStatus::Failed),
                restarts: entry_opt.map_or(0, |entry| entry.restarts),
            });
        }
        actors.extend(chats);
        Ok(SupervisorStatus {
            actors,
            chat_worker_opt,
        })
    }

    fn on_chat_failed(
        &mut self,
        myself: &ActorRef<SupervisorMessage>,
        chat_id: &str,
        failure: &str,
    ) {
        let Some(entry) = self.chats.get_mut(chat_id) else {
            return;
        };
        entry.worker_opt = None;
        let actor = ChatWorker::actor_name(chat_id);
        self.args.metrics.record_failure(CHAT_WORKER_KIND);
        self.args.emitter.emit(
            "supervisor",
            "actor_failed",
            Some(chat_id),
            json!({"actor": actor, "error": failure}),
        );
        match self
            .args
            .policy
            .on_failure(&mut entry.recent_failures, Instant::now())
        {
            RestartDecision::Restart { after, attempt } => {
                warn!(%chat_id, error = %failure, backoff_ms = after.as_millis() as u64, attempt, "chat worker failed, restarting");
                entry.status = ActorStatus::Restarting;
                let chat_id = chat_id.to_owned();
                myself.send_after(after, move || SupervisorMessage::RestartChat(chat_id));
            }
            RestartDecision::GiveUp { failures } => {
                error!(%chat_id, error = %failure, failures, "chat worker failed too often, giving up");
                entry.status = ActorStatus::Failed;
                if entry.session {
                    self.args.metrics.record_chat_ended("failed");
                }
                self.args.emitter.emit(
                    "supervisor",
                    "actor_gave_up",
                    Some(chat_id),
                    json!({"actor": actor, "failures": failures, "window_s": self.args.policy.window.as_secs()}),
                );
            }
        }
    }

    fn on_chat_stopped(&mut self, chat_id: &str, reason_opt: Option<&str>) {
        // A chat no session opened never announced itself either.
        if !self
            .chats
            .remove(chat_id)
            .is_some_and(|entry| entry.session)
        {
            return;
        }
        let reason = if reason_opt == Some(IDLE_EXIT_REASON) {
            "idle"
        } else {
            "stopped"
        };
        self.args.metrics.record_chat_ended(reason);
        self.args.emitter.emit(
            "chats",
            "ended",
            Some(chat_id),
            json!({"reason": reason, "detail": reason_opt}),
        );
    }

    async fn restart_chat(&mut self, myself: &ActorRef<SupervisorMessage>, chat_id: &str) {
        let Some((spec, session)) = self
            .chats
            .get(chat_id)
            .filter(|entry| entry.status == ActorStatus::Restarting)
            .map(|entry| (entry.spec.clone(), entry.session))
        else {
            return;
        };
        match self.spawn_worker(myself, &spec, session).await {
            Ok(worker) => {
                let Some(entry) = self.chats.get_mut(chat_id) else {
                    return;
                };
                entry.worker_opt = Some(worker);
                entry.status = ActorStatus::Running;
                entry.restarts += 1;
                let restarts = entry.restarts;
                info!(%chat_id, restarts, "chat worker restarted");
                self.args.metrics.record_restart(CHAT_WORKER_KIND);
                self.args.emitter.emit(
                    "supervisor",
                    "actor_restarted",
                    Some(chat_id),
                    json!({"actor": ChatWorker::actor_name(chat_id), "restarts": restarts}),
                );
            }
            Err(error) => self.on_chat_failed(myself, chat_id, &format!("restart failed: {error}")),
        }
    }

    async fn spawn_worker(
        &mut self,
        myself: &ActorRef<SupervisorMessage>,
        spec: &ChatSpec,
        opened: bool,
    ) -> Result<ActorRef<ChatWorkerMessage>, ractor::SpawnErr> {
        let name = ChatWorker::actor_name(&spec.chat_id);
        // The worker of the chat's ended session may still be writing its end: its name is free once it
        // has stopped.
        if let Some(stopping) = ractor::registry::where_is(name.clone()) {
            let _ = stopping.wait(Some(self.args.call_timeout)).await;
        }
        let args = ChatWorkerArgs {
            spec: spec.clone(),
            opened,
            idle_timeout: self.args.chat_idle_timeout,
            idle_check_interval: self.args.idle_check_interval,
            node: self.node.clone(),
        };
        let (worker, _handle) =
            Actor::spawn_linked(Some(name), ChatWorker, args, myself.get_cell()).await?;
        self.chat_of_actor
            .insert(worker.get_id(), spec.chat_id.clone());
        Ok(worker)
    }
}

fn unavailable(chat_id: &str, status: ActorStatus) -> WireError {
    WireError::Unavailable {
        message: match status {
            ActorStatus::Failed => format!(
                "the worker of chat {chat_id} failed too often and was stopped; start the session again"
            ),
            _ => format!("the worker of chat {chat_id} is restarting; retry shortly"),
        },
    }
}

fn check_sessions(sessions: usize, max_chats: usize) -> WireResult<()> {
    if sessions >= max_chats {
        return Err(WireError::Busy {
            message: format!(
                "{sessions} chats are open on this node, the limit is {max_chats}; end some with session.end"
            ),
        });
    }
    Ok(())
}

fn check_len(field: &str, value_opt: Option<&str>, limit: usize) -> WireResult<()> {
    match value_opt {
        Some(value) if value.chars().count() > limit => Err(WireError::bad_request(format!(
            "{field} is {} characters long, the limit is {limit}",
            value.chars().count()
        ))),
        _ => Ok(()),
    }
}

mod services;
#[cfg(test)]
pub(crate) mod tests;
