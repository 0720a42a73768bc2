//! Chat sessions: opening, ending and describing a chat.

use serde::{Deserialize, Serialize};

/// Opens a chat on a node, or re-attaches to one by id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SessionStartRequest {
    /// Re-attach to this chat id instead of making a new one (after a node restart, say).
    #[serde(default)]
    pub chat_id: Option<String>,
    /// The project directory the chat works in.
    #[serde(default)]
    pub project_dir: Option<String>,
    /// A human name for the chat.
    #[serde(default)]
    pub name: Option<String>,
    /// The client that opened it ("claude-code", "claude-desktop", "cli").
    #[serde(default)]
    pub client: Option<String>,
    /// Process id of the Claude Code process the chat runs in. Hooks and the MCP server of one Claude
    /// Code session share it, which is how they land on the same chat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claude_pid: Option<u32>,
    /// The process whose life is the chat's (the `shim-node mcp` server speaking for it, or the Claude Code
    /// process of a session opened by hooks). The node on the same machine watches it: once it has exited,
    /// the chat is recovered at once instead of after the registry's away time. Filled in by SHIM's own clients,
    /// never by a model: left out of the tools' schemas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub process: Option<ChatProcess>,
}

/// A process on one machine, named so that no other process (another machine's, or a later one given the same
/// pid) is mistaken for it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChatProcess {
    /// Its process id.
    pub pid: u32,
    /// When it started, in clock ticks since the machine booted (`/proc/<pid>/stat`, field 22); none where
    /// unknown (not Linux).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<u64>,
    /// The machine's boot id (`/proc/sys/kernel/random/boot_id`): the same on one machine until it reboots,
    /// different everywhere else. None where unknown (not Linux).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boot_id: Option<String>,
}

/// The chat a [`SessionStartRequest`] opened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SessionStartReply {
    /// The chat's id, to pass on every chat-scoped call.
    pub chat_id: String,
    /// The node that owns the chat.
    pub node_id: String,
    /// False when the request re-attached to a chat that was already running.
    pub created: bool,
    /// The chat's secret: what its operations on tasks, messages and locks carry (the `Shim-Chat-Secret`
    /// header), so that no one else naming its id can act for it. Given to the session that opened the chat,
    /// to one that presents it, and to a session start from the same Claude Code process.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_secret: Option<String>,
}

/// Ends a chat cleanly; its worker stops. Only the chat's own session may: the request carries the chat's
/// secret, or comes from its Claude Code process (`claude_pid`, as the SessionEnd hook sends it).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SessionEndRequest {
    /// The chat to end.
    pub chat_id: String,
    /// Why it ends, for the event and the log.
    #[serde(default)]
    pub reason: Option<String>,
    /// Process id of the Claude Code process the chat runs in (the SessionEnd hook's parent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claude_pid: Option<u32>,
}

/// Acknowledges a [`SessionEndRequest`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SessionEndReply {
    /// The chat that ended.
    pub chat_id: String,
}

/// What a node knows about one chat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChatInfo {
    /// The chat's id.
    pub chat_id: String,
    /// Its human name, if one was given.
    #[serde(default)]
    pub name: Option<String>,
    /// Its project directory, if one was given.
    #[serde(default)]
    pub project_dir: Option<String>,
    /// The client that opened it.
    #[serde(default)]
    pub client: Option<String>,
    /// When it started, milliseconds since the Unix epoch.
    pub started_at_ms: u64,
    /// When it last made a request, milliseconds since the Unix epoch.
    pub last_active_ms: u64,
    /// Requests it has made.
    pub requests: u64,
}
