//! The fit behind learning from overrides: a bias vector `b` over the three tiers that makes a category's
//! overrides likely under the built-in model, kept small.
//!
//! Each override is an example: the base logits `z` the model gave its prompt, the tier `c` the user chose and
//! a weight `w` (decaying with age). The bias maximises
//!
//! ```text
//! F(b) = Σ w · log softmax(z + b)[c] − λ · |b|²
//! ```
//!
//! which is strictly concave for λ > 0 (a sum of concave log-softmax terms minus a strictly convex penalty), so
//! it has one maximum and Newton's method from `b = 0` finds it in a few steps; a backtracking line search keeps
//! every step uphill. The result depends only on the examples, in order, so it is deterministic. λ is the
//! prior's strength: the larger, the more overrides it takes to move a decision. The logits are the model's
//! calibrated ones (temperature applied), so λ means the same whatever the model's temperature.

use super::super::router::Tier;

/// One override as a weighted example.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Example {
    /// The model's calibrated logits of the prompt (haiku, sonnet, opus), without any user bias.
    pub logits: [f64; 3],
    /// The tier the user chose.
    pub chosen: Tier,
    /// Its weight, 0..=1.
    pub weight: f64,
}

/// Newton steps at most (the fit converges in 3 to 6 on the cases tested; this bounds the work per override).
const MAX_STEPS: usize = 40;
/// The gradient's largest component below which the fit has converged.
const TOLERANCE: f64 = 1e-9;

/// Returns softmax(`logits`), computed without overflow.
pub fn softmax(logits: [f64; 3]) -> [f64; 3] {
    let top = logits.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exps = logits.map(|logit| (logit - top).exp());
    let sum: f64 = exps.iter().sum();
    exps.map(|exp| exp / sum)
}

fn log_softmax(logits: [f64; 3], index: usize) -> f64 {
    let top = logits.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let sum: f64 = logits.iter().map(|logit| (logit - top).exp()).sum();
    logits[index] - top - sum.ln()
}

fn add(left: [f64; 3], right: [f64; 3]) -> [f64; 3] {
    [left[0] + right[0], left[1] + right[1], left[2] + right[2]]
}

/// The objective F(b); examples with a non-finite logit or weight are left out (they cannot come from the
/// model, but a damaged record must not poison the fit).
pub fn objective(examples: &[Example], lambda: f64, bias: [f64; 3]) -> f64 {
    let likelihood: f64 = usable(examples)
        .map(|example| {
            example.weight * log_softmax(add(example.logits, bias), example.chosen as usize)
        })
        .sum();
    likelihood - lambda * bias.iter().map(|value| value * value).sum::<f64>()
}

fn usable(examples: &[Example]) -> impl Iterator<Item = &Example> {
    examples.iter().filter(|example| {
        example.weight.is_finite()
            && example.weight > 0.0
            && example.logits.iter().all(|logit| logit.is_finite())
    })
}

/// Fits the bias (see the module's text). `lambda` must be positive; a value that is not is taken as the
/// smallest positive one allowed, 1e-3, so the fit stays well defined. No examples give `b = 0`.
pub fn fit(examples: &[Example], lambda: f64) -> [f64; 3] {
    let lambda = if lambda.is_finite() && lambda >= 1e-3 {
        lambda
    } else {
        1e-3
    };
    let mut bias = [0.0; 3];
    let mut value = objective(examples, lambda, bias);
    for _ in 0..MAX_STEPS {
        // Gradient and the negated Hessian (positive definite: the penalty's 2λI plus covariance matrices).
        let mut gradient = bias.map(|component| -2.0 * lambda * component);
        let mut curvature = [[0.0; 3]; 3];
        for (row, line) in curvature.iter_mut().enumerate() {
            line[row] = 2.0 * lambda;
        }
        for example in usable(examples) {
            let probabilities = softmax(add(example.logits, bias));
            for row in 0..3 {
                let target = if row == example.chosen as usize {
                    1.0
                } else {
                    0.0
                };
                gradient[row] += example.weight * (target - probabilities[row]);
                for column in 0..3 {
                    let diagonal = if row == column {
                        probabilities[row]
                    } else {
                        0.0
                    };
                    curvature[row][column] +=
                        example.weight * (diagonal - probabilities[row] * probabilities[column]);
                }
            }
        }
        if gradient.iter().all(|component| component.abs() < TOLERANCE) {
            break;
        }
        let Some(step) = solve(curvature, gradient) else {
            break;
        };
        let slope: f64 = (0..3).map(|index| gradient[index] * step[index]).sum();
        let mut scale = 1.0;
        let mut moved = false;
        for _ in 0..30 {
            let candidate = add(bias, step.map(|component| component * scale));
            let candidate_value = objective(examples, lambda, candidate);
            if candidate_value >= value + 1e-4 * scale * slope {
                bias = candidate;
                value = candidate_value;
                moved = true;
                break;
            }
            scale /= 2.0;
        }
        if !moved {
            break;
        }
    }
    bias
}

/// Solves `matrix · x = vector` for a 3x3 system by Gaussian elimination with partial pivoting; `None` when
/// the matrix is singular (it is not, for λ > 0, but the fit must not divide by zero if it were).
fn solve(mut matrix: [[f64; 3]; 3], mut vector: [f64; 3]) -> Option<[f64; 3]> {
    for column in 0..3 {
        let pivot = (column..3).max_by(|left, right| {
            matrix[*left][column]
                .abs()
                .total_cmp(&matrix[*right][column].abs())
        })?;
        if matrix[pivot][column].abs() < 1e-12 {
            return None;
        }
        matrix.swap(column, pivot);
        vector.swap(column, pivot);
        let pivot_row = matrix[column];
        for row in column + 1..3 {
            let factor = matrix[row][column] / pivot_row[column];
            for (cell, above) in matrix[row].iter_mut().zip(pivot_row).skip(column) {
                *cell -= factor * above;
            }
            vector[row] -= factor * vector[column];
        }
    }
    let mut solution = [0.0; 3];
    for row in (0..3).rev() {
        let known: f64 = (row + 1..3)
            .map(|inner| matrix[row][inner] * solution[inner])
            .sum();
        solution[row] = (vector[row] - known) / matrix[row][row];
    }
    Some(solution)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A prompt the model is fairly sure is sonnet work (p ≈ 0.05 / 0.89 / 0.07).
    const SURE_SONNET: [f64; 3] = [-1.5, 1.5, -1.0];

    fn examples(chosen: Tier, count: usize) -> Vec<Example> {
        vec![
            Example {
                logits: SURE_SONNET,
                chosen,
                weight: 1.0,
            };
            count
        ]
    }

    fn argmax(values: [f64; 3]) -> usize {
        (0..3)
            .max_by(|left, right| values[*left].total_cmp(&values[*right]))
            .unwrap_or(1)
    }

    #[test]
    fn the_fit_reaches_the_maximum_of_a_concave_objective() {
        let set = [
            examples(Tier::Opus, 4),
            examples(Tier::Haiku, 1),
            vec![Example {
                logits: [0.3, -0.2, 2.0],
                chosen: Tier::Sonnet,
                weight: 0.5,
            }],
        ]
        .concat();
        let lambda = 0.5;
        let bias = fit(&set, lambda);
        let best = objective(&set, lambda, bias);
        // No nearby point is higher: the maximum, not just a stationary guess.
        for axis in 0..3 {
            for delta in [-1e-3, 1e-3] {
                let mut moved = bias;
                moved[axis] += delta;
                assert!(
                    objective(&set, lambda, moved) < best,
                    "{bias:?} {axis} {delta}"
                );
            }
        }
        // Deterministic: the same examples give the same bits.
        assert_eq!(fit(&set, lambda), bias);
        // Softmax ignores a shared constant, so the penalty centres the bias on zero.
        assert!(bias.iter().sum::<f64>().abs() < 1e-6, "{bias:?}");
    }

    #[test]
    fn consistent_overrides_move_the_decision_and_more_of_them_move_it_further() {
        let lambda = 0.5;
        assert_eq!(fit(&[], lambda), [0.0; 3]);
        let mut previous = 0.0;
        for count in 1..=8 {
            let bias = fit(&examples(Tier::Opus, count), lambda);
            let pushed = bias[2] - bias[1];
            assert!(pushed > previous, "{count}: {bias:?}");
            previous = pushed;
        }
        let five = fit(&examples(Tier::Opus, 5), lambda);
        let shifted = softmax(add(SURE_SONNET, five));
        assert_eq!(
            argmax(shifted),
            2,
            "five overrides make opus the likeliest: {shifted:?}"
        );
        let one = fit(&examples(Tier::Opus, 1), lambda);
        assert_eq!(
            argmax(add(SURE_SONNET, one)),
            1,
            "one override alone does not: {one:?}"
        );
        // A stronger prior needs more evidence for the same shift.
        let strong = fit(&examples(Tier::Opus, 5), 4.0);
        assert!(strong[2] - strong[1] < five[2] - five[1]);
    }

    #[test]
    fn overrides_the_other_way_pull_the_bias_back_and_old_ones_weigh_less() {
        let lambda = 0.5;
        let up = fit(&examples(Tier::Opus, 5), lambda);
        let both = fit(
            &[examples(Tier::Opus, 5), examples(Tier::Sonnet, 5)].concat(),
            lambda,
        );
        assert!(both[2] - both[1] < up[2] - up[1], "{up:?} {both:?}");
        let more_back = fit(
            &[examples(Tier::Opus, 5), examples(Tier::Sonnet, 15)].concat(),
            lambda,
        );
        assert_eq!(argmax(add(SURE_SONNET, more_back)), 1, "{more_back:?}");
        let faded: Vec<Example> = examples(Tier::Opus, 5)
            .into_iter()
            .map(|example| Example {
                weight: 0.25,
                ..example
            })
            .collect();
        let old = fit(&faded, lambda);
        assert!(old[2] - old[1] < up[2] - up[1]);
    }

    #[test]
    fn damaged_examples_and_a_bad_lambda_cannot_break_the_fit() {
        let mut set = examples(Tier::Opus, 5);
        set.push(Example {
            logits: [f64::NAN, 0.0, f64::INFINITY],
            chosen: Tier::Haiku,
            weight: 1.0,
        });
        set.push(Example {
            logits: [0.0; 3],
            chosen: Tier::Haiku,
            weight: f64::NAN,
        });
        let clean = fit(&examples(Tier::Opus, 5), 0.5);
        assert_eq!(fit(&set, 0.5), clean);
        for lambda in [0.0, -1.0, f64::NAN] {
            assert!(fit(&set, lambda).iter().all(|value| value.is_finite()));
        }
    }
}
