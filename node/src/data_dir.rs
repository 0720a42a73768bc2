//! The node's data directory: its layout, and the lock that keeps one node per directory.
//!
//! ```text
//! <data_dir>/
//!   shim-node.lock        held (flock) by the running node; holds its pid
//!   nats/nats.conf        settings of the embedded nats-server
//!   nats/jetstream/       the embedded server's JetStream store
//!   nats/nats-server.log  the embedded server's log
//!   logs/node.log         output of a node started in the background by `shim-node mcp`
//!   store/                the node's sled database: checkpoints, chat records, risk thresholds
//! ```

use std::{
    fs::{File, OpenOptions},
    io::{Read, Seek, Write},
    path::{Path, PathBuf},
};

use anyhow::{Context, bail};

/// Paths inside a data directory.
#[derive(Debug, Clone)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// Returns the layout rooted at `root`; nothing is created.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        DataDir { root: root.into() }
    }

    /// Returns the root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Returns the lock file.
    pub fn lock_file(&self) -> PathBuf {
        self.root.join("shim-node.lock")
    }

    /// Returns the embedded nats-server's directory.
    pub fn nats_dir(&self) -> PathBuf {
        self.root.join("nats")
    }

    /// Returns the sled database directory.
    pub fn store_dir(&self) -> PathBuf {
        self.root.join("store")
    }

    /// Returns the directory of node logs.
    pub fn logs_dir(&self) -> PathBuf {
        self.root.join("logs")
    }

    /// Returns the log a background node writes to.
    pub fn node_log(&self) -> PathBuf {
        self.logs_dir().join("node.log")
    }

    /// Returns the pid of the node holding the lock, or `None` when no node holds it.
    pub fn running_pid(&self) -> anyhow::Result<Option<u32>> {
        let path = self.lock_file();
        let mut file = match File::open(&path) {
            Ok(file) => file,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(error) => {
                return Err(error).with_context(|| format!("failed to open {}", path.display()));
            }
        };
        match file.try_lock() {
            // Free: no node holds it (dropping the file releases it at once).
            Ok(()) => return Ok(None),
            Err(std::fs::TryLockError::WouldBlock) => {}
            Err(std::fs::TryLockError::Error(error)) => {
                return Err(error).with_context(|| format!("failed to check {}", path.display()));
            }
        }
        let mut holder = String::new();
        file.read_to_string(&mut holder)
            .with_context(|| format!("failed to read {}", path.display()))?;
        let pid = holder.trim().parse().with_context(|| {
            format!("{} is locked but holds no pid ({holder:?})", path.display())
        })?;
        Ok(Some(pid))
    }

    /// Creates the directories and takes the lock; fails with a clear message when another node holds it.
    pub fn lock(&self) -> anyhow::Result<DataDirLock> {
        std::fs::create_dir_all(&self.root)
            .with_context(|| format!("failed to create data dir {}", self.root.display()))?;
        let path = self.lock_file();
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .with_context(|| format!("failed to open lock file {}", path.display()))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = holder.trim();
                bail!(
                    "another shim-node is already running with data dir {} (pid {}); stop it (`shim-node \
                     stop`), or give this one its own --data-dir",
                    self.root.display(),
                    if holder.is_empty() { "unknown" } else { holder }
                );
            }
            Err(std::fs::TryLockError::Error(error)) => {
                return Err(error).with_context(|| format!("failed to lock {}", path.display()));
            }
        }
        file.set_len(0)?;
        file.rewind()?;
        writeln!(file, "{}", std::process::id())?;
        file.flush()?;
        Ok(DataDirLock { _file: file })
    }
}

/// Held while the node runs; dropping it releases the lock.
#[derive(Debug)]
pub struct DataDirLock {
    _file: File,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_dir_fails_until_the_first_is_dropped() {
        let root = tempfile::tempdir().expect("temp dir");
        let data_dir = DataDir::new(root.path().join("data"));
        let first = data_dir.lock().expect("first lock");
        let error = data_dir.lock().expect_err("second lock must fail");
        let message = format!("{error:#}");
        assert!(message.contains("already running"), "{message}");
        assert!(
            message.contains(&std::process::id().to_string()),
            "{message}"
        );
        assert_eq!(
            data_dir.running_pid().expect("readable"),
            Some(std::process::id())
        );
        drop(first);
        assert_eq!(data_dir.running_pid().expect("readable"), None);
        data_dir.lock().expect("lock is free again");
    }
}
