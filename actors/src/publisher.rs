//! How actors publish events without holding a NATS client.

use std::{fmt, sync::Arc, time::SystemTime};

use shim_protocol::Event;

/// Sends events somewhere: NATS in the node, a vector in tests. Publishing never blocks and never
/// fails the caller; an implementation that cannot deliver drops the event and counts it.
pub trait EventPublisher: Send + Sync + 'static {
    /// Hands one event over for publication.
    fn publish(&self, event: Event);
}

/// Stamps events with the node id and the time, and hands them to an [`EventPublisher`].
#[derive(Clone)]
pub struct EventEmitter {
    node_id: Arc<str>,
    publisher: Arc<dyn EventPublisher>,
}

impl fmt::Debug for EventEmitter {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter
            .debug_struct("EventEmitter")
            .field("node_id", &self.node_id)
            .finish_non_exhaustive()
    }
}

impl EventEmitter {
    /// Returns an emitter for `node_id` that publishes through `publisher`.
    pub fn new(node_id: impl Into<Arc<str>>, publisher: Arc<dyn EventPublisher>) -> Self {
        EventEmitter {
            node_id: node_id.into(),
            publisher,
        }
    }

    /// Returns the node id stamped on every event.
    pub fn node_id(&self) -> &str {
        &self.node_id
    }

    /// Publishes `<component>.<name>` with `data`, about `chat_id_opt` when given.
    pub fn emit(
        &self,
        component: &str,
        name: &str,
        chat_id_opt: Option<&str>,
        data: serde_json::Value,
    ) {
        self.publisher.publish(Event {
            kind: format!("{component}.{name}"),
            ts: humantime::format_rfc3339_millis(SystemTime::now()).to_string(),
            node_id: self.node_id.to_string(),
            chat_id: chat_id_opt.map(str::to_owned),
            data,
        });
    }
}

#[cfg(any(test, feature = "testsuite"))]
pub use recording::RecordingPublisher;

#[cfg(any(test, feature = "testsuite"))]
mod recording {
    use std::sync::{Arc, Mutex};

    use shim_protocol::Event;

    use super::EventPublisher;

    /// Keeps every event in memory, for actor tests that need no NATS.
    #[derive(Debug, Clone, Default)]
    pub struct RecordingPublisher {
        events: Arc<Mutex<Vec<Event>>>,
    }

    impl RecordingPublisher {
        /// Returns the events published so far.
        pub fn events(&self) -> Vec<Event> {
            self.events
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .clone()
        }

        /// Returns the events of kind `kind` (`"chats.started"`).
        pub fn of_kind(&self, kind: &str) -> Vec<Event> {
            self.events()
                .into_iter()
                .filter(|event| event.kind == kind)
                .collect()
        }
    }

    impl EventPublisher for RecordingPublisher {
        fn publish(&self, event: Event) {
            self.events
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(event);
        }
    }
}
