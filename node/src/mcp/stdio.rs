//! The MCP server's stdio transport: newline-delimited JSON-RPC, where every line the client writes is
//! either served by rmcp or answered here with a JSON-RPC error (see [`super::jsonrpc`]), so no request is
//! left without an answer. Replies and rmcp's messages go out through one writer task, a line at a time.

use std::{borrow::Cow, io, time::Duration};

use rmcp::{
    RoleServer,
    model::{ClientJsonRpcMessage, ClientRequest, GetMeta, JsonRpcMessage},
    service::{RxJsonRpcMessage, TxJsonRpcMessage},
    transport::Transport,
};
use tokio::{
    io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader},
    sync::mpsc,
    task::JoinHandle,
};
use tracing::debug;

use super::jsonrpc::{self, ID_SCAN_PREFIX, Incoming};

/// The longest line read (rmcp's own stdio limit): a longer one is answered with an error and skipped.
pub const MAX_LINE_BYTES: usize = 16 * 1024 * 1024;

/// Lines waiting for the writer; when the client stops reading, reading its input waits too.
const OUTPUT_QUEUE: usize = 64;

/// How long closing waits for queued lines to be written.
const CLOSE_FLUSH_TIMEOUT: Duration = Duration::from_secs(5);

/// A stdio transport that answers every line it cannot pass to rmcp.
#[derive(Debug)]
pub struct LineTransport<R> {
    read: BufReader<R>,
    /// The line being read; survives a cancelled `receive`.
    line: Vec<u8>,
    /// Skipping the rest of a line over [`MAX_LINE_BYTES`] (its first bytes stay in `line`).
    oversized: bool,
    /// A reply not yet queued for the writer; survives a cancelled `receive`.
    pending_reply: Option<Vec<u8>>,
    out_opt: Option<mpsc::Sender<Vec<u8>>>,
    writer_opt: Option<JoinHandle<()>>,
    /// Whether the session began (rmcp ends the connection on a notification before that).
    started: bool,
}

/// What reading a line came to.
enum LineRead {
    /// A whole line is in `line`.
    Line,
    /// A line over the limit ended; its first bytes are in `line`.
    Oversized,
    Eof,
}

impl<R: AsyncRead + Unpin + Send> LineTransport<R> {
    /// Reads from `read` and writes to `write` (through a task spawned on the current runtime).
    pub fn new<W: AsyncWrite + Unpin + Send + 'static>(read: R, write: W) -> Self {
        let (out, lines) = mpsc::channel(OUTPUT_QUEUE);
        LineTransport {
            read: BufReader::new(read),
            line: Vec::new(),
            oversized: false,
            pending_reply: None,
            out_opt: Some(out),
            writer_opt: Some(tokio::spawn(write_lines(write, lines))),
            started: false,
        }
    }

    /// Reads one line into `self.line`, never holding more than [`MAX_LINE_BYTES`] of it. Cancel-safe: what
    /// was read stays in `self`.
    async fn read_line(&mut self) -> io::Result<LineRead> {
        loop {
            let available = self.read.fill_buf().await?;
            if available.is_empty() {
                // The input ended: a last line without its newline is still a line.
                if std::mem::take(&mut self.oversized) {
                    return Ok(LineRead::Oversized);
                }
                if self.line.is_empty() {
                    return Ok(LineRead::Eof);
                }
                return Ok(LineRead::Line);
            }
            let newline_opt = available.iter().position(|byte| *byte == b'\n');
            let take = newline_opt.map_or(available.len(), |index| index + 1);
            if self.oversized {
                let room = ID_SCAN_PREFIX.saturating_sub(self.line.len()).min(take);
                self.line.extend_from_slice(&available[..room]);
            } else if self.line.len() + take > MAX_LINE_BYTES {
                self.line.truncate(ID_SCAN_PREFIX);
                let room = ID_SCAN_PREFIX.saturating_sub(self.line.len()).min(take);
                self.line.extend_from_slice(&available[..room]);
                self.oversized = true;
            } else {
                self.line.extend_from_slice(&available[..take]);
            }
            self.read.consume(take);
            if newline_opt.is_some() {
                if std::mem::take(&mut self.oversized) {
                    return Ok(LineRead::Oversized);
                }
                return Ok(LineRead::Line);
            }
        }
    }

    /// Queues the pending reply for the writer. Cancel-safe: the reply stays pending until queued.
    async fn flush_reply(&mut self) -> Option<()> {
        if let Some(reply) = self.pending_reply.take() {
            let out = self.out_opt.as_ref()?;
            let permit = match out.reserve().await {
                Ok(permit) => permit,
                Err(_) => return None,
            };
            permit.send(reply);
        }
        Some(())
    }

    /// Whether rmcp can take `message` now: before the session begins, rmcp ends the connection on
    /// anything but a request, so notifications and responses sent that early are dropped.
    fn admit(&mut self, message: &ClientJsonRpcMessage) -> bool {
        match message {
            JsonRpcMessage::Request(request) => {
                let begins = match &request.request {
                    ClientRequest::InitializeRequest(_) => true,
                    ClientRequest::PingRequest(_) | ClientRequest::DiscoverRequest(_) => false,
                    other => other.get_meta().protocol_version().is_some(),
                };
                self.started |= begins;
                true
            }
            _ if self.started => true,
            _ => {
                debug!("dropped a message sent before the session began");
                false
            }
        }
    }
}

impl<R: AsyncRead + Unpin + Send> Transport<RoleServer> for LineTransport<R> {
    type Error = io::Error;

    fn name() -> Cow<'static, str> {
        "shim-stdio".into()
    }

    fn send(
        &mut self,
        item: TxJsonRpcMessage<RoleServer>,
    ) -> impl Future<Output = Result<(), Self::Error>> + Send + 'static {
        let line = serde_json::to_vec(&item).map(|mut line| {
            line.push(b'\n');
            line
        });
        let out_opt = self.out_opt.clone();
        async move {
            let line = line.map_err(io::Error::other)?;
            let out = out_opt.ok_or_else(|| {
                io::Error::new(io::ErrorKind::NotConnected, "the transport is closed")
            })?;
            out.send(line).await.map_err(|_| {
                io::Error::new(io::ErrorKind::BrokenPipe, "the mcp client stopped reading")
            })
        }
    }

    async fn receive(&mut self) -> Option<RxJsonRpcMessage<RoleServer>> {
        loop {
            self.flush_reply().await?;
            let read = match self.read_line().await {
                Ok(read) => read,
                Err(error) => {
                    debug!(%error, "failed to read from the mcp client");
                    return None;
                }
            };
            let line = std::mem::take(&mut self.line);
            let reply = match read {
                LineRead::Eof => return None,
                LineRead::Oversized => jsonrpc::too_long(&line, MAX_LINE_BYTES),
                LineRead::Line => match jsonrpc::classify(&line) {
                    Incoming::Message(message) if self.admit(&message) => return Some(*message),
                    Incoming::Message(_) | Incoming::Blank => continue,
                    Incoming::Reject(reply) => reply,
                },
            };
            debug!(reply = %reply, "answered a line rmcp cannot serve");
            let mut encoded = reply.to_string().into_bytes();
            encoded.push(b'\n');
            self.pending_reply = Some(encoded);
        }
    }

    async fn close(&mut self) -> Result<(), Self::Error> {
        self.out_opt = None;
        if let Some(writer) = self.writer_opt.take() {
            // Lines already queued are written, unless the client stopped reading.
            let _ = tokio::time::timeout(CLOSE_FLUSH_TIMEOUT, writer).await;
        }
        Ok(())
    }
}

/// Writes each queued line and flushes it, until the queue closes or the client stops reading.
async fn write_lines<W: AsyncWrite + Unpin>(mut write: W, mut lines: mpsc::Receiver<Vec<u8>>) {
    while let Some(line) = lines.recv().await {
        let written = async {
            write.write_all(&line).await?;
            write.flush().await
        };
        if let Err(error) = written.await {
            debug!(%error, "failed to write to the mcp client");
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt};

    use super::*;

    #[tokio::test]
    async fn an_oversized_line_is_answered_with_its_id_and_reading_goes_on() {
        let (mut client_in, server_in) = tokio::io::duplex(64 * 1024);
        let (server_out, client_out) = tokio::io::duplex(64 * 1024);
        let mut transport = LineTransport::new(server_in, server_out);
        let writer = tokio::spawn(async move {
            let head = br#"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"x","arguments":{"blob":""#;
            client_in.write_all(head).await?;
            let chunk = vec![b'a'; 1024 * 1024];
            for _ in 0..17 {
                client_in.write_all(&chunk).await?;
            }
            client_in.write_all(b"\"}}}\n").await?;
            client_in
                .write_all(b"{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"ping\"}\n")
                .await?;
            client_in.shutdown().await
        });
        let message = transport.receive().await.expect("the ping");
        match message {
            JsonRpcMessage::Request(request) => {
                assert!(matches!(request.request, ClientRequest::PingRequest(_)));
            }
            other => panic!("expected the ping, got {other:?}"),
        }
        let mut replies = tokio::io::BufReader::new(client_out).lines();
        let reply: Value =
            serde_json::from_str(&replies.next_line().await.expect("read").expect("a line"))
                .expect("json");
        assert_eq!(reply["id"], 5);
        assert_eq!(reply["error"]["code"], jsonrpc::INVALID_REQUEST);
        assert!(transport.receive().await.is_none(), "end of input");
        writer.await.expect("joins").expect("writes");
    }
}
