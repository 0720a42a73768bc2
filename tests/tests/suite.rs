//! SHIM's integration scenarios, built as one test binary.
//!
//! Each module is one area (its file beside this one). They are modules of one binary rather than a
//! binary each because every binary links the whole node: fifty of them took 5.5 GB of disk and most of
//! a clean build's link time. Run one area with `cargo test -p shim-tests --test suite <module>::`.
//!
//! `privacy.rs` is the one binary of its own (`--test privacy`): its tests set the process's umask, which every
//! test here would share.

mod analytics;
mod auth;
mod autostart;
mod bad_input;
mod chat_identity;
mod cli;
mod cli_exit;
mod cluster;
mod cluster_setup;
mod coordination_service;
mod coordination_supervision;
mod crash_recovery;
mod dashboards;
mod dispatch_outage;
mod docs;
mod ids;
mod kaizen;
mod kaizen_cli;
mod locks;
mod maps;
mod mcp;
mod mcp_advice;
mod mcp_protocol;
mod messages;
mod metrics;
mod nats_restart;
mod nats_server;
mod node_over_nats;
mod otlp;
mod profile;
mod recovery;
mod registry;
mod resume_from_transcript;
mod routing;
mod routing_model;
mod secrets;
mod service;
mod session_start;
mod simulate;
mod stats;
mod supervision;
mod tasks;
mod transcripts;
mod waits;
mod waits_mcp;
mod waits_nats_py;
mod watch;
mod who;
mod workflows;
