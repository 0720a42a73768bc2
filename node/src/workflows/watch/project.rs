//! One watched project: its changes gathered until the project has been quiet for the debounce time (or at
//! most [`MAX_WAIT_DEBOUNCES`] debounce times after the first), then one build of its `check` command.
//! Never two builds of a project at once (nor two on the node: they share one permit); changes seen during
//! a build are gathered and build once more after it, however many. A batch whose git tree is the one last
//! built (a save that changed nothing, a file written back the same) builds nothing. A batch is its distinct
//! changed paths, less those created during it and gone at its end (temporary files: `sed -i`'s,
//! an editor's); a batch left with no path builds nothing.
//!
//! The project's `[watch]` table is read before anything is watched, again when it changes and before each
//! build: once it is wrong, the watch stops (`watch_stopped`, saying what to fix) before building anything.
//!
//! Events (`shim.events.workflow.<name>`, JSON): `watch_started`, `build_started`, `build_passed`,
//! `build_failed` (with the structured failures, at most [`MAX_FAILURES_IN_EVENT`]) and
//! `commit_suggested`; the build state goes to the data dir for the status line.

use std::{
    collections::{BTreeMap, HashSet},
    future::Future,
    hash::{DefaultHasher, Hash, Hasher},
    path::{Path, PathBuf},
    pin::Pin,
    sync::Arc,
    time::Duration,
};

use notify::EventKind;
use serde_json::json;
use shim_actors::EventEmitter;
use tokio::{sync::Semaphore, time::Instant};
use tracing::{debug, info, warn};

use super::{EVENT_COMPONENT, WatchConfig, files::Files, files::Seen};
use crate::workflows::{
    BuildState, Failure, VerifyConfig, WatchStatus, Workflows, config::CONFIG_FILE, git, runner,
    step_failures,
};

/// Changed paths kept for one build; past that only their number is kept (the event says so).
pub const MAX_PENDING_PATHS: usize = 256;
/// Changed paths listed in a `build_started` event.
pub const MAX_PATHS_IN_EVENT: usize = 20;
/// Failures listed in a `build_failed` event (all are counted).
pub const MAX_FAILURES_IN_EVENT: usize = 20;
/// A stream of changes that never goes quiet still builds this many debounce times after its first change.
pub const MAX_WAIT_DEBOUNCES: u32 = 10;
/// While a commit is suggested, HEAD is looked at this often to see whether it was made.
const HEAD_POLL: Duration = Duration::from_secs(5);
/// Events taken from the queue in one go before the loop looks at its timers again.
const BATCH: usize = 256;

/// What a project watcher needs.
#[derive(Debug)]
pub struct ProjectWatch {
    /// The project (canonical).
    pub project: PathBuf,
    /// The user's workflows (enabled list, state files).
    pub workflows: Workflows,
    /// Where events go.
    pub emitter: EventEmitter,
    /// The node's one build permit.
    pub builds: Arc<Semaphore>,
}

/// Changed paths counted for one build at most; past that `changes_total` stops growing (and
/// `changes_overflowed` says more changed).
pub const MAX_COUNTED_PATHS: usize = 100_000;

/// How a path came into a batch of changes: its first event in the batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// It was created: it did not exist when the batch began.
    Created,
    /// Anything else: written, removed, renamed (to or away), its metadata changed. A path renamed to may
    /// have been there before (`sed -i` renames its temporary file over its target).
    Other,
}

impl Arrival {
    /// What an event of `kind` says of how its path came into the batch, when it is the path's first.
    pub fn of(kind: &EventKind) -> Arrival {
        match kind {
            EventKind::Create(_) => Arrival::Created,
            _ => Arrival::Other,
        }
    }
}

/// The changes waiting for a build.
#[derive(Debug, Default)]
struct Changes {
    /// The changed paths kept (at most [`MAX_PENDING_PATHS`]), each with how it came into the batch.
    paths: BTreeMap<String, Arrival>,
    /// Further distinct changed paths, by a hash of each (at most [`MAX_COUNTED_PATHS`] in all): counted,
    /// not listed.
    more: HashSet<u64>,
    /// Paths were dropped (past [`MAX_PENDING_PATHS`], or events were lost).
    overflowed: bool,
    /// Events were lost (the queue or the kernel's overflowed): the tree is looked at again.
    lost: bool,
    first_at_opt: Option<Instant>,
    last_at_opt: Option<Instant>,
    /// The first build after the watch began.
    start: bool,
}

impl Changes {
    /// One event's `path` changed; a path seen again in the batch is still one change.
    fn add(&mut self, path: String, arrival: Arrival, now: Instant) {
        self.touch(now);
        if self.paths.contains_key(&path) {
            return;
        }
        if self.paths.len() < MAX_PENDING_PATHS {
            self.paths.insert(path, arrival);
            return;
        }
        self.overflowed = true;
        if self.paths.len() + self.more.len() < MAX_COUNTED_PATHS {
            let mut hasher = DefaultHasher::new();
            path.hash(&mut hasher);
            self.more.insert(hasher.finish());
        }
    }

    /// Distinct paths changed.
    fn total(&self) -> usize {
        self.paths.len() + self.more.len()
    }

    /// Drops the transient paths, at the end of the debounce window: those created during the batch and gone
    /// again (an editor's or `sed -i`'s temporary file, renamed over its target or removed). A path that was
    /// there before and is gone now was deleted: that is a change, and stays.
    fn drop_transient(&mut self, root: &Path) {
        self.paths.retain(|path, arrival| {
            *arrival != Arrival::Created || root.join(path).symlink_metadata().is_ok()
        });
    }

    /// Nothing is left to build for: every change was transient.
    fn is_empty(&self) -> bool {
        !self.start && !self.lost && !self.overflowed && self.paths.is_empty()
    }

    /// Something changed, unknown where.
    fn overflow(&mut self, now: Instant) {
        self.overflowed = true;
        self.lost = true;
        self.touch(now);
    }

    fn touch(&mut self, now: Instant) {
        self.first_at_opt.get_or_insert(now);
        self.last_at_opt = Some(now);
    }

    /// When these changes are due to build.
    fn due(&self, debounce: Duration) -> Option<Instant> {
        let first = self.first_at_opt?;
        let last = self.last_at_opt.unwrap_or(first);
        Some((last + debounce).min(first + debounce * MAX_WAIT_DEBOUNCES))
    }
}

/// How a build went.
#[derive(Debug)]
enum Outcome {
    /// The tree is the one last built: nothing ran.
    Unchanged,
    /// Nothing ran: the project was disabled, or its config has no check command.
    NotRun(String),
    /// The check ran.
    Ran {
        failures: Vec<Failure>,
        duration: Duration,
        command: Vec<String>,
    },
}

#[derive(Debug)]
struct Built {
    tree_opt: Option<String>,
    outcome: Outcome,
}

type Building = Pin<Box<dyn Future<Output = Built> + Send>>;

/// Uncommitted verified work, and whether a commit was suggested for it.
#[derive(Debug, Clone)]
struct Uncommitted {
    /// HEAD's tree when the work began to pile up (None before the first commit).
    head_opt: Option<String>,
    /// Since when passing trees have differed from that HEAD.
    since: Instant,
    /// The last passing tree.
    tree: String,
    /// Lines it changes against HEAD, when known.
    lines_opt: Option<u64>,
    /// A suggestion was published for `tree`.
    suggested: bool,
    /// When to look again.
    next_check: Instant,
}

/// Why a commit is suggested, if it is: the lines changed reached the threshold, or the time did.
fn suggestion_due(
    since: Instant,
    now: Instant,
    lines_opt: Option<u64>,
    config: &WatchConfig,
) -> Option<&'static str> {
    if lines_opt.is_some_and(|lines| lines >= config.suggest_commit_after_lines) {
        Some("lines")
    } else if now.duration_since(since) >= config.suggest_commit_after {
        Some("time")
    } else {
        None
    }
}

async fn until(at_opt: Option<Instant>) {
    match at_opt {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}

/// Why a project's watch ended by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// Its `[watch]` table is wrong: watched again once it is fixed.
    Config,
    /// The watcher failed: tried again after a while.
    Failed,
}

/// Why [`ProjectWatch::watch`] stopped, said to the user.
#[derive(Debug)]
enum Stop {
    Config(String),
    Failed(String),
}

/// Watches the project until the task is aborted (the monitor stops it, or the node stops), its `[watch]`
/// table goes wrong, or the watcher fails; says why in a `watch_stopped` event.
pub async fn run(watch: Arc<ProjectWatch>) -> Ended {
    let (ended, reason) = match watch.clone().watch().await {
        Ok(never) => match never {},
        Err(Stop::Config(reason)) => (Ended::Config, reason),
        Err(Stop::Failed(reason)) => (Ended::Failed, reason),
    };
    warn!(project = %watch.project.display(), %reason, "the project is no longer watched");
    watch.emitter.emit(
        EVENT_COMPONENT,
        "watch_stopped",
        None,
        json!({"project": watch.project.display().to_string(), "reason": reason}),
    );
    ended
}

/// The project's `[watch]` table, or why the project is not to be watched.
fn load_config(project: &Path) -> Result<WatchConfig, Stop> {
    WatchConfig::load(project).map_err(|reason| Stop::Config(super::not_watched(&reason)))
}

impl ProjectWatch {
    fn project_text(&self) -> String {
        self.project.display().to_string()
    }

    fn write_status(&self, status: &mut WatchStatus) {
        status.at_ms = shim_actors::now_ms();
        if let Err(error) = self.workflows.state().set_watch_status(status) {
            warn!(project = %self.project.display(), %error, "the build state cannot be written");
        }
    }

    /// Watches until something stops it: it never returns otherwise.
    async fn watch(self: Arc<Self>) -> Result<std::convert::Infallible, Stop> {
        // Read before anything is watched or built: a wrong table builds nothing.
        let mut config = load_config(&self.project)?;
        let root = self.project.clone();
        let (mut files, mut events) = tokio::task::spawn_blocking(move || Files::open(&root))
            .await
            .map_err(|error| Stop::Failed(format!("the file watcher did not start: {error}")))?
            .map_err(Stop::Failed)?;
        info!(project = %self.project.display(), directories = files.watched(), "watching the project");
        self.emitter.emit(
            EVENT_COMPONENT,
            "watch_started",
            None,
            json!({"project": self.project_text(), "directories": files.watched()}),
        );
        let mut status = WatchStatus {
            project: self.project.clone(),
            build: BuildState::Running,
            errors: 0,
            builds: 0,
            tree: None,
            commit_suggested: false,
            at_ms: 0,
        };
        self.write_status(&mut status);
        let mut pending = Changes {
            start: true,
            ..Changes::default()
        };
        pending.touch(Instant::now());
        let mut building_opt: Option<Building> = None;
        let mut before_build_opt: Option<WatchStatus> = None;
        let mut last_tree_opt: Option<String> = None;
        let mut uncommitted_opt: Option<Uncommitted> = None;
        loop {
            let due_opt = match building_opt {
                None => pending.due(config.debounce),
                Some(_) => None,
            };
            let check_opt = uncommitted_opt
                .as_ref()
                .filter(|_| {
                    building_opt.is_none()
                        && pending.first_at_opt.is_none()
                        && status.build == BuildState::Passed
                })
                .map(|uncommitted| uncommitted.next_check);
            tokio::select! {
                received = events.recv() => {
                    let Some(event) = received else {
                        return Err(Stop::Failed("the file watcher stopped".to_owned()));
                    };
                    let mut batch = vec![event];
                    while batch.len() < BATCH {
                        match events.try_recv() {
                            Ok(event) => batch.push(event),
                            Err(_) => break,
                        }
                    }
                    let now = Instant::now();
                    for event in batch {
                        if event.need_rescan() {
                            pending.overflow(now);
                        }
                        for path in &event.paths {
                            if let Seen::Changed(relative) = files.see(&event.kind, path) {
                                if relative == CONFIG_FILE {
                                    // A table gone wrong stops the watch now, before it builds anything
                                    // (a build under way is stopped too).
                                    config = load_config(&self.project)?;
                                }
                                pending.add(relative, Arrival::of(&event.kind), now);
                            }
                        }
                    }
                    if files.take_overflow() {
                        pending.overflow(now);
                    }
                }
                () = until(due_opt) => {
                    let mut changes = std::mem::take(&mut pending);
                    if changes.lost {
                        // Events were lost: directories made meanwhile may not be watched yet.
                        files.rescan();
                    }
                    // Read again: a change to it may not have been seen (events lost, say).
                    config = load_config(&self.project)?;
                    changes.drop_transient(&self.project);
                    if changes.is_empty() {
                        debug!(project = %self.project.display(), "only temporary files came and went: no build");
                        continue;
                    }
                    before_build_opt = Some(status.clone());
                    status.build = BuildState::Running;
                    self.write_status(&mut status);
                    building_opt = Some(Box::pin(self.clone().build(changes, last_tree_opt.clone())));
                }
                built = async { building_opt.as_mut().expect("polled only while building").await }, if building_opt.is_some() => {
                    building_opt = None;
                    let before = before_build_opt.take().unwrap_or_else(|| status.clone());
                    self.finish(built, before, &mut status, &mut last_tree_opt, &mut uncommitted_opt).await;
                }
                () = until(check_opt) => {
                    self.check_commit(&mut uncommitted_opt, &mut status, &config).await;
                }
            }
        }
    }

    /// Runs the check once the node's build permit is free; the permit is held until it ends.
    async fn build(self: Arc<Self>, changes: Changes, last_tree_opt: Option<String>) -> Built {
        let _permit = match self.builds.clone().acquire_owned().await {
            Ok(permit) => permit,
            Err(_) => {
                return Built {
                    tree_opt: None,
                    outcome: Outcome::NotRun("the node is stopping".to_owned()),
                };
            }
        };
        let not_run = |reason: String| Built {
            tree_opt: None,
            outcome: Outcome::NotRun(reason),
        };
        // Checked again here, not only by the monitor's poll: nothing runs once the project is disabled.
        if let Err(error) = self.workflows.ensure_enabled(&self.project) {
            return not_run(error.to_string());
        }
        let config = match VerifyConfig::load(&self.project) {
            Ok(config) => config,
            Err(error) => return not_run(error.to_string()),
        };
        let Some(step) = config.steps.iter().find(|step| step.name == "check") else {
            return not_run("the project has no check command".to_owned());
        };
        let in_git = git::top_level(&self.project).await.is_ok();
        let tree_before_opt = match in_git {
            true => git::tree_id(&self.project).await.ok(),
            false => None,
        };
        if !changes.start && tree_before_opt.is_some() && tree_before_opt == last_tree_opt {
            debug!(project = %self.project.display(), "changes left the tree as built: no build");
            return Built {
                tree_opt: tree_before_opt,
                outcome: Outcome::Unchanged,
            };
        }
        let listed: Vec<&String> = changes.paths.keys().take(MAX_PATHS_IN_EVENT).collect();
        self.emitter.emit(
            EVENT_COMPONENT,
            "build_started",
            None,
            json!({
                "project": self.project_text(),
                "trigger": if changes.start { "start" } else { "change" },
                "changes": listed,
                "changes_total": changes.total(),
                "changes_overflowed": changes.overflowed,
                "command": step.command,
            }),
        );
        let ran = runner::run(step, &self.project).await;
        let failures = step_failures(step, &ran, &self.project);
        let tree_after_opt = match in_git {
            true => git::tree_id(&self.project).await.ok(),
            false => None,
        };
        Built {
            // A tree that changed while the check ran was not the one it saw.
            tree_opt: tree_before_opt.filter(|before| Some(before) == tree_after_opt.as_ref()),
            outcome: Outcome::Ran {
                failures,
                duration: ran.duration,
                command: step.command.clone(),
            },
        }
    }

    async fn finish(
        &self,
        built: Built,
        before: WatchStatus,
        status: &mut WatchStatus,
        last_tree_opt: &mut Option<String>,
        uncommitted_opt: &mut Option<Uncommitted>,
    ) {
        let (failures, duration, command) = match built.outcome {
            Outcome::Unchanged => {
                *status = before;
                self.write_status(status);
                return;
            }
            Outcome::NotRun(reason) => {
                debug!(project = %self.project.display(), %reason, "no build");
                *status = before;
                self.write_status(status);
                return;
            }
            Outcome::Ran {
                failures,
                duration,
                command,
            } => (failures, duration, command),
        };
        status.builds += 1;
        status.errors = failures.len();
        status.tree = built.tree_opt.clone();
        *last_tree_opt = built.tree_opt.clone();
        let duration_ms = u64::try_from(duration.as_millis()).unwrap_or(u64::MAX);
        if failures.is_empty() {
            status.build = BuildState::Passed;
            self.emitter.emit(
                EVENT_COMPONENT,
                "build_passed",
                None,
                json!({
                    "project": self.project_text(),
                    "tree": built.tree_opt,
                    "duration_ms": duration_ms,
                    "command": command,
                    "builds": status.builds,
                }),
            );
            if let Some(tree) = &built.tree_opt {
                self.passed(tree, uncommitted_opt).await;
            }
        } else {
            status.build = BuildState::Failed;
            let listed: Vec<&Failure> = failures.iter().take(MAX_FAILURES_IN_EVENT).collect();
            self.emitter.emit(
                EVENT_COMPONENT,
                "build_failed",
                None,
                json!({
                    "project": self.project_text(),
                    "tree": built.tree_opt,
                    "duration_ms": duration_ms,
                    "command": command,
                    "builds": status.builds,
                    "errors": failures.len(),
                    "failures": listed,
                }),
            );
            // Work that does not build is not offered for a commit (`check_commit` waits for a pass); how
            // long it has been waiting is kept.
        }
        status.commit_suggested = status.build == BuildState::Passed
            && uncommitted_opt.as_ref().is_some_and(|uncommitted| {
                uncommitted.suggested && status.tree.as_ref() == Some(&uncommitted.tree)
            });
        self.write_status(status);
    }

    /// A passing `tree`: uncommitted work from now on (or since earlier, HEAD unchanged), due a suggestion
    /// at once when it is big enough.
    async fn passed(&self, tree: &str, uncommitted_opt: &mut Option<Uncommitted>) {
        let head_opt = git::head_tree(&self.project).await.ok().flatten();
        if head_opt.as_deref() == Some(tree) {
            *uncommitted_opt = None;
            return;
        }
        let now = Instant::now();
        let since = match uncommitted_opt.as_ref() {
            Some(earlier) if earlier.head_opt == head_opt => earlier.since,
            _ => now,
        };
        if let Some(earlier) = uncommitted_opt
            .as_ref()
            .filter(|earlier| earlier.tree == tree && earlier.head_opt == head_opt)
        {
            // The same tree passed again: its suggestion, if made, stands.
            let mut same = earlier.clone();
            same.next_check = now;
            *uncommitted_opt = Some(same);
            return;
        }
        let lines_opt = match &head_opt {
            Some(head) => git::changed_lines(&self.project, head, tree).await.ok(),
            None => None,
        };
        *uncommitted_opt = Some(Uncommitted {
            head_opt,
            since,
            tree: tree.to_owned(),
            lines_opt,
            suggested: false,
            next_check: now,
        });
    }

    /// Publishes the suggestion when it is due, or (once made) clears it when HEAD got the work.
    async fn check_commit(
        &self,
        uncommitted_opt: &mut Option<Uncommitted>,
        status: &mut WatchStatus,
        config: &WatchConfig,
    ) {
        let Some(uncommitted) = uncommitted_opt.as_mut() else {
            return;
        };
        let now = Instant::now();
        let head_opt = git::head_tree(&self.project).await.ok().flatten();
        if head_opt != uncommitted.head_opt
            || head_opt.as_deref() == Some(uncommitted.tree.as_str())
        {
            // Committed (or HEAD moved): the work starts over from the new HEAD at the next passing build.
            *uncommitted_opt = None;
            if status.commit_suggested {
                status.commit_suggested = false;
                self.write_status(status);
            }
            return;
        }
        if uncommitted.suggested {
            // Until HEAD has the work.
            uncommitted.next_check = now + HEAD_POLL;
            return;
        }
        match suggestion_due(uncommitted.since, now, uncommitted.lines_opt, config) {
            None => {
                // HEAD is looked at again only then: a commit made meanwhile is seen at that time.
                uncommitted.next_check = uncommitted.since + config.suggest_commit_after;
            }
            Some(reason) => {
                uncommitted.suggested = true;
                uncommitted.next_check = now + HEAD_POLL;
                let uncommitted_s = now.duration_since(uncommitted.since).as_secs();
                info!(project = %self.project.display(), reason, uncommitted_s, "suggesting a commit");
                self.emitter.emit(
                    EVENT_COMPONENT,
                    "commit_suggested",
                    None,
                    json!({
                        "project": self.project_text(),
                        "tree": uncommitted.tree,
                        "reason": reason,
                        "uncommitted_s": uncommitted_s,
                        "lines": uncommitted.lines_opt,
                        "hint": "the changes build and are not committed: verify and commit them (shim_verify then shim_commit, or `shim-node verify && shim-node commit -m MESSAGE`)",
                    }),
                );
                status.commit_suggested = true;
                self.write_status(status);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use notify::event::{ModifyKind, RenameMode};

    use super::*;

    #[test]
    fn changes_are_due_after_a_quiet_time_and_never_later_than_the_cap() {
        let debounce = Duration::from_millis(100);
        let start = Instant::now();
        let mut changes = Changes::default();
        assert_eq!(changes.due(debounce), None);
        changes.add("a".to_owned(), Arrival::Other, start);
        assert_eq!(changes.due(debounce), Some(start + debounce));
        changes.add(
            "b".to_owned(),
            Arrival::Other,
            start + Duration::from_millis(50),
        );
        assert_eq!(
            changes.due(debounce),
            Some(start + Duration::from_millis(150))
        );
        // A stream that never goes quiet.
        changes.add(
            "c".to_owned(),
            Arrival::Other,
            start + Duration::from_secs(5),
        );
        assert_eq!(
            changes.due(debounce),
            Some(start + debounce * MAX_WAIT_DEBOUNCES)
        );
    }

    #[test]
    fn a_flood_of_changes_keeps_a_bounded_set_and_counts_each_path_once() {
        let now = Instant::now();
        let mut changes = Changes::default();
        for _ in 0..3 {
            for index in 0..10_000 {
                changes.add(format!("src/file{index}.rs"), Arrival::Other, now);
            }
        }
        assert_eq!(changes.paths.len(), MAX_PENDING_PATHS);
        assert_eq!(
            changes.total(),
            10_000,
            "each path once, however often written"
        );
        assert!(changes.overflowed);
        // Nothing was lost: the tree need not be walked again.
        assert!(!changes.lost);
        changes.overflow(now);
        assert!(changes.lost);
        // Counting stops at its cap.
        for index in 0..(MAX_COUNTED_PATHS + 10) {
            changes.add(format!("gen/{index}"), Arrival::Other, now);
        }
        assert_eq!(changes.total(), MAX_COUNTED_PATHS);
    }

    #[test]
    fn a_path_written_many_times_is_one_change() {
        let now = Instant::now();
        let mut changes = Changes::default();
        let kinds = [
            EventKind::Create(notify::event::CreateKind::File),
            EventKind::Modify(ModifyKind::Data(notify::event::DataChange::Any)),
            EventKind::Modify(ModifyKind::Metadata(notify::event::MetadataKind::Any)),
            EventKind::Modify(ModifyKind::Data(notify::event::DataChange::Any)),
        ];
        for kind in &kinds {
            changes.add("src.txt".to_owned(), Arrival::of(kind), now);
        }
        assert_eq!(changes.total(), 1);
        assert_eq!(
            changes.paths.keys().collect::<Vec<_>>(),
            vec!["src.txt"],
            "the first event decides how it came"
        );
        assert_eq!(changes.paths["src.txt"], Arrival::Created);
    }

    #[test]
    fn files_that_came_and_went_are_no_change_and_a_deletion_is_one() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        std::fs::write(root.join("kept.txt"), "a").expect("write");
        std::fs::write(root.join("new.txt"), "a").expect("write");
        let now = Instant::now();
        let mut changes = Changes::default();
        let create = EventKind::Create(notify::event::CreateKind::File);
        let write = EventKind::Modify(ModifyKind::Data(notify::event::DataChange::Any));
        let remove = EventKind::Remove(notify::event::RemoveKind::File);
        let both = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
        // `sed -i`: a temporary file made, written and renamed over its target.
        changes.add("sedAbC123".to_owned(), Arrival::of(&create), now);
        changes.add("sedAbC123".to_owned(), Arrival::of(&write), now);
        changes.add("sedAbC123".to_owned(), Arrival::of(&both), now);
        changes.add("kept.txt".to_owned(), Arrival::of(&both), now);
        // A file made and removed.
        changes.add("scratch.tmp".to_owned(), Arrival::of(&create), now);
        changes.add("scratch.tmp".to_owned(), Arrival::of(&remove), now);
        // A new file that stays, a file that was there and is deleted, one renamed over and then deleted
        // (it may have been there before).
        changes.add("new.txt".to_owned(), Arrival::of(&create), now);
        changes.add("gone.txt".to_owned(), Arrival::of(&remove), now);
        changes.add("over.txt".to_owned(), Arrival::of(&both), now);
        changes.add("over.txt".to_owned(), Arrival::of(&remove), now);
        assert_eq!(changes.total(), 6);
        changes.drop_transient(root);
        assert_eq!(
            changes.paths.keys().collect::<Vec<_>>(),
            vec!["gone.txt", "kept.txt", "new.txt", "over.txt"]
        );
        assert_eq!(changes.total(), 4);
        assert!(!changes.is_empty());

        let mut transient_only = Changes::default();
        transient_only.add("sedXyZ789".to_owned(), Arrival::of(&create), now);
        transient_only.add("sedXyZ789".to_owned(), Arrival::of(&remove), now);
        transient_only.drop_transient(root);
        assert!(transient_only.is_empty(), "nothing to build");
    }

    /// Feeds the watcher's events for `root` into a batch until `done` says the last expected one came.
    async fn gather(
        files: &mut Files,
        events: &mut tokio::sync::mpsc::Receiver<notify::Event>,
        changes: &mut Changes,
        done: impl Fn(&notify::Event) -> bool,
    ) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let event = tokio::time::timeout_at(deadline, events.recv())
                .await
                .expect("the events in time")
                .expect("open");
            for path in &event.paths {
                if let Seen::Changed(relative) = files.see(&event.kind, path) {
                    changes.add(relative, Arrival::of(&event.kind), Instant::now());
                }
            }
            if done(&event) {
                return;
            }
        }
    }

    #[tokio::test]
    async fn sed_in_place_is_one_change_to_its_file() {
        if std::process::Command::new("sed")
            .arg("--version")
            .output()
            .is_err()
        {
            eprintln!("no sed: skipped");
            return;
        }
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().canonicalize().expect("canonical");
        let target = root.join("src.txt");
        std::fs::write(&target, "a\n").expect("write");
        let (mut files, mut events) = Files::open(&root).expect("opens");
        let sed = std::process::Command::new("sed")
            .args(["-i", "s/a/b/"])
            .arg(&target)
            .output()
            .expect("sed runs");
        assert!(sed.status.success(), "{sed:?}");
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "b\n");
        let mut changes = Changes::default();
        // sed's temporary file is renamed over the target: that rename is its last event.
        gather(&mut files, &mut events, &mut changes, |event| {
            matches!(
                event.kind,
                EventKind::Modify(ModifyKind::Name(RenameMode::Both))
            ) && event.paths.last() == Some(&target)
        })
        .await;
        let seen: Vec<String> = changes.paths.keys().cloned().collect();
        assert!(
            seen.len() >= 2,
            "sed's temporary file was seen too: {seen:?}"
        );
        changes.drop_transient(&root);
        assert_eq!(
            changes.paths.keys().collect::<Vec<_>>(),
            vec!["src.txt"],
            "seen: {seen:?}"
        );
        assert_eq!(changes.total(), 1);
    }

    #[tokio::test]
    async fn a_temporary_file_made_and_removed_is_no_change_and_a_deletion_is_one() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().canonicalize().expect("canonical");
        std::fs::write(root.join("tracked.rs"), "x").expect("write");
        let (mut files, mut events) = Files::open(&root).expect("opens");
        let scratch = root.join("tool.tmp.123");
        std::fs::write(&scratch, "scratch").expect("write");
        std::fs::remove_file(&scratch).expect("remove");
        let mut changes = Changes::default();
        gather(&mut files, &mut events, &mut changes, |event| {
            matches!(event.kind, EventKind::Remove(_)) && event.paths.contains(&scratch)
        })
        .await;
        assert_eq!(
            changes.paths.keys().collect::<Vec<_>>(),
            vec!["tool.tmp.123"]
        );
        changes.drop_transient(&root);
        assert!(changes.is_empty(), "{changes:?}");

        let tracked = root.join("tracked.rs");
        std::fs::remove_file(&tracked).expect("remove");
        gather(&mut files, &mut events, &mut changes, |event| {
            matches!(event.kind, EventKind::Remove(_)) && event.paths.contains(&tracked)
        })
        .await;
        changes.drop_transient(&root);
        assert_eq!(changes.paths.keys().collect::<Vec<_>>(), vec!["tracked.rs"]);
    }

    #[test]
    fn a_commit_is_suggested_past_the_time_or_the_lines() {
        let config = WatchConfig {
            suggest_commit_after: Duration::from_secs(60),
            suggest_commit_after_lines: 100,
            ..WatchConfig::default()
        };
        let since = Instant::now();
        assert_eq!(suggestion_due(since, since, Some(10), &config), None);
        assert_eq!(suggestion_due(since, since, None, &config), None);
        assert_eq!(
            suggestion_due(since, since, Some(100), &config),
            Some("lines")
        );
        assert_eq!(
            suggestion_due(since, since + Duration::from_secs(60), Some(1), &config),
            Some("time")
        );
    }
}
