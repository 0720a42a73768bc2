//! Chat identity. A chat is given a secret at `session.start`; every operation on its tasks, messages and locks
//! carries it (the `Shim-Chat-Secret` header, set by the chat's MCP server), and any node refuses one that names
//! the chat without it. Naming another chat's id is no longer enough to complete its task, read its messages or
//! release its lock.
//!
//! - The secret is an HMAC-SHA-256 of the chat id under a key that only the chat's node holds
//!   (`<data dir>/chat-secrets.key`, 0600): the node can give the same secret again (to the MCP server and the
//!   hooks of one Claude Code session, to a session that re-attaches) without storing it.
//! - The bucket `shim_chat_keys` holds, per chat, the SHA-256 of its secret and the node and Claude Code
//!   process it was issued to, so that every node can check a request and none can read a secret back.
//! - A session start from the Claude Code process the chat runs in gets its secret again (its hooks and MCP
//!   server share the chat that way), and so does one from a new Claude Code process once that one has exited
//!   (`claude --resume` of the session).
//! - A chat that never had a session start (registered by heartbeats alone) has no key, and its operations are
//!   taken as before.

use async_nats::jetstream::kv::Store;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use shim_protocol::{WireError, subject::validate_id};

use super::bucket::{Bucket, BucketError, Current};

/// What the bucket keeps for a chat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatKey {
    /// SHA-256 of the chat's secret, hex.
    pub sha256: String,
    /// The node that issued it, and alone can issue it again.
    pub node_id: String,
    /// The Claude Code process the chat runs in, when it runs in one: a session start from that process gets
    /// the secret again.
    #[serde(default)]
    pub claude_pid: Option<u32>,
    /// When it was issued (Unix milliseconds).
    pub issued_at_ms: u64,
}

/// Who is starting a session for a chat.
#[derive(Debug, Clone, Copy, Default)]
pub struct Starter<'a> {
    /// The secret the request presented, if any.
    pub presented_opt: Option<&'a str>,
    /// The Claude Code process it says it runs in.
    pub claude_pid_opt: Option<u32>,
}

/// The chats' keys, and this node's key to derive its chats' secrets.
#[derive(Clone)]
pub struct ChatKeys {
    bucket: Bucket<ChatKey>,
    node_id: String,
    node_key: [u8; 32],
}

impl std::fmt::Debug for ChatKeys {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("ChatKeys")
            .field("node_id", &self.node_id)
            .finish_non_exhaustive()
    }
}

fn sha256(secret: &str) -> String {
    crate::hex::sha256_hex(secret.as_bytes())
}

/// Compares two hex strings (digests, secrets) in time that does not depend on where they differ.
pub fn same(left: &str, right: &str) -> bool {
    left.len() == right.len()
        && left
            .bytes()
            .zip(right.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// True while process `pid` of this machine exists (another user's included).
fn process_alive(pid: u32) -> bool {
    let Ok(pid) = i32::try_from(pid) else {
        return false;
    };
    !matches!(
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None),
        Err(nix::errno::Errno::ESRCH)
    )
}

/// The secret of `chat_id` under `node_key`.
fn derive(node_key: &[u8; 32], chat_id: &str) -> String {
    derive_for(node_key, b"shim chat secret\0", chat_id)
}

/// HMAC-SHA256 of `label` and `data` under `node_key`, in hex: one key, secrets for several uses that cannot
/// stand in for each other.
fn derive_for(node_key: &[u8; 32], label: &[u8], data: &str) -> String {
    // HMAC takes a key of any length; 32 bytes cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(node_key)
        .unwrap_or_else(|_| unreachable!("HMAC takes any key length"));
    mac.update(label);
    mac.update(data.as_bytes());
    crate::hex::hex(mac.finalize().into_bytes())
}

/// The token Claude Code's telemetry presents to this node's OTLP receiver (`Authorization: Bearer`), from
/// the node's key: the node and `shim-node otel-headers` (which Claude Code runs for its headers) agree on it
/// without another file to keep.
pub fn otlp_token(node_key: &[u8; 32]) -> String {
    derive_for(node_key, b"shim otlp token\0", "")
}

/// The secret of `chat_id` as the node of `data_dir` derives it, for this user's hooks: they run beside the
/// node, as its user, for the Claude Code session Claude Code names (never a chat id a model chose), and keep
/// nothing between runs. `None` until that node has made its key.
pub fn local_secret(data_dir: &crate::data_dir::DataDir, chat_id: &str) -> Option<String> {
    let key: [u8; 32] = std::fs::read(data_dir.chat_key()).ok()?.try_into().ok()?;
    Some(derive(&key, chat_id))
}

fn forbidden(message: String) -> WireError {
    WireError::Forbidden { message }
}

impl ChatKeys {
    /// Keys in `store` (the bucket `shim_chat_keys`), for chats of node `node_id` whose secrets derive from
    /// `node_key`.
    pub fn new(store: Store, node_id: impl Into<String>, node_key: [u8; 32]) -> ChatKeys {
        ChatKeys {
            bucket: Bucket::new(store, "chat keys"),
            node_id: node_id.into(),
            node_key,
        }
    }

    /// The secret of `chat_id` on this node.
    fn secret(&self, chat_id: &str) -> String {
        derive(&self.node_key, chat_id)
    }

    /// The secret for a session start of `chat_id` (opened, or re-attached to, by this node), or why it is
    /// refused: a chat of another node; or a chat with a key whose start neither presents its secret nor comes
    /// from its Claude Code process.
    pub async fn issue(
        &self,
        chat_id: &str,
        starter: Starter<'_>,
        now_ms: u64,
    ) -> Result<String, WireError> {
        validate_id("chat id", chat_id)?;
        let secret = self.secret(chat_id);
        let mut refusal = None;
        self.bucket
            .update(chat_id, |current| {
                let key = match current {
                    Current::Present { value, .. } => value,
                    // No key yet (or one that cannot be read, which protects nothing): this start makes it.
                    _ => {
                        return Ok::<_, BucketError>(Some(ChatKey {
                            sha256: sha256(&secret),
                            node_id: self.node_id.clone(),
                            claude_pid: starter.claude_pid_opt,
                            issued_at_ms: now_ms,
                        }));
                    }
                };
                if key.node_id != self.node_id {
                    refusal = Some(format!(
                        "chat {chat_id} belongs to node {}; open a chat of your own with session.start \
                         (shim_session_start) and use its chat_id",
                        key.node_id
                    ));
                    return Ok(None);
                }
                let presented = starter
                    .presented_opt
                    .is_some_and(|presented| same(&sha256(presented), &key.sha256));
                let same_process =
                    starter.claude_pid_opt.is_some() && starter.claude_pid_opt == key.claude_pid;
                // `claude --resume` of the session in a new process, once the old one has exited.
                let resumed = starter.claude_pid_opt.is_some()
                    && key.claude_pid.is_some_and(|pid| !process_alive(pid));
                if resumed {
                    return Ok(Some(ChatKey {
                        sha256: sha256(&secret),
                        claude_pid: starter.claude_pid_opt,
                        issued_at_ms: now_ms,
                        ..key.clone()
                    }));
                }
                if !presented && !same_process {
                    refusal = Some(format!(
                        "chat {chat_id} is already open in another session; only that session (its MCP \
                         server, or its Claude Code process) can re-attach to it. Open a chat of your own \
                         with session.start (shim_session_start) without a chat_id"
                    ));
                    return Ok(None);
                }
                // This node's key was made anew (its file deleted): the chat's secret changes with it.
                Ok((!same(&key.sha256, &sha256(&secret))).then(|| ChatKey {
                    sha256: sha256(&secret),
                    issued_at_ms: now_ms,
                    ..key.clone()
                }))
            })
            .await?;
        match refusal {
            Some(message) => Err(forbidden(message)),
            None => Ok(secret),
        }
    }

    /// Whether `chat_id` is a chat opened by `session.start` (it has a key), not a person or a script known by
    /// heartbeats alone.
    pub async fn has_session(&self, chat_id: &str) -> Result<bool, WireError> {
        validate_id("chat id", chat_id)?;
        Ok(!matches!(self.bucket.read(chat_id).await?, Current::Absent))
    }

    /// Checks that a request acting for `chat_id` may: the chat has no key, or the request presents its secret.
    pub async fn check(&self, chat_id: &str, presented_opt: Option<&str>) -> Result<(), WireError> {
        self.check_from(chat_id, presented_opt, None).await
    }

    /// [`check`](Self::check) for a request to this node about one of its own chats (signals, risk, a checkpoint
    /// save): the secret this node derives for the chat is accepted without reading the bucket (the hot path of
    /// hooks and MCP servers); anything else is checked as [`check`](Self::check) does.
    pub async fn check_own(
        &self,
        chat_id: &str,
        presented_opt: Option<&str>,
    ) -> Result<(), WireError> {
        if self.issued_here(chat_id, presented_opt) {
            return Ok(());
        }
        self.check(chat_id, presented_opt).await
    }

    /// True when `presented_opt` is the secret this node derives for chat `chat_id` from its own key: no
    /// read needed. False says nothing: the chat's key may still hold it.
    pub fn issued_here(&self, chat_id: &str, presented_opt: Option<&str>) -> bool {
        // Both are secrets of the same length: compared in constant time, no digest needed.
        presented_opt.is_some_and(|presented| same(presented, &derive(&self.node_key, chat_id)))
    }

    /// [`check`](Self::check) for a `session.end`, which the chat's Claude Code process (its SessionEnd hook,
    /// which holds no secret) may also send.
    pub async fn check_end(
        &self,
        chat_id: &str,
        presented_opt: Option<&str>,
        claude_pid_opt: Option<u32>,
    ) -> Result<(), WireError> {
        self.check_from(chat_id, presented_opt, claude_pid_opt)
            .await
    }

    /// One read of the chat's key, then: its secret, or (given) its Claude Code process.
    async fn check_from(
        &self,
        chat_id: &str,
        presented_opt: Option<&str>,
        claude_pid_opt: Option<u32>,
    ) -> Result<(), WireError> {
        validate_id("chat id", chat_id)?;
        let key = match self.bucket.read(chat_id).await? {
            Current::Absent => return Ok(()),
            Current::Present { value, .. } => value,
            // A key that was there and is now deleted or unreadable was tampered with (SHIM never deletes
            // one): nothing can be checked against it, so nothing is let through.
            Current::Cleared { .. } | Current::Unreadable { .. } => {
                return Err(forbidden(format!(
                    "chat {chat_id}'s key in shim_chat_keys is deleted or unreadable, so no request can be \
                     checked against it; its session starting again on its node restores it"
                )));
            }
        };
        if claude_pid_opt.is_some() && claude_pid_opt == key.claude_pid {
            return Ok(());
        }
        match presented_opt {
            Some(presented) if same(&sha256(presented), &key.sha256) => Ok(()),
            Some(_) => Err(forbidden(format!(
                "the secret this request carries is not chat {chat_id}'s; a chat acts only for itself"
            ))),
            None => Err(forbidden(format!(
                "chat {chat_id} acts only through the session that opened it: this request does not carry its \
                 secret (the Shim-Chat-Secret header its MCP server sets; see docs/security.md, \"Chat identity\")"
            ))),
        }
    }
}

/// This node's key for its chats' secrets, made at its first start (`<data dir>/chat-secrets.key`, 0600).
pub fn node_key(data_dir: &crate::data_dir::DataDir) -> anyhow::Result<[u8; 32]> {
    use anyhow::Context;
    use rand::RngCore;
    let path = data_dir.chat_key();
    let read = |path: &std::path::Path| -> anyhow::Result<Option<[u8; 32]>> {
        match std::fs::read(path) {
            Ok(bytes) => {
                let key: [u8; 32] = bytes.try_into().map_err(|_| {
                    anyhow::anyhow!(
                        "{} is damaged; delete it and restart the node (its chats then need new sessions)",
                        path.display()
                    )
                })?;
                Ok(Some(key))
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error).with_context(|| format!("cannot read {}", path.display())),
        }
    };
    if let Some(key) = read(&path)? {
        return Ok(key);
    }
    let mut key = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut key);
    crate::data_dir::write_private_once(&path, &key)
        .with_context(|| format!("cannot write {}", path.display()))?;
    read(&path)?.with_context(|| format!("{} vanished while being read", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_compare_whole() {
        assert!(same("ab12", "ab12"));
        assert!(!same("ab12", "ab13"));
        assert!(!same("ab12", "ab1"));
    }

    #[test]
    fn the_node_key_is_made_once_and_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let data_dir = crate::data_dir::DataDir::new(dir.path());
        let made = node_key(&data_dir).expect("made");
        assert_eq!(node_key(&data_dir).expect("read"), made);
        let mode = std::fs::metadata(data_dir.chat_key())
            .expect("written")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        std::fs::write(data_dir.chat_key(), b"short").expect("damaged");
        let error = format!("{:#}", node_key(&data_dir).expect_err("damaged"));
        assert!(error.contains("delete it and restart the node"), "{error}");
    }
}
