//! The working tree as git sees it, and committing exactly a tree that was verified.
//!
//! The tree id is what `git add -A` would stage (tracked files and untracked ones not ignored), written with
//! a temporary index so the user's own index is never touched. A commit is `git commit-tree` of that tree
//! with HEAD as parent, then `git update-ref` from the HEAD it was built on (compare-and-set), then the index
//! is refreshed to the new HEAD. Nothing is ever pushed.

use std::{path::Path, process::Stdio, time::Duration};

use super::{
    WorkflowError, WorkflowResult,
    child::{Capped, Running},
};

/// The all-zero id `git update-ref` takes as "the ref must not exist yet".
const NO_COMMIT: &str = "0000000000000000000000000000000000000000";

/// How long one git call may take. `git add -A` of a large repository the first time takes seconds; a git
/// waiting on an fsmonitor hook that hangs, or on a stalled network mount, would otherwise hold the build
/// (one at a time on a node) and every verify or commit after it for good. Past it git and whatever it
/// started are killed, and the step fails saying so.
pub const GIT_DEADLINE: Duration = Duration::from_secs(60);
/// Most of git's standard output kept: every call here prints ids, a ref or one line of counts.
const GIT_OUTPUT: usize = 64 * 1024;
/// Most of git's error output kept for the error message.
const GIT_ERRORS: usize = 4 * 1024;

/// Runs git in `dir` with `envs`, returning its trimmed stdout, or its stderr as the error.
async fn git(dir: &Path, args: &[&str], envs: &[(&str, &Path)]) -> WorkflowResult<String> {
    git_within(dir, args, envs, GIT_DEADLINE).await
}

/// How long git's output is still read after git exited: a process a hook left running in the background may
/// hold the pipes open for good; what git wrote is already in them.
const PIPE_GRACE: Duration = Duration::from_secs(1);

/// [`git`] given up after `deadline`: git and what it started (hooks, its own process group) are asked to
/// stop, which git answers by removing its lock files, then killed ([`super::child`]). Decided by git's exit,
/// not by its pipes closing.
async fn git_within(
    dir: &Path,
    args: &[&str],
    envs: &[(&str, &Path)],
    deadline: Duration,
) -> WorkflowResult<String> {
    let name = args.first().copied().unwrap_or("");
    let mut command = tokio::process::Command::new("git");
    command
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (name, value) in envs {
        command.env(name, value);
    }
    // A caller that gives up (an aborted build, a cancelled request) drops this call, and with it `running`,
    // which then stops git's group as a deadline does, TERM first.
    let mut running = Running::spawn(&mut command)
        .map_err(|error| WorkflowError::Git(format!("cannot run git: {error}")))?;
    let (Some(stdout), Some(stderr)) = (running.stdout(), running.stderr()) else {
        running.stop().await;
        return Err(WorkflowError::Git("cannot read git's output".to_owned()));
    };
    let out = Capped::read(stdout, GIT_OUTPUT);
    let errors = Capped::read(stderr, GIT_ERRORS);
    let status = match running.wait_within(deadline).await {
        Some(status) => {
            status.map_err(|error| WorkflowError::Git(format!("cannot run git: {error}")))?
        }
        None => {
            return Err(WorkflowError::GitTimedOut(format!(
                "git {name} did not finish within {} s and was stopped (a hook or file system that hangs?)",
                deadline.as_secs()
            )));
        }
    };
    let out = out.finish(PIPE_GRACE).await;
    if out.cut {
        return Err(WorkflowError::Git(format!(
            "git {name} printed more than {} KiB, more than SHIM reads",
            GIT_OUTPUT / 1024
        )));
    }
    if status.success() {
        Ok(String::from_utf8_lossy(&out.bytes).trim().to_owned())
    } else {
        let errors = errors.finish(PIPE_GRACE).await;
        Err(WorkflowError::Git(format!(
            "git {name} failed: {}",
            String::from_utf8_lossy(&errors.bytes).trim()
        )))
    }
}

/// The root of the git work tree `project` is in, or an error saying it is not in one.
pub async fn top_level(project: &Path) -> WorkflowResult<std::path::PathBuf> {
    git(project, &["rev-parse", "--show-toplevel"], &[])
        .await
        .map(std::path::PathBuf::from)
        .map_err(|error| match error {
            // A git that hangs says so; only a git that answered says where the repository is not.
            WorkflowError::GitTimedOut(_) => error,
            _ => WorkflowError::Git(format!(
                "{} is not in a git repository: commit needs one (git init)",
                project.display()
            )),
        })
}

/// The id of the tree `git add -A` would commit now.
pub async fn tree_id(project: &Path) -> WorkflowResult<String> {
    let top = top_level(project).await?;
    let scratch = tempfile::tempdir()
        .map_err(|error| WorkflowError::Git(format!("cannot make a temporary index: {error}")))?;
    let index = scratch.path().join("index");
    // Starting from a copy of the real index lets git reuse what it knows of unchanged files.
    let real = git(&top, &["rev-parse", "--git-path", "index"], &[]).await?;
    let real = top.join(real);
    if real.is_file() {
        copy_index(&real, &index)
            .map_err(|error| WorkflowError::Git(format!("cannot copy the index: {error}")))?;
    }
    let envs = [("GIT_INDEX_FILE", index.as_path())];
    git(&top, &["add", "-A", "--", "."], &envs).await?;
    git(&top, &["write-tree"], &envs).await
}

/// Copies the index `real` to `copy` with its modification time: git takes a file whose modification time is
/// not older than its index's for possibly changed (it reads it again), and trusts the size and times of the
/// others. A copy that is newer would have it trust a file rewritten with the same size in the second it was
/// staged, and miss the change.
fn copy_index(real: &Path, copy: &Path) -> std::io::Result<()> {
    std::fs::copy(real, copy)?;
    let modified = std::fs::metadata(real)?.modified()?;
    std::fs::File::options()
        .write(true)
        .open(copy)?
        .set_modified(modified)
}

/// Commits `tree` with `message` on the current branch (or detached HEAD), provided HEAD has not moved
/// from what it is when this starts. Returns the new commit's id.
pub async fn commit(project: &Path, tree: &str, message: &str) -> WorkflowResult<String> {
    let top = top_level(project).await?;
    let head_opt =
        answered(git(&top, &["rev-parse", "--verify", "-q", "HEAD^{commit}"], &[]).await)?
            .filter(|head| !head.is_empty());
    let target = answered(git(&top, &["symbolic-ref", "-q", "HEAD"], &[]).await)?
        .unwrap_or_else(|| "HEAD".to_owned());
    let mut args = vec!["commit-tree", tree, "-m", message];
    if let Some(head) = &head_opt {
        args.extend(["-p", head.as_str()]);
    }
    let commit = git(&top, &args, &[]).await?;
    let old = head_opt.as_deref().unwrap_or(NO_COMMIT);
    git(
        &top,
        &["update-ref", "-m", "shim commit", &target, &commit, old],
        &[],
    )
    .await
    .map_err(|error| match error {
        // Stopped in the middle, the branch may or may not have moved.
        WorkflowError::GitTimedOut(message) => WorkflowError::GitTimedOut(format!(
            "{message}; commit {commit} may or may not be on the branch: `git log -1` shows which"
        )),
        _ => WorkflowError::Git(format!(
            "HEAD moved while committing, nothing committed ({error})"
        )),
    })?;
    // The index now matches the new HEAD, which is the working tree.
    git(&top, &["reset", "-q"], &[]).await?;
    Ok(commit)
}

/// The tree of HEAD, None before the first commit.
pub async fn head_tree(project: &Path) -> WorkflowResult<Option<String>> {
    let top = top_level(project).await?;
    Ok(
        answered(git(&top, &["rev-parse", "--verify", "-q", "HEAD^{tree}"], &[]).await)?
            .filter(|tree| !tree.is_empty()),
    )
}

/// What a git that answers "no" to a question (no HEAD yet, a detached HEAD) says: `None`; a git that did not
/// answer in time stays an error, not a "no".
fn answered(result: WorkflowResult<String>) -> WorkflowResult<Option<String>> {
    match result {
        Ok(answer) => Ok(Some(answer)),
        Err(WorkflowError::GitTimedOut(message)) => Err(WorkflowError::GitTimedOut(message)),
        Err(_) => Ok(None),
    }
}

/// Lines added plus lines removed from tree `from` to tree `to` (binary files count nothing): git's one-line
/// summary (`3 files changed, 10 insertions(+), 2 deletions(-)`), whatever the size of the change.
pub async fn changed_lines(project: &Path, from: &str, to: &str) -> WorkflowResult<u64> {
    let top = top_level(project).await?;
    // In git's own words, whatever the user's language.
    let summary = git(
        &top,
        &["diff-tree", "-r", "--shortstat", from, to],
        &[("LC_ALL", Path::new("C"))],
    )
    .await?;
    Ok(summary
        .split(',')
        .filter(|part| part.contains("insertion") || part.contains("deletion"))
        .filter_map(|part| part.split_whitespace().next()?.parse::<u64>().ok())
        .sum())
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, SystemTime};

    use super::*;

    fn run(dir: &Path, args: &[&str]) -> String {
        let output = std::process::Command::new("git")
            .args([
                "-c",
                "user.name=Test",
                "-c",
                "user.email=test@example.invalid",
            ])
            .args(args)
            .current_dir(dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .expect("git runs");
        assert!(output.status.success(), "git {args:?}: {output:?}");
        String::from_utf8_lossy(&output.stdout).trim().to_owned()
    }

    fn set_modified(path: &Path, at: SystemTime) {
        std::fs::File::options()
            .write(true)
            .open(path)
            .expect("open")
            .set_modified(at)
            .expect("set the modification time");
    }

    #[tokio::test]
    async fn changed_lines_counts_insertions_and_deletions_and_nothing_for_binary_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        run(root, &["init", "-q"]);
        std::fs::write(root.join("a.txt"), "one\ntwo\nthree\n").expect("write");
        run(root, &["add", "-A"]);
        run(root, &["commit", "-q", "-m", "start"]);
        let before = run(root, &["rev-parse", "HEAD^{tree}"]);
        // One line changed (one out, one in), two added, a binary file added.
        std::fs::write(root.join("a.txt"), "one\nTWO\nthree\nfour\nfive\n").expect("write");
        std::fs::write(root.join("b.bin"), [0u8, 1, 2, 0, 255, 0]).expect("write");
        let after = tree_id(root).await.expect("tree");
        assert_eq!(
            changed_lines(root, &before, &after).await.expect("counted"),
            4
        );
        assert_eq!(
            changed_lines(root, &before, &before)
                .await
                .expect("counted"),
            0
        );
    }

    /// A repository whose fsmonitor hook runs `script` (with `PID_FILE` naming where it may say who it is).
    fn with_fsmonitor(root: &Path, script: &str) -> std::path::PathBuf {
        use std::os::unix::fs::PermissionsExt;
        run(root, &["init", "-q"]);
        std::fs::write(root.join("lib.rs"), "fn a() {}\n").expect("write");
        run(root, &["add", "-A"]);
        run(root, &["commit", "-q", "-m", "start"]);
        std::fs::write(root.join("new.rs"), "fn b() {}\n").expect("write");
        let hook = root.join(".git").join("fsmonitor-hook");
        let pid_file = root.join(".git").join("hook.pid");
        let script = script.replace("PID_FILE", &pid_file.display().to_string());
        std::fs::write(&hook, format!("#!/bin/sh\n{script}\n")).expect("write");
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        run(
            root,
            &[
                "config",
                "core.fsmonitor",
                hook.to_str().expect("a UTF-8 path"),
            ],
        );
        pid_file
    }

    /// Whether process `pid` is gone (or only waits to be reaped), waiting up to 30 s for it to go.
    async fn gone(pid: &str) -> bool {
        super::super::child::probe::gone(pid, Duration::from_secs(30)).await
    }

    #[tokio::test]
    async fn a_git_that_hangs_is_stopped_with_its_hooks_at_the_deadline() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().to_path_buf();
        // A hook that never answers, as a stuck file watcher would, and does not stop when asked (so only the
        // kill after the grace ends it); it says who it is first, whole, in one rename.
        let pid_file = with_fsmonitor(
            &root,
            "trap '' TERM\necho $$ > PID_FILE.new && mv PID_FILE.new PID_FILE\nsleep 600",
        );
        // `git add` holds the index's lock while it waits for the hook.
        let call = tokio::spawn({
            let root = root.clone();
            async move { git_within(&root, &["add", "-A"], &[], Duration::from_secs(10)).await }
        });
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        while !pid_file.exists() {
            assert!(std::time::Instant::now() < deadline, "the hook never ran");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let locked = root.join(".git/index.lock").exists();
        let error = tokio::time::timeout(Duration::from_secs(60), call)
            .await
            .expect("git's call came back although git hung")
            .expect("the call ran")
            .expect_err("a git that hangs fails");
        assert!(matches!(error, WorkflowError::GitTimedOut(_)), "{error}");
        assert!(
            error.to_string().contains("did not finish within 10 s"),
            "{error}"
        );
        // Asked to stop (not killed outright), git removed the lock it held: the user's next git command works.
        assert!(locked, "git held the index's lock while the hook hung");
        assert!(
            !root.join(".git/index.lock").exists(),
            "git left its index lock"
        );
        let pid = std::fs::read_to_string(&pid_file).expect("the hook ran");
        assert!(gone(&pid).await, "the hook {} outlived git", pid.trim());
    }

    #[tokio::test]
    async fn a_git_call_given_up_stops_git_and_its_hooks() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().to_path_buf();
        // A hook deaf to TERM: only the kill that follows the grace ends it.
        let pid_file = with_fsmonitor(
            &root,
            "trap '' TERM\necho $$ > PID_FILE.new && mv PID_FILE.new PID_FILE\nsleep 600",
        );
        let call = tokio::spawn(async move {
            git_within(&root, &["status"], &[], Duration::from_secs(600)).await
        });
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        while !pid_file.exists() {
            assert!(std::time::Instant::now() < deadline, "the hook never ran");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        // The caller gives up (an aborted build, a cancelled request).
        call.abort();
        let _ = call.await;
        let pid = std::fs::read_to_string(&pid_file).expect("the hook ran");
        assert!(
            gone(&pid).await,
            "the hook {} outlived the call",
            pid.trim()
        );
    }

    #[tokio::test]
    async fn a_git_done_is_done_though_a_process_it_left_holds_its_output_open() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        // The hook leaves a process behind that holds git's error output (not the hook's answer) open.
        let pid_file = with_fsmonitor(root, "sleep 600 > /dev/null &\necho $! >> PID_FILE\nexit 1");
        let started = std::time::Instant::now();
        let answer = git_within(
            root,
            &["status", "--porcelain"],
            &[],
            Duration::from_secs(30),
        )
        .await;
        // git may run the hook more than once.
        let pids = std::fs::read_to_string(&pid_file).expect("the hook ran");
        for pid in pids.lines() {
            let _ = nix::sys::signal::kill(
                nix::unistd::Pid::from_raw(pid.trim().parse().expect("a pid")),
                nix::sys::signal::Signal::SIGKILL,
            );
        }
        let answer = answer.expect("git answered");
        assert!(answer.contains("new.rs"), "{answer}");
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "waited for the pipes, not for git: {:?}",
            started.elapsed()
        );
    }

    #[tokio::test]
    async fn a_file_rewritten_with_its_size_in_the_second_it_was_staged_is_seen() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let file = root.join("lib.rs");
        // Staged and committed "in the same second" as the rewrite below: a time long past for both, so the
        // test does not depend on the clock.
        let then = SystemTime::UNIX_EPOCH + Duration::from_secs(1_600_000_000);
        std::fs::write(&file, "a + b\n").expect("write");
        set_modified(&file, then);
        run(root, &["init", "-q"]);
        // Only the modification time tells the two versions apart (not the change time, which the test
        // cannot set).
        run(root, &["config", "core.trustctime", "false"]);
        run(root, &["add", "-A"]);
        run(root, &["commit", "-q", "-m", "start"]);
        let committed = run(root, &["rev-parse", "HEAD^{tree}"]);
        set_modified(&root.join(".git/index"), then);
        assert_eq!(tree_id(root).await.expect("tree"), committed);

        std::fs::write(&file, "b + a\n").expect("write");
        set_modified(&file, then);
        let tree = tree_id(root).await.expect("tree");
        assert_ne!(tree, committed, "the rewrite is seen");
        assert_eq!(
            run(root, &["cat-file", "-p", &format!("{tree}:lib.rs")]),
            "b + a"
        );
    }
}
