//! Checks of what a request asks of the queue (sizes, ids, capabilities), and the ids and keys it makes.

use shim_protocol::{WireError, subject::validate_id};

/// Longest title, in characters.
const MAX_TITLE: usize = 200;
/// Longest instructions, result or error.
pub(super) const MAX_TEXT: usize = shim_protocol::limits::MAX_TASK_TEXT_BYTES;
/// Most dependencies of one task.
const MAX_DEPENDENCIES: usize = 64;

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
