//! The second stage: gradient-boosted trees over what the linear model concluded (its log-probabilities) and
//! the prompt's structural features, as they are (no scaling: a tree only compares).
//!
//! A linear model adds its evidence up; it cannot say "a long paste with a one-line ask is small work" or
//! "these words mean less in a short prompt". Shallow trees over its verdict and the prompt's shape can, and
//! they are small: a few hundred trees of depth 2 to 4, stored as complete binary trees in heap order.
//!
//! Training is deterministic: quantile bins per input, Newton steps on the softmax loss, the first best split
//! kept on ties, sums in a fixed order.

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
}

impl TreeParams {
    /// Whether trees grown this way can be stored and loaded: depth 1 to [`MAX_DEPTH`], rounds 1 to
    /// [`MAX_ROUNDS`], a positive learning rate and L2 penalty, at least one row in a leaf.
    pub fn is_sound(&self) -> bool {
        (1..=MAX_DEPTH).contains(&self.depth)
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

fn walk(tree: &[Node], inputs: &[f64; INPUTS]) -> f64 {
    let mut index = 0;
    while let Some(node) = tree.get(index) {
        let Ok(feature) = usize::try_from(node.feature) else {
            return f64::from(node.value);
        };
        let input = inputs.get(feature).copied().unwrap_or(0.0);
        index = 2 * index + if input <= f64::from(node.value) { 1 } else { 2 };
    }
    0.0
}

impl Trees {
    /// Nodes in a complete tree of `depth`.
    pub fn nodes_per_tree(depth: usize) -> usize {
        (1 << (depth + 1)) - 1
    }

    /// The logits the trees give for `inputs`.
    pub fn logits(&self, inputs: &[f64; INPUTS]) -> [f64; 3] {
        let mut logits = self.base;
        let per_tree = Self::nodes_per_tree(self.params.depth);
        for (index, tree) in self.nodes.chunks_exact(per_tree).enumerate() {
            logits[index % 3] += walk(tree, inputs);
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
        for (feature, cuts) in self.edges.iter().enumerate() {
            let mut histogram = vec![(0.0f64, 0.0f64, 0usize); cuts.len() + 1];
            for row in &rows {
                let slot = &mut histogram[self.bins[*row][feature] as usize];
                slot.0 += self.gradient[*row];
                slot.1 += self.hessian[*row];
                slot.2 += 1;
            }
            let (mut left_g, mut left_h, mut left_n) = (0.0, 0.0, 0);
            for (cut, slot) in histogram.iter().take(cuts.len()).enumerate() {
                left_g += slot.0;
                left_h += slot.1;
                left_n += slot.2;
                let right_n = rows.len() - left_n;
                if left_n < self.params.min_leaf || right_n < self.params.min_leaf {
                    continue;
                }
                let (right_g, right_h) = (total_g - left_g, total_h - left_h);
                let gain =
                    left_g * left_g / (left_h + l2) + right_g * right_g / (right_h + l2) - parent;
                if best.is_none_or(|(best_gain, _, _)| gain > best_gain) {
                    best = Some((gain, feature, cut));
                }
            }
        }
        let Some((_, feature, cut)) = best.filter(|(gain, _, _)| *gain > 1e-9) else {
            tree[index] = self.leaf(&rows);
            return;
        };
        tree[index] = Node {
            feature: feature as i16,
            value: self.edges[feature][cut],
        };
        let (left, right): (Vec<usize>, Vec<usize>) = rows
            .into_iter()
            .partition(|row| self.bins[*row][feature] as usize <= cut);
        self.grow(tree, 2 * index + 1, depth + 1, left);
        self.grow(tree, 2 * index + 2, depth + 1, right);
    }
}

/// Grows the trees on `rows` (their inputs) and `labels`.
pub fn fit(rows: &[[f64; INPUTS]], labels: &[Tier], params: &TreeParams) -> Trees {
    let edges = edges(rows);
    let bins: Vec<[u8; INPUTS]> = rows.iter().map(|row| bin(&edges, row)).collect();
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
                gradient: &gradient,
                hessian: &hessian,
                params,
            };
            let mut tree = vec![Node::LEAF_ZERO; per_tree];
            grower.grow(&mut tree, 0, 0, (0..rows.len()).collect());
            for (row, inputs) in rows.iter().enumerate() {
                logits[row][class] += walk(&tree, inputs);
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

/// Cross-validates each setting on `rows` with the fold `assignment`; the lowest mean log loss is chosen.
pub fn cross_validate(
    rows: &[[f64; INPUTS]],
    labels: &[Tier],
    assignment: &[usize],
    folds: usize,
    grid: &[TreeParams],
) -> Vec<TreeCv> {
    grid.iter()
        .map(|params| {
            let (mut loss, mut exact) = (0.0, 0usize);
            for fold in 0..folds {
                let (mut fit_rows, mut fit_labels, mut held_rows, mut held_labels) =
                    (Vec::new(), Vec::new(), Vec::new(), Vec::new());
                for ((row, label), assigned) in rows.iter().zip(labels).zip(assignment) {
                    if *assigned == fold {
                        held_rows.push(*row);
                        held_labels.push(*label);
                    } else {
                        fit_rows.push(*row);
                        fit_labels.push(*label);
                    }
                }
                let trees = fit(&fit_rows, &fit_labels, params);
                let predicted: Vec<[f64; 3]> = held_rows
                    .iter()
                    .map(|row| decision::softmax(trees.logits(row), 1.0))
                    .collect();
                loss += metrics::log_loss(&predicted, &held_labels) * held_labels.len() as f64;
                exact += predicted
                    .iter()
                    .zip(&held_labels)
                    .filter(|(probability, label)| {
                        decision::likeliest(probability) == **label as usize
                    })
                    .count();
            }
            let count = rows.len().max(1) as f64;
            TreeCv {
                params: *params,
                log_loss: loss / count,
                exact: exact as f64 / count,
            }
        })
        .collect()
}

/// The default grid: 100, 200 or 400 rounds of trees of depth 2, 3 or 4.
pub fn grid() -> Vec<TreeParams> {
    let mut grid = Vec::new();
    for depth in [2, 3, 4] {
        for rounds in [100, 200, 400] {
            grid.push(TreeParams {
                rounds,
                depth,
                learning_rate: 0.05,
                min_leaf: 20,
                l2: 1.0,
            });
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

    #[test]
    fn trees_learn_an_interaction_of_two_inputs() {
        let (rows, labels) = interaction(400);
        let params = TreeParams {
            rounds: 60,
            depth: 2,
            learning_rate: 0.3,
            min_leaf: 5,
            l2: 1.0,
        };
        let trees = fit(&rows, &labels, &params);
        assert_eq!(trees.nodes.len(), 60 * 3 * 7);
        for (row, label) in rows.iter().zip(&labels) {
            let probabilities = decision::softmax(trees.logits(row), 1.0);
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
        let params = grid()[0];
        assert_eq!(fit(&rows, &labels, &params), fit(&rows, &labels, &params));
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
        assert_eq!(walk(&tree, &inputs), -1.0);
        inputs[3] = 2.6;
        assert_eq!(walk(&tree, &inputs), 1.0);
    }
}
