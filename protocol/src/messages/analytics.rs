//! Analytics: how each session ended, and the summaries built from the stored events.
//!
//! Times are milliseconds since the Unix epoch; durations are milliseconds unless a field's name says
//! otherwise. A number with nothing to measure (a share of zero sessions, a quantile of no samples) is `None`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::RiskLevel;

/// How a session ended: the ground truth crash prediction is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SessionOutcome {
    /// Ended by the user or the assistant: SessionEnd, `shim_end_session`, `session.end`.
    Clean,
    /// Its process went away without an end; not yet resumed or given up on.
    Interrupted,
    /// Interrupted, then its work was taken up by a later session.
    Resumed,
    /// Interrupted, and nobody took its work up in time.
    Abandoned,
    /// The context filled and was compacted automatically.
    Compacted,
    /// Its last turn failed on an API error.
    ApiError,
    /// It hit the context wall: "prompt is too long", "conversation is too long".
    TooLong,
}

impl SessionOutcome {
    /// Every outcome, in the order reports list them.
    pub const ALL: [SessionOutcome; 7] = [
        SessionOutcome::Clean,
        SessionOutcome::Interrupted,
        SessionOutcome::Resumed,
        SessionOutcome::Abandoned,
        SessionOutcome::Compacted,
        SessionOutcome::ApiError,
        SessionOutcome::TooLong,
    ];

    /// Returns the snake_case name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            SessionOutcome::Clean => "clean",
            SessionOutcome::Interrupted => "interrupted",
            SessionOutcome::Resumed => "resumed",
            SessionOutcome::Abandoned => "abandoned",
            SessionOutcome::Compacted => "compacted",
            SessionOutcome::ApiError => "api_error",
            SessionOutcome::TooLong => "too_long",
        }
    }

    /// Parses a name from [`as_str`](Self::as_str).
    pub fn parse(name: &str) -> Option<SessionOutcome> {
        SessionOutcome::ALL
            .into_iter()
            .find(|outcome| outcome.as_str() == name)
    }

    /// True for every outcome but [`Clean`](Self::Clean): what crash prediction tries to see coming.
    pub fn is_bad(self) -> bool {
        self != SessionOutcome::Clean
    }

    /// True for the outcomes of a session whose process went away without an end.
    pub fn is_interruption(self) -> bool {
        matches!(
            self,
            SessionOutcome::Interrupted | SessionOutcome::Resumed | SessionOutcome::Abandoned
        )
    }
}

/// When a session first reached a risk level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LevelReached {
    /// `warning` or `danger`.
    pub level: RiskLevel,
    /// When.
    pub at_ms: u64,
    /// The session's tool calls at that moment.
    pub tool_calls: u64,
}

/// What is known about one session (one chat), kept in the `shim_sessions` bucket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SessionRecord {
    /// The chat.
    pub chat_id: String,
    /// The node that served it last.
    #[serde(default)]
    pub node_id: Option<String>,
    /// `claude-code`, `claude-desktop`, ...
    #[serde(default)]
    pub client: Option<String>,
    /// The project directory.
    #[serde(default)]
    pub project_dir: Option<String>,
    /// When it started.
    pub started_at_ms: u64,
    /// When it ended, or was found gone.
    #[serde(default)]
    pub ended_at_ms: Option<u64>,
    /// When anything was last heard of it.
    #[serde(default)]
    pub last_seen_ms: u64,
    /// Tool calls seen.
    #[serde(default)]
    pub tool_calls: u64,
    /// The first time it reached each level above safe, in order.
    #[serde(default)]
    pub levels: Vec<LevelReached>,
    /// Milliseconds spent at each level, by name (`safe`, `warning`, `danger`).
    #[serde(default)]
    pub time_at_level_ms: BTreeMap<String, u64>,
    /// Checkpoints saved.
    #[serde(default)]
    pub checkpoints: u64,
    /// Tool calls at the last checkpoint.
    #[serde(default)]
    pub last_checkpoint_tool_calls: Option<u64>,
    /// When the last checkpoint was saved.
    #[serde(default)]
    pub last_checkpoint_at_ms: Option<u64>,
    /// A resume of its work was offered to a later session.
    #[serde(default)]
    pub resume_offered: bool,
    /// A later session took the resume.
    #[serde(default)]
    pub resume_taken: bool,
    /// How it ended; `None` while it runs.
    #[serde(default)]
    pub outcome: Option<SessionOutcome>,
    /// What the outcome was decided from, oldest first (`SessionEnd hook: prompt_input_exit`).
    #[serde(default)]
    pub evidence: Vec<String>,
    /// API requests Claude Code's telemetry reported for the session (`telemetry.api_request`).
    #[serde(default)]
    pub api_requests: u64,
    /// What those requests cost, US dollars: the sum of their `cost_usd`; `None` when none carried a cost.
    #[serde(default)]
    pub cost_usd: Option<f64>,
    /// The sum of those requests' `duration_ms`; divided by `api_requests`, their mean latency.
    #[serde(default)]
    pub api_duration_ms: u64,
    /// Prompts of the session the model router decided on (`routing.decided` naming the chat).
    #[serde(default)]
    pub routed: u64,
    /// Routing decisions the user overrode in the session (`routing.override` naming the chat).
    #[serde(default)]
    pub overrides: u64,
}

/// Asks for the sessions that started or ended in a period.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SessionsRequest {
    /// Start of the period.
    pub since_ms: u64,
    /// End of the period; now when absent.
    #[serde(default)]
    pub until_ms: Option<u64>,
    /// Only sessions with this outcome.
    #[serde(default)]
    pub outcome: Option<SessionOutcome>,
    /// At most this many, newest first.
    #[serde(default)]
    pub limit: Option<u32>,
}

/// Sessions, newest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SessionList {
    /// The sessions.
    pub sessions: Vec<SessionRecord>,
    /// True when more matched than were returned.
    #[serde(default)]
    pub truncated: bool,
}

/// Asks for the summary of a period (`shim-node analytics`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SummaryRequest {
    /// Start of the period.
    pub since_ms: u64,
    /// End of the period; now when absent.
    #[serde(default)]
    pub until_ms: Option<u64>,
    /// For crash prediction: an interrupted session counts as covered when it had a checkpoint within this
    /// many tool calls of its end. Default 5.
    #[serde(default)]
    pub last_calls: Option<u64>,
}

/// The period a summary covers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Period {
    /// Start, RFC 3339.
    pub since: String,
    /// End, RFC 3339.
    pub until: String,
}

/// The 25th, 50th and 75th percentiles of a sample.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quartiles {
    /// 25th percentile.
    pub p25: Option<f64>,
    /// Median.
    pub median: Option<f64>,
    /// 75th percentile.
    pub p75: Option<f64>,
}

/// The median, 95th percentile and maximum of a sample.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Spread {
    /// Median.
    pub p50: Option<f64>,
    /// 95th percentile.
    pub p95: Option<f64>,
    /// Largest.
    #[serde(default)]
    pub max: Option<f64>,
}

/// How well one risk level foresaw a bad outcome.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LevelPrediction {
    /// Ended sessions that reached the level (or a higher one) before their end.
    pub flagged: u64,
    /// Flagged sessions that ended badly.
    pub true_positives: u64,
    /// `true_positives / flagged`.
    pub precision: Option<f64>,
    /// `true_positives / bad outcomes`.
    pub recall: Option<f64>,
    /// Minutes from first reaching the level to the end, over the true positives.
    pub lead_minutes: Quartiles,
    /// Tool calls from first reaching the level to the end, over the true positives.
    pub lead_tool_calls: Quartiles,
}

/// Of the interrupted sessions, how many had a recent checkpoint.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CheckpointCoverage {
    /// The window, in tool calls before the end.
    pub n: u64,
    /// Interrupted sessions (interrupted, resumed or abandoned).
    pub interrupted: u64,
    /// Of those, the ones with a checkpoint within the last `n` tool calls.
    pub with_checkpoint: u64,
    /// `with_checkpoint / interrupted`.
    pub share: Option<f64>,
}

/// Crash prediction measured against outcomes (`shim-node analytics crash-prediction`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CrashPrediction {
    /// Sessions that ended in the period (open ones are left out).
    pub sessions: u64,
    /// Of those, the ones with a bad outcome (every outcome but `clean`).
    pub bad_outcomes: u64,
    /// Per level: `warning` and `danger`.
    pub levels: BTreeMap<String, LevelPrediction>,
    /// Checkpoints near the end of interrupted sessions.
    pub checkpoint_within_last_n: CheckpointCoverage,
    /// True when the store held more session records than one query reads (10,000, the most recently
    /// changed): the numbers then cover only those.
    #[serde(default)]
    pub sessions_truncated: bool,
}

/// Resumes offered to later sessions and taken by them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ResumeCounts {
    /// Offered.
    pub offered: u64,
    /// Taken.
    pub taken: u64,
}

/// Checkpoints saved in the period.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CheckpointStats {
    /// Saved.
    pub count: u64,
    /// Time to save one.
    pub latency_ms: Spread,
}

/// Routing decisions and overrides of one task category.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CategoryRouting {
    /// The task category (`debugging`, `architecture`, ...).
    pub category: String,
    /// Decisions.
    pub decisions: u64,
    /// Overrides.
    pub overrides: u64,
    /// `overrides / decisions`.
    pub override_rate: Option<f64>,
    /// Overrides to a higher tier than the one recommended.
    #[serde(default)]
    pub overrides_up: u64,
    /// Overrides to a lower tier.
    #[serde(default)]
    pub overrides_down: u64,
}

/// Routing in the period.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoutingStats {
    /// Decisions.
    pub decisions: u64,
    /// Decisions per tier (`haiku`, `sonnet`, `opus`).
    pub by_tier: BTreeMap<String, u64>,
    /// Overrides.
    pub overrides: u64,
    /// Per category, most decisions first.
    pub by_category: Vec<CategoryRouting>,
}

/// Spend in the period, US dollars.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SpendStats {
    /// What the routed prompts were estimated to cost.
    pub estimated_usd: f64,
    /// What the assistant reported spending (Claude Code's telemetry, the status line).
    pub actual_usd: Option<f64>,
    /// What the routed prompts would have cost on opus.
    pub always_opus_usd: f64,
    /// `always_opus_usd - estimated_usd`.
    pub savings_usd: f64,
}

/// The task queue in the period.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QueueStats {
    /// Dispatched.
    pub submitted: u64,
    /// Completed.
    pub completed: u64,
    /// Failed (and not retried).
    pub failed: u64,
    /// Cancelled.
    pub cancelled: u64,
    /// Dead after their last attempt.
    pub dead: u64,
    /// From dispatch to claim.
    pub wait_ms: Spread,
    /// From claim to completion.
    pub run_ms: Spread,
}

/// The summary of a period (`shim-node analytics --json`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AnalyticsSummary {
    /// The period.
    pub period: Period,
    /// Sessions active in the period.
    pub sessions: u64,
    /// Sessions by outcome name; `open` counts those still running.
    pub outcomes: BTreeMap<String, u64>,
    /// Interrupted, resumed and abandoned sessions over those that ended.
    pub interruption_rate: Option<f64>,
    /// Resumes.
    pub resumes: ResumeCounts,
    /// Checkpoints.
    pub checkpoints: CheckpointStats,
    /// Seconds spent at each risk level, summed over sessions (`safe`, `warning`, `danger`).
    pub risk_time_s: BTreeMap<String, f64>,
    /// Routing.
    pub routing: RoutingStats,
    /// Spend.
    pub spend: SpendStats,
    /// The task queue.
    pub queue: QueueStats,
    /// Crash prediction over the period's ended sessions.
    pub crash_prediction: CrashPrediction,
    /// Events read to build it.
    #[serde(default)]
    pub events_read: u64,
    /// True when the store held more session records than one query reads (10,000, the most recently
    /// changed): the session numbers then cover only those.
    #[serde(default)]
    pub sessions_truncated: bool,
}
