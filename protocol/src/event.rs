//! The JSON envelope of every event published on `shim.events.<component>.<name>`.

use serde::{Deserialize, Serialize};

/// One event: `{"type", "ts", "node_id", "chat_id"?, "data"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `<component>.<name>`, the subject below `shim.events`.
    #[serde(rename = "type")]
    pub kind: String,
    /// When it happened, RFC 3339 in UTC with milliseconds.
    pub ts: String,
    /// The node that published it.
    pub node_id: String,
    /// The chat it concerns, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_id: Option<String>,
    /// Event-specific fields.
    #[serde(default)]
    pub data: serde_json::Value,
}

impl Event {
    /// Returns the component half of [`kind`](Self::kind).
    pub fn component(&self) -> &str {
        self.kind.split('.').next().unwrap_or_default()
    }

    /// Returns the subject this event is published on.
    pub fn subject(&self) -> String {
        format!("{}.{}", crate::subject::EVENTS_PREFIX, self.kind)
    }
}
