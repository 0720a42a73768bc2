//! Three real `nats-server`s for one test, clustered with the repository's `nats-cluster.conf` as written (each
//! server's own settings in its environment), on free loopback ports with a store each; a server can be killed
//! (SIGKILL, as a crash would) and started again on the same ports and store. All are killed and cleaned up on
//! drop.

use std::{
    path::PathBuf,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use tempfile::TempDir;

/// How many servers a [`NatsCluster`] runs.
pub const CLUSTER_SIZE: usize = 3;

/// A running three-server cluster.
#[derive(Debug)]
pub struct NatsCluster {
    servers: Vec<ClusterServer>,
    conf: PathBuf,
    dir: TempDir,
}

/// One server of the cluster: its name, ports and process.
#[derive(Debug)]
struct ClusterServer {
    name: String,
    port: u16,
    cluster_port: u16,
    http_port: u16,
    child: Option<Child>,
}

impl NatsCluster {
    /// Starts three servers from `nats-cluster.conf` and waits until each is healthy: JetStream up, in the
    /// cluster, with a leader of its metadata.
    pub fn start() -> NatsCluster {
        // Free ports are picked by binding and letting go, so a test running beside this one may take one
        // before a server binds it: the server then exits ("address already in use"), and the cluster is
        // started again on other ports.
        let mut attempt = 1;
        loop {
            match NatsCluster::try_start() {
                Ok(cluster) => return cluster,
                Err(log) if attempt < 3 && log.contains("address already in use") => attempt += 1,
                Err(log) => panic!("{log}"),
            }
        }
    }

    fn try_start() -> Result<NatsCluster, String> {
        let dir = tempfile::Builder::new()
            .prefix("shim-nats-cluster-")
            .tempdir()
            .expect("temp dir for the cluster");
        let servers = (1..=CLUSTER_SIZE)
            .map(|number| ClusterServer {
                name: format!("nats-{number}"),
                port: crate::free_port(),
                cluster_port: crate::free_port(),
                http_port: crate::free_port(),
                child: None,
            })
            .collect();
        let mut cluster = NatsCluster {
            servers,
            conf: crate::repo_root().join("nats-cluster.conf"),
            dir,
        };
        for index in 0..CLUSTER_SIZE {
            cluster.spawn(index);
        }
        for index in 0..CLUSTER_SIZE {
            cluster.wait_healthy(index)?;
        }
        Ok(cluster)
    }

    /// Returns the client URLs of the three servers, separated by commas (a node's `nats_url`).
    pub fn urls(&self) -> String {
        (0..CLUSTER_SIZE)
            .map(|index| self.url(index))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Returns the client URL of server `index` (0, 1 or 2).
    pub fn url(&self, index: usize) -> String {
        format!("nats://127.0.0.1:{}", self.servers[index].port)
    }

    /// Returns the name of server `index` (`nats-1`, ...), as JetStream names a stream's leader.
    pub fn name(&self, index: usize) -> &str {
        &self.servers[index].name
    }

    /// Returns the index of the server named `name`.
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.servers.iter().position(|server| server.name == name)
    }

    /// Returns the URL of server `index`'s monitoring endpoints.
    pub fn monitoring_url(&self, index: usize) -> String {
        format!("http://127.0.0.1:{}", self.servers[index].http_port)
    }

    /// Kills server `index` (SIGKILL) and waits until it is gone.
    pub fn kill(&mut self, index: usize) {
        if let Some(mut child) = self.servers[index].child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Returns the process id of server `index`, while it runs.
    pub fn pid(&self, index: usize) -> Option<u32> {
        self.servers[index].child.as_ref().map(Child::id)
    }

    /// Returns true while server `index` runs.
    pub fn is_running(&self, index: usize) -> bool {
        self.servers[index].child.is_some()
    }

    /// Starts server `index` again (killing it first if it runs) on the same ports and store, and waits until
    /// it is healthy: back in the cluster and caught up.
    pub fn restart(&mut self, index: usize) {
        self.kill(index);
        self.spawn(index);
        if let Err(log) = self.wait_healthy(index) {
            panic!("{log}");
        }
    }

    /// Returns server `index`'s log, and what it printed before its log was open (a configuration it refused).
    pub fn log(&self, index: usize) -> String {
        let read =
            |suffix: &str| std::fs::read_to_string(self.path(index, suffix)).unwrap_or_default();
        format!("{}{}", read("stderr.log"), read("nats.log"))
    }

    /// Returns `GET path` of server `index`'s monitoring endpoints: the status code and the body.
    pub fn monitoring(&self, index: usize, path: &str) -> Option<(u16, String)> {
        http_get(self.servers[index].http_port, path)
    }

    fn path(&self, index: usize, suffix: &str) -> PathBuf {
        self.dir
            .path()
            .join(format!("{}-{suffix}", self.servers[index].name))
    }

    fn spawn(&mut self, index: usize) {
        let routes: Vec<String> = self
            .servers
            .iter()
            .map(|server| format!("nats://127.0.0.1:{}", server.cluster_port))
            .collect();
        let server = &self.servers[index];
        let stderr = std::fs::File::create(self.path(index, "stderr.log")).expect("stderr log");
        let mut command = Command::new(crate::nats_server::program());
        command
            .arg("-c")
            .arg(&self.conf)
            .arg("-l")
            .arg(self.path(index, "nats.log"))
            .env("SHIM_NATS_NAME", &server.name)
            .env("SHIM_NATS_HOST", "127.0.0.1")
            .env("SHIM_NATS_PORT", server.port.to_string())
            .env("SHIM_NATS_HTTP", format!("127.0.0.1:{}", server.http_port))
            .env("SHIM_NATS_STORE", self.path(index, "store"))
            .env(
                "SHIM_NATS_CLUSTER",
                format!("127.0.0.1:{}", server.cluster_port),
            )
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(stderr);
        for (number, route) in routes.iter().enumerate() {
            command.env(format!("SHIM_NATS_ROUTE_{}", number + 1), route);
        }
        let child = command.spawn().unwrap_or_else(|error| {
            panic!(
                "failed to start nats-server ({}): {error}",
                crate::nats_server::program().display()
            )
        });
        self.servers[index].child = Some(child);
    }

    /// Waits until server `index` answers `/healthz` with 200: JetStream on, the metadata leader known, its
    /// streams and consumers current. A server of the cluster that exited meanwhile (one whose port a test
    /// beside this one took first: `index` then never finds its metadata leader) ends the wait with its log.
    fn wait_healthy(&mut self, index: usize) -> Result<(), String> {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some((200, _)) = self.monitoring(index, "/healthz") {
                return Ok(());
            }
            for any in 0..CLUSTER_SIZE {
                if let Some(Ok(Some(status))) =
                    self.servers[any].child.as_mut().map(Child::try_wait)
                {
                    return Err(format!(
                        "{} exited with {status}; its log:\n{}",
                        self.servers[any].name,
                        self.log(any)
                    ));
                }
            }
            if Instant::now() >= deadline {
                return Err(format!(
                    "{} was not healthy within 30 s; /healthz: {:?}; its log:\n{}",
                    self.servers[index].name,
                    self.monitoring(index, "/healthz"),
                    self.log(index)
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for NatsCluster {
    fn drop(&mut self) {
        for index in 0..CLUSTER_SIZE {
            self.kill(index);
        }
    }
}

/// A plain HTTP/1.0 GET on a loopback port (the body comes whole, not chunked); none when nothing answers.
fn http_get(port: u16, path: &str) -> Option<(u16, String)> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    stream
        .write_all(format!("GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n").as_bytes())
        .ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    let (head, body) = response.split_once("\r\n\r\n")?;
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    Some((status, body.to_owned()))
}

/// The info of stream `name`, as JetStream gives it (its configuration, and where its copies are).
pub async fn stream_info(
    js: &async_nats::jetstream::Context,
    name: &str,
) -> async_nats::jetstream::stream::Info {
    js.get_stream(name)
        .await
        .unwrap_or_else(|error| panic!("stream {name}: {error}"))
        .info()
        .await
        .unwrap_or_else(|error| panic!("info of stream {name}: {error}"))
        .clone()
}

/// Every stream JetStream holds, by name.
pub async fn stream_names(js: &async_nats::jetstream::Context) -> Vec<String> {
    use futures::TryStreamExt;
    let mut names: Vec<String> = js.stream_names().try_collect().await.expect("stream names");
    names.sort();
    names
}

/// The servers that hold a copy of a stream or consumer with `cluster` (its leader and the other peers).
pub fn copies(cluster: Option<&async_nats::jetstream::stream::ClusterInfo>) -> usize {
    cluster.map_or(0, |cluster| {
        usize::from(cluster.leader.is_some()) + cluster.replicas.len()
    })
}

/// The leader of stream `name`: the server that orders its writes.
pub async fn leader_of(js: &async_nats::jetstream::Context, name: &str) -> String {
    stream_info(js, name)
        .await
        .cluster
        .and_then(|cluster| cluster.leader)
        .expect("a replicated stream has a leader")
}

/// Opens `spec`'s bucket as a node's start does ([`shim_node::nats::opening::Opening`]): on a cluster just
/// started on a loaded machine, making a replicated stream can take longer than one JetStream request waits
/// (five seconds), and the node tries again rather than failing.
pub async fn open_bucket_patiently(
    js: &async_nats::jetstream::Context,
    spec: &shim_node::coordination::kv::BucketSpec,
) -> async_nats::jetstream::kv::Store {
    shim_node::nats::opening::Opening::with_patience(true, shim_node::nats::opening::PATIENCE)
        .open(&spec.name, || {
            shim_node::coordination::kv::open_bucket(js, spec)
        })
        .await
        .unwrap_or_else(|error| panic!("bucket {} opens: {error:#}", spec.name))
}
