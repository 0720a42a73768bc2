//! Spend: what routing decisions are estimated to cost and what sessions report they cost, per day, in sled
//! (tree `spend`), against optional daily and weekly limits.

use serde::{Deserialize, Serialize};

use crate::checkpoint_manager::store::{StoreError, StoreResult};

/// Optional spend limits, US dollars.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Budget {
    /// Limit per UTC day.
    pub daily_limit_usd: Option<f64>,
    /// Limit per 7 days (today and the 6 before).
    pub weekly_limit_usd: Option<f64>,
    /// Share of a limit at which the router starts to economize. Default 0.8.
    pub near_share: Option<f64>,
}

/// Spend of one day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct DaySpend {
    /// Sum of routed estimates.
    pub estimated_usd: f64,
    /// Sum of costs reported by sessions (status line, hooks).
    pub actual_usd: f64,
}

impl DaySpend {
    /// The spend that counts against limits: actual when reported, else the estimate, whichever is higher.
    pub fn counted(&self) -> f64 {
        self.estimated_usd.max(self.actual_usd)
    }
}

/// Returns the UTC day number of a time.
pub fn day_of(ms: u64) -> u64 {
    ms / 86_400_000
}

/// Per-day spend in sled.
#[derive(Debug, Clone)]
pub struct SpendLedger {
    tree: sled::Tree,
}

impl SpendLedger {
    /// Opens the `spend` tree of `db`.
    pub fn open(db: &sled::Db) -> StoreResult<SpendLedger> {
        Ok(SpendLedger {
            tree: db.open_tree("spend")?,
        })
    }

    /// Returns a day's spend.
    pub fn day(&self, day: u64) -> StoreResult<DaySpend> {
        match self.tree.get(day.to_be_bytes())? {
            Some(bytes) => rmp_serde::from_slice(&bytes)
                .map_err(|error| StoreError::Corrupt(error.to_string())),
            None => Ok(DaySpend::default()),
        }
    }

    /// Adds to a day's spend.
    pub fn add(&self, day: u64, estimated_usd: f64, actual_usd: f64) -> StoreResult<DaySpend> {
        let mut spend = self.day(day)?;
        spend.estimated_usd += estimated_usd.max(0.0);
        spend.actual_usd += actual_usd.max(0.0);
        self.tree
            .insert(day.to_be_bytes(), rmp_serde::to_vec_named(&spend)?)?;
        Ok(spend)
    }

    /// Returns today's and the last 7 days' counted spend.
    pub fn totals(&self, today: u64) -> StoreResult<(f64, f64)> {
        let mut week = 0.0;
        for day in today.saturating_sub(6)..=today {
            week += self.day(day)?.counted();
        }
        Ok((self.day(today)?.counted(), week))
    }
}

/// Says whether a limit is near, and how near.
pub fn near_limit(budget: &Budget, today_usd: f64, week_usd: f64) -> Option<String> {
    let share = budget.near_share.unwrap_or(0.8);
    let check = |spent: f64, limit_opt: Option<f64>, period: &str| {
        limit_opt
            .filter(|limit| *limit > 0.0 && spent >= limit * share)
            .map(|limit| {
                format!(
                    "{period} spend ${spent:.2} of ${limit:.2} ({:.0}%): preferring cheaper tiers",
                    spent / limit * 100.0
                )
            })
    };
    check(today_usd, budget.daily_limit_usd, "daily")
        .or_else(|| check(week_usd, budget.weekly_limit_usd, "weekly"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spend_adds_up_per_day_and_week_and_limits_warn_when_near() {
        let db = sled::Config::new().temporary(true).open().expect("db");
        let ledger = SpendLedger::open(&db).expect("tree");
        let today = day_of(100 * 86_400_000 + 5);
        ledger.add(today - 7, 50.0, 0.0).expect("adds");
        ledger.add(today - 3, 2.0, 3.0).expect("adds");
        ledger.add(today, 1.5, 0.0).expect("adds");
        ledger.add(today, 0.5, 1.0).expect("adds");
        let (day, week) = ledger.totals(today).expect("totals");
        assert!((day - 2.0).abs() < 1e-9, "{day}");
        assert!(
            (week - 5.0).abs() < 1e-9,
            "{week}: the day 7 days ago is outside the week"
        );

        let budget = Budget {
            daily_limit_usd: Some(2.4),
            weekly_limit_usd: Some(100.0),
            near_share: None,
        };
        assert!(near_limit(&budget, day, week).is_some_and(|note| note.contains("daily")));
        assert!(near_limit(&budget, 1.0, week).is_none());
        assert!(
            near_limit(&Budget::default(), 1e9, 1e9).is_none(),
            "no limits, no note"
        );
    }
}
