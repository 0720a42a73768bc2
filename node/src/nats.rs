//! Connecting to NATS, and [`NodeClient`]: typed request/reply with a node.

mod auth;
pub mod opening;

pub use auth::{
    Credentials, EMBEDDED_USER, EmbeddedCredentials, NatsAuth, Secret, TlsFiles, relative_to,
};

use std::time::Duration;

use async_nats::{Client, ConnectErrorKind, ConnectOptions, Event, HeaderMap, ServerAddr};
use bytes::Bytes;
use futures::StreamExt;
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
/// [`NodeClient`] always sets its own; this covers other library requests.
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a JetStream request (a stream or consumer made or read) and a publish's acknowledgement are waited
/// for ([`jetstream`]; async-nats' default too, set here on purpose): a key-value write, an enqueue or a message
/// not acknowledged within it is reported unavailable (it may still have been stored; the task queue's writes
/// carry ids that make a retry harmless).
pub const JETSTREAM_TIMEOUT: Duration = Duration::from_secs(5);

/// Messages the client holds for sending (async-nats' default too, set here on purpose): while the
/// connection is down it fills, and a publish then waits for room until NATS is back (the OTLP receiver waits
/// no longer than its patience, see `otlp.rs`).
pub const CLIENT_CAPACITY: usize = 2048;

/// The JetStream context of `client`, with [`JETSTREAM_TIMEOUT`].
pub fn jetstream(client: Client) -> async_nats::jetstream::Context {
    async_nats::jetstream::ContextBuilder::new()
        .timeout(JETSTREAM_TIMEOUT)
        .build(client)
}

/// How often the client pings a server that has sent nothing: after a few unanswered pings the connection is
/// taken for dead and the client moves to another server of its list. async-nats' default, 60 s, left a node
/// attached to a server that vanished without a reset (a machine powered off, a cable pulled) for about three
/// minutes, every request failing meanwhile; at 5 s it is about 15.
pub const PING_INTERVAL: Duration = Duration::from_secs(5);

/// A NATS URL list that does not name servers.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NatsUrlError {
    /// Nothing was given.
    #[error(
        "the NATS URL is empty; give one server (nats://host:port) or several separated by commas"
    )]
    Empty,
    /// A comma with nothing (or only spaces) before or after it.
    #[error(
        "the NATS URL list {list:?} has an empty entry (server {position}); separate servers with single commas"
    )]
    EmptyEntry {
        /// The whole list.
        list: String,
        /// Where the empty entry is, counting from 1.
        position: usize,
    },
    /// An entry that is not a server's URL.
    #[error("{entry:?} in the NATS URL list is not a NATS server URL (nats://host:port): {reason}")]
    NotAUrl {
        /// The entry as given.
        entry: String,
        /// Why it is not one.
        reason: String,
    },
}

/// Parses a NATS URL list: one server, or several separated by commas as NATS clients take them
/// (`nats://a:4222,nats://b:4222`); spaces around each are ignored, an empty entry is refused. A server without
/// a scheme is `nats://`, one without a port is on 4222. A client given several connects to any of them and
/// moves to another when its server goes away.
pub fn server_addrs(list: &str) -> Result<Vec<ServerAddr>, NatsUrlError> {
    if list.trim().is_empty() {
        return Err(NatsUrlError::Empty);
    }
    list.split(',')
        .enumerate()
        .map(|(index, entry)| {
            let entry = entry.trim();
            if entry.is_empty() {
                return Err(NatsUrlError::EmptyEntry {
                    list: list.to_owned(),
                    position: index + 1,
                });
            }
            if entry.contains(char::is_whitespace) {
                return Err(NatsUrlError::NotAUrl {
                    entry: entry.to_owned(),
                    reason: "it contains a space".to_owned(),
                });
            }
            entry
                .parse::<ServerAddr>()
                .map_err(|error| NatsUrlError::NotAUrl {
                    entry: entry.to_owned(),
                    reason: error.to_string(),
                })
        })
        .collect()
}

fn parsed(url: &str) -> Result<Vec<ServerAddr>, async_nats::ConnectError> {
    server_addrs(url).map_err(|error| {
        async_nats::ConnectError::with_source(ConnectErrorKind::ServerParse, error)
    })
}

/// Connects as `name` to one of the servers of the URL list `url` ([`server_addrs`]), reconnecting for ever
/// (to any of them, and to the servers of their cluster) with a delay capped at one second; every connection
/// event is logged and, given `metrics_opt`, counted.
pub async fn connect(
    url: &str,
    name: &str,
    retry_initial: bool,
    metrics_opt: Option<NodeMetrics>,
) -> Result<Client, async_nats::ConnectError> {
    connect_with(url, name, retry_initial, metrics_opt, &NatsAuth::none()).await
}

/// [`connect`], presenting `auth`: what every SHIM process does, with [`NatsAuth::of`] its configuration.
pub async fn connect_with(
    url: &str,
    name: &str,
    retry_initial: bool,
    metrics_opt: Option<NodeMetrics>,
    auth: &NatsAuth,
) -> Result<Client, async_nats::ConnectError> {
    let servers = parsed(url)?;
    let outage = Outage::default();
    let mut options = ConnectOptions::new()
        .name(name)
        // Core NATS drops what a subscriber cannot buffer: room for a burst of ~256k signals (tens of MB
        // at most, taken only while a burst lasts) before anything is lost.
        .subscription_capacity(SUBSCRIPTION_CAPACITY)
        .client_capacity(CLIENT_CAPACITY)
        .connection_timeout(Duration::from_secs(2))
        .request_timeout(Some(DEFAULT_REQUEST_TIMEOUT))
        .ping_interval(PING_INTERVAL)
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
                    Event::ServerError(async_nats::ServerError::Other(text))
                        if text.to_lowercase().contains("permissions violation") =>
                    {
                        tracing::error!(
                            %text,
                            "the NATS server does not let this node's user use this subject; the user's \
                             permissions must cover the node's own subjects (docs/security.md, \"The permissions template\")"
                        )
                    }
                    other => warn!(event = %other, "nats event"),
                }
            }
        });
    if retry_initial {
        options = options.retry_on_initial_connect();
    }
    auth.apply(options).await?.connect(servers).await
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

/// Connects once, trying each server of the URL list `url` once and failing within half a second per server:
/// for hooks and the status line, which must never wait on a missing server.
pub async fn connect_fast(
    url: &str,
    name: &str,
    auth: &NatsAuth,
) -> Result<Client, async_nats::ConnectError> {
    let servers = parsed(url)?;
    let options = ConnectOptions::new()
        .name(name)
        .connection_timeout(Duration::from_millis(500))
        .request_timeout(Some(DEFAULT_REQUEST_TIMEOUT))
        // One attempt per server named (the client counts every attempt, the first one too).
        .max_reconnects(servers.len());
    auth.apply(options).await?.connect(servers).await
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
    /// The secret of the chat this client acts for, sent as [`shim_protocol::CHAT_SECRET_HEADER`].
    chat_secret_opt: Option<std::sync::Arc<str>>,
}

impl NodeClient {
    /// Returns a client for node `node_id` over `client`, failing requests after `timeout`.
    pub fn new(client: Client, node_id: impl Into<String>, timeout: Duration) -> Self {
        NodeClient {
            client,
            node_id: node_id.into(),
            timeout,
            chat_secret_opt: None,
        }
    }

    /// Returns a client whose requests carry `secret_opt`, the secret of the chat they act for (a chat's MCP
    /// server sets it from the chat's `session.start`).
    pub fn with_chat_secret(&self, secret_opt: Option<&str>) -> NodeClient {
        NodeClient {
            chat_secret_opt: secret_opt.map(std::sync::Arc::from),
            ..self.clone()
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
        if let Some(secret) = &self.chat_secret_opt {
            headers.insert(shim_protocol::CHAT_SECRET_HEADER, secret.as_ref());
        }
        let timeout_error = || ClientError::Timeout {
            node_id: self.node_id.clone(),
            op: what.to_owned(),
            after_ms: self.timeout.as_millis() as u64,
        };
        // The reply comes to an inbox of this request's own, not to the connection's shared one: if this call
        // is dropped (cancelled, or timed out) the inbox goes with it, and the server answers a node that hands
        // something to it "no responders" at once, so the node takes it back at once. On the shared inbox,
        // which stays subscribed, the node waited out its receipt window (5 s) for each abandoned claim.
        let inbox = self.client.new_inbox();
        let mut replies = self
            .client
            .subscribe(inbox.clone())
            .await
            .map_err(|error| ClientError::Nats(error.to_string()))?;
        self.client
            .publish_with_reply_and_headers(subject.to_owned(), inbox, headers, payload.into())
            .await
            .map_err(|error| ClientError::Nats(error.to_string()))?;
        // The timeout is this client's own, never the connection's default (async-nats' is 10 s, which
        // would cut a 60 s wait short and be quoted as this one).
        let message = match tokio::time::timeout(self.timeout, replies.next()).await {
            Ok(Some(message)) => message,
            Ok(None) => {
                return Err(ClientError::Nats(
                    "the connection to NATS closed before the answer came".to_owned(),
                ));
            }
            Err(_) => return Err(timeout_error()),
        };
        if message.status == Some(async_nats::StatusCode::NO_RESPONDERS) {
            return Err(ClientError::NoNode {
                node_id: self.node_id.clone(),
            });
        }
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

    use super::{NatsUrlError, Outage, server_addrs, worth_telling};

    fn hosts(list: &str) -> Vec<String> {
        server_addrs(list)
            .expect("a valid list")
            .iter()
            .map(|addr| format!("{}:{}", addr.host(), addr.port()))
            .collect()
    }

    #[test]
    fn a_url_list_names_each_server_in_order() {
        assert_eq!(hosts("nats://127.0.0.1:4222"), ["127.0.0.1:4222"]);
        assert_eq!(
            hosts("nats://a:4222,nats://b:4223, nats://c:4224 "),
            ["a:4222", "b:4223", "c:4224"]
        );
        // As NATS clients take them: no scheme is nats://, no port is 4222.
        assert_eq!(hosts("a,b:4300"), ["a:4222", "b:4300"]);
        let with_user = server_addrs("nats://me:secret@a:4222,nats://b:4222").expect("valid");
        assert_eq!(with_user[0].username(), Some("me"));
    }

    #[test]
    fn an_empty_or_bad_entry_is_refused_naming_it() {
        assert_eq!(server_addrs(" "), Err(NatsUrlError::Empty));
        let empty = server_addrs("nats://a:4222,,nats://b:4222").expect_err("empty entry");
        assert_eq!(
            empty.to_string(),
            "the NATS URL list \"nats://a:4222,,nats://b:4222\" has an empty entry (server 2); separate servers \
             with single commas"
        );
        assert!(matches!(
            server_addrs("nats://a:4222,").expect_err("trailing comma"),
            NatsUrlError::EmptyEntry { position: 2, .. }
        ));
        let bad = server_addrs("nats://a:4222,http://b:8222").expect_err("not nats");
        assert!(
            bad.to_string()
                .starts_with("\"http://b:8222\" in the NATS URL list is not a NATS server URL"),
            "{bad}"
        );
        let spaced = server_addrs("nats://a:4222 nats://b:4222").expect_err("a space, no comma");
        assert!(spaced.to_string().contains("contains a space"), "{spaced}");
        let port = server_addrs("nats://a:99999").expect_err("port out of range");
        assert!(port.to_string().contains("nats://a:99999"), "{port}");
    }

    #[tokio::test]
    async fn connecting_to_a_bad_list_says_which_entry_is_wrong() {
        let error = super::connect_fast("nats://127.0.0.1:1,,", "test", &super::NatsAuth::none())
            .await
            .expect_err("refused before connecting");
        assert!(
            error.to_string().contains("empty entry (server 2)"),
            "{error}"
        );
    }

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
