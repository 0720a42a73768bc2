//! Checkpoints of a chat's state, and resuming from them.

use serde::{Deserialize, Serialize};

use super::signal::{RiskReport, SignalSnapshot};

/// What made a checkpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CheckpointTrigger {
    /// The model or the user asked (`shim_checkpoint`).
    Explicit,
    /// Every N tool calls.
    ToolCalls,
    /// Every 10 minutes of activity.
    Interval,
    /// The risk level rose to warning.
    RiskWarning,
    /// The risk level rose to danger.
    RiskDanger,
    /// Claude Code is about to compact the context.
    PreCompact,
    /// A turn ended.
    Stop,
}

impl CheckpointTrigger {
    /// Returns the lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            CheckpointTrigger::Explicit => "explicit",
            CheckpointTrigger::ToolCalls => "tool_calls",
            CheckpointTrigger::Interval => "interval",
            CheckpointTrigger::RiskWarning => "risk_warning",
            CheckpointTrigger::RiskDanger => "risk_danger",
            CheckpointTrigger::PreCompact => "pre_compact",
            CheckpointTrigger::Stop => "stop",
        }
    }
}

/// The conversation as the model summarises it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConversationState {
    /// Summary, at most 1,000 characters.
    pub summary: String,
    /// Key decisions, at most 50.
    #[serde(default)]
    pub decisions: Vec<String>,
    /// What is being worked on right now, at most 500 characters.
    #[serde(default)]
    pub current_context: String,
    /// The last few messages, each cut to 500 characters, at most 20.
    #[serde(default)]
    pub recent_messages: Vec<String>,
}

/// The task in progress.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TaskState {
    /// The operation ("refactor the parser").
    #[serde(default)]
    pub operation: String,
    /// The phase ("tests passing, wiring the CLI").
    #[serde(default)]
    pub phase: String,
    /// Progress 0..1.
    #[serde(default)]
    pub progress: f64,
    /// Steps done, at most 100.
    #[serde(default)]
    pub completed_steps: Vec<String>,
    /// Steps next, at most 20.
    #[serde(default)]
    pub next_steps: Vec<String>,
    /// Blockers, at most 10.
    #[serde(default)]
    pub blockers: Vec<String>,
}

/// The project's files as git sees them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FileState {
    /// Files the model says it works on.
    #[serde(default)]
    pub active: Vec<String>,
    /// Modified, not staged.
    #[serde(default)]
    pub modified: Vec<String>,
    /// Staged.
    #[serde(default)]
    pub staged: Vec<String>,
    /// Untracked.
    #[serde(default)]
    pub untracked: Vec<String>,
    /// `git diff HEAD`, at most 10 KB.
    #[serde(default)]
    pub diff: String,
    /// The branch, when in a git repository.
    #[serde(default)]
    pub branch: Option<String>,
    /// The HEAD commit.
    #[serde(default)]
    pub head: Option<String>,
}

/// One recorded tool call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ToolCallRecord {
    /// Tool name.
    pub tool: String,
    /// Whether it succeeded.
    pub ok: bool,
    /// Arguments, cut to 500 characters.
    #[serde(default)]
    pub arguments: String,
    /// Result or error, cut to 500 characters.
    #[serde(default)]
    pub result: String,
    /// When it finished, milliseconds since the Unix epoch.
    pub at_ms: u64,
}

/// A stored checkpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Checkpoint {
    /// `<chat_id>:<seq>`.
    pub checkpoint_id: String,
    /// The chat.
    pub chat_id: String,
    /// Number within the chat, from 1.
    pub seq: u64,
    /// When it was taken, milliseconds since the Unix epoch.
    pub created_at_ms: u64,
    /// What made it.
    pub trigger: CheckpointTrigger,
    /// Project directory of the chat.
    #[serde(default)]
    pub project_dir: Option<String>,
    /// The conversation.
    pub conversation: ConversationState,
    /// The task.
    pub task: TaskState,
    /// The files.
    pub files: FileState,
    /// The last 20 tool calls.
    pub tools: Vec<ToolCallRecord>,
    /// The signals at that moment.
    pub signals: SignalSnapshot,
    /// Why it was taken, in words.
    #[serde(default)]
    pub reason: Option<String>,
}

/// What a caller gives for a checkpoint; the node adds files, tools and signals.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CheckpointInput {
    /// Summary of the conversation.
    pub summary: String,
    /// The task's operation.
    #[serde(default)]
    pub current_task: Option<String>,
    /// The task's phase.
    #[serde(default)]
    pub phase: Option<String>,
    /// Progress 0..1.
    #[serde(default)]
    pub progress: Option<f64>,
    /// Key decisions.
    #[serde(default)]
    pub decisions: Vec<String>,
    /// Steps done.
    #[serde(default)]
    pub completed_steps: Vec<String>,
    /// Next steps.
    #[serde(default)]
    pub next_steps: Vec<String>,
    /// Blockers.
    #[serde(default)]
    pub blockers: Vec<String>,
    /// Files being worked on.
    #[serde(default)]
    pub active_files: Vec<String>,
    /// Last messages.
    #[serde(default)]
    pub recent_messages: Vec<String>,
    /// Current context.
    #[serde(default)]
    pub current_context: Option<String>,
    /// Why now.
    #[serde(default)]
    pub reason: Option<String>,
}

/// Saves a checkpoint of a chat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SaveCheckpointRequest {
    /// The chat.
    pub chat_id: String,
    /// The state.
    pub input: CheckpointInput,
}

/// A saved checkpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CheckpointSaved {
    /// Its id.
    pub checkpoint_id: String,
    /// Its number in the chat.
    pub seq: u64,
    /// Compressed size on disk.
    pub bytes: u64,
    /// The chat's risk after saving.
    pub risk: RiskReport,
}

/// One line of a checkpoint list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CheckpointSummary {
    /// Its id.
    pub checkpoint_id: String,
    /// The chat.
    pub chat_id: String,
    /// Number in the chat.
    pub seq: u64,
    /// When, milliseconds since the Unix epoch.
    pub created_at_ms: u64,
    /// What made it.
    pub trigger: CheckpointTrigger,
    /// Compressed size.
    pub bytes: u64,
    /// The summary, cut to 120 characters.
    pub summary: String,
    /// Project directory.
    #[serde(default)]
    pub project_dir: Option<String>,
}

/// Lists checkpoints, newest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ListCheckpointsRequest {
    /// Only this chat's.
    #[serde(default)]
    pub chat_id: Option<String>,
    /// At most this many (default 20).
    #[serde(default)]
    pub limit: Option<u32>,
}

/// Checkpoints, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CheckpointList {
    /// The checkpoints.
    pub checkpoints: Vec<CheckpointSummary>,
}

/// Fetches one checkpoint whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GetCheckpointRequest {
    /// Its id.
    pub checkpoint_id: String,
}

/// Why a session ended without a clean end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum InterruptionReason {
    /// It stopped mid-turn or after errors.
    Crash,
    /// It went quiet and was never ended.
    Timeout,
    /// The user closed it between turns.
    ManualExit,
    /// Not enough evidence.
    Unknown,
}

impl InterruptionReason {
    /// Returns the lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            InterruptionReason::Crash => "crash",
            InterruptionReason::Timeout => "timeout",
            InterruptionReason::ManualExit => "manual_exit",
            InterruptionReason::Unknown => "unknown",
        }
    }
}

/// Looks for an interrupted session to resume in a project.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ResumeCheckRequest {
    /// The project directory.
    pub project_dir: String,
    /// The chat asking, never offered its own checkpoints.
    #[serde(default)]
    pub chat_id: Option<String>,
}

/// Restores a checkpoint: returns its resume prompt and marks it restored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ResumeRequest {
    /// The checkpoint; default: the one `resume.check` offers for `project_dir`.
    #[serde(default)]
    pub checkpoint_id: Option<String>,
    /// The project directory, when no checkpoint id is given.
    #[serde(default)]
    pub project_dir: Option<String>,
    /// The chat that resumes.
    #[serde(default)]
    pub chat_id: Option<String>,
}

/// An interrupted session, or none.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ResumeOffer {
    /// Whether there is something to resume.
    pub resume_available: bool,
    /// The checkpoint to resume from.
    #[serde(default)]
    pub checkpoint_id: Option<String>,
    /// The interrupted chat.
    #[serde(default)]
    pub chat_id: Option<String>,
    /// Why it ended.
    #[serde(default)]
    pub reason: Option<InterruptionReason>,
    /// Confidence in the reason, 0..1.
    #[serde(default)]
    pub confidence: Option<f64>,
    /// Age of the checkpoint.
    #[serde(default)]
    pub age_seconds: Option<u64>,
    /// The Markdown resume prompt.
    #[serde(default)]
    pub resume_prompt: Option<String>,
}
