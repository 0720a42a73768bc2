//! The chat registry: which chats exist, where, doing what, and whether they are still there.

use serde::{Deserialize, Serialize};

/// A chat in the registry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChatEntry {
    /// The chat.
    pub chat_id: String,
    /// The node it talks to.
    pub node_id: String,
    /// `supervisor`, `worker` or `solo`.
    pub role: String,
    /// A human name.
    #[serde(default)]
    pub name: Option<String>,
    /// What it can do (`rust`, `frontend`, ...), matched against tasks' required capabilities.
    #[serde(default)]
    pub capabilities: Vec<String>,
    /// `idle`, `busy`, `away` (silent for a while) or `gone` (silent for long).
    pub status: String,
    /// The task it works on.
    #[serde(default)]
    pub current_task: Option<String>,
    /// Its last heartbeat, milliseconds since the Unix epoch.
    pub last_heartbeat_ms: u64,
}

/// A chat says it is alive (and, optionally, who it is and what it does).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HeartbeatRequest {
    /// The chat.
    pub chat_id: String,
    /// `supervisor`, `worker` or `solo`; kept when not given (default `solo`).
    #[serde(default)]
    pub role: Option<String>,
    /// A human name; kept when not given.
    #[serde(default)]
    pub name: Option<String>,
    /// Capabilities; kept when not given.
    #[serde(default)]
    pub capabilities: Option<Vec<String>>,
    /// Busy or idle; kept when not given.
    #[serde(default)]
    pub busy: Option<bool>,
    /// The task it works on; kept when not given.
    #[serde(default)]
    pub current_task: Option<String>,
}

/// Lists the registry.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ListChatsRequest {
    /// Include chats that are gone.
    #[serde(default)]
    pub include_gone: bool,
}

/// The registry's chats, by chat id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChatList {
    /// The chats.
    pub chats: Vec<ChatEntry>,
}
