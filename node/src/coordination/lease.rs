//! Leases: one node at a time runs a cluster-wide background job (the abandon sweep; the analytics roll-up).
//!
//! A lease is one key of the bucket `shim_leases`, named after the job, holding `{node, expires_at_ms}`. A
//! node takes it when the key is absent, expired or already its own, and renews it the same way, always by
//! compare-and-set at the revision it read, so two nodes never both think they took it. The holder renews it
//! before each run of the job; a holder that dies (or loses NATS) stops renewing, and once `expires_at_ms` is
//! past another node takes it. A holder that stops in order gives it up at once ([`Lease::release`]).
//!
//! Times are each node's own wall clock: nodes whose clocks differ by `d` see a dead holder's lease pass on up
//! to `d` early or late. Keep the job's run shorter than the lease's time to live: a run that outlasts it may
//! overlap with the next holder's.
//!
//! ```no_run
//! # async fn roller(leases: shim_node::coordination::lease::Leases,
//! #     shutdown: tokio::sync::watch::Receiver<bool>) {
//! use std::time::Duration;
//! let every = Duration::from_secs(60);
//! let lease = leases.lease("analytics-roller", every * 3).expect("a valid name");
//! shim_node::coordination::lease::run_while_held(&lease, every, shutdown, || async {
//!     // roll the analytics up
//! })
//! .await;
//! # }
//! ```

use std::{future::Future, time::Duration};

use anyhow::Context as _;
use async_nats::jetstream;
use serde::{Deserialize, Serialize};
use serde_json::json;
use shim_actors::EventEmitter;
use shim_protocol::subject;
use tokio::sync::watch;
use tracing::{debug, info};

use super::{
    bucket::{Bucket, BucketResult, Current, Updated},
    kv::{BucketSpec, open_bucket},
    supervise::Ended,
};

/// Longest a stopping holder tries to give its lease up.
const RELEASE_WITHIN: Duration = Duration::from_secs(1);

/// What a lease key holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaseRecord {
    /// The node holding it.
    pub node: String,
    /// When it lapses unless renewed (milliseconds since the epoch, the holder's clock).
    pub expires_at_ms: u64,
}

/// What [`Lease::hold`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Held {
    /// This node took it, from `previous_opt` (the node whose lease had lapsed, if any).
    Taken {
        /// The node that held it before.
        previous_opt: Option<String>,
    },
    /// This node held it and renewed it.
    Renewed,
    /// Another node holds it.
    Elsewhere(LeaseRecord),
}

impl Held {
    /// True when this node holds the lease now.
    pub fn is_mine(&self) -> bool {
        !matches!(self, Held::Elsewhere(_))
    }
}

/// True when `current_opt` is `node`'s own lease, still running at `now_ms`: writing it again renews it.
/// Writing over anything else (no lease, another node's lapsed one, or `node`'s own lapsed or released one,
/// as after a restart under the same id) takes the lease.
pub fn is_renewal(current_opt: Option<&LeaseRecord>, node: &str, now_ms: u64) -> bool {
    current_opt.is_some_and(|current| current.node == node && current.expires_at_ms > now_ms)
}

/// The lease record `node` writes at `now_ms`, or `None` when another node's lease is still running.
pub fn decide(
    current_opt: Option<&LeaseRecord>,
    node: &str,
    now_ms: u64,
    ttl: Duration,
) -> Option<LeaseRecord> {
    match current_opt {
        Some(current) if current.node != node && current.expires_at_ms > now_ms => None,
        _ => Some(LeaseRecord {
            node: node.to_owned(),
            expires_at_ms: now_ms.saturating_add(ttl.as_millis() as u64),
        }),
    }
}

/// The leases of the NATS this node is on. Cloning shares them.
#[derive(Debug, Clone)]
pub struct Leases {
    bucket: Bucket<LeaseRecord>,
    emitter: EventEmitter,
}

impl Leases {
    /// Opens (or creates) the bucket `shim_leases` with `replicas` copies; leases are taken for the node
    /// `emitter` names.
    pub async fn open(
        js: &jetstream::Context,
        replicas: usize,
        emitter: EventEmitter,
    ) -> anyhow::Result<Leases> {
        let store = open_bucket(
            js,
            &BucketSpec {
                name: subject::LEASES_BUCKET.to_owned(),
                history: 1,
                max_age: Duration::ZERO,
                replicas,
            },
        )
        .await
        .context("failed to open the lease bucket")?;
        Ok(Leases {
            bucket: Bucket::new(store, "lease store"),
            emitter,
        })
    }

    /// The lease of the job `name` (a subject token: no `.`, `*`, `>` or whitespace), held for `ttl` at each
    /// take or renewal.
    pub fn lease(&self, name: &str, ttl: Duration) -> Result<Lease, shim_protocol::WireError> {
        subject::validate_id("lease name", name)?;
        Ok(Lease {
            bucket: self.bucket.clone(),
            emitter: self.emitter.clone(),
            name: name.to_owned(),
            ttl,
        })
    }
}

/// One job's lease, as this node sees it.
#[derive(Debug, Clone)]
pub struct Lease {
    bucket: Bucket<LeaseRecord>,
    emitter: EventEmitter,
    name: String,
    ttl: Duration,
}

impl Lease {
    /// The job's name (the key).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// How long a take or a renewal holds.
    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    /// Takes or renews the lease at `now_ms` for this node, by compare-and-set; says who holds it. Publishes
    /// `leases.taken` (`lease`, `node`, `previous`) when this node takes it.
    pub async fn hold(&self, now_ms: u64) -> BucketResult<Held> {
        let me = self.emitter.node_id();
        let mut previous_opt = None;
        let mut renewal = false;
        let updated = self
            .bucket
            .update(&self.name, |current| {
                let current_opt = current.value();
                previous_opt = current_opt.map(|record| record.node.clone());
                renewal = is_renewal(current_opt, me, now_ms);
                Ok::<_, super::bucket::BucketError>(decide(current_opt, me, now_ms, self.ttl))
            })
            .await?;
        Ok(match updated {
            Updated::Written { .. } if renewal => Held::Renewed,
            Updated::Written { .. } => {
                info!(lease = %self.name, previous = ?previous_opt, "lease taken");
                self.emitter.emit(
                    "leases",
                    "taken",
                    None,
                    json!({"lease": self.name, "node": me, "previous": previous_opt}),
                );
                Held::Taken { previous_opt }
            }
            Updated::Left(Current::Present { value, .. }) => Held::Elsewhere(value),
            // `decide` leaves only a key holding another node's running lease.
            Updated::Left(_) => {
                return Err(self
                    .bucket
                    .unavailable(format!("lease {} left without a holder", self.name)));
            }
        })
    }

    /// Gives the lease up if this node holds it, so another node takes it at its next try.
    pub async fn release(&self) -> BucketResult<()> {
        let me = self.emitter.node_id();
        self.bucket
            .update(&self.name, |current| {
                Ok::<_, super::bucket::BucketError>(
                    current
                        .value()
                        .filter(|record| record.node == me && record.expires_at_ms > 0)
                        .map(|record| LeaseRecord {
                            node: record.node.clone(),
                            expires_at_ms: 0,
                        }),
                )
            })
            .await?;
        Ok(())
    }

    /// Who holds the lease now (a lapsed record is returned as it is).
    pub async fn holder(&self) -> BucketResult<Option<LeaseRecord>> {
        Ok(self.bucket.read(&self.name).await?.into_value())
    }
}

/// Runs `job` every `every` on whichever node holds `lease`: before each run the lease is taken or renewed,
/// and the run is skipped when another node holds it (or the bucket cannot be reached: holding it is then
/// unknown). Give the lease a time to live of a few `every`s, so one late renewal does not pass it on. At
/// shutdown (which nothing here delays by more than a second) the lease is released and
/// [`Ended::Finished`] returned.
pub async fn run_while_held<F, Fut>(
    lease: &Lease,
    every: Duration,
    mut shutdown: watch::Receiver<bool>,
    mut job: F,
) -> Ended
where
    F: FnMut() -> Fut,
    Fut: Future<Output = ()>,
{
    loop {
        // Nothing here may hold up a stop: with NATS gone, a bucket request waits out its timeout.
        let held = tokio::select! {
            held = lease.hold(shim_actors::now_ms()) => held,
            _ = shutdown.wait_for(|stop| *stop) => break,
        };
        match held {
            Ok(held) if held.is_mine() => {
                tokio::select! {
                    () = job() => {}
                    _ = shutdown.wait_for(|stop| *stop) => break,
                }
            }
            Ok(_) => {}
            Err(error) => {
                debug!(lease = %lease.name, %error, "lease could not be taken or renewed")
            }
        }
        tokio::select! {
            () = tokio::time::sleep(every) => {}
            _ = shutdown.wait_for(|stop| *stop) => break,
        }
    }
    // Given up at once when NATS answers; otherwise the lease simply runs out.
    match tokio::time::timeout(RELEASE_WITHIN, lease.release()).await {
        Ok(Ok(())) => {}
        Ok(Err(error)) => debug!(lease = %lease.name, %error, "lease could not be released"),
        Err(_) => debug!(lease = %lease.name, "lease release timed out; it will run out"),
    }
    Ended::Finished
}

#[cfg(test)]
mod tests {
    use super::*;

    const TTL: Duration = Duration::from_secs(3);

    #[test]
    fn a_lease_is_taken_when_free_or_lapsed_and_renewed_only_by_its_holder() {
        let held = |node: &str, expires_at_ms| LeaseRecord {
            node: node.to_owned(),
            expires_at_ms,
        };
        // Free: taken.
        assert_eq!(decide(None, "a", 1_000, TTL), Some(held("a", 4_000)));
        // Another node's running lease: left.
        assert_eq!(decide(Some(&held("b", 4_000)), "a", 3_999, TTL), None);
        // Lapsed (the holder died): taken.
        assert_eq!(
            decide(Some(&held("b", 4_000)), "a", 4_000, TTL),
            Some(held("a", 7_000))
        );
        // Its own: renewed, even early.
        assert_eq!(
            decide(Some(&held("a", 9_000)), "a", 2_000, TTL),
            Some(held("a", 5_000))
        );
        // Released (expires at 0): anyone takes it.
        assert_eq!(
            decide(Some(&held("b", 0)), "a", 1, TTL),
            Some(held("a", 3_001))
        );
        // Only writing over its own running lease is a renewal; taking back its own released or lapsed one
        // (a restart under the same id) is a take, and is published as one.
        assert!(is_renewal(Some(&held("a", 9_000)), "a", 2_000));
        assert!(!is_renewal(Some(&held("a", 0)), "a", 2_000));
        assert!(!is_renewal(Some(&held("a", 2_000)), "a", 2_000));
        assert!(!is_renewal(Some(&held("b", 9_000)), "a", 2_000));
        assert!(!is_renewal(None, "a", 2_000));
        assert!(!Held::Elsewhere(held("b", 1)).is_mine());
        assert!(Held::Renewed.is_mine());
    }
}
