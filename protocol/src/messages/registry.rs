//! The chat registry: which chats exist, where, doing what, and whether they are still there.

use std::fmt;

use serde::{Deserialize, Serialize};

/// What a chat does in coordination. On the wire: `supervisor`, `worker` or `solo`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChatRole {
    /// Splits work into tasks and reviews the results.
    Supervisor,
    /// Takes tasks.
    Worker,
    /// Works alone (the default).
    #[default]
    Solo,
}

/// Where a chat is in the registry. On the wire: `idle`, `busy`, `away` or `gone`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChatStatus {
    /// Heartbeating, on no task.
    Idle,
    /// Heartbeating, on a task.
    Busy,
    /// Silent for a while (or its node stopped).
    Away,
    /// Silent for long, or its session ended.
    Gone,
}

impl ChatRole {
    /// Every role.
    pub const ALL: [ChatRole; 3] = [ChatRole::Supervisor, ChatRole::Worker, ChatRole::Solo];

    /// The role's name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            ChatRole::Supervisor => "supervisor",
            ChatRole::Worker => "worker",
            ChatRole::Solo => "solo",
        }
    }
}

impl std::str::FromStr for ChatRole {
    type Err = String;

    /// Reads a role by its wire name.
    fn from_str(name: &str) -> Result<ChatRole, String> {
        ChatRole::ALL
            .into_iter()
            .find(|role| role.as_str() == name)
            .ok_or_else(|| format!("role {name:?} is not supervisor, worker or solo"))
    }
}

impl ChatStatus {
    /// The status's name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            ChatStatus::Idle => "idle",
            ChatStatus::Busy => "busy",
            ChatStatus::Away => "away",
            ChatStatus::Gone => "gone",
        }
    }

    /// True for a chat that heartbeats (idle or busy).
    pub fn is_present(self) -> bool {
        matches!(self, ChatStatus::Idle | ChatStatus::Busy)
    }
}

macro_rules! named {
    ($name:ty) => {
        impl fmt::Display for $name {
            fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str(self.as_str())
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }
    };
}

named!(ChatRole);
named!(ChatStatus);

/// A chat in the registry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChatEntry {
    /// The chat.
    pub chat_id: String,
    /// The node it talks to.
    pub node_id: String,
    /// `supervisor`, `worker` or `solo`.
    pub role: ChatRole,
    /// A human name.
    #[serde(default)]
    pub name: Option<String>,
    /// What it can do (`rust`, `frontend`, ...), matched against tasks' required capabilities.
    #[serde(default)]
    pub capabilities: Vec<String>,
    /// `idle`, `busy`, `away` (silent for a while) or `gone` (silent for long).
    pub status: ChatStatus,
    /// The task it works on.
    #[serde(default)]
    pub current_task: Option<String>,
    /// Its last heartbeat, milliseconds since the Unix epoch.
    pub last_heartbeat_ms: u64,
    /// Set once, when the chat was found interrupted and recovered (its checkpoint sealed, its tasks handed
    /// back, its supervisors told); kept if the chat comes back, so it is never recovered twice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interrupted: Option<Interruption>,
    /// Its session ended (`session.end`): it is `gone` for good, and only a new start of its session brings
    /// it back, not a heartbeat or a signal.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ended: bool,
}

/// How and when a chat was found interrupted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Interruption {
    /// When it was found, milliseconds since the Unix epoch.
    pub at_ms: u64,
    /// How: `process_exited` (its process was seen gone) or `heartbeat_timeout` (silent for the away time).
    pub detected: String,
    /// The node that recovered it (the one holding its checkpoints).
    pub node_id: String,
}

impl Interruption {
    /// [`Interruption::detected`] when its process was seen gone.
    pub const PROCESS_EXITED: &'static str = "process_exited";
    /// [`Interruption::detected`] when it was silent for the registry's away time.
    pub const HEARTBEAT_TIMEOUT: &'static str = "heartbeat_timeout";
}

/// A chat says it is alive (and, optionally, who it is and what it does).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HeartbeatRequest {
    /// The chat.
    pub chat_id: String,
    /// `supervisor`, `worker` or `solo`; kept when not given (default `solo`).
    #[serde(default)]
    pub role: Option<ChatRole>,
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

/// A node found a chat of another node silent and handed its tasks back; it tells the chat's own node
/// (`chat.silent`), which holds the chat's checkpoints and alone can tell whether the chat was interrupted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChatSilentNotice {
    /// The chat.
    pub chat_id: String,
    /// The tasks the finder handed back for it (at most [`ChatSilentNotice::MAX_TASKS`]).
    #[serde(default)]
    pub task_ids: Vec<String>,
    /// How long the chat had been silent when it was found, in seconds (the finder's away time).
    pub silent_for_s: u64,
    /// The node that found it (named in the supervisors' message).
    #[serde(default)]
    pub found_by: String,
}

impl ChatSilentNotice {
    /// Most task ids one notice names.
    pub const MAX_TASKS: usize = 1_000;
}

/// The answer to a [`ChatSilentNotice`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChatSilentReply {
    /// True when the chat is this node's, away in the registry, not recovered before, and none of its
    /// processes runs here: its recovery takes it on (seal, message, event). False otherwise, with nothing done.
    pub recovering: bool,
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

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    use super::*;
    use crate::codec;

    /// A chat entry as releases before the typed role and status wrote and read it: plain strings.
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct StringlyEntry {
        chat_id: String,
        node_id: String,
        role: String,
        name: Option<String>,
        capabilities: Vec<String>,
        status: String,
        current_task: Option<String>,
        last_heartbeat_ms: u64,
    }

    #[test]
    fn roles_and_statuses_keep_their_wire_names_both_ways() {
        for role in ChatRole::ALL {
            for status in [
                ChatStatus::Idle,
                ChatStatus::Busy,
                ChatStatus::Away,
                ChatStatus::Gone,
            ] {
                let entry = ChatEntry {
                    chat_id: "c1".to_owned(),
                    node_id: "n1".to_owned(),
                    role,
                    name: Some("worker 1".to_owned()),
                    capabilities: vec!["rust".to_owned()],
                    status,
                    current_task: None,
                    last_heartbeat_ms: 7,
                    interrupted: None,
                    ended: false,
                };
                let old = StringlyEntry {
                    chat_id: "c1".to_owned(),
                    node_id: "n1".to_owned(),
                    role: role.as_str().to_owned(),
                    name: Some("worker 1".to_owned()),
                    capabilities: vec!["rust".to_owned()],
                    status: status.as_str().to_owned(),
                    current_task: None,
                    last_heartbeat_ms: 7,
                };
                // The same bytes on the wire (MessagePack) and in the bucket (JSON).
                let new_bytes = codec::encode(&entry).expect("encodes");
                assert_eq!(new_bytes, codec::encode(&old).expect("encodes"));
                assert_eq!(
                    serde_json::to_string(&entry).expect("json"),
                    serde_json::to_string(&old).expect("json")
                );
                // An old reader reads the new writer, and the other way round.
                assert_eq!(
                    codec::decode::<StringlyEntry>(&new_bytes).expect("old reads"),
                    old
                );
                let old_bytes = codec::encode(&old).expect("encodes");
                assert_eq!(
                    codec::decode::<ChatEntry>(&old_bytes).expect("new reads"),
                    entry
                );
                assert_eq!(role.to_string().parse::<ChatRole>(), Ok(role));
                assert!(entry.status == status.as_str() && entry.role == role.as_str());
            }
        }
        assert_eq!(
            "boss".parse::<ChatRole>(),
            Err("role \"boss\" is not supervisor, worker or solo".to_owned())
        );
    }
}
