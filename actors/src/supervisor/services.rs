//! The supervisor's node-wide services: spawning the SignalCollector and the CheckpointManager, and
//! restarting them under the same policy as chat workers.

use std::time::Instant;

use ractor::{Actor, ActorRef};
use serde_json::json;
use shim_protocol::messages::ActorStatus;
use tracing::{error, info, warn};

use super::{Service, SupervisorMessage, SupervisorState};
use crate::{
    checkpoint_manager::{CheckpointManager, CheckpointManagerArgs},
    model_router::{ModelRouter, ModelRouterArgs},
    restart_policy::RestartDecision,
    signal_collector::{ChatOpened, SignalCollector, SignalCollectorArgs, SignalCollectorMessage},
};

impl SupervisorState {
    pub(super) fn notify_opened(
        &self,
        chat_id: &str,
        project_dir: &Option<String>,
        client: &Option<String>,
        claude_pid: Option<u32>,
    ) {
        if let Some(signals) = &self.signals_opt {
            let _ = signals.send_message(SignalCollectorMessage::ChatOpened(ChatOpened {
                chat_id: chat_id.to_owned(),
                project_dir: project_dir.clone(),
                client: client.clone(),
                claude_pid,
            }));
        }
    }

    pub(super) async fn spawn_service(
        &mut self,
        myself: &ActorRef<SupervisorMessage>,
        service: Service,
    ) -> Result<(), ractor::SpawnErr> {
        let cell = match service {
            Service::SignalCollector => {
                let (actor, _) = Actor::spawn_linked(
                    None,
                    SignalCollector,
                    SignalCollectorArgs {
                        emitter: self.args.emitter.clone(),
                        metrics: self.args.metrics.clone(),
                        store: self.args.store.clone(),
                        params: self.args.params.clone(),
                        supervisor: myself.clone(),
                        tick_interval: self.args.signal_tick,
                    },
                    myself.get_cell(),
                )
                .await?;
                let cell = actor.get_cell();
                self.signals_opt = Some(actor);
                cell
            }
            Service::CheckpointManager => {
                let (actor, _) = Actor::spawn_linked(
                    None,
                    CheckpointManager,
                    CheckpointManagerArgs {
                        emitter: self.args.emitter.clone(),
                        metrics: self.args.metrics.clone(),
                        store: self.args.store.clone(),
                        supervisor: myself.clone(),
                        retention: self.args.retention,
                        idle_timeout: self.args.chat_idle_timeout,
                        call_timeout: self.args.call_timeout,
                    },
                    myself.get_cell(),
                )
                .await?;
                let cell = actor.get_cell();
                self.checkpoints_opt = Some(actor);
                cell
            }
            Service::ModelRouter => {
                let (actor, _) = Actor::spawn_linked(
                    Some(ModelRouter::name(self.args.emitter.node_id())),
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
                let cell = actor.get_cell();
                self.router_opt = Some(actor);
                cell
            }
        };
        self.service_of_actor.insert(cell.get_id(), service);
        Ok(())
    }

    pub(super) fn on_service_down(
        &mut self,
        myself: &ActorRef<SupervisorMessage>,
        service: Service,
        failure: &str,
    ) {
        match service {
            Service::SignalCollector => self.signals_opt = None,
            Service::CheckpointManager => self.checkpoints_opt = None,
            Service::ModelRouter => self.router_opt = None,
        }
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
