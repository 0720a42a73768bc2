//! From calibrated probabilities to a tier. The rule takes the lowest tier `t` whose chance of being too weak,
//! P(label > t), is at most `θ_t`; the two thresholds are chosen on validation to minimise the expected cost
//! with under-routing at most [`MAX_UNDER`]. Under-routing costs [`UNDER_COST`] per tier, over-routing
//! [`OVER_COST`]: a weaker model's wrong answer costs a retry and the user's time, a stronger model only money.
//! Between thresholds of equal cost the lower (safer, higher-tier) ones win.

use super::super::router::Tier;

/// Cost of routing one tier too low.
pub const UNDER_COST: f64 = 3.0;

/// Cost of routing one tier too high.
pub const OVER_COST: f64 = 1.0;

/// Largest share of prompts the rule may under-route on validation: half a point under the 3% target, since a
/// share of a few hundred prompts moves by about that much from one sample to the next (decided before the
/// retraining that first used it, after a rule chosen at 3.0% on validation under-routed 3.3% of the test).
pub const MAX_UNDER: f64 = 0.025;

/// Softmax of `logits / temperature`.
pub fn softmax(logits: [f64; 3], temperature: f64) -> [f64; 3] {
    let temperature = if temperature > 0.0 { temperature } else { 1.0 };
    let scaled = logits.map(|logit| logit / temperature);
    let top = scaled.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !top.is_finite() {
        return [1.0 / 3.0; 3];
    }
    let exponentials = scaled.map(|logit| (logit - top).exp());
    let sum: f64 = exponentials.iter().sum();
    exponentials.map(|value| value / sum)
}

/// The likeliest tier's index (the lower one on a tie).
pub fn likeliest(probabilities: &[f64; 3]) -> usize {
    (0..3).fold(0, |best, class| {
        if probabilities[class] > probabilities[best] {
            class
        } else {
            best
        }
    })
}

/// The rule: haiku when P(sonnet or opus) <= thresholds[0], else sonnet when P(opus) <= thresholds[1], else
/// opus.
pub fn apply(probabilities: &[f64; 3], thresholds: [f64; 2]) -> Tier {
    if probabilities[1] + probabilities[2] <= thresholds[0] {
        Tier::Haiku
    } else if probabilities[2] <= thresholds[1] {
        Tier::Sonnet
    } else {
        Tier::Opus
    }
}

/// The cost of routing a prompt labelled `label` to `routed`.
pub fn cost(label: Tier, routed: Tier) -> f64 {
    let (label, routed) = (label as usize as f64, routed as usize as f64);
    if routed < label {
        (label - routed) * UNDER_COST
    } else {
        (routed - label) * OVER_COST
    }
}

/// What a rule did on a labelled set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RuleOutcome {
    /// The thresholds.
    pub thresholds: [f64; 2],
    /// Mean cost per prompt.
    pub cost: f64,
    /// Share routed exactly.
    pub exact: f64,
    /// Share under-routed.
    pub under: f64,
}

/// Measures the rule with `thresholds` on probabilities and labels.
pub fn outcome(probabilities: &[[f64; 3]], labels: &[Tier], thresholds: [f64; 2]) -> RuleOutcome {
    let (mut total, mut exact, mut under) = (0.0, 0usize, 0usize);
    for (probability, label) in probabilities.iter().zip(labels) {
        let routed = apply(probability, thresholds);
        total += cost(*label, routed);
        exact += usize::from(routed == *label);
        under += usize::from(routed < *label);
    }
    let count = labels.len().max(1) as f64;
    RuleOutcome {
        thresholds,
        cost: total / count,
        exact: exact as f64 / count,
        under: under as f64 / count,
    }
}

/// Chooses the thresholds on a grid of 0.01 steps: the least cost with under-routing at most [`MAX_UNDER`];
/// ties go to the lower thresholds (routing up). When no thresholds meet the bound, the ones that
/// under-route least.
pub fn choose(probabilities: &[[f64; 3]], labels: &[Tier]) -> RuleOutcome {
    let grid: Vec<f64> = (1..=99).map(|step| f64::from(step) / 100.0).collect();
    let mut best_opt: Option<RuleOutcome> = None;
    let mut safest_opt: Option<RuleOutcome> = None;
    for first in &grid {
        for second in &grid {
            let result = outcome(probabilities, labels, [*first, *second]);
            let better_safety = match safest_opt {
                None => true,
                Some(safest) => {
                    result.under < safest.under
                        || (result.under == safest.under && result.cost < safest.cost)
                }
            };
            if better_safety {
                safest_opt = Some(result);
            }
            if result.under > MAX_UNDER + 1e-12 {
                continue;
            }
            let better = match best_opt {
                None => true,
                Some(best) => result.cost < best.cost - 1e-12,
            };
            if better {
                best_opt = Some(result);
            }
        }
    }
    // The grid is not empty, so one of the two is set.
    best_opt.or(safest_opt).unwrap_or(RuleOutcome {
        thresholds: [0.5, 0.5],
        cost: 0.0,
        exact: 0.0,
        under: 0.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rule_goes_up_when_a_higher_tier_is_likely_enough() {
        let thresholds = [0.3, 0.4];
        assert_eq!(apply(&[0.8, 0.15, 0.05], thresholds), Tier::Haiku);
        // Haiku is the likeliest single tier, but P(sonnet or opus) = 0.45 > 0.3: one tier up.
        assert_eq!(apply(&[0.55, 0.25, 0.2], thresholds), Tier::Sonnet);
        assert_eq!(apply(&[0.1, 0.45, 0.45], thresholds), Tier::Opus);
        assert_eq!(cost(Tier::Opus, Tier::Haiku), 2.0 * UNDER_COST);
        assert_eq!(cost(Tier::Haiku, Tier::Sonnet), OVER_COST);
        let probabilities = softmax([1.0, 1.0, 1.0], 2.0);
        assert!((probabilities[0] - 1.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn the_chosen_rule_bounds_under_routing_and_prefers_going_up() {
        // Two prompts: an opus one that looks 40% opus, and a sonnet one that looks 30% opus.
        let probabilities = [[0.1, 0.5, 0.4], [0.2, 0.5, 0.3]];
        let labels = [Tier::Opus, Tier::Sonnet];
        let chosen = choose(&probabilities, &labels);
        assert_eq!(chosen.under, 0.0);
        assert_eq!(chosen.exact, 1.0, "{chosen:?}");
        // The lowest second threshold that separates them: the opus prompt must go up, the sonnet one stay.
        assert!(chosen.thresholds[1] >= 0.3 && chosen.thresholds[1] < 0.4);
    }
}
