//! The metrics catalogue, docs/metrics.md and a live node's `/metrics` agree: after a workload that records every
//! metric, the endpoint holds exactly the documented families with the documented types and labels; the
//! document's table is the catalogue's; per-chat series leave with their chat, so a busy node's series grow by
//! one per open chat and no more.

use std::collections::BTreeSet;

use shim_tests::{
    DEADLINE, NatsServer, POLL, TestNode, metrics_doc, node::metric_value, wait_until, workload,
};

#[test]
fn the_documented_table_is_the_catalogue() {
    let doc = metrics_doc::read();
    let documented = metrics_doc::table_rows(&doc);
    let expected = metrics_doc::expected_rows();
    assert!(
        documented == expected,
        "docs/metrics.md's table differs from the catalogue (actors/src/metrics/catalogue.rs) and the dashboards \
         that use each metric; the table should read:\n\n| metric | type | labels | unit | meaning | dashboards |\n\
         |---|---|---|---|---|---|\n{}\n",
        expected.join("\n")
    );
}

#[tokio::test]
async fn a_busy_nodes_metrics_are_exactly_the_documented_ones() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    workload::run(&node).await;
    let body = node.metrics().await;
    let exposed = metrics_doc::exposed(&body);
    let documented = metrics_doc::documented(&metrics_doc::read());

    let exposed_names: BTreeSet<&String> = exposed.keys().collect();
    let documented_names: BTreeSet<&String> = documented.keys().collect();
    assert_eq!(
        exposed_names
            .difference(&documented_names)
            .collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "exposed but not in docs/metrics.md"
    );
    assert_eq!(
        documented_names
            .difference(&exposed_names)
            .collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "in docs/metrics.md but not exposed after the workload:\n{body}"
    );
    for (name, family) in &exposed {
        assert_eq!(
            Some(family),
            documented.get(name),
            "{name}: type or labels differ between /metrics and docs/metrics.md"
        );
    }
    node.stop().await;
}

async fn risk_series(node: &TestNode, chat_id: &str) -> Option<f64> {
    metric_value(
        &node.metrics().await,
        "shim_risk_level",
        &[&format!("chat_id=\"{chat_id}\"")],
    )
}

#[tokio::test]
async fn a_chats_risk_series_lives_as_long_as_the_chat() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let chats = workload::open_chats(&client, "series", 2).await;
    for chat_id in &chats {
        assert_eq!(
            risk_series(&node, chat_id).await,
            Some(0.0),
            "{chat_id} runs at safe"
        );
    }
    workload::end_chat(&client, &chats[0]).await;
    let gone = wait_until(
        || async { risk_series(&node, &chats[0]).await.is_none() },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(
        gone,
        "the ended chat's series is dropped:\n{}",
        node.metrics().await
    );
    assert_eq!(
        risk_series(&node, &chats[1]).await,
        Some(0.0),
        "the other chat's stays"
    );
    node.stop().await;
}

/// Counts the series of a node that ran the whole workload with 200 more chats open, and checks that they
/// grow by exactly one per open chat and shrink back when the chats end. Prints the numbers docs/metrics.md
/// quotes (`cargo test -p shim-tests --test suite metrics::series -- --nocapture`).
#[tokio::test]
async fn series_grow_by_one_per_open_chat_and_shrink_back() {
    const CHATS: usize = 200;
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let idle = metrics_doc::series_count(&node.metrics().await);
    workload::run(&node).await;
    let running = metric_value(&node.metrics().await, "shim_chats_active", &[]).unwrap_or_default();
    let busy_before = metrics_doc::series_count(&node.metrics().await);
    let chats = workload::open_chats(&client, "busy", CHATS).await;
    let opened = wait_until(
        || async { metrics_doc::series_count(&node.metrics().await) == busy_before + CHATS },
        DEADLINE,
        POLL,
    )
    .await;
    let busy = metrics_doc::series_count(&node.metrics().await);
    assert!(
        opened,
        "{CHATS} more chats: {busy_before} series became {busy}, not {}",
        busy_before + CHATS
    );
    for chat_id in &chats {
        workload::end_chat(&client, chat_id).await;
    }
    // Ending a chat adds no series the workload had not made already (`shim_chats_ended_total{reason="ended"}`).
    let shrunk = wait_until(
        || async { metrics_doc::series_count(&node.metrics().await) == busy_before },
        DEADLINE,
        POLL,
    )
    .await;
    let after = metrics_doc::series_count(&node.metrics().await);
    assert!(
        shrunk,
        "after the {CHATS} chats ended: {after} series, not {busy_before}"
    );
    println!(
        "series: {idle} on a fresh node, {busy_before} after the workload ({running} chats running), {busy} with \
         {CHATS} more chats open, {after} once they ended"
    );
    node.stop().await;
}
