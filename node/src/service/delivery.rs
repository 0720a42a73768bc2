//! Replies that hand something out (a claimed task, messages): what was taken is only kept once the reply
//! reached its requester.
//!
//! The reply goes to the requester's reply subject carrying a reply subject of its own (a fresh inbox of
//! this node). Then:
//! - the requester is gone (disconnected, killed): nats-server answers on the inbox at once with a 503 (no
//!   responders), and what was taken is handed back;
//! - the requester asked for a receipt (request header [`RECEIPT_HEADER`]`: 1`, as [`NodeClient`] does): it
//!   publishes an empty message to the inbox once it has the reply, and what was taken is kept; no receipt
//!   within [`RECEIPT_WINDOW`] (it timed out, or the call was cancelled) hands it back;
//! - other requesters (nats-py, older clients): a marker this node sends to its own inbox right after the
//!   reply comes back behind any 503, so what was taken is kept unless the server said no one listens.
//!
//! The 503 needs the node's connection to ask for it: async-nats always sends `headers` and `no_responders` in
//! its CONNECT, and nats-server (2.2 and later, 2.9 in the tests) then answers a message with a reply subject
//! that no one is subscribed to with a 503 status on that reply subject.
//!
//! Handing back a task restores its record as before the claim (no attempt spent) and naks its delivery, so
//! the next claim gets it; handing back messages naks them, so the next read gets them. A message is
//! acknowledged only once it was delivered.
//!
//! [`NodeClient`]: crate::nats::NodeClient

use std::time::Duration;

use async_nats::{Client, HeaderMap, StatusCode};
use bytes::Bytes;
use futures::StreamExt;
use shim_protocol::{
    CHAT_SECRET_HEADER, PROTOCOL_HEADER, PROTOCOL_VERSION, RECEIPT_HEADER, TIMEOUT_HEADER,
};
use tracing::{debug, warn};

pub use crate::coordination::Taken;
use crate::service::{self, Inbound};

/// How long a requester that asked for a receipt has to send it.
pub const RECEIPT_WINDOW: Duration = Duration::from_secs(5);

/// How long a node leaves for its answer to reach a requester that said how long it listens.
const ANSWER_MARGIN: Duration = Duration::from_secs(1);

/// What one request and its reply carry besides the payloads.
#[derive(Debug, Default)]
pub struct Exchange {
    /// What the reply hands out, kept only once the requester has it.
    pub taken_opt: Option<Taken>,
    /// How long the requester listens (its [`TIMEOUT_HEADER`]), when it said so.
    pub patience_opt: Option<Duration>,
    /// Whether the request has a reply subject (fire-and-forget requests have none).
    pub wants_reply: bool,
    /// The secret of the chat the request acts for (its [`CHAT_SECRET_HEADER`]), when it carries one.
    pub chat_secret_opt: Option<String>,
}

impl Exchange {
    /// Reads what the request says about its requester.
    pub fn of(request: &async_nats::Message) -> Exchange {
        let patience_opt = request
            .headers
            .as_ref()
            .and_then(|headers| headers.get(TIMEOUT_HEADER))
            .and_then(|value| value.as_str().trim().parse::<u64>().ok())
            .map(Duration::from_millis);
        let chat_secret_opt = request
            .headers
            .as_ref()
            .and_then(|headers| headers.get(CHAT_SECRET_HEADER))
            .map(|value| value.as_str().to_owned());
        Exchange {
            taken_opt: None,
            patience_opt,
            wants_reply: request.reply.is_some(),
            chat_secret_opt,
        }
    }

    /// `wait`, cut short so the answer still reaches a requester that listens for less.
    pub fn cap(&self, wait: Duration) -> Duration {
        match self.patience_opt {
            Some(patience) => wait.min(patience.saturating_sub(ANSWER_MARGIN)),
            None => wait,
        }
    }
}

/// Sends `payload` (`ok`: a reply that hands `taken` out, else an error) to the requester of `inbound`, and
/// keeps `taken` if the reply arrived; else returns it, for the component to hand back.
pub async fn deliver(
    client: &Client,
    inbound: &Inbound,
    payload: Bytes,
    taken: Taken,
    ok: bool,
) -> Option<Taken> {
    if taken.is_empty() || !ok {
        // Nothing handed out, or an error in its place.
        service::reply(client, inbound, payload).await;
        return (!ok).then_some(taken);
    }
    let request = inbound.message();
    let wants_receipt = request
        .headers
        .as_ref()
        .and_then(|headers| headers.get(RECEIPT_HEADER))
        .is_some_and(|value| value.as_str() == "1");
    let reached = match request.reply.clone() {
        Some(reply_to) => {
            send_and_confirm(client, reply_to.to_string(), payload, wants_receipt).await
        }
        // Nobody can receive it.
        None => Reached::No,
    };
    match reached {
        Reached::Yes => {
            taken.keep().await;
            None
        }
        Reached::No => {
            debug!(subject = %request.subject, wants_receipt, "the requester did not take the reply; handing back what it took");
            Some(taken)
        }
        Reached::Unknown => {
            debug!(subject = %request.subject, "no receipt came for the reply; handing back what it took");
            Some(taken.unconfirmed())
        }
    }
}

/// Whether a reply reached its requester.
enum Reached {
    /// It did: a receipt came, or (for a requester that asks for none) the server did not say it was gone.
    Yes,
    /// It did not: the server said no one listens, or it could not be sent.
    No,
    /// No receipt came, though nothing said the requester was gone: it may have it.
    Unknown,
}

/// Sends the reply with an inbox of this node as its reply subject, and says whether the requester has it
/// (see the module documentation).
async fn send_and_confirm(
    client: &Client,
    reply_to: String,
    payload: Bytes,
    wants_receipt: bool,
) -> Reached {
    let inbox = client.new_inbox();
    let mut answers = match client.subscribe(inbox.clone()).await {
        Ok(answers) => answers,
        Err(error) => {
            warn!(%error, "failed to subscribe for a receipt");
            return Reached::No;
        }
    };
    let mut headers = HeaderMap::new();
    headers.insert(PROTOCOL_HEADER, PROTOCOL_VERSION.to_string().as_str());
    if let Err(error) = client
        .publish_with_reply_and_headers(reply_to, inbox.clone(), headers, payload)
        .await
    {
        warn!(%error, "failed to send a reply");
        return Reached::No;
    }
    if !wants_receipt {
        // The server handles this connection's messages in order: a 503 for the reply comes before this.
        if let Err(error) = client.publish(inbox, Bytes::new()).await {
            warn!(%error, "failed to send a delivery marker");
            return Reached::No;
        }
    }
    match tokio::time::timeout(RECEIPT_WINDOW, answers.next()).await {
        Ok(Some(answer)) if answer.status == Some(StatusCode::NO_RESPONDERS) => Reached::No,
        Ok(Some(_)) => Reached::Yes,
        Ok(None) | Err(_) => Reached::Unknown,
    }
}
