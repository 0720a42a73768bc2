//! Locks in a JetStream key-value bucket (`shim_locks`). A grant is a create-if-absent (or a compare-and-set
//! over an expired or released lock); its fencing token is the key's revision, which only grows. Release and
//! extend are compare-and-set by the holder; a lock whose holder died frees itself when its TTL passes.
//!
//! Expiry compares the lock's deadline with the clock of the node asking, so nodes' clocks should agree to
//! well within the TTLs used (NTP does).

use std::time::Duration;

use async_nats::jetstream::kv::Store;
use serde::{Deserialize, Serialize};
use shim_protocol::WireError;

use super::bucket::{Bucket, Current, Updated};

/// Longest TTL granted.
pub const MAX_TTL: Duration = Duration::from_secs(24 * 3600);
/// TTL when none is asked for.
pub const DEFAULT_TTL: Duration = Duration::from_secs(300);

/// What a lock key holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LockRecord {
    /// The chat holding it.
    pub holder: String,
    /// When it lapses, milliseconds since the Unix epoch.
    pub expires_at_ms: u64,
}

/// The outcome of an acquire.
#[derive(Debug, Clone, PartialEq)]
pub enum Acquired {
    /// The caller holds the lock.
    Granted {
        /// Pass it along with every write the lock protects; a store rejects lower tokens.
        fencing_token: u64,
        /// When the grant lapses unless extended.
        expires_at_ms: u64,
    },
    /// Someone else holds it.
    Held {
        /// The holder.
        holder: String,
        /// When their grant lapses.
        expires_at_ms: u64,
    },
}

/// Locks over a bucket.
#[derive(Debug, Clone)]
pub struct Locks {
    bucket: Bucket<LockRecord>,
}

/// Longest resource name, in bytes of UTF-8.
pub const MAX_RESOURCE_BYTES: usize = shim_protocol::limits::MAX_LOCK_RESOURCE_BYTES;

/// Returns the key-value key of `resource`, or why it cannot name a lock.
///
/// A resource is what a person types (`file:src/lib.rs`, `db migration #42`, `ünïcode/路径`): 1 to
/// [`MAX_RESOURCE_BYTES`] bytes without control characters. Its key keeps ASCII letters, digits, `-`, `_`
/// and `/` as they are, and a `.` where it cannot make an empty subject token (not first, not last, not
/// after another `.`); every other byte becomes `=XX` (its hex value). The encoding is reversible
/// ([`resource_of`]), so two resources never share a key, and a key holds no `*`, `>`, white space or
/// `..`. Resources the old rule accepted (letters, digits and `- _ / .`) keep their old keys; only those with
/// `=` in them move (an `=` is now escaped).
pub fn resource_key(resource: &str) -> Result<String, WireError> {
    if resource.is_empty()
        || resource.len() > MAX_RESOURCE_BYTES
        || resource.chars().any(char::is_control)
    {
        let shown: String = resource.chars().take(64).collect();
        return Err(WireError::bad_request(format!(
            "resource {shown:?} must be 1 to {MAX_RESOURCE_BYTES} bytes of text without control characters (it is {} bytes)",
            resource.len()
        )));
    }
    let bytes = resource.as_bytes();
    let mut key = String::with_capacity(bytes.len() * 3);
    for (index, &byte) in bytes.iter().enumerate() {
        let plain = byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'/');
        let inner_dot = byte == b'.' && index > 0 && index + 1 < bytes.len() && !key.ends_with('.');
        if plain || inner_dot {
            key.push(char::from(byte));
        } else {
            key.push_str(&format!("={byte:02X}"));
        }
    }
    Ok(key)
}

/// Returns the resource a key of [`resource_key`] names; `None` for a key it could not have made.
pub fn resource_of(key: &str) -> Option<String> {
    let bytes = key.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'=' {
            let hex = std::str::from_utf8(bytes.get(index + 1..index + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            index += 3;
        } else {
            out.push(bytes[index]);
            index += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Refuses a TTL above [`MAX_TTL`]: quietly shortened, the lock would lapse before its holder expects it to.
fn check_ttl(ttl: Duration) -> Result<(), WireError> {
    // A lock of no time would be granted already lapsed: the next chat to ask would take it at once.
    if ttl.is_zero() {
        return Err(WireError::bad_request(
            "ttl_seconds must be at least 1, got 0",
        ));
    }
    if ttl > MAX_TTL {
        return Err(WireError::bad_request(format!(
            "ttl_seconds must be at most {} (a day), got {}",
            MAX_TTL.as_secs(),
            ttl.as_secs()
        )));
    }
    Ok(())
}

impl Locks {
    /// Uses `store` (a bucket with history 1).
    pub fn new(store: Store) -> Locks {
        Locks {
            bucket: Bucket::new(store, "lock store"),
        }
    }

    /// Acquires `resource` for `holder` for `ttl` (at most [`MAX_TTL`], else `bad_request`). A holder that asks
    /// again gets its grant renewed with a new token.
    pub async fn acquire(
        &self,
        resource: &str,
        holder: &str,
        ttl: Duration,
        now_ms: u64,
    ) -> Result<Acquired, WireError> {
        check_ttl(ttl)?;
        let key = resource_key(resource)?;
        let expires_at_ms = now_ms + ttl.as_millis() as u64;
        let record = LockRecord {
            holder: holder.to_owned(),
            expires_at_ms,
        };
        let updated = self
            .bucket
            .update(&key, |current| {
                // Free (never taken, released, expired, unreadable) or ours: take it, if nobody else does
                // meanwhile.
                let taken = current.value().is_some_and(|current| {
                    current.holder != holder && current.expires_at_ms > now_ms
                });
                Ok::<_, WireError>((!taken).then(|| record.clone()))
            })
            .await?;
        Ok(match updated {
            Updated::Written { revision, .. } => Acquired::Granted {
                fencing_token: revision,
                expires_at_ms,
            },
            Updated::Left(current) => {
                let current = current.into_value().ok_or_else(|| WireError::Internal {
                    message: format!("lock {resource} was left with no holder"),
                })?;
                Acquired::Held {
                    holder: current.holder,
                    expires_at_ms: current.expires_at_ms,
                }
            }
        })
    }

    /// Releases `resource` if `holder` holds it; returns false when it was not held by anyone.
    pub async fn release(
        &self,
        resource: &str,
        holder: &str,
        now_ms: u64,
    ) -> Result<bool, WireError> {
        let key = resource_key(resource)?;
        let (current, revision) = match self.bucket.read(&key).await? {
            Current::Present { value, revision } => (value, revision),
            Current::Unreadable { error, .. } => return Err(self.bucket.unavailable(error).into()),
            Current::Absent | Current::Cleared { .. } => return Ok(false),
        };
        if current.expires_at_ms <= now_ms {
            return Ok(false);
        }
        if current.holder != holder {
            return Err(WireError::bad_request(format!(
                "lock {resource} is held by {}, not by {holder}",
                current.holder
            )));
        }
        self.bucket.delete(&key, revision).await?;
        Ok(true)
    }

    /// Extends `holder`'s grant of `resource` by `ttl` from now; returns the new token.
    pub async fn extend(
        &self,
        resource: &str,
        holder: &str,
        ttl: Duration,
        now_ms: u64,
    ) -> Result<Acquired, WireError> {
        check_ttl(ttl)?;
        let key = resource_key(resource)?;
        let (current, revision) = match self.bucket.read(&key).await? {
            Current::Present { value, revision } => (value, revision),
            Current::Unreadable { error, .. } => return Err(self.bucket.unavailable(error).into()),
            Current::Absent | Current::Cleared { .. } => {
                return Err(WireError::bad_request(format!(
                    "lock {resource} is not held; acquire it"
                )));
            }
        };
        if current.holder != holder || current.expires_at_ms <= now_ms {
            return Err(WireError::bad_request(format!(
                "lock {resource} is not held by {holder}; acquire it again"
            )));
        }
        let expires_at_ms = now_ms + ttl.as_millis() as u64;
        let record = LockRecord {
            holder: holder.to_owned(),
            expires_at_ms,
        };
        match self.bucket.write(&key, &record, Some(revision)).await? {
            Some(revision) => Ok(Acquired::Granted {
                fencing_token: revision,
                expires_at_ms,
            }),
            None => Err(WireError::bad_request(format!(
                "lock {resource} changed hands; acquire it again"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resources_people_type_get_safe_reversible_keys() {
        for (resource, expected) in [
            ("repo/main", "repo/main"),
            ("src/lib.rs", "src/lib.rs"),
            ("file:src/lib.rs", "file=3Asrc/lib.rs"),
            ("db migration #42", "db=20migration=20=2342"),
            ("a..b", "a.=2Eb"),
            (".hidden", "=2Ehidden"),
            ("end.", "end=2E"),
            ("a*>b", "a=2A=3Eb"),
            ("x=y", "x=3Dy"),
            ("ü", "=C3=BC"),
        ] {
            let key = resource_key(resource).expect("valid resource");
            assert_eq!(key, expected, "{resource:?}");
            assert_eq!(resource_of(&key).as_deref(), Some(resource));
        }
        let unicode = resource_key("ünïcode/路径").expect("valid resource");
        assert!(
            unicode
                .bytes()
                .all(|byte| byte.is_ascii_alphanumeric() || b"-_/=.".contains(&byte)),
            "{unicode}"
        );
        assert!(!unicode.contains("..") && !unicode.starts_with('.') && !unicode.ends_with('.'));
        assert_eq!(resource_of(&unicode).as_deref(), Some("ünïcode/路径"));
    }

    #[test]
    fn empty_long_and_control_resources_are_refused() {
        assert!(resource_key(&"x".repeat(MAX_RESOURCE_BYTES)).is_ok());
        assert!(resource_key(&"路".repeat(MAX_RESOURCE_BYTES / 3)).is_ok());
        for bad in [
            String::new(),
            "x".repeat(MAX_RESOURCE_BYTES + 1),
            "a\nb".to_owned(),
            "nul\0".to_owned(),
        ] {
            assert!(
                matches!(resource_key(&bad), Err(WireError::BadRequest { .. })),
                "{bad:?}"
            );
        }
    }
}
