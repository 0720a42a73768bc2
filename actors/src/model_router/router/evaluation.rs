//! How routing does on a labelled set: exact, under- and over-routed shares, cost against always-opus and
//! always-sonnet, the confusion matrix and the misses (`shim-node route --eval`).

use serde::{Deserialize, Serialize};

use super::{RouteOptions, Tier, TierModels, route};
use crate::model_router::classifier::metrics::{self, Confusion};

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
    /// Counts by label (rows) and routed tier (columns), haiku first.
    pub confusion: Confusion,
    /// The prompts routed wrongly, with both tiers.
    pub misses: Vec<(String, Tier, Tier)>,
}

/// Routes every prompt (balanced, no learning) and compares with its label.
pub fn evaluate(set: &[LabelledPrompt], models: &TierModels) -> Evaluation {
    let mut routed = Vec::with_capacity(set.len());
    let (mut routed_cost, mut opus_cost, mut sonnet_cost) = (0.0, 0.0, 0.0);
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
        if decision.model != item.label {
            misses.push((item.prompt.clone(), item.label, decision.model));
        }
        routed.push(decision.model);
    }
    let labels: Vec<Tier> = set.iter().map(|item| item.label).collect();
    let confusion = metrics::confusion(&labels, &routed);
    let (exact, under, over) = metrics::shares(&confusion);
    Evaluation {
        prompts: set.len(),
        exact,
        under,
        over,
        cost_vs_opus: routed_cost / opus_cost.max(f64::EPSILON),
        cost_vs_sonnet: routed_cost / sonnet_cost.max(f64::EPSILON),
        confusion,
        misses,
    }
}
