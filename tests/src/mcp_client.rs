//! A minimal MCP client: spawns `shim-node mcp` and speaks newline-delimited JSON-RPC on its stdio.

use std::{path::Path, process::Stdio, time::Duration};

use serde_json::{Value, json};
use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader, Lines},
    process::{Child, ChildStdin, ChildStdout, Command},
};

/// A running `shim-node mcp` and the client end of its stdio.
#[derive(Debug)]
pub struct McpClient {
    child: Child,
    stdin: ChildStdin,
    stdout: Lines<BufReader<ChildStdout>>,
    next_id: u64,
    /// Every line the server wrote to stdout; all must be JSON-RPC.
    pub transcript: Vec<String>,
}

impl McpClient {
    /// Spawns `exe mcp` with `args` after the subcommand and `env` added to its environment; its stderr
    /// (the logs) goes to `stderr_path`.
    pub fn spawn(exe: &Path, args: &[&str], env: &[(&str, &str)], stderr_path: &Path) -> McpClient {
        let stderr = std::fs::File::create(stderr_path).expect("stderr file");
        let mut command = Command::new(exe);
        command
            .arg("mcp")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .kill_on_drop(true);
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("shim-node mcp starts");
        let stdin = child.stdin.take().expect("piped stdin");
        let stdout = BufReader::new(child.stdout.take().expect("piped stdout")).lines();
        McpClient {
            child,
            stdin,
            stdout,
            next_id: 1,
            transcript: Vec::new(),
        }
    }

    /// Runs the initialize handshake and returns the server's result.
    pub async fn initialize(&mut self) -> Value {
        let result = self
            .request(
                "initialize",
                json!({
                    "protocolVersion": "2025-06-18",
                    "capabilities": {},
                    "clientInfo": {"name": "shim-tests", "version": "0"}
                }),
            )
            .await
            .expect("initialize succeeds");
        self.notify("notifications/initialized", json!({})).await;
        result
    }

    /// Sends a request and waits (up to 90 s: a tool may wait 60) for its response; returns `result`, or `error` as `Err`.
    pub async fn request(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await;
        let deadline = tokio::time::Instant::now() + Duration::from_secs(90);
        loop {
            let line = tokio::time::timeout_at(deadline, self.stdout.next_line())
                .await
                .unwrap_or_else(|_| panic!("no response to {method} within 90 s"))
                .expect("stdout readable")
                .unwrap_or_else(|| {
                    panic!("shim-node mcp closed stdout while {method} was pending")
                });
            self.transcript.push(line.clone());
            let message: Value = serde_json::from_str(&line)
                .unwrap_or_else(|error| panic!("stdout line is not JSON-RPC ({error}): {line}"));
            if message["id"] == json!(id) {
                return match message.get("error") {
                    Some(error) => Err(error.clone()),
                    None => Ok(message["result"].clone()),
                };
            }
        }
    }

    /// Sends a request without waiting for its response; returns its id (see [`response`](Self::response)).
    pub async fn send_request(&mut self, method: &str, params: Value) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await;
        id
    }

    /// Waits (up to 90 s) for the response to request `id`; returns `result`, or `error` as `Err`.
    pub async fn response(&mut self, id: u64) -> Result<Value, Value> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(90);
        loop {
            let line = tokio::time::timeout_at(deadline, self.stdout.next_line())
                .await
                .unwrap_or_else(|_| panic!("no response to request {id} within 90 s"))
                .expect("stdout readable")
                .unwrap_or_else(|| panic!("shim-node mcp closed stdout while {id} was pending"));
            self.transcript.push(line.clone());
            let message: Value = serde_json::from_str(&line)
                .unwrap_or_else(|error| panic!("stdout line is not JSON-RPC ({error}): {line}"));
            if message["id"] == json!(id) {
                return match message.get("error") {
                    Some(error) => Err(error.clone()),
                    None => Ok(message["result"].clone()),
                };
            }
        }
    }

    /// Calls a tool and returns the `tools/call` result (`content`, `structuredContent`, `isError`).
    pub async fn call_tool(&mut self, name: &str, arguments: Value) -> Value {
        self.request("tools/call", json!({"name": name, "arguments": arguments}))
            .await
            .unwrap_or_else(|error| {
                panic!("tools/call {name} failed at the protocol level: {error}")
            })
    }

    /// Sends a notification.
    pub async fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}))
            .await;
    }

    /// Writes a raw line to the server's stdin.
    pub async fn send_raw(&mut self, line: &str) {
        self.send_bytes(line.as_bytes()).await;
    }

    /// Writes raw bytes (not necessarily UTF-8) and a newline to the server's stdin.
    pub async fn send_bytes(&mut self, line: &[u8]) {
        self.stdin.write_all(line).await.expect("stdin writable");
        self.stdin.write_all(b"\n").await.expect("stdin writable");
        self.stdin.flush().await.expect("stdin flushes");
    }

    /// Waits (up to 60 s) for the next line the server writes and returns it as JSON.
    pub async fn next_message(&mut self) -> Value {
        let line = tokio::time::timeout(Duration::from_secs(60), self.stdout.next_line())
            .await
            .expect("the server answers within 60 s")
            .expect("stdout readable")
            .expect("shim-node mcp closed stdout");
        self.transcript.push(line.clone());
        serde_json::from_str(&line)
            .unwrap_or_else(|error| panic!("stdout line is not JSON ({error}): {line}"))
    }

    async fn send(&mut self, message: &Value) {
        self.send_raw(&message.to_string()).await;
    }

    /// Returns the server's process id, while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.child.id()
    }

    /// Kills the server outright (SIGKILL), as a crash or `kill -9` would, and reaps it.
    pub async fn kill_9(&mut self) {
        let _ = self.child.kill().await;
    }

    /// Closes stdin and waits for the server to exit; returns whether it exited successfully.
    pub async fn close(mut self) -> bool {
        drop(self.stdin);
        match tokio::time::timeout(Duration::from_secs(20), self.child.wait()).await {
            Ok(Ok(status)) => status.success(),
            _ => {
                let _ = self.child.kill().await;
                false
            }
        }
    }
}
