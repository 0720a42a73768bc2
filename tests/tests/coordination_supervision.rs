//! Coordination's background tasks are supervised: when the task index's follower loses what it follows (the
//! `shim_tasks` bucket's stream is deleted under it), it is started again, and the restart is reported as a
//! `coordination.task_restarted` event and in `shim_coordination_task_restarts_total`.

use shim_tests::{DEADLINE, EventFeed, NatsServer, POLL, TestNode, node::metric_value, wait_until};

#[tokio::test]
async fn a_follower_that_dies_is_restarted_and_reported() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = async_nats::connect(nats.url()).await.expect("connects");
    let mut restarts =
        EventFeed::subscribe(&client, "shim.events.coordination.task_restarted").await;
    let js = async_nats::jetstream::new(client.clone());
    js.delete_stream(shim_protocol::subject::kv_stream(
        shim_node::coordination::tasks::BUCKET,
    ))
    .await
    .expect("the bucket's stream is deleted");
    let (subject, event) = restarts.next().await;
    assert_eq!(subject, "shim.events.coordination.task_restarted");
    assert_eq!(event["data"]["task"], "task index", "{event}");
    assert_eq!(event["data"]["restarts"], 1, "{event}");
    assert!(
        event["data"]["reason"]
            .as_str()
            .is_some_and(|reason| !reason.is_empty())
    );
    let counted = wait_until(
        || async {
            metric_value(
                &node.metrics().await,
                "shim_coordination_task_restarts_total",
                &["task=\"task index\""],
            )
            .is_some_and(|count| count >= 1.0)
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(counted, "the restart is counted");
    node.stop().await;
}
