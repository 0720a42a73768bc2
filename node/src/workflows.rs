//! Workflow A, verify and commit (docs/workflows.md): run a project's verify commands, report structured
//! failures, and commit the working tree only when a verify of that exact tree passed.
//!
//! - [`config`]: the `[verify]` commands of `.shim.toml`, or the defaults detected for Cargo, npm, Python
//!   and Go projects.
//! - [`runner`]: one command, no shell, in the project directory, with a time limit (its process group
//!   stopped) and an output cap.
//! - [`child`]: a program (git, a verify command) in a process group of its own: its output read capped in
//!   the background, the group asked to stop and then killed past a deadline or when its caller gives up.
//! - [`parse`]: the tools' output into [`Failure`]s.
//! - [`git`]: the tree id of the working tree, and the commit of exactly that tree.
//! - [`state`]: the enabled projects, each project's last verify and each watched project's build state,
//!   in the data dir.
//! - [`watch`]: Workflow B, background monitoring: in `shim-node run`, a file watcher per enabled project
//!   that builds on change, publishes `workflow.build_*` events and suggests commits.
//!
//! The engine of Workflow A runs where it is called: in `shim-node verify` / `shim-node commit`, and in
//! `shim-node mcp` for `shim_verify` / `shim_commit`, on the user's machine, as the user. Workflow B runs in
//! the node.

pub mod child;
pub mod config;
pub mod git;
pub mod parse;
pub mod runner;
pub mod state;
pub mod watch;

use std::path::{Component, Path, PathBuf};

use serde::Serialize;

pub use config::VerifyConfig;
pub use parse::Failure;
pub use state::{BuildState, LastVerify, WatchStatus, WorkflowState};

use crate::data_dir::DataDir;

/// Lines of a command's output kept in the failure of a command that failed without saying where.
const TAIL_LINES: usize = 20;

/// Why a workflow refused or could not run.
#[derive(Debug, thiserror::Error)]
pub enum WorkflowError {
    /// The user has not enabled workflows for the project.
    #[error(
        "workflows are not enabled for {0}: nothing runs in a project until you enable it, with \
         `shim-node workflows enable {0}`"
    )]
    NotEnabled(String),
    /// A path given is outside the project.
    #[error("{0} is outside the project {1}: only paths inside it can be verified")]
    PathOutside(String, String),
    /// The project directory cannot be used.
    #[error("{0}")]
    Project(String),
    /// The verify commands cannot be read.
    #[error("{0}")]
    Config(String),
    /// git failed.
    #[error("{0}")]
    Git(String),
    /// git did not finish in time and was stopped.
    #[error("{0}")]
    GitTimedOut(String),
    /// The data dir's workflow files cannot be read or written.
    #[error("{0}")]
    State(String),
    /// A commit with no verify before it.
    #[error("no verify has run on this project: run verify, then commit")]
    NotVerified,
    /// A commit after a failed verify.
    #[error("the last verify failed ({}), nothing committed: {}", failure_count(.0.len()), describe(.0, 1024))]
    VerifyFailed(Vec<Failure>),
    /// A commit of a tree that is not the one verified.
    #[error(
        "the tree changed since the last passing verify, nothing committed: run verify again, then commit"
    )]
    TreeChanged,
    /// The verified tree is already HEAD's.
    #[error("nothing to commit: the working tree is the same as HEAD")]
    NothingToCommit,
    /// The request cannot be used as given.
    #[error("{0}")]
    BadRequest(String),
}

/// Result of a workflow operation.
pub type WorkflowResult<T> = Result<T, WorkflowError>;

/// `failures`, one per line as `shim-node verify` prints them, in at most `budget` bytes: what does not fit is
/// cut and counted at the end (a task's error and a chat message have limits, and 100 failures of 2,000 bytes
/// each do not fit them).
fn describe(failures: &[Failure], budget: usize) -> String {
    // Room for "…" and "\n… and 100 failures more".
    const COUNT_ROOM: usize = 40;
    let mut text = String::new();
    for (shown, failure) in failures.iter().enumerate() {
        if shown > 0 {
            text.push('\n');
        }
        text.push_str(&failure.to_string());
        if text.len() + COUNT_ROOM > budget {
            let mut cut = budget.saturating_sub(COUNT_ROOM);
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(cut);
            text.push('…');
            let left = failures.len() - shown - 1;
            if left > 0 {
                text.push_str(&format!("\n… and {} more", failure_count(left)));
            }
            break;
        }
    }
    text
}

/// The first of `failures` as a JSON array of `{kind, file, line, column, message}` in at most `budget` bytes,
/// and how many did not fit (a task's error and a chat message have limits; 100 failures of 2,000 bytes each
/// do not fit them). One failure (at most about 2 KB) always fits a budget above that.
pub fn failures_json(failures: &[Failure], budget: usize) -> (String, usize) {
    let mut shown: Vec<String> = Vec::new();
    // "[" and "]", and a comma between two.
    let mut length = 2;
    for failure in failures {
        let Ok(json) = serde_json::to_string(failure) else {
            continue;
        };
        let added = json.len() + usize::from(!shown.is_empty());
        if length + added > budget {
            break;
        }
        length += added;
        shown.push(json);
    }
    let left = failures.len() - shown.len();
    (format!("[{}]", shown.join(",")), left)
}

/// One command of a verify, as it went.
#[derive(Debug, Clone, Serialize)]
pub struct StepReport {
    /// `check`, `test` or `format`.
    pub name: String,
    /// The program and arguments.
    pub command: Vec<String>,
    /// `passed`, `failed`, `timed_out`, or `skipped` (the test step after a failed check).
    pub outcome: String,
    /// Its exit code, when it exited.
    pub exit_code: Option<i32>,
    /// How long it ran, ms.
    pub duration_ms: u64,
    /// Output past the cap was dropped, or some was still coming when reading stopped: not all of it is here.
    pub truncated: bool,
}

/// The result of a verify.
#[derive(Debug, Clone, Serialize)]
pub struct VerifyReport {
    /// Every step passed.
    pub ok: bool,
    /// The failures (only those in `paths` when paths were given, and those with no file).
    pub failures: Vec<Failure>,
    /// Failures outside the `paths` asked about, not listed.
    pub failures_elsewhere: usize,
    /// The project.
    pub project: String,
    /// Where the commands came from: `.shim.toml`, or the detected project kind.
    pub source: String,
    /// The tree verified (None outside git, or when it changed during the verify).
    pub tree: Option<String>,
    /// The steps.
    pub steps: Vec<StepReport>,
    /// The chat's claimed task the verify counted for, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task_id: Option<String>,
    /// Failed verifies of that task in a row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task_failures: Option<u32>,
    /// The task reached the limit of failed verifies: it is to be failed and its supervisor told (what was
    /// done is the answer's `escalated`).
    #[serde(skip)]
    pub escalate: bool,
}

/// The result of a commit.
#[derive(Debug, Clone, Serialize)]
pub struct CommitReport {
    /// The new commit.
    pub commit: String,
    /// Its tree, the one verified.
    pub tree: String,
}

/// The workflows of one user: their data dir's state.
#[derive(Debug, Clone)]
pub struct Workflows {
    state: WorkflowState,
}

/// `dir` made canonical, or an error saying it is not a directory.
pub fn project_dir(dir: &Path) -> WorkflowResult<PathBuf> {
    let canonical = std::fs::canonicalize(dir).map_err(|error| {
        WorkflowError::Project(format!(
            "project directory {} cannot be used: {error}",
            dir.display()
        ))
    })?;
    if !canonical.is_dir() {
        return Err(WorkflowError::Project(format!(
            "project directory {} is not a directory",
            dir.display()
        )));
    }
    Ok(canonical)
}

/// `path` (relative to `project`, or absolute) as a path inside `project`, relative to it; refused when it
/// leaves the project, after following symbolic links of the part that exists.
pub fn inside(project: &Path, path: &str) -> WorkflowResult<PathBuf> {
    let outside = || WorkflowError::PathOutside(path.to_owned(), project.display().to_string());
    let joined = project.join(path);
    // The longest part that exists is made canonical; what is left must not climb.
    let mut existing = joined.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        let Some(name) = existing.file_name() else {
            return Err(outside());
        };
        rest.push(name.to_owned());
        existing = existing.parent().ok_or_else(outside)?;
    }
    let mut resolved = std::fs::canonicalize(existing).map_err(|_| outside())?;
    for name in rest.iter().rev() {
        match Path::new(name).components().next() {
            Some(Component::Normal(_)) => resolved.push(name),
            _ => return Err(outside()),
        }
    }
    resolved
        .strip_prefix(project)
        .map(Path::to_path_buf)
        .map_err(|_| outside())
}

impl Workflows {
    /// The workflows kept in `data_dir`.
    pub fn new(data_dir: &DataDir) -> Self {
        Workflows {
            state: WorkflowState::new(data_dir),
        }
    }

    /// The state files.
    pub fn state(&self) -> &WorkflowState {
        &self.state
    }

    /// Refuses a project the user has not enabled.
    pub fn ensure_enabled(&self, project: &Path) -> WorkflowResult<()> {
        match self.state.is_enabled(project)? {
            true => Ok(()),
            false => Err(WorkflowError::NotEnabled(project.display().to_string())),
        }
    }

    /// Runs the verify commands of `project` (canonical) and records the result; `paths` narrows the
    /// failures listed, not what runs. `task_id_opt` is the task the verify is for (failed verifies in a
    /// row are counted per task).
    pub async fn verify(
        &self,
        project: &Path,
        paths: &[String],
        task_id_opt: Option<&str>,
    ) -> WorkflowResult<VerifyReport> {
        self.ensure_enabled(project)?;
        let wanted: Vec<PathBuf> = paths
            .iter()
            .map(|path| inside(project, path))
            .collect::<WorkflowResult<_>>()?;
        let config = VerifyConfig::load(project)?;
        let in_git = git::top_level(project).await.is_ok();
        let tree_before = match in_git {
            true => Some(git::tree_id(project).await?),
            false => None,
        };
        let mut failures = Vec::new();
        let mut steps = Vec::new();
        let mut check_failed = false;
        for step in &config.steps {
            if step.name == "test" && check_failed {
                steps.push(StepReport {
                    name: step.name.to_owned(),
                    command: step.command.clone(),
                    outcome: "skipped".to_owned(),
                    exit_code: None,
                    duration_ms: 0,
                    truncated: false,
                });
                continue;
            }
            let ran = runner::run(step, project).await;
            let found = step_failures(step, &ran, project);
            let passed = found.is_empty();
            if step.name == "check" && !passed {
                check_failed = true;
            }
            steps.push(StepReport {
                name: step.name.to_owned(),
                command: step.command.clone(),
                outcome: match (ran.timed_out, passed) {
                    (true, _) => "timed_out",
                    (false, true) => "passed",
                    (false, false) => "failed",
                }
                .to_owned(),
                exit_code: ran.exit_code,
                duration_ms: u64::try_from(ran.duration.as_millis()).unwrap_or(u64::MAX),
                truncated: ran.truncated,
            });
            failures.extend(found);
        }
        let tree_after = match in_git {
            true => Some(git::tree_id(project).await?),
            false => None,
        };
        // A tree that changed while the commands ran was not the one they saw.
        let tree = tree_before.filter(|before| Some(before) == tree_after.as_ref());
        let ok = failures.is_empty();
        let last_opt = self.state.last_verify(project).ok().flatten();
        let task_failures = match (task_id_opt, ok) {
            (None, _) | (Some(_), true) => 0,
            (Some(task_id), false) => {
                let before = last_opt
                    .as_ref()
                    .filter(|last| last.task_id.as_deref() == Some(task_id))
                    .map_or(0, |last| last.task_failures);
                before + 1
            }
        };
        self.state.record(&LastVerify {
            project: project.to_owned(),
            tree: tree.clone().unwrap_or_default(),
            ok: ok && tree.is_some(),
            failures: failures.clone(),
            at_ms: shim_actors::now_ms(),
            task_id: task_id_opt.map(str::to_owned),
            task_failures,
        })?;
        let (listed, elsewhere): (Vec<Failure>, Vec<Failure>) = if wanted.is_empty() {
            (failures, Vec::new())
        } else {
            failures.into_iter().partition(|failure| {
                failure
                    .file
                    .as_ref()
                    .is_none_or(|file| wanted.iter().any(|path| Path::new(file).starts_with(path)))
            })
        };
        Ok(VerifyReport {
            ok,
            failures: listed,
            failures_elsewhere: elsewhere.len(),
            project: project.display().to_string(),
            source: config.source.clone(),
            tree,
            steps,
            task_id: task_id_opt.map(str::to_owned),
            task_failures: task_id_opt.map(|_| task_failures),
            escalate: task_id_opt.is_some() && task_failures >= config.max_failed_verifies,
        })
    }

    /// Commits the working tree of `project` (canonical) with `message`, when the last verify passed on
    /// exactly this tree.
    pub async fn commit(&self, project: &Path, message: &str) -> WorkflowResult<CommitReport> {
        self.ensure_enabled(project)?;
        if message.trim().is_empty() {
            return Err(WorkflowError::BadRequest(
                "a commit needs a message".to_owned(),
            ));
        }
        let last = self
            .state
            .last_verify(project)?
            .ok_or(WorkflowError::NotVerified)?;
        if !last.failures.is_empty() {
            return Err(WorkflowError::VerifyFailed(last.failures));
        }
        let tree = git::tree_id(project).await?;
        if !last.ok || last.tree != tree {
            return Err(WorkflowError::TreeChanged);
        }
        if git::head_tree(project).await?.as_deref() == Some(tree.as_str()) {
            return Err(WorkflowError::NothingToCommit);
        }
        let commit = git::commit(project, &tree, message).await?;
        Ok(CommitReport { commit, tree })
    }
}

/// The failures of one step: parsed from its output when it failed (or, for `gofmt -l`, whatever it
/// listed), else one saying how it ended.
pub(crate) fn step_failures(
    step: &config::Step,
    ran: &runner::Ran,
    project: &Path,
) -> Vec<Failure> {
    let shown = step.command.join(" ");
    if let Some(error) = &ran.spawn_error {
        return vec![Failure::unplaced("command", format!("`{shown}`: {error}"))];
    }
    if ran.timed_out {
        return vec![Failure::unplaced(
            "timeout",
            format!(
                "`{shown}` ran past its time limit of {}s and was killed",
                step.timeout.as_secs()
            ),
        )];
    }
    let format = parse::Format::of(&step.command);
    if ran.succeeded() && format != parse::Format::Gofmt {
        return Vec::new();
    }
    let mut failures = parse::parse(format, step.name, &ran.output, project);
    if failures.is_empty() && !ran.succeeded() {
        let lines: Vec<&str> = ran.output.lines().collect();
        let tail = lines[lines.len().saturating_sub(TAIL_LINES)..].join("\n");
        let code = ran.exit_code.map_or_else(
            || "was stopped by a signal".to_owned(),
            |code| format!("exited with {code}"),
        );
        failures.push(Failure::unplaced(
            step.name,
            format!("`{shown}` {code}; its output ends:\n{tail}"),
        ));
    }
    failures
}

/// "1 failure", "3 failures".
pub fn failure_count(count: usize) -> String {
    match count {
        1 => "1 failure".to_owned(),
        count => format!("{count} failures"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_description_of_many_long_failures_keeps_to_its_budget_and_counts_the_rest() {
        let long =
            |index: usize| Failure::unplaced("check", format!("{index} {}", "é".repeat(1500)));
        let failures: Vec<Failure> = (0..100).map(long).collect();
        let text = describe(&failures, 8 * 1024);
        assert!(text.len() <= 8 * 1024, "{} bytes", text.len());
        assert!(text.starts_with("check: 0 é"), "{}", &text[..40]);
        assert!(
            text.ends_with("failures more"),
            "{}",
            &text[text.len() - 60..]
        );
        let shown = text
            .lines()
            .filter(|line| line.starts_with("check: "))
            .count();
        let left: usize = text
            .rsplit("… and ")
            .next()
            .and_then(|tail| tail.split(' ').next())
            .and_then(|count| count.parse().ok())
            .expect("a count");
        assert_eq!(shown + left, 100, "every failure shown or counted");
        // Few short ones fit whole.
        let one = Failure::unplaced("test", "adds failed");
        assert_eq!(
            describe(std::slice::from_ref(&one), 8 * 1024),
            "test: adds failed"
        );
    }

    #[test]
    fn failures_as_json_keep_to_their_budget_and_count_the_rest() {
        let long =
            |index: usize| Failure::unplaced("check", format!("{index} {}", "é".repeat(1500)));
        let failures: Vec<Failure> = (0..100).map(long).collect();
        let (json, left) = failures_json(&failures, 8 * 1024);
        assert!(json.len() <= 8 * 1024, "{} bytes", json.len());
        let shown: Vec<Failure> = serde_json::from_str(&json).expect("a JSON array of failures");
        assert!(!shown.is_empty());
        assert_eq!(shown[..], failures[..shown.len()]);
        assert_eq!(shown.len() + left, 100, "every failure shown or counted");
        assert_eq!(failures_json(&failures[..1], 8 * 1024).1, 0);
    }

    #[test]
    fn paths_must_stay_inside_the_project() {
        let dir = tempfile::tempdir().expect("tempdir");
        let project = project_dir(dir.path()).expect("dir");
        std::fs::create_dir(project.join("src")).expect("mkdir");
        assert_eq!(inside(&project, "src").expect("inside"), Path::new("src"));
        assert_eq!(
            inside(&project, "src/new.rs").expect("inside"),
            Path::new("src/new.rs")
        );
        let absolute = project.join("src").display().to_string();
        assert_eq!(
            inside(&project, &absolute).expect("inside"),
            Path::new("src")
        );
        for outside in [
            "..",
            "../x",
            "src/../../x",
            "/etc/passwd",
            "missing/../../x",
        ] {
            assert!(
                matches!(
                    inside(&project, outside),
                    Err(WorkflowError::PathOutside(..))
                ),
                "{outside}"
            );
        }
        std::os::unix::fs::symlink("/etc", project.join("link")).expect("symlink");
        assert!(inside(&project, "link/passwd").is_err());
    }
}
