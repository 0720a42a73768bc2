//! `shim-node run` as a process of its own (for kill -9, memory readings and benchmarks), killed on drop.

use std::{
    path::Path,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use shim_node::{
    data_dir::DataDir,
    nats::{ClientError, EmbeddedCredentials, NatsAuth, NodeClient, connect_with},
};
use shim_protocol::{
    NodeOp,
    messages::{HelloReply, HelloRequest},
};

/// A running `shim-node run`.
#[derive(Debug)]
pub struct NodeProcess {
    child: Child,
}

impl NodeProcess {
    /// Starts `exe run` on `nats_url` with `node_id` and `data_dir`, metrics off, its output appended to
    /// `<data_dir>/node-process.log`.
    pub fn start(exe: &str, nats_url: &str, node_id: &str, data_dir: &Path) -> NodeProcess {
        NodeProcess::start_with_env(exe, nats_url, node_id, data_dir, &[])
    }

    /// Like [`start`](Self::start), with extra environment variables (`SHIM_TASK_ACK_WAIT_S`, ...).
    pub fn start_with_env(
        exe: &str,
        nats_url: &str,
        node_id: &str,
        data_dir: &Path,
        env: &[(&str, &str)],
    ) -> NodeProcess {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(data_dir.join("node-process.log"))
            .map(Stdio::from)
            .unwrap_or_else(|_| Stdio::null());
        let child = Command::new(exe)
            .args([
                "run",
                "--nats-url",
                nats_url,
                "--node-id",
                node_id,
                "--metrics-addr",
                "off",
                "--otlp-addr",
                "off",
                "--data-dir",
            ])
            .arg(data_dir)
            .env("SHIM_LOG", "info,async_nats=warn")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("shim-node run starts");
        NodeProcess { child }
    }

    /// Returns the process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Returns whether the process has exited (reaping it if so).
    pub fn has_exited(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(Some(_)))
    }

    /// Kills the process outright (SIGKILL), as a crash would, and reaps it.
    pub fn kill_9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for NodeProcess {
    fn drop(&mut self) {
        self.kill_9();
    }
}

/// Waits (up to 30 s) until the server no longer routes anything to node `client.node_id()`: its own subject has
/// no responders. A killed node's subscriptions, queue groups included, live on in the server until the server
/// has seen its connection close; a request routed to one of them before then is never answered.
pub async fn wait_for_node_gone(client: &NodeClient) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let answer = client
            .with_timeout(Duration::from_millis(500))
            .request_to_node::<_, HelloReply>(
                NodeOp::Hello,
                &HelloRequest {
                    client: "shim-tests".to_owned(),
                },
            )
            .await;
        if matches!(answer, Err(ClientError::NoNode { .. })) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "node {} is still subscribed: {answer:?}",
            client.node_id()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Connects to `nats_url` and waits (up to 30 s) until node `node_id` answers; returns a client for it.
pub async fn wait_for_node(nats_url: &str, node_id: &str, timeout: Duration) -> NodeClient {
    wait_for(nats_url, node_id, None, timeout).await
}

/// [`wait_for_node`] for a node that runs its own nats-server: connects with the credentials the node keeps in
/// `data_dir` (`nats/auth.toml`), as every SHIM process of its user does.
pub async fn wait_for_embedded_node(
    nats_url: &str,
    node_id: &str,
    data_dir: &Path,
    timeout: Duration,
) -> NodeClient {
    wait_for(nats_url, node_id, Some(data_dir), timeout).await
}

/// What a client presents to the nats-server the node of `data_dir` started.
pub fn embedded_auth(data_dir: &Path) -> Option<NatsAuth> {
    let credentials = EmbeddedCredentials::load(&DataDir::new(data_dir)).ok()??;
    Some(NatsAuth {
        credentials: credentials.credentials(),
        ..NatsAuth::none()
    })
}

async fn wait_for(
    nats_url: &str,
    node_id: &str,
    data_dir_opt: Option<&Path>,
    timeout: Duration,
) -> NodeClient {
    let deadline = Instant::now() + Duration::from_secs(30);
    let nats = loop {
        let auth = match data_dir_opt {
            Some(data_dir) => embedded_auth(data_dir),
            None => Some(NatsAuth::none()),
        };
        let connected = match &auth {
            Some(auth) => connect_with(nats_url, "shim-tests", false, None, auth)
                .await
                .map_err(|error| error.to_string()),
            None => Err("the node has not made its credentials yet".to_owned()),
        };
        match connected {
            Ok(nats) => break nats,
            Err(error) => {
                assert!(
                    Instant::now() < deadline,
                    "cannot reach NATS at {nats_url}: {error}"
                );
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
    };
    let node = NodeClient::new(nats, node_id, timeout);
    while node
        .request::<_, HelloReply>(
            NodeOp::Hello,
            &HelloRequest {
                client: "shim-tests".to_owned(),
            },
        )
        .await
        .is_err()
    {
        assert!(Instant::now() < deadline, "node {node_id} did not come up");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    node
}

/// Returns the 50th and 99th percentiles of `samples`.
pub fn percentiles(samples: Vec<Duration>) -> (Duration, Duration) {
    let [p50, p99] = quantiles(samples, [0.50, 0.99]);
    (p50, p99)
}

/// Returns the given quantiles (0 to 1) of `samples`, nearest rank below.
pub fn quantiles<const N: usize>(mut samples: Vec<Duration>, wanted: [f64; N]) -> [Duration; N] {
    samples.sort_unstable();
    wanted.map(|quantile| {
        samples[((samples.len() as f64 * quantile) as usize).min(samples.len() - 1)]
    })
}
