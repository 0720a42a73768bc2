//! Coordination between chats and nodes over JetStream: key-value buckets and, on them, locks, the chat registry,
//! messages between chats and the task queue, served as one service ([`Coordination`]).
//!
//! - `service`: [`Coordination`], its typed operations, [`CoordinationError`] (a `WireError` only at its edge,
//!   [`Coordination::serve`]), presence and heartbeats, the registry sweep and the hand-back at stop; served on
//!   each node's subjects and as the queue group `shim-coord` on `shim.v1.coord.<operation>` ([`CoordOp`]).
//! - [`bucket`]: the typed key-value bucket every compare-and-set goes through (one retry count).
//! - [`kv`]: opening buckets on any nats-server SHIM supports.
//! - [`streams`]: streams (and buckets) at the configured number of copies, created, brought to it, or a
//!   refusal explained.
//! - [`lease`]: which one node runs a cluster-wide background job (the abandon sweep), taken and renewed by
//!   compare-and-set in `shim_leases`, passed on when its holder stops renewing.
//! - [`locks`], [`registry`], [`messages`], [`tasks`]: the pieces (the task queue with its pure record
//!   transitions in [`tasks::transitions`]).
//! - [`supervise`]: the background tasks (task index follower, puller listener, registry sweeper), restarted
//!   with back-off and reported.

pub mod bucket;
pub mod chat_keys;
pub mod kv;
pub mod lease;
pub mod locks;
pub mod messages;
pub mod registry;
mod service;
pub mod streams;
pub mod supervise;
pub mod tasks;

pub use service::{
    CoordOp, Coordination, CoordinationError, CoordinationResult, Pieces, Presence, Silent, Taken,
    Tasks, sweep,
};
