//! OpenTelemetry instruments recorded by the actors.
//!
//! The instruments live in a struct built from a [`Meter`] rather than in statics: one process may
//! run several nodes (the test suite does), and an instrument taken from the global provider before
//! the node installs its own would silently record nothing.

use std::time::Duration;

use opentelemetry::{
    KeyValue,
    metrics::{Counter, Gauge, Histogram, Meter, UpDownCounter},
};
use shim_protocol::messages::RiskLevel;

/// The actors' instruments. Cheap to clone.
#[derive(Debug, Clone)]
pub struct ActorMetrics {
    restarts: Counter<u64>,
    failures: Counter<u64>,
    chats_started: Counter<u64>,
    chats_ended: Counter<u64>,
    chats_active: UpDownCounter<i64>,
    signals: Counter<u64>,
    risk_level: Gauge<i64>,
    risk_changes: Counter<u64>,
    checkpoints: Counter<u64>,
    checkpoint_duration: Histogram<f64>,
    checkpoint_size: Histogram<u64>,
    resumes: Counter<u64>,
    routing_decisions: Counter<u64>,
    routing_overrides: Counter<u64>,
    routing_spend: Counter<f64>,
    routing_savings: Counter<f64>,
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
            signals: meter
                .u64_counter("shim_signals")
                .with_description("Signals received, by source")
                .build(),
            risk_level: meter
                .i64_gauge("shim_risk_level")
                .with_description("Crash-risk level per chat: 0 safe, 1 warning, 2 danger")
                .build(),
            risk_changes: meter
                .u64_counter("shim_risk_level_changes")
                .with_description("Risk level changes, by the level entered")
                .build(),
            checkpoints: meter
                .u64_counter("shim_checkpoints")
                .with_description("Checkpoints saved, by trigger")
                .build(),
            checkpoint_duration: meter
                .f64_histogram("shim_checkpoint_duration")
                .with_unit("s")
                .with_description("Time to save a checkpoint: gathering signals and git state, writing and flushing")
                .with_boundaries(vec![0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0])
                .build(),
            checkpoint_size: meter
                .u64_histogram("shim_checkpoint_size_bytes")
                .with_description("Compressed size of saved checkpoints")
                .with_boundaries(vec![256.0, 1024.0, 4096.0, 16384.0, 65536.0, 262_144.0])
                .build(),
            resumes: meter
                .u64_counter("shim_resumes")
                .with_description("Sessions resumed from a checkpoint, by interruption reason")
                .build(),
            routing_decisions: meter
                .u64_counter("shim_routing_decisions")
                .with_description("Routing decisions, by tier")
                .build(),
            routing_overrides: meter
                .u64_counter("shim_routing_overrides")
                .with_description("Overrides recorded, by recommended and chosen tier")
                .build(),
            routing_spend: meter
                .f64_counter("shim_routing_estimated_spend_usd")
                .with_description("Estimated spend of routed prompts, US dollars")
                .build(),
            routing_savings: meter
                .f64_counter("shim_routing_estimated_savings_usd")
                .with_description("Estimated savings against always using opus, US dollars")
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

    pub(crate) fn record_signals(&self, source: &'static str, count: u64) {
        self.signals.add(count, &[KeyValue::new("source", source)]);
    }

    pub(crate) fn record_risk_level(&self, chat_id: &str, to: RiskLevel) {
        self.risk_level.record(
            level_value(to),
            &[KeyValue::new("chat_id", chat_id.to_owned())],
        );
        self.risk_changes
            .add(1, &[KeyValue::new("level", to.as_str())]);
    }

    pub(crate) fn forget_risk_level(&self, chat_id: &str) {
        self.risk_level.record(
            level_value(RiskLevel::Safe),
            &[KeyValue::new("chat_id", chat_id.to_owned())],
        );
    }

    pub(crate) fn record_checkpoint(&self, trigger: &'static str, elapsed: Duration, bytes: u64) {
        let labels = [KeyValue::new("trigger", trigger)];
        self.checkpoints.add(1, &labels);
        self.checkpoint_duration
            .record(elapsed.as_secs_f64(), &labels);
        self.checkpoint_size.record(bytes, &labels);
    }

    pub(crate) fn record_resume(&self, reason: &'static str) {
        self.resumes.add(1, &[KeyValue::new("reason", reason)]);
    }

    pub(crate) fn record_routing(&self, tier: &'static str, cost_usd: f64, savings_usd: f64) {
        self.routing_decisions
            .add(1, &[KeyValue::new("tier", tier)]);
        self.routing_spend.add(cost_usd, &[]);
        self.routing_savings.add(savings_usd, &[]);
    }

    pub(crate) fn record_override(&self, recommended: &'static str, chosen: &'static str) {
        self.routing_overrides.add(
            1,
            &[
                KeyValue::new("recommended", recommended),
                KeyValue::new("chosen", chosen),
            ],
        );
    }

    pub(crate) fn record_chat_ended(&self, reason: &'static str) {
        self.chats_ended.add(1, &[KeyValue::new("reason", reason)]);
        self.chats_active.add(-1, &[]);
    }
}

fn level_value(level: RiskLevel) -> i64 {
    match level {
        RiskLevel::Safe => 0,
        RiskLevel::Warning => 1,
        RiskLevel::Danger => 2,
    }
}
