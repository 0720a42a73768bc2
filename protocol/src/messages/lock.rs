//! Locks between chats.

use serde::{Deserialize, Serialize};

/// Acquires (or extends) a lock for a chat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LockRequest {
    /// The chat that will hold it.
    pub chat_id: String,
    /// What it protects (`file:src/lib.rs`, `db migration #42`): any text of 1 to 512 bytes without control
    /// characters.
    pub resource: String,
    /// How long the grant lasts unless extended (default 300, at most 86,400).
    #[serde(default)]
    pub ttl_seconds: Option<u64>,
}

/// The outcome of a lock request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LockReply {
    /// True when the chat holds the lock.
    pub acquired: bool,
    /// The holder, when someone else holds it.
    #[serde(default)]
    pub holder: Option<String>,
    /// With a grant: pass it along with every write the lock protects.
    #[serde(default)]
    pub fencing_token: Option<u64>,
    /// When the grant (the chat's or the holder's) lapses, milliseconds since the Unix epoch.
    #[serde(default)]
    pub expires_at_ms: Option<u64>,
}

/// Releases a lock the chat holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReleaseLockRequest {
    /// The holder.
    pub chat_id: String,
    /// The resource.
    pub resource: String,
}

/// The outcome of a release.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReleaseLockReply {
    /// False when the lock was already free (released or lapsed).
    pub released: bool,
}
