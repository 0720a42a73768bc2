//! Who is who in the chat registry, as the node itself sees it: a chat enters the registry when its session
//! starts (with its name), stays present while it sends signals (a Claude Code session, whose hooks send no
//! heartbeats), and leaves (`gone`, its tasks handed back) when its session ends.

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

use shim_protocol::messages::{ChatEntry, HeartbeatRequest};
use tracing::debug;

use super::{Coordination, CoordinationResult};

/// Chats whose last refresh is remembered; past this the memory starts over.
const MAX_REMEMBERED: usize = 10_000;

/// When each chat's registry entry was last refreshed from its signals.
#[derive(Debug)]
pub struct Presence {
    every: Duration,
    refreshed: Mutex<HashMap<String, Instant>>,
}

impl Presence {
    /// Refreshes a chat's entry from its signals at most once per `every` (a third of the away time keeps a
    /// chat that sends signals present).
    pub fn new(every: Duration) -> Presence {
        Presence {
            every,
            refreshed: Mutex::new(HashMap::new()),
        }
    }

    /// Returns true when `chat_id` is due a refresh, and notes it as refreshed now.
    fn due(&self, chat_id: &str) -> bool {
        let Ok(mut refreshed) = self.refreshed.lock() else {
            return false;
        };
        let now = Instant::now();
        if refreshed
            .get(chat_id)
            .is_some_and(|last| now.duration_since(*last) < self.every)
        {
            return false;
        }
        if refreshed.len() >= MAX_REMEMBERED {
            refreshed.clear();
        }
        refreshed.insert(chat_id.to_owned(), now);
        true
    }

    fn forget(&self, chat_id: &str) {
        if let Ok(mut refreshed) = self.refreshed.lock() {
            refreshed.remove(chat_id);
        }
    }
}

impl Coordination {
    /// Records a heartbeat: the registry entry, the chat's message consumers on its first beat here, its
    /// capabilities for claims, and a `chats.back` event when it returns.
    pub async fn heartbeat(&self, request: HeartbeatRequest) -> CoordinationResult<ChatEntry> {
        self.beat(request, false).await
    }

    /// [`heartbeat`](Self::heartbeat), or with `reopen` the start of a session, which also brings back a chat
    /// whose session ended.
    async fn beat(&self, request: HeartbeatRequest, reopen: bool) -> CoordinationResult<ChatEntry> {
        let registry = self.registry()?;
        let now_ms = shim_actors::now_ms();
        let (entry, back_opt) = if reopen {
            registry.open(request, now_ms).await?
        } else {
            registry.heartbeat(request, now_ms).await?
        };
        // A chat joins the message stream at its first heartbeat here: broadcasts from then on wait for it.
        // Both caches are bounded like the presence times: past MAX_REMEMBERED chats they start over (a chat
        // then joins again, which finds its consumers, and its capabilities are read from the registry).
        let first_beat = self
            .joined
            .lock()
            .map(|mut joined| {
                if joined.len() >= MAX_REMEMBERED && !joined.contains(&entry.chat_id) {
                    joined.clear();
                }
                joined.insert(entry.chat_id.clone())
            })
            .unwrap_or(false);
        if let Ok(mut known) = self.capabilities.lock() {
            if known.len() >= MAX_REMEMBERED && !known.contains_key(&entry.chat_id) {
                known.clear();
            }
            known.insert(entry.chat_id.clone(), entry.capabilities.clone());
        }
        if let (true, Some(messages)) = (first_beat, self.pieces.messages_opt.as_ref()) {
            messages.join(&entry.chat_id).await?;
        }
        if let Some(back) = back_opt {
            self.emitter.emit(
                "chats",
                "back",
                Some(&entry.chat_id),
                serde_json::json!({"from": back.from, "node_id": entry.node_id}),
            );
        }
        Ok(entry)
    }
}

/// Longest a session start or end waits for the registry (and an end for its tasks to be handed back); past it
/// the request is answered anyway, and the sweep and the queue's ack wait are the backstop.
const REGISTER_WITHIN: Duration = Duration::from_secs(1);

impl Coordination {
    /// A session started: its chat enters the registry under its name, waited for up to `REGISTER_WITHIN` (1 s). A
    /// registry that fails or is slow is logged; the session stands.
    pub async fn opened(&self, chat_id: &str, name_opt: Option<String>) {
        if self.pieces.registry_opt.is_none() {
            return;
        }
        self.presence.due(chat_id);
        let request = HeartbeatRequest {
            chat_id: chat_id.to_owned(),
            name: name_opt,
            ..HeartbeatRequest::default()
        };
        match tokio::time::timeout(REGISTER_WITHIN, self.beat(request, true)).await {
            Ok(Ok(_)) => {}
            Ok(Err(error)) => debug!(%error, %chat_id, "failed to register a chat that started"),
            Err(_) => debug!(%chat_id, "the registry did not record a chat that started in time"),
        }
    }

    /// A chat sent signals: keep its entry present, at most once per refresh interval, in the background. Only a
    /// chat the registry knows is refreshed, and not one whose session ended (the hooks of its Claude Code
    /// session go on after `shim_end_session`); signals do not register a chat.
    pub fn signalled(&self, chat_id: &str) {
        let Some(registry) = self.pieces.registry_opt.clone() else {
            return;
        };
        if !self.presence.due(chat_id) {
            return;
        }
        let emitter = self.emitter.clone();
        let chat_id = chat_id.to_owned();
        tokio::spawn(async move {
            if !matches!(registry.get(&chat_id).await, Ok(Some(entry)) if !entry.ended) {
                return;
            }
            let request = HeartbeatRequest {
                chat_id: chat_id.clone(),
                ..HeartbeatRequest::default()
            };
            match registry.heartbeat(request, shim_actors::now_ms()).await {
                Ok((entry, Some(back))) => emitter.emit(
                    "chats",
                    "back",
                    Some(&entry.chat_id),
                    serde_json::json!({"from": back.from, "node_id": entry.node_id}),
                ),
                Ok((_, None)) => {}
                Err(error) => debug!(%error, %chat_id, "failed to refresh a chat from its signals"),
            }
        });
    }

    /// A session ended: its chat is `gone` with no current task, and the tasks it held go back to the queue; each
    /// waited for up to `REGISTER_WITHIN` (1 s), so a registry that does not answer holds no task back.
    pub async fn ended(&self, chat_id: &str) {
        self.presence.forget(chat_id);
        if tokio::time::timeout(REGISTER_WITHIN, self.leave(chat_id))
            .await
            .is_err()
        {
            debug!(%chat_id, "the registry did not record a chat that ended in time");
        }
        if tokio::time::timeout(REGISTER_WITHIN, self.requeue_tasks_of(chat_id))
            .await
            .is_err()
        {
            debug!(%chat_id, "the tasks of a chat that ended were not handed back in time; the queue's ack wait hands them back");
        }
    }

    async fn leave(&self, chat_id: &str) {
        let Some(registry) = self.pieces.registry_opt.as_ref() else {
            return;
        };
        match registry.leave(chat_id, shim_actors::now_ms()).await {
            Ok(Some(transition)) => {
                self.emitter.emit(
                "chats",
                "gone",
                Some(chat_id),
                serde_json::json!({"from": transition.from, "node_id": transition.entry.node_id, "reason": "ended"}),
            );
            }
            Ok(None) => {}
            Err(error) => debug!(%error, %chat_id, "failed to mark an ended chat gone"),
        }
    }
}
