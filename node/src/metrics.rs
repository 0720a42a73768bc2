//! The node's metrics: an OpenTelemetry meter provider exporting to a Prometheus registry, the node's
//! own instruments, and the HTTP endpoint that serves `/metrics`.

use std::{net::SocketAddr, time::Duration};

use anyhow::Context;
use axum::{Router, http::StatusCode, response::IntoResponse, routing::get};
use opentelemetry::metrics::{Counter, Histogram, Meter, MeterProvider as _, ObservableGauge};
use opentelemetry_sdk::metrics::SdkMeterProvider;
use prometheus::{Encoder, Registry, TextEncoder};
use shim_actors::catalogue as cat;
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
        let handle = tokio::spawn(crate::http::serve(
            "metrics endpoint",
            listener,
            app,
            crate::http::Bounds::default(),
            shutdown,
        ));
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
            requests: cat::NODE_REQUESTS.u64_counter(meter),
            request_duration: cat::NODE_REQUEST_DURATION.f64_histogram(meter),
            bad_messages: cat::NODE_BAD_MESSAGES.u64_counter(meter),
            nats_events: cat::NATS_CONNECTION_EVENTS.u64_counter(meter),
            events_published: cat::EVENTS_PUBLISHED.u64_counter(meter),
            events_dropped: cat::EVENTS_DROPPED.u64_counter(meter),
        }
    }

    /// Records one answered request.
    pub fn record_request(&self, op: &'static str, outcome: &'static str, elapsed: Duration) {
        self.request_duration.record(
            elapsed.as_secs_f64(),
            &cat::NODE_REQUEST_DURATION.attributes([op.into()]),
        );
        self.requests.add(
            1,
            &cat::NODE_REQUESTS.attributes([op.into(), outcome.into()]),
        );
    }

    /// Records a message that could not be served (`reason`: `malformed`, `unknown_operation`, ...).
    pub fn record_bad_message(&self, reason: &'static str) {
        self.bad_messages
            .add(1, &cat::NODE_BAD_MESSAGES.attributes([reason.into()]));
    }

    /// Records a NATS connection event.
    pub fn record_nats_event(&self, event: &'static str) {
        self.nats_events
            .add(1, &cat::NATS_CONNECTION_EVENTS.attributes([event.into()]));
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
        TaskMetrics {
            changes: cat::TASKS.u64_counter(meter),
            claim_latency: cat::TASK_CLAIM_LATENCY.f64_histogram(meter),
            duration: cat::TASK_DURATION.f64_histogram(meter),
            redeliveries: cat::TASK_REDELIVERIES.u64_counter(meter),
            dead_letters: cat::TASK_DEAD_LETTERS.u64_counter(meter),
            _waiting: cat::TASKS_WAITING
                .u64_observable_gauge(meter)
                .with_callback(move |observer| {
                    let (by_priority, blocked) = index.waiting();
                    for (count, priority) in by_priority
                        .iter()
                        .zip(shim_protocol::messages::Priority::ALL)
                    {
                        observer.observe(
                            *count,
                            &cat::TASKS_WAITING.attributes([priority.as_str().into()]),
                        );
                    }
                    observer.observe(blocked, &cat::TASKS_WAITING.attributes(["blocked".into()]));
                })
                .build(),
        }
    }

    /// Records a change.
    pub fn record(&self, change: &crate::coordination::tasks::TaskChange) {
        let task = &change.task;
        self.changes
            .add(1, &cat::TASKS.attributes([change.what.into()]));
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
                        &cat::TASK_DURATION.attributes([task.status.as_str().into()]),
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

/// Instruments of the OTLP receiver (node/src/otlp.rs). Cheap to clone.
#[derive(Debug, Clone)]
pub struct OtlpMetrics {
    requests: Counter<u64>,
    request_duration: Histogram<f64>,
    bad_requests: Counter<u64>,
    records: Counter<u64>,
    unmatched: Counter<u64>,
    signalled: Counter<u64>,
    duplicates: Counter<u64>,
}

impl OtlpMetrics {
    /// Creates the instruments on `meter`.
    pub fn new(meter: &Meter) -> Self {
        OtlpMetrics {
            requests: cat::OTLP_REQUESTS.u64_counter(meter),
            request_duration: cat::OTLP_REQUEST_DURATION.f64_histogram(meter),
            bad_requests: cat::OTLP_BAD_REQUESTS.u64_counter(meter),
            records: cat::OTLP_RECORDS.u64_counter(meter),
            unmatched: cat::OTLP_UNMATCHED.u64_counter(meter),
            signalled: cat::OTLP_SIGNALS.u64_counter(meter),
            duplicates: cat::OTLP_DUPLICATES.u64_counter(meter),
        }
    }

    /// Records one export request and how long it took.
    pub fn record_request(&self, signal: &'static str, outcome: &'static str, elapsed: Duration) {
        self.request_duration.record(
            elapsed.as_secs_f64(),
            &cat::OTLP_REQUEST_DURATION.attributes([signal.into()]),
        );
        self.requests.add(
            1,
            &cat::OTLP_REQUESTS.attributes([signal.into(), outcome.into()]),
        );
    }

    /// Records a refused request.
    pub fn record_bad_request(&self, reason: &'static str) {
        self.bad_requests
            .add(1, &cat::OTLP_BAD_REQUESTS.attributes([reason.into()]));
    }

    /// Records one record taken in, of kind `kind`.
    pub fn record_taken(&self, signal: &'static str, kind: &'static str) {
        self.records.add(
            1,
            &cat::OTLP_RECORDS.attributes([signal.into(), kind.into()]),
        );
    }

    /// Records `count` records of events or metrics SHIM does not read.
    pub fn record_unknown(&self, signal: &'static str, count: u64) {
        if count > 0 {
            self.records.add(
                count,
                &cat::OTLP_RECORDS.attributes([signal.into(), "unknown".into()]),
            );
        }
    }

    /// Records `count` signals no worker was given.
    pub fn record_unmatched(&self, reason: &'static str, count: u64) {
        if count > 0 {
            self.unmatched
                .add(count, &cat::OTLP_UNMATCHED.attributes([reason.into()]));
        }
    }

    /// Records `count` records dropped as already taken in (a batch sent again).
    pub fn record_duplicates(&self, signal: &'static str, count: u64) {
        if count > 0 {
            self.duplicates
                .add(count, &cat::OTLP_DUPLICATES.attributes([signal.into()]));
        }
    }

    /// Records `count` signals delivered.
    pub fn record_signalled(&self, count: u64) {
        self.signalled.add(count, &[]);
    }
}
#[cfg(test)]
mod tests;
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
            events: cat::ANALYTICS_EVENTS.u64_counter(meter),
            bad_events: cat::ANALYTICS_BAD_EVENTS.u64_counter(meter),
            outcomes: cat::ANALYTICS_OUTCOMES.u64_counter(meter),
            query_events: cat::ANALYTICS_QUERY_EVENTS.u64_counter(meter),
        }
    }

    /// Records an event the ledger applied (`applied`) or had no use for (`ignored`).
    pub fn record_event(&self, what: &'static str) {
        self.events
            .add(1, &cat::ANALYTICS_EVENTS.attributes([what.into()]));
    }

    /// Records a malformed event skipped by `reader` (`ledger` or `query`).
    pub fn record_bad_event(&self, reader: &'static str) {
        self.bad_events
            .add(1, &cat::ANALYTICS_BAD_EVENTS.attributes([reader.into()]));
    }

    /// Records a decided (or changed) outcome.
    pub fn record_outcome(&self, outcome: &'static str) {
        self.outcomes
            .add(1, &cat::ANALYTICS_OUTCOMES.attributes([outcome.into()]));
    }

    /// Records events read by a query.
    pub fn record_query_events(&self, count: u64) {
        self.query_events.add(count, &[]);
    }
}
