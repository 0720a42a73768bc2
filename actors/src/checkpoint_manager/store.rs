//! The node's durable store (sled): checkpoints, numbered per chat and compressed, and one record per
//! chat that says how its session went, for resume detection.
//!
//! Trees:
//! - `checkpoints`: `<chat_id> 0x00 <seq: u64 big-endian>` → format byte + lz4(MessagePack(Checkpoint))
//! - `summaries`: the same key → MessagePack(CheckpointSummary), written and removed with its checkpoint, so a
//!   list reads a few hundred bytes per checkpoint instead of decompressing each
//! - `chats`: `<chat_id>` → MessagePack(ChatRecord)
//! - `seq`: `<chat_id>` → last checkpoint number (u64 big-endian), bumped atomically
//! - `restored`: `<chat_id>` → number of the checkpoint a later session resumed from
//! - `sealed`: `<chat_id>` → MessagePack(Seal): the chat was found interrupted; its checkpoints are final
//!
//! Each tree has one writer: chat records belong to each chat's worker, checkpoints, numbers, restore
//! marks and seals to the CheckpointManager.

use std::path::Path;

use serde::{Deserialize, Serialize};
use shim_protocol::messages::{ChatProcess, Checkpoint, CheckpointSummary};

use super::limits::cut;

/// Format byte of a stored checkpoint: lz4 block (size prepended) of named MessagePack.
const FORMAT_LZ4_MSGPACK: u8 = 1;
/// Largest decompressed checkpoint accepted (a guard against a corrupt size prefix).
const MAX_DECOMPRESSED: usize = 16 * 1024 * 1024;

/// Failure of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// sled failed (I/O, corruption).
    #[error("checkpoint store: {0}")]
    Sled(#[from] sled::Error),
    /// A record could not be encoded.
    #[error("checkpoint store: failed to encode a record: {0}")]
    Encode(#[from] rmp_serde::encode::Error),
    /// A stored record could not be decoded.
    #[error("checkpoint store: a stored record is unreadable: {0}")]
    Corrupt(String),
}

/// Result of store operations.
pub type StoreResult<T> = Result<T, StoreError>;

/// What one [`CheckpointStore::sweep`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Swept {
    /// Chats looked at.
    pub chats: usize,
    /// Checkpoints removed.
    pub checkpoints: usize,
    /// Chats forgotten.
    pub forgotten: usize,
    /// Where the next sweep goes on from (the last chat looked at); `None` once every chat was looked at.
    pub next: Option<Vec<u8>>,
}

/// Key in the default tree saying every checkpoint has its summary (stores older than the `summaries` tree
/// get theirs once, at open).
const SUMMARIES_BUILT: &[u8] = b"summaries_built";

/// What happened last in a chat's session, for telling a crash from a walk-away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LastActivity {
    /// The session started.
    Started,
    /// The user sent a message: a turn was running.
    Prompt,
    /// A tool call finished: a turn was running.
    ToolCall,
    /// A turn ended normally.
    TurnEnded,
    /// A turn ended on an API error.
    TurnFailed,
    /// A compaction.
    Compaction,
}

/// How a chat's session went, kept across node restarts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatRecord {
    /// The chat.
    pub chat_id: String,
    /// Its project directory.
    #[serde(default)]
    pub project_dir: Option<String>,
    /// The client that opened it.
    #[serde(default)]
    pub client: Option<String>,
    /// When it started.
    pub started_at_ms: u64,
    /// Its last signal.
    pub last_active_ms: u64,
    /// What that signal was.
    pub last_activity: LastActivity,
    /// Set once the session ended cleanly.
    #[serde(default)]
    pub ended_at_ms: Option<u64>,
    /// Process id of the Claude Code process it ran in, when known.
    #[serde(default)]
    pub claude_pid: Option<u32>,
    /// Highest risk level it reached ("safe", "warning", "danger").
    #[serde(default)]
    pub peak_risk: Option<String>,
    /// Turns that failed on API errors.
    #[serde(default)]
    pub api_failures: u64,
    /// The Claude Code transcript named by its hooks, read again when a resume is built.
    #[serde(default)]
    pub transcript_path: Option<String>,
    /// The user's latest prompts from the UserPromptSubmit hook (at most 20, each cut to 600 chars).
    #[serde(default)]
    pub prompts: Vec<RecordedPrompt>,
    /// The processes whose life is the chat's (its MCP server, its Claude Code process), as its session
    /// starts described them: while one runs the session is live; once all have exited it was interrupted.
    #[serde(default)]
    pub processes: Vec<ChatProcess>,
}

/// A user's prompt as a hook reported it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedPrompt {
    /// When.
    pub at_ms: u64,
    /// What the user asked.
    pub text: String,
}

/// A chat found interrupted: written once, never changed. Its checkpoints are final (no save is taken under
/// its id, so none of them is pruned) until a later session resumes from the last one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seal {
    /// When it was sealed, milliseconds since the Unix epoch.
    pub at_ms: u64,
    /// How the interruption was found (`process_exited`, `heartbeat_timeout`).
    pub detected: String,
    /// The number of its last checkpoint then; none when it had none.
    #[serde(default)]
    pub seq_opt: Option<u64>,
}

/// The store. Cheap to clone; all clones share the database.
#[derive(Debug, Clone)]
pub struct CheckpointStore {
    db: sled::Db,
    checkpoints: sled::Tree,
    summaries: sled::Tree,
    chats: sled::Tree,
    seq: sled::Tree,
    restored: sled::Tree,
    sealed: sled::Tree,
}

fn checkpoint_key(chat_id: &str, seq: u64) -> Vec<u8> {
    let mut key = Vec::with_capacity(chat_id.len() + 9);
    key.extend_from_slice(chat_id.as_bytes());
    key.push(0);
    key.extend_from_slice(&seq.to_be_bytes());
    key
}

/// The number at the end of a checkpoint's key.
fn seq_of_key(key: &[u8]) -> u64 {
    key.len()
        .checked_sub(8)
        .and_then(|at| <[u8; 8]>::try_from(&key[at..]).ok())
        .map_or(0, u64::from_be_bytes)
}

fn chat_prefix(chat_id: &str) -> Vec<u8> {
    let mut prefix = Vec::with_capacity(chat_id.len() + 1);
    prefix.extend_from_slice(chat_id.as_bytes());
    prefix.push(0);
    prefix
}

/// The most of the store sled keeps in memory. Its default, 1 GiB, let a node's memory grow with its
/// checkpoints (fifty per chat, hundreds of chats: hundreds of MB) although a node reads few of them: the
/// newest of a chat for an automatic checkpoint or a resume, list lines for a list.
pub const CACHE_BYTES: u64 = 64 * 1024 * 1024;

/// How often sled writes out what was not flushed (sled's default, kept on purpose): a checkpoint and a
/// seal are flushed as they are written; chat records and the spending ledger may lose the last half second
/// to a crash.
pub const FLUSH_EVERY_MS: u64 = 500;

/// Opens a sled database, waiting up to 5 s while its file lock is still held: sled releases it from a
/// background thread shortly after the last handle is dropped, so a node restarted within one process (or
/// right after the previous one exited) may find it still taken.
pub fn open_db(path: &Path) -> StoreResult<sled::Db> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    let config = sled::Config::new()
        .path(path)
        .cache_capacity(CACHE_BYTES)
        .flush_every_ms(Some(FLUSH_EVERY_MS));
    loop {
        match config.open() {
            Ok(db) => return Ok(db),
            Err(sled::Error::Io(error))
                if error.to_string().contains("could not acquire lock")
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(error) => return Err(error.into()),
        }
    }
}

/// Returns `<chat_id>:<seq>`.
pub fn checkpoint_id(chat_id: &str, seq: u64) -> String {
    format!("{chat_id}:{seq}")
}

/// Splits a checkpoint id into chat id and number.
pub fn parse_checkpoint_id(checkpoint_id: &str) -> Option<(&str, u64)> {
    let (chat_id, seq) = checkpoint_id.rsplit_once(':')?;
    Some((chat_id, seq.parse().ok()?))
}

/// Encodes a checkpoint for storage: named MessagePack, lz4-compressed, behind a format byte.
pub fn compress(checkpoint: &Checkpoint) -> StoreResult<Vec<u8>> {
    let raw = rmp_serde::to_vec_named(checkpoint)?;
    let mut out = Vec::with_capacity(raw.len() / 2 + 8);
    out.push(FORMAT_LZ4_MSGPACK);
    out.extend_from_slice(&lz4_flex::compress_prepend_size(&raw));
    Ok(out)
}

/// Decodes what [`compress`] wrote.
pub fn decompress(bytes: &[u8]) -> StoreResult<Checkpoint> {
    let (format, body) = bytes
        .split_first()
        .ok_or_else(|| StoreError::Corrupt("empty checkpoint".to_owned()))?;
    if *format != FORMAT_LZ4_MSGPACK {
        return Err(StoreError::Corrupt(format!(
            "unknown checkpoint format {format}"
        )));
    }
    let size = body
        .get(..4)
        .map(|prefix| u32::from_le_bytes([prefix[0], prefix[1], prefix[2], prefix[3]]) as usize)
        .ok_or_else(|| StoreError::Corrupt("truncated checkpoint".to_owned()))?;
    if size > MAX_DECOMPRESSED {
        return Err(StoreError::Corrupt(format!(
            "checkpoint claims {size} bytes"
        )));
    }
    let raw = lz4_flex::decompress_size_prepended(body)
        .map_err(|error| StoreError::Corrupt(error.to_string()))?;
    rmp_serde::from_slice(&raw).map_err(|error| StoreError::Corrupt(error.to_string()))
}

impl CheckpointStore {
    /// Opens (or creates) the store in `path`.
    pub fn open(path: &Path) -> StoreResult<CheckpointStore> {
        CheckpointStore::from_db(open_db(path)?)
    }

    /// Opens a temporary store, deleted when the last clone is dropped (tests, benchmarks).
    #[cfg(any(test, feature = "testsuite"))]
    pub fn temporary() -> StoreResult<CheckpointStore> {
        CheckpointStore::from_db(sled::Config::new().temporary(true).open()?)
    }

    /// Uses an open database.
    pub fn from_db(db: sled::Db) -> StoreResult<CheckpointStore> {
        let store = CheckpointStore {
            checkpoints: db.open_tree("checkpoints")?,
            summaries: db.open_tree("summaries")?,
            chats: db.open_tree("chats")?,
            seq: db.open_tree("seq")?,
            restored: db.open_tree("restored")?,
            sealed: db.open_tree("sealed")?,
            db,
        };
        if !store.db.contains_key(SUMMARIES_BUILT)? {
            store.build_summaries()?;
        }
        Ok(store)
    }

    /// Writes the summary of every checkpoint that lacks one (a store from before summaries were kept), then
    /// marks the store as done; a checkpoint that cannot be read gets none and stays out of lists.
    fn build_summaries(&self) -> StoreResult<()> {
        for entry in self.checkpoints.iter() {
            let (key, bytes) = entry?;
            if self.summaries.contains_key(&key)? {
                continue;
            }
            match decompress(&bytes) {
                Ok(checkpoint) => {
                    let line = summary(&checkpoint, bytes.len() as u64);
                    self.summaries
                        .insert(key, rmp_serde::to_vec_named(&line)?)?;
                }
                Err(error) => {
                    tracing::warn!(%error, "a stored checkpoint is unreadable; it is left out of lists")
                }
            }
        }
        self.db.insert(SUMMARIES_BUILT, &[1])?;
        self.db.flush()?;
        Ok(())
    }

    /// Returns the database, for other components' trees.
    pub fn db(&self) -> &sled::Db {
        &self.db
    }

    /// Takes the next checkpoint number of `chat_id`; atomic, so concurrent savers never share one.
    pub fn next_seq(&self, chat_id: &str) -> StoreResult<u64> {
        let updated = self.seq.update_and_fetch(chat_id.as_bytes(), |old_opt| {
            let old = old_opt
                .and_then(|bytes| <[u8; 8]>::try_from(bytes).ok())
                .map_or(0, u64::from_be_bytes);
            Some((old + 1).to_be_bytes().to_vec())
        })?;
        updated
            .and_then(|bytes| <[u8; 8]>::try_from(bytes.as_ref()).ok())
            .map(u64::from_be_bytes)
            .ok_or_else(|| StoreError::Corrupt(format!("sequence of chat {chat_id}")))
    }

    /// Stores a checkpoint (its `seq` from [`next_seq`](Self::next_seq)) and flushes it to disk before
    /// returning; returns its stored size.
    pub fn put(&self, checkpoint: &Checkpoint) -> StoreResult<u64> {
        let bytes = compress(checkpoint)?;
        let size = bytes.len() as u64;
        let line = rmp_serde::to_vec_named(&summary(checkpoint, size))?;
        let key = checkpoint_key(&checkpoint.chat_id, checkpoint.seq);
        // One flush for both, no transaction (one over the two trees made a save half as slow again: `cargo
        // bench -p shim-tests --bench crash_prevention`). A crash before the flush may keep part of a save
        // nobody was told of: a checkpoint without its line stays out of lists, a line without its checkpoint
        // is listed and `show` says it does not exist; no acknowledged checkpoint is touched.
        self.checkpoints.insert(&key, bytes)?;
        self.summaries.insert(key, line)?;
        self.db.flush()?;
        Ok(size)
    }

    /// Removes a checkpoint with its summary: the line first, so a crash between the two leaves a checkpoint
    /// out of lists, which the next prune removes, never a line naming a checkpoint that is gone.
    fn remove(&self, key: &sled::IVec) -> StoreResult<()> {
        self.summaries.remove(key)?;
        self.checkpoints.remove(key)?;
        Ok(())
    }

    /// The summary stored under `key`; `None` when there is none or it cannot be read.
    fn summary_at(&self, key: &[u8]) -> StoreResult<Option<CheckpointSummary>> {
        Ok(self
            .summaries
            .get(key)?
            .and_then(|bytes| rmp_serde::from_slice(&bytes).ok()))
    }

    /// Returns one checkpoint.
    pub fn get(&self, chat_id: &str, seq: u64) -> StoreResult<Option<Checkpoint>> {
        self.checkpoints
            .get(checkpoint_key(chat_id, seq))?
            .map(|bytes| decompress(&bytes))
            .transpose()
    }

    /// Returns the latest checkpoint of a chat.
    pub fn latest(&self, chat_id: &str) -> StoreResult<Option<Checkpoint>> {
        self.checkpoints
            .scan_prefix(chat_prefix(chat_id))
            .next_back()
            .transpose()?
            .map(|(_, bytes)| decompress(&bytes))
            .transpose()
    }

    /// Lists checkpoints newest first: one chat's, or every chat's.
    pub fn list(
        &self,
        chat_id_opt: Option<&str>,
        limit: usize,
    ) -> StoreResult<Vec<CheckpointSummary>> {
        let entries = match chat_id_opt {
            Some(chat_id) => self.summaries.scan_prefix(chat_prefix(chat_id)),
            None => self.summaries.iter(),
        };
        let mut summaries = Vec::new();
        for entry in entries {
            let (_, bytes) = entry?;
            match rmp_serde::from_slice::<CheckpointSummary>(&bytes) {
                Ok(line) => summaries.push(line),
                Err(error) => {
                    tracing::warn!(%error, "a checkpoint's summary is unreadable; it is left out of the list")
                }
            }
        }
        summaries.sort_by(|left, right| {
            right
                .created_at_ms
                .cmp(&left.created_at_ms)
                .then(right.seq.cmp(&left.seq))
        });
        summaries.truncate(limit);
        Ok(summaries)
    }

    /// Deletes a chat's checkpoints beyond the newest `keep_last` and those older than `max_age_ms`
    /// (never the newest one); returns how many went. Numbers grow with time, so the age check walks from
    /// the oldest and stops at the first young enough: a save reads one or two old summaries, not fifty.
    pub fn prune(
        &self,
        chat_id: &str,
        keep_last: usize,
        max_age_ms: u64,
        now_ms: u64,
    ) -> StoreResult<usize> {
        let keys = self.checkpoint_keys(chat_id)?;
        let surplus = keys.len().saturating_sub(keep_last.max(1));
        let mut removed = 0;
        for key in &keys[..surplus] {
            self.remove(key)?;
            removed += 1;
        }
        let newest = keys.len().saturating_sub(1);
        for key in &keys[surplus..newest] {
            // One of no known age is passed over (kept), the newer ones still weighed.
            let Some(created_at_ms) = self.created_at(key)? else {
                continue;
            };
            let too_old = now_ms.saturating_sub(created_at_ms) > max_age_ms;
            if !too_old {
                break;
            }
            self.remove(key)?;
            removed += 1;
        }
        Ok(removed)
    }

    /// Applies retention to at most `count` chats with records, in id order after `after` (empty: from the
    /// first): each chat's checkpoints past `keep_last` or older than `max_age_ms` go, the newest staying, as
    /// after a save ([`Self::prune`]); and a chat of which nothing can be resumed any more (it ended, its
    /// newest checkpoint was resumed, or it never saved one) is forgotten, record and checkpoints, once its
    /// last sign of life is older than `max_age_ms`. A chat that stopped saving is kept to the retention it
    /// was promised, and the records every resume check reads do not pile up.
    pub fn sweep(
        &self,
        after: &[u8],
        count: usize,
        keep_last: usize,
        max_age_ms: u64,
        now_ms: u64,
    ) -> StoreResult<Swept> {
        use std::ops::Bound::{Excluded, Unbounded};
        let mut swept = Swept::default();
        let start = if after.is_empty() {
            Unbounded
        } else {
            Excluded(after)
        };
        for entry in self
            .chats
            .range::<&[u8], _>((start, Unbounded))
            .take(count.max(1))
        {
            let (key, bytes) = entry?;
            swept.chats += 1;
            swept.next = Some(key.to_vec());
            let Ok(record) = rmp_serde::from_slice::<ChatRecord>(&bytes) else {
                // Left for a person to look at (`chats_in_project` skips it with a warning).
                continue;
            };
            // One chat that cannot be swept (a damaged checkpoint) is passed over, not every chat after it.
            match self.sweep_chat(&record, &bytes, keep_last, max_age_ms, now_ms) {
                Ok((removed, forgotten)) => {
                    swept.checkpoints += removed;
                    swept.forgotten += usize::from(forgotten);
                }
                Err(error) => tracing::warn!(
                    chat_id = %record.chat_id,
                    %error,
                    "retention passed over a chat it cannot read"
                ),
            }
        }
        if swept.chats < count.max(1) {
            // The end: the next sweep starts from the first chat again.
            swept.next = None;
        }
        Ok(swept)
    }

    /// Applies retention to one chat whose stored record is `stored`; returns the checkpoints removed and
    /// whether the chat was forgotten.
    fn sweep_chat(
        &self,
        record: &ChatRecord,
        stored: &[u8],
        keep_last: usize,
        max_age_ms: u64,
        now_ms: u64,
    ) -> StoreResult<(usize, bool)> {
        let chat_id = record.chat_id.as_str();
        self.drop_orphan_lines(chat_id)?;
        let removed = self.prune(chat_id, keep_last, max_age_ms, now_ms)?;
        // The newest checkpoint as the checkpoints' keys say (its list line may be missing: a save cut short),
        // and when it was made.
        let newest_opt = match self.checkpoint_keys(chat_id)?.last() {
            Some(key) => Some((seq_of_key(key), self.created_at(key)?)),
            None => None,
        };
        let last_sign = [
            Some(record.last_active_ms),
            record.ended_at_ms,
            newest_opt.and_then(|(_, created_opt)| created_opt),
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(record.started_at_ms);
        let resumable = record.ended_at_ms.is_none()
            && match newest_opt {
                Some((seq, _)) => self
                    .restored_seq(chat_id)?
                    .is_none_or(|restored| restored < seq),
                None => false,
            };
        if resumable || now_ms.saturating_sub(last_sign) <= max_age_ms {
            return Ok((removed, false));
        }
        // A chat whose session came back since its record was read (a worker wrote it anew) keeps everything.
        if self.chats.get(chat_id.as_bytes())?.as_deref() != Some(stored) {
            return Ok((removed, false));
        }
        // Its checkpoints first, then its record if it is still the one read. Stopped in between, a record
        // without checkpoints is left, which the next sweep forgets; never checkpoints without a record, which
        // no sweep would reach.
        let forgotten = self.forget(chat_id)?;
        let gone = self
            .chats
            .compare_and_swap(chat_id.as_bytes(), Some(stored), None as Option<&[u8]>)?
            .is_ok();
        Ok((removed + forgotten, gone))
    }

    /// Removes `chat_id`'s list lines whose checkpoint is gone (a save cut short by a crash, a checkpoint an
    /// older version pruned), so that a list does not show them for long; from the sweep, not after every
    /// save.
    fn drop_orphan_lines(&self, chat_id: &str) -> StoreResult<()> {
        for line in self.summaries.scan_prefix(chat_prefix(chat_id)).keys() {
            let line = line?;
            if !self.checkpoints.contains_key(&line)? {
                self.summaries.remove(line)?;
            }
        }
        Ok(())
    }

    /// When the checkpoint under `key` was made: its summary says, else the checkpoint itself (its line may be
    /// missing: a save cut short); `None` when neither can be read.
    fn created_at(&self, key: &[u8]) -> StoreResult<Option<u64>> {
        Ok(match self.summary_at(key)? {
            Some(line) => Some(line.created_at_ms),
            None => self
                .checkpoints
                .get(key)?
                .and_then(|bytes| decompress(&bytes).ok())
                .map(|checkpoint| checkpoint.created_at_ms),
        })
    }

    /// The keys of `chat_id`'s checkpoints, oldest first.
    fn checkpoint_keys(&self, chat_id: &str) -> StoreResult<Vec<sled::IVec>> {
        Ok(self
            .checkpoints
            .scan_prefix(chat_prefix(chat_id))
            .keys()
            .collect::<sled::Result<_>>()?)
    }

    /// Removes chat `chat_id`'s checkpoints (summaries first) and marks; keeps its number. Returns how many
    /// checkpoints went.
    fn forget(&self, chat_id: &str) -> StoreResult<usize> {
        let keys = self.checkpoint_keys(chat_id)?;
        for line in self.summaries.scan_prefix(chat_prefix(chat_id)).keys() {
            self.summaries.remove(line?)?;
        }
        for key in &keys {
            self.checkpoints.remove(key)?;
        }
        // The number stays: a chat id that comes back (`claude --resume` keeps it) numbers on, and its new
        // checkpoints never take the ids of old ones in events and logs.
        for tree in [&self.restored, &self.sealed] {
            tree.remove(chat_id.as_bytes())?;
        }
        Ok(keys.len())
    }

    /// Returns a chat's record.
    pub fn chat(&self, chat_id: &str) -> StoreResult<Option<ChatRecord>> {
        self.chats
            .get(chat_id.as_bytes())?
            .map(|bytes| {
                rmp_serde::from_slice(&bytes)
                    .map_err(|error| StoreError::Corrupt(error.to_string()))
            })
            .transpose()
    }

    /// Writes a chat's record (not flushed: sled writes it out within half a second).
    pub fn put_chat(&self, record: &ChatRecord) -> StoreResult<()> {
        self.chats
            .insert(record.chat_id.as_bytes(), rmp_serde::to_vec_named(record)?)?;
        Ok(())
    }

    /// Writes a chat's record and flushes it to disk.
    pub fn put_chat_durably(&self, record: &ChatRecord) -> StoreResult<()> {
        self.put_chat(record)?;
        self.db.flush()?;
        Ok(())
    }

    /// Records that a later session resumed from checkpoint `seq` of `chat_id`, durably.
    pub fn mark_restored(&self, chat_id: &str, seq: u64) -> StoreResult<()> {
        self.restored
            .insert(chat_id.as_bytes(), &seq.to_be_bytes())?;
        self.db.flush()?;
        Ok(())
    }

    /// Returns the checkpoint a later session resumed from, if any.
    pub fn restored_seq(&self, chat_id: &str) -> StoreResult<Option<u64>> {
        Ok(self
            .restored
            .get(chat_id.as_bytes())?
            .and_then(|bytes| <[u8; 8]>::try_from(bytes.as_ref()).ok())
            .map(u64::from_be_bytes))
    }

    /// Seals chat `chat_id` with `seal`, durably, unless it is sealed already; returns the seal in force and
    /// whether this call wrote it. Atomic (compare-and-swap): two callers never both seal a chat.
    pub fn seal(&self, chat_id: &str, seal: &Seal) -> StoreResult<(Seal, bool)> {
        let bytes = rmp_serde::to_vec_named(seal)?;
        match self.sealed.compare_and_swap(
            chat_id.as_bytes(),
            None as Option<&[u8]>,
            Some(bytes),
        )? {
            Ok(()) => {
                self.db.flush()?;
                Ok((seal.clone(), true))
            }
            Err(existing) => {
                let current = existing
                    .current
                    .ok_or_else(|| StoreError::Corrupt(format!("seal of chat {chat_id}")))?;
                let current = rmp_serde::from_slice(&current)
                    .map_err(|error| StoreError::Corrupt(error.to_string()))?;
                Ok((current, false))
            }
        }
    }

    /// Returns a chat's seal, if it was found interrupted.
    pub fn sealed(&self, chat_id: &str) -> StoreResult<Option<Seal>> {
        self.sealed
            .get(chat_id.as_bytes())?
            .map(|bytes| {
                rmp_serde::from_slice(&bytes)
                    .map_err(|error| StoreError::Corrupt(error.to_string()))
            })
            .transpose()
    }

    /// Returns every chat record (for the node's start: which sessions it watches).
    pub fn chats(&self) -> StoreResult<Vec<ChatRecord>> {
        let mut records = Vec::new();
        for entry in self.chats.iter() {
            let (key, bytes) = entry?;
            match rmp_serde::from_slice(&bytes) {
                Ok(record) => records.push(record),
                // One damaged record costs its own chat, not every chat's.
                Err(error) => tracing::warn!(
                    chat_id = %String::from_utf8_lossy(&key),
                    %error,
                    "a chat's record is unreadable; it is left out"
                ),
            }
        }
        Ok(records)
    }

    /// Returns every chat record of a project directory.
    pub fn chats_in_project(&self, project_dir: &str) -> StoreResult<Vec<ChatRecord>> {
        let mut records = Vec::new();
        for entry in self.chats.iter() {
            let (key, bytes) = entry?;
            // One damaged record costs its own chat, not every chat's resume.
            let record: ChatRecord = match rmp_serde::from_slice(&bytes) {
                Ok(record) => record,
                Err(error) => {
                    tracing::warn!(
                        chat_id = %String::from_utf8_lossy(&key),
                        %error,
                        "a chat's record is unreadable; it is left out of resume"
                    );
                    continue;
                }
            };
            if record.project_dir.as_deref() == Some(project_dir) {
                records.push(record);
            }
        }
        Ok(records)
    }
}

/// Returns the list line of a checkpoint.
pub fn summary(checkpoint: &Checkpoint, bytes: u64) -> CheckpointSummary {
    CheckpointSummary {
        checkpoint_id: checkpoint.checkpoint_id.clone(),
        chat_id: checkpoint.chat_id.clone(),
        seq: checkpoint.seq,
        created_at_ms: checkpoint.created_at_ms,
        trigger: checkpoint.trigger,
        bytes,
        summary: cut(&checkpoint.conversation.summary, 120),
        project_dir: checkpoint.project_dir.clone(),
    }
}

#[cfg(test)]
mod tests;
