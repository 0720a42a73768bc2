//! The second stage: gradient-boosted trees over what the linear model concluded (its log-probabilities) and
//! the prompt's structural features, as they are (no scaling: a tree only compares).
//!
//! A linear model adds its evidence up; it cannot say "a long paste with a one-line ask is small work" or
//! "these words mean less in a short prompt". Shallow trees over its verdict and the prompt's shape can, and
//! they are small: a few hundred trees of depth 2 to 4, stored as complete binary trees in heap order.
//!
//! The trees may also ask whether the prose has one of a chosen set of words and word pairs (the ones most
//! training rows have, found by the same hashing as the linear model's): "'plan' and a short prompt" is a
//! question a sum of weights cannot ask. Input [`INPUTS`] + i is 1 when the prompt has the i-th chosen word,
//! else 0, so a split on it is an ordinary split at 0.5.
//!
//! Training is deterministic: quantile bins per input, Newton steps on the softmax loss, the first best split
//! kept on ties, sums in a fixed order.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{decision, features::STRUCTURAL, metrics};
use crate::model_router::router::Tier;

/// Inputs of the trees: the linear model's three log-probabilities, then the structural features.
pub const INPUTS: usize = 3 + STRUCTURAL;

/// Bins per input when training (quantiles of the training rows).
const BINS: usize = 64;
/// Deepest trees a model may have.
pub const MAX_DEPTH: usize = 8;
/// Most rounds a model may have (three trees each), bounding what loading one allocates.
pub const MAX_ROUNDS: usize = 4_096;
/// Most words the trees may read (their inputs stay within a node's i16).
pub const MAX_WORDS: usize = 4_096;

/// How the trees are grown.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TreeParams {
    /// Boosting rounds; each grows one tree per tier.
    pub rounds: usize,
    /// Depth of each tree (2^depth leaves at most).
    pub depth: usize,
    /// Each tree's leaves are scaled by this.
    pub learning_rate: f64,
    /// Fewest training rows in a leaf.
    pub min_leaf: usize,
    /// L2 penalty on leaf values.
    pub l2: f64,
    /// Words and word pairs of the prose the trees may split on: at most this many, those most training rows
    /// have (0: none).
    #[serde(default)]
    pub words: usize,
}

impl TreeParams {
    /// Whether trees grown this way can be stored and loaded: depth 1 to [`MAX_DEPTH`], rounds 1 to
    /// [`MAX_ROUNDS`], a positive learning rate and L2 penalty, at least one row in a leaf, at most
    /// [`MAX_WORDS`] words.
    pub fn is_sound(&self) -> bool {
        (1..=MAX_DEPTH).contains(&self.depth)
            && self.words <= MAX_WORDS
            && (1..=MAX_ROUNDS).contains(&self.rounds)
            && self.learning_rate.is_finite()
            && self.learning_rate > 0.0
            && self.l2.is_finite()
            && self.l2 > 0.0
            && self.min_leaf >= 1
    }
}

/// One node of a tree in heap order (the children of node `i` are `2i + 1` and `2i + 2`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Node {
    /// The input compared, or -1 for a leaf.
    pub feature: i16,
    /// A split's threshold (left when the input is at most this), or a leaf's value.
    pub value: f32,
}

impl Node {
    const LEAF_ZERO: Node = Node {
        feature: -1,
        value: 0.0,
    };
}

/// The trees: `rounds x 3` of them (round by round, haiku, sonnet, opus), each [`Trees::nodes_per_tree`]
/// nodes.
#[derive(Debug, Clone, PartialEq)]
pub struct Trees {
    /// How they were grown.
    pub params: TreeParams,
    /// The starting logits (the log of each tier's share of the training rows, each count plus one).
    pub base: [f64; 3],
    /// The hash buckets of the words the trees read, ascending: input [`INPUTS`] + i is whether a prompt's
    /// prose has `words[i]`.
    pub words: Vec<u32>,
    /// All nodes, tree after tree.
    pub nodes: Vec<Node>,
}

/// The inputs of the trees for a prompt: the linear logits as log-probabilities, then its structural features
/// (a value that is not a number counts as 0, in training and in use alike).
pub fn inputs(linear_logits: [f64; 3], structural: &[f64; STRUCTURAL]) -> [f64; INPUTS] {
    let probabilities = decision::softmax(linear_logits, 1.0);
    let mut inputs = [0.0; INPUTS];
    for class in 0..3 {
        inputs[class] = probabilities[class].max(1e-12).ln();
    }
    inputs[3..].copy_from_slice(structural);
    inputs.map(|input| if input.is_nan() { 0.0 } else { input })
}

/// Input `feature` of a prompt: a dense input, or 1 when it has the word (`present` holds the indices of
/// the trees' words it has, ascending).
fn input(inputs: &[f64; INPUTS], present: &[u16], feature: usize) -> f64 {
    match inputs.get(feature) {
        Some(value) => *value,
        None => {
            let word = feature - INPUTS;
            if present.binary_search(&(word as u16)).is_ok() {
                1.0
            } else {
                0.0
            }
        }
    }
}

fn walk(tree: &[Node], inputs: &[f64; INPUTS], present: &[u16]) -> f64 {
    let mut index = 0;
    while let Some(node) = tree.get(index) {
        let Ok(feature) = usize::try_from(node.feature) else {
            return f64::from(node.value);
        };
        let input = input(inputs, present, feature);
        index = 2 * index + if input <= f64::from(node.value) { 1 } else { 2 };
    }
    0.0
}

/// The indices in `vocabulary` (ascending) of the buckets in `buckets` (ascending, each once).
fn present(vocabulary: &[u32], buckets: &[u32]) -> Vec<u16> {
    let mut found = Vec::new();
    let (mut at, mut from) = (0, 0);
    while let (Some(word), Some(bucket)) = (vocabulary.get(at), buckets.get(from)) {
        match word.cmp(bucket) {
            std::cmp::Ordering::Less => at += 1,
            std::cmp::Ordering::Greater => from += 1,
            std::cmp::Ordering::Equal => {
                found.push(at as u16);
                at += 1;
                from += 1;
            }
        }
    }
    found
}

/// The words the trees may read: the `count` buckets most of `rows` have (ties to the lower bucket), leaving
/// out those too few or too many rows have for a split to keep `min_leaf` rows on each side; ascending; at most
/// [`MAX_WORDS`], so that every input fits a node's i16.
fn vocabulary(rows: &[Vec<u32>], count: usize, min_leaf: usize) -> Vec<u32> {
    if count == 0 {
        return Vec::new();
    }
    let mut frequency: HashMap<u32, usize> = HashMap::new();
    for buckets in rows {
        for bucket in buckets {
            *frequency.entry(*bucket).or_default() += 1;
        }
    }
    let mut ranked: Vec<(u32, usize)> = frequency
        .into_iter()
        .filter(|(_, rows_with)| {
            *rows_with >= min_leaf && rows.len().saturating_sub(*rows_with) >= min_leaf
        })
        .collect();
    ranked.sort_by(|one, other| other.1.cmp(&one.1).then(one.0.cmp(&other.0)));
    let mut chosen: Vec<u32> = ranked
        .into_iter()
        .take(count.min(MAX_WORDS))
        .map(|(bucket, _)| bucket)
        .collect();
    chosen.sort_unstable();
    chosen
}

impl Trees {
    /// Nodes in a complete tree of `depth`.
    pub fn nodes_per_tree(depth: usize) -> usize {
        (1 << (depth + 1)) - 1
    }

    /// The logits the trees give for `inputs` and the prompt's prose word buckets (ascending, each once).
    pub fn logits(&self, inputs: &[f64; INPUTS], words: &[u32]) -> [f64; 3] {
        let present = present(&self.words, words);
        let mut logits = self.base;
        let per_tree = Self::nodes_per_tree(self.params.depth);
        for (index, tree) in self.nodes.chunks_exact(per_tree).enumerate() {
            logits[index % 3] += walk(tree, inputs, &present);
        }
        logits
    }
}

/// `value` as the smallest f32 at or above it, so that a value equal to a cut goes left of it once stored.
fn at_or_above(value: f64) -> f32 {
    let rounded = value as f32;
    if f64::from(rounded) < value {
        rounded.next_up()
    } else {
        rounded
    }
}

/// Each input's bin edges: up to [`BINS`] - 1 distinct quantiles of the rows, ascending.
fn edges(rows: &[[f64; INPUTS]]) -> Vec<Vec<f32>> {
    (0..INPUTS)
        .map(|feature| {
            let mut values: Vec<f64> = rows.iter().map(|row| row[feature]).collect();
            values.sort_by(f64::total_cmp);
            let mut cuts: Vec<f32> = (1..BINS)
                .filter_map(|step| values.get(step * values.len() / BINS).copied())
                .map(at_or_above)
                .collect();
            cuts.dedup();
            cuts
        })
        .collect()
}

/// A row's bin of each input: the first edge at or above its value (the last bin when above them all).
fn bin(edges: &[Vec<f32>], row: &[f64; INPUTS]) -> [u8; INPUTS] {
    let mut bins = [0u8; INPUTS];
    for (feature, cuts) in edges.iter().enumerate() {
        let value = row[feature];
        bins[feature] = cuts.partition_point(|cut| value > f64::from(*cut)) as u8;
    }
    bins
}

/// What one tree grows from: the rows' bins and their gradients and hessians for one tier.
struct Grower<'a> {
    edges: &'a [Vec<f32>],
    bins: &'a [[u8; INPUTS]],
    /// Per row, the indices of the words it has, ascending.
    present: &'a [Vec<u16>],
    /// How many words there are.
    words: usize,
    gradient: &'a [f64],
    hessian: &'a [f64],
    params: &'a TreeParams,
}

impl Grower<'_> {
    fn leaf(&self, rows: &[usize]) -> Node {
        let (gradient, hessian) = rows.iter().fold((0.0, 0.0), |(g, h), row| {
            (g + self.gradient[*row], h + self.hessian[*row])
        });
        Node {
            feature: -1,
            value: (-gradient / (hessian + self.params.l2) * self.params.learning_rate) as f32,
        }
    }

    /// Grows node `index` of `tree` from `rows`.
    fn grow(&self, tree: &mut [Node], index: usize, depth: usize, rows: Vec<usize>) {
        if depth == self.params.depth || rows.len() < 2 * self.params.min_leaf {
            tree[index] = self.leaf(&rows);
            return;
        }
        let (total_g, total_h) = rows.iter().fold((0.0, 0.0), |(g, h), row| {
            (g + self.gradient[*row], h + self.hessian[*row])
        });
        let l2 = self.params.l2;
        let parent = total_g * total_g / (total_h + l2);
        // (gain, feature, bin)
        let mut best: Option<(f64, usize, usize)> = None;
        // Weighs the split that sends `left` (gradient, hessian and rows summed) left; the first best is kept.
        let mut consider = |left: (f64, f64, usize), feature: usize, cut: usize| {
            let (left_g, left_h, left_n) = left;
            let right_n = rows.len() - left_n;
            if left_n < self.params.min_leaf || right_n < self.params.min_leaf {
                return;
            }
            let (right_g, right_h) = (total_g - left_g, total_h - left_h);
            let gain =
                left_g * left_g / (left_h + l2) + right_g * right_g / (right_h + l2) - parent;
            if best.is_none_or(|(best_gain, _, _)| gain > best_gain) {
                best = Some((gain, feature, cut));
            }
        };
        for (feature, cuts) in self.edges.iter().enumerate() {
            let mut histogram = vec![(0.0f64, 0.0f64, 0usize); cuts.len() + 1];
            for row in &rows {
                let slot = &mut histogram[self.bins[*row][feature] as usize];
                slot.0 += self.gradient[*row];
                slot.1 += self.hessian[*row];
                slot.2 += 1;
            }
            let mut left = (0.0, 0.0, 0);
            for (cut, slot) in histogram.iter().take(cuts.len()).enumerate() {
                left = (left.0 + slot.0, left.1 + slot.1, left.2 + slot.2);
                consider(left, feature, cut);
            }
        }
        // The words: left without, right with; the rows with each are summed from the rows' own lists.
        let mut with = vec![(0.0f64, 0.0f64, 0usize); self.words];
        for row in &rows {
            for word in &self.present[*row] {
                let slot = &mut with[*word as usize];
                slot.0 += self.gradient[*row];
                slot.1 += self.hessian[*row];
                slot.2 += 1;
            }
        }
        for (word, (right_g, right_h, right_n)) in with.into_iter().enumerate() {
            let left = (total_g - right_g, total_h - right_h, rows.len() - right_n);
            consider(left, INPUTS + word, 0);
        }
        let Some((_, feature, cut)) = best.filter(|(gain, _, _)| *gain > 1e-9) else {
            tree[index] = self.leaf(&rows);
            return;
        };
        let (value, (left, right)): (f32, (Vec<usize>, Vec<usize>)) = match self.edges.get(feature)
        {
            Some(cuts) => (
                cuts[cut],
                rows.into_iter()
                    .partition(|row| self.bins[*row][feature] as usize <= cut),
            ),
            None => {
                let word = (feature - INPUTS) as u16;
                (
                    0.5,
                    rows.into_iter()
                        .partition(|row| self.present[*row].binary_search(&word).is_err()),
                )
            }
        };
        tree[index] = Node {
            feature: feature as i16,
            value,
        };
        self.grow(tree, 2 * index + 1, depth + 1, left);
        self.grow(tree, 2 * index + 2, depth + 1, right);
    }
}

/// Grows the trees on `rows` (their inputs), their prose word buckets (each ascending, each bucket once) and
/// `labels`.
pub fn fit(
    rows: &[[f64; INPUTS]],
    words: &[Vec<u32>],
    labels: &[Tier],
    params: &TreeParams,
) -> Trees {
    let edges = edges(rows);
    let bins: Vec<[u8; INPUTS]> = rows.iter().map(|row| bin(&edges, row)).collect();
    let vocabulary = vocabulary(words, params.words, params.min_leaf);
    let present: Vec<Vec<u16>> = words
        .iter()
        .map(|buckets| present(&vocabulary, buckets))
        .collect();
    let count = rows.len().max(1) as f64;
    let mut base = [0.0; 3];
    for (class, start) in base.iter_mut().enumerate() {
        let share = labels
            .iter()
            .filter(|label| **label as usize == class)
            .count() as f64;
        *start = ((share + 1.0) / (count + 3.0)).ln();
    }
    let per_tree = Trees::nodes_per_tree(params.depth);
    let mut trees = Trees {
        params: *params,
        base,
        words: vocabulary,
        nodes: Vec::with_capacity(params.rounds * 3 * per_tree),
    };
    let mut logits = vec![base; rows.len()];
    let mut gradient = vec![0.0; rows.len()];
    let mut hessian = vec![0.0; rows.len()];
    for _ in 0..params.rounds {
        let probabilities: Vec<[f64; 3]> = logits
            .iter()
            .map(|logit| decision::softmax(*logit, 1.0))
            .collect();
        for class in 0..3 {
            for (row, probability) in probabilities.iter().enumerate() {
                let target = if labels[row] as usize == class {
                    1.0
                } else {
                    0.0
                };
                gradient[row] = probability[class] - target;
                hessian[row] = (probability[class] * (1.0 - probability[class])).max(1e-6);
            }
            let grower = Grower {
                edges: &edges,
                bins: &bins,
                present: &present,
                words: trees.words.len(),
                gradient: &gradient,
                hessian: &hessian,
                params,
            };
            let mut tree = vec![Node::LEAF_ZERO; per_tree];
            grower.grow(&mut tree, 0, 0, (0..rows.len()).collect());
            for (row, inputs) in rows.iter().enumerate() {
                logits[row][class] += walk(&tree, inputs, &present[row]);
            }
            trees.nodes.extend(tree);
        }
    }
    trees
}

/// One setting's cross-validated result.
#[derive(Debug, Clone, Serialize)]
pub struct TreeCv {
    /// The setting.
    pub params: TreeParams,
    /// Mean log loss over the held-out folds.
    pub log_loss: f64,
    /// Share of held-out rows whose likeliest tier is their label.
    pub exact: f64,
}

/// Cross-validates each setting on `rows` (with their prose word buckets) with the fold `assignment`, the folds
/// on threads of their own; the lowest mean log loss is chosen. Settings that differ only in their rounds share
/// one fit per fold: the first `r` rounds of a longer fit are the trees an `r`-round fit grows.
pub fn cross_validate(
    rows: &[[f64; INPUTS]],
    words: &[Vec<u32>],
    labels: &[Tier],
    assignment: &[usize],
    folds: usize,
    grid: &[TreeParams],
) -> Vec<TreeCv> {
    // Per setting of the group, the fold's summed log loss and rows whose likeliest tier is right.
    let held_out = |group: &[TreeParams], fold: usize| -> Vec<(f64, usize)> {
        let (mut fit_rows, mut fit_words, mut fit_labels) = (Vec::new(), Vec::new(), Vec::new());
        let mut held = Vec::new();
        for (index, assigned) in assignment.iter().enumerate() {
            if *assigned == fold {
                held.push(index);
            } else {
                fit_rows.push(rows[index]);
                fit_words.push(words[index].clone());
                fit_labels.push(labels[index]);
            }
        }
        let longest = group.iter().map(|params| params.rounds).max().unwrap_or(0);
        let grown = fit(
            &fit_rows,
            &fit_words,
            &fit_labels,
            &TreeParams {
                rounds: longest,
                ..group[0]
            },
        );
        let held_labels: Vec<Tier> = held.iter().map(|index| labels[*index]).collect();
        group
            .iter()
            .map(|params| {
                let mut trees = grown.clone();
                trees.params = *params;
                trees
                    .nodes
                    .truncate(params.rounds * 3 * Trees::nodes_per_tree(params.depth));
                let predicted: Vec<[f64; 3]> = held
                    .iter()
                    .map(|index| {
                        decision::softmax(trees.logits(&rows[*index], &words[*index]), 1.0)
                    })
                    .collect();
                let exact = predicted
                    .iter()
                    .zip(&held_labels)
                    .filter(|(probability, label)| {
                        decision::likeliest(probability) == **label as usize
                    })
                    .count();
                (
                    metrics::log_loss(&predicted, &held_labels) * held_labels.len() as f64,
                    exact,
                )
            })
            .collect()
    };
    // Groups of settings equal but for their rounds, in grid order.
    let mut groups: Vec<Vec<TreeParams>> = Vec::new();
    for params in grid {
        let same = |other: &TreeParams| {
            TreeParams {
                rounds: params.rounds,
                ..*other
            } == *params
        };
        match groups.iter_mut().find(|group| same(&group[0])) {
            Some(group) => group.push(*params),
            None => groups.push(vec![*params]),
        }
    }
    let mut results: Vec<TreeCv> = Vec::new();
    for group in &groups {
        let per_fold: Vec<Vec<(f64, usize)>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..folds)
                .map(|fold| scope.spawn(move || held_out(group, fold)))
                .collect();
            // A fold lost fails the training, as in the linear stage's cross-validation: scoring it as the worst
            // would quietly choose another setting.
            handles
                .into_iter()
                .map(|handle| {
                    handle
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        });
        let count = rows.len().max(1) as f64;
        for (at, params) in group.iter().enumerate() {
            results.push(TreeCv {
                params: *params,
                log_loss: per_fold.iter().map(|fold| fold[at].0).sum::<f64>() / count,
                exact: per_fold.iter().map(|fold| fold[at].1).sum::<usize>() as f64 / count,
            });
        }
    }
    // Back in grid order, so that the first of equal scores is the grid's first.
    results.sort_by_key(|result| {
        grid.iter()
            .position(|params| *params == result.params)
            .unwrap_or(usize::MAX)
    });
    results
}

/// The default grid: 100, 200 or 400 rounds of trees of depth 2, 3 or 4, reading no words or up to 1,000.
pub fn grid() -> Vec<TreeParams> {
    let mut grid = Vec::new();
    for words in [0, 1_000] {
        for depth in [2, 3, 4] {
            for rounds in [100, 200, 400] {
                grid.push(TreeParams {
                    rounds,
                    depth,
                    learning_rate: 0.05,
                    min_leaf: 20,
                    l2: 1.0,
                    words,
                });
            }
        }
    }
    grid
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows whose tier depends on two inputs together (an interaction no sum of single inputs gives).
    fn interaction(count: usize) -> (Vec<[f64; INPUTS]>, Vec<Tier>) {
        let mut rows = Vec::new();
        let mut labels = Vec::new();
        for index in 0..count {
            let mut row = [0.0; INPUTS];
            let (long, trivial) = (index % 2 == 0, (index / 2) % 2 == 0);
            row[3] = if long { 8.0 } else { 4.0 } + (index % 7) as f64 * 0.1;
            row[4] = if trivial { 0.0 } else { 1.0 };
            rows.push(row);
            labels.push(match (long, trivial) {
                (true, true) | (false, true) => Tier::Haiku,
                (true, false) => Tier::Opus,
                (false, false) => Tier::Sonnet,
            });
        }
        (rows, labels)
    }

    fn no_words(count: usize) -> Vec<Vec<u32>> {
        vec![Vec::new(); count]
    }

    #[test]
    fn trees_learn_an_interaction_of_two_inputs() {
        let (rows, labels) = interaction(400);
        let params = TreeParams {
            rounds: 60,
            depth: 2,
            learning_rate: 0.3,
            min_leaf: 5,
            l2: 1.0,
            words: 0,
        };
        let trees = fit(&rows, &no_words(rows.len()), &labels, &params);
        assert_eq!(trees.nodes.len(), 60 * 3 * 7);
        for (row, label) in rows.iter().zip(&labels) {
            let probabilities = decision::softmax(trees.logits(row, &[]), 1.0);
            assert_eq!(
                decision::likeliest(&probabilities),
                *label as usize,
                "{row:?}"
            );
        }
    }

    #[test]
    fn only_trees_that_can_be_loaded_again_are_sound() {
        assert!(grid().iter().all(TreeParams::is_sound));
        let sound = grid()[0];
        for unsound in [
            TreeParams { depth: 0, ..sound },
            TreeParams {
                depth: MAX_DEPTH + 1,
                ..sound
            },
            TreeParams {
                rounds: MAX_ROUNDS + 1,
                ..sound
            },
            TreeParams { l2: 0.0, ..sound },
            TreeParams {
                min_leaf: 0,
                ..sound
            },
            TreeParams {
                learning_rate: f64::NAN,
                ..sound
            },
            TreeParams {
                words: MAX_WORDS + 1,
                ..sound
            },
        ] {
            assert!(!unsound.is_sound(), "{unsound:?}");
        }
    }

    #[test]
    fn a_value_that_is_not_a_number_counts_as_zero() {
        let mut structural = [0.0; STRUCTURAL];
        structural[2] = f64::NAN;
        assert_eq!(inputs([0.0; 3], &structural)[5], 0.0);
    }

    #[test]
    fn fitting_twice_gives_the_same_trees() {
        let (rows, labels) = interaction(200);
        let words: Vec<Vec<u32>> = (0..rows.len() as u32).map(|row| vec![row % 3, 7]).collect();
        let params = TreeParams {
            words: 2,
            ..grid()[0]
        };
        assert_eq!(
            fit(&rows, &words, &labels, &params),
            fit(&rows, &words, &labels, &params)
        );
    }

    #[test]
    fn trees_learn_a_tier_from_a_word_and_an_input_together() {
        // Opus when the prose has word 42 and input 3 is small (a short prompt that says "plan"); the word
        // alone and the input alone say nothing, and bucket 7, in every row, cannot split.
        let mut rows = Vec::new();
        let mut words = Vec::new();
        let mut labels = Vec::new();
        for index in 0..400u32 {
            let (has_word, short) = (index % 2 == 0, (index / 2) % 2 == 0);
            let mut row = [0.0; INPUTS];
            row[3] = if short { 2.0 } else { 6.0 };
            rows.push(row);
            let mut buckets = vec![7, 1_000 + index % 5];
            if has_word {
                buckets.push(42);
            }
            buckets.sort_unstable();
            words.push(buckets);
            labels.push(if has_word && short {
                Tier::Opus
            } else {
                Tier::Sonnet
            });
        }
        let params = TreeParams {
            rounds: 60,
            depth: 2,
            learning_rate: 0.3,
            min_leaf: 5,
            l2: 1.0,
            words: 3,
        };
        let trees = fit(&rows, &words, &labels, &params);
        // The three most common words that can split: 42 (in half the rows), then the five 1,000s (a fifth
        // each), the lower buckets first; 7 is in every row.
        assert_eq!(trees.words, vec![42, 1_000, 1_001]);
        for ((row, buckets), label) in rows.iter().zip(&words).zip(&labels) {
            let probabilities = decision::softmax(trees.logits(row, buckets), 1.0);
            assert_eq!(decision::likeliest(&probabilities), *label as usize);
        }
        // Without words the trees cannot tell the rows apart.
        let blind = fit(&rows, &words, &labels, &TreeParams { words: 0, ..params });
        assert!(blind.words.is_empty());
        let wrong = rows
            .iter()
            .zip(&words)
            .zip(&labels)
            .filter(|((row, buckets), label)| {
                decision::likeliest(&decision::softmax(blind.logits(row, buckets), 1.0))
                    != **label as usize
            })
            .count();
        assert!(wrong >= 50, "{wrong} wrong without words");
    }

    #[test]
    fn cross_validation_scores_fewer_rounds_as_a_fit_of_fewer_rounds_would() {
        let (rows, labels) = interaction(200);
        let words = no_words(rows.len());
        let assignment: Vec<usize> = (0..rows.len()).map(|row| row % 2).collect();
        let short = TreeParams {
            rounds: 5,
            depth: 2,
            learning_rate: 0.3,
            min_leaf: 5,
            l2: 1.0,
            words: 0,
        };
        let long = TreeParams {
            rounds: 12,
            ..short
        };
        let together = cross_validate(&rows, &words, &labels, &assignment, 2, &[long, short]);
        let alone = cross_validate(&rows, &words, &labels, &assignment, 2, &[short]);
        assert_eq!(together[0].params, long);
        assert_eq!(together[1].params, short);
        assert_eq!(together[1].log_loss, alone[0].log_loss);
        assert_ne!(together[0].log_loss, together[1].log_loss);
    }

    #[test]
    fn a_prompts_words_are_found_among_the_trees_words() {
        assert_eq!(present(&[3, 9, 20, 41], &[1, 9, 20, 30, 41]), vec![1, 2, 3]);
        assert_eq!(present(&[], &[1, 2]), Vec::<u16>::new());
        assert_eq!(present(&[5], &[]), Vec::<u16>::new());
    }

    #[test]
    fn a_cut_stored_as_f32_keeps_the_value_it_was_taken_from_on_its_left() {
        // 4.0 + 0.6 is just above 4.6, and 4.6 as an f32 is just below it.
        let value = 4.0 + 6.0 * 0.1;
        assert!(f64::from(value as f32) < value);
        assert!(value <= f64::from(at_or_above(value)));
        assert_eq!(at_or_above(2.5), 2.5);
    }

    #[test]
    fn a_split_sends_values_at_its_threshold_left() {
        let tree = [
            Node {
                feature: 3,
                value: 2.5,
            },
            Node {
                feature: -1,
                value: -1.0,
            },
            Node {
                feature: -1,
                value: 1.0,
            },
        ];
        let mut inputs = [0.0; INPUTS];
        inputs[3] = 2.5;
        assert_eq!(walk(&tree, &inputs, &[]), -1.0);
        inputs[3] = 2.6;
        assert_eq!(walk(&tree, &inputs, &[]), 1.0);
        // A word is 1 when present, 0 when not: a split at 0.5 sends prompts with it right.
        let tree = [
            Node {
                feature: (INPUTS + 1) as i16,
                value: 0.5,
            },
            tree[1],
            tree[2],
        ];
        assert_eq!(walk(&tree, &inputs, &[0]), -1.0);
        assert_eq!(walk(&tree, &inputs, &[0, 1]), 1.0);
    }
}
