//! The routing decision: tiers and their prices, the rule from prompt features to a tier, confidence,
//! cost estimates and alternatives, and evaluation against a labelled set.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::analyzer::{PromptFeatures, analyze};

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
    /// One tier up where confidence is not high.
    Quality,
    /// One tier down where confidence is high.
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

/// Judges the complexity of analysed features. The rule, checked against the development set
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

/// Confidence below which a decision falls back to the middle tier.
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
    /// The complexity judged.
    pub complexity: Complexity,
    /// The task type.
    pub task_type: String,
    /// True when the prompt forced the tier with `@haiku`, `@sonnet` or `@opus`.
    pub overridden: bool,
    /// The features the decision was made from.
    pub features: PromptFeatures,
}

/// Finds `@haiku`, `@sonnet` or `@opus` (whole words) and returns the tier and the prompt without them.
pub fn take_override(prompt: &str) -> (Option<Tier>, String) {
    let mut tier_opt = None;
    let mut kept = Vec::new();
    for piece in prompt.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end();
        let bare = word.trim_end_matches([',', '.', ':', ';', '!', '?']);
        match bare.strip_prefix('@').and_then(Tier::parse) {
            Some(tier) => tier_opt = Some(tier),
            None => kept.push(piece),
        }
    }
    (tier_opt, kept.concat().trim().to_owned())
}

/// Inputs to a decision beyond the prompt.
#[derive(Debug, Clone, Default)]
pub struct RouteOptions {
    /// What to optimize.
    pub strategy: Strategy,
    /// Never route below this tier.
    pub min_tier_opt: Option<Tier>,
    /// A learned preference for this prompt's category, applied inside the guardrails.
    pub learned_opt: Option<Tier>,
    /// Prefer cheaper tiers (a spend limit is near) where confidence allows.
    pub economize: bool,
}

/// A prompt analysed and judged, before the decision.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The tier forced by `@haiku`, `@sonnet` or `@opus`.
    pub override_opt: Option<Tier>,
    /// The features.
    pub features: PromptFeatures,
    /// The judgement.
    pub judgement: Judgement,
}

impl Prepared {
    /// Returns the category learning works on: `<task type>/<complexity>`.
    pub fn category(&self) -> String {
        format!(
            "{}/{}",
            self.features.task_type,
            self.judgement.complexity.as_str()
        )
    }
}

/// Analyses and judges a prompt: the costly half of routing (token counting included).
pub fn prepare(prompt: &str) -> Prepared {
    let (override_opt, text) = take_override(prompt);
    let features = analyze(&text);
    let judgement = judge(&features);
    Prepared {
        override_opt,
        features,
        judgement,
    }
}

/// Routes a prompt.
pub fn route(prompt: &str, models: &TierModels, options: &RouteOptions) -> RouteDecision {
    decide(prepare(prompt), models, options)
}

/// Turns a prepared prompt into a decision under `options`.
pub fn decide(prepared: Prepared, models: &TierModels, options: &RouteOptions) -> RouteDecision {
    let Prepared {
        override_opt,
        features,
        judgement,
    } = prepared;
    let mut reasoning = judgement.reasoning.clone();
    let mut tier = judgement.complexity.tier();
    let confidence = judgement.confidence;
    if let Some(learned) = options.learned_opt.filter(|learned| *learned != tier) {
        reasoning = format!(
            "{reasoning}; your overrides prefer {learned} for {} {} prompts",
            judgement.complexity.as_str(),
            features.task_type
        );
        tier = learned;
    }
    if confidence < LOW_CONFIDENCE && tier != Tier::Sonnet && options.learned_opt.is_none() {
        reasoning = format!("{reasoning}; low confidence, using the middle tier");
        tier = Tier::Sonnet;
    }
    match options.strategy {
        Strategy::Balanced => {}
        Strategy::Quality if confidence < 0.8 && tier < Tier::Opus => {
            tier = Tier::ALL[tier as usize + 1];
            reasoning = format!("{reasoning}; quality strategy: one tier up");
        }
        Strategy::Cost if confidence >= 0.7 && tier > Tier::Haiku => {
            tier = Tier::ALL[tier as usize - 1];
            reasoning = format!("{reasoning}; cost strategy: one tier down");
        }
        _ => {}
    }
    if options.economize
        && confidence >= 0.75
        && tier > Tier::Haiku
        && judgement.complexity != Complexity::Complex
    {
        tier = Tier::ALL[tier as usize - 1];
        reasoning = format!("{reasoning}; near a spend limit: one tier down");
    }
    if let Some(min_tier) = options.min_tier_opt.filter(|min_tier| tier < *min_tier) {
        tier = min_tier;
        reasoning = format!("{reasoning}; raised to the minimum tier {min_tier}");
    }
    let overridden = override_opt.is_some();
    if let Some(forced) = override_opt {
        tier = forced;
        reasoning = format!("@{forced} in the prompt");
    }
    let input_tokens = features.tokens;
    let output_tokens = estimated_output_tokens(&features.task_type, judgement.complexity);
    let alternatives = Tier::ALL
        .into_iter()
        .filter(|other| *other != tier)
        .map(|other| Alternative {
            model: other,
            model_id: models.get(other).model_id.clone(),
            estimated_cost_usd: models.cost(other, input_tokens, output_tokens),
        })
        .collect();
    RouteDecision {
        model: tier,
        model_id: models.get(tier).model_id.clone(),
        confidence: if overridden { 1.0 } else { confidence },
        reasoning,
        estimated_input_tokens: input_tokens,
        estimated_output_tokens: output_tokens,
        estimated_cost_usd: models.cost(tier, input_tokens, output_tokens),
        alternatives,
        complexity: judgement.complexity,
        task_type: features.task_type.clone(),
        overridden,
        features,
    }
}

/// One labelled prompt.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct LabelledPrompt {
    /// The prompt.
    pub prompt: String,
    /// The tier it needs.
    pub label: Tier,
}

/// How routing did on a labelled set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    /// Prompts evaluated.
    pub prompts: usize,
    /// Share routed to exactly their label.
    pub exact: f64,
    /// Share routed to a weaker tier than their label.
    pub under: f64,
    /// Share routed to a stronger tier.
    pub over: f64,
    /// Routed cost over the cost of sending everything to opus.
    pub cost_vs_opus: f64,
    /// Routed cost over the cost of sending everything to sonnet.
    pub cost_vs_sonnet: f64,
    /// Counts by (label, routed).
    pub confusion: Vec<(Tier, Tier, usize)>,
    /// The prompts routed wrongly, with both tiers.
    pub misses: Vec<(String, Tier, Tier)>,
}

/// Routes every prompt (balanced, no learning) and compares with its label.
pub fn evaluate(set: &[LabelledPrompt], models: &TierModels) -> Evaluation {
    let mut exact = 0;
    let mut under = 0;
    let mut over = 0;
    let mut routed_cost = 0.0;
    let mut opus_cost = 0.0;
    let mut sonnet_cost = 0.0;
    let mut confusion = std::collections::BTreeMap::new();
    let mut misses = Vec::new();
    for item in set {
        let decision = route(&item.prompt, models, &RouteOptions::default());
        let (input, output) = (
            decision.estimated_input_tokens,
            decision.estimated_output_tokens,
        );
        routed_cost += decision.estimated_cost_usd;
        opus_cost += models.cost(Tier::Opus, input, output);
        sonnet_cost += models.cost(Tier::Sonnet, input, output);
        *confusion
            .entry((item.label, decision.model))
            .or_insert(0usize) += 1;
        match decision.model.cmp(&item.label) {
            std::cmp::Ordering::Equal => exact += 1,
            std::cmp::Ordering::Less => {
                under += 1;
                misses.push((item.prompt.clone(), item.label, decision.model));
            }
            std::cmp::Ordering::Greater => {
                over += 1;
                misses.push((item.prompt.clone(), item.label, decision.model));
            }
        }
    }
    let count = set.len().max(1) as f64;
    Evaluation {
        prompts: set.len(),
        exact: exact as f64 / count,
        under: under as f64 / count,
        over: over as f64 / count,
        cost_vs_opus: routed_cost / opus_cost.max(f64::EPSILON),
        cost_vs_sonnet: routed_cost / sonnet_cost.max(f64::EPSILON),
        confusion: confusion
            .into_iter()
            .map(|((label, routed), count)| (label, routed, count))
            .collect(),
        misses,
    }
}

#[cfg(test)]
mod tests;
