//! Session records planted in the analytics store before a node starts, as earlier weeks of work would have left
//! them: what the node learns from its sessions (working hours, spend, latency, Kaizen opportunities) needs a
//! history no test can wait weeks for.

use serde_json::Value;

/// Writes `records` (session records as JSON, each with its `chat_id`) into the session bucket of the
/// nats-server at `url`, creating the bucket as a node with the default settings makes it.
pub async fn plant_sessions(url: &str, records: &[Value]) {
    let client = async_nats::connect(url).await.expect("connects");
    let js = async_nats::jetstream::new(client);
    let bucket = shim_node::coordination::kv::open_bucket(
        &js,
        &shim_node::analytics::sessions_bucket_spec(&Default::default()),
    )
    .await
    .expect("the session bucket");
    for record in records {
        let chat_id = record["chat_id"].as_str().expect("a chat id").to_owned();
        bucket
            .put(chat_id, serde_json::to_vec(record).expect("json").into())
            .await
            .expect("planted");
    }
}
