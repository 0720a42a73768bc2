//! Analytics: every event kept, each session's outcome decided, and the summaries built from them.
//!
//! - The store: the JetStream stream `SHIM_EVENTS` over `shim.events.>` (limits retention, file storage,
//!   max age and size from `[analytics]`), created or brought to the configured limits at start
//!   ([`provision`]). Events reach it as the node already publishes them: no work on the request path.
//! - The ledger (`ledger`): a supervised background task of every node, pulling from one durable consumer
//!   they share (`analytics-ledger-*`, one per kind of event that concerns a session), so each event is
//!   handled once; it keeps a record per chat in the
//!   bucket `shim_sessions`, every write a compare-and-set, and publishes `sessions.outcome` when a chat's
//!   outcome is decided or changes. A second task (the sweeper) marks interrupted sessions abandoned; it runs
//!   on one node at a time, the holder of the lease `analytics-sweeper` (`coordination::lease`).
//! - `outcome`: how an event changes a record and which outcome wins, and the record's usage sums (API
//!   requests, their cost and time, routed prompts, overrides) in `outcome::usage` (pure).
//! - `prediction`: crash prediction measured against outcomes (pure).
//! - `rollup`: the tallies of closed ranges of stored events (bucket `shim_rollups`), written by a third
//!   task (the roller), so a summary reads a few rollups and only the newest events.
//! - `summary`: the period's summary from the rollups, the stored events and the records.
//! - `service`: the component on `shim.v1.analytics.<op>` (queue group `shim-analytics`): `sessions`,
//!   `summary`, `crash_prediction`; any node answers.

pub mod outcome;
pub mod prediction;
pub mod rollup;
pub mod summary;

mod ledger;
mod service;

use std::time::Duration;

use anyhow::Context as _;
use async_nats::jetstream::{
    self,
    stream::{self, DiscardPolicy, RetentionPolicy, StorageType},
};
use shim_actors::EventEmitter;
use shim_protocol::{WireError, messages::SessionRecord, subject};

pub(crate) use ledger::pull_events;
pub use ledger::{LEDGER_CONSUMERS, SWEEPER_LEASE, start_ledger};
pub use rollup::{ROLLER_LEASE, start_roller};
pub use service::AnalyticsService;

use crate::{
    config::AnalyticsSettings,
    coordination::{
        bucket::{Bucket, BucketError},
        lease::Leases,
    },
    metrics::AnalyticsMetrics,
};
use outcome::StoredSession;
use rollup::Rollups;

/// Why an analytics operation failed.
#[derive(Debug, thiserror::Error)]
pub enum AnalyticsError {
    /// The request makes no sense (a period that ends before it starts, say).
    #[error("{0}")]
    BadRequest(String),
    /// The store could not be read (NATS away, no JetStream, no stream).
    #[error("analytics store unavailable: {0}")]
    Unavailable(String),
    /// The query ran out of time.
    #[error("analytics query took longer than {0:?}")]
    Timeout(Duration),
    /// The session bucket.
    #[error(transparent)]
    Bucket(#[from] BucketError),
}

/// A specialized `Result` for analytics operations.
pub type AnalyticsResult<T> = Result<T, AnalyticsError>;

impl From<AnalyticsError> for WireError {
    fn from(error: AnalyticsError) -> WireError {
        match error {
            AnalyticsError::BadRequest(message) => WireError::BadRequest { message },
            AnalyticsError::Unavailable(_) => WireError::Unavailable {
                message: error.to_string(),
            },
            AnalyticsError::Timeout(after) => WireError::Timeout {
                operation: "analytics query".to_owned(),
                after_ms: after.as_millis() as u64,
            },
            AnalyticsError::Bucket(error) => error.into(),
        }
    }
}

/// Most session records one listing reads (`shim-node sessions`, the summary, crash prediction, the abandon
/// sweep): at a few KiB each (the record, at most 24 evidence lines), tens of MiB at most.
pub const MAX_LISTED_SESSIONS: usize = 10_000;

/// The analytics store of a node: the stream, the session bucket and what the ledger needs.
#[derive(Debug, Clone)]
pub struct Analytics {
    js: jetstream::Context,
    sessions: Bucket<StoredSession>,
    rollups: Rollups,
    leases: Leases,
    emitter: EventEmitter,
    metrics: AnalyticsMetrics,
    settings: AnalyticsSettings,
}

/// The stream configuration `settings` ask for.
pub fn stream_config(settings: &AnalyticsSettings) -> stream::Config {
    stream::Config {
        name: subject::EVENTS_STREAM.to_owned(),
        description: Some("SHIM's events, kept for analytics".to_owned()),
        subjects: vec![subject::EVENTS_ALL.to_owned()],
        retention: RetentionPolicy::Limits,
        storage: StorageType::File,
        discard: DiscardPolicy::Old,
        max_age: settings.max_age(),
        max_bytes: i64::try_from(settings.max_bytes).unwrap_or(i64::MAX),
        num_replicas: settings.copies(),
        ..stream::Config::default()
    }
}

/// Creates the events stream, or brings an existing one to the configured limits (age, size, replicas).
pub async fn provision(
    js: &jetstream::Context,
    settings: &AnalyticsSettings,
) -> anyhow::Result<stream::Stream> {
    let wanted = stream_config(settings);
    match js.get_stream(subject::EVENTS_STREAM).await {
        Ok(mut existing) => {
            let info = existing
                .info()
                .await
                .context("failed to read the events stream")?;
            let current = &info.config;
            if current.max_age == wanted.max_age
                && current.max_bytes == wanted.max_bytes
                && current.num_replicas.max(1) == wanted.num_replicas
            {
                return Ok(existing);
            }
            let updated = stream::Config {
                max_age: wanted.max_age,
                max_bytes: wanted.max_bytes,
                num_replicas: wanted.num_replicas,
                ..current.clone()
            };
            js.update_stream(updated).await.map_err(|error| {
                crate::coordination::streams::refused(
                    &error,
                    &format!("stream {}", subject::EVENTS_STREAM),
                    wanted.num_replicas,
                    "update",
                )
            })?;
            tracing::info!(
                max_age_days = settings.max_age_days,
                max_bytes = settings.max_bytes,
                from_replicas = current.num_replicas.max(1),
                replicas = wanted.num_replicas,
                "events stream brought to the configured limits and copies"
            );
            js.get_stream(subject::EVENTS_STREAM)
                .await
                .map_err(|error| {
                    anyhow::anyhow!("failed to open stream {}: {error}", subject::EVENTS_STREAM)
                })
        }
        Err(_) => {
            let replicas = wanted.num_replicas;
            js.create_stream(wanted).await.map_err(|error| {
                crate::coordination::streams::refused(
                    &error,
                    &format!("stream {}", subject::EVENTS_STREAM),
                    replicas,
                    "create",
                )
            })
        }
    }
}

/// How the session bucket is made (one record per chat, kept for the analytics retention).
pub fn sessions_bucket_spec(settings: &AnalyticsSettings) -> crate::coordination::kv::BucketSpec {
    crate::coordination::kv::BucketSpec {
        name: subject::SESSIONS_BUCKET.to_owned(),
        history: 1,
        max_age: settings.max_age(),
        replicas: settings.copies(),
    }
}

impl Analytics {
    /// Opens the store: provisions the stream and opens (or creates) the session bucket.
    pub async fn open(
        client: async_nats::Client,
        settings: AnalyticsSettings,
        emitter: EventEmitter,
        metrics: AnalyticsMetrics,
    ) -> anyhow::Result<Analytics> {
        let js = crate::nats::jetstream(client);
        provision(&js, &settings).await?;
        let store =
            crate::coordination::kv::open_bucket(&js, &sessions_bucket_spec(&settings)).await?;
        let rollups = Rollups::open(&js, &settings).await?;
        let leases = Leases::open(&js, settings.copies(), emitter.clone()).await?;
        Ok(Analytics {
            js,
            sessions: Bucket::new(store, "session records"),
            rollups,
            leases,
            emitter,
            metrics,
            settings,
        })
    }

    /// The leases of the NATS the store is on: the sweeper runs under one, and so may other cluster-wide
    /// jobs of analytics.
    pub fn leases(&self) -> &Leases {
        &self.leases
    }

    /// The JetStream context the store is read through.
    pub fn jetstream(&self) -> &jetstream::Context {
        &self.js
    }

    /// The record of chat `chat_id`'s session, when there is one.
    pub async fn session(&self, chat_id: &str) -> AnalyticsResult<Option<SessionRecord>> {
        Ok(self
            .sessions
            .get(chat_id)
            .await
            .map_err(|error| AnalyticsError::Unavailable(error.to_string()))?
            .map(|session| session.record))
    }

    /// Routing decisions and overrides per task type in `[since_ms, until_ms)`, as the summary counts them
    /// (from the rollups and the newest events), most decisions first.
    pub async fn routing_by_category(
        &self,
        since_ms: u64,
        until_ms: u64,
    ) -> AnalyticsResult<Vec<shim_protocol::messages::CategoryRouting>> {
        let tally = summary::tally_events(
            &self.js,
            Some(&self.rollups),
            since_ms,
            until_ms,
            service::QUERY_DEADLINE,
        )
        .await?;
        Ok(summary::summarise(tally, &[], since_ms, until_ms, 0)
            .routing
            .by_category)
    }

    /// Reads the session records, at most [`MAX_LISTED_SESSIONS`] of them: the most recently changed when the
    /// bucket holds more (the listing says so with `truncated`). Unreadable records are skipped; the facts
    /// of each record are left out (its record and state are what readers need), so memory stays bounded
    /// by the cap.
    pub async fn all_sessions(&self) -> AnalyticsResult<SessionListing> {
        use futures::StreamExt;
        let store = self.sessions.store();
        let mut keys = store
            .keys()
            .await
            .map_err(|error| AnalyticsError::Unavailable(error.to_string()))?;
        // Keys come in the order they were last written: keeping the last ones keeps the newest.
        let mut names = std::collections::VecDeque::with_capacity(MAX_LISTED_SESSIONS);
        let mut truncated = false;
        while let Some(key) = keys.next().await {
            if names.len() == MAX_LISTED_SESSIONS {
                names.pop_front();
                truncated = true;
            }
            names.push_back(key.map_err(|error| AnalyticsError::Unavailable(error.to_string()))?);
        }
        // Reads overlap: one round trip per key, many in flight.
        let reads = futures::stream::iter(names)
            .map(|key| async move {
                let found = self.sessions.get(&key).await?;
                Ok::<_, BucketError>(found.map(|mut session| {
                    session.facts = Vec::new();
                    session
                }))
            })
            .buffer_unordered(64)
            .collect::<Vec<_>>()
            .await;
        let mut sessions = Vec::with_capacity(reads.len());
        for read in reads {
            if let Some(session) = read? {
                sessions.push(session);
            }
        }
        Ok(SessionListing {
            sessions,
            truncated,
        })
    }
}

/// Session records as [`Analytics::all_sessions`] read them.
#[derive(Debug, Clone, Default)]
pub struct SessionListing {
    /// The records, without their facts, in no particular order.
    pub sessions: Vec<StoredSession>,
    /// True when the bucket holds more than [`MAX_LISTED_SESSIONS`] and only the newest were read.
    pub truncated: bool,
}
