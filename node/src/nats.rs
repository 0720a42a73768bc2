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
            async move {
                if let Some(metrics) = &metrics_opt {
                    metrics.record_nats_event(event_name(&event));
                }
                match event {
                    Event::Connected => info!("connected to nats"),
                    Event::Disconnected => warn!("disconnected from nats; reconnecting"),
                    // Reconnecting for ever, a connection closes only when its owner closes (or drops) it: a
                    // command that is done, a node that stops. Nothing to warn about.
                    Event::Closed => debug!("nats connection closed"),
                    other => warn!(event = %other, "nats event"),
                }
            }
        });
    if retry_initial {
        options = options.retry_on_initial_connect();
    }
    options.connect(url).await
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

    /// Sends `request` as `op` and decodes the reply.
    pub async fn request<Req: Serialize, Resp: DeserializeOwned>(
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
