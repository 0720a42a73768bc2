//! A real `nats-server` for one test: JetStream on, a free loopback port, its own store, SHIM's own
//! `nats.conf`; killed and cleaned up on drop.

use std::{
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use tempfile::TempDir;

/// A running `nats-server`.
#[derive(Debug)]
pub struct NatsServer {
    child: Option<Child>,
    port: u16,
    monitoring_port_opt: Option<u16>,
    conf: PathBuf,
    dir: TempDir,
}

/// How a test's server departs from SHIM's `nats.conf`.
#[derive(Debug, Clone, Default)]
pub struct NatsOptions {
    /// JetStream's `sync_interval` (`always`, `1s`, `2m`, ...) instead of the one in `nats.conf`.
    pub sync_interval: Option<String>,
    /// Serve the HTTP monitoring endpoints (`/varz`, ...) on a free port too.
    pub monitoring: bool,
    /// Settings added after `nats.conf`'s (an `authorization` block, TLS).
    pub extra_conf: Option<String>,
}

impl NatsServer {
    /// Starts a server on a port the server picks itself, and waits until it accepts connections.
    pub fn start() -> NatsServer {
        NatsServer::start_with(&NatsOptions::default())
    }

    /// Starts a server with `options`.
    pub fn start_with(options: &NatsOptions) -> NatsServer {
        let dir = tempfile::Builder::new()
            .prefix("shim-nats-")
            .tempdir()
            .expect("temp dir for nats-server");
        let ports_dir = dir.path().join("ports");
        std::fs::create_dir_all(&ports_dir).expect("ports dir");
        let conf = write_conf(&dir, options);
        let mut child = spawn(
            &dir,
            &conf,
            "-1",
            Some(ports_dir.as_path()),
            options.monitoring,
        );
        let ports = read_ports(&ports_dir, &mut child, &dir, options.monitoring);
        let mut server = NatsServer {
            child: Some(child),
            port: ports.0,
            monitoring_port_opt: ports.1,
            conf,
            dir,
        };
        server.wait_ready();
        server
    }

    /// Returns the URL of the server.
    pub fn url(&self) -> String {
        format!("nats://127.0.0.1:{}", self.port)
    }

    /// Returns the server's port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The server's process id, while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// Returns the URL of the monitoring endpoints, when [`NatsOptions::monitoring`] asked for them.
    pub fn monitoring_url(&self) -> Option<String> {
        self.monitoring_port_opt
            .map(|port| format!("http://127.0.0.1:{port}"))
    }

    /// `/varz` of a server started with [`NatsOptions::monitoring`].
    pub fn varz(&self) -> serde_json::Value {
        self.monitor("/varz")
    }

    /// The JSON of monitoring endpoint `path` (`/varz`, `/connz?subs=1`) of a server started with
    /// [`NatsOptions::monitoring`].
    pub fn monitor(&self, path: &str) -> serde_json::Value {
        monitor_at(&self.monitoring_url().expect("monitoring on"), path)
    }

    /// Waits (up to [`crate::DEADLINE`]) until a request of the client connection `pick` chooses among `/connz`'s
    /// connections has reached the server and waits for its answer: the connection holds a reply inbox (SHIM's
    /// clients subscribe one per request before sending it), the same one for a quarter of a second, so not one
    /// of a request answered at once (a heartbeat's, even on a busy machine). For a server started with
    /// [`NatsOptions::monitoring`]; false when none came.
    pub async fn request_waiting(&self, pick: impl Fn(&serde_json::Value) -> bool) -> bool {
        let url = self.monitoring_url().expect("monitoring on");
        let deadline = Instant::now() + crate::DEADLINE;
        let mut seen: Option<(String, Instant)> = None;
        while Instant::now() < deadline {
            let url = url.clone();
            // Read off this thread: the node a test runs in-process may share it.
            let connz = tokio::task::spawn_blocking(move || monitor_at(&url, "/connz?subs=1"))
                .await
                .expect("the poll ran");
            let inbox_opt = connz["connections"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|connection| pick(connection))
                .flat_map(|connection| connection["subscriptions_list"].as_array().cloned())
                .flatten()
                .filter_map(|subject| subject.as_str().map(str::to_owned))
                .find(|subject| subject.starts_with("_INBOX"));
            seen = match (inbox_opt, seen.take()) {
                (Some(inbox), Some((before, since))) if inbox == before => {
                    if since.elapsed() >= Duration::from_millis(250) {
                        return true;
                    }
                    Some((before, since))
                }
                (Some(inbox), _) => Some((inbox, Instant::now())),
                (None, _) => None,
            };
            tokio::time::sleep(crate::POLL).await;
        }
        false
    }

    /// Stops the server from answering anything (SIGSTOP, as an overloaded or swapped-out machine would) until
    /// the returned guard is dropped (SIGCONT).
    pub fn pause(&self) -> Paused {
        let pid = self
            .pid()
            .map(|pid| nix::unistd::Pid::from_raw(pid as i32))
            .expect("the server runs");
        nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGSTOP).expect("pauses the server");
        Paused { pid }
    }

    /// Kills the server (SIGKILL, as a crash would) and waits until it is gone.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Kills the server and starts it again on the same port with the same store.
    pub fn restart(&mut self) {
        self.kill();
        self.child = Some(spawn(
            &self.dir,
            &self.conf,
            &self.port.to_string(),
            None,
            false,
        ));
        self.wait_ready();
    }

    fn wait_ready(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return;
            }
            if let Some(Ok(Some(status))) = self.child.as_mut().map(Child::try_wait) {
                panic!("nats-server exited with {status}; log:\n{}", self.log());
            }
            assert!(
                Instant::now() < deadline,
                "nats-server did not start; log:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Returns the server's log, and what it printed before its log was open (a configuration it refused).
    pub fn log(&self) -> String {
        server_log(&self.dir)
    }
}

impl Drop for NatsServer {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The server program, found as the node finds it: `SHIM_NATS_SERVER_BIN`, else the one `shim-node setup
/// nats-server` installed under the default data dir, else `nats-server` on `PATH`.
pub fn program() -> PathBuf {
    if let Some(bin) = std::env::var_os("SHIM_NATS_SERVER_BIN") {
        return PathBuf::from(bin);
    }
    let config = shim_node::config::Config::default();
    shim_node::embedded::server_program(
        &config,
        &shim_node::data_dir::DataDir::new(&config.data_dir),
    )
}

fn server_log(dir: &TempDir) -> String {
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap_or_default();
    format!("{}{}", read("stderr.log"), read("nats.log"))
}

/// SHIM's `nats.conf`, with `options` applied, written into the server's directory.
fn write_conf(dir: &TempDir, options: &NatsOptions) -> PathBuf {
    let shipped = std::fs::read_to_string(crate::repo_root().join("nats.conf")).expect("nats.conf");
    let conf = match &options.sync_interval {
        Some(interval) => {
            let line = shipped
                .lines()
                .find(|line| line.trim_start().starts_with("sync_interval:"))
                .expect("nats.conf sets sync_interval");
            shipped.replace(line, &format!("  sync_interval: {interval:?}"))
        }
        None => shipped,
    };
    let conf = match &options.extra_conf {
        Some(extra) => format!("{conf}\n{extra}\n"),
        None => conf,
    };
    let path = dir.path().join("nats.conf");
    std::fs::write(&path, conf).expect("write nats.conf");
    path
}

fn spawn(
    dir: &TempDir,
    conf: &Path,
    port: &str,
    ports_dir_opt: Option<&Path>,
    monitoring: bool,
) -> Child {
    let stderr = std::fs::File::create(dir.path().join("stderr.log")).expect("stderr log");
    let mut command = Command::new(program());
    command
        .arg("-c")
        .arg(conf)
        .arg("-js")
        .arg("-a")
        .arg("127.0.0.1")
        .arg("-p")
        .arg(port)
        .arg("-sd")
        .arg(dir.path().join("jetstream"))
        .arg("-l")
        .arg(dir.path().join("nats.log"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(stderr);
    if let Some(ports_dir) = ports_dir_opt {
        command.arg("--ports_file_dir").arg(ports_dir);
    }
    if monitoring {
        command.arg("-m").arg("-1");
    }
    match command.spawn() {
        Ok(child) => child,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => panic!(
            "nats-server is not installed; the integration tests need 2.10 or later:\n  \
             cargo run -p shim-node -- setup nats-server   (installs a pinned upstream build)\n  \
             brew install nats-server                     (macOS)\n\
             or set SHIM_NATS_SERVER_BIN to one"
        ),
        Err(error) => panic!("failed to start nats-server: {error}"),
    }
}

/// Reads the client port (and the monitoring port, when asked for) from the file nats-server writes into
/// `--ports_file_dir`.
fn read_ports(
    ports_dir: &Path,
    child: &mut Child,
    dir: &TempDir,
    monitoring: bool,
) -> (u16, Option<u16>) {
    let path = ports_dir.join(format!("nats-server_{}.ports", child.id()));
    let deadline = Instant::now() + Duration::from_secs(20);
    let port_of = |value: &serde_json::Value, kind: &str| -> Option<u16> {
        value[kind][0]
            .as_str()
            .and_then(|url| url.rsplit(':').next())
            .and_then(|port| port.parse().ok())
    };
    loop {
        let ports_opt = std::fs::read_to_string(&path)
            .ok()
            .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
            .and_then(|value| {
                let port = port_of(&value, "nats")?;
                match monitoring {
                    true => Some((port, Some(port_of(&value, "monitoring")?))),
                    false => Some((port, None)),
                }
            });
        if let Some(ports) = ports_opt {
            return ports;
        }
        if let Ok(Some(status)) = child.try_wait() {
            panic!(
                "nats-server exited with {status}; its log:\n{}",
                server_log(dir)
            );
        }
        assert!(
            Instant::now() < deadline,
            "nats-server wrote no ports file at {}; its log:\n{}",
            path.display(),
            server_log(dir)
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// A paused server; dropping it lets the server run again.
#[must_use = "the server runs again when this is dropped"]
pub struct Paused {
    pid: nix::unistd::Pid,
}

impl Drop for Paused {
    fn drop(&mut self) {
        let _ = nix::sys::signal::kill(self.pid, nix::sys::signal::Signal::SIGCONT);
    }
}

/// The JSON of monitoring endpoint `path` of the server whose monitoring is at `url` (HTTP/1.0, so the body comes
/// whole, not chunked).
fn monitor_at(url: &str, path: &str) -> serde_json::Value {
    use std::io::{Read, Write};
    let addr = url.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(addr).expect("monitoring answers");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    stream
        .write_all(format!("GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").as_bytes())
        .expect("request");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("response");
    let (head, body) = response.split_once("\r\n\r\n").expect("a response");
    assert!(
        head.starts_with("HTTP/1.0 200") || head.starts_with("HTTP/1.1 200"),
        "{head}"
    );
    serde_json::from_str(body).expect("monitoring answers JSON")
}
