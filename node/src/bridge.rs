//! The node's own operations ([`NodeOp`] on `shim.v1.node.<node_id>.>`): each request decoded into a typed
//! actor message, the actor's answer encoded. The bridge is a [`Component`] served by
//! [`service::serve`], which does the header check, the in-flight bound, the reply (through
//! [`delivery`] when it hands something out) and the metrics.
//!
//! Nothing a peer sends can stop the bridge: an unknown operation, a missing or foreign protocol version,
//! a malformed or oversized payload, or an actor that does not answer in time each becomes a
//! [`WireError`] reply (or, without a reply subject, a log line and a count).

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use async_nats::Client;
use bytes::Bytes;
use futures::Stream;
use ractor::{ActorRef, RpcReplyPort};
use shim_actors::{
    ChatWorkerMessage, CheckpointManager, CheckpointManagerMessage, SupervisorMessage,
    SupervisorStatus, names,
};
use shim_protocol::{
    NodeOp, PROTOCOL_VERSION, WireError, WireResult, codec,
    messages::{
        ChatList, GetCheckpointRequest, HeartbeatRequest, HelloReply, HelloRequest,
        ListChatsRequest, ListCheckpointsRequest, LockReply, LockRequest, MessageList,
        ReadMessagesRequest, ReleaseLockReply, ReleaseLockRequest, ResumeCheckRequest,
        ResumeRequest, RiskRequest, SaveCheckpointRequest, SendMessageRequest, SessionEndRequest,
        SessionStartRequest, SignalBatch, StatusReply, StatusRequest,
    },
    subject::{self, validate_id},
};
use tokio::sync::watch;
use tracing::debug;

use crate::{
    coordination::locks::Acquired,
    metrics::NodeMetrics,
    service::{self, Component, Inbound, Serving, encode_ok},
};

mod delivery;
mod ids;
mod presence;
mod tasks;

pub(crate) use delivery::deliver;
pub use delivery::{Exchange, RECEIPT_WINDOW, Taken};
pub use presence::Presence;
pub use tasks::{Tasks, hand_back_on_stop, report as report_task_changes, stop_waiting};

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
    /// Locks, when the NATS server has JetStream.
    pub locks_opt: Option<crate::coordination::locks::Locks>,
    /// Publishes the node's own events.
    pub emitter: shim_actors::EventEmitter,
    /// The chat registry, when the NATS server has JetStream.
    pub registry_opt: Option<crate::coordination::registry::Registry>,
    /// Messages between chats, when the NATS server has JetStream.
    pub messages_opt: Option<crate::coordination::messages::Messages>,
    /// Chats whose message consumers exist (joined on their first heartbeat).
    pub joined: std::sync::Mutex<std::collections::HashSet<String>>,
    /// The task queue, when the NATS server has JetStream.
    pub tasks_opt: Option<Tasks>,
    /// Capabilities of this node's chats, as their heartbeats last said.
    pub capabilities: std::sync::Mutex<std::collections::HashMap<String, Vec<String>>>,
    /// When chats' registry entries were last refreshed from their signals.
    pub presence: Presence,
}

/// Subscribes to every subject of node `node_id`. Done before [`serve`] is spawned, so that once the
/// client is flushed the node is reachable.
pub async fn subscribe(
    client: &Client,
    node_id: &str,
) -> anyhow::Result<impl Stream<Item = Inbound> + Unpin + Send + 'static> {
    service::subscribe(client, subject::node_all(node_id)?).await
}

/// Serves the node's operations from `subscription` (through [`service::serve`]) until `shutdown` turns
/// true, then stops taking new ones and waits (up to the request timeout) for those in flight.
pub async fn serve(
    client: Client,
    subscription: impl Stream<Item = Inbound> + Unpin + Send,
    context: Arc<BridgeContext>,
    max_in_flight: usize,
    shutdown: watch::Receiver<bool>,
) -> anyhow::Result<()> {
    let serving = Serving {
        prefix: subject::node_prefix(&context.node_id)?,
        max_in_flight,
        drain_timeout: context.request_timeout,
        metrics: context.metrics.clone(),
    };
    service::serve(client, subscription, context, serving, shutdown).await;
    Ok(())
}

/// The node's own operations, as a component of [`service::serve`].
impl Component for BridgeContext {
    type Op = NodeOp;

    async fn handle(
        &self,
        op: NodeOp,
        payload: &[u8],
        exchange: &mut Exchange,
    ) -> WireResult<Bytes> {
        ids::check(op, payload)?;
        let wants_reply = exchange.wants_reply;
        dispatch(self, op, payload, wants_reply, exchange).await
    }

    /// Fire-and-forget signals (hooks, tool calls) are decoded and handed on in the receiving loop.
    fn inline(&self, op: NodeOp) -> bool {
        op == NodeOp::Signals
    }

    async fn hand_back(&self, taken: Taken) {
        taken.hand_back(self).await
    }
}

async fn dispatch(
    context: &BridgeContext,
    op: NodeOp,
    payload: &[u8],
    wants_reply: bool,
    exchange: &mut delivery::Exchange,
) -> WireResult<Bytes> {
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
            presence::opened(context, &reply.chat_id, name_opt).await;
            encode_ok(&reply)
        }
        NodeOp::SessionEnd => {
            let request: SessionEndRequest = codec::decode(payload)?;
            let reply = call(context, &context.supervisor, op, |port| {
                SupervisorMessage::EndSession(request, port)
            })
            .await??;
            presence::ended(context, &reply.chat_id).await;
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
            presence::signalled(context, &batch.chat_id);
            // Straight to the chat's worker, by name.
            let worker = chat_worker(context, op, &batch.chat_id, true).await?;
            if !wants_reply {
                // Fire and forget: the hot path of hooks and the MCP server.
                worker
                    .cast(ChatWorkerMessage::Record(batch, None))
                    .map_err(|_| WireError::Unavailable {
                        message: "the chat's worker stopped; send again".to_owned(),
                    })?;
                return Ok(Bytes::new());
            }
            let report = call(context, &worker, op, |port| {
                ChatWorkerMessage::Record(batch, Some(port))
            })
            .await?;
            encode_ok(&report)
        }
        NodeOp::Risk => {
            let request: RiskRequest = codec::decode(payload)?;
            validate_id("chat id", &request.chat_id)?;
            let worker = chat_worker(context, op, &request.chat_id, false).await?;
            let report = call(context, &worker, op, ChatWorkerMessage::GetRisk).await??;
            encode_ok(&report)
        }
        NodeOp::CheckpointSave => {
            let request: SaveCheckpointRequest = codec::decode(payload)?;
            validate_id("chat id", &request.chat_id)?;
            // The chat's worker hands its signals to the CheckpointManager with the save.
            let worker = chat_worker(context, op, &request.chat_id, true).await?;
            let saved = call(context, &worker, op, |port| {
                ChatWorkerMessage::Checkpoint(Box::new(request.input), port)
            })
            .await??;
            encode_ok(&saved)
        }
        NodeOp::CheckpointList => {
            let request: ListCheckpointsRequest = codec::decode(payload)?;
            let list = call(context, &checkpoint_manager(context)?, op, |port| {
                CheckpointManagerMessage::List(request, port)
            })
            .await??;
            encode_ok(&list)
        }
        NodeOp::CheckpointGet => {
            let request: GetCheckpointRequest = codec::decode(payload)?;
            let checkpoint = call(context, &checkpoint_manager(context)?, op, |port| {
                CheckpointManagerMessage::Get(request.checkpoint_id, port)
            })
            .await??;
            encode_ok(&checkpoint)
        }
        NodeOp::ResumeCheck => {
            let request: ResumeCheckRequest = codec::decode(payload)?;
            let offer = call(context, &checkpoint_manager(context)?, op, |port| {
                CheckpointManagerMessage::ResumeCheck(request, port)
            })
            .await??;
            encode_ok(&offer)
        }
        NodeOp::LockAcquire | NodeOp::LockExtend => {
            let request: LockRequest = codec::decode(payload)?;
            validate_id("chat id", &request.chat_id)?;
            let locks = locks(context)?;
            let ttl = request.ttl_seconds.map_or(
                crate::coordination::locks::DEFAULT_TTL,
                std::time::Duration::from_secs,
            );
            let now = shim_actors::now_ms();
            let outcome = if op == NodeOp::LockAcquire {
                locks
                    .acquire(&request.resource, &request.chat_id, ttl, now)
                    .await?
            } else {
                locks
                    .extend(&request.resource, &request.chat_id, ttl, now)
                    .await?
            };
            let reply = match outcome {
                Acquired::Granted {
                    fencing_token,
                    expires_at_ms,
                } => {
                    context.emitter.emit(
                        "locks",
                        if op == NodeOp::LockAcquire { "acquired" } else { "extended" },
                        Some(&request.chat_id),
                        serde_json::json!({"resource": request.resource, "fencing_token": fencing_token, "expires_at_ms": expires_at_ms}),
                    );
                    LockReply {
                        acquired: true,
                        holder: None,
                        fencing_token: Some(fencing_token),
                        expires_at_ms: Some(expires_at_ms),
                    }
                }
                Acquired::Held {
                    holder,
                    expires_at_ms,
                } => LockReply {
                    acquired: false,
                    holder: Some(holder),
                    fencing_token: None,
                    expires_at_ms: Some(expires_at_ms),
                },
            };
            encode_ok(&reply)
        }
        NodeOp::LockRelease => {
            let request: ReleaseLockRequest = codec::decode(payload)?;
            validate_id("chat id", &request.chat_id)?;
            let released = locks(context)?
                .release(&request.resource, &request.chat_id, shim_actors::now_ms())
                .await?;
            if released {
                context.emitter.emit(
                    "locks",
                    "released",
                    Some(&request.chat_id),
                    serde_json::json!({"resource": request.resource}),
                );
            }
            encode_ok(&ReleaseLockReply { released })
        }
        NodeOp::ChatHeartbeat => {
            let request: HeartbeatRequest = codec::decode(payload)?;
            encode_ok(&presence::beat(context, request).await?)
        }
        NodeOp::ChatList => {
            let request: ListChatsRequest = codec::decode(payload)?;
            let chats = registry(context)?.list(request.include_gone).await?;
            encode_ok(&ChatList { chats })
        }
        NodeOp::MessageSend => {
            let request: SendMessageRequest = codec::decode(payload)?;
            let messages = messages(context)?;
            validate_id("chat id", &request.from)?;
            addressee_known(context, &request.to).await?;
            let message = messages
                .send(
                    &request.from,
                    &request.to,
                    &request.text,
                    shim_actors::now_ms(),
                )
                .await?;
            context.emitter.emit(
                "messages",
                "sent",
                Some(&message.from),
                serde_json::json!({"to": message.to, "message_id": message.message_id, "bytes": message.text.len()}),
            );
            encode_ok(&message)
        }
        NodeOp::MessageRead => {
            let request: ReadMessagesRequest = codec::decode(payload)?;
            let wait = std::time::Duration::from_secs(request.wait_seconds.unwrap_or(0));
            if wait > crate::coordination::messages::MAX_WAIT {
                return Err(WireError::bad_request("wait_seconds must be at most 60"));
            }
            let wait = exchange.cap(wait);
            let max = request.max.unwrap_or(100) as usize;
            let (list, unacked) = messages(context)?.read(&request.chat_id, wait, max).await?;
            let reply = encode_ok(&MessageList { messages: list });
            // Acknowledged once delivered, handed back otherwise (even when the reply cannot be encoded).
            exchange.taken_opt = Some(delivery::Taken::Messages(unacked));
            reply
        }
        NodeOp::TaskDispatch
        | NodeOp::TaskClaim
        | NodeOp::TaskProgress
        | NodeOp::TaskComplete
        | NodeOp::TaskFail
        | NodeOp::TaskCancel
        | NodeOp::TaskRetry
        | NodeOp::TaskStatus
        | NodeOp::TaskCollect => tasks::serve(context, op, payload, exchange).await,
        NodeOp::ResumeTake => {
            let request: ResumeRequest = codec::decode(payload)?;
            let offer = call(context, &checkpoint_manager(context)?, op, |port| {
                CheckpointManagerMessage::Resume(request, port)
            })
            .await??;
            encode_ok(&offer)
        }
    }
}

/// The worker of chat `chat_id`, by its registered name; when none is registered the Supervisor says why
/// (restarting, unknown) or, with `adopt`, starts one for a chat no session opened here.
async fn chat_worker(
    context: &BridgeContext,
    op: NodeOp,
    chat_id: &str,
    adopt: bool,
) -> WireResult<ActorRef<ChatWorkerMessage>> {
    if let Some(worker) = names::find(&names::chat_worker(chat_id)) {
        return Ok(worker);
    }
    let chat_id = chat_id.to_owned();
    call(context, &context.supervisor, op, |reply| {
        SupervisorMessage::ChatWorker {
            chat_id,
            adopt,
            reply,
        }
    })
    .await?
}

/// The node's CheckpointManager, by its registered name; an explicit error while it is not running.
fn checkpoint_manager(context: &BridgeContext) -> WireResult<ActorRef<CheckpointManagerMessage>> {
    names::find(&names::service(CheckpointManager::NAME, &context.node_id)).ok_or_else(|| {
        WireError::Unavailable {
            message:
                "the checkpoint manager is not running (restarting or given up on); retry shortly"
                    .to_owned(),
        }
    })
}

/// Refuses a direct message to a chat the registry has never seen (a mistyped id would otherwise be stored
/// for nobody); `broadcast` goes to whoever is there.
async fn addressee_known(context: &BridgeContext, to: &str) -> WireResult<()> {
    if to == "broadcast" {
        return Ok(());
    }
    validate_id("chat id", to)?;
    match registry(context)?.get(to).await? {
        Some(_) => Ok(()),
        None => Err(WireError::bad_request(format!(
            "no chat {to} is known to the registry (see shim_list_chats); send to a chat id it lists, or to broadcast"
        ))),
    }
}

fn messages(context: &BridgeContext) -> WireResult<&crate::coordination::messages::Messages> {
    needs_jetstream(context.messages_opt.as_ref(), "messages need")
}

fn registry(context: &BridgeContext) -> WireResult<&crate::coordination::registry::Registry> {
    needs_jetstream(context.registry_opt.as_ref(), "the chat registry needs")
}

fn locks(context: &BridgeContext) -> WireResult<&crate::coordination::locks::Locks> {
    needs_jetstream(context.locks_opt.as_ref(), "locks need")
}

/// A coordination piece, or why it is missing: the node runs without JetStream (`what` names the piece).
fn needs_jetstream<'a, T>(piece_opt: Option<&'a T>, what: &str) -> WireResult<&'a T> {
    piece_opt.ok_or_else(|| WireError::Unavailable {
        message: format!(
            "{what} JetStream, which this node's NATS server does not offer; start nats-server with -js"
        ),
    })
}

/// Asks an actor for operation `op` within the request timeout (see [`service::ask`]).
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
    service::ask(actor, op.as_str(), context.request_timeout, build).await
}
