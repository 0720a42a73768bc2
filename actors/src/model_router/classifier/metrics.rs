//! Measures of a classifier: confusion matrices, exact / under / over shares, expected calibration error,
//! Cohen's kappa and log loss.

use super::super::router::Tier;

/// Counts by label (rows) and routed tier (columns), haiku first.
pub type Confusion = [[usize; 3]; 3];

/// The confusion matrix of `labels` against `routed`.
pub fn confusion(labels: &[Tier], routed: &[Tier]) -> Confusion {
    let mut matrix = [[0usize; 3]; 3];
    for (label, routed) in labels.iter().zip(routed) {
        matrix[*label as usize][*routed as usize] += 1;
    }
    matrix
}

/// Shares routed exactly, under (weaker than the label) and over.
pub fn shares(matrix: &Confusion) -> (f64, f64, f64) {
    let total: usize = matrix.iter().flatten().sum();
    let (mut exact, mut under, mut over) = (0, 0, 0);
    for (label, row) in matrix.iter().enumerate() {
        for (routed, count) in row.iter().enumerate() {
            match routed.cmp(&label) {
                std::cmp::Ordering::Equal => exact += count,
                std::cmp::Ordering::Less => under += count,
                std::cmp::Ordering::Greater => over += count,
            }
        }
    }
    let total = total.max(1) as f64;
    (
        exact as f64 / total,
        under as f64 / total,
        over as f64 / total,
    )
}

/// Expected calibration error over `bins` equal-width bins of the top probability: the mean over prompts of
/// |accuracy - confidence| of their bin, weighted by the bin's size.
pub fn ece(probabilities: &[[f64; 3]], labels: &[Tier], bins: usize) -> f64 {
    let bins = bins.max(1);
    let mut count = vec![0usize; bins];
    let mut correct = vec![0usize; bins];
    let mut confidence = vec![0.0f64; bins];
    for (probability, label) in probabilities.iter().zip(labels) {
        let (top, value) =
            probability
                .iter()
                .enumerate()
                .fold((0, f64::NEG_INFINITY), |best, (index, value)| {
                    if *value > best.1 {
                        (index, *value)
                    } else {
                        best
                    }
                });
        let bin = ((value * bins as f64) as usize).min(bins - 1);
        count[bin] += 1;
        correct[bin] += usize::from(top == *label as usize);
        confidence[bin] += value;
    }
    let total = labels.len().max(1) as f64;
    (0..bins)
        .filter(|bin| count[*bin] > 0)
        .map(|bin| {
            let size = count[bin] as f64;
            (correct[bin] as f64 / size - confidence[bin] / size).abs() * size / total
        })
        .sum()
}

/// Cohen's kappa of two labellings of the same items: (observed - expected agreement) / (1 - expected).
pub fn kappa(first: &[Tier], second: &[Tier]) -> f64 {
    let matrix = confusion(first, second);
    let total: usize = matrix.iter().flatten().sum();
    if total == 0 {
        return 0.0;
    }
    let total = total as f64;
    let observed = (0..3).map(|index| matrix[index][index]).sum::<usize>() as f64 / total;
    let expected: f64 = (0..3)
        .map(|index| {
            let row: usize = matrix[index].iter().sum();
            let column: usize = matrix.iter().map(|row| row[index]).sum();
            row as f64 * column as f64 / (total * total)
        })
        .sum();
    if expected >= 1.0 {
        return 1.0;
    }
    (observed - expected) / (1.0 - expected)
}

/// Mean negative log-likelihood of the labels.
pub fn log_loss(probabilities: &[[f64; 3]], labels: &[Tier]) -> f64 {
    let total: f64 = probabilities
        .iter()
        .zip(labels)
        .map(|(probability, label)| -probability[*label as usize].max(1e-15).ln())
        .sum();
    total / labels.len().max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use Tier::{Haiku, Opus, Sonnet};

    #[test]
    fn kappa_matches_a_hand_computed_case() {
        // 10 items: agreement on 7. Row totals (first) 4 haiku, 3 sonnet, 3 opus; columns (second) 3, 4, 3.
        let first = [
            Haiku, Haiku, Haiku, Haiku, Sonnet, Sonnet, Sonnet, Opus, Opus, Opus,
        ];
        let second = [
            Haiku, Haiku, Haiku, Sonnet, Sonnet, Sonnet, Opus, Opus, Opus, Sonnet,
        ];
        // observed 0.7; expected (4*3 + 3*4 + 3*3) / 100 = 0.33; kappa = 0.37 / 0.67.
        assert!((kappa(&first, &second) - 0.37 / 0.67).abs() < 1e-12);
        assert_eq!(kappa(&first, &first), 1.0);
    }

    #[test]
    fn confusion_shares_and_ece_match_hand_computed_cases() {
        let labels = [Haiku, Sonnet, Opus, Opus];
        let routed = [Sonnet, Sonnet, Sonnet, Opus];
        let matrix = confusion(&labels, &routed);
        assert_eq!(matrix, [[0, 1, 0], [0, 1, 0], [0, 1, 1]]);
        assert_eq!(shares(&matrix), (0.5, 0.25, 0.25));
        // Two prompts at 0.9 confidence, one right: bin 9 has accuracy 0.5, confidence 0.9. Two at 0.55, both
        // right: bin 5 has accuracy 1, confidence 0.55. ECE = 0.5 * 0.4 + 0.5 * 0.45.
        let probabilities = [
            [0.9, 0.05, 0.05],
            [0.9, 0.05, 0.05],
            [0.2, 0.55, 0.25],
            [0.2, 0.25, 0.55],
        ];
        let labels = [Haiku, Sonnet, Sonnet, Opus];
        assert!((ece(&probabilities, &labels, 10) - (0.5 * 0.4 + 0.5 * 0.45)).abs() < 1e-12);
        assert!((log_loss(&[[0.5, 0.25, 0.25]], &[Haiku]) - 2f64.ln()).abs() < 1e-12);
    }
}
