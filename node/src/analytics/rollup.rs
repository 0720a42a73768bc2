//! Rollups: the tallies of closed ranges of stored events, kept in the bucket `shim_rollups`, so the summary
//! of a long period reads a few rollups and only the events not rolled up yet.
//!
//! A rollup covers the stream sequences `first..=last` of `SHIM_EVENTS`. A range never changes once its last
//! event is stored, so every node that computes a rollup gets the same tally; the first to write it wins
//! (the key is created, never overwritten). The roller closes a range when it holds [`RollPolicy::block`]
//! events, or when its oldest event is [`RollPolicy::after`] old, so the part a query reads event by event
//! stays small whatever the period holds.
//!
//! Keys are `v1.<first>.<last>.<last_ns>` (zero-padded): a query picks the rollups inside its period from the
//! key list alone and fetches only those.

use std::{
    sync::{Arc, PoisonError},
    time::Duration,
};

use async_nats::jetstream::{self, consumer::DeliverPolicy};
use futures::StreamExt;
use serde::{Deserialize, Serialize};
use shim_protocol::subject;
use tokio::sync::watch;
use tracing::debug;

use super::{
    Analytics, AnalyticsError, AnalyticsResult,
    summary::{EventTally, peek, read_range},
};
use crate::{
    config::AnalyticsSettings,
    coordination::{
        bucket::Bucket,
        kv,
        lease::run_while_held,
        supervise::{Ended, Supervision},
    },
};

/// The version every key starts with; rollups of another version are ignored.
const VERSION: &str = "v1";

/// Rollups fetched at once.
const FETCH_AHEAD: usize = 32;

/// How often the roller looks for ranges to close.
const ROLL_EVERY: Duration = Duration::from_secs(10);

/// Longest one pass of the roller may take; what it wrote stays, and the next pass goes on from there.
const PASS_DEADLINE: Duration = Duration::from_secs(20);

/// The lease under which one node at a time rolls up events. It outlives a pass that runs to its deadline
/// with room to spare, so a slow pass does not hand the work to a second node; a dead holder's lease passes
/// on within a minute.
pub const ROLLER_LEASE: &str = "analytics-roller";

/// Starts the roller under `supervision`: every [`ROLL_EVERY`], on the node holding [`ROLLER_LEASE`], it
/// closes the ranges that are due.
pub fn start_roller(
    analytics: Arc<Analytics>,
    supervision: &Supervision,
    shutdown: watch::Receiver<bool>,
) {
    supervision.spawn("analytics roller", move || {
        let analytics = analytics.clone();
        let stop = shutdown.clone();
        async move {
            let lease = match analytics.leases().lease(ROLLER_LEASE, ROLL_EVERY * 5) {
                Ok(lease) => lease,
                Err(error) => return Ended::Broke(format!("no roller lease: {error}")),
            };
            run_while_held(&lease, ROLL_EVERY, stop, || roll_once(&analytics)).await
        }
    });
}

/// One pass of the roller, within [`PASS_DEADLINE`].
async fn roll_once(analytics: &Analytics) {
    let now_ns = i128::from(shim_actors::now_ms()) * 1_000_000;
    let pass = analytics
        .rollups
        .roll(&analytics.js, RollPolicy::default(), now_ns);
    match tokio::time::timeout(PASS_DEADLINE, pass).await {
        Ok(Ok(0)) => {}
        Ok(Ok(written)) => debug!(written, "stored events rolled up"),
        Ok(Err(error)) => debug!(%error, "rolling up stored events failed; trying again later"),
        Err(_) => debug!(
            "rolling up stored events goes on at the next pass (a pass stops after {PASS_DEADLINE:?})"
        ),
    }
}

/// When a range of events is closed into a rollup.
#[derive(Debug, Clone, Copy)]
pub struct RollPolicy {
    /// Events in a full range.
    pub block: u64,
    /// Age of its oldest event at which a range that is not full is closed anyway.
    pub after: Duration,
}

impl Default for RollPolicy {
    /// Ranges of 65,536 events, or an hour's worth: a period of 30 days with a million events is about 15
    /// full rollups and at most 720 partial ones, read in well under a second.
    fn default() -> RollPolicy {
        RollPolicy {
            block: 65_536,
            after: Duration::from_secs(3_600),
        }
    }
}

/// The tally of the events with sequences `first..=last`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Rollup {
    /// First sequence covered.
    pub first: u64,
    /// Last sequence covered.
    pub last: u64,
    /// When the last event covered was stored, in nanoseconds since the epoch.
    pub last_ns: u64,
    /// What the events counted.
    pub tally: EventTally,
}

/// What a key says about its rollup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    /// First sequence covered.
    pub first: u64,
    /// Last sequence covered.
    pub last: u64,
    /// When the last event covered was stored (ns).
    pub last_ns: u64,
}

impl Span {
    fn key(&self) -> String {
        format!(
            "{VERSION}.{:020}.{:020}.{:020}",
            self.first, self.last, self.last_ns
        )
    }

    fn parse(key: &str) -> Option<Span> {
        let mut parts = key.split('.');
        if parts.next() != Some(VERSION) {
            return None;
        }
        let mut number = || parts.next()?.parse::<u64>().ok();
        let span = Span {
            first: number()?,
            last: number()?,
            last_ns: number()?,
        };
        (span.first <= span.last && parts.next().is_none()).then_some(span)
    }
}

/// The rollup bucket.
#[derive(Debug, Clone)]
pub struct Rollups {
    bucket: Bucket<Rollup>,
    /// Where this node's last pass stopped with nothing due, so an idle store costs a pass one stream info
    /// and not a listing of every rollup key.
    idle: Arc<std::sync::Mutex<Option<Idle>>>,
}

/// A pass that found nothing due: the stream's last sequence then, and the store time of the oldest event
/// not rolled up (none: everything was). Until the stream grows or that event is old enough under the
/// policy, the next pass has nothing to do either.
#[derive(Debug, Clone, Copy)]
struct Idle {
    last_sequence: u64,
    oldest_ns_opt: Option<i128>,
}

impl Idle {
    fn still(&self, last_sequence: u64, policy: RollPolicy, now_ns: i128) -> bool {
        self.last_sequence == last_sequence
            && self
                .oldest_ns_opt
                .is_none_or(|oldest_ns| now_ns - oldest_ns < policy.after.as_nanos() as i128)
    }
}

impl Rollups {
    /// Opens the bucket `shim_rollups` (creating it when missing); rollups live as long as events do.
    pub async fn open(
        js: &jetstream::Context,
        settings: &AnalyticsSettings,
    ) -> anyhow::Result<Rollups> {
        let store = kv::open_bucket(
            js,
            &kv::BucketSpec {
                name: subject::ROLLUPS_BUCKET.to_owned(),
                history: 1,
                max_age: settings.max_age(),
                replicas: settings.copies(),
            },
        )
        .await?;
        Ok(Rollups {
            bucket: Bucket::new(store, "rollups"),
            idle: Arc::default(),
        })
    }

    /// The spans of every rollup stored, in order of their first sequence.
    pub async fn spans(&self) -> AnalyticsResult<Vec<Span>> {
        let mut keys = self
            .bucket
            .store()
            .keys()
            .await
            .map_err(|error| AnalyticsError::Unavailable(error.to_string()))?;
        let mut spans = Vec::new();
        while let Some(key) = keys.next().await {
            let key = key.map_err(|error| AnalyticsError::Unavailable(error.to_string()))?;
            spans.extend(Span::parse(&key));
        }
        spans.sort_unstable();
        Ok(spans)
    }

    /// The rollups that tile the events from sequence `from` stored before `until_ns`, in order and without
    /// overlap: where one is missing, the caller reads the gap event by event.
    pub async fn tiling(&self, from: u64, until_ns: i128) -> AnalyticsResult<Vec<Rollup>> {
        let mut cursor = from;
        let mut chosen = Vec::new();
        for span in self.spans().await? {
            if span.first < cursor {
                continue;
            }
            if i128::from(span.last_ns) >= until_ns {
                break;
            }
            cursor = span.last + 1;
            chosen.push(span);
        }
        let fetched = futures::stream::iter(chosen)
            .map(|span| async move { (span, self.bucket.get(&span.key()).await) })
            .buffered(FETCH_AHEAD)
            .collect::<Vec<_>>()
            .await;
        let mut rollups = Vec::with_capacity(fetched.len());
        for (span, rollup) in fetched {
            // A rollup that went away or does not read is a gap: its events are read instead.
            if let Some(rollup) = rollup?.filter(|rollup| rollup.first == span.first) {
                rollups.push(rollup);
            }
        }
        Ok(rollups)
    }

    /// Closes every range that is due under `policy`; returns how many rollups were written.
    pub async fn roll(
        &self,
        js: &jetstream::Context,
        policy: RollPolicy,
        now_ns: i128,
    ) -> AnalyticsResult<u64> {
        let unavailable = |error: String| AnalyticsError::Unavailable(error);
        let mut stream = js
            .get_stream(subject::EVENTS_STREAM)
            .await
            .map_err(|error| unavailable(error.to_string()))?;
        let state = stream
            .info()
            .await
            .map_err(|error| unavailable(error.to_string()))?
            .state
            .clone();
        if state.messages == 0 {
            return Ok(0);
        }
        let idle = |oldest_ns_opt| {
            *self.idle.lock().unwrap_or_else(PoisonError::into_inner) = Some(Idle {
                last_sequence: state.last_sequence,
                oldest_ns_opt,
            });
        };
        let was_idle = *self.idle.lock().unwrap_or_else(PoisonError::into_inner);
        if was_idle.is_some_and(|was| was.still(state.last_sequence, policy, now_ns)) {
            return Ok(0);
        }
        let rolled_to = self.spans().await?.iter().map(|span| span.last).max();
        let mut next = rolled_to.map_or(state.first_sequence, |last| {
            (last + 1).max(state.first_sequence)
        });
        let block = policy.block.max(1);
        let mut written = 0;
        while next <= state.last_sequence {
            let to = if state.last_sequence - next + 1 >= block {
                next + block - 1
            } else {
                let Some((_, oldest_ns)) = peek(
                    &stream,
                    DeliverPolicy::ByStartSequence {
                        start_sequence: next,
                    },
                )
                .await?
                else {
                    idle(None);
                    break;
                };
                if now_ns - oldest_ns < policy.after.as_nanos() as i128 {
                    idle(Some(oldest_ns));
                    break;
                }
                state.last_sequence
            };
            let (tally, last_ns) = read_range(&stream, next, to, i128::MAX).await?;
            let span = Span {
                first: next,
                last: to,
                last_ns: last_ns.clamp(0, i128::from(u64::MAX)) as u64,
            };
            let rollup = Rollup {
                first: span.first,
                last: span.last,
                last_ns: span.last_ns,
                tally,
            };
            if self.bucket.create(&span.key(), &rollup).await?.is_some() {
                written += 1;
            }
            next = to + 1;
        }
        if next > state.last_sequence {
            idle(None);
        }
        Ok(written)
    }
}

#[cfg(test)]
mod tests {
    use super::Span;

    #[test]
    fn keys_read_back_and_order_by_sequence() {
        let span = Span {
            first: 7,
            last: 65_542,
            last_ns: 1_764_670_000_000_000_000,
        };
        assert_eq!(Span::parse(&span.key()), Some(span));
        let later = Span {
            first: 65_543,
            last: 65_600,
            last_ns: 1,
        };
        assert!(span.key() < later.key(), "keys list in sequence order");
        for bad in [
            "v2.1.2.3",
            "v1.1.2",
            "v1.3.2.1",
            "v1.1.2.3.4",
            "v1.a.2.3",
            "",
        ] {
            assert_eq!(Span::parse(bad), None, "{bad}");
        }
    }
}
