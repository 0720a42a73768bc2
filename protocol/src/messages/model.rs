//! Model routing: the decision for a prompt, and the user's overrides.

use serde::{Deserialize, Serialize};

/// Asks which model tier should answer a prompt.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RouteRequest {
    /// The prompt; `@haiku`, `@sonnet` or `@opus` in it force the tier.
    pub prompt: String,
    /// `balanced` (default), `quality` or `cost`.
    #[serde(default)]
    pub strategy: Option<String>,
    /// The chat asking: its prompts are routed with its own routing parameters, and its events name it.
    #[serde(default)]
    pub chat_id: Option<String>,
}

/// Another tier and what it would cost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RouteAlternative {
    /// `haiku`, `sonnet` or `opus`.
    pub model: String,
    /// Its model id.
    pub model_id: String,
    /// Estimated cost in US dollars.
    pub estimated_cost_usd: f64,
}

/// The routing decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RouteReply {
    /// `haiku`, `sonnet` or `opus`.
    pub model: String,
    /// The model id to use.
    pub model_id: String,
    /// Confidence, 0..1.
    pub confidence: f64,
    /// One line on why.
    pub reasoning: String,
    /// Tokens in the prompt.
    pub estimated_input_tokens: u64,
    /// Tokens expected in the answer.
    pub estimated_output_tokens: u64,
    /// Estimated cost of the chosen tier, US dollars.
    pub estimated_cost_usd: f64,
    /// The other tiers.
    pub alternatives: Vec<RouteAlternative>,
    /// `simple`, `medium` or `complex`.
    pub complexity: String,
    /// The task type.
    pub task_type: String,
    /// True when the prompt forced the tier.
    pub overridden: bool,
    /// Set when a spend limit is near.
    #[serde(default)]
    pub budget_note: Option<String>,
}

/// Records that the user chose another tier than the one recommended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OverrideRequest {
    /// The prompt.
    pub prompt: String,
    /// The tier SHIM recommended.
    pub recommended: String,
    /// The tier the user chose.
    pub chosen: String,
    /// Why, if said.
    #[serde(default)]
    pub reason: Option<String>,
    /// The chat whose prompt it was, for its session's override rate (the MCP server fills it in).
    #[serde(default)]
    pub chat_id: Option<String>,
}

/// What the router learned from an override.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OverrideReply {
    /// The prompt's category: its task type.
    pub category: String,
    /// Overrides recorded in it.
    pub overrides: u64,
    /// Prompts routed in it.
    pub prompts: u64,
    /// The tier its learned bias pushes towards, once it has one.
    #[serde(default)]
    pub adopted: Option<String>,
}

/// What routing learned from the user's overrides for one category (`shim.v1.router.learned` answers a list).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LearnedPreference {
    /// The category: a task type (`design`, `debug`, `test`, ...).
    pub category: String,
    /// The tier the bias pushes towards.
    pub tier: String,
    /// The overrides it was fitted on.
    pub overrides: u64,
    /// What is added to the calibrated logits of haiku, sonnet and opus.
    pub shift: Vec<f64>,
    /// What it rests on, in words.
    pub evidence: String,
    /// When it was last fitted, milliseconds since the Unix epoch.
    pub at_ms: u64,
}
