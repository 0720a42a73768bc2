//! Training: deterministic and seeded. Multinomial logistic regression with an L2 penalty (the bias is not
//! penalised), fitted full-batch with L-BFGS; the hyper-parameters (features, bucket count, L2) chosen by
//! stratified k-fold cross-validation on the training rows only (mean log loss). Then the second stage:
//! boosted trees ([`trees`]) grown on each training row's out-of-fold linear logits (from the fold model that
//! did not see it) and its structural features, their rounds and depth chosen by cross-validation on the same
//! folds. The temperature is fitted on the validation rows (least log loss) and the decision rule chosen there
//! ([`decision::choose`]). The seed only shuffles the folds: the fits have no randomness and sum in a fixed
//! order, so the same rows and seed give the same bytes.

use serde::{Deserialize, Serialize};

use super::{
    Classifier, decision,
    features::{self, FeatureConfig, STRUCTURAL},
    format::{FORMAT_VERSION, Header, TreesHeader},
    lbfgs, metrics, sparse,
    trees::{self, INPUTS, TreeCv, TreeParams},
};
use crate::model_router::{
    analyzer::{PromptFeatures, analyze},
    router::{LabelledPrompt, Tier},
};

/// One set of hyper-parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// The features.
    pub features: FeatureConfig,
    /// The L2 penalty.
    pub l2: f64,
}

/// How to train.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Seeds the fold assignment.
    pub seed: u64,
    /// Folds of the cross-validation.
    pub folds: usize,
    /// The hyper-parameters tried.
    pub candidates: Vec<Candidate>,
    /// L-BFGS iterations at most.
    pub max_iterations: usize,
    /// Threads fitting folds at once.
    pub threads: usize,
    /// The settings of the second stage's trees tried (none: no trees).
    pub tree_grid: Vec<TreeParams>,
}

/// The features of the default grid, before the bucket count and L2.
pub const BASE: FeatureConfig = FeatureConfig {
    buckets_log2: 16,
    word_bigrams: true,
    char_min: 3,
    char_max: 5,
    head_words: 128,
    tail_words: 64,
    code_words: 0,
    lead_words: 0,
};

impl TrainOptions {
    /// The default grid: the first 128 and last 64 words of prose or half as many, character n-grams of 3-5
    /// or 2-4 characters, the first and last 32 words as features of their own or not, 2^16 or 2^17 buckets,
    /// three penalties.
    pub fn with_seed(seed: u64) -> TrainOptions {
        let mut candidates = Vec::new();
        for (head_words, tail_words) in [(128, 64), (64, 32)] {
            for (char_min, char_max) in [(3, 5), (2, 4)] {
                for lead_words in [0, 32] {
                    for buckets_log2 in [16, 17] {
                        for l2 in [1e-4, 3e-4, 1e-3] {
                            candidates.push(Candidate {
                                features: FeatureConfig {
                                    buckets_log2,
                                    char_min,
                                    char_max,
                                    head_words,
                                    tail_words,
                                    lead_words,
                                    ..BASE
                                },
                                l2,
                            });
                        }
                    }
                }
            }
        }
        TrainOptions {
            seed,
            folds: 5,
            candidates,
            max_iterations: 150,
            threads: 2,
            tree_grid: trees::grid(),
        }
    }
}

/// One candidate's cross-validated result.
#[derive(Debug, Clone, Serialize)]
pub struct CvResult {
    /// The hyper-parameters.
    pub candidate: Candidate,
    /// Mean log loss over the held-out folds.
    pub log_loss: f64,
    /// Share of held-out rows whose likeliest tier is their label.
    pub exact: f64,
    /// Each row's logits from the fold model that did not see it (the second stage learns from these).
    #[serde(skip)]
    pub out_of_fold: Vec<[f64; 3]>,
}

/// What training measured.
#[derive(Debug, Clone, Serialize)]
pub struct TrainReport {
    /// Every candidate, in grid order.
    pub cross_validation: Vec<CvResult>,
    /// Every setting of the second stage's trees, in grid order, on the out-of-fold logits.
    pub trees_cross_validation: Vec<TreeCv>,
    /// Log loss on validation before and after temperature scaling.
    pub validation_log_loss: [f64; 2],
    /// ECE (10 bins) on validation before and after temperature scaling.
    pub validation_ece: [f64; 2],
    /// The rule's cost, exact and under-routed shares on validation.
    pub validation_rule: [f64; 3],
}

/// A prompt as training sees it.
#[derive(Debug, Clone)]
pub struct Example {
    /// Hashed features (bucket, value), sorted.
    pub hashed: Vec<(u32, f32)>,
    /// Structural features before standardisation.
    pub structural: [f64; STRUCTURAL],
    /// Buckets of its prose words and word pairs, ascending (what the trees may ask about).
    pub words: Vec<u32>,
    /// The label.
    pub label: Tier,
}

/// Builds examples from analysed rows.
pub fn examples(
    rows: &[LabelledPrompt],
    analyses: &[PromptFeatures],
    config: &FeatureConfig,
) -> Vec<Example> {
    rows.iter()
        .zip(analyses)
        .map(|(row, analysis)| {
            let window = features::window(&row.prompt, config);
            Example {
                hashed: sparse(&window, config),
                structural: features::structural(analysis, &window),
                words: features::prose_buckets(&window, config),
                label: row.label,
            }
        })
        .collect()
}

/// A seeded splitmix64 generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut value = self.0;
        value = (value ^ (value >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        value = (value ^ (value >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        value ^ (value >> 31)
    }
}

/// Assigns each row a fold, stratified by label: each label's rows shuffled (seeded) and dealt round-robin.
pub fn folds(labels: &[Tier], folds: usize, seed: u64) -> Vec<usize> {
    let folds = folds.max(2);
    let mut rng = Rng(seed);
    let mut assignment = vec![0; labels.len()];
    let mut dealt = 0;
    for tier in Tier::ALL {
        let mut indices: Vec<usize> = (0..labels.len())
            .filter(|index| labels[*index] == tier)
            .collect();
        for last in (1..indices.len()).rev() {
            let other = (rng.next() % (last as u64 + 1)) as usize;
            indices.swap(last, other);
        }
        for index in indices {
            assignment[index] = dealt % folds;
            dealt += 1;
        }
    }
    assignment
}

/// Means and standard deviations of the structural features of `examples`.
fn moments(examples: &[&Example]) -> (Vec<f64>, Vec<f64>) {
    let count = examples.len().max(1) as f64;
    let mut mean = vec![0.0; STRUCTURAL];
    for example in examples {
        for (index, value) in example.structural.iter().enumerate() {
            mean[index] += value / count;
        }
    }
    let mut deviation = vec![0.0; STRUCTURAL];
    for example in examples {
        for (index, value) in example.structural.iter().enumerate() {
            deviation[index] += (value - mean[index]).powi(2) / count;
        }
    }
    (mean, deviation.into_iter().map(f64::sqrt).collect())
}

/// Fits a classifier to `examples` (no calibration: temperature 1, argmax-like thresholds).
pub fn fit(
    examples: &[&Example],
    config: &FeatureConfig,
    l2: f64,
    max_iterations: usize,
) -> Classifier {
    let (mean, deviation) = moments(examples);
    let mut header = Header {
        format_version: FORMAT_VERSION,
        seed: 0,
        features: *config,
        l2,
        temperature: 1.0,
        thresholds: [0.5, 0.5],
        structural_mean: mean,
        structural_std: deviation,
        corpus_sha256: String::new(),
        train_rows: examples.len(),
        validation_rows: 0,
        training: serde_json::Value::Null,
        trees: None,
    };
    let standard: Vec<[f64; STRUCTURAL]> = examples
        .iter()
        .map(|example| {
            let mut values = [0.0; STRUCTURAL];
            for (index, value) in example.structural.iter().enumerate() {
                values[index] = header.standardise(index, *value);
            }
            values
        })
        .collect();
    let structural_row = config.buckets();
    let bias_row = config.buckets() + STRUCTURAL;
    let dimensions = config.rows() * 3;
    let count = examples.len().max(1) as f64;
    let objective = |weights: &[f64], gradient: &mut [f64]| -> f64 {
        gradient.iter_mut().for_each(|value| *value = 0.0);
        let mut loss = 0.0;
        for (example, standard) in examples.iter().zip(&standard) {
            let mut logits = [0.0; 3];
            for class in 0..3 {
                logits[class] = weights[bias_row * 3 + class];
            }
            for (bucket, value) in &example.hashed {
                let base = *bucket as usize * 3;
                for class in 0..3 {
                    logits[class] += weights[base + class] * f64::from(*value);
                }
            }
            for (index, value) in standard.iter().enumerate() {
                let base = (structural_row + index) * 3;
                for class in 0..3 {
                    logits[class] += weights[base + class] * value;
                }
            }
            let probabilities = decision::softmax(logits, 1.0);
            let label = example.label as usize;
            loss -= probabilities[label].max(1e-300).ln();
            let mut delta = probabilities;
            delta[label] -= 1.0;
            for class in 0..3 {
                gradient[bias_row * 3 + class] += delta[class] / count;
            }
            for (bucket, value) in &example.hashed {
                let base = *bucket as usize * 3;
                for class in 0..3 {
                    gradient[base + class] += delta[class] * f64::from(*value) / count;
                }
            }
            for (index, value) in standard.iter().enumerate() {
                let base = (structural_row + index) * 3;
                for class in 0..3 {
                    gradient[base + class] += delta[class] * value / count;
                }
            }
        }
        let mut penalty = 0.0;
        for (index, weight) in weights.iter().enumerate() {
            if index / 3 != bias_row {
                penalty += weight * weight;
                gradient[index] += l2 * weight;
            }
        }
        loss / count + 0.5 * l2 * penalty
    };
    let weights = lbfgs::minimize(objective, vec![0.0; dimensions], max_iterations);
    header.train_rows = examples.len();
    Classifier {
        header,
        weights: weights.into_iter().map(|weight| weight as f32).collect(),
        trees: None,
    }
}

/// Probabilities of `examples` under `classifier` at `temperature`.
pub fn probabilities(
    classifier: &Classifier,
    examples: &[&Example],
    temperature: f64,
) -> Vec<[f64; 3]> {
    examples
        .iter()
        .map(|example| {
            decision::softmax(
                classifier.logits_of(&example.hashed, &example.structural, &example.words),
                temperature,
            )
        })
        .collect()
}

/// The temperature with the least log loss, on a grid of exp(-3..3) in steps of 0.01.
pub fn fit_temperature(logits: &[[f64; 3]], labels: &[Tier]) -> f64 {
    let mut best = (1.0, f64::INFINITY);
    for step in -300..=300 {
        let temperature = (f64::from(step) / 100.0).exp();
        let probabilities: Vec<[f64; 3]> = logits
            .iter()
            .map(|logit| decision::softmax(*logit, temperature))
            .collect();
        let loss = metrics::log_loss(&probabilities, labels);
        if loss < best.1 - 1e-12 {
            best = (temperature, loss);
        }
    }
    best.0
}

/// One fold's held-out rows: their summed log loss, how many had their label as the likeliest tier, how many
/// there were, and their logits in the examples' order.
struct FoldResult {
    loss: f64,
    exact: usize,
    count: usize,
    logits: Vec<[f64; 3]>,
}

/// Cross-validates one candidate.
fn cross_validate(
    examples: &[Example],
    assignment: &[usize],
    candidate: &Candidate,
    options: &TrainOptions,
) -> CvResult {
    let folds = options.folds.max(2);
    let fold_result = |fold: usize| -> FoldResult {
        let fitting: Vec<&Example> = examples
            .iter()
            .zip(assignment)
            .filter(|(_, assigned)| **assigned != fold)
            .map(|(example, _)| example)
            .collect();
        let held: Vec<&Example> = examples
            .iter()
            .zip(assignment)
            .filter(|(_, assigned)| **assigned == fold)
            .map(|(example, _)| example)
            .collect();
        let classifier = fit(
            &fitting,
            &candidate.features,
            candidate.l2,
            options.max_iterations,
        );
        let logits: Vec<[f64; 3]> = held
            .iter()
            .map(|example| classifier.linear_logits_of(&example.hashed, &example.structural))
            .collect();
        let predicted: Vec<[f64; 3]> = logits
            .iter()
            .map(|logit| decision::softmax(*logit, 1.0))
            .collect();
        let labels: Vec<Tier> = held.iter().map(|example| example.label).collect();
        let exact = predicted
            .iter()
            .zip(&labels)
            .filter(|(probability, label)| decision::likeliest(probability) == **label as usize)
            .count();
        FoldResult {
            loss: metrics::log_loss(&predicted, &labels) * labels.len() as f64,
            exact,
            count: labels.len(),
            logits,
        }
    };
    let threads = options.threads.clamp(1, folds);
    let mut results: Vec<(usize, FoldResult)> = Vec::new();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|thread| {
                let fold_result = &fold_result;
                scope.spawn(move || {
                    (thread..folds)
                        .step_by(threads)
                        .map(|fold| (fold, fold_result(fold)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for handle in handles {
            match handle.join() {
                Ok(done) => results.extend(done),
                // A fold lost would leave its rows' out-of-fold logits at zero for the trees: fail instead.
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
    });
    results.sort_by_key(|(fold, _)| *fold);
    let (loss, exact, count) = results.iter().fold((0.0, 0, 0), |sum, (_, result)| {
        (
            sum.0 + result.loss,
            sum.1 + result.exact,
            sum.2 + result.count,
        )
    });
    // Each fold's held-out rows came in the examples' order: deal them back to their places.
    let mut out_of_fold = vec![[0.0; 3]; examples.len()];
    for (fold, FoldResult { logits, .. }) in &results {
        let places = assignment
            .iter()
            .enumerate()
            .filter(|(_, assigned)| **assigned == *fold)
            .map(|(index, _)| index);
        for (place, logit) in places.zip(logits) {
            out_of_fold[place] = *logit;
        }
    }
    let count = count.max(1) as f64;
    CvResult {
        candidate: *candidate,
        log_loss: loss / count,
        exact: exact as f64 / count,
        out_of_fold,
    }
}

/// Trains on `train`, calibrates and chooses the decision rule on `validation`.
pub fn train(
    train: &[LabelledPrompt],
    validation: &[LabelledPrompt],
    options: &TrainOptions,
    corpus_sha256: &str,
    progress: &mut dyn FnMut(String),
) -> (Classifier, TrainReport) {
    let train_analyses: Vec<PromptFeatures> =
        train.iter().map(|row| analyze(&row.prompt)).collect();
    let validation_analyses: Vec<PromptFeatures> =
        validation.iter().map(|row| analyze(&row.prompt)).collect();
    let labels: Vec<Tier> = train.iter().map(|row| row.label).collect();
    let assignment = folds(&labels, options.folds, options.seed);
    let mut results: Vec<CvResult> = Vec::new();
    for candidate in &options.candidates {
        let built = examples(train, &train_analyses, &candidate.features);
        let result = cross_validate(&built, &assignment, candidate, options);
        progress(format!(
            "cv {:?} l2 {}: log loss {:.4}, exact {:.3}",
            candidate.features, candidate.l2, result.log_loss, result.exact
        ));
        results.push(result);
    }
    let best_result = results
        .iter()
        .min_by(|one, other| one.log_loss.total_cmp(&other.log_loss));
    let best = best_result.map_or(
        Candidate {
            features: BASE,
            l2: 1e-3,
        },
        |result| result.candidate,
    );
    let built = examples(train, &train_analyses, &best.features);
    let fitting: Vec<&Example> = built.iter().collect();
    let mut classifier = fit(&fitting, &best.features, best.l2, options.max_iterations);
    // The second stage learns from logits the linear model gives rows it did not see, as it will in use.
    let mut trees_results = Vec::new();
    // Settings whose trees could not be loaded again are not tried.
    let tree_grid: Vec<TreeParams> = options
        .tree_grid
        .iter()
        .filter(|params| {
            let sound = params.is_sound();
            if !sound {
                progress(format!("trees {params:?}: out of range, not tried"));
            }
            sound
        })
        .copied()
        .collect();
    if let Some(best_result) = best_result.filter(|_| !tree_grid.is_empty()) {
        let inputs: Vec<[f64; INPUTS]> = built
            .iter()
            .zip(&best_result.out_of_fold)
            .map(|(example, logits)| trees::inputs(*logits, &example.structural))
            .collect();
        let words: Vec<Vec<u32>> = built.iter().map(|example| example.words.clone()).collect();
        // One setting needs no choosing.
        if tree_grid.len() > 1 {
            trees_results = trees::cross_validate(
                &inputs,
                &words,
                &labels,
                &assignment,
                options.folds.max(2),
                &tree_grid,
            );
        }
        for result in &trees_results {
            progress(format!(
                "cv trees {:?}: log loss {:.4}, exact {:.3}",
                result.params, result.log_loss, result.exact
            ));
        }
        let chosen = trees_results
            .iter()
            .min_by(|one, other| one.log_loss.total_cmp(&other.log_loss))
            .map_or(tree_grid[0], |result| result.params);
        let grown = trees::fit(&inputs, &words, &labels, &chosen);
        classifier.header.trees = Some(TreesHeader {
            params: chosen,
            base: grown.base,
            words: grown.words.clone(),
        });
        classifier.trees = Some(grown);
    }
    let held_built = examples(validation, &validation_analyses, &best.features);
    let held: Vec<&Example> = held_built.iter().collect();
    let held_labels: Vec<Tier> = validation.iter().map(|row| row.label).collect();
    let logits: Vec<[f64; 3]> = held
        .iter()
        .map(|example| classifier.logits_of(&example.hashed, &example.structural, &example.words))
        .collect();
    let before = probabilities(&classifier, &held, 1.0);
    let temperature = fit_temperature(&logits, &held_labels);
    let after = probabilities(&classifier, &held, temperature);
    let rule = decision::choose(&after, &held_labels);
    let report = TrainReport {
        cross_validation: results,
        trees_cross_validation: trees_results,
        validation_log_loss: [
            metrics::log_loss(&before, &held_labels),
            metrics::log_loss(&after, &held_labels),
        ],
        validation_ece: [
            metrics::ece(&before, &held_labels, 10),
            metrics::ece(&after, &held_labels, 10),
        ],
        validation_rule: [rule.cost, rule.exact, rule.under],
    };
    classifier.header.seed = options.seed;
    classifier.header.temperature = temperature;
    classifier.header.thresholds = rule.thresholds;
    classifier.header.corpus_sha256 = corpus_sha256.to_owned();
    classifier.header.validation_rows = validation.len();
    classifier.header.training = serde_json::to_value(&report).unwrap_or_default();
    (classifier, report)
}
