//! Node-level messages: the version handshake and status.

use serde::{Deserialize, Serialize};

use super::chat::ChatInfo;

/// Asks a node who it is; the reply proves the node is up and speaks a compatible protocol.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HelloRequest {
    /// Who is asking, for the node's log ("shim-node mcp", "shim-node status").
    pub client: String,
}

/// A node's answer to [`HelloRequest`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HelloReply {
    /// The node's id.
    pub node_id: String,
    /// Newest protocol version the node speaks.
    pub protocol: u16,
    /// The node's release (`CARGO_PKG_VERSION`).
    pub version: String,
    /// Seconds since the node started.
    pub uptime_s: u64,
}

/// Asks for the node's status and, optionally, one chat's.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatusRequest {
    /// The chat to report on; `None` reports on the node only.
    #[serde(default)]
    pub chat_id: Option<String>,
}

/// Status of a node.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatusReply {
    /// The node's id.
    pub node_id: String,
    /// The chat that was asked about, if any.
    #[serde(default)]
    pub chat_id: Option<String>,
    /// The NATS server the node is connected to.
    pub nats_url: String,
    /// Seconds since the node started.
    pub uptime_s: u64,
    /// The node's release.
    pub version: String,
    /// Every actor in the node's supervision tree.
    pub actors: Vec<ActorInfo>,
    /// The chat that was asked about, when it is known.
    #[serde(default)]
    pub chat: Option<ChatInfo>,
}

/// One actor in a node's supervision tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ActorInfo {
    /// Registered name (`supervisor`, `chat_worker.<chat_id>`).
    pub name: String,
    /// Kind of actor (`supervisor`, `chat_worker`).
    pub kind: String,
    /// Lifecycle state.
    pub status: ActorStatus,
    /// How often the supervisor has restarted it.
    pub restarts: u32,
}

/// Lifecycle state of an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActorStatus {
    /// Running and answering.
    Running,
    /// Failed and waiting for its restart back-off.
    Restarting,
    /// Failed more often than the restart policy allows; not restarted again.
    Failed,
}
