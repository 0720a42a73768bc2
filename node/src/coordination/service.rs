//! Coordination as one service: locks, the chat registry (with presence and heartbeats), messages between chats
//! and the task queue, behind typed methods and [`CoordinationError`]. Its state is shared state in JetStream
//! (every write a compare-and-set); what it keeps in memory is a cache of it (chats' capabilities, who joined
//! the message stream, when a chat was last refreshed). Its background work (the task index follower, the
//! puller's listener, the registry sweeper) runs supervised ([`super::supervise`]).
//!
//! [`Coordination::serve`] is its edge: a request of a coordination operation in, the encoded
//! `Result<T, WireError>` out, with what the reply hands out ([`Taken`]) for the caller to deliver.

mod presence;
mod tasks;
mod upkeep;

use std::{
    collections::{HashMap, HashSet},
    sync::Mutex,
    time::Duration,
};

use bytes::Bytes;
use serde::Serialize;
use shim_actors::EventEmitter;
use shim_protocol::{
    NodeOp, WireError, codec,
    messages::{
        ChatList, ChatMessage, HeartbeatRequest, ListChatsRequest, LockReply, LockRequest,
        MessageList, ReadMessagesRequest, ReleaseLockReply, ReleaseLockRequest, SendMessageRequest,
    },
    subject::validate_id,
};
use tracing::warn;

use crate::service::ids::RequestIds;

pub use presence::Presence;
pub use tasks::Tasks;
pub use upkeep::{Silent, sweep};

use super::{
    locks::{self, Acquired, Locks},
    messages::{Messages, Unacked},
    registry::Registry,
    tasks::Claim,
};

/// Why a coordination operation failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CoordinationError {
    /// The node's NATS server has no JetStream, which the piece (`what`) needs.
    #[error(
        "{what} JetStream, and this node could not open its store there at start (the NATS server offers no \
         JetStream, or did not answer for 25 s: the node's log says which); start nats-server with -js, or \
         restart the node once JetStream answers"
    )]
    NoJetStream {
        /// The piece, as the start of the sentence (`locks need`, `the task queue needs`).
        what: &'static str,
    },
    /// The operation is not one of coordination's (a routing bug in the caller).
    #[error("{op} is not a coordination operation")]
    NotCoordination {
        /// The operation.
        op: NodeOp,
    },
    /// A piece refused or failed, as it told it (a bad request, a missing task, a busy or absent store).
    #[error(transparent)]
    Piece(#[from] WireError),
}

/// A specialized `Result` for coordination.
pub type CoordinationResult<T> = Result<T, CoordinationError>;

impl From<CoordinationError> for WireError {
    fn from(error: CoordinationError) -> WireError {
        match error {
            CoordinationError::NoJetStream { .. } => WireError::Unavailable {
                message: error.to_string(),
            },
            CoordinationError::NotCoordination { .. } => WireError::Internal {
                message: error.to_string(),
            },
            CoordinationError::Piece(error) => error,
        }
    }
}

impl From<shim_protocol::CodecError> for CoordinationError {
    fn from(error: shim_protocol::CodecError) -> CoordinationError {
        CoordinationError::Piece(error.into())
    }
}

impl From<shim_protocol::SubjectError> for CoordinationError {
    fn from(error: shim_protocol::SubjectError) -> CoordinationError {
        CoordinationError::Piece(error.into())
    }
}

impl From<super::bucket::BucketError> for CoordinationError {
    fn from(error: super::bucket::BucketError) -> CoordinationError {
        CoordinationError::Piece(error.into())
    }
}

/// A cluster-wide operation, as the coordination service's subjects name it (`shim.v1.coord.<operation>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CoordOp(pub NodeOp);

impl crate::service::Op for CoordOp {
    fn from_tail(tail: &str) -> Option<Self> {
        NodeOp::from_coord_tail(tail).map(CoordOp)
    }

    fn label(self) -> &'static str {
        self.0.as_str()
    }
}

/// Coordination as a component of [`crate::service::serve`], on its queue group (any node answers).
impl crate::service::Component for Coordination {
    type Op = CoordOp;

    async fn handle(
        &self,
        CoordOp(op): CoordOp,
        payload: &[u8],
        exchange: &mut crate::service::Exchange,
    ) -> Result<Bytes, WireError> {
        let ids = crate::service::ids::check(op, payload)?;
        let mut taken_opt = None;
        let secret_opt = exchange.chat_secret_opt.clone();
        let reply = self
            .serve(
                op,
                payload,
                &ids,
                secret_opt.as_deref(),
                |wait| exchange.cap(wait),
                &mut taken_opt,
            )
            .await;
        exchange.taken_opt = taken_opt;
        reply
    }

    async fn hand_back(&self, taken: Taken) {
        Coordination::hand_back(self, taken).await
    }
}

/// What a reply hands out: kept once the requester has it, handed back otherwise.
#[derive(Debug)]
pub enum Taken {
    /// Tasks claimed for a worker (a claim, or the next task of a completion).
    Claims(Vec<Claim>),
    /// Messages read, not yet acknowledged.
    Messages(Unacked),
}

impl Taken {
    /// True when nothing was handed out.
    pub fn is_empty(&self) -> bool {
        match self {
            Taken::Claims(claims) => claims.is_empty(),
            Taken::Messages(unacked) => unacked.is_empty(),
        }
    }

    /// The requester has it.
    pub async fn keep(self) {
        if let Taken::Messages(unacked) = self {
            unacked.ack().await;
        }
    }

    /// The requester may have it: its receipt did not come, though nothing said it was gone. A claim handed
    /// back then leaves its worker among the task's workers, whose completion still counts.
    pub fn unconfirmed(mut self) -> Taken {
        if let Taken::Claims(claims) = &mut self {
            for claim in claims {
                claim.unconfirmed();
            }
        }
        self
    }
}

/// The pieces coordination is made of; each is `None` when the NATS server has no JetStream.
#[derive(Debug, Default)]
pub struct Pieces {
    /// Locks.
    pub locks_opt: Option<Locks>,
    /// The chat registry.
    pub registry_opt: Option<Registry>,
    /// Messages between chats.
    pub messages_opt: Option<Messages>,
    /// The task queue.
    pub tasks_opt: Option<Tasks>,
    /// The chats' keys (chat identity).
    pub chat_keys_opt: Option<super::chat_keys::ChatKeys>,
}

/// The coordination service of one node.
#[derive(Debug)]
pub struct Coordination {
    node_id: String,
    emitter: EventEmitter,
    pieces: Pieces,
    /// Chats whose message consumers exist (joined on their first heartbeat).
    joined: Mutex<HashSet<String>>,
    /// Capabilities of this node's chats, as their heartbeats last said.
    capabilities: Mutex<HashMap<String, Vec<String>>>,
    /// When chats' registry entries were last refreshed from their signals.
    presence: Presence,
    /// Where the sweep reports this node's chats that fell silent (the node's recovery), once wired.
    silent_tx: Mutex<Option<tokio::sync::mpsc::UnboundedSender<upkeep::Silent>>>,
}

/// The chat a request of `op` acts for: the sender of a message, the `chat_id` of the rest; none for reading the
/// registry or tasks' status, which act for no one. `ids` were read from the request by the front door
/// ([`crate::service::ids::check`]), which takes only a map keyed by field names with its ids as text: a struct
/// also decodes from an array or from a map keyed by field positions, and `chat_id` and `from` are at different
/// positions there and in the operation's own type, so `{0: <another chat>, 1: "broadcast", 2: ...}` once named
/// one chat for this check and sent a message in another's name.
fn acting_chat(op: NodeOp, ids: &RequestIds) -> Option<&str> {
    match op {
        NodeOp::ChatList | NodeOp::TaskStatus => None,
        NodeOp::MessageSend => ids.from.as_deref(),
        _ => ids.chat_id.as_deref(),
    }
}

fn encode_ok<T: Serialize>(value: &T) -> CoordinationResult<Bytes> {
    Ok(crate::service::encode_ok(value)?)
}

/// A piece, or why it is missing: the node runs without JetStream (`what` names the piece).
fn needs_jetstream<'a, T>(
    piece_opt: Option<&'a T>,
    what: &'static str,
) -> CoordinationResult<&'a T> {
    piece_opt.ok_or(CoordinationError::NoJetStream { what })
}

impl Coordination {
    /// Coordination for node `node_id` over `pieces`; chats that send signals are refreshed in the registry
    /// at most once per `refresh_every`.
    pub fn new(
        node_id: impl Into<String>,
        emitter: EventEmitter,
        pieces: Pieces,
        refresh_every: Duration,
    ) -> Coordination {
        Coordination {
            node_id: node_id.into(),
            emitter,
            pieces,
            joined: Mutex::new(HashSet::new()),
            capabilities: Mutex::new(HashMap::new()),
            presence: Presence::new(refresh_every),
            silent_tx: Mutex::new(None),
        }
    }

    /// The node this service runs in.
    pub fn node_id(&self) -> &str {
        &self.node_id
    }

    /// Its pieces.
    pub fn pieces(&self) -> &Pieces {
        &self.pieces
    }

    /// True for the operations this service answers.
    pub fn serves(op: NodeOp) -> bool {
        op.is_cluster_wide() || op == NodeOp::ChatHeartbeat
    }

    /// Serves one request of operation `op`: decodes `payload`, acts, encodes the answer. What the answer hands
    /// out goes into `taken_opt`; a wait is cut short by `cap` (so the answer reaches a requester that listens
    /// for less).
    ///
    /// A request acting for a chat (its `chat_id`, or the `from` of a message, as the front door read them into
    /// `ids`) must carry that chat's secret, `secret_opt`, once the chat has one ([`super::chat_keys`]).
    pub(crate) async fn serve(
        &self,
        op: NodeOp,
        payload: &[u8],
        ids: &RequestIds,
        secret_opt: Option<&str>,
        cap: impl Fn(Duration) -> Duration,
        taken_opt: &mut Option<Taken>,
    ) -> Result<Bytes, WireError> {
        if let Some(chat_id) = acting_chat(op, ids) {
            self.authorize(chat_id, secret_opt).await?;
        }
        Ok(self.serve_typed(op, payload, cap, taken_opt).await?)
    }

    /// Checks that a `session.end` of `chat_id` comes from the chat's session: its secret, or its Claude Code
    /// process.
    pub async fn authorize_end(
        &self,
        chat_id: &str,
        secret_opt: Option<&str>,
        claude_pid_opt: Option<u32>,
    ) -> Result<(), WireError> {
        match &self.pieces.chat_keys_opt {
            Some(keys) => keys.check_end(chat_id, secret_opt, claude_pid_opt).await,
            None => Ok(()),
        }
    }

    /// Whether `chat_id` is a chat opened by `session.start`, which acts only on what is its own (a person at
    /// `shim-node tasks`, or a script known by heartbeats alone, is not one). False when the node keeps no
    /// chat keys.
    pub async fn is_session_chat(&self, chat_id: &str) -> Result<bool, WireError> {
        match &self.pieces.chat_keys_opt {
            Some(keys) => keys.has_session(chat_id).await,
            None => Ok(false),
        }
    }

    /// Checks that a request acting for `chat_id` carries its secret, once the chat has one.
    pub async fn authorize(
        &self,
        chat_id: &str,
        secret_opt: Option<&str>,
    ) -> Result<(), WireError> {
        match &self.pieces.chat_keys_opt {
            Some(keys) => keys.check(chat_id, secret_opt).await,
            None => Ok(()),
        }
    }

    /// Checks that a request to this node about chat `chat_id` (signals, risk, a checkpoint save) carries the
    /// chat's secret, once the chat has one (see [`ChatKeys::check_own`](super::chat_keys::ChatKeys::check_own)).
    pub async fn authorize_own(
        &self,
        chat_id: &str,
        secret_opt: Option<&str>,
    ) -> Result<(), WireError> {
        match &self.pieces.chat_keys_opt {
            Some(keys) => keys.check_own(chat_id, secret_opt).await,
            None => Ok(()),
        }
    }

    /// True when `secret_opt` is chat `chat_id`'s secret by this node's own key, or no secrets are kept:
    /// known without reading the chat's key (see [`authorize_own`](Self::authorize_own) for the full check).
    pub fn speaks_for_itself(&self, chat_id: &str, secret_opt: Option<&str>) -> bool {
        match &self.pieces.chat_keys_opt {
            Some(keys) => keys.issued_here(chat_id, secret_opt),
            None => true,
        }
    }

    /// Gives chat `chat_id`, opened or re-attached to on this node, its secret; or refuses the start.
    pub async fn issue_secret(
        &self,
        chat_id: &str,
        starter: super::chat_keys::Starter<'_>,
    ) -> Result<Option<String>, WireError> {
        match &self.pieces.chat_keys_opt {
            Some(keys) => Ok(Some(
                keys.issue(chat_id, starter, shim_actors::now_ms()).await?,
            )),
            None => Ok(None),
        }
    }

    async fn serve_typed(
        &self,
        op: NodeOp,
        payload: &[u8],
        cap: impl Fn(Duration) -> Duration,
        taken_opt: &mut Option<Taken>,
    ) -> CoordinationResult<Bytes> {
        match op {
            NodeOp::LockAcquire | NodeOp::LockExtend => {
                let request: LockRequest = codec::decode(payload)?;
                encode_ok(&self.lock(request, op == NodeOp::LockExtend).await?)
            }
            NodeOp::LockRelease => {
                let request: ReleaseLockRequest = codec::decode(payload)?;
                encode_ok(&self.unlock(request).await?)
            }
            NodeOp::ChatHeartbeat => {
                let request: HeartbeatRequest = codec::decode(payload)?;
                encode_ok(&self.heartbeat(request).await?)
            }
            NodeOp::ChatList => {
                let request: ListChatsRequest = codec::decode(payload)?;
                encode_ok(&self.list_chats(request).await?)
            }
            NodeOp::MessageSend => {
                let request: SendMessageRequest = codec::decode(payload)?;
                encode_ok(&self.send_message(request).await?)
            }
            NodeOp::MessageRead => {
                let request: ReadMessagesRequest = codec::decode(payload)?;
                let (list, unacked) = self.read_messages(request, cap).await?;
                let reply = encode_ok(&list);
                // Acknowledged once delivered, handed back otherwise (even when the reply cannot be encoded).
                *taken_opt = Some(Taken::Messages(unacked));
                reply
            }
            op => self.serve_task(op, payload, cap, taken_opt).await,
        }
    }

    fn locks(&self) -> CoordinationResult<&Locks> {
        needs_jetstream(self.pieces.locks_opt.as_ref(), "locks need")
    }

    fn registry(&self) -> CoordinationResult<&Registry> {
        needs_jetstream(self.pieces.registry_opt.as_ref(), "the chat registry needs")
    }

    fn messages(&self) -> CoordinationResult<&Messages> {
        needs_jetstream(self.pieces.messages_opt.as_ref(), "messages need")
    }

    /// Acquires (or, with `extend`, extends) a lock for a chat.
    pub async fn lock(&self, request: LockRequest, extend: bool) -> CoordinationResult<LockReply> {
        validate_id("chat id", &request.chat_id)?;
        let locks = self.locks()?;
        let ttl = request
            .ttl_seconds
            .map_or(locks::DEFAULT_TTL, Duration::from_secs);
        let now = shim_actors::now_ms();
        let outcome = if extend {
            locks
                .extend(&request.resource, &request.chat_id, ttl, now)
                .await?
        } else {
            locks
                .acquire(&request.resource, &request.chat_id, ttl, now)
                .await?
        };
        Ok(match outcome {
            Acquired::Granted {
                fencing_token,
                expires_at_ms,
            } => {
                self.emitter.emit(
                    "locks",
                    if extend { "extended" } else { "acquired" },
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
        })
    }

    /// Releases a chat's lock.
    pub async fn unlock(
        &self,
        request: ReleaseLockRequest,
    ) -> CoordinationResult<ReleaseLockReply> {
        validate_id("chat id", &request.chat_id)?;
        let released = self
            .locks()?
            .release(&request.resource, &request.chat_id, shim_actors::now_ms())
            .await?;
        if released {
            self.emitter.emit(
                "locks",
                "released",
                Some(&request.chat_id),
                serde_json::json!({"resource": request.resource}),
            );
        }
        Ok(ReleaseLockReply { released })
    }

    /// Lists the registry's chats.
    pub async fn list_chats(&self, request: ListChatsRequest) -> CoordinationResult<ChatList> {
        let chats = self.registry()?.list(request.include_gone).await?;
        Ok(ChatList { chats })
    }

    /// Sends a message to a chat the registry knows, or to `broadcast`.
    pub async fn send_message(
        &self,
        request: SendMessageRequest,
    ) -> CoordinationResult<ChatMessage> {
        let messages = self.messages()?;
        validate_id("chat id", &request.from)?;
        self.addressee_known(&request.to).await?;
        let sent = messages
            .send(
                &request.from,
                &request.to,
                &request.text,
                request.idempotency_key.as_deref(),
                shim_actors::now_ms(),
            )
            .await?;
        let message = sent.message;
        // Sent again under its key: the first send said so already.
        if !sent.again {
            self.emitter.emit(
                "messages",
                "sent",
                Some(&message.from),
                serde_json::json!({"to": message.to, "message_id": message.message_id, "bytes": message.text.len()}),
            );
        }
        Ok(message)
    }

    /// Reads a chat's messages, waiting up to its `wait_seconds` (cut short by `cap`); the messages are not
    /// acknowledged until the caller keeps them.
    pub async fn read_messages(
        &self,
        request: ReadMessagesRequest,
        cap: impl Fn(Duration) -> Duration,
    ) -> CoordinationResult<(MessageList, Unacked)> {
        let wait = cap(shim_protocol::limits::wait(request.wait_seconds)?);
        let max = request.max.unwrap_or(100) as usize;
        let (list, unacked) = self.messages()?.read(&request.chat_id, wait, max).await?;
        Ok((MessageList { messages: list }, unacked))
    }

    /// Refuses a direct message to a chat the registry has never seen (a mistyped id would otherwise be stored
    /// for nobody); `broadcast` goes to whoever is there.
    async fn addressee_known(&self, to: &str) -> CoordinationResult<()> {
        if to == "broadcast" {
            return Ok(());
        }
        validate_id("chat id", to)?;
        match self.registry()?.get(to).await? {
            Some(_) => Ok(()),
            None => Err(WireError::bad_request(format!(
                "no chat {to} is known to the registry (see shim_list_chats); send to a chat id it lists, or to broadcast"
            ))
            .into()),
        }
    }

    /// The requester never got what a reply handed out: hand it back.
    pub async fn hand_back(&self, taken: Taken) {
        match taken {
            Taken::Messages(unacked) => unacked.nak().await,
            Taken::Claims(claims) => {
                let Some(tasks) = self.pieces.tasks_opt.as_ref() else {
                    return;
                };
                for claim in claims {
                    match tasks.queue.unclaim(&claim, shim_actors::now_ms()).await {
                        Ok(change) => {
                            let changes: Vec<_> = change.into_iter().collect();
                            self.report(tasks, &changes);
                            if let Some(chat_id) = claim.worker_chat_id.as_deref() {
                                self.set_work(chat_id, None);
                            }
                        }
                        Err(error) => {
                            warn!(%error, task_id = %claim.task_id, "failed to take back an undelivered claim")
                        }
                    }
                }
            }
        }
    }
}
