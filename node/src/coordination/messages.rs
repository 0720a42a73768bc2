//! Messages between chats, in the JetStream stream `SHIM_MESSAGES` (kept 7 days). Each chat reads through
//! two durable consumers of its own: one for messages to it, one for broadcasts since it first read. Unread
//! messages wait for a chat that is away; a stream keeps publish order, so messages from one sender arrive in
//! the order sent. A read takes messages without acknowledging them: they are acknowledged once the reader
//! has them ([`Unacked::ack`]) and handed back for the next read otherwise ([`Unacked::nak`]).

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::Duration,
};

use anyhow::Context as _;
use async_nats::jetstream::{
    self, AckKind,
    consumer::{AckPolicy, DeliverPolicy, PullConsumer, pull},
    stream::{self, DiscardPolicy, StorageType},
};
use futures::StreamExt;
use shim_protocol::{
    WireError,
    messages::ChatMessage,
    subject::{self, MESSAGES_ALL, MESSAGES_BROADCAST, validate_id},
};
use tracing::warn;

/// Longest text.
pub const MAX_TEXT: usize = shim_protocol::limits::MAX_MESSAGE_TEXT_BYTES;
/// Longest wait for a message.
pub const MAX_WAIT: Duration = shim_protocol::limits::MAX_WAIT;
const STREAM: &str = "SHIM_MESSAGES";
const POLL: Duration = Duration::from_millis(200);
/// Largest message the stream stores: a text of [`MAX_TEXT`] bytes as JSON, where each byte may take six (a
/// control character is written `\u0001`), and the message's other fields. At twice the text, 16 KiB of
/// backslashes or tabs were refused by the stream and the sender was told "unavailable".
const MAX_STORED: usize = 6 * MAX_TEXT + 1024;
/// How many bytes of stored messages one read takes at most, so its reply stays well under the largest
/// payload NATS carries (1 MiB): with a count alone, 64 messages of 16 KiB made a reply that could not be
/// sent, were handed back, and came back to the next read the same way, for good.
const READ_BYTES: usize = 512 * 1024;
/// The fewest bytes a fetch asks for: one message of the largest size with its subject and headers (the
/// server delivers nothing at all when the first message does not fit).
const FETCH_AT_LEAST: usize = MAX_STORED + 4096;
/// How long the stream remembers a message's idempotency key: its duplicate window, the queue's too (and the
/// server's default, set here on purpose).
const DUPLICATE_WINDOW: Duration = shim_protocol::limits::DUPLICATE_WINDOW;
/// Chats whose consumer handles are kept; past this the cache starts over.
const MAX_CACHED_CHATS: usize = 10_000;

/// A chat's two consumers: messages to it, and broadcasts.
type ConsumerPair = (PullConsumer, PullConsumer);

fn unavailable(error: impl std::fmt::Display) -> WireError {
    WireError::Unavailable {
        message: format!("messages: {error}"),
    }
}

/// The message stream.
#[derive(Debug, Clone)]
pub struct Messages {
    js: jetstream::Context,
    stream: stream::Stream,
    /// Consumer handles by chat, so a read does not look its consumers up on the server each time.
    consumers: Arc<Mutex<HashMap<String, ConsumerPair>>>,
    /// True once the node stops: waiting reads end at once.
    stopping: Arc<tokio::sync::watch::Sender<bool>>,
}

/// A message sent.
#[derive(Debug)]
pub struct Sent {
    /// As stored: the first one's, when it was sent again.
    pub message: ChatMessage,
    /// Sent again under an idempotency key the stream had seen: nothing more was stored.
    pub again: bool,
}

/// Messages a read took and has not acknowledged yet.
#[derive(Debug, Default)]
pub struct Unacked {
    deliveries: Vec<jetstream::Message>,
    /// The first failure of the read, if any.
    error: Option<WireError>,
}

impl Unacked {
    /// True when the read took nothing.
    pub fn is_empty(&self) -> bool {
        self.deliveries.is_empty()
    }

    /// The reader has the messages: they are not delivered again.
    pub async fn ack(self) {
        for delivery in self.deliveries {
            if let Err(error) = delivery.double_ack().await {
                warn!(%error, "failed to acknowledge a message");
            }
        }
    }

    /// The reader never got the messages: the next read gets them.
    pub async fn nak(self) {
        for delivery in self.deliveries {
            if let Err(error) = delivery.ack_with(AckKind::Nak(None)).await {
                warn!(%error, "failed to hand a message back");
            }
        }
    }
}

impl Messages {
    /// Opens (creating if needed) the message stream, with `replicas` copies.
    pub async fn open(js: jetstream::Context, replicas: usize) -> anyhow::Result<Messages> {
        let stream = crate::coordination::streams::ensure_stream(
            &js,
            stream::Config {
                name: STREAM.to_owned(),
                subjects: vec![MESSAGES_ALL.to_owned()],
                storage: StorageType::File,
                num_replicas: replicas.max(1),
                max_age: Duration::from_secs(7 * 24 * 3600),
                max_message_size: MAX_STORED as i32,
                discard: DiscardPolicy::Old,
                duplicate_window: DUPLICATE_WINDOW,
                ..stream::Config::default()
            },
        )
        .await
        .context("the message stream")?;
        // A stream made by an earlier version stored less.
        let current = stream.cached_info().config.clone();
        let stream =
            if current.max_message_size >= 0 && (current.max_message_size as usize) < MAX_STORED {
                js.update_stream(stream::Config {
                    max_message_size: MAX_STORED as i32,
                    ..current
                })
                .await
                .context("raising the message stream's largest message")?;
                js.get_stream(STREAM).await.context("the message stream")?
            } else {
                stream
            };
        Ok(Messages {
            js,
            stream,
            consumers: Arc::new(Mutex::new(HashMap::new())),
            stopping: Arc::new(tokio::sync::watch::Sender::new(false)),
        })
    }

    /// Sends a message; returns it as stored.
    pub async fn send(
        &self,
        from: &str,
        to: &str,
        text: &str,
        idempotency_key: Option<&str>,
        now_ms: u64,
    ) -> Result<Sent, WireError> {
        validate_id("chat id", from)?;
        let subject = if to == "broadcast" {
            MESSAGES_BROADCAST.to_owned()
        } else {
            subject::messages_to(to)?
        };
        if text.is_empty() {
            return Err(WireError::bad_request("text is empty"));
        }
        crate::coordination::tasks::check_size("text", text, MAX_TEXT)?;
        let mut headers = async_nats::HeaderMap::new();
        if let Some(key) = idempotency_key {
            crate::coordination::tasks::check_text(
                "idempotency_key",
                key,
                crate::coordination::tasks::MAX_IDEMPOTENCY_KEY,
            )?;
            // The stream stores one message per id within its duplicate window and answers a second
            // publish with the first one's sequence.
            headers.insert(
                "Nats-Msg-Id",
                crate::coordination::tasks::idempotency_slot(from, key).as_str(),
            );
        }
        let mut message = ChatMessage {
            message_id: 0,
            from: from.to_owned(),
            to: to.to_owned(),
            text: text.to_owned(),
            sent_at_ms: now_ms,
        };
        let payload = bytes::Bytes::from(serde_json::to_vec(&message).map_err(unavailable)?);
        let ack = crate::coordination::streams::patiently_publishing(|| async {
            self.js
                .publish_with_headers(subject.clone(), headers.clone(), payload.clone())
                .await?
                .await
        })
        .await
        .map_err(unavailable)?;
        message.message_id = ack.sequence;
        Ok(Sent {
            message,
            again: ack.duplicate,
        })
    }

    async fn consumer(&self, chat_id: &str, broadcast: bool) -> Result<PullConsumer, WireError> {
        let (name, filter_subject, deliver_policy) = if broadcast {
            (
                format!("msg-{chat_id}-all"),
                MESSAGES_BROADCAST.to_owned(),
                DeliverPolicy::New,
            )
        } else {
            (
                format!("msg-{chat_id}-to"),
                subject::messages_to(chat_id)?,
                DeliverPolicy::All,
            )
        };
        self.stream
            .get_or_create_consumer(
                &name,
                pull::Config {
                    durable_name: Some(name.clone()),
                    filter_subject,
                    deliver_policy,
                    ack_policy: AckPolicy::Explicit,
                    ack_wait: Duration::from_secs(30),
                    // A chat gone for a week loses its cursor, and its messages age out anyway.
                    inactive_threshold: Duration::from_secs(7 * 24 * 3600),
                    ..pull::Config::default()
                },
            )
            .await
            .map_err(unavailable)
    }

    /// Returns the chat's consumers, creating them on the server the first time.
    async fn consumers_of(&self, chat_id: &str) -> Result<ConsumerPair, WireError> {
        let cached = self
            .consumers
            .lock()
            .ok()
            .and_then(|consumers| consumers.get(chat_id).cloned());
        if let Some(pair) = cached {
            return Ok(pair);
        }
        let pair = (
            self.consumer(chat_id, false).await?,
            self.consumer(chat_id, true).await?,
        );
        if let Ok(mut consumers) = self.consumers.lock() {
            if consumers.len() >= MAX_CACHED_CHATS {
                consumers.clear();
            }
            consumers.insert(chat_id.to_owned(), pair.clone());
        }
        Ok(pair)
    }

    /// Forgets a chat's consumer handles (after a failure: the server may have removed them).
    fn forget(&self, chat_id: &str) {
        if let Ok(mut consumers) = self.consumers.lock() {
            consumers.remove(chat_id);
        }
    }

    /// Makes sure the chat's consumers exist, so that broadcasts from now on wait for it.
    pub async fn join(&self, chat_id: &str) -> Result<(), WireError> {
        validate_id("chat id", chat_id)?;
        self.consumers_of(chat_id).await.map(|_| ())
    }

    /// Ends every waiting read now, for a node that stops.
    pub fn stop_waiting(&self) {
        self.stopping.send_replace(true);
    }

    /// Takes up to `max` unread messages of a chat, oldest first, waiting up to `wait` for one when there are
    /// none. What it returns is not acknowledged yet: the caller acknowledges it once the reader has it, or
    /// hands it back.
    pub async fn read(
        &self,
        chat_id: &str,
        wait: Duration,
        max: usize,
    ) -> Result<(Vec<ChatMessage>, Unacked), WireError> {
        validate_id("chat id", chat_id)?;
        let (direct, broadcast) = self.consumers_of(chat_id).await?;
        let stopping = self.stopping.subscribe();
        let result = poll(chat_id, &direct, &broadcast, wait, max, stopping).await;
        if result.is_err() {
            self.forget(chat_id);
        }
        result
    }
}

/// Takes what the chat's consumers hold, waiting up to `wait` for something when they hold nothing.
async fn poll(
    chat_id: &str,
    direct: &PullConsumer,
    broadcast: &PullConsumer,
    wait: Duration,
    max: usize,
    mut stopping: tokio::sync::watch::Receiver<bool>,
) -> Result<(Vec<ChatMessage>, Unacked), WireError> {
    let deadline = tokio::time::Instant::now() + wait.min(MAX_WAIT);
    let max = max.clamp(1, 100);
    let mut unacked = Unacked::default();
    loop {
        let (mut messages, fetched) = take(direct, max, READ_BYTES, None, &mut unacked).await;
        let room = max - messages.len();
        // Each fetch may bring one message of the largest size.
        let bytes_left = READ_BYTES.saturating_sub(fetched);
        if room > 0 && bytes_left >= FETCH_AT_LEAST {
            let (broadcasts, _) =
                take(broadcast, room, bytes_left, Some(chat_id), &mut unacked).await;
            messages.extend(broadcasts);
        }
        if messages.is_empty()
            && let Some(error) = unacked.error.take()
        {
            return Err(error);
        }
        let stop = *stopping.borrow();
        if !messages.is_empty() || stop || tokio::time::Instant::now() >= deadline {
            messages.sort_by_key(|message| message.message_id);
            return Ok((messages, unacked));
        }
        tokio::select! {
            _ = tokio::time::sleep(POLL.min(deadline - tokio::time::Instant::now())) => {}
            _ = stopping.changed() => {}
        }
    }
}

/// Fetches what is available now (no waiting on the server), up to `max` messages and `max_bytes` bytes of
/// them (at least [`FETCH_AT_LEAST`], so the first one always fits), keeping the deliveries unacknowledged in
/// `unacked`. Messages that are nobody's to read (unreadable ones, a chat's own broadcasts, from `skip_from`)
/// are acknowledged at once. A failure is kept in `unacked` (what was taken before it stays taken). Returns the
/// messages and the bytes fetched.
async fn take(
    consumer: &PullConsumer,
    max: usize,
    max_bytes: usize,
    skip_from: Option<&str>,
    unacked: &mut Unacked,
) -> (Vec<ChatMessage>, usize) {
    let mut out = Vec::new();
    let mut fetched = 0;
    let batch = consumer
        .fetch()
        .max_messages(max)
        .max_bytes(max_bytes.max(FETCH_AT_LEAST))
        .messages()
        .await;
    let mut batch = match batch {
        Ok(batch) => batch,
        Err(error) => {
            unacked.error = unacked.error.take().or(Some(unavailable(error)));
            return (out, fetched);
        }
    };
    while let Some(message) = batch.next().await {
        let message = match message {
            Ok(message) => message,
            Err(error) => {
                unacked.error = unacked.error.take().or(Some(unavailable(error)));
                break;
            }
        };
        fetched += message.subject.len() + message.payload.len();
        let sequence = message.info().map(|info| info.stream_sequence).unwrap_or(0);
        let parsed = serde_json::from_slice::<ChatMessage>(&message.payload)
            .ok()
            .filter(|parsed| Some(parsed.from.as_str()) != skip_from);
        match parsed {
            Some(mut parsed) => {
                parsed.message_id = sequence;
                out.push(parsed);
                unacked.deliveries.push(message);
            }
            None => {
                if let Err(error) = message.ack().await {
                    warn!(%error, "failed to acknowledge a skipped message");
                }
            }
        }
    }
    (out, fetched)
}
