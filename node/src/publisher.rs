//! [`NatsPublisher`]: the [`EventPublisher`] of a running node. Events go through a bounded queue to one
//! task that publishes them on NATS, so an actor never waits on the network.

use async_nats::Client;
use shim_actors::EventPublisher;
use shim_protocol::{Event, codec};
use tokio::{sync::mpsc, task::JoinHandle};
use tracing::{trace, warn};

use crate::metrics::NodeMetrics;

/// Events waiting to be published before new ones are dropped.
const QUEUE_CAPACITY: usize = 4096;

/// Publishes events on `shim.events.<component>.<name>` as JSON.
#[derive(Debug, Clone)]
pub struct NatsPublisher {
    queue: mpsc::Sender<Event>,
    metrics: NodeMetrics,
}

impl NatsPublisher {
    /// Starts the publishing task; it ends once every clone of the publisher is dropped.
    pub fn start(client: Client, metrics: NodeMetrics) -> (NatsPublisher, JoinHandle<()>) {
        let (queue, mut events) = mpsc::channel::<Event>(QUEUE_CAPACITY);
        let task_metrics = metrics.clone();
        let task = tokio::spawn(async move {
            while let Some(event) = events.recv().await {
                let payload = match codec::encode_event(&event) {
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
        (NatsPublisher { queue, metrics }, task)
    }
}

impl EventPublisher for NatsPublisher {
    fn publish(&self, event: Event) {
        if let Err(error) = self.queue.try_send(event) {
            warn!(kind = %error.into_inner().kind, "event queue full; event dropped");
            self.metrics.record_event_dropped();
        }
    }
}
