//! Messages between chats.

use serde::{Deserialize, Serialize};

/// Sends a message to a chat or to every chat.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SendMessageRequest {
    /// The sending chat.
    pub from: String,
    /// A chat id, or `broadcast`.
    pub to: String,
    /// The text (at most 16 KiB).
    pub text: String,
    /// The sender's key for this message: a send from the same chat with the same key within two minutes
    /// (the message stream's duplicate window) stores nothing more and answers with the first one's
    /// `message_id`, so a send whose answer was lost can be sent again safely.
    #[serde(default)]
    pub idempotency_key: Option<String>,
}

/// A message as stored and delivered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChatMessage {
    /// Its number in the message stream; later messages have higher numbers.
    pub message_id: u64,
    /// The sender.
    pub from: String,
    /// The recipient, or `broadcast`.
    pub to: String,
    /// The text.
    pub text: String,
    /// When it was sent, milliseconds since the Unix epoch.
    pub sent_at_ms: u64,
}

/// Reads a chat's unread messages, waiting for one when there are none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReadMessagesRequest {
    /// The reading chat.
    pub chat_id: String,
    /// How long to wait for a message when none is unread (at most 60 s; default 0).
    #[serde(default)]
    pub wait_seconds: Option<u64>,
    /// At most this many (default and limit 100).
    #[serde(default)]
    pub max: Option<u32>,
}

/// Messages, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MessageList {
    /// The messages.
    pub messages: Vec<ChatMessage>,
}
