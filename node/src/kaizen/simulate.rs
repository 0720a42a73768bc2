//! `shim-node simulate kaizen`: the real loop on generated sessions, to show what it does (docs/kaizen.md).
//!
//! A run starts the real [`ExperimentManager`] actor with its JetStream store, under names of its own
//! ([`KaizenNames::simulation`]: its own buckets, audit stream and subjects, deleted at the end, so the real
//! experiments and parameters are never touched), serves it over NATS with the real service, and drives it
//! as the node would: the opportunity detector reads a week of generated sessions and proposes, and then
//! sessions come in batches: each batch's chats are assigned over NATS (`assign`), each chat's outcome is
//! generated from the parameter value it was given, the outcomes are observed over NATS (`observe`), and the
//! manager looks at its experiments (a tick) on the simulated clock, which advances 30 s per session.
//!
//! The generated world (every number here is the model, stated in docs/kaizen.md):
//! - a session is interrupted with probability 0.30 (whatever the parameters), and then has lost a
//!   Poisson(μ) number of tool calls since its last checkpoint, μ = 6 × (1 − effect × (5 − k) / 2) for a
//!   checkpoint every k calls: at k = 3 the treatment loses `effect` (default 25%) fewer calls. In the `aa`
//!   scenario μ = 6 for every k;
//! - API latency per session ~ Normal(1000 + 100 / k ms, 300), except in `regression`, where checkpoints cost
//!   more: Normal(1000 + 1500 / k, 300) (k = 3 is 15% slower than k = 5, over the 10% allowed);
//! - cost per session ~ Normal(1.20, 0.60) US dollars, at least 0.01, for every k;
//! - `out-of-bounds` narrows `checkpoint.every_calls` to [4, 20], so the detector's proposal of 3 is outside.

use std::{
    collections::BTreeMap,
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use anyhow::Context;
use ractor::{Actor, ActorRef, rpc::CallResult};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;
use shim_actors::{
    ActorMetrics, EventEmitter, EventPublisher,
    experiment_manager::{
        Clock, ExperimentManager, ExperimentManagerArgs, ExperimentManagerMessage, ParameterEntry,
        ParameterSet, detector::OpportunityDetector, settings::KaizenSettings,
    },
};
use shim_protocol::{
    Event,
    messages::{
        AssignReply, AssignRequest, Experiment, ExperimentList, ExperimentStatus, LevelReached,
        Observation, ObserveReply, ObserveRequest, ParameterList, RiskLevel, SessionOutcome,
        SessionRecord,
    },
    subject::{KaizenNames, KaizenOp},
};
use tokio::sync::watch;

use super::{service::KaizenService, store::JetStreamKaizenStore};
use crate::{metrics::NodeMetrics, nats::NodeClient, service};

/// The parameter the scenarios are about.
const PARAMETER: &str = "checkpoint.every_calls";
/// Sessions the detector reads before the experiments start (a week of a busy user).
const WARM_UP: usize = 400;
/// Simulated time per session.
const SESSION_MS: u64 = 30_000;
/// How long a request to the simulated manager may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// What the run shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scenario {
    /// Checkpointing more often loses fewer calls: it should be found and shipped.
    Better,
    /// The same change, outside the configured bounds: it must be refused and never run.
    OutOfBounds,
    /// Checkpointing more often loses fewer calls but makes requests 15% slower: it must be rolled back
    /// before it reaches everyone.
    Regression,
    /// The parameter changes nothing: nothing should ship (at most about 2.5% of runs, by chance).
    Aa,
}

impl Scenario {
    /// Its name on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Scenario::Better => "better",
            Scenario::OutOfBounds => "out-of-bounds",
            Scenario::Regression => "regression",
            Scenario::Aa => "aa",
        }
    }
}

/// How a run goes.
#[derive(Debug, Clone)]
pub struct SimOptions {
    /// The scenario.
    pub scenario: Scenario,
    /// The seed of the generated sessions.
    pub seed: u64,
    /// The relative drop in calls lost at k = 3 (better, regression). Default 0.25.
    pub effect: f64,
    /// Sessions per batch (assigned and observed together, then a look). Default 250.
    pub batch: usize,
    /// Most sessions after the warm-up before the run gives up waiting for decisions. Default 20,000.
    pub max_sessions: usize,
}

impl SimOptions {
    /// The defaults for `scenario` and `seed`.
    pub fn new(scenario: Scenario, seed: u64) -> SimOptions {
        SimOptions {
            scenario,
            seed,
            effect: 0.25,
            batch: 250,
            max_sessions: 20_000,
        }
    }
}

/// A change the loop shipped or rolled back.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// The experiment.
    pub experiment: String,
    /// The parameter.
    pub parameter: String,
    /// Its value before.
    pub from: f64,
    /// The value tried.
    pub to: f64,
    /// Why.
    pub reason: String,
}

/// A proposal the loop refused.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Refusal {
    /// The experiment record of the refusal.
    pub experiment: String,
    /// The parameter.
    pub parameter: String,
    /// Its value.
    pub from: f64,
    /// The value proposed.
    pub to: f64,
    /// Why.
    pub reason: String,
}

/// One experiment as the run ended.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExperimentSummary {
    /// Its id.
    pub id: String,
    /// The parameter.
    pub parameter: String,
    /// Control value.
    pub from: f64,
    /// Treatment value.
    pub to: f64,
    /// Where it ended.
    pub status: String,
    /// Its last stage.
    pub stage: u8,
    /// Its planned units per variant.
    pub units_per_arm: u64,
    /// The looks taken.
    pub looks: usize,
    /// What it expected.
    pub hypothesis: String,
    /// What led to it.
    pub evidence: Vec<String>,
    /// Its primary metric's last effect, one line.
    pub effect: Option<String>,
    /// Why it is where it is.
    pub reason: String,
}

/// What the loop did in one run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimReport {
    /// The scenario.
    pub scenario: Scenario,
    /// The seed.
    pub seed: u64,
    /// Changes shipped to everyone.
    pub shipped: Vec<Change>,
    /// Proposals refused.
    pub refused: Vec<Refusal>,
    /// Changes rolled back.
    pub rolled_back: Vec<Change>,
    /// Every experiment.
    pub experiments: Vec<ExperimentSummary>,
    /// Sessions generated, warm-up included.
    pub sessions: u64,
    /// Simulated hours.
    pub simulated_hours: f64,
    /// The final parameter store.
    pub parameters: BTreeMap<String, f64>,
}

/// Events of a simulation are not published (they would land in the real analytics store).
struct Discard;

impl EventPublisher for Discard {
    fn publish(&self, _event: Event) {}
}

/// The generated sessions.
struct World {
    scenario: Scenario,
    seed: u64,
    effect: f64,
    rng: ChaCha8Rng,
    next_chat: u64,
}

impl World {
    fn normal(&mut self, mean: f64, sd: f64) -> f64 {
        // Box–Muller.
        let u1: f64 = self.rng.r#gen::<f64>().max(f64::MIN_POSITIVE);
        let u2: f64 = self.rng.r#gen();
        mean + sd * (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
    }

    fn poisson(&mut self, mean: f64) -> u64 {
        // Knuth's method: fine for the small means used here.
        let limit = (-mean).exp();
        let mut product: f64 = self.rng.r#gen();
        let mut count = 0;
        while product > limit {
            product *= self.rng.r#gen::<f64>();
            count += 1;
        }
        count
    }

    fn chat_id(&mut self) -> String {
        self.next_chat += 1;
        format!("sim-{}-chat-{}", self.seed, self.next_chat)
    }

    /// One session at `every` calls per checkpoint: its record (for the detector) and its metrics.
    fn session(
        &mut self,
        chat_id: String,
        every: f64,
        at_ms: u64,
    ) -> (SessionRecord, BTreeMap<String, f64>) {
        let k = every.max(1.0);
        let interrupted = self.rng.r#gen::<f64>() < 0.30;
        let tool_calls = 30 + self.rng.gen_range(0..20u64);
        let factor = match self.scenario {
            Scenario::Aa => 1.0,
            _ => (1.0 - self.effect * (5.0 - k) / 2.0).max(0.05),
        };
        let lost = if interrupted {
            self.poisson(6.0 * factor).min(tool_calls)
        } else {
            0
        };
        let latency_base = match self.scenario {
            Scenario::Regression => 1000.0 + 1500.0 / k,
            Scenario::Aa => 1020.0,
            _ => 1000.0 + 100.0 / k,
        };
        let latency = self.normal(latency_base, 300.0).max(50.0);
        let cost = self.normal(1.20, 0.60).max(0.01);
        let checkpoints = (tool_calls as f64 / k).floor();
        let record = SessionRecord {
            chat_id,
            node_id: None,
            client: Some("simulation".to_owned()),
            project_dir: None,
            started_at_ms: at_ms,
            ended_at_ms: Some(at_ms + SESSION_MS),
            last_seen_ms: at_ms + SESSION_MS,
            tool_calls,
            levels: if interrupted {
                vec![LevelReached {
                    level: RiskLevel::Warning,
                    at_ms,
                    tool_calls: tool_calls / 2,
                }]
            } else {
                Vec::new()
            },
            time_at_level_ms: BTreeMap::new(),
            checkpoints: checkpoints as u64,
            last_checkpoint_tool_calls: Some(tool_calls - lost),
            last_checkpoint_at_ms: None,
            resume_offered: interrupted,
            resume_taken: false,
            outcome: Some(if interrupted {
                SessionOutcome::Interrupted
            } else {
                SessionOutcome::Clean
            }),
            evidence: Vec::new(),
            api_requests: 0,
            cost_usd: None,
            api_duration_ms: 0,
            routed: 0,
            overrides: 0,
        };
        let mut metrics =
            shim_actors::experiment_manager::detector::session_metrics(&record).unwrap_or_default();
        metrics.insert("latency_ms".to_owned(), latency);
        metrics.insert("cost_usd".to_owned(), cost);
        (record, metrics)
    }
}

/// The settings a scenario runs under: the defaults, narrowed for `out-of-bounds`.
pub fn settings_for(scenario: Scenario) -> KaizenSettings {
    let mut settings = KaizenSettings::default();
    if scenario == Scenario::OutOfBounds {
        settings.bounds.insert(PARAMETER.to_owned(), [4.0, 20.0]);
    }
    settings
}

/// Runs one simulation on the NATS `client` is connected to.
pub async fn run(client: &async_nats::Client, options: &SimOptions) -> anyhow::Result<SimReport> {
    let run_id = format!(
        "{}-{}",
        options.seed,
        &uuid::Uuid::now_v7().simple().to_string()[20..]
    );
    let names = KaizenNames::simulation(&run_id)?;
    remove_abandoned(client, ABANDONED_AFTER).await;
    let store = Arc::new(
        JetStreamKaizenStore::open(crate::nats::jetstream(client.clone()), names.clone(), 1)
            .await
            .context("failed to create the simulation's store")?,
    );
    let result = run_on(client, options, &run_id, &names, store.clone()).await;
    store.destroy().await;
    result
}

/// A run lasts seconds; a simulation's streams older than this belong to a run that was killed before it
/// could delete them.
const ABANDONED_AFTER: Duration = Duration::from_secs(3600);

/// Deletes the simulations' streams (their buckets' and audit streams) created more than `older_than` ago:
/// what runs interrupted by Ctrl-C or `kill -9` left behind. Every run calls it with [`ABANDONED_AFTER`], so
/// runs in progress, which are young, are left alone.
pub async fn remove_abandoned(client: &async_nats::Client, older_than: Duration) {
    use futures::StreamExt;
    let js = crate::nats::jetstream(client.clone());
    let now = time::OffsetDateTime::now_utc();
    let mut streams = js.streams();
    let mut abandoned = Vec::new();
    while let Some(Ok(info)) = streams.next().await {
        let name = &info.config.name;
        if KaizenNames::is_simulation_stream(name) && now - info.created >= older_than {
            abandoned.push(name.clone());
        }
    }
    for name in abandoned {
        if js.delete_stream(&name).await.is_ok() {
            tracing::info!(stream = %name, "removed what an interrupted simulation left behind");
        }
    }
}

async fn run_on(
    client: &async_nats::Client,
    options: &SimOptions,
    run_id: &str,
    names: &KaizenNames,
    store: Arc<JetStreamKaizenStore>,
) -> anyhow::Result<SimReport> {
    let start_ms = shim_actors::now_ms();
    let clock = Arc::new(AtomicU64::new(start_ms));
    let reading = clock.clone();
    let (manager, manager_handle) = Actor::spawn(
        Some(ExperimentManager::name(run_id)),
        ExperimentManager,
        ExperimentManagerArgs {
            emitter: EventEmitter::new(run_id, Arc::new(Discard)),
            // The simulation's decisions are not the node's: its counts go nowhere.
            metrics: ActorMetrics::noop(),
            store,
            settings: settings_for(options.scenario),
            clock: Clock::from_fn(move || reading.load(Ordering::Relaxed)),
            base: Arc::new(shim_actors::RiskThresholds::default()),
        },
    )
    .await
    .context("failed to start the experiment manager")?;
    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let requests =
        service::queue_subscribe(client, names.all(), format!("shim-sim-{run_id}")).await?;
    let serving = tokio::spawn(service::serve(
        client.clone(),
        requests,
        Arc::new(KaizenService::new(run_id, REQUEST_TIMEOUT)),
        service::Serving {
            prefix: names.prefix.clone(),
            max_in_flight: 16,
            drain_timeout: REQUEST_TIMEOUT,
            metrics: NodeMetrics::new(&opentelemetry::global::meter("shim-simulation")),
            closed_opt: None,
        },
        shutdown_rx,
    ));
    client.flush().await.context("failed to reach NATS")?;
    let driven = drive(client, options, names, &manager, &clock).await;
    let _ = shutdown_tx.send(true);
    let _ = serving.await;
    manager.stop(None);
    let _ = manager_handle.await;
    driven
}

async fn drive(
    client: &async_nats::Client,
    options: &SimOptions,
    names: &KaizenNames,
    manager: &ActorRef<ExperimentManagerMessage>,
    clock: &AtomicU64,
) -> anyhow::Result<SimReport> {
    let nats = NodeClient::new(client.clone(), "simulation", REQUEST_TIMEOUT);
    let mut world = World {
        scenario: options.scenario,
        seed: options.seed,
        effect: options.effect,
        rng: ChaCha8Rng::seed_from_u64(options.seed),
        next_chat: 0,
    };
    let tick = || clock.fetch_add(SESSION_MS, Ordering::Relaxed);

    // A week of sessions under the current setting, for the opportunity detector.
    let mut sessions = 0u64;
    let warm_up: Vec<SessionRecord> = (0..WARM_UP)
        .map(|_| {
            let chat_id = world.chat_id();
            sessions += 1;
            world.session(chat_id, 5.0, tick()).0
        })
        .collect();
    let parameters: ParameterList = nats
        .request_service(&names.subject(KaizenOp::Parameters), &())
        .await?;
    let set = ParameterSet {
        version: parameters.version,
        values: parameters
            .parameters
            .iter()
            .filter(|value| value.version > 0)
            .map(|value| {
                (
                    value.name.clone(),
                    ParameterEntry {
                        value: value.value,
                        version: value.version,
                        set_at_ms: value.set_at_ms,
                        improvement_id: value.improvement_id.clone(),
                    },
                )
            })
            .collect(),
    };
    let now = clock.load(Ordering::Relaxed);
    let mut running = Vec::new();
    for proposal in OpportunityDetector.detect(
        &warm_up,
        &set,
        &[],
        // Proposed under the built-in bounds, as before the config narrowed them: in `out-of-bounds` the
        // manager, under the narrowed ones, is what stands between the proposal and the chats.
        &KaizenSettings::default(),
        now,
    ) {
        let experiment: Experiment = nats
            .request_service(&names.subject(KaizenOp::Propose), &proposal)
            .await?;
        if experiment.status == ExperimentStatus::Running {
            running.push(experiment.id);
        }
    }

    // Sessions until every experiment is decided.
    let mut generated = 0usize;
    while generated < options.max_sessions && !running.is_empty() {
        let chat_ids: Vec<String> = (0..options.batch).map(|_| world.chat_id()).collect();
        let assigned: AssignReply = nats
            .request_service(
                &names.subject(KaizenOp::Assign),
                &AssignRequest {
                    chat_ids: chat_ids.clone(),
                },
            )
            .await?;
        let observations: Vec<Observation> = assigned
            .chats
            .into_iter()
            .map(|chat| {
                let every = chat.values.get(PARAMETER).copied().unwrap_or(5.0);
                let (_, metrics) = world.session(chat.chat_id.clone(), every, tick());
                Observation {
                    chat_id: chat.chat_id,
                    metrics,
                }
            })
            .collect();
        generated += observations.len();
        sessions += observations.len() as u64;
        let _: ObserveReply = nats
            .request_service(
                &names.subject(KaizenOp::Observe),
                &ObserveRequest { observations },
            )
            .await?;
        let now = clock.load(Ordering::Relaxed);
        match manager
            .call(
                |port| ExperimentManagerMessage::Tick(Some(now), port),
                Some(REQUEST_TIMEOUT),
            )
            .await
        {
            Ok(CallResult::Success(result)) => {
                let decided =
                    result.map_err(|error| anyhow::anyhow!("the look failed: {error}"))?;
                for entry in decided {
                    if matches!(entry.action.as_str(), "shipped" | "rolled_back" | "stopped") {
                        running.retain(|id| *id != entry.experiment_id);
                    }
                }
            }
            _ => anyhow::bail!("the experiment manager did not answer a look"),
        }
    }

    let list: ExperimentList = nats
        .request_service(&names.subject(KaizenOp::List), &())
        .await?;
    let parameters: ParameterList = nats
        .request_service(&names.subject(KaizenOp::Parameters), &())
        .await?;
    let mut report = SimReport {
        scenario: options.scenario,
        seed: options.seed,
        shipped: Vec::new(),
        refused: Vec::new(),
        rolled_back: Vec::new(),
        experiments: Vec::new(),
        sessions,
        simulated_hours: sessions as f64 * SESSION_MS as f64 / 3_600_000.0,
        parameters: parameters
            .parameters
            .iter()
            .map(|value| (value.name.clone(), value.value))
            .collect(),
    };
    let mut experiments = list.experiments;
    experiments.sort_by(|a, b| a.created_at_ms.cmp(&b.created_at_ms).then(a.id.cmp(&b.id)));
    for experiment in experiments {
        let change = Change {
            experiment: experiment.id.clone(),
            parameter: experiment.parameter.clone(),
            from: experiment.control,
            to: experiment.treatment,
            reason: experiment.reason.clone(),
        };
        match experiment.status {
            ExperimentStatus::Shipped => report.shipped.push(change),
            ExperimentStatus::RolledBack => report.rolled_back.push(change),
            ExperimentStatus::Refused => report.refused.push(Refusal {
                experiment: change.experiment,
                parameter: change.parameter,
                from: change.from,
                to: change.to,
                reason: change.reason,
            }),
            _ => {}
        }
        report.experiments.push(ExperimentSummary {
            id: experiment.id.clone(),
            parameter: experiment.parameter.clone(),
            from: experiment.control,
            to: experiment.treatment,
            status: experiment.status.as_str().to_owned(),
            stage: experiment.stages.last().map_or(0, |stage| stage.percent),
            units_per_arm: experiment.plan.units_per_arm,
            looks: experiment.looks.len(),
            hypothesis: experiment.hypothesis.clone(),
            evidence: experiment.evidence.clone(),
            effect: experiment
                .effect
                .as_ref()
                .map(shim_actors::experiment_manager::evaluate::effect_line),
            reason: experiment.reason,
        });
    }
    Ok(report)
}

/// Runs a simulation for the command line: on the configured NATS when it answers, else on a private
/// `nats-server` of its own in a temporary directory.
pub async fn run_command(
    config: &crate::config::Config,
    options: &SimOptions,
) -> anyhow::Result<(SimReport, Duration, &'static str)> {
    let started = Instant::now();
    let auth = crate::nats::NatsAuth::of(config)?;
    if let Ok(client) =
        crate::nats::connect_fast(&config.nats_url, "shim-node simulate", &auth).await
    {
        let report = run(&client, options).await?;
        return Ok((report, started.elapsed(), "configured"));
    }
    let dir = tempfile::tempdir().context("failed to make a temporary directory")?;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .context("failed to find a free port")?
        .port();
    let endpoint = crate::embedded::NatsEndpoint::parse(&format!("nats://127.0.0.1:{port}"))?;
    let mut private = config.clone();
    private.nats_config = None;
    // The server program the user's own data dir offers (`shim-node setup nats-server`), not the scratch one's.
    private.nats_server_bin =
        crate::embedded::server_program(config, &crate::data_dir::DataDir::new(&config.data_dir));
    let server = crate::embedded::EmbeddedNats::start(
        &private,
        &crate::data_dir::DataDir::new(dir.path()),
        &endpoint,
    )
    .await
    .context("no NATS answered and a private nats-server could not be started")?;
    let result = async {
        let client = crate::nats::connect_fast(server.url(), "shim-node simulate", server.auth())
            .await
            .context("failed to reach the private nats-server")?;
        run(&client, options).await
    }
    .await;
    server.stop().await;
    Ok((result?, started.elapsed(), "private"))
}
