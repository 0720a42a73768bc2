//! The Grafana dashboards under `dashboards/` load and show data: every query parses as PromQL and selects only
//! metrics the node exposes (the catalogue, with the exporter's suffixes) by labels those metrics have; compose.yaml
//! provisions them; and a real Prometheus scraping a real node through the scripted workload answers every query
//! with data.

use std::collections::BTreeSet;

use shim_actors::catalogue;
use shim_tests::{
    DEADLINE, NatsServer, POLL, TestNode, dashboards, prometheus::Prometheus, wait_until, workload,
};

const DASHBOARDS: [&str; 5] = [
    "coordination",
    "crash-prevention",
    "kaizen",
    "overview",
    "routing-and-spend",
];

#[test]
fn every_dashboard_query_selects_only_exposed_metrics() {
    let present: BTreeSet<String> = dashboards::files()
        .iter()
        .filter_map(|path| path.file_stem())
        .map(|stem| stem.to_string_lossy().into_owned())
        .collect();
    assert_eq!(present, DASHBOARDS.map(str::to_owned).into(), "dashboards/");
    let queries = dashboards::queries();
    assert!(queries.len() >= 40, "{} queries", queries.len());
    let mut problems = Vec::new();
    for query in &queries {
        let place = format!("{} / {:?}: {}", query.dashboard, query.panel, query.expr);
        let selectors = match dashboards::selectors(&query.expr) {
            Ok(selectors) => selectors,
            Err(error) => {
                problems.push(format!("{place}: does not parse: {error}"));
                continue;
            }
        };
        if selectors.is_empty() {
            problems.push(format!("{place}: selects no metric"));
        }
        for selector in selectors {
            let Some(name) = selector.name_opt else {
                problems.push(format!("{place}: a selector without a metric name"));
                continue;
            };
            let Some(spec) = catalogue::by_prometheus_name(&name) else {
                problems.push(format!("{place}: the node does not expose {name}"));
                continue;
            };
            let known: BTreeSet<String> = spec.label_names().map(str::to_owned).collect();
            let mut allowed = known.clone();
            if spec.kind == catalogue::MetricKind::Histogram && name.ends_with("_bucket") {
                allowed.insert("le".to_owned());
            }
            for label in selector.labels.difference(&allowed) {
                problems.push(format!("{place}: {name} has no label {label}"));
            }
            // A matcher that no value of its label satisfies selects nothing, ever.
            for matcher in &selector.matchers {
                if let Some(values) = dashboards::known_values(spec, &matcher.name)
                    && !values.iter().any(|value| matcher.is_match(value))
                {
                    problems.push(format!(
                        "{place}: no value of {name}'s label {} matches {matcher:?}",
                        matcher.name
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn compose_provisions_every_dashboard_on_the_provisioned_data_source() {
    let compose = std::fs::read_to_string(shim_tests::repo_root().join("compose.yaml"))
        .expect("compose.yaml is readable");
    for needle in [
        "./dashboards:/var/lib/grafana/dashboards/shim:ro",
        "path: /var/lib/grafana/dashboards/shim",
        "target: /etc/grafana/provisioning/dashboards/shim.yaml",
        "uid: prometheus",
    ] {
        assert!(compose.contains(needle), "compose.yaml lacks {needle:?}");
    }
    let mut uids = BTreeSet::new();
    for path in dashboards::files() {
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("readable")).expect("json");
        let uid = json["uid"].as_str().expect("a dashboard uid").to_owned();
        assert!(uids.insert(uid.clone()), "{uid} twice");
        for panel in json["panels"].as_array().expect("panels") {
            for source in std::iter::once(&panel["datasource"]).chain(
                panel["targets"]
                    .as_array()
                    .expect("targets")
                    .iter()
                    .map(|target| &target["datasource"]),
            ) {
                assert_eq!(
                    source["uid"],
                    "prometheus",
                    "{}: {:?} queries another data source",
                    path.display(),
                    panel["title"]
                );
            }
        }
    }
}

#[tokio::test]
async fn every_dashboard_query_returns_data_from_a_real_prometheus() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let prometheus = Prometheus::start(node.metrics_addr()).await;
    let scraping = wait_until(
        || async { prometheus.target_health().await.0 == "up" },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(
        scraping,
        "prometheus does not scrape the node: {:?}\n{}",
        prometheus.target_health().await,
        prometheus.log()
    );

    // Prometheus watches while the workload runs, so the counters rise between its scrapes.
    workload::run(&node).await;
    let requests =
        shim_tests::node::metric_value(&node.metrics().await, "shim_node_requests_total", &[])
            .expect("requests counted");
    let caught_up = wait_until(
        || async {
            prometheus
                .query("sum(shim_node_requests_total)")
                .await
                .first()
                .and_then(|sample| sample["value"][1].as_str()?.parse::<f64>().ok())
                .is_some_and(|seen| seen >= requests)
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(
        caught_up,
        "prometheus did not scrape the workload's requests"
    );

    // Each query is asked again until it has data; those still without any at the deadline fail the test.
    let pending = std::sync::Arc::new(tokio::sync::Mutex::new(dashboards::queries()));
    let answered = wait_until(
        || {
            let pending = pending.clone();
            let prometheus = &prometheus;
            async move {
                let mut pending = pending.lock().await;
                let mut still = Vec::new();
                for query in pending.drain(..) {
                    if prometheus.query(&query.expanded()).await.is_empty() {
                        still.push(query);
                    }
                }
                *pending = still;
                pending.is_empty()
            }
        },
        DEADLINE,
        POLL,
    )
    .await;
    let pending = pending.lock().await;
    assert!(
        answered,
        "dashboard queries without data:\n{}",
        pending
            .iter()
            .map(|query| format!(
                "{} / {:?}: {}",
                query.dashboard,
                query.panel,
                query.expanded()
            ))
            .collect::<Vec<_>>()
            .join("\n")
    );

    // And the data is the workload's: counters that started at 0 before Prometheus' first scrape and rose
    // under its eyes (the experiment started, its five chats assigned and their outcomes counted), and the
    // chats left at each level.
    for (query, expected) in [
        ("count(shim_risk_level == 2)", 1.0),
        ("count(shim_risk_level == 1)", 1.0),
        ("sum(shim_chats_active)", 4.0),
        ("sum(increase(shim_routing_overrides_total[1h]))", 1.0),
        ("sum(increase(shim_routing_decisions_total[1h]))", 3.0),
        ("sum(increase(shim_resumes_total[1h]))", 1.0),
        ("sum(increase(shim_checkpoints_total[1h]))", 2.0),
        ("sum(increase(shim_risk_level_changes_total[1h]))", 2.0),
        (
            "sum(increase(shim_tasks_total{kind=\"completed\"}[1h]))",
            1.0,
        ),
        ("sum(increase(shim_chats_ended_total[1h]))", 1.0),
        ("sum(increase(shim_supervisor_restarts_total[1h]))", 1.0),
        (
            "sum(increase(shim_kaizen_decisions_total{action=\"started\"}[1h]))",
            1.0,
        ),
        ("sum(increase(shim_kaizen_exposures_total[1h]))", 5.0),
        ("sum(increase(shim_kaizen_observations_total[1h]))", 5.0),
    ] {
        let value = prometheus.query(query).await[0]["value"][1]
            .as_str()
            .and_then(|value| value.parse::<f64>().ok());
        assert!(
            value.is_some_and(|value| value >= expected),
            "{query}: {value:?}, expected at least {expected}"
        );
    }
    drop(prometheus);
    node.stop().await;
}
