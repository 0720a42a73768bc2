//! Coordination between chats and nodes over JetStream: key-value buckets and, on them, locks. (The
//! chat registry, task queue and messages build on the same pieces.)

pub mod kv;
pub mod locks;
