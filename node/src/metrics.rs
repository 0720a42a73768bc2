//! The node's metrics: an OpenTelemetry meter provider exporting to a Prometheus registry, the node's
//! own instruments, and the HTTP endpoint that serves `/metrics`.

use std::{net::SocketAddr, time::Duration};

use anyhow::Context;
use axum::{Router, http::StatusCode, response::IntoResponse, routing::get};
use opentelemetry::{
    KeyValue,
    metrics::{Counter, Histogram, Meter, MeterProvider as _, ObservableGauge},
};
use opentelemetry_sdk::metrics::SdkMeterProvider;
use prometheus::{Encoder, Registry, TextEncoder};
use tokio::net::TcpListener;
use tracing::{error, info};

/// A meter provider bound to a Prometheus registry. Keep it alive as long as metrics are recorded.
#[derive(Debug, Clone)]
pub struct MetricsRegistry {
    registry: Registry,
    provider: SdkMeterProvider,
}

impl MetricsRegistry {
    /// Creates a registry and a provider exporting to it, with no scope or target labels.
    pub fn new() -> anyhow::Result<Self> {
        let registry = Registry::new();
        let exporter = opentelemetry_prometheus::exporter()
            .with_registry(registry.clone())
            .without_target_info()
            .scope_info_enabled(false)
            .build()
            .context("failed to build the prometheus exporter")?;
        let provider = SdkMeterProvider::builder().with_reader(exporter).build();
        Ok(MetricsRegistry { registry, provider })
    }

    /// Returns the meter SHIM's instruments are created on.
    pub fn meter(&self) -> Meter {
        self.provider.meter("shim")
    }

    /// Renders every metric in the Prometheus text format.
    pub fn render(&self) -> anyhow::Result<String> {
        let mut buffer = Vec::new();
        TextEncoder::new()
            .encode(&self.registry.gather(), &mut buffer)
            .context("failed to encode metrics")?;
        String::from_utf8(buffer).context("metrics are not utf-8")
    }

    /// Binds `addr` and serves `/metrics` until `shutdown` resolves; returns the bound address.
    pub async fn serve(
        &self,
        addr: SocketAddr,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<(SocketAddr, tokio::task::JoinHandle<()>)> {
        let listener = TcpListener::bind(addr).await.with_context(|| {
            format!("failed to bind the metrics endpoint on {addr}; set --metrics-addr to a free address or `off`")
        })?;
        let bound = listener.local_addr()?;
        let registry = self.clone();
        let app = Router::new().route(
            "/metrics",
            get(move || {
                let registry = registry.clone();
                async move {
                    match registry.render() {
                        Ok(text) => (
                            StatusCode::OK,
                            [("content-type", "text/plain; version=0.0.4")],
                            text,
                        )
                            .into_response(),
                        Err(error) => {
                            error!(error = %format!("{error:#}"), "failed to render metrics");
                            StatusCode::INTERNAL_SERVER_ERROR.into_response()
                        }
                    }
                }
            }),
        );
        info!(addr = %bound, "serving /metrics");
        let handle = tokio::spawn(async move {
            if let Err(error) = axum::serve(listener, app)
                .with_graceful_shutdown(shutdown)
                .await
            {
                error!(%error, "metrics endpoint failed");
            }
        });
        Ok((bound, handle))
    }
}

/// Instruments of the node's request path and NATS connection. Cheap to clone.
#[derive(Debug, Clone)]
pub struct NodeMetrics {
    requests: Counter<u64>,
    request_duration: Histogram<f64>,
    bad_messages: Counter<u64>,
    nats_events: Counter<u64>,
    events_published: Counter<u64>,
    events_dropped: Counter<u64>,
}

impl NodeMetrics {
    /// Creates the instruments on `meter`.
    pub fn new(meter: &Meter) -> Self {
        NodeMetrics {
            requests: meter
                .u64_counter("shim_node_requests")
                .with_description("Requests answered by the node, by operation and outcome")
                .build(),
            request_duration: meter
                .f64_histogram("shim_node_request_duration")
                .with_unit("s")
                .with_description("Time from a request's arrival to its reply, by operation")
                .with_boundaries(vec![
                    0.000_05, 0.000_1, 0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05,
                    0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
                ])
                .build(),
            bad_messages: meter
                .u64_counter("shim_node_bad_messages")
                .with_description("Messages the node could not serve, by reason")
                .build(),
            nats_events: meter
                .u64_counter("shim_nats_connection_events")
                .with_description("NATS connection events (connected, disconnected, ...)")
                .build(),
            events_published: meter
                .u64_counter("shim_events_published")
                .with_description("Events published on shim.events")
                .build(),
            events_dropped: meter
                .u64_counter("shim_events_dropped")
                .with_description(
                    "Events dropped because the publisher queue was full or NATS refused them",
                )
                .build(),
        }
    }

    /// Records one answered request.
    pub fn record_request(&self, op: &'static str, outcome: &'static str, elapsed: Duration) {
        let labels = [KeyValue::new("op", op)];
        self.request_duration.record(elapsed.as_secs_f64(), &labels);
        self.requests.add(
            1,
            &[KeyValue::new("op", op), KeyValue::new("outcome", outcome)],
        );
    }

    /// Records a message that could not be served (`reason`: `malformed`, `unknown_operation`, ...).
    pub fn record_bad_message(&self, reason: &'static str) {
        self.bad_messages.add(1, &[KeyValue::new("reason", reason)]);
    }

    /// Records a NATS connection event.
    pub fn record_nats_event(&self, event: &'static str) {
        self.nats_events.add(1, &[KeyValue::new("event", event)]);
    }

    /// Records a published event.
    pub fn record_event_published(&self) {
        self.events_published.add(1, &[]);
    }

    /// Records a dropped event.
    pub fn record_event_dropped(&self) {
        self.events_dropped.add(1, &[]);
    }
}

/// Instruments of the task queue. Cheap to clone.
#[derive(Debug, Clone)]
pub struct TaskMetrics {
    changes: Counter<u64>,
    claim_latency: Histogram<f64>,
    duration: Histogram<f64>,
    redeliveries: Counter<u64>,
    dead_letters: Counter<u64>,
    _waiting: ObservableGauge<u64>,
}

impl TaskMetrics {
    /// Creates the instruments on `meter`; the queue depth is read from `index` at each scrape.
    pub fn new(meter: &Meter, index: crate::coordination::tasks::TaskIndex) -> Self {
        let latency_buckets = vec![
            0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
            30.0, 60.0, 300.0, 900.0, 3600.0,
        ];
        TaskMetrics {
            changes: meter
                .u64_counter("shim_tasks")
                .with_description("Task changes made by this node, by kind (dispatched, claimed, completed, ...)")
                .build(),
            claim_latency: meter
                .f64_histogram("shim_task_claim_latency")
                .with_unit("s")
                .with_description("Time from dispatch to a task's first claim")
                .with_boundaries(latency_buckets.clone())
                .build(),
            duration: meter
                .f64_histogram("shim_task_duration")
                .with_unit("s")
                .with_description("Time from a task's last claim to its end, by final status")
                .with_boundaries(latency_buckets)
                .build(),
            redeliveries: meter
                .u64_counter("shim_task_redeliveries")
                .with_description("Claims of a task an earlier worker lost or gave back")
                .build(),
            dead_letters: meter
                .u64_counter("shim_task_dead_letters")
                .with_description("Tasks that ran out of attempts and went to the dead-letter stream")
                .build(),
            _waiting: meter
                .u64_observable_gauge("shim_tasks_waiting")
                .with_description(
                    "Tasks waiting on the queue by priority, and (priority=\"blocked\") for dependencies",
                )
                .with_callback(move |observer| {
                    let (by_priority, blocked) = index.waiting();
                    for (count, priority) in by_priority.iter().zip(shim_protocol::messages::Priority::ALL) {
                        observer.observe(*count, &[KeyValue::new("priority", priority.as_str())]);
                    }
                    observer.observe(blocked, &[KeyValue::new("priority", "blocked")]);
                })
                .build(),
        }
    }

    /// Records a change.
    pub fn record(&self, change: &crate::coordination::tasks::TaskChange) {
        let task = &change.task;
        self.changes.add(1, &[KeyValue::new("kind", change.what)]);
        match change.what {
            "claimed" => {
                if task.attempts == 1 {
                    let waited = task.claimed_at_ms.unwrap_or(task.created_at_ms);
                    self.claim_latency.record(
                        waited.saturating_sub(task.created_at_ms) as f64 / 1000.0,
                        &[],
                    );
                } else {
                    self.redeliveries.add(1, &[]);
                }
            }
            "completed" | "failed" | "dead" | "cancelled" => {
                if let (Some(claimed), Some(finished)) = (task.claimed_at_ms, task.finished_at_ms) {
                    self.duration.record(
                        finished.saturating_sub(claimed) as f64 / 1000.0,
                        &[KeyValue::new("status", task.status.as_str())],
                    );
                }
                if change.what == "dead" {
                    self.dead_letters.add(1, &[]);
                }
            }
            _ => {}
        }
    }
}

/// Instruments of the analytics component. Cheap to clone.
#[derive(Debug, Clone)]
pub struct AnalyticsMetrics {
    events: Counter<u64>,
    bad_events: Counter<u64>,
    outcomes: Counter<u64>,
    query_events: Counter<u64>,
}

impl AnalyticsMetrics {
    /// Creates the instruments on `meter`.
    pub fn new(meter: &Meter) -> Self {
        AnalyticsMetrics {
            events: meter
                .u64_counter("shim_analytics_events")
                .with_description(
                    "Stored events the session ledger handled, by what it did (applied, ignored)",
                )
                .build(),
            bad_events: meter
                .u64_counter("shim_analytics_bad_events")
                .with_description(
                    "Stored events the analytics component skipped as malformed, by reader (ledger, query)",
                )
                .build(),
            outcomes: meter
                .u64_counter("shim_analytics_outcomes")
                .with_description("Session outcomes decided or changed by this node, by outcome")
                .build(),
            query_events: meter
                .u64_counter("shim_analytics_query_events")
                .with_description("Stored events read to answer summary queries")
                .build(),
        }
    }

    /// Records an event the ledger applied (`applied`) or had no use for (`ignored`).
    pub fn record_event(&self, what: &'static str) {
        self.events.add(1, &[KeyValue::new("what", what)]);
    }

    /// Records a malformed event skipped by `reader` (`ledger` or `query`).
    pub fn record_bad_event(&self, reader: &'static str) {
        self.bad_events.add(1, &[KeyValue::new("reader", reader)]);
    }

    /// Records a decided (or changed) outcome.
    pub fn record_outcome(&self, outcome: &'static str) {
        self.outcomes.add(1, &[KeyValue::new("outcome", outcome)]);
    }

    /// Records events read by a query.
    pub fn record_query_events(&self, count: u64) {
        self.query_events.add(count, &[]);
    }
}
