//! The actors' instruments record exactly the catalogue's labels, with the catalogue's values where they are
//! fixed, under the names the catalogue says Prometheus exposes; and a chat's risk series goes when it ends.

use std::{collections::BTreeSet, time::Duration};

use opentelemetry::metrics::MeterProvider as _;
use opentelemetry_sdk::metrics::SdkMeterProvider;
use prometheus::{Registry, proto::MetricFamily};
use shim_protocol::messages::{RiskLevel, Variant};

use super::{
    ActorMetrics,
    catalogue::{self, LabelValues, MetricKind, MetricSpec},
};

/// The actors' metrics, exposed through the same exporter settings as the node's `/metrics`.
fn exported() -> (ActorMetrics, Registry, SdkMeterProvider) {
    let registry = Registry::new();
    let exporter = opentelemetry_prometheus::exporter()
        .with_registry(registry.clone())
        .without_target_info()
        .scope_info_enabled(false)
        .build()
        .expect("exporter");
    let provider = SdkMeterProvider::builder().with_reader(exporter).build();
    let metrics = ActorMetrics::new(&provider.meter("shim"));
    (metrics, registry, provider)
}

fn fixed(spec: &MetricSpec, index: usize) -> &'static [&'static str] {
    match spec.labels[index].values {
        LabelValues::Fixed(values) => values,
        other => panic!("{}: {other:?} is not a fixed set", spec.name),
    }
}

/// Records every value of every fixed label once.
fn record_everything(metrics: &ActorMetrics) {
    for kind in fixed(&catalogue::SUPERVISOR_FAILURES, 0) {
        metrics.record_failure(kind);
        metrics.record_restart(kind);
    }
    metrics.record_chat_started();
    for reason in fixed(&catalogue::CHATS_ENDED, 0) {
        metrics.record_chat_ended(reason);
    }
    for source in fixed(&catalogue::SIGNALS, 0) {
        metrics.record_signals(source, 2);
    }
    for level in [RiskLevel::Safe, RiskLevel::Warning, RiskLevel::Danger] {
        metrics.record_risk_level("chat-a", level);
    }
    for trigger in fixed(&catalogue::CHECKPOINTS, 0) {
        metrics.record_checkpoint(trigger, Duration::from_millis(3), 2_000);
    }
    for reason in fixed(&catalogue::RESUMES, 0) {
        metrics.record_resume(reason);
    }
    for tier in fixed(&catalogue::ROUTING_DECISIONS, 0) {
        metrics.record_routing(tier, 0.01, 0.02);
        for chosen in fixed(&catalogue::ROUTING_OVERRIDES, 1) {
            metrics.record_override(tier, chosen);
        }
    }
    for action in fixed(&catalogue::KAIZEN_DECISIONS, 0) {
        metrics.record_kaizen_decision(action);
    }
    for variant in fixed(&catalogue::KAIZEN_EXPOSURES, 0) {
        metrics.record_kaizen_exposures(variant, 3);
    }
    metrics.record_kaizen_observations(2);
}

const ACTOR_METRICS: &[&MetricSpec] = &[
    &catalogue::SUPERVISOR_FAILURES,
    &catalogue::SUPERVISOR_RESTARTS,
    &catalogue::CHATS_STARTED,
    &catalogue::CHATS_ENDED,
    &catalogue::CHATS_ACTIVE,
    &catalogue::SIGNALS,
    &catalogue::RISK_LEVEL,
    &catalogue::RISK_LEVEL_CHANGES,
    &catalogue::CHECKPOINTS,
    &catalogue::CHECKPOINT_DURATION,
    &catalogue::CHECKPOINT_SIZE,
    &catalogue::RESUMES,
    &catalogue::ROUTING_DECISIONS,
    &catalogue::ROUTING_OVERRIDES,
    &catalogue::ROUTING_ESTIMATED_SPEND,
    &catalogue::ROUTING_ESTIMATED_SAVINGS,
    &catalogue::KAIZEN_DECISIONS,
    &catalogue::KAIZEN_EXPOSURES,
    &catalogue::KAIZEN_OBSERVATIONS,
];

fn prometheus_type(family: &MetricFamily) -> &'static str {
    match family.get_field_type() {
        prometheus::proto::MetricType::COUNTER => "counter",
        prometheus::proto::MetricType::GAUGE => "gauge",
        prometheus::proto::MetricType::HISTOGRAM => "histogram",
        other => panic!("{}: unexpected type {other:?}", family.name()),
    }
}

#[test]
fn every_actor_instrument_records_the_catalogue_labels() {
    let (metrics, registry, _provider) = exported();
    record_everything(&metrics);
    let families = registry.gather();
    let mut seen = BTreeSet::new();
    for family in &families {
        let spec = catalogue::by_prometheus_name(family.name())
            .unwrap_or_else(|| panic!("{} is not in the catalogue", family.name()));
        assert_eq!(
            prometheus_type(family),
            spec.kind.prometheus_type(),
            "{}",
            spec.name
        );
        assert_eq!(family.help(), spec.description, "{}", spec.name);
        let catalogued: BTreeSet<&str> = spec.label_names().collect();
        let mut values_seen = vec![BTreeSet::new(); spec.labels.len()];
        for metric in family.get_metric() {
            // Sums start at 0 on every fixed label set; each of them was recorded into since.
            if spec.kind == MetricKind::Counter {
                assert!(
                    metric.get_counter().get_value() > 0.0,
                    "{}: {:?} was not recorded",
                    spec.name,
                    metric.get_label()
                );
            }
            let labels: BTreeSet<&str> =
                metric.get_label().iter().map(|pair| pair.name()).collect();
            assert_eq!(labels, catalogued, "{}: labels", spec.name);
            for pair in metric.get_label() {
                let index = spec
                    .labels
                    .iter()
                    .position(|label| label.name == pair.name())
                    .expect("a catalogued label");
                if let LabelValues::Fixed(values) = spec.labels[index].values {
                    assert!(
                        values.contains(&pair.value()),
                        "{}: {}={} is not a catalogued value",
                        spec.name,
                        pair.name(),
                        pair.value()
                    );
                }
                values_seen[index].insert(pair.value().to_owned());
            }
        }
        // Every fixed value was recorded, so every one of them reached the exporter unchanged.
        for (label, values) in spec.labels.iter().zip(&values_seen) {
            if let LabelValues::Fixed(fixed) = label.values {
                let fixed: BTreeSet<String> =
                    fixed.iter().map(|value| (*value).to_owned()).collect();
                assert_eq!(values, &fixed, "{}: values of {}", spec.name, label.name);
            }
        }
        seen.insert(spec.name);
    }
    let expected: BTreeSet<&str> = ACTOR_METRICS.iter().map(|spec| spec.name).collect();
    assert_eq!(seen, expected, "the actors' instruments");
    assert!(
        ACTOR_METRICS
            .iter()
            .any(|spec| spec.kind == MetricKind::Histogram)
    );
}

fn risk_series(registry: &Registry) -> Vec<String> {
    registry
        .gather()
        .iter()
        .filter(|family| family.name() == "shim_risk_level")
        .flat_map(|family| family.get_metric().iter())
        .map(|metric| {
            let chat_id = metric.get_label()[0].value().to_owned();
            format!("{chat_id}={}", metric.get_gauge().get_value())
        })
        .collect()
}

#[test]
fn a_chats_risk_series_goes_when_it_is_forgotten() {
    let (metrics, registry, _provider) = exported();
    metrics.show_risk_level("chat-a", RiskLevel::Safe);
    metrics.record_risk_level("chat-b", RiskLevel::Danger);
    let mut series = risk_series(&registry);
    series.sort();
    assert_eq!(series, ["chat-a=0", "chat-b=2"]);
    metrics.forget_risk_level("chat-b");
    assert_eq!(risk_series(&registry), ["chat-a=0"]);
    metrics.forget_risk_level("chat-a");
    assert!(risk_series(&registry).is_empty());
}

#[test]
fn sums_with_fixed_labels_start_at_zero_on_every_label_set() {
    let (_metrics, registry, _provider) = exported();
    let families = registry.gather();
    let series = |name: &str| {
        families
            .iter()
            .find(|family| family.name() == name)
            .map(|family| family.get_metric().len())
    };
    assert_eq!(series("shim_routing_overrides_total"), Some(9));
    assert_eq!(series("shim_chats_ended_total"), Some(4));
    assert_eq!(series("shim_chats_started_total"), Some(1));
    assert_eq!(series("shim_kaizen_decisions_total"), Some(9));
    assert_eq!(series("shim_kaizen_exposures_total"), Some(2));
    assert_eq!(series("shim_kaizen_observations_total"), Some(1));
    assert_eq!(series("shim_chats_active"), Some(1));
    assert_eq!(series("shim_risk_level"), None, "no chat runs");
    assert_eq!(
        series("shim_checkpoint_duration_seconds"),
        None,
        "histograms start empty"
    );
}

#[test]
fn exposures_are_labelled_with_the_protocols_variants() {
    let variants = [Variant::Control, Variant::Treatment].map(Variant::as_str);
    assert_eq!(fixed(&catalogue::KAIZEN_EXPOSURES, 0), variants);
}
