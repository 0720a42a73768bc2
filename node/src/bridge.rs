//! The node's own operations ([`NodeOp`] on `shim.v1.node.<node_id>.>`): each request decoded into a typed
//! actor message, the actor's answer encoded. The bridge is a [`Component`] served by
//! [`service::serve`], which does the header check, the in-flight bound, the reply (through
//! `service/delivery.rs` when it hands something out) and the metrics.
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
        ChatSilentNotice, GetCheckpointRequest, HelloReply, HelloRequest, ListCheckpointsRequest,
        ResumeCheckRequest, ResumeRequest, RiskRequest, SaveCheckpointRequest, SessionEndRequest,
        SessionStartRequest, SignalBatch, StatusReply, StatusRequest,
    },
    subject::{self, validate_id},
};
use tokio::sync::watch;
use tracing::debug;

use crate::{
    coordination::{Coordination, chat_keys::Starter},
    metrics::NodeMetrics,
    service::{
        self, Component, Exchange, Inbound, Serving, Taken, encode_ok,
        ids::{self, RequestIds},
    },
};

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
    /// Watches this node's chats' processes and recovers the chats found interrupted.
    pub recovery: Arc<crate::recovery::Recovery>,
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
    closed_opt: Option<tokio::sync::mpsc::UnboundedSender<()>>,
) -> anyhow::Result<()> {
    let serving = Serving {
        prefix: subject::node_prefix(&context.node_id)?,
        max_in_flight,
        drain_timeout: context.request_timeout,
        metrics: context.metrics.clone(),
        closed_opt,
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
        let ids = ids::check(op, payload)?;
        let wants_reply = exchange.wants_reply;
        dispatch(self, op, payload, &ids, wants_reply, exchange).await
    }

    /// Fire-and-forget signals (hooks, tool calls) are decoded and handed on in the receiving loop, when the
    /// secret they carry is their chat's by this node's own key (no read of the chat's key). Any other, a
    /// wrong secret above all, takes its turn under the in-flight bound: a flood of forged signals, each
    /// waiting on a read of the chat's key, held up every request of the node when they were served here.
    fn inline(&self, op: NodeOp, request: &async_nats::Message) -> bool {
        /// The one field the check needs (the rest of the batch is skipped, not copied).
        #[derive(serde::Deserialize)]
        struct Addressed {
            chat_id: String,
        }
        if op != NodeOp::Signals {
            return false;
        }
        let Ok(addressed) = codec::decode::<Addressed>(&request.payload) else {
            // Answered (refused) in turn like any other.
            return false;
        };
        let secret_opt = request
            .headers
            .as_ref()
            .and_then(|headers| headers.get(shim_protocol::CHAT_SECRET_HEADER))
            .map(|value| value.as_str());
        self.coordination
            .speaks_for_itself(&addressed.chat_id, secret_opt)
    }

    async fn hand_back(&self, taken: Taken) {
        self.coordination.hand_back(taken).await
    }
}

async fn dispatch(
    context: &BridgeContext,
    op: NodeOp,
    payload: &[u8],
    ids: &RequestIds,
    wants_reply: bool,
    exchange: &mut Exchange,
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
            if let Some(name) = &request.name {
                crate::coordination::registry::validate_name(name)?;
            }
            let name_opt = request.name.clone();
            let starter = Starter {
                presented_opt: exchange.chat_secret_opt.as_deref(),
                claude_pid_opt: request.claude_pid,
            };
            // A chat the request names must be this session's to re-attach to (or new) before anything is
            // opened; one the node picks is given its secret once picked.
            let named_secret_opt = match &request.chat_id {
                Some(chat_id) => context.coordination.issue_secret(chat_id, starter).await?,
                None => None,
            };
            let named = request.chat_id.is_some();
            let process_opt = request.process.clone();
            let mut reply = call(context, &context.supervisor, op, |port| {
                SupervisorMessage::StartSession(request, port)
            })
            .await??;
            reply.chat_secret = if named {
                named_secret_opt
            } else {
                context
                    .coordination
                    .issue_secret(&reply.chat_id, starter)
                    .await?
            };
            context.coordination.opened(&reply.chat_id, name_opt).await;
            context.recovery.watch(&reply.chat_id, process_opt);
            encode_ok(&reply)
        }
        NodeOp::SessionEnd => {
            let request: SessionEndRequest = codec::decode(payload)?;
            // Ending a chat hands its tasks back: only the chat's own session may.
            context
                .coordination
                .authorize_end(
                    &request.chat_id,
                    exchange.chat_secret_opt.as_deref(),
                    request.claude_pid,
                )
                .await?;
            let reply = call(context, &context.supervisor, op, |port| {
                SupervisorMessage::EndSession(request, port)
            })
            .await??;
            context.recovery.ended(&reply.chat_id);
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
            // Only the chat's own session speaks for it.
            context
                .coordination
                .authorize_own(&batch.chat_id, exchange.chat_secret_opt.as_deref())
                .await?;
            context.coordination.signalled(&batch.chat_id);
            // Straight to the chat's worker, by name.
            let worker = chat_worker(context, op, &batch.chat_id, true).await?;
            if !wants_reply {
                // Fire and forget: the hot path of hooks and the MCP server. A worker that stopped between
                // the lookup and the send (it idled out) hands the batch back, and a fresh one takes it.
                let chat_id = batch.chat_id.clone();
                let stopped = || WireError::Unavailable {
                    message: format!("the worker of chat {chat_id} stopped; send again"),
                };
                match worker.cast(ChatWorkerMessage::Record(batch, None)) {
                    Ok(()) => {}
                    Err(ractor::MessagingErr::SendErr(message)) => {
                        supervised_worker(context, op, &chat_id, true)
                            .await?
                            .cast(message)
                            .map_err(|_| stopped())?;
                    }
                    Err(_) => return Err(stopped()),
                }
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
            context
                .coordination
                .authorize_own(&request.chat_id, exchange.chat_secret_opt.as_deref())
                .await?;
            let worker = chat_worker(context, op, &request.chat_id, false).await?;
            let report = call(context, &worker, op, ChatWorkerMessage::GetRisk).await??;
            encode_ok(&report)
        }
        NodeOp::CheckpointSave => {
            let request: SaveCheckpointRequest = codec::decode(payload)?;
            validate_id("chat id", &request.chat_id)?;
            context
                .coordination
                .authorize_own(&request.chat_id, exchange.chat_secret_opt.as_deref())
                .await?;
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
        NodeOp::ChatSilent => {
            let notice: ChatSilentNotice = codec::decode(payload)?;
            encode_ok(&context.recovery.silent_notice(notice).await?)
        }
        NodeOp::ResumeCheck => {
            let request: ResumeCheckRequest = codec::decode(payload)?;
            let offer = call(context, &checkpoint_manager(context)?, op, |port| {
                CheckpointManagerMessage::ResumeCheck(request, port)
            })
            .await??;
            encode_ok(&offer)
        }
        NodeOp::ResumeTake => {
            let request: ResumeRequest = codec::decode(payload)?;
            let offer = call(context, &checkpoint_manager(context)?, op, |port| {
                CheckpointManagerMessage::Resume(request, port)
            })
            .await??;
            encode_ok(&offer)
        }
        // Every other operation is coordination's (`Coordination::serves`); one it does not know it refuses.
        op => {
            let mut taken_opt = None;
            let secret_opt = exchange.chat_secret_opt.clone();
            let reply = context
                .coordination
                .serve(
                    op,
                    payload,
                    ids,
                    secret_opt.as_deref(),
                    |wait| exchange.cap(wait),
                    &mut taken_opt,
                )
                .await;
            exchange.taken_opt = taken_opt;
            reply
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
    supervised_worker(context, op, chat_id, adopt).await
}

/// The worker of chat `chat_id` as the Supervisor knows it (see [`SupervisorMessage::ChatWorker`]).
async fn supervised_worker(
    context: &BridgeContext,
    op: NodeOp,
    chat_id: &str,
    adopt: bool,
) -> WireResult<ActorRef<ChatWorkerMessage>> {
    let chat_id = chat_id.to_owned();
    Ok(call(context, &context.supervisor, op, |reply| {
        SupervisorMessage::ChatWorker {
            chat_id,
            adopt,
            reply,
        }
    })
    .await??)
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
