//! Serving the node's HTTP endpoints (the OTLP receiver, `/metrics`) within bounds.
//!
//! `axum::serve` keeps every connection it accepts for as long as the client likes: one that never sends a
//! request's head, or never reads its response, holds a socket and a task for good, and enough of them take
//! the node's file descriptors (which sled, the NATS connection and the checkpoint store need too). Here each
//! connection has [`Bounds::head_timeout`] to send each request's head (an idle kept-alive connection is closed
//! after as long), [`Bounds::read_timeout`] between the bytes of a body and [`Bounds::write_timeout`] for the
//! client to take each part of an answer (the time spent answering is not counted), and at most
//! [`Bounds::max_connections`] are served at once: one more is closed as soon as it is accepted.

use std::{
    future::Future,
    time::{Duration, Instant},
};

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::{
    rt::{TokioIo, TokioTimer},
    service::TowerToHyperService,
};
use tokio::{net::TcpListener, task::JoinSet};
use tokio_io_timeout::TimeoutStream;
use tracing::{debug, warn};

/// What one endpoint allows its clients.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    /// Connections served at once. Default 128: SHIM's clients (Claude Code's exporters, one Prometheus) keep
    /// a handful.
    pub max_connections: usize,
    /// How long a client has to send a request's head, and how long a kept-alive connection may sit idle.
    /// Default 10 s.
    pub head_timeout: Duration,
    /// How long one read of a connection may wait for the client once a request's head is in (a body that
    /// stops coming); not counted while the request is answered. Default 30 s.
    pub read_timeout: Duration,
    /// How long one write may wait for the client to read (an answer never read). Default 30 s.
    pub write_timeout: Duration,
    /// How long stopping waits for the requests being answered before it ends their connections. Default 1 s,
    /// within the 2 s a stopping node gives each of its tasks.
    pub drain_timeout: Duration,
}

impl Default for Bounds {
    fn default() -> Self {
        Bounds {
            max_connections: 128,
            head_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(30),
            write_timeout: Duration::from_secs(30),
            drain_timeout: Duration::from_secs(1),
        }
    }
}

/// How long the accept loop pauses after an error accepting other than a connection's own (out of file
/// descriptors, most often), so it does not spin.
const ACCEPT_ERROR_PAUSE: Duration = Duration::from_secs(1);
/// At most one warning per endpoint and kind this often; each says how many happened since the last.
const WARN_EVERY: Duration = Duration::from_secs(60);

/// A warning said at most once per [`WARN_EVERY`], with a count of what happened meanwhile.
#[derive(Default)]
struct Sparse {
    last_opt: Option<Instant>,
    since: u64,
}

impl Sparse {
    /// Counts one; returns how many happened since the last warning when one is due now.
    fn due(&mut self) -> Option<u64> {
        self.since += 1;
        if self
            .last_opt
            .is_some_and(|last| last.elapsed() < WARN_EVERY)
        {
            return None;
        }
        self.last_opt = Some(Instant::now());
        Some(std::mem::take(&mut self.since))
    }
}

/// Whether an error accepting is the connection's own (it was reset or aborted before it was taken): the
/// next one is accepted at once.
fn connection_error(error: &std::io::Error) -> bool {
    matches!(
        error.kind(),
        std::io::ErrorKind::ConnectionRefused
            | std::io::ErrorKind::ConnectionAborted
            | std::io::ErrorKind::ConnectionReset
    )
}

/// Serves `app` on `listener` within `bounds` until `shutdown` resolves; then stops accepting, lets the
/// requests being answered finish for up to [`Bounds::drain_timeout`], and ends the connections left. `name`
/// says which endpoint in the log.
pub async fn serve(
    name: &'static str,
    listener: TcpListener,
    app: Router,
    bounds: Bounds,
    shutdown: impl Future<Output = ()> + Send + 'static,
) {
    let max_connections = bounds.max_connections.max(1);
    // Every connection's task: ended with it when this future is dropped (a stopping node aborts it).
    let mut connections = JoinSet::new();
    let (closing, closed) = tokio::sync::watch::channel(false);
    let (mut refusals, mut failures) = (Sparse::default(), Sparse::default());
    tokio::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(error) if connection_error(&error) => continue,
                Err(error) => {
                    if let Some(count) = failures.due() {
                        warn!(endpoint = name, %error, count, "failed to accept connections");
                    }
                    tokio::select! {
                        () = tokio::time::sleep(ACCEPT_ERROR_PAUSE) => continue,
                        () = &mut shutdown => break,
                    }
                }
            },
            () = &mut shutdown => break,
        };
        while connections.try_join_next().is_some() {}
        if connections.len() >= max_connections {
            // Closed at once: the client sees the connection end rather than waiting on it.
            if let Some(count) = refusals.due() {
                warn!(
                    endpoint = name,
                    max_connections, count, "refused connections: as many as allowed are open"
                );
            }
            continue;
        }
        let _ = stream.set_nodelay(true);
        let mut stream = TimeoutStream::new(stream);
        stream.set_read_timeout(Some(bounds.read_timeout));
        stream.set_write_timeout(Some(bounds.write_timeout));
        let io = TokioIo::new(Box::pin(stream));
        let service = TowerToHyperService::new(app.clone());
        let mut closed = closed.clone();
        connections.spawn(async move {
            let connection = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(bounds.head_timeout)
                // The socket is not read while a request is answered (only to see whether the client
                // closed it), so the read timeout counts the client's silences, not the handler's work.
                .half_close(true)
                .serve_connection(io, service);
            tokio::pin!(connection);
            let closing = async move {
                let _ = closed.wait_for(|closed| *closed).await;
            };
            let served = tokio::select! {
                served = connection.as_mut() => served,
                () = closing => {
                    connection.as_mut().graceful_shutdown();
                    connection.await
                }
            };
            if let Err(error) = served {
                debug!(endpoint = name, %error, "a connection ended with an error");
            }
        });
    }
    // New clients are refused from now on, not left in the backlog.
    drop(listener);
    let _ = closing.send(true);
    let drained = tokio::time::timeout(bounds.drain_timeout, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    if drained.is_err() {
        debug!(
            endpoint = name,
            open = connections.len(),
            "ended the connections still open after the drain timeout"
        );
    }
}

#[cfg(test)]
mod tests {
    use std::net::SocketAddr;

    use axum::routing::get;
    use tokio::{
        io::{AsyncReadExt, AsyncWriteExt},
        net::TcpStream,
    };

    use super::*;

    const REQUEST: &[u8] = b"GET /small HTTP/1.1\r\nhost: shim\r\n\r\n";

    /// Serves a small and a large answer within `bounds`; the large one is far more than the socket buffers
    /// hold, so a client that does not read holds its write.
    async fn start(bounds: Bounds) -> (SocketAddr, tokio::sync::oneshot::Sender<()>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("binds");
        let addr = listener.local_addr().expect("address");
        let app = Router::new()
            .route(
                "/small",
                get(|| async { "small" }).post(|body: String| async move { body }),
            )
            .route("/large", get(|| async { vec![b'x'; 16 * 1024 * 1024] }))
            .route(
                "/slow",
                get(|| async {
                    tokio::time::sleep(Duration::from_millis(600)).await;
                    "slow"
                }),
            )
            .route(
                "/stuck",
                get(|| async {
                    tokio::time::sleep(Duration::from_secs(3600)).await;
                    "never"
                }),
            );
        let (stop, stopped) = tokio::sync::oneshot::channel();
        tokio::spawn(serve("test endpoint", listener, app, bounds, async {
            let _ = stopped.await;
        }));
        (addr, stop)
    }

    /// Reads until the server closes the connection (or resets it), up to `within`; what came.
    async fn read_to_close(stream: &mut TcpStream, within: Duration) -> Option<Vec<u8>> {
        let mut all = Vec::new();
        let mut buffer = [0_u8; 4096];
        tokio::time::timeout(within, async {
            loop {
                match stream.read(&mut buffer).await {
                    Ok(0) | Err(_) => return,
                    Ok(read) => all.extend_from_slice(&buffer[..read]),
                }
            }
        })
        .await
        .ok()?;
        Some(all)
    }

    async fn ask_small(addr: SocketAddr) -> String {
        let mut stream = TcpStream::connect(addr).await.expect("connects");
        stream
            .write_all(b"GET /small HTTP/1.1\r\nhost: shim\r\nconnection: close\r\n\r\n")
            .await
            .expect("writes");
        let answer = read_to_close(&mut stream, Duration::from_secs(10))
            .await
            .expect("answered");
        String::from_utf8_lossy(&answer).into_owned()
    }

    /// Asks until a connection is served (each refused one is closed unanswered) and checks the answer.
    async fn served_again(addr: SocketAddr) {
        let answer = tokio::time::timeout(Duration::from_secs(20), async {
            loop {
                let answer = ask_small(addr).await;
                if !answer.is_empty() {
                    return answer;
                }
                // Refused: the place comes free once the server has seen that connection end.
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        })
        .await
        .expect("a place came free");
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    }

    fn bounds() -> Bounds {
        Bounds {
            max_connections: 4,
            head_timeout: Duration::from_millis(300),
            read_timeout: Duration::from_secs(60),
            write_timeout: Duration::from_secs(60),
            drain_timeout: Duration::from_secs(5),
        }
    }

    async fn ask(addr: SocketAddr, path: &str) -> String {
        let mut stream = TcpStream::connect(addr).await.expect("connects");
        let request = format!("GET {path} HTTP/1.1\r\nhost: shim\r\nconnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).await.expect("writes");
        let answer = read_to_close(&mut stream, Duration::from_secs(10))
            .await
            .expect("answered");
        String::from_utf8_lossy(&answer).into_owned()
    }

    #[tokio::test]
    async fn a_handler_slower_than_the_read_timeout_is_answered() {
        let (addr, _stop) = start(Bounds {
            read_timeout: Duration::from_millis(300),
            ..bounds()
        })
        .await;
        let answer = ask(addr, "/slow").await;
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(answer.ends_with("slow"), "{answer}");
    }

    #[tokio::test]
    async fn a_kept_alive_connection_left_idle_is_closed_after_the_head_timeout() {
        let (addr, _stop) = start(bounds()).await;
        let mut stream = TcpStream::connect(addr).await.expect("connects");
        stream.write_all(REQUEST).await.expect("writes");
        let started = Instant::now();
        let answer = read_to_close(&mut stream, Duration::from_secs(10))
            .await
            .expect("closed once idle");
        let answer = String::from_utf8_lossy(&answer);
        assert!(
            answer.starts_with("HTTP/1.1 200"),
            "answered first: {answer}"
        );
        assert!(
            started.elapsed() >= Duration::from_millis(250),
            "closed before it was idle for the head timeout: {:?}",
            started.elapsed()
        );
    }

    #[tokio::test]
    async fn stopping_ends_connections_still_busy_after_the_drain_timeout() {
        let (addr, stop) = start(Bounds {
            drain_timeout: Duration::from_millis(300),
            ..bounds()
        })
        .await;
        let mut stream = TcpStream::connect(addr).await.expect("connects");
        stream
            .write_all(b"GET /stuck HTTP/1.1\r\nhost: shim\r\n\r\n")
            .await
            .expect("writes");
        // The request is taken before the stop: a second connection is answered after it was sent.
        assert!(ask(addr, "/small").await.starts_with("HTTP/1.1 200"));
        let _ = stop.send(());
        let answer = read_to_close(&mut stream, Duration::from_secs(10))
            .await
            .expect("ended after the drain timeout");
        assert!(answer.is_empty(), "{}", String::from_utf8_lossy(&answer));
    }

    #[tokio::test]
    async fn stopping_closes_the_listener_while_the_drain_goes_on() {
        let (addr, stop) = start(Bounds {
            drain_timeout: Duration::from_secs(30),
            ..bounds()
        })
        .await;
        let mut busy = TcpStream::connect(addr).await.expect("connects");
        busy.write_all(b"GET /stuck HTTP/1.1\r\nhost: shim\r\n\r\n")
            .await
            .expect("writes");
        assert!(ask(addr, "/small").await.starts_with("HTTP/1.1 200"));
        let _ = stop.send(());
        // Well within the drain: new connections are refused by the kernel, not left in a backlog.
        let refused = tokio::time::timeout(Duration::from_secs(10), async {
            while TcpStream::connect(addr).await.is_ok() {
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        })
        .await;
        assert!(refused.is_ok(), "still accepting 10 s into a 30 s drain");
        drop(busy);
    }

    #[tokio::test]
    async fn a_client_that_closes_its_sending_side_after_its_request_is_answered() {
        let (addr, _stop) = start(bounds()).await;
        let mut stream = TcpStream::connect(addr).await.expect("connects");
        // A request answered after a while: the client's end of sending is seen meanwhile.
        stream
            .write_all(b"GET /slow HTTP/1.1\r\nhost: shim\r\n\r\n")
            .await
            .expect("writes");
        stream.shutdown().await.expect("half-closes");
        let answer = read_to_close(&mut stream, Duration::from_secs(10))
            .await
            .expect("closed once answered");
        let answer = String::from_utf8_lossy(&answer);
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    }

    #[tokio::test]
    async fn a_client_that_sends_nothing_is_closed_after_the_head_timeout() {
        let (addr, _stop) = start(bounds()).await;
        let started = Instant::now();
        let mut silent = TcpStream::connect(addr).await.expect("connects");
        let answer = read_to_close(&mut silent, Duration::from_secs(10)).await;
        assert!(answer.is_some(), "still open after 10 s");
        assert!(
            started.elapsed() >= Duration::from_millis(250),
            "closed before its time: {:?}",
            started.elapsed()
        );
    }

    #[tokio::test]
    async fn a_head_sent_a_byte_at_a_time_is_cut_off_at_the_head_timeout() {
        let (addr, _stop) = start(bounds()).await;
        let mut slow = TcpStream::connect(addr).await.expect("connects");
        let started = Instant::now();
        // Each byte well within the read timeout, the whole head far beyond the head timeout; a header line
        // again and again, so the head never ends however late the timeout.
        let mut cut_off = false;
        let head = b"GET /small HTTP/1.1\r\n"
            .iter()
            .chain(b"x-pad: y\r\n".iter().cycle())
            .take(200);
        for byte in head {
            if slow.write_all(&[*byte]).await.is_err() {
                cut_off = true;
                break;
            }
            let mut buffer = [0_u8; 1024];
            match tokio::time::timeout(Duration::from_millis(50), slow.read(&mut buffer)).await {
                Ok(Ok(0) | Err(_)) => {
                    cut_off = true;
                    break;
                }
                Ok(Ok(_)) => panic!("answered a head that never ended"),
                Err(_) => {}
            }
        }
        assert!(cut_off, "still open after {:?}", started.elapsed());
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
    }

    #[tokio::test]
    async fn a_connection_beyond_the_most_allowed_is_closed_and_the_rest_still_served() {
        let (addr, _stop) = start(Bounds {
            head_timeout: Duration::from_secs(60),
            ..bounds()
        })
        .await;
        let mut held = Vec::new();
        for _ in 0..4 {
            let mut stream = TcpStream::connect(addr).await.expect("connects");
            // Served: a kept-alive connection that answered once holds its place.
            stream.write_all(REQUEST).await.expect("writes");
            let mut buffer = [0_u8; 1024];
            let read = stream.read(&mut buffer).await.expect("answered");
            assert!(read > 0);
            held.push(stream);
        }
        let mut fifth = TcpStream::connect(addr)
            .await
            .expect("the kernel accepts it");
        let answer = read_to_close(&mut fifth, Duration::from_secs(10))
            .await
            .expect("closed at once");
        assert!(answer.is_empty(), "answered beyond the bound");
        // One given up frees its place.
        held.pop();
        served_again(addr).await;
        // The ones held are still served.
        held[0].write_all(REQUEST).await.expect("writes");
        let mut buffer = [0_u8; 1024];
        let read = held[0].read(&mut buffer).await.expect("answered");
        assert!(String::from_utf8_lossy(&buffer[..read]).contains("small"));
    }

    #[tokio::test]
    async fn a_client_that_never_reads_its_answer_gives_its_place_back() {
        let (addr, _stop) = start(Bounds {
            max_connections: 1,
            head_timeout: Duration::from_secs(60),
            write_timeout: Duration::from_millis(300),
            ..bounds()
        })
        .await;
        let mut stuck = TcpStream::connect(addr).await.expect("connects");
        stuck
            .write_all(b"GET /large HTTP/1.1\r\nhost: shim\r\n\r\n")
            .await
            .expect("writes");
        // Never read: the server's write waits on full buffers until its timeout, then the only place is free.
        served_again(addr).await;
        drop(stuck);
    }

    #[tokio::test]
    async fn a_body_that_stops_coming_gives_its_place_back() {
        let (addr, _stop) = start(Bounds {
            max_connections: 1,
            head_timeout: Duration::from_secs(60),
            read_timeout: Duration::from_millis(300),
            ..bounds()
        })
        .await;
        let mut stalled = TcpStream::connect(addr).await.expect("connects");
        // A body of 100 bytes announced, 10 sent.
        stalled
            .write_all(
                b"POST /small HTTP/1.1\r\nhost: shim\r\ncontent-length: 100\r\n\r\n0123456789",
            )
            .await
            .expect("writes");
        served_again(addr).await;
        drop(stalled);
    }

    #[tokio::test]
    async fn stopping_lets_an_answer_being_written_finish() {
        let (addr, stop) = start(bounds()).await;
        let mut stream = TcpStream::connect(addr).await.expect("connects");
        stream
            .write_all(b"GET /large HTTP/1.1\r\nhost: shim\r\n\r\n")
            .await
            .expect("writes");
        let mut first = [0_u8; 1024];
        let read = stream.read(&mut first).await.expect("answer begins");
        assert!(read > 0);
        let _ = stop.send(());
        let rest = read_to_close(&mut stream, Duration::from_secs(20))
            .await
            .expect("closed once answered");
        assert!(
            read + rest.len() >= 16 * 1024 * 1024,
            "cut short: {} bytes",
            read + rest.len()
        );
    }
}
