//! Opening JetStream key-value buckets, on any nats-server SHIM supports.
//!
//! async-nats creates a bucket by reading account information that nats-server 2.9 (Debian 12's package)
//! does not send, so the client's own `create_key_value` fails there. A bucket is only a stream with a
//! naming convention, so SHIM creates that stream itself (`KV_<bucket>` on `$KV.<bucket>.>`, one message per
//! key kept per `history`, roll-ups allowed, deletes through markers, direct gets) and then opens it as a
//! bucket; on newer servers the same path works.

use std::time::Duration;

use anyhow::Context;
use async_nats::jetstream::{
    self,
    kv::{Operation, Store},
    stream::{Config, DiscardPolicy, LastRawMessageErrorKind, StorageType},
};
use bytes::Bytes;
use shim_protocol::limits::DUPLICATE_WINDOW;

/// How a bucket is made.
#[derive(Debug, Clone)]
pub struct BucketSpec {
    /// Its name (`[A-Za-z0-9_-]+`).
    pub name: String,
    /// Values kept per key (1 for registries and locks).
    pub history: i64,
    /// Keys older than this disappear; zero keeps them.
    pub max_age: Duration,
    /// Copies in a cluster.
    pub replicas: usize,
}

/// The duplicate window of a bucket keeping keys for `max_age`: never longer than the keys live.
fn duplicate_window(max_age: Duration) -> Duration {
    if max_age.is_zero() {
        DUPLICATE_WINDOW
    } else {
        DUPLICATE_WINDOW.min(max_age)
    }
}

/// Opens the bucket, creating its stream first when it does not exist, or bringing an existing one to the
/// spec's `max_age` and `replicas` (a node started with new settings applies them, as the events stream
/// does); its `history` is left as it was made.
pub async fn open_bucket(js: &jetstream::Context, spec: &BucketSpec) -> anyhow::Result<Store> {
    if let Ok(store) = js.get_key_value(spec.name.as_str()).await {
        if !bring_to_spec(js, spec).await? {
            return Ok(store);
        }
        // Opened again: a bucket's handle reads with what its stream was when opened (its copies).
        return js
            .get_key_value(spec.name.as_str())
            .await
            .with_context(|| format!("failed to open bucket {}", spec.name));
    }
    js.get_or_create_stream(Config {
        name: shim_protocol::subject::kv_stream(&spec.name),
        subjects: vec![shim_protocol::subject::kv_bucket_all(&spec.name)],
        max_messages_per_subject: spec.history.max(1),
        max_age: spec.max_age,
        storage: StorageType::File,
        num_replicas: spec.replicas.max(1),
        discard: DiscardPolicy::New,
        allow_rollup: true,
        deny_delete: true,
        allow_direct: true,
        duplicate_window: duplicate_window(spec.max_age),
        ..Config::default()
    })
    .await
    .map_err(|error| {
        super::streams::refused(
            &error,
            &format!("bucket {}", spec.name),
            spec.replicas.max(1),
            "create",
        )
    })?;
    js.get_key_value(spec.name.as_str())
        .await
        .with_context(|| format!("failed to open bucket {}", spec.name))
}

/// Updates the stream of an existing bucket when its age limit or replicas differ from `spec`; true when it
/// did.
async fn bring_to_spec(js: &jetstream::Context, spec: &BucketSpec) -> anyhow::Result<bool> {
    let stream_name = shim_protocol::subject::kv_stream(&spec.name);
    let mut stream = js.get_stream(stream_name.as_str()).await.map_err(|error| {
        anyhow::anyhow!("failed to open the stream of bucket {}: {error}", spec.name)
    })?;
    let current = stream
        .info()
        .await
        .with_context(|| format!("failed to read the stream of bucket {}", spec.name))?
        .config
        .clone();
    let replicas = spec.replicas.max(1);
    if current.max_age == spec.max_age && current.num_replicas.max(1) == replicas {
        return Ok(false);
    }
    let from = current.num_replicas.max(1);
    js.update_stream(Config {
        max_age: spec.max_age,
        num_replicas: replicas,
        duplicate_window: duplicate_window(spec.max_age),
        ..current
    })
    .await
    .map_err(|error| {
        super::streams::refused(&error, &format!("bucket {}", spec.name), replicas, "update")
    })?;
    tracing::info!(
        bucket = %spec.name,
        max_age_s = spec.max_age.as_secs(),
        from_replicas = from,
        replicas,
        "bucket brought to the configured limits and copies"
    );
    Ok(true)
}

/// The newest entry of a key: a value, or a delete or purge marker, at its revision.
#[derive(Debug, Clone, PartialEq)]
pub struct Latest {
    /// A value (`Put`), or the marker of a delete or purge.
    pub operation: Operation,
    /// The value (empty for a marker).
    pub value: Bytes,
    /// Its revision.
    pub revision: u64,
}

/// Reads the newest entry of `key`; `None` for a key never written.
///
/// A bucket with one copy is read with a direct get, answered by the one server holding it. A replicated
/// bucket is read from its stream's leader: a direct get may be answered by any copy, and a copy that has not
/// applied the latest acknowledged write yet answers with the value before it (on a three-server cluster a
/// completion then found its task not claimed, moments after the claim was acknowledged). Writes are
/// compare-and-set either way; this keeps what is decided on a read (a refusal, a release) on the latest value.
/// A bucket nobody answers for yet, or without a leader yet, is given [`super::streams::UNANSWERED_PATIENCE`].
pub async fn latest(store: &Store, key: &str) -> Result<Option<Latest>, String> {
    if store.stream.cached_info().config.num_replicas <= 1 {
        let entry = super::streams::patiently(|| store.entry(key))
            .await
            .map_err(|error| error.to_string())?;
        return Ok(entry.map(|entry| Latest {
            operation: entry.operation,
            value: entry.value,
            revision: entry.revision,
        }));
    }
    let subject = format!("{}{key}", store.prefix);
    match super::streams::patiently_reading(|| {
        store.stream.get_last_raw_message_by_subject(&subject)
    })
    .await
    {
        Ok(message) => Ok(Some(Latest {
            operation: operation_of(&message.headers),
            value: message.payload,
            revision: message.sequence,
        })),
        Err(error) if error.kind() == LastRawMessageErrorKind::NoMessageFound => Ok(None),
        Err(error) => Err(error.to_string()),
    }
}

/// The operation a bucket's message records, from its headers (no header: a value).
fn operation_of(headers: &async_nats::HeaderMap) -> Operation {
    match headers.get("KV-Operation").map(|value| value.as_str()) {
        Some("DEL") => Operation::Delete,
        Some("PURGE") => Operation::Purge,
        Some(_) => Operation::Put,
        // A marker the server wrote itself (an age limit, a removal) carries a reason instead.
        None => match headers
            .get("Nats-Marker-Reason")
            .map(|value| value.as_str())
        {
            Some("Remove") => Operation::Delete,
            Some(_) => Operation::Purge,
            None => Operation::Put,
        },
    }
}
