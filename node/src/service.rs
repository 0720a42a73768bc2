//! The one piece of plumbing that serves a component over NATS.
//!
//! A component supplies its operations (an [`Op`] enum from `shim_protocol::subject`) and a handler
//! ([`Component::handle`]: an operation, its payload, the [`Exchange`] → the encoded `Ok` reply or a
//! [`WireError`]); its owner picks the subscription: node-local (`shim.v1.node.<id>.>`, [`subscribe`]) or
//! cluster-wide (a queue group any node answers, [`queue_subscribe`], or an `async_nats::service`
//! endpoint, which `nats micro` discovers). [`serve`] does the rest for every component alike:
//!
//! - the operation from the subject tail (unknown → [`WireError::UnknownOperation`]);
//! - the `Shim-Protocol` header check (missing or foreign → [`WireError::UnsupportedVersion`]);
//! - a bound on requests in flight (over it → [`WireError::Busy`] at once, never a queue);
//! - the reply: `Result<T, WireError>` encoded, sent with the protocol header, or handed to
//!   `delivery` when it hands something out (kept only once the requester has it);
//! - `shim_node_requests_total` / `shim_node_request_duration_seconds` by operation and outcome, and
//!   `shim_node_bad_messages_total` for what a peer got wrong;
//! - an orderly stop: unsubscribe, then wait (bounded) for the requests in flight.
//!
//! Nothing a peer sends can stop it: every failure becomes a [`WireError`] reply, or a log line and a count
//! when the request has no reply subject.
//!
//! [`ask`] is the one way a handler asks an actor: a timeout is [`WireError::Timeout`], an actor that is
//! gone or stopped before answering is [`WireError::Unavailable`].
//!
//! Its parts: `delivery` (delivery receipts: what a reply hands out is kept only once the requester has it)
//! and `ids` (the one rule for ids people type, checked for every component's operations).

use std::{
    future::Future,
    sync::Arc,
    time::{Duration, Instant},
};

use async_nats::{Client, HeaderMap, Message};
use bytes::Bytes;
use futures::{Stream, StreamExt};
use ractor::{ActorRef, RpcReplyPort, rpc::CallResult};
use serde::Serialize;
use shim_protocol::{
    NodeOp, PROTOCOL_HEADER, PROTOCOL_VERSION, WireError, WireResult, codec, subject::RouterOp,
    version,
};
use tokio::sync::{Semaphore, watch};
use tracing::{debug, trace, warn};

use crate::metrics::NodeMetrics;

mod delivery;
pub(crate) mod ids;

pub(crate) use delivery::deliver;
pub use delivery::{Exchange, RECEIPT_WINDOW, Taken};

/// The operations of a component: parsed from the subject tail after the component's prefix.
pub trait Op: Copy + Send + Sync + 'static {
    /// Parses a subject tail.
    fn from_tail(tail: &str) -> Option<Self>;
    /// The operation's label in the request metrics.
    fn label(self) -> &'static str;
}

impl Op for NodeOp {
    fn from_tail(tail: &str) -> Option<Self> {
        NodeOp::from_tail(tail)
    }

    fn label(self) -> &'static str {
        self.as_str()
    }
}

impl Op for RouterOp {
    fn from_tail(tail: &str) -> Option<Self> {
        RouterOp::from_tail(tail)
    }

    fn label(self) -> &'static str {
        match self {
            RouterOp::Route => "router.route",
            RouterOp::Override => "router.override",
            RouterOp::Forget => "router.forget",
            RouterOp::Learned => "router.learned",
        }
    }
}

/// A component served over NATS by [`serve`].
pub trait Component: Send + Sync + 'static {
    /// Its operations.
    type Op: Op;

    /// Answers one request: the encoded `Ok` reply ([`encode_ok`]) or the error to send. Set
    /// `exchange.taken_opt` when the reply hands something out.
    fn handle(
        &self,
        op: Self::Op,
        payload: &[u8],
        exchange: &mut Exchange,
    ) -> impl Future<Output = WireResult<Bytes>> + Send;

    /// True when `request` (for `op`, without a reply subject) is served in the receiving loop (no task, no
    /// in-flight bound): fire-and-forget messages cheap enough to hand on at once, so the subscription
    /// drains as fast as NATS delivers. Only what needs no I/O to check may be: one request that waits on
    /// NATS in the loop holds up every request behind it.
    fn inline(&self, _op: Self::Op, _request: &Message) -> bool {
        false
    }

    /// Takes back what a reply handed out when the requester did not get it.
    fn hand_back(&self, taken: Taken) -> impl Future<Output = ()> + Send;
}

/// A request as it arrives.
#[derive(Debug)]
pub enum Inbound {
    /// From a plain subscription (node subjects, a queue group).
    Message(Message),
    /// From an `async_nats::service` endpoint: answered through it, so the service's stats count it.
    Service(async_nats::service::Request),
}

impl Inbound {
    /// The NATS message.
    pub fn message(&self) -> &Message {
        match self {
            Inbound::Message(message) => message,
            Inbound::Service(request) => &request.message,
        }
    }
}

/// How [`serve`] runs a component.
#[derive(Debug, Clone)]
pub struct Serving {
    /// What precedes the operation in a subject, trailing dot included (`shim.v1.node.<id>.`).
    pub prefix: String,
    /// Requests worked on at once; more are refused as busy.
    pub max_in_flight: usize,
    /// How long a stop waits for the requests in flight.
    pub drain_timeout: Duration,
    /// Where requests are counted.
    pub metrics: NodeMetrics,
    /// Told once this instance takes no more requests: its subscription is dropped and the server has seen
    /// that (a flush), so a queue group sends new requests to the other nodes from then on.
    pub closed_opt: Option<tokio::sync::mpsc::UnboundedSender<()>>,
}

/// Subscribes to `subject` (every node's own subscription).
pub async fn subscribe(
    client: &Client,
    subject: String,
) -> anyhow::Result<impl Stream<Item = Inbound> + Unpin + Send + 'static> {
    Ok(client.subscribe(subject).await?.map(Inbound::Message))
}

/// Subscribes to `subject` in queue group `group`: each request goes to one of the nodes in the group.
pub async fn queue_subscribe(
    client: &Client,
    subject: String,
    group: String,
) -> anyhow::Result<impl Stream<Item = Inbound> + Unpin + Send + 'static> {
    Ok(client
        .queue_subscribe(subject, group)
        .await?
        .map(Inbound::Message))
}

/// Serves `component` on the requests of `source` until `source` ends or `shutdown` turns true; then drops
/// `source` (unsubscribing) and waits up to `serving.drain_timeout` for the requests in flight.
pub async fn serve<C, S>(
    client: Client,
    mut source: S,
    component: Arc<C>,
    serving: Serving,
    mut shutdown: watch::Receiver<bool>,
) where
    C: Component,
    S: Stream<Item = Inbound> + Unpin + Send,
{
    let serving = Arc::new(serving);
    let in_flight = Arc::new(Semaphore::new(serving.max_in_flight));
    loop {
        let inbound = tokio::select! {
            inbound_opt = source.next() => match inbound_opt {
                Some(inbound) => inbound,
                None => break,
            },
            _ = shutdown.wait_for(|stop| *stop) => break,
        };
        let message = inbound.message();
        trace!(subject = %message.subject, bytes = message.payload.len(), "request");
        let op_opt = message
            .subject
            .as_str()
            .strip_prefix(serving.prefix.as_str())
            .and_then(C::Op::from_tail);
        if message.reply.is_none() && op_opt.is_some_and(|op| component.inline(op, message)) {
            serve_one(&client, &*component, &serving, inbound, op_opt).await;
            continue;
        }
        let Ok(permit) = in_flight.clone().try_acquire_owned() else {
            serving.metrics.record_bad_message("busy");
            let busy = WireError::Busy {
                message: format!(
                    "{} requests are in flight; retry shortly",
                    serving.max_in_flight
                ),
            };
            reply(&client, &inbound, encode_error(&busy)).await;
            continue;
        };
        let client = client.clone();
        let component = component.clone();
        let serving = serving.clone();
        tokio::spawn(async move {
            serve_one(&client, &*component, &serving, inbound, op_opt).await;
            drop(permit);
        });
    }
    drop(source);
    if let Some(closed) = &serving.closed_opt {
        // The flush goes after the unsubscription the drop queued: once it returns, the server routes no more
        // requests here. Bounded (1 s), as NATS may be away.
        let _ = tokio::time::timeout(Duration::from_secs(1), client.flush()).await;
        let _ = closed.send(());
    }
    let all = u32::try_from(serving.max_in_flight).unwrap_or(u32::MAX);
    let drained = tokio::time::timeout(serving.drain_timeout, in_flight.acquire_many(all)).await;
    if drained.is_err() {
        warn!(
            prefix = %serving.prefix,
            "requests still in flight at shutdown were abandoned"
        );
    }
}

async fn serve_one<C: Component>(
    client: &Client,
    component: &C,
    serving: &Serving,
    inbound: Inbound,
    op_opt: Option<C::Op>,
) {
    let started = Instant::now();
    let message = inbound.message();
    let mut exchange = Exchange::of(message);
    let result = match op_opt {
        None => Err(WireError::UnknownOperation {
            subject: message.subject.to_string(),
        }),
        Some(op) => {
            let header_opt = message
                .headers
                .as_ref()
                .and_then(|headers| headers.get(PROTOCOL_HEADER))
                .map(|value| value.as_str());
            match version::check_header(header_opt) {
                Ok(_) => component.handle(op, &message.payload, &mut exchange).await,
                Err(error) => Err(error),
            }
        }
    };
    let (payload, outcome) = match result {
        Ok(payload) => (payload, "ok"),
        Err(error) => {
            let code = error.code();
            if matches!(
                error,
                WireError::BadRequest { .. }
                    | WireError::UnknownOperation { .. }
                    | WireError::UnsupportedVersion { .. }
                    | WireError::TooLarge { .. }
            ) {
                serving.metrics.record_bad_message(code);
            }
            if message.reply.is_none() {
                warn!(subject = %message.subject, %error, "request without a reply subject failed");
            } else {
                debug!(subject = %message.subject, %error, "request failed");
            }
            (encode_error(&error), code)
        }
    };
    match exchange.taken_opt.take() {
        Some(taken) => {
            let ok = outcome == "ok";
            if let Some(back) = deliver(client, &inbound, payload, taken, ok).await {
                component.hand_back(back).await;
            }
        }
        None => reply(client, &inbound, payload).await,
    }
    let op_label = op_opt.map_or("unknown", Op::label);
    serving
        .metrics
        .record_request(op_label, outcome, started.elapsed());
}

/// Sends `payload` with the protocol header to the requester of `inbound`, if it has a reply subject.
pub async fn reply(client: &Client, inbound: &Inbound, payload: Bytes) {
    let mut headers = HeaderMap::new();
    headers.insert(PROTOCOL_HEADER, PROTOCOL_VERSION.to_string().as_str());
    let sent = match inbound {
        Inbound::Message(message) => {
            let Some(reply_to) = message.reply.clone() else {
                return;
            };
            client
                .publish_with_headers(reply_to, headers, payload)
                .await
        }
        Inbound::Service(request) => {
            if request.message.reply.is_none() {
                return;
            }
            request.respond_with_headers(Ok(payload), headers).await
        }
    };
    if let Err(error) = sent {
        warn!(%error, subject = %inbound.message().subject, "failed to send reply");
    }
}

/// Encodes an `Ok` reply.
pub fn encode_ok<T: Serialize>(value: &T) -> WireResult<Bytes> {
    codec::encode(&Ok::<&T, &WireError>(value))
        .map(Bytes::from)
        .map_err(|error| WireError::Internal {
            message: format!("failed to encode reply: {error}"),
        })
}

/// Encodes an error reply.
pub fn encode_error(error: &WireError) -> Bytes {
    // A WireError is strings and integers; only one whose text is over the size limit fails to encode, and then
    // the requester still gets an error, not an empty reply.
    codec::encode(&Err::<(), &WireError>(error))
        .or_else(|_| {
            codec::encode(&Err::<(), WireError>(WireError::Internal {
                message: format!("an error reply of {} was too large to send", error.code()),
            }))
        })
        .map(Bytes::from)
        .expect("a short internal error always encodes")
}

/// Asks `actor` and waits up to `timeout` for its answer. `operation` names the request in the errors: a
/// timeout is [`WireError::Timeout`], an actor that is gone or stopped before answering
/// [`WireError::Unavailable`].
pub async fn ask<M, T>(
    actor: &ActorRef<M>,
    operation: &str,
    timeout: Duration,
    build: impl FnOnce(RpcReplyPort<T>) -> M,
) -> WireResult<T>
where
    M: ractor::Message,
    T: Send + 'static,
{
    match actor.call(build, Some(timeout)).await {
        Ok(CallResult::Success(value)) => Ok(value),
        Ok(CallResult::Timeout) => Err(WireError::Timeout {
            operation: operation.to_owned(),
            after_ms: timeout.as_millis() as u64,
        }),
        Ok(CallResult::SenderError) | Err(_) => Err(unavailable(operation)),
    }
}

/// The error for an operation whose actor is not running.
pub fn unavailable(operation: &str) -> WireError {
    WireError::Unavailable {
        message: format!("the actor serving {operation} stopped before answering; retry"),
    }
}
