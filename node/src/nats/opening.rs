//! Opening what a node keeps in JetStream (buckets, the task queue, messages, the Kaizen and analytics stores)
//! at its start, patiently: a cluster still electing its leader, or a server busy creating other streams, does
//! not answer the first request in time, and a piece given up on then would stay off until the node restarts.

use std::{future::Future, time::Duration};

use tokio::time::Instant;
use tracing::{info, warn};

/// How long one attempt to open a piece may take.
pub const ATTEMPT: Duration = Duration::from_secs(5);
/// How long a node's start keeps trying to open its pieces (all of them together) before it runs without the
/// ones that did not open; below the 30 s an MCP server waits for a node it started.
pub const PATIENCE: Duration = Duration::from_secs(25);
/// The shortest attempt once the patience is spent: each piece left gets one.
const LAST_ATTEMPT: Duration = Duration::from_secs(1);
/// Pauses between attempts: doubling from the first to the last.
const FIRST_PAUSE: Duration = Duration::from_millis(200);
const LONGEST_PAUSE: Duration = Duration::from_secs(2);

/// The pieces of one start, opened against one deadline.
#[derive(Debug, Clone, Copy)]
pub struct Opening {
    deadline: Instant,
    /// False when the server says it offers no JetStream: then nothing is worth a second attempt.
    offered: bool,
}

impl Opening {
    /// Opening on `client`'s server from now, for [`PATIENCE`].
    pub fn new(client: &async_nats::Client) -> Opening {
        Opening::with_patience(client.server_info().jetstream, PATIENCE)
    }

    /// Opening with a patience of its own; `offered` is whether the server offers JetStream.
    pub fn with_patience(offered: bool, patience: Duration) -> Opening {
        Opening {
            deadline: Instant::now() + patience,
            offered,
        }
    }

    /// Opens `what` with `open`, trying again while it fails or does not answer within [`ATTEMPT`], until the
    /// deadline; the error says what the last attempt met.
    pub async fn open<T, F, Fut>(&self, what: &str, mut open: F) -> anyhow::Result<T>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = anyhow::Result<T>>,
    {
        let mut pause = FIRST_PAUSE;
        let mut attempts = 0u32;
        loop {
            attempts += 1;
            let limit = ATTEMPT.min(
                self.deadline
                    .saturating_duration_since(Instant::now())
                    .max(LAST_ATTEMPT),
            );
            let error = match tokio::time::timeout(limit, open()).await {
                Ok(Ok(piece)) => {
                    if attempts > 1 {
                        info!(what, attempts, "opened once JetStream answered");
                    }
                    return Ok(piece);
                }
                Ok(Err(error)) => error,
                Err(_) => {
                    anyhow::anyhow!("JetStream did not answer within {} ms", limit.as_millis())
                }
            };
            if !self.offered {
                return Err(
                    error.context("the NATS server offers no JetStream (start it with -js)")
                );
            }
            if Instant::now() + pause >= self.deadline {
                return Err(error.context(format!(
                    "gave up after {attempts} attempts in {} s; restart the node once JetStream answers",
                    PATIENCE.as_secs()
                )));
            }
            warn!(what, error = %format!("{error:#}"), "JetStream is not ready; trying again");
            tokio::time::sleep(pause).await;
            pause = (pause * 2).min(LONGEST_PAUSE);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_piece_that_fails_at_first_is_opened_on_a_later_attempt() {
        let opening = Opening::with_patience(true, Duration::from_secs(10));
        let mut calls = 0;
        let opened = opening
            .open("test", || {
                calls += 1;
                let succeed = calls == 3;
                async move {
                    if succeed {
                        Ok(calls)
                    } else {
                        anyhow::bail!("not yet")
                    }
                }
            })
            .await
            .expect("opens");
        assert_eq!(opened, 3);
    }

    #[tokio::test(start_paused = true)]
    async fn a_piece_that_never_answers_is_given_up_at_the_deadline() {
        let opening = Opening::with_patience(true, Duration::from_secs(10));
        let started = Instant::now();
        let error = opening
            .open("test", std::future::pending::<anyhow::Result<()>>)
            .await
            .expect_err("never opens");
        assert!(format!("{error:#}").contains("gave up"), "{error:#}");
        let took = started.elapsed();
        assert!(
            took >= Duration::from_secs(8) && took <= Duration::from_secs(12),
            "{took:?}"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn without_jetstream_one_attempt_is_all() {
        let opening = Opening::with_patience(false, Duration::from_secs(10));
        let mut calls = 0;
        let error = opening
            .open("test", || {
                calls += 1;
                async { anyhow::bail!("no responders") as anyhow::Result<()> }
            })
            .await
            .expect_err("no JetStream");
        assert_eq!(calls, 1);
        assert!(
            format!("{error:#}").contains("offers no JetStream"),
            "{error:#}"
        );
    }
}
