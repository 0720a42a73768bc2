//! OpenTelemetry instruments recorded by the actors, built from the [`catalogue`] (which declares every metric
//! of the node, the node's own included).
//!
//! The instruments live in a struct built from a [`Meter`] rather than in statics: one process may
//! run several nodes (the test suite does), and an instrument taken from the global provider before
//! the node installs its own would silently record nothing.
//!
//! Per-chat series (`shim_risk_level{chat_id}`) are observed, not set: the gauge reads a map of the running
//! chats at each collection, and the SDK exports an observable instrument's attribute sets only when the last
//! callback observed them, so a chat removed from the map drops out of `/metrics` at the next scrape.

pub mod catalogue;
#[cfg(test)]
mod tests;

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::Duration,
};

use opentelemetry::metrics::{Counter, Histogram, Meter, ObservableGauge, UpDownCounter};
use shim_protocol::messages::RiskLevel;

use catalogue as cat;

/// The actors' instruments. Cheap to clone.
#[derive(Debug, Clone)]
pub struct ActorMetrics {
    restarts: Counter<u64>,
    failures: Counter<u64>,
    chats_started: Counter<u64>,
    chats_ended: Counter<u64>,
    chats_active: UpDownCounter<i64>,
    signals: Counter<u64>,
    risk_levels: RiskLevels,
    _risk_level: ObservableGauge<i64>,
    risk_changes: Counter<u64>,
    checkpoints: Counter<u64>,
    checkpoint_duration: Histogram<f64>,
    checkpoint_size: Histogram<u64>,
    resumes: Counter<u64>,
    routing_decisions: Counter<u64>,
    routing_overrides: Counter<u64>,
    routing_spend: Counter<f64>,
    routing_savings: Counter<f64>,
    kaizen_decisions: Counter<u64>,
    kaizen_exposures: Counter<u64>,
    kaizen_observations: Counter<u64>,
}

/// The risk level of each running chat, read by the observable gauge at each collection.
type RiskLevels = Arc<Mutex<HashMap<String, i64>>>;

impl ActorMetrics {
    /// Creates the instruments on `meter`.
    pub fn new(meter: &Meter) -> Self {
        let risk_levels = RiskLevels::default();
        let observed = risk_levels.clone();
        ActorMetrics {
            restarts: cat::SUPERVISOR_RESTARTS.u64_counter(meter),
            failures: cat::SUPERVISOR_FAILURES.u64_counter(meter),
            chats_started: cat::CHATS_STARTED.u64_counter(meter),
            chats_ended: cat::CHATS_ENDED.u64_counter(meter),
            chats_active: cat::CHATS_ACTIVE.i64_up_down_counter(meter),
            signals: cat::SIGNALS.u64_counter(meter),
            _risk_level: cat::RISK_LEVEL
                .i64_observable_gauge(meter)
                .with_callback(move |observer| {
                    let levels = observed
                        .lock()
                        .unwrap_or_else(|poisoned| poisoned.into_inner());
                    for (chat_id, level) in levels.iter() {
                        observer.observe(
                            *level,
                            &cat::RISK_LEVEL.attributes([chat_id.clone().into()]),
                        );
                    }
                })
                .build(),
            risk_levels,
            risk_changes: cat::RISK_LEVEL_CHANGES.u64_counter(meter),
            checkpoints: cat::CHECKPOINTS.u64_counter(meter),
            checkpoint_duration: cat::CHECKPOINT_DURATION.f64_histogram(meter),
            checkpoint_size: cat::CHECKPOINT_SIZE.u64_histogram(meter),
            resumes: cat::RESUMES.u64_counter(meter),
            routing_decisions: cat::ROUTING_DECISIONS.u64_counter(meter),
            routing_overrides: cat::ROUTING_OVERRIDES.u64_counter(meter),
            routing_spend: cat::ROUTING_ESTIMATED_SPEND.f64_counter(meter),
            routing_savings: cat::ROUTING_ESTIMATED_SAVINGS.f64_counter(meter),
            kaizen_decisions: cat::KAIZEN_DECISIONS.u64_counter(meter),
            kaizen_exposures: cat::KAIZEN_EXPOSURES.u64_counter(meter),
            kaizen_observations: cat::KAIZEN_OBSERVATIONS.u64_counter(meter),
        }
    }

    /// Returns instruments that record nothing, for tests that do not look at metrics and for simulations.
    pub fn noop() -> Self {
        ActorMetrics::new(&opentelemetry::metrics::MeterProvider::meter(
            &opentelemetry::metrics::noop::NoopMeterProvider::new(),
            "shim",
        ))
    }

    pub(crate) fn record_failure(&self, kind: &'static str) {
        self.failures
            .add(1, &cat::SUPERVISOR_FAILURES.attributes([kind.into()]));
    }

    pub(crate) fn record_restart(&self, kind: &'static str) {
        self.restarts
            .add(1, &cat::SUPERVISOR_RESTARTS.attributes([kind.into()]));
    }

    pub(crate) fn record_chat_started(&self) {
        self.chats_started.add(1, &[]);
        self.chats_active.add(1, &[]);
    }

    pub(crate) fn record_signals(&self, source: &'static str, count: u64) {
        self.signals
            .add(count, &cat::SIGNALS.attributes([source.into()]));
    }

    /// Shows a running chat's level without counting a change (a worker starting with its stored level).
    pub(crate) fn show_risk_level(&self, chat_id: &str, level: RiskLevel) {
        self.levels().insert(chat_id.to_owned(), level_value(level));
    }

    pub(crate) fn record_risk_level(&self, chat_id: &str, to: RiskLevel) {
        self.show_risk_level(chat_id, to);
        self.risk_changes
            .add(1, &cat::RISK_LEVEL_CHANGES.attributes([to.as_str().into()]));
    }

    /// Drops a chat's risk series: it leaves `/metrics` at the next collection.
    pub(crate) fn forget_risk_level(&self, chat_id: &str) {
        self.levels().remove(chat_id);
    }

    fn levels(&self) -> std::sync::MutexGuard<'_, HashMap<String, i64>> {
        // A panic while the lock was held cannot leave the map half-changed: take it as it is.
        self.risk_levels
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub(crate) fn record_checkpoint(&self, trigger: &'static str, elapsed: Duration, bytes: u64) {
        let labels = cat::CHECKPOINTS.attributes([trigger.into()]);
        self.checkpoints.add(1, &labels);
        self.checkpoint_duration
            .record(elapsed.as_secs_f64(), &labels);
        self.checkpoint_size.record(bytes, &labels);
    }

    pub(crate) fn record_resume(&self, reason: &'static str) {
        self.resumes
            .add(1, &cat::RESUMES.attributes([reason.into()]));
    }

    pub(crate) fn record_routing(&self, tier: &'static str, cost_usd: f64, savings_usd: f64) {
        self.routing_decisions
            .add(1, &cat::ROUTING_DECISIONS.attributes([tier.into()]));
        self.routing_spend.add(cost_usd, &[]);
        self.routing_savings.add(savings_usd, &[]);
    }

    pub(crate) fn record_override(&self, recommended: &'static str, chosen: &'static str) {
        self.routing_overrides.add(
            1,
            &cat::ROUTING_OVERRIDES.attributes([recommended.into(), chosen.into()]),
        );
    }

    pub(crate) fn record_chat_ended(&self, reason: &'static str) {
        self.chats_ended
            .add(1, &cat::CHATS_ENDED.attributes([reason.into()]));
        self.chats_active.add(-1, &[]);
    }

    /// Counts one decision of the experiment manager (an action of its audit).
    pub(crate) fn record_kaizen_decision(&self, action: &'static str) {
        self.kaizen_decisions
            .add(1, &cat::KAIZEN_DECISIONS.attributes([action.into()]));
    }

    /// Counts chats newly assigned to an experiment, in `variant`.
    pub(crate) fn record_kaizen_exposures(&self, variant: &'static str, count: u64) {
        self.kaizen_exposures
            .add(count, &cat::KAIZEN_EXPOSURES.attributes([variant.into()]));
    }

    /// Counts chat outcomes taken into an experiment.
    pub(crate) fn record_kaizen_observations(&self, count: u64) {
        self.kaizen_observations.add(count, &[]);
    }
}

fn level_value(level: RiskLevel) -> i64 {
    match level {
        RiskLevel::Safe => 0,
        RiskLevel::Warning => 1,
        RiskLevel::Danger => 2,
    }
}
