//! The OTLP/HTTP receiver: Claude Code's own telemetry taken in on `POST /v1/logs` and `POST /v1/metrics`
//! (protobuf or JSON, optionally gzip), turned into `telemetry.*` events on `shim.events.>` and into signals
//! for the chat's worker (see [`claude`] for what is read).
//!
//! Bounded: a body is refused past [`Limits::max_body_bytes`] on the wire and again after un-gzipping; a
//! request of more than [`Limits::max_records`] records is refused before it is decoded (see [`bound`]); at
//! most [`Limits::max_in_flight`] requests are worked on at once (more get 429). Whatever is wrong with a
//! request gets a 4xx with a `google.rpc.Status` saying what, and is counted in
//! `shim_otlp_bad_requests_total{reason}`.
//!
//! An exporter sends a batch again when its answer was late or a 5xx: records taken in the last
//! [`RECENT_RECORDS`] are recognised by their digest and dropped before they become events or signals
//! (`shim_otlp_duplicates_total`).

pub mod body;
pub mod bound;
pub mod claude;

use std::{
    collections::{HashMap, HashSet, VecDeque},
    net::SocketAddr,
    sync::{Arc, Mutex, PoisonError},
    time::Instant,
};

use anyhow::Context;
use axum::{
    Router,
    extract::State,
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
    routing::post,
};
use opentelemetry_proto::tonic::collector::{
    logs::v1::{ExportLogsServiceRequest, ExportLogsServiceResponse},
    metrics::v1::{ExportMetricsServiceRequest, ExportMetricsServiceResponse},
};
use ractor::ActorRef;
use shim_actors::{ChatWorkerMessage, SupervisorMessage, names};
use shim_protocol::{
    Event,
    messages::{SignalBatch, SignalSource},
};
use tokio::{net::TcpListener, sync::Semaphore, task::JoinHandle};
use tracing::{debug, info, warn};

use crate::metrics::{NodeMetrics, OtlpMetrics};
use body::Format;
use claude::{Taken, Telemetry};

/// Why a request was refused; each is a 4xx (or 429/503) with a `google.rpc.Status`.
#[derive(Debug, thiserror::Error)]
pub enum OtlpError {
    /// The body is not an export request in the format it claims.
    #[error("malformed body: {message}")]
    Malformed {
        /// What the decoder said.
        message: String,
    },
    /// The body could not be read off the connection.
    #[error("the body could not be read: {message}")]
    Unreadable {
        /// What went wrong.
        message: String,
    },
    /// The body holds more records (or more attributes and other values) than a request may.
    #[error(
        "a request holds at most {max_records} records (log records, data points and the groups around them) \
         and {} attributes and other nested values; send smaller batches",
        max_records.saturating_mul(bound::VALUES_PER_RECORD)
    )]
    TooManyRecords {
        /// The cap.
        max_records: usize,
    },
    /// The body, on the wire or un-gzipped, is larger than the cap.
    #[error("the body is larger than {max_bytes} bytes (on the wire or un-gzipped)")]
    TooLarge {
        /// The cap.
        max_bytes: usize,
    },
    /// Neither `application/x-protobuf` nor `application/json`.
    #[error(
        "content type {content_type:?} is not supported; send application/x-protobuf or application/json"
    )]
    UnsupportedMediaType {
        /// What the request said.
        content_type: String,
    },
    /// A `Content-Encoding` other than gzip.
    #[error("content encoding {encoding:?} is not supported; send gzip or no encoding")]
    UnsupportedEncoding {
        /// What the request said.
        encoding: String,
    },
    /// The body did not arrive in time.
    #[error("the body did not arrive within {after:?}")]
    SlowBody {
        /// The limit.
        after: std::time::Duration,
    },
    /// No `Authorization: Bearer` with this node's token.
    #[error(
        "this OTLP receiver takes telemetry only from Claude Code sessions of this node's user: send \
         `Authorization: Bearer <token>` as `shim-node otel-headers` prints it (`shim-node setup claude-code \
         --telemetry` has Claude Code run it)"
    )]
    Unauthenticated,
    /// Too many requests in flight.
    #[error("too many export requests at once; retry shortly")]
    Busy,
    /// The node failed to work on the request.
    #[error("the node could not take the request in: {message}")]
    Internal {
        /// What went wrong.
        message: String,
    },
}

/// A `Result` whose error is an [`OtlpError`].
pub type OtlpResult<T> = Result<T, OtlpError>;

impl OtlpError {
    /// The reason label it is counted under.
    pub fn reason(&self) -> &'static str {
        match self {
            OtlpError::Malformed { .. } => "malformed",
            OtlpError::Unreadable { .. } => "unreadable",
            OtlpError::TooLarge { .. } => "too_large",
            OtlpError::TooManyRecords { .. } => "too_many_records",
            OtlpError::UnsupportedMediaType { .. } => "unsupported_media_type",
            OtlpError::UnsupportedEncoding { .. } => "unsupported_encoding",
            OtlpError::SlowBody { .. } => "slow_body",
            OtlpError::Unauthenticated => "unauthenticated",
            OtlpError::Busy => "busy",
            OtlpError::Internal { .. } => "internal",
        }
    }
}

/// The receiver's bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest body, on the wire and after un-gzipping. Default 4 MiB (Claude Code's batches of up to 512
    /// events are well under 1 MiB).
    pub max_body_bytes: usize,
    /// Most records in one request: log records, metric data points and the resource, scope and metric
    /// groups around them, counted before decoding; more is refused (413). Default 10,000.
    pub max_records: usize,
    /// Most requests worked on at once; more are answered 429. Default 8.
    pub max_in_flight: usize,
    /// Longest a body may take to arrive once its request is taken; then 408. Default 10 s.
    pub body_timeout: std::time::Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_body_bytes: 4 * 1024 * 1024,
            max_records: 10_000,
            max_in_flight: 8,
            body_timeout: std::time::Duration::from_secs(10),
        }
    }
}

/// What the receiver needs: NATS for events, the supervisor for chats' workers, its instruments.
#[derive(Debug, Clone)]
pub struct OtlpContext {
    /// Publishes the `telemetry.*` events.
    pub client: async_nats::Client,
    /// This node's id, stamped on events.
    pub node_id: String,
    /// Finds the workers of chats that are not registered by name (a chat whose worker idled out).
    pub supervisor: ActorRef<SupervisorMessage>,
    /// How long the supervisor may take to answer.
    pub call_timeout: std::time::Duration,
    /// The receiver's instruments.
    pub metrics: OtlpMetrics,
    /// The node's instruments (events published and dropped).
    pub node_metrics: NodeMetrics,
    /// The bounds.
    pub limits: Limits,
    /// The token every request presents (`Authorization: Bearer`), [`chat_keys::otlp_token`]; `None` takes
    /// requests without one.
    ///
    /// [`chat_keys::otlp_token`]: crate::coordination::chat_keys::otlp_token
    pub token: Option<String>,
}

/// How long one event may wait for room in the NATS client's buffer while the client is not connected: it
/// fills while NATS is away and then stays full. Connected, a publish takes microseconds and a flood of
/// exports is slowed down by it rather than filling the node's memory.
const PUBLISH_PATIENCE: std::time::Duration = std::time::Duration::from_secs(1);
/// How long one request's events may wait for room while the client is connected (a burst, a poor link to
/// a remote server) before the rest are dropped all the same.
const CONNECTED_PATIENCE: std::time::Duration = std::time::Duration::from_secs(10);

/// How many records' digests are kept to recognise a batch sent again.
pub const RECENT_RECORDS: usize = 65_536;

struct Receiver {
    context: OtlpContext,
    in_flight: Semaphore,
    recent: Mutex<Recent>,
    /// When a refused request was last logged as a warning (the receiver's start, at first).
    warned_unauthenticated: Mutex<Option<Instant>>,
}

/// How often at most a request refused for want of the token is logged as a warning: Claude Code exports every
/// few seconds, and says nothing itself when refused.
const WARN_UNAUTHENTICATED_EVERY: std::time::Duration = std::time::Duration::from_secs(600);

/// The digests of the records taken most recently, the oldest forgotten first.
#[derive(Debug, Default)]
struct Recent {
    seen: HashSet<u64>,
    order: VecDeque<u64>,
}

impl Recent {
    /// Remembers `digest`; false when it was already remembered.
    fn insert(&mut self, digest: u64) -> bool {
        if !self.seen.insert(digest) {
            return false;
        }
        self.order.push_back(digest);
        if self.order.len() > RECENT_RECORDS
            && let Some(oldest) = self.order.pop_front()
        {
            self.seen.remove(&oldest);
        }
        true
    }
}

/// Which export a request carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// `/v1/logs`: Claude Code's events.
    Logs,
    /// `/v1/metrics`: Claude Code's counters.
    Metrics,
}

impl Signal {
    fn as_str(self) -> &'static str {
        match self {
            Signal::Logs => "logs",
            Signal::Metrics => "metrics",
        }
    }
}

/// Un-gzips (when `gzipped`), bounds and decodes the body of one export, and takes from it what SHIM uses:
/// everything the receiver does with a body's bytes, with no I/O. CPU work of up to a few tens of
/// milliseconds, run off the async threads.
pub fn take_body(
    signal: Signal,
    format: Format,
    gzipped: bool,
    wire: &[u8],
    limits: Limits,
) -> OtlpResult<Taken> {
    let plain = if gzipped {
        std::borrow::Cow::Owned(body::gunzip(wire, limits.max_body_bytes)?)
    } else {
        std::borrow::Cow::Borrowed(wire)
    };
    // Counted before decoding: what is refused here is never built in memory.
    match (format, signal) {
        (Format::Json, _) => bound::json(&plain, limits.max_records)?,
        (Format::Protobuf, Signal::Logs) => bound::protobuf_logs(&plain, limits.max_records)?,
        (Format::Protobuf, Signal::Metrics) => bound::protobuf_metrics(&plain, limits.max_records)?,
    }
    Ok(match signal {
        Signal::Logs => {
            claude::from_logs(&body::decode::<ExportLogsServiceRequest>(format, &plain)?)
        }
        Signal::Metrics => claude::from_metrics(&body::decode::<ExportMetricsServiceRequest>(
            format, &plain,
        )?),
    })
}

/// What `shim-node otel-headers` prints for Claude Code (its `otelHeadersHelper`): the header its telemetry
/// presents to the OTLP receiver of the node of `data_dir`, as a JSON object. Makes the node's key when the
/// node never ran, so the helper and the node agree whichever runs first.
pub fn headers(data_dir: &std::path::Path) -> anyhow::Result<String> {
    use crate::coordination::chat_keys;
    crate::data_dir::private_dir(data_dir)
        .with_context(|| format!("failed to create {}", data_dir.display()))?;
    let data_dir = crate::data_dir::DataDir::new(data_dir);
    let token = chat_keys::otlp_token(&chat_keys::node_key(&data_dir)?);
    Ok(serde_json::json!({"Authorization": format!("Bearer {token}")}).to_string())
}

/// Binds `addr` and serves the receiver until `shutdown` resolves; returns the bound address.
pub async fn serve(
    addr: SocketAddr,
    context: OtlpContext,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<(SocketAddr, JoinHandle<()>)> {
    let listener = TcpListener::bind(addr).await.with_context(|| {
        format!(
            "failed to bind the OTLP receiver on {addr}; set --otlp-addr to a free address or `off`"
        )
    })?;
    let bound = listener.local_addr()?;
    let receiver = Arc::new(Receiver {
        in_flight: Semaphore::new(context.limits.max_in_flight.max(1)),
        recent: Mutex::new(Recent::default()),
        warned_unauthenticated: Mutex::new(None),
        context,
    });
    let app = Router::new()
        .route(
            "/v1/logs",
            post(
                |State(receiver): State<Arc<Receiver>>,
                 headers: HeaderMap,
                 body: axum::body::Body| async move {
                    receiver.export(Signal::Logs, headers, body).await
                },
            ),
        )
        .route(
            "/v1/metrics",
            post(
                |State(receiver): State<Arc<Receiver>>,
                 headers: HeaderMap,
                 body: axum::body::Body| async move {
                    receiver.export(Signal::Metrics, headers, body).await
                },
            ),
        )
        .with_state(receiver);
    info!(addr = %bound, "serving OTLP/HTTP on /v1/logs and /v1/metrics");
    let handle = tokio::spawn(crate::http::serve(
        "OTLP receiver",
        listener,
        app,
        crate::http::Bounds::default(),
        shutdown,
    ));
    Ok((bound, handle))
}

impl Receiver {
    async fn export(&self, signal: Signal, headers: HeaderMap, body: axum::body::Body) -> Response {
        let started = Instant::now();
        let format_opt = Format::of(&headers).ok();
        let metrics = &self.context.metrics;
        match self.take_in(signal, &headers, body).await {
            Ok(format) => {
                metrics.record_request(signal.as_str(), "ok", started.elapsed());
                let bytes = match signal {
                    Signal::Logs => format.encode(&ExportLogsServiceResponse {
                        partial_success: None,
                    }),
                    Signal::Metrics => format.encode(&ExportMetricsServiceResponse {
                        partial_success: None,
                    }),
                };
                (
                    StatusCode::OK,
                    [(header::CONTENT_TYPE, format.content_type())],
                    bytes,
                )
                    .into_response()
            }
            Err(error) => {
                metrics.record_request(signal.as_str(), "rejected", started.elapsed());
                metrics.record_bad_request(error.reason());
                debug!(signal = signal.as_str(), reason = error.reason(), %error, "OTLP request refused");
                if matches!(error, OtlpError::Unauthenticated) {
                    self.warn_unauthenticated();
                }
                let (status, code) = body::status_of(&error);
                let format = format_opt.unwrap_or(Format::Json);
                let reply = body::Status {
                    code,
                    message: error.to_string(),
                };
                let mut response = (
                    status,
                    [(header::CONTENT_TYPE, format.content_type())],
                    format.encode(&reply),
                )
                    .into_response();
                if matches!(error, OtlpError::Busy) {
                    response
                        .headers_mut()
                        .insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
                }
                response
            }
        }
    }

    /// Says, at most every [`WARN_UNAUTHENTICATED_EVERY`], that telemetry is being refused and what to do: a
    /// Claude Code set up before the receiver required its token sends without it, and shows nothing.
    fn warn_unauthenticated(&self) {
        let mut last = self
            .warned_unauthenticated
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if last.is_some_and(|at| at.elapsed() < WARN_UNAUTHENTICATED_EVERY) {
            return;
        }
        *last = Some(Instant::now());
        warn!(
            "telemetry sent to this node's OTLP receiver without its token is refused (counted in \
             shim_otlp_bad_requests_total{{reason=\"unauthenticated\"}}); if it is your Claude Code's, run \
             `shim-node setup claude-code --telemetry` again, with the `--user` or `--project DIR` you set it up \
             with (it sets Claude Code's otelHeadersHelper to `shim-node otel-headers`), and restart Claude Code"
        );
    }

    /// Reads, bounds, decodes and hands on one request; returns its format.
    async fn take_in(
        &self,
        signal: Signal,
        headers: &HeaderMap,
        body: axum::body::Body,
    ) -> OtlpResult<Format> {
        // Before anything else: a stranger's request takes no place in flight and no decoding.
        if let Some(token) = &self.context.token {
            // The scheme's name is case-insensitive (RFC 9110).
            let presented = headers
                .get(header::AUTHORIZATION)
                .and_then(|value| value.to_str().ok())
                .and_then(|value| value.trim().split_once(' '))
                .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
                .map(|(_, token)| token);
            if !presented.is_some_and(|presented| {
                crate::coordination::chat_keys::same(presented.trim(), token)
            }) {
                return Err(OtlpError::Unauthenticated);
            }
        }
        let _permit = self.in_flight.try_acquire().map_err(|_| OtlpError::Busy)?;
        let format = Format::of(headers)?;
        let gzipped = body::gzipped(headers)?;
        let limits = self.context.limits;
        // A sender that stalls mid-body holds a place in flight: only for so long.
        let wire = tokio::time::timeout(
            limits.body_timeout,
            body::read(headers, body, limits.max_body_bytes),
        )
        .await
        .map_err(|_| OtlpError::SlowBody {
            after: limits.body_timeout,
        })??;
        // Un-gzipping and decoding are CPU work of up to a few tens of milliseconds: off the async threads.
        let taken =
            tokio::task::spawn_blocking(move || take_body(signal, format, gzipped, &wire, limits))
                .await
                .map_err(|error| OtlpError::Internal {
                    message: error.to_string(),
                })??;
        self.context
            .metrics
            .record_unknown(signal.as_str(), taken.unknown);
        let records = self.fresh(signal, taken.records);
        self.hand_on(signal, records).await;
        Ok(format)
    }

    /// Drops the records taken in recently (a batch the exporter sent again), and remembers the rest.
    fn fresh(&self, signal: Signal, records: Vec<Telemetry>) -> Vec<Telemetry> {
        let before = records.len();
        let fresh: Vec<Telemetry> = {
            let mut recent = self.recent.lock().unwrap_or_else(PoisonError::into_inner);
            records
                .into_iter()
                .filter(|record| record.digest_opt.is_none_or(|digest| recent.insert(digest)))
                .collect()
        };
        self.context
            .metrics
            .record_duplicates(signal.as_str(), (before - fresh.len()) as u64);
        fresh
    }

    /// Publishes each record's event and sends each chat's signals to its worker.
    async fn hand_on(&self, signal: Signal, records: Vec<Telemetry>) {
        let context = &self.context;
        let now_ms = shim_actors::now_ms();
        let ts = humantime::format_rfc3339_millis(std::time::SystemTime::now()).to_string();
        let record_time = |time_ms_opt: Option<u64>| match time_ms_opt {
            Some(time_ms) => humantime::format_rfc3339_millis(
                std::time::UNIX_EPOCH + std::time::Duration::from_millis(time_ms),
            )
            .to_string(),
            None => ts.clone(),
        };
        let mut signals: HashMap<String, Vec<shim_protocol::messages::SignalEvent>> =
            HashMap::new();
        let mut events = Vec::with_capacity(records.len());
        for record in records {
            context.metrics.record_taken(signal.as_str(), record.name);
            let mut data = record.data;
            if let serde_json::Value::Object(fields) = &mut data {
                fields.insert(
                    "record_time".to_owned(),
                    record_time(record.record_time_ms_opt).into(),
                );
            }
            let event = Event {
                kind: format!("telemetry.{}", record.name),
                ts: ts.clone(),
                node_id: context.node_id.clone(),
                chat_id: record.chat_id_opt.clone(),
                data,
            };
            events.push(event);
            match (record.chat_id_opt, record.signal_opt) {
                (Some(chat_id), Some(signal)) => signals.entry(chat_id).or_default().push(signal),
                (None, Some(_)) if record.invalid_session => {
                    context.metrics.record_unmatched("invalid_session_id", 1)
                }
                (None, Some(_)) => context.metrics.record_unmatched("no_session_id", 1),
                _ => {}
            }
        }
        for (chat_id, events) in signals {
            let count = events.len() as u64;
            let Some(worker) = self.worker(&chat_id).await else {
                context.metrics.record_unmatched("unknown_chat", count);
                continue;
            };
            let batch = SignalBatch {
                chat_id: chat_id.clone(),
                source: SignalSource::Telemetry,
                at_ms: now_ms,
                events,
                transcript_path: None,
                prompt: None,
                trigger: None,
            };
            if worker.cast(ChatWorkerMessage::Record(batch, None)).is_err() {
                // It stopped between the lookup and the send (idled out); the next export finds it again.
                context.metrics.record_unmatched("worker_stopped", count);
            } else {
                context.metrics.record_signalled(count);
            }
        }
        // The signals went first: crash prevention on this node does not wait for NATS. Publishing waits while
        // the client's buffer is full, which it stays while NATS is away; past the request's patience the rest
        // of its events are dropped (and counted), so an exporter that gives up has lost no signal.
        let started = tokio::time::Instant::now();
        let mut publishing = true;
        for event in events {
            if publishing {
                publishing = self.publish(event, started).await;
            } else {
                context.node_metrics.record_event_dropped();
            }
        }
    }

    /// Publishes one event on NATS and waits for the client to take it, so a flood of exports slows down the
    /// exporter instead of filling memory. False when NATS is away (the client's buffer still full after
    /// [`PUBLISH_PATIENCE`] without a connection, or [`CONNECTED_PATIENCE`] since the request's publishing
    /// `started` with one), the event then dropped and counted.
    async fn publish(&self, mut event: Event, started: tokio::time::Instant) -> bool {
        let metrics = &self.context.node_metrics;
        let payload = match crate::publisher::encode(&mut event) {
            Ok(payload) => payload,
            Err(error) => {
                warn!(%error, kind = %event.kind, "failed to encode event");
                metrics.record_event_dropped();
                return true;
            }
        };
        let client = &self.context.client;
        let payload = bytes::Bytes::from(payload);
        loop {
            match tokio::time::timeout(
                PUBLISH_PATIENCE,
                client.publish(event.subject(), payload.clone()),
            )
            .await
            {
                Ok(Ok(())) => {
                    metrics.record_event_published();
                    return true;
                }
                Ok(Err(error)) => {
                    warn!(%error, kind = %event.kind, "failed to publish event");
                    metrics.record_event_dropped();
                    return true;
                }
                // Still connected, the server is slow to take what the client writes (a burst, a poor link):
                // worth waiting for a while longer.
                Err(_)
                    if client.connection_state() == async_nats::connection::State::Connected
                        && started.elapsed() < CONNECTED_PATIENCE => {}
                Err(_) => {
                    metrics.record_event_dropped();
                    return false;
                }
            }
        }
    }

    /// The worker of a chat this node knows: registered by name, or one the supervisor brings back (a chat
    /// opened here whose worker idled out). A chat the node does not know has none.
    async fn worker(&self, chat_id: &str) -> Option<ActorRef<ChatWorkerMessage>> {
        if let Some(worker) = names::find(&names::chat_worker(chat_id)) {
            return Some(worker);
        }
        let chat_id = chat_id.to_owned();
        crate::service::ask(
            &self.context.supervisor,
            "otlp",
            self.context.call_timeout,
            |reply| SupervisorMessage::ChatWorker {
                chat_id,
                adopt: false,
                reply,
            },
        )
        .await
        .ok()?
        .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_digests_are_remembered_until_the_oldest_is_pushed_out() {
        let mut recent = Recent::default();
        assert!(recent.insert(7));
        assert!(!recent.insert(7), "sent again");
        for digest in 100..100 + RECENT_RECORDS as u64 {
            assert!(recent.insert(digest));
        }
        assert_eq!(recent.seen.len(), RECENT_RECORDS);
        assert!(recent.insert(7), "forgotten once 65,536 newer ones came");
        assert!(!recent.insert(100 + RECENT_RECORDS as u64 - 1));
    }
}
