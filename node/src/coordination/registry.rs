//! The chat registry in the key-value bucket `shim_chats`: one entry per chat, refreshed by heartbeats. A
//! sweeper marks silent chats `away` and then `gone`; each transition is a compare-and-set, so when several
//! nodes sweep, exactly one of them makes (and reports) it.

use std::time::Duration;

use async_nats::jetstream::kv::Store;
use futures::StreamExt;
use shim_protocol::{
    WireError,
    messages::{ChatEntry, ChatRole, ChatStatus, HeartbeatRequest, Interruption},
    subject::{self, validate_id},
};

use tracing::debug;

use super::bucket::{Bucket, BucketError, Current, Updated};

/// Most capabilities a chat may list, and the longest each may be.
const MAX_CAPABILITIES: usize = 32;
const MAX_CAPABILITY_LEN: usize = 64;

/// A change of a chat's presence.
#[derive(Debug, Clone, PartialEq)]
pub struct Transition {
    /// The entry after the change.
    pub entry: ChatEntry,
    /// The status before.
    pub from: ChatStatus,
}

/// What [`Registry::interrupt`] did.
#[derive(Debug, Clone, PartialEq)]
pub enum Interrupted {
    /// This call marked the chat interrupted; the transition (its status may be unchanged: away or gone
    /// already).
    Won(Transition),
    /// The chat was marked interrupted before (by this node or another): nothing to do again.
    Already,
    /// The registry has no such chat.
    Unknown,
}

/// The registry.
#[derive(Debug, Clone)]
pub struct Registry {
    bucket: Bucket<ChatEntry>,
    node_id: String,
}

/// How long a chat stays in the registry once gone (no heartbeat): the time its messages and message
/// consumers are kept too.
pub const FORGET_AFTER: Duration = Duration::from_secs(7 * 24 * 3600);

/// Most characters in a chat's name.
pub const MAX_NAME_CHARS: usize = 200;

/// Checks a chat's name (from `session.start` or a heartbeat): at most [`MAX_NAME_CHARS`] characters, so that
/// the chat list stays small whatever a chat says.
pub fn validate_name(name: &str) -> Result<(), WireError> {
    let chars = name.chars().count();
    if chars > MAX_NAME_CHARS {
        return Err(WireError::bad_request(format!(
            "name is {chars} characters, at most {MAX_NAME_CHARS}"
        )));
    }
    Ok(())
}

/// Checks a list of capabilities (a chat's, a task's or a claim's): at most 32, each 1 to 64 characters.
pub fn validate_capabilities(capabilities: &[String]) -> Result<(), WireError> {
    if capabilities.len() > MAX_CAPABILITIES {
        return Err(WireError::bad_request(format!(
            "capabilities has {} entries, at most {MAX_CAPABILITIES}",
            capabilities.len()
        )));
    }
    let outside = capabilities.iter().enumerate().find(|(_, capability)| {
        capability.is_empty() || capability.chars().count() > MAX_CAPABILITY_LEN
    });
    if let Some((index, capability)) = outside {
        return Err(WireError::bad_request(format!(
            "capabilities[{index}] is {} characters, each must be 1 to {MAX_CAPABILITY_LEN}",
            capability.chars().count()
        )));
    }
    Ok(())
}

impl Registry {
    /// Uses `store` (a bucket with history 1) for chats of node `node_id`.
    pub fn new(store: Store, node_id: impl Into<String>) -> Registry {
        Registry {
            bucket: Bucket::new(store, "chat registry"),
            node_id: node_id.into(),
        }
    }

    /// Records a heartbeat; returns the entry and, when the chat was away or gone, the transition back. A chat
    /// whose session ended is not brought back by it: answered `not_found` ([`open`](Self::open) does).
    pub async fn heartbeat(
        &self,
        request: HeartbeatRequest,
        now_ms: u64,
    ) -> Result<(ChatEntry, Option<Transition>), WireError> {
        self.beat(request, now_ms, false).await
    }

    /// Records the start of a chat's session: a heartbeat that also brings back a chat whose session ended
    /// (a session resumed under the same id).
    pub async fn open(
        &self,
        request: HeartbeatRequest,
        now_ms: u64,
    ) -> Result<(ChatEntry, Option<Transition>), WireError> {
        self.beat(request, now_ms, true).await
    }

    async fn beat(
        &self,
        request: HeartbeatRequest,
        now_ms: u64,
        reopen: bool,
    ) -> Result<(ChatEntry, Option<Transition>), WireError> {
        validate_id("chat id", &request.chat_id)?;
        if let Some(capabilities) = &request.capabilities {
            validate_capabilities(capabilities)?;
        }
        if let Some(name) = &request.name {
            validate_name(name)?;
        }
        let mut was = None;
        let mut ended = false;
        let updated = self
            .bucket
            .update(&request.chat_id, |current| {
                let previous = current.value();
                was = previous.map(|entry| entry.status);
                ended = !reopen && previous.is_some_and(|entry| entry.ended);
                if ended {
                    return Ok(None);
                }
                let busy = request.busy.unwrap_or_else(|| {
                    previous.is_some_and(|entry| entry.status == ChatStatus::Busy)
                });
                Ok::<_, BucketError>(Some(ChatEntry {
                    chat_id: request.chat_id.clone(),
                    node_id: self.node_id.clone(),
                    role: request
                        .role
                        .or_else(|| previous.map(|entry| entry.role))
                        .unwrap_or(ChatRole::Solo),
                    name: request
                        .name
                        .clone()
                        .or_else(|| previous.and_then(|entry| entry.name.clone())),
                    capabilities: request
                        .capabilities
                        .clone()
                        .or_else(|| previous.map(|entry| entry.capabilities.clone()))
                        .unwrap_or_default(),
                    status: if busy {
                        ChatStatus::Busy
                    } else {
                        ChatStatus::Idle
                    },
                    current_task: request
                        .current_task
                        .clone()
                        .or_else(|| previous.and_then(|entry| entry.current_task.clone())),
                    last_heartbeat_ms: now_ms,
                    // A chat that comes back after it was recovered stays recovered: never twice.
                    interrupted: previous.and_then(|entry| entry.interrupted.clone()),
                    ended: false,
                }))
            })
            .await?;
        if ended {
            return Err(WireError::NotFound {
                kind: "chat (its session ended; open a new one with shim_session_start)".to_owned(),
                id: request.chat_id,
            });
        }
        let Updated::Written { value: entry, .. } = updated else {
            return Err(WireError::Internal {
                message: format!("chat {} was not written by its heartbeat", request.chat_id),
            });
        };
        let transition = was
            .filter(|status| !status.is_present())
            .map(|from| Transition {
                entry: entry.clone(),
                from,
            });
        Ok((entry, transition))
    }

    /// Returns a chat's entry.
    pub async fn get(&self, chat_id: &str) -> Result<Option<ChatEntry>, WireError> {
        validate_id("chat id", chat_id)?;
        Ok(self.bucket.get(chat_id).await?)
    }

    /// Records what a present chat works on: busy with `task_id`, or idle. A chat that is away or gone, or
    /// not registered, is left as it is (its next heartbeat brings it back).
    pub async fn set_work(&self, chat_id: &str, task_id: Option<&str>) -> Result<(), WireError> {
        let updated = self
            .bucket
            .update(chat_id, |current| {
                let Some(entry) = current.value() else {
                    return Ok(None);
                };
                if !entry.status.is_present() {
                    return Ok(None);
                }
                let mut entry = entry.clone();
                entry.status = if task_id.is_some() {
                    ChatStatus::Busy
                } else {
                    ChatStatus::Idle
                };
                entry.current_task = task_id.map(str::to_owned);
                Ok(Some(entry))
            })
            .await;
        match updated {
            // Contended: the chat's own heartbeats win; its next one says what it works on.
            Ok(_) | Err(BucketError::Contended { .. }) => Ok(()),
            Err(error) => Err(error.into()),
        }
    }

    /// Marks chat `chat_id` interrupted (`interruption`), once: a compare-and-set, so of several nodes (or
    /// several attempts) exactly one wins. A present chat is moved away, working on nothing, in the same write.
    pub async fn interrupt(
        &self,
        chat_id: &str,
        interruption: Interruption,
    ) -> Result<Interrupted, WireError> {
        validate_id("chat id", chat_id)?;
        let mut already = false;
        let mut from = ChatStatus::Gone;
        let updated = self
            .bucket
            .update(chat_id, |current| {
                let Some(entry) = current.value() else {
                    return Ok(None);
                };
                already = entry.interrupted.is_some();
                if already {
                    return Ok(None);
                }
                let mut entry = entry.clone();
                from = entry.status;
                if from.is_present() {
                    entry.status = ChatStatus::Away;
                }
                entry.current_task = None;
                entry.interrupted = Some(interruption.clone());
                Ok::<_, BucketError>(Some(entry))
            })
            .await?;
        Ok(match updated {
            Updated::Written { value: entry, .. } => Interrupted::Won(Transition { entry, from }),
            Updated::Left(_) if already => Interrupted::Already,
            Updated::Left(_) => Interrupted::Unknown,
        })
    }

    /// Marks a chat whose session ended `gone` for good (`ended`: no heartbeat or signal brings it back),
    /// working on nothing; returns the transition, or `None` when the chat is not registered or was gone
    /// already (a chat gone from silence is marked ended all the same).
    pub async fn leave(&self, chat_id: &str, now_ms: u64) -> Result<Option<Transition>, WireError> {
        validate_id("chat id", chat_id)?;
        let mut from = ChatStatus::Gone;
        let updated = self
            .bucket
            .update(chat_id, |current| {
                let Some(entry) = current.value().filter(|entry| !entry.ended) else {
                    return Ok(None);
                };
                let mut entry = entry.clone();
                from = std::mem::replace(&mut entry.status, ChatStatus::Gone);
                entry.current_task = None;
                entry.ended = true;
                entry.last_heartbeat_ms = entry.last_heartbeat_ms.max(now_ms);
                Ok(Some(entry))
            })
            .await;
        match updated {
            Ok(Updated::Written { value: entry, .. }) if from != ChatStatus::Gone => {
                Ok(Some(Transition { entry, from }))
            }
            Ok(Updated::Written { .. } | Updated::Left(_)) | Err(BucketError::Contended { .. }) => {
                Ok(None)
            }
            Err(error) => Err(error.into()),
        }
    }

    /// Returns every key of the bucket that has a subject in its stream (deleted keys included: their entry
    /// reads as none). The keys come from the stream's own subject list, one request with no consumer: a key
    /// listing through an ordered consumer waits out an idle heartbeat (5 s) whenever a key changes while it
    /// runs, which the registry's keys do all the time.
    async fn keys(&self) -> Result<Vec<String>, WireError> {
        let store = self.bucket.store();
        let unavailable =
            |error: &dyn std::fmt::Display| WireError::from(self.bucket.unavailable(error));
        let prefix = subject::kv_key_prefix(&store.name);
        let collect = async {
            let mut subjects = store
                .stream
                .info_with_subjects(subject::kv_bucket_all(&store.name))
                .await
                .map_err(|error| unavailable(&error))?;
            let mut keys = Vec::new();
            while let Some(listed) = subjects.next().await {
                let (key_subject, _count) = listed.map_err(|error| unavailable(&error))?;
                if let Some(key) = key_subject.strip_prefix(&prefix) {
                    keys.push(key.to_owned());
                }
            }
            Ok::<_, WireError>(keys)
        };
        tokio::time::timeout(Duration::from_secs(5), collect)
            .await
            .map_err(|_| unavailable(&"listing keys timed out"))?
    }

    /// Returns the registry's chats, sorted by chat id.
    pub async fn list(&self, include_gone: bool) -> Result<Vec<ChatEntry>, WireError> {
        let mut chats = Vec::new();
        for key in self.keys().await? {
            let entry_opt = self
                .bucket
                .get(&key)
                .await?
                .filter(|entry| include_gone || entry.status != ChatStatus::Gone);
            if let Some(entry) = entry_opt {
                chats.push(entry);
            }
        }
        chats.sort_by(|left, right| left.chat_id.cmp(&right.chat_id));
        Ok(chats)
    }

    /// Marks this node's present chats away (the node stops); returns the transitions this call made. A chat
    /// that heartbeats again through another node is back.
    pub async fn mark_node_away(&self) -> Result<Vec<Transition>, WireError> {
        self.move_chats(None, |entry| {
            (entry.node_id == self.node_id && entry.status.is_present()).then_some(ChatStatus::Away)
        })
        .await
    }

    /// Marks chats silent for `away_after` as away and for `gone_after` as gone, and forgets chats gone and
    /// silent for [`FORGET_AFTER`]; returns the transitions this call made.
    pub async fn sweep(
        &self,
        now_ms: u64,
        away_after: Duration,
        gone_after: Duration,
    ) -> Result<Vec<Transition>, WireError> {
        let forget_before_ms = now_ms.saturating_sub(FORGET_AFTER.as_millis() as u64);
        self.move_chats(Some(forget_before_ms), |entry| {
            let silent = Duration::from_millis(now_ms.saturating_sub(entry.last_heartbeat_ms));
            if entry.ended {
                // Gone for good since its session ended, however long ago: not away again as its ending ages
                // (and one an older node marked away is gone again, to be forgotten after a week).
                Some(ChatStatus::Gone)
            } else if silent >= gone_after {
                Some(ChatStatus::Gone)
            } else if silent >= away_after {
                Some(ChatStatus::Away)
            } else {
                None
            }
        })
        .await
    }

    /// Moves each chat to the status `status_for` gives it (`None`, or its status already: left alone), one
    /// compare-and-set per chat; returns the transitions this call made. A chat that moves away or goes works
    /// on nothing: its `current_task` is cleared (its tasks are handed back as it goes).
    ///
    /// With `forget_before_ms`, a chat gone and silent since before then is deleted instead (a compare-and-set:
    /// a chat that heartbeats meanwhile stays), so that each sweep's work and the chat list follow the chats of
    /// the last days, not every chat there ever was; a chat forgotten and back later registers anew.
    async fn move_chats(
        &self,
        forget_before_ms: Option<u64>,
        status_for: impl Fn(&ChatEntry) -> Option<ChatStatus>,
    ) -> Result<Vec<Transition>, WireError> {
        let mut transitions = Vec::new();
        for key in self.keys().await? {
            let Current::Present {
                value: mut entry,
                revision,
            } = self.bucket.read(&key).await?
            else {
                continue;
            };
            if forget_before_ms.is_some_and(|before| {
                entry.status == ChatStatus::Gone && entry.last_heartbeat_ms < before
            }) {
                // Not deleted: it heartbeated meanwhile, or NATS failed; the next sweep looks again.
                if let Err(error) = self.bucket.delete(&key, revision).await {
                    debug!(chat_id = %key, %error, "a long-gone chat was not forgotten this time");
                }
                continue;
            }
            let Some(status) = status_for(&entry).filter(|status| entry.status != *status) else {
                continue;
            };
            let from = std::mem::replace(&mut entry.status, status);
            entry.current_task = None;
            // Not written: another node, or a heartbeat, got there first: the chat is alive, or already moved.
            if self
                .bucket
                .write(&key, &entry, Some(revision))
                .await?
                .is_some()
            {
                transitions.push(Transition { entry, from });
            }
        }
        Ok(transitions)
    }
}
