//! Streams at the configured number of copies (`replicas`): created with it, brought to it when they exist
//! with another count (a node started with new settings applies them), and a server's refusal explained in
//! plain words. Buckets go through the same checks ([`super::kv`]). A stream nobody answers for yet (just
//! created, or between leaders on a cluster) is given a moment ([`patiently`]).

use std::time::Duration;

use async_nats::{
    StatusCode,
    jetstream::{
        self, ErrorCode,
        context::{
            CreateStreamError, CreateStreamErrorKind, PublishError, PublishErrorKind, RequestError,
            RequestErrorKind,
        },
        stream::{
            Config, DirectGetError, DirectGetErrorKind, LastRawMessageError,
            LastRawMessageErrorKind, Stream,
        },
    },
};
use tokio::time::Instant;
use tracing::info;

/// How long an operation on a stream nobody answers for is tried again before it fails. On a cluster a stream
/// just created (or whose leader just changed) is answered a moment later, once its copies have a leader and
/// the other servers have heard of it: milliseconds on a quiet machine, longer on a loaded one. A caller with a
/// shorter deadline of its own (a hook, a session's end) gives up first, as it would on a slow server.
pub const UNANSWERED_PATIENCE: Duration = Duration::from_secs(2);

/// The first pause before trying again; each pause doubles, up to [`UNANSWERED_MAX_PAUSE`].
const UNANSWERED_FIRST_PAUSE: Duration = Duration::from_millis(5);

/// The longest pause between tries.
const UNANSWERED_MAX_PAUSE: Duration = Duration::from_millis(200);

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

/// `error` and the errors beneath it, outermost first.
pub fn causes<'a>(
    error: &'a (dyn std::error::Error + 'static),
) -> impl Iterator<Item = &'a (dyn std::error::Error + 'static)> {
    std::iter::successors(Some(error), |cause| cause.source())
}

/// True when `error` says nobody answered for a stream: a publish no stream took ("no stream found"), or a
/// direct get or JetStream request with no responders. Nothing was stored or read, so trying again is safe.
pub fn unanswered(error: &(dyn std::error::Error + 'static)) -> bool {
    causes(error).any(|cause| {
        cause
            .downcast_ref::<PublishError>()
            .is_some_and(|publish| publish.kind() == PublishErrorKind::StreamNotFound)
            || cause
                .downcast_ref::<DirectGetError>()
                .is_some_and(|get| match get.kind() {
                    DirectGetErrorKind::ErrorResponse(status, _) => {
                        status == StatusCode::NO_RESPONDERS
                    }
                    _ => false,
                })
            || cause
                .downcast_ref::<RequestError>()
                .is_some_and(|request| request.kind() == RequestErrorKind::NoResponders)
    })
}

/// True when `error` says a replicated stream has no leader yet (JetStream error 10008, "cluster not
/// available"): how a read of a stream's last message through the JetStream API, which every server answers,
/// finds a stream just made or between leaders.
pub fn leaderless(error: &(dyn std::error::Error + 'static)) -> bool {
    causes(error).any(|cause| {
        cause
            .downcast_ref::<LastRawMessageError>()
            .is_some_and(|read| match read.kind() {
                LastRawMessageErrorKind::JetStream(api) => {
                    api.error_code() == ErrorCode::CLUSTER_NOT_AVAILABLE
                }
                _ => false,
            })
    })
}

/// Runs `attempt`, and again after a growing pause while it fails [`unanswered`], for up to
/// [`UNANSWERED_PATIENCE`]; then returns its last result.
pub async fn patiently<T, E, F, Fut>(attempt: F) -> Result<T, E>
where
    E: std::error::Error + 'static,
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, E>>,
{
    patiently_while(unanswered, attempt).await
}

/// [`patiently`] for a read, which is also tried again while the stream has no leader ([`leaderless`]).
pub async fn patiently_reading<T, E, F, Fut>(attempt: F) -> Result<T, E>
where
    E: std::error::Error + 'static,
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, E>>,
{
    patiently_while(|error| unanswered(error) || leaderless(error), attempt).await
}

/// True when a publish carrying a message id was refused because the stream is still storing an earlier publish
/// of that id (JetStream error 10158, on a replicated stream): once that one is stored, the same publish is
/// answered as a duplicate with its sequence, so trying again with the same id is safe.
pub fn duplicate_in_process(error: &(dyn std::error::Error + 'static)) -> bool {
    causes(error).any(|cause| {
        cause
            .downcast_ref::<jetstream::Error>()
            .is_some_and(|api| api.error_code() == ErrorCode::STREAM_DUPLICATE_MESSAGE_CONFLICT)
    })
}

/// [`patiently`] for a publish that carries a message id (`Nats-Msg-Id`): also tried again while an earlier
/// publish of the same id is being stored ([`duplicate_in_process`]).
pub async fn patiently_publishing<T, E, F, Fut>(attempt: F) -> Result<T, E>
where
    E: std::error::Error + 'static,
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, E>>,
{
    patiently_while(
        |error| unanswered(error) || duplicate_in_process(error),
        attempt,
    )
    .await
}

/// Runs `attempt`, and again after a growing pause while its error is one `again` says to try again, for up to
/// [`UNANSWERED_PATIENCE`]; then returns its last result.
async fn patiently_while<T, E, F, Fut>(
    again: impl Fn(&(dyn std::error::Error + 'static)) -> bool,
    mut attempt: F,
) -> Result<T, E>
where
    E: std::error::Error + 'static,
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, E>>,
{
    let deadline = Instant::now() + UNANSWERED_PATIENCE;
    let mut pause = UNANSWERED_FIRST_PAUSE;
    loop {
        match attempt().await {
            Err(error) if again(&error) && Instant::now() + pause < deadline => {
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(UNANSWERED_MAX_PAUSE);
            }
            outcome => return outcome,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use async_nats::jetstream::{
        context::{PublishError, PublishErrorKind},
        kv::{UpdateError, UpdateErrorKind},
    };
    use tokio::time::Instant;

    use super::{UNANSWERED_PATIENCE, patiently, unanswered};

    /// A kv write whose publish no stream took, wrapped as async-nats 0.51 wraps it.
    fn no_stream() -> UpdateError {
        UpdateError::with_source(
            UpdateErrorKind::Other,
            PublishError::new(PublishErrorKind::StreamNotFound),
        )
    }

    #[test]
    fn only_a_stream_nobody_answers_for_is_unanswered() {
        assert!(unanswered(&no_stream()));
        assert!(!unanswered(&UpdateError::new(UpdateErrorKind::TimedOut)));
        assert!(!unanswered(&UpdateError::new(
            UpdateErrorKind::WrongLastRevision
        )));
    }

    /// The error JetStream's API answers with, as async-nats decodes it.
    fn api_error(code: u16, err_code: u64, description: &str) -> async_nats::jetstream::Error {
        serde_json::from_value(serde_json::json!({
            "code": code,
            "err_code": err_code,
            "description": description,
        }))
        .expect("an API error")
    }

    #[test]
    fn a_read_of_a_stream_without_a_leader_is_leaderless() {
        use async_nats::jetstream::stream::{LastRawMessageError, LastRawMessageErrorKind};
        let read = |err_code| {
            LastRawMessageError::new(LastRawMessageErrorKind::JetStream(api_error(
                503,
                err_code,
                "JetStream cluster not available",
            )))
        };
        assert!(super::leaderless(&read(10008)));
        assert!(!super::leaderless(&read(10059)));
        assert!(!super::leaderless(&no_stream()));
        assert!(!unanswered(&read(10008)));
    }

    #[tokio::test(start_paused = true)]
    async fn a_publish_whose_id_is_still_being_stored_is_tried_again() {
        let refused = |err_code| {
            PublishError::with_source(
                PublishErrorKind::Other,
                api_error(400, err_code, "duplicate message id is in process"),
            )
        };
        assert!(super::duplicate_in_process(&refused(10158)));
        assert!(!super::duplicate_in_process(&refused(10060)));
        assert!(!super::duplicate_in_process(&no_stream()));
        let mut tries = 0;
        let stored = super::patiently_publishing(|| {
            tries += 1;
            let answered = tries == 3;
            async move {
                if answered {
                    Ok(tries)
                } else {
                    Err(refused(10158))
                }
            }
        })
        .await
        .expect("answered on the third try");
        assert_eq!(stored, 3);
        // Not for other refusals.
        let mut tries = 0;
        let outcome: Result<(), PublishError> = super::patiently_publishing(|| {
            tries += 1;
            async { Err(refused(10060)) }
        })
        .await;
        assert!(outcome.is_err());
        assert_eq!(tries, 1);
    }

    #[tokio::test(start_paused = true)]
    async fn an_unanswered_stream_is_tried_again_until_it_answers() {
        let mut tries = 0;
        let written = patiently(|| {
            tries += 1;
            let answered = tries == 4;
            async move {
                if answered {
                    Ok(tries)
                } else {
                    Err(no_stream())
                }
            }
        })
        .await
        .expect("answered on the fourth try");
        assert_eq!(written, 4);
    }

    #[tokio::test(start_paused = true)]
    async fn other_failures_are_not_tried_again_and_patience_ends() {
        let mut tries = 0;
        let outcome: Result<(), UpdateError> = patiently(|| {
            tries += 1;
            async { Err(UpdateError::new(UpdateErrorKind::TimedOut)) }
        })
        .await;
        assert!(outcome.is_err());
        assert_eq!(tries, 1);

        let started = Instant::now();
        let outcome: Result<(), UpdateError> = patiently(|| async { Err(no_stream()) }).await;
        assert!(outcome.is_err());
        let waited = started.elapsed();
        assert!(
            waited <= UNANSWERED_PATIENCE
                && waited >= UNANSWERED_PATIENCE - Duration::from_millis(200),
            "{waited:?}"
        );
    }
}
