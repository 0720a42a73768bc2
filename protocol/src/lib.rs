//! Wire contract of SHIM: every NATS subject, every payload and the rules that keep old and new nodes
//! talking to each other.
//!
//! # Layout
//! - [`subject`]: the only place that spells subjects, and the validation of ids put into them.
//! - [`codec`]: MessagePack (named fields) for request/reply, JSON for events, and the size limit.
//! - [`limits`]: the limits both sides of the wire agree on (waits, sizes, attempts).
//! - [`error`]: [`WireError`], the error half of every reply, and [`CodecError`].
//! - [`version`]: the protocol version carried in the `Shim-Protocol` header of every request and reply.
//! - [`messages`]: request and reply bodies, one module per component.
//! - [`event`]: the JSON envelope published on `shim.events.<component>.<name>`.
//!
//! # Subjects
//! Every subject is built in [`subject`]; docs/protocol.md has each operation's payloads. The families:
//!
//! | subject | who answers |
//! |---|---|
//! | `shim.v1.node.<node_id>.<op>` ([`NodeOp`]) | that node: sessions, status, signals, risk, checkpoints, resume, chat heartbeats |
//! | `shim.v1.coord.<op>` (the [`NodeOp`]s [`NodeOp::is_cluster_wide`] names) | any node, queue group `shim-coord`: tasks, chat list, messages, locks |
//! | `shim.v1.router.<op>` ([`subject::RouterOp`]) | any node, queue group `shim-router`: routing |
//! | `shim.v1.analytics.<op>` ([`subject::AnalyticsOp`]) | any node, queue group `shim-analytics`: sessions and summaries from the stored events |
//! | `shim.v1.tasks.*`, `shim.v1.msg.*`, `$KV.*` | JetStream streams and buckets, not services |
//! | `shim.events.<component>.<name>` | nobody: [`event::Event`] (JSON), published |
//!
//! # Compatibility rules
//! - Payloads are encoded with field names (`rmp_serde::to_vec_named`), so a reader skips fields it does not
//!   know and a writer may omit fields that carry `#[serde(default)]`.
//! - Fields are only ever added, always with `#[serde(default)]`; a field is never renamed, retyped or reused.
//! - A new enum variant, or any change an old reader cannot decode, bumps [`version::PROTOCOL_VERSION`];
//!   a change that old nodes cannot even route bumps the `v1` token in the subjects.
#![warn(missing_docs, unreachable_pub, missing_debug_implementations)]

pub mod codec;
pub mod error;
pub mod event;
pub mod limits;
pub mod messages;
pub mod subject;
pub mod version;

pub use codec::{decode, decode_reply, encode, encode_reply};
pub use error::{CodecError, WireError, WireResult};
pub use event::Event;
pub use subject::{NodeOp, SubjectError};
pub use version::{
    CHAT_SECRET_HEADER, MIN_PROTOCOL_VERSION, PROTOCOL_HEADER, PROTOCOL_VERSION, RECEIPT_HEADER,
    TIMEOUT_HEADER,
};
