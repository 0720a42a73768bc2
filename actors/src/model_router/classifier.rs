//! The learned router: multinomial logistic regression over hashed word and character n-grams of a prompt's
//! prose and the analyzer's structural features, then gradient-boosted trees over its verdict and those
//! structural features, with its weights, trees, temperature and decision rule built into the binary
//! (`classifier/model.bin`, written by `routing-model train`; see docs/routing.md).
//!
//! - [`features`]: what the model sees of a prompt, in bounded work.
//! - [`format`]: the weights file: a header (format version, seed, hyper-parameters, decision rule,
//!   temperature, corpus hash) and the weights.
//! - [`decision`]: from calibrated probabilities to a tier, minding the cost of under-routing.
//! - [`metrics`]: ECE, Cohen's kappa, confusion matrices, log loss.
//! - [`trees`]: the second stage, boosted trees.
//! - [`train`]: seeded, deterministic training with cross-validation, temperature scaling and the choice of
//!   the decision rule.

pub mod decision;
pub mod features;
pub mod format;
mod lbfgs;
pub mod metrics;
pub mod train;
pub mod trees;

use std::{collections::HashMap, sync::LazyLock};

use super::{analyzer::PromptFeatures, router::Tier};
use features::{Gram, STRUCTURAL, Window};
pub use format::{Header, ModelError};

/// The weights built into the binary.
static MODEL_BYTES: &[u8] = include_bytes!("classifier/model.bin");

static BUILTIN: LazyLock<Classifier> = LazyLock::new(|| {
    // The bytes are compiled in and `builtin_model_loads` (below) parses them, so a build whose model
    // does not parse fails its tests before it ships: this cannot fail at run time.
    #[allow(clippy::expect_used)]
    Classifier::from_bytes(MODEL_BYTES).expect("the built-in routing model parses (tested)")
});

/// The built-in model, parsed on first use.
pub fn builtin() -> &'static Classifier {
    &BUILTIN
}

/// Drivers named per decision.
pub const DRIVERS: usize = 5;

/// A trained classifier: its header, weights (`rows x 3`, row-major) and trees.
#[derive(Debug, Clone, PartialEq)]
pub struct Classifier {
    /// Hyper-parameters, calibration, decision rule and provenance.
    pub header: Header,
    /// Weights, three per row (haiku, sonnet, opus): the hash buckets, the structural features, the bias.
    pub weights: Vec<f32>,
    /// The second stage: trees over the linear logits and the structural features (none in a model fitted
    /// during cross-validation).
    pub trees: Option<trees::Trees>,
}

/// A prompt scored: logits before calibration, and what drove them.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// Base logits (haiku, sonnet, opus), the trees' when there are trees; `decide` divides them by the
    /// temperature.
    pub logits: [f64; 3],
    /// The features that pushed the linear model hardest, strongest first.
    pub drivers: Vec<Driver>,
}

/// One feature that pushed a prompt towards a tier.
#[derive(Debug, Clone, PartialEq)]
pub struct Driver {
    /// The feature in words: `'design the'`, `a pasted stack trace`, `2,400 tokens`.
    pub feature: String,
    /// The tier it pushed towards.
    pub tier: Tier,
    /// How far: its contribution to that tier's logit above the mean of the three.
    pub weight: f64,
}

/// A decision from logits.
#[derive(Debug, Clone, PartialEq)]
pub struct Decided {
    /// The tier chosen by the decision rule.
    pub tier: Tier,
    /// Calibrated probabilities of haiku, sonnet and opus being the right tier.
    pub probabilities: [f64; 3],
    /// The calibrated probability of the chosen tier.
    pub confidence: f64,
}

fn centred(contribution: [f64; 3]) -> (Tier, f64) {
    let mean = contribution.iter().sum::<f64>() / 3.0;
    let mut best = (Tier::Haiku, f64::NEG_INFINITY);
    for tier in Tier::ALL {
        let push = contribution[tier as usize] - mean;
        if push > best.1 {
            best = (tier, push);
        }
    }
    best
}

impl Classifier {
    /// The three weights of row `row`.
    fn row(&self, row: usize) -> [f64; 3] {
        let start = row * 3;
        match self.weights.get(start..start + 3) {
            Some(values) => [
                f64::from(values[0]),
                f64::from(values[1]),
                f64::from(values[2]),
            ],
            None => [0.0; 3],
        }
    }

    /// Scores a prompt (text after `@tier` removal) with the analyzer's features of it.
    pub fn score(&self, text: &str, features: &PromptFeatures) -> Scored {
        let config = &self.header.features;
        let window = features::window(text, config);
        let positions = window.head.len() + window.tail.len();
        // Per position: the raw sums of its word features (word, bigram) and of its character n-grams.
        let mut word_raw = vec![[0.0f64; 3]; positions];
        let mut bigram_raw = vec![[0.0f64; 3]; positions];
        let mut chars_raw = vec![[0.0f64; 3]; positions];
        let mut code_raw = vec![[0.0f64; 3]; window.code.len()];
        let mut counts = [0usize; 3];
        // The prose words and word pairs the trees may ask about (as features::prose_buckets finds them).
        let mut words: Vec<u32> = Vec::new();
        features::grams(&window, config, |kind, position, bucket| {
            if kind.read_by_trees() {
                words.push(bucket as u32);
            }
            let weights = self.row(bucket);
            let target = match kind {
                Gram::Word => &mut word_raw[position],
                Gram::Bigram => &mut bigram_raw[position],
                Gram::Chars => &mut chars_raw[position],
                Gram::Code => &mut code_raw[position],
            };
            for class in 0..3 {
                target[class] += weights[class];
            }
            counts[kind.group()] += 1;
        });
        let words = features::ascending_once(words);
        let [word_scale, chars_scale, code_scale] =
            counts.map(|count| 1.0 / (count.max(1) as f64).sqrt());
        let mut logits = self.row(config.buckets() + STRUCTURAL);
        let mut by_word: HashMap<&str, [f64; 3]> = HashMap::new();
        let mut by_bigram: HashMap<(&str, &str), [f64; 3]> = HashMap::new();
        let mut by_code: HashMap<&str, [f64; 3]> = HashMap::new();
        for position in 0..positions {
            let word = window.word(position);
            let entry = by_word.entry(word).or_insert([0.0; 3]);
            for class in 0..3 {
                let value = word_raw[position][class] * word_scale
                    + chars_raw[position][class] * chars_scale;
                entry[class] += value;
                logits[class] += value + bigram_raw[position][class] * word_scale;
            }
            if bigram_raw[position] != [0.0; 3] && position + 1 < positions {
                let entry = by_bigram
                    .entry((word, window.word(position + 1)))
                    .or_insert([0.0; 3]);
                for class in 0..3 {
                    entry[class] += bigram_raw[position][class] * word_scale;
                }
            }
        }
        for (word, raw) in window.code.iter().zip(&code_raw) {
            let entry = by_code.entry(word.as_str()).or_insert([0.0; 3]);
            for class in 0..3 {
                entry[class] += raw[class] * code_scale;
                logits[class] += raw[class] * code_scale;
            }
        }
        let mut drivers: Vec<Driver> = Vec::new();
        let structural = features::structural(features, &window);
        for (index, value) in structural.iter().enumerate() {
            let standard = self.header.standardise(index, *value);
            let weights = self.row(config.buckets() + index);
            let contribution = weights.map(|weight| weight * standard);
            for class in 0..3 {
                logits[class] += contribution[class];
            }
            let (tier, push) = centred(contribution);
            if push > 0.0 {
                drivers.push(Driver {
                    feature: features::describe(index, features, &window),
                    tier,
                    weight: push,
                });
            }
        }
        for (word, contribution) in by_word {
            let (tier, push) = centred(contribution);
            if push > 0.0 {
                drivers.push(Driver {
                    feature: format!("'{word}'"),
                    tier,
                    weight: push,
                });
            }
        }
        for (word, contribution) in by_code {
            let (tier, push) = centred(contribution);
            if push > 0.0 {
                drivers.push(Driver {
                    feature: format!("'{word}' in the code"),
                    tier,
                    weight: push,
                });
            }
        }
        for ((first, second), contribution) in by_bigram {
            let (tier, push) = centred(contribution);
            if push > 0.0 {
                drivers.push(Driver {
                    feature: format!("'{first} {second}'"),
                    tier,
                    weight: push,
                });
            }
        }
        drivers.sort_by(|left, right| {
            right
                .weight
                .total_cmp(&left.weight)
                .then_with(|| left.feature.cmp(&right.feature))
        });
        drivers.truncate(DRIVERS);
        Scored {
            logits: self.second_stage(logits, &structural, &words),
            drivers,
        }
    }

    /// The decision rule learned on validation: the tier and its confidence from (possibly user-shifted) logits.
    pub fn decide(&self, logits: [f64; 3]) -> Decided {
        let probabilities = decision::softmax(logits, self.header.temperature);
        let tier = decision::apply(&probabilities, self.header.thresholds);
        Decided {
            tier,
            probabilities,
            confidence: probabilities[tier as usize],
        }
    }

    /// The trees' logits from the linear ones, or the linear ones when there are no trees.
    fn second_stage(
        &self,
        linear: [f64; 3],
        structural: &[f64; STRUCTURAL],
        words: &[u32],
    ) -> [f64; 3] {
        match &self.trees {
            Some(trees) => trees.logits(&trees::inputs(linear, structural), words),
            None => linear,
        }
    }

    /// Logits of a prompt from its sparse features and prose word buckets (training's view of
    /// [`Classifier::score`]).
    pub fn logits_of(
        &self,
        hashed: &[(u32, f32)],
        structural: &[f64; STRUCTURAL],
        words: &[u32],
    ) -> [f64; 3] {
        self.second_stage(self.linear_logits_of(hashed, structural), structural, words)
    }

    /// The linear model's logits of a prompt from its sparse features.
    pub fn linear_logits_of(
        &self,
        hashed: &[(u32, f32)],
        structural: &[f64; STRUCTURAL],
    ) -> [f64; 3] {
        let config = &self.header.features;
        let mut logits = self.row(config.buckets() + STRUCTURAL);
        for (bucket, value) in hashed {
            let weights = self.row(*bucket as usize);
            for class in 0..3 {
                logits[class] += weights[class] * f64::from(*value);
            }
        }
        for (index, value) in structural.iter().enumerate() {
            let standard = self.header.standardise(index, *value);
            let weights = self.row(config.buckets() + index);
            for class in 0..3 {
                logits[class] += weights[class] * standard;
            }
        }
        logits
    }
}

/// The hashed features of a window as training sees them: bucket and value (count over the square root of the
/// features of its group), sorted by bucket, each bucket once.
pub fn sparse(window: &Window, config: &features::FeatureConfig) -> Vec<(u32, f32)> {
    let mut events: Vec<(u32, usize)> = Vec::new();
    features::grams(window, config, |kind, _, bucket| {
        events.push((bucket as u32, kind.group()));
    });
    let mut counts = [0usize; 3];
    for (_, group) in &events {
        counts[*group] += 1;
    }
    let scales = counts.map(|count| 1.0 / (count.max(1) as f64).sqrt());
    let mut values: Vec<(u32, f64)> = events
        .into_iter()
        .map(|(bucket, group)| (bucket, scales[group]))
        .collect();
    values.sort_by_key(|(bucket, _)| *bucket);
    let mut merged: Vec<(u32, f32)> = Vec::with_capacity(values.len());
    let mut current: Option<(u32, f64)> = None;
    for (bucket, value) in values {
        current = match current {
            Some((seen, sum)) if seen == bucket => Some((seen, sum + value)),
            Some((seen, sum)) => {
                merged.push((seen, sum as f32));
                Some((bucket, value))
            }
            None => Some((bucket, value)),
        };
    }
    if let Some((seen, sum)) = current {
        merged.push((seen, sum as f32));
    }
    merged
}

#[cfg(test)]
mod tests;
