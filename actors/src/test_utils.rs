//! Helpers for tests that drive real actors: polling with a deadline instead of sleeping.

use std::{future::Future, time::Duration};

/// Polls `predicate` every `interval` until it returns true or `timeout` passes; returns whether it
/// became true.
pub async fn wait_until<F, Fut>(mut predicate: F, timeout: Duration, interval: Duration) -> bool
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        if predicate().await {
            return true;
        }
        if tokio::time::Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(interval).await;
    }
}
