//! From a prompt to a decision.
//!
//! 1. `@haiku`, `@sonnet` or `@opus` (a whole word) is taken out of the prompt; it forces the tier at the end.
//! 2. The analyzer measures the rest ([`analyze`]: tokens, code, traces, the task type) and the built-in
//!    classifier scores it: three logits and the features that drove them ([`classifier::Classifier::score`]).
//! 3. Shifts are added to the logits, in calibrated units (the classifier divides logits by its temperature
//!    before the softmax, so a shift is multiplied by it first): the bias learned from the user's overrides
//!    for the prompt's category ([`Learned`]) and the strategy's ([`STRATEGY_SHIFT`]).
//! 4. The classifier's decision rule picks the tier from the shifted logits (it minimises the expected cost of
//!    a wrong tier, under-routing costing more, and takes the higher tier when unsure). The strategy moves the
//!    decision made with the user's bias by one tier at most.
//! 5. Near a spend limit a decision below opus goes one tier cheaper if the cost strategy's shift on top would
//!    give a cheaper one; then the minimum tier applies, then a forced tier.

use super::{
    Alternative, Complexity, RouteDecision, Strategy, Tier, TierModels, estimated_output_tokens,
};
use crate::model_router::{
    analyzer::{PromptFeatures, analyze},
    classifier::{self, Classifier, Driver, Scored},
};

/// A strategy's push per tier step, in calibrated logits: `quality` adds it to sonnet's logit and twice to
/// opus', `cost` the same towards haiku. `ln 3`: one tier up (or down) is taken as three times as likely as
/// the model says, so the strategy decides the close calls and leaves clear ones alone.
pub const STRATEGY_SHIFT: f64 = 1.0986;

/// The bias learned for a prompt's category from the user's overrides.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Learned {
    /// Added to the calibrated logits (haiku, sonnet, opus).
    pub shift: [f64; 3],
    /// The tier it pushes towards.
    pub toward: Tier,
    /// The overrides it was fitted on.
    pub overrides: u64,
}

/// Inputs to a decision beyond the prompt.
#[derive(Debug, Clone, Default)]
pub struct RouteOptions {
    /// What to optimize.
    pub strategy: Strategy,
    /// Never route below this tier.
    pub min_tier_opt: Option<Tier>,
    /// The bias learned for this prompt's category.
    pub learned_opt: Option<Learned>,
    /// The tier the person's profile prefers for this prompt's category: it decides (after a spend limit,
    /// before the minimum tier and a tier named in the prompt).
    pub preferred_opt: Option<Tier>,
    /// A spend limit is near: lean cheaper below opus.
    pub economize: bool,
    /// The chat's lean for this prompt's category (the Kaizen loop's routing parameters), in calibrated
    /// logits per tier step: positive leans up, negative down. It pushes like a strategy and with it moves a
    /// decision one tier at most.
    pub lean: f64,
}

/// A prompt analysed and scored, before the decision.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The tier forced by `@haiku`, `@sonnet` or `@opus`.
    pub override_opt: Option<Tier>,
    /// The analyzer's features.
    pub features: PromptFeatures,
    /// The classifier's logits and drivers.
    pub scored: Scored,
}

impl Prepared {
    /// The category learning works on: the task type.
    pub fn category(&self) -> String {
        self.features.task_type.clone()
    }

    /// The classifier's calibrated logits (divided by its temperature), as learning keeps them.
    pub fn calibrated_logits(&self) -> [f64; 3] {
        let temperature = temperature(classifier::builtin());
        self.scored.logits.map(|logit| logit / temperature)
    }
}

/// The classifier's temperature; the model's tests check it is positive and finite, and 1 stands in if it
/// were not, so a shift can never become infinite or change sign.
fn temperature(model: &Classifier) -> f64 {
    let temperature = model.header.temperature;
    if temperature.is_finite() && temperature > 0.0 {
        temperature
    } else {
        1.0
    }
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

/// Analyses and scores a prompt: the costly half of routing (token counting included).
pub fn prepare(prompt: &str) -> Prepared {
    let (override_opt, text) = take_override(prompt);
    let features = analyze(&text);
    let scored = classifier::builtin().score(&text, &features);
    Prepared {
        override_opt,
        features,
        scored,
    }
}

/// Routes a prompt.
pub fn route(prompt: &str, models: &TierModels, options: &RouteOptions) -> RouteDecision {
    decide(prepare(prompt), models, options)
}

fn add(left: [f64; 3], right: [f64; 3]) -> [f64; 3] {
    [left[0] + right[0], left[1] + right[1], left[2] + right[2]]
}

/// A lean's push: `lean` per tier step above haiku (softmax does not change when every logit moves alike, so a
/// negative lean is the cost strategy's shape).
fn lean_shift(lean: f64) -> [f64; 3] {
    if lean.is_finite() {
        [0.0, lean, 2.0 * lean]
    } else {
        [0.0; 3]
    }
}

fn strategy_shift(strategy: Strategy) -> [f64; 3] {
    match strategy {
        Strategy::Balanced => [0.0; 3],
        Strategy::Quality => [0.0, STRATEGY_SHIFT, 2.0 * STRATEGY_SHIFT],
        Strategy::Cost => [2.0 * STRATEGY_SHIFT, STRATEGY_SHIFT, 0.0],
    }
}

/// Moves from `from` towards `to` by one tier at most: a strategy or a spend limit leans, it does not leap.
fn one_step(from: Tier, to: Tier) -> Tier {
    let (from_index, to_index) = (from as usize, to as usize);
    Tier::ALL[to_index.clamp(from_index.saturating_sub(1), (from_index + 1).min(2))]
}

/// Says why, from the drivers: the tier, its confidence and up to three features that pushed towards it
/// ("opus (0.81): 'plan how', 'across services', no code pasted"); when none of the strongest pushed towards it
/// (the rule weighs the other tiers' chances, or a bias or strategy moved it), the strongest features and where
/// they pushed.
pub fn explain(tier: Tier, confidence: f64, drivers: &[Driver]) -> String {
    let towards: Vec<&str> = drivers
        .iter()
        .filter(|driver| driver.tier == tier)
        .take(3)
        .map(|driver| driver.feature.as_str())
        .collect();
    if !towards.is_empty() {
        return format!("{tier} ({confidence:.2}): {}", towards.join(", "));
    }
    let others: Vec<String> = drivers
        .iter()
        .take(2)
        .map(|driver| format!("{} (towards {})", driver.feature, driver.tier))
        .collect();
    if others.is_empty() {
        format!("{tier} ({confidence:.2}): no feature stood out")
    } else {
        format!(
            "{tier} ({confidence:.2}): no strong feature for it; strongest {}",
            others.join(", ")
        )
    }
}

/// Turns a prepared prompt into a decision under `options`.
pub fn decide(prepared: Prepared, models: &TierModels, options: &RouteOptions) -> RouteDecision {
    let Prepared {
        override_opt,
        features,
        scored,
    } = prepared;
    let model = classifier::builtin();
    let temperature = temperature(model);
    let decide_shifted = |calibrated: [f64; 3]| {
        model.decide(add(
            scored.logits,
            calibrated.map(|value| value * temperature),
        ))
    };
    let plain = model.decide(scored.logits);
    let strategy = add(strategy_shift(options.strategy), lean_shift(options.lean));
    let learned = options
        .learned_opt
        .map_or([0.0; 3], |learned| learned.shift);
    // The user's bias first, then the strategy leans at most one tier from there.
    let with_learned = match options.learned_opt {
        Some(_) => decide_shifted(learned),
        None => plain.clone(),
    };
    let shifted = decide_shifted(add(strategy, learned));
    let mut tier = one_step(with_learned.tier, shifted.tier);
    let confidence = shifted.probabilities[tier as usize];
    let reasoning_tier = tier;
    let mut notes = Vec::new();
    if let Some(learned) = options
        .learned_opt
        .filter(|_| with_learned.tier != plain.tier)
    {
        notes.push(format!(
            "your overrides prefer {} for {} prompts ({} overrides)",
            with_learned.tier, features.task_type, learned.overrides
        ));
    }
    if tier != with_learned.tier {
        // Only a strategy or a lean moves a decision here, so at least one of them is named.
        let strategy_name = match options.strategy {
            Strategy::Balanced => None,
            Strategy::Quality => Some("quality strategy".to_owned()),
            Strategy::Cost => Some("cost strategy".to_owned()),
        };
        let lean_name = (options.lean != 0.0)
            .then(|| format!("a lean of {:+.2} from the routing parameters", options.lean));
        let why = [strategy_name, lean_name]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" and ");
        notes.push(format!("{why}: {tier} rather than {}", with_learned.tier));
    }
    if options.economize && tier != Tier::Opus {
        let leaner = decide_shifted(add(add(strategy, learned), strategy_shift(Strategy::Cost)));
        let cheaper = one_step(tier, leaner.tier);
        if cheaper < tier {
            notes.push(format!("near a spend limit: {cheaper} rather than {tier}"));
            tier = cheaper;
        }
    }
    if let Some(preferred) = options.preferred_opt.filter(|preferred| *preferred != tier) {
        notes.push(format!(
            "your profile sets {preferred} for {} prompts: {preferred} rather than {tier}",
            features.task_type
        ));
        tier = preferred;
    }
    if let Some(min_tier) = options.min_tier_opt.filter(|min_tier| tier < *min_tier) {
        tier = min_tier;
        notes.push(format!("raised to the minimum tier {min_tier}"));
    }
    let mut reasoning = explain(reasoning_tier, confidence, &scored.drivers);
    for note in notes {
        reasoning.push_str("; ");
        reasoning.push_str(&note);
    }
    let overridden = override_opt.is_some();
    if let Some(forced) = override_opt {
        tier = forced;
        reasoning = format!("@{forced} in the prompt");
    }
    let complexity = Complexity::of(plain.tier);
    let input_tokens = features.tokens;
    let output_tokens = estimated_output_tokens(&features.task_type, complexity);
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
        complexity,
        task_type: features.task_type.clone(),
        overridden,
        features,
        probabilities: shifted.probabilities,
    }
}
