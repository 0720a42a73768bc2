//! Checks of what a request asks of the queue (sizes, ids, capabilities), and the ids and keys it makes.

use shim_protocol::{WireError, messages::TaskRecord, subject::validate_id};

use crate::coordination::bucket::MAX_VALUE_BYTES;

/// Longest title, in characters.
const MAX_TITLE: usize = 200;
/// Longest instructions, result or error.
pub(super) const MAX_TEXT: usize = shim_protocol::limits::MAX_TASK_TEXT_BYTES;
/// Most dependencies of one task.
const MAX_DEPENDENCIES: usize = 64;

/// Most tasks waiting on one task: each is named in its record.
pub(super) const MAX_DEPENDENTS: usize = 1_000;

/// What a record may still gain without a word from its owner, and so keeps free of the most a bucket value
/// may hold: a claim's worker, delivery and times ([`CLAIM_BYTES`]), one more worker for each attempt still to
/// come ([`WORKER_BYTES`] each), and the id of each task that may still come to wait on it, up to
/// [`MAX_DEPENDENTS`] ([`DEPENDENT_BYTES`] each). A record that filled it could not be claimed: each claim of its
/// priority would meet it first, fail to write it, and hand it back.
pub(super) fn room_kept(task: &TaskRecord) -> usize {
    // A claimed record holds its claim's fields already; an attempt handed back unspent is still to come.
    let claim = if task.worker_chat_id.is_none() {
        CLAIM_BYTES
    } else {
        0
    };
    let attempts_left = task.max_attempts.saturating_sub(task.attempts) as usize;
    let waiters_left = MAX_DEPENDENTS.saturating_sub(task.dependents.len());
    claim + attempts_left * WORKER_BYTES + waiters_left * DEPENDENT_BYTES
}

/// A claim's fields in a record: the worker, the delivery's acknowledgement subject, times.
const CLAIM_BYTES: usize = 1024;
/// One more worker in `workers`: a chat id of at most 128 characters, quoted, with its comma.
const WORKER_BYTES: usize = 136;
/// One more task in `dependents`: a task id, quoted, with its comma.
const DEPENDENT_BYTES: usize = 40;

/// Refuses `task` when, stored, it would not leave [`room_kept`] free: checked where a record grows by what a
/// person or a model writes (instructions, a note, an error) or goes back on the queue. Only a record whose
/// text could come near the limit (JSON writes a byte in at most six) is encoded to be measured.
pub(super) fn check_room(task: &TaskRecord) -> Result<(), WireError> {
    let limit = MAX_VALUE_BYTES.saturating_sub(room_kept(task));
    let text = task.title.len()
        + task.instructions.len()
        + task.note.as_ref().map_or(0, String::len)
        + task.error.as_ref().map_or(0, String::len)
        + task.result.as_ref().map_or(0, String::len)
        + task.idempotency_key.as_ref().map_or(0, String::len);
    // Ids, capabilities and dependents are bounded and escape-free; 200 bytes each is generous.
    let listed = task.depends_on.len()
        + task.dependents.len()
        + task.workers.len()
        + task.capabilities.len();
    if text * 6 + listed * 200 + 4096 <= limit {
        return Ok(());
    }
    let size = serde_json::to_vec(task).map_or(usize::MAX, |encoded| encoded.len());
    if size > limit {
        return Err(WireError::bad_request(format!(
            "task {} would be {size} bytes once stored; a task's record keeps room for its claims and the tasks \
             that may wait on it, so this one must stay under {limit} bytes: shorten its instructions, note, \
             error or result",
            task.task_id
        )));
    }
    Ok(())
}

/// The longest idempotency key, of a task or a message.
pub(crate) const MAX_IDEMPOTENCY_KEY: usize = 1024;

/// Refuses a field over its limit in bytes (a bad request, like every other invalid field), or empty.
pub(crate) fn check_text(what: &str, text: &str, limit: usize) -> Result<(), WireError> {
    check_size(what, text, limit)?;
    if text.trim().is_empty() {
        return Err(WireError::bad_request(format!("{what} must not be empty")));
    }
    Ok(())
}

/// Refuses a field longer than `limit` bytes.
pub fn check_size(what: &str, text: &str, limit: usize) -> Result<(), WireError> {
    if text.len() > limit {
        return Err(WireError::bad_request(format!(
            "{what} is {} bytes, at most {limit}",
            text.len()
        )));
    }
    Ok(())
}

/// Refuses a title of more than [`MAX_TITLE`] characters (not bytes: a title in any script gets as many), or
/// an empty one.
pub(super) fn check_title(title: &str) -> Result<(), WireError> {
    let chars = title.chars().count();
    if chars > MAX_TITLE {
        return Err(WireError::bad_request(format!(
            "title is {chars} characters, at most {MAX_TITLE}"
        )));
    }
    if title.trim().is_empty() {
        return Err(WireError::bad_request("title must not be empty"));
    }
    Ok(())
}

pub(super) fn check_dependencies(depends_on: &[String]) -> Result<(), WireError> {
    if depends_on.len() > MAX_DEPENDENCIES {
        return Err(WireError::bad_request(format!(
            "depends_on: at most {MAX_DEPENDENCIES} tasks"
        )));
    }
    for task_id in depends_on {
        validate_id("task id", task_id)?;
    }
    Ok(())
}

/// True when a worker with `have` may take a task needing `need`.
pub fn capable(need: &[String], have: &[String]) -> bool {
    need.iter().all(|capability| have.contains(capability))
}

/// Returns a new task id: a UUIDv7 (time first), so ids sort by age.
pub fn new_task_id() -> String {
    uuid::Uuid::now_v7().simple().to_string()
}

/// Where chat `chat_id`'s idempotency key `key` is kept: the SHA-256 of both, so any text can be a key and
/// two chats' keys of the same text are two keys (a chat cannot find another's task, or stand in for it, by
/// naming its key). A chat id holds no NUL byte, so the pair is read one way only.
pub(crate) fn idempotency_slot(chat_id: &str, key: &str) -> String {
    crate::hex::sha256_hex(format!("{chat_id}\0{key}").as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_idempotency_key_is_the_chats_own() {
        assert_eq!(
            idempotency_slot("chat-a", "libtok/lexer"),
            idempotency_slot("chat-a", "libtok/lexer")
        );
        assert_ne!(
            idempotency_slot("chat-a", "libtok/lexer"),
            idempotency_slot("chat-b", "libtok/lexer")
        );
        // The boundary between the two is not movable.
        assert_ne!(idempotency_slot("a", "bc"), idempotency_slot("ab", "c"));
    }

    #[test]
    fn capabilities_must_all_be_present() {
        let have = vec!["rust".to_owned(), "sql".to_owned()];
        assert!(capable(&[], &have));
        assert!(capable(&["rust".to_owned()], &have));
        assert!(!capable(&["rust".to_owned(), "gpu".to_owned()], &have));
        assert!(!capable(&["rust".to_owned()], &[]));
    }

    #[test]
    fn task_ids_are_unique_subject_tokens() {
        let id = new_task_id();
        assert_eq!(id.len(), 32);
        assert_ne!(id, new_task_id());
        assert!(validate_id("task id", &id).is_ok());
    }
}
