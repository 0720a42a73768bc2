//! The parameter store: the risk thresholds in force, persisted in sled with every earlier version kept,
//! so that a change (by hand now, by the tuning loop later) can be audited and rolled back.
//!
//! Tree `params`: `risk/current` → the current [`ParameterVersion`]; `risk/v/<version: u64 BE>` → each
//! version ever set.

use serde::{Deserialize, Serialize};

use super::risk::RiskThresholds;
use crate::checkpoint_manager::store::{StoreError, StoreResult};

const CURRENT: &[u8] = b"risk/current";

/// One version of the thresholds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParameterVersion {
    /// 1 for the first version set, then counting up; 0 for the built-in defaults.
    pub version: u64,
    /// When it was set, milliseconds since the Unix epoch.
    pub set_at_ms: u64,
    /// Who or what set it and why.
    pub reason: String,
    /// The thresholds.
    pub thresholds: RiskThresholds,
}

/// Versioned risk thresholds in sled.
#[derive(Debug, Clone)]
pub struct ParameterStore {
    tree: sled::Tree,
}

fn version_key(version: u64) -> Vec<u8> {
    let mut key = b"risk/v/".to_vec();
    key.extend_from_slice(&version.to_be_bytes());
    key
}

fn decode(bytes: &[u8]) -> StoreResult<ParameterVersion> {
    rmp_serde::from_slice(bytes).map_err(|error| StoreError::Corrupt(error.to_string()))
}

impl ParameterStore {
    /// Opens the `params` tree of `db`.
    pub fn open(db: &sled::Db) -> StoreResult<ParameterStore> {
        Ok(ParameterStore {
            tree: db.open_tree("params")?,
        })
    }

    /// Returns the thresholds in force: the latest version set, or the defaults as version 0.
    pub fn current(&self) -> StoreResult<ParameterVersion> {
        match self.tree.get(CURRENT)? {
            Some(bytes) => decode(&bytes),
            None => Ok(ParameterVersion {
                version: 0,
                set_at_ms: 0,
                reason: "built-in defaults".to_owned(),
                thresholds: RiskThresholds::default(),
            }),
        }
    }

    /// Sets new thresholds as the next version, durably; returns it. Setting the thresholds already in
    /// force changes nothing and returns the current version.
    pub fn set(
        &self,
        thresholds: RiskThresholds,
        reason: &str,
        now_ms: u64,
    ) -> StoreResult<ParameterVersion> {
        let current = self.current()?;
        if current.thresholds == thresholds {
            return Ok(current);
        }
        let next = ParameterVersion {
            version: current.version + 1,
            set_at_ms: now_ms,
            reason: reason.to_owned(),
            thresholds,
        };
        let bytes = rmp_serde::to_vec_named(&next)?;
        self.tree.insert(version_key(next.version), bytes.clone())?;
        self.tree.insert(CURRENT, bytes)?;
        self.tree.flush()?;
        Ok(next)
    }

    /// Returns every version ever set, oldest first.
    pub fn history(&self) -> StoreResult<Vec<ParameterVersion>> {
        self.tree
            .scan_prefix(b"risk/v/")
            .values()
            .map(|bytes| decode(&bytes?))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_persisted_numbered_and_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        {
            let db = crate::checkpoint_manager::store::open_db(dir.path()).expect("opens");
            let params = ParameterStore::open(&db).expect("tree");
            assert_eq!(params.current().expect("current").version, 0);
            let tighter = RiskThresholds {
                messages_warning: 20,
                ..RiskThresholds::default()
            };
            assert_eq!(
                params
                    .set(tighter.clone(), "tighter", 10)
                    .expect("set")
                    .version,
                1
            );
            assert_eq!(
                params.set(tighter, "again", 11).expect("set").version,
                1,
                "no-op"
            );
            params
                .set(RiskThresholds::default(), "back", 12)
                .expect("set");
        }
        let db = crate::checkpoint_manager::store::open_db(dir.path()).expect("reopens");
        let params = ParameterStore::open(&db).expect("tree");
        let current = params.current().expect("current");
        assert_eq!((current.version, current.reason.as_str()), (2, "back"));
        let history = params.history().expect("history");
        assert_eq!(history.len(), 2);
        assert_eq!(history[0].thresholds.messages_warning, 20);
    }
}
