//! Workflow B, background monitoring (docs/workflows.md): in `shim-node run`, every project the user
//! enabled (`shim-node workflows enable`) and did not opt out of (`[watch] enabled = false` in its
//! `.shim.toml`) is watched. A change to a file that is not ignored builds the project with its `check`
//! command (Workflow A's runner and parsers, with its limits); the result goes out as `workflow.build_*`
//! events and into the build state the status line reads; a passing tree left uncommitted past the project's
//! threshold gets a `workflow.commit_suggested`.
//!
//! - [`files`]: the file watcher: one inotify (or the platform's) watch per directory that is not ignored
//!   (`.git`, `target`, `node_modules`, what the `.gitignore` files say), its events through a bounded queue.
//! - [`project`]: one watched project: debounce, one build at a time, changes during a build coalesced into
//!   one more, the events, the commit suggestion.
//!
//! The monitor itself is one background task of the node, supervised like coordination's
//! (`coordination::supervise`): it reads the enabled list every [`POLL`] (one small file) and starts or
//! stops each project's watcher, so enabling or disabling takes effect while the node runs. It is not an
//! actor: nothing asks it anything over NATS, its state is the files it writes, and a bounded queue (not a
//! mailbox, which ractor does not bound) takes the file events.

pub mod files;
pub mod project;

use std::{
    collections::HashMap,
    path::{Path, PathBuf},
    sync::Arc,
    time::{Duration, Instant},
};

use serde::Deserialize;
use serde_json::json;
use shim_actors::EventEmitter;
use tokio::{sync::Semaphore, task::JoinHandle};
use tracing::{info, warn};

use super::{Workflows, config::CONFIG_FILE};
use crate::{
    coordination::supervise::{Ended, Supervision},
    data_dir::DataDir,
};

/// How often the enabled list (and each enabled project's `[watch]` table) is read.
pub const POLL: Duration = Duration::from_secs(2);
/// How long a project whose watcher failed (its directory gone, say) waits before it is tried again.
const RETRY_AFTER: Duration = Duration::from_secs(60);
/// The event component of everything this workflow publishes: `shim.events.workflow.<name>`.
pub const EVENT_COMPONENT: &str = "workflow";

/// Quiet time after the last change before a build starts, when the config names none.
pub const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(300);
/// How long a passing tree may stay uncommitted before a commit is suggested, when the config names none.
pub const DEFAULT_SUGGEST_AFTER: Duration = Duration::from_secs(1800);
/// Lines changed against HEAD in a passing tree that suggest a commit at once, when the config names none.
pub const DEFAULT_SUGGEST_AFTER_LINES: u64 = 200;

/// The `[watch]` table of a project's `.shim.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchConfig {
    /// The project is watched (when it is also enabled). Default true.
    pub enabled: bool,
    /// Quiet time after the last change before a build starts. Default 300 ms, 10 ms to 60 s.
    pub debounce: Duration,
    /// A passing tree uncommitted this long gets a commit suggestion. Default 30 minutes.
    pub suggest_commit_after: Duration,
    /// A passing tree this many lines (added plus removed) away from HEAD gets one at once. Default 200.
    pub suggest_commit_after_lines: u64,
}

impl Default for WatchConfig {
    fn default() -> Self {
        WatchConfig {
            enabled: true,
            debounce: DEFAULT_DEBOUNCE,
            suggest_commit_after: DEFAULT_SUGGEST_AFTER,
            suggest_commit_after_lines: DEFAULT_SUGGEST_AFTER_LINES,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
struct File {
    #[serde(default)]
    watch: Option<WatchTable>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct WatchTable {
    enabled: Option<bool>,
    // Any TOML value: one of the wrong type (`-5`, `"300"`, `5.0`) is refused with the key's range too.
    debounce_ms: Option<toml::Value>,
    suggest_commit_after_s: Option<toml::Value>,
    suggest_commit_after_lines: Option<toml::Value>,
}

/// The whole number `value_opt` holds, `default` when unset; `what` (the key and its range) otherwise.
fn whole(
    value_opt: Option<toml::Value>,
    default: u64,
    range: std::ops::RangeInclusive<u64>,
    what: &str,
) -> Result<u64, String> {
    let Some(value) = value_opt else {
        return Ok(default);
    };
    match value
        .as_integer()
        .and_then(|number| u64::try_from(number).ok())
    {
        Some(number) if range.contains(&number) => Ok(number),
        _ => Err(format!("{what} (it is {value})")),
    }
}

impl WatchConfig {
    /// The project's `[watch]` table, the defaults when it has none (or no `.shim.toml`); what is wrong
    /// with it, naming the file, otherwise.
    pub fn load(project: &Path) -> Result<WatchConfig, String> {
        let path = project.join(CONFIG_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => Self::parse(&text).map_err(|error| format!("{}: {error}", path.display())),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                Ok(WatchConfig::default())
            }
            Err(error) => Err(format!("cannot read {}: {error}", path.display())),
        }
    }

    /// The `[watch]` table of a `.shim.toml`'s text; what is wrong with it otherwise (the key and what it
    /// may be).
    pub fn parse(text: &str) -> Result<WatchConfig, String> {
        let file: File = toml::from_str(text).map_err(|error| error.to_string())?;
        let table = file.watch.unwrap_or_default();
        let defaults = WatchConfig::default();
        let debounce_ms = whole(
            table.debounce_ms,
            u64::try_from(defaults.debounce.as_millis()).unwrap_or(300),
            10..=60_000,
            "watch.debounce_ms must be 10 to 60000 milliseconds",
        )?;
        let after_s = whole(
            table.suggest_commit_after_s,
            defaults.suggest_commit_after.as_secs(),
            1..=30 * 86_400,
            "watch.suggest_commit_after_s must be 1 to 2592000 seconds",
        )?;
        let after_lines = whole(
            table.suggest_commit_after_lines,
            defaults.suggest_commit_after_lines,
            1..=i64::MAX as u64,
            "watch.suggest_commit_after_lines must be a whole number of at least 1",
        )?;
        Ok(WatchConfig {
            enabled: table.enabled.unwrap_or(defaults.enabled),
            debounce: Duration::from_millis(debounce_ms),
            suggest_commit_after: Duration::from_secs(after_s),
            suggest_commit_after_lines: after_lines,
        })
    }
}

/// What keeps a project whose `[watch]` table is wrong (`reason`, from [`WatchConfig::load`]) from being
/// watched, said to the user.
pub fn not_watched(reason: &str) -> String {
    format!("{reason}; the project is not watched until this is fixed")
}

/// Starts the monitor as the node's background task `workflow monitor`.
pub fn start(data_dir: &DataDir, emitter: EventEmitter, supervision: &Supervision) {
    let workflows = Workflows::new(data_dir);
    supervision.spawn("workflow monitor", move || {
        let monitor = Monitor::new(workflows.clone(), emitter.clone());
        async move {
            monitor.run().await;
            Ended::Broke("the workflow monitor stopped".to_owned())
        }
    });
}

/// A project's watcher, stopped (its build's process group killed) when this is dropped.
#[derive(Debug)]
struct Watching {
    handle: JoinHandle<project::Ended>,
}

impl Drop for Watching {
    fn drop(&mut self) {
        self.handle.abort();
    }
}

/// Which projects are watched, and their watchers.
#[derive(Debug)]
struct Monitor {
    workflows: Workflows,
    emitter: EventEmitter,
    /// One build at a time on this machine, whatever the number of projects.
    builds: Arc<Semaphore>,
    watching: HashMap<PathBuf, Watching>,
    /// Projects whose watcher ended, and when: tried again after [`RETRY_AFTER`].
    failed: HashMap<PathBuf, Instant>,
    /// Projects already warned about (a bad `[watch]` table, no check command), not to warn every poll.
    warned: HashMap<PathBuf, String>,
}

impl Monitor {
    fn new(workflows: Workflows, emitter: EventEmitter) -> Self {
        Monitor {
            workflows,
            emitter,
            builds: Arc::new(Semaphore::new(1)),
            watching: HashMap::new(),
            failed: HashMap::new(),
            warned: HashMap::new(),
        }
    }

    async fn run(mut self) {
        // No project is watched yet: what a node before this one wrote is stale.
        self.workflows.state().clear_all_watch_status();
        let mut poll = tokio::time::interval(POLL);
        poll.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            poll.tick().await;
            self.poll().await;
        }
    }

    /// Starts watchers for projects newly wanted, stops those no longer wanted.
    async fn poll(&mut self) {
        let enabled = match self.workflows.state().enabled() {
            Ok(enabled) => enabled,
            Err(error) => {
                self.warn_once(Path::new(""), &error.to_string());
                return;
            }
        };
        let mut wanted = Vec::new();
        let mut unwanted: HashMap<PathBuf, String> = HashMap::new();
        for project in enabled {
            match self.wanted(&project) {
                Ok(true) => wanted.push(project),
                Ok(false) => {
                    unwanted.insert(project, "watch.enabled is false in .shim.toml".to_owned());
                }
                Err(reason) => {
                    self.warn_once(&project, &reason);
                    unwanted.insert(project, reason);
                }
            }
        }
        let stopped: Vec<PathBuf> = self
            .watching
            .keys()
            .filter(|project| !wanted.contains(project))
            .cloned()
            .collect();
        for project in stopped {
            let mut said = false;
            if let Some(mut watching) = self.watching.remove(&project) {
                // Ended before its build state is cleared, so it cannot write it again afterwards.
                watching.handle.abort();
                // A watch that ended by itself (its `[watch]` table went wrong, say) said why already.
                said = (&mut watching.handle).await.is_ok();
            }
            self.workflows.state().clear_watch_status(&project);
            let reason = unwanted
                .remove(&project)
                .unwrap_or_else(|| "disabled".to_owned());
            info!(project = %project.display(), %reason, "no longer watching the project");
            if said {
                continue;
            }
            self.emitter.emit(
                EVENT_COMPONENT,
                "watch_stopped",
                None,
                json!({"project": project.display().to_string(), "reason": reason}),
            );
        }
        let ended: Vec<PathBuf> = self
            .watching
            .iter()
            .filter(|(_, watching)| watching.handle.is_finished())
            .map(|(project, _)| project.clone())
            .collect();
        for project in ended {
            // Its task said why (`watch_stopped`).
            let Some(mut watching) = self.watching.remove(&project) else {
                continue;
            };
            let ended = (&mut watching.handle).await;
            self.workflows.state().clear_watch_status(&project);
            // A watcher that failed is tried again after a while; one stopped by a `[watch]` table since
            // fixed (it was read as wanted above) is watched again at once.
            if !matches!(ended, Ok(project::Ended::Config)) {
                self.failed.insert(project, Instant::now());
            }
        }
        self.failed
            .retain(|_, failed_at| failed_at.elapsed() < RETRY_AFTER);
        for project in wanted {
            if self.watching.contains_key(&project) || self.failed.contains_key(&project) {
                continue;
            }
            self.warned.remove(&project);
            let watch = project::ProjectWatch {
                project: project.clone(),
                workflows: self.workflows.clone(),
                emitter: self.emitter.clone(),
                builds: self.builds.clone(),
            };
            let handle = tokio::spawn(project::run(Arc::new(watch)));
            self.watching.insert(project, Watching { handle });
        }
    }

    /// Whether enabled `project` is to be watched: it is a directory, its `[watch]` table does not opt out,
    /// and it has a check command.
    fn wanted(&self, project: &Path) -> Result<bool, String> {
        if !project.is_dir() {
            return Err(format!(
                "{} is enabled but is not a directory: not watched",
                project.display()
            ));
        }
        let config = WatchConfig::load(project).map_err(|reason| not_watched(&reason))?;
        if !config.enabled {
            return Ok(false);
        }
        let verify = super::VerifyConfig::load(project).map_err(|error| error.to_string())?;
        if !verify.steps.iter().any(|step| step.name == "check") {
            return Err(format!(
                "{} has no check command: background builds need one (a `check` in the [verify] table of \
                 its {CONFIG_FILE}, or a Cargo, Go or TypeScript project)",
                project.display()
            ));
        }
        Ok(true)
    }

    fn warn_once(&mut self, project: &Path, reason: &str) {
        if self.warned.get(project).map(String::as_str) == Some(reason) {
            return;
        }
        warn!(project = %project.display(), reason, "a project is not watched");
        self.warned.insert(project.to_owned(), reason.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_watch_table_has_defaults_limits_and_no_unknown_keys() {
        assert_eq!(
            WatchConfig::parse("").expect("empty"),
            WatchConfig::default()
        );
        assert_eq!(
            WatchConfig::parse("[verify]\ncheck = [\"true\"]\n").expect("no [watch]"),
            WatchConfig::default()
        );
        let config = WatchConfig::parse(
            "[watch]\nenabled = false\ndebounce_ms = 50\nsuggest_commit_after_s = 60\nsuggest_commit_after_lines = 10\n",
        )
        .expect("parses");
        assert_eq!(
            config,
            WatchConfig {
                enabled: false,
                debounce: Duration::from_millis(50),
                suggest_commit_after: Duration::from_secs(60),
                suggest_commit_after_lines: 10,
            }
        );
        for bad in [
            "[watch]\ndebounce_ms = 0\n",
            "[watch]\ndebounce_ms = 600000\n",
            "[watch]\nsuggest_commit_after_s = 0\n",
            "[watch]\nsuggest_commit_after_lines = 0\n",
            "[watch]\ndebounce = 5\n",
            "[watch]\nenabled = \"yes\"\n",
        ] {
            assert!(WatchConfig::parse(bad).is_err(), "{bad}");
        }
        // A value of the wrong type is said with its key and range, as one out of range is.
        for (bad, says) in [
            ("debounce_ms = -5", "10 to 60000 milliseconds (it is -5)"),
            (
                "debounce_ms = \"300\"",
                "10 to 60000 milliseconds (it is \"300\")",
            ),
            ("debounce_ms = 5.0", "10 to 60000 milliseconds (it is 5.0)"),
            (
                "suggest_commit_after_s = -1",
                "1 to 2592000 seconds (it is -1)",
            ),
            ("suggest_commit_after_lines = 1.5", "at least 1 (it is 1.5)"),
        ] {
            let error = WatchConfig::parse(&format!("[watch]\n{bad}\n")).expect_err(bad);
            assert!(error.contains(says), "{bad}: {error}");
        }
    }

    #[test]
    fn a_wrong_table_is_said_with_its_file_its_key_and_what_it_may_be() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join(CONFIG_FILE);
        for (text, said) in [
            (
                "[watch]\ndebounce_ms = 5\n",
                "watch.debounce_ms must be 10 to 60000 milliseconds (it is 5)",
            ),
            (
                "[watch]\nsuggest_commit_after_s = 0\n",
                "watch.suggest_commit_after_s must be 1 to 2592000 seconds (it is 0)",
            ),
            ("[watch]\ndebounce = 5\n", "unknown field `debounce`"),
        ] {
            std::fs::write(&file, text).expect("write");
            let error = WatchConfig::load(dir.path()).expect_err(text);
            assert!(
                error.starts_with(&format!("{}: ", file.display())) && error.contains(said),
                "{error}"
            );
            let reason = not_watched(&error);
            assert!(
                reason.contains("not watched until this is fixed"),
                "{reason}"
            );
        }
    }
}
