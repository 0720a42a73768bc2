//! Learning from the user's overrides, per category (task type x complexity), persisted in sled (tree
//! `routing`). A category adopts the user's preferred tier once its overrides form a consistent pattern,
//! never below the minimum tier, and can be reverted; the caller publishes every change with its evidence.

use serde::{Deserialize, Serialize};

use super::router::Tier;
use crate::checkpoint_manager::store::{StoreError, StoreResult};

/// When a pattern counts as consistent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LearningRules {
    /// Fewest overrides in a category. Default 5.
    pub min_overrides: u64,
    /// Smallest share of the category's prompts that were overridden. Default 0.4.
    pub min_share: f64,
    /// Smallest share of those overrides that chose the same tier. Default 0.6.
    pub min_agreement: f64,
}

impl Default for LearningRules {
    fn default() -> Self {
        LearningRules {
            min_overrides: 5,
            min_share: 0.4,
            min_agreement: 0.6,
        }
    }
}

/// One recorded override.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OverrideRecord {
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

/// A tier adopted for a category, with the evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Adoption {
    /// The tier.
    pub tier: Tier,
    /// When, milliseconds since the Unix epoch.
    pub at_ms: u64,
    /// Overrides, prompts and agreement at that moment.
    pub evidence: String,
}

/// What is known of one category.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CategoryStats {
    /// Prompts routed in it.
    pub prompts: u64,
    /// Overrides recorded in it (all time).
    pub override_count: u64,
    /// The most recent overrides (at most 50).
    pub recent: Vec<OverrideRecord>,
    /// The tier adopted, if any.
    #[serde(default)]
    pub adopted: Option<Adoption>,
}

/// A change of what a category uses.
#[derive(Debug, Clone, PartialEq)]
pub enum LearningChange {
    /// A tier was adopted.
    Adopted(Adoption),
    /// An adoption was dropped (the user's recent overrides no longer agree with it, or it was reset).
    Reverted {
        /// The tier that was in use.
        tier: Tier,
        /// Why.
        reason: String,
    },
}

/// Per-category override statistics in sled.
#[derive(Debug, Clone)]
pub struct OverrideStore {
    tree: sled::Tree,
}

fn key(category: &str) -> Vec<u8> {
    format!("cat/{category}").into_bytes()
}

impl OverrideStore {
    /// Opens the `routing` tree of `db`.
    pub fn open(db: &sled::Db) -> StoreResult<OverrideStore> {
        Ok(OverrideStore {
            tree: db.open_tree("routing")?,
        })
    }

    /// Returns a category's statistics.
    pub fn get(&self, category: &str) -> StoreResult<CategoryStats> {
        match self.tree.get(key(category))? {
            Some(bytes) => rmp_serde::from_slice(&bytes)
                .map_err(|error| StoreError::Corrupt(error.to_string())),
            None => Ok(CategoryStats::default()),
        }
    }

    fn put(&self, category: &str, stats: &CategoryStats) -> StoreResult<()> {
        self.tree
            .insert(key(category), rmp_serde::to_vec_named(stats)?)?;
        Ok(())
    }

    /// Returns the tier adopted for a category.
    pub fn adopted(&self, category: &str) -> StoreResult<Option<Tier>> {
        Ok(self.get(category)?.adopted.map(|adoption| adoption.tier))
    }

    /// Counts prompts routed per category (not flushed: a lost increment after a crash changes little).
    pub fn count_prompts(&self, category: &str, count: u64) -> StoreResult<()> {
        let mut stats = self.get(category)?;
        stats.prompts += count;
        self.put(category, &stats)
    }

    /// Records an override and applies the rules; returns the stats and any change, written durably.
    pub fn record(
        &self,
        category: &str,
        record: OverrideRecord,
        rules: &LearningRules,
        min_tier: Tier,
    ) -> StoreResult<(CategoryStats, Option<LearningChange>)> {
        let mut stats = self.get(category)?;
        stats.override_count += 1;
        // An override is also a prompt of the category, whether or not it was routed through SHIM.
        stats.prompts = stats.prompts.max(stats.override_count);
        if stats.recent.len() >= 50 {
            stats.recent.remove(0);
        }
        let at_ms = record.at_ms;
        stats.recent.push(record);
        let change = decide(&mut stats, rules, min_tier, at_ms);
        self.put(category, &stats)?;
        self.tree.flush()?;
        Ok((stats, change))
    }

    /// Drops a category's adoption and its overrides; returns the tier that was in use.
    pub fn reset(&self, category: &str) -> StoreResult<Option<Tier>> {
        let mut stats = self.get(category)?;
        let tier_opt = stats.adopted.take().map(|adoption| adoption.tier);
        stats.recent.clear();
        stats.override_count = 0;
        self.put(category, &stats)?;
        self.tree.flush()?;
        Ok(tier_opt)
    }

    /// Returns every category with an adoption.
    pub fn adoptions(&self) -> StoreResult<Vec<(String, Adoption)>> {
        let mut out = Vec::new();
        for entry in self.tree.scan_prefix(b"cat/") {
            let (key, bytes) = entry?;
            let stats: CategoryStats = rmp_serde::from_slice(&bytes)
                .map_err(|error| StoreError::Corrupt(error.to_string()))?;
            if let Some(adoption) = stats.adopted {
                out.push((String::from_utf8_lossy(&key[4..]).into_owned(), adoption));
            }
        }
        Ok(out)
    }
}

/// Applies the rules to a category after an override.
fn decide(
    stats: &mut CategoryStats,
    rules: &LearningRules,
    min_tier: Tier,
    at_ms: u64,
) -> Option<LearningChange> {
    let recent = &stats.recent;
    let mut counts = [0u64; 3];
    for record in recent {
        counts[record.chosen as usize] += 1;
    }
    let (top_index, top_count) = counts
        .iter()
        .enumerate()
        .max_by_key(|(_, count)| **count)
        .map(|(index, count)| (index, *count))
        .unwrap_or((1, 0));
    let preferred = Tier::ALL[top_index].max(min_tier);
    let agreement = top_count as f64 / recent.len().max(1) as f64;
    let share = stats.override_count as f64 / stats.prompts.max(1) as f64;
    let consistent = stats.override_count >= rules.min_overrides
        && share >= rules.min_share
        && agreement >= rules.min_agreement;
    match &stats.adopted {
        None if consistent => {
            let adoption = Adoption {
                tier: preferred,
                at_ms,
                evidence: format!(
                    "{} overrides in {} prompts ({:.0}%), {:.0}% of them chose {}",
                    stats.override_count,
                    stats.prompts,
                    share * 100.0,
                    agreement * 100.0,
                    Tier::ALL[top_index]
                ),
            };
            stats.adopted = Some(adoption.clone());
            Some(LearningChange::Adopted(adoption))
        }
        Some(adoption)
            if adoption.tier != preferred
                && agreement >= rules.min_agreement
                && top_count >= rules.min_overrides =>
        {
            // The user has moved on: the recent overrides agree on another tier.
            let tier = adoption.tier;
            stats.adopted = None;
            Some(LearningChange::Reverted {
                tier,
                reason: format!("recent overrides prefer {preferred}"),
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> OverrideStore {
        let db = sled::Config::new().temporary(true).open().expect("db");
        OverrideStore::open(&db).expect("tree")
    }

    fn record(chosen: Tier) -> OverrideRecord {
        OverrideRecord {
            recommended: Tier::Sonnet,
            chosen,
            at_ms: 1,
            reason: None,
        }
    }

    #[test]
    fn a_consistent_pattern_is_adopted_only_past_both_thresholds() {
        let store = store();
        let rules = LearningRules::default();
        store.count_prompts("debug/medium", 10).expect("count");
        for index in 1..=4 {
            let (_, change) = store
                .record("debug/medium", record(Tier::Opus), &rules, Tier::Haiku)
                .expect("records");
            assert_eq!(change, None, "override {index} of 5 is not enough");
        }
        let (stats, change) = store
            .record("debug/medium", record(Tier::Opus), &rules, Tier::Haiku)
            .expect("records");
        let Some(LearningChange::Adopted(adoption)) = change else {
            panic!("expected an adoption, got {change:?}");
        };
        assert_eq!(adoption.tier, Tier::Opus);
        assert!(
            adoption
                .evidence
                .contains("5 overrides in 10 prompts (50%)"),
            "{}",
            adoption.evidence
        );
        assert_eq!(
            stats.adopted.map(|adoption| adoption.tier),
            Some(Tier::Opus)
        );
        assert_eq!(
            store.adopted("debug/medium").expect("adopted"),
            Some(Tier::Opus)
        );
    }

    #[test]
    fn a_small_share_or_scattered_choices_are_not_a_pattern() {
        let store = store();
        let rules = LearningRules::default();
        store.count_prompts("explain/simple", 100).expect("count");
        for _ in 0..10 {
            let (_, change) = store
                .record("explain/simple", record(Tier::Sonnet), &rules, Tier::Haiku)
                .expect("records");
            assert_eq!(change, None, "10% of prompts is below the 40% share");
        }
        let scattered =
            OverrideStore::open(&sled::Config::new().temporary(true).open().expect("db"))
                .expect("tree");
        for tier in [
            Tier::Haiku,
            Tier::Opus,
            Tier::Sonnet,
            Tier::Haiku,
            Tier::Opus,
            Tier::Sonnet,
        ] {
            let (_, change) = scattered
                .record("test/medium", record(tier), &rules, Tier::Haiku)
                .expect("records");
            assert_eq!(change, None, "no tier has 60% of the overrides");
        }
    }

    #[test]
    fn adoption_respects_the_minimum_tier_and_can_be_reset() {
        let store = store();
        let rules = LearningRules::default();
        let mut last = None;
        for _ in 0..5 {
            last = store
                .record("docs/simple", record(Tier::Haiku), &rules, Tier::Sonnet)
                .expect("records")
                .1;
        }
        assert!(
            matches!(
                last,
                Some(LearningChange::Adopted(Adoption {
                    tier: Tier::Sonnet,
                    ..
                }))
            ),
            "{last:?}"
        );
        assert_eq!(store.adoptions().expect("list").len(), 1);
        assert_eq!(
            store.reset("docs/simple").expect("reset"),
            Some(Tier::Sonnet)
        );
        assert_eq!(store.adopted("docs/simple").expect("adopted"), None);
    }
}
