//! `shim-node`: the SHIM daemon, its stdio MCP server and its command line.
//!
//! # Layout
//! - [`run`] / [`start`]: the node's life: data dir lock, NATS (or the embedded server), actors, the
//!   bridge, metrics, and an orderly stop.
//! - [`config`]: configuration from defaults, file, environment and flags.
//! - [`data_dir`]: the data directory's layout and its lock.
//! - [`embedded`]: the `nats-server` the node starts when the NATS URL is local and nothing answers.
//! - [`nats`]: connecting, and [`nats::NodeClient`], typed requests to a node.
//! - [`bridge`]: the node's own operations (`shim.v1.node.<node_id>.<op>`): sessions, status, signals,
//!   checkpoints and resume to the actors, coordination ops to [`coordination`]; delivery receipts.
//! - [`publisher`]: events from actors onto `shim.events.>`.
//! - [`router_service`]: the model router as a NATS service in a queue group.
//! - [`service`]: the one plumbing that serves a component over NATS (the bridge, the router,
//!   coordination).
//! - [`coordination`]: the task queue, chat registry, messages and locks on JetStream, one service any node
//!   answers (`shim.v1.coord.<op>`), with its supervised background tasks.
//! - [`recovery`]: Workflow C, recovery by itself: this node's chats found interrupted (their process exited,
//!   or silent) have their checkpoint sealed, their tasks handed back and their supervisors told, once.
//! - [`analytics`]: the events stream `SHIM_EVENTS`, the session ledger (outcomes in `shim_sessions`) and
//!   the analytics service (`shim.v1.analytics.<op>`, any node answers).
//! - [`kaizen`]: the Kaizen loop's JetStream store and service (`shim.v1.kaizen.<op>`, any node answers),
//!   the outcome consumer and the loop under its lease, and `shim-node simulate kaizen`.
//! - [`metrics`]: OpenTelemetry instruments and the Prometheus `/metrics` endpoint.
//! - [`otlp`]: the OTLP/HTTP receiver that takes in Claude Code's telemetry (events and signals).
//! - [`http`]: serving those two endpoints within bounds (connections at once, time for a request's head,
//!   reads and writes that wait on the client).
//! - [`mcp`]: the stdio MCP server (`shim-node mcp`).
//! - [`claude`]: the Claude Code process a hook, status line or MCP server runs under.
//! - [`hex`]: bytes and SHA-256 digests as hex text.
//! - [`profile`]: the user model: what the person set in `profile.toml` and what is learned from their
//!   behaviour; the node hands it to the router and the Kaizen loop (docs/profile.md).
//! - [`workflows`]: Workflow A, verify and commit: a project's verify commands, their structured failures,
//!   and commits of verified trees only; Workflow B, background monitoring: enabled projects watched and
//!   built on change, their build state and commit suggestions (docs/workflows.md).
//! - [`cli`]: the command line, every command (see its module docs).

pub mod analytics;
pub mod bridge;
pub mod claude;
pub mod cli;
pub mod config;
pub mod coordination;
pub mod data_dir;
pub mod embedded;
pub mod hex;
pub mod http;
pub mod kaizen;
pub mod mcp;
pub mod metrics;
pub mod nats;
pub mod otlp;
pub mod profile;
pub mod publisher;
pub mod recovery;
pub mod router_service;
pub mod service;
pub mod workflows;

use std::{net::SocketAddr, sync::Arc, time::Instant};

use anyhow::{Context, bail};
use ractor::{Actor, ActorRef};
use serde_json::json;
use shim_actors::{
    ActorMetrics, CheckpointStore, EventEmitter, ParameterStore, RestartPolicy, Retention,
    Supervisor, SupervisorArgs, SupervisorMessage,
};
use tokio::{sync::watch, task::JoinHandle};
use tracing::{debug, error, info, warn};

use crate::{
    bridge::BridgeContext,
    config::Config,
    data_dir::{DataDir, DataDirLock},
    embedded::{EmbeddedNats, NatsEndpoint},
    metrics::{MetricsRegistry, NodeMetrics},
    nats::{NatsAuth, connect_with},
    publisher::NatsPublisher,
};

/// A node that is up: connected, serving requests and metrics. Stop it with [`RunningNode::stop`].
#[derive(Debug)]
pub struct RunningNode {
    node_id: String,
    nats_url: String,
    metrics_addr_opt: Option<SocketAddr>,
    otlp_addr_opt: Option<SocketAddr>,
    embedded_opt: Option<EmbeddedNats>,
    client: async_nats::Client,
    emitter: EventEmitter,
    supervisor: ActorRef<SupervisorMessage>,
    supervisor_handle_opt: Option<JoinHandle<()>>,
    shutdown_tx: watch::Sender<bool>,
    context: Arc<BridgeContext>,
    bridge: JoinHandle<anyhow::Result<()>>,
    coordination_service: JoinHandle<()>,
    /// One message from the bridge and one from the coordination service once each takes no more requests.
    closed_rx: tokio::sync::mpsc::UnboundedReceiver<()>,
    router_service: JoinHandle<()>,
    analytics_service_opt: Option<JoinHandle<()>>,
    kaizen_service_opt: Option<JoinHandle<()>>,
    supervision: coordination::supervise::Supervision,
    metrics_server_opt: Option<JoinHandle<()>>,
    otlp_server_opt: Option<JoinHandle<()>>,
    publisher_task: JoinHandle<()>,
    /// The connections of the events publisher and the analytics store, closed with the node's own.
    own_clients: Vec<async_nats::Client>,
    _metrics: MetricsRegistry,
    _lock: DataDirLock,
}

/// Starts a node and runs it until `shutdown` resolves or its supervisor dies.
pub async fn run(
    config: Config,
    shutdown: impl std::future::Future<Output = ()>,
) -> anyhow::Result<()> {
    run_started(start(config).await?, shutdown).await
}

/// Runs a started node until `shutdown` resolves or its supervisor dies, then stops it.
pub async fn run_started(
    mut node: RunningNode,
    shutdown: impl std::future::Future<Output = ()>,
) -> anyhow::Result<()> {
    let mut supervisor_handle = node
        .supervisor_handle_opt
        .take()
        .context("the node was started without its supervisor")?;
    let supervisor_result_opt = tokio::select! {
        () = shutdown => None,
        result = &mut supervisor_handle => Some(result),
    };
    match supervisor_result_opt {
        None => {
            node.supervisor_handle_opt = Some(supervisor_handle);
            node.stop().await;
            Ok(())
        }
        Some(result) => {
            error!(?result, "the supervisor stopped unexpectedly");
            node.stop().await;
            bail!("the node's supervisor stopped unexpectedly; see the log above")
        }
    }
}

/// Starts a node: takes the data dir lock, connects to NATS (starting the embedded server when the URL
/// is local and nothing answers), spawns the actors, subscribes the bridge and serves `/metrics`.
pub async fn start(mut config: Config) -> anyhow::Result<RunningNode> {
    config.validate()?;
    let data_dir = DataDir::new(&config.data_dir);
    let lock = data_dir.lock()?;
    data_dir.make_private()?;
    // A file that cannot be read is reported by the profile's watcher on its first look, at once.
    let profile = profile::load(data_dir.root()).unwrap_or_default();
    // The person's tolerances are the Kaizen guardrails' margins; the watcher hands later ones on.
    let base_tolerances = profile::Tolerances {
        cost_increase: config.kaizen.max_cost_increase,
        latency_increase: config.kaizen.max_latency_increase,
    };
    let tolerances = profile.tolerances(base_tolerances);
    config.kaizen.max_cost_increase = tolerances.cost_increase;
    config.kaizen.max_latency_increase = tolerances.latency_increase;
    let (profile_tx, profile_rx) = watch::channel(profile);
    // The weekly spend and the latency tolerance learned from the sessions, once the analytics store is open.
    let (learned_tx, learned_rx) = watch::channel(profile::Learned::default());
    let started = Instant::now();
    // The redaction rules compile once; now, rather than on the first event or log line.
    shim_actors::redact::warm_up();

    let metrics = MetricsRegistry::new()?;
    let meter = metrics.meter();
    let node_metrics = NodeMetrics::new(&meter);
    let actor_metrics = ActorMetrics::new(&meter);

    let store = CheckpointStore::open(&data_dir.store_dir()).with_context(|| {
        format!(
            "failed to open the store in {}",
            data_dir.store_dir().display()
        )
    })?;
    let params = ParameterStore::open(store.db())?;
    if let Some(thresholds) = &config.risk {
        let version = params.set(
            thresholds.clone(),
            "config file [risk]",
            shim_actors::now_ms(),
        )?;
        info!(
            version = version.version,
            "risk thresholds from the config file"
        );
    }

    let embeddable_opt = NatsEndpoint::embeddable(&config.nats_url)?;
    let (client, nats_url, embedded_opt) = connect_or_embed(
        &config,
        &data_dir,
        embeddable_opt.as_ref(),
        &NatsAuth::of(&config)?,
        &node_metrics,
    )
    .await?;
    // Read again: an embedded server started just now made its credentials (`nats/auth.toml`).
    let nats_auth = NatsAuth::of(&config)?;
    // Copies a single server cannot hold would fail every stream and bucket, each with a warning of its own: say
    // it once, and do not start.
    coordination::streams::check_server_holds(&client, config.max_replicas())?;
    for (key, replicas_opt) in [
        ("replicas", Some(config.replicas)),
        ("tasks.replicas", config.tasks.replicas),
        ("analytics.replicas", config.analytics.replicas),
    ] {
        if let Some(replicas) = replicas_opt.filter(|replicas| replicas % 2 == 0) {
            warn!(
                key,
                replicas,
                "an even number of copies survives no more server losses than one copy fewer (a majority must be up to write); 1, 3 or 5 are the useful counts"
            );
        }
    }

    // Events go out on a connection of their own. A server that keeps them (the analytics store) stores each
    // one in the read loop of the connection it came on, and the node's replies must not wait behind that.
    let events_client = connect_with(&nats_url, "shim-node events", true, None, &nats_auth)
        .await
        .context("failed to open the node's events connection")?;
    let mut own_clients = vec![events_client.clone()];
    // The experiment manager keeps its state in JetStream; without it the node runs and chats use its own
    // thresholds.
    // Every piece kept in JetStream is opened against one deadline, tried again while JetStream is not ready.
    let opening = nats::opening::Opening::new(&client);
    let kaizen_store_opt = match opening
        .open("the Kaizen store", || {
            kaizen::store::JetStreamKaizenStore::open(
                crate::nats::jetstream(client.clone()),
                shim_protocol::subject::KaizenNames::live(),
                config.analytics_replicas(),
            )
        })
        .await
    {
        Ok(store) => Some(Arc::new(store)),
        Err(error) => {
            warn!(error = %format!("{error:#}"), "the Kaizen loop is off: its store is unavailable");
            None
        }
    };
    // The supervisor runs an experiment manager when the Kaizen store opened.
    let kaizen_runs = kaizen_store_opt.is_some();
    let (publisher, publisher_task) = NatsPublisher::start(events_client, node_metrics.clone());
    let emitter = EventEmitter::new(config.node_id.as_str(), Arc::new(publisher));
    let recovery_store = store.clone();
    let (supervisor, supervisor_handle) = Actor::spawn(
        None,
        Supervisor,
        SupervisorArgs {
            emitter: emitter.clone(),
            metrics: actor_metrics,
            policy: RestartPolicy::default(),
            chat_idle_timeout: config.chat_idle_timeout(),
            idle_check_interval: config
                .chat_idle_timeout()
                .min(std::time::Duration::from_secs(30)),
            max_chats: config.max_chats,
            store,
            params,
            retention: Retention {
                keep_last: config.checkpoint_keep_last,
                max_age: std::time::Duration::from_secs(config.checkpoint_max_age_days * 24 * 3600),
                ..Retention::default()
            },
            signal_tick: std::time::Duration::from_secs(1),
            call_timeout: config.request_timeout(),
            routing: config.routing.clone(),
            kaizen_opt: kaizen_store_opt
                .clone()
                .map(|store| shim_actors::KaizenWiring {
                    store,
                    settings: config.kaizen.clone(),
                }),
        },
    )
    .await
    .context("failed to start the supervisor")?;

    let locks_opt = open_bucket(&opening, &client, "shim_locks", config.replicas)
        .await
        .map(coordination::locks::Locks::new);
    // The key of its chats' secrets and of the OTLP receiver's token: read (or made) once.
    let node_key = coordination::chat_keys::node_key(&data_dir)?;
    let chat_keys_opt =
        match open_bucket(&opening, &client, "shim_chat_keys", config.replicas).await {
            Some(store) => Some(coordination::chat_keys::ChatKeys::new(
                store,
                config.node_id.clone(),
                node_key,
            )),
            None => None,
        };
    let registry_opt = open_bucket(&opening, &client, "shim_chats", config.replicas)
        .await
        .map(|store| coordination::registry::Registry::new(store, config.node_id.clone()));
    // Without the chats' keys no request could be checked for the chat it acts for: the node does not serve
    // chats' operations unchecked.
    if registry_opt.is_some() && chat_keys_opt.is_none() {
        bail!(
            "the chats' keys (bucket shim_chat_keys) could not be opened while the registry could; the node \
             does not serve chats unchecked. Check the NATS server's JetStream (its log) and start the node again"
        );
    }
    let messages_opt = match opening
        .open("messages", || {
            coordination::messages::Messages::open(
                crate::nats::jetstream(client.clone()),
                config.replicas,
            )
        })
        .await
    {
        Ok(messages) => Some(messages),
        Err(error) => {
            warn!(error = %format!("{error:#}"), "messages between chats are unavailable");
            None
        }
    };
    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let supervision = coordination::supervise::Supervision::new(
        emitter.clone(),
        &meter,
        coordination::supervise::Backoff::default(),
        shutdown_rx.clone(),
    );
    let tasks_opt = match opening
        .open("the task queue", || {
            coordination::tasks::TaskQueue::open_supervised(
                client.clone(),
                config.task_queue_config(),
                &supervision,
            )
        })
        .await
    {
        Ok(queue) => {
            let index =
                coordination::tasks::TaskIndex::follow(queue.records().clone(), &supervision);
            Some(coordination::Tasks {
                metrics: metrics::TaskMetrics::new(&meter, index.clone()),
                queue,
                index,
            })
        }
        Err(error) => {
            warn!(error = %format!("{error:#}"), "the task queue is unavailable");
            None
        }
    };
    let has_registry = registry_opt.is_some();
    let coordination = Arc::new(coordination::Coordination::new(
        config.node_id.clone(),
        emitter.clone(),
        coordination::Pieces {
            locks_opt,
            registry_opt,
            messages_opt,
            tasks_opt,
            chat_keys_opt,
        },
        config.chat_away_after() / 3,
    ));
    let recovery = Arc::new(
        recovery::Recovery::new(
            config.node_id.clone(),
            coordination.clone(),
            recovery_store,
            emitter.clone(),
            config.request_timeout(),
            Some(client.clone()),
        )
        .with_timing(config.recovery_timing()),
    );
    recovery.watch_known();
    {
        let (silent_tx, silent_rx) = tokio::sync::mpsc::unbounded_channel();
        coordination.report_silent_to(silent_tx);
        let silent = Arc::new(tokio::sync::Mutex::new(silent_rx));
        let recovery = recovery.clone();
        let shutdown = shutdown_rx.clone();
        supervision.spawn("chat recovery", move || {
            let run = recovery.clone().run(silent.clone(), shutdown.clone());
            async move {
                run.await;
                coordination::supervise::Ended::Finished
            }
        });
    }
    let context = Arc::new(BridgeContext {
        supervisor: supervisor.clone(),
        node_id: config.node_id.clone(),
        nats_url: nats_url.clone(),
        started,
        request_timeout: config.request_timeout(),
        metrics: node_metrics,
        emitter: emitter.clone(),
        coordination: coordination.clone(),
        recovery,
    });
    // Workflow B: the projects the user enabled are watched and built on change.
    workflows::watch::start(&data_dir, emitter.clone(), &supervision);
    if has_registry {
        let coordination = coordination.clone();
        let (away_after, gone_after) = (config.chat_away_after(), config.chat_gone_after());
        let shutdown = shutdown_rx.clone();
        supervision.spawn("registry sweeper", move || {
            let sweep = coordination::sweep(
                coordination.clone(),
                away_after,
                gone_after,
                shutdown.clone(),
            );
            async move {
                sweep.await;
                coordination::supervise::Ended::Finished
            }
        });
    }
    let subscription = bridge::subscribe(&client, &config.node_id)
        .await
        .context("failed to subscribe to the node's subjects")?;
    // The bridge and the coordination service each say when they take no more requests (see `stop`).
    let (closed_tx, closed_rx) = tokio::sync::mpsc::unbounded_channel();
    let bridge = tokio::spawn(bridge::serve(
        client.clone(),
        subscription,
        context.clone(),
        config.max_in_flight,
        shutdown_rx.clone(),
        Some(closed_tx.clone()),
    ));
    // Cluster-wide coordination operations: a queue group any node answers.
    let coordination_requests = service::queue_subscribe(
        &client,
        shim_protocol::subject::COORD_ALL.to_owned(),
        shim_protocol::subject::COORD_QUEUE_GROUP.to_owned(),
    )
    .await
    .context("failed to subscribe to the coordination service's subjects")?;
    let coordination_service = tokio::spawn(service::serve(
        client.clone(),
        coordination_requests,
        coordination.clone(),
        service::Serving {
            prefix: shim_protocol::subject::COORD_PREFIX.to_owned(),
            max_in_flight: config.max_in_flight,
            drain_timeout: config.request_timeout(),
            metrics: context.metrics.clone(),
            closed_opt: Some(closed_tx),
        },
        shutdown_rx.clone(),
    ));
    let analytics_service_opt = match start_analytics(
        &config,
        Nats {
            client: &client,
            url: &nats_url,
            auth: &nats_auth,
            opening: &opening,
        },
        &emitter,
        &meter,
        &supervision,
        &context.metrics,
        &shutdown_rx,
    )
    .await
    {
        Ok(Some((handle, store_client, analytics))) => {
            own_clients.push(store_client);
            {
                // Under supervision, as the node's other background tasks: restarted (and reported) if it
                // stops, so a learned value never goes stale for good.
                let (node_id, analytics, shutdown) = (
                    config.node_id.clone(),
                    analytics.clone(),
                    shutdown_rx.clone(),
                );
                supervision.spawn("profile learner", move || {
                    let learn = profile::learn(
                        node_id.clone(),
                        analytics.clone(),
                        learned_tx.clone(),
                        shutdown.clone(),
                    );
                    async move {
                        learn.await;
                        coordination::supervise::Ended::Finished
                    }
                });
            }
            if kaizen_store_opt.is_some() {
                kaizen::start(
                    &config.node_id,
                    analytics,
                    config.kaizen.clone(),
                    profile_rx.clone(),
                    &supervision,
                    shutdown_rx.clone(),
                );
            }
            Some(handle)
        }
        Ok(None) => None,
        Err(error) => {
            warn!(error = %format!("{error:#}"), "the analytics store is unavailable");
            None
        }
    };
    let kaizen_service_opt = match kaizen_store_opt {
        Some(_) => {
            let requests = service::queue_subscribe(
                &client,
                shim_protocol::subject::KaizenNames::live().all(),
                shim_protocol::subject::KAIZEN_QUEUE_GROUP.to_owned(),
            )
            .await
            .context("failed to subscribe to the experiment manager's subjects")?;
            Some(tokio::spawn(service::serve(
                client.clone(),
                requests,
                Arc::new(kaizen::service::KaizenService::new(
                    config.node_id.clone(),
                    config.request_timeout(),
                )),
                service::Serving {
                    prefix: shim_protocol::subject::KAIZEN_PREFIX.to_owned(),
                    max_in_flight: config.max_in_flight,
                    drain_timeout: config.request_timeout(),
                    metrics: context.metrics.clone(),
                    closed_opt: None,
                },
                shutdown_rx.clone(),
            )))
        }
        None => None,
    };
    let router_service = router_service::start(
        client.clone(),
        router_service::RouterService::new(config.node_id.clone(), config.request_timeout()),
        context.metrics.clone(),
        shutdown_rx.clone(),
    )
    .await
    .context("failed to start the model router service")?;
    // Make sure the subscription is registered with the server before the node says it is up. A flush
    // waits for the server's answer; one that went away while the node started would hold the start for
    // ever, so the wait is bounded and the start fails saying why.
    tokio::time::timeout(config.request_timeout(), client.flush())
        .await
        .map_err(|_| {
            anyhow::anyhow!(
                "NATS stopped answering while the node started (no answer within {:?})",
                config.request_timeout()
            )
        })?
        .context("failed to reach nats")?;

    let (metrics_addr_opt, metrics_server_opt) = match config.metrics_addr {
        Some(addr) => {
            let mut stop = shutdown_rx.clone();
            let (bound, handle) = metrics
                .serve(addr, async move {
                    let _ = stop.wait_for(|stop| *stop).await;
                })
                .await?;
            (Some(bound), Some(handle))
        }
        None => (None, None),
    };
    let (otlp_addr_opt, otlp_server_opt) = match config.otlp_addr {
        Some(addr) => {
            let mut stop = shutdown_rx.clone();
            let otlp_context = otlp::OtlpContext {
                client: client.clone(),
                node_id: config.node_id.clone(),
                supervisor: supervisor.clone(),
                call_timeout: config.request_timeout(),
                metrics: metrics::OtlpMetrics::new(&meter),
                node_metrics: context.metrics.clone(),
                limits: otlp::Limits::default(),
                token: Some(coordination::chat_keys::otlp_token(&node_key)),
            };
            let served = otlp::serve(addr, otlp_context, async move {
                let _ = stop.wait_for(|stop| *stop).await;
            })
            .await;
            match served {
                Ok((bound, handle)) => (Some(bound), Some(handle)),
                // Telemetry is an extra: a port taken by something else (an OpenTelemetry collector, say)
                // must not keep the node, and crash prevention with it, from starting. `node.started` says
                // it is off.
                Err(error) => {
                    warn!(error = %format!("{error:#}"), "the OTLP receiver is off");
                    (None, None)
                }
            }
        }
        None => (None, None),
    };

    tokio::spawn(profile::watch(
        data_dir.root().to_path_buf(),
        profile::Applied {
            base: base_tolerances,
            latency_in_config: config.kaizen_latency_in_file,
            with_manager: kaizen_runs,
        },
        emitter.clone(),
        profile_tx,
        learned_rx,
        shutdown_rx.clone(),
    ));

    info!(node_id = %config.node_id, %nats_url, data_dir = %config.data_dir.display(), "shim-node is up");
    emitter.emit(
        "node",
        "started",
        None,
        json!({
            "version": env!("CARGO_PKG_VERSION"),
            "nats_url": nats_url,
            "embedded_nats": embedded_opt.is_some(),
            "metrics_addr": metrics_addr_opt.map(|addr| addr.to_string()),
            "otlp_addr": otlp_addr_opt.map(|addr| addr.to_string()),
        }),
    );
    Ok(RunningNode {
        node_id: config.node_id,
        nats_url,
        metrics_addr_opt,
        otlp_addr_opt,
        embedded_opt,
        client,
        emitter,
        supervisor,
        supervisor_handle_opt: Some(supervisor_handle),
        shutdown_tx,
        context,
        bridge,
        coordination_service,
        closed_rx,
        router_service,
        analytics_service_opt,
        kaizen_service_opt,
        supervision,
        metrics_server_opt,
        otlp_server_opt,
        publisher_task,
        own_clients,
        _metrics: metrics,
        _lock: lock,
    })
}

/// Opens the analytics store (unless `[analytics] enabled = false`), starts its ledger and serves its queries
/// in the queue group any node answers.
/// The node's NATS connection, and the address of its server for the components that open their own.
struct Nats<'a> {
    client: &'a async_nats::Client,
    url: &'a str,
    auth: &'a NatsAuth,
    /// The deadline the start's pieces in JetStream are opened against.
    opening: &'a nats::opening::Opening,
}

async fn start_analytics(
    config: &Config,
    nats: Nats<'_>,
    emitter: &EventEmitter,
    meter: &opentelemetry::metrics::Meter,
    supervision: &coordination::supervise::Supervision,
    node_metrics: &NodeMetrics,
    shutdown_rx: &watch::Receiver<bool>,
) -> anyhow::Result<
    Option<(
        JoinHandle<()>,
        async_nats::Client,
        Arc<analytics::Analytics>,
    )>,
> {
    if !config.analytics.enabled {
        info!(
            "analytics store off ([analytics] enabled = false): events are published but not kept by this node"
        );
        return Ok(None);
    }
    // The ledger, the roller and the queries read the store on a connection of their own, so their traffic
    // (every event delivered and acknowledged once) never sits in front of a request or its reply.
    let client = nats.client;
    let store_client = connect_with(nats.url, "shim-node analytics", true, None, nats.auth)
        .await
        .context("failed to open the analytics connection")?;
    // Made once, whatever the number of attempts to open the store.
    let analytics_metrics = metrics::AnalyticsMetrics::new(meter);
    let analytics = nats
        .opening
        .open("the analytics store", || {
            analytics::Analytics::open(
                store_client.clone(),
                config.analytics_settings(),
                emitter.clone(),
                analytics_metrics.clone(),
            )
        })
        .await?;
    let analytics = Arc::new(analytics);
    analytics::start_ledger(analytics.clone(), supervision, shutdown_rx.clone());
    analytics::start_roller(analytics.clone(), supervision, shutdown_rx.clone());
    let requests = service::queue_subscribe(
        client,
        shim_protocol::subject::ANALYTICS_ALL.to_owned(),
        shim_protocol::subject::ANALYTICS_QUEUE_GROUP.to_owned(),
    )
    .await
    .context("failed to subscribe to the analytics service's subjects")?;
    let service = tokio::spawn(service::serve(
        client.clone(),
        requests,
        Arc::new(analytics::AnalyticsService::new(analytics.clone())),
        service::Serving {
            prefix: shim_protocol::subject::ANALYTICS_PREFIX.to_owned(),
            // Each query reads the store; a handful at once is plenty and bounds the memory they take.
            max_in_flight: 8,
            drain_timeout: config.request_timeout(),
            metrics: node_metrics.clone(),
            closed_opt: None,
        },
        shutdown_rx.clone(),
    ));
    Ok(Some((service, store_client, analytics)))
}

/// Opens a key-value bucket with `replicas` copies; without JetStream the node runs on, and the requests that
/// need the bucket say why they fail.
async fn open_bucket(
    opening: &nats::opening::Opening,
    client: &async_nats::Client,
    name: &str,
    replicas: usize,
) -> Option<async_nats::jetstream::kv::Store> {
    let js = crate::nats::jetstream(client.clone());
    let spec = coordination::kv::BucketSpec {
        name: name.to_owned(),
        history: 1,
        max_age: std::time::Duration::ZERO,
        replicas,
    };
    match opening
        .open(name, || coordination::kv::open_bucket(&js, &spec))
        .await
    {
        Ok(store) => Some(store),
        Err(error) => {
            warn!(bucket = name, error = %format!("{error:#}"), "bucket unavailable");
            None
        }
    }
}

/// Says what a server SHIM did not start itself lacks when it is older than SHIM needs; the node still runs
/// on it (everything else works), so that a shared server can be upgraded in its own time.
fn warn_if_old(client: &async_nats::Client, url: &str) {
    let reported = client.server_info().version;
    match embedded::version::Version::parse(&reported) {
        Some(version) if !version.lacks().is_empty() => warn!(
            %url,
            version = %version,
            minimum = %embedded::version::MINIMUM,
            lacks = %version.lacks().join("; "),
            "this NATS server is older than SHIM needs; upgrade it (docs/cluster.md)"
        ),
        Some(version) => debug!(%url, %version, "nats-server version"),
        None => warn!(%url, reported = %reported, "cannot read this NATS server's version"),
    }
}

async fn connect_or_embed(
    config: &Config,
    data_dir: &DataDir,
    embeddable_opt: Option<&NatsEndpoint>,
    auth: &NatsAuth,
    metrics: &NodeMetrics,
) -> anyhow::Result<(async_nats::Client, String, Option<EmbeddedNats>)> {
    let first_try = connect_with(
        &config.nats_url,
        "shim-node",
        false,
        Some(metrics.clone()),
        auth,
    )
    .await;
    match (first_try, embeddable_opt) {
        (Ok(client), _) => {
            warn_if_old(&client, &config.nats_url);
            Ok((client, config.nats_url.clone(), None))
        }
        (Err(error), _)
            if matches!(
                error.kind(),
                async_nats::ConnectErrorKind::AuthorizationViolation
                    | async_nats::ConnectErrorKind::Authentication
            ) =>
        {
            bail!(
                "the NATS server at {} refused this node's credentials ({error}); {}",
                config.nats_url,
                if auth.credentials == crate::nats::Credentials::None {
                    "it requires some: set nats_user and nats_password, nats_nkey or nats_creds (docs/security.md)"
                } else {
                    "check nats_user and nats_password, nats_nkey or nats_creds, or, for the server SHIM starts itself, that no other program holds its port (docs/security.md)"
                }
            )
        }
        (Err(error), Some(endpoint)) if config.embedded_nats => {
            if embedded::answers(endpoint, std::time::Duration::from_millis(500)).await {
                bail!(
                    "something listens on {}:{} but does not speak NATS ({error}); free the port or set --nats-url",
                    endpoint.host,
                    endpoint.port
                );
            }
            info!(url = %config.nats_url, "no NATS server answers; starting the embedded nats-server");
            let embedded = EmbeddedNats::start(config, data_dir, endpoint).await?;
            let client = connect_with(
                embedded.url(),
                "shim-node",
                false,
                Some(metrics.clone()),
                &NatsAuth {
                    credentials: embedded.auth().credentials.clone(),
                    ..auth.clone()
                },
            )
            .await
            .with_context(|| {
                format!(
                    "failed to connect to the embedded nats-server at {}",
                    embedded.url()
                )
            })?;
            let url = embedded.url().to_owned();
            Ok((client, url, Some(embedded)))
        }
        (Err(error), _) => {
            warn!(url = %config.nats_url, %error, "cannot reach NATS yet; retrying in the background");
            let client = connect_with(
                &config.nats_url,
                "shim-node",
                true,
                Some(metrics.clone()),
                auth,
            )
            .await
            .with_context(|| format!("failed to connect to nats at {}", config.nats_url))?;
            Ok((client, config.nats_url.clone(), None))
        }
    }
}

impl RunningNode {
    /// Returns the node's id.
    pub fn node_id(&self) -> &str {
        &self.node_id
    }

    /// Returns the URL of the NATS server the node uses (the embedded one's, when it started one).
    pub fn nats_url(&self) -> &str {
        &self.nats_url
    }

    /// Returns where `/metrics` is served, if it is.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.metrics_addr_opt
    }

    /// Returns where the OTLP receiver listens, if it does.
    pub fn otlp_addr(&self) -> Option<SocketAddr> {
        self.otlp_addr_opt
    }

    /// Returns true when the node started its own nats-server.
    pub fn has_embedded_nats(&self) -> bool {
        self.embedded_opt.is_some()
    }

    /// Returns a handle to the node's root actor.
    pub fn supervisor(&self) -> &ActorRef<SupervisorMessage> {
        &self.supervisor
    }

    /// Stops the node in order: end waiting claims and reads, stop taking requests, finish those in flight,
    /// hand the tasks of this node's chats back and mark the chats away, stop the actors, publish the last
    /// events, stop the embedded nats-server, release the data dir.
    pub async fn stop(self) {
        info!(node_id = %self.node_id, "shim-node stopping");
        self.emitter.emit("node", "stopping", None, json!({}));
        let _ = self.shutdown_tx.send(true);
        // Waiting claims and reads are answered only once neither subscription takes requests any more:
        // a worker that claims again on that answer reaches another node, never this one as it goes.
        let mut closed_rx = self.closed_rx;
        let _ = tokio::time::timeout(STOP_GRACE, async {
            for _ in 0..2 {
                if closed_rx.recv().await.is_none() {
                    break;
                }
            }
        })
        .await;
        self.context.coordination.stop_waiting();
        match self.bridge.await {
            Ok(Ok(())) => {}
            Ok(Err(error)) => warn!(error = %format!("{error:#}"), "bridge ended with an error"),
            Err(error) => warn!(%error, "bridge task failed"),
        }
        if let Err(error) = self.coordination_service.await {
            warn!(%error, "coordination service task failed");
        }
        // Bounded: with NATS away the tasks come back through their ack wait instead.
        if self.client.connection_state() == async_nats::connection::State::Connected {
            let handed_back = tokio::time::timeout(
                std::time::Duration::from_secs(10),
                self.context.coordination.hand_back_on_stop(),
            )
            .await;
            if handed_back.is_err() {
                warn!(
                    "handing this node's tasks back took over 10 s; their ack wait will return the rest"
                );
            }
        } else {
            warn!("nats is away: this node's tasks come back through their ack wait");
        }
        drop(self.context);
        // Each of these watches the shutdown signal, but may be inside a JetStream call that only its own
        // timeout ends (10 s, more with NATS away): a stop does not wait for that.
        finish(self.router_service, "router service").await;
        if let Some(server) = self.otlp_server_opt {
            // Before the supervisor stops: an export in progress still reaches the chats' workers.
            finish(server, "OTLP receiver").await;
        }
        if let Some(analytics) = self.analytics_service_opt {
            finish(analytics, "analytics service").await;
        }
        if let Some(kaizen) = self.kaizen_service_opt {
            finish(kaizen, "kaizen service").await;
        }
        self.supervision.finish(STOP_GRACE).await;
        self.supervisor.stop(Some("node stopping".to_owned()));
        if let Some(handle) = self.supervisor_handle_opt {
            let _ = handle.await;
        }
        drop(self.emitter);
        drop(self.supervisor);
        let _ = tokio::time::timeout(std::time::Duration::from_secs(2), self.publisher_task).await;
        // A flush waits for the server: with NATS away, for ever.
        let _ = tokio::time::timeout(STOP_GRACE, self.client.flush()).await;
        // Close the connection before stopping the server it runs on: other holders of the client (a KV
        // handle, a task that has not ended yet) keep it open past the drop, and it would then see the
        // embedded server go away and warn of a disconnection in an orderly stop. Draining flushes what is
        // queued and closes; a flush after it returns once the connection is gone (bounded, in case NATS
        // does not answer).
        let closing = std::iter::once(&self.client)
            .chain(&self.own_clients)
            .map(|client| {
                tokio::time::timeout(STOP_GRACE, async move {
                    if client.drain().await.is_ok() {
                        while client.flush().await.is_ok() {
                            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
                        }
                    }
                })
            });
        let _ = futures::future::join_all(closing).await;
        drop(self.own_clients);
        drop(self.client);
        if let Some(server) = self.metrics_server_opt {
            // Graceful: it lets a scrape in progress finish, but an idle keep-alive connection does not hold
            // the stop.
            finish(server, "metrics endpoint").await;
        }
        if let Some(embedded) = self.embedded_opt {
            embedded.stop().await;
        }
        info!("shim-node stopped");
    }
}

/// How long a stopping node waits for one of its tasks to end by itself before it ends it.
const STOP_GRACE: std::time::Duration = std::time::Duration::from_secs(2);

/// Waits up to [`STOP_GRACE`] for `task` to end after the shutdown signal, then aborts it.
async fn finish(mut task: JoinHandle<()>, what: &'static str) {
    if tokio::time::timeout(STOP_GRACE, &mut task).await.is_err() {
        debug!(task = what, "stopping a task that did not end by itself");
        task.abort();
    }
}
