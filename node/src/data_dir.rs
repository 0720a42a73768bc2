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
//!
//! Everything in it is private to the user the node runs as, whatever the umask: the directories are made
//! (or narrowed to) mode 0700 and the files 0600. `shim-node` also sets its umask to 077 at start
//! ([`private_umask`]), so files made later by sled or by the embedded nats-server it spawns are 0600 too.

use std::{
    fs::{DirBuilder, File, OpenOptions},
    io::{Read, Seek, Write},
    os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt},
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

    /// Returns the file of the key the node derives its chats' secrets from (0600).
    pub fn chat_key(&self) -> PathBuf {
        self.root.join("chat-secrets.key")
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

    /// Creates the store directory and narrows what the data dir holds (store, logs, the embedded server's
    /// directory) to the user: directories 0700, files 0600.
    pub fn make_private(&self) -> anyhow::Result<()> {
        private_dir(&self.store_dir())
            .with_context(|| format!("failed to create {}", self.store_dir().display()))?;
        for dir in [self.store_dir(), self.logs_dir(), self.nats_dir()] {
            narrow_tree(&dir)
                .with_context(|| format!("failed to make {} private", dir.display()))?;
        }
        Ok(())
    }

    /// Creates the directories and takes the lock; fails with a clear message when another node holds it.
    pub fn lock(&self) -> anyhow::Result<DataDirLock> {
        private_dir(&self.root)
            .with_context(|| format!("failed to create data dir {}", self.root.display()))?;
        let path = self.lock_file();
        let mut file = OpenOptions::new()
            .mode(0o600)
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

/// File mode of everything the node writes.
pub const PRIVATE_FILE: u32 = 0o600;
/// Mode of the node's directories.
pub const PRIVATE_DIR: u32 = 0o700;
/// Most entries [`narrow_tree`] looks at: a data dir holds a few dozen.
const MAX_NARROWED: usize = 10_000;

/// Sets the process's umask to 077, so that whatever the process (or a child it spawns) creates from now on is
/// private to its user. `shim-node` calls it first thing; a library user of [`crate::start`] decides for
/// itself.
pub fn private_umask() {
    nix::sys::stat::umask(nix::sys::stat::Mode::from_bits_truncate(0o077));
}

/// Creates `dir` and its missing parents with mode 0700; an existing `dir` owned by this user is narrowed to
/// 0700 (one made by an older version, or under a looser umask).
pub fn private_dir(dir: &Path) -> std::io::Result<()> {
    DirBuilder::new()
        .recursive(true)
        .mode(PRIVATE_DIR)
        .create(dir)?;
    narrow(dir)
}

/// Returns options that create a file with mode 0600.
pub fn private_file() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.mode(PRIVATE_FILE);
    options
}

/// Writes `contents` to `path` as a private file: created 0600, and narrowed to 0600 when it existed.
pub fn write_private(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let mut file = private_file()
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)?;
    file.set_permissions(std::fs::Permissions::from_mode(PRIVATE_FILE))?;
    file.write_all(contents)?;
    file.flush()
}

/// Writes `contents` to `path` as a private file unless `path` exists: written beside, then linked into place,
/// so a reader sees the whole file or none, and of two processes that race, the first one's stays. Returns
/// false when the file was there already.
pub fn write_private_once(path: &Path, contents: &[u8]) -> std::io::Result<bool> {
    let staging = path.with_extension(format!("staging.{}", std::process::id()));
    let written = (|| {
        let mut file = private_file()
            .create(true)
            .truncate(true)
            .write(true)
            .open(&staging)?;
        file.write_all(contents)?;
        file.sync_all()
    })();
    let linked = written.and_then(|()| std::fs::hard_link(&staging, path));
    let _ = std::fs::remove_file(&staging);
    match linked {
        Ok(()) => Ok(true),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(error) => Err(error),
    }
}

/// Narrows one path owned by this user to 0700 (a directory) or 0600 (anything else); leaves symbolic links
/// and other users' files alone.
fn narrow(path: &Path) -> std::io::Result<()> {
    let metadata = std::fs::symlink_metadata(path)?;
    if metadata.file_type().is_symlink() || metadata.uid() != nix::unistd::geteuid().as_raw() {
        return Ok(());
    }
    let mode = if metadata.is_dir() {
        PRIVATE_DIR
    } else {
        PRIVATE_FILE
    };
    if metadata.mode() & 0o777 != mode {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
    }
    Ok(())
}

/// Narrows `dir` and everything below it (up to 10,000 entries, symbolic links not followed): directories to
/// 0700, files to 0600. Run at start over the store, the logs and the embedded server's directory, for files an
/// older version or a looser umask left readable.
pub fn narrow_tree(dir: &Path) -> std::io::Result<()> {
    let mut pending = vec![dir.to_path_buf()];
    let mut seen = 0;
    while let Some(path) = pending.pop() {
        seen += 1;
        if seen > MAX_NARROWED {
            break;
        }
        match narrow(&path) {
            Ok(()) => {}
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => continue,
            Err(error) => return Err(error),
        }
        let metadata = std::fs::symlink_metadata(&path)?;
        if metadata.is_dir() {
            for entry in std::fs::read_dir(&path)? {
                pending.push(entry?.path());
            }
        }
    }
    Ok(())
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

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).expect("exists").mode() & 0o777
    }

    #[test]
    fn the_data_dir_and_what_is_narrowed_are_private() {
        let root = tempfile::tempdir().expect("temp dir");
        let existing = root.path().join("data");
        std::fs::create_dir(&existing).expect("dir");
        std::fs::set_permissions(&existing, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let data_dir = DataDir::new(&existing);
        let _lock = data_dir.lock().expect("lock");
        assert_eq!(mode(&existing), 0o700);
        assert_eq!(mode(&data_dir.lock_file()), 0o600);

        let store = existing.join("store");
        std::fs::create_dir_all(store.join("blobs")).expect("dirs");
        for file in [store.join("db"), store.join("blobs/1")] {
            std::fs::write(&file, "x").expect("write");
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        }
        narrow_tree(&store).expect("narrows");
        assert_eq!(mode(&store), 0o700);
        assert_eq!(mode(&store.join("blobs")), 0o700);
        assert_eq!(mode(&store.join("db")), 0o600);
        assert_eq!(mode(&store.join("blobs/1")), 0o600);

        let export = root.path().join("export.json");
        std::fs::write(&export, "old").expect("write");
        std::fs::set_permissions(&export, std::fs::Permissions::from_mode(0o666)).expect("chmod");
        write_private(&export, b"new").expect("writes");
        assert_eq!(mode(&export), 0o600);
        assert_eq!(std::fs::read_to_string(&export).expect("reads"), "new");
    }
}
