//! Connecting to NATS, and [`NodeClient`]: typed request/reply with a node.

use std::time::Duration;

use async_nats::{Client, ConnectOptions, Event, HeaderMap, RequestErrorKind};
use bytes::Bytes;
use serde::{Serialize, de::DeserializeOwned};
use shim_protocol::{
    CodecError, NodeOp, PROTOCOL_HEADER, PROTOCOL_VERSION, RECEIPT_HEADER, SubjectError,
    TIMEOUT_HEADER, WireError, codec, subject, version,
};
use tracing::{debug, info, warn};

use crate::metrics::NodeMetrics;

/// Messages a subscription buffers before the client drops new ones as a slow consumer.
pub const SUBSCRIPTION_CAPACITY: usize = 256 * 1024;

/// The timeout of a request that does not set its own (async-nats' default too, set here on purpose).
/// [`NodeClient`] always sets its own; this covers JetStream and other library requests.
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// Connects as `name`, reconnecting for ever with a delay capped at one second; every connection event is
/// logged and, given `metrics_opt`, counted.
pub async fn connect(
    url: &str,
    name: &str,
    retry_initial: bool,
    metrics_opt: Option<NodeMetrics>,
) -> Result<Client, async_nats::ConnectError> {
    let outage = Outage::default();
    let mut options = ConnectOptions::new()
        .name(name)
        // Core NATS drops what a subscriber cannot buffer: room for a burst of ~256k signals (tens of MB
        // at most, taken only while a burst lasts) before anything is lost.
        .subscription_capacity(SUBSCRIPTION_CAPACITY)
        .connection_timeout(Duration::from_secs(2))
        .request_timeout(Some(DEFAULT_REQUEST_TIMEOUT))
        .max_reconnects(None)
        .reconnect_delay_callback(|attempts| Duration::from_millis(100 * attempts.min(10) as u64))
        .event_callback(move |event| {
            let metrics_opt = metrics_opt.clone();
            let outage = outage.clone();
            async move {
                if let Some(metrics) = &metrics_opt {
                    metrics.record_nats_event(event_name(&event));
                }
                let failed_attempts = outage.note(&event);
                match event {
                    Event::Connected if failed_attempts > 0 => {
                        info!(failed_attempts, "connected to nats again")
                    }
                    Event::Connected => info!("connected to nats"),
                    Event::Disconnected => warn!("disconnected from nats; reconnecting"),
                    // Reconnecting for ever, a connection closes only when its owner closes (or drops) it: a
                    // command that is done, a node that stops. Nothing to warn about.
                    Event::Closed => debug!("nats connection closed"),
                    // Only the owner drains a connection: a node that stops closes it that way.
                    Event::Draining => debug!("nats connection draining"),
                    // While NATS is away every reconnect attempt fails (up to one a second, for as long as
                    // the outage lasts): the 1st, 10th, 100th... are worth a line, the rest only at debug.
                    Event::ClientError(error) if worth_telling(failed_attempts) => {
                        warn!(%error, failed_attempts, "still reconnecting to nats")
                    }
                    Event::ClientError(error) => {
                        debug!(%error, failed_attempts, "nats reconnect failed")
                    }
                    other => warn!(event = %other, "nats event"),
                }
            }
        });
    if retry_initial {
        options = options.retry_on_initial_connect();
    }
    options.connect(url).await
}

/// Counts the failed reconnect attempts of the outage under way, so a long outage logs a few lines, not one
/// a second.
#[derive(Debug, Clone, Default)]
struct Outage {
    failed_attempts: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl Outage {
    /// Notes `event`; returns the failed attempts of this outage so far (for `Connected`: of the outage it
    /// ends).
    fn note(&self, event: &Event) -> u64 {
        use std::sync::atomic::Ordering;
        match event {
            Event::Disconnected => {
                self.failed_attempts.store(0, Ordering::Relaxed);
                0
            }
            Event::Connected => self.failed_attempts.swap(0, Ordering::Relaxed),
            Event::ClientError(_) => self.failed_attempts.fetch_add(1, Ordering::Relaxed) + 1,
            _ => self.failed_attempts.load(Ordering::Relaxed),
        }
    }
}

/// Whether the `failures`th failure in a row of something retried for ever gets a warning: the 1st, 10th,
/// 100th, ... (the others are logged at debug).
pub(crate) fn worth_telling(failures: u64) -> bool {
    failures > 0 && 10u64.pow(failures.ilog10()) == failures
}

/// Connects once, failing within half a second: for hooks and the status line, which must never wait on
/// a missing server.
pub async fn connect_fast(url: &str, name: &str) -> Result<Client, async_nats::ConnectError> {
    ConnectOptions::new()
        .name(name)
        .connection_timeout(Duration::from_millis(500))
        .request_timeout(Some(DEFAULT_REQUEST_TIMEOUT))
        .max_reconnects(1)
        .connect(url)
        .await
}

fn event_name(event: &Event) -> &'static str {
    match event {
        Event::Connected => "connected",
        Event::Disconnected => "disconnected",
        Event::LameDuckMode => "lame_duck_mode",
        Event::Draining => "draining",
        Event::Closed => "closed",
        Event::SlowConsumer(_) => "slow_consumer",
        Event::ServerError(_) => "server_error",
        Event::ClientError(_) => "client_error",
    }
}

/// Why a request to a node failed.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// No node answers on the subject: none is running with this node id.
    #[error("no shim-node {node_id} is answering on NATS; start one with `shim-node run`")]
    NoNode {
        /// The node that was asked.
        node_id: String,
    },
    /// The node did not answer in time.
    #[error("shim-node {node_id} did not answer {op} within {after_ms} ms")]
    Timeout {
        /// The node that was asked.
        node_id: String,
        /// The operation or subject.
        op: String,
        /// How long the client waited.
        after_ms: u64,
    },
    /// The node answered with an error.
    #[error(transparent)]
    Remote(#[from] WireError),
    /// The request or reply could not be encoded or decoded.
    #[error(transparent)]
    Codec(#[from] CodecError),
    /// An id is not valid in a subject.
    #[error(transparent)]
    Subject(#[from] SubjectError),
    /// NATS failed the request.
    #[error("nats request failed: {0}")]
    Nats(String),
}

/// Typed requests to one node.
#[derive(Debug, Clone)]
pub struct NodeClient {
    client: Client,
    node_id: String,
    timeout: Duration,
}

impl NodeClient {
    /// Returns a client for node `node_id` over `client`, failing requests after `timeout`.
    pub fn new(client: Client, node_id: impl Into<String>, timeout: Duration) -> Self {
        NodeClient {
            client,
            node_id: node_id.into(),
            timeout,
        }
    }

    /// Returns a client whose requests wait up to `timeout` (a long-poll read, say).
    pub fn with_timeout(&self, timeout: Duration) -> NodeClient {
        NodeClient {
            timeout,
            ..self.clone()
        }
    }

    /// Returns the node id requests go to.
    pub fn node_id(&self) -> &str {
        &self.node_id
    }

    /// Returns the underlying NATS client.
    pub fn nats(&self) -> &Client {
        &self.client
    }

    /// Sends `request` as `op` and decodes the reply: to this client's node for a node-local operation, to the
    /// coordination service (any node answers) for a cluster-wide one ([`NodeOp::is_cluster_wide`]).
    pub async fn request<Req: Serialize, Resp: DeserializeOwned>(
        &self,
        op: NodeOp,
        request: &Req,
    ) -> Result<Resp, ClientError> {
        let subject = subject::op_subject(&self.node_id, op)?;
        self.request_subject(&subject, &op.to_string(), request)
            .await
    }

    /// Sends `request` as `op` to this client's node's own subject, even for a cluster-wide operation (the node
    /// answers those there too): for what must be served by that node (a claim that ends when the node stops).
    pub async fn request_to_node<Req: Serialize, Resp: DeserializeOwned>(
        &self,
        op: NodeOp,
        request: &Req,
    ) -> Result<Resp, ClientError> {
        let subject = subject::node_op(&self.node_id, op)?;
        self.request_subject(&subject, &op.to_string(), request)
            .await
    }

    /// Sends `request` to a service subject any node answers (the model router) and decodes the reply.
    pub async fn request_service<Req: Serialize, Resp: DeserializeOwned>(
        &self,
        subject: &str,
        request: &Req,
    ) -> Result<Resp, ClientError> {
        self.request_subject(subject, subject, request).await
    }

    async fn request_subject<Req: Serialize, Resp: DeserializeOwned>(
        &self,
        subject: &str,
        what: &str,
        request: &Req,
    ) -> Result<Resp, ClientError> {
        let payload = codec::encode(request)?;
        let mut headers = HeaderMap::new();
        headers.insert(PROTOCOL_HEADER, PROTOCOL_VERSION.to_string().as_str());
        // A reply that hands this client something (a task, messages) is only kept by the node once this
        // client says it has it: see `RECEIPT_HEADER`.
        headers.insert(RECEIPT_HEADER, "1");
        // A node never waits (a claim, a read) past the time this client listens.
        headers.insert(
            TIMEOUT_HEADER,
            self.timeout.as_millis().to_string().as_str(),
        );
        let timeout_error = || ClientError::Timeout {
            node_id: self.node_id.clone(),
            op: what.to_owned(),
            after_ms: self.timeout.as_millis() as u64,
        };
        // The timeout is this client's own, never the connection's default (async-nats' is 10 s, which
        // would cut a 60 s wait short and be quoted as this one).
        let message = self
            .client
            .send_request(
                subject.to_owned(),
                async_nats::Request::new()
                    .headers(headers)
                    .payload(payload.into())
                    .timeout(Some(self.timeout)),
            )
            .await
            .map_err(|error| match error.kind() {
                RequestErrorKind::NoResponders => ClientError::NoNode {
                    node_id: self.node_id.clone(),
                },
                RequestErrorKind::TimedOut => timeout_error(),
                _ => ClientError::Nats(error.to_string()),
            })?;
        if let Some(value) = message
            .headers
            .as_ref()
            .and_then(|headers| headers.get(PROTOCOL_HEADER))
        {
            version::check_header(Some(value.as_str()))?;
        }
        let reply = codec::decode_reply::<Resp>(&message.payload)??;
        if let Some(receipt_to) = message.reply {
            // The reply is in hand: tell the node to keep what it handed out.
            if let Err(error) = self.client.publish(receipt_to, Bytes::new()).await {
                warn!(%error, op = what, "failed to send a receipt");
            }
        }
        Ok(reply)
    }
}

#[cfg(test)]
mod tests {
    use async_nats::Event;

    use super::{Outage, worth_telling};

    fn client_error() -> Event {
        Event::ClientError(async_nats::ClientError::Other(
            "connection refused".to_owned(),
        ))
    }

    #[test]
    fn a_day_long_outage_warns_a_handful_of_times() {
        let outage = Outage::default();
        assert_eq!(outage.note(&Event::Disconnected), 0);
        // One failed attempt a second for a day.
        let warnings = (0..86_400)
            .filter(|_| worth_telling(outage.note(&client_error())))
            .count();
        assert_eq!(
            warnings, 5,
            "the 1st, 10th, 100th, 1,000th and 10,000th failures"
        );
        assert_eq!(outage.note(&Event::Connected), 86_400);
        // The next outage counts from one again.
        assert_eq!(outage.note(&Event::Disconnected), 0);
        assert_eq!(outage.note(&client_error()), 1);
    }
}
