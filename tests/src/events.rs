//! Following the node's events the way a person does with `nats sub 'shim.events.>'`.

use futures::StreamExt;
use serde_json::Value;

use crate::DEADLINE;

/// A subscription to events, known to the server by the time [`EventFeed::subscribe`] returns.
pub struct EventFeed {
    subscription: async_nats::Subscriber,
}

impl EventFeed {
    /// Subscribes to `subject` (`"shim.events.tasks.*"`, ...) and flushes, so no event published afterwards is
    /// missed.
    pub async fn subscribe(client: &async_nats::Client, subject: &str) -> EventFeed {
        let subscription = client
            .subscribe(subject.to_owned())
            .await
            .expect("subscribes");
        client.flush().await.expect("flush");
        EventFeed { subscription }
    }

    /// Returns the next event's subject and JSON body; panics when none comes within [`DEADLINE`].
    pub async fn next(&mut self) -> (String, Value) {
        let message = tokio::time::timeout(DEADLINE, self.subscription.next())
            .await
            .expect("an event within the deadline")
            .expect("the subscription is open");
        let body = serde_json::from_slice(&message.payload).expect("events are JSON");
        (message.subject.to_string(), body)
    }
}
