//! The node's own instruments record the catalogue's labels under the names the catalogue says Prometheus
//! exposes.

use std::{collections::BTreeSet, time::Duration};

use shim_actors::catalogue::{self, LabelValues};

use super::{MetricsRegistry, NodeMetrics};

#[test]
fn node_instruments_record_the_catalogue_labels() {
    let registry = MetricsRegistry::new().expect("registry");
    let metrics = NodeMetrics::new(&registry.meter());
    metrics.record_request("session.start", "ok", Duration::from_millis(2));
    metrics.record_request("router.route", "bad_request", Duration::from_millis(1));
    metrics.record_bad_message("unsupported_version");
    let LabelValues::Fixed(events) = catalogue::NATS_CONNECTION_EVENTS.labels[0].values else {
        panic!("nats events are a fixed set");
    };
    for event in events {
        metrics.record_nats_event(event);
    }
    metrics.record_event_published();
    metrics.record_event_dropped();
    let expected: BTreeSet<&str> = [
        &catalogue::NODE_REQUESTS,
        &catalogue::NODE_REQUEST_DURATION,
        &catalogue::NODE_BAD_MESSAGES,
        &catalogue::NATS_CONNECTION_EVENTS,
        &catalogue::EVENTS_PUBLISHED,
        &catalogue::EVENTS_DROPPED,
    ]
    .iter()
    .map(|spec| spec.name)
    .collect();
    let mut seen = BTreeSet::new();
    for family in registry.registry.gather() {
        let spec = catalogue::by_prometheus_name(family.name())
            .unwrap_or_else(|| panic!("{} is not in the catalogue", family.name()));
        assert_eq!(family.help(), spec.description, "{}", spec.name);
        let catalogued: BTreeSet<&str> = spec.label_names().collect();
        for metric in family.get_metric() {
            let labels: BTreeSet<&str> =
                metric.get_label().iter().map(|pair| pair.name()).collect();
            assert_eq!(labels, catalogued, "{}", spec.name);
        }
        seen.insert(spec.name);
    }
    assert_eq!(seen, expected);
}
