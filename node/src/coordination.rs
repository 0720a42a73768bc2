//! Coordination between chats and nodes over JetStream: key-value buckets and, on them, locks and the chat registry. (The
//! chat registry, task queue and messages build on the same pieces.)

pub mod kv;
pub mod locks;
pub mod messages;
pub mod registry;
