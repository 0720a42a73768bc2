//! Learning from the user's overrides, per category (the prompt's task type: design, review, debug, test,
//! refactor, implement, explain, docs, other), on top of the built-in model, which is never retrained.
//!
//! Each override is kept as an example: the model's calibrated logits of the prompt at that moment (three
//! numbers; never the prompt's text), the tier recommended and chosen, when, and why. Per category a bias over
//! the three tiers is fitted to its examples ([`fit`]) and added to the logits of the category's prompts before
//! the decision rule. Everything lives in sled (tree `routing`, keys `pref/<category>`), so it survives
//! restarts; [`OverrideStore::reset`] drops a category's examples and bias. The caller publishes every
//! [`LearningChange`] with its evidence.

pub mod fit;

use serde::{Deserialize, Serialize};

use super::router::Tier;
use crate::checkpoint_manager::store::{StoreError, StoreResult};

/// The categories learning works on: the analyzer's task types (the classifier's one-hot features name
/// them in the same order).
pub const CATEGORIES: [&str; 9] = super::classifier::features::TASK_TYPES;

/// Examples kept per category (the most recent), which bounds the work of a fit and the record's size.
pub const MAX_EXAMPLES: usize = 50;

/// A bias whose components span less than this (in calibrated logits) changes nothing worth reporting.
const MIN_SPREAD: f64 = 0.05;

/// How overrides become a bias (the `[routing.learning]` table).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LearningRules {
    /// Overrides a category needs before its bias applies. Default 5.
    pub min_overrides: u64,
    /// λ, the strength of the prior that the built-in model is right: the larger, the more overrides it
    /// takes to move a decision. Positive; default 0.25.
    pub lambda: f64,
    /// Days after which an override weighs half as much; 0 keeps every override at full weight. Default 30.
    pub half_life_days: f64,
    /// Accepted so that older configs still load, and ignored (the rule it belonged to is gone).
    #[serde(skip_serializing)]
    pub min_share: Option<f64>,
    /// Accepted so that older configs still load, and ignored (the rule it belonged to is gone).
    #[serde(skip_serializing)]
    pub min_agreement: Option<f64>,
}

impl Default for LearningRules {
    fn default() -> Self {
        LearningRules {
            min_overrides: 5,
            lambda: 0.25,
            half_life_days: 30.0,
            min_share: None,
            min_agreement: None,
        }
    }
}

impl LearningRules {
    /// The weight of an override made at `at_ms`, seen at `now_ms`.
    pub fn weight(&self, at_ms: u64, now_ms: u64) -> f64 {
        if !(self.half_life_days.is_finite() && self.half_life_days > 0.0) {
            return 1.0;
        }
        let age_days = now_ms.saturating_sub(at_ms) as f64 / 86_400_000.0;
        0.5f64.powf(age_days / self.half_life_days)
    }
}

/// One recorded override, as an example for the fit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OverrideExample {
    /// The model's calibrated logits of the prompt (haiku, sonnet, opus), without the user's bias.
    pub logits: [f64; 3],
    /// What SHIM recommended.
    pub recommended: Tier,
    /// What the user chose.
    pub chosen: Tier,
    /// When, milliseconds since the Unix epoch.
    pub at_ms: u64,
    /// Why, if said.
    #[serde(default)]
    pub reason: Option<String>,
}

/// The bias learned for a category, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Preference {
    /// Added to the calibrated logits (haiku, sonnet, opus) of the category's prompts.
    pub shift: [f64; 3],
    /// The tier it pushes towards (its largest component).
    pub toward: Tier,
    /// Overrides it was fitted on.
    pub overrides: u64,
    /// When it was fitted, milliseconds since the Unix epoch.
    pub at_ms: u64,
    /// What it rests on, for people: "5 overrides (5 to opus) in 6 prompts; logits haiku -0.62, ...".
    pub evidence: String,
}

/// What is known of one category.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CategoryLearning {
    /// Prompts routed in it.
    pub prompts: u64,
    /// Overrides recorded in it (all time, until reset).
    pub override_count: u64,
    /// The most recent overrides (at most [`MAX_EXAMPLES`]).
    pub examples: Vec<OverrideExample>,
    /// The bias in use, once there are enough overrides.
    #[serde(default)]
    pub preference: Option<Preference>,
}

/// A change of how a category is routed.
#[derive(Debug, Clone, PartialEq)]
pub enum LearningChange {
    /// The category has a bias now, or one towards another tier.
    Adopted(Preference),
    /// Its bias moved but still pushes towards the same tier.
    Updated(Preference),
    /// Its bias was dropped (overrides the other way cancelled it, or the user reset it).
    Reverted {
        /// The tier it pushed towards.
        tier: Tier,
        /// Why.
        reason: String,
    },
}

/// Per-category examples and biases in sled.
#[derive(Debug, Clone)]
pub struct OverrideStore {
    tree: sled::Tree,
}

const PREFIX: &[u8] = b"pref/";
/// Records of the lexicon router (before issue 11): statistics of task type x complexity, no logits.
const LEGACY_PREFIX: &[u8] = b"cat/";

fn key(category: &str) -> Vec<u8> {
    [PREFIX, category.as_bytes()].concat()
}

impl OverrideStore {
    /// Opens the `routing` tree of `db`.
    pub fn open(db: &sled::Db) -> StoreResult<OverrideStore> {
        Ok(OverrideStore {
            tree: db.open_tree("routing")?,
        })
    }

    /// Drops the records of the lexicon router, which hold no logits to learn from; returns the categories
    /// that had adopted a tier, and the tier, so the caller can say they were reverted.
    pub fn drop_legacy(&self) -> StoreResult<Vec<(String, Tier)>> {
        #[derive(Deserialize)]
        struct LegacyAdoption {
            tier: Tier,
        }
        #[derive(Deserialize)]
        struct LegacyStats {
            #[serde(default)]
            adopted: Option<LegacyAdoption>,
        }
        let mut reverted = Vec::new();
        for entry in self.tree.scan_prefix(LEGACY_PREFIX) {
            let (key, bytes) = entry?;
            // A record that does not decode had nothing usable either: it goes too.
            if let Ok(LegacyStats {
                adopted: Some(adoption),
            }) = rmp_serde::from_slice::<LegacyStats>(&bytes)
            {
                let category = String::from_utf8_lossy(&key[LEGACY_PREFIX.len()..]).into_owned();
                reverted.push((category, adoption.tier));
            }
            self.tree.remove(key)?;
        }
        self.tree.flush()?;
        Ok(reverted)
    }

    /// Returns a category's record.
    pub fn get(&self, category: &str) -> StoreResult<CategoryLearning> {
        match self.tree.get(key(category))? {
            Some(bytes) => rmp_serde::from_slice(&bytes)
                .map_err(|error| StoreError::Corrupt(error.to_string())),
            None => Ok(CategoryLearning::default()),
        }
    }

    fn put(&self, category: &str, learning: &CategoryLearning) -> StoreResult<()> {
        self.tree
            .insert(key(category), rmp_serde::to_vec_named(learning)?)?;
        Ok(())
    }

    /// Counts prompts routed per category (not flushed: a lost increment after a crash changes little).
    pub fn count_prompts(&self, category: &str, count: u64) -> StoreResult<()> {
        let mut learning = self.get(category)?;
        learning.prompts += count;
        self.put(category, &learning)
    }

    /// Records an override, refits the category's bias, and writes both durably; returns the record and what
    /// changed.
    pub fn record(
        &self,
        category: &str,
        example: OverrideExample,
        rules: &LearningRules,
        now_ms: u64,
    ) -> StoreResult<(CategoryLearning, Vec<LearningChange>)> {
        let mut learning = self.get(category)?;
        learning.override_count += 1;
        // An override is also a prompt of the category, whether or not it was routed through SHIM.
        learning.prompts = learning.prompts.max(learning.override_count);
        if learning.examples.len() >= MAX_EXAMPLES {
            learning.examples.remove(0);
        }
        learning.examples.push(example);
        let fitted = refit(&learning, rules, now_ms);
        let changes = match (learning.preference.take(), &fitted) {
            (None, None) => Vec::new(),
            (None, Some(new)) => vec![LearningChange::Adopted(new.clone())],
            (Some(old), Some(new)) if old.toward == new.toward => {
                vec![LearningChange::Updated(new.clone())]
            }
            (Some(old), Some(new)) => vec![
                LearningChange::Reverted {
                    tier: old.toward,
                    reason: format!("recent overrides push towards {}", new.toward),
                },
                LearningChange::Adopted(new.clone()),
            ],
            (Some(old), None) => vec![LearningChange::Reverted {
                tier: old.toward,
                reason: "overrides the other way cancelled it".to_owned(),
            }],
        };
        learning.preference = fitted;
        self.put(category, &learning)?;
        self.tree.flush()?;
        Ok((learning, changes))
    }

    /// Drops a category's examples, bias and counts (it starts afresh); returns the bias that was in use. A
    /// record that cannot be read is dropped all the same: forgetting is how a user clears one.
    pub fn reset(&self, category: &str) -> StoreResult<Option<Preference>> {
        let preference_opt = self
            .get(category)
            .ok()
            .and_then(|learning| learning.preference);
        self.put(category, &CategoryLearning::default())?;
        self.tree.flush()?;
        Ok(preference_opt)
    }

    /// Returns every category with a bias in use.
    pub fn preferences(&self) -> StoreResult<Vec<(String, Preference)>> {
        let mut out = Vec::new();
        for entry in self.tree.scan_prefix(PREFIX) {
            let (key, bytes) = entry?;
            // One record that cannot be read costs its category's bias, not the router's start.
            let learning: CategoryLearning = match rmp_serde::from_slice(&bytes) {
                Ok(learning) => learning,
                Err(error) => {
                    tracing::warn!(category = %String::from_utf8_lossy(&key[PREFIX.len()..]), %error, "a category's learning cannot be read; it is left out (`shim-node route --forget <category>` clears it)");
                    continue;
                }
            };
            if let Some(preference) = learning.preference {
                out.push((
                    String::from_utf8_lossy(&key[PREFIX.len()..]).into_owned(),
                    preference,
                ));
            }
        }
        Ok(out)
    }
}

/// Fits a category's bias to its examples; `None` below the rules' minimum or when the bias is negligible.
fn refit(learning: &CategoryLearning, rules: &LearningRules, now_ms: u64) -> Option<Preference> {
    let count = learning.examples.len() as u64;
    if count < rules.min_overrides.max(1) {
        return None;
    }
    let examples: Vec<fit::Example> = learning
        .examples
        .iter()
        .map(|example| fit::Example {
            logits: example.logits,
            chosen: example.chosen,
            weight: rules.weight(example.at_ms, now_ms),
        })
        .collect();
    let shift = fit::fit(&examples, rules.lambda);
    let top = shift.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let bottom = shift.iter().copied().fold(f64::INFINITY, f64::min);
    // NaN cannot come out of the fit (it leaves out non-finite examples); if it did, it is no bias.
    if (top - bottom).is_nan() || top - bottom < MIN_SPREAD {
        return None;
    }
    let toward = Tier::ALL
        .into_iter()
        .find(|tier| shift[*tier as usize] == top)
        .unwrap_or(Tier::Sonnet);
    let mut chosen = [0u64; 3];
    for example in &learning.examples {
        chosen[example.chosen as usize] += 1;
    }
    let choices = Tier::ALL
        .into_iter()
        .filter(|tier| chosen[*tier as usize] > 0)
        .map(|tier| format!("{} to {tier}", chosen[tier as usize]))
        .collect::<Vec<_>>()
        .join(", ");
    Some(Preference {
        shift,
        toward,
        overrides: count,
        at_ms: now_ms,
        evidence: format!(
            "{count} overrides ({choices}) in {} prompts; logits haiku {:+.2}, sonnet {:+.2}, opus {:+.2}",
            learning.prompts, shift[0], shift[1], shift[2]
        ),
    })
}

#[cfg(test)]
mod tests;
