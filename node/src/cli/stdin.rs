//! Reading what Claude Code writes on a command's stdin (hooks, the status line), within the command's
//! deadline.

/// Reads stdin (at most `max` bytes) until it closes or `deadline` passes; `None` when it did not close in time
/// or could not be read. The read runs on a thread of its own, not a runtime's blocking pool: a stdin that never
/// closes must not keep the process from exiting, and a detached thread ends with it.
pub(super) async fn read(max: u64, deadline: tokio::time::Instant) -> Option<Vec<u8>> {
    use std::io::Read;
    let (sender, receiver) = tokio::sync::oneshot::channel();
    std::thread::Builder::new()
        .name("stdin".to_owned())
        .spawn(move || {
            let mut input = Vec::new();
            let read = std::io::stdin().take(max).read_to_end(&mut input);
            let _ = sender.send(read.map(|_| input));
        })
        .ok()?;
    match tokio::time::timeout_at(deadline, receiver).await {
        Ok(Ok(Ok(input))) => Some(input),
        Ok(_) => None,
        Err(_) => {
            tracing::debug!("stdin did not close before the deadline");
            None
        }
    }
}
