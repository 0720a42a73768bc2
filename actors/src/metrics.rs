//! OpenTelemetry instruments recorded by the actors.
//!
//! The instruments live in a struct built from a [`Meter`] rather than in statics: one process may
//! run several nodes (the test suite does), and an instrument taken from the global provider before
//! the node installs its own would silently record nothing.

use opentelemetry::{
    KeyValue,
    metrics::{Counter, Meter, UpDownCounter},
};

/// The actors' instruments. Cheap to clone.
#[derive(Debug, Clone)]
pub struct ActorMetrics {
    restarts: Counter<u64>,
    failures: Counter<u64>,
    chats_started: Counter<u64>,
    chats_ended: Counter<u64>,
    chats_active: UpDownCounter<i64>,
}

impl ActorMetrics {
    /// Creates the instruments on `meter`.
    pub fn new(meter: &Meter) -> Self {
        ActorMetrics {
            restarts: meter
                .u64_counter("shim_supervisor_restarts")
                .with_description("Actors restarted by the supervisor after a failure")
                .build(),
            failures: meter
                .u64_counter("shim_supervisor_failures")
                .with_description("Actor failures seen by the supervisor")
                .build(),
            chats_started: meter
                .u64_counter("shim_chats_started")
                .with_description("Chats opened on this node")
                .build(),
            chats_ended: meter
                .u64_counter("shim_chats_ended")
                .with_description("Chats ended on this node, by reason")
                .build(),
            chats_active: meter
                .i64_up_down_counter("shim_chats_active")
                .with_description("Chats with a running worker")
                .build(),
        }
    }

    /// Returns instruments that record nothing, for tests that do not look at metrics.
    pub fn noop() -> Self {
        ActorMetrics::new(&opentelemetry::metrics::MeterProvider::meter(
            &opentelemetry::metrics::noop::NoopMeterProvider::new(),
            "shim",
        ))
    }

    pub(crate) fn record_failure(&self, kind: &'static str) {
        self.failures.add(1, &[KeyValue::new("kind", kind)]);
    }

    pub(crate) fn record_restart(&self, kind: &'static str) {
        self.restarts.add(1, &[KeyValue::new("kind", kind)]);
    }

    pub(crate) fn record_chat_started(&self) {
        self.chats_started.add(1, &[]);
        self.chats_active.add(1, &[]);
    }

    pub(crate) fn record_chat_ended(&self, reason: &'static str) {
        self.chats_ended.add(1, &[KeyValue::new("reason", reason)]);
        self.chats_active.add(-1, &[]);
    }
}
