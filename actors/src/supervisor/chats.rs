//! The supervisor's chats: opening and ending sessions, handing out a chat's worker (and starting one for a
//! chat heard of only through signals), restarting a failed worker, and the tree as `status` lists it.

use std::{collections::VecDeque, time::Instant};

use ractor::{Actor, ActorRef};
use serde_json::json;
use shim_protocol::{
    messages::{
        ActorInfo, ActorStatus, SessionEndReply, SessionEndRequest, SessionStartReply,
        SessionStartRequest,
    },
    subject::validate_id,
};
use tracing::{error, info, warn};

use super::{
    CHAT_WORKER_KIND, ChatEntry, MAX_NAME_LEN, MAX_PROJECT_DIR_LEN, MAX_SIGNAL_ONLY_CHATS,
    SupervisorError, SupervisorMessage, SupervisorResult, SupervisorState, SupervisorStatus,
};
use crate::{
    chat_worker::{
        ChatOpened, ChatSpec, ChatWorker, ChatWorkerArgs, ChatWorkerMessage, IDLE_EXIT_REASON,
    },
    now_ms,
    restart_policy::RestartDecision,
};

impl SupervisorState {
    pub(super) async fn start_session(
        &mut self,
        myself: &ActorRef<SupervisorMessage>,
        request: SessionStartRequest,
    ) -> SupervisorResult<SessionStartReply> {
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
            process: request.process.clone(),
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
                        chat_secret: None,
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
                    chat_secret: None,
                });
            }
            // A chat heard of through signals only: its session starts now.
            check_sessions(sessions, self.args.max_chats)?;
            entry.session = true;
            entry.spec.name = request.name;
            entry.spec.project_dir = opened.project_dir;
            entry.spec.client = opened.client;
            entry.spec.claude_pid = opened.claude_pid;
            entry.spec.process = opened.process;
            let spec = entry.spec.clone();
            self.announce_started(&spec);
            return Ok(SessionStartReply {
                chat_id,
                node_id,
                created: true,
                chat_secret: None,
            });
        }
        self.open_chat(myself, chat_id, request.name, opened, sessions)
            .await
    }

    /// Starts the worker of a session's chat.
    pub(super) async fn open_chat(
        &mut self,
        myself: &ActorRef<SupervisorMessage>,
        chat_id: String,
        name: Option<String>,
        opened: ChatOpened,
        sessions: usize,
    ) -> SupervisorResult<SessionStartReply> {
        check_sessions(sessions, self.args.max_chats)?;
        let spec = ChatSpec {
            chat_id: chat_id.clone(),
            name,
            project_dir: opened.project_dir,
            client: opened.client,
            claude_pid: opened.claude_pid,
            process: opened.process,
            started_at_ms: now_ms(),
        };
        let worker = self
            .spawn_worker(myself, &spec, true)
            .await
            .map_err(|source| {
                error!(%chat_id, error = %source, "failed to start chat worker");
                SupervisorError::WorkerStart {
                    chat_id: chat_id.clone(),
                    source,
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
            chat_secret: None,
        })
    }

    pub(super) fn announce_started(&self, spec: &ChatSpec) {
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

    pub(super) fn end_session(
        &mut self,
        request: SessionEndRequest,
    ) -> SupervisorResult<SessionEndReply> {
        if !self
            .chats
            .get(&request.chat_id)
            .is_some_and(|entry| entry.session)
        {
            return Err(unknown(&request.chat_id));
        }
        let entry = self
            .chats
            .remove(&request.chat_id)
            .ok_or_else(|| unknown(&request.chat_id))?;
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
    pub(super) async fn chat_worker(
        &mut self,
        myself: &ActorRef<SupervisorMessage>,
        chat_id: &str,
        adopt: bool,
    ) -> SupervisorResult<ActorRef<ChatWorkerMessage>> {
        validate_id("chat id", chat_id)?;
        if let Some(entry) = self.chats.get(chat_id) {
            return entry
                .worker_opt
                .clone()
                .ok_or_else(|| unavailable(chat_id, entry.status));
        }
        if !adopt {
            return Err(unknown(chat_id));
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
            process: None,
            started_at_ms: now_ms(),
        };
        let worker = self
            .spawn_worker(myself, &spec, false)
            .await
            .map_err(|source| SupervisorError::WorkerStart {
                chat_id: chat_id.to_owned(),
                source,
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

    pub(super) fn status(&self, chat_id_opt: Option<&str>) -> SupervisorResult<SupervisorStatus> {
        let chat_worker_opt = match chat_id_opt {
            None => None,
            Some(chat_id) => {
                validate_id("chat id", chat_id)?;
                let entry = self
                    .chats
                    .get(chat_id)
                    .filter(|entry| entry.session)
                    .ok_or_else(|| unknown(chat_id))?;
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
        for service in self.configured_services() {
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

    pub(super) fn on_chat_failed(
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
                self.args.metrics.forget_risk_level(chat_id);
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

    pub(super) fn on_chat_stopped(&mut self, chat_id: &str, reason_opt: Option<&str>) {
        self.args.metrics.forget_risk_level(chat_id);
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

    pub(super) async fn restart_chat(
        &mut self,
        myself: &ActorRef<SupervisorMessage>,
        chat_id: &str,
    ) {
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

    pub(super) async fn spawn_worker(
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

fn unknown(chat_id: &str) -> SupervisorError {
    SupervisorError::UnknownChat {
        chat_id: chat_id.to_owned(),
    }
}

fn unavailable(chat_id: &str, status: ActorStatus) -> SupervisorError {
    let chat_id = chat_id.to_owned();
    match status {
        ActorStatus::Failed => SupervisorError::WorkerGivenUp { chat_id },
        _ => SupervisorError::WorkerRestarting { chat_id },
    }
}

fn check_sessions(sessions: usize, limit: usize) -> SupervisorResult<()> {
    if sessions >= limit {
        return Err(SupervisorError::TooManyChats { sessions, limit });
    }
    Ok(())
}

fn check_len(field: &'static str, value_opt: Option<&str>, limit: usize) -> SupervisorResult<()> {
    match value_opt.map(|value| value.chars().count()) {
        Some(len) if len > limit => Err(SupervisorError::TooLong { field, len, limit }),
        _ => Ok(()),
    }
}
