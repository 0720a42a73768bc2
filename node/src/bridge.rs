//! The bridge between NATS and the actors: one subscription on `shim.v1.node.<node_id>.>`, each message
//! decoded into a typed actor message, the actor's answer encoded and sent back to the reply subject.
//!
//! Nothing a peer sends can stop the bridge: an unknown operation, a missing or foreign protocol version,
//! a malformed or oversized payload, or an actor that does not answer in time each becomes a
//! [`WireError`] reply (or, without a reply subject, a log line and a count).

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use async_nats::{Client, HeaderMap, Message, Subscriber};
use bytes::Bytes;
use futures::StreamExt;
use ractor::{ActorRef, RpcReplyPort, rpc::CallResult};
use serde::Serialize;
use shim_actors::{
    ChatWorkerMessage, CheckpointManagerMessage, SignalCollectorMessage, SupervisorMessage,
    SupervisorStatus,
};
use shim_protocol::{
    NodeOp, PROTOCOL_HEADER, PROTOCOL_VERSION, WireError, WireResult, codec,
    messages::{
        GetCheckpointRequest, HelloReply, HelloRequest, ListCheckpointsRequest, ResumeCheckRequest,
        ResumeRequest, RiskRequest, SaveCheckpointRequest, SessionEndRequest, SessionStartRequest,
        SignalBatch, StatusReply, StatusRequest,
    },
    subject::{self, validate_id},
    version,
};
use tokio::sync::{Semaphore, watch};
use tracing::{debug, trace, warn};

use crate::{coordination::Coordination, metrics::NodeMetrics};

mod delivery;
mod ids;

pub use delivery::RECEIPT_WINDOW;

/// What the bridge needs to answer requests.
#[derive(Debug)]
pub struct BridgeContext {
    /// The root actor.
    pub supervisor: ActorRef<SupervisorMessage>,
    /// This node's id.
    pub node_id: String,
    /// The NATS server the node uses, as reported in status.
    pub nats_url: String,
    /// When the node started.
    pub started: Instant,
    /// How long an actor may take to answer.
    pub request_timeout: Duration,
    /// The node's instruments.
    pub metrics: NodeMetrics,
    /// Publishes the node's own events.
    pub emitter: shim_actors::EventEmitter,
    /// Locks, the chat registry, messages and tasks.
    pub coordination: Arc<Coordination>,
}

/// Subscribes to every subject of node `node_id`. Done before [`serve`] is spawned, so that once the
/// client is flushed the node is reachable.
pub async fn subscribe(client: &Client, node_id: &str) -> anyhow::Result<Subscriber> {
    Ok(client.subscribe(subject::node_all(node_id)?).await?)
}

/// Serves requests from `subscription` until `shutdown` turns true, then stops taking new ones and
/// waits (up to the request timeout) for those in flight.
pub async fn serve(
    client: Client,
    mut subscription: Subscriber,
    context: Arc<BridgeContext>,
    max_in_flight: usize,
    mut shutdown: watch::Receiver<bool>,
) -> anyhow::Result<()> {
    let prefix = subject::node_prefix(&context.node_id)?;
    let in_flight = Arc::new(Semaphore::new(max_in_flight));
    loop {
        let message = tokio::select! {
            message_opt = subscription.next() => match message_opt {
                Some(message) => message,
                None => break,
            },
            _ = shutdown.wait_for(|stop| *stop) => break,
        };
        trace!(subject = %message.subject, bytes = message.payload.len(), "request");
        // Fire-and-forget signals (hooks, tool calls) are decoded and handed on right here: no task, no
        // reply, so the subscription drains as fast as NATS delivers.
        if message.reply.is_none()
            && message.subject.as_str().strip_prefix(prefix.as_str())
                == Some(NodeOp::Signals.as_str())
        {
            handle(&client, &context, &prefix, message).await;
            continue;
        }
        let Ok(permit) = in_flight.clone().try_acquire_owned() else {
            context.metrics.record_bad_message("busy");
            let busy = WireError::Busy {
                message: format!("{max_in_flight} requests are in flight; retry shortly"),
            };
            reply(&client, &message, encode_error(&busy)).await;
            continue;
        };
        let client = client.clone();
        let context = context.clone();
        let prefix = prefix.clone();
        tokio::spawn(async move {
            handle(&client, &context, &prefix, message).await;
            drop(permit);
        });
    }
    let _ = subscription.unsubscribe().await;
    let drained = tokio::time::timeout(
        context.request_timeout,
        in_flight.acquire_many(u32::try_from(max_in_flight).unwrap_or(u32::MAX)),
    )
    .await;
    if drained.is_err() {
        warn!("requests still in flight at shutdown were abandoned");
    }
    Ok(())
}

async fn handle(client: &Client, context: &BridgeContext, prefix: &str, message: Message) {
    let started = Instant::now();
    let tail = message
        .subject
        .as_str()
        .strip_prefix(prefix)
        .unwrap_or_default();
    let op_opt = NodeOp::from_tail(tail);
    // What the reply hands out (a task, messages), kept only once the requester has it.
    let mut exchange = delivery::Exchange::of(&message);
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
                Ok(_) => match ids::check(op, &message.payload) {
                    Ok(()) => {
                        dispatch(
                            context,
                            op,
                            &message.payload,
                            message.reply.is_some(),
                            &mut exchange,
                        )
                        .await
                    }
                    Err(error) => Err(error),
                },
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
                context.metrics.record_bad_message(code);
            }
            if message.reply.is_none() {
                warn!(subject = %message.subject, %error, "request without a reply subject failed");
            } else {
                debug!(subject = %message.subject, %error, "request failed");
            }
            (encode_error(&error), code)
        }
    };
    match exchange.taken_opt {
        Some(taken) => {
            let ok = outcome == "ok";
            delivery::deliver(client, context, &message, payload, taken, ok).await
        }
        None => reply(client, &message, payload).await,
    }
    let op_label = op_opt.map_or("unknown", NodeOp::as_str);
    context
        .metrics
        .record_request(op_label, outcome, started.elapsed());
}

async fn reply(client: &Client, message: &Message, payload: Bytes) {
    let Some(reply_to) = message.reply.clone() else {
        return;
    };
    let mut headers = HeaderMap::new();
    headers.insert(PROTOCOL_HEADER, PROTOCOL_VERSION.to_string().as_str());
    if let Err(error) = client
        .publish_with_headers(reply_to, headers, payload)
        .await
    {
        warn!(%error, subject = %message.subject, "failed to send reply");
    }
}

async fn dispatch(
    context: &BridgeContext,
    op: NodeOp,
    payload: &[u8],
    wants_reply: bool,
    exchange: &mut delivery::Exchange,
) -> WireResult<Bytes> {
    let supervisor = &context.supervisor;
    match op {
        NodeOp::Hello => {
            let request: HelloRequest = codec::decode(payload)?;
            debug!(client = %request.client, "hello");
            encode_ok(&HelloReply {
                node_id: context.node_id.clone(),
                protocol: PROTOCOL_VERSION,
                version: env!("CARGO_PKG_VERSION").to_owned(),
                uptime_s: context.started.elapsed().as_secs(),
            })
        }
        NodeOp::SessionStart => {
            let request: SessionStartRequest = codec::decode(payload)?;
            let name_opt = request.name.clone();
            let reply = call(context, &context.supervisor, op, |port| {
                SupervisorMessage::StartSession(request, port)
            })
            .await??;
            context.coordination.opened(&reply.chat_id, name_opt).await;
            encode_ok(&reply)
        }
        NodeOp::SessionEnd => {
            let request: SessionEndRequest = codec::decode(payload)?;
            let reply = call(context, &context.supervisor, op, |port| {
                SupervisorMessage::EndSession(request, port)
            })
            .await??;
            context.coordination.ended(&reply.chat_id).await;
            encode_ok(&reply)
        }
        NodeOp::Status => {
            let request: StatusRequest = codec::decode(payload)?;
            let chat_id_opt = request.chat_id.clone();
            let status: SupervisorStatus = call(context, &context.supervisor, op, |port| {
                SupervisorMessage::GetStatus(chat_id_opt, port)
            })
            .await??;
            let chat = match &status.chat_worker_opt {
                Some(worker) => Some(call(context, worker, op, ChatWorkerMessage::GetInfo).await?),
                None => None,
            };
            encode_ok(&StatusReply {
                node_id: context.node_id.clone(),
                chat_id: request.chat_id,
                nats_url: context.nats_url.clone(),
                uptime_s: context.started.elapsed().as_secs(),
                version: env!("CARGO_PKG_VERSION").to_owned(),
                actors: status.actors,
                chat,
            })
        }
        NodeOp::Signals => {
            let batch: SignalBatch = codec::decode(payload)?;
            validate_id("chat id", &batch.chat_id)?;
            context.coordination.signalled(&batch.chat_id);
            if !wants_reply {
                // Fire and forget: the hot path of hooks and the MCP server.
                supervisor
                    .cast(SupervisorMessage::Signals(SignalCollectorMessage::Record(
                        batch, None,
                    )))
                    .map_err(|_| WireError::Unavailable {
                        message: "the node is stopping".to_owned(),
                    })?;
                return Ok(Bytes::new());
            }
            let report = call(context, supervisor, op, |port| {
                SupervisorMessage::Signals(SignalCollectorMessage::Record(batch, Some(port)))
            })
            .await?;
            encode_ok(&report)
        }
        NodeOp::Risk => {
            let request: RiskRequest = codec::decode(payload)?;
            validate_id("chat id", &request.chat_id)?;
            let report = call(context, supervisor, op, |port| {
                SupervisorMessage::Signals(SignalCollectorMessage::GetRisk(request.chat_id, port))
            })
            .await??;
            encode_ok(&report)
        }
        NodeOp::CheckpointSave => {
            let request: SaveCheckpointRequest = codec::decode(payload)?;
            let saved = call(context, supervisor, op, |port| {
                SupervisorMessage::Checkpoints(CheckpointManagerMessage::Save(
                    Box::new(request),
                    port,
                ))
            })
            .await??;
            encode_ok(&saved)
        }
        NodeOp::CheckpointList => {
            let request: ListCheckpointsRequest = codec::decode(payload)?;
            let list = call(context, supervisor, op, |port| {
                SupervisorMessage::Checkpoints(CheckpointManagerMessage::List(request, port))
            })
            .await??;
            encode_ok(&list)
        }
        NodeOp::CheckpointGet => {
            let request: GetCheckpointRequest = codec::decode(payload)?;
            let checkpoint = call(context, supervisor, op, |port| {
                SupervisorMessage::Checkpoints(CheckpointManagerMessage::Get(
                    request.checkpoint_id,
                    port,
                ))
            })
            .await??;
            encode_ok(&checkpoint)
        }
        NodeOp::ResumeCheck => {
            let request: ResumeCheckRequest = codec::decode(payload)?;
            let offer = call(context, supervisor, op, |port| {
                SupervisorMessage::Checkpoints(CheckpointManagerMessage::ResumeCheck(request, port))
            })
            .await??;
            encode_ok(&offer)
        }
        NodeOp::LockAcquire
        | NodeOp::LockExtend
        | NodeOp::LockRelease
        | NodeOp::ChatHeartbeat
        | NodeOp::ChatList
        | NodeOp::MessageSend
        | NodeOp::MessageRead
        | NodeOp::TaskDispatch
        | NodeOp::TaskClaim
        | NodeOp::TaskProgress
        | NodeOp::TaskComplete
        | NodeOp::TaskFail
        | NodeOp::TaskCancel
        | NodeOp::TaskRetry
        | NodeOp::TaskStatus
        | NodeOp::TaskCollect => {
            let mut taken_opt = None;
            let reply = context
                .coordination
                .serve(op, payload, |wait| exchange.cap(wait), &mut taken_opt)
                .await;
            exchange.taken_opt = taken_opt;
            reply
        }
        NodeOp::ResumeTake => {
            let request: ResumeRequest = codec::decode(payload)?;
            let offer = call(context, supervisor, op, |port| {
                SupervisorMessage::Checkpoints(CheckpointManagerMessage::Resume(request, port))
            })
            .await??;
            encode_ok(&offer)
        }
    }
}

/// Asks an actor and waits for its answer, turning timeouts and dead actors into wire errors.
async fn call<M, T>(
    context: &BridgeContext,
    actor: &ActorRef<M>,
    op: NodeOp,
    build: impl FnOnce(RpcReplyPort<T>) -> M,
) -> WireResult<T>
where
    M: ractor::Message,
    T: Send + 'static,
{
    match actor.call(build, Some(context.request_timeout)).await {
        Ok(CallResult::Success(value)) => Ok(value),
        Ok(CallResult::Timeout) => Err(WireError::Timeout {
            operation: op.to_string(),
            after_ms: context.request_timeout.as_millis() as u64,
        }),
        Ok(CallResult::SenderError) | Err(_) => Err(WireError::Unavailable {
            message: format!("the actor serving {op} stopped before answering; retry"),
        }),
    }
}

fn encode_ok<T: Serialize>(value: &T) -> WireResult<Bytes> {
    codec::encode(&Ok::<&T, &WireError>(value))
        .map(Bytes::from)
        .map_err(|error| WireError::Internal {
            message: format!("failed to encode reply: {error}"),
        })
}

fn encode_error(error: &WireError) -> Bytes {
    // A WireError is strings and integers: encoding it cannot fail short of a bug.
    codec::encode(&Err::<(), &WireError>(error))
        .map(Bytes::from)
        .unwrap_or_else(|_| Bytes::from_static(b""))
}
