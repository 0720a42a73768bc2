//! A node running in the test's own process, with its own data dir and metrics port.

use std::{
    sync::atomic::{AtomicU32, Ordering},
    time::Duration,
};

use shim_node::{RunningNode, config::Config, nats::NodeClient};
use tempfile::TempDir;

static NEXT_NODE: AtomicU32 = AtomicU32::new(0);

/// A started node; stop it with [`TestNode::stop`] (dropping it leaves its tasks to the runtime's end).
#[derive(Debug)]
pub struct TestNode {
    node: RunningNode,
    config: Config,
    _data_dir: TempDir,
}

impl TestNode {
    /// Returns a configuration for a node on `nats_url` with a fresh data dir and node id.
    pub fn config(nats_url: &str) -> (Config, TempDir) {
        let data_dir = tempfile::Builder::new()
            .prefix("shim-node-")
            .tempdir()
            .expect("temp data dir");
        let config = Config {
            nats_url: nats_url.to_owned(),
            data_dir: data_dir.path().to_path_buf(),
            node_id: format!(
                "test-{}-{}",
                std::process::id(),
                NEXT_NODE.fetch_add(1, Ordering::Relaxed)
            ),
            metrics_addr: Some("127.0.0.1:0".parse().expect("socket address")),
            otlp_addr: Some("127.0.0.1:0".parse().expect("socket address")),
            embedded_nats: false,
            request_timeout_ms: 5_000,
            ..Config::default()
        };
        (config, data_dir)
    }

    /// Starts a node on `nats_url`.
    pub async fn start(nats_url: &str) -> TestNode {
        let (config, data_dir) = TestNode::config(nats_url);
        TestNode::start_with(config, data_dir).await
    }

    /// Starts a node with `config`, keeping `data_dir` alive as long as the node.
    pub async fn start_with(config: Config, data_dir: TempDir) -> TestNode {
        let node = shim_node::start(config.clone()).await.expect("node starts");
        TestNode {
            node,
            config,
            _data_dir: data_dir,
        }
    }

    /// Returns the node's configuration.
    pub fn config_ref(&self) -> &Config {
        &self.config
    }

    /// Returns the node's id.
    pub fn node_id(&self) -> &str {
        self.node.node_id()
    }

    /// The flags that point a `shim-node` command at this node as a person on its machine runs it: its NATS
    /// URL, its id and its data dir (where the command finds what the node keeps for this machine).
    pub fn cli_flags(&self) -> Vec<String> {
        vec![
            "--nats-url".to_owned(),
            self.config.nats_url.clone(),
            "--node-id".to_owned(),
            self.node_id().to_owned(),
            "--data-dir".to_owned(),
            self.config.data_dir.display().to_string(),
        ]
    }

    /// Spawns `exe mcp --no-autostart` pointed at this node, runs the MCP handshake and returns the client; its
    /// logs go to `stderr_path`.
    pub async fn mcp(&self, exe: &str, stderr_path: &std::path::Path) -> crate::McpClient {
        let data_dir = self.config.data_dir.display().to_string();
        let mut client = crate::McpClient::spawn(
            std::path::Path::new(exe),
            &[
                "--nats-url",
                &self.config.nats_url,
                "--node-id",
                self.node_id(),
                "--data-dir",
                &data_dir,
                "--no-autostart",
            ],
            &[],
            stderr_path,
        );
        client.initialize().await;
        client
    }

    /// Returns the node's root actor, for scenarios that inject failures.
    pub fn supervisor(&self) -> &ractor::ActorRef<shim_actors::SupervisorMessage> {
        self.node.supervisor()
    }

    /// Returns a typed client for this node on a new NATS connection.
    pub async fn client(&self) -> NodeClient {
        let auth = shim_node::nats::NatsAuth::of(&self.config).expect("the node's NATS settings");
        let nats = shim_node::nats::connect_with(&self.config.nats_url, "test", false, None, &auth)
            .await
            .expect("test client connects");
        NodeClient::new(nats, self.node_id(), Duration::from_secs(5))
    }

    /// A client acting for this node's chat `chat_id`, with the secret the node derives for it (as the chat's
    /// hooks and MCP server present it).
    pub async fn client_for(&self, chat_id: &str) -> NodeClient {
        crate::own(&self.client().await, &self.config.data_dir, chat_id)
    }

    /// Returns the address the node's `/metrics` listens on.
    pub fn metrics_addr(&self) -> std::net::SocketAddr {
        self.node.metrics_addr().expect("metrics are on in tests")
    }

    /// Fetches `/metrics` as text.
    pub async fn metrics(&self) -> String {
        let addr = self.node.metrics_addr().expect("metrics are on in tests");
        http_get(addr, "/metrics").await
    }

    /// Returns where the node's OTLP receiver listens.
    pub fn otlp_addr(&self) -> std::net::SocketAddr {
        self.node
            .otlp_addr()
            .expect("the OTLP receiver is on in tests")
    }

    /// The `Authorization` header value the node's OTLP receiver takes, as `shim-node otel-headers` prints it.
    pub fn otlp_authorization(&self) -> String {
        let headers = shim_node::otlp::headers(&self.config.data_dir)
            .expect("the node's headers helper answers");
        let headers: serde_json::Value = serde_json::from_str(&headers).expect("JSON");
        headers["Authorization"]
            .as_str()
            .expect("an Authorization header")
            .to_owned()
    }

    /// The node's OTLP receiver, with the header Claude Code presents to it.
    pub fn otlp(&self) -> crate::otlp::Receiver {
        crate::otlp::Receiver {
            addr: self.otlp_addr(),
            authorization: self.otlp_authorization(),
        }
    }

    /// Stops the node in order.
    pub async fn stop(self) {
        self.node.stop().await;
    }

    /// Stops the node and starts it again on the same data dir and configuration.
    pub async fn restart(self) -> TestNode {
        let TestNode {
            node,
            config,
            _data_dir,
        } = self;
        node.stop().await;
        TestNode::start_with(config, _data_dir).await
    }
}

/// Returns the body of a plain HTTP/1.1 GET (enough for `/metrics`).
pub async fn http_get(addr: std::net::SocketAddr, path: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr)
        .await
        .expect("metrics endpoint answers");
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream
        .write_all(request.as_bytes())
        .await
        .expect("request sent");
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .await
        .expect("response read");
    assert!(
        response.starts_with("HTTP/1.1 200"),
        "unexpected response: {response}"
    );
    response
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_owned())
        .unwrap_or_default()
}

/// Returns the value of the series `name{labels}` in a Prometheus text body, if present; `labels` must
/// each appear in the series' label set.
pub fn metric_value(body: &str, name: &str, labels: &[&str]) -> Option<f64> {
    body.lines()
        .filter(|line| !line.starts_with('#'))
        .filter(|line| {
            line.split(['{', ' ']).next() == Some(name)
                && labels.iter().all(|label| line.contains(label))
        })
        .filter_map(|line| line.rsplit(' ').next()?.parse::<f64>().ok())
        .reduce(|sum, value| sum + value)
}
