//! The embedded default: a `nats-server` the node starts as its own child when the configured URL is
//! local and nothing answers there, watches (restarting it if it dies) and stops on shutdown.
//!
//! [`version`] says which servers SHIM runs on; [`install`] puts the pinned one in place
//! (`shim-node setup nats-server`).

pub mod install;
pub mod version;

use std::{
    path::{Path, PathBuf},
    process::Stdio,
    time::Duration,
};

use anyhow::{Context, bail};
use nix::{sys::signal::Signal, unistd::Pid};
use tokio::{process::Child, sync::oneshot, task::JoinHandle};
use tracing::{error, info, warn};

use crate::{
    config::Config,
    data_dir::{DataDir, private_dir, private_file, write_private},
};

/// The `nats.conf` shipped with SHIM (the repository's top-level `nats.conf`).
pub const DEFAULT_NATS_CONF: &str = include_str!("../../nats.conf");

const READY_TIMEOUT: Duration = Duration::from_secs(15);
const STOP_TIMEOUT: Duration = Duration::from_secs(10);

/// Host and port of a NATS URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NatsEndpoint {
    /// Host name or address, without brackets.
    pub host: String,
    /// Port (4222 when the URL has none).
    pub port: u16,
}

impl NatsEndpoint {
    /// Parses the first server of a NATS URL list (`nats://user:pw@host:port,nats://...`).
    pub fn parse(url: &str) -> anyhow::Result<NatsEndpoint> {
        let first = url.split(',').next().unwrap_or_default().trim();
        let without_scheme = first.split_once("://").map_or(first, |(_, rest)| rest);
        let without_user = without_scheme
            .rsplit_once('@')
            .map_or(without_scheme, |(_, rest)| rest);
        let authority = without_user.split('/').next().unwrap_or_default();
        let (host, port) = if let Some(rest) = authority.strip_prefix('[') {
            let (host, after) = rest
                .split_once(']')
                .with_context(|| format!("unclosed [ in NATS URL {url:?}"))?;
            (host, after.strip_prefix(':'))
        } else {
            match authority.rsplit_once(':') {
                Some((host, port)) => (host, Some(port)),
                None => (authority, None),
            }
        };
        if host.is_empty() {
            bail!("NATS URL {url:?} has no host");
        }
        let port = match port {
            Some(port) => port
                .parse()
                .with_context(|| format!("NATS URL {url:?} has an invalid port"))?,
            None => 4222,
        };
        Ok(NatsEndpoint {
            host: host.to_owned(),
            port,
        })
    }

    /// The server the embedded default may start for the URL list `url`: its one server when the list names a
    /// single server and that server is on this machine's loopback; none for a remote server, and none for a list
    /// of several (a cluster is run by its operator, not started by a node).
    pub fn embeddable(url: &str) -> anyhow::Result<Option<NatsEndpoint>> {
        let endpoint = NatsEndpoint::parse(url)?;
        let single = url
            .split(',')
            .filter(|entry| !entry.trim().is_empty())
            .count()
            == 1;
        Ok((single && endpoint.is_local()).then_some(endpoint))
    }

    /// Returns true when the host is this machine's loopback.
    pub fn is_local(&self) -> bool {
        matches!(self.host.as_str(), "127.0.0.1" | "localhost" | "::1")
            || self.host.starts_with("127.")
    }
}

/// A `nats-server` child of the node.
#[derive(Debug)]
pub struct EmbeddedNats {
    url: String,
    auth: crate::nats::NatsAuth,
    stop_tx: Option<oneshot::Sender<()>>,
    watcher: JoinHandle<()>,
}

impl EmbeddedNats {
    /// Starts `nats-server` for `endpoint` with its store under the data dir and waits until it accepts
    /// connections.
    pub async fn start(
        config: &Config,
        data_dir: &DataDir,
        endpoint: &NatsEndpoint,
    ) -> anyhow::Result<EmbeddedNats> {
        let nats_dir = data_dir.nats_dir();
        private_dir(&nats_dir.join("jetstream"))
            .with_context(|| format!("failed to create {}", nats_dir.display()))?;
        // The server reads SHIM's settings (or the user's `nats_config`) through a file of the node's that adds
        // the one user it accepts: a process without the credentials in auth.toml is refused.
        let settings = match &config.nats_config {
            Some(path) => {
                let (dir, path) = (std::path::absolute(&nats_dir)?, std::path::absolute(path)?);
                crate::nats::relative_to(&dir, &path)
            }
            None => {
                let path = nats_dir.join("nats.conf");
                write_private(&path, DEFAULT_NATS_CONF.as_bytes())
                    .with_context(|| format!("failed to write {}", path.display()))?;
                "nats.conf".to_owned()
            }
        };
        let credentials = crate::nats::EmbeddedCredentials::load_or_create(data_dir)?;
        let conf_path = nats_dir.join("server.conf");
        write_private(&conf_path, credentials.server_conf(&settings).as_bytes())
            .with_context(|| format!("failed to write {}", conf_path.display()))?;
        // The server appends to its log; made here so it is private whatever umask the server runs under.
        let log_path = nats_dir.join("nats-server.log");
        private_file()
            .create(true)
            .append(true)
            .open(&log_path)
            .with_context(|| format!("failed to create {}", log_path.display()))?;
        let bin = server_program(config, data_dir);
        let found = version::of_program(&bin).await?;
        version::require(&bin, found)?;
        let launch = Launch {
            bin,
            conf_path,
            store_dir: nats_dir.join("jetstream"),
            log_path,
            endpoint: endpoint.clone(),
        };
        let child = launch.spawn().await?;
        let url = format!("nats://{}:{}", endpoint.host, endpoint.port);
        info!(%url, store = %launch.store_dir.display(), version = %found, program = %launch.bin.display(), "started embedded nats-server");
        let (stop_tx, stop_rx) = oneshot::channel();
        let watcher = tokio::spawn(watch(launch, child, stop_rx));
        Ok(EmbeddedNats {
            url,
            auth: crate::nats::NatsAuth {
                credentials: credentials.credentials(),
                ..crate::nats::NatsAuth::none()
            },
            stop_tx: Some(stop_tx),
            watcher,
        })
    }

    /// Returns the URL clients use to reach it.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Returns what a client presents to it (the credentials in the data dir's `nats/auth.toml`).
    pub fn auth(&self) -> &crate::nats::NatsAuth {
        &self.auth
    }

    /// Stops the server gracefully (SIGTERM, then SIGKILL after 10 s) and waits for it.
    pub async fn stop(mut self) {
        if let Some(stop_tx) = self.stop_tx.take() {
            let _ = stop_tx.send(());
        }
        if let Err(error) = (&mut self.watcher).await {
            error!(%error, "embedded nats-server watcher failed");
        }
    }
}

#[derive(Debug)]
struct Launch {
    bin: PathBuf,
    conf_path: PathBuf,
    store_dir: PathBuf,
    log_path: PathBuf,
    endpoint: NatsEndpoint,
}

impl Launch {
    async fn spawn(&self) -> anyhow::Result<Child> {
        let mut command = tokio::process::Command::new(&self.bin);
        command
            .arg("-c")
            .arg(&self.conf_path)
            .arg("-js")
            .arg("-a")
            .arg(&self.endpoint.host)
            .arg("-p")
            .arg(self.endpoint.port.to_string())
            .arg("-sd")
            .arg(&self.store_dir)
            .arg("-l")
            .arg(&self.log_path)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            // Its own process group: a Ctrl-C meant for the node must not reach the server first; the
            // node stops it in order (and the kernel does, should the node die, see die_with_parent).
            .process_group(0);
        #[cfg(target_os = "linux")]
        die_with_parent(&mut command);
        let mut child = command
            .spawn()
            .map_err(|error| version::not_installed(&self.bin, error))?;
        let addr = format!("{}:{}", self.endpoint.host, self.endpoint.port);
        let deadline = tokio::time::Instant::now() + READY_TIMEOUT;
        loop {
            if let Some(status) = child.try_wait()? {
                bail!(
                    "nats-server exited with {status} right after starting; its log ({}) ends with:\n{}",
                    self.log_path.display(),
                    log_tail(&self.log_path)
                );
            }
            if tokio::net::TcpStream::connect(&addr).await.is_ok() {
                return Ok(child);
            }
            if tokio::time::Instant::now() >= deadline {
                let _ = child.kill().await;
                bail!(
                    "nats-server did not accept connections on {addr} within {}s; its log ({}) ends with:\n{}",
                    READY_TIMEOUT.as_secs(),
                    self.log_path.display(),
                    log_tail(&self.log_path)
                );
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }
}

/// The server program the node starts: `nats_server_bin` when it is set; otherwise the one `shim-node setup
/// nats-server` installed under the data dir, if there is one, else `nats-server` on `PATH`.
pub fn server_program(config: &Config, data_dir: &DataDir) -> PathBuf {
    let installed = install::default_path(data_dir);
    if config.nats_server_bin == Path::new(crate::config::DEFAULT_NATS_SERVER_BIN)
        && installed.is_file()
    {
        installed
    } else {
        config.nats_server_bin.clone()
    }
}

/// Asks the kernel to stop the server when the node dies, even by SIGKILL, so no orphan keeps the
/// port and the store.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
fn die_with_parent(command: &mut tokio::process::Command) {
    // SAFETY: the closure runs between fork and exec and only makes the prctl(2) system call, which is
    // async-signal-safe; it allocates nothing and takes no lock.
    unsafe {
        command.pre_exec(|| {
            nix::sys::prctl::set_pdeathsig(Signal::SIGTERM).map_err(std::io::Error::from)
        });
    }
}

/// Owns the child: restarts it when it dies on its own, stops it when asked.
async fn watch(launch: Launch, mut child: Child, mut stop_rx: oneshot::Receiver<()>) {
    loop {
        tokio::select! {
            _ = &mut stop_rx => {
                terminate(&mut child).await;
                return;
            }
            status = child.wait() => {
                warn!(status = ?status.ok(), log = %launch.log_path.display(), "embedded nats-server exited; restarting it");
                let mut delay = Duration::from_millis(200);
                loop {
                    tokio::select! {
                        _ = &mut stop_rx => return,
                        () = tokio::time::sleep(delay) => {}
                    }
                    match launch.spawn().await {
                        Ok(new_child) => {
                            info!("embedded nats-server restarted");
                            child = new_child;
                            break;
                        }
                        Err(error) => {
                            error!(error = %format!("{error:#}"), "failed to restart embedded nats-server");
                            delay = (delay * 2).min(Duration::from_secs(10));
                        }
                    }
                }
            }
        }
    }
}

async fn terminate(child: &mut Child) {
    if let Some(pid) = child.id().and_then(|pid| i32::try_from(pid).ok()) {
        let _ = nix::sys::signal::kill(Pid::from_raw(pid), Signal::SIGTERM);
        if tokio::time::timeout(STOP_TIMEOUT, child.wait())
            .await
            .is_ok()
        {
            info!("embedded nats-server stopped");
            return;
        }
        warn!("embedded nats-server did not stop on SIGTERM; killing it");
    }
    let _ = child.kill().await;
}

fn log_tail(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(10)..].join("\n")
}

/// Returns true when a TCP connection to the endpoint succeeds within `timeout`.
pub async fn answers(endpoint: &NatsEndpoint, timeout: Duration) -> bool {
    let addr = format!("{}:{}", endpoint.host, endpoint.port);
    matches!(
        tokio::time::timeout(timeout, tokio::net::TcpStream::connect(addr)).await,
        Ok(Ok(_))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_parse_to_endpoints() {
        let parse = |url| NatsEndpoint::parse(url).expect(url);
        assert_eq!(
            parse("nats://127.0.0.1:4222"),
            NatsEndpoint {
                host: "127.0.0.1".into(),
                port: 4222
            }
        );
        assert_eq!(
            parse("localhost"),
            NatsEndpoint {
                host: "localhost".into(),
                port: 4222
            }
        );
        assert_eq!(parse("nats://u:p@10.0.0.5:5222,nats://b:1").port, 5222);
        assert_eq!(
            parse("nats://[::1]:4223"),
            NatsEndpoint {
                host: "::1".into(),
                port: 4223
            }
        );
        assert!(parse("nats://127.0.0.1:4222").is_local());
        assert!(parse("nats://[::1]:4223").is_local());
        assert!(!parse("nats://nats.internal:4222").is_local());
        assert!(NatsEndpoint::parse("nats://:4222").is_err());
        assert!(NatsEndpoint::parse("nats://host:port").is_err());
    }

    #[test]
    fn only_a_single_local_server_is_embeddable() {
        let embeddable = |url| NatsEndpoint::embeddable(url).expect(url);
        assert_eq!(
            embeddable("nats://127.0.0.1:4300"),
            Some(NatsEndpoint {
                host: "127.0.0.1".into(),
                port: 4300
            })
        );
        assert_eq!(
            embeddable(" nats://localhost:4222 "),
            Some(NatsEndpoint::parse("localhost").expect("valid"))
        );
        assert_eq!(embeddable("nats://nats.internal:4222"), None);
        // A cluster on this machine is still a cluster: the node connects to it and never starts a server.
        assert_eq!(
            embeddable("nats://127.0.0.1:4222,nats://127.0.0.1:4223,nats://127.0.0.1:4224"),
            None
        );
    }
}
