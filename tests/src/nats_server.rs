//! A real `nats-server` for one test: JetStream on, a free loopback port, its own store; killed and
//! cleaned up on drop.

use std::{
    path::Path,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use tempfile::TempDir;

/// A running `nats-server`.
#[derive(Debug)]
pub struct NatsServer {
    child: Option<Child>,
    port: u16,
    dir: TempDir,
}

impl NatsServer {
    /// Starts a server on a port the server picks itself, and waits until it accepts connections.
    pub fn start() -> NatsServer {
        let dir = tempfile::Builder::new()
            .prefix("shim-nats-")
            .tempdir()
            .expect("temp dir for nats-server");
        let ports_dir = dir.path().join("ports");
        std::fs::create_dir_all(&ports_dir).expect("ports dir");
        let child = spawn(&dir, "-1", Some(ports_dir.as_path()));
        let port = read_port(&ports_dir, child.id());
        let mut server = NatsServer {
            child: Some(child),
            port,
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
        self.child = Some(spawn(&self.dir, &self.port.to_string(), None));
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

    /// Returns the server's log.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("nats.log")).unwrap_or_default()
    }
}

impl Drop for NatsServer {
    fn drop(&mut self) {
        self.kill();
    }
}

fn spawn(dir: &TempDir, port: &str, ports_dir_opt: Option<&Path>) -> Child {
    let mut command = Command::new("nats-server");
    command
        .arg("-c")
        .arg(crate::repo_root().join("nats.conf"))
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
        .stderr(Stdio::null());
    if let Some(ports_dir) = ports_dir_opt {
        command.arg("--ports_file_dir").arg(ports_dir);
    }
    match command.spawn() {
        Ok(child) => child,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => panic!(
            "nats-server is not installed; the integration tests need it:\n  \
             sudo apt-get install -y nats-server   (Debian, Ubuntu)\n  \
             brew install nats-server              (macOS)"
        ),
        Err(error) => panic!("failed to start nats-server: {error}"),
    }
}

/// Reads the client port from the file nats-server writes into `--ports_file_dir`.
fn read_port(ports_dir: &Path, pid: u32) -> u16 {
    let path = ports_dir.join(format!("nats-server_{pid}.ports"));
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let port_opt = std::fs::read_to_string(&path)
            .ok()
            .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
            .and_then(|value| {
                value["nats"][0]
                    .as_str()
                    .and_then(|url| url.rsplit(':').next())
                    .and_then(|port| port.parse().ok())
            });
        if let Some(port) = port_opt {
            return port;
        }
        assert!(
            Instant::now() < deadline,
            "nats-server wrote no ports file at {}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}
