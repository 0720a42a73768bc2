//! [`NatsPublisher`]: the [`EventPublisher`] of a running node. Events go through a bounded queue to one
//! task that publishes them on NATS, so an actor never waits on the network.
//!
//! Every event leaves the node through [`encode`], which redacts each string of its data first
//! ([`shim_actors::redact`]): what is published is what the analytics store keeps, the ledger reads and the
//! exports show, so none of them sees a secret.

use std::sync::atomic::Ordering;

use async_nats::Client;
use shim_actors::EventPublisher;
use shim_protocol::{CodecError, Event, codec};
use tokio::{sync::mpsc, task::JoinHandle};
use tracing::{info, trace, warn};

use crate::metrics::NodeMetrics;

/// Redacts `event`'s data ([`shim_actors::redact::redact_json`]: every string, at any depth) and encodes it
/// for `shim.events.>`. Its type, time, node and chat ids are names SHIM makes, not text, and stay.
pub fn encode(event: &mut Event) -> Result<Vec<u8>, CodecError> {
    shim_actors::redact::redact_json(&mut event.data);
    codec::encode_event(event)
}

/// Events waiting to be published before new ones are dropped.
const QUEUE_CAPACITY: usize = 4096;

/// Publishes events on `shim.events.<component>.<name>` as JSON.
#[derive(Debug, Clone)]
pub struct NatsPublisher {
    queue: mpsc::Sender<Event>,
    metrics: NodeMetrics,
    drops: Drops,
}

/// Events dropped in a row because the queue was full. A flood drops thousands a second: the log tells the
/// 1st, 10th, 100th... of a run and how many it came to, the metric counts every one.
#[derive(Debug, Clone, Default)]
struct Drops {
    in_a_row: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl Drops {
    /// Notes a dropped event; returns how many in a row, when that number deserves a warning.
    fn dropped(&self) -> Option<u64> {
        let in_a_row = self.in_a_row.fetch_add(1, Ordering::Relaxed) + 1;
        crate::nats::worth_telling(in_a_row).then_some(in_a_row)
    }

    /// Notes a queued event; returns how many were dropped just before it, if any.
    fn queued(&self) -> Option<u64> {
        // A load first: the common case (nothing dropped) writes nothing.
        if self.in_a_row.load(Ordering::Relaxed) == 0 {
            return None;
        }
        Some(self.in_a_row.swap(0, Ordering::Relaxed)).filter(|dropped| *dropped > 0)
    }
}

impl NatsPublisher {
    /// Starts the publishing task; it ends once every clone of the publisher is dropped.
    pub fn start(client: Client, metrics: NodeMetrics) -> (NatsPublisher, JoinHandle<()>) {
        let (queue, mut events) = mpsc::channel::<Event>(QUEUE_CAPACITY);
        let task_metrics = metrics.clone();
        let task = tokio::spawn(async move {
            while let Some(mut event) = events.recv().await {
                let payload = match encode(&mut event) {
                    Ok(payload) => payload,
                    Err(error) => {
                        warn!(%error, kind = %event.kind, "failed to encode event");
                        task_metrics.record_event_dropped();
                        continue;
                    }
                };
                trace!(kind = %event.kind, "publishing event");
                match client.publish(event.subject(), payload.into()).await {
                    Ok(()) => task_metrics.record_event_published(),
                    Err(error) => {
                        warn!(%error, kind = %event.kind, "failed to publish event");
                        task_metrics.record_event_dropped();
                    }
                }
            }
            let _ = client.flush().await;
        });
        (
            NatsPublisher {
                queue,
                metrics,
                drops: Drops::default(),
            },
            task,
        )
    }
}

impl EventPublisher for NatsPublisher {
    fn publish(&self, event: Event) {
        match self.queue.try_send(event) {
            Ok(()) => {
                if let Some(dropped) = self.drops.queued() {
                    info!(dropped, "event queue has room again");
                }
            }
            Err(error) => {
                self.metrics.record_event_dropped();
                if let Some(in_a_row) = self.drops.dropped() {
                    warn!(kind = %error.into_inner().kind, in_a_row, "event queue full; events dropped");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Drops;

    #[test]
    fn a_flood_of_drops_warns_a_handful_of_times_and_says_how_many_when_it_ends() {
        let drops = Drops::default();
        assert_eq!(drops.queued(), None);
        let warned: Vec<u64> = (0..500_000).filter_map(|_| drops.dropped()).collect();
        assert_eq!(warned, vec![1, 10, 100, 1_000, 10_000, 100_000]);
        assert_eq!(drops.queued(), Some(500_000));
        assert_eq!(drops.queued(), None);
        assert_eq!(drops.dropped(), Some(1), "a new run counts from one");
    }
}
