//! The experiment manager of the Kaizen loop (docs/kaizen.md): experiments over the versioned parameter
//! store, from proposal to shipped or rolled back, with every decision audited.
//!
//! The [`ExperimentManager`] actor answers every operation ([`ExperimentManagerMessage`]) with a typed
//! [`ExperimentResult`]; the node's kaizen service only carries them over NATS, and the node's loop sends
//! [`ExperimentManagerMessage::Tick`]. Its state is in JetStream through a [`KaizenStore`], so any node's
//! manager answers for every experiment and a node that dies takes nothing with it; every write is a
//! compare-and-set or a create.
//!
//! - A proposal is judged by the safety settings ([`settings`]): refused with the reason, waiting for a
//!   person, or started at 10%. Its plan (units per variant for the minimum effect) is computed first.
//! - A chat's parameters ([`ExperimentManagerMessage::Assign`]) are the parameter store's values with its
//!   variant of each running experiment; the chat is placed by a hash of the ids ([`assignment`]) and the
//!   unit recorded, so its variant never changes (its exposure).
//! - Outcomes ([`ExperimentManagerMessage::Observe`]) are counted into the stage the chat was assigned in.
//! - A tick looks at each running experiment ([`evaluate`]) and carries out what the look decided.
//!
//! Each node's manager registers as [`ExperimentManager::name`]`(node_id)`; [`ExperimentManager::find`]
//! looks it up.
//!
//! # Layout
//! - [`catalogue`]: the parameters and metrics.
//! - [`settings`]: the safety settings and the check of a proposal.
//! - [`assignment`]: the hashed assignment.
//! - [`variant`]: variants of several parameters: the combined check and the per-chat cap.
//! - [`evaluate`]: the plan and the decision of a look.
//! - [`store`]: the state's trait.
//! - [`stats`]: the statistics.

pub mod assignment;
pub mod catalogue;
pub mod detector;
mod error;
pub mod evaluate;
pub mod settings;
pub mod stats;
pub mod store;
pub mod variant;

use std::{collections::BTreeMap, sync::Arc};

use ractor::{Actor, ActorProcessingErr, ActorRef, RpcReplyPort};
use shim_protocol::{
    messages::{
        ArmRecord, AssignReply, AssignRequest, Assignment, AuditEntry, AuditList, AuditRequest,
        ChatParameters, Experiment, ExperimentIdRequest, ExperimentList, ExperimentStatus,
        GuardrailSpec, ObserveReply, ObserveRequest, ParameterChange, ParameterList,
        ParameterValue, ProposeRequest, StageRecord, Variant,
    },
    subject::validate_id,
};
use tracing::{info, warn};

use crate::{metrics::ActorMetrics, names, publisher::EventEmitter};
use catalogue::ChangeKind;
pub use error::{ExperimentError, ExperimentResult};
use evaluate::{Decision, Verdict};
use settings::{Approval, KaizenSettings};
pub use store::{KaizenStore, ParameterEntry, ParameterSet, UnitRecord};

/// Most chats one assign or observe request may name.
pub const MAX_BATCH: usize = 1_000;
/// Most experiments listed.
pub const MAX_LISTED: usize = 200;
/// Longest hypothesis, evidence line or reason kept, in characters.
const MAX_TEXT: usize = 500;
/// Most evidence lines kept per proposal.
const MAX_EVIDENCE: usize = 20;
/// The loop's own name in the audit.
pub const BY_LOOP: &str = "loop";
const DAY_MS: u64 = 24 * 60 * 60 * 1000;

/// Arguments of [`ExperimentManager`].
#[derive(Debug, Clone)]
pub struct ExperimentManagerArgs {
    /// Stamps and publishes events.
    pub emitter: EventEmitter,
    /// Counts its decisions, exposures and observations.
    pub metrics: ActorMetrics,
    /// Where the state lives.
    pub store: Arc<dyn KaizenStore>,
    /// The safety settings.
    pub settings: KaizenSettings,
    /// The clock: the wall clock, or a simulation's.
    pub clock: Clock,
    /// The node's thresholds: a parameter's value in force wherever the parameter store sets none (the
    /// built-in defaults, or the config file's `[risk]`).
    pub base: Arc<crate::RiskThresholds>,
}

/// Milliseconds since the Unix epoch, from the wall clock ([`Clock::wall`]) or a simulation's.
#[derive(Clone)]
pub struct Clock(Arc<dyn Fn() -> u64 + Send + Sync>);

impl Clock {
    /// The wall clock.
    pub fn wall() -> Clock {
        Clock(Arc::new(crate::now_ms))
    }

    /// A clock that reads `now`.
    pub fn from_fn(now: impl Fn() -> u64 + Send + Sync + 'static) -> Clock {
        Clock(Arc::new(now))
    }

    /// The time now.
    pub fn now(&self) -> u64 {
        (self.0)()
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "Clock({})", self.now())
    }
}

/// Messages the [`ExperimentManager`] handles.
#[derive(Debug)]
pub enum ExperimentManagerMessage {
    /// Proposes an experiment.
    Propose(ProposeRequest, RpcReplyPort<ExperimentResult<Experiment>>),
    /// Lists experiments.
    List(RpcReplyPort<ExperimentResult<ExperimentList>>),
    /// Shows one.
    Show(String, RpcReplyPort<ExperimentResult<Experiment>>),
    /// A person approves one waiting.
    Approve(
        ExperimentIdRequest,
        RpcReplyPort<ExperimentResult<Experiment>>,
    ),
    /// A person stops one.
    Stop(
        ExperimentIdRequest,
        RpcReplyPort<ExperimentResult<Experiment>>,
    ),
    /// A person reverts a shipped one.
    Revert(
        ExperimentIdRequest,
        RpcReplyPort<ExperimentResult<Experiment>>,
    ),
    /// The parameters of chats.
    Assign(AssignRequest, RpcReplyPort<ExperimentResult<AssignReply>>),
    /// Outcomes of chats.
    Observe(ObserveRequest, RpcReplyPort<ExperimentResult<ObserveReply>>),
    /// The parameter store.
    Parameters(RpcReplyPort<ExperimentResult<ParameterList>>),
    /// The audit.
    Audit(AuditRequest, RpcReplyPort<ExperimentResult<AuditList>>),
    /// Looks at every running experiment and carries out the decisions; what it decided.
    Tick(Option<u64>, RpcReplyPort<ExperimentResult<Vec<AuditEntry>>>),
    /// The person's tolerances changed (their profile): the guardrail margins of experiments planned from
    /// now on. Values the settings would refuse are ignored, with a warning.
    Tolerances {
        /// In place of [`KaizenSettings::max_cost_increase`].
        max_cost_increase: f64,
        /// In place of [`KaizenSettings::max_latency_increase`].
        max_latency_increase: f64,
    },
}

/// The experiment manager.
#[derive(Debug, Default)]
pub struct ExperimentManager;

/// How often a look also checks that the parameter store agrees with what shipped and was reverted.
const RECONCILE_EVERY_MS: u64 = 10 * 60 * 1000;

/// The manager's state: its arguments, and when it last reconciled the parameter store.
#[derive(Debug)]
pub struct ManagerState {
    args: ExperimentManagerArgs,
    reconciled_at_ms: u64,
}

impl ExperimentManager {
    /// Its kind in status; registered as `experiment_manager.<node_id>`.
    pub const NAME: &'static str = "experiment_manager";

    /// The registered name of node `node_id`'s manager.
    pub fn name(node_id: &str) -> String {
        names::service(Self::NAME, node_id)
    }

    /// Node `node_id`'s manager, when it runs.
    pub fn find(node_id: &str) -> Option<ActorRef<ExperimentManagerMessage>> {
        names::find(&Self::name(node_id))
    }
}

impl Actor for ExperimentManager {
    type Msg = ExperimentManagerMessage;
    type State = ManagerState;
    type Arguments = ExperimentManagerArgs;

    async fn pre_start(
        &self,
        _myself: ActorRef<Self::Msg>,
        args: ExperimentManagerArgs,
    ) -> Result<Self::State, ActorProcessingErr> {
        args.settings
            .validate()
            .map_err(|message| format!("kaizen settings: {message}"))?;
        Ok(ManagerState {
            args,
            reconciled_at_ms: 0,
        })
    }

    async fn handle(
        &self,
        _myself: ActorRef<Self::Msg>,
        message: Self::Msg,
        state: &mut Self::State,
    ) -> Result<(), ActorProcessingErr> {
        match message {
            ExperimentManagerMessage::Propose(request, port) => {
                let _ = port.send(state.args.propose(request).await);
            }
            // Reads that may take a while (every experiment, the audit) run beside the mailbox, so a
            // chat's assignment never waits behind them.
            ExperimentManagerMessage::List(port) => {
                let store = state.args.store.clone();
                tokio::spawn(async move {
                    let _ = port.send(list(&*store).await);
                });
            }
            ExperimentManagerMessage::Show(id, port) => {
                let store = state.args.store.clone();
                tokio::spawn(async move {
                    let _ = port.send(show(&*store, &id).await);
                });
            }
            ExperimentManagerMessage::Approve(request, port) => {
                let _ = port.send(state.args.approve(request).await);
            }
            ExperimentManagerMessage::Stop(request, port) => {
                let _ = port.send(state.args.stop(request).await);
            }
            ExperimentManagerMessage::Revert(request, port) => {
                let _ = port.send(state.args.revert(request).await);
            }
            ExperimentManagerMessage::Assign(request, port) => {
                let _ = port.send(state.args.assign(request).await);
            }
            ExperimentManagerMessage::Observe(request, port) => {
                let _ = port.send(state.args.observe(request).await);
            }
            ExperimentManagerMessage::Parameters(port) => {
                let _ = port.send(state.args.parameters().await);
            }
            ExperimentManagerMessage::Audit(request, port) => {
                let store = state.args.store.clone();
                tokio::spawn(async move {
                    let _ = port.send(store.audit_log(&request).await);
                });
            }
            ExperimentManagerMessage::Tick(now_opt, port) => {
                let now = now_opt.unwrap_or_else(|| state.args.clock.now());
                if now.saturating_sub(state.reconciled_at_ms) >= RECONCILE_EVERY_MS {
                    state.args.reconcile().await;
                    state.reconciled_at_ms = now;
                }
                let _ = port.send(state.args.tick(now).await);
            }
            ExperimentManagerMessage::Tolerances {
                max_cost_increase,
                max_latency_increase,
            } => {
                let mut settings = state.args.settings.clone();
                settings.max_cost_increase = max_cost_increase;
                settings.max_latency_increase = max_latency_increase;
                match settings.validate() {
                    Ok(()) => state.args.settings = settings,
                    Err(error) => {
                        warn!(%error, "the tolerances of your profile were not taken")
                    }
                }
            }
        }
        Ok(())
    }
}

/// Text from a person or a proposal (a reason, a name, a hypothesis, evidence), as it is kept, audited and
/// reported: secrets redacted ([`crate::redact`]), then cut to [`MAX_TEXT`] characters.
fn clip(text: &str) -> String {
    let text = crate::redact::redact(text);
    if text.chars().count() <= MAX_TEXT {
        text.into_owned()
    } else {
        let mut clipped: String = text.chars().take(MAX_TEXT - 1).collect();
        clipped.push('…');
        clipped
    }
}

/// Ends an experiment in `status` for `reason` at `now`: its stage is 100 when it shipped, else 0 (no chat gets
/// the treatment any more).
fn close(experiment: &mut Experiment, status: ExperimentStatus, reason: String, now: u64) {
    experiment.stage = if status == ExperimentStatus::Shipped {
        100
    } else {
        0
    };
    experiment.status = status;
    experiment.reason = reason;
    experiment.updated_at_ms = now;
    experiment.decided_at_ms = Some(now);
}

/// The stage record of `percent` in `experiment`, added when missing.
fn stage_mut(experiment: &mut Experiment, percent: u8, now_ms: u64) -> &mut StageRecord {
    if let Some(index) = experiment
        .stages
        .iter()
        .position(|stage| stage.percent == percent)
    {
        return &mut experiment.stages[index];
    }
    experiment.stages.push(StageRecord {
        percent,
        started_at_ms: now_ms,
        control: ArmRecord::default(),
        treatment: ArmRecord::default(),
    });
    experiment.stages.last_mut().expect("just pushed")
}

fn arm_mut(stage: &mut StageRecord, variant: Variant) -> &mut ArmRecord {
    match variant {
        Variant::Control => &mut stage.control,
        Variant::Treatment => &mut stage.treatment,
    }
}

/// Adds `sign` × the values to an arm's tallies.
fn tally(arm: &mut ArmRecord, values: &BTreeMap<String, f64>, sign: f64) {
    for (metric, value) in values {
        let entry = arm.metrics.entry(metric.clone()).or_default();
        if sign > 0.0 {
            entry.n += 1;
        } else {
            entry.n = entry.n.saturating_sub(1);
        }
        entry.sum += sign * value;
        entry.sum_sq += sign * value * value;
    }
}

impl ExperimentManagerArgs {
    fn now(&self) -> u64 {
        self.clock.now()
    }

    /// Checks that the values of a variant, set at once over the values in force, keep each warning threshold
    /// below its danger threshold, also for a chat in the treatments of other `open` experiments (any of
    /// them; `own_id`, the variant's own experiment, is not another).
    fn consistent(
        &self,
        set: &ParameterSet,
        values: &[(String, f64)],
        open: &[Experiment],
        own_id: &str,
    ) -> Result<(), String> {
        variant::check_combinations(
            &self.thresholds_in_force(set),
            values,
            &treatments(open, own_id),
        )
    }

    /// Why the values of a variant, set over the values in force (with any subset of the treatments of the
    /// `running` experiments but `own_id`), would themselves put a warning at or above its danger; `None`
    /// when every pair out of order is so without them too.
    fn blamed(
        &self,
        set: &ParameterSet,
        values: &[(String, f64)],
        running: &[Experiment],
        own_id: &str,
    ) -> Option<variant::Blame> {
        variant::blame(
            &self.thresholds_in_force(set),
            values,
            &treatments(running, own_id),
        )
    }

    /// The risk thresholds in force: the node's, with the values the parameter store set.
    fn thresholds_in_force(&self, set: &ParameterSet) -> crate::RiskThresholds {
        let mut thresholds = (*self.base).clone();
        for spec in &catalogue::PARAMETERS {
            if let Some(current) = self.in_force(set, spec.name) {
                catalogue::write(&mut thresholds, spec.name, current);
            }
        }
        thresholds
    }

    /// The value of parameter `name` in force: the one the parameter store set, else the node's.
    fn in_force(&self, set: &ParameterSet, name: &str) -> Option<f64> {
        set.values
            .get(name)
            .map(|entry| entry.value)
            .or_else(|| catalogue::read(&self.base, name))
    }

    async fn record(
        &self,
        action: &'static str,
        experiment: &Experiment,
        by: &str,
        evidence: Vec<String>,
    ) {
        self.metrics.record_kaizen_decision(action);
        self.audit_only(action, experiment, by, evidence).await;
    }

    /// Appends an entry to the audit (and publishes it) without counting it as a decision.
    async fn audit_only(
        &self,
        action: &'static str,
        experiment: &Experiment,
        by: &str,
        evidence: Vec<String>,
    ) {
        let entry = AuditEntry {
            at_ms: self.now(),
            action: action.to_owned(),
            experiment_id: experiment.id.clone(),
            parameter: experiment.parameter.clone(),
            values: [experiment.control, experiment.treatment],
            changes: experiment.changes(),
            by: by.to_owned(),
            reason: experiment.reason.clone(),
            evidence,
        };
        self.publish(&entry).await;
    }

    async fn publish(&self, entry: &AuditEntry) {
        if let Err(error) = self.store.audit(entry).await {
            warn!(%error, action = %entry.action, experiment = %entry.experiment_id, "failed to append to the kaizen audit");
        }
        self.emitter.emit(
            "kaizen",
            &entry.action,
            None,
            serde_json::to_value(entry).unwrap_or_default(),
        );
        let parameters = entry
            .changes
            .iter()
            .map(|change| {
                format!(
                    "{} {} → {}",
                    change.parameter, change.control, change.treatment
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        info!(action = %entry.action, experiment = %entry.experiment_id, %parameters, reason = %entry.reason, "kaizen");
    }

    async fn propose(&self, request: ProposeRequest) -> ExperimentResult<Experiment> {
        let now = self.now();
        let proposed: Vec<(String, f64)> = if request.changes.is_empty() {
            vec![(request.parameter.clone(), request.treatment)]
        } else {
            request
                .changes
                .iter()
                .map(|change| (change.parameter.clone(), change.value))
                .collect()
        };
        if proposed.len() > catalogue::PARAMETERS.len() {
            return Err(ExperimentError::BadRequest(format!(
                "a proposal sets at most {} parameters, not {}",
                catalogue::PARAMETERS.len(),
                proposed.len()
            )));
        }
        let mut specs: Vec<&'static catalogue::ParameterSpec> = Vec::with_capacity(proposed.len());
        for (name, _) in &proposed {
            let spec = catalogue::parameter(name).ok_or_else(|| {
                ExperimentError::BadRequest(format!(
                    "{name:?} is not a parameter the loop may change; the parameters are {}",
                    catalogue::PARAMETERS.map(|spec| spec.name).join(", ")
                ))
            })?;
            if specs.iter().any(|earlier| earlier.name == spec.name) {
                return Err(ExperimentError::BadRequest(format!(
                    "{name} is set twice in one proposal"
                )));
            }
            specs.push(spec);
        }
        let spec = specs[0];
        let primary_name = request.primary.as_deref().unwrap_or(spec.primary);
        let primary = catalogue::metric(primary_name).ok_or_else(|| {
            ExperimentError::BadRequest(format!(
                "{primary_name:?} is not a metric; the metrics are {}",
                catalogue::METRICS.map(|metric| metric.name).join(", ")
            ))
        })?;
        if request.source.trim().is_empty() {
            return Err(ExperimentError::BadRequest(
                "a proposal names its source (detector:<rule> or person:<name>)".to_owned(),
            ));
        }
        let parameters = self.store.parameters().await?;
        let mut changes = Vec::with_capacity(specs.len());
        for (each, (_, treatment)) in specs.iter().zip(&proposed) {
            let control = self.in_force(&parameters, each.name).ok_or_else(|| {
                ExperimentError::BadRequest(format!("{} has no value", each.name))
            })?;
            changes.push(ParameterChange {
                parameter: each.name.to_owned(),
                control,
                treatment: *treatment,
            });
        }
        let (all, _) = self.store.experiments(MAX_LISTED).await?;
        let by_person = request.source.starts_with("person:");
        // Started by the loop itself: it ran (its stages are made when it starts at 10%) and nobody approved
        // it. One stopped while it waited for approval never ran, whatever its status says now.
        let auto_today = all
            .iter()
            .filter(|each| {
                each.approved_by.is_none()
                    && !each.stages.is_empty()
                    && each.created_at_ms + DAY_MS > now
            })
            .count() as u32;
        let mut guardrails = Vec::new();
        // A routing change is also held to the users' own judgement: never more overrides.
        let quality = specs
            .iter()
            .any(|each| each.kind == ChangeKind::Routing)
            .then_some(("override_rate", 0.0));
        for (name, margin) in [
            ("interrupted", 0.0),
            ("cost_usd", self.settings.max_cost_increase),
            ("latency_ms", self.settings.max_latency_increase),
        ]
        .into_iter()
        .chain(quality)
        {
            if name != primary.name
                && let Some(metric) = catalogue::metric(name)
            {
                guardrails.push(GuardrailSpec {
                    metric: metric.spec(),
                    margin,
                });
            }
        }
        let mut experiment = Experiment {
            id: String::new(),
            parameter: spec.name.to_owned(),
            control: changes[0].control,
            treatment: changes[0].treatment,
            changes: changes.clone(),
            hypothesis: clip(&request.hypothesis),
            evidence: request
                .evidence
                .iter()
                .take(MAX_EVIDENCE)
                .map(|line| clip(line))
                .collect(),
            source: clip(&request.source),
            primary: primary.spec(),
            guardrails,
            plan: shim_protocol::messages::ExperimentPlan {
                baseline: request.baseline.unwrap_or(0.0),
                baseline_sd: request.baseline_sd,
                mde: self.settings.minimum_effect,
                alpha: self.settings.alpha,
                power: self.settings.power,
                units_per_arm: 0,
                canary_units: 0,
            },
            status: ExperimentStatus::Refused,
            stage: 0,
            stages: Vec::new(),
            looks: Vec::new(),
            effect: None,
            reason: String::new(),
            approved_by: None,
            created_at_ms: now,
            updated_at_ms: now,
            decided_at_ms: None,
        };
        let open = self.store.open_experiments().await?;
        let open_on_same = changes.iter().find_map(|change| {
            open.iter()
                .find(|each| each.changes_parameter(&change.parameter))
                .map(|each| (change.parameter.as_str(), each))
        });
        let triples: Vec<(&str, f64, f64)> = changes
            .iter()
            .map(|change| (change.parameter.as_str(), change.control, change.treatment))
            .collect();
        let judged = match open_on_same {
            Some((name, open)) => Err(format!(
                "{name} is already being tested by {} ({})",
                open.id,
                open.status.as_str()
            )),
            None if !by_person && !self.settings.enabled => Err(
                "the loop does not start experiments by itself here ([kaizen] enabled = false); a person's \
                 proposal still may"
                    .to_owned(),
            ),
            None => self
                .settings
                .check_variant(&triples, auto_today, by_person)
                .and_then(|approval| {
                    self.consistent(&parameters, &proposed, &open, "")?;
                    Ok(approval)
                })
                .and_then(|approval| {
                    let baseline = request.baseline.ok_or_else(|| {
                        format!("the proposal gives no baseline of {}", primary.name)
                    })?;
                    evaluate::plan(primary, baseline, request.baseline_sd, &self.settings)
                        .map(|plan| (approval, plan))
                }),
        };
        match judged {
            Err(reason) => {
                experiment.reason = clip(&reason);
                experiment.decided_at_ms = Some(now);
            }
            Ok((approval, plan)) => {
                experiment.plan = plan;
                match approval {
                    Approval::Person => {
                        experiment.status = ExperimentStatus::AwaitingApproval;
                        experiment.reason = self.approval_reason(&specs);
                    }
                    Approval::Auto => {
                        experiment.status = ExperimentStatus::Running;
                        experiment.stage = 10;
                        stage_mut(&mut experiment, 10, now);
                        experiment.reason = "started at 10% within the safety bounds".to_owned();
                    }
                }
            }
        }
        // The next number after the newest listed; a taken one (a race with another node) moves on.
        let mut number = all
            .iter()
            .filter_map(|each| each.id.strip_prefix("exp-")?.parse::<usize>().ok())
            .max()
            .unwrap_or(0)
            + 1;
        loop {
            experiment.id = format!("exp-{number}");
            if self.store.create_experiment(&experiment).await? {
                break;
            }
            number += 1;
        }
        self.record(
            "proposed",
            &experiment,
            &experiment.source.clone(),
            experiment.evidence.clone(),
        )
        .await;
        match experiment.status {
            ExperimentStatus::Refused => self.record("refused", &experiment, BY_LOOP, vec![]).await,
            ExperimentStatus::Running => {
                let plan = plan_line(&experiment);
                self.record("started", &experiment, BY_LOOP, vec![plan])
                    .await
            }
            _ => {}
        }
        Ok(experiment)
    }

    /// Changes experiment `id` if it is in one of `from`; the experiment as written.
    async fn transition(
        &self,
        id: &str,
        from: &[ExperimentStatus],
        verb: &str,
        change: &mut (dyn FnMut(&mut Experiment) + Send),
    ) -> ExperimentResult<Experiment> {
        validate_id("experiment id", id)?;
        let mut refused = None;
        let mut apply = |experiment: &mut Experiment| {
            if !from.contains(&experiment.status) {
                refused = Some(format!(
                    "{} is {}; only {} can be {verb}",
                    experiment.id,
                    experiment.status.as_str(),
                    from.iter()
                        .map(|status| status.as_str())
                        .collect::<Vec<_>>()
                        .join(" or ")
                ));
                return Ok(false);
            }
            change(experiment);
            Ok(true)
        };
        match self.store.update_experiment(id, &mut apply).await? {
            Some(experiment) => Ok(experiment),
            None => match refused {
                Some(message) => Err(ExperimentError::WrongState(message)),
                None => Err(ExperimentError::NotFound(id.to_owned())),
            },
        }
    }

    /// Why a variant of `specs` waits for a person: the kinds of change whose approval class requires it,
    /// else that a person proposed it.
    fn approval_reason(&self, specs: &[&catalogue::ParameterSpec]) -> String {
        let needing = self
            .settings
            .kinds_needing_approval(specs.iter().map(|spec| spec.name));
        if needing.is_empty() {
            return "a person's proposal waits for a person's approval (shim-node experiments approve ID)"
                .to_owned();
        }
        let kinds: Vec<&str> = needing.into_iter().map(ChangeKind::as_str).collect();
        format!(
            "{} changes need a person's approval (shim-node experiments approve ID)",
            kinds.join(" and ")
        )
    }

    /// Why a person acts, as they said it.
    fn why(request: &ExperimentIdRequest) -> String {
        request
            .reason
            .as_deref()
            .map(clip)
            .unwrap_or_else(|| "no reason given".to_owned())
    }

    fn person(request: &ExperimentIdRequest) -> String {
        request
            .by
            .as_deref()
            .filter(|by| !by.trim().is_empty())
            .map(clip)
            .unwrap_or_else(|| "a person".to_owned())
    }

    async fn approve(&self, request: ExperimentIdRequest) -> ExperimentResult<Experiment> {
        let now = self.now();
        let by = Self::person(&request);
        // The bounds may have narrowed, or the parameter changed, since it was proposed: judged again.
        let waiting = show(&*self.store, &request.id).await?;
        if waiting.status == ExperimentStatus::AwaitingApproval {
            let parameters = self.store.parameters().await?;
            let changes = waiting.changes();
            for change in &changes {
                let control = self.in_force(&parameters, &change.parameter);
                if control != Some(change.control) {
                    return Err(ExperimentError::WrongState(format!(
                        "{} is now {} (it was {} when {} was proposed); stop it and let a new proposal \
                         start from the current value",
                        change.parameter,
                        control.unwrap_or_default(),
                        change.control,
                        waiting.id
                    )));
                }
            }
            let triples: Vec<(&str, f64, f64)> = changes
                .iter()
                .map(|change| (change.parameter.as_str(), change.control, change.treatment))
                .collect();
            let values: Vec<(String, f64)> = changes
                .iter()
                .map(|change| (change.parameter.clone(), change.treatment))
                .collect();
            let open = self.store.open_experiments().await?;
            self.settings
                .check_variant(&triples, 0, true)
                .and_then(|_| self.consistent(&parameters, &values, &open, &waiting.id))
                .map_err(ExperimentError::WrongState)?;
        }
        let experiment = self
            .transition(
                &request.id,
                &[ExperimentStatus::AwaitingApproval],
                "approved",
                &mut |experiment| {
                    experiment.status = ExperimentStatus::Running;
                    experiment.stage = 10;
                    experiment.stages.clear();
                    stage_mut(experiment, 10, now);
                    experiment.approved_by = Some(by.clone());
                    experiment.reason = format!("approved by {by}; started at 10%");
                    experiment.updated_at_ms = now;
                },
            )
            .await?;
        self.record("approved", &experiment, &by, vec![]).await;
        self.record(
            "started",
            &experiment,
            BY_LOOP,
            vec![plan_line(&experiment)],
        )
        .await;
        Ok(experiment)
    }

    async fn stop(&self, request: ExperimentIdRequest) -> ExperimentResult<Experiment> {
        let now = self.now();
        let (by, why) = (Self::person(&request), Self::why(&request));
        let experiment = self
            .transition(
                &request.id,
                &[
                    ExperimentStatus::AwaitingApproval,
                    ExperimentStatus::Running,
                ],
                "stopped",
                &mut |experiment| {
                    let reason = format!("stopped by {by}: {why}");
                    close(experiment, ExperimentStatus::Stopped, reason, now)
                },
            )
            .await?;
        self.record("stopped", &experiment, &by, vec![]).await;
        Ok(experiment)
    }

    /// Refuses a revert of `shipped` that would pull a value from under a running experiment: one testing a
    /// parameter it would put back (measured against the value in force, whose comparison and shipped value
    /// that would spoil), or one whose treatment would no longer keep each warning below its danger. Only
    /// the parameters it still holds would move.
    async fn check_revert(&self, shipped: &Experiment) -> ExperimentResult<()> {
        let parameters = self.store.parameters().await?;
        let back: Vec<ParameterChange> = shipped
            .changes()
            .into_iter()
            .filter(|change| {
                parameters
                    .values
                    .get(&change.parameter)
                    .is_some_and(|entry| {
                        entry.improvement_id.as_deref() == Some(shipped.id.as_str())
                    })
            })
            .collect();
        if back.is_empty() {
            return Ok(());
        }
        let mut after = parameters.clone();
        for change in &back {
            if let Some(entry) = after.values.get_mut(&change.parameter) {
                entry.value = change.control;
            }
        }
        // The values put back, for everyone: a later improvement may have moved a threshold past them.
        let put_back: Vec<(String, f64)> = back
            .iter()
            .map(|change| (change.parameter.clone(), change.control))
            .collect();
        if let Some(reason) = self.blamed(&parameters, &put_back, &[], "") {
            // Who set the thresholds it would meet: a later improvement, or the node's settings or a hand.
            let setters: Vec<String> = after
                .values
                .iter()
                .filter(|(name, _)| !back.iter().any(|change| change.parameter == **name))
                .filter_map(|(name, entry)| {
                    let by = entry.improvement_id.as_deref()?;
                    reason.pair.involves(name).then(|| format!("{by} set it"))
                })
                .collect();
            let setter = if setters.is_empty() {
                "the node's [risk] settings or a hand set it".to_owned()
            } else {
                setters.join(", ")
            };
            return Err(ExperimentError::WrongState(format!(
                "reverting {} would leave the thresholds in force for everyone unsafe ({reason}); move the other \
                 threshold first ({setter})",
                shipped.id
            )));
        }
        let running = self.running().await?;
        for other in &running {
            if let Some(change) = back
                .iter()
                .find(|change| other.changes_parameter(&change.parameter))
            {
                return Err(ExperimentError::WrongState(format!(
                    "{} is being tested by {}, which started from the value {} shipped; stop {} first \
                     (shim-node experiments stop {}), then revert {}",
                    change.parameter, other.id, shipped.id, other.id, other.id, shipped.id
                )));
            }
            let treatment: Vec<(String, f64)> = other
                .changes()
                .into_iter()
                .map(|change| (change.parameter, change.treatment))
                .collect();
            if self
                .blamed(&parameters, &treatment, &running, &other.id)
                .is_none()
                && let Some(reason) = self.blamed(&after, &treatment, &running, &other.id)
            {
                return Err(ExperimentError::WrongState(format!(
                    "reverting {} would leave the chats in {}'s treatment with unsafe thresholds ({reason}); \
                     stop {} first (shim-node experiments stop {}), then revert {}",
                    shipped.id, other.id, other.id, other.id, shipped.id
                )));
            }
        }
        Ok(())
    }

    async fn revert(&self, request: ExperimentIdRequest) -> ExperimentResult<Experiment> {
        let now = self.now();
        let (by, why) = (Self::person(&request), Self::why(&request));
        let shipped = show(&*self.store, &request.id).await?;
        if shipped.status == ExperimentStatus::Shipped {
            self.check_revert(&shipped).await?;
        }
        let experiment = self
            .transition(
                &request.id,
                &[ExperimentStatus::Shipped],
                "reverted",
                &mut |experiment| {
                    let reason = format!("reverted by {by}: {why}");
                    close(experiment, ExperimentStatus::Reverted, reason, now)
                },
            )
            .await?;
        let parameters = self.store.parameters().await?;
        // Every experiment, not the newest 200 a list shows: the improvement that set a value before may have
        // shipped long ago, behind many refused proposals (the store reads every record either way).
        let (experiments, _) = self.store.experiments(usize::MAX).await?;
        let mut back = Vec::new();
        let mut evidence = Vec::new();
        for change in experiment.changes() {
            let still_ours = parameters
                .values
                .get(&change.parameter)
                .is_some_and(|entry| {
                    entry.improvement_id.as_deref() == Some(experiment.id.as_str())
                });
            if still_ours {
                back.push(change);
            } else {
                evidence.push(format!(
                    "{} was changed again since; its value stays",
                    change.parameter
                ));
            }
        }
        if !back.is_empty() {
            // Every parameter it set goes back in one version of the store.
            let entries = back
                .iter()
                .map(|change| {
                    let entry = ParameterEntry {
                        value: change.control,
                        version: 0,
                        set_at_ms: now,
                        improvement_id: owner_before(&experiments, &experiment.id, change),
                    };
                    (change.parameter.clone(), entry)
                })
                .collect();
            match self.store.set_parameters(entries).await {
                Ok(written) => {
                    for change in &back {
                        evidence.push(format!(
                            "{} back to {} (parameter store version {})",
                            change.parameter, change.control, written.version
                        ));
                    }
                }
                // Reverted either way (the experiment says so): audited now, and the values follow when the
                // store is brought in line, which audits that too.
                Err(error) => {
                    evidence.push(unwritten(&error));
                    self.record("reverted", &experiment, &by, evidence).await;
                    return Err(error);
                }
            }
        }
        self.record("reverted", &experiment, &by, evidence).await;
        Ok(experiment)
    }

    async fn parameters(&self) -> ExperimentResult<ParameterList> {
        let set = self.store.parameters().await?;
        let parameters = catalogue::PARAMETERS
            .iter()
            .map(|spec| {
                let default = catalogue::default_value(spec.name).unwrap_or_default();
                let entry = set.values.get(spec.name);
                ParameterValue {
                    name: spec.name.to_owned(),
                    value: self.in_force(&set, spec.name).unwrap_or(default),
                    default,
                    version: entry.map_or(0, |entry| entry.version),
                    set_at_ms: entry.map_or(0, |entry| entry.set_at_ms),
                    improvement_id: entry.and_then(|entry| entry.improvement_id.clone()),
                    bounds: self.settings.bounds_of(spec),
                    approval: self.settings.approval_of(spec.kind).to_owned(),
                }
            })
            .collect();
        Ok(ParameterList {
            version: set.version,
            parameters,
        })
    }

    fn check_batch(ids: &[String]) -> ExperimentResult<()> {
        if ids.len() > MAX_BATCH {
            return Err(ExperimentError::BadRequest(format!(
                "{} chats in one request; the limit is {MAX_BATCH}",
                ids.len()
            )));
        }
        for id in ids {
            validate_id("chat id", id)?;
        }
        Ok(())
    }

    async fn running(&self) -> ExperimentResult<Vec<Experiment>> {
        Ok(self
            .store
            .open_experiments()
            .await?
            .into_iter()
            .filter(in_a_stage)
            .collect())
    }

    async fn assign(&self, request: AssignRequest) -> ExperimentResult<AssignReply> {
        Self::check_batch(&request.chat_ids)?;
        let now = self.now();
        let parameters = self.store.parameters().await?;
        // Every parameter's value in force, so a chat runs with the same values whichever node answered.
        let base: BTreeMap<String, f64> = catalogue::PARAMETERS
            .iter()
            .filter_map(|spec| {
                self.in_force(&parameters, spec.name)
                    .map(|value| (spec.name.to_owned(), value))
            })
            .collect();
        let mut chats: Vec<ChatParameters> = request
            .chat_ids
            .iter()
            .map(|chat_id| ChatParameters {
                chat_id: chat_id.clone(),
                values: base.clone(),
                assignments: Vec::new(),
            })
            .collect();
        if request.chat_ids.is_empty() {
            return Ok(AssignReply { chats });
        }
        // Per chat, the parameters the treatments of the automatic experiments taken so far change: the
        // per-chat cap ([`variant::place`]), taking experiments in the order they started.
        let mut changed = vec![0usize; chats.len()];
        let mut running = self.running().await?;
        running.sort_by_key(start_order);
        for experiment in running {
            let changes = experiment.changes();
            let automatic = experiment.approved_by.is_none();
            let units = request
                .chat_ids
                .iter()
                .zip(&changed)
                .map(|(chat_id, &changed_so_far)| {
                    let hashed = assignment::variant(
                        assignment::position(&experiment.id, chat_id),
                        experiment.stage,
                    );
                    let placement = variant::place(
                        hashed,
                        automatic,
                        changes.len(),
                        changed_so_far,
                        self.settings.max_auto_changes_per_chat,
                    );
                    let value = match placement.variant {
                        Variant::Control => experiment.control,
                        Variant::Treatment => experiment.treatment,
                    };
                    (
                        chat_id.clone(),
                        UnitRecord {
                            variant: placement.variant,
                            stage: experiment.stage,
                            value,
                            capped: placement.capped,
                            observed: BTreeMap::new(),
                            assigned_at_ms: now,
                        },
                    )
                })
                .collect();
            let claimed = self.store.claim_units(&experiment.id, units).await?;
            let mut exposed: BTreeMap<(u8, Variant), u64> = BTreeMap::new();
            for ((chat, (unit, created)), changed_so_far) in
                chats.iter_mut().zip(&claimed).zip(changed.iter_mut())
            {
                if *created && !unit.capped {
                    *exposed.entry((unit.stage, unit.variant)).or_default() += 1;
                }
                if automatic && unit.variant == Variant::Treatment {
                    *changed_so_far += changes.len();
                }
                let mut values = BTreeMap::new();
                for change in &changes {
                    let value = match unit.variant {
                        Variant::Control => change.control,
                        Variant::Treatment => change.treatment,
                    };
                    chat.values.insert(change.parameter.clone(), value);
                    values.insert(change.parameter.clone(), value);
                }
                chat.assignments.push(Assignment {
                    experiment_id: experiment.id.clone(),
                    parameter: experiment.parameter.clone(),
                    variant: unit.variant,
                    value: unit.value,
                    stage: unit.stage,
                    values,
                    capped: unit.capped,
                });
            }
            for (&(_, variant), &count) in &exposed {
                self.metrics
                    .record_kaizen_exposures(variant.as_str(), count);
            }
            if !exposed.is_empty() {
                self.store
                    .update_experiment(&experiment.id, &mut |record: &mut Experiment| {
                        for (&(stage, variant), &count) in &exposed {
                            arm_mut(stage_mut(record, stage, now), variant).exposed += count;
                        }
                        record.updated_at_ms = now;
                        Ok(true)
                    })
                    .await?;
            }
        }
        Ok(AssignReply { chats })
    }

    async fn observe(&self, request: ObserveRequest) -> ExperimentResult<ObserveReply> {
        let chat_ids: Vec<String> = request
            .observations
            .iter()
            .map(|observation| observation.chat_id.clone())
            .collect();
        Self::check_batch(&chat_ids)?;
        for observation in &request.observations {
            // A unit with no values counts as not yet observed, so an empty observation could be counted but
            // never taken out again.
            if observation.metrics.is_empty() {
                return Err(ExperimentError::BadRequest(format!(
                    "the observation of chat {} names no metric",
                    observation.chat_id
                )));
            }
            for (metric, value) in &observation.metrics {
                let Some(def) = catalogue::metric(metric) else {
                    return Err(ExperimentError::BadRequest(format!(
                        "{metric:?} is not a metric; the metrics are {}",
                        catalogue::METRICS.map(|metric| metric.name).join(", ")
                    )));
                };
                let valid = value.is_finite()
                    && value.abs() <= catalogue::MAX_METRIC_VALUE
                    && (def.kind == shim_protocol::messages::MetricKind::Mean
                        || *value == 0.0
                        || *value == 1.0);
                if !valid {
                    return Err(ExperimentError::BadRequest(format!(
                        "{metric} = {value} for chat {}: a rate is 0 or 1, a mean a finite number up to 1e12",
                        observation.chat_id
                    )));
                }
            }
        }
        let now = self.now();
        let mut reply = ObserveReply::default();
        let mut in_any = vec![false; chat_ids.len()];
        for experiment in self.running().await? {
            let units = self.store.units(&experiment.id, &chat_ids).await?;
            let mut changed: Vec<(String, UnitRecord)> = Vec::new();
            // Where each chat is in `changed`: a chat named twice in one request has its later values
            // replace the earlier ones, as a later request's would, and is written once.
            let mut index_of: BTreeMap<&str, usize> = BTreeMap::new();
            // (stage, variant) → (values to take out, values to add)
            let mut deltas: Vec<(u8, Variant, BTreeMap<String, f64>, f64)> = Vec::new();
            let counted_before = reply.counted;
            for ((observation, unit_opt), seen) in request
                .observations
                .iter()
                .zip(units)
                .zip(in_any.iter_mut())
            {
                // A chat the per-chat cap kept in the control is not in the experiment's statistics.
                let Some(stored) = unit_opt.filter(|unit| !unit.capped) else {
                    continue;
                };
                *seen = true;
                reply.counted += 1;
                let index_opt = index_of.get(observation.chat_id.as_str()).copied();
                let mut unit = match index_opt {
                    Some(index) => changed[index].1.clone(),
                    None => stored,
                };
                if !unit.observed.is_empty() {
                    deltas.push((unit.stage, unit.variant, unit.observed.clone(), -1.0));
                }
                unit.observed = observation.metrics.clone();
                deltas.push((unit.stage, unit.variant, unit.observed.clone(), 1.0));
                match index_opt {
                    Some(index) => changed[index].1 = unit,
                    None => {
                        index_of.insert(&observation.chat_id, changed.len());
                        changed.push((observation.chat_id.clone(), unit));
                    }
                }
            }
            if changed.is_empty() {
                continue;
            }
            self.store.put_units(&experiment.id, &changed).await?;
            self.store
                .update_experiment(&experiment.id, &mut |record: &mut Experiment| {
                    for (stage, variant, values, sign) in &deltas {
                        let arm = arm_mut(stage_mut(record, *stage, now), *variant);
                        if *sign > 0.0 {
                            arm.observed += 1;
                        } else {
                            arm.observed = arm.observed.saturating_sub(1);
                        }
                        tally(arm, values, *sign);
                    }
                    record.updated_at_ms = now;
                    Ok(true)
                })
                .await?;
            self.metrics
                .record_kaizen_observations(reply.counted - counted_before);
        }
        reply.ignored = in_any.iter().filter(|seen| !**seen).count() as u64;
        Ok(reply)
    }

    /// Makes the parameter store agree with the experiments: a ship or revert whose second write (the
    /// parameter) failed after its first (the status) is finished here. The newest decision on a parameter
    /// wins.
    async fn reconcile(&self) {
        // Every experiment, as for a revert: the newest decision on a parameter may be old.
        let (experiments, _) = match self.store.experiments(usize::MAX).await {
            Ok(listed) => listed,
            Err(error) => {
                warn!(%error, "could not read the experiments to reconcile the parameter store");
                return;
            }
        };
        let Ok(parameters) = self.store.parameters().await else {
            return;
        };
        let now = self.now();
        // Per parameter, the newest decision on it, with the change that experiment made to it.
        let mut newest: BTreeMap<String, (&Experiment, ParameterChange)> = BTreeMap::new();
        for experiment in &experiments {
            if !matches!(
                experiment.status,
                ExperimentStatus::Shipped | ExperimentStatus::Reverted
            ) {
                continue;
            }
            for change in experiment.changes() {
                match newest.get(&change.parameter) {
                    Some((held, _)) if held.decided_at_ms >= experiment.decided_at_ms => {}
                    _ => {
                        newest.insert(change.parameter.clone(), (experiment, change));
                    }
                }
            }
        }
        let mut entries = Vec::new();
        let mut lagging: Vec<(&Experiment, String, f64)> = Vec::new();
        for (parameter, (experiment, change)) in newest {
            let entry_opt = parameters.values.get(&parameter);
            let holder = entry_opt.and_then(|entry| entry.improvement_id.as_deref());
            let wanted = match experiment.status {
                ExperimentStatus::Shipped if holder != Some(experiment.id.as_str()) => {
                    Some((change.treatment, Some(experiment.id.clone())))
                }
                ExperimentStatus::Reverted if holder == Some(experiment.id.as_str()) => Some((
                    change.control,
                    owner_before(&experiments, &experiment.id, &change),
                )),
                _ => None,
            };
            let Some((value, improvement_id)) = wanted else {
                continue;
            };
            warn!(
                experiment = %experiment.id,
                %parameter,
                value,
                "the parameter store lagged behind a decision; bringing it in line"
            );
            lagging.push((experiment, parameter.clone(), value));
            entries.push((
                parameter,
                ParameterEntry {
                    value,
                    version: 0,
                    set_at_ms: now,
                    improvement_id,
                },
            ));
        }
        if entries.is_empty() {
            return;
        }
        match self.store.set_parameters(entries).await {
            Ok(set) => {
                warn!(
                    version = set.version,
                    "the parameter store is in line again"
                );
                // Every value set for everyone is audited, this one too.
                for (experiment, parameter, value) in lagging {
                    let evidence = vec![format!(
                        "{parameter} = {value} for everyone, as the experiment's decision says (parameter store version {}; it had not been written)",
                        set.version
                    )];
                    self.audit_only("reconciled", experiment, BY_LOOP, evidence)
                        .await;
                }
            }
            Err(error) => warn!(%error, "could not reconcile the parameter store"),
        }
    }

    /// Why experiment `running` may no longer go on (nor ship): its values outside the safety bounds in
    /// force now (narrowed since it started), or a parameter whose value in the store is no longer the
    /// control it is measured against.
    fn out_of_bounds(
        &self,
        running: &Experiment,
        parameters: &ParameterSet,
        others: &[Experiment],
    ) -> Option<String> {
        let changes = running.changes();
        let triples: Vec<(&str, f64, f64)> = changes
            .iter()
            .map(|change| (change.parameter.as_str(), change.control, change.treatment))
            .collect();
        if let Err(reason) = self.settings.check_variant(&triples, 0, true) {
            return Some(format!("stopped by the loop: {reason} now"));
        }
        // Only for what its own treatment puts out of order: a `[risk]` setting at odds with a shipped value, or
        // another treatment's own, stops nothing.
        let treatment: Vec<(String, f64)> = changes
            .iter()
            .map(|change| (change.parameter.clone(), change.treatment))
            .collect();
        if let Some(reason) = self.blamed(parameters, &treatment, others, &running.id) {
            return Some(format!("stopped by the loop: {reason} now"));
        }
        changes.iter().find_map(|change| {
            let entry = parameters.values.get(&change.parameter)?;
            (entry.value != change.control).then(|| {
                format!(
                    "stopped by the loop: {} is {} for everyone now, not the {} it was measured against",
                    change.parameter, entry.value, change.control
                )
            })
        })
    }

    async fn tick(&self, now: u64) -> ExperimentResult<Vec<AuditEntry>> {
        let mut decided = Vec::new();
        let parameters = self.store.parameters().await?;
        let mut running = self.running().await?;
        for experiment in running.clone() {
            if let Some(reason) = self.out_of_bounds(&experiment, &parameters, &running) {
                // Stopped, it no longer counts against the others.
                running.retain(|other| other.id != experiment.id);
                let stopped = self
                    .transition(
                        &experiment.id,
                        &[ExperimentStatus::Running],
                        "stopped",
                        &mut |record| close(record, ExperimentStatus::Stopped, reason.clone(), now),
                    )
                    .await;
                match stopped {
                    Ok(written) => {
                        let entry = decision_entry(now, "stopped", &written, Vec::new());
                        self.metrics.record_kaizen_decision("stopped");
                        self.publish(&entry).await;
                        decided.push(entry);
                    }
                    // Another node decided first.
                    Err(ExperimentError::WrongState(_)) => {}
                    Err(error) => return Err(error),
                }
                continue;
            }
            let verdict = evaluate::evaluate(&experiment, &self.settings, now);
            let Some(look) = verdict.look.clone() else {
                continue;
            };
            let looks_before = experiment.looks.len();
            let Verdict {
                decision,
                effect,
                evidence,
                ..
            } = verdict;
            let mut apply = |record: &mut Experiment| {
                if record.looks.len() != looks_before || record.status != ExperimentStatus::Running
                {
                    // Another node looked first.
                    return Ok(false);
                }
                record.looks.push(look.clone());
                if effect.is_some() {
                    record.effect = effect.clone();
                }
                record.updated_at_ms = now;
                match &decision {
                    Decision::Continue => {}
                    Decision::Advance => {
                        record.stage = 50;
                        stage_mut(record, 50, now);
                        record.reason = "the 10% stage showed no harm; at 50%".to_owned();
                    }
                    Decision::Ship => close(
                        record,
                        ExperimentStatus::Shipped,
                        look.decision.clone(),
                        now,
                    ),
                    Decision::RollBack(why) => {
                        close(record, ExperimentStatus::RolledBack, why.clone(), now)
                    }
                    Decision::Stop(why) => {
                        close(record, ExperimentStatus::Stopped, why.clone(), now)
                    }
                }
                Ok(true)
            };
            let Some(written) = self
                .store
                .update_experiment(&experiment.id, &mut apply)
                .await?
            else {
                continue;
            };
            let mut evidence = evidence;
            let action = match decision {
                Decision::Continue => continue,
                Decision::Advance => "advanced",
                Decision::Ship => {
                    // Every value of the variant in one version of the store.
                    let changes = written.changes();
                    let entries = changes
                        .iter()
                        .map(|change| {
                            let entry = ParameterEntry {
                                value: change.treatment,
                                version: 0,
                                set_at_ms: now,
                                improvement_id: Some(written.id.clone()),
                            };
                            (change.parameter.clone(), entry)
                        })
                        .collect();
                    // Shipped either way: the audit says what was written, and a store that could not be
                    // written now is brought in line by the reconciliation, which audits it too.
                    match self.store.set_parameters(entries).await {
                        Ok(set) => {
                            for change in &changes {
                                evidence.push(format!(
                                    "{} = {} for everyone (parameter store version {})",
                                    change.parameter, change.treatment, set.version
                                ));
                            }
                        }
                        Err(error) => evidence.push(unwritten(&error)),
                    }
                    "shipped"
                }
                Decision::RollBack(_) => "rolled_back",
                Decision::Stop(_) => "stopped",
            };
            let entry = decision_entry(now, action, &written, evidence);
            self.metrics.record_kaizen_decision(action);
            self.publish(&entry).await;
            decided.push(entry);
        }
        Ok(decided)
    }
}

/// The treatments of `experiments` but `own_id`, each with its experiment's id.
fn treatments(experiments: &[Experiment], own_id: &str) -> Vec<(String, Vec<(String, f64)>)> {
    experiments
        .iter()
        .filter(|other| other.id != own_id)
        .map(|other| {
            let treatment = other
                .changes()
                .into_iter()
                .map(|change| (change.parameter, change.treatment))
                .collect();
            (other.id.clone(), treatment)
        })
        .collect()
}

/// True for an experiment running at 10% or 50%: one chats are assigned to and the loop looks at.
fn in_a_stage(experiment: &Experiment) -> bool {
    experiment.status == ExperimentStatus::Running && matches!(experiment.stage, 10 | 50)
}

/// The audit entry of the loop's `action` on experiment `written` at `now`.
fn decision_entry(
    now: u64,
    action: &str,
    written: &Experiment,
    evidence: Vec<String>,
) -> AuditEntry {
    AuditEntry {
        at_ms: now,
        action: action.to_owned(),
        experiment_id: written.id.clone(),
        parameter: written.parameter.clone(),
        values: [written.control, written.treatment],
        changes: written.changes(),
        by: BY_LOOP.to_owned(),
        reason: written.reason.clone(),
        evidence,
    }
}

/// Who set the value a revert of experiment `reverted` puts back with `change`: the newest other
/// experiment still shipped that changed the parameter to that value, else nobody (the node's own value).
fn owner_before(
    experiments: &[Experiment],
    reverted: &str,
    change: &ParameterChange,
) -> Option<String> {
    experiments
        .iter()
        .filter(|each| each.id != reverted && each.status == ExperimentStatus::Shipped)
        .filter_map(|each| {
            let set = each
                .changes()
                .into_iter()
                .find(|its| its.parameter == change.parameter)?;
            Some((each, set))
        })
        .max_by_key(|(each, _)| each.decided_at_ms)
        .filter(|(_, set)| set.treatment == change.control)
        .map(|(each, _)| each.id.clone())
}

/// The audit's evidence for a ship or revert whose write to the parameter store failed.
fn unwritten(error: &impl std::fmt::Display) -> String {
    format!(
        "the parameter store could not be written ({error}); the values follow when it is brought in line"
    )
}

/// When an experiment started assigning chats (its first stage), then its number: the order the per-chat cap
/// takes experiments in.
fn start_order(experiment: &Experiment) -> (u64, u64, String) {
    let started = experiment
        .stages
        .iter()
        .map(|stage| stage.started_at_ms)
        .min()
        .unwrap_or(experiment.created_at_ms);
    let number = experiment
        .id
        .strip_prefix("exp-")
        .and_then(|number| number.parse().ok())
        .unwrap_or(u64::MAX);
    (started, number, experiment.id.clone())
}

async fn list(store: &dyn KaizenStore) -> ExperimentResult<ExperimentList> {
    let (experiments, truncated) = store.experiments(MAX_LISTED).await?;
    Ok(ExperimentList {
        experiments,
        truncated,
    })
}

async fn show(store: &dyn KaizenStore, id: &str) -> ExperimentResult<Experiment> {
    validate_id("experiment id", id)?;
    store
        .experiment(id)
        .await?
        .ok_or_else(|| ExperimentError::NotFound(id.to_owned()))
}

/// One line of an experiment's plan.
pub fn plan_line(experiment: &Experiment) -> String {
    let plan = &experiment.plan;
    format!(
        "plan: {} chats per variant at 50% to find a {:.0}% change in {} (baseline {:.4}) with power {:.2} at \
         alpha {:.2}; the 10% stage first needs {} treated chats",
        plan.units_per_arm,
        plan.mde * 100.0,
        experiment.primary.name,
        plan.baseline,
        plan.power,
        plan.alpha,
        plan.canary_units
    )
}
