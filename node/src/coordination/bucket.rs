//! A typed key-value bucket: JSON values read with their revision, and every write a compare-and-set. Locks,
//! the chat registry and the task records all change their keys through [`Bucket::update`], one retry policy
//! for all of them: read, decide, write at the revision read; on a conflict read again, at most [`CAS_TRIES`]
//! times, then report the key contended. A bucket nobody answers for yet (on a cluster, just created or
//! between leaders) is tried again for a moment ([`patiently`]) rather than reported unavailable.

use std::marker::PhantomData;

use async_nats::jetstream::kv::{CreateErrorKind, Operation, Store, UpdateErrorKind};
use bytes::Bytes;
use serde::{Serialize, de::DeserializeOwned};
use shim_protocol::WireError;

use super::streams::patiently;

/// Reads and writes of one key before a compare-and-set gives up. Eight: each conflict means another writer
/// won, so eight in a row only happens under a storm of writers on one key, which is told to retry later.
pub const CAS_TRIES: usize = 8;
/// The largest value a bucket stores: a NATS message (1 MiB by default) less room for its subject and headers.
pub const MAX_VALUE_BYTES: usize = shim_protocol::limits::MAX_PAYLOAD_BYTES - 8 * 1024;

/// Why a bucket operation failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BucketError {
    /// The bucket could not be read or written (NATS away, JetStream refused).
    #[error("{bucket}: {message}")]
    Unavailable {
        /// What the bucket holds (`lock store`, `chat registry`, `task queue`).
        bucket: &'static str,
        /// What went wrong.
        message: String,
    },
    /// Others changed the key each of the [`CAS_TRIES`] times it was read.
    #[error("{bucket}: {key} is being changed by others; retry")]
    Contended {
        /// What the bucket holds.
        bucket: &'static str,
        /// The key.
        key: String,
    },
    /// A value would be larger than a NATS message carries.
    #[error(
        "{bucket}: {key} would be {size} bytes once stored, over the {limit} bytes one NATS message carries; shorten what it holds (a result, a note, an error, instructions)"
    )]
    TooLarge {
        /// What the bucket holds.
        bucket: &'static str,
        /// The key.
        key: String,
        /// The value's size, encoded.
        size: usize,
        /// The largest value stored.
        limit: usize,
    },
    /// A value could not be encoded (a bug: bucket values are plain data).
    #[error("{bucket}: failed to encode {key}: {message}")]
    Encode {
        /// What the bucket holds.
        bucket: &'static str,
        /// The key.
        key: String,
        /// The encoder's complaint.
        message: String,
    },
}

/// A specialized `Result` for bucket operations.
pub type BucketResult<T> = Result<T, BucketError>;

impl From<BucketError> for WireError {
    fn from(error: BucketError) -> WireError {
        match error {
            BucketError::Unavailable { .. } => WireError::Unavailable {
                message: error.to_string(),
            },
            BucketError::Contended { .. } => WireError::Busy {
                message: error.to_string(),
            },
            BucketError::Encode { .. } => WireError::Internal {
                message: error.to_string(),
            },
            BucketError::TooLarge { .. } => WireError::BadRequest {
                message: error.to_string(),
            },
        }
    }
}

/// What a key holds now.
#[derive(Debug, Clone, PartialEq)]
pub enum Current<T> {
    /// Never written (or purged from the stream).
    Absent,
    /// Deleted or purged, at `revision`.
    Cleared {
        /// The revision of the delete marker.
        revision: u64,
    },
    /// A value that does not decode as `T`, at `revision`.
    Unreadable {
        /// Its revision.
        revision: u64,
        /// The decoder's complaint.
        error: String,
    },
    /// A value.
    Present {
        /// The value.
        value: T,
        /// Its revision.
        revision: u64,
    },
}

impl<T> Current<T> {
    /// The value, when the key holds a readable one.
    pub fn value(&self) -> Option<&T> {
        match self {
            Current::Present { value, .. } => Some(value),
            _ => None,
        }
    }

    /// The value, when the key holds a readable one.
    pub fn into_value(self) -> Option<T> {
        match self {
            Current::Present { value, .. } => Some(value),
            _ => None,
        }
    }

    /// The revision a write must name, or `None` for a key never written (a write creates it).
    pub fn revision(&self) -> Option<u64> {
        match self {
            Current::Absent => None,
            Current::Cleared { revision }
            | Current::Unreadable { revision, .. }
            | Current::Present { revision, .. } => Some(*revision),
        }
    }
}

/// What [`Bucket::update`] did.
#[derive(Debug, Clone, PartialEq)]
pub enum Updated<T> {
    /// It wrote `value`, now at `revision`.
    Written {
        /// The value written.
        value: T,
        /// Its revision.
        revision: u64,
    },
    /// The decision was to leave the key as it is; here is what it holds.
    Left(Current<T>),
}

/// A bucket whose values are `T` as JSON. Cloning shares the bucket.
#[derive(Debug)]
pub struct Bucket<T> {
    store: Store,
    label: &'static str,
    _values: PhantomData<fn() -> T>,
}

impl<T> Clone for Bucket<T> {
    fn clone(&self) -> Self {
        Bucket {
            store: self.store.clone(),
            label: self.label,
            _values: PhantomData,
        }
    }
}

impl<T: Serialize + DeserializeOwned> Bucket<T> {
    /// Uses `store`; `label` names it in errors (`lock store`, `chat registry`, `task queue`).
    pub fn new(store: Store, label: &'static str) -> Bucket<T> {
        Bucket {
            store,
            label,
            _values: PhantomData,
        }
    }

    /// The underlying store (to watch it, or list its keys).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// An `Unavailable` error of this bucket.
    pub fn unavailable(&self, error: impl std::fmt::Display) -> BucketError {
        BucketError::Unavailable {
            bucket: self.label,
            message: error.to_string(),
        }
    }

    fn encode(&self, key: &str, value: &T) -> BucketResult<Bytes> {
        let encoded = serde_json::to_vec(value).map_err(|error| BucketError::Encode {
            bucket: self.label,
            key: key.to_owned(),
            message: error.to_string(),
        })?;
        // Refused here with what to do, not by the server as a failed write ("unavailable", and a retry that
        // fails the same way): JSON writes some characters in up to six bytes, so a value within every
        // field's limit can still be too large once stored.
        if encoded.len() > MAX_VALUE_BYTES {
            return Err(BucketError::TooLarge {
                bucket: self.label,
                key: key.to_owned(),
                size: encoded.len(),
                limit: MAX_VALUE_BYTES,
            });
        }
        Ok(Bytes::from(encoded))
    }

    /// Reads what `key` holds, with its revision: the latest acknowledged write, on a replicated bucket too
    /// ([`super::kv::latest`]).
    pub async fn read(&self, key: &str) -> BucketResult<Current<T>> {
        let Some(entry) = super::kv::latest(&self.store, key)
            .await
            .map_err(|error| self.unavailable(error))?
        else {
            return Ok(Current::Absent);
        };
        if entry.operation != Operation::Put {
            return Ok(Current::Cleared {
                revision: entry.revision,
            });
        }
        Ok(match serde_json::from_slice(&entry.value) {
            Ok(value) => Current::Present {
                value,
                revision: entry.revision,
            },
            Err(error) => Current::Unreadable {
                revision: entry.revision,
                error: error.to_string(),
            },
        })
    }

    /// Reads the value of `key`; `None` when it holds none, or none that reads as `T`.
    pub async fn get(&self, key: &str) -> BucketResult<Option<T>> {
        Ok(self.read(key).await?.into_value())
    }

    /// Creates `key` with `value`; `None` when the key holds a value already (or another writer created it
    /// first).
    pub async fn create(&self, key: &str, value: &T) -> BucketResult<Option<u64>> {
        let encoded = self.encode(key, value)?;
        match patiently(|| self.store.create(key, encoded.clone())).await {
            Ok(revision) => Ok(Some(revision)),
            Err(error) if error.kind() == CreateErrorKind::AlreadyExists || lost_race(&error) => {
                Ok(None)
            }
            Err(error) => Err(self.unavailable(error)),
        }
    }

    /// Writes `value` if `key` is still at `revision` (creates it when `revision` is `None`); `None` when
    /// someone changed it first.
    pub async fn write(
        &self,
        key: &str,
        value: &T,
        revision_opt: Option<u64>,
    ) -> BucketResult<Option<u64>> {
        let Some(revision) = revision_opt else {
            return self.create(key, value).await;
        };
        let encoded = self.encode(key, value)?;
        match patiently(|| self.store.update(key, encoded.clone(), revision)).await {
            Ok(revision) => Ok(Some(revision)),
            Err(error)
                if error.kind() == UpdateErrorKind::WrongLastRevision || lost_race(&error) =>
            {
                Ok(None)
            }
            Err(error) => Err(self.unavailable(error)),
        }
    }

    /// Deletes `key` if it is still at `revision`.
    pub async fn delete(&self, key: &str, revision: u64) -> BucketResult<()> {
        patiently(|| self.store.delete_expect_revision(key, Some(revision)))
            .await
            .map_err(|error| self.unavailable(error))
    }

    /// Changes `key` by compare-and-set: `decide` sees what the key holds and returns the value to write, or
    /// `None` to leave it; on a conflict the key is read again and `decide` asked again, up to [`CAS_TRIES`]
    /// times in all, then [`BucketError::Contended`]. An `Err` from `decide` ends the update with it.
    pub async fn update<E>(
        &self,
        key: &str,
        decide: impl FnMut(&Current<T>) -> Result<Option<T>, E>,
    ) -> Result<Updated<T>, E>
    where
        E: From<BucketError>,
    {
        self.update_from(key, None, decide, None).await
    }

    /// [`update`](Self::update), trying `guess_opt` (a value and revision the caller wrote or saw last) before
    /// reading the key, and running `before_write_opt` (given the value and the revision it replaces) before
    /// each write: what must be done before the change is recorded (a crash in between then leaves the work
    /// done twice, never lost). A refusal (`None` or `Err`) on the guess is not final: the key is read and
    /// `decide` asked again.
    pub async fn update_from<E>(
        &self,
        key: &str,
        mut guess_opt: Option<(T, u64)>,
        mut decide: impl FnMut(&Current<T>) -> Result<Option<T>, E>,
        before_write_opt: Option<&BeforeWrite<'_, T, E>>,
    ) -> Result<Updated<T>, E>
    where
        E: From<BucketError>,
    {
        for _ in 0..CAS_TRIES {
            let guessed = guess_opt.is_some();
            let current = match guess_opt.take() {
                Some((value, revision)) => Current::Present { value, revision },
                None => self.read(key).await?,
            };
            let revision_opt = current.revision();
            let value = match decide(&current) {
                Ok(Some(value)) => value,
                Ok(None) | Err(_) if guessed => continue,
                Ok(None) => return Ok(Updated::Left(current)),
                Err(error) => return Err(error),
            };
            if let Some(before_write) = before_write_opt {
                before_write(&value, revision_opt).await?;
            }
            if let Some(revision) = self.write(key, &value, revision_opt).await? {
                return Ok(Updated::Written { value, revision });
            }
        }
        Err(BucketError::Contended {
            bucket: self.label,
            key: key.to_owned(),
        }
        .into())
    }
}

/// True when `error` says a compare-and-set lost to another writer: JetStream's "wrong last sequence", either
/// form. A replicated stream refuses a write whose expected revision another write, still being agreed on,
/// took first with error code 10164 rather than 10071; async-nats 0.51 only knows 10071 and reports 10164 as
/// some other failure, which made writes that lost a race under load fail as `unavailable` instead of being
/// tried again.
pub fn lost_race(error: &(dyn std::error::Error + 'static)) -> bool {
    use async_nats::jetstream::{Error as ApiError, ErrorCode};
    super::streams::causes(error).any(|cause| {
        cause.downcast_ref::<ApiError>().is_some_and(|api| {
            matches!(
                api.error_code(),
                ErrorCode::STREAM_WRONG_LAST_SEQUENCE
                    | ErrorCode::STREAM_WRONG_LAST_SEQUENCE_CONSTANT
            )
        })
    })
}

/// Work done before an update's write, given the value to write and the revision it replaces.
pub type BeforeWrite<'a, T, E> =
    dyn Fn(&T, Option<u64>) -> futures::future::BoxFuture<'a, Result<(), E>> + Send + Sync + 'a;

#[cfg(test)]
mod tests {
    use async_nats::jetstream::{
        context::{PublishError, PublishErrorKind},
        kv::{UpdateError, UpdateErrorKind},
    };

    use super::lost_race;

    /// A kv update refused by the server with `err_code`, wrapped as async-nats 0.51 wraps what it does not
    /// recognize.
    fn refused(err_code: u64) -> UpdateError {
        let api: async_nats::jetstream::Error = serde_json::from_value(serde_json::json!({
            "code": 400,
            "err_code": err_code,
            "description": "wrong last sequence",
        }))
        .expect("an API error");
        UpdateError::with_source(
            UpdateErrorKind::Other,
            PublishError::with_source(PublishErrorKind::Other, api),
        )
    }

    #[test]
    fn both_forms_of_wrong_last_sequence_are_a_lost_race() {
        assert!(lost_race(&refused(10071)));
        assert!(lost_race(&refused(10164)));
        // Another refusal (the stream is gone) is not.
        assert!(!lost_race(&refused(10059)));
        assert!(!lost_race(&UpdateError::new(UpdateErrorKind::TimedOut)));
    }
}
