//! Streams at the configured number of copies (`replicas`): created with it, brought to it when they exist
//! with another count (a node started with new settings applies them), and a server's refusal explained in
//! plain words. Buckets go through the same checks ([`super::kv`]).

use async_nats::jetstream::{
    self,
    context::{CreateStreamError, CreateStreamErrorKind},
    stream::{Config, Stream},
};
use tracing::info;

/// Opens the stream `wanted.name`, creating it with `wanted` when it does not exist; an existing one keeps its
/// other settings but is brought to `wanted`'s number of copies.
pub async fn ensure_stream(js: &jetstream::Context, wanted: Config) -> anyhow::Result<Stream> {
    let name = wanted.name.clone();
    let replicas = wanted.num_replicas.max(1);
    let stream = js
        .get_or_create_stream(Config {
            num_replicas: replicas,
            ..wanted
        })
        .await
        .map_err(|error| refused(&error, &format!("stream {name}"), replicas, "create"))?;
    let current = stream.cached_info().config.clone();
    if current.num_replicas.max(1) == replicas {
        return Ok(stream);
    }
    set_replicas(js, current, replicas, &format!("stream {name}")).await?;
    js.get_stream(name.as_str())
        .await
        .map_err(|error| anyhow::anyhow!("failed to open stream {name}: {error}"))
}

/// Updates the stream whose configuration is `current` to `replicas` copies, saying what changed.
pub async fn set_replicas(
    js: &jetstream::Context,
    current: Config,
    replicas: usize,
    what: &str,
) -> anyhow::Result<()> {
    let from = current.num_replicas.max(1);
    js.update_stream(Config {
        num_replicas: replicas,
        ..current
    })
    .await
    .map_err(|error| refused(&error, what, replicas, "update"))?;
    info!(
        what,
        from,
        to = replicas,
        "copies changed to the configured replicas"
    );
    Ok(())
}

/// The error of a stream the server would not create or update (`verb`) with `replicas` copies: why, in plain
/// words, when the copies are the reason.
pub fn refused(
    error: &CreateStreamError,
    what: &str,
    replicas: usize,
    verb: &str,
) -> anyhow::Error {
    match refusal_reason(error, replicas) {
        Some(reason) => anyhow::anyhow!("cannot {verb} {what} with {replicas} copies: {reason}"),
        None => anyhow::anyhow!("failed to {verb} {what}: {error}"),
    }
}

/// Why a server refuses `replicas` copies, when that is what `error` says.
fn refusal_reason(error: &CreateStreamError, replicas: usize) -> Option<String> {
    use async_nats::jetstream::ErrorCode;
    let CreateStreamErrorKind::JetStream(jetstream_error) = error.kind() else {
        return None;
    };
    match jetstream_error.error_code() {
        ErrorCode::STREAM_REPLICAS_NOT_SUPPORTED => Some(not_clustered(replicas)),
        ErrorCode::INSUFFICIENT_RESOURCES | ErrorCode::CLUSTER_NO_PEERS => Some(format!(
            "the NATS cluster has fewer than {replicas} servers with JetStream running and room to spare ({}); \
             start the missing servers, or lower replicas",
            jetstream_error
        )),
        _ => None,
    }
}

/// Why a server outside a cluster cannot hold `replicas` copies.
pub fn not_clustered(replicas: usize) -> String {
    format!(
        "this NATS server is not part of a cluster, and a single server holds one copy of each stream; \
         set replicas = 1 (SHIM_REPLICAS=1), or point nats_url at a cluster of at least {replicas} servers \
         (docs/cluster.md)"
    )
}

/// Refuses to go on when `replicas` copies are asked of a server `client` is connected to that is not part of a
/// cluster (it would refuse every stream); a client not connected yet is not checked (each stream says why it
/// is refused instead).
pub fn check_server_holds(client: &async_nats::Client, replicas: usize) -> anyhow::Result<()> {
    if replicas <= 1 {
        return Ok(());
    }
    let info = client.server_info();
    if info.server_id.is_empty() || !info.jetstream || info.cluster.is_some() {
        return Ok(());
    }
    anyhow::bail!("replicas is {replicas}, but {}", not_clustered(replicas))
}
