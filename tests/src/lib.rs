//! SHIM's integration harness. Every scenario under `tests/` starts its own real `nats-server` on a free
//! loopback port ([`NatsServer`]), runs a node in-process ([`TestNode`]) or as a process, and drives it over
//! NATS ([`shim_node::nats::NodeClient`]) and over MCP ([`McpClient`], JSON-RPC on a spawned
//! `shim-node mcp`'s stdio).
//!
//! # Layout
//! - [`nats_server`]: the `nats-server` guard: start on a free port, restart on the same port, stop on drop.
//! - [`nats_cluster`]: three servers clustered with `nats-cluster.conf`: kill one, restart it, stop on drop.
//! - [`node`]: an in-process node with its own data dir and metrics port.
//! - [`mcp_client`]: a minimal MCP client over a child process's stdio.
//! - [`node_process`]: `shim-node run` as its own process, and waiting for a node to answer.
//! - [`events`]: following the node's events.
//! - [`hooks`]: running a hook's command as Claude Code does (`sh -c`, the hook JSON on stdin).
//! - [`otlp`]: OTLP/HTTP exports as Claude Code sends them, and a plain HTTP/1.1 POST to send them with.
//! - [`chats`]: waiting for the chat registry to list a chat in some state.
//! - [`routing_eval`]: the routing corpus, the baselines and the evaluation of the learned router.
//! - [`dashboards`]: the Grafana dashboards' queries and the metrics they select.
//! - [`metrics_doc`]: docs/metrics.md's table, the catalogue's rows and an exposition, in one shape.
//! - [`workload`]: a scripted workload that makes a node record every metric of the catalogue.
//! - [`prometheus`]: a real `prometheus` server scraping a node, stopped on drop.
//! - [`load`]: what a load benchmark records: each operation's latencies and errors, processes' memory and CPU.

pub mod chats;
pub mod dashboards;
pub mod events;
pub mod hooks;
pub mod load;
pub mod mcp_client;
pub mod metrics_doc;
pub mod nats_cluster;
pub mod nats_server;
pub mod node;
pub mod node_process;
pub mod otlp;
pub mod prometheus;
pub mod routing_eval;
pub mod sessions;
pub mod workload;

use std::time::Duration;

pub use chats::{acting, own, remember, save_checkpoint, wait_for_chat};
pub use events::EventFeed;
pub use hooks::{HookRun, run_hook, sh_quote};
pub use mcp_client::McpClient;
pub use nats_cluster::NatsCluster;
pub use nats_server::{NatsOptions, NatsServer};
pub use node::TestNode;
pub use node_process::{
    NodeProcess, embedded_auth, percentiles, quantiles, wait_for_embedded_node, wait_for_node,
    wait_for_node_gone,
};
pub use sessions::plant_sessions;
pub use shim_actors::test_utils::wait_until;

/// Default deadline for anything a test waits for.
pub const DEADLINE: Duration = Duration::from_secs(20);

/// Default polling interval.
pub const POLL: Duration = Duration::from_millis(20);

/// Returns the repository root (where `nats.conf` lives).
pub fn repo_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_else(|| ".".into())
}

/// Returns a free TCP port on 127.0.0.1 (bound, then released).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free loopback port")
}
