//! The routing decision: tiers and their prices, cost estimates and alternatives, and the decision itself
//! ([`decide`]: the built-in classifier's logits, shifted by what the user taught it and by the strategy, then
//! its decision rule), evaluation against a labelled set ([`evaluate`]), and the lexicon rule of issue 4
//! ([`judge`]), kept as a baseline for the evaluation.

mod decide;
mod evaluation;

pub use decide::{
    Learned, Prepared, RouteOptions, STRATEGY_SHIFT, decide, explain, prepare, route, take_override,
};
pub use evaluation::{Evaluation, LabelledPrompt, evaluate};

use std::fmt;

use serde::{Deserialize, Serialize};

use super::analyzer::PromptFeatures;

/// A model tier, cheapest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Fast and cheap.
    Haiku,
    /// The everyday workhorse.
    Sonnet,
    /// The strongest.
    Opus,
}

impl Tier {
    /// Every tier, cheapest first.
    pub const ALL: [Tier; 3] = [Tier::Haiku, Tier::Sonnet, Tier::Opus];

    /// Returns the lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Haiku => "haiku",
            Tier::Sonnet => "sonnet",
            Tier::Opus => "opus",
        }
    }

    /// Parses a tier name.
    pub fn parse(name: &str) -> Option<Tier> {
        Tier::ALL
            .into_iter()
            .find(|tier| tier.as_str() == name.trim().to_lowercase())
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// How complex a prompt is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Complexity {
    /// Small, self-contained.
    Simple,
    /// Everyday engineering.
    Medium,
    /// Hard reasoning or design.
    Complex,
}

impl Complexity {
    /// Returns the lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Complexity::Simple => "simple",
            Complexity::Medium => "medium",
            Complexity::Complex => "complex",
        }
    }

    /// The complexity a tier stands for.
    pub fn of(tier: Tier) -> Complexity {
        match tier {
            Tier::Haiku => Complexity::Simple,
            Tier::Sonnet => Complexity::Medium,
            Tier::Opus => Complexity::Complex,
        }
    }

    /// The tier that fits this complexity.
    pub fn tier(self) -> Tier {
        match self {
            Complexity::Simple => Tier::Haiku,
            Complexity::Medium => Tier::Sonnet,
            Complexity::Complex => Tier::Opus,
        }
    }
}

/// What to optimize.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    /// The tier the prompt needs.
    #[default]
    Balanced,
    /// Leans up: each tier's logit is raised by [`STRATEGY_SHIFT`] per step above haiku.
    Quality,
    /// Leans down: each tier's logit is raised by [`STRATEGY_SHIFT`] per step below opus.
    Cost,
}

impl Strategy {
    /// Parses a strategy name.
    pub fn parse(name: &str) -> Option<Strategy> {
        match name.trim().to_lowercase().as_str() {
            "balanced" => Some(Strategy::Balanced),
            "quality" => Some(Strategy::Quality),
            "cost" => Some(Strategy::Cost),
            _ => None,
        }
    }
}

/// A tier's model and prices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierModel {
    /// Model id sent to the API.
    pub model_id: String,
    /// US dollars per million input tokens.
    pub input_per_mtok: f64,
    /// US dollars per million output tokens.
    pub output_per_mtok: f64,
}

/// Models and prices of the three tiers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TierModels {
    /// The haiku tier.
    pub haiku: TierModel,
    /// The sonnet tier.
    pub sonnet: TierModel,
    /// The opus tier.
    pub opus: TierModel,
}

impl Default for TierModels {
    /// Anthropic's published prices as last checked (see docs/routing.md for the date).
    fn default() -> Self {
        TierModels {
            haiku: TierModel {
                model_id: "claude-haiku-4-5".to_owned(),
                input_per_mtok: 1.0,
                output_per_mtok: 5.0,
            },
            sonnet: TierModel {
                model_id: "claude-sonnet-4-5".to_owned(),
                input_per_mtok: 3.0,
                output_per_mtok: 15.0,
            },
            opus: TierModel {
                model_id: "claude-opus-4-5".to_owned(),
                input_per_mtok: 5.0,
                output_per_mtok: 25.0,
            },
        }
    }
}

impl TierModels {
    /// Returns a tier's model.
    pub fn get(&self, tier: Tier) -> &TierModel {
        match tier {
            Tier::Haiku => &self.haiku,
            Tier::Sonnet => &self.sonnet,
            Tier::Opus => &self.opus,
        }
    }

    /// Estimated cost in US dollars.
    pub fn cost(&self, tier: Tier, input_tokens: usize, output_tokens: usize) -> f64 {
        let model = self.get(tier);
        (input_tokens as f64 * model.input_per_mtok + output_tokens as f64 * model.output_per_mtok)
            / 1e6
    }
}

/// Output tokens expected for a task type.
pub fn estimated_output_tokens(task_type: &str, complexity: Complexity) -> usize {
    let base = match task_type {
        "design" => 1_800,
        "implement" | "refactor" | "test" => 1_000,
        "debug" => 700,
        "review" => 600,
        "explain" => 350,
        "docs" => 200,
        _ => 400,
    };
    match complexity {
        Complexity::Simple => base / 3,
        Complexity::Medium => base,
        Complexity::Complex => base * 3 / 2,
    }
}

/// Prompt features scored: how far towards hard work, and how sure.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    /// The complexity.
    pub complexity: Complexity,
    /// Confidence in it, 0..1.
    pub confidence: f64,
    /// One line on why.
    pub reasoning: String,
}

/// Judges the complexity of analysed features: the lexicon rule of issue 4, which routed until issue 11 and
/// is kept as a baseline for the evaluation (`routing-model eval`). The rule, checked against the development set
/// (docs/routing.md): strong hard-work markers make it complex; short prose with small-task markers and no
/// real work makes it simple; everything else is medium.
pub fn judge(features: &PromptFeatures) -> Judgement {
    let hard = features.hard_weight;
    let work = features.work_weight
        + if features.stack_trace { 1.5 } else { 0.0 }
        + if features.code_lines > 6 { 1.0 } else { 0.0 }
        + (features.file_paths.min(3) as f64) * 0.5
        + (features.steps.min(4) as f64) * 0.25;
    let simple = features.simple_weight;
    let short = features.words <= 25;
    let markers = |list: &[String]| list.iter().take(3).cloned().collect::<Vec<_>>().join(", ");

    if hard >= 2.0 {
        let confidence = (0.6 + 0.08 * (hard - 2.0)).min(0.95);
        return Judgement {
            complexity: Complexity::Complex,
            confidence,
            reasoning: format!("hard-work markers ({})", markers(&features.hard_markers)),
        };
    }
    // Small-task words excuse a little named work ("write a commit message"), never much.
    let small = work <= 0.75 || (simple >= 1.5 && work <= 1.0);
    if short && features.code_lines <= 6 && !features.stack_trace && small {
        let confidence = (0.55 + 0.1 * simple - 0.1 * work - 0.1 * hard).clamp(0.3, 0.95);
        return Judgement {
            complexity: Complexity::Simple,
            confidence,
            reasoning: if features.simple_markers.is_empty() {
                format!(
                    "short request ({} words), no engineering work named",
                    features.words
                )
            } else {
                format!("small task ({})", markers(&features.simple_markers))
            },
        };
    }
    let confidence = (0.6 + 0.05 * work - 0.15 * hard).clamp(0.3, 0.9);
    Judgement {
        complexity: Complexity::Medium,
        confidence,
        reasoning: if features.work_markers.is_empty() {
            format!("{}-word request with code or context", features.words)
        } else {
            format!("engineering work ({})", markers(&features.work_markers))
        },
    }
}

/// Confidence below which the lexicon rule ([`judge`]) fell back to the middle tier (used by the evaluation's
/// baseline of it; the classifier's decision rule has its own thresholds).
pub const LOW_CONFIDENCE: f64 = 0.4;

/// One tier with its cost, as an alternative.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alternative {
    /// The tier.
    pub model: Tier,
    /// Its model id.
    pub model_id: String,
    /// Estimated cost in US dollars.
    pub estimated_cost_usd: f64,
}

/// A routing decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RouteDecision {
    /// The tier chosen.
    pub model: Tier,
    /// Its model id.
    pub model_id: String,
    /// Confidence, 0..1.
    pub confidence: f64,
    /// One line on why.
    pub reasoning: String,
    /// Input tokens of the prompt.
    pub estimated_input_tokens: usize,
    /// Output tokens expected.
    pub estimated_output_tokens: usize,
    /// Estimated cost of the chosen tier.
    pub estimated_cost_usd: f64,
    /// The other tiers with their costs.
    pub alternatives: Vec<Alternative>,
    /// The complexity of the tier the built-in model chose (before the user's bias, the strategy, a spend
    /// limit, the minimum tier or a forced tier).
    pub complexity: Complexity,
    /// The task type.
    pub task_type: String,
    /// True when the prompt forced the tier with `@haiku`, `@sonnet` or `@opus`.
    pub overridden: bool,
    /// The features the decision was made from.
    pub features: PromptFeatures,
    /// The classifier's calibrated probabilities (haiku, sonnet, opus) behind the decision, with the user's
    /// bias and the strategy applied.
    pub probabilities: [f64; 3],
}

#[cfg(test)]
mod tests;
