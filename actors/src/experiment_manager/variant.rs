//! Variants that change several parameters at once: the check of warning below danger on every combination
//! of values a chat can run with, and the per-chat cap on automatic changes (docs/kaizen.md, "Changes across
//! components").
//!
//! **Combinations.** A chat runs with the values in force, changed by the treatment of each experiment it is
//! in. A variant is judged with every value it sets applied at once, together with every subset of the
//! other open experiments' treatments (a chat may be in any of them): one warning threshold at or above its
//! danger threshold in any of these refuses it. No two open experiments share a parameter, and only the
//! thresholds of `check_order` matter, so at most six experiments take part: 64 combinations at most.
//!
//! **The per-chat cap.** Experiments are taken in the order they started. A chat keeps count of the
//! parameters the treatments of the automatically started experiments it is in change; when the next such
//! experiment's parameters would take it past the cap, it is placed in the control and *capped*: it runs with
//! the values in force and is left out of that experiment's statistics (neither exposed nor observed). Whether
//! a chat is capped in an experiment depends only on its variants in the experiments that started before, never
//! on its own hash in this one, so the chats counted in each experiment are still split by the hash alone and
//! the comparison stays fair; what the experiment measures is its effect on the chats not already carrying the
//! cap's worth of earlier changes. Experiments a person approved neither count nor are capped.

use shim_protocol::messages::Variant;

use super::catalogue;
use crate::RiskThresholds;

/// Most other experiments whose treatments are combined (a bound, not a setting: see the module docs).
const MAX_COMBINED: usize = 8;

/// Checks that `variant`'s values, applied to `in_force` at once and together with every subset of
/// `others` (each an open experiment's treatment), keep each warning threshold below its danger threshold.
/// The error names the pair and, when another experiment takes part, says so.
pub fn check_combinations(
    in_force: &RiskThresholds,
    variant: &[(String, f64)],
    others: &[(String, Vec<(String, f64)>)],
) -> Result<(), String> {
    let mut with_variant = in_force.clone();
    for (name, value) in variant {
        catalogue::write(&mut with_variant, name, *value);
    }
    for (thresholds, names) in subsets(in_force, &with_variant, others) {
        catalogue::check_order(&thresholds).map_err(|reason| with_whom(reason, &names))?;
    }
    Ok(())
}

/// A pair of thresholds a variant puts out of order, and the other treatments a chat would be in for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Blame {
    /// The pair out of order.
    pub pair: catalogue::OutOfOrder,
    /// The ids of the other experiments whose treatments take part; empty when the variant does it alone.
    pub with: Vec<String>,
}

impl std::fmt::Display for Blame {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.with.iter().map(String::as_str).collect();
        f.write_str(&with_whom(self.pair.to_string(), &names))
    }
}

/// Whether `variant` itself puts a warning threshold at or above its danger: for some subset of `others` (the
/// running treatments), a pair out of order with the variant applied that is not out of order without it.
/// Pairs already out of order (a setting at odds with a shipped value, another treatment's own) are not its
/// doing. Said as [`check_combinations`] says it.
pub fn blame(
    in_force: &RiskThresholds,
    variant: &[(String, f64)],
    others: &[(String, Vec<(String, f64)>)],
) -> Option<Blame> {
    subsets(in_force, in_force, others)
        .into_iter()
        .find_map(|(without, names)| {
            let mut with = without.clone();
            for (name, value) in variant {
                catalogue::write(&mut with, name, *value);
            }
            let before = catalogue::out_of_order(&without);
            catalogue::out_of_order(&with)
                .into_iter()
                .find(|pair| !before.contains(pair))
                .map(|pair| Blame {
                    pair,
                    with: names.iter().map(|name| (*name).to_owned()).collect(),
                })
        })
}

/// `base` with the treatments of every subset of `others` applied, the empty subset first, each with the ids of
/// its experiments. Only the experiments that set a threshold of `in_force` can break the order; at most
/// [`MAX_COMBINED`] of them take part.
fn subsets<'a>(
    in_force: &RiskThresholds,
    base: &RiskThresholds,
    others: &'a [(String, Vec<(String, f64)>)],
) -> Vec<(RiskThresholds, Vec<&'a str>)> {
    let relevant: Vec<&(String, Vec<(String, f64)>)> = others
        .iter()
        .filter(|(_, values)| {
            values.iter().any(|(name, _)| {
                catalogue::read(in_force, name).is_some() && !catalogue::is_routing(name)
            })
        })
        .take(MAX_COMBINED)
        .collect();
    (0u32..(1 << relevant.len()))
        .map(|mask| {
            let mut thresholds = base.clone();
            let mut names = Vec::new();
            for (index, (id, values)) in relevant.iter().enumerate() {
                if mask & (1 << index) != 0 {
                    names.push(id.as_str());
                    for (name, value) in values {
                        catalogue::write(&mut thresholds, name, *value);
                    }
                }
            }
            (thresholds, names)
        })
        .collect()
}

/// `reason`, saying which other treatments a chat would also be in, if any.
fn with_whom(reason: String, names: &[&str]) -> String {
    if names.is_empty() {
        reason
    } else {
        format!(
            "{reason} for a chat also in the treatment of {}",
            names.join(" and ")
        )
    }
}

/// Where the per-chat cap places a chat in one experiment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    /// The chat's variant.
    pub variant: Variant,
    /// True when the cap put it in the control: left out of the experiment's statistics.
    pub capped: bool,
}

/// Places a chat in an experiment that changes `changes` parameters: `hashed` is its variant by the hash,
/// `automatic` whether the loop started the experiment by itself, and `changed_so_far` the parameters the
/// treatments of the automatic experiments that started before already change for the chat.
pub fn place(
    hashed: Variant,
    automatic: bool,
    changes: usize,
    changed_so_far: usize,
    cap: u32,
) -> Placement {
    if automatic && changed_so_far + changes > cap as usize {
        Placement {
            variant: Variant::Control,
            capped: true,
        }
    } else {
        Placement {
            variant: hashed,
            capped: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiment_manager::assignment::{position, variant};

    fn values(pairs: &[(&str, f64)]) -> Vec<(String, f64)> {
        pairs
            .iter()
            .map(|(name, value)| ((*name).to_owned(), *value))
            .collect()
    }

    #[test]
    fn a_variant_is_blamed_only_for_pairs_it_puts_out_of_order() {
        let base = RiskThresholds::default();
        let warning = values(&[("risk.context_warning", 0.8)]);
        let own = blame(&base, &warning, &[]).expect("0.8 is not below 0.75");
        assert_eq!(own.pair.warning, "risk.context_warning");
        assert_eq!(own.pair.warning_value, 0.8);
        assert!(own.with.is_empty());
        assert!(own.pair.involves("risk.context_danger"));
        assert!(
            !own.pair.involves("risk.context"),
            "a part of a name is not the name"
        );
        // A pair already out of order (another threshold's own) is not its doing; its own pair still is.
        let mut at_odds = base.clone();
        at_odds.messages_warning = 100;
        assert!(blame(&at_odds, &values(&[("risk.context_danger", 0.7)]), &[]).is_none());
        assert!(blame(&at_odds, &warning, &[]).is_some());
        // Two treatments each out of order on their own: each is blamed for its own pair.
        let others = vec![(
            "exp-1".to_owned(),
            values(&[("risk.calls_since_checkpoint_warning", 30.0)]),
        )];
        let mut low = base.clone();
        low.calls_since_checkpoint_danger = 20;
        assert!(blame(&low, &warning, &others).is_some());
        // Out of order only with another treatment: said so.
        let split = blame(
            &base,
            &values(&[("risk.context_danger", 0.65)]),
            &[("exp-2".to_owned(), values(&[("risk.context_warning", 0.7)]))],
        )
        .expect("a chat in both");
        assert_eq!(split.with, ["exp-2"]);
        assert!(
            split
                .to_string()
                .ends_with("also in the treatment of exp-2"),
            "{split}"
        );
    }

    #[test]
    fn warning_below_danger_is_checked_on_the_whole_variant_and_with_other_treatments() {
        let base = RiskThresholds::default();
        // Each value alone keeps the order (0.7 < 0.75 and 0.6 < 0.65), the two together do not.
        assert!(check_combinations(&base, &values(&[("risk.context_warning", 0.7)]), &[]).is_ok());
        assert!(check_combinations(&base, &values(&[("risk.context_danger", 0.65)]), &[]).is_ok());
        let both = check_combinations(
            &base,
            &values(&[("risk.context_warning", 0.7), ("risk.context_danger", 0.65)]),
            &[],
        )
        .expect_err("0.7 is not below 0.65");
        assert!(both.contains("risk.context_warning = 0.7"), "{both}");
        // The same pair split over two experiments: a chat in both treatments would break it.
        let others = vec![("exp-1".to_owned(), values(&[("risk.context_warning", 0.7)]))];
        let split = check_combinations(&base, &values(&[("risk.context_danger", 0.65)]), &others)
            .expect_err("a chat in both");
        assert!(split.contains("also in the treatment of exp-1"), "{split}");
        // A routing experiment beside it changes no threshold.
        let routing = vec![("exp-2".to_owned(), values(&[("routing.lean", 0.5)]))];
        assert!(
            check_combinations(&base, &values(&[("risk.context_danger", 0.7)]), &routing).is_ok()
        );
    }

    /// Three automatic experiments of 2, 1 and 1 parameters under a cap of 2, over many chats: no chat runs
    /// with more than 2 changed, and in each experiment the chats counted split by the hash alone (the cap
    /// never looks at the chat's position in the experiment it caps).
    #[test]
    fn the_cap_holds_for_every_chat_and_leaves_the_counted_split_fair() {
        let experiments = [("exp-a", 2usize), ("exp-b", 1), ("exp-c", 1)];
        let cap = 2;
        let chats = 20_000;
        let mut counted = [[0u64; 2]; 3];
        let mut capped = [0u64; 3];
        for chat in 0..chats {
            let chat_id = format!("chat-{chat}");
            let mut changed = 0;
            for (index, (id, changes)) in experiments.iter().enumerate() {
                let hashed = variant(position(id, &chat_id), 50);
                let placement = place(hashed, true, *changes, changed, cap);
                if placement.capped {
                    capped[index] += 1;
                    assert_eq!(placement.variant, Variant::Control);
                    continue;
                }
                assert_eq!(placement.variant, hashed);
                match placement.variant {
                    Variant::Control => counted[index][0] += 1,
                    Variant::Treatment => {
                        counted[index][1] += 1;
                        changed += changes;
                    }
                }
            }
            assert!(
                changed <= cap as usize,
                "{chat_id} runs with {changed} changed"
            );
        }
        // Nobody is capped in the first; in the second, the half treated by the first (2 parameters).
        assert_eq!(capped[0], 0);
        assert!((capped[1] as i64 - 10_000).abs() < 400, "{capped:?}");
        for (index, [control, treatment]) in counted.iter().enumerate() {
            let total = (control + treatment) as f64;
            // 50/50 among the counted: within 4 standard deviations.
            let sd = (total * 0.25).sqrt();
            assert!(
                ((*treatment as f64) - total / 2.0).abs() < 4.0 * sd,
                "experiment {index}: {control}/{treatment}"
            );
        }
        // An approved experiment is neither capped nor counted.
        let placement = place(Variant::Treatment, false, 3, 2, cap);
        assert_eq!(
            placement,
            Placement {
                variant: Variant::Treatment,
                capped: false
            }
        );
    }
}
