//! A real `prometheus` server for one test (Debian's `prometheus` package): a free loopback port, a temporary
//! config scraping one target every second, its own storage; killed on drop.

use std::{
    net::SocketAddr,
    process::{Child, Command, Stdio},
    time::Duration,
};

use serde_json::Value;
use tempfile::TempDir;

use crate::{DEADLINE, POLL, free_port, wait_until};

/// A running `prometheus`.
#[derive(Debug)]
pub struct Prometheus {
    child: Child,
    addr: SocketAddr,
    dir: TempDir,
}

impl Prometheus {
    /// Starts a server scraping `target`'s `/metrics` every second and waits until it is ready.
    pub async fn start(target: SocketAddr) -> Prometheus {
        let mut log = String::new();
        // The port is free when picked; if another process takes it first, prometheus exits and we pick again.
        for _ in 0..3 {
            let dir = tempfile::Builder::new()
                .prefix("shim-prometheus-")
                .tempdir()
                .expect("temp dir for prometheus");
            let config = dir.path().join("prometheus.yml");
            std::fs::write(
                &config,
                format!(
                    "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n  \
                     - job_name: shim-node\n    static_configs:\n      - targets: [\"{target}\"]\n"
                ),
            )
            .expect("prometheus config written");
            let addr: SocketAddr = ([127, 0, 0, 1], free_port()).into();
            let mut server = Prometheus {
                child: spawn(&dir, &config, addr),
                addr,
                dir,
            };
            if server.wait_ready().await {
                return server;
            }
            log = server.log();
        }
        panic!("prometheus did not start; log:\n{log}");
    }

    /// Waits until the server answers ready; false when it exits first or never does.
    async fn wait_ready(&mut self) -> bool {
        let addr = self.addr;
        let ready = wait_until(
            || {
                let exited = matches!(self.child.try_wait(), Ok(Some(_)));
                async move {
                    exited
                        || get(addr, "/-/ready")
                            .await
                            .is_some_and(|(status, _)| status == 200)
                }
            },
            DEADLINE,
            POLL,
        )
        .await;
        ready && matches!(self.child.try_wait(), Ok(None))
    }

    /// Runs an instant query and returns its `data.result` (an empty array when nothing matches); panics when
    /// Prometheus refuses the query.
    pub async fn query(&self, promql: &str) -> Vec<Value> {
        let path = format!("/api/v1/query?query={}", percent_encode(promql));
        let (status, body) = get(self.addr, &path)
            .await
            .unwrap_or_else(|| panic!("prometheus does not answer; log:\n{}", self.log()));
        let reply: Value = serde_json::from_str(&body)
            .unwrap_or_else(|error| panic!("prometheus replied {status} {body}: {error}"));
        assert_eq!(reply["status"], "success", "{promql}: {reply}");
        reply["data"]["result"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// Returns the state of the scrape target: `up`, `down` or `unknown`, with the last error.
    pub async fn target_health(&self) -> (String, String) {
        let Some((_, body)) = get(self.addr, "/api/v1/targets").await else {
            return ("unknown".to_owned(), "no answer".to_owned());
        };
        let reply: Value = serde_json::from_str(&body).unwrap_or_default();
        let target = &reply["data"]["activeTargets"][0];
        (
            target["health"].as_str().unwrap_or("unknown").to_owned(),
            target["lastError"].as_str().unwrap_or_default().to_owned(),
        )
    }

    /// Returns the server's log.
    pub fn log(&self) -> String {
        read_log(&self.dir)
    }
}

impl Drop for Prometheus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn spawn(dir: &TempDir, config: &std::path::Path, addr: SocketAddr) -> Child {
    let log = std::fs::File::create(dir.path().join("prometheus.log")).expect("log file");
    let mut command = Command::new("prometheus");
    command
        .arg(format!("--config.file={}", config.display()))
        .arg(format!("--web.listen-address={addr}"))
        .arg(format!(
            "--storage.tsdb.path={}",
            dir.path().join("data").display()
        ))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log);
    match command.spawn() {
        Ok(child) => child,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => panic!(
            "prometheus is not installed; the dashboard test needs it:\n  \
             sudo apt-get install -y --no-install-recommends prometheus   (Debian, Ubuntu)"
        ),
        Err(error) => panic!("failed to start prometheus: {error}"),
    }
}

fn read_log(dir: &TempDir) -> String {
    std::fs::read_to_string(dir.path().join("prometheus.log")).unwrap_or_default()
}

/// A plain HTTP/1.0 GET (no chunked replies): the status and the body, or `None` when nothing answers.
async fn get(addr: SocketAddr, path: &str) -> Option<(u16, String)> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let exchange = async {
        let mut stream = tokio::net::TcpStream::connect(addr).await.ok()?;
        let request = format!("GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n");
        stream.write_all(request.as_bytes()).await.ok()?;
        let mut response = String::new();
        stream.read_to_string(&mut response).await.ok()?;
        let (head, body) = response.split_once("\r\n\r\n")?;
        let status = head.split(' ').nth(1)?.parse().ok()?;
        Some((status, body.to_owned()))
    };
    tokio::time::timeout(Duration::from_secs(5), exchange)
        .await
        .ok()
        .flatten()
}

/// Percent-encodes a query string value (everything but unreserved characters).
fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}
