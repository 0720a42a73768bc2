//! Limited-memory BFGS with a backtracking (Armijo) line search, for smooth convex objectives. Deterministic:
//! no randomness, fixed summation order.

/// Pairs of steps kept.
const MEMORY: usize = 10;

fn dot(left: &[f64], right: &[f64]) -> f64 {
    left.iter().zip(right).map(|(a, b)| a * b).sum()
}

/// Minimises `objective` (which returns the value and writes the gradient) from `start`.
pub(super) fn minimize(
    mut objective: impl FnMut(&[f64], &mut [f64]) -> f64,
    start: Vec<f64>,
    max_iterations: usize,
) -> Vec<f64> {
    let dimensions = start.len();
    let mut point = start;
    let mut gradient = vec![0.0; dimensions];
    let mut value = objective(&point, &mut gradient);
    let mut steps: Vec<(Vec<f64>, Vec<f64>, f64)> = Vec::with_capacity(MEMORY);
    let mut direction = vec![0.0; dimensions];
    let mut candidate = vec![0.0; dimensions];
    let mut candidate_gradient = vec![0.0; dimensions];
    for iteration in 0..max_iterations {
        let norm = dot(&gradient, &gradient).sqrt();
        if norm < 1e-6 {
            break;
        }
        // Two-loop recursion: direction = -H * gradient.
        direction.copy_from_slice(&gradient);
        let mut alphas = Vec::with_capacity(steps.len());
        for (step, change, rho) in steps.iter().rev() {
            let alpha = rho * dot(step, &direction);
            for (value, delta) in direction.iter_mut().zip(change) {
                *value -= alpha * delta;
            }
            alphas.push(alpha);
        }
        if let Some((step, change, _)) = steps.last() {
            let scale = dot(step, change) / dot(change, change).max(1e-300);
            direction.iter_mut().for_each(|value| *value *= scale);
        } else {
            direction.iter_mut().for_each(|value| *value /= norm);
        }
        for ((step, change, rho), alpha) in steps.iter().zip(alphas.iter().rev()) {
            let beta = rho * dot(change, &direction);
            for (value, delta) in direction.iter_mut().zip(step) {
                *value += (alpha - beta) * delta;
            }
        }
        direction.iter_mut().for_each(|value| *value = -*value);
        let mut slope = dot(&gradient, &direction);
        if slope >= 0.0 {
            // Not a descent direction: restart from steepest descent.
            steps.clear();
            for (value, slope_part) in direction.iter_mut().zip(&gradient) {
                *value = -slope_part / norm;
            }
            slope = -norm;
        }
        let mut length = 1.0;
        let mut accepted = false;
        for _ in 0..40 {
            for index in 0..dimensions {
                candidate[index] = point[index] + length * direction[index];
            }
            let candidate_value = objective(&candidate, &mut candidate_gradient);
            if candidate_value <= value + 1e-4 * length * slope {
                let step: Vec<f64> = candidate.iter().zip(&point).map(|(a, b)| a - b).collect();
                let change: Vec<f64> = candidate_gradient
                    .iter()
                    .zip(&gradient)
                    .map(|(a, b)| a - b)
                    .collect();
                let curvature = dot(&step, &change);
                if curvature > 1e-12 {
                    if steps.len() == MEMORY {
                        steps.remove(0);
                    }
                    steps.push((step, change, 1.0 / curvature));
                }
                let improvement = value - candidate_value;
                std::mem::swap(&mut point, &mut candidate);
                std::mem::swap(&mut gradient, &mut candidate_gradient);
                value = candidate_value;
                accepted = true;
                if iteration > 0 && improvement < 1e-10 * value.abs().max(1e-10) {
                    return point;
                }
                break;
            }
            length *= 0.5;
        }
        if !accepted {
            break;
        }
    }
    point
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_finds_the_minimum_of_a_quadratic() {
        // f(x, y) = (x - 3)^2 + 10 (y + 1)^2
        let found = minimize(
            |point, gradient| {
                gradient[0] = 2.0 * (point[0] - 3.0);
                gradient[1] = 20.0 * (point[1] + 1.0);
                (point[0] - 3.0).powi(2) + 10.0 * (point[1] + 1.0).powi(2)
            },
            vec![0.0, 0.0],
            100,
        );
        assert!(
            (found[0] - 3.0).abs() < 1e-4 && (found[1] + 1.0).abs() < 1e-4,
            "{found:?}"
        );
    }
}
