//! The experiment manager's state on JetStream: the [`KaizenStore`] the actor is given.
//!
//! - Bucket `shim_kaizen` (JSON values): `exp.<id>` each experiment; `index` the ids of the open ones
//!   (awaiting approval or running), so a chat's assignment reads two or three keys, not every experiment;
//!   `params` the parameter store, and `params.v.<n>` each version of it ever written.
//! - Bucket `shim_kaizen_units`: `<experiment>.<chat>`, the chat's variant and what it was counted with.
//! - Stream `SHIM_KAIZEN_AUDIT`: every decision, JSON, kept a year (capped at 256 MiB).
//!
//! Every change of a key is a create or a compare-and-set ([`Bucket`]), so managers on several nodes can
//! answer at once.

use std::time::Duration;

use anyhow::Context as _;
use async_nats::jetstream::{
    self,
    stream::{Config, DiscardPolicy, StorageType},
};
use futures::StreamExt;
use shim_actors::experiment_manager::{
    ExperimentError, ExperimentResult, KaizenStore, ParameterEntry, ParameterSet, UnitRecord,
    store::{ExperimentChange, StoreFuture},
};
use shim_protocol::{
    messages::{AuditEntry, AuditList, AuditRequest, Experiment},
    subject::KaizenNames,
};

use crate::coordination::{
    bucket::{Bucket, BucketError, Current, Updated},
    kv::{BucketSpec, open_bucket},
};

/// Units are kept this long after their experiment assigned them.
const UNIT_MAX_AGE: Duration = Duration::from_secs(180 * 24 * 3600);
/// The audit is kept this long.
const AUDIT_MAX_AGE: Duration = Duration::from_secs(365 * 24 * 3600);
/// And at most this many bytes (the oldest entries go first).
const AUDIT_MAX_BYTES: i64 = 256 * 1024 * 1024;
/// Most audit entries one read returns.
const MAX_AUDIT_READ: u64 = 10_000;
/// KV operations in flight per batch.
const IN_FLIGHT: usize = 64;

const INDEX: &str = "index";
const PARAMS: &str = "params";

/// The experiment manager's JetStream state.
#[derive(Debug, Clone)]
pub struct JetStreamKaizenStore {
    js: jetstream::Context,
    names: KaizenNames,
    experiments: Bucket<Experiment>,
    index: Bucket<Vec<String>>,
    params: Bucket<ParameterSet>,
    units: Bucket<UnitRecord>,
}

fn store_error(error: impl std::fmt::Display) -> ExperimentError {
    ExperimentError::Store(error.to_string())
}

impl From<BucketErrorWrap> for ExperimentError {
    fn from(error: BucketErrorWrap) -> Self {
        store_error(error.0)
    }
}

/// A bucket error on its way to an [`ExperimentError`] (the orphan rule keeps the conversion here).
#[derive(Debug)]
struct BucketErrorWrap(BucketError);

impl From<BucketError> for BucketErrorWrap {
    fn from(error: BucketError) -> Self {
        BucketErrorWrap(error)
    }
}

fn exp_key(id: &str) -> String {
    format!("exp.{id}")
}

fn unit_key(experiment_id: &str, chat_id: &str) -> String {
    format!("{experiment_id}.{chat_id}")
}

impl JetStreamKaizenStore {
    /// Opens (creating when missing) the buckets and the audit stream named by `names`.
    pub async fn open(
        js: jetstream::Context,
        names: KaizenNames,
        replicas: usize,
    ) -> anyhow::Result<JetStreamKaizenStore> {
        let main = open_bucket(
            &js,
            &BucketSpec {
                name: names.bucket.clone(),
                history: 1,
                max_age: Duration::ZERO,
                replicas,
            },
        )
        .await?;
        let units = open_bucket(
            &js,
            &BucketSpec {
                name: names.units_bucket.clone(),
                history: 1,
                max_age: UNIT_MAX_AGE,
                replicas,
            },
        )
        .await?;
        crate::coordination::streams::ensure_stream(
            &js,
            Config {
                name: names.audit_stream.clone(),
                subjects: vec![names.audit_subject.clone()],
                max_age: AUDIT_MAX_AGE,
                max_bytes: AUDIT_MAX_BYTES,
                storage: StorageType::File,
                num_replicas: replicas.max(1),
                discard: DiscardPolicy::Old,
                allow_direct: true,
                ..Config::default()
            },
        )
        .await
        .context("the kaizen audit stream")?;
        Ok(JetStreamKaizenStore {
            js,
            names,
            experiments: Bucket::new(main.clone(), "experiment store"),
            index: Bucket::new(main.clone(), "experiment store"),
            params: Bucket::new(main, "parameter store"),
            units: Bucket::new(units, "experiment units"),
        })
    }

    /// Removes everything this store holds (a simulation's names, when it ends).
    pub async fn destroy(&self) {
        for bucket in [&self.names.bucket, &self.names.units_bucket] {
            let _ = self
                .js
                .delete_stream(shim_protocol::subject::kv_stream(bucket))
                .await;
        }
        let _ = self.js.delete_stream(&self.names.audit_stream).await;
    }

    async fn set_index(&self, id: &str, open: bool) -> ExperimentResult<()> {
        self.index
            .update(INDEX, |current: &Current<Vec<String>>| {
                let mut ids = current.value().cloned().unwrap_or_default();
                let present = ids.iter().any(|each| each == id);
                if present == open {
                    return Ok::<_, BucketErrorWrap>(None);
                }
                if open {
                    ids.push(id.to_owned());
                } else {
                    ids.retain(|each| each != id);
                }
                Ok(Some(ids))
            })
            .await?;
        Ok(())
    }
}

impl KaizenStore for JetStreamKaizenStore {
    fn experiments(&self, limit: usize) -> StoreFuture<'_, (Vec<Experiment>, bool)> {
        Box::pin(async move {
            let mut keys = self.experiments.store().keys().await.map_err(store_error)?;
            let mut ids = Vec::new();
            while let Some(key) = keys.next().await {
                let key = key.map_err(store_error)?;
                if let Some(id) = key.strip_prefix("exp.") {
                    ids.push(id.to_owned());
                }
            }
            let mut experiments: Vec<Experiment> = futures::stream::iter(ids)
                .map(|id| async move { self.experiments.get(&exp_key(&id)).await })
                .buffer_unordered(IN_FLIGHT)
                .filter_map(|read| async move { read.ok().flatten() })
                .collect()
                .await;
            experiments.sort_by(|a, b| {
                b.created_at_ms
                    .cmp(&a.created_at_ms)
                    .then_with(|| b.id.cmp(&a.id))
            });
            let truncated = experiments.len() > limit;
            experiments.truncate(limit);
            Ok((experiments, truncated))
        })
    }

    fn experiment<'a>(&'a self, id: &'a str) -> StoreFuture<'a, Option<Experiment>> {
        Box::pin(async move {
            self.experiments
                .get(&exp_key(id))
                .await
                .map_err(store_error)
        })
    }

    fn open_experiments(&self) -> StoreFuture<'_, Vec<Experiment>> {
        Box::pin(async move {
            let ids = self
                .index
                .get(INDEX)
                .await
                .map_err(store_error)?
                .unwrap_or_default();
            let mut open = Vec::with_capacity(ids.len());
            for id in ids {
                if let Some(experiment) = self
                    .experiments
                    .get(&exp_key(&id))
                    .await
                    .map_err(store_error)?
                    && experiment.status.is_open()
                {
                    open.push(experiment);
                }
            }
            Ok(open)
        })
    }

    fn create_experiment<'a>(&'a self, experiment: &'a Experiment) -> StoreFuture<'a, bool> {
        Box::pin(async move {
            let created = self
                .experiments
                .create(&exp_key(&experiment.id), experiment)
                .await
                .map_err(store_error)?
                .is_some();
            if created && experiment.status.is_open() {
                self.set_index(&experiment.id, true).await?;
            }
            Ok(created)
        })
    }

    fn update_experiment<'a>(
        &'a self,
        id: &'a str,
        change: ExperimentChange<'a>,
    ) -> StoreFuture<'a, Option<Experiment>> {
        Box::pin(async move {
            let mut failure = None;
            let updated = self
                .experiments
                .update(&exp_key(id), |current: &Current<Experiment>| {
                    let Some(experiment) = current.value() else {
                        return Ok::<_, BucketErrorWrap>(None);
                    };
                    let mut experiment = experiment.clone();
                    match change(&mut experiment) {
                        Ok(true) => Ok(Some(experiment)),
                        Ok(false) => Ok(None),
                        Err(error) => {
                            failure = Some(error);
                            Ok(None)
                        }
                    }
                })
                .await?;
            if let Some(error) = failure {
                return Err(error);
            }
            match updated {
                Updated::Written { value, .. } => {
                    if !value.status.is_open() {
                        self.set_index(&value.id, false).await?;
                    }
                    Ok(Some(value))
                }
                Updated::Left(_) => Ok(None),
            }
        })
    }

    fn claim_units<'a>(
        &'a self,
        experiment_id: &'a str,
        units: Vec<(String, UnitRecord)>,
    ) -> StoreFuture<'a, Vec<(UnitRecord, bool)>> {
        Box::pin(async move {
            let claimed: Vec<ExperimentResult<(UnitRecord, bool)>> = futures::stream::iter(units)
                .map(|(chat_id, unit)| async move {
                    let key = unit_key(experiment_id, &chat_id);
                    if self
                        .units
                        .create(&key, &unit)
                        .await
                        .map_err(store_error)?
                        .is_some()
                    {
                        return Ok((unit, true));
                    }
                    match self.units.get(&key).await.map_err(store_error)? {
                        Some(existing) => Ok((existing, false)),
                        None => Err(ExperimentError::Store(format!(
                            "unit {key} exists but cannot be read"
                        ))),
                    }
                })
                .buffered(IN_FLIGHT)
                .collect()
                .await;
            claimed.into_iter().collect()
        })
    }

    fn units<'a>(
        &'a self,
        experiment_id: &'a str,
        chat_ids: &'a [String],
    ) -> StoreFuture<'a, Vec<Option<UnitRecord>>> {
        Box::pin(async move {
            // Owned keys: a stream over borrowed ones does not make a `Send` future here.
            let keys: Vec<String> = chat_ids
                .iter()
                .map(|chat_id| unit_key(experiment_id, chat_id))
                .collect();
            let read: Vec<ExperimentResult<Option<UnitRecord>>> = futures::stream::iter(keys)
                .map(|key| async move { self.units.get(&key).await.map_err(store_error) })
                .buffered(IN_FLIGHT)
                .collect()
                .await;
            read.into_iter().collect()
        })
    }

    fn put_units<'a>(
        &'a self,
        experiment_id: &'a str,
        units: &'a [(String, UnitRecord)],
    ) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let owned: Vec<(String, UnitRecord)> = units.to_vec();
            let written: Vec<ExperimentResult<()>> = futures::stream::iter(owned)
                .map(|(chat_id, unit)| async move {
                    let bytes = bytes::Bytes::from(serde_json::to_vec(&unit).map_err(store_error)?);
                    let key = unit_key(experiment_id, &chat_id);
                    crate::coordination::streams::patiently(|| {
                        self.units.store().put(key.as_str(), bytes.clone())
                    })
                    .await
                    .map(|_| ())
                    .map_err(store_error)
                })
                .buffer_unordered(IN_FLIGHT)
                .collect()
                .await;
            written.into_iter().collect()
        })
    }

    fn parameters(&self) -> StoreFuture<'_, ParameterSet> {
        Box::pin(async move {
            Ok(self
                .params
                .get(PARAMS)
                .await
                .map_err(store_error)?
                .unwrap_or_default())
        })
    }

    fn set_parameters(
        &self,
        entries: Vec<(String, ParameterEntry)>,
    ) -> StoreFuture<'_, ParameterSet> {
        Box::pin(async move {
            let updated = self
                .params
                .update(PARAMS, |current: &Current<ParameterSet>| {
                    let mut set = current.value().cloned().unwrap_or_default();
                    set.version += 1;
                    for (name, entry) in &entries {
                        let mut entry = entry.clone();
                        entry.version = set.version;
                        set.values.insert(name.clone(), entry);
                    }
                    Ok::<_, BucketErrorWrap>(Some(set))
                })
                .await?;
            let set = match updated {
                Updated::Written { value, .. } => value,
                Updated::Left(current) => current.into_value().unwrap_or_default(),
            };
            let bytes = bytes::Bytes::from(serde_json::to_vec(&set).map_err(store_error)?);
            let key = format!("{PARAMS}.v.{}", set.version);
            crate::coordination::streams::patiently(|| {
                self.params.store().put(key.as_str(), bytes.clone())
            })
            .await
            .map_err(store_error)?;
            Ok(set)
        })
    }

    fn audit<'a>(&'a self, entry: &'a AuditEntry) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let bytes = bytes::Bytes::from(serde_json::to_vec(entry).map_err(store_error)?);
            crate::coordination::streams::patiently(|| async {
                self.js
                    .publish(self.names.audit_subject.clone(), bytes.clone())
                    .await?
                    .await
            })
            .await
            .map_err(store_error)?;
            Ok(())
        })
    }

    fn audit_log<'a>(&'a self, request: &'a AuditRequest) -> StoreFuture<'a, AuditList> {
        Box::pin(async move {
            let mut stream = self
                .js
                .get_stream(&self.names.audit_stream)
                .await
                .map_err(store_error)?;
            let state = stream.info().await.map_err(store_error)?.state.clone();
            if state.messages == 0 {
                return Ok(AuditList::default());
            }
            let first = state
                .first_sequence
                .max(state.last_sequence.saturating_sub(MAX_AUDIT_READ - 1));
            let truncated = first > state.first_sequence;
            let read: Vec<Option<AuditEntry>> = futures::stream::iter(first..=state.last_sequence)
                .map(|sequence| {
                    let stream = &stream;
                    async move {
                        let message = stream.direct_get(sequence).await.ok()?;
                        serde_json::from_slice::<AuditEntry>(&message.payload).ok()
                    }
                })
                .buffered(IN_FLIGHT)
                .collect()
                .await;
            let entries = read
                .into_iter()
                .flatten()
                .filter(|entry| entry.at_ms >= request.since_ms)
                .filter(|entry| {
                    request
                        .experiment_id
                        .as_deref()
                        .is_none_or(|id| entry.experiment_id == id)
                })
                .collect();
            Ok(AuditList { entries, truncated })
        })
    }
}
