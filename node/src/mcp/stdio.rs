//! The MCP server's stdio transport: newline-delimited JSON-RPC, where every line the client writes is
//! either served by rmcp or answered here with a JSON-RPC error (see [`super::jsonrpc`]), so no request is
//! left without an answer. Replies and rmcp's messages go out through one writer task, a line at a time.

use std::{borrow::Cow, io, os::fd::AsFd, time::Duration};

use rmcp::{
    RoleServer,
    model::{
        ClientJsonRpcMessage, ClientNotification, ClientRequest, GetMeta, JsonRpcMessage, RequestId,
    },
    service::{RxJsonRpcMessage, TxJsonRpcMessage},
    transport::Transport,
};
use tokio::{
    io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader},
    sync::{mpsc, watch},
    task::JoinHandle,
};
use tracing::debug;

use super::jsonrpc::{self, ID_SCAN_PREFIX, Incoming};

/// The longest line read (rmcp's own stdio limit): a longer one is answered with an error and skipped.
pub const MAX_LINE_BYTES: usize = 16 * 1024 * 1024;

/// Lines waiting for the writer; when the client stops reading, reading its input waits too.
const OUTPUT_QUEUE: usize = 64;

/// How long closing waits for queued lines to be written, and the end of input for the answers to requests
/// still being served.
const CLOSE_FLUSH_TIMEOUT: Duration = Duration::from_secs(5);

/// The server's input.
pub type Input = Box<dyn AsyncRead + Unpin + Send>;
/// The server's output.
pub type Output = Box<dyn AsyncWrite + Unpin + Send>;

/// Returns stdin and stdout for the transport. Pipes and sockets (what an assistant starts its MCP servers
/// with) are made non-blocking and read and written by the runtime itself; tokio's stdin and stdout would
/// hand every read and write to a thread of their own, two thread hand-overs per tool call. Anything else
/// (a terminal, a file) goes through tokio's stdin and stdout.
pub fn streams() -> (Input, Output) {
    match (
        async_stream(std::io::stdin().as_fd()),
        async_stream(std::io::stdout().as_fd()),
    ) {
        (Some(kind_in), Some(kind_out)) => match (kind_in.reader(), kind_out.writer()) {
            (Ok(input), Ok(output)) => return (input, output),
            (Err(error), _) | (_, Err(error)) => {
                debug!(%error, "stdio stays blocking");
            }
        },
        _ => debug!("stdio is not a pipe or a socket; it stays blocking"),
    }
    (Box::new(tokio::io::stdin()), Box::new(tokio::io::stdout()))
}

/// A standard stream the runtime can poll itself.
enum AsyncStream {
    Pipe(std::os::fd::OwnedFd),
    Socket(std::os::fd::OwnedFd),
}

/// Returns `fd` (a duplicate) when it is a pipe or a socket; checked for both streams before either is
/// made non-blocking, so a stream that stays blocking is never left non-blocking.
fn async_stream(fd: std::os::fd::BorrowedFd<'_>) -> Option<AsyncStream> {
    use std::os::unix::fs::FileTypeExt;
    let owned = fd.try_clone_to_owned().ok()?;
    let file = std::fs::File::from(owned);
    let kind = file.metadata().ok()?.file_type();
    let owned = std::os::fd::OwnedFd::from(file);
    if kind.is_fifo() {
        Some(AsyncStream::Pipe(owned))
    } else if kind.is_socket() {
        Some(AsyncStream::Socket(owned))
    } else {
        None
    }
}

impl AsyncStream {
    fn reader(self) -> io::Result<Input> {
        Ok(match self {
            AsyncStream::Pipe(fd) => Box::new(tokio::net::unix::pipe::Receiver::from_owned_fd(fd)?),
            AsyncStream::Socket(fd) => Box::new(socket(fd)?),
        })
    }

    fn writer(self) -> io::Result<Output> {
        Ok(match self {
            AsyncStream::Pipe(fd) => Box::new(tokio::net::unix::pipe::Sender::from_owned_fd(fd)?),
            AsyncStream::Socket(fd) => Box::new(socket(fd)?),
        })
    }
}

fn socket(fd: std::os::fd::OwnedFd) -> io::Result<tokio::net::UnixStream> {
    let stream = std::os::unix::net::UnixStream::from(fd);
    stream.set_nonblocking(true)?;
    tokio::net::UnixStream::from_std(stream)
}

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
    /// Set once the writer has written every queued line (or the client stopped reading).
    written: watch::Receiver<bool>,
    /// Whether the session began (rmcp ends the connection on a notification before that).
    started: bool,
    /// Requests handed to rmcp and not answered yet: at the end of input they still get their answer.
    unanswered: std::collections::HashSet<RequestId>,
    /// When the input ended, the latest moment to give up on [`Self::unanswered`].
    eof_deadline_opt: Option<tokio::time::Instant>,
}

/// Tells when the transport's writer is done: every queued line written, or the client stopped reading.
#[derive(Debug)]
pub struct Written(watch::Receiver<bool>);

impl Written {
    /// Waits (up to [`CLOSE_FLUSH_TIMEOUT`]) until the writer is done: an answer queued before the session
    /// failed (rmcp then drops the transport without closing it) still reaches the client before the
    /// process ends.
    pub async fn wait(mut self) {
        let _ = tokio::time::timeout(CLOSE_FLUSH_TIMEOUT, self.0.wait_for(|done| *done)).await;
    }
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
        let (done, written) = watch::channel(false);
        let writer = async move {
            write_lines(write, lines).await;
            let _ = done.send(true);
        };
        LineTransport {
            read: BufReader::new(read),
            line: Vec::new(),
            oversized: false,
            pending_reply: None,
            out_opt: Some(out),
            writer_opt: Some(tokio::spawn(writer)),
            written,
            started: false,
            unanswered: std::collections::HashSet::new(),
            eof_deadline_opt: None,
        }
    }

    /// Returns what tells when every line queued for the client is written, the transport gone.
    pub fn written(&self) -> Written {
        Written(self.written.clone())
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

    /// Notes a request rmcp will answer, and forgets one the client cancelled (rmcp does not answer it).
    fn note(&mut self, message: &ClientJsonRpcMessage) {
        match message {
            JsonRpcMessage::Request(request) => {
                self.unanswered.insert(request.id.clone());
            }
            JsonRpcMessage::Notification(notification) => {
                if let ClientNotification::CancelledNotification(cancelled) =
                    &notification.notification
                    && let Some(id) = &cancelled.params.request_id
                {
                    self.unanswered.remove(id);
                }
            }
            _ => {}
        }
    }

    /// At the end of input, waits (up to [`CLOSE_FLUSH_TIMEOUT`]) while requests are still being served: rmcp
    /// drops this wait to send each answer, and asks again. Cancel-safe: the deadline is kept in `self`.
    async fn await_answers(&mut self) {
        if self.unanswered.is_empty() {
            return;
        }
        let deadline = *self
            .eof_deadline_opt
            .get_or_insert_with(|| tokio::time::Instant::now() + CLOSE_FLUSH_TIMEOUT);
        tokio::time::sleep_until(deadline).await;
        debug!(
            unanswered = self.unanswered.len(),
            "input ended before every answer"
        );
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
        let id_opt = match &item {
            JsonRpcMessage::Response(response) => Some(&response.id),
            JsonRpcMessage::Error(error) => error.id.as_ref(),
            _ => None,
        };
        if let Some(id) = id_opt {
            self.unanswered.remove(id);
        }
        let line = serde_json::to_vec(&item).map(|mut line| {
            line.push(b'\n');
            line
        });
        // Queued now, while the queue has room: rmcp sends from a task it drops when the input ends, and an
        // answer must not be lost with it.
        let mut late_opt = None;
        let queued = match (&line, &self.out_opt) {
            (Ok(line), Some(out)) => match out.try_send(line.clone()) {
                Ok(()) => Ok(()),
                Err(mpsc::error::TrySendError::Full(line)) => {
                    late_opt = Some((out.clone(), line));
                    Ok(())
                }
                Err(mpsc::error::TrySendError::Closed(_)) => Err(io::Error::new(
                    io::ErrorKind::BrokenPipe,
                    "the mcp client stopped reading",
                )),
            },
            (Err(error), _) => Err(io::Error::other(error.to_string())),
            (_, None) => Err(io::Error::new(
                io::ErrorKind::NotConnected,
                "the transport is closed",
            )),
        };
        async move {
            queued?;
            if let Some((out, line)) = late_opt {
                out.send(line).await.map_err(|_| {
                    io::Error::new(io::ErrorKind::BrokenPipe, "the mcp client stopped reading")
                })?;
            }
            Ok(())
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
                LineRead::Eof => {
                    self.await_answers().await;
                    return None;
                }
                LineRead::Oversized => jsonrpc::too_long(&line, MAX_LINE_BYTES),
                LineRead::Line => match jsonrpc::classify(&line) {
                    Incoming::Message(message) if self.admit(&message) => {
                        self.note(&message);
                        return Some(*message);
                    }
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
        let ping_id = match message {
            JsonRpcMessage::Request(request) => {
                assert!(matches!(request.request, ClientRequest::PingRequest(_)));
                request.id
            }
            other => panic!("expected the ping, got {other:?}"),
        };
        let mut replies = tokio::io::BufReader::new(client_out).lines();
        let reply: Value =
            serde_json::from_str(&replies.next_line().await.expect("read").expect("a line"))
                .expect("json");
        assert_eq!(reply["id"], 5);
        assert_eq!(reply["error"]["code"], jsonrpc::INVALID_REQUEST);
        // The ping is answered; with nothing left to answer, the end of input ends the session at once.
        transport
            .send(JsonRpcMessage::response(
                rmcp::model::ServerResult::empty(()),
                ping_id,
            ))
            .await
            .expect("queued");
        let reply: Value =
            serde_json::from_str(&replies.next_line().await.expect("read").expect("a line"))
                .expect("json");
        assert_eq!(reply["id"], 6);
        assert!(transport.receive().await.is_none(), "end of input");
        writer.await.expect("joins").expect("writes");
    }

    /// The last request before the end of input is still answered: the end waits for its answer (rmcp sends
    /// it from a task it drops when the input ends, so the answer is queued when rmcp hands it over).
    #[tokio::test]
    async fn the_end_of_input_waits_for_the_answer_to_a_request_in_flight() {
        let (mut client_in, server_in) = tokio::io::duplex(1024);
        let (server_out, client_out) = tokio::io::duplex(1024);
        let mut transport = LineTransport::new(server_in, server_out);
        client_in
            .write_all(b"{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}")
            .await
            .expect("writes");
        client_in.shutdown().await.expect("ends");
        let id = match transport.receive().await.expect("the ping") {
            JsonRpcMessage::Request(request) => request.id,
            other => panic!("expected the ping, got {other:?}"),
        };
        // The input has ended, but the ping is not answered yet: the end waits.
        let ended = tokio::time::timeout(Duration::from_millis(200), transport.receive()).await;
        assert!(ended.is_err(), "the end of input waits for the answer");
        let answer = transport.send(JsonRpcMessage::response(
            rmcp::model::ServerResult::empty(()),
            id,
        ));
        // Queued when handed over, even if the task sending it is dropped.
        drop(answer);
        assert!(transport.receive().await.is_none(), "then the input ends");
        transport.close().await.expect("closes");
        let mut replies = tokio::io::BufReader::new(client_out).lines();
        let reply: Value =
            serde_json::from_str(&replies.next_line().await.expect("read").expect("a line"))
                .expect("json");
        assert_eq!(reply["id"], 9);
    }
}
