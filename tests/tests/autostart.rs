//! The embedded default end to end: `shim-node mcp` finds no node, starts `shim-node run` in the
//! background, which finds no NATS and starts its own nats-server; then the CLI talks to it, and SIGTERM
//! stops node and server in order.

use std::{os::unix::fs::PermissionsExt, path::Path, process::Command};

use nix::{sys::signal::Signal, unistd::Pid};
use serde_json::{Value, json};
use shim_tests::{DEADLINE, McpClient, NatsServer, POLL, free_port, wait_until};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

/// A `shim-node run` started in the background by `shim-node mcp`: SIGTERMed on drop, so a failed assertion
/// leaves no node (and no embedded nats-server) behind.
struct BackgroundNode {
    pid: i32,
}

impl BackgroundNode {
    /// Finds the node that holds `data_dir`'s lock.
    fn of(data_dir: &Path) -> BackgroundNode {
        let pid = node_pid(data_dir).expect("the node wrote its pid into the lock file");
        assert!(alive(pid), "the background node {pid} is running");
        BackgroundNode { pid }
    }

    /// Sends SIGTERM and waits until the process is gone.
    async fn terminate(self) {
        let pid = self.pid;
        nix::sys::signal::kill(Pid::from_raw(pid), Signal::SIGTERM).expect("signal");
        assert!(
            wait_until(|| async { !alive(pid) }, DEADLINE, POLL).await,
            "node {pid} stopped"
        );
    }
}

impl Drop for BackgroundNode {
    fn drop(&mut self) {
        let _ = nix::sys::signal::kill(Pid::from_raw(self.pid), Signal::SIGTERM);
    }
}

fn node_pid(data_dir: &Path) -> Option<i32> {
    std::fs::read_to_string(data_dir.join("shim-node.lock"))
        .ok()?
        .trim()
        .parse()
        .ok()
}

fn alive(pid: i32) -> bool {
    nix::sys::signal::kill(Pid::from_raw(pid), None).is_ok()
        && !std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .is_ok_and(|stat| stat.split_whitespace().nth(2) == Some("Z"))
}

/// A data dir and the flags that point `shim-node` at it, a node id and a NATS URL.
struct Sandbox {
    data_dir: tempfile::TempDir,
    url: String,
    port: u16,
    node_id: &'static str,
}

impl Sandbox {
    /// A sandbox whose NATS URL is a free local port, where nothing answers yet.
    fn with_free_port(node_id: &'static str) -> Sandbox {
        let port = free_port();
        Sandbox::with_url(node_id, format!("nats://127.0.0.1:{port}"), port)
    }

    fn with_url(node_id: &'static str, url: String, port: u16) -> Sandbox {
        Sandbox {
            data_dir: tempfile::tempdir().expect("temp dir"),
            url,
            port,
            node_id,
        }
    }

    fn path(&self) -> &Path {
        self.data_dir.path()
    }

    fn args(&self) -> Vec<String> {
        [
            "--nats-url",
            &self.url,
            "--node-id",
            self.node_id,
            "--data-dir",
            &self.path().display().to_string(),
            "--metrics-addr",
            "off",
            "--otlp-addr",
            "off",
        ]
        .map(str::to_owned)
        .to_vec()
    }

    /// Spawns `shim-node mcp` (autostart on) and runs the handshake.
    async fn mcp(&self) -> McpClient {
        let args = self.args();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let mut mcp = McpClient::spawn(Path::new(EXE), &args, &[], &self.path().join("mcp.log"));
        mcp.initialize().await;
        mcp
    }

    fn node_log(&self) -> String {
        std::fs::read_to_string(self.path().join("logs/node.log")).unwrap_or_default()
    }
}

#[tokio::test]
async fn mcp_starts_the_node_which_starts_its_own_nats_server() {
    let sandbox = Sandbox::with_free_port("autostart-test");
    let mut mcp = sandbox.mcp().await;
    let result = mcp.call_tool("shim_status", json!({})).await;
    assert_ne!(
        result["isError"],
        json!(true),
        "{result}\nnode log:\n{}",
        sandbox.node_log()
    );
    assert_eq!(result["structuredContent"]["node_id"], "autostart-test");
    assert_eq!(
        result["structuredContent"]["nats_url"],
        sandbox.url.as_str()
    );
    assert!(mcp.close().await);

    // The node outlives the MCP server that started it, and is found by the CLI.
    let node = BackgroundNode::of(sandbox.path());
    let output = Command::new(EXE)
        .args(["status", "--json"])
        .args(sandbox.args())
        .output()
        .expect("status runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let status: Value = serde_json::from_slice(&output.stdout).expect("status --json prints JSON");
    assert_eq!(status["node_id"], "autostart-test");
    assert!(
        sandbox.path().join("nats/nats.conf").is_file(),
        "embedded server settings written"
    );
    assert!(
        sandbox.path().join("nats/jetstream").is_dir(),
        "embedded JetStream store in the data dir"
    );

    // The server it started takes only the credentials the node made (0600), which the CLI above presented.
    let auth = shim_tests::embedded_auth(sandbox.path()).expect("the node made credentials");
    let auth_file = sandbox.path().join("nats/auth.toml");
    assert_eq!(
        std::fs::metadata(&auth_file)
            .expect("auth.toml")
            .permissions()
            .mode()
            & 0o777,
        0o600
    );
    let refused = async_nats::connect(&sandbox.url)
        .await
        .expect_err("a client without the credentials is refused");
    assert_eq!(
        refused.kind(),
        async_nats::ConnectErrorKind::AuthorizationViolation,
        "{refused}"
    );
    let wrong = async_nats::ConnectOptions::with_user_and_password(
        "shim".to_owned(),
        "not-the-password".to_owned(),
    )
    .connect(&sandbox.url)
    .await
    .expect_err("a wrong password is refused");
    assert_eq!(
        wrong.kind(),
        async_nats::ConnectErrorKind::AuthorizationViolation
    );
    let client = shim_node::nats::connect_with(&sandbox.url, "autostart test", false, None, &auth)
        .await
        .expect("the node's credentials are taken");
    client.flush().await.expect("connected");

    // SIGTERM: the node stops, and so does the nats-server it started.
    node.terminate().await;
    let nats_gone = wait_until(
        || async { std::net::TcpStream::connect(("127.0.0.1", sandbox.port)).is_err() },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(nats_gone, "the embedded nats-server stopped with the node");
    assert!(
        sandbox.node_log().contains("shim-node stopped"),
        "{}",
        sandbox.node_log()
    );
}

#[tokio::test]
async fn mcp_starts_a_node_on_an_existing_nats_server() {
    let nats = NatsServer::start();
    let sandbox = Sandbox::with_url("autostart-existing", nats.url(), nats.port());
    let mut mcp = sandbox.mcp().await;
    let result = mcp.call_tool("shim_session_start", json!({})).await;
    assert_ne!(result["isError"], json!(true), "{result}");
    assert!(mcp.close().await);
    let node = BackgroundNode::of(sandbox.path());
    assert!(
        !sandbox.path().join("nats").exists(),
        "no embedded server when one answers"
    );
    // A node already runs on this data dir: a second `run` is refused with a clear message.
    let second = Command::new(EXE)
        .arg("run")
        .args(sandbox.args())
        .output()
        .expect("runs");
    assert!(!second.status.success());
    assert!(String::from_utf8_lossy(&second.stderr).contains("already running"));
    node.terminate().await;
}

#[tokio::test]
async fn run_without_nats_server_installed_says_how_to_install_it() {
    let data_dir = tempfile::tempdir().expect("temp dir");
    let port = free_port();
    let output = Command::new(EXE)
        .args([
            "run",
            "--nats-url",
            &format!("nats://127.0.0.1:{port}"),
            "--metrics-addr",
            "off",
            "--otlp-addr",
            "off",
            "--data-dir",
        ])
        .arg(data_dir.path())
        .env(
            "SHIM_NATS_SERVER_BIN",
            data_dir.path().join("no-such-nats-server"),
        )
        .output()
        .expect("runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("nats-server is not installed")
            && stderr.contains("shim-node setup nats-server"),
        "{stderr}"
    );
}

#[tokio::test]
async fn mcp_brings_the_node_back_when_it_dies_mid_session() {
    let sandbox = Sandbox::with_free_port("recovery-test");
    let mut mcp = sandbox.mcp().await;
    let first = mcp.call_tool("shim_status", json!({})).await;
    assert_ne!(first["isError"], json!(true), "{first}");
    let chat_id = first["structuredContent"]["chat_id"].clone();

    // The node (and with it the embedded nats-server) goes away under the running MCP server.
    let first_node = BackgroundNode::of(sandbox.path());
    let first_pid = first_node.pid;
    first_node.terminate().await;

    let second = mcp.call_tool("shim_status", json!({})).await;
    assert_ne!(
        second["isError"],
        json!(true),
        "{second}\nnode log:\n{}",
        sandbox.node_log()
    );
    assert_eq!(
        second["structuredContent"]["chat_id"], chat_id,
        "the default chat re-attached"
    );
    let second_node = BackgroundNode::of(sandbox.path());
    assert_ne!(second_node.pid, first_pid, "a new node was started");
    assert!(mcp.close().await);
    second_node.terminate().await;
}

/// A node the MCP server starts that exits at once (here: something else holds the data dir's lock, which only
/// a node may) is reported as such, with its log, within moments: the server used to wait its whole 30 s for it
/// (and a SessionStart hook its 10 s, at every compaction).
#[tokio::test]
async fn a_node_that_exits_at_once_is_reported_with_its_log_without_waiting() {
    let nats = NatsServer::start();
    let sandbox = Sandbox::with_url("autostart-exits", nats.url(), nats.port());
    let lock = std::fs::File::create(sandbox.path().join("shim-node.lock")).expect("the lock file");
    lock.lock().expect("held here");
    let mut mcp = sandbox.mcp().await;
    let result = mcp.call_tool("shim_session_start", json!({})).await;
    assert_eq!(result["isError"], json!(true), "{result}");
    let said = result.to_string();
    assert!(
        said.contains("started shim-node but it exited")
            && said.contains("already running")
            && !said.contains("did not answer within"),
        "{said}"
    );
    assert!(mcp.close().await);
    drop(lock);
}
