//! Where the experiment manager keeps its state: the [`KaizenStore`] trait, which the node implements on
//! JetStream (KV buckets `shim_kaizen` and `shim_kaizen_units`, stream `SHIM_KAIZEN_AUDIT`), so the state
//! survives restarts and is shared by every node. Actors hold no NATS client; this is how the manager reaches
//! it, as the publisher is how every actor reaches `shim.events.>`.

use std::{collections::BTreeMap, future::Future, pin::Pin};

use serde::{Deserialize, Serialize};
use shim_protocol::messages::{AuditEntry, AuditList, AuditRequest, Experiment, Variant};

use super::ExperimentResult;

/// A store operation in flight.
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = ExperimentResult<T>> + Send + 'a>>;

/// A change to an experiment, applied by compare-and-set (so it may run more than once): `Ok(false)` leaves
/// the experiment as it is and writes nothing.
pub type ExperimentChange<'a> =
    &'a mut (dyn FnMut(&mut Experiment) -> ExperimentResult<bool> + Send);

/// One chat in one experiment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitRecord {
    /// Its variant.
    pub variant: Variant,
    /// The stage it was assigned in (10 or 50).
    pub stage: u8,
    /// The value it runs with (of the experiment's first parameter; the others follow its variant).
    pub value: f64,
    /// True when the per-chat cap on automatic changes placed it in the control: it is left out of the
    /// experiment's statistics.
    #[serde(default)]
    pub capped: bool,
    /// The values it was counted with, once observed.
    #[serde(default)]
    pub observed: BTreeMap<String, f64>,
    /// When it was assigned.
    pub assigned_at_ms: u64,
}

/// A parameter's value in force for everyone, as the parameter store keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParameterEntry {
    /// The value.
    pub value: f64,
    /// The store version that set it.
    pub version: u64,
    /// When.
    pub set_at_ms: u64,
    /// The improvement (experiment) that set it; none when it was reverted to the default.
    #[serde(default)]
    pub improvement_id: Option<String>,
}

/// The parameter store: every value set by the loop, and the store's version (one more per change).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ParameterSet {
    /// Counts every change.
    pub version: u64,
    /// Parameter → its value; a parameter absent here has its built-in default.
    pub values: BTreeMap<String, ParameterEntry>,
}

impl ParameterSet {
    /// The value of `name` in force: the one set, else the built-in default.
    pub fn value(&self, name: &str) -> Option<f64> {
        self.values
            .get(name)
            .map(|entry| entry.value)
            .or_else(|| super::catalogue::default_value(name))
    }
}

/// The experiment manager's state in JetStream.
pub trait KaizenStore: Send + Sync + std::fmt::Debug + 'static {
    /// Every experiment, newest first, at most `limit`; true when there were more.
    fn experiments(&self, limit: usize) -> StoreFuture<'_, (Vec<Experiment>, bool)>;
    /// One experiment.
    fn experiment<'a>(&'a self, id: &'a str) -> StoreFuture<'a, Option<Experiment>>;
    /// The experiments awaiting approval or running.
    fn open_experiments(&self) -> StoreFuture<'_, Vec<Experiment>>;
    /// Stores a new experiment; false when its id is taken.
    fn create_experiment<'a>(&'a self, experiment: &'a Experiment) -> StoreFuture<'a, bool>;
    /// Changes an experiment by compare-and-set; the experiment as written, or `None` when the change
    /// declined.
    fn update_experiment<'a>(
        &'a self,
        id: &'a str,
        change: ExperimentChange<'a>,
    ) -> StoreFuture<'a, Option<Experiment>>;
    /// Assigns chats: each unit is written unless the chat has one already. Per chat, the unit in force and
    /// whether it is the one just written.
    fn claim_units<'a>(
        &'a self,
        experiment_id: &'a str,
        units: Vec<(String, UnitRecord)>,
    ) -> StoreFuture<'a, Vec<(UnitRecord, bool)>>;
    /// The units of chats, in order; `None` for a chat not in the experiment.
    fn units<'a>(
        &'a self,
        experiment_id: &'a str,
        chat_ids: &'a [String],
    ) -> StoreFuture<'a, Vec<Option<UnitRecord>>>;
    /// Writes units back (their observed values).
    fn put_units<'a>(
        &'a self,
        experiment_id: &'a str,
        units: &'a [(String, UnitRecord)],
    ) -> StoreFuture<'a, ()>;
    /// The parameter store.
    fn parameters(&self) -> StoreFuture<'_, ParameterSet>;
    /// Sets parameters, all of them in the store's next version (one write; history kept); the store as
    /// written.
    fn set_parameters(
        &self,
        entries: Vec<(String, ParameterEntry)>,
    ) -> StoreFuture<'_, ParameterSet>;
    /// Appends to the audit stream.
    fn audit<'a>(&'a self, entry: &'a AuditEntry) -> StoreFuture<'a, ()>;
    /// Reads the audit stream.
    fn audit_log<'a>(&'a self, request: &'a AuditRequest) -> StoreFuture<'a, AuditList>;
}
