//! The supervisor's node-wide services: spawning the CheckpointManager and the ModelRouter under their
//! registered names, and restarting them under the same policy as chat workers.

use std::time::{Duration, Instant};

use ractor::{Actor, ActorRef, rpc::CallResult};
use serde_json::json;
use shim_protocol::messages::ActorStatus;
use tracing::{error, info, warn};

use super::{Service, SupervisorMessage, SupervisorState};
use crate::{
    chat_worker::ChatWorkerMessage,
    checkpoint_manager::{CheckpointManager, CheckpointManagerArgs, RecentTools},
    experiment_manager::{ExperimentManager, ExperimentManagerArgs},
    model_router::{ModelRouter, ModelRouterArgs},
    names,
    restart_policy::RestartDecision,
};

impl SupervisorState {
    /// The services this node runs: the experiment manager only when it has its store.
    pub(super) fn configured_services(&self) -> Vec<Service> {
        Service::ALL
            .into_iter()
            .filter(|service| {
                *service != Service::ExperimentManager || self.args.kaizen_opt.is_some()
            })
            .collect()
    }

    /// Spawns a service, registered by name (`<service>.<node_id>`) so that callers find it without the
    /// supervisor.
    pub(super) async fn spawn_service(
        &mut self,
        myself: &ActorRef<SupervisorMessage>,
        service: Service,
    ) -> Result<(), ractor::SpawnErr> {
        let name = names::service(service.name(), self.args.emitter.node_id());
        let cell = match service {
            Service::CheckpointManager => {
                let timeout = self.args.call_timeout;
                let (actor, _) = Actor::spawn_linked(
                    Some(name),
                    CheckpointManager,
                    CheckpointManagerArgs {
                        emitter: self.args.emitter.clone(),
                        metrics: self.args.metrics.clone(),
                        store: self.args.store.clone(),
                        recent_tools: RecentTools::new(move |chat_id| {
                            Box::pin(recent_tools(chat_id, timeout))
                        }),
                        retention: self.args.retention,
                        idle_timeout: self.args.chat_idle_timeout,
                    },
                    myself.get_cell(),
                )
                .await?;
                actor.get_cell()
            }
            Service::ModelRouter => {
                let (actor, _) = Actor::spawn_linked(
                    Some(name),
                    ModelRouter,
                    ModelRouterArgs {
                        emitter: self.args.emitter.clone(),
                        metrics: self.args.metrics.clone(),
                        settings: self.args.routing.clone(),
                        db: self.args.store.db().clone(),
                    },
                    myself.get_cell(),
                )
                .await?;
                actor.get_cell()
            }
            Service::ExperimentManager => {
                let Some(kaizen) = self.args.kaizen_opt.clone() else {
                    return Ok(());
                };
                let (actor, _) = Actor::spawn_linked(
                    Some(name),
                    ExperimentManager,
                    ExperimentManagerArgs {
                        emitter: self.args.emitter.clone(),
                        metrics: self.args.metrics.clone(),
                        store: kaizen.store,
                        settings: kaizen.settings,
                        clock: crate::experiment_manager::Clock::wall(),
                        base: self.node.thresholds.clone(),
                    },
                    myself.get_cell(),
                )
                .await?;
                actor.get_cell()
            }
        };
        self.service_of_actor.insert(cell.get_id(), service);
        self.running.insert(service, cell);
        Ok(())
    }

    pub(super) fn on_service_down(
        &mut self,
        myself: &ActorRef<SupervisorMessage>,
        service: Service,
        failure: &str,
    ) {
        self.running.remove(&service);
        let entry = self.services.entry(service).or_default();
        self.args.metrics.record_failure(service.name());
        self.args.emitter.emit(
            "supervisor",
            "actor_failed",
            None,
            json!({"actor": service.name(), "error": failure}),
        );
        match self
            .args
            .policy
            .on_failure(&mut entry.recent_failures, Instant::now())
        {
            RestartDecision::Restart { after, attempt } => {
                warn!(actor = service.name(), error = %failure, attempt, "service failed, restarting");
                entry.status_opt = Some(ActorStatus::Restarting);
                myself.send_after(after, move || SupervisorMessage::RestartService(service));
            }
            RestartDecision::GiveUp { failures } => {
                error!(actor = service.name(), error = %failure, failures, "service failed too often, giving up");
                entry.status_opt = Some(ActorStatus::Failed);
                self.args.emitter.emit(
                    "supervisor",
                    "actor_gave_up",
                    None,
                    json!({"actor": service.name(), "failures": failures, "window_s": self.args.policy.window.as_secs()}),
                );
            }
        }
    }

    pub(super) async fn restart_service(
        &mut self,
        myself: &ActorRef<SupervisorMessage>,
        service: Service,
    ) {
        match self.spawn_service(myself, service).await {
            Ok(()) => {
                let entry = self.services.entry(service).or_default();
                entry.status_opt = Some(ActorStatus::Running);
                entry.restarts += 1;
                let restarts = entry.restarts;
                info!(actor = service.name(), restarts, "service restarted");
                self.args.metrics.record_restart(service.name());
                self.args.emitter.emit(
                    "supervisor",
                    "actor_restarted",
                    None,
                    json!({"actor": service.name(), "restarts": restarts}),
                );
            }
            Err(error) => {
                self.on_service_down(myself, service, &format!("restart failed: {error}"))
            }
        }
    }
}

/// A live chat's latest tool calls, from its worker: none when no worker holds the chat, an error when
/// its worker does not answer within `timeout`.
async fn recent_tools(
    chat_id: String,
    timeout: Duration,
) -> Result<Vec<shim_protocol::messages::ToolCallRecord>, String> {
    let Some(worker) = names::find::<ChatWorkerMessage>(&names::chat_worker(&chat_id)) else {
        return Ok(Vec::new());
    };
    match worker
        .call(ChatWorkerMessage::RecentTools, Some(timeout))
        .await
    {
        Ok(CallResult::Success(tools)) => Ok(tools),
        Ok(CallResult::Timeout) => Err(format!(
            "the worker of chat {chat_id} did not answer within {} ms",
            timeout.as_millis()
        )),
        Ok(CallResult::SenderError) | Err(_) => Err(format!(
            "the worker of chat {chat_id} stopped before answering"
        )),
    }
}
