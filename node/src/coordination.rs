//! Coordination between chats and nodes over JetStream: key-value buckets and, on them, locks, the chat registry,
//! messages between chats and the task queue.

pub mod bucket;
pub mod kv;
pub mod locks;
pub mod messages;
pub mod registry;
mod service;
pub mod supervise;
pub mod tasks;

pub use service::{
    CoordOp, Coordination, CoordinationError, CoordinationResult, Pieces, Presence, Taken, Tasks,
    sweep,
};
