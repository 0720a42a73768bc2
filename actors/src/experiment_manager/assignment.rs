//! Deterministic assignment: where a chat falls in an experiment, from a hash of the two ids, so every node
//! puts a chat in the same variant without asking another, and a chat in the treatment at 10% stays in it
//! at 50% (the treatment's share only grows).

use sha2::{Digest, Sha256};
use shim_protocol::messages::Variant;

/// The chat's place in the experiment, uniform in [0, 1): SHA-256 of the ids, its first 8 bytes as a
/// fraction of 2^64.
pub fn position(experiment_id: &str, chat_id: &str) -> f64 {
    let mut hasher = Sha256::new();
    hasher.update(b"shim-kaizen\0");
    hasher.update(experiment_id.as_bytes());
    hasher.update(b"\0");
    hasher.update(chat_id.as_bytes());
    let digest = hasher.finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    // The top 53 bits, so the fraction is exact and below 1.
    (u64::from_be_bytes(first) >> 11) as f64 / (1u64 << 53) as f64
}

/// The variant of a chat at `position` when the treatment's share is `percent`.
pub fn variant(position: f64, percent: u8) -> Variant {
    if position < f64::from(percent) / 100.0 {
        Variant::Treatment
    } else {
        Variant::Control
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assignment_is_stable_uniform_and_only_grows_the_treatment() {
        assert_eq!(position("exp-1", "chat-1"), position("exp-1", "chat-1"));
        assert_ne!(position("exp-1", "chat-1"), position("exp-2", "chat-1"));
        let positions: Vec<f64> = (0..20_000)
            .map(|n| position("exp-x", &format!("chat-{n}")))
            .collect();
        let at = |percent| {
            positions
                .iter()
                .filter(|&&p| variant(p, percent) == Variant::Treatment)
                .count()
        };
        // Binomial(20,000, p): 4 standard deviations is about 170 at 10% and 280 at 50%.
        assert!((at(10) as i64 - 2_000).abs() < 170, "{}", at(10));
        assert!((at(50) as i64 - 10_000).abs() < 280, "{}", at(50));
        assert_eq!(at(100), positions.len());
        assert_eq!(at(0), 0);
        for &p in &positions {
            if variant(p, 10) == Variant::Treatment {
                assert_eq!(variant(p, 50), Variant::Treatment);
            }
        }
    }
}
