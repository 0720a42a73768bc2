//! What workflows keep in the node's data dir, private to the user (files 0600, directory 0700):
//! `workflows/enabled.json`, the projects the user enabled, and `workflows/verified/<key>.json`, the last
//! verify of each project (its tree id, whether it passed, its failures), which a commit checks against;
//! `workflows/watch/<key>.json`, the build state of each project the node watches (Workflow B), which the
//! status line reads.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Failure, WorkflowError, WorkflowResult};
use crate::data_dir::{self, DataDir};

/// The last verify of a project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LastVerify {
    /// The project.
    pub project: PathBuf,
    /// The tree the verify ran on.
    pub tree: String,
    /// It passed, and saw every failure (no `paths` narrowing).
    pub ok: bool,
    /// Its failures.
    pub failures: Vec<Failure>,
    /// When, ms since the epoch.
    pub at_ms: u64,
    /// Failed verifies in a row for the task this was for (the chat's claimed task), when there was one.
    #[serde(default)]
    pub task_id: Option<String>,
    /// How many verifies of `task_id` failed in a row.
    #[serde(default)]
    pub task_failures: u32,
}

/// Where the background build of a watched project stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BuildState {
    /// A build is waiting for its turn or running.
    Running,
    /// The last build passed.
    Passed,
    /// The last build failed.
    Failed,
}

/// The build state of a watched project, as the node last wrote it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WatchStatus {
    /// The project.
    pub project: PathBuf,
    /// Running, passed or failed.
    pub build: BuildState,
    /// Failures of the last finished build.
    pub errors: usize,
    /// Builds finished since the node began watching the project.
    pub builds: u64,
    /// The tree the last finished build ran on (None outside git, or when it changed during the build).
    #[serde(default)]
    pub tree: Option<String>,
    /// A commit is suggested: the passing tree has stayed uncommitted past the project's threshold.
    #[serde(default)]
    pub commit_suggested: bool,
    /// When this was written, ms since the epoch.
    pub at_ms: u64,
}

/// The workflow files of a data dir.
#[derive(Debug, Clone)]
pub struct WorkflowState {
    dir: PathBuf,
}

fn io_error(what: &str, path: &Path, error: impl std::fmt::Display) -> WorkflowError {
    WorkflowError::State(format!("cannot {what} {}: {error}", path.display()))
}

impl WorkflowState {
    /// The workflow files under `data_dir`.
    pub fn new(data_dir: &DataDir) -> Self {
        WorkflowState {
            dir: data_dir.root().join("workflows"),
        }
    }

    fn enabled_file(&self) -> PathBuf {
        self.dir.join("enabled.json")
    }

    fn verified_file(&self, project: &Path) -> PathBuf {
        // The first 128 bits of the path's digest: a file name of fixed length for any path.
        let digest = crate::hex::sha256_hex(project.as_os_str().as_encoded_bytes());
        self.dir
            .join("verified")
            .join(format!("{}.json", &digest[..32]))
    }

    fn watch_file(&self, project: &Path) -> PathBuf {
        let digest = crate::hex::sha256_hex(project.as_os_str().as_encoded_bytes());
        self.dir
            .join("watch")
            .join(format!("{}.json", &digest[..32]))
    }

    fn write(&self, path: &Path, contents: &[u8]) -> WorkflowResult<()> {
        let parent = path.parent().unwrap_or(&self.dir);
        data_dir::private_dir(parent).map_err(|error| io_error("create", parent, error))?;
        data_dir::private_dir(&self.dir).map_err(|error| io_error("create", &self.dir, error))?;
        let staging = path.with_extension(format!("staging.{}", std::process::id()));
        data_dir::write_private(&staging, contents)
            .map_err(|error| io_error("write", &staging, error))?;
        std::fs::rename(&staging, path).map_err(|error| io_error("write", path, error))
    }

    /// The enabled projects, sorted.
    pub fn enabled(&self) -> WorkflowResult<Vec<PathBuf>> {
        let path = self.enabled_file();
        match std::fs::read(&path) {
            Ok(bytes) => {
                serde_json::from_slice(&bytes).map_err(|error| io_error("read", &path, error))
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(error) => Err(io_error("read", &path, error)),
        }
    }

    /// Whether `project` (canonical) is enabled.
    pub fn is_enabled(&self, project: &Path) -> WorkflowResult<bool> {
        Ok(self.enabled()?.iter().any(|enabled| enabled == project))
    }

    /// Enables or disables `project` (canonical); returns whether that changed anything.
    pub fn set_enabled(&self, project: &Path, enabled: bool) -> WorkflowResult<bool> {
        let mut projects = self.enabled()?;
        let was = projects.iter().any(|known| known == project);
        if was == enabled {
            return Ok(false);
        }
        if enabled {
            projects.push(project.to_owned());
            projects.sort();
        } else {
            projects.retain(|known| known != project);
        }
        let json = serde_json::to_vec_pretty(&projects)
            .map_err(|error| io_error("write", &self.enabled_file(), error))?;
        self.write(&self.enabled_file(), &json)?;
        Ok(true)
    }

    /// The last verify of `project`, if any.
    pub fn last_verify(&self, project: &Path) -> WorkflowResult<Option<LastVerify>> {
        let path = self.verified_file(project);
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|error| io_error("read", &path, error)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(io_error("read", &path, error)),
        }
    }

    /// Records the last verify of its project.
    pub fn record(&self, last: &LastVerify) -> WorkflowResult<()> {
        let path = self.verified_file(&last.project);
        let json =
            serde_json::to_vec_pretty(last).map_err(|error| io_error("write", &path, error))?;
        self.write(&path, &json)
    }
}

impl WorkflowState {
    /// The build state of watched `project` (canonical), if the node watches it.
    pub fn watch_status(&self, project: &Path) -> WorkflowResult<Option<WatchStatus>> {
        let path = self.watch_file(project);
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|error| io_error("read", &path, error)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(io_error("read", &path, error)),
        }
    }

    /// Records the build state of its project (written beside, then renamed: a reader sees all or nothing).
    pub fn set_watch_status(&self, status: &WatchStatus) -> WorkflowResult<()> {
        let path = self.watch_file(&status.project);
        let json = serde_json::to_vec(status).map_err(|error| io_error("write", &path, error))?;
        self.write(&path, &json)
    }

    /// Forgets the build state of `project` (no longer watched).
    pub fn clear_watch_status(&self, project: &Path) {
        let _ = std::fs::remove_file(self.watch_file(project));
    }

    /// Forgets every project's build state (a node starting: none is watched yet).
    pub fn clear_all_watch_status(&self) {
        let dir = self.dir.join("watch");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return;
        };
        for entry in entries.flatten() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    #[test]
    fn the_enabled_list_is_private_and_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = WorkflowState::new(&DataDir::new(dir.path()));
        let project = Path::new("/somewhere/project");
        assert!(!state.is_enabled(project).expect("reads"));
        assert!(state.set_enabled(project, true).expect("writes"));
        assert!(!state.set_enabled(project, true).expect("writes"));
        assert!(state.is_enabled(project).expect("reads"));
        let mode = |path: PathBuf| {
            std::fs::metadata(path)
                .expect("exists")
                .permissions()
                .mode()
                & 0o777
        };
        assert_eq!(mode(dir.path().join("workflows/enabled.json")), 0o600);
        assert_eq!(mode(dir.path().join("workflows")), 0o700);
        assert!(state.set_enabled(project, false).expect("writes"));
        assert_eq!(state.enabled().expect("reads"), Vec::<PathBuf>::new());
    }
}
