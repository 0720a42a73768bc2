//! Session signals and the crash-risk assessment built from them.

use serde::{Deserialize, Serialize};

/// Where a signal was observed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SignalSource {
    /// The MCP server (tool calls it serves, `shim_report_signals`).
    Mcp,
    /// A Claude Code hook.
    Hook,
    /// The Claude Code status line.
    StatusLine,
    /// The session transcript, read by the node.
    Transcript,
    /// Claude Code's own OpenTelemetry export, taken in by the node's OTLP receiver.
    Telemetry,
}

/// One observation about a chat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SignalEvent {
    /// A tool call finished.
    ToolCall {
        /// Tool name.
        tool: String,
        /// Whether it succeeded.
        ok: bool,
        /// How long it took, when known.
        #[serde(default)]
        duration_ms: Option<u64>,
        /// Its arguments, cut to 500 characters.
        #[serde(default)]
        arguments: Option<String>,
        /// Its result or error, cut to 500 characters.
        #[serde(default)]
        result: Option<String>,
    },
    /// The user sent a message.
    UserPrompt,
    /// A turn ended normally; `latency_ms` is the time since the prompt, when known.
    TurnEnded {
        /// Response latency of the turn.
        #[serde(default)]
        latency_ms: Option<u64>,
    },
    /// A turn ended on an API error.
    TurnFailed {
        /// The error, when known.
        #[serde(default)]
        error: Option<String>,
    },
    /// The context is about to be compacted.
    PreCompact,
    /// The context was compacted.
    PostCompact,
    /// Context window use.
    Usage {
        /// Tokens in the context now.
        #[serde(default)]
        tokens_used: Option<u64>,
        /// Size of the context window.
        #[serde(default)]
        context_window: Option<u64>,
        /// Share of the window in use, 0..100, when the source gives it directly.
        #[serde(default)]
        used_percentage: Option<f64>,
        /// Session cost so far, in US dollars.
        #[serde(default)]
        cost_usd: Option<f64>,
        /// The model in use.
        #[serde(default)]
        model: Option<String>,
    },
    /// What the model reports it knows (`shim_report_signals`); absolute values, each optional.
    Reported {
        /// Messages in the conversation.
        #[serde(default)]
        message_count: Option<u64>,
        /// Tokens in the context.
        #[serde(default)]
        tokens_used: Option<u64>,
        /// Size of the context window.
        #[serde(default)]
        context_window: Option<u64>,
        /// Tool calls made.
        #[serde(default)]
        tool_calls: Option<u64>,
        /// Tool calls that failed.
        #[serde(default)]
        tool_failures: Option<u64>,
        /// Latency of the last response.
        #[serde(default)]
        last_latency_ms: Option<u64>,
    },
    /// One model API request finished (Claude Code's `claude_code.api_request` telemetry event).
    ApiRequest {
        /// The model asked.
        #[serde(default)]
        model: Option<String>,
        /// How long the request took.
        #[serde(default)]
        duration_ms: Option<u64>,
        /// Input tokens not read from or written to the prompt cache.
        #[serde(default)]
        input_tokens: Option<u64>,
        /// Output tokens.
        #[serde(default)]
        output_tokens: Option<u64>,
        /// Input tokens read from the prompt cache.
        #[serde(default)]
        cache_read_tokens: Option<u64>,
        /// Input tokens written to the prompt cache.
        #[serde(default)]
        cache_creation_tokens: Option<u64>,
        /// What the request cost, in US dollars.
        #[serde(default)]
        cost_usd: Option<f64>,
    },
    /// One model API request failed (Claude Code's `claude_code.api_error` telemetry event); Claude Code may
    /// retry it, so this is not the end of a turn.
    ApiError {
        /// The model asked.
        #[serde(default)]
        model: Option<String>,
        /// The error message.
        #[serde(default)]
        error: Option<String>,
        /// The HTTP status, when there was one.
        #[serde(default)]
        status_code: Option<u16>,
        /// Which attempt this was, from 1.
        #[serde(default)]
        attempt: Option<u32>,
    },
    /// The session ended cleanly (SessionEnd hook, `shim_end_session`).
    SessionEnded {
        /// Why, when known.
        #[serde(default)]
        reason: Option<String>,
    },
}

/// Signals for one chat, sent to `signals` (with or without a reply subject).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SignalBatch {
    /// The chat.
    pub chat_id: String,
    /// Where they come from.
    pub source: SignalSource,
    /// When they were observed, milliseconds since the Unix epoch.
    pub at_ms: u64,
    /// The observations, in order.
    pub events: Vec<SignalEvent>,
    /// The Claude Code transcript of the chat, for the node to read token use from.
    #[serde(default)]
    pub transcript_path: Option<String>,
    /// The user's prompt, with a `UserPrompt` event from the UserPromptSubmit hook; kept for resume.
    #[serde(default)]
    pub prompt: Option<String>,
    /// What set off a PreCompact or PostCompact hook: `auto` (the context was full) or `manual`
    /// (`/compact`); published with the compaction's event.
    #[serde(default)]
    pub trigger: Option<String>,
}

/// Crash-risk level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RiskLevel {
    /// Nothing to worry about.
    Safe,
    /// Checkpoint soon.
    Warning,
    /// Checkpoint now and wrap up.
    Danger,
}

impl RiskLevel {
    /// Returns the lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            RiskLevel::Safe => "safe",
            RiskLevel::Warning => "warning",
            RiskLevel::Danger => "danger",
        }
    }
}

/// The signals of a chat at one moment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SignalSnapshot {
    /// Messages from the user so far (or as reported).
    pub message_count: u64,
    /// Tokens in the context, when known.
    #[serde(default)]
    pub tokens_used: Option<u64>,
    /// Size of the context window in use.
    pub context_window: u64,
    /// Context use, 0..1, when known.
    #[serde(default)]
    pub context_ratio: Option<f64>,
    /// Tool calls in the session.
    pub tool_calls: u64,
    /// Failed tool calls in the session.
    pub tool_failures: u64,
    /// Failure rate over the last 50 tool calls, 0..1.
    pub recent_failure_rate: f64,
    /// Latency of the last response, when known.
    #[serde(default)]
    pub last_latency_ms: Option<u64>,
    /// The chat's own latency baseline.
    pub baseline_latency_ms: u64,
    /// Minutes since the session started.
    pub session_minutes: f64,
    /// Tool calls since the last checkpoint.
    pub tool_calls_since_checkpoint: u64,
    /// Compactions so far.
    pub compactions: u64,
    /// Turns that ended on an API error.
    pub api_failures: u64,
    /// Model API requests reported by telemetry.
    #[serde(default)]
    pub api_requests: u64,
    /// Failed model API requests (retries included) reported by telemetry.
    #[serde(default)]
    pub api_errors: u64,
    /// Output tokens of the session's model API requests, as reported by telemetry.
    #[serde(default)]
    pub output_tokens: Option<u64>,
    /// Session cost so far, when known.
    #[serde(default)]
    pub cost_usd: Option<f64>,
    /// Model in use, when known.
    #[serde(default)]
    pub model: Option<String>,
    /// Seconds since the last checkpoint, if any.
    #[serde(default)]
    pub seconds_since_checkpoint: Option<u64>,
}

/// Crash risk of a chat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RiskReport {
    /// The chat.
    pub chat_id: String,
    /// The level.
    pub level: RiskLevel,
    /// Score in 0..1.
    pub score: f64,
    /// One line per signal over a threshold.
    pub reasons: Vec<String>,
    /// The signals it was computed from.
    pub signals: SignalSnapshot,
    /// Set once per level change into danger: the model should checkpoint and wrap up. Left out when
    /// none (a reader defaults it), so a tool result shows it only when it is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advice: Option<String>,
}

/// Asks for a chat's crash risk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RiskRequest {
    /// The chat.
    pub chat_id: String,
}
